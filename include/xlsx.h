/*
 * xlsx.h - reports as Excel workbooks (libxlsxwriter), laid out as
 * Vietnamese offices lay out their papers.  xlsx.c is the only file that
 * includes xlsxwriter.h.
 */
#ifndef DIENHINH_XLSX_H
#define DIENHINH_XLSX_H

#include "err.h"
#include "report.h"

/*
 * Write `rp` as a workbook at `path`, one worksheet per section, named by
 * the section's sheet name.  A report with a title gets on every sheet the
 * issuing body top left, the national motto top right, the date line
 * under it, then the title and period centred, the section title, and
 * the table; a bare report (no title, an export) starts with the table's
 * header on the first row, with filter buttons.  Either way the header row
 * stays frozen while scrolling and repeats on every printed page, columns
 * get widths that fit their contents (long text wraps), numbers are
 * numbers and dates real dates (DD/MM/YYYY), everything is set in Times New
 * Roman, and pages print A4, one page wide.  On failure nothing is left at `path`.
 */
int xlsx_write_report(const struct report *rp, const char *path, struct err *e);

#endif
