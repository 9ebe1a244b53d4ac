/*
 * dynlib.h - a library opened the first time it is needed.
 *
 * A few libraries serve one rarely used feature: libxlsxwriter (which
 * brings minizip, zlib and libcrypto) writes workbooks, libcsv reads
 * imports.  Loading them when the program starts would cost every command
 * and every session; so their modules call them through a table of
 * pointers, typed from the library's own header, that dynlib_open() fills.
 */
#ifndef DIENHINH_DYNLIB_H
#define DIENHINH_DYNLIB_H

#include <stddef.h>

#include "err.h"

/* One function to look up: its name, and the function pointer to fill
 * (POSIX allows dlsym's data pointer to be stored as a function pointer). */
struct dynlib_fn {
	const char *name;
	void **at;
};

/*
 * Open the library `soname` and fill every fns[i].at, once: after the
 * first success *handle is set and later calls return at once.  0, or -1
 * with e starting with `what` (the feature, translated: "Cannot read CSV
 * files") and naming the missing library and its Debian `package`, or the
 * function the library lacks; nothing is kept open then, and the pointers
 * filled so far are not to be used.
 */
int dynlib_open(const char *soname, const char *package, const char *what,
		const struct dynlib_fn *fns, size_t n, void **handle, struct err *e);

#endif
