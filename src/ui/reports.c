/* reports.c - the Reports screen; see ui/reports.h. */
#include "ui/reports.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "i18n.h"
#include "report_build.h"
#include "report_plan.h"
#include "text.h"
#include "ui/action.h"
#include "ui/draw.h"
#include "ui/fmt.h"
#include "ui/listscreen.h"
#include "ui/savefile.h"

enum { A_KIND = UI_ACTION_OWN, A_EARLIER, A_LATER, A_XLSX, A_DOCX, A_CSV, A_TEXT };

static const struct ui_action actions[] = {
	{ UI_ACTION_MOVE,
	  { UI_KEY(KEY_DOWN), UI_KEY(KEY_UP), UI_KEY(KEY_NPAGE), UI_KEY(KEY_PPAGE) }, NULL, N_("Scroll the report (also j, k, Space, b, Home, End)."), 0 },
	{ A_KIND, { '\t', UI_KEY(KEY_BTAB), '1', '2', '3' }, N_("Report"),
	  N_("Choose the report: Tab and Shift-Tab go through them, or 1 the quarter report, "
	     "2 the year-end scores, 3 the whole plan period."), 0, "Tab, Shift-Tab, 1-3" },
	{ A_EARLIER, { UI_KEY(KEY_LEFT), '<', ',' }, N_("Earlier"),
	  N_("The quarter or year before."), 0 },
	{ A_LATER, { UI_KEY(KEY_RIGHT), '>', '.' }, N_("Later"), N_("The quarter or year after."),
	  0 },
	{ A_XLSX, { 'x' }, N_("Excel"),
	  N_("Save the report as an Excel workbook (.xlsx) in your home directory."), 0 },
	{ A_DOCX, { 'w' }, N_("Word"),
	  N_("Save the report as a Word document (.docx) in your home directory, ready for "
	     "the office's assessment, the number and the signature."), 0 },
	{ A_CSV, { 'c' }, N_("CSV"),
	  N_("Save the report as CSV (.csv) in your home directory; Excel opens it too."), 0 },
	/* Left out of the hint bar, which has no room for it (the help lists it). */
	{ A_TEXT, { 't' }, NULL,
	  N_("Save the report as plain text (.txt) in your home directory, laid out as on "
	     "the screen."), 0 },
	{ UI_ACTION_HELP, { '?', UI_KEY(KEY_F(1)) }, N_("Help"),
	  N_("Show the keys of this screen."), 0 },
	{ UI_ACTION_BACK, { 'q', UI_KEY(KEY_F(10)), 27 }, N_("Back"), N_("Back to the main menu."),
	  0 },
};
#define N_ACTIONS (sizeof actions / sizeof actions[0])

/* The reports by enum ui_report_kind, as the choice line names them. */
static const char *const kind_labels[UI_REPORT_KINDS_] = {
	N_("Quarter"), N_("Year"), N_("Whole plan period"),
};

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* y when a period holds it; else the last year of the period before it
 * (*q then its last quarter), or the first of the one after (its first). */
static int into_periods(const struct period_list *l, int y, int *q)
{
	const struct period *p = period_before(l, y);

	if (period_of_year(l, y) || (!p && !(p = period_after(l, y))))
		return y;
	*q = p->to < y ? 4 : 1;
	return p->to < y ? p->to : p->from;
}

void ui_reports_default_period(date_t today, const struct period_list *l, int *q_year,
			       int *quarter, int *year)
{
	int y = date_year(today), q = date_quarter(today) - 1;

	if (q == 0) {
		y--;
		q = 4;
	}
	*q_year = into_periods(l, y, &q);
	*quarter = q;
	*year = into_periods(l, date_year(today), &q);
}

void ui_reports_file_name(enum ui_report_kind kind, int year, int quarter, int plan_from,
			  int plan_to, char *buf, size_t size)
{
	if (kind == UI_REPORT_QUARTER)
		snprintf(buf, size, "bao-cao-quy-%d-%d", quarter, year);
	else if (kind == UI_REPORT_YEAR)
		snprintf(buf, size, "bao-cao-nam-%d", year);
	else
		snprintf(buf, size, "bao-cao-ke-hoach-%d-%d", plan_from, plan_to);
}

