/* test_csvio.c - the CSV writer and the forgiving, row-numbering reader. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "csvio.h"
#include "oom.h"

/* What csvio_write_row wrote, as a string (caller frees). */
static char *write_row(const char *const *fields, size_t n)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	assert_int_equal(csvio_write_row(f, fields, n), 0);
	fclose(f);
	return buf;
}

static void test_write_quotes_only_when_needed(void **state)
{
	const char *fields[] = { "a", "b,c", "say \"hi\"", "line1\nline2", " lead", "", NULL,
				 "x;y", "Nguyễn Thị Hồng" };
	char *s;

	(void)state;
	s = write_row(fields, 9);
	assert_string_equal(s, "a,\"b,c\",\"say \"\"hi\"\"\",\"line1\nline2\",\" lead\",,,"
			       "\"x;y\",Nguyễn Thị Hồng\r\n");
	free(s);
}

static void test_bom(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	(void)state;
	assert_int_equal(csvio_write_bom(f), 0);
	fclose(f);
	assert_int_equal(len, 3);
	assert_memory_equal(buf, "\xEF\xBB\xBF", 3);
	free(buf);
}

static void test_guard(void **state)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")" }, { "+84 299", "'+84 299" },
		{ "-5", "'-5" }, { "@SUM(A1)", "'@SUM(A1)" }, { "'quoted", "''quoted" },
		{ "Lê Văn Tám", "Lê Văn Tám" }, { "", "" }, { "a=b", "a=b" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *g = csvio_guard(cases[i].in);
		assert_string_equal(g, cases[i].out);
		assert_string_equal(csvio_unguard(g), cases[i].in);
		free(g);
	}
	/* A text that only starts with an apostrophe was not guarded: kept. */
	assert_string_equal(csvio_unguard("'abc"), "'abc");
}

static void test_column_names(void **state)
{
	char b[8];

	(void)state;
	csvio_column_name(1, b);
	assert_string_equal(b, "A");
	csvio_column_name(26, b);
	assert_string_equal(b, "Z");
	csvio_column_name(27, b);
	assert_string_equal(b, "AA");
	csvio_column_name(52, b);
	assert_string_equal(b, "AZ");
	csvio_column_name(703, b); /* 26 + 26*26 + 1 */
	assert_string_equal(b, "AAA");
}

static void read_ok(const char *data, struct csvio_table *t)
{
	struct err e = { 0 };

	assert_int_equal(csvio_read(data, strlen(data), t, &e), 0);
}

static void test_read_excel_file(void **state)
{
	struct csvio_table t;

	(void)state;
	read_ok("\xEF\xBB\xBFname,date\r\nNguyễn Văn An,2024-01-02\r\n\"Tổ \"\"A\"\", ấp 1\","
		"2024-02-03\r\n", &t);
	assert_int_equal(t.delim, ',');
	assert_int_equal(t.header.n, 2);
	assert_string_equal(t.header.cells[0], "name"); /* no BOM left in the first name */
	assert_int_equal(t.n_rows, 2);
	assert_int_equal(t.n_problems, 0);
	assert_int_equal(t.rows[0].row, 2);
	assert_string_equal(t.rows[0].cells[0], "Nguyễn Văn An");
	assert_int_equal(t.rows[1].row, 3);
	assert_string_equal(t.rows[1].cells[0], "Tổ \"A\", ấp 1");
	assert_string_equal(t.rows[1].cells[1], "2024-02-03");
	csvio_table_free(&t);
}

static void test_read_semicolons_and_line_breaks(void **state)
{
	struct csvio_table t;

	(void)state;
	/* Excel in a Vietnamese locale separates with ';'; a cell holds CRLF. */
	read_ok("Tên;Thành tích\r\nAn;\"dòng 1\r\ndòng 2\"\r\nBình;x\r\n", &t);
	assert_int_equal(t.delim, ';');
	assert_int_equal(t.n_rows, 2);
	assert_string_equal(t.rows[0].cells[1], "dòng 1\ndòng 2");
	/* Rows count records, as a spreadsheet does, not physical lines. */
	assert_int_equal(t.rows[1].row, 3);
	assert_string_equal(t.rows[1].cells[0], "Bình");
	csvio_table_free(&t);
}

static void test_read_blank_short_and_empty_rows(void **state)
{
	struct csvio_table t;

	(void)state;
	read_ok("a,b,c\n1,2,3\n\n4\n,,\n5,6,7,,\n", &t);
	/* Row 3 is blank, row 5 has only empty cells: both skipped but counted. */
	assert_int_equal(t.n_problems, 0);
	assert_int_equal(t.n_rows, 3);
	assert_int_equal(t.rows[1].row, 4);
	assert_int_equal(t.rows[1].n, 3); /* padded */
	assert_string_equal(t.rows[1].cells[0], "4");
	assert_string_equal(t.rows[1].cells[2], "");
	assert_int_equal(t.rows[2].row, 6);
	assert_int_equal(t.rows[2].n, 3); /* trailing empty cells dropped */
	csvio_table_free(&t);
}

