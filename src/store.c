/*
 * store.c - see store.h.  The only file that includes lmdb.h.
 *
 * Named databases: meta (schema, id sequences), units, exemplars (by id),
 * the three indexes and the counters laid out in keys.h, audit (by
 * sequence) and audit_rec (record id, sequence).  Composite keys in plain
 * databases, rather than MDB_DUPSORT, avoid the dupsort cursor-delete bug
 * of LMDB 0.9.24.  Counters are stored in host byte order, as LMDB's own pages are.
 */
#include "store.h"

#include <errno.h>
#include <limits.h>
#include <lmdb.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "codec.h"
#include "i18n.h"
#include "keys.h"
#include "mem.h"

#define MAX_GROWTHS 40

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

/* ---- errors ------------------------------------------------------------- */

/* LMDB's words for rc; for a system error they are the C library's, which
 * are translated once the locale is set up (i18n.h). */
static const char *db_strerror(int rc)
{
	i18n_ready();
	return mdb_strerror(rc);
}

static int fail(struct store_txn *t, int rc, struct err *e)
{
	switch (rc) {
	case MDB_MAP_FULL:
		if (t)
			t->full = true;
		return err_set(e, ERR_FULL, _("The database is full."));
	case ENOSPC:
	case EFBIG: /* the file-size limit of the account: full, as far as we may write */
		return err_set(e, ERR_FULL, _("The disk is full: nothing was saved. "
					      "Ask the administrator to free some space."));
	case MDB_READERS_FULL:
		return err_set(e, ERR_FULL, _("Too many sessions have the database open at once. "
					      "Close some and try again."));
	case MDB_TXN_FULL:
		return err_set(e, ERR_FULL, _("The change is too large for one transaction."));
	case EACCES:
	case EPERM:
		return err_set(e, ERR_IO, _("No permission to use the database files."));
	case MDB_CORRUPTED:
	case MDB_PAGE_NOTFOUND:
	case MDB_INVALID:
	case MDB_VERSION_MISMATCH:
		return err_set(e, ERR_SCHEMA, _("The database file is damaged or is not a dienhinh "
					       "database (%s)."), db_strerror(rc));
	case ENOMEM:
		return err_nomem(e);
	default:
		return err_set(e, ERR_STORE, _("Database error: %s."), db_strerror(rc));
	}
}

static MDB_val val(const void *p, size_t n)
{
	return (MDB_val){ .mv_size = n, .mv_data = (void *)p };
}

/* The 8-byte big-endian form of v (an id or a sequence number), in b. */
static MDB_val u64_val(uint8_t b[8], uint64_t v)
{
	keys_be64(b, v);
	return val(b, 8);
}

/* ---- opening --------------------------------------------------------------- */

static int mkdir_p(const char *dir)
{
	char p[PATH_MAX];
	size_t n = strlen(dir);
	int rc = 0;

	if (n >= sizeof p)
		return errno = ENAMETOOLONG, -1;
	memcpy(p, dir, n + 1);
	for (char *s = p + 1; *s && !rc; s++) {
		if (*s != '/')
			continue;
		*s = 0;
		if (mkdir(p, 0770) && errno != EEXIST)
			rc = -1;
		*s = '/';
	}
	if (!rc && mkdir(p, 0770) && errno != EEXIST)
		rc = -1;
	return rc;
}

/* Every named database, and where its handle is kept: opened and restored in this order. */
static const struct {
	const char *name;
	size_t at;
} tables[] = {
	{ "meta", offsetof(struct store, meta) },
	{ "units", offsetof(struct store, units) },
	{ "exemplars", offsetof(struct store, exemplars) },
	{ "list", offsetof(struct store, list) },
	{ "period", offsetof(struct store, period) },
	{ "folds", offsetof(struct store, folds) },
	{ "counters", offsetof(struct store, counters) },
	{ "audit", offsetof(struct store, audit) },
	{ "audit_rec", offsetof(struct store, audit_rec) },
};
#define N_TABLES (sizeof tables / sizeof tables[0])

static MDB_dbi *handle(struct store *s, size_t i)
{
	return (MDB_dbi *)((char *)s + tables[i].at);
}

static int open_dbis(struct store *s, MDB_txn *txn, unsigned flags)
{
	for (size_t i = 0; i < N_TABLES; i++) {
		int rc = mdb_dbi_open(txn, tables[i].name, flags, handle(s, i));
		if (rc)
			return rc;
	}
	return 0;
}

static int get_u64(MDB_txn *txn, MDB_dbi dbi, const char *name, uint64_t *v)
{
	MDB_val k = val(name, strlen(name)), d;
	int rc = mdb_get(txn, dbi, &k, &d);

	if (rc == 0) {
		if (d.mv_size != 8)
			return MDB_CORRUPTED;
		*v = keys_rd64(d.mv_data);
	}
	return rc;
}

