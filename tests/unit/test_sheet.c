/* test_sheet.c - columns of exchanged files and how values are written and read. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "i18n.h"
#include "sheet.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* 2024-05-01T01:30:00Z: day 19723 (2024-01-01) + 31 + 29 + 31 + 30 = 19844, times
 * 86400, plus 5400 seconds. */
#define MAY_FIRST_0130Z INT64_C(1714527000)

static void test_headers_found_whatever_the_spelling(void **state)
{
	static const struct { const char *h; int col; } cases[] = {
		{ "Ngày giới thiệu", FIELD_DATE }, { "NGÀY GIỚI THIỆU", FIELD_DATE },
		{ "ngay gioi thieu", FIELD_DATE }, { "Ngày_giới-thiệu", FIELD_DATE },
		{ "Introduction date", FIELD_DATE }, { "date", FIELD_DATE },
		{ "Họ và tên", FIELD_NAME }, { "Tên", FIELD_NAME }, { "name", FIELD_NAME },
		{ "Mã đơn vị", FIELD_UNIT }, { "unit", FIELD_UNIT },
		{ "Đơn vị", FIELD_UNIT_NAME }, { "Unit name", FIELD_UNIT_NAME },
		{ "Năm sinh", FIELD_BIRTH_YEAR }, { "birth_year", FIELD_BIRTH_YEAR },
		{ "STT", SHEET_X_SKIP }, { "Ghi chú", -1 }, { "", -1 }, { "ngày", -1 },
		/* The names offices give the columns in their own sheets. */
		{ "Họ tên", FIELD_NAME }, { "Tên tập thể/cá nhân", FIELD_NAME },
		{ "TÊN TẬP THỂ, CÁ NHÂN", FIELD_NAME }, { "Cơ quan, đơn vị", FIELD_UNIT_NAME },
		{ "Chức vụ", FIELD_POSITION }, { "Thành tích đạt được", FIELD_ACHIEVEMENTS },
		{ "Năm sinh Nam", SHEET_X_BORN_MALE }, { "nam sinh - nữ", SHEET_X_BORN_FEMALE },
		{ "Nữ", SHEET_X_FEMALE }, { "Họ và tên|Họ tên", -1 },
	};

	(void)state;
	for (size_t i = 0; i < N(cases); i++)
		assert_int_equal(sheet_find_column(sheet_exemplar_columns, SHEET_X_COUNT,
						   cases[i].h), cases[i].col);
	assert_int_equal(sheet_find_column(sheet_unit_columns, SHEET_U_COUNT, "Chỉ tiêu"),
			 SHEET_U_QUOTA);
	assert_int_equal(sheet_find_column(sheet_unit_columns, SHEET_U_COUNT, "khoi thi dua"),
			 SHEET_U_BLOCK);
}

/* Every name of every column leads back to that column: no two share a name.
 * (A name without letters or digits, the "#" of row numbers, names nothing.) */
static void no_shared_names(const struct sheet_column *cols, size_t n)
{
	char piece[256];

	for (size_t c = 0; c < n; c++) {
		const char *names[] = { cols[c].code, cols[c].label, cols[c].vi };
		for (size_t i = 0; i < N(names); i++)
			if (names[i] && sheet_same_name(names[i], names[i]))
				assert_int_equal(sheet_find_column(cols, n, names[i]), (int)c);
		/* Each of the aliases, '|' between them. */
		for (const char *a = cols[c].alias; a && *a;) {
			size_t len = strcspn(a, "|");
			snprintf(piece, sizeof piece, "%.*s", (int)len, a);
			assert_int_equal(sheet_find_column(cols, n, piece), (int)c);
			a += len + (a[len] == '|');
		}
	}
	assert_int_equal(sheet_find_column(cols, n, "#"), -1);
}

static void test_no_two_columns_share_a_name(void **state)
{
	(void)state;
	no_shared_names(sheet_exemplar_columns, SHEET_X_COUNT);
	no_shared_names(sheet_unit_columns, SHEET_U_COUNT);
}

static void test_same_name(void **state)
{
	(void)state;
	assert_true(sheet_same_name("Phường 1", "PHUONG 1"));
	assert_true(sheet_same_name("Phòng Tài chính – Kế hoạch", "phong tai chinh ke hoach"));
	assert_false(sheet_same_name("Phường 1", "Phường 2"));
	assert_false(sheet_same_name("", ""));
	assert_false(sheet_same_name("–", " "));
}

