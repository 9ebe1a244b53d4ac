/* model.c - see model.h. */
#include "model.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "fields.h"
#include "i18n.h"
#include "text.h"

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

/* The earliest introduction date accepted: the register starts this century. */
#define FIRST_YEAR 2000
#define BIRTH_YEAR_MIN 1900

/*
 * One value of an enum: its stable code (never translated, never changed:
 * files and scripts hold it) and its label, English source text translated
 * when it is returned.  Tables are indexed by the enum value, so an entry
 * with a NULL code is a hole (most enums start at 1).  `type` is used by
 * the category table only: the exemplar type the category belongs to.
 */
struct name_pair {
	const char *code;
	const char *label;
	enum ex_type type;
};

static const struct name_pair types[TYPE_COUNT_] = {
	[TYPE_COLLECTIVE] = { "collective", N_("Collective"), 0 },
	[TYPE_INDIVIDUAL] = { "individual", N_("Individual"), 0 },
};

/* The plan's criteria (II.2.3), collective ones first. */
static const struct name_pair categories[CAT_COUNT_] = {
	[CAT_BUSINESS] = { "business", N_("Production and business"), TYPE_COLLECTIVE },
	[CAT_EDUCATION] = { "education", N_("Education and training"), TYPE_COLLECTIVE },
	[CAT_HEALTH] = { "health", N_("Health and people's health care"), TYPE_COLLECTIVE },
	[CAT_DEFENCE] = { "defence", N_("Defence and security"), TYPE_COLLECTIVE },
	[CAT_ASSOCIATION] = { "association", N_("Associations and mass organisations"),
			      TYPE_COLLECTIVE },
	[CAT_MODEL_UNIT] = { "model_unit", N_("Model agency or unit"), TYPE_COLLECTIVE },
	[CAT_RESIDENTIAL] = { "residential", N_("Residential area"), TYPE_COLLECTIVE },
	[CAT_MOVEMENT] = { "movement", N_("Emulation movements of the town People's Committee"),
			   TYPE_COLLECTIVE },
	[CAT_OFFICIAL] = { "official", N_("Cadres, civil servants, public employees and workers"),
			   TYPE_INDIVIDUAL },
	[CAT_GOOD_DEEDS] = { "good_deeds", N_("Workers, good people and good deeds"),
			     TYPE_INDIVIDUAL },
	[CAT_COMMUNITY] = { "community", N_("Residents and religious dignitaries"),
			    TYPE_INDIVIDUAL },
};

/* "Unknown" is a real value with an empty code, so "" parses back to it. */
static const struct name_pair genders[GENDER_COUNT_] = {
	[GENDER_UNKNOWN] = { "", N_("—"), 0 },
	[GENDER_MALE] = { "male", N_("Male"), 0 },
	[GENDER_FEMALE] = { "female", N_("Female"), 0 },
};

static const struct name_pair statuses[STATUS_COUNT_] = {
	[STATUS_INTRODUCED] = { "introduced", N_("Introduced"), 0 },
	[STATUS_ACCEPTED] = { "accepted", N_("Accepted"), 0 },
	[STATUS_RETURNED] = { "returned", N_("Returned"), 0 },
	[STATUS_PROPOSED] = { "proposed", N_("Proposed for commendation"), 0 },
	[STATUS_COMMENDED] = { "commended", N_("Commended"), 0 },
	[STATUS_REVOKED] = { "revoked", N_("Commendation revoked"), 0 },
	[STATUS_WITHDRAWN] = { "withdrawn", N_("Withdrawn"), 0 },
};

static const struct name_pair kinds[KIND_COUNT_] = {
	[KIND_WARD] = { "ward", N_("Ward"), 0 },
	[KIND_COMMUNE] = { "commune", N_("Commune"), 0 },
	[KIND_DEPARTMENT] = { "department", N_("Department"), 0 },
	[KIND_SERVICE] = { "service", N_("Public service unit"), 0 },
	[KIND_FRONT] = { "front", N_("Fatherland Front"), 0 },
	[KIND_MASS_ORG] = { "mass_org", N_("Mass organisation"), 0 },
	[KIND_ARMED] = { "armed", N_("Armed forces"), 0 },
};

