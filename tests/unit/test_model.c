/* test_model.c - enums, ownership, cleaning, validation, quotas. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model.h"

/*
 * The tests run without a message catalogue, so messages and labels are
 * the English source text.
 */

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

/* ---- enum codes (the CLI contract) ------------------------------------ */

static void test_type_codes(void **state)
{
	static const char *const want[TYPE_COUNT_] = {
		[TYPE_COLLECTIVE] = "collective", [TYPE_INDIVIDUAL] = "individual",
	};
	enum ex_type t = TYPE_COLLECTIVE;

	(void)state;
	for (int v = 1; v < TYPE_COUNT_; v++) {
		assert_string_equal(model_type_code((enum ex_type)v), want[v]);
		assert_int_equal(model_type_parse(want[v], &t), 0);
		assert_int_equal(t, v);
	}
	t = TYPE_INDIVIDUAL;
	assert_int_equal(model_type_parse("Individual", &t), -1);
	assert_int_equal(model_type_parse("", &t), -1);
	assert_int_equal(model_type_parse("ca_nhan", &t), -1);
	assert_int_equal(model_type_parse("individual ", &t), -1);
	assert_int_equal(model_type_parse(NULL, &t), -1);
	assert_int_equal(t, TYPE_INDIVIDUAL);
	assert_string_equal(model_type_code((enum ex_type)0), "");
	assert_string_equal(model_type_code(TYPE_COUNT_), "");
}

static void test_category_codes(void **state)
{
	static const struct { const char *code; enum ex_type type; } want[CAT_COUNT_] = {
		[CAT_BUSINESS] = { "business", TYPE_COLLECTIVE },
		[CAT_EDUCATION] = { "education", TYPE_COLLECTIVE },
		[CAT_HEALTH] = { "health", TYPE_COLLECTIVE },
		[CAT_DEFENCE] = { "defence", TYPE_COLLECTIVE },
		[CAT_ASSOCIATION] = { "association", TYPE_COLLECTIVE },
		[CAT_MODEL_UNIT] = { "model_unit", TYPE_COLLECTIVE },
		[CAT_RESIDENTIAL] = { "residential", TYPE_COLLECTIVE },
		[CAT_MOVEMENT] = { "movement", TYPE_COLLECTIVE },
		[CAT_OFFICIAL] = { "official", TYPE_INDIVIDUAL },
		[CAT_GOOD_DEEDS] = { "good_deeds", TYPE_INDIVIDUAL },
		[CAT_COMMUNITY] = { "community", TYPE_INDIVIDUAL },
	};
	enum ex_category c = CAT_BUSINESS;

	(void)state;
	for (int v = 1; v < CAT_COUNT_; v++) {
		assert_string_equal(model_category_code((enum ex_category)v), want[v].code);
		assert_int_equal(model_category_parse(want[v].code, &c), 0);
		assert_int_equal(c, v);
		assert_int_equal(model_category_type((enum ex_category)v), want[v].type);
	}
	c = CAT_HEALTH;
	assert_int_equal(model_category_parse("good-deeds", &c), -1);
	assert_int_equal(model_category_parse("Business", &c), -1);
	assert_int_equal(model_category_parse("defense", &c), -1);
	assert_int_equal(model_category_parse("", &c), -1);
	assert_int_equal(model_category_parse(NULL, &c), -1);
	assert_int_equal(c, CAT_HEALTH);
	assert_string_equal(model_category_code((enum ex_category)0), "");
	assert_string_equal(model_category_code(CAT_COUNT_), "");
	assert_int_equal(model_category_type((enum ex_category)0), 0);
	assert_int_equal(model_category_type(CAT_COUNT_), 0);
}

static void test_gender_codes(void **state)
{
	enum ex_gender g = GENDER_MALE;

	(void)state;
	assert_string_equal(model_gender_code(GENDER_MALE), "male");
	assert_string_equal(model_gender_code(GENDER_FEMALE), "female");
	assert_string_equal(model_gender_code(GENDER_UNKNOWN), "");
	assert_string_equal(model_gender_label(GENDER_UNKNOWN), "—");
	assert_int_equal(model_gender_parse("female", &g), 0);
	assert_int_equal(g, GENDER_FEMALE);
	assert_int_equal(model_gender_parse("male", &g), 0);
	assert_int_equal(g, GENDER_MALE);
	/* The empty code is "not given", and it parses back. */
	assert_int_equal(model_gender_parse("", &g), 0);
	assert_int_equal(g, GENDER_UNKNOWN);
	g = GENDER_FEMALE;
	assert_int_equal(model_gender_parse("nam", &g), -1);
	assert_int_equal(model_gender_parse("Male", &g), -1);
	assert_int_equal(model_gender_parse("m", &g), -1);
	assert_int_equal(model_gender_parse("unknown", &g), -1);
	assert_int_equal(model_gender_parse(NULL, &g), -1);
	assert_int_equal(g, GENDER_FEMALE);
	assert_string_equal(model_gender_code(GENDER_COUNT_), "");
}

/*
 * A date is read as a person writes it; a day that does not exist is told
 * apart from text that is no date: the month's length (February 2024 had
 * 29 days, 2025 had 28) or the month that is not there.
 */
static void test_date_read(void **state)
{
	static const struct { const char *in, *msg; } bad[] = {
		{ "31/02/2025", "--date: \"31/02/2025\" is not a day that exists: February 2025 "
				"has 28 days." },
		{ "2024-02-30", "--date: \"2024-02-30\" is not a day that exists: February 2024 "
				"has 29 days." },
		{ "31.4.2025", "--date: \"31.4.2025\" is not a day that exists: April 2025 has 30 "
			       "days." },
		{ "2024-13-01", "--date: \"2024-13-01\" is not a day that exists: there is no "
				"month 13." },
		{ "15/07/24", "--date: \"15/07/24\" is not a date: write it DD/MM/YYYY or "
			      "YYYY-MM-DD." },
		{ "hôm qua", "--date: \"hôm qua\" is not a date: write it DD/MM/YYYY or "
			     "YYYY-MM-DD." },
	};
	struct err e = { 0 };
	date_t d = 7;

	(void)state;
	assert_int_equal(model_date_read("29/02/2024", "--date", &d, &e), 0);
	assert_int_equal(d, date_from_ymd(2024, 2, 29));
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(model_date_read(bad[i].in, "--date", &d, &e), -1);
		assert_int_equal(e.code, ERR_INVALID);
		assert_string_equal(e.field, "--date");
		assert_string_equal(e.msg, bad[i].msg);
	}
	assert_int_equal(d, date_from_ymd(2024, 2, 29)); /* left alone when refused */
	/* without a field, the message is the reason alone (an import names the cell) */
	assert_int_equal(model_date_read("30/02/2023", NULL, &d, &e), -1);
	assert_string_equal(e.msg, "\"30/02/2023\" is not a day that exists: February 2023 has "
			    "28 days.");
}

