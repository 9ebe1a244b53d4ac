/* list.c - the windowed list; see ui/list.h. */
#include "ui/list.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "mem.h"

int ui_rows_add(struct ui_rows *r, const uint8_t *key, size_t key_len, void *item,
		bool skip, void (*free_item)(void *))
{
	uint8_t *k = malloc(key_len ? key_len : 1);

	if (k && r->n == r->cap && mem_grow(&r->v, &r->cap, r->n + 1, sizeof *r->v, 16)) {
		free(k);
		k = NULL;
	}
	if (!k) {
		if (free_item && item)
			free_item(item);
		return -1;
	}
	memcpy(k, key, key_len);
	r->v[r->n++] = (struct ui_row){ k, key_len, item, skip };
	return 0;
}

static void row_free(const struct ui_list *l, struct ui_row *row)
{
	free(row->key);
	if (l->src.free_item && row->item)
		l->src.free_item(row->item);
}

static void rows_clear(const struct ui_list *l, struct ui_rows *r)
{
	for (size_t i = 0; i < r->n; i++)
		row_free(l, &r->v[i]);
	r->n = 0;
}

static void rows_free(const struct ui_list *l, struct ui_rows *r)
{
	rows_clear(l, r);
	free(r->v);
	r->v = NULL;
	r->cap = 0;
}

void ui_list_init(struct ui_list *l, const struct ui_list_source *src, int height)
{
	memset(l, 0, sizeof *l);
	l->src = *src;
	l->height = height > 0 ? height : 1;
}

void ui_list_free(struct ui_list *l)
{
	rows_free(l, &l->rows);
}

static int fetch(struct ui_list *l, const struct ui_row *from, bool backward, size_t max,
		 struct ui_rows *out, struct err *e)
{
	out->n = 0;
	if (max == 0)
		return 0;
	if (l->src.fetch(l->src.ctx, from ? from->key : NULL, from ? from->key_len : 0, backward,
			 max, out, e)) {
		rows_clear(l, out);
		return -1;
	}
	return 0;
}

/* Make room for `extra` more rows in the window's array. */
static int reserve(struct ui_rows *r, size_t extra, struct err *e)
{
	if (r->n + extra <= r->cap)
		return 0;
	size_t cap = r->n + extra;
	struct ui_row *v = realloc(r->v, cap * sizeof *v);
	if (!v)
		return err_nomem(e);
	r->v = v;
	r->cap = cap;
	return 0;
}

/* Put the selection on a selectable row, looking in direction `dir` first. */
static void fix_sel(struct ui_list *l, int dir)
{
	struct ui_rows *r = &l->rows;

	if (r->n == 0) {
		l->sel = 0;
		return;
	}
	if (l->sel >= r->n)
		l->sel = r->n - 1;
	for (int pass = 0; pass < 2; pass++, dir = -dir) {
		for (size_t i = l->sel;; i += (size_t)(ptrdiff_t)dir) {
			if (!r->v[i].skip) {
				l->sel = i;
				return;
			}
			if ((dir > 0 && i + 1 >= r->n) || (dir < 0 && i == 0))
				break;
		}
	}
}

/* Fetch up to m rows after the last one; drop as many from the top. */
static int shift_forward(struct ui_list *l, size_t m, size_t *added, struct err *e)
{
	struct ui_rows *r = &l->rows, got = { 0 };
	const struct ui_row *last = r->n ? &r->v[r->n - 1] : NULL;

	*added = 0;
	if (fetch(l, last, false, m, &got, e) || reserve(r, got.n, e)) {
		rows_free(l, &got);
		return -1;
	}
	if (got.n)
		memcpy(r->v + r->n, got.v, got.n * sizeof *got.v);
	r->n += got.n;
	*added = got.n;
	free(got.v);
	size_t drop = r->n > (size_t)l->height ? r->n - (size_t)l->height : 0;
	for (size_t i = 0; i < drop; i++)
		row_free(l, &r->v[i]);
	if (drop)
		memmove(r->v, r->v + drop, (r->n - drop) * sizeof *r->v);
	r->n -= drop;
	l->sel = l->sel >= drop ? l->sel - drop : 0;
	return 0;
}

