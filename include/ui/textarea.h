/*
 * ui/textarea.h - the multi-line editor (achievements).
 *
 * The text lives in a ui_edit with UI_EDIT_LINES, so letters, marks and
 * Backspace behave exactly as in one-line fields; this module adds the
 * soft-wrapped layout (at spaces where it can) and moving by screen line.
 */
#ifndef DIENHINH_UI_TEXTAREA_H
#define DIENHINH_UI_TEXTAREA_H

#include "ui/edit.h"

/*
 * Invariant: `top` is the first screen line shown; width and height are
 * those of the last draw (0 before it), used to move by screen lines.
 */
struct ui_textarea {
	struct ui_edit ed;
	int top;
	int width, height;
	int goal;        /* column kept while moving up and down; -1: none */
};

void ui_textarea_init(struct ui_textarea *ta, size_t max);
void ui_textarea_free(struct ui_textarea *ta);

/* Apply a key: text keys, Enter (line break), arrows, Home/End, PgUp/PgDn. */
enum ui_edit_result ui_textarea_key(struct ui_textarea *ta, int key);

/*
 * True if Up (dir < 0) or Down (dir > 0) would leave the text: the cursor
 * is at its very start or end.  On the first or last line short of that,
 * Up and Down go to the start or the end first.
 */
bool ui_textarea_at_edge(const struct ui_textarea *ta, int dir);

/* The field is entered from above (dir > 0: the cursor goes to the start) or from
 * below (dir < 0: to the end), so that Down and Up then walk through the text. */
void ui_textarea_enter(struct ui_textarea *ta, int dir);

/* Draw in a width x height area at (y, x); *cy and *cx get the cursor. */
void ui_textarea_draw(struct ui_textarea *ta, int y, int x, int width, int height, int attr,
		      int *cy, int *cx);

#endif
