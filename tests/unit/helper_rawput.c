/*
 * helper_rawput.c - put an exemplar straight into a database, past the
 * register's cleaning and validation, as damage or another program
 * might.  The end-to-end tests use it to prove that whatever is stored,
 * the output never carries raw control bytes.
 *
 *   helper_rawput DBDIR UNIT YYYY-MM-DD NAME [FIELD=VALUE]...
 *
 * FIELD is position, workplace, movement, achievements, status_reason,
 * user (the account recorded as creator and in the audit entry) or version
 * (the record's version, 1 unless given).  Values
 * are taken byte for byte.  The record is an individual "official",
 * introduced; an "edit" audit entry listing every field goes with it.
 * Prints the new id.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audit.h"
#include "store.h"

struct put {
	struct exemplar *x;
	const char *user;
};

static int put_txn(struct store_txn *t, void *p, struct err *e)
{
	struct put *c = p;
	struct audit_entry a;
	int rc;

	if (store_next_id(t, &c->x->id, e) || store_put_exemplar(t, NULL, c->x, e))
		return -1;
	audit_entry_init(&a);
	a.time = c->x->created_at;
	a.record = c->x->id;
	snprintf(a.user, sizeof a.user, "%s", c->user);
	snprintf(a.op, sizeof a.op, "edit");
	a.note = c->x->status_reason ? strdup(c->x->status_reason) : NULL;
	if (audit_diff_exemplars(&a, NULL, c->x)) {
		audit_entry_free(&a);
		return err_set(e, ERR_NOMEM, "out of memory");
	}
	rc = store_append_audit(t, &a, e);
	audit_entry_free(&a);
	return rc;
}

/* Set field `kv` ("name=value") of x; 0, or -1 for an unknown field. */
static int set_field(struct exemplar *x, const char **user, const char *kv)
{
	static const char *names[] = { "position", "workplace", "movement", "achievements",
				       "status_reason" };
	char **slots[] = { &x->position, &x->workplace, &x->movement, &x->achievements,
			   &x->status_reason };
	const char *eq = strchr(kv, '=');

	if (!eq)
		return -1;
	if (strncmp(kv, "user=", 5) == 0) {
		*user = eq + 1;
		return 0;
	}
	if (strncmp(kv, "version=", 8) == 0)
		return (x->version = (uint32_t)strtoul(eq + 1, NULL, 10)) ? 0 : -1;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strlen(names[i]) == (size_t)(eq - kv) && !strncmp(kv, names[i], eq - kv)) {
			free(*slots[i]);
			*slots[i] = strdup(eq + 1);
			return 0;
		}
	return -1;
}

int main(int argc, char **argv)
{
	struct exemplar x;
	struct store *s;
	struct err e = { 0 };
	struct put c = { &x, "rawput" };
	int rc = 1;

	if (argc < 5) {
		fprintf(stderr, "usage: %s DBDIR UNIT YYYY-MM-DD NAME [FIELD=VALUE]...\n", argv[0]);
		return 2;
	}
	model_exemplar_init(&x);
	x.version = 1;
	x.type = TYPE_INDIVIDUAL;
	x.category = CAT_OFFICIAL;
	x.status = STATUS_INTRODUCED;
	snprintf(x.unit, sizeof x.unit, "%s", argv[2]);
	x.name = strdup(argv[4]);
	if (date_parse(argv[3], &x.date)) {
		fprintf(stderr, "%s: bad date %s\n", argv[0], argv[3]);
		goto out;
	}
	for (int i = 5; i < argc; i++)
		if (set_field(&x, &c.user, argv[i])) {
			fprintf(stderr, "%s: unknown field in %s\n", argv[0], argv[i]);
			goto out;
		}
	snprintf(x.created_by, sizeof x.created_by, "%s", c.user);
	snprintf(x.updated_by, sizeof x.updated_by, "%s", c.user);
	x.created_at = x.updated_at = time(NULL);
	if (store_open(argv[1], (size_t)64 << 20, 0, &s, &e)) {
		fprintf(stderr, "%s: %s\n", argv[0], e.msg);
		goto out;
	}
	if (store_write(s, put_txn, &c, &e))
		fprintf(stderr, "%s: %s\n", argv[0], e.msg);
	else
		rc = printf("%llu\n", (unsigned long long)x.id) < 0;
	store_close(s);
out:
	model_exemplar_free(&x);
	return rc;
}
