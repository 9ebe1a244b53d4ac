/* test_identity.c - who is acting, and when DIENHINH_USER may say so. */
#include <pwd.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "identity.h"
#include "self.h"

/* The real user id's account, looked up here independently. */
static const char *account(void)
{
	struct passwd *pw = getpwuid(getuid());

	assert_non_null(pw);
	return pw->pw_name;
}

static int clear_env(void **state)
{
	(void)state;
	unsetenv("DIENHINH_USER");
	return 0;
}

static void test_not_privileged_in_tests(void **state)
{
	(void)state;
	assert_int_equal(getuid(), geteuid());
	assert_int_equal(getgid(), getegid());
	assert_false(self_privileged());
}

static void test_override_honoured(void **state)
{
	char user[USER_MAX + 1] = "";
	struct err e = { 0 };

	(void)state;
	setenv("DIENHINH_USER", "tranthib", 1);
	assert_int_equal(identity_user(user, &e), 0);
	assert_string_equal(user, "tranthib");
	/* exactly USER_MAX characters still fits */
	setenv("DIENHINH_USER", "abcdefghijklmnopqrstuvwxyz012345", 1);
	assert_int_equal(identity_user(user, &e), 0);
	assert_string_equal(user, "abcdefghijklmnopqrstuvwxyz012345");
}

static void test_override_too_long(void **state)
{
	char user[USER_MAX + 1] = "";
	struct err e = { 0 };

	(void)state;
	setenv("DIENHINH_USER", "abcdefghijklmnopqrstuvwxyz0123456", 1);
	assert_int_equal(identity_user(user, &e), -1);
	assert_int_equal(e.code, ERR_USAGE);
	assert_non_null(strstr(e.msg, "DIENHINH_USER"));
}

static void test_without_override_the_account(void **state)
{
	char user[USER_MAX + 1] = "";
	struct err e = { 0 };

	(void)state;
	unsetenv("DIENHINH_USER");
	assert_int_equal(identity_user(user, &e), 0);
	assert_string_equal(user, account());
	setenv("DIENHINH_USER", "", 1);
	memset(user, 0, sizeof user);
	assert_int_equal(identity_user(user, &e), 0);
	assert_string_equal(user, account());
}

static void test_drop_when_not_privileged(void **state)
{
	struct err e = { 0 };
	uid_t u = getuid();
	gid_t g = getgid();

	(void)state;
	assert_int_equal(identity_drop_privilege(&e), 0);
	assert_int_equal(getuid(), u);
	assert_int_equal(geteuid(), u);
	assert_int_equal(getgid(), g);
	assert_int_equal(getegid(), g);
}

/*
 * Only root can make this process look setgid (an effective group other
 * than the real one); the test is listed only when running as root.
 */
static void test_privileged_ignores_override(void **state)
{
	char user[USER_MAX + 1] = "";
	struct err e = { 0 };
	gid_t other = getgid() == 1 ? 2 : 1;

	(void)state;
	setenv("DIENHINH_USER", "tranthib", 1);
	assert_int_equal(setegid(other), 0);
	assert_true(self_privileged());
	assert_int_equal(identity_user(user, &e), 0);
	assert_string_equal(user, account());
	/* giving up the privilege makes the override count again */
	assert_int_equal(identity_drop_privilege(&e), 0);
	assert_int_equal(getegid(), getgid());
	assert_false(self_privileged());
	assert_int_equal(identity_user(user, &e), 0);
	assert_string_equal(user, "tranthib");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_not_privileged_in_tests, clear_env),
		cmocka_unit_test_teardown(test_override_honoured, clear_env),
		cmocka_unit_test_teardown(test_override_too_long, clear_env),
		cmocka_unit_test_teardown(test_without_override_the_account, clear_env),
		cmocka_unit_test_teardown(test_drop_when_not_privileged, clear_env),
		cmocka_unit_test_teardown(test_privileged_ignores_override, clear_env),
	};
	/* The last test needs root; elsewhere it is left out, not counted as passed. */
	size_t n = sizeof tests / sizeof tests[0] - (geteuid() == 0 ? 0 : 1);

	return _cmocka_run_group_tests("identity", tests, n, NULL, NULL);
}
