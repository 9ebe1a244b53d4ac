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
	uint64_t keep;              /* this record (one just saved) is listed whatever the
				       members but `unit` say; 0: none */
};

/*
 * Rows matching `f`, in list order, from position `from` (exclusive;
 * NULL = from the start, or from the end when backward).  cb returns 0 to
 * go on, 1 to stop.  Runs in one read transaction that ends before return.
 */
int query_scan(struct reg *r, const struct query_filter *f, const uint8_t *from,
		  size_t from_len, bool backward, store_row_cb cb, void *ctx,
		  struct err *e);

/*
 * How many rows query_scan would give for `f` (the kept record included).
 * A filter of unit, year, quarter and type or status is answered by the
 * quarters' counters, without reading the records; a search, a category,
 * or type and status together are counted row by row.
 */
int query_count(struct reg *r, const struct query_filter *f, size_t *n, struct err *e);

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

/*
 * Which of a quarter's exemplars count, from its counter `all`: into
 * *out (which may be `all`) the counts of those that count toward the
 * quota and the year-end score (model_exemplar_counts: no withdrawn ones;
 * late entries as cfg->count_late says), and returned, how many count
 * toward the quota (returned ones as cfg->count_returned says).  Every
 * figure a report or a screen counts goes through here.
 */
int query_counting(const struct config *cfg, const struct store_counts *all,
		   struct store_counts *out);

/* One unit in one quarter. */
struct query_quota {
	int year, quarter;
	const struct unit *unit;    /* valid during the callback */
	const struct period *period;/* the year's (the config's); NULL outside every period */
	int required;               /* 0 when no quota applies */
	int counted;                /* introductions that count toward it */
	enum quota_state state;     /* QUOTA_OUTSIDE when period is NULL */
	struct store_counts counts; /* the quarter's exemplars that count (query_counting) */
	const struct unit_list *units; /* every unit, unit among them (for units_label) */
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
	/* The audit trail as such (`log`, the audit-log screen): only what the
	 * person's role reads of it (ROLES_READ_LOG in roles.h).  Without it, a
	 * record's history as its own page shows it to every reader. */
	bool trail;
};

/*
 * The audit entries matching `f`, oldest first.  With f->trail, a person
 * whose role reads no audit log is refused (ERR_DENIED), and unit staff get
 * only the entries about exemplars that are now their units'.
 */
int query_log(struct reg *r, const struct query_log_filter *f, store_audit_cb cb,
		 void *ctx, struct err *e);

/* May this person read the audit trail at all (query_log with trail)?  0, or -1 with why. */
int query_log_allowed(struct reg *r, struct err *e);

#endif
