/* text.c - see text.h. */
#include "text.h"

#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unigbrk.h>
#include <uninorm.h>
#include <uniwidth.h>

#include "i18n.h"

#define REPLACEMENT 0xFFFD

/* ---- characters ---------------------------------------------------------- */

/* Overrides, embeddings and isolates: they reorder what follows them on screen. */
static bool is_bidi(ucs4_t uc)
{
	return (uc >= 0x202A && uc <= 0x202E) || (uc >= 0x2066 && uc <= 0x2069);
}

bool text_is_mark(ucs4_t uc)
{
	return uc >= 0x300 && uc_is_general_category(uc, UC_CATEGORY_Mn);
}

int text_decompose(ucs4_t uc, ucs4_t *out, int max)
{
	ucs4_t d[UC_DECOMPOSITION_MAX_LENGTH];
	int n = uc < 0xC0 ? -1 : uc_canonical_decomposition(uc, d);
	int k = 0;

	if (n <= 0) {
		out[0] = uc;
		return 1;
	}
	for (int i = 0; i < n && k < max; i++)
		k += text_decompose(d[i], out + k, max - k);
	return k;
}

/* ---- validation and normalisation ---------------------------------------- */

/*
 * A character that is in NFC whatever surrounds it (NFC_Quick_Check = Yes
 * and not a mark that could join the letter before it): everything below
 * the combining marks at U+0300, the Vietnamese letters of Latin Extended
 * Additional, and general punctuation but its two singletons U+2000-2001.
 * Text made only of these is already NFC, which is nearly all Vietnamese
 * typed with a Unicode input method; the rest goes through u8_normalize.
 */
static bool nfc_stable(ucs4_t uc)
{
	return uc < 0x300 || (uc >= 0x1E00 && uc <= 0x1EFF) || (uc >= 0x2002 && uc <= 0x206F);
}

/*
 * Status of the first character text_clean() refuses in s; *at gets its
 * offset.  *nfc is set when every character is nfc_stable().
 */
static enum text_status check_chars(const uint8_t *s, size_t len, unsigned flags, size_t *at,
				    bool *nfc)
{
	*nfc = true;
	for (size_t i = 0; i < len; ) {
		enum text_status st = TEXT_OK;
		ucs4_t uc;
		int n;

		/* Printable ASCII, most of any Vietnamese text, is fine as it is. */
		if (s[i] >= 0x20 && s[i] < 0x7F) {
			i++;
			continue;
		}
		n = (int)text_utf8_quick(s + i, s + len, &uc);
		if (!n && (n = u8_mbtoucr(&uc, s + i, len - i)) < 0)
			st = TEXT_BAD_UTF8;
		else if ((uc < 0x20 && !(uc == '\n' && (flags & TEXT_MULTILINE))) ||
			 (uc >= 0x7F && uc <= 0x9F))
			st = TEXT_CONTROL;
		else if (is_bidi(uc))
			st = TEXT_BIDI;
		if (st != TEXT_OK) {
			*at = i;
			return st;
		}
		if (!nfc_stable(uc))
			*nfc = false;
		i += (size_t)n;
	}
	return TEXT_OK;
}

/* End of [s, e) without its trailing white space ('\n' excluded: lines are kept). */
static const uint8_t *trim_end(const uint8_t *s, const uint8_t *e)
{
	while (e > s) {
		ucs4_t uc;
		const uint8_t *p = u8_prev(&uc, e, s);

		if (!p || uc == '\n' || !text_is_space(uc))
			break;
		e = p;
	}
	return e;
}

/*
 * Trim the n bytes of s in place and NUL-terminate; s has room for n + 1.
 * Leading white space goes (blank lines too), then every line loses its
 * trailing white space and the text its trailing empty lines.  Only '\n'
 * can separate lines here: every other control was refused.
 */
static void trim(uint8_t *s, size_t n)
{
	const uint8_t *r = s, *end = s + n;
	size_t w = 0;

	while (r < end) {
		ucs4_t uc;
		size_t l = text_next_char(r, end, &uc);

		if (!text_is_space(uc))
			break;
		r += l;
	}
	while (r < end) {
		const uint8_t *nl = memchr(r, '\n', (size_t)(end - r));
		const uint8_t *le = nl ? nl : end;
		const uint8_t *te = trim_end(r, le);

		memmove(s + w, r, (size_t)(te - r));
		w += (size_t)(te - r);
		if (nl)
			s[w++] = '\n';
		r = nl ? nl + 1 : end;
	}
	while (w > 0 && s[w - 1] == '\n')
		w--;
	s[w] = '\0';
}

