/* exform.c - the exemplar form; see ui/exform.h. */
#include "ui/exform.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "fields.h"
#include "i18n.h"
#include "ui/draw.h"
#include "ui/fmt.h"
#include "ui/form.h"
#include "ui/prompt.h"

#define RELOAD_KEY UI_CTRL('r')

/*
 * The form's state.  `base` is the stored record the edit started from
 * (its version is what the save sends); choices point into the arrays
 * here, which live as long as the form.  The form shows every field a
 * person sets (FF_EDIT in fields.h): `at` is each field's place in it
 * (FIELD_COUNT when it is not in the form).
 */
struct exform {
	struct ui *ui;
	uint64_t id;
	struct exemplar base;
	struct ui_field fields[FIELD_COUNT];
	size_t at[FIELD_COUNT];
	size_t n_fields;
	struct ui_form fm;
	const char *types[2];
	const char *cats[TYPE_COUNT_][CAT_COUNT_];       /* labels per type */
	enum ex_category cat_ids[TYPE_COUNT_][CAT_COUNT_];
	size_t n_cats[TYPE_COUNT_];
	const char *genders[3];
	char **unit_labels;
	const char **units;                              /* labels, as choices */
	const char **unit_codes;
	size_t n_units;
	struct exemplar *saved;
	const char *legacy;                              /* kept although it looks legacy */
	bool warned;                                     /* told about a newer version */
	char title[96];
};

static const enum ex_type type_of_pick[2] = { TYPE_COLLECTIVE, TYPE_INDIVIDUAL };
static const enum ex_gender gender_of_pick[3] = { GENDER_MALE, GENDER_FEMALE,
						  GENDER_UNKNOWN };

/* The form's field for exemplar field `id`. */
static struct ui_field *slot(struct exform *x, enum field_id id)
{
	return &x->fields[x->at[id]];
}

/*
 * The order of the form: the fields to type or pick, in the table's order;
 * then the unit and the introduction date, which a new record has filled
 * in already (and for the office the reason of a late entry, used when the
 * date's quarter has closed); then the multi-line texts, which take the
 * most room.
 */
static int place(const struct field *f)
{
	if (f->flags & FF_MULTILINE)
		return 2;
	return f->kind == FK_UNIT || f->kind == FK_DATE || f == &field_table[FIELD_LATE_REASON];
}

static void lay_out(struct exform *x)
{
	bool office = register_is_office(x->ui->r);

	x->n_fields = 0;
	for (size_t i = 0; i < FIELD_COUNT; i++)
		x->at[i] = FIELD_COUNT;
	for (int p = 0; p <= 2; p++)
		for (size_t i = 0; i < FIELD_COUNT; i++)
			if (((field_table[i].flags & FF_EDIT) ||
			     (office && i == FIELD_LATE_REASON)) && place(&field_table[i]) == p)
				x->at[i] = x->n_fields++;
}

static enum ex_type chosen_type(struct exform *x)
{
	size_t p = slot(x, FIELD_TYPE)->pick;

	return p < 2 ? type_of_pick[p] : 0;
}

/* The categories follow the type; gender and birth year are for individuals only. */
static void type_changed(struct exform *x)
{
	enum ex_type t = chosen_type(x);
	struct ui_field *c = slot(x, FIELD_CATEGORY);
	enum ex_category keep = c->pick < c->n_choices && c->choices == x->cats[t]
				? x->cat_ids[t][c->pick] : 0;

	c->choices = x->cats[t];
	c->n_choices = x->n_cats[t];
	c->pick = c->n_choices;
	for (size_t i = 0; i < c->n_choices; i++)
		if (x->cat_ids[t][i] == keep)
			c->pick = i;
	slot(x, FIELD_GENDER)->hidden = slot(x, FIELD_BIRTH_YEAR)->hidden = t != TYPE_INDIVIDUAL;
	slot(x, FIELD_NAME)->label = model_name_label(t);
}

