/* register.c - see register.h. */
#include "register.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "codec.h"
#include "fields.h"
#include "i18n.h"
#include "roles.h"
#include "text.h"

/*
 * An open register: whose session it is and on which day.  The role is
 * resolved once at open; `cfg` is borrowed from the caller.
 */
struct reg {
	const struct config *cfg;
	struct store *store;
	char user[USER_MAX + 1];
	const struct role_entry *role; /* NULL never: open refuses accounts without one */
	date_t today;
};

/* ---- roles ------------------------------------------------------------------- */

bool register_may_edit(const struct reg *r, const struct exemplar *x, struct err *why)
{
	struct err tmp;

	return roles_check(r->cfg, r->role, ROLES_EDIT, x, NULL, why ? why : &tmp) == 0;
}

bool register_may_add(const struct reg *r, const char *unit, struct err *why)
{
	struct err tmp;

	if (!unit && r->role->role == ROLE_STAFF)
		return true;
	return roles_check(r->cfg, r->role, ROLES_ADD, NULL, unit, why ? why : &tmp) == 0;
}

int register_check_role(const struct reg *r, enum roles_action act, const struct exemplar *x,
			const char *unit, struct err *e)
{
	return roles_check(r->cfg, r->role, act, x, unit, e);
}

bool register_is_office(const struct reg *r)
{
	return r->role->role == ROLE_OFFICE;
}

/* ---- audit helper ------------------------------------------------------------- */

/* Write the audit entry for a change of `before` into `after`. */
static int audit_change(struct store_txn *t, const struct reg *r, const char *op,
			const struct exemplar *before, const struct exemplar *after,
			const char *note, struct err *e)
{
	struct audit_entry a;
	int rc;

	audit_entry_init(&a);
	a.time = after->updated_at;
	snprintf(a.user, sizeof a.user, "%s", r->user);
	snprintf(a.op, sizeof a.op, "%s", op);
	a.record = after->id;
	if ((note && !(a.note = strdup(note))) || audit_diff_exemplars(&a, before, after)) {
		audit_entry_free(&a);
		return err_nomem(e);
	}
	rc = store_append_audit(t, &a, e);
	audit_entry_free(&a);
	return rc;
}

/* ---- opening ------------------------------------------------------------------- */

/*
 * The store, and the units in line with the config.  Read only when asked
 * and nothing is due to be written first (a schema to migrate, units the
 * config changed): then it is opened for writing, does that, and stays so.
 */
static int open_store(struct reg *r, const char *dir, unsigned flags, struct err *e)
{
	const struct config *cfg = r->cfg;
	bool in_line = false;

	if (flags & REG_READ_ONLY) {
		if (store_open(dir, cfg->map_size, STORE_READ_ONLY, &r->store, e))
			return -1;
		if (!store_outdated(r->store) && units_in_line(r->store, cfg, &in_line, e))
			return -1;
		if (in_line)
			return 0;
		store_close(r->store);
		r->store = NULL;
	}
	if (store_open(dir, cfg->map_size, flags & REG_CREATE ? STORE_CREATE : 0, &r->store, e))
		return -1;
	return units_sync(r->store, cfg, r->user, e);
}

int register_open(const struct config *cfg, const char *dbdir, const char *user,
		  date_t today, unsigned flags, struct reg **out, struct err *e)
{
	struct reg *r;
	const struct role_entry *re = config_role(cfg, user);
	char *dir;

	*out = NULL;
	if (!re || re->role == ROLE_NONE)
		return err_set(e, ERR_DENIED, _("The account \"%s\" has no role in dienhinh. Ask the "
						"Home Affairs Office to add it to the [roles] section "
						"of %s."), user, cfg->path);
	if (!(r = calloc(1, sizeof *r)))
		return err_nomem(e);
	r->cfg = cfg;
	r->role = re;
	r->today = today;
	snprintf(r->user, sizeof r->user, "%s", user);
	dir = dbdir ? strdup(dbdir) : config_database_path(cfg);
	if (!dir) {
		free(r);
		return err_nomem(e);
	}
	int rc = open_store(r, dir, flags, e);
	free(dir);
	if (rc) {
		register_close(r);
		return -1;
	}
	*out = r;
	return 0;
}

void register_close(struct reg *r)
{
	if (!r)
		return;
	store_close(r->store);
	free(r);
}

