/*
 * register_flow.c - see register.h: the review workflow and the office's
 * corrections.  Each is one step (struct step) run by step_txn(): the
 * role, the status it starts from, the closed quarter, the change, the new
 * version and the audit entry, in one write transaction.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fields.h"
#include "i18n.h"
#include "register_priv.h"
#include "roles.h"

#define BIT(s) (1u << (s))
#define EVERY_STATUS (BIT(STATUS_COUNT_) - 2u) /* every bit from 1 to STATUS_COUNT_ - 1 */

struct step;
/* A step's own change to x, a copy of the stored record (status already set). */
typedef int step_fn(const struct reg *r, const struct step *s, struct exemplar *x,
		    struct err *e);

/*
 * One workflow step or correction: who may take it, from which states, to
 * which (0: unchanged), and what else it changes (`apply`, with the step's
 * data).  `reason` is the audit entry's note; with `keep_reason` it is
 * also the record's reason for its new status (returned, revoked,
 * withdrawn), which a new status otherwise drops.  A `dated` step is one
 * unit staff may not take once the record's quarter has closed.
 */
struct step {
	enum roles_action act;
	const char *op;              /* audit op code */
	unsigned from;               /* BIT() of every status it starts from */
	enum ex_status to;
	const char *rule;            /* shown when the status does not allow it */
	const char *reason;
	bool keep_reason, dated;
	step_fn *apply;
	const struct commendation *commend;
	const struct propagation *prop;
	date_t date;                 /* propose: the day of the proposal */
	size_t index;                /* removing a propagation: its number, from 1 */
};

struct step_ctx {
	struct reg *r;
	uint64_t id;
	const struct step *s;
};

static char *dup_opt(const char *s)
{
	return s && *s ? strdup(s) : NULL;
}

/* *dst = a copy of s (NULL for none); 0, or -1 when the copy could not be made. */
static int set_opt(char **dst, const char *s)
{
	free(*dst);
	*dst = dup_opt(s);
	return !*dst && s && *s ? -1 : 0;
}

static bool blank(const char *s)
{
	return !s || !s[strspn(s, " \t\n")];
}

/* Something changed between old and x (the audit diff has a line)?  -1: out of memory. */
static int differs(const struct exemplar *old, const struct exemplar *x)
{
	struct audit_entry probe;
	int rc;

	audit_entry_init(&probe);
	rc = audit_diff_exemplars(&probe, old, x) ? -1 : probe.n_changes > 0;
	audit_entry_free(&probe);
	return rc;
}

static int step_txn(struct store_txn *t, void *p, struct err *e)
{
	struct step_ctx *c = p;
	const struct step *s = c->s;
	const struct reg *r = c->r;
	struct exemplar old, x;
	int rc = -1, changed;

	model_exemplar_init(&old);
	model_exemplar_init(&x);
	if (store_get_exemplar(t, c->id, &old, e) || roles_check(r->cfg, r->role, s->act, &old,
								  NULL, e) ||
	    (s->dated && roles_check_quarter(r->cfg, r->role, old.date, r->today, NULL, e)))
		goto out;
	if (!(s->from & BIT(old.status))) {
		err_set(e, ERR_INVALID, _("Exemplar number %llu is \"%s\": %s"),
			(unsigned long long)old.id, model_status_label(old.status),
			s->rule ? _(s->rule) : "");
		goto out;
	}
	if (model_exemplar_copy(&x, &old)) {
		err_nomem(e);
		goto out;
	}
	if (s->to) {
		x.status = s->to;
		if (set_opt(&x.status_reason, s->keep_reason ? s->reason : NULL)) {
			err_nomem(e);
			goto out;
		}
	}
	if ((s->apply && s->apply(r, s, &x, e)) || model_exemplar_clean_since(&x, &old, NULL, e))
		goto out;
	if ((changed = differs(&old, &x)) < 0) {
		err_nomem(e);
		goto out;
	}
	if (!changed) {
		err_set(e, ERR_INVALID, _("Exemplar number %llu already has these details; nothing "
					  "was changed."), (unsigned long long)old.id);
		goto out;
	}
	x.version = old.version + 1;
	x.updated_at = time(NULL);
	snprintf(x.updated_by, sizeof x.updated_by, "%s", r->user);
	if (store_put_exemplar(t, &old, &x, e) ||
	    register_audit(t, r, s->op, &old, &x, s->reason, e))
		goto out;
	rc = 0;
out:
	model_exemplar_free(&old);
	model_exemplar_free(&x);
	return rc;
}

