/* quota.c - the quota matrix; see ui/quota.h. */
#include "ui/quota.h"

#include <curses.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "i18n.h"
#include "query.h"
#include "text.h"
#include "ui/action.h"
#include "ui/draw.h"
#include "ui/exlist.h"
#include "ui/fmt.h"
#include "ui/listscreen.h"

/* A cell holds "10/10 ✓" at most; the name takes the rest, room for a unit
 * told from its namesake by dates ("Xã Tân Long (đến 30/06/2025)"). */
#define NAME_X 2
#define NAME_W 31
#define CELL_X 34
#define CELL_W 8

enum { A_QUARTER = UI_ACTION_OWN, A_YEAR_BACK, A_YEAR_ON, A_OPEN };

static const struct ui_action actions[] = {
	{ UI_ACTION_MOVE, { UI_KEY(KEY_DOWN), UI_KEY(KEY_UP), 'j', 'k' }, NULL,
	  N_("Move between units (also PgUp, PgDn, Home, End)."), 0 },
	{ A_QUARTER, { '\t', UI_KEY(KEY_BTAB), '1', '2', '3', '4' }, N_("Quarter"),
	  N_("Move between quarters: Tab, Shift-Tab, or the number 1 to 4."), 0,
	  "Tab, Shift-Tab, 1-4" },
	{ A_YEAR_BACK, { UI_KEY(KEY_LEFT), '<', ',' }, N_("Year before"),
	  N_("Show the year before."), 0 },
	{ A_YEAR_ON, { UI_KEY(KEY_RIGHT), '>', '.' }, N_("Year after"),
	  N_("Show the year after."), 0 },
	{ A_OPEN, { '\r', 'l' }, N_("Exemplars"),
	  N_("List the unit's exemplars of the chosen quarter."), 0 },
	{ UI_ACTION_HELP, { '?', UI_KEY(KEY_F(1)) }, N_("Help"),
	  N_("Show the keys of this screen."), 0 },
	{ UI_ACTION_BACK, { 'q', UI_KEY(KEY_F(10)), 27 }, N_("Back"), N_("Back to the main menu."),
	  0 },
};
#define N_ACTIONS (sizeof actions / sizeof actions[0])

/* One unit in one quarter. */
struct cell {
	int required, counted;
	enum quota_state state;
	bool active;
};

struct screen {
	struct ui *ui;
	int year, quarter;        /* shown year; selected quarter 1-4 */
	struct cell (*cells)[4];  /* by index into ui->units */
	size_t *shown;            /* units shown (active in the year or with records) */
	size_t n_shown;
	struct ui_listscreen ls;
};

static int take(const struct query_quota *q, void *ctx)
{
	struct screen *s = ctx;

	for (size_t i = 0; i < s->ui->units.n; i++)
		if (strcmp(s->ui->units.v[i].code, q->unit->code) == 0) {
			const struct unit *u = &s->ui->units.v[i];
			s->cells[i][q->quarter - 1] = (struct cell){
				q->required, q->counted, q->state,
				model_unit_active_in_quarter(u, q->year, q->quarter)
			};
			break;
		}
	return 0;
}

/*
 * Read the year again (another year, or someone saved) and stay on the unit
 * that was selected: rows are positions in `shown`, which another year
 * changes (the units merged away are not shown after), so the same position
 * may be another unit.  A unit the year does not show leaves the list at its
 * start.
 */
static int load(struct ui_listscreen *ls, struct err *e)
{
	struct screen *s = ls->ctx;
	size_t n = s->ui->units.n, i = ui_listscreen_index(ls);
	size_t unit = i != SIZE_MAX ? s->shown[i] : SIZE_MAX;

	memset(s->cells, 0, n * sizeof *s->cells);
	if (query_quota(s->ui->r, s->year, 0, take, s, e))
		return -1;
	s->n_shown = 0;
	for (i = 0; i < n; i++) {
		bool any = false;
		for (int q = 0; q < 4; q++)
			any = any || s->cells[i][q].active || s->cells[i][q].counted;
		if (any)
			s->shown[s->n_shown++] = i;
	}
	ls->arr.n = s->n_shown;
	for (i = 0; i < s->n_shown && s->shown[i] != unit; i++)
		;
	return i < s->n_shown ? ui_listscreen_select(ls, i) : ui_list_home(&ls->list, e);
}

