/*
 * store.c - see store.h: the environment, transactions, the schema and its
 * migration, and the meta values.  The other files of the store share
 * store_priv.h: store_records.c (records, indexes, counters, scans, audit,
 * the integrity check's reads), store_admin.c (backup, restore).
 */
#include <errno.h>
#include <limits.h>
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

#include "i18n.h"
#include "keys.h"
#include "store_priv.h"

#define MAX_GROWTHS 40

/* ---- errors ------------------------------------------------------------- */

/* LMDB's words for rc; for a system error they are the C library's, which
 * are translated once the locale is set up (i18n.h). */
const char *store_strerror(int rc)
{
	i18n_ready();
	return mdb_strerror(rc);
}

int store_fail(struct store_txn *t, int rc, struct err *e)
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
					       "database (%s)."), store_strerror(rc));
	case ENOMEM:
		return err_nomem(e);
	default:
		return err_set(e, ERR_STORE, _("Database error: %s."), store_strerror(rc));
	}
}

/* ---- opening --------------------------------------------------------------- */

int store_mkdir(const char *dir)
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

MDB_dbi *store_table(struct store *s, size_t i, const char **name)
{
	if (i >= N_TABLES)
		return NULL;
	*name = tables[i].name;
	return (MDB_dbi *)((char *)s + tables[i].at);
}

static int open_dbis(struct store *s, MDB_txn *txn, unsigned flags)
{
	const char *name;
	MDB_dbi *dbi;

	for (size_t i = 0; (dbi = store_table(s, i, &name)); i++) {
		int rc = mdb_dbi_open(txn, name, flags, dbi);
		if (rc)
			return rc;
	}
	return 0;
}

int store_get_u64(MDB_txn *txn, MDB_dbi dbi, const char *name, uint64_t *v)
{
	MDB_val k = store_val(name, strlen(name)), d;
	int rc = mdb_get(txn, dbi, &k, &d);

	if (rc == 0) {
		if (d.mv_size != 8)
			return MDB_CORRUPTED;
		*v = keys_rd64(d.mv_data);
	}
	return rc;
}

int store_put_u64(MDB_txn *txn, MDB_dbi dbi, const char *name, uint64_t v)
{
	uint8_t b[8];
	MDB_val k = store_val(name, strlen(name)), d = store_u64_val(b, v);

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
 *
 * 2 -> 3: counters move from a fixed array of counts to a tagged form
 * (store_counts.c), whose size does not change when a status is added.
 * A session of the old program still open finds the new values of the
 * wrong size and refuses, as damaged, whatever would read or change them,
 * so it cannot write the old form back.
 *
 * 3 -> 4: nothing is rewritten.  Records may now be withdrawn (a status
 * the older program refuses to read) or entered late (fields it would
 * drop), and counters count them apart (tags it refuses): the number keeps
 * an older program from opening a file it would misread.
 *
 * 4 -> 5: the list index is written again (store_list_migrate): its keys
 * hold the collation key of the name, which now places a word's tone on
 * one canonical vowel ("Hòa" and "Hoà" one name), so an older key may sit
 * out of order.  Nothing else holds a collation key.
 */
int store_migrate(struct store *s, MDB_txn *txn, uint64_t from)
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
	if (from < 3 && (rc = store_counts_migrate(s, txn)))
		return rc;
	if (from < 5 && (rc = store_list_migrate(s, txn)))
		return rc;
	return store_put_u64(txn, s->meta, "schema", STORE_SCHEMA);
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
		return store_fail(NULL, rc, e);
	rc = open_dbis(s, txn, create ? MDB_CREATE : 0);
	if (rc == MDB_NOTFOUND) {
		mdb_txn_abort(txn);
		return err_set(e, ERR_SCHEMA, _("%s does not hold a dienhinh database."), s->dir);
	}
	if (!rc)
		rc = store_get_u64(txn, s->meta, "schema", &schema);
	if (rc == MDB_NOTFOUND && create) {
		schema = STORE_SCHEMA;
		rc = store_put_u64(txn, s->meta, "schema", schema);
	}
	if (rc) {
		mdb_txn_abort(txn);
		return rc == MDB_NOTFOUND
			? err_set(e, ERR_SCHEMA, _("%s does not hold a dienhinh database."), s->dir)
			: store_fail(NULL, rc, e);
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
		return store_fail(NULL, rc, e);
	if (schema < STORE_SCHEMA && s->read_only) {
		s->outdated = true; /* migrated by the next open for writing */
		return 0;
	}
	if (schema < STORE_SCHEMA) {
		if ((rc = begin(s, 0, &txn)))
			return store_fail(NULL, rc, e);
		if ((rc = store_migrate(s, txn, schema))) {
			mdb_txn_abort(txn);
			return store_fail(NULL, rc, e);
		}
		/* A commit frees the transaction even when it fails: no abort after it. */
		if ((rc = mdb_txn_commit(txn)))
			return store_fail(NULL, rc, e);
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
		return store_fail(NULL, rc, e);
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
		store_fail(NULL, rc, e);
		goto out;
	}
	/* Group-writable files, so that every member of the staff group can
	 * open the lock file; restored at once, exports keep the person's umask. */
	mode_t old = umask(007);
	if ((flags & STORE_CREATE) && store_mkdir(dir)) {
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
		store_fail(NULL, rc, e);
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

const char *store_dir(const struct store *s)
{
	return s->dir;
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
		return store_fail(NULL, rc, e);
	size += size < ((size_t)1 << 30) ? size : ((size_t)1 << 30);
	return (rc = set_map(s, size)) ? store_fail(NULL, rc, e) : 0;
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
		return store_fail(NULL, rc, e);
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
			return store_fail(NULL, rc, e);
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
			return store_fail(NULL, rc, e);
		if (grow(s, e))
			return -1;
	}
	return err_set(e, ERR_FULL, _("The database cannot grow any more: the disk may be full."));
}

uint32_t store_schema(struct store_txn *t)
{
	uint64_t v = 0;

	store_get_u64(t->txn, t->s->meta, "schema", &v);
	return (uint32_t)v;
}

int store_get_meta_u64(struct store_txn *t, const char *name, uint64_t *v, struct err *e)
{
	int rc = store_get_u64(t->txn, t->s->meta, name, v);

	if (rc == MDB_NOTFOUND) {
		*v = 0;
		return 0;
	}
	return rc ? store_fail(t, rc, e) : 0;
}

int store_put_meta_u64(struct store_txn *t, const char *name, uint64_t v, struct err *e)
{
	int rc = store_put_u64(t->txn, t->s->meta, name, v);

	return rc ? store_fail(t, rc, e) : 0;
}
