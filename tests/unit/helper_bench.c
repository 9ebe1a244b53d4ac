/*
 * helper_bench - data and queries for the benchmark (tests/bench/bench.py);
 * not installed.
 *
 *   helper_bench csv CONFIG N CHUNK PREFIX [TAG]
 *       N exemplars spread over the config's units (each on a day it was
 *       active) and the years 2021-2025, with Vietnamese names weighted as
 *       in the Mekong delta, written as the program's import files
 *       PREFIX-001.csv, PREFIX-002.csv... (at most CHUNK rows each; the
 *       columns, header and values of `dienhinh export --format csv`), and
 *       the same records once more as PREFIX-sqlite.csv: no header, the
 *       same columns, then year, quarter and the folded name (collate_fold),
 *       which sqlite has no function for.  Prints the number of files.
 *       With TAG, every name ends with it, so that files made with different
 *       tags never hold the same record.
 *   helper_bench fold TEXT
 *       collate_fold(TEXT), so that sqlite is asked for the same folded text.
 *   helper_bench time CONFIG DB RUNS YEAR SEARCH
 *       the benchmark's two questions asked inside one process, RUNS times
 *       each after one warm-up: query_quota for YEAR, then query_scan with
 *       SEARCH; prints for each the median time in milliseconds and the
 *       number of answers, tab-separated, so that process start-up and
 *       output can be told apart from the query.
 *
 * The data is the same on every run (a fixed seed).  No two records share
 * unit, introduction date and name, so the import refuses none as a
 * duplicate.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "collate.h"
#include "config.h"
#include "csvio.h"
#include "i18n.h"
#include "identity.h"
#include "query.h"
#include "register.h"
#include "sheet.h"
#include "text.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* A family name and its weight (people per thousand, roughly, in the delta). */
struct weighted {
	const char *s;
	unsigned w;
};

