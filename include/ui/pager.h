/*
 * ui/pager.h - a scrolling page of wrapped text (help, exemplar detail,
 * audit entries).  Lines are wrapped when added, for the width given; a
 * screen rebuilds its page when the width changes.
 */
#ifndef DIENHINH_UI_PAGER_H
#define DIENHINH_UI_PAGER_H

#include <stdbool.h>
#include <stddef.h>

/* One screen line: its indent, attribute and (visible, fitted) text. */
struct ui_pager_line {
	int indent;
	int attr;
	char *text;
};

/* Invariant: top < n or n == 0. */
struct ui_pager {
	struct ui_pager_line *v;
	size_t n, cap;
	size_t top;
	int width;       /* the width the lines were wrapped for */
};

void ui_pager_init(struct ui_pager *p, int width);
/* Drop every line (keeping the scroll position), wrapping new ones for `width`. */
void ui_pager_clear(struct ui_pager *p, int width);
void ui_pager_free(struct ui_pager *p);

/* Add `text` wrapped at the pager's width after `indent` columns; 0 or -1 (no memory). */
int ui_pager_text(struct ui_pager *p, int indent, int attr, const char *text);
/* Add "label  value": the label in `label_w` columns, the value wrapped beside it. */
int ui_pager_pair(struct ui_pager *p, int label_w, int attr, const char *label,
		  const char *value);
/* An empty line. */
int ui_pager_blank(struct ui_pager *p);

/* Scrolling keys (arrows, j/k, PgUp/PgDn, space, Home/End); true if the key was one. */
bool ui_pager_key(struct ui_pager *p, int key, int height);

/* Draw `height` lines from (y, x), starting at the scroll position. */
void ui_pager_draw(struct ui_pager *p, int y, int x, int height);

#endif
