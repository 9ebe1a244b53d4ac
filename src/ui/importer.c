/* importer.c - import from a file; see ui/importer.h. */
#include "ui/importer.h"

#include <curses.h>
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

#include "exchange.h"
#include "i18n.h"
#include "identity.h"
#include "importfile.h"
#include "mem.h"
#include "ui/action.h"
#include "ui/draw.h"
#include "ui/fmt.h"
#include "ui/prompt.h"
#include "ui/savefile.h"

#define MAX_FILES 2000   /* files listed from the home directory */
#define MAX_USES 64      /* columns whose use the person changed */
#define SAMPLES 3        /* records whose values the preview shows */

/* ---- the preview of one file ------------------------------------------------------- */

enum { A_CHANGE = UI_ACTION_OWN, A_CHECK, A_IMPORT };

static const struct ui_action preview_actions[] = {
	{ UI_ACTION_MOVE, { UI_KEY(KEY_DOWN), UI_KEY(KEY_UP), 'j', 'k' }, NULL,
	  N_("Move from column to column."), 0 },
	{ A_CHANGE, { '\r', 'c', UI_KEY(KEY_RIGHT) }, N_("Read as"),
	  N_("Choose what the column holds, or leave it out."), 0 },
	{ A_CHECK, { 'd' }, N_("Check"),
	  N_("Check every row as the import would, writing nothing, and list the problems."), 0 },
	{ A_IMPORT, { 'i' }, N_("Import"),
	  N_("Import the records, all or none, after a question."), 0 },
	{ UI_ACTION_HELP, { '?', UI_KEY(KEY_F(1)) }, N_("Help"),
	  N_("Show the keys of this screen."), 0 },
	{ UI_ACTION_BACK, { 'q', 'h', UI_KEY(KEY_LEFT), UI_KEY(KEY_F(10)), 27 }, N_("Back"),
	  N_("Back to the list of files."), 0 },
};

struct preview {
	struct ui *ui;
	char path[PATH_MAX];
	const char *name;            /* in path */
	struct importfile_use uses[MAX_USES];
	size_t n_uses;
	struct importfile f;         /* the file as it will be read */
	struct ui_listscreen ls;
};

static int preview_load(struct ui_listscreen *ls, struct err *e)
{
	struct preview *p = ls->ctx;

	importfile_free(&p->f);
	ls->arr.n = 0;
	if (importfile_read(p->path, NULL, sheet_exemplar_columns, SHEET_X_COUNT, p->uses,
			    p->n_uses, &p->f, e))
		return -1;
	ls->arr.n = p->f.lay.n_cols;
	return 0;
}

/* What column `use` reads into, in words. */
static const char *use_label(int use)
{
	if (use < 0)
		return _("(not read)");
	return sheet_exemplar_columns[use].code ? _(sheet_exemplar_columns[use].label)
						: _("(left out)");
}

static void preview_draw(struct ui_listscreen *ls)
{
	struct preview *p = ls->ctx;
	const struct layout *l = &p->f.lay;
	int head = ui_term_attr(ls->ui, UI_A_HEAD);
	size_t left = 0;
	char b[512];

	char rows[48];

	for (int w = 0; w < LAYOUT_WHY_COUNT; w++)
		left += l->skipped[w];
	if (l->header_rows > 1)
		snprintf(rows, sizeof rows, "%zu-%zu", l->header_row, l->header_row + 1);
	else
		snprintf(rows, sizeof rows, "%zu", l->header_row);
	if (p->f.sheet[0])
		snprintf(b, sizeof b, _("%s, sheet \"%s\": header on row %s, %zu records, %zu "
					"other rows left out."), p->name, p->f.sheet, rows,
			 l->n_records, left);
	else
		snprintf(b, sizeof b, _("%s: header on row %s, %zu records, %zu other rows left "
					"out."), p->name, rows, l->n_records, left);
	ui_draw_text(1, 1, COLS - 2, A_BOLD, b);
	if (!l->found)
		ui_draw_text(2, 1, COLS - 2, ui_term_attr(ls->ui, UI_A_ERROR),
			     _("No header with known column names was found; the first row is "
			       "taken as the header."));
	ui_draw_text(3, 2, 3, head, _("Col"));
	ui_draw_text(3, 6, 22, head, _("Header"));
	ui_draw_text(3, 29, 20, head, _("Read as"));
	ui_draw_text(3, 50, COLS - 51, head, _("First records"));
}

