/*
 * ui/quota.h - the quota matrix: units by Q1-Q4 of one year, each cell
 * with count/required and its state as a symbol, words for the selected
 * cell, and totals.  Enter lists that unit's exemplars of that quarter.
 */
#ifndef DIENHINH_UI_QUOTA_H
#define DIENHINH_UI_QUOTA_H

#include "ui/help.h"
#include "ui/term.h"

int ui_quota_run(struct ui *ui);

void ui_quota_help(struct ui_help_section *s);

#endif
