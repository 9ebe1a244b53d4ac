/*
 * config.c - see config.h.
 *
 * iniparser 4.1 keeps no line numbers, merges duplicate sections and keys
 * without a word and misreads a few shapes of line, so a file is read in
 * three steps.  First the bytes are read once and scanned line by line
 * (iniscan.h): that records where every section and key is, under the name
 * iniparser will give it, and refuses what iniparser would merge or
 * misread.  Then iniparser parses those very bytes, handed over through a
 * memory file, so that what was scanned is what is parsed.  Last, every
 * section and key the scan found is checked, with the value iniparser gave
 * it: taken in one walk of iniparser's dictionary, or else looked up as a
 * full "section:key" string.  No other iniparser accessor is used (its
 * getboolean crashes on a section name, CVE-2023-33461).  config_ini.c,
 * the only file that speaks to iniparser, runs it and takes its values;
 * this one scans the file, then checks the values and reads them into the
 * config.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unistr.h>

#include "config_priv.h"
#include "i18n.h"
#include "iniscan.h"
#include "paths.h"
#include "text.h"

/* Messages given in more than one place (BAD_CODE: config_priv.h). */
#define UNKNOWN_UNIT N_("unknown unit \"%s\": there is no [unit.%s]")


int config_vfail(struct load *ld, int line, const char *sec, const char *key, const char *fmt,
		 va_list ap)
{
	char what[400], s[INISCAN_SHOW_SIZE], k[INISCAN_SHOW_SIZE];

	vsnprintf(what, sizeof what, fmt, ap);
	if (key)
		return err_set_field(ld->e, ERR_CONFIG, iniscan_show(key, k), "%s:%d: [%s] %s: %s",
				     ld->path, line, iniscan_show(sec, s), k, what);
	if (sec)
		return err_set(ld->e, ERR_CONFIG, "%s:%d: [%s]: %s", ld->path, line,
			       iniscan_show(sec, s), what);
	return err_set(ld->e, ERR_CONFIG, "%s:%d: %s", ld->path, line, what);
}

int config_fail(struct load *ld, int line, const char *sec, const char *key, const char *fmt,
		...)
{
	va_list ap;

	va_start(ap, fmt);
	config_vfail(ld, line, sec, key, fmt, ap);
	va_end(ap);
	return -1;
}

/* Fail about key k of section s. */
__attribute__((format(printf, 4, 5)))
static int failk(struct load *ld, const struct iniscan_sec *s, const struct iniscan_key *k,
		 const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	config_vfail(ld, k->line, s->name, k->name, fmt, ap);
	va_end(ap);
	return -1;
}

int config_fail_nomem(struct load *ld)
{
	return err_set(ld->e, ERR_NOMEM, _("%s: out of memory while reading the configuration"),
		       ld->path);
}

/* ---- the scan, and the values iniparser gives ------------------------- */

/* The scan's refusal as a message naming the file. */
static int fail_scan(struct load *ld, const struct iniscan_error *why)
{
	if (why->code == ERR_NOMEM)
		return config_fail_nomem(ld);
	return config_fail(ld, why->line, why->section[0] ? why->section : NULL,
			   why->key[0] ? why->key : NULL, "%s", why->reason);
}


/* The value iniparser holds for a key the scan found. */
static const char *value_of(struct load *ld, const struct iniscan_sec *s,
			    const struct iniscan_key *k)
{
	const char *v = ld->vals[ld->first_key[s - ld->scan.secs] + (size_t)(k - s->keys)];

	if (!v)
		failk(ld, s, k, _("this line could not be read"));
	return v;
}


/* ---- values ----------------------------------------------------------- */

static bool parse_long(const char *v, long lo, long hi, long *out)
{
	const char *d = *v == '-' || *v == '+' ? v + 1 : v;
	char *end;
	long x;

	if (!isdigit((unsigned char)*d)) /* strtol would skip spaces */
		return false;
	errno = 0;
	x = strtol(v, &end, 10);
	if (errno || *end || x < lo || x > hi)
		return false;
	*out = x;
	return true;
}

static int parse_bool(const char *v, bool *out)
{
	static const char *const words[] = { "no", "yes", "false", "true", "0", "1" };

	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (!strcasecmp(v, words[i]))
			return *out = i % 2, 0;
	return -1;
}

