/* cli_admin.c - see cli_admin.h. */
#include "cli_admin.h"

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "demo.h"
#include "i18n.h"
#include "identity.h"
#include "query.h"
#include "roles.h"

/* ---- init, units and periods ----------------------------------------------------- */

int cli_admin_init(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "demo", no_argument, NULL, 'd' }, { NULL, 0, NULL, 0 },
	};
	struct unit_list units;
	struct err e = { 0 };
	bool demo = false;
	int opt;
	size_t added = 0;

	while ((opt = getopt_long(argc, argv, ":", opts, NULL)) != -1)
		if (opt == 'd')
			demo = true;
		else
			return cli_bad_option("init", opt, argv, opts);
	if (optind < argc)
		return cli_usage("init", _("unexpected argument \"%s\"."), argv[optind]);
	if (cli_open(c, REG_CREATE, &e) || (demo && demo_fill(c->reg, &added, &e)) ||
	    register_units(c->reg, &units, &e))
		return cli_fail(&e);
	printf(_("The database is ready: %zu units"), units.n);
	if (demo)
		printf(_(", %zu sample exemplars added"), added);
	printf(".\n");
	units_free(&units);
	return 0;
}

/* When a unit was active, in words (units_active_words), and what it became:
 * "until 30/06/2025, then Phường Ngã Năm". */
static void active_text(const struct unit_list *units, const struct unit *u, char *buf,
			size_t size)
{
	char name[UNITS_LABEL_SIZE];
	const struct unit *next = u->successor[0] ? units_find(units, u->successor) : NULL;

	units_active_words(u, buf, size);
	if (next)
		units_label(units, next, name, sizeof name);
	if (u->successor[0] && strlen(buf) < size)
		snprintf(buf + strlen(buf), size - strlen(buf), _(", then %s"),
			 next ? name : u->successor);
}

int cli_admin_units(struct cli *c, int argc, char **argv)
{
	static const char *names[] = { "code", "name", "kind", "block", "quota", "active_from",
				       "active_to", "successor" };
	static const char *const labels[] = { N_("Code"), N_("Unit"), N_("Kind"),
					      N_("Emulation block"), N_("Quota"), N_("Active") };
	struct unit_list units;
	struct err e = { 0 };
	int rc = cli_opt_listing(c, "units", argc, argv);

	if (rc)
		return rc;
	if (cli_open(c, REG_READ_ONLY, &e) || register_units(c->reg, &units, &e))
		return cli_fail(&e);
	bool tsv = c->fmt == TABLE_TSV;
	/* TSV: the dates and the successor's code in columns of their own; text: in words. */
	if (cli_listing(c, tsv ? 8 : 6, names, labels, &e)) {
		units_free(&units);
		return cli_fail(&e);
	}
	for (size_t i = 0; i < units.n; i++) {
		const struct unit *u = &units.v[i];
		const struct block *b = config_block(c->cfg, u->block);
		char quota[16], from[DATE_TEXT_SIZE], to[DATE_TEXT_SIZE], active[UNITS_LABEL_SIZE + 64],
		     name[UNITS_LABEL_SIZE];
		snprintf(quota, sizeof quota, "%d", u->quota);
		date_format(u->active_from, from);
		date_format(u->active_to, to);
		if (!tsv) {
			active_text(&units, u, active, sizeof active);
			units_label(&units, u, name, sizeof name);
		}
		const char *row[] = {
			u->code, tsv ? u->name : name,
			tsv ? model_kind_code(u->kind) : model_kind_label(u->kind),
			tsv || !b ? u->block : b->name, quota, tsv ? from : active, to, u->successor,
		};
		table_row(c->out, row);
	}
	units_free(&units);
	return cli_listing_end(c, 0, &e);
}

