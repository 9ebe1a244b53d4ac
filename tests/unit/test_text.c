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
	assert_clean("a\xe2\x80\xa7" "b\xe2\x80\xafz\xe2\x81\xaa", 0,
		     "a\xe2\x80\xa7" "b\xe2\x80\xafz\xe2\x81\xaa");
}

/* Invisible characters are refused wherever they are, the ends included
 * (U+2028 and U+2029 count as white space for trimming). */
static void clean_refuses_invisible(void **state)
{
	(void)state;
	clean_bad("Hoa\xe2\x80\x8b", 6, 0, TEXT_INVISIBLE, 3);        /* U+200B */
	clean_bad("H\xe2\x80\x8coa", 6, 0, TEXT_INVISIBLE, 1);        /* U+200C */
	clean_bad("H\xe2\x80\x8doa", 6, 0, TEXT_INVISIBLE, 1);        /* U+200D */
	clean_bad("Ho\xe2\x81\xa0" "a", 6, 0, TEXT_INVISIBLE, 2);     /* U+2060 */
	clean_bad("Ho\xef\xbb\xbf" "a", 6, 0, TEXT_INVISIBLE, 2);     /* U+FEFF */
	clean_bad("\xe2\x80\xa8Hoa", 6, 0, TEXT_INVISIBLE, 0);        /* U+2028 */
	clean_bad("Hoa\xe2\x80\xa9", 6, TEXT_MULTILINE, TEXT_INVISIBLE, 3); /* U+2029 */
	/* Their neighbours are ordinary. */
	assert_clean("a\xe2\x80\x8a" "b\xe2\x80\x8e" "c", 0, "a\xe2\x80\x8a" "b\xe2\x80\x8e" "c");
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
		if ((uc >= 0x200B && uc <= 0x200D) || (uc >= 0x2060 && uc <= 0x2064) ||
		    uc == 0x2028 || uc == 0x2029 || uc == 0xFEFF || uc == 0x180E)
			return TEXT_INVISIBLE;
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
	enum text_status all[] = {TEXT_OK, TEXT_BAD_UTF8, TEXT_CONTROL, TEXT_BIDI,
				  TEXT_INVISIBLE, TEXT_NOMEM};
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
	/* The first n bytes only: "Phạm" is 6 bytes ("ạ" is 3) and 4 columns. */
	assert_int_equal(text_width_n("Phạm Thị Đào", 6), 4);
	assert_int_equal(text_width_n("Phạm Thị Đào", 0), 0);
	assert_int_equal(text_width_n("漢字 x", 3), 2);
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
	const char *v[] = {"NguyÔn ThÞ Hång", "Hång", "Lª V¨n Hïng", "TrÇn", "Hå ChÝ Minh", "Ng\xc2\xb8y", "\xc2\xa7i\xc3\x96n",
			   "H\xc2\xb5 N\xc3\xa9i", "L\xc2\xaa V\xc2\xa8n", "c\xc2\xabng"};

	(void)state;
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		if (!text_looks_legacy(v[i]))
			fail_msg("\"%s\" not seen as legacy text", v[i]);
}

static void legacy_vni_detected(void **state)
{
	/* The pieces of the fourth are one string: "\xc3\x91a" would read as one escape. */
	const char *v[] = {"Vieät Nam", "Nguyeãn", "NGUYEÃN", ("\xc3\x91" "a\xc3\xb8 Na\xc3\xbcng"),
			   "To\xc3\xa2n", "Th\xc3\xb4\xc3\xb9i", "Hoa\xc3\xb9",
			   "\xc3\xb1o\xc3\xa0ng", "L\xc3\xb6u", /* đồng, Lưu */
			   "Nguyeãn Thò Hoàng", "Traàn Vaên Ñöùc", "Phaïm"};

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
		/* Names in other Latin alphabets: their letters decode to no syllable. */
		"Müller", "François", "Zoë", "Søren Kierkegaard", "Björk", "Ñúñez", "Ångström",
		"Gößner", "Anaïs", "Chloë", "José Martí", "Noël",
	};

	(void)state;
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		if (text_looks_legacy(v[i]))
			fail_msg("\"%s\" wrongly seen as legacy text", v[i]);
}

