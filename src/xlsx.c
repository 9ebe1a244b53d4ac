/* xlsx.c - see xlsx.h.  The only file that includes xlsxwriter.h. */
#include "xlsx.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "i18n.h"
#include "report_doc.h"
#include "sheet.h"

#define FONT "Times New Roman"
#define BODY_SIZE 12
#define HEAD_SIZE 13
#define TITLE_SIZE 14
#define TEXT_MAX_WIDTH 45.0   /* wider text columns wrap instead */
#define SHEET_NAME_MAX 31     /* characters, Excel's limit */
/* Column widths count characters of the default font (Calibri 11), about
 * 5.25 points each: so many fit across A4's width inside the decree's
 * margins, portrait and landscape. */
#define UNIT_PT 5.25
#define PORTRAIT_UNITS 88.0
#define COVER_LEFT 36.0       /* the cover's two columns: issuing body, national title */
#define COVER_RIGHT 52.0
#define LINE_FACTOR 1.35      /* a line's height in points for each point of the font */

/* Every cell style used, all in Times New Roman.  Only the tables' cells
 * have borders: a column's default style (plain) has none, so no empty
 * box floats outside a table. */
struct styles {
	lxw_format *plain, *issuer_parent, *issuer, *motto, *motto_line, *date_line, *rule;
	lxw_format *number_line, *title, *period, *part, *para, *sec_title, *note;
	lxw_format *recip_head, *recip, *sign, *annex_line, *dots;
	lxw_format *header, *text, *number, *seq, *date, *group, *total_text, *total_number;
};

static lxw_format *style(lxw_workbook *wb, int size, bool bold)
{
	lxw_format *f = workbook_add_format(wb);

	format_set_font_name(f, FONT);
	format_set_font_size(f, size);
	if (bold)
		format_set_bold(f);
	format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	return f;
}

static lxw_format *centred(lxw_workbook *wb, int size, bool bold)
{
	lxw_format *f = style(wb, size, bold);

	format_set_align(f, LXW_ALIGN_CENTER);
	format_set_text_wrap(f);
	return f;
}

static lxw_format *boxed(lxw_workbook *wb, bool bold, uint8_t align)
{
	lxw_format *f = style(wb, BODY_SIZE, bold);

	format_set_border(f, LXW_BORDER_THIN);
	format_set_align(f, align);
	format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	return f;
}

static void make_heading_styles(lxw_workbook *wb, struct styles *s)
{
	s->plain = style(wb, BODY_SIZE, false);
	s->issuer_parent = centred(wb, HEAD_SIZE, false);
	s->issuer = centred(wb, HEAD_SIZE, true);
	s->rule = centred(wb, 6, false);
	s->motto = centred(wb, HEAD_SIZE - 1, true);
	s->motto_line = centred(wb, HEAD_SIZE, true);
	format_set_underline(s->motto_line, LXW_UNDERLINE_SINGLE);
	s->number_line = centred(wb, HEAD_SIZE, false);
	s->date_line = centred(wb, TITLE_SIZE, false);
	format_set_italic(s->date_line);
	s->title = centred(wb, TITLE_SIZE, true);
	s->period = centred(wb, TITLE_SIZE, false);
	format_set_italic(s->period);
	s->part = style(wb, TITLE_SIZE, true);
	format_set_indent(s->part, 2);
	s->para = style(wb, TITLE_SIZE, false);
	format_set_text_wrap(s->para);
	format_set_align(s->para, LXW_ALIGN_JUSTIFY);
	format_set_align(s->para, LXW_ALIGN_VERTICAL_TOP);
	s->dots = style(wb, BODY_SIZE, false);
	s->recip_head = style(wb, BODY_SIZE, true);
	format_set_italic(s->recip_head);
	s->recip = style(wb, BODY_SIZE - 1, false);
	s->sign = centred(wb, TITLE_SIZE, true);
	s->annex_line = centred(wb, HEAD_SIZE, false);
	format_set_italic(s->annex_line);
	s->sec_title = centred(wb, TITLE_SIZE, true);
	s->note = style(wb, BODY_SIZE, false);
	format_set_italic(s->note);
	format_set_text_wrap(s->note);
	format_set_align(s->note, LXW_ALIGN_VERTICAL_TOP);
}

