/* pager.c - a scrolling page of wrapped text; see ui/pager.h. */
#include "ui/pager.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "mem.h"
#include "text.h"
#include "ui/draw.h"
#include "ui/term.h"

void ui_pager_init(struct ui_pager *p, int width)
{
	memset(p, 0, sizeof *p);
	p->width = width;
}

void ui_pager_clear(struct ui_pager *p, int width)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->v[i].text);
	p->n = 0;
	p->width = width;
}

void ui_pager_free(struct ui_pager *p)
{
	ui_pager_clear(p, 0);
	free(p->v);
	p->v = NULL;
	p->cap = 0;
}

static int add_line(struct ui_pager *p, int indent, int attr, char *text)
{
	if (p->n == p->cap && mem_grow(&p->v, &p->cap, p->n + 1, sizeof *p->v, 64)) {
		free(text);
		return -1;
	}
	p->v[p->n++] = (struct ui_pager_line){ indent, attr, text };
	return 0;
}

int ui_pager_text(struct ui_pager *p, int indent, int attr, const char *text)
{
	char **lines;
	int n = ui_draw_split(text ? text : "", p->width - indent, &lines), rc = 0;

	if (n < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		if (!rc)
			rc = add_line(p, indent, attr, lines[i]);
		else
			free(lines[i]);
	}
	free(lines);
	return rc;
}

int ui_pager_pair(struct ui_pager *p, int label_w, int attr, const char *label,
		  const char *value)
{
	size_t first = p->n;
	char *l;

	if (ui_pager_text(p, label_w, attr, value && *value ? value : "") < 0)
		return -1;
	/* The label goes in front of the value's first line. */
	char *vis = text_visible(label, 0);
	int w = 0;
	if (!vis)
		return -1;
	size_t fit = text_fit(vis, label_w - 1, &w);
	size_t vl = strlen(p->v[first].text);
	l = malloc(fit + (size_t)(label_w - w) + vl + 1);
	if (!l) {
		free(vis);
		return -1;
	}
	memcpy(l, vis, fit);
	memset(l + fit, ' ', (size_t)(label_w - w));
	memcpy(l + fit + (size_t)(label_w - w), p->v[first].text, vl + 1);
	free(vis);
	free(p->v[first].text);
	p->v[first].text = l;
	p->v[first].indent = 0;
	return 0;
}

int ui_pager_blank(struct ui_pager *p)
{
	char *s = strdup("");

	return s ? add_line(p, 0, A_NORMAL, s) : -1;
}

bool ui_pager_key(struct ui_pager *p, int key, int height)
{
	size_t last = p->n > (size_t)height ? p->n - (size_t)height : 0;
	size_t page = height > 1 ? (size_t)height - 1 : 1;

	switch (key) {
	case UI_KEY(KEY_UP): case 'k':
		p->top = p->top ? p->top - 1 : 0;
		break;
	case UI_KEY(KEY_DOWN): case 'j':
		p->top = p->top < last ? p->top + 1 : last;
		break;
	case UI_KEY(KEY_PPAGE): case 'b':
		p->top = p->top > page ? p->top - page : 0;
		break;
	case UI_KEY(KEY_NPAGE): case ' ':
		p->top = p->top + page < last ? p->top + page : last;
		break;
	case UI_KEY(KEY_HOME): case 'g':
		p->top = 0;
		break;
	case UI_KEY(KEY_END): case 'G':
		p->top = last;
		break;
	default:
		return false;
	}
	return true;
}

void ui_pager_draw(struct ui_pager *p, int y, int x, int height)
{
	size_t last = p->n > (size_t)height ? p->n - (size_t)height : 0;

	if (p->top > last)
		p->top = last;
	for (int i = 0; i < height && p->top + (size_t)i < p->n; i++) {
		const struct ui_pager_line *l = &p->v[p->top + (size_t)i];
		ui_draw_text(y + i, x + l->indent, p->width - l->indent, l->attr, l->text);
	}
}
