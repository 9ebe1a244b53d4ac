/* test_config.c - loading, validating and looking up the configuration. */
#include <dlfcn.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <iniparser.h>

#include "config.h"
#include "oom.h"
#include "paths.h"

/* Tests run from the repository root. */
#define SHIPPED "conf/dienhinh.ini"
#define DATA "tests/data/config/"

/*
 * Day numbers worked out by hand:
 *   2021-01-01: 51 years * 365 + 13 leap days (1972..2020) = 18628
 *   2025-01-01: 55 * 365 + 14 leap days (1972..2024) = 20089
 *   2025-06-30: 20089 + 31 + 28 + 31 + 30 + 31 (Jan..May) + 29 = 20269
 *   2025-07-01: 20270
 */
#define D_2021_01_01 18628
#define D_2025_06_30 20269
#define D_2025_07_01 20270

static struct config *load_ok(const char *path)
{
	struct config *cfg = NULL;
	struct err e = { 0 };

	if (config_load(path, &cfg, &e) < 0)
		fail_msg("%s: %s", path, e.msg);
	assert_non_null(cfg);
	return cfg;
}

/* ---- the shipped file --------------------------------------------------- */

static const struct {
	const char *code, *name;
	enum unit_kind kind;
	const char *block;
	int quota;
	date_t from, to;
	const char *successor;
} town[] = {
#define OLD(c, n, k, s) { c, n, k, "khoi_xa_phuong", 2, DATE_NONE, D_2025_06_30, s }
#define NEW(c, n, k) { c, n, k, "khoi_xa_phuong", 2, D_2025_07_01, DATE_NONE, "" }
#define U(c, n, k, b, q) { c, n, k, b, q, DATE_NONE, DATE_NONE, "" }
	OLD("phuong1", "Phường 1", KIND_WARD, "phuongnganam"),
	OLD("phuong2", "Phường 2", KIND_WARD, "phuongnganam"),
	OLD("phuong3", "Phường 3", KIND_WARD, "phuongmyquoi"),
	OLD("longbinh", "Xã Long Bình", KIND_COMMUNE, "tanlongmoi"),
	OLD("mybinh", "Xã Mỹ Bình", KIND_COMMUNE, "phuongmyquoi"),
	OLD("myquoi", "Xã Mỹ Quới", KIND_COMMUNE, "phuongmyquoi"),
	OLD("tanlong", "Xã Tân Long", KIND_COMMUNE, "tanlongmoi"),
	OLD("vinhquoi", "Xã Vĩnh Quới", KIND_COMMUNE, "phuongnganam"),
	NEW("phuongnganam", "Phường Ngã Năm", KIND_WARD),
	NEW("phuongmyquoi", "Phường Mỹ Quới", KIND_WARD),
	NEW("tanlongmoi", "Xã Tân Long", KIND_COMMUNE),
	U("ttyt", "Trung tâm Y tế thị xã", KIND_SERVICE, "khoi_van_hoa_xa_hoi", 2),
	U("gddt", "Phòng Giáo dục và Đào tạo", KIND_DEPARTMENT, "khoi_van_hoa_xa_hoi", 2),
	U("kinhte", "Phòng Kinh tế", KIND_DEPARTMENT, "khoi_kinh_te", 2),
	U("mttq", "Ủy ban Mặt trận Tổ quốc Việt Nam thị xã", KIND_FRONT,
	  "khoi_dang_doan_the", 2),
	U("thidoan", "Thị đoàn (Đoàn TNCS Hồ Chí Minh)", KIND_MASS_ORG, "khoi_dang_doan_the", 2),
	U("phunu", "Hội Liên hiệp Phụ nữ thị xã", KIND_MASS_ORG, "khoi_dang_doan_the", 2),
	U("nongdan", "Hội Nông dân thị xã", KIND_MASS_ORG, "khoi_dang_doan_the", 2),
	U("cuuchienbinh", "Hội Cựu chiến binh thị xã", KIND_MASS_ORG, "khoi_dang_doan_the", 2),
	U("laodong", "Liên đoàn Lao động thị xã", KIND_MASS_ORG, "khoi_dang_doan_the", 2),
	U("chuthapdo", "Hội Chữ thập đỏ thị xã", KIND_MASS_ORG, "khoi_dang_doan_the", 2),
	U("quansu", "Ban Chỉ huy Quân sự thị xã", KIND_ARMED, "khoi_noi_chinh", 1),
	U("congan", "Công an thị xã", KIND_ARMED, "khoi_noi_chinh", 1),
	U("vanphong", "Văn phòng HĐND và UBND thị xã", KIND_DEPARTMENT, "khoi_kinh_te", 0),
	U("noivu", "Phòng Nội vụ", KIND_DEPARTMENT, "khoi_noi_chinh", 0),
	U("tuphap", "Phòng Tư pháp", KIND_DEPARTMENT, "khoi_noi_chinh", 0),
	U("taichinh", "Phòng Tài chính – Kế hoạch", KIND_DEPARTMENT, "khoi_kinh_te", 0),
	U("tainguyen", "Phòng Tài nguyên và Môi trường", KIND_DEPARTMENT, "khoi_kinh_te", 0),
	U("laodongtbxh", "Phòng Lao động – Thương binh và Xã hội", KIND_DEPARTMENT,
	  "khoi_van_hoa_xa_hoi", 0),
	U("vanhoa", "Phòng Văn hóa và Thông tin", KIND_DEPARTMENT, "khoi_van_hoa_xa_hoi", 0),
	U("yte", "Phòng Y tế", KIND_DEPARTMENT, "khoi_van_hoa_xa_hoi", 0),
	U("thanhtra", "Thanh tra thị xã", KIND_DEPARTMENT, "khoi_noi_chinh", 0),
	U("quanlydothi", "Phòng Quản lý đô thị", KIND_DEPARTMENT, "khoi_kinh_te", 0),
	U("truyenthanh", "Đài Truyền thanh thị xã", KIND_SERVICE, "khoi_van_hoa_xa_hoi", 0),
#undef OLD
#undef NEW
#undef U
};

