/* csvio.c - see csvio.h.  The only file that includes csv.h. */
#include "csvio.h"

#include <csv.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "i18n.h"
#include "text.h"
#include "mem.h"

/* ---- writing ----------------------------------------------------------------- */

int csvio_write_bom(FILE *f)
{
	return fputs("\xEF\xBB\xBF", f) == EOF ? -1 : 0;
}

/* Does the field need quotes?  libcsv (and Excel) drop white space around
 * unquoted fields, so a field with spaces at either end is quoted too.  A
 * tab is quoted wherever it is: the reader guesses the delimiter from the
 * header line, where unquoted tabs could outnumber the commas. */
static bool needs_quotes(const char *s)
{
	size_t n = strlen(s);

	if (!n)
		return false;
	if (s[0] == ' ' || s[n - 1] == ' ' || s[0] == '\t' || s[n - 1] == '\t')
		return true;
	return strpbrk(s, ",;\t\"\r\n") != NULL;
}

/* A quoted field, its quotes doubled (RFC 4180).  0 or -1. */
static int put_quoted(FILE *f, const char *s)
{
	if (fputc('"', f) == EOF)
		return -1;
	for (; *s; s++)
		if ((*s == '"' && fputc('"', f) == EOF) || fputc(*s, f) == EOF)
			return -1;
	return fputc('"', f) == EOF ? -1 : 0;
}

int csvio_write_row(FILE *f, const char *const *fields, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *s = fields[i] ? fields[i] : "";

		if (i && fputc(',', f) == EOF)
			return -1;
		if (needs_quotes(s) ? put_quoted(f, s) : fputs(s, f) == EOF)
			return -1;
	}
	return fputs("\r\n", f) == EOF ? -1 : 0;
}

static bool formula_start(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@';
}

char *csvio_guard(const char *s)
{
	char *out;

	if (!s)
		return strdup("");
	if (!formula_start(s[0]) && s[0] != '\'')
		return strdup(s);
	if (!(out = malloc(strlen(s) + 2)))
		return NULL;
	out[0] = '\'';
	strcpy(out + 1, s);
	return out;
}

const char *csvio_unguard(const char *s)
{
	return s[0] == '\'' && (formula_start(s[1]) || s[1] == '\'') ? s + 1 : s;
}

/* ---- problems ------------------------------------------------------------------ */

/* Append a problem to t, with room for *cap; 0 or -1 when out of memory. */
static int add_problem(struct csvio_table *t, size_t *cap, size_t row, size_t col,
		       const char *msg)
{
	struct csvio_problem *p;

	if (t->n_problems == *cap && mem_grow(&t->problems, cap, t->n_problems + 1, sizeof *p, 16))
		return -1;
	p = t->problems + t->n_problems++;
	p->row = row;
	p->col = col;
	snprintf(p->msg, sizeof p->msg, "%s", msg);
	return 0;
}

/* Sort the problems by row, then column.  Insertion sort: stable, and problem
 * lists are short and nearly sorted. */
static void sort_problems(struct csvio_table *t)
{
	for (size_t i = 1; i < t->n_problems; i++) {
		struct csvio_problem p = t->problems[i];
		size_t j = i;
		while (j > 0) {
			const struct csvio_problem *q = &t->problems[j - 1];
			if (q->row < p.row || (q->row == p.row && q->col <= p.col))
				break;
			t->problems[j] = *q;
			j--;
		}
		t->problems[j] = p;
	}
}

