/* test_codec.c - the stored form of exemplars, units and audit entries. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "codec.h"
#include "oom.h"

/*
 * Day numbers worked out by hand (2024-01-01 = 54 * 365 + 13 leap days = 19723):
 *   2024-05-02 = 19723 + 31 + 29 + 31 + 30 + 1 = 19845
 *   2024-05-10 = 19853, 2024-06-01 = 19875, 2024-07-15 = 19919, 2024-12-20 = 20077
 */
#define D_2024_05_02 19845
#define D_2024_05_10 19853
#define D_2024_06_01 19875
#define D_2024_07_15 19919
#define D_2024_12_20 20077

/*
 * The on-disk layout (codec.c): these bytes are what databases already
 * hold, so the test pins them rather than asking the encoder.
 */
enum {
	FMT_EXEMPLAR = 0x11, FMT_UNIT = 0x21, FMT_AUDIT = 0x31,
	T_ID = 1, T_TYPE = 3, T_CATEGORY = 4, T_STATUS = 5, T_BIRTH_YEAR = 7, T_DATE = 8,
	T_UNIT = 9, T_NAME = 10, T_CREATED_BY = 16, T_PROPAGATION = 24,
};

#define ACHIEVEMENTS "Giáo viên dạy giỏi cấp tỉnh năm học 2023–2024.\n" \
	"Hướng dẫn 5 học sinh đạt giải Học sinh giỏi.\n" \
	"\n" \
	"Ba lần hiến máu tình nguyện; vận động quyên góp “Áo ấm cho em”."

static char *must_strdup(const char *s)
{
	char *d = strdup(s);

	assert_non_null(d);
	return d;
}

/* An exemplar with every field set, three propagations and a commendation. */
static void full_exemplar(struct exemplar *x)
{
	static const struct { enum propagation_channel ch; date_t d; const char *ref, *by; }
	props[3] = {
		{ CHANNEL_RADIO, D_2024_05_10, "Chuyên mục “Người tốt việc tốt” số 12", "lan" },
		{ CHANNEL_PORTAL, D_2024_06_01, "https://nganam.soctrang.gov.vn/tin/123", "minh" },
		{ CHANNEL_OTHER, D_2024_07_15, "Bản tin nội bộ quý III", "lan" },
	};

	model_exemplar_init(x);
	x->id = 123456789012ULL;
	x->version = 7;
	x->type = TYPE_INDIVIDUAL;
	x->category = CAT_OFFICIAL;
	x->status = STATUS_COMMENDED;
	x->gender = GENDER_FEMALE;
	x->birth_year = 1985;
	x->date = D_2024_05_02;
	strcpy(x->unit, "phuong_1");
	x->name = must_strdup("Nguyễn Thị Hồng Nhung");
	x->position = must_strdup("Giáo viên");
	x->workplace = must_strdup("Trường Tiểu học Ngã Năm 1");
	x->movement = must_strdup("Dạy tốt – học tốt");
	x->achievements = must_strdup(ACHIEVEMENTS);
	x->status_reason = must_strdup("Bổ sung minh chứng");
	x->commendation.form = must_strdup("Giấy khen của Chủ tịch UBND thị xã");
	x->commendation.decision = must_strdup("123/QĐ-UBND");
	x->commendation.date = D_2024_12_20;
	x->commendation.signer = must_strdup("Trần Văn Bảy");
	x->propagations = calloc(3, sizeof *x->propagations);
	assert_non_null(x->propagations);
	x->n_propagations = 3;
	for (int i = 0; i < 3; i++) {
		struct propagation *p = &x->propagations[i];
		p->channel = props[i].ch;
		p->date = props[i].d;
		p->ref = must_strdup(props[i].ref);
		strcpy(p->by, props[i].by);
		p->at = 1715300000 + i * 86400;
	}
	strcpy(x->created_by, "lan");
	strcpy(x->updated_by, "minh");
	x->created_at = 1714600000;
	x->updated_at = 1734700000;
}

/* Only what a record must hold: id, type, category, status, date, unit, name. */
static void minimal_exemplar(struct exemplar *x)
{
	model_exemplar_init(x);
	x->id = 1;
	x->type = TYPE_COLLECTIVE;
	x->category = CAT_EDUCATION;
	x->status = STATUS_INTRODUCED;
	x->date = D_2024_05_02;
	strcpy(x->unit, "xa_vinh_quoi");
	x->name = must_strdup("Trường THCS Vĩnh Quới");
}

static void assert_str_or_null(const char *got, const char *want)
{
	if (!want)
		assert_null(got);
	else
		assert_string_equal(got, want);
}

static void assert_exemplar_equal(const struct exemplar *a, const struct exemplar *b)
{
	assert_int_equal(a->id, b->id);
	assert_int_equal(a->version, b->version);
	assert_int_equal(a->type, b->type);
	assert_int_equal(a->category, b->category);
	assert_int_equal(a->status, b->status);
	assert_int_equal(a->gender, b->gender);
	assert_int_equal(a->birth_year, b->birth_year);
	assert_int_equal(a->date, b->date);
	assert_string_equal(a->unit, b->unit);
	assert_str_or_null(a->name, b->name);
	assert_str_or_null(a->position, b->position);
	assert_str_or_null(a->workplace, b->workplace);
	assert_str_or_null(a->movement, b->movement);
	assert_str_or_null(a->achievements, b->achievements);
	assert_str_or_null(a->status_reason, b->status_reason);
	assert_str_or_null(a->commendation.form, b->commendation.form);
	assert_str_or_null(a->commendation.decision, b->commendation.decision);
	assert_int_equal(a->commendation.date, b->commendation.date);
	assert_str_or_null(a->commendation.signer, b->commendation.signer);
	assert_int_equal(a->n_propagations, b->n_propagations);
	for (size_t i = 0; i < a->n_propagations; i++) {
		const struct propagation *p = &a->propagations[i], *q = &b->propagations[i];
		assert_int_equal(p->channel, q->channel);
		assert_int_equal(p->date, q->date);
		assert_str_or_null(p->ref, q->ref);
		assert_string_equal(p->by, q->by);
		assert_int_equal(p->at, q->at);
	}
	assert_string_equal(a->created_by, b->created_by);
	assert_string_equal(a->updated_by, b->updated_by);
	assert_int_equal(a->created_at, b->created_at);
	assert_int_equal(a->updated_at, b->updated_at);
}