const char *register_user(const struct reg *r) { return r->user; }
enum role register_role(const struct reg *r) { return r->role->role; }
date_t register_today(const struct reg *r) { return r->today; }
const struct config *register_config(const struct reg *r) { return r->cfg; }
struct store *register_store(struct reg *r) { return r->store; }

int register_units(struct reg *r, struct unit_list *out, struct err *e)
{
	return units_load(r->store, r->cfg, out, e);
}

uint64_t register_last_change(struct reg *r)
{
	return store_last_txn(r->store);
}

int register_housekeeping(struct reg *r)
{
	return store_reader_check(r->store);
}

/* ---- reading one ------------------------------------------------------------------ */

struct get_ctx {
	uint64_t id;
	struct exemplar *x;
};

static int get_txn(struct store_txn *t, void *p, struct err *e)
{
	struct get_ctx *c = p;

	return store_get_exemplar(t, c->id, c->x, e);
}

int register_get(struct reg *r, uint64_t id, struct exemplar *x, struct err *e)
{
	struct get_ctx c = { id, x };

	return store_read(r->store, get_txn, &c, e);
}

/* ---- adding and editing -------------------------------------------------------------- */

int register_unit_allows(const struct unit *u, const struct exemplar *x, struct err *e)
{
	char d[DATE_TEXT_SIZE];

	if (!x->unit[0])
		return err_set_field(e, ERR_INVALID, "unit", _("%s (unit): choose the introducing "
							       "unit."), model_field_label("unit"));
	if (!u)
		return err_set_field(e, ERR_INVALID, "unit", _("%s (unit): there is no unit with "
							       "code \"%s\"."),
				     model_field_label("unit"), x->unit);
	if (model_unit_active_on(u, x->date))
		return 0;
	date_format_vn(x->date, d);
	if (u->successor[0])
		return err_set_field(e, ERR_INVALID, "unit",
				     _("%s (unit): %s was not active on %s; its successor is "
				       "\"%s\"."), model_field_label("unit"), u->name, d,
				     u->successor);
	return err_set_field(e, ERR_INVALID, "unit", _("%s (unit): %s was not active on %s."),
			     model_field_label("unit"), u->name, d);
}

/* register_unit_allows() with the unit as the database holds it. */
static int check_unit(struct store_txn *t, const struct exemplar *x, struct err *e)
{
	struct unit u = { .active_from = DATE_NONE, .active_to = DATE_NONE };
	int rc;

	if (x->unit[0] && store_get_unit(t, x->unit, &u, e)) {
		if (e->code != ERR_NOTFOUND)
			return -1;
		return register_unit_allows(NULL, x, e);
	}
	rc = register_unit_allows(x->unit[0] ? &u : NULL, x, e);
	model_unit_free(&u);
	return rc;
}

/* The refusal of a record that is already there as number `dup`. */
static int duplicate(const struct exemplar *x, uint64_t dup, struct err *e)
{
	return err_set_field(e, ERR_DUPLICATE, "name",
			     _("%s of %s introduced on this date is already recorded as "
			       "number %llu."), x->name, x->unit, (unsigned long long)dup);
}

int register_check_duplicate(struct store_txn *t, const struct exemplar *x, uint64_t skip,
			     struct err *e)
{
	uint64_t found;

	if (store_find_same(t, x, skip, &found, e))
		return -1;
	return found ? duplicate(x, found, e) : 0;
}

int register_add_new(struct store_txn *t, struct exemplar *x, struct err *e)
{
	uint64_t dup;

	if (store_add_exemplar(t, x, &dup, e))
		return -1;
	return dup ? duplicate(x, dup, e) : 0;
}

struct add_ctx {
	struct reg *r;
	struct exemplar *x;
};

static int add_txn(struct store_txn *t, void *p, struct err *e)
{
	struct add_ctx *c = p;
	struct exemplar *x = c->x;

	if (check_unit(t, x, e) || store_next_id(t, &x->id, e) || register_add_new(t, x, e))
		return -1;
	return audit_change(t, c->r, "add", NULL, x, NULL, e);
}

