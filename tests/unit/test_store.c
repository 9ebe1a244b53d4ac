/* test_store.c - the LMDB store: records, indexes, counters, audit, files. */
#include <errno.h>
#include <ftw.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <lmdb.h> /* to write a schema 1 file as the old program left it */

#include "store.h"

/*
 * Day numbers (2024-01-01 = 19723, 2024 is a leap year):
 *   2023-11-20 = 19723 - 42 = 19681 (Q4 2023)
 *   2024-02-10 = 19723 + 40 = 19763 (Q1)
 *   2024-05-02 = 19723 + 122 = 19845 (Q2)
 *   2024-08-15 = 19723 + 227 = 19950 (Q3)
 *   2024-11-30 = 19723 + 334 = 20057 (Q4)
 */
#define D_2023_11_20 19681
#define D_2024_02_10 19763
#define D_2024_05_02 19845
#define D_2024_08_15 19950
#define D_2024_11_30 20057

#define MAP (1u << 20)

/* Each test's own directory, and a store created in <root>/db. */
struct fix {
	char *root;
	char db[512];
	struct store *s;
};

static char *sdup(const char *s)
{
	char *d = strdup(s);

	assert_non_null(d);
	return d;
}

static void path(char *buf, size_t cap, const char *dir, const char *name)
{
	int n = snprintf(buf, cap, "%s/%s", dir, name);

	assert_true(n > 0 && (size_t)n < cap);
}

static int rm_one(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(p);
}