static int run_step(struct reg *r, uint64_t id, const struct step *s, struct err *e)
{
	struct step_ctx c = { r, id, s };

	return store_write(r->store, step_txn, &c, e);
}

/* A reason given with a step or a correction is required and must be real text. */
static int need_reason(const char *reason, struct err *e)
{
	if (blank(reason))
		return err_set_field(e, ERR_INVALID, "status_reason",
				     _("%s (reason): a reason is required."),
				     model_field_label("status_reason"));
	return 0;
}

/* A date given with a step: set, not in the future. */
static int need_date(const struct reg *r, const char *field, date_t d, struct err *e)
{
	if (d == DATE_NONE)
		return err_set_field(e, ERR_INVALID, field, _("%s: a date is required."),
				     model_field_label(field));
	if (d > r->today)
		return err_set_field(e, ERR_INVALID, field, _("%s: the date is after today."),
				     model_field_label(field));
	return 0;
}

/* Date d of `field` is not before `limit` (what `what` names), when both are set. */
static int not_before(const char *field, date_t d, date_t limit, const char *what,
		      struct err *e)
{
	char a[DATE_TEXT_SIZE], b[DATE_TEXT_SIZE];

	if (d == DATE_NONE || limit == DATE_NONE || d >= limit)
		return 0;
	date_format_vn(d, a);
	date_format_vn(limit, b);
	return err_set_field(e, ERR_INVALID, field, _("%s (%s): %s is before %s (%s)."),
			     model_field_label(field), field, a, what, b);
}

/* ---- the workflow ------------------------------------------------------------------ */

static int accept_apply(const struct reg *r, const struct step *s, struct exemplar *x,
			struct err *e)
{
	(void)r;
	(void)s;
	if (blank(x->achievements))
		return err_set_field(e, ERR_INVALID, "achievements",
				     _("%s (achievements): an exemplar cannot be accepted while its "
				       "achievements are empty; return it to its unit to complete "
				       "them."), model_field_label("achievements"));
	return 0;
}

int register_accept(struct reg *r, uint64_t id, struct err *e)
{
	struct step s = { .act = ROLES_ACCEPT, .op = "accept", .from = BIT(STATUS_INTRODUCED),
			  .to = STATUS_ACCEPTED, .apply = accept_apply,
			  .rule = N_("only an introduced exemplar can be accepted.") };

	return run_step(r, id, &s, e);
}

int register_return(struct reg *r, uint64_t id, const char *reason, struct err *e)
{
	struct step s = { .act = ROLES_RETURN, .op = "return", .from = BIT(STATUS_INTRODUCED),
			  .to = STATUS_RETURNED, .reason = reason, .keep_reason = true,
			  .rule = N_("only an introduced exemplar can be returned.") };

	return need_reason(reason, e) ? -1 : run_step(r, id, &s, e);
}

int register_resubmit(struct reg *r, uint64_t id, struct err *e)
{
	struct step s = { .act = ROLES_RESUBMIT, .op = "resubmit", .from = BIT(STATUS_RETURNED),
			  .to = STATUS_INTRODUCED, .dated = true,
			  .rule = N_("only a returned exemplar can be introduced again.") };

	return run_step(r, id, &s, e);
}

static int propose_apply(const struct reg *r, const struct step *s, struct exemplar *x,
			 struct err *e)
{
	(void)r;
	x->proposal_date = s->date;
	return not_before("proposal_date", s->date, x->date, _("the introduction"), e);
}

