/* test_keys.c - byte layout of the index keys and list values. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "collate.h"
#include "keys.h"

/* 2024-05-02 = 19723 + 122 = 19845 = 0x4d85 (Q2); 2023-12-31 = 19722 (Q4). */
#define D_2024_05_02 19845
#define D_2023_12_31 19722
#define D_2024_01_01 19723

static void make(struct exemplar *x, uint64_t id, const char *unit, enum ex_type type,
		 const char *name)
{
	model_exemplar_init(x);
	x->id = id;
	x->type = type;
	x->category = type == TYPE_INDIVIDUAL ? CAT_OFFICIAL : CAT_EDUCATION;
	x->status = STATUS_INTRODUCED;
	x->date = D_2024_05_02;
	strcpy(x->unit, unit);
	x->name = strdup(name);
	assert_non_null(x->name);
}

/* memcmp order of two keys, a shorter key first when it is a prefix. */
static int keycmp(const struct key *a, const struct key *b)
{
	size_t n = a->n < b->n ? a->n : b->n;
	int c = memcmp(a->b, b->b, n);

	return c ? c : (a->n > b->n) - (a->n < b->n);
}

/* Keys of the exemplars; checks that list keys are strictly in array order. */
static void assert_list_order(struct exemplar *xs, size_t n)
{
	struct ex_keys *k = calloc(n, sizeof *k);

	assert_non_null(k);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(keys_exemplar(&xs[i], &k[i]), 0);
	for (size_t i = 0; i + 1 < n; i++) {
		if (keycmp(&k[i].list, &k[i + 1].list) >= 0)
			fail_msg("\"%s\" (%s) should come before \"%s\" (%s)", xs[i].name,
				 xs[i].unit, xs[i + 1].name, xs[i + 1].unit);
	}
	for (size_t i = 0; i < n; i++) {
		keys_exemplar_free(&k[i]);
		model_exemplar_free(&xs[i]);
	}
	free(k);
}

static void test_be64(void **state)
{
	uint8_t b[8];

	(void)state;
	keys_be64(b, 0x0102030405060708ULL);
	assert_memory_equal(b, "\x01\x02\x03\x04\x05\x06\x07\x08", 8);
	assert_int_equal(keys_rd64(b), 0x0102030405060708ULL);
	keys_be64(b, UINT64_MAX);
	assert_memory_equal(b, "\xff\xff\xff\xff\xff\xff\xff\xff", 8);
	assert_true(keys_rd64(b) == UINT64_MAX);
	keys_be64(b, 256);
	assert_memory_equal(b, "\0\0\0\0\0\0\x01\x00", 8);
}

/* Vietnamese lists of people: given name first, then family and middle names. */
static void test_person_order(void **state)
{
	struct exemplar xs[7];

	(void)state;
	/* Ids run against the expected order, so they cannot be what sorts. */
	make(&xs[0], 70, "phuong_1", TYPE_INDIVIDUAL, "Nguyễn Văn An");
	make(&xs[1], 60, "phuong_1", TYPE_INDIVIDUAL, "Trần Văn An");
	make(&xs[2], 50, "phuong_1", TYPE_INDIVIDUAL, "Trần Thị Ánh");
	make(&xs[3], 40, "phuong_1", TYPE_INDIVIDUAL, "Lê Văn Bình");
	make(&xs[4], 30, "phuong_1", TYPE_INDIVIDUAL, "Võ Văn Dũng");
	make(&xs[5], 20, "phuong_1", TYPE_INDIVIDUAL, "Phạm Thị Đào");
	make(&xs[6], 10, "phuong_1", TYPE_INDIVIDUAL, "Đặng Văn Em");
	assert_list_order(xs, 7);
}

