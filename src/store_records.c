/*
 * store_records.c - the store's records (store.h): exemplars with their
 * index entries and counters, units, the scans of the indexes, the audit
 * trail, and what the integrity check reads.  Byte layouts are keys.c's
 * and codec.c's.  Counters are stored in host byte order, as LMDB's own
 * pages are.
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"
#include "collate.h"
#include "i18n.h"
#include "keys.h"
#include "store_priv.h"

/* ---- sequences ---------------------------------------------------------- */

static int next_seq(struct store_txn *t, const char *name, uint64_t *out, struct err *e)
{
	uint64_t v = 0;

	if (store_get_meta_u64(t, name, &v, e))
		return -1;
	*out = v ? v : 1;
	return store_put_meta_u64(t, name, *out + 1, e);
}

int store_next_id(struct store_txn *t, uint64_t *id, struct err *e)
{
	return next_seq(t, "next_id", id, e);
}

/* ---- exemplars ------------------------------------------------------------- */

int store_get_exemplar(struct store_txn *t, uint64_t id, struct exemplar *x, struct err *e)
{
	uint8_t kb[8];
	MDB_val k = store_u64_val(kb, id), d;
	int rc = mdb_get(t->txn, t->s->exemplars, &k, &d);

	if (rc == MDB_NOTFOUND)
		return err_set(e, ERR_NOTFOUND, _("There is no exemplar with number %llu."),
			       (unsigned long long)id);
	if (rc)
		return store_fail(t, rc, e);
	return codec_decode_exemplar(d.mv_data, d.mv_size, x, e);
}

static int put_key(struct store_txn *t, MDB_dbi dbi, const struct key *k,
		   const void *v, size_t n, struct err *e)
{
	MDB_val kv = store_val(k->b, k->n), dv = store_val(v, n);
	int rc = mdb_put(t->txn, dbi, &kv, &dv, 0);

	return rc ? store_fail(t, rc, e) : 0;
}

static int del_key(struct store_txn *t, MDB_dbi dbi, const struct key *k, struct err *e)
{
	MDB_val kv = store_val(k->b, k->n);
	int rc = mdb_del(t->txn, dbi, &kv, NULL);

	return rc && rc != MDB_NOTFOUND ? store_fail(t, rc, e) : 0;
}

static bool key_eq(const struct key *a, const struct key *b)
{
	return a->n == b->n && memcmp(a->b, b->b, a->n) == 0;
}

/*
 * Put k/d where new keys mostly go past the last one (ids): appended, LMDB
 * fills each page before starting the next, where a put at the end of a
 * page splits it in two half-empty ones.  A key that is not past the last
 * one is put the usual way.
 */
static int put_last(struct store_txn *t, MDB_dbi dbi, MDB_val *k, MDB_val *d)
{
	int rc = mdb_put(t->txn, dbi, k, d, MDB_APPEND);

	return rc == MDB_KEYEXIST ? mdb_put(t->txn, dbi, k, d, 0) : rc;
}

/* Encode record x and put it under its id: appended (new), or replacing. */
static int encode_put(struct store_txn *t, const struct exemplar *x, bool append,
		      struct err *e)
{
	uint8_t idb[8];
	int rc;

	t->enc.len = 0;
	if (codec_encode_exemplar(x, &t->enc))
		return err_nomem(e);
	MDB_val k = store_u64_val(idb, x->id), d = store_val(t->enc.data, t->enc.len);
	rc = append ? put_last(t, t->s->exemplars, &k, &d)
		    : mdb_put(t->txn, t->s->exemplars, &k, &d, 0);
	return rc ? store_fail(t, rc, e) : 0;
}

int store_has_exemplar(struct store_txn *t, uint64_t id)
{
	uint8_t kb[8];
	MDB_val k = store_u64_val(kb, id), d;

	return mdb_get(t->txn, t->s->exemplars, &k, &d) == 0;
}

/* Write x (replacing `old`, or new when NULL) with its keys already built;
 * `lc`, when not NULL, is a cursor of the list index near where the new
 * list key goes (the duplicate check left it there). */
