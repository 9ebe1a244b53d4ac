/*
 * text.h - Vietnamese text: validation, normalisation, display width,
 * legacy encodings, and the characters everything else reads (collate.h
 * builds search folding and collation on them).  Built on libunistring;
 * knows nothing of curses, LMDB or the data model.
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

#include <unictype.h>
#include <unistr.h>

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
	TEXT_INVISIBLE, /* zero-width character, word joiner, BOM, U+2028/2029 */
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

/* Display width in terminal columns (wide characters count 2, marks 0). */
int text_width(const char *s);

/* The same for the first n bytes of s (a word within a line, uncopied). */
int text_width_n(const char *s, size_t n);

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
 * Vietnamese written in Unicode.  A letter Vietnamese never uses (å, Ö, ü)
 * counts only when its word, decoded as TCVN3 or VNI, is a Vietnamese
 * syllable, so that "Müller" or "François" is not taken for legacy text.
 */
bool text_looks_legacy(const char *s);

/* The legacy encodings text_legacy_count() weighs. */
enum text_legacy {
	TEXT_LEGACY_NONE = 0,
	TEXT_LEGACY_TCVN3,  /* TCVN3 (ABC): precomposed letters on 0xA1-0xFE */
	TEXT_LEGACY_VNI,    /* VNI: a letter followed by a byte for its marks */
	TEXT_LEGACY_CP1258, /* Windows-1258: letters and separate tone bytes */
	TEXT_LEGACY_COUNT
};

/*
 * Add to counts[enc] the words of the `len` bytes of s that decode, in each
 * legacy encoding, to a Vietnamese syllable.  `raw`: s is a file's bytes,
 * not UTF-8 (each byte a character, as Latin-1), and Windows-1258 is
 * weighed too; else s is UTF-8 text where such bytes arrived as U+00A0-00FF.
 */
void text_legacy_count(const char *s, size_t len, bool raw, size_t counts[TEXT_LEGACY_COUNT]);

/* The encoding with the most words counted, or TEXT_LEGACY_NONE. */
enum text_legacy text_legacy_best(const size_t counts[TEXT_LEGACY_COUNT]);

/* The encoding's name for a message: "TCVN3 (ABC)", "VNI", "Windows-1258". */
const char *text_legacy_name(enum text_legacy enc);

/* Flags for text_visible(). */
enum {
	TEXT_KEEP_NEWLINES = 1 << 0, /* keep '\n' (else shown as a space) */
};

/*
 * A copy of `s` safe to write to a terminal: invalid UTF-8 bytes become
 * U+FFFD; C0 controls become caret notation ("^[" for ESC, "^M" for CR,
 * "^H" for BS; tab becomes a space, '\n' per flags), DEL becomes "^?",
 * C1 controls, bidi controls and invisible characters (zero-width space,
 * U+2028...) become U+FFFD.  Nothing in the result can
 * move the cursor or change the terminal's state.
 */
char *text_visible(const char *s, unsigned flags);

/* Is `s` printable ASCII only (0x20 to 0x7E), which text_visible would give
 * back unchanged?  Numbers and codes are: they need no copy to be shown. */
bool text_plain_ascii(const char *s);

/* ---- one character at a time ------------------------------------------------
 * What this module and collate.c read strings with, so that both agree on
 * what a character, a space and a mark are.  The two called for every
 * character are inline: they are a good part of the time spent on text.
 */

/*
 * White space for trimming, folding and word splitting (separators, not
 * only ASCII).  Below U+2000, where every Vietnamese letter is, the space
 * separators are U+0020, U+00A0 and U+1680 alone, so those characters are
 * answered without libunistring's tables.
 */
static inline bool text_is_space(ucs4_t uc)
{
	if (uc < 0x2000)
		return uc == ' ' || (uc >= '\t' && uc <= '\r') || uc == 0x85 || uc == 0xA0 ||
		       uc == 0x1680;
	return uc_is_general_category(uc, UC_CATEGORY_Zs) || uc == 0x2028 || uc == 0x2029;
}

/* A combining mark that does not take a column of its own (general category Mn). */
bool text_is_mark(ucs4_t uc);

/*
 * Decode a well-formed character of one to three bytes at p (p < end) and
 * return its length, or return 0 for anything else, which libunistring is
 * asked about.  Vietnamese is all of one to three bytes.
 */
static inline size_t text_utf8_quick(const uint8_t *p, const uint8_t *end, ucs4_t *uc)
{
	if (*p < 0x80) {
		*uc = *p;
		return 1;
	}
	if (*p >= 0xC2 && *p < 0xE0) {
		if (end - p >= 2 && (p[1] ^ 0x80) < 0x40) {
			*uc = (ucs4_t)(*p & 0x1F) << 6 | (ucs4_t)(p[1] ^ 0x80);
			return 2;
		}
	} else if ((*p & 0xF0) == 0xE0 && end - p >= 3 && (p[1] ^ 0x80) < 0x40 &&
		   (p[2] ^ 0x80) < 0x40 && (*p != 0xE0 || p[1] >= 0xA0) &&
		   (*p != 0xED || p[1] < 0xA0)) {
		/* Neither overlong (E0 80-9F) nor a surrogate (ED A0-BF). */
		*uc = (ucs4_t)(*p & 0x0F) << 12 | (ucs4_t)(p[1] ^ 0x80) << 6 |
		      (ucs4_t)(p[2] ^ 0x80);
		return 3;
	}
	return 0;
}

/* Decode one character of [p, end) (p < end); invalid bytes give U+FFFD.  Returns its length. */
static inline size_t text_next_char(const uint8_t *p, const uint8_t *end, ucs4_t *uc)
{
	size_t n = text_utf8_quick(p, end, uc);

	return n ? n : (size_t)u8_mbtouc(uc, p, (size_t)(end - p));
}

/*
 * Full canonical decomposition of `uc` (libunistring gives one level) into
 * out[0..max), returning the count.  No reordering: callers treat the marks
 * of one letter as a set or sort them themselves.
 */
int text_decompose(ucs4_t uc, ucs4_t *out, int max);

#endif
