/* cli.c - see cli.h. */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "cli_admin.h"
#include "cli_exemplar.h"
#include "cli_files.h"
#include "cli_flow.h"
#include "fields.h"
#include "i18n.h"
#include "identity.h"
#include "self.h"
#include "text.h"
#include "paths.h"
#include "ui.h"

/* One subcommand: its name, its function and a one-line synopsis. */
struct command {
	const char *name;
	int (*run)(struct cli *c, int argc, char **argv);
	const char *synopsis;
};

static const struct command commands[] = {
	{ "init", cli_admin_init, N_("init [--demo]            create or upgrade the database") },
	{ "units", cli_admin_units, N_("units                    list the units and their quotas") },
	{ "periods", cli_admin_periods, N_("periods                  the plan periods and their "
					   "years") },
	{ "add", cli_exemplar_add, N_("add --unit U --type T --category C --name N --date D ... "
				      "[--reason T]") },
	{ "edit", cli_exemplar_edit, N_("edit ID [--version V] [field options] [--reason T]") },
	{ "list", cli_exemplar_list, N_("list [--unit U] [--year Y] [--quarter Q] [--category C] "
					"[--type T] [--status S] [--search TEXT]") },
	{ "show", cli_exemplar_show, N_("show ID                  every field of one exemplar") },
	{ "quota", cli_exemplar_quota, N_("quota [--year Y] [--quarter Q]") },
	{ "review", cli_flow_review, N_("review ID accept|return [--reason T]") },
	{ "resubmit", cli_flow_resubmit, N_("resubmit ID              introduce a returned exemplar again") },
	{ "propose", cli_flow_propose, N_("propose ID [--date D]    propose for commendation") },
	{ "commend", cli_flow_commend, N_("commend ID --form T --decision NO --date D [--signer T]") },
	{ "revoke", cli_flow_revoke, N_("revoke ID --reason T") },
	{ "propagate", cli_flow_propagate, N_("propagate ID --channel radio|portal|other --date D "
					      "[--ref T]") },
	{ "reopen", cli_flow_reopen, N_("reopen ID --reason T     back to introduced (also a "
					"withdrawn one)") },
	{ "withdraw", cli_flow_withdraw, N_("withdraw ID --reason T   take out an exemplar entered "
					    "by mistake") },
	{ "whoami", cli_admin_whoami, N_("whoami                   your account and role") },
	{ "log", cli_admin_log, N_("log [--since D] [--user U] [--record ID]") },
	{ "check", cli_admin_check, N_("check                    verify the database") },
	{ "report", cli_files_report, N_("report quarter|year|plan [--year Y] [--quarter Q] "
					 "[--format F] [-o FILE] [--bom] [--width N]") },
	{ "export", cli_files_export, N_("export [exemplars|units] [--format csv|xlsx] [-o FILE] "
					 "[--bom]") },
	{ "import", cli_files_import, N_("import exemplars|units FILE... [--dry-run] "
					 "[--skip-duplicates] [--sheet NAME|N] [--column LETTER=COLUMN] "
					 "[--reason T]") },
	{ "backup", cli_admin_backup, N_("backup DIR               copy the database into DIR") },
	{ "restore", cli_admin_restore, N_("restore DIR              replace the database by the "
					   "backup in DIR") },
};

/*
 * The help fits a PuTTY window as it opens: 80 columns, one left free so
 * that a full line does not make the terminal wrap on its own.  A
 * command's description starts in HELP_DESC, the column every synopsis
 * (and its translation) pads to.
 */
enum { HELP_COLS = 79, HELP_DESC = 27 };

/* Where to break s, whose first `fit` bytes fit: before the last option
 * ("[--x"), else at the last space, else after the first word. */
static size_t help_break(const char *s, size_t fit)
{
	size_t cut = fit;

	while (cut > 0 && !(s[cut] == ' ' && s[cut + 1] == '['))
		cut--;
	if (!cut)
		for (cut = fit; cut > 0 && s[cut] != ' ';)
			cut--;
	return cut ? cut : fit ? fit : strcspn(s, " ");
}

/*
 * Print one line of the help (no '\n' in it) after `lead` spaces, broken so
 * that no line is wider than HELP_COLS; the lines after the first start
 * `hang` spaces in, under the words they continue.
 */
static void print_line(FILE *f, const char *s, int lead, int hang)
{
	int indent = lead;

	do {
		size_t fit = text_fit(s, HELP_COLS - indent, NULL), cut = fit;

		if (s[fit])
			cut = help_break(s, fit);
		fprintf(f, "%*s%.*s\n", indent, "", (int)cut, s);
		s += cut;
		s += strspn(s, " ");
		indent = hang;
	} while (*s);
}

