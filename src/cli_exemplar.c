/* cli_exemplar.c - see cli_exemplar.h. */
#include "cli_exemplar.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "i18n.h"
#include "mem.h"
#include "query.h"
#include "text.h"

/*
 * The options of add and edit: --CODE for every field a person sets (fields.h,
 * '_' written '-'), whose getopt value is the field's index + 1, --reason,
 * --allow-legacy, and for edit --version and --CODE of the commendation's
 * fields (which correct a commendation).  Built into the caller's arrays.
 */
#define OPT_VERSION (FIELD_COUNT + 1)
#define OPT_REASON (FIELD_COUNT + 2)
#define OPT_ALLOW_LEGACY (FIELD_COUNT + 3)
#define OPT_MAX (FIELD_COUNT + 4)
#define OPT_NAME_MAX 32
_Static_assert(OPT_ALLOW_LEGACY < ':', "option values clear of getopt's ':' and '?'");

/* Is field f a part of the commendation (corrected by edit, not set by add)? */
static bool in_commendation(const struct field *f)
{
	size_t at = offsetof(struct exemplar, commendation);

	return f->offset >= at && f->offset < at + sizeof(struct commendation);
}

static void field_options(struct option opts[OPT_MAX], char names[][OPT_NAME_MAX], bool edit)
{
	size_t n = 0;

	for (size_t i = 0; i < FIELD_COUNT; i++) {
		const struct field *f = &field_table[i];
		if (!(f->flags & FF_EDIT) && !(edit && in_commendation(f)))
			continue;
		snprintf(names[i], OPT_NAME_MAX, "%s", f->code);
		for (char *p = names[i]; *p; p++)
			if (*p == '_')
				*p = '-';
		opts[n++] = (struct option){ names[i], required_argument, NULL, (int)i + 1 };
	}
	if (edit)
		opts[n++] = (struct option){ "version", required_argument, NULL, OPT_VERSION };
	opts[n++] = (struct option){ "reason", required_argument, NULL, OPT_REASON };
	opts[n++] = (struct option){ "allow-legacy", no_argument, NULL, OPT_ALLOW_LEGACY };
	opts[n] = (struct option){ NULL, 0, NULL, 0 };
}

static int set_text(char **dst, const char *v)
{
	free(*dst);
	*dst = *v ? strdup(v) : NULL;
	return *v && !*dst ? -1 : 0;
}

/* What add or edit was given besides the profile's fields. */
struct edit_opts {
	uint32_t version;
	bool profile;                /* a profile field or --version was given */
	bool correct;                /* a commendation field was given */
	bool allow_legacy;           /* keep text that looks typed with a legacy keyboard */
	struct commendation cm;      /* borrowed texts; NULL and DATE_NONE: not given */
	const char *reason;          /* --reason */
};

/* Apply one field option to x (or o); returns 0, or the exit status after
 * printing a usage error. */
static int apply_field(const char *cmd, struct exemplar *x, int opt, const char *v,
		       struct edit_opts *o)
{
	struct err e;
	long n;

