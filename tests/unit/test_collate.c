/* test_collate.c - behaviour of include/collate.h. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collate.h"

#include <unistr.h>
#include <unictype.h>
#include <unicase.h>

/* Decomposed (NFD) and precomposed (NFC) "Nguyễn". */
#define NGUYEN_NFD "Nguye\xcc\x82\xcc\x83n"
#define NGUYEN_NFC "Nguy\xe1\xbb\x85n"

/* Every Vietnamese vowel with every tone and đ, capitals then small letters. */
#define VOWELS_UPPER "ÁÀẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÉÈẺẼẸÊẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÚÙỦŨỤƯỨỪỬỮỰÝỲỶỸỴĐ"
#define VOWELS_LOWER "áàảãạăắằẳẵặâấầẩẫậéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵđ"

typedef size_t (*keyfn)(const char *, uint8_t *, size_t);

/* memcmp order of the two keys: <0, 0 or >0. */
static int keycmp(keyfn fn, const char *a, const char *b)
{
	uint8_t ka[512], kb[512];
	size_t la = fn(a, ka, sizeof ka), lb = fn(b, kb, sizeof kb);
	int c;

	assert_true(la <= sizeof ka && lb <= sizeof kb);
	c = memcmp(ka, kb, la < lb ? la : lb);
	return c ? c : (la > lb) - (la < lb);
}

/* Each string must sort strictly before the next one. */
static void assert_ascending(keyfn fn, const char *const *v, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++) {
		if (keycmp(fn, v[i], v[i + 1]) >= 0)
			fail_msg("\"%s\" does not sort before \"%s\"", v[i], v[i + 1]);
	}
}

static void assert_key(keyfn fn, const char *s, const uint8_t *want, size_t n)
{
	uint8_t k[512];

	assert_int_equal(fn(s, k, sizeof k), n);
	assert_memory_equal(k, want, n);
}

static void assert_fold(const char *in, const char *want)
{
	char *f = collate_fold(in);

	assert_non_null(f);
	assert_string_equal(f, want);
	free(f);
}

static char *repeat(const char *unit, size_t times)
{
	size_t n = strlen(unit);
	char *s = malloc(n * times + 1);

	assert_non_null(s);
	for (size_t i = 0; i < times; i++)
		memcpy(s + i * n, unit, n);
	s[n * times] = '\0';
	return s;
}

/* ---- collate_fold ----------------------------------------------------------- */

static void fold_header_examples(void **state)
{
	(void)state;
	assert_fold("Nguyễn Thị Hồng", "nguyen thi hong");
	assert_fold("nguyen  thi HONG", "nguyen thi hong");
}

static void fold_finds_dao(void **state)
{
	char *f = collate_fold("Phạm Thị Đào"), *q = collate_fold("ĐA");

	(void)state;
	assert_non_null(f);
	assert_non_null(q);
	assert_string_equal(f, "pham thi dao");
	assert_string_equal(q, "da");
	assert_non_null(strstr(f, q));
	free(f);
	free(q);
}

static void fold_nfd_equals_nfc(void **state)
{
	(void)state;
	assert_fold(NGUYEN_NFD, "nguyen");
	assert_fold(NGUYEN_NFC, "nguyen");
	assert_fold("Pha\xcc\xa3m \xc4\x90" "a\xcc\x80o", "pham dao");
}

static void fold_every_vowel(void **state)
{
	char *want = malloc(200);

	(void)state;
	assert_non_null(want);
	/* 17 a, 11 e, 5 i, 17 o, 11 u, 5 y, then đ. */
	snprintf(want, 200, "%.17s%.11s%.5s%.17s%.11s%.5s%s",
		 "aaaaaaaaaaaaaaaaaaaa", "eeeeeeeeeeeeeeee", "iiiii",
		 "oooooooooooooooooooo", "uuuuuuuuuuuuuuu", "yyyyy", "d");
	assert_fold(VOWELS_UPPER, want);
	assert_fold(VOWELS_LOWER, want);
	free(want);
}

