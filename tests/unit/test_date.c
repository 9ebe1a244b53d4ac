/* test_date.c - day numbers, parsing, formats and quarters. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "date.h"

/*
 * Reference day numbers worked out by hand:
 *   1900-01-01: 70 years of 365 days + 17 leap days (1904..1968) before 1970 = -25567
 *   2000-01-01: 30 * 365 + 7 leap days (1972..1996) = 10957
 *   2024-01-01: 54 * 365 + 13 leap days (1972..2020) = 19723
 *   9999-12-31: Python's date.max.toordinal() 3652059 - date(1970,1,1) 719163 = 2932896
 */
#define D_1900_01_01 (-25567)
#define D_2000_01_01 10957
#define D_2024_01_01 19723
#define D_9999_12_31 2932896

static void test_known_day_numbers(void **state)
{
	(void)state;
	assert_int_equal(date_from_ymd(1970, 1, 1), 0);
	assert_int_equal(date_from_ymd(1970, 1, 2), 1);
	assert_int_equal(date_from_ymd(1969, 12, 31), -1);
	assert_int_equal(date_from_ymd(1900, 1, 1), D_1900_01_01);
	assert_int_equal(date_from_ymd(2000, 1, 1), D_2000_01_01);
	/* 2000 is a leap year: 31 days of January + 29 of February. */
	assert_int_equal(date_from_ymd(2000, 3, 1), D_2000_01_01 + 31 + 29);
	assert_int_equal(date_from_ymd(2024, 1, 1), D_2024_01_01);
	assert_int_equal(date_from_ymd(2024, 2, 29), D_2024_01_01 + 31 + 28);
	assert_int_equal(date_from_ymd(2024, 12, 31), D_2024_01_01 + 365);
	assert_int_equal(date_from_ymd(9999, 12, 31), D_9999_12_31);
}

static void test_to_ymd(void **state)
{
	int y, m, d;

	(void)state;
	date_to_ymd(D_2024_01_01 + 59, &y, &m, &d);
	assert_int_equal(y, 2024);
	assert_int_equal(m, 2);
	assert_int_equal(d, 29);
	date_to_ymd(-1, &y, &m, &d);
	assert_int_equal(y, 1969);
	assert_int_equal(m, 12);
	assert_int_equal(d, 31);
	date_to_ymd(D_1900_01_01, &y, &m, &d);
	assert_int_equal(y, 1900);
	assert_int_equal(m, 1);
	assert_int_equal(d, 1);
	date_to_ymd(DATE_NONE, &y, &m, &d);
	assert_int_equal(y, 0);
	assert_int_equal(m, 0);
	assert_int_equal(d, 0);
}

static void test_leap_days(void **state)
{
	date_t out = 12345;

	(void)state;
	assert_int_not_equal(date_from_ymd(2024, 2, 29), DATE_NONE);
	assert_int_equal(date_from_ymd(2023, 2, 29), DATE_NONE);
	assert_int_equal(date_from_ymd(1900, 2, 29), DATE_NONE); /* century, not leap */
	assert_int_not_equal(date_from_ymd(2000, 2, 29), DATE_NONE); /* 400th year, leap */
	assert_int_equal(date_from_ymd(2100, 2, 29), DATE_NONE);

	assert_int_equal(date_parse("2024-02-29", &out), 0);
	assert_int_equal(out, D_2024_01_01 + 59);
	assert_int_equal(date_parse("2000-02-29", &out), 0);
	assert_int_equal(out, D_2000_01_01 + 59);
	assert_int_equal(date_parse("2023-02-29", &out), -1);
	assert_int_equal(date_parse("1900-02-29", &out), -1);
	assert_int_equal(out, D_2000_01_01 + 59); /* untouched by a refusal */
}

static void test_from_ymd_refuses(void **state)
{
	(void)state;
	assert_int_equal(date_from_ymd(1899, 12, 31), DATE_NONE);
	assert_int_equal(date_from_ymd(10000, 1, 1), DATE_NONE);
	assert_int_equal(date_from_ymd(2024, 0, 1), DATE_NONE);
	assert_int_equal(date_from_ymd(2024, 13, 1), DATE_NONE);
	assert_int_equal(date_from_ymd(2024, 1, 0), DATE_NONE);
	assert_int_equal(date_from_ymd(2024, 1, 32), DATE_NONE);
	assert_int_equal(date_from_ymd(2024, 4, 31), DATE_NONE);
	assert_int_equal(date_from_ymd(2024, 6, 31), DATE_NONE);
	assert_int_equal(date_from_ymd(2024, -1, 1), DATE_NONE);
	assert_int_not_equal(date_from_ymd(2024, 4, 30), DATE_NONE);
}

/*
 * Walk every day from 1900-01-01 to 9999-12-31: each day number must be the
 * previous one plus one and name the calendar successor of the previous
 * date, years must have 365 or 366 days by the Gregorian rule, and
 * ymd and text must both round-trip.
 */
