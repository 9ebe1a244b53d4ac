/* export.c - see export.h. */
#include "export.h"

#include <stdio.h>
#include <stdlib.h>

#include "fields.h"
#include "i18n.h"
#include "query.h"
#include "sheet.h"

/* An export being built: the report's one table and the unit names for it. */
struct export_ctx {
	struct report *rp;
	struct report_section *sec;
	const struct unit_list *units;
	size_t count;
};

/* One row of the file: each field as its column holds it (enums as labels). */
static int export_exemplar(const struct exemplar *x, void *p)
{
	struct export_ctx *c = p;
	const struct unit *u = units_find(c->units, x->unit);
	char buf[FIELD_COUNT][SHEET_TIME_SIZE]; /* more than FIELD_VALUE_SIZE */
	const char *cells[FIELD_COUNT];
	char *props = sheet_format_propagations(x);

	if (!props) {
		c->rp->failed = true;
		return -1;
	}
	for (size_t i = 0; i < FIELD_COUNT; i++) {
		const struct field *f = &field_table[i];
		cells[i] = field_value(x, f, FIELD_LABELS, buf[i]);
		if (f->kind == FK_TIME) {
			sheet_format_time(*(const int64_t *)((const char *)x + f->offset), buf[i]);
			cells[i] = buf[i];
		} else if (f->kind == FK_UNIT_NAME) {
			cells[i] = u ? u->name : "";
		} else if (f->kind == FK_LIST) {
			cells[i] = props;
		}
	}
	report_row(c->rp, c->sec, REPORT_ROW, cells);
	free(props);
	c->count++;
	return c->rp->failed ? -1 : 0;
}

static struct report_section *export_section(struct report *rp, const struct sheet_column *cols,
					     size_t n, const char *sheet)
{
	const char *h[SHEET_X_COUNT];
	enum report_kind k[SHEET_X_COUNT];

	for (size_t i = 0; i < n; i++) {
		h[i] = _(cols[i].label);
		k[i] = cols[i].kind;
	}
	return report_section(rp, NULL, sheet, n, h, k);
}

static void export_units(struct export_ctx *c, const struct config *cfg)
{
	for (size_t i = 0; i < c->units->n; i++) {
		const struct unit *u = &c->units->v[i];
		const struct block *b = config_block(cfg, u->block);
		char quota[16], from[DATE_TEXT_SIZE], to[DATE_TEXT_SIZE];
		snprintf(quota, sizeof quota, "%d", u->quota);
		date_format(u->active_from, from);
		date_format(u->active_to, to);
		const char *cells[SHEET_U_SKIP] = { u->code, u->name, model_kind_label(u->kind),
					      b ? b->name : u->block, quota, from, to,
					      u->successor };
		report_row(c->rp, c->sec, REPORT_ROW, cells);
		c->count++;
	}
}

int export_register(struct reg *r, enum exchange_what what, struct report **out,
		    size_t *count, struct err *e)
{
	struct unit_list units;
	struct export_ctx c = { report_new(), NULL, &units, 0 };
	int rc = -1;

	*out = NULL;
	*count = 0;
	if (!c.rp)
		return err_nomem(e);
	if (register_units(r, &units, e)) {
		report_free(c.rp);
		return -1;
	}
	if (what == EXCHANGE_UNITS) {
		c.sec = export_section(c.rp, sheet_unit_columns, SHEET_U_SKIP, _("Units"));
		export_units(&c, register_config(r));
	} else {
		c.sec = export_section(c.rp, sheet_exemplar_columns, SHEET_X_SKIP, _("Exemplars"));
		if (query_exemplars(r, 0, 0, NULL, export_exemplar, &c, e) && !c.rp->failed)
			goto out;
	}
	if (report_status(c.rp, e))
		goto out;
	*out = c.rp;
	*count = c.count;
	c.rp = NULL;
	rc = 0;
out:
	report_free(c.rp);
	units_free(&units);
	return rc;
}
