/* detail.c - one exemplar with its history; see ui/detail.h. */
#include "ui/detail.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "i18n.h"
#include "query.h"
#include "ui/action.h"
#include "ui/draw.h"
#include "ui/exform.h"
#include "ui/fmt.h"
#include "ui/form.h"
#include "ui/listscreen.h"
#include "ui/prompt.h"

#define LABEL_W 24

enum {
	A_EDIT = UI_ACTION_OWN, A_ACCEPT, A_RETURN, A_RESUBMIT, A_PROPOSE, A_COMMEND, A_REVOKE,
	A_PROPAGATE, A_REOPEN, A_WITHDRAW, A_CORRECT, A_UNPROPAGATE
};

static const struct ui_action actions[] = {
	{ UI_ACTION_MOVE,
	  { UI_KEY(KEY_DOWN), UI_KEY(KEY_UP), UI_KEY(KEY_NPAGE), UI_KEY(KEY_PPAGE) }, NULL, N_("Scroll (also j, k, Space, b, Home, End)."), 0 },
	{ A_EDIT, { 'e', UI_KEY(KEY_F(4)) }, N_("Edit"), N_("Edit the profile."), 0 },
	{ A_ACCEPT, { 'a' }, N_("Accept"), N_("Accept the introduced exemplar."), UI_ACT_OFFICE },
	{ A_RETURN, { 'r' }, N_("Return"),
	  N_("Return the introduced exemplar to its unit, with a reason."), UI_ACT_OFFICE },
	{ A_RESUBMIT, { 'i' }, N_("Introduce again"),
	  N_("Introduce a returned exemplar again after correcting it."), 0 },
	{ A_PROPOSE, { 'p' }, N_("Propose"),
	  N_("Propose the accepted exemplar for commendation."), UI_ACT_OFFICE },
	{ A_COMMEND, { 'c' }, N_("Commend"),
	  N_("Record the commendation: form, decision number, date, signer."), UI_ACT_OFFICE },
	{ A_REVOKE, { 'v' }, N_("Revoke"), N_("Revoke the commendation, with a reason."),
	  UI_ACT_OFFICE },
	{ A_PROPAGATE, { 't' }, N_("Propagation"),
	  N_("Record a propagation: radio column, web portal or other, with its date."),
	  UI_ACT_OFFICE },
	{ A_REOPEN, { 'o' }, N_("Reopen"),
	  N_("Send an accepted, returned or proposed exemplar back to introduced, or restore a "
	     "withdrawn one, with a reason."), UI_ACT_OFFICE },
	{ A_WITHDRAW, { 'w' }, N_("Withdraw"),
	  N_("Withdraw an exemplar entered by mistake, with a reason: it stays in the history "
	     "and counts toward nothing."), UI_ACT_WRITER },
	{ A_CORRECT, { 'd' }, N_("Correct"),
	  N_("Correct the commendation's details: form, decision number, date, signer."),
	  UI_ACT_OFFICE },
	{ A_UNPROPAGATE, { 'x' }, N_("Remove propagation"),
	  N_("Remove a propagation entry recorded by mistake, with a reason."), UI_ACT_OFFICE },
	{ UI_ACTION_HELP, { '?', UI_KEY(KEY_F(1)) }, N_("Help"),
	  N_("Show the keys of this screen."), 0 },
	{ UI_ACTION_BACK, { 'q', 'h', UI_KEY(KEY_LEFT), UI_KEY(KEY_F(10)), 27 }, N_("Back"),
	  N_("Back to the list."), 0 },
};
#define N_ACTIONS (sizeof actions / sizeof actions[0])

struct screen {
	struct ui *ui;
	uint64_t id;
	struct exemplar x;
	bool loaded, editable, withdrawable;
	char title[128];
	struct ui_listscreen ls;   /* its page: the profile and its history */
};

/* ---- the page ------------------------------------------------------------------ */

static void pair(struct screen *s, const char *field, const char *value)
{
	ui_pager_pair(&s->ls.page, LABEL_W, A_NORMAL, model_field_label(field), value);
}