static int put_keyed(struct store_txn *t, const struct exemplar *old, struct ex_keys *ok,
		     const struct exemplar *x, struct ex_keys *nk, MDB_cursor *lc,
		     struct err *e)
{
	struct store *s = t->s;
	int rc;

	if (old) {
		if ((!key_eq(&ok->list, &nk->list) && del_key(t, s->list, &ok->list, e)) ||
		    (!key_eq(&ok->period, &nk->period) && del_key(t, s->period, &ok->period, e)) ||
		    (!key_eq(&ok->folds, &nk->folds) && del_key(t, s->folds, &ok->folds, e)) ||
		    store_count(t, &ok->counter, old, -1, e))
			return -1;
	}
	if (encode_put(t, x, !old, e))
		return -1;
	if (lc) {
		MDB_val lk = store_val(nk->list.b, nk->list.n), lv = store_val(nk->value.data, nk->value.len);
		if ((rc = mdb_cursor_put(lc, &lk, &lv, 0)))
			return store_fail(t, rc, e);
	} else if (put_key(t, s->list, &nk->list, nk->value.data, nk->value.len, e)) {
		return -1;
	}
	if (store_count(t, &nk->counter, x, +1, e))
		return -1;
	return put_key(t, s->period, &nk->period, NULL, 0, e) ||
	       put_key(t, s->folds, &nk->folds, NULL, 0, e) ? -1 : 0;
}

int store_put_exemplar(struct store_txn *t, const struct exemplar *old,
		       const struct exemplar *x, struct err *e)
{
	struct ex_keys nk, ok;
	int rc = -1;

	memset(&ok, 0, sizeof ok);
	if (keys_exemplar(x, &nk) || (old && keys_exemplar(old, &ok)))
		err_nomem(e);
	else
		rc = put_keyed(t, old, &ok, x, &nk, NULL, e);
	keys_exemplar_free(&nk);
	keys_exemplar_free(&ok);
	return rc;
}

static int find_same_at(struct store_txn *t, MDB_cursor *c, const struct key *pre,
			const struct exemplar *x, uint64_t skip, uint64_t *found,
			struct err *e);

/* The duplicate check and the list write share one cursor: the new key goes
 * right after the entries the check has just read. */
int store_add_exemplar(struct store_txn *t, const struct exemplar *x, uint64_t *dup,
		       struct err *e)
{
	struct ex_keys nk;
	struct key pre;
	MDB_cursor *lc;
	int rc;

	*dup = 0;
	if (keys_exemplar(x, &nk)) {
		keys_exemplar_free(&nk);
		return err_nomem(e);
	}
	if ((rc = mdb_cursor_open(t->txn, t->s->list, &lc))) {
		keys_exemplar_free(&nk);
		return store_fail(t, rc, e);
	}
	pre = nk.list;
	pre.n -= 8; /* unit 00 type sortkey 00, without the id */
	rc = find_same_at(t, lc, &pre, x, x->id, dup, e);
	if (!rc && !*dup)
		rc = put_keyed(t, NULL, NULL, x, &nk, lc, e);
	mdb_cursor_close(lc);
	keys_exemplar_free(&nk);
	return rc;
}

int store_each_exemplar(struct store_txn *t, store_exemplar_cb cb, void *ctx,
			struct err *e)
{
	MDB_cursor *c;
	MDB_val k, d;
	struct exemplar x;
	int rc, r = 0;

	if ((rc = mdb_cursor_open(t->txn, t->s->exemplars, &c)))
		return store_fail(t, rc, e);
	model_exemplar_init(&x);
	for (rc = mdb_cursor_get(c, &k, &d, MDB_FIRST); rc == 0;
	     rc = mdb_cursor_get(c, &k, &d, MDB_NEXT)) {
		if (codec_decode_exemplar(d.mv_data, d.mv_size, &x, e)) {
			r = -1;
			break;
		}
		if ((r = cb(&x, ctx)) != 0)
			break;
	}
	model_exemplar_free(&x);
	mdb_cursor_close(c);
	if (r < 0)
		return -1;
	return rc && rc != MDB_NOTFOUND ? store_fail(t, rc, e) : 0;
}

