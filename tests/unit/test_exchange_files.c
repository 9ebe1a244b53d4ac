/* test_exchange_files.c - several files imported in one go (exchange_import_files). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fixture.h"
#include "exchange.h"
#include "oom.h"
#include "query.h"

/* An empty register of the small town (tests/data/report/town.ini) on
 * 2024-11-20, opened by the office (fixture.h); files go to its directory. */
static int setup(void **state)
{
	struct fx *f = fx_new("imports");
	const char *root = getenv("DIENHINH_ROOT");
	char path[512];
	struct err e = { 0 };

	if (!f)
		return -1;
	snprintf(path, sizeof path, "%s/tests/data/report/town.ini", root ? root : ".");
	if (config_load(path, &f->cfg, &e)) {
		fx_free(f);
		return -1;
	}
	act_as(f, "chief", date_from_ymd(2024, 11, 20));
	*state = f;
	return 0;
}

/* A file `name` under the fixture's directory holding `text`; the path is the caller's. */
static char *file(struct fx *f, const char *name, const char *text)
{
	char *path;
	FILE *out;

	assert_true(asprintf(&path, "%s/%s", f->dir, name) > 0);
	assert_non_null(out = fopen(path, "w"));
	fputs(text, out);
	fclose(out);
	return path;
}

/* A file of n exemplars of unit a named "<tag> <k>", one a day from 2024-01-01. */
static char *many(struct fx *f, const char *name, const char *tag, size_t n)
{
	char *path;
	FILE *out;

	assert_true(asprintf(&path, "%s/%s", f->dir, name) > 0);
	assert_non_null(out = fopen(path, "w"));
	fputs("name;category;unit;date\n", out);
	for (size_t k = 0; k < n; k++) {
		char day[DATE_TEXT_SIZE];
		date_format(date_from_ymd(2024, 1, 1) + (date_t)(k % 300), day);
		fprintf(out, "%s %zu;good_deeds;a;%s\n", tag, k, day);
	}
	fclose(out);
	return path;
}

/* What `done` was told, file by file. */
struct told {
	size_t n;
	size_t index[8];
	int rc[8];
	size_t written[8], problems[8];
	enum err_code code[8];
};

static void on_done(void *arg, size_t i, int rc, const struct exchange_result *res,
		    const struct err *e)
{
	struct told *t = arg;

	assert_true(t->n < 8);
	t->index[t->n] = i;
	t->rc[t->n] = rc;
	t->written[t->n] = res->written;
	t->problems[t->n] = res->n_problems;
	t->code[t->n++] = rc ? e->code : ERR_OK;
}

static int count_one(const struct exemplar *x, void *p)
{
	(void)x;
	++*(size_t *)p;
	return 0;
}

static size_t count(struct reg *r)
{
	size_t n = 0;
	struct err e;

	assert_int_equal(query_exemplars(r, 0, 0, NULL, count_one, &n, &e), 0);
	return n;
}

/* The name of record `id`, in buf. */
static const char *name_of(struct reg *r, uint64_t id, char *buf, size_t size)
{
	struct exemplar x;
	struct err e;

	model_exemplar_init(&x);
	assert_int_equal(register_get(r, id, &x, &e), 0);
	snprintf(buf, size, "%s", x.name);
	model_exemplar_free(&x);
	return buf;
}

static void free_paths(char **p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(p[i]);
}