static int put_u64(MDB_txn *txn, MDB_dbi dbi, const char *name, uint64_t v)
{
	uint8_t b[8];
	MDB_val k = val(name, strlen(name)), d = u64_val(b, v);

	return mdb_put(txn, dbi, &k, &d, 0);
}

/*
 * Bring an older schema up to STORE_SCHEMA, one step per schema, run by
 * the first writer to open the file (or by a restore of an older backup),
 * inside one transaction.
 *
 * 1 -> 2: the names index (collation key, id) is emptied and its pages
 * freed.  Nothing read it; every import paid for keeping it.  The table
 * itself stays: a session of the old program still open holds a handle
 * to it, and LMDB would crash that session's next write into a table
 * deleted under it (it may still write a few keys there, which nothing
 * reads).  A database restored from a schema 1 backup never had it
 * copied, hence NOTFOUND is no error.
 */
static int migrate(struct store *s, MDB_txn *txn, uint64_t from)
{
	MDB_dbi names;
	int rc;

	if (from < 2) {
		rc = mdb_dbi_open(txn, "names", 0, &names);
		if (rc == 0)
			rc = mdb_drop(txn, names, 0);
		if (rc && rc != MDB_NOTFOUND)
			return rc;
	}
	return put_u64(txn, s->meta, "schema", STORE_SCHEMA);
}

/*
 * Begin a transaction, taking up the larger map when another process grew
 * the file past ours.  The map is sized at mdb_env_open() to the file as
 * it was then, so a writer elsewhere can outgrow it before our first
 * transaction.
 */
static int begin(struct store *s, unsigned flags, MDB_txn **txn)
{
	int rc;

	while ((rc = mdb_txn_begin(s->env, NULL, flags, txn)) == MDB_MAP_RESIZED)
		if ((rc = mdb_env_set_mapsize(s->env, 0)))
			break;
	return rc;
}

/* Open the databases; create them and the schema record if asked to. */
static int open_schema(struct store *s, unsigned flags, struct err *e)
{
	MDB_txn *txn;
	uint64_t schema = 0;
	bool create = flags & STORE_CREATE;
	int rc = begin(s, create ? 0 : MDB_RDONLY, &txn);

	if (rc)
		return fail(NULL, rc, e);
	rc = open_dbis(s, txn, create ? MDB_CREATE : 0);
	if (rc == MDB_NOTFOUND) {
		mdb_txn_abort(txn);
		return err_set(e, ERR_SCHEMA, _("%s does not hold a dienhinh database."), s->dir);
	}
	if (!rc)
		rc = get_u64(txn, s->meta, "schema", &schema);
	if (rc == MDB_NOTFOUND && create) {
		schema = STORE_SCHEMA;
		rc = put_u64(txn, s->meta, "schema", schema);
	}
	if (rc) {
		mdb_txn_abort(txn);
		return rc == MDB_NOTFOUND
			? err_set(e, ERR_SCHEMA, _("%s does not hold a dienhinh database."), s->dir)
			: fail(NULL, rc, e);
	}
	if (schema > STORE_SCHEMA) {
		mdb_txn_abort(txn);
		return err_set(e, ERR_SCHEMA, _("The database in %s was written by a newer version "
					       "of dienhinh (schema %llu; this program knows up to "
					       "%d). Nothing was changed; please upgrade the program."),
			       s->dir, (unsigned long long)schema, STORE_SCHEMA);
	}
	rc = mdb_txn_commit(txn); /* keeps the database handles open */
	if (rc)
		return fail(NULL, rc, e);
	if (schema < STORE_SCHEMA && s->read_only) {
		s->outdated = true; /* migrated by the next open for writing */
		return 0;
	}
	if (schema < STORE_SCHEMA) {
		if ((rc = begin(s, 0, &txn)))
			return fail(NULL, rc, e);
		if ((rc = migrate(s, txn, schema))) {
			mdb_txn_abort(txn);
			return fail(NULL, rc, e);
		}
		/* A commit frees the transaction even when it fails: no abort after it. */
		if ((rc = mdb_txn_commit(txn)))
			return fail(NULL, rc, e);
	}
	return 0;
}

/*
 * A data file cut short (a copy that stopped, a full disk) can keep intact
 * meta pages, and LMDB would then map the missing pages and die of SIGBUS
 * on the first read.  Committed pages always reach the file before the
 * meta page naming them, so a sound file holds every page up to the last.
 */
static int check_file_size(struct store *s, struct err *e)
{
	MDB_envinfo info;
	MDB_stat st;
	mdb_filehandle_t fd;
	struct stat sb;
	int rc;

	if ((rc = mdb_env_info(s->env, &info)) || (rc = mdb_env_stat(s->env, &st)) ||
	    (rc = mdb_env_get_fd(s->env, &fd)))
		return fail(NULL, rc, e);
	if (fstat(fd, &sb))
		return err_set(e, ERR_IO, _("Cannot read %s/data.mdb: %s."), s->dir,
			       i18n_strerror(errno));
	if ((uint64_t)sb.st_size < ((uint64_t)info.me_last_pgno + 1) * st.ms_psize)
		return err_set(e, ERR_SCHEMA, _("The database file %s/data.mdb is cut short: it is "
					       "damaged. Nothing was changed; restore it from a "
					       "backup."), s->dir);
	return 0;
}

