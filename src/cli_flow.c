/* cli_flow.c - see cli_flow.h. */
#include "cli_flow.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

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
