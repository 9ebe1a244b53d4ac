/* draw.c - putting text on the screen safely; see ui/draw.h. */
#include "ui/draw.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* ASCII only (the session's fallback setting); the mark of a cut text follows it. */
static bool ascii_only;
static const char *ellipsis = "…";

void ui_draw_set_ascii(bool ascii)
{
	ascii_only = ascii;
	ellipsis = ascii ? "~" : "…";
}

const char *ui_draw_sym(enum ui_sym s)
{
	static const char *const utf8[UI_SYM_COUNT_] = {
		[UI_SYM_MET] = "✓", [UI_SYM_SHORT] = "✗", [UI_SYM_OPEN] = "…",
		[UI_SYM_NONE] = "·", [UI_SYM_MARK] = "▸", [UI_SYM_UP] = "↑",
		[UI_SYM_DOWN] = "↓", [UI_SYM_LEFT] = "←", [UI_SYM_RIGHT] = "→",
		[UI_SYM_SEP] = "│", [UI_SYM_DASH] = "—",
	};
	static const char *const ascii[UI_SYM_COUNT_] = {
		[UI_SYM_MET] = "+", [UI_SYM_SHORT] = "x", [UI_SYM_OPEN] = ".",
		[UI_SYM_NONE] = " ", [UI_SYM_MARK] = ">", [UI_SYM_UP] = "Up",
		/* Left and right also stand between words ("before -> after"). */
		[UI_SYM_DOWN] = "Down", [UI_SYM_LEFT] = "<-", [UI_SYM_RIGHT] = "->",
		[UI_SYM_SEP] = "|", [UI_SYM_DASH] = "-",
	};

	if (s < 0 || s >= UI_SYM_COUNT_)
		return "";
	return ascii_only ? ascii[s] : utf8[s];
}

int ui_draw_text(int y, int x, int width, int attr, const char *s)
{
	char *v;
	int used = 0;

	if (width <= 0 || !s || !*s || y < 0 || y >= LINES || x >= COLS)
		return 0;
	if (x + width > COLS)
		width = COLS - x;
	if (!(v = text_visible(s, 0)))
		return 0;
	size_t n = text_fit(v, width, &used);
	attron(attr);
	if (v[n] && width > 1) {
		/* Cut short: end with an ellipsis so nobody takes it for the whole text. */
		n = text_fit(v, width - 1, &used);
		mvaddnstr(y, x, v, (int)n);
		mvaddstr(y, x + used, ellipsis);
		used++;
	} else {
		mvaddnstr(y, x, v, (int)n);
	}
	attroff(attr);
	free(v);
	return used;
}

void ui_draw_fill(int y, int x, int width, int attr)
{
	if (width <= 0 || y < 0 || y >= LINES || x >= COLS)
		return;
	if (x + width > COLS)
		width = COLS - x;
	attron(attr);
	mvhline(y, x, ' ', width);
	attroff(attr);
}

int ui_draw_text_keep(int y, int x, int width, int attr, const char *s, size_t keep)
{
	int tail, used;
	char *head;
	size_t n;

	if (!s || keep >= strlen(s) || text_width(s) <= width)
		return ui_draw_text(y, x, width, attr, s);
	tail = text_width(s + keep);
	/* one column of the start at least, the ellipsis, then the tail */
	if (tail + 2 > width || !(head = strndup(s, keep)))
		return ui_draw_text(y, x, width, attr, s);
	n = text_fit(head, width - tail - 1, NULL);
	while (n && head[n - 1] == ' ') /* "hiệp…", not "hiệp …" */
		n--;
	head[n] = '\0';
	used = ui_draw_text(y, x, width - tail - 1, attr, head);
	free(head);
	used += ui_draw_text(y, x + used, 1, attr, ellipsis);
	return used + ui_draw_text(y, x + used, tail, attr, s + keep);
}

void ui_draw_cell(int y, int x, int width, int attr, const char *s)
{
	int used = ui_draw_text(y, x, width, attr, s);

	ui_draw_fill(y, x + used, width - used, attr);
}

void ui_draw_right(int y, int x, int width, int attr, const char *s)
{
	int w = text_width(s);

	if (w >= width)
		ui_draw_text(y, x, width, attr, s);
	else
		ui_draw_text(y, x + width - w, w, attr, s);
}

/* Bytes of the UTF-8 character at s. */
static size_t char_len(const char *s)
{
	size_t n = 1;

	while (s[n] && ((unsigned char)s[n] & 0xC0) == 0x80)
		n++;
	return n;
}

/* Bytes of the next line of `s` in `width` columns; *skip: bytes to drop after it. */
static size_t wrap_line(const char *s, int width, size_t *skip)
{
	size_t nl = strcspn(s, "\n");
	size_t fit = text_fit(s, width, NULL);

	*skip = 0;
	if (nl <= fit) {
		*skip = s[nl] == '\n';
		return nl;
	}
	if (fit == 0) /* a character wider than the line: take it anyway */
		fit = *s ? char_len(s) : 0;
	for (size_t i = fit; i > 0; i--)
		if (s[i] == ' ') {
			*skip = 1;
			return i;
		}
	return fit;
}

int ui_draw_split(const char *s, int width, char ***out)
{
	char *v = text_visible(s ? s : "", TEXT_KEEP_NEWLINES);
	char **lines = NULL;
	int n = 0;

	*out = NULL;
	if (!v)
		return -1;
	for (const char *p = v; n == 0 || *p;) {
		size_t skip, len = wrap_line(p, width < 1 ? 1 : width, &skip);
		char **grown = realloc(lines, (size_t)(n + 1) * sizeof *lines);
		if (!grown || !(grown[n] = strndup(p, len))) {
			lines = grown ? grown : lines;
			ui_draw_free_lines(lines, n);
			free(v);
			return -1;
		}
		lines = grown;
		n++;
		p += len + skip;
	}
	free(v);
	*out = lines;
	return n;
}

void ui_draw_free_lines(char **lines, int n)
{
	for (int i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

int ui_draw_wrap(int y, int x, int width, int max_lines, int attr, const char *s)
{
	char **lines;
	int n = ui_draw_split(s, width, &lines);

	for (int i = 0; i < n && i < max_lines; i++)
		ui_draw_text(y + i, x, width, attr, lines[i]);
	ui_draw_free_lines(lines, n);
	return n < 0 ? 0 : n;
}

void ui_draw_box(int y, int x, int h, int w)
{
	for (int i = 0; i < h; i++)
		ui_draw_fill(y + i, x, w, A_NORMAL);
	if (ascii_only) {
		mvhline(y, x + 1, '-', w - 2);
		mvhline(y + h - 1, x + 1, '-', w - 2);
		mvvline(y + 1, x, '|', h - 2);
		mvvline(y + 1, x + w - 1, '|', h - 2);
		mvaddch(y, x, '+');
		mvaddch(y, x + w - 1, '+');
		mvaddch(y + h - 1, x, '+');
		mvaddch(y + h - 1, x + w - 1, '+');
		return;
	}
	mvhline_set(y, x + 1, WACS_HLINE, w - 2);
	mvhline_set(y + h - 1, x + 1, WACS_HLINE, w - 2);
	mvvline_set(y + 1, x, WACS_VLINE, h - 2);
	mvvline_set(y + 1, x + w - 1, WACS_VLINE, h - 2);
	mvadd_wch(y, x, WACS_ULCORNER);
	mvadd_wch(y, x + w - 1, WACS_URCORNER);
	mvadd_wch(y + h - 1, x, WACS_LLCORNER);
	mvadd_wch(y + h - 1, x + w - 1, WACS_LRCORNER);
}
