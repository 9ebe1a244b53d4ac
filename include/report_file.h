/*
 * report_file.h - writing a report (report.h) to a file a person asked for,
 * in the format they chose, whole or not at all.  For the command line and
 * for the screens that save a report in the person's home directory.
 */
#ifndef DIENHINH_REPORT_FILE_H
#define DIENHINH_REPORT_FILE_H

#include <stdbool.h>

#include "err.h"
#include "report.h"

enum report_format { REPORT_FORMAT_TEXT, REPORT_FORMAT_CSV, REPORT_FORMAT_XLSX,
		     REPORT_FORMAT_DOCX };

/* "text", "csv", "xlsx" or "docx"; 0 or -1. */
int report_file_format(const char *name, enum report_format *out);

/*
 * The format a file name's extension names (.csv, .xlsx, .docx, any case),
 * else `dflt`, into *out: 0.  -1 when the name promises a document of
 * another kind (.pdf, .xls, .doc...), which the file would not be.
 */
int report_file_guess(const char *path, enum report_format dflt, enum report_format *out);

/*
 * Write rp to `path`: text laid out `width` columns wide, CSV (with a byte
 * order mark when `bom`), a workbook or a Word document.  The file is written under a
 * temporary name beside `path` and renamed over it once complete, so a
 * failure (a full disk...) never leaves half a report where a whole one
 * is expected; it gets the person's usual permissions (umask), or, written
 * over a file, that file's.  The caller gives up any group privilege first
 * (identity.h).
 */
int report_file_write(const struct report *rp, enum report_format fmt, const char *path,
		      int width, bool bom, struct err *e);

#endif
