/*
 * text.h - Vietnamese text: validation, normalisation, search folding,
 * collation and display width.  Built on libunistring; knows nothing of
 * curses, LMDB or the data model.
 *
 * All strings are UTF-8.  Functions returning `char *` return a new
 * NUL-terminated string owned by the caller (free()), or NULL when out of
 * memory.
 */
#ifndef DIENHINH_TEXT_H
#define DIENHINH_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Flags for text_clean(). */
enum {
	TEXT_MULTILINE = 1 << 0, /* allow '\n' (achievements and other notes) */
};

/* Why text_clean() refused its input. */
enum text_status {
	TEXT_OK = 0,
	TEXT_BAD_UTF8,  /* not valid UTF-8 */
	TEXT_CONTROL,   /* C0 (but '\n' where allowed), DEL or C1 control */
	TEXT_BIDI,      /* bidirectional override or isolate U+202A-202E, U+2066-2069 */
	TEXT_NOMEM,
};

/*
 * Validate `len` bytes of `in` and return in *out a new NFC string with
 * leading and trailing white space removed (for TEXT_MULTILINE, trailing
 * white space of each line and trailing empty lines).  Tab counts as a
 * control character.  On refusal *out is NULL and *bad_at (if not NULL) is
 * the byte offset of the first offending character in `in`.
 */
enum text_status text_clean(const char *in, size_t len, unsigned flags,
			    char **out, size_t *bad_at);

/* A short translated phrase for a status, e.g. "contains a control character". */
const char *text_status_message(enum text_status st);

/*
 * Search key: NFD, combining marks dropped, lower case, 'đ'/'Đ' -> 'd',
 * runs of white space collapsed to one space.  "Nguyễn Thị Hồng" and
 * "nguyen  thi HONG" both give "nguyen thi hong".
 */
char *text_fold(const char *s);

/*
 * Vietnamese collation key of `s`, written to buf (at most cap bytes, never
 * NUL-terminated; the key never contains a 0x00 byte, so callers may use
 * 0x00 as a terminator after it).  Returns the full key length, which may
 * exceed cap (then the key is truncated, still a valid prefix).
 *
 * Order: primary level is the letter in the Vietnamese alphabet
 * a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y (f j w z in
 * their Latin places, digits before letters, space before everything, any
 * other character after letters by code point); the secondary level is the
 * tone, in the order: level (ngang), grave (huyền), hook (hỏi), tilde (ngã),
 * acute (sắc), dot (nặng); the tertiary level is case (lower first).
 * Comparing two keys with memcmp gives the order.
 */
size_t text_collate_key(const char *s, uint8_t *buf, size_t cap);

/*
 * Collation key for a person's full name, ordered as Vietnamese lists of
 * people are: by given name (last word), then by family and middle names.
 * "Nguyễn Văn An" sorts before "Trần Thị Ánh" before "Lê Văn Bình".
 * Same conventions as text_collate_key().
 */
size_t text_person_key(const char *name, uint8_t *buf, size_t cap);

/* Display width in terminal columns (wide characters count 2, marks 0). */
int text_width(const char *s);

/*
 * Length in bytes of the longest prefix of `s` that fits in `cols` columns,
 * cut at a character boundary (never inside a letter and its marks).  If
 * `width` is not NULL it receives the columns that prefix uses.
 */
size_t text_fit(const char *s, int cols, int *width);

/*
 * True if `s` looks like Vietnamese typed in a legacy 8-bit encoding
 * (TCVN3/ABC or VNI) and read as Latin-1/Windows-1252, e.g. "Vieät Nam"
 * or "Hå ChÝ Minh": such text holds characters that never occur in
 * Vietnamese written in Unicode.
 */
bool text_looks_legacy(const char *s);

/* Flags for text_visible(). */
enum {
	TEXT_KEEP_NEWLINES = 1 << 0, /* keep '\n' (else shown as a space) */
};

/*
 * A copy of `s` safe to write to a terminal: invalid UTF-8 bytes become
 * U+FFFD; C0 controls become caret notation ("^[" for ESC, "^M" for CR,
 * "^H" for BS; tab becomes a space, '\n' per flags), DEL becomes "^?",
 * C1 controls and bidi controls become U+FFFD.  Nothing in the result can
 * move the cursor or change the terminal's state.
 */
char *text_visible(const char *s, unsigned flags);

#endif
