/*
 * config_priv.h - what the files of the config module share: config.c
 * (the file, its scan and the sections every config has), config_ini.c
 * (iniparser's reading of the file) and config_period.c (the plan
 * periods).  It sits beside them in src/, not in include/, because nothing
 * outside the module is to use it; the module's API is config.h.  It does
 * not include iniparser.h: only config_ini.c does.
 */
#ifndef DIENHINH_CONFIG_PRIV_H
#define DIENHINH_CONFIG_PRIV_H

#include <stdarg.h>
#include <stddef.h>

#include "config.h"
#include "i18n.h"
#include "iniscan.h"

/* A message given in more than one place. */
#define BAD_CODE N_("\"%s\" is not a valid code (1 to 32 lower-case letters a-z without " \
		    "accents, digits or _)")

struct _dictionary_; /* iniparser's dictionary, known to config_ini.c only */

/* Everything one load works with.  `cfg` is filled as sections are read;
 * unit_sec[i] is the scanned section unit i came from.  The value iniparser
 * holds for key j of scanned section i is vals[first_key[i] + j] (NULL when
 * it holds none); the strings belong to `d`.  plan_from and plan_to, as the
 * [dienhinh] section gives them (or their defaults), only make the one
 * period of a config without [period.*] sections. */
struct load {
	const char *path;
	struct err *e;
	struct iniscan scan;
	struct _dictionary_ *d;
	const char **vals;
	size_t *first_key;
	struct config *cfg;
	size_t *unit_sec;
	int plan_from, plan_to;
};

enum vtype {
	V_TEXT, V_PATH, V_INT, V_MB, V_BOOL, V_LANG, V_KIND, V_CODE, V_DATE,
	V_PERIOD_QUOTA, /* "quota.CODE" in a unit: its quota in period CODE */
};

/* A key a section may hold: the type and range of its value, and where the
 * value goes in the struct the section fills (config, block, unit or
 * period), or in the load itself (`in_load`).  A key ending in '.' stands
 * for every key that begins with it. */
struct keyspec {
	const char *key;
	enum vtype type;
	size_t off;
	long lo, hi;
	bool in_load;
};

/* The keys of the score points, in [score] and in a [period.CODE] section:
 * OFF(member) is where a member of struct score_scheme goes. */
#define SCORE_KEYS(OFF) \
	{ "quarter_met", V_INT, OFF(quarter_met), -1000, 1000 }, \
	{ "quarter_short", V_INT, OFF(quarter_short), -1000, 1000 }, \
	{ "introduced", V_INT, OFF(introduced), -1000, 1000 }, \
	{ "accepted", V_INT, OFF(accepted), -1000, 1000 }, \
	{ "propagated", V_INT, OFF(propagated), -1000, 1000 }, \
	{ "commended", V_INT, OFF(commended), -1000, 1000 }

/* Read every key of s into the struct at base, refusing keys not in specs. */
int config_read_keys(struct load *ld, const struct iniscan_sec *s, const struct keyspec *specs,
		     void *base);

/* Fail with "FILE:LINE: [section] key: what", leaving out the key or the
 * section when NULL; the key also becomes the error's field.  -1. */
__attribute__((format(printf, 5, 0)))
int config_vfail(struct load *ld, int line, const char *sec, const char *key, const char *fmt,
		 va_list ap);

/* Fail as config_vfail does; -1. */
__attribute__((format(printf, 5, 6)))
int config_fail(struct load *ld, int line, const char *sec, const char *key, const char *fmt,
		...);
/* Fail for want of memory; -1. */
int config_fail_nomem(struct load *ld);

/* config_ini.c: iniparser's reading of buf[0..n) (the scanned bytes, from
 * the scan's text_at), and the value it holds for every key the scan found
 * put in ld->vals and ld->first_key; 0, or -1 after failing. */
int config_ini_read(struct load *ld, const char *buf, size_t n);
/* Free what config_ini_read made: the dictionary, and vals that point into it. */
void config_ini_free(struct load *ld);

/* config_period.c: the [period.*] sections, read before any other (units
 * name them), each checked against the ones before it. */
int config_periods_read(struct load *ld);
/* A unit's "quota.CODE = N" (key k of section s, N already read). */
int config_period_quota(struct load *ld, const struct iniscan_sec *s, const struct iniscan_key *k,
			const char *unit, int quota);
/* Once every section is read: the period of plan_from/plan_to when no
 * section declares one (and plan_from/plan_to refused beside them), the
 * [score] points where a period gives none, the periods in year order. */
int config_periods_finish(struct load *ld);

#endif