static void fold_collapses_white_space(void **state)
{
	(void)state;
	/* Tab, NBSP, ideographic space, newline: all white space, runs become one. */
	assert_fold("\tA \xc2\xa0\xe3\x80\x80 B\n", " a b ");
	assert_fold("", "");
	assert_fold("ABC xyz 123-!", "abc xyz 123-!");
}

/* White space is what Unicode calls a separator, C0 white space and NEL, whatever the block. */
static void fold_white_space_is_unicode_separators(void **state)
{
	(void)state;
	for (ucs4_t c = 1; c < 0x30000; c++) {
		uint8_t b[8] = {'a'};
		int k;
		char *f;
		bool want = uc_is_general_category(c, UC_CATEGORY_Zs) || c == 0x2028 ||
			    c == 0x2029 || c == 0x85 || (c >= '\t' && c <= '\r');

		if (c >= 0xD800 && c <= 0xDFFF)
			continue;
		k = u8_uctomb(b + 1, c, 6);
		assert_true(k > 0);
		b[1 + k] = 'b';
		f = collate_fold((const char *)b);
		assert_non_null(f);
		if ((strcmp(f, "a b") == 0) != want)
			fail_msg("U+%04X: folded to \"%s\"", (unsigned)c, f);
		free(f);
	}
}

static void fold_drops_invisible_characters(void **state)
{
	(void)state;
	/* Zero-width space, soft hyphen and BOM pasted inside a name. */
	assert_fold("A\xe2\x80\x8bn \xc2\xad" "B\xef\xbb\xbfình", "an binh");
	/* Ð (eth) typed for Đ. */
	assert_fold("\xc3\x90\xc3\xa0o \xc3\xb0\xc3\xa1", "dao da");
}

static void fold_other_scripts(void **state)
{
	(void)state;
	assert_fold("\xce\x86\xce\x92\xce\x93", "\xce\xb1\xce\xb2\xce\xb3"); /* ΆΒΓ -> αβγ */
	assert_fold("漢字", "漢字");
}

static void fold_grows_when_text_expands(void **state)
{
	/* Each Hangul syllable 한 (3 bytes) decomposes into three 3-byte jamo. */
	char *in = repeat("\xed\x95\x9c", 200);
	char *want = repeat("\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab", 200);

	(void)state;
	assert_fold(in, want);
	free(in);
	free(want);
}

static void fold_long_text(void **state)
{
	char *in = repeat("Trần Thị Ánh ", 2000);
	char *want = repeat("tran thi anh ", 2000);

	(void)state;
	assert_fold(in, want);
	free(in);
	free(want);
}

/* ---- collation ----------------------------------------------------------- */

static void person_key_sorts_roster(void **state)
{
	const char *in[] = {"Phạm Thị Đào", "Lê Văn Bình", "Nguyễn Văn An",
			    "Võ Văn Dũng", "Trần Thị Ánh"};
	const char *want[] = {"Nguyễn Văn An", "Trần Thị Ánh", "Lê Văn Bình",
			      "Võ Văn Dũng", "Phạm Thị Đào"};
	uint8_t keys[5][400];
	size_t len[5];
	int order[5] = {0, 1, 2, 3, 4};

	(void)state;
	for (int i = 0; i < 5; i++) {
		len[i] = collate_person_key(in[i], keys[i], sizeof keys[i]);
		assert_true(len[i] <= sizeof keys[i]);
	}
	/* Insertion sort by memcmp of the keys, as LMDB would order them. */
	for (int i = 1; i < 5; i++) {
		for (int j = i; j > 0; j--) {
			int a = order[j - 1], b = order[j];
			size_t m = len[a] < len[b] ? len[a] : len[b];
			int c = memcmp(keys[a], keys[b], m);

			if (c < 0 || (c == 0 && len[a] <= len[b]))
				break;
			order[j - 1] = b;
			order[j] = a;
		}
	}
	for (int i = 0; i < 5; i++)
		assert_string_equal(in[order[i]], want[i]);
}

