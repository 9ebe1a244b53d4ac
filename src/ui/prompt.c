/* prompt.c - boxes over the current screen; see ui/prompt.h. */
#include "ui/prompt.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "i18n.h"
#include "text.h"
#include "ui/draw.h"
#include "ui/edit.h"

/* A centred box `w` wide holding `lines` lines of content. */
struct box {
	int y, x, h, w;
};

static struct box box_place(int lines, int w)
{
	struct box b;

	if (w > COLS - 4)
		w = COLS - 4;
	b.h = lines + 4;
	if (b.h > LINES - 2)
		b.h = LINES - 2;
	b.w = w;
	b.y = (LINES - b.h) / 2;
	b.x = (COLS - b.w) / 2;
	return b;
}

static void box_draw(const struct ui *ui, const struct box *b, const char *title,
		     const char *hint)
{
	ui_draw_box(b->y, b->x, b->h, b->w);
	if (title && *title) {
		ui_draw_text(b->y, b->x + 2, 1, A_NORMAL, " ");
		int tw = ui_draw_text(b->y, b->x + 3, b->w - 6, A_BOLD, title);
		ui_draw_text(b->y, b->x + 3 + tw, 1, A_NORMAL, " ");
	}
	if (hint)
		ui_draw_text(b->y + b->h - 2, b->x + 2, b->w - 4, ui_term_attr(ui, UI_A_DIM), hint);
}

static bool is_cancel(int key)
{
	return key == 27 || key == UI_CTRL('x') || key == UI_KEY(KEY_F(10));
}

static bool is_enter(int key)
{
	return key == '\r' || key == '\n' || key == UI_KEY(KEY_ENTER);
}

/* ---- a question -------------------------------------------------------------------- */

struct ask {
	const char *title, *text, *hint;
};

static void ask_draw(struct ui *ui, void *p)
{
	struct ask *a = p;
	int w = 72;
	char **lines;
	int n = ui_draw_split(a->text, w - 4, &lines);

	if (n < 0)
		return;
	struct box b = box_place(n + 1, w);
	box_draw(ui, &b, a->title, a->hint);
	for (int i = 0; i < n && i < b.h - 4; i++)
		ui_draw_text(b.y + 1 + i, b.x + 2, b.w - 4, A_NORMAL, lines[i]);
	ui_draw_free_lines(lines, n);
	ui_term_cursor(ui, -1, -1);
}

int ui_prompt_yesno(struct ui *ui, const char *title, const char *question)
{
	struct ask a = { title, question, _("c: yes    k: no (Enter: no)") };
	int rc = -2;

	ui_term_push(ui, ask_draw, NULL, &a, false);
	while (rc == -2) {
		int key = ui_term_key(ui);
		if (key == UI_KEY_QUIT)
			rc = UI_KEY_QUIT;
		else if (key == 'c' || key == 'C' || key == 'y' || key == 'Y')
			rc = 1;
		else if (key == 'k' || key == 'K' || key == 'n' || key == 'N' || is_enter(key) ||
			 is_cancel(key))
			rc = 0;
	}
	ui_term_pop(ui, &a);
	return rc;
}

/* ---- one line ---------------------------------------------------------------------- */

struct line {
	const char *title, *label;
	struct ui_edit ed;
	bool required;     /* Enter takes no blank answer */
	bool warned;       /* ... and has said so */
};

static void line_draw(struct ui *ui, void *p)
{
	struct line *l = p;
	int w = 72, cx;
	char **lines;
	int n = ui_draw_split(l->label, w - 4, &lines);

	if (n < 0)
		return;
	struct box b = box_place(n + 2, w);
	box_draw(ui, &b, l->title, l->warned ? _("Write the reason first; Ctrl-X: cancel")
					     : l->required ? _("Enter: confirm    Ctrl-X: cancel")
					     : _("Enter: done    Ctrl-X: cancel"));
	for (int i = 0; i < n; i++)
		ui_draw_text(b.y + 1 + i, b.x + 2, b.w - 4, A_NORMAL, lines[i]);
	ui_draw_free_lines(lines, n);
	ui_edit_draw(&l->ed, b.y + 1 + n, b.x + 2, b.w - 4, ui_term_attr(ui, UI_A_FIELD), &cx);
	ui_term_cursor(ui, b.y + 1 + n, cx);
}

/* The line box; a `required` answer must hold more than blanks. */
static int ask_line(struct ui *ui, struct line *l, const char *init, size_t max, char **out)
{
	int rc = -2;

	*out = NULL;
	ui_edit_init(&l->ed, max, 0);
	if (init && ui_edit_set(&l->ed, init))
		return 0;
	ui_term_push(ui, line_draw, NULL, l, false);
	while (rc == -2) {
		int key = ui_term_key(ui);
		if (key == UI_KEY_QUIT) {
			rc = UI_KEY_QUIT;
		} else if (is_cancel(key)) {
			rc = 0;
		} else if (is_enter(key)) {
			rc = (*out = ui_edit_get(&l->ed)) ? 1 : 0;
			if (rc == 1 && l->required && !(*out)[strspn(*out, " ")]) {
				free(*out);
				*out = NULL;
				l->warned = true;
				rc = -2;
			}
		} else {
			ui_edit_key(&l->ed, key);
		}
	}
	ui_term_pop(ui, l);
	ui_edit_free(&l->ed);
	return rc;
}