enum text_status text_clean(const char *in, size_t len, unsigned flags,
			    char **out, size_t *bad_at)
{
	const uint8_t *s = (const uint8_t *)in;
	enum text_status st;
	size_t at = 0, n = 0;
	uint8_t *norm = NULL, *r;

	bool nfc;

	*out = NULL;
	st = check_chars(s, len, flags, &at, &nfc);
	if (st != TEXT_OK) {
		if (bad_at)
			*bad_at = at;
		return st;
	}
	if (nfc) {
		if (!(r = malloc(len + 1)))
			goto nomem;
		memcpy(r, s, len);
		n = len;
	} else {
		norm = u8_normalize(UNINORM_NFC, s, len, NULL, &n);
		if (!norm)
			goto nomem;
		/* u8_normalize's result has no terminator: make room for one. */
		if (!(r = realloc(norm, n + 1)))
			goto nomem;
	}
	trim(r, n);
	*out = (char *)r;
	return TEXT_OK;
nomem:
	free(norm);
	if (bad_at)
		*bad_at = 0;
	return TEXT_NOMEM;
}

const char *text_status_message(enum text_status st)
{
	switch (st) {
	case TEXT_OK:
		return _("is valid text");
	case TEXT_BAD_UTF8:
		return _("is not valid UTF-8 text");
	case TEXT_CONTROL:
		return _("contains a hidden control character (such as a tab or line break)");
	case TEXT_BIDI:
		return _("contains a hidden text-direction control character");
	case TEXT_NOMEM:
		return _("could not be checked: out of memory");
	}
	return _("is not valid text");
}


/* ---- display width ------------------------------------------------------- */

/* Columns of one character; controls draw nothing here (text_visible shows them). */
static int char_width(ucs4_t uc)
{
	int w;

	if (uc >= 0x20 && uc < 0x7F)
		return 1;
	w = uc_width(uc, "UTF-8");
	return w < 0 ? 0 : w;
}

int text_width(const char *s)
{
	return text_width_n(s, strlen(s));
}

int text_width_n(const char *s, size_t n)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + n;
	int w = 0;

	while (p < end) {
		ucs4_t uc;

		p += text_next_char(p, end, &uc);
		w += char_width(uc);
	}
	return w;
}

/* Cuts fall only between grapheme clusters, so a letter keeps all its marks. */
size_t text_fit(const char *s, int cols, int *width)
{
	const uint8_t *start = (const uint8_t *)s, *end = start + strlen(s), *p = start;
	int used = 0;

	while (p < end) {
		const uint8_t *q = u8_grapheme_next(p, end), *r = p;
		int w = 0;

		while (r < q) {
			ucs4_t uc;

			r += text_next_char(r, q, &uc);
			w += char_width(uc);
		}
		if (used + w > cols)
			break;
		used += w;
		p = q;
	}
	if (width)
		*width = used;
	return (size_t)(p - start);
}

/* ---- legacy encodings ---------------------------------------------------- */

/*
 * What a character of U+00A0-U+00FF says about legacy text.  TCVN3 puts
 * Vietnamese letters on 0xA1-0xFE, so read as Windows-1252 they become
 * symbols, non-Vietnamese letters (å, Ö) and Vietnamese letters in odd
 * places ("ChÝ").  VNI writes a base letter followed by a byte for its
 * marks: "Vieät", "Nguyeãn".  Symbols that real text uses (© ® « » µ) only
 * count on the side where TCVN3 puts them next to a letter.
 */
enum {
	L_BAD = 1,       /* letter Vietnamese never uses: Ä Å ñ ö ... */
	L_AFTER = 2,     /* symbol suspicious right after a letter */
	L_BEFORE = 4,    /* symbol suspicious right before a letter */
	L_SIDE = L_AFTER | L_BEFORE,
	L_UP = 8,        /* Vietnamese capital, suspicious after a small letter */
	L_MARK = 16,     /* small letter that is also a VNI mark byte */
};

