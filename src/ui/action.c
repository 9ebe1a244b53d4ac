/* action.c - key tables; see ui/action.h. */
#include "ui/action.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "i18n.h"
#include "text.h"
#include "ui/draw.h"

bool ui_action_allowed(const struct ui *ui, const struct ui_action *a)
{
	if ((a->flags & UI_ACT_WRITER) && !register_may_add(ui->r, NULL, NULL))
		return false;
	return !(a->flags & UI_ACT_OFFICE) || register_is_office(ui->r);
}

const struct ui_action *ui_action_find(const struct ui *ui, const struct ui_action *t,
				       size_t n, int key)
{
	/* Enter arrives as CR, LF or KEY_ENTER, Backspace as 127, ^H or KEY_BACKSPACE,
	 * depending on the terminal; tables name one of each. */
	if (key == '\n' || key == UI_KEY(KEY_ENTER))
		key = '\r';
	if (key == 127 || key == UI_CTRL('h'))
		key = UI_KEY(KEY_BACKSPACE);
	for (size_t i = 0; i < n; i++)
		for (int k = 0; k < UI_ACT_KEYS && t[i].keys[k]; k++)
			if (t[i].keys[k] == key && ui_action_allowed(ui, &t[i]))
				return &t[i];
	return NULL;
}

/* A key's name as a person reads it. */
static void name_of_key(int key, char *buf, size_t size)
{
	static const struct { int key; const char *name; } names[] = {
		{ '\r', N_("Enter") }, { ' ', N_("Space") }, { '\t', N_("Tab") },
		{ 27, "Esc" }, { UI_KEY(KEY_BTAB), "Shift-Tab" },
		{ UI_KEY(KEY_PPAGE), "PgUp" }, { UI_KEY(KEY_NPAGE), "PgDn" },
		{ UI_KEY(KEY_HOME), "Home" }, { UI_KEY(KEY_END), "End" },
		{ UI_KEY(KEY_BACKSPACE), "Backspace" }, { UI_KEY(KEY_DC), "Delete" },
	};

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].key == key) {
			snprintf(buf, size, "%s", _(names[i].name));
			return;
		}
	if (key == UI_KEY(KEY_UP) || key == UI_KEY(KEY_DOWN) || key == UI_KEY(KEY_LEFT) ||
	    key == UI_KEY(KEY_RIGHT)) {
		enum ui_sym s = key == UI_KEY(KEY_UP) ? UI_SYM_UP : key == UI_KEY(KEY_DOWN)
			? UI_SYM_DOWN : key == UI_KEY(KEY_LEFT) ? UI_SYM_LEFT : UI_SYM_RIGHT;
		snprintf(buf, size, "%s", ui_draw_sym(s));
	} else if (key >= UI_KEY(KEY_F(1)) && key <= UI_KEY(KEY_F(12))) {
		snprintf(buf, size, "F%d", key - UI_KEY(KEY_F(0)));
	} else if (key > 0 && key < 32) {
		snprintf(buf, size, "Ctrl-%c", key + '@');
	} else if (key >= 32 && key < UI_FN) {
		char mb[8] = { 0 };
		mbstate_t st;
		memset(&st, 0, sizeof st);
		if (wcrtomb(mb, (wchar_t)key, &st) == (size_t)-1)
			mb[0] = '?';
		snprintf(buf, size, "%s", mb);
	} else {
		snprintf(buf, size, "?");
	}
}

void ui_action_keys(const struct ui_action *a, char *buf, size_t size)
{
	size_t used = 0;

	buf[0] = 0;
	if (a->keyname) {
		snprintf(buf, size, "%s", a->keyname);
		return;
	}
	for (int k = 0; k < UI_ACT_KEYS && a->keys[k] && used + 1 < size; k++) {
		char name[32];
		name_of_key(a->keys[k], name, sizeof name);
		used += (size_t)snprintf(buf + used, size - used, "%s%s", k ? ", " : "", name);
	}
}

void ui_action_hints(const struct ui *ui, const struct ui_action *t, size_t n,
		     ui_action_enabled enabled, void *ctx)
{
	int y = LINES - 1, x = 0, ka = ui_term_attr(ui, UI_A_HINTKEY);

	ui_draw_fill(y, 0, COLS, A_NORMAL);
	for (size_t i = 0; i < n; i++) {
		const struct ui_action *a = &t[i];
		char key[32];
		if (!a->hint || !ui_action_allowed(ui, a) ||
		    (enabled && !enabled(a->id, ctx)))
			continue;
		name_of_key(a->keys[0], key, sizeof key);
		const char *label = _(a->hint);
		int need = text_width(key) + 1 + text_width(label) + 1;
		/* Entries that do not fit are left to the help screen. */
		if (x + need > COLS)
			break;
		x += ui_draw_text(y, x, COLS - x, ka, key);
		x += ui_draw_text(y, x, COLS - x, A_NORMAL, " ");
		x += ui_draw_text(y, x, COLS - x, A_NORMAL, label);
		x += ui_draw_text(y, x, COLS - x, A_NORMAL, " ");
	}
}

int ui_action_result(int rc)
{
	return rc == UI_KEY_QUIT ? UI_QUIT : UI_DONE;
}

int ui_action_run(struct ui *ui, int (*handle)(void *ctx, int key), void *ctx)
{
	for (;;) {
		int key = ui_term_key(ui);
		int r = key == UI_KEY_QUIT ? UI_QUIT : handle(ctx, key);
		if (r & UI_QUIT)
			return UI_KEY_QUIT;
		if (r & UI_CLOSE)
			return 0;
	}
}