/* Quarter III/2025 ends on 30/09/2025 and closes 10 days later, on 10/10/2025. */
static void test_quarter_closes(void **state)
{
	char name[16];

	(void)state;
	assert_int_equal(model_quarter_closes(2025, 3, 10), date_from_ymd(2025, 10, 10));
	assert_int_equal(model_quarter_closes(2025, 4, 10), date_from_ymd(2026, 1, 10));
	assert_int_equal(model_quarter_closes(2024, 1, 0), date_from_ymd(2024, 4, 1));
	assert_false(model_quarter_closed(date_from_ymd(2025, 8, 15), date_from_ymd(2025, 10, 9),
					  10));
	assert_true(model_quarter_closed(date_from_ymd(2025, 8, 15), date_from_ymd(2025, 10, 10),
					 10));
	assert_true(model_quarter_closed(date_from_ymd(2025, 8, 15), date_from_ymd(2025, 11, 14),
					 10));
	assert_false(model_quarter_closed(date_from_ymd(2025, 10, 20),
					  date_from_ymd(2025, 11, 14), 10));
	/* on its last day a quarter is open, whatever late_days says */
	assert_false(model_quarter_closed(date_from_ymd(2024, 3, 1), date_from_ymd(2024, 3, 31),
					  0));
	assert_false(model_quarter_closed(DATE_NONE, date_from_ymd(2025, 11, 14), 10));
	model_quarter_name(2025, 3, name, sizeof name);
	assert_string_equal(name, "III/2025");
	model_quarter_name(2022, 1, name, sizeof name);
	assert_string_equal(name, "I/2022");
}

/* Withdrawn: never; late: as count_late says; every other status counts. */
static void test_exemplar_counts(void **state)
{
	(void)state;
	for (int s = 1; s < STATUS_COUNT_; s++) {
		bool w = s == STATUS_WITHDRAWN;
		assert_int_equal(model_exemplar_counts((enum ex_status)s, false, false), !w);
		assert_int_equal(model_exemplar_counts((enum ex_status)s, false, true), !w);
		assert_int_equal(model_exemplar_counts((enum ex_status)s, true, true), !w);
		assert_false(model_exemplar_counts((enum ex_status)s, true, false));
	}
}

static void test_status_codes(void **state)
{
	static const char *const want[STATUS_COUNT_] = {
		[STATUS_INTRODUCED] = "introduced", [STATUS_ACCEPTED] = "accepted",
		[STATUS_RETURNED] = "returned", [STATUS_PROPOSED] = "proposed",
		[STATUS_COMMENDED] = "commended", [STATUS_REVOKED] = "revoked",
		[STATUS_WITHDRAWN] = "withdrawn",
	};
	enum ex_status s = STATUS_ACCEPTED;

	(void)state;
	for (int v = 1; v < STATUS_COUNT_; v++) {
		assert_string_equal(model_status_code((enum ex_status)v), want[v]);
		assert_int_equal(model_status_parse(want[v], &s), 0);
		assert_int_equal(s, v);
	}
	s = STATUS_ACCEPTED;
	assert_int_equal(model_status_parse("approved", &s), -1);
	assert_int_equal(model_status_parse("INTRODUCED", &s), -1);
	assert_int_equal(model_status_parse("", &s), -1);
	assert_int_equal(s, STATUS_ACCEPTED);
	assert_string_equal(model_status_code((enum ex_status)0), "");
	assert_string_equal(model_status_code(STATUS_COUNT_), "");
}

static void test_kind_codes(void **state)
{
	static const char *const want[KIND_COUNT_] = {
		[KIND_WARD] = "ward", [KIND_COMMUNE] = "commune",
		[KIND_DEPARTMENT] = "department", [KIND_SERVICE] = "service",
		[KIND_FRONT] = "front", [KIND_MASS_ORG] = "mass_org", [KIND_ARMED] = "armed",
	};
	enum unit_kind k = KIND_WARD;

	(void)state;
	for (int v = 1; v < KIND_COUNT_; v++) {
		assert_string_equal(model_kind_code((enum unit_kind)v), want[v]);
		assert_int_equal(model_kind_parse(want[v], &k), 0);
		assert_int_equal(k, v);
	}
	k = KIND_FRONT;
	assert_int_equal(model_kind_parse("mass-org", &k), -1);
	assert_int_equal(model_kind_parse("army", &k), -1);
	assert_int_equal(model_kind_parse("", &k), -1);
	assert_int_equal(k, KIND_FRONT);
	assert_string_equal(model_kind_code(KIND_COUNT_), "");
}

static void test_channel_codes(void **state)
{
	static const char *const want[CHANNEL_COUNT_] = {
		[CHANNEL_RADIO] = "radio", [CHANNEL_PORTAL] = "portal", [CHANNEL_OTHER] = "other",
	};
	enum propagation_channel c = CHANNEL_RADIO;

	(void)state;
	for (int v = 1; v < CHANNEL_COUNT_; v++) {
		assert_string_equal(model_channel_code((enum propagation_channel)v), want[v]);
		assert_int_equal(model_channel_parse(want[v], &c), 0);
		assert_int_equal(c, v);
	}
	c = CHANNEL_PORTAL;
	assert_int_equal(model_channel_parse("web", &c), -1);
	assert_int_equal(model_channel_parse("Radio", &c), -1);
	assert_int_equal(model_channel_parse("", &c), -1);
	assert_int_equal(c, CHANNEL_PORTAL);
	assert_string_equal(model_channel_code((enum propagation_channel)0), "");
}

static void test_quota_codes(void **state)
{
	(void)state;
	assert_string_equal(model_quota_code(QUOTA_NONE), "none");
	assert_string_equal(model_quota_code(QUOTA_OPEN), "open");
	assert_string_equal(model_quota_code(QUOTA_SHORT), "short");
	assert_string_equal(model_quota_code(QUOTA_MET), "met");
	assert_string_equal(model_quota_code(QUOTA_OUTSIDE), "outside");
	assert_string_equal(model_quota_code((enum quota_state)(QUOTA_OUTSIDE + 1)), "");
	assert_string_equal(model_quota_code((enum quota_state)-1), "");
}

/* Labels: every value has one, none empty, no two alike within an enum. */
static void check_labels(const char *(*label)(int), int from, int to)
{
	for (int v = from; v < to; v++) {
		const char *l = label(v);

		assert_non_null(l);
		assert_true(strlen(l) > 0);
		for (int w = from; w < v; w++)
			assert_string_not_equal(l, label(w));
	}
}