static void test_shipped_units(void **state)
{
	struct config *cfg = load_ok(SHIPPED);
	size_t n = sizeof town / sizeof town[0];

	(void)state;
	assert_int_equal(n, 34);
	assert_int_equal(cfg->n_units, n);
	for (size_t i = 0; i < n; i++) {
		const struct unit *u = &cfg->units[i];

		assert_string_equal(u->code, town[i].code);
		assert_string_equal(u->name, town[i].name);
		assert_int_equal(u->kind, town[i].kind);
		assert_string_equal(u->block, town[i].block);
		assert_int_equal(u->quota, town[i].quota);
		assert_int_equal(u->active_from, town[i].from);
		assert_int_equal(u->active_to, town[i].to);
		assert_string_equal(u->successor, town[i].successor);
	}
	config_free(cfg);
}

static void test_shipped_blocks(void **state)
{
	static const char *const blocks[][2] = {
		{ "khoi_dang_doan_the", "Khối Đảng – đoàn thể" },
		{ "khoi_noi_chinh", "Khối nội chính" },
		{ "khoi_kinh_te", "Khối kinh tế – tổng hợp" },
		{ "khoi_van_hoa_xa_hoi", "Khối văn hóa – xã hội" },
		{ "khoi_xa_phuong", "Khối xã – phường" },
	};
	struct config *cfg = load_ok(SHIPPED);

	(void)state;
	assert_int_equal(cfg->n_blocks, 5);
	for (size_t i = 0; i < 5; i++) {
		assert_string_equal(cfg->blocks[i].code, blocks[i][0]);
		assert_string_equal(cfg->blocks[i].name, blocks[i][1]);
	}
	config_free(cfg);
}

static void test_shipped_settings(void **state)
{
	struct config *cfg = load_ok(SHIPPED);

	(void)state;
	assert_string_equal(cfg->path, SHIPPED);
	assert_string_equal(cfg->database, "/var/lib/dienhinh");
	assert_int_equal(cfg->map_size, (size_t)1 << 30);
	assert_string_equal(cfg->language, "vi");
	/* the plan 2021-2025, declared as a period that a later one can follow */
	assert_int_equal(cfg->periods.n, 1);
	assert_string_equal(cfg->periods.v[0].code, "p2021");
	assert_string_equal(cfg->periods.v[0].name, "Kế hoạch 2021–2025");
	assert_int_equal(cfg->periods.v[0].from, 2021);
	assert_int_equal(cfg->periods.v[0].to, 2025);
	assert_null(cfg->periods.v[0].issuer);
	assert_int_equal(cfg->periods.v[0].n_quotas, 0);
	assert_memory_equal(&cfg->periods.v[0].score, &cfg->score, sizeof cfg->score);
	assert_false(cfg->count_returned);
	assert_int_equal(cfg->keep_safety_copies, 3);
	assert_string_equal(cfg->issuer_parent, "ỦY BAN NHÂN DÂN THỊ XÃ NGÃ NĂM");
	assert_string_equal(cfg->issuer, "PHÒNG NỘI VỤ");
	assert_string_equal(cfg->place, "Ngã Năm");
	assert_int_equal(cfg->n_roles, 1);
	assert_string_equal(cfg->roles[0].user, "root");
	assert_int_equal(cfg->roles[0].role, ROLE_OFFICE);
	assert_int_equal(cfg->roles[0].n_units, 0);
	config_free(cfg);
}

/* ---- defaults and every key set ------------------------------------------ */

static void assert_defaults(const struct config *cfg)
{
	assert_string_equal(cfg->database, DIENHINH_STATEDIR "/dienhinh");
	assert_int_equal(cfg->map_size, (size_t)1 << 30);
	assert_string_equal(cfg->language, "vi");
	/* without [period.*]: one period, plan_from-plan_to, 2021-2025 by default */
	assert_int_equal(cfg->periods.n, 1);
	assert_string_equal(cfg->periods.v[0].code, "plan");
	assert_null(cfg->periods.v[0].name);
	assert_int_equal(cfg->periods.v[0].from, 2021);
	assert_int_equal(cfg->periods.v[0].to, 2025);
	assert_false(cfg->count_returned);
	assert_int_equal(cfg->keep_safety_copies, 3);
	assert_string_equal(cfg->issuer_parent, "ỦY BAN NHÂN DÂN THỊ XÃ NGÃ NĂM");
	assert_string_equal(cfg->issuer, "PHÒNG NỘI VỤ");
	assert_string_equal(cfg->place, "Ngã Năm");
	assert_string_equal(cfg->symbol, "BC-PNV");
	assert_string_equal(cfg->sign_authority, "");
	assert_string_equal(cfg->sign_title, "TRƯỞNG PHÒNG");
	assert_string_equal(cfg->signer, "");
	assert_string_equal(cfg->archive, "VT, PNV");
	assert_int_equal(cfg->score.quarter_met, 10);
	assert_int_equal(cfg->score.quarter_short, -5);
	assert_int_equal(cfg->score.introduced, 1);
	assert_int_equal(cfg->score.accepted, 2);
	assert_int_equal(cfg->score.propagated, 2);
	assert_int_equal(cfg->score.commended, 5);
	assert_int_equal(cfg->n_blocks, 0);
	assert_int_equal(cfg->n_roles, 0);
}

