/* report.c - see report.h. */
#include "report.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>


#include "csvio.h"
#include "i18n.h"
#include "mem.h"
#include "text.h"

#define MIN_WIDTH 40
#define GAP 1          /* spaces between table columns */
#define MIN_TEXT_COL 6 /* a text column is not narrowed below this */

/* ---- building ------------------------------------------------------------------- */

struct report *report_new(void)
{
	return calloc(1, sizeof(struct report));
}

static void free_strings(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void report_free(struct report *rp)
{
	if (!rp)
		return;
	for (size_t s = 0; s < rp->nsections; s++) {
		struct report_section *sec = &rp->sections[s];
		for (size_t r = 0; r < sec->nrows; r++)
			free_strings(sec->rows[r].cells, sec->ncols);
		for (size_t c = 0; c < sec->ncols; c++)
			free(sec->cols[c].header);
		free(sec->cols);
		free(sec->rows);
		free(sec->title);
		free(sec->sheet);
		free_strings(sec->notes, sec->nnotes);
	}
	free(rp->sections);
	free_strings(rp->notes, rp->nnotes);
	free(rp->issuer_parent);
	free(rp->issuer);
	free(rp->date_line);
	free(rp->title);
	free(rp->period);
	free(rp->doc.symbol);
	free(rp->doc.number);
	free(rp->doc.authority);
	free(rp->doc.sign_title);
	free(rp->doc.signer);
	free_strings(rp->doc.recipients, rp->doc.nrecipients);
	free(rp->doc.archive);
	for (int i = 0; i < REPORT_PARTS; i++) {
		free(rp->parts[i].heading);
		free_strings(rp->parts[i].paras, rp->parts[i].nparas);
	}
	free(rp);
}

static const char *nz(const char *s)
{
	return s ? s : "";
}

/* strdup that marks the report failed; NULL in gives NULL out. */
static char *dup(struct report *rp, const char *s)
{
	char *d;

	if (!s)
		return NULL;
	if (!(d = strdup(s)))
		rp->failed = true;
	return d;
}

void report_date_line(const char *place, date_t day, char *buf, size_t n)
{
	char d[4], m[4];
	int y, mo, dd;

	date_to_ymd(day, &y, &mo, &dd);
	/* Vietnamese documents write days below 10 and the months January and
	 * February with a leading zero ("ngày 05 tháng 02"), other months bare. */
	snprintf(d, sizeof d, "%02d", dd % 100);
	snprintf(m, sizeof m, mo <= 2 ? "%02d" : "%d", mo % 100);
	snprintf(buf, n, _("%s, %s/%s/%d"), place ? place : "", d, m, y);
}

/* The config's recipients, one per '|'-separated item, blank items skipped. */
static void split_recipients(struct report *rp, const char *list)
{
	while (list && *list) {
		size_t n = strcspn(list, "|"), lead = strspn(list, " ");
		char **v;

		while (n > lead && list[n - 1] == ' ')
			n--;
		if (n > lead) {
			if (!(v = realloc(rp->doc.recipients,
					  (rp->doc.nrecipients + 1) * sizeof *v))) {
				rp->failed = true;
				return;
			}
			rp->doc.recipients = v;
			if (!(v[rp->doc.nrecipients] = strndup(list + lead, n - lead))) {
				rp->failed = true;
				return;
			}
			rp->doc.nrecipients++;
		}
		list += strcspn(list, "|");
		list += *list == '|';
	}
}

void report_heading(struct report *rp, const struct config *cfg, int year, date_t day,
		    const char *title, const char *period)
{
	struct config_heading h = config_heading(cfg, year);
	static const char *const heads[REPORT_PARTS] = {
		N_("RESULTS"), N_("GENERAL ASSESSMENT"), N_("DIRECTIONS AND TASKS AHEAD"),
	};
	char line[256];

	report_date_line(h.place, day, line, sizeof line);
	rp->issuer_parent = dup(rp, h.issuer_parent);
	rp->issuer = dup(rp, h.issuer);
	rp->date_line = dup(rp, line);
	rp->title = dup(rp, title);
	rp->period = dup(rp, period);
	rp->doc.symbol = dup(rp, h.symbol ? h.symbol : "");
	rp->doc.number = dup(rp, "");
	rp->doc.authority = dup(rp, h.sign_authority ? h.sign_authority : "");
	rp->doc.sign_title = dup(rp, h.sign_title ? h.sign_title : "");
	rp->doc.signer = dup(rp, h.signer ? h.signer : "");
	rp->doc.archive = dup(rp, h.archive ? h.archive : "");
	rp->doc.day = day;
	split_recipients(rp, h.recipients);
	for (int i = 0; i < REPORT_PARTS; i++)
		rp->parts[i].heading = dup(rp, _(heads[i]));
}

/* Replace *field by a copy of s. */
static void set_text(struct report *rp, char **field, const char *s)
{
	char *d = dup(rp, s ? s : "");

	if (d) {
		free(*field);
		*field = d;
	}
}

void report_set_number(struct report *rp, const char *number)
{
	set_text(rp, &rp->doc.number, number);
}

void report_set_signer(struct report *rp, const char *name)
{
	set_text(rp, &rp->doc.signer, name);
}

/* Append the formatted text to the strings *v (count *n); a failure marks the report. */
__attribute__((format(printf, 4, 0)))
static void append_vf(struct report *rp, char ***v, size_t *n, const char *fmt, va_list ap)
{
	char **grown = realloc(*v, (*n + 1) * sizeof **v), *s;

	if (!grown) {
		rp->failed = true;
		return;
	}
	*v = grown;
	if (vasprintf(&s, fmt, ap) < 0) {
		rp->failed = true;
		return;
	}
	grown[(*n)++] = s;
}

void report_para(struct report *rp, const char *fmt, ...)
{
	struct report_part *p = &rp->parts[REPORT_PART_RESULTS];
	va_list ap;

	va_start(ap, fmt);
	append_vf(rp, &p->paras, &p->nparas, fmt, ap);
	va_end(ap);
}

struct report_section *report_section(struct report *rp, const char *title, const char *sheet,
				      size_t ncols, const char *const *headers,
				      const enum report_kind *kinds)
{
	struct report_section *v = realloc(rp->sections, (rp->nsections + 1) * sizeof *v), *s;

	if (!v) {
		rp->failed = true;
		return NULL;
	}
	rp->sections = v;
	s = &v[rp->nsections];
	memset(s, 0, sizeof *s);
	if (!(s->cols = calloc(ncols, sizeof *s->cols))) {
		rp->failed = true;
		return NULL;
	}
	rp->nsections++;
	s->ncols = ncols;
	s->title = dup(rp, title);
	s->sheet = dup(rp, sheet);
	for (size_t i = 0; i < ncols; i++) {
		s->cols[i].header = dup(rp, headers[i] ? headers[i] : "");
		s->cols[i].kind = kinds[i];
	}
	return s;
}

void report_row(struct report *rp, struct report_section *sec, enum report_row_kind kind,
		const char *const *cells)
{
	struct report_row *r;

	if (!sec)
		return;
	if (sec->nrows == sec->cap &&
	    mem_grow(&sec->rows, &sec->cap, sec->nrows + 1, sizeof *sec->rows, 32)) {
		rp->failed = true;
		return;
	}
	r = &sec->rows[sec->nrows];
	if (!(r->cells = calloc(sec->ncols, sizeof *r->cells))) {
		rp->failed = true;
		return;
	}
	r->kind = kind;
	for (size_t i = 0; i < sec->ncols; i++) {
		const char *c = (kind == REPORT_GROUP && i) || !cells[i] ? "" : cells[i];
		if (!(r->cells[i] = strdup(c))) {
			rp->failed = true;
			free_strings(r->cells, i);
			return;
		}
	}
	sec->nrows++;
}

void report_group(struct report *rp, struct report_section *sec, const char *text)
{
	const char *cells[] = { text };

	if (sec && sec->ncols)
		report_row(rp, sec, REPORT_GROUP, cells);
}

void report_note(struct report *rp, struct report_section *sec, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	append_vf(rp, sec ? &sec->notes : &rp->notes, sec ? &sec->nnotes : &rp->nnotes, fmt, ap);
	va_end(ap);
}

int report_status(const struct report *rp, struct err *e)
{
	if (rp->failed)
		return err_nomem(e);
	return 0;
}

void report_roman(int n, char buf[16])
{
	static const struct { int v; const char *s; } digits[] = {
		{ 1000, "M" }, { 900, "CM" }, { 500, "D" }, { 400, "CD" }, { 100, "C" },
		{ 90, "XC" }, { 50, "L" }, { 40, "XL" }, { 10, "X" }, { 9, "IX" }, { 5, "V" },
		{ 4, "IV" }, { 1, "I" },
	};
	size_t len = 0;

	buf[0] = 0;
	if (n <= 0 || n >= 4000)
		return;
	for (size_t i = 0; i < sizeof digits / sizeof digits[0]; i++)
		while (n >= digits[i].v && len + strlen(digits[i].s) < 16) {
			strcpy(buf + len, digits[i].s);
			len += strlen(digits[i].s);
			n -= digits[i].v;
		}
}

/* ---- text layout ---------------------------------------------------------------- */

/* Lines being laid out; `failed` is sticky like the report's. */
struct out {
	struct report_lines *l;
	size_t cap;
	int width;
	bool failed;
};

static void push(struct out *o, char *s)
{
	if (!s) {
		o->failed = true;
		return;
	}
	if (o->l->n == o->cap && mem_grow(&o->l->v, &o->cap, o->l->n + 1, sizeof *o->l->v, 64)) {
		free(s);
		o->failed = true;
		return;
	}
	/* No line ever ends in spaces, and none is wider than the page. */
	size_t n = text_fit(s, o->width, NULL);
	while (n && s[n - 1] == ' ')
		n--;
	s[n] = 0;
	o->l->v[o->l->n++] = s;
}

/* A string of `n` copies of `c` (n >= 0). */
static char *repeat(char c, int n)
{
	char *s = malloc((size_t)(n > 0 ? n : 0) + 1);

	if (s) {
		memset(s, c, (size_t)(n > 0 ? n : 0));
		s[n > 0 ? n : 0] = 0;
	}
	return s;
}

/* Append `s` to the growing line `*line` (length *len), padded to `cols` columns
 * on the left (`right` aligned) or the right. */
static int put_cell(char **line, size_t *len, const char *s, int cols, int align)
{
	int w = text_width(s), pad = cols > w ? cols - w : 0;
	int left = align > 0 ? pad : align == 0 ? pad / 2 : 0, rightpad = pad - left;
	size_t n = strlen(s);
	char *v = realloc(*line, *len + n + (size_t)pad + 1);

	if (!v)
		return -1;
	*line = v;
	memset(v + *len, ' ', (size_t)left);
	memcpy(v + *len + left, s, n);
	memset(v + *len + left + n, ' ', (size_t)rightpad);
	*len += (size_t)left + n + (size_t)rightpad;
	v[*len] = 0;
	return 0;
}

/*
 * Wrap `s` into lines of at most `cols` columns, breaking at spaces and
 * at '\n'; a word longer than a line is cut between letters.  Lines are
 * appended to *v (count *n); returns 0 or -1.
 */
static int wrap(const char *s, int cols, char ***v, size_t *n)
{
	if (cols < 1)
		cols = 1;
	do {
		const char *end = s + strcspn(s, "\n"), *p = s;
		do {
			size_t fit, cut;
			char **grown, *line;

			while (*p == ' ' && p < end)
				p++;
			fit = text_fit(p, cols, NULL);
			if (fit > (size_t)(end - p))
				fit = (size_t)(end - p);
			cut = fit;
			if (p + fit < end) {
				/* Break at the last space that fits, if any. */
				size_t sp = fit;
				while (sp > 0 && p[sp] != ' ')
					sp--;
				if (sp > 0)
					cut = sp;
				else if (!fit) /* one character wider than the column */
					cut = text_fit(p, 4, NULL);
				if (!cut)
					cut = 1;
			}
			if (!(grown = realloc(*v, (*n + 1) * sizeof **v)) ||
			    !(line = strndup(p, cut))) {
				if (grown)
					*v = grown;
				return -1;
			}
			*v = grown;
			(*v)[(*n)++] = line;
			p += cut;
			while (*p == ' ' && p < end)
				p++;
		} while (p < end);
		s = *end ? end + 1 : end;
	} while (*s);
	return 0;
}

/* Push `s` wrapped to the page, each line centred (center) or not. */
static void push_wrapped(struct out *o, const char *s, bool center)
{
	char **v = NULL, *line;
	size_t n = 0, len;

	if (wrap(s, o->width, &v, &n)) {
		o->failed = true;
	} else {
		for (size_t i = 0; i < n; i++) {
			line = NULL;
			len = 0;
			if (put_cell(&line, &len, v[i], center ? o->width : 0, center ? 0 : -1))
				o->failed = true;
			push(o, line);
		}
	}
	free_strings(v, n);
}

static int max3(int a, int b, int c)
{
	return a > b ? (a > c ? a : c) : (b > c ? b : c);
}

/* Issuing body top left, national motto top right, date line under the motto. */
static void lay_heading(struct out *o, const struct report *rp)
{
	const char *motto1 = _("SOCIALIST REPUBLIC OF VIETNAM");
	const char *motto2 = _("Independence - Freedom - Happiness");
	const char *left[] = { nz(rp->issuer_parent), nz(rp->issuer), NULL };
	const char *right[] = { motto1, motto2, NULL };
	int lw = max3(text_width(left[0]), text_width(left[1]), 1);
	int rw = max3(text_width(motto1), text_width(motto2), text_width(nz(rp->date_line)));
	char *rule_l = repeat('-', lw / 3 > 3 ? lw / 3 : 3);
	char *rule_r = repeat('-', text_width(motto2) * 3 / 4);

	if (!rule_l || !rule_r)
		o->failed = true;
	left[2] = rule_l ? rule_l : "";
	right[2] = rule_r ? rule_r : "";
	if (lw + rw + 2 <= o->width) {
		for (int i = 0; i < 3; i++) {
			char *line = NULL;
			size_t len = 0;
			if (put_cell(&line, &len, left[i], lw, 0) ||
			    put_cell(&line, &len, "", o->width - lw - rw, -1) ||
			    put_cell(&line, &len, right[i], rw, 0))
				o->failed = true;
			push(o, line);
		}
		char *line = NULL;
		size_t len = 0;
		if (put_cell(&line, &len, "", o->width - rw, -1) ||
		    put_cell(&line, &len, nz(rp->date_line), rw, 0))
			o->failed = true;
		push(o, line);
	} else {
		for (int i = 0; i < 3; i++)
			push_wrapped(o, left[i], true);
		push(o, strdup(""));
		for (int i = 0; i < 3; i++)
			push_wrapped(o, right[i], true);
		push_wrapped(o, nz(rp->date_line), true);
	}
	free(rule_l);
	free(rule_r);
	push(o, strdup(""));
	push_wrapped(o, rp->title, true);
	if (rp->period)
		push_wrapped(o, rp->period, true);
	/* The results the program writes; the office's own parts need pages. */
	for (size_t i = 0; i < rp->parts[REPORT_PART_RESULTS].nparas; i++) {
		push(o, strdup(""));
		push_wrapped(o, rp->parts[REPORT_PART_RESULTS].paras[i], false);
	}
}

/* The longest word of s, in columns. */
static int longest_word(const char *s)
{
	int best = 0;

	while (*s) {
		size_t n = strcspn(s, " \n");
		int w = text_width_n(s, n);

		if (w > best)
			best = w;
		s += n;
		s += strspn(s, " \n");
	}
	return best;
}

/*
 * Column widths for the page: each column as wide as its widest cell (and
 * its header's longest word); if that is too wide, text columns give way,
 * the widest first, down to MIN_TEXT_COL.  Numbers and dates never shrink.
 */
static void column_widths(const struct report_section *sec, char ***cells, int page, int *w)
{
	int total = 0, avail = page - GAP * (int)(sec->ncols ? sec->ncols - 1 : 0);

	for (size_t c = 0; c < sec->ncols; c++) {
		w[c] = longest_word(sec->cols[c].header);
		if (w[c] < 1)
			w[c] = 1;
		for (size_t r = 0; r < sec->nrows; r++) {
			int cw;
			if (sec->rows[r].kind == REPORT_GROUP)
				continue;
			cw = text_width(cells[r][c]);
			if (cw > w[c])
				w[c] = cw;
		}
		total += w[c];
	}
	while (total > avail) {
		size_t widest = sec->ncols;
		for (size_t c = 0; c < sec->ncols; c++)
			if (sec->cols[c].kind == REPORT_TEXT && w[c] > MIN_TEXT_COL &&
			    (widest == sec->ncols || w[c] > w[widest]))
				widest = c;
		if (widest == sec->ncols)
			break;
		w[widest]--;
		total--;
	}
}

/* Lay out one row (or the header when `header`) as one or more lines. */
static void lay_row(struct out *o, const struct report_section *sec, char **cells,
		    const int *w, bool header)
{
	char ***wrapped = calloc(sec->ncols, sizeof *wrapped);
	size_t *counts = calloc(sec->ncols, sizeof *counts), height = 1;

	if (!wrapped || !counts) {
		o->failed = true;
		goto out;
	}
	for (size_t c = 0; c < sec->ncols; c++) {
		bool wraps = header || sec->cols[c].kind == REPORT_TEXT;
		if (wrap(cells[c], wraps ? w[c] : 1 << 20, &wrapped[c], &counts[c]))
			o->failed = true;
		if (counts[c] > height)
			height = counts[c];
	}
	for (size_t i = 0; i < height; i++) {
		char *line = NULL;
		size_t len = 0;
		for (size_t c = 0; c < sec->ncols; c++) {
			const char *s = i < counts[c] ? wrapped[c][i] : "";
			enum report_kind k = sec->cols[c].kind;
			int align = header ? 0 : k == REPORT_NUMBER || k == REPORT_SEQ ? 1 : -1;
			if ((c && put_cell(&line, &len, "", GAP, -1)) ||
			    put_cell(&line, &len, s, w[c], align))
				o->failed = true;
		}
		push(o, line);
	}
out:
	for (size_t c = 0; wrapped && counts && c < sec->ncols; c++)
		free_strings(wrapped[c], counts[c]);
	free(wrapped);
	free(counts);
}

/* Every cell of the section made safe to print (text_visible); NULL when out of memory. */
static char ***visible_cells(const struct report_section *sec)
{
	char ***v = calloc(sec->nrows + 1, sizeof *v);

	for (size_t r = 0; v && r <= sec->nrows; r++) {
		if (!(v[r] = calloc(sec->ncols, sizeof **v)))
			goto fail;
		for (size_t c = 0; c < sec->ncols; c++)
			if (!(v[r][c] = text_visible(r < sec->nrows ? sec->rows[r].cells[c]
							       : sec->cols[c].header, 0)))
				goto fail;
	}
	return v;
fail:
	for (size_t r = 0; v && r <= sec->nrows; r++)
		if (v[r])
			free_strings(v[r], sec->ncols);
	free(v);
	return NULL;
}

static void lay_section(struct out *o, const struct report_section *sec)
{
	char ***cells = visible_cells(sec);
	int *w = calloc(sec->ncols ? sec->ncols : 1, sizeof *w), table = 0;

	if (!cells || !w) {
		o->failed = true;
		goto out;
	}
	if (sec->title)
		push_wrapped(o, sec->title, false);
	column_widths(sec, cells, o->width, w);
	for (size_t c = 0; c < sec->ncols; c++)
		table += w[c] + (c ? GAP : 0);
	lay_row(o, sec, cells[sec->nrows], w, true);
	push(o, repeat('-', table));
	for (size_t r = 0; r < sec->nrows; r++) {
		if (sec->rows[r].kind == REPORT_GROUP) {
			push_wrapped(o, cells[r][0], false);
			continue;
		}
		if (sec->rows[r].kind == REPORT_TOTAL)
			push(o, repeat('-', table));
		lay_row(o, sec, cells[r], w, false);
	}
	for (size_t i = 0; i < sec->nnotes; i++)
		push_wrapped(o, sec->notes[i], false);
out:
	for (size_t r = 0; cells && r <= sec->nrows; r++)
		free_strings(cells[r], sec->ncols);
	free(cells);
	free(w);
}

int report_text_lines(const struct report *rp, int width, struct report_lines *out,
		      struct err *e)
{
	struct out o = { out, 0, width < MIN_WIDTH ? MIN_WIDTH : width, false };

	out->v = NULL;
	out->n = 0;
	if (rp->title) {
		lay_heading(&o, rp);
		push(&o, strdup(""));
	}
	for (size_t s = 0; s < rp->nsections; s++) {
		if (s)
			push(&o, strdup(""));
		lay_section(&o, &rp->sections[s]);
	}
	if (rp->nnotes)
		push(&o, strdup(""));
	for (size_t i = 0; i < rp->nnotes; i++)
		push_wrapped(&o, rp->notes[i], false);
	if (o.failed || rp->failed) {
		report_lines_free(out);
		return err_nomem(e);
	}
	return 0;
}

void report_lines_free(struct report_lines *l)
{
	free_strings(l->v, l->n);
	l->v = NULL;
	l->n = 0;
}

int report_write_text(const struct report *rp, FILE *f, int width, struct err *e)
{
	struct report_lines l;
	int rc = 0;

	if (report_text_lines(rp, width, &l, e))
		return -1;
	for (size_t i = 0; i < l.n && !rc; i++)
		if (fputs(l.v[i], f) == EOF || fputc('\n', f) == EOF)
			rc = -1;
	report_lines_free(&l);
	if (rc || fflush(f) == EOF)
		return err_set(e, ERR_IO, _("Cannot write the output."));
	return 0;
}

/* ---- CSV ------------------------------------------------------------------------- */

/* A line of one cell ("" for a blank line). */
static int csv_line(FILE *f, const char *s)
{
	return csvio_write_row(f, &s, 1);
}


/*
 * One table row.  Text cells go through csvio_guard(), so that a name typed
 * as "=..." stays text in Excel; numbers and dates are written as they are
 * (a score may be negative).  0, -1 (writing failed) or ERR_RC_NOMEM.
 */
static int csv_row(FILE *f, const struct report_section *sec, const struct report_row *row)
{
	size_t n = row->kind == REPORT_GROUP ? 1 : sec->ncols;
	char **cells = calloc(n, sizeof *cells);
	int rc = cells ? 0 : ERR_RC_NOMEM;

	for (size_t c = 0; c < n && !rc; c++)
		if (!(cells[c] = sec->cols[c].kind == REPORT_TEXT ? csvio_guard(row->cells[c])
								  : strdup(row->cells[c])))
			rc = ERR_RC_NOMEM;
	if (!rc)
		rc = csvio_write_row(f, (const char *const *)cells, n);
	for (size_t c = 0; cells && c < n; c++)
		free(cells[c]);
	free(cells);
	return rc;
}

int report_write_csv(const struct report *rp, FILE *f, bool bom, struct err *e)
{
	int rc = bom ? csvio_write_bom(f) : 0;

	if (rp->title) {
		/* The heading a line each, blank lines around the title; no period, no line. */
		const char *lines[] = { nz(rp->issuer_parent), nz(rp->issuer),
					_("SOCIALIST REPUBLIC OF VIETNAM"),
					_("Independence - Freedom - Happiness"), nz(rp->date_line),
					"", rp->title, rp->period, "" };
		for (size_t i = 0; i < sizeof lines / sizeof lines[0] && !rc; i++)
			if (lines[i])
				rc = csv_line(f, lines[i]);
	}
	for (size_t s = 0; s < rp->nsections && !rc; s++) {
		const struct report_section *sec = &rp->sections[s];
		const char **hdr = calloc(sec->ncols ? sec->ncols : 1, sizeof *hdr);

		if (!hdr)
			return err_nomem(e);
		for (size_t c = 0; c < sec->ncols; c++)
			hdr[c] = sec->cols[c].header;
		if (s)
			rc = csv_line(f, "");
		if (!rc && sec->title)
			rc = csv_line(f, sec->title);
		if (!rc)
			rc = csvio_write_row(f, hdr, sec->ncols);
		free(hdr);
		for (size_t r = 0; r < sec->nrows && !rc; r++)
			rc = csv_row(f, sec, &sec->rows[r]);
		for (size_t i = 0; i < sec->nnotes && !rc; i++)
			rc = csv_line(f, sec->notes[i]);
	}
	if (rp->nnotes && !rc)
		rc = csv_line(f, "");
	for (size_t i = 0; i < rp->nnotes && !rc; i++)
		rc = csv_line(f, rp->notes[i]);
	if (rc == ERR_RC_NOMEM)
		return err_nomem(e);
	if (rc || fflush(f) == EOF)
		return err_set(e, ERR_IO, _("Cannot write the output."));
	return 0;
}
