/* form.c - forms; see ui/form.h. */
#include "ui/form.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ui/draw.h"
#include "ui/prompt.h"

#define LABEL_X 2
#define VALUE_X 27
#define TOP_Y 2     /* first screen line of the form */

enum { F_NEXT = 1, F_PREV, F_PICK, F_SAVE, F_LEAVE, F_HELP };

static const struct ui_action actions[] = {
	{ F_NEXT, { '\t', UI_KEY(KEY_DOWN) }, N_("Next field"),
	  N_("Next field (Enter too, except in a text of several lines)."), 0 },
	{ F_PREV, { UI_KEY(KEY_BTAB), UI_KEY(KEY_UP) }, NULL, N_("Previous field."), 0 },
	{ F_PICK, { ' ', '\r' }, NULL,
	  N_("On a choice: open the list (Left and Right step through it)."), 0 },
	{ F_SAVE, { UI_CTRL('o'), UI_KEY(KEY_F(2)) }, N_("Save"), N_("Save the form."), 0 },
	{ F_LEAVE, { UI_CTRL('x'), UI_KEY(KEY_F(10)), 27 }, N_("Leave"),
	  N_("Leave the form; if something was changed, you are asked first."), 0 },
	{ F_HELP, { UI_KEY(KEY_F(1)) }, N_("Help"), N_("Show the keys of the form."), 0 },
};
#define N_ACTIONS (sizeof actions / sizeof actions[0])

static const struct ui_help_section help = { N_("Forms"),
	N_("Type in each field; a message beside a field says what to correct. Dates are "
	   "written day/month/year, e.g. 27/11/2025."), actions, N_ACTIONS };

void ui_form_help(struct ui_help_section *s)
{
	*s = help;
}

/* ---- fields ------------------------------------------------------------------ */

static int snapshot(struct ui_field *f)
{
	free(f->orig);
	f->orig = NULL;
	f->orig_pick = f->pick;
	if (f->kind == UI_FIELD_PICK)
		return 0;
	return (f->orig = ui_field_value(f)) ? 0 : -1;
}

int ui_field_text(struct ui_field *f, const char *code, const char *label,
		  enum ui_field_kind kind, const char *value, size_t max)
{
	unsigned flags = kind == UI_FIELD_NUMBER ? UI_EDIT_DIGITS
			 : kind == UI_FIELD_DATE ? UI_EDIT_DATE : 0;

	memset(f, 0, sizeof *f);
	f->code = code;
	f->label = label;
	f->kind = kind;
	ui_edit_init(&f->ed, max, flags);
	return ui_edit_set(&f->ed, value) || snapshot(f) ? -1 : 0;
}

int ui_field_pick(struct ui_field *f, const char *code, const char *label,
		  const char *const *choices, size_t n, size_t pick)
{
	memset(f, 0, sizeof *f);
	f->code = code;
	f->label = label;
	f->kind = UI_FIELD_PICK;
	f->choices = choices;
	f->n_choices = n;
	f->pick = pick <= n ? pick : n;
	return snapshot(f);
}

int ui_field_area(struct ui_field *f, const char *code, const char *label, const char *value,
		  size_t max, int lines)
{
	memset(f, 0, sizeof *f);
	f->code = code;
	f->label = label;
	f->kind = UI_FIELD_AREA;
	f->area_lines = lines;
	ui_textarea_init(&f->ta, max);
	return ui_edit_set(&f->ta.ed, value) || snapshot(f) ? -1 : 0;
}

void ui_field_free(struct ui_field *f)
{
	if (f->kind == UI_FIELD_AREA)
		ui_textarea_free(&f->ta);
	else if (f->kind != UI_FIELD_PICK)
		ui_edit_free(&f->ed);
	free(f->orig);
	free(f->note);
	f->orig = f->note = NULL;
}

char *ui_field_value(const struct ui_field *f)
{
	if (f->kind == UI_FIELD_PICK)
		return strdup(f->pick < f->n_choices ? f->choices[f->pick] : "");
	return ui_edit_get(f->kind == UI_FIELD_AREA ? &f->ta.ed : &f->ed);
}

struct ui_field *ui_form_field(struct ui_form *fm, const char *code)
{
	for (size_t i = 0; code && i < fm->n; i++)
		if (fm->fields[i].code && strcmp(fm->fields[i].code, code) == 0)
			return &fm->fields[i];
	return NULL;
}

