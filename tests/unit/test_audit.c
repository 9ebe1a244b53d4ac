/* test_audit.c - audit entries and the field-level diff of two exemplars. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "audit.h"

/*
 * The tests run without a message catalogue, so labels are the English
 * source text.  Day numbers (2024-01-01 = 19723):
 *   2024-05-02 = 19845, 2024-08-15 = 19723 + 227 = 19950,
 *   2024-06-01 = 19875, 2024-06-20 = 19894, 2024-12-20 = 20077.
 */
#define D_2024_05_02 19845
#define D_2024_08_15 19950
#define D_2024_06_01 19875
#define D_2024_06_20 19894
#define D_2024_12_20 20077

static char *dup(const char *s)
{
	char *d = strdup(s);

	assert_non_null(d);
	return d;
}

static void individual(struct exemplar *x)
{
	model_exemplar_init(x);
	x->id = 12;
	x->version = 3;
	x->type = TYPE_INDIVIDUAL;
	x->category = CAT_GOOD_DEEDS;
	x->status = STATUS_INTRODUCED;
	x->gender = GENDER_MALE;
	x->birth_year = 1980;
	x->date = D_2024_05_02;
	strcpy(x->unit, "phuong_1");
	x->name = dup("Lê Văn Bình");
	x->position = dup("Tổ trưởng tổ dân phố");
	x->achievements = dup("Vận động xây cầu.\nNhặt được của rơi trả lại người mất.");
	strcpy(x->created_by, "lan");
	x->created_at = 1714600000;
}

static void add_propagation(struct exemplar *x, enum propagation_channel ch, date_t d,
			    const char *ref)
{
	struct propagation *p = realloc(x->propagations,
					(x->n_propagations + 1) * sizeof *p);

	assert_non_null(p);
	x->propagations = p;
	p = &p[x->n_propagations++];
	memset(p, 0, sizeof *p);
	p->channel = ch;
	p->date = d;
	p->ref = ref ? dup(ref) : NULL;
	strcpy(p->by, "minh");
}

static void copy(struct exemplar *dst, const struct exemplar *src)
{
	model_exemplar_init(dst);
	assert_int_equal(model_exemplar_copy(dst, src), 0);
}

/* Change i is field `f`, from `b` to `a` (NULL = empty). */
static void assert_change(const struct audit_entry *e, size_t i, const char *f,
			  const char *b, const char *a)
{
	assert_true(i < e->n_changes);
	assert_string_equal(e->changes[i].field, f);
	if (b)
		assert_string_equal(e->changes[i].before, b);
	else
		assert_null(e->changes[i].before);
	if (a)
		assert_string_equal(e->changes[i].after, a);
	else
		assert_null(e->changes[i].after);
}

static void test_identical_is_empty(void **state)
{
	struct exemplar x, y;
	struct audit_entry a;

	(void)state;
	individual(&x);
	add_propagation(&x, CHANNEL_RADIO, D_2024_06_01, "Chuyên mục số 12");
	copy(&y, &x);
	/* Bookkeeping fields are not changes a person made to the record. */
	y.version = 4;
	strcpy(y.updated_by, "minh");
	y.updated_at = 1714700000;
	audit_entry_init(&a);
	assert_int_equal(audit_diff_exemplars(&a, &x, &y), 0);
	assert_int_equal(a.n_changes, 0);
	assert_null(a.changes);
	/* NULL and "" are both empty. */
	free(y.position);
	y.position = dup("");
	free(x.position);
	x.position = NULL;
	assert_int_equal(audit_diff_exemplars(&a, &x, &y), 0);
	assert_int_equal(a.n_changes, 0);
	audit_entry_free(&a);
	model_exemplar_free(&x);
	model_exemplar_free(&y);
}

/* Exactly the changed fields, in the field table's order, with text as in files. */
static void test_changed_fields(void **state)
{
	struct exemplar x, y;
	struct audit_entry a;

	(void)state;
	individual(&x);
	copy(&y, &x);
	free(y.name);
	y.name = dup("Lê Văn Bính");
	y.status = STATUS_ACCEPTED;
	y.date = D_2024_08_15;
	y.birth_year = 1981;
	audit_entry_init(&a);
	assert_int_equal(audit_diff_exemplars(&a, &x, &y), 0);
	assert_int_equal(a.n_changes, 4);
	assert_change(&a, 0, "name", "Lê Văn Bình", "Lê Văn Bính");
	assert_change(&a, 1, "birth_year", "1980", "1981");
	assert_change(&a, 2, "date", "2024-05-02", "2024-08-15");
	assert_change(&a, 3, "status", "introduced", "accepted");
	audit_entry_free(&a);
	model_exemplar_free(&x);
	model_exemplar_free(&y);
}

