/* batch.c - see batch.h. */
#include "batch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "i18n.h"
#include "mem.h"
#include "roles.h"
#include "text.h"
#include "units.h"

/*
 * The ids given in one run of a batch.  Records are written only once
 * every id is given, so a kept id already given to an earlier record of
 * the batch is found here, not in the store.  Open addressing over a power
 * of two slots, at least twice as many as records; 0, never an id, marks a
 * free slot.
 */
struct id_set {
	uint64_t *slot;
	size_t mask;
};

static int ids_init(struct id_set *s, size_t n)
{
	size_t cap = 16;

	while (cap / 2 < n && cap < SIZE_MAX / 4)
		cap *= 2;
	s->mask = cap - 1;
	return (s->slot = calloc(cap, sizeof *s->slot)) ? 0 : -1;
}

/* Where id is, or the free slot where it would go. */
static size_t ids_slot(const struct id_set *s, uint64_t id)
{
	uint64_t h = id * 0x9e3779b97f4a7c15u;
	size_t i = (size_t)(h ^ h >> 32) & s->mask;

	while (s->slot[i] && s->slot[i] != id)
		i = (i + 1) & s->mask;
	return i;
}

/*
 * A batch in progress.  Problems are collected here and handed over only
 * after the transaction: store_write() may run the function again on a
 * larger map, and the second run must not report everything twice.
 * From `next` on, everything is rebuilt by each run (in arrays sized once, for n).
 */
struct batch {
	struct reg *r;
	struct exemplar *xs;
	size_t n;
	const struct unit_list *units;
	const char *source;
	bool dry_run, dry_done;
	struct batch_problem *problems;
	size_t n_problems, cap_problems;
	size_t n_early;   /* problems found before the transaction (cleaning, validation) */
	bool *early;      /* early[i]: record i is among them and is not looked at again */
	uint64_t *given;  /* the ids the records came with, put back before each run */
	uint64_t next;    /* the next new id, kept in memory during the transaction */
	struct id_set ids; /* the ids given so far */
	size_t *order;    /* the records to write (indexes), in the order they are written */
	size_t n_order;
};

static int problem_order(const void *a, const void *b)
{
	const struct batch_problem *x = a, *y = b;

	return x->index < y->index ? -1 : x->index > y->index;
}

/* Append problem `why` of record i to a list of *n with room for *cap; 0 or
 * -1 (out of memory).  A file of refused rows can give one for each.
 * Memory running out is not a record's problem: it is refused here, and the
 * batch stops as out of memory. */
static int add_problem(struct batch_problem **v, size_t *n, size_t *cap, size_t i,
		       const struct err *why)
{
	if (why->code == ERR_NOMEM ||
	    (*n == *cap && mem_grow(v, cap, *n + 1, sizeof **v, 16)))
		return -1;
	(*v)[*n].index = i;
	(*v)[(*n)++].err = *why;
	return 0;
}

static int note_problem(struct batch *c, size_t i, const struct err *why)
{
	return add_problem(&c->problems, &c->n_problems, &c->cap_problems, i, why);
}

/* Defaults of an ordinary add for what a record does not carry. */
static void batch_defaults(const struct reg *r, struct exemplar *x, int64_t now)
{
	if (!x->status)
		x->status = STATUS_INTRODUCED;
	if (!x->version)
		x->version = 1;
	if (!x->created_at)
		x->created_at = now;
	if (!x->updated_at)
		x->updated_at = x->created_at;
	if (!x->created_by[0])
		snprintf(x->created_by, sizeof x->created_by, "%s", register_user(r));
	if (!x->updated_by[0])
		memcpy(x->updated_by, x->created_by, sizeof x->updated_by);
}

/*
 * Closed quarters, as for an add: refused for staff, a late entry for the
 * office.  A record that says when it was entered (an exported one) is
 * late if its quarter had closed by then, at the latest today; one that
 * says it is late stays so.  The reason a late one came with (the file's,
 * or the one the import gave every row) is dropped from one that is not.
 */
