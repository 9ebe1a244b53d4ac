/* query.c - see query.h. */
#include "query.h"

#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "i18n.h"
#include "mem.h"

/* ---- lists ------------------------------------------------------------------------- */

/* A scan in progress: the filter, with its search text folded once. */
struct scan_ctx {
	const struct query_filter *f;
	char *needle;
	date_t from, to;
	store_row_cb cb;
	void *ctx;
};

static int scan_row(const struct list_row *row, void *p)
{
	struct scan_ctx *c = p;
	const struct query_filter *f = c->f;

	if (f->unit && *f->unit && strcmp(row->unit, f->unit))
		return 0;
	if (f->keep && row->id == f->keep)
		return c->cb(row, c->ctx);
	/* A withdrawn exemplar is listed only when asked for by its status. */
	if ((c->from != DATE_NONE && (row->date < c->from || row->date > c->to)) ||
	    (f->category && row->category != f->category) ||
	    (f->type && row->type != f->type) || (f->status && row->status != f->status) ||
	    (!f->status && row->status == STATUS_WITHDRAWN) ||
	    (c->needle && *c->needle && !strstr(row->fold, c->needle)))
		return 0;
	return c->cb(row, c->ctx);
}

/* Drop the spaces around a folded search text: "an " must still find "Văn An". */
static void trim_spaces(char *s)
{
	size_t start = strspn(s, " "), n = strlen(s + start);

	while (n && s[start + n - 1] == ' ')
		n--;
	memmove(s, s + start, n);
	s[n] = '\0';
}

struct scan_args {
	struct scan_ctx *c;
	const uint8_t *from;
	size_t from_len;
	bool backward;
};

/* Ids found by a search, gathered before their rows are read. */
struct found {
	uint64_t *v;
	size_t n, cap;
};

static int found_id(uint64_t id, void *p)
{
	struct found *f = p;

	if (f->n == f->cap && mem_grow(&f->v, &f->cap, f->n + 1, sizeof *f->v, 256))
		return -1;
	f->v[f->n++] = id;
	return 0;
}

/*
 * A search from the start reads the small folds index for the names that
 * hold the text, then only those rows (and the record kept in view, if
 * any); the other filters apply to them as to any row.  Paging on from a
 * row walks the list index from that row.
 */
static int search_txn(struct store_txn *t, struct scan_ctx *c, struct err *e)
{
	struct found f = { 0 };
	int rc = store_scan_fold_substring(t, c->needle, found_id, &f, e);
	bool kept = !c->f->keep;

	for (size_t i = 0; !rc && !kept && i < f.n; i++)
		kept = f.v[i] == c->f->keep;
	if (rc && !e->code)
		rc = err_nomem(e);
	if (!rc && !kept && found_id(c->f->keep, &f))
		rc = err_nomem(e);
	if (!rc)
		rc = store_list_rows(t, f.v, f.n, scan_row, c, e);
	free(f.v);
	return rc;
}

/* A unit the register does not know is a mistyped code: said, not listed as empty. */
static int known_unit(struct store_txn *t, const char *code, struct err *e)
{
	struct unit u = { .active_from = DATE_NONE, .active_to = DATE_NONE };

	if (!code || !*code)
		return 0;
	if (store_get_unit(t, code, &u, e))
		return -1;
	model_unit_free(&u);
	return 0;
}

static int scan_txn(struct store_txn *t, void *p, struct err *e)
{
	struct scan_args *a = p;

	/* Asked once, for a listing from its start: paging on (a key at a time in
	 * the screens) follows a unit already looked up. */
	if (!a->from && known_unit(t, a->c->f->unit, e))
		return -1;
	if (a->c->needle && *a->c->needle && !a->from && !a->backward)
		return search_txn(t, a->c, e);
	return store_scan_list(t, a->c->f->unit, a->from, a->from_len, a->backward, scan_row,
			       a->c, e);
}

