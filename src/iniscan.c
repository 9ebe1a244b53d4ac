/*
 * iniscan.c - see iniscan.h.
 *
 * The rules below follow iniparser 4.1's reading of a line: it drops white
 * space at both ends, takes a line starting with '#' or ';' as a comment,
 * "[...]" as a section, cuts a section name at the first ']', lowers the
 * case of every name, joins a line ending in '\' to the next and reads at
 * most INISCAN_LINE_MAX bytes of a line.  What it would change without a
 * word is refused here, so that the names recorded are the names it stores.
 */
#include "iniscan.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unistr.h>

#include "i18n.h"
#include "mem.h"

/* Given for two shapes of line. */
#define NOT_A_LINE N_("this line is neither a [section], a key = value line nor a comment")

/* Fill `why` (if not NULL) about line `no`; sec and key may be NULL. */
__attribute__((format(printf, 5, 6)))
static int refuse(struct iniscan_error *why, int no, const char *sec, const char *key,
		  const char *fmt, ...)
{
	va_list ap;

	if (!why)
		return -1;
	why->code = ERR_CONFIG;
	why->line = no;
	snprintf(why->section, sizeof why->section, "%s", sec ? sec : "");
	snprintf(why->key, sizeof why->key, "%s", key ? key : "");
	va_start(ap, fmt);
	vsnprintf(why->reason, sizeof why->reason, fmt, ap);
	va_end(ap);
	return -1;
}

static int refuse_nomem(struct iniscan_error *why)
{
	if (why)
		*why = (struct iniscan_error){ .code = ERR_NOMEM };
	return -1;
}

/*
 * A scan under way.  Every name goes into sc.names, at name_at: a name is
 * cut from a line of its own and is shorter than the line by its '=' or
 * its brackets, so the names and their NULs fit in as many bytes as the
 * text has.
 */
struct scanner {
	struct iniscan sc;
	char *name_at;
};

/* A copy of s[0..n) in the names of the scan. */
static char *keep_name(struct scanner *scn, const char *s, size_t n)
{
	char *name = scn->name_at;

	memcpy(name, s, n);
	name[n] = '\0';
	scn->name_at += n + 1;
	return name;
}

/*
 * Room for one more item in the array at `arr` (a T **), which holds n
 * items of `size` bytes; 0, or -1 when out of memory (the array left as it
 * was).  It starts with room for `first` items, a power of two, and
 * doubles when n reaches the next one (mem_grow), so the room follows from
 * n and need not be stored: the array is full when n is 0, `first` or a
 * larger power of two.
 */
static int room_for_one(void *arr, size_t n, size_t size, size_t first)
{
	size_t cap = n;

	if (n && (n < first || (n & (n - 1))))
		return 0;
	return mem_grow(arr, &cap, n + 1, size, first);
}

/* Whether name, NUL-terminated, is s[0..n). */
static bool same_name(const char *name, const char *s, size_t n)
{
	return !strncmp(name, s, n) && !name[n];
}

static bool has_upper(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (isupper((unsigned char)s[i]))
			return true;
	return false;
}

/* The section between the brackets of line `no`: s[0..n), not NUL-terminated. */
static int scan_section(struct scanner *scn, const char *s, size_t n, int no,
			struct iniscan_error *why)
{
	struct iniscan *sc = &scn->sc;

	/* iniparser cuts at the first ']' and counts a name holding ':' as a key */
	if (n && (memchr(s, '[', n) || memchr(s, ']', n) || memchr(s, ':', n)))
		return refuse(why, no, NULL, NULL,
			      _("a section name may not contain '[', ']' or ':'"));
	while (n && isspace((unsigned char)*s))
		s++, n--;
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	if (!n)
		return refuse(why, no, NULL, NULL, _("the section name is empty"));
	if (has_upper(s, n))
		return refuse(why, no, NULL, NULL,
			      _("section and key names are written in lower case"));
	for (size_t i = 0; i < sc->n_secs; i++)
		if (same_name(sc->secs[i].name, s, n))
			return refuse(why, no, sc->secs[i].name, NULL,
				      _("this section is already at line %d; each section, and so "
					"each code, may appear only once"), sc->secs[i].line);
	if (sc->n_secs == INISCAN_SECS_MAX)
		return refuse(why, no, NULL, NULL, _("too many sections (more than %d)"),
			      INISCAN_SECS_MAX);
	if (room_for_one(&sc->secs, sc->n_secs, sizeof *sc->secs, 16))
		return refuse_nomem(why);
	sc->secs[sc->n_secs++] = (struct iniscan_sec){ .name = keep_name(scn, s, n), .line = no };
	return 0;
}

