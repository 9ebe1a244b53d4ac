/* test_layout.c - the header found in a sheet laid out for printing, and which rows are records. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "grid.h"
#include "layout.h"

/* A sheet from lines of cells separated by '|' ("" for an empty row), the first at row 1. */
static void sheet(struct csvio_table *t, const char *const *lines, size_t n)
{
	struct grid g = { 0 };
	struct err e = { 0 };

	for (size_t r = 0; r < n; r++) {
		const char *s = lines[r];
		for (uint32_t c = 1; s; c++) {
			const char *bar = strchr(s, '|');
			size_t len = bar ? (size_t)(bar - s) : strlen(s);
			assert_int_equal(grid_set(&g, (uint32_t)r + 1, c, s, len, &e), 0);
			s = bar ? bar + 1 : NULL;
		}
	}
	assert_int_equal(grid_table(&g, t, &e), 0);
}

static void read_layout(const struct csvio_table *t, struct layout *l)
{
	assert_int_equal(layout_find(t, sheet_exemplar_columns, SHEET_X_COUNT, l), 0);
	assert_int_equal(layout_rows(t, sheet_exemplar_columns, SHEET_X_COUNT, l), 0);
}

/* The Excel row of record k. */
static size_t record_row(const struct csvio_table *t, const struct layout *l, size_t k)
{
	return t->rows[l->records[k]].row;
}

static void test_a_printed_sheet(void **state)
{
	/* As .xls gives it: merged cells empty but the first. */
	static const char *const lines[] = {
		"ỦY BAN NHÂN DÂN|||CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",      /* 1 */
		"",
		"DANH SÁCH GƯƠNG ĐIỂN HÌNH",                                  /* 3 */
		"STT|Họ và tên|Năm sinh||Cơ quan, đơn vị|Lĩnh vực|Nội dung|", /* 4 */
		"||Nam|Nữ|||Thành tích đạt được|Ngày giới thiệu",             /* 5 */
		"(1)|(2)|(3)|(4)|(5)|(6)|(7)|(8)",                            /* 6 */
		"I. Khối xã, phường",                                         /* 7 */
		"1|Nguyễn Văn An|1980||Phường 1|official|Tốt|15/7/2024",      /* 8 */
		"II|Khối cơ quan",                                            /* 9 */
		"2||1985||Phường 2|official|Tốt|16/7/2024",                   /* 10: no name, a record */
		"",
		"STT|Họ và tên|Năm sinh||Cơ quan, đơn vị|Lĩnh vực|Nội dung|", /* 12: on the next page */
		"3|Lê Cường|1962||Phường 3|official|Tốt|17/7/2024",           /* 13 */
		"Người lập biểu||||||TRƯỞNG PHÒNG",                           /* 14 */
		"Tổng cộng||3 gương",                                         /* 15 */
		"Người lập biểu||||||TRƯỞNG PHÒNG",                           /* 16 */
	};
	struct csvio_table t;
	struct layout l;

	(void)state;
	sheet(&t, lines, sizeof lines / sizeof *lines);
	read_layout(&t, &l);
	assert_true(l.found);
	assert_int_equal(l.header_row, 4);
	assert_int_equal(l.header_rows, 2);
	assert_int_equal(l.cols[0].use, SHEET_X_SKIP);
	assert_int_equal(l.cols[1].use, FIELD_NAME);
	assert_int_equal(l.cols[2].use, SHEET_X_BORN_MALE);
	assert_int_equal(l.cols[3].use, SHEET_X_BORN_FEMALE); /* under the empty half of the merge */
	assert_string_equal(l.cols[3].name, "Năm sinh / Nữ");
	assert_int_equal(l.cols[4].use, FIELD_UNIT_NAME);
	assert_int_equal(l.cols[6].use, FIELD_ACHIEVEMENTS);  /* the lower text, "Nội dung" is none */
	assert_int_equal(l.cols[7].use, FIELD_DATE);
	assert_int_equal(l.n_records, 3);
	assert_int_equal(record_row(&t, &l, 0), 8);
	assert_int_equal(record_row(&t, &l, 1), 10);
	assert_int_equal(record_row(&t, &l, 2), 13);
	assert_int_equal(l.skipped[LAYOUT_REPEAT], 2);    /* the numbers, the header again */
	assert_int_equal(l.skipped[LAYOUT_HEADING], 2);   /* I. ..., II in the STT column */
	assert_int_equal(l.skipped[LAYOUT_SIGNATURE], 1); /* row 14, below the last record */
	assert_int_equal(l.skipped[LAYOUT_TOTAL], 1);
	assert_int_equal(l.skipped[LAYOUT_BELOW_TOTAL], 1);
	assert_int_equal(l.skipped[LAYOUT_BLANK], 1);     /* row 11 */
	assert_true(l.cols[1].data && l.cols[2].data);
	assert_false(l.cols[3].data); /* no woman in the sheet */
	layout_free(&l);
	csvio_table_free(&t);
}

static void test_a_plain_header_on_the_first_row(void **state)
{
	static const char *const lines[] = {
		"unit|category|name|date|Ghi chú",
		"phuong1|official|An|2024-07-15|",
		"phuong1|official|Tổng đội thanh niên|2024-07-15|x",
	};
	struct csvio_table t;
	struct layout l;

	(void)state;
	sheet(&t, lines, 3);
	read_layout(&t, &l);
	assert_true(l.found);
	assert_int_equal(l.header_row, 1);
	assert_int_equal(l.header_rows, 1);
	assert_int_equal(l.cols[4].use, LAYOUT_UNKNOWN);
	assert_true(l.cols[4].data);
	assert_int_equal(l.n_records, 2); /* "Tổng đội..." is a name, not the total */
	layout_free(&l);
	csvio_table_free(&t);
}

static void test_no_header_takes_the_first_row(void **state)
{
	static const char *const lines[] = { "Ghi chú", "", "gửi trước ngày 5|x" };
	struct csvio_table t;
	struct layout l;

	(void)state;
	sheet(&t, lines, 3);
	read_layout(&t, &l);
	assert_false(l.found);
	assert_int_equal(l.header_row, 1);
	assert_int_equal(l.cols[0].use, LAYOUT_UNKNOWN);
	layout_free(&l);
	csvio_table_free(&t);
}

/* A clean header over a first record: the record is not read as a second header line. */
static void test_a_record_is_not_a_second_header_line(void **state)
{
	static const char *const lines[] = {
		"STT|Tên|Giới tính|Năm sinh|Lĩnh vực|Ngày giới thiệu|Đơn vị",
		"1|Nam|Nam|1990|official|2024-07-01|Phường 1",
	};
	struct csvio_table t;
	struct layout l;

	(void)state;
	sheet(&t, lines, 2);
	read_layout(&t, &l);
	assert_int_equal(l.header_rows, 1);
	assert_int_equal(l.cols[2].use, FIELD_GENDER);
	assert_int_equal(l.n_records, 1);
	layout_free(&l);
	csvio_table_free(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_printed_sheet),
		cmocka_unit_test(test_a_plain_header_on_the_first_row),
		cmocka_unit_test(test_no_header_takes_the_first_row),
		cmocka_unit_test(test_a_record_is_not_a_second_header_line),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
