/*
 * tally.h - the figures every report counts per unit, and the units'
 * grouping by emulation block.  Filled from the quota counters
 * (query_quota) and from the records themselves; shared by the report
 * builders (report_build.h, report_plan.h).
 */
#ifndef DIENHINH_TALLY_H
#define DIENHINH_TALLY_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "err.h"
#include "query.h"
#include "register.h"
#include "report.h"
#include "units.h"

/*
 * One unit's figures for a report's period.  Summed over the quarters
 * given to tally_add_quarter(); `state` is the last quarter's.
 */
struct tally_figures {
	bool shown;              /* active in the period, or introduced something */
	int required, counted;   /* the quota and the introductions that count toward it */
	enum quota_state state;
	int collective, individual; /* introduced, by type */
	int accepted;            /* accepted, proposed, commended or revoked */
	int returned, commended;
	int propagated;          /* propagation events (filled by the builders) */
	int met, short_;         /* quarters met and short */
	long score;
	int rank;
	int *by_year;            /* introductions per year from first_year (years of them) */
};

/* The units (units.h order) and a figures slot for each (fig[units.n] is a spare). */
struct tally {
	const struct config *cfg;
	struct unit_list units;
	struct tally_figures *fig;
	int *pool;               /* storage of every by_year array */
	int first_year, years;
};

/* A block of a report: its name and the shown units in it, in order (indexes). */
struct tally_group {
	const char *name;
	size_t *idx;
	size_t n;
};

/* Load the units and zeroed figures, with `years` per-year slots from first_year. */
int tally_open(struct tally *t, struct reg *r, int first_year, int years, struct err *e);
void tally_close(struct tally *t);

/* Index of the unit with this code; units.n when unknown. */
size_t tally_unit_index(const struct tally *t, const char *code);

/* Did an exemplar of this status pass the office's review? */
bool tally_passed_review(enum ex_status s);

/* Add one unit-quarter to f: every figure but `shown`, the score, the rank
 * and `by_year` (a report may sum a year's, as well as a unit's). */
void tally_add_figures(struct tally_figures *f, const struct query_quota *q);

/* A query_quota_cb (ctx: the tally) adding one unit-quarter to its unit's figures. */
int tally_add_quarter(const struct query_quota *q, void *ctx);

/*
 * The shown units grouped by block: the config's blocks in order, then the
 * units in no (known) block; empty groups left out.  Free with
 * tally_groups_free.
 */
int tally_groups(const struct tally *t, struct tally_group **out, size_t *n, struct err *e);
void tally_groups_free(struct tally_group *g, size_t n);

/* A heading row "A. <name>" (letter k + 1: sections take roman numerals) in a report table. */
void tally_group_heading(struct report *rp, struct report_section *sec, size_t k,
			 const char *name);

/* Decimal text of v in buf (returned). */
const char *tally_num(char (*buf)[24], long v);

#endif