static void heading(struct screen *s, const char *text)
{
	ui_pager_blank(&s->ls.page);
	ui_pager_text(&s->ls.page, 0, ui_term_attr(s->ui, UI_A_HEAD), text);
}

static void add_profile(struct screen *s)
{
	const struct exemplar *x = &s->x;
	char b[512], q[64];

	ui_pager_text(&s->ls.page, 0, A_BOLD, x->name ? x->name : "");
	snprintf(b, sizeof b, _("%llu (version %u)"), (unsigned long long)x->id, x->version);
	ui_pager_pair(&s->ls.page, LABEL_W, A_NORMAL, _("Number"), b);
	pair(s, "type", model_type_label(x->type));
	pair(s, "category", model_category_label(x->category));
	pair(s, "status", model_status_label(x->status));
	if (x->status_reason)
		pair(s, "status_reason", x->status_reason);
	ui_fmt_unit_label(s->ui, x->unit, b, sizeof b);
	pair(s, "unit", b);
	ui_fmt_date(x->date, q);
	ui_fmt_quarter(date_year(x->date), date_quarter(x->date), b, sizeof b);
	size_t n = strlen(q);
	snprintf(q + n, sizeof q - n, " (%.40s)", b);
	pair(s, "date", q);
	if (x->late)
		pair(s, "late", x->late_reason ? x->late_reason : _("yes"));
	if (x->type == TYPE_INDIVIDUAL) {
		pair(s, "gender", model_gender_label(x->gender));
		snprintf(b, sizeof b, "%d", x->birth_year);
		pair(s, "birth_year", x->birth_year ? b : "");
	}
	/* The texts a person writes (fields.h), the name being the heading. */
	for (size_t i = 0; i < FIELD_COUNT; i++) {
		const struct field *f = &field_table[i];
		if (f->kind == FK_TEXT && (f->flags & FF_EDIT) && i != FIELD_NAME)
			pair(s, f->code, field_text(x, f));
	}
}

/* Is field f a part of the commendation, shown under its own heading? */
static bool in_commendation(const struct field *f)
{
	size_t at = offsetof(struct exemplar, commendation);

	return f->offset >= at && f->offset < at + sizeof(struct commendation);
}

static void add_awards(struct screen *s)
{
	const struct exemplar *x = &s->x;
	const struct commendation *c = &x->commendation;
	char b[512], d[DATE_TEXT_SIZE], t[64];

	if (x->proposal_date != DATE_NONE || c->form || c->decision) {
		heading(s, _("Commendation"));
		if (x->proposal_date != DATE_NONE) {
			ui_fmt_date(x->proposal_date, d);
			pair(s, "proposal_date", d);
		}
		for (size_t i = 0; i < FIELD_COUNT; i++)
			if (in_commendation(&field_table[i]))
				pair(s, field_table[i].code,
				     field_value(x, &field_table[i], FIELD_LABELS | FIELD_DATES_VN,
						 t));
	}
	if (x->n_propagations) {
		heading(s, _("Propagation"));
		for (size_t i = 0; i < x->n_propagations; i++) {
			const struct propagation *p = &x->propagations[i];
			ui_fmt_date(p->date, d);
			ui_fmt_time(p->at, t, sizeof t);
			/* Imported events may not say who recorded them. */
			if (p->by[0])
				snprintf(b, sizeof b, _("%s %s (recorded by %s at %s)"),
					 model_channel_label(p->channel), p->ref ? p->ref : "",
					 p->by, t);
			else
				snprintf(b, sizeof b, "%s %s", model_channel_label(p->channel),
					 p->ref ? p->ref : "");
			/* Numbered as the removal asks for them. */
			snprintf(t, sizeof t, "%zu. %s", i + 1, d);
			ui_pager_pair(&s->ls.page, LABEL_W, A_NORMAL, t, b);
		}
	}
	heading(s, _("Record"));
	ui_fmt_time(x->created_at, t, sizeof t);
	snprintf(b, sizeof b, "%s, %s", x->created_by, t);
	ui_pager_pair(&s->ls.page, LABEL_W, A_NORMAL, _("Entered by"), b);
	ui_fmt_time(x->updated_at, t, sizeof t);
	snprintf(b, sizeof b, "%s, %s", x->updated_by, t);
	ui_pager_pair(&s->ls.page, LABEL_W, A_NORMAL, _("Last changed by"), b);
}

