/*
 * register.h - every operation a person can do on the register.
 *
 * The register is the one place where the rules live: it cleans and
 * validates input, checks the person's role against the record, moves
 * exemplars through the review workflow, and writes each change together
 * with its audit entry in one short write transaction.  The CLI and the
 * TUI call it and never write to the store themselves.
 *
 * Workflow (roles in brackets):
 *   add                     -> introduced          [office; staff of the unit]
 *   introduced -> accepted (achievements written)  [office]
 *   introduced -> returned (reason)                [office]
 *   returned   -> introduced (resubmit)            [office; staff of the unit]
 *   accepted   -> proposed (its date)              [office]
 *   proposed   -> commended (form, decision number, date, signer) [office]
 *   commended  -> revoked (reason)                 [office]
 *   propagation events on accepted, proposed and commended exemplars [office]
 *   editing the profile: office always; staff of the unit while introduced
 *   or returned.  Viewers read.  Everyone reads every unit's records.
 * Corrections, each with a reason that the audit entry keeps:
 *   accepted | returned | proposed | withdrawn -> introduced (reopen) [office]
 *   any -> withdrawn (counts toward nothing) [office; staff of the unit
 *          while introduced or returned]
 *   a commended exemplar's commendation details; a propagation entry removed
 *   [office]
 * Closed quarters (roles_check_quarter): unit staff add, edit, withdraw or
 * resubmit nothing dated in a quarter closed [dienhinh] late_days after
 * its end; what the office records there is a late entry (x->late).
 */
#ifndef DIENHINH_REGISTER_H
#define DIENHINH_REGISTER_H

#include <stdbool.h>
#include <stdint.h>

#include "audit.h"
#include "config.h"
#include "err.h"
#include "model.h"
#include "roles.h"
#include "store.h"
#include "units.h"

struct reg;

enum {
	REG_CREATE = 1 << 0,    /* create the database if missing (init) */
	REG_READ_ONLY = 1 << 1, /* the person only reads: no write (see register_open) */
};

/*
 * Open the register for `user` (a Unix account name) acting on `today`.
 * The database is cfg's unless `dbdir` is given.  Units are brought in line
 * with the config when it changed.  Refused (ERR_DENIED) when the config
 * gives the account no role.  `cfg` must outlive the register.  With
 * REG_READ_ONLY the database is opened for reading only, unless something
 * is due to be written first (an older schema, units the config changed):
 * then it is opened for writing.  Either way every read works; a write on
 * a read-only register is a program error.
 */
int register_open(const struct config *cfg, const char *dbdir, const char *user,
		  date_t today, unsigned flags, struct reg **out, struct err *e);
void register_close(struct reg *r);

const char *register_user(const struct reg *r);
enum role register_role(const struct reg *r);
date_t register_today(const struct reg *r);
const struct config *register_config(const struct reg *r);

/* Newest committed transaction id (changes when anyone saves anything). */
uint64_t register_last_change(struct reg *r);
/* Clear reader slots of dead sessions; returns how many. */
int register_housekeeping(struct reg *r);

/* May this person edit / act on this exemplar?  (For showing read-only screens;
 * the operations check again.)  On false, `why` (if not NULL) explains. */
bool register_may_edit(const struct reg *r, const struct exemplar *x, struct err *why);
/* May this person take `act` on x (its quarter's closing included, for the
 * acts staff may not take in a closed quarter)?  As register_may_edit. */
bool register_may(const struct reg *r, enum roles_action act, const struct exemplar *x,
		  struct err *why);
/* May this person add exemplars for `unit` (NULL: for any unit at all)? */
bool register_may_add(const struct reg *r, const char *unit, struct err *why);
bool register_is_office(const struct reg *r);

/* ---- units ---------------------------------------------------------------- */

/* Every unit (units.h order). */
int register_units(struct reg *r, struct unit_list *out, struct err *e);

/* ---- exemplars ------------------------------------------------------------ */

int register_get(struct reg *r, uint64_t id, struct exemplar *x, struct err *e);

/*
 * Introduce a new exemplar.  `x` is cleaned (NFC...) in place and gets its
 * id, version, status and creation stamp.  Text that looks typed with a
 * legacy keyboard is refused unless `legacy` is not NULL (the person chose
 * to keep it): then *legacy names the field, or is NULL.  Dated in a
 * closed quarter, it is refused for staff and marked late for the office,
 * x->late_reason (may be NULL) saying why; x->late_reason is dropped from
 * an entry that is not late.
 */
int register_add(struct reg *r, struct exemplar *x, const char **legacy, struct err *e);

