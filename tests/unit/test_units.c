/* test_units.c - the database's copy of the units, kept in line with the config. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "date.h"
#include "fixture.h"
#include "i18n.h"
#include "units.h"

/*
 * Two configs of their own rather than fixture.h's town: keeping the
 * stored units in line with the config is what these tests are about, so
 * the configs are their input: a unit in a block, then that unit left out,
 * a quota raised and a new unit put first.
 */
static const char config_one[] =
	"[block.k1]\n"
	"name = \"Khối xã – phường\"\n"
	"[unit.p1]\n"
	"name = \"Phường Một\"\n"
	"kind = ward\n"
	"block = k1\n"
	"quota = 2\n"
	"active_to = 2025-06-30\n"
	"successor = p3\n"
	"[unit.p2]\n"
	"name = \"Phường Hai\"\n"
	"kind = ward\n"
	"quota = 2\n"
	"[unit.p3]\n"
	"name = \"Phường Ba\"\n"
	"kind = ward\n"
	"quota = 2\n"
	"active_from = 2025-07-01\n";

/* p1 left out, p2's quota raised, a new unit a0 first. */
static const char config_two[] =
	"[unit.a0]\n"
	"name = \"Công an\"\n"
	"kind = armed\n"
	"quota = 1\n"
	"[unit.p3]\n"
	"name = \"Phường Ba\"\n"
	"kind = ward\n"
	"quota = 2\n"
	"active_from = 2025-07-01\n"
	"[unit.p2]\n"
	"name = \"Phường Hai\"\n"
	"kind = ward\n"
	"quota = 3\n";

struct units_fx {
	char dir[64];
	struct store *s;
	struct config *one, *two;
};

static int setup(void **state)
{
	struct units_fx *f = calloc(1, sizeof *f);
	char db[96];
	struct err e = { 0 };

	if (tmpdir_make(f->dir, sizeof f->dir, "units"))
		return -1;
	snprintf(db, sizeof db, "%s/db", f->dir);
	f->one = config_from_text(f->dir, "one.ini", config_one);
	f->two = config_from_text(f->dir, "two.ini", config_two);
	if (!f->one || !f->two || store_open(db, 1 << 20, STORE_CREATE, &f->s, &e))
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct units_fx *f = *state;

	store_close(f->s);
	config_free(f->one);
	config_free(f->two);
	tmpdir_remove(f->dir);
	free(f);
	return 0;
}

/* The audit entries, copied out. */
struct entries {
	struct audit_entry v[8];
	size_t n;
};

static int keep_entry(const struct audit_entry *a, void *p)
{
	struct entries *es = p;
	struct audit_entry *c = &es->v[es->n++];

	audit_entry_init(c);
	memcpy(c->user, a->user, sizeof c->user);
	memcpy(c->op, a->op, sizeof c->op);
	c->note = a->note ? strdup(a->note) : NULL;
	for (size_t i = 0; i < a->n_changes; i++)
		audit_add_change(c, a->changes[i].field, a->changes[i].before,
				 a->changes[i].after);
	return es->n == 8;
}

static int audit_txn(struct store_txn *t, void *p, struct err *e)
{
	return store_each_audit(t, 0, keep_entry, p, e);
}

static void load_audit(struct units_fx *f, struct entries *es)
{
	struct err e = { 0 };

	es->n = 0;
	if (store_read(f->s, audit_txn, es, &e))
		fail_msg("%s", e.msg);
}

static void free_audit(struct entries *es)
{
	for (size_t i = 0; i < es->n; i++)
		audit_entry_free(&es->v[i]);
}

static void sync_units(struct units_fx *f, const struct config *cfg, const char *user)
{
	struct err e = { 0 };

	if (units_sync(f->s, cfg, user, &e))
		fail_msg("%s", e.msg);
}

static void test_first_sync_stores_every_unit(void **state)
{
	struct units_fx *f = *state;
	struct unit_list ul;
	struct entries es;
	struct err e = { 0 };
	const struct unit *u;

	sync_units(f, f->one, "chief");
	assert_int_equal(units_load(f->s, f->one, &ul, &e), 0);
	assert_int_equal(ul.n, 3);
	assert_string_equal(ul.v[0].code, "p1");
	assert_string_equal(ul.v[1].code, "p2");
	assert_string_equal(ul.v[2].code, "p3");
	u = units_find(&ul, "p1");
	assert_non_null(u);
	assert_string_equal(u->name, "Phường Một");
	assert_int_equal(u->kind, KIND_WARD);
	assert_string_equal(u->block, "k1");
	assert_int_equal(u->quota, 2);
	assert_int_equal(u->active_from, DATE_NONE);
	assert_int_equal(u->active_to, date_from_ymd(2025, 6, 30));
	assert_string_equal(u->successor, "p3");
	assert_int_equal(units_find(&ul, "p3")->active_from, date_from_ymd(2025, 7, 1));
	assert_null(units_find(&ul, "p4"));
	assert_null(units_find(&ul, "p"));
	units_free(&ul);
	assert_null(ul.v);
	assert_int_equal(ul.n, 0);

	load_audit(f, &es);
	assert_int_equal(es.n, 1);
	assert_string_equal(es.v[0].op, "units");
	assert_string_equal(es.v[0].user, "chief");
	assert_non_null(strstr(es.v[0].note, "one.ini"));
	assert_int_equal(es.v[0].n_changes, 3);
	assert_string_equal(es.v[0].changes[0].field, "unit.p1");
	assert_null(es.v[0].changes[0].before);
	assert_string_equal(es.v[0].changes[0].after,
			    "Phường Một | ward | k1 | 2 |  | 2025-06-30 | p3");
	assert_string_equal(es.v[0].changes[2].after,
			    "Phường Ba | ward |  | 2 | 2025-07-01 |  | ");
	free_audit(&es);
}