	if (opt == OPT_ALLOW_LEGACY) {
		o->allow_legacy = true;
		return 0;
	}
	if (opt == OPT_REASON)
		o->reason = v;
	else if (opt == OPT_VERSION || (field_table[opt - 1].flags & FF_EDIT))
		o->profile = true;
	if (opt == OPT_VERSION) {
		if (cli_parse_int(v, "--version", 1, (long)UINT32_MAX, &n, &e))
			return cli_usage(cmd, "%s", e.msg);
		o->version = (uint32_t)n;
		return 0;
	}
	switch (opt == OPT_REASON ? FIELD_LATE_REASON : (enum field_id)(opt - 1)) {
	case FIELD_UNIT:
		if (strlen(v) > CODE_MAX)
			return cli_usage(cmd, _("--unit: \"%s\" is not a unit code."), v);
		snprintf(x->unit, sizeof x->unit, "%s", v);
		return 0;
	case FIELD_TYPE:
		return model_type_parse(v, &x->type)
			? cli_usage(cmd, _("--type: use individual or collective.")) : 0;
	case FIELD_CATEGORY:
		return model_category_parse(v, &x->category)
			? cli_usage(cmd, _("--category: \"%s\" is not a category code."), v) : 0;
	case FIELD_GENDER:
		return model_gender_parse(v, &x->gender)
			? cli_usage(cmd, _("--gender: use male or female.")) : 0;
	case FIELD_DATE:
		return cli_parse_date(v, "--date", &x->date, &e) ? cli_bad_date(cmd, &e) : 0;
	case FIELD_DECISION_DATE:
		o->correct = true;
		return cli_parse_date(v, "--decision-date", &o->cm.date, &e)
			? cli_bad_date(cmd, &e) : 0;
	case FIELD_FORM: o->correct = true; o->cm.form = (char *)v; return 0;
	case FIELD_DECISION: o->correct = true; o->cm.decision = (char *)v; return 0;
	case FIELD_SIGNER: o->correct = true; o->cm.signer = (char *)v; return 0;
	case FIELD_BIRTH_YEAR:
		if (*v == 0) {
			x->birth_year = 0;
			return 0;
		}
		if (cli_parse_int(v, "--birth-year", 1, 9999, &n, &e))
			return cli_usage(cmd, "%s", e.msg);
		x->birth_year = (int)n;
		return 0;
	default:
		break;
	}
	/* --reason: the reason of a late entry, kept if the record is one (and of
	 * a commendation's correction, o->cm). */
	if (set_text(field_text_at(x, &field_table[opt == OPT_REASON ? FIELD_LATE_REASON
								      : opt - 1]), v)) {
		fprintf(stderr, "dienhinh: %s\n", _("Out of memory."));
		return 1;
	}
	return 0;
}

/* Read the options of add or edit into x and o; 0, or the exit status of a usage error. */
static int read_options(const char *cmd, struct exemplar *x, struct edit_opts *o, int argc,
			char **argv)
{
	struct option opts[OPT_MAX];
	char names[FIELD_COUNT][OPT_NAME_MAX];
	int opt, rc = 0;

	field_options(opts, names, strcmp(cmd, "edit") == 0);
	while (!rc && (opt = getopt_long(argc, argv, ":", opts, NULL)) != -1)
		rc = opt == '?' || opt == ':' ? cli_bad_option(cmd, opt, argv, opts)
					      : apply_field(cmd, x, opt, optarg, o);
	if (!rc && optind < argc)
		rc = cli_usage(cmd, _("unexpected argument \"%s\"."), argv[optind]);
	return rc;
}

/*
 * Report a refused add or edit.  When the field at fault looks typed with a
 * legacy keyboard, say how to keep it if it really is meant that way.
 */
static int fail_save(const struct exemplar *x, struct err *e)
{
	int rc = cli_fail(e);

	if (model_refused_legacy(x, e))
		fprintf(stderr, _("dienhinh: if the text really is meant this way, save it with "
				  "--allow-legacy.\n"));
	return rc;
}

/* After --allow-legacy: say which field was kept although it looks legacy. */
static void note_legacy(const char *field)
{
	if (field)
		fprintf(stderr, _("dienhinh: %s was kept as typed although it looks typed in an "
				  "old Vietnamese encoding (TCVN3 or VNI) (--allow-legacy).\n"),
			model_field_label(field));
}

int cli_exemplar_add(struct cli *c, int argc, char **argv)
{
	struct exemplar x;
	struct err e = { 0 };
	const char *legacy = NULL;
	struct edit_opts o = { 0 };
	int rc;

	model_exemplar_init(&x);
	rc = read_options("add", &x, &o, argc, argv);
	if (!rc) {
		if (cli_open(c, 0, &e) ||
		    register_add(c->reg, &x, o.allow_legacy ? &legacy : NULL, &e)) {
			rc = fail_save(&x, &e);
		} else {
			note_legacy(legacy);
			printf("%" PRIu64 "\n", x.id);
		}
	}
	model_exemplar_free(&x);
	return rc;
}

/* edit with the commendation's options: a correction of its details. */
static int correct(struct cli *c, uint64_t id, const struct edit_opts *o)
{
	struct err e = { 0 };

	if (o->profile)
		return cli_usage("edit", _("--form, --decision, --decision-date and --signer "
					   "correct the commendation: change the profile in an "
					   "edit of its own."));
	if (register_correct_commendation(c->reg, id, &o->cm, o->reason, &e))
		return cli_fail(&e);
	printf(_("Saved. Exemplar %" PRIu64 ": commendation corrected.\n"), id);
	return 0;
}