static void make_styles(lxw_workbook *wb, struct styles *s)
{
	make_heading_styles(wb, s);
	s->header = boxed(wb, true, LXW_ALIGN_CENTER);
	format_set_text_wrap(s->header);
	format_set_bg_color(s->header, 0xD9D9D9);
	/* Text is set in from the left: a right-aligned figure before it keeps a gap. */
	s->text = boxed(wb, false, LXW_ALIGN_LEFT);
	format_set_text_wrap(s->text);
	format_set_indent(s->text, 1);
	s->number = boxed(wb, false, LXW_ALIGN_RIGHT);
	s->seq = boxed(wb, false, LXW_ALIGN_CENTER);
	s->date = boxed(wb, false, LXW_ALIGN_CENTER);
	format_set_num_format(s->date, "dd/mm/yyyy");
	s->group = boxed(wb, true, LXW_ALIGN_LEFT);
	s->total_text = boxed(wb, true, LXW_ALIGN_LEFT);
	format_set_text_wrap(s->total_text);
	format_set_indent(s->total_text, 1);
	s->total_number = boxed(wb, true, LXW_ALIGN_RIGHT);
}

/* ---- cells -------------------------------------------------------------------------- */

/* A whole integer, or false. */
static bool as_number(const char *s, double *out)
{
	char *end;
	long long v;

	if (!*s)
		return false;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (*end || errno)
		return false;
	*out = (double)v;
	return true;
}

/* "DD/MM/YYYY" (reports) or "YYYY-MM-DD" (exports) as a date, or false. */
static bool as_date(const char *s, lxw_datetime *d)
{
	date_t day;

	memset(d, 0, sizeof *d);
	if (date_parse_vn(s, &day))
		return false;
	date_to_ymd(day, &d->year, &d->month, &d->day);
	return true;
}

static lxw_error put_cell(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s,
			  enum report_kind kind, bool total, const struct styles *st)
{
	double n;
	lxw_datetime d;

	if ((kind == REPORT_NUMBER || kind == REPORT_SEQ) && as_number(s, &n))
		return worksheet_write_number(ws, r, c, n, kind == REPORT_SEQ ? st->seq
						     : total ? st->total_number : st->number);
	if (kind == REPORT_DATE && as_date(s, &d))
		return worksheet_write_datetime(ws, r, c, &d, st->date);
	if (!*s)
		return worksheet_write_blank(ws, r, c, total ? st->total_text : st->text);
	return worksheet_write_string(ws, r, c, s, total ? st->total_text : st->text);
}

/* Write `s` over columns first..last of row r (merged when more than one). */
static lxw_error span(lxw_worksheet *ws, lxw_row_t r, lxw_col_t first, lxw_col_t last,
		      const char *s, lxw_format *f)
{
	if (last > first)
		return worksheet_merge_range(ws, r, first, r, last, s ? s : "", f);
	return worksheet_write_string(ws, r, first, s ? s : "", f);
}

/* ---- layout --------------------------------------------------------------------------- */

/* Column units that `em` ems of Times New Roman take at `size` points
 * (bold a little wider). */
static double units(double em, int size, bool bold)
{
	return em * size * (bold ? 1.08 : 1.0) / UNIT_PT;
}

/* The lines `line` (no line break in it) takes wrapped at spaces in
 * `avail` units, as a spreadsheet wraps it: word by word, a word wider
 * than the cell on lines of its own. */
static double wrapped_lines(const char *line, int size, bool bold, double avail)
{
	double lines = 1, used = 0, space = units(report_text_em(" "), size, bold);

	for (const char *p = line + strspn(line, " "); *p; p += strspn(p, " ")) {
		size_t n = strcspn(p, " ");
		char *word = strndup(p, n);
		double w = word ? units(report_text_em(word), size, bold) : avail;

		free(word);
		p += n;
		if (used > 0 && used + space + w <= avail) {
			used += space + w;
			continue;
		}
		if (used > 0)
			lines++;
		/* A word too wide for the cell is broken over lines of its own. */
		for (used = w; used > avail; used -= avail)
			lines++;
	}
	return lines;
}

