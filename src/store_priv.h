/*
 * store_priv.h - what the files of the store (src/store*.c) share, and the
 * only header that includes lmdb.h: the rest of the program sees the store
 * through store.h alone.
 *
 * Named databases: meta (schema, id sequences), units, exemplars (by id),
 * the three indexes and the counters laid out in keys.h, audit (by
 * sequence) and audit_rec (record id, sequence).  Composite keys in plain
 * databases, rather than MDB_DUPSORT, avoid the dupsort cursor-delete bug
 * of LMDB 0.9.24.
 */
#ifndef DIENHINH_STORE_PRIV_H
#define DIENHINH_STORE_PRIV_H

#include <lmdb.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#include "keys.h"
#include "mem.h"
#include "store.h"

/* The environment and its database handles, opened once per process. */
struct store {
	MDB_env *env;
	MDB_dbi meta, units, exemplars, list, period, folds, counters, audit, audit_rec;
	char *dir;
	volatile sig_atomic_t *interrupt;
	int cleared_at_open;   /* dead readers freed by store_open, not yet reported */
	bool read_only;        /* STORE_READ_ONLY: opened with MDB_RDONLY */
	bool outdated;         /* read only, and an older schema left unmigrated */
};

/*
 * One running transaction.  `full` records that LMDB ran out of map space
 * somewhere inside the caller's function, whatever that function did with
 * the error, so store_write() knows to grow the map and run it again.
 */
struct store_txn {
	struct store *s;
	MDB_txn *txn;
	bool full;
	struct buf enc;   /* record encoding, reused */
	struct buf row;   /* list-row strings handed to callbacks, reused */
};

/* LMDB's (or the C library's) words for rc, translated once the locale is set up. */
const char *store_strerror(int rc);
/* Set e for LMDB's or the system's rc; returns -1.  A full map is noted in t. */
int store_fail(struct store_txn *t, int rc, struct err *e);

static inline MDB_val store_val(const void *p, size_t n)
{
	return (MDB_val){ .mv_size = n, .mv_data = (void *)p };
}

/* The 8-byte big-endian form of v (an id or a sequence number), in b. */
static inline MDB_val store_u64_val(uint8_t b[8], uint64_t v)
{
	keys_be64(b, v);
	return store_val(b, 8);
}

/* Create directory `dir` and its parents (group-writable); 0 or -1 with errno. */
int store_mkdir(const char *dir);

/* The i-th named database, in the order they are opened and restored:
 * its handle, and its name in *name; NULL past the last. */
MDB_dbi *store_table(struct store *s, size_t i, const char **name);

/* A u64 meta value by name (8 bytes, big-endian); LMDB's return codes. */
int store_get_u64(MDB_txn *txn, MDB_dbi dbi, const char *name, uint64_t *v);
int store_put_u64(MDB_txn *txn, MDB_dbi dbi, const char *name, uint64_t v);

/* Bring a database of schema `from` up to STORE_SCHEMA inside txn; an LMDB code. */
int store_migrate(struct store *s, MDB_txn *txn, uint64_t from);

/* Add `delta` (+1 or -1) for exemplar x to the counter under key k (its unit
 * and quarter); a counter back at zero is removed. */
int store_count(struct store_txn *t, const struct key *k, const struct exemplar *x, int delta,
		struct err *e);
/* Rewrite every counter of a schema 1 or 2 database in the present form; an LMDB code. */
int store_counts_migrate(struct store *s, MDB_txn *txn);

/* Write the list index again from the records, with this program's keys; an LMDB code. */
int store_list_migrate(struct store *s, MDB_txn *txn);

#endif
