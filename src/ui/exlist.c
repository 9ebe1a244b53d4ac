/* exlist.c - the exemplar list; see ui/exlist.h. */
#include "ui/exlist.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "i18n.h"
#include "keys.h"
#include "ui/action.h"
#include "ui/detail.h"
#include "ui/draw.h"
#include "ui/edit.h"
#include "ui/exform.h"
#include "ui/fmt.h"
#include "ui/listscreen.h"
#include "ui/prompt.h"

enum {
	A_OPEN = UI_ACTION_OWN, A_NEW, A_EDIT, A_SEARCH, A_FILTER, A_UNIT, A_PERIOD, A_CATEGORY,
	A_STATUS, A_CLEAR
};

static const struct ui_action actions[] = {
	{ UI_ACTION_MOVE, { UI_KEY(KEY_DOWN), UI_KEY(KEY_UP), 'j', 'k' }, NULL,
	  N_("Move (also PgUp, PgDn, Home, End)."), 0 },
	{ A_OPEN, { '\r', 'l', UI_KEY(KEY_RIGHT) }, N_("Open"),
	  N_("Show every field and the history of the chosen exemplar."), 0 },
	{ A_NEW, { 'n', UI_KEY(KEY_F(7)) }, N_("New"), N_("Enter a new exemplar."),
	  UI_ACT_WRITER },
	{ A_EDIT, { 'e', UI_KEY(KEY_F(4)) }, N_("Edit"), N_("Edit the chosen exemplar."),
	  UI_ACT_WRITER },
	{ A_SEARCH, { '/', UI_KEY(KEY_F(3)) }, N_("Find"),
	  N_("Find by name as you type; accents and capitals do not matter (\"nguyen\" finds "
	     "the name written with all its marks). Enter keeps the search, Ctrl-X clears it."),
	  0 },
	{ A_FILTER, { 'f', UI_KEY(KEY_F(5)) }, N_("Filter"),
	  N_("Choose which filter to change."), 0 },
	{ A_UNIT, { 'u' }, NULL, N_("Show one unit's exemplars, or every unit's."), 0 },
	{ A_PERIOD, { 'y' }, NULL, N_("Show one year or one quarter, or all."), 0 },
	{ A_CATEGORY, { 'c' }, NULL, N_("Show one category or type, or all."), 0 },
	{ A_STATUS, { 's' }, NULL, N_("Show one status, or all."), 0 },
	{ A_CLEAR, { 'x' }, NULL, N_("Clear every filter and the search."), 0 },
	{ UI_ACTION_HELP, { '?', UI_KEY(KEY_F(1)) }, N_("Help"),
	  N_("Show the keys of this screen."), 0 },
	{ UI_ACTION_BACK, { 'q', 'h', UI_KEY(KEY_LEFT), UI_KEY(KEY_F(10)), 27 }, N_("Back"),
	  N_("Back to the screen before."), 0 },
};
#define N_ACTIONS (sizeof actions / sizeof actions[0])

/* What a row shows, copied out of the read transaction. */
struct item {
	uint64_t id;
	char unit[CODE_MAX + 1];
	enum ex_status status;
	date_t date;
	char name[];
};

struct screen {
	struct ui *ui;
	struct query_filter f;     /* unit and search point into this struct */
	char unit[CODE_MAX + 1];
	char *search;
	struct ui_edit sedit;
	bool searching;
	struct ui_listscreen ls;
};

/* ---- rows -------------------------------------------------------------------- */

struct fetch {
	struct ui_rows *out;
	size_t max;
	bool failed;
};

static int take_row(const struct list_row *row, void *p)
{
	struct fetch *c = p;
	size_t len = strlen(row->name);
	struct item *it = malloc(sizeof *it + len + 1);

	if (!it) {
		c->failed = true;
		return 1;
	}
	it->id = row->id;
	snprintf(it->unit, sizeof it->unit, "%s", row->unit);
	it->status = row->status;
	it->date = row->date;
	memcpy(it->name, row->name, len + 1);
	if (ui_rows_add(c->out, row->key, row->key_len, it, false, free)) {
		c->failed = true;
		return 1;
	}
	return c->out->n >= c->max;
}

static int fetch(void *ctx, const uint8_t *from, size_t from_len, bool backward, size_t max,
		 struct ui_rows *out, struct err *e)
{
	struct screen *s = ctx;
	struct fetch c = { out, max, false };

	if (query_scan(s->ui->r, &s->f, from, from_len, backward, take_row, &c, e))
		return -1;
	return c.failed ? err_nomem(e) : 0;
}

/* ---- drawing ----------------------------------------------------------------- */

#define ID_W 6
#define UNIT_W 14
#define STATUS_W 14
#define DATE_W 10

