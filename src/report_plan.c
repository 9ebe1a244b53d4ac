/* report_plan.c - see report_plan.h. */
#include "report_plan.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "query.h"
#include "tally.h"

/* ---- the plan period ------------------------------------------------------------------ */

/* One commended exemplar of the plan's list. */
struct honour {
	char *name, *form, *decision;
	size_t unit;
	date_t date;
	uint64_t id;
};

/*
 * The plan period.  Each year's figures are summed from the quota counters
 * of every unit-quarter, as the units' are, so that the tables agree; the
 * records themselves are read only for what no counter holds: propagation
 * events, categories and the commended.
 */
struct plan {
	struct tally *b;
	struct tally_figures *year;  /* [year - first_year] */
	int *cat_year;               /* [category][year] introductions */
	struct honour *honours;
	size_t n_honours;
	bool failed;
};

static int plan_exemplar(const struct exemplar *x, void *p)
{
	struct plan *pl = p;
	struct tally *b = pl->b;
	int y = date_year(x->date) - b->first_year;
	struct honour *v;

	if (y < 0 || y >= b->years || !model_exemplar_counts(x->status, x->late,
							      b->cfg->count_late))
		return 0;
	pl->year[y].propagated += (int)x->n_propagations;
	pl->cat_year[x->category * b->years + y]++;
	if (x->status != STATUS_COMMENDED)
		return 0;
	if (!(v = realloc(pl->honours, (pl->n_honours + 1) * sizeof *v))) {
		pl->failed = true;
		return -1;
	}
	pl->honours = v;
	v += pl->n_honours++;
	*v = (struct honour){ strdup(x->name), x->commendation.form ? strdup(x->commendation.form)
								 : strdup(""),
			      x->commendation.decision ? strdup(x->commendation.decision)
						       : strdup(""),
			      tally_unit_index(b, x->unit), x->commendation.date, x->id };
	if (!v->name || !v->form || !v->decision)
		pl->failed = true;
	return pl->failed ? -1 : 0;
}

/* One unit-quarter, added to its year's figures and to its unit's. */
static int plan_quarter(const struct query_quota *q, void *p)
{
	struct plan *pl = p;

	tally_add_figures(&pl->year[q->year - pl->b->first_year], q);
	return tally_add_quarter(q, pl->b);
}

/*
 * Column headers: those of `lead`, one per plan year ("2021", ...), then
 * those of `tail`.  One allocation holds the array and the years' text:
 * free it alone.  NULL when out of memory.
 */
static const char **year_headers(const struct tally *b, const char *const *lead, size_t nlead,
				 const char *const *tail, size_t ntail)
{
	size_t years = (size_t)b->years, n = nlead + years + ntail;
	const char **h = malloc(n * sizeof *h + years * 16);
	char *text = (char *)(h + n);

	if (!h)
		return NULL;
	memcpy(h, lead, nlead * sizeof *h);
	for (size_t y = 0; y < years; y++) {
		snprintf(text + 16 * y, 16, "%d", b->first_year + (int)y);
		h[nlead + y] = text + 16 * y;
	}
	memcpy(h + nlead + years, tail, ntail * sizeof *h);
	return h;
}

static void plan_by_year(struct report *rp, const struct plan *pl)
{
	const char *h[] = { _("Year"), _("Collective"), _("Individual"), _("Introduced"),
			    _("Accepted"), _("Commended"), _("Propagation events"),
			    _("Quarters met"), _("Quarters short") };
	static const enum report_kind k[] = { REPORT_TEXT, REPORT_NUMBER, REPORT_NUMBER,
		REPORT_NUMBER, REPORT_NUMBER, REPORT_NUMBER, REPORT_NUMBER, REPORT_NUMBER,
		REPORT_NUMBER };
	struct report_section *sec = report_section(rp, _("I. RESULTS BY YEAR"), _("By year"),
						    9, h, k);
	long sum[9] = { 0 };
	char n[9][24];

	for (int y = 0; y <= pl->b->years; y++) {
		bool total = y == pl->b->years;
		long v[9] = { 0 };
		if (!total) {
			const struct tally_figures *f = &pl->year[y];
			v[1] = f->collective;
			v[2] = f->individual;
			v[3] = v[1] + v[2];
			v[4] = f->accepted;
			v[5] = f->commended;
			v[6] = f->propagated;
			v[7] = f->met;
			v[8] = f->short_;
			for (int i = 1; i < 9; i++)
				sum[i] += v[i];
		}
		const char *cells[9];
		cells[0] = total ? _("Total") : tally_num(&n[0], pl->b->first_year + y);
		for (int i = 1; i < 9; i++)
			cells[i] = tally_num(&n[i], total ? sum[i] : v[i]);
		report_row(rp, sec, total ? REPORT_TOTAL : REPORT_ROW, cells);
	}
	report_para(rp, _("Over the period the units introduced %ld exemplars (%ld collective, "
			  "%ld individual); %ld were accepted, %ld commended and %ld propagation "
			  "events recorded."), sum[3], sum[1], sum[2], sum[4], sum[5], sum[6]);
}

