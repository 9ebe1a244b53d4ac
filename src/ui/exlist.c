/* exlist.c - the exemplar list; see ui/exlist.h. */
#include "ui/exlist.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "i18n.h"
#include "keys.h"
#include "text.h"
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
	  N_("Start a new search by name, found as you type; accents and capitals do not "
	     "matter (\"nguyen\" finds the name written with all its marks). Enter keeps the "
	     "search, Ctrl-X clears it."), 0 },
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

/*
 * The screen.  Rows are listed unit by unit in `order` (the list index is
 * ordered by unit code, so each unit's part of it is read in turn), and
 * only the visible ones are held.  Invariant: f.keep is 0 or the record
 * saved last, shown until the person changes a filter or the search.
 */
struct screen {
	struct ui *ui;
	struct query_filter f;     /* unit and search point into this struct */
	char unit[CODE_MAX + 1];
	char *search;
	struct ui_edit sedit;
	bool searching;
	size_t *order;             /* indexes into ui->units, in the order they are listed */
	size_t n_order;
	size_t count;              /* the records the filter lets through */
	int status_w;              /* columns of the widest status */
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

/*
 * The units in the order they are listed: emulation block by block as the
 * config lists the blocks, each block's units as the config lists them, then
 * the units of no block (in units.h order: the config's, then those only the
 * database knows).  0 or -1 (out of memory).
 */
static int unit_order(struct screen *s)
{
	const struct config *cfg = register_config(s->ui->r);
	const struct unit_list *u = &s->ui->units;

	if (!(s->order = malloc((u->n ? u->n : 1) * sizeof *s->order)))
		return -1;
	for (size_t b = 0; b <= cfg->n_blocks; b++)
		for (size_t i = 0; i < u->n; i++) {
			const char *block = u->v[i].block;
			bool in = b < cfg->n_blocks ? strcmp(block, cfg->blocks[b].code) == 0
						    : !block[0] || !config_block(cfg, block);
			if (in)
				s->order[s->n_order++] = i;
		}
	return 0;
}

/* The units the rows come from: the filter's, or every unit in the listed order. */
static size_t walk_n(const struct screen *s)
{
	return s->f.unit ? 1 : s->n_order;
}

static const char *walk_unit(const struct screen *s, size_t i)
{
	return s->f.unit ? s->f.unit : s->ui->units.v[s->order[i]].code;
}

/* The place in the walk of the unit of list key `key` (its code up to the 00), or SIZE_MAX. */
static size_t walk_at(const struct screen *s, const uint8_t *key, size_t len)
{
	const uint8_t *end = memchr(key, 0, len);
	size_t n = end ? (size_t)(end - key) : len;

	for (size_t i = 0; i < walk_n(s); i++) {
		const char *code = walk_unit(s, i);
		if (strlen(code) == n && memcmp(code, key, n) == 0)
			return i;
	}
	return SIZE_MAX;
}

/* Rows from `from` on, unit after unit; a unit's own start or end is the key of its
 * code followed by 00 (before its first entry) or 01 (after its last). */
static int fetch(void *ctx, const uint8_t *from, size_t from_len, bool backward, size_t max,
		 struct ui_rows *out, struct err *e)
{
	struct screen *s = ctx;
	struct fetch c = { out, max, false };
	struct query_filter f = s->f;
	uint8_t edge[CODE_MAX + 2];
	size_t n = walk_n(s), i = from ? walk_at(s, from, from_len) : backward ? n - 1 : 0;