/* "2/2 ✓", "1/2 …", "3", "—". */
static void cell_text(const struct cell *c, char *buf, size_t size)
{
	if (!c->active && !c->counted)
		snprintf(buf, size, "%s", ui_draw_sym(UI_SYM_DASH));
	else if (!c->required)
		snprintf(buf, size, "%d", c->counted);
	else
		snprintf(buf, size, "%d/%d %s", c->counted, c->required,
			 ui_fmt_quota_sym(c->state));
}

static void draw_row(struct ui_listscreen *ls, const struct ui_row *row, int y)
{
	struct screen *s = ls->ctx;
	struct ui *ui = s->ui;
	size_t unit = s->shown[ui_list_index(row)];
	bool sel = row == ui_list_selected(&ls->list);
	char b[64], name[UNITS_LABEL_SIZE];
	int req = 0, cnt = 0;
	size_t keep = units_label(&ui->units, &ui->units.v[unit], name, sizeof name);

	ui_draw_text_keep(y, NAME_X, NAME_W, sel ? A_BOLD : A_NORMAL, name, keep);
	for (int q = 0; q < 4; q++) {
		const struct cell *c = &s->cells[unit][q];
		int x = CELL_X + q * (CELL_W + 1);
		bool here = sel && q + 1 == s->quarter;
		cell_text(c, b, sizeof b);
		ui_draw_cell(y, x, CELL_W, here ? ui_term_attr(ui, UI_A_SELECT)
					   : ui_fmt_quota_attr(ui, c->state), b);
		if (here)
			ui_term_cursor(ui, y, x);
		req += c->required;
		cnt += c->counted;
	}
	snprintf(b, sizeof b, req ? "%d/%d" : "%d", cnt, req);
	ui_draw_text(y, CELL_X + 4 * (CELL_W + 1), COLS - CELL_X - 4 * (CELL_W + 1) - 1, A_BOLD, b);
}

static void draw_totals(struct screen *s, int y)
{
	int all_req = 0, all_cnt = 0;
	char b[64];

	ui_draw_text(y, NAME_X, NAME_W, ui_term_attr(s->ui, UI_A_HEAD), _("Total"));
	for (int q = 0; q < 4; q++) {
		int req = 0, cnt = 0;
		for (size_t i = 0; i < s->n_shown; i++) {
			req += s->cells[s->shown[i]][q].required;
			cnt += s->cells[s->shown[i]][q].counted;
		}
		snprintf(b, sizeof b, "%d/%d", cnt, req);
		ui_draw_text(y, CELL_X + q * (CELL_W + 1), CELL_W, A_BOLD, b);
		all_req += req;
		all_cnt += cnt;
	}
	snprintf(b, sizeof b, "%d/%d", all_cnt, all_req);
	ui_draw_text(y, CELL_X + 4 * (CELL_W + 1), COLS - CELL_X - 4 * (CELL_W + 1) - 1, A_BOLD, b);
}

