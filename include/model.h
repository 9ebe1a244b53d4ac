/*
 * model.h - the register's vocabulary: units, exemplars and their enums,
 * quota states and rules.  Pure functions; no I/O.
 *
 * Code identifiers are English (see the glossary in docs/architecture.md);
 * every name shown to a person comes from the *_label() functions, which
 * are translated.
 */
#ifndef DIENHINH_MODEL_H
#define DIENHINH_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "date.h"
#include "err.h"

#define CODE_MAX 32 /* unit and block codes: [a-z0-9_], 1-32 bytes */
#define USER_MAX 32 /* Unix account names */

/* Field limits, in characters (not bytes), checked after normalisation. */
#define NAME_MAX_CHARS 200
#define LINE_MAX_CHARS 300        /* one-line texts: position, reasons, references */
#define ACHIEVEMENTS_MAX_CHARS 8000

enum unit_kind {
	KIND_WARD = 1,   /* phường */
	KIND_COMMUNE,    /* xã */
	KIND_DEPARTMENT, /* phòng, ban chuyên môn */
	KIND_SERVICE,    /* đơn vị sự nghiệp (trung tâm, đài) */
	KIND_FRONT,      /* Ủy ban MTTQ */
	KIND_MASS_ORG,   /* tổ chức chính trị - xã hội thành viên */
	KIND_ARMED,      /* lực lượng vũ trang */
	KIND_COUNT_
};

/*
 * A unit that introduces exemplars.  Units are never deleted: a merged or
 * renamed unit gets an active_to date and a successor, so that history
 * stays as it was recorded.  Invariant: active_from <= active_to when both
 * are set; successor, when set, names another unit.
 */
struct unit {
	char code[CODE_MAX + 1];
	char *name;
	enum unit_kind kind;
	char block[CODE_MAX + 1];    /* emulation block code; may be empty */
	int quota;                   /* minimum introductions per quarter; 0 = none */
	date_t active_from;          /* DATE_NONE = always */
	date_t active_to;            /* DATE_NONE = still active */
	char successor[CODE_MAX + 1];/* may be empty */
};

enum ex_type { TYPE_COLLECTIVE = 1, TYPE_INDIVIDUAL, TYPE_COUNT_ };

/* The plan's criteria categories (II.2.3); each belongs to one type. */
enum ex_category {
	CAT_BUSINESS = 1, CAT_EDUCATION, CAT_HEALTH, CAT_DEFENCE,
	CAT_ASSOCIATION, CAT_MODEL_UNIT, CAT_RESIDENTIAL, CAT_MOVEMENT,
	CAT_OFFICIAL, CAT_GOOD_DEEDS, CAT_COMMUNITY,
	CAT_COUNT_
};

enum ex_gender { GENDER_UNKNOWN = 0, GENDER_MALE, GENDER_FEMALE, GENDER_COUNT_ };

/*
 * Workflow: introduced -> accepted | returned; returned -> introduced (after
 * editing); accepted -> proposed -> commended -> revoked.  Corrections:
 * accepted, returned, proposed or withdrawn -> introduced (reopen); any
 * other -> withdrawn (entered by mistake: it counts toward nothing).  The
 * values are stored: a new status takes the next number.
 */
enum ex_status {
	STATUS_INTRODUCED = 1, STATUS_ACCEPTED, STATUS_RETURNED,
	STATUS_PROPOSED, STATUS_COMMENDED, STATUS_REVOKED, STATUS_WITHDRAWN,
	STATUS_COUNT_
};

enum propagation_channel { CHANNEL_RADIO = 1, CHANNEL_PORTAL, CHANNEL_OTHER, CHANNEL_COUNT_ };

/* One publicity event of an exemplar (plan II.3, III.2). */
struct propagation {
	enum propagation_channel channel;
	date_t date;
	char *ref;     /* programme title, page address...; may be NULL */
	char by[USER_MAX + 1];
	int64_t at;
};

/* The commendation recorded for an exemplar (form, decision, signer). */
struct commendation {
	char *form;        /* e.g. "Giấy khen của Chủ tịch UBND thị xã" */
	char *decision;    /* decision number, e.g. "123/QĐ-UBND" */
	date_t date;       /* decision date */
	char *signer;      /* may be NULL */
};

