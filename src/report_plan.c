/* report_plan.c - see report_plan.h. */
#include "report_plan.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "query.h"
#include "tally.h"

static int nomem(struct err *e)
{
	return err_set(e, ERR_NOMEM, _("Out of memory."));
}

/* ---- the plan period ------------------------------------------------------------------ */

/* One commended exemplar of the plan's list. */
struct honour {
	char *name, *form, *decision;
	size_t unit;
	date_t date;
	uint64_t id;
};

/* The plan period, gathered from every year's exemplars. */
struct plan {
	struct tally *b;
	int *year_type;          /* [year][type] introductions */
	int *year_accepted, *year_commended, *year_propagated, *year_met, *year_short;
	int *cat_year;           /* [category][year] */
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

	if (y < 0 || y >= b->years)
		return 0;
	pl->year_type[y * TYPE_COUNT_ + x->type]++;
	pl->year_accepted[y] += tally_passed_review(x->status);
	pl->year_propagated[y] += (int)x->n_propagations;
	pl->cat_year[x->category * b->years + y]++;
	if (x->status != STATUS_COMMENDED)
		return 0;
	pl->year_commended[y]++;
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

/* A year's quarters met and short, from the unit figures gathered for it. */
static int plan_quarter(const struct query_quota *q, void *p)
{
	struct plan *pl = p;
	int y = q->year - pl->b->first_year;

	pl->year_met[y] += q->state == QUOTA_MET;
	pl->year_short[y] += q->state == QUOTA_SHORT;
	return tally_add_quarter(q, pl->b);
}

/* Headers "Năm 2021", ... for the per-year columns, then `last`. */
static const char **year_headers(const struct tally *b, const char *first, const char *last,
				 const char *extra, char (*buf)[16])
{
	size_t n = (size_t)b->years + 3;
	const char **h = calloc(n, sizeof *h);

	if (!h)
		return NULL;
	h[0] = first;
	for (int y = 0; y < b->years; y++) {
		snprintf(buf[y], 16, "%d", b->first_year + y);
		h[y + 1] = buf[y];
	}
	h[b->years + 1] = last;
	h[b->years + 2] = extra;
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
			v[1] = pl->year_type[y * TYPE_COUNT_ + TYPE_COLLECTIVE];
			v[2] = pl->year_type[y * TYPE_COUNT_ + TYPE_INDIVIDUAL];
			v[3] = v[1] + v[2];
			v[4] = pl->year_accepted[y];
			v[5] = pl->year_commended[y];
			v[6] = pl->year_propagated[y];
			v[7] = pl->year_met[y];
			v[8] = pl->year_short[y];
			for (int i = 1; i < 9; i++)
				sum[i] += v[i];
		}
		const char *cells[9];
		cells[0] = total ? _("Total") : tally_num(&n[0], pl->b->first_year + y);
		for (int i = 1; i < 9; i++)
			cells[i] = tally_num(&n[i], total ? sum[i] : v[i]);
		report_row(rp, sec, total ? REPORT_TOTAL : REPORT_ROW, cells);
	}
}

