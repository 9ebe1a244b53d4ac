/* exchange_row.c - the import's reading of one row of a file into an exemplar or a
 * unit: each cell's value, checked, its problems recorded (exchange_priv.h). */
#include "exchange_priv.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "i18n.h"

/* ---- a row's cells ------------------------------------------------------------------ */

/* The cell of our column c in a row; "" when the file lacks the column.  Text
 * columns lose the apostrophe an export put before formula-like text. */
static const char *cell(const struct import *im, const struct csvio_row *row, size_t c)
{
	size_t j = im->where[c];
	const char *s = j && j - 1 < row->n ? row->cells[j - 1] : "";

	return im->cols[c].kind == REPORT_TEXT ? csvio_unguard(s) : s;
}

/* A copy of s in *dst, NULL for ""; running out of memory marks the import. */
static void set_text(struct import *im, char **dst, const char *s)
{
	free(*dst);
	*dst = NULL;
	if (*s && !(*dst = strdup(s)))
		im->nomem = true;
}

/* A whole number lo..hi, or "" as `none`; -1 if neither. */
static int whole(const char *s, unsigned long long lo, unsigned long long hi,
		 unsigned long long none, unsigned long long *out)
{
	char *end;

	if (!*s) {
		*out = none;
		return 0;
	}
	errno = 0;
	*out = strtoull(s, &end, 10);
	return *end || errno || *s == '-' || *out < lo || *out > hi ? -1 : 0;
}

static int day_cell(struct import *im, size_t row, size_t c, const char *s, date_t *out)
{
	if (!*s) {
		*out = DATE_NONE;
		return 0;
	}
	struct err why;

	if (model_date_read(s, NULL, out, &why)) {
		cell_problem(im, row, c, "%s", why.msg);
		return -1;
	}
	return 0;
}

/* An enum cell: the value whose code or label it is; "" gives `none` (if >= 0). */
static int enum_cell(struct import *im, size_t row, size_t c, const char *s, int none,
		     enum model_set which, int *out)
{
	char list[512];

	if (!*s && none >= 0) {
		*out = none;
		return 0;
	}
	if ((*out = sheet_enum_parse(which, s)) > 0)
		return 0;
	if (*out == ERR_RC_NOMEM)
		return im->nomem = true, -1;
	sheet_enum_list(which, list, sizeof list);
	cell_problem(im, row, c, _("\"%s\" is not one of: %s."), s, list);
	return -1;
}

/* sheet_same_name, memory running out noted in im (and taken for "not the same"). */
static bool same_name(struct import *im, const char *a, const char *b)
{
	int same = sheet_same_name(a, b);

	if (same == ERR_RC_NOMEM)
		im->nomem = true;
	return same > 0;
}

/*
 * The unit by code, else by name (accents and case aside); NULL if none.
 * Two units can share a name (a commune merged into a new one of the same
 * name): the one active on `day`, the row's introduction date, is taken,
 * else the first of that name, which the register then refuses for the day.
 */
static const struct unit *find_unit(struct import *im, const char *s, date_t day)
{
	const struct unit *u = units_find(im->units, s), *first = NULL;

	for (size_t i = 0; !u && *s && i < im->units->n && !im->nomem; i++) {
		const struct unit *v = &im->units->v[i];
		if (!same_name(im, v->name, s))
			continue;
		if (model_unit_active_on(v, day))
			u = v;
		else if (!first)
			first = v;
	}
	return u ? u : first;
}

static void unit_cell(struct import *im, const struct csvio_row *row, struct exemplar *x)
{
	const char *code = cell(im, row, FIELD_UNIT), *name = cell(im, row, FIELD_UNIT_NAME);
	const struct unit *u = find_unit(im, *code ? code : name, x->date);

	if (im->nomem)
		return;
	if (u)
		snprintf(x->unit, sizeof x->unit, "%s", u->code);
	else if (*code && strlen(code) <= CODE_MAX)
		snprintf(x->unit, sizeof x->unit, "%s", code); /* the register says it is unknown */
	else if (*code || *name)
		cell_problem(im, row->row, *code ? FIELD_UNIT : FIELD_UNIT_NAME,
			     _("there is no unit \"%s\"."), *code ? code : name);
	else
		cell_problem(im, row->row,
			     im->where[FIELD_UNIT] ? FIELD_UNIT : FIELD_UNIT_NAME,
			     _("the introducing unit is missing."));
}

/* One propagation event: "date | channel | account | time | reference". */
static int parse_event(struct import *im, size_t row, size_t n, const char *line,
		       struct propagation *p)
{
	static const char *what[] = { NULL, N_("the date (YYYY-MM-DD)"), N_("the channel"),
				      N_("the account"), N_("the time") };
	int rc = sheet_parse_propagation(line, p);

