/*
 * ui/savefile.h - saving a report a person asked for from the screens into
 * their own home directory, as their own file, never over another file.
 *
 * The home directory is the real user's account's (getpwuid(getuid())),
 * not $HOME: the shared install runs setgid, and a person must not be able
 * to steer where the program writes.  Before anything is created the
 * group privilege is given up (identity.h), so the file belongs to the
 * person and a directory they may not write to stays closed to them.
 */
#ifndef DIENHINH_UI_SAVEFILE_H
#define DIENHINH_UI_SAVEFILE_H

#include <stddef.h>

#include "err.h"
#include "report.h"
#include "report_file.h"

/* Names tried for one file: base.ext, base-2.ext ... base-UI_SAVEFILE_TRIES.ext. */
#define UI_SAVEFILE_TRIES 999

/* The real user's home directory into buf; 0, or -1 when the account has none. */
int ui_savefile_home(char *buf, size_t size, struct err *e);

/* ".xlsx", ".csv" or ".txt". */
const char *ui_savefile_ext(enum report_format fmt);

/*
 * Write rp as `fmt` to dir/base.ext, or base-2.ext, base-3.ext... when that
 * name is taken (by a file, a directory or a link): the first free name is
 * claimed with O_EXCL before the report is written beside it and renamed
 * over the claim, so two saves never pick the same name and no existing
 * file is touched.  Text is laid out `width` columns wide; CSV starts with
 * a byte order mark, so that Excel reads the Vietnamese letters.  The
 * group privilege is given up first, for the rest of the session (the
 * open database keeps working: its files are open already).  On 0, path
 * holds where the file went; on -1 nothing is left behind.
 */
int ui_savefile_report(const struct report *rp, enum report_format fmt, const char *dir,
		       const char *base, int width, char *path, size_t size, struct err *e);

#endif
