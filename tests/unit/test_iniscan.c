/* test_iniscan.c - behaviour of include/iniscan.h. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "iniscan.h"

#define BOM "\xef\xbb\xbf"
#define NOT_A_LINE "this line is neither a [section], a key = value line nor a comment"
#define TOO_LONG "the line is longer than 1022 bytes; shorten it"
#define BACKSLASH "a line may not end with a backslash (\\)"
#define NAME_CHARS "a section name may not contain '[', ']' or ':'"
#define LOWER "section and key names are written in lower case"

/* Scan `len` bytes that must be accepted. */
static struct iniscan scan_ok_n(const char *text, size_t len)
{
	struct iniscan sc;
	struct iniscan_error why = { 0 };

	if (iniscan_scan(text, len, &sc, &why) < 0)
		fail_msg("refused at line %d: %s", why.line, why.reason);
	return sc;
}

static struct iniscan scan_ok(const char *text)
{
	return scan_ok_n(text, strlen(text));
}

/*
 * Scan `len` bytes that must be refused at `line`, naming `sec` and `key`
 * ("" for none), for `reason` (the English source text: the tests bind no
 * catalogue).  A refused scan must hold nothing.
 */
static void scan_bad_n(const char *text, size_t len, int line, const char *sec,
		       const char *key, const char *reason)
{
	struct iniscan sc = { .n_secs = 99, .text_at = 99 };
	struct iniscan_error why = { 0 };

	assert_int_equal(iniscan_scan(text, len, &sc, &why), -1);
	assert_null(sc.secs);
	assert_int_equal(sc.n_secs, 0);
	assert_int_equal(sc.text_at, 0);
	assert_int_equal(why.code, ERR_CONFIG);
	assert_int_equal(why.line, line);
	assert_string_equal(why.section, sec);
	assert_string_equal(why.key, key);
	assert_string_equal(why.reason, reason);
}

static void scan_bad(const char *text, int line, const char *sec, const char *key,
		     const char *reason)
{
	scan_bad_n(text, strlen(text), line, sec, key, reason);
}

static void assert_sec(const struct iniscan *sc, size_t i, const char *name, int line,
		       size_t n_keys)
{
	assert_true(i < sc->n_secs);
	assert_string_equal(sc->secs[i].name, name);
	assert_int_equal(sc->secs[i].line, line);
	assert_int_equal(sc->secs[i].n_keys, n_keys);
}

static void assert_key(const struct iniscan *sc, size_t i, size_t j, const char *name, int line)
{
	assert_true(j < sc->secs[i].n_keys);
	assert_string_equal(sc->secs[i].keys[j].name, name);
	assert_int_equal(sc->secs[i].keys[j].line, line);
}

/* `prefix`, then `fill` repeated n times, then `suffix`: a new string. */
static char *repeat(const char *prefix, char fill, size_t n, const char *suffix)
{
	size_t a = strlen(prefix), b = strlen(suffix);
	char *s = malloc(a + n + b + 1);

	assert_non_null(s);
	memcpy(s, prefix, a);
	memset(s + a, fill, n);
	memcpy(s + a + n, suffix, b + 1);
	return s;
}

/* ---- what is recorded ---------------------------------------------------- */

static void lines_of_sections_and_keys(void **state)
{
	struct iniscan sc = scan_ok("# heading\n"     /* 1 */
				    "\n"              /* 2 */
				    "[unit.a]\n"      /* 3 */
				    "name = Đơn vị A\n" /* 4 */
				    "  kind=ward\n"   /* 5 */
				    "; note\n"        /* 6 */
				    "[block.k]\n"     /* 7 */
				    "name = K\n");    /* 8 */

	(void)state;
	assert_int_equal(sc.n_secs, 2);
	assert_int_equal(sc.text_at, 0);
	assert_sec(&sc, 0, "unit.a", 3, 2);
	assert_key(&sc, 0, 0, "name", 4);
	assert_key(&sc, 0, 1, "kind", 5);
	assert_sec(&sc, 1, "block.k", 7, 1);
	assert_key(&sc, 1, 0, "name", 8);
	iniscan_free(&sc);
}

