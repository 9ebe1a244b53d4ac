/* test_roles.c - the permission table: every role against every action. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "fixture.h"
#include "roles.h"

/* The town of fixture.h with the default settings.  The tests run without a
 * message catalogue: messages are the English source text. */
static struct config *cfg;
static char dir[64];

static int setup(void **state)
{
	(void)state;
	if (tmpdir_make(dir, sizeof dir, "roles"))
		return -1;
	cfg = config_from_text(dir, "dienhinh.ini", FIXTURE_TOWN);
	tmpdir_remove(dir);
	return cfg ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	config_free(cfg);
	return 0;
}

#define N_ACTIONS (ROLES_CORRECT + 1) /* the actions that change something */

static const char *const action_name[ROLES_READ_LOG + 1] = {
	"add", "edit", "resubmit", "accept", "return", "propose", "commend", "revoke",
	"propagate", "import", "restore", "withdraw", "reopen", "correct", "read the log of",
};

/* An exemplar of `unit` in `status`, as stored. */
static struct exemplar ex(const char *unit, enum ex_status status)
{
	struct exemplar x;

	model_exemplar_init(&x);
	x.id = 7;
	x.status = status;
	snprintf(x.unit, sizeof x.unit, "%s", unit);
	return x;
}

/* roles_check for `user` (NULL: no entry at all) on an exemplar of `unit`. */
static int check(const char *user, enum roles_action act, const char *unit,
		 enum ex_status status, struct err *e)
{
	const struct role_entry *who = user ? config_role(cfg, user) : NULL;
	struct exemplar x = ex(unit, status);

	memset(e, 0, sizeof *e);
	if (act == ROLES_ADD)
		return roles_check(cfg, who, act, NULL, unit, e);
	return roles_check(cfg, who, act, &x, NULL, e);
}

static void expect_denied(const char *user, enum roles_action act, const char *unit,
			  enum ex_status status, const char *role, const char *rule)
{
	const char *who = user ? user : "(none)";
	struct err e;

	if (check(user, act, unit, status, &e) == 0)
		fail_msg("%s may %s on %s (status %d)", who, action_name[act], unit, status);
	assert_int_equal(e.code, ERR_DENIED);
	if (role && !strstr(e.msg, role))
		fail_msg("%s %s: role \"%s\" not in \"%s\"", who, action_name[act], role, e.msg);
	if (!strstr(e.msg, rule))
		fail_msg("%s %s: rule \"%s\" not in \"%s\"", who, action_name[act], rule, e.msg);
}

static void expect_allowed(const char *user, enum roles_action act, const char *unit,
			   enum ex_status status)
{
	struct err e;

	if (check(user, act, unit, status, &e))
		fail_msg("%s may not %s on %s (status %d): %s", user ? user : "(none)",
			 action_name[act], unit, status, e.msg);
}

static void test_office_may_do_everything(void **state)
{
	(void)state;
	for (int a = 0; a < N_ACTIONS; a++)
		for (int s = STATUS_INTRODUCED; s < STATUS_COUNT_; s++) {
			expect_allowed("chief", (enum roles_action)a, "p1", (enum ex_status)s);
			expect_allowed("chief", (enum roles_action)a, "p3", (enum ex_status)s);
		}
}

static void test_viewer_may_do_nothing(void **state)
{
	(void)state;
	for (int a = 0; a < N_ACTIONS; a++)
		for (int s = STATUS_INTRODUCED; s < STATUS_COUNT_; s++)
			expect_denied("xem", (enum roles_action)a, "p1", (enum ex_status)s,
				      "Your role is Read only (viewer)",
				      "viewers can read the register but not change it.");
}

static void test_no_role_may_do_nothing(void **state)
{
	struct role_entry none = { "khach", ROLE_NONE, NULL, 0 };
	struct err e;

	(void)state;
	for (int a = 0; a < N_ACTIONS; a++) {
		expect_denied(NULL, (enum roles_action)a, "p1", STATUS_INTRODUCED, NULL,
			      "no role");
		assert_int_equal(roles_check(cfg, &none, (enum roles_action)a, NULL, "p1", &e),
				 -1);
		assert_int_equal(e.code, ERR_DENIED);
	}
}

