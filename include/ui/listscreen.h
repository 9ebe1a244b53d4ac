/*
 * ui/listscreen.h - the one skeleton of the screens that show a list or a
 * page (this program's htop Panel with its ScreenManager, or calcurse's
 * listbox).
 *
 * A screen is a class: its table of actions (ui/action.h) with its help
 * text, where its body starts, and a few callbacks.  The skeleton lays the
 * screen out the same way every time:
 *
 *   line 0                 the title
 *   1 .. top-1             the screen's own lines (draw): filters, column heads
 *   top .. LINES-3-foot    the body: rows with a selection (draw_row), or a
 *                          page of text that scrolls (fill)
 *   `foot` lines           the screen's own again (draw): totals
 *   LINES-2, LINES-1       the message and the key hints
 *
 * and does once what every such screen needs: reading the data again when
 * the register changes (load, then the rows from the same place), the moving
 * keys, Help and Back, the hints, and the loop that ends on Back or at the
 * end of the session.  Every other action of the table goes to act().
 *
 * The selected row is marked by a symbol in column 0 and the cursor, not by
 * a bar in reverse video: a bar would have to be written again over its
 * whole width at every move, and terminal scrolling moves the rest (see
 * docs/architecture.md).
 */
#ifndef DIENHINH_UI_LISTSCREEN_H
#define DIENHINH_UI_LISTSCREEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ui/action.h"
#include "ui/list.h"
#include "ui/pager.h"
#include "ui/term.h"

struct ui_listscreen;

/*
 * One part of the help: a heading, a paragraph (may be NULL) and a key
 * table.  Each screen is one; the general help shows them all.
 */
struct ui_help_section {
	const char *title;   /* N_() */
	const char *text;    /* N_(), may be NULL */
	const struct ui_action *actions;
	size_t n;
};

/*
 * What a screen is.  Every callback but draw_row (rows) or fill (a page)
 * may be NULL.  Action ids UI_ACTION_HELP and UI_ACTION_BACK are the
 * skeleton's; the others reach act().
 */
struct ui_listscreen_class {
	struct ui_help_section help;   /* its title is the screen's; the actions are its keys */
	int top;                       /* the body's first line */
	int foot;                      /* the screen's own lines under the body */
	bool paged;                    /* a page of text, not rows */
	const char *empty;             /* N_(): said when there is no row */
	/* Read the data again (the register changed, or the screen asks); 0 or -1 with e. */
	int (*load)(struct ui_listscreen *ls, struct err *e);
	/* Rows from a source of the screen's own; NULL: an array of ls->arr.n rows. */
	int (*fetch)(void *ctx, const uint8_t *from, size_t from_len, bool backward,
		     size_t max, struct ui_rows *out, struct err *e);
	void (*free_item)(void *item);
	/* Array rows that are headings, shown but never selected. */
	bool (*skip)(size_t i, void *ctx);
	/* The screen's own lines (above and under the body). */
	void (*draw)(struct ui_listscreen *ls);
	/* One row at line y, from column 2; the selected one has its mark and the cursor. */
	void (*draw_row)(struct ui_listscreen *ls, const struct ui_row *row, int y);
	/* Add the page's lines, wrapped for ls->page.width (empty when called). */
	void (*fill)(struct ui_listscreen *ls);
	/* A key before the skeleton sees it (a line being typed): a ui_result, or -1. */
	int (*key)(struct ui_listscreen *ls, int key);
	/* An action of the table, taken by ls->key: a ui_result (ui/action.h). */
	int (*act)(struct ui_listscreen *ls, const struct ui_action *a);
	/* Is the action possible now?  Hints leave out those that are not. */
	bool (*enabled)(int id, void *ctx);
};

/*
 * One open screen.  Invariant: `list` is the body unless the class is
 * paged, then `page`, whose lines are wrapped for page.width (the window's
 * width less two once a frame has been drawn).
 */
struct ui_listscreen {
	const struct ui_listscreen_class *c;
	struct ui *ui;
	void *ctx;                 /* the screen's own data */
	const char *title;         /* line 0: the help title unless the screen sets one */
	struct ui_list_array arr;  /* the rows when the class has no fetch: arr.n of them */
	struct ui_list list;
	struct ui_pager page;
	bool loaded;               /* the data has been read once */
	int key;                   /* the key being handled (actions that several keys take) */
};

/* Set up an empty screen of class c over the screen's data ctx. */
void ui_listscreen_init(struct ui_listscreen *ls, const struct ui_listscreen_class *c,
			struct ui *ui, void *ctx);

/*
 * Read the data again and show it: the rows from the first (`home`) or
 * around the selected one, the page from its top or where it was.  A
 * failure is said on the message line; 0 or -1.
 */
int ui_listscreen_reload(struct ui_listscreen *ls, bool home);

/*
 * Show the screen until the person goes back (the data is read first
 * unless the screen did it), then free the rows and the page.  0, or
 * UI_KEY_QUIT when the session ends.
 */
int ui_listscreen_run(struct ui_listscreen *ls);

/*
 * A page of text as a screen of its own under `title` (the help, an audit
 * entry): `fill` adds the lines to the empty page, again whenever the
 * window's width changes.  Back with q, h, Left, Enter, F10 or Esc.  0, or
 * UI_KEY_QUIT when the session ends.
 */
int ui_listscreen_page(struct ui *ui, const char *title,
		       void (*fill)(struct ui *ui, struct ui_pager *p, void *ctx), void *ctx);

/* Show help sections, each action with its keys, as such a page; 0 or UI_KEY_QUIT. */
int ui_listscreen_help(struct ui *ui, const struct ui_help_section *s, size_t n);

/* The lines the body has in the window as it is now. */
int ui_listscreen_height(const struct ui_listscreen *ls);

/* The selected row's array index (array rows), or SIZE_MAX when none is selected. */
size_t ui_listscreen_index(const struct ui_listscreen *ls);

/* Select array row i, keeping the selection's place on the screen. */
int ui_listscreen_select(struct ui_listscreen *ls, size_t i);

#endif
