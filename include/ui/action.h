/*
 * ui/action.h - key tables.
 *
 * Each screen describes what it can do in one table of actions: the keys
 * that take it (a letter or other plain key first, F-keys and arrows as
 * extras), a short label for the key-hint bar and a sentence for the help
 * screen.  The same table answers "which action is this key?", draws the
 * hint bar and builds the help screen, so the three never disagree.
 */
#ifndef DIENHINH_UI_ACTION_H
#define DIENHINH_UI_ACTION_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/term.h"

enum {
	UI_ACT_OFFICE = 1 << 0, /* offered to the office role only */
	UI_ACT_WRITER = 1 << 1, /* offered to those who may change records: not viewers */
};

#define UI_ACT_KEYS 6

/* Ids with the same meaning in every table (ui/listscreen.h); a screen numbers its own
 * actions from UI_ACTION_OWN. */
enum { UI_ACTION_MOVE = 1, UI_ACTION_HELP, UI_ACTION_BACK, UI_ACTION_OWN };

/*
 * One action: its screen-specific id, its keys (0 ends the list) and its
 * names (N_()); one without a hint is left out of the hint bar, not out of
 * the help.  `keyname`, when set, is shown for the keys instead (a range
 * such as "1-4" that the list cannot hold).
 */
struct ui_action {
	int id;
	int keys[UI_ACT_KEYS];
	const char *hint;
	const char *help;
	unsigned flags;
	const char *keyname;
};

/*
 * What a handler tells its screen loop to do next (htop's HandlerResult).
 * There is no "reload": what a save changed reaches every screen through
 * the register's change counter (ui/term.h).
 */
enum ui_result {
	UI_DONE = 0,        /* handled; the next frame shows the result */
	UI_CLOSE = 1 << 0,  /* leave this screen */
	UI_QUIT = 1 << 1,   /* end the session */
};

/* Is action `id` possible now?  (Screens that have no such rule pass NULL.) */
typedef bool (*ui_action_enabled)(int id, void *ctx);

/* The action a key takes in table t, or NULL; office-only actions need the office role. */
const struct ui_action *ui_action_find(const struct ui *ui, const struct ui_action *t,
				       size_t n, int key);

/* Every key of an action as a person reads them: "n, F7", "Enter", "Ctrl-X", "↑". */
void ui_action_keys(const struct ui_action *a, char *buf, size_t size);

/* Is the action offered to this person (its role flags)?  Keys, hints and help agree. */
bool ui_action_allowed(const struct ui *ui, const struct ui_action *a);

/* Draw the key-hint bar (the last line) from a table; `enabled` may be NULL. */
void ui_action_hints(const struct ui *ui, const struct ui_action *t, size_t n,
		     ui_action_enabled enabled, void *ctx);

/* What a screen or box opened from a handler returned (0 or UI_KEY_QUIT), as a result. */
int ui_action_result(int rc);

/*
 * Run a screen: take keys until its handler says UI_CLOSE or UI_QUIT.
 * 0, or UI_KEY_QUIT when the session ends.
 */
int ui_action_run(struct ui *ui, int (*handle)(void *ctx, int key), void *ctx);

#endif
