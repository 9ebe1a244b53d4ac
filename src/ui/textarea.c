/* textarea.c - the multi-line editor; see ui/textarea.h. */
#include "ui/textarea.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "ui/term.h"

/* One screen line: buf[start .. end), without the line break. */
struct vrow {
	size_t start, end;
};

static int col_width(wchar_t c)
{
	int w = wcwidth(c);

	return c == L'\n' ? 0 : w < 0 ? 1 : w;
}

/* Lay the text out in `width` columns; *out is a new array (free()). */
static size_t layout(const struct ui_edit *ed, int width, struct vrow **out)
{
	size_t n = 0, cap = 8, i = 0;
	struct vrow *v = malloc(cap * sizeof *v);

	if (width < 1)
		width = 1 << 20;
	for (bool more = true; v && more;) {
		size_t start = i, space = 0;
		int col = 0;
		while (i < ed->len && ed->buf[i] != L'\n') {
			int w = col_width(ed->buf[i]);
			if (col + w > width && !ui_edit_is_mark(ed->buf[i]))
				break;
			if (ed->buf[i] == L' ')
				space = i + 1;
			col += w;
			i++;
		}
		size_t end = i;
		if (i < ed->len && ed->buf[i] != L'\n') {
			if (space > start)
				end = i = space;
			else if (i == start) /* one letter wider than the line */
				end = ++i;
		} else if (i < ed->len) {
			i++; /* past the line break; a break at the very end opens an empty line */
		} else {
			more = false;
		}
		if (n == cap && mem_grow(&v, &cap, n + 1, sizeof *v, 8)) {
			free(v);
			v = NULL;
			break;
		}
		v[n++] = (struct vrow){ start, end };
	}
	*out = v;
	return v ? n : 0;
}

/* The screen line holding the cursor: the last one starting at or before it. */
static size_t cursor_row(const struct vrow *v, size_t n, size_t cur)
{
	size_t r = 0;

	for (size_t i = 0; i < n; i++)
		if (v[i].start <= cur)
			r = i;
	return r;
}

static int col_of(const struct ui_edit *ed, size_t from, size_t to)
{
	int c = 0;

	for (size_t i = from; i < to; i++)
		c += col_width(ed->buf[i]);
	return c;
}

/* Start of the letter before index i. */
static size_t letter_before(const struct ui_edit *ed, size_t i)
{
	while (i > 0 && ui_edit_is_mark(ed->buf[i - 1]))
		i--;
	return i > 0 ? i - 1 : 0;
}

/*
 * The last cursor position shown on row r.  A row that wraps without a
 * line break ends where the next begins, so a cursor at its end would show
 * on the next row: there the last place is on its last letter (the space a
 * word wrap leaves, or the letter where a long word was cut).
 */
static size_t row_last(const struct ui_edit *ed, const struct vrow *v, size_t n, size_t r)
{
	if (r + 1 < n && v[r + 1].start == v[r].end && v[r].end > v[r].start)
		return letter_before(ed, v[r].end);
	return v[r].end;
}

/* Index in row r closest to column `goal`, at a letter boundary, never past `last`. */
static size_t index_at(const struct ui_edit *ed, const struct vrow *row, size_t last, int goal)
{
	size_t i = row->start;
	int c = 0;

	while (i < last) {
		int w = col_width(ed->buf[i]);
		if (c + w > goal)
			break;
		c += w;
		i++;
		while (i < row->end && ui_edit_is_mark(ed->buf[i]))
			i++;
	}
	return i;
}

void ui_textarea_init(struct ui_textarea *ta, size_t max)
{
	memset(ta, 0, sizeof *ta);
	ui_edit_init(&ta->ed, max, UI_EDIT_LINES);
	ta->goal = -1;
}

void ui_textarea_free(struct ui_textarea *ta)
{
	ui_edit_free(&ta->ed);
}

bool ui_textarea_at_edge(const struct ui_textarea *ta, int dir)
{
	return dir < 0 ? ta->ed.cur == 0 : ta->ed.cur >= ta->ed.len;
}

void ui_textarea_enter(struct ui_textarea *ta, int dir)
{
	ta->ed.cur = dir > 0 ? 0 : ta->ed.len;
	ta->goal = -1;
}

/* Move the cursor by `rows` screen lines; past the first or last, to the text's start or end. */
static void move_rows(struct ui_textarea *ta, int rows)
{
	struct vrow *v;
	size_t n = layout(&ta->ed, ta->width, &v);

	if (!n) {
		free(v);
		return;
	}
	size_t r = cursor_row(v, n, ta->ed.cur);
	if (ta->goal < 0)
		ta->goal = col_of(&ta->ed, v[r].start, ta->ed.cur);
	long t = (long)r + rows;
	if (t < 0 || t >= (long)n) {
		ta->ed.cur = t < 0 ? 0 : ta->ed.len;
		ta->goal = -1;
	} else {
		ta->ed.cur = index_at(&ta->ed, &v[t], row_last(&ta->ed, v, n, (size_t)t),
				      ta->goal);
	}
	free(v);
}

static void row_edge(struct ui_textarea *ta, bool end)
{
	struct vrow *v;
	size_t n = layout(&ta->ed, ta->width, &v);

	if (n) {
		size_t r = cursor_row(v, n, ta->ed.cur);
		ta->ed.cur = end ? row_last(&ta->ed, v, n, r) : v[r].start;
	}
	free(v);
}

enum ui_edit_result ui_textarea_key(struct ui_textarea *ta, int key)
{
	int page = ta->height > 1 ? ta->height - 1 : 1;

	switch (key) {
	case '\r': case '\n': case UI_KEY(KEY_ENTER):
		ta->goal = -1;
		return ui_edit_newline(&ta->ed);
	case UI_KEY(KEY_UP): move_rows(ta, -1); return UI_EDIT_MOVED;
	case UI_KEY(KEY_DOWN): move_rows(ta, 1); return UI_EDIT_MOVED;
	case UI_KEY(KEY_PPAGE): move_rows(ta, -page); return UI_EDIT_MOVED;
	case UI_KEY(KEY_NPAGE): move_rows(ta, page); return UI_EDIT_MOVED;
	case UI_KEY(KEY_HOME): case UI_CTRL('a'):
		ta->goal = -1;
		row_edge(ta, false);
		return UI_EDIT_MOVED;
	case UI_KEY(KEY_END): case UI_CTRL('e'):
		ta->goal = -1;
		row_edge(ta, true);
		return UI_EDIT_MOVED;
	default:
		ta->goal = -1;
		return ui_edit_key(&ta->ed, key);
	}
}

void ui_textarea_draw(struct ui_textarea *ta, int y, int x, int width, int height, int attr,
		      int *cy, int *cx)
{
	struct vrow *v;
	size_t n;

	ta->width = width;
	ta->height = height;
	n = layout(&ta->ed, width, &v);
	size_t r = cursor_row(v, n, ta->ed.cur);
	if ((int)r < ta->top)
		ta->top = (int)r;
	if ((int)r >= ta->top + height)
		ta->top = (int)r - height + 1;
	attron(attr);
	for (int i = 0; i < height; i++) {
		mvhline(y + i, x, ' ', width);
		size_t k = (size_t)(ta->top + i);
		if (k < n && v[k].end > v[k].start)
			mvaddnwstr(y + i, x, ta->ed.buf + v[k].start, (int)(v[k].end - v[k].start));
	}
	attroff(attr);
	if (cy && cx && n) {
		*cy = y + (int)r - ta->top;
		*cx = x + col_of(&ta->ed, v[r].start, ta->ed.cur);
	}
	free(v);
}
