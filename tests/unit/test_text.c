/* test_text.c - behaviour of include/text.h. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

#include <unistr.h>
#include <unictype.h>
#include <unicase.h>
#include <uninorm.h>

/* Decomposed (NFD) and precomposed (NFC) "Nguyễn". */
#define NGUYEN_NFD "Nguye\xcc\x82\xcc\x83n"
#define NGUYEN_NFC "Nguy\xe1\xbb\x85n"

/* Every Vietnamese vowel with every tone and đ, capitals then small letters. */
#define VOWELS_UPPER "ÁÀẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÉÈẺẼẸÊẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÚÙỦŨỤƯỨỪỬỮỰÝỲỶỸỴĐ"
#define VOWELS_LOWER "áàảãạăắằẳẵặâấầẩẫậéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵđ"

/* text_clean() that must succeed; returns the cleaned string. */
static char *clean_ok(const char *in, unsigned flags)
{
	char *out = (char *)1;
	size_t at = 12345;

	assert_int_equal(text_clean(in, strlen(in), flags, &out, &at), TEXT_OK);
	assert_non_null(out);
	return out;
}

/* text_clean() that must refuse `in` with `want` at byte `want_at`. */
static void clean_bad(const char *in, size_t len, unsigned flags, enum text_status want,
		      size_t want_at)
{
	char *out = (char *)1;
	size_t at = 12345;

	assert_int_equal(text_clean(in, len, flags, &out, &at), want);
	assert_null(out);
	assert_int_equal(at, want_at);
}

static void assert_clean(const char *in, unsigned flags, const char *want)
{
	char *out = clean_ok(in, flags);

	assert_string_equal(out, want);
	free(out);
}

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
	char *f = text_fold(in);

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

/* ---- text_clean ---------------------------------------------------------- */

static void clean_nfd_becomes_nfc(void **state)
{
	(void)state;
	assert_clean(NGUYEN_NFD, 0, NGUYEN_NFC);
	/* Combining tone marks as Unikey's "Unicode tổ hợp" types them. */
	assert_clean("Pha\xcc\xa3m Thi\xcc\xa3 \xc4\x90" "a\xcc\x80o", 0, "Phạm Thị Đào");
	assert_clean("Phạm Thị Đào", 0, "Phạm Thị Đào");
}

static void clean_trims_white_space(void **state)
{
	(void)state;
	assert_clean("  Lê Văn An \xc2\xa0 ", 0, "Lê Văn An");
	assert_clean("\xe3\x80\x80Lê  Văn", 0, "Lê  Văn");
	assert_clean("", 0, "");
	assert_clean("   ", 0, "");
}

static void clean_multiline_trims_lines(void **state)
{
	(void)state;
	assert_clean("  \n Dòng một  \n\n  Dòng hai \n \n", TEXT_MULTILINE,
		     "Dòng một\n\n  Dòng hai");
	assert_clean("\n\n", TEXT_MULTILINE, "");
}

static void clean_newline_needs_multiline(void **state)
{
	(void)state;
	clean_bad("Một\nHai", strlen("Một\nHai"), 0, TEXT_CONTROL, 5);
	assert_clean("Một\nHai", TEXT_MULTILINE, "Một\nHai");
}

static void clean_refuses_tab_cr_esc(void **state)
{
	(void)state;
	clean_bad("Lê\tAn", strlen("Lê\tAn"), 0, TEXT_CONTROL, 3);
	clean_bad("a\r\nb", 4, TEXT_MULTILINE, TEXT_CONTROL, 1);
	clean_bad("ab\x1b[2J", 6, TEXT_MULTILINE, TEXT_CONTROL, 2);
	clean_bad("\x01", 1, 0, TEXT_CONTROL, 0);
}

static void clean_refuses_embedded_nul(void **state)
{
	(void)state;
	clean_bad("An\0Bình", sizeof "An\0Bình" - 1, 0, TEXT_CONTROL, 2);
}