/* Fetch up to m rows before the first one; drop as many from the bottom. */
static int shift_backward(struct ui_list *l, size_t m, size_t *added, struct err *e)
{
	struct ui_rows *r = &l->rows, got = { 0 };
	const struct ui_row *first = r->n ? &r->v[0] : NULL;

	*added = 0;
	if (fetch(l, first, true, m, &got, e) || reserve(r, got.n, e)) {
		rows_free(l, &got);
		return -1;
	}
	if (got.n && r->n)
		memmove(r->v + got.n, r->v, r->n * sizeof *r->v);
	for (size_t i = 0; i < got.n; i++)
		r->v[got.n - 1 - i] = got.v[i];
	r->n += got.n;
	*added = got.n;
	free(got.v);
	while (r->n > (size_t)l->height)
		row_free(l, &r->v[--r->n]);
	l->sel += got.n;
	return 0;
}

int ui_list_home(struct ui_list *l, struct err *e)
{
	size_t added;

	rows_clear(l, &l->rows);
	l->sel = 0;
	if (shift_forward(l, (size_t)l->height, &added, e))
		return -1;
	fix_sel(l, 1);
	return 0;
}

int ui_list_end(struct ui_list *l, struct err *e)
{
	size_t added;

	rows_clear(l, &l->rows);
	l->sel = 0;
	if (shift_backward(l, (size_t)l->height, &added, e))
		return -1;
	l->sel = l->rows.n ? l->rows.n - 1 : 0;
	fix_sel(l, -1);
	return 0;
}

/* The next selectable index from sel in direction dir, or -1. */
static long next_in_window(const struct ui_list *l, int dir)
{
	for (long i = (long)l->sel + dir; i >= 0 && i < (long)l->rows.n; i += dir)
		if (!l->rows.v[i].skip)
			return i;
	return -1;
}

static int page(struct ui_list *l, int dir, struct err *e)
{
	size_t pos = l->sel, added;

	if ((dir > 0 ? shift_forward : shift_backward)(l, (size_t)l->height, &added, e))
		return -1;
	if (added == 0)
		l->sel = dir > 0 ? (l->rows.n ? l->rows.n - 1 : 0) : 0;
	else
		l->sel = pos;
	fix_sel(l, dir);
	return 0;
}

int ui_list_move(struct ui_list *l, int delta, struct err *e)
{
	int dir = delta > 0 ? 1 : -1;
	int steps = delta > 0 ? delta : -delta;

	if (steps >= l->height && l->rows.n)
		return page(l, dir, e);
	while (steps > 0) {
		long i = next_in_window(l, dir);
		if (i >= 0) {
			l->sel = (size_t)i;
			steps--;
			continue;
		}
		size_t added;
		if ((dir > 0 ? shift_forward : shift_backward)(l, 1, &added, e))
			return -1;
		if (added == 0)
			break;
	}
	fix_sel(l, dir);
	return 0;
}

int ui_list_reload(struct ui_list *l, struct err *e)
{
	return l->rows.n ? ui_list_goto(l, l->rows.v[l->sel].key, l->rows.v[l->sel].key_len, e)
			 : ui_list_home(l, e);
}