static void test_files_in_their_order(void **state)
{
	struct fx *f = *state;
	char *p[3] = {
		file(f, "1.csv", "name;category;unit;date\nAn;good_deeds;a;01/03/2024\n"
				 "Bình;good_deeds;a;02/03/2024\n"),
		file(f, "2.csv", "name;category;unit;date\nChi;good_deeds;c;03/03/2024\n"
				 "Dũng;good_deeds;a;04/03/2024\nEm;good_deeds;c;05/03/2024\n"),
		file(f, "3.csv", "name;category;unit;date\nGiang;good_deeds;a;06/03/2024\n"),
	};
	struct told t = { 0 };
	struct err e = { 0 };
	char buf[64];

	assert_int_equal(exchange_import_files(f->r, EXCHANGE_EXEMPLARS, (const char *const *)p, 3, NULL, 0,
				     on_done, &t, &e), 0);
	assert_int_equal(t.n, 3);
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(t.index[i], i);
		assert_int_equal(t.rc[i], 0);
	}
	assert_int_equal(t.written[0], 2);
	assert_int_equal(t.written[1], 3);
	assert_int_equal(t.written[2], 1);
	assert_int_equal(count(f->r), 6);
	/* Numbered as if the files had been imported one after another. */
	assert_string_equal(name_of(f->r, 1, buf, sizeof buf), "An");
	assert_string_equal(name_of(f->r, 3, buf, sizeof buf), "Chi");
	assert_string_equal(name_of(f->r, 6, buf, sizeof buf), "Giang");
	free_paths(p, 3);
}

/* A file refused stops the import: those before it stay, those after are not read. */
static void test_refused_file_stops(void **state)
{
	struct fx *f = *state;
	char *p[3] = {
		file(f, "1.csv", "name;category;unit;date\nAn;good_deeds;a;01/03/2024\n"),
		file(f, "2.csv", "name;category;unit;date\nBình;good_deeds;a;02/03/2024\n"
				 "Chi;good_deeds;a;31/02/2024\n"),
		file(f, "3.csv", "name;category;unit;date\nDũng;good_deeds;a;04/03/2024\n"),
	};
	struct told t = { 0 };
	struct err e = { 0 };

	assert_int_equal(exchange_import_files(f->r, EXCHANGE_EXEMPLARS, (const char *const *)p, 3, NULL, 0,
				     on_done, &t, &e), -1);
	assert_int_equal(e.code, ERR_INVALID);
	assert_int_equal(t.n, 2);
	assert_int_equal(t.rc[0], 0);
	assert_int_equal(t.rc[1], -1);
	assert_int_equal(t.problems[1], 1);
	assert_int_equal(count(f->r), 1); /* An alone: not Bình, whose file was refused */
	free_paths(p, 3);
}

/* A file that cannot be read stops it too, with the reason. */
static void test_missing_file_stops(void **state)
{
	struct fx *f = *state;
	char *p[3] = {
		file(f, "1.csv", "name;category;unit;date\nAn;good_deeds;a;01/03/2024\n"),
		NULL,
		file(f, "3.csv", "name;category;unit;date\nDũng;good_deeds;a;04/03/2024\n"),
	};
	struct told t = { 0 };
	struct err e = { 0 };

	assert_true(asprintf(&p[1], "%s/khong-co.csv", f->dir) > 0);
	assert_int_equal(exchange_import_files(f->r, EXCHANGE_EXEMPLARS, (const char *const *)p, 3, NULL, 0,
				     on_done, &t, &e), -1);
	assert_int_equal(t.n, 2);
	assert_int_equal(t.rc[1], -1);
	assert_int_not_equal(e.code, ERR_OK);
	assert_non_null(strstr(e.msg, "khong-co.csv"));
	assert_int_equal(count(f->r), 1);
	free_paths(p, 3);
}

/* A file after another is checked against the records the one before added. */
static void test_duplicate_of_a_file_before(void **state)
{
	struct fx *f = *state;
	char *p[2] = {
		file(f, "1.csv", "name;category;unit;date\nAn;good_deeds;a;01/03/2024\n"),
		file(f, "2.csv", "name;category;unit;date\nBình;good_deeds;a;02/03/2024\n"
				 "An;good_deeds;a;01/03/2024\n"),
	};
	struct told t = { 0 };
	struct err e = { 0 };

	assert_int_equal(exchange_import_files(f->r, EXCHANGE_EXEMPLARS, (const char *const *)p, 2, NULL, 0,
				     on_done, &t, &e), -1);
	assert_int_equal(t.n, 2);
	assert_int_equal(t.problems[1], 1);
	assert_int_equal(count(f->r), 1);
	/* Leaving duplicates out, the second file goes in without it. */
	t.n = 0;
	assert_int_equal(exchange_import_files(f->r, EXCHANGE_EXEMPLARS, (const char *const *)p + 1, 1,
				     NULL, EXCHANGE_SKIP_DUPLICATES, on_done, &t, &e), 0);
	assert_int_equal(t.written[0], 1);
	assert_int_equal(count(f->r), 2);
	free_paths(p, 2);
}

