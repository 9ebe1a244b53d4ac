/* test_ui_reports.c - the periods the Reports screen opens on, and its file names. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "ui/reports.h"

/* The plan 2021-2025 alone, and with a period 2028-2030 after a gap. */
static struct period plans[] = {
	{ .code = "p2021", .from = 2021, .to = 2025 },
	{ .code = "p2028", .from = 2028, .to = 2030 },
};
static const struct period_list one = { plans, 1 }, two = { plans, 2 };

static void check_in(const struct period_list *l, int y, int m, int d, int want_qy, int want_q,
		     int want_year)
{
	int qy = 0, q = 0, year = 0;

	ui_reports_default_period(date_from_ymd(y, m, d), l, &qy, &q, &year);
	assert_int_equal(qy, want_qy);
	assert_int_equal(q, want_q);
	assert_int_equal(year, want_year);
}

/* The periods for today y-m-d and the plan 2021-2025. */
static void check(int y, int m, int d, int want_qy, int want_q, int want_year)
{
	check_in(&one, y, m, d, want_qy, want_q, want_year);
}

static void test_last_quarter_over(void **state)
{
	(void)state;
	check(2025, 8, 8, 2025, 2, 2025);   /* in Q3: Q2 is the last one over */
	check(2024, 4, 1, 2024, 1, 2024);   /* Q2's first day: Q1 just ended */
	check(2024, 3, 31, 2023, 4, 2024);  /* Q1's last day: Q1 is not over yet */
	check(2025, 1, 15, 2024, 4, 2025);  /* January: the last quarter of last year */
	check(2023, 12, 31, 2023, 3, 2023);
}

static void test_within_plan_years(void **state)
{
	(void)state;
	check(2021, 2, 1, 2021, 1, 2021);   /* Q4 2020 is before the plan: its first quarter */
	check(2019, 6, 1, 2021, 1, 2021);   /* before the plan altogether */
	check(2026, 1, 10, 2025, 4, 2025);  /* Q4 2025 is in it; the year 2026 is not */
	check(2027, 7, 1, 2025, 4, 2025);   /* after the plan: its last quarter and year */
}

static void test_between_periods(void **state)
{
	(void)state;
	check_in(&two, 2027, 5, 1, 2025, 4, 2025);  /* in the gap: the period before */
	check_in(&two, 2028, 2, 1, 2025, 4, 2028);  /* Q4 2027 is in the gap; 2028 is not */
	check_in(&two, 2028, 8, 8, 2028, 2, 2028);
	check_in(&two, 2032, 1, 1, 2030, 4, 2030);  /* after the last: its last quarter */
	check_in(&two, 2020, 6, 1, 2021, 1, 2021);  /* before the first: its first quarter */
}

static void test_file_names(void **state)
{
	char b[64];

	(void)state;
	ui_reports_file_name(UI_REPORT_QUARTER, 2024, 3, 2021, 2025, b, sizeof b);
	assert_string_equal(b, "bao-cao-quy-3-2024");
	ui_reports_file_name(UI_REPORT_YEAR, 2023, 3, 2021, 2025, b, sizeof b);
	assert_string_equal(b, "bao-cao-nam-2023");
	ui_reports_file_name(UI_REPORT_PLAN, 2023, 1, 2021, 2025, b, sizeof b);
	assert_string_equal(b, "bao-cao-ke-hoach-2021-2025");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_last_quarter_over),
		cmocka_unit_test(test_within_plan_years),
		cmocka_unit_test(test_between_periods),
		cmocka_unit_test(test_file_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
