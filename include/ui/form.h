/*
 * ui/form.h - a form: labelled fields one under another, each a one-line
 * text, a number, a date, a pick-list or a multi-line text, with room for a
 * message beside every field.  The screen that owns the form fills the
 * fields, and its save function turns them into a register call, putting
 * a refusal's message on the field it names (err.field).
 *
 * Keys: Tab/Enter/Down next field, Shift-Tab/Up previous, Space/Enter opens
 * a pick-list (Left/Right step through it), Ctrl-O or F2 saves, Ctrl-X,
 * F10 or Esc leaves (asking first when something was changed).  In a text
 * of several lines, Enter breaks the line and Down and Up move through it,
 * leaving it at its end and its start.  A refusal under a field goes as
 * soon as the person changes that field.
 */
#ifndef DIENHINH_UI_FORM_H
#define DIENHINH_UI_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/action.h"
#include "ui/edit.h"
#include "ui/listscreen.h"
#include "ui/term.h"
#include "ui/textarea.h"

enum ui_field_kind { UI_FIELD_TEXT, UI_FIELD_NUMBER, UI_FIELD_DATE, UI_FIELD_PICK,
		     UI_FIELD_AREA };

/*
 * One field.  Invariant: for PICK, pick <= n_choices (n_choices: nothing
 * chosen yet); `orig` is the value when the form was filled, for knowing
 * whether anything changed.
 */
struct ui_field {
	const char *code;            /* the err.field it answers to ("name", "date") */
	const char *label;           /* translated */
	enum ui_field_kind kind;
	bool hidden;
	struct ui_edit ed;           /* TEXT, NUMBER, DATE */
	struct ui_textarea ta;       /* AREA */
	int area_lines;
	const char *const *choices;  /* PICK: labels, owned by the screen */
	size_t n_choices, pick;
	char *orig;
	size_t orig_pick;
	char msg[512];               /* a refusal, under the field until it is changed */
	char *note;                  /* other information beside the field (may be NULL) */
};

/* The form; `fields` is owned by the screen, the values inside by the form. */
struct ui_form {
	const char *title;
	struct ui_field *fields;
	size_t n;
	size_t focus;                /* a field, or n: the Save button, n + 1: Leave */
	int top;                     /* first form line on screen */
	char msg[512];               /* about the whole form, under the fields */
	bool msg_error;
	/* Save; 0 when saved, -1 to stay in the form (messages set). */
	int (*save)(struct ui *ui, struct ui_form *fm, void *ctx);
	/* A pick field changed (optional): e.g. the type narrows the categories. */
	void (*changed)(struct ui_form *fm, struct ui_field *f, void *ctx);
	/* Another session saved something (optional). */
	void (*reload)(struct ui *ui, struct ui_form *fm, void *ctx);
	/* A key the form does not use (optional); returns true when it took it. */
	bool (*key)(struct ui *ui, struct ui_form *fm, int key, void *ctx);
	void *ctx;
};

/* Fill field f; text values are made visible.  0, or -1 when out of memory. */
int ui_field_text(struct ui_field *f, const char *code, const char *label,
		  enum ui_field_kind kind, const char *value, size_t max);
int ui_field_pick(struct ui_field *f, const char *code, const char *label,
		  const char *const *choices, size_t n, size_t pick);
int ui_field_area(struct ui_field *f, const char *code, const char *label, const char *value,
		  size_t max, int lines);
void ui_field_free(struct ui_field *f);

/* A text field's value as a new UTF-8 string (NULL when out of memory). */
char *ui_field_value(const struct ui_field *f);
/* The field with err.field code `code`, or NULL. */
struct ui_field *ui_form_field(struct ui_form *fm, const char *code);

/* Has any field changed since it was filled? */
bool ui_form_dirty(const struct ui_form *fm);
/* Remove every message and note. */
void ui_form_clear_messages(struct ui_form *fm);
/* Put a refusal on its field (or on the form) and move there. */
void ui_form_refuse(struct ui_form *fm, const struct err *e);

/* Run the form: 1 when saved, 0 when left, UI_KEY_QUIT when the session ends. */
int ui_form_run(struct ui *ui, struct ui_form *fm);

/* The form's keys, for the help. */
void ui_form_help(struct ui_help_section *s);

#endif
