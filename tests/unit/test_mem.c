/* test_mem.c - behaviour of include/mem.h. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "mem.h"

/* Appending one at a time keeps every element and doubles the capacity from `first`. */
static void grows_by_doubling(void **state)
{
	uint64_t *v = NULL;
	size_t cap = 0, grew = 0;

	(void)state;
	for (size_t n = 0; n < 1000; n++) {
		size_t before = cap;

		assert_int_equal(mem_grow(&v, &cap, n + 1, sizeof *v, 16), 0);
		assert_true(cap >= n + 1);
		if (cap != before) {
			assert_int_equal(cap, before ? before * 2 : 16);
			grew++;
		}
		v[n] = n * 7;
	}
	for (size_t n = 0; n < 1000; n++)
		assert_int_equal(v[n], n * 7);
	assert_int_equal(cap, 1024);
	assert_int_equal(grew, 7); /* 16, 32, ..., 1024 */
	free(v);
}

/* Room already there: nothing moves. */
static void enough_room_changes_nothing(void **state)
{
	char *v = malloc(8), *before = v;
	size_t cap = 8;

	(void)state;
	assert_non_null(v);
	assert_int_equal(mem_grow(&v, &cap, 8, 1, 4), 0);
	assert_ptr_equal(v, before);
	assert_int_equal(cap, 8);
	free(v);
}

/* A need far beyond the first capacity is met in one call, by doubling. */
static void large_need_in_one_call(void **state)
{
	char *v = NULL;
	size_t cap = 0;

	(void)state;
	assert_int_equal(mem_grow(&v, &cap, 1000, 1, 256), 0);
	assert_int_equal(cap, 1024);
	memset(v, 'x', 1000);
	assert_int_equal(mem_grow(&v, &cap, 5000, 1, 256), 0);
	assert_int_equal(cap, 8192);
	assert_int_equal(v[999], 'x');
	free(v);
}

/* A size that would overflow is refused, and the array is left as it was. */
static void overflow_refused_array_kept(void **state)
{
	uint64_t *v = malloc(4 * sizeof *v), *before = v;
	size_t cap = 4;

	(void)state;
	assert_non_null(v);
	v[3] = 42;
	assert_int_equal(mem_grow(&v, &cap, SIZE_MAX / 4, sizeof *v, 4), -1);
	assert_int_equal(mem_grow(&v, &cap, SIZE_MAX, 1, 4), -1);
	assert_ptr_equal(v, before);
	assert_int_equal(cap, 4);
	assert_int_equal(v[3], 42);
	free(v);
}

/* A first capacity of 0 still grows. */
static void zero_first_still_grows(void **state)
{
	int *v = NULL;
	size_t cap = 0;

	(void)state;
	assert_int_equal(mem_grow(&v, &cap, 3, sizeof *v, 0), 0);
	assert_int_equal(cap, 4);
	v[2] = 1;
	free(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(grows_by_doubling),
		cmocka_unit_test(enough_room_changes_nothing),
		cmocka_unit_test(large_need_in_one_call),
		cmocka_unit_test(overflow_refused_array_kept),
		cmocka_unit_test(zero_first_still_grows),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