static const char *type_label(int v)
{
	return model_type_label((enum ex_type)v);
}

static const char *cat_label(int v)
{
	return model_category_label((enum ex_category)v);
}

static const char *gender_label(int v)
{
	return model_gender_label((enum ex_gender)v);
}

static const char *status_label(int v)
{
	return model_status_label((enum ex_status)v);
}

static const char *kind_label(int v)
{
	return model_kind_label((enum unit_kind)v);
}

static const char *channel_label(int v)
{
	return model_channel_label((enum propagation_channel)v);
}

static const char *quota_label(int v)
{
	return model_quota_label((enum quota_state)v);
}

static void test_labels(void **state)
{
	(void)state;
	check_labels(type_label, 1, TYPE_COUNT_);
	check_labels(cat_label, 1, CAT_COUNT_);
	check_labels(gender_label, 0, GENDER_COUNT_);
	check_labels(status_label, 1, STATUS_COUNT_);
	check_labels(kind_label, 1, KIND_COUNT_);
	check_labels(channel_label, 1, CHANNEL_COUNT_);
	check_labels(quota_label, QUOTA_NONE, QUOTA_OUTSIDE + 1);
	/* A value outside the enum still gets something to show. */
	assert_true(strlen(model_type_label(TYPE_COUNT_)) > 0);
	assert_true(strlen(model_category_label((enum ex_category)0)) > 0);
	assert_true(strlen(model_status_label((enum ex_status)99)) > 0);
	assert_true(strlen(model_kind_label((enum unit_kind)-3)) > 0);
	assert_string_equal(model_type_label(TYPE_COUNT_), "(unknown)");
}

/* Stored values in words for people; what is not understood comes back as it is. */
static void test_value_text(void **state)
{
	char buf[DATE_TEXT_SIZE];
	const char *odd = "radio 2024-12-02 x";

	(void)state;
	assert_string_equal(model_value_text("type", "collective", buf), "Collective");
	assert_string_equal(model_value_text("category", "official", buf),
			    "Cadres, civil servants, public employees and workers");
	assert_string_equal(model_value_text("gender", "female", buf), "Female");
	assert_string_equal(model_value_text("status", "returned", buf), "Returned");
	assert_string_equal(model_value_text("date", "2024-12-20", buf), "20/12/2024");
	assert_string_equal(model_value_text("decision_date", "2025-01-02", buf), "02/01/2025");
	/* not a code of that field, not a date, or another field: unchanged */
	assert_string_equal(model_value_text("status", "bogus", buf), "bogus");
	assert_string_equal(model_value_text("date", "2024-02-30", buf), "2024-02-30");
	assert_string_equal(model_value_text("name", "returned", buf), "returned");
	assert_ptr_equal(model_value_text("propagation", odd, buf), odd);
	assert_string_equal(model_value_text("status", "", buf), "");
	assert_null(model_value_text("status", NULL, buf));
	assert_string_equal(model_value_text(NULL, "x", buf), "x");
}

static void test_field_labels(void **state)
{
	static const char *const codes[] = {
		"type", "category", "name", "gender", "birth_year", "position", "workplace",
		"movement", "achievements", "date", "unit", "status", "status_reason", "form",
		"decision", "decision_date", "signer", "channel", "ref",
	};

	(void)state;
	for (size_t i = 0; i < N_ELEMS(codes); i++) {
		const char *l = model_field_label(codes[i]);

		assert_true(strlen(l) > 0);
		/* A real label, not the code handed back. */
		assert_string_not_equal(l, codes[i]);
		for (size_t j = 0; j < i; j++)
			assert_string_not_equal(l, model_field_label(codes[j]));
	}
	assert_string_equal(model_field_label("name"), "Name");
	assert_string_equal(model_field_label("birth_year"), "Year of birth");
	assert_string_equal(model_field_label("no_such_field"), "no_such_field");
	assert_string_equal(model_field_label(NULL), "");
}

static void test_code_valid(void **state)
{
	(void)state;
	assert_true(model_code_valid("p1"));
	assert_true(model_code_valid("phuong_1"));
	assert_true(model_code_valid("a"));
	assert_true(model_code_valid("_"));
	assert_true(model_code_valid("abcdefghijklmnopqrstuvwxyz_01234")); /* 32 bytes */
	assert_false(model_code_valid("abcdefghijklmnopqrstuvwxyz_012345")); /* 33 */
	assert_false(model_code_valid(""));
	assert_false(model_code_valid(NULL));
	assert_false(model_code_valid("Phuong1"));
	assert_false(model_code_valid("p-1"));
	assert_false(model_code_valid("p 1"));
	assert_false(model_code_valid("phường"));
	assert_false(model_code_valid("p1\n"));
}

/* ---- units and quotas ------------------------------------------------- */

static struct unit unit_with(int quota, date_t from, date_t to)
{
	struct unit u;

	memset(&u, 0, sizeof u);
	strcpy(u.code, "phuong_1");
	u.kind = KIND_WARD;
	u.quota = quota;
	u.active_from = from;
	u.active_to = to;
	return u;
}

static void test_unit_active_on(void **state)
{
	struct unit u = unit_with(2, date_from_ymd(2021, 1, 1), date_from_ymd(2025, 6, 30));
	struct unit always = unit_with(2, DATE_NONE, DATE_NONE);

	(void)state;
	assert_false(model_unit_active_on(&u, date_from_ymd(2020, 12, 31)));
	assert_true(model_unit_active_on(&u, date_from_ymd(2021, 1, 1)));
	assert_true(model_unit_active_on(&u, date_from_ymd(2023, 7, 15)));
	assert_true(model_unit_active_on(&u, date_from_ymd(2025, 6, 30)));
	assert_false(model_unit_active_on(&u, date_from_ymd(2025, 7, 1)));
	assert_false(model_unit_active_on(&u, DATE_NONE));
	assert_true(model_unit_active_on(&always, date_from_ymd(1900, 1, 1)));
	assert_true(model_unit_active_on(&always, date_from_ymd(9999, 12, 31)));
}

