/*
 * fixture.h - what the unit tests set up and clear away the same way: a
 * temporary directory of their own, a config written from a test's text,
 * and a register opened on it for a user on a given day.
 *
 * Header-only: every test is built from its one .c file linked with all of
 * src/, so a fixture.c would need a rule of its own in every link.  Every
 * function is `static inline`, which keeps a test that uses only part of
 * this file free of unused-function warnings.
 *
 * The town most register tests work in is here too (FIXTURE_TOWN); a test
 * puts its own [dienhinh] settings before it, and keeps anything its
 * fixture does differently.
 */
#ifndef DIENHINH_TESTS_FIXTURE_H
#define DIENHINH_TESTS_FIXTURE_H

#include <ftw.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "config.h"
#include "date.h"
#include "err.h"
#include "register.h"

/*
 * The town of the register tests: its roles and units, without a
 * [dienhinh] section, so that a test puts "[dienhinh]" and the settings it
 * needs before it (count_returned, late_days, language = en...), or uses
 * it alone for the defaults (plan 2021-2025, quarters closing 10 days
 * after they end).  A string literal, for that joining at compile time.
 *
 * Each account and unit is there for a rule the tests need:
 *   chief  the office, who may do everything;
 *   an     staff of p1 alone; binh staff of two units, p1 and p2;
 *   xem    a viewer, who reads and changes nothing;
 *   p1     a ward, quota 2, closing on 2025-06-30 and handing over to p3:
 *          the town's 2025 merger in miniature;
 *   p2     a ward, quota 2, active throughout: the unit nothing happens to;
 *   p3     a ward, quota 2, opening on 2025-07-01, p1's successor: a unit
 *          that opened during the plan;
 *   tp     a department with no quota;
 *   ca     the armed forces, another kind of unit, whose quota of 1 one
 *          exemplar meets.
 * The units are listed in this order.  The report and exchange tests work
 * in tests/data/report/town.ini instead, a town with the blocks, report
 * heading and score points a report needs.
 */
#define FIXTURE_TOWN \
	"[roles]\n" \
	"chief = office\n" \
	"an = p1\n" \
	"binh = p1, p2\n" \
	"xem = viewer\n" \
	"[unit.p1]\n" \
	"name = \"Phường Một\"\n" \
	"kind = ward\n" \
	"quota = 2\n" \
	"active_to = 2025-06-30\n" \
	"successor = p3\n" \
	"[unit.p2]\n" \
	"name = \"Phường Hai\"\n" \
	"kind = ward\n" \
	"quota = 2\n" \
	"[unit.p3]\n" \
	"name = \"Phường Ba\"\n" \
	"kind = ward\n" \
	"quota = 2\n" \
	"active_from = 2025-07-01\n" \
	"[unit.tp]\n" \
	"name = \"Phòng Tư pháp\"\n" \
	"kind = department\n" \
	"quota = 0\n" \
	"[unit.ca]\n" \
	"name = \"Công an\"\n" \
	"kind = armed\n" \
	"quota = 1\n"

/* tmpdir_remove's nftw callback: every entry goes, the directories last (FTW_DEPTH). */
static inline int tmpdir_rm_entry(const char *path, const struct stat *sb, int flag,
				  struct FTW *ftw)
{
	(void)sb, (void)flag, (void)ftw;
	return remove(path);
}

/*
 * Make a new, empty directory /tmp/dienhinh-<tag>.XXXXXX and put its name
 * in dir (size bytes).  0, or -1 if the name does not fit or mkdtemp fails.
 */
static inline int tmpdir_make(char *dir, size_t size, const char *tag)
{
	int n = snprintf(dir, size, "/tmp/dienhinh-%s.XXXXXX", tag);

	if (n < 0 || (size_t)n >= size)
		return -1;
	return mkdtemp(dir) ? 0 : -1;
}

/*
 * Remove dir and everything under it; 0 or -1.  nftw rather than
 * system("rm -rf"): no shell, and symbolic links are removed, never followed.
 */
static inline int tmpdir_remove(const char *dir)
{
	return nftw(dir, tmpdir_rm_entry, 8, FTW_DEPTH | FTW_PHYS);
}

/* A date as the tests write it: ymd(2025, 1, 10). */
static inline date_t ymd(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

/*
 * Write `text` to dir/file and load it.  The new config (config_free), or
 * NULL with the reason on stderr.
 */
static inline struct config *config_from_text(const char *dir, const char *file,
					      const char *text)
{
	char path[128];
	struct config *cfg = NULL;
	struct err e = { 0 };
	FILE *fp;

	snprintf(path, sizeof path, "%s/%s", dir, file);
	if (!(fp = fopen(path, "w"))) {
		perror(path);
		return NULL;
	}
	fputs(text, fp);
	fclose(fp);
	if (config_load(path, &cfg, &e)) {
		fprintf(stderr, "%s\n", e.msg);
		return NULL;
	}
	return cfg;
}

/*
 * A register on a database of its own: the directory holds the config
 * (dienhinh.ini) and the database (db = dir/db).  cfg and r are owned here;
 * r may be NULL between act_as's close and open.
 */
struct fx {
	char dir[64];
	char db[96];
	struct config *cfg;
	struct reg *r;
};

/* A new fixture with a fresh directory, no config and no register yet; NULL on failure. */
static inline struct fx *fx_new(const char *tag)
{
	struct fx *f = calloc(1, sizeof *f);

	if (!f)
		return NULL;
	if (tmpdir_make(f->dir, sizeof f->dir, tag)) {
		free(f);
		return NULL;
	}
	snprintf(f->db, sizeof f->db, "%s/db", f->dir);
	return f;
}

/* Close and free what f holds, remove its directory, and free f. */
static inline void fx_free(struct fx *f)
{
	register_close(f->r);
	config_free(f->cfg);
	tmpdir_remove(f->dir);
	free(f);
}

/* Write `text` as the config and load it in place of the current one; the test fails if not. */
static inline void fx_config(struct fx *f, const char *text)
{
	config_free(f->cfg);
	f->cfg = config_from_text(f->dir, "dienhinh.ini", text);
	if (!f->cfg)
		fail_msg("the test's config does not load");
}

/* Close the current register and open one for `user` on `today`. */
static inline void act_as(struct fx *f, const char *user, date_t today)
{
	struct err e = { 0 };

	register_close(f->r);
	f->r = NULL;
	if (register_open(f->cfg, f->db, user, today, REG_CREATE, &f->r, &e))
		fail_msg("register_open(%s): %s", user, e.msg);
}

/*
 * The whole setup of a cmocka test: a fixture in /tmp/dienhinh-<tag>.*,
 * config `text`, the register opened for `user` on `today`; *state is the
 * fixture.
 */
static inline int fx_setup(void **state, const char *tag, const char *text, const char *user,
			   date_t today)
{
	struct fx *f = fx_new(tag);

	if (!f)
		return -1;
	if (!(f->cfg = config_from_text(f->dir, "dienhinh.ini", text))) {
		fx_free(f);
		return -1;
	}
	act_as(f, user, today);
	*state = f;
	return 0;
}

/* The cmocka teardown of a fixture made by fx_setup or fx_new. */
static inline int fx_teardown(void **state)
{
	fx_free(*state);
	return 0;
}

#endif
