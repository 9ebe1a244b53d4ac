/* review.c - the office's review queue; see ui/review.h. */
#include "ui/review.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "mem.h"
#include "query.h"
#include "ui/action.h"
#include "ui/detail.h"
#include "ui/draw.h"
#include "ui/fmt.h"
#include "ui/listscreen.h"
#include "ui/prompt.h"

enum { A_ACCEPT = UI_ACTION_OWN, A_RETURN, A_OPEN };

static const struct ui_action actions[] = {
	{ UI_ACTION_MOVE, { UI_KEY(KEY_DOWN), UI_KEY(KEY_UP), 'j', 'k' }, NULL,
	  N_("Move (also PgUp, PgDn, Home, End)."), 0 },
	{ A_ACCEPT, { 'a' }, N_("Accept"),
	  N_("Accept the chosen exemplar; you are asked to confirm."), UI_ACT_OFFICE },
	{ A_RETURN, { 'r' }, N_("Return"),
	  N_("Return the chosen exemplar to its unit; you are asked for the reason."),
	  UI_ACT_OFFICE },
	{ A_OPEN, { '\r', 'o', 'l', UI_KEY(KEY_RIGHT) }, N_("Open"),
	  N_("Read the whole profile first."), 0 },
	{ UI_ACTION_HELP, { '?', UI_KEY(KEY_F(1)) }, N_("Help"),
	  N_("Show the keys of this screen."), 0 },
	{ UI_ACTION_BACK, { 'q', 'h', UI_KEY(KEY_LEFT), UI_KEY(KEY_F(10)), 27 }, N_("Back"),
	  N_("Back to the main menu."), 0 },
};
#define N_ACTIONS (sizeof actions / sizeof actions[0])

/* A waiting exemplar, copied out of the list index. */
struct item {
	uint64_t id;
	date_t date;
	char unit[CODE_MAX + 1];
	char *name;
};

struct screen {
	struct ui *ui;
	struct item *v;
	size_t n, cap;
	bool failed;
	struct ui_listscreen ls;
};

static void drop_all(struct screen *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i].name);
	s->n = 0;
}

static int take(const struct list_row *row, void *p)
{
	struct screen *s = p;

	if (s->n == s->cap && mem_grow(&s->v, &s->cap, s->n + 1, sizeof *s->v, 64)) {
		s->failed = true;
		return 1;
	}
	struct item *it = &s->v[s->n];
	it->id = row->id;
	it->date = row->date;
	snprintf(it->unit, sizeof it->unit, "%s", row->unit);
	if (!(it->name = strdup(row->name))) {
		s->failed = true;
		return 1;
	}
	s->n++;
	return 0;
}

