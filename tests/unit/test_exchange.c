/* test_exchange.c - export and import of exemplars and units through the register. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <unistr.h>

#include "exchange.h"
#include "fields.h"
#include "export.h"
#include "fixture.h"
#include "i18n.h"
#include "oom.h"
#include "query.h"

/* Two registers of the small town (tests/data/report/town.ini) on 2024-11-20:
 * `r` holds three exemplars, `empty` none; files go to `dir`. */
struct fixture {
	struct config *cfg;
	struct reg *r, *empty;
	char dir[64];
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	const char *root = getenv("DIENHINH_ROOT");
	char path[512], db[128];
	struct err e = { 0 };
	struct propagation p = { CHANNEL_PORTAL, 0, "Trang | Gương sáng", "", 0 };
	struct exemplar x;

	snprintf(path, sizeof path, "%s/tests/data/report/town.ini", root ? root : ".");
	snprintf(f->dir, sizeof f->dir, "/tmp/dienhinh-ex.XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	assert_int_equal(config_load(path, &f->cfg, &e), 0);
	snprintf(db, sizeof db, "%s/db1", f->dir);
	assert_int_equal(register_open(f->cfg, db, "chief", date_from_ymd(2024, 11, 20),
				       REG_CREATE, &f->r, &e), 0);
	snprintf(db, sizeof db, "%s/db2", f->dir);
	assert_int_equal(register_open(f->cfg, db, "chief", date_from_ymd(2024, 11, 20),
				       REG_CREATE, &f->empty, &e), 0);
	static const struct { const char *unit, *name, *ach; enum ex_type t; int m; } xs[] = {
		{ "a", "Nguyễn Thị Hồng", "Dòng 1\nDòng 2, có \"ngoặc\"", TYPE_INDIVIDUAL, 3 },
		{ "a", "Ấp Mỹ Hòa", NULL, TYPE_COLLECTIVE, 5 },
		{ "c", "-Tổ một cửa", NULL, TYPE_COLLECTIVE, 6 },
	};
	for (size_t i = 0; i < 3; i++) {
		model_exemplar_init(&x);
		snprintf(x.unit, sizeof x.unit, "%s", xs[i].unit);
		x.type = xs[i].t;
		x.category = xs[i].t == TYPE_COLLECTIVE ? CAT_RESIDENTIAL : CAT_GOOD_DEEDS;
		x.gender = xs[i].t == TYPE_INDIVIDUAL ? GENDER_FEMALE : GENDER_UNKNOWN;
		x.birth_year = xs[i].t == TYPE_INDIVIDUAL ? 1980 : 0;
		x.name = strdup(xs[i].name);
		x.achievements = xs[i].ach ? strdup(xs[i].ach) : NULL;
		x.date = date_from_ymd(2024, xs[i].m, 10);
		assert_int_equal(register_add(f->r, &x, NULL, &e), 0);
		model_exemplar_free(&x);
	}
	assert_int_equal(register_accept(f->r, 1, &e), 0);
	p.date = date_from_ymd(2024, 4, 1);
	assert_int_equal(register_propagate(f->r, 1, &p, &e), 0);
	assert_int_equal(register_return(f->r, 2, "Thiếu; xác nhận", &e), 0);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	register_close(f->r);
	register_close(f->empty);
	config_free(f->cfg);
	assert_int_equal(tmpdir_remove(f->dir), 0);
	free(f);
	return 0;
}

/* The export of r as CSV, in a file named `name` under the fixture's directory. */
static char *export_csv(struct fixture *f, struct reg *r, enum exchange_what what,
			const char *name)
{
	struct report *rp;
	struct err e = { 0 };
	size_t n;
	char *path;
	FILE *out;

	assert_true(asprintf(&path, "%s/%s", f->dir, name) > 0);
	assert_int_equal(export_register(r, what, &rp, &n, &e), 0);
	assert_non_null(out = fopen(path, "w"));
	assert_int_equal(report_write_csv(rp, out, false, &e), 0);
	fclose(out);
	report_free(rp);
	return path;
}

static char *file(struct fixture *f, const char *name, const char *text)
{
	char *path;
	FILE *out;

	assert_true(asprintf(&path, "%s/%s", f->dir, name) > 0);
	assert_non_null(out = fopen(path, "w"));
	fputs(text, out);
	fclose(out);
	return path;
}

static char *slurp(const char *path)
{
	FILE *in = fopen(path, "r");
	char *buf = calloc(1, 1 << 16);

	assert_non_null(in);
	fread(buf, 1, (1 << 16) - 1, in);
	fclose(in);
	return buf;
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

static void test_export_cells(void **state)
{
	struct fixture *f = *state;
	struct report *rp;
	struct err e = { 0 };
	size_t n;

	setenv("TZ", "ICT-7", 1);
	tzset();
	assert_int_equal(export_register(f->r, EXCHANGE_EXEMPLARS, &rp, &n, &e), 0);
	assert_int_equal(n, 3);
	const struct report_section *s = &rp->sections[0];
	assert_null(rp->title); /* a bare table: data, not a paper */
	assert_int_equal(s->ncols, FIELD_COUNT);
	assert_string_equal(s->cols[0].header, "Number");
	assert_string_equal(s->cols[FIELD_DATE].header, "Introduction date");
	assert_string_equal(s->cols[FIELD_LATE].header, "Late entry");
	char **c = s->rows[0].cells;
	assert_string_equal(c[0], "1");
	assert_string_equal(c[1], "3"); /* added, accepted, propagated */
	assert_string_equal(c[2], "a");
	assert_string_equal(c[3], "Phường A");
	assert_string_equal(c[4], "Individual");
	assert_string_equal(c[7], "Female");
	assert_string_equal(c[8], "1980");
	assert_string_equal(c[FIELD_DATE], "2024-03-10");
	/* The office entered it on 20/11/2024, after quarter I closed: a late entry. */
	assert_string_equal(c[FIELD_LATE], "yes");
	assert_string_equal(c[FIELD_STATUS], "Accepted");
	/* The register stamps the event with its own time: the cell carries it
	 * with the +07:00 of the zone set above. */
	const char *pre = "2024-04-01 | Web portal | chief | ", *suf = " | Trang | Gương sáng";
	size_t len = strlen(c[FIELD_PROPAGATIONS]);
	assert_memory_equal(c[FIELD_PROPAGATIONS], pre, strlen(pre));
	assert_string_equal(c[FIELD_PROPAGATIONS] + len - strlen(suf), suf);
	assert_memory_equal(c[FIELD_PROPAGATIONS] + strlen(pre) + 19, "+07:00", 6);
	assert_string_equal(s->rows[1].cells[FIELD_STATUS_REASON], "Thiếu; xác nhận");
	assert_string_equal(s->rows[1].cells[7], ""); /* no gender for a collective */
	report_free(rp);
}

static void test_round_trip(void **state)
{
	struct fixture *f = *state;
	struct exchange_result res;
	struct err e = { 0 };
	char *a = export_csv(f, f->r, EXCHANGE_EXEMPLARS, "a.csv"), *b, *ta, *tb;

	assert_int_equal(exchange_import(f->empty, EXCHANGE_EXEMPLARS, a, 0, &res, &e), 0);
	assert_int_equal(res.rows, 3);
	assert_int_equal(res.written, 3);
	assert_int_equal(res.n_problems, 0);
	exchange_result_free(&res);
	b = export_csv(f, f->empty, EXCHANGE_EXEMPLARS, "b.csv");
	ta = slurp(a);
	tb = slurp(b);
	assert_string_equal(ta, tb);
	/* The text starting with '-' was guarded in the file and is not in the record. */
	assert_non_null(strstr(ta, ",'-Tổ một cửa,"));
	struct exemplar x;
	model_exemplar_init(&x);
	assert_int_equal(register_get(f->empty, 3, &x, &e), 0);
	assert_string_equal(x.name, "-Tổ một cửa");
	model_exemplar_free(&x);
	free(ta);
	free(tb);
	free(a);
	free(b);
}

static void test_problems_by_row_and_column(void **state)
{
	struct fixture *f = *state;
	struct exchange_result res;
	struct err e = { 0 };
	size_t before = count(f->empty);
	char *path = file(f, "bad.csv",
		"Tên,Loại,Lĩnh vực,Đơn vị,Ngày giới thiệu,Năm sinh,Giới tính,Tuyên truyền\n"
		"An,individual,good_deeds,a,2024-01-02,1990,female,\n"             /* 2 fine */
		"Bình,individual,gardening,a,2024-01-02,,,\n"                      /* 3 C */
		"Cúc,individual,good_deeds,Phường A,2024-01-02,19x0,,\n"           /* 4 F */
		"Ấp 1,collective,residential,a,2024-01-03,,male,\n"                /* 5 G */
		"Dũng,individual,good_deeds,zz,2024-01-04,,,2024-01-05 | tv\n"     /* 6 D, H */
		"Em,individual,good_deeds,a,2030-01-01,,,\n");                     /* 7 E */

	assert_int_equal(exchange_import(f->empty, EXCHANGE_EXEMPLARS, path, 0, &res, &e), -1);
	assert_int_equal(e.code, ERR_INVALID);
	static const struct { size_t row, col; const char *text; } want[] = {
		{ 3, 3, "row 3, column C (Lĩnh vực): \"gardening\" is not one of: " },
		{ 4, 6, "row 4, column F (Năm sinh): \"19x0\" is not a year." },
		{ 5, 7, "row 5, column G: Gender: applies only to individuals." },
		{ 6, 4, "row 6, column D (Đơn vị): there is no unit \"zz\"." },
		{ 6, 8, "row 6, column H (Tuyên truyền): event 1: the channel is not valid" },
		{ 7, 5, "row 7, column E: Introduction date: must not be after today" },
	};
	assert_int_equal(res.n_problems, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < res.n_problems; i++) {
		assert_int_equal(res.problems[i].row, want[i].row);
		assert_int_equal(res.problems[i].col, want[i].col);
		assert_memory_equal(res.problems[i].text, want[i].text, strlen(want[i].text));
	}
	assert_int_equal(count(f->empty), before);
	exchange_result_free(&res);
	free(path);
}

/* A kept number must leave room for the next new one: 2^63 and above are
 * refused (UINT64_MAX kept used to make the next new number 0). */
static void test_kept_number_ceiling(void **state)
{
	struct fixture *f = *state;
	struct exchange_result res;
	struct err e = { 0 };
	size_t before = count(f->empty);
	char *path = file(f, "big.csv",
		"Số hồ sơ,Tên,Loại,Lĩnh vực,Đơn vị,Ngày giới thiệu\n"
		"18446744073709551615,An,individual,good_deeds,a,2024-01-02\n"
		"9223372036854775808,Bình,individual,good_deeds,a,2024-01-02\n");
	const char *want = "row 2, column A (Số hồ sơ): \"18446744073709551615\" is not an exemplar "
			   "number.";

	assert_int_equal(exchange_import(f->empty, EXCHANGE_EXEMPLARS, path, 0, &res, &e), -1);
	assert_int_equal(res.n_problems, 2);
	assert_string_equal(res.problems[0].text, want);
	assert_int_equal(res.problems[1].row, 3);
	assert_int_equal(count(f->empty), before);
	exchange_result_free(&res);
	free(path);

	path = file(f, "max.csv",
		"Số hồ sơ,Tên,Loại,Lĩnh vực,Đơn vị,Ngày giới thiệu\n"
		"9223372036854775807,An,individual,good_deeds,a,2024-01-02\n"
		",Bình,individual,good_deeds,a,2024-01-02\n");
	assert_int_equal(exchange_import(f->empty, EXCHANGE_EXEMPLARS, path, 0, &res, &e), 0);
	assert_int_equal(res.n_problems, 0);
	assert_int_equal(count(f->empty), before + 2);
	struct exemplar x;
	model_exemplar_init(&x);
	assert_int_equal(register_get(f->empty, 9223372036854775807u, &x, &e), 0);
	assert_string_equal(x.name, "An");
	model_exemplar_free(&x);
	model_exemplar_init(&x);
	assert_int_equal(register_get(f->empty, 9223372036854775808u, &x, &e), 0);
	assert_string_equal(x.name, "Bình");
	model_exemplar_free(&x);
	exchange_result_free(&res);
	free(path);
}

/* A cell is quoted in its problem as a terminal may show it: an escape sequence
 * in the file is written out in caret notation, a long cell cut at a character. */
static void test_problems_safe_to_print(void **state)
{
	struct fixture *f = *state;
	struct exchange_result res;
	struct err e = { 0 };
	char long_date[1300] = "";
	char *text, *path = file(f, "esc.csv", "Tên,Lĩnh vực,Đơn vị,Ngày giới thiệu\n"
					      "An,good_deeds,a,\033]0;x\a\033[2J\n");

	assert_int_equal(exchange_import(f->empty, EXCHANGE_EXEMPLARS, path, 0, &res, &e), -1);
	assert_int_equal(res.n_problems, 1);
	assert_string_equal(res.problems[0].text, "row 2, column D (Ngày giới thiệu): "
			    "\"^[]0;x^G^[[2J\" is not a date: write it DD/MM/YYYY or YYYY-MM-DD.");
	exchange_result_free(&res);
	free(path);
	for (size_t i = 0; i < 400; i++)
		strcat(long_date, "ễ"); /* 3 bytes each: the message is cut inside one */
	assert_true(asprintf(&text, "Tên,Lĩnh vực,Đơn vị,Ngày giới thiệu\nAn,good_deeds,a,%s\n",
			     long_date) > 0);
	path = file(f, "long.csv", text);
	assert_int_equal(exchange_import(f->empty, EXCHANGE_EXEMPLARS, path, 0, &res, &e), -1);
	assert_int_equal(res.n_problems, 1);
	assert_true(strlen(res.problems[0].text) < sizeof res.problems[0].text);
	assert_null(u8_check((const uint8_t *)res.problems[0].text, strlen(res.problems[0].text)));
	exchange_result_free(&res);
	free(text);
	free(path);
}

static void test_every_kind_of_refusal_listed(void **state)
{
	struct fixture *f = *state;
	struct exchange_result res;
	struct err e = { 0 };
	char *path = file(f, "mix.csv", "name,category,unit,date\n"
					"Ánh,good_deeds,zz,2024-01-02\n"
					"Bảo,good_deeds,a,2030-01-01\n"
					"Chi,good_deeds,a,2024-01-03\n");

	/* The register checks a record on its own before units and duplicates;
	 * a refusal of the first kind must not hide one of the second. */
	assert_int_equal(exchange_import(f->empty, EXCHANGE_EXEMPLARS, path, 0, &res, &e), -1);
	assert_int_equal(res.n_problems, 2);
	assert_int_equal(res.problems[0].row, 2);
	assert_int_equal(res.problems[0].col, 3);
	assert_non_null(strstr(res.problems[0].text, "\"zz\""));
	assert_int_equal(res.problems[1].row, 3);
	assert_int_equal(res.problems[1].col, 4);
	assert_int_equal(count(f->empty), 0);
	exchange_result_free(&res);
	free(path);
}

static void test_header_problems(void **state)
{
	struct fixture *f = *state;
	struct exchange_result res;
	struct err e = { 0 };
	char *path = file(f, "head.csv", "Tên,Ghi chú,Tên,Ngày giới thiệu\nAn,x,An,2024-01-02\n");

	assert_int_equal(exchange_import(f->empty, EXCHANGE_EXEMPLARS, path, 0, &res, &e), -1);
	/* Unknown B, C given twice, no category, no unit. */
	assert_int_equal(res.n_problems, 4);
	assert_int_equal(res.problems[0].col, 0);
	assert_int_equal(res.problems[2].col, 2);
	assert_memory_equal(res.problems[2].text, "row 1, column B (Ghi chú): this column is not",
			    strlen("row 1, column B (Ghi chú): this column is not"));
	assert_string_equal(res.problems[3].text, "row 1, column C (Tên): this column is also "
						  "given as column A.");
	exchange_result_free(&res);
	free(path);
}

static void test_dry_run_and_duplicates(void **state)
{
	struct fixture *f = *state;
	struct exchange_result res;
	struct err e = { 0 };
	char *path = file(f, "ok.csv", "name;category;unit;date\n"
				       "Nguyễn Thị Hồng;good_deeds;a;10/03/2024\n"
				       "Lê Văn Tám;good_deeds;a;11/03/2024\n");
	size_t before = count(f->r);

	/* Hồng of a on 2024-03-10 is in r already. */
	assert_int_equal(exchange_import(f->r, EXCHANGE_EXEMPLARS, path, EXCHANGE_DRY_RUN, &res,
					 &e), -1);
	assert_int_equal(res.n_problems, 1);
	assert_int_equal(res.problems[0].row, 2);
	assert_non_null(strstr(res.problems[0].text, "already recorded as number 1"));
	exchange_result_free(&res);
	assert_int_equal(exchange_import(f->r, EXCHANGE_EXEMPLARS, path,
					 EXCHANGE_DRY_RUN | EXCHANGE_SKIP_DUPLICATES, &res, &e), 0);
	assert_int_equal(res.written, 1);
	assert_int_equal(res.skipped, 1);
	assert_int_equal(count(f->r), before); /* a dry run */
	exchange_result_free(&res);
	/* No flag: the writing run itself refuses, lists the same problem, writes nothing. */
	assert_int_equal(exchange_import(f->r, EXCHANGE_EXEMPLARS, path, 0, &res, &e), -1);
	assert_int_equal(res.n_problems, 1);
	assert_int_equal(res.problems[0].row, 2);
	assert_non_null(strstr(res.problems[0].text, "already recorded as number 1"));
	assert_int_equal(res.written, 1);
	assert_int_equal(count(f->r), before);
	exchange_result_free(&res);
	assert_int_equal(exchange_import(f->r, EXCHANGE_EXEMPLARS, path, EXCHANGE_SKIP_DUPLICATES,
					 &res, &e), 0);
	assert_int_equal(res.written, 1);
	assert_int_equal(count(f->r), before + 1);
	exchange_result_free(&res);
	free(path);
}

static void test_units(void **state)
{
	struct fixture *f = *state;
	struct exchange_result res;
	struct err e = { 0 };
	struct unit_list ul;
	char *ok = file(f, "u.csv", "code,name,kind,block,quota,active_from,active_to,successor\n"
				    "g,Xã G cũ,commune,Khối hai,2,2020-01-01,2022-12-31,e\n"
				    "a,Phường A,ward,k1,2,,,\n");
	char *bad = file(f, "v.csv", "code,name,kind,block,quota,active_from,active_to,successor\n"
				     "a,Phường Một,ward,k1,2,,,\n"
				     "h,Xã H,commune,,2,2023-01-01,2022-01-01,\n"
				     "i,Xã I,commune,k9,100,,,zz\n");

	/* g is new (its block given by name); a is as the config says: left alone. */
	assert_int_equal(exchange_import(f->empty, EXCHANGE_UNITS, ok, 0, &res, &e), 0);
	assert_int_equal(res.written, 1);
	assert_int_equal(res.skipped, 1);
	exchange_result_free(&res);
	assert_int_equal(register_units(f->empty, &ul, &e), 0);
	const struct unit *g = units_find(&ul, "g");
	assert_non_null(g);
	assert_string_equal(g->name, "Xã G cũ");
	assert_string_equal(g->block, "k2");
	assert_string_equal(g->successor, "e");
	assert_int_equal(g->active_to, date_from_ymd(2022, 12, 31));
	units_free(&ul);
	assert_int_equal(exchange_import(f->empty, EXCHANGE_UNITS, ok, 0, &res, &e), 0);
	assert_int_equal(res.written, 0);
	exchange_result_free(&res);

	assert_int_equal(exchange_import(f->empty, EXCHANGE_UNITS, bad, 0, &res, &e), -1);
	static const struct { size_t row, col; } want[] = { { 2, 1 }, { 3, 7 }, { 4, 4 },
							    { 4, 5 } };
	assert_int_equal(res.n_problems, 4);
	for (size_t i = 0; i < 4; i++) {
		assert_int_equal(res.problems[i].row, want[i].row);
		assert_int_equal(res.problems[i].col, want[i].col);
	}
	assert_non_null(strstr(res.problems[0].text, "configuration file"));
	exchange_result_free(&res);
	free(ok);
	free(bad);
}

static void test_only_the_office_imports(void **state)
{
	struct fixture *f = *state;
	struct exchange_result res;
	struct err e = { 0 };
	struct reg *viewer;
	char db[128], *path = export_csv(f, f->r, EXCHANGE_EXEMPLARS, "x.csv");

	snprintf(db, sizeof db, "%s/db2", f->dir);
	assert_int_equal(register_open(f->cfg, db, "xem", date_from_ymd(2024, 11, 20), 0,
				       &viewer, &e), 0);
	assert_int_equal(exchange_import(viewer, EXCHANGE_EXEMPLARS, path, 0, &res, &e), -1);
	assert_int_equal(e.code, ERR_DENIED);
	assert_int_equal(res.n_problems, 0);
	register_close(viewer);
	assert_int_equal(count(f->empty), 0);
	free(path);
}

#if OOM_SWEEPS
/*
 * Opening a new register and importing a file into it while memory runs
 * out (oom.h).  Each run has a database of its own (oom_run_dir).
 */
struct import_run {
	struct fixture *f;
	enum exchange_what what;
	const char *csv;
	char dir[64];
	struct reg *r;
	struct exchange_result res;
	struct err e;
};

static int import_run(void *p)
{
	struct import_run *r = p;
	char db[96];

	oom_run_dir(r->dir);
	snprintf(db, sizeof db, "%s/db", r->dir);
	r->r = NULL;
	memset(&r->res, 0, sizeof r->res);
	if (register_open(r->f->cfg, db, "chief", date_from_ymd(2024, 11, 20), REG_CREATE, &r->r,
			  &r->e))
		return -1;
	return exchange_import(r->r, r->what, r->csv, 0, &r->res, &r->e);
}

static int count_row(const struct list_row *row, void *ctx)
{
	(void)row;
	++*(size_t *)ctx;
	return 0;
}

/* What the register holds now, counted by listing it. */
static size_t stored(struct reg *r)
{
	struct query_filter qf = { 0 };
	struct err e = { 0 };
	size_t n = 0;

	assert_int_equal(query_scan(r, &qf, NULL, 0, false, count_row, &n, &e), 0);
	return n;
}

static void import_end(struct import_run *r)
{
	exchange_result_free(&r->res);
	register_close(r->r);
	oom_remove_dir(r->dir);
}

static void import_failed(void *p)
{
	struct import_run *r = p;

	/* Out of memory, or a system call that said so (fopen: "Cannot open ...: %s"). */
	if (!oom_said(&r->e))
		fail_msg("requests %ld-%ld refused: %s (%s)", oom.fail, oom.until, r->e.msg,
			 r->res.n_problems ? r->res.problems[0].text : "no problem listed");
	if (r->r)
		assert_int_equal(stored(r->r), 0); /* all or nothing */
	import_end(r);
}

static void import_done(void *p)
{
	struct import_run *r = p;
	struct exemplar x;
	struct unit_list ul;
	struct err e = { 0 };

	if (r->what == EXCHANGE_UNITS) {
		/* g is new, its block given by name; a is as the config says. */
		assert_int_equal(r->res.written, 1);
		assert_int_equal(r->res.skipped, 1);
		assert_int_equal(register_units(r->r, &ul, &e), 0);
		assert_string_equal(units_find(&ul, "g")->block, "k2");
		units_free(&ul);
		import_end(r);
		return;
	}
	assert_int_equal(r->res.written, 3);
	assert_int_equal(stored(r->r), 3);
	model_exemplar_init(&x);
	assert_int_equal(register_get(r->r, 1, &x, &e), 0);
	assert_string_equal(x.name, "Nguyễn Thị Hồng");
	assert_string_equal(x.achievements, "Dòng 1\nDòng 2, có \"ngoặc\"");
	model_exemplar_free(&x);
	import_end(r);
}

/* An export written as CSV while memory runs out, against one written with memory to spare. */
struct export_run {
	struct fixture *f;
	enum exchange_what what;
	char *want, path[128];
	FILE *out;
	char buf[BUFSIZ];  /* the stream's buffer: not one the sweep counts */
	struct err e;
};

static int export_run(void *p)
{
	struct export_run *x = p;
	struct report *rp = NULL;
	size_t n;
	int rc;

	oom.spare = true;
	x->out = fopen(x->path, "w");
	assert_non_null(x->out);
	setvbuf(x->out, x->buf, _IOFBF, sizeof x->buf);
	oom.spare = false;
	rc = export_register(x->f->r, x->what, &rp, &n, &x->e) ||
	     report_write_csv(rp, x->out, false, &x->e);
	report_free(rp);
	oom.spare = true;
	assert_int_equal(fclose(x->out), 0);
	oom.spare = false;
	return rc;
}

static void export_failed(void *p)
{
	struct export_run *x = p;

	if (x->e.code != ERR_NOMEM)
		fail_msg("requests %ld-%ld refused: %s", oom.fail, oom.until, x->e.msg);
}

static void export_done(void *p)
{
	struct export_run *x = p;
	char *got;

	oom.spare = true;
	got = slurp(x->path);
	oom.spare = false;
	assert_string_equal(got, x->want);
	free(got);
}

static void test_export_out_of_memory(void **state)
{
	struct export_run x = { .f = *state };

	for (int w = 0; w < 2; w++) {
		char *path;

		x.what = w ? EXCHANGE_UNITS : EXCHANGE_EXEMPLARS;
		path = export_csv(x.f, x.f->r, x.what, "want.csv");
		x.want = slurp(path);
		snprintf(x.path, sizeof x.path, "%s/got.csv", x.f->dir);
		assert_true(oom_sweep(export_run, export_failed, export_done, &x) > 20);
		free(x.want);
		free(path);
	}
}

static void test_import_out_of_memory(void **state)
{
	struct import_run r = { .f = *state, .what = EXCHANGE_EXEMPLARS };
	char *csv = export_csv(r.f, r.f->r, EXCHANGE_EXEMPLARS, "a.csv");
	char *units = file(r.f, "u.csv", "code,name,kind,block,quota,active_from,active_to,"
					 "successor\n"
					 "g,Xã G cũ,commune,Khối hai,2,2020-01-01,2022-12-31,e\n"
					 "a,Phường A,ward,k1,2,,,\n");

	r.csv = csv;
	/* Once beforehand, counted by nothing: what is set up once (libcsv opened). */
	assert_int_equal(import_run(&r), 0);
	import_done(&r);
	assert_true(oom_sweep(import_run, import_failed, import_done, &r) > 100);
	r.what = EXCHANGE_UNITS;
	r.csv = units;
	assert_true(oom_sweep(import_run, import_failed, import_done, &r) > 50);
	free(csv);
	free(units);
}
#endif

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_export_cells, setup, teardown),
		cmocka_unit_test_setup_teardown(test_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kept_number_ceiling, setup, teardown),
		cmocka_unit_test_setup_teardown(test_problems_by_row_and_column, setup, teardown),
		cmocka_unit_test_setup_teardown(test_problems_safe_to_print, setup, teardown),
		cmocka_unit_test_setup_teardown(test_every_kind_of_refusal_listed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_header_problems, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dry_run_and_duplicates, setup, teardown),
		cmocka_unit_test_setup_teardown(test_units, setup, teardown),
		cmocka_unit_test_setup_teardown(test_only_the_office_imports, setup, teardown),
#if OOM_SWEEPS
		cmocka_unit_test_setup_teardown(test_export_out_of_memory, setup, teardown),
		cmocka_unit_test_setup_teardown(test_import_out_of_memory, setup, teardown),
#endif
	};

	/* The messages and labels these tests expect are the English ones. */
	i18n_set_language("en");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
