/* exchange.c - see exchange.h. */
#include "exchange_priv.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "i18n.h"
#include "mem.h"
#include "text.h"

/* ---- import: problems --------------------------------------------------------------- */

void exchange_problem(struct import *im, size_t row, size_t col, bool named, const char *fmt,
		      ...)
{
	struct exchange_result *res = im->res;
	struct exchange_problem *v;
	char msg[512], letter[8], text[sizeof v->text], *vis;
	size_t n;
	va_list ap;

	if (res->n_problems == im->cap_problems &&
	    mem_grow(&res->problems, &im->cap_problems, res->n_problems + 1, sizeof *v, 16)) {
		im->nomem = true;
		return;
	}
	v = res->problems;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	csvio_column_name(col, letter);
	if (!col) {
		snprintf(text, sizeof text, _("row %zu: %s"), row, msg);
	} else if (named || col > im->f.lay.n_cols || !im->f.lay.cols[col - 1].name[0]) {
		snprintf(text, sizeof text, _("row %zu, column %s: %s"), row, letter, msg);
	} else {
		char *h = text_visible(im->f.lay.cols[col - 1].name, 0);
		snprintf(text, sizeof text, _("row %zu, column %s (%s): %s"), row, letter,
			 h ? h : "", msg);
		free(h);
	}
	/* Messages quote the cells as they are, and the file is anyone's: an
	 * escape sequence in a cell must not reach the terminal.  Cut at a
	 * character, not inside one. */
	if (!(vis = text_visible(text, 0))) {
		im->nomem = true;
		return;
	}
	n = strlen(vis);
	if (n >= sizeof v->text)
		for (n = sizeof v->text - 1; n && ((unsigned char)vis[n] & 0xC0) == 0x80; n--)
			;
	v += res->n_problems++;
	v->row = row;
	v->col = col;
	memcpy(v->text, vis, n);
	v->text[n] = 0;
	free(vis);
}


static int problem_order(const void *a, const void *b)
{
	const struct exchange_problem *x = a, *y = b;

	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return strcmp(x->text, y->text);
}

void exchange_result_free(struct exchange_result *res)
{
	free(res->problems);
	free(res->columns);
	free(res->left_out_rows);
	memset(res, 0, sizeof *res);
}

/* ---- import: the header --------------------------------------------------------------- */

/* The list of column names, for a message about an unknown one. */
static void column_list(const struct import *im, char *buf, size_t n)
{
	size_t len = 0;

	buf[0] = 0;
	for (size_t c = 0; c < im->ncols && im->cols[c].code; c++) {
		int w = snprintf(buf + len, n - len, "%s%s", c ? ", " : "", _(im->cols[c].label));
		if (w < 0 || (size_t)w >= n - len)
			break;
		len += (size_t)w;
	}
}

/* Match every header cell to a column; 0, or 1 if the header has problems. */
static int map_header(struct import *im)
{
	const struct layout *l = &im->f.lay;
	size_t before = im->res->n_problems, at = l->header_row;
	char list[1024];

	for (size_t j = 0; j < l->n_cols && !im->nomem; j++) {
		int c = l->cols[j].use;
		char letter[8];

		csvio_column_name(j + 1, letter);
		if (c < 0) {
			/* A column of a sheet with nothing under it is no loss. */
			if (l->cols[j].name[0] && (l->cols[j].data || !l->found)) {
				column_list(im, list, sizeof list);
				exchange_problem(im, at, j + 1, false,
						 _("this column is not one the import reads. "
						   "The columns are: %s. (To leave it out: "
						   "--column %s=skip.)"), list, letter);
			} else if (l->cols[j].data) {
				exchange_problem(im, at, j + 1, false,
						 _("this column has values but no name in the "
						   "header."));
			}
		} else if (im->cols[c].code && im->where[c]) {
			char other[8];
			csvio_column_name(im->where[c], other);
			exchange_problem(im, at, j + 1, false,
					 _("this column is also given as column %s."), other);
		} else {
			im->where[c] = j + 1;
		}
	}
	for (size_t c = 0; c < im->ncols; c++)
		if (im->cols[c].required && !im->where[c])
			exchange_problem(im, at, 0, false, _("the column \"%s\" is missing."),
					 _(im->cols[c].label));
	if (im->cols == sheet_exemplar_columns && !im->where[FIELD_UNIT] &&
	    !im->where[FIELD_UNIT_NAME])
		exchange_problem(im, at, 0, false, _("the column \"%s\" (or \"%s\") is missing."),
				 _(im->cols[FIELD_UNIT].label), _(im->cols[FIELD_UNIT_NAME].label));
	return im->nomem || im->res->n_problems > before;
}

