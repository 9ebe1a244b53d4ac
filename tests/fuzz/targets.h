/*
 * targets.h - what each fuzz target does with one input, shared by the
 * libFuzzer programs (tests/fuzz/fuzz_*.c, built by `make fuzz`) and by
 * the unit test that replays the committed corpus in `make test`
 * (tests/unit/test_fuzz_corpus.c), so that every input the fuzzer ever
 * found is checked again by every build.
 *
 * A target feeds the input to a parser, then checks what the parser's
 * header promises about its result.  It returns NULL when every promise
 * held, or a sentence naming the one that did not; a crash, a sanitizer
 * report or a leak is a finding too.
 */
#ifndef DIENHINH_FUZZ_TARGETS_H
#define DIENHINH_FUZZ_TARGETS_H

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <unistr.h>

#include "audit.h"
#include "book.h"
#include "codec.h"
#include "collate.h"
#include "config.h"
#include "csvio.h"
#include "exchange.h"
#include "layout.h"
#include "model.h"
#include "register.h"
#include "text.h"
#include "xlsxread.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A NUL-terminated copy of the input (cut at its first NUL byte). */
static inline char *fuzz_cstr(const uint8_t *d, size_t n)
{
	char *s = malloc(n + 1);

	if (s) {
		memcpy(s, d, n);
		s[n] = 0;
	}
	return s;
}

/* No byte a terminal would act on: C0 (but '\n' if allowed), DEL, C1, bidi controls. */
static inline const char *fuzz_inert(const char *s, bool newline_ok)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t n = strlen(s);
	ucs4_t c;
	int len;

	if (u8_check(p, n))
		return "output is not valid UTF-8";
	for (size_t i = 0; i < n; i += (size_t)len) {
		len = u8_mbtouc(&c, p + i, n - i);
		if ((c < 0x20 && !(c == '\n' && newline_ok)) || (c >= 0x7f && c < 0xa0))
			return "output holds a control character";
		if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
			return "output holds a bidi control";
	}
	return NULL;
}

/* The collation key with a small buffer is a prefix of the full one; no 0x00 byte. */
static inline const char *fuzz_key(size_t (*fn)(const char *, uint8_t *, size_t), const char *s)
{
	uint8_t small[7], *full;
	size_t n = fn(s, small, sizeof small), m;
	const char *bad = NULL;

	if (!(full = malloc(n ? n : 1)))
		return NULL;
	m = fn(s, full, n);
	if (m != n)
		bad = "collation key length depends on the buffer";
	else if (memcmp(small, full, n < sizeof small ? n : sizeof small))
		bad = "a cut collation key is not a prefix of the full one";
	else if (memchr(full, 0, n))
		bad = "collation key holds a 0x00 byte";
	free(full);
	return bad;
}

/* text_fit(s, cols) keeps within cols and cuts at a character boundary. */
static inline const char *fuzz_fit(const char *s, int cols)
{
	int w = -1;
	size_t n = text_fit(s, cols, &w);

	if (n > strlen(s) || w > cols || w < 0)
		return "text_fit went past its width or the string";
	if (!u8_check((const uint8_t *)s, strlen(s)) && u8_check((const uint8_t *)s, n))
		return "text_fit cut inside a character";
	return NULL;
}

static inline const char *fuzz_text(const uint8_t *d, size_t n)
{
	unsigned flags = n && (d[0] & 1) ? TEXT_MULTILINE : 0;
	char *raw = fuzz_cstr(d, n), *out = NULL, *again = NULL, *fold, *vis;
	const char *bad = NULL;
	size_t at = (size_t)-1;
	enum text_status st;

	if (!raw)
		return NULL;
	st = text_clean((const char *)d, n, flags, &out, &at);
	if (st == TEXT_OK && !out)
		bad = "text_clean said OK without a result";
	else if (st != TEXT_OK && st != TEXT_NOMEM && (out || at >= n))
		bad = "text_clean refused without a position inside the input";
	if (!bad && out) {
		bad = fuzz_inert(out, flags & TEXT_MULTILINE);
		if (!bad && text_clean(out, strlen(out), flags, &again, NULL) != TEXT_OK)
			bad = "text_clean refused its own output";
		if (!bad && again && strcmp(again, out))
			bad = "text_clean of its own output changed it";
		if (!bad)
			bad = fuzz_key(collate_key, out);
		if (!bad)
			bad = fuzz_key(collate_person_key, out);
		if (!bad)
			bad = fuzz_fit(out, n ? d[0] % 40 : 0);
		if (!bad && (fold = collate_fold(out))) {
			if (u8_check((const uint8_t *)fold, strlen(fold)))
				bad = "collate_fold gave invalid UTF-8";
			free(fold);
		}
		text_width(out);
		text_looks_legacy(out);
	}
	/* Whatever the bytes, text_visible makes them safe to print. */
	if (!bad && (vis = text_visible(raw, flags ? TEXT_KEEP_NEWLINES : 0))) {
		bad = fuzz_inert(vis, flags);
		free(vis);
	}
	if (!bad)
		free(collate_fold(raw));
	if (!bad)
		bad = fuzz_fit(raw, 10);
	free(raw);
	free(out);
	free(again);
	return bad;
}

