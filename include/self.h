/*
 * self.h - the running program itself: whether it runs with more privilege
 * than the person who started it, and the files that come beside it.
 *
 * A leaf: it needs nothing of the program, so that the modules that look
 * for the program's own files (the message catalogue) and those that
 * decide who is acting (identity.h) both stand on it.
 */
#ifndef DIENHINH_SELF_H
#define DIENHINH_SELF_H

#include <stdbool.h>
#include <stddef.h>

/* True when effective and real ids differ (setuid/setgid). */
bool self_privileged(void);

/*
 * A file that comes with the program, beside it: fills `out` with the
 * program's directory (from /proc/self/exe) joined to `rel` and returns
 * true when that path exists.  Always false when privileged: a hard link
 * to the program in a directory the person controls would let them choose
 * the file (a catalogue with forged messages); the compiled-in paths are
 * used then.
 */
bool self_beside(const char *rel, char *out, size_t n);

#endif