static int name_width(void)
{
	return COLS - 2 - ID_W - 1 - (UNIT_W + 1) - (STATUS_W + 1) - (DATE_W + 1);
}

static void draw_row(struct ui_listscreen *ls, const struct ui_row *row, int y)
{
	const struct item *it = row->item;
	int nw = name_width(), x = 2 + ID_W + 1 + nw + 1;
	char id[24], date[DATE_TEXT_SIZE];

	snprintf(id, sizeof id, "%llu", (unsigned long long)it->id);
	ui_fmt_date(it->date, date);
	ui_draw_right(y, 2, ID_W, A_NORMAL, id);
	ui_draw_text(y, 2 + ID_W + 1, nw, A_NORMAL, it->name);
	ui_draw_text(y, x, UNIT_W, A_NORMAL, ui_fmt_unit(ls->ui, it->unit));
	ui_draw_text(y, x + UNIT_W + 1, STATUS_W, A_NORMAL, model_status_label(it->status));
	ui_draw_text(y, x + UNIT_W + 1 + STATUS_W + 1, DATE_W, A_NORMAL, date);
}

/* "Filter: unit X | Quarter 3/2025 | ..." */
static void filter_text(const struct screen *s, char *buf, size_t size)
{
	const struct query_filter *f = &s->f;
	const char *sep = ui_draw_sym(UI_SYM_SEP);
	size_t n = (size_t)snprintf(buf, size, "%s", _("Filter:"));
	char q[64];

#define ADD(...) do { if (n < size) n += (size_t)snprintf(buf + n, size - n, __VA_ARGS__); } \
	while (0)
	if (f->unit)
		ADD(" %s", ui_fmt_unit(s->ui, f->unit));
	if (f->year && f->quarter) {
		ui_fmt_quarter(f->year, f->quarter, q, sizeof q);
		ADD(" %s %s", f->unit ? sep : "", q);
	} else if (f->year) {
		ADD(" %s %s %d", f->unit ? sep : "", _("Year"), f->year);
	}
	bool any = f->unit || f->year;
	if (f->category)
		ADD(" %s %s", any ? sep : "", model_category_label(f->category));
	else if (f->type)
		ADD(" %s %s", any ? sep : "", model_type_label(f->type));
	any = any || f->category || f->type;
	if (f->status)
		ADD(" %s %s", any ? sep : "", model_status_label(f->status));
	any = any || f->status;
	if (!any)
		ADD(" %s", _("none, every exemplar is listed"));
#undef ADD
}

static void draw(struct ui_listscreen *ls)
{
	struct screen *s = ls->ctx;
	struct ui *ui = ls->ui;
	char line[512];
	int nw = name_width(), head = ui_term_attr(ui, UI_A_HEAD);

	filter_text(s, line, sizeof line);
	ui_draw_text(1, 1, COLS - 2, A_NORMAL, line);
	int x = 2 + ID_W + 1 + nw + 1;
	ui_draw_right(3, 2, ID_W, head, _("No."));
	ui_draw_text(3, 2 + ID_W + 1, nw, head, _("Name"));
	ui_draw_text(3, x, UNIT_W, head, _("Unit"));
	ui_draw_text(3, x + UNIT_W + 1, STATUS_W, head, _("Status"));
	ui_draw_text(3, x + UNIT_W + 1 + STATUS_W + 1, DATE_W, head, _("Date"));
	if (s->searching || (s->search && *s->search)) {
		int lw = ui_draw_text(2, 1, 12, A_BOLD, _("Find: ")), cx;
		ui_edit_draw(&s->sedit, 2, 1 + lw, 40, ui_term_attr(ui, UI_A_FIELD), &cx);
		if (s->searching) {
			ui_draw_text(2, 1 + lw + 41, COLS - lw - 43, ui_term_attr(ui, UI_A_DIM),
				     _("Enter: keep  Ctrl-X: clear"));
			ui_term_cursor(ui, 2, cx);
		}
	} else {
		ui_draw_text(2, 1, COLS - 2, ui_term_attr(ui, UI_A_DIM),
			     _("Press / to find by name."));
	}
}

/* ---- filters ------------------------------------------------------------------- */

static int pick_unit(struct screen *s)
{
	size_t n = s->ui->units.n + 1, chosen, initial = 0;
	const char **labels = malloc(n * sizeof *labels);
	int rc;

	if (!labels)
		return 0;
	labels[0] = _("Every unit");
	for (size_t i = 0; i + 1 < n; i++) {
		labels[i + 1] = s->ui->units.v[i].name;
		if (s->f.unit && strcmp(s->f.unit, s->ui->units.v[i].code) == 0)
			initial = i + 1;
	}
	rc = ui_prompt_pick(s->ui, _("Unit"), labels, n, initial, &chosen);
	free(labels);
	if (rc == 1) {
		s->f.unit = NULL;
		if (chosen) {
			snprintf(s->unit, sizeof s->unit, "%s", s->ui->units.v[chosen - 1].code);
			s->f.unit = s->unit;
		}
		ui_listscreen_reload(&s->ls, true);
	}
	return rc;
}

