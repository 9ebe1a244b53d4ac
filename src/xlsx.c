/* xlsx.c - see xlsx.h.  The only file that includes xlsxwriter.h. */
#include "xlsx.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "i18n.h"
#include "sheet.h"
#include "text.h"

#define FONT "Times New Roman"
#define BODY_SIZE 12
#define HEAD_SIZE 13
#define TITLE_SIZE 14
#define TEXT_MAX_WIDTH 45.0   /* wider text columns wrap instead */
#define SHEET_NAME_MAX 31     /* characters, Excel's limit */
#define HEADING_ROWS 7        /* issuer/motto (3), blank, title, period, blank */

/* Every cell style used, all in Times New Roman. */
struct styles {
	lxw_format *issuer_parent, *issuer, *motto, *motto_line, *date_line;
	lxw_format *title, *period, *sec_title, *note;
	lxw_format *header, *text, *number, *date, *group, *total_text, *total_number;
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
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	return f;
}

static void make_styles(lxw_workbook *wb, struct styles *s)
{
	s->issuer_parent = centred(wb, HEAD_SIZE, false);
	s->issuer = centred(wb, HEAD_SIZE, true);
	s->motto = centred(wb, HEAD_SIZE, true);
	s->motto_line = centred(wb, HEAD_SIZE, true);
	format_set_underline(s->motto_line, LXW_UNDERLINE_SINGLE);
	s->date_line = centred(wb, HEAD_SIZE, false);
	format_set_italic(s->date_line);
	s->title = centred(wb, TITLE_SIZE, true);
	s->period = centred(wb, HEAD_SIZE, false);
	format_set_italic(s->period);
	s->sec_title = style(wb, HEAD_SIZE, true);
	s->note = style(wb, BODY_SIZE, false);
	format_set_italic(s->note);
	format_set_text_wrap(s->note);
	format_set_align(s->note, LXW_ALIGN_VERTICAL_TOP);
	s->header = boxed(wb, true, LXW_ALIGN_CENTER);
	format_set_text_wrap(s->header);
	format_set_align(s->header, LXW_ALIGN_VERTICAL_CENTER);
	format_set_bg_color(s->header, 0xD9D9D9);
	s->text = boxed(wb, false, LXW_ALIGN_LEFT);
	format_set_text_wrap(s->text);
	s->number = boxed(wb, false, LXW_ALIGN_RIGHT);
	s->date = boxed(wb, false, LXW_ALIGN_CENTER);
	format_set_num_format(s->date, "dd/mm/yyyy");
	s->group = boxed(wb, true, LXW_ALIGN_LEFT);
	s->total_text = boxed(wb, true, LXW_ALIGN_LEFT);
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

	if (kind == REPORT_NUMBER && as_number(s, &n))
		return worksheet_write_number(ws, r, c, n, total ? st->total_number : st->number);
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

/* Column widths in Excel's units (about one character of the body font). */
static void widths(const struct report_section *sec, double *w)
{
	for (size_t c = 0; c < sec->ncols; c++) {
		const struct report_column *col = &sec->cols[c];
		double best = 4;
		const char *h = col->header;

		/* The header wraps: its longest word must fit. */
		while (*h) {
			size_t n = strcspn(h, " ");
			char *word = strndup(h, n);
			if (word && text_width(word) > best)
				best = text_width(word);
			free(word);
			h += n;
			h += strspn(h, " ");
		}
		for (size_t r = 0; r < sec->nrows; r++) {
			const char *s = sec->rows[r].cells[c];
			double cw = sec->rows[r].kind == REPORT_GROUP ? 0 : text_width(s);
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

/* Rows a merged, wrapped text needs at `chars` characters a line (Excel does
 * not grow merged rows by itself). */
static double merged_height(const char *s, double chars)
{
	double lines = (double)text_width(s) / (chars > 10 ? chars : 10);

	return 16.5 * (lines < 1 ? 1 : (double)(int)(lines + 0.999));
}

/* The heading of a titled report: rows 0-6. */
static lxw_error heading(lxw_worksheet *ws, const struct report *rp, lxw_col_t last,
			 const struct styles *st)
{
	lxw_col_t split = last >= 1 ? (lxw_col_t)((last + 1) * 2 / 5) : 0;
	lxw_error rc = LXW_NO_ERROR;

	if (split < 1 && last >= 1)
		split = 1;
	if (last < 1) { /* one column: everything stacked */
		const char *lines[] = { rp->issuer_parent, rp->issuer, rp->date_line };
		for (int i = 0; i < 3 && !rc; i++)
			rc = worksheet_write_string(ws, (lxw_row_t)i, 0, lines[i] ? lines[i] : "",
						    st->issuer);
	} else {
		rc = span(ws, 0, 0, split - 1, rp->issuer_parent, st->issuer_parent);
		if (!rc)
			rc = span(ws, 1, 0, split - 1, rp->issuer, st->issuer);
		if (!rc)
			rc = span(ws, 0, split, last, _("SOCIALIST REPUBLIC OF VIETNAM"),
				  st->motto);
		if (!rc)
			rc = span(ws, 1, split, last, _("Independence - Freedom - Happiness"),
				  st->motto_line);
		if (!rc)
			rc = span(ws, 2, split, last, rp->date_line, st->date_line);
	}
	if (!rc)
		rc = span(ws, 4, 0, last, rp->title, st->title);
	if (!rc && rp->period)
		rc = span(ws, 5, 0, last, rp->period, st->period);
	if (!rc)
		rc = worksheet_set_row(ws, 4, 2 * 18.75, NULL);
	return rc;
}

static lxw_error table_rows(lxw_worksheet *ws, const struct report_section *sec,
			    lxw_row_t *row, lxw_col_t last, const struct styles *st)
{
	lxw_error rc = LXW_NO_ERROR;

	for (size_t r = 0; r < sec->nrows && !rc; r++, (*row)++) {
		const struct report_row *rw = &sec->rows[r];
		if (rw->kind == REPORT_GROUP) {
			rc = span(ws, *row, 0, last, rw->cells[0], st->group);
			continue;
		}
		for (size_t c = 0; c < sec->ncols && !rc; c++)
			rc = put_cell(ws, *row, (lxw_col_t)c, rw->cells[c], sec->cols[c].kind,
				      rw->kind == REPORT_TOTAL, st);
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
			rc = worksheet_set_row(ws, *row, merged_height(v[i], chars), NULL);
	}
	return rc;
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
		rc = worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, w[c], st->text);
	}
	if (rp->title) {
		rc = rc ? rc : heading(ws, rp, last, st);
		row = HEADING_ROWS;
		if (!rc && sec->title)
			rc = span(ws, row++, 0, last, sec->title, st->sec_title);
	}
	hdr = row;
	for (size_t c = 0; c < sec->ncols && !rc; c++)
		rc = worksheet_write_string(ws, row, (lxw_col_t)c, sec->cols[c].header, st->header);
	row++;
	if (!rc)
		rc = table_rows(ws, sec, &row, last, st);
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
		worksheet_set_paper(ws, 9); /* A4 */
		if (chars > 100)
			worksheet_set_landscape(ws);
		worksheet_fit_to_pages(ws, 1, 0);
		worksheet_set_margins(ws, 0.6, 0.4, 0.6, 0.6);
	}
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