/* The key of line `no`: s[0..n), the text before its '=', not NUL-terminated. */
static int scan_key(struct scanner *scn, const char *s, size_t n, int no,
		    struct iniscan_error *why)
{
	struct iniscan *sc = &scn->sc;
	struct iniscan_sec *sec;

	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	if (!n)
		return refuse(why, no, NULL, NULL, "%s", _(NOT_A_LINE));
	if (!sc->n_secs)
		return refuse(why, no, NULL, NULL, _("this key comes before the first [section]"));
	sec = &sc->secs[sc->n_secs - 1];
	if (has_upper(s, n))
		return refuse(why, no, sec->name, NULL,
			      _("section and key names are written in lower case"));
	for (size_t i = 0; i < sec->n_keys; i++)
		if (same_name(sec->keys[i].name, s, n))
			return refuse(why, no, sec->name, sec->keys[i].name,
				      _("this key is already set at line %d"), sec->keys[i].line);
	if (sec->n_keys == INISCAN_KEYS_MAX)
		return refuse(why, no, sec->name, NULL, _("too many keys (more than %d)"),
			      INISCAN_KEYS_MAX);
	if (room_for_one(&sec->keys, sec->n_keys, sizeof *sec->keys, 8))
		return refuse_nomem(why);
	sec->keys[sec->n_keys++] = (struct iniscan_key){ .name = keep_name(scn, s, n), .line = no };
	return 0;
}

/* Classify one line (NUL-terminated, at most INISCAN_LINE_MAX bytes) as
 * iniparser does: trailing and leading white space dropped, '#' or ';' a
 * comment, "[...]" a section, anything with '=' a key. */
static int scan_line(struct scanner *scn, char *s, int no, struct iniscan_error *why)
{
	char *end = s + strlen(s), *eq;

	while (end > s && isspace((unsigned char)end[-1]))
		*--end = '\0';
	/* iniparser would join the next line, even to a comment */
	if (end > s && end[-1] == '\\')
		return refuse(why, no, NULL, NULL, _("a line may not end with a backslash (\\)"));
	while (isspace((unsigned char)*s))
		s++;
	if (!*s || *s == '#' || *s == ';')
		return 0;
	if (*s == '[' && end[-1] == ']')
		return scan_section(scn, s + 1, (size_t)(end - s - 2), no, why);
	eq = strchr(s, '=');
	if (!eq)
		return refuse(why, no, NULL, NULL, "%s", _(NOT_A_LINE));
	return scan_key(scn, s, (size_t)(eq - s), no, why);
}

static int scan_lines(struct scanner *scn, const char *buf, size_t n,
		      struct iniscan_error *why)
{
	char line[INISCAN_LINE_MAX + 1];
	size_t pos = 0;
	int no = 0;

	while (pos < n) {
		const char *nl = memchr(buf + pos, '\n', n - pos);
		size_t len = (nl ? (size_t)(nl - buf) : n) - pos;

		no++;
		if (len > INISCAN_LINE_MAX)
			return refuse(why, no, NULL, NULL,
				      _("the line is longer than %d bytes; shorten it"),
				      INISCAN_LINE_MAX);
		if (memchr(buf + pos, '\0', len))
			return refuse(why, no, NULL, NULL,
				      _("the line holds a NUL byte; is this a text file?"));
		memcpy(line, buf + pos, len);
		line[len] = '\0';
		if (scan_line(scn, line, no, why) < 0)
			return -1;
		pos += len + 1;
	}
	return 0;
}

