/*
 * ui/unitlist.h - the units screen: every unit grouped by emulation block,
 * with its quota for a quarter (this one by default) in words and numbers.
 * Enter lists the unit's exemplars.
 */
#ifndef DIENHINH_UI_UNITLIST_H
#define DIENHINH_UI_UNITLIST_H

#include "ui/listscreen.h"
#include "ui/term.h"

/* Run the screen until the person goes back (0) or the session ends (UI_KEY_QUIT). */
int ui_unitlist_run(struct ui *ui);

/* The screen's keys, for the general help. */
void ui_unitlist_help(struct ui_help_section *s);

#endif