int register_propose(struct reg *r, uint64_t id, date_t day, struct err *e)
{
	struct step s = { .act = ROLES_PROPOSE, .op = "propose", .from = BIT(STATUS_ACCEPTED),
			  .to = STATUS_PROPOSED, .apply = propose_apply,
			  .date = day == DATE_NONE ? r->today : day,
			  .rule = N_("only an accepted exemplar can be proposed for commendation.") };

	return need_date(r, "proposal_date", s.date, e) ? -1 : run_step(r, id, &s, e);
}

/* A commendation as it is to be kept: every detail there, its date possible. */
static int check_commendation(const struct reg *r, const struct exemplar *x, struct err *e)
{
	const struct commendation *c = &x->commendation;
	static const char *required[] = { "form", "decision", "signer" };
	const char *v[] = { c->form, c->decision, c->signer };

	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		if (blank(v[i]))
			return err_set_field(e, ERR_INVALID, required[i], _("%s (%s): required."),
					     model_field_label(required[i]), required[i]);
	if (need_date(r, "decision_date", c->date, e) ||
	    not_before("decision_date", c->date, x->proposal_date,
		       _("the proposal for commendation"), e) ||
	    not_before("decision_date", c->date, x->date, _("the introduction"), e))
		return -1;
	return 0;
}

/* The details given (NULL texts and DATE_NONE: unchanged), then the check. */
static int commend_apply(const struct reg *r, const struct step *s, struct exemplar *x,
			 struct err *e)
{
	const struct commendation *in = s->commend;
	struct commendation *c = &x->commendation;

	if ((in->form && set_opt(&c->form, in->form)) ||
	    (in->decision && set_opt(&c->decision, in->decision)) ||
	    (in->signer && set_opt(&c->signer, in->signer)))
		return err_nomem(e);
	if (in->date != DATE_NONE)
		c->date = in->date;
	return check_commendation(r, x, e);
}

int register_commend(struct reg *r, uint64_t id, const struct commendation *c,
		     struct err *e)
{
	struct commendation all = { c->form ? c->form : "", c->decision ? c->decision : "",
				    c->date, c->signer ? c->signer : "" };
	struct step s = { .act = ROLES_COMMEND, .op = "commend", .from = BIT(STATUS_PROPOSED),
			  .to = STATUS_COMMENDED, .apply = commend_apply, .commend = &all,
			  .rule = N_("only an exemplar proposed for commendation can be "
				     "commended.") };

	return run_step(r, id, &s, e);
}

int register_revoke(struct reg *r, uint64_t id, const char *reason, struct err *e)
{
	struct step s = { .act = ROLES_REVOKE, .op = "revoke", .from = BIT(STATUS_COMMENDED),
			  .to = STATUS_REVOKED, .reason = reason, .keep_reason = true,
			  .rule = N_("only a commended exemplar can have its commendation "
				     "revoked.") };

	return need_reason(reason, e) ? -1 : run_step(r, id, &s, e);
}

static int propagate_apply(const struct reg *r, const struct step *s, struct exemplar *x,
			   struct err *e)
{
	struct propagation *v;

	if (s->prop->date < x->date)
		return err_set_field(e, ERR_INVALID, "date", _("The propagation date is before "
							       "the exemplar's introduction date."));
	if (!(v = realloc(x->propagations, (x->n_propagations + 1) * sizeof *v)))
		return err_nomem(e);
	x->propagations = v;
	v += x->n_propagations++;
	*v = *s->prop;
	v->ref = NULL;
	if (set_opt(&v->ref, s->prop->ref))
		return err_nomem(e);
	snprintf(v->by, sizeof v->by, "%s", r->user);
	v->at = time(NULL);
	return 0;
}

