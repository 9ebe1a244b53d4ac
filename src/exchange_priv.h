/*
 * exchange_priv.h - what the files of the exchange module share: exchange.c
 * (the import's run: the file, its header, the problems, the batch) and
 * exchange_row.c (the values of one row, read into an exemplar or a unit).
 * It sits beside them in src/, not in include/: the module's API is
 * exchange.h.
 */
#ifndef DIENHINH_EXCHANGE_PRIV_H
#define DIENHINH_EXCHANGE_PRIV_H

#include <stdbool.h>
#include <stddef.h>

#include "csvio.h"
#include "exchange.h"
#include "importfile.h"
#include "sheet.h"

/*
 * An import in progress: the file, which of our columns each of its
 * columns is, and the problems found so far.  `where[c]` is the 1-based
 * file column of our column c, 0 when the file lacks it.
 */
struct import {
	struct reg *r;
	const struct sheet_column *cols;
	size_t ncols;                 /* our columns, the ignored one included */
	const struct exchange_options *opt;
	struct importfile f;          /* the sheet, its header and its records */
	size_t where[SHEET_X_COUNT];
	int type_hint;                /* the type the name column's header implies, or 0 */
	const struct unit_list *units; /* the register's, read before the file */
	struct exchange_result *res;
	size_t cap_problems;          /* room in res->problems */
	const char *reason;           /* for the rows that turn out to be late entries */
	bool nomem;
};

/* Record a problem at a row and file column (0: the row).  `named`: the
 * message already names the field, so only the column's letter is added. */
void exchange_problem(struct import *im, size_t row, size_t col, bool named, const char *fmt,
		      ...) __attribute__((format(printf, 5, 6)));

/* Problem in our column c of a row (at the row when the file lacks the column). */
#define cell_problem(im, row, c, ...) \
	exchange_problem(im, row, (im)->where[c], false, __VA_ARGS__)

/* Read one row into x, or u; 0, or -1 if it has problems (recorded in im). */
int exchange_row_exemplar(struct import *im, const struct csvio_row *row, struct exemplar *x);
int exchange_row_unit(struct import *im, const struct csvio_row *row, struct unit *u);

#endif