static void clean_refuses_del_and_c1(void **state)
{
	(void)state;
	clean_bad("Hà\x7f", 4, 0, TEXT_CONTROL, 3);
	clean_bad("x\xc2\x85y", 4, 0, TEXT_CONTROL, 1);   /* NEL */
	clean_bad("xy\xc2\x9b", 4, 0, TEXT_CONTROL, 2);   /* CSI */
	clean_bad("\xc2\x80", 2, 0, TEXT_CONTROL, 0);
	clean_bad("\xc2\x9f", 2, 0, TEXT_CONTROL, 0);
	assert_clean("\xc2\xa9", 0, "\xc2\xa9");          /* U+00A9 just after C1 */
}

static void clean_refuses_bidi_controls(void **state)
{
	(void)state;
	clean_bad("ab\xe2\x80\xae" "cd", 7, 0, TEXT_BIDI, 2);   /* U+202E */
	clean_bad("\xe2\x80\xaa", 3, 0, TEXT_BIDI, 0);          /* U+202A */
	clean_bad("Đ\xe2\x81\xa6", 5, 0, TEXT_BIDI, 2);         /* U+2066 */
	clean_bad("a\xe2\x81\xa9", 4, 0, TEXT_BIDI, 1);         /* U+2069 */
	/* Neighbours of the ranges are ordinary characters. */
	assert_clean("a\xe2\x80\xa9" "b\xe2\x80\xafz\xe2\x81\xaa", 0,
		     "a\xe2\x80\xa9" "b\xe2\x80\xafz\xe2\x81\xaa");
}

static void clean_refuses_bad_utf8(void **state)
{
	(void)state;
	clean_bad("ab\xc3(", 4, 0, TEXT_BAD_UTF8, 2);
	clean_bad("Nguy\xe1\xbb", 6, 0, TEXT_BAD_UTF8, 4);          /* cut short */
	clean_bad("\xc0\x80", 2, 0, TEXT_BAD_UTF8, 0);              /* overlong NUL */
	clean_bad("x\xed\xa0\x80", 4, 0, TEXT_BAD_UTF8, 1);         /* surrogate */
	clean_bad("xy\xf4\x90\x80\x80", 6, 0, TEXT_BAD_UTF8, 2);    /* past U+10FFFF */
	clean_bad("\xff", 1, 0, TEXT_BAD_UTF8, 0);
	clean_bad("é\x80", 3, 0, TEXT_BAD_UTF8, 2);                 /* stray continuation */
}

/* What text_clean() must say of [s, s + n), found with libunistring's own decoder. */
static enum text_status expected_status(const uint8_t *s, size_t n, size_t *at)
{
	for (size_t i = 0; i < n; ) {
		ucs4_t uc;
		int k = u8_mbtoucr(&uc, s + i, n - i);

		*at = i;
		if (k < 0)
			return TEXT_BAD_UTF8;
		if (uc < 0x20 || (uc >= 0x7F && uc <= 0x9F))
			return TEXT_CONTROL;
		if ((uc >= 0x202A && uc <= 0x202E) || (uc >= 0x2066 && uc <= 0x2069))
			return TEXT_BIDI;
		i += (size_t)k;
	}
	return TEXT_OK;
}

/*
 * Every two-byte sequence, and three- and four-byte ones around the edges
 * of their lead and continuation bytes (overlongs, surrogates, past
 * U+10FFFF, cut short), are judged as libunistring judges them.
 */
