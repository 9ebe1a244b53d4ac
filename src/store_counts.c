/*
 * store_counts.c - the per-unit, per-quarter counters (store.h): their
 * stored form, the changes an exemplar's write makes to them, the reads,
 * and the conversion of the form older schemas stored.
 *
 * A counter's value is a format byte (COUNTS_FORMAT), then, for each count
 * that is not zero, a tag and the count as unsigned LEB128, in increasing
 * tag order: the total (tag 0), each type of the late entries
 * (COUNTS_LATE_TYPE | its code, since schema 4), each type (COUNTS_TYPE |
 * its code), each status (COUNTS_STATUS | its code), each status of the
 * late entries (COUNTS_LATE_STATUS | its code, since schema 4).  Its size
 * does not depend on how many types or statuses the program knows, so a
 * status added later reads as zero in every counter written before it, and
 * a counter written before late entries existed reads as having none.
 * Anything else (another format byte, a tag out of order or unknown, a
 * count past 32 bits, bytes left over) is a damaged counter.  A counter
 * whose counts are all zero is not stored.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "i18n.h"
#include "keys.h"
#include "store_priv.h"

#define COUNTS_FORMAT 1
#define COUNTS_LATE_TYPE 0x10 /* | a type code below 16 */
#define COUNTS_TYPE 0x40
#define COUNTS_STATUS 0x80
#define COUNTS_LATE_STATUS 0xC0
/* The format byte, then a tag and a 32-bit LEB128 (5 bytes) for every count. */
#define COUNTS_MAX (1 + 6 * (1 + 2 * TYPE_COUNT_ + 2 * STATUS_COUNT_))
_Static_assert(TYPE_COUNT_ <= 16 && STATUS_COUNT_ <= 64, "codes fit their tags");

static size_t put_count(uint8_t *out, size_t n, uint8_t tag, uint32_t v)
{
	if (!v)
		return n;
	out[n++] = tag;
	for (; v >= 0x80; v >>= 7)
		out[n++] = (uint8_t)(v | 0x80);
	out[n++] = (uint8_t)v;
	return n;
}

/* c in the stored form, in out; returns its length (1 when c is all zero). */
static size_t counts_encode(const struct store_counts *c, uint8_t out[COUNTS_MAX])
{
	size_t n = 0;

	out[n++] = COUNTS_FORMAT;
	n = put_count(out, n, 0, c->total);
	for (int i = 1; i < TYPE_COUNT_; i++)
		n = put_count(out, n, (uint8_t)(COUNTS_LATE_TYPE | i), c->late_by_type[i]);
	for (int i = 1; i < TYPE_COUNT_; i++)
		n = put_count(out, n, (uint8_t)(COUNTS_TYPE | i), c->by_type[i]);
	for (int i = 1; i < STATUS_COUNT_; i++)
		n = put_count(out, n, (uint8_t)(COUNTS_STATUS | i), c->by_status[i]);
	for (int i = 1; i < STATUS_COUNT_; i++)
		n = put_count(out, n, (uint8_t)(COUNTS_LATE_STATUS | i), c->late_by_status[i]);
	return n;
}

/* Where tag's count goes in c; NULL for a tag this program does not know. */
static uint32_t *count_of(struct store_counts *c, uint8_t tag)
{
	unsigned code = tag & 0x3F;

	if (tag == 0)
		return &c->total;
	if ((tag & 0xF0) == COUNTS_LATE_TYPE && code - COUNTS_LATE_TYPE < TYPE_COUNT_ &&
	    code != COUNTS_LATE_TYPE)
		return &c->late_by_type[code - COUNTS_LATE_TYPE];
	if ((tag & 0xC0) == COUNTS_TYPE && code && code < TYPE_COUNT_)
		return &c->by_type[code];
	if ((tag & 0xC0) == COUNTS_STATUS && code && code < STATUS_COUNT_)
		return &c->by_status[code];
	if ((tag & 0xC0) == COUNTS_LATE_STATUS && code && code < STATUS_COUNT_)
		return &c->late_by_status[code];
	return NULL;
}

/* Read a stored value into c; 0, or -1 when it is damaged. */
static int counts_decode(const uint8_t *p, size_t n, struct store_counts *c)
{
	size_t i = 1;
	int last = -1;

	memset(c, 0, sizeof *c);
	if (n < 1 || p[0] != COUNTS_FORMAT)
		return -1;
	while (i < n) {
		uint8_t tag = p[i++];
		uint32_t *v = count_of(c, tag);
		uint64_t x = 0;
		int shift = 0;

		if (!v || tag <= last)
			return -1;
		last = tag;
		do {
			if (i == n || shift > 28)
				return -1;
			x |= (uint64_t)(p[i] & 0x7F) << shift;
			shift += 7;
		} while (p[i++] & 0x80);
		if (!x || x > UINT32_MAX)
			return -1;
		*v = (uint32_t)x;
	}
	return 0;
}

static int damaged(struct err *e)
{
	return err_set(e, ERR_SCHEMA, _("A stored counter is damaged; run \"dienhinh check\"."));
}

/* The counter under key k (all zero when there is none). */
static int read_counts(struct store_txn *t, const struct key *k, struct store_counts *c,
		       struct err *e)
{
	MDB_val kv = store_val(k->b, k->n), d;
	int rc = mdb_get(t->txn, t->s->counters, &kv, &d);

	memset(c, 0, sizeof *c);
	if (rc == MDB_NOTFOUND)
		return 0;
	if (rc)
		return store_fail(t, rc, e);
	return counts_decode(d.mv_data, d.mv_size, c) ? damaged(e) : 0;
}