/*
 * One exemplar profile.  Each field has its row in fields.h, which every
 * field-by-field walk reads.  Strings are owned by the struct
 * (model_exemplar_free frees them) and are NFC once they passed
 * model_exemplar_clean(); NULL means empty.  `version` starts at 1 and
 * grows with every saved change; a save carrying an older version is
 * refused, so nobody overwrites a change they have not seen.
 */
struct exemplar {
	uint64_t id;
	uint32_t version;
	enum ex_type type;
	enum ex_category category;
	enum ex_status status;
	enum ex_gender gender;     /* individuals only */
	int birth_year;            /* individuals only; 0 = unknown */
	date_t date;               /* introduction date: fixes year and quarter */
	char unit[CODE_MAX + 1];   /* introducing unit */
	char *name;
	char *position;            /* position or title */
	char *workplace;           /* workplace or address */
	char *movement;            /* emulation movement it came out of */
	char *achievements;        /* multi-line */
	char *status_reason;       /* why it was last returned, revoked or withdrawn */
	/* Entered after its quarter closed (model_quarter_closes), by the office;
	 * late_reason, when given, says why.  Invariant: late_reason is NULL
	 * unless late. */
	bool late;
	char *late_reason;
	date_t proposal_date;      /* when it was proposed for commendation */
	struct commendation commendation; /* set once commended */
	struct propagation *propagations; /* oldest first */
	size_t n_propagations;
	char created_by[USER_MAX + 1];
	char updated_by[USER_MAX + 1];
	int64_t created_at;        /* seconds since the epoch */
	int64_t updated_at;
};

/* Initialise an empty exemplar (zeroes, DATE_NONE dates). */
void model_exemplar_init(struct exemplar *ex);
/* Free what the exemplar owns and re-initialise it. */
void model_exemplar_free(struct exemplar *ex);
/* Deep copy; 0 or -1 (out of memory). `dst` must be initialised or freed. */
int model_exemplar_copy(struct exemplar *dst, const struct exemplar *src);

void model_unit_free(struct unit *u);
int model_unit_copy(struct unit *dst, const struct unit *src);

/*
 * Enum <-> stable code (the strings of the CLI contract and of the files:
 * "individual", "good_deeds", "introduced"...) and translated labels for
 * people.  *_parse returns 0 and sets *out, or -1 for an unknown code.
 */
const char *model_type_code(enum ex_type t);
const char *model_type_label(enum ex_type t);
int model_type_parse(const char *s, enum ex_type *out);

const char *model_category_code(enum ex_category c);
const char *model_category_label(enum ex_category c);
int model_category_parse(const char *s, enum ex_category *out);
/* The exemplar type a category belongs to. */
enum ex_type model_category_type(enum ex_category c);

const char *model_gender_code(enum ex_gender g);
const char *model_gender_label(enum ex_gender g);
int model_gender_parse(const char *s, enum ex_gender *out);

const char *model_status_code(enum ex_status s);
const char *model_status_label(enum ex_status s);
int model_status_parse(const char *s, enum ex_status *out);

const char *model_kind_code(enum unit_kind k);
const char *model_kind_label(enum unit_kind k);
int model_kind_parse(const char *s, enum unit_kind *out);

const char *model_channel_code(enum propagation_channel c);
const char *model_channel_label(enum propagation_channel c);
int model_channel_parse(const char *s, enum propagation_channel *out);

/*
 * The same, by set, for code that handles any of them alike (the field
 * table, files): the enum's values are ints, the set says which enum.
 */
enum model_set { SET_TYPE, SET_CATEGORY, SET_GENDER, SET_STATUS, SET_CHANNEL, SET_KIND };
/* One past the set's highest value (its *_COUNT_). */
int model_set_end(enum model_set s);
const char *model_set_code(enum model_set s, int v);
const char *model_set_label(enum model_set s, int v);
int model_set_parse(enum model_set s, const char *code, int *out);

/*
 * A translated label for a field code: an exemplar field's (fields.h) such
 * as "name" or "birth_year", or a propagation's "channel" and "ref".
 */
const char *model_field_label(const char *field);

/*
 * A field's stored value (as the audit trail keeps it) as a person reads it:
 * the label of an enum field's code, a date field's date as DD/MM/YYYY;
 * anything else, or anything not understood, as it is.  The answer is
 * `value`, a label, or `buf`.
 */