static bool field_dirty(const struct ui_field *f)
{
	if (f->kind == UI_FIELD_PICK)
		return f->pick != f->orig_pick;
	char *now = ui_field_value(f);
	bool d = !now || !f->orig || strcmp(now, f->orig) != 0;
	free(now);
	return d;
}

bool ui_form_dirty(const struct ui_form *fm)
{
	for (size_t i = 0; i < fm->n; i++)
		if (!fm->fields[i].hidden && field_dirty(&fm->fields[i]))
			return true;
	return false;
}

void ui_form_clear_messages(struct ui_form *fm)
{
	for (size_t i = 0; i < fm->n; i++) {
		fm->fields[i].msg[0] = 0;
		free(fm->fields[i].note);
		fm->fields[i].note = NULL;
	}
	fm->msg[0] = 0;
}

void ui_form_refuse(struct ui_form *fm, const struct err *e)
{
	struct ui_field *f = ui_form_field(fm, e->field);

	if (f && !f->hidden) {
		snprintf(f->msg, sizeof f->msg, "%s", e->msg);
		fm->focus = (size_t)(f - fm->fields);
	} else {
		snprintf(fm->msg, sizeof fm->msg, "%s", e->msg);
		fm->msg_error = true;
	}
}

/* ---- layout and drawing ------------------------------------------------------------ */

static int value_width(void)
{
	return COLS - VALUE_X - 1;
}

static int lines_of(const char *text, int width)
{
	char **l;
	int n;

	if (!text || !*text)
		return 0;
	n = ui_draw_split(text, width, &l);
	ui_draw_free_lines(l, n);
	return n < 0 ? 0 : n;
}

/* Form lines field i takes, messages included. */
static int field_lines(const struct ui_field *f)
{
	if (f->hidden)
		return 0;
	return (f->kind == UI_FIELD_AREA ? f->area_lines : 1) + lines_of(f->msg, value_width()) +
	       lines_of(f->note, value_width());
}

/* First form line of field i (fm->n: the buttons). */
static int line_of(const struct ui_form *fm, size_t i)
{
	int y = 0;

	for (size_t k = 0; k < i && k < fm->n; k++)
		y += field_lines(&fm->fields[k]);
	return i >= fm->n ? y + 1 : y;
}

/*
 * A one-line field: being typed in, the part around the cursor; else its
 * beginning, ending with an ellipsis when it is longer than the field (the
 * editor keeps the cursor at the end of what it was given).
 */
static void draw_line(struct ui_field *f, bool focus, int y, int width, int attr, int *cy,
		      int *cx)
{
	char *v;

	if (focus) {
		ui_edit_draw(&f->ed, y, VALUE_X, width, attr, cx);
		*cy = y;
	} else if ((v = ui_field_value(f))) {
		ui_draw_cell(y, VALUE_X, width, attr, v);
		free(v);
	}
}

static void draw_field(struct ui *ui, struct ui_form *fm, size_t i, int y, int bottom)
{
	struct ui_field *f = &fm->fields[i];
	bool focus = fm->focus == i;
	int vw = value_width(), a = ui_term_attr(ui, UI_A_FIELD), cy = -1, cx = -1;

	if (y >= TOP_Y && y < bottom) {
		ui_draw_text(y, 0, 1, A_BOLD, focus ? ui_draw_sym(UI_SYM_MARK) : " ");
		ui_draw_text(y, LABEL_X, VALUE_X - LABEL_X - 1, focus ? A_BOLD : A_NORMAL,
			     f->label);
	}
	switch (f->kind) {
	case UI_FIELD_AREA: {
		/* Draw the whole area only when it fits on screen; else the visible part. */
		int h = f->area_lines, top = y < TOP_Y ? TOP_Y - y : 0;
		if (y + h > bottom)
			h = bottom - y;
		if (h - top > 0) {
			ui_textarea_draw(&f->ta, y + top, VALUE_X, vw, h - top, a, &cy, &cx);
		}
		y += f->area_lines;
		break;
	}
	case UI_FIELD_PICK:
		if (y >= TOP_Y && y < bottom) {
			const char *v = f->pick < f->n_choices ? f->choices[f->pick]
							       : _("(choose)");
			ui_draw_cell(y, VALUE_X, vw, a, v);
			cy = y;
			cx = VALUE_X;
		}
		y++;
		break;
	default:
		if (y >= TOP_Y && y < bottom)
			draw_line(f, focus, y, vw, a, &cy, &cx);
		y++;
	}
	if (focus)
		ui_term_cursor(ui, cy, cx);
	const char *texts[2] = { f->msg, f->note };
	int attrs[2] = { ui_term_attr(ui, UI_A_ERROR), ui_term_attr(ui, UI_A_NOTE) };
	for (int t = 0; t < 2; t++) {
		char **l;
		int n = texts[t] && *texts[t] ? ui_draw_split(texts[t], vw, &l) : 0;
		for (int k = 0; k < n; k++, y++)
			if (y >= TOP_Y && y < bottom)
				ui_draw_text(y, VALUE_X, vw, attrs[t], l[k]);
		if (n > 0)
			ui_draw_free_lines(l, n);
	}
}