static void plan_by_category(struct report *rp, const struct plan *pl)
{
	const struct tally *b = pl->b;
	const char *lead[] = { _("Category") }, *tail[] = { _("Total") };
	size_t ncols = (size_t)b->years + 2;
	const char **h = year_headers(b, lead, 1, tail, 1);
	enum report_kind *k = calloc(ncols, sizeof *k);
	const char **cells = calloc(ncols, sizeof *cells);
	long *sum = calloc(ncols, sizeof *sum);
	char (*n)[24] = calloc(ncols, sizeof *n);
	struct report_section *sec;

	if (!h || !k || !cells || !sum || !n) {
		rp->failed = true;
		goto out;
	}
	for (size_t c = 1; c < ncols; c++)
		k[c] = REPORT_NUMBER;
	sec = report_section(rp, _("II. RESULTS BY CATEGORY"), _("By category"), ncols, h, k);
	for (int t = TYPE_COLLECTIVE; t < TYPE_COUNT_; t++) {
		report_group(rp, sec, model_type_label((enum ex_type)t));
		for (int c = 1; c < CAT_COUNT_; c++) {
			long row = 0;
			if (model_category_type((enum ex_category)c) != (enum ex_type)t)
				continue;
			cells[0] = model_category_label((enum ex_category)c);
			for (int y = 0; y < b->years; y++) {
				int v = pl->cat_year[c * b->years + y];
				cells[y + 1] = tally_num(&n[y], v);
				row += v;
				sum[y] += v;
			}
			sum[b->years] += row;
			cells[b->years + 1] = tally_num(&n[b->years], row);
			report_row(rp, sec, REPORT_ROW, cells);
		}
	}
	cells[0] = _("Total");
	for (int y = 0; y <= b->years; y++)
		cells[y + 1] = tally_num(&n[y], sum[y]);
	report_row(rp, sec, REPORT_TOTAL, cells);
out:
	free(h);
	free(k);
	free(cells);
	free(sum);
	free(n);
}

static void plan_by_unit(struct report *rp, const struct plan *pl, const struct tally_group *g,
			 size_t ng)
{
	const struct tally *b = pl->b;
	const char *lead[] = { _("#"), _("Unit") }, *tail[] = { _("Total"), _("Commended") };
	size_t ncols = (size_t)b->years + 4;
	const char **h = year_headers(b, lead, 2, tail, 2);
	char (*n)[24] = calloc(ncols, sizeof *n);
	const char **cells = calloc(ncols, sizeof *cells);
	enum report_kind *k = calloc(ncols, sizeof *k);
	long *sum = calloc(ncols, sizeof *sum), no = 0;
	struct report_section *sec;
	char name[UNITS_LABEL_SIZE];

	if (!h || !n || !cells || !k || !sum) {
		rp->failed = true;
		goto out;
	}
	for (size_t c = 0; c < ncols; c++)
		k[c] = c == 1 ? REPORT_TEXT : c ? REPORT_NUMBER : REPORT_SEQ;
	sec = report_section(rp, _("III. RESULTS BY UNIT"), _("By unit"), ncols, h, k);
	for (size_t gi = 0; gi < ng; gi++) {
		tally_group_heading(rp, sec, gi, g[gi].name);
		for (size_t j = 0; j < g[gi].n; j++) {
			const struct tally_figures *f = &b->fig[g[gi].idx[j]];
			long total = 0;
			cells[0] = tally_num(&n[0], ++no);
			units_label(&b->units, &b->units.v[g[gi].idx[j]], name, sizeof name);
			cells[1] = name;
			for (int y = 0; y < b->years; y++) {
				cells[y + 2] = tally_num(&n[y + 2], f->by_year[y]);
				total += f->by_year[y];
				sum[y + 2] += f->by_year[y];
			}
			cells[ncols - 2] = tally_num(&n[ncols - 2], total);
			cells[ncols - 1] = tally_num(&n[ncols - 1], f->commended);
			sum[ncols - 2] += total;
			sum[ncols - 1] += f->commended;
			report_row(rp, sec, REPORT_ROW, cells);
		}
	}
	cells[0] = "";
	cells[1] = _("Total");
	for (size_t c = 2; c < ncols; c++)
		cells[c] = tally_num(&n[c], sum[c]);
	report_row(rp, sec, REPORT_TOTAL, cells);
out:
	free(h);
	free(n);
	free(cells);
	free(k);
	free(sum);
}