static int setup(void **state)
{
	struct fix *f = calloc(1, sizeof *f);
	const char *tmp = getenv("TMPDIR");
	char tmpl[512];
	struct err e;

	if (!f)
		return -1;
	snprintf(tmpl, sizeof tmpl, "%s/dienhinh-store-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(tmpl) || !(f->root = strdup(tmpl)))
		return -1;
	snprintf(f->db, sizeof f->db, "%s/db", f->root);
	if (store_open(f->db, MAP, STORE_CREATE, &f->s, &e)) {
		fprintf(stderr, "store_open: %s\n", e.msg);
		return -1;
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fix *f = *state;

	store_close(f->s);
	nftw(f->root, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	free(f->root);
	free(f);
	return 0;
}

/* Whole content of a file (malloc'd), or NULL if it cannot be read. */
static uint8_t *slurp(const char *p, size_t *n)
{
	FILE *fp = fopen(p, "rb");
	uint8_t *b = NULL;
	long len;

	*n = 0;
	if (!fp)
		return NULL;
	if (fseek(fp, 0, SEEK_END) == 0 && (len = ftell(fp)) >= 0 && fseek(fp, 0, SEEK_SET) == 0 &&
	    (b = malloc((size_t)len + 1)) && fread(b, 1, (size_t)len, fp) == (size_t)len)
		*n = (size_t)len;
	fclose(fp);
	return b;
}

static void spill(const char *p, const void *b, size_t n)
{
	FILE *fp = fopen(p, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(b, 1, n, fp), n);
	assert_int_equal(fclose(fp), 0);
}

static bool exists(const char *p)
{
	return access(p, F_OK) == 0;
}

/* ---- exemplars ---------------------------------------------------------------- */

static void make(struct exemplar *x, uint64_t id, const char *unit, enum ex_type type,
		 const char *name, date_t date)
{
	model_exemplar_init(x);
	x->id = id;
	x->version = 1;
	x->type = type;
	x->category = type == TYPE_INDIVIDUAL ? CAT_OFFICIAL : CAT_MODEL_UNIT;
	x->status = STATUS_INTRODUCED;
	x->date = date;
	strcpy(x->unit, unit);
	x->name = sdup(name);
	strcpy(x->created_by, "lan");
	x->created_at = 1714600000;
}

static void full(struct exemplar *x)
{
	make(x, 0, "phuong_1", TYPE_INDIVIDUAL, "Nguyễn Thị Hồng Nhung", D_2024_05_02);
	x->gender = GENDER_FEMALE;
	x->birth_year = 1985;
	x->status = STATUS_COMMENDED;
	x->position = sdup("Giáo viên");
	x->workplace = sdup("Trường Tiểu học Ngã Năm 1");
	x->movement = sdup("Dạy tốt – học tốt");
	x->achievements = sdup("Giáo viên dạy giỏi cấp tỉnh.\nHướng dẫn học sinh đạt giải.");
	x->commendation.form = sdup("Giấy khen của Chủ tịch UBND thị xã");
	x->commendation.decision = sdup("123/QĐ-UBND");
	x->commendation.date = D_2024_11_30;
	x->propagations = calloc(2, sizeof *x->propagations);
	assert_non_null(x->propagations);
	x->n_propagations = 2;
	x->propagations[0] = (struct propagation){ CHANNEL_RADIO, D_2024_08_15,
						   sdup("Chuyên mục số 12"), "lan", 1723700000 };
	x->propagations[1] = (struct propagation){ CHANNEL_PORTAL, D_2024_11_30, NULL, "minh",
						   1732950000 };
	strcpy(x->updated_by, "minh");
	x->updated_at = 1732950000;
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
		assert_int_equal(a->propagations[i].channel, b->propagations[i].channel);
		assert_int_equal(a->propagations[i].date, b->propagations[i].date);
		assert_str_or_null(a->propagations[i].ref, b->propagations[i].ref);
		assert_string_equal(a->propagations[i].by, b->propagations[i].by);
		assert_int_equal(a->propagations[i].at, b->propagations[i].at);
	}
	assert_string_equal(a->created_by, b->created_by);
	assert_string_equal(a->updated_by, b->updated_by);
	assert_int_equal(a->created_at, b->created_at);
	assert_int_equal(a->updated_at, b->updated_at);
}

/* ---- transactions used by the tests ------------------------------------------------ */

/* Write `x` (replacing `old` if set); give it a new id first when it has none. */
struct put {
	struct exemplar *x;
	const struct exemplar *old;
	int runs;
};

static int put_fn(struct store_txn *t, void *ctx, struct err *e)
{
	struct put *p = ctx;

	p->runs++;
	if (!p->old && store_next_id(t, &p->x->id, e))
		return -1;
	return store_put_exemplar(t, p->old, p->x, e);
}

/* Add x as a new exemplar; returns its id. */
static uint64_t add(struct store *s, struct exemplar *x)
{
	struct put p = { x, NULL, 0 };
	struct err e;

	if (store_write(s, put_fn, &p, &e))
		fail_msg("store_write: %s", e.msg);
	assert_true(x->id > 0);
	return x->id;
}

/* Replace the stored version of x (read back first) by x. */
static void update(struct store *s, struct exemplar *old, struct exemplar *x)
{
	struct put p = { x, old, 0 };
	struct err e;

	if (store_write(s, put_fn, &p, &e))
		fail_msg("store_write: %s", e.msg);
}

struct get {
	uint64_t id;
	struct exemplar *x;
};

static int get_fn(struct store_txn *t, void *ctx, struct err *e)
{
	struct get *g = ctx;

	return store_get_exemplar(t, g->id, g->x, e);
}

static int get(struct store *s, uint64_t id, struct exemplar *x, struct err *e)
{
	struct get g = { id, x };

	return store_read(s, get_fn, &g, e);
}

static int stats_fn(struct store_txn *t, void *ctx, struct err *e)
{
	return store_stats(t, ctx, e);
}

static struct store_stats stats(struct store *s)
{
	struct store_stats st;
	struct err e;

	memset(&st, 0xff, sizeof st);
	if (store_read(s, stats_fn, &st, &e))
		fail_msg("store_stats: %s", e.msg);
	return st;
}

struct counts {
	int year, quarter;
	const char *unit;
	struct store_counts c;
};

static int counts_fn(struct store_txn *t, void *ctx, struct err *e)
{
	struct counts *c = ctx;

	return store_get_counts(t, c->year, c->quarter, c->unit, &c->c, e);
}

/* Assert the counters of one unit and quarter: total, individuals, and one status. */
static void assert_counts(struct store *s, int year, int q, const char *unit, uint32_t total,
			  uint32_t individuals, enum ex_status st, uint32_t in_status)
{
	struct counts c = { year, q, unit, { 0 } };
	struct err e;

	assert_int_equal(store_read(s, counts_fn, &c, &e), 0);
	assert_int_equal(c.c.total, total);
	assert_int_equal(c.c.by_type[TYPE_INDIVIDUAL], individuals);
	assert_int_equal(c.c.by_type[TYPE_COLLECTIVE], total - individuals);
	assert_int_equal(c.c.by_status[st], in_status);
}

/* Ids handed to a scan callback; `stop` > 0 ends the scan after that many. */
struct ids {
	uint64_t v[64];
	size_t n, stop;
};

static int id_cb(uint64_t id, void *ctx)
{
	struct ids *l = ctx;

	assert_true(l->n < 64);
	l->v[l->n++] = id;
	return l->stop && l->n >= l->stop ? 1 : 0;
}

enum scan_kind { SCAN_PERIOD, SCAN_FOLD };

struct scan {
	enum scan_kind kind;
	int year, quarter;
	const char *unit, *text;
	struct ids out;
};

static int scan_fn(struct store_txn *t, void *ctx, struct err *e)
{
	struct scan *sc = ctx;

	switch (sc->kind) {
	case SCAN_PERIOD:
		return store_scan_period(t, sc->year, sc->quarter, sc->unit, id_cb, &sc->out, e);
	case SCAN_FOLD:
		return store_scan_fold_prefix(t, sc->text, id_cb, &sc->out, e);
	}
	return -1;
}

/* Run a scan and compare the ids it gives with `want` (n of them, in order). */
static void assert_scan(struct store *s, struct scan sc, const uint64_t *want, size_t n)
{
	struct err e;

	sc.out.n = 0;
	if (store_read(s, scan_fn, &sc, &e))
		fail_msg("scan: %s", e.msg);
	if (sc.out.n != n)
		fail_msg("scan gave %zu ids, want %zu", sc.out.n, n);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(sc.out.v[i], want[i]);
}

#define IDS(...) (const uint64_t[]){ __VA_ARGS__ }, \
	sizeof((const uint64_t[]){ __VA_ARGS__ }) / sizeof(uint64_t)
#define PERIOD(y, q, u) (struct scan){ SCAN_PERIOD, y, q, u, NULL, { { 0 }, 0, 0 } }
#define FOLD(p) (struct scan){ SCAN_FOLD, 0, 0, NULL, p, { { 0 }, 0, 0 } }

/* Rows of a list scan, with copies of their keys for paging. */
struct rows {
	const char *unit;
	const uint8_t *from;
	size_t from_len;
	bool backward;
	size_t n, stop;
	uint64_t id[16];
	char name[16][64];
	uint8_t key[16][KEYS_MAX];
	size_t key_len[16];
};

static int row_cb(const struct list_row *r, void *ctx)
{
	struct rows *l = ctx;

	assert_true(l->n < 16);
	assert_true(r->key_len <= KEYS_MAX);
	l->id[l->n] = r->id;
	snprintf(l->name[l->n], sizeof l->name[0], "%s", r->name);
	memcpy(l->key[l->n], r->key, r->key_len);
	l->key_len[l->n] = r->key_len;
	l->n++;
	return l->stop && l->n >= l->stop ? 1 : 0;
}

static int rows_fn(struct store_txn *t, void *ctx, struct err *e)
{
	struct rows *l = ctx;

	l->n = 0;
	return store_scan_list(t, l->unit, l->from, l->from_len, l->backward, row_cb, l, e);
}

/* Scan the list and compare the names it gives with `want` (NULL-terminated). */
static void assert_rows(struct store *s, struct rows *l, const char *const *want)
{
	struct err e;
	size_t n = 0;

	if (store_read(s, rows_fn, l, &e))
		fail_msg("store_scan_list: %s", e.msg);
	while (want[n])
		n++;
	for (size_t i = 0; i < n && i < l->n; i++)
		if (strcmp(l->name[i], want[i]))
			fail_msg("row %zu is \"%s\", want \"%s\"", i, l->name[i], want[i]);
	assert_int_equal(l->n, n);
}

/* ---- opening ---------------------------------------------------------------- */

static int schema_fn(struct store_txn *t, void *ctx, struct err *e)
{
	(void)e;
	*(uint32_t *)ctx = store_schema(t);
	return 0;
}

static void test_create_and_reopen(void **state)
{
	struct fix *f = *state;
	char p[600], deep[600];
	struct store *s;
	struct stat sb;
	uint32_t schema = 0;
	struct err e;

	path(p, sizeof p, f->db, "data.mdb");
	assert_int_equal(stat(p, &sb), 0);
	/* Shared with the staff group: read-write for owner and group, nothing for others. */
	assert_int_equal(sb.st_mode & 0777, 0660);
	assert_int_equal(store_read(f->s, schema_fn, &schema, &e), 0);
	assert_int_equal(schema, STORE_SCHEMA);
	store_close(f->s);
	f->s = NULL;
	assert_int_equal(store_open(f->db, MAP, 0, &f->s, &e), 0);
	assert_non_null(f->s);
	schema = 0;
	assert_int_equal(store_read(f->s, schema_fn, &schema, &e), 0);
	assert_int_equal(schema, STORE_SCHEMA);

	/* Missing parent directories are created too. */
	path(deep, sizeof deep, f->root, "a/b/c");
	assert_int_equal(store_open(deep, MAP, STORE_CREATE, &s, &e), 0);
	path(p, sizeof p, deep, "data.mdb");
	assert_true(exists(p));
	store_close(s);
}

static void test_open_missing(void **state)
{
	struct fix *f = *state;
	char dir[600], p[600];
	struct store *s = (struct store *)1;
	struct err e;

	path(dir, sizeof dir, f->root, "nothing");
	err_clear(&e);
	assert_int_equal(store_open(dir, MAP, 0, &s, &e), -1);
	assert_null(s);
	assert_int_equal(e.code, ERR_NOTFOUND);
	assert_true(e.msg[0] != 0);
	assert_false(exists(dir));

	/* An existing empty directory: still nothing there, and nothing is created. */
	assert_int_equal(mkdir(dir, 0700), 0);
	err_clear(&e);
	assert_int_equal(store_open(dir, MAP, 0, &s, &e), -1);
	assert_int_equal(e.code, ERR_NOTFOUND);
	path(p, sizeof p, dir, "data.mdb");
	assert_false(exists(p));
	path(p, sizeof p, dir, "lock.mdb");
	assert_false(exists(p));
}

/* ---- records ---------------------------------------------------------------- */

static void test_put_get(void **state)
{
	struct fix *f = *state;
	struct exemplar x, y;
	struct err e;

	full(&x);
	model_exemplar_init(&y);
	uint64_t id = add(f->s, &x);
	assert_int_equal(id, 1);
	assert_int_equal(get(f->s, id, &y, &e), 0);
	assert_exemplar_equal(&y, &x);
	assert_string_equal(y.name, "Nguyễn Thị Hồng Nhung");
	assert_string_equal(y.propagations[0].ref, "Chuyên mục số 12");

	err_clear(&e);
	assert_int_equal(get(f->s, 2, &y, &e), -1);
	assert_int_equal(e.code, ERR_NOTFOUND);
	assert_true(e.msg[0] != 0);
	model_exemplar_free(&x);
	model_exemplar_free(&y);
}

struct next_ids {
	uint64_t v[3];
	int fail;
};

static int next_ids_fn(struct store_txn *t, void *ctx, struct err *e)
{
	struct next_ids *n = ctx;

	for (int i = 0; i < 3; i++)
		if (store_next_id(t, &n->v[i], e))
			return -1;
	return n->fail ? err_set(e, ERR_INVALID, "refused") : 0;
}

static void test_next_id(void **state)
{
	struct fix *f = *state;
	struct next_ids n = { { 0 }, 0 };
	struct err e;

	assert_int_equal(stats(f->s).next_id, 0);
	assert_int_equal(store_write(f->s, next_ids_fn, &n, &e), 0);
	assert_int_equal(n.v[0], 1);
	assert_int_equal(n.v[1], 2);
	assert_int_equal(n.v[2], 3);
	assert_int_equal(store_write(f->s, next_ids_fn, &n, &e), 0);
	assert_int_equal(n.v[0], 4);
	assert_int_equal(n.v[2], 6);
	assert_int_equal(stats(f->s).next_id, 7);
	/* A failed transaction takes nothing away: ids handed out later are still new. */
	n.fail = 1;
	assert_int_equal(store_write(f->s, next_ids_fn, &n, &e), -1);
	n.fail = 0;
	assert_int_equal(store_write(f->s, next_ids_fn, &n, &e), 0);
	assert_true(n.v[0] >= 7);
	assert_true(n.v[1] > n.v[0] && n.v[2] > n.v[1]);
}

struct verify {
	const struct exemplar *x;
	unsigned bad;
};

static int verify_fn(struct store_txn *t, void *ctx, struct err *e)
{
	struct verify *v = ctx;

	return store_verify_indexes(t, v->x, &v->bad, e);
}

static unsigned verify(struct store *s, const struct exemplar *x)
{
	struct verify v = { x, 0xdead };
	struct err e;

	assert_int_equal(store_read(s, verify_fn, &v, &e), 0);
	return v.bad;
}

struct each_counts {
	size_t n;
	int year[8], quarter[8];
	char unit[8][CODE_MAX + 1];
	struct store_counts c[8];
	bool damaged[8];
};

static int each_counts_cb(int year, int quarter, const char *unit,
			  const struct store_counts *c, void *ctx)
{
	struct each_counts *l = ctx;

	assert_true(l->n < 8);
	l->year[l->n] = year;
	l->quarter[l->n] = quarter;
	snprintf(l->unit[l->n], sizeof l->unit[0], "%s", unit);
	l->damaged[l->n] = !c;
	if (c)
		l->c[l->n] = *c;
	l->n++;
	return 0;
}

static int each_counts_fn(struct store_txn *t, void *ctx, struct err *e)
{
	return store_each_counts(t, each_counts_cb, ctx, e);
}

static void each_counts(struct store *s, struct each_counts *l)
{
	struct err e;

	memset(l, 0, sizeof *l);
	if (store_read(s, each_counts_fn, l, &e))
		fail_msg("store_each_counts: %s", e.msg);
}

/*
 * Change unit, quarter, status and name of a stored exemplar: every index
 * entry and both counters move, and nothing stale stays behind.
 */
static void test_update_moves_everything(void **state)
{
	struct fix *f = *state;
	struct exemplar x, old, y, got;
	struct rows l;
	struct each_counts ec;
	struct err e;

	make(&x, 0, "phuong_1", TYPE_INDIVIDUAL, "Lê Văn Bình", D_2024_05_02);
	make(&y, 0, "phuong_1", TYPE_COLLECTIVE, "Tổ dân phố 3", D_2024_05_02);
	assert_int_equal(add(f->s, &x), 1);
	assert_int_equal(add(f->s, &y), 2);
	assert_counts(f->s, 2024, 2, "phuong_1", 2, 1, STATUS_INTRODUCED, 2);

	model_exemplar_init(&old);
	model_exemplar_init(&got);
	assert_int_equal(get(f->s, 1, &old, &e), 0);
	strcpy(x.unit, "phuong_2");
	x.date = D_2024_08_15;
	x.status = STATUS_ACCEPTED;
	free(x.name);
	x.name = sdup("Trần Thị Ánh");
	x.version = 2;
	update(f->s, &old, &x);

	assert_int_equal(get(f->s, 1, &got, &e), 0);
	assert_exemplar_equal(&got, &x);

	/* Counters: Q2 of phuong_1 lost the individual, Q3 of phuong_2 gained it. */
	assert_counts(f->s, 2024, 2, "phuong_1", 1, 0, STATUS_INTRODUCED, 1);
	assert_counts(f->s, 2024, 3, "phuong_2", 1, 1, STATUS_ACCEPTED, 1);
	assert_counts(f->s, 2024, 3, "phuong_1", 0, 0, STATUS_ACCEPTED, 0);
	assert_counts(f->s, 2024, 2, "phuong_2", 0, 0, STATUS_INTRODUCED, 0);
	each_counts(f->s, &ec);
	assert_int_equal(ec.n, 2);
	assert_string_equal(ec.unit[0], "phuong_1");
	assert_int_equal(ec.quarter[0], 2);
	assert_string_equal(ec.unit[1], "phuong_2");
	assert_int_equal(ec.quarter[1], 3);
	assert_int_equal(ec.c[1].by_status[STATUS_INTRODUCED], 0);

	/* List index: each unit holds exactly its own. */
	memset(&l, 0, sizeof l);
	l.unit = "phuong_1";
	assert_rows(f->s, &l, (const char *[]){ "Tổ dân phố 3", NULL });
	l.unit = "phuong_2";
	assert_rows(f->s, &l, (const char *[]){ "Trần Thị Ánh", NULL });
	assert_int_equal(l.id[0], 1);

	/* Period, folded-name and same-name indexes. */
	assert_scan(f->s, PERIOD(2024, 2, NULL), IDS(2));
	assert_scan(f->s, PERIOD(2024, 3, NULL), IDS(1));
	assert_scan(f->s, PERIOD(2024, 0, NULL), IDS(2, 1));
	assert_scan(f->s, PERIOD(2024, 0, "phuong_1"), IDS(2));
	assert_scan(f->s, FOLD("le van"), NULL, 0);
	assert_scan(f->s, FOLD("tran thi anh"), IDS(1));

	/* The new version's entries are all there; the old one's are all gone. */
	assert_int_equal(verify(f->s, &x), 0);
	assert_int_equal(verify(f->s, &old),
			 STORE_IX_LIST | STORE_IX_PERIOD | STORE_IX_FOLDS);
	struct store_stats st = stats(f->s);
	assert_int_equal(st.exemplars, 2);
	assert_int_equal(st.list, 2);
	assert_int_equal(st.period, 2);
	assert_int_equal(st.folds, 2);
	assert_int_equal(st.counters, 2);
	assert_int_equal(st.next_id, 3);

	/* Moving the last exemplar out of a quarter removes its counter altogether. */
	assert_int_equal(get(f->s, 2, &old, &e), 0);
	y.date = D_2024_11_30;
	update(f->s, &old, &y);
	each_counts(f->s, &ec);
	assert_int_equal(ec.n, 2);
	assert_string_equal(ec.unit[0], "phuong_2");
	assert_int_equal(ec.quarter[0], 3);
	assert_string_equal(ec.unit[1], "phuong_1");
	assert_int_equal(ec.quarter[1], 4);
	assert_int_equal(ec.c[1].total, 1);
	assert_int_equal(stats(f->s).counters, 2);
	model_exemplar_free(&x);
	model_exemplar_free(&y);
	model_exemplar_free(&old);
	model_exemplar_free(&got);
}

/* A status change keeps every key; only the list value and the counters change. */
static void test_update_status_only(void **state)
{
	struct fix *f = *state;
	struct exemplar x, old;
	struct rows l;
	struct err e;

	make(&x, 0, "phuong_1", TYPE_INDIVIDUAL, "Lê Văn Bình", D_2024_05_02);
	add(f->s, &x);
	model_exemplar_init(&old);
	assert_int_equal(get(f->s, x.id, &old, &e), 0);
	x.status = STATUS_RETURNED;
	x.status_reason = sdup("Thiếu minh chứng");
	update(f->s, &old, &x);
	/* The stale list value is what the old version is missing. */
	assert_int_equal(verify(f->s, &x), 0);
	assert_int_equal(verify(f->s, &old), STORE_IX_LIST);
	assert_counts(f->s, 2024, 2, "phuong_1", 1, 1, STATUS_RETURNED, 1);
	assert_counts(f->s, 2024, 2, "phuong_1", 1, 1, STATUS_INTRODUCED, 0);
	memset(&l, 0, sizeof l);
	l.unit = "phuong_1";
	assert_rows(f->s, &l, (const char *[]){ "Lê Văn Bình", NULL });
	struct store_stats st = stats(f->s);
	assert_int_equal(st.list, 1);
	assert_int_equal(st.counters, 1);
	model_exemplar_free(&x);
	model_exemplar_free(&old);
}

/* An exemplar that was never written has no index entries. */
static void test_verify_missing(void **state)
{
	struct fix *f = *state;
	struct exemplar x, y;

	make(&x, 0, "phuong_1", TYPE_INDIVIDUAL, "Lê Văn Bình", D_2024_05_02);
	add(f->s, &x);
	make(&y, 99, "phuong_1", TYPE_INDIVIDUAL, "Võ Văn Dũng", D_2024_05_02);
	assert_int_equal(verify(f->s, &y),
			 STORE_IX_LIST | STORE_IX_PERIOD | STORE_IX_FOLDS);
	/* Same name, other id: the id is part of every key. */
	y.id = 2;
	free(y.name);
	y.name = sdup("Lê Văn Bình");
	assert_int_equal(verify(f->s, &y),
			 STORE_IX_LIST | STORE_IX_PERIOD | STORE_IX_FOLDS);
	assert_int_equal(verify(f->s, &x), 0);
	model_exemplar_free(&x);
	model_exemplar_free(&y);
}

/* A transaction that does everything and then fails. */
static int fail_fn(struct store_txn *t, void *ctx, struct err *e)
{
	struct exemplar *x = ctx;
	struct unit u = { .code = "phuong_9", .kind = KIND_WARD, .active_from = DATE_NONE,
			  .active_to = DATE_NONE };
	struct audit_entry a;
	struct store_counts c = { .total = 9 };
	int rc;

	u.name = "Phường 9";
	audit_entry_init(&a);
	a.record = 1;
	strcpy(a.op, "add");
	rc = store_next_id(t, &x->id, e) || store_put_exemplar(t, NULL, x, e) ||
	     store_put_unit(t, &u, e) || store_put_meta_u64(t, "units_hash", 42, e) ||
	     store_append_audit(t, &a, e) ||
	     store_debug_put_counts(t, 2020, 1, "phuong_9", &c, e);
	audit_entry_free(&a);
	if (rc)
		return -1;
	return err_set(e, ERR_INVALID, "refused by the test");
}

static int meta_fn(struct store_txn *t, void *ctx, struct err *e)
{
	return store_get_meta_u64(t, "units_hash", ctx, e);
}

static void test_failed_write_leaves_nothing(void **state)
{
	struct fix *f = *state;
	struct exemplar x, y;
	struct each_counts ec;
	uint64_t before = store_last_txn(f->s), hash = 7;
	struct err e;

	make(&x, 0, "phuong_1", TYPE_INDIVIDUAL, "Lê Văn Bình", D_2024_05_02);
	model_exemplar_init(&y);
	err_clear(&e);
	assert_int_equal(store_write(f->s, fail_fn, &x, &e), -1);
	/* The callback's error comes back as it was set. */
	assert_int_equal(e.code, ERR_INVALID);
	assert_string_equal(e.msg, "refused by the test");
	assert_int_equal(x.id, 1);

	assert_int_equal(store_last_txn(f->s), before);
	struct store_stats st = stats(f->s);
	assert_int_equal(st.exemplars, 0);
	assert_int_equal(st.list + st.period + st.folds, 0);
	assert_int_equal(st.counters, 0);
	assert_int_equal(st.units, 0);
	assert_int_equal(st.audit, 0);
	assert_int_equal(st.next_id, 0);
	assert_int_equal(get(f->s, 1, &y, &e), -1);
	assert_int_equal(e.code, ERR_NOTFOUND);
	assert_int_equal(store_read(f->s, meta_fn, &hash, &e), 0);
	assert_int_equal(hash, 0);
	each_counts(f->s, &ec);
	assert_int_equal(ec.n, 0);
	model_exemplar_free(&x);
}

static void test_interrupted_write(void **state)
{
	struct fix *f = *state;
	volatile sig_atomic_t stop = 1;
	struct exemplar x;
	struct put p = { &x, NULL, 0 };
	struct err e;

	make(&x, 0, "phuong_1", TYPE_COLLECTIVE, "Ấp 3", D_2024_05_02);
	store_set_interrupt(f->s, &stop);
	err_clear(&e);
	assert_int_equal(store_write(f->s, put_fn, &p, &e), -1);
	assert_int_equal(e.code, ERR_INTERRUPTED);
	assert_int_equal(stats(f->s).exemplars, 0);
	stop = 0;
	assert_int_equal(store_write(f->s, put_fn, &p, &e), 0);
	assert_int_equal(stats(f->s).exemplars, 1);
	store_set_interrupt(f->s, NULL);
	model_exemplar_free(&x);
}

static void test_last_txn(void **state)
{
	struct fix *f = *state;
	struct exemplar x;
	struct store_stats st;
	struct err e;

	uint64_t t0 = store_last_txn(f->s);
	assert_true(t0 > 0); /* creating the database committed */
	assert_int_equal(store_read(f->s, stats_fn, &st, &e), 0);
	assert_int_equal(store_last_txn(f->s), t0);
	make(&x, 0, "phuong_1", TYPE_COLLECTIVE, "Ấp 3", D_2024_05_02);
	add(f->s, &x);
	uint64_t t1 = store_last_txn(f->s);
	assert_true(t1 > t0);
	add(f->s, &x);
	assert_true(store_last_txn(f->s) > t1);
	model_exemplar_free(&x);
}

/* ---- map growth ----------------------------------------------------------------------- */

static int count_cb(const struct exemplar *x, void *ctx)
{
	assert_non_null(x->name);
	(*(size_t *)ctx)++;
	return 0;
}

static int count_fn(struct store_txn *t, void *ctx, struct err *e)
{
	return store_each_exemplar(t, count_cb, ctx, e);
}

static size_t count_exemplars(struct store *s)
{
	size_t n = 0;
	struct err e;

	if (store_read(s, count_fn, &n, &e))
		fail_msg("store_each_exemplar: %s", e.msg);
	return n;
}

#define GROW_N 2500

/* A 64 KiB map fills after a few records: every write still succeeds. */
static void test_map_growth(void **state)
{
	struct fix *f = *state;
	char dir[600], name[64];
	struct store *s;
	struct exemplar x;
	struct put p = { &x, NULL, 0 };
	size_t map, file;
	struct err e;

	path(dir, sizeof dir, f->root, "small");
	assert_int_equal(store_open(dir, 64 << 10, STORE_CREATE, &s, &e), 0);
	store_sizes(s, &map, &file);
	assert_int_equal(map, 64 << 10);
	for (int i = 0; i < GROW_N; i++) {
		snprintf(name, sizeof name, "Nguyễn Văn Thành %d", i);
		make(&x, 0, i % 2 ? "phuong_1" : "xa_tan_long", TYPE_INDIVIDUAL, name,
		     D_2024_05_02 + i % 200);
		x.achievements = sdup("Hoàn thành xuất sắc nhiệm vụ nhiều năm liền.");
		if (store_write(s, put_fn, &p, &e))
			fail_msg("write %d: %s", i, e.msg);
		model_exemplar_free(&x);
	}
	/* The map grew, and some writes ran again after growing it. */
	store_sizes(s, &map, &file);
	assert_true(map > (64 << 10));
	assert_true(file > (64 << 10));
	assert_true(p.runs > GROW_N);
	store_close(s);

	/* Reopened with the small map again: the file's size wins, everything is there. */
	assert_int_equal(store_open(dir, 64 << 10, 0, &s, &e), 0);
	assert_int_equal(count_exemplars(s), GROW_N);
	struct store_stats st = stats(s);
	assert_int_equal(st.list, GROW_N);
	assert_int_equal(st.folds, GROW_N);
	assert_int_equal(st.next_id, GROW_N + 1);
	/*
	 * phuong_1 has the odd i; Q2 ends on 2024-06-30, day 59 after 2024-05-02,
	 * so the odd i % 200 of 1..59 (30 of them) are in Q2, each 13 times in 0..2499.
	 */
	assert_counts(s, 2024, 2, "phuong_1", 390, 390, STATUS_INTRODUCED, 390);
	/* And it keeps growing on the next write. */
	make(&x, 0, "phuong_1", TYPE_COLLECTIVE, "Ấp 1", D_2024_05_02);
	assert_int_equal(add(s, &x), GROW_N + 1);
	model_exemplar_free(&x);
	store_close(s);
}

/* Not in the AddressSanitizer build, whose shadow memory needs the address space. */
#if !defined(__SANITIZE_ADDRESS__)
/*
 * The child's part of test_grow_without_address_space: 0 when every step
 * held, else the number of the step that did not.
 */
static int grow_child(const char *dir)
{
	struct rlimit lim, was;
	struct exemplar x;
	struct put p = { &x, NULL, 0 };
	struct store *s;
	struct err e;
	char name[64];
	size_t map = 0, file, before = 0, vm = 0;
	int added = 0, failed = 0;
	FILE *f;

	if (store_open(dir, 64 << 10, STORE_CREATE, &s, &e))
		return 1;
	/* Address space for a few MiB more than the process holds: the map
	 * soon needs more than that to double. */
	if (!(f = fopen("/proc/self/statm", "r")) || fscanf(f, "%zu", &vm) != 1)
		return 2;
	fclose(f);
	if (getrlimit(RLIMIT_AS, &was))
		return 3;
	lim = was;
	lim.rlim_cur = vm * (size_t)sysconf(_SC_PAGESIZE) + (6 << 20);
	if (setrlimit(RLIMIT_AS, &lim))
		return 4;
	while (!failed && added < 100000) {
		snprintf(name, sizeof name, "Nguyễn Văn Thành %d", added);
		make(&x, 0, "phuong_1", TYPE_INDIVIDUAL, name, D_2024_05_02 + added % 200);
		x.achievements = sdup("Hoàn thành xuất sắc nhiệm vụ nhiều năm liền.");
		store_sizes(s, &before, &file);
		if (store_write(s, put_fn, &p, &e))
			failed = 1;
		else
			added++;
		model_exemplar_free(&x);
	}
	store_sizes(s, &map, &file);
	/* Refused as out of memory, the map kept, every record before still read. */
	if (!failed || e.code != ERR_NOMEM || map != before || map < (1 << 20))
		return 5;
	if ((int)count_exemplars(s) != added)
		return 6;
	/* With the address space back, writes go in again and grow the map. */
	if (setrlimit(RLIMIT_AS, &was))
		return 7;
	for (int more = 0; map <= before && more < 100000; more++, added++) {
		snprintf(name, sizeof name, "Võ Văn Dũng %d", more);
		make(&x, 0, "phuong_1", TYPE_INDIVIDUAL, name, D_2024_05_02);
		failed = store_write(s, put_fn, &p, &e);
		model_exemplar_free(&x);
		if (failed)
			return 8;
		store_sizes(s, &map, &file);
	}
	if (map <= before || (int)count_exemplars(s) != added)
		return 9;
	store_close(s);
	return 0;
}

/*
 * A write that needs a larger map when the process has no address space
 * left for it: LMDB would unmap the old map before failing to make the new
 * one, and the next read would crash.  The map is kept, the write is
 * refused, and it goes in once there is room.  In a child, whose address
 * space limit the test lowers.
 */
static void test_grow_without_address_space(void **state)
{
	struct fix *f = *state;
	char dir[600];
	int status;
	pid_t pid;

	path(dir, sizeof dir, f->root, "noroom");
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		_exit(grow_child(dir));
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}
#endif

/* Many records in one transaction: the whole transaction is run again until it fits. */
struct batch {
	int n, runs;
};

static int batch_fn(struct store_txn *t, void *ctx, struct err *e)
{
	struct batch *b = ctx;
	struct exemplar x;
	char name[64];
	int rc = 0;

	b->runs++;
	for (int i = 0; i < b->n && !rc; i++) {
		snprintf(name, sizeof name, "Hộ kinh doanh %04d", i);
		make(&x, 0, "phuong_1", TYPE_COLLECTIVE, name, D_2024_02_10);
		rc = store_next_id(t, &x.id, e) || store_put_exemplar(t, NULL, &x, e);
		model_exemplar_free(&x);
	}
	return rc ? -1 : 0;
}

static void test_map_growth_one_transaction(void **state)
{
	struct fix *f = *state;
	char dir[600];
	struct store *s;
	struct batch b = { 1500, 0 };
	struct err e;

	path(dir, sizeof dir, f->root, "small");
	assert_int_equal(store_open(dir, 64 << 10, STORE_CREATE, &s, &e), 0);
	assert_int_equal(store_write(s, batch_fn, &b, &e), 0);
	assert_true(b.runs > 1);
	assert_int_equal(count_exemplars(s), 1500);
	/* A rerun started again from the same ids: none was lost or doubled. */
	assert_int_equal(stats(s).next_id, 1501);
	assert_counts(s, 2024, 1, "phuong_1", 1500, 0, STATUS_INTRODUCED, 1500);
	store_close(s);
}

/* ---- schema and damaged files --------------------------------------------------------- */

static int put_schema_fn(struct store_txn *t, void *ctx, struct err *e)
{
	return store_put_meta_u64(t, "schema", *(uint64_t *)ctx, e);
}

static void test_newer_schema_refused(void **state)
{
	struct fix *f = *state;
	uint64_t newer = STORE_SCHEMA + 1;
	char p[600];
	struct exemplar x;
	struct store *s = (struct store *)1;
	uint8_t *before, *after;
	size_t nb, na;
	struct err e;

	make(&x, 0, "phuong_1", TYPE_COLLECTIVE, "Ấp 3", D_2024_05_02);
	add(f->s, &x);
	assert_int_equal(store_write(f->s, put_schema_fn, &newer, &e), 0);
	store_close(f->s);
	f->s = NULL;
	path(p, sizeof p, f->db, "data.mdb");
	before = slurp(p, &nb);
	assert_non_null(before);
	assert_true(nb > 0);

	for (int create = 0; create < 2; create++) {
		err_clear(&e);
		assert_int_equal(store_open(f->db, MAP, create ? STORE_CREATE : 0, &s, &e), -1);
		assert_null(s);
		assert_int_equal(e.code, ERR_SCHEMA);
		assert_non_null(strstr(e.msg, "newer"));
	}
	after = slurp(p, &na);
	assert_non_null(after);
	assert_int_equal(na, nb);
	assert_memory_equal(after, before, nb);
	free(before);
	free(after);
	model_exemplar_free(&x);
}

/* A write transaction on the closed database in `dir`, through LMDB itself
 * (one process opens a file once: the store's environment must be closed). */
static MDB_txn *raw_begin(const char *dir, MDB_env **env)
{
	MDB_txn *txn;

	assert_int_equal(mdb_env_create(env), 0);
	assert_int_equal(mdb_env_set_maxdbs(*env, 16), 0);
	assert_int_equal(mdb_env_set_mapsize(*env, MAP), 0);
	assert_int_equal(mdb_env_open(*env, dir, MDB_NOTLS, 0660), 0);
	assert_int_equal(mdb_txn_begin(*env, NULL, 0, &txn), 0);
	return txn;
}

/* A counter as schemas 1 and 2 stored it: eleven 32-bit numbers in host
 * order, the total, then by type and by status indexed by code (0 unused). */
#define OLD_WORDS 11
struct old_counter {
	struct key k;
	uint32_t w[OLD_WORDS];
};

struct old_counters {
	struct old_counter v[16];
	size_t n;
};

static int old_counter_cb(int year, int quarter, const char *unit, const struct store_counts *c,
			  void *ctx)
{
	struct old_counters *o = ctx;
	struct old_counter *x = &o->v[o->n++];

	assert_true(o->n <= 16);
	assert_non_null(c);
	key_counter(&x->k, year, quarter, unit);
	x->w[0] = c->total;
	for (int i = 1; i < 3; i++)
		x->w[1 + i] = c->by_type[i];
	for (int i = 1; i < 7; i++)
		x->w[4 + i] = c->by_status[i];
	return 0;
}

static int old_counters_fn(struct store_txn *t, void *ctx, struct err *e)
{
	return store_each_counts(t, old_counter_cb, ctx, e);
}

/*
 * Turn the closed database in `dir` into what a program of `schema` (0, 1
 * or 2) left: every counter in the old form, the schema record, and for
 * schema 1 a "names" index with one entry for each of `records`.  Only
 * LMDB itself can write that, the store no longer knowing those forms.
 */
static void make_old(const char *dir, uint8_t schema, size_t records)
{
	struct old_counters old = { .n = 0 };
	struct store *s;
	struct err e;
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi names, meta, counters;
	uint8_t num[8] = { 0, 0, 0, 0, 0, 0, 0, schema }, key[9] = { 'a' };
	MDB_val k = { 6, "schema" }, d = { 8, num }, none = { 0, NULL };

	assert_int_equal(store_open(dir, MAP, STORE_READ_ONLY, &s, &e), 0);
	assert_int_equal(store_read(s, old_counters_fn, &old, &e), 0);
	store_close(s);
	txn = raw_begin(dir, &env);
	assert_int_equal(mdb_dbi_open(txn, "meta", 0, &meta), 0);
	assert_int_equal(mdb_dbi_open(txn, "counters", 0, &counters), 0);
	for (size_t i = 0; i < old.n; i++) {
		MDB_val ck = { old.v[i].k.n, old.v[i].k.b }, cd = { sizeof old.v[i].w, old.v[i].w };
		assert_int_equal(mdb_put(txn, counters, &ck, &cd, 0), 0);
	}
	if (schema == 1)
		assert_int_equal(mdb_dbi_open(txn, "names", MDB_CREATE, &names), 0);
	for (size_t i = 0; schema == 1 && i < records; i++) {
		MDB_val nk = { sizeof key, key };
		key[8] = (uint8_t)(i + 1);
		assert_int_equal(mdb_put(txn, names, &nk, &none, 0), 0);
	}
	assert_int_equal(mdb_put(txn, meta, &k, &d, 0), 0);
	assert_int_equal(mdb_txn_commit(txn), 0);
	mdb_env_close(env);
}

static void make_schema1(const char *dir, size_t records)
{
	make_old(dir, 1, records);
}

/* A database without a schema number (0) is brought up to STORE_SCHEMA, data kept. */
static void test_older_schema_migrated(void **state)
{
	struct fix *f = *state;
	uint32_t schema = 99;
	struct exemplar x, y;
	struct err e;

	make(&x, 0, "phuong_1", TYPE_COLLECTIVE, "Ấp 3", D_2024_05_02);
	add(f->s, &x);
	store_close(f->s);
	f->s = NULL;
	make_old(f->db, 0, 0);
	assert_int_equal(store_open(f->db, MAP, STORE_READ_ONLY, &f->s, &e), 0);
	assert_int_equal(store_read(f->s, schema_fn, &schema, &e), 0);
	assert_int_equal(schema, 0);
	store_close(f->s);
	assert_int_equal(store_open(f->db, MAP, 0, &f->s, &e), 0);
	assert_int_equal(store_read(f->s, schema_fn, &schema, &e), 0);
	assert_int_equal(schema, STORE_SCHEMA);
	assert_counts(f->s, 2024, 2, "phuong_1", 1, 0, STATUS_INTRODUCED, 1);
	model_exemplar_init(&y);
	assert_int_equal(get(f->s, x.id, &y, &e), 0);
	assert_string_equal(y.name, "Ấp 3");
	model_exemplar_free(&x);
	model_exemplar_free(&y);
}

/*
 * Schema 3 to the present: the list index is written again with this
 * program's keys.  Here it held one stale entry and none of the records'.
 */
static void test_schema3_list_rewritten(void **state)
{
	struct fix *f = *state;
	uint32_t schema = 0;
	struct exemplar x, y;
	struct err e;
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi list, meta;
	uint8_t num[8] = { 0, 0, 0, 0, 0, 0, 0, 3 };
	MDB_val k = { 6, "schema" }, d = { 8, num }, sk = { 5, "stale" }, sd = { 1, "x" };

	make(&x, 0, "phuong_1", TYPE_INDIVIDUAL, "Châu Thị Hòa", D_2024_05_02);
	add(f->s, &x);
	make(&y, 0, "phuong_1", TYPE_INDIVIDUAL, "Trần Thị Hoà", D_2024_11_30);
	add(f->s, &y);
	store_close(f->s);
	f->s = NULL;
	txn = raw_begin(f->db, &env);
	assert_int_equal(mdb_dbi_open(txn, "meta", 0, &meta), 0);
	assert_int_equal(mdb_dbi_open(txn, "list", 0, &list), 0);
	assert_int_equal(mdb_drop(txn, list, 0), 0);
	assert_int_equal(mdb_put(txn, list, &sk, &sd, 0), 0);
	assert_int_equal(mdb_put(txn, meta, &k, &d, 0), 0);
	assert_int_equal(mdb_txn_commit(txn), 0);
	mdb_env_close(env);

	assert_int_equal(store_open(f->db, MAP, 0, &f->s, &e), 0);
	assert_int_equal(store_read(f->s, schema_fn, &schema, &e), 0);
	assert_int_equal(schema, STORE_SCHEMA);
	assert_int_equal(verify(f->s, &x), 0);
	assert_int_equal(verify(f->s, &y), 0);
	assert_int_equal(stats(f->s).list, 2);
	model_exemplar_free(&x);
	model_exemplar_free(&y);
}

/* Entries of the "names" table of the database in `dir` (closed); -1 if
 * it has no such table. */
static long names_entries(const char *dir)
{
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	MDB_stat st = { 0 };
	int rc;

	assert_int_equal(mdb_env_create(&env), 0);
	assert_int_equal(mdb_env_set_maxdbs(env, 16), 0);
	assert_int_equal(mdb_env_open(env, dir, MDB_RDONLY | MDB_NOTLS, 0), 0);
	assert_int_equal(mdb_txn_begin(env, NULL, MDB_RDONLY, &txn), 0);
	rc = mdb_dbi_open(txn, "names", 0, &dbi);
	if (rc == 0)
		assert_int_equal(mdb_stat(txn, dbi, &st), 0);
	mdb_txn_abort(txn);
	mdb_env_close(env);
	assert_true(rc == 0 || rc == MDB_NOTFOUND);
	return rc ? -1 : (long)st.ms_entries;
}

/* Schema 1 to the present: the first open empties the names index; records,
 * their other indexes and the counters are kept, and the schema is this one. */
static void test_schema1_names_dropped(void **state)
{
	struct fix *f = *state;
	uint32_t schema = 0;
	struct exemplar x, y, z;
	struct err e;

	make(&x, 0, "phuong_1", TYPE_INDIVIDUAL, "Trần Thị Ánh", D_2024_05_02);
	add(f->s, &x);
	make(&y, 0, "phuong_1", TYPE_COLLECTIVE, "Ấp 3", D_2024_11_30);
	add(f->s, &y);
	store_close(f->s);
	f->s = NULL;
	make_schema1(f->db, 2);
	assert_int_equal(names_entries(f->db), 2);

	assert_int_equal(store_open(f->db, MAP, 0, &f->s, &e), 0);
	assert_int_equal(store_read(f->s, schema_fn, &schema, &e), 0);
	assert_int_equal(schema, STORE_SCHEMA);
	model_exemplar_init(&z);
	assert_int_equal(get(f->s, y.id, &z, &e), 0);
	assert_string_equal(z.name, "Ấp 3");
	assert_int_equal(verify(f->s, &x), 0);
	assert_int_equal(verify(f->s, &y), 0);
	struct store_stats st = stats(f->s);
	assert_int_equal(st.exemplars, 2);
	assert_int_equal(st.list + st.period + st.folds, 6);
	assert_counts(f->s, 2024, 2, "phuong_1", 1, 1, STATUS_INTRODUCED, 1);
	store_close(f->s);
	f->s = NULL;
	assert_int_equal(names_entries(f->db), 0);
	assert_int_equal(store_open(f->db, MAP, 0, &f->s, &e), 0);
	model_exemplar_free(&x);
	model_exemplar_free(&y);
	model_exemplar_free(&z);
}

/* The stored value of a counter in the closed database `dir`: put (n bytes
 * of b), or read into b (returning its size, 0 when there is none). */
static size_t raw_counter(const char *dir, const char *unit, int year, int quarter, uint8_t *b,
			  size_t n, bool put)
{
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	struct key k;
	MDB_val kv, d = { n, b };
	int rc;

	key_counter(&k, year, quarter, unit);
	kv = (MDB_val){ k.n, k.b };
	txn = raw_begin(dir, &env);
	assert_int_equal(mdb_dbi_open(txn, "counters", 0, &dbi), 0);
	if (put) {
		assert_int_equal(mdb_put(txn, dbi, &kv, &d, 0), 0);
	} else if ((rc = mdb_get(txn, dbi, &kv, &d)) == 0) {
		assert_true(d.mv_size <= n);
		memcpy(b, d.mv_data, d.mv_size);
	} else {
		assert_int_equal(rc, MDB_NOTFOUND);
		d.mv_size = 0;
	}
	assert_int_equal(mdb_txn_commit(txn), 0);
	mdb_env_close(env);
	return d.mv_size;
}

/*
 * Schema 2 to the present: every counter is rewritten from the fixed array
 * to the tagged form (a format byte, then tag and LEB128 count for each
 * count that is not zero: total 0x00, type 0x40|code, status 0x80|code),
 * one of the wrong size is left reading as damaged, and a second open
 * changes nothing.
 */
static void test_schema2_counters_migrated(void **state)
{
	static const uint8_t want[] = { 1, 0x00, 1, 0x40 | TYPE_INDIVIDUAL, 1,
					0x80 | STATUS_RETURNED, 1 };
	struct fix *f = *state;
	uint8_t b[64], again[64], bad[7] = { 1, 2, 3, 4, 5, 6, 7 };
	/* total 5; unused, collective 2, individual 3; unused, introduced 1,
	 * accepted 1, returned 0, proposed 3, commended 0, revoked 0 */
	uint32_t old[11] = { 5, 0, 2, 3, 0, 1, 1, 0, 3, 0, 0 };
	struct counts lit = { 2022, 1, "phuong_3", { 0 } };
	struct exemplar x, y;
	struct each_counts ec;
	struct counts c = { 2023, 1, "phuong_2", { 0 } };
	uint32_t schema = 0;
	size_t n, damaged = 0;
	struct err e;

	make(&x, 0, "phuong_1", TYPE_INDIVIDUAL, "Trần Thị Ánh", D_2024_05_02);
	x.status = STATUS_RETURNED;
	add(f->s, &x);
	make(&y, 0, "phuong_1", TYPE_COLLECTIVE, "Ấp 3", D_2024_11_30);
	add(f->s, &y);
	store_close(f->s);
	f->s = NULL;
	make_old(f->db, 2, 0);
	raw_counter(f->db, "phuong_2", 2023, 1, bad, sizeof bad, true);
	raw_counter(f->db, "phuong_3", 2022, 1, (uint8_t *)old, sizeof old, true);
	assert_int_equal(raw_counter(f->db, "phuong_1", 2024, 2, b, sizeof b, false), 44);

	assert_int_equal(store_open(f->db, MAP, 0, &f->s, &e), 0);
	assert_int_equal(store_read(f->s, schema_fn, &schema, &e), 0);
	assert_int_equal(schema, STORE_SCHEMA);
	assert_counts(f->s, 2024, 2, "phuong_1", 1, 1, STATUS_RETURNED, 1);
	assert_counts(f->s, 2024, 4, "phuong_1", 1, 0, STATUS_INTRODUCED, 1);
	assert_int_equal(store_read(f->s, counts_fn, &lit, &e), 0);
	assert_int_equal(lit.c.total, 5);
	assert_int_equal(lit.c.by_type[TYPE_COLLECTIVE], 2);
	assert_int_equal(lit.c.by_type[TYPE_INDIVIDUAL], 3);
	assert_int_equal(lit.c.by_status[STATUS_INTRODUCED], 1);
	assert_int_equal(lit.c.by_status[STATUS_ACCEPTED], 1);
	assert_int_equal(lit.c.by_status[STATUS_RETURNED], 0);
	assert_int_equal(lit.c.by_status[STATUS_PROPOSED], 3);
	assert_int_equal(lit.c.by_status[STATUS_COMMENDED] + lit.c.by_status[STATUS_REVOKED], 0);
	assert_int_equal(store_read(f->s, counts_fn, &c, &e), -1);
	assert_int_equal(e.code, ERR_SCHEMA);
	each_counts(f->s, &ec);
	assert_int_equal(ec.n, 4);
	for (size_t i = 0; i < ec.n; i++)
		damaged += ec.damaged[i];
	assert_int_equal(damaged, 1);
	assert_true(ec.damaged[1]); /* 2022 Q1, then 2023 Q1 */
	store_close(f->s);
	f->s = NULL;
	n = raw_counter(f->db, "phuong_1", 2024, 2, b, sizeof b, false);
	assert_int_equal(n, sizeof want);
	assert_memory_equal(b, want, sizeof want);

	assert_int_equal(store_open(f->db, MAP, 0, &f->s, &e), 0);
	store_close(f->s);
	f->s = NULL;
	assert_int_equal(raw_counter(f->db, "phuong_1", 2024, 2, again, sizeof again, false), n);
	assert_memory_equal(again, b, n);
	assert_int_equal(store_open(f->db, MAP, 0, &f->s, &e), 0);
	assert_counts(f->s, 2024, 2, "phuong_1", 1, 1, STATUS_RETURNED, 1);
	model_exemplar_free(&x);
	model_exemplar_free(&y);
}

/*
 * A counter written without some status (as one written before that
 * status existed would be) reads that status as zero; one with a tag this
 * program does not know, tags out of order, a zero count, another format
 * byte or a count cut short reads as damaged.
 */
static void test_counter_forms(void **state)
{
	static const struct {
		uint8_t b[12];
		size_t n;
		bool ok;
	} cases[] = {
		{ { 1, 0x00, 2, 0x41, 2 }, 5, true },
		{ { 1, 0x00, 0xAC, 0x02, 0x41, 0xAC, 0x02, 0x81, 0xAC, 0x02 }, 10, true },
		{ { 1 }, 1, true },
		{ { 1, 0x00, 2, 0xBF, 2 }, 5, false },
		{ { 1, 0x41, 2, 0x00, 2 }, 5, false },
		{ { 1, 0x00, 0 }, 3, false },
		{ { 2, 0x00, 2 }, 3, false },
		{ { 1, 0x00, 0x82 }, 3, false },
		{ { 1, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F }, 7, false },
	};
	struct fix *f = *state;
	struct counts c = { 2024, 1, "phuong_1", { 0 } };
	struct err e;

	store_close(f->s);
	f->s = NULL;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		raw_counter(f->db, "phuong_1", 2024, 1, (uint8_t *)cases[i].b, cases[i].n, true);
		assert_int_equal(store_open(f->db, MAP, STORE_READ_ONLY, &f->s, &e), 0);
		int rc = store_read(f->s, counts_fn, &c, &e);
		store_close(f->s);
		f->s = NULL;
		if (!cases[i].ok) {
			if (rc != -1 || e.code != ERR_SCHEMA)
				fail_msg("case %zu read as sound", i);
			continue;
		}
		if (rc)
			fail_msg("case %zu: %s", i, e.msg);
		assert_int_equal(c.c.by_status[STATUS_INTRODUCED], i == 1 ? 300 : 0);
		assert_int_equal(c.c.total, i == 0 ? 2 : i == 1 ? 300 : 0);
		assert_int_equal(c.c.by_type[TYPE_COLLECTIVE], c.c.total);
	}
	assert_int_equal(store_open(f->db, MAP, 0, &f->s, &e), 0);
}

/*
 * A late entry is counted as any other and in the late counts too; once
 * withdrawn, an exemplar is counted under its status alone.  The bytes are
 * worked out from the tags (store_counts.c): 0x00 total, 0x10|type late,
 * 0x40|type, 0x80|status, 0xC0|status late.
 */
static void test_counter_late_and_withdrawn(void **state)
{
	static const uint8_t late[] = { 1, 0x00, 1, 0x12, 1, 0x42, 1, 0x81, 1, 0xC1, 1 };
	static const uint8_t withdrawn[] = { 1, 0x87, 1 };
	struct fix *f = *state;
	struct exemplar x, old;
	struct counts c = { 2024, 2, "phuong_1", { 0 } };
	uint8_t b[64];
	struct err e;

	make(&x, 0, "phuong_1", TYPE_INDIVIDUAL, "Lê Văn Bình", D_2024_05_02);
	x.late = true;
	assert_int_equal(add(f->s, &x), 1);
	assert_int_equal(store_read(f->s, counts_fn, &c, &e), 0);
	assert_int_equal(c.c.total, 1);
	assert_int_equal(c.c.late_by_type[TYPE_INDIVIDUAL], 1);
	assert_int_equal(c.c.late_by_status[STATUS_INTRODUCED], 1);
	model_exemplar_init(&old);
	assert_int_equal(get(f->s, 1, &old, &e), 0);
	assert_true(old.late);
	x.status = STATUS_WITHDRAWN;
	x.version = 2;
	update(f->s, &old, &x);
	assert_int_equal(store_read(f->s, counts_fn, &c, &e), 0);
	assert_int_equal(c.c.total, 0);
	assert_int_equal(c.c.by_type[TYPE_INDIVIDUAL], 0);
	assert_int_equal(c.c.late_by_type[TYPE_INDIVIDUAL], 0);
	assert_int_equal(c.c.by_status[STATUS_WITHDRAWN], 1);
	store_close(f->s);
	f->s = NULL;
	assert_int_equal(raw_counter(f->db, "phuong_1", 2024, 2, b, sizeof b, false),
			 sizeof withdrawn);
	assert_memory_equal(b, withdrawn, sizeof withdrawn);
	/* the late counter's own bytes read back as written */
	raw_counter(f->db, "phuong_1", 2024, 2, (uint8_t *)late, sizeof late, true);
	assert_int_equal(store_open(f->db, MAP, 0, &f->s, &e), 0);
	assert_int_equal(store_read(f->s, counts_fn, &c, &e), 0);
	assert_int_equal(c.c.total, 1);
	assert_int_equal(c.c.by_type[TYPE_INDIVIDUAL], 1);
	assert_int_equal(c.c.late_by_type[TYPE_INDIVIDUAL], 1);
	assert_int_equal(c.c.late_by_status[STATUS_INTRODUCED], 1);
	/* a late type or status code out of range is a damaged counter */
	static const uint8_t bad[][5] = { { 1, 0x00, 1, 0x13, 1 }, { 1, 0x00, 1, 0x10, 1 },
					  { 1, 0x00, 1, 0xC0, 1 } };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		store_close(f->s);
		f->s = NULL;
		raw_counter(f->db, "phuong_1", 2024, 2, (uint8_t *)bad[i], sizeof bad[i], true);
		assert_int_equal(store_open(f->db, MAP, 0, &f->s, &e), 0);
		assert_int_equal(store_read(f->s, counts_fn, &c, &e), -1);
		assert_int_equal(e.code, ERR_SCHEMA);
	}
	model_exemplar_free(&x);
	model_exemplar_free(&old);
}