static void test_defaults(void **state)
{
	struct config *cfg = load_ok(DATA "minimal.ini");
	const struct unit *u;

	(void)state;
	assert_defaults(cfg);
	assert_int_equal(cfg->n_units, 1);
	u = &cfg->units[0];
	assert_string_equal(u->code, "a");
	assert_string_equal(u->name, "Đơn vị A");
	assert_int_equal(u->kind, KIND_DEPARTMENT);
	assert_string_equal(u->block, "");
	assert_int_equal(u->quota, 0);
	assert_int_equal(u->active_from, DATE_NONE);
	assert_int_equal(u->active_to, DATE_NONE);
	assert_string_equal(u->successor, "");
	config_free(cfg);
}

static void test_empty_file(void **state)
{
	struct config *cfg = load_ok(DATA "empty.ini");

	(void)state;
	assert_defaults(cfg);
	assert_int_equal(cfg->n_units, 0);
	assert_null(config_unit(cfg, "a"));
	config_free(cfg);
}

static void test_every_key(void **state)
{
	struct config *cfg = load_ok(DATA "full.ini");
	const struct unit *a, *b;

	(void)state;
	assert_string_equal(cfg->language, "en");
	assert_string_equal(cfg->database, "../db");
	assert_int_equal(cfg->map_size, (size_t)128 << 20);
	assert_int_equal(cfg->periods.n, 1);
	assert_int_equal(cfg->periods.v[0].from, 2022);
	assert_int_equal(cfg->periods.v[0].to, 2026);
	assert_int_equal(cfg->periods.v[0].score.propagated, 1000);
	assert_true(cfg->count_returned);
	assert_int_equal(cfg->keep_safety_copies, 7);
	assert_string_equal(cfg->issuer_parent, "ỦY BAN NHÂN DÂN HUYỆN X");
	/* What a report's document parts are made of, all read through one lookup. */
	struct config_heading h = config_heading(cfg, 2024);
	assert_string_equal(h.issuer_parent, "ỦY BAN NHÂN DÂN HUYỆN X");
	assert_string_equal(h.symbol, "BC-UBND");
	assert_string_equal(h.sign_authority, "KT. CHỦ TỊCH");
	assert_string_equal(h.sign_title, "PHÓ CHỦ TỊCH");
	assert_string_equal(h.signer, "Trần Văn Bình");
	assert_string_equal(h.recipients, "Sở Nội vụ (b/c)| Ban Thi đua - Khen thưởng tỉnh |");
	assert_string_equal(h.archive, "VT, NV");
	assert_int_equal(cfg->score.quarter_met, 7);
	assert_int_equal(cfg->score.quarter_short, -3);
	assert_int_equal(cfg->score.introduced, 0);
	assert_int_equal(cfg->score.accepted, 4);
	assert_int_equal(cfg->score.propagated, 1000);
	assert_int_equal(cfg->score.commended, -1000);
	assert_int_equal(cfg->n_blocks, 1);
	assert_string_equal(cfg->blocks[0].name, "Khối một");
	assert_int_equal(cfg->n_units, 2);
	a = &cfg->units[0];
	b = &cfg->units[1];
	assert_string_equal(a->code, "a");
	assert_int_equal(a->kind, KIND_WARD);
	assert_string_equal(a->block, "k1");
	assert_int_equal(a->quota, 99);
	assert_int_equal(a->active_from, D_2021_01_01);
	assert_int_equal(a->active_to, D_2025_06_30);
	assert_string_equal(a->successor, "b");
	assert_string_equal(b->code, "b");
	assert_string_equal(b->name, "Đơn vị B");
	assert_int_equal(b->kind, KIND_ARMED);
	assert_int_equal(b->active_from, D_2025_07_01);
	config_free(cfg);
}

/* Periods in year order whatever the file's; each with its own heading,
 * points and quotas where it gives them, the others' elsewhere. */