/* ---- units ------------------------------------------------------------------ */

int store_get_unit(struct store_txn *t, const char *code, struct unit *u, struct err *e)
{
	MDB_val k = store_val(code, strlen(code)), d;
	int rc = mdb_get(t->txn, t->s->units, &k, &d);

	if (rc == MDB_NOTFOUND)
		return err_set(e, ERR_NOTFOUND, _("There is no unit with code \"%s\"."), code);
	if (rc)
		return store_fail(t, rc, e);
	return codec_decode_unit(d.mv_data, d.mv_size, u, e);
}

int store_put_unit(struct store_txn *t, const struct unit *u, struct err *e)
{
	MDB_val k = store_val(u->code, strlen(u->code)), d;
	int rc;

	t->enc.len = 0;
	if (codec_encode_unit(u, &t->enc))
		return err_nomem(e);
	d = store_val(t->enc.data, t->enc.len);
	rc = mdb_put(t->txn, t->s->units, &k, &d, 0);
	return rc ? store_fail(t, rc, e) : 0;
}

int store_each_unit(struct store_txn *t, store_unit_cb cb, void *ctx, struct err *e)
{
	MDB_cursor *c;
	MDB_val k, d;
	struct unit u = { .active_from = DATE_NONE, .active_to = DATE_NONE };
	int rc = mdb_cursor_open(t->txn, t->s->units, &c), r = 0;

	if (rc)
		return store_fail(t, rc, e);
	for (rc = mdb_cursor_get(c, &k, &d, MDB_FIRST); rc == 0;
	     rc = mdb_cursor_get(c, &k, &d, MDB_NEXT)) {
		if (codec_decode_unit(d.mv_data, d.mv_size, &u, e)) {
			r = -1;
			break;
		}
		if ((r = cb(&u, ctx)) != 0)
			break;
	}
	model_unit_free(&u);
	mdb_cursor_close(c);
	if (r < 0)
		return -1;
	return rc && rc != MDB_NOTFOUND ? store_fail(t, rc, e) : 0;
}

/* ---- scans ------------------------------------------------------------------- */

static bool has_prefix(const MDB_val *k, const void *p, size_t n)
{
	return k->mv_size >= n && memcmp(k->mv_data, p, n) == 0;
}

/* Position cursor `c` for store_scan_list; returns an LMDB code. */
static int list_start(MDB_cursor *c, const struct key *pre, const uint8_t *from,
		      size_t from_len, bool backward, MDB_val *k, MDB_val *d)
{
	int rc;

	if (from) {
		*k = store_val(from, from_len);
		rc = mdb_cursor_get(c, k, d, MDB_SET_RANGE);
		if (!backward) {
			if (rc == 0 && k->mv_size == from_len && !memcmp(k->mv_data, from, from_len))
				rc = mdb_cursor_get(c, k, d, MDB_NEXT);
			return rc;
		}
		return rc == 0 ? mdb_cursor_get(c, k, d, MDB_PREV)
			       : mdb_cursor_get(c, k, d, MDB_LAST);
	}
	if (!pre->n)
		return mdb_cursor_get(c, k, d, backward ? MDB_LAST : MDB_FIRST);
	if (!backward) {
		*k = store_val(pre->b, pre->n);
		return mdb_cursor_get(c, k, d, MDB_SET_RANGE);
	}
	/* Just past the unit's entries: its code followed by 0x01. */
	struct key past = *pre;
	past.b[past.n - 1] = 1;
	*k = store_val(past.b, past.n);
	rc = mdb_cursor_get(c, k, d, MDB_SET_RANGE);
	return rc == 0 ? mdb_cursor_get(c, k, d, MDB_PREV) : mdb_cursor_get(c, k, d, MDB_LAST);
}

