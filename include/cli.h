/*
 * cli.h - the command line: global options, the configuration and identity
 * every command shares, the command table, and helpers for command modules
 * (cli_*.c).  With no command, the program opens the TUI.
 *
 * Exit status: 0 success, 1 refused operation or bad data (message on
 * stderr, nothing written), 2 bad usage.
 */
#ifndef DIENHINH_CLI_H
#define DIENHINH_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stdint.h>

#include "config.h"
#include "date.h"
#include "err.h"
#include "register.h"
#include "table.h"

/* What every command gets: settled before the command runs. */
struct cli {
	struct config *cfg;
	const char *db;          /* --db, NULL = the config's */
	char user[USER_MAX + 1];
	date_t today;
	bool privileged;
	struct reg *reg;         /* opened by cli_open() */
	enum table_format fmt;   /* --format of the current command */
	int width;               /* --width: display columns of a text listing (80) */
	struct table *out;       /* the listing being printed (cli_listing to cli_listing_end) */
};

/* Program entry point: returns the exit status. */
int cli_main(int argc, char **argv);

/* Open the register for the current person (flags: REG_CREATE, REG_READ_ONLY for a
 * command that only reads); 0 or -1. */
int cli_open(struct cli *c, unsigned flags, struct err *e);

/*
 * The integrity check of the open register (check.h), each problem printed
 * on standard output, a line each.  The number of problems, or -1 (e set);
 * *cleared: reader slots of dead sessions freed on the way; *seen (or NULL):
 * how much was looked at.
 */
int cli_check(struct cli *c, int *cleared, struct store_stats *seen, struct err *e);

/* Print "dienhinh: MESSAGE" on stderr and return the exit status for e. */
int cli_fail(const struct err *e);

/*
 * Print a message on stderr, made visible (text.h): what a person typed (an
 * unknown command, an option's value, a file's name) comes back in
 * messages, and an escape sequence in it must do nothing to the terminal.
 */
void cli_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print a usage error for `cmd` (made visible as cli_warn does) and return 2. */
int cli_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * The usage error for an option getopt_long() refused or the command does
 * not take, named as it was typed: `opt` is '?' (not an option of the
 * command), ':' (its value is missing; optstrings start with ':') or an
 * option of `opts` the command refuses.  Returns 2.
 */
int cli_bad_option(const char *cmd, int opt, char **argv, const struct option *opts);

/* Parse an exemplar number, a year, a quarter (1-4), a date; 0 or -1 (e set, ERR_USAGE;
 * for a date written as one but that does not exist, such as 31/02/2025, ERR_INVALID). */
int cli_parse_id(const char *s, uint64_t *id, struct err *e);
int cli_parse_int(const char *s, const char *what, long lo, long hi, long *out, struct err *e);
int cli_parse_date(const char *s, const char *what, date_t *out, struct err *e);
/* The exit for a date cli_parse_date() refused: a usage error (2) for text
 * that is not a date, bad data (1) for a day that does not exist. */
int cli_bad_date(const char *cmd, const struct err *e);

/* "HH:MM DD/MM/YYYY" or "YYYY-MM-DDTHH:MM:SS" and NUL, with room. */
#define CLI_TIME_SIZE 32

/*
 * A date, or a moment (seconds since the epoch, local time), as listings
 * write them: in text as Vietnamese write them ("DD/MM/YYYY", "HH:MM
 * DD/MM/YYYY"), in tsv for scripts ("YYYY-MM-DD", "YYYY-MM-DDTHH:MM:SS");
 * "" for no date or no moment (0).
 */
void cli_date(const struct cli *c, date_t d, char buf[DATE_TEXT_SIZE]);
void cli_time(const struct cli *c, int64_t at, char buf[CLI_TIME_SIZE]);

/*
 * Options several commands take, parsed in one place for their getopt
 * loops: --format text|tsv of the listings into c->fmt, --width N
 * (40-1000) of a text listing into c->width, and --year (1900-9999) or
 * --quarter (1-4), `opt` being 'y' or 'q'.  0, or 2 after a usage message.
 */
int cli_opt_width(struct cli *c, const char *cmd, const char *arg);
int cli_opt_format(struct cli *c, const char *cmd, const char *arg);
int cli_opt_period(const char *cmd, int opt, const char *arg, int *year, int *quarter);

/* The options of a command that takes only --format and --width, and no
 * other word; 0, or 2 after a usage message. */
int cli_opt_listing(struct cli *c, const char *cmd, int argc, char **argv);

/* The quarter when options leave it out: none, today's quarter, as the
 * screens open on (also when today is in no plan period: what is shown then
 * says so); --quarter alone, that quarter of this year; --year alone, the
 * whole year (quarter 0). */
void cli_default_period(const struct cli *c, int *year, int *quarter);

/* Start a listing on standard output in c->fmt: `names` head a TSV listing,
 * `labels` a text one.  Rows go to c->out (table_row).  0, or -1 (e set). */
int cli_listing(struct cli *c, size_t ncols, const char *const *names,
		const char *const *labels, struct err *e);

/*
 * Print what the listing holds and end it.  `rc` is what filling it
 * returned (-1, with e set unless a row could not be written).  Returns
 * the command's exit status: 0, or cli_fail()'s for that error or for
 * output that could not be written.
 */
int cli_listing_end(struct cli *c, int rc, struct err *e);

#endif
