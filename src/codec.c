/*
 * codec.c - see codec.h.
 *
 * Layout of a record:   FORMAT  { TAG  LEN  PAYLOAD }*
 *   FORMAT   one byte: the record kind and its format version (below);
 *   TAG      one byte, 1-255, meaning fixed per record kind;
 *   LEN      unsigned LEB128, at most 2^24;
 *   PAYLOAD  a number (unsigned LEB128, zig-zag for signed), UTF-8 text
 *            (no NUL), or nested fields of the same shape without FORMAT.
 * Empty strings and zero numbers are simply left out.  Tags may come in any
 * order; a repeated tag means a list (propagations, audit changes).
 */
#include "codec.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "i18n.h"
#include "mem.h"

enum {
	FMT_EXEMPLAR_V1 = 0x11,
	FMT_UNIT_V1 = 0x21,
	FMT_AUDIT_V1 = 0x31,
	MAX_PAYLOAD = 1 << 24,
	MAX_LIST = 100000,
};

/* Exemplar tags are the field table's (fields.h); a propagation's own are these.
 * Never renumber: they are on disk. */
enum { PR_CHANNEL = 1, PR_DATE, PR_REF, PR_BY, PR_AT };
enum {
	UN_CODE = 1, UN_NAME, UN_KIND, UN_BLOCK, UN_QUOTA, UN_FROM, UN_TO,
	UN_SUCCESSOR,
};
enum {
	AU_SEQ = 1, AU_TIME, AU_USER, AU_OP, AU_RECORD, AU_NOTE, AU_CHANGE,
};
enum { CH_FIELD = 1, CH_BEFORE, CH_AFTER };

/* ---- buffer ------------------------------------------------------------ */

void buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

int buf_put(struct buf *b, const void *p, size_t n)
{
	if (b->len + n > b->cap &&
	    (n > SIZE_MAX - b->len || mem_grow(&b->data, &b->cap, b->len + n, 1, 256)))
		return -1;
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	return 0;
}

/* ---- writing ----------------------------------------------------------- */

static int put_uleb(struct buf *b, uint64_t v)
{
	uint8_t tmp[10];
	size_t n = 0;

	do {
		tmp[n] = v & 0x7f;
		v >>= 7;
		if (v)
			tmp[n] |= 0x80;
		n++;
	} while (v);
	return buf_put(b, tmp, n);
}

static size_t uleb_size(uint64_t v)
{
	size_t n = 1;

	while (v >>= 7)
		n++;
	return n;
}

static uint64_t zigzag(int64_t v)
{
	/* all ones for a negative value, without shifting a signed one */
	return ((uint64_t)v << 1) ^ (0 - ((uint64_t)v >> 63));
}

static int64_t unzigzag(uint64_t v)
{
	return (int64_t)(v >> 1) ^ -(int64_t)(v & 1);
}

static int put_bytes(struct buf *b, int tag, const void *p, size_t n)
{
	uint8_t t = (uint8_t)tag;

	if (buf_put(b, &t, 1) || put_uleb(b, n))
		return -1;
	return buf_put(b, p, n);
}

static int put_u(struct buf *b, int tag, uint64_t v)
{
	uint8_t t = (uint8_t)tag;

	if (!v)
		return 0;
	if (buf_put(b, &t, 1) || put_uleb(b, uleb_size(v)))
		return -1;
	return put_uleb(b, v);
}

static int put_s(struct buf *b, int tag, int64_t v)
{
	return put_u(b, tag, zigzag(v));
}

static int put_date(struct buf *b, int tag, date_t d)
{
	/* DATE_NONE is the absent field; day 0 (1970-01-01) is stored as such. */
	if (d == DATE_NONE)
		return 0;
	uint8_t t = (uint8_t)tag;
	uint64_t v = zigzag(d);
	if (buf_put(b, &t, 1) || put_uleb(b, uleb_size(v)))
		return -1;
	return put_uleb(b, v);
}

static int put_str(struct buf *b, int tag, const char *s)
{
	if (!s || !*s)
		return 0;
	return put_bytes(b, tag, s, strlen(s));
}

