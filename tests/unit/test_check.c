/* test_check.c - the integrity check: a sound database, and damage it must find. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <lmdb.h> /* to damage a stored counter below the store */

#include "check.h"
#include "fixture.h"
#include "keys.h"
#include "register.h"

/* What the check reported. */
struct report {
	int n;
	char msg[8][512];
};

/* The town of fixture.h with the default settings. */
static int setup(void **state)
{
	return fx_setup(state, "check", FIXTURE_TOWN, "chief", ymd(2025, 1, 10));
}

static uint64_t add(struct fx *f, const char *unit, const char *name, int y, int m, int d)
{
	struct exemplar x;
	struct err e = { 0 };
	uint64_t id;

	model_exemplar_init(&x);
	x.type = TYPE_INDIVIDUAL;
	x.category = CAT_OFFICIAL;
	x.date = date_from_ymd(y, m, d);
	snprintf(x.unit, sizeof x.unit, "%s", unit);
	x.name = strdup(name);
	x.achievements = strdup("Hoàn thành xuất sắc nhiệm vụ.");
	if (register_add(f->r, &x, NULL, &e))
		fail_msg("add %s: %s", name, e.msg);
	id = x.id;
	model_exemplar_free(&x);
	return id;
}

static void note(const char *problem, void *p)
{
	struct report *r = p;

	if (r->n < 8)
		snprintf(r->msg[r->n], sizeof r->msg[0], "%s", problem);
	r->n++;
}

static struct report run(struct fx *f, int *problems)
{
	struct report r = { 0 };
	struct err e = { 0 };
	int cleared = -1;

	*problems = check_run(register_store(f->r), note, &r, &cleared, NULL, &e);
	if (*problems < 0)
		fail_msg("%s", e.msg);
	assert_int_equal(cleared, 0);
	assert_int_equal(r.n, *problems);
	return r;
}

/* ---- damage done through the store's own door ---------------------------------------- */

struct put_counts {
	int year, quarter;
	const char *unit;
	struct store_counts c;
};

static int put_counts_txn(struct store_txn *t, void *p, struct err *e)
{
	struct put_counts *a = p;

	return store_debug_put_counts(t, a->year, a->quarter, a->unit, &a->c, e);
}

static void put_counts(struct fx *f, int year, int quarter, const char *unit,
		       const struct store_counts *c)
{
	struct put_counts a = { year, quarter, unit, *c };
	struct err e = { 0 };

	if (store_write(register_store(f->r), put_counts_txn, &a, &e))
		fail_msg("%s", e.msg);
}

struct put_meta {
	const char *name;
	uint64_t v;
};

static int put_meta_txn(struct store_txn *t, void *p, struct err *e)
{
	struct put_meta *a = p;

	return store_put_meta_u64(t, a->name, a->v, e);
}

static void put_meta(struct fx *f, const char *name, uint64_t v)
{
	struct put_meta a = { name, v };
	struct err e = { 0 };

	if (store_write(register_store(f->r), put_meta_txn, &a, &e))
		fail_msg("%s", e.msg);
}

/* ---- tests ----------------------------------------------------------------------- */

static void test_empty_database_is_sound(void **state)
{
	struct fx *f = *state;
	int n;

	run(f, &n);
	assert_int_equal(n, 0);
}

static void test_sound_after_every_kind_of_write(void **state)
{
	struct fx *f = *state;
	struct exemplar x;
	struct err e = { 0 };
	int n;

	add(f, "p1", "Nguyễn Văn An", 2024, 8, 1);
	add(f, "p1", "Trần Thị Ánh", 2024, 9, 30);
	add(f, "p2", "Lê Văn Bình", 2024, 10, 1);
	assert_int_equal(register_return(f->r, 1, "Thiếu ảnh", &e), 0);
	assert_int_equal(register_accept(f->r, 2, &e), 0);
	/* an edit that moves a record to another unit, quarter and name */
	model_exemplar_init(&x);
	assert_int_equal(register_get(f->r, 3, &x, &e), 0);
	snprintf(x.unit, sizeof x.unit, "tp");
	x.date = date_from_ymd(2023, 2, 1);
	free(x.name);
	x.name = strdup("Lê Văn Bính");
	assert_int_equal(register_edit(f->r, &x, NULL, &e), 0);
	model_exemplar_free(&x);
	run(f, &n);
	assert_int_equal(n, 0);
}

static void test_wrong_counter_named_by_unit_and_quarter(void **state)
{
	struct fx *f = *state;
	struct store_counts c = { 0 };
	struct report r;
	int n;

	add(f, "p1", "A", 2024, 8, 1);
	add(f, "p1", "B", 2024, 8, 2);
	add(f, "p2", "C", 2024, 8, 3);
	c.total = 5;
	c.by_type[TYPE_INDIVIDUAL] = 5;
	c.by_status[STATUS_INTRODUCED] = 5;
	put_counts(f, 2024, 3, "p1", &c);
	r = run(f, &n);
	assert_int_equal(n, 1);
	assert_non_null(strstr(r.msg[0], "unit p1 for 2024 Q3"));
	assert_non_null(strstr(r.msg[0], "it says 5 exemplars (0 returned)"));
	assert_non_null(strstr(r.msg[0], "the records give 2 (0 returned)"));
}

