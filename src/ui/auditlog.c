/* auditlog.c - the audit trail screen; see ui/auditlog.h. */
#include "ui/auditlog.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "query.h"
#include "ui/action.h"
#include "ui/detail.h"
#include "ui/draw.h"
#include "ui/fmt.h"
#include "ui/listscreen.h"
#include "ui/prompt.h"

#define KEEP 5000 /* newest entries held; older ones are reached with `log` */

enum { A_OPEN = UI_ACTION_OWN, A_RECORD, A_USER };

static const struct ui_action actions[] = {
	{ UI_ACTION_MOVE, { UI_KEY(KEY_DOWN), UI_KEY(KEY_UP), 'j', 'k' }, NULL,
	  N_("Move (also PgUp, PgDn, Home, End)."), 0 },
	{ A_OPEN, { '\r', 'l', UI_KEY(KEY_RIGHT) }, N_("Changes"),
	  N_("Show every field the entry changed, before and after."), 0 },
	{ A_RECORD, { 'o' }, N_("Exemplar"), N_("Open the exemplar the entry is about."), 0 },
	{ A_USER, { 'u' }, N_("Account"), N_("Show one account's entries, or everyone's."), 0 },
	{ UI_ACTION_HELP, { '?', UI_KEY(KEY_F(1)) }, N_("Help"),
	  N_("Show the keys of this screen."), 0 },
	{ UI_ACTION_BACK, { 'q', 'h', UI_KEY(KEY_LEFT), UI_KEY(KEY_F(10)), 27 }, N_("Back"),
	  N_("Back to the screen before."), 0 },
};
#define N_ACTIONS (sizeof actions / sizeof actions[0])

/* One entry, summarised for its line. */
struct entry {
	uint64_t seq, record;
	int64_t time;
	char user[USER_MAX + 1];
	char op[16];
	char *what;      /* note or changed fields */
};

/* Entries oldest first in a ring of KEEP; `first` is the oldest kept. */
struct screen {
	struct ui *ui;
	struct entry *v;
	size_t n, first;
	bool dropped, failed;
	char user[USER_MAX + 1];   /* filter; empty: everyone */
	struct ui_listscreen ls;
};

/* The i-th entry, newest first. */
static struct entry *nth(struct screen *s, size_t i)
{
	return &s->v[(s->first + s->n - 1 - i) % KEEP];
}

static char *summary(const struct audit_entry *a)
{
	char b[400];
	size_t n = 0;

	b[0] = 0;
	if (a->note)
		n = (size_t)snprintf(b, sizeof b, "%s", a->note);
	for (size_t i = 0; i < a->n_changes && n < sizeof b && strcmp(a->op, "add"); i++)
		n += (size_t)snprintf(b + n, sizeof b - n, "%s%s", n ? ", " : "",
				      model_field_label(a->changes[i].field));
	return strdup(b);
}

static int take(const struct audit_entry *a, void *p)
{
	struct screen *s = p;
	struct entry *e;

	if (s->n == KEEP) {
		e = &s->v[s->first];
		free(e->what);
		s->first = (s->first + 1) % KEEP;
		s->n--;
		s->dropped = true;
	}
	e = &s->v[(s->first + s->n) % KEEP];
	e->seq = a->seq;
	e->record = a->record;
	e->time = a->time;
	snprintf(e->user, sizeof e->user, "%s", a->user);
	snprintf(e->op, sizeof e->op, "%s", a->op);
	if (!(e->what = summary(a))) {
		s->failed = true;
		return 1;
	}
	s->n++;
	return 0;
}

static void drop_all(struct screen *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[(s->first + i) % KEEP].what);
	s->n = s->first = 0;
	s->dropped = false;
}

static int load(struct ui_listscreen *ls, struct err *e)
{
	struct screen *s = ls->ctx;
	struct query_log_filter f = { 0, s->user[0] ? s->user : NULL, 0, true };

	drop_all(s);
	s->failed = false;
	if (query_log(s->ui->r, &f, take, s, e))
		return -1;
	ls->arr.n = s->n;
	return s->failed ? err_nomem(e) : 0;
}

static void draw(struct ui_listscreen *ls)
{
	struct screen *s = ls->ctx;
	int head = ui_term_attr(ls->ui, UI_A_HEAD);
	char b[160];

	/* Unit staff read the history of their own units' exemplars only (roles.h). */
	bool own = register_role(s->ui->r) == ROLE_STAFF;

	if (s->user[0])
		snprintf(b, sizeof b, own ? _("Entries of %s about your units' exemplars, newest "
					      "first.") : _("Entries of %s, newest first."), s->user);
	else
		snprintf(b, sizeof b, "%s", own ? _("Entries about your units' exemplars, newest "
						    "first.") : _("Every entry, newest first."));
	if (s->dropped) {
		size_t n = strlen(b);
		snprintf(b + n, sizeof b - n, _(" Only the newest %d are shown."), KEEP);
	}
	ui_draw_text(1, 1, COLS - 2, A_BOLD, b);
	ui_draw_text(3, 2, 16, head, _("Time"));
	ui_draw_text(3, 19, 10, head, _("Account"));
	ui_draw_text(3, 30, 14, head, _("Action"));
	ui_draw_right(3, 45, 6, head, _("No."));
	ui_draw_text(3, 52, COLS - 53, head, _("What"));
}

