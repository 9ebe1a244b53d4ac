/*
 * ui/list.h - a windowed list: it holds only the rows on screen.
 *
 * Rows come from a source that can walk forward or backward from a
 * position key (for exemplars, the list-index key of query_scan), so a
 * register of 100,000 records costs no more to show than one of twenty:
 * moving past the last visible row fetches one row after it, a page fetches
 * a page, Home and End start from either end.  Rows marked `skip` (group
 * headings) are shown but never selected.
 */
#ifndef DIENHINH_UI_LIST_H
#define DIENHINH_UI_LIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

/* One row: its position key and its item, both owned by the list. */
struct ui_row {
	uint8_t *key;
	size_t key_len;
	void *item;
	bool skip;
};

/* A growable run of rows, in the order a source returns them. */
struct ui_rows {
	struct ui_row *v;
	size_t n, cap;
};

/*
 * Append a row (the key is copied; the item is taken over, and freed with
 * free_item on failure).  0, or -1 when out of memory.
 */
int ui_rows_add(struct ui_rows *r, const uint8_t *key, size_t key_len, void *item,
		bool skip, void (*free_item)(void *));

/*
 * Where rows come from.  fetch() adds up to `max` rows strictly after
 * `from` (backward: strictly before it), nearest first; from == NULL means
 * from the start (backward: from the end).  0, or -1 with e set.
 */
struct ui_list_source {
	int (*fetch)(void *ctx, const uint8_t *from, size_t from_len, bool backward,
		     size_t max, struct ui_rows *out, struct err *e);
	void (*free_item)(void *item);
	void *ctx;
};

/*
 * The window.  Invariant: rows.n <= height; rows are consecutive in the
 * source's order; sel < rows.n and rows.v[sel] is not a skip row, unless no
 * row is selectable (then sel is 0).
 */
struct ui_list {
	struct ui_list_source src;
	struct ui_rows rows;
	size_t sel;
	int height;
};

void ui_list_init(struct ui_list *l, const struct ui_list_source *src, int height);
void ui_list_free(struct ui_list *l);

/* Start from the first row / the last row. */
int ui_list_home(struct ui_list *l, struct err *e);
int ui_list_end(struct ui_list *l, struct err *e);
/* Move the selection by `delta` rows (a page is +-height), scrolling as needed. */
int ui_list_move(struct ui_list *l, int delta, struct err *e);
/* A new height (terminal resized); keeps the first row and the selection. */
int ui_list_resize(struct ui_list *l, int height, struct err *e);
/* Read the rows again from the same place (data or filter changed). */
int ui_list_reload(struct ui_list *l, struct err *e);
/* Show and select the row with `key`, or the first row after it. */
int ui_list_goto(struct ui_list *l, const uint8_t *key, size_t key_len, struct err *e);

/* The selected row, or NULL when no row is selectable. */
const struct ui_row *ui_list_selected(const struct ui_list *l);

/*
 * A source over an array the screen owns: row i has the 8-byte big-endian
 * key i and no item; `skip` (may be NULL) marks headings.
 */
struct ui_list_array {
	size_t n;
	bool (*skip)(size_t i, void *ctx);
	void *ctx;
};
int ui_list_array_fetch(void *array, const uint8_t *from, size_t from_len, bool backward,
			size_t max, struct ui_rows *out, struct err *e);
/* The array index of a row of such a source, and the key of index i. */
size_t ui_list_index(const struct ui_row *row);
void ui_list_index_key(size_t i, uint8_t key[8]);

#endif
