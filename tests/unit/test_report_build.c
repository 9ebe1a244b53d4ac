/* test_report_build.c - the quarter, year and plan reports from a small register. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fixture.h"
#include "oom.h"
#include "report_build.h"
#include "report_plan.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* ---- scores ------------------------------------------------------------------------ */

static void test_score(void **state)
{
	struct score_scheme dflt = { 10, -5, 1, 2, 2, 5 }, odd = { 7, -3, 0, 4, 1000, -1000 };
	struct report_score_input a = { 3, 1, 7, 5, 4, 2 }, b = { 1, 2, 3, 4, 5, 6 };

	(void)state;
	/* 30 - 5 + 7 + 10 + 8 + 10 */
	assert_int_equal(report_build_score(&dflt, &a), 60);
	/* 7 - 6 + 0 + 16 + 5000 - 6000 */
	assert_int_equal(report_build_score(&odd, &b), -983);
}

static void test_rank(void **state)
{
	long s1[] = { 60, 75, 60, 10 }, s2[] = { 5, 5, 5 }, s3[] = { -2, 1, -5 };
	int r[4];

	(void)state;
	report_build_rank(s1, 4, r);
	assert_int_equal(r[0], 2);
	assert_int_equal(r[1], 1);
	assert_int_equal(r[2], 2);
	assert_int_equal(r[3], 4);
	report_build_rank(s2, 3, r);
	assert_int_equal(r[0] + r[1] + r[2], 3);
	report_build_rank(s3, 3, r);
	assert_int_equal(r[0], 2);
	assert_int_equal(r[1], 1);
	assert_int_equal(r[2], 3);
	report_build_rank(NULL, 0, r);
}

/* ---- a register ---------------------------------------------------------------------- */

/*
 * The town of tests/data/report/town.ini on 2024-11-20, with, in Q2 2024:
 *   a: two collectives (one returned) and an individual accepted and propagated once;
 *   c: one collective;  d: one individual accepted, proposed and commended.
 */
struct fixture {
	struct config *cfg;
	struct reg *r;
	char dir[64];
};

