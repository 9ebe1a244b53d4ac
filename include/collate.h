/*
 * collate.h - how names are matched and ordered: the search fold and the
 * Vietnamese collation keys.  Both read a name through one table of the
 * Latin letters (collate.c), so a search and a sort never disagree on what
 * a letter is.  Built on text.h; knows nothing of the data model.
 *
 * collate_fold returns a new NUL-terminated string owned by the caller
 * (free()), or NULL when out of memory.
 */
#ifndef DIENHINH_COLLATE_H
#define DIENHINH_COLLATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Search key: NFD, combining marks dropped, lower case, 'đ'/'Đ' -> 'd',
 * runs of white space collapsed to one space.  "Nguyễn Thị Hồng" and
 * "nguyen  thi HONG" both give "nguyen thi hong".
 */
char *collate_fold(const char *s);

/*
 * Vietnamese collation key of `s`, written to buf (at most cap bytes, never
 * NUL-terminated; the key never contains a 0x00 byte, so callers may use
 * 0x00 as a terminator after it).  Returns the full key length, which may
 * exceed cap (then the key is truncated, still a valid prefix).
 *
 * Order: primary level is the letter in the Vietnamese alphabet
 * a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y (f j w z in
 * their Latin places, digits before letters, space before everything, any
 * other character after letters by code point); the secondary level is the
 * tone, in the order: level (ngang), grave (huyền), hook (hỏi), tilde (ngã),
 * acute (sắc), dot (nặng); the tertiary level is case (lower first).
 * Comparing two keys with memcmp gives the order.
 */
size_t collate_key(const char *s, uint8_t *buf, size_t cap);

/*
 * Are a and b one name to an office: equal collation keys, so that they
 * differ at most in white space and in which vowel of a syllable carries
 * its tone ("Hòa" and "Hoà", "Thủy" and "Thuỷ", "Khỏe" and "Khoẻ")?  The
 * key places a word's one tone on the last vowel of its run of vowels.
 */
bool collate_same(const char *a, const char *b);

/*
 * Collation key for a person's full name, ordered as Vietnamese lists of
 * people are: by given name (last word), then by family and middle names.
 * "Nguyễn Văn An" sorts before "Trần Thị Ánh" before "Lê Văn Bình".
 * Same conventions as collate_key().
 */
size_t collate_person_key(const char *name, uint8_t *buf, size_t cap);

#endif
