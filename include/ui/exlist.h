/*
 * ui/exlist.h - the exemplar list: filters (unit, year, quarter, category,
 * status), incremental diacritic-insensitive search, Vietnamese order, and
 * the way to the detail and the form.  Only the visible rows are held.
 */
#ifndef DIENHINH_UI_EXLIST_H
#define DIENHINH_UI_EXLIST_H

#include "query.h"
#include "ui/listscreen.h"
#include "ui/term.h"

/*
 * Run the list starting with the filter `start` (may be NULL: everything;
 * its strings are copied).  0 when the person goes back, UI_KEY_QUIT when
 * the session ends.
 */
int ui_exlist_run(struct ui *ui, const struct query_filter *start);

/* The screen's keys, for the general help. */
void ui_exlist_help(struct ui_help_section *s);

#endif
