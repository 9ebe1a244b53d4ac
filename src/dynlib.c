/* dynlib.c - see dynlib.h. */
#include "dynlib.h"

#include <dlfcn.h>

#include "i18n.h"

int dynlib_open(const char *soname, const char *package, const char *what,
		const struct dynlib_fn *fns, size_t n, void **handle, struct err *e)
{
	void *h;

	if (*handle)
		return 0;
	if (!(h = dlopen(soname, RTLD_NOW | RTLD_LOCAL)))
		return err_set(e, ERR_IO, _("%s: the library %s is missing. Ask the administrator "
					    "to install the Debian package %s."),
			       what, soname, package);
	for (size_t i = 0; i < n; i++)
		if (!(*fns[i].at = dlsym(h, fns[i].name))) {
			dlclose(h);
			return err_set(e, ERR_IO, _("%s: %s lacks %s. Ask the administrator to "
						    "install the program again."),
				       what, soname, fns[i].name);
		}
	*handle = h;
	return 0;
}
