/* collate.c - see collate.h. */
#include "collate.h"

#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "mem.h"
#include "text.h"

/* ---- the letter table ------------------------------------------------------ */

/*
 * What the search fold and the collation key make of one character of
 * U+0000-U+024F or U+1E00-U+1EFF, the Latin letters with every Vietnamese
 * one: worked out once by the general code below (char_fill), so the two
 * ways can never disagree, and then looked up instead of decomposing the
 * character and asking libunistring again for each string.
 */
struct char_info {
	ucs4_t base;      /* collation: first character of its decomposition, lower case */
	int8_t letter;    /* letter_index(base, mod): its place in the alphabet, or -1 */
	uint8_t mod, tone;
	uint8_t flags;    /* CI_* */
	uint8_t fold_len; /* collate_fold writes fold[0..fold_len) for it */
	uint8_t fold[3];
};

enum {
	CI_SPACE = 1 << 0,     /* white space */
	CI_UPPER = 1 << 1,     /* base was upper case */
	CI_KEY_SLOW = 1 << 2,  /* not one unit with Vietnamese marks: key it the long way */
	CI_FOLD_SLOW = 1 << 3, /* fold it the long way */
	CI_LATIN_END = 0x250,
	CI_EXT = 0x1E00,       /* Latin Extended Additional, 0x100 characters */
	CI_COUNT = CI_LATIN_END + 0x100,
};

static const struct char_info *char_table(void);

/* uc's entry in the table t, or NULL outside it. */
static inline const struct char_info *char_info(const struct char_info *t, ucs4_t uc)
{
	if (uc < CI_LATIN_END)
		return &t[uc];
	if (uc - CI_EXT < 0x100)
		return &t[CI_LATIN_END + (uc - CI_EXT)];
	return NULL;
}

/* ---- growing output string ----------------------------------------------- */

/* A result string being built; `failed` sticks once an allocation failed. */
struct sink {
	char *p;
	size_t len, cap; /* cap counts the byte kept for the final NUL */
	bool failed;
};

static bool sink_init(struct sink *k, size_t cap)
{
	k->len = 0;
	k->cap = cap ? cap : 1;
	k->failed = false;
	k->p = malloc(k->cap);
	return k->p != NULL;
}

static bool sink_room(struct sink *k, size_t n)
{
	if (k->failed)
		return false;
	if (k->len + n < k->cap)
		return true;
	if (mem_grow(&k->p, &k->cap, k->len + n + 1, 1, 1)) {
		k->failed = true;
		return false;
	}
	return true;
}

static void sink_put(struct sink *k, const void *b, size_t n)
{
	if (sink_room(k, n)) {
		memcpy(k->p + k->len, b, n);
		k->len += n;
	}
}

static void sink_putc(struct sink *k, char c)
{
	if (k->len + 1 < k->cap || sink_room(k, 1))
		k->p[k->len++] = c;
}

static void sink_uc(struct sink *k, ucs4_t uc)
{
	uint8_t b[6];
	int n = u8_uctomb(b, uc, sizeof b);

	if (n > 0)
		sink_put(k, b, (size_t)n);
}

/* The NUL-terminated result, or NULL (everything freed) if memory ran out. */
static char *sink_done(struct sink *k)
{
	if (k->failed) {
		free(k->p);
		return NULL;
	}
	k->p[k->len] = '\0';
	return k->p;
}

/* ---- search folding ------------------------------------------------------ */

/*
 * Beyond the header: format characters (zero-width space, soft hyphen, BOM)
 * are dropped so that pasted text still matches, and the Icelandic eth Ð/ð,
 * which old converters and some keyboards produce for Đ, folds to 'd' too.
 * fold_cp() gives what one decomposed character folds to, false for nothing.
 */
static bool fold_cp(ucs4_t c, ucs4_t *out)
{
	if (text_is_mark(c) || uc_is_general_category(c, UC_CATEGORY_Cf))
		return false;
	c = uc_tolower(c);
	*out = c == 0x111 || c == 0xF0 ? 'd' : c;
	return true;
}