/* The type the name column's header implies: "Họ và tên" names people,
 * "Tên tập thể" collectives, "Tên tập thể/cá nhân" either (0). */
static int name_type_hint(const struct import *im)
{
	size_t j = im->cols == sheet_exemplar_columns ? im->where[FIELD_NAME] : 0;
	char *q = j ? sheet_squash(im->f.lay.cols[j - 1].name) : NULL;
	bool person, group;

	if (!q)
		return 0;
	person = strstr(q, "hoten") || strstr(q, "hovaten") || strstr(q, "canhan");
	group = strstr(q, "tapthe") != NULL;
	free(q);
	return person == group ? 0 : person ? TYPE_INDIVIDUAL : TYPE_COLLECTIVE;
}

/* ---- import: exemplars ------------------------------------------------------------- */

/* Our column of a register field code ("date", "ref"...), or ncols when none:
 * the field codes are the column codes, but for the propagation's parts. */
static size_t field_column(const struct import *im, const char *field)
{
	bool ex = im->cols == sheet_exemplar_columns;

	if (ex && (!strcmp(field, "ref") || !strcmp(field, "channel")))
		return FIELD_PROPAGATIONS;
	if (ex && !strcmp(field, "unit") && !im->where[FIELD_UNIT])
		return FIELD_UNIT_NAME;
	for (size_t c = 0; c < im->ncols; c++)
		if (im->cols[c].code && !strcmp(im->cols[c].code, field))
			return c;
	return im->ncols;
}

/* The register's refusals, at their rows and columns; each refused record is
 * marked in drop[] (if not NULL), duplicates only counted when skip_dups. */
static void register_problems(struct import *im, const struct batch_problem *p, size_t n,
			      const size_t *rows, bool skip_dups, bool *drop)
{
	for (size_t i = 0; i < n; i++) {
		size_t col = field_column(im, p[i].err.field);
		if (drop)
			drop[p[i].index] = true;
		if (skip_dups && p[i].err.code == ERR_DUPLICATE) {
			im->res->skipped++;
			continue;
		}
		exchange_problem(im, rows[p[i].index], col < im->ncols ? im->where[col] : 0, true,
				 "%s", p[i].err.msg);
	}
}

/* Add records xs[0..n) in one batch (batch.h); its refusals become problems.
 * -1 only on a failure without them. */
static int run_batch(struct import *im, struct exemplar *xs, size_t n, const size_t *rows,
		     const char *source, bool dry_run, bool skip_dups, bool *drop, struct err *e)
{
	struct batch_problem *p = NULL;
	size_t np = 0;
	int rc = batch_add(im->r, xs, n, source, dry_run, &p, &np, e);

	register_problems(im, p, np, rows, skip_dups, drop);
	free(p);
	return rc && !np ? -1 : 0;
}

/* Drop the records marked in skip[], keeping xs, rows and ids in step. */
static size_t compact(struct exemplar *xs, size_t *rows, uint64_t *ids, bool *skip, size_t n)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		if (skip[i]) {
			model_exemplar_free(&xs[i]);
			continue;
		}
		xs[k] = xs[i];
		rows[k] = rows[i];
		ids[k] = ids[i];
		skip[k++] = false;
	}
	return k;
}

/*
 * Parse the rows into records and add them.  Each row is freed once it is
 * a record: the file and the records are not both held whole.  A dry run
 * comes first when duplicates are to be left out or nothing is to be
 * written anyway: it lists the register's refusals of the records whose
 * cells were sound, and finds the duplicates to leave out.  Otherwise the
 * writing run lists the refusals itself, and writes nothing if there are
 * any: running the whole batch twice would double the import's time.
 */