static int put_nested(struct buf *b, int tag, const struct buf *inner)
{
	return put_bytes(b, tag, inner->data, inner->len);
}

/* ---- reading ----------------------------------------------------------- */

/* A cursor over fields; `bad` is set on the first malformed byte. */
struct rd {
	const uint8_t *p, *end;
	int bad;
};

static int get_uleb(const uint8_t **pp, const uint8_t *end, uint64_t *out)
{
	uint64_t v = 0;
	int shift = 0;

	while (*pp < end && shift < 64) {
		uint8_t c = *(*pp)++;
		v |= (uint64_t)(c & 0x7f) << shift;
		if (!(c & 0x80)) {
			*out = v;
			return 0;
		}
		shift += 7;
	}
	return -1;
}

/* Next field: 1 and tag/payload, 0 at the end, -1 (and r->bad) when damaged. */
static int next_field(struct rd *r, int *tag, const uint8_t **pl, size_t *n)
{
	uint64_t len;

	if (r->p == r->end)
		return 0;
	*tag = *r->p++;
	if (*tag == 0 || get_uleb(&r->p, r->end, &len) || len > MAX_PAYLOAD ||
	    len > (uint64_t)(r->end - r->p)) {
		r->bad = 1;
		return -1;
	}
	*pl = r->p;
	*n = (size_t)len;
	r->p += len;
	return 1;
}

static int pl_uint(struct rd *r, const uint8_t *pl, size_t n, uint64_t max, uint64_t *out)
{
	const uint8_t *p = pl;
	uint64_t v;

	if (get_uleb(&p, pl + n, &v) || p != pl + n || v > max) {
		r->bad = 1;
		return -1;
	}
	*out = v;
	return 0;
}

static int pl_int(struct rd *r, const uint8_t *pl, size_t n, int64_t lo, int64_t hi,
		  int64_t *out)
{
	uint64_t u;

	if (pl_uint(r, pl, n, UINT64_MAX, &u))
		return -1;
	int64_t v = unzigzag(u);
	if (v < lo || v > hi) {
		r->bad = 1;
		return -1;
	}
	*out = v;
	return 0;
}

static int pl_enum(struct rd *r, const uint8_t *pl, size_t n, int count, int *out)
{
	uint64_t v;

	if (pl_uint(r, pl, n, UINT64_MAX, &v))
		return -1;
	if (v < 1 || v >= (uint64_t)count) {
		r->bad = 1;
		return -1;
	}
	*out = (int)v;
	return 0;
}

/* What a reader does with one field: the reader, the tag, the payload. */
typedef void field_fn(struct rd *r, int tag, const uint8_t *q, size_t m, void *ctx);

/*
 * Read every field of r into `one`, after the format byte `fmt` (0: a nested
 * list, which has none); stops at the first damage.  0, or -1 with r->bad.
 */
static int read_fields(struct rd *r, uint8_t fmt, field_fn *one, void *ctx)
{
	const uint8_t *q;
	size_t m;
	int tag, rc = 0;

	if (fmt && (r->p == r->end || *r->p++ != fmt))
		r->bad = 1;
	while (!r->bad && (rc = next_field(r, &tag, &q, &m)) > 0)
		one(r, tag, q, m, ctx);
	if (rc < 0 && !r->bad)
		r->bad = 1;
	return r->bad ? -1 : 0;
}

/* Replace *dst by a NUL-terminated copy of the payload. */
static int pl_str(struct rd *r, const uint8_t *pl, size_t n, char **dst)
{
	if (memchr(pl, 0, n)) {
		r->bad = 1;
		return -1;
	}
	char *s = malloc(n + 1);
	if (!s) {
		r->bad = 2;
		return -1;
	}
	memcpy(s, pl, n);
	s[n] = 0;
	free(*dst);
	*dst = s;
	return 0;
}

/* Copy into a fixed array of `cap` bytes (including the NUL). */
static int pl_fixed(struct rd *r, const uint8_t *pl, size_t n, char *dst, size_t cap)
{
	if (n >= cap || memchr(pl, 0, n)) {
		r->bad = 1;
		return -1;
	}
	memcpy(dst, pl, n);
	dst[n] = 0;
	return 0;
}