static const struct weighted families[] = {
	{ "Nguyễn", 300 }, { "Trần", 110 }, { "Lê", 90 }, { "Phạm", 55 }, { "Huỳnh", 50 },
	{ "Võ", 45 }, { "Phan", 40 }, { "Trương", 25 }, { "Thạch", 25 }, { "Lâm", 20 },
	{ "Đặng", 20 }, { "Bùi", 15 }, { "Ngô", 15 }, { "Dương", 15 }, { "Lý", 15 },
	{ "Hồ", 15 }, { "Sơn", 15 }, { "Châu", 15 }, { "Đỗ", 12 }, { "Danh", 10 },
	{ "Kim", 10 }, { "Tô", 10 }, { "Lưu", 8 }, { "Quách", 8 }, { "Mai", 8 },
	{ "Đoàn", 8 }, { "Cao", 8 }, { "Hứa", 8 }, { "Tăng", 5 }, { "Tạ", 5 },
};
static const char *middles_m[] = {
	"Văn", "Văn", "Văn", "Văn", "Văn", "Minh", "Hữu", "Quốc", "Thanh", "Hoàng", "Đức",
	"Công", "Tấn", "Trung", "Chí", "Phước",
};
static const char *middles_f[] = {
	"Thị", "Thị", "Thị", "Thị", "Thị", "Ngọc", "Thanh", "Kim", "Mỹ", "Thúy", "Bích",
	"Hồng", "Phương", "Thu",
};
/* The second middle name some women carry: "Nguyễn Thị Ngọc Hân". */
static const char *seconds_f[] = { "Ngọc", "Kim", "Mỹ", "Thanh", "Bích", "Hồng", "Thu" };
static const char *givens_m[] = {
	"An", "Bình", "Cường", "Dũng", "Đạt", "Đức", "Giang", "Hải", "Hiếu", "Hòa", "Hoàng",
	"Hùng", "Huy", "Khải", "Khang", "Khánh", "Khoa", "Kiệt", "Lâm", "Lộc", "Lợi", "Long",
	"Luân", "Minh", "Nam", "Nghĩa", "Nhân", "Phát", "Phong", "Phúc", "Phước", "Quang",
	"Quân", "Quới", "Sang", "Sơn", "Tài", "Tâm", "Tân", "Thắng", "Thành", "Thiện",
	"Thịnh", "Thuận", "Tiến", "Toàn", "Trí", "Trọng", "Trung", "Tuấn", "Tùng", "Út",
	"Vinh", "Vũ", "Xuân",
};
static const char *givens_f[] = {
	"Anh", "Ánh", "Bích", "Châu", "Diễm", "Dung", "Duyên", "Đào", "Giang", "Hà", "Hạnh",
	"Hằng", "Hân", "Hiền", "Hoa", "Hồng", "Hương", "Huyền", "Kiều", "Lan", "Lệ", "Liên",
	"Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhi", "Nhung", "Oanh", "Phượng",
	"Quyên", "Tâm", "Thảo", "Thắm", "Thủy", "Thư", "Thương", "Trang", "Trâm", "Trinh",
	"Tuyết", "Uyên", "Út", "Vân", "Vy", "Xuân", "Yến",
};
static const char *hamlets[] = {
	"Mỹ Hòa", "Mỹ Đông", "Mỹ Thọ", "Mỹ Thành", "Mỹ Tân", "Mỹ Hiệp", "Mỹ Phước", "Tân Chánh",
	"Tân Hòa", "Tân Quới", "Tân Trung", "Tân Lộc", "Tân Lập", "Long Hòa", "Long Thạnh",
	"Long Hưng", "Vĩnh Hòa", "Vĩnh Thành", "Vĩnh Hiếu", "Vĩnh Thạnh", "Vĩnh Phước",
	"Xẻo Chích", "Xẻo Cạn", "Cạnh Đền", "Ngã Tư", "Khóm 1", "Khóm 2", "Khóm 3", "Khóm 4",
};
/* Collective names by category, each followed by a hamlet. */
static const char *collectives[CAT_COUNT_][4] = {
	[CAT_BUSINESS] = { "Hợp tác xã nông nghiệp", "Tổ hợp tác trồng lúa",
			   "Tổ hợp tác nuôi cá", "Hợp tác xã dịch vụ" },
	[CAT_EDUCATION] = { "Trường Tiểu học", "Trường Mầm non", "Trường THCS",
			    "Tổ chuyên môn Trường Tiểu học" },
	[CAT_HEALTH] = { "Trạm Y tế", "Tổ y tế ấp", "Phòng khám khu vực",
			 "Tổ chăm sóc sức khỏe người cao tuổi" },
	[CAT_DEFENCE] = { "Tổ dân phòng ấp", "Tổ dân quân ấp",
			  "Tổ an ninh trật tự ấp", "Trung đội dân quân" },
	[CAT_ASSOCIATION] = { "Chi hội Phụ nữ ấp", "Chi hội Nông dân ấp",
			      "Chi hội Cựu chiến binh ấp", "Chi đoàn ấp" },
	[CAT_MODEL_UNIT] = { "Bộ phận một cửa", "Tổ công tác", "Văn phòng khu vực",
			     "Tổ tuyên truyền" },
	[CAT_RESIDENTIAL] = { "Ấp", "Khu dân cư ấp", "Tổ nhân dân tự quản ấp",
			      "Ban nhân dân ấp" },
	[CAT_MOVEMENT] = { "Ban vận động ấp", "Câu lạc bộ Dân vận khéo",
			   "Tổ hợp tác trồng lúa", "Câu lạc bộ khuyến nông" },
};
static const char *positions_official[] = {
	"Chuyên viên", "Cán bộ Mặt trận", "Bí thư Chi bộ", "Trưởng ấp", "Giáo viên", "Bác sĩ",
	"Điều dưỡng", "Công an viên", "Chỉ huy trưởng quân sự", "Công chức văn hóa – xã hội",
};
static const char *positions_people[] = {
	"Nông dân", "Tiểu thương", "Công nhân", "Hội viên Hội Nông dân", "Đoàn viên",
	"Người có uy tín trong đồng bào Khmer", "Chức sắc tôn giáo", "Hộ dân",
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
	"Hiến 200 m² đất làm đường giao thông nông thôn.\nVận động 15 hộ cùng hiến đất.",
	"Phát hiện và tố giác 2 vụ trộm cắp tài sản; giữ vững an ninh trật tự địa bàn.",
};
static const char *movements[] = {
	"Thi đua \"Chung sức xây dựng nông thôn mới\"",
	"Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
	"Thi đua \"Dân vận khéo\"", "Thi đua \"Vì an ninh Tổ quốc\"", "Thi đua \"Quyết thắng\"",
	"Thi đua \"Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại phía sau\"",
};