/* Print a translated paragraph line by line, each wrapped by print_line. */
static void print_text(FILE *f, const char *text)
{
	while (*text) {
		size_t n = strcspn(text, "\n");
		char *line = strndup(text, n);

		if (!line) {
			fputs(text, f);
			return;
		}
		print_line(f, line, 0, 0);
		free(line);
		text += n + (text[n] == '\n');
	}
}

/* A command's synopsis; when it is too wide, its options wrap and its
 * description goes on a line of its own, in the description column. */
static void print_synopsis(FILE *f, const char *syn)
{
	const char *gap = strstr(syn, "  ");
	char *usage;

	if (!gap || 2 + text_width(syn) <= HELP_COLS ||
	    !(usage = strndup(syn, (size_t)(gap - syn)))) {
		print_line(f, syn, 2, 6);
		return;
	}
	print_line(f, usage, 2, 6);
	print_line(f, gap + strspn(gap, " "), HELP_DESC, HELP_DESC);
	free(usage);
}

static void print_help(FILE *f)
{
	print_text(f, _("Usage: dienhinh [--config FILE] [--db DIR] [COMMAND [OPTIONS]]\n"
			"Register of advanced exemplars. Without a command, opens the menu "
			"screens.\n\nCommands:\n"));
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		print_synopsis(f, _(commands[i].synopsis));
	print_text(f, _("\nListings take --format text|tsv. Exit status: 0 done, 1 refused or "
			"bad data, 2 bad usage.\nSee dienhinh(1) for every option.\n"));
}

static void print_problem(const char *problem, void *ctx)
{
	(void)ctx;
	printf("%s\n", problem);
}

int cli_check(struct cli *c, int *cleared, struct store_stats *seen, struct err *e)
{
	return check_run(register_store(c->reg), print_problem, NULL, cleared, seen, e);
}

/*
 * The option that sets field `code` on the command line, into buf
 * ("--birth-year"); "" when the code is not a field's.  Messages name a
 * field by its words; the command line adds the option a person typed.
 */
static void field_option(const char *code, char buf[40])
{
	buf[0] = '\0';
	if (!code[0] || (!field_find(code) && strcmp(code, "channel") && strcmp(code, "ref")))
		return;
	if (strcmp(code, "status_reason") == 0)
		code = "reason";
	else if (strcmp(code, "decision_date") == 0)
		code = "date";
	snprintf(buf, 40, "--%s", code);
	for (char *p = buf; *p; p++)
		if (*p == '_')
			*p = '-';
}

int cli_fail(const struct err *e)
{
	/* A message may quote stored text (who saved a record): no raw controls. */
	char *msg = text_visible(e->msg[0] ? e->msg : _("unknown error"), TEXT_KEEP_NEWLINES);
	char opt[40];

	field_option(e->field, opt);
	fprintf(stderr, "dienhinh: %s%s%s%s\n", msg ? msg : _("Out of memory."), opt[0] ? " (" : "",
		opt, opt[0] ? ")" : "");
	free(msg);
	return err_exit_status(e);
}

/* cli_warn with a va_list. */
__attribute__((format(printf, 1, 0)))
static void vwarn(const char *fmt, va_list ap)
{
	char *said = NULL, *shown;

	if (vasprintf(&said, fmt, ap) < 0)
		said = NULL;
	shown = said ? text_visible(said, TEXT_KEEP_NEWLINES) : NULL;
	fputs(shown ? shown : _("Out of memory."), stderr);
	free(shown);
	free(said);
}

void cli_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	cli_warn("dienhinh%s%s: ", *cmd ? " " : "", cmd);
	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	fprintf(stderr, _("\nTry \"dienhinh --help\".\n"));
	return 2;
}

int cli_bad_option(const char *cmd, int opt, char **argv, const struct option *opts)
{
	const char *typed = argv[optind - 1];
	char name[80];

	if (opt != '?' && opt != ':') {
		/* An option getopt knows: its value may be what was typed last. */
		while (opts->name && opts->val != opt)
			opts++;
		snprintf(name, sizeof name, "--%s", opts->name ? opts->name : "?");
	} else if (strncmp(typed, "--", 2) != 0 && optopt) {
		/* A short option, maybe among others ("-xo"). */
		snprintf(name, sizeof name, "-%c", optopt);
	} else {
		snprintf(name, sizeof name, "%s", typed);
	}
	if (opt == ':')
		return cli_usage(cmd, _("the option %s needs a value."), name);
	return cli_usage(cmd, _("there is no option %s."), name);
}