int cli_exemplar_edit(struct cli *c, int argc, char **argv)
{
	struct exemplar x;
	struct err e = { 0 };
	const char *legacy = NULL;
	struct edit_opts o = { .cm = { NULL, NULL, DATE_NONE, NULL } };
	uint64_t id;
	int rc;

	model_exemplar_init(&x);
	if (argc < 2 || argv[1][0] == '-')
		return cli_usage("edit", _("give the exemplar number."));
	if (cli_parse_id(argv[1], &id, &e))
		return cli_usage("edit", "%s", e.msg);
	if (cli_open(c, 0, &e) || register_get(c->reg, id, &x, &e))
		return cli_fail(&e);
	o.version = x.version;
	optind = 2;
	rc = read_options("edit", &x, &o, argc, argv);
	if (!rc && o.correct) {
		rc = correct(c, id, &o);
	} else if (!rc) {
		x.version = o.version;
		if (register_edit(c->reg, &x, o.allow_legacy ? &legacy : NULL, &e))
			rc = fail_save(&x, &e);
		else
			note_legacy(legacy);
	}
	model_exemplar_free(&x);
	return rc;
}

/* ---- list ----------------------------------------------------------------------- */

/*
 * A list may hold a million rows, and its reader may be a pipe a person
 * reads slowly (`dienhinh list | less`).  Rows are copied out of the read
 * transaction a page at a time and written once it has ended, then the
 * scan goes on from the page's last row: waiting on the output never pins
 * the database.  A search is copied whole: it reads the folds index and
 * holds every row it found anyway, while going on from a row would walk
 * the list index.
 */
#define LIST_PAGE 256

/* One row of the list, copied out of the transaction. */
struct list_item {
	uint64_t id;
	date_t date;
	char unit[CODE_MAX + 1];
	enum ex_type type;
	enum ex_category category;
	enum ex_status status;
	bool late;
	char *name;
};

/* A page of rows (at most `max`); `key` is the list index key of the last
 * one (owned), where the next page starts. */
struct list_page {
	struct list_item *v;
	size_t n, cap, max;
	uint8_t *key;
	size_t key_len;
	bool failed;
};

static int take_row(const struct list_row *row, void *p)
{
	struct list_page *pg = p;
	uint8_t *key = malloc(row->key_len);
	struct list_item *it;

	if (!key || (pg->n == pg->cap &&
		     mem_grow(&pg->v, &pg->cap, pg->n + 1, sizeof *pg->v, LIST_PAGE)) ||
	    !(pg->v[pg->n].name = strdup(row->name))) {
		free(key);
		pg->failed = true;
		return -1;
	}
	memcpy(key, row->key, row->key_len);
	free(pg->key);
	pg->key = key;
	pg->key_len = row->key_len;
	it = &pg->v[pg->n];
	it->id = row->id;
	it->date = row->date;
	snprintf(it->unit, sizeof it->unit, "%s", row->unit);
	it->type = row->type;
	it->category = row->category;
	it->status = row->status;
	it->late = row->late;
	return ++pg->n == pg->max;
}

static int print_item(struct cli *c, const struct list_item *it)
{
	char id[24], date[DATE_TEXT_SIZE];
	bool tsv = c->fmt == TABLE_TSV;

	snprintf(id, sizeof id, "%" PRIu64, it->id);
	cli_date(c, it->date, date);
	const char *cells[] = {
		id, date, it->unit,
		tsv ? model_type_code(it->type) : model_type_label(it->type),
		tsv ? model_category_code(it->category) : model_category_label(it->category),
		tsv ? model_status_code(it->status) : model_status_label(it->status),
		it->name, !it->late ? "" : tsv ? "yes" : _("yes"),
	};
	return table_row(c->out, cells);
}

/* Every row of the filter, page by page, into c->out; 0 or -1 (e set, or the
 * output failed). */
static int list_rows(struct cli *c, const struct query_filter *f, struct err *e)
{
	struct list_page pg = { .max = f->search && *f->search ? SIZE_MAX : LIST_PAGE };
	bool full;
	int rc;

	do {
		pg.n = 0;
		rc = query_scan(c->reg, f, pg.key, pg.key_len, false, take_row, &pg, e);
		if (pg.failed)
			rc = err_nomem(e);
		for (size_t i = 0; i < pg.n; i++)
			if (!rc && print_item(c, &pg.v[i]))
				rc = -1;
		for (size_t i = 0; i < pg.n; i++)
			free(pg.v[i].name);
		full = pg.n == pg.max;
	} while (!rc && full);
	free(pg.v);
	free(pg.key);
	return rc;
}

