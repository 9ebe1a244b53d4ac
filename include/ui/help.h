/*
 * ui/help.h - the help screen, built from the screens' key tables.
 */
#ifndef DIENHINH_UI_HELP_H
#define DIENHINH_UI_HELP_H

#include <stddef.h>

#include "ui/action.h"
#include "ui/term.h"

/* One part of the help: a heading, a paragraph (may be NULL) and a key table. */
struct ui_help_section {
	const char *title;   /* N_() */
	const char *text;    /* N_(), may be NULL */
	const struct ui_action *actions;
	size_t n;
};

/* Show the sections until the person leaves (q, h, Left, Enter...); 0 or UI_KEY_QUIT. */
int ui_help_show(struct ui *ui, const struct ui_help_section *s, size_t n);

/* The same for one screen, the section as its ui_*_help() function describes it. */
int ui_help_screen(struct ui *ui, void (*describe)(struct ui_help_section *s));

/* The paragraph on typing Vietnamese and moving around, for the general help. */
const struct ui_help_section *ui_help_general(void);

#endif