int register_add(struct reg *r, struct exemplar *x, const char **legacy, struct err *e)
{
	struct add_ctx c = { r, x };

	x->id = 0;
	x->version = 1;
	x->status = STATUS_INTRODUCED;
	if (roles_check(r->cfg, r->role, ROLES_ADD, NULL, x->unit, e) ||
	    model_exemplar_clean(x, legacy, e) || model_exemplar_validate(x, r->today, e))
		return -1;
	x->created_at = x->updated_at = time(NULL);
	snprintf(x->created_by, sizeof x->created_by, "%s", r->user);
	snprintf(x->updated_by, sizeof x->updated_by, "%s", r->user);
	return store_write(r->store, add_txn, &c, e);
}

/* Move the profile fields (what a person edits: FF_EDIT) from `src` into `dst`. */
static void take_profile(struct exemplar *dst, struct exemplar *src)
{
	dst->type = src->type;
	dst->category = src->category;
	dst->gender = src->gender;
	dst->birth_year = src->birth_year;
	dst->date = src->date;
	memcpy(dst->unit, src->unit, sizeof dst->unit);
	for (size_t i = 0; i < FIELD_COUNT; i++) {
		const struct field *f = &field_table[i];
		if (f->kind == FK_TEXT && (f->flags & FF_EDIT)) {
			free(*field_text_at(dst, f));
			*field_text_at(dst, f) = *field_text_at(src, f);
			*field_text_at(src, f) = NULL;
		}
	}
}

static int conflict(const struct exemplar *stored, struct err *e)
{
	char when[32];
	time_t at = (time_t)stored->updated_at;
	struct tm tm;

	localtime_r(&at, &tm);
	strftime(when, sizeof when, "%H:%M %d/%m/%Y", &tm);
	return err_set(e, ERR_CONFLICT, _("%s saved exemplar number %llu at %s, after you "
					  "opened it. Your changes were not saved; reload to see "
					  "theirs."), stored->updated_by,
		       (unsigned long long)stored->id, when);
}

struct edit_ctx {
	struct reg *r;
	const struct exemplar *x; /* the person's version */
	const char **legacy;
	struct exemplar saved;    /* what was written; handed over only after commit */
};

static int edit_txn(struct store_txn *t, void *p, struct err *e)
{
	struct edit_ctx *c = p;
	struct exemplar old, merged;
	int rc = -1;

	model_exemplar_init(&old);
	model_exemplar_init(&merged);
	model_exemplar_free(&c->saved);
	if (store_get_exemplar(t, c->x->id, &old, e))
		goto out;
	if (c->x->version > old.version) { /* a typing mistake (edit --version), not a race */
		err_set_field(e, ERR_INVALID, "version", _("Exemplar number %llu is at version %u; "
							   "there is no version %u."),
			      (unsigned long long)old.id, old.version, c->x->version);
		goto out;
	}
	if (old.version != c->x->version) {
		conflict(&old, e);
		goto out;
	}
	if (roles_check(c->r->cfg, c->r->role, ROLES_EDIT, &old, c->x->unit, e))
		goto out;
	if (model_exemplar_copy(&merged, &old)) {
		err_nomem(e);
		goto out;
	}
	struct exemplar in;
	model_exemplar_init(&in);
	if (model_exemplar_copy(&in, c->x)) {
		err_nomem(e);
		goto out;
	}
	take_profile(&merged, &in);
	model_exemplar_free(&in);
	if (model_exemplar_clean_since(&merged, &old, c->legacy, e) ||
	    model_exemplar_validate(&merged, c->r->today, e) ||
	    ((strcmp(old.unit, merged.unit) || old.date != merged.date) &&
	     check_unit(t, &merged, e)) ||
	    register_check_duplicate(t, &merged, merged.id, e))
		goto out;
	struct audit_entry probe;
	audit_entry_init(&probe);
	if (audit_diff_exemplars(&probe, &old, &merged)) {
		audit_entry_free(&probe);
		err_nomem(e);
		goto out;
	}
	bool changed = probe.n_changes > 0;
	audit_entry_free(&probe);
	if (changed) {
		merged.version = old.version + 1;
		merged.updated_at = time(NULL);
		snprintf(merged.updated_by, sizeof merged.updated_by, "%s", c->r->user);
		if (store_put_exemplar(t, &old, &merged, e) ||
		    audit_change(t, c->r, "edit", &old, &merged, NULL, e))
			goto out;
	}
	rc = 0;
	c->saved = merged;
	model_exemplar_init(&merged);
out:
	model_exemplar_free(&old);
	model_exemplar_free(&merged);
	return rc;
}