/* Opened read only, a schema 1 file is left as it is and said to be
 * outdated; a write is refused; the next open for writing migrates it. */
static void test_schema1_read_only_left_alone(void **state)
{
	struct fix *f = *state;
	struct exemplar x;
	struct err e;

	make(&x, 0, "phuong_1", TYPE_INDIVIDUAL, "Trần Thị Ánh", D_2024_05_02);
	add(f->s, &x);
	assert_false(store_outdated(f->s));
	store_close(f->s);
	f->s = NULL;
	make_schema1(f->db, 1);
	assert_int_equal(store_open(f->db, MAP, STORE_READ_ONLY, &f->s, &e), 0);
	assert_true(store_outdated(f->s));
	struct put p = { &x, NULL, 0 };
	assert_int_equal(store_write(f->s, put_fn, &p, &e), -1);
	assert_int_equal(e.code, ERR_STORE);
	assert_int_equal(p.runs, 0);
	store_close(f->s);
	f->s = NULL;
	assert_int_equal(names_entries(f->db), 1);
	assert_int_equal(store_open(f->db, MAP, 0, &f->s, &e), 0);
	assert_false(store_outdated(f->s));
	store_close(f->s);
	f->s = NULL;
	assert_int_equal(names_entries(f->db), 0);
	assert_int_equal(store_open(f->db, MAP, STORE_READ_ONLY, &f->s, &e), 0);
	assert_false(store_outdated(f->s));
	model_exemplar_free(&x);
}