/* The encoding text_legacy_count() finds most words of, for s. */
static enum text_legacy best_of(const char *s, bool raw)
{
	size_t counts[TEXT_LEGACY_COUNT] = { 0 };

	text_legacy_count(s, strlen(s), raw, counts);
	return text_legacy_best(counts);
}

/* Files saved in a legacy encoding (the bytes as iconv writes them) are named. */
static void legacy_file_encoding_named(void **state)
{
	(void)state;
	/* "Nguyễn Thị Hồng, Trần Văn Đức, Lê Thị Thủy" */
	assert_int_equal(best_of("Nguy\xea\xden Thi\xf2 H\xf4\xccng, Tr\xe2\xccn V\xe3n "
				 "\xd0\xfd\xec" "c, L\xea Thi\xf2 Thu\xd2y", true),
			 TEXT_LEGACY_CP1258);
	assert_int_equal(best_of("Nguy\xd4n Th\xde H\xe5ng, Tr\xc7n V\xa8n \xa7\xf8" "c, "
				 "L\xaa Th\xde Th\xf1y", true),
			 TEXT_LEGACY_TCVN3);
	assert_int_equal(best_of("Nguye\xe3n Va\xean \xd1\xf6\xf9" "c, Le\xe2 Th\xf2", true),
			 TEXT_LEGACY_VNI);
	/* The same mistakes typed into a Unicode file, cell by cell. */
	assert_int_equal(best_of("NguyÔn ThÞ Hång", false), TEXT_LEGACY_TCVN3);
	assert_int_equal(best_of("Nguyeãn Vaên Ñöùc", false), TEXT_LEGACY_VNI);
	/* Nothing to find in plain or correct text, nor in other languages. */
	assert_int_equal(best_of("Nguyễn Thị Hồng, Trần Văn Đức", false), TEXT_LEGACY_NONE);
	assert_int_equal(best_of("Müller, François, Søren", false), TEXT_LEGACY_NONE);
	assert_int_equal(best_of("plain ascii", true), TEXT_LEGACY_NONE);
	assert_string_equal(text_legacy_name(TEXT_LEGACY_CP1258), "Windows-1258");
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

/* Text stored before invisible characters were refused shows them as U+FFFD. */
static void visible_invisible_characters(void **state)
{
	char *v = text_visible("a\xe2\x80\x8b" "b\xe2\x80\xa8" "c\xef\xbb\xbf" "d", 0);

	(void)state;
	assert_non_null(v);
	assert_string_equal(v, "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c\xef\xbf\xbd" "d");
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

/* What needs no safe copy: printable ASCII, which text_visible gives back as it is. */
static void plain_ascii_needs_no_copy(void **state)
{
	static const char *const plain[] = { "", "2024", "p1",
					     " !\"#$%&'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~" };
	static const char *const not[] = { "2024\t", "a\nb", "\x1b[2J", "x\x7f", "Phạm", "\xff",
					   "\xc2\x9b" };

	(void)state;
	for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++) {
		char *v = text_visible(plain[i], 0);
		assert_true(text_plain_ascii(plain[i]));
		assert_non_null(v);
		assert_string_equal(v, plain[i]);
		free(v);
	}
	for (size_t i = 0; i < sizeof not / sizeof not[0]; i++)
		assert_false(text_plain_ascii(not[i]));
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

/* ---- one character at a time ----------------------------------------------- */

/* Every string of one to four bytes drawn from a set that covers each UTF-8
 * case decodes as libunistring's u8_mbtouc does it, length and character. */
static void next_char_agrees_with_libunistring(void **state)
{
	static const uint8_t bytes[] = { 0x00, 0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xC3,
					 0xDF, 0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF,
					 0x9F, 0xA0 };
	const size_t nb = sizeof bytes;
	uint8_t s[4];

	(void)state;
	for (size_t a = 0; a < nb; a++)
		for (size_t b = 0; b < nb; b++)
			for (size_t c = 0; c < nb; c++)
				for (size_t len = 1; len <= 3; len++) {
					ucs4_t got, want;
					size_t n;
					int wn;

					s[0] = bytes[a], s[1] = bytes[b], s[2] = bytes[c], s[3] = 0;
					n = text_next_char(s, s + len, &got);
					wn = u8_mbtouc(&want, s, len);
					if (n != (size_t)wn || got != want)
						fail_msg("%02X %02X %02X (%zu bytes): %zu U+%04X, want %d U+%04X",
							 s[0], s[1], s[2], len, n, (unsigned)got, wn,
							 (unsigned)want);
				}
}

/* White space is the Unicode space separators, the C0 white space controls,
 * NEL and the line and paragraph separators, and nothing else. */
static void is_space_is_unicode_white_space(void **state)
{
	(void)state;
	for (ucs4_t c = 0; c < 0x3100; c++) {
		bool want = uc_is_general_category(c, UC_CATEGORY_Zs) ||
			    (c >= '\t' && c <= '\r') || c == 0x85 || c == 0x2028 || c == 0x2029;

		if (text_is_space(c) != want)
			fail_msg("U+%04X: %d, want %d", (unsigned)c, text_is_space(c), want);
	}
}

static void is_mark_means_nonspacing(void **state)
{
	(void)state;
	assert_true(text_is_mark(0x301));  /* acute: sắc */
	assert_true(text_is_mark(0x323));  /* dot below: nặng */
	assert_false(text_is_mark('a'));
	assert_false(text_is_mark(0x903)); /* a spacing mark (Mc) takes a column */
	assert_false(text_is_mark(0x1EC7));
}

/* "ệ" decomposes all the way down, as NFD does, where libunistring's one
 * level stops at "ẹ" + circumflex. */
static void decompose_goes_all_the_way(void **state)
{
	ucs4_t d[8];

	(void)state;
	assert_int_equal(text_decompose(0x1EC7, d, 8), 3);
	assert_int_equal(d[0], 'e');
	assert_int_equal(d[1], 0x323);
	assert_int_equal(d[2], 0x302);
	assert_int_equal(text_decompose('a', d, 8), 1);
	assert_int_equal(d[0], 'a');
	assert_int_equal(text_decompose(0x1EC7, d, 2), 2); /* stops at max */
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
		    (c >= 0xD800 && c <= 0xDFFF) || (c >= 0x200B && c <= 0x200D) ||
		    (c >= 0x2060 && c <= 0x2064) || c == 0x180E || c == 0x2028 || c == 0x2029)
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
		cmocka_unit_test(next_char_agrees_with_libunistring),
		cmocka_unit_test(is_space_is_unicode_white_space),
		cmocka_unit_test(is_mark_means_nonspacing),
		cmocka_unit_test(decompose_goes_all_the_way),
		cmocka_unit_test(clean_trims_white_space),
		cmocka_unit_test(clean_multiline_trims_lines),
		cmocka_unit_test(clean_newline_needs_multiline),
		cmocka_unit_test(clean_refuses_tab_cr_esc),
		cmocka_unit_test(clean_refuses_embedded_nul),
		cmocka_unit_test(clean_refuses_del_and_c1),
		cmocka_unit_test(clean_refuses_bidi_controls),
		cmocka_unit_test(clean_refuses_invisible),
		cmocka_unit_test(clean_refuses_bad_utf8),
		cmocka_unit_test(clean_decodes_as_libunistring),
		cmocka_unit_test(clean_reports_first_problem),
		cmocka_unit_test(clean_honours_length),
		cmocka_unit_test(status_messages_are_distinct),
		cmocka_unit_test(width_counts_columns),
		cmocka_unit_test(fit_keeps_marks_with_letter),
		cmocka_unit_test(fit_wide_characters),
		cmocka_unit_test(fit_every_width_is_a_boundary),
		cmocka_unit_test(legacy_tcvn3_detected),
		cmocka_unit_test(legacy_vni_detected),
		cmocka_unit_test(legacy_correct_vietnamese_is_not),
		cmocka_unit_test(legacy_file_encoding_named),
		cmocka_unit_test(visible_neutralises_escapes),
		cmocka_unit_test(visible_bidi_and_del),
		cmocka_unit_test(visible_invisible_characters),
		cmocka_unit_test(visible_newlines_and_tabs),
		cmocka_unit_test(plain_ascii_needs_no_copy),
		cmocka_unit_test(visible_replaces_bad_utf8),
		cmocka_unit_test(visible_keeps_vietnamese),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
