/*
 * book.h - the file of an import, whatever the office saved it as:
 * an Excel workbook (.xlsx, xlsxread.h), an old Excel 97-2003 workbook
 * (.xls, through libfreexl; the only file that includes freexl.h) or CSV
 * (csvio.h).  Which one is told by the file's first bytes (a zip, an OLE2
 * compound file, else text), not by its name: a workbook renamed .csv, or
 * saved without an extension, reads all the same.
 *
 * Each sheet comes as a table of text cells without a header (grid.h):
 * every row with a cell, by its Excel row number.  A CSV file is one sheet.
 * The .xls reader sees no merged ranges (libfreexl does not give them): a
 * header merged over two rows reads with its merged cells empty but the
 * first, which the header finder (layout.h) allows for.
 */
#ifndef DIENHINH_BOOK_H
#define DIENHINH_BOOK_H

#include <stddef.h>

#include "csvio.h"
#include "err.h"

enum book_kind { BOOK_CSV, BOOK_XLSX, BOOK_XLS };

/* Files larger than this are refused before reading, as CSV files are. */
#define BOOK_MAX_BYTES CSVIO_MAX_BYTES

struct book;

/* What the first bytes of a file say it is. */
enum book_kind book_sniff(const void *data, size_t len);

/*
 * Open the file at `path` (a regular file of at most BOOK_MAX_BYTES)
 * and read its list of sheets.  The file is opened with the process's
 * rights as they are: the caller decides whose those are (identity.h).
 * 0, or -1 with e.
 */
int book_open(const char *path, struct book **out, struct err *e);

/* The same for a file's bytes already in memory (kept until closed); an
 * .xls workbook needs its file, so `path` is read for it. */
int book_open_mem(const char *path, const void *data, size_t len, struct book **out,
		      struct err *e);

enum book_kind book_kind(const struct book *wb);
size_t book_sheets(const struct book *wb);
/* Sheet i's name ("" for a CSV file's one sheet); NULL past the end. */
const char *book_sheet_name(const struct book *wb, size_t i);

/*
 * The sheet that `spec` names: its name (case and accents aside) or its
 * number counted from 1.  0 with *i, or -1 with e listing the sheets.
 */
int book_find_sheet(const struct book *wb, const char *spec, size_t *i, struct err *e);

/* Sheet i as a table without a header (grid.h).  0, or -1 with e. */
int book_sheet(struct book *wb, size_t i, struct csvio_table *t, struct err *e);

void book_close(struct book *wb);

#endif
