/*
 * config_ini.c - the config's file as iniparser reads it: the scanned bytes
 * handed to iniparser through a memory file, and the value it holds for
 * every key the scan found (config.c says why the file is read in these
 * steps).  The only file that includes iniparser.h.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <iniparser.h>

#include "config_priv.h"
#include "i18n.h"

/* iniparser reports through a callback that has no user pointer, so its
 * last message lands here; configs are loaded by one thread at start-up. */
static char ini_msg[256];

__attribute__((format(printf, 1, 2)))
static int ini_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ini_msg, sizeof ini_msg, fmt, ap);
	va_end(ap);
	return 0;
}

/* iniparser 4.1 only loads from a path: give it the scanned bytes through a
 * memory file (from the scan's text_at, past a byte-order mark it cannot read). */
static int run_iniparser(struct load *ld, const char *buf, size_t n)
{
	char proc[64];
	const char *p;
	int fd, saved;
	size_t done = 0;

	fd = memfd_create("dienhinh.ini", MFD_CLOEXEC);
	if (fd < 0)
		goto fail_io;
	while (done < n) {
		ssize_t w = write(fd, buf + done, n - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			goto fail_io;
		done += (size_t)w;
	}
	snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
	ini_msg[0] = '\0';
	iniparser_set_error_callback(ini_error);
	ld->d = iniparser_load(proc);
	saved = errno;
	close(fd);
	/* iniparser 4.1 stops at an allocation that fails, says so, and hands
	 * back what it had read; it says nothing when its first one fails. */
	if (strstr(ini_msg, "memory allocation failure") || (!ld->d && !ini_msg[0]) ||
	    (!ld->d && saved == ENOMEM && strstr(ini_msg, "cannot open"))) {
		if (ld->d)
			iniparser_freedict(ld->d);
		ld->d = NULL;
		return config_fail_nomem(ld);
	}
	if (ld->d)
		return 0;
	/* the scan refuses every line iniparser does, so this is a fallback */
	p = strstr(ini_msg, " (");
	if (p && isdigit((unsigned char)p[2]))
		return config_fail(ld, atoi(p + 2), NULL, NULL, _("this line could not be read"));
	return err_set(ld->e, ERR_CONFIG, _("%s: the file could not be read as a configuration"),
		       ld->path);
fail_io:
	saved = errno;
	if (fd >= 0)
		close(fd);
	return err_set(ld->e, ERR_IO, _("cannot read the configuration file %s: %s"),
		       ld->path, i18n_strerror(saved));
}

/* iniparser must have seen the sections and keys the scan saw. */
static int check_agree(struct load *ld)
{
	if (iniparser_getnsec(ld->d) != (int)ld->scan.n_secs)
		return err_set(ld->e, ERR_CONFIG,
			       _("%s: the file could not be read as a configuration"), ld->path);
	for (size_t i = 0; i < ld->scan.n_secs; i++) {
		const struct iniscan_sec *s = &ld->scan.secs[i];

		if (iniparser_getsecnkeys(ld->d, s->name) != (int)s->n_keys)
			return config_fail(ld, s->line, s->name, NULL,
					   _("this section could not be read"));
	}
	return 0;
}

/* The next entry of d from *i on; false past the last. */
static bool next_entry(const dictionary *d, ssize_t *i)
{
	while (*i < d->size && !d->key[*i])
		++*i;
	return *i < d->size;
}

/*
 * Take the values from iniparser's dictionary in one walk.  iniparser 4.1
 * puts each new entry in the first free slot from d->n on and frees none
 * while it loads, so its arrays list, in file order, every section ("name")
 * followed by its keys ("name:key", with a value).  When they list exactly
 * the names the scan recorded, in its order, and nothing more, iniparser
 * has seen what the scan saw, and each value is found without a search.
 * False when the dictionary is anything else.
 */
static bool walk_dictionary(struct load *ld)
{
	const dictionary *d = ld->d;
	ssize_t i = 0;
	size_t v = 0;

	for (size_t si = 0; si < ld->scan.n_secs; si++) {
		const struct iniscan_sec *s = &ld->scan.secs[si];
		size_t len = strlen(s->name);

		ld->first_key[si] = v;
		if (!next_entry(d, &i) || strcmp(d->key[i++], s->name))
			return false;
		for (size_t j = 0; j < s->n_keys; j++) {
			const char *key;

			if (!next_entry(d, &i))
				return false;
			key = d->key[i];
			if (strncmp(key, s->name, len) || key[len] != ':' ||
			    strcmp(key + len + 1, s->keys[j].name) || !d->val[i])
				return false;
			ld->vals[v++] = d->val[i++];
		}
	}
	return !next_entry(d, &i);
}

/*
 * The value of every key the scan found, in vals.  A dictionary laid out
 * otherwise than walk_dictionary expects (iniparser read the file otherwise
 * than the scan, or a version of iniparser keeps it in another order) is
 * checked by counting the keys of each section and searched key by key,
 * through iniparser's own accessors; a key it lacks is refused when read.
 */
static int index_values(struct load *ld)
{
	size_t n_keys = 0, v = 0;

	for (size_t i = 0; i < ld->scan.n_secs; i++)
		n_keys += ld->scan.secs[i].n_keys;
	ld->vals = calloc(n_keys ? n_keys : 1, sizeof *ld->vals);
	ld->first_key = calloc(ld->scan.n_secs ? ld->scan.n_secs : 1, sizeof *ld->first_key);
	if (!ld->vals || !ld->first_key)
		return config_fail_nomem(ld);
	if (walk_dictionary(ld))
		return 0;
	if (check_agree(ld) < 0)
		return -1;
	for (size_t i = 0; i < ld->scan.n_secs; i++) {
		const struct iniscan_sec *s = &ld->scan.secs[i];

		ld->first_key[i] = v;
		for (size_t j = 0; j < s->n_keys; j++) {
			char full[2 * INISCAN_LINE_MAX + 2];

			snprintf(full, sizeof full, "%s:%s", s->name, s->keys[j].name);
			ld->vals[v++] = iniparser_getstring(ld->d, full, NULL);
		}
	}
	return 0;
}

int config_ini_read(struct load *ld, const char *buf, size_t n)
{
	if (run_iniparser(ld, buf, n) < 0)
		return -1;
	return index_values(ld);
}

void config_ini_free(struct load *ld)
{
	if (ld->d)
		iniparser_freedict(ld->d);
	ld->d = NULL;
	free(ld->vals);
	free(ld->first_key);
	ld->vals = NULL;
	ld->first_key = NULL;
}