/* A refused exemplar decode leaves an empty, initialised struct. */
static void assert_exemplar_empty(const struct exemplar *x)
{
	assert_int_equal(x->id, 0);
	assert_null(x->name);
	assert_null(x->achievements);
	assert_null(x->propagations);
	assert_int_equal(x->n_propagations, 0);
	assert_int_equal(x->date, DATE_NONE);
}

static void encode(const struct exemplar *x, struct buf *b)
{
	b->len = 0;
	assert_int_equal(codec_encode_exemplar(x, b), 0);
	assert_true(b->len > 1);
	assert_int_equal(b->data[0], FMT_EXEMPLAR);
}

/* Decode from an exact-size heap copy, so that ASan sees any read past the end. */
static int decode_exact(const uint8_t *p, size_t n, struct exemplar *x, struct err *e)
{
	uint8_t *copy = malloc(n ? n : 1);
	int rc;

	assert_non_null(copy);
	if (n)
		memcpy(copy, p, n);
	rc = codec_decode_exemplar(copy, n, x, e);
	free(copy);
	return rc;
}

static void expect_refused(const void *p, size_t n)
{
	struct exemplar x;
	struct err e;

	model_exemplar_init(&x);
	err_clear(&e);
	assert_int_equal(decode_exact(p, n, &x, &e), -1);
	assert_int_equal(e.code, ERR_SCHEMA);
	assert_true(e.msg[0] != 0);
	assert_exemplar_empty(&x);
}

/* Find `s` in the encoding; fails the test if absent. */
static size_t find(const struct buf *b, const char *s)
{
	size_t n = strlen(s);

	for (size_t i = 0; i + n <= b->len; i++)
		if (memcmp(b->data + i, s, n) == 0)
			return i;
	fail_msg("\"%s\" not in the encoding", s);
	return 0;
}

/* ---- round trips ------------------------------------------------------------ */

static void test_exemplar_full_round_trip(void **state)
{
	struct exemplar x, y;
	struct buf b = { 0 };
	struct err e;

	(void)state;
	full_exemplar(&x);
	model_exemplar_init(&y);
	encode(&x, &b);
	assert_int_equal(codec_decode_exemplar(b.data, b.len, &y, &e), 0);
	assert_exemplar_equal(&y, &x);
	/* Spot checks against literals, not only against the original. */
	assert_string_equal(y.name, "Nguyễn Thị Hồng Nhung");
	assert_string_equal(y.achievements, ACHIEVEMENTS);
	assert_non_null(strchr(y.achievements, '\n'));
	assert_string_equal(y.propagations[1].ref, "https://nganam.soctrang.gov.vn/tin/123");
	assert_int_equal(y.propagations[2].channel, CHANNEL_OTHER);
	assert_int_equal(y.id, 123456789012ULL);
	model_exemplar_free(&x);
	model_exemplar_free(&y);
	buf_free(&b);
}

static void test_exemplar_minimal_round_trip(void **state)
{
	struct exemplar x, y;
	struct buf b = { 0 };
	struct err e;

	(void)state;
	minimal_exemplar(&x);
	model_exemplar_init(&y);
	encode(&x, &b);
	assert_int_equal(codec_decode_exemplar(b.data, b.len, &y, &e), 0);
	assert_exemplar_equal(&y, &x);
	assert_null(y.position);
	assert_null(y.commendation.form);
	assert_int_equal(y.commendation.date, DATE_NONE);
	assert_int_equal(y.gender, GENDER_UNKNOWN);
	assert_int_equal(y.version, 0);
	model_exemplar_free(&x);
	model_exemplar_free(&y);
	buf_free(&b);
}

/* Day 0 (1970-01-01) is a date, not "no date"; dates before 1970 are negative. */
static void test_exemplar_edge_dates(void **state)
{
	struct exemplar x, y;
	struct buf b = { 0 };
	struct err e;

	(void)state;
	minimal_exemplar(&x);
	x.date = 0;
	x.commendation.date = -1;         /* 1969-12-31 */
	x.birth_year = 1900;
	model_exemplar_init(&y);
	encode(&x, &b);
	assert_int_equal(codec_decode_exemplar(b.data, b.len, &y, &e), 0);
	assert_int_equal(y.date, 0);
	assert_int_equal(y.commendation.date, -1);
	assert_int_equal(y.birth_year, 1900);

	x.date = -25567;                  /* 1900-01-01 */
	x.commendation.date = 2932896;    /* 9999-12-31 */
	encode(&x, &b);
	assert_int_equal(codec_decode_exemplar(b.data, b.len, &y, &e), 0);
	assert_int_equal(y.date, -25567);
	assert_int_equal(y.commendation.date, 2932896);
	model_exemplar_free(&x);
	model_exemplar_free(&y);
	buf_free(&b);
}