static int honour_order(const void *a, const void *b)
{
	const struct honour *x = a, *y = b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static void plan_honours(struct report *rp, struct plan *pl)
{
	const char *h[] = { _("#"), _("Name"), _("Unit"), _("Form of commendation"),
			    _("Decision number"), _("Decision date") };
	static const enum report_kind k[] = { REPORT_SEQ, REPORT_TEXT, REPORT_TEXT,
					      REPORT_TEXT, REPORT_TEXT, REPORT_DATE };
	struct report_section *sec = report_section(rp, _("IV. COMMENDED EXEMPLARS"),
						    _("Commended exemplars"), 6, h, k);

	if (pl->n_honours)
		qsort(pl->honours, pl->n_honours, sizeof *pl->honours, honour_order);
	for (size_t i = 0; i < pl->n_honours; i++) {
		const struct honour *x = &pl->honours[i];
		char n[24], d[DATE_TEXT_SIZE], name[UNITS_LABEL_SIZE];
		date_format_vn(x->date, d);
		if (x->unit < pl->b->units.n)
			units_label(&pl->b->units, &pl->b->units.v[x->unit], name, sizeof name);
		const char *cells[] = { tally_num(&n, (long)i + 1), x->name,
					x->unit < pl->b->units.n ? name : _("(unknown)"),
					x->form, x->decision, d };
		report_row(rp, sec, REPORT_ROW, cells);
	}
	if (!pl->n_honours)
		report_note(rp, sec, _("No exemplar of the period is commended."));
}

static void plan_free(struct plan *pl)
{
	for (size_t i = 0; i < pl->n_honours; i++) {
		free(pl->honours[i].name);
		free(pl->honours[i].form);
		free(pl->honours[i].decision);
	}
	free(pl->honours);
	free(pl->year);
	free(pl->cat_year);
}

static int plan_gather(struct plan *pl, struct reg *r, struct err *e)
{
	const struct tally *b = pl->b;
	size_t ny = (size_t)b->years;

	pl->year = calloc(ny, sizeof *pl->year);
	pl->cat_year = calloc(ny * CAT_COUNT_, sizeof *pl->cat_year);
	if (!pl->year || !pl->cat_year)
		return err_nomem(e);
	for (int y = b->first_year; y < b->first_year + b->years; y++)
		if (query_quota(r, y, 0, plan_quarter, pl, e) ||
		    query_exemplars(r, y, 0, NULL, plan_exemplar, pl, e))
			return pl->failed ? err_nomem(e) : -1;
	return 0;
}

int report_plan_build(struct reg *r, int year, struct report **out, struct err *e)
{
	const struct config *cfg = register_config(r);
	const struct period *p = year ? period_of_year(&cfg->periods, year)
				      : period_current_or_last(&cfg->periods, register_today(r));
	struct tally b;
	struct plan pl = { .b = &b };
	struct tally_group *g = NULL;
	size_t ng = 0;
	struct report *rp = NULL;
	char period[PERIOD_WHY_SIZE];
	int rc = -1;

	*out = NULL;
	if (!p) {
		period_outside_text(&cfg->periods, year, period, sizeof period);
		return err_set(e, ERR_NOTFOUND, "%s.", period);
	}
	if (tally_open(&b, r, p->from, p->to - p->from + 1, e))
		return -1;
	if (plan_gather(&pl, r, e) || tally_groups(&b, &g, &ng, e))
		goto out;
	if (!(rp = report_new())) {
		err_nomem(e);
		goto out;
	}
	/* the period's name, else its years (a config with plan_from and plan_to) */
	if (p->name)
		snprintf(period, sizeof period, "%s", p->name);
	else
		snprintf(period, sizeof period, _("Period %d-%d"), p->from, p->to);
	report_heading(rp, cfg, p->from, register_today(r),
		       _("SUMMARY OF BUILDING AND REPLICATING ADVANCED EXEMPLARS"), period);
	plan_by_year(rp, &pl);
	plan_by_category(rp, &pl);
	plan_by_unit(rp, &pl, g, ng);
	plan_honours(rp, &pl);
	report_note(rp, NULL, _("Introduced: every exemplar introduced in the year; accepted: "
				"those accepted by the Home Affairs Office, including those since "
				"proposed, commended or revoked; commended: those whose "
				"commendation stands. Quarters met and short count every unit "
				"with a quota, quarter by quarter."));
	if (report_status(rp, e))
		goto out;
	*out = rp;
	rp = NULL;
	rc = 0;
out:
	plan_free(&pl);
	tally_groups_free(g, ng);
	report_free(rp);
	tally_close(&b);
	return rc;
}