	if (rc < 0) {
		im->nomem = true;
		return -1;
	}
	if (rc)
		cell_problem(im, row, FIELD_PROPAGATIONS, _("event %zu: %s is not valid; write "
							      "each event on its own line as "
							      "\"date | channel | account | time "
							      "| reference\"."), n, _(what[rc]));
	return rc ? -1 : 0;
}

static int propagations_cell_parse(struct import *im, size_t row, const char *s,
				   struct exemplar *x)
{
	char *copy = strdup(s), *save = NULL;
	int rc = 0;

	if (!copy) {
		im->nomem = true;
		return -1;
	}
	for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		struct propagation *v;
		if (!line[strspn(line, " ")])
			continue;
		if (!(v = realloc(x->propagations, (x->n_propagations + 1) * sizeof *v))) {
			im->nomem = true;
			rc = -1;
			break;
		}
		x->propagations = v;
		if (parse_event(im, row, x->n_propagations + 1, line, &v[x->n_propagations]))
			rc = -1;
		else
			x->n_propagations++;
	}
	free(copy);
	return rc;
}

static void number_cells(struct import *im, const struct csvio_row *row, struct exemplar *x)
{
	unsigned long long v;
	const char *s;

	/* Below 2^63: the next new number is one past the highest kept one. */
	if (whole(s = cell(im, row, FIELD_ID), 1, INT64_MAX, 0, &v))
		cell_problem(im, row->row, FIELD_ID, _("\"%s\" is not an exemplar number."), s);
	x->id = v;
	if (whole(s = cell(im, row, FIELD_VERSION), 1, UINT32_MAX, 0, &v))
		cell_problem(im, row->row, FIELD_VERSION, _("\"%s\" is not a version number."),
			     s);
	x->version = (uint32_t)v;
	if (whole(s = cell(im, row, FIELD_BIRTH_YEAR), 1, 9999, 0, &v))
		cell_problem(im, row->row, FIELD_BIRTH_YEAR, _("\"%s\" is not a year."), s);
	x->birth_year = (int)v;
}

/*
 * The columns an office splits by gender: the year of birth under "Nam" or
 * "Nữ", or a mark in one of two columns.  They give the year and, when the
 * sheet has no gender column of its own, the gender.
 */
static void split_cells(struct import *im, const struct csvio_row *row, struct exemplar *x)
{
	const char *m = cell(im, row, SHEET_X_BORN_MALE), *f = cell(im, row, SHEET_X_BORN_FEMALE);
	const char *mm = cell(im, row, SHEET_X_MALE), *fm = cell(im, row, SHEET_X_FEMALE);
	enum ex_gender g = GENDER_UNKNOWN;
	unsigned long long v;

	if (*m && *f) {
		cell_problem(im, row->row, SHEET_X_BORN_FEMALE, _("the year of birth is given "
								  "under both male and female."));
	} else if (*m || *f) {
		size_t c = *m ? SHEET_X_BORN_MALE : SHEET_X_BORN_FEMALE;
		if (whole(*m ? m : f, 1, 9999, 0, &v))
			cell_problem(im, row->row, c, _("\"%s\" is not a year."), *m ? m : f);
		else if (x->birth_year && (unsigned long long)x->birth_year != v)
			cell_problem(im, row->row, c, _("the year of birth differs from column "
							"\"%s\"."), _(im->cols[FIELD_BIRTH_YEAR].label));
		else
			x->birth_year = (int)v;
		g = *m ? GENDER_MALE : GENDER_FEMALE;
	}
	if (*mm && *fm)
		cell_problem(im, row->row, SHEET_X_FEMALE, _("both male and female are marked."));
	else if (*mm || *fm)
		g = *mm ? GENDER_MALE : GENDER_FEMALE;
	if (g && !x->gender)
		x->gender = g;
}

/*
 * A record's type when the sheet has no type column: its category's; a
 * row with a year of birth or a gender is a person's, and a header such as
 * "Họ và tên" says so for every row.  When these disagree with the
 * category, the row is reported rather than guessed at.
 */
static void infer_type(struct import *im, size_t row, struct exemplar *x)
{
	int by_cat = (int)model_category_type(x->category);
	int hint = x->birth_year || x->gender ? TYPE_INDIVIDUAL : im->type_hint;

	if (x->type)
		return;
	x->type = (enum ex_type)(by_cat ? by_cat : hint);
	if (by_cat && hint && hint != by_cat)
		cell_problem(im, row, FIELD_CATEGORY, _("this category is for %s, but the row "
							"is for %s by the sheet's columns; give a "
							"\"%s\" column or another category."),
			     model_type_label((enum ex_type)by_cat),
			     model_type_label((enum ex_type)hint), _(im->cols[FIELD_TYPE].label));
}