static void test_periods(void **state)
{
	struct config *cfg = load_ok(DATA "periods.ini");
	const struct period *old, *now;
	struct config_heading h;

	(void)state;
	assert_int_equal(cfg->periods.n, 2);
	old = &cfg->periods.v[0];
	now = &cfg->periods.v[1];
	assert_string_equal(old->code, "p2018");
	assert_string_equal(old->name, "Kế hoạch 2018–2020");
	assert_int_equal(old->from, 2018);
	assert_int_equal(old->to, 2020);
	assert_string_equal(now->code, "p2026");
	assert_int_equal(now->from, 2026);
	assert_int_equal(now->to, 2030);
	/* [score] gives 7 and 4 against the defaults 10, -5, 1, 2, 2, 5 */
	assert_int_equal(cfg->score.quarter_met, 7);
	assert_int_equal(old->score.quarter_met, 7);
	assert_int_equal(old->score.accepted, 4);
	assert_int_equal(old->score.commended, 5);
	assert_int_equal(now->score.quarter_met, 12);
	assert_int_equal(now->score.quarter_short, -5);
	assert_int_equal(now->score.introduced, 1);
	assert_int_equal(now->score.accepted, 4);
	assert_int_equal(now->score.propagated, 2);
	assert_int_equal(now->score.commended, 0);
	assert_ptr_equal(config_score(cfg, 2027), &now->score);
	assert_ptr_equal(config_score(cfg, 2019), &old->score);
	assert_ptr_equal(config_score(cfg, 2023), &cfg->score);
	/* quota.CODE, in the order the units give them */
	assert_int_equal(now->n_quotas, 2);
	assert_string_equal(now->quotas[0].unit, "a");
	assert_int_equal(now->quotas[0].quota, 3);
	assert_string_equal(now->quotas[1].unit, "b");
	assert_int_equal(now->quotas[1].quota, 2);
	assert_int_equal(old->n_quotas, 1);
	assert_int_equal(old->quotas[0].quota, 1);
	assert_int_equal(config_unit(cfg, "a")->quota, 2);
	assert_int_equal(config_unit(cfg, "b")->quota, 0);
	/* the heading: the period's keys, [report]'s (or the default) for the rest */
	h = config_heading(cfg, 2027);
	assert_string_equal(h.issuer_parent, "ỦY BAN NHÂN DÂN PHƯỜNG NGÃ NĂM");
	assert_string_equal(h.issuer, "VĂN PHÒNG HĐND VÀ UBND");
	assert_string_equal(h.place, "Ngã Năm");
	h = config_heading(cfg, 2019);
	assert_string_equal(h.issuer_parent, "ỦY BAN NHÂN DÂN THỊ XÃ NGÃ NĂM");
	assert_string_equal(h.issuer, "PHÒNG NỘI VỤ");
	h = config_heading(cfg, 2023);
	assert_string_equal(h.issuer, "PHÒNG NỘI VỤ");
	config_free(cfg);
}

/* A quoted value keeps ';' and '#'; unquoted, they start a comment. */
static void test_quotes_and_comments(void **state)
{
	struct config *cfg = load_ok(DATA "full.ini");

	(void)state;
	assert_string_equal(cfg->issuer, "PHÒNG NỘI VỤ; VĂN PHÒNG # 2");
	assert_string_equal(cfg->place, "Ngã Năm");
	assert_int_equal(config_unit(cfg, "b")->quota, 0);
	config_free(cfg);
}

/* ---- roles and lookups --------------------------------------------------- */

static void test_roles(void **state)
{
	struct config *cfg = load_ok(DATA "full.ini");
	const struct role_entry *r;

	(void)state;
	assert_int_equal(cfg->n_roles, 4);
	r = config_role(cfg, "chief");
	assert_non_null(r);
	assert_int_equal(r->role, ROLE_OFFICE);
	assert_int_equal(r->n_units, 0);
	r = config_role(cfg, "guest.user");
	assert_non_null(r);
	assert_int_equal(r->role, ROLE_VIEWER);
	r = config_role(cfg, "nguyen-van_a");
	assert_non_null(r);
	assert_int_equal(r->role, ROLE_STAFF);
	assert_int_equal(r->n_units, 2);
	assert_string_equal(r->units[0], "a");
	assert_string_equal(r->units[1], "b");
	r = config_role(cfg, "_svc");
	assert_non_null(r);
	assert_int_equal(r->role, ROLE_STAFF);
	assert_int_equal(r->n_units, 1);
	assert_string_equal(r->units[0], "b");
	assert_null(config_role(cfg, "root"));
	assert_null(config_role(cfg, "Chief"));
	assert_null(config_role(cfg, ""));
	config_free(cfg);
}

static void test_lookups(void **state)
{
	struct config *cfg = load_ok(SHIPPED);
	const struct unit *u;
	const struct block *b;

	(void)state;
	u = config_unit(cfg, "congan");
	assert_non_null(u);
	assert_string_equal(u->name, "Công an thị xã");
	assert_int_equal(u->quota, 1);
	u = config_unit(cfg, "truyenthanh");
	assert_ptr_equal(u, &cfg->units[cfg->n_units - 1]);
	assert_null(config_unit(cfg, "phuong4"));
	assert_null(config_unit(cfg, "Phuong1"));
	assert_null(config_unit(cfg, "khoi_xa_phuong")); /* a block, not a unit */
	b = config_block(cfg, "khoi_noi_chinh");
	assert_non_null(b);
	assert_string_equal(b->name, "Khối nội chính");
	assert_null(config_block(cfg, "phuong1"));
	assert_null(config_block(cfg, ""));
	config_free(cfg);
}

static void test_role_labels(void **state)
{
	(void)state;
	/* no catalogue is bound in the tests: the English source texts */
	assert_string_equal(config_role_label(ROLE_OFFICE), "Home Affairs Office");
	assert_string_equal(config_role_label(ROLE_STAFF), "Unit staff");
	assert_string_equal(config_role_label(ROLE_VIEWER), "Read only");
	assert_string_equal(config_role_label(ROLE_NONE), "No access");
}

/* ---- database path ------------------------------------------------------- */

static void test_database_relative(void **state)
{
	struct config *cfg = load_ok(DATA "relative.ini");
	char *p = config_database_path(cfg);

	(void)state;
	assert_string_equal(cfg->database, "../var db");
	assert_string_equal(p, "tests/data/config/../var db");
	free(p);
	config_free(cfg);
}

static void test_database_absolute(void **state)
{
	struct config *cfg = load_ok(SHIPPED);
	char *p = config_database_path(cfg);

	(void)state;
	assert_string_equal(p, "/var/lib/dienhinh");
	free(p);
	config_free(cfg);
}