static void clean_decodes_as_libunistring(void **state)
{
	static const uint8_t edge[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF,
				       0xC0, 0xC2, 0xE0, 0xED, 0xF0, 0xF4, 0xFF};
	size_t ne = sizeof edge;

	(void)state;
	for (unsigned x = 0; x < 0x10000 + 256 * ne * ne + 256 * ne * ne * ne; x++) {
		uint8_t s[5] = {0};
		size_t n, want_at = 0, at = 12345;
		char *out = NULL;
		enum text_status want, got;

		if (x < 0x10000) {
			s[0] = (uint8_t)(x >> 8), s[1] = (uint8_t)x, n = 2;
		} else if (x < 0x10000 + 256 * ne * ne) {
			unsigned y = x - 0x10000;

			s[0] = (uint8_t)(y / (ne * ne)), s[1] = edge[y / ne % ne];
			s[2] = edge[y % ne], n = 3;
		} else {
			unsigned y = x - 0x10000 - 256 * (unsigned)(ne * ne);

			s[0] = (uint8_t)(y / (ne * ne * ne)), s[1] = edge[y / (ne * ne) % ne];
			s[2] = edge[y / ne % ne], s[3] = edge[y % ne], n = 4;
		}
		want = expected_status(s, n, &want_at);
		got = text_clean((const char *)s, n, 0, &out, &at);
		if (got != want || (want != TEXT_OK && at != want_at))
			fail_msg("%02x %02x %02x %02x (%zu bytes): %d at %zu, want %d at %zu",
				 s[0], s[1], s[2], s[3], n, got, at, want, want_at);
		free(out);
	}
}

static void clean_reports_first_problem(void **state)
{
	(void)state;
	clean_bad("a\tb\xff", 4, 0, TEXT_CONTROL, 1);
	clean_bad("a\xff" "b\t", 4, 0, TEXT_BAD_UTF8, 1);
	clean_bad("Ấp\xe2\x80\xae\t", 8, 0, TEXT_BIDI, 4);
}

static void clean_honours_length(void **state)
{
	const char *s = "Hà Nội\txyz";
	char *out = NULL;

	(void)state;
	/* The tab lies past len, so it is not looked at. */
	assert_int_equal(text_clean(s, strlen("Hà Nội"), 0, &out, NULL), TEXT_OK);
	assert_string_equal(out, "Hà Nội");
	free(out);
	assert_int_equal(text_clean(s, strlen(s), 0, &out, NULL), TEXT_CONTROL);
	assert_null(out);
}

static void status_messages_are_distinct(void **state)
{
	enum text_status all[] = {TEXT_OK, TEXT_BAD_UTF8, TEXT_CONTROL, TEXT_BIDI, TEXT_NOMEM};
	size_t n = sizeof all / sizeof all[0];

	(void)state;
	for (size_t i = 0; i < n; i++) {
		const char *m = text_status_message(all[i]);

		assert_non_null(m);
		assert_true(strlen(m) > 5);
		for (size_t j = 0; j < i; j++)
			assert_string_not_equal(m, text_status_message(all[j]));
	}
	/* No catalogue is bound here, so the English source text comes back. */
	assert_string_equal(text_status_message(TEXT_BAD_UTF8), "is not valid UTF-8 text");
}

/* ---- text_fold ----------------------------------------------------------- */

static void fold_header_examples(void **state)
{
	(void)state;
	assert_fold("Nguyễn Thị Hồng", "nguyen thi hong");
	assert_fold("nguyen  thi HONG", "nguyen thi hong");
}

static void fold_finds_dao(void **state)
{
	char *f = text_fold("Phạm Thị Đào"), *q = text_fold("ĐA");

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
		f = text_fold((const char *)b);
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
		len[i] = text_person_key(in[i], keys[i], sizeof keys[i]);
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
	assert_ascending(text_person_key, v, sizeof v / sizeof v[0]);
	assert_int_equal(keycmp(text_person_key, "  Lê  Văn   An ", "Lê Văn An"), 0);
}

static void person_key_exact_bytes(void **state)
{
	/* Key("An") 0x01 Key("Lê"), worked out from the encoding comment in text.c. */
	static const uint8_t want[] = {0x10, 0x21, 0x01, 0x01, 0x03, 0x01,
				       0x1f, 0x18, 0x01, 0x01, 0x03};

	(void)state;
	assert_key(text_person_key, "Lê An", want, sizeof want);
}

