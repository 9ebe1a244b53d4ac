/*
 * report_build.h - the reports the plan asks for, built from the register
 * as documents (report.h) that any renderer can show: the quarter report
 * (plan III.1, III.3) and the year-end emulation scores (III.3); the
 * summary of the whole plan period is report_plan.h's.
 *
 * Words used in every report:
 *   introduced  every exemplar a unit introduced in the period, whatever
 *               became of it;
 *   counted     those that count toward the quota: all but the returned
 *               ones (the returned ones too when count_returned = yes);
 *   accepted    those the Home Affairs Office accepted, including those
 *               since proposed, commended or revoked (they passed review);
 *   commended   those whose commendation stands (revoked ones are not).
 * Units are grouped by emulation block in the config's order, units
 * without a block last; within a group, in the config's order.  A unit is
 * shown for a period when it was active in it or introduced something.
 */
#ifndef DIENHINH_REPORT_BUILD_H
#define DIENHINH_REPORT_BUILD_H

#include <stddef.h>

#include "config.h"
#include "err.h"
#include "register.h"
#include "report.h"

/* What a unit's year-end score is made of (see config.h for the scheme). */
struct report_score_input {
	int quarters_met;
	int quarters_short;  /* quarters over and below quota; open quarters are neither */
	int counted;         /* introductions counted toward the quota */
	int accepted;
	int propagated;      /* propagation events of the year's exemplars */
	int commended;
};

/*
 * The year-end emulation score:
 *   quarter_met * quarters_met + quarter_short * quarters_short
 *   + introduced * counted + accepted * accepted
 *   + propagated * propagated + commended * commended
 * with the points of the config's [score] section (defaults 10, -5, 1, 2,
 * 2, 5: meeting the quota every quarter weighs most, each commendation
 * more than a mere introduction).  Every figure is about the exemplars
 * the unit introduced that year.
 */
long report_build_score(const struct score_scheme *s, const struct report_score_input *in);

/*
 * Competition ranking of n scores, highest first: equal scores share a
 * rank and the next rank skips ("1, 2, 2, 4").  ranks[i] is the rank of
 * scores[i].
 */
void report_build_rank(const long *scores, size_t n, int *ranks);

/*
 * The quarter report: per unit (by block) the quota, introductions by
 * type, accepted, returned and the quota state, with totals; then the
 * quarter's exemplars unit by unit.  *out is a new report (report_free).
 */
int report_build_quarter(struct reg *r, int year, int quarter, struct report **out,
			 struct err *e);

/* The year-end scores: per unit the quarters met and short, counted,
 * accepted, propagated, commended and the score, ranked within each block;
 * the formula with the configured points in the notes. */
int report_build_year(struct reg *r, int year, struct report **out, struct err *e);

#endif