static int pick_period(struct screen *s)
{
	const struct config *cfg = register_config(s->ui->r);
	int last = date_year(register_today(s->ui->r));
	int first = cfg->periods.v[0].from < last ? cfg->periods.v[0].from : last;
	size_t n = 1 + (size_t)(last - first + 1) * 5, k = 1, chosen, initial = 0;
	char (*text)[64] = calloc(n, sizeof *text);
	const char **labels = calloc(n, sizeof *labels);
	int rc = 0;

	if (!text || !labels)
		goto out;
	labels[0] = _("Any time");
	for (int y = last; y >= first; y--)
		for (int q = 0; q <= 4; q++, k++) {
			if (q)
				ui_fmt_quarter(y, q, text[k], sizeof text[k]);
			else
				snprintf(text[k], sizeof text[k], "%s %d", _("Year"), y);
			labels[k] = text[k];
			if (s->f.year == y && s->f.quarter == q)
				initial = k;
		}
	rc = ui_prompt_pick(s->ui, _("Period"), labels, n, initial, &chosen);
	if (rc == 1) {
		s->f.year = chosen ? last - (int)((chosen - 1) / 5) : 0;
		s->f.quarter = chosen ? (int)((chosen - 1) % 5) : 0;
		ui_listscreen_reload(&s->ls, true);
	}
out:
	free(text);
	free(labels);
	return rc;
}

static int pick_category(struct screen *s)
{
	const char *labels[3 + CAT_COUNT_];
	size_t n = 0, chosen, initial = 0;
	int rc;

	labels[n++] = _("Every category");
	labels[n++] = model_type_label(TYPE_COLLECTIVE);
	labels[n++] = model_type_label(TYPE_INDIVIDUAL);
	if (!s->f.category && s->f.type)
		initial = (size_t)s->f.type;
	for (int c = 1; c < CAT_COUNT_; c++) {
		if (s->f.category == (enum ex_category)c)
			initial = n;
		labels[n++] = model_category_label((enum ex_category)c);
	}
	rc = ui_prompt_pick(s->ui, _("Category"), labels, n, initial, &chosen);
	if (rc == 1) {
		s->f.type = chosen == 1 || chosen == 2 ? (enum ex_type)chosen : 0;
		s->f.category = chosen >= 3 ? (enum ex_category)(chosen - 2) : 0;
		ui_listscreen_reload(&s->ls, true);
	}
	return rc;
}

static int pick_status(struct screen *s)
{
	const char *labels[STATUS_COUNT_];
	size_t chosen;
	int rc;

	labels[0] = _("Every status");
	for (int i = 1; i < STATUS_COUNT_; i++)
		labels[i] = model_status_label((enum ex_status)i);
	rc = ui_prompt_pick(s->ui, _("Status"), labels, STATUS_COUNT_, (size_t)s->f.status,
			    &chosen);
	if (rc == 1) {
		s->f.status = (enum ex_status)chosen;
		ui_listscreen_reload(&s->ls, true);
	}
	return rc;
}

static void set_search(struct screen *s)
{
	free(s->search);
	s->search = ui_edit_get(&s->sedit);
	s->f.search = s->search && *s->search ? s->search : NULL;
	ui_listscreen_reload(&s->ls, true);
}

static void clear_filters(struct screen *s)
{
	s->f = (struct query_filter){ 0 };
	ui_edit_set(&s->sedit, "");
	s->searching = false;
	set_search(s);
}

static int pick_filter(struct screen *s)
{
	const char *labels[] = { _("Unit"), _("Period (year, quarter)"), _("Category"),
				 _("Status"), _("Clear every filter") };
	size_t chosen;
	int rc = ui_prompt_pick(s->ui, _("Filter by"), labels, 5, 0, &chosen);

	if (rc != 1)
		return rc;
	switch (chosen) {
	case 0: return pick_unit(s);
	case 1: return pick_period(s);
	case 2: return pick_category(s);
	case 3: return pick_status(s);
	default: clear_filters(s); return 1;
	}
}

/* ---- actions ------------------------------------------------------------------- */

/* After a save: show the record, selected. */
static void show_saved(struct screen *s, struct exemplar *x)
{
	struct ex_keys k;
	struct err e;

	if (keys_exemplar(x, &k) == 0 && ui_list_goto(&s->ls.list, k.list.b, k.list.n, &e))
		ui_term_say(s->ui, true, "%s", e.msg);
	else
		ui_term_say(s->ui, false, _("Saved exemplar number %llu."),
			    (unsigned long long)x->id);
	keys_exemplar_free(&k);
}