static void test_unit_active_in_quarter(void **state)
{
	struct unit ended = unit_with(2, DATE_NONE, date_from_ymd(2025, 6, 30));
	struct unit started = unit_with(2, date_from_ymd(2025, 7, 1), DATE_NONE);
	struct unit mid = unit_with(2, date_from_ymd(2025, 8, 15), date_from_ymd(2025, 8, 15));
	struct unit one_day = unit_with(2, DATE_NONE, date_from_ymd(2025, 7, 1));

	(void)state;
	assert_true(model_unit_active_in_quarter(&ended, 2025, 2));
	assert_false(model_unit_active_in_quarter(&ended, 2025, 3));
	assert_false(model_unit_active_in_quarter(&ended, 2026, 1));
	assert_false(model_unit_active_in_quarter(&started, 2025, 2));
	assert_true(model_unit_active_in_quarter(&started, 2025, 3));
	assert_true(model_unit_active_in_quarter(&started, 2030, 1));
	assert_false(model_unit_active_in_quarter(&mid, 2025, 2));
	assert_true(model_unit_active_in_quarter(&mid, 2025, 3));
	assert_false(model_unit_active_in_quarter(&mid, 2025, 4));
	assert_true(model_unit_active_in_quarter(&one_day, 2025, 3));
	assert_false(model_unit_active_in_quarter(&one_day, 2025, 4));
	assert_false(model_unit_active_in_quarter(&started, 2025, 0));
	assert_false(model_unit_active_in_quarter(&started, 2025, 5));
}

static void test_quota_state(void **state)
{
	date_t may = date_from_ymd(2025, 5, 20);
	date_t q2_last = date_from_ymd(2025, 6, 30);
	date_t q3_first = date_from_ymd(2025, 7, 1);

	(void)state;
	assert_int_equal(model_quota_state(0, 0, 2025, 2, may), QUOTA_NONE);
	assert_int_equal(model_quota_state(0, 5, 2025, 2, q3_first), QUOTA_NONE);
	assert_int_equal(model_quota_state(2, 2, 2025, 2, may), QUOTA_MET);
	assert_int_equal(model_quota_state(2, 3, 2025, 2, q3_first), QUOTA_MET);
	assert_int_equal(model_quota_state(2, 1, 2025, 2, may), QUOTA_OPEN);
	/* On the quarter's last day there is still time. */
	assert_int_equal(model_quota_state(2, 1, 2025, 2, q2_last), QUOTA_OPEN);
	assert_int_equal(model_quota_state(2, 1, 2025, 2, q3_first), QUOTA_SHORT);
	assert_int_equal(model_quota_state(1, 0, 2024, 4, may), QUOTA_SHORT);
	/* A future quarter is open even with nothing counted. */
	assert_int_equal(model_quota_state(2, 0, 2025, 4, may), QUOTA_OPEN);
}

/* ---- exemplars: ownership --------------------------------------------- */

static char *xstrdup(const char *s)
{
	char *p = strdup(s);

	assert_non_null(p);
	return p;
}

/* A complete individual profile, valid on TODAY. */
#define TODAY date_from_ymd(2025, 5, 20)

static void make_individual(struct exemplar *ex)
{
	model_exemplar_init(ex);
	ex->id = 42;
	ex->version = 3;
	ex->type = TYPE_INDIVIDUAL;
	ex->category = CAT_OFFICIAL;
	ex->status = STATUS_INTRODUCED;
	ex->gender = GENDER_FEMALE;
	ex->birth_year = 1985;
	ex->date = date_from_ymd(2025, 3, 15);
	strcpy(ex->unit, "phuong_1");
	ex->name = xstrdup("Nguyễn Thị Hồng");
}

static void make_collective(struct exemplar *ex)
{
	model_exemplar_init(ex);
	ex->type = TYPE_COLLECTIVE;
	ex->category = CAT_RESIDENTIAL;
	ex->status = STATUS_ACCEPTED;
	ex->date = date_from_ymd(2025, 4, 1);
	strcpy(ex->unit, "xa_tan_long");
	ex->name = xstrdup("Khóm 3, Phường 1");
}

static void add_propagations(struct exemplar *ex)
{
	ex->propagations = calloc(2, sizeof *ex->propagations);
	assert_non_null(ex->propagations);
	ex->n_propagations = 2;
	ex->propagations[0].channel = CHANNEL_RADIO;
	ex->propagations[0].date = date_from_ymd(2025, 4, 10);
	ex->propagations[0].ref = xstrdup("Gương điển hình tiên tiến số 12");
	strcpy(ex->propagations[0].by, "noivu1");
	ex->propagations[0].at = 1744243200;
	ex->propagations[1].channel = CHANNEL_PORTAL;
	ex->propagations[1].date = date_from_ymd(2025, 4, 11);
	ex->propagations[1].ref = NULL;
	strcpy(ex->propagations[1].by, "noivu2");
}

static void make_full(struct exemplar *ex)
{
	make_individual(ex);
	ex->position = xstrdup("Phó Chủ tịch UBND phường");
	ex->workplace = xstrdup("UBND Phường 1");
	ex->movement = xstrdup("Dân vận khéo");
	ex->achievements = xstrdup("Vận động xây 5 căn nhà\nHoàn thành xuất sắc nhiệm vụ");
	ex->status_reason = xstrdup("Bổ sung thành tích");
	ex->commendation.form = xstrdup("Giấy khen của Chủ tịch UBND thị xã");
	ex->commendation.decision = xstrdup("123/QĐ-UBND");
	ex->commendation.date = date_from_ymd(2025, 5, 2);
	ex->commendation.signer = xstrdup("Nguyễn Văn Bình");
	strcpy(ex->created_by, "phuong1");
	strcpy(ex->updated_by, "noivu1");
	ex->created_at = 1742000000;
	ex->updated_at = 1746000000;
	add_propagations(ex);
}

static void test_init(void **state)
{
	struct exemplar ex;

	(void)state;
	memset(&ex, 0x5a, sizeof ex);
	model_exemplar_init(&ex);
	assert_null(ex.name);
	assert_null(ex.achievements);
	assert_null(ex.commendation.form);
	assert_null(ex.propagations);
	assert_int_equal(ex.n_propagations, 0);
	assert_int_equal(ex.date, DATE_NONE);
	assert_int_equal(ex.commendation.date, DATE_NONE);
	assert_int_equal(ex.type, 0);
	assert_int_equal(ex.birth_year, 0);
	assert_string_equal(ex.unit, "");
}

/* Same content, and no string shared between the two. */
static void assert_text_copied(const char *a, const char *b)
{
	if (!a) {
		assert_null(b);
		return;
	}
	assert_non_null(b);
	assert_string_equal(a, b);
	assert_ptr_not_equal(a, b);
}

