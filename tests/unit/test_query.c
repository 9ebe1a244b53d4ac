/* test_query.c - lists, paging, search, quota states and the audit log, through query.h. */
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

#include "fixture.h"
#include "query.h"

/*
 * Write the town of fixture.h with `settings` ("count_returned = yes\n"...)
 * and load it: count_returned, late_days and count_late are set per test;
 * quarters stay open for a year unless a test says otherwise.
 */
static void load_config(struct fx *f, const char *settings)
{
	char text[sizeof FIXTURE_TOWN + 128];

	snprintf(text, sizeof text, "[dienhinh]\n%s%s",
		 settings ? settings : "count_returned = no\nlate_days = 366\n", FIXTURE_TOWN);
	fx_config(f, text);
}

static int setup(void **state)
{
	struct fx *f = fx_new("query");

	if (!f)
		return -1;
	load_config(f, NULL);
	act_as(f, "chief", ymd(2025, 1, 10));
	*state = f;
	return 0;
}

static uint64_t add(struct fx *f, const char *unit, enum ex_category cat, const char *name,
		    date_t date)
{
	struct exemplar x;
	struct err e = { 0 };
	uint64_t id;

	model_exemplar_init(&x);
	x.type = model_category_type(cat);
	x.category = cat;
	x.date = date;
	snprintf(x.unit, sizeof x.unit, "%s", unit);
	x.name = strdup(name);
	x.achievements = strdup("Hoàn thành xuất sắc nhiệm vụ.");
	if (register_add(f->r, &x, NULL, &e))
		fail_msg("add %s: %s", name, e.msg);
	id = x.id;
	model_exemplar_free(&x);
	return id;
}

/* The sample used by the list tests. */
static void fill(struct fx *f)
{
	struct err e = { 0 };

	add(f, "p1", CAT_OFFICIAL, "Phạm Thị Đào", ymd(2024, 10, 1));         /* 1 */
	add(f, "p1", CAT_OFFICIAL, "Lê Văn Bình", ymd(2024, 7, 15));          /* 2 */
	add(f, "p1", CAT_GOOD_DEEDS, "Nguyễn Văn An", ymd(2024, 8, 1));       /* 3 */
	add(f, "p1", CAT_COMMUNITY, "Võ Văn Dũng", ymd(2024, 9, 30));         /* 4 */
	add(f, "p1", CAT_OFFICIAL, "Trần Thị Ánh", ymd(2024, 8, 2));          /* 5 */
	add(f, "p1", CAT_BUSINESS, "Hợp tác xã Tân Tiến", ymd(2024, 8, 5));   /* 6 */
	add(f, "p2", CAT_EDUCATION, "Trường Tiểu học Vĩnh Quới", ymd(2024, 8, 3)); /* 7 */
	add(f, "p2", CAT_OFFICIAL, "Nguyễn Thị Hồng", ymd(2024, 5, 1));       /* 8 */
	add(f, "ca", CAT_DEFENCE, "Đội Cảnh sát giao thông", ymd(2024, 9, 1)); /* 9 */
	assert_int_equal(register_accept(f->r, 3, &e), 0);
	assert_int_equal(register_return(f->r, 4, "Thiếu ảnh", &e), 0);
}

/* Rows collected from a scan: ids and copies of the keys. */
struct rows {
	uint64_t id[32];
	uint8_t key[32][KEYS_MAX];
	size_t key_len[32];
	size_t n, stop_after;
};

static int keep_row(const struct list_row *row, void *p)
{
	struct rows *r = p;

	assert_true(r->n < 32);
	r->id[r->n] = row->id;
	memcpy(r->key[r->n], row->key, row->key_len);
	r->key_len[r->n] = row->key_len;
	r->n++;
	return r->stop_after && r->n == r->stop_after;
}

static void scan(struct fx *f, const struct query_filter *qf, const uint8_t *from,
		 size_t from_len, bool backward, struct rows *out)
{
	struct err e = { 0 };

	out->n = 0;
	if (query_scan(f->r, qf, from, from_len, backward, keep_row, out, &e))
		fail_msg("%s", e.msg);
}

/* Compare the ids found with a list ending in 0. */
static void expect_ids(const struct rows *r, const uint64_t *want)
{
	size_t n = 0;

	while (want[n])
		n++;
	if (r->n != n) {
		char got[256] = "";
		for (size_t i = 0; i < r->n; i++)
			snprintf(got + strlen(got), sizeof got - strlen(got), " %llu",
				 (unsigned long long)r->id[i]);
		fail_msg("%zu rows (%s), want %zu", r->n, got, n);
	}
	for (size_t i = 0; i < n; i++)
		assert_int_equal(r->id[i], want[i]);
}

/* ---- lists ------------------------------------------------------------------------ */