/* Debian's default rule for account names: [a-z_][a-z0-9_.-]{0,31}. */
static bool account_valid(const char *s)
{
	size_t n;

	if (!*s || !strchr("abcdefghijklmnopqrstuvwxyz_", *s))
		return false;
	n = strspn(s + 1, "abcdefghijklmnopqrstuvwxyz0123456789_.-");
	return n < USER_MAX && !s[1 + n];
}

/* A checked copy of a text value: valid UTF-8 without control characters,
 * not empty; trimmed and NFC unless it is a path, whose bytes are kept as
 * they are.  NULL after failing. */
static char *text_value(struct load *ld, const struct iniscan_sec *s, const struct iniscan_key *k,
			const char *v, bool path)
{
	enum text_status st;
	char *out;

	/* iniparser takes off an opening quote that has text after it: one still
	 * here stood alone, or before another quote */
	if (*v == '"' || *v == '\'') {
		failk(ld, s, k, _("the quotation mark is not closed"));
		return NULL;
	}
	st = text_clean(v, strlen(v), 0, &out, NULL);
	if (st != TEXT_OK) {
		if (st == TEXT_NOMEM)
			config_fail_nomem(ld);
		else
			failk(ld, s, k, _("the value %s"), text_status_message(st));
		return NULL;
	}
	if (!*out || (!path && u8_mbsnlen((const uint8_t *)out, strlen(out)) > NAME_MAX_CHARS)) {
		if (!*out)
			failk(ld, s, k, _("the value is empty"));
		else
			failk(ld, s, k, _("the text is longer than %d characters"),
			      NAME_MAX_CHARS);
		free(out);
		return NULL;
	}
	if (path) {
		/* a file name is checked as text but its bytes are not normalised */
		free(out);
		out = strdup(v);
		if (!out)
			config_fail_nomem(ld);
	}
	return out;
}

/* ---- sections --------------------------------------------------------- */

#define CFG(f) offsetof(struct config, f)
#define UNIT(f) offsetof(struct unit, f)

static const struct keyspec dienhinh_keys[] = {
	{ "language", V_LANG, CFG(language) },
	{ "database", V_PATH, CFG(database) },
	{ "map_size_mb", V_MB, CFG(map_size), 1, 1048576 },
	{ "plan_from", V_INT, offsetof(struct load, plan_from), 2000, 2100, true },
	{ "plan_to", V_INT, offsetof(struct load, plan_to), 2000, 2100, true },
	{ "count_returned", V_BOOL, CFG(count_returned) },
	{ "keep_safety_copies", V_INT, CFG(keep_safety_copies), 1, 100 },
	{ "late_days", V_INT, CFG(late_days), 0, 366 },
	{ "count_late", V_BOOL, CFG(count_late) },
	{ NULL },
}, report_keys[] = {
	{ "issuer_parent", V_TEXT, CFG(issuer_parent) },
	{ "issuer", V_TEXT, CFG(issuer) },
	{ "place", V_TEXT, CFG(place) },
	{ "symbol", V_TEXT, CFG(symbol) },
	{ "sign_authority", V_TEXT, CFG(sign_authority) },
	{ "sign_title", V_TEXT, CFG(sign_title) },
	{ "signer", V_TEXT, CFG(signer) },
	{ "recipients", V_TEXT, CFG(recipients) },
	{ "archive", V_TEXT, CFG(archive) },
	{ NULL },
}, score_keys[] = {
#define CFG_SCORE(f) CFG(score.f)
	SCORE_KEYS(CFG_SCORE),
	{ NULL },
}, block_keys[] = {
	{ "name", V_TEXT, offsetof(struct block, name) },
	{ NULL },
}, unit_keys[] = {
	{ "name", V_TEXT, UNIT(name) },
	{ "kind", V_KIND, UNIT(kind) },
	{ "block", V_CODE, UNIT(block) },
	{ "quota", V_INT, UNIT(quota), 0, 99 },
	{ "active_from", V_DATE, UNIT(active_from) },
	{ "active_to", V_DATE, UNIT(active_to) },
	{ "successor", V_CODE, UNIT(successor) },
	{ "quota.", V_PERIOD_QUOTA, UNIT(code), 0, 99 },
	{ NULL },
};

