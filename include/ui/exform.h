/*
 * ui/exform.h - the exemplar form: a new profile or an edit, saved through
 * the register.  If someone else saved the record after the form opened,
 * the save is refused and the person may load the newer version while
 * keeping what they typed on screen.
 */
#ifndef DIENHINH_UI_EXFORM_H
#define DIENHINH_UI_EXFORM_H

#include <stdint.h>

#include "model.h"
#include "ui/listscreen.h"
#include "ui/term.h"

/*
 * Edit exemplar `id`, or a new one when id is 0 (its unit preset to `unit`
 * when not NULL).  1 when saved (*saved, if not NULL, receives the stored
 * record: model_exemplar_free), 0 when left without saving, UI_KEY_QUIT.
 */
int ui_exform_run(struct ui *ui, uint64_t id, const char *unit, struct exemplar *saved);

/* The screen's keys, for the general help. */
void ui_exform_help(struct ui_help_section *s);

#endif