static void assert_same_exemplar(const struct exemplar *a, const struct exemplar *b)
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
	assert_text_copied(a->name, b->name);
	assert_text_copied(a->position, b->position);
	assert_text_copied(a->workplace, b->workplace);
	assert_text_copied(a->movement, b->movement);
	assert_text_copied(a->achievements, b->achievements);
	assert_text_copied(a->status_reason, b->status_reason);
	assert_text_copied(a->commendation.form, b->commendation.form);
	assert_text_copied(a->commendation.decision, b->commendation.decision);
	assert_text_copied(a->commendation.signer, b->commendation.signer);
	assert_int_equal(a->commendation.date, b->commendation.date);
	assert_string_equal(a->created_by, b->created_by);
	assert_string_equal(a->updated_by, b->updated_by);
	assert_int_equal(a->created_at, b->created_at);
	assert_int_equal(a->updated_at, b->updated_at);
	assert_int_equal(a->n_propagations, b->n_propagations);
	if (a->n_propagations)
		assert_ptr_not_equal(a->propagations, b->propagations);
	for (size_t i = 0; i < a->n_propagations; i++) {
		assert_int_equal(a->propagations[i].channel, b->propagations[i].channel);
		assert_int_equal(a->propagations[i].date, b->propagations[i].date);
		assert_string_equal(a->propagations[i].by, b->propagations[i].by);
		assert_int_equal(a->propagations[i].at, b->propagations[i].at);
		assert_text_copied(a->propagations[i].ref, b->propagations[i].ref);
	}
}

static void test_copy_deep(void **state)
{
	struct exemplar src, dst;

	(void)state;
	make_full(&src);
	model_exemplar_init(&dst);
	assert_int_equal(model_exemplar_copy(&dst, &src), 0);
	assert_same_exemplar(&src, &dst);
	/* The copy outlives the original (ASan would see a use after free). */
	model_exemplar_free(&src);
	assert_string_equal(dst.name, "Nguyễn Thị Hồng");
	assert_string_equal(dst.commendation.decision, "123/QĐ-UBND");
	assert_string_equal(dst.propagations[0].ref, "Gương điển hình tiên tiến số 12");
	assert_null(dst.propagations[1].ref);
	assert_int_equal(dst.propagations[1].channel, CHANNEL_PORTAL);
	model_exemplar_free(&dst);
}

static void test_copy_over_content(void **state)
{
	struct exemplar src, dst;

	(void)state;
	make_collective(&src);
	make_full(&dst);
	/* dst's old strings are freed (ASan reports a leak otherwise). */
	assert_int_equal(model_exemplar_copy(&dst, &src), 0);
	assert_same_exemplar(&src, &dst);
	assert_null(dst.position);
	assert_null(dst.propagations);
	assert_int_equal(dst.n_propagations, 0);
	assert_int_equal(dst.commendation.date, DATE_NONE);
	model_exemplar_free(&src);
	model_exemplar_free(&dst);
}

static void test_copy_onto_itself(void **state)
{
	struct exemplar ex;

	(void)state;
	make_full(&ex);
	assert_int_equal(model_exemplar_copy(&ex, &ex), 0);
	assert_string_equal(ex.name, "Nguyễn Thị Hồng");
	assert_string_equal(ex.propagations[0].ref, "Gương điển hình tiên tiến số 12");
	assert_int_equal(ex.n_propagations, 2);
	model_exemplar_free(&ex);
}

static void test_copy_empty(void **state)
{
	struct exemplar src, dst;

	(void)state;
	model_exemplar_init(&src);
	model_exemplar_init(&dst);
	assert_int_equal(model_exemplar_copy(&dst, &src), 0);
	assert_same_exemplar(&src, &dst);
	assert_null(dst.name);
	assert_int_equal(dst.date, DATE_NONE);
	model_exemplar_free(&dst);
}

static void test_free_reinitialises(void **state)
{
	struct exemplar ex;

	(void)state;
	make_full(&ex);
	model_exemplar_free(&ex);
	assert_null(ex.name);
	assert_null(ex.achievements);
	assert_null(ex.commendation.signer);
	assert_null(ex.propagations);
	assert_int_equal(ex.n_propagations, 0);
	assert_int_equal(ex.date, DATE_NONE);
	assert_int_equal(ex.id, 0);
	/* Freeing twice is harmless. */
	model_exemplar_free(&ex);
	assert_null(ex.name);
}

static void test_unit_copy_free(void **state)
{
	struct unit src = unit_with(2, date_from_ymd(2021, 1, 1), date_from_ymd(2025, 6, 30));
	struct unit dst;

	(void)state;
	src.name = xstrdup("UBND Phường 1");
	strcpy(src.block, "xa_phuong");
	strcpy(src.successor, "phuong_nga_nam");
	memset(&dst, 0, sizeof dst);
	assert_int_equal(model_unit_copy(&dst, &src), 0);
	assert_string_equal(dst.code, "phuong_1");
	assert_text_copied(src.name, dst.name);
	assert_string_equal(dst.block, "xa_phuong");
	assert_string_equal(dst.successor, "phuong_nga_nam");
	assert_int_equal(dst.kind, KIND_WARD);
	assert_int_equal(dst.quota, 2);
	assert_int_equal(dst.active_from, date_from_ymd(2021, 1, 1));
	assert_int_equal(dst.active_to, date_from_ymd(2025, 6, 30));
	model_unit_free(&src);
	assert_null(src.name);
	assert_string_equal(src.code, "");
	assert_int_equal(src.active_from, DATE_NONE);
	assert_int_equal(src.active_to, DATE_NONE);
	assert_string_equal(dst.name, "UBND Phường 1");
	model_unit_free(&dst);

	/* A unit without a name copies as one. */
	src = unit_with(0, DATE_NONE, DATE_NONE);
	assert_int_equal(model_unit_copy(&dst, &src), 0);
	assert_null(dst.name);
	model_unit_free(&dst);
}

/* ---- validation -------------------------------------------------------- */

/* Refused, as invalid data, naming `field` by label and code in the message. */
static void assert_refused(int rc, const struct err *e, const char *field,
			   const char *label)
{
	char want[96];

	assert_int_equal(rc, -1);
	assert_int_equal(e->code, ERR_INVALID);
	assert_string_equal(e->field, field);
	/* By its words, not its code. */
	snprintf(want, sizeof want, "%s", label);
	if (strncmp(e->msg, want, strlen(want)))
		fail_msg("message \"%s\" does not name \"%s\"", e->msg, want);
	snprintf(want, sizeof want, "(%s)", field);
	if (strstr(e->msg, want))
		fail_msg("message \"%s\" shows the code \"%s\"", e->msg, want);
}

static void test_validate_accepts(void **state)
{
	struct exemplar ex;
	struct err e;

	(void)state;
	err_clear(&e);
	make_full(&ex);
	assert_int_equal(model_exemplar_validate(&ex, TODAY, &e), 0);
	/* Gender and year of birth are optional for individuals. */
	ex.gender = GENDER_UNKNOWN;
	ex.birth_year = 0;
	assert_int_equal(model_exemplar_validate(&ex, TODAY, &e), 0);
	model_exemplar_free(&ex);
	make_collective(&ex);
	assert_int_equal(model_exemplar_validate(&ex, TODAY, &e), 0);
	assert_int_equal(e.code, ERR_OK);
	model_exemplar_free(&ex);
}