static const struct name_pair channels[CHANNEL_COUNT_] = {
	[CHANNEL_RADIO] = { "radio", N_("Radio column"), 0 },
	[CHANNEL_PORTAL] = { "portal", N_("Web portal"), 0 },
	[CHANNEL_OTHER] = { "other", N_("Other"), 0 },
};

static const struct name_pair quotas[QUOTA_OUTSIDE + 1] = {
	[QUOTA_NONE] = { "none", N_("Not applicable"), 0 },
	[QUOTA_OPEN] = { "open", N_("Not yet met"), 0 },
	[QUOTA_SHORT] = { "short", N_("Short"), 0 },
	[QUOTA_MET] = { "met", N_("Met"), 0 },
	[QUOTA_OUTSIDE] = { "outside", N_("Outside the plan periods"), 0 },
};

/* Codes that name no exemplar field (fields.h has those): a propagation's parts. */
static const struct name_pair other_fields[] = {
	{ "propagation", N_("Propagation"), 0 },
	{ "channel", N_("Propagation channel"), 0 },
	{ "ref", N_("Title / address"), 0 },
};

static const struct name_pair *pair_at(const struct name_pair *t, size_t n, int v)
{
	if (v < 0 || (size_t)v >= n || !t[v].code)
		return NULL;
	return &t[v];
}

/* Code of value v, or "" for a value outside the enum. */
static const char *pair_code(const struct name_pair *t, size_t n, int v)
{
	const struct name_pair *p = pair_at(t, n, v);

	return p ? p->code : "";
}

static const char *pair_label(const struct name_pair *t, size_t n, int v)
{
	const struct name_pair *p = pair_at(t, n, v);

	return p ? _(p->label) : _("(unknown)");
}

/* Index of the entry whose code is s, or -1. */
static int pair_find(const struct name_pair *t, size_t n, const char *s)
{
	if (!s)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (t[i].code && strcmp(t[i].code, s) == 0)
			return (int)i;
	return -1;
}

static const struct { const struct name_pair *pairs; size_t n; } sets[] = {
	[SET_TYPE] = { types, N_ELEMS(types) },
	[SET_CATEGORY] = { categories, N_ELEMS(categories) },
	[SET_GENDER] = { genders, N_ELEMS(genders) },
	[SET_STATUS] = { statuses, N_ELEMS(statuses) },
	[SET_CHANNEL] = { channels, N_ELEMS(channels) },
	[SET_KIND] = { kinds, N_ELEMS(kinds) },
};

int model_set_end(enum model_set s)
{
	return (int)sets[s].n;
}

const char *model_set_code(enum model_set s, int v)
{
	return pair_code(sets[s].pairs, sets[s].n, v);
}

const char *model_set_label(enum model_set s, int v)
{
	return pair_label(sets[s].pairs, sets[s].n, v);
}

int model_set_parse(enum model_set s, const char *code, int *out)
{
	int v = pair_find(sets[s].pairs, sets[s].n, code);

	if (v < 0)
		return -1;
	*out = v;
	return 0;
}

/* Each enum's code, label and parse functions, by its set. */
#define SET_FUNCTIONS_(name, set, type)                                                   \
	const char *model_##name##_code(type v)                                          \
	{                                                                                 \
		return model_set_code(set, (int)v);                                       \
	}                                                                                 \
	const char *model_##name##_label(type v)                                         \
	{                                                                                 \
		return model_set_label(set, (int)v);                                      \
	}                                                                                 \
	int model_##name##_parse(const char *s, type *out)                               \
	{                                                                                 \
		int v;                                                                    \
		if (model_set_parse(set, s, &v))                                          \
			return -1;                                                        \
		*out = (type)v;                                                           \
		return 0;                                                                 \
	}