static void names_lose_surrounding_space(void **state)
{
	struct iniscan sc = scan_ok("  [ \tunit.b  ]  \n"
				    "\tquota   =  2  \n"
				    "my key = 1\n"
				    "successor = a=b\n");

	(void)state;
	assert_sec(&sc, 0, "unit.b", 1, 3);
	assert_key(&sc, 0, 0, "quota", 2);
	assert_key(&sc, 0, 1, "my key", 3);
	assert_key(&sc, 0, 2, "successor", 4); /* the first '=' ends the name */
	iniscan_free(&sc);
}

static void empty_and_blank_texts(void **state)
{
	struct iniscan a = scan_ok(""), b = scan_ok("\n \n\t\n\r\n");

	(void)state;
	assert_int_equal(a.n_secs, 0);
	assert_null(a.secs);
	assert_int_equal(b.n_secs, 0);
	iniscan_free(&a);
	iniscan_free(&b);
}

static void last_line_without_newline(void **state)
{
	struct iniscan sc = scan_ok("[a]\n\nk = 1");

	(void)state;
	assert_sec(&sc, 0, "a", 1, 1);
	assert_key(&sc, 0, 0, "k", 3);
	iniscan_free(&sc);
}

static void same_key_in_two_sections(void **state)
{
	struct iniscan sc = scan_ok("[a]\nname = 1\n[b]\nname = 2\n");

	(void)state;
	assert_sec(&sc, 0, "a", 1, 1);
	assert_key(&sc, 0, 0, "name", 2);
	assert_sec(&sc, 1, "b", 3, 1);
	assert_key(&sc, 1, 0, "name", 4);
	iniscan_free(&sc);
}

static void find_key_exact_name(void **state)
{
	struct iniscan sc = scan_ok("[a]\nname = 1\nkind = 2\n");
	const struct iniscan_key *k;

	(void)state;
	k = iniscan_find_key(&sc.secs[0], "kind");
	assert_ptr_equal(k, &sc.secs[0].keys[1]);
	assert_int_equal(k->line, 3);
	assert_null(iniscan_find_key(&sc.secs[0], "nam"));
	assert_null(iniscan_find_key(&sc.secs[0], "names"));
	assert_null(iniscan_find_key(&sc.secs[0], ""));
	iniscan_free(&sc);
}

static void free_empties_the_scan(void **state)
{
	struct iniscan sc = scan_ok("[a]\nk = 1\n");

	(void)state;
	iniscan_free(&sc);
	assert_null(sc.secs);
	assert_int_equal(sc.n_secs, 0);
	iniscan_free(&sc); /* a second free is harmless */
}

/* ---- comments and quoted values ------------------------------------------ */

static void comments_are_skipped(void **state)
{
	struct iniscan sc = scan_ok("# [unit.x]\n"
				    "[a]\n"
				    "; k = v\n"
				    "   # indented = comment\n"
				    "#\n"
				    ";\n"
				    "k = v ; note = not a key\n");

	(void)state;
	assert_int_equal(sc.n_secs, 1);
	assert_sec(&sc, 0, "a", 2, 1);
	assert_key(&sc, 0, 0, "k", 7);
	iniscan_free(&sc);
}

/* Values are iniparser's to read: ';', '#', '=' and brackets in them do not
 * make a comment, a second key or a section. */
static void quoted_values_with_semicolon_and_hash(void **state)
{
	struct iniscan sc = scan_ok("[report]\n"
				    "issuer = \"PHÒNG NỘI VỤ; VĂN PHÒNG # 2\"\n"
				    "place = 'a;b#c'\n"
				    "note = \"x = y\" ; a comment\n"
				    "list = [x]\n");

	(void)state;
	assert_sec(&sc, 0, "report", 1, 4);
	assert_key(&sc, 0, 0, "issuer", 2);
	assert_key(&sc, 0, 1, "place", 3);
	assert_key(&sc, 0, 2, "note", 4);
	assert_key(&sc, 0, 3, "list", 5);
	iniscan_free(&sc);
}

/* iniparser would read "[a] ; c" as neither section nor key. */
static void section_with_trailing_comment(void **state)
{
	(void)state;
	scan_bad("[a] ; c\n", 1, "", "", NOT_A_LINE);
}

/* ---- what editors do to files -------------------------------------------- */