/* The height in points of a row holding `s` wrapped in `width` units. */
static double wrapped_height(const char *s, int size, bool bold, double width)
{
	double lines = 0, avail = width > 3 ? width - 2 : 1;

	/* Each line of s wraps on its own. */
	for (const char *p = s; ; ) {
		size_t n = strcspn(p, "\n");
		char *line = strndup(p, n);
		lines += line ? wrapped_lines(line, size, bold, avail) : 1;
		free(line);
		if (!p[n])
			break;
		p += n + 1;
	}
	return lines * size * LINE_FACTOR + 2;
}

/* Column widths in Excel's units: figures as wide as their widest cell,
 * text as wide as its widest cell up to TEXT_MAX_WIDTH, and every header
 * wide enough for its longest word in bold. */
static void widths(const struct report_section *sec, double *w)
{
	for (size_t c = 0; c < sec->ncols; c++) {
		const struct report_column *col = &sec->cols[c];
		double best = units(report_word_em(col->header), BODY_SIZE, true);

		for (size_t r = 0; r < sec->nrows; r++) {
			const char *s = sec->rows[r].cells[c];
			double cw = sec->rows[r].kind == REPORT_GROUP ? 0
				    : units(report_text_em(s), BODY_SIZE,
					    sec->rows[r].kind == REPORT_TOTAL) + 1;
			if (cw > best)
				best = cw;
		}
		if (col->kind == REPORT_DATE)
			best = best < 11 ? 11 : best;
		if (col->kind == REPORT_TEXT && best > TEXT_MAX_WIDTH)
			best = TEXT_MAX_WIDTH;
		w[c] = best + 2;
	}
}

/* Page set-up shared by every sheet: A4, the decree's margins, one page
 * wide, the page number in the footer. */
static lxw_error page_setup(lxw_worksheet *ws, bool landscape)
{
	worksheet_set_paper(ws, 9); /* A4 */
	if (landscape)
		worksheet_set_landscape(ws);
	else
		worksheet_set_portrait(ws);
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_set_margins(ws, 30 / 25.4, 15 / 25.4, 20 / 25.4, 20 / 25.4);
	lxw_header_footer_options footer = { .margin = 0.4 };

	return worksheet_set_footer_opt(ws, "&C&\"Times New Roman\"&11&P/&N", &footer);
}

/* ---- the cover: the report itself -------------------------------------------------------- */

/* A row of the cover: its text over both columns, tall enough for it. */
static lxw_error cover_line(lxw_worksheet *ws, lxw_row_t r, const char *s, lxw_format *f,
			    int size, bool caps)
{
	lxw_error rc = span(ws, r, 0, 1, s, f);

	return rc ? rc : worksheet_set_row(ws, r, wrapped_height(s, size, caps,
							 COVER_LEFT + COVER_RIGHT), NULL);
}

/* The national heading, rows 0-3: issuing body, rule and number top left;
 * national title, motto and date line top right. */
static lxw_error cover_heading(lxw_worksheet *ws, const struct report *rp, const struct styles *st)
{
	const char *name = rp->issuer_parent ? rp->issuer_parent : "";
	/* On two lines when one does not fit its column, never wrapped by chance. */
	char *two = units(report_text_em(name), HEAD_SIZE, false) > COVER_LEFT - 2
		    ? report_two_lines(name) : NULL;
	const char *parent = two ? two : name;
	char num[160];
	lxw_error rc;

	report_number_line(rp, num, sizeof num);
	rc = worksheet_write_string(ws, 0, 0, parent, st->issuer_parent);
	if (!rc)
		rc = worksheet_write_string(ws, 0, 1, _("SOCIALIST REPUBLIC OF VIETNAM"), st->motto);
	if (!rc)
		rc = worksheet_set_row(ws, 0, wrapped_height(parent, HEAD_SIZE, true, COVER_LEFT),
				       NULL);
	if (!rc)
		rc = worksheet_write_string(ws, 1, 0, rp->issuer ? rp->issuer : "", st->issuer);
	if (!rc)
		rc = worksheet_write_string(ws, 1, 1, _("Independence - Freedom - Happiness"),
					    st->motto_line);
	if (!rc)
		rc = worksheet_set_row(ws, 1, HEAD_SIZE * LINE_FACTOR + 2, NULL);
	/* The short rule under the issuing body: a line of em dashes. */
	if (!rc)
		rc = worksheet_write_string(ws, 2, 0, "——————————", st->rule);
	if (!rc)
		rc = worksheet_set_row(ws, 2, 9, NULL);
	if (!rc)
		rc = worksheet_write_string(ws, 3, 0, num, st->number_line);
	if (!rc)
		rc = worksheet_write_string(ws, 3, 1, rp->date_line ? rp->date_line : "",
					    st->date_line);
	if (!rc)
		rc = worksheet_set_row(ws, 3, TITLE_SIZE * LINE_FACTOR + 8, NULL);
	free(two);
	return rc;
}

