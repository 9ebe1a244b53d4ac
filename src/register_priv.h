/*
 * register_priv.h - what the files of the register (register.c: opening,
 * adding and editing, backup; register_flow.c: the workflow steps and the
 * corrections) share.  It sits beside them in src/, not in include/: the
 * rest of the program sees the register through register.h alone.
 */
#ifndef DIENHINH_REGISTER_PRIV_H
#define DIENHINH_REGISTER_PRIV_H

#include "register.h"

/*
 * An open register: whose session it is and on which day.  The role is
 * resolved once at open; `cfg` is borrowed from the caller.
 */
struct reg {
	const struct config *cfg;
	struct store *store;
	char user[USER_MAX + 1];
	const struct role_entry *role; /* NULL never: open refuses accounts without one */
	date_t today;
};

/* Write the audit entry `op` for a change of `before` (NULL: none) into
 * `after`, with `note` (the person's reason; may be NULL). */
int register_audit(struct store_txn *t, const struct reg *r, const char *op,
		   const struct exemplar *before, const struct exemplar *after,
		   const char *note, struct err *e);

#endif