static void byte_order_mark(void **state)
{
	struct iniscan with = scan_ok(BOM "[unit.a]\nname = A\n"), only = scan_ok(BOM);

	(void)state;
	assert_int_equal(with.text_at, 3);
	assert_sec(&with, 0, "unit.a", 1, 1);
	assert_key(&with, 0, 0, "name", 2);
	assert_int_equal(only.text_at, 3);
	assert_int_equal(only.n_secs, 0);
	iniscan_free(&with);
	iniscan_free(&only);
}

/* Only a mark that opens the file is dropped; it does not count in the
 * length of the first line. */
static void byte_order_mark_elsewhere(void **state)
{
	char *s = repeat(BOM "[a]\nk = ", 'v', 1018, "\n"); /* line 2: 4 + 1018 bytes */
	struct iniscan sc = scan_ok(s);

	(void)state;
	assert_key(&sc, 0, 0, "k", 2);
	iniscan_free(&sc);
	free(s);
	s = repeat(BOM "#", 'v', 1021, "\n"); /* 1022 bytes after the mark */
	sc = scan_ok(s);
	assert_int_equal(sc.text_at, 3);
	iniscan_free(&sc);
	free(s);
	scan_bad("[a]\n" BOM "[b]\n", 2, "", "", NOT_A_LINE);
}

static void crlf_line_ends(void **state)
{
	struct iniscan sc = scan_ok("[unit.a]\r\nname = A\r\n\r\nkind = ward\r\n");

	(void)state;
	assert_sec(&sc, 0, "unit.a", 1, 2);
	assert_key(&sc, 0, 0, "name", 2);
	assert_key(&sc, 0, 1, "kind", 4);
	iniscan_free(&sc);
}

/* iniparser's 1024 bytes hold the '\r' too. */
static void crlf_counts_in_line_length(void **state)
{
	char *ok = repeat("[a]\r\nk = ", 'v', 1017, "\r\n"); /* 4 + 1017 + '\r' = 1022 */
	char *bad = repeat("[a]\r\nk = ", 'v', 1018, "\r\n"); /* 1023 */
	struct iniscan sc = scan_ok(ok);

	(void)state;
	assert_key(&sc, 0, 0, "k", 2);
	iniscan_free(&sc);
	scan_bad(bad, 2, "", "", TOO_LONG);
	free(ok);
	free(bad);
}

/* ---- refusals ------------------------------------------------------------ */

static void duplicate_section(void **state)
{
	(void)state;
	scan_bad("[unit.a]\nname = A\n\n[block.k]\n[ unit.a ]\n", 5, "unit.a", "",
		 "this section is already at line 1; each section, and so each code, "
		 "may appear only once");
}

static void duplicate_key(void **state)
{
	(void)state;
	scan_bad("[unit.a]\nname = A\nkind = ward\nname  = B\n", 4, "unit.a", "name",
		 "this key is already set at line 2");
}

static void long_lines(void **state)
{
	char *key_ok = repeat("[s]\nk = ", 'v', 1018, "\n");     /* line 2: 1022 bytes */
	char *key_bad = repeat("[s]\nk = ", 'v', 1019, "\n");    /* 1023 */
	char *comment = repeat("[s]\n\n#", 'x', 1022, "\n");     /* line 3: 1023 */
	char *last = repeat("[s]\n#", 'x', 1999, "");            /* line 2: 2000, no '\n' */
	struct iniscan sc = scan_ok(key_ok);

	(void)state;
	assert_key(&sc, 0, 0, "k", 2);
	iniscan_free(&sc);
	scan_bad(key_bad, 2, "", "", TOO_LONG);
	scan_bad(comment, 3, "", "", TOO_LONG);
	scan_bad(last, 2, "", "", TOO_LONG);
	free(key_ok);
	free(key_bad);
	free(comment);
	free(last);
}

/* iniparser would join the next line, even to a comment. */
static void continuation_backslash(void **state)
{
	struct iniscan sc = scan_ok("[a]\ndatabase = C:\\dir\\db\n");

	(void)state;
	assert_key(&sc, 0, 0, "database", 2);
	iniscan_free(&sc);
	scan_bad("[unit.a]\nname = A \\\nkind = ward\n", 2, "", "", BACKSLASH);
	scan_bad("[unit.a]\nname = A\\   \t\n", 2, "", "", BACKSLASH);
	scan_bad("# see C:\\\n[a]\n", 1, "", "", BACKSLASH);
}

