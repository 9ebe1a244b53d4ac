/*
 * helper_data_tamper.c - damage a database on purpose, for the end-to-end
 * tests of check and restore:
 *   helper_data_tamper DB counter YEAR QUARTER UNIT TOTAL   overwrite a counter
 *   helper_data_tamper DB schema N                          set the schema number
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"

struct job {
	const char *what;
	int year, quarter;
	const char *unit;
	uint32_t total;
	uint64_t schema;
};

static int tamper(struct store_txn *t, void *p, struct err *e)
{
	struct job *j = p;
	struct store_counts c;

	if (strcmp(j->what, "schema") == 0)
		return store_put_meta_u64(t, "schema", j->schema, e);
	if (store_get_counts(t, j->year, j->quarter, j->unit, &c, e))
		return -1;
	c.total = j->total;
	return store_debug_put_counts(t, j->year, j->quarter, j->unit, &c, e);
}

int main(int argc, char **argv)
{
	struct job j = { 0 };
	struct store *s;
	struct err e = { 0 };
	int rc;

	if (argc == 7 && strcmp(argv[2], "counter") == 0) {
		j = (struct job){ "counter", atoi(argv[3]), atoi(argv[4]), argv[5],
				  (uint32_t)strtoul(argv[6], NULL, 10), 0 };
	} else if (argc == 4 && strcmp(argv[2], "schema") == 0) {
		j = (struct job){ "schema", 0, 0, NULL, 0, strtoull(argv[3], NULL, 10) };
	} else {
		fprintf(stderr, "usage: %s DB counter YEAR QUARTER UNIT TOTAL | DB schema N\n",
			argv[0]);
		return 2;
	}
	if (store_open(argv[1], 1 << 20, 0, &s, &e)) {
		fprintf(stderr, "%s\n", e.msg);
		return 1;
	}
	rc = store_write(s, tamper, &j, &e);
	if (rc)
		fprintf(stderr, "%s\n", e.msg);
	store_close(s);
	return rc ? 1 : 0;
}
