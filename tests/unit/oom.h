/*
 * oom.h - run a piece of the program out of memory, one allocation at a
 * time (tests only; include it in one test file of a binary, after cmocka.h).
 *
 * glibc lets a program replace malloc, and then calls the replacement from
 * its own functions too (strdup, vasprintf, getline): the functions below
 * hand every request to glibc's allocator, but while `oom.armed` they count
 * the blocks taken and given back, and while `oom.refusing` they refuse
 * requests `oom.fail` to `oom.until`.  oom_sweep() refuses the first request of a run, then the
 * second, and so on until a run makes no more requests than that: each run
 * must either fail, giving back every block it took, or get round the
 * refusal (libcsv tries smaller blocks) and give the same result as a run
 * with memory to spare.  Each request is refused alone, then with the 15
 * after it (a shortage that passes), then with every later one.
 *
 * Not in the AddressSanitizer build, whose allocator these would go round:
 * there OOM_SWEEPS is 0 and nothing here is defined.
 */
#ifndef DIENHINH_TEST_OOM_H
#define DIENHINH_TEST_OOM_H

#if defined(__SANITIZE_ADDRESS__)
#define OOM_SWEEPS 0
#else
#define OOM_SWEEPS 1

#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "fixture.h"

extern void *__libc_malloc(size_t n);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t n);
extern void __libc_free(void *p);

static struct {
	bool armed;
	bool refusing;    /* during the run itself: fail to until are refused */
	bool spare;       /* the test's own set-up: its requests are neither counted nor refused */
	const char *exempt; /* nor those of a library whose file name holds this */
	long from;        /* the first request a sweep refuses: the ones before are
			   * the C library's own start-up (setlocale), as in every run */
	long calls;       /* requests so far */
	long fail, until; /* the first and last refused in the run, for messages after it */
	long live;        /* blocks taken and not yet given back: above 0 is a leak; below
			   * 0, blocks taken before the run went in it (LMDB keeps its
			   * page lists from one transaction to the next) */
} oom;

static bool oom_refused(void *caller)
{
	Dl_info in;

	if (!oom.armed || oom.spare)
		return false;
	if (oom.exempt && dladdr(caller, &in) && in.dli_fname && strstr(in.dli_fname, oom.exempt))
		return false;
	oom.calls++;
	if (!oom.refusing || oom.calls < oom.fail || oom.calls > oom.until)
		return false;
	errno = ENOMEM; /* as glibc's malloc says it */
	return true;
}

void *malloc(size_t n)
{
	void *p = oom_refused(__builtin_return_address(0)) ? NULL : __libc_malloc(n);

	oom.live += oom.armed && p;
	return p;
}

void *calloc(size_t n, size_t size)
{
	void *p = oom_refused(__builtin_return_address(0)) ? NULL : __libc_calloc(n, size);

	oom.live += oom.armed && p;
	return p;
}

void *realloc(void *p, size_t n)
{
	void *q;

	if (oom_refused(__builtin_return_address(0)))
		return NULL;
	q = __libc_realloc(p, n);
	if (oom.armed)
		oom.live += (!p && q) - (p && !n);
	return q;
}

void free(void *p)
{
	oom.live -= oom.armed && p;
	__libc_free(p);
}

/*
 * A new directory for one run's database, made outside the count: in
 * /dev/shm when there is one (a commit's fdatasync costs nothing there, and
 * a sweep makes hundreds), else in /tmp.  Its name goes to dir (64 bytes).
 */
static inline void oom_run_dir(char dir[64])
{
	bool was = oom.spare;

	oom.spare = true;
	snprintf(dir, 64, "/dev/shm/dienhinh-oom.XXXXXX");
	if (!mkdtemp(dir)) {
		snprintf(dir, 64, "/tmp/dienhinh-oom.XXXXXX");
		if (!mkdtemp(dir))
			fail_msg("mkdtemp %s: %s", dir, strerror(errno));
	}
	oom.spare = was;
}

/* Remove a run's directory, or a copy it left, outside the count. */
static inline void oom_remove_dir(const char *dir)
{
	bool was = oom.spare;

	oom.spare = true;
	if (tmpdir_remove(dir))
		fail_msg("cannot remove %s", dir);
	oom.spare = was;
}

/* Does e say that memory ran out: ERR_NOMEM, or a system call's own words
 * ("Cannot open ...: Cannot allocate memory")? */
static inline bool oom_said(const struct err *e)
{
	return e->code == ERR_NOMEM || strstr(e->msg, strerror(ENOMEM));
}

/* A failed run must have said so: else the test fails, naming the requests refused. */
static inline void oom_expect_said(const struct err *e)
{
	if (!oom_said(e))
		fail_msg("requests %ld-%ld refused: %s", oom.fail, oom.until, e->msg);
}

/*
 * One run with requests n to until refused: 1 when it made fewer than n,
 * 0 when not, -1 when it kept blocks (the caller runs it again).
 */
static int oom_run_once(int (*run)(void *ctx), void (*check)(void *ctx),
			void (*done)(void *ctx), void *ctx, long n, long until)
{
	int rc;
	bool last;

	oom = (__typeof__(oom)){ .armed = true, .refusing = true, .exempt = oom.exempt,
				 .from = oom.from, .fail = n, .until = until };
	rc = run(ctx);
	last = rc == 0 && oom.calls < n;
	oom.refusing = false; /* still counted: check() and done() may free */
	if (rc == 0)
		done(ctx);
	else if (check)
		check(ctx);
	oom.armed = false;
	return oom.live > 0 ? -1 : last;
}

/*
 * The same, failing the test on blocks kept.  A block kept the first time
 * and not the second is the C library's, set up once: gettext loads the
 * catalogue at the first message it translates (test_cli, when the config
 * cannot be read).  One kept every time is a leak.
 */
static bool oom_run(int (*run)(void *ctx), void (*check)(void *ctx), void (*done)(void *ctx),
		    void *ctx, long n, long until)
{
	int rc = oom_run_once(run, check, done, ctx, n, until);

	if (rc < 0 && (rc = oom_run_once(run, check, done, ctx, n, until)) < 0)
		fail_msg("requests %ld-%ld refused: %ld blocks not given back", n, until, oom.live);
	return rc > 0;
}

/*
 * Run `run(ctx)` with request 1, 2, ... refused, until a run makes fewer
 * requests than the one refused; then each of those refused with the 15
 * after it, and with every later one.  A run that fails (non-zero) must
 * pass `check(ctx)` when given (its own assertions on what a failure
 * leaves) and give back every block.  A run that goes through is handed to
 * `done(ctx)`, which compares and frees its result; nothing may be left
 * then either.  Returns the number of requests of a whole run.  Run the
 * code once beforehand, so that what the C library sets up once (a library
 * opened, stdio buffers) is not counted.
 */
static long oom_sweep(int (*run)(void *ctx), void (*check)(void *ctx),
		      void (*done)(void *ctx), void *ctx)
{
	long first = oom.from > 1 ? oom.from : 1, n = first;

	while (!oom_run(run, check, done, ctx, n, n))
		n++;
	for (long m = first; m < n; m++) {
		oom_run(run, check, done, ctx, m, m + 15);
		oom_run(run, check, done, ctx, m, LONG_MAX);
	}
	return n - first;
}
#endif
#endif
