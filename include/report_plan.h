/*
 * report_plan.h - the summary of a whole plan period (period.h; 2021-2025
 * for the town) for the conference of advanced exemplars (plan II.4):
 * introductions by year, by category and by unit, and the list of
 * commended exemplars.  Words as in report_build.h.
 */
#ifndef DIENHINH_REPORT_PLAN_H
#define DIENHINH_REPORT_PLAN_H

#include "err.h"
#include "register.h"
#include "report.h"

/* The report of the period holding `year`, or, when `year` is 0, of the
 * period of today, else of the last one; *out is a new report
 * (report_free).  A year in no period is ERR_NOTFOUND, saying why. */
int report_plan_build(struct reg *r, int year, struct report **out, struct err *e);

#endif