int store_open(const char *dir, size_t map_size, unsigned flags, struct store **out,
	       struct err *e)
{
	struct store *s = calloc(1, sizeof *s);
	char path[4096];
	struct stat sb;
	int rc;

	*out = NULL;
	if (!s || !(s->dir = strdup(dir))) {
		free(s);
		return err_nomem(e);
	}
	snprintf(path, sizeof path, "%s/data.mdb", dir);
	/* stat(), not access(): access() asks with the real ids, and a setgid
	 * program must look with the group it runs as. */
	bool found = stat(path, &sb) == 0;
	if (!(flags & STORE_CREATE) && !found && errno == ENOENT) {
		err_set(e, ERR_NOTFOUND, _("There is no database in %s. Create it with "
					   "\"dienhinh init\"."), dir);
		goto out;
	}
	/* LMDB would write a new, empty database over an empty file.  An
	 * existing but empty data file is damage (a copy cut off at its
	 * start), not absence: even init leaves it for a person to look at. */
	if (found && sb.st_size == 0) {
		err_set(e, ERR_SCHEMA, _("The database file %s is empty: it is damaged. Nothing "
					 "was changed; restore it from a backup."), path);
		goto out;
	}
	if ((rc = mdb_env_create(&s->env)) || (rc = mdb_env_set_maxdbs(s->env, 16)) ||
	    (rc = mdb_env_set_mapsize(s->env, map_size))) {
		fail(NULL, rc, e);
		goto out;
	}
	/* Group-writable files, so that every member of the staff group can
	 * open the lock file; restored at once, exports keep the person's umask. */
	mode_t old = umask(007);
	if ((flags & STORE_CREATE) && mkdir_p(dir)) {
		umask(old);
		err_set(e, ERR_IO, _("Cannot create the directory %s: %s."), dir, i18n_strerror(errno));
		goto out;
	}
	/* Read only: no write, and none of the 3 MiB of lists LMDB keeps for
	 * the pages a write transaction changes (the quota command's start). */
	s->read_only = flags & STORE_READ_ONLY;
	rc = mdb_env_open(s->env, dir,
			  MDB_NOTLS | MDB_NORDAHEAD | (s->read_only ? MDB_RDONLY : 0), 0660);
	umask(old);
	if (rc) {
		fail(NULL, rc, e);
		goto out;
	}
	if (check_file_size(s, e))
		goto out;
	mdb_reader_check(s->env, &s->cleared_at_open);
	if (open_schema(s, flags, e) == 0) {
		*out = s;
		return 0;
	}
out:
	store_close(s);
	return -1;
}

bool store_outdated(const struct store *s)
{
	return s->outdated;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	if (s->env)
		mdb_env_close(s->env);
	free(s->dir);
	free(s);
}

void store_set_interrupt(struct store *s, volatile sig_atomic_t *flag)
{
	s->interrupt = flag;
}

uint64_t store_last_txn(struct store *s)
{
	MDB_envinfo info;

	if (mdb_env_info(s->env, &info))
		return 0;
	return info.me_last_txnid;
}

/* Counts the slots freed at open too: `check` runs after the open that freed them. */
int store_reader_check(struct store *s)
{
	int dead = 0;

	mdb_reader_check(s->env, &dead);
	dead += s->cleared_at_open;
	s->cleared_at_open = 0;
	return dead;
}

void store_sizes(struct store *s, size_t *map, size_t *file)
{
	MDB_envinfo info;
	MDB_stat st;
	char path[4096];
	struct stat sb;

	*map = *file = 0;
	if (!mdb_env_info(s->env, &info) && !mdb_env_stat(s->env, &st))
		*map = info.me_mapsize;
	snprintf(path, sizeof path, "%s/data.mdb", s->dir);
	if (stat(path, &sb) == 0)
		*file = (size_t)sb.st_size;
}

/* ---- transactions ------------------------------------------------------------ */

/*
 * Would a map of `size` bytes fit in the address space now?  LMDB unmaps
 * the old map before it makes the new one, and when that fails (a limit on
 * the account's address space) it is left with none: the next read would
 * crash, and only opening the database again would bring the map back.
 * So ask first, with an inaccessible mapping that reserves nothing.
 */
