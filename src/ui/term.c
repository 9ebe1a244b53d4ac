/* term.c - the terminal session; see ui/term.h. */
#include "ui/term.h"

#include <curses.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "date.h"
#include "i18n.h"
#include "text.h"
#include "ui/draw.h"

/* Last: terminfo's names of capabilities are macros ("lines", "columns"). */
#include <term.h>

#define POLL_MS 500            /* how often an idle screen looks for changes */
#define HOUSEKEEP_SECONDS 300  /* how often dead readers are cleared */
#define MAX_ERR_READS 64       /* ERR reads in a row that mean the terminal is gone */

/* Set by the signal handlers, read by the input loop and by the store. */
static volatile sig_atomic_t stop_signal;

static void on_signal(int sig)
{
	stop_signal = sig;
}

static void catch_signals(void)
{
	/* Ctrl-\ (SIGQUIT) too: its default ends the program with the terminal left raw. */
	static const int sigs[] = { SIGHUP, SIGTERM, SIGINT, SIGQUIT };
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: poll() must return so the loop sees the flag. */
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
}

/* Colour pairs, in the order of enum ui_attr for those that have one. */
enum { PAIR_TITLE = 1, PAIR_HINTKEY, PAIR_ERROR, PAIR_MET, PAIR_SHORT, PAIR_OPEN, PAIR_NOTE };

static void start_colour(struct ui *ui)
{
	const char *no = getenv("NO_COLOR");

	ui->colour = has_colors() && !(no && *no);
	if (!ui->colour)
		return;
	start_color();
	use_default_colors();
	init_pair(PAIR_TITLE, COLOR_WHITE, COLOR_BLUE);
	init_pair(PAIR_HINTKEY, COLOR_BLACK, COLOR_CYAN);
	init_pair(PAIR_ERROR, COLOR_RED, -1);
	init_pair(PAIR_MET, COLOR_GREEN, -1);
	init_pair(PAIR_SHORT, COLOR_RED, -1);
	init_pair(PAIR_OPEN, COLOR_YELLOW, -1);
	init_pair(PAIR_NOTE, COLOR_CYAN, -1);
}

int ui_term_attr(const struct ui *ui, enum ui_attr a)
{
	/* Monochrome first: every meaning is readable without colour. */
	static const int mono[UI_A_COUNT_] = {
		[UI_A_NORMAL] = A_NORMAL, [UI_A_TITLE] = A_REVERSE, [UI_A_HEAD] = A_BOLD,
		[UI_A_SELECT] = A_REVERSE, [UI_A_HINTKEY] = A_REVERSE, [UI_A_ERROR] = A_BOLD,
		[UI_A_NOTE] = A_BOLD, [UI_A_MET] = A_NORMAL, [UI_A_SHORT] = A_BOLD,
		[UI_A_OPEN] = A_NORMAL, [UI_A_DIM] = A_DIM, [UI_A_FIELD] = A_UNDERLINE,
	};
	static const short pair[UI_A_COUNT_] = {
		[UI_A_TITLE] = PAIR_TITLE, [UI_A_HINTKEY] = PAIR_HINTKEY,
		[UI_A_ERROR] = PAIR_ERROR, [UI_A_MET] = PAIR_MET, [UI_A_SHORT] = PAIR_SHORT,
		[UI_A_OPEN] = PAIR_OPEN, [UI_A_NOTE] = PAIR_NOTE,
	};

	if (a < 0 || a >= UI_A_COUNT_)
		return A_NORMAL;
	if (!ui->colour || !pair[a])
		return mono[a];
	if (a == UI_A_TITLE || a == UI_A_HINTKEY)
		return COLOR_PAIR(pair[a]);
	return mono[a] | COLOR_PAIR(pair[a]);
}

/* Sequences PuTTY and some xterms send that their terminfo entries lack. */
static void define_keys(void)
{
	static const struct { const char *seq; int key; } extra[] = {
		{ "\033[1~", KEY_HOME }, { "\033[4~", KEY_END }, { "\033[H", KEY_HOME },
		{ "\033[F", KEY_END }, { "\033OH", KEY_HOME }, { "\033OF", KEY_END },
		{ "\033[11~", KEY_F(1) }, { "\033[12~", KEY_F(2) }, { "\033[13~", KEY_F(3) },
		{ "\033[14~", KEY_F(4) }, { "\033[Z", KEY_BTAB }, { "\033[3~", KEY_DC },
		{ "\033[5~", KEY_PPAGE }, { "\033[6~", KEY_NPAGE }, { "\033[2~", KEY_IC },
	};

	for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
		if (key_defined(extra[i].seq) == 0)
			define_key(extra[i].seq, extra[i].key);
}

