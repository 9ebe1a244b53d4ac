/*
 * report.h - a report as a document: the heading Vietnamese offices put on
 * every paper (issuing body top left, national motto top right, place and
 * date, title, period), then sections, each a table with its headers and
 * rows, and notes.  Builders (report_build.h, the exports) fill one;
 * renderers lay it out as text for a terminal of a given width, as CSV, or
 * as pages (xlsx.h, docx.h).  Nothing here knows where the numbers come from.
 *
 * A report on pages is an administrative document (Nghị định 30/2020/NĐ-CP):
 * the first page carries the national heading, the number line, the title,
 * the body (the results the program writes, then headed parts the office
 * writes itself), the signature block and "Nơi nhận"; each section is an
 * annex ("Phụ lục I") after it, headed by the line that ties it to the
 * report.  Those parts live here once, and every renderer takes them from
 * here, through report_doc.h (the number line, the annexes' headings, the
 * recipients).
 *
 * Building never stops on a failed allocation: the report remembers it
 * (report_status) so that builders can add many rows and check once.
 */
#ifndef DIENHINH_REPORT_H
#define DIENHINH_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "config.h"
#include "date.h"
#include "err.h"

/* What a column holds; decides alignment, wrapping and the cell type in a workbook. */
enum report_kind {
	REPORT_TEXT,   /* left-aligned; wraps at spaces when the page is narrow */
	REPORT_NUMBER, /* an integer, right-aligned, never wrapped */
	REPORT_DATE,   /* "DD/MM/YYYY", never wrapped; a real date in a workbook */
	REPORT_SEQ,    /* a row number or rank ("STT", "Hạng"): a number, centred on pages */
};

struct report_column {
	char *header;          /* translated; wraps onto several lines in text */
	enum report_kind kind;
};

enum report_row_kind {
	REPORT_ROW,    /* an ordinary row */
	REPORT_GROUP,  /* a heading inside the table ("I. Khối xã – phường"): cells[0] only */
	REPORT_TOTAL,  /* a total, set apart by a rule (text) or in bold (workbook) */
};

/* Invariant: cells holds the section's ncols strings (never NULL; "" = empty). */
struct report_row {
	enum report_row_kind kind;
	char **cells;
};

/* One table with its title and the notes printed under it. */
struct report_section {
	char *title;           /* "I. KẾT QUẢ THEO ĐƠN VỊ"; may be NULL */
	char *sheet;           /* short name for its worksheet (at most 31 characters) */
	struct report_column *cols;
	size_t ncols;
	struct report_row *rows;
	size_t nrows, cap;
	char **notes;
	size_t nnotes;
};

/* The document's parts that only pages show: number line, signature, recipients. */
struct report_doc {
	char *symbol;          /* "BC-PNV" */
	char *number;          /* "12", or "" for the clerk to write in by hand */
	char *authority;       /* "KT. TRƯỞNG PHÒNG", or "" when the head signs */
	char *sign_title;      /* "PHÓ TRƯỞNG PHÒNG" */
	char *signer;          /* the name under the signature, or "" */
	char **recipients;     /* "UBND thị xã (b/c)": bare, without "- " and ";" */
	size_t nrecipients;
	char *archive;         /* "VT, PNV", for "- Lưu: VT, PNV." */
	date_t day;            /* the report's date */
};

/* A part of the body: a heading ("Đánh giá chung") and its paragraphs. */
struct report_part {
	char *heading;
	char **paras;
	size_t nparas;
};

/* The body's parts: the results (written by the builders, report_para),
 * then the office's own assessment and directions, left empty to write in. */
enum { REPORT_PART_RESULTS, REPORT_PART_ASSESSMENT, REPORT_PART_DIRECTIONS, REPORT_PARTS };

/*
 * The document.  A report without a title (an export) has no heading at
 * all: its one table starts on the first line, as data files do.
 */
