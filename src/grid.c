/* grid.c - see grid.h. */
#include "grid.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "date.h"
#include "i18n.h"
#include "mem.h"

/* The cell's name for a message: "B7". */
static void cell_name(uint32_t row, uint32_t col, char buf[24])
{
	char letter[8];

	csvio_column_name(col, letter);
	snprintf(buf, 24, "%s%u", letter, row);
}

static int too_large(struct grid *g, uint32_t row, uint32_t col, struct err *e)
{
	char where[24];

	g->full = true;
	cell_name(row, col, where);
	return err_set(e, ERR_INVALID, _("The sheet is too large to import (at cell %s): at most "
					 "%u columns and %u cells with text."), where,
		       GRID_MAX_COL, GRID_MAX_CELLS);
}

int grid_set(struct grid *g, uint32_t row, uint32_t col, const char *s, size_t len,
	     struct err *e)
{
	char where[24];
	struct grid_cell *c;
	char *out;
	size_t n = 0;

	if (!len)
		return 0;
	if (!row || row > GRID_MAX_ROW || !col || col > GRID_MAX_COL || g->n >= GRID_MAX_CELLS)
		return too_large(g, row, col, e);
	cell_name(row, col, where);
	if (len > GRID_MAX_TEXT)
		return err_set(e, ERR_INVALID, _("Cell %s holds more than %u bytes of text."),
			       where, GRID_MAX_TEXT);
	if (memchr(s, 0, len) || u8_check((const uint8_t *)s, len))
		return err_set(e, ERR_INVALID, _("Cell %s holds text that is not Unicode: the "
						 "file is damaged."), where);
	if (mem_grow(&g->cells, &g->cap, g->n + 1, sizeof *g->cells, 256) ||
	    (g->len + len + 1 > g->room && mem_grow(&g->text, &g->room, g->len + len + 1, 1, 4096)))
		return err_nomem(e);
	/* Line breaks as "\n" whatever the writer used, as the CSV reader gives them. */
	out = g->text + g->len;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\r') {
			out[n++] = '\n';
			if (i + 1 < len && s[i + 1] == '\n')
				i++;
		} else {
			out[n++] = s[i];
		}
	}
	out[n] = 0;
	c = &g->cells[g->n++];
	c->row = row;
	c->col = col;
	c->at = g->len;
	c->len = n;
	g->len += n + 1;
	return 0;
}

int grid_merge(struct grid *g, uint32_t r1, uint32_t c1, uint32_t r2, uint32_t c2,
	       struct err *e)
{
	if (!r1 || !c1 || r2 < r1 || c2 < c1 || r2 > GRID_MAX_ROW || c2 > GRID_MAX_COL)
		return 0; /* a range no cell of ours is in: nothing to fill */
	if (g->n_merges >= GRID_MAX_MERGES)
		return too_large(g, r1, c1, e);
	if (mem_grow(&g->merges, &g->cap_merges, g->n_merges + 1, sizeof *g->merges, 16))
		return err_nomem(e);
	g->merges[g->n_merges++] = (struct grid_merge){ r1, c1, r2, c2 };
	return 0;
}

/* By row, column, then the order given (the later text wins). */
static int cell_order(const void *a, const void *b)
{
	const struct grid_cell *x = a, *y = b;

	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->at < y->at ? -1 : x->at > y->at;
}

/* Sort, keeping the last text of a cell given twice. */
static void sort_cells(struct grid *g)
{
	size_t k = 0;

	if (!g->n)
		return; /* an empty sheet: no array to sort */
	qsort(g->cells, g->n, sizeof *g->cells, cell_order);
	for (size_t i = 0; i < g->n; i++) {
		if (k && g->cells[k - 1].row == g->cells[i].row &&
		    g->cells[k - 1].col == g->cells[i].col)
			k--;
		g->cells[k++] = g->cells[i];
	}
	g->n = k;
}

/* The first cell at or after (row, col) in the sorted cells. */
static size_t find_cell(const struct grid *g, size_t n, uint32_t row, uint32_t col)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct grid_cell *c = &g->cells[mid];
		if (c->row < row || (c->row == row && c->col < col))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Copy each range's top-left text into its other cells, on the rows that
 * have cells of their own (a range does not make rows).  The copies share
 * the text; a cell that has a text of its own keeps it.  Cells are sorted
 * on entry and on return.
 */