/* ---- randomness and uniqueness ------------------------------------------------------ */

/* A small deterministic generator (xorshift64*): the same data on every run. */
static uint64_t rng = 0x2545f4914f6cdd1dULL;

static unsigned pick(unsigned n)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return (unsigned)((rng * 2685821657736338717ULL) >> 33) % n;
}

static const char *pick_weighted(const struct weighted *v, size_t n)
{
	unsigned total = 0, r;

	for (size_t i = 0; i < n; i++)
		total += v[i].w;
	r = pick(total);
	for (size_t i = 0; i < n; i++) {
		if (r < v[i].w)
			return v[i].s;
		r -= v[i].w;
	}
	return v[0].s;
}

/*
 * The (unit, date, name) triples given so far, as 64-bit hashes in an
 * open-addressed table twice the size of the data (0 marks a free slot).
 * Two triples with one hash only cost a name drawn again.
 */
struct seen {
	uint64_t *slot;
	size_t mask;
};

static uint64_t hash_triple(const char *unit, date_t date, const char *name)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	const char *parts[] = { unit, "|", name };

	for (size_t p = 0; p < N(parts); p++)
		for (const unsigned char *s = (const unsigned char *)parts[p]; *s; s++)
			h = (h ^ *s) * 0x100000001b3ULL;
	h = (h ^ (uint64_t)(uint32_t)date) * 0x100000001b3ULL;
	return h ? h : 1;
}

/* Record the triple; false if it was there already. */
static bool seen_add(struct seen *s, uint64_t h)
{
	size_t i = (size_t)h & s->mask;

	while (s->slot[i]) {
		if (s->slot[i] == h)
			return false;
		i = (i + 1) & s->mask;
	}
	s->slot[i] = h;
	return true;
}

/* ---- one exemplar ---------------------------------------------------------------------- */

/* Categories that suit a kind of unit. */
static enum ex_category category_for(const struct unit *u)
{
	static const enum ex_category local[] = {
		CAT_RESIDENTIAL, CAT_BUSINESS, CAT_MOVEMENT, CAT_DEFENCE, CAT_GOOD_DEEDS,
		CAT_GOOD_DEEDS, CAT_GOOD_DEEDS, CAT_COMMUNITY, CAT_COMMUNITY, CAT_OFFICIAL,
	};
	static const enum ex_category mass[] = { CAT_ASSOCIATION, CAT_GOOD_DEEDS, CAT_GOOD_DEEDS,
						 CAT_COMMUNITY, CAT_OFFICIAL };

	switch (u->kind) {
	case KIND_WARD:
	case KIND_COMMUNE: return local[pick(N(local))];
	case KIND_FRONT:
	case KIND_MASS_ORG: return mass[pick(N(mass))];
	case KIND_ARMED: return pick(3) ? CAT_OFFICIAL : CAT_DEFENCE;
	default: break;
	}
	if (!strcmp(u->code, "ttyt") || !strcmp(u->code, "yte"))
		return pick(3) ? CAT_OFFICIAL : CAT_HEALTH;
	if (!strcmp(u->code, "gddt"))
		return pick(3) ? CAT_OFFICIAL : CAT_EDUCATION;
	if (!strcmp(u->code, "kinhte"))
		return pick(2) ? CAT_BUSINESS : CAT_OFFICIAL;
	return pick(4) ? CAT_OFFICIAL : CAT_MODEL_UNIT;
}

static char *person_name(bool female)
{
	const char *family = pick_weighted(families, N(families));
	char *s = NULL;
	int rc;

	if (!female)
		rc = asprintf(&s, "%s %s %s", family, middles_m[pick(N(middles_m))],
			      givens_m[pick(N(givens_m))]);
	else if (pick(5) == 0)
		rc = asprintf(&s, "%s Thị %s %s", family, seconds_f[pick(N(seconds_f))],
			      givens_f[pick(N(givens_f))]);
	else
		rc = asprintf(&s, "%s %s %s", family, middles_f[pick(N(middles_f))],
			      givens_f[pick(N(givens_f))]);
	return rc < 0 ? NULL : s;
}

static char *collective_name(enum ex_category c)
{
	char *s = NULL;

	if (asprintf(&s, "%s %s", collectives[c][pick(4)], hamlets[pick(N(hamlets))]) < 0)
		return NULL;
	return s;
}