static void test_round_trip_all_days(void **state)
{
	int py = 1899, pm = 12, pd = 31, year_days = 0;
	char buf[DATE_TEXT_SIZE];

	(void)state;
	for (date_t day = D_1900_01_01; day <= D_9999_12_31; day++) {
		int y, m, d;
		date_t back;

		date_to_ymd(day, &y, &m, &d);
		if (y == py && m == pm) {
			assert_int_equal(d, pd + 1);
		} else if (y == py) {
			assert_int_equal(m, pm + 1);
			assert_int_equal(d, 1);
		} else {
			bool leap = (py % 4 == 0 && py % 100 != 0) || py % 400 == 0;

			assert_int_equal(y, py + 1);
			assert_int_equal(m, 1);
			assert_int_equal(d, 1);
			assert_int_equal(pm, 12);
			assert_int_equal(pd, 31);
			if (py >= 1900)
				assert_int_equal(year_days, leap ? 366 : 365);
			year_days = 0;
		}
		year_days++;
		assert_int_equal(date_from_ymd(y, m, d), day);
		date_format(day, buf);
		assert_int_equal(strlen(buf), 10);
		assert_int_equal(date_parse(buf, &back), 0);
		assert_int_equal(back, day);
		py = y, pm = m, pd = d;
	}
	assert_int_equal(py, 9999);
	assert_int_equal(year_days, 365);
}

static void test_parse_refuses_malformed(void **state)
{
	static const char *bad[] = {
		"2024-7-01", "2024-07-01x", "", "2024-07-1", "2024/07/01",
		" 2024-07-01", "2024-07-01 ", "2024-07-1 ", "+024-07-01",
		"2024-0a-01", "20240701", "2024-13-01", "2024-00-10",
		"2024-04-31", "1899-12-31", "24-07-2024", "01/07/2024",
		"2024-07-00", "2024--7-01",
	};
	date_t out = 777;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(date_parse(bad[i], &out), -1);
		assert_int_equal(out, 777);
	}
	assert_int_equal(date_parse(NULL, &out), -1);
	assert_int_equal(out, 777);
}

static void test_parse_good(void **state)
{
	date_t out = 0;

	(void)state;
	assert_int_equal(date_parse("1970-01-01", &out), 0);
	assert_int_equal(out, 0);
	assert_int_equal(date_parse("1900-01-01", &out), 0);
	assert_int_equal(out, D_1900_01_01);
	assert_int_equal(date_parse("9999-12-31", &out), 0);
	assert_int_equal(out, D_9999_12_31);
	/* 2024-07-01: 2024 Jan..Jun = 31+29+31+30+31+30 = 182 days. */
	assert_int_equal(date_parse("2024-07-01", &out), 0);
	assert_int_equal(out, D_2024_01_01 + 182);
}

/* As people write dates: ISO, or day first with one separator throughout. */
static void test_parse_vn(void **state)
{
	static const struct { const char *s; int y, m, d; } good[] = {
		{ "2024-02-29", 2024, 2, 29 }, { "29/02/2024", 2024, 2, 29 },
		{ "5/3/2024", 2024, 3, 5 },    { "05-03-2024", 2024, 3, 5 },
		{ "05.3.2024", 2024, 3, 5 },   { "31/12/9999", 9999, 12, 31 },
		{ "1/1/1900", 1900, 1, 1 },
	};
	static const char *bad[] = {
		"30/02/2024", "2024-2-5", "05/03/24", "", "2024-02-29x", "5/3/2024 ",
		" 5/3/2024", "+5/3/2024", "5/ 3/2024", "5/3/+024", "05/03-2024", "05.03/2024",
		"005/03/2024", "05/003/2024", "05/03/02024", "5//2024", "/3/2024", "5/3/",
		"5", "5/", "5/3", "31/12/1899", "00/01/2024", "01/13/2024", "5,3,2024",
		"5 3 2024", "2024/03/05",
	};
	date_t out;

	(void)state;
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		out = DATE_NONE;
		assert_int_equal(date_parse_vn(good[i].s, &out), 0);
		assert_int_equal(out, date_from_ymd(good[i].y, good[i].m, good[i].d));
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		out = 777;
		if (date_parse_vn(bad[i], &out) != -1)
			fail_msg("\"%s\" was taken for a date", bad[i]);
		assert_int_equal(out, 777);
	}
	assert_int_equal(date_parse_vn(NULL, &out), -1);
}

static void test_formats(void **state)
{
	char buf[DATE_TEXT_SIZE];

	(void)state;
	date_format(D_2024_01_01 + 59, buf);
	assert_string_equal(buf, "2024-02-29");
	date_format_vn(D_2024_01_01 + 59, buf);
	assert_string_equal(buf, "29/02/2024");
	date_format(D_1900_01_01, buf);
	assert_string_equal(buf, "1900-01-01");
	date_format_vn(D_2024_01_01 + 182, buf);
	assert_string_equal(buf, "01/07/2024");
	date_format(D_9999_12_31, buf);
	assert_string_equal(buf, "9999-12-31");
	memcpy(buf, "xxxxxxxxxx", DATE_TEXT_SIZE);
	date_format(DATE_NONE, buf);
	assert_string_equal(buf, "");
	memcpy(buf, "xxxxxxxxxx", DATE_TEXT_SIZE);
	date_format_vn(DATE_NONE, buf);
	assert_string_equal(buf, "");
}

