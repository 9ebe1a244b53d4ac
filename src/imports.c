/* imports.c - see imports.h. */
#include "imports.h"

#include <stdbool.h>
#include <threads.h>

#include "i18n.h"
#include "sheet.h"
#include "units.h"

/*
 * The read of one file on the second thread; exchange_read()'s own rules
 * (no store) are what make it safe beside the register's writes.  It
 * first frees the file written before, whose hundred thousand records
 * would otherwise be freed on the register's thread, between two writes.
 */
struct reader {
	struct reg *r;
	const struct unit_list *units;
	enum exchange_what what;
	const char *path;
	unsigned flags;
	struct exchange_file *spent;  /* a file written, to free first */
	struct exchange_file *file;   /* the result: NULL when out of memory */
};

static int read_run(void *p)
{
	struct reader *rd = p;

	exchange_file_free(rd->spent);
	rd->spent = NULL;
	rd->file = exchange_read(rd->r, rd->units, rd->what, rd->path, rd->flags);
	return 0;
}

/* Start reading into rd: on a thread when one is to be had (*started), else here. */
static void read_start(struct reader *rd, thrd_t *th, bool *started)
{
	*started = thrd_create(th, read_run, rd) == thrd_success;
	if (!*started)
		read_run(rd);
}

static void read_wait(thrd_t th, bool started)
{
	if (started)
		thrd_join(th, NULL);
}

/* Write file i (read into `file`) and tell `done`.  0 or -1 with e. */
static int write_one(struct exchange_file *file, size_t i, imports_done_fn *done, void *arg,
		     struct err *e)
{
	struct exchange_result res = { 0 };
	int rc = file ? exchange_write(file, &res, e) : err_nomem(e);

	done(arg, i, rc, &res, e);
	exchange_result_free(&res);
	return rc;
}

int imports_run(struct reg *r, enum exchange_what what, const char *const *paths, size_t n,
		unsigned flags, imports_done_fn *done, void *arg, struct err *e)
{
	struct unit_list units;
	struct reader cur, next;
	struct exchange_file *spent = NULL; /* the last file written, not yet freed */
	thrd_t th;
	bool started = false, dry = flags & EXCHANGE_DRY_RUN;
	int rc = 0;

	if (!n)
		return 0;
	/* Read here, once: the store is the register's thread's alone. */
	if (register_units(r, &units, e))
		return -1;
	/* What the reading thread would otherwise set up on its first file:
	 * the locale, and the names whose gathering switches the language of
	 * every message while this thread prints. */
	i18n_ready();
	sheet_prepare();
	cur = (struct reader){ r, &units, what, paths[0], flags, NULL, NULL };
	read_run(&cur);
	for (size_t i = 0; i < n; i++) {
		struct err why = { 0 };
		bool more = i + 1 < n;

		if (more) {
			next = (struct reader){ r, &units, what, paths[i + 1], flags, spent, NULL };
			spent = NULL;
			read_start(&next, &th, &started);
		}
		if (write_one(cur.file, i, done, arg, &why)) {
			*e = why;
			rc = -1;
		}
		exchange_file_free(spent); /* when no reader was started to take it */
		spent = cur.file;
		if (!more)
			break;
		read_wait(th, started);
		cur = next;
		if (rc && (!dry || why.code == ERR_NOMEM)) {
			exchange_file_free(cur.file); /* read for nothing: the import stops */
			break;
		}
	}
	exchange_file_free(spent);
	units_free(&units);
	return rc;
}
