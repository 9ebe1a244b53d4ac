/* test_report.c - the report document, its text layout and its CSV form. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "oom.h"
#include "report.h"
#include "report_doc.h"
#include "text.h"

static const enum report_kind kinds[] = { REPORT_NUMBER, REPORT_TEXT, REPORT_NUMBER };
static const char *headers[] = { "STT", "Tên", "Số" };

/* A table of two people in one group, with a total; `name` is the first person. */
static struct report *small(const char *name)
{
	struct report *rp = report_new();
	struct report_section *sec;
	const char *r1[] = { "1", name, "12" }, *r2[] = { "2", "Lê Thị Bình", "3" };
	const char *tot[] = { "", "Tổng cộng", "15" };

	assert_non_null(rp);
	sec = report_section(rp, NULL, "Bảng", 3, headers, kinds);
	assert_non_null(sec);
	report_group(rp, sec, "I. Nhóm A");
	report_row(rp, sec, REPORT_ROW, r1);
	report_row(rp, sec, REPORT_ROW, r2);
	report_row(rp, sec, REPORT_TOTAL, tot);
	assert_int_equal(report_status(rp, NULL), 0);
	return rp;
}

static void lines(const struct report *rp, int width, struct report_lines *l)
{
	struct err e = { 0 };

	assert_int_equal(report_text_lines(rp, width, l, &e), 0);
	for (size_t i = 0; i < l->n; i++)
		assert_true(text_width(l->v[i]) <= (width < 40 ? 40 : width));
}

static void test_table_layout(void **state)
{
	struct report *rp = small("Nguyễn Văn An");
	struct report_lines l;

	(void)state;
	/* Widths 3, 13, 2 (widest cell or header word) with one space between:
	 * numbers right-aligned, text left, headers centred. */
	lines(rp, 80, &l);
	assert_int_equal(l.n, 7);
	assert_string_equal(l.v[0], "STT      Tên      Số");
	assert_string_equal(l.v[1], "--------------------");
	assert_string_equal(l.v[2], "I. Nhóm A");
	assert_string_equal(l.v[3], "  1 Nguyễn Văn An 12");
	assert_string_equal(l.v[4], "  2 Lê Thị Bình    3");
	assert_string_equal(l.v[5], "--------------------");
	assert_string_equal(l.v[6], "    Tổng cộng     15");
	report_lines_free(&l);
	report_free(rp);
}

static void test_text_wraps_at_spaces(void **state)
{
	struct report *rp = small("Ủy ban Mặt trận Tổ quốc Việt Nam thị xã Ngã Năm");
	struct report_lines l;
	char want[128];

	(void)state;
	/* 48 columns of name do not fit 40: the name column gets 40 - 3 - 2 - 2 = 33
	 * and the name breaks after "Nam" (32 columns). */
	lines(rp, 40, &l);
	assert_string_equal(l.v[3], "  1 Ủy ban Mặt trận Tổ quốc Việt Nam  12");
	assert_string_equal(l.v[4], "    thị xã Ngã Năm");
	/* 3 + 1 + 33 + 1 + 2: the 3 in the last column. */
	snprintf(want, sizeof want, "  2 Lê Thị Bình%24s3", "");
	assert_string_equal(l.v[5], want);
	report_lines_free(&l);
	/* Below 40 columns the layout stays at 40. */
	lines(rp, 10, &l);
	assert_string_equal(l.v[3], "  1 Ủy ban Mặt trận Tổ quốc Việt Nam  12");
	report_lines_free(&l);
	report_free(rp);
}

static void test_headers_wrap(void **state)
{
	static const char *h[] = { "Đơn vị", "Đã tiếp nhận" };
	static const enum report_kind k[] = { REPORT_TEXT, REPORT_NUMBER };
	const char *row[] = { "Phường 1", "7" };
	struct report *rp = report_new();
	struct report_section *sec = report_section(rp, "I. BẢNG", "x", 2, h, k);
	struct report_lines l;

	(void)state;
	report_row(rp, sec, REPORT_ROW, row);
	/* The number column is as wide as the longest header word ("nhận", 4). */
	lines(rp, 80, &l);
	assert_string_equal(l.v[0], "I. BẢNG");
	assert_string_equal(l.v[1], " Đơn vị   Đã");
	assert_string_equal(l.v[2], "         tiếp"); /* 8 + 1 spaces */
	assert_string_equal(l.v[3], "         nhận");
	assert_string_equal(l.v[4], "-------------");
	assert_string_equal(l.v[5], "Phường 1    7");
	report_lines_free(&l);
	report_free(rp);
}