/* Type, category, unit, gender, cleared and set texts, the commendation. */
static void test_other_fields(void **state)
{
	struct exemplar x, y;
	struct audit_entry a;

	(void)state;
	individual(&x);
	copy(&y, &x);
	y.type = TYPE_COLLECTIVE;
	y.category = CAT_RESIDENTIAL;
	strcpy(y.unit, "xa_vinh_quoi");
	y.gender = GENDER_FEMALE;
	y.birth_year = 0;
	free(y.position);
	y.position = NULL;
	y.movement = dup("Toàn dân đoàn kết xây dựng đời sống văn hóa");
	y.status = STATUS_COMMENDED;
	y.commendation.form = dup("Giấy khen");
	y.commendation.decision = dup("45/QĐ-UBND");
	y.commendation.date = D_2024_12_20;
	audit_entry_init(&a);
	assert_int_equal(audit_diff_exemplars(&a, &x, &y), 0);
	assert_int_equal(a.n_changes, 11);
	assert_change(&a, 0, "unit", "phuong_1", "xa_vinh_quoi");
	assert_change(&a, 1, "type", "individual", "collective");
	assert_change(&a, 2, "category", "good_deeds", "residential");
	assert_change(&a, 3, "gender", "male", "female");
	assert_change(&a, 4, "birth_year", "1980", NULL);
	assert_change(&a, 5, "position", "Tổ trưởng tổ dân phố", NULL);
	assert_change(&a, 6, "movement", NULL, "Toàn dân đoàn kết xây dựng đời sống văn hóa");
	assert_change(&a, 7, "status", "introduced", "commended");
	assert_change(&a, 8, "form", NULL, "Giấy khen");
	assert_change(&a, 9, "decision", NULL, "45/QĐ-UBND");
	assert_change(&a, 10, "decision_date", NULL, "2024-12-20");
	audit_entry_free(&a);
	model_exemplar_free(&x);
	model_exemplar_free(&y);
}

/* A new record: every non-empty field, each with an empty "before". */
static void test_diff_against_null(void **state)
{
	struct exemplar y;
	struct audit_entry a;

	(void)state;
	individual(&y);
	add_propagation(&y, CHANNEL_PORTAL, D_2024_06_20, NULL);
	audit_entry_init(&a);
	assert_int_equal(audit_diff_exemplars(&a, NULL, &y), 0);
	assert_int_equal(a.n_changes, 11);
	assert_change(&a, 0, "unit", NULL, "phuong_1");
	assert_change(&a, 1, "type", NULL, "individual");
	assert_change(&a, 2, "category", NULL, "good_deeds");
	assert_change(&a, 3, "name", NULL, "Lê Văn Bình");
	assert_change(&a, 4, "gender", NULL, "male");
	assert_change(&a, 5, "birth_year", NULL, "1980");
	assert_change(&a, 6, "position", NULL, "Tổ trưởng tổ dân phố");
	assert_change(&a, 7, "achievements", NULL,
		      "Vận động xây cầu.\nNhặt được của rơi trả lại người mất.");
	assert_change(&a, 8, "date", NULL, "2024-05-02");
	assert_change(&a, 9, "status", NULL, "introduced");
	assert_change(&a, 10, "propagation", NULL, "portal 2024-06-20");
	audit_entry_free(&a);
	model_exemplar_free(&y);
}

/* A collective without gender or birth year lists neither. */
static void test_new_collective(void **state)
{
	struct exemplar y;
	struct audit_entry a;

	(void)state;
	model_exemplar_init(&y);
	y.id = 4;
	y.type = TYPE_COLLECTIVE;
	y.category = CAT_HEALTH;
	y.status = STATUS_INTRODUCED;
	y.date = D_2024_06_01;
	strcpy(y.unit, "trung_tam_yte");
	y.name = dup("Khoa Nhi");
	audit_entry_init(&a);
	assert_int_equal(audit_diff_exemplars(&a, NULL, &y), 0);
	assert_int_equal(a.n_changes, 6);
	assert_change(&a, 0, "unit", NULL, "trung_tam_yte");
	assert_change(&a, 1, "type", NULL, "collective");
	assert_change(&a, 2, "category", NULL, "health");
	assert_change(&a, 3, "name", NULL, "Khoa Nhi");
	assert_change(&a, 4, "date", NULL, "2024-06-01");
	assert_change(&a, 5, "status", NULL, "introduced");
	audit_entry_free(&a);
	model_exemplar_free(&y);
}

/* Appended propagations: one "propagation" change per new one, oldest first. */
static void test_appended_propagations(void **state)
{
	struct exemplar x, y;
	struct audit_entry a;

	(void)state;
	individual(&x);
	add_propagation(&x, CHANNEL_RADIO, D_2024_06_01, "Chuyên mục số 12");
	copy(&y, &x);
	add_propagation(&y, CHANNEL_PORTAL, D_2024_06_20, "https://nganam.gov.vn/a/1");
	add_propagation(&y, CHANNEL_OTHER, D_2024_08_15, NULL);
	audit_entry_init(&a);
	assert_int_equal(audit_diff_exemplars(&a, &x, &y), 0);
	assert_int_equal(a.n_changes, 2);
	assert_change(&a, 0, "propagation", NULL, "portal 2024-06-20 https://nganam.gov.vn/a/1");
	assert_change(&a, 1, "propagation", NULL, "other 2024-08-15");
	audit_entry_free(&a);
	model_exemplar_free(&x);
	model_exemplar_free(&y);
}

