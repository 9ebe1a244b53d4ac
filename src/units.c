/* units.c - see units.h. */
#include "units.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "codec.h"
#include "date.h"
#include "i18n.h"

static uint64_t fnv1a(uint64_t h, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 1099511628211ULL;
	return h;
}

static uint64_t config_units_hash(const struct config *cfg)
{
	uint64_t h = 1469598103934665603ULL;
	struct buf b = { 0 };

	for (size_t i = 0; i < cfg->n_units; i++) {
		b.len = 0;
		if (codec_encode_unit(&cfg->units[i], &b) == 0)
			h = fnv1a(h, b.data, b.len);
	}
	buf_free(&b);
	return h;
}

/* "Phường 1 | ward | khoi_xa_phuong | 2 | - | 2025-06-30 | phuongnganam" for the audit. */
char *units_summary(const struct unit *u)
{
	char from[DATE_TEXT_SIZE], to[DATE_TEXT_SIZE], *s;

	date_format(u->active_from, from);
	date_format(u->active_to, to);
	if (asprintf(&s, "%s | %s | %s | %d | %s | %s | %s", u->name ? u->name : "",
		     model_kind_code(u->kind),
		     u->block, u->quota, from, to, u->successor) < 0)
		return NULL;
	return s;
}

struct sync_ctx {
	const struct config *cfg;
	const char *user;
	uint64_t hash;
};

static int sync_one(struct store_txn *t, const struct unit *u, struct audit_entry *a,
		    struct err *e)
{
	struct unit old = { .active_from = DATE_NONE, .active_to = DATE_NONE };
	char *before = NULL, *after = NULL, field[CODE_MAX + 8];
	int rc = -1;

	if (store_get_unit(t, u->code, &old, e) == 0)
		before = units_summary(&old);
	else if (e->code != ERR_NOTFOUND)
		goto out;
	if (!(after = units_summary(u)) || (old.name && !before)) {
		err_nomem(e);
		goto out;
	}
	rc = 0;
	if (before && strcmp(before, after) == 0)
		goto out;
	snprintf(field, sizeof field, "unit.%s", u->code);
	if (audit_add_change(a, field, before, after))
		rc = err_nomem(e);
	else
		rc = store_put_unit(t, u, e);
out:
	model_unit_free(&old);
	free(before);
	free(after);
	return rc;
}

static int sync_txn(struct store_txn *t, void *p, struct err *e)
{
	struct sync_ctx *c = p;
	const struct config *cfg = c->cfg;
	struct audit_entry a;
	uint64_t stored;
	int rc = 0;

	if (store_get_meta_u64(t, "units_hash", &stored, e))
		return -1;
	if (stored == c->hash)
		return 0; /* another session synced first */
	audit_entry_init(&a);
	a.time = time(NULL);
	snprintf(a.user, sizeof a.user, "%s", c->user);
	snprintf(a.op, sizeof a.op, "units");
	a.note = strdup(cfg->path);
	for (size_t i = 0; i < cfg->n_units && !rc; i++)
		rc = sync_one(t, &cfg->units[i], &a, e);
	if (!rc && a.n_changes)
		rc = store_append_audit(t, &a, e);
	if (!rc)
		rc = store_put_meta_u64(t, "units_hash", c->hash, e);
	audit_entry_free(&a);
	return rc;
}

static int units_hash_txn(struct store_txn *t, void *p, struct err *e)
{
	return store_get_meta_u64(t, "units_hash", p, e);
}

int units_in_line(struct store *s, const struct config *cfg, bool *yes, struct err *e)
{
	uint64_t stored;

	if (store_read(s, units_hash_txn, &stored, e))
		return -1;
	*yes = stored == config_units_hash(cfg);
	return 0;
}

int units_sync(struct store *s, const struct config *cfg, const char *user, struct err *e)
{
	struct sync_ctx c = { cfg, user, config_units_hash(cfg) };
	bool yes;

	if (units_in_line(s, cfg, &yes, e))
		return -1;
	return yes ? 0 : store_write(s, sync_txn, &c, e);
}

struct units_ctx {
	struct unit_list *out;
	const struct config *cfg;
	int failed;
};

