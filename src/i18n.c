/* i18n.c - see i18n.h. */
#include "i18n.h"

#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "identity.h"
#include "paths.h"

static char language[8] = "vi";

bool i18n_init_locale(void)
{
	const char *msgs;

	/* Only the two categories the program uses: each one set costs a file
	 * to open at every start when there is no locale archive. */
	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
	/* GNU gettext ignores LANGUAGE in the "C" locale, which would leave an
	 * account without a locale in English whatever the config says. */
	msgs = setlocale(LC_MESSAGES, NULL);
	if (!msgs || strcmp(msgs, "C") == 0 || strcmp(msgs, "POSIX") == 0)
		setlocale(LC_MESSAGES, "C.UTF-8");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return false;
	/* Vietnamese needs UTF-8 whatever the account's locale says. */
	setlocale(LC_CTYPE, "C.UTF-8");
	return true;
}

/* The catalogue directory: beside the program (build tree or install), else LOCALEDIR. */
static void locale_dir(char *out, size_t n)
{
	/* build/asan/dienhinh shares build/locale */
	static const char *const beside[] = { "locale", "../share/locale", "../locale" };

	for (size_t i = 0; i < sizeof beside / sizeof beside[0]; i++)
		if (identity_beside_program(beside[i], out, n))
			return;
	snprintf(out, n, "%s", DIENHINH_LOCALEDIR);
}

void i18n_set_language(const char *lang)
{
	static bool bound;
	char dir[PATH_MAX + 32];

	snprintf(language, sizeof language, "%s", lang && *lang ? lang : "vi");
	/* LANGUAGE outranks LC_MESSAGES in GNU gettext and works even in the
	 * C.UTF-8 locale, so the config's choice wins over the account's. */
	setenv("LANGUAGE", language, 1);
	if (!bound) {
		locale_dir(dir, sizeof dir);
		bindtextdomain(I18N_DOMAIN, dir);
		bind_textdomain_codeset(I18N_DOMAIN, "UTF-8");
		bound = true;
	}
	textdomain(I18N_DOMAIN); /* also makes gettext forget earlier lookups */
}

const char *i18n_language(void)
{
	return language;
}
