/*
 * keys.h - the byte layout of the database's keys and index values.
 *
 * Pure functions, no LMDB: store.c puts and finds what these build.
 * Integers are big-endian so that byte order is numeric order; sort and
 * collation keys never hold a 0x00 byte (text.h), so 0x00 can end them and
 * "An" stays before "Anh".
 *
 *   list      unit 00 type sortkey 00 id    -> date(4) category status fold 00 name
 *             (status | KEYS_LATE for a late entry)
 *   period    year(2) quarter unit 00 id    -> (empty)
 *   folds     folded-name 00 id             -> (empty)
 *   counters  year(2) quarter unit          -> counts, tagged (store_counts.c)
 */
#ifndef DIENHINH_KEYS_H
#define DIENHINH_KEYS_H

#include <stddef.h>
#include <stdint.h>

#include "codec.h"
#include "err.h"
#include "model.h"

#define KEYS_SORT_MAX 400 /* bytes of a sort, collation or search key kept in an index */
#define KEYS_MAX (CODE_MAX + 3 + KEYS_SORT_MAX + 8)
#define KEYS_LATE 0x80    /* in a list entry's status byte: a late entry */

/* A key under construction; LMDB keys are at most 511 bytes, these at most KEYS_MAX. */
struct key {
	uint8_t b[KEYS_MAX];
	size_t n;
};

void keys_be64(uint8_t *p, uint64_t v);
uint64_t keys_rd64(const uint8_t *p);

void key_add(struct key *k, const void *p, size_t n);
void key_byte(struct key *k, uint8_t c);
void key_id(struct key *k, uint64_t id);
/* Reset k to the period prefix: year, and quarter unless it is 0. */
void key_period(struct key *k, int year, int quarter);
/* Reset k to the counter key of a unit and quarter. */
void key_counter(struct key *k, int year, int quarter, const char *unit);

/* Every index key of one exemplar, and its list value. */
struct ex_keys {
	struct key list, period, folds, counter;
	char *fold;        /* collate_fold(name), owned */
	struct buf value;  /* the list entry's value, owned */
};

/* Build them; 0 or -1 when out of memory (k is freeable either way). */
int keys_exemplar(const struct exemplar *x, struct ex_keys *k);
void keys_exemplar_free(struct ex_keys *k);

/* Reset k to the list-index prefix shared by every exemplar of `unit` and
 * `type` whose name has the sort key of `name`: unit 00 type sortkey 00. */
void keys_list_prefix(const char *unit, enum ex_type type, const char *name, struct key *k);

/*
 * One entry of the list index: everything a list row shows.  Strings point
 * into the buffer given to keys_parse_list(); `key` into the LMDB key.
 */
struct list_row {
	uint64_t id;
	const char *unit;
	enum ex_type type;
	enum ex_category category;
	enum ex_status status;
	bool late;
	date_t date;
	const char *name;
	const char *fold;
	const uint8_t *key;
	size_t key_len;
};

/* Decode a list entry; strings are copied into `strings`.  0, -1 if malformed,
 * or ERR_RC_NOMEM. */
int keys_parse_list(const void *key, size_t key_len, const void *value, size_t value_len,
		    struct buf *strings, struct list_row *row);

#endif
