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
#include "ui/listscreen.h"

#define NAME_X 3
#define NAME_W 35
#define QUOTA_X 39
#define QUOTA_W 24
#define STATE_X 64
#define OUTSIDE_W 6 /* the quota column of a quarter outside every plan period */

enum { A_OPEN = UI_ACTION_OWN };

static const struct ui_action actions[] = {
	{ UI_ACTION_MOVE, { UI_KEY(KEY_DOWN), UI_KEY(KEY_UP), 'j', 'k' }, NULL,
	  N_("Move (also PgUp, PgDn, Home, End)."), 0 },
	{ A_OPEN, { '\r', 'l', UI_KEY(KEY_RIGHT) }, N_("Exemplars"),
	  N_("List the chosen unit's exemplars."), 0 },
	{ UI_ACTION_HELP, { '?', UI_KEY(KEY_F(1)) }, N_("Help"),
	  N_("Show the keys of this screen."), 0 },
	{ UI_ACTION_BACK, { 'q', 'h', UI_KEY(KEY_LEFT), UI_KEY(KEY_F(10)), 27 }, N_("Back"),
	  N_("Back to the main menu."), 0 },
};
#define N_ACTIONS (sizeof actions / sizeof actions[0])

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
	struct ui_listscreen ls;
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

static int load(struct ui_listscreen *ls, struct err *e)
{
	struct screen *s = ls->ctx;
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
	ls->arr.n = s->n;
	return query_quota(s->ui->r, s->year, s->quarter, take_quota, s, e);
}

static void draw_row(struct ui_listscreen *ls, const struct ui_row *row, int y)
{
	struct screen *s = ls->ctx;
	const struct urow *r = &s->rows[ui_list_index(row)];
	struct ui *ui = s->ui;
	char quota[96], state[96];

	if (r->unit < 0) {
		ui_draw_text(y, 1, COLS - 2, ui_term_attr(ui, UI_A_HEAD), r->block);
		return;
	}
	const struct unit *u = &ui->units.v[r->unit];
	int a = r->active ? 0 : ui_term_attr(ui, UI_A_DIM);
	ui_fmt_quota(ui, s->year, s->quarter, r->required, r->counted, r->active, quota,
		     sizeof quota);
	if (!r->active)
		snprintf(state, sizeof state, "%s", _("Not active this quarter"));
	else
		snprintf(state, sizeof state, "%s %s", ui_fmt_quota_sym(r->state),
			 model_quota_label(r->state));
	/* outside every period the count is all the quota column holds, and the
	 * state's longer words start beside it */
	int sx = r->state == QUOTA_OUTSIDE ? QUOTA_X + OUTSIDE_W : STATE_X;
	char name[UNITS_LABEL_SIZE];
	size_t keep = units_label(&ui->units, u, name, sizeof name);
	ui_draw_text_keep(y, NAME_X, NAME_W, a, name, keep);
	ui_draw_text(y, QUOTA_X, sx - QUOTA_X - 1, a, quota);
	ui_draw_text(y, sx, COLS - sx - 1, ui_fmt_quota_attr(ui, r->state), state);
}

static void draw(struct ui_listscreen *ls)
{
	struct screen *s = ls->ctx;
	int head = ui_term_attr(s->ui, UI_A_HEAD);
	const struct period *p = period_of_year(&register_config(s->ui->r)->periods, s->year);
	char q[64], when[64], name[PERIOD_NAME_SIZE], line[PERIOD_NAME_SIZE + 160];

	ui_fmt_quarter(s->year, s->quarter, q, sizeof q);
	ui_fmt_quarter_left(s->ui, s->year, s->quarter, when, sizeof when);
	if (p)
		period_name(p, name, sizeof name);
	snprintf(line, sizeof line, "%s, %s %s %s", q, when, ui_draw_sym(UI_SYM_DASH),
		 p ? name : _("outside the plan periods"));
	ui_draw_text(1, 1, COLS - 2, A_BOLD, line);
	ui_draw_text(2, NAME_X, NAME_W, head, _("Unit"));
	ui_draw_text(2, QUOTA_X, QUOTA_W, head, _("Introduced/quota"));
	ui_draw_text(2, STATE_X, COLS - STATE_X - 1, head, _("State"));
}

static int act(struct ui_listscreen *ls, const struct ui_action *a)
{
	struct screen *s = ls->ctx;
	size_t i = ui_listscreen_index(ls);
	struct query_filter f = { 0 };

	if (a->id != A_OPEN || i == SIZE_MAX)
		return UI_DONE;
	f.unit = s->ui->units.v[s->rows[i].unit].code;
	return ui_action_result(ui_exlist_run(s->ui, &f));
}

static const struct ui_listscreen_class screen = {
	.help = { N_("Units"), N_("Units are grouped by emulation block. Each line shows how "
		  "many exemplars the unit has introduced this quarter against its quota, how "
		  "many days are left, and the state in words."), actions, N_ACTIONS },
	.top = 3, .load = load, .skip = row_skip, .draw = draw, .draw_row = draw_row,
	.act = act,
};

void ui_unitlist_help(struct ui_help_section *s)
{
	*s = screen.help;
}

int ui_unitlist_run(struct ui *ui)
{
	struct screen s = { 0 };
	int rc;

	s.ui = ui;
	s.year = date_year(register_today(ui->r));
	s.quarter = date_quarter(register_today(ui->r));
	ui_listscreen_init(&s.ls, &screen, ui, &s);
	rc = ui_listscreen_run(&s.ls);
	free(s.rows);
	return rc;
}