static struct config heading_cfg = {
	.issuer_parent = "UBND X", .issuer = "PHÒNG Y", .place = "Ngã Năm",
};

/* The document's parts, from a config that gives them all. */
static void test_document_parts(void **state)
{
	struct config cfg = heading_cfg;
	struct report *rp = small("An");
	char buf[256];

	(void)state;
	cfg.symbol = "BC-UBND";
	cfg.sign_authority = "KT. CHỦ TỊCH";
	cfg.sign_title = "PHÓ CHỦ TỊCH";
	cfg.recipients = " Sở Nội vụ (b/c) || Lãnh đạo |";
	cfg.archive = "VT, NV";
	report_heading(rp, &cfg, 2024, date_from_ymd(2024, 2, 5), "BÁO CÁO", "Quý I");
	/* Blank, the number leaves room to be written in by hand. */
	report_number_line(rp, buf, sizeof buf);
	assert_string_equal(buf, "No.:         /BC-UBND");
	report_set_number(rp, "15");
	report_number_line(rp, buf, sizeof buf);
	assert_string_equal(buf, "No.: 15/BC-UBND");
	report_annex_line(rp, buf, sizeof buf);
	assert_string_equal(buf, "(Attached to report No. 15/BC-UBND of 05/02/2024)");
	report_annex_label(3, buf, sizeof buf);
	assert_string_equal(buf, "Annex IV");
	/* Blank items between the bars are no recipients; the archive line is last. */
	assert_int_equal(report_recipients(rp), 3);
	report_recipient(rp, 0, buf, sizeof buf);
	assert_string_equal(buf, "- Sở Nội vụ (b/c);");
	report_recipient(rp, 1, buf, sizeof buf);
	assert_string_equal(buf, "- Lãnh đạo;");
	report_recipient(rp, 2, buf, sizeof buf);
	assert_string_equal(buf, "- Archive: VT, NV.");
	assert_string_equal(rp->doc.authority, "KT. CHỦ TỊCH");
	assert_string_equal(rp->doc.signer, "");
	report_set_signer(rp, "Lê Văn C");
	assert_string_equal(rp->doc.signer, "Lê Văn C");
	/* The results part takes the builders' paragraphs; the office's parts stay empty. */
	report_para(rp, "%d exemplars", 7);
	assert_int_equal(rp->parts[REPORT_PART_RESULTS].nparas, 1);
	assert_string_equal(rp->parts[REPORT_PART_RESULTS].paras[0], "7 exemplars");
	assert_string_equal(rp->parts[REPORT_PART_ASSESSMENT].heading, "GENERAL ASSESSMENT");
	assert_int_equal(rp->parts[REPORT_PART_DIRECTIONS].nparas, 0);
	assert_int_equal(report_status(rp, NULL), 0);
	report_free(rp);
}

static void test_annex_title_and_measures(void **state)
{
	struct report_section sec = { .title = "II. RESULTS BY UNIT" };
	char *two;

	(void)state;
	assert_string_equal(report_annex_title(&sec), "RESULTS BY UNIT");
	sec.title = "SCORES";
	assert_string_equal(report_annex_title(&sec), "SCORES");
	sec.title = "IVORY. X";
	assert_string_equal(report_annex_title(&sec), "IVORY. X");
	/* Capitals are set wider than small letters, marks take no room. */
	assert_true(report_text_em("NGÃ NĂM") > report_text_em("ngã năm"));
	assert_true(report_text_em("Ngã") == report_text_em("Nga"));
	assert_true(report_word_em("a bbbbbb cc") == report_text_em("bbbbbb"));
	assert_non_null(two = report_two_lines("ỦY BAN NHÂN DÂN THỊ XÃ NGÃ NĂM"));
	assert_string_equal(two, "ỦY BAN NHÂN DÂN\nTHỊ XÃ NGÃ NĂM");
	free(two);
}