static void test_list_order(void **state)
{
	struct fx *f = *state;
	struct query_filter qf = { 0 };
	struct rows r = { .stop_after = 0 };

	fill(f);
	scan(f, &qf, NULL, 0, false, &r);
	/* unit code (ca, p1, p2); collectives first; people by given name: An, Ánh,
	 * Bình, Dũng, Đào; then family names: Hồng */
	expect_ids(&r, (const uint64_t[]){ 9, 6, 3, 5, 2, 4, 1, 7, 8, 0 });
}

static void test_list_filters(void **state)
{
	struct fx *f = *state;
	struct rows r = { .stop_after = 0 };

	fill(f);
	scan(f, &(struct query_filter){ .unit = "p2" }, NULL, 0, false, &r);
	expect_ids(&r, (const uint64_t[]){ 7, 8, 0 });
	/* "p" is no unit, only the start of two codes: refused, not an empty list. */
	struct err e = { 0 };
	r.n = 0;
	assert_int_equal(query_scan(f->r, &(struct query_filter){ .unit = "p" }, NULL, 0, false,
				    keep_row, &r, &e), -1);
	assert_int_equal(e.code, ERR_NOTFOUND);
	assert_int_equal(r.n, 0);
	scan(f, &(struct query_filter){ .year = 2024, .quarter = 3 }, NULL, 0, false, &r);
	expect_ids(&r, (const uint64_t[]){ 9, 6, 3, 5, 2, 4, 7, 0 });
	scan(f, &(struct query_filter){ .year = 2024, .quarter = 4 }, NULL, 0, false, &r);
	expect_ids(&r, (const uint64_t[]){ 1, 0 });
	scan(f, &(struct query_filter){ .year = 2024 }, NULL, 0, false, &r);
	assert_int_equal(r.n, 9);
	scan(f, &(struct query_filter){ .year = 2023 }, NULL, 0, false, &r);
	assert_int_equal(r.n, 0);
	scan(f, &(struct query_filter){ .category = CAT_OFFICIAL }, NULL, 0, false, &r);
	expect_ids(&r, (const uint64_t[]){ 5, 2, 1, 8, 0 });
	scan(f, &(struct query_filter){ .type = TYPE_COLLECTIVE }, NULL, 0, false, &r);
	expect_ids(&r, (const uint64_t[]){ 9, 6, 7, 0 });
	scan(f, &(struct query_filter){ .status = STATUS_ACCEPTED }, NULL, 0, false, &r);
	expect_ids(&r, (const uint64_t[]){ 3, 0 });
	scan(f, &(struct query_filter){ .status = STATUS_RETURNED }, NULL, 0, false, &r);
	expect_ids(&r, (const uint64_t[]){ 4, 0 });
	scan(f, &(struct query_filter){ .unit = "p1", .year = 2024, .quarter = 3,
					.type = TYPE_INDIVIDUAL, .status = STATUS_INTRODUCED },
	     NULL, 0, false, &r);
	expect_ids(&r, (const uint64_t[]){ 5, 2, 0 });
}

static void test_search_folds(void **state)
{
	struct fx *f = *state;
	struct rows r = { .stop_after = 0 };

	fill(f);
	scan(f, &(struct query_filter){ .search = "nguyen thi hong" }, NULL, 0, false, &r);
	expect_ids(&r, (const uint64_t[]){ 8, 0 });
	scan(f, &(struct query_filter){ .search = "NGUYỄN" }, NULL, 0, false, &r);
	expect_ids(&r, (const uint64_t[]){ 3, 8, 0 });
	scan(f, &(struct query_filter){ .search = "da" }, NULL, 0, false, &r);
	expect_ids(&r, (const uint64_t[]){ 1, 0 });
	scan(f, &(struct query_filter){ .search = "đội cảnh" }, NULL, 0, false, &r);
	expect_ids(&r, (const uint64_t[]){ 9, 0 });
	/* decomposed input folds the same */
	scan(f, &(struct query_filter){ .search = "Vi\xcc\x83nh Quo\xcc\x9b\xcc\x81i" }, NULL, 0,
	     false, &r);
	expect_ids(&r, (const uint64_t[]){ 7, 0 });
	scan(f, &(struct query_filter){ .search = "van  an" }, NULL, 0, false, &r);
	expect_ids(&r, (const uint64_t[]){ 3, 0 });
	scan(f, &(struct query_filter){ .search = "" }, NULL, 0, false, &r);
	assert_int_equal(r.n, 9);
	scan(f, &(struct query_filter){ .search = "xyz" }, NULL, 0, false, &r);
	assert_int_equal(r.n, 0);
}

