/* demo.c - see demo.h. */
#include "demo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "i18n.h"
#include "mem.h"
#include "query.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *families[] = {
	"Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Trương", "Đặng", "Bùi",
	"Đỗ", "Ngô", "Dương", "Lý", "Thạch", "Lâm", "Sơn", "Danh", "Châu", "Tô",
};
static const char *men[] = {
	"An", "Bình", "Cường", "Dũng", "Đức", "Hải", "Hùng", "Khánh", "Long", "Lợi", "Minh",
	"Nam", "Phúc", "Quân", "Sang", "Tài", "Thắng", "Trí", "Tuấn", "Vũ",
};
static const char *women[] = {
	"Ánh", "Châu", "Đào", "Hạnh", "Hồng", "Hương", "Lan", "Linh", "Mai", "Nga", "Ngọc",
	"Nhung", "Phương", "Thảo", "Thủy", "Trang", "Tuyết", "Út", "Vân", "Yến",
};
static const char *middles_m[] = { "Văn", "Minh", "Hữu", "Quốc", "Thanh", "Hoàng" };
static const char *middles_f[] = { "Thị", "Ngọc", "Thanh", "Kim", "Mỹ", "Thu" };
static const char *hamlets[] = {
	"Mỹ Hòa", "Tân Trung", "Vĩnh Hiệp", "Long Hòa", "Mỹ Đông", "Tân Chánh", "Vĩnh Thạnh",
	"Long Thạnh", "Mỹ Thành", "Tân Quới",
};
static const char *positions[] = {
	"Trưởng ấp", "Giáo viên", "Bác sĩ", "Điều dưỡng", "Nông dân", "Chiến sĩ",
	"Công chức văn hóa – xã hội", "Hội viên Hội Nông dân", "Đoàn viên", "Tiểu thương",
	"Cán bộ Mặt trận", "Chỉ huy trưởng quân sự",
};
static const char *deeds[] = {
	"Tích cực tham gia phong trào \"Toàn dân đoàn kết xây dựng đời sống văn hóa\"; vận "
	"động được nhiều hộ tham gia làm đường giao thông nông thôn.",
	"Áp dụng tiến bộ khoa học kỹ thuật vào sản xuất lúa, năng suất tăng 15%; giúp đỡ "
	"nhiều hộ nghèo vươn lên.",
	"Hoàn thành xuất sắc nhiệm vụ nhiều năm liền; có sáng kiến cải tiến quy trình "
	"làm việc được áp dụng tại đơn vị.",
	"Nhặt được tài sản có giá trị, trả lại cho người đánh mất; tích cực tham gia "
	"công tác từ thiện, an sinh xã hội.",
	"Đi đầu trong phong trào \"Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại "
	"phía sau\"; đóng góp xây dựng 3 căn nhà đại đoàn kết.",
};
static const char *movements[] = {
	"Thi đua \"Chung sức xây dựng nông thôn mới\"",
	"Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
	"Thi đua \"Dân vận khéo\"", "Thi đua \"Vì an ninh Tổ quốc\"",
	"Thi đua \"Quyết thắng\"",
};

/* A small deterministic generator (xorshift64*). */
static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static unsigned pick(unsigned n)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return (unsigned)((rng * 2685821657736338717ULL) >> 33) % n;
}

/* Categories that suit a kind of unit, collectives first. */
static enum ex_category category_for(const struct unit *u, enum ex_type *type)
{
	static const enum ex_category local[] = { CAT_RESIDENTIAL, CAT_BUSINESS, CAT_MOVEMENT,
						  CAT_GOOD_DEEDS, CAT_COMMUNITY, CAT_OFFICIAL };
	static const enum ex_category mass[] = { CAT_ASSOCIATION, CAT_GOOD_DEEDS,
						 CAT_COMMUNITY };
	enum ex_category c;

