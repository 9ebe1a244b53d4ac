/* roles.c - see roles.h. */
#include "roles.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"

const char *roles_code(enum role r)
{
	static const char *codes[] = { "none", "viewer", "staff", "office" };

	return r >= ROLE_NONE && r <= ROLE_OFFICE ? codes[r] : "none";
}

bool roles_own_unit(const struct role_entry *who, const char *unit)
{
	for (size_t i = 0; who && who->role == ROLE_STAFF && i < who->n_units; i++)
		if (strcmp(who->units[i], unit) == 0)
			return true;
	return false;
}

void roles_describe(const struct role_entry *who, char *buf, size_t n)
{
	size_t len = (size_t)snprintf(buf, n, "%s (%s", config_role_label(who->role),
				      roles_code(who->role));

	for (size_t i = 0; i < who->n_units && len < n; i++)
		len += (size_t)snprintf(buf + len, n - len, "%s%s", i ? ", " : ": ",
					who->units[i]);
	if (len < n)
		snprintf(buf + len, n - len, ")");
}

static const char *unit_name(const struct config *cfg, const char *code)
{
	const struct unit *u = config_unit(cfg, code);

	return u ? u->name : code;
}

static int deny(const struct role_entry *who, struct err *e, const char *rule)
{
	char role[256];

	roles_describe(who, role, sizeof role);
	return err_set(e, ERR_DENIED, _("Your role is %s: %s"), role, rule);
}

/* Staff: their own units, and editing only before the office has acted. */
static int check_staff(const struct config *cfg, const struct role_entry *who,
		       enum roles_action act, const struct exemplar *x, const char *unit,
		       struct err *e)
{
	char rule[400];

	if (x && !roles_own_unit(who, x->unit)) {
		snprintf(rule, sizeof rule, act == ROLES_READ_LOG
			 ? _("unit staff can only read the history of their own units' "
			     "exemplars, not of %s.")
			 : _("unit staff can only change exemplars of their own units, not of "
			     "%s."), unit_name(cfg, x->unit));
		return deny(who, e, rule);
	}
	if (act == ROLES_READ_LOG)
		return 0;
	/* No unit at all is for validation to say ("choose the unit"), not a unit of others. */
	if (unit && *unit && !roles_own_unit(who, unit)) {
		snprintf(rule, sizeof rule, _("unit staff can only introduce exemplars for their "
					      "own units, not for %s."), unit_name(cfg, unit));
		return deny(who, e, rule);
	}
	if (act == ROLES_EDIT && x && x->status != STATUS_INTRODUCED &&
	    x->status != STATUS_RETURNED)
		return deny(who, e, _("unit staff can only edit an exemplar while it is "
				      "introduced or returned; this one is already in the hands "
				      "of the Home Affairs Office."));
	if (act == ROLES_WITHDRAW && x && x->status != STATUS_INTRODUCED &&
	    x->status != STATUS_RETURNED)
		return deny(who, e, _("unit staff can only withdraw an exemplar while it is "
				      "introduced or returned; once the Home Affairs Office has "
				      "accepted it, ask the office."));
	return 0;
}

int roles_check_quarter(const struct config *cfg, const struct role_entry *who, date_t day,
			date_t today, bool *late, struct err *e)
{
	bool closed = model_quarter_closed(day, today, cfg->late_days);
	int y = date_year(day), q = date_quarter(day);
	date_t closes = model_quarter_closes(y, q, cfg->late_days);
	int days = (int)(closes - date_quarter_last(y, q));
	char name[16], when[DATE_TEXT_SIZE], rule[400];

	if (late)
		*late = closed && who && who->role == ROLE_OFFICE;
	if (!closed || (who && who->role == ROLE_OFFICE))
		return 0;
	model_quarter_name(y, q, name, sizeof name);
	date_format_vn(closes, when);
	snprintf(rule, sizeof rule, i18n_ntext("quarter %s closed on %s, %d day after it ended: "
					       "unit staff can no longer add or change its "
					       "exemplars. The Home Affairs Office can record a "
					       "late entry.",
					       "quarter %s closed on %s, %d days after it ended: "
					       "unit staff can no longer add or change its "
					       "exemplars. The Home Affairs Office can record a "
					       "late entry.", days), name, when, days);
	return deny(who, e, rule);
}

int roles_check(const struct config *cfg, const struct role_entry *who,
		enum roles_action act, const struct exemplar *x, const char *unit,
		struct err *e)
{
	switch (who ? who->role : ROLE_NONE) {
	case ROLE_OFFICE:
		return 0;
	case ROLE_STAFF:
		switch (act) {
		case ROLES_ADD:
		case ROLES_EDIT:
		case ROLES_RESUBMIT:
		case ROLES_READ_LOG:
		case ROLES_WITHDRAW:
			return check_staff(cfg, who, act, x, unit, e);
		case ROLES_IMPORT:
		case ROLES_RESTORE:
			return deny(who, e, _("only the Home Affairs Office (office role) can "
					      "import records or restore a backup."));
		default:
			return deny(who, e, act == ROLES_REOPEN || act == ROLES_CORRECT
				    ? _("only the Home Affairs Office (office role) can reopen "
					"an exemplar or correct its commendation or "
					"propagation.")
				    : _("only the Home Affairs Office (office role) can "
					"review, propose, commend, revoke or record "
					"propagation."));
		}
	case ROLE_VIEWER:
		if (act == ROLES_READ_LOG)
			return deny(who, e, _("viewers can read the register but not its audit "
					      "log, which is for the Home Affairs Office and, about "
					      "their own units' exemplars, for unit staff."));
		return deny(who, e, _("viewers can read the register but not change it."));
	default:
		return err_set(e, ERR_DENIED, _("This account has no role in dienhinh."));
	}
}