/* Decoding over a filled struct replaces everything it held (ASan sees leaks). */
static void test_exemplar_decode_replaces(void **state)
{
	struct exemplar full, min, y;
	struct buf b = { 0 };
	struct err e;

	(void)state;
	full_exemplar(&full);
	minimal_exemplar(&min);
	model_exemplar_init(&y);
	encode(&full, &b);
	assert_int_equal(codec_decode_exemplar(b.data, b.len, &y, &e), 0);
	encode(&min, &b);
	assert_int_equal(codec_decode_exemplar(b.data, b.len, &y, &e), 0);
	assert_exemplar_equal(&y, &min);
	assert_int_equal(y.n_propagations, 0);
	assert_null(y.achievements);
	model_exemplar_free(&full);
	model_exemplar_free(&min);
	model_exemplar_free(&y);
	buf_free(&b);
}

/* Encoders append: bytes already in the buffer stay, the record follows them. */
static void test_encode_appends(void **state)
{
	struct exemplar x, y;
	struct buf b = { 0 };
	struct err e;

	(void)state;
	minimal_exemplar(&x);
	model_exemplar_init(&y);
	assert_int_equal(buf_put(&b, "XYZ", 3), 0);
	assert_int_equal(codec_encode_exemplar(&x, &b), 0);
	assert_memory_equal(b.data, "XYZ", 3);
	assert_int_equal(b.data[3], FMT_EXEMPLAR);
	assert_int_equal(codec_decode_exemplar(b.data + 3, b.len - 3, &y, &e), 0);
	assert_string_equal(y.name, "Trường THCS Vĩnh Quới");
	model_exemplar_free(&x);
	model_exemplar_free(&y);
	buf_free(&b);
}

static void test_unit_round_trip(void **state)
{
	struct unit u = { .code = "phuong_1", .kind = KIND_WARD, .block = "khoi_phuong",
			  .quota = 3, .successor = "phuong_2" };
	struct unit v = { .active_from = DATE_NONE, .active_to = DATE_NONE };
	struct unit m = { .code = "phong_vhtt", .kind = KIND_DEPARTMENT,
			  .active_from = DATE_NONE, .active_to = DATE_NONE };
	struct buf b = { 0 };
	struct err e;

	(void)state;
	u.name = must_strdup("Phường 1");
	u.active_from = D_2024_05_02;
	u.active_to = D_2024_12_20;
	assert_int_equal(codec_encode_unit(&u, &b), 0);
	assert_int_equal(b.data[0], FMT_UNIT);
	assert_int_equal(codec_decode_unit(b.data, b.len, &v, &e), 0);
	assert_string_equal(v.code, "phuong_1");
	assert_string_equal(v.name, "Phường 1");
	assert_int_equal(v.kind, KIND_WARD);
	assert_string_equal(v.block, "khoi_phuong");
	assert_int_equal(v.quota, 3);
	assert_int_equal(v.active_from, D_2024_05_02);
	assert_int_equal(v.active_to, D_2024_12_20);
	assert_string_equal(v.successor, "phuong_2");

	/* A minimal unit over the decoded one: open dates and empty strings come back. */
	m.name = must_strdup("Phòng Văn hóa và Thông tin");
	b.len = 0;
	assert_int_equal(codec_encode_unit(&m, &b), 0);
	assert_int_equal(codec_decode_unit(b.data, b.len, &v, &e), 0);
	assert_string_equal(v.code, "phong_vhtt");
	assert_string_equal(v.name, "Phòng Văn hóa và Thông tin");
	assert_int_equal(v.kind, KIND_DEPARTMENT);
	assert_string_equal(v.block, "");
	assert_int_equal(v.quota, 0);
	assert_int_equal(v.active_from, DATE_NONE);
	assert_int_equal(v.active_to, DATE_NONE);
	assert_string_equal(v.successor, "");
	model_unit_free(&u);
	model_unit_free(&m);
	model_unit_free(&v);
	buf_free(&b);
}

static void test_audit_round_trip(void **state)
{
	struct audit_entry a, b;
	struct buf enc = { 0 };
	struct err e;

	(void)state;
	audit_entry_init(&a);
	audit_entry_init(&b);
	a.seq = 42;
	a.time = 1714600000;
	strcpy(a.user, "lan");
	strcpy(a.op, "edit");
	a.record = 7;
	a.note = must_strdup("Sửa tên theo hồ sơ gốc");
	assert_int_equal(audit_add_change(&a, "name", "Lê Lan", "Lê Thị Lan"), 0);
	assert_int_equal(audit_add_change(&a, "position", NULL, "Giáo viên"), 0);
	assert_int_equal(audit_add_change(&a, "movement", "Dân vận khéo", NULL), 0);
	assert_int_equal(codec_encode_audit(&a, &enc), 0);
	assert_int_equal(enc.data[0], FMT_AUDIT);
	assert_int_equal(codec_decode_audit(enc.data, enc.len, &b, &e), 0);
	assert_int_equal(b.seq, 42);
	assert_int_equal(b.time, 1714600000);
	assert_string_equal(b.user, "lan");
	assert_string_equal(b.op, "edit");
	assert_int_equal(b.record, 7);
	assert_string_equal(b.note, "Sửa tên theo hồ sơ gốc");
	assert_int_equal(b.n_changes, 3);
	assert_string_equal(b.changes[0].field, "name");
	assert_string_equal(b.changes[0].before, "Lê Lan");
	assert_string_equal(b.changes[0].after, "Lê Thị Lan");
	assert_string_equal(b.changes[1].field, "position");
	assert_null(b.changes[1].before);
	assert_string_equal(b.changes[1].after, "Giáo viên");
	assert_string_equal(b.changes[2].field, "movement");
	assert_string_equal(b.changes[2].before, "Dân vận khéo");
	assert_null(b.changes[2].after);

	/* An entry without note, record or changes, decoded over the first. */
	audit_entry_free(&a);
	a.seq = 1;
	strcpy(a.op, "units");
	enc.len = 0;
	assert_int_equal(codec_encode_audit(&a, &enc), 0);
	assert_int_equal(codec_decode_audit(enc.data, enc.len, &b, &e), 0);
	assert_int_equal(b.seq, 1);
	assert_string_equal(b.op, "units");
	assert_int_equal(b.record, 0);
	assert_null(b.note);
	assert_int_equal(b.n_changes, 0);
	assert_null(b.changes);
	audit_entry_free(&a);
	audit_entry_free(&b);
	buf_free(&enc);
}