int cli_admin_periods(struct cli *c, int argc, char **argv)
{
	static const char *names[] = { "code", "name", "from", "to" };
	static const char *const labels[] = { N_("Code"), N_("Plan period"), N_("From year"),
					      N_("To year") };
	const struct period_list *l = &c->cfg->periods;
	struct err e = { 0 };
	int rc = cli_opt_listing(c, "periods", argc, argv);

	if (rc)
		return rc;
	if (cli_listing(c, 4, names, labels, &e))
		return cli_fail(&e);
	for (size_t i = 0; i < l->n && !rc; i++) {
		char name[PERIOD_NAME_SIZE], from[16], to[16];
		period_name(&l->v[i], name, sizeof name);
		snprintf(from, sizeof from, "%d", l->v[i].from);
		snprintf(to, sizeof to, "%d", l->v[i].to);
		const char *row[] = { l->v[i].code, name, from, to };
		rc = table_row(c->out, row);
	}
	return cli_listing_end(c, 0, &e);
}

/* ---- whoami --------------------------------------------------------------------- */

int cli_admin_whoami(struct cli *c, int argc, char **argv)
{
	const struct role_entry *re = config_role(c->cfg, c->user);
	char role[256];

	if (argc > 1)
		return cli_usage("whoami", _("unexpected argument \"%s\"."), argv[1]);
	if (!re)
		printf("%s\t%s\n", c->user, roles_code(ROLE_NONE));
	else {
		roles_describe(re, role, sizeof role);
		printf("%s\t%s\t%s\n", c->user, roles_code(re->role), role);
	}
	return 0;
}

/* ---- log --------------------------------------------------------------------------- */

static int log_row(const struct audit_entry *a, void *p)
{
	struct cli *c = p;
	bool tsv = c->fmt == TABLE_TSV;
	char seq[24], when[CLI_TIME_SIZE], rec[24];

	cli_time(c, a->time, when);
	snprintf(seq, sizeof seq, "%" PRIu64, a->seq);
	rec[0] = 0;
	if (a->record)
		snprintf(rec, sizeof rec, "%" PRIu64, a->record);
	const char *op = tsv ? a->op : audit_op_label(a->op);
	for (size_t i = 0; i < a->n_changes || i == 0; i++) {
		const struct audit_change *ch = a->n_changes ? &a->changes[i] : NULL;
		char was[DATE_TEXT_SIZE], now[DATE_TEXT_SIZE];
		/* Text is for people: labels and dates as written here; TSV keeps the codes. */
		const char *cells[] = {
			seq, when, a->user, op, rec,
			!ch ? "" : tsv ? ch->field : model_field_label(ch->field),
			!ch ? "" : tsv ? ch->before : model_value_text(ch->field, ch->before, was),
			!ch ? "" : tsv ? ch->after : model_value_text(ch->field, ch->after, now),
			a->note,
		};
		if (table_row(c->out, cells))
			return -1;
	}
	return 0;
}

/* The first second of a day, local time: --since takes the whole day. */
static int64_t day_start(date_t d)
{
	struct tm tm = { .tm_isdst = -1 };

	date_to_ymd(d, &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
	tm.tm_year -= 1900;
	tm.tm_mon--;
	return (int64_t)mktime(&tm);
}

int cli_admin_log(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "since", required_argument, NULL, 's' }, { "user", required_argument, NULL, 'u' },
		{ "record", required_argument, NULL, 'r' },
		{ "format", required_argument, NULL, 'f' }, { "width", required_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 },
	};
	static const char *names[] = { "seq", "time", "user", "op", "record", "field", "before",
				       "after", "note" };
	static const char *const labels[] = { N_("No."), N_("Time"), N_("Account"), N_("Action"),
					      N_("Record"), N_("Field"), N_("Before"), N_("After"),
					      N_("Note") };
	struct query_log_filter f = { .trail = true };
	struct err e = { 0 };
	date_t since;
	int opt, rc;

	while ((opt = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (opt) {
		case 's':
			if (cli_parse_date(optarg, "--since", &since, &e))
				return cli_bad_date("log", &e);
			f.since = day_start(since);
			break;
		case 'u': f.user = optarg; break;
		case 'r':
			if (cli_parse_id(optarg, &f.record, &e))
				return cli_usage("log", "%s", e.msg);
			break;
		case 'f':
			if ((rc = cli_opt_format(c, "log", optarg)))
				return rc;
			break;
		case 'w':
			if ((rc = cli_opt_width(c, "log", optarg)))
				return rc;
			break;
		default:
			return cli_bad_option("log", opt, argv, opts);
		}
	}
	if (optind < argc)
		return cli_usage("log", _("unexpected argument \"%s\"."), argv[optind]);
	/* A role that reads no audit log is refused before any line of it. */
	if (cli_open(c, REG_READ_ONLY, &e) || query_log_allowed(c->reg, &e) ||
	    cli_listing(c, 9, names, labels, &e))
		return cli_fail(&e);
	return cli_listing_end(c, query_log(c->reg, &f, log_row, c, &e), &e);
}