/* The body's parts from row *r: headed "I.", "II."...; the office's empty
 * ones get two dotted lines to write on. */
static lxw_error cover_body(lxw_worksheet *ws, const struct report *rp, lxw_row_t *r,
			    const struct styles *st)
{
	char dots[121];
	lxw_error rc = LXW_NO_ERROR;
	char head[256], roman[16];

	/* Full stops, as forms have them; as many as fit the page on one line. */
	memset(dots, '.', sizeof dots - 1);
	dots[sizeof dots - 1] = 0;
	for (int i = 0; i < REPORT_PARTS && !rc; i++) {
		const struct report_part *p = &rp->parts[i];
		report_roman(i + 1, roman);
		snprintf(head, sizeof head, "%s. %s", roman, p->heading ? p->heading : "");
		rc = cover_line(ws, (*r)++, head, st->part, TITLE_SIZE, true);
		for (size_t j = 0; j < p->nparas && !rc; j++)
			rc = cover_line(ws, (*r)++, p->paras[j], st->para, TITLE_SIZE, false);
		if (!rc && i == REPORT_PART_RESULTS && rp->nsections)
			rc = cover_line(ws, (*r)++, report_annex_note(), st->para, TITLE_SIZE, false);
		for (int k = 0; k < 2 && !rc && !p->nparas && i != REPORT_PART_RESULTS; k++)
			rc = cover_line(ws, (*r)++, dots, st->dots, BODY_SIZE, false);
	}
	return rc;
}

/* "Nơi nhận" in the left column, the signature block in the right, from row r. */
static lxw_error cover_signature(lxw_worksheet *ws, const struct report *rp, lxw_row_t r,
				 const struct styles *st)
{
	const struct report_doc *d = &rp->doc;
	size_t n = report_recipients(rp);
	lxw_row_t sr = r;
	lxw_error rc = worksheet_write_string(ws, r, 0, _("Recipients:"), st->recip_head);
	char line[512];

	for (size_t i = 0; i < n && !rc; i++) {
		report_recipient(rp, i, line, sizeof line);
		rc = worksheet_write_string(ws, r + 1 + (lxw_row_t)i, 0, line, st->recip);
	}
	if (!rc && d->authority && *d->authority)
		rc = worksheet_write_string(ws, sr++, 1, d->authority, st->sign);
	if (!rc)
		rc = worksheet_write_string(ws, sr, 1, d->sign_title ? d->sign_title : "", st->sign);
	/* Room to sign: four lines, or more when the recipients go further. */
	sr += 5;
	if (!rc && d->signer && *d->signer)
		rc = worksheet_write_string(ws, sr, 1, d->signer, st->sign);
	return rc;
}

static lxw_error cover(lxw_workbook *wb, const struct report *rp, const struct styles *st)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, _("The report"));
	lxw_row_t r = 5;
	lxw_error rc;

	if (!ws)
		return LXW_ERROR_SHEETNAME_ALREADY_USED;
	rc = worksheet_set_column(ws, 0, 0, COVER_LEFT, st->plain);
	if (!rc)
		rc = worksheet_set_column(ws, 1, 1, COVER_RIGHT, st->plain);
	if (!rc)
		rc = cover_heading(ws, rp, st);
	if (!rc)
		rc = cover_line(ws, r++, rp->title, st->title, TITLE_SIZE, true);
	if (!rc && rp->period)
		rc = cover_line(ws, r++, rp->period, st->period, TITLE_SIZE, false);
	r++;
	if (!rc)
		rc = cover_body(ws, rp, &r, st);
	if (!rc)
		rc = cover_signature(ws, rp, r + 1, st);
	return rc ? rc : page_setup(ws, false);
}