/* Oldest introduction first; the number breaks ties (older records have smaller ones). */
static int oldest_first(const void *a, const void *b)
{
	const struct item *x = a, *y = b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static int load(struct ui_listscreen *ls, struct err *e)
{
	struct screen *s = ls->ctx;
	struct query_filter f = { 0 };

	drop_all(s);
	s->failed = false;
	f.status = STATUS_INTRODUCED;
	if (query_scan(s->ui->r, &f, NULL, 0, false, take, s, e))
		return -1;
	if (s->failed)
		return err_nomem(e);
	if (s->n)
		qsort(s->v, s->n, sizeof *s->v, oldest_first);
	ls->arr.n = s->n;
	return 0;
}

static int name_width(void)
{
	return COLS - 2 - 11 - 7 - 16;
}

static void draw(struct ui_listscreen *ls)
{
	struct screen *s = ls->ctx;
	int head = ui_term_attr(s->ui, UI_A_HEAD), nw = name_width();
	char b[160];

	snprintf(b, sizeof b, i18n_ntext("%zu exemplar waiting, oldest introduction first.",
				       "%zu exemplars waiting, oldest introduction first.", s->n),
		 s->n);
	ui_draw_text(1, 1, COLS - 2, A_BOLD, b);
	ui_draw_text(3, 2, 10, head, _("Date"));
	ui_draw_right(3, 13, 6, head, _("No."));
	ui_draw_text(3, 20, nw, head, _("Name"));
	ui_draw_text(3, 21 + nw, 15, head, _("Unit"));
}

static void draw_row(struct ui_listscreen *ls, const struct ui_row *row, int y)
{
	struct screen *s = ls->ctx;
	const struct item *it = &s->v[ui_list_index(row)];
	char b[32], d[DATE_TEXT_SIZE];
	int nw = name_width();

	ui_fmt_date(it->date, d);
	snprintf(b, sizeof b, "%llu", (unsigned long long)it->id);
	ui_draw_text(y, 2, 10, A_NORMAL, d);
	ui_draw_right(y, 13, 6, A_NORMAL, b);
	ui_draw_text(y, 20, nw, A_NORMAL, it->name);
	ui_draw_text(y, 21 + nw, 15, A_NORMAL, ui_fmt_unit(s->ui, it->unit));
}

/* Accept exemplar `rec` once the person says yes; 1 when accepted, 0, -2 (refused,
 * e says why) or UI_KEY_QUIT. */
static int accept_one(struct screen *s, uint64_t rec, const char *name, struct err *e)
{
	char q[400];
	int a;

	snprintf(q, sizeof q, _("Accept number %llu (%s)? It then counts as reviewed."),
		 (unsigned long long)rec, name);
	if ((a = ui_prompt_yesno(s->ui, _("Accept"), q)) != 1)
		return a;
	if (register_accept(s->ui->r, rec, e))
		return -2;
	ui_term_say(s->ui, false, _("Accepted number %llu: %s."), (unsigned long long)rec, name);
	return 1;
}

/* Return exemplar `rec` after asking why; 1 when returned, 0, or UI_KEY_QUIT. */
static int return_one(struct screen *s, uint64_t rec, const char *name, struct err *e)
{
	char label[400], *why = NULL;
	int q;

	snprintf(label, sizeof label, _("Why is number %llu (%s) returned to its unit?"),
		 (unsigned long long)rec, name);
	q = ui_prompt_reason(s->ui, _("Return to the unit"), label, LINE_MAX_CHARS, &why);
	if (q == 1 && register_return(s->ui->r, rec, why, e))
		q = -2;
	else if (q == 1)
		ui_term_say(s->ui, false, _("Returned number %llu: %s."), (unsigned long long)rec,
			    name);
	free(why);
	return q;
}

static int act(struct ui_listscreen *ls, const struct ui_action *a)
{
	struct screen *s = ls->ctx;
	size_t i = ui_listscreen_index(ls);
	const struct item *it = i != SIZE_MAX ? &s->v[i] : NULL;
	struct err e = { 0 };
	char name[256];
	int q = 0;

	if (!it)
		return UI_DONE;
	/* The queue is read again below: keep what the messages need. */
	uint64_t rec = it->id;
	snprintf(name, sizeof name, "%s", it->name);
	switch (a->id) {
	case A_OPEN:
		q = ui_detail_run(s->ui, rec);
		break;
	case A_ACCEPT:
		q = accept_one(s, rec, name, &e);
		break;
	case A_RETURN:
		q = return_one(s, rec, name, &e);
		break;
	}
	if (q == -2)
		ui_term_say(s->ui, true, "%s", e.msg);
	return ui_action_result(q);
}

static const struct ui_listscreen_class screen = {
	.help = { N_("Review profiles"), N_("Every introduced exemplar waiting for the office, "
		  "the oldest introduction first. One key accepts (after a yes) or returns (with "
		  "a reason) the chosen one; the next one is then chosen."), actions, N_ACTIONS },
	.top = 4, .empty = N_("Nothing is waiting for review."), .load = load, .draw = draw,
	.draw_row = draw_row, .act = act,
};

void ui_review_help(struct ui_help_section *s)
{
	*s = screen.help;
}

int ui_review_run(struct ui *ui)
{
	struct screen s = { 0 };
	int rc;

	s.ui = ui;
	ui_listscreen_init(&s.ls, &screen, ui, &s);
	rc = ui_listscreen_run(&s.ls);
	drop_all(&s);
	free(s.v);
	return rc;
}