int cli_exemplar_list(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "unit", required_argument, NULL, 'u' }, { "year", required_argument, NULL, 'y' },
		{ "quarter", required_argument, NULL, 'q' },
		{ "category", required_argument, NULL, 'c' },
		{ "type", required_argument, NULL, 't' }, { "status", required_argument, NULL, 's' },
		{ "search", required_argument, NULL, 'S' },
		{ "format", required_argument, NULL, 'f' }, { "width", required_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 },
	};
	static const char *names[] = { "id", "date", "unit", "type", "category", "status", "name",
				       "late" };
	static const char *const labels[] = { N_("No."), N_("Date"), N_("Unit"), N_("Type"),
					      N_("Category"), N_("Status"), N_("Name"),
					      N_("Late entry") };
	struct query_filter f = { 0 };
	struct err e = { 0 };
	int opt, rc;

	while ((opt = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (opt) {
		case 'u': f.unit = optarg; break;
		case 'S': f.search = optarg; break;
		case 'y':
		case 'q':
			if ((rc = cli_opt_period("list", opt, optarg, &f.year, &f.quarter)))
				return rc;
			break;
		case 'c':
			if (model_category_parse(optarg, &f.category))
				return cli_usage("list", _("--category: \"%s\" is not a category code."),
						 optarg);
			break;
		case 't':
			if (model_type_parse(optarg, &f.type))
				return cli_usage("list", _("--type: use individual or collective."));
			break;
		case 's':
			if (model_status_parse(optarg, &f.status))
				return cli_usage("list", _("--status: \"%s\" is not a status code."),
						 optarg);
			break;
		case 'f':
			if ((rc = cli_opt_format(c, "list", optarg)))
				return rc;
			break;
		case 'w':
			if ((rc = cli_opt_width(c, "list", optarg)))
				return rc;
			break;
		default:
			return cli_bad_option("list", opt, argv, opts);
		}
	}
	if (optind < argc)
		return cli_usage("list", _("unexpected argument \"%s\"."), argv[optind]);
	if (f.quarter && !f.year)
		f.year = date_year(c->today);
	if (cli_open(c, REG_READ_ONLY, &e) || cli_listing(c, 8, names, labels, &e))
		return cli_fail(&e);
	return cli_listing_end(c, list_rows(c, &f, &e), &e);
}

/* ---- show ----------------------------------------------------------------------- */

/* One "label: value" (text) or "field<TAB>value" (tsv) line; `label`, when
 * not NULL, instead of the field's own. */
static void show_line(struct cli *c, const char *field, const char *label, const char *value)
{
	const char *row[] = { c->fmt == TABLE_TSV ? field : label ? label : model_field_label(field),
			      value ? value : "" };
	table_row(c->out, row);
}

/* A line per propagation event: "channel date reference", numbered in text
 * ("Propagation 2") as `propagate --remove` takes them; tsv gives them in
 * that order.  0, or -1 (no memory). */
static int show_propagations(struct cli *c, const struct exemplar *x)
{
	bool tsv = c->fmt == TABLE_TSV;

	for (size_t i = 0; i < x->n_propagations; i++) {
		const struct propagation *p = &x->propagations[i];
		char d[DATE_TEXT_SIZE], *line, label[80];
		cli_date(c, p->date, d);
		if (asprintf(&line, "%s %s %s", tsv ? model_channel_code(p->channel)
						    : model_channel_label(p->channel), d,
			     p->ref ? p->ref : "") < 0)
			return -1; /* not a record shown with a propagation missing */
		snprintf(label, sizeof label, "%s %zu", model_field_label("propagation"), i + 1);
		show_line(c, "propagation", label, line);
		free(line);
	}
	return 0;
}

/* Every field of x, a line each, in the field table's order; `unit` names x's
 * unit for people (NULL: the code alone).  0, or -1 when a line could not be made. */