/* ---- the annexes: one sheet per section ---------------------------------------------------- */

/* The rows of a table; a row whose text wraps is made tall enough for it
 * (a reader need not grow rows a workbook sets no height for). */
static lxw_error table_rows(lxw_worksheet *ws, const struct report_section *sec,
			    lxw_row_t *row, const double *w, const struct styles *st)
{
	lxw_col_t last = (lxw_col_t)(sec->ncols ? sec->ncols - 1 : 0);
	double one = wrapped_height("", BODY_SIZE, false, 10);
	lxw_error rc = LXW_NO_ERROR;

	for (size_t r = 0; r < sec->nrows && !rc; r++, (*row)++) {
		const struct report_row *rw = &sec->rows[r];
		double height = one;
		if (rw->kind == REPORT_GROUP) {
			rc = span(ws, *row, 0, last, rw->cells[0], st->group);
			continue;
		}
		for (size_t c = 0; c < sec->ncols && !rc; c++) {
			bool total = rw->kind == REPORT_TOTAL;
			double h = sec->cols[c].kind != REPORT_TEXT ? one
				   : wrapped_height(rw->cells[c], BODY_SIZE, total, w[c] - 1);
			if (h > height)
				height = h;
			rc = put_cell(ws, *row, (lxw_col_t)c, rw->cells[c], sec->cols[c].kind,
				      total, st);
		}
		if (!rc && height > one)
			rc = worksheet_set_row(ws, *row, height, NULL);
	}
	return rc;
}

static lxw_error notes(lxw_worksheet *ws, char **v, size_t n, lxw_row_t *row, lxw_col_t last,
		       double chars, const struct styles *st)
{
	lxw_error rc = LXW_NO_ERROR;

	for (size_t i = 0; i < n && !rc; i++, (*row)++) {
		rc = span(ws, *row, 0, last, v[i], st->note);
		if (!rc)
			rc = worksheet_set_row(ws, *row, wrapped_height(v[i], BODY_SIZE, false, chars),
					       NULL);
	}
	return rc;
}

/* The annex's label, title and the line tying it to the report, rows 0-2. */
static lxw_error annex_heading(lxw_worksheet *ws, const struct report *rp, size_t idx,
			       lxw_col_t last, double chars, const struct styles *st)
{
	char label[64], line[256];
	const char *rows[3];
	lxw_format *f[3] = { st->sec_title, st->sec_title, st->annex_line };
	lxw_error rc = LXW_NO_ERROR;

	report_annex_label(idx, label, sizeof label);
	report_annex_line(rp, line, sizeof line);
	rows[0] = label;
	rows[1] = report_annex_title(&rp->sections[idx]);
	rows[2] = line;
	for (lxw_row_t r = 0; r < 3 && !rc; r++) {
		rc = span(ws, r, 0, last, rows[r], f[r]);
		if (!rc)
			rc = worksheet_set_row(ws, r, wrapped_height(rows[r], r < 2 ? TITLE_SIZE
								     : HEAD_SIZE, r < 2, chars), NULL);
	}
	return rc;
}

/* The header row, tall enough for its longest wrapped header. */
static lxw_error header_row(lxw_worksheet *ws, const struct report_section *sec, lxw_row_t row,
			   const double *w, const struct styles *st)
{
	double height = BODY_SIZE * LINE_FACTOR + 4;
	lxw_error rc = LXW_NO_ERROR;

	for (size_t c = 0; c < sec->ncols && !rc; c++) {
		double h = wrapped_height(sec->cols[c].header, BODY_SIZE, true, w[c]) + 4;
		if (h > height)
			height = h;
		rc = worksheet_write_string(ws, row, (lxw_col_t)c, sec->cols[c].header, st->header);
	}
	return rc ? rc : worksheet_set_row(ws, row, height, NULL);
}