const char *model_value_text(const char *field, const char *value,
			     char buf[DATE_TEXT_SIZE]);

/* True if `s` is a valid unit or block code ([a-z0-9_], 1-32 bytes). */
bool model_code_valid(const char *s);

/*
 * Normalise every text field of `ex` in place (text_clean: valid UTF-8, no
 * controls or invisible characters, NFC, trimmed; achievements may hold
 * newlines) and check lengths.  On refusal, e names the field and `ex` is
 * left as it came.
 *
 * Text that looks typed with a legacy keyboard (text_looks_legacy: TCVN3
 * or VNI) is refused too, saying how to set the keyboard, unless `legacy`
 * is not NULL: the person chose to keep it, and *legacy is set to the first
 * such field (or NULL).
 */
int model_exemplar_clean(struct exemplar *ex, const char **legacy, struct err *e);

/*
 * The same for a change to a stored record `kept` (or NULL): text the same
 * as kept's is not refused as legacy again, so a name a person chose to
 * keep does not stop the record's later steps.
 */
int model_exemplar_clean_since(struct exemplar *ex, const struct exemplar *kept,
			       const char **legacy, struct err *e);

/* The name's label for an exemplar of type t: "Full name" of a person, "Collective's name". */
const char *model_name_label(enum ex_type t);

/*
 * Was x, as the person gave it, refused because the field e names looks
 * typed with a legacy keyboard?  Then the front end may offer to keep it.
 */
bool model_refused_legacy(const struct exemplar *x, const struct err *e);

/* Refuse `field` (of propagation `prop`, 0 for none) as legacy-keyboard text; -1. */
int model_legacy_refuse(const char *field, size_t prop, struct err *e);

/*
 * Check an exemplar's own consistency: type and category agree, name
 * present, gender and birth year only for individuals and plausible,
 * introduction date set and not after `today`.  (Unit checks need the unit
 * list and are the register's.)
 */
int model_exemplar_validate(const struct exemplar *ex, date_t today, struct err *e);

/*
 * Read a date as a person writes it (date_parse_vn) for `field` (a field
 * code or an option such as "--date", which begins the message and is
 * err.field; NULL when the caller names the place itself).  0, or -1 with
 * ERR_INVALID: a day that does not exist ("31/02/2025") is told apart from
 * text that is not written as a date at all.
 */
int model_date_read(const char *s, const char *field, date_t *out, struct err *e);

/*
 * Closed quarters.  A quarter closes `late_days` days after its last day
 * (the day after its last day when late_days is 0): from then on only the
 * office records exemplars dated in it, and what it records then is a
 * late entry.
 */
date_t model_quarter_closes(int year, int q, int late_days);
/* Is the quarter of `day` closed on `today`? */
bool model_quarter_closed(date_t day, date_t today, int late_days);
/* "III/2025": a quarter as people write it. */
void model_quarter_name(int year, int q, char *buf, size_t n);

/*
 * Which exemplars count toward the quota and the year-end score: never a
 * withdrawn one (entered by mistake); a late entry only when the config
 * says late entries count (count_late).  Whether a returned one counts
 * toward the quota is the quota's own rule (count_returned).
 */
bool model_exemplar_counts(enum ex_status s, bool late, bool count_late);

/* Is the unit active on `day`? On any day of the quarter? */
bool model_unit_active_on(const struct unit *u, date_t day);
bool model_unit_active_in_quarter(const struct unit *u, int year, int q);

enum quota_state {
	QUOTA_NONE = 0, /* no quota, or the unit was not active that quarter */
	QUOTA_OPEN,     /* quarter not over yet, below quota */
	QUOTA_SHORT,    /* quarter over, below quota */
	QUOTA_MET,
	QUOTA_OUTSIDE,  /* the year lies outside every plan period (period.h) */
};

/*
 * Quota state of one unit for one quarter of a plan period, given how many
 * introductions count (`counted`) and today's date.  `required` is 0 when
 * no quota applies (unit without quota, or inactive that quarter); a year
 * outside every period is QUOTA_OUTSIDE, which the caller knows (period.h).
 */
enum quota_state model_quota_state(int required, int counted, int year, int q,
				   date_t today);
const char *model_quota_code(enum quota_state s);  /* "met", "short", "open", "none", "outside" */
const char *model_quota_label(enum quota_state s); /* translated word */

#endif
