/*
 * helper_stress.c - load generator and fault injector for the stress
 * scripts (tests/e2e/stress_*.sh).  It talks to the register and the
 * store through their public headers, as the program does, but can add
 * many records from one process and hold transactions open, which the
 * command line never does.
 *
 *   helper_stress add CONFIG DB N TAG [BATCH]
 *       add N exemplars (names carry TAG, so that writers never clash),
 *       each in its own transaction, or BATCH per transaction; print
 *       "ok ID" after each commit, flushed at once, so that a writer
 *       killed with SIGKILL has announced exactly what it saved.
 *   helper_stress add-ids CONFIG DB ID...
 *       add one batch, one record per ID: the record carries that id (0:
 *       none, the register gives one); print "ok ID" for each record.
 *   helper_stress session CONFIG DB
 *       open the register and obey lines on stdin: "read" counts the
 *       records, "add" adds one; each answer carries the map size this
 *       process sees ("map BYTES"), to show it follows another process's
 *       growth of the map.
 *   helper_stress hold-read DB K
 *       open K nested read transactions (each takes a reader slot), say
 *       "holding K" and wait to be killed.  Stops early, saying how many
 *       it got and why, when the reader table is full.
 *   helper_stress set-schema DB V
 *       record schema version V, as a newer program would.
 *
 * Exit status 0, or 1 with the error message on stderr.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "identity.h"
#include "batch.h"
#include "register.h"
#include "store.h"

/* Syllables for names that look like real ones; TAG and a number make them unique. */
static const char *family[] = {
	"Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng",
};
static const char *middle[] = { "Văn", "Thị", "Hữu", "Ngọc", "Minh", "Thanh" };
static const char *given[] = { "Hồng", "Bình", "Ánh", "Dũng", "Hương", "Tâm", "Quới" };
#define N_OF(a) (sizeof(a) / sizeof(a)[0])

static int fail(const char *what, const struct err *e)
{
	fprintf(stderr, "helper_stress %s: %s\n", what, e->msg);
	return 1;
}