static void test_validate_type(void **state)
{
	struct exemplar ex;
	struct err e;

	(void)state;
	make_individual(&ex);
	ex.type = (enum ex_type)0;
	assert_refused(model_exemplar_validate(&ex, TODAY, &e), &e, "type", "Type");
	ex.type = TYPE_COUNT_;
	assert_refused(model_exemplar_validate(&ex, TODAY, &e), &e, "type", "Type");
	model_exemplar_free(&ex);
}

static void test_validate_category(void **state)
{
	struct exemplar ex;
	struct err e;

	(void)state;
	make_individual(&ex);
	ex.category = (enum ex_category)0;
	assert_refused(model_exemplar_validate(&ex, TODAY, &e), &e, "category", "Category");
	ex.category = CAT_COUNT_;
	assert_refused(model_exemplar_validate(&ex, TODAY, &e), &e, "category", "Category");
	/* An individual under a collective category, and the other way round. */
	ex.category = CAT_BUSINESS;
	assert_refused(model_exemplar_validate(&ex, TODAY, &e), &e, "category", "Category");
	assert_non_null(strstr(e.msg, "Production and business"));
	assert_non_null(strstr(e.msg, "Individual"));
	model_exemplar_free(&ex);
	make_collective(&ex);
	ex.category = CAT_GOOD_DEEDS;
	assert_refused(model_exemplar_validate(&ex, TODAY, &e), &e, "category", "Category");
	model_exemplar_free(&ex);
}

static void test_validate_name(void **state)
{
	struct exemplar ex;
	struct err e;

	(void)state;
	make_individual(&ex);
	free(ex.name);
	ex.name = NULL;
	assert_refused(model_exemplar_validate(&ex, TODAY, &e), &e, "name", "Full name");
	ex.name = xstrdup("");
	assert_refused(model_exemplar_validate(&ex, TODAY, &e), &e, "name", "Full name");
	free(ex.name);
	ex.name = xstrdup("   ");
	assert_refused(model_exemplar_validate(&ex, TODAY, &e), &e, "name", "Full name");
	/* A collective's name is called so. */
	ex.type = TYPE_COLLECTIVE;
	ex.category = CAT_RESIDENTIAL;
	ex.gender = GENDER_UNKNOWN;
	ex.birth_year = 0;
	assert_refused(model_exemplar_validate(&ex, TODAY, &e), &e, "name", "Collective's name");
	model_exemplar_free(&ex);
}

static void test_validate_collective_person_fields(void **state)
{
	struct exemplar ex;
	struct err e;

	(void)state;
	make_collective(&ex);
	ex.gender = GENDER_MALE;
	assert_refused(model_exemplar_validate(&ex, TODAY, &e), &e, "gender", "Gender");
	ex.gender = GENDER_UNKNOWN;
	ex.birth_year = 1990;
	assert_refused(model_exemplar_validate(&ex, TODAY, &e), &e, "birth_year",
		       "Year of birth");
	model_exemplar_free(&ex);
}

static void test_validate_individual_person_fields(void **state)
{
	struct exemplar ex;
	struct err e;

	(void)state;
	make_individual(&ex);
	ex.gender = GENDER_COUNT_;
	assert_refused(model_exemplar_validate(&ex, TODAY, &e), &e, "gender", "Gender");
	ex.gender = GENDER_MALE;
	ex.birth_year = 1899;
	assert_refused(model_exemplar_validate(&ex, TODAY, &e), &e, "birth_year",
		       "Year of birth");
	assert_non_null(strstr(e.msg, "1900"));
	assert_non_null(strstr(e.msg, "2025"));
	ex.birth_year = 2026;
	assert_refused(model_exemplar_validate(&ex, TODAY, &e), &e, "birth_year",
		       "Year of birth");
	ex.birth_year = -5;
	assert_refused(model_exemplar_validate(&ex, TODAY, &e), &e, "birth_year",
		       "Year of birth");
	ex.birth_year = 1900;
	assert_int_equal(model_exemplar_validate(&ex, TODAY, &e), 0);
	ex.birth_year = 2025;
	assert_int_equal(model_exemplar_validate(&ex, TODAY, &e), 0);
	model_exemplar_free(&ex);
}

static void test_validate_date(void **state)
{
	struct exemplar ex;
	struct err e;

	(void)state;
	make_individual(&ex);
	ex.date = DATE_NONE;
	assert_refused(model_exemplar_validate(&ex, TODAY, &e), &e, "date",
		       "Introduction date");
	ex.date = date_from_ymd(1999, 12, 31);
	assert_refused(model_exemplar_validate(&ex, TODAY, &e), &e, "date",
		       "Introduction date");
	assert_non_null(strstr(e.msg, "01/01/2000"));
	ex.date = TODAY + 1;
	assert_refused(model_exemplar_validate(&ex, TODAY, &e), &e, "date",
		       "Introduction date");
	assert_non_null(strstr(e.msg, "20/05/2025"));
	ex.date = date_from_ymd(2000, 1, 1);
	assert_int_equal(model_exemplar_validate(&ex, TODAY, &e), 0);
	ex.date = TODAY;
	assert_int_equal(model_exemplar_validate(&ex, TODAY, &e), 0);
	model_exemplar_free(&ex);
}

static void test_validate_status(void **state)
{
	struct exemplar ex;
	struct err e;

	(void)state;
	make_individual(&ex);
	ex.status = (enum ex_status)0;
	assert_refused(model_exemplar_validate(&ex, TODAY, &e), &e, "status", "Status");
	ex.status = STATUS_COUNT_;
	assert_refused(model_exemplar_validate(&ex, TODAY, &e), &e, "status", "Status");
	for (int s = 1; s < STATUS_COUNT_; s++) {
		ex.status = (enum ex_status)s;
		assert_int_equal(model_exemplar_validate(&ex, TODAY, &e), 0);
	}
	model_exemplar_free(&ex);
}

/* ---- cleaning ---------------------------------------------------------- */

static void set_text(char **field, const char *s)
{
	free(*field);
	*field = s ? xstrdup(s) : NULL;
}

/* s repeated n times, in a new string. */
static char *repeat(const char *s, size_t n)
{
	size_t len = strlen(s);
	char *p = malloc(len * n + 1);

	assert_non_null(p);
	for (size_t i = 0; i < n; i++)
		memcpy(p + i * len, s, len);
	p[len * n] = '\0';
	return p;
}