static int read_value(struct load *ld, const struct iniscan_sec *s, const struct iniscan_key *k,
		      const struct keyspec *ks, char *p)
{
	const char *v = value_of(ld, s, k);
	/* map sizes in bytes must fit a size_t, even on a 32-bit machine */
	long x, hi = ks->type == V_MB && SIZE_MAX >> 20 < (size_t)ks->hi ?
		     (long)(SIZE_MAX >> 20) : ks->hi;
	char b[INISCAN_SHOW_SIZE], *t;

	if (!v)
		return -1;
	switch (ks->type) {
	case V_TEXT:
	case V_PATH:
		if (!(t = text_value(ld, s, k, v, ks->type == V_PATH)))
			return -1;
		free(*(char **)p);
		*(char **)p = t;
		return 0;
	case V_INT:
	case V_MB:
	case V_PERIOD_QUOTA:
		if (!parse_long(v, ks->lo, hi, &x))
			return failk(ld, s, k, _("\"%s\" is not a whole number from %ld to %ld"),
				     iniscan_show(v, b), ks->lo, hi);
		if (ks->type == V_PERIOD_QUOTA)
			return config_period_quota(ld, s, k, p, (int)x);
		if (ks->type == V_MB)
			*(size_t *)p = (size_t)x << 20;
		else
			*(int *)p = (int)x;
		return 0;
	case V_BOOL:
		if (parse_bool(v, (bool *)p) == 0)
			return 0;
		return failk(ld, s, k, _("\"%s\" is not yes or no"), iniscan_show(v, b));
	case V_LANG:
		if (!strcmp(v, "vi") || !strcmp(v, "en"))
			return memcpy(p, v, 3), 0;
		return failk(ld, s, k, _("\"%s\" is not a known language (vi or en)"),
			     iniscan_show(v, b));
	case V_KIND:
		if (model_kind_parse(v, (enum unit_kind *)p) == 0)
			return 0;
		return failk(ld, s, k, _("\"%s\" is not a kind of unit (ward, commune, department, "
					 "service, front, mass_org or armed)"), iniscan_show(v, b));
	case V_CODE:
		if (model_code_valid(v))
			return memcpy(p, v, strlen(v) + 1), 0;
		return failk(ld, s, k, _(BAD_CODE), iniscan_show(v, b));
	case V_DATE:
		if (date_parse(v, (date_t *)p) == 0)
			return 0;
		return failk(ld, s, k, _("\"%s\" is not a real date written YYYY-MM-DD "
					 "(for example 2025-07-01)"), iniscan_show(v, b));
	}
	return -1;
}

/* Does the key `name` match spec `key` (a key ending in '.' matches a prefix)? */
static bool spec_matches(const char *key, const char *name)
{
	size_t n = strlen(key);

	return key[n - 1] == '.' ? strncmp(key, name, n) == 0 && name[n] : strcmp(key, name) == 0;
}

int config_read_keys(struct load *ld, const struct iniscan_sec *s, const struct keyspec *specs,
		     void *base)
{
	for (size_t i = 0; i < s->n_keys; i++) {
		const struct keyspec *ks = specs;

		while (ks->key && !spec_matches(ks->key, s->keys[i].name))
			ks++;
		if (!ks->key)
			return failk(ld, s, &s->keys[i], _("unknown key in this section"));
		if (read_value(ld, s, &s->keys[i], ks, (ks->in_load ? (char *)ld : (char *)base) +
			       ks->off) < 0)
			return -1;
	}
	return 0;
}

static int missing(struct load *ld, const struct iniscan_sec *s, const char *key)
{
	return config_fail(ld, s->line, s->name, key, _("this key is required but missing"));
}

static int read_dienhinh(struct load *ld, const struct iniscan_sec *s)
{
	struct config *c = ld->cfg;
	const struct iniscan_key *k;

	if (config_read_keys(ld, s, dienhinh_keys, c) < 0)
		return -1;
	if (ld->plan_from <= ld->plan_to)
		return 0;
	k = iniscan_find_key(s, "plan_to");
	if (k)
		return failk(ld, s, k, _("%d is before plan_from (%d)"), ld->plan_to, ld->plan_from);
	return failk(ld, s, iniscan_find_key(s, "plan_from"), _("%d is after plan_to (%d)"),
		     ld->plan_from, ld->plan_to);
}

static int read_unit(struct load *ld, const struct iniscan_sec *s, struct unit *u)
{
	const struct iniscan_key *to;
	char b[INISCAN_SHOW_SIZE];

	snprintf(u->code, sizeof u->code, "%s", s->name + strlen("unit."));
	if (config_read_keys(ld, s, unit_keys, u) < 0)
		return -1;
	if (!u->name)
		return missing(ld, s, "name");
	if (!u->kind)
		return missing(ld, s, "kind");
	if (u->active_from == DATE_NONE || u->active_to == DATE_NONE ||
	    u->active_from <= u->active_to)
		return 0;
	to = iniscan_find_key(s, "active_to");
	return failk(ld, s, to, _("%s is before active_from (%s)"), value_of(ld, s, to),
		     iniscan_show(value_of(ld, s, iniscan_find_key(s, "active_from")), b));
}