static void test_heading_side_by_side_or_stacked(void **state)
{
	struct report *rp = small("An");
	struct report_lines l;
	char want[256];

	(void)state;
	report_heading(rp, &heading_cfg, 2024, date_from_ymd(2024, 2, 5), "BÁO CÁO",
		       "Quý I năm 2024");
	/* 80 columns: the issuer block is 7 wide ("PHÒNG Y"), the motto block 34
	 * ("Independence - Freedom - Happiness") and takes the last 34 columns;
	 * each line is centred in its block. */
	lines(rp, 80, &l);
	snprintf(want, sizeof want, "UBND X %39s  SOCIALIST REPUBLIC OF VIETNAM", "");
	assert_string_equal(l.v[0], want);
	snprintf(want, sizeof want, "PHÒNG Y%39sIndependence - Freedom - Happiness", "");
	assert_string_equal(l.v[1], want);
	/* The rules: 3 dashes under the issuer, 34 * 3 / 4 = 25 under the motto. */
	snprintf(want, sizeof want, "  ---  %39s    -------------------------", "");
	assert_string_equal(l.v[2], want);
	snprintf(want, sizeof want, "%53sNgã Năm, 05/02/2024", "");
	assert_string_equal(l.v[3], want);
	assert_string_equal(l.v[4], "");
	snprintf(want, sizeof want, "%36sBÁO CÁO", "");
	assert_string_equal(l.v[5], want);
	snprintf(want, sizeof want, "%33sQuý I năm 2024", "");
	assert_string_equal(l.v[6], want);
	report_lines_free(&l);
	/* 40 columns cannot hold 7 + 2 + 34: everything stacked and centred. */
	lines(rp, 40, &l);
	snprintf(want, sizeof want, "%17sUBND X", "");
	assert_string_equal(l.v[0], want);
	snprintf(want, sizeof want, "%16sPHÒNG Y", "");
	assert_string_equal(l.v[1], want);
	assert_string_equal(l.v[3], "");
	snprintf(want, sizeof want, "%5sSOCIALIST REPUBLIC OF VIETNAM", "");
	assert_string_equal(l.v[4], want);
	report_lines_free(&l);
	report_free(rp);
}

static void test_date_line(void **state)
{
	char b[64];

	(void)state;
	/* Days below 10 and January, February take a leading zero; other months do not. */
	report_date_line("Ngã Năm", date_from_ymd(2024, 2, 5), b, sizeof b);
	assert_string_equal(b, "Ngã Năm, 05/02/2024");
	report_date_line("Ngã Năm", date_from_ymd(2024, 4, 9), b, sizeof b);
	assert_string_equal(b, "Ngã Năm, 09/4/2024");
	report_date_line("Ngã Năm", date_from_ymd(2025, 11, 20), b, sizeof b);
	assert_string_equal(b, "Ngã Năm, 20/11/2025");
}

static void test_csv(void **state)
{
	struct report *rp = small("=1+1");
	struct report_section *sec = &rp->sections[0];
	const char *neg[] = { "3", "Điểm âm", "-5" };
	struct err e = { 0 };
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	(void)state;
	report_row(rp, sec, REPORT_ROW, neg);
	report_note(rp, sec, "Ghi chú %d", 1);
	assert_int_equal(report_write_csv(rp, f, false, &e), 0);
	fclose(f);
	/* A bare report: header, a one-cell group row, formula-like text guarded,
	 * a negative number left as it is, the note as a one-cell row. */
	assert_string_equal(buf, "STT,Tên,Số\r\n"
				 "I. Nhóm A\r\n"
				 "1,'=1+1,12\r\n"
				 "2,Lê Thị Bình,3\r\n"
				 ",Tổng cộng,15\r\n"
				 "3,Điểm âm,-5\r\n"
				 "Ghi chú 1\r\n");
	free(buf);
	report_free(rp);
}

