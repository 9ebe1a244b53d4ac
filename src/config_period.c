/*
 * config_period.c - the plan periods of the configuration; see config.h
 * and period.h.
 *
 * [period.CODE] sections are read before every other section, in file
 * order, each checked against those before it, so that a unit's
 * "quota.CODE" can be checked where it stands.  The score points a period
 * leaves out and the years of the period that plan_from/plan_to make are
 * only known once [score] and [dienhinh] are read: config_periods_finish.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_priv.h"
#include "i18n.h"

#define PER(f) offsetof(struct period, f)

/* A score key the period's section does not give: [score]'s then. */
#define UNSET INT_MIN

/* The code of the one period of a config without [period.*] sections. */
#define PLAN_CODE "plan"

static const struct keyspec period_keys[] = {
	{ "name", V_TEXT, PER(name) },
	{ "from", V_INT, PER(from), 2000, 2100 },
	{ "to", V_INT, PER(to), 2000, 2100 },
	{ "issuer_parent", V_TEXT, PER(issuer_parent) },
	{ "issuer", V_TEXT, PER(issuer) },
	{ "place", V_TEXT, PER(place) },
#define PER_SCORE(f) PER(score.f)
	SCORE_KEYS(PER_SCORE),
	{ NULL },
};

/* The line of key `key` in s, else of the section. */
static int line_of(const struct iniscan_sec *s, const char *key)
{
	const struct iniscan_key *k = iniscan_find_key(s, key);

	return k ? k->line : s->line;
}

/* Period p (read from s) shares no year with the n read before it. */
static int check_overlap(struct load *ld, const struct iniscan_sec *s, const struct period *p,
			 size_t n)
{
	const struct period *v = ld->cfg->periods.v;

	for (size_t i = 0; i < n; i++)
		if (p->from <= v[i].to && v[i].from <= p->to)
			return config_fail(ld, line_of(s, "from"), s->name, "from",
				      _("the years %d-%d overlap those of [period.%s] (%d-%d); "
					"periods may leave years between them, but not share "
					"one"), p->from, p->to, v[i].code, v[i].from, v[i].to);
	return 0;
}

static int read_period(struct load *ld, const struct iniscan_sec *s, struct period *p, size_t n)
{
	const char *code = s->name + strlen("period.");
	char shown[INISCAN_SHOW_SIZE];
	static const char *const required[] = { "name", "from", "to" };

	if (!model_code_valid(code))
		return config_fail(ld, s->line, s->name, NULL, _(BAD_CODE), iniscan_show(code, shown));
	snprintf(p->code, sizeof p->code, "%s", code);
	p->score = (struct score_scheme){ UNSET, UNSET, UNSET, UNSET, UNSET, UNSET };
	if (config_read_keys(ld, s, period_keys, p) < 0)
		return -1;
	for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
		if (!iniscan_find_key(s, required[i]))
			return config_fail(ld, s->line, s->name, required[i],
				      _("this key is required but missing"));
	if (p->from > p->to)
		return config_fail(ld, line_of(s, "to"), s->name, "to", _("%d is before from (%d)"),
			      p->to, p->from);
	return check_overlap(ld, s, p, n);
}

int config_periods_read(struct load *ld)
{
	struct period_list *l = &ld->cfg->periods;
	size_t n = 0;

	for (size_t i = 0; i < ld->scan.n_secs; i++)
		n += strncmp(ld->scan.secs[i].name, "period.", strlen("period.")) == 0;
	l->v = calloc(n ? n : 1, sizeof *l->v);
	if (!l->v)
		return err_nomem(ld->e);
	if (!n) {
		/* plan_from and plan_to give its years once [dienhinh] is read */
		snprintf(l->v[0].code, sizeof l->v[0].code, PLAN_CODE);
		l->n = 1;
		return 0;
	}
	for (size_t i = 0; i < ld->scan.n_secs; i++) {
		const struct iniscan_sec *s = &ld->scan.secs[i];

		if (strncmp(s->name, "period.", strlen("period.")) != 0)
			continue;
		if (read_period(ld, s, &l->v[l->n], l->n) < 0) {
			l->n++; /* what it holds is freed with the rest */
			return -1;
		}
		l->n++;
	}
	return 0;
}

int config_period_quota(struct load *ld, const struct iniscan_sec *s, const struct iniscan_key *k,
			const char *unit, int quota)
{
	struct period_list *l = &ld->cfg->periods;
	const char *code = k->name + strlen("quota.");

	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].code, code) == 0)
			return period_add_quota(&l->v[i], unit, quota) ? err_nomem(ld->e) : 0;
	if (l->n == 1 && !l->v[0].name)
		return config_fail(ld, k->line, s->name, k->name,
			      _("unknown plan period \"%s\": the file declares no [period.CODE] "
				"section, and the years of plan_from and plan_to are the period "
				"\"plan\""), code);
	return config_fail(ld, k->line, s->name, k->name,
		      _("unknown plan period \"%s\": there is no [period.%s]"), code, code);
}

/* The [score] points where p gives none of its own. */
static void fill_score(struct score_scheme *p, const struct score_scheme *d)
{
#define FILL(f) p->f = p->f == UNSET ? d->f : p->f
	FILL(quarter_met);
	FILL(quarter_short);
	FILL(introduced);
	FILL(accepted);
	FILL(propagated);
	FILL(commended);
#undef FILL
}

int config_periods_finish(struct load *ld)
{
	struct config *c = ld->cfg;
	struct period_list *l = &c->periods;
	const struct iniscan_sec *s = NULL;
	static const char *const plan_keys[] = { "plan_from", "plan_to" };

	for (size_t i = 0; i < ld->scan.n_secs && !s; i++)
		if (strcmp(ld->scan.secs[i].name, "dienhinh") == 0)
			s = &ld->scan.secs[i];
	if (l->n == 1 && !l->v[0].name) {
		l->v[0].from = ld->plan_from;
		l->v[0].to = ld->plan_to;
		l->v[0].score = c->score;
		return 0;
	}
	for (size_t i = 0; s && i < sizeof plan_keys / sizeof plan_keys[0]; i++)
		if (iniscan_find_key(s, plan_keys[i]))
			return config_fail(ld, line_of(s, plan_keys[i]), s->name, plan_keys[i],
				      _("plan_from and plan_to cannot stand beside [period.CODE] "
					"sections: give each period its years with from and to, "
					"and remove this key"));
	for (size_t i = 0; i < l->n; i++)
		fill_score(&l->v[i].score, &c->score);
	period_list_sort(l);
	return 0;
}

struct config_heading config_heading(const struct config *cfg, int year)
{
	const struct period *p = period_of_year(&cfg->periods, year);
	struct config_heading h = { cfg->issuer_parent, cfg->issuer, cfg->place,
		cfg->symbol, cfg->sign_authority, cfg->sign_title, cfg->signer,
		cfg->recipients, cfg->archive };

	if (p && p->issuer_parent)
		h.issuer_parent = p->issuer_parent;
	if (p && p->issuer)
		h.issuer = p->issuer;
	if (p && p->place)
		h.place = p->place;
	return h;
}

const struct score_scheme *config_score(const struct config *cfg, int year)
{
	const struct period *p = period_of_year(&cfg->periods, year);

	return p ? &p->score : &cfg->score;
}