int ui_list_goto(struct ui_list *l, const uint8_t *key, size_t key_len, struct err *e)
{
	size_t pos = l->sel, added;
	uint8_t *target = malloc(key_len ? key_len : 1);
	int rc = -1;

	/* `key` may be a row of this window (a reload), which is freed below. */
	if (!target)
		return err_nomem(e);
	memcpy(target, key, key_len);
	/* The window: the row before the target, then the target and what follows. */
	struct ui_row at = { target, key_len, NULL, false };
	struct ui_rows before = { 0 };
	if (fetch(l, &at, true, 1, &before, e))
		goto out;
	rows_clear(l, &l->rows);
	if (before.n) {
		if (reserve(&l->rows, 1, e)) {
			rows_free(l, &before);
			goto out;
		}
		l->rows.v[0] = before.v[0];
		l->rows.n = 1;
		before.n = 0;
	}
	rows_free(l, &before);
	bool helper = l->rows.n == 1;
	int height = l->height;
	l->height = height + helper;
	rc = shift_forward(l, (size_t)height, &added, e);
	l->height = height;
	if (rc)
		goto out;
	if (helper) { /* drop the row before the target again */
		row_free(l, &l->rows.v[0]);
		memmove(l->rows.v, l->rows.v + 1, (l->rows.n - 1) * sizeof *l->rows.v);
		l->rows.n--;
	}
	/* Keep the selection where it was on screen, and the window full. */
	size_t want = pos < (size_t)height ? pos : 0;
	if (l->rows.n < (size_t)height && want < (size_t)height - l->rows.n)
		want = (size_t)height - l->rows.n;
	l->sel = 0;
	rc = shift_backward(l, want, &added, e);
	if (!rc)
		l->sel = added;
	fix_sel(l, 1);
out:
	free(target);
	return rc;
}

int ui_list_resize(struct ui_list *l, int height, struct err *e)
{
	struct ui_rows *r = &l->rows;
	size_t added;

	if (height < 1)
		height = 1;
	l->height = height;
	if (r->n > (size_t)height) {
		/* Keep the selection visible: drop from the bottom, then from the top. */
		while (r->n > (size_t)height && r->n - 1 > l->sel)
			row_free(l, &r->v[--r->n]);
		size_t drop = r->n - (r->n > (size_t)height ? (size_t)height : r->n);
		for (size_t i = 0; i < drop; i++)
			row_free(l, &r->v[i]);
		if (drop)
			memmove(r->v, r->v + drop, (r->n - drop) * sizeof *r->v);
		r->n -= drop;
		l->sel -= drop;
		return 0;
	}
	if (!r->n)
		return ui_list_home(l, e);
	if (shift_forward(l, (size_t)height - r->n, &added, e))
		return -1;
	if (r->n < (size_t)height && shift_backward(l, (size_t)height - r->n, &added, e))
		return -1;
	return 0;
}

const struct ui_row *ui_list_selected(const struct ui_list *l)
{
	if (!l->rows.n || l->rows.v[l->sel].skip)
		return NULL;
	return &l->rows.v[l->sel];
}

/* ---- array sources ---------------------------------------------------------- */

void ui_list_index_key(size_t i, uint8_t key[8])
{
	for (int b = 7; b >= 0; b--, i >>= 8)
		key[b] = (uint8_t)i;
}

size_t ui_list_index(const struct ui_row *row)
{
	uint64_t i = 0;

	for (size_t b = 0; b < 8 && b < row->key_len; b++)
		i = i << 8 | row->key[b];
	return (size_t)i;
}

int ui_list_array_fetch(void *array, const uint8_t *from, size_t from_len, bool backward,
			size_t max, struct ui_rows *out, struct err *e)
{
	const struct ui_list_array *a = array;
	struct ui_row at = { (uint8_t *)from, from_len, NULL, false };
	long i, step = backward ? -1 : 1;

	if (from)
		i = (long)ui_list_index(&at) + step;
	else
		i = backward ? (long)a->n - 1 : 0;
	for (; i >= 0 && (size_t)i < a->n && out->n < max; i += step) {
		uint8_t k[8];
		ui_list_index_key((size_t)i, k);
		if (ui_rows_add(out, k, sizeof k, NULL, a->skip && a->skip((size_t)i, a->ctx),
				NULL))
			return err_nomem(e);
	}
	return 0;
}
