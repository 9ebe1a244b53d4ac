/* screens.c - see screens.h. */
#include "screens.h"

#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>

#include "i18n.h"
#include "identity.h"
#include "paths.h"
#include "ui.h"

/* Defined when the screens are linked into the program itself. */
#pragma weak ui_main

/* The same words for a missing file and a damaged one: either way the
 * installation is to be done again.  dlerror() names the file. */
static int cannot_open(struct err *e)
{
	return err_set(e, ERR_IO, _("The screens cannot be opened (%s). Ask the administrator "
				    "to install the program again."), dlerror());
}

int screens_run(struct reg *r, int *status, struct err *e)
{
	char path[PATH_MAX];
	int (*run)(struct reg *);
	void *so;

	i18n_ready(); /* the terminal needs the locale, and dlerror() may be translated */
	if (ui_main) {
		*status = ui_main(r);
		return 0;
	}
	if (!identity_beside_program(SCREENS_OBJECT, path, sizeof path))
		snprintf(path, sizeof path, "%s/%s", DIENHINH_PKGLIBDIR, SCREENS_OBJECT);
	/* Never closed: the screens run until the program ends. */
	if (!(so = dlopen(path, RTLD_NOW | RTLD_LOCAL)))
		return cannot_open(e);
	*(void **)&run = dlsym(so, "ui_main");
	if (!run)
		return cannot_open(e);
	*status = run(r);
	return 0;
}