/* The day `d` moved on by `days`, but not past `last`. */
static date_t later(date_t d, unsigned days, date_t last)
{
	return d + (date_t)days > last ? last : d + (date_t)days;
}

/* Move the exemplar along the workflow, as the office would have. */
static int advance(struct exemplar *x, date_t last)
{
	unsigned roll = pick(100);

	x->status = roll < 20 ? STATUS_INTRODUCED : roll < 25 ? STATUS_RETURNED
		    : roll < 65 ? STATUS_ACCEPTED : roll < 75 ? STATUS_PROPOSED
		    : roll < 98 ? STATUS_COMMENDED : STATUS_REVOKED;
	if ((x->status == STATUS_RETURNED || x->status == STATUS_REVOKED) &&
	    !(x->status_reason = strdup("Thành tích chưa cụ thể, đề nghị bổ sung số liệu.")))
		return -1;
	if (x->status >= STATUS_ACCEPTED && x->status != STATUS_RETURNED && pick(2)) {
		if (!(x->propagations = calloc(1, sizeof *x->propagations)))
			return -1;
		x->n_propagations = 1;
		x->propagations->channel = pick(3) ? CHANNEL_RADIO : CHANNEL_PORTAL;
		x->propagations->date = later(x->date, 10 + pick(50), last);
		if (asprintf(&x->propagations->ref, "Chuyên mục Gương điển hình tiên tiến số %u",
			     1 + pick(48)) < 0)
			return -1;
	}
	if (x->status == STATUS_COMMENDED || x->status == STATUS_REVOKED) {
		x->commendation.form = strdup(pick(4) ? "Giấy khen của Chủ tịch UBND thị xã"
						      : "Bằng khen của Chủ tịch UBND tỉnh");
		if (asprintf(&x->commendation.decision, "%u/QĐ-UBND", 100 + pick(900)) < 0)
			return -1;
		x->commendation.date = later(x->date, 30 + pick(300), last);
		x->commendation.signer = strdup("Chủ tịch UBND thị xã");
		if (!x->commendation.form || !x->commendation.signer)
			return -1;
	}
	return 0;
}

/* Everything but the name, unit and date, which make the record unique. */
static int fill_details(struct exemplar *x, const struct unit *u)
{
	const char *hamlet = hamlets[pick(N(hamlets))];

	x->category = category_for(u);
	x->type = model_category_type(x->category);
	if (x->type == TYPE_INDIVIDUAL) {
		x->gender = pick(2) ? GENDER_FEMALE : GENDER_MALE;
		x->birth_year = 1950 + (int)pick(56);
		x->position = strdup(x->category == CAT_OFFICIAL
				     ? positions_official[pick(N(positions_official))]
				     : positions_people[pick(N(positions_people))]);
		if (asprintf(&x->workplace, "Ấp %s, %s", hamlet, u->name) < 0)
			x->workplace = NULL;
	} else {
		x->workplace = strdup(u->name);
	}
	x->movement = strdup(movements[pick(N(movements))]);
	x->achievements = strdup(deeds[pick(N(deeds))]);
	return x->workplace && x->movement && x->achievements ? 0 : -1;
}

/* Units active on `d`, into v (room for every unit); how many. */
static size_t active_units(const struct config *cfg, date_t d, const struct unit **v)
{
	size_t n = 0;

	for (size_t i = 0; i < cfg->n_units; i++)
		if (model_unit_active_on(&cfg->units[i], d))
			v[n++] = &cfg->units[i];
	return n;
}

/* Fill x (initialised) as a new exemplar no earlier one shares unit, date and
 * name with. */
static int make(struct exemplar *x, const struct config *cfg, const struct unit **active,
		date_t first, date_t last, const char *tag, struct seen *seen)
{
	const struct unit *u;
	char *tagged;

	x->date = first + (date_t)pick((unsigned)(last - first + 1));
	u = active[pick((unsigned)active_units(cfg, x->date, active))];
	snprintf(x->unit, sizeof x->unit, "%s", u->code);
	if (fill_details(x, u) || advance(x, last))
		return -1;
	for (int tries = 0; tries < 1000; tries++) {
		free(x->name);
		x->name = x->type == TYPE_INDIVIDUAL ? person_name(x->gender == GENDER_FEMALE)
						     : collective_name(x->category);
		if (!x->name)
			return -1;
		if (tag) {
			if (asprintf(&tagged, "%s %s", x->name, tag) < 0)
				return -1;
			free(x->name);
			x->name = tagged;
		}
		if (seen_add(seen, hash_triple(x->unit, x->date, x->name)))
			return 0;
	}
	return -1;
}