static void draw_row(struct ui_listscreen *ls, const struct ui_row *row, int y)
{
	const struct entry *en = nth(ls->ctx, ui_list_index(row));
	char b[32], t[64];

	ui_fmt_time(en->time, t, sizeof t);
	ui_draw_text(y, 2, 16, A_NORMAL, t);
	ui_draw_text(y, 19, 10, A_NORMAL, en->user);
	ui_draw_text(y, 30, 14, A_NORMAL, audit_op_label(en->op));
	if (en->record) {
		snprintf(b, sizeof b, "%llu", (unsigned long long)en->record);
		ui_draw_right(y, 45, 6, A_NORMAL, b);
	}
	ui_draw_text(y, 52, COLS - 53, A_NORMAL, en->what);
}

/* ---- one entry ------------------------------------------------------------------- */

/* The entry a page shows, found again by its number among its record's entries. */
struct show {
	uint64_t seq, record;
	struct ui_pager *page;
	struct ui *ui;
};

static int show_entry(const struct audit_entry *a, void *p)
{
	struct show *sh = p;
	char t[64], b[1024];

	if (a->seq != sh->seq)
		return 0;
	ui_fmt_time(a->time, t, sizeof t);
	ui_pager_pair(sh->page, 22, A_NORMAL, _("Time"), t);
	ui_pager_pair(sh->page, 22, A_NORMAL, _("Account"), a->user);
	ui_pager_pair(sh->page, 22, A_NORMAL, _("Action"), audit_op_label(a->op));
	if (a->record) {
		snprintf(b, sizeof b, "%llu", (unsigned long long)a->record);
		ui_pager_pair(sh->page, 22, A_NORMAL, _("Exemplar"), b);
	}
	if (a->note)
		ui_pager_pair(sh->page, 22, A_NORMAL, _("Note"), a->note);
	ui_pager_blank(sh->page);
	for (size_t i = 0; i < a->n_changes; i++) {
		const struct audit_change *c = &a->changes[i];
		char was[400], now[400];

		snprintf(b, sizeof b, "%s %s %s",
			 ui_fmt_change(sh->ui, c->field, c->before, was, sizeof was),
			 ui_draw_sym(UI_SYM_RIGHT),
			 ui_fmt_change(sh->ui, c->field, c->after, now, sizeof now));
		ui_pager_pair(sh->page, 22, A_NORMAL, model_field_label(c->field), b);
	}
	return 1;
}

static void fill_entry(struct ui *ui, struct ui_pager *p, void *ctx)
{
	struct show *sh = ctx;
	struct query_log_filter f = { 0, NULL, sh->record, true };
	struct err e;

	sh->page = p;
	if (query_log(ui->r, &f, show_entry, sh, &e))
		ui_pager_text(p, 0, ui_term_attr(ui, UI_A_ERROR), e.msg);
}

static int open_entry(struct screen *s, const struct entry *en)
{
	struct show sh = { en->seq, en->record, NULL, s->ui };
	char title[96];

	snprintf(title, sizeof title, _("Audit entry %llu"), (unsigned long long)en->seq);
	return ui_listscreen_page(s->ui, title, fill_entry, &sh);
}

static int pick_user(struct screen *s)
{
	const struct config *cfg = register_config(s->ui->r);
	const char **labels = calloc(cfg->n_roles + 1, sizeof *labels);
	size_t chosen, initial = 0;
	int rc;

	if (!labels)
		return 0;
	labels[0] = _("Every account");
	for (size_t i = 0; i < cfg->n_roles; i++) {
		labels[i + 1] = cfg->roles[i].user;
		if (strcmp(s->user, cfg->roles[i].user) == 0)
			initial = i + 1;
	}
	rc = ui_prompt_pick(s->ui, _("Account"), labels, cfg->n_roles + 1, initial, &chosen);
	if (rc == 1) {
		snprintf(s->user, sizeof s->user, "%s", chosen ? labels[chosen] : "");
		ui_listscreen_reload(&s->ls, true);
	}
	free(labels);
	return rc;
}

static int act(struct ui_listscreen *ls, const struct ui_action *a)
{
	struct screen *s = ls->ctx;
	size_t i = ui_listscreen_index(ls);
	const struct entry *en = i != SIZE_MAX ? nth(s, i) : NULL;

	switch (a->id) {
	case A_USER:
		return ui_action_result(pick_user(s));
	case A_OPEN:
		return en ? ui_action_result(open_entry(s, en)) : UI_DONE;
	case A_RECORD:
		if (en && en->record)
			return ui_action_result(ui_detail_run(s->ui, en->record));
		ui_term_say(s->ui, true, "%s", _("This entry is not about one exemplar."));
		return UI_DONE;
	}
	return UI_DONE;
}

static const struct ui_listscreen_class screen = {
	.help = { N_("Audit log"), N_("Changes to the register, newest first: when, which "
		  "account, what it did and to which exemplar. The Home Affairs Office sees every "
		  "change, unit staff the changes to their own units' exemplars. Nothing here can "
		  "be changed."),
		  actions, N_ACTIONS },
	.top = 4, .load = load, .draw = draw, .draw_row = draw_row, .act = act,
};

void ui_auditlog_help(struct ui_help_section *s)
{
	*s = screen.help;
}

int ui_auditlog_run(struct ui *ui)
{
	struct screen s = { 0 };
	int rc;

	s.ui = ui;
	if (!(s.v = calloc(KEEP, sizeof *s.v))) {
		ui_term_say(ui, true, "%s", _("Out of memory."));
		return 0;
	}
	ui_listscreen_init(&s.ls, &screen, ui, &s);
	rc = ui_listscreen_run(&s.ls);
	drop_all(&s);
	free(s.v);
	return rc;
}
