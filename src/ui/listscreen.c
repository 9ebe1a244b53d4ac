/* listscreen.c - the skeleton of the list and page screens; see ui/listscreen.h. */
#include "ui/listscreen.h"

#include <curses.h>
#include <string.h>

#include "i18n.h"
#include "ui/draw.h"

int ui_listscreen_height(const struct ui_listscreen *ls)
{
	int h = LINES - ls->c->top - ls->c->foot - 2;

	return h > 0 ? h : 1;
}

void ui_listscreen_init(struct ui_listscreen *ls, const struct ui_listscreen_class *c,
			struct ui *ui, void *ctx)
{
	memset(ls, 0, sizeof *ls);
	ls->c = c;
	ls->ui = ui;
	ls->ctx = ctx;
	ls->title = c->help.title ? _(c->help.title) : "";
	ls->arr = (struct ui_list_array){ 0, c->skip, ctx };
	struct ui_list_source src = { ui_list_array_fetch, NULL, &ls->arr };
	if (c->fetch)
		src = (struct ui_list_source){ c->fetch, c->free_item, ctx };
	ui_list_init(&ls->list, &src, ui_listscreen_height(ls));
	/* Width 0 matches no window: the first frame fills the page. */
	ui_pager_init(&ls->page, 0);
}

static void refill(struct ui_listscreen *ls)
{
	ui_pager_clear(&ls->page, COLS - 2);
	ls->c->fill(ls);
}

int ui_listscreen_reload(struct ui_listscreen *ls, bool home)
{
	struct err e;
	int rc = ls->c->load ? ls->c->load(ls, &e) : 0;

	ls->loaded = true;
	if (ls->c->paged) {
		if (home)
			ls->page.top = 0;
		refill(ls);
	} else if (!rc) {
		rc = home ? ui_list_home(&ls->list, &e) : ui_list_reload(&ls->list, &e);
	}
	if (rc)
		ui_term_say(ls->ui, true, "%s", e.msg);
	return rc;
}

static void reload(struct ui *ui, void *p)
{
	(void)ui;
	ui_listscreen_reload(p, false);
}

static void draw_rows(struct ui_listscreen *ls)
{
	struct ui *ui = ls->ui;
	const struct ui_rows *r = &ls->list.rows;
	int height = ui_listscreen_height(ls);
	struct err e;

	if (height != ls->list.height && ui_list_resize(&ls->list, height, &e))
		ui_term_say(ui, true, "%s", e.msg);
	for (size_t i = 0; i < r->n; i++) {
		int y = ls->c->top + (int)i;
		if (i == ls->list.sel && !r->v[i].skip) {
			ui_draw_text(y, 0, 1, A_NORMAL, ui_draw_sym(UI_SYM_MARK));
			ui_term_cursor(ui, y, 0);
		}
		ls->c->draw_row(ls, &r->v[i], y);
	}
	if (!r->n && ls->c->empty)
		ui_draw_text(ls->c->top, 2, COLS - 4, ui_term_attr(ui, UI_A_DIM), _(ls->c->empty));
}

static void draw(struct ui *ui, void *p)
{
	struct ui_listscreen *ls = p;

	if (ls->c->paged && ls->page.width != COLS - 2)
		refill(ls);
	ui_term_title(ui, ls->title);
	if (ls->c->paged)
		ui_pager_draw(&ls->page, ls->c->top, 1, ui_listscreen_height(ls));
	else
		draw_rows(ls);
	if (ls->c->draw)
		ls->c->draw(ls);
	ui_term_message(ui);
	ui_action_hints(ui, ls->c->help.actions, ls->c->help.n, ls->c->enabled, ls->ctx);
}

/* The moving keys of rows (arrows, j/k, PgUp/PgDn, Home/End, g/G); true when `key` was one. */
static bool move_key(struct ui_listscreen *ls, int key)
{
	struct ui_list *l = &ls->list;
	struct err e;
	int rc;

	switch (key) {
	case UI_KEY(KEY_DOWN): case 'j': rc = ui_list_move(l, 1, &e); break;
	case UI_KEY(KEY_UP): case 'k': rc = ui_list_move(l, -1, &e); break;
	case UI_KEY(KEY_NPAGE): rc = ui_list_move(l, l->height, &e); break;
	case UI_KEY(KEY_PPAGE): rc = ui_list_move(l, -l->height, &e); break;
	case UI_KEY(KEY_HOME): case 'g': rc = ui_list_home(l, &e); break;
	case UI_KEY(KEY_END): case 'G': rc = ui_list_end(l, &e); break;
	default: return false;
	}
	if (rc)
		ui_term_say(ls->ui, true, "%s", e.msg);
	return true;
}