static void person_key_given_name_first(void **state)
{
	const char *v[] = {
		"An",                 /* no family name: first among the An */
		"Lê Văn An",
		"Nguyễn Văn An",
		"Lê Văn Án",          /* the given name's tone outweighs the family name */
		"Nguyễn Thị Ánh",
		"Trần Thị Ánh",
		"Đỗ Bình",
	};

	(void)state;
	assert_ascending(collate_person_key, v, sizeof v / sizeof v[0]);
	assert_int_equal(keycmp(collate_person_key, "  Lê  Văn   An ", "Lê Văn An"), 0);
}

static void person_key_exact_bytes(void **state)
{
	/* Key("An") 0x01 Key("Lê"), worked out from the encoding comment in text.c. */
	static const uint8_t want[] = {0x10, 0x21, 0x01, 0x01, 0x03, 0x01,
				       0x1f, 0x18, 0x01, 0x01, 0x03};

	(void)state;
	assert_key(collate_person_key, "Lê An", want, sizeof want);
}

static void collate_alphabet_order(void **state)
{
	const char *v[] = {" ", "0", "5", "9", "a", "ă", "â", "b", "c", "d", "đ", "e", "ê",
			   "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "ô", "ơ", "p",
			   "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z"};

	(void)state;
	/* " " is white space only, so its key is the empty string's. */
	assert_int_equal(keycmp(collate_key, " ", ""), 0);
	assert_ascending(collate_key, v, sizeof v / sizeof v[0]);
}

static void collate_letter_beats_later_letters(void **state)
{
	(void)state;
	assert_true(keycmp(collate_key, "dz", "đa") < 0);
	assert_true(keycmp(collate_key, "az", "ăa") < 0);
	assert_true(keycmp(collate_key, "ăz", "âa") < 0);
	assert_true(keycmp(collate_key, "ez", "ăa") > 0);
	assert_true(keycmp(collate_key, "oz", "ôa") < 0);
	assert_true(keycmp(collate_key, "ôz", "ơa") < 0);
	assert_true(keycmp(collate_key, "uz", "ưa") < 0);
	assert_true(keycmp(collate_key, "ưz", "va") < 0);
}

static void collate_shorter_first(void **state)
{
	const char *v[] = {"", "An", "An Bình", "Anh", "Ánh"};

	(void)state;
	assert_ascending(collate_key, v, sizeof v / sizeof v[0]);
	/* Space is below every letter: word by word, "Le An" before "Lea". */
	assert_true(keycmp(collate_key, "Le An", "Lea") < 0);
	assert_int_equal(keycmp(collate_key, " An  Bình ", "An Bình"), 0);
}

static void collate_tone_order(void **state)
{
	const char *v[] = {"ma", "mà", "mả", "mã", "má", "mạ", "mac"};
	const char *w[] = {"ba ma", "ba mà", "bà ma", "bà mà"};

	(void)state;
	/* Tones are secondary: all of them come before "mac". */
	assert_ascending(collate_key, v, sizeof v / sizeof v[0]);
	/* The first syllable's tone decides first. */
	assert_ascending(collate_key, w, sizeof w / sizeof w[0]);
}

static void collate_case_is_tertiary(void **state)
{
	const char *v[] = {"an", "An", "AN", "ăn"};
	const char *w[] = {"an", "An", "àn", "Àn", "án"};

	(void)state;
	assert_ascending(collate_key, v, sizeof v / sizeof v[0]);
	/* Tone outweighs case. */
	assert_ascending(collate_key, w, sizeof w / sizeof w[0]);
	assert_true(keycmp(collate_key, "Đa", "đà") < 0);
	assert_true(keycmp(collate_key, "đa", "Đa") < 0);
}

