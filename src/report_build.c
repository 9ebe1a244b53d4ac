/* report_build.c - see report_build.h. */
#include "report_build.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "query.h"
#include "tally.h"

/* ---- scores ----------------------------------------------------------------------- */

long report_build_score(const struct score_scheme *s, const struct report_score_input *in)
{
	return (long)s->quarter_met * in->quarters_met + (long)s->quarter_short * in->quarters_short
	       + (long)s->introduced * in->counted + (long)s->accepted * in->accepted
	       + (long)s->propagated * in->propagated + (long)s->commended * in->commended;
}

void report_build_rank(const long *scores, size_t n, int *ranks)
{
	/* n is a block's units: a few dozen at most, so counting is plenty. */
	for (size_t i = 0; i < n; i++) {
		int above = 0;
		for (size_t j = 0; j < n; j++)
			above += scores[j] > scores[i];
		ranks[i] = above + 1;
	}
}

static const char *quarter_name(int q, char buf[16])
{
	report_roman(q, buf);
	return buf;
}

/* ---- the quarter report --------------------------------------------------------------- */

/* One exemplar of the quarter's list, copied out of the scan.  `unit` is the
 * unit's index in the tally, then its position in the report's order. */
struct item {
	size_t unit, seq;          /* seq: the scan's order, kept among equals */
	char *name;
	enum ex_type type;
	enum ex_category category;
	enum ex_status status;
	date_t date;
	uint64_t id;
	bool late;                 /* entered after the quarter closed */
};

/* The quarter's list being copied; `failed`: out of memory on the way. */
struct items {
	struct tally *b;
	struct item *v;
	size_t n;
	bool failed;
};

static int take_row(const struct list_row *row, void *p)
{
	struct items *it = p;
	struct item *v = realloc(it->v, (it->n + 1) * sizeof *v);

	if (!v || !(v[it->n].name = strdup(row->name))) {
		if (v)
			it->v = v;
		it->failed = true;
		return -1;
	}
	it->v = v;
	v[it->n] = (struct item){ tally_unit_index(it->b, row->unit), it->n, v[it->n].name,
				  row->type, row->category, row->status, row->date, row->id,
				  row->late };
	it->n++;
	return 0;
}

/* A note saying why a year outside every plan period has no quota. */
static void outside_note(struct report *rp, struct report_section *sec, const struct config *cfg,
			 int year)
{
	char why[PERIOD_WHY_SIZE];

	period_outside_text(&cfg->periods, year, why, sizeof why);
	if (why[0])
		report_note(rp, sec, "%s.", why);
}

static void units_section(struct report *rp, struct tally *b, const struct tally_group *g,
			  size_t ng, int year)
{
	const char *h[] = { _("#"), _("Unit"), _("Quota"), _("Collective"), _("Individual"),
			    _("Accepted"), _("Returned"), _("Quota state") };
	static const enum report_kind k[] = { REPORT_SEQ, REPORT_TEXT, REPORT_NUMBER,
		REPORT_NUMBER, REPORT_NUMBER, REPORT_NUMBER, REPORT_NUMBER, REPORT_TEXT };
	struct report_section *sec = report_section(rp, _("I. RESULTS BY UNIT"), _("By unit"),
						    8, h, k);
	struct tally_figures sum = { 0 };
	int with_quota = 0, met = 0;
	long no = 0;
	char n[7][24], state[64], name[UNITS_LABEL_SIZE];

	for (size_t gi = 0; gi < ng; gi++) {
		tally_group_heading(rp, sec, gi, g[gi].name);
		for (size_t j = 0; j < g[gi].n; j++) {
			const struct tally_figures *f = &b->fig[g[gi].idx[j]];
			units_label(&b->units, &b->units.v[g[gi].idx[j]], name, sizeof name);
			const char *cells[] = {
				tally_num(&n[0], ++no), name,
				tally_num(&n[1], f->required), tally_num(&n[2], f->collective),
				tally_num(&n[3], f->individual), tally_num(&n[4], f->accepted),
				tally_num(&n[5], f->returned), model_quota_label(f->state),
			};
			report_row(rp, sec, REPORT_ROW, cells);
			sum.required += f->required;
			sum.collective += f->collective;
			sum.individual += f->individual;
			sum.accepted += f->accepted;
			sum.returned += f->returned;
			with_quota += f->required > 0;
			met += f->state == QUOTA_MET;
		}
	}
	snprintf(state, sizeof state, _("%d of %d met"), met, with_quota);
	const char *total[] = {
		"", _("Total"), tally_num(&n[1], sum.required), tally_num(&n[2], sum.collective),
		tally_num(&n[3], sum.individual), tally_num(&n[4], sum.accepted),
		tally_num(&n[5], sum.returned), state,
	};
	report_row(rp, sec, REPORT_TOTAL, total);
	report_para(rp, _("In the quarter the units introduced %d exemplars (%d collective, %d "
			  "individual); the Home Affairs Office accepted %d and returned %d. %d of "
			  "the %d units with a quota met it."), sum.collective + sum.individual,
		    sum.collective, sum.individual, sum.accepted, sum.returned, met, with_quota);
	report_note(rp, sec, _("Accepted: exemplars the Home Affairs Office accepted, including "
			       "those since proposed for commendation, commended or revoked."));
	report_note(rp, sec, b->cfg->count_returned
		    ? _("Returned exemplars count toward the quota.")
		    : _("Returned exemplars do not count toward the quota."));
	report_note(rp, sec, _("\"%s\": the quarter is not over yet."),
		    model_quota_label(QUOTA_OPEN));
	outside_note(rp, sec, b->cfg, year);
}

