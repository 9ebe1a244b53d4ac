/*
 * config.h - the configuration file (dienhinh.ini): database, language,
 * the issuing body for reports, the emulation-score scheme, the plan
 * periods, the town's emulation blocks and units, and who holds which role.
 *
 * config.c is the only file of the program that includes iniparser.h (its
 * unit test does too, to stand in for the loader); config_period.c reads
 * the periods.  A loaded config is
 * fully validated: every section and key known, every number in range,
 * every date real, codes unique, blocks and successors existing.  Anything
 * else is refused with a message naming the file, the line and the key.
 */
#ifndef DIENHINH_CONFIG_H
#define DIENHINH_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "model.h"
#include "period.h"

/* An emulation block (khối thi đua) grouping units. */
struct block {
	char code[CODE_MAX + 1];
	char *name;
};

enum role {
	ROLE_NONE = 0, /* not listed: refused */
	ROLE_VIEWER,   /* reads everything, writes nothing */
	ROLE_STAFF,    /* writes exemplars of its own units while introduced/returned */
	ROLE_OFFICE,   /* Phòng Nội vụ: every unit, every action */
};

/* One account's role; for ROLE_STAFF, the units it answers for. */
struct role_entry {
	char user[USER_MAX + 1];
	enum role role;
	char (*units)[CODE_MAX + 1];
	size_t n_units;
};

/*
 * Invariant: units[] and blocks[] have unique codes; every unit's block is
 * empty or in blocks[]; every successor is in units[]; roles[] has unique
 * users and every staff unit is in units[]; periods holds at least one
 * period, in year order, no two sharing a year, with unique codes, and
 * every unit its quotas name is in units[].
 */
struct config {
	char *path;              /* the file it was loaded from */
	char *database;          /* database directory, absolute or relative to the file's directory */
	size_t map_size;         /* initial LMDB map size in bytes */
	char language[8];        /* "vi" or "en" */
	bool count_returned;     /* do returned exemplars count toward the quota? */
	int keep_safety_copies;  /* the newest copies a restore leaves in <database>/safety */
	int late_days;           /* a quarter closes this many days after its end */
	bool count_late;         /* do late entries count toward quota and score? */
	char *issuer_parent;     /* "ỦY BAN NHÂN DÂN THỊ XÃ NGÃ NĂM" */
	char *issuer;            /* "PHÒNG NỘI VỤ" */
	char *place;             /* "Ngã Năm", for the date line of reports */
	char *symbol;            /* "BC-PNV": the symbol of the number line "Số: .../BC-PNV" */
	char *sign_authority;    /* "KT. TRƯỞNG PHÒNG", or "" when the head signs */
	char *sign_title;        /* "PHÓ TRƯỞNG PHÒNG" */
	char *signer;            /* the signer's name, or "" for the clerk to type */
	char *recipients;        /* "Nơi nhận", one recipient per '|'-separated item */
	char *archive;           /* "VT, PNV": the last recipient line "- Lưu: VT, PNV." */
	struct score_scheme score; /* the [score] section; a period's own are in periods */
	struct period_list periods;
	struct block *blocks;
	size_t n_blocks;
	struct unit *units;      /* in file order */
	size_t n_units;
	struct role_entry *roles;
	size_t n_roles;
};

/* Load and validate `path`.  On success *out is a new config (config_free). */
int config_load(const char *path, struct config **out, struct err *e);
void config_free(struct config *cfg);

/* Lookups; NULL when absent. */
const struct unit *config_unit(const struct config *cfg, const char *code);
const struct block *config_block(const struct config *cfg, const char *code);
const struct role_entry *config_role(const struct config *cfg, const char *user);

/*
 * What a report's heading and signature take from the config: the issuing
 * body and the place (the year's period's where it gives them, else
 * [report]'s), the number's symbol, the signer and the recipients
 * ([report]'s).  Pointers into cfg.  Every report reads them here, through
 * the `year` it is about, so that a period may give its own of any of them.
 */
struct config_heading {
	const char *issuer_parent, *issuer, *place;
	const char *symbol, *sign_authority, *sign_title, *signer;
	const char *recipients, *archive;
};
struct config_heading config_heading(const struct config *cfg, int year);

/* The points of the year-end scores of `year`: its period's, else [score]'s. */
const struct score_scheme *config_score(const struct config *cfg, int year);

/* The database directory resolved against the config file's directory (new string). */
char *config_database_path(const struct config *cfg);

/* Translated label of a role ("Phòng Nội vụ", "Cán bộ đơn vị", "Chỉ xem"). */
const char *config_role_label(enum role r);

#endif