/* One audit entry: when, who, what; then each field before and after. */
static int add_entry(const struct audit_entry *a, void *p)
{
	struct screen *s = p;
	char t[64], b[1024];

	ui_fmt_time(a->time, t, sizeof t);
	snprintf(b, sizeof b, "%s  %s", a->user, audit_op_label(a->op));
	ui_pager_pair(&s->ls.page, LABEL_W, A_BOLD, t, b);
	if (a->note) {
		snprintf(b, sizeof b, "%s: %s", _("Note"), a->note);
		ui_pager_text(&s->ls.page, LABEL_W + 2, A_NORMAL, b);
	}
	for (size_t i = 0; i < a->n_changes && strcmp(a->op, "add") != 0; i++) {
		const struct audit_change *c = &a->changes[i];
		char was[400], now[400];

		snprintf(b, sizeof b, "%s: %s %s %s", model_field_label(c->field),
			 ui_fmt_change(s->ui, c->field, c->before, was, sizeof was),
			 ui_draw_sym(UI_SYM_RIGHT),
			 ui_fmt_change(s->ui, c->field, c->after, now, sizeof now));
		ui_pager_text(&s->ls.page, LABEL_W + 2, A_NORMAL, b);
	}
	return 0;
}

static void build(struct ui_listscreen *ls)
{
	struct screen *s = ls->ctx;
	struct query_log_filter lf = { 0, NULL, s->id };
	struct err e;

	if (!s->loaded)
		return;
	add_profile(s);
	add_awards(s);
	heading(s, _("History"));
	if (query_log(s->ui->r, &lf, add_entry, s, &e))
		ui_pager_text(&s->ls.page, 0, ui_term_attr(s->ui, UI_A_ERROR), e.msg);
}

static int load(struct ui_listscreen *ls, struct err *e)
{
	struct screen *s = ls->ctx;

	model_exemplar_free(&s->x);
	s->loaded = register_get(s->ui->r, s->id, &s->x, e) == 0;
	s->editable = s->loaded && register_may_edit(s->ui->r, &s->x, NULL);
	s->withdrawable = s->loaded && register_may(s->ui->r, ROLES_WITHDRAW, &s->x, NULL);
	snprintf(s->title, sizeof s->title, _("Exemplar number %llu"), (unsigned long long)s->id);
	if (s->loaded && !s->editable) {
		size_t n = strlen(s->title);
		snprintf(s->title + n, sizeof s->title - n, " (%s)", _("read only"));
	}
	return s->loaded ? 0 : -1;
}

static bool enabled(int id, void *ctx)
{
	const struct screen *s = ctx;
	enum ex_status st = s->x.status;

	if (!s->loaded)
		return id == UI_ACTION_HELP || id == UI_ACTION_BACK;
	switch (id) {
	case A_EDIT: return s->editable;
	case A_ACCEPT: case A_RETURN: return st == STATUS_INTRODUCED;
	case A_RESUBMIT: return st == STATUS_RETURNED && s->editable;
	case A_PROPOSE: return st == STATUS_ACCEPTED;
	case A_COMMEND: return st == STATUS_PROPOSED;
	case A_REVOKE: return st == STATUS_COMMENDED;
	case A_PROPAGATE:
		return st == STATUS_ACCEPTED || st == STATUS_PROPOSED || st == STATUS_COMMENDED;
	case A_REOPEN:
		return st == STATUS_ACCEPTED || st == STATUS_RETURNED || st == STATUS_PROPOSED ||
		       st == STATUS_WITHDRAWN;
	case A_WITHDRAW: return st != STATUS_WITHDRAWN && s->withdrawable;
	case A_CORRECT: return st == STATUS_COMMENDED;
	case A_UNPROPAGATE: return s->x.n_propagations > 0;
	default: return true;
	}
}

