/* sheet.c - see sheet.h. */
#include "sheet.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "collate.h"
#include "i18n.h"
#include "text.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* ---- columns ---------------------------------------------------------------------- */

/* A field's column holds numbers, dates or text, as its kind says. */
#define COLUMN_KIND_(k) ((k) == FK_ID || (k) == FK_VERSION || (k) == FK_YEAR ? REPORT_NUMBER \
			 : (k) == FK_DATE ? REPORT_DATE : REPORT_TEXT)

const struct sheet_column sheet_exemplar_columns[SHEET_X_COUNT] = {
#define COLUMN_(name, code, member, tag, kind, max, set, flags, label, header, vi, alias) \
	[FIELD_##name] = { code, (header) ? (header) : (label), vi, alias, COLUMN_KIND_(kind), \
			   ((flags) & FF_REQUIRED) != 0 },
	EXEMPLAR_FIELDS(COLUMN_)
#undef COLUMN_
	[SHEET_X_SKIP] = { NULL, N_("#"), "STT", "Số thứ tự|TT", REPORT_NUMBER, false },
	/* Offices split a column in two under one merged header: the year of
	 * birth under "Nam" and "Nữ", or a mark in one of two gender columns.
	 * A header over two rows reads as both rows' texts, "Năm sinh Nam". */
	[SHEET_X_BORN_MALE] = { "birth_year_male", N_("Year of birth, male"), "Năm sinh nam",
				NULL, REPORT_NUMBER, false },
	[SHEET_X_BORN_FEMALE] = { "birth_year_female", N_("Year of birth, female"), "Năm sinh nữ",
				  NULL, REPORT_NUMBER, false },
	[SHEET_X_MALE] = { "male", N_("Marked: male"), "Giới tính nam", "Nam", REPORT_TEXT,
			   false },
	[SHEET_X_FEMALE] = { "female", N_("Marked: female"), "Giới tính nữ", "Nữ", REPORT_TEXT,
			     false },
};

const struct sheet_column sheet_unit_columns[SHEET_U_COUNT] = {
	[SHEET_U_CODE] = { "code", N_("Unit code"), "Mã đơn vị", NULL, REPORT_TEXT, true },
	[SHEET_U_NAME] = { "name", N_("Unit name"), "Tên đơn vị", "Đơn vị", REPORT_TEXT, true },
	[SHEET_U_KIND] = { "kind", N_("Kind of unit"), "Loại đơn vị", NULL, REPORT_TEXT, true },
	[SHEET_U_BLOCK] = { "block", N_("Emulation block"), "Khối thi đua", NULL, REPORT_TEXT,
			    false },
	[SHEET_U_QUOTA] = { "quota", N_("Quota per quarter"), "Chỉ tiêu mỗi quý", "Chỉ tiêu",
		      REPORT_NUMBER, false },
	[SHEET_U_FROM] = { "active_from", N_("Active from"), "Hoạt động từ ngày", NULL, REPORT_DATE,
		     false },
	[SHEET_U_TO] = { "active_to", N_("Active until"), "Hoạt động đến ngày", NULL, REPORT_DATE,
		   false },
	[SHEET_U_SUCCESSOR] = { "successor", N_("Successor"), "Đơn vị kế thừa", NULL, REPORT_TEXT,
			  false },
	[SHEET_U_SKIP] = { NULL, N_("#"), "STT", "Số thứ tự", REPORT_NUMBER, false },
};

/* ---- names ------------------------------------------------------------------------ */

char *sheet_squash(const char *s)
{
	char *f = collate_fold(s ? s : ""), *o = f;

	if (!f)
		return NULL;
	for (char *p = f; *p; p++)
		if (isalnum((unsigned char)*p))
			*o++ = *p;
	*o = 0;
	return f;
}

int sheet_same_name(const char *a, const char *b)
{
	char *x = sheet_squash(a), *y = sheet_squash(b);
	int same = !x || !y ? ERR_RC_NOMEM : *x && strcmp(x, y) == 0;

	free(x);
	free(y);
	return same;
}

/* Is `key` (squashed) one of the names in `list`, separated by '|'?  1, 0 or ERR_RC_NOMEM. */
static int names_one(const char *list, const char *key)
{
	char piece[256];

	while (list && *list) {
		size_t n = strcspn(list, "|");
		char *q;
		int same;

		snprintf(piece, sizeof piece, "%.*s", (int)(n < sizeof piece ? n : sizeof piece - 1),
			 list);
		if (!(q = sheet_squash(piece)))
			return ERR_RC_NOMEM;
		same = *q && strcmp(q, key) == 0;
		free(q);
		if (same)
			return 1;
		list += n + (list[n] == '|');
	}
	return 0;
}

