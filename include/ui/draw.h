/*
 * ui/draw.h - putting text on the screen safely.
 *
 * Every string drawn goes through ui_draw_text() or a function built on
 * it, which passes it through text_visible() first: a name stored with an
 * ESC, a CR or a bidi override is shown as placeholders and can never move
 * the cursor or spill into the next field.  Widths are display columns.
 * Below the session (ui/term.h): nothing here knows struct ui.
 */
#ifndef DIENHINH_UI_DRAW_H
#define DIENHINH_UI_DRAW_H

#include <stdbool.h>
#include <stddef.h>

/* Symbols with an ASCII fallback. */
enum ui_sym {
	UI_SYM_MET, UI_SYM_SHORT, UI_SYM_OPEN, UI_SYM_NONE, UI_SYM_MARK, UI_SYM_UP,
	UI_SYM_DOWN, UI_SYM_LEFT, UI_SYM_RIGHT, UI_SYM_SEP, UI_SYM_DASH, UI_SYM_COUNT_
};
const char *ui_draw_sym(enum ui_sym s);
/* Draw ASCII only: symbols, ellipses, boxes (the session's fallback setting, set once). */
void ui_draw_set_ascii(bool ascii);

/* Draw `s` at (y, x) in at most `width` columns, ending with an ellipsis when it
 * had to be cut; returns the columns used. */
int ui_draw_text(int y, int x, int width, int attr, const char *s);
/* The same, but a text too wide is shortened before byte `keep` and what
 * follows it is kept whole, as long as a letter of the start still shows:
 * "Hội Liên hiệp Phụ… (từ 01/07/2025)" (a unit's name, units_label()). */
int ui_draw_text_keep(int y, int x, int width, int attr, const char *s, size_t keep);
/* The same, then spaces up to `width` (a cell of a table or a bar). */
void ui_draw_cell(int y, int x, int width, int attr, const char *s);
/* Right-aligned in `width` columns ending at x + width. */
void ui_draw_right(int y, int x, int width, int attr, const char *s);
/* `width` spaces. */
void ui_draw_fill(int y, int x, int width, int attr);

/*
 * Word-wrap `s` into lines of at most `width` columns starting at line y,
 * drawing at most `max_lines`; returns the number of lines the whole text
 * needs ('\n' starts a new line).
 */
int ui_draw_wrap(int y, int x, int width, int max_lines, int attr, const char *s);

/*
 * Split `s` (made visible first) into word-wrapped lines of at most
 * `width` columns: *out is a new array of new strings (ui_draw_free_lines).
 * Returns the number of lines, or -1 when out of memory.
 */
int ui_draw_split(const char *s, int width, char ***out);
void ui_draw_free_lines(char **lines, int n);

/* A frame with line drawing (or + - | in ASCII), its inside cleared. */
void ui_draw_box(int y, int x, int h, int w);

#endif
