/* test_ui_list.c - the windowed list: it holds the visible rows only. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ui/list.h"

/*
 * A source of `n` numbered rows (row i has item value i); rows whose
 * number is a multiple of `skip_every` (when set) are headings.  It counts
 * what it was asked for, so a test can see that the list never reads more
 * than it shows.  Rows can be taken away (`gone`) to play a deletion.
 */
struct fake {
	size_t n;
	size_t skip_every;
	size_t gone;           /* a removed row number, or SIZE_MAX */
	size_t calls, rows_given;
};

static void key_of(size_t i, uint8_t k[8])
{
	ui_list_index_key(i, k);
}

static int fake_fetch(void *ctx, const uint8_t *from, size_t from_len, bool backward,
		      size_t max, struct ui_rows *out, struct err *e)
{
	struct fake *f = ctx;
	struct ui_row at = { (uint8_t *)from, from_len, NULL, false };
	long i, step = backward ? -1 : 1;

	(void)e;
	f->calls++;
	i = from ? (long)ui_list_index(&at) + step : backward ? (long)f->n - 1 : 0;
	for (; i >= 0 && (size_t)i < f->n && out->n < max; i += step) {
		uint8_t k[8];
		if ((size_t)i == f->gone)
			continue;
		size_t *item = malloc(sizeof *item);
		*item = (size_t)i;
		key_of((size_t)i, k);
		if (ui_rows_add(out, k, sizeof k, item, f->skip_every && i % (long)f->skip_every == 0,
				free))
			return -1;
		f->rows_given++;
	}
	return 0;
}

static size_t item(const struct ui_list *l, size_t row)
{
	return *(size_t *)l->rows.v[row].item;
}

static size_t selected(const struct ui_list *l)
{
	const struct ui_row *r = ui_list_selected(l);

	assert_non_null(r);
	return *(size_t *)r->item;
}

static void open_list(struct ui_list *l, struct fake *f, int height)
{
	struct ui_list_source src = { fake_fetch, free, f };

	ui_list_init(l, &src, height);
}

static void test_home_reads_one_window(void **state)
{
	struct fake f = { 100000, 0, SIZE_MAX, 0, 0 };
	struct ui_list l;
	struct err e;

	(void)state;
	open_list(&l, &f, 18);
	assert_int_equal(ui_list_home(&l, &e), 0);
	assert_int_equal(l.rows.n, 18);
	assert_int_equal(f.rows_given, 18);
	assert_int_equal(item(&l, 0), 0);
	assert_int_equal(item(&l, 17), 17);
	assert_int_equal(selected(&l), 0);
	ui_list_free(&l);
}

/* Moving inside the window reads nothing; past it, one row per step. */
static void test_down_past_the_window(void **state)
{
	struct fake f = { 100000, 0, SIZE_MAX, 0, 0 };
	struct ui_list l;
	struct err e;

	(void)state;
	open_list(&l, &f, 5);
	ui_list_home(&l, &e);
	size_t calls = f.calls;
	for (int i = 0; i < 4; i++)
		ui_list_move(&l, 1, &e);
	assert_int_equal(f.calls, calls);
	assert_int_equal(selected(&l), 4);
	size_t given = f.rows_given;
	ui_list_move(&l, 1, &e);
	ui_list_move(&l, 1, &e);
	assert_int_equal(f.rows_given, given + 2);
	assert_int_equal(l.rows.n, 5);
	assert_int_equal(item(&l, 0), 2);
	assert_int_equal(selected(&l), 6);
	assert_int_equal(l.sel, 4);
	/* And back up: the top row comes back one at a time. */
	for (int i = 0; i < 5; i++)
		ui_list_move(&l, -1, &e);
	assert_int_equal(selected(&l), 1);
	assert_int_equal(item(&l, 0), 1);
	ui_list_free(&l);
}

static void test_pages_and_ends(void **state)
{
	struct fake f = { 23, 0, SIZE_MAX, 0, 0 };
	struct ui_list l;
	struct err e;

	(void)state;
	open_list(&l, &f, 10);
	ui_list_home(&l, &e);
	ui_list_move(&l, 2, &e);
	ui_list_move(&l, 10, &e);          /* a page: rows 10-19, selection stays 3rd */
	assert_int_equal(item(&l, 0), 10);
	assert_int_equal(selected(&l), 12);
	ui_list_move(&l, 10, &e);          /* only 3 more rows: 13-22 shown */
	assert_int_equal(item(&l, 0), 13);
	assert_int_equal(item(&l, 9), 22);
	ui_list_move(&l, 10, &e);          /* at the end: the last row is chosen */
	assert_int_equal(selected(&l), 22);
	ui_list_end(&l, &e);
	assert_int_equal(item(&l, 0), 13);
	assert_int_equal(selected(&l), 22);
	ui_list_move(&l, 1, &e);
	assert_int_equal(selected(&l), 22);
	ui_list_move(&l, -10, &e);
	assert_int_equal(item(&l, 0), 3);
	ui_list_home(&l, &e);
	ui_list_move(&l, -1, &e);
	assert_int_equal(selected(&l), 0);
	ui_list_free(&l);
}

/* Headings are shown but the selection steps over them. */
static void test_headings_are_skipped(void **state)
{
	struct fake f = { 20, 4, SIZE_MAX, 0, 0 };
	struct ui_list l;
	struct err e;

	(void)state;
	open_list(&l, &f, 6);
	ui_list_home(&l, &e);
	assert_int_equal(item(&l, 0), 0);
	assert_int_equal(selected(&l), 1);
	ui_list_move(&l, 1, &e);
	ui_list_move(&l, 1, &e);
	assert_int_equal(selected(&l), 3);
	ui_list_move(&l, 1, &e);
	assert_int_equal(selected(&l), 5);
	ui_list_move(&l, -1, &e);
	assert_int_equal(selected(&l), 3);
	ui_list_end(&l, &e);
	assert_int_equal(selected(&l), 19);
	ui_list_free(&l);
}