/* The unit code comes first, whatever the names; "phuong_1" before "phuong_10". */
static void test_unit_first(void **state)
{
	struct exemplar xs[5];

	(void)state;
	make(&xs[0], 5, "phuong_1", TYPE_INDIVIDUAL, "Võ Văn Dũng");
	make(&xs[1], 4, "phuong_10", TYPE_COLLECTIVE, "Ấp 1");
	make(&xs[2], 3, "phuong_10", TYPE_INDIVIDUAL, "Nguyễn Văn An");
	make(&xs[3], 2, "phuong_2", TYPE_COLLECTIVE, "Ấp 1");
	make(&xs[4], 1, "xa_vinh_quoi", TYPE_INDIVIDUAL, "Nguyễn Văn An");
	assert_list_order(xs, 5);
}

/*
 * Collectives come before individuals in a unit, and are ordered by their
 * whole name: by the last word "Bệnh viện Đa khoa" would come first.
 */
static void test_collectives_first(void **state)
{
	struct exemplar xs[4];

	(void)state;
	make(&xs[0], 9, "phuong_1", TYPE_COLLECTIVE, "Ấp Vĩnh Trung");
	make(&xs[1], 8, "phuong_1", TYPE_COLLECTIVE, "Bệnh viện Đa khoa");
	make(&xs[2], 7, "phuong_1", TYPE_COLLECTIVE, "Trường Tiểu học Ngã Năm");
	make(&xs[3], 6, "phuong_1", TYPE_INDIVIDUAL, "Nguyễn Văn An");
	assert_list_order(xs, 4);
}

/*
 * A name sorts before a longer one it starts with, even when its id is the
 * largest possible: the 0x00 after the sort key ends the comparison.
 */
static void test_prefix_name_first(void **state)
{
	struct exemplar an, anh, low, up;
	struct ex_keys ka, kb, kl, ku;

	(void)state;
	make(&an, UINT64_MAX, "phuong_1", TYPE_INDIVIDUAL, "Lê Văn An");
	make(&anh, 1, "phuong_1", TYPE_INDIVIDUAL, "Lê Văn Anh");
	assert_int_equal(keys_exemplar(&an, &ka), 0);
	assert_int_equal(keys_exemplar(&anh, &kb), 0);
	assert_true(keycmp(&ka.list, &kb.list) < 0);
	/* "le van an" is a true prefix of "le van anh". */
	assert_string_equal(ka.fold, "le van an");
	assert_string_equal(kb.fold, "le van anh");
	assert_true(keycmp(&ka.folds, &kb.folds) < 0);

	/* Collation keys: lower case "an" is a prefix of "An" (only the case level differs). */
	make(&low, UINT64_MAX, "phuong_1", TYPE_COLLECTIVE, "an");
	make(&up, 1, "phuong_1", TYPE_COLLECTIVE, "An");
	assert_int_equal(keys_exemplar(&low, &kl), 0);
	assert_int_equal(keys_exemplar(&up, &ku), 0);
	uint8_t s1[16], s2[16];
	size_t n1 = collate_key("an", s1, sizeof s1), n2 = collate_key("An", s2, 16);
	assert_true(n1 < n2 && n2 <= 16);
	assert_memory_equal(s1, s2, n1);
	assert_true(keycmp(&kl.list, &ku.list) < 0);
	keys_exemplar_free(&ka);
	keys_exemplar_free(&kb);
	keys_exemplar_free(&kl);
	keys_exemplar_free(&ku);
	model_exemplar_free(&an);
	model_exemplar_free(&anh);
	model_exemplar_free(&low);
	model_exemplar_free(&up);
}

