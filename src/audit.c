/* audit.c - see audit.h. */
#include "audit.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

void audit_entry_init(struct audit_entry *a)
{
	memset(a, 0, sizeof *a);
}

void audit_entry_free(struct audit_entry *a)
{
	for (size_t i = 0; i < a->n_changes; i++) {
		free(a->changes[i].field);
		free(a->changes[i].before);
		free(a->changes[i].after);
	}
	free(a->changes);
	free(a->note);
	audit_entry_init(a);
}

static char *dup_or_null(const char *s)
{
	return s && *s ? strdup(s) : NULL;
}

int audit_add_change(struct audit_entry *a, const char *field,
		     const char *before, const char *after)
{
	struct audit_change *c = realloc(a->changes, (a->n_changes + 1) * sizeof *c);

	if (!c)
		return -1;
	a->changes = c;
	c = &a->changes[a->n_changes];
	c->field = strdup(field);
	c->before = dup_or_null(before);
	c->after = dup_or_null(after);
	if (!c->field || (before && *before && !c->before) || (after && *after && !c->after)) {
		free(c->field);
		free(c->before);
		free(c->after);
		return -1;
	}
	a->n_changes++;
	return 0;
}

static int str_eq(const char *x, const char *y)
{
	return strcmp(x ? x : "", y ? y : "") == 0;
}

/* Add a change when the two strings differ. */
static int diff_str(struct audit_entry *a, const char *field, const char *x, const char *y)
{
	return str_eq(x, y) ? 0 : audit_add_change(a, field, x, y);
}

static int diff_int(struct audit_entry *a, const char *field, long x, long y)
{
	char bx[24] = "", by[24] = "";

	if (x == y)
		return 0;
	if (x)
		snprintf(bx, sizeof bx, "%ld", x);
	if (y)
		snprintf(by, sizeof by, "%ld", y);
	return audit_add_change(a, field, bx, by);
}

static int diff_date(struct audit_entry *a, const char *field, date_t x, date_t y)
{
	char bx[DATE_TEXT_SIZE], by[DATE_TEXT_SIZE];

	if (x == y)
		return 0;
	date_format(x, bx);
	date_format(y, by);
	return audit_add_change(a, field, bx, by);
}

/* A propagation as one line: "radio 2024-05-02 Chuyên mục số 12". */
static char *propagation_text(const struct propagation *p)
{
	char d[DATE_TEXT_SIZE], *s;

	date_format(p->date, d);
	if (asprintf(&s, "%s %s%s%s", model_channel_code(p->channel), d,
		     p->ref ? " " : "", p->ref ? p->ref : "") < 0)
		return NULL;
	return s;
}

static int diff_propagations(struct audit_entry *a, const struct exemplar *x,
			     const struct exemplar *y)
{
	size_t from = x ? x->n_propagations : 0;

	/* Propagations are only ever appended, so the new ones are the tail. */
	for (size_t i = from; i < y->n_propagations; i++) {
		char *t = propagation_text(&y->propagations[i]);
		int rc = !t || audit_add_change(a, "propagation", NULL, t);
		free(t);
		if (rc)
			return -1;
	}
	return 0;
}

int audit_diff_exemplars(struct audit_entry *a, const struct exemplar *before,
			 const struct exemplar *after)
{
	struct exemplar empty;
	const struct exemplar *x = before;

	model_exemplar_init(&empty);
	if (!x)
		x = &empty;
	const struct exemplar *y = after;
	const char *ux = x->unit[0] ? x->unit : NULL;

	if ((x->type != y->type &&
	     audit_add_change(a, "type", x->type ? model_type_code(x->type) : NULL,
			      model_type_code(y->type))) ||
	    (x->category != y->category &&
	     audit_add_change(a, "category",
			      x->category ? model_category_code(x->category) : NULL,
			      model_category_code(y->category))) ||
	    (x->status != y->status &&
	     audit_add_change(a, "status", x->status ? model_status_code(x->status) : NULL,
			      model_status_code(y->status))) ||
	    diff_str(a, "unit", ux, y->unit) ||
	    diff_date(a, "date", x->date, y->date) ||
	    diff_str(a, "name", x->name, y->name) ||
	    (x->gender != y->gender &&
	     audit_add_change(a, "gender", model_gender_code(x->gender),
			      model_gender_code(y->gender))) ||
	    diff_int(a, "birth_year", x->birth_year, y->birth_year) ||
	    diff_str(a, "position", x->position, y->position) ||
	    diff_str(a, "workplace", x->workplace, y->workplace) ||
	    diff_str(a, "movement", x->movement, y->movement) ||
	    diff_str(a, "achievements", x->achievements, y->achievements) ||
	    diff_str(a, "status_reason", x->status_reason, y->status_reason) ||
	    diff_str(a, "form", x->commendation.form, y->commendation.form) ||
	    diff_str(a, "decision", x->commendation.decision, y->commendation.decision) ||
	    diff_date(a, "decision_date", x->commendation.date, y->commendation.date) ||
	    diff_str(a, "signer", x->commendation.signer, y->commendation.signer) ||
	    diff_propagations(a, before, after))
		return -1;
	return 0;
}

/* Op codes and their labels, in one table. */
static const struct { const char *code, *label; } ops[] = {
	{ "add", N_("Introduction") },
	{ "edit", N_("Profile edit") },
	{ "accept", N_("Acceptance") },
	{ "return", N_("Return to the unit") },
	{ "resubmit", N_("Introduction again") },
	{ "propose", N_("Proposal for commendation") },
	{ "commend", N_("Commendation") },
	{ "revoke", N_("Revocation of commendation") },
	{ "propagate", N_("Propagation record") },
	{ "import", N_("Import") },
	{ "units", N_("Units update") },
	{ "restore", N_("Restore from backup") },
};

const char *audit_op_label(const char *op)
{
	for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
		if (strcmp(ops[i].code, op) == 0)
			return _(ops[i].label);
	return op;
}