static void test_search_ignores_spaces_around(void **state)
{
	struct fx *f = *state;
	struct rows r = { .stop_after = 0 };

	fill(f);
	/* a space typed after the last word of a name still finds it */
	scan(f, &(struct query_filter){ .search = "vinh quoi " }, NULL, 0, false, &r);
	expect_ids(&r, (const uint64_t[]){ 7, 0 });
	scan(f, &(struct query_filter){ .search = "  nguyen van an  " }, NULL, 0, false, &r);
	expect_ids(&r, (const uint64_t[]){ 3, 0 });
	scan(f, &(struct query_filter){ .search = "   " }, NULL, 0, false, &r);
	assert_int_equal(r.n, 9);
}

/*
 * A search from the start reads the folds index; paging on from a row reads
 * the list index.  Both must give the same rows in the same order, with
 * every other filter applied.
 */
static void test_search_paths_agree(void **state)
{
	struct fx *f = *state;
	struct rows all = { .stop_after = 0 }, first = { .stop_after = 1 };
	struct rows rest = { .stop_after = 0 };
	struct query_filter qf = { .search = "v" };

	fill(f);
	scan(f, &qf, NULL, 0, false, &all);
	/* every name with a "v" (Văn, Võ, Vĩnh, giao thông has none) in list order */
	expect_ids(&all, (const uint64_t[]){ 3, 2, 4, 7, 0 });
	scan(f, &qf, NULL, 0, false, &first);
	scan(f, &qf, first.key[0], first.key_len[0], false, &rest);
	assert_int_equal(rest.n + 1, all.n);
	for (size_t i = 0; i < rest.n; i++)
		assert_int_equal(rest.id[i], all.id[i + 1]);
	/* the unit, period, type and status filters apply to found rows too */
	scan(f, &(struct query_filter){ .search = "v", .unit = "p1" }, NULL, 0, false, &all);
	expect_ids(&all, (const uint64_t[]){ 3, 2, 4, 0 });
	scan(f, &(struct query_filter){ .search = "v", .year = 2024, .quarter = 3,
					.status = STATUS_INTRODUCED }, NULL, 0, false, &all);
	expect_ids(&all, (const uint64_t[]){ 2, 7, 0 });
	scan(f, &(struct query_filter){ .search = "v", .type = TYPE_COLLECTIVE }, NULL, 0,
	     false, &all);
	expect_ids(&all, (const uint64_t[]){ 7, 0 });
}

/* A record kept in view: listed in its place whatever the filters but the unit say. */
static void test_keep(void **state)
{
	struct fx *f = *state;
	struct rows r = { .stop_after = 0 }, first = { .stop_after = 1 }, rest = { .stop_after = 0 };

	fill(f);
	/* 8 (p2, May) is not in quarter 3; kept, it comes after 7 as in the whole list */
	scan(f, &(struct query_filter){ .year = 2024, .quarter = 3, .keep = 8 }, NULL, 0, false,
	     &r);
	expect_ids(&r, (const uint64_t[]){ 9, 6, 3, 5, 2, 4, 7, 8, 0 });
	scan(f, &(struct query_filter){ .status = STATUS_ACCEPTED, .keep = 8 }, NULL, 0, true,
	     &r);
	expect_ids(&r, (const uint64_t[]){ 8, 3, 0 });
	/* the unit still decides */
	scan(f, &(struct query_filter){ .unit = "p1", .keep = 8 }, NULL, 0, false, &r);
	expect_ids(&r, (const uint64_t[]){ 6, 3, 5, 2, 4, 1, 0 });
	/* a search from the start (the folds index) and paging on (the list) agree */
	struct query_filter qf = { .search = "van", .keep = 8 };
	scan(f, &qf, NULL, 0, false, &r);
	expect_ids(&r, (const uint64_t[]){ 3, 2, 4, 8, 0 });
	scan(f, &qf, NULL, 0, false, &first);
	scan(f, &qf, first.key[0], first.key_len[0], false, &rest);
	expect_ids(&rest, (const uint64_t[]){ 2, 4, 8, 0 });
	/* a kept record the search finds anyway is listed once */
	scan(f, &(struct query_filter){ .search = "van", .keep = 3 }, NULL, 0, false, &r);
	expect_ids(&r, (const uint64_t[]){ 3, 2, 4, 0 });
}