static void test_clean_normalises(void **state)
{
	struct exemplar ex;
	struct err e;
	const char *legacy = "x";

	(void)state;
	make_full(&ex);
	/* "Nguyễn" typed as e + U+0302 + U+0303, padded with spaces. */
	set_text(&ex.name, "  Nguye\xcc\x82\xcc\x83n Va\xcc\x86n An  ");
	set_text(&ex.position, "Chủ tịch ");
	set_text(&ex.achievements, "  Dòng một  \nDòng hai   \n\n\n");
	set_text(&ex.commendation.signer, " Lê Văn Cường ");
	set_text(&ex.propagations[0].ref, "  Số 12 ");
	assert_int_equal(model_exemplar_clean(&ex, &legacy, &e), 0);
	/* U+1EC5 (ễ) = e1 bb 85, U+0103 (ă) = c4 83. */
	assert_string_equal(ex.name, "Nguy\xe1\xbb\x85n V\xc4\x83n An");
	assert_string_equal(ex.position, "Chủ tịch");
	assert_string_equal(ex.achievements, "Dòng một\nDòng hai");
	assert_string_equal(ex.commendation.signer, "Lê Văn Cường");
	assert_string_equal(ex.propagations[0].ref, "Số 12");
	assert_null(ex.propagations[1].ref);
	assert_string_equal(ex.commendation.decision, "123/QĐ-UBND");
	assert_null(legacy);
	model_exemplar_free(&ex);
}

static void test_clean_empty_becomes_null(void **state)
{
	struct exemplar ex;
	struct err e;

	(void)state;
	make_full(&ex);
	set_text(&ex.position, "   ");
	set_text(&ex.achievements, "\n \n");
	set_text(&ex.status_reason, "");
	set_text(&ex.propagations[0].ref, " ");
	assert_int_equal(model_exemplar_clean(&ex, NULL, &e), 0);
	assert_null(ex.position);
	assert_null(ex.achievements);
	assert_null(ex.status_reason);
	assert_null(ex.propagations[0].ref);
	assert_string_equal(ex.workplace, "UBND Phường 1");
	model_exemplar_free(&ex);

	/* A blank name is emptied too; saying it is missing is validation's job. */
	make_individual(&ex);
	set_text(&ex.name, "  ");
	assert_int_equal(model_exemplar_clean(&ex, NULL, &e), 0);
	assert_null(ex.name);
	assert_refused(model_exemplar_validate(&ex, TODAY, &e), &e, "name", "Full name");
	model_exemplar_free(&ex);
}

static void test_clean_control_refused(void **state)
{
	struct exemplar ex;
	struct err e;
	const char *legacy = "x";

	(void)state;
	make_full(&ex);
	set_text(&ex.name, "  Nguyễn Văn An  ");
	/* ESC is the 5th character (bytes: 'B' 'ả' 'o' ' ' ESC). */
	set_text(&ex.position, "Bảo \x1b[2J vệ");
	assert_refused(model_exemplar_clean(&ex, &legacy, &e), &e, "position", "Position");
	assert_non_null(strstr(e.msg, "character 5"));
	assert_null(legacy);
	/* Nothing was changed: the name before it is still as typed. */
	assert_string_equal(ex.name, "  Nguyễn Văn An  ");
	assert_string_equal(ex.position, "Bảo \x1b[2J vệ");
	model_exemplar_free(&ex);
}

static void test_clean_newline_only_in_achievements(void **state)
{
	struct exemplar ex;
	struct err e;

	(void)state;
	make_full(&ex);
	set_text(&ex.movement, "Dân vận\nkhéo");
	assert_refused(model_exemplar_clean(&ex, NULL, &e), &e, "movement",
		       "Emulation movement");
	set_text(&ex.movement, "Dân vận khéo");
	set_text(&ex.name, "Nguyễn\nAn");
	assert_refused(model_exemplar_clean(&ex, NULL, &e), &e, "name", "Full name");
	assert_false(model_refused_legacy(&ex, &e));
	set_text(&ex.name, "Nguyễn An");
	set_text(&ex.achievements, "Một\nHai\nBa");
	assert_int_equal(model_exemplar_clean(&ex, NULL, &e), 0);
	assert_string_equal(ex.achievements, "Một\nHai\nBa");
	/* Tab is a control character even in achievements. */
	set_text(&ex.achievements, "Một\tHai");
	assert_refused(model_exemplar_clean(&ex, NULL, &e), &e, "achievements",
		       "Achievements");
	model_exemplar_free(&ex);
}

static void test_clean_bad_utf8_and_bidi(void **state)
{
	struct exemplar ex;
	struct err e;

	(void)state;
	make_full(&ex);
	set_text(&ex.workplace, "abc\xff");
	assert_refused(model_exemplar_clean(&ex, NULL, &e), &e, "workplace",
		       "Workplace / address");
	assert_non_null(strstr(e.msg, "character 4"));
	set_text(&ex.workplace, "UBND");
	/* U+202E RIGHT-TO-LEFT OVERRIDE turns text around on screen. */
	set_text(&ex.commendation.form, "Giấy \xe2\x80\xae khen");
	assert_refused(model_exemplar_clean(&ex, NULL, &e), &e, "form",
		       "Form of commendation");
	set_text(&ex.commendation.form, "Giấy khen");
	set_text(&ex.commendation.decision, "12\x7f/QĐ");
	assert_refused(model_exemplar_clean(&ex, NULL, &e), &e, "decision", "Decision number");
	set_text(&ex.commendation.decision, "12/QĐ");
	set_text(&ex.commendation.signer, "\xc2\x9b");
	assert_refused(model_exemplar_clean(&ex, NULL, &e), &e, "signer", "Signed by");
	set_text(&ex.commendation.signer, NULL);
	set_text(&ex.status_reason, "x\x01");
	assert_refused(model_exemplar_clean(&ex, NULL, &e), &e, "status_reason", "Reason");
	model_exemplar_free(&ex);
}

static void test_clean_propagation_ref(void **state)
{
	struct exemplar ex;
	struct err e;

	(void)state;
	make_full(&ex);
	set_text(&ex.propagations[1].ref, "https://nganam.soctrang.gov.vn/\r");
	assert_refused(model_exemplar_clean(&ex, NULL, &e), &e, "ref", "Title / address");
	/* Which of the propagations is at fault. */
	assert_non_null(strstr(e.msg, "propagation 2"));
	model_exemplar_free(&ex);
}