/*
 * A session of the schema 1 program, open while the new one migrates the
 * file, holds a handle to the names table and writes into it: it must not
 * crash (LMDB crashes on a handle to a deleted table).  The child stands
 * for that session, with LMDB itself: it opens the table, waits for the
 * migration, then writes into it.
 */
static void test_schema1_session_outlives_migration(void **state)
{
	struct fix *f = *state;
	int to_child[2], to_parent[2], status;
	struct err e;
	char c = 0;
	pid_t pid;

	store_close(f->s);
	f->s = NULL;
	make_schema1(f->db, 1);
	assert_int_equal(pipe(to_child), 0);
	assert_int_equal(pipe(to_parent), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		MDB_env *env;
		MDB_txn *txn;
		MDB_dbi names;
		uint8_t key[9] = { 'z', 0, 0, 0, 0, 0, 0, 0, 7 };
		MDB_val k = { sizeof key, key }, none = { 0, NULL };
		int ok = mdb_env_create(&env) == 0 && mdb_env_set_maxdbs(env, 16) == 0 &&
			 mdb_env_set_mapsize(env, MAP) == 0 &&
			 mdb_env_open(env, f->db, MDB_NOTLS, 0660) == 0 &&
			 mdb_txn_begin(env, NULL, 0, &txn) == 0 &&
			 mdb_dbi_open(txn, "names", 0, &names) == 0 && mdb_txn_commit(txn) == 0;
		ok = ok && write(to_parent[1], "o", 1) == 1 && read(to_child[0], &c, 1) == 1;
		ok = ok && mdb_txn_begin(env, NULL, 0, &txn) == 0 &&
		     mdb_put(txn, names, &k, &none, 0) == 0 && mdb_txn_commit(txn) == 0;
		_exit(ok ? 0 : 1);
	}
	assert_int_equal(read(to_parent[0], &c, 1), 1);
	assert_int_equal(store_open(f->db, MAP, 0, &f->s, &e), 0); /* migrates */
	assert_int_equal(write(to_child[1], "g", 1), 1);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	close(to_child[0]);
	close(to_child[1]);
	close(to_parent[0]);
	close(to_parent[1]);
}

