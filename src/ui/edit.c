/* edit.c - the one-line editor; see ui/edit.h. */
#include "ui/edit.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "mem.h"
#include "text.h"
#include "ui/term.h"

bool ui_edit_is_mark(wchar_t c)
{
	return c >= 0x300 && wcwidth(c) == 0;
}

bool ui_edit_typable(int key)
{
	if (key < 0x20 || key >= UI_FN || key == 0x7F || (key >= 0x80 && key < 0xA0))
		return false;
	if ((key >= 0x202A && key <= 0x202E) || (key >= 0x2066 && key <= 0x2069) ||
	    key == 0x200E || key == 0x200F || key == 0xFEFF)
		return false;
	if (key > 0x10FFFF || (key >= 0xD800 && key <= 0xDFFF))
		return false;
	return iswprint((wint_t)key) || ui_edit_is_mark((wchar_t)key);
}

static int col_width(wchar_t c)
{
	int w = wcwidth(c);

	return w < 0 ? 1 : w;
}

void ui_edit_init(struct ui_edit *ed, size_t max, unsigned flags)
{
	memset(ed, 0, sizeof *ed);
	ed->max = max;
	ed->flags = flags;
}

void ui_edit_free(struct ui_edit *ed)
{
	free(ed->buf);
	ed->buf = NULL;
	ed->len = ed->cap = ed->cur = 0;
}

static int reserve(struct ui_edit *ed, size_t n)
{
	bool first = !ed->buf;

	if (n + 1 <= ed->cap)
		return 0;
	if (mem_grow(&ed->buf, &ed->cap, n + 1, sizeof *ed->buf, 32))
		return -1;
	if (first)
		ed->buf[0] = 0; /* keep buf[len] == 0 from the first allocation on */
	return 0;
}

int ui_edit_set(struct ui_edit *ed, const char *utf8)
{
	unsigned keep = ed->flags & UI_EDIT_LINES ? TEXT_KEEP_NEWLINES : 0;
	char *v = text_visible(utf8 ? utf8 : "", keep);
	mbstate_t st;
	const char *p = v;

	if (!v)
		return -1;
	memset(&st, 0, sizeof st);
	size_t n = mbsrtowcs(NULL, &p, 0, &st);
	if (n == (size_t)-1 || reserve(ed, n)) {
		free(v);
		return -1;
	}
	p = v;
	memset(&st, 0, sizeof st);
	mbsrtowcs(ed->buf, &p, n + 1, &st);
	ed->buf[n] = 0;
	ed->len = ed->cur = n;
	ed->scroll = 0;
	free(v);
	return 0;
}

char *ui_edit_get(const struct ui_edit *ed)
{
	const wchar_t *p = ed->buf ? ed->buf : L"";
	mbstate_t st;

	memset(&st, 0, sizeof st);
	size_t n = wcsrtombs(NULL, &p, 0, &st);
	if (n == (size_t)-1)
		return NULL;
	char *s = malloc(n + 1);
	if (!s)
		return NULL;
	p = ed->buf ? ed->buf : L"";
	memset(&st, 0, sizeof st);
	wcsrtombs(s, &p, n + 1, &st);
	s[n] = 0;
	return s;
}

size_t ui_edit_letters(const struct ui_edit *ed)
{
	size_t n = 0;

	for (size_t i = 0; i < ed->len; i++)
		n += !ui_edit_is_mark(ed->buf[i]);
	return n;
}

/* Start of the letter before index i. */
static size_t prev_letter(const struct ui_edit *ed, size_t i)
{
	while (i > 0 && ui_edit_is_mark(ed->buf[i - 1]))
		i--;
	return i > 0 ? i - 1 : 0;
}

/* End of the letter starting at index i. */
static size_t next_letter(const struct ui_edit *ed, size_t i)
{
	if (i < ed->len)
		i++;
	while (i < ed->len && ui_edit_is_mark(ed->buf[i]))
		i++;
	return i;
}

static void cut(struct ui_edit *ed, size_t from, size_t to)
{
	if (to <= from)
		return;
	memmove(ed->buf + from, ed->buf + to, (ed->len - to + 1) * sizeof *ed->buf);
	ed->len -= to - from;
	if (ed->cur >= to)
		ed->cur -= to - from;
	else if (ed->cur > from)
		ed->cur = from;
}