/* The count is what a scan lists, from the counters or row by row. */
static void test_count(void **state)
{
	struct fx *f = *state;
	const struct query_filter filters[] = {
		{ 0 }, { .unit = "p2" }, { .year = 2024, .quarter = 3 }, { .year = 2024 },
		{ .year = 2023 }, { .type = TYPE_COLLECTIVE }, { .status = STATUS_RETURNED },
		{ .unit = "p1", .year = 2024, .quarter = 3, .status = STATUS_INTRODUCED },
		{ .unit = "p1", .type = TYPE_INDIVIDUAL }, { .category = CAT_OFFICIAL },
		{ .type = TYPE_INDIVIDUAL, .status = STATUS_INTRODUCED }, { .search = "nguyen" },
		{ .search = "van", .unit = "p1" }, { .year = 2024, .quarter = 3, .keep = 8 },
		{ .status = STATUS_ACCEPTED, .keep = 8 }, { .status = STATUS_ACCEPTED, .keep = 3 },
		{ .unit = "p1", .keep = 8 }, { .search = "van", .keep = 8 },
		{ .category = CAT_OFFICIAL, .keep = 9 },
	};
	const size_t want[] = { 9, 2, 7, 9, 0, 3, 1, 3, 5, 4, 4, 2, 3, 8, 2, 1, 6, 4, 5 };
	struct rows r = { .stop_after = 0 };
	struct err e = { 0 };
	size_t n;

	fill(f);
	for (size_t i = 0; i < sizeof filters / sizeof filters[0]; i++) {
		scan(f, &filters[i], NULL, 0, false, &r);
		assert_int_equal(query_count(f->r, &filters[i], &n, &e), 0);
		if (n != r.n || n != want[i])
			fail_msg("filter %zu: counted %zu, listed %zu, want %zu", i, n, r.n, want[i]);
	}
	/* a unit the register does not know is said, as by a scan */
	assert_int_equal(query_count(f->r, &(struct query_filter){ .unit = "zz" }, &n, &e), -1);
	assert_int_equal(e.code, ERR_NOTFOUND);
}

static void test_paging(void **state)
{
	struct fx *f = *state;
	struct query_filter all = { 0 }, p1 = { .unit = "p1" };
	struct rows r = { .stop_after = 0 }, page = { .stop_after = 0 };

	fill(f);
	scan(f, &all, NULL, 0, false, &r);
	assert_int_equal(r.n, 9);
	/* forward from the third row: the rest */
	scan(f, &all, r.key[2], r.key_len[2], false, &page);
	expect_ids(&page, (const uint64_t[]){ 5, 2, 4, 1, 7, 8, 0 });
	/* backward from the third row: the two before it, nearest first */
	scan(f, &all, r.key[2], r.key_len[2], true, &page);
	expect_ids(&page, (const uint64_t[]){ 6, 9, 0 });
	/* backward from nothing: from the end */
	scan(f, &all, NULL, 0, true, &page);
	expect_ids(&page, (const uint64_t[]){ 8, 7, 1, 4, 2, 5, 3, 6, 9, 0 });
	/* a page of three */
	page.stop_after = 3;
	scan(f, &all, r.key[3], r.key_len[3], false, &page);
	expect_ids(&page, (const uint64_t[]){ 2, 4, 1, 0 });
	page.stop_after = 0;
	/* within one unit, both ways, and the end of the unit stops the scan */
	scan(f, &p1, NULL, 0, true, &page);
	expect_ids(&page, (const uint64_t[]){ 1, 4, 2, 5, 3, 6, 0 });
	scan(f, &p1, r.key[6], r.key_len[6], false, &page); /* from Đào, last of p1 */
	expect_ids(&page, (const uint64_t[]){ 0 });
	scan(f, &p1, r.key[1], r.key_len[1], true, &page);  /* before the first of p1 */
	expect_ids(&page, (const uint64_t[]){ 0 });
	scan(f, &p1, r.key[3], r.key_len[3], true, &page);
	expect_ids(&page, (const uint64_t[]){ 3, 6, 0 });
	/* from a key whose record has gone (here: a key past every entry of ca) */
	uint8_t gone[8] = { 'c', 'a', 0, 9 };
	scan(f, &all, gone, 4, false, &page);
	expect_ids(&page, (const uint64_t[]){ 6, 3, 5, 2, 4, 1, 7, 8, 0 });
	scan(f, &all, gone, 4, true, &page);
	expect_ids(&page, (const uint64_t[]){ 9, 0 });
}

static int keep_id(uint64_t id, void *p)
{
	struct rows *r = p;

	r->id[r->n++] = id;
	return 0;
}

static void test_name_prefix(void **state)
{
	struct fx *f = *state;
	struct rows r = { .n = 0 };
	struct err e = { 0 };

	fill(f);
	assert_int_equal(query_name_prefix(f->r, "Nguyen", keep_id, &r, &e), 0);
	/* folded order: "nguyen thi hong" before "nguyen van an" */
	expect_ids(&r, (const uint64_t[]){ 8, 3, 0 });
	r.n = 0;
	assert_int_equal(query_name_prefix(f->r, "ĐỘI", keep_id, &r, &e), 0);
	expect_ids(&r, (const uint64_t[]){ 9, 0 });
	r.n = 0;
	assert_int_equal(query_name_prefix(f->r, "an", keep_id, &r, &e), 0);
	assert_int_equal(r.n, 0);
}

/* ---- quota ------------------------------------------------------------------------- */