/* ---- workflow steps and corrections ------------------------------------------------ */

/* The forms of the steps that take more than a reason. */
enum form_kind { FORM_PROPAGATE, FORM_COMMEND, FORM_CORRECT };

struct step_form {
	struct screen *s;
	enum form_kind kind;
};

static const char *const *channel_labels(void)
{
	static const char *labels[3];

	for (int i = 0; i < 3; i++)
		labels[i] = model_channel_label((enum propagation_channel)(i + 1));
	return labels;
}

static int step_save(struct ui *ui, struct ui_form *fm, void *ctx)
{
	struct step_form *sf = ctx;
	struct err e = { 0 };
	char *v[5] = { NULL, NULL, NULL, NULL, NULL };
	date_t d = DATE_NONE;
	int rc = -1;

	for (size_t i = 0; i < fm->n; i++)
		if (fm->fields[i].kind != UI_FIELD_PICK)
			v[i] = ui_field_value(&fm->fields[i]);
	struct ui_field *df = ui_form_field(fm, sf->kind == FORM_PROPAGATE ? "date"
									  : "decision_date");
	char *ds = ui_field_value(df);
	if (ds && *ds && model_date_read(ds, NULL, &d, &e)) {
		snprintf(e.field, sizeof e.field, "%s", df->code);
	} else if (sf->kind == FORM_PROPAGATE) {
		struct propagation p = { (enum propagation_channel)(fm->fields[0].pick + 1), d,
					 v[2] && *v[2] ? v[2] : NULL, "", 0 };
		rc = register_propagate(ui->r, sf->s->id, &p, &e);
	} else {
		/* An empty text is one a correction leaves out: the register names it. */
		struct commendation c = { v[0] ? v[0] : "", v[1] ? v[1] : "", d,
					  v[3] ? v[3] : "" };
		rc = sf->kind == FORM_COMMEND
			? register_commend(ui->r, sf->s->id, &c, &e)
			: register_correct_commendation(ui->r, sf->s->id, &c, v[4], &e);
	}
	if (rc)
		ui_form_refuse(fm, &e);
	free(ds);
	for (int i = 0; i < 5; i++)
		free(v[i]);
	return rc;
}

/* The commendation's fields, filled from c (a new one: empty, dated today). */
static void commendation_fields(struct ui_field *f, const struct commendation *c,
				const char *today)
{
	char d[DATE_TEXT_SIZE];

	if (c->date != DATE_NONE)
		ui_fmt_date(c->date, d);
	ui_field_text(&f[0], "form", model_field_label("form"), UI_FIELD_TEXT, c->form,
		      LINE_MAX_CHARS);
	ui_field_text(&f[1], "decision", model_field_label("decision"), UI_FIELD_TEXT,
		      c->decision, 60);
	ui_field_text(&f[2], "decision_date", model_field_label("decision_date"), UI_FIELD_DATE,
		      c->date != DATE_NONE ? d : today, 10);
	ui_field_text(&f[3], "signer", model_field_label("signer"), UI_FIELD_TEXT, c->signer,
		      LINE_MAX_CHARS);
}