static void fold_char(struct sink *k, ucs4_t uc, bool *space)
{
	ucs4_t d[UC_DECOMPOSITION_MAX_LENGTH], c;
	int n;

	if (text_is_space(uc)) {
		if (!*space)
			sink_putc(k, ' ');
		*space = true;
		return;
	}
	n = text_decompose(uc, d, UC_DECOMPOSITION_MAX_LENGTH);
	for (int i = 0; i < n; i++) {
		if (fold_cp(d[i], &c)) {
			sink_uc(k, c);
			*space = false;
		}
	}
}

char *collate_fold(const char *s)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t n = strlen(s);
	const uint8_t *end = p + n;
	const struct char_info *tab = char_table(), *ci;
	struct sink k;
	bool space = false;

	/* Folding mostly shrinks text, so one allocation is enough in practice. */
	if (!sink_init(&k, n + 1))
		return NULL;
	while (p < end) {
		ucs4_t uc = *p;

		if (uc < 0x80 && uc != ' ' && (uc < '\t' || uc > '\r')) {
			sink_putc(&k, (char)(uc >= 'A' && uc <= 'Z' ? uc + ('a' - 'A') : uc));
			space = false;
			p++;
			continue;
		}
		p += text_next_char(p, end, &uc);
		ci = char_info(tab, uc);
		if (!ci || (ci->flags & CI_FOLD_SLOW)) {
			fold_char(&k, uc, &space);
		} else if (ci->flags & CI_SPACE) {
			if (!space)
				sink_putc(&k, ' ');
			space = true;
		} else if (ci->fold_len) {
			sink_put(&k, ci->fold, ci->fold_len);
			space = false;
		}
	}
	return sink_done(&k);
}

/* ---- collation ----------------------------------------------------------- */

/*
 * Collation key encoding.  The string is decomposed (NFD) and cut into
 * units: one character that is not a non-spacing mark, with the marks that
 * follow it.  White space runs count as one space unit; leading and
 * trailing white space is ignored.  The key is three levels, each a
 * sequence of weights, one entry per unit:
 *
 *   primary 0x01 secondary 0x01 tertiary
 *
 * 0x01 ends a level and is below every weight, so a shorter string sorts
 * first and comparison reaches the next level only when the previous one
 * is equal.  Both separators are always written; no byte is ever 0x00.
 *
 * Primary: 0x02 space; 0x03-0x0C digits 0-9; 0x10-0x30 the letters
 * a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z (ă â
 * ê ô ơ ư are a base letter with breve, circumflex or horn); any other
 * character, lower-cased, as three bytes 0x80 + (cp >> 14),
 * 0x80 | (cp >> 7 & 0x7F), 0x80 | (cp & 0x7F), which keeps code point
 * order above all letters.
 *
 * Secondary: the tone, 0x02 level, 0x03 grave (huyền), 0x04 hook (hỏi),
 * 0x05 tilde (ngã), 0x06 acute (sắc), 0x07 dot below (nặng).  Marks that
 * are not Vietnamese (ü, ç...) and modifiers on letters that do not take
 * them make the entry 0x08, tone byte, then each such mark in canonical
 * order as three bytes like an "other" primary: after all tones.
 *
 * Tertiary: 0x02 lower case, 0x03 upper case.
 *
 * Trailing 0x02 entries of the secondary and tertiary levels are dropped:
 * they are the lowest weight, so the order is unchanged and keys shrink.
 * Everything primary comes first, so a key cut short is still a prefix.
 */
enum {
	KEY_QUICK = 256,    /* collate_same's keys on the stack; longer ones allocated */
	K_SEP = 0x01,
	K_SPACE = 0x02,
	K_DIGIT = 0x03,
	K_LETTER = 0x10,
	K_LOW = 0x02,       /* level tone, lower case: the trimmed default */
	K_FOREIGN = 0x08,   /* secondary entry carrying foreign marks */
	K_UPPER = 0x03,
	UNIT_MARKS = 8,     /* foreign marks kept per unit; more are ignored */
	LEVEL_ASIDE = 512,  /* bytes of a level kept aside: more than the indexes keep */
};

enum { MOD_NONE, MOD_BREVE, MOD_CIRC, MOD_HORN };

