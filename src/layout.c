/* layout.c - see layout.h. */
#include "layout.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "mem.h"

static const char *cell_at(const struct csvio_row *r, size_t j)
{
	return j < r->n ? r->cells[j] : "";
}

/* Empty or only white space. */
static bool blank(const char *s)
{
	return !s[strspn(s, " \t\n\r")];
}

/* A whole number, "(3)" too, in *v. */
static bool number(const char *s, long *v)
{
	char *end;
	bool paren;

	s += strspn(s, " ");
	paren = *s == '(';
	s += paren;
	if (*s < '0' || *s > '9')
		return false;
	*v = strtol(s, &end, 10);
	if (*v > 1000000) /* a column's number, not a record's */
		return false;
	if (paren && *end++ != ')')
		return false;
	return !end[strspn(end, " ")];
}

/* A number or a date: what a header's second row never holds. */
static bool value_like(const char *s)
{
	date_t d;
	long v;

	return number(s, &v) || !date_parse_vn(s, &d) || strspn(s, "0123456789.,-") == strlen(s);
}

/* ---- the header ----------------------------------------------------------------------- */

/* The column that `name` names, -1, or ERR_RC_NOMEM. */
static int known(const struct sheet_column *cols, size_t n, const char *name)
{
	return blank(name) ? -1 : sheet_find_column(cols, n, name);
}

/* Does the row below `top` (next to it) read as a header's second line? */
static bool second_line(const struct csvio_row *top, const struct csvio_row *sub)
{
	bool joined = false;

	if (sub->row != top->row + 1)
		return false;
	for (size_t j = 0; j < sub->n; j++) {
		const char *s = sub->cells[j], *t = cell_at(top, j);
		if (blank(s))
			continue;
		if (value_like(s))
			return false;
		if (blank(t) || !strcmp(t, s) || (j && !strcmp(t, cell_at(top, j - 1))))
			joined = true;
	}
	return joined;
}

/* The upper text of column j in a two-row header: a blank cell over a filled
 * one, beside a column with both, belongs to the merged cell on its left. */
static const char *upper(const struct csvio_row *top, const struct csvio_row *sub, size_t j)
{
	while (j && blank(cell_at(top, j)) && !blank(cell_at(sub, j)) &&
	       !blank(cell_at(sub, j - 1)))
		j--;
	return cell_at(top, j);
}

/*
 * Name column j from one row (sub NULL) or two: its use and its name
 * (allocated).  Both texts together, else the lower, else the upper.
 * 0, or -1 when out of memory.
 */
static int name_column(const struct csvio_row *top, const struct csvio_row *sub, size_t j,
		       const struct sheet_column *cols, size_t n, struct layout_column *c)
{
	const char *t = sub ? upper(top, sub, j) : cell_at(top, j), *s = sub ? cell_at(sub, j) : "";
	char both[1024];
	int use = -1;

	if (!blank(t) && !blank(s) && strcmp(t, s)) {
		snprintf(both, sizeof both, "%s %s", t, s);
		if ((use = known(cols, n, both)) < 0 && use != ERR_RC_NOMEM)
			use = known(cols, n, s);
		if (use < 0 && use != ERR_RC_NOMEM)
			use = known(cols, n, t);
		snprintf(both, sizeof both, "%s / %s", t, s);
	} else {
		snprintf(both, sizeof both, "%s", blank(s) ? t : s);
		use = known(cols, n, both);
	}
	if (use == ERR_RC_NOMEM || !(c->name = strdup(both)))
		return -1;
	c->use = use < 0 ? LAYOUT_UNKNOWN : use;
	c->data = false;
	return 0;
}

static void free_cols(struct layout *l)
{
	for (size_t j = 0; j < l->n_cols; j++)
		free(l->cols[j].name);
	free(l->cols);
	l->cols = NULL;
	l->n_cols = 0;
}

/* Name every column from row i (and i + 1 when `pair`); the count of known
 * columns named, or -1 when out of memory. */
static int name_columns(const struct csvio_table *t, size_t i, bool pair,
			const struct sheet_column *cols, size_t n, struct layout *l)
{
	const struct csvio_row *top = &t->rows[i], *sub = pair ? &t->rows[i + 1] : NULL;
	size_t width = 0;
	int count = 0;

	/* As wide as the widest row: a column with values but no name is one too. */
	for (size_t k = 0; k < t->n_rows; k++)
		width = t->rows[k].n > width ? t->rows[k].n : width;

	free_cols(l);
	if (!(l->cols = calloc(width + 1, sizeof *l->cols)))
		return -1;
	for (size_t j = 0; j < width; j++, l->n_cols++) {
		if (name_column(top, sub, j, cols, n, &l->cols[j]))
			return -1;
		count += l->cols[j].use >= 0 && cols[l->cols[j].use].code != NULL;
	}
	return count;
}

/* Is row i a header (with `filled` cells, `count` of them known)? */
static bool enough(int count, size_t filled)
{
	return count >= 3 || (count >= 2 && (size_t)count == filled);
}