/*
 * The screen.  Invariant: rp is the report for the chosen kind and period
 * as last read, or NULL when reading it failed (the page then says why).
 */
struct screen {
	struct ui *ui;
	enum ui_report_kind kind;
	int q_year, quarter;     /* the quarter report's period */
	int year;                /* the year-end scores' year */
	int lo, hi;              /* the years one may step through */
	const struct period *plan; /* the plan report's period (the config's) */
	struct report *rp;
	char why[512];           /* why rp is NULL */
	char home[1024];         /* where files go; "" when the account has none */
	char saved[2048];        /* the last file saved, "" before the first */
	struct ui_listscreen ls; /* its page: rp laid out for the window's width */
};

/* Titles stand out in the preview as they do on paper. */
static int line_attr(const struct report *rp, const char *line)
{
	line += strspn(line, " ");
	if ((rp->title && strcmp(line, rp->title) == 0) ||
	    (rp->period && strcmp(line, rp->period) == 0))
		return A_BOLD;
	for (size_t i = 0; i < rp->nsections; i++)
		if (rp->sections[i].title && strcmp(line, rp->sections[i].title) == 0)
			return A_BOLD;
	return A_NORMAL;
}

/* Lay the report out for the page's width. */
static void layout(struct ui_listscreen *ls)
{
	struct screen *s = ls->ctx;
	struct report_lines lines = { NULL, 0 };
	struct err e;

	if (!s->rp) {
		ui_pager_text(&ls->page, 0, ui_term_attr(s->ui, UI_A_ERROR), s->why);
		return;
	}
	if (report_text_lines(s->rp, ls->page.width, &lines, &e)) {
		ui_pager_text(&ls->page, 0, ui_term_attr(s->ui, UI_A_ERROR), e.msg);
		return;
	}
	for (size_t i = 0; i < lines.n; i++)
		if (ui_pager_text(&ls->page, 0, line_attr(s->rp, lines.v[i]), lines.v[i])) {
			ui_term_say(s->ui, true, "%s", _("Out of memory."));
			break;
		}
	report_lines_free(&lines);
}

/* Read the chosen report from the register. */
static int load(struct ui_listscreen *ls, struct err *why)
{
	struct screen *s = ls->ctx;
	struct err e = { 0 };
	int rc;

	report_free(s->rp);
	s->rp = NULL;
	if (s->kind == UI_REPORT_QUARTER)
		rc = report_build_quarter(s->ui->r, s->q_year, s->quarter, &s->rp, &e);
	else if (s->kind == UI_REPORT_YEAR)
		rc = report_build_year(s->ui->r, s->year, &s->rp, &e);
	else
		rc = report_plan_build(s->ui->r, s->plan->from, &s->rp, &e);
	if (rc) { /* the builders give a report only on success */
		snprintf(s->why, sizeof s->why, "%s", e.msg);
		*why = e;
	}
	return rc;
}

/* The period in words: "Quarter 2/2025", "Year 2024", "Kế hoạch 2021–2025". */
static void period_text(const struct screen *s, char *buf, size_t size)
{
	if (s->kind == UI_REPORT_QUARTER)
		ui_fmt_quarter(s->q_year, s->quarter, buf, size);
	else if (s->kind == UI_REPORT_YEAR)
		snprintf(buf, size, "%s %d", _("Year"), s->year);
	else
		period_name(s->plan, buf, size);
}