struct report {
	char *issuer_parent;   /* "ỦY BAN NHÂN DÂN THỊ XÃ NGÃ NĂM" */
	char *issuer;          /* "PHÒNG NỘI VỤ" */
	char *date_line;       /* "Ngã Năm, ngày 15 tháng 4 năm 2024" */
	char *title;           /* in capitals; NULL for a bare table */
	char *period;          /* "Quý I năm 2024 (từ 01/01/2024 đến 31/03/2024)" */
	struct report_doc doc;
	struct report_part parts[REPORT_PARTS]; /* headings set by report_heading */
	struct report_section *sections;
	size_t nsections;
	char **notes;          /* closing notes, after every section */
	size_t nnotes;
	bool failed;           /* an allocation failed while building */
};

/* An empty report; NULL when out of memory. */
struct report *report_new(void);
void report_free(struct report *rp);

/*
 * The official heading and the document's parts: issuing body, symbol,
 * signer and recipients from the config (config_heading() of `year`, the
 * year the report is about: a plan period holding it may give its own
 * issuing body and place), the date line "<place>, ngày DD tháng MM năm
 * YYYY" for `day` (day and month written as Vietnamese documents write
 * them: 05, 01, 02, but 4 and 12), the title, the period line and the
 * body's headings.  The number is left blank (report_set_number).
 */
void report_heading(struct report *rp, const struct config *cfg, int year, date_t day,
		    const char *title, const char *period);

/* The number the office gave the report ("12"); NULL or "" leaves it blank. */
void report_set_number(struct report *rp, const char *number);

/* The signer's name, in place of the config's. */
void report_set_signer(struct report *rp, const char *name);

/* A paragraph of the results part of the body. */
void report_para(struct report *rp, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* "Ngã Năm, ngày 05 tháng 02 năm 2024" (translated pattern) into buf. */
void report_date_line(const char *place, date_t day, char *buf, size_t n);

/*
 * A new section of `ncols` columns; headers[] and kinds[] give each
 * column.  Returns the section (valid until the next report_section call)
 * or NULL when out of memory.
 */
struct report_section *report_section(struct report *rp, const char *title, const char *sheet,
				      size_t ncols, const char *const *headers,
				      const enum report_kind *kinds);

/* Append a row of sec->ncols cells (NULL = empty).  For REPORT_GROUP only cells[0] counts. */
void report_row(struct report *rp, struct report_section *sec, enum report_row_kind kind,
		const char *const *cells);

/* A heading row inside the table. */
void report_group(struct report *rp, struct report_section *sec, const char *text);

/* A note under a section (sec) or at the end of the report (sec NULL). */
void report_note(struct report *rp, struct report_section *sec, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* 0, or -1 with ERR_NOMEM if anything failed while building. */
int report_status(const struct report *rp, struct err *e);

/* Lines of text laid out for a screen or page. */
struct report_lines {
	char **v;
	size_t n;
};

/*
 * Lay the report out as lines for a terminal `width` columns wide (clamped
 * to at least 40): every line fits in `width` display columns; text cells
 * wrap at spaces rather than being cut; numbers are right-aligned.  Cells
 * are made safe to print (text_visible).  For a scrollable preview.
 */
int report_text_lines(const struct report *rp, int width, struct report_lines *out,
		      struct err *e);
void report_lines_free(struct report_lines *l);

/* report_text_lines() written to f, one line each. */
int report_write_text(const struct report *rp, FILE *f, int width, struct err *e);

/*
 * The report as CSV for a spreadsheet: heading lines and section titles as
 * one-cell rows, then each table's header and rows, a blank row between
 * sections.  With `bom`, a UTF-8 byte order mark first (for Excel).
 */
int report_write_csv(const struct report *rp, FILE *f, bool bom, struct err *e);

/* Roman numeral of 1-3999 ("I", "IV", "XII") into buf, for quarters and section numbers. */
void report_roman(int n, char buf[16]);

#endif
