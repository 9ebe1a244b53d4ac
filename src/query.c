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

	if ((f->unit && *f->unit && strcmp(row->unit, f->unit)) ||
	    (c->from != DATE_NONE && (row->date < c->from || row->date > c->to)) ||
	    (f->category && row->category != f->category) ||
	    (f->type && row->type != f->type) || (f->status && row->status != f->status) ||
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
 * hold the text, then only those rows; the other filters apply to them as
 * to any row.  Paging on from a row walks the list index from that row.
 */
static int search_txn(struct store_txn *t, struct scan_ctx *c, struct err *e)
{
	struct found f = { 0 };
	int rc = store_scan_fold_substring(t, c->needle, found_id, &f, e);

	if (rc && !e->code)
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

int query_scan(struct reg *r, const struct query_filter *f, const uint8_t *from,
		  size_t from_len, bool backward, store_row_cb cb, void *ctx, struct err *e)
{
	struct scan_ctx c = { f, NULL, DATE_NONE, DATE_NONE, cb, ctx };
	struct scan_args a = { &c, from, from_len, backward };
	int rc;

	if (f->year) {
		c.from = f->quarter ? date_quarter_first(f->year, f->quarter)
				    : date_from_ymd(f->year, 1, 1);
		c.to = f->quarter ? date_quarter_last(f->year, f->quarter)
				  : date_from_ymd(f->year, 12, 31);
	}
	if (f->search && !(c.needle = collate_fold(f->search)))
		return err_nomem(e);
	if (c.needle)
		trim_spaces(c.needle);
	rc = store_read(register_store(r), scan_txn, &a, e);
	free(c.needle);
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
			struct query_quota rq = { a->year, q, u, per, 0, 0, QUOTA_NONE, { 0 } };
			if (store_get_counts(t, a->year, q, u->code, &rq.counts, e))
				return -1;
			if (!rq.counts.total && !period_unit_listed(&cfg->periods, u, a->year))
				continue;
			rq.required = period_required(per, u, a->year, q);
			rq.counted = (int)(rq.counts.total -
				      (cfg->count_returned ? 0 : rq.counts.by_status[STATUS_RETURNED]));
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

struct log_args {
	const struct query_log_filter *f;
	store_audit_cb cb;
	void *ctx;
};

static int log_entry(const struct audit_entry *a, void *p)
{
	struct log_args *l = p;

	if (a->time < l->f->since || (l->f->user && strcmp(a->user, l->f->user)))
		return 0;
	return l->cb(a, l->ctx);
}

static int log_txn(struct store_txn *t, void *p, struct err *e)
{
	struct log_args *l = p;

	return store_each_audit(t, l->f->record, log_entry, l, e);
}

int query_log(struct reg *r, const struct query_log_filter *f, store_audit_cb cb,
		 void *ctx, struct err *e)
{
	struct log_args l = { f, cb, ctx };

	return store_read(register_store(r), log_txn, &l, e);
}
