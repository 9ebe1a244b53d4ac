/* register.c - see register.h. */
#include "register.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "codec.h"
#include "fields.h"
#include "i18n.h"
#include "mem.h"
#include "register_priv.h"
#include "roles.h"
#include "text.h"

/* ---- roles ------------------------------------------------------------------- */

bool register_may(const struct reg *r, enum roles_action act, const struct exemplar *x,
		  struct err *why)
{
	struct err tmp, *e = why ? why : &tmp;
	bool dated = act == ROLES_EDIT || act == ROLES_WITHDRAW || act == ROLES_RESUBMIT;

	return roles_check(r->cfg, r->role, act, x, NULL, e) == 0 &&
	       (!dated || roles_check_quarter(r->cfg, r->role, x->date, r->today, NULL, e) == 0);
}

bool register_may_edit(const struct reg *r, const struct exemplar *x, struct err *why)
{
	return register_may(r, ROLES_EDIT, x, why);
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

int register_check_quarter(const struct reg *r, date_t day, bool *late, struct err *e)
{
	return roles_check_quarter(r->cfg, r->role, day, r->today, late, e);
}

bool register_is_office(const struct reg *r)
{
	return r->role->role == ROLE_OFFICE;
}

/* ---- audit helper ------------------------------------------------------------- */

int register_audit(struct store_txn *t, const struct reg *r, const char *op,
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

/* The refusal of a record that is already there as number `dup`, naming
 * the unit as people know it (its code only when the store has no name). */
static int duplicate(struct store_txn *t, const struct exemplar *x, uint64_t dup,
		     struct err *e)
{
	struct unit u = { .active_from = DATE_NONE, .active_to = DATE_NONE };
	struct err quiet = { 0 };
	bool found = x->unit[0] && store_get_unit(t, x->unit, &u, &quiet) == 0;

	err_set_field(e, ERR_DUPLICATE, "name",
		      _("%s of %s introduced on this date is already recorded as number %llu."),
		      x->name, found && u.name ? u.name : x->unit, (unsigned long long)dup);
	if (found)
		model_unit_free(&u);
	return -1;
}

int register_check_duplicate(struct store_txn *t, const struct exemplar *x, uint64_t skip,
			     struct err *e)
{
	uint64_t found;

	if (store_find_same(t, x, skip, &found, e))
		return -1;
	return found ? duplicate(t, x, found, e) : 0;
}

int register_add_new(struct store_txn *t, struct exemplar *x, struct err *e)
{
	uint64_t dup;

	if (store_add_exemplar(t, x, &dup, e))
		return -1;
	return dup ? duplicate(t, x, dup, e) : 0;
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
	return register_audit(t, c->r, "add", NULL, x, NULL, e);
}

int register_add(struct reg *r, struct exemplar *x, const char **legacy, struct err *e)
{
	struct add_ctx c = { r, x };

	x->id = 0;
	x->version = 1;
	x->status = STATUS_INTRODUCED;
	x->proposal_date = DATE_NONE;
	if (roles_check(r->cfg, r->role, ROLES_ADD, NULL, x->unit, e) ||
	    register_check_quarter(r, x->date, &x->late, e))
		return -1;
	if (!x->late) { /* a reason given for a late entry that is not one */
		free(x->late_reason);
		x->late_reason = NULL;
	}
	if (model_exemplar_clean(x, legacy, e) || model_exemplar_validate(x, r->today, e))
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

static bool same_quarter(date_t a, date_t b)
{
	return date_year(a) == date_year(b) && date_quarter(a) == date_quarter(b);
}

/*
 * The closed quarters in an edit: staff may change nothing dated in one,
 * nor move a record into one.  The office moving a record into a closed
 * quarter makes it a late entry there, and into an open one an ordinary
 * entry again.  A late record's reason becomes *reason (taken over).
 */
static int edit_quarter(const struct reg *r, const struct exemplar *old,
			struct exemplar *merged, char **reason, struct err *e)
{
	bool late;

	if (roles_check_quarter(r->cfg, r->role, old->date, r->today, NULL, e) ||
	    roles_check_quarter(r->cfg, r->role, merged->date, r->today, &late, e))
		return -1;
	if (!same_quarter(old->date, merged->date))
		merged->late = late;
	free(merged->late_reason);
	merged->late_reason = NULL;
	if (merged->late) {
		merged->late_reason = *reason;
		*reason = NULL;
	}
	return 0;
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
	int refused = edit_quarter(c->r, &old, &merged, &in.late_reason, e);
	model_exemplar_free(&in);
	if (refused || model_exemplar_clean_since(&merged, &old, c->legacy, e) ||
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
		    register_audit(t, c->r, "edit", &old, &merged, NULL, e))
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

/* ---- backup and restore ------------------------------------------------------------ */

int register_backup(struct reg *r, const char *dir, struct err *e)
{
	if (r->role->role != ROLE_OFFICE)
		return err_set(e, ERR_DENIED, _("Only the Home Affairs Office (office role) can take "
						"a backup: a backup holds every record and the whole "
						"audit trail."));
	return store_backup(r->store, dir, e);
}

#define SAFETY_COPY "before-restore-" /* the start of a safety copy's name */

/* Safety copies' names sort by when they were taken: the stamp, then the number. */
static int by_age(const void *a, const void *b)
{
	return strverscmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Leave only the newest `keep` safety copies in `dir`, the one just taken
 * among them, and the one restored from if it is there: older copies would
 * fill the disk a little more at every restore.  Best effort: the restore is
 * done, and a copy that cannot be removed only stays.
 */
static void prune_copies(const char *dir, int keep, const char *from)
{
	char **names = NULL, path[PATH_MAX], *source = realpath(from, NULL), *here;
	size_t n = 0, cap = 0;
	struct dirent *de;
	DIR *d = opendir(dir);

	while (d && (de = readdir(d))) {
		if (strncmp(de->d_name, SAFETY_COPY, strlen(SAFETY_COPY)) != 0)
			continue;
		if ((n == cap && mem_grow(&names, &cap, n + 1, sizeof *names, 16)) ||
		    !(names[n] = strdup(de->d_name)))
			break;
		n++;
	}
	if (d)
		closedir(d);
	if (n)
		qsort(names, n, sizeof *names, by_age);
	for (size_t i = 0; i < n; i++) {
		int len = snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		bool old = i + (size_t)keep < n && len > 0 && (size_t)len < sizeof path;
		here = old && source ? realpath(path, NULL) : NULL;
		if (old && !(here && strcmp(here, source) == 0))
			store_remove_copy(path);
		free(here);
		free(names[i]);
	}
	free(names);
	free(source);
}

/*
 * The number of the next safety copy taken in the second `stamp` (two
 * restores within a second): one more than the highest in `dir`, the first
 * having none (1), the second -2.  Not the first free number: older copies
 * of that second may have been removed, and a number used again would sort
 * before the copies still there.
 */
static int next_copy(const char *dir, const char *stamp)
{
	char prefix[64];
	int len = snprintf(prefix, sizeof prefix, SAFETY_COPY "%s", stamp), next = 1;
	struct dirent *de;
	DIR *d = opendir(dir);

	while (d && (de = readdir(d))) {
		const char *rest = de->d_name + len;
		if (strncmp(de->d_name, prefix, (size_t)len) != 0)
			continue;
		int k = !*rest ? 1 : *rest == '-' ? atoi(rest + 1) : 0;
		if (k >= next)
			next = k + 1;
	}
	if (d)
		closedir(d);
	return next;
}

int register_restore(struct reg *r, const char *dir, char *safety, size_t n, struct err *e)
{
	struct audit_entry a;
	char stamp[32], copies[PATH_MAX];
	time_t now = time(NULL);
	struct tm tm;
	int rc, k;

	if (roles_check(r->cfg, r->role, ROLES_RESTORE, NULL, NULL, e))
		return -1;
	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	snprintf(copies, sizeof copies, "%s/safety", store_dir(r->store));
	if ((k = next_copy(copies, stamp)) == 1)
		snprintf(safety, n, "%s/" SAFETY_COPY "%s", copies, stamp);
	else
		snprintf(safety, n, "%s/" SAFETY_COPY "%s-%d", copies, stamp, k);
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
	if (!rc)
		prune_copies(copies, r->cfg->keep_safety_copies, dir);
	return rc;
}