/* Line 1: the three reports, the chosen one marked, then its period. */
static void draw_choice(struct screen *s)
{
	struct ui *ui = s->ui;
	int x = 1, cur = 1;
	char b[PERIOD_NAME_SIZE + 64], p[PERIOD_NAME_SIZE];

	x += ui_draw_text(1, x, COLS - x - 1, A_NORMAL, _("Report:")) + 1;
	for (int k = 0; k < UI_REPORT_KINDS_; k++) {
		bool sel = (int)s->kind == k;
		/* A mark as well as the attribute: colour is never the only signal. */
		snprintf(b, sizeof b, "%s%d %s ", sel ? ui_draw_sym(UI_SYM_MARK) : " ", k + 1,
			 _(kind_labels[k]));
		if (sel)
			cur = x;
		x += ui_draw_text(1, x, COLS - x - 1, sel ? ui_term_attr(ui, UI_A_SELECT) : 0,
				  b) + 1;
	}
	period_text(s, p, sizeof p);
	if (s->kind == UI_REPORT_PLAN && register_config(ui->r)->periods.n == 1)
		snprintf(b, sizeof b, "%s", p);
	else
		snprintf(b, sizeof b, "%s %s %s", ui_draw_sym(UI_SYM_LEFT), p,
			 ui_draw_sym(UI_SYM_RIGHT));
	ui_draw_text(1, x + 2, COLS - x - 3, A_BOLD, b);
	ui_term_cursor(ui, 1, cur);
}

/* Line 2: where files go (or the last one that went there), and which lines are shown. */
static void draw_where(struct screen *s)
{
	struct ui *ui = s->ui;
	const struct ui_pager *p = &s->ls.page;
	size_t n = p->n, first = n ? p->top + 1 : 0;
	size_t last = p->top + (size_t)ui_listscreen_height(&s->ls);
	char b[2200], right[96];

	snprintf(right, sizeof right, _("lines %zu-%zu of %zu"), first, last < n ? last : n, n);
	int rw = text_width(right);
	ui_draw_text(2, COLS - rw - 1, rw, ui_term_attr(ui, UI_A_DIM), right);
	if (s->saved[0]) {
		snprintf(b, sizeof b, _("Saved: %s"), s->saved);
		ui_draw_text(2, 1, COLS - rw - 4, ui_term_attr(ui, UI_A_NOTE), b);
	} else if (s->home[0]) {
		snprintf(b, sizeof b, _("Files are saved in: %s"), s->home);
		ui_draw_text(2, 1, COLS - rw - 4, ui_term_attr(ui, UI_A_DIM), b);
	}
}

static bool enabled(int id, void *ctx)
{
	const struct screen *s = ctx;

	if (id == A_EARLIER || id == A_LATER)
		return s->kind != UI_REPORT_PLAN || register_config(s->ui->r)->periods.n > 1;
	if (id == A_XLSX || id == A_DOCX || id == A_CSV || id == A_TEXT)
		return s->rp != NULL;
	return true;
}

static void draw(struct ui_listscreen *ls)
{
	draw_choice(ls->ctx);
	draw_where(ls->ctx);
}

/* One quarter, year or period on or back, within those offered; false when
 * already at the end. */
static bool step(struct screen *s, int dir)
{
	const struct period_list *l = &register_config(s->ui->r)->periods;

	if (s->kind == UI_REPORT_PLAN) {
		size_t i = (size_t)(s->plan - l->v);
		if ((dir < 0 && i == 0) || (dir > 0 && i + 1 == l->n))
			return false;
		s->plan += dir;
		return true;
	}
	if (s->kind == UI_REPORT_YEAR) {
		int y = clamp(s->year + dir, s->lo, s->hi);
		bool moved = y != s->year;
		s->year = y;
		return moved;
	}
	int n = clamp(s->q_year * 4 + s->quarter - 1 + dir, s->lo * 4, s->hi * 4 + 3);
	bool moved = n != s->q_year * 4 + s->quarter - 1;
	s->q_year = n / 4;
	s->quarter = n % 4 + 1;
	return moved;
}

