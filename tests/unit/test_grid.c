/* test_grid.c - sheets gathered cell by cell (grid.h), and workbooks read by content (book.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <math.h>

#include "book.h"
#include "grid.h"

static void set(struct grid *g, uint32_t row, uint32_t col, const char *s)
{
	struct err e = { 0 };

	assert_int_equal(grid_set(g, row, col, s, strlen(s), &e), 0);
}

static void test_cells_become_rows_in_order(void **state)
{
	struct grid g = { 0 };
	struct csvio_table t;
	struct err e = { 0 };

	(void)state;
	set(&g, 7, 3, "c7");
	set(&g, 2, 2, "first");
	set(&g, 2, 2, "b2");           /* given twice: the last text wins */
	set(&g, 7, 1, "a\r\nb\rc");    /* line breaks as "\n" */
	set(&g, 5, 1, "");             /* empty: no cell, no row */
	assert_int_equal(grid_table(&g, &t, &e), 0);
	assert_int_equal(t.header.n, 0);
	assert_int_equal(t.n_rows, 2);
	assert_int_equal(t.rows[0].row, 2);
	assert_int_equal(t.rows[0].n, 2);
	assert_string_equal(t.rows[0].cells[0], "");
	assert_string_equal(t.rows[0].cells[1], "b2");
	assert_int_equal(t.rows[1].row, 7);
	assert_int_equal(t.rows[1].n, 3);
	assert_string_equal(t.rows[1].cells[0], "a\nb\nc");
	assert_string_equal(t.rows[1].cells[1], "");
	assert_string_equal(t.rows[1].cells[2], "c7");
	csvio_table_free(&t);
}

static void test_an_empty_sheet_has_no_rows(void **state)
{
	struct grid g = { 0 };
	struct csvio_table t;
	struct err e = { 0 };

	(void)state;
	assert_int_equal(grid_merge(&g, 1, 1, 2, 2, &e), 0);
	assert_int_equal(grid_table(&g, &t, &e), 0);
	assert_int_equal(t.n_rows, 0);
	csvio_table_free(&t);
}

static void test_merged_ranges_are_filled_on_rows_that_exist(void **state)
{
	struct grid g = { 0 };
	struct csvio_table t;
	struct err e = { 0 };

	(void)state;
	set(&g, 6, 1, "STT");
	set(&g, 6, 3, "Năm sinh");
	set(&g, 7, 3, "Nam");
	set(&g, 7, 4, "Nữ");
	set(&g, 7, 5, "own");
	assert_int_equal(grid_merge(&g, 6, 1, 7, 1, &e), 0);   /* STT down two rows */
	assert_int_equal(grid_merge(&g, 6, 3, 6, 4, &e), 0);   /* Năm sinh over two columns */
	assert_int_equal(grid_merge(&g, 7, 5, 40, 9, &e), 0);  /* down rows that are not there */
	assert_int_equal(grid_table(&g, &t, &e), 0);
	assert_int_equal(t.n_rows, 2);
	assert_string_equal(t.rows[0].cells[0], "STT");
	assert_string_equal(t.rows[0].cells[2], "Năm sinh");
	assert_string_equal(t.rows[0].cells[3], "Năm sinh");
	assert_string_equal(t.rows[1].cells[0], "STT");
	assert_string_equal(t.rows[1].cells[2], "Nam");
	assert_string_equal(t.rows[1].cells[3], "Nữ");
	assert_int_equal(t.rows[1].n, 9);
	assert_string_equal(t.rows[1].cells[8], "own");
	csvio_table_free(&t);
}

static void test_bad_cells_are_refused_with_their_place(void **state)
{
	struct grid g = { 0 };
	struct err e = { 0 };

	(void)state;
	assert_int_equal(grid_set(&g, 3, 2, "\xC3\x28", 2, &e), -1);
	assert_non_null(strstr(e.msg, "B3"));
	assert_int_equal(grid_set(&g, 3, 2, "a\0b", 3, &e), -1);
	assert_int_equal(grid_set(&g, 9, GRID_MAX_COL + 1, "x", 1, &e), -1);
	assert_non_null(strstr(e.msg, "AMK9"));
	assert_int_equal(grid_set(&g, GRID_MAX_ROW + 1, 1, "x", 1, &e), -1);
	grid_free(&g);
}

static void test_excel_date_numbers(void **state)
{
	char d[11];

	(void)state;
	assert_int_equal(grid_serial_date(1, false, d), 0);
	assert_string_equal(d, "1900-01-01");
	assert_int_equal(grid_serial_date(59, false, d), 0);
	assert_string_equal(d, "1900-02-28");
	assert_int_equal(grid_serial_date(60, false, d), -1); /* Excel's 29 February 1900 */
	assert_int_equal(grid_serial_date(61, false, d), 0);
	assert_string_equal(d, "1900-03-01");
	assert_int_equal(grid_serial_date(45488.99, false, d), 0); /* the time of day dropped */
	assert_string_equal(d, "2024-07-15");
	assert_int_equal(grid_serial_date(44000, true, d), 0);     /* from 1904-01-01 */
	assert_string_equal(d, "2024-06-19");
	assert_int_equal(grid_serial_date(0, false, d), -1);
	assert_int_equal(grid_serial_date(3e6, false, d), -1);
	assert_int_equal(grid_serial_date(NAN, false, d), -1);
}

