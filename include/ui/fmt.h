/*
 * ui/fmt.h - how the screens word and mark the register's values: units by
 * name, quarters, quota states (a word, a symbol and an attribute, so that
 * colour is never the only signal), dates as Vietnamese write them.
 */
#ifndef DIENHINH_UI_FMT_H
#define DIENHINH_UI_FMT_H

#include <stddef.h>

#include "model.h"
#include "ui/term.h"

/* The unit's name, or its code when the register does not know it. */
const char *ui_fmt_unit(const struct ui *ui, const char *code);

/*
 * A value of field `field` as the audit trail holds it, in words: "(empty)",
 * a unit's name, an enum's label ("Bị trả lại", not "returned"), a date as
 * DD/MM/YYYY, a propagation's channel by name.  The answer is v, a label
 * or buf.
 */
const char *ui_fmt_change(const struct ui *ui, const char *field, const char *v, char *buf,
			  size_t size);

/* The unit's name as units_label() tells it from another of the same name
 * ("Xã Tân Long (từ 01/07/2025)"), in buf; its code when unknown. */
const char *ui_fmt_unit_label(const struct ui *ui, const char *code, char *buf, size_t size);

/* "Quarter 3/2025" (translated). */
void ui_fmt_quarter(int year, int quarter, char *buf, size_t size);

/*
 * A quota in words and numbers for one unit and quarter: "1/2 — 23 days
 * left", "2/2", "3 (no quota)", "—" (unit not active).  `active` says
 * whether the unit was active in the quarter.
 */
void ui_fmt_quota(const struct ui *ui, int year, int quarter, int required, int counted,
		  bool active, char *buf, size_t size);

/* The symbol and attribute of a quota state (a word comes from model_quota_label). */
const char *ui_fmt_quota_sym(enum quota_state s);
int ui_fmt_quota_attr(const struct ui *ui, enum quota_state s);

/*
 * Where today stands in a quarter, in words: "53 days left", "last day of
 * the quarter", "ended" or "not started yet" (translated).  A screen may
 * show a quarter other than today's (the plan's last one once the plan is
 * over), and a count of days is only true of the quarter in progress.
 */
void ui_fmt_quarter_left(const struct ui *ui, int year, int quarter, char *buf, size_t size);

/* "DD/MM/YYYY", or "" for no date. */
void ui_fmt_date(date_t d, char buf[DATE_TEXT_SIZE]);
/* "HH:MM DD/MM/YYYY" of a timestamp, local time. */
void ui_fmt_time(int64_t t, char *buf, size_t size);

#endif