struct quota_rows {
	int n;
	struct { int year, quarter, required, counted; enum quota_state state;
		 char unit[CODE_MAX + 1]; struct store_counts counts; } v[32];
};

static int keep_quota(const struct query_quota *q, void *p)
{
	struct quota_rows *r = p;

	assert_true(r->n < 32);
	r->v[r->n].year = q->year;
	r->v[r->n].quarter = q->quarter;
	r->v[r->n].required = q->required;
	r->v[r->n].counted = q->counted;
	r->v[r->n].state = q->state;
	r->v[r->n].counts = q->counts;
	snprintf(r->v[r->n].unit, sizeof r->v[r->n].unit, "%s", q->unit->code);
	r->n++;
	return 0;
}

static struct quota_rows quota(struct fx *f, int year, int quarter)
{
	struct quota_rows r = { 0 };
	struct err e = { 0 };

	if (query_quota(f->r, year, quarter, keep_quota, &r, &e))
		fail_msg("%s", e.msg);
	return r;
}

/* "unit required counted state" of one unit in the rows. */
static void expect_quota(const struct quota_rows *r, int quarter, const char *unit,
			 int required, int counted, enum quota_state state)
{
	for (int i = 0; i < r->n; i++)
		if (r->v[i].quarter == quarter && strcmp(r->v[i].unit, unit) == 0) {
			if (r->v[i].required != required || r->v[i].counted != counted ||
			    r->v[i].state != state)
				fail_msg("Q%d %s: %d/%d %s, want %d/%d %s", quarter, unit,
					 r->v[i].counted, r->v[i].required,
					 model_quota_code(r->v[i].state), counted, required,
					 model_quota_code(state));
			return;
		}
	fail_msg("no row for Q%d %s", quarter, unit);
}

/* The unit is in none of the rows. */
static void expect_absent(const struct quota_rows *r, const char *unit)
{
	for (int i = 0; i < r->n; i++)
		if (strcmp(r->v[i].unit, unit) == 0)
			fail_msg("%s is listed in Q%d", unit, r->v[i].quarter);
}

static void quota_sample(struct fx *f)
{
	struct err e = { 0 };

	add(f, "p1", CAT_OFFICIAL, "A", ymd(2024, 7, 1));
	add(f, "p1", CAT_BUSINESS, "B", ymd(2024, 9, 30));
	add(f, "ca", CAT_DEFENCE, "C", ymd(2024, 8, 15));
	add(f, "p2", CAT_OFFICIAL, "D", ymd(2024, 10, 1)); /* Q4, not Q3 */
	assert_int_equal(register_return(f->r, 2, "Thiếu ảnh", &e), 0);
}

static void test_quota_states(void **state)
{
	struct fx *f = *state;
	struct quota_rows r;
	struct err e = { 0 };

	quota_sample(f);
	r = quota(f, 2024, 3);
	assert_int_equal(r.n, 5);
	/* config order of the units */
	assert_string_equal(r.v[0].unit, "p1");
	assert_string_equal(r.v[4].unit, "ca");
	/* the returned one does not count */
	expect_quota(&r, 3, "p1", 2, 1, QUOTA_SHORT);
	assert_int_equal(r.v[0].counts.total, 2);
	assert_int_equal(r.v[0].counts.by_status[STATUS_RETURNED], 1);
	assert_int_equal(r.v[0].counts.by_type[TYPE_COLLECTIVE], 1);
	expect_quota(&r, 3, "p2", 2, 0, QUOTA_SHORT);
	expect_quota(&r, 3, "p3", 0, 0, QUOTA_NONE);   /* not open yet */
	expect_quota(&r, 3, "tp", 0, 0, QUOTA_NONE);   /* no quota */
	expect_quota(&r, 3, "ca", 1, 1, QUOTA_MET);
	/* introduced again, it counts */
	assert_int_equal(register_resubmit(f->r, 2, &e), 0);
	r = quota(f, 2024, 3);
	expect_quota(&r, 3, "p1", 2, 2, QUOTA_MET);
	/* while the quarter runs, short is still open; on its last day too */
	act_as(f, "chief", ymd(2024, 8, 20));
	r = quota(f, 2024, 3);
	expect_quota(&r, 3, "p2", 2, 0, QUOTA_OPEN);
	act_as(f, "chief", ymd(2024, 9, 30));
	r = quota(f, 2024, 3);
	expect_quota(&r, 3, "p2", 2, 0, QUOTA_OPEN);
	act_as(f, "chief", ymd(2024, 10, 1));
	r = quota(f, 2024, 3);
	expect_quota(&r, 3, "p2", 2, 0, QUOTA_SHORT);
	expect_quota(&r, 3, "ca", 1, 1, QUOTA_MET);
}

