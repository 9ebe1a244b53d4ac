/*
 * helper_keyscheck - every byte the text functions and the index keys make
 * of a text, one line each, so that two builds can be compared with cmp:
 * the keys are stored in the indexes of existing databases, and a change
 * that alters one byte of them leaves those indexes out of order.
 *
 *   helper_keyscheck [-x] < LINES > OUT
 *
 * Each input line (without its '\n') is one text; with -x a line is the
 * text written in hex, so that it can hold any byte ('\n' and 0x00
 * included).  For each text, a line of tab-separated fields:
 *
 *   text_clean with flags 0 and TEXT_MULTILINE: status, bad offset, result
 *   collate_fold, collate_key and collate_person_key (length and the first
 *   KEYS_SORT_MAX bytes; and a key of 5 bytes, to see a cut one),
 *   text_looks_legacy, text_width, text_fit at 10 columns, text_visible,
 *   keys_exemplar's list and folds keys for the text as the name
 *   of an individual and of a collective, and model_exemplar_clean with
 *   the text as name, as achievements and as a propagation's reference:
 *   result, error message, the legacy field and the cleaned text.
 *
 * Strings are written in hex; functions taking a C string get the text up
 * to its first 0x00.  Run the same lines through the helper of the build
 * the databases were written with and through a new one: the outputs must
 * be the same byte for byte.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "keys.h"
#include "model.h"
#include "text.h"

#define GUARD 0xA5
#define SMALL_CAP 5

static void hex(const void *p, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++)
		printf("%02x", b[i]);
}

static void hex_str(const char *s)
{
	if (s)
		hex(s, strlen(s));
	else
		fputs("(null)", stdout);
}

static void field(void)
{
	putchar('\t');
}

static void clean(const char *s, size_t n, unsigned flags)
{
	char *out = (char *)"unset";
	size_t bad = 12345;
	enum text_status st = text_clean(s, n, flags, &out, &bad);

	printf("%d,%zu,", (int)st, st == TEXT_OK ? (size_t)0 : bad);
	hex_str(out);
	free(out);
}

/* The key of s at cap `cap`, after `sep`; a byte written past the cap is reported. */
static void sort_key_at(size_t (*fn)(const char *, uint8_t *, size_t), const char *s,
			size_t cap, const char *sep)
{
	uint8_t buf[KEYS_SORT_MAX + 16];
	size_t n;

	memset(buf, GUARD, sizeof buf);
	n = fn(s, buf, cap);
	printf("%s%zu,", sep, n);
	hex(buf, n < cap ? n : cap);
	for (size_t i = cap; i < sizeof buf; i++)
		if (buf[i] != GUARD)
			fputs(",OVERRUN", stdout);
}

/* The key of s at two caps. */
static void sort_key(size_t (*fn)(const char *, uint8_t *, size_t), const char *s)
{
	sort_key_at(fn, s, KEYS_SORT_MAX, "");
	sort_key_at(fn, s, SMALL_CAP, ",");
}

static void ex_keys(const char *s, enum ex_type type)
{
	struct exemplar x;
	struct ex_keys k;

	model_exemplar_init(&x);
	x.id = 0x0102030405060708u;
	x.type = type;
	x.date = date_from_ymd(2024, 5, 17);
	snprintf(x.unit, sizeof x.unit, "phuong_1");
	x.name = (char *)s;
	if (keys_exemplar(&x, &k)) {
		fputs("NOMEM", stdout);
	} else {
		hex(k.list.b, k.list.n);
		putchar(',');
		hex(k.folds.b, k.folds.n);
		putchar(',');
		hex(k.value.data, k.value.len);
	}
	keys_exemplar_free(&k);
}

/* model_exemplar_clean with s in one field (0 name, 1 achievements, 2 a propagation). */
static void ex_clean(const char *s, int where)
{
	struct exemplar x;
	struct err e;
	const char *legacy = "unset";
	char **slot;
	int rc;

	model_exemplar_init(&x);
	err_clear(&e);
	if (where == 2) {
		x.propagations = calloc(2, sizeof *x.propagations);
		if (!x.propagations) {
			fputs("NOMEM", stdout);
			return;
		}
		x.n_propagations = 2;
		x.propagations[0].ref = strdup("Đài truyền thanh");
		slot = &x.propagations[1].ref;
	} else {
		slot = where ? &x.achievements : &x.name;
	}
	*slot = strdup(s);
	rc = model_exemplar_clean(&x, &legacy, &e);
	printf("%d,%d,%s,%s,", rc, (int)e.code, e.field, legacy ? legacy : "(null)");
	hex_str(e.msg);
	putchar(',');
	hex_str(*slot);
	if (where == 2) {
		putchar(',');
		hex_str(x.propagations[0].ref);
	}
	model_exemplar_free(&x);
}

static void check(const char *s, size_t n)
{
	char *t;
	size_t fit;
	int w = -1;

	clean(s, n, 0);
	field();
	clean(s, n, TEXT_MULTILINE);
	field();
	t = collate_fold(s);
	hex_str(t);
	free(t);
	field();
	sort_key(collate_key, s);
	field();
	sort_key(collate_person_key, s);
	field();
	printf("%d\t%d\t", text_looks_legacy(s), text_width(s));
	fit = text_fit(s, 10, &w);
	printf("%zu,%d\t", fit, w);
	t = text_visible(s, 0);
	hex_str(t);
	free(t);
	field();
	t = text_visible(s, TEXT_KEEP_NEWLINES);
	hex_str(t);
	free(t);
	field();
	ex_keys(s, TYPE_INDIVIDUAL);
	field();
	ex_keys(s, TYPE_COLLECTIVE);
	for (int i = 0; i < 3; i++) {
		field();
		ex_clean(s, i);
	}
	putchar('\n');
}

static int unhex(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decode the hex line in place; its length, or -1 if it is not hex. */
static long from_hex(char *s, size_t n)
{
	size_t i;

	if (n % 2)
		return -1;
	for (i = 0; i < n / 2; i++) {
		int hi = unhex((unsigned char)s[2 * i]), lo = unhex((unsigned char)s[2 * i + 1]);

		if (hi < 0 || lo < 0)
			return -1;
		s[i] = (char)(hi << 4 | lo);
	}
	s[i] = '\0';
	return (long)i;
}

int main(int argc, char **argv)
{
	bool is_hex = argc > 1 && strcmp(argv[1], "-x") == 0;
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	ssize_t got;

	if (argc > 2 || (argc == 2 && !is_hex)) {
		fprintf(stderr, "usage: helper_keyscheck [-x] < LINES\n");
		return 2;
	}
	while ((got = getline(&line, &cap, stdin)) >= 0) {
		size_t n = (size_t)got;

		lineno++;
		if (n && line[n - 1] == '\n')
			line[--n] = '\0';
		if (is_hex) {
			long m = from_hex(line, n);

			if (m < 0) {
				fprintf(stderr, "helper_keyscheck: line %zu is not hex\n", lineno);
				free(line);
				return 1;
			}
			n = (size_t)m;
		}
		check(line, n);
	}
	free(line);
	return ferror(stdout) || fflush(stdout) ? 1 : 0;
}
