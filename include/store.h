/*
 * store.h - the database: one LMDB environment holding records, indexes,
 * per-quarter counters and the audit trail.  Only the store's own files
 * (src/store*.c, sharing src/store_priv.h) include lmdb.h.
 *
 * Every access happens inside store_read() or store_write(), which run a
 * caller's function in one transaction and end it before returning: no
 * transaction outlives the call, so no reader pins old pages while a
 * screen waits for a key, and no writer holds the lock while a person
 * types.  store_write() grows the map and re-runs the function when the
 * map is full, so a function passed to it must be safe to run again.
 *
 * Inside a transaction, store_put_exemplar() keeps the record, its four
 * index entries and the counters of its unit and quarter together; the
 * register adds the audit entry to the same transaction.
 */
#ifndef DIENHINH_STORE_H
#define DIENHINH_STORE_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "audit.h"
#include "err.h"
#include "keys.h"
#include "model.h"

#define STORE_SCHEMA 5 /* the schema this program writes (2: no names index; 3: tagged counters;
                          4: withdrawn exemplars and late entries;
                          5: list keys with one place for a tone) */

struct store;
struct store_txn;

enum {
	STORE_CREATE = 1 << 0,    /* create the directory and database if missing */
	STORE_READ_ONLY = 1 << 1, /* for reading only: store_write() is refused */
};

/*
 * Open (or with STORE_CREATE create) the database in directory `dir`, with
 * `map_size` bytes as the initial map (ignored when the file is larger).
 * Files are created group-writable (umask 007) so that colleagues sharing
 * the group can open them.  Checks the schema (a newer one is refused,
 * an older one migrated) and clears reader slots left by dead processes.
 */
int store_open(const char *dir, size_t map_size, unsigned flags, struct store **out,
	       struct err *e);
void store_close(struct store *s);
/* Opened read only on a database of an older schema, which an open for
 * writing would migrate: read nothing from it, open it for writing. */
bool store_outdated(const struct store *s);

/*
 * A flag the store checks before committing: when a signal handler has
 * set it, store_write() aborts instead of committing (ERR_INTERRUPTED).
 */
void store_set_interrupt(struct store *s, volatile sig_atomic_t *flag);

/* Id of the newest committed transaction, by any process; cheap, no transaction. */
uint64_t store_last_txn(struct store *s);

/* Clear reader slots of dead processes; returns how many were cleared, counting
 * those store_open() cleared and no call here has reported yet. */
int store_reader_check(struct store *s);

/* Current map size and data file size in bytes (the tests follow map growth with it). */
void store_sizes(struct store *s, size_t *map, size_t *file);

typedef int (*store_fn)(struct store_txn *t, void *ctx, struct err *e);

/* Run fn in a read-only transaction. */
int store_read(struct store *s, store_fn fn, void *ctx, struct err *e);
/* Run fn in a write transaction and commit if it returns 0. */
int store_write(struct store *s, store_fn fn, void *ctx, struct err *e);

/* ---- inside a transaction ----------------------------------------------- */

/* Schema version recorded in the database. */
uint32_t store_schema(struct store_txn *t);

/* Small named values (hash of the configured units...). */
int store_get_meta_u64(struct store_txn *t, const char *name, uint64_t *v, struct err *e);
int store_put_meta_u64(struct store_txn *t, const char *name, uint64_t v, struct err *e);

/* A new exemplar id, above every id committed so far. */
int store_next_id(struct store_txn *t, uint64_t *id, struct err *e);

/* ERR_NOTFOUND if there is no such exemplar. */
int store_get_exemplar(struct store_txn *t, uint64_t id, struct exemplar *x, struct err *e);

/*
 * Write exemplar `x`; `old` is the stored version it replaces (NULL for a
 * new one), whose index entries and counts are removed.
 */
int store_put_exemplar(struct store_txn *t, const struct exemplar *old,
		       const struct exemplar *x, struct err *e);

/*
 * Write new exemplar x (its id set by the caller) unless one of the same
 * unit, type, name and introduction date is stored: then *dup is that one's
 * id and nothing is written.  The duplicate check and the list write share
 * one look-up of the list index.
 */
int store_add_exemplar(struct store_txn *t, const struct exemplar *x, uint64_t *dup,
		       struct err *e);

/* Is there an exemplar with this id?  (No decoding.) */
int store_has_exemplar(struct store_txn *t, uint64_t id);

int store_get_unit(struct store_txn *t, const char *code, struct unit *u, struct err *e);
int store_put_unit(struct store_txn *t, const struct unit *u, struct err *e);

/* Callbacks return 0 to go on, 1 to stop early (not an error), -1 on error. */
typedef int (*store_unit_cb)(const struct unit *u, void *ctx);
typedef int (*store_exemplar_cb)(const struct exemplar *x, void *ctx);
typedef int (*store_id_cb)(uint64_t id, void *ctx);

/* Every unit, by code. */
int store_each_unit(struct store_txn *t, store_unit_cb cb, void *ctx, struct err *e);
/* Every exemplar, by id. */
int store_each_exemplar(struct store_txn *t, store_exemplar_cb cb, void *ctx,
			struct err *e);

/* Rows of the list index (keys.h), in list order: unit code, collectives
 * before individuals, Vietnamese name order. */
typedef int (*store_row_cb)(const struct list_row *row, void *ctx);

/*
 * Walk the list index from position `from` (exclusive; NULL = the start,
 * or the end when backward), forward or backward, limited to `unit` when
 * not NULL.
 */
int store_scan_list(struct store_txn *t, const char *unit, const uint8_t *from,
		    size_t from_len, bool backward, store_row_cb cb, void *ctx,
		    struct err *e);