static void preview_row(struct ui_listscreen *ls, const struct ui_row *row, int y)
{
	struct preview *p = ls->ctx;
	size_t j = ui_list_index(row);
	const struct layout_column *c = &p->f.lay.cols[j];
	char letter[8], sample[512];
	size_t len = 0;

	csvio_column_name(j + 1, letter);
	ui_draw_text(y, 2, 3, A_NORMAL, letter);
	ui_draw_text(y, 6, 22, A_NORMAL, c->name);
	ui_draw_text(y, 29, 20, c->use < 0 ? ui_term_attr(ls->ui, UI_A_ERROR) : (int)A_NORMAL,
		     use_label(c->use));
	sample[0] = 0;
	for (size_t k = 0; k < p->f.lay.n_records && k < SAMPLES; k++) {
		const char *v = importfile_cell(&p->f, p->f.lay.records[k], j);
		int w = snprintf(sample + len, sizeof sample - len, "%s%s", k ? " | " : "", v);
		if (w < 0 || (size_t)w >= sizeof sample - len)
			break;
		len += (size_t)w;
	}
	for (char *s = sample; *s; s++)
		if (*s == '\n')
			*s = ' ';
	ui_draw_text(y, 50, COLS - 51, A_NORMAL, sample);
}

/* Column j is to be read as `use` from now on. */
static void set_use(struct preview *p, size_t j, int use)
{
	size_t k = 0;

	while (k < p->n_uses && p->uses[k].col != j + 1)
		k++;
	if (k == MAX_USES)
		return;
	p->uses[k] = (struct importfile_use){ j + 1, use };
	p->n_uses += k == p->n_uses;
}

static int change(struct preview *p)
{
	size_t j = ui_listscreen_index(&p->ls), chosen, initial = 0;
	const char *labels[SHEET_X_COUNT];
	int map[SHEET_X_COUNT], n = 0, rc;
	char title[200];

	if (j == SIZE_MAX)
		return 0;
	/* Everything a column can be read as, but what the program keeps itself. */
	for (int c = 0; c < SHEET_X_COUNT; c++) {
		if (c < FIELD_COUNT && field_kept(&field_table[c]))
			continue;
		if (c == p->f.lay.cols[j].use)
			initial = (size_t)n;
		labels[n] = use_label(c);
		map[n++] = c;
	}
	snprintf(title, sizeof title, _("Read column %s as"), p->f.lay.cols[j].name);
	rc = ui_prompt_pick(p->ui, title, labels, (size_t)n, initial, &chosen);
	if (rc == 1) {
		set_use(p, j, map[chosen]);
		ui_listscreen_reload(&p->ls, false);
	}
	return rc;
}

/* The answer of a check or an import, as a page. */
struct answer {
	const char *title;
	int rc;
	const struct exchange_result *res;
	const struct err *e;
	bool dry;
};

static void fill_answer(struct ui *ui, struct ui_pager *pg, void *ctx)
{
	const struct answer *a = ctx;
	char b[512];

	if (a->rc) {
		ui_pager_text(pg, 0, ui_term_attr(ui, UI_A_ERROR), a->e->msg);
	} else {
		snprintf(b, sizeof b, a->dry ? _("%zu exemplars would be added. Nothing was "
						 "written.")
					     : _("%zu exemplars were imported."), a->res->written);
		ui_pager_text(pg, 0, A_BOLD, b);
	}
	if (!a->rc && a->res->late) {
		snprintf(b, sizeof b, i18n_ntext("%zu of them is a late entry (dated in a closed "
						 "quarter).", "%zu of them are late entries (dated "
						 "in a closed quarter).", a->res->late),
			 a->res->late);
		ui_pager_text(pg, 0, A_NORMAL, b);
	}
	if (a->res->skipped) {
		snprintf(b, sizeof b, _("%zu exemplars already recorded were left out."),
			 a->res->skipped);
		ui_pager_text(pg, 0, A_NORMAL, b);
	}
	ui_pager_blank(pg);
	for (size_t i = 0; i < a->res->n_problems; i++)
		ui_pager_text(pg, 2, A_NORMAL, a->res->problems[i].text);
}

static void progress(void *arg, size_t done, size_t total)
{
	struct ui *ui = arg;

	ui_term_say(ui, false, _("Reading record %zu of %zu..."), done, total);
	ui_term_message(ui);
	doupdate();
}

/*
 * The reason for the file's late entries, asked only when the register's
 * check (a dry run, res) found rows that would be late and carry no reason
 * of their own: 1 with *reason set (NULL when there is no such row), or the
 * prompt's answer to give up.
 */
static int ask_reason(struct preview *p, const struct exchange_result *res, char **reason)
{
	char q[400];

	*reason = NULL;
	if (!res->late_unexplained)
		return 1;
	snprintf(q, sizeof q, i18n_ntext("%zu row is dated in a closed quarter (a late entry). "
					 "Reason for it, if any; Enter to go on:",
					 "%zu rows are dated in a closed quarter (late entries). "
					 "Reason for them, if any; Enter to go on:",
					 res->late_unexplained),
		 res->late_unexplained);
	return ui_prompt_line(p->ui, _("Import"), q, NULL, LINE_MAX_CHARS, reason);
}