static void save(struct screen *s, enum report_format fmt)
{
	char base[96], path[sizeof s->saved];
	struct err e;

	if (!s->rp) {
		ui_term_say(s->ui, true, "%s", _("There is no report to save."));
		return;
	}
	if (!s->home[0] && ui_savefile_home(s->home, sizeof s->home, &e)) {
		ui_term_say(s->ui, true, "%s", e.msg);
		return;
	}
	ui_reports_file_name(s->kind, s->kind == UI_REPORT_QUARTER ? s->q_year : s->year,
			     s->quarter, s->plan->from, s->plan->to, base, sizeof base);
	if (ui_savefile_report(s->rp, fmt, s->home, base, s->ls.page.width, path, sizeof path,
			       &e)) {
		ui_term_say(s->ui, true, "%s", e.msg);
		return;
	}
	snprintf(s->saved, sizeof s->saved, "%s", path);
	ui_term_say(s->ui, false, _("The report is saved in your home directory as %s"), path);
}

static void choose(struct screen *s, enum ui_report_kind k)
{
	if (k == s->kind)
		return;
	s->kind = k;
	ui_listscreen_reload(&s->ls, true);
}

static int act(struct ui_listscreen *ls, const struct ui_action *a)
{
	struct screen *s = ls->ctx;

	switch (a->id) {
	case A_KIND:
		if (ls->key >= '1' && ls->key <= '3')
			choose(s, (enum ui_report_kind)(ls->key - '1'));
		else
			choose(s, (enum ui_report_kind)((s->kind + (ls->key == '\t' ? 1 : 2)) %
							UI_REPORT_KINDS_));
		return UI_DONE;
	case A_EARLIER: case A_LATER:
		if (s->kind == UI_REPORT_PLAN && register_config(s->ui->r)->periods.n == 1)
			ui_term_say(s->ui, true, "%s", _("The plan report covers the whole plan "
							 "period; it has no quarter or year to "
							 "change."));
		else if (step(s, a->id == A_LATER ? 1 : -1))
			ui_listscreen_reload(ls, false);
		else
			ui_term_say(s->ui, true, _("Reports go from %d to %d."), s->lo, s->hi);
		return UI_DONE;
	case A_XLSX: save(s, REPORT_FORMAT_XLSX); return UI_DONE;
	case A_DOCX: save(s, REPORT_FORMAT_DOCX); return UI_DONE;
	case A_CSV: save(s, REPORT_FORMAT_CSV); return UI_DONE;
	case A_TEXT: save(s, REPORT_FORMAT_TEXT); return UI_DONE;
	}
	return UI_DONE;
}

static const struct ui_listscreen_class screen = {
	.help = { N_("Reports"),
		  N_("The first line chooses the report and its quarter or year; the report "
		     "under it is laid out for the width of your window and follows what others "
		     "save. The save keys write a new file into your home directory on the "
		     "server and say its full name; a file already there is never replaced (the "
		     "new one gets a number: -2, -3...). Copy it to your computer the way you "
		     "copy other files from the server, for example with WinSCP."),
		  actions, N_ACTIONS },
	.top = 3, .paged = true, .load = load, .fill = layout, .draw = draw, .act = act,
	.enabled = enabled,
};

void ui_reports_help(struct ui_help_section *s)
{
	*s = screen.help;
}

int ui_reports_run(struct ui *ui)
{
	const struct config *cfg = register_config(ui->r);
	int now = date_year(register_today(ui->r));
	struct screen s;
	struct err e;
	int rc;

	memset(&s, 0, sizeof s);
	s.ui = ui;
	/* The periods' years, and this year when it lies outside them (as on the quota screen). */
	s.lo = cfg->periods.v[0].from < now ? cfg->periods.v[0].from : now;
	s.hi = cfg->periods.v[cfg->periods.n - 1].to > now ? cfg->periods.v[cfg->periods.n - 1].to
							    : now;
	ui_reports_default_period(register_today(ui->r), &cfg->periods, &s.q_year, &s.quarter,
				  &s.year);
	s.plan = period_current_or_last(&cfg->periods, register_today(ui->r));
	/* Told now, so the screen can say where files will go before the first one. */
	if (ui_savefile_home(s.home, sizeof s.home, &e))
		s.home[0] = 0;
	ui_listscreen_init(&s.ls, &screen, ui, &s);
	rc = ui_listscreen_run(&s.ls);
	report_free(s.rp);
	return rc;
}