/* Store c under key k, or remove the counter when c is all zero. */
static int write_counts(struct store_txn *t, const struct key *k, const struct store_counts *c,
			struct err *e)
{
	uint8_t b[COUNTS_MAX];
	MDB_val kv = store_val(k->b, k->n), d = store_val(b, counts_encode(c, b));
	int rc = d.mv_size > 1 ? mdb_put(t->txn, t->s->counters, &kv, &d, 0)
			       : mdb_del(t->txn, t->s->counters, &kv, NULL);

	return rc && rc != MDB_NOTFOUND ? store_fail(t, rc, e) : 0;
}

int store_count(struct store_txn *t, const struct key *k, const struct exemplar *x, int delta,
		struct err *e)
{
	struct store_counts c;

	if (read_counts(t, k, &c, e))
		return -1;
	store_counts_add(&c, x, delta);
	return write_counts(t, k, &c, e);
}

void store_counts_add(struct store_counts *c, const struct exemplar *x, int delta)
{
	uint32_t d = (uint32_t)delta;

	c->by_status[x->status] += d;
	if (x->status == STATUS_WITHDRAWN)
		return;
	c->total += d;
	c->by_type[x->type] += d;
	if (x->late) {
		c->late_by_type[x->type] += d;
		c->late_by_status[x->status] += d;
	}
}

int store_get_counts(struct store_txn *t, int year, int quarter, const char *unit,
		     struct store_counts *c, struct err *e)
{
	struct key k;

	key_counter(&k, year, quarter, unit);
	return read_counts(t, &k, c, e);
}

/* Written as asked, all zero included: a test's damage, not a count. */
int store_debug_put_counts(struct store_txn *t, int year, int quarter, const char *unit,
			   const struct store_counts *c, struct err *e)
{
	uint8_t b[COUNTS_MAX];
	struct key k;
	MDB_val kv, d = store_val(b, counts_encode(c, b));
	int rc;

	key_counter(&k, year, quarter, unit);
	kv = store_val(k.b, k.n);
	rc = mdb_put(t->txn, t->s->counters, &kv, &d, 0);
	return rc ? store_fail(t, rc, e) : 0;
}

int store_each_counts(struct store_txn *t, store_counts_cb cb, void *ctx, struct err *e)
{
	MDB_cursor *c;
	MDB_val k, d;
	char unit[CODE_MAX + 1];
	int rc, r = 0;

	if ((rc = mdb_cursor_open(t->txn, t->s->counters, &c)))
		return store_fail(t, rc, e);
	for (rc = mdb_cursor_get(c, &k, &d, MDB_FIRST); rc == 0;
	     rc = mdb_cursor_get(c, &k, &d, MDB_NEXT)) {
		const uint8_t *kb = k.mv_data;
		struct store_counts sc;
		if (k.mv_size < 4 || k.mv_size > 3 + CODE_MAX) {
			r = err_set(e, ERR_SCHEMA, _("A stored counter is damaged."));
			break;
		}
		memcpy(unit, kb + 3, k.mv_size - 3);
		unit[k.mv_size - 3] = 0;
		if ((r = cb(kb[0] << 8 | kb[1], kb[2], unit,
			    counts_decode(d.mv_data, d.mv_size, &sc) ? NULL : &sc, ctx)) != 0)
			break;
	}
	mdb_cursor_close(c);
	if (r < 0)
		return -1;
	return rc && rc != MDB_NOTFOUND ? store_fail(t, rc, e) : 0;
}

/*
 * Schemas 1 and 2 stored a counter as the in-memory struct of the time:
 * eleven 32-bit numbers in host order, the total, then by type and by
 * status indexed by code (index 0 unused), for the two types and six
 * statuses there were.  Rewrite each in the tagged form; one that is not
 * of that size gets a value that reads as damaged, for `check` to report.
 */
enum { OLD_TYPES = 3, OLD_STATUSES = 7, OLD_WORDS = 1 + OLD_TYPES + OLD_STATUSES };

int store_counts_migrate(struct store *s, MDB_txn *txn)
{
	MDB_cursor *c;
	MDB_val k, d;
	int rc = mdb_cursor_open(txn, s->counters, &c);

	if (rc)
		return rc;
	for (rc = mdb_cursor_get(c, &k, &d, MDB_FIRST); rc == 0;
	     rc = mdb_cursor_get(c, &k, &d, MDB_NEXT)) {
		uint32_t w[OLD_WORDS];
		struct store_counts sc = { 0 };
		uint8_t b[COUNTS_MAX] = { 0 }; /* no format byte: damaged */
		size_t n = 1;

		if (d.mv_size == sizeof w) {
			memcpy(w, d.mv_data, sizeof w);
			sc.total = w[0];
			for (int i = 1; i < OLD_TYPES; i++)
				sc.by_type[i] = w[1 + i];
			for (int i = 1; i < OLD_STATUSES; i++)
				sc.by_status[i] = w[1 + OLD_TYPES + i];
			n = counts_encode(&sc, b);
		}
		/* The key copied first: it lies in the page the put rewrites. */
		struct key kc = { .n = 0 };
		key_add(&kc, k.mv_data, k.mv_size);
		MDB_val kv = store_val(kc.b, kc.n), nd = store_val(b, n);
		rc = kc.n == k.mv_size ? mdb_cursor_put(c, &kv, &nd, 0) : MDB_CORRUPTED;
		if (rc)
			break;
	}
	mdb_cursor_close(c);
	return rc == MDB_NOTFOUND ? 0 : rc;
}