/* Decode; what decodes must encode and decode back to the same encoding. */
static inline const char *fuzz_codec(const uint8_t *d, size_t n)
{
	struct buf a = { 0 }, b = { 0 };
	struct err e = { 0 };
	const char *bad = NULL;
	int which = n ? d[0] % 3 : 0;

	if (n) {
		d++;
		n--;
	}
	if (which == 0) {
		struct exemplar x;
		model_exemplar_init(&x);
		if (codec_decode_exemplar(d, n, &x, &e) == 0 && !codec_encode_exemplar(&x, &a) &&
		    (codec_decode_exemplar(a.data, a.len, &x, &e) || codec_encode_exemplar(&x, &b)))
			bad = "an exemplar decoded, encoded, does not decode again";
		model_exemplar_free(&x);
	} else if (which == 1) {
		struct unit u = { .active_from = DATE_NONE, .active_to = DATE_NONE };
		if (codec_decode_unit(d, n, &u, &e) == 0 && !codec_encode_unit(&u, &a) &&
		    (codec_decode_unit(a.data, a.len, &u, &e) || codec_encode_unit(&u, &b)))
			bad = "a unit decoded, encoded, does not decode again";
		model_unit_free(&u);
	} else {
		struct audit_entry x;
		audit_entry_init(&x);
		if (codec_decode_audit(d, n, &x, &e) == 0 && !codec_encode_audit(&x, &a) &&
		    (codec_decode_audit(a.data, a.len, &x, &e) || codec_encode_audit(&x, &b)))
			bad = "an audit entry decoded, encoded, does not decode again";
		audit_entry_free(&x);
	}
	if (!bad && a.len && (a.len != b.len || memcmp(a.data, b.data, a.len)))
		bad = "encoding a decoded record twice gives two encodings";
	if (!bad && e.code && !e.msg[0])
		bad = "a refused record has no message";
	buf_free(&a);
	buf_free(&b);
	return bad;
}

/* The loaded config keeps the invariant config.h states. */
static inline const char *fuzz_config_agrees(const struct config *c)
{
	for (size_t i = 0; i < c->n_units; i++) {
		const struct unit *u = &c->units[i];
		if (config_unit(c, u->code) != u)
			return "two units share a code";
		if (u->block[0] && !config_block(c, u->block))
			return "a unit names a block that does not exist";
		if (u->successor[0] && !config_unit(c, u->successor))
			return "a unit names a successor that does not exist";
		if (u->active_from != DATE_NONE && u->active_to != DATE_NONE &&
		    u->active_from > u->active_to)
			return "a unit ends before it starts";
	}
	for (size_t i = 0; i < c->n_roles; i++)
		if (config_role(c, c->roles[i].user) != &c->roles[i])
			return "two roles for one account";
	return NULL;
}

static char fuzz_config_path[64];

static inline void fuzz_config_cleanup(void)
{
	unlink(fuzz_config_path);
}

