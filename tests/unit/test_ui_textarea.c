/* test_ui_textarea.c - the multi-line editor: moving by screen line in wrapped text. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <curses.h>

#include "ui/term.h"
#include "ui/textarea.h"

/*
 * "hello world foo" in 10 columns wraps after the space: line 0 is
 * "hello " (indexes 0-5), line 1 "world foo" (6-14).  The tests set the
 * width a draw would have left, so no terminal is needed.
 */
static void open_area(struct ui_textarea *ta, const char *text, int width)
{
	ui_textarea_init(ta, 500);
	assert_int_equal(ui_edit_set(&ta->ed, text), 0);
	ta->width = width;
	ta->height = 3;
}

static void test_end_stays_on_a_wrapped_line(void **state)
{
	struct ui_textarea ta;

	(void)state;
	open_area(&ta, "hello world foo", 10);
	ui_textarea_key(&ta, UI_KEY(KEY_HOME));
	ui_textarea_key(&ta, UI_KEY(KEY_UP));
	assert_int_equal(ta.ed.cur, 0);
	ui_textarea_key(&ta, UI_KEY(KEY_END));
	/* On the space that ends "hello ", not at the start of "world" below. */
	assert_int_equal(ta.ed.cur, 5);
	/* On the first line but not at the start: Up goes there before leaving. */
	assert_false(ui_textarea_at_edge(&ta, -1));
	assert_false(ui_textarea_at_edge(&ta, 1));
	ui_textarea_key(&ta, UI_KEY(KEY_UP));
	assert_int_equal(ta.ed.cur, 0);
	assert_true(ui_textarea_at_edge(&ta, -1));
	ui_textarea_key(&ta, UI_KEY(KEY_END));
	/* End on the last line goes after its last letter. */
	ui_textarea_key(&ta, UI_KEY(KEY_DOWN));
	ui_textarea_key(&ta, UI_KEY(KEY_END));
	assert_int_equal(ta.ed.cur, 15);
	ui_textarea_free(&ta);
}

static void test_up_from_a_long_line_to_a_short_one(void **state)
{
	struct ui_textarea ta;

	(void)state;
	open_area(&ta, "hello world foo", 10);
	/* The cursor at the very end: column 9 of line 1, past line 0's end. */
	ui_textarea_key(&ta, UI_KEY(KEY_UP));
	assert_int_equal(ta.ed.cur, 5);
	assert_false(ui_textarea_at_edge(&ta, -1));
	/* Down again keeps the column it started from: the end, where Down leaves. */
	ui_textarea_key(&ta, UI_KEY(KEY_DOWN));
	assert_int_equal(ta.ed.cur, 15);
	assert_true(ui_textarea_at_edge(&ta, 1));
	ui_textarea_free(&ta);
}

/* Entered from above, Down walks every line and leaves only from the end; from below, Up. */
static void test_down_walks_the_text(void **state)
{
	struct ui_textarea ta;

	(void)state;
	open_area(&ta, "một\nhai\nba", 10); /* the cursor is at the end, as a form fills it */
	assert_true(ui_textarea_at_edge(&ta, 1));
	ui_textarea_enter(&ta, 1);
	assert_int_equal(ta.ed.cur, 0);
	assert_false(ui_textarea_at_edge(&ta, 1));
	ui_textarea_key(&ta, UI_KEY(KEY_DOWN));
	assert_int_equal(ta.ed.cur, 4);          /* "hai" */
	assert_false(ui_textarea_at_edge(&ta, 1));
	ui_textarea_key(&ta, UI_KEY(KEY_DOWN));
	assert_int_equal(ta.ed.cur, 8);          /* "ba", the last line */
	assert_false(ui_textarea_at_edge(&ta, 1));
	ui_textarea_key(&ta, UI_KEY(KEY_DOWN));
	assert_int_equal(ta.ed.cur, ta.ed.len);  /* its end */
	assert_true(ui_textarea_at_edge(&ta, 1));
	ui_textarea_enter(&ta, -1);
	assert_int_equal(ta.ed.cur, ta.ed.len);
	ui_textarea_key(&ta, UI_KEY(KEY_UP));
	ui_textarea_key(&ta, UI_KEY(KEY_UP));
	assert_false(ui_textarea_at_edge(&ta, -1));
	ui_textarea_key(&ta, UI_KEY(KEY_UP));
	assert_int_equal(ta.ed.cur, 0);
	assert_true(ui_textarea_at_edge(&ta, -1));
	ui_textarea_free(&ta);
}

static void test_line_breaks(void **state)
{
	struct ui_textarea ta;

	(void)state;
	open_area(&ta, "ab\ncdef", 10);
	ui_textarea_key(&ta, UI_KEY(KEY_UP));
	/* Column 4 on "cdef" is past "ab": the cursor stops after "b", before the break. */
	assert_int_equal(ta.ed.cur, 2);
	ui_textarea_key(&ta, UI_KEY(KEY_HOME));
	assert_int_equal(ta.ed.cur, 0);
	ui_textarea_key(&ta, UI_KEY(KEY_END));
	assert_int_equal(ta.ed.cur, 2);
	ui_textarea_key(&ta, '\r');
	ui_textarea_key(&ta, 'x');
	char *s = ui_edit_get(&ta.ed);
	assert_string_equal(s, "ab\nx\ncdef");
	free(s);
	ui_textarea_free(&ta);
}

static void test_word_longer_than_the_line(void **state)
{
	struct ui_textarea ta;

	(void)state;
	/* Cut where the line is full: "abcd" (0-3), "efgh" (4-7), "ij" (8-9). */
	open_area(&ta, "abcdefghij", 4);
	ui_textarea_key(&ta, UI_KEY(KEY_HOME));
	assert_int_equal(ta.ed.cur, 8);
	ui_textarea_key(&ta, UI_KEY(KEY_UP));
	ui_textarea_key(&ta, UI_KEY(KEY_END));
	/* On "h", the last letter the line shows. */
	assert_int_equal(ta.ed.cur, 7);
	ui_textarea_key(&ta, UI_KEY(KEY_UP));
	assert_int_equal(ta.ed.cur, 3);
	ui_textarea_free(&ta);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_end_stays_on_a_wrapped_line),
		cmocka_unit_test(test_up_from_a_long_line_to_a_short_one),
		cmocka_unit_test(test_down_walks_the_text),
		cmocka_unit_test(test_line_breaks),
		cmocka_unit_test(test_word_longer_than_the_line),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