static int fill_merges(struct grid *g, struct err *e)
{
	size_t n = g->n;

	for (size_t m = 0; m < g->n_merges; m++) {
		const struct grid_merge *r = &g->merges[m];
		size_t i = find_cell(g, n, r->r1, r->c1);
		if (i >= n || g->cells[i].row != r->r1 || g->cells[i].col != r->c1)
			continue;
		size_t at = g->cells[i].at, len = g->cells[i].len;
		for (uint32_t row = r->r1; row <= r->r2; row++) {
			size_t j = find_cell(g, n, row, 0);
			if (j >= n || g->cells[j].row != row)
				continue; /* no such row */
			for (uint32_t col = r->c1; col <= r->c2; col++) {
				size_t k = find_cell(g, n, row, col);
				if (k < n && g->cells[k].row == row && g->cells[k].col == col)
					continue;
				if (g->n >= GRID_MAX_CELLS)
					return too_large(g, row, col, e);
				if (mem_grow(&g->cells, &g->cap, g->n + 1, sizeof *g->cells, 256))
					return err_nomem(e);
				g->cells[g->n++] = (struct grid_cell){ row, col, at, len };
			}
		}
	}
	if (g->n > n)
		qsort(g->cells, g->n, sizeof *g->cells, cell_order);
	return 0;
}

/* One row, cells[from..to) of it, as one block: the pointers, then the texts. */
static int make_row(const struct grid *g, size_t from, size_t to, struct csvio_row *out)
{
	uint32_t width = g->cells[to - 1].col;
	size_t bytes = 0;
	char *p;

	for (size_t i = from; i < to; i++)
		bytes += g->cells[i].len;
	/* Every column has a NUL: texts where there are cells, "" elsewhere. */
	out->cells = malloc(width * sizeof(char *) + bytes + width);
	if (!out->cells)
		return -1;
	p = (char *)(out->cells + width);
	for (uint32_t c = 1, i = (uint32_t)from; c <= width; c++) {
		out->cells[c - 1] = p;
		if (i < to && g->cells[i].col == c) {
			memcpy(p, g->text + g->cells[i].at, g->cells[i].len);
			p += g->cells[i++].len;
		}
		*p++ = 0;
	}
	out->row = g->cells[from].row;
	out->n = width;
	return 0;
}

int grid_table(struct grid *g, struct csvio_table *t, struct err *e)
{
	size_t cap = 0;

	memset(t, 0, sizeof *t);
	t->delim = ',';
	sort_cells(g);
	if (fill_merges(g, e))
		return -1;
	for (size_t i = 0; i < g->n;) {
		size_t j = i;
		while (j < g->n && g->cells[j].row == g->cells[i].row)
			j++;
		if (mem_grow(&t->rows, &cap, t->n_rows + 1, sizeof *t->rows, 64) ||
		    make_row(g, i, j, &t->rows[t->n_rows])) {
			csvio_table_free(t);
			return err_nomem(e);
		}
		t->n_rows++;
		i = j;
	}
	grid_free(g);
	return 0;
}

void grid_free(struct grid *g)
{
	free(g->cells);
	free(g->text);
	free(g->merges);
	memset(g, 0, sizeof *g);
}

int grid_serial_date(double serial, bool base1904, char out[11])
{
	date_t first = date_from_ymd(1900, 1, 1), day;
	double whole = floor(serial);

	if (!(whole >= 1 && whole <= 2958465)) /* 9999-12-31; NaN is refused too */
		return -1;
	if (base1904)
		day = date_from_ymd(1904, 1, 1) + (date_t)whole;
	else if (whole < 60)
		day = first + (date_t)whole - 1;
	else if (whole == 60)
		return -1; /* 29 February 1900, which was not */
	else
		day = first + (date_t)whole - 2;
	if (day > date_from_ymd(9999, 12, 31))
		return -1;
	date_format(day, out);
	return out[0] ? 0 : -1;
}

int grid_parse_ref(const char *s, uint32_t *row, uint32_t *col)
{
	uint32_t c = 0, r = 0;
	const char *p = s;

	if (*p == '$')
		p++;
	for (; *p >= 'A' && *p <= 'Z' && c <= 16384; p++)
		c = c * 26 + (uint32_t)(*p - 'A' + 1);
	if (p == s || !c || c > 16384)
		return -1;
	if (*p == '$')
		p++;
	if (*p < '1' || *p > '9')
		return -1;
	for (; *p >= '0' && *p <= '9' && r <= GRID_MAX_ROW; p++)
		r = r * 10 + (uint32_t)(*p - '0');
	if (*p || r > GRID_MAX_ROW)
		return -1;
	*row = r;
	*col = c;
	return 0;
}