/* The cell of field c: the texts, enums, dates, accounts and times alike. */
static void field_cell(struct import *im, size_t row, size_t c, const char *s,
		       struct exemplar *x)
{
	const struct field *f = &field_table[c];
	char *p = (char *)x + f->offset;
	int v;

	switch (f->kind) {
	case FK_TEXT:
		set_text(im, field_text_at(x, f), s);
		break;
	case FK_ENUM:
		/* "" is none, but for a value the file must give (the category). */
		if (!enum_cell(im, row, c, s, f->flags & FF_REQUIRED ? -1 : 0, f->set, &v))
			field_set_enum(x, f, v);
		break;
	case FK_DATE:
		if (!*s && c == FIELD_DATE)
			cell_problem(im, row, c, _("the introduction date is missing."));
		else
			day_cell(im, row, c, s, (date_t *)p);
		break;
	case FK_FLAG:
		if (field_parse_flag(s, (bool *)p))
			cell_problem(im, row, c, _("\"%s\" is not yes or no."), s);
		break;
	case FK_ACCOUNT:
		if (sheet_account(s, p))
			cell_problem(im, row, c, _("\"%s\" is not an account name."), s);
		break;
	case FK_TIME:
		if (*s && sheet_parse_time(s, (int64_t *)p))
			cell_problem(im, row, c, _("\"%s\" is not a time written "
						   "YYYY-MM-DDTHH:MM:SS+07:00."), s);
		break;
	default:
		break;
	}
}

int exchange_row_exemplar(struct import *im, const struct csvio_row *row, struct exemplar *x)
{
	size_t before = im->res->n_problems;

	number_cells(im, row, x);
	for (size_t c = 0; c < FIELD_COUNT; c++)
		field_cell(im, row->row, c, cell(im, row, c), x);
	unit_cell(im, row, x); /* after the date, which picks between units of one name */
	split_cells(im, row, x);
	infer_type(im, row->row, x);
	/* The register keeps it only on a row that is a late entry. */
	if (!x->late_reason && im->reason && *im->reason && !(x->late_reason = strdup(im->reason)))
		im->nomem = true;
	propagations_cell_parse(im, row->row, cell(im, row, FIELD_PROPAGATIONS), x);
	return im->res->n_problems > before ? -1 : 0;
}

/* ---- a unit ------------------------------------------------------------------------- */

int exchange_row_unit(struct import *im, const struct csvio_row *row, struct unit *u)
{
	size_t before = im->res->n_problems, n = row->row;
	const char *s = cell(im, row, SHEET_U_CODE);
	unsigned long long q;
	int v;

	if (strlen(s) > CODE_MAX || !model_code_valid(s))
		cell_problem(im, n, SHEET_U_CODE, _("\"%s\" is not a unit code: 1 to 32 characters "
					      "a-z, 0-9 or _."), s);
	snprintf(u->code, sizeof u->code, "%s", s);
	set_text(im, &u->name, cell(im, row, SHEET_U_NAME));
	if (!enum_cell(im, n, SHEET_U_KIND, cell(im, row, SHEET_U_KIND), -1, SET_KIND, &v))
		u->kind = (enum unit_kind)v;
	s = cell(im, row, SHEET_U_BLOCK);
	const struct config *cfg = register_config(im->r);
	const struct block *b = config_block(cfg, s);
	for (size_t i = 0; !b && *s && i < cfg->n_blocks && !im->nomem; i++)
		if (same_name(im, cfg->blocks[i].name, s))
			b = &cfg->blocks[i];
	if (*s && !b && !im->nomem)
		cell_problem(im, n, SHEET_U_BLOCK, _("there is no emulation block \"%s\" in the "
					       "configuration."), s);
	snprintf(u->block, sizeof u->block, "%s", b ? b->code : "");
	if (whole(s = cell(im, row, SHEET_U_QUOTA), 0, 99, 0, &q))
		cell_problem(im, n, SHEET_U_QUOTA, _("\"%s\" is not a quota from 0 to 99."), s);
	u->quota = (int)q;
	day_cell(im, n, SHEET_U_FROM, cell(im, row, SHEET_U_FROM), &u->active_from);
	day_cell(im, n, SHEET_U_TO, cell(im, row, SHEET_U_TO), &u->active_to);
	s = cell(im, row, SHEET_U_SUCCESSOR);
	if (strlen(s) > CODE_MAX)
		cell_problem(im, n, SHEET_U_SUCCESSOR, _("there is no unit \"%s\"."), s);
	snprintf(u->successor, sizeof u->successor, "%s", s);
	return im->res->n_problems > before ? -1 : 0;
}
