/* help.c - the help screen; see ui/help.h. */
#include "ui/help.h"

#include <curses.h>

#include "i18n.h"
#include "ui/draw.h"
#include "ui/pager.h"

#define KEYS_W 20 /* columns for the keys of an action */

enum { H_BACK = 1, H_SCROLL };

static const struct ui_action help_actions[] = {
	{ H_SCROLL, { UI_KEY(KEY_DOWN), UI_KEY(KEY_UP), UI_KEY(KEY_NPAGE), UI_KEY(KEY_PPAGE) },
	  N_("Scroll"), N_("Scroll the text (also j, k, Space, b, Home, End)."), 0 },
	{ H_BACK, { 'q', 'h', UI_KEY(KEY_LEFT), UI_KEY(KEY_F(10)), 27 }, N_("Back"),
	  N_("Leave the help."), 0 },
};

static const struct ui_help_section general = {
	N_("Using dienhinh"),
	N_("Move with the arrow keys and open with Enter; every screen also takes the letters "
	   "shown on its last line, and q goes back to the screen before (on the main menu, q "
	   "ends the program). ? or F1 shows the keys of the screen you are on. Type Vietnamese "
	   "with Unikey or EVKey set to Unicode; one Backspace removes one letter with its "
	   "marks. In a form, Tab or Enter goes to the next field, Ctrl-O or F2 saves and "
	   "Ctrl-X or F10 leaves. What other people save appears on your screen within a "
	   "second, without pressing a key."),
	NULL, 0,
};

const struct ui_help_section *ui_help_general(void)
{
	return &general;
}

struct help {
	const struct ui_help_section *s;
	size_t n;
	struct ui_pager page;
};

static void build(struct ui *ui, struct help *h)
{
	int width = COLS - 2;

	ui_pager_clear(&h->page, width);
	for (size_t i = 0; i < h->n; i++) {
		const struct ui_help_section *s = &h->s[i];
		if (i)
			ui_pager_blank(&h->page);
		ui_pager_text(&h->page, 0, ui_term_attr(ui, UI_A_HEAD), _(s->title));
		if (s->text)
			ui_pager_text(&h->page, 2, A_NORMAL, _(s->text));
		for (size_t k = 0; k < s->n; k++) {
			const struct ui_action *a = &s->actions[k];
			char keys[96];
			if ((a->flags & UI_ACT_OFFICE) && !register_is_office(ui->r))
				continue;
			ui_action_keys(ui, a, keys, sizeof keys);
			ui_pager_pair(&h->page, KEYS_W, A_NORMAL, keys, _(a->help));
		}
	}
}

static void help_draw(struct ui *ui, void *p)
{
	struct help *h = p;

	if (h->page.width != COLS - 2)
		build(ui, h);
	ui_draw_title(ui, _("Help"));
	ui_pager_draw(&h->page, 2, 1, LINES - 4);
	ui_draw_message(ui);
	ui_action_hints(ui, help_actions, sizeof help_actions / sizeof help_actions[0], NULL,
			NULL);
	ui_term_cursor(ui, -1, -1);
}

int ui_help_show(struct ui *ui, const struct ui_help_section *s, size_t n)
{
	struct help h = { s, n, { 0 } };
	int rc = 1;

	ui_pager_init(&h.page, 0);
	ui_term_push(ui, help_draw, NULL, &h, true);
	while (rc == 1) {
		int key = ui_term_key(ui);
		const struct ui_action *a = ui_action_find(ui, help_actions,
							   sizeof help_actions /
							   sizeof help_actions[0], key);
		if (key == UI_KEY_QUIT)
			rc = UI_KEY_QUIT;
		else if (ui_pager_key(&h.page, key, LINES - 4))
			continue;
		else if ((a && a->id == H_BACK) || key == '\r' || key == 27)
			rc = 0;
	}
	ui_term_pop(ui, &h);
	ui_pager_free(&h.page);
	return rc;
}
