/*
 * ui.h - the menu-driven screens (ncursesw).  Everything under src/ui/ is
 * the only code that includes curses.
 */
#ifndef DIENHINH_UI_H
#define DIENHINH_UI_H

#include "register.h"

/* Run the screens for an open register until the person quits; returns
 * the exit status. */
int ui_main(struct reg *r);

#endif
