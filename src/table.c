/* table.c - see table.h. */
#include "table.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "mem.h"
#include "text.h"

/* A table being printed; `cells` holds the text rows (row-major, owned).
 * `failed` is sticky: a lost row (ERR_RC_NOMEM) or a failed write (-1) makes
 * table_end() fail, and the first one is what it says. */
struct table {
	FILE *out;
	enum table_format fmt;
	size_t ncols, nrows, cap;
	char **cells;
	int *width;
	int limit;     /* display columns a text line may take; 0: no limit */
	int failed;
};

static void fail(struct table *t, int why)
{
	if (!t->failed)
		t->failed = why;
}

int table_parse_format(const char *s, enum table_format *out)
{
	if (strcmp(s, "text") == 0)
		*out = TABLE_TEXT;
	else if (strcmp(s, "tsv") == 0)
		*out = TABLE_TSV;
	else
		return -1;
	return 0;
}

static void put_tsv(struct table *t, const char *const *cells)
{
	for (size_t i = 0; i < t->ncols; i++) {
		const char *c = cells[i] ? cells[i] : "";
		/* Numbers and codes, most cells of a listing, need no safe copy. */
		bool as_is = text_plain_ascii(c);
		char *v = as_is ? NULL : text_visible(c, 0);
		if (!as_is && !v)
			fail(t, ERR_RC_NOMEM);
		else if ((i && fputc('\t', t->out) == EOF) || fputs(v ? v : c, t->out) == EOF)
			fail(t, -1);
		free(v);
	}
	if (fputc('\n', t->out) == EOF)
		fail(t, -1);
}

static int keep_row(struct table *t, const char *const *cells)
{
	/* The array's elements are whole rows of ncols cells. */
	if (t->nrows == t->cap &&
	    mem_grow(&t->cells, &t->cap, t->nrows + 1, t->ncols * sizeof *t->cells, 64))
		return -1;
	char **row = t->cells + t->nrows * t->ncols;
	for (size_t i = 0; i < t->ncols; i++) {
		row[i] = text_visible(cells[i] ? cells[i] : "", 0);
		if (!row[i]) {
			while (i--)
				free(row[i]);
			return -1;
		}
		int w = text_width(row[i]);
		if (w > t->width[i])
			t->width[i] = w;
	}
	t->nrows++;
	return 0;
}

/* The text header, translated here: a TSV listing never loads the catalogue. */
static int keep_labels(struct table *t, const char *const *labels)
{
	const char **tr = malloc(t->ncols * sizeof *tr);
	int rc;

	if (!tr)
		return -1;
	for (size_t i = 0; i < t->ncols; i++)
		tr[i] = _(labels[i]);
	rc = keep_row(t, tr);
	free(tr);
	return rc;
}

struct table *table_new(FILE *out, enum table_format fmt, size_t ncols,
			const char *const *names, const char *const *labels)
{
	struct table *t = calloc(1, sizeof *t);

	if (!t || !(t->width = calloc(ncols, sizeof *t->width))) {
		free(t);
		return NULL;
	}
	t->out = out;
	t->fmt = fmt;
	t->ncols = ncols;
	if (fmt == TABLE_TSV)
		put_tsv(t, names);
	else if (keep_labels(t, labels)) {
		free(t->cells); /* grown for the header row, which is not in it */
		free(t->width);
		free(t);
		return NULL;
	}
	return t;
}

int table_row(struct table *t, const char *const *cells)
{
	if (t->fmt == TABLE_TSV)
		put_tsv(t, cells);
	else if (keep_row(t, cells))
		fail(t, ERR_RC_NOMEM);
	return t->failed ? -1 : 0;
}

void table_set_width(struct table *t, int width)
{
	t->limit = width > 0 ? width : 0;
}

/* Narrow the widest columns until a line fits t->limit; a column keeps at
 * least its header's width (the header is row 0), and at least 4.  A
 * column whose cells are all as wide (dates, times) is never narrowed: cut,
 * it would say nothing, and free text gives way instead. */
static void fit_columns(struct table *t)
{
	int total = 0, *least = calloc(t->ncols ? t->ncols : 1, sizeof *least);

	if (!least && t->limit && t->nrows)
		fail(t, ERR_RC_NOMEM);
	if (!least || !t->limit || !t->nrows) {
		free(least);
		return;
	}
	for (size_t i = 0; i < t->ncols; i++) {
		bool fixed = t->nrows > 1;
		least[i] = text_width(t->cells[i]);
		if (least[i] < 4)
			least[i] = 4;
		for (size_t r = 1; r < t->nrows && fixed; r++)
			fixed = text_width(t->cells[r * t->ncols + i]) == t->width[i];
		if (fixed)
			least[i] = t->width[i];
		total += t->width[i] + (i + 1 < t->ncols ? 2 : 0);
	}
	while (total > t->limit) {
		size_t widest = t->ncols;
		for (size_t i = 0; i < t->ncols; i++)
			if (t->width[i] > least[i] &&
			    (widest == t->ncols || t->width[i] > t->width[widest]))
				widest = i;
		if (widest == t->ncols)
			break;
		t->width[widest]--;
		total--;
	}
	free(least);
}

/* Print `s` in `cols` display columns, cut with "…" when it is wider. */
static int put_fitted(FILE *out, const char *s, int cols, bool pad)
{
	int w = text_width(s);

	if (w > cols) {
		int used = 0;
		size_t n = text_fit(s, cols - 1, &used);
		if (fwrite(s, 1, n, out) != n || fputs("…", out) == EOF)
			return -1;
		w = used + 1;
	} else if (fputs(s, out) == EOF) {
		return -1;
	}
	return pad && fprintf(out, "%*s", cols - w, "") < 0 ? -1 : 0;
}

static void print_text_row(struct table *t, char **row)
{
	for (size_t i = 0; i < t->ncols; i++) {
		bool last = i + 1 == t->ncols;
		if (put_fitted(t->out, row[i], t->width[i], !last) ||
		    (!last && fputs("  ", t->out) == EOF))
			fail(t, -1);
	}
	if (fputc('\n', t->out) == EOF)
		fail(t, -1);
}

int table_end(struct table *t)
{
	int rc;

	if (t->fmt == TABLE_TEXT) {
		fit_columns(t);
		for (size_t r = 0; r < t->nrows; r++) {
			print_text_row(t, t->cells + r * t->ncols);
			if (r == 0) {
				int total = 0;
				for (size_t i = 0; i < t->ncols; i++)
					total += t->width[i] + (i + 1 < t->ncols ? 2 : 0);
				for (int i = 0; i < total; i++)
					fputc('-', t->out);
				fputc('\n', t->out);
			}
		}
	}
	if (fflush(t->out) == EOF)
		fail(t, -1);
	rc = t->failed;
	table_drop(t);
	return rc;
}

void table_drop(struct table *t)
{
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t->width);
	free(t);
}
