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
#include "codec.h"
#include "config.h"
#include "model.h"
#include "text.h"

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
			bad = fuzz_key(text_collate_key, out);
		if (!bad)
			bad = fuzz_key(text_person_key, out);
		if (!bad)
			bad = fuzz_fit(out, n ? d[0] % 40 : 0);
		if (!bad && (fold = text_fold(out))) {
			if (u8_check((const uint8_t *)fold, strlen(fold)))
				bad = "text_fold gave invalid UTF-8";
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
		free(text_fold(raw));
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

#endif