static bool can_map(size_t size)
{
	void *p = mmap(NULL, size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

	if (p == MAP_FAILED)
		return false;
	munmap(p, size);
	return true;
}

/* Map `size` bytes of the file from now on: 0, ENOMEM when there is no
 * room for it (the old map is kept), or LMDB's error. */
static int set_map(struct store *s, size_t size)
{
	return can_map(size) ? mdb_env_set_mapsize(s->env, size) : ENOMEM;
}

static int grow(struct store *s, struct err *e)
{
	MDB_envinfo info;
	int rc = mdb_env_info(s->env, &info);
	size_t size = info.me_mapsize;

	if (rc)
		return fail(NULL, rc, e);
	size += size < ((size_t)1 << 30) ? size : ((size_t)1 << 30);
	return (rc = set_map(s, size)) ? fail(NULL, rc, e) : 0;
}

/*
 * LMDB reports a write cut short, which is what a disk filling up in the
 * middle of a commit gives, as EIO, like a failing disk.  Tell them apart
 * by looking: almost no room left on the file system, or the data file at
 * the process's file-size limit, means the disk is full.
 */
static bool out_of_space(struct store *s)
{
	const unsigned long long slack = 1 << 20;
	struct statvfs vfs;
	struct rlimit rl;
	struct stat sb;
	char path[4096];

	if (statvfs(s->dir, &vfs) == 0 &&
	    (unsigned long long)vfs.f_bavail * vfs.f_frsize < slack)
		return true;
	snprintf(path, sizeof path, "%s/data.mdb", s->dir);
	return getrlimit(RLIMIT_FSIZE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
	       stat(path, &sb) == 0 && (unsigned long long)sb.st_size + slack > rl.rlim_cur;
}

static void txn_end(struct store_txn *t)
{
	buf_free(&t->enc);
	buf_free(&t->row);
}

int store_read(struct store *s, store_fn fn, void *ctx, struct err *e)
{
	struct store_txn t = { .s = s };
	int rc;

	if ((rc = begin(s, MDB_RDONLY, &t.txn)))
		return fail(NULL, rc, e);
	rc = fn(&t, ctx, e);
	mdb_txn_abort(t.txn);
	txn_end(&t);
	return rc;
}

int store_write(struct store *s, store_fn fn, void *ctx, struct err *e)
{
	if (s->read_only)
		return err_set(e, ERR_STORE, _("Program error (%s): nothing was saved. Please "
					       "tell the administrator."), "store_write");
	for (int attempt = 0; attempt < MAX_GROWTHS; attempt++) {
		struct store_txn t = { .s = s };
		int rc = begin(s, 0, &t.txn);

		if (rc)
			return fail(NULL, rc, e);
		if (fn(&t, ctx, e)) {
			mdb_txn_abort(t.txn);
			txn_end(&t);
			if (!t.full || grow(s, e))
				return -1;
			continue;
		}
		txn_end(&t);
		if (s->interrupt && *s->interrupt) {
			mdb_txn_abort(t.txn);
			return err_set(e, ERR_INTERRUPTED, _("Stopped: nothing was saved."));
		}
		rc = mdb_txn_commit(t.txn);
		if (rc == 0)
			return 0;
		if (rc == EIO && out_of_space(s))
			rc = ENOSPC;
		if (rc != MDB_MAP_FULL)
			return fail(NULL, rc, e);
		if (grow(s, e))
			return -1;
	}
	return err_set(e, ERR_FULL, _("The database cannot grow any more: the disk may be full."));
}

uint32_t store_schema(struct store_txn *t)
{
	uint64_t v = 0;

	get_u64(t->txn, t->s->meta, "schema", &v);
	return (uint32_t)v;
}

int store_get_meta_u64(struct store_txn *t, const char *name, uint64_t *v, struct err *e)
{
	int rc = get_u64(t->txn, t->s->meta, name, v);

	if (rc == MDB_NOTFOUND) {
		*v = 0;
		return 0;
	}
	return rc ? fail(t, rc, e) : 0;
}

int store_put_meta_u64(struct store_txn *t, const char *name, uint64_t v, struct err *e)
{
	int rc = put_u64(t->txn, t->s->meta, name, v);

	return rc ? fail(t, rc, e) : 0;
}

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
	MDB_val k = u64_val(kb, id), d;
	int rc = mdb_get(t->txn, t->s->exemplars, &k, &d);

	if (rc == MDB_NOTFOUND)
		return err_set(e, ERR_NOTFOUND, _("There is no exemplar with number %llu."),
			       (unsigned long long)id);
	if (rc)
		return fail(t, rc, e);
	return codec_decode_exemplar(d.mv_data, d.mv_size, x, e);
}

static int put_key(struct store_txn *t, MDB_dbi dbi, const struct key *k,
		   const void *v, size_t n, struct err *e)
{
	MDB_val kv = val(k->b, k->n), dv = val(v, n);
	int rc = mdb_put(t->txn, dbi, &kv, &dv, 0);

	return rc ? fail(t, rc, e) : 0;
}

static int del_key(struct store_txn *t, MDB_dbi dbi, const struct key *k, struct err *e)
{
	MDB_val kv = val(k->b, k->n);
	int rc = mdb_del(t->txn, dbi, &kv, NULL);

	return rc && rc != MDB_NOTFOUND ? fail(t, rc, e) : 0;
}

static bool key_eq(const struct key *a, const struct key *b)
{
	return a->n == b->n && memcmp(a->b, b->b, a->n) == 0;
}

static int read_counts(struct store_txn *t, const struct key *k, struct store_counts *c,
		       struct err *e)
{
	MDB_val kv = val(k->b, k->n), d;
	int rc = mdb_get(t->txn, t->s->counters, &kv, &d);

	memset(c, 0, sizeof *c);
	if (rc == MDB_NOTFOUND)
		return 0;
	if (rc)
		return fail(t, rc, e);
	if (d.mv_size != sizeof *c)
		return err_set(e, ERR_SCHEMA, _("A stored counter is damaged; run \"dienhinh check\"."));
	memcpy(c, d.mv_data, sizeof *c);
	return 0;
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
	MDB_val k = u64_val(idb, x->id), d = val(t->enc.data, t->enc.len);
	rc = append ? put_last(t, t->s->exemplars, &k, &d)
		    : mdb_put(t->txn, t->s->exemplars, &k, &d, 0);
	return rc ? fail(t, rc, e) : 0;
}

/* Add `delta` (+1 or -1) to the counters of exemplar `x`'s unit and quarter;
 * a counter back at zero is removed. */
static int count(struct store_txn *t, const struct key *k, const struct exemplar *x,
		 int delta, struct err *e)
{
	struct store_counts c, zero = { 0 };

	if (read_counts(t, k, &c, e))
		return -1;
	c.total += (uint32_t)delta;
	c.by_type[x->type] += (uint32_t)delta;
	c.by_status[x->status] += (uint32_t)delta;
	if (memcmp(&c, &zero, sizeof c) == 0)
		return del_key(t, t->s->counters, k, e);
	return put_key(t, t->s->counters, k, &c, sizeof c, e);
}

int store_has_exemplar(struct store_txn *t, uint64_t id)
{
	uint8_t kb[8];
	MDB_val k = u64_val(kb, id), d;

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
		    count(t, &ok->counter, old, -1, e))
			return -1;
	}
	if (encode_put(t, x, !old, e))
		return -1;
	if (lc) {
		MDB_val lk = val(nk->list.b, nk->list.n), lv = val(nk->value.data, nk->value.len);
		if ((rc = mdb_cursor_put(lc, &lk, &lv, 0)))
			return fail(t, rc, e);
	} else if (put_key(t, s->list, &nk->list, nk->value.data, nk->value.len, e)) {
		return -1;
	}
	if (count(t, &nk->counter, x, +1, e))
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
		return fail(t, rc, e);
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
		return fail(t, rc, e);
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
	return rc && rc != MDB_NOTFOUND ? fail(t, rc, e) : 0;
}