int iniscan_scan(const char *buf, size_t n, struct iniscan *out, struct iniscan_error *why)
{
	struct scanner scn = { .sc = { .names = malloc(n ? n : 1) } };
	struct iniscan *sc = &scn.sc;

	*out = (struct iniscan){ 0 };
	if (!sc->names)
		return refuse_nomem(why);
	scn.name_at = sc->names;
	if (n >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3))
		sc->text_at = 3;
	if (scan_lines(&scn, buf + sc->text_at, n - sc->text_at, why) < 0) {
		iniscan_free(sc);
		return -1;
	}
	*out = *sc;
	return 0;
}

void iniscan_free(struct iniscan *scan)
{
	for (size_t i = 0; i < scan->n_secs; i++)
		free(scan->secs[i].keys);
	free(scan->secs);
	free(scan->names);
	*scan = (struct iniscan){ 0 };
}

const struct iniscan_key *iniscan_find_key(const struct iniscan_sec *s, const char *key)
{
	for (size_t i = 0; i < s->n_keys; i++)
		if (!strcmp(s->keys[i].name, key))
			return &s->keys[i];
	return NULL;
}

static int fail_read(const char *path, int errnum, struct err *e)
{
	return err_set(e, errnum == ENOENT ? ERR_NOTFOUND : ERR_IO,
		       _("cannot read the configuration file %s: %s"), path, i18n_strerror(errnum));
}

/* The buffer starts at the file's size (and one byte, so that the end is
 * seen without growing), not at INISCAN_FILE_MAX: a megabyte taken and given
 * back costs more than reading a town's file.  It still grows as needed, as
 * the size is only a guess: the file may change while it is read, and a pipe
 * has none. */
int iniscan_read_file(const char *path, char **out, size_t *n, struct err *e)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC), errnum = 0;
	struct stat st;
	size_t cap = 4096, len = 0;
	char *buf, *bigger;
	ssize_t r = 1;

	if (fd < 0)
		return fail_read(path, errno, e);
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
		cap = st.st_size < INISCAN_FILE_MAX ? (size_t)st.st_size + 1 : INISCAN_FILE_MAX + 1;
	buf = malloc(cap);
	while (buf && r > 0 && len <= INISCAN_FILE_MAX) {
		if (len == cap) {
			cap = cap > INISCAN_FILE_MAX / 2 ? INISCAN_FILE_MAX + 1 : 2 * cap;
			bigger = realloc(buf, cap);
			if (!bigger)
				free(buf);
			buf = bigger;
			continue;
		}
		r = read(fd, buf + len, cap - len);
		if (r > 0)
			len += (size_t)r;
		else if (r < 0 && errno == EINTR)
			r = 1;
		else if (r < 0)
			errnum = errno;
	}
	close(fd);
	if (!buf)
		return err_set(e, ERR_NOMEM, _("%s: out of memory while reading the configuration"),
			       path);
	if (errnum || len > INISCAN_FILE_MAX) {
		free(buf);
		if (errnum)
			return fail_read(path, errnum, e);
		return err_set(e, ERR_CONFIG,
			       _("%s: the configuration file is larger than %d bytes"),
			       path, INISCAN_FILE_MAX);
	}
	*out = buf;
	*n = len;
	return 0;
}

static bool is_control(ucs4_t uc)
{
	return uc < 0x20 || (uc >= 0x7f && uc <= 0x9f) ||
	       (uc >= 0x202a && uc <= 0x202e) || (uc >= 0x2066 && uc <= 0x2069);
}

const char *iniscan_show(const char *text, char buf[INISCAN_SHOW_SIZE])
{
	const uint8_t *s = (const uint8_t *)text;
	size_t n = strlen(text), i = 0, o = 0;

	while (i < n) {
		ucs4_t uc;
		int len = u8_mbtoucr(&uc, s + i, n - i);

		if (o + (len > 0 ? len : 1) + 4 > INISCAN_SHOW_SIZE) {
			memcpy(buf + o, "\u2026", 3);
			o += 3;
			break;
		}
		if (len < 0 || is_control(uc)) {
			buf[o++] = '?';
			i += len < 0 ? 1 : (size_t)len;
		} else {
			memcpy(buf + o, s + i, (size_t)len);
			o += (size_t)len;
			i += (size_t)len;
		}
	}
	buf[o] = '\0';
	return buf;
}