/* ---- the files ---------------------------------------------------------------------------- */

/* One record as an export writes it (export.c) into the import file, and
 * with year, quarter and folded name after it into sqlite's. */
static int write_rows(FILE *imp, FILE *sql, const struct exemplar *x, const struct unit *u)
{
	char by[16], date[DATE_TEXT_SIZE], dd[DATE_TEXT_SIZE], year[8], quarter[4];
	char *props = sheet_format_propagations(x), *fold = collate_fold(x->name);
	int rc = -1;

	if (!props || !fold)
		goto out;
	by[0] = 0;
	if (x->birth_year)
		snprintf(by, sizeof by, "%d", x->birth_year);
	date_format(x->date, date);
	date_format(x->commendation.date, dd);
	snprintf(year, sizeof year, "%d", date_year(x->date));
	snprintf(quarter, sizeof quarter, "%d", date_quarter(x->date));
	/* Each cell at its field's column; the others (number, stamps...) empty. */
	const char *cells[SHEET_X_SKIP + 3] = {
		[FIELD_UNIT] = x->unit, [FIELD_UNIT_NAME] = u->name,
		[FIELD_TYPE] = model_type_label(x->type),
		[FIELD_CATEGORY] = model_category_label(x->category), [FIELD_NAME] = x->name,
		[FIELD_GENDER] = x->gender ? model_gender_label(x->gender) : "",
		[FIELD_BIRTH_YEAR] = by, [FIELD_POSITION] = x->position,
		[FIELD_WORKPLACE] = x->workplace, [FIELD_MOVEMENT] = x->movement,
		[FIELD_ACHIEVEMENTS] = x->achievements, [FIELD_DATE] = date,
		[FIELD_STATUS] = model_status_label(x->status),
		[FIELD_STATUS_REASON] = x->status_reason, [FIELD_FORM] = x->commendation.form,
		[FIELD_DECISION] = x->commendation.decision, [FIELD_DECISION_DATE] = dd,
		[FIELD_SIGNER] = x->commendation.signer, [FIELD_PROPAGATIONS] = props,
		[SHEET_X_SKIP] = year, [SHEET_X_SKIP + 1] = quarter, [SHEET_X_SKIP + 2] = fold,
	};
	if (!csvio_write_row(imp, cells, SHEET_X_SKIP) &&
	    !csvio_write_row(sql, cells, SHEET_X_SKIP + 3))
		rc = 0;
out:
	free(props);
	free(fold);
	return rc;
}

/* Open PREFIX-NNN.csv with the export's header. */
static FILE *open_chunk(const char *prefix, unsigned k)
{
	const char *h[SHEET_X_SKIP];
	char path[4096];
	FILE *f;

	snprintf(path, sizeof path, "%s-%03u.csv", prefix, k);
	if (!(f = fopen(path, "w")))
		return NULL;
	for (size_t i = 0; i < SHEET_X_SKIP; i++)
		h[i] = _(sheet_exemplar_columns[i].label);
	if (csvio_write_row(f, h, SHEET_X_SKIP)) {
		fclose(f);
		return NULL;
	}
	return f;
}

/* Close the import file being written, open the k-th; 0 or -1. */
static int next_chunk(FILE **imp, const char *prefix, unsigned k)
{
	int rc = *imp && fclose(*imp) ? -1 : 0;

	*imp = rc ? NULL : open_chunk(prefix, k);
	return *imp ? 0 : -1;
}