static int step_form(struct screen *s, enum form_kind kind)
{
	static const struct commendation none = { NULL, NULL, DATE_NONE, NULL };
	unsigned long long id = s->id;
	struct ui_field f[5];
	struct step_form sf = { s, kind };
	char today[DATE_TEXT_SIZE], title[96];
	size_t n = kind == FORM_PROPAGATE ? 3 : kind == FORM_COMMEND ? 4 : 5;
	int rc;

	ui_fmt_date(register_today(s->ui->r), today);
	memset(f, 0, sizeof f);
	if (kind == FORM_PROPAGATE)
		snprintf(title, sizeof title, _("Propagation of exemplar number %llu"), id);
	else if (kind == FORM_COMMEND)
		snprintf(title, sizeof title, _("Commendation of exemplar number %llu"), id);
	else
		snprintf(title, sizeof title, _("Correct the commendation of exemplar number %llu"),
			 id);
	if (kind == FORM_PROPAGATE) {
		ui_field_pick(&f[0], "channel", model_field_label("channel"), channel_labels(), 3,
			      0);
		ui_field_text(&f[1], "date", _("Date"), UI_FIELD_DATE, today, 10);
		ui_field_text(&f[2], "ref", model_field_label("ref"), UI_FIELD_TEXT, NULL,
			      LINE_MAX_CHARS);
	} else {
		commendation_fields(f, kind == FORM_CORRECT ? &s->x.commendation : &none, today);
		if (kind == FORM_CORRECT)
			ui_field_text(&f[4], "status_reason", _("Reason (required):"),
				      UI_FIELD_TEXT, NULL, LINE_MAX_CHARS);
	}
	struct ui_form fm = { title, f, n, 0, 0, "", false, step_save, NULL, NULL, NULL, &sf };
	rc = ui_form_run(s->ui, &fm);
	for (size_t i = 0; i < n; i++)
		ui_field_free(&f[i]);
	return rc;
}

/* Which propagation entry to remove, then why; 1 to go on, *n its number. */
static int pick_propagation(struct screen *s, size_t *n, char **why)
{
	const struct exemplar *x = &s->x;
	char **labels = calloc(x->n_propagations, sizeof *labels), d[DATE_TEXT_SIZE], q[600];
	size_t chosen = 0;
	int rc = labels ? 1 : 0;

	for (size_t i = 0; rc == 1 && i < x->n_propagations; i++) {
		const struct propagation *p = &x->propagations[i];
		ui_fmt_date(p->date, d);
		if (asprintf(&labels[i], "%zu. %s %s %s", i + 1, d, model_channel_label(p->channel),
			     p->ref ? p->ref : "") < 0) {
			labels[i] = NULL;
			rc = 0;
		}
	}
	if (rc == 1)
		rc = ui_prompt_pick(s->ui, _("Remove a propagation entry"),
				    (const char *const *)labels, x->n_propagations, 0, &chosen);
	if (rc == 1) {
		*n = chosen + 1;
		snprintf(q, sizeof q, _("Remove propagation entry %s? The audit trail keeps it."),
			 labels[chosen]);
		rc = ui_prompt_reason(s->ui, _("Remove a propagation entry"), q, LINE_MAX_CHARS,
				      why);
	}
	for (size_t i = 0; labels && i < x->n_propagations; i++)
		free(labels[i]);
	free(labels);
	return rc;
}

/*
 * The step or correction `id`, asked about first (a yes or no, or the
 * reason); 1 when it was asked for and *rc says how it went, 0 (not asked
 * for) or UI_KEY_QUIT.
 */