/* A propagation removed is a change of its own, from its text to nothing;
 * one removed and one added in the same change are both there. */
static void test_removed_propagations(void **state)
{
	struct exemplar x, y;
	struct audit_entry a;

	(void)state;
	individual(&x);
	add_propagation(&x, CHANNEL_RADIO, D_2024_06_01, "Số 12");
	add_propagation(&x, CHANNEL_PORTAL, D_2024_06_20, "Trang tin");
	add_propagation(&x, CHANNEL_OTHER, D_2024_08_15, NULL);
	copy(&y, &x);
	free(y.propagations[1].ref);
	y.propagations[1] = y.propagations[2];
	y.n_propagations = 2;
	audit_entry_init(&a);
	assert_int_equal(audit_diff_exemplars(&a, &x, &y), 0);
	assert_int_equal(a.n_changes, 1);
	assert_change(&a, 0, "propagation", "portal 2024-06-20 Trang tin", NULL);
	audit_entry_free(&a);
	add_propagation(&y, CHANNEL_RADIO, D_2024_08_15, "Số 13");
	audit_entry_init(&a);
	assert_int_equal(audit_diff_exemplars(&a, &x, &y), 0);
	assert_int_equal(a.n_changes, 2);
	assert_change(&a, 0, "propagation", "portal 2024-06-20 Trang tin", NULL);
	assert_change(&a, 1, "propagation", NULL, "radio 2024-08-15 Số 13");
	audit_entry_free(&a);
	model_exemplar_free(&x);
	model_exemplar_free(&y);
}

/* The diff appends to what the entry already holds. */
static void test_diff_appends(void **state)
{
	struct exemplar x, y;
	struct audit_entry a;

	(void)state;
	individual(&x);
	copy(&y, &x);
	y.status = STATUS_RETURNED;
	y.status_reason = dup("Thiếu xác nhận của địa phương");
	audit_entry_init(&a);
	assert_int_equal(audit_add_change(&a, "note", NULL, "trả hồ sơ"), 0);
	assert_int_equal(audit_diff_exemplars(&a, &x, &y), 0);
	assert_int_equal(a.n_changes, 3);
	assert_change(&a, 0, "note", NULL, "trả hồ sơ");
	assert_change(&a, 1, "status", "introduced", "returned");
	assert_change(&a, 2, "status_reason", NULL, "Thiếu xác nhận của địa phương");
	audit_entry_free(&a);
	model_exemplar_free(&x);
	model_exemplar_free(&y);
}

/* audit_add_change copies its strings, and keeps empty values as NULL. */
static void test_add_change_copies(void **state)
{
	struct audit_entry a;
	char before[] = "cũ", after[] = "mới";

	(void)state;
	audit_entry_init(&a);
	assert_int_equal(audit_add_change(&a, "name", before, after), 0);
	before[0] = after[0] = 'X';
	assert_int_equal(audit_add_change(&a, "position", "", NULL), 0);
	assert_int_equal(a.n_changes, 2);
	assert_change(&a, 0, "name", "cũ", "mới");
	assert_change(&a, 1, "position", NULL, NULL);
	a.note = dup("ghi chú");
	audit_entry_free(&a);
	/* Freed entries are initialised again and can be reused. */
	assert_int_equal(a.n_changes, 0);
	assert_null(a.changes);
	assert_null(a.note);
	assert_int_equal(a.seq, 0);
	assert_string_equal(a.op, "");
	assert_int_equal(audit_add_change(&a, "unit", "a", "b"), 0);
	assert_int_equal(a.n_changes, 1);
	audit_entry_free(&a);
}

static void test_op_labels(void **state)
{
	(void)state;
	assert_string_equal(audit_op_label("add"), "Introduction");
	assert_string_equal(audit_op_label("revoke"), "Revocation of commendation");
	assert_string_equal(audit_op_label("units"), "Units update");
	assert_string_equal(audit_op_label("withdraw"), "Withdrawal");
	assert_string_equal(audit_op_label("unpropagate"), "Propagation removed");
	/* An op this version does not know is shown as its code. */
	assert_string_equal(audit_op_label("merge"), "merge");
	assert_string_equal(audit_op_label(""), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_identical_is_empty),
		cmocka_unit_test(test_changed_fields),
		cmocka_unit_test(test_other_fields),
		cmocka_unit_test(test_diff_against_null),
		cmocka_unit_test(test_new_collective),
		cmocka_unit_test(test_appended_propagations),
		cmocka_unit_test(test_removed_propagations),
		cmocka_unit_test(test_diff_appends),
		cmocka_unit_test(test_add_change_copies),
		cmocka_unit_test(test_op_labels),
	};

	return cmocka_run_group_tests_name("audit", tests, NULL, NULL);
}
