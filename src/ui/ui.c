/* ui.c - the session and its main menu; see ui.h. */
#include "ui.h"

#include <curses.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "config.h"
#include "i18n.h"
#include "query.h"
#include "roles.h"
#include "ui/action.h"
#include "ui/auditlog.h"
#include "ui/importer.h"
#include "ui/detail.h"
#include "ui/draw.h"
#include "ui/exform.h"
#include "ui/exlist.h"
#include "ui/fmt.h"
#include "ui/listscreen.h"
#include "ui/quota.h"
#include "ui/reports.h"
#include "ui/review.h"
#include "ui/unitlist.h"

enum { M_UNITS = 1, M_EXEMPLARS, M_QUOTA, M_REVIEW, M_LOG, M_REPORTS, M_IMPORT, M_HELP,
       M_QUIT };

/* One entry of the main menu; `read_desc`, when set, describes it to a viewer. */
struct item {
	int id;
	const char *label;
	const char *desc;
	bool office;
	const char *read_desc;
};

static const struct item items[] = {
	{ M_UNITS, N_("Units"), N_("each unit's quota this quarter, by emulation block"), false },
	{ M_EXEMPLARS, N_("Exemplar profiles"), N_("find, read, add and edit profiles"), false,
	  N_("find and read profiles") },
	{ M_QUOTA, N_("Quotas"), N_("every unit's introductions per quarter of a year"), false },
	{ M_REVIEW, N_("Review profiles"), N_("introduced profiles, oldest first"), true },
	{ M_LOG, N_("Audit log"), N_("who changed what, and when"), false },
	{ M_REPORTS, N_("Reports"), N_("quarter, year and plan reports: read, save"), false },
	{ M_IMPORT, N_("Import from a file"), N_("the office's Excel sheets and CSV files"), true },
	{ M_HELP, N_("Help"), N_("keys and how to use the program"), false },
	{ M_QUIT, N_("Quit"), NULL, false },
};
#define N_ITEMS (sizeof items / sizeof items[0])

enum { A_UP = 1, A_DOWN, A_OPEN, A_NUMBER, A_HELP, A_QUIT };

static const struct ui_action menu_actions[] = {
	{ A_DOWN, { UI_KEY(KEY_DOWN), 'j' }, NULL, N_("Next item."), 0 },
	{ A_UP, { UI_KEY(KEY_UP), 'k' }, NULL, N_("Previous item."), 0 },
	{ A_OPEN, { '\r', 'l', UI_KEY(KEY_RIGHT) }, N_("Open"), N_("Open the chosen item."), 0 },
	{ A_NUMBER, { '0', '1', '2', '3', '4', '5' }, NULL,
	  N_("Open the item with that number at once (0 quits)."), 0, "0-9" },
	{ A_HELP, { '?', UI_KEY(KEY_F(1)) }, N_("Help"), N_("Show the keys of this screen."), 0 },
	{ A_QUIT, { 'q', UI_KEY(KEY_F(10)) }, N_("Quit"), N_("End the program."), 0 },
};
#define N_ACTIONS (sizeof menu_actions / sizeof menu_actions[0])

/* The menu as this person sees it, and the quarter's summary shown under it. */
struct menu {
	struct ui *ui;
	const struct item *shown[N_ITEMS];
	size_t n, sel;
	int year, quarter;
	int with_quota, met;
	const struct role_entry *role;
	char own[256];          /* staff: their units' state this quarter */
};

/* Is `code` one of the units this staff member answers for? */
static int count_quota(const struct query_quota *q, void *ctx)
{
	struct menu *m = ctx;
	size_t used = strlen(m->own);
	char count[64], name[128];

	if (q->required) {
		m->with_quota++;
		m->met += q->state == QUOTA_MET;
	}
	/* Staff see their own units' state on the menu; "1/0" would read as a
	 * quota of nothing, so a unit without one says so, as the units screen does. */
	if (!roles_own_unit(m->role, q->unit->code) || used + 100 >= sizeof m->own)
		return 0;
	ui_fmt_unit_label(m->ui, q->unit->code, name, sizeof name);
	if (q->required)
		snprintf(m->own + used, sizeof m->own - used, "%s%s %d/%d (%s)", used ? "; " : "",
			 name, q->counted, q->required, model_quota_label(q->state));
	else {
		/* outside every period the summary above says why there is no quota */
		snprintf(count, sizeof count, q->period ? _("%d (no quota)") : "%d", q->counted);
		snprintf(m->own + used, sizeof m->own - used, "%s%s %s", used ? "; " : "",
			 name, count);
	}
	return 0;
}

static void menu_reload(struct ui *ui, void *p)
{
	struct menu *m = p;
	date_t today = register_today(ui->r);
	struct err e;

	m->year = date_year(today);
	m->quarter = date_quarter(today);
	m->with_quota = m->met = 0;
	m->own[0] = 0;
	m->role = config_role(register_config(ui->r), register_user(ui->r));
	if (query_quota(ui->r, m->year, m->quarter, count_quota, m, &e))
		ui_term_say(ui, true, "%s", e.msg);
}