static inline const char *fuzz_config(const uint8_t *d, size_t n)
{
	char *path = fuzz_config_path;
	struct config *c = NULL;
	struct err e = { 0 };
	const char *bad = NULL;
	FILE *f;

	if (!path[0]) {
		int fd;
		snprintf(path, sizeof fuzz_config_path, "/tmp/dienhinh-fuzz-%ld.ini",
			 (long)getpid());
		if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600)) < 0)
			return NULL;
		close(fd);
		atexit(fuzz_config_cleanup);
	}
	if (!(f = fopen(path, "wb")))
		return NULL;
	fwrite(d, 1, n, f);
	fclose(f);
	if (config_load(path, &c, &e) == 0) {
		bad = fuzz_config_agrees(c);
		config_free(c);
	} else if (!e.msg[0]) {
		bad = "a refused config has no message";
	}
	return bad;
}

/* ---- CSV import ----------------------------------------------------------------------- */

/* Every promise csvio.h makes about a table it read. */
static inline const char *fuzz_csv_table(const struct csvio_table *t)
{
	size_t last = t->header.row;

	if (t->delim != ',' && t->delim != ';' && t->delim != '\t')
		return "the delimiter is not a comma, a semicolon or a tab";
	if (!t->header.cells && !t->n_problems)
		return "a table with neither a header nor a problem";
	for (size_t i = 0; i < t->n_rows; i++) {
		const struct csvio_row *r = &t->rows[i];
		bool empty = true;
		if (r->n != t->header.n)
			return "a row has not as many cells as the header";
		if (r->row <= last)
			return "rows are not in increasing order after the header";
		last = r->row;
		for (size_t c = 0; c < r->n; c++) {
			if (!r->cells[c])
				return "a cell is NULL";
			if (u8_check((const uint8_t *)r->cells[c], strlen(r->cells[c])))
				return "a kept cell is not UTF-8";
			if (strchr(r->cells[c], '\r'))
				return "a kept cell holds a CR";
			empty = empty && !r->cells[c][0];
		}
		if (empty)
			return "a row of empty cells was kept";
	}
	for (size_t i = 0; i < t->n_problems; i++) {
		const struct csvio_problem *p = &t->problems[i], *q = p - 1;
		if (!p->msg[0])
			return "a problem without a message";
		if (i && (q->row > p->row || (q->row == p->row && q->col > p->col)))
			return "problems are not in row and column order";
	}
	return NULL;
}

/* Two tables hold the same header and rows, cell for cell. */
static inline bool fuzz_csv_same(const struct csvio_table *a, const struct csvio_table *b)
{
	if (a->header.n != b->header.n || a->n_rows != b->n_rows)
		return false;
	for (size_t c = 0; c < a->header.n; c++)
		if (strcmp(a->header.cells[c], b->header.cells[c]))
			return false;
	for (size_t i = 0; i < a->n_rows; i++)
		for (size_t c = 0; c < a->header.n; c++)
			if (strcmp(a->rows[i].cells[c], b->rows[i].cells[c]))
				return false;
	return true;
}

/*
 * A table read without a problem, written back by csvio_write_row and read
 * again, is the same table.  Left out: a header whose cells are all empty
 * (written, it is a blank line) and one starting with a byte order mark
 * (written first in the file, it is taken for the file's own).
 */
static inline const char *fuzz_csv_round_trip(const struct csvio_table *t)
{
	struct csvio_table again;
	struct err e = { 0 };
	const char *bad = NULL;
	bool blank = true;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	for (size_t c = 0; c < t->header.n; c++)
		blank = blank && !t->header.cells[c][0];
	if (t->n_problems || blank || !strncmp(t->header.cells[0], "\xEF\xBB\xBF", 3))
		return NULL;
	if (!(f = open_memstream(&buf, &len)))
		return NULL;
	csvio_write_row(f, (const char *const *)t->header.cells, t->header.n);
	for (size_t i = 0; i < t->n_rows; i++)
		csvio_write_row(f, (const char *const *)t->rows[i].cells, t->rows[i].n);
	if (fclose(f)) {
		free(buf);
		return NULL;
	}
	if (csvio_read(buf, len, &again, &e))
		bad = "what the writer wrote, the reader refuses";
	else if (again.n_problems)
		bad = "what the writer wrote, the reader finds problems in";
	else if (!fuzz_csv_same(t, &again))
		bad = "what the writer wrote, the reader reads differently";
	csvio_table_free(&again);
	free(buf);
	return bad;
}

/*
 * The import runs as a dry run on a database of its own, made once per
 * process from the shipped config (DIENHINH_ROOT, else the current
 * directory) and removed at exit.  `fuzz_csv_ready` says it could be made.
 */