/* The code in a section name "block.CODE" or "unit.CODE", or NULL. */
static const char *section_code(const char *name, const char *prefix)
{
	size_t n = strlen(prefix);

	return strncmp(name, prefix, n) ? NULL : name + n;
}

static int read_role(struct load *ld, const struct iniscan_sec *s, const struct iniscan_key *k,
		     struct role_entry *r)
{
	char list[INISCAN_LINE_MAX + 1], b[INISCAN_SHOW_SIZE], *tok, *next;
	const char *v = value_of(ld, s, k);
	size_t max = 1;

	if (!v)
		return -1;
	if (!account_valid(k->name))
		return failk(ld, s, k, _("this is not an account name (up to 32 lower-case "
					 "letters, digits, _ . or -, starting with a "
					 "letter or _)"));
	snprintf(r->user, sizeof r->user, "%s", k->name);
	if (!strcmp(v, "office"))
		return r->role = ROLE_OFFICE, 0;
	if (!strcmp(v, "viewer"))
		return r->role = ROLE_VIEWER, 0;
	r->role = ROLE_STAFF;
	for (const char *p = v; *p; p++)
		max += *p == ',';
	r->units = calloc(max, sizeof *r->units);
	if (!r->units)
		return config_fail_nomem(ld);
	snprintf(list, sizeof list, "%s", v);
	for (tok = list; tok; tok = next) {
		char *end;

		next = strchr(tok, ',');
		if (next)
			*next++ = '\0';
		while (isspace((unsigned char)*tok))
			tok++;
		for (end = tok + strlen(tok); end > tok && isspace((unsigned char)end[-1]); )
			*--end = '\0';
		if (!*tok)
			return failk(ld, s, k, "%s", max == 1 ?
				     _("no role given: write office, viewer, or the codes of the "
				       "account's units separated by commas") :
				     _("a unit code is missing between two commas"));
		if (!model_code_valid(tok))
			return failk(ld, s, k,
				     _("\"%s\" is neither office, viewer nor a unit code"),
				     iniscan_show(tok, b));
		if (!config_unit(ld->cfg, tok))
			return failk(ld, s, k, _(UNKNOWN_UNIT), tok, tok);
		for (size_t j = 0; j < r->n_units; j++)
			if (!strcmp(r->units[j], tok))
				return failk(ld, s, k, _("the unit \"%s\" is listed twice"), tok);
		memcpy(r->units[r->n_units++], tok, strlen(tok) + 1); /* checked: fits */
	}
	return 0;
}

/* Every block and successor a unit names exists, and following successors
 * never leads back to where it started (reports follow them). */
static int check_units(struct load *ld)
{
	struct config *c = ld->cfg;
	size_t n = c->n_units, *succ;

	for (size_t i = 0; i < n; i++) {
		const struct unit *u = &c->units[i];
		const struct iniscan_sec *s = &ld->scan.secs[ld->unit_sec[i]];
		const struct iniscan_key *k = iniscan_find_key(s, "block");

		if (u->block[0] && !config_block(c, u->block))
			return failk(ld, s, k, _("unknown block \"%s\": there is no [block.%s]"),
				     u->block, u->block);
		k = iniscan_find_key(s, "successor");
		if (u->successor[0] && !strcmp(u->successor, u->code))
			return failk(ld, s, k, _("a unit cannot be its own successor"));
		if (u->successor[0] && !config_unit(c, u->successor))
			return failk(ld, s, k, _(UNKNOWN_UNIT), u->successor, u->successor);
	}
	succ = malloc((n ? n : 1) * sizeof *succ);
	if (!succ)
		return config_fail_nomem(ld);
	for (size_t i = 0; i < n; i++)
		succ[i] = c->units[i].successor[0] ?
			  (size_t)(config_unit(c, c->units[i].successor) - c->units) : SIZE_MAX;
	for (size_t i = 0; i < n; i++) {
		size_t j = succ[i];

		for (size_t steps = 0; j != SIZE_MAX && j != i && steps < n; steps++)
			j = succ[j];
		if (j == i) {
			const struct iniscan_sec *s = &ld->scan.secs[ld->unit_sec[i]];
			const struct iniscan_key *k = iniscan_find_key(s, "successor");

			free(succ);
			return failk(ld, s, k,
				     _("following the successors leads back to this unit"));
		}
	}
	free(succ);
	return 0;
}