/* A backup made by a schema 1 program restores into a database of this
 * schema: its records and counters come back, its names table is left behind. */
static void test_schema1_backup_restored(void **state)
{
	struct fix *f = *state;
	char dir[600], safety[600];
	uint32_t schema = 0;
	struct exemplar x, y, z;
	struct store *b;
	struct err e;

	make(&x, 0, "phuong_1", TYPE_INDIVIDUAL, "Lê Văn Bình", D_2024_05_02);
	add(f->s, &x);
	path(dir, sizeof dir, f->root, "old-backup");
	assert_int_equal(store_backup(f->s, dir, &e), 0);
	make_schema1(dir, 1);
	make(&y, 0, "phuong_1", TYPE_INDIVIDUAL, "Võ Văn Dũng", D_2024_11_30);
	add(f->s, &y);

	path(safety, sizeof safety, f->root, "safety");
	assert_int_equal(store_restore(f->s, dir, safety, NULL, &e), 0);
	assert_int_equal(store_read(f->s, schema_fn, &schema, &e), 0);
	assert_int_equal(schema, STORE_SCHEMA);
	model_exemplar_init(&z);
	assert_int_equal(get(f->s, x.id, &z, &e), 0);
	assert_string_equal(z.name, "Lê Văn Bình");
	assert_int_equal(verify(f->s, &x), 0);
	struct store_stats st = stats(f->s);
	assert_int_equal(st.exemplars, 1);
	assert_int_equal(st.list + st.period + st.folds, 3);
	assert_counts(f->s, 2024, 2, "phuong_1", 1, 1, STATUS_INTRODUCED, 1);
	assert_counts(f->s, 2024, 4, "phuong_1", 0, 0, STATUS_INTRODUCED, 0);
	store_close(f->s);
	f->s = NULL;
	assert_true(names_entries(f->db) <= 0); /* emptied, or never copied */
	assert_int_equal(names_entries(dir), 1); /* the backup is read, never changed */
	assert_int_equal(store_open(dir, MAP, 0, &b, &e), 0); /* and opens (migrating) */
	store_close(b);
	assert_int_equal(store_open(f->db, MAP, 0, &f->s, &e), 0);
	model_exemplar_free(&x);
	model_exemplar_free(&y);
	model_exemplar_free(&z);
}

/* Open a directory whose data.mdb holds `b`: refused with ERR_SCHEMA, file unchanged. */
static void expect_damaged(const char *root, const char *name, const uint8_t *b, size_t n)
{
	char dir[600], p[600];
	uint8_t *after;
	size_t na;
	struct store *s = (struct store *)1;
	struct err e;

	path(dir, sizeof dir, root, name);
	assert_int_equal(mkdir(dir, 0700), 0);
	path(p, sizeof p, dir, "data.mdb");
	spill(p, b, n);
	/* With STORE_CREATE an empty file is no database yet: init may make one there. */
	for (int create = 0; create < (n ? 2 : 1); create++) {
		err_clear(&e);
		if (store_open(dir, MAP, create ? STORE_CREATE : 0, &s, &e) == 0) {
			store_close(s);
			fail_msg("%s (%zu bytes) was opened", name, n);
		}
		assert_null(s);
		if (e.code != ERR_SCHEMA)
			fail_msg("%s (%zu bytes): error %d: %s", name, n, (int)e.code, e.msg);
		assert_true(e.msg[0] != 0);
	}
	after = slurp(p, &na);
	assert_non_null(after);
	if (na != n || (n && memcmp(after, b, n)))
		fail_msg("%s (%zu bytes) was rewritten (now %zu bytes)", name, n, na);
	free(after);
}