void csvio_column_name(size_t col, char buf[8])
{
	char tmp[8];
	size_t n = 0;

	if (col == 0) {
		buf[0] = 0;
		return;
	}
	while (col && n < sizeof tmp - 1) {
		col--;
		tmp[n++] = (char)('A' + col % 26);
		col /= 26;
	}
	for (size_t i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = 0;
}

/* ---- reading ------------------------------------------------------------------- */

#define NONE SIZE_MAX

/*
 * The state of one reading.  The input is fed to libcsv one physical line
 * at a time, so that a damaged record can be dropped and the reading
 * started again on a later line: after an unbalanced quotation mark, on
 * the line after the one where the damaged record began (the quote most
 * likely swallowed the rows that follow it).
 */
struct reader {
	struct csvio_table *t;
	struct csv_parser p;
	const char *data;
	size_t *lines;      /* start offset of each physical line, and the end */
	size_t n_lines;
	size_t line;        /* the physical line being fed */
	size_t rec_line;    /* the physical line where the current record began */
	size_t row;         /* spreadsheet row number of the current record */
	char *text;         /* the current record's cells, each ended by a 0x00 */
	size_t len, room;   /* bytes of text in use, allocated */
	size_t *at;         /* where each cell starts in text: offsets, as text moves */
	size_t n, cap;      /* cells, room in at[] */
	size_t cap_rows;    /* rows t->rows has room for */
	size_t cap_problems; /* problems t->problems has room for */
	size_t multiline;   /* first column (1-based) of the record holding a line break */
	size_t nul;         /* first column holding a NUL byte */
	bool utf8;          /* the whole file is UTF-8, so every cell cut from it is */
	int last_end;       /* the character that ended the previous record */
	size_t restart;     /* NONE, or the physical line to read again from */
	bool failed;        /* out of memory */
};

static void drop_record(struct reader *r)
{
	r->n = r->len = 0;
	r->multiline = r->nul = 0;
}

/* Cell i of the current record (valid until the next cell is added). */
static char *cell(const struct reader *r, size_t i)
{
	return r->text + r->at[i];
}

/* Bytes of cell i, without its ending 0x00 (with any NUL byte read inside it). */
static size_t cell_len(const struct reader *r, size_t i)
{
	return (i + 1 < r->n ? r->at[i + 1] : r->len) - r->at[i] - 1;
}

/* Room for `more` bytes of text and one more cell; false when out of memory. */
static bool room_for_cell(struct reader *r, size_t more)
{
	if (r->n == r->cap && mem_grow(&r->at, &r->cap, r->n + 1, sizeof *r->at, 32))
		return false;
	return r->len + more <= r->room || mem_grow(&r->text, &r->room, r->len + more, 1, 1024) == 0;
}

/*
 * Add a field to the current record, turning CRLF and lone CR into LF.
 * The cells of a record share one buffer, kept from record to record: a
 * file of 100,000 rows would otherwise make and free 2.6 million small
 * blocks on the way.
 */
static void on_field(void *s, size_t len, void *ctx)
{
	struct reader *r = ctx;
	const char *in = s ? s : "";
	char *out;
	size_t n = 0;

	if (r->failed || r->restart != NONE)
		return;
	if (!s)
		len = 0;
	if (!room_for_cell(r, len + 1)) {
		r->failed = true;
		return;
	}
	out = r->text + r->len;
	for (size_t i = 0; i < len; i++) {
		if (in[i] == '\r') {
			out[n++] = '\n';
			if (i + 1 < len && in[i + 1] == '\n')
				i++;
		} else {
			out[n++] = in[i];
		}
	}
	out[n] = 0;
	r->at[r->n++] = r->len;
	r->len += n + 1;
	if (!r->nul && memchr(in, 0, len))
		r->nul = r->n;
	if (!r->multiline && strchr(out, '\n'))
		r->multiline = r->n;
}

static int problem(struct reader *r, size_t col, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int problem(struct reader *r, size_t col, const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (add_problem(r->t, &r->cap_problems, r->row, col, msg))
		r->failed = true;
	return -1;
}

static const char *unclosed_quote(void)
{
	return _("the quotation mark that opens this cell is not closed on its row (a cell that "
		 "starts with \" must end with \"; a \" inside the text is written \"\").");
}

static const char *misplaced_quote(void)
{
	return _("a quotation mark is misplaced in this cell: a cell that holds \" must be "
		 "written between quotation marks, with the \" doubled (\"\").");
}

/* Problems of the cells themselves; -1 if the record must be dropped. */
static int check_cells(struct reader *r)
{
	int rc = 0;

	if (r->nul)
		rc = problem(r, r->nul, _("the cell holds a NUL byte: this is not a text file."));
	/* The first such cell only: a file saved in another encoding would
	 * otherwise give a line for every cell. */
	for (size_t i = 0; i < r->n && !rc && !r->utf8; i++)
		if (u8_check((const uint8_t *)cell(r, i), cell_len(r, i)))
			rc = problem(r, i + 1, _("the text is not UTF-8. Save the file again as "
						 "\"CSV UTF-8\" (in Excel: File, Save As, CSV "
						 "UTF-8)."));
	return rc;
}

/* Fit the record to the header's columns; -1 if it has cells beyond them. */
static int fit_record(struct reader *r)
{
	size_t want = r->t->header.n;

	for (size_t i = want; i < r->n; i++)
		if (cell(r, i)[0])
			return problem(r, i + 1, _("this row has %zu cells but the header names "
						   "only %zu columns."), r->n, want);
	if (r->n > want) {
		r->len = r->at[want];
		r->n = want;
	}
	while (r->n < want) {
		on_field(NULL, 0, r);
		if (r->failed)
			return -1;
	}
	return 0;
}

static bool all_empty(const struct reader *r)
{
	for (size_t i = 0; i < r->n; i++)
		if (cell(r, i)[0])
			return false;
	return true;
}

/*
 * Keep the current record as one block: the cell pointers, then the cells'
 * text.  A file of 100,000 rows would otherwise hold 2.6 million small
 * allocations, their overhead as large as the text, until the import ends.
 * The reader's own buffer is left for drop_record().  0 or -1 (out of memory).
 */
static int keep_record(struct reader *r, struct csvio_row *dst)
{
	size_t ptrs = r->n * sizeof(char *);
	char *text;

	if (!(dst->cells = malloc(ptrs + r->len + 1)))
		return r->failed = true, -1;
	text = memcpy((char *)dst->cells + ptrs, r->text, r->len);
	for (size_t i = 0; i < r->n; i++)
		dst->cells[i] = text + r->at[i];
	dst->row = r->row;
	dst->n = r->n;
	return 0;
}

/* Room for one more row, doubling: a row at a time would copy the array
 * once per row.  0 or -1 (out of memory). */
static int room_for_row(struct reader *r)
{
	struct csvio_table *t = r->t;

	if (t->n_rows < r->cap_rows)
		return 0;
	if (mem_grow(&t->rows, &r->cap_rows, t->n_rows + 1, sizeof *t->rows, 64))
		return r->failed = true, -1;
	return 0;
}

static void on_record(int c, void *ctx)
{
	struct reader *r = ctx;
	struct csvio_table *t = r->t;
	int prev = r->last_end;

	r->last_end = c;
	if (r->failed || r->restart != NONE)
		return;
	if (r->n == 0) {
		/* An empty record: the LF of a CRLF, or a blank line (which a
		 * spreadsheet shows as an empty row). */
		if (!(c == '\n' && prev == '\r'))
			r->row++;
		r->rec_line = r->line + 1;
		return;
	}
	if (t->header.cells && r->multiline && r->n != t->header.n) {
		/* A quote left open ran on into the next rows: read them again. */
		problem(r, r->multiline, "%s", unclosed_quote());
		r->restart = r->rec_line + 1;
		drop_record(r);
		r->row++;
		return;
	}
	if (!t->header.cells) {
		/* The header is kept even when damaged: its columns are then reported
		 * as unknown, instead of the first data row being taken for it. */
		check_cells(r);
		keep_record(r, &t->header);
	} else if (check_cells(r) == 0 && fit_record(r) == 0 && !all_empty(r) &&
		   room_for_row(r) == 0 && keep_record(r, &t->rows[t->n_rows]) == 0) {
		t->n_rows++;
	}
	drop_record(r);
	r->row++;
	r->rec_line = r->line + 1;
}

static int parser_start(struct reader *r)
{
	if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL | CSV_APPEND_NULL))
		return -1;
	csv_set_delim(&r->p, (unsigned char)r->t->delim);
	r->last_end = 0;
	return 0;
}

