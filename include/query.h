/*
 * query.h - read-only questions to the register: lists, quota states and
 * the audit log.  Each runs in one read transaction that ends before the
 * function returns, so a screen holding the answer pins nothing.
 */
#ifndef DIENHINH_QUERY_H
#define DIENHINH_QUERY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "register.h"
#include "store.h"

/* ---- lists ---------------------------------------------------------------- */

/* What a list shows; zero/NULL members do not filter. */
struct query_filter {
	const char *unit;
	int year;
	int quarter;                /* needs year */
	enum ex_category category;
	enum ex_type type;
	enum ex_status status;
	const char *search;         /* any text: matched diacritic- and case-insensitively */
};

/*
 * Rows matching `f`, in list order, from position `from` (exclusive;
 * NULL = from the start, or from the end when backward).  cb returns 0 to
 * go on, 1 to stop.  Runs in one read transaction that ends before return.
 */
int query_scan(struct reg *r, const struct query_filter *f, const uint8_t *from,
		  size_t from_len, bool backward, store_row_cb cb, void *ctx,
		  struct err *e);

/* Ids whose folded name starts with the folded `prefix`, in folded-name order. */
int query_name_prefix(struct reg *r, const char *prefix, store_id_cb cb, void *ctx,
			 struct err *e);

/*
 * Every exemplar in full (propagations and commendation included): all of
 * them by id when `year` is 0, else those introduced in the year (and
 * quarter, 1-4, or 0 for the whole year), optionally of one unit, by
 * quarter, unit and id.  One read transaction; the exemplar handed to cb
 * is valid during the call only.  cb returns 0 to go on, 1 to stop, -1 on
 * an error it has recorded itself.
 */
int query_exemplars(struct reg *r, int year, int quarter, const char *unit,
		    store_exemplar_cb cb, void *ctx, struct err *e);

/* ---- quota ---------------------------------------------------------------- */

/* One unit in one quarter. */
struct query_quota {
	int year, quarter;
	const struct unit *unit;    /* valid during the callback */
	const struct period *period;/* the year's (the config's); NULL outside every period */
	int required;               /* 0 when no quota applies */
	int counted;                /* introductions that count toward it */
	enum quota_state state;     /* QUOTA_OUTSIDE when period is NULL */
	struct store_counts counts; /* every exemplar of the quarter, by type and status */
};
typedef int (*query_quota_cb)(const struct query_quota *q, void *ctx);

/*
 * The units of a quarter (1-4), or of all four quarters of a year when 0,
 * ordered by quarter then unit, each with its quota from the year's period
 * (period.h).  A unit is given when period_unit_listed() says it belongs to
 * the year's listings or it introduced something that quarter.
 */
int query_quota(struct reg *r, int year, int quarter, query_quota_cb cb, void *ctx,
		   struct err *e);

/* ---- audit ---------------------------------------------------------------- */

struct query_log_filter {
	int64_t since;      /* seconds since the epoch; 0 = from the start */
	const char *user;   /* NULL = everyone */
	uint64_t record;    /* 0 = every record */
};
int query_log(struct reg *r, const struct query_log_filter *f, store_audit_cb cb,
		 void *ctx, struct err *e);

#endif