/* Say one line and make sure it left the process before anything else happens. */
static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void say(const char *fmt, ...)
{
	char line[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	if (n > 0 && write(STDOUT_FILENO, line, (size_t)n) < 0)
		exit(1);
}

/* Units active on `day`, in config order; *n of them. */
static const struct unit **active_units(const struct config *cfg, date_t day, size_t *n)
{
	const struct unit **v = calloc(cfg->n_units, sizeof *v);

	*n = 0;
	for (size_t i = 0; v && i < cfg->n_units; i++)
		if (model_unit_active_on(&cfg->units[i], day))
			v[(*n)++] = &cfg->units[i];
	return v;
}

/* Fill `x` as the i-th record of writer `tag`: an individual, spread over
 * the active units and the four quarters of 2024. */
static int make_exemplar(struct exemplar *x, const char *tag, long i,
			 const struct unit **units, size_t n_units)
{
	char name[160];
	unsigned long u = (unsigned long)i;

	model_exemplar_init(x);
	x->type = TYPE_INDIVIDUAL;
	x->category = CAT_GOOD_DEEDS;
	x->gender = u % 2 ? GENDER_FEMALE : GENDER_MALE;
	x->date = 0;
	if (date_parse(u % 4 == 0 ? "2024-02-10" : u % 4 == 1 ? "2024-05-10"
		       : u % 4 == 2 ? "2024-08-10" : "2024-11-10", &x->date))
		return -1;
	snprintf(x->unit, sizeof x->unit, "%s", units[u % n_units]->code);
	snprintf(name, sizeof name, "%s %s %s %s %ld", family[u % N_OF(family)],
		 middle[u / 7 % N_OF(middle)], given[u / 3 % N_OF(given)], tag, i);
	x->name = strdup(name);
	x->achievements = strdup("Tích cực tham gia phong trào thi đua.\n"
				 "Giúp đỡ người nghèo.");
	return x->name && x->achievements ? 0 : -1;
}

static int open_reg(const char *config, const char *db, struct config **cfg,
		    struct reg **r, struct err *e)
{
	char user[USER_MAX + 1];

	*r = NULL;
	if (config_load(config, cfg, e))
		return -1;
	if (identity_user(user, e) || register_open(*cfg, db, user, date_today(), 0, r, e)) {
		config_free(*cfg);
		*cfg = NULL;
		return -1;
	}
	return 0;
}

static int add_one(struct reg *r, const char *tag, long i, const struct unit **units,
		   size_t n_units, struct err *e)
{
	struct exemplar x;
	int rc = make_exemplar(&x, tag, i, units, n_units);

	if (rc)
		err_set(e, ERR_NOMEM, "out of memory");
	else if (!(rc = register_add(r, &x, NULL, e)))
		say("ok %" PRIu64 "\n", x.id);
	model_exemplar_free(&x);
	return rc;
}

static int add_batch(struct reg *r, const char *tag, long from, long n,
		     const struct unit **units, size_t n_units, struct err *e)
{
	struct exemplar *xs = calloc((size_t)n, sizeof *xs);
	struct batch_problem *problems = NULL;
	size_t n_problems = 0;
	int rc = xs ? 0 : err_set(e, ERR_NOMEM, "out of memory");

	for (long i = 0; !rc && i < n; i++)
		if (make_exemplar(&xs[i], tag, from + i, units, n_units))
			rc = err_set(e, ERR_NOMEM, "out of memory");
	if (!rc)
		rc = batch_add(r, xs, (size_t)n, "stress", false, &problems,
					&n_problems, e);
	if (rc && n_problems)
		*e = problems[0].err;
	for (long i = 0; !rc && i < n; i++)
		say("ok %" PRIu64 "\n", xs[i].id);
	for (long i = 0; xs && i < n; i++)
		model_exemplar_free(&xs[i]);
	free(xs);
	free(problems);
	return rc;
}

static int cmd_add(int argc, char **argv)
{
	struct config *cfg;
	struct reg *r;
	struct err e = { 0 };
	long n = argc > 4 ? atol(argv[4]) : 0, batch = argc > 6 ? atol(argv[6]) : 1;
	const struct unit **units;
	size_t n_units;
	date_t day;
	int rc = 0;

	if (argc < 6 || n < 0 || batch < 1)
		return fprintf(stderr, "usage: helper_stress add CONFIG DB N TAG [BATCH]\n"), 2;
	if (open_reg(argv[2], argv[3], &cfg, &r, &e))
		return fail("add", &e);
	date_parse("2024-02-10", &day);
	units = active_units(cfg, day, &n_units);
	if (!units || !n_units)
		rc = err_set(&e, ERR_INVALID, "no active unit");
	for (long i = 0; !rc && i < n; i += batch)
		rc = batch == 1 ? add_one(r, argv[5], i, units, n_units, &e)
				: add_batch(r, argv[5], i, n - i < batch ? n - i : batch, units,
					    n_units, &e);
	free(units);
	register_close(r);
	config_free(cfg);
	return rc ? fail("add", &e) : 0;
}

static int cmd_add_ids(int argc, char **argv)
{
	struct config *cfg;
	struct reg *r;
	struct err e = { 0 };
	struct batch_problem *problems = NULL;
	size_t n_units, n_problems = 0, n = argc > 4 ? (size_t)argc - 4 : 0;
	struct exemplar *xs = calloc(n ? n : 1, sizeof *xs);
	const struct unit **units;
	date_t day;
	int rc = 0;

	if (argc < 5 || !xs)
		return fprintf(stderr, "usage: helper_stress add-ids CONFIG DB ID...\n"), 2;
	if (open_reg(argv[2], argv[3], &cfg, &r, &e))
		return free(xs), fail("add-ids", &e);
	date_parse("2024-02-10", &day);
	units = active_units(cfg, day, &n_units);
	char tag[32];
	snprintf(tag, sizeof tag, "ids%ld", (long)getpid());
	for (size_t i = 0; i < n; i++) {
		if (!units || make_exemplar(&xs[i], tag, (long)i, units, n_units))
			rc = err_set(&e, ERR_NOMEM, "out of memory");
		xs[i].id = strtoull(argv[4 + i], NULL, 10);
	}
	if (!rc)
		rc = batch_add(r, xs, n, "stress", false, &problems, &n_problems, &e);
	if (rc && n_problems)
		e = problems[0].err;
	for (size_t i = 0; !rc && i < n; i++)
		say("ok %" PRIu64 "\n", xs[i].id);
	for (size_t i = 0; i < n; i++)
		model_exemplar_free(&xs[i]);
	free(xs);
	free(problems);
	free(units);
	register_close(r);
	config_free(cfg);
	return rc ? fail("add-ids", &e) : 0;
}

static int count_txn(struct store_txn *t, void *p, struct err *e)
{
	struct store_stats st;

	if (store_stats(t, &st, e))
		return -1;
	*(size_t *)p = st.exemplars;
	return 0;
}

static int cmd_session(int argc, char **argv)
{
	struct config *cfg;
	struct reg *r;
	struct err e = { 0 };
	char line[64];
	const struct unit **units;
	size_t n_units, map, file, count;
	date_t day;
	long added = 0;
	int rc = 0;

	if (argc < 4)
		return fprintf(stderr, "usage: helper_stress session CONFIG DB\n"), 2;
	if (open_reg(argv[2], argv[3], &cfg, &r, &e))
		return fail("session", &e);
	date_parse("2024-02-10", &day);
	units = active_units(cfg, day, &n_units);
	store_sizes(register_store(r), &map, &file);
	say("open map %zu\n", map);
	while (!rc && units && fgets(line, sizeof line, stdin)) {
		if (strncmp(line, "read", 4) == 0) {
			if (!(rc = store_read(register_store(r), count_txn, &count, &e))) {
				store_sizes(register_store(r), &map, &file);
				say("count %zu map %zu\n", count, map);
			}
		} else if (strncmp(line, "add", 3) == 0) {
			if (!(rc = add_one(r, "session", added++, units, n_units, &e))) {
				store_sizes(register_store(r), &map, &file);
				say("map %zu\n", map);
			}
		}
	}
	free(units);
	register_close(r);
	config_free(cfg);
	return rc ? fail("session", &e) : 0;
}

/* Nested read transactions: each level holds one more reader slot. */
struct hold {
	struct store *s;
	long want, got;
	struct err why;
};

static int hold_txn(struct store_txn *t, void *p, struct err *e)
{
	struct hold *h = p;

	(void)t;
	(void)e;
	if (++h->got < h->want && store_read(h->s, hold_txn, h, &h->why) == 0)
		return 0;
	if (h->got < h->want)
		say("holding %ld: %s\n", h->got, h->why.msg);
	else
		say("holding %ld\n", h->got);
	for (;;)
		pause();
}

static int cmd_hold_read(int argc, char **argv)
{
	struct hold h = { .want = argc > 3 ? atol(argv[3]) : 1 };
	struct err e = { 0 };

	if (argc < 4 || h.want < 1)
		return fprintf(stderr, "usage: helper_stress hold-read DB K\n"), 2;
	if (store_open(argv[2], (size_t)1 << 20, 0, &h.s, &e))
		return fail("hold-read", &e);
	if (store_read(h.s, hold_txn, &h, &e))
		return fail("hold-read", &e);
	store_close(h.s);
	return 0;
}

static int schema_txn(struct store_txn *t, void *p, struct err *e)
{
	return store_put_meta_u64(t, "schema", *(uint64_t *)p, e);
}

static int cmd_set_schema(int argc, char **argv)
{
	struct store *s;
	struct err e = { 0 };
	uint64_t v = argc > 3 ? strtoull(argv[3], NULL, 10) : 0;
	int rc;

	if (argc < 4 || !v)
		return fprintf(stderr, "usage: helper_stress set-schema DB V\n"), 2;
	if (store_open(argv[2], (size_t)1 << 20, 0, &s, &e))
		return fail("set-schema", &e);
	rc = store_write(s, schema_txn, &v, &e);
	store_close(s);
	return rc ? fail("set-schema", &e) : 0;
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*run)(int argc, char **argv);
	} cmds[] = {
		{ "add", cmd_add }, { "add-ids", cmd_add_ids }, { "session", cmd_session },
		{ "hold-read", cmd_hold_read }, { "set-schema", cmd_set_schema },
	};

	for (size_t i = 0; argc > 1 && i < N_OF(cmds); i++)
		if (strcmp(argv[1], cmds[i].name) == 0)
			return cmds[i].run(argc, argv);
	fprintf(stderr, "usage: helper_stress add|add-ids|session|hold-read|set-schema ...\n");
	return 2;
}