int cli_parse_id(const char *s, uint64_t *id, struct err *e)
{
	char *end;

	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (!*s || *end || errno || v == 0 || *s == '-')
		return err_set(e, ERR_USAGE, _("\"%s\" is not an exemplar number."), s);
	*id = v;
	return 0;
}

int cli_parse_int(const char *s, const char *what, long lo, long hi, long *out, struct err *e)
{
	char *end;

	errno = 0;
	long v = strtol(s, &end, 10);
	if (!*s || *end || errno || v < lo || v > hi)
		return err_set(e, ERR_USAGE, _("%s: \"%s\" is not a number from %ld to %ld."), what,
			       s, lo, hi);
	*out = v;
	return 0;
}

int cli_parse_date(const char *s, const char *what, date_t *out, struct err *e)
{
	int y, m, d;

	if (model_date_read(s, what, out, e) == 0)
		return 0;
	if (date_split_vn(s, &y, &m, &d))
		e->code = ERR_USAGE; /* not a date at all: the command line is wrong */
	return -1;
}

int cli_bad_date(const char *cmd, const struct err *e)
{
	return e->code == ERR_USAGE ? cli_usage(cmd, "%s", e->msg) : cli_fail(e);
}

void cli_date(const struct cli *c, date_t d, char buf[DATE_TEXT_SIZE])
{
	if (c->fmt == TABLE_TSV)
		date_format(d, buf);
	else
		date_format_vn(d, buf);
}

void cli_time(const struct cli *c, int64_t at, char buf[CLI_TIME_SIZE])
{
	time_t t = (time_t)at;
	struct tm tm;

	buf[0] = 0;
	if (at && localtime_r(&t, &tm))
		strftime(buf, CLI_TIME_SIZE, c->fmt == TABLE_TSV ? "%Y-%m-%dT%H:%M:%S"
								 : "%H:%M %d/%m/%Y", &tm);
}

int cli_opt_format(struct cli *c, const char *cmd, const char *arg)
{
	if (table_parse_format(arg, &c->fmt))
		return cli_usage(cmd, _("--format: use text or tsv."));
	return 0;
}

int cli_opt_width(struct cli *c, const char *cmd, const char *arg)
{
	struct err e;
	long v = 0;

	if (cli_parse_int(arg, "--width", 40, 1000, &v, &e))
		return cli_usage(cmd, "%s", e.msg);
	c->width = (int)v;
	return 0;
}

int cli_opt_listing(struct cli *c, const char *cmd, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' }, { "width", required_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 },
	};
	int opt, rc;

	while ((opt = getopt_long(argc, argv, ":", opts, NULL)) != -1)
		if (opt != 'f' && opt != 'w')
			return cli_bad_option(cmd, opt, argv, opts);
		else if ((rc = opt == 'w' ? cli_opt_width(c, cmd, optarg)
					  : cli_opt_format(c, cmd, optarg)))
			return rc;
	if (optind < argc)
		return cli_usage(cmd, _("unexpected argument \"%s\"."), argv[optind]);
	return 0;
}

int cli_opt_period(const char *cmd, int opt, const char *arg, int *year, int *quarter)
{
	struct err e;
	long v = 0;

	if (cli_parse_int(arg, opt == 'y' ? "--year" : "--quarter", opt == 'y' ? 1900 : 1,
			  opt == 'y' ? 9999 : 4, &v, &e))
		return cli_usage(cmd, "%s", e.msg);
	*(opt == 'y' ? year : quarter) = (int)v;
	return 0;
}

void cli_default_period(const struct cli *c, int *year, int *quarter)
{
	if (*year)
		return;
	/* Nothing given: today's quarter, the one the screens open on. */
	if (!*quarter)
		*quarter = date_quarter(c->today);
	*year = date_year(c->today);
}

int cli_listing(struct cli *c, size_t ncols, const char *const *names,
		const char *const *labels, struct err *e)
{
	if (!(c->out = table_new(stdout, c->fmt, ncols, names, labels)))
		return err_nomem(e);
	table_set_width(c->out, c->width);
	return 0;
}

