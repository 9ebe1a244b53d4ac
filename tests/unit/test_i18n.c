/* test_i18n.c - the locale and the catalogue, set up when the first message
 * is looked up.  Each case runs in a child process of its own: the set-up
 * happens once in a process. */
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "i18n.h"

/* Run `child` in a process of its own with LC_ALL=lc_all (LANG and LC_CTYPE
 * unset); what it returns is the exit status seen here. */
static int in_child(const char *lc_all, int (*child)(void))
{
	pid_t pid = fork();
	int st;

	assert_true(pid >= 0);
	if (pid == 0) {
		unsetenv("LANG");
		unsetenv("LC_CTYPE");
		unsetenv("LANGUAGE");
		setenv("LC_ALL", lc_all, 1);
		_exit(child());
	}
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	return WEXITSTATUS(st);
}

static bool category_is(int category, const char *name)
{
	const char *now = setlocale(category, NULL);
	return now && strcmp(now, name) == 0;
}

/* A name saying UTF-8: nothing is set up until the first message; then
 * LC_CTYPE is UTF-8, LC_MESSAGES the account's and the catalogue bound. */
static int lazy_until_first_message(void)
{
	if (i18n_init_locale())
		return 10; /* no switch for a UTF-8 name */
	i18n_set_language("vi");
	if (!category_is(LC_CTYPE, "C") || !category_is(LC_MESSAGES, "C"))
		return 11; /* set up already */
	(void)_("Units");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		return 12;
	if (category_is(LC_MESSAGES, "C"))
		return 13;
	return strcmp(textdomain(NULL), I18N_DOMAIN) == 0 ? 0 : 14;
}

static void test_set_up_at_the_first_message(void **state)
{
	(void)state;
	assert_int_equal(in_child("C.UTF-8", lazy_until_first_message), 0);
	assert_int_equal(in_child("C.utf8", lazy_until_first_message), 0);
}

/* A name that does not say UTF-8 is checked at once, and switched. */
static int switched_at_once(void)
{
	if (!i18n_init_locale())
		return 10;
	return category_is(LC_CTYPE, "C.UTF-8") ? 0 : 11;
}

static void test_other_names_checked_at_once(void **state)
{
	(void)state;
	assert_int_equal(in_child("C", switched_at_once), 0);
	assert_int_equal(in_child("POSIX", switched_at_once), 0);
}

/* The set-up opens files; errno, often read beside the message in the same
 * call, is what it was before. */
static int errno_kept(void)
{
	i18n_init_locale();
	i18n_set_language("vi");
	errno = EDOM; /* the set-up's failed opens would leave ENOENT */
	(void)_("Units");
	if (errno != EDOM)
		return 10;
	errno = EACCES;
	(void)i18n_strerror(ENOENT);
	return errno == EACCES ? 0 : 11;
}

static void test_errno_kept(void **state)
{
	(void)state;
	assert_int_equal(in_child("C.UTF-8", errno_kept), 0);
}

/* The language chosen before the first message is the one the catalogue
 * is asked for (LANGUAGE outranks the locale), and so is a later one. */
static int language_followed(void)
{
	const char *l;

	i18n_init_locale();
	i18n_set_language("en");
	if (!(l = getenv("LANGUAGE")) || strcmp(l, "en") != 0 || strcmp(_("Units"), "Units") != 0)
		return 10;
	i18n_set_language(NULL);
	if (!(l = getenv("LANGUAGE")) || strcmp(l, "vi") != 0)
		return 11;
	return strcmp(i18n_language(), "vi") == 0 ? 0 : 12;
}

static void test_language_followed(void **state)
{
	(void)state;
	assert_int_equal(in_child("C.UTF-8", language_followed), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_set_up_at_the_first_message),
		cmocka_unit_test(test_other_names_checked_at_once),
		cmocka_unit_test(test_errno_kept),
		cmocka_unit_test(test_language_followed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