/* Many rows (the array grows), each cell its own text; a row freed early
 * leaves the others and the table's own free intact. */
static void test_read_many_rows_and_free_one(void **state)
{
	struct csvio_table t;
	char *data = malloc(300 * 16 + 16), *at = data;

	(void)state;
	assert_non_null(data);
	at += sprintf(at, "n,sq\n");
	for (int i = 1; i <= 300; i++)
		at += sprintf(at, "%d,\"%d\"\r\n", i, i * i);
	read_ok(data, &t);
	free(data);
	assert_int_equal(t.n_rows, 300);
	csvio_row_free(&t.rows[0]);
	assert_null(t.rows[0].cells);
	assert_int_equal(t.rows[0].n, 0);
	for (int i = 2; i <= 300; i++) {
		char want[16];
		struct csvio_row *r = &t.rows[i - 1];
		assert_int_equal(r->row, (size_t)i + 1);
		assert_int_equal(r->n, 2);
		sprintf(want, "%d", i);
		assert_string_equal(r->cells[0], want);
		sprintf(want, "%d", i * i);
		assert_string_equal(r->cells[1], want);
	}
	csvio_table_free(&t);
}

static void test_read_too_many_cells(void **state)
{
	struct csvio_table t;

	(void)state;
	read_ok("a,b\n1,2,3\n4,5\n", &t);
	assert_int_equal(t.n_rows, 1);
	assert_int_equal(t.rows[0].row, 3);
	assert_int_equal(t.n_problems, 1);
	assert_int_equal(t.problems[0].row, 2);
	assert_int_equal(t.problems[0].col, 3);
	csvio_table_free(&t);
}

static void test_read_every_damage_reported(void **state)
{
	struct csvio_table t;

	(void)state;
	/*
	 * Row 3 opens a quote that is never closed: it would swallow rows 4-6.
	 * Row 5 has a stray quote inside an unquoted cell, row 6 Latin-1 bytes.
	 * Every one is reported at its own row and column, and rows 2 and 4
	 * are still read.
	 */
	read_ok("name,unit,date\n"
		"An,p1,2024-01-01\n"
		"\"Bình,p1,2024-01-02\n"
		"Chi,p2,2024-01-03\n"
		"Dũng,p\"2,2024-01-04\n"
		"\xC9lan,p1,2024-01-05\n", &t);
	assert_int_equal(t.n_rows, 2);
	assert_int_equal(t.rows[0].row, 2);
	assert_int_equal(t.rows[1].row, 4);
	assert_string_equal(t.rows[1].cells[0], "Chi");
	assert_int_equal(t.n_problems, 3);
	assert_int_equal(t.problems[0].row, 3);
	assert_int_equal(t.problems[0].col, 1);
	assert_non_null(strstr(t.problems[0].msg, "not closed"));
	assert_int_equal(t.problems[1].row, 5);
	assert_int_equal(t.problems[1].col, 2);
	assert_int_equal(t.problems[2].row, 6);
	assert_int_equal(t.problems[2].col, 1);
	assert_non_null(strstr(t.problems[2].msg, "UTF-8"));
	csvio_table_free(&t);
}

static void test_read_quote_closed_rows_later(void **state)
{
	struct csvio_table t;

	(void)state;
	/* The quote opened on row 2 closes on row 4's quoted cell, followed by
	 * text: reported at row 2, column 2, and rows 3 and 4 read again. */
	read_ok("a,b,c\n"
		"1,\"x,y\n"
		"2,u,v\n"
		"3,\"w\",z\n", &t);
	assert_int_equal(t.n_problems, 1);
	assert_int_equal(t.problems[0].row, 2);
	assert_int_equal(t.problems[0].col, 2);
	assert_int_equal(t.n_rows, 2);
	assert_int_equal(t.rows[0].row, 3);
	assert_int_equal(t.rows[1].row, 4);
	assert_string_equal(t.rows[1].cells[1], "w");
	csvio_table_free(&t);

	/* Closed later and followed by a comma: too many cells for one row. */
	read_ok("a,b,c\n"
		"1,\"x,y\n"
		"2,u\",v,w\n"
		"3,w,z\n", &t);
	assert_int_equal(t.n_problems >= 1, 1);
	assert_int_equal(t.problems[0].row, 2);
	assert_int_equal(t.problems[0].col, 2);
	assert_int_equal(t.rows[t.n_rows - 1].row, 4);
	assert_string_equal(t.rows[t.n_rows - 1].cells[2], "z");
	csvio_table_free(&t);
}

static void test_read_refusals(void **state)
{
	struct csvio_table t;
	struct err e = { 0 };

	(void)state;
	assert_int_equal(csvio_read("", 0, &t, &e), -1);
	assert_int_equal(e.code, ERR_INVALID);
	assert_int_equal(csvio_read("\xFF\xFEn\0a\0", 6, &t, &e), -1);
	assert_non_null(strstr(e.msg, "UTF-16"));
	assert_int_equal(csvio_read("a,b\n1,x\0y\n", 10, &t, &e), 0);
	assert_int_equal(t.n_problems, 1);
	assert_int_equal(t.problems[0].row, 2);
	assert_int_equal(t.problems[0].col, 2);
	csvio_table_free(&t);
}