static int batch_late(const struct reg *r, struct exemplar *x, struct err *e)
{
	date_t today = register_today(r), entered = today;
	bool late;

	if (register_check_quarter(r, x->date, &late, e))
		return -1;
	if (x->created_at && date_of_time((time_t)x->created_at) < today)
		entered = date_of_time((time_t)x->created_at);
	x->late = x->late || (late && model_quarter_closed(x->date, entered,
							   register_config(r)->late_days));
	if (!x->late) {
		free(x->late_reason);
		x->late_reason = NULL;
	}
	return 0;
}

/*
 * Give x its kept id when neither a stored record nor an earlier record of
 * the batch has it, else the next new one.  The next id lives in c->next
 * for the whole batch (written back at its end); a kept id at or past it
 * moves it on, so a new id never meets a kept one.
 */
static void batch_id(struct store_txn *t, struct batch *c, struct exemplar *x)
{
	size_t i = x->id ? ids_slot(&c->ids, x->id) : 0;

	if (x->id && !c->ids.slot[i] && !store_has_exemplar(t, x->id)) {
		if (x->id >= c->next)
			c->next = x->id + 1;
	} else {
		x->id = c->next++;
		i = ids_slot(&c->ids, x->id);
	}
	c->ids.slot[i] = x->id;
}

/*
 * First pass, in file order: the unit checks, and the ids, given as if the
 * records were added one by one.  The records that pass go to c->order.
 */
static int batch_ids(struct store_txn *t, struct batch *c, struct err *e)
{
	memset(c->ids.slot, 0, (c->ids.mask + 1) * sizeof *c->ids.slot);
	c->n_order = 0;
	for (size_t i = 0; i < c->n; i++) {
		struct exemplar *x = &c->xs[i];
		struct err why = { 0 };

		if (c->early[i])
			continue;
		if (register_unit_allows(units_find(c->units, x->unit), x, &why)) {
			if (note_problem(c, i, &why))
				return err_nomem(e);
			continue;
		}
		batch_id(t, c, x);
		c->order[c->n_order++] = i;
	}
	return 0;
}

static int id_order(const void *a, const void *b, void *p)
{
	const struct batch *c = p;
	uint64_t x = c->xs[*(const size_t *)a].id, y = c->xs[*(const size_t *)b].id;

	return (x > y) - (x < y);
}

/*
 * Second pass, in id order: the duplicate checks and the writes.  Of two
 * records of the same unit, type, name and date, the second written is
 * refused, naming the first: the larger id.  With ids given in file order
 * that is the later row, as when records are added in file order; a kept
 * id can turn this round (a later row keeping a number below the one an
 * earlier row got): then the earlier row is the one refused.  Either way
 * the problem is noted under the refused record's own index.  In id order
 * the new records go at the end of the records' table, page after page.
 */
static int batch_write(struct store_txn *t, struct batch *c, struct err *e)
{
	qsort_r(c->order, c->n_order, sizeof *c->order, id_order, c);
	for (size_t j = 0; j < c->n_order; j++) {
		size_t i = c->order[j];
		struct err why = { 0 };

		if (!register_add_new(t, &c->xs[i], &why))
			continue;
		if (why.code != ERR_DUPLICATE)
			return *e = why, -1;
		if (note_problem(c, i, &why))
			return err_nomem(e);
	}
	return 0;
}

