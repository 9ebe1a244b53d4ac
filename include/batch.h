/*
 * batch.h - many records at once (imports, demo data): each batch is one
 * write transaction, all or nothing, checked record by record with the
 * same rules as a single add, every refused record reported, and one
 * audit entry for the batch.  Part of the register layer: the rules it
 * applies come from the register and the model.
 */
#ifndef DIENHINH_BATCH_H
#define DIENHINH_BATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "model.h"
#include "register.h"

/* One refused record of a batch: its index in the array and why. */
struct batch_problem {
	size_t index;
	struct err err;
};

/*
 * Add `n` exemplars in one transaction, all or nothing (office only).
 * Records keep what they carry (status, commendation, propagations,
 * stamps: an import of exported data restores it as it was); missing
 * status, version and stamps get the defaults of an ordinary add.  An id
 * is kept when no record has it (stored, or given to an earlier record of
 * the batch), else a new one is given, in the records' order.  Every
 * record is cleaned and checked like an ordinary add, duplicates included:
 * of two same records within the batch, the one with the larger id is
 * refused (the later one, unless it keeps an id below the earlier one's).
 * If any record is refused, nothing is written and
 * *problems lists them all (free()); with `dry_run` nothing is written
 * either way.  One audit entry, noting `source`, covers the batch.
 */
int batch_add(struct reg *r, struct exemplar *xs, size_t n, const char *source, bool dry_run,
	      struct batch_problem **problems, size_t *n_problems, struct err *e);

/*
 * Add or change units known only to the database (office only), all or
 * nothing, with one audit entry ("units", noting `source`) listing every
 * unit added or changed, before and after.  A unit that the config defines
 * must be exactly as the config says (that is where it changes); a unit
 * stored with the same fields is left alone.  Each is checked: code, name
 * (cleaned to NFC), kind, quota 0-99, block in the config, active_from not
 * after active_to, successor another unit stored or in the batch, code
 * not twice.  Problems, dry_run and the return value as for
 * batch_add (err.field names the unit field: "code", "name"...);
 * *changed receives how many units are (or would be) added or changed.
 */
int batch_import_units(struct reg *r, struct unit *us, size_t n, const char *source,
		       bool dry_run, struct batch_problem **problems, size_t *n_problems,
		       size_t *changed, struct err *e);

#endif
