/* test_register.c - adding, editing, the review workflow and batches, through register.h. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "batch.h"
#include "check.h"
#include "codec.h"
#include "fixture.h"
#include "oom.h"
#include "register.h"
#include "store.h"

/*
 * Every test gets its own directory with the town of fixture.h and an
 * empty database.  The tests run without a message catalogue, so messages
 * are the English source text.  Quarters stay open for a year here
 * (late_days = 366), so that staff can act on the 2024 records these tests
 * make; closed quarters are tested with the corrections (test_correct.c).
 */
static const char config_text[] =
	"[dienhinh]\n"
	"database = db\n"
	"count_returned = no\n"
	"late_days = 366\n"
	FIXTURE_TOWN;

static int setup(void **state)
{
	return fx_setup(state, "reg", config_text, "chief", ymd(2025, 1, 10));
}

/* An individual of `unit`, introduced on `date`. */
static void person(struct exemplar *x, const char *unit, const char *name, date_t date)
{
	model_exemplar_init(x);
	x->type = TYPE_INDIVIDUAL;
	x->category = CAT_OFFICIAL;
	x->gender = GENDER_FEMALE;
	x->birth_year = 1980;
	x->date = date;
	snprintf(x->unit, sizeof x->unit, "%s", unit);
	x->name = strdup(name);
	x->position = strdup("Tổ trưởng tổ dân phố");
	x->achievements = strdup("Vận động 30 hộ tham gia tổ tự quản.");
}

/* Add a person and return the id; the test fails if the register refuses. */
static uint64_t add_ok(struct fx *f, const char *unit, const char *name, date_t date)
{
	struct exemplar x;
	struct err e = { 0 };
	uint64_t id;

	person(&x, unit, name, date);
	if (register_add(f->r, &x, NULL, &e))
		fail_msg("add %s: %s", name, e.msg);
	id = x.id;
	model_exemplar_free(&x);
	return id;
}

/* Add expecting a refusal: returns the error, checks nothing was written. */
static size_t n_records(struct fx *f);

static struct err add_refused(struct fx *f, struct exemplar *x)
{
	struct err e = { 0 };
	size_t before = n_records(f);

	assert_int_equal(register_add(f->r, x, NULL, &e), -1);
	model_exemplar_free(x);
	assert_int_equal(n_records(f), before);
	return e;
}

static struct exemplar get(struct fx *f, uint64_t id)
{
	struct exemplar x;
	struct err e = { 0 };

	model_exemplar_init(&x);
	if (register_get(f->r, id, &x, &e))
		fail_msg("get %llu: %s", (unsigned long long)id, e.msg);
	return x;
}

static enum ex_status status_of(struct fx *f, uint64_t id)
{
	struct exemplar x = get(f, id);
	enum ex_status s = x.status;

	model_exemplar_free(&x);
	return s;
}

static uint32_t version_of(struct fx *f, uint64_t id)
{
	struct exemplar x = get(f, id);
	uint32_t v = x.version;

	model_exemplar_free(&x);
	return v;
}

/* ---- reading the store behind the register ------------------------------------- */

static int stats_txn(struct store_txn *t, void *p, struct err *e)
{
	return store_stats(t, p, e);
}

static size_t n_records(struct fx *f)
{
	struct store_stats st;
	struct err e = { 0 };

	if (store_read(register_store(f->r), stats_txn, &st, &e))
		fail_msg("%s", e.msg);
	return st.exemplars;
}

/* The audit entries of one record (or all with record 0), copied out. */
struct entries {
	struct audit_entry v[32];
	size_t n;
};

static int keep_entry(const struct audit_entry *a, void *p)
{
	struct entries *es = p;
	struct audit_entry *c = &es->v[es->n++];

	audit_entry_init(c);
	c->seq = a->seq;
	c->time = a->time;
	c->record = a->record;
	memcpy(c->user, a->user, sizeof c->user);
	memcpy(c->op, a->op, sizeof c->op);
	c->note = a->note ? strdup(a->note) : NULL;
	for (size_t i = 0; i < a->n_changes; i++)
		audit_add_change(c, a->changes[i].field, a->changes[i].before,
				 a->changes[i].after);
	return es->n == 32;
}

struct audit_args {
	uint64_t record;
	struct entries *es;
};

static int audit_txn(struct store_txn *t, void *p, struct err *e)
{
	struct audit_args *a = p;

	return store_each_audit(t, a->record, keep_entry, a->es, e);
}

static void load_audit(struct fx *f, uint64_t record, struct entries *es)
{
	struct audit_args a = { record, es };
	struct err e = { 0 };

	es->n = 0;
	if (store_read(register_store(f->r), audit_txn, &a, &e))
		fail_msg("%s", e.msg);
}

static void free_audit(struct entries *es)
{
	for (size_t i = 0; i < es->n; i++)
		audit_entry_free(&es->v[i]);
	es->n = 0;
}

/* The change of `field` in entry a, or NULL. */
static const struct audit_change *change(const struct audit_entry *a, const char *field)
{
	for (size_t i = 0; i < a->n_changes; i++)
		if (strcmp(a->changes[i].field, field) == 0)
			return &a->changes[i];
	return NULL;
}

static int counts_txn(struct store_txn *t, void *p, struct err *e)
{
	struct { int y, q; const char *u; struct store_counts c; } *a = p;

	return store_get_counts(t, a->y, a->q, a->u, &a->c, e);
}

static struct store_counts counts(struct fx *f, int y, int q, const char *unit)
{
	struct { int y, q; const char *u; struct store_counts c; } a = { y, q, unit, { 0 } };
	struct err e = { 0 };

	if (store_read(register_store(f->r), counts_txn, &a, &e))
		fail_msg("%s", e.msg);
	return a.c;
}

/* ---- adding ----------------------------------------------------------------------- */

static void test_add_gives_id_status_and_stamps(void **state)
{
	struct fx *f = *state;
	struct exemplar x, y;
	struct err e = { 0 };
	time_t before = time(NULL), after;

	person(&x, "p1", "Nguyễn Thị Hồng", ymd(2024, 8, 1));
	x.status = STATUS_COMMENDED; /* whatever comes in, an add starts introduced */
	x.version = 7;
	x.id = 99;
	assert_int_equal(register_add(f->r, &x, NULL, &e), 0);
	after = time(NULL);
	assert_int_equal(x.id, 1);
	assert_int_equal(x.version, 1);
	assert_int_equal(x.status, STATUS_INTRODUCED);
	assert_string_equal(x.created_by, "chief");
	assert_string_equal(x.updated_by, "chief");
	assert_true(x.created_at >= before && x.created_at <= after);
	y = get(f, 1);
	assert_string_equal(y.name, "Nguyễn Thị Hồng");
	assert_string_equal(y.unit, "p1");
	assert_int_equal(y.status, STATUS_INTRODUCED);
	assert_int_equal(y.birth_year, 1980);
	assert_string_equal(y.position, "Tổ trưởng tổ dân phố");
	assert_int_equal(y.created_at, x.created_at);
	model_exemplar_free(&x);
	model_exemplar_free(&y);
	assert_int_equal(add_ok(f, "p2", "Lê Văn Bình", ymd(2024, 8, 2)), 2);
	assert_int_equal(n_records(f), 2);
}

static void test_add_stores_nfc(void **state)
{
	struct fx *f = *state;
	struct exemplar x;
	/* "Nguyễn Thị Hồng" decomposed: e + U+0302 + U+0303, i + U+0323,
	 * o + U+0302 + U+0300 */
	uint64_t id = add_ok(f, "p1", "Nguye\xcc\x82\xcc\x83n Thi\xcc\xa3 Ho\xcc\x82\xcc\x80ng",
			     ymd(2024, 8, 1));

	x = get(f, id);
	assert_string_equal(x.name, "Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b H\xe1\xbb\x93ng");
	model_exemplar_free(&x);
}

static void test_add_refusals_name_the_field(void **state)
{
	struct fx *f = *state;
	struct exemplar x;
	struct err e;

	person(&x, "nowhere", "A", ymd(2024, 8, 1));
	e = add_refused(f, &x);
	assert_int_equal(e.code, ERR_INVALID);
	assert_string_equal(e.field, "unit");
	assert_non_null(strstr(e.msg, "nowhere"));

	person(&x, "", "A", ymd(2024, 8, 1));
	e = add_refused(f, &x);
	assert_string_equal(e.field, "unit");

	person(&x, "p1", "A", ymd(2025, 1, 11)); /* the day after today */
	e = add_refused(f, &x);
	assert_string_equal(e.field, "date");

	person(&x, "p1", "A", DATE_NONE);
	e = add_refused(f, &x);
	assert_string_equal(e.field, "date");

	person(&x, "p1", "A", ymd(2024, 8, 1));
	x.category = CAT_HEALTH; /* a collective category on an individual */
	e = add_refused(f, &x);
	assert_string_equal(e.field, "category");

	person(&x, "p1", "   ", ymd(2024, 8, 1));
	e = add_refused(f, &x);
	assert_string_equal(e.field, "name");

	person(&x, "p1", "A\x1b]0;x\aB", ymd(2024, 8, 1));
	e = add_refused(f, &x);
	assert_int_equal(e.code, ERR_INVALID);
	assert_string_equal(e.field, "name");

	person(&x, "p1", "A", ymd(2024, 8, 1));
	free(x.workplace);
	x.workplace = strdup("Ấp 3\rxã Vĩnh Quới");
	e = add_refused(f, &x);
	assert_string_equal(e.field, "workplace");

	person(&x, "p1", "A", ymd(2024, 8, 1));
	x.movement = strdup("\xc3\x28");
	e = add_refused(f, &x);
	assert_string_equal(e.field, "movement");

	person(&x, "p1", "A", ymd(2024, 8, 1));
	x.gender = GENDER_UNKNOWN;
	x.birth_year = 2026; /* after this year */
	e = add_refused(f, &x);
	assert_string_equal(e.field, "birth_year");

	assert_int_equal(n_records(f), 0);
}

static void test_add_unit_inactive_on_date(void **state)
{
	struct fx *f = *state;
	struct exemplar x;
	struct err e;

	act_as(f, "chief", ymd(2025, 9, 1));
	/* p1 closed on 30/06/2025; its successor is named */
	person(&x, "p1", "A", ymd(2025, 7, 1));
	e = add_refused(f, &x);
	assert_int_equal(e.code, ERR_INVALID);
	assert_string_equal(e.field, "unit");
	assert_non_null(strstr(e.msg, "Phường Một"));
	assert_non_null(strstr(e.msg, "01/07/2025"));
	assert_non_null(strstr(e.msg, "\"p3\""));
	/* p3 opened on 01/07/2025 */
	person(&x, "p3", "A", ymd(2025, 6, 30));
	e = add_refused(f, &x);
	assert_string_equal(e.field, "unit");
	assert_non_null(strstr(e.msg, "30/06/2025"));
	/* the edges of both periods are inside them */
	assert_int_equal(add_ok(f, "p1", "A", ymd(2025, 6, 30)), 1);
	assert_int_equal(add_ok(f, "p3", "A", ymd(2025, 7, 1)), 2);
}

