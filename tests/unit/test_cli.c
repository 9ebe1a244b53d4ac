/*
 * test_cli.c - the command line run in-process: each command a person runs
 * most prints what it should; and while memory runs out (oom.h), it either
 * prints exactly what it prints with memory to spare and exits 0, or exits
 * 1 saying it ran out of memory.  The rest of the command line is tested
 * end to end (tests/e2e/).
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <getopt.h>

#include "cli.h"
#include "fixture.h"
#include "i18n.h"
#include "oom.h"

/* The town of fixture.h, in English: short of memory, gettext hands back
 * the English text it was asked to translate, and the outputs would differ
 * by that alone. */
static const char config_text[] =
	"[dienhinh]\n"
	"language = en\n"
	"database = db\n"
	FIXTURE_TOWN;

static int setup(void **state)
{
	struct fx *f;
	struct err e = { 0 };
	struct propagation p = { CHANNEL_RADIO, 0, "Chuyên mục 3", "", 0 };
	static const char *const names[] = { "Nguyễn Thị Hoa", "Trần Văn Bình", "Ấp Mỹ Hòa" };

	if (fx_setup(state, "cli", config_text, "chief", date_from_ymd(2025, 1, 10)))
		return -1;
	f = *state;
	for (int i = 0; i < 3; i++) {
		struct exemplar x;
		model_exemplar_init(&x);
		snprintf(x.unit, sizeof x.unit, "%s", i == 1 ? "p2" : "p1");
		x.type = i == 2 ? TYPE_COLLECTIVE : TYPE_INDIVIDUAL;
		x.category = i == 2 ? CAT_RESIDENTIAL : CAT_GOOD_DEEDS;
		x.name = strdup(names[i]);
		x.achievements = strdup("Tích cực tham gia phong trào.");
		x.date = date_from_ymd(2024, 3 + 3 * i, 10);
		assert_int_equal(register_add(f->r, &x, NULL, &e), 0);
		model_exemplar_free(&x);
	}
	assert_int_equal(register_accept(f->r, 1, &e), 0);
	p.date = date_from_ymd(2024, 4, 1);
	assert_int_equal(register_propagate(f->r, 1, &p, &e), 0);
	/* The command line's account and day, as the end-to-end tests give them. */
	setenv("DIENHINH_USER", "chief", 1);
	setenv("DIENHINH_TODAY", "2025-01-10", 1);
	return 0;
}

static int teardown(void **state)
{
	unsetenv("DIENHINH_USER");
	unsetenv("DIENHINH_TODAY");
	return fx_teardown(state);
}

/* The sweep's count left alone (the test's own work), where there is a sweep. */
static void spare(bool on)
{
#if OOM_SWEEPS
	oom.spare = on;
#else
	(void)on;
#endif
}

/* One command: its arguments, and its output and messages in files of its own. */
struct cli_run {
	struct fx *f;
	const char *const *args;
	char out[96], msgs[96];
	char *want;   /* the output with memory to spare */
	int status;
};

/* The whole content of a file (freed by the caller), outside the sweep's count. */
static char *contents(const char *path)
{
	FILE *in;
	char *s;
	long n;

	spare(true);
	in = fopen(path, "rb");
	assert_non_null(in);
	assert_int_equal(fseek(in, 0, SEEK_END), 0);
	n = ftell(in);
	rewind(in);
	s = calloc(1, (size_t)n + 1);
	assert_non_null(s);
	assert_int_equal(fread(s, 1, (size_t)n, in), (size_t)n);
	fclose(in);
	spare(false);
	return s;
}