static int item_order(const void *a, const void *b)
{
	const struct item *x = a, *y = b;

	if (x->unit != y->unit)
		return x->unit < y->unit ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* The late entries of the quarter, by number, and whether they count. */
static void late_note(struct report *rp, struct report_section *sec, const struct config *cfg,
		      const struct items *it)
{
	char *nums = NULL;
	size_t len = 0, n = 0;
	FILE *f = open_memstream(&nums, &len);

	if (!f) {
		rp->failed = true;
		return;
	}
	for (size_t i = 0; i < it->n; i++)
		if (it->v[i].late)
			fprintf(f, "%s%llu", n++ ? ", " : "", (unsigned long long)it->v[i].id);
	if (fclose(f) || !nums)
		rp->failed = true;
	else if (n)
		report_note(rp, sec, "%s: %s. %s",
			    i18n_ntext("Entered after the quarter closed, exemplar number",
				       "Entered after the quarter closed, exemplar numbers", n),
			    nums, cfg->count_late ? _("They count toward the quota and the score.")
						  : _("They do not count toward the quota or the "
						      "score."));
	free(nums);
}

static void list_section(struct report *rp, struct tally *b, const struct tally_group *g, size_t ng,
			 struct items *it)
{
	const char *h[] = { _("#"), _("Name"), _("Type"), _("Category"),
			    _("Introduction date"), _("Status") };
	static const enum report_kind k[] = { REPORT_SEQ, REPORT_TEXT, REPORT_TEXT,
					      REPORT_TEXT, REPORT_DATE, REPORT_TEXT };
	struct report_section *sec = report_section(rp, _("II. EXEMPLARS INTRODUCED IN THE "
							  "QUARTER"), _("Exemplars"), 6, h, k);
	size_t *pos = malloc((b->units.n + 1) * sizeof *pos);
	size_t *unit_at = malloc((b->units.n + 1) * sizeof *unit_at), npos = 0;
	long no = 0;

	if (!pos || !unit_at) {
		rp->failed = true;
		goto out;
	}
	/* Units in the order of the first section; an unknown unit goes last. */
	for (size_t i = 0; i <= b->units.n; i++)
		pos[i] = SIZE_MAX;
	for (size_t gi = 0; gi < ng; gi++)
		for (size_t j = 0; j < g[gi].n; j++) {
			pos[g[gi].idx[j]] = npos;
			unit_at[npos++] = g[gi].idx[j];
		}
	for (size_t i = 0; i < it->n; i++)
		it->v[i].unit = pos[it->v[i].unit] != SIZE_MAX ? pos[it->v[i].unit] : npos;
	if (it->n)
		qsort(it->v, it->n, sizeof *it->v, item_order);
	for (size_t i = 0; i < it->n; i++) {
		const struct item *x = &it->v[i];
		char n[24], d[DATE_TEXT_SIZE], name[UNITS_LABEL_SIZE];
		if (x->unit < npos)
			units_label(&b->units, &b->units.v[unit_at[x->unit]], name, sizeof name);
		if (!i || x->unit != it->v[i - 1].unit)
			report_group(rp, sec, x->unit < npos ? name : _("(unknown)"));
		date_format_vn(x->date, d);
		const char *cells[] = { tally_num(&n, ++no), x->name, model_type_label(x->type),
					model_category_label(x->category), d,
					model_status_label(x->status) };
		report_row(rp, sec, REPORT_ROW, cells);
	}
	if (!it->n)
		report_note(rp, sec, _("No exemplar was introduced in this quarter."));
	late_note(rp, sec, b->cfg, it);
out:
	free(pos);
	free(unit_at);
}

int report_build_quarter(struct reg *r, int year, int quarter, struct report **out,
			 struct err *e)
{
	struct query_filter f = { .year = year, .quarter = quarter };
	struct tally b;
	struct items it = { &b, NULL, 0, false };
	struct tally_group *g = NULL;
	size_t ng = 0;
	struct report *rp = NULL;
	char title_period[256], from[DATE_TEXT_SIZE], to[DATE_TEXT_SIZE], q[16];
	int rc = -1;

	*out = NULL;
	if (tally_open(&b, r, 0, 0, e))
		return -1;
	if (query_quota(r, year, quarter, tally_add_quarter, &b, e) ||
	    query_scan(r, &f, NULL, 0, false, take_row, &it, e))
		goto out;
	for (size_t i = 0; i < it.n; i++)
		if (it.v[i].unit < b.units.n)
			b.fig[it.v[i].unit].shown = true;
	if (tally_groups(&b, &g, &ng, e))
		goto out;
	if (!(rp = report_new())) {
		err_nomem(e);
		goto out;
	}
	date_format_vn(date_quarter_first(year, quarter), from);
	date_format_vn(date_quarter_last(year, quarter), to);
	snprintf(title_period, sizeof title_period, _("Quarter %s of %d (from %s to %s)"),
		 quarter_name(quarter, q), year, from, to);
	report_heading(rp, b.cfg, year, register_today(r),
		       _("REPORT ON THE INTRODUCTION OF ADVANCED EXEMPLARS"), title_period);
	units_section(rp, &b, g, ng, year);
	list_section(rp, &b, g, ng, &it);
	if (report_status(rp, e))
		goto out;
	*out = rp;
	rp = NULL;
	rc = 0;
out:
	if (it.failed)
		rc = err_nomem(e);
	for (size_t i = 0; i < it.n; i++)
		free(it.v[i].name);
	free(it.v);
	tally_groups_free(g, ng);
	report_free(rp);
	tally_close(&b);
	return rc;
}

/* ---- the year-end scores ---------------------------------------------------------------- */

/* Propagation events of each unit's exemplars of the year that count. */
static int add_propagations(const struct exemplar *x, void *p)
{
	struct tally *b = p;
	size_t i = tally_unit_index(b, x->unit);

	if (!model_exemplar_counts(x->status, x->late, b->cfg->count_late))
		return 0;
	if (i < b->units.n) {
		b->fig[i].propagated += (int)x->n_propagations;
		b->fig[i].shown = true;
	}
	return 0;
}

/* Rank the units of each group by score, and order each group by rank. */
static int rank_groups(struct tally *b, struct tally_group *g, size_t ng, struct err *e)
{
	for (size_t gi = 0; gi < ng; gi++) {
		long *scores = malloc(g[gi].n * sizeof *scores);
		int *ranks = malloc(g[gi].n * sizeof *ranks);
		if (!scores || !ranks) {
			free(scores);
			free(ranks);
			return err_nomem(e);
		}
		for (size_t j = 0; j < g[gi].n; j++)
			scores[j] = b->fig[g[gi].idx[j]].score;
		report_build_rank(scores, g[gi].n, ranks);
		for (size_t j = 0; j < g[gi].n; j++)
			b->fig[g[gi].idx[j]].rank = ranks[j];
		/* Insertion sort by rank keeps the config's order among equals. */
		for (size_t j = 1; j < g[gi].n; j++) {
			size_t v = g[gi].idx[j], m = j;
			while (m > 0 && b->fig[g[gi].idx[m - 1]].rank > b->fig[v].rank) {
				g[gi].idx[m] = g[gi].idx[m - 1];
				m--;
			}
			g[gi].idx[m] = v;
		}
		free(scores);
		free(ranks);
	}
	return 0;
}

static void score_notes(struct report *rp, struct report_section *sec,
			const struct config *cfg, int year)
{
	const struct score_scheme *s = config_score(cfg, year);
	const struct period *p = period_of_year(&cfg->periods, year);

	/* A period's own points are named by the period, so the reader knows
	 * why the figures differ from another period's. */
	if (p && memcmp(s, &cfg->score, sizeof *s)) {
		char name[128];

		if (p->name)
			snprintf(name, sizeof name, "%s", p->name);
		else
			snprintf(name, sizeof name, _("Period %d-%d"), p->from, p->to);
		report_note(rp, sec, _("Score = %d x quarters met + (%d) x quarters short + %d x "
				       "exemplars counted + %d x accepted + %d x propagation "
				       "events + %d x commended, by the scoring scheme of the Home "
				       "Affairs Office for %s."), s->quarter_met, s->quarter_short,
			    s->introduced, s->accepted, s->propagated, s->commended, name);
	} else {
		report_note(rp, sec, _("Score = %d x quarters met + (%d) x quarters short + %d x "
				       "exemplars counted + %d x accepted + %d x propagation "
				       "events + %d x commended, by the scoring scheme of the Home "
				       "Affairs Office."), s->quarter_met, s->quarter_short,
			    s->introduced, s->accepted, s->propagated, s->commended);
	}
	report_note(rp, sec, _("Every figure is about the exemplars each unit introduced in %d. "
			       "Counted: introductions that count toward the quota (%s). "
			       "Quarters not yet over count neither as met nor as short."), year,
		    cfg->count_returned ? _("returned exemplars included")
					: _("returned exemplars left out"));
	report_note(rp, sec, _("Units are ranked within their emulation block; equal scores "
			       "share a rank."));
	outside_note(rp, sec, cfg, year);
}

static void scores_section(struct report *rp, struct tally *b, const struct tally_group *g,
			   size_t ng, int year)
{
	const char *h[] = { _("Rank"), _("Unit"), _("Quarters met"), _("Quarters short"),
			    _("Counted"), _("Accepted"), _("Propagation events"), _("Commended"),
			    _("Score") };
	static const enum report_kind k[] = { REPORT_SEQ, REPORT_TEXT, REPORT_NUMBER,
		REPORT_NUMBER, REPORT_NUMBER, REPORT_NUMBER, REPORT_NUMBER, REPORT_NUMBER,
		REPORT_NUMBER };
	struct report_section *sec = report_section(rp, _("SCORES BY EMULATION BLOCK"),
						    _("Scores"), 9, h, k);
	struct tally_figures sum = { 0 };
	char n[9][24], name[UNITS_LABEL_SIZE];

	for (size_t gi = 0; gi < ng; gi++) {
		tally_group_heading(rp, sec, gi, g[gi].name);
		for (size_t j = 0; j < g[gi].n; j++) {
			const struct tally_figures *f = &b->fig[g[gi].idx[j]];
			units_label(&b->units, &b->units.v[g[gi].idx[j]], name, sizeof name);
			const char *cells[] = {
				tally_num(&n[0], f->rank), name,
				tally_num(&n[1], f->met), tally_num(&n[2], f->short_),
				tally_num(&n[3], f->counted), tally_num(&n[4], f->accepted),
				tally_num(&n[5], f->propagated), tally_num(&n[6], f->commended),
				tally_num(&n[7], f->score),
			};
			report_row(rp, sec, REPORT_ROW, cells);
			sum.met += f->met;
			sum.short_ += f->short_;
			sum.counted += f->counted;
			sum.accepted += f->accepted;
			sum.propagated += f->propagated;
			sum.commended += f->commended;
		}
	}
	const char *total[] = {
		"", _("Total"), tally_num(&n[1], sum.met), tally_num(&n[2], sum.short_),
		tally_num(&n[3], sum.counted), tally_num(&n[4], sum.accepted),
		tally_num(&n[5], sum.propagated), tally_num(&n[6], sum.commended), "",
	};
	report_row(rp, sec, REPORT_TOTAL, total);
	report_para(rp, _("In %d the units introduced %d exemplars counted toward the quota; %d "
			  "were accepted and %d commended, with %d propagation events. Quarters "
			  "met: %d; quarters short: %d."), year, sum.counted, sum.accepted,
		    sum.commended, sum.propagated, sum.met, sum.short_);
	score_notes(rp, sec, b->cfg, year);
}

int report_build_year(struct reg *r, int year, struct report **out, struct err *e)
{
	struct tally b;
	struct tally_group *g = NULL;
	size_t ng = 0;
	struct report *rp = NULL;
	char period[64];
	int rc = -1;

	*out = NULL;
	if (tally_open(&b, r, 0, 0, e))
		return -1;
	if (query_quota(r, year, 0, tally_add_quarter, &b, e) ||
	    query_exemplars(r, year, 0, NULL, add_propagations, &b, e))
		goto out;
	for (size_t i = 0; i < b.units.n; i++) {
		struct tally_figures *f = &b.fig[i];
		struct report_score_input in = { f->met, f->short_, f->counted, f->accepted,
						 f->propagated, f->commended };
		f->score = report_build_score(config_score(b.cfg, year), &in);
	}
	if (tally_groups(&b, &g, &ng, e) || rank_groups(&b, g, ng, e))
		goto out;
	if (!(rp = report_new())) {
		err_nomem(e);
		goto out;
	}
	snprintf(period, sizeof period, _("Year %d"), year);
	report_heading(rp, b.cfg, year, register_today(r),
		       _("YEAR-END EMULATION SCORES FOR INTRODUCING ADVANCED EXEMPLARS"), period);
	scores_section(rp, &b, g, ng, year);
	if (report_status(rp, e))
		goto out;
	*out = rp;
	rp = NULL;
	rc = 0;
out:
	tally_groups_free(g, ng);
	report_free(rp);
	tally_close(&b);
	return rc;
}