/* The chosen cell in words, and how many units met their quota that quarter. */
static void draw_words(struct screen *s, size_t unit, int y)
{
	const struct cell *c = &s->cells[unit][s->quarter - 1];
	char name[UNITS_LABEL_SIZE], q[64], quota[128], cell[UNITS_LABEL_SIZE + 256],
	     count[PERIOD_WHY_SIZE + 8], line[PERIOD_WHY_SIZE + UNITS_LABEL_SIZE + 320],
	     why[PERIOD_WHY_SIZE];
	int met = 0, with = 0;

	units_label(&s->ui->units, &s->ui->units.v[unit], name, sizeof name);
	for (size_t i = 0; i < s->n_shown; i++) {
		const struct cell *k = &s->cells[s->shown[i]][s->quarter - 1];
		with += k->required > 0;
		met += k->required > 0 && k->state == QUOTA_MET;
	}
	ui_fmt_quarter(s->year, s->quarter, q, sizeof q);
	ui_fmt_quota(s->ui, s->year, s->quarter, c->required, c->counted, c->active, quota,
		     sizeof quota);
	/* A unit without a quota already says so ("0 (no quota)"): no state word after it. */
	const char *state = !c->active ? _("not active")
			  : c->required ? model_quota_label(c->state) : NULL;
	if (state)
		snprintf(cell, sizeof cell, _("%s, %s: %s (%s)."), name, q, quota, state);
	else
		snprintf(cell, sizeof cell, _("%s, %s: %s."), name, q, quota);
	period_outside_text(&register_config(s->ui->r)->periods, s->year, why, sizeof why);
	if (with)
		snprintf(count, sizeof count, _("Units that met the quota: %d of %d."), met, with);
	else if (why[0])
		snprintf(count, sizeof count, "%s.", why);
	else
		snprintf(count, sizeof count, "%s", _("No unit has a quota this quarter."));
	snprintf(line, sizeof line, "%s %s", cell, count);
	ui_draw_wrap(y, 1, COLS - 2, 2, A_NORMAL, line);
}

static void draw(struct ui_listscreen *ls)
{
	struct screen *s = ls->ctx;
	int head = ui_term_attr(s->ui, UI_A_HEAD);
	const struct period *p = period_of_year(&register_config(s->ui->r)->periods, s->year);
	char name[PERIOD_NAME_SIZE], b[PERIOD_NAME_SIZE + 64];

	if (p)
		period_name(p, name, sizeof name);
	snprintf(b, sizeof b, "%s %d %s %s", _("Year"), s->year, ui_draw_sym(UI_SYM_DASH),
		 p ? name : _("outside the plan periods"));
	int w = ui_draw_text(1, 1, COLS - 2, A_BOLD, b);
	snprintf(b, sizeof b, _("%s met   %s short   %s not yet met   %s no record"),
		 ui_draw_sym(UI_SYM_MET), ui_draw_sym(UI_SYM_SHORT), ui_draw_sym(UI_SYM_OPEN),
		 ui_draw_sym(UI_SYM_DASH));
	/* beside a long period name the marks close up, then the dash goes */
	if (text_width(b) > COLS - w - 5)
		snprintf(b, sizeof b, _("%s met  %s short  %s not yet met  %s no record"),
			 ui_draw_sym(UI_SYM_MET), ui_draw_sym(UI_SYM_SHORT),
			 ui_draw_sym(UI_SYM_OPEN), ui_draw_sym(UI_SYM_DASH));
	if (text_width(b) > COLS - w - 5)
		snprintf(b, sizeof b, _("%s met  %s short  %s not yet met"),
			 ui_draw_sym(UI_SYM_MET), ui_draw_sym(UI_SYM_SHORT),
			 ui_draw_sym(UI_SYM_OPEN));
	ui_draw_text(1, w + 4, COLS - w - 5, ui_term_attr(s->ui, UI_A_DIM), b);
	ui_draw_text(2, NAME_X, NAME_W, head, _("Unit"));
	for (int q = 1; q <= 4; q++) {
		snprintf(b, sizeof b, _("Q%d"), q);
		ui_draw_text(2, CELL_X + (q - 1) * (CELL_W + 1), CELL_W, head, b);
	}
	ui_draw_text(2, CELL_X + 4 * (CELL_W + 1), COLS - CELL_X - 4 * (CELL_W + 1) - 1, head,
		     _("Year"));
	draw_totals(s, LINES - 6);
	size_t i = ui_listscreen_index(ls);
	if (i != SIZE_MAX)
		draw_words(s, s->shown[i], LINES - 4);
}