/* The alphabet as base letter + modifier, in collation order. */
static const struct {
	ucs4_t base;
	int mod;
} alphabet[] = {
	{'a', MOD_NONE}, {'a', MOD_BREVE}, {'a', MOD_CIRC}, {'b', MOD_NONE}, {'c', MOD_NONE},
	{'d', MOD_NONE}, {0x111, MOD_NONE}, {'e', MOD_NONE}, {'e', MOD_CIRC}, {'f', MOD_NONE},
	{'g', MOD_NONE}, {'h', MOD_NONE}, {'i', MOD_NONE}, {'j', MOD_NONE}, {'k', MOD_NONE},
	{'l', MOD_NONE}, {'m', MOD_NONE}, {'n', MOD_NONE}, {'o', MOD_NONE}, {'o', MOD_CIRC},
	{'o', MOD_HORN}, {'p', MOD_NONE}, {'q', MOD_NONE}, {'r', MOD_NONE}, {'s', MOD_NONE},
	{'t', MOD_NONE}, {'u', MOD_NONE}, {'u', MOD_HORN}, {'v', MOD_NONE}, {'w', MOD_NONE},
	{'x', MOD_NONE}, {'y', MOD_NONE}, {'z', MOD_NONE},
};

static int letter_index(ucs4_t base, int mod)
{
	for (size_t i = 0; i < sizeof alphabet / sizeof alphabet[0]; i++)
		if (alphabet[i].base == base && alphabet[i].mod == mod)
			return (int)i;
	return -1;
}

static int tone_of(ucs4_t m)
{
	switch (m) {
	case 0x300: return 1; /* huyền */
	case 0x309: return 2; /* hỏi */
	case 0x303: return 3; /* ngã */
	case 0x301: return 4; /* sắc */
	case 0x323: return 5; /* nặng */
	}
	return 0;
}

static int mod_of(ucs4_t m)
{
	return m == 0x306 ? MOD_BREVE : m == 0x302 ? MOD_CIRC : m == 0x31B ? MOD_HORN : MOD_NONE;
}

/* One unit: a lower-cased base character and what its marks mean. */
struct unit {
	ucs4_t base;
	int mod, tone; /* mod only when base+mod is a letter of the alphabet */
	int letter;    /* always letter_index(base, mod) */
	bool upper;
	int nmarks;
	ucs4_t marks[UNIT_MARKS]; /* foreign marks, sorted by combining class */
};

/*
 * Decomposed characters of a string, with one character of look-ahead.
 * A character of the table is taken whole (cps_quick) when nothing
 * decomposed is waiting in buf.
 */
struct cps {
	const uint8_t *p, *end;
	const struct char_info *tab;
	ucs4_t buf[UC_DECOMPOSITION_MAX_LENGTH];
	int n, i;
	bool started; /* a unit was produced: later white space counts */
};

static bool cps_peek(struct cps *c, ucs4_t *uc)
{
	if (c->i == c->n) {
		ucs4_t u;

		if (c->p >= c->end)
			return false;
		c->p += text_next_char(c->p, c->end, &u);
		c->n = text_decompose(u, c->buf, UC_DECOMPOSITION_MAX_LENGTH);
		c->i = 0;
	}
	*uc = c->buf[c->i];
	return true;
}

static bool cps_next(struct cps *c, ucs4_t *uc)
{
	if (!cps_peek(c, uc))
		return false;
	c->i++;
	return true;
}

static void unit_mark(struct unit *u, ucs4_t m)
{
	int tone = tone_of(m), mod = mod_of(m), i, li;

	if (tone && !u->tone) {
		u->tone = tone;
		return;
	}
	if (mod && !u->mod && (li = letter_index(u->base, mod)) >= 0) {
		u->mod = mod;
		u->letter = li;
		return;
	}
	if (u->nmarks == UNIT_MARKS)
		return;
	/* Stable insertion by combining class: canonically equivalent input agrees. */
	for (i = u->nmarks; i > 0 && uc_combining_class(u->marks[i - 1]) >
				     uc_combining_class(m); i--)
		u->marks[i] = u->marks[i - 1];
	u->marks[i] = m;
	u->nmarks++;
}

/* A unit starting with the (not white space) decomposed character uc. */
static void unit_start(struct unit *u, ucs4_t uc)
{
	*u = (struct unit){.base = uc_tolower(uc)};
	u->upper = u->base != uc;
	u->letter = letter_index(u->base, MOD_NONE);
}

