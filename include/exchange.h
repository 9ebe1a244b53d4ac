/*
 * exchange.h - the register as files for spreadsheets: the import of a
 * file of exemplars (or units), one the export (export.h) wrote with
 * every field or one the office typed itself.
 *
 * Columns are matched by their header, in Vietnamese or English, whatever
 * the case, accents, spaces or punctuation ("Ngày giới thiệu", "ngay gioi
 * thieu", "Introduction date", "date" are one column); their order does
 * not matter.  Values are written as people read them (labels such as
 * "Cá nhân", dates YYYY-MM-DD) and read back as labels or codes
 * ("individual"), dates also as DD/MM/YYYY.  Propagation events share one
 * cell, one event a line: "date | channel | by | at | reference".
 *
 * An export holds what makes a record, not how it got there (the audit
 * log stays in the database), so that export, import into an empty
 * database and export again give the same file byte for byte.
 */
#ifndef DIENHINH_EXCHANGE_H
#define DIENHINH_EXCHANGE_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "register.h"

enum exchange_what { EXCHANGE_EXEMPLARS, EXCHANGE_UNITS };

/* One thing wrong with an imported file, as a sentence for a person:
 * "dòng 5, cột D (Ngày giới thiệu): ...". */
struct exchange_problem {
	size_t row, col;          /* spreadsheet row and 1-based column; col 0: the row */
	char text[700];
};

struct exchange_result {
	size_t rows;              /* data rows read */
	size_t written;           /* records added or changed (or that would be, dry run) */
	size_t skipped;           /* duplicates left out, units already as in the file */
	struct exchange_problem *problems; /* by row and column */
	size_t n_problems;
};

enum {
	EXCHANGE_DRY_RUN = 1 << 0,         /* check everything, write nothing */
	EXCHANGE_SKIP_DUPLICATES = 1 << 1, /* leave out records already recorded, add the rest */
};

/*
 * Import the CSV file at `path` (office only), all or nothing in one
 * transaction with one audit entry under the person's name.  Every row
 * and cell is checked and every problem listed in res (even those found
 * after the first); if there is any, nothing is written, -1 is returned
 * with e saying how many.  A duplicate (same unit, same name once
 * normalised, same date, already recorded or twice in the file) is a
 * problem unless EXCHANGE_SKIP_DUPLICATES, which counts it in res->skipped.
 * For units, a row equal to the stored unit is skipped; a unit of the
 * config must be as the config says.  Free res with exchange_result_free.
 */
int exchange_import(struct reg *r, enum exchange_what what, const char *path,
		    unsigned flags, struct exchange_result *res, struct err *e);
void exchange_result_free(struct exchange_result *res);

/*
 * exchange_import() in two steps, so that a file can be read while the
 * register writes the one before (imports.h).  exchange_read() reads and
 * checks the file, matching unit cells against `units` (register_units(),
 * read before: it touches no store, and may run on a thread of its own);
 * for exemplars it also does the records' costly preparation (batch.h).
 * It returns NULL only when out of memory; whatever else goes wrong is
 * kept for exchange_write().  exchange_write(), on the register's thread,
 * writes the file and answers as exchange_import() does.  `path` and
 * `units` must outlive the file; free it with exchange_file_free().
 */
struct exchange_file;
struct exchange_file *exchange_read(struct reg *r, const struct unit_list *units,
				    enum exchange_what what, const char *path, unsigned flags);
int exchange_write(struct exchange_file *f, struct exchange_result *res, struct err *e);
void exchange_file_free(struct exchange_file *f);

#endif