/* The documented layouts, byte by byte. */
static void test_layouts(void **state)
{
	static const uint8_t id5[8] = { 0, 0, 0, 0, 0, 0, 0, 5 };
	struct exemplar x;
	struct ex_keys k;
	struct key want = { .n = 0 };
	uint8_t sort[KEYS_SORT_MAX];
	size_t n;

	(void)state;
	make(&x, 5, "phuong_1", TYPE_INDIVIDUAL, "Phạm Thị Đào");
	x.category = CAT_GOOD_DEEDS;
	x.status = STATUS_ACCEPTED;
	assert_int_equal(keys_exemplar(&x, &k), 0);

	/* list: unit 00 type person-key 00 id */
	key_add(&want, "phuong_1\0\x02", 10);
	n = collate_person_key("Phạm Thị Đào", sort, sizeof sort);
	assert_true(n > 0 && n < sizeof sort);
	key_add(&want, sort, n);
	key_byte(&want, 0);
	key_add(&want, id5, 8);
	assert_int_equal(k.list.n, want.n);
	assert_memory_equal(k.list.b, want.b, want.n);

	/* period: 2024 = 0x07e8, quarter 2, unit 00 id */
	assert_int_equal(k.period.n, 3 + 8 + 1 + 8);
	assert_memory_equal(k.period.b, "\x07\xe8\x02phuong_1\0", 12);
	assert_memory_equal(k.period.b + 12, id5, 8);

	/* folds: folded name 00 id */
	assert_string_equal(k.fold, "pham thi dao");
	assert_int_equal(k.folds.n, 12 + 1 + 8);
	assert_memory_equal(k.folds.b, "pham thi dao\0", 13);
	assert_memory_equal(k.folds.b + 13, id5, 8);

	/* counters: year quarter unit, nothing after */
	assert_int_equal(k.counter.n, 3 + 8);
	assert_memory_equal(k.counter.b, "\x07\xe8\x02phuong_1", 11);

	/* list value: date (4, big-endian) category status fold 00 name */
	const char *v = "\0\0\x4d\x85\x0a\x02pham thi dao\0Phạm Thị Đào";
	size_t vn = 6 + 13 + strlen("Phạm Thị Đào");
	assert_int_equal(k.value.len, vn);
	assert_memory_equal(k.value.data, v, vn);
	keys_exemplar_free(&k);
	model_exemplar_free(&x);
}

static void test_period_and_counter_keys(void **state)
{
	struct key a, b;

	(void)state;
	key_period(&a, 2024, 0);
	assert_int_equal(a.n, 2);
	assert_memory_equal(a.b, "\x07\xe8", 2);
	key_period(&a, 2025, 4);
	assert_int_equal(a.n, 3);
	assert_memory_equal(a.b, "\x07\xe9\x04", 3);
	/* key_period resets: a second call does not append. */
	key_period(&a, 2025, 4);
	assert_int_equal(a.n, 3);

	key_counter(&a, 2024, 3, "xa_long_binh");
	assert_int_equal(a.n, 3 + 12);
	assert_memory_equal(a.b, "\x07\xe8\x03xa_long_binh", 15);

	/* Byte order is time order: 2023 Q4 < 2024 Q1 < 2024 Q2, and 255 < 256. */
	key_counter(&a, 2023, 4, "z");
	key_counter(&b, 2024, 1, "a");
	assert_true(keycmp(&a, &b) < 0);
	key_counter(&a, 2024, 2, "a");
	assert_true(keycmp(&b, &a) < 0);
	key_period(&a, 255, 4);
	key_period(&b, 256, 1);
	assert_true(keycmp(&a, &b) < 0);
}

/* The period key follows the introduction date's quarter, across a year end. */
static void test_period_from_date(void **state)
{
	struct exemplar x, y;
	struct ex_keys kx, ky;

	(void)state;
	make(&x, 2, "a", TYPE_COLLECTIVE, "A");
	make(&y, 1, "a", TYPE_COLLECTIVE, "A");
	x.date = D_2023_12_31;
	y.date = D_2024_01_01;
	assert_int_equal(keys_exemplar(&x, &kx), 0);
	assert_int_equal(keys_exemplar(&y, &ky), 0);
	assert_memory_equal(kx.period.b, "\x07\xe7\x04" "a", 4);
	assert_memory_equal(ky.period.b, "\x07\xe8\x01" "a", 4);
	assert_memory_equal(kx.counter.b, "\x07\xe7\x04" "a", 4);
	assert_true(keycmp(&kx.period, &ky.period) < 0);
	keys_exemplar_free(&kx);
	keys_exemplar_free(&ky);
	model_exemplar_free(&x);
	model_exemplar_free(&y);
}