/*
 * Fill e with what collate_fold and unit_next make of cp, as fold_char() and
 * the general path of unit_next() do; the flags send what the table cannot
 * hold the long way: a fold of more than one character or three bytes, a
 * unit with foreign marks, a decomposition that is not one unit.
 */
static void char_fill(ucs4_t cp, struct char_info *e)
{
	ucs4_t d[UC_DECOMPOSITION_MAX_LENGTH], f;
	int n = text_decompose(cp, d, UC_DECOMPOSITION_MAX_LENGTH), k;
	struct unit u;

	*e = (struct char_info){.letter = -1};
	if (text_is_space(cp)) {
		e->flags = n == 1 && text_is_space(d[0]) ? CI_SPACE : CI_SPACE | CI_KEY_SLOW;
		return;
	}
	for (int i = 0; i < n; i++) {
		if (!fold_cp(d[i], &f))
			continue;
		if (e->fold_len || (k = u8_uctomb(e->fold, f, sizeof e->fold)) <= 0) {
			e->flags |= CI_FOLD_SLOW;
			break;
		}
		e->fold_len = (uint8_t)k;
	}
	if (text_is_space(d[0]) || text_is_mark(d[0]))
		e->flags |= CI_KEY_SLOW;
	unit_start(&u, d[0]);
	for (int i = 1; i < n; i++) {
		if (!text_is_mark(d[i]))
			e->flags |= CI_KEY_SLOW;
		unit_mark(&u, d[i]);
	}
	if (u.nmarks)
		e->flags |= CI_KEY_SLOW;
	e->base = u.base;
	e->letter = (int8_t)u.letter;
	e->mod = (uint8_t)u.mod;
	e->tone = (uint8_t)u.tone;
	if (u.upper)
		e->flags |= CI_UPPER;
}

static struct char_info char_tab[CI_COUNT];
static bool char_tab_filled;

static void char_tab_fill(void)
{
	for (ucs4_t c = 0; c < CI_LATIN_END; c++)
		char_fill(c, &char_tab[c]);
	for (ucs4_t c = 0; c < 0x100; c++)
		char_fill(CI_EXT + c, &char_tab[CI_LATIN_END + c]);
}

/* The table, filled on first use. */
static const struct char_info *char_table(void)
{
	if (!char_tab_filled) {
		char_tab_fill();
		char_tab_filled = true;
	}
	return char_tab;
}

/*
 * The table entry of the next character if it can be taken whole: nothing
 * decomposed is waiting and the table keys it.  *len gets its length.
 */
static const struct char_info *cps_quick(const struct cps *c, size_t *len)
{
	const struct char_info *e;
	ucs4_t uc;

	if (c->i < c->n || c->p >= c->end)
		return NULL;
	*len = text_next_char(c->p, c->end, &uc);
	e = char_info(c->tab, uc);
	return e && !(e->flags & CI_KEY_SLOW) ? e : NULL;
}

/* Step over the white space that comes next. */
static void cps_skip_space(struct cps *c)
{
	const struct char_info *e;
	size_t len;
	ucs4_t uc;

	for (;;) {
		if ((e = cps_quick(c, &len))) {
			if (!(e->flags & CI_SPACE))
				return;
			c->p += len;
		} else if (cps_peek(c, &uc) && text_is_space(uc)) {
			c->i++;
		} else {
			return;
		}
	}
}

/* Take the next decomposed character if it is a mark (a whole table character never is). */
static bool cps_mark(struct cps *c, ucs4_t *uc)
{
	size_t len;

	if (cps_quick(c, &len) || !cps_peek(c, uc) || !text_is_mark(*uc))
		return false;
	c->i++;
	return true;
}

/* Next unit of the string; false at its end. */
static bool unit_next(struct cps *c, struct unit *u)
{
	const struct char_info *e;
	size_t len;
	ucs4_t uc;

	for (;;) {
		if ((e = cps_quick(c, &len))) {
			c->p += len;
			if (!(e->flags & CI_SPACE)) {
				*u = (struct unit){.base = e->base, .mod = e->mod,
						   .tone = e->tone, .letter = e->letter,
						   .upper = e->flags & CI_UPPER};
				break;
			}
		} else if (!cps_next(c, &uc)) {
			return false;
		} else if (!text_is_space(uc)) {
			unit_start(u, uc);
			break;
		}
		cps_skip_space(c);
		if (c->started && (c->i < c->n || c->p < c->end)) {
			*u = (struct unit){.base = ' ', .letter = -1};
			return true;
		}
	}
	c->started = true;
	while (cps_mark(c, &uc))
		unit_mark(u, uc);
	return true;
}