int sheet_find_column(const struct sheet_column *cols, size_t n, const char *header)
{
	char *key = sheet_squash(header);
	int found = -1;

	if (!key)
		return ERR_RC_NOMEM;
	for (size_t c = 0; *key && found == -1 && c < n; c++) {
		const struct sheet_column *col = &cols[c];
		const char *names[] = { col->code, col->label, _(col->label), col->vi, col->alias };
		for (size_t i = 0; found == -1 && i < N(names); i++) {
			int same = names_one(names[i], key);
			if (same)
				found = same > 0 ? (int)c : ERR_RC_NOMEM;
		}
	}
	free(key);
	return found;
}

/* ---- enums -------------------------------------------------------------------------- */

/* Code and label of value v of an enum; NULL past its end. */
static void enum_names(enum model_set which, int v, const char **code, const char **label)
{
	*code = *label = NULL;
	if (v < 1 || v >= model_set_end(which))
		return;
	*code = model_set_code(which, v);
	*label = model_set_label(which, v);
}

/*
 * The names every value is read by, gathered once and squashed: its code
 * and its label in both languages.  A file saved by a program set to
 * Vietnamese must read in one set to English, and the other way round.  The
 * catalogue is switched to each language in turn and back to the one in
 * use; the names are copied, so nothing points into a catalogue afterwards.
 * Squashing them here, not at each cell, keeps a large import from folding
 * every label again for every row.
 */
#define ENUM_MAX 16
#define LABEL_MAX 160
static const char *const languages[] = { "vi", "en" };
static char names[SET_KIND + 1][ENUM_MAX][1 + N(languages)][LABEL_MAX];
static bool names_ready;

/* 0, or -1 when out of memory (dst is then empty). */
static int squash_into(char dst[LABEL_MAX], const char *s)
{
	char *q = sheet_squash(s);

	snprintf(dst, LABEL_MAX, "%s", q ? q : "");
	free(q);
	return q ? 0 : -1;
}

/* The table of squashed codes and labels; ready only once every one was made. */
static void gather_names(void)
{
	char current[8];
	const char *code, *label;
	int rc = 0;

	snprintf(current, sizeof current, "%s", i18n_language());
	for (size_t l = 0; l < N(languages); l++) {
		i18n_set_language(languages[l]);
		for (int w = SET_TYPE; w <= SET_KIND; w++)
			for (int v = 1; v < ENUM_MAX; v++) {
				enum_names((enum model_set)w, v, &code, &label);
				rc |= squash_into(names[w][v][0], code);
				rc |= squash_into(names[w][v][1 + l], code ? label : "");
			}
	}
	i18n_set_language(current);
	names_ready = rc == 0;
}

/*
 * The cell texts last read for each kind of value, with the value each gave:
 * a column of an import repeats a handful of labels, so most cells are
 * found here without being squashed again.  Replaced round-robin.
 */
#define MEMO_SIZE 8
static struct memo {
	bool used;
	int value;
	char text[LABEL_MAX];
} memo[SET_KIND + 1][MEMO_SIZE];
static unsigned memo_next[SET_KIND + 1];

int sheet_enum_parse(enum model_set which, const char *s)
{
	size_t len = strlen(s);
	struct memo *m = memo[which];
	char *key;
	int found = -1;

	for (size_t i = 0; i < MEMO_SIZE; i++)
		if (m[i].used && strcmp(m[i].text, s) == 0)
			return m[i].value;
	if (!names_ready)
		gather_names();
	if (!names_ready || !(key = sheet_squash(s)))
		return ERR_RC_NOMEM; /* not remembered */
	for (int v = 1; *key && found < 0 && v < ENUM_MAX; v++)
		for (size_t k = 0; k < 1 + N(languages); k++)
			if (strcmp(names[which][v][k], key) == 0)
				found = v;
	free(key);
	if (len < LABEL_MAX) {
		m = &memo[which][memo_next[which]++ % MEMO_SIZE];
		m->used = true;
		m->value = found;
		memcpy(m->text, s, len + 1);
	}
	return found;
}

void sheet_enum_list(enum model_set which, char *buf, size_t n)
{
	const char *code, *label;
	size_t len = 0;

	buf[0] = 0;
	for (int v = 1;; v++) {
		enum_names(which, v, &code, &label);
		if (!code)
			break;
		int w = snprintf(buf + len, n - len, "%s%s", v > 1 ? "; " : "", label);
		if (w < 0 || (size_t)w >= n - len)
			break;
		len += (size_t)w;
	}
}

/* ---- times ------------------------------------------------------------------------------ */