/* A dry run checks every file, writes none, and fails if any has problems. */
static void test_dry_run_checks_every_file(void **state)
{
	struct fx *f = *state;
	char *p[3] = {
		file(f, "1.csv", "name;category;unit;date\nAn;good_deeds;a;31/02/2024\n"),
		file(f, "2.csv", "name;category;unit;date\nBình;good_deeds;a;02/03/2024\n"),
		file(f, "3.csv", "name;category;unit;date\nChi;good_deeds;zz;03/03/2024\n"),
	};
	struct told t = { 0 };
	struct err e = { 0 };

	assert_int_equal(exchange_import_files(f->r, EXCHANGE_EXEMPLARS, (const char *const *)p, 3,
				     NULL, EXCHANGE_DRY_RUN, on_done, &t, &e), -1);
	assert_int_equal(t.n, 3);
	assert_int_equal(t.rc[0], -1);
	assert_int_equal(t.rc[1], 0);
	assert_int_equal(t.written[1], 1);
	assert_int_equal(t.rc[2], -1);
	assert_int_equal(t.problems[2], 1);
	assert_int_equal(count(f->r), 0);
	t.n = 0;
	assert_int_equal(exchange_import_files(f->r, EXCHANGE_EXEMPLARS, (const char *const *)p + 1, 1,
				     NULL, EXCHANGE_DRY_RUN, on_done, &t, &e), 0);
	assert_int_equal(t.n, 1);
	assert_int_equal(count(f->r), 0);
	free_paths(p, 3);
}

/* Files of thousands of records keep their order, their numbers and every record. */
static void test_large_files(void **state)
{
	struct fx *f = *state;
	char *p[3] = { many(f, "1.csv", "Một", 3000), many(f, "2.csv", "Hai", 2500),
		       many(f, "3.csv", "Ba", 2600) };
	struct told t = { 0 };
	struct err e = { 0 };
	char buf[64];

	assert_int_equal(exchange_import_files(f->r, EXCHANGE_EXEMPLARS, (const char *const *)p, 3, NULL, 0,
				     on_done, &t, &e), 0);
	assert_int_equal(t.n, 3);
	assert_int_equal(t.written[0] + t.written[1] + t.written[2], 8100);
	assert_int_equal(count(f->r), 8100);
	assert_string_equal(name_of(f->r, 3000, buf, sizeof buf), "Một 2999");
	assert_string_equal(name_of(f->r, 3001, buf, sizeof buf), "Hai 0");
	assert_string_equal(name_of(f->r, 8100, buf, sizeof buf), "Ba 2599");
	free_paths(p, 3);
}

static void test_units_files(void **state)
{
	struct fx *f = *state;
	char *p[2] = {
		file(f, "u1.csv", "code;name;kind;block;quota\nxa;Xã Mới;commune;k1;1\n"),
		file(f, "u2.csv", "code;name;kind;block;quota\nxb;Xã Sau;commune;;2\n"),
	};
	struct unit_list units;
	struct told t = { 0 };
	struct err e = { 0 };

	assert_int_equal(exchange_import_files(f->r, EXCHANGE_UNITS, (const char *const *)p, 2, NULL, 0,
				     on_done, &t, &e), 0);
	assert_int_equal(t.n, 2);
	assert_int_equal(t.written[0], 1);
	assert_int_equal(t.written[1], 1);
	assert_int_equal(register_units(f->r, &units, &e), 0);
	assert_non_null(units_find(&units, "xa"));
	assert_int_equal(units_find(&units, "xb")->quota, 2);
	units_free(&units);
	free_paths(p, 2);
}