static void changed(struct ui_form *fm, struct ui_field *f, void *ctx)
{
	struct exform *x = ctx;

	(void)fm;
	if (f == slot(x, FIELD_TYPE))
		type_changed(x);
}

static int build_choices(struct exform *x)
{
	struct ui *ui = x->ui;

	x->types[0] = model_type_label(TYPE_COLLECTIVE);
	x->types[1] = model_type_label(TYPE_INDIVIDUAL);
	for (int c = 1; c < CAT_COUNT_; c++) {
		enum ex_type t = model_category_type((enum ex_category)c);
		x->cat_ids[t][x->n_cats[t]] = (enum ex_category)c;
		x->cats[t][x->n_cats[t]++] = model_category_label((enum ex_category)c);
	}
	x->genders[0] = model_gender_label(GENDER_MALE);
	x->genders[1] = model_gender_label(GENDER_FEMALE);
	x->genders[2] = _("Not recorded");
	x->unit_labels = calloc(ui->units.n + 1, sizeof *x->unit_labels);
	x->units = calloc(ui->units.n + 1, sizeof *x->units);
	x->unit_codes = calloc(ui->units.n + 1, sizeof *x->unit_codes);
	if (!x->unit_labels || !x->units || !x->unit_codes)
		return -1;
	for (size_t i = 0; i < ui->units.n; i++) {
		const struct unit *u = &ui->units.v[i];
		char name[UNITS_LABEL_SIZE], to[DATE_TEXT_SIZE], last[64] = "";
		bool mine = x->id ? register_is_office(ui->r) || register_may_add(ui->r, u->code,
										   NULL)
				  : register_may_add(ui->r, u->code, NULL);
		/* An edit keeps the record's own unit choosable, whoever edits it. */
		bool current = x->id && strcmp(u->code, x->base.unit) == 0;
		if (!mine && !current)
			continue;
		/* Merged units stay choosable for earlier dates, marked with their
		 * last day, which units_label gives already to one whose successor
		 * bears its name. */
		size_t keep = units_label(&ui->units, u, name, sizeof name);
		if (!name[keep] && u->active_to != DATE_NONE) {
			ui_fmt_date(u->active_to, to);
			snprintf(last, sizeof last, _("(until %s)"), to);
		}
		if (asprintf(&x->unit_labels[x->n_units], "%s%s%s", name, last[0] ? " " : "",
			     last) < 0)
			return -1;
		x->units[x->n_units] = x->unit_labels[x->n_units];
		x->unit_codes[x->n_units++] = u->code;
	}
	return 0;
}

/* The only choosable unit active on the new record's date, or n_units (none, or several). */
static size_t today_unit(const struct exform *x)
{
	size_t only = x->n_units;

	for (size_t i = 0; i < x->n_units; i++) {
		const struct unit *u = units_find(&x->ui->units, x->unit_codes[i]);
		if (!u || !model_unit_active_on(u, x->base.date))
			continue;
		if (only < x->n_units)
			return x->n_units;
		only = i;
	}
	return only;
}

static size_t unit_pick(const struct exform *x, const char *code)
{
	for (size_t i = 0; code && i < x->n_units; i++)
		if (strcmp(x->unit_codes[i], code) == 0)
			return i;
	return x->n_units;
}

static size_t gender_pick(enum ex_gender g)
{
	for (size_t i = 0; i < 3; i++)
		if (gender_of_pick[i] == g)
			return i;
	return 2;
}