static void test_same_config_writes_nothing(void **state)
{
	struct units_fx *f = *state;
	struct entries es;
	uint64_t txn;

	sync_units(f, f->one, "chief");
	txn = store_last_txn(f->s);
	sync_units(f, f->one, "an");
	assert_int_equal(store_last_txn(f->s), txn);
	load_audit(f, &es);
	assert_int_equal(es.n, 1);
	free_audit(&es);
}

static void test_changed_config_updates_and_keeps(void **state)
{
	struct units_fx *f = *state;
	struct unit_list ul;
	struct entries es;
	struct err e = { 0 };

	sync_units(f, f->one, "chief");
	sync_units(f, f->two, "boss");
	load_audit(f, &es);
	assert_int_equal(es.n, 2);
	assert_string_equal(es.v[1].user, "boss");
	/* only what changed: the new unit and p2's quota */
	assert_int_equal(es.v[1].n_changes, 2);
	assert_string_equal(es.v[1].changes[0].field, "unit.a0");
	assert_null(es.v[1].changes[0].before);
	assert_string_equal(es.v[1].changes[0].after, "Công an | armed |  | 1 |  |  | ");
	assert_string_equal(es.v[1].changes[1].field, "unit.p2");
	assert_string_equal(es.v[1].changes[1].before, "Phường Hai | ward |  | 2 |  |  | ");
	assert_string_equal(es.v[1].changes[1].after, "Phường Hai | ward |  | 3 |  |  | ");
	free_audit(&es);

	/* units are never deleted: p1 stays, after the config's units */
	assert_int_equal(units_load(f->s, f->two, &ul, &e), 0);
	assert_int_equal(ul.n, 4);
	assert_string_equal(ul.v[0].code, "a0");
	assert_string_equal(ul.v[1].code, "p3");
	assert_string_equal(ul.v[2].code, "p2");
	assert_string_equal(ul.v[3].code, "p1");
	assert_int_equal(units_find(&ul, "p2")->quota, 3);
	assert_string_equal(units_find(&ul, "p1")->name, "Phường Một");
	units_free(&ul);

	/* going back to the first config changes p2 again, and a0 stays too */
	sync_units(f, f->one, "chief");
	assert_int_equal(units_load(f->s, f->one, &ul, &e), 0);
	assert_int_equal(ul.n, 4);
	assert_string_equal(ul.v[0].code, "p1");
	assert_string_equal(ul.v[3].code, "a0");
	assert_int_equal(units_find(&ul, "p2")->quota, 2);
	units_free(&ul);
	load_audit(f, &es);
	assert_int_equal(es.n, 3);
	assert_int_equal(es.v[2].n_changes, 1);
	assert_string_equal(es.v[2].changes[0].field, "unit.p2");
	free_audit(&es);
}

static void test_load_before_any_sync(void **state)
{
	struct units_fx *f = *state;
	struct unit_list ul = { (struct unit *)1, 9 };
	struct err e = { 0 };

	assert_int_equal(units_load(f->s, f->one, &ul, &e), 0);
	assert_int_equal(ul.n, 0);
	units_free(&ul);
}

/* ---- the names people read ---------------------------------------------------------- */

static date_t day(const char *iso)
{
	date_t d;

	assert_int_equal(date_parse(iso, &d), 0);
	return d;
}

static struct unit make_unit(const char *code, const char *name, const char *from, const char *to)
{
	struct unit u = { .name = (char *)name, .kind = KIND_COMMUNE, .active_from = DATE_NONE,
			  .active_to = DATE_NONE };

	snprintf(u.code, sizeof u.code, "%s", code);
	if (from)
		u.active_from = day(from);
	if (to)
		u.active_to = day(to);
	return u;
}

/* label of l->v[i], with the offset units_label gives checked against the name's length */
static const char *label(const struct unit_list *l, size_t i, char *buf, size_t size)
{
	size_t at = units_label(l, &l->v[i], buf, size);

	assert_true(at <= strlen(buf));
	assert_memory_equal(buf, l->v[i].name, at);
	return buf;
}