static size_t filled_cells(const struct csvio_row *r)
{
	size_t k = 0;

	for (size_t j = 0; j < r->n; j++)
		k += !blank(r->cells[j]);
	return k;
}

int layout_find(const struct csvio_table *t, const struct sheet_column *cols, size_t n,
		struct layout *l)
{
	memset(l, 0, sizeof *l);
	for (size_t i = 0; i < t->n_rows && i < LAYOUT_SCAN; i++) {
		size_t filled = filled_cells(&t->rows[i]);
		int single = name_columns(t, i, false, cols, n, l), count;
		/* Two rows, when the upper one names a column itself: a title just
		 * above a header is not its first line. */
		bool pair = single > 0 && i + 1 < t->n_rows &&
			    second_line(&t->rows[i], &t->rows[i + 1]);
		if (single < 0 || (pair && (count = name_columns(t, i, true, cols, n, l)) < 0))
			return -1;
		if (pair && !enough(count, filled)) {
			pair = false;
			if (name_columns(t, i, false, cols, n, l) < 0)
				return -1;
		}
		if (pair || enough(single, filled)) {
			l->found = true;
			l->header_row = t->rows[i].row;
			l->header_rows = pair ? 2 : 1;
			l->first = i + l->header_rows;
			return 0;
		}
	}
	if (t->n_rows && name_columns(t, 0, false, cols, n, l) < 0)
		return -1;
	l->header_row = t->n_rows ? t->rows[0].row : 1;
	l->header_rows = 1;
	l->first = t->n_rows ? 1 : 0;
	return 0;
}

/* ---- the rows ------------------------------------------------------------------------- */

/* The column used as `use`, or -1. */
static long column_of(const struct layout *l, int use)
{
	for (size_t j = 0; j < l->n_cols; j++)
		if (l->cols[j].use == use)
			return (long)j;
	return -1;
}

/* "Tổng cộng", "Tổng số: 12", "Cộng", "Total". */
static bool total_text(const char *s)
{
	/* Each word starts with t or c; a cell whose first letter or digit is
	 * another ASCII one is none of them, without folding it. */
	const char *p = s;
	while ((unsigned char)*p < 0x80 && *p && !isalnum((unsigned char)*p))
		p++;
	if ((unsigned char)*p < 0x80 && tolower((unsigned char)*p) != 't' &&
	    tolower((unsigned char)*p) != 'c')
		return false;
	char *q = sheet_squash(s);
	bool yes = q && (!strcmp(q, "tong") || !strcmp(q, "cong") || !strcmp(q, "total") ||
			 !strncmp(q, "tongcong", 8) || !strncmp(q, "tongso", 6));

	free(q);
	return yes;
}

/* "I", "IV", "A", "b": a block's number in the STT column. */
static bool block_number(const char *s)
{
	size_t n = strlen(s);

	while (n && (s[n - 1] == '.' || s[n - 1] == ' '))
		n--;
	if (n == 1 && isalpha((unsigned char)s[0]))
		return true;
	return n && strspn(s, "IVXLC") == n;
}

/*
 * Does cell s squash to `head` (a column's name, squashed)?  Folding keeps
 * every ASCII letter and digit of a cell as one character, lower-cased, and
 * drops the other ASCII characters, so a cell cannot be head when its first
 * letter or digit, if ASCII, is not head's first, or when it has more of
 * them than head has characters.  Those cells, nearly all of a record's, are
 * not folded.
 */
static bool same_head(const char *s, const char *head, size_t head_len)
{
	size_t alnum = 0;
	bool first = true;

	if (!*head)
		return false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p >= 0x80)
			first = false;
		else if (isalnum(*p) && (++alnum > head_len ||
					 (first && tolower(*p) != (unsigned char)head[0])))
			return false;
		else if (isalnum(*p))
			first = false;
	}
	char *q = sheet_squash(s);
	bool same = q && strcmp(q, head) == 0;

	free(q);
	return same;
}

/* The header again, or the columns' numbers (1), (2)... in order.  heads:
 * the columns' names squashed. */
static bool repeat_row(const struct layout *l, char *const *heads, const struct csvio_row *r)
{
	size_t same = 0, numbered = 0, filled = 0;
	long want = -1, v;

	for (size_t j = 0; j < r->n; j++) {
		const char *s = r->cells[j];
		if (blank(s))
			continue;
		filled++;
		if (j < l->n_cols && same_head(s, heads[j], strlen(heads[j])))
			same++;
		if (number(s, &v) && (want < 0 || v == want))
			numbered++, want = v + 1;
	}
	return filled >= 2 && (same * 2 > filled || (numbered == filled && filled >= 3));
}

/* The distinct texts of a row (a heading merged across it is one), up to 3;
 * the first in *first. */
static size_t distinct(const struct csvio_row *r, const char **first)
{
	const char *seen[3];
	size_t k = 0;

	*first = NULL;
	for (size_t j = 0; j < r->n && k < 3; j++) {
		const char *s = r->cells[j];
		bool again = false;
		if (blank(s))
			continue;
		for (size_t i = 0; i < k; i++)
			again |= !strcmp(seen[i], s);
		if (!again)
			seen[k++] = s;
	}
	*first = k ? seen[0] : NULL;
	return k;
}

