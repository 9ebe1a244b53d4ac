/*
 * layout.h - where the records are in a sheet laid out for printing: which
 * row (or pair of rows) is the header, what each column holds, and which
 * rows below it are records.  Pure functions over a table of text cells
 * (grid.h, book.h); the column names are sheet.h's.
 *
 * The header is the first row, among the first LAYOUT_SCAN rows, where
 * enough cells name known columns (three, or every filled cell when it has
 * two): a title and the issuing body above it are passed over.  When the
 * row below holds the second line of a header merged over two rows (a
 * cell merged down over both, or a cell under a merged or empty one, and
 * no number or date), the two are read as one: each column is named by
 * both its texts ("Năm sinh" over "Nam" is "Năm sinh Nam"), else by the
 * lower, else by the upper one.  With no such row, the first row is taken
 * as the header, so that its unknown names can be reported.
 *
 * Below the header, a row is not a record when it is (in this order):
 * after the total; blank; the total ("Tổng cộng", "Tổng số", "Cộng");
 * the header again (printed on each page) or the columns' numbers
 * ("(1)", "(2)"...); a block heading (a Roman numeral or a letter in the
 * STT column, or a single text such as "I. Khối xã, phường", merged across
 * the row or not); or, below the last row that has a value in the unit,
 * category or date column, one or two texts alone (the signatures).
 * Everything else is a record, however incomplete: the import says what
 * is wrong with it.
 */
#ifndef DIENHINH_LAYOUT_H
#define DIENHINH_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "csvio.h"
#include "sheet.h"

#define LAYOUT_SCAN 50      /* rows searched for the header */
#define LAYOUT_UNKNOWN (-1) /* a column whose name is not one we know */

struct layout_column {
	char *name;   /* the header's text(s) for the column, "" when none */
	int use;      /* index in the columns given, or LAYOUT_UNKNOWN */
	bool data;    /* some record has a value in it */
};

/* Why a row below the header is not a record. */
enum layout_why {
	LAYOUT_BLANK, LAYOUT_TOTAL, LAYOUT_BELOW_TOTAL, LAYOUT_REPEAT, LAYOUT_HEADING,
	LAYOUT_SIGNATURE,
	LAYOUT_WHY_COUNT
};

struct layout {
	bool found;                   /* a header was recognised (else the first row is it) */
	size_t header_row;            /* its Excel row number */
	size_t header_rows;           /* 1 or 2 */
	size_t first;                 /* index in t->rows of the first row below it */
	struct layout_column *cols;   /* one per column of the sheet, A first */
	size_t n_cols;
	size_t *records;              /* indices in t->rows */
	size_t n_records;
	size_t skipped[LAYOUT_WHY_COUNT]; /* rows that are not records, by why */
	size_t *skipped_rows;         /* their Excel row numbers, blank ones aside */
	size_t n_skipped_rows;
};

/*
 * Find the header of t among `cols` (n of them; sheet_exemplar_columns or
 * sheet_unit_columns) and name every column.  The rows are not sorted out
 * yet (layout_rows does it, once the columns' uses are settled).  0, or -1
 * when out of memory.
 */
int layout_find(const struct csvio_table *t, const struct sheet_column *cols, size_t n,
		struct layout *l);

/* Sort the rows below the header into records and the rest, by the columns'
 * uses as they now are (the caller may have changed them).  0, or -1 when
 * out of memory. */
int layout_rows(const struct csvio_table *t, const struct sheet_column *cols, size_t n,
		struct layout *l);

/* The message for a reason a row was left out ("total row"...). */
const char *layout_why_text(enum layout_why why);

void layout_free(struct layout *l);

#endif