static void test_quota_unit_periods(void **state)
{
	struct fx *f = *state;
	struct quota_rows r;

	act_as(f, "chief", ymd(2025, 9, 1));
	r = quota(f, 2025, 3);
	expect_quota(&r, 3, "p1", 0, 0, QUOTA_NONE);   /* closed on 30/06/2025 */
	expect_quota(&r, 3, "p3", 2, 0, QUOTA_OPEN);   /* its successor */
	expect_quota(&r, 3, "p2", 2, 0, QUOTA_OPEN);
	r = quota(f, 2025, 2);
	expect_quota(&r, 2, "p1", 2, 0, QUOTA_SHORT);
	expect_quota(&r, 2, "p3", 0, 0, QUOTA_NONE);
	/* outside the plan years nothing is required, and the state says why */
	r = quota(f, 2026, 1);
	expect_quota(&r, 1, "p2", 0, 0, QUOTA_OUTSIDE);
	expect_quota(&r, 1, "ca", 0, 0, QUOTA_OUTSIDE);
	expect_absent(&r, "p1"); /* closed before the year, with nothing in it */
	r = quota(f, 2020, 4);
	expect_quota(&r, 4, "p2", 0, 0, QUOTA_OUTSIDE);
	/* a unit that opened during the plan is part of all of its years */
	r = quota(f, 2021, 1);
	expect_quota(&r, 1, "p3", 0, 0, QUOTA_NONE);
	assert_int_equal(r.n, 5);
}

/* Two periods, and units that end with the first or begin with the second:
 * a town of its own rather than fixture.h's, whose units know no period. */
static int setup_periods(void **state)
{
	return fx_setup(state, "qperiods", "[roles]\nchief = office\n"
			"[period.p2021]\nname = \"Kế hoạch 2021–2025\"\nfrom = 2021\nto = 2025\n"
			"[period.p2026]\nname = \"Giai đoạn 2026–2030\"\nfrom = 2026\nto = 2030\n"
			"[unit.p1]\nname = \"Phường Một\"\nkind = ward\nquota = 2\n"
			"active_to = 2025-06-30\n"
			"[unit.p2]\nname = \"Phường Hai\"\nkind = ward\nquota = 2\n"
			"quota.p2026 = 3\n"
			"[unit.nw]\nname = \"Phường Mới\"\nkind = ward\nquota.p2026 = 2\n"
			"active_from = 2026-01-01\n", "chief", ymd(2026, 2, 10));
}

/* Each year's quotas from its own period, quota.CODE in its period only,
 * and a unit begun in the second period no part of the first's listings. */
static void test_quota_periods(void **state)
{
	struct fx *f = *state;
	struct quota_rows r;

	add(f, "nw", CAT_OFFICIAL, "Lê Văn Bình", ymd(2026, 2, 3));
	r = quota(f, 2024, 1);
	assert_int_equal(r.n, 2);
	expect_quota(&r, 1, "p1", 2, 0, QUOTA_SHORT);
	expect_quota(&r, 1, "p2", 2, 0, QUOTA_SHORT);
	expect_absent(&r, "nw");
	r = quota(f, 2026, 1);
	assert_int_equal(r.n, 2);
	expect_quota(&r, 1, "p2", 3, 0, QUOTA_OPEN);
	expect_quota(&r, 1, "nw", 2, 1, QUOTA_OPEN);
	expect_absent(&r, "p1");
	r = quota(f, 2031, 1);
	expect_quota(&r, 1, "nw", 0, 0, QUOTA_OUTSIDE);
}

static void test_quota_whole_year(void **state)
{
	struct fx *f = *state;
	struct quota_rows r;

	quota_sample(f);
	r = quota(f, 2024, 0);
	assert_int_equal(r.n, 20);
	for (int i = 0; i < 20; i++)
		assert_int_equal(r.v[i].quarter, 1 + i / 5);
	expect_quota(&r, 1, "p1", 2, 0, QUOTA_SHORT);
	expect_quota(&r, 3, "ca", 1, 1, QUOTA_MET);
	expect_quota(&r, 4, "p2", 2, 1, QUOTA_SHORT);
	expect_quota(&r, 4, "p1", 2, 0, QUOTA_SHORT);
}

static void test_quota_counting_returned(void **state)
{
	struct fx *f = *state;
	struct quota_rows r;

	quota_sample(f);
	register_close(f->r);
	f->r = NULL;
	load_config(f, "count_returned = yes\nlate_days = 366\n");
	act_as(f, "chief", ymd(2025, 1, 10));
	r = quota(f, 2024, 3);
	expect_quota(&r, 3, "p1", 2, 2, QUOTA_MET);
}

/* Reopen the register under the config with `settings`, as the office on `today`. */
static void reload(struct fx *f, const char *settings, date_t today)
{
	register_close(f->r);
	f->r = NULL;
	load_config(f, settings);
	act_as(f, "chief", today);
}