/* Drop the damaged record and start a fresh parser on physical line `line`. */
static int parser_restart(struct reader *r, size_t line)
{
	csv_free(&r->p);
	drop_record(r);
	r->rec_line = r->line = line;
	r->restart = NONE;
	return parser_start(r);
}

/* Split the input into physical lines (each with its '\n'). */
static int index_lines(struct reader *r, size_t len)
{
	size_t cap = 0;

	r->lines = NULL;
	r->n_lines = 0;
	if (mem_grow(&r->lines, &cap, 1, sizeof *r->lines, 1024))
		return -1;
	for (size_t at = 0; at < len;) {
		const char *nl = memchr(r->data + at, '\n', len - at);
		if (r->n_lines + 2 > cap &&
		    mem_grow(&r->lines, &cap, r->n_lines + 2, sizeof *r->lines, 1024))
			return -1;
		r->lines[r->n_lines++] = at;
		at = nl ? (size_t)(nl - r->data) + 1 : len;
	}
	r->lines[r->n_lines] = len;
	return 0;
}

/* The delimiter used by the header line: the most frequent of , ; and tab. */
static char guess_delim(const char *s, size_t len)
{
	size_t comma = 0, semi = 0, tab = 0;
	bool quoted = false;

	for (size_t i = 0; i < len && (quoted || (s[i] != '\n' && s[i] != '\r')); i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (!quoted)
			comma += s[i] == ',', semi += s[i] == ';', tab += s[i] == '\t';
	}
	if (semi > comma && semi >= tab)
		return ';';
	return tab > comma ? '\t' : ',';
}

