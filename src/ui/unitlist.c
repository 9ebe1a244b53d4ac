/* unitlist.c - the units screen; see ui/unitlist.h. */
#include "ui/unitlist.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "i18n.h"
#include "query.h"
#include "ui/action.h"
#include "ui/draw.h"
#include "ui/exlist.h"
#include "ui/fmt.h"
#include "ui/list.h"

#define NAME_X 3
#define NAME_W 35
#define QUOTA_X 39
#define QUOTA_W 24
#define STATE_X 64

enum { A_MOVE = 1, A_OPEN, A_HELP, A_BACK };

static const struct ui_action actions[] = {
	{ A_MOVE, { UI_KEY(KEY_DOWN), UI_KEY(KEY_UP), 'j', 'k' }, NULL,
	  N_("Move (also PgUp, PgDn, Home, End)."), 0 },
	{ A_OPEN, { '\r', 'l', UI_KEY(KEY_RIGHT) }, N_("Exemplars"),
	  N_("List the chosen unit's exemplars."), 0 },
	{ A_HELP, { '?', UI_KEY(KEY_F(1)) }, N_("Help"), N_("Show the keys of this screen."), 0 },
	{ A_BACK, { 'q', 'h', UI_KEY(KEY_LEFT), UI_KEY(KEY_F(10)), 27 }, N_("Back"),
	  N_("Back to the main menu."), 0 },
};
#define N_ACTIONS (sizeof actions / sizeof actions[0])

void ui_unitlist_help(struct ui_help_section *s)
{
	*s = (struct ui_help_section){ N_("Units"), N_("Units are grouped by emulation block. "
		"Each line shows how many exemplars the unit has introduced this quarter against "
		"its quota, how many days are left, and the state in words."), actions,
		N_ACTIONS };
}

/* One line: a block heading (unit < 0) or a unit with its quarter. */
struct urow {
	const char *block;          /* heading text */
	long unit;                  /* index into ui->units, or -1 */
	int required, counted;
	enum quota_state state;
	bool active;
};

struct screen {
	struct ui *ui;
	int year, quarter;
	struct urow *rows;
	size_t n;
	struct ui_list_array arr;
	struct ui_list list;
};

static bool row_skip(size_t i, void *ctx)
{
	const struct screen *s = ctx;

	return s->rows[i].unit < 0;
}

static void add_heading(struct screen *s, const char *name)
{
	s->rows[s->n++] = (struct urow){ name, -1, 0, 0, QUOTA_NONE, false };
}

/* Units of one block (NULL: of no known block), active ones first. */
static void add_units(struct screen *s, const char *block)
{
	const struct config *cfg = register_config(s->ui->r);

	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < s->ui->units.n; i++) {
			const struct unit *u = &s->ui->units.v[i];
			bool mine = block ? strcmp(u->block, block) == 0
					  : !u->block[0] || !config_block(cfg, u->block);
			bool active = model_unit_active_in_quarter(u, s->year, s->quarter);
			if (mine && active == (pass == 0))
				s->rows[s->n++] = (struct urow){ NULL, (long)i, 0, 0, QUOTA_NONE,
								 active };
		}
}

static int take_quota(const struct query_quota *q, void *ctx)
{
	struct screen *s = ctx;

	for (size_t i = 0; i < s->n; i++) {
		struct urow *r = &s->rows[i];
		if (r->unit >= 0 && strcmp(s->ui->units.v[r->unit].code, q->unit->code) == 0) {
			r->required = q->required;
			r->counted = q->counted;
			r->state = q->state;
		}
	}
	return 0;
}

static int load(struct screen *s, struct err *e)
{
	const struct config *cfg = register_config(s->ui->r);
	size_t cap = s->ui->units.n + cfg->n_blocks + 1;

	free(s->rows);
	s->n = 0;
	if (!(s->rows = calloc(cap, sizeof *s->rows)))
		return err_nomem(e);
	for (size_t b = 0; b < cfg->n_blocks; b++) {
		size_t before = s->n;
		add_heading(s, cfg->blocks[b].name);
		add_units(s, cfg->blocks[b].code);
		if (s->n == before + 1)
			s->n = before;
	}
	size_t before = s->n;
	add_heading(s, _("Units outside any emulation block"));
	add_units(s, NULL);
	if (s->n == before + 1)
		s->n = before;
	s->arr.n = s->n;
	return query_quota(s->ui->r, s->year, s->quarter, take_quota, s, e);
}

static void reload(struct ui *ui, void *p)
{
	struct screen *s = p;
	struct err e;

	if (load(s, &e) || ui_list_reload(&s->list, &e))
		ui_term_say(ui, true, "%s", e.msg);
}

