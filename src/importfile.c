/* importfile.c - see importfile.h. */
#include "importfile.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "identity.h"

/* Read sheet i and find its header; 0, or -1 with e. */
static int read_sheet(struct book *wb, size_t i, const struct sheet_column *cols, size_t n,
		      struct importfile *f, struct err *e)
{
	layout_free(&f->lay);
	csvio_table_free(&f->t);
	if (book_sheet(wb, i, &f->t, e) || csvio_check_legacy(&f->t, e))
		return -1;
	if (layout_find(&f->t, cols, n, &f->lay))
		return err_nomem(e);
	f->sheet_no = i + 1;
	snprintf(f->sheet, sizeof f->sheet, "%s", book_sheet_name(wb, i));
	return 0;
}

/* Open the workbook and read the sheet asked for, or the first with a header. */
static int read_book(const char *path, const char *sheet, const struct sheet_column *cols,
		     size_t n, struct importfile *f, struct err *e)
{
	struct book *wb;
	size_t i = 0;
	int rc;

	if (book_open(path, &wb, e))
		return -1;
	f->kind = book_kind(wb);
	f->n_sheets = book_sheets(wb);
	if (sheet) {
		rc = book_find_sheet(wb, sheet, &i, e) || read_sheet(wb, i, cols, n, f, e);
	} else {
		rc = 0;
		for (i = 0; !rc && i < f->n_sheets && (i == 0 || !f->lay.found); i++)
			rc = read_sheet(wb, i, cols, n, f, e);
		if (!rc && !f->lay.found && f->n_sheets > 1)
			rc = read_sheet(wb, 0, cols, n, f, e);
	}
	book_close(wb);
	return rc ? -1 : 0;
}

int importfile_read(const char *path, const char *sheet, const struct sheet_column *cols,
		    size_t n, const struct importfile_use *uses, size_t n_uses,
		    struct importfile *f, struct err *e)
{
	int rc;

	memset(f, 0, sizeof *f);
	/* Only the reading runs with the person's rights: the register, opened
	 * before, needs the group again to write. */
	if (identity_as_person(e))
		return -1;
	rc = read_book(path, sheet, cols, n, f, e);
	if (identity_as_program(rc ? NULL : e) && !rc)
		rc = -1;
	for (size_t k = 0; !rc && k < n_uses; k++) {
		char letter[8];
		csvio_column_name(uses[k].col, letter);
		if (!uses[k].col || uses[k].col > f->lay.n_cols)
			rc = err_set(e, ERR_USAGE, _("The sheet has no column %s."), letter);
		else if (uses[k].use < 0 || (size_t)uses[k].use >= n)
			rc = err_set(e, ERR_USAGE, _("Column %s cannot be read that way."), letter);
		else
			f->lay.cols[uses[k].col - 1].use = uses[k].use;
	}
	if (!rc && layout_rows(&f->t, cols, n, &f->lay))
		rc = err_nomem(e);
	if (rc)
		importfile_free(f);
	return rc;
}

const char *importfile_cell(const struct importfile *f, size_t r, size_t j)
{
	const struct csvio_row *row = &f->t.rows[r];

	return row->cells && j < row->n ? row->cells[j] : "";
}

void importfile_free(struct importfile *f)
{
	layout_free(&f->lay);
	csvio_table_free(&f->t);
	memset(f, 0, sizeof *f);
}