SET_FUNCTIONS_(type, SET_TYPE, enum ex_type)
SET_FUNCTIONS_(category, SET_CATEGORY, enum ex_category)
SET_FUNCTIONS_(gender, SET_GENDER, enum ex_gender)
SET_FUNCTIONS_(status, SET_STATUS, enum ex_status)
SET_FUNCTIONS_(kind, SET_KIND, enum unit_kind)
SET_FUNCTIONS_(channel, SET_CHANNEL, enum propagation_channel)
#undef SET_FUNCTIONS_

enum ex_type model_category_type(enum ex_category c)
{
	const struct name_pair *p = pair_at(categories, N_ELEMS(categories), (int)c);

	return p ? p->type : (enum ex_type)0;
}

const char *model_quota_code(enum quota_state s)
{
	return pair_code(quotas, N_ELEMS(quotas), (int)s);
}

const char *model_quota_label(enum quota_state s)
{
	return pair_label(quotas, N_ELEMS(quotas), (int)s);
}

/* An unknown field name is returned as it is: better than nothing beside a message. */
const char *model_field_label(const char *field)
{
	const struct field *f = field_find(field);
	int i = pair_find(other_fields, N_ELEMS(other_fields), field);

	if (f)
		return _(f->label);
	if (i < 0)
		return field ? field : "";
	return _(other_fields[i].label);
}

const char *model_value_text(const char *field, const char *value,
			     char buf[DATE_TEXT_SIZE])
{
	const struct field *f = field_find(field);
	date_t d;
	int v;

	if (!f || !value || !*value)
		return value;
	if (f->kind == FK_ENUM && model_set_parse(f->set, value, &v) == 0)
		return model_set_label(f->set, v);
	if (f->kind == FK_DATE && date_parse(value, &d) == 0) {
		date_format_vn(d, buf);
		return buf;
	}
	return value;
}

bool model_code_valid(const char *s)
{
	size_t n;

	if (!s)
		return false;
	for (n = 0; s[n]; n++) {
		char c = s[n];

		if (n >= CODE_MAX)
			return false;
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
			return false;
	}
	return n > 0;
}

/* ---- exemplars and units: ownership ----------------------------------- */

void model_exemplar_init(struct exemplar *ex)
{
	memset(ex, 0, sizeof *ex);
	ex->date = DATE_NONE;
	ex->proposal_date = DATE_NONE;
	ex->commendation.date = DATE_NONE;
}

void model_exemplar_free(struct exemplar *ex)
{
	for (size_t i = 0; i < FIELD_COUNT; i++)
		if (field_table[i].kind == FK_TEXT)
			free(*field_text_at(ex, &field_table[i]));
	for (size_t i = 0; i < ex->n_propagations; i++)
		free(ex->propagations[i].ref);
	free(ex->propagations);
	model_exemplar_init(ex);
}

/* *dst = a copy of src (NULL stays NULL); -1 when out of memory. */
static int dup_text(char **dst, const char *src)
{
	*dst = NULL;
	if (!src)
		return 0;
	*dst = strdup(src);
	return *dst ? 0 : -1;
}

static int copy_propagations(struct exemplar *dst, const struct exemplar *src)
{
	if (!src->n_propagations || !src->propagations)
		return 0;
	dst->propagations = calloc(src->n_propagations, sizeof *dst->propagations);
	if (!dst->propagations)
		return -1;
	dst->n_propagations = src->n_propagations;
	for (size_t i = 0; i < src->n_propagations; i++) {
		dst->propagations[i] = src->propagations[i];
		if (dup_text(&dst->propagations[i].ref, src->propagations[i].ref) < 0)
			return -1;
	}
	return 0;
}

/*
 * The copy is built aside and swapped in only when complete, so a failure
 * leaves dst as it was, and dst == src works.
 */