static uint64_t add(struct reg *r, const char *unit, enum ex_type type, const char *name,
		    int m, int d)
{
	struct exemplar x;
	struct err e = { 0 };
	uint64_t id;

	model_exemplar_init(&x);
	snprintf(x.unit, sizeof x.unit, "%s", unit);
	x.type = type;
	x.category = type == TYPE_COLLECTIVE ? CAT_RESIDENTIAL : CAT_GOOD_DEEDS;
	x.name = strdup(name);
	x.achievements = strdup("Hoàn thành xuất sắc nhiệm vụ.");
	x.date = date_from_ymd(2024, m, d);
	assert_int_equal(register_add(r, &x, NULL, &e), 0);
	id = x.id;
	model_exemplar_free(&x);
	return id;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	const char *root = getenv("DIENHINH_ROOT");
	char path[512];
	struct err e = { 0 };
	struct commendation cm = { "Giấy khen", "12/QĐ", 0, "Chủ tịch UBND" };
	struct propagation p = { CHANNEL_RADIO, 0, "Số 3", "", 0 };
	uint64_t id;

	snprintf(path, sizeof path, "%s/tests/data/report/town.ini", root ? root : ".");
	snprintf(f->dir, sizeof f->dir, "/tmp/dienhinh-rb.XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	assert_int_equal(config_load(path, &f->cfg, &e), 0);
	assert_int_equal(register_open(f->cfg, f->dir, "chief", date_from_ymd(2024, 11, 20),
				       REG_CREATE, &f->r, &e), 0);
	add(f->r, "a", TYPE_COLLECTIVE, "Ấp Mỹ Hòa", 4, 2);
	id = add(f->r, "a", TYPE_COLLECTIVE, "Ấp Tân Trung", 5, 3);
	assert_int_equal(register_return(f->r, id, "Thiếu số liệu", &e), 0);
	id = add(f->r, "a", TYPE_INDIVIDUAL, "Trần Văn Bình", 6, 4);
	assert_int_equal(register_accept(f->r, id, &e), 0);
	p.date = date_from_ymd(2024, 7, 1);
	assert_int_equal(register_propagate(f->r, id, &p, &e), 0);
	add(f->r, "c", TYPE_COLLECTIVE, "Tổ một cửa", 4, 15);
	id = add(f->r, "d", TYPE_INDIVIDUAL, "Lê Thị An", 6, 30);
	assert_int_equal(register_accept(f->r, id, &e), 0);
	assert_int_equal(register_propose(f->r, id, date_from_ymd(2024, 9, 15), &e), 0);
	cm.date = date_from_ymd(2024, 10, 1);
	assert_int_equal(register_commend(f->r, id, &cm, &e), 0);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	register_close(f->r);
	config_free(f->cfg);
	assert_int_equal(tmpdir_remove(f->dir), 0);
	free(f);
	return 0;
}

/* Row `i` of a section equals `want` (ncols strings). */
static void row_is(const struct report_section *s, size_t i, enum report_row_kind kind,
		   const char *const *want)
{
	assert_true(i < s->nrows);
	assert_int_equal(s->rows[i].kind, kind);
	for (size_t c = 0; c < (kind == REPORT_GROUP ? 1 : s->ncols); c++)
		assert_string_equal(s->rows[i].cells[c], want[c]);
}

static void test_quarter(void **state)
{
	struct fixture *f = *state;
	struct report *rp;
	struct err e = { 0 };

	assert_int_equal(report_build_quarter(f->r, 2024, 2, &rp, &e), 0);
	assert_string_equal(rp->period, "Quarter II of 2024 (from 01/04/2024 to 30/06/2024)");
	assert_string_equal(rp->date_line, "Ngã Năm, 20/11/2024");
	assert_string_equal(rp->issuer_parent, "UỶ BAN NHÂN DÂN THỊ XÃ THỬ");
	assert_int_equal(rp->nsections, 2);
	const struct report_section *s = &rp->sections[0];
	/* a: 3 introduced, 1 returned, so 2 count: met.  d: 1 of 2, the quarter is
	 * over: short.  e was not active yet: not shown.  f is in no block. */
	const char *g1[] = { "A. Khối một" }, *g2[] = { "B. Khối hai" },
		   *g3[] = { "C. Units outside the emulation blocks" };
	const char *a[] = { "1", "Phường A", "2", "2", "1", "1", "1", "Met" };
	const char *b[] = { "2", "Đơn vị B", "1", "0", "0", "0", "0", "Short" };
	const char *c[] = { "3", "Phòng C", "0", "1", "0", "0", "0", "Not applicable" };
	const char *d[] = { "4", "Xã D", "2", "0", "1", "1", "0", "Short" };
	const char *fu[] = { "5", "Phòng F", "0", "0", "0", "0", "0", "Not applicable" };
	const char *tot[] = { "", "Total", "5", "3", "2", "2", "1", "1 of 3 met" };
	assert_int_equal(s->nrows, 9);
	row_is(s, 0, REPORT_GROUP, g1);
	row_is(s, 1, REPORT_ROW, a);
	row_is(s, 2, REPORT_ROW, b);
	row_is(s, 3, REPORT_GROUP, g2);
	row_is(s, 4, REPORT_ROW, c);
	row_is(s, 5, REPORT_ROW, d);
	row_is(s, 6, REPORT_GROUP, g3);
	row_is(s, 7, REPORT_ROW, fu);
	row_is(s, 8, REPORT_TOTAL, tot);
	/* The list: by unit as above; collectives first, then people by given name. */
	s = &rp->sections[1];
	const char *ua[] = { "Phường A" }, *uc[] = { "Phòng C" }, *ud[] = { "Xã D" };
	const char *x1[] = { "1", "Ấp Mỹ Hòa", "Collective", "Residential area", "02/04/2024",
			     "Introduced" };
	const char *x2[] = { "2", "Ấp Tân Trung", "Collective", "Residential area", "03/05/2024",
			     "Returned" };
	const char *x4[] = { "4", "Tổ một cửa", "Collective", "Residential area", "15/04/2024",
			     "Introduced" };
	const char *x5[] = { "5", "Lê Thị An", "Individual", "Workers, good people and good deeds",
			     "30/06/2024", "Commended" };
	assert_int_equal(s->nrows, 8);
	row_is(s, 0, REPORT_GROUP, ua);
	row_is(s, 1, REPORT_ROW, x1);
	row_is(s, 2, REPORT_ROW, x2);
	assert_string_equal(s->rows[3].cells[1], "Trần Văn Bình");
	row_is(s, 4, REPORT_GROUP, uc);
	row_is(s, 5, REPORT_ROW, x4);
	row_is(s, 6, REPORT_GROUP, ud);
	row_is(s, 7, REPORT_ROW, x5);
	report_free(rp);

	/* A quarter without records: every active unit, zeros, and a note. */
	assert_int_equal(report_build_quarter(f->r, 2024, 3, &rp, &e), 0);
	assert_int_equal(rp->sections[1].nrows, 0);
	assert_int_equal(rp->sections[1].nnotes, 1);
	s = &rp->sections[0];
	assert_string_equal(s->rows[s->nrows - 1].cells[7], "0 of 3 met"); /* a, b, e */
	report_free(rp);
}

static void test_year(void **state)
{
	struct fixture *f = *state;
	struct report *rp;
	struct err e = { 0 };

	assert_int_equal(report_build_year(f->r, 2024, &rp, &e), 0);
	assert_string_equal(rp->period, "Year 2024");
	const struct report_section *s = &rp->sections[0];
	/*
	 * Q4 is open on 2024-11-20: neither met nor short.
	 *   a: Q2 met, Q1 and Q3 short; 2 counted, 1 accepted, 1 propagation:
	 *      10 - 10 + 2 + 2 + 2 = 6
	 *   b: three quarters short: -15
	 *   c: no quota; 1 counted: 1
	 *   d: Q1, Q2 short (gone from Q3); 1 counted, accepted, commended: -10 + 1 + 2 + 5 = -2
	 *   e: Q3 short: -5
	 *   f: 0
	 */
	const char *g1[] = { "A. Khối một" }, *g2[] = { "B. Khối hai" };
	const char *a[] = { "1", "Phường A", "1", "2", "2", "1", "1", "0", "6" };
	const char *b[] = { "2", "Đơn vị B", "0", "3", "0", "0", "0", "0", "-15" };
	const char *c[] = { "1", "Phòng C", "0", "0", "1", "0", "0", "0", "1" };
	const char *d[] = { "2", "Xã D", "0", "2", "1", "1", "0", "1", "-2" };
	const char *eu[] = { "3", "Phường E", "0", "1", "0", "0", "0", "0", "-5" };
	const char *fu[] = { "1", "Phòng F", "0", "0", "0", "0", "0", "0", "0" };
	const char *tot[] = { "", "Total", "1", "8", "4", "2", "1", "1", "" };
	assert_int_equal(s->nrows, 10);
	row_is(s, 0, REPORT_GROUP, g1);
	row_is(s, 1, REPORT_ROW, a);
	row_is(s, 2, REPORT_ROW, b);
	row_is(s, 3, REPORT_GROUP, g2);
	row_is(s, 4, REPORT_ROW, c);
	row_is(s, 5, REPORT_ROW, d);
	row_is(s, 6, REPORT_ROW, eu);
	row_is(s, 8, REPORT_ROW, fu);
	row_is(s, 9, REPORT_TOTAL, tot);
	/* The formula, with the configured points, is written under the table for
	 * its readers: no section of the configuration named. */
	assert_string_equal(s->notes[0], "Score = 10 x quarters met + (-5) x quarters short + 1 x "
				       "exemplars counted + 2 x accepted + 2 x propagation events "
				       "+ 5 x commended, by the scoring scheme of the Home Affairs "
				       "Office.");
	assert_null(strchr(s->notes[0], '['));
	report_free(rp);
}

static void test_plan(void **state)
{
	struct fixture *f = *state;
	struct report *rp;
	struct err e = { 0 };

	assert_int_equal(report_plan_build(f->r, 0, &rp, &e), 0);
	assert_string_equal(rp->period, "Period 2023-2025");
	assert_int_equal(rp->nsections, 4);
	/* By year.  2023: a, b, d short all year (4 + 4 + 4).  2024 as the year report.
	 * 2025 is still to come: nothing met, nothing short. */
	const struct report_section *s = &rp->sections[0];
	const char *y23[] = { "2023", "0", "0", "0", "0", "0", "0", "0", "12" };
	const char *y24[] = { "2024", "3", "2", "5", "2", "1", "1", "1", "8" };
	const char *y25[] = { "2025", "0", "0", "0", "0", "0", "0", "0", "0" };
	const char *tot[] = { "Total", "3", "2", "5", "2", "1", "1", "1", "20" };
	assert_int_equal(s->nrows, 4);
	row_is(s, 0, REPORT_ROW, y23);
	row_is(s, 1, REPORT_ROW, y24);
	row_is(s, 2, REPORT_ROW, y25);
	row_is(s, 3, REPORT_TOTAL, tot);
	/* By category: columns 2023, 2024, 2025, total. */
	s = &rp->sections[1];
	assert_int_equal(s->ncols, 5);
	assert_string_equal(s->cols[1].header, "2023");
	const char *res[] = { "Residential area", "0", "3", "0", "3" };
	row_is(s, 7, REPORT_ROW, res);
	/* By unit: a has 3 in 2024; d 1, commended. */
	s = &rp->sections[2];
	const char *ua[] = { "1", "Phường A", "0", "3", "0", "3", "0" };
	row_is(s, 1, REPORT_ROW, ua);
	const char *ud[] = { "4", "Xã D", "0", "1", "0", "1", "1" };
	row_is(s, 5, REPORT_ROW, ud);
	/* The commended. */
	s = &rp->sections[3];
	const char *hon[] = { "1", "Lê Thị An", "Xã D", "Giấy khen", "12/QĐ", "01/10/2024" };
	assert_int_equal(s->nrows, 1);
	row_is(s, 0, REPORT_ROW, hon);
	report_free(rp);
}

/* ---- periods ---------------------------------------------------------------------- */

/* The report as text, 80 columns wide, from its first section on (skip the
 * heading) or whole; the caller frees it. */
static char *as_text(struct report *rp, bool sections_only)
{
	struct report_lines l;
	struct err e = { 0 };
	size_t n = 0, from = 0;
	char *out;

	assert_int_equal(report_text_lines(rp, 80, &l, &e), 0);
	if (sections_only)
		while (from < l.n && strcmp(l.v[from] + strspn(l.v[from], " "),
					    rp->sections[0].title))
			from++;
	for (size_t i = from; i < l.n; i++)
		n += strlen(l.v[i]) + 1;
	out = calloc(n + 1, 1);
	assert_non_null(out);
	for (size_t i = from; i < l.n; i++)
		strcat(strcat(out, l.v[i]), "\n");
	report_lines_free(&l);
	report_free(rp);
	return out;
}

/* The quarter report (2024 Q2), the year's (2024) and the plan's of 2024, as text. */
static void reports_of_2024(struct reg *r, char *text[3])
{
	struct report *rp;
	struct err e = { 0 };

	assert_int_equal(report_build_quarter(r, 2024, 2, &rp, &e), 0);
	text[0] = as_text(rp, false);
	assert_int_equal(report_build_year(r, 2024, &rp, &e), 0);
	text[1] = as_text(rp, false);
	assert_int_equal(report_plan_build(r, 2024, &rp, &e), 0);
	text[2] = as_text(rp, true);
}

/*
 * The register of town.ini under the same config with its plan years as
 * [period.p2023] and a period 2026-2028 after it, with its own heading,
 * points and a quota of 3 for Phường A.
 */
static void open_with_periods(struct fixture *f)
{
	static const char periods[] =
		"[period.p2023]\nname = \"Kế hoạch 2023–2025\"\nfrom = 2023\nto = 2025\n"
		"[period.p2026]\nname = \"Giai đoạn 2026–2028\"\nfrom = 2026\nto = 2028\n"
		"issuer = \"VĂN PHÒNG HĐND VÀ UBND\"\nquarter_short = -2\n";
	const char *root = getenv("DIENHINH_ROOT");
	char path[512], *text;
	struct err e = { 0 };
	FILE *in, *out;

	snprintf(path, sizeof path, "%s/tests/data/report/town.ini", root ? root : ".");
	assert_non_null(in = fopen(path, "r"));
	assert_non_null(text = calloc(1, 1 << 16));
	text[fread(text, 1, (1 << 16) - 1, in)] = 0;
	fclose(in);
	snprintf(path, sizeof path, "%s/periods.ini", f->dir);
	assert_non_null(out = fopen(path, "w"));
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n"))
		if (strncmp(line, "plan_", 5)) /* [period.*] takes their place */
			fprintf(out, "%s\n", line);
	fprintf(out, "%s[unit.g]\nname = \"Phường G\"\nkind = ward\nquota.p2026 = 3\n"
		     "active_from = 2026-01-01\n", periods);
	fclose(out);
	free(text);
	register_close(f->r);
	f->r = NULL;
	config_free(f->cfg);
	f->cfg = NULL;
	assert_int_equal(config_load(path, &f->cfg, &e), 0);
	assert_int_equal(register_open(f->cfg, f->dir, "chief", date_from_ymd(2024, 11, 20), 0,
				       &f->r, &e), 0);
}

static void test_periods(void **state)
{
	struct fixture *f = *state;
	char *before[3], *after[3];
	struct report *rp;
	struct err e = { 0 };
	const struct report_section *s;

	reports_of_2024(f->r, before);
	open_with_periods(f);
	/* A later period changes nothing about 2024, nor which units are shown. */
	reports_of_2024(f->r, after);
	for (int i = 0; i < 3; i++) {
		assert_string_equal(after[i], before[i]);
		free(before[i]);
		free(after[i]);
	}
	/* A year of the new period: its heading, its points, its quotas. */
	assert_int_equal(report_build_year(f->r, 2026, &rp, &e), 0);
	assert_string_equal(rp->issuer, "VĂN PHÒNG HĐND VÀ UBND");
	assert_string_equal(rp->issuer_parent, "UỶ BAN NHÂN DÂN THỊ XÃ THỬ");
	assert_non_null(strstr(rp->sections[0].notes[0], "(-2) x quarters short"));
	/* The period's own points are named by the period, for the report's readers. */
	assert_non_null(strstr(rp->sections[0].notes[0],
			       "by the scoring scheme of the Home Affairs Office for "
			       "Giai đoạn 2026–2028."));
	assert_null(strchr(rp->sections[0].notes[0], '['));
	report_free(rp);
	assert_int_equal(report_build_quarter(f->r, 2026, 1, &rp, &e), 0);
	s = &rp->sections[0];
	const char *g[] = { "6", "Phường G", "3", "0", "0", "0", "0", "Not yet met" };
	row_is(s, s->nrows - 2, REPORT_ROW, g);
	report_free(rp);
	assert_int_equal(report_plan_build(f->r, 2027, &rp, &e), 0);
	assert_string_equal(rp->period, "Giai đoạn 2026–2028");
	assert_int_equal(rp->sections[0].nrows, 4);
	assert_string_equal(rp->sections[0].rows[0].cells[0], "2026");
	report_free(rp);
	/* A year in no period: no quota, and the reason in words. */
	assert_int_equal(report_build_quarter(f->r, 2030, 1, &rp, &e), 0);
	s = &rp->sections[0];
	assert_string_equal(s->rows[1].cells[7], "Outside the plan periods");
	assert_string_equal(s->notes[s->nnotes - 1], "Giai đoạn 2026–2028 ended on 31/12/2028; "
			    "no new period is declared in the configuration file.");
	report_free(rp);
	assert_int_equal(report_plan_build(f->r, 2022, &rp, &e), -1);
	assert_int_equal(e.code, ERR_NOTFOUND);
	assert_string_equal(e.msg, "2022 is outside the plan periods: Kế hoạch 2023–2025 begins "
			    "on 01/01/2023.");
	assert_null(rp);
}

#if OOM_SWEEPS
/* The quarter, year and plan reports built while memory runs out (oom.h). */
struct build_run {
	struct reg *r;
	char kind;                  /* 'q', 'y' or 'p' */
	struct report *rp;
	struct report_lines want;   /* the report laid out, built with memory to spare */
	struct err e;
};

static int build_run(void *p)
{
	struct build_run *b = p;

	b->rp = NULL;
	if (b->kind == 'q')
		return report_build_quarter(b->r, 2024, 2, &b->rp, &b->e);
	if (b->kind == 'y')
		return report_build_year(b->r, 2024, &b->rp, &b->e);
	return report_plan_build(b->r, 0, &b->rp, &b->e);
}

static void build_failed(void *p)
{
	struct build_run *b = p;

	if (b->e.code != ERR_NOMEM)
		fail_msg("report %c, requests %ld-%ld refused: %s", b->kind, oom.fail, oom.until,
			 b->e.msg);
	assert_null(b->rp);
}

static void build_done(void *p)
{
	struct build_run *b = p;
	struct report_lines got;
	struct err e = { 0 };

	assert_int_equal(report_text_lines(b->rp, 100, &got, &e), 0);
	assert_int_equal(got.n, b->want.n);
	for (size_t i = 0; i < got.n; i++)
		assert_string_equal(got.v[i], b->want.v[i]);
	report_lines_free(&got);
	report_free(b->rp);
}

static void test_out_of_memory(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };

	for (const char *k = "qyp"; *k; k++) {
		struct build_run b = { .r = f->r, .kind = *k };

		assert_int_equal(build_run(&b), 0);
		assert_int_equal(report_text_lines(b.rp, 100, &b.want, &e), 0);
		report_free(b.rp);
		assert_true(oom_sweep(build_run, build_failed, build_done, &b) > 50);
		report_lines_free(&b.want);
	}
}
#endif

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_score),
		cmocka_unit_test(test_rank),
		cmocka_unit_test_setup_teardown(test_quarter, setup, teardown),
		cmocka_unit_test_setup_teardown(test_year, setup, teardown),
		cmocka_unit_test_setup_teardown(test_plan, setup, teardown),
		cmocka_unit_test_setup_teardown(test_periods, setup, teardown),
#if OOM_SWEEPS
		cmocka_unit_test_setup_teardown(test_out_of_memory, setup, teardown),
#endif
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