/* A list entry decoded into row (its strings in t->row); 0, or -1 with e. */
static int list_row(struct store_txn *t, const void *key, size_t key_len, const void *value,
		    size_t value_len, struct list_row *row, struct err *e)
{
	int rc = keys_parse_list(key, key_len, value, value_len, &t->row, row);

	if (rc == ERR_RC_NOMEM)
		return err_nomem(e);
	if (rc)
		return err_set(e, ERR_SCHEMA, _("The list index is damaged; run \"dienhinh check\"."));
	return 0;
}

int store_scan_list(struct store_txn *t, const char *unit, const uint8_t *from,
		    size_t from_len, bool backward, store_row_cb cb, void *ctx,
		    struct err *e)
{
	struct key pre = { .n = 0 };
	MDB_cursor *c;
	MDB_val k, d;
	int rc, r = 0;

	if (unit && *unit) {
		key_add(&pre, unit, strlen(unit));
		key_byte(&pre, 0);
	}
	if ((rc = mdb_cursor_open(t->txn, t->s->list, &c)))
		return store_fail(t, rc, e);
	for (rc = list_start(c, &pre, from, from_len, backward, &k, &d); rc == 0;
	     rc = mdb_cursor_get(c, &k, &d, backward ? MDB_PREV : MDB_NEXT)) {
		struct list_row row;
		if (!has_prefix(&k, pre.b, pre.n))
			break;
		if ((r = list_row(t, k.mv_data, k.mv_size, d.mv_data, d.mv_size, &row, e)) ||
		    (r = cb(&row, ctx)) != 0)
			break;
	}
	mdb_cursor_close(c);
	if (r < 0)
		return -1;
	return rc && rc != MDB_NOTFOUND ? store_fail(t, rc, e) : 0;
}

/*
 * Walk keys starting with `pre`, handing each key's trailing id to cb;
 * with `needle`, only keys whose text (before the 00 and the id) holds it.
 */
static int scan_ids(struct store_txn *t, MDB_dbi dbi, const struct key *pre,
		    const char *needle, store_id_cb cb, void *ctx, struct err *e)
{
	MDB_cursor *c;
	MDB_val k = store_val(pre->b, pre->n), d;
	size_t nlen = needle ? strlen(needle) : 0;
	int rc, r = 0;

	if ((rc = mdb_cursor_open(t->txn, dbi, &c)))
		return store_fail(t, rc, e);
	/* LMDB refuses an empty key, so an empty prefix (every id) starts at the first. */
	for (rc = mdb_cursor_get(c, &k, &d, pre->n ? MDB_SET_RANGE : MDB_FIRST); rc == 0;
	     rc = mdb_cursor_get(c, &k, &d, MDB_NEXT)) {
		if (!has_prefix(&k, pre->b, pre->n) || k.mv_size < pre->n + 8)
			break;
		const uint8_t *kb = k.mv_data;
		if (nlen && (k.mv_size < 9 || !memmem(kb, k.mv_size - 9, needle, nlen)))
			continue;
		if ((r = cb(keys_rd64(kb + k.mv_size - 8), ctx)) != 0)
			break;
	}
	mdb_cursor_close(c);
	if (r < 0)
		return -1;
	return rc && rc != MDB_NOTFOUND ? store_fail(t, rc, e) : 0;
}

int store_scan_period(struct store_txn *t, int year, int quarter, const char *unit,
		      store_id_cb cb, void *ctx, struct err *e)
{
	struct key pre;

	if (!quarter && unit) {
		/* A unit over a whole year: four contiguous ranges. */
		for (int q = 1; q <= 4; q++)
			if (store_scan_period(t, year, q, unit, cb, ctx, e))
				return -1;
		return 0;
	}
	key_period(&pre, year, quarter);
	if (unit) {
		key_add(&pre, unit, strlen(unit));
		key_byte(&pre, 0);
	}
	return scan_ids(t, t->s->period, &pre, NULL, cb, ctx, e);
}