static void collate_alphabet_order(void **state)
{
	const char *v[] = {" ", "0", "5", "9", "a", "ă", "â", "b", "c", "d", "đ", "e", "ê",
			   "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "ô", "ơ", "p",
			   "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z"};

	(void)state;
	/* " " is white space only, so its key is the empty string's. */
	assert_int_equal(keycmp(text_collate_key, " ", ""), 0);
	assert_ascending(text_collate_key, v, sizeof v / sizeof v[0]);
}

static void collate_letter_beats_later_letters(void **state)
{
	(void)state;
	assert_true(keycmp(text_collate_key, "dz", "đa") < 0);
	assert_true(keycmp(text_collate_key, "az", "ăa") < 0);
	assert_true(keycmp(text_collate_key, "ăz", "âa") < 0);
	assert_true(keycmp(text_collate_key, "ez", "ăa") > 0);
	assert_true(keycmp(text_collate_key, "oz", "ôa") < 0);
	assert_true(keycmp(text_collate_key, "ôz", "ơa") < 0);
	assert_true(keycmp(text_collate_key, "uz", "ưa") < 0);
	assert_true(keycmp(text_collate_key, "ưz", "va") < 0);
}

static void collate_shorter_first(void **state)
{
	const char *v[] = {"", "An", "An Bình", "Anh", "Ánh"};

	(void)state;
	assert_ascending(text_collate_key, v, sizeof v / sizeof v[0]);
	/* Space is below every letter: word by word, "Le An" before "Lea". */
	assert_true(keycmp(text_collate_key, "Le An", "Lea") < 0);
	assert_int_equal(keycmp(text_collate_key, " An  Bình ", "An Bình"), 0);
}

static void collate_tone_order(void **state)
{
	const char *v[] = {"ma", "mà", "mả", "mã", "má", "mạ", "mac"};
	const char *w[] = {"ba ma", "ba mà", "bà ma", "bà mà"};

	(void)state;
	/* Tones are secondary: all of them come before "mac". */
	assert_ascending(text_collate_key, v, sizeof v / sizeof v[0]);
	/* The first syllable's tone decides first. */
	assert_ascending(text_collate_key, w, sizeof w / sizeof w[0]);
}

static void collate_case_is_tertiary(void **state)
{
	const char *v[] = {"an", "An", "AN", "ăn"};
	const char *w[] = {"an", "An", "àn", "Àn", "án"};

	(void)state;
	assert_ascending(text_collate_key, v, sizeof v / sizeof v[0]);
	/* Tone outweighs case. */
	assert_ascending(text_collate_key, w, sizeof w / sizeof w[0]);
	assert_true(keycmp(text_collate_key, "Đa", "đà") < 0);
	assert_true(keycmp(text_collate_key, "đa", "Đa") < 0);
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
		size_t la = text_collate_key(pairs[i][0], a, sizeof a);
		size_t lb = text_collate_key(pairs[i][1], b, sizeof b);

		assert_int_equal(la, lb);
		assert_memory_equal(a, b, la);
		la = text_person_key(pairs[i][0], a, sizeof a);
		lb = text_person_key(pairs[i][1], b, sizeof b);
		assert_int_equal(la, lb);
		assert_memory_equal(a, b, la);
	}
}

static void collate_others_after_letters(void **state)
{
	/* '-' is U+002D, ß U+00DF, 漢 U+6F22: after z, by code point. */
	const char *v[] = {"z", "-", "ß", "漢"};

	(void)state;
	assert_ascending(text_collate_key, v, sizeof v / sizeof v[0]);
	assert_true(keycmp(text_collate_key, "9", "a") < 0);
	assert_true(keycmp(text_collate_key, "A-1", "A1") > 0);
}