static int batch_txn(struct store_txn *t, void *p, struct err *e)
{
	struct batch *c = p;
	struct audit_entry a;
	int rc;

	/* store_write() runs this again after growing the map: ids given by the
	 * aborted run are not the records' own and may since have gone to
	 * someone else's records. */
	c->n_problems = c->n_early;
	for (size_t i = 0; i < c->n; i++)
		c->xs[i].id = c->given[i];
	if (store_get_meta_u64(t, "next_id", &c->next, e))
		return -1;
	if (!c->next)
		c->next = 1;
	if (batch_ids(t, c, e) || batch_write(t, c, e))
		return -1; /* e says why (a full map is grown and the batch run again) */
	if (c->n_problems || c->dry_run) {
		c->dry_done = true;
		return err_set(e, ERR_INVALID, _("Nothing was written.")), -1;
	}
	if (store_put_meta_u64(t, "next_id", c->next, e))
		return -1;
	audit_entry_init(&a);
	a.time = time(NULL);
	snprintf(a.user, sizeof a.user, "%s", register_user(c->r));
	snprintf(a.op, sizeof a.op, "import");
	if (asprintf(&a.note, _("%s: %zu exemplars"), c->source ? c->source : "-", c->n) < 0)
		a.note = NULL;
	rc = store_append_audit(t, &a, e);
	for (size_t i = 0; i < c->n && !rc; i++)
		rc = store_link_audit(t, c->xs[i].id, a.seq, e);
	audit_entry_free(&a);
	return rc;
}

/*
 * What each record needs done that depends on nothing but the record, once
 * before the transaction (which may run again): the defaults, cleaning and
 * validation.  Every record is looked at, so that one answer lists every
 * problem.  0 or -1 (out of memory).
 */
static int batch_prep(struct batch *c)
{
	int64_t now = time(NULL);

	for (size_t i = 0; i < c->n; i++) {
		struct exemplar *x = &c->xs[i];
		struct err why = { 0 };

		if (batch_late(c->r, x, &why)) {
			c->early[i] = true;
			if (note_problem(c, i, &why))
				return -1;
			continue;
		}
		batch_defaults(c->r, x, now);
		if (model_exemplar_clean(x, NULL, &why) ||
		    model_exemplar_validate(x, register_today(c->r), &why)) {
			c->early[i] = true;
			if (note_problem(c, i, &why))
				return -1;
		}
	}
	return 0;
}

static void batch_free(struct batch *c)
{
	free(c->early);
	free(c->given);
	free(c->order);
	free(c->ids.slot);
	free(c->problems);
}

/* Run the batch (prepared) in one transaction against the register's units. */
static int batch_run(struct batch *c, struct err *e)
{
	struct unit_list units;
	int rc;

	if (register_units(c->r, &units, e))
		return -1;
	c->units = &units;
	rc = store_write(register_store(c->r), batch_txn, c, e);
	c->units = NULL;
	units_free(&units);
	if (c->n_problems) {
		qsort(c->problems, c->n_problems, sizeof *c->problems, problem_order);
		rc = err_set(e, ERR_INVALID, _("%zu records were refused; nothing was written."),
			     c->n_problems);
	} else if (c->dry_done) {
		rc = 0;
	}
	return rc;
}

int batch_add(struct reg *r, struct exemplar *xs, size_t n, const char *source,
	      bool dry_run, struct batch_problem **problems, size_t *n_problems,
	      struct err *e)
{
	struct batch c = { .r = r, .xs = xs, .n = n, .source = source, .dry_run = dry_run };
	size_t m = n ? n : 1;
	int rc = -1;