static void test_add_duplicate(void **state)
{
	struct fx *f = *state;
	struct exemplar x;
	struct err e = { 0 };

	assert_int_equal(add_ok(f, "p1", "Trần Thị Ánh", ymd(2024, 8, 1)), 1);
	/* the same person given decomposed is the same name once cleaned */
	person(&x, "p1", "Tra\xcc\x82\xcc\x80n Thi\xcc\xa3 A\xcc\x81nh", ymd(2024, 8, 1));
	assert_int_equal(register_add(f->r, &x, NULL, &e), -1);
	assert_int_equal(e.code, ERR_DUPLICATE);
	assert_string_equal(e.field, "name");
	assert_non_null(strstr(e.msg, "number 1"));
	model_exemplar_free(&x);
	/* another date, another unit, or another name is another exemplar */
	assert_int_equal(add_ok(f, "p1", "Trần Thị Ánh", ymd(2024, 8, 2)), 2);
	assert_int_equal(add_ok(f, "p2", "Trần Thị Ánh", ymd(2024, 8, 1)), 3);
	assert_int_equal(add_ok(f, "p1", "Trần Thị Anh", ymd(2024, 8, 1)), 4);
	assert_int_equal(n_records(f), 4);
}

static void test_add_legacy_is_saved_and_named(void **state)
{
	struct fx *f = *state;
	struct exemplar x;
	struct err e = { 0 };
	const char *legacy = "unset";

	person(&x, "p1", "Nguyeãn Vaên An", ymd(2024, 8, 1)); /* VNI read as Latin-1 */
	assert_int_equal(register_add(f->r, &x, &legacy, &e), 0);
	assert_non_null(legacy);
	assert_string_equal(legacy, "name");
	model_exemplar_free(&x);
	person(&x, "p1", "Nguyễn Văn An", ymd(2024, 8, 1));
	assert_int_equal(register_add(f->r, &x, &legacy, &e), 0);
	assert_null(legacy);
	model_exemplar_free(&x);
	assert_int_equal(n_records(f), 2);
}

/* Without the person's word (legacy NULL), legacy-keyboard text is refused. */
static void test_add_legacy_refused_by_default(void **state)
{
	struct fx *f = *state;
	struct exemplar x;
	struct err e = { 0 };

	person(&x, "p1", "NguyÔn ThÞ Hång", ymd(2024, 8, 1)); /* TCVN3 read as Latin-1 */
	assert_int_equal(register_add(f->r, &x, NULL, &e), -1);
	assert_int_equal(e.code, ERR_INVALID);
	assert_string_equal(e.field, "name");
	assert_non_null(strstr(e.msg, "TCVN3"));
	assert_non_null(strstr(e.msg, "Unikey"));
	assert_string_equal(x.name, "NguyÔn ThÞ Hång");
	model_exemplar_free(&x);
	assert_int_equal(n_records(f), 0);
}

/*
 * A name kept once is not refused again by the record's later steps, nor by
 * an edit of another field; changing it to other legacy text is.
 */
static void test_kept_legacy_stays_kept(void **state)
{
	struct fx *f = *state;
	struct exemplar x;
	struct err e = { 0 };
	const char *legacy = NULL;

	person(&x, "p1", "Nguyeãn Vaên An", ymd(2024, 8, 1));
	assert_int_equal(register_add(f->r, &x, &legacy, &e), 0);
	free(x.position);
	x.position = strdup("Tổ trưởng");
	assert_int_equal(register_edit(f->r, &x, NULL, &e), 0);
	assert_int_equal(register_accept(f->r, x.id, &e), 0);
	model_exemplar_free(&x);
	assert_int_equal(register_get(f->r, 1, &x, &e), 0);
	free(x.name);
	x.name = strdup("Nguyeãn Vaên Ba");
	assert_int_equal(register_edit(f->r, &x, NULL, &e), -1);
	assert_string_equal(e.field, "name");
	model_exemplar_free(&x);
}

static void test_add_audit_entry(void **state)
{
	struct fx *f = *state;
	struct entries es;
	uint64_t id = add_ok(f, "p1", "Võ Văn Dũng", ymd(2024, 8, 1));

	load_audit(f, id, &es);
	assert_int_equal(es.n, 1);
	assert_string_equal(es.v[0].op, "add");
	assert_string_equal(es.v[0].user, "chief");
	assert_int_equal(es.v[0].record, id);
	assert_null(change(&es.v[0], "status")->before);
	assert_string_equal(change(&es.v[0], "status")->after, "introduced");
	assert_string_equal(change(&es.v[0], "name")->after, "Võ Văn Dũng");
	assert_string_equal(change(&es.v[0], "date")->after, "2024-08-01");
	assert_string_equal(change(&es.v[0], "unit")->after, "p1");
	free_audit(&es);
}

static void test_add_counts(void **state)
{
	struct fx *f = *state;
	struct store_counts c;

	add_ok(f, "p1", "A", ymd(2024, 7, 1));
	add_ok(f, "p1", "B", ymd(2024, 9, 30));
	add_ok(f, "p1", "C", ymd(2024, 10, 1));
	c = counts(f, 2024, 3, "p1");
	assert_int_equal(c.total, 2);
	assert_int_equal(c.by_type[TYPE_INDIVIDUAL], 2);
	assert_int_equal(c.by_status[STATUS_INTRODUCED], 2);
	assert_int_equal(counts(f, 2024, 4, "p1").total, 1);
	assert_int_equal(counts(f, 2024, 3, "p2").total, 0);
}

/* ---- editing ---------------------------------------------------------------------- */

static void test_edit_saves_new_version(void **state)
{
	struct fx *f = *state;
	uint64_t id = add_ok(f, "p1", "Lê Văn Bình", ymd(2024, 8, 1));
	struct exemplar x = get(f, id), y;
	struct entries es;
	struct err e = { 0 };

	act_as(f, "an", ymd(2025, 1, 10));
	free(x.name);
	x.name = strdup("Lê Văn Bình Minh");
	free(x.position);
	x.position = NULL;
	x.status = STATUS_COMMENDED;  /* not a profile field: ignored */
	assert_int_equal(register_edit(f->r, &x, NULL, &e), 0);
	assert_int_equal(x.version, 2);
	assert_string_equal(x.updated_by, "an");
	assert_string_equal(x.created_by, "chief");
	model_exemplar_free(&x);
	y = get(f, id);
	assert_string_equal(y.name, "Lê Văn Bình Minh");
	assert_null(y.position);
	assert_int_equal(y.status, STATUS_INTRODUCED);
	assert_int_equal(y.version, 2);
	model_exemplar_free(&y);
	load_audit(f, id, &es);
	assert_int_equal(es.n, 2);
	assert_string_equal(es.v[1].op, "edit");
	assert_string_equal(es.v[1].user, "an");
	assert_int_equal(es.v[1].n_changes, 2);
	assert_string_equal(change(&es.v[1], "name")->before, "Lê Văn Bình");
	assert_string_equal(change(&es.v[1], "name")->after, "Lê Văn Bình Minh");
	assert_string_equal(change(&es.v[1], "position")->before, "Tổ trưởng tổ dân phố");
	assert_null(change(&es.v[1], "position")->after);
	free_audit(&es);
}

static void test_edit_without_change_writes_nothing(void **state)
{
	struct fx *f = *state;
	uint64_t id = add_ok(f, "p1", "A", ymd(2024, 8, 1));
	struct exemplar x = get(f, id);
	struct entries es;
	struct err e = { 0 };

	assert_int_equal(register_edit(f->r, &x, NULL, &e), 0);
	assert_int_equal(x.version, 1);
	model_exemplar_free(&x);
	assert_int_equal(version_of(f, id), 1);
	load_audit(f, id, &es);
	assert_int_equal(es.n, 1);
	free_audit(&es);
}

static void test_edit_conflict_on_stale_version(void **state)
{
	struct fx *f = *state;
	uint64_t id = add_ok(f, "p1", "A", ymd(2024, 8, 1));
	struct exemplar mine = get(f, id), theirs = get(f, id), y;
	struct err e = { 0 };

	free(theirs.name);
	theirs.name = strdup("B");
	assert_int_equal(register_edit(f->r, &theirs, NULL, &e), 0);
	free(mine.name);
	mine.name = strdup("C");
	assert_int_equal(register_edit(f->r, &mine, NULL, &e), -1);
	assert_int_equal(e.code, ERR_CONFLICT);
	assert_non_null(strstr(e.msg, "chief"));
	y = get(f, id);
	assert_string_equal(y.name, "B");
	assert_int_equal(y.version, 2);
	model_exemplar_free(&y);
	model_exemplar_free(&mine);
	model_exemplar_free(&theirs);
}

/* A version never written is a mistake in the request, not someone else's save. */
static void test_edit_from_a_version_to_come(void **state)
{
	struct fx *f = *state;
	uint64_t id = add_ok(f, "p1", "A", ymd(2024, 8, 1));
	struct exemplar mine = get(f, id), y;
	struct err e = { 0 };

	mine.version = 7;
	free(mine.name);
	mine.name = strdup("C");
	assert_int_equal(register_edit(f->r, &mine, NULL, &e), -1);
	assert_int_equal(e.code, ERR_INVALID);
	assert_string_equal(e.field, "version");
	assert_non_null(strstr(e.msg, "version 1"));
	assert_non_null(strstr(e.msg, "no version 7"));
	y = get(f, id);
	assert_string_equal(y.name, "A");
	assert_int_equal(y.version, 1);
	model_exemplar_free(&y);
	model_exemplar_free(&mine);
}

static void test_edit_refusals(void **state)
{
	struct fx *f = *state;
	uint64_t id = add_ok(f, "p1", "A", ymd(2024, 8, 1));
	struct exemplar x;
	struct err e = { 0 };

	x = get(f, id);
	free(x.name);
	x.name = strdup("A\x08");
	assert_int_equal(register_edit(f->r, &x, NULL, &e), -1);
	assert_string_equal(e.field, "name");
	model_exemplar_free(&x);

	x = get(f, id);
	snprintf(x.unit, sizeof x.unit, "nowhere");
	assert_int_equal(register_edit(f->r, &x, NULL, &e), -1);
	assert_string_equal(e.field, "unit");
	model_exemplar_free(&x);

	x = get(f, id);
	x.date = ymd(2025, 2, 1); /* after today */
	assert_int_equal(register_edit(f->r, &x, NULL, &e), -1);
	assert_string_equal(e.field, "date");
	model_exemplar_free(&x);

	model_exemplar_init(&x);
	x.id = 42;
	x.version = 1;
	assert_int_equal(register_edit(f->r, &x, NULL, &e), -1);
	assert_int_equal(e.code, ERR_NOTFOUND);
	model_exemplar_free(&x);
	assert_int_equal(version_of(f, id), 1);
}

static void test_edit_unit_inactive_on_date(void **state)
{
	struct fx *f = *state;
	uint64_t id;
	struct exemplar x;
	struct err e = { 0 };

	act_as(f, "chief", ymd(2025, 9, 1));
	id = add_ok(f, "p1", "A", ymd(2025, 6, 1));
	/* moving the date past the unit's last day */
	x = get(f, id);
	x.date = ymd(2025, 7, 15);
	assert_int_equal(register_edit(f->r, &x, NULL, &e), -1);
	assert_int_equal(e.code, ERR_INVALID);
	assert_string_equal(e.field, "unit");
	model_exemplar_free(&x);
	/* moving to a unit not yet open on the date */
	x = get(f, id);
	snprintf(x.unit, sizeof x.unit, "p3");
	assert_int_equal(register_edit(f->r, &x, NULL, &e), -1);
	assert_string_equal(e.field, "unit");
	model_exemplar_free(&x);
	/* both together are fine: the successor on a day it is open */
	x = get(f, id);
	snprintf(x.unit, sizeof x.unit, "p3");
	x.date = ymd(2025, 7, 15);
	assert_int_equal(register_edit(f->r, &x, NULL, &e), 0);
	model_exemplar_free(&x);
	x = get(f, id);
	assert_string_equal(x.unit, "p3");
	assert_int_equal(x.version, 2);
	model_exemplar_free(&x);
	/* the counters followed the record to its new unit and quarter */
	assert_int_equal(counts(f, 2025, 2, "p1").total, 0);
	assert_int_equal(counts(f, 2025, 3, "p3").total, 1);
}