/* Show the answer of a check or an import as a page. */
static int answer(struct preview *p, bool dry, int rc, const struct exchange_result *res,
		  const struct err *e)
{
	struct answer a = { dry ? _("Check") : _("Import"), rc, res, e, dry };

	ui_term_say(p->ui, rc != 0, "%s", rc ? e->msg : dry ? _("Checked: no problem.")
							    : _("Imported."));
	return ui_listscreen_page(p->ui, a.title, fill_answer, &a);
}

/*
 * Check the file (dry) or import it; the answer as a page.  An import is
 * checked first: a file the register refuses is answered at once, and the
 * reason for late entries is asked only when there are some.
 */
static int run(struct preview *p, bool dry)
{
	struct exchange_options o = { NULL, p->uses, p->n_uses, progress, p->ui, NULL };
	struct exchange_result res;
	struct err e = { 0 };
	char *reason = NULL, q[400];
	int rc;

	if (!dry) {
		snprintf(q, sizeof q, _("Import the %zu records of %s into the register?"),
			 p->f.lay.n_records, p->name);
		if ((rc = ui_prompt_yesno(p->ui, _("Import"), q)) != 1)
			return rc;
	}
	rc = exchange_import_with(p->ui->r, EXCHANGE_EXEMPLARS, p->path, &o, EXCHANGE_DRY_RUN,
				  &res, &e);
	if (!dry && rc == 0) {
		int asked = ask_reason(p, &res, &reason);
		exchange_result_free(&res);
		if (asked != 1)
			return asked;
		/* One reason for the whole file, kept only on its late rows. */
		o.reason = reason;
		rc = exchange_import_with(p->ui->r, EXCHANGE_EXEMPLARS, p->path, &o, 0, &res, &e);
		free(reason);
	}
	/* A refused import answers with the check's problems: nothing was written. */
	int shown = answer(p, dry, rc, &res, &e);
	exchange_result_free(&res);
	return shown;
}

static int preview_act(struct ui_listscreen *ls, const struct ui_action *a)
{
	struct preview *p = ls->ctx;

	switch (a->id) {
	case A_CHANGE:
		return ui_action_result(change(p));
	case A_CHECK:
		return ui_action_result(run(p, true));
	case A_IMPORT:
		return ui_action_result(run(p, false));
	}
	return UI_DONE;
}

static const struct ui_listscreen_class preview_screen = {
	.help = { N_("Import: the file's columns"), N_("Each column of the file: its header, "
		  "what it will be read as, and its values in the first records. Change what a "
		  "column is read as, or leave it out; check the file; then import it. Rows that "
		  "are not records (the title, headings, the total, signatures) are left out."),
		  preview_actions, sizeof preview_actions / sizeof preview_actions[0] },
	.top = 4, .load = preview_load, .draw = preview_draw, .draw_row = preview_row,
	.act = preview_act, .empty = N_("The file has no columns."),
};

static int preview_run(struct ui *ui, const char *dir, const char *name)
{
	struct preview *p = calloc(1, sizeof *p);
	int rc;

	if (!p) {
		ui_term_say(ui, true, "%s", _("Out of memory."));
		return 0;
	}
	p->ui = ui;
	if (strlen(dir) + strlen(name) + 2 > sizeof p->path) {
		free(p);
		ui_term_say(ui, true, "%s", _("The file's name is too long."));
		return 0;
	}
	strcpy(p->path, dir);
	strcat(p->path, "/");
	p->name = p->path + strlen(p->path);
	strcat(p->path, name);
	ui_listscreen_init(&p->ls, &preview_screen, ui, p);
	p->ls.title = _("Import from a file");
	rc = ui_listscreen_run(&p->ls);
	importfile_free(&p->f);
	free(p);
	return rc;
}

/* ---- the files in the home directory ----------------------------------------------- */

enum { A_OPEN = UI_ACTION_OWN };

static const struct ui_action file_actions[] = {
	{ UI_ACTION_MOVE, { UI_KEY(KEY_DOWN), UI_KEY(KEY_UP), 'j', 'k' }, NULL,
	  N_("Move (also PgUp, PgDn, Home, End)."), 0 },
	{ A_OPEN, { '\r', 'l', UI_KEY(KEY_RIGHT) }, N_("Open"),
	  N_("Show how the file will be read."), 0 },
	{ UI_ACTION_HELP, { '?', UI_KEY(KEY_F(1)) }, N_("Help"),
	  N_("Show the keys of this screen."), 0 },
	{ UI_ACTION_BACK, { 'q', 'h', UI_KEY(KEY_LEFT), UI_KEY(KEY_F(10)), 27 }, N_("Back"),
	  N_("Back to the menu."), 0 },
};