/* Ids introduced in a year (and quarter, 1-4, or 0 for the whole year),
 * optionally of one unit, ordered by quarter, unit, id. */
int store_scan_period(struct store_txn *t, int year, int quarter, const char *unit,
		      store_id_cb cb, void *ctx, struct err *e);

/* Ids whose folded name starts with `prefix` (already folded), in folded order. */
int store_scan_fold_prefix(struct store_txn *t, const char *prefix, store_id_cb cb,
			   void *ctx, struct err *e);

/*
 * *found = the id of an exemplar other than `skip` with x's unit, type,
 * exactly x's name and x's introduction date, or 0.  Reads only the list
 * index, so it costs a few key comparisons, not record decodes.
 */
int store_find_same(struct store_txn *t, const struct exemplar *x, uint64_t skip,
		    uint64_t *found, struct err *e);

/* Ids whose folded name holds `needle` (already folded), in folded-name order:
 * the diacritic-insensitive search, reading only the small folds index. */
int store_scan_fold_substring(struct store_txn *t, const char *needle, store_id_cb cb,
			      void *ctx, struct err *e);

/* The list rows of the exemplars `ids`, handed to cb in list order (as
 * store_scan_list would give them); cb returns 0 to go on, 1 to stop. */
int store_list_rows(struct store_txn *t, const uint64_t *ids, size_t n, store_row_cb cb,
		    void *ctx, struct err *e);

/*
 * Per-unit, per-quarter counts kept with the records.  Index 0 of the
 * arrays is unused so that they are indexed by the enum values.  A
 * withdrawn exemplar is in by_status[STATUS_WITHDRAWN] and nowhere else;
 * every other one is in total, by_type and by_status, and a late entry
 * also in late_by_type and late_by_status.  Which of them count toward a
 * quota is query_counting()'s to say.
 */
struct store_counts {
	uint32_t total;
	uint32_t by_type[TYPE_COUNT_];
	uint32_t by_status[STATUS_COUNT_];
	uint32_t late_by_type[TYPE_COUNT_];
	uint32_t late_by_status[STATUS_COUNT_];
};
/* Add (delta +1) or take away (-1) exemplar x as the counter of its quarter holds it. */
void store_counts_add(struct store_counts *c, const struct exemplar *x, int delta);
int store_get_counts(struct store_txn *t, int year, int quarter, const char *unit,
		     struct store_counts *c, struct err *e);

/* Append an audit entry (its seq is assigned here and written back). */
int store_append_audit(struct store_txn *t, struct audit_entry *a, struct err *e);

/* Also file audit entry `seq` under `record` (one import entry covers many records). */
int store_link_audit(struct store_txn *t, uint64_t record, uint64_t seq, struct err *e);

typedef int (*store_audit_cb)(const struct audit_entry *a, void *ctx);
/* Audit entries in order, all of them or those of one record (record != 0). */
int store_each_audit(struct store_txn *t, uint64_t record, store_audit_cb cb, void *ctx,
		     struct err *e);

/* ---- for the integrity check ---------------------------------------------- */

/* Bits for store_verify_indexes(): which index entry of a record is wrong. */
enum {
	STORE_IX_LIST = 1 << 0,
	STORE_IX_PERIOD = 1 << 1,
	STORE_IX_FOLDS = 1 << 2,
};

/* Set *bad to the STORE_IX_* bits of the entries of `x` that are missing or stale. */
int store_verify_indexes(struct store_txn *t, const struct exemplar *x, unsigned *bad,
			 struct err *e);

/* How many entries each table holds, and the next id to be given. */
struct store_stats {
	size_t exemplars, list, period, folds, counters, units, audit;
	uint64_t next_id;
};
int store_stats(struct store_txn *t, struct store_stats *st, struct err *e);

typedef int (*store_counts_cb)(int year, int quarter, const char *unit,
			       const struct store_counts *c, void *ctx);
/* Every stored counter, by year, quarter and unit; c is NULL for one whose
 * value is damaged (the walk goes on). */
int store_each_counts(struct store_txn *t, store_counts_cb cb, void *ctx, struct err *e);

/*
 * Write a consistent, compacted copy of the database into directory `dir`
 * (created if missing, must not hold a database) while others keep working.
 */
int store_backup(struct store *s, const char *dir, struct err *e);

/* The database directory, as given to store_open. */
const char *store_dir(const struct store *s);

/*
 * Replace every table by those of the database in directory `dir`, in one
 * write transaction.  Before anything is replaced, and inside that
 * transaction (other writers wait, so nothing is committed in between), a
 * compacted copy of the current database is written to directory
 * `safety_dir`; then each table is emptied and filled from the backup,
 * every record decoded on the way (a damaged backup is refused), and `a`
 * (if not NULL) appended to the restored audit trail.  Refused with
 * ERR_SCHEMA and nothing changed when `dir` holds no dienhinh database or
 * one with a newer schema; an older schema is migrated in the same
 * transaction.  Other sessions keep their environment open throughout:
 * the data file is never replaced under them.
 */
int store_restore(struct store *s, const char *dir, const char *safety_dir,
		  struct audit_entry *a, struct err *e);

/*
 * Remove a copy of the database that store_backup or store_restore wrote
 * into `dir`: its data and lock files, then the directory if nothing else
 * is in it.
 */
void store_remove_copy(const char *dir);

/* For tests of `check`: overwrite a counter without touching records. */
int store_debug_put_counts(struct store_txn *t, int year, int quarter, const char *unit,
			   const struct store_counts *c, struct err *e);

#endif
