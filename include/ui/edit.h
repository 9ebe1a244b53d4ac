/*
 * ui/edit.h - the one-line editor.
 *
 * The text is kept as wide characters and measured in display columns.  A
 * "letter" is a base character with the combining marks after it, so
 * Vietnamese typed precomposed ("ế", one character) or decomposed ("e" +
 * U+0302 + U+0301) behaves the same: one Backspace removes one letter with
 * all its marks, which is what input methods (Unikey, EVKey) rely on when
 * they fix a tone by sending Backspace and retyping.  Control and
 * text-direction characters are never taken in.  The register turns the
 * result into NFC when it is saved.
 */
#ifndef DIENHINH_UI_EDIT_H
#define DIENHINH_UI_EDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

enum {
	UI_EDIT_DIGITS = 1 << 0, /* only 0-9 (a year) */
	UI_EDIT_DATE = 1 << 1,   /* only 0-9, '/', '-' and '.' (a date) */
	UI_EDIT_LINES = 1 << 2,  /* text keeps '\n' (the multi-line editor) */
};

/* What a key did to the editor. */
enum ui_edit_result { UI_EDIT_IGNORED, UI_EDIT_MOVED, UI_EDIT_CHANGED };

/*
 * Invariant: buf[len] == 0; cur <= len and never inside a letter (never
 * just before a combining mark); scroll is the first column shown.
 */
struct ui_edit {
	wchar_t *buf;
	size_t len, cap;
	size_t cur;
	size_t max;      /* most letters taken */
	int scroll;
	unsigned flags;
};

void ui_edit_init(struct ui_edit *ed, size_t max, unsigned flags);
void ui_edit_free(struct ui_edit *ed);

/* Replace the text (made visible first: stored controls become placeholders);
 * the cursor goes to the end.  0, or -1 when out of memory. */
int ui_edit_set(struct ui_edit *ed, const char *utf8);
/* The text as a new UTF-8 string (NULL when out of memory). */
char *ui_edit_get(const struct ui_edit *ed);

/* Apply a key (ui/term.h key codes). */
enum ui_edit_result ui_edit_key(struct ui_edit *ed, int key);

/* Insert a line break at the cursor (UI_EDIT_LINES editors). */
enum ui_edit_result ui_edit_newline(struct ui_edit *ed);

/* Letters in the text (a letter with its marks counts once). */
size_t ui_edit_letters(const struct ui_edit *ed);

/*
 * Draw the visible part in `width` columns at (y, x), scrolled so the
 * cursor shows; *cursor_x (if not NULL) gets the cursor's screen column.
 */
void ui_edit_draw(struct ui_edit *ed, int y, int x, int width, int attr, int *cursor_x);

/* True for a combining mark (drawn on the letter before it). */
bool ui_edit_is_mark(wchar_t c);
/* True for a character a person may type into a text (no controls, no bidi). */
bool ui_edit_typable(int key);

#endif