int store_scan_fold_prefix(struct store_txn *t, const char *prefix, store_id_cb cb,
			   void *ctx, struct err *e)
{
	struct key pre = { .n = 0 };
	size_t n = strlen(prefix);

	key_add(&pre, prefix, n < KEYS_SORT_MAX ? n : KEYS_SORT_MAX);
	return scan_ids(t, t->s->folds, &pre, NULL, cb, ctx, e);
}

int store_scan_fold_substring(struct store_txn *t, const char *needle, store_id_cb cb,
			      void *ctx, struct err *e)
{
	struct key none = { .n = 0 };

	return scan_ids(t, t->s->folds, &none, needle, cb, ctx, e);
}

/* A list entry copied out of the map, to be sorted before it is handed on. */
struct held_row {
	uint8_t *key;
	size_t key_len;
	uint8_t *value;
	size_t value_len;
};

static int held_order(const void *a, const void *b)
{
	const struct held_row *x = a, *y = b;
	size_t n = x->key_len < y->key_len ? x->key_len : y->key_len;
	int c = memcmp(x->key, y->key, n);

	return c ? c : (x->key_len > y->key_len) - (x->key_len < y->key_len);
}

/* Copy the list entry of exemplar `id` into h. */
static int hold_row(struct store_txn *t, uint64_t id, struct held_row *h, struct err *e)
{
	struct exemplar x;
	struct ex_keys k;
	MDB_val kv, d;
	int rc;

	model_exemplar_init(&x);
	memset(h, 0, sizeof *h);
	if (store_get_exemplar(t, id, &x, e))
		return -1;
	rc = keys_exemplar(&x, &k);
	model_exemplar_free(&x);
	if (rc) {
		keys_exemplar_free(&k);
		return err_nomem(e);
	}
	kv = store_val(k.list.b, k.list.n);
	rc = mdb_get(t->txn, t->s->list, &kv, &d);
	if (!rc && ((h->key = malloc(k.list.n)) && (h->value = malloc(d.mv_size)))) {
		memcpy(h->key, k.list.b, h->key_len = k.list.n);
		memcpy(h->value, d.mv_data, h->value_len = d.mv_size);
	}
	keys_exemplar_free(&k);
	if (rc)
		return rc == MDB_NOTFOUND ? err_set(e, ERR_SCHEMA, _("The list index is damaged; run "
								     "\"dienhinh check\".")) : store_fail(t, rc, e);
	return h->value ? 0 : err_nomem(e);
}

int store_list_rows(struct store_txn *t, const uint64_t *ids, size_t n, store_row_cb cb,
		    void *ctx, struct err *e)
{
	struct held_row *v = calloc(n ? n : 1, sizeof *v);
	size_t got = 0;
	int r = 0;

	if (!v)
		return err_nomem(e);
	while (got < n && !(r = hold_row(t, ids[got], &v[got], e)))
		got++;
	if (!r)
		qsort(v, got, sizeof *v, held_order);
	for (size_t i = 0; i < got && !r; i++) {
		struct list_row row;
		if (!(r = list_row(t, v[i].key, v[i].key_len, v[i].value, v[i].value_len, &row, e)))
			r = cb(&row, ctx);
	}
	for (size_t i = 0; i < n; i++) {
		free(v[i].key);
		free(v[i].value);
	}
	free(v);
	return r < 0 ? -1 : 0;
}

/* Is list entry k/d the one store_find_same looks for? */
static bool same_entry(const MDB_val *k, const MDB_val *d, size_t pre_n,
		       const struct exemplar *x, uint64_t skip)
{
	const uint8_t *v = d->mv_data, *nul;
	size_t nlen = strlen(x->name);

	if (k->mv_size != pre_n + 8 || keys_rd64((const uint8_t *)k->mv_data + pre_n) == skip ||
	    d->mv_size < 7 || (date_t)((uint32_t)v[0] << 24 | (uint32_t)v[1] << 16 |
				       (uint32_t)v[2] << 8 | v[3]) != x->date)
		return false;
	nul = memchr(v + 6, 0, d->mv_size - 6);
	if (!nul)
		return false;
	/* One name to an office: the same bytes, or the same collation key
	 * ("Hòa" and "Hoà"); the entry's name is NUL-terminated for that. */
	size_t elen = (size_t)(v + d->mv_size - (nul + 1));
	if (elen == nlen && !memcmp(nul + 1, x->name, nlen))
		return true;
	char *name = malloc(elen + 1);
	bool same = false;
	if (name) {
		memcpy(name, nul + 1, elen);
		name[elen] = '\0';
		same = collate_same(name, x->name);
		free(name);
	}
	return same;
}

