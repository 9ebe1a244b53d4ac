/*
 * report_plan.h - the summary of the whole plan period (plan_from to
 * plan_to in the config; 2021-2025 for the town) for the conference of
 * advanced exemplars (plan II.4): introductions by year, by category and by
 * unit, and the list of commended exemplars.  Words as in report_build.h.
 */
#ifndef DIENHINH_REPORT_PLAN_H
#define DIENHINH_REPORT_PLAN_H

#include "err.h"
#include "register.h"
#include "report.h"

/* The plan-period report; *out is a new report (report_free). */
int report_plan_build(struct reg *r, struct report **out, struct err *e);

#endif
