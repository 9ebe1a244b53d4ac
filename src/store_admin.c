/*
 * store_admin.c - copies of the whole database (store.h): a backup while
 * others work, and a restore in one write transaction.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "codec.h"
#include "i18n.h"
#include "store_priv.h"

/* ---- backup ------------------------------------------------------------------- */

int store_backup(struct store *s, const char *dir, struct err *e)
{
	char path[4096];
	int rc;

	if (store_mkdir(dir))
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
				    : store_fail(NULL, rc, e);
	}
	return 0;
}

/* ---- restore ------------------------------------------------------------------- */

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
								       : store_fail(NULL, rc, e);
	rc = mdb_dbi_open(rt, "meta", 0, &meta);
	if (!rc)
		rc = store_get_u64(rt, meta, "schema", &b->schema);
	mdb_txn_abort(rt);
	if (rc == MDB_NOTFOUND || (!rc && !b->schema))
		return not_a_database(b->dir, e);
	if (rc)
		return store_fail(NULL, rc, e);
	if (b->schema > STORE_SCHEMA)
		return err_set(e, ERR_SCHEMA, _("The backup in %s was written by a newer version of "
					       "dienhinh (schema %llu; this program knows up to %d). "
					       "Nothing was changed; please upgrade the program."),
			       b->dir, (unsigned long long)b->schema, STORE_SCHEMA);
	return 0;
}

void store_remove_copy(const char *dir)
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
					  : store_fail(t, rc, e);
	if ((rc = mdb_drop(t->txn, live, 0)) || (rc = mdb_cursor_open(rt, src, &c)))
		return store_fail(t, rc, e);
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
	return rc && rc != MDB_NOTFOUND ? store_fail(t, rc, e) : 0;
}

static int restore_txn(struct store_txn *t, void *p, struct err *e)
{
	struct restore *b = p;
	struct store *s = t->s;
	const char *name;
	MDB_dbi *dbi;
	MDB_txn *rt;
	mode_t old;
	char path[4096];
	struct stat sb;
	int rc;

	/* A run again after the map grew: the copy is taken afresh. */
	if (b->copied)
		store_remove_copy(b->safety);
	b->copied = false;
	snprintf(path, sizeof path, "%s/data.mdb", b->safety);
	if (stat(path, &sb) == 0)
		return err_set(e, ERR_IO, _("%s already holds a database; nothing was changed."),
			       b->safety);
	/* Group-writable like the database, so that a colleague's next restore
	 * can add its own copy beside this one. */
	old = umask(007);
	rc = store_mkdir(b->safety);
	if (rc) {
		umask(old);
		return err_set(e, ERR_IO, _("Cannot create the directory %s: %s."), b->safety,
			       i18n_strerror(errno));
	}
	rc = mdb_env_copy2(s->env, b->safety, MDB_CP_COMPACT);
	umask(old);
	if (rc) {
		store_remove_copy(b->safety); /* ours: it held no database a moment ago */
		return err_set(e, ERR_IO, _("Cannot write the safety copy in %s (%s). Nothing was "
					    "changed."), b->safety, store_strerror(rc));
	}
	b->copied = true;
	if ((rc = mdb_txn_begin(b->env, NULL, MDB_RDONLY, &rt)))
		return store_fail(t, rc, e);
	for (size_t i = 0; !rc && (dbi = store_table(s, i, &name)); i++)
		rc = copy_table(t, rt, name, *dbi, e);
	mdb_txn_abort(rt);
	if (rc)
		return -1;
	if (b->schema < STORE_SCHEMA && (rc = store_migrate(s, t->txn, b->schema)))
		return store_fail(t, rc, e);
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
			store_remove_copy(safety_dir);
	}
	if (b.env)
		mdb_env_close(b.env);
	return rc;
}