static int show_fields(struct cli *c, const struct exemplar *x, const struct unit *unit)
{
	bool tsv = c->fmt == TABLE_TSV;
	char b[CLI_TIME_SIZE], *named = NULL; /* CLI_TIME_SIZE > FIELD_VALUE_SIZE */

	for (size_t i = 0; i < FIELD_COUNT; i++) {
		const struct field *f = &field_table[i];
		const char *v = field_value(x, f, tsv ? 0 : FIELD_LABELS | FIELD_DATES_VN, b);
		if (f->kind == FK_LIST && show_propagations(c, x))
			return -1;
		if (f->kind == FK_TIME) {
			cli_time(c, *(const int64_t *)((const char *)x + f->offset), b);
			v = b;
		}
		if (!v)
			continue;
		if (f->kind == FK_UNIT && !tsv && unit && unit->name &&
		    asprintf(&named, "%s (%s)", unit->name, x->unit) < 0)
			return -1;
		show_line(c, f->code, NULL, named ? named : v);
		free(named);
		named = NULL;
	}
	return 0;
}

int cli_exemplar_show(struct cli *c, int argc, char **argv)
{
	static const char *names[] = { "field", "value" };
	static const char *const labels[] = { N_("Field"), N_("Value") };
	struct exemplar x;
	struct unit_list units = { 0 };
	struct err e = { 0 };
	uint64_t id;
	int rc;

	if (argc < 2 || argv[1][0] == '-')
		return cli_usage("show", _("give the exemplar number."));
	if (cli_parse_id(argv[1], &id, &e))
		return cli_usage("show", "%s", e.msg);
	optind = 2;
	if ((rc = cli_opt_listing(c, "show", argc, argv)))
		return rc;
	model_exemplar_init(&x);
	rc = cli_open(c, REG_READ_ONLY, &e) || register_get(c->reg, id, &x, &e) ||
	     (c->fmt == TABLE_TEXT && register_units(c->reg, &units, &e)) ||
	     cli_listing(c, 2, names, labels, &e);
	if (rc) {
		model_exemplar_free(&x);
		units_free(&units);
		return cli_fail(&e);
	}
	rc = show_fields(c, &x, units_find(&units, x.unit)) ? err_nomem(&e) : 0;
	model_exemplar_free(&x);
	units_free(&units);
	return cli_listing_end(c, rc, &e);
}

/* ---- quota ------------------------------------------------------------------------ */

static int quota_row(const struct query_quota *q, void *p)
{
	struct cli *c = p;
	char year[8], quarter[4], req[16], got[16], name[UNITS_LABEL_SIZE];
	bool tsv = c->fmt == TABLE_TSV;

	snprintf(year, sizeof year, "%d", q->year);
	snprintf(quarter, sizeof quarter, "%d", q->quarter);
	snprintf(req, sizeof req, "%d", q->required);
	snprintf(got, sizeof got, "%d", q->counted);
	units_label(q->units, q->unit, name, sizeof name);
	const char *cells[] = {
		year, quarter, tsv ? q->unit->code : name, req, got,
		tsv ? model_quota_code(q->state) : model_quota_label(q->state),
	};
	return table_row(c->out, cells) ? -1 : 0;
}

int cli_exemplar_quota(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "year", required_argument, NULL, 'y' }, { "quarter", required_argument, NULL, 'q' },
		{ "format", required_argument, NULL, 'f' }, { "width", required_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 },
	};
	static const char *names[] = { "year", "quarter", "unit", "required", "introduced",
				       "state" };
	static const char *const labels[] = { N_("Year"), N_("Quarter"), N_("Unit"), N_("Quota"),
					      N_("Introduced"), N_("State") };
	struct err e = { 0 };
	int year = 0, quarter = 0, opt, rc;

	while ((opt = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (opt == 'f')
			rc = cli_opt_format(c, "quota", optarg);
		else if (opt == 'w')
			rc = cli_opt_width(c, "quota", optarg);
		else if (opt == 'y' || opt == 'q')
			rc = cli_opt_period("quota", opt, optarg, &year, &quarter);
		else
			rc = cli_bad_option("quota", opt, argv, opts);
		if (rc)
			return rc;
	}
	if (optind < argc)
		return cli_usage("quota", _("unexpected argument \"%s\"."), argv[optind]);
	cli_default_period(c, &year, &quarter);
	if (cli_open(c, REG_READ_ONLY, &e) || cli_listing(c, 6, names, labels, &e))
		return cli_fail(&e);
	rc = cli_listing_end(c, query_quota(c->reg, year, quarter, quota_row, c, &e), &e);
	if (!rc && c->fmt == TABLE_TEXT) { /* a year in no period: why (TSV says "outside") */
		char why[PERIOD_WHY_SIZE];
		period_outside_text(&c->cfg->periods, year, why, sizeof why);
		if (why[0])
			printf("%s.\n", why);
	}
	return rc;
}