/* Run the command with standard output and error sent to the run's files. */
static int cli_run(void *p)
{
	struct cli_run *c = p;
	char *argv[16], config[96];
	int argc = 0, out, msgs, keep_out, keep_msgs;

	snprintf(config, sizeof config, "%s/dienhinh.ini", c->f->dir);
	argv[argc++] = "dienhinh";
	argv[argc++] = "--config";
	argv[argc++] = config;
	argv[argc++] = "--db";
	argv[argc++] = c->f->db;
	for (size_t i = 0; c->args[i]; i++)
		argv[argc++] = (char *)c->args[i];
	argv[argc] = NULL;
	fflush(stdout);
	fflush(stderr);
	out = open(c->out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	msgs = open(c->msgs, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	keep_out = dup(1);
	keep_msgs = dup(2);
	assert_true(out >= 0 && msgs >= 0 && keep_out >= 0 && keep_msgs >= 0);
	dup2(out, 1);
	dup2(msgs, 2);
	optind = 0; /* getopt starts afresh, as in a new process */
	c->status = cli_main(argc, argv);
	fflush(stdout);
	fflush(stderr);
	dup2(keep_out, 1);
	dup2(keep_msgs, 2);
	close(out);
	close(msgs);
	close(keep_out);
	close(keep_msgs);
	return c->status;
}

#if OOM_SWEEPS
static void cli_failed(void *p)
{
	struct cli_run *c = p;
	char *said = contents(c->msgs);

	assert_int_equal(c->status, 1);
	/* Its one message names memory: in Vietnamese until the config says English. */
	if (!strstr(said, "bộ nhớ") && !strcasestr(said, "memory"))
		fail_msg("%s: requests %ld-%ld refused, and it said: %s", c->args[0], oom.fail,
			 oom.until, said);
	free(said);
}

static void cli_done(void *p)
{
	struct cli_run *c = p;
	char *got = contents(c->out);

	if (strcmp(got, c->want))
		fail_msg("%s: requests %ld-%ld refused, it exited 0 and printed:\n%s\ninstead of:\n%s",
			 c->args[0], oom.fail, oom.until, got, c->want);
	free(got);
}

static void test_commands_out_of_memory(void **state)
{
	static const char *const list[] = { "list", "--format", "tsv", NULL };
	static const char *const search[] = { "list", "--search", "hoa", NULL };
	static const char *const quota[] = { "quota", "--year", "2024", NULL };
	static const char *const show[] = { "show", "1", NULL };
	static const char *const log[] = { "log", NULL };
	static const char *const check[] = { "check", NULL };
	static const char *const report[] = { "report", "quarter", "--year", "2024", "--quarter",
					      "2", NULL };
	static const char *const year[] = { "report", "year", "--year", "2024", NULL };
	static const char *const plan[] = { "report", "plan", "--format", "csv", NULL };
	static const char *const export[] = { "export", "exemplars", NULL };
	static const char *const units[] = { "units", NULL };
	static const char *const whoami[] = { "whoami", NULL };
	const char *const *commands[] = { list, search, quota, show, log, check, report, year, plan,
					  export, units, whoami };
	struct cli_run c = { .f = *state };

	snprintf(c.out, sizeof c.out, "%s/out", c.f->dir);
	snprintf(c.msgs, sizeof c.msgs, "%s/msgs", c.f->dir);
	/* iniparser 4.1 does not survive an allocation of its own that fails (test_config). */
	oom.exempt = "libiniparser";
	/* glibc's setlocale keeps a block when one of its own is refused: the sweep starts
	 * after the requests that the locale's setting up makes in every run. */
	oom = (__typeof__(oom)){ .armed = true, .exempt = oom.exempt };
	i18n_init_locale();
	i18n_set_language(NULL);
	i18n_ready(); /* the set-up waits for the first message otherwise */
	oom.armed = false;
	oom.from = oom.calls + 1;
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		c.args = commands[i];
		assert_int_equal(cli_run(&c), 0);
		c.want = contents(c.out);
		assert_true(strlen(c.want) > 0);
		assert_true(oom_sweep(cli_run, cli_failed, cli_done, &c) > 20);
		free(c.want);
	}
	oom.exempt = NULL;
	oom.from = 0;
}
#endif

/* Each command once, in this process (so that the sanitizers see it): what it prints. */
static void test_commands(void **state)
{
	static const struct {
		const char *args[8];
		const char *says[3];
	} cases[] = {
		{ { "list", "--format", "tsv" }, { "Nguyễn Thị Hoa", "Trần Văn Bình", "Ấp Mỹ Hòa" } },
		{ { "list", "--search", "hoa", "--width", "200" }, { "Nguyễn Thị Hoa", "Ấp Mỹ Hòa", NULL } },
		{ { "quota", "--year", "2024", "--format", "tsv" },
		  { "2024\t1\tp1\t2\t1\tshort", "2024\t2\tp2\t2\t1\tshort", NULL } },
		{ { "show", "1" }, { "Nguyễn Thị Hoa", "Tích cực tham gia phong trào.", "Chuyên mục 3" } },
		{ { "log", "--record", "1" }, { "chief", NULL, NULL } },
	};
	struct cli_run c = { .f = *state };

	snprintf(c.out, sizeof c.out, "%s/out", c.f->dir);
	snprintf(c.msgs, sizeof c.msgs, "%s/msgs", c.f->dir);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *out;
		c.args = cases[i].args;
		assert_int_equal(cli_run(&c), 0);
		out = contents(c.out);
		for (size_t k = 0; k < 3 && cases[i].says[k]; k++)
			if (!strstr(out, cases[i].says[k]))
				fail_msg("%s: \"%s\" not in:\n%s", c.args[0], cases[i].says[k], out);
		/* Trần Văn Bình is not a "hoa". */
		if (i == 1)
			assert_null(strstr(out, "Trần Văn Bình"));
		free(out);
	}
}

int main(void)
{
	static char out_buf[BUFSIZ], err_buf[BUFSIZ];
	/* The standard streams' buffers are the test's, set before any use. */
	setvbuf(stdout, out_buf, _IOFBF, sizeof out_buf);
	setvbuf(stderr, err_buf, _IOLBF, sizeof err_buf);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_commands, setup, teardown),
#if OOM_SWEEPS
		cmocka_unit_test_setup_teardown(test_commands_out_of_memory, setup, teardown),
#endif
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
