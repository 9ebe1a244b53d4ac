/*
 * report_doc.h - the parts of a report (report.h) that make it an
 * administrative document on pages (Nghị định 30/2020/NĐ-CP), written once
 * for every renderer with pages (xlsx.h, docx.h): the number line, the
 * annexes' headings, the recipients; and the estimates of how wide text is
 * set, which those renderers size rows and columns by.
 */
#ifndef DIENHINH_REPORT_DOC_H
#define DIENHINH_REPORT_DOC_H

#include <stddef.h>

#include "report.h"

/* "Số: 12/BC-PNV", or "Số:      /BC-PNV" with room to write the number in. */
void report_number_line(const struct report *rp, char *buf, size_t n);

/* "Phụ lục II" for the section at index k. */
void report_annex_label(size_t k, char *buf, size_t n);

/* "(Kèm theo Báo cáo số 12/BC-PNV ngày 20/11/2025)", under every annex's label. */
void report_annex_line(const struct report *rp, char *buf, size_t n);

/* A section's title as an annex shows it: without its own numeral ("I. "),
 * since the annex's label numbers it. */
const char *report_annex_title(const struct report_section *sec);

/* The body's closing sentence pointing at the annexes. */
const char *report_annex_note(void);

/*
 * About how wide `s` is set in Times New Roman, in ems (multiply by the
 * size in points): capitals and figures wider than small letters, marks
 * nothing.  For renderers that must size rows and columns themselves,
 * the program having no font metrics; an estimate with a little to spare.
 */
double report_text_em(const char *s);

/* s broken into two lines at the space nearest its middle (a new string),
 * for a heading too wide for its column: "ỦY BAN NHÂN DÂN\nTHỊ XÃ NGÃ NĂM".
 * NULL when out of memory. */
char *report_two_lines(const char *s);

/* The widest word of s (between spaces and line breaks), in ems likewise. */
double report_word_em(const char *s);

/* Lines of "Nơi nhận:": "- UBND thị xã (b/c);" for each recipient, the last
 * "- Lưu: VT, PNV.".  report_recipients() counts them (the archive line
 * included); report_recipient() writes line i into buf. */
size_t report_recipients(const struct report *rp);
void report_recipient(const struct report *rp, size_t i, char *buf, size_t n);

#endif
