/*
 * demo.h - sample data for trying the program (`dienhinh init --demo`):
 * plausible introductions by the town's units in every quarter of every
 * plan period up to today (the running quarter's not reviewed yet), with
 * Vietnamese names, categories that suit each unit, and exemplars at every
 * stage of the workflow.  Deterministic, so a demo made on one day looks
 * the same each time, and a period added later leaves the earlier ones'
 * records as they were.
 */
#ifndef DIENHINH_DEMO_H
#define DIENHINH_DEMO_H

#include <stddef.h>

#include "err.h"
#include "register.h"

/* Fill an empty register with sample exemplars (nothing if it holds any);
 * *added says how many. */
int demo_fill(struct reg *r, size_t *added, struct err *e);

#endif
