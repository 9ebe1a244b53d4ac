/* fmt.c - wording and marks of register values; see ui/fmt.h. */
#include "ui/fmt.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "i18n.h"
#include "ui/draw.h"

const char *ui_fmt_unit(const struct ui *ui, const char *code)
{
	const struct unit *u = units_find(&ui->units, code);

	return u && u->name ? u->name : code;
}

/*
 * A propagation as the audit trail writes it ("radio 2024-05-02 Chuyên mục
 * số 12", audit.c) in words: "Radio column 02/05/2024 Chuyên mục số 12".
 * False if it is not of that form.
 */
static bool propagation_words(const char *v, char *buf, size_t size)
{
	const char *sp = strchr(v, ' '), *ref;
	char code[16], day[DATE_TEXT_SIZE], shown[DATE_TEXT_SIZE];
	enum propagation_channel ch;
	date_t d;

	if (!sp || (size_t)(sp - v) >= sizeof code || strlen(sp + 1) < DATE_TEXT_SIZE - 1)
		return false;
	snprintf(code, sizeof code, "%.*s", (int)(sp - v), v);
	snprintf(day, sizeof day, "%.*s", DATE_TEXT_SIZE - 1, sp + 1);
	ref = sp + DATE_TEXT_SIZE;
	if (model_channel_parse(code, &ch) || date_parse(day, &d) || (*ref && *ref != ' '))
		return false;
	date_format_vn(d, shown);
	snprintf(buf, size, "%s %s%s", model_channel_label(ch), shown, ref);
	return true;
}

const char *ui_fmt_change(const struct ui *ui, const char *field, const char *v, char *buf,
			  size_t size)
{
	char d[DATE_TEXT_SIZE];
	const char *t;

	if (!v || !*v)
		return _("(empty)");
	if (strcmp(field, "unit") == 0)
		return ui_fmt_unit(ui, v);
	if (strcmp(field, "propagation") == 0)
		return propagation_words(v, buf, size) ? buf : v;
	t = model_value_text(field, v, d);
	if (t != d)
		return t;
	snprintf(buf, size, "%s", d);
	return buf;
}

const char *ui_fmt_unit_label(const struct ui *ui, const char *code, char *buf, size_t size)
{
	const struct unit *u = units_find(&ui->units, code);

	if (u)
		units_label(&ui->units, u, buf, size);
	else
		snprintf(buf, size, "%s", code);
	return buf;
}

void ui_fmt_quarter(int year, int quarter, char *buf, size_t size)
{
	snprintf(buf, size, _("Quarter %d/%d"), quarter, year);
}

/* Days from today to the end of a quarter: 0 on its last day, < 0 once it is over. */
static int days_left(const struct ui *ui, int year, int quarter)
{
	return (int)(date_quarter_last(year, quarter) - register_today(ui->r));
}

static bool not_started(const struct ui *ui, int year, int quarter)
{
	return date_quarter_first(year, quarter) > register_today(ui->r);
}

void ui_fmt_quarter_left(const struct ui *ui, int year, int quarter, char *buf, size_t size)
{
	int left = days_left(ui, year, quarter);

	if (left < 0)
		snprintf(buf, size, "%s", _("ended"));
	else if (not_started(ui, year, quarter))
		snprintf(buf, size, "%s", _("not started yet"));
	else if (left == 0)
		snprintf(buf, size, "%s", _("last day of the quarter"));
	else
		snprintf(buf, size, i18n_ntext("%d day left", "%d days left", (unsigned long)left),
			 left);
}

void ui_fmt_quota(const struct ui *ui, int year, int quarter, int required, int counted,
		  bool active, char *buf, size_t size)
{
	char when[64];

	if (!active && counted == 0) {
		snprintf(buf, size, "%s", ui_draw_sym(UI_SYM_DASH));
	} else if (!required && !period_of_year(&register_config(ui->r)->periods, year)) {
		snprintf(buf, size, "%d", counted); /* no period, no quota: the state says why */
	} else if (!required) {
		snprintf(buf, size, _("%d (no quota)"), counted);
	} else if (days_left(ui, year, quarter) < 0 || not_started(ui, year, quarter)) {
		snprintf(buf, size, "%d/%d", counted, required); /* nothing to count down */
	} else {
		ui_fmt_quarter_left(ui, year, quarter, when, sizeof when);
		snprintf(buf, size, "%d/%d %s %s", counted, required,
			 ui_draw_sym(UI_SYM_DASH), when);
	}
}

const char *ui_fmt_quota_sym(enum quota_state s)
{
	switch (s) {
	case QUOTA_MET: return ui_draw_sym(UI_SYM_MET);
	case QUOTA_SHORT: return ui_draw_sym(UI_SYM_SHORT);
	case QUOTA_OPEN: return ui_draw_sym(UI_SYM_OPEN);
	default: return ui_draw_sym(UI_SYM_NONE);
	}
}

int ui_fmt_quota_attr(const struct ui *ui, enum quota_state s)
{
	switch (s) {
	case QUOTA_MET: return ui_term_attr(ui, UI_A_MET);
	case QUOTA_SHORT: return ui_term_attr(ui, UI_A_SHORT);
	case QUOTA_OPEN: return ui_term_attr(ui, UI_A_OPEN);
	default: return ui_term_attr(ui, UI_A_DIM);
	}
}

void ui_fmt_date(date_t d, char buf[DATE_TEXT_SIZE])
{
	if (d == DATE_NONE)
		buf[0] = 0;
	else
		date_format_vn(d, buf);
}

void ui_fmt_time(int64_t t, char *buf, size_t size)
{
	time_t at = (time_t)t;
	struct tm tm;

	if (!localtime_r(&at, &tm) || !strftime(buf, size, "%H:%M %d/%m/%Y", &tm))
		snprintf(buf, size, "?");
}