/* Fill the form's field for field `id` from record r; 0 or -1 (out of memory). */
static int fill_one(struct exform *x, enum field_id id, const struct exemplar *r, size_t tp)
{
	const struct field *f = &field_table[id];
	struct ui_field *uf = slot(x, id);
	const char *label = _(f->label);
	char b[FIELD_VALUE_SIZE];

	switch (id) {
	case FIELD_TYPE:
		return ui_field_pick(uf, f->code, label, x->types, 2, tp);
	case FIELD_CATEGORY:
		return ui_field_pick(uf, f->code, label, x->cats[type_of_pick[tp]],
				     x->n_cats[type_of_pick[tp]], 0);
	case FIELD_GENDER:
		return ui_field_pick(uf, f->code, label, x->genders, 3, gender_pick(r->gender));
	case FIELD_BIRTH_YEAR:
		return ui_field_text(uf, f->code, label, UI_FIELD_NUMBER,
				     field_value(r, f, 0, b), 4);
	case FIELD_UNIT:
		return ui_field_pick(uf, f->code, label, x->units, x->n_units,
				     unit_pick(x, r->unit));
	case FIELD_DATE:
		ui_fmt_date(r->date, b);
		return ui_field_text(uf, f->code, label, UI_FIELD_DATE, b, 10);
	default:
		if (f->flags & FF_MULTILINE)
			return ui_field_area(uf, f->code, label, field_text(r, f), f->max_chars, 5);
		return ui_field_text(uf, f->code, label, UI_FIELD_TEXT, field_text(r, f),
				     f->max_chars);
	}
}

/* Fill the fields from record r (values made visible by the field setters). */
static int fill(struct exform *x, const struct exemplar *r)
{
	struct ui_field *c;
	size_t tp = r->type == TYPE_COLLECTIVE ? 0 : 1;

	for (size_t i = 0; i < FIELD_COUNT; i++)
		if (x->at[i] < FIELD_COUNT && fill_one(x, (enum field_id)i, r, tp))
			return -1;
	c = slot(x, FIELD_CATEGORY);
	c->pick = c->n_choices;
	for (size_t i = 0; i < c->n_choices; i++)
		if (x->cat_ids[type_of_pick[tp]][i] == r->category)
			c->pick = i;
	c->orig_pick = c->pick;
	type_changed(x);
	return 0;
}

static char *opt_value(const struct ui_field *f)
{
	char *v = ui_field_value(f);

	if (v && !*v) {
		free(v);
		return NULL;
	}
	return v;
}

/* The person's values as a record to save (on top of the base for an edit). */
static int gather(struct exform *x, struct exemplar *r, struct err *e)
{
	struct ui_field *cat = slot(x, FIELD_CATEGORY), *unit = slot(x, FIELD_UNIT);
	enum ex_type t = chosen_type(x);
	char *s;

	if (model_exemplar_copy(r, &x->base))
		return err_nomem(e);
	r->type = t;
	r->category = cat->pick < cat->n_choices ? x->cat_ids[t][cat->pick] : 0;
	r->gender = t == TYPE_INDIVIDUAL ? gender_of_pick[slot(x, FIELD_GENDER)->pick % 3]
					 : GENDER_UNKNOWN;
	r->birth_year = 0;
	if (t == TYPE_INDIVIDUAL && (s = opt_value(slot(x, FIELD_BIRTH_YEAR)))) {
		r->birth_year = atoi(s);
		free(s);
	}
	for (size_t i = 0; i < FIELD_COUNT; i++) {
		const struct field *f = &field_table[i];
		if (f->kind == FK_TEXT && x->at[i] < FIELD_COUNT) {
			free(*field_text_at(r, f));
			*field_text_at(r, f) = opt_value(&x->fields[x->at[i]]);
		}
	}
	r->unit[0] = 0;
	if (unit->pick < x->n_units)
		snprintf(r->unit, sizeof r->unit, "%s", x->unit_codes[unit->pick]);
	if (!r->category)
		return err_set_field(e, ERR_INVALID, "category", _("Choose the category."));
	if (!r->unit[0])
		return err_set_field(e, ERR_INVALID, "unit", _("Choose the introducing unit."));
	s = opt_value(slot(x, FIELD_DATE));
	if (!s)
		return err_set_field(e, ERR_INVALID, "date", _("Write the date as day/month/year, "
							       "for example 27/11/2025."));
	int bad = model_date_read(s, NULL, &r->date, e);
	free(s);
	if (bad)
		snprintf(e->field, sizeof e->field, "date");
	return bad;
}