/*
 * Save the profile fields of `x` (type, category, name, gender, birth year,
 * position, workplace, movement, achievements, date, unit) over exemplar
 * x->id.  x->version must be the version the person started from; if
 * someone saved in between, ERR_CONFLICT and nothing is written.  On
 * success x holds the saved record (new version).  Staff may not edit a
 * record dated in a closed quarter nor move one into it; the office moving
 * a record into a closed quarter makes it a late entry (x->late_reason
 * says why), into an open one an ordinary entry.
 */
int register_edit(struct reg *r, struct exemplar *x, const char **legacy, struct err *e);

/*
 * The workflow steps.  A step not allowed from the record's status is
 * refused naming the status and the rule.  Accepting needs the
 * achievements written; proposing records the day (`day`, DATE_NONE:
 * today); a commendation needs its form, decision number, signer and a
 * decision date not after today nor before the proposal or the
 * introduction.
 */
int register_accept(struct reg *r, uint64_t id, struct err *e);
int register_return(struct reg *r, uint64_t id, const char *reason, struct err *e);
int register_resubmit(struct reg *r, uint64_t id, struct err *e);
int register_propose(struct reg *r, uint64_t id, date_t day, struct err *e);
int register_commend(struct reg *r, uint64_t id, const struct commendation *c,
		     struct err *e);
int register_revoke(struct reg *r, uint64_t id, const char *reason, struct err *e);
int register_propagate(struct reg *r, uint64_t id, const struct propagation *p,
		       struct err *e);

/*
 * Corrections.  Each needs a reason (the audit entry's note) and writes
 * the record's new version with the before and after of every field it
 * changed.  Reopening sends an accepted, returned, proposed or withdrawn
 * exemplar back to introduced, dropping its proposal date and any
 * commendation.  A withdrawn exemplar keeps its history and counts
 * toward nothing.  A commendation correction replaces the details given
 * (NULL texts and DATE_NONE keep theirs) and checks them as register_commend
 * does; a change that changes nothing is refused.  Propagation entries are
 * numbered from 1, oldest first, as `show` numbers them.
 */
int register_reopen(struct reg *r, uint64_t id, const char *reason, struct err *e);
int register_withdraw(struct reg *r, uint64_t id, const char *reason, struct err *e);
int register_correct_commendation(struct reg *r, uint64_t id, const struct commendation *c,
				  const char *reason, struct err *e);
int register_remove_propagation(struct reg *r, uint64_t id, size_t n, const char *reason,
				struct err *e);

/* ---- helpers for batch.c and other register-layer modules ------------------ */

/* Check an action against this person's role (roles.h). */
int register_check_role(const struct reg *r, enum roles_action act, const struct exemplar *x,
			const char *unit, struct err *e);

/* roles_check_quarter() for this person on an exemplar dated `day`, today. */
int register_check_quarter(const struct reg *r, date_t day, bool *late, struct err *e);

/* Is `u` (NULL: no such unit) one x may be introduced by on its date?
 * 0, or -1 with ERR_INVALID naming the field "unit". */
int register_unit_allows(const struct unit *u, const struct exemplar *x, struct err *e);

/* Inside a write transaction: ERR_DUPLICATE if another record (not `skip`)
 * has x's unit, type, name and introduction date. */
int register_check_duplicate(struct store_txn *t, const struct exemplar *x, uint64_t skip,
			     struct err *e);

/* Inside a write transaction: write new exemplar x (id already given),
 * or refuse it with ERR_DUPLICATE as register_check_duplicate would. */
int register_add_new(struct store_txn *t, struct exemplar *x, struct err *e);

/* ---- whole database ------------------------------------------------------------ */

/* A consistent, compacted copy of the database in `dir` (store_backup); office only,
 * since the copy holds every record and the whole audit trail. */
int register_backup(struct reg *r, const char *dir, struct err *e);

/*
 * Replace the whole database by the backup in directory `dir` (office
 * only).  Refused, with nothing changed, when `dir` holds no dienhinh
 * database, a damaged one, or one of a newer schema.  Inside one write
 * transaction (so that no other session's change can slip in between), a
 * compacted safety copy of the current database is first written to
 * <database directory>/safety/before-restore-YYYYMMDD-HHMMSS (its path in
 * `safety`), then every table is replaced by the backup's and an audit
 * entry "restore" added.  One commit: every session sees the old records
 * or the restored ones, never a mix, and nothing is half-restored.  Then
 * only the newest safety copies are left (the config's keep_safety_copies;
 * the one restored from, if it is one of them, stays too).
 */
int register_restore(struct reg *r, const char *dir, char *safety, size_t n, struct err *e);

/* The store, for maintenance commands (check, backup). */
struct store *register_store(struct reg *r);

#endif
