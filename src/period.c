/* period.c - see period.h. */
#include "period.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

const struct period *period_of_year(const struct period_list *l, int year)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].from <= year && year <= l->v[i].to)
			return &l->v[i];
	return NULL;
}

const struct period *period_find(const struct period_list *l, const char *code)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].code, code) == 0)
			return &l->v[i];
	return NULL;
}

const struct period *period_before(const struct period_list *l, int year)
{
	const struct period *p = NULL;

	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].to < year && (!p || l->v[i].to > p->to))
			p = &l->v[i];
	return p;
}

const struct period *period_after(const struct period_list *l, int year)
{
	const struct period *p = NULL;

	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].from > year && (!p || l->v[i].from < p->from))
			p = &l->v[i];
	return p;
}

const struct period *period_current_or_last(const struct period_list *l, date_t today)
{
	const struct period *p = period_of_year(l, date_year(today));

	return p ? p : l->n ? &l->v[l->n - 1] : NULL;
}

int period_unit_quota(const struct period *p, const struct unit *u)
{
	for (size_t i = 0; i < p->n_quotas; i++)
		if (strcmp(p->quotas[i].unit, u->code) == 0)
			return p->quotas[i].quota;
	return u->quota;
}

int period_required(const struct period *p, const struct unit *u, int year, int q)
{
	if (!p || year < p->from || year > p->to || !model_unit_active_in_quarter(u, year, q))
		return 0;
	return period_unit_quota(p, u);
}

bool period_unit_listed(const struct period_list *l, const struct unit *u, int year)
{
	const struct period *p = period_of_year(l, year);
	date_t first = date_quarter_first(p ? p->from : year, 1);
	date_t last = date_quarter_last(p ? p->to : year, 4);

	return (u->active_from == DATE_NONE || u->active_from <= last) &&
	       (u->active_to == DATE_NONE || u->active_to >= first);
}

void period_name(const struct period *p, char *buf, size_t size)
{
	if (p->name)
		snprintf(buf, size, "%s", p->name);
	else
		snprintf(buf, size, _("Plan %d–%d"), p->from, p->to);
}

void period_outside_text(const struct period_list *l, int year, char *buf, size_t size)
{
	const struct period *before = period_before(l, year), *after = period_after(l, year);
	char b[PERIOD_NAME_SIZE], a[PERIOD_NAME_SIZE], end[DATE_TEXT_SIZE], start[DATE_TEXT_SIZE];

	buf[0] = 0;
	if (period_of_year(l, year) || (!before && !after))
		return;
	if (before) {
		period_name(before, b, sizeof b);
		date_format_vn(date_quarter_last(before->to, 4), end);
	}
	if (after) {
		period_name(after, a, sizeof a);
		date_format_vn(date_quarter_first(after->from, 1), start);
	}
	if (!after)
		snprintf(buf, size, _("%s ended on %s; no new period is declared in the "
				      "configuration file"), b, end);
	else if (!before)
		snprintf(buf, size, _("%d is outside the plan periods: %s begins on %s"), year, a,
			 start);
	else
		snprintf(buf, size, _("%d is outside the plan periods: %s ended on %s and %s "
				      "begins on %s"), year, b, end, a, start);
}

int period_add_quota(struct period *p, const char *unit, int quota)
{
	struct period_quota *v = realloc(p->quotas, (p->n_quotas + 1) * sizeof *v);

	if (!v)
		return -1;
	p->quotas = v;
	snprintf(v[p->n_quotas].unit, sizeof v->unit, "%s", unit);
	v[p->n_quotas++].quota = quota;
	return 0;
}

static int by_year(const void *a, const void *b)
{
	const struct period *x = a, *y = b;

	return (x->from > y->from) - (x->from < y->from);
}

void period_list_sort(struct period_list *l)
{
	if (l->n > 1) /* qsort must not be given the NULL of an empty list */
		qsort(l->v, l->n, sizeof *l->v, by_year);
}

void period_list_free(struct period_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].name);
		free(l->v[i].issuer_parent);
		free(l->v[i].issuer);
		free(l->v[i].place);
		free(l->v[i].quotas);
	}
	free(l->v);
	l->v = NULL;
	l->n = 0;
}
