/*
 * grid.h - a sheet of a workbook gathered cell by cell, then handed over as
 * a table of text cells (csvio.h's struct csvio_table), the shape every
 * reader of the import gives: CSV, .xlsx and .xls alike.
 *
 * The readers (book.h) give cells in any order, by Excel row number
 * and 1-based column; a cell given twice keeps its last text.  Merged
 * ranges are filled in when the table is made: every cell of a range that
 * lies on a row with other cells takes the text of its top-left cell, so a
 * header merged over two rows, or a unit's name merged down its records,
 * reads as if it were typed into each cell.
 *
 * Every cell's text passes through grid_set(), the one place where the
 * readers' text is checked (UTF-8, NUL bytes, length) and line breaks are
 * made "\n": a check of the text's encoding belongs there.
 */
#ifndef DIENHINH_GRID_H
#define DIENHINH_GRID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "csvio.h"
#include "err.h"

/* Bounds: a sheet of typed records, not a database dump.  A sheet or cell
 * past them is refused whole, with the cell it was found at. */
#define GRID_MAX_ROW 1048576u   /* Excel's last row */
#define GRID_MAX_COL 1024u      /* column AMJ */
#define GRID_MAX_CELLS 2000000u /* cells with text, merged ranges' copies included */
#define GRID_MAX_TEXT 100000u   /* bytes in one cell: Excel's 32,767 characters */
#define GRID_MAX_MERGES 100000u

struct grid_cell {
	uint32_t row, col;
	size_t at, len;  /* the text, in grid.text */
};

struct grid_merge {
	uint32_t r1, c1, r2, c2; /* inclusive, r1 <= r2, c1 <= c2 */
};

/* A sheet being read.  Zero it to start (or grid_init); grid_free frees it. */
struct grid {
	struct grid_cell *cells;
	size_t n, cap;
	char *text;                 /* every cell's text, each ended by a NUL */
	size_t len, room;
	struct grid_merge *merges;
	size_t n_merges, cap_merges;
	bool full;                  /* a bound was passed (err says where) */
};

/*
 * The text of the cell at `row`, `col` (1-based): `len` bytes of UTF-8,
 * not necessarily NUL-terminated; empty texts are dropped.  0, or -1 with e
 * (out of memory, a bound passed, text that is not UTF-8 or holds a NUL).
 */
int grid_set(struct grid *g, uint32_t row, uint32_t col, const char *s, size_t len,
	     struct err *e);

/* A merged range, top-left to bottom-right.  0, or -1 with e. */
int grid_merge(struct grid *g, uint32_t r1, uint32_t c1, uint32_t r2, uint32_t c2,
	       struct err *e);

/*
 * Hand the sheet over as a table: every row with a cell, in order, its
 * cells from column A to its last one ("" where there is none), merged
 * ranges filled in.  The table has no header (header.n == 0): finding it
 * is the import's work (layout.h).  The grid is emptied.  0, or -1 with e.
 */
int grid_table(struct grid *g, struct csvio_table *t, struct err *e);

void grid_free(struct grid *g);

/*
 * An Excel date number as a date, "YYYY-MM-DD" into out: day 1 is
 * 1900-01-01 (Excel's phantom 29 February 1900 counted, as Excel does), or
 * 1904-01-02 in a workbook that counts from 1904.  The time of day is
 * dropped.  0, or -1 when the number is not a date from 1900 to 9999.
 */
int grid_serial_date(double serial, bool base1904, char out[11]);

/* "B7" as row 7, column 2; 0, or -1 when it is not a cell reference. */
int grid_parse_ref(const char *s, uint32_t *row, uint32_t *col);

#endif