/* A merged unit, its successor of the same name, one unit between them, a unit of its own name. */
static void test_label_tells_twins_apart(void **state)
{
	struct unit v[] = {
		make_unit("tanlong", "Xã Tân Long", NULL, "2025-06-30"),
		make_unit("tanlongmoi", "Xã Tân Long", "2025-07-01", NULL),
		make_unit("tanlong2", "Xã Tân Long", "2020-01-01", "2023-12-31"),
		make_unit("phuong1", "Phường 1", NULL, "2025-06-30"),
		make_unit("ttyt", "Trung tâm Y tế thị xã", NULL, NULL),
	};
	struct unit_list l = { v, 5 };
	char b[UNITS_LABEL_SIZE];

	(void)state;
	i18n_set_language("en");
	assert_string_equal(label(&l, 0, b, sizeof b), "Xã Tân Long (until 30/06/2025)");
	assert_int_equal(units_label(&l, &v[0], b, sizeof b), strlen("Xã Tân Long"));
	assert_string_equal(label(&l, 1, b, sizeof b), "Xã Tân Long (from 01/07/2025)");
	assert_string_equal(label(&l, 2, b, sizeof b),
			    "Xã Tân Long (from 01/01/2020 until 31/12/2023)");
	/* a name of its own stays as it is, dates or not */
	assert_string_equal(label(&l, 3, b, sizeof b), "Phường 1");
	assert_int_equal(units_label(&l, &v[3], b, sizeof b), strlen("Phường 1"));
	assert_string_equal(label(&l, 4, b, sizeof b), "Trung tâm Y tế thị xã");
	/* the twin must be in the list: alone, the merged unit is just its name */
	l.n = 1;
	assert_string_equal(label(&l, 0, b, sizeof b), "Xã Tân Long");
}

/* Twins whose dates do not tell them apart are told by their codes. */
static void test_label_falls_back_on_codes(void **state)
{
	struct unit v[] = {
		make_unit("hoi_a", "Hội Khuyến học", NULL, NULL),
		make_unit("hoi_b", "Hội Khuyến học", NULL, NULL),
		make_unit("hoi_c", "Hội Khuyến học", "2024-01-01", NULL),
	};
	struct unit_list l = { v, 3 };
	char b[UNITS_LABEL_SIZE];

	(void)state;
	i18n_set_language("en");
	assert_string_equal(label(&l, 0, b, sizeof b), "Hội Khuyến học (hoi_a)");
	assert_string_equal(label(&l, 1, b, sizeof b), "Hội Khuyến học (hoi_b)");
	assert_string_equal(label(&l, 2, b, sizeof b), "Hội Khuyến học (from 01/01/2024)");
}

/* In Vietnamese, as an office writes it; a name too long for the buffer loses
 * its end, never the dates, and is never cut inside a letter. */
static void test_label_in_vietnamese_and_cut(void **state)
{
	const char *root = getenv("DIENHINH_ROOT");
	char dir[512], b[UNITS_LABEL_SIZE], small[25];
	struct unit v[] = {
		make_unit("tanlong", "Xã Tân Long", NULL, "2025-06-30"),
		make_unit("tanlongmoi", "Xã Tân Long", "2025-07-01", NULL),
		make_unit("old", "Xã Tân Long", "2019-01-01", "2019-12-31"),
	};
	struct unit_list l = { v, 3 };

	(void)state;
	i18n_ready();
	snprintf(dir, sizeof dir, "%s/build/locale", root ? root : ".");
	bindtextdomain(I18N_DOMAIN, dir);
	i18n_set_language("vi");
	assert_string_equal(label(&l, 0, b, sizeof b), "Xã Tân Long (đến 30/06/2025)");
	assert_string_equal(label(&l, 1, b, sizeof b), "Xã Tân Long (từ 01/07/2025)");
	assert_string_equal(label(&l, 2, b, sizeof b), "Xã Tân Long (từ 01/01/2019 đến 31/12/2019)");
	/* 24 bytes of room: the dates take 18 (" (từ 01/07/2025)"), and the 6 left
	 * would end inside the "â" of "Xã Tâ", so the name keeps "Xã T" */
	assert_int_equal(units_label(&l, &v[1], small, sizeof small), strlen("Xã T"));
	assert_string_equal(small, "Xã T (từ 01/07/2025)");
	i18n_set_language("en");
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_first_sync_stores_every_unit),
		T(test_same_config_writes_nothing),
		T(test_changed_config_updates_and_keeps),
		T(test_load_before_any_sync),
		cmocka_unit_test(test_label_tells_twins_apart),
		cmocka_unit_test(test_label_falls_back_on_codes),
		cmocka_unit_test(test_label_in_vietnamese_and_cut),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
