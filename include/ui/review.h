/*
 * ui/review.h - the office's review queue: introduced exemplars, oldest
 * introduction first, accepted or returned (with a reason) by one key.
 */
#ifndef DIENHINH_UI_REVIEW_H
#define DIENHINH_UI_REVIEW_H

#include "ui/listscreen.h"
#include "ui/term.h"

/* Run the screen: 0 when the person goes back, UI_KEY_QUIT when the session ends. */
int ui_review_run(struct ui *ui);

/* The screen's keys, for the general help. */
void ui_review_help(struct ui_help_section *s);

#endif