/*
 * Units a word at a time, with the word's tone on one canonical vowel.
 * Offices write a tone on either vowel of oa, oe, uy ("Hòa" and "Hoà",
 * "Thủy" and "Thuỷ") and mean one name: so a word whose one tone sits on
 * a vowel has it moved, for the key only, to the last vowel of that run
 * of vowels.  Both spellings then have the same key, and a list of people
 * goes on to the family name.  A word longer than WORD_UNITS (no
 * Vietnamese syllable is) is taken as it is, in pieces.
 */
enum { WORD_UNITS = 16 };

struct words {
	struct cps c;
	struct unit u[WORD_UNITS];
	int n, i;
	bool held;          /* `space` ended the word last read */
	struct unit space;
};

static bool unit_vowel(const struct unit *u)
{
	return u->base && u->base < 0x80 && strchr("aeiouy", (int)u->base);
}

static void place_tone(struct unit *u, int n)
{
	int k = -1, hi;

	for (int i = 0; i < n; i++)
		if (u[i].tone) {
			if (k >= 0)
				return; /* two tones: not one syllable; leave it */
			k = i;
		}
	if (k < 0 || !unit_vowel(&u[k]))
		return;
	for (hi = k; hi + 1 < n && unit_vowel(&u[hi + 1]); hi++)
		;
	u[hi].tone = u[k].tone;
	if (hi != k)
		u[k].tone = 0;
}

static bool word_unit(struct words *w, struct unit *out)
{
	struct unit u;

	if (w->i < w->n) {
		*out = w->u[w->i++];
		return true;
	}
	w->n = w->i = 0;
	if (w->held) {
		w->held = false;
		*out = w->space;
		return true;
	}
	while (w->n < WORD_UNITS && unit_next(&w->c, &u)) {
		if (u.base == ' ' && u.letter < 0) {
			if (!w->n) {
				*out = u;
				return true;
			}
			w->space = u;
			w->held = true;
			break;
		}
		w->u[w->n++] = u;
	}
	if (!w->n)
		return false;
	place_tone(w->u, w->n);
	*out = w->u[w->i++];
	return true;
}

/* Key being written: bytes past cap are counted, not stored. */
struct keyw {
	uint8_t *buf;
	size_t cap, len;
};

static void put(struct keyw *w, uint8_t b)
{
	if (w->len < w->cap)
		w->buf[w->len] = b;
	w->len++;
}

static void put_cp(struct keyw *w, ucs4_t cp)
{
	put(w, (uint8_t)(0x80 + (cp >> 14)));
	put(w, (uint8_t)(0x80 | ((cp >> 7) & 0x7F)));
	put(w, (uint8_t)(0x80 | (cp & 0x7F)));
}

static void put_primary(struct keyw *w, const struct unit *u)
{
	if (u->base == ' ')
		put(w, K_SPACE);
	else if (u->base >= '0' && u->base <= '9')
		put(w, (uint8_t)(K_DIGIT + (u->base - '0')));
	else if (u->letter >= 0)
		put(w, (uint8_t)(K_LETTER + u->letter));
	else
		put_cp(w, u->base);
}

static void put_secondary(struct keyw *w, const struct unit *u)
{
	if (u->nmarks)
		put(w, K_FOREIGN);
	put(w, (uint8_t)(K_LOW + u->tone));
	for (int i = 0; i < u->nmarks; i++)
		put_cp(w, u->marks[i]);
}

/* The secondary or tertiary level being written. */
struct level {
	struct keyw w;
	int n;          /* 2 or 3 */
	size_t pending; /* default entries not written until something follows */
};

static void level_add(struct level *l, const struct unit *u)
{
	if (l->n == 2 ? !u->tone && !u->nmarks : !u->upper) {
		l->pending++;
		return;
	}
	for (; l->pending; l->pending--)
		put(&l->w, K_LOW);
	if (l->n == 2)
		put_secondary(&l->w, u);
	else
		put(&l->w, K_UPPER);
}