static void test_edit_by_role_and_status(void **state)
{
	struct fx *f = *state;
	uint64_t own = add_ok(f, "p1", "A", ymd(2024, 8, 1));
	uint64_t other = add_ok(f, "p2", "B", ymd(2024, 8, 1));
	uint64_t accepted = add_ok(f, "p1", "C", ymd(2024, 8, 1));
	struct exemplar x;
	struct err e = { 0 };

	assert_int_equal(register_accept(f->r, accepted, &e), 0);
	act_as(f, "an", ymd(2025, 1, 10));
	/* own unit, introduced: allowed */
	x = get(f, own);
	free(x.name);
	x.name = strdup("A2");
	assert_int_equal(register_edit(f->r, &x, NULL, &e), 0);
	/* moving it to a unit that is not theirs: refused */
	snprintf(x.unit, sizeof x.unit, "p2");
	assert_int_equal(register_edit(f->r, &x, NULL, &e), -1);
	assert_int_equal(e.code, ERR_DENIED);
	/* no unit at all: "choose the unit", not a unit of others named "" */
	x.unit[0] = 0;
	assert_int_equal(register_edit(f->r, &x, NULL, &e), -1);
	assert_int_equal(e.code, ERR_INVALID);
	assert_string_equal(e.field, "unit");
	model_exemplar_free(&x);
	person(&x, "", "D", ymd(2024, 8, 1));
	assert_int_equal(register_add(f->r, &x, NULL, &e), -1);
	assert_int_equal(e.code, ERR_INVALID);
	assert_string_equal(e.field, "unit");
	model_exemplar_free(&x);
	/* another unit's record: refused */
	x = get(f, other);
	free(x.name);
	x.name = strdup("B2");
	assert_int_equal(register_edit(f->r, &x, NULL, &e), -1);
	assert_int_equal(e.code, ERR_DENIED);
	assert_non_null(strstr(e.msg, "staff"));
	assert_non_null(strstr(e.msg, "Phường Hai"));
	model_exemplar_free(&x);
	/* own unit but already accepted: refused */
	x = get(f, accepted);
	free(x.name);
	x.name = strdup("C2");
	assert_int_equal(register_edit(f->r, &x, NULL, &e), -1);
	assert_int_equal(e.code, ERR_DENIED);
	assert_non_null(strstr(e.msg, "introduced or returned"));
	model_exemplar_free(&x);
	/* a viewer edits nothing */
	act_as(f, "xem", ymd(2025, 1, 10));
	x = get(f, own);
	free(x.name);
	x.name = strdup("A3");
	assert_int_equal(register_edit(f->r, &x, NULL, &e), -1);
	assert_int_equal(e.code, ERR_DENIED);
	assert_non_null(strstr(e.msg, "viewer"));
	model_exemplar_free(&x);
	/* the office edits an accepted record */
	act_as(f, "chief", ymd(2025, 1, 10));
	x = get(f, accepted);
	free(x.name);
	x.name = strdup("C3");
	assert_int_equal(register_edit(f->r, &x, NULL, &e), 0);
	model_exemplar_free(&x);
	assert_int_equal(version_of(f, own), 2);
	assert_int_equal(version_of(f, other), 1);
	assert_int_equal(version_of(f, accepted), 3);
}

/* ---- the workflow ------------------------------------------------------------------- */

enum op { OP_ACCEPT, OP_RETURN, OP_RESUBMIT, OP_PROPOSE, OP_COMMEND, OP_REVOKE,
	  OP_PROPAGATE, OP_REOPEN, OP_WITHDRAW, OP_CORRECT, OP_COUNT };

static int run_op(struct fx *f, enum op op, uint64_t id, struct err *e)
{
	struct commendation c = { "Giấy khen của Chủ tịch UBND thị xã", "123/QĐ-UBND",
				  ymd(2024, 12, 20), "Nguyễn Văn Tư" };
	struct propagation p = { CHANNEL_RADIO, ymd(2024, 12, 1), "Chuyên mục số 12", "", 0 };
	struct commendation fix = { NULL, "124/QĐ-UBND", DATE_NONE, NULL };

	switch (op) {
	case OP_ACCEPT: return register_accept(f->r, id, e);
	case OP_RETURN: return register_return(f->r, id, "Thiếu thành tích", e);
	case OP_RESUBMIT: return register_resubmit(f->r, id, e);
	case OP_PROPOSE: return register_propose(f->r, id, ymd(2024, 12, 1), e);
	case OP_COMMEND: return register_commend(f->r, id, &c, e);
	case OP_REVOKE: return register_revoke(f->r, id, "Quyết định bị hủy", e);
	case OP_REOPEN: return register_reopen(f->r, id, "Xét lại", e);
	case OP_WITHDRAW: return register_withdraw(f->r, id, "Nhập nhầm", e);
	case OP_CORRECT: return register_correct_commendation(f->r, id, &fix, "Sai số", e);
	default: return register_propagate(f->r, id, &p, e);
	}
}

/* A record brought to `status` by the office through the workflow. */
static uint64_t record_in(struct fx *f, enum ex_status status, const char *name)
{
	static const enum op path[STATUS_COUNT_][4] = {
		[STATUS_INTRODUCED] = { OP_COUNT },
		[STATUS_ACCEPTED] = { OP_ACCEPT, OP_COUNT },
		[STATUS_RETURNED] = { OP_RETURN, OP_COUNT },
		[STATUS_PROPOSED] = { OP_ACCEPT, OP_PROPOSE, OP_COUNT },
		[STATUS_COMMENDED] = { OP_ACCEPT, OP_PROPOSE, OP_COMMEND, OP_COUNT },
		[STATUS_REVOKED] = { OP_ACCEPT, OP_PROPOSE, OP_COMMEND, OP_REVOKE },
		[STATUS_WITHDRAWN] = { OP_WITHDRAW, OP_COUNT },
	};
	uint64_t id = add_ok(f, "p1", name, ymd(2024, 8, 1));
	struct err e = { 0 };

	for (int i = 0; i < 4 && path[status][i] != OP_COUNT; i++)
		if (run_op(f, path[status][i], id, &e))
			fail_msg("step %d to %d: %s", i, status, e.msg);
	assert_int_equal(status_of(f, id), status);
	return id;
}

static void test_every_transition(void **state)
{
	struct fx *f = *state;
	/* The status each step leads to from each status; 0 = refused; -1 = unchanged.
	 * Columns: accept, return, resubmit, propose, commend, revoke, propagate,
	 * reopen, withdraw, correct. */
	enum { I = STATUS_INTRODUCED, W = STATUS_WITHDRAWN };
	static const int next[STATUS_COUNT_][OP_COUNT] = {
		[STATUS_INTRODUCED] = { STATUS_ACCEPTED, STATUS_RETURNED, 0, 0, 0, 0, 0, 0, W, 0 },
		[STATUS_ACCEPTED] = { 0, 0, 0, STATUS_PROPOSED, 0, 0, -1, I, W, 0 },
		[STATUS_RETURNED] = { 0, 0, I, 0, 0, 0, 0, I, W, 0 },
		[STATUS_PROPOSED] = { 0, 0, 0, 0, STATUS_COMMENDED, 0, -1, I, W, 0 },
		[STATUS_COMMENDED] = { 0, 0, 0, 0, 0, STATUS_REVOKED, -1, 0, W, -1 },
		[STATUS_REVOKED] = { 0, 0, 0, 0, 0, 0, 0, 0, W, 0 },
		[STATUS_WITHDRAWN] = { 0, 0, 0, 0, 0, 0, 0, I, 0, 0 },
	};
	char name[32];
	int allowed = 0, refused = 0;

	for (int s = STATUS_INTRODUCED; s < STATUS_COUNT_; s++) {
		for (int op = 0; op < OP_COUNT; op++) {
			struct err e = { 0 };
			snprintf(name, sizeof name, "Gương %d-%d", s, op);
			uint64_t id = record_in(f, (enum ex_status)s, name);
			uint32_t v = version_of(f, id);
			int rc = run_op(f, (enum op)op, id, &e);
			if (next[s][op]) {
				if (rc)
					fail_msg("status %d op %d refused: %s", s, op, e.msg);
				assert_int_equal(status_of(f, id),
						 next[s][op] > 0 ? next[s][op] : s);
				assert_int_equal(version_of(f, id), v + 1);
				allowed++;
			} else {
				if (rc == 0)
					fail_msg("status %d op %d was allowed", s, op);
				assert_int_equal(e.code, ERR_INVALID);
				assert_non_null(strstr(e.msg, model_status_label((enum ex_status)s)));
				assert_true(strstr(e.msg, "only") || strstr(e.msg, "already"));
				assert_int_equal(status_of(f, id), s);
				assert_int_equal(version_of(f, id), v);
				refused++;
			}
		}
	}
	assert_int_equal(allowed, 20);
	assert_int_equal(refused, 50);
}

static void test_full_path_keeps_who_when_why(void **state)
{
	struct fx *f = *state;
	uint64_t id = add_ok(f, "p1", "Phạm Thị Đào", ymd(2024, 8, 1));
	struct commendation c = { "Bằng khen", "45/QĐ-UBND", ymd(2024, 12, 20), "Chủ tịch" };
	struct propagation p = { CHANNEL_PORTAL, ymd(2024, 11, 2), "Trang tin thị xã", "", 0 };
	struct exemplar x;
	struct entries es;
	struct err e = { 0 };

	assert_int_equal(register_return(f->r, id, "Thiếu  xác nhận", &e), 0);
	x = get(f, id);
	assert_string_equal(x.status_reason, "Thiếu  xác nhận");
	model_exemplar_free(&x);
	act_as(f, "an", ymd(2025, 1, 10));
	assert_int_equal(register_resubmit(f->r, id, &e), 0);
	x = get(f, id);
	assert_null(x.status_reason); /* a new status drops the old reason */
	assert_string_equal(x.updated_by, "an");
	model_exemplar_free(&x);
	act_as(f, "chief", ymd(2025, 1, 10));
	assert_int_equal(register_accept(f->r, id, &e), 0);
	assert_int_equal(register_propagate(f->r, id, &p, &e), 0);
	assert_int_equal(register_propose(f->r, id, ymd(2024, 12, 5), &e), 0);
	assert_int_equal(register_commend(f->r, id, &c, &e), 0);
	assert_int_equal(register_revoke(f->r, id, "Sai sót hồ sơ", &e), 0);
	x = get(f, id);
	assert_int_equal(x.status, STATUS_REVOKED);
	assert_int_equal(x.version, 8);
	assert_string_equal(x.status_reason, "Sai sót hồ sơ");
	assert_string_equal(x.commendation.form, "Bằng khen");
	assert_string_equal(x.commendation.decision, "45/QĐ-UBND");
	assert_int_equal(x.commendation.date, ymd(2024, 12, 20));
	assert_string_equal(x.commendation.signer, "Chủ tịch");
	assert_int_equal(x.proposal_date, ymd(2024, 12, 5));
	assert_int_equal(x.n_propagations, 1);
	assert_int_equal(x.propagations[0].channel, CHANNEL_PORTAL);
	assert_string_equal(x.propagations[0].ref, "Trang tin thị xã");
	assert_string_equal(x.propagations[0].by, "chief");
	model_exemplar_free(&x);

	load_audit(f, id, &es);
	static const char *ops[] = { "add", "return", "resubmit", "accept", "propagate",
				     "propose", "commend", "revoke" };
	assert_int_equal(es.n, 8);
	for (size_t i = 0; i < 8; i++) {
		assert_string_equal(es.v[i].op, ops[i]);
		assert_string_equal(es.v[i].user, i == 2 ? "an" : "chief");
		if (i)
			assert_true(es.v[i].seq > es.v[i - 1].seq);
	}
	assert_string_equal(es.v[1].note, "Thiếu  xác nhận");
	assert_string_equal(change(&es.v[1], "status")->before, "introduced");
	assert_string_equal(change(&es.v[1], "status")->after, "returned");
	assert_string_equal(change(&es.v[2], "status_reason")->before, "Thiếu  xác nhận");
	assert_null(change(&es.v[2], "status_reason")->after);
	assert_string_equal(change(&es.v[4], "propagation")->after,
			    "portal 2024-11-02 Trang tin thị xã");
	assert_null(change(&es.v[4], "status"));
	assert_string_equal(change(&es.v[5], "proposal_date")->after, "2024-12-05");
	assert_string_equal(change(&es.v[6], "decision")->after, "45/QĐ-UBND");
	assert_string_equal(change(&es.v[6], "decision_date")->after, "2024-12-20");
	assert_string_equal(es.v[7].note, "Sai sót hồ sơ");
	free_audit(&es);
}