int ui_prompt_line(struct ui *ui, const char *title, const char *label, const char *init,
		   size_t max, char **out)
{
	struct line l = { title, label, { 0 }, false, false };

	return ask_line(ui, &l, init, max, out);
}

int ui_prompt_reason(struct ui *ui, const char *title, const char *question, size_t max,
		     char **out)
{
	char *label = NULL;
	int rc;

	if (asprintf(&label, "%s\n\n%s", question, _("Reason (required):")) < 0)
		return 0;
	struct line l = { title, label, { 0 }, true, false };
	rc = ask_line(ui, &l, NULL, max, out);
	free(label);
	return rc;
}

/* ---- pick-list ----------------------------------------------------------------------- */

/* The labels, their search keys, which ones match the typed filter, and where we are. */
struct pick {
	const char *title;
	const char *const *labels;
	char **folds;
	size_t n;
	size_t *shown, n_shown;
	size_t sel, top;
	struct ui_edit filter;
};

static void pick_filter(struct pick *p)
{
	char *typed = ui_edit_get(&p->filter), *needle = typed ? collate_fold(typed) : NULL;
	size_t keep = p->n_shown ? p->shown[p->sel] : 0;

	p->n_shown = 0;
	for (size_t i = 0; i < p->n; i++)
		if (!needle || !p->folds[i] || strstr(p->folds[i], needle))
			p->shown[p->n_shown++] = i;
	p->sel = 0;
	for (size_t i = 0; i < p->n_shown; i++)
		if (p->shown[i] == keep)
			p->sel = i;
	free(typed);
	free(needle);
}

static void pick_draw(struct ui *ui, void *ctx)
{
	struct pick *p = ctx;
	int w = 46;

	for (size_t i = 0; i < p->n; i++) {
		int lw = text_width(p->labels[i]) + 6;
		if (lw > w)
			w = lw;
	}
	struct box b = box_place((int)p->n + 1, w);
	int rows = b.h - 5, fx;
	if (rows < 1)
		return;
	box_draw(ui, &b, p->title, _("Enter: choose  type: narrow  Ctrl-X: cancel"));
	if (p->sel < p->top)
		p->top = p->sel;
	if (p->sel >= p->top + (size_t)rows)
		p->top = p->sel - (size_t)rows + 1;
	for (int r = 0; r < rows && p->top + (size_t)r < p->n_shown; r++) {
		size_t k = p->top + (size_t)r;
		int a = k == p->sel ? ui_term_attr(ui, UI_A_SELECT) : 0;
		ui_draw_cell(b.y + 1 + r, b.x + 2, b.w - 4, a, p->labels[p->shown[k]]);
	}
	if (!p->n_shown)
		ui_draw_text(b.y + 1, b.x + 2, b.w - 4, ui_term_attr(ui, UI_A_DIM),
			     _("(nothing matches)"));
	int y = b.y + b.h - 3;
	int lw = ui_draw_text(y, b.x + 2, b.w - 4, A_NORMAL, _("Find: "));
	ui_edit_draw(&p->filter, y, b.x + 2 + lw, b.w - 4 - lw, A_NORMAL, &fx);
	ui_term_cursor(ui, b.y + 1 + (int)(p->sel - p->top), b.x + 2);
}

static void pick_move(struct pick *p, long delta)
{
	long s = (long)p->sel + delta;

	if (!p->n_shown)
		return;
	p->sel = s < 0 ? 0 : s >= (long)p->n_shown ? p->n_shown - 1 : (size_t)s;
}

int ui_prompt_pick(struct ui *ui, const char *title, const char *const *labels, size_t n,
		   size_t initial, size_t *chosen)
{
	struct pick p = { title, labels, calloc(n ? n : 1, sizeof(char *)), n,
			  malloc((n ? n : 1) * sizeof(size_t)), 0, 0, 0, { 0 } };
	int rc = -2;

	if (!p.folds || !p.shown) {
		free(p.folds);
		free(p.shown);
		return 0;
	}
	for (size_t i = 0; i < n; i++)
		p.folds[i] = collate_fold(labels[i]);
	ui_edit_init(&p.filter, 60, 0);
	pick_filter(&p);
	p.sel = initial < p.n_shown ? initial : 0;
	ui_term_push(ui, pick_draw, NULL, &p, false);
	while (rc == -2) {
		int key = ui_term_key(ui), page = LINES / 2;
		switch (key) {
		case UI_KEY_QUIT: rc = UI_KEY_QUIT; break;
		case UI_KEY(KEY_UP): pick_move(&p, -1); break;
		case UI_KEY(KEY_DOWN): pick_move(&p, 1); break;
		case UI_KEY(KEY_PPAGE): pick_move(&p, -page); break;
		case UI_KEY(KEY_NPAGE): pick_move(&p, page); break;
		case UI_KEY(KEY_HOME): pick_move(&p, -(long)n); break;
		case UI_KEY(KEY_END): pick_move(&p, (long)n); break;
		case UI_KEY(KEY_LEFT): rc = 0; break;
		default:
			if (is_cancel(key)) {
				rc = 0;
			} else if (is_enter(key)) {
				if (p.n_shown) {
					*chosen = p.shown[p.sel];
					rc = 1;
				}
			} else if (ui_edit_key(&p.filter, key) == UI_EDIT_CHANGED) {
				pick_filter(&p);
			}
		}
	}
	ui_term_pop(ui, &p);
	for (size_t i = 0; i < n; i++)
		free(p.folds[i]);
	free(p.folds);
	free(p.shown);
	ui_edit_free(&p.filter);
	return rc;
}