void sheet_format_time(int64_t at, char buf[SHEET_TIME_SIZE])
{
	time_t t = (time_t)at;
	struct tm tm;
	int off;

	if (!at || !localtime_r(&t, &tm)) {
		buf[0] = 0;
		return;
	}
	off = (int)(tm.tm_gmtoff / 60);
	snprintf(buf, SHEET_TIME_SIZE, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
		 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
		 off < 0 ? '-' : '+', abs(off) / 60 % 100, abs(off) % 60);
}

/* Two ASCII digits at s, as a number in *v: an offset's hours or minutes. */
static bool two_digits(const char *s, int *v)
{
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return false;
	*v = (s[0] - '0') * 10 + (s[1] - '0');
	return true;
}

int sheet_parse_time(const char *s, int64_t *out)
{
	int y, mo, d, h, mi, sec, n = 0, oh = 0, om = 0;
	char sep;
	date_t day;

	if (sscanf(s, "%4d-%2d-%2d%c%2d:%2d:%2d%n", &y, &mo, &d, &sep, &h, &mi, &sec, &n) != 7 ||
	    (sep != 'T' && sep != ' ') || h > 23 || mi > 59 || sec > 60 || h < 0 || mi < 0 ||
	    sec < 0 || (day = date_from_ymd(y, mo, d)) == DATE_NONE)
		return -1;
	s += n;
	if (*s == 'Z' && !s[1]) {
		/* UTC */
	} else if ((*s == '+' || *s == '-') && strlen(s) == 6 && s[3] == ':' &&
		   two_digits(s + 1, &oh) && two_digits(s + 4, &om) && oh <= 14 && om <= 59) {
		if (*s == '-')
			oh = -oh, om = -om;
	} else if (!*s) {
		struct tm tm = { .tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d,
				 .tm_hour = h, .tm_min = mi, .tm_sec = sec, .tm_isdst = -1 };
		*out = (int64_t)mktime(&tm);
		return 0;
	} else {
		return -1;
	}
	*out = (int64_t)day * 86400 + h * 3600 + mi * 60 + sec - (oh * 3600 + om * 60);
	return 0;
}

int sheet_account(const char *s, char dst[USER_MAX + 1])
{
	if (strlen(s) > USER_MAX)
		return -1;
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f || *p == '|')
			return -1;
	snprintf(dst, USER_MAX + 1, "%s", s);
	return 0;
}

/* ---- propagations ------------------------------------------------------------------- */

char *sheet_format_propagations(const struct exemplar *x)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (!f)
		return NULL;
	for (size_t i = 0; i < x->n_propagations; i++) {
		const struct propagation *p = &x->propagations[i];
		char d[DATE_TEXT_SIZE], at[SHEET_TIME_SIZE];
		const char *part[] = { d, model_channel_label(p->channel), p->by, at,
				       p->ref ? p->ref : "" };
		size_t last = 4;

		date_format(p->date, d);
		sheet_format_time(p->at, at);
		/* Empty parts at the end are left out, with their separators. */
		while (last > 1 && !*part[last])
			last--;
		fputs(i ? "\n" : "", f);
		for (size_t k = 0; k <= last; k++)
			fprintf(f, "%s%s", k ? " | " : "", part[k]);
	}
	if (fclose(f)) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* Split `s` at its first four '|' into five trimmed parts (missing ones ""). */
static void split5(char *s, char *part[5])
{
	size_t k = 0;

	for (; k < 5; k++) {
		char *bar = k < 4 ? strchr(s, '|') : NULL, *end;
		if (bar)
			*bar = 0;
		s += strspn(s, " ");
		end = s + strlen(s);
		while (end > s && end[-1] == ' ')
			*--end = 0;
		part[k] = s;
		if (!bar)
			break;
		s = bar + 1;
	}
	while (++k < 5)
		part[k] = "";
}

int sheet_parse_propagation(const char *line, struct propagation *p)
{
	char *copy = strdup(line), *part[5];
	int ch, rc = 0;

	memset(p, 0, sizeof *p);
	if (!copy)
		return -1;
	split5(copy, part);
	if (date_parse_vn(part[0], &p->date))
		rc = 1;
	else if ((ch = sheet_enum_parse(SET_CHANNEL, part[1])) < 0)
		rc = 2;
	else if (sheet_account(part[2], p->by))
		rc = 3;
	else if (*part[3] && sheet_parse_time(part[3], &p->at))
		rc = 4;
	else if (*part[4] && !(p->ref = strdup(part[4])))
		rc = -1;
	if (!rc)
		p->channel = (enum propagation_channel)ch;
	free(copy);
	return rc;
}