/* ---- check ------------------------------------------------------------------------- */

int cli_admin_check(struct cli *c, int argc, char **argv)
{
	struct err e = { 0 };
	struct store_stats seen;
	int cleared, n;

	if (argc > 1)
		return cli_usage("check", _("unexpected argument \"%s\"."), argv[1]);
	if (cli_open(c, 0, &e))
		return cli_fail(&e);
	n = cli_check(c, &cleared, &seen, &e);
	if (n < 0)
		return cli_fail(&e);
	if (cleared)
		printf(_("Freed %d reader slots left by sessions that ended abruptly.\n"), cleared);
	if (n) {
		fprintf(stderr, _("dienhinh: the check found %d problems.\n"), n);
		return 1;
	}
	/* What was looked at, so that a sound answer is seen to cover the register. */
	printf(_("The database is sound: %zu exemplars, %zu units and %zu audit entries "
		 "checked.\n"), seen.exemplars, seen.units, seen.audit);
	return 0;
}

/* ---- backup and restore -------------------------------------------------------------- */

static int one_dir(const char *cmd, int argc, char **argv, const char **dir)
{
	if (argc != 2 || argv[1][0] == '-')
		return cli_usage(cmd, _("give one directory."));
	*dir = argv[1];
	return 0;
}

int cli_admin_backup(struct cli *c, int argc, char **argv)
{
	struct err e = { 0 };
	const char *dir = NULL;
	int rc = one_dir("backup", argc, argv, &dir);

	if (rc)
		return rc;
	/* The copy is the person's file, written with their own rights. */
	if (cli_open(c, 0, &e) || identity_drop_privilege(&e) ||
	    register_backup(c->reg, dir, &e))
		return cli_fail(&e);
	printf(_("The database is backed up in %s.\n"), dir);
	return 0;
}

int cli_admin_restore(struct cli *c, int argc, char **argv)
{
	struct err e = { 0 };
	const char *dir = NULL;
	char safety[4096], path[4096];
	int rc = one_dir("restore", argc, argv, &dir), cleared, n;

	if (rc)
		return rc;
	/* The safety copy goes beside the database, which needs the program's group;
	 * the backup itself must be one the person may read. */
	snprintf(path, sizeof path, "%s/data.mdb", dir);
	if (access(path, R_OK) != 0) {
		err_set(&e, errno == ENOENT ? ERR_NOTFOUND : ERR_IO, _("Cannot read the backup "
								       "%s: %s."), path,
			i18n_strerror(errno));
		return cli_fail(&e);
	}
	if (cli_open(c, 0, &e) || register_restore(c->reg, dir, safety, sizeof safety, &e))
		return cli_fail(&e);
	printf(_("The database is restored from %s.\nThe database as it was before is kept in "
		 "%s.\n"), dir, safety);
	/* The copies' folder: the safety copy's path up to its last '/'. */
	char *slash = strrchr(safety, '/');
	printf(_("Safety copies are kept in %.*s: the newest %d, older ones are removed "
		 "(keep_safety_copies in the config).\n"), slash ? (int)(slash - safety) : 0, safety,
	       c->cfg->keep_safety_copies);
	n = cli_check(c, &cleared, NULL, &e);
	if (n < 0)
		return cli_fail(&e);
	if (n) {
		fprintf(stderr, _("dienhinh: the restored database has %d problems (see above); "
				  "the backup was not sound.\n"), n);
		return 1;
	}
	return 0;
}