static void test_read_write_round_trip(void **state)
{
	const char *row[] = { "Tổ \"Hòa Bình\"", "a, b", "dòng 1\ndòng 2", " x ", "=1+1" };
	const char *hdr[] = { "c1", "c2", "c3", "c4", "c5" };
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct csvio_table t;
	struct err e = { 0 };

	(void)state;
	assert_int_equal(csvio_write_bom(f), 0);
	assert_int_equal(csvio_write_row(f, hdr, 5), 0);
	assert_int_equal(csvio_write_row(f, row, 5), 0);
	fclose(f);
	assert_int_equal(csvio_read(buf, len, &t, &e), 0);
	assert_int_equal(t.n_rows, 1);
	for (size_t i = 0; i < 5; i++)
		assert_string_equal(t.rows[0].cells[i], row[i]);
	csvio_table_free(&t);
	free(buf);
}

/* Tabs inside a header cell do not make the file read back as tab-separated. */
static void test_tabs_in_header_round_trip(void **state)
{
	const char *hdr[] = { "a\tb\tc", "d" }, *row[] = { "x\ty", "z" };
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct csvio_table t;
	struct err e = { 0 };

	(void)state;
	assert_int_equal(csvio_write_row(f, hdr, 2), 0);
	assert_int_equal(csvio_write_row(f, row, 2), 0);
	fclose(f);
	assert_string_equal(buf, "\"a\tb\tc\",d\r\n\"x\ty\",z\r\n");
	assert_int_equal(csvio_read(buf, len, &t, &e), 0);
	assert_int_equal(t.delim, ',');
	assert_int_equal(t.header.n, 2);
	assert_string_equal(t.header.cells[0], "a\tb\tc");
	assert_int_equal(t.n_rows, 1);
	assert_string_equal(t.rows[0].cells[0], "x\ty");
	csvio_table_free(&t);
	free(buf);
}

#if OOM_SWEEPS
/* A file with a BOM, quoted commas and line breaks, CRLF rows, a blank row and damage. */
static const char oom_file[] = "\xEF\xBB\xBFname,unit,note\r\n"
			       "\"Nguyễn Văn An\",p1,\"một, hai\"\r\n"
			       "\r\n"
			       "Bình,p2,\"dòng một\ndòng hai\"\n"
			       "Chi,p\"3,x\n"
			       "\xC9lan,p1,y\n"
			       "Dũng,p1,z,thừa\n";

struct read_run {
	struct csvio_table t, want;
	struct err e;
};

static int read_run(void *p)
{
	struct read_run *r = p;

	return csvio_read(oom_file, sizeof oom_file - 1, &r->t, &r->e);
}

static void read_failed(void *p)
{
	assert_int_equal(((struct read_run *)p)->e.code, ERR_NOMEM);
}

static void read_done(void *p)
{
	struct read_run *r = p;

	assert_int_equal(r->t.n_rows, r->want.n_rows);
	assert_int_equal(r->t.n_problems, r->want.n_problems);
	for (size_t i = 0; i < r->t.n_rows; i++) {
		assert_int_equal(r->t.rows[i].row, r->want.rows[i].row);
		assert_int_equal(r->t.rows[i].n, r->want.rows[i].n);
		for (size_t c = 0; c < r->t.rows[i].n; c++)
			assert_string_equal(r->t.rows[i].cells[c], r->want.rows[i].cells[c]);
	}
	for (size_t i = 0; i < r->t.n_problems; i++)
		assert_string_equal(r->t.problems[i].msg, r->want.problems[i].msg);
	csvio_table_free(&r->t);
}

/* Out of memory at each allocation of a read in turn (oom.h). */
static void test_read_out_of_memory(void **state)
{
	struct read_run r;

	(void)state;
	read_ok(oom_file, &r.want);
	assert_int_equal(r.want.n_rows, 2);
	assert_int_equal(r.want.n_problems, 3);
	/* The line index, the parser's buffer, the rows, the problems...: 10 here. */
	assert_true(oom_sweep(read_run, read_failed, read_done, &r) >= 8);
	csvio_table_free(&r.want);
}
#endif

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_write_quotes_only_when_needed),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_guard),
		cmocka_unit_test(test_column_names),
		cmocka_unit_test(test_read_excel_file),
		cmocka_unit_test(test_read_semicolons_and_line_breaks),
		cmocka_unit_test(test_read_blank_short_and_empty_rows),
		cmocka_unit_test(test_read_many_rows_and_free_one),
		cmocka_unit_test(test_read_too_many_cells),
		cmocka_unit_test(test_read_every_damage_reported),
		cmocka_unit_test(test_read_quote_closed_rows_later),
		cmocka_unit_test(test_read_refusals),
		cmocka_unit_test(test_read_write_round_trip),
		cmocka_unit_test(test_tabs_in_header_round_trip),
#if OOM_SWEEPS
		cmocka_unit_test(test_read_out_of_memory),
#endif
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