static void test_random_file_refused(void **state)
{
	struct fix *f = *state;
	static const size_t sizes[] = { 1, 100, 4096, 8192, 65536 };
	uint8_t *b = malloc(65536);
	uint64_t r = 0x2545f4914f6cdd1dULL;
	char name[32];

	assert_non_null(b);
	for (size_t i = 0; i < 65536; i++) {
		r ^= r << 13;
		r ^= r >> 7;
		r ^= r << 17;
		b[i] = (uint8_t)(r >> 24);
	}
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		snprintf(name, sizeof name, "random%zu", sizes[i]);
		expect_damaged(f->root, name, b, sizes[i]);
	}
	free(b);
}

/* A real database cut short, at page boundaries and inside pages. */
static void test_truncated_file_refused(void **state)
{
	struct fix *f = *state;
	struct exemplar x;
	char p[600], name[64];
	uint8_t *b;
	size_t n;

	for (int i = 0; i < 300; i++) {
		snprintf(name, sizeof name, "Trần Văn Tám %d", i);
		make(&x, 0, "phuong_1", TYPE_INDIVIDUAL, name, D_2024_05_02);
		add(f->s, &x);
		model_exemplar_free(&x);
	}
	store_close(f->s);
	f->s = NULL;
	path(p, sizeof p, f->db, "data.mdb");
	b = slurp(p, &n);
	assert_non_null(b);
	assert_true(n >= 16 * 4096);
	const size_t cuts[] = { 0, 100, 4096, 4096 + 100, 8192, 8192 + 4096, n / 2, n - 4096,
				n - 1 };
	for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
		snprintf(name, sizeof name, "cut%zu", cuts[i]);
		expect_damaged(f->root, name, b, cuts[i]);
	}
	free(b);
}

/* ---- scans ------------------------------------------------------------------------------ */

/*
 * Unit "a": a collective and five people, added in scrambled order; units
 * "a_1" and "b" on either side, so that a scan leaking out of "a" shows.
 */
static void fill_units(struct store *s)
{
	static const struct { const char *unit; enum ex_type type; const char *name; } v[] = {
		{ "b", TYPE_INDIVIDUAL, "Nguyễn Văn An" },
		{ "a", TYPE_INDIVIDUAL, "Lê Văn Bình" },
		{ "a", TYPE_INDIVIDUAL, "Phạm Thị Đào" },
		{ "a_1", TYPE_INDIVIDUAL, "Đỗ Văn Xuân" },
		{ "a", TYPE_INDIVIDUAL, "Nguyễn Văn An" },
		{ "a", TYPE_COLLECTIVE, "Ấp Vĩnh Trung" },
		{ "a", TYPE_INDIVIDUAL, "Võ Văn Dũng" },
		{ "a", TYPE_INDIVIDUAL, "Trần Thị Ánh" },
	};
	struct exemplar x;

	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		make(&x, 0, v[i].unit, v[i].type, v[i].name, D_2024_05_02);
		add(s, &x);
		model_exemplar_free(&x);
	}
}

#define UNIT_A "Ấp Vĩnh Trung", "Nguyễn Văn An", "Trần Thị Ánh", "Lê Văn Bình", \
	"Võ Văn Dũng", "Phạm Thị Đào"

static void test_scan_list_order(void **state)
{
	struct fix *f = *state;
	struct rows l;

	fill_units(f->s);
	memset(&l, 0, sizeof l);
	assert_rows(f->s, &l, (const char *[]){ UNIT_A, "Đỗ Văn Xuân", "Nguyễn Văn An", NULL });
	l.unit = "a";
	assert_rows(f->s, &l, (const char *[]){ UNIT_A, NULL });
	assert_int_equal(l.id[1], 5);
	l.unit = "a_1";
	assert_rows(f->s, &l, (const char *[]){ "Đỗ Văn Xuân", NULL });
	l.unit = "c";
	assert_rows(f->s, &l, (const char *[]){ NULL });
	/* Backward from the end of a unit: not into the next unit's rows. */
	l.unit = "a";
	l.backward = true;
	assert_rows(f->s, &l, (const char *[]){ "Phạm Thị Đào", "Võ Văn Dũng", "Lê Văn Bình",
						"Trần Thị Ánh", "Nguyễn Văn An", "Ấp Vĩnh Trung",
						NULL });
	l.unit = "b"; /* the last unit: backward starts at the very end */
	assert_rows(f->s, &l, (const char *[]){ "Nguyễn Văn An", NULL });
	l.unit = NULL;
	assert_rows(f->s, &l, (const char *[]){ "Nguyễn Văn An", "Đỗ Văn Xuân", "Phạm Thị Đào",
						"Võ Văn Dũng", "Lê Văn Bình", "Trần Thị Ánh",
						"Nguyễn Văn An", "Ấp Vĩnh Trung", NULL });
}

/* Paging: forward and backward from a row's key give its neighbours. */
static void test_scan_list_paging(void **state)
{
	struct fix *f = *state;
	struct rows all, l;
	uint8_t key[KEYS_MAX];

	fill_units(f->s);
	memset(&all, 0, sizeof all);
	all.unit = "a";
	assert_rows(f->s, &all, (const char *[]){ UNIT_A, NULL });

	/* Forward from "Trần Thị Ánh" (row 2): the rows after it, stopping at the unit's end. */
	memset(&l, 0, sizeof l);
	l.unit = "a";
	l.from = all.key[2];
	l.from_len = all.key_len[2];
	assert_rows(f->s, &l, (const char *[]){ "Lê Văn Bình", "Võ Văn Dũng", "Phạm Thị Đào",
						NULL });
	/* Backward from the same row: the rows before it. */
	l.backward = true;
	assert_rows(f->s, &l, (const char *[]){ "Nguyễn Văn An", "Ấp Vĩnh Trung", NULL });
	/* From the first row backward, from the last forward: nothing. */
	l.from = all.key[0];
	l.from_len = all.key_len[0];
	assert_rows(f->s, &l, (const char *[]){ NULL });
	l.backward = false;
	l.from = all.key[5];
	l.from_len = all.key_len[5];
	assert_rows(f->s, &l, (const char *[]){ NULL });

	/* Pages of two, forward: each page starts after the previous page's last key. */
	memset(&l, 0, sizeof l);
	l.unit = "a";
	l.stop = 2;
	assert_rows(f->s, &l, (const char *[]){ "Ấp Vĩnh Trung", "Nguyễn Văn An", NULL });
	memcpy(key, l.key[1], l.key_len[1]);
	l.from = key;
	l.from_len = l.key_len[1];
	assert_rows(f->s, &l, (const char *[]){ "Trần Thị Ánh", "Lê Văn Bình", NULL });
	memcpy(key, l.key[1], l.key_len[1]);
	l.from_len = l.key_len[1];
	assert_rows(f->s, &l, (const char *[]){ "Võ Văn Dũng", "Phạm Thị Đào", NULL });
	memcpy(key, l.key[1], l.key_len[1]);
	l.from_len = l.key_len[1];
	assert_rows(f->s, &l, (const char *[]){ NULL });

	/* A position between two rows (Bình's key with id 0, as if a row was moved away). */
	memcpy(key, all.key[3], all.key_len[3]);
	memset(key + all.key_len[3] - 8, 0, 8);
	l.from_len = all.key_len[3];
	l.stop = 0;
	assert_rows(f->s, &l, (const char *[]){ "Lê Văn Bình", "Võ Văn Dũng", "Phạm Thị Đào",
						NULL });
	l.backward = true;
	assert_rows(f->s, &l, (const char *[]){ "Trần Thị Ánh", "Nguyễn Văn An",
						"Ấp Vĩnh Trung", NULL });
	/* A position past every key, backward over the whole list: starts at the end. */
	l.unit = NULL;
	l.from = (const uint8_t *)"zzz";
	l.from_len = 3;
	l.stop = 2;
	assert_rows(f->s, &l, (const char *[]){ "Nguyễn Văn An", "Đỗ Văn Xuân", NULL });
}

static int row_detail_cb(const struct list_row *r, void *ctx)
{
	struct list_row *out = ctx;

	assert_string_equal(r->unit, "xa_tan_long");
	assert_string_equal(r->name, "Phạm  Thị ĐÀO");
	assert_string_equal(r->fold, "pham thi dao");
	*out = *r;
	out->unit = out->name = out->fold = NULL;
	out->key = NULL;
	return 0;
}

static int row_detail_fn(struct store_txn *t, void *ctx, struct err *e)
{
	return store_scan_list(t, NULL, NULL, 0, false, row_detail_cb, ctx, e);
}

static void test_scan_list_row_fields(void **state)
{
	struct fix *f = *state;
	struct exemplar x;
	struct list_row r;
	struct err e;

	make(&x, 0, "xa_tan_long", TYPE_INDIVIDUAL, "Phạm  Thị ĐÀO", D_2024_11_30);
	x.category = CAT_COMMUNITY;
	x.status = STATUS_PROPOSED;
	add(f->s, &x);
	memset(&r, 0, sizeof r);
	assert_int_equal(store_read(f->s, row_detail_fn, &r, &e), 0);
	assert_int_equal(r.id, 1);
	assert_int_equal(r.type, TYPE_INDIVIDUAL);
	assert_int_equal(r.category, CAT_COMMUNITY);
	assert_int_equal(r.status, STATUS_PROPOSED);
	assert_int_equal(r.date, D_2024_11_30);
	model_exemplar_free(&x);
}

static void test_scan_period(void **state)
{
	struct fix *f = *state;
	static const struct { const char *unit; date_t d; } v[] = {
		{ "b", D_2024_08_15 },   /* 1 */
		{ "a", D_2024_08_15 },   /* 2 */
		{ "a_1", D_2024_05_02 }, /* 3 */
		{ "a", D_2024_02_10 },   /* 4 */
		{ "a", D_2023_11_20 },   /* 5 */
		{ "b", D_2024_11_30 },   /* 6 */
		{ "a", D_2024_05_02 },   /* 7 */
		{ "a", D_2024_08_15 },   /* 8 */
	};
	struct exemplar x;

	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		make(&x, 0, v[i].unit, TYPE_COLLECTIVE, "Ấp", v[i].d);
		add(f->s, &x);
		model_exemplar_free(&x);
	}
	/* By quarter, then unit, then id. */
	assert_scan(f->s, PERIOD(2024, 0, NULL), IDS(4, 7, 3, 2, 8, 1, 6));
	assert_scan(f->s, PERIOD(2024, 3, NULL), IDS(2, 8, 1));
	assert_scan(f->s, PERIOD(2024, 3, "a"), IDS(2, 8));
	assert_scan(f->s, PERIOD(2024, 2, "a"), IDS(7)); /* not a_1's */
	assert_scan(f->s, PERIOD(2024, 0, "a"), IDS(4, 7, 2, 8));
	assert_scan(f->s, PERIOD(2024, 0, "a_1"), IDS(3));
	assert_scan(f->s, PERIOD(2023, 0, NULL), IDS(5));
	assert_scan(f->s, PERIOD(2023, 4, "a"), IDS(5));
	assert_scan(f->s, PERIOD(2025, 0, NULL), NULL, 0);
	assert_scan(f->s, PERIOD(2024, 1, "b"), NULL, 0);
	/* A callback that stops early ends the scan without an error. */
	struct scan sc = PERIOD(2024, 0, NULL);
	sc.out.stop = 2;
	assert_scan(f->s, sc, IDS(4, 7));
}

static void test_scan_fold_prefix(void **state)
{
	struct fix *f = *state;
	static const char *const names[] = {
		"Nguyễn Văn An", "Nguyễn Thị Hồng", "NGUYEN  VAN ANH", "Trần Văn An", "Đặng Thu",
	};
	struct exemplar x;

	for (size_t i = 0; i < 5; i++) {
		make(&x, 0, "a", TYPE_INDIVIDUAL, names[i], D_2024_05_02);
		add(f->s, &x);
		model_exemplar_free(&x);
	}
	/* In folded order: "nguyen thi hong" < "nguyen van an" < "nguyen van anh". */
	assert_scan(f->s, FOLD("nguyen"), IDS(2, 1, 3));
	assert_scan(f->s, FOLD("nguyen van an"), IDS(1, 3));
	assert_scan(f->s, FOLD("nguyen van anh"), IDS(3));
	assert_scan(f->s, FOLD("tran van an"), IDS(4));
	assert_scan(f->s, FOLD("dang"), IDS(5));
	assert_scan(f->s, FOLD("ng"), IDS(2, 1, 3));
	assert_scan(f->s, FOLD(""), IDS(5, 2, 1, 3, 4));
	assert_scan(f->s, FOLD("x"), NULL, 0);
	assert_scan(f->s, FOLD("nguyen van anh "), NULL, 0);
}

static int stop_cb(const struct exemplar *x, void *ctx)
{
	(void)x;
	return ++*(int *)ctx == 2 ? 1 : 0;
}

static int stop_fn(struct store_txn *t, void *ctx, struct err *e)
{
	return store_each_exemplar(t, stop_cb, ctx, e);
}

static int refuse_cb(const struct exemplar *x, void *ctx)
{
	(void)x;
	(void)ctx;
	return -1;
}