static void collate_nfd_equals_nfc(void **state)
{
	const char *pairs[][2] = {
		{NGUYEN_NFD, NGUYEN_NFC},
		{"Pha\xcc\xa3m Thi\xcc\xa3 \xc4\x90" "a\xcc\x80o", "Phạm Thị Đào"},
		/* ợ: horn and dot below in both orders, and precomposed. */
		{"lo\xcc\x9b\xcc\xa3i", "lợi"},
		{"lo\xcc\xa3\xcc\x9bi", "lợi"},
		{"A\xcc\x86\xcc\x81" "c", "Ắc"},
	};
	uint8_t a[512], b[512];

	(void)state;
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		size_t la = collate_key(pairs[i][0], a, sizeof a);
		size_t lb = collate_key(pairs[i][1], b, sizeof b);

		assert_int_equal(la, lb);
		assert_memory_equal(a, b, la);
		la = collate_person_key(pairs[i][0], a, sizeof a);
		lb = collate_person_key(pairs[i][1], b, sizeof b);
		assert_int_equal(la, lb);
		assert_memory_equal(a, b, la);
	}
}

static void collate_others_after_letters(void **state)
{
	/* '-' is U+002D, ß U+00DF, 漢 U+6F22: after z, by code point. */
	const char *v[] = {"z", "-", "ß", "漢"};

	(void)state;
	assert_ascending(collate_key, v, sizeof v / sizeof v[0]);
	assert_true(keycmp(collate_key, "9", "a") < 0);
	assert_true(keycmp(collate_key, "A-1", "A1") > 0);
}

static void collate_foreign_marks_after_tones(void **state)
{
	/* ü is u with a non-Vietnamese mark: same letter, after every tone. */
	const char *v[] = {"mu", "mù", "mú", "mụ", "mü", "mua", "mư"};

	(void)state;
	assert_ascending(collate_key, v, sizeof v / sizeof v[0]);
	/* Marks of different combining classes commute... */
	assert_int_equal(keycmp(collate_key, "a\xcc\x88\xcc\x96", "a\xcc\x96\xcc\x88"), 0);
	/* ...marks of the same class do not. */
	assert_true(keycmp(collate_key, "a\xcc\x88\xcc\x8a", "a\xcc\x8a\xcc\x88") != 0);
}

/* Old and new tone placement are one name: same key, same place in a list. */
static void collate_tone_placement_is_one_name(void **state)
{
	static const char *const pairs[][2] = {
		{ "Hòa", "Hoà" }, { "Thủy", "Thuỷ" }, { "Khỏe", "Khoẻ" }, { "Hóa", "Hoá" },
		{ "HÒA", "HOÀ" }, { "Nguyễn Thị Thúy", "Nguyễn Thị Thuý" },
		{ "Ho\xcc\x80" "a", "Hoà" }, /* decomposed */
		{ "Hòa  Bình", "Hoà Bình" },
	};
	static const char *const order[] = { "Bùi Thị Hoà", "Châu Thị Hòa", "Trần Thị Hoà" };
	static const char *const tones[] = { "Hoa", "Hoà", "Hỏa", "Hoã", "Hóa", "Hoạ" };

	(void)state;
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		if (keycmp(collate_key, pairs[i][0], pairs[i][1]) ||
		    keycmp(collate_person_key, pairs[i][0], pairs[i][1]))
			fail_msg("\"%s\" and \"%s\" have different keys", pairs[i][0], pairs[i][1]);
		assert_true(collate_same(pairs[i][0], pairs[i][1]));
	}
	/* The family name decides between them. */
	assert_ascending(collate_person_key, order, 3);
	/* Tones still differ, and so do letters, case and a second tone. */
	assert_ascending(collate_key, tones, 6);
	assert_false(collate_same("Hòa", "Hóa"));
	assert_false(collate_same("Hòa", "Hoa"));
	assert_false(collate_same("Hòa", "hòa"));
	assert_false(collate_same("Hòa", "Hòà"));
	assert_false(collate_same("Thủy", "Thùy"));
}