static void test_parse_list_round_trip(void **state)
{
	struct exemplar x;
	struct ex_keys k;
	struct list_row r;
	struct buf strings = { 0 };

	(void)state;
	make(&x, 0x123456789aULL, "phuong_1", TYPE_INDIVIDUAL, "Trần  Thị ÁNH");
	x.category = CAT_COMMUNITY;
	x.status = STATUS_REVOKED;
	assert_int_equal(keys_exemplar(&x, &k), 0);
	assert_int_equal(keys_parse_list(k.list.b, k.list.n, k.value.data, k.value.len,
					 &strings, &r), 0);
	assert_int_equal(r.id, 0x123456789aULL);
	assert_string_equal(r.unit, "phuong_1");
	assert_int_equal(r.type, TYPE_INDIVIDUAL);
	assert_int_equal(r.category, CAT_COMMUNITY);
	assert_int_equal(r.status, STATUS_REVOKED);
	assert_int_equal(r.date, D_2024_05_02);
	assert_string_equal(r.name, "Trần  Thị ÁNH");
	assert_string_equal(r.fold, "tran thi anh");
	assert_ptr_equal(r.key, k.list.b);
	assert_int_equal(r.key_len, k.list.n);
	keys_exemplar_free(&k);
	model_exemplar_free(&x);

	/* The strings buffer is reused: the second row replaces the first. */
	make(&x, 2, "xa_tan_long", TYPE_COLLECTIVE, "Hợp tác xã Tân Long");
	x.date = -1; /* 1969-12-31: a negative day number survives the 4 bytes */
	assert_int_equal(keys_exemplar(&x, &k), 0);
	assert_int_equal(keys_parse_list(k.list.b, k.list.n, k.value.data, k.value.len,
					 &strings, &r), 0);
	assert_string_equal(r.unit, "xa_tan_long");
	assert_string_equal(r.name, "Hợp tác xã Tân Long");
	assert_string_equal(r.fold, "hop tac xa tan long");
	assert_int_equal(r.type, TYPE_COLLECTIVE);
	assert_int_equal(r.date, -1);
	assert_int_equal(r.id, 2);
	keys_exemplar_free(&k);
	model_exemplar_free(&x);
	buf_free(&strings);
}

/* Entries that cannot have been written by keys_exemplar() are refused. */
static void test_parse_list_malformed(void **state)
{
	struct exemplar x;
	struct ex_keys k;
	struct list_row r;
	struct buf strings = { 0 };
	uint8_t key[KEYS_MAX + 40], val[64];
	size_t kn, vn;

	(void)state;
	make(&x, 3, "phuong_1", TYPE_INDIVIDUAL, "Lê Văn Bình");
	assert_int_equal(keys_exemplar(&x, &k), 0);
	kn = k.list.n;
	vn = k.value.len;
	assert_true(vn <= sizeof val);

	/* The unchanged entry parses: the refusals below are the changes' doing. */
	memcpy(key, k.list.b, kn);
	memcpy(val, k.value.data, vn);
	assert_int_equal(keys_parse_list(key, kn, val, vn, &strings, &r), 0);

	/* Key without any 0x00: just a unit code. */
	assert_int_equal(keys_parse_list("phuong_1", 8, val, vn, &strings, &r), -1);
	/* Unit longer than CODE_MAX. */
	memset(key, 'a', CODE_MAX + 1);
	memcpy(key + CODE_MAX + 1, k.list.b + 8, kn - 8);
	assert_int_equal(keys_parse_list(key, kn - 8 + CODE_MAX + 1, val, vn, &strings, &r),
			 -1);
	/* Too short for type, terminator and id. */
	assert_int_equal(keys_parse_list("phuong_1\0\x02\0\0\0\0\0\0\0\x03", 18, val, vn,
					 &strings, &r), -1);
	/* No 0x00 between the sort key and the id. */
	memcpy(key, k.list.b, kn);
	key[kn - 9] = 0x05;
	assert_int_equal(keys_parse_list(key, kn, val, vn, &strings, &r), -1);
	/* Id cut short by one byte. */
	memcpy(key, k.list.b, kn);
	assert_int_equal(keys_parse_list(key, kn - 1, val, vn, &strings, &r), -1);

	memcpy(key, k.list.b, kn);
	/* Value shorter than the fixed head plus a terminator. */
	assert_int_equal(keys_parse_list(key, kn, val, 6, &strings, &r), -1);
	assert_int_equal(keys_parse_list(key, kn, val, 0, &strings, &r), -1);
	/* Fold without its terminator. */
	assert_int_equal(keys_parse_list(key, kn, "\0\0\x4d\x85\x09\x01le van binh", 17,
					 &strings, &r), -1);
	/* Name with a 0x00 inside. */
	assert_int_equal(keys_parse_list(key, kn, "\0\0\x4d\x85\x09\x01lb\0L\0B", 12,
					 &strings, &r), -1);
	/* A head, an empty fold and an empty name is the shortest valid value. */
	assert_int_equal(keys_parse_list(key, kn, "\0\0\x4d\x85\x09\x01\0", 7, &strings, &r),
			 0);
	assert_string_equal(r.name, "");
	assert_string_equal(r.fold, "");
	keys_exemplar_free(&k);
	model_exemplar_free(&x);
	buf_free(&strings);
}

