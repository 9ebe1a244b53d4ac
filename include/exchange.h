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
#include "importfile.h"
#include "layout.h"
#include "register.h"

enum exchange_what { EXCHANGE_EXEMPLARS, EXCHANGE_UNITS };

/* One thing wrong with an imported file, as a sentence for a person:
 * "dòng 5, cột D (Ngày giới thiệu): ...". */
struct exchange_problem {
	size_t row, col;          /* spreadsheet row and 1-based column; col 0: the row */
	char text[700];
};

/* One column of the file as the import read it. */
struct exchange_column {
	char letter[8];           /* "D" */
	char name[160];           /* its header, as a person can see it; "" when none */
	int use;                  /* index in sheet_exemplar_columns / sheet_unit_columns,
				   * or LAYOUT_UNKNOWN */
	bool data;                /* some record has a value in it */
};

struct exchange_result {
	size_t rows;              /* records read (rows below the header that are records) */
	size_t written;           /* records added or changed (or that would be, dry run) */
	size_t skipped;           /* duplicates left out, units already as in the file */
	/* Of those written, the late entries (dated in a quarter closed when they
	 * were entered: the register's rule, batch.h), and of those the ones with
	 * no reason, their own nor the options': what a person is asked it for. */
	size_t late, late_unexplained;
	struct exchange_problem *problems; /* by row and column */
	size_t n_problems;
	/* What was found in the file, once it was read (also when refused). */
	char sheet[128];          /* the sheet read; "" for a CSV file */
	size_t header_row, header_rows; /* the header: its first Excel row, 1 or 2 rows */
	struct exchange_column *columns;
	size_t n_columns;
	size_t left_out[LAYOUT_WHY_COUNT]; /* rows that are not records, by why (layout.h) */
	size_t *left_out_rows;    /* their Excel row numbers, blank rows aside */
	size_t n_left_out_rows;
};

/* What a person may say about how a file is read (NULL: the defaults). */
struct exchange_options {
	const char *sheet;        /* a sheet's name or number; NULL: the first with a header */
	const struct importfile_use *uses; /* columns read otherwise than their header says */
	size_t n_uses;
	/* Told now and then how many of the records were read, for a progress line. */
	void (*progress)(void *arg, size_t done, size_t total);
	void *progress_arg;
	/* Given once for the whole import: the reason of each row that is a
	 * late entry (register_add), unless the row has one of its own. */
	const char *reason;
};

enum {
	EXCHANGE_DRY_RUN = 1 << 0,         /* check everything, write nothing */
	EXCHANGE_SKIP_DUPLICATES = 1 << 1, /* leave out records already recorded, add the rest */
};

/*
 * Import the file at `path` (office only): CSV, .xlsx or .xls, told apart by
 * content (workbook.h), read as importfile.h says (the header found, the
 * rows that are not records left out); all or nothing in one
 * transaction with one audit entry under the person's name.  Every row
 * and cell is checked and every problem listed in res (even those found
 * after the first); if there is any, nothing is written, -1 is returned
 * with e saying how many.  A duplicate (same unit, same name once
 * normalised, same date, already recorded or twice in the file) is a
 * problem unless EXCHANGE_SKIP_DUPLICATES, which counts it in res->skipped.
 * For units, a row equal to the stored unit is skipped; a unit of the
 * config must be as the config says.  A row dated in a closed quarter is a
 * late entry (register_add), with its own late_reason or else the
 * options' reason.  Free res with exchange_result_free.
 */
int exchange_import(struct reg *r, enum exchange_what what, const char *path,
		    unsigned flags, struct exchange_result *res, struct err *e);
/* The same, read as `o` says (o may be NULL). */
int exchange_import_with(struct reg *r, enum exchange_what what, const char *path,
			 const struct exchange_options *o, unsigned flags,
			 struct exchange_result *res, struct err *e);
void exchange_result_free(struct exchange_result *res);

/* Told how file i went, once it is done: rc, res and e as exchange_import()
 * gives them (res is freed after the call). */
typedef void exchange_done_fn(void *arg, size_t i, int rc, const struct exchange_result *res,
			      const struct err *e);

/*
 * Import paths[0..n), `flags` for each, as if imported one after another:
 * each all or nothing in its own transaction, in the order given, telling
 * `done` after each file.  A file that is refused stops the import there:
 * the files before it stay imported and those after it are not read.  A
 * dry run goes on to check every file (each against the register as it
 * is, since none is written), unless memory runs out.  0 when every file
 * went in (or passed the check); -1 when one did not (e says why, as
 * `done` was told).
 */
int exchange_import_files(struct reg *r, enum exchange_what what, const char *const *paths,
			  size_t n, const struct exchange_options *o, unsigned flags,
			  exchange_done_fn *done, void *arg, struct err *e);

#endif