/* ---- units ------------------------------------------------------------------ */

int store_get_unit(struct store_txn *t, const char *code, struct unit *u, struct err *e)
{
	MDB_val k = val(code, strlen(code)), d;
	int rc = mdb_get(t->txn, t->s->units, &k, &d);

	if (rc == MDB_NOTFOUND)
		return err_set(e, ERR_NOTFOUND, _("There is no unit with code \"%s\"."), code);
	if (rc)
		return fail(t, rc, e);
	return codec_decode_unit(d.mv_data, d.mv_size, u, e);
}

int store_put_unit(struct store_txn *t, const struct unit *u, struct err *e)
{
	MDB_val k = val(u->code, strlen(u->code)), d;
	int rc;

	t->enc.len = 0;
	if (codec_encode_unit(u, &t->enc))
		return err_nomem(e);
	d = val(t->enc.data, t->enc.len);
	rc = mdb_put(t->txn, t->s->units, &k, &d, 0);
	return rc ? fail(t, rc, e) : 0;
}

int store_each_unit(struct store_txn *t, store_unit_cb cb, void *ctx, struct err *e)
{
	MDB_cursor *c;
	MDB_val k, d;
	struct unit u = { .active_from = DATE_NONE, .active_to = DATE_NONE };
	int rc = mdb_cursor_open(t->txn, t->s->units, &c), r = 0;

	if (rc)
		return fail(t, rc, e);
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
	return rc && rc != MDB_NOTFOUND ? fail(t, rc, e) : 0;
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
		*k = val(from, from_len);
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
		*k = val(pre->b, pre->n);
		return mdb_cursor_get(c, k, d, MDB_SET_RANGE);
	}
	/* Just past the unit's entries: its code followed by 0x01. */
	struct key past = *pre;
	past.b[past.n - 1] = 1;
	*k = val(past.b, past.n);
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
		return fail(t, rc, e);
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
	return rc && rc != MDB_NOTFOUND ? fail(t, rc, e) : 0;
}

/*
 * Walk keys starting with `pre`, handing each key's trailing id to cb;
 * with `needle`, only keys whose text (before the 00 and the id) holds it.
 */