/*
 * Limits count characters: 200 × "ễ" is 600 bytes and fits the name; 200 ×
 * "中" is 400 terminal columns and fits too; one more character does not.
 * Letters of one to four bytes ("a", "đ", "ễ", U+20000) count one each.
 */
static void test_clean_length_limits(void **state)
{
	static const struct {
		size_t off; /* offsetof the field */
		const char *field, *label;
		size_t max;
	} cases[] = {
		{ offsetof(struct exemplar, name), "name", "Full name", NAME_MAX_CHARS },
		{ offsetof(struct exemplar, position), "position", "Position", LINE_MAX_CHARS },
		{ offsetof(struct exemplar, workplace), "workplace", "Workplace / address",
		  LINE_MAX_CHARS },
		{ offsetof(struct exemplar, movement), "movement", "Emulation movement",
		  LINE_MAX_CHARS },
		{ offsetof(struct exemplar, status_reason), "status_reason", "Reason",
		  LINE_MAX_CHARS },
		{ offsetof(struct exemplar, achievements), "achievements", "Achievements",
		  ACHIEVEMENTS_MAX_CHARS },
	};
	static const char *const letters[] = { "ễ", "中", "a", "đ", "\xf0\xa0\x80\x80" };
	struct exemplar ex;
	struct err e;
	char want[64];

	(void)state;
	assert_int_equal(NAME_MAX_CHARS, 200);
	assert_int_equal(LINE_MAX_CHARS, 300);
	assert_int_equal(ACHIEVEMENTS_MAX_CHARS, 8000);
	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		for (size_t l = 0; l < N_ELEMS(letters); l++) {
			char **f;

			make_individual(&ex);
			f = (char **)((char *)&ex + cases[i].off);
			free(*f);
			*f = repeat(letters[l], cases[i].max);
			assert_int_equal(model_exemplar_clean(&ex, NULL, &e), 0);
			assert_int_equal(strlen(*f), cases[i].max * strlen(letters[l]));
			free(*f);
			*f = repeat(letters[l], cases[i].max + 1);
			assert_refused(model_exemplar_clean(&ex, NULL, &e), &e, cases[i].field,
				       cases[i].label);
			snprintf(want, sizeof want, "%zu characters", cases[i].max + 1);
			assert_non_null(strstr(e.msg, want));
			model_exemplar_free(&ex);
		}
	}
}

/* Composed and decomposed "ễ" count alike: the limit applies after NFC. */
static void test_clean_limit_after_nfc(void **state)
{
	struct exemplar ex;
	struct err e;

	(void)state;
	make_individual(&ex);
	free(ex.name);
	ex.name = repeat("e\xcc\x82\xcc\x83", NAME_MAX_CHARS); /* 600 code points in */
	assert_int_equal(model_exemplar_clean(&ex, NULL, &e), 0);
	assert_int_equal(strlen(ex.name), 3 * NAME_MAX_CHARS);
	model_exemplar_free(&ex);
}

static void test_clean_legacy(void **state)
{
	struct exemplar ex;
	struct err e;
	const char *legacy = NULL;

	(void)state;
	make_full(&ex);
	/* VNI typed, read as Windows-1252: "Việt Nam" -> "Vieät Nam". */
	set_text(&ex.workplace, "Vieät Nam");
	assert_int_equal(model_exemplar_clean(&ex, &legacy, &e), 0);
	assert_non_null(legacy);
	assert_string_equal(legacy, "workplace");
	/* Kept as typed (it is valid text); the caller decides what to say. */
	assert_string_equal(ex.workplace, "Vieät Nam");
	/* The first flagged field wins: name comes before workplace. */
	set_text(&ex.name, "Hå ChÝ Minh");
	assert_int_equal(model_exemplar_clean(&ex, &legacy, &e), 0);
	assert_string_equal(legacy, "name");
	set_text(&ex.name, "Hồ Chí Minh");
	set_text(&ex.workplace, "UBND Phường 1");
	assert_int_equal(model_exemplar_clean(&ex, &legacy, &e), 0);
	assert_null(legacy);
	/* Without the person's word it is refused, naming the field, and kept unchanged. */
	set_text(&ex.position, "Tæ tr\xc2\xabëng"); /* TCVN3: "Tổ trưởng" */
	assert_refused(model_exemplar_clean(&ex, NULL, &e), &e, "position", "Position");
	assert_non_null(strstr(e.msg, "Unikey"));
	/* ... and the front ends can tell it from other refusals, to offer keeping it. */
	assert_true(model_refused_legacy(&ex, &e));
	assert_string_equal(ex.position, "Tæ tr\xc2\xabëng");
	model_exemplar_free(&ex);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_type_codes),
		cmocka_unit_test(test_category_codes),
		cmocka_unit_test(test_gender_codes),
		cmocka_unit_test(test_status_codes),
		cmocka_unit_test(test_date_read),
		cmocka_unit_test(test_quarter_closes),
		cmocka_unit_test(test_exemplar_counts),
		cmocka_unit_test(test_kind_codes),
		cmocka_unit_test(test_channel_codes),
		cmocka_unit_test(test_quota_codes),
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_field_labels),
		cmocka_unit_test(test_value_text),
		cmocka_unit_test(test_code_valid),
		cmocka_unit_test(test_unit_active_on),
		cmocka_unit_test(test_unit_active_in_quarter),
		cmocka_unit_test(test_quota_state),
		cmocka_unit_test(test_init),
		cmocka_unit_test(test_copy_deep),
		cmocka_unit_test(test_copy_over_content),
		cmocka_unit_test(test_copy_onto_itself),
		cmocka_unit_test(test_copy_empty),
		cmocka_unit_test(test_free_reinitialises),
		cmocka_unit_test(test_unit_copy_free),
		cmocka_unit_test(test_validate_accepts),
		cmocka_unit_test(test_validate_type),
		cmocka_unit_test(test_validate_category),
		cmocka_unit_test(test_validate_name),
		cmocka_unit_test(test_validate_collective_person_fields),
		cmocka_unit_test(test_validate_individual_person_fields),
		cmocka_unit_test(test_validate_date),
		cmocka_unit_test(test_validate_status),
		cmocka_unit_test(test_clean_normalises),
		cmocka_unit_test(test_clean_empty_becomes_null),
		cmocka_unit_test(test_clean_control_refused),
		cmocka_unit_test(test_clean_newline_only_in_achievements),
		cmocka_unit_test(test_clean_bad_utf8_and_bidi),
		cmocka_unit_test(test_clean_propagation_ref),
		cmocka_unit_test(test_clean_length_limits),
		cmocka_unit_test(test_clean_limit_after_nfc),
		cmocka_unit_test(test_clean_legacy),
	};

	return cmocka_run_group_tests_name("model", tests, NULL, NULL);
}
