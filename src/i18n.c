/* i18n.c - see i18n.h. */
#include "i18n.h"

#include <errno.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "paths.h"
#include "self.h"

static char language[8] = "vi";

/* The catalogue directory: beside the program (build tree or install), else LOCALEDIR. */
static void locale_dir(char *out, size_t n)
{
	/* build/asan/dienhinh shares build/locale */
	static const char *const beside[] = { "locale", "../share/locale", "../locale" };

	for (size_t i = 0; i < sizeof beside / sizeof beside[0]; i++)
		if (self_beside(beside[i], out, n))
			return;
	snprintf(out, n, "%s", DIENHINH_LOCALEDIR);
}

/*
 * The costly part of the set-up (the locale's files, the catalogue's
 * binding) waits for the first message: a command whose answer is all
 * data (a TSV listing, a quota table for a script) never looks a message
 * up, and without a locale archive setting LC_CTYPE alone reads three
 * files.
 */
static bool settled, switched;

/* The locale the account asks for LC_CTYPE, as setlocale(LC_CTYPE, "") takes it. */
static const char *ctype_name(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_CTYPE", "LANG" };

	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return v;
	}
	return "";
}

/* Whether a locale name says its codeset is UTF-8 ("vi_VN.UTF-8", "C.utf8"). */
static bool names_utf8(const char *name)
{
	const char *cs = strchr(name, '.');
	size_t n;

	if (!cs++)
		return false;
	n = strcspn(cs, "@");
	return (n == 5 && strncasecmp(cs, "UTF-8", 5) == 0) ||
	       (n == 4 && strncasecmp(cs, "utf8", 4) == 0);
}

static void settle(void)
{
	char dir[PATH_MAX + 32];
	const char *msgs;

	/* Only the two categories the program uses: each one set costs a file
	 * to open when there is no locale archive. */
	setlocale(LC_CTYPE, "");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0) {
		/* Vietnamese needs UTF-8 whatever the account's locale says. */
		setlocale(LC_CTYPE, "C.UTF-8");
		switched = true;
	}
	setlocale(LC_MESSAGES, "");
	/* GNU gettext ignores LANGUAGE in the "C" locale, which would leave an
	 * account without a locale in English whatever the config says. */
	msgs = setlocale(LC_MESSAGES, NULL);
	if (!msgs || strcmp(msgs, "C") == 0 || strcmp(msgs, "POSIX") == 0)
		setlocale(LC_MESSAGES, "C.UTF-8");
	locale_dir(dir, sizeof dir);
	bindtextdomain(I18N_DOMAIN, dir);
	bind_textdomain_codeset(I18N_DOMAIN, "UTF-8");
	textdomain(I18N_DOMAIN);
	settled = true;
}

void i18n_ready(void)
{
	if (!settled)
		settle();
}

bool i18n_init_locale(void)
{
	/* A name that says UTF-8 needs no check now; any other is checked at
	 * once, so that the person is told before anything else. */
	if (names_utf8(ctype_name()))
		return false;
	i18n_ready();
	return switched;
}

/*
 * errno is kept: a message is often looked up beside strerror(errno) in
 * the same call, in either order, and the set-up opens files.  (gettext
 * itself keeps errno.)
 */
static void ready_keeping_errno(void)
{
	int saved = errno;

	i18n_ready();
	errno = saved;
}

char *i18n_text(const char *msgid)
{
	ready_keeping_errno();
	return gettext(msgid);
}

char *i18n_ntext(const char *msgid, const char *plural, unsigned long n)
{
	ready_keeping_errno();
	return ngettext(msgid, plural, n);
}

const char *i18n_strerror(int errnum)
{
	ready_keeping_errno();
	return strerror(errnum);
}

void i18n_set_language(const char *lang)
{
	snprintf(language, sizeof language, "%s", lang && *lang ? lang : "vi");
	/* LANGUAGE outranks LC_MESSAGES in GNU gettext and works even in the
	 * C.UTF-8 locale, so the config's choice wins over the account's. */
	setenv("LANGUAGE", language, 1);
	if (settled)
		textdomain(I18N_DOMAIN); /* makes gettext forget earlier lookups */
}

const char *i18n_language(void)
{
	return language;
}