/*
 * What counts: a withdrawn exemplar never, a late entry as count_late says.
 * Quarter III/2024 closes on 10/10/2024 (late_days = 10): A was entered
 * before, B and C after; C is then withdrawn.
 */
static void test_quota_counting_withdrawn_and_late(void **state)
{
	struct fx *f = *state;
	struct quota_rows r;
	struct err e = { 0 };
	struct exemplar x;

	reload(f, "count_returned = no\nlate_days = 10\n", ymd(2024, 9, 1));
	add(f, "p1", CAT_OFFICIAL, "A", ymd(2024, 8, 1));
	reload(f, "count_returned = no\nlate_days = 10\n", ymd(2024, 11, 20));
	add(f, "p1", CAT_OFFICIAL, "B", ymd(2024, 8, 2));
	add(f, "p1", CAT_BUSINESS, "C", ymd(2024, 8, 3));
	model_exemplar_init(&x);
	assert_int_equal(register_get(f->r, 2, &x, &e), 0);
	assert_true(x.late);
	model_exemplar_free(&x);
	assert_int_equal(register_get(f->r, 1, &x, &e), 0);
	assert_false(x.late);
	model_exemplar_free(&x);
	assert_int_equal(register_withdraw(f->r, 3, "Nhập nhầm", &e), 0);

	r = quota(f, 2024, 3); /* count_late = yes, the default */
	expect_quota(&r, 3, "p1", 2, 2, QUOTA_MET);
	assert_int_equal(r.v[0].counts.total, 2);
	assert_int_equal(r.v[0].counts.by_type[TYPE_COLLECTIVE], 0);
	assert_int_equal(r.v[0].counts.by_type[TYPE_INDIVIDUAL], 2);
	assert_int_equal(r.v[0].counts.by_status[STATUS_WITHDRAWN], 0);
	assert_int_equal(r.v[0].counts.by_status[STATUS_INTRODUCED], 2);

	reload(f, "count_returned = no\nlate_days = 10\ncount_late = no\n", ymd(2024, 11, 20));
	r = quota(f, 2024, 3);
	expect_quota(&r, 3, "p1", 2, 1, QUOTA_SHORT);
	assert_int_equal(r.v[0].counts.total, 1);
	assert_int_equal(r.v[0].counts.by_type[TYPE_INDIVIDUAL], 1);
	assert_int_equal(r.v[0].counts.by_status[STATUS_INTRODUCED], 1);
	/* returned, a late entry is left out once, not twice */
	assert_int_equal(register_return(f->r, 2, "Thiếu ảnh", &e), 0);
	r = quota(f, 2024, 3);
	expect_quota(&r, 3, "p1", 2, 1, QUOTA_SHORT);
	assert_int_equal(r.v[0].counts.by_status[STATUS_RETURNED], 0);

	reload(f, "count_returned = no\nlate_days = 10\n", ymd(2024, 11, 20));
	assert_int_equal(register_reopen(f->r, 3, "Không nhầm", &e), 0);
	r = quota(f, 2024, 3); /* A and C; B is returned */
	expect_quota(&r, 3, "p1", 2, 2, QUOTA_MET);
	assert_int_equal(r.v[0].counts.by_type[TYPE_COLLECTIVE], 1);
}

static int stop_at_two(const struct query_quota *q, void *p)
{
	(void)q;
	return ++*(int *)p == 2;
}

static void test_quota_stops_early(void **state)
{
	struct fx *f = *state;
	struct err e = { 0 };
	int n = 0;

	assert_int_equal(query_quota(f->r, 2024, 0, stop_at_two, &n, &e), 0);
	assert_int_equal(n, 2);
}

/* ---- the audit log ---------------------------------------------------------------- */

struct log_rows {
	int n;
	char op[32][16], user[32][USER_MAX + 1];
	uint64_t record[32], seq[32];
};

static int keep_log(const struct audit_entry *a, void *p)
{
	struct log_rows *l = p;

	assert_true(l->n < 32);
	snprintf(l->op[l->n], sizeof l->op[0], "%s", a->op);
	snprintf(l->user[l->n], sizeof l->user[0], "%s", a->user);
	l->record[l->n] = a->record;
	l->seq[l->n] = a->seq;
	l->n++;
	return 0;
}

static struct log_rows logq(struct fx *f, int64_t since, const char *user, uint64_t record)
{
	struct query_log_filter lf = { since, user, record };
	struct log_rows l = { 0 };
	struct err e = { 0 };

	if (query_log(f->r, &lf, keep_log, &l, &e))
		fail_msg("%s", e.msg);
	return l;
}