static int run_action(struct screen *s, int id, struct err *e, int *rc)
{
	struct reg *r = s->ui->r;
	char who[300], q[600], *why = NULL;
	size_t n = 0;
	int a = 1;

	snprintf(who, sizeof who, _("number %llu (%s)"), (unsigned long long)s->id,
		 s->x.name ? s->x.name : "");
	switch (id) {
	case A_ACCEPT:
		snprintf(q, sizeof q, _("Accept %s? It then counts as reviewed."), who);
		if ((a = ui_prompt_yesno(s->ui, _("Accept"), q)) == 1)
			*rc = register_accept(r, s->id, e);
		break;
	case A_PROPOSE:
		snprintf(q, sizeof q, _("Propose %s for commendation today?"), who);
		if ((a = ui_prompt_yesno(s->ui, _("Propose"), q)) == 1)
			*rc = register_propose(r, s->id, DATE_NONE, e);
		break;
	case A_RESUBMIT:
		snprintf(q, sizeof q, _("Introduce %s again to the Home Affairs Office?"), who);
		if ((a = ui_prompt_yesno(s->ui, _("Introduce again"), q)) == 1)
			*rc = register_resubmit(r, s->id, e);
		break;
	case A_RETURN:
		snprintf(q, sizeof q, _("Return %s to its unit?"), who);
		if ((a = ui_prompt_reason(s->ui, _("Return to the unit"), q, LINE_MAX_CHARS,
					  &why)) == 1)
			*rc = register_return(r, s->id, why, e);
		break;
	case A_REVOKE:
		snprintf(q, sizeof q, _("Revoke the commendation of %s?"), who);
		if ((a = ui_prompt_reason(s->ui, _("Revoke the commendation"), q, LINE_MAX_CHARS,
					  &why)) == 1)
			*rc = register_revoke(r, s->id, why, e);
		break;
	case A_REOPEN:
		snprintf(q, sizeof q, _("Send %s back to introduced, for another review?"), who);
		if ((a = ui_prompt_reason(s->ui, _("Reopen"), q, LINE_MAX_CHARS, &why)) == 1)
			*rc = register_reopen(r, s->id, why, e);
		break;
	case A_WITHDRAW:
		snprintf(q, sizeof q, _("Withdraw %s? It stays in the history, counts toward "
					"nothing, and only the Home Affairs Office can restore it."),
			 who);
		if ((a = ui_prompt_reason(s->ui, _("Withdraw"), q, LINE_MAX_CHARS, &why)) == 1)
			*rc = register_withdraw(r, s->id, why, e);
		break;
	case A_UNPROPAGATE:
		if ((a = pick_propagation(s, &n, &why)) == 1)
			*rc = register_remove_propagation(r, s->id, n, why, e);
		break;
	case A_COMMEND: case A_PROPAGATE: case A_CORRECT:
		a = step_form(s, id == A_PROPAGATE ? FORM_PROPAGATE
			      : id == A_COMMEND ? FORM_COMMEND : FORM_CORRECT);
		break;
	}
	free(why);
	return a;
}

static int step(struct screen *s, int id)
{
	struct ui *ui = s->ui;
	struct err e = { 0 };
	int rc = 0, q = run_action(s, id, &e, &rc);

	if (q == UI_KEY_QUIT)
		return UI_KEY_QUIT;
	ui_term_sync(ui); /* the message below words the new status */
	if (rc)
		ui_term_say(ui, true, "%s", e.msg);
	else if (q == 1)
		ui_term_say(ui, false, _("Done: exemplar number %llu is now \"%s\"."),
			    (unsigned long long)s->id, model_status_label(s->x.status));
	return 0;
}

static int act(struct ui_listscreen *ls, const struct ui_action *a)
{
	struct screen *s = ls->ctx;

	if (!enabled(a->id, s)) {
		struct err why = { 0 };
		if (a->id == A_EDIT && s->loaded && !register_may_edit(s->ui->r, &s->x, &why))
			ui_term_say(s->ui, true, "%s", why.msg);
		else
			ui_term_say(s->ui, true, _("\"%s\" is not possible while the exemplar is "
						   "\"%s\"."), _(a->hint),
				    model_status_label(s->x.status));
		return UI_DONE;
	}
	if (a->id == A_EDIT) {
		int rc = ui_exform_run(s->ui, s->id, NULL, NULL);
		if (rc == 1)
			ui_term_say(s->ui, false, _("Saved exemplar number %llu."),
				    (unsigned long long)s->id);
		return ui_action_result(rc);
	}
	return ui_action_result(step(s, a->id));
}

static const struct ui_listscreen_class screen = {
	.help = { N_("One exemplar"), N_("Every field of the profile, its commendation and "
		  "propagation, and below them its history: who changed what and when. The last "
		  "line offers the steps that are possible for the exemplar's status and your "
		  "role."), actions, N_ACTIONS },
	.top = 2, .paged = true, .load = load, .fill = build, .act = act, .enabled = enabled,
};

void ui_detail_help(struct ui_help_section *s)
{
	*s = screen.help;
}

int ui_detail_run(struct ui *ui, uint64_t id)
{
	struct screen s;
	int rc;

	memset(&s, 0, sizeof s);
	s.ui = ui;
	s.id = id;
	model_exemplar_init(&s.x);
	ui_listscreen_init(&s.ls, &screen, ui, &s);
	s.ls.title = s.title;
	rc = ui_listscreen_run(&s.ls);
	model_exemplar_free(&s.x);
	return rc;
}
