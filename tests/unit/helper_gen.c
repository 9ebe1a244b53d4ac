/*
 * helper_gen - test data for the screens' tests and benchmark (not installed).
 *
 *   helper_gen gen CONFIG DB N [USER]    add N generated exemplars (batches)
 *   helper_gen raw CONFIG DB UNIT NAME   store one exemplar whose name is kept
 *                                        byte for byte, bypassing the register's
 *                                        cleaning (as if written by another tool)
 *
 * Generated names are unique by construction (name index and date never
 * repeat together), so no batch is refused as a duplicate.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "batch.h"
#include "register.h"
#include "store.h"

#define BATCH 5000

static const char *families[] = {
	"Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Trương", "Đặng", "Bùi",
	"Đỗ", "Ngô", "Dương", "Lý", "Thạch", "Lâm", "Sơn", "Danh", "Châu", "Tô",
};
static const char *middles[] = { "Văn", "Thị", "Minh", "Hữu", "Ngọc", "Thanh", "Kim", "Quốc" };
static const char *givens[] = {
	"An", "Bình", "Cường", "Dũng", "Đức", "Hải", "Hùng", "Khánh", "Long", "Lợi", "Minh",
	"Nam", "Phúc", "Quân", "Sang", "Tài", "Thắng", "Trí", "Tuấn", "Vũ", "Ánh", "Châu",
	"Đào", "Hạnh", "Hồng", "Hương", "Lan", "Linh", "Mai", "Nga", "Ngọc", "Nhung",
	"Phương", "Thảo", "Thủy", "Trang", "Tuyết", "Út", "Vân", "Yến",
};
#define N(a) (sizeof(a) / sizeof((a)[0]))
#define NAMES (N(families) * N(middles) * N(middles) * N(givens))

static int fail(const struct err *e)
{
	fprintf(stderr, "helper_gen: %s\n", e->msg);
	return 1;
}

static int open_reg(const char *conf, const char *db, const char *user, struct config **cfg,
		    struct reg **r)
{
	struct err e = { 0 };
	const char *t = getenv("DIENHINH_TODAY");
	date_t today = date_today();

	if (t && *t && date_parse(t, &today))
		return fprintf(stderr, "helper_gen: bad DIENHINH_TODAY\n"), 1;
	if (config_load(conf, cfg, &e))
		return fail(&e);
	if (register_open(*cfg, db, user, today, REG_CREATE, r, &e)) {
		config_free(*cfg);
		return fail(&e);
	}
	return 0;
}

/* Exemplar i: a unique name and date, a unit active on that date. */
static int make(struct exemplar *x, size_t i, const struct unit_list *units)
{
	size_t k = i % NAMES, round = i / NAMES;
	date_t first = date_from_ymd(2021, 1, 1), last = date_from_ymd(2025, 6, 30);
	date_t span = last - first + 1;
	char name[128];

	snprintf(name, sizeof name, "%s %s %s %s", families[k % N(families)],
		 middles[k / N(families) % N(middles)],
		 middles[k / N(families) / N(middles) % N(middles)],
		 givens[k / N(families) / N(middles) / N(middles) % N(givens)]);
	x->date = first + (date_t)((round * 97 + k * 13) % (size_t)span);
	x->created_at = (int64_t)x->date * 86400 + 12 * 3600; /* entered then: not late */
	for (size_t u = (i * 7) % units->n;; u = (u + 1) % units->n)
		if (model_unit_active_on(&units->v[u], x->date)) {
			snprintf(x->unit, sizeof x->unit, "%s", units->v[u].code);
			break;
		}
	x->category = (enum ex_category)(CAT_OFFICIAL + (int)(i % 3));
	x->type = TYPE_INDIVIDUAL;
	x->gender = i % 2 ? GENDER_MALE : GENDER_FEMALE;
	x->birth_year = 1960 + (int)(i % 40);
	x->status = i % 29 == 0 ? STATUS_INTRODUCED : i % 31 == 0 ? STATUS_RETURNED
		    : i % 5 == 0 ? STATUS_COMMENDED : STATUS_ACCEPTED;
	if (x->status == STATUS_COMMENDED) {
		x->commendation.form = strdup("Giấy khen của Chủ tịch UBND thị xã");
		x->commendation.decision = strdup("123/QĐ-UBND");
		x->commendation.date = x->date;
	}
	if (x->status == STATUS_RETURNED)
		x->status_reason = strdup("Thành tích chưa cụ thể.");
	x->name = strdup(name);
	x->position = strdup("Cán bộ");
	x->workplace = strdup("Ấp Mỹ Hòa");
	x->achievements = strdup("Hoàn thành xuất sắc nhiệm vụ nhiều năm liền.");
	return x->name && x->position && x->workplace && x->achievements ? 0 : -1;
}

