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
#define _(s) gettext(s)
#define N_(s) (s)

/*
 * Set up the locale for a UTF-8 program: LC_CTYPE and LC_MESSAGES from the
 * environment (the program uses no other category), and if the codeset is
 * not UTF-8, switch LC_CTYPE to C.UTF-8.  Returns true when it had to
 * switch (the caller tells the person once).
 */
bool i18n_init_locale(void);

/*
 * Choose the language of messages ("vi" or "en"; NULL or "" means "vi")
 * and bind the catalogue.  Catalogues are looked for beside the executable
 * (build tree: <dir>/locale, installed: <dir>/../share/locale), then in the
 * compiled-in LOCALEDIR, which alone is used when the program runs
 * privileged (identity_beside_program).  Must be called before the first
 * gettext().
 */
void i18n_set_language(const char *lang);

/* The language chosen by i18n_set_language ("vi" or "en"). */
const char *i18n_language(void);

#endif