static void collate_foreign_marks_after_tones(void **state)
{
	/* ü is u with a non-Vietnamese mark: same letter, after every tone. */
	const char *v[] = {"mu", "mù", "mú", "mụ", "mü", "mua", "mư"};

	(void)state;
	assert_ascending(text_collate_key, v, sizeof v / sizeof v[0]);
	/* Marks of different combining classes commute... */
	assert_int_equal(keycmp(text_collate_key, "a\xcc\x88\xcc\x96", "a\xcc\x96\xcc\x88"), 0);
	/* ...marks of the same class do not. */
	assert_true(keycmp(text_collate_key, "a\xcc\x88\xcc\x8a", "a\xcc\x8a\xcc\x88") != 0);
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
	assert_key(text_collate_key, "Đà", da, sizeof da);
	assert_key(text_collate_key, "a1 u\xcc\x88", mixed, sizeof mixed);
	assert_key(text_collate_key, "漢", han, sizeof han);
	assert_key(text_collate_key, "", empty, sizeof empty);
}

static void collate_key_has_no_zero_byte(void **state)
{
	const char *v[] = {"\xc4\x80", "\xe4\x80\x80", "\xf0\x90\x80\x80", "\xf4\x8f\xbf\xbf",
			   "A\xcc\x80\xcc\x80\xcc\x80", "Ư ư", "\xe2\x80\x80", VOWELS_UPPER};
	uint8_t k[512];

	(void)state;
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		size_t n = text_collate_key(v[i], k, sizeof k);

		assert_true(n > 0 && n <= sizeof k);
		assert_null(memchr(k, 0, n));
		n = text_person_key(v[i], k, sizeof k);
		assert_null(memchr(k, 0, n));
	}
}

static void collate_truncates_to_prefix(void **state)
{
	char *s = repeat("Nguyễn Văn Ấp ", 40);
	uint8_t full[2048], cut[64 + 8];
	size_t n = text_collate_key(s, full, sizeof full), m;

	(void)state;
	assert_true(n > 64 && n <= sizeof full);
	memset(cut, 0xEE, sizeof cut);
	m = text_collate_key(s, cut, 64);
	assert_int_equal(m, n);
	assert_memory_equal(cut, full, 64);
	for (size_t i = 64; i < sizeof cut; i++)
		assert_int_equal(cut[i], 0xEE);
	assert_int_equal(text_person_key(s, NULL, 0), text_person_key(s, full, sizeof full));
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
	assert_int_equal(text_collate_key(lower, got, sizeof got), 1202);
	assert_memory_equal(got, want, 1202);
	assert_int_equal(text_collate_key(upper, got, sizeof got), 1802);
	assert_memory_equal(got, want, 1802);
	/* Cut inside the secondary level, and inside the tertiary level. */
	memset(got, 0xEE, sizeof got);
	assert_int_equal(text_collate_key(upper, got, 1000), 1802);
	assert_memory_equal(got, want, 1000);
	assert_int_equal(got[1000], 0xEE);
	assert_int_equal(text_collate_key(upper, got, 1500), 1802);
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
			assert_int_equal(text_collate_key((const char *)s, got, sizeof got), 2);
			continue;
		}
		assert_false(nonspacing(d[0]));
		for (int j = 1; j < n; j++)
			assert_true(nonspacing(d[j]));
		wn = one_unit_key(d[0], d + 1, n - 1, want);
		gn = text_collate_key((const char *)s, got, sizeof got);
		if (gn != wn || memcmp(got, want, wn) != 0)
			fail_msg("U+%04X alone: key differs", (unsigned)c);
		/* The same character followed by combining marks. */
		for (int j = 0; j < 3; j++) {
			d[n + j] = after[j];
			len += u8_uctomb(s + len, after[j], 6);
		}
		s[len] = '\0';
		wn = one_unit_key(d[0], d + 1, n + 2, want);
		gn = text_collate_key((const char *)s, got, sizeof got);
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
		got = text_fold((const char *)s);
		assert_non_null(got);
		if (strcmp(got, (const char *)want) != 0)
			fail_msg("U+%04X: folded to \"%s\", want \"%s\"", (unsigned)c, got, want);
		free(got);
	}
}