static void draw_buttons(struct ui *ui, struct ui_form *fm, int y)
{
	char save[64], leave[64];

	snprintf(save, sizeof save, "[ %s ]", _("Save"));
	snprintf(leave, sizeof leave, "[ %s ]", _("Leave"));
	int sa = fm->focus == fm->n ? ui_term_attr(ui, UI_A_SELECT) : (int)A_BOLD;
	int la = fm->focus == fm->n + 1 ? ui_term_attr(ui, UI_A_SELECT) : (int)A_BOLD;
	int w = ui_draw_text(y, VALUE_X, 20, sa, save);
	ui_draw_text(y, VALUE_X + w + 3, 20, la, leave);
	if (fm->focus == fm->n)
		ui_term_cursor(ui, y, VALUE_X + 2);
	else if (fm->focus == fm->n + 1)
		ui_term_cursor(ui, y, VALUE_X + w + 5);
}

static void form_draw(struct ui *ui, void *p)
{
	struct ui_form *fm = p;
	int bottom = LINES - 2;
	int msg_lines = lines_of(fm->msg, COLS - 2);

	bottom -= msg_lines;
	/* Scroll so the focused field (and its messages) is on screen. */
	size_t fi = fm->focus < fm->n ? fm->focus : fm->n;
	int fy = line_of(fm, fi), fh = fi < fm->n ? field_lines(&fm->fields[fi]) : 1;
	int rows = bottom - TOP_Y;
	if (fy < fm->top)
		fm->top = fy;
	if (fy + fh > fm->top + rows)
		fm->top = fy + fh - rows;
	if (fm->top < 0)
		fm->top = 0;
	ui_term_title(ui, fm->title);
	ui_term_cursor(ui, -1, -1);
	for (size_t i = 0; i < fm->n; i++)
		if (!fm->fields[i].hidden)
			draw_field(ui, fm, i, TOP_Y + line_of(fm, i) - fm->top, bottom);
	int by = TOP_Y + line_of(fm, fm->n) - fm->top;
	if (by >= TOP_Y && by < bottom)
		draw_buttons(ui, fm, by);
	if (msg_lines)
		ui_draw_wrap(bottom, 1, COLS - 2, msg_lines,
			     ui_term_attr(ui, fm->msg_error ? UI_A_ERROR : UI_A_NOTE), fm->msg);
	ui_term_message(ui);
	ui_action_hints(ui, actions, N_ACTIONS, NULL, NULL);
}

static void form_reload(struct ui *ui, void *p)
{
	struct ui_form *fm = p;

	if (fm->reload)
		fm->reload(ui, fm, fm->ctx);
}

/* ---- keys ----------------------------------------------------------------------- */

static const struct ui_action *by_id(int id)
{
	for (size_t i = 0; i < N_ACTIONS; i++)
		if (actions[i].id == id)
			return &actions[i];
	return NULL;
}

static void step(struct ui_form *fm, int dir)
{
	size_t n = fm->n + 2, i = fm->focus;

	do
		i = (i + n + (size_t)(ptrdiff_t)dir) % n;
	while (i < fm->n && fm->fields[i].hidden && i != fm->focus);
	fm->focus = i;
	/* A text of several lines is walked from the side it was entered from. */
	if (i < fm->n && fm->fields[i].kind == UI_FIELD_AREA)
		ui_textarea_enter(&fm->fields[i].ta, dir);
}

/* The person changed field f: a refusal under it has been acted on (the save checks again). */
static void edited(struct ui_field *f)
{
	f->msg[0] = 0;
}

static void set_pick(struct ui_form *fm, struct ui_field *f, size_t pick)
{
	if (pick == f->pick)
		return;
	f->pick = pick;
	edited(f);
	if (fm->changed)
		fm->changed(fm, f, fm->ctx);
}