/* Does the row have a value in a column the records are known by? */
static bool has_key(const struct layout *l, const struct sheet_column *cols,
		    const struct csvio_row *r)
{
	for (size_t j = 0; j < l->n_cols; j++) {
		int u = l->cols[j].use;
		if (u < 0 || !cols[u].code || blank(cell_at(r, j)))
			continue;
		if ((cols[u].required && strcmp(cols[u].code, "name")) ||
		    !strcmp(cols[u].code, "unit") || !strcmp(cols[u].code, "unit_name"))
			return true;
	}
	return false;
}

static enum layout_why classify(const struct layout *l, const struct sheet_column *cols,
				char *const *heads, const struct csvio_row *r, long stt,
				bool after_keys)
{
	const char *first;
	size_t k = distinct(r, &first);

	if (!k)
		return LAYOUT_BLANK;
	if (total_text(first))
		return LAYOUT_TOTAL;
	if (repeat_row(l, heads, r))
		return LAYOUT_REPEAT;
	if (k == 1 || (stt >= 0 && block_number(cell_at(r, (size_t)stt))))
		return LAYOUT_HEADING;
	if (after_keys && k <= 2 && !has_key(l, cols, r))
		return LAYOUT_SIGNATURE;
	return LAYOUT_WHY_COUNT; /* a record */
}

static int skip_row(struct layout *l, enum layout_why why, size_t row, size_t *cap)
{
	l->skipped[why]++;
	if (why == LAYOUT_BLANK)
		return 0;
	if (mem_grow(&l->skipped_rows, cap, l->n_skipped_rows + 1, sizeof *l->skipped_rows, 16))
		return -1;
	l->skipped_rows[l->n_skipped_rows++] = row;
	return 0;
}

static void free_heads(char **heads, size_t n)
{
	for (size_t j = 0; heads && j < n; j++)
		free(heads[j]);
	free(heads);
}

/* The columns' names squashed, for repeat_row; NULL when out of memory. */
static char **squash_heads(const struct layout *l)
{
	char **heads = calloc(l->n_cols + 1, sizeof *heads);

	for (size_t j = 0; heads && j < l->n_cols; j++)
		if (!(heads[j] = sheet_squash(l->cols[j].name))) {
			free_heads(heads, j);
			return NULL;
		}
	return heads;
}

int layout_rows(const struct csvio_table *t, const struct sheet_column *cols, size_t n,
		struct layout *l)
{
	long stt = -1;
	size_t last_key = l->first, cap = 0, prev;
	bool below = false;
	char **heads;
	int rc = -1;

	/* The ignored column is STT: the one whose code is NULL. */
	for (size_t c = 0; c < n; c++)
		if (!cols[c].code)
			stt = column_of(l, (int)c);
	free(l->records);
	free(l->skipped_rows);
	l->records = l->skipped_rows = NULL;
	l->n_records = l->n_skipped_rows = 0;
	memset(l->skipped, 0, sizeof l->skipped);
	for (size_t j = 0; j < l->n_cols; j++)
		l->cols[j].data = false;
	for (size_t i = l->first; i < t->n_rows; i++)
		if (has_key(l, cols, &t->rows[i]))
			last_key = i;
	if (!(heads = squash_heads(l)) ||
	    !(l->records = calloc(t->n_rows + 1, sizeof *l->records)))
		goto out;
	prev = l->header_row + l->header_rows - 1;
	for (size_t i = l->first; i < t->n_rows; i++) {
		const struct csvio_row *r = &t->rows[i];
		enum layout_why why = below ? LAYOUT_BELOW_TOTAL
					    : classify(l, cols, heads, r, stt, i > last_key);
		/* Rows missing from the table are blank rows of the sheet. */
		l->skipped[LAYOUT_BLANK] += r->row > prev + 1 ? r->row - prev - 1 : 0;
		prev = r->row;
		below |= why == LAYOUT_TOTAL;
		if (why != LAYOUT_WHY_COUNT) {
			if (skip_row(l, why, r->row, &cap))
				goto out;
			continue;
		}
		l->records[l->n_records++] = i;
		for (size_t j = 0; j < r->n && j < l->n_cols; j++)
			l->cols[j].data |= !blank(r->cells[j]);
	}
	rc = 0;
out:
	free_heads(heads, l->n_cols);
	return rc;
}

const char *layout_why_text(enum layout_why why)
{
	switch (why) {
	case LAYOUT_BLANK:
		return _("blank");
	case LAYOUT_TOTAL:
		return _("the total");
	case LAYOUT_BELOW_TOTAL:
		return _("below the total");
	case LAYOUT_REPEAT:
		return _("the header again, or the columns' numbers");
	case LAYOUT_HEADING:
		return _("a heading");
	case LAYOUT_SIGNATURE:
		return _("below the table");
	default:
		return "";
	}
}

void layout_free(struct layout *l)
{
	free_cols(l);
	free(l->records);
	free(l->skipped_rows);
	memset(l, 0, sizeof *l);
}
