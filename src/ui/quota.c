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
#include "ui/action.h"
#include "ui/draw.h"
#include "ui/exlist.h"
#include "ui/fmt.h"
#include "ui/list.h"

#define NAME_X 2
#define NAME_W 23
#define CELL_X 26
#define CELL_W 10

enum { A_MOVE = 1, A_QUARTER, A_YEAR_BACK, A_YEAR_ON, A_OPEN, A_HELP, A_BACK };

static const struct ui_action actions[] = {
	{ A_MOVE, { UI_KEY(KEY_DOWN), UI_KEY(KEY_UP), 'j', 'k' }, NULL,
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
	{ A_HELP, { '?', UI_KEY(KEY_F(1)) }, N_("Help"), N_("Show the keys of this screen."), 0 },
	{ A_BACK, { 'q', UI_KEY(KEY_F(10)), 27 }, N_("Back"), N_("Back to the main menu."),
	  0 },
};
#define N_ACTIONS (sizeof actions / sizeof actions[0])

void ui_quota_help(struct ui_help_section *s)
{
	*s = (struct ui_help_section){ N_("Quotas"),
		N_("One line per unit, one column per quarter: introductions that count / "
		   "quota, then a mark for met, short, or not yet met while the quarter runs "
		   "(the second line explains the marks). The line under the table says the "
		   "chosen cell in words; the last column and line are totals."), actions,
		N_ACTIONS };
}

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
	struct ui_list_array arr;
	struct ui_list list;
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

static int load(struct screen *s, struct err *e)
{
	size_t n = s->ui->units.n;

	memset(s->cells, 0, n * sizeof *s->cells);
	if (query_quota(s->ui->r, s->year, 0, take, s, e))
		return -1;
	s->n_shown = 0;
	for (size_t i = 0; i < n; i++) {
		bool any = false;
		for (int q = 0; q < 4; q++)
			any = any || s->cells[i][q].active || s->cells[i][q].counted;
		if (any)
			s->shown[s->n_shown++] = i;
	}
	s->arr.n = s->n_shown;
	return 0;
}

/* Select row i (an index into shown), keeping its place on the screen. */
static int goto_row(struct screen *s, size_t i, struct err *e)
{
	uint8_t key[8];

	ui_list_index_key(i, key);
	return ui_list_goto(&s->list, key, sizeof key, e);
}

/*
 * Load again (another year, or someone saved) and stay on the unit that was
 * selected: rows are positions in `shown`, which another year changes (the
 * units merged away are not shown after), so the same position may be
 * another unit.  A unit the year does not show leaves the list at its start.
 */
static void reload(struct ui *ui, void *p)
{
	struct screen *s = p;
	const struct ui_row *row = ui_list_selected(&s->list);
	size_t unit = row ? s->shown[ui_list_index(row)] : SIZE_MAX, i;
	struct err e;

	if (load(s, &e)) {
		ui_term_say(ui, true, "%s", e.msg);
		return;
	}
	for (i = 0; i < s->n_shown && s->shown[i] != unit; i++)
		;
	if (i < s->n_shown ? goto_row(s, i, &e) : ui_list_home(&s->list, &e))
		ui_term_say(ui, true, "%s", e.msg);
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

static void draw_row(struct screen *s, size_t unit, int y, bool sel)
{
	struct ui *ui = s->ui;
	char b[64];
	int req = 0, cnt = 0;

	ui_draw_text(y, 0, 1, A_BOLD, sel ? ui_draw_sym(UI_SYM_MARK) : " ");
	ui_draw_text(y, NAME_X, NAME_W, sel ? A_BOLD : A_NORMAL, ui->units.v[unit].name);
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
	const char *name = s->ui->units.v[unit].name;
	char q[64], quota[128], cell[320], count[160], line[512];
	int met = 0, with = 0;

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
	if (with)
		snprintf(count, sizeof count, _("Units that met the quota: %d of %d."), met, with);
	else
		snprintf(count, sizeof count, "%s", _("No unit has a quota this quarter."));
	snprintf(line, sizeof line, "%s %s", cell, count);
	ui_draw_wrap(y, 1, COLS - 2, 2, A_NORMAL, line);
}

static void draw(struct ui *ui, void *p)
{
	struct screen *s = p;
	int head = ui_term_attr(ui, UI_A_HEAD), height = LINES - 9;
	char b[160];
	struct err e;

	if (height != s->list.height && ui_list_resize(&s->list, height, &e))
		ui_term_say(ui, true, "%s", e.msg);
	ui_term_title(ui, _("Quotas"));
	snprintf(b, sizeof b, "%s %d", _("Year"), s->year);
	int w = ui_draw_text(1, 1, 20, A_BOLD, b);
	snprintf(b, sizeof b, _("%s met   %s short   %s not yet met   %s no record"),
		 ui_draw_sym(UI_SYM_MET), ui_draw_sym(UI_SYM_SHORT),
		 ui_draw_sym(UI_SYM_OPEN), ui_draw_sym(UI_SYM_DASH));
	ui_draw_text(1, w + 4, COLS - w - 5, ui_term_attr(ui, UI_A_DIM), b);
	ui_draw_text(2, NAME_X, NAME_W, head, _("Unit"));
	for (int q = 1; q <= 4; q++) {
		snprintf(b, sizeof b, _("Q%d"), q);
		ui_draw_text(2, CELL_X + (q - 1) * (CELL_W + 1), CELL_W, head, b);
	}
	ui_draw_text(2, CELL_X + 4 * (CELL_W + 1), COLS - CELL_X - 4 * (CELL_W + 1) - 1, head,
		     _("Year"));
	for (size_t i = 0; i < s->list.rows.n; i++)
		draw_row(s, s->shown[ui_list_index(&s->list.rows.v[i])], 3 + (int)i,
			 i == s->list.sel);
	draw_totals(s, LINES - 6);
	const struct ui_row *row = ui_list_selected(&s->list);
	if (row)
		draw_words(s, s->shown[ui_list_index(row)], LINES - 4);
	ui_term_message(ui);
	ui_action_hints(ui, actions, N_ACTIONS, NULL, NULL);
}

static int open_cell(struct screen *s)
{
	const struct ui_row *row = ui_list_selected(&s->list);
	struct query_filter f = { 0 };

	if (!row)
		return 0;
	f.unit = s->ui->units.v[s->shown[ui_list_index(row)]].code;
	f.year = s->year;
	f.quarter = s->quarter;
	return ui_exlist_run(s->ui, &f);
}

/* Start on the person's own unit (staff), else on the first unit with a quota now. */
static void first_selection(struct screen *s, struct err *e)
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
	if (pick < s->n_shown && goto_row(s, pick, e))
		ui_term_say(s->ui, true, "%s", e->msg);
}

static int year_range(const struct screen *s, int dir)
{
	const struct config *cfg = register_config(s->ui->r);
	int now = date_year(register_today(s->ui->r));
	int lo = cfg->plan_from < now ? cfg->plan_from : now;
	int hi = cfg->plan_to > now ? cfg->plan_to : now;
	int y = s->year + dir;

	return y < lo ? lo : y > hi ? hi : y;
}

static int handle(void *ctx, int key)
{
	struct screen *s = ctx;
	const struct ui_action *a = ui_action_find(s->ui, actions, N_ACTIONS, key);

	if (ui_action_list_key(s->ui, &s->list, key))
		return UI_DONE;
	switch (key) {
	case '\t': s->quarter = s->quarter % 4 + 1; return UI_DONE;
	case UI_KEY(KEY_BTAB): s->quarter = (s->quarter + 2) % 4 + 1; return UI_DONE;
	case '1': case '2': case '3': case '4': s->quarter = key - '0'; return UI_DONE;
	}
	if (!a)
		return UI_DONE;
	switch (a->id) {
	case A_BACK:
		return UI_CLOSE;
	case A_YEAR_BACK: case A_YEAR_ON:
		s->year = year_range(s, a->id == A_YEAR_ON ? 1 : -1);
		reload(s->ui, s);
		return UI_DONE;
	case A_OPEN:
		return ui_action_result(open_cell(s));
	case A_HELP:
		return ui_action_result(ui_help_screen(s->ui, ui_quota_help));
	}
	return UI_DONE;
}

int ui_quota_run(struct ui *ui)
{
	struct screen s = { 0 };
	date_t today = register_today(ui->r);
	struct err e;
	int rc;

	s.ui = ui;
	model_plan_quarter(today, register_config(ui->r)->plan_from,
			   register_config(ui->r)->plan_to, &s.year, &s.quarter);
	s.cells = calloc(ui->units.n + 1, sizeof *s.cells);
	s.shown = calloc(ui->units.n + 1, sizeof *s.shown);
	if (!s.cells || !s.shown) {
		free(s.cells);
		free(s.shown);
		ui_term_say(ui, true, "%s", _("Out of memory."));
		return 0;
	}
	s.arr = (struct ui_list_array){ 0, NULL, NULL };
	struct ui_list_source src = { ui_list_array_fetch, NULL, &s.arr };
	ui_list_init(&s.list, &src, LINES - 9);
	if (load(&s, &e) || ui_list_home(&s.list, &e))
		ui_term_say(ui, true, "%s", e.msg);
	else
		first_selection(&s, &e);
	ui_term_push(ui, draw, reload, &s, true);
	rc = ui_action_run(ui, handle, &s);
	ui_term_pop(ui, &s);
	ui_list_free(&s.list);
	free(s.cells);
	free(s.shown);
	return rc;
}