static void collate_exact_bytes(void **state)
{
	/* Worked out by hand from the encoding comment in text.c. */
	static const uint8_t da[] = {0x16, 0x10, 0x01, 0x02, 0x03, 0x01, 0x03};
	static const uint8_t mixed[] = {0x10, 0x04, 0x02, 0x2a, 0x01, 0x02, 0x02, 0x02,
					0x08, 0x02, 0x80, 0x86, 0x88, 0x01};
	static const uint8_t han[] = {0x81, 0xde, 0xa2, 0x01, 0x01};
	static const uint8_t empty[] = {0x01, 0x01};

	(void)state;
	assert_key(collate_key, "Đà", da, sizeof da);
	assert_key(collate_key, "a1 u\xcc\x88", mixed, sizeof mixed);
	assert_key(collate_key, "漢", han, sizeof han);
	assert_key(collate_key, "", empty, sizeof empty);
}

static void collate_key_has_no_zero_byte(void **state)
{
	const char *v[] = {"\xc4\x80", "\xe4\x80\x80", "\xf0\x90\x80\x80", "\xf4\x8f\xbf\xbf",
			   "A\xcc\x80\xcc\x80\xcc\x80", "Ư ư", "\xe2\x80\x80", VOWELS_UPPER};
	uint8_t k[512];

	(void)state;
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		size_t n = collate_key(v[i], k, sizeof k);

		assert_true(n > 0 && n <= sizeof k);
		assert_null(memchr(k, 0, n));
		n = collate_person_key(v[i], k, sizeof k);
		assert_null(memchr(k, 0, n));
	}
}

static void collate_truncates_to_prefix(void **state)
{
	char *s = repeat("Nguyễn Văn Ấp ", 40);
	uint8_t full[2048], cut[64 + 8];
	size_t n = collate_key(s, full, sizeof full), m;

	(void)state;
	assert_true(n > 64 && n <= sizeof full);
	memset(cut, 0xEE, sizeof cut);
	m = collate_key(s, cut, 64);
	assert_int_equal(m, n);
	assert_memory_equal(cut, full, 64);
	for (size_t i = 64; i < sizeof cut; i++)
		assert_int_equal(cut[i], 0xEE);
	assert_int_equal(collate_person_key(s, NULL, 0), collate_person_key(s, full, sizeof full));
	free(s);
}

/*
 * Levels longer than the key's usual room (the indexes keep 400 bytes) come
 * out whole under a large cap: 600 x "à" is 600 x a, 600 x huyền, all lower
 * case; "À" adds 600 upper-case entries.
 */
static void collate_long_levels_whole(void **state)
{
	char *lower = repeat("à", 600), *upper = repeat("À", 600);
	uint8_t want[1802], got[4096];

	(void)state;
	memset(want, 0x10, 600);
	want[600] = 0x01;
	memset(want + 601, 0x03, 600);
	want[1201] = 0x01;
	memset(want + 1202, 0x03, 600);
	assert_int_equal(collate_key(lower, got, sizeof got), 1202);
	assert_memory_equal(got, want, 1202);
	assert_int_equal(collate_key(upper, got, sizeof got), 1802);
	assert_memory_equal(got, want, 1802);
	/* Cut inside the secondary level, and inside the tertiary level. */
	memset(got, 0xEE, sizeof got);
	assert_int_equal(collate_key(upper, got, 1000), 1802);
	assert_memory_equal(got, want, 1000);
	assert_int_equal(got[1000], 0xEE);
	assert_int_equal(collate_key(upper, got, 1500), 1802);
	assert_memory_equal(got, want, 1500);
	assert_int_equal(got[1500], 0xEE);
	free(lower);
	free(upper);
}

/*
 * ---- every character of U+0001-U+024F and U+1E00-U+1EFF -------------------
 *
 * text.c looks these characters up in a table instead of decomposing them
 * each time.  The expected keys and folds are made here from libunistring
 * and the rules of text.h and text.c's encoding comment, not from text.c.
 */

/* Full canonical decomposition of c into d (room for 8), in Unicode's order. */
static int full_nfd(ucs4_t c, ucs4_t *d)
{
	ucs4_t one[UC_DECOMPOSITION_MAX_LENGTH];
	int n = uc_canonical_decomposition(c, one), k = 0;

	if (n <= 0) {
		d[0] = c;
		return 1;
	}
	for (int i = 0; i < n; i++)
		k += full_nfd(one[i], d + k);
	return k;
}

