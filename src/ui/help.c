/* help.c - the help screen; see ui/help.h. */
#include "ui/help.h"

#include <curses.h>

#include "i18n.h"
#include "ui/pager.h"

#define KEYS_W 20 /* columns for the keys of an action */

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

/* The sections to show. */
struct help {
	const struct ui_help_section *s;
	size_t n;
};

static void fill(struct ui *ui, struct ui_pager *p, void *ctx)
{
	const struct help *h = ctx;

	for (size_t i = 0; i < h->n; i++) {
		const struct ui_help_section *s = &h->s[i];
		if (i)
			ui_pager_blank(p);
		ui_pager_text(p, 0, ui_term_attr(ui, UI_A_HEAD), _(s->title));
		if (s->text)
			ui_pager_text(p, 2, A_NORMAL, _(s->text));
		for (size_t k = 0; k < s->n; k++) {
			const struct ui_action *a = &s->actions[k];
			char keys[96];
			if (!ui_action_allowed(ui, a))
				continue;
			ui_action_keys(a, keys, sizeof keys);
			ui_pager_pair(p, KEYS_W, A_NORMAL, keys, _(a->help));
		}
	}
}

int ui_help_show(struct ui *ui, const struct ui_help_section *s, size_t n)
{
	struct help h = { s, n };

	return ui_pager_run(ui, _("Help"), fill, &h);
}

int ui_help_screen(struct ui *ui, void (*describe)(struct ui_help_section *s))
{
	struct ui_help_section s;

	describe(&s);
	return ui_help_show(ui, &s, 1);
}
