/* test_ui_savefile.c - reports saved into a home directory: the real account's
 * home, the first free name, never over another file, nothing left on failure. */
#include <dirent.h>
#include <fcntl.h>
#include <pwd.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "fixture.h"
#include "ui/savefile.h"

static char dir[64];

static int setup(void **state)
{
	(void)state;
	return tmpdir_make(dir, sizeof dir, "sf");
}

static int teardown(void **state)
{
	(void)state;
	return tmpdir_remove(dir);
}

/* A one-row report: header "Tên,Số", row "Hồng,7". */
static struct report *sample(void)
{
	static const char *h[] = { "Tên", "Số" };
	static const enum report_kind k[] = { REPORT_TEXT, REPORT_NUMBER };
	const char *row[] = { "Hồng", "7" };
	struct report *rp = report_new();
	struct report_section *s = report_section(rp, NULL, "x", 2, h, k);

	report_row(rp, s, REPORT_ROW, row);
	return rp;
}

/* The whole file at path into buf (NUL-terminated); its length. */
static size_t slurp(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "rb");
	size_t n;

	assert_non_null(f);
	n = fread(buf, 1, size - 1, f);
	buf[n] = 0;
	fclose(f);
	return n;
}

static size_t entries(void)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t n = 0;

	assert_non_null(d);
	while ((de = readdir(d)))
		n += de->d_name[0] != '.';
	closedir(d);
	return n;
}

static void test_home_is_the_account_not_HOME(void **state)
{
	struct passwd *pw = getpwuid(getuid());
	char home[1024] = "", small[2];
	struct err e = { 0 };

	(void)state;
	assert_non_null(pw);
	setenv("HOME", "/nowhere/else", 1);
	assert_int_equal(ui_savefile_home(home, sizeof home, &e), 0);
	assert_string_equal(home, pw->pw_dir);
	assert_string_not_equal(home, "/nowhere/else");
	/* A buffer too small for any real home directory is refused, not cut. */
	assert_int_equal(ui_savefile_home(small, sizeof small, &e), -1);
	assert_int_equal(e.code, ERR_IO);
}

static void test_extensions(void **state)
{
	(void)state;
	assert_string_equal(ui_savefile_ext(REPORT_FORMAT_XLSX), ".xlsx");
	assert_string_equal(ui_savefile_ext(REPORT_FORMAT_CSV), ".csv");
	assert_string_equal(ui_savefile_ext(REPORT_FORMAT_TEXT), ".txt");
}

static void test_csv_with_bom(void **state)
{
	struct report *rp = sample();
	char path[256], want[256], buf[256];
	struct err e = { 0 };

	(void)state;
	assert_int_equal(ui_savefile_report(rp, REPORT_FORMAT_CSV, dir, "bao-cao-quy-3-2024", 80,
					    path, sizeof path, &e), 0);
	snprintf(want, sizeof want, "%s/bao-cao-quy-3-2024.csv", dir);
	assert_string_equal(path, want);
	slurp(path, buf, sizeof buf);
	/* EF BB BF, then the table as a spreadsheet reads it. */
	assert_string_equal(buf, "\xef\xbb\xbfTên,Số\r\nHồng,7\r\n");
	assert_int_equal(entries(), 1);
	report_free(rp);
}

static void test_taken_names_are_skipped(void **state)
{
	struct report *rp = sample();
	char path[256], want[256], buf[64];
	struct err e = { 0 };
	FILE *f;

	(void)state;
	/* base.txt is someone's file, base-2.txt a directory: both stay as they were. */
	snprintf(want, sizeof want, "%s/bao-cao-nam-2024.txt", dir);
	f = fopen(want, "w");
	assert_non_null(f);
	fputs("giữ nguyên", f);
	fclose(f);
	snprintf(want, sizeof want, "%s/bao-cao-nam-2024-2.txt", dir);
	assert_int_equal(mkdir(want, 0700), 0);
	assert_int_equal(ui_savefile_report(rp, REPORT_FORMAT_TEXT, dir, "bao-cao-nam-2024", 60,
					    path, sizeof path, &e), 0);
	snprintf(want, sizeof want, "%s/bao-cao-nam-2024-3.txt", dir);
	assert_string_equal(path, want);
	snprintf(want, sizeof want, "%s/bao-cao-nam-2024.txt", dir);
	slurp(want, buf, sizeof buf);
	assert_string_equal(buf, "giữ nguyên");
	/* The next save takes -4: -3 is now taken by the first. */
	assert_int_equal(ui_savefile_report(rp, REPORT_FORMAT_XLSX, dir, "bao-cao-nam-2024", 60,
					    path, sizeof path, &e), 0);
	snprintf(want, sizeof want, "%s/bao-cao-nam-2024.xlsx", dir);
	assert_string_equal(path, want);
	assert_int_equal(ui_savefile_report(rp, REPORT_FORMAT_TEXT, dir, "bao-cao-nam-2024", 60,
					    path, sizeof path, &e), 0);
	snprintf(want, sizeof want, "%s/bao-cao-nam-2024-4.txt", dir);
	assert_string_equal(path, want);
	assert_int_equal(entries(), 5);
	report_free(rp);
}

/* A link named like the report is taken too: nothing is written through it. */
static void test_link_not_followed(void **state)
{
	struct report *rp = sample();
	char path[256], link[256], target[256], want[256];
	struct err e = { 0 };
	struct stat sb;

	(void)state;
	snprintf(target, sizeof target, "%s/elsewhere", dir);
	snprintf(link, sizeof link, "%s/bao-cao-quy-1-2025.csv", dir);
	assert_int_equal(symlink(target, link), 0);
	assert_int_equal(ui_savefile_report(rp, REPORT_FORMAT_CSV, dir, "bao-cao-quy-1-2025", 80,
					    path, sizeof path, &e), 0);
	snprintf(want, sizeof want, "%s/bao-cao-quy-1-2025-2.csv", dir);
	assert_string_equal(path, want);
	assert_int_equal(stat(target, &sb), -1);
	report_free(rp);
}

static void test_missing_folder_said(void **state)
{
	struct report *rp = sample();
	char path[256] = "", missing[128];
	struct err e = { 0 };

	(void)state;
	snprintf(missing, sizeof missing, "%s/khong-co", dir);
	assert_int_equal(ui_savefile_report(rp, REPORT_FORMAT_CSV, missing, "bao-cao", 80, path,
					    sizeof path, &e), -1);
	assert_int_equal(e.code, ERR_NOTFOUND);
	assert_non_null(strstr(e.msg, missing));
	assert_int_equal(entries(), 0);
	report_free(rp);
}

/* A report that failed while being built is refused, and neither the claimed name
 * nor the temporary file beside it is left. */
static void test_failed_write_leaves_nothing(void **state)
{
	struct report *rp = sample();
	char path[256] = "";
	struct err e = { 0 };

	(void)state;
	rp->failed = true;
	assert_int_equal(ui_savefile_report(rp, REPORT_FORMAT_TEXT, dir, "bao-cao", 80, path,
					    sizeof path, &e), -1);
	assert_int_equal(e.code, ERR_NOMEM);
	assert_int_equal(entries(), 0);
	report_free(rp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_home_is_the_account_not_HOME),
		cmocka_unit_test(test_extensions),
		cmocka_unit_test_setup_teardown(test_csv_with_bom, setup, teardown),
		cmocka_unit_test_setup_teardown(test_taken_names_are_skipped, setup, teardown),
		cmocka_unit_test_setup_teardown(test_link_not_followed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_folder_said, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failed_write_leaves_nothing, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