/* ---- width and fitting --------------------------------------------------- */

static void width_counts_columns(void **state)
{
	(void)state;
	assert_int_equal(text_width(NGUYEN_NFC), 6);
	assert_int_equal(text_width(NGUYEN_NFD), 6);
	assert_int_equal(text_width("漢字"), 4);
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width("Phạm Thị Đào"), 12);
	assert_int_equal(text_width("\xff"), 1);   /* shown as U+FFFD */
}

static void fit_keeps_marks_with_letter(void **state)
{
	int w = -1;

	(void)state;
	assert_int_equal(text_fit("Nguyễn Văn An", 6, &w), strlen(NGUYEN_NFC));
	assert_int_equal(w, 6);
	/* "Nguye" plus both its marks: 5 + 4 bytes. */
	assert_int_equal(text_fit(NGUYEN_NFD, 5, &w), 9);
	assert_int_equal(w, 5);
	assert_int_equal(text_fit(NGUYEN_NFD, 4, &w), 4);
	assert_int_equal(w, 4);
}

static void fit_wide_characters(void **state)
{
	int w = -1;

	(void)state;
	assert_int_equal(text_fit("a漢b", 2, &w), 1);
	assert_int_equal(w, 1);
	assert_int_equal(text_fit("a漢b", 3, &w), 4);
	assert_int_equal(w, 3);
	assert_int_equal(text_fit("a漢b", 100, &w), 5);
	assert_int_equal(w, 4);
	assert_int_equal(text_fit("a漢b", 0, &w), 0);
	assert_int_equal(w, 0);
	assert_int_equal(text_fit("a漢b", -3, NULL), 0);
	assert_int_equal(text_fit("", 10, &w), 0);
	assert_int_equal(w, 0);
}

static void fit_every_width_is_a_boundary(void **state)
{
	const char *s = "Đ" NGUYEN_NFD " 漢 Ấp a\xcc\x81\xcc\xa3 z";
	int total = text_width(s);

	(void)state;
	assert_int_equal(total, 1 + 6 + 1 + 2 + 1 + 2 + 1 + 1 + 1 + 1);
	for (int cols = 0; cols <= total; cols++) {
		int w = -1;
		size_t n = text_fit(s, cols, &w);
		char *prefix = strndup(s, n);

		assert_non_null(prefix);
		assert_true(w <= cols && w >= cols - 1);
		assert_int_equal(text_width(prefix), w);
		/* Never inside a UTF-8 sequence, never before a combining mark. */
		assert_true((s[n] & 0xC0) != 0x80);
		assert_false(s[n] == '\xcc');
		free(prefix);
	}
	assert_int_equal(text_fit(s, total, NULL), strlen(s));
}

/* ---- legacy encodings ---------------------------------------------------- */

static void legacy_tcvn3_detected(void **state)
{
	const char *v[] = {"Hå ChÝ Minh", "Ng\xc2\xb8y", "\xc2\xa7i\xc3\x96n",
			   "H\xc2\xb5 N\xc3\xa9i", "L\xc2\xaa V\xc2\xa8n", "c\xc2\xabng"};

	(void)state;
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		if (!text_looks_legacy(v[i]))
			fail_msg("\"%s\" not seen as legacy text", v[i]);
}

static void legacy_vni_detected(void **state)
{
	const char *v[] = {"Vieät Nam", "Nguyeãn", "NGUYEÃN", "\xc3\x91" "a\xc3\xb8 Na\xc3\xbcng",
			   "To\xc3\xa2n", "Th\xc3\xb4\xc3\xb9i", "Hoa\xc3\xb9",
			   "\xc3\xb1o\xc3\xa0ng", "L\xc3\xb6u"}; /* đồng, Lưu */

	(void)state;
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		if (!text_looks_legacy(v[i]))
			fail_msg("\"%s\" not seen as legacy text", v[i]);
}