static void test_csv_heading_and_bom(void **state)
{
	struct report *rp = small("An");
	struct err e = { 0 };
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	(void)state;
	report_heading(rp, &heading_cfg, 2024, date_from_ymd(2024, 2, 5), "BÁO CÁO",
		       "Quý I");
	assert_int_equal(report_write_csv(rp, f, true, &e), 0);
	fclose(f);
	assert_string_equal(buf, "\xEF\xBB\xBFUBND X\r\nPHÒNG Y\r\n"
				 "SOCIALIST REPUBLIC OF VIETNAM\r\n"
				 "Independence - Freedom - Happiness\r\n"
				 "\"Ngã Năm, 05/02/2024\"\r\n\r\nBÁO CÁO\r\nQuý I\r\n\r\n"
				 "STT,Tên,Số\r\nI. Nhóm A\r\n1,An,12\r\n2,Lê Thị Bình,3\r\n"
				 ",Tổng cộng,15\r\n");
	free(buf);
	report_free(rp);
}

static void test_roman(void **state)
{
	static const struct { int n; const char *s; } cases[] = {
		{ 1, "I" }, { 2, "II" }, { 4, "IV" }, { 9, "IX" }, { 14, "XIV" }, { 40, "XL" },
		{ 1994, "MCMXCIV" }, { 3999, "MMMCMXCIX" }, { 0, "" }, { 4000, "" },
	};
	char b[16];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		report_roman(cases[i].n, b);
		assert_string_equal(b, cases[i].s);
	}
}

static void test_cells_made_safe(void **state)
{
	struct report *rp = small("An\x1b[2J");
	struct report_lines l;

	(void)state;
	/* An escape stored in a name cannot reach the terminal. */
	lines(rp, 80, &l);
	assert_null(strchr(l.v[3], '\x1b'));
	assert_non_null(strstr(l.v[3], "An^[[2J"));
	report_lines_free(&l);
	report_free(rp);
}

#if OOM_SWEEPS
struct layout_run {
	const struct report *rp;
	struct report_lines got, want;
	struct err e;
};

static int layout_run(void *p)
{
	struct layout_run *r = p;

	return report_text_lines(r->rp, 40, &r->got, &r->e);
}

static void layout_failed(void *p)
{
	struct layout_run *r = p;

	assert_int_equal(r->e.code, ERR_NOMEM);
	assert_null(r->got.v);
	assert_int_equal(r->got.n, 0);
}

static void layout_done(void *p)
{
	struct layout_run *r = p;

	assert_int_equal(r->got.n, r->want.n);
	for (size_t i = 0; i < r->want.n; i++)
		assert_string_equal(r->got.v[i], r->want.v[i]);
	report_lines_free(&r->got);
}

/*
 * Out of memory at each allocation of a layout in turn (oom.h): ERR_NOMEM
 * and nothing kept each time, then what an ordinary run lays out.  The
 * report has a heading, groups, totals, a cell that wraps and a note.
 */
static void test_layout_out_of_memory(void **state)
{
	struct report *rp = small("Ủy ban Mặt trận Tổ quốc Việt Nam thị xã Ngã Năm");
	struct layout_run r = { .rp = rp };

	(void)state;
	report_heading(rp, &heading_cfg, 2024, date_from_ymd(2024, 2, 5), "BÁO CÁO",
		       "Quý I năm 2024");
	report_note(rp, NULL, "Ghi chú %d: số liệu đến ngày %s.", 1, "31/3/2024");
	assert_int_equal(report_status(rp, NULL), 0);
	lines(rp, 40, &r.want);
	assert_true(oom_sweep(layout_run, layout_failed, layout_done, &r) > 20);
	report_lines_free(&r.want);
	report_free(rp);
}
#endif

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_layout),
		cmocka_unit_test(test_text_wraps_at_spaces),
		cmocka_unit_test(test_headers_wrap),
		cmocka_unit_test(test_heading_side_by_side_or_stacked),
		cmocka_unit_test(test_date_line),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_csv_heading_and_bom),
		cmocka_unit_test(test_roman),
		cmocka_unit_test(test_document_parts),
		cmocka_unit_test(test_annex_title_and_measures),
		cmocka_unit_test(test_cells_made_safe),
#if OOM_SWEEPS
		cmocka_unit_test(test_layout_out_of_memory),
#endif
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