/* A record built by hand from the documented layout still decodes. */
static void test_exemplar_hand_built(void **state)
{
	static const uint8_t rec[] = {
		FMT_EXEMPLAR,
		T_ID, 1, 7,
		T_TYPE, 1, TYPE_INDIVIDUAL,
		T_CATEGORY, 1, CAT_GOOD_DEEDS,
		T_STATUS, 1, STATUS_ACCEPTED,
		/* 1985 zig-zag = 3970 = 2 + 31 * 128 */
		T_BIRTH_YEAR, 2, 0x82, 0x1f,
		/* 19845 zig-zag = 39690 = 10 + 54 * 128 + 2 * 16384 */
		T_DATE, 3, 0x8a, 0xb6, 0x02,
		T_UNIT, 8, 'p', 'h', 'u', 'o', 'n', 'g', '_', '1',
		T_NAME, 7, 'L', 0xc3, 0xaa, ' ', 'L', 'a', 'n',
	};
	struct exemplar x;
	struct err e;

	(void)state;
	model_exemplar_init(&x);
	assert_int_equal(decode_exact(rec, sizeof rec, &x, &e), 0);
	assert_int_equal(x.id, 7);
	assert_int_equal(x.type, TYPE_INDIVIDUAL);
	assert_int_equal(x.category, CAT_GOOD_DEEDS);
	assert_int_equal(x.status, STATUS_ACCEPTED);
	assert_int_equal(x.birth_year, 1985);
	assert_int_equal(x.date, D_2024_05_02);
	assert_string_equal(x.unit, "phuong_1");
	assert_string_equal(x.name, "Lê Lan");
	model_exemplar_free(&x);
}

/* ---- compatibility ---------------------------------------------------------- */

/* Fields of a later version (unknown tags) are skipped, wherever they are. */
static void test_unknown_tag_skipped(void **state)
{
	static const uint8_t extra[] = { 200, 3, 'n', 'e', 'w' };
	static const uint8_t extra_num[] = { 255, 2, 0x80, 0x01 };
	struct exemplar x, y;
	struct buf b = { 0 }, c = { 0 };
	struct err e;

	(void)state;
	full_exemplar(&x);
	model_exemplar_init(&y);
	encode(&x, &b);

	/* At the end. */
	assert_int_equal(buf_put(&c, b.data, b.len), 0);
	assert_int_equal(buf_put(&c, extra, sizeof extra), 0);
	assert_int_equal(decode_exact(c.data, c.len, &y, &e), 0);
	assert_exemplar_equal(&y, &x);

	/* Right after the format byte, and a second one before the name. */
	size_t at = find(&b, "Nguyễn Thị Hồng Nhung") - 2; /* tag, one-byte length */
	c.len = 0;
	assert_int_equal(buf_put(&c, b.data, 1), 0);
	assert_int_equal(buf_put(&c, extra_num, sizeof extra_num), 0);
	assert_int_equal(buf_put(&c, b.data + 1, at - 1), 0);
	assert_int_equal(buf_put(&c, extra, sizeof extra), 0);
	assert_int_equal(buf_put(&c, b.data + at, b.len - at), 0);
	assert_int_equal(decode_exact(c.data, c.len, &y, &e), 0);
	assert_exemplar_equal(&y, &x);

	/* Unit and audit records skip them too. */
	struct unit u = { .code = "xa_long_binh", .kind = KIND_COMMUNE,
			  .active_from = DATE_NONE, .active_to = DATE_NONE };
	struct unit v = { .active_from = DATE_NONE, .active_to = DATE_NONE };
	u.name = must_strdup("Xã Long Bình");
	c.len = 0;
	assert_int_equal(codec_encode_unit(&u, &c), 0);
	assert_int_equal(buf_put(&c, extra, sizeof extra), 0);
	assert_int_equal(codec_decode_unit(c.data, c.len, &v, &e), 0);
	assert_string_equal(v.name, "Xã Long Bình");
	assert_int_equal(v.kind, KIND_COMMUNE);

	struct audit_entry a, a2;
	audit_entry_init(&a);
	audit_entry_init(&a2);
	a.seq = 9;
	strcpy(a.op, "add");
	c.len = 0;
	assert_int_equal(codec_encode_audit(&a, &c), 0);
	assert_int_equal(buf_put(&c, extra, sizeof extra), 0);
	assert_int_equal(codec_decode_audit(c.data, c.len, &a2, &e), 0);
	assert_int_equal(a2.seq, 9);
	assert_string_equal(a2.op, "add");

	model_unit_free(&u);
	model_unit_free(&v);
	audit_entry_free(&a2);
	model_exemplar_free(&x);
	model_exemplar_free(&y);
	buf_free(&b);
	buf_free(&c);
}

