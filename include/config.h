/*
 * config.h - the configuration file (dienhinh.ini): plan years, database,
 * language, the issuing body for reports, the emulation-score scheme, the
 * town's emulation blocks and units, and who holds which role.
 *
 * config.c is the only file of the program that includes iniparser.h (its
 * unit test does too, to stand in for the loader).  A loaded config is
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
 * Points for the year-end emulation score of a unit (plan III.3).  A unit's
 * score = quarter_met * (quarters met) + quarter_short * (quarters short)
 * + introduced * (exemplars counted) + accepted * (accepted or later)
 * + propagated * (propagation events) + commended * (commended exemplars).
 */
struct score_scheme {
	int quarter_met;
	int quarter_short;
	int introduced;
	int accepted;
	int propagated;
	int commended;
};

/*
 * Invariant: units[] and blocks[] have unique codes; every unit's block is
 * empty or in blocks[]; every successor is in units[]; roles[] has unique
 * users and every staff unit is in units[].
 */
struct config {
	char *path;              /* the file it was loaded from */
	char *database;          /* database directory, absolute or relative to the file's directory */
	size_t map_size;         /* initial LMDB map size in bytes */
	char language[8];        /* "vi" or "en" */
	int plan_from, plan_to;  /* plan years, inclusive */
	bool count_returned;     /* do returned exemplars count toward the quota? */
	char *issuer_parent;     /* "ỦY BAN NHÂN DÂN THỊ XÃ NGÃ NĂM" */
	char *issuer;            /* "PHÒNG NỘI VỤ" */
	char *place;             /* "Ngã Năm", for the date line of reports */
	char *symbol;            /* "BC-PNV": the symbol of the number line "Số: .../BC-PNV" */
	char *sign_authority;    /* "KT. TRƯỞNG PHÒNG", or "" when the head signs */
	char *sign_title;        /* "PHÓ TRƯỞNG PHÒNG" */
	char *signer;            /* the signer's name, or "" for the clerk to type */
	char *recipients;        /* "Nơi nhận", one recipient per '|'-separated item */
	char *archive;           /* "VT, PNV": the last recipient line "- Lưu: VT, PNV." */
	struct score_scheme score;
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
 * body, the place, the number's symbol, the signer and the recipients.
 * Pointers into cfg.  Every report reads them through config_heading(), so
 * that a plan period of its own (the `year` the report is about) can give
 * other ones; today they are [report]'s for every year.
 */
struct config_heading {
	const char *issuer_parent, *issuer, *place;
	const char *symbol, *sign_authority, *sign_title, *signer;
	const char *recipients, *archive;
};
struct config_heading config_heading(const struct config *cfg, int year);

/* The database directory resolved against the config file's directory (new string). */
char *config_database_path(const struct config *cfg);

/* Translated label of a role ("Phòng Nội vụ", "Cán bộ đơn vị", "Chỉ xem"). */
const char *config_role_label(enum role r);

#endif