static int refuse_fn(struct store_txn *t, void *ctx, struct err *e)
{
	return store_each_exemplar(t, refuse_cb, ctx, e);
}

/* each_exemplar: by id; 1 from the callback stops quietly, -1 is an error. */
static void test_each_exemplar_stops(void **state)
{
	struct fix *f = *state;
	struct exemplar x;
	int seen = 0;
	struct err e;

	for (int i = 0; i < 4; i++) {
		make(&x, 0, "a", TYPE_COLLECTIVE, "Ấp", D_2024_05_02);
		add(f->s, &x);
		model_exemplar_free(&x);
	}
	assert_int_equal(count_exemplars(f->s), 4);
	assert_int_equal(store_read(f->s, stop_fn, &seen, &e), 0);
	assert_int_equal(seen, 2);
	assert_int_equal(store_read(f->s, refuse_fn, NULL, &e), -1);
}

/* ---- units and meta ------------------------------------------------------------------ */

struct units {
	size_t n;
	char code[8][CODE_MAX + 1];
	struct unit *put;
	size_t n_put;
};

static int unit_cb(const struct unit *u, void *ctx)
{
	struct units *l = ctx;

	assert_true(l->n < 8);
	strcpy(l->code[l->n++], u->code);
	return 0;
}

static int units_put_fn(struct store_txn *t, void *ctx, struct err *e)
{
	struct units *l = ctx;

	for (size_t i = 0; i < l->n_put; i++)
		if (store_put_unit(t, &l->put[i], e))
			return -1;
	return 0;
}

static int units_each_fn(struct store_txn *t, void *ctx, struct err *e)
{
	return store_each_unit(t, unit_cb, ctx, e);
}

struct get_unit {
	const char *code;
	struct unit u;
};

static int get_unit_fn(struct store_txn *t, void *ctx, struct err *e)
{
	struct get_unit *g = ctx;

	return store_get_unit(t, g->code, &g->u, e);
}

static void test_units(void **state)
{
	struct fix *f = *state;
	struct unit us[3] = {
		{ .code = "xa_vinh_quoi", .name = "Xã Vĩnh Quới", .kind = KIND_COMMUNE,
		  .quota = 2, .active_from = DATE_NONE, .active_to = DATE_NONE },
		{ .code = "phuong_1", .name = "Phường 1", .kind = KIND_WARD, .block = "khoi_1",
		  .quota = 3, .active_from = D_2024_02_10, .active_to = DATE_NONE },
		{ .code = "phong_vhtt", .name = "Phòng Văn hóa và Thông tin",
		  .kind = KIND_DEPARTMENT, .active_from = DATE_NONE, .active_to = D_2024_11_30,
		  .successor = "phuong_1" },
	};
	struct units l = { .put = us, .n_put = 3 };
	struct get_unit g = { "phuong_1", { .active_from = DATE_NONE } };
	struct err e;

	assert_int_equal(store_write(f->s, units_put_fn, &l, &e), 0);
	assert_int_equal(store_read(f->s, units_each_fn, &l, &e), 0);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.code[0], "phong_vhtt");
	assert_string_equal(l.code[1], "phuong_1");
	assert_string_equal(l.code[2], "xa_vinh_quoi");
	assert_int_equal(store_read(f->s, get_unit_fn, &g, &e), 0);
	assert_string_equal(g.u.name, "Phường 1");
	assert_string_equal(g.u.block, "khoi_1");
	assert_int_equal(g.u.quota, 3);
	assert_int_equal(g.u.active_from, D_2024_02_10);
	assert_int_equal(g.u.active_to, DATE_NONE);

	/* Writing a unit again replaces it. */
	us[1].quota = 5;
	us[1].name = "Phường Một";
	l.n_put = 2;
	assert_int_equal(store_write(f->s, units_put_fn, &l, &e), 0);
	assert_int_equal(store_read(f->s, get_unit_fn, &g, &e), 0);
	assert_string_equal(g.u.name, "Phường Một");
	assert_int_equal(g.u.quota, 5);
	assert_int_equal(stats(f->s).units, 3);

	g.code = "phuong_9";
	err_clear(&e);
	assert_int_equal(store_read(f->s, get_unit_fn, &g, &e), -1);
	assert_int_equal(e.code, ERR_NOTFOUND);
	model_unit_free(&g.u);
}

struct meta {
	uint64_t a, b;
};

static int meta_put_fn(struct store_txn *t, void *ctx, struct err *e)
{
	(void)ctx;
	return store_put_meta_u64(t, "units_hash", 0xfedcba9876543210ULL, e);
}

static int meta_get_fn(struct store_txn *t, void *ctx, struct err *e)
{
	struct meta *m = ctx;

	return store_get_meta_u64(t, "units_hash", &m->a, e) ||
	       store_get_meta_u64(t, "never_written", &m->b, e) ? -1 : 0;
}

static void test_meta(void **state)
{
	struct fix *f = *state;
	struct meta m = { 1, 1 };
	struct err e;

	assert_int_equal(store_read(f->s, meta_get_fn, &m, &e), 0);
	assert_int_equal(m.a, 0);
	assert_int_equal(m.b, 0);
	assert_int_equal(store_write(f->s, meta_put_fn, NULL, &e), 0);
	assert_int_equal(store_read(f->s, meta_get_fn, &m, &e), 0);
	assert_true(m.a == 0xfedcba9876543210ULL);
	assert_int_equal(m.b, 0);
}

/* ---- audit ----------------------------------------------------------------------------- */

struct trail {
	uint64_t seqs[3];
	int fail;
};

static int trail_fn(struct store_txn *t, void *ctx, struct err *e)
{
	struct trail *tr = ctx;
	static const struct { const char *op; uint64_t record; } v[] = {
		{ "add", 1 }, { "edit", 2 }, { "import", 0 },
	};

	for (int i = 0; i < 3; i++) {
		struct audit_entry a;
		int rc;
		audit_entry_init(&a);
		strcpy(a.user, "lan");
		strcpy(a.op, v[i].op);
		a.record = v[i].record;
		a.time = 1714600000 + i;
		rc = audit_add_change(&a, "name", i ? "Lê Lan" : NULL, "Lê Thị Lan") ||
		     store_append_audit(t, &a, e);
		tr->seqs[i] = a.seq;
		audit_entry_free(&a);
		if (rc)
			return -1;
	}
	/* The import entry also belongs to records 1 and 2. */
	if (store_link_audit(t, 1, tr->seqs[2], e) || store_link_audit(t, 2, tr->seqs[2], e))
		return -1;
	return tr->fail ? err_set(e, ERR_INVALID, "refused") : 0;
}

struct seen {
	uint64_t record;
	size_t n;
	uint64_t seq[8];
	char op[8][16];
};

static int seen_cb(const struct audit_entry *a, void *ctx)
{
	struct seen *s = ctx;

	assert_true(s->n < 8);
	assert_string_equal(a->user, "lan");
	assert_int_equal(a->n_changes, 1);
	assert_string_equal(a->changes[0].after, "Lê Thị Lan");
	s->seq[s->n] = a->seq;
	strcpy(s->op[s->n], a->op);
	s->n++;
	return 0;
}

static int seen_fn(struct store_txn *t, void *ctx, struct err *e)
{
	struct seen *s = ctx;

	s->n = 0;
	return store_each_audit(t, s->record, seen_cb, s, e);
}

static void test_audit_trail(void **state)
{
	struct fix *f = *state;
	struct trail tr = { { 0 }, 0 };
	struct seen s = { 0 };
	struct err e;

	assert_int_equal(store_write(f->s, trail_fn, &tr, &e), 0);
	assert_int_equal(tr.seqs[0], 1);
	assert_int_equal(tr.seqs[1], 2);
	assert_int_equal(tr.seqs[2], 3);

	s.record = 0;
	assert_int_equal(store_read(f->s, seen_fn, &s, &e), 0);
	assert_int_equal(s.n, 3);
	assert_string_equal(s.op[0], "add");
	assert_string_equal(s.op[1], "edit");
	assert_string_equal(s.op[2], "import");
	assert_int_equal(s.seq[2], 3);

	s.record = 1;
	assert_int_equal(store_read(f->s, seen_fn, &s, &e), 0);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.op[0], "add");
	assert_string_equal(s.op[1], "import");
	s.record = 2;
	assert_int_equal(store_read(f->s, seen_fn, &s, &e), 0);
	assert_int_equal(s.n, 2);
	assert_int_equal(s.seq[0], 2);
	assert_int_equal(s.seq[1], 3);
	s.record = 9;
	assert_int_equal(store_read(f->s, seen_fn, &s, &e), 0);
	assert_int_equal(s.n, 0);
	assert_int_equal(stats(f->s).audit, 3);

	/* A failed transaction's entries vanish; the next commit continues the sequence. */
	tr.fail = 1;
	assert_int_equal(store_write(f->s, trail_fn, &tr, &e), -1);
	assert_int_equal(stats(f->s).audit, 3);
	tr.fail = 0;
	assert_int_equal(store_write(f->s, trail_fn, &tr, &e), 0);
	assert_int_equal(tr.seqs[0], 4);
	s.record = 1;
	assert_int_equal(store_read(f->s, seen_fn, &s, &e), 0);
	assert_int_equal(s.n, 4);
	assert_int_equal(s.seq[2], 4);
	assert_int_equal(s.seq[3], 6);
}

/* ---- counters and backup ------------------------------------------------------------------ */

static int debug_counts_fn(struct store_txn *t, void *ctx, struct err *e)
{
	return store_debug_put_counts(t, 2024, 3, "xa_vinh_quoi", ctx, e);
}

static void test_debug_counts(void **state)
{
	struct fix *f = *state;
	struct store_counts c = { .total = 5 };
	struct each_counts ec;
	struct exemplar x;
	struct err e;

	c.by_type[TYPE_INDIVIDUAL] = 4;
	c.by_type[TYPE_COLLECTIVE] = 1;
	c.by_status[STATUS_ACCEPTED] = 5;
	make(&x, 0, "phuong_1", TYPE_COLLECTIVE, "Ấp 3", D_2024_05_02);
	add(f->s, &x);
	model_exemplar_free(&x);
	make(&x, 0, "xa_vinh_quoi", TYPE_COLLECTIVE, "Ấp 4", D_2023_11_20);
	add(f->s, &x);
	model_exemplar_free(&x);
	assert_int_equal(store_write(f->s, debug_counts_fn, &c, &e), 0);

	/* Ordered by year, quarter, unit; the forced counter among the real ones. */
	each_counts(f->s, &ec);
	assert_int_equal(ec.n, 3);
	assert_int_equal(ec.year[0], 2023);
	assert_int_equal(ec.quarter[0], 4);
	assert_string_equal(ec.unit[0], "xa_vinh_quoi");
	assert_int_equal(ec.year[1], 2024);
	assert_int_equal(ec.quarter[1], 2);
	assert_string_equal(ec.unit[1], "phuong_1");
	assert_int_equal(ec.c[1].total, 1);
	assert_int_equal(ec.year[2], 2024);
	assert_int_equal(ec.quarter[2], 3);
	assert_string_equal(ec.unit[2], "xa_vinh_quoi");
	assert_memory_equal(&ec.c[2], &c, sizeof c);
	assert_counts(f->s, 2024, 3, "xa_vinh_quoi", 5, 4, STATUS_ACCEPTED, 5);
	/* Records were not touched. */
	assert_int_equal(stats(f->s).exemplars, 2);
}

