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

/*
 * Characters that show nothing yet make two texts differ: zero-width space,
 * non-joiner and joiner, word joiner and the invisible operators, the
 * Mongolian vowel separator, a byte order mark inside text, and the line
 * and paragraph separators (a line break no field expects).
 */
static bool is_invisible(ucs4_t uc)
{
	return (uc >= 0x200B && uc <= 0x200D) || (uc >= 0x2060 && uc <= 0x2064) ||
	       uc == 0x2028 || uc == 0x2029 || uc == 0xFEFF || uc == 0x180E;
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
		else if (is_invisible(uc))
			st = TEXT_INVISIBLE;
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
	case TEXT_INVISIBLE:
		return _("contains an invisible character (such as a zero-width space or a line "
			 "separator copied from a web page or a document); type it again");
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
 * What TCVN3 (ABC) means by the bytes 0xA0-0xFF, which text typed with
 * Unikey set to TCVN3 brings as the characters U+00A0-U+00FF: small
 * letters with their marks, the few capitals TCVN3 has, and five lone
 * tone marks; 0 for none.  (The table is glibc's TCVN5712-1.)
 */
static const uint16_t tcvn3[0x60] = {
	0x00a0, 0x0102, 0x00c2, 0x00ca, 0x00d4, 0x01a0, 0x01af, 0x0110,
	0x0103, 0x00e2, 0x00ea, 0x00f4, 0x01a1, 0x01b0, 0x0111, 0x1eb0,
	0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00e0, 0x1ea3, 0x00e3,
	0x00e1, 0x1ea1, 0x1eb2, 0x1eb1, 0x1eb3, 0x1eb5, 0x1eaf, 0x1eb4,
	0x1eae, 0x1ea6, 0x1ea8, 0x1eaa, 0x1ea4, 0x1ec0, 0x1eb7, 0x1ea7,
	0x1ea9, 0x1eab, 0x1ea5, 0x1ead, 0x00e8, 0x1ec2, 0x1ebb, 0x1ebd,
	0x00e9, 0x1eb9, 0x1ec1, 0x1ec3, 0x1ec5, 0x1ebf, 0x1ec7, 0x00ec,
	0x1ec9, 0x1ec4, 0x1ebe, 0x1ed2, 0x0129, 0x00ed, 0x1ecb, 0x00f2,
	0x1ed4, 0x1ecf, 0x00f5, 0x00f3, 0x1ecd, 0x1ed3, 0x1ed5, 0x1ed7,
	0x1ed1, 0x1ed9, 0x1edd, 0x1edf, 0x1ee1, 0x1edb, 0x1ee3, 0x00f9,
	0x1ed6, 0x1ee7, 0x0169, 0x00fa, 0x1ee5, 0x1eeb, 0x1eed, 0x1eef,
	0x1ee9, 0x1ef1, 0x1ef3, 0x1ef7, 0x1ef9, 0x00fd, 0x1ef5, 0x1ed0,
};

/*
 * What VNI means by the small letters U+00E0-U+00FC (the capitals are the
 * same 0x20 lower): most are marks for the letter before them, a circumflex
 * or breve with or without a tone; a few are whole letters (ơ ư đ and i
 * with its tones).  0 for none.
 */
struct vni_sign {
	ucs4_t letter;  /* a whole letter, or 0 */
	ucs4_t mark[2]; /* else the marks it adds (0 for none) */
};

static const struct vni_sign vni[0x1D] = {
	/* E0 à */ { 0, { 0x302, 0x300 } }, /* E1 á */ { 0, { 0x302, 0x301 } },
	/* E2 â */ { 0, { 0x302, 0 } },     /* E3 ã */ { 0, { 0x302, 0x303 } },
	/* E4 ä */ { 0, { 0x302, 0x323 } }, /* E5 å */ { 0, { 0x302, 0x309 } },
	/* E6 æ */ { 0x1EC9, { 0, 0 } },    /* E7 ç */ { 0, { 0, 0 } },
	/* E8 è */ { 0, { 0x306, 0x300 } }, /* E9 é */ { 0, { 0x306, 0x301 } },
	/* EA ê */ { 0, { 0x306, 0 } },     /* EB ë */ { 0, { 0x306, 0x323 } },
	/* EC ì */ { 0xEC, { 0, 0 } },      /* ED í */ { 0xED, { 0, 0 } },
	/* EE î */ { 0, { 0, 0 } },         /* EF ï */ { 0, { 0x323, 0 } },
	/* F0 ð */ { 0, { 0, 0 } },         /* F1 ñ */ { 0x111, { 0, 0 } },
	/* F2 ò */ { 0x1ECB, { 0, 0 } },    /* F3 ó */ { 0x129, { 0, 0 } },
	/* F4 ô */ { 0x1A1, { 0, 0 } },     /* F5 õ */ { 0, { 0x303, 0 } },
	/* F6 ö */ { 0x1B0, { 0, 0 } },     /* F7 ÷ */ { 0, { 0, 0 } },
	/* F8 ø */ { 0, { 0x300, 0 } },     /* F9 ù */ { 0, { 0x301, 0 } },
	/* FA ú */ { 0, { 0x306, 0x309 } }, /* FB û */ { 0, { 0x309, 0 } },
	/* FC ü */ { 0, { 0x306, 0x303 } },
};

/* The vowels among letter_code()'s answers. */
#define VOWEL_CODES "a12e3io45u6y"

/* Longest word the syllable check reads, in characters after decomposition. */
#define WORD_MAX 24

/*
 * One letter of a decomposed word as a single byte: ASCII letters as
 * themselves (lowered), the Vietnamese vowels with a modifier as digits
 * (1 ă, 2 â, 3 ê, 4 ô, 5 ơ, 6 ư) and đ as 'D'; 0 for anything else.
 * Tones were taken off already.
 */
static char letter_code(ucs4_t base, ucs4_t modifier)
{
	base = uc_tolower(base);
	if (base == 0x111)
		return modifier ? 0 : 'D';
	if (base > 'z' || base < 'a')
		return 0;
	if (!modifier)
		return (char)base;
	if (modifier == 0x306)
		return base == 'a' ? '1' : 0;
	if (modifier == 0x302)
		return base == 'a' ? '2' : base == 'e' ? '3' : base == 'o' ? '4' : 0;
	if (modifier == 0x31B)
		return base == 'o' ? '5' : base == 'u' ? '6' : 0;
	return 0;
}

static bool is_tone(ucs4_t uc)
{
	return uc == 0x300 || uc == 0x301 || uc == 0x303 || uc == 0x309 || uc == 0x323;
}

/*
 * Turn a decomposed word (letters, each followed by its marks) into
 * letter codes in out (size WORD_MAX + 1).  False if a mark has no letter,
 * a letter takes two modifiers, or the word has more than one tone.
 */
static bool word_codes(const ucs4_t *w, size_t n, char *out)
{
	size_t k = 0;
	int tones = 0;

	for (size_t i = 0; i < n; ) {
		ucs4_t base = w[i++], modifier = 0;
		int tone = 0;

		if (text_is_mark(base) || k == WORD_MAX)
			return false;
		for (; i < n && text_is_mark(w[i]); i++) {
			if (is_tone(w[i]))
				tone++;
			else if (modifier)
				return false;
			else
				modifier = w[i];
		}
		tones += tone;
		if (tones > 1 || !(out[k] = letter_code(base, modifier)) ||
		    (tone && !strchr(VOWEL_CODES, out[k])))
			return false;
		k++;
	}
	out[k] = '\0';
	return k > 0;
}

/* Does s, a run of letter codes, start with a vowel nucleus and end with a final? */
static bool rhyme_ok(const char *s)
{
	static const char *const finals[] = { "", "c", "ch", "m", "n", "ng", "nh", "p", "t" };
	size_t v = 0;

	while (s[v] && strchr(VOWEL_CODES, s[v]))
		v++;
	if (v == 0 || v > 3)
		return false;
	for (size_t i = 0; i < sizeof finals / sizeof finals[0]; i++)
		if (!strcmp(s + v, finals[i]))
			return true;
	return false;
}

/* Is the word of letter codes one Vietnamese syllable (initial, vowels, final)? */
static bool syllable_ok(const char *s)
{
	static const char *const initials[] = {
		"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c",
		"d", "D", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
	};

	for (size_t i = 0; i < sizeof initials / sizeof initials[0]; i++) {
		size_t l = strlen(initials[i]);

		if (!strncmp(s, initials[i], l) && rhyme_ok(s + l))
			return true;
	}
	return false;
}

/* Append uc to w (n of WORD_MAX used), fully decomposed; false when full. */
static bool word_add(ucs4_t *w, size_t *n, ucs4_t uc)
{
	ucs4_t d[4];
	int k = text_decompose(uc, d, 4);

	if (*n + (size_t)k > WORD_MAX)
		return false;
	for (int i = 0; i < k; i++)
		w[(*n)++] = d[i];
	return true;
}

/*
 * What Windows-1258 means by U+00A0-U+00FF where it differs from Latin-1:
 * the letters ă ơ ư đ (and capitals) and the five tone marks it writes
 * after a letter.
 */
static ucs4_t cp1258(ucs4_t uc)
{
	switch (uc) {
	case 0xC3: return 0x102;
	case 0xCC: return 0x300;
	case 0xD0: return 0x110;
	case 0xD2: return 0x309;
	case 0xD5: return 0x1A0;
	case 0xDD: return 0x1AF;
	case 0xDE: return 0x303;
	case 0xE3: return 0x103;
	case 0xEC: return 0x301;
	case 0xF0: return 0x111;
	case 0xF2: return 0x323;
	case 0xF5: return 0x1A1;
	case 0xFD: return 0x1B0;
	}
	return uc;
}

/* One character of legacy text, decoded into w; false if it means nothing there. */
static bool legacy_char(ucs4_t *w, size_t *n, ucs4_t uc, enum text_legacy enc)
{
	ucs4_t low = uc >= 0xC0 && uc <= 0xDC ? uc + 0x20 : uc;

	if (uc < 0xA0 || uc > 0xFF)
		return word_add(w, n, uc);
	if (enc == TEXT_LEGACY_TCVN3)
		return tcvn3[uc - 0xA0] && word_add(w, n, tcvn3[uc - 0xA0]);
	if (enc == TEXT_LEGACY_CP1258)
		return word_add(w, n, cp1258(uc));
	if (low >= 0xE0 && low <= 0xFC && low != 0xF7) {
		const struct vni_sign *v = &vni[low - 0xE0];
		bool ok = true;

		if (v->letter)
			return word_add(w, n, low == uc ? v->letter : uc_toupper(v->letter));
		if (!v->mark[0])
			return false;
		for (int i = 0; ok && i < 2 && v->mark[i]; i++)
			ok = word_add(w, n, v->mark[i]);
		return ok;
	}
	return word_add(w, n, uc);
}

/*
 * Read the characters [p, end) as the bytes a legacy keyboard sent and
 * decode them as `enc`; true if the result is one Vietnamese syllable.
 * Characters outside U+00A0-U+00FF stay as they are.
 */
static bool decodes_to_syllable(const uint8_t *p, const uint8_t *end, enum text_legacy enc)
{
	ucs4_t w[WORD_MAX];
	char codes[WORD_MAX + 1];
	size_t n = 0;

	while (p < end) {
		ucs4_t uc;

		p += text_next_char(p, end, &uc);
		if (!legacy_char(w, &n, uc, enc))
			return false;
	}
	return word_codes(w, n, codes) && syllable_ok(codes);
}

/* A character of a word as legacy text cuts it: a letter, a mark or any of U+00A1-U+00FF. */
static bool word_char(ucs4_t uc)
{
	return (uc > 0xA0 && uc <= 0xFF) || uc_is_alpha(uc) || text_is_mark(uc);
}

/*
 * A letter that Vietnamese never uses (Ö, å, ü) is a legacy sign only when
 * its word, decoded as TCVN3 or VNI, is a Vietnamese syllable: "Hång" is
 * "Hồng", but "Müller" and "François" are names.  `at` is the letter's
 * offset in [s, end).
 */
static bool legacy_word(const uint8_t *s, const uint8_t *at, const uint8_t *end)
{
	const uint8_t *b = at, *e = at;
	ucs4_t uc;

	while (b > s) {
		const uint8_t *q = u8_prev(&uc, b, s);

		if (!q || !word_char(uc))
			break;
		b = q;
	}
	while (e < end) {
		size_t l = text_next_char(e, end, &uc);

		if (!word_char(uc))
			break;
		e += l;
	}
	return decodes_to_syllable(b, e, TEXT_LEGACY_TCVN3) ||
	       decodes_to_syllable(b, e, TEXT_LEGACY_VNI);
}

/*
 * The character that ends at `at`, as reading s from its start decodes it:
 * ' ' at the start, U+FFFD for bytes that are no character.  A lead byte
 * always starts a character there, so reading backward finds the same one.
 */
static ucs4_t char_before(const uint8_t *s, const uint8_t *at)
{
	ucs4_t uc;

	if (at == s)
		return ' ';
	if (at[-1] < 0x80)
		return at[-1];
	return u8_prev(&uc, at, s) ? uc : 0xFFFD;
}

/* Is cur, a character of U+00A0-U+00FF at `at` in [s, end), a legacy sign there? */
static bool legacy_sign(const uint8_t *s, const uint8_t *at, const uint8_t *end, ucs4_t cur)
{
	const uint8_t *after = at + 2;
	ucs4_t prev = char_before(s, at), next = ' ';
	int cl = latin1_class(cur);
	/* uc_tolower within the block: only À-Þ (less ×) have a lower case there. */
	ucs4_t low = cur >= 0xC0 && cur <= 0xDE && cur != 0xD7 ? cur + 0x20 : cur;

	if (after < end)
		text_next_char(after, end, &next);
	return ((cl & L_BAD) && legacy_word(s, at, end)) ||
	       ((cl & L_AFTER) && uc_is_alpha(prev)) ||
	       ((cl & L_BEFORE) && uc_is_alpha(next)) ||
	       ((cl & L_UP) && uc_is_lower(prev)) ||
	       ((latin1_class(low) & L_MARK) && vni_pair(uc_tolower(prev), low));
}

/*
 * Expects NFC (text_clean's output): decomposed legacy letters are not seen.
 * Every sign looked for is a character of U+00A0-U+00FF (a VNI mark byte,
 * lowered, too: only U+00C0-U+00FF lower into it), which UTF-8 writes as
 * byte C2 or C3 and one more; only those are decoded, with the characters
 * on either side, and the rest of the text is passed over by strpbrk
 * (bytes that are no UTF-8 never decode into that block).
 */
bool text_looks_legacy(const char *s)
{
	const uint8_t *start = (const uint8_t *)s, *end = start + strlen(s), *at = start;

	while ((at = (const uint8_t *)strpbrk((const char *)at, "\xC2\xC3"))) {
		if ((at[1] & 0xC0) != 0x80) {
			at++;
			continue;
		}
		ucs4_t cur = (ucs4_t)(*at & 0x1F) << 6 | (at[1] & 0x3F);
		if (cur >= 0xA0 && legacy_sign(start, at, end, cur))
			return true;
		at += 2;
	}
	return false;
}

/*
 * A word of s for text_legacy_count(), as UTF-8 in buf (size 4 * WORD_MAX):
 * a run of word characters (bytes, read as Latin-1, when raw) holding one
 * of U+00A0-U+00FF.  Returns where the word ends, or NULL at the end of s;
 * *n is 0 for a run to pass over.
 */
static const uint8_t *next_word(const uint8_t *p, const uint8_t *end, bool raw, uint8_t *buf,
				size_t *n)
{
	bool high = false;

	*n = 0;
	for (; p < end; p++) { /* to the next word */
		ucs4_t uc;

		if (raw ? *p >= 0xA0 || uc_is_alpha(*p) : (text_next_char(p, end, &uc), word_char(uc)))
			break;
		if (!raw && *p >= 0x80)
			while (p + 1 < end && (p[1] & 0xC0) == 0x80)
				p++;
	}
	if (p == end)
		return NULL;
	while (p < end) {
		ucs4_t uc;
		size_t l = raw ? 1 : text_next_char(p, end, &uc);

		if (raw)
			uc = *p;
		if (!(raw ? uc >= 0xA0 || uc_is_alpha(uc) : word_char(uc)))
			break;
		high |= uc >= 0xA0 && uc <= 0xFF;
		if (*n + 4 <= 4 * WORD_MAX)
			*n += (size_t)u8_uctomb(buf + *n, uc, 4);
		else
			high = false; /* longer than any syllable */
		p += l;
	}
	if (!high)
		*n = 0;
	return p;
}

void text_legacy_count(const char *s, size_t len, bool raw, size_t counts[TEXT_LEGACY_COUNT])
{
	const uint8_t *p = (const uint8_t *)s, *end = p + len;
	uint8_t buf[4 * WORD_MAX];
	size_t n;

	while ((p = next_word(p, end, raw, buf, &n)))
		for (int enc = TEXT_LEGACY_TCVN3; n && enc < TEXT_LEGACY_COUNT; enc++)
			if ((raw || enc != TEXT_LEGACY_CP1258) &&
			    decodes_to_syllable(buf, buf + n, (enum text_legacy)enc))
				counts[enc]++;
}

enum text_legacy text_legacy_best(const size_t counts[TEXT_LEGACY_COUNT])
{
	enum text_legacy best = TEXT_LEGACY_NONE;

	for (int enc = TEXT_LEGACY_TCVN3; enc < TEXT_LEGACY_COUNT; enc++)
		if (counts[enc] > (best ? counts[best] : 0))
			best = (enum text_legacy)enc;
	return best;
}

const char *text_legacy_name(enum text_legacy enc)
{
	switch (enc) {
	case TEXT_LEGACY_TCVN3:
		return _("TCVN3 (ABC)");
	case TEXT_LEGACY_VNI:
		return _("VNI");
	case TEXT_LEGACY_CP1258:
		return _("Windows-1258");
	default:
		break;
	}
	return _("an old Vietnamese encoding");
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
			if (uc == REPLACEMENT || (uc >= 0x80 && uc <= 0x9F) || is_bidi(uc) ||
			    is_invisible(uc))
				o += u8_uctomb(o, REPLACEMENT, 3);
			else
				o = (uint8_t *)memcpy(o, p, l) + l;
		}
		p += l;
	}
	*o = '\0';
	return (char *)out;
}