static void test_enums_by_code_or_label(void **state)
{
	char list[256];

	(void)state;
	/* No catalogue is loaded here: labels are the English ones. */
	assert_int_equal(sheet_enum_parse(SET_TYPE, "individual"), TYPE_INDIVIDUAL);
	assert_int_equal(sheet_enum_parse(SET_TYPE, "Individual"), TYPE_INDIVIDUAL);
	assert_int_equal(sheet_enum_parse(SET_TYPE, " COLLECTIVE "), TYPE_COLLECTIVE);
	assert_int_equal(sheet_enum_parse(SET_CATEGORY, "good_deeds"), CAT_GOOD_DEEDS);
	assert_int_equal(sheet_enum_parse(SET_CATEGORY, "Workers, good people and good deeds"),
			 CAT_GOOD_DEEDS);
	assert_int_equal(sheet_enum_parse(SET_STATUS, "Commendation revoked"), STATUS_REVOKED);
	assert_int_equal(sheet_enum_parse(SET_CHANNEL, "radio"), CHANNEL_RADIO);
	assert_int_equal(sheet_enum_parse(SET_KIND, "mass_org"), KIND_MASS_ORG);
	assert_int_equal(sheet_enum_parse(SET_GENDER, "Female"), GENDER_FEMALE);
	/* "Unknown" gender is not a value to type: an empty cell means it. */
	assert_int_equal(sheet_enum_parse(SET_GENDER, ""), -1);
	assert_int_equal(sheet_enum_parse(SET_TYPE, "household"), -1);
	sheet_enum_list(SET_TYPE, list, sizeof list);
	assert_string_equal(list, "Collective; Individual");
	sheet_enum_list(SET_CHANNEL, list, sizeof list);
	assert_string_equal(list, "Radio column; Web portal; Other");
}

/* Cells read again and again, as in an import: the same answers every time,
 * past more distinct texts than are remembered, each kind of value apart. */
static void test_enums_read_again(void **state)
{
	static const char *const cat[] = {
		"business", "education", "health", "defence", "association", "model_unit",
		"residential", "movement", "official", "good_deeds", "community",
	};

	(void)state;
	for (int round = 0; round < 3; round++) {
		for (int c = 0; c < 11; c++)
			assert_int_equal(sheet_enum_parse(SET_CATEGORY, cat[c]),
					 CAT_BUSINESS + c);
		assert_int_equal(sheet_enum_parse(SET_CATEGORY, "household"), -1);
		assert_int_equal(sheet_enum_parse(SET_CATEGORY,
						  "Health and people's health care"), CAT_HEALTH);
		/* One text, two kinds: a category code is not a type. */
		assert_int_equal(sheet_enum_parse(SET_TYPE, "business"), -1);
		assert_int_equal(sheet_enum_parse(SET_GENDER, "Female"), GENDER_FEMALE);
		assert_int_equal(sheet_enum_parse(SET_STATUS, "Female"), -1);
		assert_int_equal(sheet_enum_parse(SET_GENDER, "female "), GENDER_FEMALE);
	}
}