/* Load the newest stored version; fields that differ from it get a note. */
static int take_newer(struct ui *ui, struct exform *x)
{
	struct exemplar now;
	struct err e;
	struct exform mirror;

	model_exemplar_init(&now);
	if (register_get(ui->r, x->id, &now, &e)) {
		snprintf(x->fm.msg, sizeof x->fm.msg, "%s", e.msg);
		x->fm.msg_error = true;
		return -1;
	}
	/* Compare field by field through a second set of fields filled from the stored record. */
	mirror = *x;
	memset(mirror.fields, 0, sizeof mirror.fields);
	int rc = fill(&mirror, &now);
	ui_form_clear_messages(&x->fm);
	for (size_t i = 0; !rc && i < x->n_fields; i++) {
		char *mine = ui_field_value(&x->fields[i]);
		char *theirs = ui_field_value(&mirror.fields[i]);
		if (mine && theirs && strcmp(mine, theirs) != 0 &&
		    asprintf(&x->fields[i].note, _("Saved by %s: %s"), now.updated_by,
			     *theirs ? theirs : _("(empty)")) < 0)
			x->fields[i].note = NULL;
		free(mine);
		free(theirs);
	}
	for (size_t i = 0; i < x->n_fields; i++)
		ui_field_free(&mirror.fields[i]);
	snprintf(x->fm.msg, sizeof x->fm.msg,
		 _("Loaded version %u saved by %s. Your typing is kept; a note under a field "
		   "shows the saved value where it differs. Saving now replaces it with yours."),
		 now.version, now.updated_by);
	x->fm.msg_error = false;
	model_exemplar_free(&x->base);
	x->base = now;
	x->warned = false;
	return rc;
}

/* Add or edit r; `legacy` as register_add's. */
static int store(struct ui *ui, struct exform *x, struct exemplar *r, const char **legacy,
		 struct err *e)
{
	return x->id ? register_edit(ui->r, r, legacy, e) : register_add(ui->r, r, legacy, e);
}

/*
 * Was r refused because a field looks typed with a legacy keyboard, and
 * does the person, asked, keep it as typed (a name that only looks so)?
 */
static bool keep_legacy(struct ui *ui, const struct exemplar *r, const struct err *e)
{
	char q[800];

	if (!model_refused_legacy(r, e))
		return false;
	snprintf(q, sizeof q, "%s\n\n%s", e->msg,
		 _("Keep it exactly as typed anyway? Answer yes only if the text really is "
		   "written this way."));
	return ui_prompt_yesno(ui, _("Old keyboard encoding?"), q) == 1;
}

static int save(struct ui *ui, struct ui_form *fm, void *ctx)
{
	struct exform *x = ctx;
	struct exemplar r;
	struct err e = { 0 };
	int rc;

	model_exemplar_init(&r);
	rc = gather(x, &r, &e);
	if (!rc)
		rc = store(ui, x, &r, NULL, &e);
	if (rc && keep_legacy(ui, &r, &e))
		rc = store(ui, x, &r, &x->legacy, &e);
	if (rc && e.code == ERR_CONFLICT) {
		snprintf(fm->msg, sizeof fm->msg, "%.380s %s", e.msg,
			 _("Press Ctrl-R to load their version; what you typed stays here."));
		fm->msg_error = true;
		char q[700];
		snprintf(q, sizeof q, "%s\n\n%s", e.msg,
			 _("Load their version now? What you typed stays in the form, with their "
			   "values noted beside the fields that differ."));
		if (ui_prompt_yesno(ui, _("Saved by someone else"), q) == 1)
			take_newer(ui, x);
	} else if (rc) {
		ui_form_refuse(fm, &e);
	} else if (x->saved) {
		model_exemplar_free(x->saved);
		*x->saved = r;
		model_exemplar_init(&r);
	}
	model_exemplar_free(&r);
	return rc;
}