/* An unknown tag inside a nested propagation is skipped as well. */
static void test_unknown_tag_in_propagation(void **state)
{
	static const uint8_t rec[] = {
		FMT_EXEMPLAR,
		T_ID, 1, 3, T_TYPE, 1, TYPE_COLLECTIVE, T_CATEGORY, 1, CAT_HEALTH,
		T_STATUS, 1, STATUS_INTRODUCED, T_DATE, 1, 0, T_UNIT, 1, 'a', T_NAME, 1, 'X',
		/* channel 2 (portal), an unknown tag 99, by "lan" */
		T_PROPAGATION, 12, 1, 1, 2, 99, 2, 'z', 'z', 4, 3, 'l', 'a', 'n',
	};
	struct exemplar x;
	struct err e;

	(void)state;
	model_exemplar_init(&x);
	assert_int_equal(decode_exact(rec, sizeof rec, &x, &e), 0);
	assert_int_equal(x.date, 0);
	assert_int_equal(x.n_propagations, 1);
	assert_int_equal(x.propagations[0].channel, CHANNEL_PORTAL);
	assert_string_equal(x.propagations[0].by, "lan");
	assert_null(x.propagations[0].ref);
	assert_int_equal(x.propagations[0].date, DATE_NONE);
	model_exemplar_free(&x);
}

static void test_unknown_format_refused(void **state)
{
	static const uint8_t formats[] = { 0x00, 0x10, 0x12, 0x1f, FMT_UNIT, FMT_AUDIT, 0xff };
	struct exemplar x;
	struct buf b = { 0 };
	struct unit u = { .active_from = DATE_NONE, .active_to = DATE_NONE };
	struct audit_entry a;
	struct err e;

	(void)state;
	minimal_exemplar(&x);
	encode(&x, &b);
	for (size_t i = 0; i < sizeof formats; i++) {
		b.data[0] = formats[i];
		expect_refused(b.data, b.len);
	}
	/* An exemplar is neither a unit nor an audit entry. */
	b.data[0] = FMT_EXEMPLAR;
	audit_entry_init(&a);
	err_clear(&e);
	assert_int_equal(codec_decode_unit(b.data, b.len, &u, &e), -1);
	assert_int_equal(e.code, ERR_SCHEMA);
	err_clear(&e);
	assert_int_equal(codec_decode_audit(b.data, b.len, &a, &e), -1);
	assert_int_equal(e.code, ERR_SCHEMA);
	/* Nothing at all. */
	expect_refused(b.data, 0);
	model_exemplar_free(&x);
	buf_free(&b);
}

/* ---- damaged records -------------------------------------------------------- */

/* Every prefix of a valid record is refused or decoded, never read past its end. */
static void test_truncations(void **state)
{
	struct exemplar x, y;
	struct buf b = { 0 };
	struct err e;
	size_t decoded = 0;

	(void)state;
	full_exemplar(&x);
	model_exemplar_init(&y);
	encode(&x, &b);
	for (size_t n = 0; n < b.len; n++) {
		err_clear(&e);
		int rc = decode_exact(b.data, n, &y, &e);
		if (rc == 0) {
			/* Cut at a field boundary after the required fields. */
			assert_string_equal(y.name, x.name);
			decoded++;
		} else {
			assert_int_equal(rc, -1);
			assert_int_equal(e.code, ERR_SCHEMA);
			assert_exemplar_empty(&y);
		}
	}
	assert_int_equal(decode_exact(b.data, b.len, &y, &e), 0);
	assert_exemplar_equal(&y, &x);
	/* The name is required, so no prefix ending before it can decode. */
	size_t name_at = find(&b, "Nguyễn Thị Hồng Nhung");
	for (size_t n = 0; n < name_at + strlen(x.name); n++)
		expect_refused(b.data, n);
	/* Fields after the name: a few prefixes must decode (and most must not). */
	assert_true(decoded > 3);
	assert_true(decoded < b.len / 4);
	model_exemplar_free(&x);
	model_exemplar_free(&y);
	buf_free(&b);
}

static void test_truncated_unit_and_audit(void **state)
{
	struct unit u = { .code = "phuong_1", .kind = KIND_WARD, .quota = 2,
			  .active_from = 100, .active_to = DATE_NONE };
	struct unit v = { .active_from = DATE_NONE, .active_to = DATE_NONE };
	struct audit_entry a, a2;
	struct buf b = { 0 };
	struct err e;

	(void)state;
	u.name = must_strdup("Phường 1");
	assert_int_equal(codec_encode_unit(&u, &b), 0);
	for (size_t n = 0; n < b.len; n++) {
		uint8_t *p = malloc(n + 1);
		assert_non_null(p);
		memcpy(p, b.data, n);
		int rc = codec_decode_unit(p, n, &v, &e);
		free(p);
		if (rc)
			assert_int_equal(e.code, ERR_SCHEMA);
		else
			assert_string_equal(v.name, "Phường 1");
	}
	audit_entry_init(&a);
	audit_entry_init(&a2);
	a.seq = 5;
	strcpy(a.op, "return");
	strcpy(a.user, "minh");
	assert_int_equal(audit_add_change(&a, "status", "introduced", "returned"), 0);
	b.len = 0;
	assert_int_equal(codec_encode_audit(&a, &b), 0);
	size_t ok = 0;
	for (size_t n = 0; n < b.len; n++) {
		uint8_t *p = malloc(n + 1);
		assert_non_null(p);
		memcpy(p, b.data, n);
		int rc = codec_decode_audit(p, n, &a2, &e);
		free(p);
		if (rc) {
			assert_int_equal(e.code, ERR_SCHEMA);
			assert_int_equal(a2.n_changes, 0);
		} else {
			ok++;
		}
	}
	assert_true(ok >= 1); /* at least the cut right after the op */
	model_unit_free(&u);
	model_unit_free(&v);
	audit_entry_free(&a);
	audit_entry_free(&a2);
	buf_free(&b);
}