/* Feed the lines from r->line up to r->n_lines, starting again after
 * damaged records; -1 when out of memory. */
static int feed_lines(struct reader *r)
{
	while (r->line < r->n_lines) {
		size_t off = r->lines[r->line], len = r->lines[r->line + 1] - off;
		size_t done = csv_parse(&r->p, r->data + off, len, on_field, on_record, r);

		/* libcsv stops short, too, when it cannot grow its cell buffer. */
		if (r->failed || (done < len && csv_error(&r->p) == CSV_ENOMEM))
			return r->failed = true, -1;
		if (r->restart != NONE) {
			if (parser_restart(r, r->restart))
				return -1;
			continue;
		}
		if (done < len) {
			/* A quote where none may be: in the middle of an unquoted
			 * cell, or text after a closing quote. */
			size_t col = r->n + 1;
			bool ran_on = r->line > r->rec_line;
			problem(r, col, "%s",
				ran_on ? unclosed_quote() : misplaced_quote());
			r->row++;
			if (parser_restart(r, ran_on ? r->rec_line + 1 : r->line + 1))
				return -1;
			continue;
		}
		r->line++;
	}
	return 0;
}

/* Feed every line from r->line on, to the end of the input. */
static int feed(struct reader *r)
{
	for (;;) {
		if (feed_lines(r))
			return -1;
		if (csv_fini(&r->p, on_field, on_record, r) == 0 || r->failed)
			return r->failed ? -1 : 0;
		/* The file ended inside a quoted cell. */
		problem(r, r->n + 1, "%s", unclosed_quote());
		r->row++;
		if (r->failed || parser_restart(r, r->rec_line + 1))
			return -1;
	}
}

static void reader_free(struct reader *r)
{
	csv_free(&r->p);
	free(r->text);
	free(r->at);
}

/*
 * A file whose lines are mostly not UTF-8 was saved in another encoding:
 * one message for the file, naming the likely one, rather than one for
 * every row.  (A stray line of bad bytes stays a problem of its row.)
 */
static int check_encoding(const char *data, size_t len, struct err *e)
{
	size_t bad = 0, good = 0, counts[TEXT_LEGACY_COUNT] = { 0 };
	enum text_legacy enc;

	for (const char *p = data, *end = data + len; p < end; ) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		bool high = false;

		for (const char *q = p; q < le && !high; q++)
			high = (unsigned char)*q >= 0x80;
		if (high && u8_check((const uint8_t *)p, (size_t)(le - p)))
			bad++;
		else if (high)
			good++;
		p = nl ? nl + 1 : end;
	}
	if (bad <= good)
		return 0;
	text_legacy_count(data, len, true, counts);
	enc = text_legacy_best(counts);
	if (enc == TEXT_LEGACY_NONE)
		return err_set(e, ERR_INVALID, _("The file is not saved as UTF-8 but in another "
						 "encoding. Save it again as \"CSV UTF-8\" (in "
						 "Excel: File, Save As, CSV UTF-8)."));
	return err_set(e, ERR_INVALID, _("The file is not saved as UTF-8: its Vietnamese text "
					 "looks written in %s. Nothing was imported. Save it "
					 "again as \"CSV UTF-8\" (in Excel: File, Save As, CSV "
					 "UTF-8); text typed in TCVN3 or VNI must first be "
					 "converted to Unicode (Unikey: Ctrl+Shift+F6)."),
		       text_legacy_name(enc));
}