/* Someone saved while the form is open: say so now rather than at the save. */
static void reload(struct ui *ui, struct ui_form *fm, void *ctx)
{
	struct exform *x = ctx;
	struct exemplar now;
	struct err e;

	if (!x->id || x->warned)
		return;
	model_exemplar_init(&now);
	if (register_get(ui->r, x->id, &now, &e) == 0 && now.version != x->base.version) {
		snprintf(fm->msg, sizeof fm->msg, _("%s has just saved this exemplar. Press "
						    "Ctrl-R to load their version; what you typed "
						    "stays here."), now.updated_by);
		fm->msg_error = true;
		x->warned = true;
	}
	model_exemplar_free(&now);
}

static bool key(struct ui *ui, struct ui_form *fm, int k, void *ctx)
{
	struct exform *x = ctx;

	(void)fm;
	if (k != RELOAD_KEY || !x->id)
		return false;
	take_newer(ui, x);
	return true;
}

static void exform_free(struct exform *x)
{
	for (size_t i = 0; i < x->n_fields; i++)
		ui_field_free(&x->fields[i]);
	for (size_t i = 0; x->unit_labels && i < x->n_units; i++)
		free(x->unit_labels[i]);
	free(x->unit_labels);
	free(x->units);
	free(x->unit_codes);
	model_exemplar_free(&x->base);
}

int ui_exform_run(struct ui *ui, uint64_t id, const char *unit, struct exemplar *saved)
{
	struct exform x;
	struct err e;
	int rc = 0;

	memset(&x, 0, sizeof x);
	x.ui = ui;
	x.id = id;
	x.saved = saved;
	model_exemplar_init(&x.base);
	if (id) {
		if (register_get(ui->r, id, &x.base, &e)) {
			ui_term_say(ui, true, "%s", e.msg);
			model_exemplar_free(&x.base);
			return 0;
		}
		snprintf(x.title, sizeof x.title, _("Edit exemplar number %llu"),
			 (unsigned long long)id);
	} else {
		x.base.type = TYPE_INDIVIDUAL;
		x.base.date = register_today(ui->r);
		if (unit)
			snprintf(x.base.unit, sizeof x.base.unit, "%s", unit);
		snprintf(x.title, sizeof x.title, "%s", _("New exemplar"));
	}
	lay_out(&x);
	if (build_choices(&x) || fill(&x, &x.base)) {
		ui_term_say(ui, true, "%s", _("Out of memory."));
		exform_free(&x);
		return 0;
	}
	/* Of the units this person may choose, the one working on the record's
	 * date is chosen already: a staff member's own, usually.  (A merged unit
	 * stays choosable for earlier dates, so a person may have several.) */
	size_t only = today_unit(&x);
	if (!id && slot(&x, FIELD_UNIT)->pick == x.n_units && only < x.n_units)
		slot(&x, FIELD_UNIT)->pick = slot(&x, FIELD_UNIT)->orig_pick = only;
	x.fm = (struct ui_form){ x.title, x.fields, x.n_fields,
				 x.at[id ? FIELD_NAME : FIELD_TYPE], 0, "", false,
				 save, changed, reload, key, &x };
	rc = ui_form_run(ui, &x.fm);
	exform_free(&x);
	return rc;
}

void ui_exform_help(struct ui_help_section *s)
{
	ui_form_help(s);
	s->title = N_("Exemplar form");
	s->text = N_("Every field of a profile. Type and category, gender and unit are chosen "
		     "from lists (Space or Enter). The introduction date starts as today. If "
		     "someone else saves the same exemplar while you edit it, saving tells you "
		     "and Ctrl-R loads their version while keeping what you typed.");
}
