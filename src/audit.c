/* audit.c - see audit.h. */
#include "audit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"
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

/* Note the propagation p as removed (was) or added (now). */
static int propagation_change(struct audit_entry *a, const struct propagation *p, bool was)
{
	char *t = propagation_text(p);
	int rc = !t || audit_add_change(a, "propagation", was ? t : NULL, was ? NULL : t);

	free(t);
	return rc ? -1 : 0;
}

static bool same_propagation(const struct propagation *p, const struct propagation *q)
{
	return p->channel == q->channel && p->date == q->date && p->at == q->at &&
	       !strcmp(p->by, q->by) && !strcmp(p->ref ? p->ref : "", q->ref ? q->ref : "");
}

/*
 * Propagations are appended, and the office removes one now and then: walk
 * both lists in step; an event of x not matched next in y was removed, the
 * events of y left over were added.
 */
static int diff_propagations(struct audit_entry *a, const struct exemplar *x,
			     const struct exemplar *y)
{
	size_t i = 0, j = 0, nx = x ? x->n_propagations : 0;

	for (; i < nx; i++) {
		if (j < y->n_propagations && same_propagation(&x->propagations[i],
							      &y->propagations[j]))
			j++;
		else if (propagation_change(a, &x->propagations[i], true))
			return -1;
	}
	for (; j < y->n_propagations; j++)
		if (propagation_change(a, &y->propagations[j], false))
			return -1;
	return 0;
}

/*
 * Every field but those the program keeps, in the table's order, compared
 * as files write it: a field whose text differs is a change; propagations
 * removed or added, each a change of its own.
 */
int audit_diff_exemplars(struct audit_entry *a, const struct exemplar *before,
			 const struct exemplar *after)
{
	struct exemplar empty;
	const struct exemplar *x = before ? before : &empty;
	char bx[FIELD_VALUE_SIZE], by[FIELD_VALUE_SIZE];

	model_exemplar_init(&empty);
	for (size_t i = 0; i < FIELD_COUNT; i++) {
		const struct field *f = &field_table[i];
		const char *vx, *vy;
		if (f->kind == FK_LIST && diff_propagations(a, before, after))
			return -1;
		if (field_kept(f) || !(vx = field_value(x, f, 0, bx)) ||
		    !(vy = field_value(after, f, 0, by)))
			continue;
		if (strcmp(vx, vy) != 0 && audit_add_change(a, f->code, vx, vy))
			return -1;
	}
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
	{ "reopen", N_("Reopened for review") },
	{ "withdraw", N_("Withdrawal") },
	{ "correct", N_("Commendation corrected") },
	{ "unpropagate", N_("Propagation removed") },
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
