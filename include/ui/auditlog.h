/*
 * ui/auditlog.h - the audit trail for the office: who changed what and
 * when, newest first, with every field's value before and after.
 */
#ifndef DIENHINH_UI_AUDITLOG_H
#define DIENHINH_UI_AUDITLOG_H

#include "ui/listscreen.h"
#include "ui/term.h"

/* Run the screen: 0 when the person goes back, UI_KEY_QUIT when the session ends. */
int ui_auditlog_run(struct ui *ui);

/* The screen's keys, for the general help. */
void ui_auditlog_help(struct ui_help_section *s);

#endif