	if (u->kind == KIND_WARD || u->kind == KIND_COMMUNE)
		c = local[pick(N(local))];
	else if (u->kind == KIND_FRONT || u->kind == KIND_MASS_ORG)
		c = mass[pick(N(mass))];
	else if (u->kind == KIND_ARMED)
		c = pick(2) ? CAT_DEFENCE : CAT_OFFICIAL;
	else if (strcmp(u->code, "ttyt") == 0)
		c = pick(2) ? CAT_HEALTH : CAT_OFFICIAL;
	else if (strcmp(u->code, "gddt") == 0)
		c = pick(2) ? CAT_EDUCATION : CAT_OFFICIAL;
	else if (strcmp(u->code, "kinhte") == 0)
		c = pick(2) ? CAT_BUSINESS : CAT_MOVEMENT;
	else
		c = pick(2) ? CAT_MODEL_UNIT : CAT_OFFICIAL;
	*type = model_category_type(c);
	return c;
}

static char *collective_name(enum ex_category c)
{
	const char *h = hamlets[pick(N(hamlets))];
	char *s = NULL;
	int rc;

	switch (c) {
	case CAT_BUSINESS: rc = asprintf(&s, "Hợp tác xã nông nghiệp %s", h); break;
	case CAT_EDUCATION: rc = asprintf(&s, "Trường %s %s", pick(2) ? "Tiểu học" : "THCS", h); break;
	case CAT_HEALTH: rc = asprintf(&s, "Trạm Y tế %s", h); break;
	case CAT_DEFENCE: rc = asprintf(&s, "Tổ dân quân ấp %s", h); break;
	case CAT_ASSOCIATION: rc = asprintf(&s, "Chi hội ấp %s", h); break;
	case CAT_RESIDENTIAL: rc = asprintf(&s, "Ấp %s", h); break;
	case CAT_MOVEMENT: rc = asprintf(&s, "Tổ hợp tác trồng lúa %s", h); break;
	default: rc = asprintf(&s, "Bộ phận một cửa %s", h); break;
	}
	return rc < 0 ? NULL : s;
}

/* Exemplar j of k introduced by unit u in a quarter: each gets its own part
 * of the quarter, so no two share unit, date and name. */
static int fill_one(struct exemplar *x, const struct unit *u, int year, int q, int j, int k)
{
	date_t first = date_quarter_first(year, q), last = date_quarter_last(year, q);
	unsigned span = (unsigned)(last - first + 1) / (unsigned)k;

	x->category = category_for(u, &x->type);
	x->date = first + (date_t)(span * (unsigned)j + pick(span));
	snprintf(x->unit, sizeof x->unit, "%s", u->code);
	if (x->type == TYPE_INDIVIDUAL) {
		bool f = pick(2);
		x->gender = f ? GENDER_FEMALE : GENDER_MALE;
		x->birth_year = 1960 + (int)pick(40);
		if (asprintf(&x->name, "%s %s %s", families[pick(N(families))],
			     f ? middles_f[pick(N(middles_f))] : middles_m[pick(N(middles_m))],
			     f ? women[pick(N(women))] : men[pick(N(men))]) < 0)
			x->name = NULL;
		x->position = strdup(positions[pick(N(positions))]);
		if (asprintf(&x->workplace, "Ấp %s, %s", hamlets[pick(N(hamlets))], u->name) < 0)
			x->workplace = NULL;
	} else {
		x->name = collective_name(x->category);
		x->workplace = strdup(u->name);
	}
	x->movement = strdup(movements[pick(N(movements))]);
	x->achievements = strdup(deeds[pick(N(deeds))]);
	return x->name && x->workplace && x->movement && x->achievements ? 0 : -1;
}