static int gen(struct reg *r, size_t n)
{
	struct unit_list units;
	struct exemplar *xs = calloc(BATCH, sizeof *xs);
	struct err e = { 0 };
	int rc = 0;

	if (!xs || register_units(r, &units, &e)) {
		free(xs);
		return xs ? fail(&e) : 1;
	}
	for (size_t done = 0; done < n && !rc; done += BATCH) {
		size_t m = n - done < BATCH ? n - done : BATCH, n_problems = 0;
		struct batch_problem *problems = NULL;
		for (size_t i = 0; i < m; i++) {
			model_exemplar_init(&xs[i]);
			if (make(&xs[i], done + i, &units))
				rc = 1;
		}
		if (!rc && batch_add(r, xs, m, "helper_gen", false, &problems,
					      &n_problems, &e)) {
			rc = fail(&e);
			if (n_problems)
				fprintf(stderr, "helper_gen: record %zu: %s\n", problems[0].index,
					problems[0].err.msg);
		}
		free(problems);
		for (size_t i = 0; i < m; i++)
			model_exemplar_free(&xs[i]);
	}
	units_free(&units);
	free(xs);
	return rc;
}

struct raw {
	struct exemplar *x;
};

static int raw_txn(struct store_txn *t, void *p, struct err *e)
{
	struct raw *c = p;

	if (store_next_id(t, &c->x->id, e))
		return -1;
	return store_put_exemplar(t, NULL, c->x, e);
}

static int raw(struct reg *r, const char *unit, const char *name)
{
	struct exemplar x;
	struct raw c = { &x };
	struct err e = { 0 };
	int rc;

	model_exemplar_init(&x);
	x.version = 1;
	x.type = TYPE_INDIVIDUAL;
	x.category = CAT_GOOD_DEEDS;
	x.status = STATUS_INTRODUCED;
	x.gender = GENDER_FEMALE;
	x.birth_year = 1980;
	x.date = register_today(r);
	snprintf(x.unit, sizeof x.unit, "%s", unit);
	x.name = strdup(name);
	x.position = strdup(name);
	snprintf(x.created_by, sizeof x.created_by, "%s", register_user(r));
	snprintf(x.updated_by, sizeof x.updated_by, "%s", register_user(r));
	rc = store_write(register_store(r), raw_txn, &c, &e);
	if (!rc)
		printf("%llu\n", (unsigned long long)x.id);
	model_exemplar_free(&x);
	return rc ? fail(&e) : 0;
}

int main(int argc, char **argv)
{
	struct config *cfg;
	struct reg *r;
	int rc;

	if (argc >= 5 && strcmp(argv[1], "gen") == 0) {
		if (open_reg(argv[2], argv[3], argc > 5 ? argv[5] : "root", &cfg, &r))
			return 1;
		rc = gen(r, strtoul(argv[4], NULL, 10));
	} else if (argc == 6 && strcmp(argv[1], "raw") == 0) {
		if (open_reg(argv[2], argv[3], "root", &cfg, &r))
			return 1;
		rc = raw(r, argv[4], argv[5]);
	} else {
		fprintf(stderr, "usage: helper_gen gen CONFIG DB N [USER] | "
				"raw CONFIG DB UNIT NAME\n");
		return 2;
	}
	register_close(r);
	config_free(cfg);
	return rc;
}