static void test_reasons_and_details_required(void **state)
{
	struct fx *f = *state;
	uint64_t id = record_in(f, STATUS_INTRODUCED, "A");
	uint64_t cid = record_in(f, STATUS_COMMENDED, "B");
	uint64_t pid = record_in(f, STATUS_PROPOSED, "C");
	struct commendation c = { "Bằng khen", "45/QĐ-UBND", ymd(2024, 12, 20), "Chủ tịch" };
	struct propagation p = { CHANNEL_RADIO, ymd(2024, 12, 1), NULL, "", 0 };
	struct err e = { 0 };
	static const char *blank[] = { NULL, "", "   ", " \n\t" };

	for (size_t i = 0; i < 4; i++) {
		assert_int_equal(register_return(f->r, id, blank[i], &e), -1);
		assert_string_equal(e.field, "status_reason");
		assert_int_equal(register_revoke(f->r, cid, blank[i], &e), -1);
		assert_string_equal(e.field, "status_reason");
	}
	/* a reason is text like any other: no control characters */
	assert_int_equal(register_return(f->r, id, "lý do\x1b[2J", &e), -1);
	assert_string_equal(e.field, "status_reason");

	c.form = NULL;
	assert_int_equal(register_commend(f->r, pid, &c, &e), -1);
	assert_string_equal(e.field, "form");
	c.form = "Bằng khen";
	c.decision = "";
	assert_int_equal(register_commend(f->r, pid, &c, &e), -1);
	assert_string_equal(e.field, "decision");
	c.decision = "45/QĐ-UBND";
	c.signer = NULL; /* the signer is required */
	assert_int_equal(register_commend(f->r, pid, &c, &e), -1);
	assert_string_equal(e.field, "signer");
	c.signer = "  ";
	assert_int_equal(register_commend(f->r, pid, &c, &e), -1);
	assert_string_equal(e.field, "signer");
	c.signer = "Chủ tịch";
	c.date = DATE_NONE;
	assert_int_equal(register_commend(f->r, pid, &c, &e), -1);
	assert_string_equal(e.field, "decision_date");
	c.date = ymd(2025, 1, 11);
	assert_int_equal(register_commend(f->r, pid, &c, &e), -1);
	assert_string_equal(e.field, "decision_date");
	/* C was proposed on 01/12/2024 and introduced on 01/08/2024 */
	c.date = ymd(2024, 11, 30);
	assert_int_equal(register_commend(f->r, pid, &c, &e), -1);
	assert_string_equal(e.field, "decision_date");
	assert_non_null(strstr(e.msg, "before the proposal for commendation (01/12/2024)"));
	struct exemplar y = get(f, pid);
	assert_int_equal(y.status, STATUS_PROPOSED);
	assert_null(y.commendation.form);
	model_exemplar_free(&y);

	p.channel = 0;
	assert_int_equal(register_propagate(f->r, pid, &p, &e), -1);
	assert_string_equal(e.field, "channel");
	p.channel = CHANNEL_COUNT_;
	assert_int_equal(register_propagate(f->r, pid, &p, &e), -1);
	assert_string_equal(e.field, "channel");
	p.channel = CHANNEL_OTHER;
	p.date = DATE_NONE;
	assert_int_equal(register_propagate(f->r, pid, &p, &e), -1);
	assert_string_equal(e.field, "date");
	p.date = ymd(2025, 1, 11);
	assert_int_equal(register_propagate(f->r, pid, &p, &e), -1);
	assert_string_equal(e.field, "date");

	assert_int_equal(status_of(f, id), STATUS_INTRODUCED);
	assert_int_equal(status_of(f, cid), STATUS_COMMENDED);
	assert_int_equal(status_of(f, pid), STATUS_PROPOSED);
	assert_int_equal(version_of(f, pid), 3);
	/* with everything given, they go through */
	assert_int_equal(register_return(f->r, id, "Thiếu ảnh", &e), 0);
	c.date = ymd(2024, 12, 1); /* the day of the proposal will do */
	assert_int_equal(register_commend(f->r, pid, &c, &e), 0);
	assert_int_equal(register_accept(f->r, 999, &e), -1);
	assert_int_equal(e.code, ERR_NOTFOUND);
}

static void test_workflow_by_role(void **state)
{
	struct fx *f = *state;
	uint64_t intro = record_in(f, STATUS_INTRODUCED, "A");
	uint64_t ret = record_in(f, STATUS_RETURNED, "B");
	uint64_t acc = record_in(f, STATUS_ACCEPTED, "C");
	uint64_t prop = record_in(f, STATUS_PROPOSED, "D");
	uint64_t com = record_in(f, STATUS_COMMENDED, "E");
	/* Staff may withdraw only while introduced or returned: an accepted one is refused. */
	const uint64_t target[OP_COUNT] = { intro, intro, ret, acc, prop, com, acc, acc, acc,
					    com };
	static const char *users[] = { "an", "binh", "xem" };
	struct err e = { 0 };

	for (size_t u = 0; u < 3; u++) {
		act_as(f, users[u], ymd(2025, 1, 10));
		for (int op = 0; op < OP_COUNT; op++) {
			if (op == OP_RESUBMIT && u < 2)
				continue; /* staff may resubmit: below */
			uint32_t v = version_of(f, target[op]);
			assert_int_equal(run_op(f, (enum op)op, target[op], &e), -1);
			assert_int_equal(e.code, ERR_DENIED);
			assert_non_null(strstr(e.msg, u < 2 ? "(staff" : "(viewer"));
			assert_int_equal(version_of(f, target[op]), v);
		}
	}
	/* staff of the unit resubmit their returned exemplar */
	act_as(f, "binh", ymd(2025, 1, 10));
	assert_int_equal(register_resubmit(f->r, ret, &e), 0);
	assert_int_equal(status_of(f, ret), STATUS_INTRODUCED);
}

static void test_staff_resubmit_other_unit_refused(void **state)
{
	struct fx *f = *state;
	uint64_t id = add_ok(f, "p2", "A", ymd(2024, 8, 1));
	struct err e = { 0 };

	assert_int_equal(register_return(f->r, id, "Thiếu ảnh", &e), 0);
	act_as(f, "an", ymd(2025, 1, 10)); /* p1 only */
	assert_int_equal(register_resubmit(f->r, id, &e), -1);
	assert_int_equal(e.code, ERR_DENIED);
	assert_non_null(strstr(e.msg, "Phường Hai"));
	assert_int_equal(status_of(f, id), STATUS_RETURNED);
	act_as(f, "binh", ymd(2025, 1, 10)); /* p1 and p2 */
	assert_int_equal(register_resubmit(f->r, id, &e), 0);
}

static void assert_check_clean(struct reg *r);

/* The test config with quarters closing 10 days after they end. */
static void closing_after_10_days(struct fx *f)
{
	char text[sizeof config_text];
	const char *at = strstr(config_text, "late_days = 366");
	size_t n = (size_t)(at - config_text);

	memcpy(text, config_text, n);
	snprintf(text + n, sizeof text - n, "late_days = 10 %s", at + strlen("late_days = 366"));
	fx_config(f, text);
}

static struct err edit_date(struct fx *f, uint64_t id, date_t d, const char *reason)
{
	struct exemplar x = get(f, id);
	struct err e = { 0 };

	x.date = d;
	free(x.late_reason);
	x.late_reason = reason ? strdup(reason) : NULL;
	if (register_edit(f->r, &x, NULL, &e) == 0)
		e.code = ERR_OK;
	model_exemplar_free(&x);
	return e;
}

/*
 * Quarter III/2024 closed on 10/10/2024.  On 20/11/2024 the office's add
 * dated in it is a late entry with its reason, one in quarter IV is not (a
 * reason given with it is dropped); moving a record into the closed
 * quarter makes it late, out of it ordinary.  Staff are refused adding or
 * editing there, and nothing is written.  An import's rows are late when
 * entered after the quarter closed: a row that says when it was entered
 * (an exported one) is judged by that day.
 */
static void test_late_entries(void **state)
{
	struct fx *f = *state;
	struct exemplar x, xs[3];
	struct batch_problem *pr = NULL;
	size_t np = 0;
	struct err e = { 0 };

	closing_after_10_days(f);
	act_as(f, "chief", ymd(2024, 11, 20));
	person(&x, "p1", "Lê Văn Một", ymd(2024, 8, 1));
	x.late_reason = strdup("Số hóa danh sách giấy");
	assert_int_equal(register_add(f->r, &x, NULL, &e), 0);
	assert_true(x.late);
	model_exemplar_free(&x);
	x = get(f, 1);
	assert_true(x.late);
	assert_string_equal(x.late_reason, "Số hóa danh sách giấy");
	model_exemplar_free(&x);
	person(&x, "p2", "Lê Văn Hai", ymd(2024, 10, 5));
	x.late_reason = strdup("không cần");
	assert_int_equal(register_add(f->r, &x, NULL, &e), 0);
	model_exemplar_free(&x);
	x = get(f, 2);
	assert_false(x.late);
	assert_null(x.late_reason);
	model_exemplar_free(&x);

	assert_int_equal(edit_date(f, 2, ymd(2024, 8, 5), "Chuyển quý").code, ERR_OK);
	x = get(f, 2);
	assert_true(x.late);
	assert_string_equal(x.late_reason, "Chuyển quý");
	model_exemplar_free(&x);
	assert_int_equal(edit_date(f, 2, ymd(2024, 10, 6), "Chuyển quý").code, ERR_OK);
	x = get(f, 2);
	assert_false(x.late);
	assert_null(x.late_reason);
	model_exemplar_free(&x);

	act_as(f, "an", ymd(2024, 11, 20));
	uint32_t v = version_of(f, 1);
	e = edit_date(f, 1, ymd(2024, 8, 2), NULL);
	assert_int_equal(e.code, ERR_DENIED);
	assert_non_null(strstr(e.msg, "quarter III/2024 closed on 10/10/2024"));
	assert_int_equal(version_of(f, 1), v);
	e = add_refused(f, (person(&x, "p1", "Lê Văn Ba", ymd(2024, 9, 30)), &x));
	assert_int_equal(e.code, ERR_DENIED);
	model_exemplar_free(&x);

	act_as(f, "chief", ymd(2024, 11, 20));
	person(&xs[0], "p1", "Xuất Năm Trước", ymd(2024, 8, 3));
	xs[0].created_at = (int64_t)ymd(2024, 8, 3) * 86400 + 43200;
	person(&xs[1], "p1", "Giấy Cũ", ymd(2024, 8, 4));
	xs[1].late_reason = strdup("Danh sách giấy");
	person(&xs[2], "p2", "Quý Này", ymd(2024, 10, 7));
	xs[2].late_reason = strdup("Danh sách giấy");
	assert_int_equal(batch_add(f->r, xs, 3, "nhap.csv", false, &pr, &np, &e), 0);
	free(pr);
	for (size_t i = 0; i < 3; i++) {
		struct exemplar y = get(f, xs[i].id);
		assert_int_equal(y.late, i == 1);
		if (i == 1)
			assert_string_equal(y.late_reason, "Danh sách giấy");
		else
			assert_null(y.late_reason);
		model_exemplar_free(&y);
		model_exemplar_free(&xs[i]);
	}
	assert_check_clean(f->r);
}

