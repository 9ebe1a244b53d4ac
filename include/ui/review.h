/*
 * ui/review.h - the office's review queue: introduced exemplars, oldest
 * introduction first, accepted or returned (with a reason) by one key.
 */
#ifndef DIENHINH_UI_REVIEW_H
#define DIENHINH_UI_REVIEW_H

#include "ui/help.h"
#include "ui/term.h"

int ui_review_run(struct ui *ui);

void ui_review_help(struct ui_help_section *s);

#endif
