/* check.c - see check.h. */
#include "check.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

/*
 * Recounted counters, in an open-addressing hash table keyed by year,
 * quarter and unit.  A town has a few dozen units and a handful of years,
 * so this stays small whatever the number of records.
 */
struct tally {
	int year, quarter;
	char unit[CODE_MAX + 1];
	struct store_counts c;
	bool used, seen;
};

struct check {
	check_report_cb report;
	void *ctx;
	int problems;
	struct tally *slots;
	size_t cap, n;
	struct store_txn *t;
	struct err *e;
	uint64_t max_id;
	size_t records;
	struct store_stats seen;   /* the sizes read at the end, for check_run's caller */
};

static void problem(struct check *k, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void problem(struct check *k, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	k->problems++;
	k->report(msg, k->ctx);
}

static size_t slot_hash(int year, int quarter, const char *unit)
{
	size_t h = (size_t)year * 31 + (size_t)quarter;

	while (*unit)
		h = h * 131 + (unsigned char)*unit++;
	return h;
}

static int grow_tally(struct check *k);

static struct tally *tally_find(struct check *k, int year, int quarter, const char *unit,
				bool create)
{
	if (create && (k->n + 1) * 2 > k->cap && grow_tally(k))
		return NULL;
	if (!k->cap)
		return NULL;
	for (size_t i = slot_hash(year, quarter, unit) % k->cap;; i = (i + 1) % k->cap) {
		struct tally *s = &k->slots[i];
		if (!s->used) {
			if (!create)
				return NULL;
			s->used = true;
			s->year = year;
			s->quarter = quarter;
			snprintf(s->unit, sizeof s->unit, "%s", unit);
			k->n++;
			return s;
		}
		if (s->year == year && s->quarter == quarter && strcmp(s->unit, unit) == 0)
			return s;
	}
}

static int grow_tally(struct check *k)
{
	struct tally *old = k->slots;
	size_t cap = k->cap, n = 0;

	k->cap = cap ? cap * 2 : 256;
	if (!(k->slots = calloc(k->cap, sizeof *k->slots))) {
		k->slots = old;
		k->cap = cap;
		return -1;
	}
	k->n = 0;
	for (size_t i = 0; i < cap; i++)
		if (old[i].used) {
			struct tally *s = tally_find(k, old[i].year, old[i].quarter, old[i].unit, true);
			s->c = old[i].c;
			n++;
		}
	free(old);
	return 0;
}

static int check_record(const struct exemplar *x, void *p)
{
	struct check *k = p;
	unsigned bad;
	struct tally *s = tally_find(k, date_year(x->date), date_quarter(x->date), x->unit, true);

	if (!s)
		return err_nomem(k->e);
	store_counts_add(&s->c, x, +1);
	k->records++;
	if (x->id > k->max_id)
		k->max_id = x->id;
	if (store_verify_indexes(k->t, x, &bad, k->e))
		return -1;
	static const struct { unsigned bit; const char *name; } ix[] = {
		{ STORE_IX_LIST, "list" }, { STORE_IX_PERIOD, "period" },
		{ STORE_IX_FOLDS, "folds" },
	};
	for (size_t i = 0; i < sizeof ix / sizeof ix[0]; i++)
		if (bad & ix[i].bit)
			problem(k, _("Exemplar %" PRIu64 " is missing from the %s index, or its entry "
				     "there is out of date."), x->id, ix[i].name);
	return 0;
}

static void compare_counts(struct check *k, int year, int quarter, const char *unit,
			   const struct store_counts *stored, const struct store_counts *want)
{
	if (memcmp(stored, want, sizeof *want) == 0)
		return;
	problem(k, _("Counter of unit %s for %d Q%d is wrong: it says %" PRIu32 " exemplars "
		     "(%" PRIu32 " returned), the records give %" PRIu32 " (%" PRIu32 " returned)."),
		unit, year, quarter, stored->total, stored->by_status[STATUS_RETURNED],
		want->total, want->by_status[STATUS_RETURNED]);
}

static int check_counter(int year, int quarter, const char *unit,
			 const struct store_counts *c, void *p)
{
	struct check *k = p;
	struct tally *s = tally_find(k, year, quarter, unit, false);
	struct store_counts zero = { 0 };
	const struct store_counts *want = s ? &s->c : &zero;

	if (c)
		compare_counts(k, year, quarter, unit, c, want);
	else
		problem(k, _("Counter of unit %s for %d Q%d is damaged; the records give %" PRIu32
			     " exemplars."), unit, year, quarter, want->total);
	if (s)
		s->seen = true;
	return 0;
}

static void check_sizes(struct check *k, const struct store_stats *st)
{
	static const char *names[] = { "list", "period", "folds" };
	size_t sizes[] = { st->list, st->period, st->folds };

	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
		if (sizes[i] != st->exemplars)
			problem(k, _("The %s index has %zu entries for %zu exemplars."), names[i],
				sizes[i], st->exemplars);
	if (k->max_id && st->next_id <= k->max_id)
		problem(k, _("The next exemplar number (%" PRIu64 ") is not above the highest "
			     "one in use (%" PRIu64 ")."), st->next_id, k->max_id);
}

static int check_txn(struct store_txn *t, void *p, struct err *e)
{
	struct check *k = p;
	struct store_stats st;

	k->t = t;
	k->e = e;
	if (store_schema(t) != STORE_SCHEMA)
		problem(k, _("The schema version is %" PRIu32 ", this program writes %d."),
			store_schema(t), STORE_SCHEMA);
	if (store_each_exemplar(t, check_record, k, e) ||
	    store_each_counts(t, check_counter, k, e) || store_stats(t, &st, e))
		return -1;
	for (size_t i = 0; i < k->cap; i++) {
		struct tally *s = &k->slots[i];
		struct store_counts zero = { 0 };
		if (s->used && !s->seen)
			compare_counts(k, s->year, s->quarter, s->unit, &zero, &s->c);
	}
	check_sizes(k, &st);
	k->seen = st;
	return 0;
}

int check_run(struct store *s, check_report_cb report, void *ctx, int *cleared,
	      struct store_stats *seen, struct err *e)
{
	struct check k = { .report = report, .ctx = ctx };
	int rc;

	*cleared = store_reader_check(s);
	rc = store_read(s, check_txn, &k, e);
	free(k.slots);
	if (!rc && seen)
		*seen = k.seen;
	return rc ? -1 : k.problems;
}