/* The menu's heading: unit staff's own units, everyone else the office keeping the
 * register (the current period's, if it names one). */
static const char *menu_heading(const struct menu *m, char *buf, size_t size)
{
	const struct role_entry *re = m->role;
	size_t used = 0;

	if (!re || re->role != ROLE_STAFF || !re->n_units)
		return config_heading(register_config(m->ui->r), m->year).issuer;
	buf[0] = 0;
	for (size_t i = 0; i < re->n_units && used < size; i++)
		used += (size_t)snprintf(buf + used, size - used, "%s%s", i ? ", " : "",
					 ui_fmt_unit(m->ui, re->units[i]));
	return buf;
}

/* Today's quarter with the days left and the quotas met, or, outside
 * every period, why no quota applies. */
static const char *summary(struct ui *ui, const struct menu *m, char *buf, size_t size)
{
	const struct period_list *l = &register_config(ui->r)->periods;
	char q[64], when[64], why[PERIOD_WHY_SIZE];

	ui_fmt_quarter(m->year, m->quarter, q, sizeof q);
	ui_fmt_quarter_left(ui, m->year, m->quarter, when, sizeof when);
	if (!period_of_year(l, m->year)) {
		period_outside_text(l, m->year, why, sizeof why);
		snprintf(buf, size, "%s: %s.", q, why);
	} else if (m->with_quota) {
		snprintf(buf, size, _("%s (%s): %d of %d units with a quota have met it."), q, when,
			 m->met, m->with_quota);
	} else {
		snprintf(buf, size, _("%s (%s): no unit has a quota this quarter."), q, when);
	}
	return buf;
}

/* The office is told where to declare the next period when none holds
 * today; false when there is nothing to say. */
static bool next_period_hint(struct ui *ui, char *buf, size_t size)
{
	const struct config *cfg = register_config(ui->r);

	if (!register_is_office(ui->r) ||
	    period_of_year(&cfg->periods, date_year(register_today(ui->r))))
		return false;
	snprintf(buf, size, _("To go on, declare the next plan period in %s: a [period.CODE] "
			      "section with its name and years (the administrator's guide shows "
			      "how)."), cfg->path);
	return true;
}

static void menu_draw(struct ui *ui, void *p)
{
	struct menu *m = p;
	const struct config *cfg = register_config(ui->r);
	int y = 2;
	char line[PERIOD_WHY_SIZE + 512], units[256];
	const char *head = menu_heading(m, units, sizeof units);

	ui_term_title(ui, _("Advanced exemplars"));
	if (head && *head)
		ui_draw_text(y++, 4, COLS - 8, A_BOLD, head);
	ui_draw_text(y++, 4, COLS - 8, A_NORMAL,
		     _("Register of advanced exemplars"));
	y++;
	for (size_t i = 0; i < m->n; i++, y++) {
		const struct item *it = m->shown[i];
		bool sel = i == m->sel;
		int a = sel ? ui_term_attr(ui, UI_A_SELECT) : 0;
		snprintf(line, sizeof line, " %zu  %s ", it->id == M_QUIT ? (size_t)0 : i + 1,
			 _(it->label));
		ui_draw_text(y, 4, 2, A_NORMAL, sel ? ui_draw_sym(UI_SYM_MARK) : " ");
		ui_draw_cell(y, 6, 22, a, line);
		const char *desc = it->read_desc && !register_may_add(ui->r, NULL, NULL)
				   ? it->read_desc : it->desc;
		if (desc)
			ui_draw_text(y, 30, COLS - 32, ui_term_attr(ui, UI_A_DIM), _(desc));
		if (sel)
			ui_term_cursor(ui, y, 6);
	}
	y++;
	const struct period *now = period_of_year(&cfg->periods, m->year);
	if (now) { /* the current period, named */
		period_name(now, line, sizeof line);
		ui_draw_text(y++, 4, COLS - 8, A_BOLD, line);
	}
	y += ui_draw_wrap(y, 4, COLS - 8, 2, A_NORMAL, summary(ui, m, line, sizeof line));
	if (m->own[0]) {
		snprintf(line, sizeof line, _("Your units: %s."), m->own);
		ui_draw_wrap(y, 4, COLS - 8, 2, A_BOLD, line);
	} else if (next_period_hint(ui, line, sizeof line)) {
		ui_draw_wrap(y, 4, COLS - 8, 3, ui_term_attr(ui, UI_A_NOTE), line);
	}
	ui_term_message(ui);
	ui_action_hints(ui, menu_actions, N_ACTIONS, NULL, NULL);
}