static void test_log_filters(void **state)
{
	struct fx *f = *state;
	struct log_rows l;
	struct err e = { 0 };
	int64_t now = time(NULL);

	add(f, "p1", CAT_OFFICIAL, "A", ymd(2024, 8, 1));
	add(f, "p2", CAT_OFFICIAL, "B", ymd(2024, 8, 1));
	assert_int_equal(register_return(f->r, 1, "Thiếu ảnh", &e), 0);
	act_as(f, "an", ymd(2025, 1, 10));
	assert_int_equal(register_resubmit(f->r, 1, &e), 0);

	l = logq(f, 0, NULL, 0);
	/* the units brought in at the first open, then the four changes, in order */
	assert_int_equal(l.n, 5);
	assert_string_equal(l.op[0], "units");
	assert_string_equal(l.op[1], "add");
	assert_string_equal(l.op[4], "resubmit");
	for (int i = 1; i < l.n; i++)
		assert_true(l.seq[i] > l.seq[i - 1]);
	l = logq(f, 0, NULL, 1);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.op[0], "add");
	assert_string_equal(l.op[1], "return");
	assert_string_equal(l.op[2], "resubmit");
	assert_int_equal(l.record[2], 1);
	l = logq(f, 0, "an", 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.op[0], "resubmit");
	l = logq(f, 0, "an", 2);
	assert_int_equal(l.n, 0);
	l = logq(f, 0, "nobody", 0);
	assert_int_equal(l.n, 0);
	l = logq(f, now - 3600, "chief", 0);
	assert_int_equal(l.n, 4);
	l = logq(f, now + 3600, NULL, 0);
	assert_int_equal(l.n, 0);
}

/* The trail as a whole, as each role reads it. */
static struct log_rows trail(struct fx *f, uint64_t record, int *rc, struct err *e)
{
	struct query_log_filter lf = { 0, NULL, record, true };
	struct log_rows l = { 0 };

	*rc = query_log(f->r, &lf, keep_log, &l, e);
	return l;
}

static void test_log_trail(void **state)
{
	struct fx *f = *state;
	struct log_rows l;
	struct err e = { 0 };
	int rc;

	add(f, "p1", CAT_OFFICIAL, "A", ymd(2024, 8, 1));
	add(f, "p2", CAT_OFFICIAL, "B", ymd(2024, 8, 1));
	assert_int_equal(register_return(f->r, 1, "Thiếu ảnh", &e), 0);
	l = trail(f, 0, &rc, &e);
	assert_int_equal(rc, 0);
	assert_int_equal(l.n, 4); /* the office: the units, two adds, the return */
	assert_int_equal(query_log_allowed(f->r, &e), 0);

	act_as(f, "an", ymd(2025, 1, 10));
	assert_int_equal(register_resubmit(f->r, 1, &e), 0);
	assert_int_equal(query_log_allowed(f->r, &e), 0);
	l = trail(f, 0, &rc, &e);
	assert_int_equal(rc, 0);
	assert_int_equal(l.n, 3); /* staff of p1: their record's add, return and resubmit */
	for (int i = 0; i < l.n; i++)
		assert_int_equal(l.record[i], 1);
	assert_string_equal(l.op[1], "return");
	assert_string_equal(l.user[1], "chief");
	l = trail(f, 1, &rc, &e);
	assert_int_equal(rc, 0);
	assert_int_equal(l.n, 3);
	memset(&e, 0, sizeof e);
	l = trail(f, 2, &rc, &e);
	assert_int_equal(rc, -1);
	assert_int_equal(e.code, ERR_DENIED);
	assert_non_null(strstr(e.msg, "not of Phường Hai."));
	assert_int_equal(l.n, 0);
	l = trail(f, 99, &rc, &e);
	assert_int_equal(rc, 0);
	assert_int_equal(l.n, 0);
	/* a record's own page is for every reader */
	assert_int_equal(logq(f, 0, NULL, 2).n, 1);

	act_as(f, "xem", ymd(2025, 1, 10));
	assert_int_equal(query_log_allowed(f->r, &e), -1);
	assert_int_equal(e.code, ERR_DENIED);
	l = trail(f, 0, &rc, &e);
	assert_int_equal(rc, -1);
	assert_int_equal(l.n, 0);
	assert_non_null(strstr(e.msg, "not its audit log"));
	assert_int_equal(logq(f, 0, NULL, 1).n, 3);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		T(test_list_order),
		T(test_list_filters),
		T(test_search_folds),
		T(test_search_ignores_spaces_around),
		T(test_search_paths_agree),
		T(test_keep),
		T(test_count),
		T(test_paging),
		T(test_name_prefix),
		T(test_quota_states),
		T(test_quota_unit_periods),
		cmocka_unit_test_setup_teardown(test_quota_periods, setup_periods, fx_teardown),
		T(test_quota_whole_year),
		T(test_quota_counting_returned),
		T(test_quota_counting_withdrawn_and_late),
		T(test_quota_stops_early),
		T(test_log_filters),
		T(test_log_trail),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