/* goto shows a row where the selection was; a missing one gives the next. */
static void test_goto_keeps_the_position(void **state)
{
	struct fake f = { 1000, 0, SIZE_MAX, 0, 0 };
	struct ui_list l;
	struct err e;
	uint8_t k[8];

	(void)state;
	open_list(&l, &f, 8);
	ui_list_home(&l, &e);
	ui_list_move(&l, 3, &e);
	key_of(500, k);
	assert_int_equal(ui_list_goto(&l, k, sizeof k, &e), 0);
	assert_int_equal(selected(&l), 500);
	assert_int_equal(l.sel, 3);
	assert_int_equal(item(&l, 0), 497);
	assert_int_equal(l.rows.n, 8);
	f.gone = 500;
	assert_int_equal(ui_list_reload(&l, &e), 0);
	assert_int_equal(selected(&l), 501);
	assert_int_equal(l.sel, 3);
	/* Near the end the window stays full. */
	key_of(998, k);
	ui_list_goto(&l, k, sizeof k, &e);
	assert_int_equal(selected(&l), 998);
	assert_int_equal(item(&l, 7), 999);
	assert_int_equal(l.rows.n, 8);
	key_of(0, k);
	ui_list_goto(&l, k, sizeof k, &e);
	assert_int_equal(selected(&l), 0);
	assert_int_equal(item(&l, 0), 0);
	ui_list_free(&l);
}

static void test_resize(void **state)
{
	struct fake f = { 50, 0, SIZE_MAX, 0, 0 };
	struct ui_list l;
	struct err e;

	(void)state;
	open_list(&l, &f, 10);
	ui_list_home(&l, &e);
	ui_list_move(&l, 8, &e);
	assert_int_equal(ui_list_resize(&l, 4, &e), 0);
	assert_int_equal(l.rows.n, 4);
	assert_int_equal(selected(&l), 8);
	assert_int_equal(ui_list_resize(&l, 12, &e), 0);
	assert_int_equal(l.rows.n, 12);
	assert_int_equal(selected(&l), 8);
	ui_list_end(&l, &e);
	ui_list_resize(&l, 20, &e);
	assert_int_equal(l.rows.n, 20);
	assert_int_equal(item(&l, 19), 49);
	ui_list_free(&l);
}

static void test_empty_source(void **state)
{
	struct fake f = { 0, 0, SIZE_MAX, 0, 0 };
	struct ui_list l;
	struct err e;

	(void)state;
	open_list(&l, &f, 5);
	assert_int_equal(ui_list_home(&l, &e), 0);
	assert_null(ui_list_selected(&l));
	assert_int_equal(ui_list_move(&l, 1, &e), 0);
	assert_int_equal(ui_list_move(&l, -5, &e), 0);
	assert_int_equal(ui_list_end(&l, &e), 0);
	assert_int_equal(ui_list_reload(&l, &e), 0);
	assert_null(ui_list_selected(&l));
	ui_list_free(&l);
}

/* The array source used by the small screens: indexes as keys, headings by callback. */
static bool odd(size_t i, void *ctx)
{
	(void)ctx;
	return i % 2;
}

static void test_array_source(void **state)
{
	struct ui_list_array arr = { 7, odd, NULL };
	struct ui_list_source src = { ui_list_array_fetch, NULL, &arr };
	struct ui_list l;
	struct err e;

	(void)state;
	ui_list_init(&l, &src, 3);
	ui_list_home(&l, &e);
	assert_int_equal(ui_list_index(ui_list_selected(&l)), 0);
	ui_list_move(&l, 1, &e);
	assert_int_equal(ui_list_index(ui_list_selected(&l)), 2);
	ui_list_move(&l, 1, &e);
	assert_int_equal(ui_list_index(ui_list_selected(&l)), 4);
	assert_int_equal(ui_list_index(&l.rows.v[0]), 2);
	ui_list_end(&l, &e);
	assert_int_equal(ui_list_index(ui_list_selected(&l)), 6);
	ui_list_free(&l);
}

/* A screen whose rows change under it (the quota screen's units, another
 * year) reloads at the same row number, the window still from the top. */
static void test_array_shrinks(void **state)
{
	struct ui_list_array arr = { 30, NULL, NULL };
	struct ui_list_source src = { ui_list_array_fetch, NULL, &arr };
	struct ui_list l;
	struct err e;

	(void)state;
	ui_list_init(&l, &src, 15);
	ui_list_home(&l, &e);
	ui_list_move(&l, 1, &e);
	ui_list_move(&l, 1, &e);
	assert_int_equal(ui_list_index(ui_list_selected(&l)), 2);
	arr.n = 22;
	assert_int_equal(ui_list_reload(&l, &e), 0);
	assert_int_equal(ui_list_index(ui_list_selected(&l)), 2);
	assert_int_equal(ui_list_index(&l.rows.v[0]), 0);
	assert_int_equal(l.rows.n, 15);
	ui_list_free(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_home_reads_one_window),
		cmocka_unit_test(test_down_past_the_window),
		cmocka_unit_test(test_pages_and_ends),
		cmocka_unit_test(test_headings_are_skipped),
		cmocka_unit_test(test_goto_keeps_the_position),
		cmocka_unit_test(test_resize),
		cmocka_unit_test(test_empty_source),
		cmocka_unit_test(test_array_source),
		cmocka_unit_test(test_array_shrinks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