static int pl_date(struct rd *r, const uint8_t *pl, size_t n, date_t *out)
{
	int64_t v;

	if (pl_int(r, pl, n, -2000000, 3000000, &v))
		return -1;
	*out = (date_t)v;
	return 0;
}

static int damaged(struct rd *r, struct err *e, const char *what)
{
	if (r->bad == 2)
		return err_nomem(e);
	return err_set(e, ERR_SCHEMA, _("A stored %s record is damaged or was written by a "
				       "newer version of the program."), what);
}

/* ---- exemplars --------------------------------------------------------- */

static int encode_propagation(const struct propagation *p, int tag, struct buf *out)
{
	struct buf in = { 0 };
	int rc = -1;

	if (!put_u(&in, PR_CHANNEL, p->channel) && !put_date(&in, PR_DATE, p->date) &&
	    !put_str(&in, PR_REF, p->ref) && !put_str(&in, PR_BY, p->by) &&
	    !put_s(&in, PR_AT, p->at))
		rc = put_nested(out, tag, &in);
	buf_free(&in);
	return rc;
}

/* One field of x, as its row's kind says; 0 or -1. */
static int encode_field(const struct exemplar *x, const struct field *f, struct buf *out)
{
	const char *p = (const char *)x + f->offset;

	switch (f->kind) {
	case FK_TEXT: return put_str(out, f->tag, field_text(x, f));
	case FK_UNIT:
	case FK_ACCOUNT: return put_str(out, f->tag, p);
	case FK_ENUM: return put_u(out, f->tag, (uint64_t)field_enum(x, f));
	case FK_FLAG: return put_u(out, f->tag, *(const bool *)p);
	case FK_DATE: return put_date(out, f->tag, *(const date_t *)p);
	case FK_YEAR: return put_s(out, f->tag, *(const int *)p);
	case FK_TIME: return put_s(out, f->tag, *(const int64_t *)p);
	case FK_ID: return put_u(out, f->tag, x->id);
	case FK_VERSION: return put_u(out, f->tag, x->version);
	case FK_LIST:
		for (size_t i = 0; i < x->n_propagations; i++)
			if (encode_propagation(&x->propagations[i], f->tag, out))
				return -1;
		return 0;
	case FK_UNIT_NAME: return 0;
	}
	return 0;
}

int codec_encode_exemplar(const struct exemplar *x, struct buf *out)
{
	uint8_t fmt = FMT_EXEMPLAR_V1;

	if (buf_put(out, &fmt, 1))
		return -1;
	for (size_t i = 0; i < FIELD_COUNT; i++)
		if (field_table[i].tag && encode_field(x, &field_table[i], out))
			return -1;
	return 0;
}

static void propagation_field(struct rd *r, int tag, const uint8_t *q, size_t m, void *ctx)
{
	struct propagation *p = ctx;
	int64_t v;
	int ch;

	switch (tag) {
	case PR_CHANNEL: if (!pl_enum(r, q, m, CHANNEL_COUNT_, &ch)) p->channel = ch; break;
	case PR_DATE: pl_date(r, q, m, &p->date); break;
	case PR_REF: pl_str(r, q, m, &p->ref); break;
	case PR_BY: pl_fixed(r, q, m, p->by, sizeof p->by); break;
	case PR_AT: if (!pl_int(r, q, m, INT64_MIN / 2, INT64_MAX / 2, &v)) p->at = v; break;
	}
}

static void decode_propagation(struct rd *outer, const uint8_t *pl, size_t n,
			       struct exemplar *x)
{
	struct rd r = { pl, pl + n, 0 };
	struct propagation p = { .date = DATE_NONE };
	struct propagation *a = NULL;

	if (x->n_propagations >= MAX_LIST || read_fields(&r, 0, propagation_field, &p) ||
	    !p.channel)
		outer->bad = r.bad == 2 ? 2 : 1;
	else if (!(a = realloc(x->propagations, (x->n_propagations + 1) * sizeof *a)))
		outer->bad = 2;
	if (outer->bad) {
		free(p.ref);
		return;
	}
	x->propagations = a;
	a[x->n_propagations++] = p;
}

