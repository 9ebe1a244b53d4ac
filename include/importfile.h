/*
 * importfile.h - the file of an import, read: the sheet chosen, its header
 * found and its columns named (layout.h), as many columns' uses changed as
 * the person asked, and its rows sorted into records and the rest.  What
 * the CLI's import, the screen's preview and the import itself all read,
 * so that what the preview shows is what is imported.
 *
 * The file is read with the person's own rights, never the program's group
 * (identity_as_person): in the shared install, a staff member cannot have
 * the database, or another person's file, read through the program.
 */
#ifndef DIENHINH_IMPORTFILE_H
#define DIENHINH_IMPORTFILE_H

#include <stddef.h>

#include "csvio.h"
#include "err.h"
#include "layout.h"
#include "sheet.h"
#include "book.h"

/* A column's use set by the person: file column `col` (1-based) is read as
 * column `use` of the columns given (the ignored one to leave it out). */
struct importfile_use {
	size_t col;
	int use;
};

struct importfile {
	enum book_kind kind;
	char sheet[128];           /* the sheet read; "" for a CSV file */
	size_t sheet_no;           /* 1-based */
	size_t n_sheets;
	struct csvio_table t;      /* its rows (t.header unused; problems of a CSV file) */
	struct layout lay;         /* header, columns, records */
};

/*
 * Read the file at `path`: the sheet `sheet` names (book_find_sheet),
 * or with sheet NULL the first whose header is recognised (else the first);
 * the columns named among cols[0..n); uses[0..n_uses) applied (a column past
 * the sheet's is refused); the rows sorted out.  0, or -1 with e (the file
 * unreadable, not a workbook, no such sheet or column, out of memory).
 */
int importfile_read(const char *path, const char *sheet, const struct sheet_column *cols,
		    size_t n, const struct importfile_use *uses, size_t n_uses,
		    struct importfile *f, struct err *e);

/* The cell of record row r (an index in f->t.rows) in file column j (0-based);
 * "" past the row's end. */
const char *importfile_cell(const struct importfile *f, size_t r, size_t j);

void importfile_free(struct importfile *f);

#endif
