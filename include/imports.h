/*
 * imports.h - several files imported in one go, as if imported one after
 * another: each all or nothing in its own transaction, in the order given.
 * While the register writes one file, the next is read and prepared on a
 * thread of its own (exchange_read()), so that a large import keeps both
 * of a small server's cores busy instead of one.
 */
#ifndef DIENHINH_IMPORTS_H
#define DIENHINH_IMPORTS_H

#include <stddef.h>

#include "err.h"
#include "exchange.h"
#include "register.h"

/* Told how file i went, once it is done: rc, res and e as exchange_import()
 * gives them (res is freed after the call). */
typedef void imports_done_fn(void *arg, size_t i, int rc, const struct exchange_result *res,
			     const struct err *e);

/*
 * Import paths[0..n), `flags` (EXCHANGE_*) for each, telling `done` after
 * each file.  A file that is refused stops the import there: the files
 * before it stay imported and those after it are not read.  A dry run
 * goes on to check every file (each against the register as it is, since
 * none is written), unless memory runs out.  0 when every file went in
 * (or passed the check); -1 when one did not (e says why, as `done` was
 * told) or the register's units could not be read (`done` not called).
 */
int imports_run(struct reg *r, enum exchange_what what, const char *const *paths, size_t n,
		unsigned flags, imports_done_fn *done, void *arg, struct err *e);

#endif