static void test_staff_own_unit(void **state)
{
	(void)state;
	expect_allowed("an", ROLES_ADD, "p1", STATUS_INTRODUCED);
	expect_allowed("an", ROLES_EDIT, "p1", STATUS_INTRODUCED);
	expect_allowed("an", ROLES_EDIT, "p1", STATUS_RETURNED);
	expect_allowed("an", ROLES_RESUBMIT, "p1", STATUS_RETURNED);
	expect_allowed("an", ROLES_WITHDRAW, "p1", STATUS_INTRODUCED);
	expect_allowed("an", ROLES_WITHDRAW, "p1", STATUS_RETURNED);
	for (int s = STATUS_ACCEPTED; s < STATUS_COUNT_; s++)
		if (s != STATUS_RETURNED) {
			expect_denied("an", ROLES_EDIT, "p1", (enum ex_status)s,
				      "Your role is Unit staff (staff: p1)",
				      "only edit an exemplar while it is introduced or returned");
			expect_denied("an", ROLES_WITHDRAW, "p1", (enum ex_status)s,
				      "Your role is Unit staff (staff: p1)",
				      "only withdraw an exemplar while it is introduced or "
				      "returned");
		}
	for (int a = ROLES_REOPEN; a <= ROLES_CORRECT; a++)
		expect_denied("an", (enum roles_action)a, "p1", STATUS_ACCEPTED,
			      "Your role is Unit staff (staff: p1)",
			      "only the Home Affairs Office (office role) can reopen an exemplar "
			      "or correct its commendation or propagation.");
	for (int a = ROLES_ACCEPT; a <= ROLES_PROPAGATE; a++)
		expect_denied("an", (enum roles_action)a, "p1", STATUS_ACCEPTED,
			      "Your role is Unit staff (staff: p1)",
			      "only the Home Affairs Office (office role) can review, propose, "
			      "commend, revoke or record propagation.");
	expect_denied("an", ROLES_IMPORT, "p1", STATUS_INTRODUCED, "(staff: p1)",
		      "import records or restore a backup");
	expect_denied("an", ROLES_RESTORE, "p1", STATUS_INTRODUCED, "(staff: p1)",
		      "import records or restore a backup");
}

static void test_staff_other_unit(void **state)
{
	(void)state;
	expect_denied("an", ROLES_ADD, "p2", STATUS_INTRODUCED, "(staff: p1)",
		      "only introduce exemplars for their own units, not for Phường Hai.");
	expect_denied("an", ROLES_EDIT, "p2", STATUS_INTRODUCED, "(staff: p1)",
		      "only change exemplars of their own units, not of Phường Hai.");
	expect_denied("an", ROLES_EDIT, "p2", STATUS_RETURNED, "(staff: p1)",
		      "not of Phường Hai.");
	expect_denied("an", ROLES_RESUBMIT, "p2", STATUS_RETURNED, "(staff: p1)",
		      "not of Phường Hai.");
	expect_denied("an", ROLES_WITHDRAW, "p2", STATUS_INTRODUCED, "(staff: p1)",
		      "not of Phường Hai.");
	for (int a = ROLES_ACCEPT; a <= ROLES_PROPAGATE; a++)
		expect_denied("an", (enum roles_action)a, "p2", STATUS_ACCEPTED, "(staff: p1)",
			      "only the Home Affairs Office");
}

static void test_staff_of_two_units(void **state)
{
	(void)state;
	for (int i = 0; i < 2; i++) {
		const char *unit = i ? "p2" : "p1";
		expect_allowed("binh", ROLES_ADD, unit, STATUS_INTRODUCED);
		expect_allowed("binh", ROLES_EDIT, unit, STATUS_RETURNED);
		expect_allowed("binh", ROLES_RESUBMIT, unit, STATUS_RETURNED);
	}
	expect_denied("binh", ROLES_ADD, "p3", STATUS_INTRODUCED,
		      "Your role is Unit staff (staff: p1, p2)", "not for Phường Ba.");
	expect_denied("binh", ROLES_EDIT, "p3", STATUS_INTRODUCED, "(staff: p1, p2)",
		      "not of Phường Ba.");
}

static void test_staff_moving_a_record(void **state)
{
	const struct role_entry *an = config_role(cfg, "an"), *binh = config_role(cfg, "binh");
	struct exemplar x = ex("p1", STATUS_INTRODUCED);
	struct err e = { 0 };

	(void)state;
	/* their own record, edited into another unit's hands */
	assert_int_equal(roles_check(cfg, an, ROLES_EDIT, &x, "p2", &e), -1);
	assert_int_equal(e.code, ERR_DENIED);
	assert_non_null(strstr(e.msg, "not for Phường Hai."));
	assert_int_equal(roles_check(cfg, binh, ROLES_EDIT, &x, "p2", &e), 0);
	assert_int_equal(roles_check(cfg, an, ROLES_EDIT, &x, "p1", &e), 0);
	/* a unit the config does not know is named by its code */
	assert_int_equal(roles_check(cfg, an, ROLES_ADD, NULL, "zz", &e), -1);
	assert_non_null(strstr(e.msg, "not for zz."));
}

