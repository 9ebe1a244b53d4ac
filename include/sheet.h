/*
 * sheet.h - the columns of the files the register exchanges with
 * spreadsheets, and how their values are written and read back.  Pure
 * functions and tables: no files, no database (exchange.h does the I/O).
 *
 * A column is recognised by its header in Vietnamese or English, whatever
 * the case, accents, spaces or punctuation: headers are compared "squashed"
 * (collate_fold, then only letters and digits kept), so "Ngày giới thiệu",
 * "NGAY GIOI THIEU", "ngay_gioi_thieu", "Introduction date" and "date" all
 * name one column.  Enum values are written as translated labels and read
 * back as labels or codes, squashed the same way.
 */
#ifndef DIENHINH_SHEET_H
#define DIENHINH_SHEET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "err.h"
#include "fields.h"
#include "model.h"
#include "report.h"

#define SHEET_TIME_SIZE 80 /* "2024-05-01T08:30:00+07:00" and NUL, with room */

/*
 * One column.  `label` is the English header (N_(), translated when
 * written); `vi` the Vietnamese header, accepted whatever the program's
 * language; `alias` more accepted names separated by '|' (may be NULL).
 * A column with a NULL code is recognised and ignored: the "STT" row
 * numbers offices put in their sheets.
 */
struct sheet_column {
	const char *code;
	const char *label;
	const char *vi;
	const char *alias;
	enum report_kind kind;
	bool required;
};

/* The exemplar file's columns, in the order an export writes them: one per
 * exemplar field (indexed by enum field_id, fields.h), then the ignored one,
 * then those an import reads but an export never writes (the year of birth
 * or a mark split by gender). */
enum {
	SHEET_X_SKIP = FIELD_COUNT,
	SHEET_X_BORN_MALE, SHEET_X_BORN_FEMALE, SHEET_X_MALE, SHEET_X_FEMALE,
	SHEET_X_COUNT
};
extern const struct sheet_column sheet_exemplar_columns[SHEET_X_COUNT];

/* The unit file's columns. */
enum sheet_u {
	SHEET_U_CODE, SHEET_U_NAME, SHEET_U_KIND, SHEET_U_BLOCK, SHEET_U_QUOTA, SHEET_U_FROM,
	SHEET_U_TO, SHEET_U_SUCCESSOR,
	SHEET_U_SKIP,
	SHEET_U_COUNT
};
extern const struct sheet_column sheet_unit_columns[SHEET_U_COUNT];

/* The look-ups below return ERR_RC_NOMEM when out of memory: not an answer
 * about the text. */

/* A name as matched: folded (no accents, lower case) with only letters and
 * digits kept, "Cơ quan, đơn vị" as "coquandonvi".  Allocated; NULL when out
 * of memory. */
char *sheet_squash(const char *s);

/* Index of the column (of n) that `header` names, -1, or ERR_RC_NOMEM. */
int sheet_find_column(const struct sheet_column *cols, size_t n, const char *header);

/* Do two names squash to the same non-empty text ("Phường 1" and "PHUONG 1")?
 * 1 or 0, or ERR_RC_NOMEM. */
int sheet_same_name(const char *a, const char *b);

/* The value (>= 1) whose code or label, in Vietnamese or English, `s` is;
 * -1, or ERR_RC_NOMEM.  (The first call looks the labels up in both
 * catalogues, switching the language for a moment.) */
int sheet_enum_parse(enum model_set which, const char *s);
/* The labels of every value, "label; label; ...", for a message. */
void sheet_enum_list(enum model_set which, char *buf, size_t n);

/* A moment as local time with its offset, "2024-05-01T08:30:00+07:00", so that it
 * reads back as the same instant in any time zone; "" for 0. */
void sheet_format_time(int64_t at, char buf[SHEET_TIME_SIZE]);
/* That form, or with "Z", or without an offset (local time); 0 or -1. */
int sheet_parse_time(const char *s, int64_t *out);

/* An account name as Unix has them (no space, control or '|', at most USER_MAX
 * bytes) copied to dst; 0 or -1. */
int sheet_account(const char *s, char dst[USER_MAX + 1]);

/*
 * The propagation events of x in one cell, one event a line:
 * "date | channel label | account | time | reference", empty parts at the
 * end left out with their separators.  NULL when out of memory.
 */
char *sheet_format_propagations(const struct exemplar *x);

/*
 * One line of that cell into p (p->ref allocated).  The account and the
 * time may be empty (unknown), as an export writes them when unknown.
 * Returns 0; or which part is wrong: 1 the date, 2 the channel, 3 the
 * account, 4 the time; or -1 out of memory.
 */
int sheet_parse_propagation(const char *line, struct propagation *p);

#endif