/* A scan of `f` handing rows to cb: the dates and the folded search worked out once. */
static int scan_start(struct scan_ctx *c, const struct query_filter *f, store_row_cb cb,
		      void *ctx, struct err *e)
{
	*c = (struct scan_ctx){ f, NULL, DATE_NONE, DATE_NONE, cb, ctx };
	if (f->year) {
		c->from = f->quarter ? date_quarter_first(f->year, f->quarter)
				     : date_from_ymd(f->year, 1, 1);
		c->to = f->quarter ? date_quarter_last(f->year, f->quarter)
				   : date_from_ymd(f->year, 12, 31);
	}
	if (f->search && !(c->needle = collate_fold(f->search)))
		return err_nomem(e);
	if (c->needle)
		trim_spaces(c->needle);
	return 0;
}

int query_scan(struct reg *r, const struct query_filter *f, const uint8_t *from,
		  size_t from_len, bool backward, store_row_cb cb, void *ctx, struct err *e)
{
	struct scan_ctx c;
	struct scan_args a = { &c, from, from_len, backward };
	int rc;

	if (scan_start(&c, f, cb, ctx, e))
		return -1;
	rc = store_read(register_store(r), scan_txn, &a, e);
	free(c.needle);
	return rc;
}

/* ---- counting ------------------------------------------------------------------------ */

/* A count: from the counters (by_counters), else row by row through `scan`. */
struct count_args {
	struct scan_args *scan;
	bool by_counters;
	size_t n;
};

static int count_row(const struct list_row *row, void *p)
{
	(void)row;
	++*(size_t *)p;
	return 0;
}

static int count_counter(int year, int quarter, const char *unit, const struct store_counts *c,
			 void *p)
{
	struct count_args *ca = p;
	const struct query_filter *f = ca->scan->c->f;

	if (!c || (f->unit && *f->unit && strcmp(unit, f->unit)) || (f->year && year != f->year) ||
	    (f->quarter && quarter != f->quarter))
		return 0;
	ca->n += f->type ? c->by_type[f->type] : f->status ? c->by_status[f->status] : c->total;
	return 0;
}

/* The kept record, when listed (its unit's) but not counted (the other members hide it). */
static int count_kept(struct store_txn *t, struct count_args *ca, struct err *e)
{
	const struct query_filter *f = ca->scan->c->f;
	struct query_filter plain = *f;
	struct scan_ctx listed = *ca->scan->c, counted = *ca->scan->c;
	size_t in = 0, matches = 0;

	plain.keep = 0;
	listed.ctx = &in;
	counted.f = &plain;
	counted.ctx = &matches;
	if (store_list_rows(t, &f->keep, 1, scan_row, &listed, e) ||
	    store_list_rows(t, &f->keep, 1, scan_row, &counted, e))
		return -1;
	ca->n += in && !matches;
	return 0;
}

static int count_txn(struct store_txn *t, void *p, struct err *e)
{
	struct count_args *ca = p;
	const struct query_filter *f = ca->scan->c->f;

	if (!ca->by_counters)
		return scan_txn(t, ca->scan, e);
	if (known_unit(t, f->unit, e) || store_each_counts(t, count_counter, ca, e))
		return -1;
	return f->keep ? count_kept(t, ca, e) : 0;
}

int query_count(struct reg *r, const struct query_filter *f, size_t *n, struct err *e)
{
	struct scan_ctx c;
	struct scan_args a = { &c, NULL, 0, false };
	/* The counters hold each quarter's records of a unit by type and by status. */
	struct count_args ca = { &a, !f->search && !f->category && !(f->type && f->status), 0 };
	int rc;

	if (scan_start(&c, f, count_row, &ca.n, e))
		return -1;
	rc = store_read(register_store(r), count_txn, &ca, e);
	free(c.needle);
	*n = ca.n;
	return rc;
}

struct prefix_args {
	const char *prefix;
	store_id_cb cb;
	void *ctx;
};

static int prefix_txn(struct store_txn *t, void *p, struct err *e)
{
	struct prefix_args *a = p;

	return store_scan_fold_prefix(t, a->prefix, a->cb, a->ctx, e);
}