static int gen_csv(const struct config *cfg, size_t n, size_t chunk, const char *prefix,
		   const char *tag)
{
	const struct unit **active = calloc(cfg->n_units, sizeof *active);
	struct seen seen = { NULL, 0 };
	date_t first = date_from_ymd(2021, 1, 1), last = date_from_ymd(2025, 12, 31);
	char path[4096];
	FILE *imp = NULL, *sql;
	unsigned files = 0;
	size_t cap = 1024;
	int rc = 0;

	if (date_today() < last)
		last = date_today();
	while (cap < 2 * n)
		cap *= 2;
	seen.slot = calloc(cap, sizeof *seen.slot);
	seen.mask = cap - 1;
	snprintf(path, sizeof path, "%s-sqlite.csv", prefix);
	if (!active || !seen.slot || !(sql = fopen(path, "w"))) {
		free(active);
		free(seen.slot);
		return fprintf(stderr, "helper_bench: cannot start %s\n", path), 1;
	}
	for (size_t i = 0; i < n && !rc; i++) {
		struct exemplar x;
		model_exemplar_init(&x);
		if (i % chunk == 0)
			rc = next_chunk(&imp, prefix, ++files);
		if (!rc && (make(&x, cfg, active, first, last, tag, &seen) ||
			    write_rows(imp, sql, &x, config_unit(cfg, x.unit))))
			rc = -1;
		model_exemplar_free(&x);
	}
	if (imp && fclose(imp))
		rc = -1;
	if (fclose(sql))
		rc = -1;
	free(active);
	free(seen.slot);
	if (rc)
		return fprintf(stderr, "helper_bench: could not write the files\n"), 1;
	printf("%u\n", files);
	return 0;
}

/* ---- the questions inside one process -------------------------------------------------- */

static int count_quota(const struct query_quota *q, void *ctx)
{
	(void)q;
	++*(size_t *)ctx;
	return 0;
}

static int count_row(const struct list_row *row, void *ctx)
{
	(void)row;
	++*(size_t *)ctx;
	return 0;
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Question q (0 quota, 1 search) asked once; its answers in *n. */
static int ask(struct reg *r, int q, char **argv, size_t *n, struct err *e)
{
	struct query_filter f = { .search = argv[6] };

	*n = 0;
	if (q == 0)
		return query_quota(r, atoi(argv[5]), 0, count_quota, n, e);
	return query_scan(r, &f, NULL, 0, false, count_row, n, e);
}

static int time_queries(const struct config *cfg, char **argv)
{
	int runs = atoi(argv[4]);
	char user[USER_MAX + 1];
	double *t = calloc(runs > 0 ? (size_t)runs : 1, sizeof *t);
	struct reg *r = NULL;
	struct err e = { 0 };
	size_t n = 0;
	int rc = !t || runs < 1 || identity_user(user, &e) ||
		 register_open(cfg, argv[3], user, date_today(), 0, &r, &e);

	for (int q = 0; q < 2 && !rc; q++) {
		rc = ask(r, q, argv, &n, &e);
		for (int i = 0; i < runs && !rc; i++) {
			double t0 = now_ms();
			rc = ask(r, q, argv, &n, &e);
			t[i] = now_ms() - t0;
		}
		qsort(t, (size_t)runs, sizeof *t, by_value);
		if (!rc)
			printf("%.3f\t%zu\n", t[runs / 2], n);
	}
	register_close(r);
	free(t);
	if (rc)
		fprintf(stderr, "helper_bench: %s\n", e.msg[0] ? e.msg : "usage");
	return rc;
}

int main(int argc, char **argv)
{
	struct config *cfg = NULL;
	struct err e = { 0 };
	char *fold;
	int rc;

	i18n_init_locale();
	i18n_set_language("vi");
	if (argc == 3 && !strcmp(argv[1], "fold")) {
		if (!(fold = collate_fold(argv[2])))
			return 1;
		printf("%s\n", fold);
		free(fold);
		return 0;
	}
	if (!((argc == 6 || argc == 7) && !strcmp(argv[1], "csv")) &&
	    !(argc == 7 && !strcmp(argv[1], "time"))) {
		fprintf(stderr, "usage: helper_bench csv CONFIG N CHUNK PREFIX [TAG] | "
				"fold TEXT | time CONFIG DB RUNS YEAR SEARCH\n");
		return 2;
	}
	if (config_load(argv[2], &cfg, &e))
		return fprintf(stderr, "helper_bench: %s\n", e.msg), 1;
	if (argv[1][0] == 'c') {
		size_t n = strtoul(argv[3], NULL, 10), chunk = strtoul(argv[4], NULL, 10);
		rc = n && chunk ? gen_csv(cfg, n, chunk, argv[5], argc == 7 ? argv[6] : NULL) : 2;
	} else {
		rc = time_queries(cfg, argv);
	}
	config_free(cfg);
	return rc;
}
