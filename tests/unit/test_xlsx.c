/* test_xlsx.c - workbooks are written whole, with a sheet per section, or not at all.
 * (Their content is read back by tests/e2e/data_report.sh with Python's zipfile.) */
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
#include "xlsx.h"

static char dir[64];

static int setup(void **state)
{
	(void)state;
	return tmpdir_make(dir, sizeof dir, "xlsx");
}

static int teardown(void **state)
{
	(void)state;
	return tmpdir_remove(dir);
}

/* A report of `n` sections, every one named `sheet`, each a number and a date. */
static struct report *sample(size_t n, const char *sheet, const char *title)
{
	static const char *h[] = { "Đơn vị", "Số", "Ngày" };
	static const enum report_kind k[] = { REPORT_TEXT, REPORT_NUMBER, REPORT_DATE };
	const char *row[] = { "Phường 1", "12", "05/03/2024" }, *iso[] = { "Phường 2", "-3",
									     "2024-03-06" };
	struct report *rp = report_new();

	rp->title = title ? strdup(title) : NULL;
	for (size_t i = 0; i < n; i++) {
		struct report_section *s = report_section(rp, "I. BẢNG", sheet, 3, h, k);
		report_group(rp, s, "Khối một");
		report_row(rp, s, REPORT_ROW, row);
		report_row(rp, s, REPORT_TOTAL, iso);
		report_note(rp, s, "Ghi chú");
	}
	assert_int_equal(report_status(rp, NULL), 0);
	return rp;
}

/* The whole file, and whether `name` occurs in it (zip entry names are stored as is). */
static bool holds(const char *path, const char *name, size_t *size)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	bool found = false;

	if (!f)
		return false;
	buf = calloc(1, 1 << 20);
	*size = fread(buf, 1, (1 << 20) - 1, f);
	fclose(f);
	for (size_t i = 0; i + strlen(name) <= *size && !found; i++)
		found = memcmp(buf + i, name, strlen(name)) == 0;
	assert_memory_equal(buf, "PK\x03\x04", 4);
	free(buf);
	return found;
}

static void test_sheet_per_section(void **state)
{
	struct report *rp = sample(3, "Theo đơn vị: 1/2 [bản] *? rất dài quá mức cho phép", "T");
	struct err e = { 0 };
	char path[128];
	size_t size;

	(void)state;
	/* Same, too long and forbidden sheet names are made acceptable and unique;
	 * the report itself is a sheet before its three annexes. */
	snprintf(path, sizeof path, "%s/r.xlsx", dir);
	assert_int_equal(xlsx_write_report(rp, path, &e), 0);
	assert_true(holds(path, "xl/worksheets/sheet4.xml", &size));
	assert_false(holds(path, "xl/worksheets/sheet5.xml", &size));
	report_free(rp);
}

static void test_bare_table(void **state)
{
	struct report *rp = sample(1, "Gương", NULL);
	struct err e = { 0 };
	char path[128];
	size_t size;

	(void)state;
	snprintf(path, sizeof path, "%s/b.xlsx", dir);
	assert_int_equal(xlsx_write_report(rp, path, &e), 0);
	assert_true(holds(path, "xl/worksheets/sheet1.xml", &size));
	assert_false(holds(path, "xl/worksheets/sheet2.xml", &size));
	report_free(rp);
}

static void test_nothing_left_on_failure(void **state)
{
	struct report *rp = sample(1, "x", "T"), *empty = report_new();
	struct err e = { 0 };
	char path[128];
	struct stat st;

	(void)state;
	snprintf(path, sizeof path, "%s/no/such/dir/r.xlsx", dir);
	assert_int_equal(xlsx_write_report(rp, path, &e), -1);
	assert_int_equal(e.code, ERR_IO);
	assert_int_equal(stat(path, &st), -1);
	snprintf(path, sizeof path, "%s/empty.xlsx", dir);
	assert_int_equal(xlsx_write_report(empty, path, &e), -1);
	assert_int_equal(e.code, ERR_INVALID);
	assert_int_equal(stat(path, &st), -1);
	report_free(rp);
	report_free(empty);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sheet_per_section),
		cmocka_unit_test(test_bare_table),
		cmocka_unit_test(test_nothing_left_on_failure),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