static void set_tz(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

static void test_times_keep_the_instant(void **state)
{
	char b[SHEET_TIME_SIZE];
	int64_t t;

	(void)state;
	set_tz("ICT-7");
	sheet_format_time(MAY_FIRST_0130Z, b);
	assert_string_equal(b, "2024-05-01T08:30:00+07:00");
	set_tz("EST5");
	assert_int_equal(sheet_parse_time("2024-05-01T08:30:00+07:00", &t), 0);
	assert_int_equal(t, MAY_FIRST_0130Z);
	sheet_format_time(MAY_FIRST_0130Z, b);
	assert_string_equal(b, "2024-04-30T20:30:00-05:00");
	assert_int_equal(sheet_parse_time(b, &t), 0);
	assert_int_equal(t, MAY_FIRST_0130Z);
	assert_int_equal(sheet_parse_time("2024-05-01T01:30:00Z", &t), 0);
	assert_int_equal(t, MAY_FIRST_0130Z);
	assert_int_equal(sheet_parse_time("2024-05-01 01:30:00+00:00", &t), 0);
	assert_int_equal(t, MAY_FIRST_0130Z);
	/* The widest offsets there are: 14:00 east, 12:00 west (and a half hour). */
	assert_int_equal(sheet_parse_time("2024-05-01T15:30:00+14:00", &t), 0);
	assert_int_equal(t, MAY_FIRST_0130Z);
	assert_int_equal(sheet_parse_time("2024-04-30T13:00:00-12:30", &t), 0);
	assert_int_equal(t, MAY_FIRST_0130Z);
	/* Without an offset: local time (EST, UTC-5). */
	assert_int_equal(sheet_parse_time("2024-04-30T20:30:00", &t), 0);
	assert_int_equal(t, MAY_FIRST_0130Z);
	sheet_format_time(0, b);
	assert_string_equal(b, "");
	set_tz("UTC0");
	static const char *bad[] = { "2024-13-01T00:00:00Z", "2024-05-01T25:00:00Z", "2024-05-01",
				     "2024-05-01T08:30:00+7", "2024-05-01T08:30:00 +07:00", "x",
				     "2024-02-30T00:00:00Z", "2024-05-01T08:30:00+-1:00",
				     "2024-05-01T08:30:00+ 7:00", "2024-05-01T08:30:00+99:00",
				     "2024-05-01T08:30:00+07:60", "2024-05-01T08:30:00+07:0x" };
	for (size_t i = 0; i < N(bad); i++)
		assert_int_equal(sheet_parse_time(bad[i], &t), -1);
}

static void test_accounts(void **state)
{
	char u[USER_MAX + 1];

	(void)state;
	assert_int_equal(sheet_account("nguyenvana", u), 0);
	assert_string_equal(u, "nguyenvana");
	assert_int_equal(sheet_account("", u), 0);
	assert_string_equal(u, "");
	assert_int_equal(sheet_account("nguyen van a", u), -1);
	assert_int_equal(sheet_account("a|b", u), -1);
	assert_int_equal(sheet_account("a\tb", u), -1);
	assert_int_equal(sheet_account("abcdefghijabcdefghijabcdefghijabc", u), -1); /* 33 */
}

static void test_propagations_round_trip(void **state)
{
	struct propagation ev[] = {
		{ CHANNEL_RADIO, date_from_ymd(2024, 5, 1), "Số 5 | phát lại", "canbo",
		  MAY_FIRST_0130Z },
		{ CHANNEL_PORTAL, date_from_ymd(2024, 6, 2), NULL, "", 0 },
		{ CHANNEL_OTHER, date_from_ymd(2024, 7, 3), "Bảng tin", "", 0 },
	};
	struct exemplar x;
	char *cell, *line, *save = NULL;
	size_t i = 0;

	(void)state;
	set_tz("ICT-7");
	model_exemplar_init(&x);
	x.propagations = ev;
	x.n_propagations = N(ev);
	cell = sheet_format_propagations(&x);
	assert_string_equal(cell, "2024-05-01 | Radio column | canbo | 2024-05-01T08:30:00+07:00"
				  " | Số 5 | phát lại\n"
				  "2024-06-02 | Web portal\n"
				  "2024-07-03 | Other |  |  | Bảng tin");
	for (line = strtok_r(cell, "\n", &save); line; line = strtok_r(NULL, "\n", &save), i++) {
		struct propagation p;
		assert_int_equal(sheet_parse_propagation(line, &p), 0);
		assert_int_equal(p.channel, ev[i].channel);
		assert_int_equal(p.date, ev[i].date);
		assert_string_equal(p.by, ev[i].by);
		assert_int_equal(p.at, ev[i].at);
		if (ev[i].ref)
			assert_string_equal(p.ref, ev[i].ref);
		else
			assert_null(p.ref);
		free(p.ref);
	}
	assert_int_equal(i, N(ev));
	free(cell);
}

static void test_propagation_refusals(void **state)
{
	static const struct { const char *line; int part; } cases[] = {
		{ "2024-13-01 | radio", 1 }, { "01/5/2024 | radio", 0 }, { "2024-05-01", 2 },
		{ "2024-05-01 | tv", 2 }, { "2024-05-01 | radio | a b", 3 },
		{ "2024-05-01 | radio | a | soon", 4 }, { " 2024-05-01 |  Web portal  ", 0 },
	};
	struct propagation p;

	(void)state;
	for (size_t i = 0; i < N(cases); i++) {
		assert_int_equal(sheet_parse_propagation(cases[i].line, &p), cases[i].part);
		free(p.ref);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_headers_found_whatever_the_spelling),
		cmocka_unit_test(test_no_two_columns_share_a_name),
		cmocka_unit_test(test_same_name),
		cmocka_unit_test(test_enums_by_code_or_label),
		cmocka_unit_test(test_enums_read_again),
		cmocka_unit_test(test_times_keep_the_instant),
		cmocka_unit_test(test_accounts),
		cmocka_unit_test(test_propagations_round_trip),
		cmocka_unit_test(test_propagation_refusals),
	};

	/* The messages and labels these tests expect are the English ones. */
	i18n_set_language("en");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
