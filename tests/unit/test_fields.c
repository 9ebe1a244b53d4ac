/*
 * test_fields.c - every row of the field table (fields.h) through each part
 * of the program that walks it.  The rows agree with one another and with
 * the file's columns, their tags are the ones databases hold, their headers
 * read in both languages; and every text field is cleaned to its limit,
 * stored and read back under its tag, copied, recorded in the audit trail,
 * imported under each of its headers and exported again, and, when a person
 * sets it, set by its `add`/`edit` option and shown by `show`.  A new row is
 * tested here without a line more.
 */
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <getopt.h>

#include "audit.h"
#include "cli.h"
#include "codec.h"
#include "exchange.h"
#include "export.h"
#include "fields.h"
#include "fixture.h"
#include "i18n.h"
#include "sheet.h"

/* The town of fixture.h, in English: the messages the tests look for are the source text. */
static const char config_text[] =
	"[dienhinh]\n"
	"language = en\n"
	"database = db\n"
	FIXTURE_TOWN;

static int setup(void **state)
{
	return fx_setup(state, "fields", config_text, "chief", date_from_ymd(2025, 1, 10));
}

static int teardown(void **state)
{
	return fx_teardown(state);
}

/* A value of text field f's own, the n-th: "Giá trị position 2". */
static char *value_of(const struct field *f, int n)
{
	char *s;

	assert_true(asprintf(&s, "Giá trị %s %d", f->code, n) > 0);
	return s;
}

/* Replace text field f of x by a copy of v. */
static void set_text(struct exemplar *x, const struct field *f, const char *v)
{
	char **t = field_text_at(x, f);

	free(*t);
	*t = strdup(v);
	assert_non_null(*t);
}

/* A valid exemplar holding only what every record needs. */
static void minimal(struct exemplar *x)
{
	model_exemplar_init(x);
	x->id = 7;
	x->version = 1;
	x->type = TYPE_INDIVIDUAL;
	x->category = CAT_GOOD_DEEDS;
	x->status = STATUS_INTRODUCED;
	x->date = date_from_ymd(2024, 5, 2);
	strcpy(x->unit, "p1");
	x->name = strdup("Lê Lan");
	assert_non_null(x->name);
}

/* ---- the table ---------------------------------------------------------------- */

/* Codes, tags, kinds and limits agree; the file's columns are the rows, in order,
 * each found by its code, its headers and its alias. */
static void test_rows_agree(void **state)
{
	(void)state;
	for (size_t i = 0; i < FIELD_COUNT; i++) {
		const struct field *f = &field_table[i];
		const struct sheet_column *col = &sheet_exemplar_columns[i];
		const char *names[] = { f->code, f->header, f->vi, f->alias };
		assert_true(f->code[0]);
		assert_int_equal(strspn(f->code, "abcdefghijklmnopqrstuvwxyz_"), strlen(f->code));
		assert_ptr_equal(field_find(f->code), f);
		assert_true(f->tag >= 0 && f->tag <= 255);
		assert_int_equal(f->tag == 0, f->kind == FK_UNIT_NAME);
		for (size_t j = 0; f->tag && j < i; j++)
			assert_int_not_equal(field_table[j].tag, f->tag);
		assert_int_equal(f->kind == FK_TEXT, f->max_chars > 0);
		assert_true(!(f->flags & FF_MULTILINE) || f->kind == FK_TEXT);
		assert_true(f->label[0] && f->header[0] && f->vi[0]);
		assert_string_equal(col->code, f->code);
		assert_string_equal(col->label, f->header);
		assert_string_equal(col->vi, f->vi);
		assert_int_equal(col->required, (f->flags & FF_REQUIRED) != 0);
		for (size_t k = 0; k < 3; k++)
			assert_int_equal(sheet_find_column(sheet_exemplar_columns, SHEET_X_COUNT,
							   names[k]), (int)i);
		/* The aliases, '|' between them, each leading back to the field. */
		for (const char *a = names[3]; a && *a;) {
			char piece[256];
			size_t len = strcspn(a, "|");
			snprintf(piece, sizeof piece, "%.*s", (int)len, a);
			assert_true(len > 0);
			assert_int_equal(sheet_find_column(sheet_exemplar_columns, SHEET_X_COUNT,
							   piece), (int)i);
			a += len + (a[len] == '|');
		}
	}
	assert_null(sheet_exemplar_columns[SHEET_X_SKIP].code);
	assert_null(field_find("no_such_field"));
	assert_null(field_find(NULL));
}