static const uint8_t latin1[0x60] = {
	/* A0 */ 0, L_SIDE, L_SIDE, L_SIDE, L_SIDE, L_SIDE, L_SIDE, L_SIDE,
	/* A8 */ L_SIDE, L_BEFORE, L_SIDE, L_AFTER, L_SIDE, L_SIDE, L_BEFORE, 0,
	/* B0 */ 0, 0, 0, 0, 0, L_AFTER, L_SIDE, L_SIDE,
	/* B8 */ L_SIDE, L_SIDE, 0, L_BEFORE, L_SIDE, L_SIDE, L_SIDE, 0,
	/* C0 */ L_UP, L_UP, L_UP, L_UP, L_BAD, L_BAD, L_BAD, L_BAD,
	/* C8 */ L_UP, L_UP, L_UP, L_BAD, L_UP, L_UP, L_BAD, L_BAD,
	/* D0 */ L_BAD, L_BAD, L_UP, L_UP, L_UP, L_UP, L_BAD, L_SIDE,
	/* D8 */ L_BAD, L_UP, L_UP, L_BAD, L_BAD, L_UP, L_BAD, L_BAD,
	/* E0 */ L_MARK, L_MARK, L_MARK, L_MARK, L_BAD, L_BAD, L_BAD, L_BAD,
	/* E8 */ L_MARK, L_MARK, L_MARK, L_BAD, 0, 0, L_BAD, L_BAD,
	/* F0 */ L_BAD, L_BAD, 0, 0, 0, L_MARK, L_BAD, L_SIDE,
	/* F8 */ L_BAD, L_MARK, L_MARK, L_BAD, L_BAD, 0, L_BAD, L_BAD,
};

static int latin1_class(ucs4_t uc)
{
	return uc >= 0xA0 && uc <= 0xFF ? latin1[uc - 0xA0] : 0;
}

/*
 * VNI: a base letter followed by a mark byte that Vietnamese written in
 * Unicode never puts after it ("eã", "aø"); "oà", "uâ", "uá" are real
 * (hoà, tuân, quá) and left alone.
 */
static bool vni_pair(ucs4_t base, ucs4_t mark)
{
	if (!(latin1_class(mark) & L_MARK))
		return false;
	switch (base) {
	case 'a': case 'e': case 0xF4:
		return true;
	case 'o':
		return mark == 0xE2 || mark == 0xF9 || mark == 0xF5;
	case 'u':
		return mark == 0xF9 || mark == 0xFA || mark == 0xF5;
	case 'y':
		return mark == 0xF9 || mark == 0xF5;
	}
	return false;
}

/*
 * Expects NFC (text_clean's output): decomposed legacy letters are not seen.
 * Every sign looked for is a character of U+00A0-U+00FF (a VNI mark byte,
 * lowered, too: only U+00C0-U+00FF lower into it), which UTF-8 starts with
 * byte C2 or C3; text without them, and the characters outside that block,
 * are passed over without asking libunistring about them.
 */
bool text_looks_legacy(const char *s)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + strlen(s);
	ucs4_t prev = ' ', cur, next;

	size_t n = (size_t)(end - p);

	if (!n || (!memchr(s, 0xC2, n) && !memchr(s, 0xC3, n)))
		return false;
	p += text_next_char(p, end, &cur);
	for (;;) {
		bool more = p < end;
		int cl = latin1_class(cur);

		next = ' ';
		if (more)
			p += text_next_char(p, end, &next);
		if (cur >= 0xA0 && cur <= 0xFF &&
		    ((cl & L_BAD) ||
		     ((cl & L_AFTER) && uc_is_alpha(prev)) ||
		     ((cl & L_BEFORE) && uc_is_alpha(next)) ||
		     ((cl & L_UP) && uc_is_lower(prev)) ||
		     vni_pair(uc_tolower(prev), uc_tolower(cur))))
			return true;
		if (!more)
			return false;
		prev = cur;
		cur = next;
	}
}

/* ---- terminal-safe copy -------------------------------------------------- */

/*
 * The copy is at most three times as long as s: one byte becomes at most
 * three (U+FFFD for an invalid byte), two (caret notation for a control),
 * and a character of two or three bytes stays as long or becomes U+FFFD.
 */
bool text_plain_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s >= 0x7F)
			return false;
	return true;
}

char *text_visible(const char *s, unsigned flags)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + strlen(s);
	uint8_t *out = malloc((size_t)(end - p) * 3 + 1), *o = out;

	if (!out)
		return NULL;
	while (p < end) {
		ucs4_t uc = *p;
		size_t l = 1;

		if (uc == '\n') {
			*o++ = flags & TEXT_KEEP_NEWLINES ? '\n' : ' ';
		} else if (uc == '\t') {
			*o++ = ' ';
		} else if (uc < 0x20 || uc == 0x7F) {
			*o++ = '^';
			*o++ = uc == 0x7F ? '?' : (uint8_t)(uc + 0x40);
		} else if (uc < 0x80) {
			*o++ = (uint8_t)uc;
		} else {
			l = text_next_char(p, end, &uc);
			if (uc == REPLACEMENT || (uc >= 0x80 && uc <= 0x9F) || is_bidi(uc))
				o += u8_uctomb(o, REPLACEMENT, 3);
			else
				o = (uint8_t *)memcpy(o, p, l) + l;
		}
		p += l;
	}
	*o = '\0';
	return (char *)out;
}