static void nul_byte(void **state)
{
	static const char text[] = "[a]\nk = \0v\n";

	(void)state;
	scan_bad_n(text, sizeof text - 1, 2, "", "",
		   "the line holds a NUL byte; is this a text file?");
}

static void lines_that_are_nothing(void **state)
{
	(void)state;
	scan_bad("[a]\njust words\n", 2, "", "", NOT_A_LINE);
	scan_bad("[a]\n= v\n", 2, "", "", NOT_A_LINE);
	scan_bad("[a]\n  \t= v\n", 2, "", "", NOT_A_LINE);
	scan_bad("[a\n", 1, "", "", NOT_A_LINE);
}

static void key_before_any_section(void **state)
{
	(void)state;
	scan_bad("\nk = 1\n[a]\n", 2, "", "", "this key comes before the first [section]");
}

static void upper_case_names(void **state)
{
	(void)state;
	scan_bad("[Unit.a]\n", 1, "", "", LOWER);
	scan_bad("[unit.a]\nName = A\n", 2, "unit.a", "", LOWER);
}

static void bad_section_names(void **state)
{
	(void)state;
	scan_bad("[a:b]\n", 1, "", "", NAME_CHARS);
	scan_bad("[a[b]\n", 1, "", "", NAME_CHARS);
	scan_bad("[a]b]\n", 1, "", "", NAME_CHARS);
	scan_bad("[a]\n[]\n", 2, "", "", "the section name is empty");
	scan_bad("[ \t ]\n", 1, "", "", "the section name is empty");
}

/* Lines "[s0]" .. "[s<n-1>]", one a line: a new string. */
static char *many_sections(size_t n)
{
	char *s = malloc(n * 8 + 1), *p = s;

	assert_non_null(s);
	for (size_t i = 0; i < n; i++)
		p += sprintf(p, "[s%zu]\n", i);
	return s;
}

static void section_limit(void **state)
{
	char *ok = many_sections(1000), *bad = many_sections(1001);
	struct iniscan sc = scan_ok(ok);

	(void)state;
	assert_int_equal(sc.n_secs, 1000);
	assert_sec(&sc, 999, "s999", 1000, 0);
	iniscan_free(&sc);
	scan_bad(bad, 1001, "", "", "too many sections (more than 1000)");
	free(ok);
	free(bad);
}

static void key_limit(void **state)
{
	char *s = malloc(4 + 1001 * 12 + 1), *p = s;

	(void)state;
	assert_non_null(s);
	p += sprintf(p, "[s]\n");
	for (int i = 0; i < 1001; i++)
		p += sprintf(p, "k%d = 1\n", i);
	scan_bad(s, 1002, "s", "", "too many keys (more than 1000)");
	*strstr(s, "k1000 = 1\n") = '\0'; /* keys k0..k999 */
	{
		struct iniscan sc = scan_ok(s);

		assert_sec(&sc, 0, "s", 1, 1000);
		assert_key(&sc, 0, 999, "k999", 1001);
		iniscan_free(&sc);
	}
	free(s);
}

/* The first refusal is the one reported; no error value is needed. */
static void first_refusal_and_no_error_value(void **state)
{
	struct iniscan sc;

	(void)state;
	scan_bad("[a]\n[a]\nk\n", 2, "a", "",
		 "this section is already at line 1; each section, and so each code, "
		 "may appear only once");
	assert_int_equal(iniscan_scan("[a]\n[a]\n", 8, &sc, NULL), -1);
	assert_null(sc.secs);
}

/* ---- reading the file ----------------------------------------------------- */