static int import_exemplars(struct import *im, const char *source, unsigned flags,
			    struct err *e)
{
	size_t n = im->f.lay.n_records, good = 0;
	struct exemplar *xs = calloc(n + 1, sizeof *xs);
	size_t *rows = calloc(n + 1, sizeof *rows);
	uint64_t *ids = calloc(n + 1, sizeof *ids);  /* as read: a refused run numbers the rest */
	bool *skip = calloc(n + 1, sizeof *skip);
	bool skip_dups = flags & EXCHANGE_SKIP_DUPLICATES, dry;
	int rc = -1;

	if (!xs || !rows || !ids || !skip) {
		err_nomem(e);
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		struct exemplar *x = &xs[good];
		struct csvio_row *row = &im->f.t.rows[im->f.lay.records[i]];
		model_exemplar_init(x);
		if (exchange_row_exemplar(im, row, x)) {
			model_exemplar_free(x);
		} else {
			rows[good] = row->row;
			ids[good++] = x->id;
		}
		csvio_row_free(row);
		if (im->opt && im->opt->progress && (i + 1) % 1000 == 0)
			im->opt->progress(im->opt->progress_arg, i + 1, n);
	}
	if (im->nomem) {
		err_nomem(e);
		goto out;
	}
	dry = im->res->n_problems || (flags & (EXCHANGE_DRY_RUN | EXCHANGE_SKIP_DUPLICATES));
	rc = good ? run_batch(im, xs, good, rows, source, dry, skip_dups, skip, e) : 0;
	if (rc)
		goto out;
	for (size_t i = 0; i < good; i++)
		xs[i].id = ids[i];
	good = compact(xs, rows, ids, skip, good);
	im->res->written = good;
	if (dry && !im->res->n_problems && !(flags & EXCHANGE_DRY_RUN) && good)
		rc = run_batch(im, xs, good, rows, source, false, false, NULL, e);
	for (size_t i = 0; i < good && !im->res->n_problems; i++) {
		im->res->late += xs[i].late;
		im->res->late_unexplained += xs[i].late && !(xs[i].late_reason && *xs[i].late_reason);
	}
out:
	for (size_t i = 0; xs && i < good; i++)
		model_exemplar_free(&xs[i]);
	free(xs);
	free(rows);
	free(ids);
	free(skip);
	return rc;
}

/* ---- import: units ------------------------------------------------------------------ */


static int import_units(struct import *im, const char *source, unsigned flags, struct err *e)
{
	size_t n = im->f.lay.n_records, good = 0, changed = 0, np = 0;
	struct unit *us = calloc(n + 1, sizeof *us);
	size_t *rows = calloc(n + 1, sizeof *rows);
	struct batch_problem *p = NULL;
	int rc = -1;

	if (!us || !rows) {
		err_nomem(e);
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		struct unit *u = &us[good];
		memset(u, 0, sizeof *u);
		u->active_from = u->active_to = DATE_NONE;
		const struct csvio_row *row = &im->f.t.rows[im->f.lay.records[i]];
		if (exchange_row_unit(im, row, u)) {
			model_unit_free(u);
			continue;
		}
		rows[good++] = row->row;
	}
	if (im->nomem) {
		err_nomem(e);
		goto out;
	}
	rc = batch_import_units(im->r, us, good, source,
				   im->res->n_problems || (flags & EXCHANGE_DRY_RUN), &p, &np,
				   &changed, e);
	register_problems(im, p, np, rows, false, NULL);
	if (rc && np)
		rc = 0;
	im->res->written = changed;
	im->res->skipped = good - changed;
out:
	for (size_t i = 0; us && i < good; i++)
		model_unit_free(&us[i]);
	free(us);
	free(rows);
	free(p);
	return rc;
}

/* ---- import ------------------------------------------------------------------------- */

/* What the import found in the file, for the person: the sheet, the header's
 * rows, each column's use and the rows left out. */