static int read_code_section(struct load *ld, size_t i)
{
	const struct iniscan_sec *s = &ld->scan.secs[i];
	struct config *c = ld->cfg;
	const char *code = section_code(s->name, "unit.");
	bool unit = code != NULL;
	char shown[INISCAN_SHOW_SIZE];

	if (!unit)
		code = section_code(s->name, "block.");
	if (!model_code_valid(code))
		return config_fail(ld, s->line, s->name, NULL, _(BAD_CODE),
				   iniscan_show(code, shown));
	if (!unit) {
		struct block *b = &c->blocks[c->n_blocks++];

		snprintf(b->code, sizeof b->code, "%s", code);
		if (config_read_keys(ld, s, block_keys, b) < 0)
			return -1;
		return b->name ? 0 : missing(ld, s, "name");
	}
	/* a role is office, viewer or a list of unit codes */
	if (!strcmp(code, "office") || !strcmp(code, "viewer"))
		return config_fail(ld, s->line, s->name, NULL,
				   _("\"%s\" cannot be a unit code: it is the name of a role"),
				   code);
	ld->unit_sec[c->n_units] = i;
	c->units[c->n_units] = (struct unit){ .active_from = DATE_NONE, .active_to = DATE_NONE };
	return read_unit(ld, s, &c->units[c->n_units++]);
}

/* Read every section in file order; [roles] last, as it names units. */
static int read_sections(struct load *ld)
{
	struct config *c = ld->cfg;
	const struct iniscan_sec *roles = NULL;
	size_t n_blocks = 0, n_units = 0;
	int rc = 0;

	for (size_t i = 0; i < ld->scan.n_secs; i++) {
		n_blocks += section_code(ld->scan.secs[i].name, "block.") != NULL;
		n_units += section_code(ld->scan.secs[i].name, "unit.") != NULL;
	}
	c->blocks = calloc(n_blocks ? n_blocks : 1, sizeof *c->blocks);
	c->units = calloc(n_units ? n_units : 1, sizeof *c->units);
	ld->unit_sec = calloc(n_units ? n_units : 1, sizeof *ld->unit_sec);
	if (!c->blocks || !c->units || !ld->unit_sec)
		return config_fail_nomem(ld);
	if (config_periods_read(ld) < 0)
		return -1;
	for (size_t i = 0; i < ld->scan.n_secs && rc == 0; i++) {
		const struct iniscan_sec *s = &ld->scan.secs[i];

		if (!strcmp(s->name, "dienhinh"))
			rc = read_dienhinh(ld, s);
		else if (!strcmp(s->name, "report"))
			rc = config_read_keys(ld, s, report_keys, c);
		else if (!strcmp(s->name, "score"))
			rc = config_read_keys(ld, s, score_keys, c);
		else if (!strcmp(s->name, "roles"))
			roles = s;
		else if (section_code(s->name, "unit.") || section_code(s->name, "block."))
			rc = read_code_section(ld, i);
		else if (!section_code(s->name, "period.")) /* read first */
			rc = config_fail(ld, s->line, s->name, NULL,
					 _("unknown section; the known ones are [dienhinh], "
					   "[report], [score], [roles], [period.CODE], "
					   "[block.CODE] and [unit.CODE]"));
	}
	if (rc < 0 || check_units(ld) < 0 || config_periods_finish(ld) < 0)
		return -1;
	if (!roles)
		return 0;
	c->roles = calloc(roles->n_keys ? roles->n_keys : 1, sizeof *c->roles);
	if (!c->roles)
		return config_fail_nomem(ld);
	for (size_t i = 0; i < roles->n_keys; i++)
		if (read_role(ld, roles, &roles->keys[i], &c->roles[c->n_roles++]) < 0)
			return -1;
	return 0;
}

static struct config *config_new(const char *path)
{
	struct config *c = calloc(1, sizeof *c);