static const struct ui_help_section menu_help = { N_("Main menu"), NULL, menu_actions,
						    N_ACTIONS };

/* The help's first part: how to use the program at all. */
static const struct ui_help_section general = {
	N_("Using dienhinh"),
	N_("Move with the arrow keys and open with Enter; every screen also takes the letters "
	   "shown on its last line, and q goes back to the screen before (on the main menu, q "
	   "ends the program). ? or F1 shows the keys of the screen you are on. Type Vietnamese "
	   "with Unikey or EVKey set to Unicode; one Backspace removes one letter with its "
	   "marks. In a form, Tab or Enter goes to the next field, Ctrl-O or F2 saves and "
	   "Ctrl-X or F10 leaves. What other people save appears on your screen within a "
	   "second, without pressing a key. Ctrl-L draws the screen again when something "
	   "else has written on it."),
	NULL, 0,
};

static int general_help(struct ui *ui)
{
	struct ui_help_section s[14];
	size_t n = 0;

	s[n++] = general;
	s[n++] = menu_help;
	ui_unitlist_help(&s[n++]);
	ui_exlist_help(&s[n++]);
	ui_detail_help(&s[n++]);
	ui_exform_help(&s[n++]);
	ui_quota_help(&s[n++]);
	if (register_is_office(ui->r))
		ui_review_help(&s[n++]);
	if (query_log_allowed(ui->r, NULL) == 0)
		ui_auditlog_help(&s[n++]);
	if (register_is_office(ui->r)) {
		ui_importer_help(&s[n]);
		n += 2;
	}
	ui_reports_help(&s[n++]);
	return ui_listscreen_help(ui, s, n);
}

/* Is the item on this person's menu?  The audit log follows the trail's rule (roles.h). */
static bool item_shown(struct reg *r, const struct item *it)
{
	if (it->id == M_LOG)
		return query_log_allowed(r, NULL) == 0;
	return !it->office || register_is_office(r);
}

/* Open a menu item: a handler result (Quit closes the menu, and so the program). */
static int open_item(struct ui *ui, struct menu *m, size_t i)
{
	m->sel = i;
	switch (m->shown[i]->id) {
	case M_UNITS: return ui_action_result(ui_unitlist_run(ui));
	case M_EXEMPLARS: return ui_action_result(ui_exlist_run(ui, NULL));
	case M_QUOTA: return ui_action_result(ui_quota_run(ui));
	case M_REVIEW: return ui_action_result(ui_review_run(ui));
	case M_LOG: return ui_action_result(ui_auditlog_run(ui));
	case M_REPORTS: return ui_action_result(ui_reports_run(ui));
	case M_IMPORT: return ui_action_result(ui_importer_run(ui));
	case M_HELP: return ui_action_result(general_help(ui));
	default: return UI_CLOSE;
	}
}

static int menu_key(void *ctx, int key)
{
	struct menu *m = ctx;
	const struct ui_action *a = ui_action_find(m->ui, menu_actions, N_ACTIONS, key);

	if (key >= '0' && key <= '9') {
		/* Quit, the last item, is numbered 0; a number shown on no item does nothing. */
		size_t quit = m->n - 1, i = key == '0' ? quit : (size_t)(key - '1');
		return i < quit || key == '0' ? open_item(m->ui, m, i) : UI_DONE;
	}
	if (!a)
		return UI_DONE;
	switch (a->id) {
	case A_DOWN:
		m->sel = (m->sel + 1) % m->n;
		return UI_DONE;
	case A_UP:
		m->sel = (m->sel + m->n - 1) % m->n;
		return UI_DONE;
	case A_OPEN:
		return open_item(m->ui, m, m->sel);
	case A_HELP:
		return ui_action_result(ui_listscreen_help(m->ui, &menu_help, 1));
	default:
		return UI_CLOSE;
	}
}

int ui_main(struct reg *r)
{
	struct ui ui;
	struct menu m = { 0 };
	struct err e;

	if (ui_term_start(&ui, r, &e)) {
		fprintf(stderr, "dienhinh: %s\n", e.msg);
		return 1;
	}
	if (register_units(r, &ui.units, &e)) {
		ui_term_stop(&ui);
		fprintf(stderr, "dienhinh: %s\n", e.msg);
		return 1;
	}
	m.ui = &ui;
	for (size_t i = 0; i < N_ITEMS; i++)
		if (item_shown(r, &items[i]))
			m.shown[m.n++] = &items[i];
	menu_reload(&ui, &m);
	ui_term_push(&ui, menu_draw, menu_reload, &m, true);
	ui_action_run(&ui, menu_key, &m);
	ui_term_pop(&ui, &m);
	ui_term_stop(&ui);
	units_free(&ui.units);
	/* A signal ends the session as the shell expects; a lost terminal is a failure. */
	if (ui.quit_signal)
		return 128 + ui.quit_signal;
	return ui.quit ? 1 : 0;
}
