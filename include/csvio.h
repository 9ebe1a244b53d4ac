/*
 * csvio.h - CSV files as spreadsheets write and read them.
 *
 * The writer follows RFC 4180: fields separated by commas, records ended
 * by CRLF, a field quoted (with its quotes doubled) when it holds a comma,
 * a quote, a line break or white space at either end.  Line breaks inside
 * a field stay "\n", as Excel writes them.
 *
 * The reader takes what Excel and LibreOffice save: UTF-8 with or without
 * a byte order mark, CRLF or LF, and commas, semicolons (Excel in a
 * Vietnamese locale, where the comma is the decimal sign) or tabs between
 * fields (guessed from the header line).  It keeps going after a damaged
 * row, so that one reading lists every problem of the file with its row
 * and column.  csvio.c is the only file that includes csv.h (libcsv).
 */
#ifndef DIENHINH_CSVIO_H
#define DIENHINH_CSVIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "err.h"

/* Files larger than this are refused before reading: an import is a list of
 * records typed by people, not a database dump. */
#define CSVIO_MAX_BYTES (64u << 20)

/* ---- writing ----------------------------------------------------------------- */

/* The UTF-8 byte order mark, which Excel needs to read a CSV file as UTF-8.  0 or -1. */
int csvio_write_bom(FILE *f);

/* One record of `n` fields (NULL = empty), ended by CRLF.  0 or -1 (write error). */
int csvio_write_row(FILE *f, const char *const *fields, size_t n);

/*
 * Spreadsheets run a cell that starts with = + - or @ as a formula, so a
 * name typed as "=HYPERLINK(...)" would become a live link in the office's
 * Excel.  csvio_guard() returns a new string with an apostrophe put before
 * such a text (and before a text that starts with an apostrophe, so that
 * the change can be undone); csvio_unguard() undoes it, returning `s` or
 * `s + 1`.  Only for text columns: numbers and dates are written as they are.
 */
char *csvio_guard(const char *s);
const char *csvio_unguard(const char *s);

/* ---- reading ----------------------------------------------------------------- */

/* One record as read: every cell NUL-terminated, line breaks as "\n". */
struct csvio_row {
	size_t row;     /* row number as a spreadsheet shows it: the header is row 1 */
	char **cells;   /* owned; never NULL entries */
	size_t n;
};

/* Something wrong at a row and column (1-based; column 0: the whole row). */
struct csvio_problem {
	size_t row, col;
	char msg[400];
};

/*
 * A file read into memory.  Invariant: every data row has exactly as many
 * cells as the header (shorter rows are padded with empty cells, longer
 * ones refused); rows with a problem are reported and left out of rows[];
 * rows with nothing but empty cells are skipped.
 */
struct csvio_table {
	struct csvio_row header;
	struct csvio_row *rows;
	size_t n_rows;
	struct csvio_problem *problems; /* in row order */
	size_t n_problems;
	char delim;                     /* ',', ';' or '\t' */
};

/*
 * Parse `len` bytes.  Damaged rows (an unbalanced quotation mark, text that
 * is not UTF-8, a NUL byte, too many cells) become problems and the reading
 * goes on; -1 (with e) only when there is nothing to read at all (empty
 * file, no header, a UTF-16 file) or memory runs out.  On success *t is
 * filled (csvio_table_free), problems or not.
 */
int csvio_read(const char *data, size_t len, struct csvio_table *t, struct err *e);

/* Read the file at `path` (at most CSVIO_MAX_BYTES) and parse it as above. */
int csvio_read_file(const char *path, struct csvio_table *t, struct err *e);

/*
 * A table (from any reader) whose rows mostly hold text that looks typed
 * with a legacy keyboard (text_looks_legacy) is refused as a whole,
 * naming the likely encoding: one message for the file, not one for every
 * row.  0 when it is not so; a few such cells are for the rows' own checks.
 */
int csvio_check_legacy(const struct csvio_table *t, struct err *e);

void csvio_table_free(struct csvio_table *t);

/* Free one row's cells before the table goes (an importer done with the
 * row); the table's own free then skips it. */
void csvio_row_free(struct csvio_row *row);

/* The spreadsheet name of a 1-based column: 1 -> "A", 27 -> "AA". */
void csvio_column_name(size_t col, char buf[8]);

#endif