/* Start on the person's own unit (staff), else on the first unit with a quota now. */
static void first_selection(struct screen *s)
{
	const struct role_entry *re = config_role(register_config(s->ui->r),
						  register_user(s->ui->r));
	size_t pick = s->n_shown;

	for (size_t i = 0; i < s->n_shown && pick == s->n_shown; i++)
		for (size_t k = 0; re && re->role == ROLE_STAFF && k < re->n_units; k++)
			if (strcmp(re->units[k], s->ui->units.v[s->shown[i]].code) == 0)
				pick = i;
	for (size_t i = 0; i < s->n_shown && pick == s->n_shown; i++)
		if (s->cells[s->shown[i]][s->quarter - 1].required)
			pick = i;
	if (pick < s->n_shown)
		ui_listscreen_select(&s->ls, pick);
}

static int year_range(const struct screen *s, int dir)
{
	const struct period_list *l = &register_config(s->ui->r)->periods;
	int now = date_year(register_today(s->ui->r));
	int lo = l->v[0].from < now ? l->v[0].from : now;
	int hi = l->v[l->n - 1].to > now ? l->v[l->n - 1].to : now;
	int y = s->year + dir;

	return y < lo ? lo : y > hi ? hi : y;
}

static int act(struct ui_listscreen *ls, const struct ui_action *a)
{
	struct screen *s = ls->ctx;
	struct query_filter f = { 0 };
	size_t i = ui_listscreen_index(ls);

	switch (a->id) {
	case A_QUARTER:
		if (ls->key == '\t')
			s->quarter = s->quarter % 4 + 1;
		else if (ls->key == UI_KEY(KEY_BTAB))
			s->quarter = (s->quarter + 2) % 4 + 1;
		else
			s->quarter = ls->key - '0';
		return UI_DONE;
	case A_YEAR_BACK: case A_YEAR_ON:
		s->year = year_range(s, a->id == A_YEAR_ON ? 1 : -1);
		ui_listscreen_reload(ls, false);
		return UI_DONE;
	case A_OPEN:
		if (i == SIZE_MAX)
			return UI_DONE;
		f.unit = s->ui->units.v[s->shown[i]].code;
		f.year = s->year;
		f.quarter = s->quarter;
		return ui_action_result(ui_exlist_run(s->ui, &f));
	}
	return UI_DONE;
}

static const struct ui_listscreen_class screen = {
	.help = { N_("Quotas"), N_("One line per unit, one column per quarter: introductions "
		  "that count / quota, then a mark for met, short, or not yet met while the "
		  "quarter runs (the second line explains the marks). The line under the table "
		  "says the chosen cell in words; the last column and line are totals."),
		  actions, N_ACTIONS },
	.top = 3, .foot = 4, .load = load, .draw = draw, .draw_row = draw_row, .act = act,
};

void ui_quota_help(struct ui_help_section *s)
{
	*s = screen.help;
}

int ui_quota_run(struct ui *ui)
{
	struct screen s = { 0 };
	int rc = 0;

	s.ui = ui;
	s.year = date_year(register_today(ui->r));
	s.quarter = date_quarter(register_today(ui->r));
	s.cells = calloc(ui->units.n + 1, sizeof *s.cells);
	s.shown = calloc(ui->units.n + 1, sizeof *s.shown);
	if (!s.cells || !s.shown) {
		ui_term_say(ui, true, "%s", _("Out of memory."));
	} else {
		ui_listscreen_init(&s.ls, &screen, ui, &s);
		if (ui_listscreen_reload(&s.ls, true) == 0)
			first_selection(&s);
		rc = ui_listscreen_run(&s.ls);
	}
	free(s.cells);
	free(s.shown);
	return rc;
}