/* The tags of the records databases hold since the first format: a row may
 * come with a new tag, none may change its own. */
static void test_tags_as_stored(void **state)
{
	static const struct { const char *code; int tag; } stored[] = {
		{ "id", 1 }, { "version", 2 }, { "type", 3 }, { "category", 4 }, { "status", 5 },
		{ "gender", 6 }, { "birth_year", 7 }, { "date", 8 }, { "unit", 9 }, { "name", 10 },
		{ "position", 11 }, { "workplace", 12 }, { "movement", 13 },
		{ "achievements", 14 }, { "status_reason", 15 }, { "created_by", 16 },
		{ "updated_by", 17 }, { "created_at", 18 }, { "updated_at", 19 }, { "form", 20 },
		{ "decision", 21 }, { "decision_date", 22 }, { "signer", 23 },
		{ "propagations", 24 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof stored / sizeof stored[0]; i++) {
		const struct field *f = field_find(stored[i].code);
		assert_non_null(f);
		assert_int_equal(f->tag, stored[i].tag);
	}
}

/* In Vietnamese, every header is its row's Vietnamese header (what an import
 * reads whatever the language) and every label is translated. */
static void test_headers_in_both_languages(void **state)
{
	const char *root = getenv("DIENHINH_ROOT");
	char dir[512];

	(void)state;
	i18n_ready();
	/* The catalogue of the build, wherever this test program is. */
	snprintf(dir, sizeof dir, "%s/build/locale", root ? root : ".");
	bindtextdomain(I18N_DOMAIN, dir);
	i18n_set_language("vi");
	for (size_t i = 0; i < FIELD_COUNT; i++) {
		const struct field *f = &field_table[i];
		assert_string_equal(_(f->header), f->vi);
		assert_string_not_equal(_(f->label), f->label);
		assert_string_equal(model_field_label(f->code), _(f->label));
	}
	i18n_set_language("en");
	for (size_t i = 0; i < FIELD_COUNT; i++)
		assert_string_equal(model_field_label(field_table[i].code), field_table[i].label);
}

/* ---- each text field, one part at a time ------------------------------------------- */

/* `n` times the letter "ạ", between spaces that cleaning removes. */
static char *letters(size_t n)
{
	char *s = malloc(3 * n + 3), *p = s;

	assert_non_null(s);
	*p++ = ' ';
	for (size_t i = 0; i < n; i++, p += 3)
		memcpy(p, "ạ", 3);
	strcpy(p, " ");
	return s;
}

/* Cleaned to its limit, the field named when refused; line breaks only where allowed. */
static void test_text_cleaned_to_its_limit(void **state)
{
	(void)state;
	for (size_t i = 0; i < FIELD_COUNT; i++) {
		const struct field *f = &field_table[i];
		struct exemplar x;
		struct err e = { 0 };
		char *s;
		if (f->kind != FK_TEXT)
			continue;
		minimal(&x);
		s = letters(f->max_chars);
		set_text(&x, f, s);
		assert_int_equal(model_exemplar_clean(&x, NULL, &e), 0);
		assert_int_equal(strlen(field_text(&x, f)), 3 * f->max_chars);
		free(s);
		s = letters(f->max_chars + 1);
		set_text(&x, f, s);
		assert_int_equal(model_exemplar_clean(&x, NULL, &e), -1);
		assert_string_equal(e.field, f->code);
		assert_string_equal(field_text(&x, f), s); /* a refused record is left as it was */
		set_text(&x, f, "dòng một\ndòng hai");
		assert_int_equal(model_exemplar_clean(&x, NULL, &e), f->flags & FF_MULTILINE ? 0 : -1);
		if (f->flags & FF_MULTILINE)
			assert_string_equal(field_text(&x, f), "dòng một\ndòng hai");
		else
			assert_string_equal(e.field, f->code);
		free(s);
		model_exemplar_free(&x);
	}
}

/* Stored under its tag (TAG LEN TEXT), read back and copied as it was. */
static void test_text_stored_under_its_tag(void **state)
{
	(void)state;
	for (size_t i = 0; i < FIELD_COUNT; i++) {
		const struct field *f = &field_table[i];
		struct exemplar x, y, z;
		struct buf b = { 0 };
		struct err e = { 0 };
		char *v = value_of(f, 1);
		const uint8_t *at;
		if (f->kind != FK_TEXT) {
			free(v);
			continue;
		}
		minimal(&x);
		set_text(&x, f, v);
		assert_int_equal(codec_encode_exemplar(&x, &b), 0);
		at = memmem(b.data, b.len, v, strlen(v));
		assert_non_null(at);
		assert_true(at - b.data >= 2);
		assert_int_equal(at[-2], f->tag);
		assert_int_equal(at[-1], strlen(v));
		model_exemplar_init(&y);
		assert_int_equal(codec_decode_exemplar(b.data, b.len, &y, &e), 0);
		assert_string_equal(field_text(&y, f), v);
		model_exemplar_init(&z);
		assert_int_equal(model_exemplar_copy(&z, &x), 0);
		assert_string_equal(field_text(&z, f), v);
		assert_ptr_not_equal(field_text(&z, f), field_text(&x, f));
		buf_free(&b);
		free(v);
		model_exemplar_free(&x);
		model_exemplar_free(&y);
		model_exemplar_free(&z);
	}
}

/* A change to the field alone is one change in the audit trail, under its code. */
static void test_text_changes_audited(void **state)
{
	(void)state;
	for (size_t i = 0; i < FIELD_COUNT; i++) {
		const struct field *f = &field_table[i];
		struct exemplar x, y;
		struct audit_entry a;
		char *v = value_of(f, 2), *was;
		if (f->kind != FK_TEXT) {
			free(v);
			continue;
		}
		minimal(&x);
		model_exemplar_init(&y);
		assert_int_equal(model_exemplar_copy(&y, &x), 0);
		set_text(&y, f, v);
		was = field_text(&x, f) ? strdup(field_text(&x, f)) : NULL;
		audit_entry_init(&a);
		assert_int_equal(audit_diff_exemplars(&a, &x, &y), 0);
		assert_int_equal(a.n_changes, 1);
		assert_string_equal(a.changes[0].field, f->code);
		if (was)
			assert_string_equal(a.changes[0].before, was);
		else
			assert_null(a.changes[0].before);
		assert_string_equal(a.changes[0].after, v);
		audit_entry_free(&a);
		assert_int_equal(audit_diff_exemplars(&a, &y, &y), 0);
		assert_int_equal(a.n_changes, 0);
		audit_entry_free(&a);
		free(was);
		free(v);
		model_exemplar_free(&x);
		model_exemplar_free(&y);
	}
}

/* ---- through files -------------------------------------------------------------------- */

/*
 * A file of one exemplar whose every text field holds value_of(field, n),
 * its text columns named by `how`: 0 their codes, 1 their English headers,
 * 2 their Vietnamese ones.  A revoked commendation, so that each text field
 * has a use.  The file's path (freed by the caller).
 */
static char *file_of_texts(struct fx *f, int n, int how)
{
	char *path;
	FILE *out;

	assert_true(asprintf(&path, "%s/texts-%d.csv", f->dir, n) > 0);
	assert_non_null(out = fopen(path, "w"));
	fputs("unit,category,date,status,decision_date", out);
	for (size_t i = 0; i < FIELD_COUNT; i++)
		if (field_table[i].kind == FK_TEXT)
			fprintf(out, ",%s", how == 0 ? field_table[i].code
					   : how == 1 ? field_table[i].header : field_table[i].vi);
	fputs("\np1,good_deeds,2024-05-02,revoked,2024-06-01", out);
	for (size_t i = 0; i < FIELD_COUNT; i++) {
		char *v = value_of(&field_table[i], n);
		if (field_table[i].kind == FK_TEXT)
			fprintf(out, ",%s", v);
		free(v);
	}
	fputs("\n", out);
	fclose(out);
	return path;
}

static void import_file(struct reg *r, const char *path)
{
	struct exchange_result res = { 0 };
	struct err e = { 0 };

	if (exchange_import(r, EXCHANGE_EXEMPLARS, path, 0, &res, &e))
		fail_msg("%s: %s %s", path, e.msg, res.n_problems ? res.problems[0].text : "");
	assert_int_equal(res.written, 1);
	exchange_result_free(&res);
}

/* Exemplar `id` of r holds value_of(field, n) in every text field. */
static void assert_texts(struct reg *r, uint64_t id, int n)
{
	struct exemplar x;
	struct err e = { 0 };

	model_exemplar_init(&x);
	assert_int_equal(register_get(r, id, &x, &e), 0);
	for (size_t i = 0; i < FIELD_COUNT; i++) {
		char *v = value_of(&field_table[i], n);
		if (field_table[i].kind == FK_TEXT)
			assert_string_equal(field_text(&x, &field_table[i]), v);
		free(v);
	}
	model_exemplar_free(&x);
}

/* Imported under each of its names, exported, and imported again the same. */
static void test_text_through_files(void **state)
{
	struct fx *f = *state, *g = fx_new("fields2");
	struct report *rp;
	struct err e = { 0 };
	size_t count;
	char *path;
	FILE *out;

	for (int how = 0; how < 3; how++) {
		path = file_of_texts(f, how, how);
		import_file(f->r, path);
		free(path);
		assert_texts(f->r, (uint64_t)how + 1, how);
	}
	assert_int_equal(export_register(f->r, EXCHANGE_EXEMPLARS, &rp, &count, &e), 0);
	assert_int_equal(count, 3);
	assert_true(asprintf(&path, "%s/export.csv", f->dir) > 0);
	assert_non_null(out = fopen(path, "w"));
	assert_int_equal(report_write_csv(rp, out, false, &e), 0);
	fclose(out);
	report_free(rp);
	assert_non_null(g);
	fx_config(g, config_text);
	act_as(g, "chief", date_from_ymd(2025, 1, 10));
	struct exchange_result res = { 0 };
	assert_int_equal(exchange_import(g->r, EXCHANGE_EXEMPLARS, path, 0, &res, &e), 0);
	assert_int_equal(res.written, 3);
	exchange_result_free(&res);
	for (int how = 0; how < 3; how++)
		assert_texts(g->r, (uint64_t)how + 1, how);
	free(path);
	fx_free(g);
}

/* ---- through the command line ------------------------------------------------------------ */

/* Run the command line on f's database; its output in `out` (freed by the
 * caller).  The exit status. */
static int run(struct fx *f, const char *const *args, char **out)
{
	char *argv[24], config[96], path[128];
	int argc = 0, fd, keep, status;
	FILE *in;
	long n;

	snprintf(config, sizeof config, "%s/dienhinh.ini", f->dir);
	snprintf(path, sizeof path, "%s/out", f->dir);
	argv[argc++] = "dienhinh";
	argv[argc++] = "--config";
	argv[argc++] = config;
	argv[argc++] = "--db";
	argv[argc++] = f->db;
	for (size_t i = 0; args[i]; i++)
		argv[argc++] = (char *)args[i];
	argv[argc] = NULL;
	fflush(stdout);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	keep = dup(1);
	assert_true(fd >= 0 && keep >= 0);
	dup2(fd, 1);
	optind = 0; /* getopt starts afresh, as in a new process */
	status = cli_main(argc, argv);
	fflush(stdout);
	dup2(keep, 1);
	close(fd);
	close(keep);
	assert_non_null(in = fopen(path, "r"));
	fseek(in, 0, SEEK_END);
	n = ftell(in);
	rewind(in);
	assert_non_null(*out = calloc(1, (size_t)n + 1));
	assert_int_equal(fread(*out, 1, (size_t)n, in), (size_t)n);
	fclose(in);
	return status;
}

/* Every text field a person sets: given to `add`, changed by `edit`, shown by `show`. */
static void test_text_options(void **state)
{
	struct fx *f = *state;
	uint64_t ids[FIELD_COUNT] = { 0 };

	setenv("DIENHINH_USER", "chief", 1);
	setenv("DIENHINH_TODAY", "2025-01-10", 1);
	register_close(f->r); /* one environment per process */
	f->r = NULL;
	for (size_t i = 0; i < FIELD_COUNT; i++) {
		const struct field *fl = &field_table[i];
		char opt[64], *v1 = value_of(fl, 1), *v2 = value_of(fl, 2), *name = value_of(fl, 0);
		char *out, *line;
		if (fl->kind != FK_TEXT || !(fl->flags & FF_EDIT)) {
			free(v1);
			free(v2);
			free(name);
			continue;
		}
		snprintf(opt, sizeof opt, "--%s", fl->code);
		for (char *p = opt + 2; *p; p++)
			*p = *p == '_' ? '-' : *p;
		const char *add[] = { "add", "--unit", "p1", "--type", "individual", "--category",
				      "good_deeds", "--name", name, "--date", "2024-05-02",
				      opt, v1, NULL };
		assert_int_equal(run(f, add, &out), 0);
		ids[i] = strtoull(out, NULL, 10);
		assert_true(ids[i] > 0);
		free(out);
		char id[24];
		snprintf(id, sizeof id, "%llu", (unsigned long long)ids[i]);
		const char *edit[] = { "edit", id, opt, v2, NULL };
		assert_int_equal(run(f, edit, &out), 0);
		free(out);
		const char *show[] = { "show", id, "--format", "tsv", NULL };
		assert_int_equal(run(f, show, &out), 0);
		assert_true(asprintf(&line, "\n%s\t%s\n", fl->code, v2) > 0);
		if (!strstr(out, line))
			fail_msg("%s: no line \"%s\t%s\" in:\n%s", opt, fl->code, v2, out);
		free(line);
		free(out);
		free(v1);
		free(v2);
		free(name);
	}
	act_as(f, "chief", date_from_ymd(2025, 1, 10));
	for (size_t i = 0; i < FIELD_COUNT; i++) {
		struct exemplar x;
		struct err e = { 0 };
		char *v2 = value_of(&field_table[i], 2);
		if (ids[i]) {
			model_exemplar_init(&x);
			assert_int_equal(register_get(f->r, ids[i], &x, &e), 0);
			assert_string_equal(field_text(&x, &field_table[i]), v2);
			model_exemplar_free(&x);
		}
		free(v2);
	}
	unsetenv("DIENHINH_USER");
	unsetenv("DIENHINH_TODAY");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows_agree),
		cmocka_unit_test(test_tags_as_stored),
		cmocka_unit_test(test_headers_in_both_languages),
		cmocka_unit_test(test_text_cleaned_to_its_limit),
		cmocka_unit_test(test_text_stored_under_its_tag),
		cmocka_unit_test(test_text_changes_audited),
		cmocka_unit_test_setup_teardown(test_text_through_files, setup, teardown),
		cmocka_unit_test_setup_teardown(test_text_options, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