static void test_returned_counters_follow_status(void **state)
{
	struct fx *f = *state;
	uint64_t a = add_ok(f, "p1", "A", ymd(2024, 8, 1));
	struct store_counts c;
	struct err e = { 0 };

	add_ok(f, "p1", "B", ymd(2024, 8, 2));
	assert_int_equal(register_return(f->r, a, "Thiếu ảnh", &e), 0);
	c = counts(f, 2024, 3, "p1");
	assert_int_equal(c.total, 2);
	assert_int_equal(c.by_status[STATUS_RETURNED], 1);
	assert_int_equal(c.by_status[STATUS_INTRODUCED], 1);
	assert_int_equal(register_resubmit(f->r, a, &e), 0);
	c = counts(f, 2024, 3, "p1");
	assert_int_equal(c.by_status[STATUS_RETURNED], 0);
	assert_int_equal(c.by_status[STATUS_INTRODUCED], 2);
}

/* ---- roles at the door -------------------------------------------------------------- */

static void test_open_refuses_account_without_role(void **state)
{
	struct fx *f = *state;
	struct reg *r = (struct reg *)1;
	struct err e = { 0 };

	register_close(f->r);
	f->r = NULL;
	assert_int_equal(register_open(f->cfg, f->db, "khach", ymd(2025, 1, 10), 0, &r, &e), -1);
	assert_null(r);
	assert_int_equal(e.code, ERR_DENIED);
	assert_non_null(strstr(e.msg, "\"khach\""));
	assert_non_null(strstr(e.msg, "[roles]"));
	assert_non_null(strstr(e.msg, "dienhinh.ini"));
	act_as(f, "xem", ymd(2025, 1, 10));
	assert_int_equal(register_role(f->r), ROLE_VIEWER);
	assert_string_equal(register_user(f->r), "xem");
	assert_false(register_is_office(f->r));
	assert_false(register_may_add(f->r, NULL, NULL));
	act_as(f, "an", ymd(2025, 1, 10));
	assert_int_equal(register_role(f->r), ROLE_STAFF);
	assert_true(register_may_add(f->r, NULL, NULL));
	assert_true(register_may_add(f->r, "p1", NULL));
	assert_false(register_may_add(f->r, "p2", &e));
	assert_int_equal(e.code, ERR_DENIED);
	act_as(f, "chief", ymd(2025, 1, 10));
	assert_true(register_is_office(f->r));
	assert_int_equal(register_today(f->r), ymd(2025, 1, 10));
}

static void test_add_by_role(void **state)
{
	struct fx *f = *state;
	struct exemplar x;
	struct err e = { 0 };

	act_as(f, "an", ymd(2025, 1, 10));
	assert_int_equal(add_ok(f, "p1", "A", ymd(2024, 8, 1)), 1);
	person(&x, "p2", "B", ymd(2024, 8, 1));
	assert_int_equal(register_add(f->r, &x, NULL, &e), -1);
	assert_int_equal(e.code, ERR_DENIED);
	assert_non_null(strstr(e.msg, "(staff: p1)"));
	assert_non_null(strstr(e.msg, "Phường Hai"));
	model_exemplar_free(&x);
	act_as(f, "binh", ymd(2025, 1, 10));
	assert_int_equal(add_ok(f, "p2", "B", ymd(2024, 8, 1)), 2);
	act_as(f, "xem", ymd(2025, 1, 10));
	person(&x, "p1", "C", ymd(2024, 8, 1));
	assert_int_equal(register_add(f->r, &x, NULL, &e), -1);
	assert_int_equal(e.code, ERR_DENIED);
	model_exemplar_free(&x);
	assert_int_equal(n_records(f), 2);
}

/* ---- batches ------------------------------------------------------------------------- */

static void free_records(struct exemplar *xs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		model_exemplar_free(&xs[i]);
}

static void test_batch_all_or_nothing(void **state)
{
	struct fx *f = *state;
	struct exemplar xs[4];
	struct batch_problem *pr = NULL;
	size_t np = 0;
	struct err e = { 0 };

	person(&xs[0], "p1", "A", ymd(2024, 8, 1));
	person(&xs[1], "nowhere", "B", ymd(2024, 8, 1));
	person(&xs[2], "p2", "C", ymd(2024, 8, 1));
	person(&xs[3], "p2", "D\x1b", ymd(2024, 8, 1));
	assert_int_equal(batch_add(f->r, xs, 4, "nhap.csv", false, &pr, &np, &e), -1);
	assert_int_equal(e.code, ERR_INVALID);
	assert_non_null(strstr(e.msg, "2 records"));
	/* a bad text and an unknown unit: both listed at once, in record order */
	assert_int_equal(np, 2);
	assert_int_equal(pr[0].index, 1);
	assert_string_equal(pr[0].err.field, "unit");
	assert_int_equal(pr[1].index, 3);
	assert_string_equal(pr[1].err.field, "name");
	free(pr);
	assert_int_equal(n_records(f), 0);
	free(xs[3].name);
	xs[3].name = strdup("D");
	assert_int_equal(batch_add(f->r, xs, 4, "nhap.csv", false, &pr, &np, &e), -1);
	assert_int_equal(np, 1);
	assert_int_equal(pr[0].index, 1);
	free(pr);
	assert_int_equal(n_records(f), 0);
	snprintf(xs[1].unit, sizeof xs[1].unit, "tp");
	assert_int_equal(batch_add(f->r, xs, 4, "nhap.csv", false, &pr, &np, &e), 0);
	assert_int_equal(np, 0);
	free(pr);
	assert_int_equal(n_records(f), 4);
	free_records(xs, 4);
}

static void test_batch_lists_every_problem(void **state)
{
	struct fx *f = *state;
	struct exemplar xs[5];
	struct batch_problem *pr = NULL;
	size_t np = 0;
	struct err e = { 0 };

	act_as(f, "chief", ymd(2025, 9, 1));
	add_ok(f, "p2", "E", ymd(2024, 8, 1));
	person(&xs[0], "nowhere", "A", ymd(2024, 8, 1));
	person(&xs[1], "p1", "B", ymd(2024, 8, 1));
	person(&xs[2], "p1", "C", ymd(2025, 8, 1));  /* p1 closed */
	person(&xs[3], "p1", "B", ymd(2024, 8, 1));  /* same as xs[1] */
	person(&xs[4], "p2", "E", ymd(2024, 8, 1));  /* already recorded */
	assert_int_equal(batch_add(f->r, xs, 5, "x.csv", false, &pr, &np, &e), -1);
	assert_int_equal(np, 4);
	assert_int_equal(pr[0].index, 0);
	assert_string_equal(pr[0].err.field, "unit");
	assert_int_equal(pr[1].index, 2);
	assert_string_equal(pr[1].err.field, "unit");
	/* the same words as a single add: the date, and where the unit went */
	assert_non_null(strstr(pr[1].err.msg, "was not active on 01/08/2025"));
	assert_non_null(strstr(pr[1].err.msg, "successor is \"p3\""));
	assert_int_equal(pr[2].index, 3);
	assert_int_equal(pr[2].err.code, ERR_DUPLICATE);
	assert_int_equal(pr[3].index, 4);
	assert_int_equal(pr[3].err.code, ERR_DUPLICATE);
	assert_non_null(strstr(e.msg, "4 records"));
	free(pr);
	assert_int_equal(n_records(f), 1);
	assert_int_equal(counts(f, 2024, 3, "p1").total, 0);
	free_records(xs, 5);
}

static void test_batch_dry_run_writes_nothing(void **state)
{
	struct fx *f = *state;
	struct exemplar xs[2];
	struct batch_problem *pr = NULL;
	size_t np = 7;
	struct err e = { 0 };
	struct entries es;

	person(&xs[0], "p1", "A", ymd(2024, 8, 1));
	person(&xs[1], "p2", "B", ymd(2024, 8, 1));
	assert_int_equal(batch_add(f->r, xs, 2, "x.csv", true, &pr, &np, &e), 0);
	assert_int_equal(np, 0);
	free(pr);
	assert_int_equal(n_records(f), 0);
	load_audit(f, 0, &es);
	for (size_t i = 0; i < es.n; i++)
		assert_string_not_equal(es.v[i].op, "import");
	free_audit(&es);
	free_records(xs, 2);
}

static void test_batch_writes_with_one_audit_entry(void **state)
{
	struct fx *f = *state;
	struct exemplar xs[3], y;
	struct batch_problem *pr = NULL;
	size_t np = 0;
	struct err e = { 0 };
	struct entries es;

	person(&xs[0], "p1", "A", ymd(2024, 8, 1));
	person(&xs[1], "p2", "B", ymd(2024, 8, 1));
	person(&xs[2], "p2", "C", ymd(2024, 8, 1));
	/* an exported record keeps what it carries */
	xs[2].status = STATUS_ACCEPTED;
	xs[2].version = 4;
	snprintf(xs[2].created_by, sizeof xs[2].created_by, "cu");
	xs[2].created_at = 1700000000;
	assert_int_equal(batch_add(f->r, xs, 3, "nhap.csv", false, &pr, &np, &e), 0);
	assert_int_equal(np, 0);
	free(pr);
	assert_int_equal(n_records(f), 3);
	y = get(f, xs[2].id);
	assert_string_equal(y.name, "C");
	assert_int_equal(y.status, STATUS_ACCEPTED);
	assert_int_equal(y.version, 4);
	assert_string_equal(y.created_by, "cu");
	assert_string_equal(y.updated_by, "cu");
	assert_int_equal(y.created_at, 1700000000);
	model_exemplar_free(&y);
	y = get(f, xs[0].id);
	assert_int_equal(y.status, STATUS_INTRODUCED);
	assert_int_equal(y.version, 1);
	assert_string_equal(y.created_by, "chief");
	model_exemplar_free(&y);
	assert_int_equal(counts(f, 2024, 3, "p2").by_status[STATUS_ACCEPTED], 1);
	for (int i = 0; i < 3; i++) {
		load_audit(f, xs[i].id, &es);
		assert_int_equal(es.n, 1);
		assert_string_equal(es.v[0].op, "import");
		assert_non_null(strstr(es.v[0].note, "nhap.csv"));
		free_audit(&es);
	}
	free_records(xs, 3);
}