static int new_exemplar(struct screen *s)
{
	struct exemplar x;
	struct err why;
	int rc;

	if (!register_may_add(s->ui->r, NULL, &why)) {
		ui_term_say(s->ui, true, "%s", why.msg);
		return 0;
	}
	model_exemplar_init(&x);
	rc = ui_exform_run(s->ui, 0, s->f.unit, &x);
	if (rc == 1)
		show_saved(s, &x);
	model_exemplar_free(&x);
	return rc;
}

static int edit_exemplar(struct screen *s, uint64_t id)
{
	struct exemplar x;
	struct err e;
	int rc = 0;

	model_exemplar_init(&x);
	if (register_get(s->ui->r, id, &x, &e) || !register_may_edit(s->ui->r, &x, &e)) {
		ui_term_say(s->ui, true, "%s", e.msg);
	} else {
		model_exemplar_free(&x);
		rc = ui_exform_run(s->ui, id, NULL, &x);
		if (rc == 1)
			show_saved(s, &x);
	}
	model_exemplar_free(&x);
	return rc;
}

/* Keys while the search line has the cursor: a ui_result, or -1 for the other keys. */
static int search_key(struct ui_listscreen *ls, int key)
{
	struct screen *s = ls->ctx;

	if (!s->searching)
		return -1;
	switch (key) {
	case '\r': case '\n': case UI_KEY(KEY_ENTER):
		s->searching = false;
		return UI_DONE;
	case UI_KEY(KEY_DOWN): case UI_KEY(KEY_UP): case UI_KEY(KEY_NPAGE): case UI_KEY(KEY_PPAGE):
		s->searching = false;
		return -1; /* and move */
	case 27: case UI_CTRL('x'): case UI_KEY(KEY_F(10)):
		s->searching = false;
		ui_edit_set(&s->sedit, "");
		set_search(s);
		return UI_DONE;
	default:
		if (ui_edit_key(&s->sedit, key) == UI_EDIT_CHANGED)
			set_search(s);
		return UI_DONE;
	}
}

static int act(struct ui_listscreen *ls, const struct ui_action *a)
{
	struct screen *s = ls->ctx;
	const struct ui_row *row = ui_list_selected(&ls->list);
	const struct item *it = row ? row->item : NULL;

	switch (a->id) {
	case A_OPEN: return it ? ui_action_result(ui_detail_run(s->ui, it->id)) : UI_DONE;
	case A_NEW: return ui_action_result(new_exemplar(s));
	case A_EDIT: return it ? ui_action_result(edit_exemplar(s, it->id)) : UI_DONE;
	case A_SEARCH:
		s->searching = true;
		ui_edit_key(&s->sedit, UI_KEY(KEY_END));
		return UI_DONE;
	case A_FILTER: return ui_action_result(pick_filter(s));
	case A_UNIT: return ui_action_result(pick_unit(s));
	case A_PERIOD: return ui_action_result(pick_period(s));
	case A_CATEGORY: return ui_action_result(pick_category(s));
	case A_STATUS: return ui_action_result(pick_status(s));
	case A_CLEAR: clear_filters(s); return UI_DONE;
	}
	return UI_DONE;
}

static const struct ui_listscreen_class screen = {
	.help = { N_("Exemplar profiles"), N_("Profiles are listed by unit, collectives before "
		  "individuals, and by name in Vietnamese order (given name first). The second "
		  "line shows the filters in use."), actions, N_ACTIONS },
	.top = 4, .empty = N_("No exemplar matches. Press x to clear the filters."),
	.fetch = fetch, .free_item = free, .draw = draw, .draw_row = draw_row, .key = search_key,
	.act = act,
};

void ui_exlist_help(struct ui_help_section *s)
{
	*s = screen.help;
}

int ui_exlist_run(struct ui *ui, const struct query_filter *start)
{
	struct screen s = { 0 };
	int rc;

	s.ui = ui;
	if (start) {
		s.f = *start;
		s.f.search = NULL;
		if (start->unit) {
			snprintf(s.unit, sizeof s.unit, "%s", start->unit);
			s.f.unit = s.unit;
		}
	}
	ui_edit_init(&s.sedit, 100, 0);
	if (start && start->search) {
		ui_edit_set(&s.sedit, start->search);
		s.search = ui_edit_get(&s.sedit);
		s.f.search = s.search;
	}
	ui_listscreen_init(&s.ls, &screen, ui, &s);
	rc = ui_listscreen_run(&s.ls);
	ui_edit_free(&s.sedit);
	free(s.search);
	return rc;
}