/* A NUL inside a text payload is refused: C strings would silently cut it. */
static void test_nul_in_string_refused(void **state)
{
	static const char *const where[] = {
		"Nguyễn Thị Hồng Nhung", "phuong_1", "Bản tin nội bộ", "123/QĐ-UBND", "minh",
	};
	struct exemplar x;
	struct buf b = { 0 };

	(void)state;
	full_exemplar(&x);
	for (size_t i = 0; i < sizeof where / sizeof where[0]; i++) {
		encode(&x, &b);
		b.data[find(&b, where[i]) + 1] = 0;
		expect_refused(b.data, b.len);
	}
	model_exemplar_free(&x);
	buf_free(&b);
}

/* Out-of-range enums and numbers that the encoder writes blindly are refused on reading. */
static void test_out_of_range_refused(void **state)
{
	struct exemplar x;
	struct buf b = { 0 };

	(void)state;
	for (int i = 0; i < 8; i++) {
		full_exemplar(&x);
		switch (i) {
		case 0: x.type = TYPE_COUNT_; break;
		case 1: x.category = CAT_COUNT_; break;
		case 2: x.status = STATUS_COUNT_; break;
		case 3: x.status = (enum ex_status)200; break;
		case 4: x.gender = GENDER_COUNT_; break;
		case 5: x.propagations[1].channel = CHANNEL_COUNT_; break;
		case 6: x.birth_year = 10000; break;
		case 7: x.birth_year = -1; break;
		}
		encode(&x, &b);
		expect_refused(b.data, b.len);
		model_exemplar_free(&x);
	}
	/* A unit of unknown kind, an audit entry without op. */
	struct unit u = { .code = "a", .kind = KIND_COUNT_,
			  .active_from = DATE_NONE, .active_to = DATE_NONE };
	struct unit v = { .active_from = DATE_NONE, .active_to = DATE_NONE };
	struct audit_entry a, a2;
	struct err e;
	u.name = must_strdup("A");
	b.len = 0;
	assert_int_equal(codec_encode_unit(&u, &b), 0);
	assert_int_equal(codec_decode_unit(b.data, b.len, &v, &e), -1);
	assert_int_equal(e.code, ERR_SCHEMA);
	audit_entry_init(&a);
	audit_entry_init(&a2);
	a.seq = 3;
	b.len = 0;
	assert_int_equal(codec_encode_audit(&a, &b), 0);
	assert_int_equal(codec_decode_audit(b.data, b.len, &a2, &e), -1);
	assert_int_equal(e.code, ERR_SCHEMA);
	model_unit_free(&u);
	buf_free(&b);
}

/* Records missing a field every exemplar has are damaged. */
static void test_missing_required_refused(void **state)
{
	struct exemplar x;
	struct buf b = { 0 };

	(void)state;
	for (int i = 0; i < 6; i++) {
		minimal_exemplar(&x);
		switch (i) {
		case 0: x.id = 0; break;
		case 1: x.type = 0; break;
		case 2: x.category = 0; break;
		case 3: x.status = 0; break;
		case 4: x.date = DATE_NONE; break;
		case 5: free(x.name); x.name = NULL; break;
		}
		encode(&x, &b);
		expect_refused(b.data, b.len);
		model_exemplar_free(&x);
	}
	minimal_exemplar(&x);
	x.unit[0] = 0;
	encode(&x, &b);
	expect_refused(b.data, b.len);
	model_exemplar_free(&x);
	buf_free(&b);
}

/* Lengths that claim more than is there, or that break the field's shape. */
static void test_bad_lengths_refused(void **state)
{
	/* A complete record: whatever follows it is the only possible fault. */
	static const uint8_t head[] = {
		FMT_EXEMPLAR, T_ID, 1, 7, T_TYPE, 1, 1, T_CATEGORY, 1, 1, T_STATUS, 1, 1,
		T_DATE, 1, 0, T_UNIT, 1, 'a', T_NAME, 1, 'a',
	};
	static const uint8_t tails[][12] = {
		{ T_NAME, 5, 'a', 'b', 'c' },                         /* past the end */
		{ T_NAME, 0x81, 0x80, 0x80, 0x08, 'a' },              /* 2^24 + 1, past the end */
		{ T_NAME, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 'a' }, /* 2^63-1 */
		{ T_NAME, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01 },
		{ T_NAME, 0x80 },                                     /* length cut off */
		{ 0, 1, 'a' },                                        /* tag 0 */
		{ T_ID, 2, 7, 0 },                                    /* number with junk */
		{ T_ID, 2, 0x87, 0x80 },                              /* number not ended */
		{ T_ID, 0 },                                          /* number without bytes */
		{ T_PROPAGATION, 3, 1, 5, 1 },                        /* nested length past */
		{ T_PROPAGATION, 2, 4, 0 },                           /* no channel */
	};
	static const size_t tail_len[] = { 5, 6, 11, 12, 2, 3, 4, 4, 2, 5, 4 };
	uint8_t rec[sizeof head + 12];
	struct exemplar x;
	struct err e;

	(void)state;
	model_exemplar_init(&x);
	assert_int_equal(decode_exact(head, sizeof head, &x, &e), 0);
	assert_string_equal(x.name, "a");
	model_exemplar_free(&x);
	for (size_t i = 0; i < sizeof tail_len / sizeof tail_len[0]; i++) {
		memcpy(rec, head, sizeof head);
		memcpy(rec + sizeof head, tails[i], tail_len[i]);
		expect_refused(rec, sizeof head + tail_len[i]);
	}

	/* A user name one byte longer than its array (33 bytes) is refused; 32 fit. */
	uint8_t big[sizeof head + 2 + USER_MAX + 1];
	memcpy(big, head, sizeof head);
	big[sizeof head] = T_CREATED_BY;
	big[sizeof head + 1] = USER_MAX + 1;
	memset(big + sizeof head + 2, 'u', USER_MAX + 1);
	expect_refused(big, sizeof big);
	big[sizeof head + 1] = USER_MAX;
	assert_int_equal(decode_exact(big, sizeof big - 1, &x, &e), 0);
	assert_int_equal(strlen(x.created_by), USER_MAX);
	model_exemplar_free(&x);

	/* The same for a unit code: 33 bytes refused, 32 fit. */
	big[sizeof head] = T_UNIT;
	big[sizeof head + 1] = CODE_MAX + 1;
	memset(big + sizeof head + 2, 'b', CODE_MAX + 1);
	expect_refused(big, sizeof head + 2 + CODE_MAX + 1);
	big[sizeof head + 1] = CODE_MAX;
	assert_int_equal(decode_exact(big, sizeof head + 2 + CODE_MAX, &x, &e), 0);
	assert_int_equal(strlen(x.unit), CODE_MAX);
	assert_int_equal(x.unit[0], 'b');
	model_exemplar_free(&x);
}