/* One exemplar field.  A tag no row has is a field added by a later version:
 * skipped. */
static void exemplar_field(struct rd *r, int tag, const uint8_t *q, size_t m, void *ctx)
{
	struct exemplar *x = ctx;
	const struct field *f = NULL;
	uint64_t u;
	int64_t v;
	int en;

	for (size_t i = 0; !f && i < FIELD_COUNT; i++)
		if (field_table[i].tag == tag)
			f = &field_table[i];
	if (!f)
		return;
	char *p = (char *)x + f->offset;
	switch (f->kind) {
	case FK_TEXT: pl_str(r, q, m, field_text_at(x, f)); break;
	case FK_UNIT: pl_fixed(r, q, m, p, sizeof x->unit); break;
	case FK_ACCOUNT: pl_fixed(r, q, m, p, USER_MAX + 1); break;
	case FK_ENUM:
		if (!pl_enum(r, q, m, model_set_end(f->set), &en))
			field_set_enum(x, f, en);
		break;
	case FK_DATE: pl_date(r, q, m, (date_t *)p); break;
	case FK_FLAG: if (!pl_uint(r, q, m, 1, &u)) *(bool *)p = u != 0; break;
	case FK_YEAR: if (!pl_int(r, q, m, 0, 9999, &v)) *(int *)p = (int)v; break;
	case FK_TIME: if (!pl_int(r, q, m, 0, INT64_MAX / 2, &v)) *(int64_t *)p = v; break;
	case FK_ID: if (!pl_uint(r, q, m, UINT64_MAX, &u)) x->id = u; break;
	case FK_VERSION: if (!pl_uint(r, q, m, UINT32_MAX, &u)) x->version = (uint32_t)u; break;
	case FK_LIST: decode_propagation(r, q, m, x); break;
	case FK_UNIT_NAME: break;
	}
}

int codec_decode_exemplar(const void *p, size_t n, struct exemplar *x, struct err *e)
{
	struct rd r = { p, (const uint8_t *)p + n, 0 };

	model_exemplar_free(x);
	if (read_fields(&r, FMT_EXEMPLAR_V1, exemplar_field, x) || !x->id || !x->type ||
	    !x->category || !x->status || !x->name || !*x->name || x->date == DATE_NONE ||
	    !x->unit[0]) {
		model_exemplar_free(x);
		return damaged(&r, e, _("exemplar"));
	}
	return 0;
}

/* ---- units ------------------------------------------------------------- */

int codec_encode_unit(const struct unit *u, struct buf *out)
{
	uint8_t fmt = FMT_UNIT_V1;

	if (buf_put(out, &fmt, 1) || put_str(out, UN_CODE, u->code) ||
	    put_str(out, UN_NAME, u->name) || put_u(out, UN_KIND, u->kind) ||
	    put_str(out, UN_BLOCK, u->block) || put_u(out, UN_QUOTA, (uint64_t)u->quota) ||
	    put_date(out, UN_FROM, u->active_from) || put_date(out, UN_TO, u->active_to) ||
	    put_str(out, UN_SUCCESSOR, u->successor))
		return -1;
	return 0;
}

static void unit_field(struct rd *r, int tag, const uint8_t *q, size_t m, void *ctx)
{
	struct unit *u = ctx;
	uint64_t v;
	int en;

	switch (tag) {
	case UN_CODE: pl_fixed(r, q, m, u->code, sizeof u->code); break;
	case UN_NAME: pl_str(r, q, m, &u->name); break;
	case UN_KIND: if (!pl_enum(r, q, m, KIND_COUNT_, &en)) u->kind = en; break;
	case UN_BLOCK: pl_fixed(r, q, m, u->block, sizeof u->block); break;
	case UN_QUOTA: if (!pl_uint(r, q, m, 1000, &v)) u->quota = (int)v; break;
	case UN_FROM: pl_date(r, q, m, &u->active_from); break;
	case UN_TO: pl_date(r, q, m, &u->active_to); break;
	case UN_SUCCESSOR: pl_fixed(r, q, m, u->successor, sizeof u->successor); break;
	default: break;
	}
}

