/*
 * roles.h - who may do what: the whole permission table in one place.
 *
 *   office  (Phòng Nội vụ)   every action on every unit, closed quarters
 *                            included (a late entry)
 *   staff   (cán bộ đơn vị)  add, edit, withdraw and resubmit exemplars of
 *                            their own units; edit and withdraw only while
 *                            introduced or returned; nothing dated in a
 *                            closed quarter
 *   viewer  (chỉ xem)        nothing but reading
 * Everyone reads every unit's records: the plan asks for openness.  The
 * audit trail as a whole (who changed what, when: `log` and the audit-log
 * screen) is narrower (ROLES_READ_LOG): the office reads all of it, unit
 * staff the history of their own units' exemplars and nothing else,
 * viewers none of it.
 */
#ifndef DIENHINH_ROLES_H
#define DIENHINH_ROLES_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "err.h"
#include "model.h"

enum roles_action {
	ROLES_ADD, ROLES_EDIT, ROLES_RESUBMIT, ROLES_ACCEPT, ROLES_RETURN, ROLES_PROPOSE,
	ROLES_COMMEND, ROLES_REVOKE, ROLES_PROPAGATE, ROLES_IMPORT, ROLES_RESTORE,
	ROLES_WITHDRAW, /* an exemplar entered by mistake leaves the counts */
	ROLES_REOPEN,   /* back to introduced, for another review (a withdrawn one restored) */
	ROLES_CORRECT,  /* a commendation's details, a propagation entry removed */
	ROLES_READ_LOG, /* the only action that changes nothing: last, after those that do */
};

/*
 * May `who` take `act`?  `x` is the stored exemplar acted on (NULL when
 * adding), `unit` the unit the result will belong to (NULL if unchanged).
 * For ROLES_READ_LOG, `x` is the exemplar whose history is read, or NULL
 * for the trail as a whole, of which unit staff read only the entries
 * about exemplars of units roles_own_unit() names.
 * 0, or -1 with ERR_DENIED and a message naming the role and the rule.
 */
int roles_check(const struct config *cfg, const struct role_entry *who,
		enum roles_action act, const struct exemplar *x, const char *unit,
		struct err *e);

/* Is `unit` one of the units `who` answers for as unit staff? */
bool roles_own_unit(const struct role_entry *who, const char *unit);
/*
 * May `who` write an exemplar dated `day` on `today` (an add, an edit to
 * or from that date, a withdrawal, a resubmission, an imported row)?
 * Staff may not once the day's quarter has closed (cfg->late_days after
 * its end): -1 with ERR_DENIED naming the quarter, the day it closed and
 * that the office can record a late entry.  The office may: *late (when
 * not NULL) says whether the write is then a late entry.
 */
int roles_check_quarter(const struct config *cfg, const struct role_entry *who, date_t day,
			date_t today, bool *late, struct err *e);

/* "Cán bộ đơn vị (staff: phuong1, phuong2)", for messages and `whoami`. */
void roles_describe(const struct role_entry *who, char *buf, size_t n);

/* Stable code of a role: "office", "staff", "viewer", "none". */
const char *roles_code(enum role r);

#endif
