/*
 * period.h - plan periods (giai đoạn kế hoạch): the years a plan runs, each
 * unit's quota in it, the points of its year-end scores and the heading of
 * its reports.  Pure functions; no I/O.
 *
 * A town works plan after plan (2021-2025, then 2026-2030), and the config
 * lists them.  A year belongs to at most one period; a year in none has no
 * quota at all, which is not the same as a unit without a quota, and
 * whatever shows that year says why in words (period_outside_text).
 * Adding a period never changes the answers about another: everything about
 * a year is taken from that year's own period.
 */
#ifndef DIENHINH_PERIOD_H
#define DIENHINH_PERIOD_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"
#include "model.h"

/*
 * Points for the year-end emulation score of a unit (plan III.3).  A unit's
 * score = quarter_met * (quarters met) + quarter_short * (quarters short)
 * + introduced * (exemplars counted) + accepted * (accepted or later)
 * + propagated * (propagation events) + commended * (commended exemplars).
 */
struct score_scheme {
	int quarter_met;
	int quarter_short;
	int introduced;
	int accepted;
	int propagated;
	int commended;
};

/* One unit's own quota in one period (quota.CODE = N in the unit's section). */
struct period_quota {
	char unit[CODE_MAX + 1];
	int quota;
};

/*
 * A plan period.  Invariant: from <= to; quotas[] names a unit at most
 * once.  A config without [period.*] sections has one period, made of
 * plan_from and plan_to, whose code is "plan" and whose name is NULL (it
 * is named in the person's language, period_name).
 */
struct period {
	char code[CODE_MAX + 1];
	char *name;                  /* "Kế hoạch 2021–2025"; NULL: see above */
	int from, to;                /* years, inclusive */
	char *issuer_parent;         /* the report heading; NULL: the [report] section's */
	char *issuer;
	char *place;
	struct score_scheme score;   /* the [score] points, with the period's own in their place */
	struct period_quota *quotas;
	size_t n_quotas;
};

/* The config's periods in the order of their years; no two share a year. */
struct period_list {
	struct period *v;
	size_t n;
};

/* Room for a period's name as period_name writes it (NAME_MAX_CHARS
 * characters of at most 4 bytes each), and for period_outside_text's
 * sentence (two names and the words around them). */
#define PERIOD_NAME_SIZE (NAME_MAX_CHARS * 4 + 1)
#define PERIOD_WHY_SIZE (2 * PERIOD_NAME_SIZE + 256)

/* The period holding `year`, or NULL. */
const struct period *period_of_year(const struct period_list *l, int year);

/* The period with this code, or NULL. */
const struct period *period_find(const struct period_list *l, const char *code);

/* The last period over before `year` (NULL if none), and the first one to
 * begin after it (NULL if none). */
const struct period *period_before(const struct period_list *l, int year);
const struct period *period_after(const struct period_list *l, int year);

/* The period a report of the whole plan is about on `today`: the current
 * one, else the last one; NULL only for an empty list. */
const struct period *period_current_or_last(const struct period_list *l, date_t today);

/* The unit's quota in period p: its quota.CODE, else its quota. */
int period_unit_quota(const struct period *p, const struct unit *u);

/*
 * Required introductions of unit u in quarter q of `year`, a year of
 * period p: its quota there if it was active on some day of the quarter,
 * else 0.  0 when p is NULL or does not hold the year.
 */
int period_required(const struct period *p, const struct unit *u, int year, int q);

/*
 * Whether unit u belongs in a listing of `year`: it was active on some day
 * of the years of the year's period (of the year alone outside every
 * period).  A unit that began after a period ended is no part of it, so a
 * period added later leaves the listings of the earlier ones as they were.
 */
bool period_unit_listed(const struct period_list *l, const struct unit *u, int year);

/* The name a person reads: p->name, or "Kế hoạch 2021–2025" when it has
 * none (translated), into buf. */
void period_name(const struct period *p, char *buf, size_t size);

/*
 * Why `year` has no quota, in words (translated), into buf: "Kế hoạch
 * 2021–2025 đã kết thúc ngày 31/12/2025; chưa có giai đoạn mới trong tệp
 * cấu hình" after the last period, and which period ended or begins when
 * the year lies before the first or between two.  "" when the year is in
 * a period.
 */
void period_outside_text(const struct period_list *l, int year, char *buf, size_t size);

/* Add a unit's own quota to p (loading the config): 0, or -1 when out of memory. */
int period_add_quota(struct period *p, const char *unit, int quota);

/* Order the list by year (loading the config, once no two periods overlap). */
void period_list_sort(struct period_list *l);

void period_list_free(struct period_list *l);

#endif