static void test_batch_ids_kept_or_given(void **state)
{
	struct fx *f = *state;
	struct exemplar xs[3];
	struct batch_problem *pr = NULL;
	size_t np = 0;
	struct err e = { 0 };
	struct exemplar y;

	add_ok(f, "p1", "Z", ymd(2024, 8, 1)); /* id 1 */
	/* a kept free id, an id already taken, and none */
	person(&xs[0], "p1", "A", ymd(2024, 8, 1));
	xs[0].id = 5;
	person(&xs[1], "p1", "B", ymd(2024, 8, 1));
	xs[1].id = 1;
	person(&xs[2], "p1", "C", ymd(2024, 8, 1));
	assert_int_equal(batch_add(f->r, xs, 3, "x.csv", false, &pr, &np, &e), 0);
	free(pr);
	assert_int_equal(xs[0].id, 5);
	assert_true(xs[1].id != 1 && xs[1].id != 5);
	assert_true(xs[2].id != 1 && xs[2].id != 5 && xs[2].id != xs[1].id);
	assert_int_equal(n_records(f), 4);
	y = get(f, 1);
	assert_string_equal(y.name, "Z");
	model_exemplar_free(&y);
	/* later adds get ids above every kept one */
	assert_true(add_ok(f, "p1", "D", ymd(2024, 8, 1)) > 5);
	free_records(xs, 3);
}

static void test_batch_kept_id_before_new_one(void **state)
{
	struct fx *f = *state;
	struct exemplar xs[2], y;
	struct batch_problem *pr = NULL;
	size_t np = 0;
	struct err e = { 0 };

	/* in an empty register, a record keeping number 1 and then one without a number */
	person(&xs[0], "p1", "A", ymd(2024, 8, 1));
	xs[0].id = 1;
	person(&xs[1], "p1", "B", ymd(2024, 8, 1));
	assert_int_equal(batch_add(f->r, xs, 2, "x.csv", false, &pr, &np, &e), 0);
	free(pr);
	assert_int_equal(xs[0].id, 1);
	assert_true(xs[1].id != 1);
	assert_int_equal(n_records(f), 2);
	y = get(f, 1);
	assert_string_equal(y.name, "A");
	model_exemplar_free(&y);
	y = get(f, xs[1].id);
	assert_string_equal(y.name, "B");
	model_exemplar_free(&y);
	assert_int_equal(counts(f, 2024, 3, "p1").total, 2);
	free_records(xs, 2);
}

/* Records are appended to the end of the records' index; a kept number
 * below the highest one must still find its place. */
static void test_batch_kept_id_below_others(void **state)
{
	struct fx *f = *state;
	struct exemplar xs[1], y;
	struct batch_problem *pr = NULL;
	size_t np = 0;
	struct err e = { 0 };

	person(&xs[0], "p1", "A", ymd(2024, 8, 1));
	xs[0].id = 10;
	assert_int_equal(batch_add(f->r, xs, 1, "x.csv", false, &pr, &np, &e), 0);
	free(pr);
	free_records(xs, 1);
	person(&xs[0], "p1", "B", ymd(2024, 8, 1));
	xs[0].id = 4;
	pr = NULL;
	assert_int_equal(batch_add(f->r, xs, 1, "y.csv", false, &pr, &np, &e), 0);
	free(pr);
	assert_int_equal(xs[0].id, 4);
	assert_int_equal(n_records(f), 2);
	y = get(f, 4);
	assert_string_equal(y.name, "B");
	model_exemplar_free(&y);
	y = get(f, 10);
	assert_string_equal(y.name, "A");
	model_exemplar_free(&y);
	/* the next new number is above both */
	assert_int_equal(add_ok(f, "p1", "C", ymd(2024, 8, 1)), 11);
	free_records(xs, 1);
}

static void test_batch_reimport_is_duplicate(void **state)
{
	struct fx *f = *state;
	struct exemplar xs[1];
	struct batch_problem *pr = NULL;
	size_t np = 0;
	struct err e = { 0 };

	uint64_t id = add_ok(f, "p1", "A", ymd(2024, 8, 1));
	/* the same record coming back with its own number, as from an export */
	person(&xs[0], "p1", "A", ymd(2024, 8, 1));
	xs[0].id = id;
	assert_int_equal(batch_add(f->r, xs, 1, "x.csv", false, &pr, &np, &e), -1);
	assert_int_equal(np, 1);
	assert_int_equal(pr[0].err.code, ERR_DUPLICATE);
	free(pr);
	assert_int_equal(n_records(f), 1);
	free_records(xs, 1);
}

static void test_batch_office_only(void **state)
{
	struct fx *f = *state;
	struct exemplar xs[1];
	struct batch_problem *pr = (struct batch_problem *)1;
	size_t np = 9;
	struct err e = { 0 };

	person(&xs[0], "p1", "A", ymd(2024, 8, 1));
	act_as(f, "an", ymd(2025, 1, 10));
	assert_int_equal(batch_add(f->r, xs, 1, "x.csv", false, &pr, &np, &e), -1);
	assert_int_equal(e.code, ERR_DENIED);
	assert_null(pr);
	assert_int_equal(np, 0);
	assert_int_equal(n_records(f), 0);
	free_records(xs, 1);
}

/* ---- batches written in list order ---------------------------------------------- */

/* Print each problem `check` finds, so that a failure says what it was. */
static void show_problem(const char *problem, void *ctx)
{
	(void)ctx;
	fprintf(stderr, "check: %s\n", problem);
}

/* `dienhinh check` finds nothing wrong. */
static void assert_check_clean(struct reg *r)
{
	struct err e = { 0 };
	int cleared;

	assert_int_equal(check_run(register_store(r), show_problem, NULL, &cleared, NULL, &e), 0);
}

/* The stored record `id` is exactly x: the same encoding, field for field. */
static void assert_stored_as(struct fx *f, uint64_t id, const struct exemplar *x)
{
	struct exemplar y = get(f, id);
	struct buf a = { 0 }, b = { 0 };

	assert_int_equal(codec_encode_exemplar(&y, &a), 0);
	assert_int_equal(codec_encode_exemplar(x, &b), 0);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.data, b.data, a.len);
	buf_free(&a);
	buf_free(&b);
	model_exemplar_free(&y);
}

/*
 * The ids of the list index, in list order (unit NULL: every unit), and
 * when `nums` is set, the number that ends each name ("... 0042": 42).
 */
struct list_ids {
	uint64_t *v;
	size_t n, cap;
	const char *unit;
	size_t *nums;
};

static int list_id_cb(const struct list_row *row, void *p)
{
	struct list_ids *l = p;

	assert_true(l->n < l->cap);
	if (l->nums)
		l->nums[l->n] = strtoul(row->name + strlen(row->name) - 4, NULL, 10);
	l->v[l->n++] = row->id;
	return 0;
}

static int list_txn(struct store_txn *t, void *p, struct err *e)
{
	struct list_ids *l = p;

	return store_scan_list(t, l->unit, NULL, 0, false, list_id_cb, l, e);
}

static void load_list(struct fx *f, struct list_ids *l)
{
	struct err e = { 0 };

	l->n = 0;
	if (store_read(register_store(f->r), list_txn, l, &e))
		fail_msg("%s", e.msg);
}

/*
 * Rows out of list order get their numbers in file order all the same,
 * and each is stored as it came, listed where it belongs.
 */
/*
 * A batch large enough to be checked on two threads, each over half the
 * records: the problems of both halves come back in the file's order, and
 * once they are put right every record is cleaned and written as a batch
 * done in one piece writes it (check compares each index entry with the
 * keys the record makes).
 */
#define LARGE_BATCH 5000

static void test_batch_large_in_two_halves(void **state)
{
	struct fx *f = *state;
	struct exemplar *xs = calloc(LARGE_BATCH, sizeof *xs);
	static const size_t bad[] = { 10, 2499, 2500, 4999 };
	struct batch_problem *pr = NULL;
	size_t np = 0;
	struct err e = { 0 };
	char name[64];

	assert_non_null(xs);
	for (size_t i = 0; i < LARGE_BATCH; i++) {
		snprintf(name, sizeof name, i == 3000 ? "Nguye\xcc\x82\xcc\x83n Thi %zu" :
			 "Nguyễn Văn Số %zu", i);
		person(&xs[i], i % 2 ? "p1" : "p2", name, ymd(2024, 8, 1 + (int)(i % 28)));
	}
	for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
		free(xs[bad[k]].name);
		xs[bad[k]].name = strdup(k % 2 ? "Lê\tThị" : "");
	}
	assert_int_equal(batch_add(f->r, xs, LARGE_BATCH, "lon.csv", false, &pr, &np, &e), -1);
	assert_int_equal(np, sizeof bad / sizeof bad[0]);
	for (size_t k = 0; k < np; k++) {
		assert_int_equal(pr[k].index, bad[k]);
		assert_string_equal(pr[k].err.field, "name");
	}
	free(pr);
	assert_int_equal(n_records(f), 0);

	for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
		free(xs[bad[k]].name);
		snprintf(name, sizeof name, "Trần Thị Sửa %zu", k);
		xs[bad[k]].name = strdup(name);
	}
	assert_int_equal(batch_add(f->r, xs, LARGE_BATCH, "lon.csv", false, &pr, &np, &e), 0);
	assert_int_equal(np, 0);
	free(pr);
	assert_int_equal(n_records(f), LARGE_BATCH);
	for (size_t i = 0; i < LARGE_BATCH; i++) {
		assert_int_equal(xs[i].id, i + 1); /* ids in the file's order, over both halves */
		if (i % 499 == 0 || i == 3000)
			assert_stored_as(f, i + 1, &xs[i]);
	}
	assert_string_equal(xs[3000].name, "Nguy\xe1\xbb\x85n Thi 3000"); /* cleaned to NFC */
	assert_check_clean(f->r);

	/* The same records again: every one is a duplicate, and each is listed once, in order. */
	for (size_t i = 0; i < LARGE_BATCH; i++)
		xs[i].id = 0;
	assert_int_equal(batch_add(f->r, xs, LARGE_BATCH, "lon.csv", false, &pr, &np, &e), -1);
	assert_int_equal(np, LARGE_BATCH);
	for (size_t k = 0; k < np; k++) {
		assert_int_equal(pr[k].index, k);
		assert_int_equal(pr[k].err.code, ERR_DUPLICATE);
	}
	free(pr);
	assert_int_equal(n_records(f), LARGE_BATCH);
	free_records(xs, LARGE_BATCH);
	free(xs);
}

static void test_batch_ids_follow_the_file(void **state)
{
	struct fx *f = *state;
	struct exemplar xs[5];
	struct batch_problem *pr = NULL;
	size_t np = 0;
	struct err e = { 0 };
	uint64_t got[8];
	struct list_ids l = { got, 0, 8, NULL, NULL };

	assert_int_equal(add_ok(f, "p1", "Giang", ymd(2024, 8, 1)), 1);
	person(&xs[0], "p2", "Dung", ymd(2024, 8, 1));
	person(&xs[1], "p1", "Chi", ymd(2024, 8, 1));
	person(&xs[2], "p1", "An", ymd(2024, 5, 2));
	person(&xs[3], "p2", "Binh", ymd(2024, 11, 30));
	person(&xs[4], "p1", "Em", ymd(2024, 8, 1));
	xs[4].status = STATUS_ACCEPTED;
	free(xs[4].achievements);
	xs[4].achievements = strdup("Hoàn thành xuất sắc nhiệm vụ năm 2024.");
	assert_int_equal(batch_add(f->r, xs, 5, "x.csv", false, &pr, &np, &e), 0);
	assert_int_equal(np, 0);
	free(pr);
	/* 2, 3, 4... in the file's order, not the list's (An would be first) */
	for (size_t i = 0; i < 5; i++) {
		assert_int_equal(xs[i].id, i + 2);
		assert_stored_as(f, i + 2, &xs[i]);
	}
	assert_int_equal(n_records(f), 6);
	/* p1: An 4, Chi 3, Em 6, Giang 1; then p2: Binh 5, Dung 2 */
	load_list(f, &l);
	assert_int_equal(l.n, 6);
	assert_int_equal(got[0], 4);
	assert_int_equal(got[1], 3);
	assert_int_equal(got[2], 6);
	assert_int_equal(got[3], 1);
	assert_int_equal(got[4], 5);
	assert_int_equal(got[5], 2);
	assert_int_equal(counts(f, 2024, 3, "p1").total, 3);
	assert_int_equal(counts(f, 2024, 2, "p1").total, 1);
	assert_int_equal(counts(f, 2024, 4, "p2").total, 1);
	assert_int_equal(counts(f, 2024, 3, "p1").by_status[STATUS_ACCEPTED], 1);
	assert_check_clean(f->r);
	/* the next new number comes after the batch's */
	assert_int_equal(add_ok(f, "p2", "Hoa", ymd(2024, 8, 1)), 7);
	free_records(xs, 5);
}