static int scan_ids(struct store_txn *t, MDB_dbi dbi, const struct key *pre,
		    const char *needle, store_id_cb cb, void *ctx, struct err *e)
{
	MDB_cursor *c;
	MDB_val k = val(pre->b, pre->n), d;
	size_t nlen = needle ? strlen(needle) : 0;
	int rc, r = 0;

	if ((rc = mdb_cursor_open(t->txn, dbi, &c)))
		return fail(t, rc, e);
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
	return rc && rc != MDB_NOTFOUND ? fail(t, rc, e) : 0;
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
	kv = val(k.list.b, k.list.n);
	rc = mdb_get(t->txn, t->s->list, &kv, &d);
	if (!rc && ((h->key = malloc(k.list.n)) && (h->value = malloc(d.mv_size)))) {
		memcpy(h->key, k.list.b, h->key_len = k.list.n);
		memcpy(h->value, d.mv_data, h->value_len = d.mv_size);
	}
	keys_exemplar_free(&k);
	if (rc)
		return rc == MDB_NOTFOUND ? err_set(e, ERR_SCHEMA, _("The list index is damaged; run "
								     "\"dienhinh check\".")) : fail(t, rc, e);
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
	return nul && (size_t)(v + d->mv_size - (nul + 1)) == nlen && !memcmp(nul + 1, x->name, nlen);
}

static int find_same_at(struct store_txn *t, MDB_cursor *c, const struct key *pre,
			const struct exemplar *x, uint64_t skip, uint64_t *found,
			struct err *e)
{
	MDB_val k = val(pre->b, pre->n), d;
	int rc;

	*found = 0;
	for (rc = mdb_cursor_get(c, &k, &d, MDB_SET_RANGE); rc == 0 && has_prefix(&k, pre->b, pre->n);
	     rc = mdb_cursor_get(c, &k, &d, MDB_NEXT))
		if (same_entry(&k, &d, pre->n, x, skip)) {
			*found = keys_rd64((const uint8_t *)k.mv_data + pre->n);
			break;
		}
	return rc && rc != MDB_NOTFOUND ? fail(t, rc, e) : 0;
}

static int find_same_under(struct store_txn *t, const struct key *pre,
			   const struct exemplar *x, uint64_t skip, uint64_t *found,
			   struct err *e)
{
	MDB_cursor *c;
	int rc = mdb_cursor_open(t->txn, t->s->list, &c);

	if (rc)
		return fail(t, rc, e);
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

int store_get_counts(struct store_txn *t, int year, int quarter, const char *unit,
		     struct store_counts *c, struct err *e)
{
	struct key k;