static void test_cell_references(void **state)
{
	uint32_t r, c;

	(void)state;
	assert_int_equal(grid_parse_ref("B7", &r, &c), 0);
	assert_int_equal(r * 100000 + c, 7 * 100000 + 2);
	assert_int_equal(grid_parse_ref("$AA$10", &r, &c), 0);
	assert_int_equal(c, 27);
	assert_int_equal(grid_parse_ref("XFD1048576", &r, &c), 0);
	assert_int_equal(c, 16384);
	assert_int_equal(grid_parse_ref("XFE1", &r, &c), -1);
	assert_int_equal(grid_parse_ref("A0", &r, &c), -1);
	assert_int_equal(grid_parse_ref("7", &r, &c), -1);
	assert_int_equal(grid_parse_ref("A1:B2", &r, &c), -1);
}

static void test_the_kind_is_told_by_the_first_bytes(void **state)
{
	(void)state;
	assert_int_equal(book_sniff("PK\003\004rest", 8), BOOK_XLSX);
	assert_int_equal(book_sniff("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), BOOK_XLS);
	assert_int_equal(book_sniff("PK", 2), BOOK_CSV);
	assert_int_equal(book_sniff("name,unit\r\n", 11), BOOK_CSV);
}

/* A seed of the fuzz corpus: tests/fuzz/corpus/xlsx/NAME, opened as a book. */
static struct book *seed(const char *name)
{
	const char *root = getenv("DIENHINH_ROOT");
	char path[4096];
	struct book *b;
	struct err e = { 0 };

	snprintf(path, sizeof path, "%s/tests/fuzz/corpus/xlsx/%s", root ? root : ".", name);
	assert_int_equal(book_open(path, &b, &e), 0);
	assert_int_equal(book_kind(b), BOOK_XLSX);
	return b;
}

static void test_xlsx_values(void **state)
{
	struct book *b = seed("inline-1904.xlsx");
	struct csvio_table t;
	struct err e = { 0 };
	static const char *const want[] = { "phuong1", "good_deeds", "An", "2024-06-19", "TRUE",
					    "#N/A", "2024-07-15" };

	(void)state;
	assert_int_equal(book_sheets(b), 1);
	assert_string_equal(book_sheet_name(b, 0), "Một");
	assert_int_equal(book_sheet(b, 0, &t, &e), 0);
	assert_int_equal(t.n_rows, 2);
	assert_string_equal(t.rows[0].cells[1], "Lĩnh vực"); /* rich text runs joined */
	assert_int_equal(t.rows[1].row, 2);                  /* rows without r="": counted */
	assert_int_equal(t.rows[1].n, 7);
	for (size_t j = 0; j < 7; j++)
		assert_string_equal(t.rows[1].cells[j], want[j]);
	csvio_table_free(&t);
	assert_int_equal(book_find_sheet(b, "mot", &(size_t){ 0 }, &e), 0);
	assert_int_equal(book_find_sheet(b, "2", &(size_t){ 0 }, &e), -1);
	assert_non_null(strstr(e.msg, "1. Một"));
	book_close(b);
}

static void test_xlsx_shared_strings_and_merges(void **state)
{
	struct book *b = seed("shared-merged.xlsx");
	struct csvio_table t;
	struct err e = { 0 };

	(void)state;
	assert_int_equal(book_sheet(b, 0, &t, &e), 0);
	assert_int_equal(t.n_rows, 3);
	assert_string_equal(t.rows[0].cells[0], "STT");
	assert_string_equal(t.rows[0].cells[3], "Năm sinh");  /* merged C2:D2; phonetic text left out */
	assert_string_equal(t.rows[1].cells[0], "STT");       /* merged A2:A3 */
	assert_string_equal(t.rows[1].cells[2], "Nam");
	assert_string_equal(t.rows[1].cells[3], "Nữ ");
	assert_string_equal(t.rows[2].cells[1], "1");         /* merged A4:B9, on row 4 only */
	assert_string_equal(t.rows[2].cells[25], "9");        /* Z4 */
	csvio_table_free(&t);
	book_close(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cells_become_rows_in_order),
		cmocka_unit_test(test_an_empty_sheet_has_no_rows),
		cmocka_unit_test(test_merged_ranges_are_filled_on_rows_that_exist),
		cmocka_unit_test(test_bad_cells_are_refused_with_their_place),
		cmocka_unit_test(test_excel_date_numbers),
		cmocka_unit_test(test_cell_references),
		cmocka_unit_test(test_the_kind_is_told_by_the_first_bytes),
		cmocka_unit_test(test_xlsx_values),
		cmocka_unit_test(test_xlsx_shared_strings_and_merges),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