int register_edit(struct reg *r, struct exemplar *x, const char **legacy, struct err *e)
{
	struct edit_ctx c = { r, x, legacy, { 0 } };

	if (legacy)
		*legacy = NULL;
	model_exemplar_init(&c.saved);
	if (store_write(r->store, edit_txn, &c, e)) {
		model_exemplar_free(&c.saved);
		return -1;
	}
	model_exemplar_free(x);
	*x = c.saved;
	return 0;
}

/* ---- the workflow ---------------------------------------------------------------- */

#define BIT(s) (1u << (s))

/* One workflow step: who may take it, from which states, to which. */
struct step {
	enum roles_action act;
	const char *op;              /* audit op code */
	unsigned from;               /* BIT() of every status it starts from */
	enum ex_status to;           /* 0: status unchanged (propagation) */
	const char *rule;            /* shown when the status does not allow it */
	const char *reason;          /* return, revoke: required */
	const struct commendation *commend;
	const struct propagation *prop;
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

/* Apply the step's data to `x` (a copy of the stored record). */
static int step_apply(const struct reg *r, const struct step *s, struct exemplar *x,
		      struct err *e)
{
	if (s->to) {
		/* A reason belongs to the status it explains; a new status drops the old one. */
		x->status = s->to;
		if (set_opt(&x->status_reason, s->reason))
			return err_nomem(e);
	}
	if (s->commend) {
		struct commendation *c = &x->commendation;
		if (set_opt(&c->form, s->commend->form) ||
		    set_opt(&c->decision, s->commend->decision) ||
		    set_opt(&c->signer, s->commend->signer))
			return err_nomem(e);
		c->date = s->commend->date;
	}
	if (s->prop && s->prop->date < x->date)
		return err_set_field(e, ERR_INVALID, "date", _("The propagation date is before "
							       "the exemplar's introduction date."));
	if (s->prop) {
		struct propagation *v = realloc(x->propagations,
						(x->n_propagations + 1) * sizeof *v);
		if (!v)
			return err_nomem(e);
		x->propagations = v;
		v += x->n_propagations++;
		*v = *s->prop;
		v->ref = NULL;
		if (set_opt(&v->ref, s->prop->ref))
			return err_nomem(e);
		snprintf(v->by, sizeof v->by, "%s", r->user);
		v->at = time(NULL);
	}
	return 0;
}

static int step_txn(struct store_txn *t, void *p, struct err *e)
{
	struct step_ctx *c = p;
	const struct step *s = c->s;
	struct exemplar old, x;
	int rc = -1;

	model_exemplar_init(&old);
	model_exemplar_init(&x);
	if (store_get_exemplar(t, c->id, &old, e) || roles_check(c->r->cfg, c->r->role, s->act, &old, NULL, e))
		goto out;
	if (!(s->from & BIT(old.status))) {
		err_set(e, ERR_INVALID, _("Exemplar number %llu is \"%s\": %s"),
			(unsigned long long)old.id, model_status_label(old.status), _(s->rule));
		goto out;
	}
	if (model_exemplar_copy(&x, &old)) {
		err_nomem(e);
		goto out;
	}
	if (step_apply(c->r, s, &x, e) || model_exemplar_clean_since(&x, &old, NULL, e))
		goto out;
	x.version = old.version + 1;
	x.updated_at = time(NULL);
	snprintf(x.updated_by, sizeof x.updated_by, "%s", c->r->user);
	if (store_put_exemplar(t, &old, &x, e) ||
	    audit_change(t, c->r, s->op, &old, &x, s->reason, e))
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

/* A reason is required and must be real text. */
static int need_reason(const char *reason, struct err *e)
{
	if (!reason || !reason[strspn(reason, " \t\n")])
		return err_set_field(e, ERR_INVALID, "status_reason",
				     _("%s (reason): a reason is required."),
				     model_field_label("status_reason"));
	return 0;
}

/* A date given with a step: set, not in the future, not before the introduction. */
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

int register_accept(struct reg *r, uint64_t id, struct err *e)
{
	struct step s = { ROLES_ACCEPT, "accept", BIT(STATUS_INTRODUCED), STATUS_ACCEPTED,
			  N_("only an introduced exemplar can be accepted."), 0, 0, 0 };

	return run_step(r, id, &s, e);
}

int register_return(struct reg *r, uint64_t id, const char *reason, struct err *e)
{
	struct step s = { ROLES_RETURN, "return", BIT(STATUS_INTRODUCED), STATUS_RETURNED,
			  N_("only an introduced exemplar can be returned."), reason, 0, 0 };

	return need_reason(reason, e) ? -1 : run_step(r, id, &s, e);
}

int register_resubmit(struct reg *r, uint64_t id, struct err *e)
{
	struct step s = { ROLES_RESUBMIT, "resubmit", BIT(STATUS_RETURNED), STATUS_INTRODUCED,
			  N_("only a returned exemplar can be introduced again."), 0, 0, 0 };

	return run_step(r, id, &s, e);
}

int register_propose(struct reg *r, uint64_t id, struct err *e)
{
	struct step s = { ROLES_PROPOSE, "propose", BIT(STATUS_ACCEPTED), STATUS_PROPOSED,
			  N_("only an accepted exemplar can be proposed for commendation."),
			  0, 0, 0 };

	return run_step(r, id, &s, e);
}

int register_commend(struct reg *r, uint64_t id, const struct commendation *c,
		     struct err *e)
{
	struct step s = { ROLES_COMMEND, "commend", BIT(STATUS_PROPOSED), STATUS_COMMENDED,
			  N_("only an exemplar proposed for commendation can be commended."),
			  0, c, 0 };

	if (!c->form || !*c->form)
		return err_set_field(e, ERR_INVALID, "form", _("%s (form): required."),
				     model_field_label("form"));
	if (!c->decision || !*c->decision)
		return err_set_field(e, ERR_INVALID, "decision", _("%s (decision): required."),
				     model_field_label("decision"));
	if (need_date(r, "decision_date", c->date, e))
		return -1;
	return run_step(r, id, &s, e);
}

int register_revoke(struct reg *r, uint64_t id, const char *reason, struct err *e)
{
	struct step s = { ROLES_REVOKE, "revoke", BIT(STATUS_COMMENDED), STATUS_REVOKED,
			  N_("only a commended exemplar can have its commendation revoked."),
			  reason, 0, 0 };

	return need_reason(reason, e) ? -1 : run_step(r, id, &s, e);
}

int register_propagate(struct reg *r, uint64_t id, const struct propagation *p,
		       struct err *e)
{
	struct step s = { ROLES_PROPAGATE, "propagate",
			  BIT(STATUS_ACCEPTED) | BIT(STATUS_PROPOSED) | BIT(STATUS_COMMENDED), 0,
			  N_("propagation can be recorded only once an exemplar is accepted."),
			  0, 0, p };

	if (p->channel <= 0 || p->channel >= CHANNEL_COUNT_)
		return err_set_field(e, ERR_INVALID, "channel", _("%s (channel): choose radio, "
								  "portal or other."),
				     model_field_label("channel"));
	if (need_date(r, "date", p->date, e))
		return -1;
	return run_step(r, id, &s, e);
}


/* ---- backup and restore ------------------------------------------------------------ */

int register_backup(struct reg *r, const char *dir, struct err *e)
{
	if (r->role->role != ROLE_OFFICE)
		return err_set(e, ERR_DENIED, _("Only the Home Affairs Office (office role) can take "
						"a backup: a backup holds every record and the whole "
						"audit trail."));
	return store_backup(r->store, dir, e);
}

int register_restore(struct reg *r, const char *dir, char *safety, size_t n, struct err *e)
{
	struct audit_entry a;
	char stamp[32];
	time_t now = time(NULL);
	struct tm tm;
	int rc;

	if (roles_check(r->cfg, r->role, ROLES_RESTORE, NULL, NULL, e))
		return -1;
	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	snprintf(safety, n, "%s/safety/before-restore-%s", store_dir(r->store), stamp);
	/* Two restores within a second: the second copy gets a number. */
	for (int k = 2; access(safety, F_OK) == 0 && k < 100; k++)
		snprintf(safety, n, "%s/safety/before-restore-%s-%d", store_dir(r->store), stamp, k);
	audit_entry_init(&a);
	a.time = now;
	snprintf(a.user, sizeof a.user, "%s", r->user);
	snprintf(a.op, sizeof a.op, "restore");
	if (asprintf(&a.note, _("from %s; the database before is kept in %s"), dir, safety) < 0) {
		a.note = NULL;
		return err_nomem(e);
	}
	rc = store_restore(r->store, dir, safety, &a, e);
	audit_entry_free(&a);
	return rc;
}