int register_propagate(struct reg *r, uint64_t id, const struct propagation *p,
		       struct err *e)
{
	struct step s = { .act = ROLES_PROPAGATE, .op = "propagate",
			  .from = BIT(STATUS_ACCEPTED) | BIT(STATUS_PROPOSED) |
				  BIT(STATUS_COMMENDED), .apply = propagate_apply, .prop = p,
			  .rule = N_("propagation can be recorded only once an exemplar is "
				     "accepted.") };

	if (p->channel <= 0 || p->channel >= CHANNEL_COUNT_)
		return err_set_field(e, ERR_INVALID, "channel", _("%s (channel): choose radio, "
								  "portal or other."),
				     model_field_label("channel"));
	if (need_date(r, "date", p->date, e))
		return -1;
	return run_step(r, id, &s, e);
}

/* ---- corrections ----------------------------------------------------------------------- */

/* Back to introduced: what the later steps recorded goes with them (the
 * audit entry keeps it). */
static int reopen_apply(const struct reg *r, const struct step *s, struct exemplar *x,
			struct err *e)
{
	struct commendation *c = &x->commendation;

	(void)r;
	(void)s;
	(void)e;
	x->proposal_date = DATE_NONE;
	free(c->form);
	free(c->decision);
	free(c->signer);
	*c = (struct commendation){ NULL, NULL, DATE_NONE, NULL };
	return 0;
}

int register_reopen(struct reg *r, uint64_t id, const char *reason, struct err *e)
{
	struct step s = { .act = ROLES_REOPEN, .op = "reopen",
			  .from = BIT(STATUS_ACCEPTED) | BIT(STATUS_RETURNED) |
				  BIT(STATUS_PROPOSED) | BIT(STATUS_WITHDRAWN),
			  .to = STATUS_INTRODUCED, .reason = reason, .apply = reopen_apply,
			  .rule = N_("only an accepted, returned, proposed or withdrawn exemplar "
				     "can be reopened.") };

	return need_reason(reason, e) ? -1 : run_step(r, id, &s, e);
}

int register_withdraw(struct reg *r, uint64_t id, const char *reason, struct err *e)
{
	struct step s = { .act = ROLES_WITHDRAW, .op = "withdraw",
			  .from = EVERY_STATUS & ~BIT(STATUS_WITHDRAWN), .to = STATUS_WITHDRAWN,
			  .reason = reason, .keep_reason = true, .dated = true,
			  .rule = N_("it is withdrawn already.") };

	return need_reason(reason, e) ? -1 : run_step(r, id, &s, e);
}

int register_correct_commendation(struct reg *r, uint64_t id, const struct commendation *c,
				  const char *reason, struct err *e)
{
	struct step s = { .act = ROLES_CORRECT, .op = "correct", .from = BIT(STATUS_COMMENDED),
			  .reason = reason, .apply = commend_apply, .commend = c,
			  .rule = N_("only a commended exemplar's commendation can be "
				     "corrected.") };

	return need_reason(reason, e) ? -1 : run_step(r, id, &s, e);
}

static int unpropagate_apply(const struct reg *r, const struct step *s, struct exemplar *x,
			     struct err *e)
{
	(void)r;
	if (s->index < 1 || s->index > x->n_propagations)
		return err_set_field(e, ERR_INVALID, "propagation",
				     i18n_ntext("Exemplar number %llu has %zu propagation entry; "
						"there is no number %zu.",
						"Exemplar number %llu has %zu propagation entries; "
						"there is no number %zu.", x->n_propagations),
				     (unsigned long long)x->id, x->n_propagations, s->index);
	struct propagation *p = &x->propagations[s->index - 1];
	free(p->ref);
	memmove(p, p + 1, (x->n_propagations - s->index) * sizeof *p);
	x->n_propagations--;
	return 0;
}

int register_remove_propagation(struct reg *r, uint64_t id, size_t n, const char *reason,
				struct err *e)
{
	struct step s = { .act = ROLES_CORRECT, .op = "unpropagate", .from = EVERY_STATUS,
			  .reason = reason, .apply = unpropagate_apply, .index = n };

	return need_reason(reason, e) ? -1 : run_step(r, id, &s, e);
}