static void test_database_beside_file(void **state)
{
	struct config cfg = { .path = "dienhinh.ini", .database = "db" };
	struct config root = { .path = "/dienhinh.ini", .database = "db" };
	char *p = config_database_path(&cfg), *q = config_database_path(&root);

	(void)state;
	assert_string_equal(p, "./db");
	assert_string_equal(q, "/db");
	free(p);
	free(q);
}

/* ---- what editors do to files -------------------------------------------- */

static void test_bom_and_crlf(void **state)
{
	struct config *bom = load_ok(DATA "bom.ini"), *crlf = load_ok(DATA "crlf.ini");

	(void)state;
	assert_int_equal(bom->n_units, 1);
	assert_string_equal(bom->units[0].name, "Đơn vị A");
	assert_int_equal(crlf->n_units, 1);
	assert_string_equal(crlf->units[0].name, "Đơn vị A");
	assert_int_equal(crlf->units[0].kind, KIND_DEPARTMENT);
	assert_int_equal(crlf->units[0].quota, 2);
	config_free(bom);
	config_free(crlf);
}

static void test_names_become_nfc(void **state)
{
	struct config *cfg = load_ok(DATA "nfd.ini");

	(void)state;
	/* the file spells it with combining marks (NFD) */
	assert_string_equal(cfg->units[0].name,
			    "Ph\xc6\xb0\xe1\xbb\x9dng M\xe1\xbb\xb9 Qu\xe1\xbb\x9bi");
	config_free(cfg);
}

static void test_line_of_1022_bytes(void **state)
{
	struct config *cfg = load_ok(DATA "line_1022.ini");

	(void)state;
	assert_int_equal(cfg->units[0].quota, 2);
	config_free(cfg);
}

/* ---- files that cannot be read -------------------------------------------- */

static void test_missing_file(void **state)
{
	struct config *cfg = (struct config *)1;
	struct err e = { 0 };
	char want[256];

	(void)state;
	assert_int_equal(config_load(DATA "no-such-file.ini", &cfg, &e), -1);
	assert_null(cfg);
	assert_int_equal(e.code, ERR_NOTFOUND);
	snprintf(want, sizeof want, "%s: %s", DATA "no-such-file.ini", strerror(ENOENT));
	assert_non_null(strstr(e.msg, want));
}

static void test_directory(void **state)
{
	struct config *cfg = NULL;
	struct err e = { 0 };

	(void)state;
	assert_int_equal(config_load(DATA, &cfg, &e), -1);
	assert_null(cfg);
	assert_int_equal(e.code, ERR_IO);
	assert_non_null(strstr(e.msg, DATA));
	assert_non_null(strstr(e.msg, strerror(EISDIR)));
}

/* The example of the file format, word for word. */
static void test_message_form(void **state)
{
	struct config *cfg = NULL;
	struct err e = { 0 };

	(void)state;
	assert_int_equal(config_load(DATA "bad_number.ini", &cfg, &e), -1);
	assert_null(cfg);
	assert_int_equal(e.code, ERR_CONFIG);
	assert_string_equal(e.field, "quota");
	assert_string_equal(e.msg, DATA "bad_number.ini:5: [unit.phuong1] quota: "
			    "\"abc\" is not a whole number from 0 to 99");
}

/* ---- when iniparser reads otherwise than the scan ------------------------ */

/*
 * The scan is meant to refuse every line iniparser would read otherwise, so
 * no file makes the two disagree.  To check what config_load does if they
 * ever do, this definition stands in for the library's iniparser_load in
 * this program: it runs the real one, then lets a test change what it
 * returns.
 */
static void (*tamper)(dictionary *d);

dictionary *iniparser_load(const char *ininame)
{
	dictionary *(*real)(const char *);
	dictionary *d;

	*(void **)&real = dlsym(RTLD_NEXT, "iniparser_load");
	assert_non_null(real);
	d = real(ininame);
	if (d && tamper)
		tamper(d);
	return d;
}

#define TWO_UNITS "[unit.a]\n"               /* line 1 */ \
		  "name = \"Đơn vị A\"\n"       /* 2 */ \
		  "kind = ward\n"                 /* 3 */ \
		  "\n" \
		  "[unit.b]\n"                     /* 5 */ \
		  "name = Đơn vị B ; a comment\n" /* 6 */ \
		  "kind = armed\n"                /* 7 */ \
		  "quota = 1\n"                   /* 8 */

/* Write TWO_UNITS to a new file, load it through `t` and return the result. */
static int load_tampered(void (*t)(dictionary *), char path[64], struct config **cfg,
			 struct err *e)
{
	int fd, rc;