	key_counter(&k, year, quarter, unit);
	return read_counts(t, &k, c, e);
}

int store_debug_put_counts(struct store_txn *t, int year, int quarter, const char *unit,
			   const struct store_counts *c, struct err *e)
{
	struct key k;

	key_counter(&k, year, quarter, unit);
	return put_key(t, t->s->counters, &k, c, sizeof *c, e);
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
	MDB_val kv = val(k.b, k.n), none = val(NULL, 0);
	int rc = put_last(t, t->s->audit_rec, &kv, &none);
	return rc ? fail(t, rc, e) : 0;
}

static int audit_get(struct store_txn *t, uint64_t seq, struct audit_entry *a, struct err *e)
{
	uint8_t kb[8];
	MDB_val k = u64_val(kb, seq), d;
	int rc;

	if ((rc = mdb_get(t->txn, t->s->audit, &k, &d)))
		return fail(t, rc, e);
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
		return fail(t, rc, e);
	k = u64_val(pre, record);
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
	return rc && rc != MDB_NOTFOUND ? fail(t, rc, e) : 0;
}

/* ---- backup ------------------------------------------------------------------- */

int store_backup(struct store *s, const char *dir, struct err *e)
{
	char path[4096];
	int rc;

	if (mkdir_p(dir))
		return err_set(e, ERR_IO, _("Cannot create the directory %s: %s."), dir,
			       i18n_strerror(errno));
	snprintf(path, sizeof path, "%s/data.mdb", dir);
	if (access(path, F_OK) == 0)
		return err_set(e, ERR_INVALID, _("%s already holds a database; choose an empty "
						 "directory for the backup."), dir);
	/* The copy runs in a read transaction of its own: follow a grown map too. */
	while ((rc = mdb_env_copy2(s->env, dir, MDB_CP_COMPACT)) == MDB_MAP_RESIZED) {
		unlink(path);
		if ((rc = mdb_env_set_mapsize(s->env, 0)))
			break;
	}
	if (rc) {
		unlink(path);
		return rc == EACCES ? err_set(e, ERR_IO, _("No permission to write in %s."), dir)
				    : fail(NULL, rc, e);
	}
	return 0;
}

/* ---- integrity check support ------------------------------------------------------ */

static bool has_entry(struct store_txn *t, MDB_dbi dbi, const struct key *k,
		      const struct buf *want)
{
	MDB_val kv = val(k->b, k->n), d;

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

int store_each_counts(struct store_txn *t, store_counts_cb cb, void *ctx, struct err *e)
{
	MDB_cursor *c;
	MDB_val k, d;
	char unit[CODE_MAX + 1];
	int rc, r = 0;

	if ((rc = mdb_cursor_open(t->txn, t->s->counters, &c)))
		return fail(t, rc, e);
	for (rc = mdb_cursor_get(c, &k, &d, MDB_FIRST); rc == 0;
	     rc = mdb_cursor_get(c, &k, &d, MDB_NEXT)) {
		const uint8_t *kb = k.mv_data;
		struct store_counts sc;
		if (k.mv_size < 4 || k.mv_size > 3 + CODE_MAX || d.mv_size != sizeof sc) {
			r = err_set(e, ERR_SCHEMA, _("A stored counter is damaged."));
			break;
		}
		memcpy(unit, kb + 3, k.mv_size - 3);
		unit[k.mv_size - 3] = 0;
		memcpy(&sc, d.mv_data, sizeof sc);
		if ((r = cb(kb[0] << 8 | kb[1], kb[2], unit, &sc, ctx)) != 0)
			break;
	}
	mdb_cursor_close(c);
	if (r < 0)
		return -1;
	return rc && rc != MDB_NOTFOUND ? fail(t, rc, e) : 0;
}

/* ---- restore ------------------------------------------------------------------- */

const char *store_dir(const struct store *s)
{
	return s->dir;
}

/* A backup being restored: its own read-only environment (no lock file is
 * created in the backup's directory), and the safety copy's state. */
struct restore {
	MDB_env *env;
	const char *dir, *safety;
	struct audit_entry *a;
	uint64_t schema;
	bool copied;
};

static int not_a_database(const char *dir, struct err *e)
{
	return err_set(e, ERR_SCHEMA, _("%s does not hold a dienhinh database. Nothing was "
					"changed."), dir);
}

/* Open the backup and read its schema; refuse a newer one. */
static int open_backup(struct restore *b, struct err *e)
{
	char path[4096];
	struct stat sb;
	MDB_txn *rt;
	MDB_dbi meta;
	int rc;

	snprintf(path, sizeof path, "%s/data.mdb", b->dir);
	if (stat(path, &sb) != 0)
		return err_set(e, errno == ENOENT ? ERR_NOTFOUND : ERR_IO,
			       _("There is no backup in %s (no data.mdb): %s."), b->dir,
			       i18n_strerror(errno));
	if ((rc = mdb_env_create(&b->env)) || (rc = mdb_env_set_maxdbs(b->env, 16)) ||
	    (rc = mdb_env_open(b->env, b->dir, MDB_RDONLY | MDB_NOLOCK | MDB_NOTLS, 0)) ||
	    (rc = mdb_txn_begin(b->env, NULL, MDB_RDONLY, &rt)))
		return rc == MDB_INVALID || rc == MDB_VERSION_MISMATCH ? not_a_database(b->dir, e)
								       : fail(NULL, rc, e);
	rc = mdb_dbi_open(rt, "meta", 0, &meta);
	if (!rc)
		rc = get_u64(rt, meta, "schema", &b->schema);
	mdb_txn_abort(rt);
	if (rc == MDB_NOTFOUND || (!rc && !b->schema))
		return not_a_database(b->dir, e);
	if (rc)
		return fail(NULL, rc, e);
	if (b->schema > STORE_SCHEMA)
		return err_set(e, ERR_SCHEMA, _("The backup in %s was written by a newer version of "
					       "dienhinh (schema %llu; this program knows up to %d). "
					       "Nothing was changed; please upgrade the program."),
			       b->dir, (unsigned long long)b->schema, STORE_SCHEMA);
	return 0;
}

static void remove_copy(const char *dir)
{
	char path[4096];

	snprintf(path, sizeof path, "%s/data.mdb", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/lock.mdb", dir);
	unlink(path);
	rmdir(dir);
}

/* A record that does not decode means a damaged backup. */
static int check_record(const char *table, const MDB_val *d, struct err *e)
{
	struct exemplar x;
	struct unit u = { .active_from = DATE_NONE, .active_to = DATE_NONE };
	struct audit_entry a;
	int rc = 0;

	if (strcmp(table, "units") == 0) {
		rc = codec_decode_unit(d->mv_data, d->mv_size, &u, e);
		model_unit_free(&u);
	} else if (strcmp(table, "exemplars") == 0) {
		model_exemplar_init(&x);
		rc = codec_decode_exemplar(d->mv_data, d->mv_size, &x, e);
		model_exemplar_free(&x);
	} else if (strcmp(table, "audit") == 0) {
		audit_entry_init(&a);
		rc = codec_decode_audit(d->mv_data, d->mv_size, &a, e);
		audit_entry_free(&a);
	}
	return rc;
}

/* Empty one live table and fill it with the backup's. */
static int copy_table(struct store_txn *t, MDB_txn *rt, const char *name, MDB_dbi live,
		      struct err *e)
{
	MDB_dbi src;
	MDB_cursor *c;
	MDB_val k, d;
	int rc = mdb_dbi_open(rt, name, 0, &src);

	if (rc)
		return rc == MDB_NOTFOUND ? err_set(e, ERR_SCHEMA, _("The backup lacks the table "
								     "\"%s\"; it is damaged."), name)
					  : fail(t, rc, e);
	if ((rc = mdb_drop(t->txn, live, 0)) || (rc = mdb_cursor_open(rt, src, &c)))
		return fail(t, rc, e);
	for (rc = mdb_cursor_get(c, &k, &d, MDB_FIRST); rc == 0;
	     rc = mdb_cursor_get(c, &k, &d, MDB_NEXT)) {
		if (check_record(name, &d, e)) {
			char why[sizeof e->msg];
			mdb_cursor_close(c);
			if (e->code == ERR_NOMEM) /* the backup may be sound: say only that */
				return -1;
			snprintf(why, sizeof why, "%s", e->msg);
			return err_set(e, ERR_SCHEMA, _("The backup is damaged (%s). Nothing was "
							"changed."), why);
		}
		if ((rc = mdb_put(t->txn, live, &k, &d, MDB_APPEND)))
			break;
	}
	mdb_cursor_close(c);
	return rc && rc != MDB_NOTFOUND ? fail(t, rc, e) : 0;
}

static int restore_txn(struct store_txn *t, void *p, struct err *e)
{
	struct restore *b = p;
	struct store *s = t->s;
	MDB_txn *rt;
	mode_t old;
	char path[4096];
	struct stat sb;
	int rc;

	/* A run again after the map grew: the copy is taken afresh. */
	if (b->copied)
		remove_copy(b->safety);
	b->copied = false;
	snprintf(path, sizeof path, "%s/data.mdb", b->safety);
	if (stat(path, &sb) == 0)
		return err_set(e, ERR_IO, _("%s already holds a database; nothing was changed."),
			       b->safety);
	/* Group-writable like the database, so that a colleague's next restore
	 * can add its own copy beside this one. */
	old = umask(007);
	rc = mkdir_p(b->safety);
	if (rc) {
		umask(old);
		return err_set(e, ERR_IO, _("Cannot create the directory %s: %s."), b->safety,
			       i18n_strerror(errno));
	}
	rc = mdb_env_copy2(s->env, b->safety, MDB_CP_COMPACT);
	umask(old);
	if (rc) {
		remove_copy(b->safety); /* ours: it held no database a moment ago */
		return err_set(e, ERR_IO, _("Cannot write the safety copy in %s (%s). Nothing was "
					    "changed."), b->safety, db_strerror(rc));
	}
	b->copied = true;
	if ((rc = mdb_txn_begin(b->env, NULL, MDB_RDONLY, &rt)))
		return fail(t, rc, e);
	for (size_t i = 0; i < N_TABLES && !rc; i++)
		rc = copy_table(t, rt, tables[i].name, *handle(s, i), e);
	mdb_txn_abort(rt);
	if (rc)
		return -1;
	if (b->schema < STORE_SCHEMA && (rc = migrate(s, t->txn, b->schema)))
		return fail(t, rc, e);
	return b->a ? store_append_audit(t, b->a, e) : 0;
}

/*
 * Make the map large enough for the backup's records beside the old pages
 * still in use, so that the transaction (and its safety copy) is not run
 * again and again while the map grows step by step.
 */
static void room_for(struct store *s, const char *dir)
{
	char path[4096];
	struct stat sb;
	MDB_envinfo info;

	snprintf(path, sizeof path, "%s/data.mdb", dir);
	if (stat(path, &sb) || mdb_env_info(s->env, &info))
		return;
	if (info.me_mapsize < 2 * (size_t)sb.st_size + info.me_mapsize / 2)
		mdb_env_set_mapsize(s->env, info.me_mapsize + 2 * (size_t)sb.st_size);
}

int store_restore(struct store *s, const char *dir, const char *safety_dir,
		  struct audit_entry *a, struct err *e)
{
	struct restore b = { NULL, dir, safety_dir, a, 0, false };
	char *here = realpath(s->dir, NULL), *there = here ? realpath(dir, NULL) : NULL;
	int why = errno, rc;

	/* A backup that is not there is open_backup's to refuse, with its own words. */
	if ((!here || !there) && why == ENOMEM) {
		free(here);
		return err_nomem(e);
	}
	rc = here && there && strcmp(here, there) == 0;
	free(here);
	free(there);
	if (rc)
		return err_set(e, ERR_INVALID, _("%s is the database itself, not a backup."), dir);
	rc = open_backup(&b, e);
	if (!rc) {
		room_for(s, dir);
		rc = store_write(s, restore_txn, &b, e);
		if (rc && b.copied)
			remove_copy(safety_dir);
	}
	if (b.env)
		mdb_env_close(b.env);
	return rc;
}
