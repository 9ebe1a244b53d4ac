/*
 * units.h - the units as the database knows them.
 *
 * The config lists the town's units; the database keeps its own copy so
 * that records always resolve, also for units merged away or imported.
 * units_sync() brings the copy in line with the config whenever the
 * config's units changed (a hash of them is kept), with an audit entry
 * naming every unit that changed.  Units are never deleted.
 */
#ifndef DIENHINH_UNITS_H
#define DIENHINH_UNITS_H

#include <stddef.h>

#include "config.h"
#include "err.h"
#include "model.h"
#include "store.h"

/* Units in the config's order, then those known only to the database, by code. */
struct unit_list {
	struct unit *v;
	size_t n;
};

/* Bring the stored units in line with cfg if it changed; `user` is audited. */
int units_sync(struct store *s, const struct config *cfg, const char *user, struct err *e);
/* Whether the stored units are in line with cfg (units_sync would write nothing). */
int units_in_line(struct store *s, const struct config *cfg, bool *yes, struct err *e);

/* Every stored unit, ordered as above. */
int units_load(struct store *s, const struct config *cfg, struct unit_list *out,
	       struct err *e);
void units_free(struct unit_list *l);
const struct unit *units_find(const struct unit_list *l, const char *code);

/* When u was active, as an office writes it: "từ 01/07/2025", "đến
 * 30/06/2025", "từ … đến …"; "" for a unit active throughout. */
void units_active_words(const struct unit *u, char *buf, size_t size);

/* Room for units_label()'s text; a longer name is cut, never its dates. */
#define UNITS_LABEL_SIZE 256

/*
 * u's name as a person reads it beside the other units of l (screens,
 * reports, the command line's text): where another unit of l bears the same
 * name (a merged unit and its successor), the dates that tell them apart
 * follow, as an office writes them: "Xã Tân Long (đến 30/06/2025)", "Xã Tân
 * Long (từ 01/07/2025)", "... (từ 01/01/2020 đến 30/06/2025)"; the code
 * instead ("Xã Tân Long (tanlong)") when the dates do not tell them apart.
 * A name no other unit bears is given alone.  Returns the offset in buf of
 * the part that tells them apart (" (..."), strlen(buf) when there is none,
 * so that a narrow column can shorten the name and keep it.
 */
size_t units_label(const struct unit_list *l, const struct unit *u, char *buf, size_t size);

/* A unit's fields on one line, as the audit trail records a unit change:
 * "Phường 1 | ward | khoi_xa_phuong | 2 |  | 2025-06-30 | phuongnganam"
 * (new string, NULL when out of memory). */
char *units_summary(const struct unit *u);

#endif