	*problems = NULL;
	*n_problems = 0;
	if (register_check_role(r, ROLES_IMPORT, NULL, NULL, e))
		return -1;
	if (!(c.early = calloc(m, sizeof *c.early)) || !(c.given = malloc(m * sizeof *c.given)) ||
	    !(c.order = malloc(m * sizeof *c.order)) || ids_init(&c.ids, n) || batch_prep(&c)) {
		err_nomem(e);
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		c.given[i] = xs[i].id;
	c.n_early = c.n_problems;
	rc = batch_run(&c, e);
	*problems = c.problems;
	*n_problems = c.n_problems;
	c.problems = NULL;
out:
	batch_free(&c);
	return rc;
}

/* ---- units from a file ------------------------------------------------------------- */

/*
 * A batch of units in progress; problems handed over after the transaction.
 * The first n_invalid problems are those found before it (a unit wrong on
 * its own, marked in invalid[]); a run again after the map grew keeps them
 * and finds the others afresh.
 */
struct ubatch {
	struct reg *r;
	struct unit *us;
	size_t n;
	const char *source;
	bool dry_run, dry_done;
	bool *invalid;
	struct batch_problem *problems;
	size_t n_problems, cap_problems, n_invalid, changed;
};

static int ubatch_problem(struct ubatch *c, size_t i, const struct err *why)
{
	return add_problem(&c->problems, &c->n_problems, &c->cap_problems, i, why);
}
/* What a unit must be on its own; its name is cleaned to NFC in place. */
static int unit_valid(const struct config *cfg, struct unit *u, struct err *e)
{
	char *clean = NULL;

	if (!model_code_valid(u->code))
		return err_set_field(e, ERR_INVALID, "code", _("\"%s\" is not a unit code: 1 to 32 "
							      "characters a-z, 0-9 or _."), u->code);
	enum text_status st = u->name ? text_clean(u->name, strlen(u->name), 0, &clean, NULL)
				       : TEXT_OK;

	if (st == TEXT_NOMEM)
		return err_nomem(e);
	if (!u->name || st != TEXT_OK || !clean || !*clean) {
		free(clean);
		return err_set_field(e, ERR_INVALID, "name", _("the unit's name is missing or is not "
							      "valid text."));
	}
	free(u->name);
	u->name = clean;
	if (u->kind <= 0 || u->kind >= KIND_COUNT_)
		return err_set_field(e, ERR_INVALID, "kind", _("choose the kind of unit."));
	if (u->quota < 0 || u->quota > 99)
		return err_set_field(e, ERR_INVALID, "quota", _("the quota must be from 0 to 99."));
	if (u->block[0] && !config_block(cfg, u->block))
		return err_set_field(e, ERR_INVALID, "block", _("there is no emulation block \"%s\" "
							       "in the configuration."), u->block);
	if (u->active_from != DATE_NONE && u->active_to != DATE_NONE &&
	    u->active_from > u->active_to)
		return err_set_field(e, ERR_INVALID, "active_to", _("the unit stops before it "
								   "starts."));
	if (!strcmp(u->successor, u->code))
		return err_set_field(e, ERR_INVALID, "successor", _("a unit cannot be its own "
								   "successor."));
	return 0;
}

/* Is `code` a stored unit or one of the batch's? */
static int unit_known(struct store_txn *t, const struct ubatch *c, const char *code,
		      bool *known, struct err *e)
{
	struct unit u = { .active_from = DATE_NONE, .active_to = DATE_NONE };

	*known = false;
	for (size_t i = 0; i < c->n && !*known; i++)
		*known = strcmp(c->us[i].code, code) == 0;
	if (*known)
		return 0;
	if (store_get_unit(t, code, &u, e) == 0)
		*known = true;
	else if (e->code != ERR_NOTFOUND)
		return -1;
	model_unit_free(&u);
	return 0;
}

/* Check and write unit i; a problem goes to the list, -1 only for a failure. */
static int ubatch_one(struct store_txn *t, struct ubatch *c, size_t i, struct audit_entry *a,
		      struct err *e)
{
	struct unit *u = &c->us[i], old = { .active_from = DATE_NONE, .active_to = DATE_NONE };
	const struct unit *fixed = config_unit(register_config(c->r), u->code);
	char *before = NULL, *after = units_summary(u), field[CODE_MAX + 8];
	struct err why = { 0 };
	bool known = true;
	int rc = -1;