static void test_year_and_quarter(void **state)
{
	static const struct { int m, d, q; } cases[] = {
		{ 1, 1, 1 }, { 3, 31, 1 }, { 4, 1, 2 }, { 6, 30, 2 },
		{ 7, 1, 3 }, { 9, 30, 3 }, { 10, 1, 4 }, { 12, 31, 4 },
		{ 2, 29, 1 }, { 5, 15, 2 }, { 8, 31, 3 }, { 11, 30, 4 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		date_t day = date_from_ymd(2024, cases[i].m, cases[i].d);

		assert_int_equal(date_quarter(day), cases[i].q);
		assert_int_equal(date_year(day), 2024);
	}
	assert_int_equal(date_year(D_1900_01_01), 1900);
	assert_int_equal(date_year(D_2000_01_01 - 1), 1999);
	assert_int_equal(date_year(DATE_NONE), 0);
	assert_int_equal(date_quarter(DATE_NONE), 0);
}

static void test_quarter_bounds(void **state)
{
	(void)state;
	assert_int_equal(date_quarter_first(2024, 1), D_2024_01_01);
	/* Q1 2024 = 31 + 29 + 31 = 91 days. */
	assert_int_equal(date_quarter_last(2024, 1), D_2024_01_01 + 90);
	assert_int_equal(date_quarter_first(2024, 2), D_2024_01_01 + 91);
	assert_int_equal(date_quarter_last(2024, 2), D_2024_01_01 + 181);
	assert_int_equal(date_quarter_first(2024, 3), D_2024_01_01 + 182);
	/* Q3 = 31 + 31 + 30 = 92 days. */
	assert_int_equal(date_quarter_last(2024, 3), D_2024_01_01 + 273);
	assert_int_equal(date_quarter_first(2024, 4), D_2024_01_01 + 274);
	assert_int_equal(date_quarter_last(2024, 4), D_2024_01_01 + 365);
	/* Q1 of a common year is one day shorter. */
	assert_int_equal(date_quarter_last(2023, 1) - date_quarter_first(2023, 1), 89);
	for (int y = 1900; y <= 2100; y++) {
		for (int q = 1; q <= 3; q++)
			assert_int_equal(date_quarter_last(y, q) + 1, date_quarter_first(y, q + 1));
		if (y < 2100)
			assert_int_equal(date_quarter_last(y, 4) + 1, date_quarter_first(y + 1, 1));
	}
	assert_int_equal(date_quarter_first(2024, 0), DATE_NONE);
	assert_int_equal(date_quarter_first(2024, 5), DATE_NONE);
	assert_int_equal(date_quarter_last(2024, 0), DATE_NONE);
	assert_int_equal(date_quarter_last(2024, 5), DATE_NONE);
	assert_int_equal(date_quarter_last(1899, 4), DATE_NONE);
}

static void set_tz(const char *tz)
{
	if (tz)
		setenv("TZ", tz, 1);
	else
		unsetenv("TZ");
	tzset();
}

static void test_date_of_time(void **state)
{
	const char *old = getenv("TZ");
	char *saved = old ? strdup(old) : NULL;

	(void)state;
	set_tz("UTC0");
	assert_int_equal(date_of_time(0), 0);
	assert_int_equal(date_of_time(86399), 0);
	assert_int_equal(date_of_time(86400), 1);
	assert_int_equal(date_of_time(-1), -1);
	assert_int_equal(date_of_time((time_t)(D_2024_01_01 + 59) * 86400), D_2024_01_01 + 59);
	/* Vietnam is UTC+7: 17:00 UTC is already midnight of the next day. */
	set_tz("ICT-7");
	assert_int_equal(date_of_time(17 * 3600 - 1), 0);
	assert_int_equal(date_of_time(17 * 3600), 1);
	assert_int_equal(date_of_time(-7 * 3600), 0);
	set_tz(saved);
	free(saved);
}

static void test_today(void **state)
{
	date_t before, today, after;

	(void)state;
	before = date_of_time(time(NULL));
	today = date_today();
	after = date_of_time(time(NULL));
	assert_true(today == before || today == after);
	/* The machine's clock is somewhere in this century. */
	assert_true(today > date_from_ymd(2020, 1, 1));
	assert_true(today < date_from_ymd(2100, 1, 1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known_day_numbers),
		cmocka_unit_test(test_to_ymd),
		cmocka_unit_test(test_leap_days),
		cmocka_unit_test(test_from_ymd_refuses),
		cmocka_unit_test(test_round_trip_all_days),
		cmocka_unit_test(test_parse_refuses_malformed),
		cmocka_unit_test(test_parse_good),
		cmocka_unit_test(test_parse_vn),
		cmocka_unit_test(test_formats),
		cmocka_unit_test(test_year_and_quarter),
		cmocka_unit_test(test_quarter_bounds),
		cmocka_unit_test(test_date_of_time),
		cmocka_unit_test(test_today),
	};

	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
