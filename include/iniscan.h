/*
 * iniscan.h - where the sections and keys of the configuration file are.
 *
 * iniparser 4.1 keeps no line numbers, merges duplicate sections and keys
 * without a word and misreads a few shapes of line.  This scanner reads the
 * same bytes iniparser will be given, line by line, classifies each line the
 * way iniparser 4.1 does (blank, comment, [section] or key = value), records
 * the line of every section and key under the name iniparser will give it,
 * and refuses what iniparser would silently merge or misread: overlong
 * lines, a trailing backslash, duplicates, upper-case names and the like.
 * It never looks at values: unquoting them and cutting inline comments is
 * left to iniparser, so a quoted value may hold ';' and '#'.  Names and
 * values are raw bytes from the file; iniscan_show quotes them in messages.
 *
 * iniscan does not include iniparser.h; config.c, the only file that does,
 * checks that iniparser saw what the scanner saw.
 */
#ifndef DIENHINH_INISCAN_H
#define DIENHINH_INISCAN_H

#include <stddef.h>

#include "err.h"

/* iniparser reads a line into 1024 bytes: the text, its '\n' and a NUL.
 * The text counts everything before the '\n', a '\r' included. */
#define INISCAN_LINE_MAX 1022
/* A town's config is a few kilobytes; these bound the work on a bad file. */
#define INISCAN_FILE_MAX (1 << 20)
#define INISCAN_SECS_MAX 1000
#define INISCAN_KEYS_MAX 1000 /* in one section */
#define INISCAN_SHOW_SIZE 64 /* a name or value quoted in a message, with its NUL */

/* A key as iniparser will store it: the text before the first '=', without
 * the white space around it.  `line` counts from 1. */
struct iniscan_key {
	char *name;
	int line;
};

/* A section and its keys in file order.  `name` is what stood between the
 * brackets without the white space around it. */
struct iniscan_sec {
	char *name;
	int line;
	struct iniscan_key *keys;
	size_t n_keys;
};

/*
 * A scanned file: its sections in file order, and `names`, which holds
 * every name of sections and keys, each ended by a NUL.
 * Invariant: no name is empty or has an upper-case ASCII letter; section
 * names hold no '[', ']' or ':'; section names are unique in the file and
 * key names within their section; lines grow in file order, and every key
 * of a section comes after the section's line.
 */
struct iniscan {
	struct iniscan_sec *secs;
	size_t n_secs;
	char *names;
	size_t text_at; /* 3 after a UTF-8 byte-order mark, else 0: where the text
			 * iniparser must be given starts (it cannot read the mark) */
};

/*
 * Why a scan refused the text.  For ERR_CONFIG: the line at fault, the
 * section the line is in or repeats and the key it repeats ("" when the
 * message is not about one), and the reason, translated, for a person.
 * For ERR_NOMEM only `code` is meaningful.  The names are copies, so the
 * error outlives the scan.
 */
struct iniscan_error {
	enum err_code code;
	int line;
	char section[INISCAN_LINE_MAX + 1];
	char key[INISCAN_LINE_MAX + 1];
	char reason[400];
};

/*
 * Read the whole file at `path` into a new buffer (*out, *n bytes, not
 * NUL-terminated; the caller frees it).  A file over INISCAN_FILE_MAX bytes
 * is refused with ERR_CONFIG, a missing one with ERR_NOTFOUND, other
 * failures with ERR_IO or ERR_NOMEM; every message names the file.
 */
int iniscan_read_file(const char *path, char **out, size_t *n, struct err *e);

/*
 * Scan the n bytes at buf, as read by iniscan_read_file.  On success
 * returns 0 and *out holds the sections and keys found (iniscan_free).  On
 * failure returns -1, fills `why` (if not NULL) about the first line
 * refused and leaves *out empty, holding nothing to free.
 */
int iniscan_scan(const char *buf, size_t n, struct iniscan *out, struct iniscan_error *why);

/* Free the names of a scan and empty it; an empty scan may be freed again. */
void iniscan_free(struct iniscan *scan);

/* The key of section `s` named `key`, or NULL. */
const struct iniscan_key *iniscan_find_key(const struct iniscan_sec *s, const char *key);

/*
 * A piece of the file (a name or a value, which may hold any bytes but NUL)
 * made safe to quote in a message shown on a terminal: C0, DEL, C1 and
 * text-direction controls and broken UTF-8 become '?'.  A copy that would
 * pass INISCAN_SHOW_SIZE - 4 bytes is cut at a character boundary and ended
 * with "…" (room is kept for it and the NUL).  Returns buf.
 */
const char *iniscan_show(const char *text, char buf[INISCAN_SHOW_SIZE]);

#endif