static int handle(void *p, int key)
{
	struct ui_listscreen *ls = p;
	const struct ui_listscreen_class *c = ls->c;
	int r;

	ls->key = key;
	if (c->key && (r = c->key(ls, key)) >= 0)
		return r;
	if (c->paged ? ui_pager_key(&ls->page, key, ui_listscreen_height(ls)) : move_key(ls, key))
		return UI_DONE;
	const struct ui_action *a = ui_action_find(ls->ui, c->help.actions, c->help.n, key);
	if (!a)
		return UI_DONE;
	switch (a->id) {
	case UI_ACTION_BACK:
		return UI_CLOSE;
	case UI_ACTION_HELP:
		return ui_action_result(ui_listscreen_help(ls->ui, &c->help, 1));
	default:
		return c->act ? c->act(ls, a) : UI_DONE;
	}
}

int ui_listscreen_run(struct ui_listscreen *ls)
{
	int rc;

	if (!ls->loaded)
		ui_listscreen_reload(ls, true);
	ui_term_push(ls->ui, draw, reload, ls, true);
	rc = ui_action_run(ls->ui, handle, ls);
	ui_term_pop(ls->ui, ls);
	ui_list_free(&ls->list);
	ui_pager_free(&ls->page);
	return rc;
}

size_t ui_listscreen_index(const struct ui_listscreen *ls)
{
	const struct ui_row *row = ui_list_selected(&ls->list);

	return row ? ui_list_index(row) : SIZE_MAX;
}

int ui_listscreen_select(struct ui_listscreen *ls, size_t i)
{
	uint8_t key[8];
	struct err e;

	ui_list_index_key(i, key);
	if (ui_list_goto(&ls->list, key, sizeof key, &e)) {
		ui_term_say(ls->ui, true, "%s", e.msg);
		return -1;
	}
	return 0;
}

/* ---- pages as screens ------------------------------------------------------------ */

/* Only the hint bar shows these: a page is no screen of the help. */
static const struct ui_action page_actions[] = {
	{ UI_ACTION_MOVE,
	  { UI_KEY(KEY_DOWN), UI_KEY(KEY_UP), UI_KEY(KEY_NPAGE), UI_KEY(KEY_PPAGE) }, N_("Scroll"), NULL, 0 },
	{ UI_ACTION_BACK, { 'q', 'h', UI_KEY(KEY_LEFT), '\r', UI_KEY(KEY_F(10)), 27 }, N_("Back"),
	  NULL, 0 },
};

struct page {
	void (*fill)(struct ui *ui, struct ui_pager *p, void *ctx);
	void *ctx;
	const struct ui_listscreen *ls;
};

static void page_fill(struct ui_listscreen *ls)
{
	const struct page *pg = ls->ctx;

	pg->fill(ls->ui, &ls->page, pg->ctx);
}

/* Scrolling is offered only when the page is longer than the window. */
static bool page_enabled(int id, void *ctx)
{
	const struct page *pg = ctx;

	return id != UI_ACTION_MOVE || pg->ls->page.n > (size_t)ui_listscreen_height(pg->ls);
}

static const struct ui_listscreen_class page_screen = {
	.help = { NULL, NULL, page_actions, sizeof page_actions / sizeof page_actions[0] },
	.top = 2, .paged = true, .fill = page_fill, .enabled = page_enabled,
};

int ui_listscreen_page(struct ui *ui, const char *title,
		       void (*fill)(struct ui *ui, struct ui_pager *p, void *ctx), void *ctx)
{
	struct ui_listscreen ls;
	struct page pg = { fill, ctx, &ls };

	ui_listscreen_init(&ls, &page_screen, ui, &pg);
	ls.title = title;
	return ui_listscreen_run(&ls);
}

#define KEYS_W 20 /* columns for the keys of an action */

/* The sections to show. */
struct help {
	const struct ui_help_section *s;
	size_t n;
};

static void help_fill(struct ui *ui, struct ui_pager *p, void *ctx)
{
	const struct help *h = ctx;

	for (size_t i = 0; i < h->n; i++) {
		const struct ui_help_section *s = &h->s[i];
		if (i)
			ui_pager_blank(p);
		ui_pager_text(p, 0, ui_term_attr(ui, UI_A_HEAD), _(s->title));
		if (s->text)
			ui_pager_text(p, 2, A_NORMAL, _(s->text));
		for (size_t k = 0; k < s->n; k++) {
			const struct ui_action *a = &s->actions[k];
			char keys[96];
			if (!ui_action_allowed(ui, a))
				continue;
			ui_action_keys(a, keys, sizeof keys);
			ui_pager_pair(p, KEYS_W, A_NORMAL, keys, _(a->help));
		}
	}
}

int ui_listscreen_help(struct ui *ui, const struct ui_help_section *s, size_t n)
{
	struct help h = { s, n };

	return ui_listscreen_page(ui, _("Help"), help_fill, &h);
}
