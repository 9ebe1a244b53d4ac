/*
 * codec.h - the stored form of records.
 *
 * Each record is a format byte followed by tagged fields: a tag byte, a
 * length (LEB128) and the payload (a LEB128 number, zig-zag for signed
 * values, or UTF-8 bytes, or a nested list of fields).  A decoder skips
 * tags it does not know, so a later version can add fields that older
 * programs still read; a format byte it does not know is refused, so a
 * record written by a newer incompatible program is never misread.
 * Decoders never trust their input: every length is bounded, every enum
 * checked, and a damaged record is an error, not a crash.
 */
#ifndef DIENHINH_CODEC_H
#define DIENHINH_CODEC_H

#include <stddef.h>
#include <stdint.h>

#include "audit.h"
#include "err.h"
#include "model.h"

/* A growable byte buffer; owns `data`. */
struct buf {
	uint8_t *data;
	size_t len, cap;
};

void buf_free(struct buf *b);
/* Append bytes; 0 or -1 when out of memory. */
int buf_put(struct buf *b, const void *p, size_t n);

/* Encoders append to `out` (which may hold other bytes); 0 or -1 (no memory). */
int codec_encode_exemplar(const struct exemplar *ex, struct buf *out);
int codec_encode_unit(const struct unit *u, struct buf *out);
int codec_encode_audit(const struct audit_entry *a, struct buf *out);

/*
 * Decoders fill an initialised struct (freeing what it held); 0, or -1 with
 * ERR_SCHEMA for a damaged record or an unknown format.
 */
int codec_decode_exemplar(const void *p, size_t n, struct exemplar *ex, struct err *e);
int codec_decode_unit(const void *p, size_t n, struct unit *u, struct err *e);
int codec_decode_audit(const void *p, size_t n, struct audit_entry *a, struct err *e);

#endif