/* Only the office imports: the first file says so, and nothing is read after it. */
static void test_not_the_office(void **state)
{
	struct fx *f = *state;
	char *p[2] = {
		file(f, "1.csv", "name;category;unit;date\nAn;good_deeds;a;01/03/2024\n"),
		file(f, "2.csv", "name;category;unit;date\nBình;good_deeds;a;02/03/2024\n"),
	};
	struct told t = { 0 };
	struct err e = { 0 };

	act_as(f, "xem", date_from_ymd(2024, 11, 20));
	assert_int_equal(exchange_import_files(f->r, EXCHANGE_EXEMPLARS, (const char *const *)p, 2, NULL, 0,
				     on_done, &t, &e), -1);
	assert_int_equal(e.code, ERR_DENIED);
	assert_int_equal(t.n, 1);
	assert_int_equal(count(f->r), 0);
	free_paths(p, 2);
}

static void test_no_files(void **state)
{
	struct fx *f = *state;
	struct told t = { 0 };
	struct err e = { 0 };

	assert_int_equal(exchange_import_files(f->r, EXCHANGE_EXEMPLARS, NULL, 0, NULL, 0, on_done, &t, &e), 0);
	assert_int_equal(t.n, 0);
}

/* ---- out of memory (oom.h) --------------------------------------------------------- */

#if OOM_SWEEPS

/*
 * One file through exchange_import_files() while memory runs out: its own
 * steps (the units read, the file read, written and told about) fail whole
 * or go through.  Each run on a database of its own.
 */
struct sweep {
	struct fx *f;
	const char *path;
	char dir[64];
	struct reg *r;
	struct told t;
	struct err e;
};

static int sweep_run(void *p)
{
	struct sweep *w = p;
	char db[96];

	oom_run_dir(w->dir);
	snprintf(db, sizeof db, "%s/db", w->dir);
	w->r = NULL;
	w->t = (struct told){ 0 };
	if (register_open(w->f->cfg, db, "chief", date_from_ymd(2024, 11, 20), REG_CREATE, &w->r,
			  &w->e))
		return -1;
	return exchange_import_files(w->r, EXCHANGE_EXEMPLARS, &w->path, 1, NULL, 0, on_done, &w->t, &w->e);
}

static void sweep_end(struct sweep *w, size_t want)
{
	if (w->r)
		assert_int_equal(count(w->r), want);
	register_close(w->r);
	oom_remove_dir(w->dir);
}

static void sweep_failed(void *p)
{
	struct sweep *w = p;

	oom_expect_said(&w->e);
	/* Told of the file when it got that far, and as a failure. */
	assert_true(w->t.n <= 1);
	if (w->t.n)
		assert_int_equal(w->t.rc[0], -1);
	sweep_end(w, 0); /* all or nothing */
}

static void sweep_done(void *p)
{
	struct sweep *w = p;

	assert_int_equal(w->t.n, 1);
	assert_int_equal(w->t.rc[0], 0);
	assert_int_equal(w->t.written[0], 3);
	sweep_end(w, 3);
}

static void test_out_of_memory(void **state)
{
	struct sweep w = { .f = *state };
	char *path = file(w.f, "1.csv", "name;category;unit;date\nAn;good_deeds;a;01/03/2024\n"
					"Bình;good_deeds;c;02/03/2024\n"
					"Chi;good_deeds;a;03/03/2024\n");

	w.path = path;
	/* Once beforehand, counted by nothing: what is set up once (libcsv opened,
	 * the locale, the sheet's names). */
	assert_int_equal(sweep_run(&w), 0);
	sweep_done(&w);
	assert_true(oom_sweep(sweep_run, sweep_failed, sweep_done, &w) > 200);
	free(path);
}
#endif

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_files_in_their_order, setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_refused_file_stops, setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_missing_file_stops, setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_duplicate_of_a_file_before, setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_dry_run_checks_every_file, setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_large_files, setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_units_files, setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_not_the_office, setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_no_files, setup, fx_teardown),
#if OOM_SWEEPS
		cmocka_unit_test_setup_teardown(test_out_of_memory, setup, fx_teardown),
#endif
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