static int open_pick(struct ui *ui, struct ui_form *fm, struct ui_field *f)
{
	size_t chosen;
	int rc = ui_prompt_pick(ui, f->label, f->choices, f->n_choices,
				f->pick < f->n_choices ? f->pick : 0, &chosen);

	if (rc == 1)
		set_pick(fm, f, chosen);
	return rc == UI_KEY_QUIT ? UI_KEY_QUIT : 0;
}

static int try_save(struct ui *ui, struct ui_form *fm)
{
	ui_form_clear_messages(fm);
	if (fm->save(ui, fm, fm->ctx) == 0)
		return 1;
	/* Leave the cursor on the first field with something to correct. */
	for (size_t i = 0; i < fm->n; i++)
		if (fm->fields[i].msg[0] && !fm->fields[i].hidden) {
			fm->focus = i;
			break;
		}
	return 0;
}

static int try_leave(struct ui *ui, struct ui_form *fm)
{
	if (!ui_form_dirty(fm))
		return 1;
	return ui_prompt_yesno(ui, _("Unsaved changes"),
			       _("You have changed this form without saving. Leave it and "
				 "lose the changes?"));
}

/* A key on the focused field; returns true when the field took it. */
static bool field_key(struct ui *ui, struct ui_form *fm, int key, int *rc)
{
	struct ui_field *f = fm->focus < fm->n ? &fm->fields[fm->focus] : NULL;
	enum ui_edit_result r;

	if (!f)
		return false;
	switch (f->kind) {
	case UI_FIELD_PICK:
		if (key == ' ' || key == '\r' || key == '\n' || key == UI_KEY(KEY_ENTER)) {
			*rc = open_pick(ui, fm, f);
			return true;
		}
		if (key == UI_KEY(KEY_LEFT) || key == UI_KEY(KEY_RIGHT)) {
			size_t n = f->n_choices, p = f->pick < n ? f->pick : 0;
			set_pick(fm, f, key == UI_KEY(KEY_RIGHT) ? (p + 1) % n : (p + n - 1) % n);
			return true;
		}
		return false;
	case UI_FIELD_AREA:
		if ((key == UI_KEY(KEY_UP) || key == UI_KEY(KEY_DOWN)) &&
		    ui_textarea_at_edge(&f->ta, key == UI_KEY(KEY_UP) ? -1 : 1))
			return false;
		r = ui_textarea_key(&f->ta, key);
		break;
	default:
		r = ui_edit_key(&f->ed, key);
	}
	if (r == UI_EDIT_CHANGED)
		edited(f);
	return r != UI_EDIT_IGNORED;
}

int ui_form_run(struct ui *ui, struct ui_form *fm)
{
	int rc = -2;

	if (fm->focus < fm->n && fm->fields[fm->focus].hidden)
		step(fm, 1);
	ui_term_push(ui, form_draw, form_reload, fm, true);
	while (rc == -2) {
		int key = ui_term_key(ui), r = 0;
		if (key == UI_KEY_QUIT) {
			rc = UI_KEY_QUIT;
			break;
		}
		if (field_key(ui, fm, key, &r)) {
			if (r == UI_KEY_QUIT)
				rc = UI_KEY_QUIT;
			continue;
		}
		if (fm->key && fm->key(ui, fm, key, fm->ctx))
			continue;
		/* Enter moves on, or presses the button it is on. */
		const struct ui_action *a;
		if (key == '\r' || key == '\n' || key == UI_KEY(KEY_ENTER))
			a = by_id(fm->focus == fm->n ? F_SAVE
				  : fm->focus == fm->n + 1 ? F_LEAVE : F_NEXT);
		else
			a = ui_action_find(ui, actions, N_ACTIONS, key);
		if (!a)
			continue;
		switch (a->id) {
		case F_NEXT: step(fm, 1); break;
		case F_PREV: step(fm, -1); break;
		case F_SAVE: r = try_save(ui, fm); if (r) rc = 1; break;
		case F_LEAVE: r = try_leave(ui, fm); if (r) rc = r == 1 ? 0 : r; break;
		case F_HELP: r = ui_listscreen_help(ui, &help, 1); break;
		}
		if (r == UI_KEY_QUIT)
			rc = UI_KEY_QUIT;
	}
	ui_term_pop(ui, fm);
	return rc;
}
