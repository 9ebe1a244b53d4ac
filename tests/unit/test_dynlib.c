/* test_dynlib.c - a library opened when first needed, and the messages when it cannot be. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "dynlib.h"

/* libc is there on every machine the tests run on. */
#define LIBC "libc.so.6"

static void test_functions_filled(void **state)
{
	size_t (*len)(const char *) = NULL;
	const struct dynlib_fn fns[] = { { "strlen", (void **)&len } };
	const struct dynlib_fn none[] = { { "no_such_function_here", (void **)&len } };
	void *h = NULL;
	struct err e = { 0 };

	(void)state;
	assert_int_equal(dynlib_open(LIBC, "libc6", "Cannot test", fns, 1, &h, &e), 0);
	assert_non_null(h);
	assert_non_null(len);
	assert_int_equal(len("Hồng"), 6);
	/* once open, later calls look nothing up again */
	assert_int_equal(dynlib_open(LIBC, "libc6", "Cannot test", none, 1, &h, &e), 0);
	assert_int_equal(len("abc"), 3);
}

static void test_missing_library_named(void **state)
{
	void *f = NULL;
	const struct dynlib_fn fns[] = { { "strlen", &f } };
	void *h = NULL;
	struct err e = { 0 };

	(void)state;
	assert_int_equal(dynlib_open("libdienhinh-absent.so.9", "dienhinh-absent9", "Cannot test",
				     fns, 1, &h, &e), -1);
	assert_int_equal(e.code, ERR_IO);
	assert_null(h);
	assert_null(f);
	assert_string_equal(e.msg, "Cannot test: the library libdienhinh-absent.so.9 is missing. "
			    "Ask the administrator to install the Debian package dienhinh-absent9.");
}

static void test_missing_function_named(void **state)
{
	void *a = NULL, *b = NULL;
	const struct dynlib_fn fns[] = { { "strlen", &a }, { "no_such_function_here", &b } };
	void *h = NULL;
	struct err e = { 0 };

	(void)state;
	assert_int_equal(dynlib_open(LIBC, "libc6", "Cannot test", fns, 2, &h, &e), -1);
	assert_int_equal(e.code, ERR_IO);
	assert_null(h); /* nothing kept: the next call tries again */
	assert_null(b);
	assert_string_equal(e.msg, "Cannot test: libc.so.6 lacks no_such_function_here. Ask the "
			    "administrator to install the program again.");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_functions_filled),
		cmocka_unit_test(test_missing_library_named),
		cmocka_unit_test(test_missing_function_named),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