struct file {
	char *name;
	long long size;
	time_t mtime;
};

struct files {
	struct ui *ui;
	char dir[PATH_MAX];
	struct file *v;
	size_t n, cap;
	struct ui_listscreen ls;
};

static bool wanted(const char *name)
{
	const char *dot = strrchr(name, '.');

	return name[0] != '.' && dot && (!strcasecmp(dot, ".xlsx") || !strcasecmp(dot, ".xls") ||
					 !strcasecmp(dot, ".csv"));
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct file *)a)->name, ((const struct file *)b)->name);
}

static void drop_files(struct files *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i].name);
	s->n = 0;
}

/* The spreadsheets in the home directory, read with the person's own rights. */
static int scan(struct files *s, DIR *d, struct err *e)
{
	struct dirent *de;
	struct stat st;

	while ((de = readdir(d)) && s->n < MAX_FILES) {
		if (!wanted(de->d_name) || fstatat(dirfd(d), de->d_name, &st, 0) ||
		    !S_ISREG(st.st_mode))
			continue;
		if (mem_grow(&s->v, &s->cap, s->n + 1, sizeof *s->v, 32) ||
		    !(s->v[s->n].name = strdup(de->d_name)))
			return err_nomem(e);
		s->v[s->n].size = (long long)st.st_size;
		s->v[s->n++].mtime = st.st_mtime;
	}
	return 0;
}

static int files_load(struct ui_listscreen *ls, struct err *e)
{
	struct files *s = ls->ctx;
	DIR *d;
	int rc;

	drop_files(s);
	ls->arr.n = 0;
	if (ui_savefile_home(s->dir, sizeof s->dir, e) || identity_as_person(e))
		return -1;
	d = opendir(s->dir);
	rc = d ? scan(s, d, e) : err_set(e, ERR_IO, _("Cannot read %s."), s->dir);
	if (d)
		closedir(d);
	if (identity_as_program(e))
		rc = -1;
	if (s->n)
		qsort(s->v, s->n, sizeof *s->v, by_name);
	ls->arr.n = s->n;
	return rc;
}

static void files_draw(struct ui_listscreen *ls)
{
	struct files *s = ls->ctx;
	int head = ui_term_attr(ls->ui, UI_A_HEAD);
	char b[PATH_MAX + 100];

	snprintf(b, sizeof b, _("Spreadsheets (.xlsx, .xls, .csv) in %s"), s->dir);
	ui_draw_text(1, 1, COLS - 2, A_BOLD, b);
	ui_draw_text(3, 2, COLS - 34, head, _("File"));
	ui_draw_right(3, COLS - 31, 12, head, _("Size"));
	ui_draw_text(3, COLS - 17, 16, head, _("Changed"));
}

static void files_row(struct ui_listscreen *ls, const struct ui_row *row, int y)
{
	const struct file *f = &((struct files *)ls->ctx)->v[ui_list_index(row)];
	char b[48], t[64];

	ui_draw_text(y, 2, COLS - 34, A_NORMAL, f->name);
	snprintf(b, sizeof b, "%lld KB", (f->size + 1023) / 1024);
	ui_draw_right(y, COLS - 31, 12, A_NORMAL, b);
	ui_fmt_time((int64_t)f->mtime, t, sizeof t);
	ui_draw_text(y, COLS - 17, 16, A_NORMAL, t);
}

static int files_act(struct ui_listscreen *ls, const struct ui_action *a)
{
	struct files *s = ls->ctx;
	size_t i = ui_listscreen_index(ls);

	if (a->id == A_OPEN && i != SIZE_MAX)
		return ui_action_result(preview_run(s->ui, s->dir, s->v[i].name));
	return UI_DONE;
}

static const struct ui_listscreen_class files_screen = {
	.help = { N_("Import from a file"), N_("The spreadsheets in your home directory: Excel "
		  "workbooks (.xlsx, .xls) and CSV files, as the office keeps them. Open one to see "
		  "how it will be read before importing it. Copy a file into your home directory "
		  "(for example with WinSCP) to see it here."),
		  file_actions, sizeof file_actions / sizeof file_actions[0] },
	.top = 4, .load = files_load, .draw = files_draw, .draw_row = files_row,
	.act = files_act, .empty = N_("No .xlsx, .xls or .csv file in your home directory."),
};

void ui_importer_help(struct ui_help_section s[2])
{
	s[0] = files_screen.help;
	s[1] = preview_screen.help;
}

int ui_importer_run(struct ui *ui)
{
	struct files s = { 0 };
	int rc;

	s.ui = ui;
	ui_listscreen_init(&s.ls, &files_screen, ui, &s);
	rc = ui_listscreen_run(&s.ls);
	drop_files(&s);
	free(s.v);
	return rc;
}
