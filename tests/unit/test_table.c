/* test_table.c - aligned text and TSV output, and what may never reach a terminal. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "table.h"

/* An in-memory output the tests read back. */
struct out {
	FILE *f;
	char *buf;
	size_t len;
};

static void out_open(struct out *o)
{
	o->buf = NULL;
	o->len = 0;
	o->f = open_memstream(&o->buf, &o->len);
	assert_non_null(o->f);
}

static void out_close(struct out *o)
{
	fclose(o->f);
	free(o->buf);
}

static void test_parse_format(void **state)
{
	enum table_format f = TABLE_TSV;

	(void)state;
	assert_int_equal(table_parse_format("text", &f), 0);
	assert_int_equal(f, TABLE_TEXT);
	assert_int_equal(table_parse_format("tsv", &f), 0);
	assert_int_equal(f, TABLE_TSV);
	assert_int_equal(table_parse_format("TSV", &f), -1);
	assert_int_equal(table_parse_format("csv", &f), -1);
	assert_int_equal(table_parse_format("", &f), -1);
	assert_int_equal(table_parse_format("tsv ", &f), -1);
	assert_int_equal(f, TABLE_TSV);
}

static const char *const names[] = { "id", "name", "note" };
static const char *const labels[] = { "Số", "Tên", "Ghi chú" };

static void test_tsv_header_and_rows(void **state)
{
	struct out o;
	struct table *t;

	(void)state;
	out_open(&o);
	t = table_new(o.f, TABLE_TSV, 3, names, labels);
	assert_non_null(t);
	assert_int_equal(table_row(t, (const char *const[]){ "1", "Nguyễn Văn An", "" }), 0);
	assert_int_equal(table_row(t, (const char *const[]){ "2", NULL, "Ấp 3" }), 0);
	assert_int_equal(table_end(t), 0);
	assert_string_equal(o.buf, "id\tname\tnote\n"
				   "1\tNguyễn Văn An\t\n"
				   "2\t\tẤp 3\n");
	out_close(&o);
}

static void test_tsv_rows_written_as_they_come(void **state)
{
	struct out o;
	struct table *t;

	(void)state;
	out_open(&o);
	t = table_new(o.f, TABLE_TSV, 3, names, labels);
	assert_int_equal(table_row(t, (const char *const[]){ "1", "A", "B" }), 0);
	fflush(o.f);
	assert_string_equal(o.buf, "id\tname\tnote\n1\tA\tB\n");
	assert_int_equal(table_end(t), 0);
	out_close(&o);
}

static void test_tsv_cells_cannot_break_lines_or_the_terminal(void **state)
{
	struct out o;
	struct table *t;

	(void)state;
	out_open(&o);
	t = table_new(o.f, TABLE_TSV, 3, names, labels);
	assert_int_equal(table_row(t, (const char *const[]){
		"1", "Nguyễn\tVăn\nAn", "\x1b]0;x\a\r\b\x7f" }), 0);
	/* U+009B (C1 CSI), U+202E (right-to-left override), and a stray byte */
	assert_int_equal(table_row(t, (const char *const[]){
		"2", "A\xc2\x9b" "B\xe2\x80\xae" "C", "D\xff" "E" }), 0);
	assert_int_equal(table_end(t), 0);
	assert_string_equal(o.buf, "id\tname\tnote\n"
				   "1\tNguyễn Văn An\t^[]0;x^G^M^H^?\n"
				   "2\tA\xef\xbf\xbd" "B\xef\xbf\xbd" "C\tD\xef\xbf\xbd" "E\n");
	out_close(&o);
}

static void test_text_aligned_by_display_width(void **state)
{
	static const char *const n2[] = { "code", "name" };
	static const char *const l2[] = { "Mã", "Tên" };
	struct out o;
	struct table *t;

	(void)state;
	out_open(&o);
	t = table_new(o.f, TABLE_TEXT, 2, n2, l2);
	/* "Phường" is 6 columns however it is encoded; 漢字 is 4 */
	assert_int_equal(table_row(t, (const char *const[]){ "p1", "Phường Một" }), 0);
	assert_int_equal(table_row(t, (const char *const[]){ "tanlongmoi", "Xã" }), 0);
	assert_int_equal(table_row(t, (const char *const[]){ "漢字", "Phu\xcc\x9b\xcc\x80ng" }), 0);
	assert_int_equal(table_end(t), 0);
	/* column 1 is 10 wide, plus 2 spaces; the last column is not padded; the
	 * rule under the header spans 10 + 2 + 10 columns */
	assert_string_equal(o.buf, "Mã          Tên\n"
				   "----------------------\n"
				   "p1          Phường Một\n"
				   "tanlongmoi  Xã\n"
				   "漢字        Phu\xcc\x9b\xcc\x80ng\n");
	out_close(&o);
}

static void test_text_cells_are_made_visible(void **state)
{
	static const char *const n2[] = { "a", "b" };
	struct out o;
	struct table *t;

	(void)state;
	out_open(&o);
	t = table_new(o.f, TABLE_TEXT, 2, n2, n2);
	assert_int_equal(table_row(t, (const char *const[]){ "x\ry", NULL }), 0);
	assert_int_equal(table_row(t, (const char *const[]){ "\xe2\x80\xae", "z\n" }), 0);
	assert_int_equal(table_end(t), 0);
	assert_string_equal(o.buf, "a     b\n"
				   "--------\n"
				   "x^My  \n"
				   "\xef\xbf\xbd     z \n");
	out_close(&o);
}

static void test_empty_text_table(void **state)
{
	struct out o;
	struct table *t;

	(void)state;
	out_open(&o);
	t = table_new(o.f, TABLE_TEXT, 3, names, labels);
	assert_int_equal(table_end(t), 0);
	assert_string_equal(o.buf, "Số  Tên  Ghi chú\n----------------\n");
	out_close(&o);
}

static void test_write_error_reported(void **state)
{
	FILE *full = fopen("/dev/full", "w");
	struct table *t;

	(void)state;
	assert_non_null(full);
	t = table_new(full, TABLE_TEXT, 3, names, labels);
	assert_int_equal(table_row(t, (const char *const[]){ "1", "A", "B" }), 0);
	assert_int_equal(table_end(t), -1);
	t = table_new(full, TABLE_TSV, 3, names, labels);
	assert_non_null(t);
	table_row(t, (const char *const[]){ "1", "A", "B" });
	assert_int_equal(table_end(t), -1);
	fclose(full);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_format),
		cmocka_unit_test(test_tsv_header_and_rows),
		cmocka_unit_test(test_tsv_rows_written_as_they_come),
		cmocka_unit_test(test_tsv_cells_cannot_break_lines_or_the_terminal),
		cmocka_unit_test(test_text_aligned_by_display_width),
		cmocka_unit_test(test_text_cells_are_made_visible),
		cmocka_unit_test(test_empty_text_table),
		cmocka_unit_test(test_write_error_reported),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