int model_exemplar_copy(struct exemplar *dst, const struct exemplar *src)
{
	struct exemplar tmp = *src;
	int rc = 0;

	tmp.propagations = NULL;
	tmp.n_propagations = 0;
	/* Every text is replaced (dup_text sets NULL first), failed or not. */
	for (size_t i = 0; i < FIELD_COUNT; i++)
		if (field_table[i].kind == FK_TEXT)
			rc |= dup_text(field_text_at(&tmp, &field_table[i]),
				       field_text(src, &field_table[i]));
	if (rc || copy_propagations(&tmp, src) < 0) {
		model_exemplar_free(&tmp);
		return -1;
	}
	model_exemplar_free(dst);
	*dst = tmp;
	return 0;
}

void model_unit_free(struct unit *u)
{
	free(u->name);
	memset(u, 0, sizeof *u);
	u->active_from = DATE_NONE;
	u->active_to = DATE_NONE;
}

/* Units have no init function, so dst is overwritten, not freed. */
int model_unit_copy(struct unit *dst, const struct unit *src)
{
	struct unit tmp = *src;

	if (dup_text(&tmp.name, src->name) < 0)
		return -1;
	*dst = tmp;
	return 0;
}

/* ---- cleaning and validation ------------------------------------------ */

/*
 * Write the label naming a field (of propagation `prop`) for a person: its
 * words, not its code (the command line adds its option, cli_fail).
 */
static void field_where(char *buf, size_t size, const char *field, size_t prop)
{
	if (prop)
		snprintf(buf, size, _("%s of propagation %zu"), model_field_label(field), prop);
	else
		snprintf(buf, size, "%s", model_field_label(field));
}

/*
 * Refuse the exemplar with a message "Label: reason"; `prop`, when
 * not 0, is the 1-based number of the propagation the field belongs to.
 */