int query_name_prefix(struct reg *r, const char *prefix, store_id_cb cb, void *ctx,
			 struct err *e)
{
	char *fold = collate_fold(prefix);
	struct prefix_args a = { fold, cb, ctx };
	int rc;

	if (!fold)
		return err_nomem(e);
	rc = store_read(register_store(r), prefix_txn, &a, e);
	free(fold);
	return rc;
}

/* ---- whole records ---------------------------------------------------------------- */

struct full_args {
	struct store_txn *t;
	int year, quarter;
	const char *unit;
	store_exemplar_cb cb;
	void *ctx;
	struct exemplar x;
	struct err *e;
	bool failed;       /* a record could not be read; e says why */
};

static int full_one(uint64_t id, void *p)
{
	struct full_args *a = p;

	if (store_get_exemplar(a->t, id, &a->x, a->e)) {
		a->failed = true;
		return -1;
	}
	return a->cb(&a->x, a->ctx);
}

static int full_txn(struct store_txn *t, void *p, struct err *e)
{
	struct full_args *a = p;
	int rc;

	a->t = t;
	a->e = e;
	if (!a->year)
		return store_each_exemplar(t, a->cb, a->ctx, e);
	rc = store_scan_period(t, a->year, a->quarter, a->unit, full_one, a, e);
	return rc || a->failed ? -1 : 0;
}

int query_exemplars(struct reg *r, int year, int quarter, const char *unit,
		    store_exemplar_cb cb, void *ctx, struct err *e)
{
	struct full_args a = { .year = year, .quarter = quarter, .unit = unit, .cb = cb,
			       .ctx = ctx };
	int rc;

	model_exemplar_init(&a.x);
	rc = store_read(register_store(r), full_txn, &a, e);
	model_exemplar_free(&a.x);
	return rc;
}

/* ---- quota ------------------------------------------------------------------------ */

int query_counting(const struct config *cfg, const struct store_counts *all,
		   struct store_counts *out)
{
	struct store_counts c = *all;

	/* The counter keeps withdrawn exemplars out of everything but their status. */
	c.by_status[STATUS_WITHDRAWN] = 0;
	if (!model_exemplar_counts(STATUS_INTRODUCED, true, cfg->count_late)) {
		for (int t = 1; t < TYPE_COUNT_; t++) {
			c.total -= c.late_by_type[t];
			c.by_type[t] -= c.late_by_type[t];
		}
		for (int s = 1; s < STATUS_COUNT_; s++)
			c.by_status[s] -= c.late_by_status[s];
	}
	*out = c;
	return (int)(c.total - (cfg->count_returned ? 0 : c.by_status[STATUS_RETURNED]));
}

struct quota_args {
	struct reg *r;
	const struct unit_list *units;
	int year, quarter;
	query_quota_cb cb;
	void *ctx;
};

static int quota_txn(struct store_txn *t, void *p, struct err *e)
{
	struct quota_args *a = p;
	const struct config *cfg = register_config(a->r);
	const struct period *per = period_of_year(&cfg->periods, a->year);
	int q0 = a->quarter ? a->quarter : 1, q1 = a->quarter ? a->quarter : 4;

	for (int q = q0; q <= q1; q++) {
		for (size_t i = 0; i < a->units->n; i++) {
			const struct unit *u = &a->units->v[i];
			struct query_quota rq = { a->year, q, u, per, 0, 0, QUOTA_NONE, { 0 },
						  a->units };
			if (store_get_counts(t, a->year, q, u->code, &rq.counts, e))
				return -1;
			if (!rq.counts.total && !period_unit_listed(&cfg->periods, u, a->year))
				continue;
			rq.required = period_required(per, u, a->year, q);
			rq.counted = query_counting(cfg, &rq.counts, &rq.counts);
			rq.state = !per ? QUOTA_OUTSIDE
				      : model_quota_state(rq.required, rq.counted, a->year, q,
							  register_today(a->r));
			int rc = a->cb(&rq, a->ctx);
			if (rc)
				return rc < 0 ? -1 : 0;
		}
	}
	return 0;
}

