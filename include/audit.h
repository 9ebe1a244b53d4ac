/*
 * audit.h - the audit trail's record: who changed what, when, with every
 * changed field's value before and after.  Pure data and the diff that
 * produces it; the store keeps entries and the register writes one in the
 * same transaction as every change it makes.
 */
#ifndef DIENHINH_AUDIT_H
#define DIENHINH_AUDIT_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"

/* One changed field; NULL before/after means empty. */
struct audit_change {
	char *field;   /* model field code: "name", "status", "propagation"... */
	char *before;
	char *after;
};

/*
 * One audit entry.  `seq` is assigned by the store and only grows, so the
 * log's order is the order of commits.  `op` is a stable code ("add",
 * "edit", "accept", "return", "resubmit", "propose", "commend", "revoke",
 * "propagate", "import", "units"); `record` is the exemplar id or 0.
 */
struct audit_entry {
	uint64_t seq;
	int64_t time;                  /* seconds since the epoch */
	char user[USER_MAX + 1];
	char op[16];
	uint64_t record;
	char *note;                    /* reason, file name...; may be NULL */
	struct audit_change *changes;
	size_t n_changes;
};

void audit_entry_init(struct audit_entry *a);
void audit_entry_free(struct audit_entry *a);

/* Append one change (copies the strings); 0 or -1 when out of memory. */
int audit_add_change(struct audit_entry *a, const char *field,
		     const char *before, const char *after);

/*
 * Append a change for every field that differs between `before` (NULL for
 * a new record) and `after`, in the field table's order (fields.h), values
 * written as files hold them (codes for enums, YYYY-MM-DD for dates).  The
 * number, version and who-and-when fields are the program's and left out.
 * 0 or -1 when out of memory.
 */
int audit_diff_exemplars(struct audit_entry *a, const struct exemplar *before,
			 const struct exemplar *after);

/* Translated label of an op code ("add" -> "Thêm mới"...). */
const char *audit_op_label(const char *op);

#endif