static int collect_unit(const struct unit *u, void *p)
{
	struct units_ctx *c = p;
	struct unit_list *o = c->out;
	struct unit *v = realloc(o->v, (o->n + 1) * sizeof *v);

	if (!v)
		return c->failed = -1;
	o->v = v;
	memset(&v[o->n], 0, sizeof v[o->n]);
	if (model_unit_copy(&v[o->n], u))
		return c->failed = -1;
	o->n++;
	return 0;
}

static int units_txn(struct store_txn *t, void *p, struct err *e)
{
	return store_each_unit(t, collect_unit, p, e);
}

/* Position of a unit in the config file, or past the end for database-only units. */
static size_t config_rank(const struct config *cfg, const char *code)
{
	const struct unit *u = config_unit(cfg, code);

	return u ? (size_t)(u - cfg->units) : cfg->n_units;
}

static const struct config *sort_cfg; /* qsort has no context argument */

static int unit_order(const void *a, const void *b)
{
	const struct unit *x = a, *y = b;
	size_t rx = config_rank(sort_cfg, x->code), ry = config_rank(sort_cfg, y->code);

	if (rx != ry)
		return rx < ry ? -1 : 1;
	return strcmp(x->code, y->code);
}

int units_load(struct store *s, const struct config *cfg, struct unit_list *out,
	       struct err *e)
{
	struct units_ctx c = { out, cfg, 0 };

	out->v = NULL;
	out->n = 0;
	if (store_read(s, units_txn, &c, e) || c.failed) {
		units_free(out);
		return c.failed ? err_nomem(e) : -1;
	}
	sort_cfg = cfg;
	if (out->n > 1) /* qsort must not be given the NULL of an empty list */
		qsort(out->v, out->n, sizeof *out->v, unit_order);
	return 0;
}

void units_free(struct unit_list *u)
{
	for (size_t i = 0; i < u->n; i++)
		model_unit_free(&u->v[i]);
	free(u->v);
	u->v = NULL;
	u->n = 0;
}

const struct unit *units_find(const struct unit_list *u, const char *code)
{
	for (size_t i = 0; i < u->n; i++)
		if (strcmp(u->v[i].code, code) == 0)
			return &u->v[i];
	return NULL;
}


void units_active_words(const struct unit *u, char *buf, size_t size)
{
	char from[DATE_TEXT_SIZE], to[DATE_TEXT_SIZE];

	date_format_vn(u->active_from, from);
	date_format_vn(u->active_to, to);
	if (u->active_from != DATE_NONE && u->active_to != DATE_NONE)
		snprintf(buf, size, _("from %s until %s"), from, to);
	else if (u->active_to != DATE_NONE)
		snprintf(buf, size, _("until %s"), to);
	else if (u->active_from != DATE_NONE)
		snprintf(buf, size, _("from %s"), from);
	else if (size)
		*buf = 0;
}

/* " (từ 01/07/2025)": when u was active, as units_label() says it; "" for always. */
static void active_words(const struct unit *u, char *buf, size_t size)
{
	char w[80];

	units_active_words(u, w, sizeof w);
	if (w[0])
		snprintf(buf, size, " (%s)", w);
	else if (size)
		*buf = 0;
}

static bool same_name(const struct unit *a, const struct unit *b)
{
	return strcmp(a->code, b->code) && a->name && b->name && strcmp(a->name, b->name) == 0;
}

size_t units_label(const struct unit_list *l, const struct unit *u, char *buf, size_t size)
{
	const char *name = u->name ? u->name : u->code;
	char tail[96] = "", other[sizeof tail];
	bool twin = false, alike = false;
	size_t n;

	for (size_t i = 0; i < l->n; i++) {
		if (!same_name(&l->v[i], u))
			continue;
		if (!twin)
			active_words(u, tail, sizeof tail);
		twin = true;
		active_words(&l->v[i], other, sizeof other);
		alike = alike || strcmp(tail, other) == 0;
	}
	if (twin && alike) /* dates that do not tell them apart: the code does */
		snprintf(tail, sizeof tail, " (%s)", u->code);
	if (!size)
		return 0;
	/* The name, cut at a character's start if it leaves no room for the tail. */
	n = strlen(name);
	if (n + strlen(tail) >= size) {
		n = strlen(tail) < size ? size - 1 - strlen(tail) : 0;
		while (n && ((unsigned char)name[n] & 0xC0) == 0x80)
			n--;
	}
	snprintf(buf, size, "%.*s%s", (int)n, name, tail);
	return n < size ? n : size - 1;
}
