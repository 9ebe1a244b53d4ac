/*
 * identity.h - who is running the program, and whether it runs with more
 * privilege than that person (the shared-server install is setgid).
 *
 * When privileged (self.h), identity is the real user id's account and nothing the
 * person controls (environment, --config, --db) may change what the
 * program trusts.
 */
#ifndef DIENHINH_IDENTITY_H
#define DIENHINH_IDENTITY_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "model.h"

/*
 * The account acting: DIENHINH_USER when set and not privileged (tests,
 * demos), else the real user id's login name.
 */
int identity_user(char out[USER_MAX + 1], struct err *e);

/*
 * Give up the group privilege for good (before writing a file a person
 * asked for, so it belongs to them).  0 or -1.
 */
int identity_drop_privilege(struct err *e);

/*
 * Act with the person's own rights for a while: the effective group (and
 * user) set to the real one, the program's kept as the saved id so that
 * identity_as_program() can take it back.  Files opened in between are
 * opened as the person could open them; what the program opened before
 * (the database) stays open.  Both are no-ops when not privileged or once
 * the privilege is given up.  0, or -1 with e (e may be NULL).
 */
int identity_as_person(struct err *e);
int identity_as_program(struct err *e);

#endif
