/* cli_flow.c - see cli_flow.h. */
#include "cli_flow.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "i18n.h"
#include "query.h"
#include "roles.h"

/* Options of the workflow commands; each command accepts its own subset. */
enum { O_REASON = 1, O_FORM, O_DECISION, O_DATE, O_SIGNER, O_CHANNEL, O_REF, O_REMOVE };

struct flow_opts {
	const char *reason, *form, *decision, *signer, *channel, *ref, *date, *remove;
};

/*
 * Parse "CMD ID [ARG] [--options]": the id, one positional word when
 * `word` is not NULL (review's accept|return), and the options named in
 * `allowed` (a string of O_* values).
 */
static int parse_flow(const char *cmd, int argc, char **argv, const char *allowed,
		      uint64_t *id, const char **word, struct flow_opts *o)
{
	static const struct option opts[] = {
		{ "reason", required_argument, NULL, O_REASON },
		{ "form", required_argument, NULL, O_FORM },
		{ "decision", required_argument, NULL, O_DECISION },
		{ "date", required_argument, NULL, O_DATE },
		{ "signer", required_argument, NULL, O_SIGNER },
		{ "channel", required_argument, NULL, O_CHANNEL },
		{ "ref", required_argument, NULL, O_REF },
		{ "remove", required_argument, NULL, O_REMOVE },
		{ NULL, 0, NULL, 0 },
	};
	const char **slot[] = { NULL, &o->reason, &o->form, &o->decision, &o->date, &o->signer,
				&o->channel, &o->ref, &o->remove };
	struct err e;
	int opt, pos = word ? 2 : 1;

	memset(o, 0, sizeof *o);
	if (argc <= pos || argv[1][0] == '-' || (word && argv[2][0] == '-'))
		return cli_usage(cmd, word ? _("give the exemplar number and accept or return.")
					   : _("give the exemplar number."));
	if (cli_parse_id(argv[1], id, &e))
		return cli_usage(cmd, "%s", e.msg);
	if (word)
		*word = argv[2];
	optind = pos + 1;
	while ((opt = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (opt == '?' || opt == ':' || !strchr(allowed, opt))
			return cli_bad_option(cmd, opt, argv, opts);
		*slot[opt] = optarg;
	}
	if (optind < argc)
		return cli_usage(cmd, _("unexpected argument \"%s\"."), argv[optind]);
	return 0;
}

/* The end of a workflow step: its exit status, and the state the step left
 * the record in, read back from the register (which alone knows the moves). */
static int done(struct cli *c, int rc, struct err *e, uint64_t id)
{
	struct exemplar x;

	if (rc)
		return cli_fail(e);
	model_exemplar_init(&x);
	if (register_get(c->reg, id, &x, e) == 0)
		printf(_("Saved. Exemplar %" PRIu64 ": %s.\n"), id, model_status_label(x.status));
	else
		printf(_("Exemplar %" PRIu64 " saved.\n"), id); /* saved all the same */
	model_exemplar_free(&x);
	return 0;
}

int cli_flow_review(struct cli *c, int argc, char **argv)
{
	static const char allowed[] = { O_REASON, 0 };
	struct flow_opts o;
	struct err e = { 0 };
	const char *what;
	uint64_t id;
	int rc = parse_flow("review", argc, argv, allowed, &id, &what, &o);

	if (rc)
		return rc;
	if (strcmp(what, "accept") && strcmp(what, "return"))
		return cli_usage("review", _("say accept or return, not \"%s\"."), what);
	if (cli_open(c, 0, &e))
		return cli_fail(&e);
	rc = strcmp(what, "accept") == 0 ? register_accept(c->reg, id, &e)
					 : register_return(c->reg, id, o.reason, &e);
	return done(c, rc, &e, id);
}

/* The commands that take only an id. */
static int simple_step(struct cli *c, const char *cmd, int argc, char **argv,
		       int (*step)(struct reg *, uint64_t, struct err *))
{
	static const char none[] = { 0 };
	struct flow_opts o;
	struct err e = { 0 };
	uint64_t id;
	int rc = parse_flow(cmd, argc, argv, none, &id, NULL, &o);

	if (rc)
		return rc;
	if (cli_open(c, 0, &e))
		return cli_fail(&e);
	return done(c, step(c->reg, id, &e), &e, id);
}

int cli_flow_resubmit(struct cli *c, int argc, char **argv)
{
	return simple_step(c, "resubmit", argc, argv, register_resubmit);
}

int cli_flow_propose(struct cli *c, int argc, char **argv)
{
	static const char allowed[] = { O_DATE, 0 };
	struct flow_opts o;
	struct err e = { 0 };
	date_t day = DATE_NONE;
	uint64_t id;
	int rc = parse_flow("propose", argc, argv, allowed, &id, NULL, &o);

	if (rc)
		return rc;
	if (o.date && cli_parse_date(o.date, "--date", &day, &e))
		return cli_bad_date("propose", &e);
	if (cli_open(c, 0, &e))
		return cli_fail(&e);
	return done(c, register_propose(c->reg, id, day, &e), &e, id);
}

/* The corrections that take an id and a reason. */
static int reason_step(struct cli *c, const char *cmd, int argc, char **argv,
		       int (*step)(struct reg *, uint64_t, const char *, struct err *))
{
	static const char allowed[] = { O_REASON, 0 };
	struct flow_opts o;
	struct err e = { 0 };
	uint64_t id;
	int rc = parse_flow(cmd, argc, argv, allowed, &id, NULL, &o);

	if (rc)
		return rc;
	if (cli_open(c, 0, &e))
		return cli_fail(&e);
	return done(c, step(c->reg, id, o.reason, &e), &e, id);
}

int cli_flow_reopen(struct cli *c, int argc, char **argv)
{
	return reason_step(c, "reopen", argc, argv, register_reopen);
}

int cli_flow_withdraw(struct cli *c, int argc, char **argv)
{
	return reason_step(c, "withdraw", argc, argv, register_withdraw);
}

int cli_flow_commend(struct cli *c, int argc, char **argv)
{
	static const char allowed[] = { O_FORM, O_DECISION, O_DATE, O_SIGNER, 0 };
	struct flow_opts o;
	struct err e = { 0 };
	uint64_t id;
	int rc = parse_flow("commend", argc, argv, allowed, &id, NULL, &o);
	struct commendation cm = { (char *)o.form, (char *)o.decision, DATE_NONE,
				   (char *)o.signer };

	if (rc)
		return rc;
	if (o.date && cli_parse_date(o.date, "--date", &cm.date, &e))
		return cli_bad_date("commend", &e);
	if (cli_open(c, 0, &e))
		return cli_fail(&e);
	return done(c, register_commend(c->reg, id, &cm, &e), &e, id);
}

int cli_flow_revoke(struct cli *c, int argc, char **argv)
{
	return reason_step(c, "revoke", argc, argv, register_revoke);
}

/* propagate ID --remove N --reason T: the N-th entry, as `show` numbers them. */
static int unpropagate(struct cli *c, uint64_t id, const struct flow_opts *o)
{
	struct err e = { 0 };
	long n;

	if (o->channel || o->date || o->ref)
		return cli_usage("propagate", _("--remove takes only --reason."));
	if (cli_parse_int(o->remove, "--remove", 1, 100000, &n, &e))
		return cli_usage("propagate", "%s", e.msg);
	if (cli_open(c, 0, &e))
		return cli_fail(&e);
	return done(c, register_remove_propagation(c->reg, id, (size_t)n, o->reason, &e), &e, id);
}

int cli_flow_propagate(struct cli *c, int argc, char **argv)
{
	static const char allowed[] = { O_CHANNEL, O_DATE, O_REF, O_REMOVE, O_REASON, 0 };
	struct flow_opts o;
	struct err e = { 0 };
	uint64_t id;
	int rc = parse_flow("propagate", argc, argv, allowed, &id, NULL, &o);
	struct propagation p = { 0, DATE_NONE, (char *)o.ref, "", 0 };

	if (rc)
		return rc;
	if (o.remove)
		return unpropagate(c, id, &o);
	if (o.reason)
		return cli_usage("propagate", _("--reason goes with --remove."));
	if (o.channel && model_channel_parse(o.channel, &p.channel))
		return cli_usage("propagate", _("--channel: use radio, portal or other."));
	if (o.date && cli_parse_date(o.date, "--date", &p.date, &e))
		return cli_bad_date("propagate", &e);
	if (cli_open(c, 0, &e))
		return cli_fail(&e);
	return done(c, register_propagate(c->reg, id, &p, &e), &e, id);
}

int cli_flow_whoami(struct cli *c, int argc, char **argv)
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

int cli_flow_log(struct cli *c, int argc, char **argv)
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

int cli_flow_check(struct cli *c, int argc, char **argv)
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
