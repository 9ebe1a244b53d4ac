/*
 * export.h - the register written out for spreadsheets, in the columns
 * and values exchange.h describes and its import reads back.
 */
#ifndef DIENHINH_EXPORT_H
#define DIENHINH_EXPORT_H

#include <stddef.h>

#include "err.h"
#include "exchange.h"
#include "register.h"
#include "report.h"

/*
 * The export as a bare report (report.h: one table, no heading), to be
 * written as CSV or a workbook: every exemplar by number, or every unit in
 * the units' order.  *count receives the number of rows.
 */
int export_register(struct reg *r, enum exchange_what what, struct report **out,
		    size_t *count, struct err *e);

#endif