static int refuse(struct err *e, const char *field, size_t prop, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int refuse(struct err *e, const char *field, size_t prop, const char *fmt, ...)
{
	char where[160], reason[400];
	va_list ap;

	field_where(where, sizeof where, field, prop);
	va_start(ap, fmt);
	vsnprintf(reason, sizeof reason, fmt, ap);
	va_end(ap);
	return err_set_field(e, ERR_INVALID, field, "%s: %s", where, reason);
}

/*
 * One text field as model_exemplar_clean() walks it.  `cleaned` holds the
 * normalised text until every field has passed; only then are the fields
 * replaced, so a refused exemplar is left exactly as it came.
 */
struct text_slot {
	char **text;       /* the field in the exemplar */
	const char *field; /* its code, for err.field and messages */
	unsigned flags;    /* text_clean() flags */
	size_t max_chars;
	size_t prop;       /* 1-based propagation number, 0 for the profile's own */
	char *cleaned;     /* NULL for "empty" */
};

/* The exemplar's text fields, then each propagation's reference; how many. */
static size_t fill_slots(struct text_slot *s, struct exemplar *ex, size_t n_props)
{
	size_t n = 0;

	for (size_t i = 0; i < FIELD_COUNT; i++) {
		const struct field *f = &field_table[i];
		if (f->kind == FK_TEXT)
			s[n++] = (struct text_slot){ field_text_at(ex, f), f->code,
						     f->flags & FF_MULTILINE ? TEXT_MULTILINE : 0,
						     f->max_chars, 0, NULL };
	}
	for (size_t i = 0; i < n_props; i++)
		s[n++] = (struct text_slot){ &ex->propagations[i].ref, "ref", 0, LINE_MAX_CHARS,
					     i + 1, NULL };
	return n;
}

/*
 * Characters in the n bytes of s, which text_clean() made valid UTF-8: the
 * bytes that do not continue a sequence (what u8_mbsnlen counts, without a
 * call per character).
 */
static size_t count_chars(const char *s, size_t n)
{
	size_t chars = 0;

	for (size_t i = 0; i < n; i++)
		chars += ((unsigned char)s[i] & 0xC0) != 0x80;
	return chars;
}

/* Clean one slot into s->cleaned; on refusal fill e. */
static int clean_slot(struct text_slot *s, struct err *e)
{
	const char *in = *s->text;
	size_t bad_at = 0, chars;
	char *out = NULL;
	enum text_status st;

	st = text_clean(in, strlen(in), s->flags, &out, &bad_at);
	if (st == TEXT_NOMEM)
		return err_nomem(e);
	if (st != TEXT_OK) {
		/* A position in characters, counted from 1: what a person can find. */
		size_t at = u8_mbsnlen((const uint8_t *)in, bad_at) + 1;

		return refuse(e, s->field, s->prop, _("%s, at character %zu."),
				   text_status_message(st), at);
	}
	if (!out || !*out) {
		free(out);
		s->cleaned = NULL;
		return 0;
	}
	chars = count_chars(out, strlen(out));
	if (chars > s->max_chars) {
		free(out);
		return refuse(e, s->field, s->prop,
				   _("too long: %zu characters, at most %zu."), chars,
				   s->max_chars);
	}
	s->cleaned = out;
	return 0;
}

/* Field i's text in `kept` (slot order of fill_slots), or NULL. */
static const char *kept_text(const struct exemplar *kept, const struct text_slot *s)
{
	if (!kept)
		return NULL;
	if (s->prop)
		return kept->propagations && s->prop <= kept->n_propagations
			       ? kept->propagations[s->prop - 1].ref : NULL;
	return field_text(kept, field_find(s->field));
}

/*
 * The first slot whose cleaned text looks typed with a legacy keyboard and
 * is not the same as in `kept`; NULL if none.
 */
static const struct text_slot *legacy_slot(const struct text_slot *slots, size_t n,
					   const struct exemplar *kept)
{
	for (size_t i = 0; i < n; i++) {
		const char *was;

		if (!slots[i].cleaned || !text_looks_legacy(slots[i].cleaned))
			continue;
		was = kept_text(kept, &slots[i]);
		if (!was || strcmp(was, slots[i].cleaned))
			return &slots[i];
	}
	return NULL;
}

bool model_refused_legacy(const struct exemplar *x, const struct err *e)
{
	const struct field *f = e->field[0] ? field_find(e->field) : NULL;
	const char *v = f && f->kind == FK_TEXT ? field_text(x, f) : NULL;

	return e->code == ERR_INVALID && v && text_looks_legacy(v);
}

int model_legacy_refuse(const char *field, size_t prop, struct err *e)
{
	return refuse(e, field, prop,
		      _("looks typed with the keyboard set to an old Vietnamese encoding (TCVN3 "
			"or VNI), not Unicode, so it would be stored as the wrong letters. In "
			"Unikey choose \"Bảng mã: Unicode\" (EVKey: \"Unicode\"), then type it "
			"again."));
}

static int name_in_words(const struct exemplar *ex, struct err *e);

int model_exemplar_clean_since(struct exemplar *ex, const struct exemplar *kept,
			       const char **legacy, struct err *e)
{
	size_t n_props = ex->propagations ? ex->n_propagations : 0;
	const struct text_slot *old;
	struct text_slot *slots;
	size_t i, n;
	int rc = -1;

	if (legacy)
		*legacy = NULL;
	slots = calloc(FIELD_COUNT + n_props, sizeof *slots);
	if (!slots)
		return err_nomem(e);
	n = fill_slots(slots, ex, n_props);
	for (i = 0; i < n; i++)
		if (*slots[i].text && clean_slot(&slots[i], e) < 0)
			break;
	if (i < n)
		goto out;
	if ((old = legacy_slot(slots, n, kept))) {
		if (!legacy) {
			model_legacy_refuse(old->field, old->prop, e);
			goto out;
		}
		*legacy = old->field;
	}
	for (i = 0; i < n; i++) {
		if (!*slots[i].text)
			continue;
		free(*slots[i].text);
		*slots[i].text = slots[i].cleaned;
		slots[i].cleaned = NULL;
	}
	rc = 0;
out:
	for (i = 0; i < n; i++)
		free(slots[i].cleaned);
	free(slots);
	return rc ? name_in_words(ex, e) : 0;
}

int model_exemplar_clean(struct exemplar *ex, const char **legacy, struct err *e)
{
	return model_exemplar_clean_since(ex, NULL, legacy, e);
}

/* True if s is NULL or holds nothing but spaces. */
static bool blank(const char *s)
{
	if (!s)
		return true;
	while (*s == ' ')
		s++;
	return *s == '\0';
}

static int validate_person(const struct exemplar *ex, int this_year, struct err *e)
{
	if (ex->type != TYPE_INDIVIDUAL) {
		if (ex->gender != GENDER_UNKNOWN)
			return refuse(e, "gender", 0, _("applies only to individuals."));
		if (ex->birth_year != 0)
			return refuse(e, "birth_year", 0, _("applies only to individuals."));
		return 0;
	}
	if (!pair_at(genders, N_ELEMS(genders), (int)ex->gender))
		return refuse(e, "gender", 0, _("unknown value."));
	if (ex->birth_year != 0 &&
	    (ex->birth_year < BIRTH_YEAR_MIN || ex->birth_year > this_year))
		return refuse(e, "birth_year", 0, _("must be between %d and %d."), BIRTH_YEAR_MIN,
			      this_year);
	return 0;
}

static int validate_date(date_t date, date_t today, struct err *e)
{
	date_t first = date_from_ymd(FIRST_YEAR, 1, 1);
	char buf[DATE_TEXT_SIZE];

	if (date == DATE_NONE)
		return refuse(e, "date", 0, _("this field is required."));
	if (date < first) {
		date_format_vn(first, buf);
		return refuse(e, "date", 0, _("must not be before %s."), buf);
	}
	if (today != DATE_NONE && date > today) {
		date_format_vn(today, buf);
		return refuse(e, "date", 0, _("must not be after today (%s)."), buf);
	}
	return 0;
}

const char *model_name_label(enum ex_type t)
{
	if (t == TYPE_INDIVIDUAL)
		return _("Full name");
	if (t == TYPE_COLLECTIVE)
		return _("Collective's name");
	return model_field_label("name");
}

/*
 * A refusal of the name says it as the form does for the exemplar's type
 * ("Họ và tên", "Tên tập thể"): refuse() knows the field, not the type.
 * Returns -1 for the caller's return.
 */
static int name_in_words(const struct exemplar *ex, struct err *e)
{
	const char *generic = model_field_label("name");
	size_t n = strlen(generic);
	char rest[400];

	if (e && !strcmp(e->field, "name") && !strncmp(e->msg, generic, n) && e->msg[n] == ':') {
		snprintf(rest, sizeof rest, "%s", e->msg + n);
		snprintf(e->msg, sizeof e->msg, "%s%s", model_name_label(ex->type), rest);
	}
	return -1;
}

static int validate(const struct exemplar *ex, date_t today, struct err *e);

int model_exemplar_validate(const struct exemplar *ex, date_t today, struct err *e)
{
	return validate(ex, today, e) ? name_in_words(ex, e) : 0;
}

static int validate(const struct exemplar *ex, date_t today, struct err *e)
{
	int this_year = today != DATE_NONE ? date_year(today) : 9999;

	if (!pair_at(types, N_ELEMS(types), (int)ex->type))
		return refuse(e, "type", 0, _("choose collective or individual."));
	if (!pair_at(categories, N_ELEMS(categories), (int)ex->category))
		return refuse(e, "category", 0, _("choose a category."));
	if (model_category_type(ex->category) != ex->type)
		return refuse(e, "category", 0, _("“%s” is not a category of the type “%s”."),
			      model_category_label(ex->category), model_type_label(ex->type));
	if (blank(ex->name))
		return refuse(e, "name", 0, _("this field is required."));
	if (validate_person(ex, this_year, e) < 0)
		return -1;
	if (validate_date(ex->date, today, e) < 0)
		return -1;
	if (!pair_at(statuses, N_ELEMS(statuses), (int)ex->status))
		return refuse(e, "status", 0, _("unknown value."));
	return 0;
}

/* ---- dates and closed quarters ------------------------------------------ */

int model_date_read(const char *s, const char *field, date_t *out, struct err *e)
{
	static const char *months[] = { N_("January"), N_("February"), N_("March"), N_("April"),
		N_("May"), N_("June"), N_("July"), N_("August"), N_("September"), N_("October"),
		N_("November"), N_("December") };
	char why[200];
	int y, m, d;

	if (s && date_parse_vn(s, out) == 0)
		return 0;
	if (!s || date_split_vn(s, &y, &m, &d))
		snprintf(why, sizeof why, _("\"%s\" is not a date: write it DD/MM/YYYY or "
					    "YYYY-MM-DD."), s ? s : "");
	else if (m < 1 || m > 12)
		snprintf(why, sizeof why, _("\"%s\" is not a day that exists: there is no month "
					    "%d."), s, m);
	else if (y < 1900)
		snprintf(why, sizeof why, _("\"%s\": the year must be from 1900 on."), s);
	else
		snprintf(why, sizeof why, _("\"%s\" is not a day that exists: %s %d has %d "
					    "days."), s, _(months[m - 1]), y,
			 date_days_in_month(y, m));
	if (field)
		return err_set_field(e, ERR_INVALID, field, "%s: %s", field, why);
	return err_set(e, ERR_INVALID, "%s", why);
}

date_t model_quarter_closes(int year, int q, int late_days)
{
	date_t last = date_quarter_last(year, q);

	return last == DATE_NONE ? DATE_NONE : last + (late_days > 0 ? late_days : 1);
}

bool model_quarter_closed(date_t day, date_t today, int late_days)
{
	date_t closes;

	if (day == DATE_NONE || today == DATE_NONE)
		return false;
	closes = model_quarter_closes(date_year(day), date_quarter(day), late_days);
	return closes != DATE_NONE && today >= closes;
}

void model_quarter_name(int year, int q, char *buf, size_t n)
{
	static const char *roman[] = { "I", "II", "III", "IV" };

	snprintf(buf, n, "%s/%d", q >= 1 && q <= 4 ? roman[q - 1] : "?", year);
}

bool model_exemplar_counts(enum ex_status s, bool late, bool count_late)
{
	return s != STATUS_WITHDRAWN && (!late || count_late);
}

/* ---- units and quotas -------------------------------------------------- */

bool model_unit_active_on(const struct unit *u, date_t day)
{
	if (day == DATE_NONE)
		return false;
	if (u->active_from != DATE_NONE && day < u->active_from)
		return false;
	if (u->active_to != DATE_NONE && day > u->active_to)
		return false;
	return true;
}

/* Active on some day of the quarter: the two periods overlap. */
bool model_unit_active_in_quarter(const struct unit *u, int year, int q)
{
	date_t first = date_quarter_first(year, q), last = date_quarter_last(year, q);

	if (first == DATE_NONE || last == DATE_NONE)
		return false;
	if (u->active_from != DATE_NONE && u->active_from > last)
		return false;
	if (u->active_to != DATE_NONE && u->active_to < first)
		return false;
	return true;
}

enum quota_state model_quota_state(int required, int counted, int year, int q,
				   date_t today)
{
	if (required <= 0)
		return QUOTA_NONE;
	if (counted >= required)
		return QUOTA_MET;
	/* Short only once the quarter's last day is behind us. */
	if (date_quarter_last(year, q) < today)
		return QUOTA_SHORT;
	return QUOTA_OPEN;
}