/* Does a cell of row look typed with a legacy keyboard?  Counts their words' encodings. */
static bool row_legacy(const struct csvio_row *row, size_t counts[TEXT_LEGACY_COUNT])
{
	bool any = false;

	for (size_t i = 0; i < row->n; i++) {
		const char *c = row->cells[i];

		if (text_looks_legacy(c)) {
			any = true;
			text_legacy_count(c, strlen(c), false, counts);
		}
	}
	return any;
}

int csvio_check_legacy(const struct csvio_table *t, struct err *e)
{
	size_t rows = 0, legacy = 0, counts[TEXT_LEGACY_COUNT] = { 0 };

	for (size_t r = 0; r < t->n_rows; r++) {
		rows += t->rows[r].n > 0;
		legacy += row_legacy(&t->rows[r], counts);
	}
	if (legacy < 2 || legacy * 2 < rows)
		return 0;
	return err_set(e, ERR_INVALID, _("The file's Vietnamese text looks typed in %s, not "
					 "Unicode (%zu rows of %zu): it was typed with Unikey "
					 "set to an old encoding, or with a .Vn font. Nothing was "
					 "imported. Convert the file to Unicode first (Unikey: "
					 "Ctrl+Shift+F6), then import it again."),
		       text_legacy_name(text_legacy_best(counts)), legacy, rows);
}

int csvio_read(const char *data, size_t len, struct csvio_table *t, struct err *e)
{
	struct reader r = { .t = t, .data = data, .row = 1, .restart = NONE };
	int rc;

	memset(t, 0, sizeof *t);
	if (len >= 2 && ((data[0] == '\xFF' && data[1] == '\xFE') ||
			 (data[0] == '\xFE' && data[1] == '\xFF')))
		return err_set(e, ERR_INVALID, _("The file is saved as UTF-16 (\"Unicode text\"). "
						 "Save it again as \"CSV UTF-8\"."));
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		r.data = data += 3;
		len -= 3;
	}
	/* Mostly the whole file is UTF-8: one pass, and no line or cell is checked again. */
	r.utf8 = !u8_check((const uint8_t *)data, len);
	if (!r.utf8 && check_encoding(data, len, e))
		return -1;
	t->delim = guess_delim(data, len);
	if (index_lines(&r, len) || parser_start(&r)) {
		free(r.lines);
		return err_nomem(e);
	}
	rc = feed(&r);
	reader_free(&r);
	free(r.lines);
	if (rc) {
		csvio_table_free(t);
		return err_nomem(e);
	}
	if (!t->header.cells && !t->n_problems) {
		csvio_table_free(t);
		return err_set(e, ERR_INVALID, _("The file is empty: the first row must name the "
						 "columns."));
	}
	sort_problems(t);
	return 0;
}

int csvio_read_file(const char *path, struct csvio_table *t, struct err *e)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long size;
	int rc;

	memset(t, 0, sizeof *t);
	if (!f)
		return err_set(e, errno == ENOENT ? ERR_NOTFOUND : ERR_IO,
			       _("Cannot open %s: %s."), path, i18n_strerror(errno));
	if (fseek(f, 0, SEEK_END) || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET)) {
		fclose(f);
		return err_set(e, ERR_IO, _("Cannot read %s: it is not a regular file."), path);
	}
	if ((unsigned long)size > CSVIO_MAX_BYTES) {
		fclose(f);
		return err_set(e, ERR_INVALID, _("%s is larger than %u MB; split it into smaller "
						 "files."), path, CSVIO_MAX_BYTES >> 20);
	}
	if (!(buf = malloc((size_t)size + 1))) {
		fclose(f);
		return err_nomem(e);
	}
	if (fread(buf, 1, (size_t)size, f) != (size_t)size || ferror(f)) {
		free(buf);
		fclose(f);
		return err_set(e, ERR_IO, _("Cannot read %s."), path);
	}
	fclose(f);
	rc = csvio_read(buf, (size_t)size, t, e);
	free(buf);
	return rc;
}

void csvio_row_free(struct csvio_row *row)
{
	free(row->cells); /* the cells' text is in the same block */
	row->cells = NULL;
	row->n = 0;
}

void csvio_table_free(struct csvio_table *t)
{
	csvio_row_free(&t->header);
	for (size_t i = 0; i < t->n_rows; i++)
		csvio_row_free(&t->rows[i]);
	free(t->rows);
	free(t->problems);
	memset(t, 0, sizeof *t);
}