int cli_listing_end(struct cli *c, int rc, struct err *e)
{
	/* A request refused as a whole (a unit or record that does not exist, a
	 * listing the person's role does not read) leaves no empty table above
	 * its message. */
	if (rc && (e->code == ERR_NOTFOUND || e->code == ERR_DENIED)) {
		table_drop(c->out);
		c->out = NULL;
		return cli_fail(e);
	}
	/* A row the table refused stops a scan without a message of its own. */
	int t = table_end(c->out);

	if (t && (!rc || !e->code))
		rc = t == ERR_RC_NOMEM ? err_nomem(e)
				      : err_set(e, ERR_IO, _("Cannot write the output."));
	c->out = NULL;
	return rc ? cli_fail(e) : 0;
}

int cli_open(struct cli *c, unsigned flags, struct err *e)
{
	if (c->reg)
		return 0;
	return register_open(c->cfg, c->db, c->user, c->today, flags, &c->reg, e);
}

/* ---- start-up ----------------------------------------------------------------- */

/* In the shared install, nothing the person controls may redirect the program. */
static int refuse_overrides(const char *config, const char *db, struct err *e)
{
	static const char *vars[] = { "DIENHINH_CONFIG", "DIENHINH_USER", "DIENHINH_TODAY" };

	if (config)
		return err_set(e, ERR_DENIED, _("--config cannot be used with the shared "
						"installation."));
	if (db)
		return err_set(e, ERR_DENIED, _("--db cannot be used with the shared "
						"installation."));
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++)
		if (getenv(vars[i]))
			return err_set(e, ERR_DENIED, _("%s cannot be used with the shared "
							"installation."), vars[i]);
	return 0;
}

/* The config: --config, else DIENHINH_CONFIG, else the system's. */
static int load_config(const char *config, struct config **out, struct err *e)
{
	const char *path = config ? config : getenv("DIENHINH_CONFIG");
	char dflt[PATH_MAX];

	if (!path || !*path) {
		snprintf(dflt, sizeof dflt, "%s/dienhinh/dienhinh.ini", DIENHINH_SYSCONFDIR);
		path = dflt;
	}
	return config_load(path, out, e);
}

/* The help, in the config's language when the config can be read. */
static int help(const char *config)
{
	struct config *cfg;
	struct err e = { 0 };

	if (load_config(config, &cfg, &e) == 0) {
		i18n_set_language(cfg->language);
		config_free(cfg);
	}
	print_help(stdout);
	return 0;
}

static int settle(struct cli *c, const char *config, struct err *e)
{
	const char *today = c->privileged ? NULL : getenv("DIENHINH_TODAY");

	if (load_config(config, &c->cfg, e))
		return -1;
	i18n_set_language(c->cfg->language);
	if (today && *today) {
		if (cli_parse_date(today, "DIENHINH_TODAY", &c->today, e)) {
			e->code = ERR_USAGE; /* how the program was started, not a record */
			return -1;
		}
	} else {
		c->today = date_today();
	}
	return identity_user(c->user, e);
}

static int run_command(struct cli *c, int argc, char **argv)
{
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(argv[0], commands[i].name) == 0) {
			optind = 0; /* GNU getopt: start afresh for the command's options */
			return commands[i].run(c, argc, argv);
		}
	return cli_usage(argv[0], _("unknown command."));
}

int cli_main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli c = { .fmt = TABLE_TEXT, .width = 80 };
	const char *config = NULL;
	struct err e = { 0 };
	int opt, rc;
	bool asked_help = false;

	bool switched = i18n_init_locale();
	i18n_set_language(NULL);
	c.privileged = self_privileged();
	opterr = 0; /* cli_bad_option() says what is wrong, in the person's language */
	while ((opt = getopt_long(argc, argv, "+:c:d:hV", opts, NULL)) != -1) {
		switch (opt) {
		case 'c': config = optarg; break;
		case 'd': c.db = optarg; break;
		case 'h': asked_help = true; break;
		case 'V': printf("dienhinh %s\n", DIENHINH_VERSION); return 0;
		default: return cli_bad_option("", opt, argv, opts);
		}
	}
	if (c.privileged && getuid() != 0 && refuse_overrides(config, c.db, &e))
		return cli_fail(&e);
	if (asked_help)
		return help(config);
	if (switched)
		fprintf(stderr, _("dienhinh: the terminal's locale is not UTF-8; using C.UTF-8 "
				  "for Vietnamese text.\n"));
	if (settle(&c, config, &e)) {
		rc = cli_fail(&e);
	} else if (optind >= argc) {
		if (cli_open(&c, 0, &e)) {
			rc = cli_fail(&e);
		} else {
			i18n_ready(); /* the terminal needs the locale */
			rc = ui_main(c.reg);
		}
	} else {
		rc = run_command(&c, argc - optind, argv + optind);
	}
	register_close(c.reg);
	config_free(c.cfg);
	return rc;
}