static void test_backup(void **state)
{
	struct fix *f = *state;
	char dir[600], p[600], name[64];
	struct store *b;
	struct exemplar x, y;
	struct trail tr = { { 0 }, 0 };
	struct units l = { 0 };
	struct unit u = { .code = "phuong_1", .name = "Phường 1", .kind = KIND_WARD,
			  .active_from = DATE_NONE, .active_to = DATE_NONE };
	uint8_t *before, *after;
	size_t nb, na;
	struct err e;

	full(&x);
	add(f->s, &x);
	for (int i = 0; i < 40; i++) {
		snprintf(name, sizeof name, "Hộ %d", i);
		make(&y, 0, "phuong_1", TYPE_COLLECTIVE, name, D_2024_05_02);
		add(f->s, &y);
		model_exemplar_free(&y);
	}
	l.put = &u;
	l.n_put = 1;
	assert_int_equal(store_write(f->s, units_put_fn, &l, &e), 0);
	assert_int_equal(store_write(f->s, trail_fn, &tr, &e), 0);

	path(dir, sizeof dir, f->root, "backups/2024-12-01");
	assert_int_equal(store_backup(f->s, dir, &e), 0);
	assert_int_equal(store_open(dir, MAP, 0, &b, &e), 0);
	struct store_stats s1 = stats(f->s), s2 = stats(b);
	assert_int_equal(s2.exemplars, 41);
	assert_int_equal(s2.exemplars, s1.exemplars);
	assert_int_equal(s2.list, s1.list);
	assert_int_equal(s2.period, s1.period);
	assert_int_equal(s2.folds, s1.folds);
	assert_int_equal(s2.counters, s1.counters);
	assert_int_equal(s2.units, 1);
	assert_int_equal(s2.audit, 3);
	assert_int_equal(s2.next_id, 42);
	model_exemplar_init(&y);
	assert_int_equal(get(b, 1, &y, &e), 0);
	assert_exemplar_equal(&y, &x);
	assert_int_equal(get(b, 41, &y, &e), 0);
	assert_string_equal(y.name, "Hộ 39");
	assert_int_equal(verify(b, &x), 0);
	assert_counts(b, 2024, 2, "phuong_1", 41, 1, STATUS_INTRODUCED, 40);
	store_close(b);

	/* A second backup into the same directory is refused and changes nothing. */
	path(p, sizeof p, dir, "data.mdb");
	before = slurp(p, &nb);
	assert_non_null(before);
	err_clear(&e);
	assert_int_equal(store_backup(f->s, dir, &e), -1);
	assert_int_equal(e.code, ERR_INVALID);
	assert_true(e.msg[0] != 0);
	after = slurp(p, &na);
	assert_non_null(after);
	assert_int_equal(na, nb);
	assert_memory_equal(after, before, nb);
	free(before);
	free(after);
	model_exemplar_free(&x);
	model_exemplar_free(&y);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

struct same {
	const struct exemplar *x;
	uint64_t skip, found;
};

static int same_fn(struct store_txn *t, void *ctx, struct err *e)
{
	struct same *q = ctx;

	return store_find_same(t, q->x, q->skip, &q->found, e);
}

static uint64_t find_same(struct store *s, const char *unit, enum ex_type type,
			  const char *name, date_t date, uint64_t skip)
{
	struct exemplar x;
	struct same q = { &x, skip, 99 };
	struct err e;

	make(&x, 0, unit, type, name, date);
	if (store_read(s, same_fn, &q, &e))
		fail_msg("store_find_same: %s", e.msg);
	model_exemplar_free(&x);
	return q.found;
}

static void test_find_same(void **state)
{
	struct fix *f = *state;
	struct exemplar a, b, c;

	make(&a, 0, "phuong1", TYPE_INDIVIDUAL, "Trần Thị Ánh", D_2024_05_02);
	make(&b, 0, "phuong1", TYPE_COLLECTIVE, "Ấp Mỹ Hòa", D_2024_05_02);
	make(&c, 0, "phuong1", TYPE_INDIVIDUAL, "Trần Thị Anh", D_2024_05_02);
	uint64_t ia = add(f->s, &a), ib = add(f->s, &b), ic = add(f->s, &c);
	/* the same unit, type, name and date */
	assert_int_equal(find_same(f->s, "phuong1", TYPE_INDIVIDUAL, "Trần Thị Ánh",
				   D_2024_05_02, 0), ia);
	assert_int_equal(find_same(f->s, "phuong1", TYPE_COLLECTIVE, "Ấp Mỹ Hòa",
				   D_2024_05_02, 0), ib);
	/* a collective and a person that share a name are two exemplars */
	assert_int_equal(find_same(f->s, "phuong1", TYPE_COLLECTIVE, "Trần Thị Ánh",
				   D_2024_05_02, 0), 0);
	assert_int_equal(find_same(f->s, "phuong1", TYPE_INDIVIDUAL, "Ấp Mỹ Hòa",
				   D_2024_05_02, 0), 0);
	assert_int_equal(find_same(f->s, "phuong1", TYPE_INDIVIDUAL, "Trần Thị Anh",
				   D_2024_05_02, 0), ic);
	/* not itself, not another date, unit, tone or case */
	assert_int_equal(find_same(f->s, "phuong1", TYPE_INDIVIDUAL, "Trần Thị Ánh",
				   D_2024_05_02, ia), 0);
	assert_int_equal(find_same(f->s, "phuong1", TYPE_INDIVIDUAL, "Trần Thị Ánh",
				   D_2024_08_15, 0), 0);
	assert_int_equal(find_same(f->s, "phuong2", TYPE_INDIVIDUAL, "Trần Thị Ánh",
				   D_2024_05_02, 0), 0);
	assert_int_equal(find_same(f->s, "phuong1", TYPE_INDIVIDUAL, "Trần Thị Ảnh",
				   D_2024_05_02, 0), 0);
	assert_int_equal(find_same(f->s, "phuong1", TYPE_INDIVIDUAL, "trần thị ánh",
				   D_2024_05_02, 0), 0);
	/* but the tone on the other vowel of "oa" is the same name */
	assert_int_equal(find_same(f->s, "phuong1", TYPE_COLLECTIVE, "Ấp Mỹ Hoà",
				   D_2024_05_02, 0), ib);
	assert_int_equal(find_same(f->s, "phuong1", TYPE_COLLECTIVE, "Ấp Mỹ Hóa",
				   D_2024_05_02, 0), 0);
	model_exemplar_free(&a);
	model_exemplar_free(&b);
	model_exemplar_free(&c);
}

/*
 * Three adds, a move between quarters and a fourth add in one transaction,
 * out of name order; a scan at the end must see every record added before
 * it, and not the moved one where it was.
 */
struct adds_run {
	struct exemplar x[4];
	struct ids seen;
};

static int adds_fn(struct store_txn *t, void *ctx, struct err *e)
{
	struct adds_run *b = ctx;
	uint64_t dup;

	for (int i = 0; i < 3; i++) {
		b->x[i].id = (uint64_t)i + 1;
		if (store_add_exemplar(t, &b->x[i], &dup, e) || dup)
			return -1;
	}
	struct exemplar moved;
	model_exemplar_init(&moved);
	if (model_exemplar_copy(&moved, &b->x[2]))
		return -1;
	moved.date = D_2024_08_15;
	int rc = store_put_exemplar(t, &b->x[2], &moved, e);
	model_exemplar_free(&b->x[2]);
	b->x[2] = moved;
	b->x[3].id = 4;
	return rc || store_add_exemplar(t, &b->x[3], &dup, e) || dup ||
	       store_scan_period(t, 2024, 2, "phuong1", id_cb, &b->seen, e) ? -1 : 0;
}

static void test_adds_and_a_move_in_one_transaction(void **state)
{
	struct fix *f = *state;
	struct adds_run b = { .seen = { .n = 0 } };
	struct err e;

	make(&b.x[0], 0, "phuong1", TYPE_INDIVIDUAL, "Trần Thị Ánh", D_2024_05_02);
	make(&b.x[1], 0, "phuong1", TYPE_COLLECTIVE, "Ấp Mỹ Hòa", D_2024_05_02);
	make(&b.x[2], 0, "phuong1", TYPE_INDIVIDUAL, "Lê Văn Bình", D_2024_05_02);
	make(&b.x[3], 0, "phuong1", TYPE_INDIVIDUAL, "Phạm Thị Dung", D_2024_05_02);
	assert_int_equal(store_write(f->s, adds_fn, &b, &e), 0);
	/* the scan inside the transaction saw the three records then in Q2 */
	assert_int_equal(b.seen.n, 3);
	assert_int_equal(b.seen.v[0], 1);
	assert_int_equal(b.seen.v[1], 2);
	assert_int_equal(b.seen.v[2], 4);
	/* Q2 keeps three (two people, one collective), Q3 got the moved one */
	assert_counts(f->s, 2024, 2, "phuong1", 3, 2, STATUS_INTRODUCED, 3);
	assert_counts(f->s, 2024, 3, "phuong1", 1, 1, STATUS_INTRODUCED, 1);
	struct store_stats st = stats(f->s);
	assert_int_equal(st.counters, 2);
	/* one entry per record in every index: the moved record's Q2 key is gone */
	assert_int_equal(st.period, 4);
	assert_int_equal(st.folds, 4);
	for (int i = 0; i < 4; i++)
		assert_int_equal(verify(f->s, &b.x[i]), 0);
	assert_scan(f->s, PERIOD(2024, 3, "phuong1"), IDS(3));
	assert_scan(f->s, PERIOD(2024, 2, "phuong1"), IDS(1, 2, 4));
	assert_scan(f->s, FOLD("le van"), IDS(3));
	for (int i = 0; i < 4; i++)
		model_exemplar_free(&b.x[i]);
}

/*
 * Records added out of id order (3, 1, then 2, 5, 4) in one transaction,
 * each read following records added since the one before: whatever reads
 * records must find those added before it (store_has_exemplar,
 * store_get_exemplar, store_each_exemplar, store_stats).
 */
struct reads_run {
	struct exemplar x[5];
	bool has3, has9;          /* store_has_exemplar inside the transaction */
	struct exemplar got;      /* store_get_exemplar(2) inside the transaction */
	struct ids each;          /* ids seen by store_each_exemplar inside the transaction */
	size_t counted;           /* store_stats(...).exemplars inside the transaction */
};

static int each_id_cb(const struct exemplar *x, void *ctx)
{
	return id_cb(x->id, ctx);
}

static int add_as(struct store_txn *t, struct exemplar *x, uint64_t id, struct err *e)
{
	uint64_t dup;

	x->id = id;
	if (store_add_exemplar(t, x, &dup, e))
		return -1;
	assert_int_equal(dup, 0);
	return 0;
}

static int reads_fn(struct store_txn *t, void *ctx, struct err *e)
{
	struct reads_run *h = ctx;
	struct store_stats st;

	if (add_as(t, &h->x[0], 3, e) || add_as(t, &h->x[1], 1, e))
		return -1;
	h->has3 = store_has_exemplar(t, 3);
	h->has9 = store_has_exemplar(t, 9);
	if (add_as(t, &h->x[2], 2, e) || store_get_exemplar(t, 2, &h->got, e) ||
	    add_as(t, &h->x[3], 5, e) || store_each_exemplar(t, each_id_cb, &h->each, e) ||
	    add_as(t, &h->x[4], 4, e) || store_stats(t, &st, e))
		return -1;
	h->counted = st.exemplars;
	return 0;
}

static void test_reads_see_records_added_before(void **state)
{
	struct fix *f = *state;
	struct reads_run h = { .each = { .n = 0 } };
	struct exemplar y;
	struct err e;

	make(&h.x[0], 0, "phuong1", TYPE_INDIVIDUAL, "Võ Văn Em", D_2024_05_02);
	make(&h.x[1], 0, "phuong1", TYPE_INDIVIDUAL, "Trần Thị Ánh", D_2024_05_02);
	make(&h.x[2], 0, "phuong1", TYPE_COLLECTIVE, "Ấp Mỹ Hòa", D_2024_08_15);
	h.x[2].achievements = sdup("Hoàn thành xuất sắc nhiệm vụ.");
	make(&h.x[3], 0, "phuong2", TYPE_INDIVIDUAL, "Lê Văn Bình", D_2024_02_10);
	make(&h.x[4], 0, "phuong2", TYPE_INDIVIDUAL, "Đỗ Thị Dung", D_2024_11_30);
	model_exemplar_init(&h.got);
	assert_int_equal(store_write(f->s, reads_fn, &h, &e), 0);
	assert_true(h.has3);
	assert_false(h.has9);
	assert_exemplar_equal(&h.got, &h.x[2]);
	/* 1, 2, 3 and 5 were added before the walk, in id order whatever the adds' */
	assert_int_equal(h.each.n, 4);
	assert_int_equal(h.each.v[0], 1);
	assert_int_equal(h.each.v[1], 2);
	assert_int_equal(h.each.v[2], 3);
	assert_int_equal(h.each.v[3], 5);
	assert_int_equal(h.counted, 5);
	/* committed: every record as it was given, every index entry there */
	assert_int_equal(stats(f->s).exemplars, 5);
	for (int i = 0; i < 5; i++) {
		model_exemplar_init(&y);
		assert_int_equal(get(f->s, h.x[i].id, &y, &e), 0);
		assert_exemplar_equal(&y, &h.x[i]);
		model_exemplar_free(&y);
		assert_int_equal(verify(f->s, &h.x[i]), 0);
	}
	assert_scan(f->s, PERIOD(2024, 4, "phuong2"), IDS(4));
	model_exemplar_free(&h.got);
	for (int i = 0; i < 5; i++)
		model_exemplar_free(&h.x[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_create_and_reopen),
		T(test_open_missing),
		T(test_put_get),
		T(test_find_same),
		T(test_adds_and_a_move_in_one_transaction),
		T(test_reads_see_records_added_before),
		T(test_next_id),
		T(test_update_moves_everything),
		T(test_update_status_only),
		T(test_verify_missing),
		T(test_failed_write_leaves_nothing),
		T(test_interrupted_write),
		T(test_last_txn),
		T(test_map_growth),
#if !defined(__SANITIZE_ADDRESS__)
		T(test_grow_without_address_space),
#endif
		T(test_map_growth_one_transaction),
		T(test_newer_schema_refused),
		T(test_older_schema_migrated),
		T(test_schema1_names_dropped),
		T(test_schema3_list_rewritten),
		T(test_schema2_counters_migrated),
		T(test_counter_forms),
		T(test_counter_late_and_withdrawn),
		T(test_schema1_read_only_left_alone),
		T(test_schema1_session_outlives_migration),
		T(test_schema1_backup_restored),
		T(test_random_file_refused),
		T(test_truncated_file_refused),
		T(test_scan_list_order),
		T(test_scan_list_paging),
		T(test_scan_list_row_fields),
		T(test_scan_period),
		T(test_scan_fold_prefix),
		T(test_each_exemplar_stops),
		T(test_units),
		T(test_meta),
		T(test_audit_trail),
		T(test_debug_counts),
		T(test_backup),
	};

	return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
