/* test_period.c - plan periods: which period holds a year, each unit's quota in it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "period.h"

/* A plan 2021-2025 without a name, nothing in 2026-2027, then 2028-2030
 * where Phường 1 owes 3 a quarter and the newcomer 2. */
static struct period_quota own[] = { { "phuong_1", 3 }, { "moi", 2 } };
static struct period plans[] = {
	{ .code = "plan", .from = 2021, .to = 2025 },
	{ .code = "p2028", .name = "Giai đoạn 2028–2030", .from = 2028, .to = 2030,
	  .quotas = own, .n_quotas = 2 },
};
static const struct period_list list = { plans, 2 };

static struct unit unit_with(const char *code, int quota, date_t from, date_t to)
{
	struct unit u;

	memset(&u, 0, sizeof u);
	strcpy(u.code, code);
	u.kind = KIND_WARD;
	u.quota = quota;
	u.active_from = from;
	u.active_to = to;
	return u;
}

static void test_period_of_year(void **state)
{
	(void)state;
	assert_null(period_of_year(&list, 2020));
	assert_ptr_equal(period_of_year(&list, 2021), &plans[0]);
	assert_ptr_equal(period_of_year(&list, 2025), &plans[0]);
	assert_null(period_of_year(&list, 2026));
	assert_null(period_of_year(&list, 2027));
	assert_ptr_equal(period_of_year(&list, 2028), &plans[1]);
	assert_ptr_equal(period_of_year(&list, 2030), &plans[1]);
	assert_null(period_of_year(&list, 2031));
	assert_ptr_equal(period_find(&list, "p2028"), &plans[1]);
	assert_null(period_find(&list, "p2026"));
}

static void test_before_and_after(void **state)
{
	(void)state;
	assert_null(period_before(&list, 2021));
	assert_ptr_equal(period_before(&list, 2026), &plans[0]);
	assert_ptr_equal(period_before(&list, 2028), &plans[0]);
	assert_ptr_equal(period_before(&list, 2031), &plans[1]);
	assert_ptr_equal(period_after(&list, 2020), &plans[0]);
	assert_ptr_equal(period_after(&list, 2026), &plans[1]);
	assert_null(period_after(&list, 2028));
	/* the current one, else the last */
	assert_ptr_equal(period_current_or_last(&list, date_from_ymd(2023, 5, 1)), &plans[0]);
	assert_ptr_equal(period_current_or_last(&list, date_from_ymd(2029, 5, 1)), &plans[1]);
	assert_ptr_equal(period_current_or_last(&list, date_from_ymd(2026, 12, 7)), &plans[1]);
	assert_ptr_equal(period_current_or_last(&list, date_from_ymd(2040, 1, 1)), &plans[1]);
}

static void test_required(void **state)
{
	struct unit always = unit_with("phuong_2", 2, DATE_NONE, DATE_NONE);
	struct unit armed = unit_with("congan", 1, DATE_NONE, DATE_NONE);
	struct unit none = unit_with("noivu", 0, DATE_NONE, DATE_NONE);
	struct unit ended = unit_with("phuong_2", 2, DATE_NONE, date_from_ymd(2025, 6, 30));
	struct unit started = unit_with("phuong_2", 2, date_from_ymd(2025, 7, 1), DATE_NONE);
	struct unit own3 = unit_with("phuong_1", 2, DATE_NONE, DATE_NONE);
	struct unit newcomer = unit_with("moi", 0, date_from_ymd(2028, 1, 1), DATE_NONE);

	(void)state;
	assert_int_equal(period_required(&plans[0], &always, 2021, 1), 2);
	assert_int_equal(period_required(&plans[0], &always, 2025, 4), 2);
	assert_int_equal(period_required(&plans[0], &armed, 2023, 2), 1);
	assert_int_equal(period_required(&plans[0], &none, 2023, 2), 0);
	/* a year the period does not hold, or no period at all */
	assert_int_equal(period_required(&plans[0], &always, 2020, 4), 0);
	assert_int_equal(period_required(&plans[0], &always, 2026, 1), 0);
	assert_int_equal(period_required(NULL, &always, 2026, 1), 0);
	/* a quarter the unit was not active in */
	assert_int_equal(period_required(&plans[0], &ended, 2025, 2), 2);
	assert_int_equal(period_required(&plans[0], &ended, 2025, 3), 0);
	assert_int_equal(period_required(&plans[0], &started, 2025, 2), 0);
	assert_int_equal(period_required(&plans[0], &started, 2025, 3), 2);
	/* quota.p2028: in that period only */
	assert_int_equal(period_required(&plans[0], &own3, 2025, 4), 2);
	assert_int_equal(period_required(&plans[1], &own3, 2028, 1), 3);
	assert_int_equal(period_unit_quota(&plans[1], &own3), 3);
	assert_int_equal(period_unit_quota(&plans[1], &always), 2);
	assert_int_equal(period_required(&plans[1], &newcomer, 2028, 1), 2);
	assert_int_equal(period_required(&plans[1], &newcomer, 2027, 4), 0);
}

