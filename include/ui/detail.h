/*
 * ui/detail.h - one exemplar: every field, its commendation and
 * propagation, and its history from the audit trail; the workflow steps
 * the person's role allows (accept, return, propose, commend...).
 */
#ifndef DIENHINH_UI_DETAIL_H
#define DIENHINH_UI_DETAIL_H

#include <stdint.h>

#include "ui/listscreen.h"
#include "ui/term.h"

/* Show exemplar `id`; 0 when the person goes back, UI_KEY_QUIT when the session ends. */
int ui_detail_run(struct ui *ui, uint64_t id);

/* The screen's keys, for the general help. */
void ui_detail_help(struct ui_help_section *s);

#endif
