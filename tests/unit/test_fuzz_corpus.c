/*
 * test_fuzz_corpus.c - every input of the fuzz corpus (tests/fuzz/corpus/),
 * findings included, run through its target again in every `make test`,
 * plain and under the sanitizers, without needing clang.  The targets
 * check what the parsers promise (tests/fuzz/targets.h).
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "../fuzz/targets.h"

typedef const char *(*target_fn)(const uint8_t *d, size_t n);

/* Run every file of tests/fuzz/corpus/NAME through fn; how many there were. */
static size_t replay(const char *name, target_fn fn)
{
	const char *root = getenv("DIENHINH_ROOT");
	char dir[4096], path[8192];
	struct dirent *de;
	size_t files = 0;
	DIR *d;

	snprintf(dir, sizeof dir, "%s/tests/fuzz/corpus/%s", root ? root : ".", name);
	d = opendir(dir);
	assert_non_null(d);
	while ((de = readdir(d))) {
		uint8_t *buf;
		size_t n;
		FILE *f;
		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		f = fopen(path, "rb");
		assert_non_null(f);
		fseek(f, 0, SEEK_END);
		n = (size_t)ftell(f);
		rewind(f);
		buf = malloc(n ? n : 1);
		assert_non_null(buf);
		assert_int_equal(fread(buf, 1, n, f), n);
		fclose(f);
		const char *bad = fn(buf, n);
		if (bad)
			fail_msg("%s: %s", path, bad);
		free(buf);
		files++;
	}
	closedir(d);
	return files;
}

static void text_corpus(void **state)
{
	(void)state;
	assert_true(replay("text", fuzz_text) >= 50);
}

static void codec_corpus(void **state)
{
	(void)state;
	assert_true(replay("codec", fuzz_codec) >= 40);
}

static void config_corpus(void **state)
{
	(void)state;
	assert_true(replay("config", fuzz_config) >= 50);
}

/* The import layer ran too: its database could be made from the shipped config. */
static void csv_corpus(void **state)
{
	(void)state;
	assert_true(replay("csv", fuzz_csv) >= 25);
	assert_true(fuzz_csv_ready);
}

/* The workbook readers: a sheet read from each seed, and the import. */
static void xlsx_corpus(void **state)
{
	(void)state;
	assert_true(replay("xlsx", fuzz_xlsx) >= 4);
	assert_true(fuzz_csv_ready);
}

static void xls_corpus(void **state)
{
	(void)state;
	assert_true(replay("xls", fuzz_xls) >= 2);
}

/* The targets do catch a broken promise: fed by hand, not only by the corpus. */
static void targets_accept_good_input(void **state)
{
	static const char name[] = "\001Nguyễn Thị Hồng";

	(void)state;
	assert_null(fuzz_text((const uint8_t *)name, sizeof name - 1));
	assert_null(fuzz_codec((const uint8_t *)"\000\001", 2)); /* refused, not a crash */
	assert_null(fuzz_config((const uint8_t *)"[dienhinh]\nlanguage = xx\n", 25));
	assert_null(fuzz_csv((const uint8_t *)"name,unit\nAn,phuong1\n", 21));
}

/* The table checks catch a short row, rows out of order and a CR left in a cell. */
static void csv_checks_catch_broken_tables(void **state)
{
	char *h[] = { "name", "unit" }, *a[] = { "An", "phuong1" }, *b[] = { "Bình\r", "x" };
	struct csvio_row rows[] = { { 3, a, 2 }, { 2, b, 2 } };
	struct csvio_table t = { { 1, h, 2 }, rows, 1, NULL, 0, ',' };

	(void)state;
	assert_null(fuzz_csv_table(&t));
	rows[0].n = 1;
	assert_string_equal(fuzz_csv_table(&t), "a row has not as many cells as the header");
	rows[0].n = 2;
	t.n_rows = 2;
	assert_string_equal(fuzz_csv_table(&t),
			    "rows are not in increasing order after the header");
	rows[1].row = 4;
	assert_string_equal(fuzz_csv_table(&t), "a kept cell holds a CR");
	t.delim = '|';
	assert_string_equal(fuzz_csv_table(&t),
			    "the delimiter is not a comma, a semicolon or a tab");
}

static void inert_check_catches_controls(void **state)
{
	(void)state;
	assert_null(fuzz_inert("Dòng một\nDòng hai", true));
	assert_string_equal(fuzz_inert("a\nb", false), "output holds a control character");
	assert_string_equal(fuzz_inert("x\x1b[2J", true), "output holds a control character");
	assert_string_equal(fuzz_inert("x\xc2\x85y", true), "output holds a control character");
	assert_string_equal(fuzz_inert("x\xe2\x80\xaey", true), "output holds a bidi control");
	assert_string_equal(fuzz_inert("\xff", true), "output is not valid UTF-8");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(text_corpus),
		cmocka_unit_test(codec_corpus),
		cmocka_unit_test(config_corpus),
		cmocka_unit_test(csv_corpus),
		cmocka_unit_test(xlsx_corpus),
		cmocka_unit_test(xls_corpus),
		cmocka_unit_test(targets_accept_good_input),
		cmocka_unit_test(inert_check_catches_controls),
		cmocka_unit_test(csv_checks_catch_broken_tables),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