/* The largest payload is 2^24 bytes: one byte more is refused even when present. */
static void test_oversize_payload_refused(void **state)
{
	static const uint8_t head[] = {
		FMT_EXEMPLAR, T_ID, 1, 7, T_TYPE, 1, 1, T_CATEGORY, 1, 1, T_STATUS, 1, 1,
		T_DATE, 1, 0, T_UNIT, 1, 'a',
	};
	const size_t max = (size_t)1 << 24;
	uint8_t *rec = malloc(sizeof head + 5 + max + 1);
	struct exemplar x;
	struct err e;

	(void)state;
	assert_non_null(rec);
	memcpy(rec, head, sizeof head);
	/* Name of exactly 2^24 bytes: length 0x80 0x80 0x80 0x08. */
	memcpy(rec + sizeof head, (const uint8_t[]){ T_NAME, 0x80, 0x80, 0x80, 0x08 }, 5);
	memset(rec + sizeof head + 5, 'a', max + 1);
	model_exemplar_init(&x);
	assert_int_equal(codec_decode_exemplar(rec, sizeof head + 5 + max, &x, &e), 0);
	assert_int_equal(strlen(x.name), max);
	model_exemplar_free(&x);
	/* 2^24 + 1: 0x81 0x80 0x80 0x08, with every byte there. */
	rec[sizeof head + 1] = 0x81;
	err_clear(&e);
	assert_int_equal(codec_decode_exemplar(rec, sizeof head + 5 + max + 1, &x, &e), -1);
	assert_int_equal(e.code, ERR_SCHEMA);
	assert_null(x.name);
	free(rec);
}

/* ---- random input ------------------------------------------------------------ */

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static uint32_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)(rng_state >> 16);
}

/* Whatever a decoder accepts must respect the struct's invariants. */
static void check_decoded(const struct exemplar *x)
{
	assert_true(x->id != 0);
	assert_true(x->type >= 1 && x->type < TYPE_COUNT_);
	assert_true(x->category >= 1 && x->category < CAT_COUNT_);
	assert_true(x->status >= 1 && x->status < STATUS_COUNT_);
	assert_true((int)x->gender >= 0 && x->gender < GENDER_COUNT_);
	assert_true(x->birth_year >= 0 && x->birth_year <= 9999);
	assert_non_null(x->name);
	assert_true(strlen(x->unit) >= 1 && strlen(x->unit) <= CODE_MAX);
	assert_true(strlen(x->created_by) <= USER_MAX);
	for (size_t i = 0; i < x->n_propagations; i++) {
		assert_true(x->propagations[i].channel >= 1 &&
			    x->propagations[i].channel < CHANNEL_COUNT_);
		assert_true(strlen(x->propagations[i].by) <= USER_MAX);
	}
}

/* Run all three decoders on `n` bytes; each accepts or refuses with ERR_SCHEMA. */
static int decode_all(const uint8_t *p, size_t n)
{
	struct exemplar x;
	struct unit u = { .active_from = DATE_NONE, .active_to = DATE_NONE };
	struct audit_entry a;
	struct err e;
	int accepted = 0;

	model_exemplar_init(&x);
	audit_entry_init(&a);
	if (decode_exact(p, n, &x, &e) == 0) {
		check_decoded(&x);
		accepted++;
	} else {
		assert_int_equal(e.code, ERR_SCHEMA);
	}
	if (codec_decode_unit(p, n, &u, &e) == 0) {
		assert_true(u.code[0] && u.name && u.kind >= 1 && u.kind < KIND_COUNT_);
		accepted++;
	} else {
		assert_int_equal(e.code, ERR_SCHEMA);
	}
	if (codec_decode_audit(p, n, &a, &e) == 0) {
		assert_true(a.seq && a.op[0]);
		for (size_t i = 0; i < a.n_changes; i++)
			assert_non_null(a.changes[i].field);
		accepted++;
	} else {
		assert_int_equal(e.code, ERR_SCHEMA);
	}
	model_exemplar_free(&x);
	model_unit_free(&u);
	audit_entry_free(&a);
	return accepted;
}