static void test_counter_without_records(void **state)
{
	struct fx *f = *state;
	struct store_counts c = { 0 };
	struct report r;
	int n;

	add(f, "p1", "A", 2024, 8, 1);
	c.total = 1;
	c.by_type[TYPE_INDIVIDUAL] = 1;
	c.by_status[STATUS_RETURNED] = 1;
	put_counts(f, 2023, 1, "tp", &c);
	r = run(f, &n);
	assert_int_equal(n, 1);
	assert_non_null(strstr(r.msg[0], "unit tp for 2023 Q1"));
	assert_non_null(strstr(r.msg[0], "it says 1 exemplars (1 returned)"));
	assert_non_null(strstr(r.msg[0], "the records give 0 (0 returned)"));
}

static void test_missing_counter_and_wrong_status(void **state)
{
	struct fx *f = *state;
	struct store_counts zero = { 0 }, c = { 0 };
	struct report r;
	struct err e = { 0 };
	int n;

	add(f, "p1", "A", 2024, 8, 1);
	add(f, "p2", "B", 2024, 11, 1);
	assert_int_equal(register_return(f->r, 2, "Thiếu ảnh", &e), 0);
	/* the counter of p1 emptied, and p2's saying "introduced" where the record is returned */
	put_counts(f, 2024, 3, "p1", &zero);
	c.total = 1;
	c.by_type[TYPE_INDIVIDUAL] = 1;
	c.by_status[STATUS_INTRODUCED] = 1;
	put_counts(f, 2024, 4, "p2", &c);
	r = run(f, &n);
	assert_int_equal(n, 2);
	/* counters come in key order: year, quarter, unit */
	assert_non_null(strstr(r.msg[0], "unit p1 for 2024 Q3"));
	assert_non_null(strstr(r.msg[0], "it says 0 exemplars"));
	assert_non_null(strstr(r.msg[0], "the records give 1 (0 returned)"));
	assert_non_null(strstr(r.msg[1], "unit p2 for 2024 Q4"));
	assert_non_null(strstr(r.msg[1], "it says 1 exemplars (0 returned)"));
	assert_non_null(strstr(r.msg[1], "the records give 1 (1 returned)"));
}

/*
 * A counter whose stored value cannot be read (damage, or a form this
 * program does not know) is one problem among others, named with what the
 * records give; the check goes on to the rest.  The register is closed
 * while LMDB itself writes the value, as one process opens a file once.
 */
static void test_damaged_counter(void **state)
{
	static const uint8_t bad[] = { 1, 0x00, 2, 0xBF, 1 };
	struct fx *f = *state;
	struct key k;
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	struct report r;
	int n;

	add(f, "p1", "A", 2024, 8, 1);
	add(f, "p1", "B", 2024, 9, 1);
	add(f, "p2", "C", 2024, 11, 1);
	register_close(f->r);
	f->r = NULL;
	key_counter(&k, 2024, 3, "p1");
	MDB_val kv = { k.n, k.b }, d = { sizeof bad, (void *)bad };
	assert_int_equal(mdb_env_create(&env), 0);
	assert_int_equal(mdb_env_set_maxdbs(env, 16), 0);
	assert_int_equal(mdb_env_open(env, f->db, MDB_NOTLS, 0660), 0);
	assert_int_equal(mdb_txn_begin(env, NULL, 0, &txn), 0);
	assert_int_equal(mdb_dbi_open(txn, "counters", 0, &dbi), 0);
	assert_int_equal(mdb_put(txn, dbi, &kv, &d, 0), 0);
	assert_int_equal(mdb_txn_commit(txn), 0);
	mdb_env_close(env);
	act_as(f, "chief", ymd(2025, 1, 10));
	r = run(f, &n);
	assert_int_equal(n, 1);
	assert_non_null(strstr(r.msg[0], "unit p1 for 2024 Q3 is damaged"));
	assert_non_null(strstr(r.msg[0], "the records give 2 exemplars"));
}

static void test_id_sequence_behind(void **state)
{
	struct fx *f = *state;
	struct report r;
	int n;

	add(f, "p1", "A", 2024, 8, 1);
	add(f, "p1", "B", 2024, 8, 1);
	add(f, "p1", "C", 2024, 8, 1);
	put_meta(f, "next_id", 2);
	r = run(f, &n);
	assert_int_equal(n, 1);
	assert_non_null(strstr(r.msg[0], "(2)"));
	assert_non_null(strstr(r.msg[0], "(3)"));
}

static void test_newer_schema(void **state)
{
	struct fx *f = *state;
	struct report r;
	int n;

	put_meta(f, "schema", STORE_SCHEMA + 1);
	r = run(f, &n);
	assert_int_equal(n, 1);
	char want[64];
	snprintf(want, sizeof want, "schema version is %d", STORE_SCHEMA + 1);
	assert_non_null(strstr(r.msg[0], want));
	put_meta(f, "schema", STORE_SCHEMA);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		T(test_empty_database_is_sound),
		T(test_sound_after_every_kind_of_write),
		T(test_wrong_counter_named_by_unit_and_quarter),
		T(test_counter_without_records),
		T(test_missing_counter_and_wrong_status),
		T(test_damaged_counter),
		T(test_id_sequence_behind),
		T(test_newer_schema),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
