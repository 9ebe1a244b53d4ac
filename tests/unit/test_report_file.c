/* test_report_file.c - a report saved whole, in the format asked, with the person's umask. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "fixture.h"
#include "report_file.h"

static char dir[64];

static int setup(void **state)
{
	(void)state;
	return tmpdir_make(dir, sizeof dir, "rf");
}

static int teardown(void **state)
{
	(void)state;
	return tmpdir_remove(dir);
}

static struct report *sample(void)
{
	static const char *h[] = { "Tên", "Số" };
	static const enum report_kind k[] = { REPORT_TEXT, REPORT_NUMBER };
	const char *row[] = { "An, Bình", "7" };
	struct report *rp = report_new();
	struct report_section *s = report_section(rp, NULL, "x", 2, h, k);

	report_row(rp, s, REPORT_ROW, row);
	return rp;
}

static size_t entries(void)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t n = 0;

	while ((de = readdir(d)))
		n += de->d_name[0] != '.';
	closedir(d);
	return n;
}

static void test_formats(void **state)
{
	enum report_format f;

	(void)state;
	assert_int_equal(report_file_format("csv", &f), 0);
	assert_int_equal(f, REPORT_FORMAT_CSV);
	assert_int_equal(report_file_format("xlsx", &f), 0);
	assert_int_equal(f, REPORT_FORMAT_XLSX);
	assert_int_equal(report_file_format("text", &f), 0);
	assert_int_equal(f, REPORT_FORMAT_TEXT);
	assert_int_equal(report_file_format("docx", &f), 0);
	assert_int_equal(f, REPORT_FORMAT_DOCX);
	assert_int_equal(report_file_format("pdf", &f), -1);
	static const struct { const char *path; enum report_format dflt, want; } names[] = {
		{ "bao-cao.XLSX", REPORT_FORMAT_TEXT, REPORT_FORMAT_XLSX },
		{ "/a.b/c.csv", REPORT_FORMAT_TEXT, REPORT_FORMAT_CSV },
		{ "x/BAO-CAO.Docx", REPORT_FORMAT_TEXT, REPORT_FORMAT_DOCX },
		{ "c.txt", REPORT_FORMAT_CSV, REPORT_FORMAT_CSV },
		{ "/a.pdf/bao-cao", REPORT_FORMAT_TEXT, REPORT_FORMAT_TEXT }, /* a folder's dot */
		{ "bc.quy3.2025", REPORT_FORMAT_TEXT, REPORT_FORMAT_TEXT },
		{ NULL, REPORT_FORMAT_TEXT, REPORT_FORMAT_TEXT },
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		f = (enum report_format)-1;
		assert_int_equal(report_file_guess(names[i].path, names[i].dflt, &f), 0);
		assert_int_equal(f, names[i].want);
	}
	/* A name that promises a document this program does not write. */
	static const char *const foreign[] = { "bao-cao.pdf", "x/BAO-CAO.doc", "a.xls", "a.ods" };
	for (size_t i = 0; i < sizeof foreign / sizeof foreign[0]; i++)
		assert_int_equal(report_file_guess(foreign[i], REPORT_FORMAT_TEXT, &f), -1);
}

static void test_written_whole_with_umask(void **state)
{
	struct report *rp = sample();
	struct err e = { 0 };
	char path[128], buf[128] = { 0 };
	struct stat st;
	FILE *f;

	(void)state;
	umask(022);
	snprintf(path, sizeof path, "%s/r.csv", dir);
	assert_int_equal(report_file_write(rp, REPORT_FORMAT_CSV, path, 80, true, &e), 0);
	assert_non_null(f = fopen(path, "r"));
	assert_true(fread(buf, 1, sizeof buf - 1, f) > 0);
	fclose(f);
	assert_string_equal(buf, "\xEF\xBB\xBFTên,Số\r\n\"An, Bình\",7\r\n");
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0644);
	/* Over an older file: replaced; no temporary file left beside it. */
	assert_int_equal(report_file_write(rp, REPORT_FORMAT_TEXT, path, 80, false, &e), 0);
	assert_non_null(f = fopen(path, "r"));
	memset(buf, 0, sizeof buf);
	assert_true(fread(buf, 1, sizeof buf - 1, f) > 0);
	fclose(f);
	/* Widths 8 and 2 with a space between: an 11-column rule. */
	assert_string_equal(buf, "  Tên    Số\n-----------\nAn, Bình  7\n");
	assert_int_equal(entries(), 1);
	report_free(rp);
}

static void test_failure_leaves_nothing(void **state)
{
	struct report *rp = sample(), *empty = report_new();
	struct err e = { 0 };
	char path[128];

	(void)state;
	snprintf(path, sizeof path, "%s/none/r.csv", dir);
	assert_int_equal(report_file_write(rp, REPORT_FORMAT_CSV, path, 80, false, &e), -1);
	assert_int_equal(e.code, ERR_IO);
	snprintf(path, sizeof path, "%s/e.xlsx", dir);
	assert_int_equal(report_file_write(empty, REPORT_FORMAT_XLSX, path, 80, false, &e), -1);
	assert_int_equal(entries(), 1); /* only r.csv from the test before */
	report_free(rp);
	report_free(empty);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_formats),
		cmocka_unit_test(test_written_whole_with_umask),
		cmocka_unit_test(test_failure_leaves_nothing),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
