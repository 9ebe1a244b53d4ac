/* tally.c - see tally.h. */
#include "tally.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

void tally_close(struct tally *b)
{
	units_free(&b->units);
	free(b->fig);
	free(b->pool);
}

int tally_open(struct tally *b, struct reg *r, int first_year, int years, struct err *e)
{
	memset(b, 0, sizeof *b);
	b->cfg = register_config(r);
	b->first_year = first_year;
	b->years = years;
	if (register_units(r, &b->units, e))
		return -1;
	b->fig = calloc(b->units.n + 1, sizeof *b->fig);
	b->pool = calloc((b->units.n + 1) * (size_t)(years > 0 ? years : 1), sizeof *b->pool);
	if (!b->fig || !b->pool) {
		tally_close(b);
		return err_nomem(e);
	}
	for (size_t i = 0; i < b->units.n; i++)
		b->fig[i].by_year = b->pool + i * (size_t)(years > 0 ? years : 1);
	return 0;
}

size_t tally_unit_index(const struct tally *b, const char *code)
{
	const struct unit *u = units_find(&b->units, code);

	return u ? (size_t)(u - b->units.v) : b->units.n;
}

bool tally_passed_review(enum ex_status s)
{
	return s == STATUS_ACCEPTED || s == STATUS_PROPOSED || s == STATUS_COMMENDED ||
	       s == STATUS_REVOKED;
}

void tally_add_figures(struct tally_figures *f, const struct query_quota *q)
{
	const struct store_counts *c = &q->counts;

	f->required += q->required;
	f->counted += q->counted;
	f->state = q->state;
	f->met += q->state == QUOTA_MET;
	f->short_ += q->state == QUOTA_SHORT;
	f->collective += (int)c->by_type[TYPE_COLLECTIVE];
	f->individual += (int)c->by_type[TYPE_INDIVIDUAL];
	f->returned += (int)c->by_status[STATUS_RETURNED];
	f->commended += (int)c->by_status[STATUS_COMMENDED];
	for (int s = 1; s < STATUS_COUNT_; s++)
		if (tally_passed_review((enum ex_status)s))
			f->accepted += (int)c->by_status[s];
}

int tally_add_quarter(const struct query_quota *q, void *p)
{
	struct tally *b = p;
	size_t i = tally_unit_index(b, q->unit->code);
	struct tally_figures *f = &b->fig[i];

	if (i == b->units.n)
		return 0;
	f->shown |= model_unit_active_in_quarter(q->unit, q->year, q->quarter) || q->counts.total;
	tally_add_figures(f, q);
	if (b->years && q->year >= b->first_year && q->year < b->first_year + b->years)
		f->by_year[q->year - b->first_year] += (int)q->counts.total;
	return 0;
}

void tally_groups_free(struct tally_group *g, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(g[i].idx);
	free(g);
}

static int add_group(struct tally_group **g, size_t *n, const char *name, size_t *idx, size_t count)
{
	struct tally_group *v;

	if (!count) {
		free(idx);
		return 0;
	}
	if (!(v = realloc(*g, (*n + 1) * sizeof *v))) {
		free(idx);
		return -1;
	}
	*g = v;
	v[*n] = (struct tally_group){ name, idx, count };
	(*n)++;
	return 0;
}

/* Out of memory: what was gathered goes, and the caller is left nothing to free. */
static int groups_failed(struct tally_group **out, size_t *n, struct err *e)
{
	tally_groups_free(*out, *n);
	*out = NULL;
	*n = 0;
	return err_nomem(e);
}

int tally_groups(const struct tally *b, struct tally_group **out, size_t *n, struct err *e)
{
	const struct config *cfg = b->cfg;

	*out = NULL;
	*n = 0;
	for (size_t k = 0; k <= cfg->n_blocks; k++) {
		size_t *idx = malloc((b->units.n + 1) * sizeof *idx), count = 0;
		if (!idx)
			return groups_failed(out, n, e);
		for (size_t i = 0; i < b->units.n; i++) {
			const struct unit *u = &b->units.v[i];
			bool in_block = k < cfg->n_blocks
					? strcmp(u->block, cfg->blocks[k].code) == 0
					: !config_block(cfg, u->block);
			if (b->fig[i].shown && in_block)
				idx[count++] = i;
		}
		if (add_group(out, n, k < cfg->n_blocks ? cfg->blocks[k].name
					: _("Units outside the emulation blocks"), idx, count))
			return groups_failed(out, n, e);
	}
	return 0;
}

void tally_group_heading(struct report *rp, struct report_section *sec, size_t k,
			  const char *name)
{
	char line[512];

	/* Letters: the sections are numbered I, II... and the rows 1, 2... */
	if (k < 26)
		snprintf(line, sizeof line, "%c. %s", (char)('A' + k), name);
	else
		snprintf(line, sizeof line, "%zu. %s", k + 1, name);
	report_group(rp, sec, line);
}

const char *tally_num(char (*buf)[24], long v)
{
	snprintf(*buf, sizeof *buf, "%ld", v);
	return *buf;
}
