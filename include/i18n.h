/*
 * i18n.h - translations and the locale.
 *
 * Source strings are English; the Vietnamese catalogue (src/po/vi.po) is
 * complete and Vietnamese is the default language.  Every string a person
 * reads is wrapped in _() (or N_() where it must stay a constant and is
 * translated where it is shown).
 */
#ifndef DIENHINH_I18N_H
#define DIENHINH_I18N_H

#include <libintl.h>
#include <stdbool.h>

#include "err.h"

#define I18N_DOMAIN "dienhinh"
#define _(s) i18n_text(s)
#define N_(s) (s)

/*
 * The locale and the catalogue are set up when the first message is looked
 * up (i18n_text, i18n_ntext, i18n_strerror), or by i18n_ready(): a command
 * that answers in data alone never pays for them.  Use these, never
 * gettext() or strerror() directly, so that every message is looked up
 * after the set-up; i18n_ready() before anything else that depends on the
 * locale (the screens' terminal).
 */
char *i18n_text(const char *msgid) __attribute__((format_arg(1)));
char *i18n_ntext(const char *msgid, const char *plural, unsigned long n)
	__attribute__((format_arg(1), format_arg(2)));
const char *i18n_strerror(int errnum);
void i18n_ready(void);

/*
 * Check the account's locale for a UTF-8 program: LC_CTYPE and LC_MESSAGES
 * (the program uses no other category) come from the environment, and if
 * the codeset is not UTF-8, LC_CTYPE is switched to C.UTF-8.  A locale
 * name that says UTF-8 ("vi_VN.UTF-8") is trusted and the set-up left for
 * the first message; any other is set up now.  Returns true when it had to
 * switch (the caller tells the person once).
 */
bool i18n_init_locale(void);

/*
 * Choose the language of messages ("vi" or "en"; NULL or "" means "vi").
 * The catalogue is looked for beside the executable (build tree:
 * <dir>/locale, installed: <dir>/../share/locale), then in the
 * compiled-in LOCALEDIR, which alone is used when the program runs
 * privileged (self_beside).
 */
void i18n_set_language(const char *lang);

/* The language chosen by i18n_set_language ("vi" or "en"). */
const char *i18n_language(void);

#endif