/* Level n (2 or 3) of the key of [s, s + n), written to w. */
static void key_level(const uint8_t *s, size_t len, int n, struct keyw *w)
{
	struct words ws = {.c = {.p = s, .end = s + len, .tab = char_table()}};
	struct level l = {*w, n, 0};
	struct unit u;

	while (word_unit(&ws, &u))
		level_add(&l, &u);
	*w = l.w;
}

/*
 * Append level n, which was kept aside in `a`, to w.  Only the bytes that
 * land below w's cap must be there: when `a` overflowed and more are
 * needed (a cap above LEVEL_ASIDE), the level is made again from [s, s + len).
 */
static void put_aside(struct keyw *w, const struct keyw *a, const uint8_t *s, size_t len, int n)
{
	size_t room = w->len < w->cap ? w->cap - w->len : 0;
	size_t kept = a->len < a->cap ? a->len : a->cap;

	if (kept < a->len && kept < room) {
		key_level(s, len, n, w);
		return;
	}
	if (room > kept)
		room = kept;
	if (room)
		memcpy(w->buf + w->len, a->buf, room);
	w->len += a->len;
}

/*
 * The key of [s, s + len) in one pass over its units: the primary level
 * is written in place, the other two are kept aside until it is complete.
 */
static void key_all(const uint8_t *s, size_t len, struct keyw *w)
{
	uint8_t b2[LEVEL_ASIDE], b3[LEVEL_ASIDE];
	struct level l2 = {{b2, sizeof b2, 0}, 2, 0}, l3 = {{b3, sizeof b3, 0}, 3, 0};
	struct words ws = {.c = {.p = s, .end = s + len, .tab = char_table()}};
	struct unit u;

	while (word_unit(&ws, &u)) {
		put_primary(w, &u);
		level_add(&l2, &u);
		level_add(&l3, &u);
	}
	put(w, K_SEP);
	put_aside(w, &l2.w, s, len, 2);
	put(w, K_SEP);
	put_aside(w, &l3.w, s, len, 3);
}

size_t collate_key(const char *s, uint8_t *buf, size_t cap)
{
	struct keyw w = {buf, cap, 0};

	key_all((const uint8_t *)s, strlen(s), &w);
	return w.len;
}

/*
 * The given name's whole key, 0x01, then the key of the family and middle
 * names.  0x01 is below any byte that can follow a complete key in a
 * longer one (the tertiary level holds only 0x02 and 0x03), so names with
 * equal given names go on to compare family names, and a given name that
 * is a prefix of another sorts first.
 */
size_t collate_person_key(const char *name, uint8_t *buf, size_t cap)
{
	const uint8_t *s = (const uint8_t *)name, *end = s + strlen(name), *p = s;
	const uint8_t *first = NULL, *last = s, *last_end = s, *prev_end = s;
	struct keyw w = {buf, cap, 0};
	bool in_word = false;

	while (p < end) {
		ucs4_t uc;
		size_t l = text_next_char(p, end, &uc);

		if (text_is_space(uc)) {
			in_word = false;
		} else {
			if (!in_word) {
				prev_end = last_end;
				last = p;
				if (!first)
					first = p;
			}
			in_word = true;
			last_end = p + l;
		}
		p += l;
	}
	key_all(last, (size_t)(last_end - last), &w);
	put(&w, K_SEP);
	if (first && first != last)
		key_all(first, (size_t)(prev_end - first), &w);
	else
		key_all(s, 0, &w);
	return w.len;
}

bool collate_same(const char *a, const char *b)
{
	uint8_t ka[KEY_QUICK], kb[KEY_QUICK], *pa, *pb;
	size_t la = collate_key(a, ka, sizeof ka), lb = collate_key(b, kb, sizeof kb);
	bool same;

	if (la != lb)
		return false;
	if (la <= sizeof ka)
		return !memcmp(ka, kb, la);
	pa = malloc(la);
	pb = malloc(lb);
	if (pa && pb) {
		collate_key(a, pa, la);
		collate_key(b, pb, lb);
		same = !memcmp(pa, pb, la);
	} else {
		same = !strcmp(a, b); /* no memory for long keys: what the bytes say */
	}
	free(pa);
	free(pb);
	return same;
}