static void plan_by_category(struct report *rp, const struct plan *pl)
{
	const struct tally *b = pl->b;
	char (*yb)[16] = calloc((size_t)b->years + 1, sizeof *yb), (*n)[24];
	const char **h = yb ? year_headers(b, _("Category"), _("Total"), NULL, yb) : NULL;
	enum report_kind *k = calloc((size_t)b->years + 2, sizeof *k);
	const char **cells = calloc((size_t)b->years + 2, sizeof *cells);
	long *sum = calloc((size_t)b->years + 1, sizeof *sum);
	struct report_section *sec;

	n = calloc((size_t)b->years + 2, sizeof *n);
	if (!h || !k || !cells || !sum || !n) {
		rp->failed = true;
		goto out;
	}
	for (int y = 1; y <= b->years + 1; y++)
		k[y] = REPORT_NUMBER;
	sec = report_section(rp, _("II. RESULTS BY CATEGORY"), _("By category"),
			     (size_t)b->years + 2, h, k);
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
	free(yb);
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
	size_t ncols = (size_t)b->years + 4;
	char (*yb)[16] = calloc((size_t)b->years + 1, sizeof *yb);
	char (*n)[24] = calloc(ncols, sizeof *n);
	const char **h = calloc(ncols, sizeof *h), **cells = calloc(ncols, sizeof *cells);
	enum report_kind *k = calloc(ncols, sizeof *k);
	long *sum = calloc(ncols, sizeof *sum), no = 0;
	struct report_section *sec;

	if (!yb || !n || !h || !cells || !k || !sum) {
		rp->failed = true;
		goto out;
	}
	h[0] = _("#");
	h[1] = _("Unit");
	for (int y = 0; y < b->years; y++) {
		snprintf(yb[y], sizeof yb[y], "%d", b->first_year + y);
		h[y + 2] = yb[y];
	}
	h[ncols - 2] = _("Total");
	h[ncols - 1] = _("Commended");
	for (size_t c = 0; c < ncols; c++)
		k[c] = c == 1 ? REPORT_TEXT : REPORT_NUMBER;
	sec = report_section(rp, _("III. RESULTS BY UNIT"), _("By unit"), ncols, h, k);
	for (size_t gi = 0; gi < ng; gi++) {
		tally_group_heading(rp, sec, gi, g[gi].name);
		for (size_t j = 0; j < g[gi].n; j++) {
			const struct tally_figures *f = &b->fig[g[gi].idx[j]];
			long total = 0;
			cells[0] = tally_num(&n[0], ++no);
			cells[1] = b->units.v[g[gi].idx[j]].name;
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
	free(yb);
	free(n);
	free(h);
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
	static const enum report_kind k[] = { REPORT_NUMBER, REPORT_TEXT, REPORT_TEXT,
					      REPORT_TEXT, REPORT_TEXT, REPORT_DATE };
	struct report_section *sec = report_section(rp, _("IV. COMMENDED EXEMPLARS"),
						    _("Commended exemplars"), 6, h, k);

	if (pl->n_honours)
		qsort(pl->honours, pl->n_honours, sizeof *pl->honours, honour_order);
	for (size_t i = 0; i < pl->n_honours; i++) {
		const struct honour *x = &pl->honours[i];
		char n[24], d[DATE_TEXT_SIZE];
		date_format_vn(x->date, d);
		const char *cells[] = { tally_num(&n, (long)i + 1), x->name,
					x->unit < pl->b->units.n ? pl->b->units.v[x->unit].name
								 : _("(unknown)"),
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
	free(pl->year_type);
	free(pl->year_accepted);
	free(pl->year_commended);
	free(pl->year_propagated);
	free(pl->year_met);
	free(pl->year_short);
	free(pl->cat_year);
}

static int plan_gather(struct plan *pl, struct reg *r, struct err *e)
{
	const struct tally *b = pl->b;
	size_t ny = (size_t)b->years;

	pl->year_type = calloc(ny * TYPE_COUNT_, sizeof *pl->year_type);
	pl->year_accepted = calloc(ny, sizeof(int));
	pl->year_commended = calloc(ny, sizeof(int));
	pl->year_propagated = calloc(ny, sizeof(int));
	pl->year_met = calloc(ny, sizeof(int));
	pl->year_short = calloc(ny, sizeof(int));
	pl->cat_year = calloc(ny * CAT_COUNT_, sizeof(int));
	if (!pl->year_type || !pl->year_accepted || !pl->year_commended || !pl->year_propagated ||
	    !pl->year_met || !pl->year_short || !pl->cat_year)
		return nomem(e);
	for (int y = b->first_year; y < b->first_year + b->years; y++)
		if (query_quota(r, y, 0, plan_quarter, pl, e) ||
		    query_exemplars(r, y, 0, NULL, plan_exemplar, pl, e))
			return pl->failed ? nomem(e) : -1;
	return 0;
}

int report_plan_build(struct reg *r, struct report **out, struct err *e)
{
	const struct config *cfg = register_config(r);
	struct tally b;
	struct plan pl = { &b, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, false };
	struct tally_group *g = NULL;
	size_t ng = 0;
	struct report *rp = NULL;
	char period[64];
	int rc = -1;

	*out = NULL;
	if (tally_open(&b, r, cfg->plan_from, cfg->plan_to - cfg->plan_from + 1, e))
		return -1;
	if (plan_gather(&pl, r, e) || tally_groups(&b, &g, &ng, e))
		goto out;
	if (!(rp = report_new())) {
		nomem(e);
		goto out;
	}
	snprintf(period, sizeof period, _("Period %d-%d"), cfg->plan_from, cfg->plan_to);
	report_heading(rp, cfg, register_today(r),
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
