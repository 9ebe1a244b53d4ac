/*
 * xlsxread.h - reading .xlsx workbooks (Office Open XML spreadsheets) held
 * in memory: the list of sheets, and one sheet as a grid of text (grid.h).
 * The only file that includes zip.h (libzip) and expat.h.
 *
 * What a cell gives: its shared or inline string, a number as the file
 * writes it ("1985", "2.5"), a boolean as TRUE or FALSE, an error as its
 * code ("#N/A"), a formula's last value, and a number shown as a date (by
 * its cell style's number format, built-in or custom) as YYYY-MM-DD, from
 * the workbook's 1900 or 1904 base.  Merged ranges are read (grid.h fills
 * them in).
 *
 * The file is anyone's: each part is read in pieces and refused past
 * XLSXREAD_MAX_PART uncompressed bytes (and the whole past
 * XLSXREAD_MAX_TOTAL), whatever its header claims, so a small zip cannot
 * unpack into gigabytes; a part with a DTD is refused, so entities cannot
 * multiply either.
 */
#ifndef DIENHINH_XLSXREAD_H
#define DIENHINH_XLSXREAD_H

#include <stddef.h>

#include "csvio.h"
#include "err.h"

#define XLSXREAD_MAX_PART (128u << 20)
#define XLSXREAD_MAX_TOTAL (256u << 20)
#define XLSXREAD_MAX_SHEETS 256

struct xlsxread; /* an open workbook */

/*
 * Open the workbook in data[0..len) (which must stay until xlsxread_close)
 * and read its list of sheets, shared strings and styles.  0, or -1 with e
 * when it is not a workbook, is damaged or is too large.
 */
int xlsxread_open(const void *data, size_t len, struct xlsxread **out, struct err *e);

size_t xlsxread_sheets(const struct xlsxread *x);
const char *xlsxread_sheet_name(const struct xlsxread *x, size_t i);

/* Sheet i as a table without a header (grid_table).  0, or -1 with e. */
int xlsxread_sheet(struct xlsxread *x, size_t i, struct csvio_table *t, struct err *e);

void xlsxread_close(struct xlsxread *x);

#endif
