/*
 * ui/importer.h - "Import from a file" for the office: the spreadsheets
 * (.xlsx, .xls, .csv) in the person's home directory; for the one chosen,
 * each column with its header, what it will be read as and its values in
 * the first records, as the import will read them (importfile.h); a
 * column's use changed or left out; the check (a dry run) and, once
 * confirmed, the import, with a progress line.
 */
#ifndef DIENHINH_UI_IMPORTER_H
#define DIENHINH_UI_IMPORTER_H

#include "ui/listscreen.h"
#include "ui/term.h"

/* Run the screen: 0 when the person goes back, UI_KEY_QUIT when the session ends. */
int ui_importer_run(struct ui *ui);

/* The screens' keys, for the general help (two sections). */
void ui_importer_help(struct ui_help_section s[2]);

#endif
