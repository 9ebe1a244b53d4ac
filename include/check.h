/*
 * check.h - the integrity check behind `dienhinh check`: every counter is
 * recounted and every index entry rebuilt from the records, and the
 * schema, the id sequence and the reader table are looked at.
 */
#ifndef DIENHINH_CHECK_H
#define DIENHINH_CHECK_H

#include "err.h"
#include "store.h"

/* Called once per problem found, with a sentence for a person. */
typedef void (*check_report_cb)(const char *problem, void *ctx);

/*
 * Returns the number of problems found (0 = sound), or -1 if the check
 * itself could not run (e says why).  *cleared receives the number of
 * reader slots left by dead sessions that were freed on the way; *seen
 * (when not NULL) how much was looked at, so that a sound answer can say
 * what it covered.
 */
int check_run(struct store *s, check_report_cb report, void *ctx, int *cleared,
	      struct store_stats *seen, struct err *e);

#endif