/* A number kept twice in one file: the second row gets a new one. */
static void test_batch_kept_id_twice(void **state)
{
	struct fx *f = *state;
	struct exemplar xs[3];
	struct batch_problem *pr = NULL;
	size_t np = 0;
	struct err e = { 0 };

	person(&xs[0], "p1", "Xuan", ymd(2024, 8, 1));
	xs[0].id = 7;
	person(&xs[1], "p1", "Anh", ymd(2024, 8, 1));
	xs[1].id = 7;
	person(&xs[2], "p1", "Mai", ymd(2024, 8, 1));
	assert_int_equal(batch_add(f->r, xs, 3, "x.csv", false, &pr, &np, &e), 0);
	assert_int_equal(np, 0);
	free(pr);
	/* 7 kept moves the next number to 8 */
	assert_int_equal(xs[0].id, 7);
	assert_int_equal(xs[1].id, 8);
	assert_int_equal(xs[2].id, 9);
	assert_stored_as(f, 7, &xs[0]);
	assert_stored_as(f, 8, &xs[1]);
	assert_stored_as(f, 9, &xs[2]);
	assert_int_equal(n_records(f), 3);
	assert_check_clean(f->r);
	free_records(xs, 3);
}

/* A number kept by a row that an earlier row got as a new number. */
static void test_batch_kept_id_given_earlier(void **state)
{
	struct fx *f = *state;
	struct exemplar xs[5];
	struct batch_problem *pr = NULL;
	size_t np = 0;
	struct err e = { 0 };

	assert_int_equal(add_ok(f, "p2", "Lan", ymd(2024, 8, 1)), 1);
	person(&xs[0], "p1", "Yen", ymd(2024, 8, 1));    /* new: 2 */
	person(&xs[1], "p1", "Bao", ymd(2024, 8, 1));    /* keeps 2, given above: 3 */
	xs[1].id = 2;
	person(&xs[2], "p1", "Cuc", ymd(2024, 8, 1));    /* keeps 3, given above: 4 */
	xs[2].id = 3;
	person(&xs[3], "p1", "Dao", ymd(2024, 8, 1));    /* keeps 10, free: 10, next 11 */
	xs[3].id = 10;
	person(&xs[4], "p1", "Anh", ymd(2024, 8, 1));    /* new: 11 */
	assert_int_equal(batch_add(f->r, xs, 5, "x.csv", false, &pr, &np, &e), 0);
	assert_int_equal(np, 0);
	free(pr);
	assert_int_equal(xs[0].id, 2);
	assert_int_equal(xs[1].id, 3);
	assert_int_equal(xs[2].id, 4);
	assert_int_equal(xs[3].id, 10);
	assert_int_equal(xs[4].id, 11);
	for (size_t i = 0; i < 5; i++)
		assert_stored_as(f, xs[i].id, &xs[i]);
	assert_int_equal(n_records(f), 6);
	assert_check_clean(f->r);
	free_records(xs, 5);
}

/*
 * Duplicates within a file, not next to each other and out of list order:
 * the later row is refused, under its own index, naming the earlier row's
 * number; a later row keeping a smaller number turns this round.
 */
static void test_batch_duplicates_out_of_list_order(void **state)
{
	struct fx *f = *state;
	struct exemplar xs[7];
	struct batch_problem *pr = NULL;
	size_t np = 0;
	struct err e = { 0 };

	person(&xs[0], "p1", "Minh", ymd(2024, 8, 1));   /* 1 */
	person(&xs[1], "p1", "Anh", ymd(2024, 8, 1));    /* 2 */
	person(&xs[2], "p1", "Minh", ymd(2024, 8, 1));   /* 3: the same as row 0 */
	person(&xs[3], "p1", "Minh", ymd(2024, 9, 1));   /* 4: another date */
	person(&xs[4], "p1", "Anh", ymd(2024, 8, 1));    /* 5: the same as row 1 */
	person(&xs[5], "p2", "Thu", ymd(2024, 8, 1));    /* keeps 40 */
	xs[5].id = 40;
	person(&xs[6], "p2", "Thu", ymd(2024, 8, 1));    /* keeps 20: comes first */
	xs[6].id = 20;
	assert_int_equal(batch_add(f->r, xs, 7, "x.csv", false, &pr, &np, &e), -1);
	assert_int_equal(e.code, ERR_INVALID);
	assert_int_equal(np, 3);
	assert_int_equal(pr[0].index, 2);
	assert_int_equal(pr[0].err.code, ERR_DUPLICATE);
	assert_non_null(strstr(pr[0].err.msg, "Minh of Phường Một")); /* the unit by its name */
	assert_non_null(strstr(pr[0].err.msg, "number 1."));
	assert_int_equal(pr[1].index, 4);
	assert_int_equal(pr[1].err.code, ERR_DUPLICATE);
	assert_non_null(strstr(pr[1].err.msg, "number 2."));
	/* row 6 keeps 20, below the 40 of row 5: row 5 is the one refused */
	assert_int_equal(pr[2].index, 5);
	assert_int_equal(pr[2].err.code, ERR_DUPLICATE);
	assert_non_null(strstr(pr[2].err.msg, "Thu of Phường Hai"));
	assert_non_null(strstr(pr[2].err.msg, "number 20."));
	free(pr);
	assert_int_equal(n_records(f), 0);
	free_records(xs, 7);
}

/*
 * A batch larger than the map: store_write() grows the map and runs the
 * batch again, which must give the same numbers and write every record
 * once.  The map starts at 1 MiB; the records' long achievements (about
 * 4 KiB each) make the batch outgrow it, so that it runs again, and a
 * larger map at the end shows it did.  Row 0 keeps 10000 and row N/2 keeps 5 (both free): a run that
 * remembered the numbers of the one before would take them as given
 * already and hand out new ones.  The names put the list order far from
 * the file's: row i is named after i * STEP % N.
 */
static void test_batch_run_again_after_growth(void **state)
{
	enum { N = 3000, STEP = 7919 }; /* coprime: i * STEP % N is a permutation */
	struct fx *f = *state;
	struct exemplar *xs = calloc(N, sizeof *xs);
	uint64_t *got = calloc(N, sizeof *got);
	size_t *nums = calloc(N, sizeof *nums), *row_of = calloc(N, sizeof *row_of);
	struct list_ids l = { got, 0, N, "p2", nums };
	struct batch_problem *pr = NULL;
	size_t np = 0, map, file, before;
	struct err e = { 0 };
	char name[64], long_text[4001];

	assert_true(xs && got && nums && row_of);
	memset(long_text, 'a', sizeof long_text - 1);
	long_text[sizeof long_text - 1] = 0;
	memcpy(long_text, "Nhiều năm liền", strlen("Nhiều năm liền"));
	/* the town with the map starting at 1 MiB */
	fx_config(f, "[dienhinh]\ndatabase = db\nmap_size_mb = 1\n" FIXTURE_TOWN);
	act_as(f, "chief", ymd(2025, 1, 10));
	for (size_t i = 0; i < N; i++) {
		snprintf(name, sizeof name, "Nguyễn Văn %04zu", i * STEP % N);
		row_of[i * STEP % N] = i;
		person(&xs[i], "p2", name, ymd(2024, 8, 1));
		free(xs[i].achievements);
		xs[i].achievements = strdup(long_text);
	}
	xs[0].id = 10000;
	xs[N / 2].id = 5;
	store_sizes(register_store(f->r), &before, &file);
	assert_int_equal(before, (size_t)1 << 20);
	assert_int_equal(batch_add(f->r, xs, N, "lon.csv", false, &pr, &np, &e), 0);
	assert_int_equal(np, 0);
	free(pr);
	store_sizes(register_store(f->r), &map, &file);
	assert_true(map > before);
	assert_int_equal(n_records(f), N);
	/* 10000 kept moves the next number to 10001; 5 kept leaves it */
	assert_int_equal(xs[0].id, 10000);
	for (size_t i = 1; i < N / 2; i++)
		assert_int_equal(xs[i].id, 10000 + i);
	assert_int_equal(xs[N / 2].id, 5);
	for (size_t i = N / 2 + 1; i < N; i++)
		assert_int_equal(xs[i].id, 10000 + i - 1);
	assert_stored_as(f, 10000, &xs[0]);
	assert_stored_as(f, 5, &xs[N / 2]);
	assert_stored_as(f, 10000 + N - 2, &xs[N - 1]);
	load_list(f, &l);
	assert_int_equal(l.n, N);
	for (size_t k = 0; k < N; k++) {
		assert_int_equal(nums[k], k);
		assert_int_equal(got[k], xs[row_of[k]].id);
	}
	assert_int_equal(counts(f, 2024, 3, "p2").total, N);
	assert_check_clean(f->r);
	assert_int_equal(add_ok(f, "p2", "Hoa", ymd(2024, 8, 1)), 10000 + N - 1);
	free_records(xs, N);
	free(xs);
	free(got);
	free(nums);
	free(row_of);
}

/* ---- units from the config ---------------------------------------------------------- */

static void test_units_synced_at_open(void **state)
{
	struct fx *f = *state;
	struct unit_list ul;
	struct err e = { 0 };
	const struct unit *u;

	assert_int_equal(register_units(f->r, &ul, &e), 0);
	assert_int_equal(ul.n, 5);
	assert_string_equal(ul.v[0].code, "p1");
	assert_string_equal(ul.v[3].code, "tp");
	assert_string_equal(ul.v[4].code, "ca");
	u = units_find(&ul, "p1");
	assert_string_equal(u->name, "Phường Một");
	assert_int_equal(u->quota, 2);
	assert_int_equal(u->active_to, ymd(2025, 6, 30));
	assert_string_equal(u->successor, "p3");
	units_free(&ul);
}

/* A register opened read only reads, refuses a write (a program error: the
 * command line opens so only for commands that read), and still brings the
 * units in line with a changed config, opening for writing to do it. */
static void test_read_only_open(void **state)
{
	struct fx *f = *state;
	struct reg *ro;
	struct err e = { 0 };
	struct exemplar x;
	struct unit_list ul;
	char *raised = strdup(config_text), *at = strstr(raised, "Phường Hai\"\nkind = ward\nquota = 2");

	assert_int_equal(add_ok(f, "p1", "Trần Thị Ánh", ymd(2024, 8, 1)), 1);
	register_close(f->r);
	f->r = NULL;
	assert_int_equal(register_open(f->cfg, f->db, "chief", ymd(2025, 1, 10), REG_READ_ONLY,
				       &ro, &e), 0);
	model_exemplar_init(&x);
	assert_int_equal(register_get(ro, 1, &x, &e), 0);
	assert_string_equal(x.name, "Trần Thị Ánh");
	model_exemplar_free(&x);
	person(&x, "p2", "Lê Văn Bình", ymd(2024, 9, 1));
	assert_int_equal(register_add(ro, &x, NULL, &e), -1);
	assert_int_equal(e.code, ERR_STORE);
	model_exemplar_free(&x);
	register_close(ro);

	assert_non_null(at);
	at[strlen("Phường Hai\"\nkind = ward\nquota = ")] = '3';
	fx_config(f, raised);
	free(raised);
	assert_int_equal(register_open(f->cfg, f->db, "chief", ymd(2025, 1, 10), REG_READ_ONLY,
				       &ro, &e), 0);
	assert_int_equal(register_units(ro, &ul, &e), 0);
	assert_int_equal(units_find(&ul, "p2")->quota, 3);
	units_free(&ul);
	register_close(ro);
	act_as(f, "chief", ymd(2025, 1, 10));
	assert_int_equal(n_records(f), 1);
}