	snprintf(path, 64, "/tmp/test_config.XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, TWO_UNITS, strlen(TWO_UNITS)), (ssize_t)strlen(TWO_UNITS));
	assert_int_equal(close(fd), 0);
	tamper = t;
	rc = config_load(path, cfg, e);
	tamper = NULL;
	unlink(path);
	return rc;
}

static void assert_two_units(const struct config *cfg)
{
	assert_int_equal(cfg->n_units, 2);
	assert_string_equal(cfg->units[0].code, "a");
	assert_string_equal(cfg->units[0].name, "Đơn vị A");
	assert_int_equal(cfg->units[0].kind, KIND_WARD);
	assert_int_equal(cfg->units[0].quota, 0);
	assert_string_equal(cfg->units[1].code, "b");
	assert_string_equal(cfg->units[1].name, "Đơn vị B");
	assert_int_equal(cfg->units[1].kind, KIND_ARMED);
	assert_int_equal(cfg->units[1].quota, 1);
}

/* Give entry `from` the name `to`. */
static void rename_entry(dictionary *d, const char *from, const char *to)
{
	for (ssize_t i = 0; i < d->size; i++)
		if (d->key[i] && !strcmp(d->key[i], from)) {
			free(d->key[i]);
			d->key[i] = strdup(to);
			assert_non_null(d->key[i]);
			d->hash[i] = dictionary_hash(to);
			return;
		}
	fail_msg("no entry %s", from);
}

static void reverse_entries(dictionary *d)
{
	for (int i = 0; i < d->n; i++)
		assert_non_null(d->key[i]);
	for (int i = 0, j = d->n - 1; i < j; i++, j--) {
		char *k = d->key[i], *v = d->val[i];
		unsigned h = d->hash[i];

		d->key[i] = d->key[j];
		d->val[i] = d->val[j];
		d->hash[i] = d->hash[j];
		d->key[j] = k;
		d->val[j] = v;
		d->hash[j] = h;
	}
}

static void new_name(dictionary *d)
{
	assert_int_equal(dictionary_set(d, "unit.b:name", "Tên khác"), 0);
}

static void rename_key(dictionary *d)
{
	rename_entry(d, "unit.b:quota", "unit.b:quote");
}

static void rename_section(dictionary *d)
{
	rename_entry(d, "unit.b", "unit.x");
}

static void add_key(dictionary *d)
{
	assert_int_equal(dictionary_set(d, "unit.a:quota", "5"), 0);
}

static void add_section(dictionary *d)
{
	assert_int_equal(dictionary_set(d, "unit.c", NULL), 0);
}

static void drop_key(dictionary *d)
{
	dictionary_unset(d, "unit.b:kind");
}

/* Untouched, and in any order, the values are iniparser's. */
static void test_values_from_iniparser(void **state)
{
	struct config *cfg = NULL;
	struct err e = { 0 };
	char path[64];

	(void)state;
	assert_int_equal(load_tampered(NULL, path, &cfg, &e), 0);
	assert_two_units(cfg);
	config_free(cfg);
	assert_int_equal(load_tampered(reverse_entries, path, &cfg, &e), 0);
	assert_two_units(cfg);
	config_free(cfg);
	assert_int_equal(load_tampered(new_name, path, &cfg, &e), 0);
	assert_string_equal(cfg->units[1].name, "Tên khác");
	assert_string_equal(cfg->units[0].name, "Đơn vị A");
	config_free(cfg);
}

/* Each way iniparser could differ from the scan, and the message it gives. */
static void test_disagreement_refused(void **state)
{
	static const struct {
		void (*t)(dictionary *);
		const char *after_path;
	} cases[] = {
		{ rename_key, ":8: [unit.b] quota: this line could not be read" },
		{ rename_section, ":5: [unit.b]: this section could not be read" },
		{ add_key, ":1: [unit.a]: this section could not be read" },
		{ drop_key, ":5: [unit.b]: this section could not be read" },
		{ add_section, ": the file could not be read as a configuration" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct config *cfg = (struct config *)1;
		struct err e = { 0 };
		char path[64], want[256];

		assert_int_equal(load_tampered(cases[i].t, path, &cfg, &e), -1);
		assert_null(cfg);
		assert_int_equal(e.code, ERR_CONFIG);
		snprintf(want, sizeof want, "%s%s", path, cases[i].after_path);
		assert_string_equal(e.msg, want);
	}
}

/* ---- refusals ------------------------------------------------------------- */

/*
 * One broken file each: the line at fault, where on it ("[section] key",
 * "[section]" or nothing for a line that is not even a key), the key the
 * error names as its field, and words of the reason.
 */
struct refusal {
	const char *name, *file;
	int line;
	const char *where, *field, *words;
};

static const struct refusal refusals[] = {
	{ "unknown_section", "unknown_section.ini", 4, "[units.a]", "", "unknown section" },
	{ "unknown_key", "unknown_key.ini", 4, "[unit.a] qouta", "qouta", "unknown key" },
	{ "unknown_key_dienhinh", "unknown_key_dienhinh.ini", 3, "[dienhinh] databse",
	  "databse", "unknown key" },
	{ "number_range", "quota_range.ini", 4, "[unit.a] quota", "quota",
	  "\"100\" is not a whole number from 0 to 99" },
	{ "number_fraction", "quota_fraction.ini", 4, "[unit.a] quota", "quota",
	  "\"2.5\" is not a whole number" },
	{ "map_size_zero", "map_size_zero.ini", 2, "[dienhinh] map_size_mb", "map_size_mb",
	  "from 1 to 1048576" },
	{ "score_range", "score_range.ini", 3, "[score] commended", "commended",
	  "from -1000 to 1000" },
	{ "plan_range", "plan_range.ini", 2, "[dienhinh] plan_to", "plan_to",
	  "from 2000 to 2100" },
	{ "bad_bool", "bad_bool.ini", 2, "[dienhinh] count_returned", "count_returned",
	  "\"maybe\" is not yes or no" },
	{ "safety_range", "safety_range.ini", 2, "[dienhinh] keep_safety_copies",
	  "keep_safety_copies", "\"0\" is not a whole number from 1 to 100" },
	{ "bad_date", "bad_date.ini", 4, "[unit.a] active_to", "active_to", "\"2025-02-29\"" },
	{ "bad_date_format", "bad_date_format.ini", 4, "[unit.a] active_from", "active_from",
	  "YYYY-MM-DD" },
	{ "dates_order", "dates_order.ini", 5, "[unit.a] active_to", "active_to",
	  "2025-06-30 is before active_from (2025-07-01)" },
	{ "plan_order", "plan_order.ini", 3, "[dienhinh] plan_to", "plan_to",
	  "2021 is before plan_from (2025)" },
	{ "plan_order_default", "plan_order_default.ini", 2, "[dienhinh] plan_from", "plan_from",
	  "2030 is after plan_to (2025)" },
	{ "duplicate_unit", "dup_unit.ini", 9, "[unit.a]", "", "already at line 1" },
	{ "duplicate_block", "dup_block.ini", 3, "[block.k]", "", "already at line 1" },
	{ "duplicate_key", "dup_key.ini", 5, "[unit.a] name", "name", "already set at line 2" },
	{ "missing_name", "missing_name.ini", 1, "[unit.a] name", "name", "missing" },
	{ "missing_kind", "missing_kind.ini", 2, "[unit.a] kind", "kind", "missing" },
	{ "block_without_name", "block_no_name.ini", 4, "[block.k] name", "name", "missing" },
	{ "unknown_block", "unknown_block.ini", 4, "[unit.a] block", "block",
	  "unknown block \"khoi_khac\"" },
	{ "unknown_successor", "unknown_successor.ini", 4, "[unit.a] successor", "successor",
	  "unknown unit \"zz\"" },
	{ "self_successor", "self_successor.ini", 4, "[unit.a] successor", "successor",
	  "its own successor" },
	{ "successor_cycle", "successor_cycle.ini", 8, "[unit.a] successor", "successor",
	  "leads back" },
	{ "role_unknown_unit", "role_unknown_unit.ini", 3, "[roles] clerk", "clerk",
	  "unknown unit \"zz\"" },
	{ "role_bad_account", "role_bad_account.ini", 5, "[roles] 1clerk", "1clerk",
	  "not an account name" },
	{ "role_empty", "role_empty.ini", 5, "[roles] clerk", "clerk", "no role given" },
	{ "role_unit_twice", "role_dup_unit.ini", 5, "[roles] clerk", "clerk",
	  "\"a\" is listed twice" },
	{ "role_empty_code", "role_gap.ini", 5, "[roles] clerk", "clerk", "missing between" },
	{ "role_bad_word", "role_bad_word.ini", 5, "[roles] clerk", "clerk", "\"Office\"" },
	{ "bad_kind", "bad_kind.ini", 3, "[unit.a] kind", "kind",
	  "\"phường\" is not a kind of unit" },
	{ "bad_code_section", "bad_code_section.ini", 1, "[unit.phuong-1]", "",
	  "\"phuong-1\" is not a valid code" },
	{ "code_too_long", "bad_code_long.ini", 1,
	  "[block.kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk]", "", "is not a valid code" },
	{ "bad_code_value", "bad_code_value.ini", 4, "[unit.a] block", "block",
	  "\"Khoi\" is not a valid code" },
	{ "reserved_unit_code", "reserved_unit.ini", 1, "[unit.office]", "", "name of a role" },
	{ "bad_language", "bad_language.ini", 2, "[dienhinh] language", "language", "\"fr\"" },
	{ "key_before_section", "key_before_section.ini", 2, NULL, "", "before the first" },
	{ "syntax_error", "syntax.ini", 4, NULL, "", "neither a [section]" },
	{ "upper_case_name", "upper_case.ini", 4, NULL, "", "lower case" },
	{ "empty_section_name", "empty_section_name.ini", 1, NULL, "", "empty" },
	{ "trailing_backslash", "backslash.ini", 4, NULL, "", "backslash" },
	{ "control_character", "control_char.ini", 2, "[unit.a] name", "name",
	  "control character" },
	{ "bad_utf8", "bad_utf8.ini", 3, "[unit.a] name", "name", "UTF-8" },
	{ "bidi_control", "bidi.ini", 3, "[unit.a] name", "name", "text-direction" },
	{ "unclosed_quote", "unclosed_quote.ini", 3, "[unit.a] name", "name", "quotation mark" },
	{ "empty_value", "empty_value.ini", 2, "[unit.a] name", "name", "empty" },
	{ "name_too_long", "long_name.ini", 3, "[unit.a] name", "name", "200 characters" },
	{ "line_of_2000_bytes", "long_line.ini", 4, NULL, "", "longer than 1022 bytes" },
	{ "line_of_1023_bytes", "line_1023.ini", 4, NULL, "", "longer than 1022 bytes" },
	{ "nul_byte", "nul_byte.ini", 4, NULL, "", "NUL" },
	{ "period_overlap", "period_overlap.ini", 8, "[period.p2025] from", "from",
	  "the years 2025-2030 overlap those of [period.p2021] (2021-2025)" },
	{ "period_unknown", "period_unknown.ini", 10, "[unit.a] quota.p2026", "quota.p2026",
	  "unknown plan period \"p2026\": there is no [period.p2026]" },
	{ "period_unknown_plan", "period_unknown_plan.ini", 8, "[unit.a] quota.p2026",
	  "quota.p2026", "the file declares no [period.CODE] section" },
	{ "period_plan_beside", "period_plan_beside.ini", 3, "[dienhinh] plan_to", "plan_to",
	  "cannot stand beside [period.CODE] sections" },
	{ "period_no_to", "period_no_to.ini", 1, "[period.p2021] to", "to", "missing" },
	{ "period_order", "period_order.ini", 4, "[period.p2021] to", "to",
	  "2021 is before from (2025)" },
	{ "period_bad_code", "period_bad_code.ini", 1, "[period.p-2021]", "",
	  "\"p-2021\" is not a valid code" },
	{ "period_unknown_key", "period_unknown_key.ini", 5, "[period.p2021] quota", "quota",
	  "unknown key" },
	{ "period_quota_range", "period_quota_range.ini", 9, "[unit.a] quota.p2021", "quota.p2021",
	  "\"100\" is not a whole number from 0 to 99" },
};

static void test_refusal(void **state)
{
	const struct refusal *r = *state;
	struct config *cfg = (struct config *)1;
	struct err e = { 0 };
	char path[128], prefix[256];

	snprintf(path, sizeof path, DATA "%s", r->file);
	if (r->where)
		snprintf(prefix, sizeof prefix, "%s:%d: %s: ", path, r->line, r->where);
	else
		snprintf(prefix, sizeof prefix, "%s:%d: ", path, r->line);
	assert_int_equal(config_load(path, &cfg, &e), -1);
	assert_null(cfg);
	assert_int_equal(e.code, ERR_CONFIG);
	if (strncmp(e.msg, prefix, strlen(prefix)))
		fail_msg("expected \"%s...\", got \"%s\"", prefix, e.msg);
	if (!strstr(e.msg + strlen(prefix), r->words))
		fail_msg("expected \"%s\" in \"%s\"", r->words, e.msg);
	assert_string_equal(e.field, r->field);
}

#if OOM_SWEEPS
/* The shipped file loaded while memory runs out (oom.h). */
struct load_run {
	struct config *cfg, *want;
	struct err e;
};

static int load_run(void *p)
{
	struct load_run *r = p;

	r->cfg = NULL;
	return config_load(SHIPPED, &r->cfg, &r->e);
}

static void load_failed(void *p)
{
	struct load_run *r = p;

	assert_int_equal(r->e.code, ERR_NOMEM);
	assert_null(r->cfg);
}

static void load_done(void *p)
{
	const struct config *c = ((struct load_run *)p)->cfg, *w = ((struct load_run *)p)->want;

	assert_string_equal(c->database, w->database);
	assert_string_equal(c->issuer, w->issuer);
	assert_int_equal(c->periods.n, w->periods.n);
	assert_string_equal(c->periods.v[0].name, w->periods.v[0].name);
	assert_int_equal(c->score.commended, w->score.commended);
	assert_int_equal(c->n_blocks, w->n_blocks);
	assert_int_equal(c->n_roles, w->n_roles);
	assert_int_equal(c->n_units, w->n_units);
	for (size_t i = 0; i < c->n_units; i++) {
		assert_string_equal(c->units[i].code, w->units[i].code);
		assert_string_equal(c->units[i].name, w->units[i].name);
		assert_string_equal(c->units[i].successor, w->units[i].successor);
		assert_int_equal(c->units[i].quota, w->units[i].quota);
	}
	config_free(((struct load_run *)p)->cfg);
}

/*
 * iniparser 4.1 does not survive an allocation of its own that fails
 * (dictionary_set goes on with a NULL copy of a key), so its own requests
 * are let through; those of the C library it calls (fopen) are not.
 */
static void test_out_of_memory(void **state)
{
	struct load_run r = { .want = load_ok(SHIPPED) };

	(void)state;
	oom.exempt = "libiniparser";
	assert_true(oom_sweep(load_run, load_failed, load_done, &r) > 100);
	oom.exempt = NULL;
	config_free(r.want);
}
#endif

int main(void)
{
	const struct CMUnitTest fixed[] = {
		cmocka_unit_test(test_shipped_units),
		cmocka_unit_test(test_shipped_blocks),
		cmocka_unit_test(test_shipped_settings),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_empty_file),
		cmocka_unit_test(test_every_key),
		cmocka_unit_test(test_periods),
		cmocka_unit_test(test_quotes_and_comments),
		cmocka_unit_test(test_roles),
		cmocka_unit_test(test_lookups),
		cmocka_unit_test(test_role_labels),
		cmocka_unit_test(test_database_relative),
		cmocka_unit_test(test_database_absolute),
		cmocka_unit_test(test_database_beside_file),
		cmocka_unit_test(test_bom_and_crlf),
		cmocka_unit_test(test_names_become_nfc),
		cmocka_unit_test(test_line_of_1022_bytes),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_directory),
		cmocka_unit_test(test_message_form),
		cmocka_unit_test(test_values_from_iniparser),
		cmocka_unit_test(test_disagreement_refused),
#if OOM_SWEEPS
		cmocka_unit_test(test_out_of_memory),
#endif
	};
	enum { N_FIXED = sizeof fixed / sizeof fixed[0],
	       N_REFUSALS = sizeof refusals / sizeof refusals[0] };
	struct CMUnitTest tests[N_FIXED + N_REFUSALS];
	char names[N_REFUSALS][64];

	memcpy(tests, fixed, sizeof fixed);
	for (size_t i = 0; i < N_REFUSALS; i++) {
		snprintf(names[i], sizeof names[i], "refuses_%s", refusals[i].name);
		tests[N_FIXED + i] = (struct CMUnitTest){
			.name = names[i], .test_func = test_refusal,
			.initial_state = (void *)&refusals[i],
		};
	}
	return _cmocka_run_group_tests("config", tests, N_FIXED + N_REFUSALS, NULL, NULL);
}