/* Seeded random buffers: raw bytes, and field-shaped bytes behind a valid format byte. */
static void test_random_bytes(void **state)
{
	static const uint8_t fmts[] = { FMT_EXEMPLAR, FMT_UNIT, FMT_AUDIT };
	uint8_t p[512];

	(void)state;
	for (int round = 0; round < 3000; round++) {
		size_t n = rnd() % sizeof p;
		for (size_t i = 0; i < n; i++)
			p[i] = (uint8_t)rnd();
		if (n && round % 2)
			p[0] = fmts[rnd() % 3];
		decode_all(p, n);
	}
	for (int round = 0; round < 3000; round++) {
		size_t n = 1;
		p[0] = fmts[rnd() % 3];
		while (n < sizeof p - 40 && rnd() % 16) {
			size_t m = rnd() % 12;
			p[n++] = (uint8_t)(1 + rnd() % 26);
			p[n++] = (uint8_t)(rnd() % 8 ? m : rnd());
			for (size_t i = 0; i < m; i++)
				p[n++] = (uint8_t)(rnd() % 4 ? 1 + rnd() % 24 : rnd());
		}
		decode_all(p, n);
	}
}

/* Seeded mutations of a valid record: flipped, inserted and deleted bytes. */
static void test_random_mutations(void **state)
{
	struct exemplar x;
	struct buf b = { 0 };
	uint8_t p[2048];
	int accepted = 0;

	(void)state;
	full_exemplar(&x);
	encode(&x, &b);
	assert_true(b.len < sizeof p - 8);
	for (int round = 0; round < 3000; round++) {
		size_t n = b.len;
		memcpy(p, b.data, n);
		for (uint32_t k = 1 + rnd() % 3; k; k--) {
			size_t at = 1 + rnd() % (n - 1);
			switch (rnd() % 3) {
			case 0: p[at] ^= (uint8_t)(1 + rnd() % 255); break;
			case 1: memmove(p + at + 1, p + at, n - at); p[at] = (uint8_t)rnd(); n++;
				break;
			default: memmove(p + at, p + at + 1, n - at - 1); n--; break;
			}
		}
		accepted += decode_all(p, n);
	}
	/* Flips inside text keep most records decodable: the check above did run. */
	assert_true(accepted > 0);
	model_exemplar_free(&x);
	buf_free(&b);
}

#if OOM_SWEEPS
/* A full record encoded and decoded while memory runs out (oom.h). */
struct codec_run {
	struct exemplar x, y; /* the record; what is decoded, over a minimal one */
	struct buf b, enc;    /* x encoded beforehand; an encoding made under the sweep */
	struct err e;
};

static int decode_run(void *p)
{
	struct codec_run *r = p;

	oom.spare = true; /* decoding replaces what y held: something to replace */
	minimal_exemplar(&r->y);
	oom.spare = false;
	return codec_decode_exemplar(r->b.data, r->b.len, &r->y, &r->e);
}

static void decode_failed(void *p)
{
	struct codec_run *r = p;

	assert_int_equal(r->e.code, ERR_NOMEM);
	assert_exemplar_empty(&r->y);
}

static void decode_done(void *p)
{
	struct codec_run *r = p;

	assert_exemplar_equal(&r->y, &r->x);
	model_exemplar_free(&r->y);
}

static int encode_run(void *p)
{
	struct codec_run *r = p;

	r->enc = (struct buf){ 0 };
	return buf_put(&r->enc, "ab", 2) || codec_encode_exemplar(&r->x, &r->enc);
}

static void encode_failed(void *p)
{
	buf_free(&((struct codec_run *)p)->enc);
}

static void encode_done(void *p)
{
	struct codec_run *r = p;

	/* What was in the buffer stays, and the record follows it. */
	assert_int_equal(r->enc.len, r->b.len + 2);
	assert_memory_equal(r->enc.data, "ab", 2);
	assert_memory_equal(r->enc.data + 2, r->b.data, r->b.len);
	buf_free(&r->enc);
}

static void test_out_of_memory(void **state)
{
	struct codec_run r = { .b = { 0 } };

	(void)state;
	full_exemplar(&r.x);
	model_exemplar_init(&r.y);
	encode(&r.x, &r.b);
	assert_true(oom_sweep(decode_run, decode_failed, decode_done, &r) > 10);
	assert_true(oom_sweep(encode_run, encode_failed, encode_done, &r) >= 2);
	model_exemplar_free(&r.x);
	buf_free(&r.b);
}
#endif

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exemplar_full_round_trip),
		cmocka_unit_test(test_exemplar_minimal_round_trip),
		cmocka_unit_test(test_exemplar_edge_dates),
		cmocka_unit_test(test_exemplar_decode_replaces),
		cmocka_unit_test(test_encode_appends),
		cmocka_unit_test(test_unit_round_trip),
		cmocka_unit_test(test_audit_round_trip),
		cmocka_unit_test(test_exemplar_hand_built),
		cmocka_unit_test(test_unknown_tag_skipped),
		cmocka_unit_test(test_unknown_tag_in_propagation),
		cmocka_unit_test(test_unknown_format_refused),
		cmocka_unit_test(test_truncations),
		cmocka_unit_test(test_truncated_unit_and_audit),
		cmocka_unit_test(test_nul_in_string_refused),
		cmocka_unit_test(test_out_of_range_refused),
		cmocka_unit_test(test_missing_required_refused),
		cmocka_unit_test(test_bad_lengths_refused),
		cmocka_unit_test(test_oversize_payload_refused),
		cmocka_unit_test(test_random_bytes),
		cmocka_unit_test(test_random_mutations),
#if OOM_SWEEPS
		cmocka_unit_test(test_out_of_memory),
#endif
	};

	return cmocka_run_group_tests_name("codec", tests, NULL, NULL);
}