static bool env_on(const char *name)
{
	const char *v = getenv(name);

	return v && *v && strcmp(v, "0") != 0;
}

/*
 * Can curses draw the screens on this terminal?  One that cannot move the
 * cursor (TERM=dumb, a printing terminal) would get them as a stream of
 * text, one terminfo does not know nothing at all.  Asked of terminfo alone
 * (setupterm), before newterm(), which already writes to the terminal; the
 * terminal's name is quoted made visible, since the person chose it.
 */
static int usable_terminal(struct err *e)
{
	const char *term = getenv("TERM");
	char *shown = text_visible(term ? term : "", 0);
	int known = 0;
	bool moves = false;

	if (!shown)
		return err_nomem(e);
	if (term && *term && setupterm(term, STDOUT_FILENO, &known) == OK) {
		const char *cup = tigetstr("cup");
		moves = cup && cup != (const char *)-1 && !tigetflag("hc");
		del_curterm(cur_term);
	}
	if (!term || !*term || known != 1)
		err_set(e, ERR_USAGE, _("This terminal (TERM=%.60s) is not known, so the screens "
					"cannot be shown; try TERM=xterm, or give a command "
					"(see \"dienhinh --help\")."), shown);
	else if (!moves)
		err_set(e, ERR_USAGE, _("This terminal (TERM=%.60s) cannot move the cursor, so the "
					"screens cannot be shown on it. Connect with PuTTY or "
					"another terminal (TERM=xterm), or give a command (see "
					"\"dienhinh --help\")."), shown);
	free(shown);
	return known == 1 && moves ? 0 : -1;
}

int ui_term_start(struct ui *ui, struct reg *r, struct err *e)
{
	memset(ui, 0, sizeof *ui);
	ui->r = r;
	ui->cur_y = -1;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return err_set(e, ERR_USAGE, _("The menu screens need a terminal. Give a command "
					       "instead (see \"dienhinh --help\")."));
	if (usable_terminal(e))
		return -1;
	if (!getenv("ESCDELAY"))
		set_escdelay(25);
	if (!newterm(NULL, stdout, stdin))
		return err_set(e, ERR_USAGE, _("The screens cannot be started on this terminal; "
					       "try TERM=xterm."));
	ui_draw_set_ascii(env_on("DIENHINH_ASCII"));
	start_colour(ui);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	/* Let curses scroll the list region with the terminal's own commands. */
	idlok(stdscr, TRUE);
	define_keys();
	catch_signals();
	store_set_interrupt(register_store(r), &stop_signal);
	ui->seen = register_last_change(r);
	ui->housekept = time(NULL);
	return 0;
}

void ui_term_stop(struct ui *ui)
{
	(void)ui;
	curs_set(1);
	endwin();
}

void ui_term_push(struct ui *ui, void (*draw)(struct ui *, void *),
		  void (*reload)(struct ui *, void *), void *ctx, bool opaque)
{
	if (ui->n_layers == UI_MAX_LAYERS)
		return;
	ui->layers[ui->n_layers++] = (struct ui_layer){ draw, reload, ctx, opaque, ui->seen };
}

void ui_term_pop(struct ui *ui, void *ctx)
{
	if (ui->n_layers && ui->layers[ui->n_layers - 1].ctx == ctx)
		ui->n_layers--;
}

/* True when the terminal is at least UI_MIN_COLS x UI_MIN_ROWS. */
static bool big_enough(void)
{
	return COLS >= UI_MIN_COLS && LINES >= UI_MIN_ROWS;
}

void ui_term_cursor(struct ui *ui, int y, int x)
{
	ui->cur_y = y;
	ui->cur_x = x;
}

void ui_term_say(struct ui *ui, bool error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ui->msg, sizeof ui->msg, fmt, ap);
	va_end(ap);
	ui->msg_error = error;
}

static void draw_too_small(void)
{
	char text[512];

	snprintf(text, sizeof text, _("The window is too small: dienhinh needs at least %d "
				      "columns and %d lines (now %d x %d). Please make the window "
				      "larger; Ctrl-C ends the program."),
		 UI_MIN_COLS, UI_MIN_ROWS, COLS, LINES);
	ui_draw_wrap(LINES / 2 - 2 > 0 ? LINES / 2 - 2 : 0, 1, COLS - 2, LINES, A_BOLD, text);
}

void ui_term_title(const struct ui *ui, const char *title)
{
	int a = ui_term_attr(ui, UI_A_TITLE);
	char right[160], day[DATE_TEXT_SIZE];

	date_format_vn(register_today(ui->r), day);
	snprintf(right, sizeof right, " %s %s %s %s %s ", register_user(ui->r),
		 ui_draw_sym(UI_SYM_SEP), config_role_label(register_role(ui->r)),
		 ui_draw_sym(UI_SYM_SEP), day);
	ui_draw_fill(0, 0, COLS, a);
	int rw = text_width(right);
	ui_draw_text(0, 1, COLS - rw - 2, a | A_BOLD, title);
	ui_draw_right(0, 0, COLS, a, right);
}