/* key_add() stops at the key's capacity instead of writing past it. */
static void test_key_capacity(void **state)
{
	struct key k = { .n = 0 };
	uint8_t junk[KEYS_MAX + 100];

	(void)state;
	memset(junk, 'x', sizeof junk);
	key_add(&k, junk, 10);
	assert_int_equal(k.n, 10);
	key_add(&k, junk, sizeof junk);
	assert_int_equal(k.n, KEYS_MAX);
	key_byte(&k, 0);
	key_id(&k, 7);
	assert_int_equal(k.n, KEYS_MAX);
	assert_int_equal(k.b[KEYS_MAX - 1], 'x');
}

/* Very long names: sort and fold keys are cut at KEYS_SORT_MAX, the entry still parses. */
static void test_long_name(void **state)
{
	struct exemplar x;
	struct ex_keys k;
	struct list_row r;
	struct buf strings = { 0 };
	char name[1200] = "";

	(void)state;
	for (int i = 0; i < 150; i++)
		strcat(name, "Ố Ư ");
	strcat(name, "Ánh");
	make(&x, 77, "phuong_10", TYPE_INDIVIDUAL, name);
	assert_int_equal(keys_exemplar(&x, &k), 0);
	assert_true(k.list.n <= KEYS_MAX && KEYS_MAX <= 511);
	assert_int_equal(k.list.n, 9 + 2 + KEYS_SORT_MAX + 1 + 8);
	assert_int_equal(k.folds.n, KEYS_SORT_MAX + 1 + 8);
	assert_memory_equal(k.folds.b, "o u o u ", 8);
	assert_int_equal(k.folds.b[KEYS_SORT_MAX], 0);
	assert_int_equal(keys_rd64(k.folds.b + KEYS_SORT_MAX + 1), 77);
	/* The full fold stays in the value, and the row reads back whole. */
	assert_int_equal(strlen(k.fold), 150 * 4 + 3);
	assert_int_equal(keys_parse_list(k.list.b, k.list.n, k.value.data, k.value.len,
					 &strings, &r), 0);
	assert_string_equal(r.name, name);
	assert_int_equal(r.id, 77);
	keys_exemplar_free(&k);
	model_exemplar_free(&x);
	buf_free(&strings);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_be64),
		cmocka_unit_test(test_person_order),
		cmocka_unit_test(test_unit_first),
		cmocka_unit_test(test_collectives_first),
		cmocka_unit_test(test_prefix_name_first),
		cmocka_unit_test(test_layouts),
		cmocka_unit_test(test_period_and_counter_keys),
		cmocka_unit_test(test_period_from_date),
		cmocka_unit_test(test_parse_list_round_trip),
		cmocka_unit_test(test_parse_list_malformed),
		cmocka_unit_test(test_key_capacity),
		cmocka_unit_test(test_long_name),
	};

	return cmocka_run_group_tests_name("keys", tests, NULL, NULL);
}
