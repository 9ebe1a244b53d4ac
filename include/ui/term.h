/*
 * ui/term.h - the terminal session every screen shares: curses set-up and
 * tear-down, the stack of drawing layers, and the one input loop.
 *
 * A screen pushes a layer (how to draw itself, how to reload its data) and
 * then asks ui_term_key() for keys.  ui_term_key() draws every layer,
 * bottom to top, sends the difference to the terminal in one doupdate(),
 * and waits in poll() with a timeout.  Resizes are redrawn there.  Whenever
 * the register changed (register_last_change() moved: another process
 * saved, or this session did), the layers that show reload, both before a
 * frame is drawn and while the screen waits, so an open screen follows the
 * database without a key press and a screen never re-reads after its own
 * actions.  A layer covered by an opaque one reloads when it shows again,
 * once, however many saves came meanwhile.  When nothing changed, nothing
 * is read, drawn or written.  A screen
 * therefore only ever sees keys, or UI_KEY_QUIT when the session must end
 * (signal, hang-up, dead terminal).
 */
#ifndef DIENHINH_UI_TERM_H
#define DIENHINH_UI_TERM_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "register.h"
#include "units.h"

/*
 * Keys as screens see them: a character is its code point; a curses
 * function key is UI_FN + its KEY_* code, so that KEY_DOWN (0402) never
 * meets 'Ă' (U+0102).
 */
#define UI_FN 0x200000
#define UI_KEY(k) (UI_FN + (k))
#define UI_CTRL(c) ((c) & 0x1f)
#define UI_KEY_QUIT (-1)

#define UI_MIN_COLS 80
#define UI_MIN_ROWS 24
#define UI_MAX_LAYERS 12

struct ui;

/*
 * One drawn layer: a screen, or a pop-up over it.  `draw` paints the whole
 * layer into stdscr (and may set the cursor with ui_term_cursor()); `reload`
 * (may be NULL) re-reads what the layer shows after the register changed.
 * An opaque layer covers the whole screen: layers under it are neither
 * drawn nor reloaded.
 */
struct ui_layer {
	void (*draw)(struct ui *ui, void *ctx);
	void (*reload)(struct ui *ui, void *ctx);
	void *ctx;
	bool opaque;
	uint64_t seen;           /* the register's change counter when it last loaded */
};

/* Attributes the screens ask for by meaning; colour is added only when enabled. */
enum ui_attr {
	UI_A_NORMAL, UI_A_TITLE, UI_A_HEAD, UI_A_SELECT, UI_A_HINTKEY, UI_A_ERROR,
	UI_A_NOTE, UI_A_MET, UI_A_SHORT, UI_A_OPEN, UI_A_DIM, UI_A_FIELD, UI_A_COUNT_
};

/*
 * The session.  Invariant: layers[0 .. n_layers) are live (their ctx
 * outlives their place on the stack); `seen` is the register's change
 * counter when ui_term_sync() last looked, so no later than the data of a
 * screen loaded since: a layer pushed starts from it.
 */
struct ui {
	struct reg *r;
	struct unit_list units;  /* loaded once: units change only with the config */
	bool colour;             /* has_colors() and NO_COLOR unset */
	uint64_t seen;
	time_t housekept;        /* last register_housekeeping() */
	struct ui_layer layers[UI_MAX_LAYERS];
	size_t n_layers;
	char msg[512];           /* one line above the key hints, until the next key */
	bool msg_error;
	int cur_y, cur_x;        /* where the hardware cursor goes; -1: hidden */
	int errs;                /* ERR reads in a row */
	int quit_signal;         /* the signal that ended the session, or 0 */
	bool quit;               /* the session must end */
};

/*
 * Start curses on the controlling terminal (UTF-8 locale already set).
 * 0, or -1 with a translated message when there is no usable terminal.
 */
int ui_term_start(struct ui *ui, struct reg *r, struct err *e);
/* End curses and restore the terminal. */
void ui_term_stop(struct ui *ui);

/* Push a whole screen (opaque) or a pop-up; pop it.  Popping a layer that is
 * not on top is a no-op. */
void ui_term_push(struct ui *ui, void (*draw)(struct ui *, void *),
		  void (*reload)(struct ui *, void *), void *ctx, bool opaque);
void ui_term_pop(struct ui *ui, void *ctx);

/* Draw, then wait for the next key (see the header comment). */
int ui_term_key(struct ui *ui);

/*
 * Reload the layers that show now if the register changed since they last
 * loaded (ui_term_key() does it before each frame); true when one did.
 * For a screen that words the result of its own save from what it reloads.
 */
bool ui_term_sync(struct ui *ui);

/* Put the hardware cursor at (y, x) of the frame being drawn, or hide it (y < 0). */
void ui_term_cursor(struct ui *ui, int y, int x);

/* Set the message line; `error` shows it as an error. printf-style. */
void ui_term_say(struct ui *ui, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Line 0: `title` on the left; account, role and today on the right. */
void ui_term_title(const struct ui *ui, const char *title);

/* The message (ui_term_say), up to three lines ending just above the key hints. */
void ui_term_message(const struct ui *ui);

/* The curses attribute for a meaning. */
int ui_term_attr(const struct ui *ui, enum ui_attr a);

#endif
