/*
 * table.h - printing rows for people (aligned text) or for scripts (TSV).
 *
 * Every cell goes through text_visible(), so nothing stored in the
 * database can move the cursor or change a terminal's state, and a tab or
 * newline inside a value never breaks a TSV line.  TSV rows are written
 * as they come (lists may hold a million rows); text rows are kept until
 * table_end() so the columns can be aligned by display width.
 */
#ifndef DIENHINH_TABLE_H
#define DIENHINH_TABLE_H

#include <stdio.h>

#include "err.h"

enum table_format { TABLE_TEXT, TABLE_TSV };

struct table;

/* "text" or "tsv"; 0 or -1. */
int table_parse_format(const char *s, enum table_format *out);

/*
 * A table of `ncols` columns: `names` are the TSV header (stable English
 * names), `labels` the text header, untranslated (N_): translated here, for
 * text only.  NULL when out of memory.
 */
struct table *table_new(FILE *out, enum table_format fmt, size_t ncols,
			const char *const *names, const char *const *labels);

/*
 * Lay the text out within `width` terminal columns (0: no limit): when the
 * columns are wider together, the widest give way, down to their header's
 * width, and a cell longer than its column ends in "…".  Measured in
 * display columns (text_width), never in bytes.  TSV is never cut.
 */
void table_set_width(struct table *t, int width);

/* Add a row of ncols cells (NULL = empty); 0 or -1 (out of memory or write error). */
int table_row(struct table *t, const char *const *cells);

/* Print what is buffered, free the table; 0, ERR_RC_NOMEM if a row was lost
 * (out of memory), or -1 if a write failed, so that a listing is never cut
 * short silently. */
int table_end(struct table *t);

/* Free the table without printing the text rows it holds (a listing whose
 * request was refused); TSV already written stays written. */
void table_drop(struct table *t);

#endif