static int find_same_at(struct store_txn *t, MDB_cursor *c, const struct key *pre,
			const struct exemplar *x, uint64_t skip, uint64_t *found,
			struct err *e)
{
	MDB_val k = store_val(pre->b, pre->n), d;
	int rc;

	*found = 0;
	for (rc = mdb_cursor_get(c, &k, &d, MDB_SET_RANGE); rc == 0 && has_prefix(&k, pre->b, pre->n);
	     rc = mdb_cursor_get(c, &k, &d, MDB_NEXT))
		if (same_entry(&k, &d, pre->n, x, skip)) {
			*found = keys_rd64((const uint8_t *)k.mv_data + pre->n);
			break;
		}
	return rc && rc != MDB_NOTFOUND ? store_fail(t, rc, e) : 0;
}

static int find_same_under(struct store_txn *t, const struct key *pre,
			   const struct exemplar *x, uint64_t skip, uint64_t *found,
			   struct err *e)
{
	MDB_cursor *c;
	int rc = mdb_cursor_open(t->txn, t->s->list, &c);

	if (rc)
		return store_fail(t, rc, e);
	rc = find_same_at(t, c, pre, x, skip, found, e);
	mdb_cursor_close(c);
	return rc;
}

int store_find_same(struct store_txn *t, const struct exemplar *x, uint64_t skip,
		    uint64_t *found, struct err *e)
{
	struct key pre;

	keys_list_prefix(x->unit, x->type, x->name, &pre);
	return find_same_under(t, &pre, x, skip, found, e);
}

/* ---- audit -------------------------------------------------------------------- */

int store_append_audit(struct store_txn *t, struct audit_entry *a, struct err *e)
{
	struct key k = { .n = 0 };

	if (next_seq(t, "next_audit", &a->seq, e))
		return -1;
	t->enc.len = 0;
	if (codec_encode_audit(a, &t->enc))
		return err_nomem(e);
	key_id(&k, a->seq);
	if (put_key(t, t->s->audit, &k, t->enc.data, t->enc.len, e))
		return -1;
	return a->record ? store_link_audit(t, a->record, a->seq, e) : 0;
}

int store_link_audit(struct store_txn *t, uint64_t record, uint64_t seq, struct err *e)
{
	struct key k = { .n = 0 };

	key_id(&k, record);
	key_id(&k, seq);
	MDB_val kv = store_val(k.b, k.n), none = store_val(NULL, 0);
	int rc = put_last(t, t->s->audit_rec, &kv, &none);
	return rc ? store_fail(t, rc, e) : 0;
}

static int audit_get(struct store_txn *t, uint64_t seq, struct audit_entry *a, struct err *e)
{
	uint8_t kb[8];
	MDB_val k = store_u64_val(kb, seq), d;
	int rc;

	if ((rc = mdb_get(t->txn, t->s->audit, &k, &d)))
		return store_fail(t, rc, e);
	return codec_decode_audit(d.mv_data, d.mv_size, a, e);
}

int store_each_audit(struct store_txn *t, uint64_t record, store_audit_cb cb, void *ctx,
		     struct err *e)
{
	MDB_cursor *c;
	MDB_val k, d;
	struct audit_entry a;
	uint8_t pre[8];
	int rc, r = 0;