static bool nonspacing(ucs4_t c)
{
	return c >= 0x300 && uc_is_general_category(c, UC_CATEGORY_Mn);
}

static bool unicode_space(ucs4_t c)
{
	return uc_is_general_category(c, UC_CATEGORY_Zs) || c == 0x2028 || c == 0x2029 ||
	       c == 0x85 || (c >= '\t' && c <= '\r');
}

/* Place in the alphabet of base letter b with modifier mark m (0 for none), or -1. */
static int alphabet_place(ucs4_t b, ucs4_t m)
{
	static const char *const abc[] = {
		"a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l",
		"m", "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y",
		"z"};

	for (int i = 0; i < (int)(sizeof abc / sizeof abc[0]); i++) {
		ucs4_t c, d[8];
		int n;

		u8_mbtouc(&c, (const uint8_t *)abc[i], strlen(abc[i]));
		n = full_nfd(c, d);
		if (d[0] == b && ((n == 1 && !m) || (n == 2 && d[1] == m)))
			return i;
	}
	return -1;
}

static size_t put3(uint8_t *k, ucs4_t c)
{
	k[0] = (uint8_t)(0x80 + (c >> 14));
	k[1] = (uint8_t)(0x80 | (c >> 7 & 0x7F));
	k[2] = (uint8_t)(0x80 | (c & 0x7F));
	return 3;
}

/*
 * Key of one character c followed by marks m[0..nm): the first tone mark
 * is the tone, the first breve, circumflex or horn that makes a letter of
 * the alphabet is its modifier, every other mark is foreign (kept in
 * combining-class order, stable).
 */
static size_t one_unit_key(ucs4_t c, const ucs4_t *m, int nm, uint8_t *k)
{
	static const ucs4_t tones[] = {0x300, 0x309, 0x303, 0x301, 0x323};
	ucs4_t base = uc_tolower(c), mod = 0, foreign[8];
	int tone = 0, nf = 0, place;
	size_t n = 0;

	for (int i = 0; i < nm; i++) {
		int t = 0, j;

		for (j = 0; j < 5; j++)
			if (m[i] == tones[j])
				t = j + 1;
		if (t && !tone) {
			tone = t;
			continue;
		}
		if ((m[i] == 0x306 || m[i] == 0x302 || m[i] == 0x31B) && !mod &&
		    alphabet_place(base, m[i]) >= 0) {
			mod = m[i];
			continue;
		}
		for (j = nf; j > 0 && uc_combining_class(foreign[j - 1]) >
				      uc_combining_class(m[i]); j--)
			foreign[j] = foreign[j - 1];
		foreign[j] = m[i];
		nf++;
	}
	place = alphabet_place(base, mod);
	if (base >= '0' && base <= '9')
		k[n++] = (uint8_t)(0x03 + base - '0');
	else if (place >= 0)
		k[n++] = (uint8_t)(0x10 + place);
	else
		n += put3(k + n, base);
	k[n++] = 0x01;
	if (tone || nf) {
		if (nf)
			k[n++] = 0x08;
		k[n++] = (uint8_t)(0x02 + tone);
		for (int j = 0; j < nf; j++)
			n += put3(k + n, foreign[j]);
	}
	k[n++] = 0x01;
	if (base != c)
		k[n++] = 0x03;
	return n;
}

/* Code points of the table: U+0001-U+024F, then U+1E00-U+1EFF. */
static ucs4_t table_char(unsigned i)
{
	return i < 0x24F ? i + 1 : 0x1E00 + (i - 0x24F);
}

#define TABLE_CHARS (0x24F + 0x100)