/* Move an older exemplar along the workflow, as the office would have. */
static int advance(struct exemplar *x, int year)
{
	unsigned roll = pick(20);

	if (roll == 0) {
		x->status = STATUS_RETURNED;
		return (x->status_reason = strdup("Thành tích chưa cụ thể, đề nghị bổ sung số liệu."))
			? 0 : -1;
	}
	if (roll < 4)
		return 0;
	x->status = roll < 12 ? STATUS_ACCEPTED : roll < 15 ? STATUS_PROPOSED : STATUS_COMMENDED;
	if (roll >= 8) {
		x->propagations = calloc(1, sizeof *x->propagations);
		if (!x->propagations)
			return -1;
		x->n_propagations = 1;
		x->propagations->channel = pick(3) ? CHANNEL_RADIO : CHANNEL_PORTAL;
		x->propagations->date = x->date + 20;
		if (asprintf(&x->propagations->ref, "Chuyên mục Gương điển hình tiên tiến số %u",
			     1 + pick(48)) < 0)
			return -1;
	}
	if (x->status == STATUS_COMMENDED) {
		x->commendation.form = strdup("Giấy khen của Chủ tịch UBND thị xã");
		if (asprintf(&x->commendation.decision, "%u/QĐ-UBND", 100 + pick(900)) < 0)
			return -1;
		x->commendation.date = date_from_ymd(year, 12, 20);
		x->commendation.signer = strdup("Chủ tịch UBND thị xã");
	}
	return 0;
}

static int first_row(const struct list_row *row, void *p)
{
	(void)row;
	*(bool *)p = true;
	return 1;
}

/* The records being made, and up to which day. */
struct demo {
	const struct unit_list *units;
	date_t today;
	struct exemplar *xs;
	size_t n, cap;
};

/*
 * One quarter of period p: most units meet their quota, some fall short, a
 * few do more, and units without one introduce now and then.  In the
 * quarter still running only the records dated by today are kept, and the
 * office has not reviewed them yet.
 */
static int fill_quarter(struct demo *d, const struct period *p, int y, int q)
{
	bool open = date_quarter_last(y, q) > d->today;

	for (size_t i = 0; i < d->units->n; i++) {
		const struct unit *u = &d->units->v[i];
		if (!model_unit_active_on(u, date_quarter_first(y, q)) ||
		    !model_unit_active_on(u, date_quarter_last(y, q)))
			continue;
		int k = period_required(p, u, y, q);
		if (k)
			k += pick(5) == 0 ? -1 : pick(4) == 0 ? 1 : 0;
		else
			k = pick(6) == 0;
		for (int j = 0; j < k; j++) {
			struct exemplar *x;
			if (d->n == d->cap && mem_grow(&d->xs, &d->cap, d->n + 1, sizeof *d->xs, 512))
				return -1;
			x = &d->xs[d->n++];
			model_exemplar_init(x);
			if (fill_one(x, u, y, q, j, k) || (!open && advance(x, y)))
				return -1;
			if (x->date > d->today)
				model_exemplar_free(&d->xs[--d->n]);
		}
	}
	return 0;
}

int demo_fill(struct reg *r, size_t *added, struct err *e)
{
	const struct period_list *l = &register_config(r)->periods;
	struct query_filter f = { 0 };
	struct unit_list units;
	struct demo d = { &units, register_today(r), NULL, 0, 0 };
	struct batch_problem *problems = NULL;
	size_t n_problems;
	bool any = false;
	int rc = -1;

	*added = 0;
	if (query_scan(r, &f, NULL, 0, false, first_row, &any, e))
		return -1;
	if (any || register_units(r, &units, e))
		return any ? 0 : -1;
	/* every quarter of every period begun by today, in the order of the years */
	for (size_t i = 0; i < l->n; i++)
		for (int y = l->v[i].from; y <= l->v[i].to; y++)
			for (int q = 1; q <= 4 && date_quarter_first(y, q) <= d.today; q++)
				if (fill_quarter(&d, &l->v[i], y, q))
					goto out;
	rc = batch_add(r, d.xs, d.n, "demo", false, &problems, &n_problems, e);
	if (!rc)
		*added = d.n;
out:
	if (rc && !e->code)
		err_nomem(e);
	for (size_t i = 0; i < d.n; i++)
		model_exemplar_free(&d.xs[i]);
	free(d.xs);
	free(problems);
	units_free(&units);
	return rc;
}