/* The audit trail: the office all of it, staff their own units' exemplars, viewers none. */
static void test_reading_the_log(void **state)
{
	const struct role_entry *who[] = { config_role(cfg, "chief"), config_role(cfg, "an"),
					   config_role(cfg, "binh"), config_role(cfg, "xem") };
	struct err e = { 0 };

	(void)state;
	expect_allowed("chief", ROLES_READ_LOG, "p3", STATUS_COMMENDED);
	expect_allowed("an", ROLES_READ_LOG, "p1", STATUS_COMMENDED);
	expect_allowed("binh", ROLES_READ_LOG, "p2", STATUS_ACCEPTED);
	expect_denied("an", ROLES_READ_LOG, "p2", STATUS_INTRODUCED, "(staff: p1)",
		      "only read the history of their own units' exemplars, not of Phường Hai.");
	expect_denied("binh", ROLES_READ_LOG, "p3", STATUS_INTRODUCED, "(staff: p1, p2)",
		      "not of Phường Ba.");
	expect_denied("xem", ROLES_READ_LOG, "p1", STATUS_INTRODUCED, "(viewer)",
		      "viewers can read the register but not its audit log");
	/* the trail as a whole: staff read part of it, viewers none */
	assert_int_equal(roles_check(cfg, who[0], ROLES_READ_LOG, NULL, NULL, &e), 0);
	assert_int_equal(roles_check(cfg, who[1], ROLES_READ_LOG, NULL, NULL, &e), 0);
	assert_int_equal(roles_check(cfg, who[3], ROLES_READ_LOG, NULL, NULL, &e), -1);
	assert_int_equal(e.code, ERR_DENIED);
	assert_int_equal(roles_check(cfg, NULL, ROLES_READ_LOG, NULL, NULL, &e), -1);
	/* whose units those are */
	assert_true(roles_own_unit(who[1], "p1"));
	assert_false(roles_own_unit(who[1], "p2"));
	assert_true(roles_own_unit(who[2], "p2"));
	assert_false(roles_own_unit(who[0], "p1")); /* the office answers for no one unit */
	assert_false(roles_own_unit(who[3], "p1"));
	assert_false(roles_own_unit(NULL, "p1"));
}

/*
 * Closed quarters: with late_days = 10, quarter III/2025 closed on
 * 10/10/2025.  Staff are refused, told which quarter closed and when; the
 * office is not, and its write is a late entry; an open quarter is open to
 * both.
 */
static void test_closed_quarter(void **state)
{
	date_t today = date_from_ymd(2025, 11, 14), q3 = date_from_ymd(2025, 8, 15),
	       q4 = date_from_ymd(2025, 10, 20);
	struct err e = { 0 };
	bool late = true;

	(void)state;
	assert_int_equal(cfg->late_days, 10); /* the default */
	assert_int_equal(roles_check_quarter(cfg, config_role(cfg, "an"), q3, today, &late, &e),
			 -1);
	assert_int_equal(e.code, ERR_DENIED);
	assert_string_equal(e.msg, "Your role is Unit staff (staff: p1): quarter III/2025 closed "
			    "on 10/10/2025, 10 days after it ended: unit staff can no longer add "
			    "or change its exemplars. The Home Affairs Office can record a late "
			    "entry.");
	assert_false(late);
	assert_int_equal(roles_check_quarter(cfg, config_role(cfg, "an"), q4, today, &late, &e),
			 0);
	assert_false(late);
	assert_int_equal(roles_check_quarter(cfg, config_role(cfg, "chief"), q3, today, &late,
					     &e), 0);
	assert_true(late);
	assert_int_equal(roles_check_quarter(cfg, config_role(cfg, "chief"), q4, today, &late,
					     &e), 0);
	assert_false(late);
	/* the day before it closed, staff may still */
	assert_int_equal(roles_check_quarter(cfg, config_role(cfg, "binh"), q3,
					     date_from_ymd(2025, 10, 9), NULL, &e), 0);
}

static void test_codes_and_descriptions(void **state)
{
	char buf[128];

	(void)state;
	assert_string_equal(roles_code(ROLE_NONE), "none");
	assert_string_equal(roles_code(ROLE_VIEWER), "viewer");
	assert_string_equal(roles_code(ROLE_STAFF), "staff");
	assert_string_equal(roles_code(ROLE_OFFICE), "office");
	assert_string_equal(roles_code((enum role)9), "none");
	roles_describe(config_role(cfg, "chief"), buf, sizeof buf);
	assert_string_equal(buf, "Home Affairs Office (office)");
	roles_describe(config_role(cfg, "xem"), buf, sizeof buf);
	assert_string_equal(buf, "Read only (viewer)");
	roles_describe(config_role(cfg, "binh"), buf, sizeof buf);
	assert_string_equal(buf, "Unit staff (staff: p1, p2)");
	/* a short buffer is cut, not overrun */
	memset(buf, 'x', sizeof buf);
	roles_describe(config_role(cfg, "binh"), buf, 16);
	assert_string_equal(buf, "Unit staff (sta");
	assert_int_equal(buf[16], 'x');
	roles_describe(config_role(cfg, "binh"), buf, 23);
	assert_string_equal(buf, "Unit staff (staff: p1,");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_office_may_do_everything),
		cmocka_unit_test(test_viewer_may_do_nothing),
		cmocka_unit_test(test_no_role_may_do_nothing),
		cmocka_unit_test(test_staff_own_unit),
		cmocka_unit_test(test_staff_other_unit),
		cmocka_unit_test(test_staff_of_two_units),
		cmocka_unit_test(test_staff_moving_a_record),
		cmocka_unit_test(test_reading_the_log),
		cmocka_unit_test(test_closed_quarter),
		cmocka_unit_test(test_codes_and_descriptions),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