	audit_entry_init(&a);
	if ((rc = mdb_cursor_open(t->txn, record ? t->s->audit_rec : t->s->audit, &c)))
		return store_fail(t, rc, e);
	k = store_u64_val(pre, record);
	for (rc = record ? mdb_cursor_get(c, &k, &d, MDB_SET_RANGE)
			 : mdb_cursor_get(c, &k, &d, MDB_FIRST);
	     rc == 0; rc = mdb_cursor_get(c, &k, &d, MDB_NEXT)) {
		if (record) {
			if (k.mv_size != 16 || memcmp(k.mv_data, pre, 8))
				break;
			r = audit_get(t, keys_rd64((const uint8_t *)k.mv_data + 8), &a, e);
		} else {
			r = codec_decode_audit(d.mv_data, d.mv_size, &a, e);
		}
		if (r || (r = cb(&a, ctx)) != 0)
			break;
	}
	audit_entry_free(&a);
	mdb_cursor_close(c);
	if (r < 0)
		return -1;
	return rc && rc != MDB_NOTFOUND ? store_fail(t, rc, e) : 0;
}

/* ---- integrity check support ------------------------------------------------------ */

static bool has_entry(struct store_txn *t, MDB_dbi dbi, const struct key *k,
		      const struct buf *want)
{
	MDB_val kv = store_val(k->b, k->n), d;

	if (mdb_get(t->txn, dbi, &kv, &d))
		return false;
	if (!want)
		return d.mv_size == 0;
	return d.mv_size == want->len && memcmp(d.mv_data, want->data, want->len) == 0;
}

int store_verify_indexes(struct store_txn *t, const struct exemplar *x, unsigned *bad,
			 struct err *e)
{
	struct ex_keys k;

	*bad = 0;
	if (keys_exemplar(x, &k)) {
		keys_exemplar_free(&k);
		return err_nomem(e);
	}
	if (!has_entry(t, t->s->list, &k.list, &k.value))
		*bad |= STORE_IX_LIST;
	if (!has_entry(t, t->s->period, &k.period, NULL))
		*bad |= STORE_IX_PERIOD;
	if (!has_entry(t, t->s->folds, &k.folds, NULL))
		*bad |= STORE_IX_FOLDS;
	keys_exemplar_free(&k);
	return 0;
}

static size_t entries(struct store_txn *t, MDB_dbi dbi)
{
	MDB_stat st;

	return mdb_stat(t->txn, dbi, &st) ? 0 : st.ms_entries;
}

int store_stats(struct store_txn *t, struct store_stats *st, struct err *e)
{
	struct store *s = t->s;

	st->exemplars = entries(t, s->exemplars);
	st->list = entries(t, s->list);
	st->period = entries(t, s->period);
	st->folds = entries(t, s->folds);
	st->counters = entries(t, s->counters);
	st->units = entries(t, s->units);
	st->audit = entries(t, s->audit);
	return store_get_meta_u64(t, "next_id", &st->next_id, e);
}

/*
 * Empty the list index and write every record's entry again, with the
 * keys this program makes.  A record that does not decode is left out,
 * for `check` to report.
 */
int store_list_migrate(struct store *s, MDB_txn *txn)
{
	MDB_cursor *c;
	MDB_val k, d;
	struct exemplar x;
	struct err e;
	int rc = mdb_drop(txn, s->list, 0);

	if (rc || (rc = mdb_cursor_open(txn, s->exemplars, &c)))
		return rc;
	model_exemplar_init(&x);
	for (rc = mdb_cursor_get(c, &k, &d, MDB_FIRST); rc == 0;
	     rc = mdb_cursor_get(c, &k, &d, MDB_NEXT)) {
		struct ex_keys nk;

		if (codec_decode_exemplar(d.mv_data, d.mv_size, &x, &e))
			continue;
		if (keys_exemplar(&x, &nk)) {
			keys_exemplar_free(&nk);
			rc = ENOMEM;
			break;
		}
		MDB_val lk = store_val(nk.list.b, nk.list.n);
		MDB_val lv = store_val(nk.value.data, nk.value.len);
		rc = mdb_put(txn, s->list, &lk, &lv, 0);
		keys_exemplar_free(&nk);
		if (rc)
			break;
	}
	model_exemplar_free(&x);
	mdb_cursor_close(c);
	return rc == MDB_NOTFOUND ? 0 : rc;
}