void ui_term_message(const struct ui *ui)
{
	int a = ui_term_attr(ui, ui->msg_error ? UI_A_ERROR : UI_A_NOTE);
	char **parts;
	int n;

	if (!ui->msg[0] || (n = ui_draw_split(ui->msg, COLS - 2, &parts)) < 0)
		return;
	/* A long message takes up to three lines, ending just above the key hints. */
	int shown = n > 3 ? 3 : n;
	for (int i = 0, y = LINES - 1 - shown; i < shown; i++, y++) {
		ui_draw_fill(y, 0, COLS, a);
		ui_draw_text(y, 1, COLS - 2, a, parts[i]);
	}
	ui_draw_free_lines(parts, n);
}

/* The first layer that shows: the top opaque one covers those under it. */
static size_t first_shown(const struct ui *ui)
{
	size_t i = ui->n_layers;

	while (i > 0 && !ui->layers[i - 1].opaque)
		i--;
	return i ? i - 1 : 0;
}

/* Draw every layer that shows and bring the terminal up to date. */
static void frame(struct ui *ui)
{
	erase();
	ui->cur_y = -1;
	if (!big_enough()) {
		draw_too_small();
	} else {
		for (size_t i = first_shown(ui); i < ui->n_layers; i++)
			ui->layers[i].draw(ui, ui->layers[i].ctx);
	}
	if (ui->cur_y >= 0 && ui->cur_y < LINES && ui->cur_x >= 0 && ui->cur_x < COLS) {
		move(ui->cur_y, ui->cur_x);
		curs_set(1);
	} else {
		move(LINES - 1, COLS - 1);
		curs_set(0);
	}
	wnoutrefresh(stdscr);
	doupdate();
}

bool ui_term_sync(struct ui *ui)
{
	uint64_t now = register_last_change(ui->r);
	bool reloaded = false;

	ui->seen = now;
	for (size_t i = first_shown(ui); i < ui->n_layers; i++) {
		struct ui_layer *l = &ui->layers[i];
		if (l->seen == now)
			continue;
		l->seen = now;
		if (l->reload) {
			l->reload(ui, l->ctx);
			reloaded = true;
		}
	}
	return reloaded;
}

static void housekeeping(struct ui *ui)
{
	time_t now = time(NULL);

	if (now - ui->housekept >= HOUSEKEEP_SECONDS) {
		register_housekeeping(ui->r);
		ui->housekept = now;
	}
}

/* One key from curses without waiting: the key, or ERR when none is queued. */
static int read_key(int *key)
{
	wint_t wc;
	int rc = wget_wch(stdscr, &wc);

	if (rc == KEY_CODE_YES)
		*key = UI_KEY((int)wc);
	else if (rc == OK)
		*key = (int)wc;
	return rc == ERR ? ERR : OK;
}

int ui_term_key(struct ui *ui)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
	bool polled_ready = false;
	int key = 0;

	ui_term_sync(ui);
	frame(ui);
	for (;;) {
		if (stop_signal || ui->quit) {
			ui->quit = true;
			ui->quit_signal = stop_signal;
			return UI_KEY_QUIT;
		}
		if (read_key(&key) == OK) {
			ui->errs = 0;
			if (key == UI_KEY(KEY_RESIZE)) {
				frame(ui);
				continue;
			}
			/* Ctrl-L, as in every terminal program: a screen garbled by
			 * something curses did not write (a `wall` message, noise on
			 * the line) is sent again whole. */
			if (key == UI_CTRL('l')) {
				clearok(curscr, TRUE);
				frame(ui);
				continue;
			}
			/* Keys are swallowed while the window is too small to draw on. */
			if (!big_enough())
				continue;
			ui->msg[0] = 0;
			return key;
		}
		if (polled_ready && ++ui->errs > MAX_ERR_READS) {
			ui->quit = true;
			continue;
		}
		int n = poll(&p, 1, POLL_MS);
		polled_ready = n > 0 && (p.revents & POLLIN);
		if (n > 0 && (p.revents & (POLLHUP | POLLERR | POLLNVAL)) && !polled_ready) {
			ui->quit = true;
			continue;
		}
		if (n < 0 && errno != EINTR) {
			ui->quit = true;
			continue;
		}
		if (n == 0) {
			housekeeping(ui);
			if (ui_term_sync(ui))
				frame(ui);
		}
	}
}