static void test_listed(void **state)
{
	struct unit ended = unit_with("cu", 2, DATE_NONE, date_from_ymd(2025, 6, 30));
	struct unit merged = unit_with("moi", 2, date_from_ymd(2025, 7, 1), DATE_NONE);
	struct unit later = unit_with("sau", 2, date_from_ymd(2026, 3, 1), DATE_NONE);

	(void)state;
	/* active some day of the year's period, not only of the year */
	assert_true(period_unit_listed(&list, &ended, 2025));
	assert_true(period_unit_listed(&list, &merged, 2021));
	assert_false(period_unit_listed(&list, &ended, 2028));
	/* a unit begun after the first period is no part of it */
	assert_false(period_unit_listed(&list, &later, 2021));
	assert_false(period_unit_listed(&list, &later, 2025));
	/* outside every period: the year alone */
	assert_true(period_unit_listed(&list, &later, 2026));
	assert_false(period_unit_listed(&list, &ended, 2026));
	assert_true(period_unit_listed(&list, &later, 2030));
}

static void test_words(void **state)
{
	struct period_list last = { plans, 1 }, first = { plans + 1, 1 };
	char b[256];

	(void)state;
	period_name(&plans[0], b, sizeof b);
	assert_string_equal(b, "Plan 2021–2025");
	period_name(&plans[1], b, sizeof b);
	assert_string_equal(b, "Giai đoạn 2028–2030");
	period_outside_text(&list, 2023, b, sizeof b);
	assert_string_equal(b, "");
	period_outside_text(&last, 2026, b, sizeof b);
	assert_string_equal(b, "Plan 2021–2025 ended on 31/12/2025; no new period is declared "
			       "in the configuration file");
	period_outside_text(&list, 2027, b, sizeof b);
	assert_string_equal(b, "2027 is outside the plan periods: Plan 2021–2025 ended on "
			       "31/12/2025 and Giai đoạn 2028–2030 begins on 01/01/2028");
	period_outside_text(&first, 2025, b, sizeof b);
	assert_string_equal(b, "2025 is outside the plan periods: Giai đoạn 2028–2030 begins on "
			       "01/01/2028");
	period_outside_text(&list, 2031, b, sizeof b);
	assert_string_equal(b, "Giai đoạn 2028–2030 ended on 31/12/2030; no new period is "
			       "declared in the configuration file");
}

static void test_build(void **state)
{
	struct period_list l = { calloc(3, sizeof(struct period)), 3 };

	(void)state;
	assert_non_null(l.v);
	l.v[0] = (struct period){ .code = "c", .from = 2031, .to = 2035 };
	l.v[1] = (struct period){ .code = "a", .from = 2021, .to = 2025 };
	l.v[2] = (struct period){ .code = "b", .from = 2026, .to = 2030 };
	l.v[2].name = strdup("Giai đoạn 2026–2030");
	assert_int_equal(period_add_quota(&l.v[2], "phuong_1", 3), 0);
	assert_int_equal(period_add_quota(&l.v[2], "moi", 0), 0);
	period_list_sort(&l);
	assert_string_equal(l.v[0].code, "a");
	assert_string_equal(l.v[1].code, "b");
	assert_string_equal(l.v[2].code, "c");
	assert_int_equal(l.v[1].n_quotas, 2);
	assert_string_equal(l.v[1].quotas[1].unit, "moi");
	assert_int_equal(l.v[1].quotas[1].quota, 0);
	period_list_free(&l);
	assert_null(l.v);
	assert_int_equal(l.n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_period_of_year),
		cmocka_unit_test(test_before_and_after),
		cmocka_unit_test(test_required),
		cmocka_unit_test(test_listed),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_build),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