static int describe(struct import *im)
{
	const struct layout *l = &im->f.lay;
	struct exchange_result *res = im->res;

	snprintf(res->sheet, sizeof res->sheet, "%s", im->f.sheet);
	res->header_row = l->header_row;
	res->header_rows = l->header_rows;
	res->rows = l->n_records;
	memcpy(res->left_out, l->skipped, sizeof res->left_out);
	if (!(res->columns = calloc(l->n_cols + 1, sizeof *res->columns)))
		return -1;
	for (size_t j = 0; j < l->n_cols; j++) {
		struct exchange_column *c = &res->columns[j];
		char *vis = text_visible(l->cols[j].name, 0);
		if (!vis)
			return -1;
		csvio_column_name(j + 1, c->letter);
		snprintf(c->name, sizeof c->name, "%s", vis);
		free(vis);
		c->use = l->cols[j].use;
		c->data = l->cols[j].data;
	}
	res->n_columns = l->n_cols;
	if (l->n_skipped_rows &&
	    !(res->left_out_rows = malloc(l->n_skipped_rows * sizeof *res->left_out_rows)))
		return -1;
	if (l->n_skipped_rows)
		memcpy(res->left_out_rows, l->skipped_rows,
		       l->n_skipped_rows * sizeof *res->left_out_rows);
	res->n_left_out_rows = l->n_skipped_rows;
	return 0;
}

/* Read the file into im->f and match its header; 1 when that is the whole
 * answer (im->res's problems, or -1 with e), else 0. */
static int read_file(struct import *im, const char *path, int *rc, struct err *e)
{
	const struct exchange_options *o = im->opt;

	*rc = -1;
	if (!register_is_office(im->r)) {
		err_set(e, ERR_DENIED, _("Only the Home Affairs Office (office role) can import "
					 "records."));
		return 1;
	}
	if (importfile_read(path, o ? o->sheet : NULL, im->cols, im->ncols, o ? o->uses : NULL,
			    o ? o->n_uses : 0, &im->f, e))
		return 1;
	for (size_t i = 0; i < im->f.t.n_problems; i++) {
		const struct csvio_problem *p = &im->f.t.problems[i];
		exchange_problem(im, p->row, p->col, false, "%s", p->msg);
	}
	if (describe(im)) {
		*rc = err_nomem(e);
		return 1;
	}
	*rc = 0;
	if (map_header(im))
		return 1; /* the header's problems are the answer */
	im->type_hint = name_type_hint(im);
	if (!im->f.lay.n_records && !im->res->n_problems) {
		*rc = err_set(e, ERR_INVALID, _("%s has a header but no rows."), path);
		return 1;
	}
	return 0;
}

int exchange_import_with(struct reg *r, enum exchange_what what, const char *path,
			 const struct exchange_options *o, unsigned flags,
			 struct exchange_result *res, struct err *e)
{
	struct unit_list units;
	struct import im = { .r = r, .res = res, .units = &units, .opt = o,
			     .reason = o ? o->reason : NULL };
	int rc;

	memset(res, 0, sizeof *res);
	if (register_units(r, &units, e))
		return -1;
	im.cols = what == EXCHANGE_UNITS ? sheet_unit_columns : sheet_exemplar_columns;
	im.ncols = what == EXCHANGE_UNITS ? SHEET_U_COUNT : SHEET_X_COUNT;
	if (!read_file(&im, path, &rc, e))
		rc = what == EXCHANGE_UNITS ? import_units(&im, path, flags, e)
					    : import_exemplars(&im, path, flags, e);
	if (im.nomem)
		rc = err_nomem(e);
	if (!rc && res->n_problems) {
		qsort(res->problems, res->n_problems, sizeof *res->problems, problem_order);
		rc = err_set(e, ERR_INVALID, _("%zu problems in %s; nothing was written."),
			     res->n_problems, path);
	}
	importfile_free(&im.f);
	units_free(&units);
	return rc;
}

int exchange_import(struct reg *r, enum exchange_what what, const char *path,
		    unsigned flags, struct exchange_result *res, struct err *e)
{
	return exchange_import_with(r, what, path, NULL, flags, res, e);
}

int exchange_import_files(struct reg *r, enum exchange_what what, const char *const *paths,
			  size_t n, const struct exchange_options *o, unsigned flags,
			  exchange_done_fn *done, void *arg, struct err *e)
{
	int rc = 0;

	for (size_t i = 0; i < n; i++) {
		struct exchange_result res;
		struct err why = { 0 };

		int one = exchange_import_with(r, what, paths[i], o, flags, &res, &why);

		done(arg, i, one, &res, &why);
		exchange_result_free(&res);
		if (!one)
			continue;
		*e = why;
		rc = -1;
		if (!(flags & EXCHANGE_DRY_RUN) || why.code == ERR_NOMEM)
			break;
	}
	return rc;
}