	for (size_t j = 0; j < i && !why.code; j++)
		if (!strcmp(c->us[j].code, u->code))
			err_set_field(&why, ERR_DUPLICATE, "code", _("the unit \"%s\" is given twice."),
				      u->code);
	if (!after)
		goto nomem;
	if (store_get_unit(t, u->code, &old, e) == 0) {
		if (!(before = units_summary(&old)))
			goto nomem;
	} else if (e->code != ERR_NOTFOUND) {
		goto out;
	}
	if (!why.code && u->successor[0] && unit_known(t, c, u->successor, &known, e))
		goto out;
	if (!why.code && !known)
		err_set_field(&why, ERR_INVALID, "successor", _("there is no unit \"%s\"."),
			      u->successor);
	if (!why.code && fixed) {
		char *cfg_line = units_summary(fixed);
		if (!cfg_line)
			goto nomem;
		if (strcmp(cfg_line, after))
			err_set_field(&why, ERR_INVALID, "code", _("the unit \"%s\" is set in the "
								   "configuration file; change it "
								   "there."), u->code);
		free(cfg_line);
	}
	rc = 0;
	if (why.code) {
		if (ubatch_problem(c, i, &why))
			goto nomem;
	} else if (!before || strcmp(before, after)) {
		snprintf(field, sizeof field, "unit.%s", u->code);
		c->changed++;
		if (audit_add_change(a, field, before, after))
			goto nomem;
		rc = store_put_unit(t, u, e);
	}
	goto out;
nomem:
	rc = err_nomem(e);
out:
	model_unit_free(&old);
	free(before);
	free(after);
	return rc;
}

static int ubatch_txn(struct store_txn *t, void *p, struct err *e)
{
	struct ubatch *c = p;
	struct audit_entry a;
	int rc = 0;

	c->n_problems = c->n_invalid;
	c->changed = 0;
	audit_entry_init(&a);
	a.time = time(NULL);
	snprintf(a.user, sizeof a.user, "%s", register_user(c->r));
	snprintf(a.op, sizeof a.op, "units");
	if (c->source && !(a.note = strdup(c->source)))
		rc = err_nomem(e);
	for (size_t i = 0; i < c->n && !rc; i++)
		if (!c->invalid[i])
			rc = ubatch_one(t, c, i, &a, e);
	if (!rc && (c->n_problems || c->dry_run)) {
		c->dry_done = true;
		rc = err_set(e, ERR_INVALID, _("Nothing was written."));
	} else if (!rc && a.n_changes) {
		rc = store_append_audit(t, &a, e);
	}
	audit_entry_free(&a);
	return rc;
}

int batch_import_units(struct reg *r, struct unit *us, size_t n, const char *source,
			  bool dry_run, struct batch_problem **problems, size_t *n_problems,
			  size_t *changed, struct err *e)
{
	struct ubatch c = { .r = r, .us = us, .n = n, .source = source, .dry_run = dry_run };
	int rc = 0;

	*problems = NULL;
	*n_problems = 0;
	*changed = 0;
	if (register_check_role(r, ROLES_IMPORT, NULL, NULL, e))
		return -1;
	if (!(c.invalid = calloc(n + 1, sizeof *c.invalid)))
		return err_nomem(e);
	for (size_t i = 0; i < n; i++) {
		struct err why = { 0 };
		if (!unit_valid(register_config(r), &us[i], &why))
			continue;
		c.invalid[i] = true;
		if (ubatch_problem(&c, i, &why)) {
			free(c.invalid);
			free(c.problems);
			return err_nomem(e);
		}
	}
	/* Run even with problems found already, to list the others too; nothing
	 * is written unless there is none. */
	c.n_invalid = c.n_problems;
	rc = store_write(register_store(r), ubatch_txn, &c, e);
	free(c.invalid);
	*problems = c.problems;
	*n_problems = c.n_problems;
	*changed = c.changed;
	if (c.n_problems)
		return err_set(e, ERR_INVALID, _("%zu records were refused; nothing was written."),
			       c.n_problems);
	return c.dry_done ? 0 : rc;
}

