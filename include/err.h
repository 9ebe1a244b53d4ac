/*
 * err.h - errors as values.
 *
 * Every fallible function in dienhinh returns 0 on success and -1 on
 * failure, filling a caller-owned `struct err` with a code (what kind of
 * failure, so callers can choose an exit status or a reaction) and a
 * complete sentence for a person, already translated.  Nothing below the
 * front ends prints or exits; the front end decides how to show `msg`.
 */
#ifndef DIENHINH_ERR_H
#define DIENHINH_ERR_H

#include <stddef.h>

enum err_code {
	ERR_OK = 0,
	ERR_INVALID,   /* bad data from a person: a field, a file, a value */
	ERR_USAGE,     /* bad command-line usage */
	ERR_NOTFOUND,  /* the record, unit or file asked for does not exist */
	ERR_CONFLICT,  /* someone else saved the record first */
	ERR_DUPLICATE, /* the same thing is already recorded */
	ERR_DENIED,    /* the person's role does not allow this */
	ERR_CONFIG,    /* the configuration file is wrong */
	ERR_SCHEMA,    /* database written by a newer program, or damaged */
	ERR_FULL,      /* disk, map or reader table full */
	ERR_IO,        /* operating-system failure (open, write, rename...) */
	ERR_STORE,     /* unexpected database failure */
	ERR_NOMEM,     /* out of memory */
	ERR_INTERRUPTED /* stopped by a signal before anything was written */
};

/*
 * `field` names the input field at fault (model field names such as "name"
 * or "date"), empty when the error is not about one field; the form screen
 * uses it to put the message beside the field.
 */
struct err {
	enum err_code code;
	char field[32];
	char msg[512];
};

/* Fill `e` (if not NULL) with `code` and a printf-formatted message; returns -1. */
int err_set(struct err *e, enum err_code code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Like err_set, also naming the field at fault. */
int err_set_field(struct err *e, enum err_code code, const char *field,
		  const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/*
 * What a function that fails with a bare -1 (no struct err: a look-up, a
 * decoder, a writer of rows) returns instead when the failure was memory,
 * so that its caller says "out of memory" rather than blame the data or
 * the disk.
 */
#define ERR_RC_NOMEM (-2)

/* ERR_NOMEM with its one message (out of memory, nothing done, what to do); returns -1. */
int err_nomem(struct err *e);

/* Reset `e` to "no error". */
void err_clear(struct err *e);

/* Process exit status for an error: 2 for usage, 1 for everything else. */
int err_exit_status(const struct err *e);

#endif