/* A new temporary file holding `n` bytes of `data`; its path goes in path. */
static void write_temp(char path[64], const char *data, size_t n)
{
	int fd;

	snprintf(path, 64, "/tmp/test_iniscan.XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, data, n), (ssize_t)n);
	assert_int_equal(close(fd), 0);
}

static void read_file_gives_the_bytes(void **state)
{
	static const char data[] = BOM "[a]\r\nk = \0x\n";
	char path[64], *buf = NULL;
	size_t n = 0;
	struct err e = { 0 };

	(void)state;
	write_temp(path, data, sizeof data - 1);
	assert_int_equal(iniscan_read_file(path, &buf, &n, &e), 0);
	assert_int_equal(n, sizeof data - 1);
	assert_memory_equal(buf, data, n);
	free(buf);
	unlink(path);
}

static void read_file_empty(void **state)
{
	char path[64], *buf = NULL;
	size_t n = 99;
	struct err e = { 0 };

	(void)state;
	write_temp(path, "", 0);
	assert_int_equal(iniscan_read_file(path, &buf, &n, &e), 0);
	assert_int_equal(n, 0);
	assert_non_null(buf);
	free(buf);
	unlink(path);
}

static void read_file_missing(void **state)
{
	char *buf = NULL, want[256];
	size_t n = 0;
	struct err e = { 0 };

	(void)state;
	assert_int_equal(iniscan_read_file("/nonexistent/dienhinh.ini", &buf, &n, &e), -1);
	assert_null(buf);
	assert_int_equal(e.code, ERR_NOTFOUND);
	snprintf(want, sizeof want, "cannot read the configuration file %s: %s",
		 "/nonexistent/dienhinh.ini", strerror(ENOENT));
	assert_string_equal(e.msg, want);
}

static void read_file_directory(void **state)
{
	char *buf = NULL, want[256];
	size_t n = 0;
	struct err e = { 0 };

	(void)state;
	assert_int_equal(iniscan_read_file("/tmp", &buf, &n, &e), -1);
	assert_null(buf);
	assert_int_equal(e.code, ERR_IO);
	snprintf(want, sizeof want, "cannot read the configuration file /tmp: %s",
		 strerror(EISDIR));
	assert_string_equal(e.msg, want);
}

/* 1 MiB is read; one byte more is refused. */
static void read_file_size_limit(void **state)
{
	char *data = malloc((1 << 20) + 1), path[64], *buf = NULL, want[128];
	size_t n = 0;
	struct err e = { 0 };

	(void)state;
	assert_non_null(data);
	memset(data, '\n', (1 << 20) + 1);
	write_temp(path, data, 1 << 20);
	assert_int_equal(iniscan_read_file(path, &buf, &n, &e), 0);
	assert_int_equal(n, 1048576);
	free(buf);
	unlink(path);
	buf = NULL;
	write_temp(path, data, (1 << 20) + 1);
	assert_int_equal(iniscan_read_file(path, &buf, &n, &e), -1);
	assert_null(buf);
	assert_int_equal(e.code, ERR_CONFIG);
	snprintf(want, sizeof want, "%s: the configuration file is larger than 1048576 bytes",
		 path);
	assert_string_equal(e.msg, want);
	unlink(path);
	free(data);
}

/*
 * A named pipe fed by a child with `n` bytes of `data`; a pipe has no size,
 * so the reader cannot know how much room to take.  Returns the child, to
 * be waited for; the child ignores a reader that stops early.
 */
static pid_t fifo_fed(char path[64], const char *data, size_t n)
{
	pid_t pid;

	snprintf(path, 64, "/tmp/test_iniscan.%ld.fifo", (long)getpid());
	unlink(path);
	assert_int_equal(mkfifo(path, 0600), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int fd;
		size_t done = 0;

		signal(SIGPIPE, SIG_IGN);
		fd = open(path, O_WRONLY);
		while (fd >= 0 && done < n) {
			ssize_t w = write(fd, data + done, n - done > 1000 ? 1000 : n - done);

			if (w <= 0)
				break;
			done += (size_t)w;
		}
		_exit(0);
	}
	return pid;
}

/* 10000 bytes from a pipe: the buffer grows past its first guess. */
static void read_file_pipe(void **state)
{
	char data[10000], path[64], *buf = NULL;
	size_t n = 0;
	struct err e = { 0 };
	pid_t pid;

	(void)state;
	for (size_t i = 0; i < sizeof data; i++)
		data[i] = (char)('a' + i % 26);
	pid = fifo_fed(path, data, sizeof data);
	assert_int_equal(iniscan_read_file(path, &buf, &n, &e), 0);
	assert_int_equal(waitpid(pid, NULL, 0), pid);
	assert_int_equal(n, sizeof data);
	assert_memory_equal(buf, data, n);
	free(buf);
	unlink(path);
}

/* A pipe is held to the same limit as a file. */
static void read_file_pipe_size_limit(void **state)
{
	char *data = malloc((1 << 20) + 1), path[64], *buf = NULL, want[128];
	size_t n = 0;
	struct err e = { 0 };
	pid_t pid;

	(void)state;
	assert_non_null(data);
	memset(data, '\n', (1 << 20) + 1);
	pid = fifo_fed(path, data, (1 << 20) + 1);
	assert_int_equal(iniscan_read_file(path, &buf, &n, &e), -1);
	assert_int_equal(waitpid(pid, NULL, 0), pid);
	assert_null(buf);
	assert_int_equal(e.code, ERR_CONFIG);
	snprintf(want, sizeof want, "%s: the configuration file is larger than 1048576 bytes",
		 path);
	assert_string_equal(e.msg, want);
	unlink(path);
	free(data);
}

/* ---- quoting in messages -------------------------------------------------- */

static void assert_show(const char *in, const char *want)
{
	char buf[INISCAN_SHOW_SIZE];

	assert_ptr_equal(iniscan_show(in, buf), buf);
	assert_string_equal(buf, want);
}

static void show_keeps_plain_text(void **state)
{
	(void)state;
	assert_show("", "");
	assert_show("Ngã Năm", "Ngã Năm");
}

static void show_replaces_controls(void **state)
{
	(void)state;
	assert_show("a\tb\x1b[31m", "a?b?[31m");
	assert_show("x\x7fy", "x?y");
	assert_show("x\xc2\x85y", "x?y");         /* U+0085, C1 */
	assert_show("x\xe2\x80\xaey", "x?y");     /* U+202E, right-to-left override */
	assert_show("x\xe2\x81\xa6y", "x?y");     /* U+2066, isolate */
	assert_show("a\xff" "b", "a?b");          /* not UTF-8 */
	assert_show("x\xe1\xbb", "x??");          /* cut sequence: each byte */
}

/* 64 bytes hold 60 of text, then "…" (3 bytes) and the NUL. */
#define A10 "aaaaaaaaaa"
#define A59 A10 A10 A10 A10 A10 "aaaaaaaaa"
#define DOT5 "ạạạạạ" /* 3 bytes each */
#define DOT20 DOT5 DOT5 DOT5 DOT5

static void show_cuts_long_text(void **state)
{
	(void)state;
	assert_show(A59 "a", A59 "a");
	assert_show(A59 "aa", A59 "a\u2026");
	assert_show(A59 "ạ", A59 "\u2026"); /* never half a letter */
	assert_show(DOT20, DOT20);
	assert_show(DOT20 "ạ", DOT20 "\u2026");
	assert_show(A59 "\t" "aaaa", A59 "?\u2026");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lines_of_sections_and_keys),
		cmocka_unit_test(names_lose_surrounding_space),
		cmocka_unit_test(empty_and_blank_texts),
		cmocka_unit_test(last_line_without_newline),
		cmocka_unit_test(same_key_in_two_sections),
		cmocka_unit_test(find_key_exact_name),
		cmocka_unit_test(free_empties_the_scan),
		cmocka_unit_test(comments_are_skipped),
		cmocka_unit_test(quoted_values_with_semicolon_and_hash),
		cmocka_unit_test(section_with_trailing_comment),
		cmocka_unit_test(byte_order_mark),
		cmocka_unit_test(byte_order_mark_elsewhere),
		cmocka_unit_test(crlf_line_ends),
		cmocka_unit_test(crlf_counts_in_line_length),
		cmocka_unit_test(duplicate_section),
		cmocka_unit_test(duplicate_key),
		cmocka_unit_test(long_lines),
		cmocka_unit_test(continuation_backslash),
		cmocka_unit_test(nul_byte),
		cmocka_unit_test(lines_that_are_nothing),
		cmocka_unit_test(key_before_any_section),
		cmocka_unit_test(upper_case_names),
		cmocka_unit_test(bad_section_names),
		cmocka_unit_test(section_limit),
		cmocka_unit_test(key_limit),
		cmocka_unit_test(first_refusal_and_no_error_value),
		cmocka_unit_test(read_file_gives_the_bytes),
		cmocka_unit_test(read_file_empty),
		cmocka_unit_test(read_file_missing),
		cmocka_unit_test(read_file_directory),
		cmocka_unit_test(read_file_size_limit),
		cmocka_unit_test(read_file_pipe),
		cmocka_unit_test(read_file_pipe_size_limit),
		cmocka_unit_test(show_keeps_plain_text),
		cmocka_unit_test(show_replaces_controls),
		cmocka_unit_test(show_cuts_long_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
