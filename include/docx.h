/*
 * docx.h - reports as Word documents (WordprocessingML this module writes,
 * zipped with libzip), laid out as Nghị định 30/2020/NĐ-CP lays out an
 * administrative document: A4 portrait, margins 20/20/30/15 mm, Times New
 * Roman.  docx.c is the only file that includes zip.h.
 */
#ifndef DIENHINH_DOCX_H
#define DIENHINH_DOCX_H

#include "err.h"
#include "report.h"

/*
 * Write `rp` as a .docx at `path`.  The first page: the issuing body and
 * the number line top left, the national title, the motto and the date
 * line top right, the title and period, the body (the results, then
 * "Đánh giá chung" and "Phương hướng" with dotted lines to write on), the
 * signature block and "Nơi nhận".  Then each section as an annex on a page
 * of its own, its table a Word table whose header row repeats on every
 * page.  Pages after the first are numbered at the top.  A bare report
 * (no title, an export) is written as its tables alone.  On failure
 * nothing is left at `path`.
 */
int docx_write_report(const struct report *rp, const char *path, struct err *e);

#endif