	for (; i < n && out->n < max; i = backward ? i - 1 : i + 1) {
		f.unit = walk_unit(s, i);
		if (!from) {
			from_len = strlen(f.unit);
			memcpy(edge, f.unit, from_len);
			edge[from_len++] = backward;
			from = edge;
		}
		if (query_scan(s->ui->r, &f, from, from_len, backward, take_row, &c, e))
			return -1;
		if (c.failed)
			return err_nomem(e);
		from = NULL;
	}
	return 0;
}

/* Count what the filter lets through (the rows themselves are fetched as they show). */
static int load(struct ui_listscreen *ls, struct err *e)
{
	struct screen *s = ls->ctx;

	return query_count(s->ui->r, &s->f, &s->count, e);
}

/* ---- drawing ----------------------------------------------------------------- */

#define ID_W 6
#define UNIT_W 14
#define STATUS_MAX_W 24 /* the most the status column takes */
#define DATE_W 10

/* The status column is as wide as the widest status, so that each is read whole. */
static int status_width(void)
{
	int w = 0;

	for (int i = 1; i < STATUS_COUNT_; i++) {
		int t = text_width(model_status_label((enum ex_status)i));
		w = t > w ? t : w;
	}
	return w < STATUS_MAX_W ? w : STATUS_MAX_W;
}

static int name_width(const struct screen *s)
{
	return COLS - 2 - ID_W - 1 - (UNIT_W + 1) - (s->status_w + 1) - (DATE_W + 1);
}

static void draw_row(struct ui_listscreen *ls, const struct ui_row *row, int y)
{
	const struct screen *s = ls->ctx;
	const struct item *it = row->item;
	int nw = name_width(s), x = 2 + ID_W + 1 + nw + 1, sw = s->status_w;
	char id[24], date[DATE_TEXT_SIZE];

	snprintf(id, sizeof id, "%llu", (unsigned long long)it->id);
	ui_fmt_date(it->date, date);
	ui_draw_right(y, 2, ID_W, A_NORMAL, id);
	ui_draw_text(y, 2 + ID_W + 1, nw, A_NORMAL, it->name);
	ui_draw_text(y, x, UNIT_W, A_NORMAL, ui_fmt_unit(ls->ui, it->unit));
	ui_draw_text(y, x + UNIT_W + 1, sw, A_NORMAL, model_status_label(it->status));
	ui_draw_text(y, x + UNIT_W + 1 + sw + 1, DATE_W, A_NORMAL, date);
}

/* "Filter: unit X | Quarter 3/2025 | ..." */
static void filter_text(const struct screen *s, char *buf, size_t size)
{
	const struct query_filter *f = &s->f;
	const char *parts[4];
	size_t n = 0, used;
	char q[64], year[32];

	if (f->unit)
		parts[n++] = ui_fmt_unit(s->ui, f->unit);
	if (f->year && f->quarter) {
		ui_fmt_quarter(f->year, f->quarter, q, sizeof q);
		parts[n++] = q;
	} else if (f->year) {
		snprintf(year, sizeof year, "%s %d", _("Year"), f->year);
		parts[n++] = year;
	}
	if (f->category)
		parts[n++] = model_category_label(f->category);
	else if (f->type)
		parts[n++] = model_type_label(f->type);
	if (f->status)
		parts[n++] = model_status_label(f->status);
	if (!n)
		parts[n++] = _("none, every exemplar is listed");
	used = (size_t)snprintf(buf, size, "%s", _("Filter:"));
	for (size_t i = 0; i < n && used < size; i++)
		used += (size_t)snprintf(buf + used, size - used, " %s%s%s",
					 i ? ui_draw_sym(UI_SYM_SEP) : "", i ? " " : "", parts[i]);
}

static void draw(struct ui_listscreen *ls)
{
	struct screen *s = ls->ctx;
	struct ui *ui = ls->ui;
	char line[512], count[64];
	int nw = name_width(s), sw = s->status_w, head = ui_term_attr(ui, UI_A_HEAD);

	snprintf(count, sizeof count, i18n_ntext("%zu exemplar", "%zu exemplars", s->count),
		 s->count);
	int cw = text_width(count);
	filter_text(s, line, sizeof line);
	ui_draw_text(1, 1, COLS - 4 - cw, A_NORMAL, line);
	ui_draw_right(1, 1, COLS - 2, A_BOLD, count);
	int x = 2 + ID_W + 1 + nw + 1;
	ui_draw_right(3, 2, ID_W, head, _("No."));
	ui_draw_text(3, 2 + ID_W + 1, nw, head, _("Name"));
	ui_draw_text(3, x, UNIT_W, head, _("Unit"));
	ui_draw_text(3, x + UNIT_W + 1, sw, head, _("Status"));
	ui_draw_text(3, x + UNIT_W + 1 + sw + 1, DATE_W, head, _("Date"));
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

/* The person changed a filter or the search: what they see now is what it lets through. */
static void refilter(struct screen *s)
{
	s->f.keep = 0;
	ui_listscreen_reload(&s->ls, true);
}

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
		refilter(s);
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
		refilter(s);
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
		refilter(s);
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
		refilter(s);
	}
	return rc;
}

static void set_search(struct screen *s)
{
	free(s->search);
	s->search = ui_edit_get(&s->sedit);
	s->f.search = s->search && *s->search ? s->search : NULL;
	refilter(s);
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

/*
 * After a save: show the record, selected, even when the filters would
 * hide it (it stays until they change); a list of another unit turns to
 * the record's unit.
 */
static void show_saved(struct screen *s, struct exemplar *x)
{
	struct ex_keys k;
	struct err e;

	s->f.keep = x->id;
	if (s->f.unit && strcmp(s->f.unit, x->unit) != 0)
		snprintf(s->unit, sizeof s->unit, "%s", x->unit);
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
	case A_SEARCH: /* a new search: the last one goes */
		s->searching = true;
		if (s->search) {
			ui_edit_set(&s->sedit, "");
			set_search(s);
		}
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
	.help = { N_("Exemplar profiles"), N_("Profiles are listed unit by unit, emulation "
		  "block by block as the config lists them, collectives before individuals, and "
		  "by name in Vietnamese order (given name first). The line under the title shows "
		  "the filters in use and how many profiles they let through; unit staff start "
		  "with their own unit. A profile just saved stays in view, even when the filters "
		  "would hide it, until a filter or the search changes."), actions, N_ACTIONS },
	.top = 4, .empty = N_("No exemplar matches. Press x to clear the filters."),
	.load = load, .fetch = fetch, .free_item = free, .draw = draw, .draw_row = draw_row,
	.key = search_key, .act = act,
};

void ui_exlist_help(struct ui_help_section *s)
{
	*s = screen.help;
}

/* A staff member's own unit, the one working today if they have several; NULL for others. */
static const char *own_unit(const struct ui *ui)
{
	const struct role_entry *re = config_role(register_config(ui->r), register_user(ui->r));
	const char *first = NULL;

	for (size_t i = 0; re && re->role == ROLE_STAFF && i < re->n_units; i++) {
		const struct unit *u = units_find(&ui->units, re->units[i]);
		if (u && model_unit_active_on(u, register_today(ui->r)))
			return re->units[i];
		first = first ? first : re->units[i];
	}
	return first;
}

int ui_exlist_run(struct ui *ui, const struct query_filter *start)
{
	struct screen s = { 0 };
	int rc;

	s.ui = ui;
	s.status_w = status_width();
	if (unit_order(&s)) {
		ui_term_say(ui, true, "%s", _("Out of memory."));
		return 0;
	}
	if (!start && own_unit(ui)) {
		snprintf(s.unit, sizeof s.unit, "%s", own_unit(ui));
		s.f.unit = s.unit;
	}
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
	free(s.order);
	return rc;
}