static bool allowed(const struct ui_edit *ed, int key)
{
	if (!ui_edit_typable(key))
		return false;
	if (ed->flags & UI_EDIT_DIGITS)
		return key >= '0' && key <= '9';
	if (ed->flags & UI_EDIT_DATE)
		return (key >= '0' && key <= '9') || key == '/' || key == '-' || key == '.';
	return true;
}

static enum ui_edit_result insert(struct ui_edit *ed, wchar_t c)
{
	bool mark = ui_edit_is_mark(c);

	if ((!mark && ui_edit_letters(ed) >= ed->max) || reserve(ed, ed->len + 1))
		return UI_EDIT_IGNORED;
	/* A mark joins the letter before the cursor: the cursor stays after it. */
	memmove(ed->buf + ed->cur + 1, ed->buf + ed->cur,
		(ed->len - ed->cur + 1) * sizeof *ed->buf);
	ed->buf[ed->cur++] = c;
	ed->len++;
	return UI_EDIT_CHANGED;
}

enum ui_edit_result ui_edit_newline(struct ui_edit *ed)
{
	return ed->flags & UI_EDIT_LINES ? insert(ed, L'\n') : UI_EDIT_IGNORED;
}

static size_t word_start(const struct ui_edit *ed, size_t i)
{
	while (i > 0 && iswspace((wint_t)ed->buf[i - 1]))
		i--;
	while (i > 0 && !iswspace((wint_t)ed->buf[i - 1]))
		i--;
	return i;
}

enum ui_edit_result ui_edit_key(struct ui_edit *ed, int key)
{
	size_t before = ed->len;

	if (allowed(ed, key))
		return insert(ed, (wchar_t)key);
	switch (key) {
	case UI_KEY(KEY_BACKSPACE): case 127: case UI_CTRL('h'):
		cut(ed, prev_letter(ed, ed->cur), ed->cur);
		break;
	case UI_KEY(KEY_DC): case UI_CTRL('d'):
		cut(ed, ed->cur, next_letter(ed, ed->cur));
		break;
	case UI_CTRL('u'):
		cut(ed, 0, ed->cur);
		break;
	case UI_CTRL('k'):
		cut(ed, ed->cur, ed->len);
		break;
	case UI_CTRL('w'):
		cut(ed, word_start(ed, ed->cur), ed->cur);
		break;
	case UI_KEY(KEY_LEFT): case UI_CTRL('b'):
		ed->cur = prev_letter(ed, ed->cur);
		return UI_EDIT_MOVED;
	case UI_KEY(KEY_RIGHT): case UI_CTRL('f'):
		ed->cur = next_letter(ed, ed->cur);
		return UI_EDIT_MOVED;
	case UI_KEY(KEY_HOME): case UI_CTRL('a'):
		ed->cur = 0;
		return UI_EDIT_MOVED;
	case UI_KEY(KEY_END): case UI_CTRL('e'):
		ed->cur = ed->len;
		return UI_EDIT_MOVED;
	default:
		return UI_EDIT_IGNORED;
	}
	return ed->len != before ? UI_EDIT_CHANGED : UI_EDIT_MOVED;
}

void ui_edit_draw(struct ui_edit *ed, int y, int x, int width, int attr, int *cursor_x)
{
	int ccol = 0;

	for (size_t i = 0; i < ed->cur; i++)
		ccol += col_width(ed->buf[i]);
	if (ccol < ed->scroll)
		ed->scroll = ccol;
	if (ccol >= ed->scroll + width)
		ed->scroll = ccol - width + 1;
	attron(attr);
	mvhline(y, x, ' ', width);
	int col = 0, out = 0;
	size_t i = 0;
	for (; i < ed->len && col < ed->scroll; i++)
		col += col_width(ed->buf[i]);
	/* Never start on a mark: it belongs to a letter scrolled away. */
	while (i < ed->len && ui_edit_is_mark(ed->buf[i]))
		i++;
	size_t start = i;
	for (; i < ed->len; i++) {
		int w = col_width(ed->buf[i]);
		if (out + w > width - (col - ed->scroll > 0 ? col - ed->scroll : 0))
			break;
		out += w;
	}
	if (i > start)
		mvaddnwstr(y, x + (col > ed->scroll ? col - ed->scroll : 0), ed->buf + start,
			   (int)(i - start));
	attroff(attr);
	if (cursor_x)
		*cursor_x = x + ccol - ed->scroll;
}
