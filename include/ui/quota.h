/*
 * ui/quota.h - the quota matrix: units by Q1-Q4 of one year, each cell
 * with count/required and its state as a symbol, words for the selected
 * cell, and totals.  Enter lists that unit's exemplars of that quarter.
 */
#ifndef DIENHINH_UI_QUOTA_H
#define DIENHINH_UI_QUOTA_H

#include "ui/listscreen.h"
#include "ui/term.h"

/* Run the screen: 0 when the person goes back, UI_KEY_QUIT when the session ends. */
int ui_quota_run(struct ui *ui);

/* The screen's keys, for the general help. */
void ui_quota_help(struct ui_help_section *s);

#endif
