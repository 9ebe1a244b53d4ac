/* keys.c - see keys.h. */
#include "keys.h"

#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "mem.h"

void keys_be64(uint8_t *p, uint64_t v)
{
	for (int i = 7; i >= 0; i--, v >>= 8)
		p[i] = (uint8_t)v;
}

uint64_t keys_rd64(const uint8_t *p)
{
	uint64_t v = 0;

	for (int i = 0; i < 8; i++)
		v = v << 8 | p[i];
	return v;
}

static void be32(uint8_t *p, uint32_t v)
{
	for (int i = 3; i >= 0; i--, v >>= 8)
		p[i] = (uint8_t)v;
}

static uint32_t rd32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

void key_add(struct key *k, const void *p, size_t n)
{
	if (n > sizeof k->b - k->n)
		n = sizeof k->b - k->n;
	memcpy(k->b + k->n, p, n);
	k->n += n;
}

void key_byte(struct key *k, uint8_t c)
{
	key_add(k, &c, 1);
}

void key_id(struct key *k, uint64_t id)
{
	uint8_t b[8];

	keys_be64(b, id);
	key_add(k, b, 8);
}

void key_period(struct key *k, int year, int quarter)
{
	k->n = 0;
	key_byte(k, (uint8_t)(year >> 8));
	key_byte(k, (uint8_t)year);
	if (quarter)
		key_byte(k, (uint8_t)quarter);
}

void key_counter(struct key *k, int year, int quarter, const char *unit)
{
	key_period(k, year, quarter);
	key_add(k, unit, strlen(unit));
}

/* Append a sort key made by `fn`, capped at KEYS_SORT_MAX bytes. */
static void key_sort(struct key *k, size_t (*fn)(const char *, uint8_t *, size_t),
		     const char *s)
{
	uint8_t sort[KEYS_SORT_MAX];
	size_t n = fn(s, sort, sizeof sort);

	key_add(k, sort, n < sizeof sort ? n : sizeof sort);
}

int keys_exemplar(const struct exemplar *x, struct ex_keys *k)
{
	int y = date_year(x->date), q = date_quarter(x->date);
	size_t ulen = strlen(x->unit), flen;

	memset(k, 0, sizeof *k);
	if (!(k->fold = collate_fold(x->name)))
		return -1;
	flen = strlen(k->fold);

	keys_list_prefix(x->unit, x->type, x->name, &k->list);
	key_id(&k->list, x->id);

	key_period(&k->period, y, q);
	key_add(&k->period, x->unit, ulen);
	key_byte(&k->period, 0);
	key_id(&k->period, x->id);

	key_add(&k->folds, k->fold, flen < KEYS_SORT_MAX ? flen : KEYS_SORT_MAX);
	key_byte(&k->folds, 0);
	key_id(&k->folds, x->id);

	key_counter(&k->counter, y, q, x->unit);

	uint8_t head[6];
	be32(head, (uint32_t)x->date);
	head[4] = (uint8_t)x->category;
	head[5] = (uint8_t)(x->status | (x->late ? KEYS_LATE : 0));
	if (buf_put(&k->value, head, sizeof head) || buf_put(&k->value, k->fold, flen + 1) ||
	    buf_put(&k->value, x->name, strlen(x->name)))
		return -1;
	return 0;
}

void keys_list_prefix(const char *unit, enum ex_type type, const char *name, struct key *k)
{
	k->n = 0;
	key_add(k, unit, strlen(unit));
	key_byte(k, 0);
	key_byte(k, (uint8_t)type);
	key_sort(k, type == TYPE_INDIVIDUAL ? collate_person_key : collate_key, name);
	key_byte(k, 0);
}

void keys_exemplar_free(struct ex_keys *k)
{
	free(k->fold);
	k->fold = NULL;
	buf_free(&k->value);
}

int keys_parse_list(const void *key, size_t key_len, const void *value, size_t value_len,
		    struct buf *strings, struct list_row *r)
{
	const uint8_t *kb = key, *vb = value;
	const uint8_t *nul = memchr(kb, 0, key_len), *fend;
	size_t ulen = nul ? (size_t)(nul - kb) : 0;

	if (!nul || ulen > CODE_MAX || key_len < ulen + 2 + 9 || kb[key_len - 9] != 0 ||
	    value_len < 7 || !(fend = memchr(vb + 6, 0, value_len - 6)))
		return -1;
	size_t flen = (size_t)(fend - (vb + 6));
	size_t nlen = value_len - 6 - flen - 1;
	if (memchr(fend + 1, 0, nlen))
		return -1;
	strings->len = 0;
	if (buf_put(strings, kb, ulen + 1) || buf_put(strings, vb + 6, flen + 1) ||
	    buf_put(strings, fend + 1, nlen) || buf_put(strings, "", 1))
		return ERR_RC_NOMEM;
	r->unit = (const char *)strings->data;
	r->fold = r->unit + ulen + 1;
	r->name = r->fold + flen + 1;
	r->type = kb[ulen + 1];
	r->id = keys_rd64(kb + key_len - 8);
	r->date = (date_t)rd32(vb);
	r->category = vb[4];
	r->status = vb[5] & (KEYS_LATE - 1);
	r->late = vb[5] & KEYS_LATE;
	r->key = kb;
	r->key_len = key_len;
	return 0;
}
