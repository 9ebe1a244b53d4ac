/*
 * ui/auditlog.h - the audit trail for the office: who changed what and
 * when, newest first, with every field's value before and after.
 */
#ifndef DIENHINH_UI_AUDITLOG_H
#define DIENHINH_UI_AUDITLOG_H

#include "ui/help.h"
#include "ui/term.h"

int ui_auditlog_run(struct ui *ui);

void ui_auditlog_help(struct ui_help_section *s);

#endif
