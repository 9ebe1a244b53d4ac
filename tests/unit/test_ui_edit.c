/* test_ui_edit.c - the line editor: letters with their marks, keys, limits. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <curses.h>

#include "ui/edit.h"
#include "ui/term.h"

/* Type every code point of a UTF-8 string as one key each, as a terminal sends them. */
static void type(struct ui_edit *ed, const char *utf8)
{
	mbstate_t st;
	wchar_t wc;
	size_t n;

	memset(&st, 0, sizeof st);
	while (*utf8 && (n = mbrtowc(&wc, utf8, strlen(utf8), &st)) > 0 && n < (size_t)-2) {
		ui_edit_key(ed, (int)wc);
		utf8 += n;
	}
}

static void assert_text(const struct ui_edit *ed, const char *want)
{
	char *got = ui_edit_get(ed);

	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void test_backspace_precomposed(void **state)
{
	struct ui_edit ed;

	(void)state;
	ui_edit_init(&ed, 100, 0);
	type(&ed, "Hồngx");
	assert_int_equal(ui_edit_key(&ed, UI_KEY(KEY_BACKSPACE)), UI_EDIT_CHANGED);
	assert_text(&ed, "Hồng");
	ui_edit_key(&ed, 127);
	ui_edit_key(&ed, UI_CTRL('h'));
	/* "ồ" is one character: two Backspaces took "g" and "n" only. */
	assert_text(&ed, "Hồ");
	ui_edit_key(&ed, 127);
	assert_text(&ed, "H");
	ui_edit_free(&ed);
}

/* e + U+0302 + U+0301 is one letter "ế" in three code points: one Backspace takes all. */
static void test_backspace_decomposed(void **state)
{
	struct ui_edit ed;

	(void)state;
	ui_edit_init(&ed, 100, 0);
	type(&ed, "Le\xcc\x82 Thi\xcc\xa3 e\xcc\x82\xcc\x81");
	assert_int_equal(ui_edit_letters(&ed), 8);
	ui_edit_key(&ed, 127);
	assert_text(&ed, "Le\xcc\x82 Thi\xcc\xa3 ");
	ui_edit_key(&ed, 127);
	ui_edit_key(&ed, 127);
	assert_text(&ed, "Le\xcc\x82 Th");
	/* "Lê Th": three Backspaces take h, T and the space; the fourth takes ê whole. */
	ui_edit_key(&ed, 127);
	ui_edit_key(&ed, 127);
	ui_edit_key(&ed, 127);
	assert_text(&ed, "Le\xcc\x82");
	ui_edit_key(&ed, 127);
	assert_text(&ed, "L");
	ui_edit_free(&ed);
}

/* An input method fixing a tone: Backspace, then the letter again with its new mark. */
static void test_input_method_retype(void **state)
{
	struct ui_edit ed;

	(void)state;
	ui_edit_init(&ed, 100, 0);
	type(&ed, "Vie\xcc\x82\xcc\x80");     /* "Viề" decomposed */
	ui_edit_key(&ed, 127);
	type(&ed, "e\xcc\x82\xcc\xa3t");      /* "ệt" */
	assert_text(&ed, "Vie\xcc\x82\xcc\xa3t");
	ui_edit_free(&ed);
}

static void test_moving_skips_marks(void **state)
{
	struct ui_edit ed;

	(void)state;
	ui_edit_init(&ed, 100, 0);
	type(&ed, "e\xcc\x82\xcc\x81x");
	ui_edit_key(&ed, UI_KEY(KEY_HOME));
	assert_int_equal(ed.cur, 0);
	assert_int_equal(ui_edit_key(&ed, UI_KEY(KEY_RIGHT)), UI_EDIT_MOVED);
	assert_int_equal(ed.cur, 3);
	ui_edit_key(&ed, 'y');
	assert_text(&ed, "e\xcc\x82\xcc\x81yx");
	ui_edit_key(&ed, UI_KEY(KEY_LEFT));
	ui_edit_key(&ed, UI_KEY(KEY_LEFT));
	assert_int_equal(ed.cur, 0);
	/* Delete takes the letter under the cursor with its marks. */
	assert_int_equal(ui_edit_key(&ed, UI_KEY(KEY_DC)), UI_EDIT_CHANGED);
	assert_text(&ed, "yx");
	ui_edit_free(&ed);
}

static void test_controls_never_enter(void **state)
{
	struct ui_edit ed;

	(void)state;
	ui_edit_init(&ed, 100, 0);
	type(&ed, "a");
	assert_int_equal(ui_edit_key(&ed, 27), UI_EDIT_IGNORED);
	assert_int_equal(ui_edit_key(&ed, '\r'), UI_EDIT_IGNORED);
	assert_int_equal(ui_edit_key(&ed, '\t'), UI_EDIT_IGNORED);
	assert_int_equal(ui_edit_key(&ed, 0x9B), UI_EDIT_IGNORED);
	assert_int_equal(ui_edit_key(&ed, 0x202E), UI_EDIT_IGNORED);
	assert_int_equal(ui_edit_key(&ed, 0x2066), UI_EDIT_IGNORED);
	assert_int_equal(ui_edit_key(&ed, UI_KEY(KEY_F(5))), UI_EDIT_IGNORED);
	assert_int_equal(ui_edit_newline(&ed), UI_EDIT_IGNORED);
	assert_text(&ed, "a");
	ui_edit_free(&ed);
}

/* A stored text with controls is shown, and kept, as placeholders. */
static void test_set_makes_visible(void **state)
{
	struct ui_edit ed;

	(void)state;
	ui_edit_init(&ed, 100, 0);
	assert_int_equal(ui_edit_set(&ed, "A\x1b]0;x\aB\r\n"), 0);
	assert_text(&ed, "A^[]0;x^GB^M ");
	assert_int_equal(ed.cur, ed.len);
	ui_edit_free(&ed);
	ui_edit_init(&ed, 100, UI_EDIT_LINES);
	ui_edit_set(&ed, "one\ntwo");
	assert_text(&ed, "one\ntwo");
	assert_int_equal(ui_edit_newline(&ed), UI_EDIT_CHANGED);
	assert_text(&ed, "one\ntwo\n");
	ui_edit_free(&ed);
}

/* The limit counts letters: marks still join the last letter. */
static void test_letter_limit(void **state)
{
	struct ui_edit ed;

	(void)state;
	ui_edit_init(&ed, 3, 0);
	type(&ed, "abcd");
	assert_text(&ed, "abc");
	type(&ed, "\xcc\x81");
	assert_text(&ed, "abc\xcc\x81");
	ui_edit_free(&ed);
}

static void test_digits_and_dates(void **state)
{
	struct ui_edit y, d;

	(void)state;
	ui_edit_init(&y, 4, UI_EDIT_DIGITS);
	type(&y, "19a8/0");
	assert_text(&y, "1980");
	ui_edit_init(&d, 10, UI_EDIT_DATE);
	type(&d, "27/1x1-2025.");
	assert_text(&d, "27/11-2025");
	ui_edit_free(&y);
	ui_edit_free(&d);
}

static void test_kill_keys(void **state)
{
	struct ui_edit ed;

	(void)state;
	ui_edit_init(&ed, 100, 0);
	type(&ed, "Nguyễn Thị Hồng");
	ui_edit_key(&ed, UI_CTRL('w'));
	assert_text(&ed, "Nguyễn Thị ");
	ui_edit_key(&ed, UI_KEY(KEY_LEFT));
	ui_edit_key(&ed, UI_KEY(KEY_LEFT));
	/* Two letters left of the end is just before "ị": Ctrl-K cuts "ị ". */
	ui_edit_key(&ed, UI_CTRL('k'));
	assert_text(&ed, "Nguyễn Th");
	ui_edit_key(&ed, UI_CTRL('a'));
	ui_edit_key(&ed, UI_KEY(KEY_RIGHT));
	ui_edit_key(&ed, UI_CTRL('u'));
	assert_text(&ed, "guyễn Th");
	ui_edit_free(&ed);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_backspace_precomposed),
		cmocka_unit_test(test_backspace_decomposed),
		cmocka_unit_test(test_input_method_retype),
		cmocka_unit_test(test_moving_skips_marks),
		cmocka_unit_test(test_controls_never_enter),
		cmocka_unit_test(test_set_makes_visible),
		cmocka_unit_test(test_letter_limit),
		cmocka_unit_test(test_digits_and_dates),
		cmocka_unit_test(test_kill_keys),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