int query_quota(struct reg *r, int year, int quarter, query_quota_cb cb, void *ctx,
		   struct err *e)
{
	struct unit_list units;
	struct quota_args a = { r, &units, year, quarter, cb, ctx };
	int rc;

	if (register_units(r, &units, e))
		return -1;
	rc = store_read(register_store(r), quota_txn, &a, e);
	units_free(&units);
	return rc;
}

/* ---- audit --------------------------------------------------------------------------- */

/*
 * A read of the audit trail.  `own` is set for unit staff reading the trail:
 * then `mine` holds the ids of their units' exemplars, sorted, and only
 * entries about those pass.
 */
struct log_args {
	struct reg *r;
	const struct query_log_filter *f;
	const struct role_entry *own;
	struct found mine;
	bool nomem;         /* gathering `mine` ran out of memory */
	store_audit_cb cb;
	void *ctx;
};

static int cmp_id(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static bool is_mine(const struct log_args *l, uint64_t id)
{
	return id && bsearch(&id, l->mine.v, l->mine.n, sizeof id, cmp_id);
}

static int log_entry(const struct audit_entry *a, void *p)
{
	struct log_args *l = p;

	if (a->time < l->f->since || (l->f->user && strcmp(a->user, l->f->user)) ||
	    (l->own && !is_mine(l, a->record)))
		return 0;
	return l->cb(a, l->ctx);
}

static int mine_row(const struct list_row *row, void *p)
{
	struct log_args *l = p;

	if (found_id(row->id, &l->mine)) {
		l->nomem = true;
		return -1;
	}
	return 0;
}

/* The ids of the exemplars of the staff member's units, sorted (the list index). */
static int gather_mine(struct store_txn *t, struct log_args *l, struct err *e)
{
	for (size_t i = 0; i < l->own->n_units; i++)
		if (store_scan_list(t, l->own->units[i], NULL, 0, false, mine_row, l, e))
			return l->nomem ? err_nomem(e) : -1;
	qsort(l->mine.v, l->mine.n, sizeof *l->mine.v, cmp_id);
	return 0;
}

/* One record's history asked for by unit staff: refused, saying why, when not theirs. */
static int own_record(struct store_txn *t, struct log_args *l, struct err *e)
{
	struct exemplar x;
	int rc = 0;

	if (is_mine(l, l->f->record))
		return 0;
	model_exemplar_init(&x);
	if (store_get_exemplar(t, l->f->record, &x, e) == 0)
		rc = roles_check(register_config(l->r), l->own, ROLES_READ_LOG, &x, NULL, e);
	else if (e->code == ERR_NOTFOUND)
		rc = 0; /* no such record, no history: as for anyone */
	else
		rc = -1;
	model_exemplar_free(&x);
	return rc;
}

static int log_txn(struct store_txn *t, void *p, struct err *e)
{
	struct log_args *l = p;

	if (l->own && (gather_mine(t, l, e) || (l->f->record && own_record(t, l, e))))
		return -1;
	return store_each_audit(t, l->f->record, log_entry, l, e);
}

/* The role of the person using the register, as the config gives it. */
static const struct role_entry *role_of(struct reg *r)
{
	return config_role(register_config(r), register_user(r));
}

int query_log_allowed(struct reg *r, struct err *e)
{
	return roles_check(register_config(r), role_of(r), ROLES_READ_LOG, NULL, NULL, e);
}

int query_log(struct reg *r, const struct query_log_filter *f, store_audit_cb cb,
		 void *ctx, struct err *e)
{
	struct log_args l = { r, f, NULL, { 0 }, false, cb, ctx };
	int rc;

	if (f->trail) {
		if (query_log_allowed(r, e))
			return -1;
		if (role_of(r)->role == ROLE_STAFF)
			l.own = role_of(r);
	}
	rc = store_read(register_store(r), log_txn, &l, e);
	free(l.mine.v);
	return rc;
}