int codec_decode_unit(const void *p, size_t n, struct unit *u, struct err *e)
{
	struct rd r = { p, (const uint8_t *)p + n, 0 };

	model_unit_free(u);
	memset(u, 0, sizeof *u);
	u->active_from = u->active_to = DATE_NONE;
	if (read_fields(&r, FMT_UNIT_V1, unit_field, u) || !u->code[0] || !u->name ||
	    !*u->name || !u->kind) {
		model_unit_free(u);
		return damaged(&r, e, _("unit"));
	}
	return 0;
}

/* ---- audit ------------------------------------------------------------- */

int codec_encode_audit(const struct audit_entry *a, struct buf *out)
{
	uint8_t fmt = FMT_AUDIT_V1;

	if (buf_put(out, &fmt, 1) || put_u(out, AU_SEQ, a->seq) ||
	    put_s(out, AU_TIME, a->time) || put_str(out, AU_USER, a->user) ||
	    put_str(out, AU_OP, a->op) || put_u(out, AU_RECORD, a->record) ||
	    put_str(out, AU_NOTE, a->note))
		return -1;
	for (size_t i = 0; i < a->n_changes; i++) {
		const struct audit_change *c = &a->changes[i];
		struct buf in = { 0 };
		int rc = put_str(&in, CH_FIELD, c->field) ||
			 put_str(&in, CH_BEFORE, c->before) ||
			 put_str(&in, CH_AFTER, c->after) ||
			 put_nested(out, AU_CHANGE, &in);
		buf_free(&in);
		if (rc)
			return -1;
	}
	return 0;
}

/* One change's parts, owned until it is added to the entry. */
struct change_parts {
	char *field, *before, *after;
};

static void change_field(struct rd *r, int tag, const uint8_t *q, size_t m, void *ctx)
{
	struct change_parts *c = ctx;

	if (tag == CH_FIELD)
		pl_str(r, q, m, &c->field);
	else if (tag == CH_BEFORE)
		pl_str(r, q, m, &c->before);
	else if (tag == CH_AFTER)
		pl_str(r, q, m, &c->after);
}

static void decode_change(struct rd *outer, const uint8_t *pl, size_t n,
			  struct audit_entry *a)
{
	struct rd r = { pl, pl + n, 0 };
	struct change_parts c = { 0 };

	if (read_fields(&r, 0, change_field, &c) || !c.field || !*c.field ||
	    a->n_changes >= MAX_LIST)
		outer->bad = r.bad == 2 ? 2 : 1;
	else if (audit_add_change(a, c.field, c.before, c.after))
		outer->bad = 2; /* out of memory, not a damaged record */
	free(c.field);
	free(c.before);
	free(c.after);
}

static void audit_field(struct rd *r, int tag, const uint8_t *q, size_t m, void *ctx)
{
	struct audit_entry *a = ctx;
	uint64_t u;
	int64_t v;

	switch (tag) {
	case AU_SEQ: if (!pl_uint(r, q, m, UINT64_MAX, &u)) a->seq = u; break;
	case AU_TIME: if (!pl_int(r, q, m, 0, INT64_MAX / 2, &v)) a->time = v; break;
	case AU_USER: pl_fixed(r, q, m, a->user, sizeof a->user); break;
	case AU_OP: pl_fixed(r, q, m, a->op, sizeof a->op); break;
	case AU_RECORD: if (!pl_uint(r, q, m, UINT64_MAX, &u)) a->record = u; break;
	case AU_NOTE: pl_str(r, q, m, &a->note); break;
	case AU_CHANGE: decode_change(r, q, m, a); break;
	default: break;
	}
}

int codec_decode_audit(const void *p, size_t n, struct audit_entry *a, struct err *e)
{
	struct rd r = { p, (const uint8_t *)p + n, 0 };

	audit_entry_free(a);
	if (read_fields(&r, FMT_AUDIT_V1, audit_field, a) || !a->seq || !a->op[0]) {
		audit_entry_free(a);
		return damaged(&r, e, _("audit"));
	}
	return 0;
}