static struct {
	char dir[64], file[80];
	struct config *cfg;
	struct reg *r;
} fuzz_csv_env;
static bool fuzz_csv_ready;

static inline void fuzz_csv_cleanup(void)
{
	char path[128];

	register_close(fuzz_csv_env.r);
	config_free(fuzz_csv_env.cfg);
	unlink(fuzz_csv_env.file);
	snprintf(path, sizeof path, "%s/data.mdb", fuzz_csv_env.dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/lock.mdb", fuzz_csv_env.dir);
	unlink(path);
	rmdir(fuzz_csv_env.dir);
}

static inline bool fuzz_csv_setup(void)
{
	const char *root = getenv("DIENHINH_ROOT");
	char conf[4096];
	struct err e = { 0 };
	static bool tried;

	if (tried)
		return fuzz_csv_ready;
	tried = true;
	snprintf(conf, sizeof conf, "%s/conf/dienhinh.ini", root ? root : ".");
	snprintf(fuzz_csv_env.dir, sizeof fuzz_csv_env.dir, "/tmp/dienhinh-fuzz-csv-%ld",
		 (long)getpid());
	snprintf(fuzz_csv_env.file, sizeof fuzz_csv_env.file, "%s.csv", fuzz_csv_env.dir);
	if (config_load(conf, &fuzz_csv_env.cfg, &e))
		return false;
	atexit(fuzz_csv_cleanup);
	/* "root" is the office in the shipped config: only the office imports. */
	fuzz_csv_ready = !register_open(fuzz_csv_env.cfg, fuzz_csv_env.dir, "root", date_today(),
					REG_CREATE, &fuzz_csv_env.r, &e);
	return fuzz_csv_ready;
}

/* A dry-run import of the bytes as a file: it writes nothing, and every
 * problem it lists is in row and column order and safe to print. */
static inline const char *fuzz_csv_import(const uint8_t *d, size_t n, enum exchange_what what)
{
	struct exchange_result res;
	struct err e = { 0 };
	const char *bad = NULL;
	uint64_t before;
	int rc;
	FILE *f;

	if (!fuzz_csv_setup() || !(f = fopen(fuzz_csv_env.file, "wb")))
		return NULL;
	fwrite(d, 1, n, f);
	if (fclose(f))
		return NULL;
	before = register_last_change(fuzz_csv_env.r);
	rc = exchange_import(fuzz_csv_env.r, what, fuzz_csv_env.file, EXCHANGE_DRY_RUN, &res, &e);
	if (register_last_change(fuzz_csv_env.r) != before)
		bad = "a dry-run import wrote to the database";
	else if (rc && !e.msg[0])
		bad = "a refused import has no message";
	else if (!rc && res.n_problems)
		bad = "an import with problems was not refused";
	else if (res.written > res.rows)
		bad = "an import would write more records than the file has rows";
	for (size_t i = 0; !bad && i < res.n_problems; i++) {
		const struct exchange_problem *p = &res.problems[i], *q = p - 1;
		if (!p->text[0])
			bad = "an import problem without a message";
		else if (i && (q->row > p->row || (q->row == p->row && q->col > p->col)))
			bad = "import problems are not in row and column order";
		else if (fuzz_inert(p->text, false))
			bad = "an import problem is not safe to print";
	}
	exchange_result_free(&res);
	return bad;
}

/* The reader, the writer-reader round trip, and the import of exemplars and of units. */
static inline const char *fuzz_csv(const uint8_t *d, size_t n)
{
	struct csvio_table t;
	struct err e = { 0 };
	const char *bad = NULL;

	if (csvio_read((const char *)d, n, &t, &e) == 0) {
		bad = fuzz_csv_table(&t);
		if (!bad)
			bad = fuzz_csv_round_trip(&t);
		csvio_table_free(&t);
	} else if (!e.msg[0]) {
		bad = "a refused file has no message";
	} else if (t.n_rows || t.n_problems || t.header.cells) {
		bad = "a refused file left a table behind";
	}
	if (!bad)
		bad = fuzz_csv_import(d, n, EXCHANGE_EXEMPLARS);
	if (!bad)
		bad = fuzz_csv_import(d, n, EXCHANGE_UNITS);
	return bad;
}

/* ---- workbooks -------------------------------------------------------------------- */

/* Sheets looked at per input: a workbook may list hundreds. */
#define FUZZ_SHEETS 4

/*
 * A sheet as grid.h promises it: rows in increasing order without a
 * header, each ending in a cell with text, every cell UTF-8 without a CR;
 * then the header finder's answer within the sheet: records in order,
 * below the header, each a row of the table.
 */
static inline const char *fuzz_sheet(const struct csvio_table *t)
{
	struct layout l;
	const char *bad = NULL;

	if (t->header.n || t->n_problems)
		return "a sheet came with a header or problems";
	for (size_t i = 0; i < t->n_rows; i++) {
		const struct csvio_row *r = &t->rows[i];
		if (!r->n || !r->cells[r->n - 1][0])
			return "a sheet's row does not end in a cell with text";
		if (i && t->rows[i - 1].row >= r->row)
			return "a sheet's rows are not in order";
		for (size_t j = 0; j < r->n; j++)
			if (u8_check((const uint8_t *)r->cells[j], strlen(r->cells[j])) ||
			    strchr(r->cells[j], '\r'))
				return "a sheet's cell is not UTF-8 with \"\\n\" line breaks";
	}
	if (layout_find(t, sheet_exemplar_columns, SHEET_X_COUNT, &l) ||
	    layout_rows(t, sheet_exemplar_columns, SHEET_X_COUNT, &l))
		return NULL; /* out of memory */
	for (size_t k = 0; !bad && k < l.n_records; k++)
		if (l.records[k] < l.first || l.records[k] >= t->n_rows ||
		    (k && l.records[k - 1] >= l.records[k]))
			bad = "a record is not a row below the header, in order";
	if (!bad && l.header_rows != 1 && l.header_rows != 2)
		bad = "a header is neither one row nor two";
	layout_free(&l);
	return bad;
}

/* The .xlsx reader on the bytes, whatever they start with; then the import. */
static inline const char *fuzz_xlsx(const uint8_t *d, size_t n)
{
	struct xlsxread *x;
	struct err e = { 0 };
	const char *bad = NULL;

	if (xlsxread_open(d, n, &x, &e)) {
		if (!e.msg[0])
			return "a refused workbook has no message";
	} else {
		for (size_t i = 0; !bad && i < xlsxread_sheets(x) && i < FUZZ_SHEETS; i++) {
			struct csvio_table t;
			if (!xlsxread_sheet_name(x, i))
				bad = "a listed sheet has no name";
			else if (xlsxread_sheet(x, i, &t, &e) == 0)
				bad = fuzz_sheet(&t);
			else if (!e.msg[0])
				bad = "a refused sheet has no message";
			csvio_table_free(&t);
		}
		xlsxread_close(x);
	}
	if (!bad && book_sniff(d, n) == BOOK_XLSX)
		bad = fuzz_csv_import(d, n, EXCHANGE_EXEMPLARS);
	return bad;
}

/* The .xls reader (libfreexl reads a file, so the bytes become one); then the import. */
static inline const char *fuzz_xls(const uint8_t *d, size_t n)
{
	struct book *wb;
	struct err e = { 0 };
	const char *bad = NULL;
	FILE *f;

	if (!fuzz_csv_setup() || !(f = fopen(fuzz_csv_env.file, "wb")))
		return NULL;
	fwrite(d, 1, n, f);
	if (fclose(f))
		return NULL;
	if (book_open(fuzz_csv_env.file, &wb, &e)) {
		if (!e.msg[0])
			bad = "a refused workbook has no message";
	} else {
		for (size_t i = 0; !bad && i < book_sheets(wb) && i < FUZZ_SHEETS; i++) {
			struct csvio_table t;
			if (book_sheet(wb, i, &t, &e) == 0)
				bad = book_kind(wb) == BOOK_CSV ? NULL : fuzz_sheet(&t);
			else if (!e.msg[0])
				bad = "a refused sheet has no message";
			csvio_table_free(&t);
		}
		book_close(wb);
	}
	if (!bad && book_sniff(d, n) == BOOK_XLS)
		bad = fuzz_csv_import(d, n, EXCHANGE_EXEMPLARS);
	return bad;
}

#endif