static lxw_error sheet(lxw_workbook *wb, const struct report *rp, size_t idx, const char *name,
		       const struct styles *st)
{
	const struct report_section *sec = &rp->sections[idx];
	lxw_worksheet *ws = workbook_add_worksheet(wb, name);
	lxw_col_t last = (lxw_col_t)(sec->ncols ? sec->ncols - 1 : 0);
	lxw_row_t row = 0, hdr;
	double *w = calloc(sec->ncols ? sec->ncols : 1, sizeof *w), chars = 0;
	lxw_error rc = LXW_NO_ERROR;

	if (!ws || !w) {
		free(w);
		return ws ? LXW_ERROR_MEMORY_MALLOC_FAILED : LXW_ERROR_SHEETNAME_ALREADY_USED;
	}
	widths(sec, w);
	for (size_t c = 0; c < sec->ncols && !rc; c++) {
		chars += w[c];
		rc = worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, w[c], st->plain);
	}
	if (rp->title) {
		rc = rc ? rc : annex_heading(ws, rp, idx, last, chars, st);
		row = 4;
	}
	hdr = row;
	if (!rc)
		rc = header_row(ws, sec, row++, w, st);
	if (!rc)
		rc = table_rows(ws, sec, &row, w, st);
	if (!rc && !rp->title && sec->nrows)
		rc = worksheet_autofilter(ws, hdr, 0, row - 1, last);
	if (!rc && (sec->nnotes || (idx + 1 == rp->nsections && rp->nnotes)))
		row++;
	if (!rc)
		rc = notes(ws, sec->notes, sec->nnotes, &row, last, chars, st);
	if (!rc && idx + 1 == rp->nsections)
		rc = notes(ws, rp->notes, rp->nnotes, &row, last, chars, st);
	if (!rc) {
		worksheet_freeze_panes(ws, hdr + 1, 0);
		rc = worksheet_repeat_rows(ws, hdr, hdr);
	}
	/* Landscape only for a table too wide to read on a portrait page. */
	if (!rc)
		rc = page_setup(ws, chars > PORTRAIT_UNITS * 1.3);
	free(w);
	return rc;
}

/* A worksheet name Excel accepts: no []:*?/\, at most 31 characters, unique. */
static void sheet_name(const struct report *rp, size_t idx, char *buf, size_t n)
{
	const char *src = rp->sections[idx].sheet;
	char base[128];
	size_t len = 0;

	snprintf(base, sizeof base, "%s", src && *src ? src : "Sheet");
	for (char *p = base; *p; p++)
		if (strchr("[]:*?/\\'", *p))
			*p = ' ';
	/* Count characters, not bytes; leave room for " (9)". */
	for (size_t chars = 0; base[len] && chars < SHEET_NAME_MAX - 4; chars++) {
		len++;
		while ((base[len] & 0xC0) == 0x80)
			len++;
	}
	base[len] = 0;
	snprintf(buf, n, "%s", base);
	for (size_t j = 0; j < idx; j++) {
		const char *other = rp->sections[j].sheet;
		if (other && src && strcmp(other, src) == 0) {
			snprintf(buf, n, "%s (%zu)", base, idx + 1);
			break;
		}
	}
}

int xlsx_write_report(const struct report *rp, const char *path, struct err *e)
{
	lxw_workbook_options opt = { .constant_memory = LXW_FALSE, .tmpdir = NULL };
	lxw_doc_properties props = { 0 };
	lxw_workbook *wb;
	struct styles st;
	lxw_error rc = LXW_NO_ERROR;
	char name[160];

	if (!rp->nsections)
		return err_set(e, ERR_INVALID, _("The report is empty."));
	if (!(wb = workbook_new_opt(path, &opt)))
		return err_set(e, ERR_IO, _("Cannot create %s."), path);
	props.title = rp->title;
	props.company = rp->issuer_parent;
	props.author = rp->issuer;
	workbook_set_properties(wb, &props);
	make_styles(wb, &st);
	if (rp->title)
		rc = cover(wb, rp, &st);
	for (size_t i = 0; i < rp->nsections && !rc; i++) {
		sheet_name(rp, i, name, sizeof name);
		rc = sheet(wb, rp, i, name, &st);
	}
	if (rc) {
		/* Still close, to free the workbook; the file it writes is removed. */
		workbook_close(wb);
		unlink(path);
		return err_set(e, ERR_IO, _("Cannot write %s: %s."), path, lxw_strerror(rc));
	}
	if ((rc = workbook_close(wb))) {
		unlink(path);
		return err_set(e, ERR_IO, _("Cannot write %s: %s."), path, lxw_strerror(rc));
	}
	return 0;
}