static void draw_row(struct screen *s, const struct urow *r, int y, bool sel)
{
	struct ui *ui = s->ui;
	char quota[96], state[96];

	if (r->unit < 0) {
		ui_draw_text(y, 1, COLS - 2, ui_term_attr(ui, UI_A_HEAD), r->block);
		return;
	}
	const struct unit *u = &ui->units.v[r->unit];
	int a = sel ? ui_term_attr(ui, UI_A_SELECT) : r->active ? 0 : ui_term_attr(ui, UI_A_DIM);
	ui_fmt_quota(ui, s->year, s->quarter, r->required, r->counted, r->active, quota,
		     sizeof quota);
	if (!r->active)
		snprintf(state, sizeof state, "%s", _("Not active this quarter"));
	else
		snprintf(state, sizeof state, "%s %s", ui_fmt_quota_sym(r->state),
			 model_quota_label(r->state));
	ui_draw_cell(y, 1, COLS - 2, a, "");
	ui_draw_text(y, 1, 1, a, sel ? ui_draw_sym(UI_SYM_MARK) : " ");
	ui_draw_text(y, NAME_X, NAME_W, a, u->name);
	ui_draw_text(y, QUOTA_X, QUOTA_W, a, quota);
	ui_draw_text(y, STATE_X, COLS - STATE_X - 1, sel ? a : ui_fmt_quota_attr(ui, r->state),
		     state);
	if (sel)
		ui_term_cursor(ui, y, 1);
}

static void draw(struct ui *ui, void *p)
{
	struct screen *s = p;
	char q[64], when[64], line[160];
	struct err e;
	int height = LINES - 5;

	if (height != s->list.height && ui_list_resize(&s->list, height, &e))
		ui_term_say(ui, true, "%s", e.msg);
	ui_term_title(ui, _("Units"));
	ui_fmt_quarter(s->year, s->quarter, q, sizeof q);
	ui_fmt_quarter_left(ui, s->year, s->quarter, when, sizeof when);
	snprintf(line, sizeof line, "%s, %s", q, when);
	ui_draw_text(1, 1, COLS - 2, A_BOLD, line);
	ui_draw_text(2, NAME_X, NAME_W, ui_term_attr(ui, UI_A_HEAD), _("Unit"));
	ui_draw_text(2, QUOTA_X, QUOTA_W, ui_term_attr(ui, UI_A_HEAD), _("Introduced/quota"));
	ui_draw_text(2, STATE_X, COLS - STATE_X - 1, ui_term_attr(ui, UI_A_HEAD), _("State"));
	for (size_t i = 0; i < s->list.rows.n; i++)
		draw_row(s, &s->rows[ui_list_index(&s->list.rows.v[i])], 3 + (int)i,
			 i == s->list.sel);
	ui_term_message(ui);
	ui_action_hints(ui, actions, N_ACTIONS, NULL, NULL);
}

static int open_unit(struct screen *s)
{
	const struct ui_row *row = ui_list_selected(&s->list);
	struct query_filter f = { 0 };

	if (!row)
		return 0;
	f.unit = s->ui->units.v[s->rows[ui_list_index(row)].unit].code;
	return ui_exlist_run(s->ui, &f);
}

static int handle(void *ctx, int key)
{
	struct screen *s = ctx;
	const struct ui_action *a = ui_action_find(s->ui, actions, N_ACTIONS, key);

	if (ui_action_list_key(s->ui, &s->list, key) || !a)
		return UI_DONE;
	switch (a->id) {
	case A_BACK:
		return UI_CLOSE;
	case A_HELP:
		return ui_action_result(ui_help_screen(s->ui, ui_unitlist_help));
	case A_OPEN:
		return ui_action_result(open_unit(s));
	}
	return UI_DONE;
}

int ui_unitlist_run(struct ui *ui)
{
	struct screen s = { 0 };
	date_t today = register_today(ui->r);
	struct err e;
	int rc;

	s.ui = ui;
	model_plan_quarter(today, register_config(ui->r)->plan_from,
			   register_config(ui->r)->plan_to, &s.year, &s.quarter);
	s.arr = (struct ui_list_array){ 0, row_skip, &s };
	struct ui_list_source src = { ui_list_array_fetch, NULL, &s.arr };
	ui_list_init(&s.list, &src, LINES - 5);
	if (load(&s, &e) || ui_list_home(&s.list, &e))
		ui_term_say(ui, true, "%s", e.msg);
	ui_term_push(ui, draw, reload, &s, true);
	rc = ui_action_run(ui, handle, &s);
	ui_term_pop(ui, &s);
	ui_list_free(&s.list);
	free(s.rows);
	return rc;
}
