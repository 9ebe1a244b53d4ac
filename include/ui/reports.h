/*
 * ui/reports.h - the Reports screen, for every role (reports only read):
 * choose the quarter report, the year-end scores or the summary of the
 * whole plan period and its quarter or year, read it laid out at the
 * terminal's width, and save it as a workbook, CSV or text in the
 * person's home directory (ui/savefile.h), the screen saying where.
 */
#ifndef DIENHINH_UI_REPORTS_H
#define DIENHINH_UI_REPORTS_H

#include <stddef.h>

#include "date.h"
#include "period.h"
#include "ui/listscreen.h"
#include "ui/term.h"

/* The reports the screen offers, in the order it offers them. */
enum ui_report_kind { UI_REPORT_QUARTER, UI_REPORT_YEAR, UI_REPORT_PLAN, UI_REPORT_KINDS_ };

/* Run the screen: 0 when the person goes back, UI_KEY_QUIT when the session ends. */
int ui_reports_run(struct ui *ui);

/* The screen's keys, for the general help. */
void ui_reports_help(struct ui_help_section *s);

/*
 * The quarter and year the screen opens on for `today` and the plan
 * periods l: the last quarter that is over (Q4 of last year in January)
 * for the quarter report and this year for the year report, each brought
 * into a period when it lies in none: the last quarter and year of the
 * period before it, else the first of the one after.
 */
void ui_reports_default_period(date_t today, const struct period_list *l, int *q_year,
			       int *quarter, int *year);

/*
 * The file name a report is saved under, without folder or extension,
 * in plain letters that every system and mail program keeps as they are:
 * "bao-cao-quy-3-2024", "bao-cao-nam-2024", "bao-cao-ke-hoach-2021-2025".
 * `year` and `quarter` are the report's period (ignored for the plan).
 */
void ui_reports_file_name(enum ui_report_kind kind, int year, int quarter, int plan_from,
			  int plan_to, char *buf, size_t size);

#endif