static void legacy_correct_vietnamese_is_not(void **state)
{
	const char *v[] = {
		"ĐÀO TẠO Ưu Tiên Ổn Định Sĩ Quan Bình Yên Hồng Thủy Lê Văn Ứng Ỷ Ngũ Ấp Ạ",
		VOWELS_UPPER, VOWELS_LOWER, VOWELS_UPPER " " VOWELS_LOWER,
		"Hoà thuận, quá tốt, hoãn lại, thuê nhà, quãng đường, tuân thủ, khoẻ, què, yêu",
		"HOÀ QUÁ HOÃN THUÊ QUÃNG TUÂN YÊU Nguyễn Hồ Chí Minh Ngày Hà Nội Việt Nam",
		"“Đúng” – ngày 30/4… Điều 5 § 2; 30°C; 5 µm; 100 m²; 3 × 4; © 2024",
		"Công ty ABC®, «Hà Nội»", "Zoé", "", "plain ascii",
	};

	(void)state;
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		if (text_looks_legacy(v[i]))
			fail_msg("\"%s\" wrongly seen as legacy text", v[i]);
}

/* ---- text_visible -------------------------------------------------------- */

static void visible_neutralises_escapes(void **state)
{
	const char *in = "A\x1b]0;x\x07" "B\rC\bD\xc2\x9b\xe2\x80\xae" "E";
	char *v = text_visible(in, 0);
	const unsigned char *p;
	const char *q;

	(void)state;
	assert_non_null(v);
	assert_string_equal(v, "A^[]0;x^GB^MC^HD\xef\xbf\xbd\xef\xbf\xbd" "E");
	for (p = (const unsigned char *)v; *p; p++) {
		assert_true(*p >= 0x20 && *p != 0x7f);
		if (*p == 0xc2)
			assert_false(p[1] >= 0x80 && p[1] <= 0x9f);
	}
	assert_null(strstr(v, "\xe2\x80\xae"));
	q = v;
	for (const char *c = "ABCDE"; *c; c++) {
		q = strchr(q, *c);
		assert_non_null(q);
	}
	free(v);
}

static void visible_bidi_and_del(void **state)
{
	char *v = text_visible("a\x7f" "b\xe2\x81\xa6" "c\xe2\x80\xaa" "d\xe2\x81\xa9", 0);

	(void)state;
	assert_non_null(v);
	assert_string_equal(v, "a^?b\xef\xbf\xbd" "c\xef\xbf\xbd" "d\xef\xbf\xbd");
	free(v);
}

static void visible_newlines_and_tabs(void **state)
{
	char *a = text_visible("x\ty\nz", 0), *b = text_visible("x\ty\nz", TEXT_KEEP_NEWLINES);

	(void)state;
	assert_non_null(a);
	assert_non_null(b);
	assert_string_equal(a, "x y z");
	assert_string_equal(b, "x y\nz");
	free(a);
	free(b);
}

static void visible_replaces_bad_utf8(void **state)
{
	char *a = text_visible("a\xff" "b", 0), *b = text_visible("\xc3(", 0);
	char *c = text_visible("x\xe1\xbb", 0);

	(void)state;
	assert_non_null(a);
	assert_non_null(b);
	assert_non_null(c);
	assert_string_equal(a, "a\xef\xbf\xbd" "b");
	assert_string_equal(b, "\xef\xbf\xbd(");
	/* A cut-short sequence at the end: replaced, nothing of it left. */
	assert_int_equal(strncmp(c, "x\xef\xbf\xbd", 4), 0);
	assert_null(strstr(c, "\xe1\xbb"));
	free(a);
	free(b);
	free(c);
}