static void test_edit_into_duplicate_refused(void **state)
{
	struct fx *f = *state;
	struct err e = { 0 };

	assert_int_equal(add_ok(f, "p1", "Trần Thị Ánh", ymd(2024, 8, 1)), 1);
	assert_int_equal(add_ok(f, "p1", "Lê Văn Bình", ymd(2024, 8, 1)), 2);
	struct exemplar x = get(f, 2);
	free(x.name);
	x.name = strdup("Trần Thị Ánh");
	assert_int_equal(register_edit(f->r, &x, NULL, &e), -1);
	assert_int_equal(e.code, ERR_DUPLICATE);
	assert_non_null(strstr(e.msg, "number 1"));
	model_exemplar_free(&x);
	/* saving a record unchanged but for another field is not a duplicate of itself */
	x = get(f, 1);
	free(x.position);
	x.position = strdup("Giáo viên");
	assert_int_equal(register_edit(f->r, &x, NULL, &e), 0);
	model_exemplar_free(&x);
	x = get(f, 2);
	assert_string_equal(x.name, "Lê Văn Bình");
	model_exemplar_free(&x);
}

static void test_propagation_not_before_introduction(void **state)
{
	struct fx *f = *state;
	struct err e = { 0 };
	uint64_t id = add_ok(f, "p1", "Trần Thị Ánh", ymd(2024, 8, 1));
	struct propagation p = { CHANNEL_RADIO, ymd(2024, 7, 31), NULL, "", 0 };

	assert_int_equal(register_accept(f->r, id, &e), 0);
	assert_int_equal(register_propagate(f->r, id, &p, &e), -1);
	assert_string_equal(e.field, "date");
	p.date = ymd(2024, 8, 1);
	assert_int_equal(register_propagate(f->r, id, &p, &e), 0);
	struct exemplar x = get(f, id);
	assert_int_equal(x.n_propagations, 1);
	assert_int_equal(x.propagations[0].date, ymd(2024, 8, 1));
	model_exemplar_free(&x);
}

#if OOM_SWEEPS
static void count_problem(const char *problem, void *ctx)
{
	(void)problem;
	++*(int *)ctx;
}

/*
 * A record's whole life while memory runs out (oom.h): a new register is
 * opened, a person added, returned, introduced again, accepted, propagated,
 * proposed, commended and edited.  Each run has a database of its own
 * (oom_run_dir).  Whatever step a refusal stops, `check` must find nothing
 * wrong with what was written before it.
 */
struct life_run {
	struct fx *f;
	char dir[64];
	struct reg *r;
	struct exemplar x;
	uint64_t id;
	struct err e;
};

static int life_run(void *p)
{
	struct life_run *l = p;
	struct commendation c = { "Giấy khen", "12/QĐ-UBND", ymd(2024, 12, 20), "Nguyễn Văn Tư" };
	struct propagation pr = { CHANNEL_RADIO, ymd(2024, 12, 1), "Chuyên mục số 12", "", 0 };
	struct propagation pr2 = { CHANNEL_PORTAL, ymd(2024, 12, 2), "Trang tin", "", 0 };
	struct commendation fix = { NULL, NULL, DATE_NONE, "Nguyễn Văn Tư, Chủ tịch" };
	char db[96];

	oom_run_dir(l->dir);
	snprintf(db, sizeof db, "%s/db", l->dir);
	oom.spare = true;
	person(&l->x, "p1", "Nguyễn Thị Hoa", ymd(2024, 11, 2));
	oom.spare = false;
	l->r = NULL;
	l->id = 0;
	if (register_open(l->f->cfg, db, "chief", ymd(2025, 1, 10), REG_CREATE, &l->r, &l->e) ||
	    register_add(l->r, &l->x, NULL, &l->e))
		return -1;
	l->id = l->x.id;
	if (register_return(l->r, l->id, "Thiếu xác nhận của khu phố", &l->e) ||
	    register_resubmit(l->r, l->id, &l->e) ||
	    register_accept(l->r, l->id, &l->e) ||
	    register_propagate(l->r, l->id, &pr, &l->e) ||
	    register_propose(l->r, l->id, ymd(2024, 12, 10), &l->e) ||
	    register_commend(l->r, l->id, &c, &l->e) ||
	    register_correct_commendation(l->r, l->id, &fix, "Ghi rõ chức vụ", &l->e) ||
	    register_propagate(l->r, l->id, &pr2, &l->e) ||
	    register_remove_propagation(l->r, l->id, 1, "Ghi nhầm", &l->e))
		return -1;
	model_exemplar_free(&l->x);
	if (register_get(l->r, l->id, &l->x, &l->e))
		return -1;
	free(l->x.position);
	l->x.position = NULL;
	return register_edit(l->r, &l->x, NULL, &l->e);
}

/* `check` finds nothing wrong; then everything goes. */
static void life_end(struct life_run *l)
{
	if (l->r)
		assert_check_clean(l->r);
	model_exemplar_free(&l->x);
	register_close(l->r);
	oom_remove_dir(l->dir);
}

static void life_failed(void *p)
{
	struct life_run *l = p;

	oom_expect_said(&l->e);
	life_end(l);
}

static void life_done(void *p)
{
	struct life_run *l = p;
	struct exemplar y;
	struct err e = { 0 };

	model_exemplar_init(&y);
	assert_int_equal(register_get(l->r, l->id, &y, &e), 0);
	assert_int_equal(y.status, STATUS_COMMENDED);
	assert_int_equal(y.n_propagations, 1);
	assert_int_equal(y.propagations[0].channel, CHANNEL_PORTAL);
	assert_string_equal(y.commendation.decision, "12/QĐ-UBND");
	assert_string_equal(y.commendation.signer, "Nguyễn Văn Tư, Chủ tịch");
	assert_null(y.position);
	model_exemplar_free(&y);
	life_end(l);
}

static void test_out_of_memory(void **state)
{
	struct life_run l = { .f = *state };

	assert_int_equal(life_run(&l), 0);
	life_done(&l);
	assert_true(oom_sweep(life_run, life_failed, life_done, &l) > 100);
}

/*
 * A restore while memory runs out: the register holds three records, the
 * backup two.  A run that fails leaves the three, sound; one that goes
 * through leaves the backup's two, sound (and the third is added again
 * for the next run).  The safety copies each run makes are cleared away.
 */
struct restore_run {
	struct fx *f;
	char backup[128], safety[512], copies[160];
	struct err e;
};

static int restore_run(void *p)
{
	struct restore_run *x = p;

	return register_restore(x->f->r, x->backup, x->safety, sizeof x->safety, &x->e);
}

static void restore_end(struct restore_run *x, size_t records)
{
	assert_int_equal(n_records(x->f), records);
	assert_check_clean(x->f->r);
	if (access(x->copies, F_OK) == 0)
		oom_remove_dir(x->copies);
}

static void restore_failed(void *p)
{
	struct restore_run *x = p;

	oom_expect_said(&x->e);
	restore_end(x, 3);
}

static void restore_done(void *p)
{
	struct restore_run *x = p;

	restore_end(x, 2);
	add_ok(x->f, "p2", "Lê Văn Cường", ymd(2024, 8, 2));
}

static void test_restore_out_of_memory(void **state)
{
	struct fx *f = *state;
	struct restore_run x = { .f = f };
	struct err e = { 0 };

	add_ok(f, "p1", "Nguyễn Thị Hoa", ymd(2024, 11, 2));
	add_ok(f, "p2", "Trần Văn Bình", ymd(2024, 5, 2));
	snprintf(x.backup, sizeof x.backup, "%s/backup", f->dir);
	snprintf(x.copies, sizeof x.copies, "%s/safety", f->db);
	assert_int_equal(register_backup(f->r, x.backup, &e), 0);
	add_ok(f, "p2", "Lê Văn Cường", ymd(2024, 8, 2));
	assert_true(oom_sweep(restore_run, restore_failed, restore_done, &x) > 20);
}

/* `check` itself while memory runs out: never a problem that is not there. */
struct check_run {
	struct store *s;
	int problems, cleared;
	struct err e;
};

static int check_sweep_run(void *p)
{
	struct check_run *c = p;

	c->problems = 0;
	return check_run(c->s, count_problem, &c->problems, &c->cleared, NULL, &c->e) != 0;
}

static void check_failed(void *p)
{
	struct check_run *c = p;

	if (c->e.code != ERR_NOMEM)
		fail_msg("requests %ld-%ld refused: %d problems, %s", oom.fail, oom.until,
				 c->problems, c->e.msg);
}

static void check_done(void *p)
{
	assert_int_equal(((struct check_run *)p)->problems, 0);
}

static void test_check_out_of_memory(void **state)
{
	struct fx *f = *state;
	struct check_run c = { .s = register_store(f->r) };

	add_ok(f, "p1", "Nguyễn Thị Hoa", ymd(2024, 11, 2));
	add_ok(f, "p2", "Trần Văn Bình", ymd(2024, 5, 2));
	assert_true(oom_sweep(check_sweep_run, check_failed, check_done, &c) > 10);
}
#endif

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		T(test_add_gives_id_status_and_stamps),
		T(test_add_stores_nfc),
		T(test_add_refusals_name_the_field),
		T(test_add_unit_inactive_on_date),
		T(test_add_duplicate),
		T(test_add_legacy_is_saved_and_named),
		T(test_add_legacy_refused_by_default),
		T(test_kept_legacy_stays_kept),
		T(test_add_audit_entry),
		T(test_add_counts),
		T(test_edit_saves_new_version),
		T(test_edit_without_change_writes_nothing),
		T(test_edit_conflict_on_stale_version),
		T(test_edit_from_a_version_to_come),
		T(test_edit_refusals),
		T(test_edit_unit_inactive_on_date),
		T(test_edit_by_role_and_status),
		T(test_edit_into_duplicate_refused),
		T(test_propagation_not_before_introduction),
		T(test_every_transition),
		T(test_full_path_keeps_who_when_why),
		T(test_reasons_and_details_required),
		T(test_workflow_by_role),
		T(test_staff_resubmit_other_unit_refused),
		T(test_returned_counters_follow_status),
		T(test_late_entries),
		T(test_open_refuses_account_without_role),
		T(test_add_by_role),
		T(test_batch_all_or_nothing),
		T(test_batch_lists_every_problem),

		T(test_batch_large_in_two_halves),
		T(test_batch_dry_run_writes_nothing),
		T(test_batch_writes_with_one_audit_entry),
		T(test_batch_ids_kept_or_given),
		T(test_batch_kept_id_before_new_one),
		T(test_batch_kept_id_below_others),
		T(test_batch_reimport_is_duplicate),
		T(test_batch_office_only),
		T(test_batch_ids_follow_the_file),
		T(test_batch_kept_id_twice),
		T(test_batch_kept_id_given_earlier),
		T(test_batch_duplicates_out_of_list_order),
		T(test_batch_run_again_after_growth),
		T(test_units_synced_at_open),
		T(test_read_only_open),
#if OOM_SWEEPS
		T(test_out_of_memory),
		T(test_check_out_of_memory),
		T(test_restore_out_of_memory),
#endif
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