static void collate_every_table_character(void **state)
{
	/* Marks after the character: a tone, a foreign mark, a horn. */
	static const ucs4_t after[] = {0x323, 0x308, 0x31B};

	(void)state;
	for (unsigned i = 0; i < TABLE_CHARS; i++) {
		ucs4_t c = table_char(i), d[16];
		uint8_t s[32], want[64], got[64];
		int n = full_nfd(c, d), len = u8_uctomb(s, c, 6);
		size_t wn, gn;

		assert_true(len > 0);
		s[len] = '\0';
		if (unicode_space(c)) {
			assert_int_equal(collate_key((const char *)s, got, sizeof got), 2);
			continue;
		}
		assert_false(nonspacing(d[0]));
		for (int j = 1; j < n; j++)
			assert_true(nonspacing(d[j]));
		wn = one_unit_key(d[0], d + 1, n - 1, want);
		gn = collate_key((const char *)s, got, sizeof got);
		if (gn != wn || memcmp(got, want, wn) != 0)
			fail_msg("U+%04X alone: key differs", (unsigned)c);
		/* The same character followed by combining marks. */
		for (int j = 0; j < 3; j++) {
			d[n + j] = after[j];
			len += u8_uctomb(s + len, after[j], 6);
		}
		s[len] = '\0';
		wn = one_unit_key(d[0], d + 1, n + 2, want);
		gn = collate_key((const char *)s, got, sizeof got);
		if (gn != wn || memcmp(got, want, wn) != 0)
			fail_msg("U+%04X with marks after it: key differs", (unsigned)c);
	}
}

static void fold_every_table_character(void **state)
{
	(void)state;
	for (unsigned i = 0; i < TABLE_CHARS; i++) {
		ucs4_t c = table_char(i), d[16];
		uint8_t s[16] = {'x'}, want[64] = {'x'};
		int n = full_nfd(c, d), len = u8_uctomb(s + 1, c, 6);
		size_t w = 1;
		char *got;

		assert_true(len > 0);
		s[1 + len] = 'y';
		for (int j = 0; j < n && !unicode_space(c); j++) {
			ucs4_t f = uc_tolower(d[j]);

			if (nonspacing(d[j]) || uc_is_general_category(d[j], UC_CATEGORY_Cf))
				continue;
			if (f == 0x111 || f == 0xF0)
				f = 'd';
			w += (size_t)u8_uctomb(want + w, f, 6);
		}
		if (unicode_space(c))
			want[w++] = ' ';
		memcpy(want + w, "y", 2);
		got = collate_fold((const char *)s);
		assert_non_null(got);
		if (strcmp(got, (const char *)want) != 0)
			fail_msg("U+%04X: folded to \"%s\", want \"%s\"", (unsigned)c, got, want);
		free(got);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fold_header_examples),
		cmocka_unit_test(fold_finds_dao),
		cmocka_unit_test(fold_nfd_equals_nfc),
		cmocka_unit_test(fold_every_vowel),
		cmocka_unit_test(fold_collapses_white_space),
		cmocka_unit_test(fold_white_space_is_unicode_separators),
		cmocka_unit_test(fold_drops_invisible_characters),
		cmocka_unit_test(fold_other_scripts),
		cmocka_unit_test(fold_grows_when_text_expands),
		cmocka_unit_test(fold_long_text),
		cmocka_unit_test(person_key_sorts_roster),
		cmocka_unit_test(person_key_given_name_first),
		cmocka_unit_test(person_key_exact_bytes),
		cmocka_unit_test(collate_alphabet_order),
		cmocka_unit_test(collate_letter_beats_later_letters),
		cmocka_unit_test(collate_shorter_first),
		cmocka_unit_test(collate_tone_order),
		cmocka_unit_test(collate_case_is_tertiary),
		cmocka_unit_test(collate_nfd_equals_nfc),
		cmocka_unit_test(collate_others_after_letters),
		cmocka_unit_test(collate_foreign_marks_after_tones),
		cmocka_unit_test(collate_tone_placement_is_one_name),
		cmocka_unit_test(collate_exact_bytes),
		cmocka_unit_test(collate_key_has_no_zero_byte),
		cmocka_unit_test(collate_truncates_to_prefix),
		cmocka_unit_test(collate_long_levels_whole),
		cmocka_unit_test(collate_every_table_character),
		cmocka_unit_test(fold_every_table_character),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