	if (!c)
		return NULL;
	c->path = strdup(path);
	c->database = strdup(DIENHINH_STATEDIR "/dienhinh");
	c->issuer_parent = strdup("ỦY BAN NHÂN DÂN THỊ XÃ NGÃ NĂM");
	c->issuer = strdup("PHÒNG NỘI VỤ");
	c->place = strdup("Ngã Năm");
	c->symbol = strdup("BC-PNV");
	c->sign_authority = strdup("");
	c->sign_title = strdup("TRƯỞNG PHÒNG");
	c->signer = strdup("");
	c->recipients = strdup("UBND thị xã (b/c)|Thường trực Hội đồng Thi đua - Khen thưởng thị xã");
	c->archive = strdup("VT, PNV");
	if (!c->path || !c->database || !c->issuer_parent || !c->issuer || !c->place ||
	    !c->symbol || !c->sign_authority || !c->sign_title || !c->signer || !c->recipients ||
	    !c->archive) {
		config_free(c);
		return NULL;
	}
	c->map_size = (size_t)1 << 30; /* address space, not disk: the file grows as it fills */
	snprintf(c->language, sizeof c->language, "vi");
	c->keep_safety_copies = 3;
	c->late_days = 10;
	c->count_late = true;
	c->score = (struct score_scheme){ .quarter_met = 10, .quarter_short = -5,
		.introduced = 1, .accepted = 2, .propagated = 2, .commended = 5 };
	return c;
}

int config_load(const char *path, struct config **out, struct err *e)
{
	struct load ld = { .path = path, .e = e, .plan_from = 2021, .plan_to = 2025 };
	struct iniscan_error why;
	char *buf = NULL;
	size_t n = 0;
	int rc = -1;

	*out = NULL;
	if (iniscan_read_file(path, &buf, &n, e) < 0)
		return -1;
	ld.cfg = config_new(path);
	if (!ld.cfg)
		config_fail_nomem(&ld);
	else if (iniscan_scan(buf, n, &ld.scan, &why) < 0)
		fail_scan(&ld, &why);
	else if (config_ini_read(&ld, buf + ld.scan.text_at, n - ld.scan.text_at) == 0 &&
		 read_sections(&ld) == 0)
		rc = 0;
	if (rc == 0) {
		*out = ld.cfg;
		ld.cfg = NULL;
	}
	config_ini_free(&ld);
	iniscan_free(&ld.scan);
	free(ld.unit_sec);
	config_free(ld.cfg);
	free(buf);
	return rc;
}

void config_free(struct config *cfg)
{
	if (!cfg)
		return;
	for (size_t i = 0; i < cfg->n_blocks; i++)
		free(cfg->blocks[i].name);
	for (size_t i = 0; i < cfg->n_units; i++)
		free(cfg->units[i].name);
	for (size_t i = 0; i < cfg->n_roles; i++)
		free(cfg->roles[i].units);
	free(cfg->blocks);
	free(cfg->units);
	free(cfg->roles);
	period_list_free(&cfg->periods);
	free(cfg->path);
	free(cfg->database);
	free(cfg->issuer_parent);
	free(cfg->issuer);
	free(cfg->place);
	free(cfg->symbol);
	free(cfg->sign_authority);
	free(cfg->sign_title);
	free(cfg->signer);
	free(cfg->recipients);
	free(cfg->archive);
	free(cfg);
}

const struct unit *config_unit(const struct config *cfg, const char *code)
{
	for (size_t i = 0; i < cfg->n_units; i++)
		if (!strcmp(cfg->units[i].code, code))
			return &cfg->units[i];
	return NULL;
}

const struct block *config_block(const struct config *cfg, const char *code)
{
	for (size_t i = 0; i < cfg->n_blocks; i++)
		if (!strcmp(cfg->blocks[i].code, code))
			return &cfg->blocks[i];
	return NULL;
}

const struct role_entry *config_role(const struct config *cfg, const char *user)
{
	for (size_t i = 0; i < cfg->n_roles; i++)
		if (!strcmp(cfg->roles[i].user, user))
			return &cfg->roles[i];
	return NULL;
}

char *config_database_path(const struct config *cfg)
{
	const char *slash = strrchr(cfg->path, '/');
	char *out;

	if (cfg->database[0] == '/')
		return strdup(cfg->database);
	if (!slash)
		return asprintf(&out, "./%s", cfg->database) < 0 ? NULL : out;
	return asprintf(&out, "%.*s/%s", (int)(slash - cfg->path), cfg->path,
			cfg->database) < 0 ? NULL : out;
}

const char *config_role_label(enum role r)
{
	switch (r) {
	case ROLE_OFFICE:
		return _("Home Affairs Office");
	case ROLE_STAFF:
		return _("Unit staff");
	case ROLE_VIEWER:
		return _("Read only");
	case ROLE_NONE:
		break;
	}
	return _("No access");
}