static void visible_keeps_vietnamese(void **state)
{
	const char *s = "ĐÀO TẠO " VOWELS_LOWER " 漢 ü ™";
	char *v = text_visible(s, 0);

	(void)state;
	assert_non_null(v);
	assert_string_equal(v, s);
	free(v);
}

/* text_clean() of `in` must equal libunistring's own NFC of it. */
static void assert_clean_is_nfc(const uint8_t *in, size_t n)
{
	size_t m;
	char *got = NULL;
	uint8_t *want = u8_normalize(UNINORM_NFC, in, n, NULL, &m);

	assert_non_null(want);
	assert_int_equal(text_clean((const char *)in, n, 0, &got, NULL), TEXT_OK);
	assert_int_equal(strlen(got), m);
	assert_memory_equal(got, want, m);
	free(got);
	free(want);
}

/*
 * text_clean skips u8_normalize for text it knows is NFC already: every
 * character alone, after a letter and before a combining acute, from
 * U+00A0 to U+2FFF, must come out exactly as u8_normalize gives it.
 */
static void clean_fast_path_agrees_with_nfc(void **state)
{
	(void)state;
	for (ucs4_t c = 0xA0; c < 0x3000; c++) {
		uint8_t b[16];
		int k;

		if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
		    (c >= 0xD800 && c <= 0xDFFF) || c == 0x2028 || c == 0x2029)
			continue;
		if (uc_is_general_category(c, UC_CATEGORY_Zs)) /* trimmed at the ends */
			continue;
		k = u8_uctomb(b + 1, c, 6);
		assert_true(k > 0);
		b[0] = 'a';
		assert_clean_is_nfc(b + 1, (size_t)k);
		assert_clean_is_nfc(b, (size_t)k + 1);
		memcpy(b + 1 + k, "\xcc\x81", 2); /* U+0301 after it */
		assert_clean_is_nfc(b, (size_t)k + 3);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(clean_nfd_becomes_nfc),
		cmocka_unit_test(clean_fast_path_agrees_with_nfc),
		cmocka_unit_test(clean_trims_white_space),
		cmocka_unit_test(clean_multiline_trims_lines),
		cmocka_unit_test(clean_newline_needs_multiline),
		cmocka_unit_test(clean_refuses_tab_cr_esc),
		cmocka_unit_test(clean_refuses_embedded_nul),
		cmocka_unit_test(clean_refuses_del_and_c1),
		cmocka_unit_test(clean_refuses_bidi_controls),
		cmocka_unit_test(clean_refuses_bad_utf8),
		cmocka_unit_test(clean_decodes_as_libunistring),
		cmocka_unit_test(clean_reports_first_problem),
		cmocka_unit_test(clean_honours_length),
		cmocka_unit_test(status_messages_are_distinct),
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
		cmocka_unit_test(collate_exact_bytes),
		cmocka_unit_test(collate_key_has_no_zero_byte),
		cmocka_unit_test(collate_truncates_to_prefix),
		cmocka_unit_test(collate_long_levels_whole),
		cmocka_unit_test(collate_every_table_character),
		cmocka_unit_test(fold_every_table_character),
		cmocka_unit_test(width_counts_columns),
		cmocka_unit_test(fit_keeps_marks_with_letter),
		cmocka_unit_test(fit_wide_characters),
		cmocka_unit_test(fit_every_width_is_a_boundary),
		cmocka_unit_test(legacy_tcvn3_detected),
		cmocka_unit_test(legacy_vni_detected),
		cmocka_unit_test(legacy_correct_vietnamese_is_not),
		cmocka_unit_test(visible_neutralises_escapes),
		cmocka_unit_test(visible_bidi_and_del),
		cmocka_unit_test(visible_newlines_and_tabs),
		cmocka_unit_test(visible_replaces_bad_utf8),
		cmocka_unit_test(visible_keeps_vietnamese),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
