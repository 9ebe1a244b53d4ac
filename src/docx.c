/* docx.c - see docx.h.  The only file that includes zip.h. */
#include "docx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zip.h>

#include "i18n.h"
#include "report_doc.h"

/* Lengths in twentieths of a point (twips): A4 and the decree's margins. */
#define PAGE_W 11906
#define PAGE_H 16838
#define MARGIN_TOP 1134     /* 20 mm */
#define MARGIN_BOTTOM 1134  /* 20 mm */
#define MARGIN_LEFT 1701    /* 30 mm */
#define MARGIN_RIGHT 850    /* 15 mm */
#define MARGIN_HEADER 567   /* the page number, 10 mm from the top */
#define TEXT_W (PAGE_W - MARGIN_LEFT - MARGIN_RIGHT)
#define HEAD_LEFT 3969      /* the issuing body's column, 70 mm */
#define SIGN_LEFT 4536      /* the recipients' column, 80 mm */
#define CELL_PAD 72         /* a table cell's margin, left and right */
#define INDENT 567          /* a paragraph's first line, 10 mm */
#define RECIP_HANG 113      /* "- " before a recipient, 2 mm */

/* Font sizes in half-points, as WordprocessingML counts them. */
#define SZ_BODY 28    /* 14 pt: body, title, date line, signature */
#define SZ_HEAD 26    /* 13 pt: issuing body, number line, motto */
#define SZ_NATION 24  /* 12 pt: the national title, so that it stays on one line */
#define SZ_RECIP 22   /* 11 pt: the recipients */
#define SZ_NOTE 24    /* 12 pt: notes under a table */

/* A run's look. */
enum { B = 1, I = 2, U = 4 };
/* A paragraph's alignment. */
enum align { LEFT, CENTER, RIGHT, BOTH };

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

/* ---- XML ------------------------------------------------------------------------------ */

/* Text as XML character data: markup characters escaped, and the control
 * characters XML 1.0 cannot carry left out (stored text has none, but a
 * document must open whatever reached it). */
static void esc(FILE *f, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '&')
			fputs("&amp;", f);
		else if (c == '<')
			fputs("&lt;", f);
		else if (c == '>')
			fputs("&gt;", f);
		else if (c == '"')
			fputs("&quot;", f);
		else if (c >= 0x20 || c == '\t')
			fputc(c, f);
	}
}

/* A run of text in Times New Roman of `sz` half-points; a '\n' breaks the line. */
static void run(FILE *f, const char *s, unsigned look, int sz)
{
	fputs("<w:r><w:rPr>", f);
	if (look & B)
		fputs("<w:b/>", f);
	if (look & I)
		fputs("<w:i/>", f);
	if (look & U)
		fputs("<w:u w:val=\"single\"/>", f);
	fprintf(f, "<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/></w:rPr>", sz, sz);
	for (;;) {
		size_t n = strcspn(s, "\n");
		fputs("<w:t xml:space=\"preserve\">", f);
		esc(f, s, n);
		fputs("</w:t>", f);
		if (!s[n])
			break;
		fputs("<w:br/>", f);
		s += n + 1;
	}
	fputs("</w:r>", f);
}

/* How a paragraph is set: alignment, spacing before and after (twips),
 * first-line indent (negative: a hanging indent, the lines after the first
 * set in by that much), and anything else for <w:pPr> (borders, tabs...). */
struct pfmt {
	enum align jc;
	int before, after, indent;
	const char *extra;
};

static void para_open(FILE *f, const struct pfmt *p)
{
	static const char *const jc[] = { "left", "center", "right", "both" };

	fprintf(f, "<w:p><w:pPr>%s<w:spacing w:before=\"%d\" w:after=\"%d\"/>",
		p->extra ? p->extra : "", p->before, p->after);
	if (p->indent > 0)
		fprintf(f, "<w:ind w:firstLine=\"%d\"/>", p->indent);
	else if (p->indent < 0)
		fprintf(f, "<w:ind w:left=\"%d\" w:hanging=\"%d\"/>", -p->indent, -p->indent);
	fprintf(f, "<w:jc w:val=\"%s\"/></w:pPr>", jc[p->jc]);
}

/* A paragraph of one run. */
static void para(FILE *f, const struct pfmt *p, const char *s, unsigned look, int sz)
{
	para_open(f, p);
	if (s && *s)
		run(f, s, look, sz);
	fputs("</w:p>", f);
}

static void centred(FILE *f, const char *s, unsigned look, int sz)
{
	const struct pfmt p = { CENTER, 0, 0, 0, NULL };

	para(f, &p, s, look, sz);
}

/* A short horizontal rule, `len` twips long, centred in a column `col` wide:
 * the top border of an empty paragraph, narrowed by its indents. */
static void rule(FILE *f, int col, int len)
{
	int side = (col - len) / 2 > 0 ? (col - len) / 2 : 0;

	fprintf(f, "<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"0\" "
		   "w:color=\"000000\"/></w:pBdr><w:spacing w:before=\"40\" w:after=\"0\" "
		   "w:line=\"100\" w:lineRule=\"exact\"/><w:ind w:left=\"%d\" w:right=\"%d\"/>"
		   "<w:rPr><w:sz w:val=\"4\"/></w:rPr></w:pPr></w:p>", side, side);
}

/* About how wide `s` is set in `sz` half-points, in twips (a half-point
 * is ten twips), bold a little wider. */
static int est_width(const char *s, int sz, bool bold)
{
	return (int)(report_text_em(s) * sz * (bold ? 10.8 : 10.0));
}

/* ---- the first page ------------------------------------------------------------------------ */

static void cell_open(FILE *f, int w, int span, const char *look)
{
	fprintf(f, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>", w);
	if (span > 1)
		fprintf(f, "<w:gridSpan w:val=\"%d\"/>", span);
	fprintf(f, "%s</w:tcPr>", look ? look : "");
}

/* A table without borders of two columns (left, TEXT_W - left). */
static void frame_open(FILE *f, int left)
{
	fprintf(f, "<w:tbl><w:tblPr><w:tblW w:w=\"%d\" w:type=\"dxa\"/><w:tblLayout "
		   "w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right "
		   "w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid><w:gridCol "
		   "w:w=\"%d\"/><w:gridCol w:w=\"%d\"/></w:tblGrid>", TEXT_W, left, TEXT_W - left);
}

/* The issuing body's parent ("ỦY BAN NHÂN DÂN THỊ XÃ NGÃ NĂM") on two
 * balanced lines when one is too wide for its column, so that Word never
 * breaks it before its last word. */
static void parent_lines(FILE *f, const char *s)
{
	char *two = est_width(s, SZ_HEAD, false) > HEAD_LEFT - 200 ? report_two_lines(s) : NULL;

	centred(f, two ? two : s, 0, SZ_HEAD);
	free(two);
}

static void heading(FILE *f, const struct report *rp)
{
	const char *issuer = rp->issuer ? rp->issuer : "";
	int len = est_width(issuer, SZ_HEAD, true) / 2;
	char num[160];
	const struct pfmt spaced = { CENTER, 120, 0, 0, NULL };

	frame_open(f, HEAD_LEFT);
	fputs("<w:tr>", f);
	cell_open(f, HEAD_LEFT, 1, NULL);
	parent_lines(f, rp->issuer_parent ? rp->issuer_parent : "");
	centred(f, issuer, B, SZ_HEAD);
	rule(f, HEAD_LEFT, len < 700 ? 700 : len > HEAD_LEFT ? HEAD_LEFT : len);
	fputs("</w:tc>", f);
	cell_open(f, TEXT_W - HEAD_LEFT, 1, NULL);
	centred(f, _("SOCIALIST REPUBLIC OF VIETNAM"), B, SZ_NATION);
	centred(f, _("Independence - Freedom - Happiness"), B | U, SZ_HEAD);
	fputs("</w:tc></w:tr><w:tr>", f);
	cell_open(f, HEAD_LEFT, 1, NULL);
	report_number_line(rp, num, sizeof num);
	para(f, &spaced, num, 0, SZ_HEAD);
	fputs("</w:tc>", f);
	cell_open(f, TEXT_W - HEAD_LEFT, 1, NULL);
	para(f, &spaced, rp->date_line, I, SZ_BODY);
	fputs("</w:tc></w:tr></w:tbl>", f);
}

/* A line of dots across the page to write on: a tab to the right margin with a dot leader. */
static void dotted_line(FILE *f)
{
	fprintf(f, "<w:p><w:pPr><w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"%d\"/>"
		   "</w:tabs><w:spacing w:before=\"60\" w:after=\"60\"/></w:pPr><w:r><w:rPr>"
		   "<w:sz w:val=\"%d\"/></w:rPr><w:tab/></w:r></w:p>", TEXT_W, SZ_BODY);
}

/* The results, then the office's own parts, each headed "I.", "II."... */
static void body(FILE *f, const struct report *rp)
{
	const struct pfmt head = { BOTH, 120, 60, INDENT, NULL };
	const struct pfmt text = { BOTH, 0, 80, INDENT, NULL };
	char roman[16], *line;

	for (int i = 0; i < REPORT_PARTS; i++) {
		const struct report_part *p = &rp->parts[i];
		report_roman(i + 1, roman);
		if (asprintf(&line, "%s. %s", roman, p->heading ? p->heading : "") < 0)
			line = NULL;
		para(f, &head, line ? line : "", B, SZ_BODY);
		free(line);
		for (size_t j = 0; j < p->nparas; j++)
			para(f, &text, p->paras[j], 0, SZ_BODY);
		if (i == REPORT_PART_RESULTS && rp->nsections)
			para(f, &text, report_annex_note(), 0, SZ_BODY);
		if (!p->nparas && i != REPORT_PART_RESULTS) {
			dotted_line(f);
			dotted_line(f);
		}
	}
}

/* "Nơi nhận" bottom left, the signature block bottom right, their first lines level. */
static void signature(FILE *f, const struct report *rp)
{
	const struct report_doc *d = &rp->doc;
	const struct pfmt head = { LEFT, 0, 0, 0, NULL };
	/* A recipient too long for the column goes on under its own text, not under the dash. */
	const struct pfmt recip = { LEFT, 0, 0, -RECIP_HANG, NULL };
	const struct pfmt name = { CENTER, 1500, 0, 0, NULL };
	char line[512];

	fputs("<w:p><w:pPr><w:spacing w:before=\"120\" w:after=\"0\"/></w:pPr></w:p>", f);
	frame_open(f, SIGN_LEFT);
	fputs("<w:tr><w:trPr><w:cantSplit/></w:trPr>", f);
	cell_open(f, SIGN_LEFT, 1, NULL);
	para(f, &head, _("Recipients:"), B | I, SZ_NOTE);
	for (size_t i = 0; i < report_recipients(rp); i++) {
		report_recipient(rp, i, line, sizeof line);
		para(f, &recip, line, 0, SZ_RECIP);
	}
	fputs("</w:tc>", f);
	cell_open(f, TEXT_W - SIGN_LEFT, 1, NULL);
	if (d->authority && *d->authority)
		centred(f, d->authority, B, SZ_BODY);
	centred(f, d->sign_title, B, SZ_BODY);
	para(f, &name, d->signer, B, SZ_BODY);
	fputs("</w:tc></w:tr></w:tbl>", f);
}

/* ---- tables ---------------------------------------------------------------------------- */

/* Twips that `em` ems of text take in a cell of `sz` half-points (`bold`:
 * the header's, wider), with the cell's margins. */
static int cell_width(double em, int sz, bool bold)
{
	return (int)(em * sz * (bold ? 10.8 : 10.0)) + 2 * CELL_PAD + 60;
}

/*
 * Column widths (twips) that fill the text width at `sz`: figures and dates
 * as wide as their widest cell, text at least as wide as its longest word
 * and sharing the rest in proportion to its widest cell.  false when even
 * the narrowest layout is wider than the page.
 */
static bool table_widths(const struct report_section *sec, int sz, int *w, bool *whole)
{
	int total = 0, grow = 0, extra;
	int *want = calloc(sec->ncols, sizeof *want);

	if (!want)
		return false;
	for (size_t c = 0; c < sec->ncols; c++) {
		bool text = sec->cols[c].kind == REPORT_TEXT;
		double least = 0, most = 0;
		int head = cell_width(report_word_em(sec->cols[c].header), sz, true);
		for (size_t r = 0; r < sec->nrows; r++) {
			const char *s = sec->rows[r].cells[c];
			if (sec->rows[r].kind == REPORT_GROUP)
				continue;
			double em = report_text_em(s), word = text ? report_word_em(s) : em;
			if (word > least)
				least = word;
			if (em > most)
				most = em;
		}
		if (text && least < 2)
			least = 2;
		most = !text || most < least ? least : most > 30 ? 30 : most;
		w[c] = cell_width(least, sz, false);
		want[c] = cell_width(most, sz, false) - w[c];
		if (w[c] < head) {
			want[c] = want[c] > head - w[c] ? want[c] - (head - w[c]) : 0;
			w[c] = head;
		}
		total += w[c];
		grow += want[c];
	}
	extra = TEXT_W - total;
	*whole = extra >= grow;
	/* Short texts (a status, a type) whole first, on one line; then the long
	 * ones share what is left in proportion. */
	for (size_t c = 0; c < sec->ncols && extra > 0; c++)
		if (want[c] && want[c] <= cell_width(6, sz, false) && want[c] <= TEXT_W - total) {
			w[c] += want[c];
			total += want[c];
			grow -= want[c];
			want[c] = 0;
		}
	for (size_t c = 0; c < sec->ncols && extra > 0; c++) {
		int add = grow <= TEXT_W - total ? want[c]
			  : (int)((long)(TEXT_W - total) * want[c] / grow);
		w[c] += add;
		total += add;
		grow -= want[c];
	}
	/* What is left widens every column in proportion, the table filling the page. */
	if (total < TEXT_W && total > 0) {
		int before = total;
		for (size_t c = 0; c < sec->ncols; c++) {
			int add = (int)((long)(TEXT_W - before) * w[c] / before);
			w[c] += add;
			total += add;
		}
		w[sec->ncols - 1] += TEXT_W - total;
		total = TEXT_W;
	}
	free(want);
	return extra >= 0;
}

static const char *cell_jc(enum report_kind k)
{
	return k == REPORT_NUMBER ? "right" : k == REPORT_TEXT ? "left" : "center";
}

/* One cell: a paragraph in the table's size, bold for the header and totals. */
static void cell(FILE *f, int w, int span, const char *s, const char *jc, unsigned look, int sz,
		 bool shade)
{
	cell_open(f, w, span, shade ? "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"D9D9D9\"/>"
				      "<w:vAlign w:val=\"center\"/>" : "<w:vAlign w:val=\"center\"/>");
	fprintf(f, "<w:p><w:pPr><w:spacing w:before=\"20\" w:after=\"20\"/><w:jc w:val=\"%s\"/>"
		   "</w:pPr>", jc);
	if (*s)
		run(f, s, look, sz);
	fputs("</w:p></w:tc>", f);
}

static void table(FILE *f, const struct report_section *sec)
{
	static const int sizes[] = { 26, 24, 22, 20 };
	int *w = calloc(sec->ncols ? sec->ncols : 1, sizeof *w), sz = 0, total = 0;

	if (!w || !sec->ncols) {
		free(w);
		return;
	}
	/* The largest size, not below 11 pt, at which every text fits on one
	 * line; else the largest at which the table fits the page, down to 10 pt. */
	for (int pass = 0; pass < 2 && sz == 0; pass++)
		for (size_t i = 0; i < sizeof sizes / sizeof sizes[0] && sz == 0; i++) {
			bool whole;
			if (table_widths(sec, sizes[i], w, &whole) && ((whole && sizes[i] >= 22) || pass))
				sz = sizes[i];
		}
	if (!sz) {
		bool whole;
		sz = 20;
		table_widths(sec, sz, w, &whole);
	}
	for (size_t c = 0; c < sec->ncols; c++)
		total += w[c];
	fprintf(f, "<w:tbl><w:tblPr><w:tblW w:w=\"%d\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>"
		   "<w:tblBorders>", total);
	for (const char *const *b = (const char *const[]){ "top", "left", "bottom", "right",
							    "insideH", "insideV", NULL }; *b; b++)
		fprintf(f, "<w:%s w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>",
			*b);
	fprintf(f, "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"%d\" "
		   "w:type=\"dxa\"/><w:right w:w=\"%d\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
		   "<w:tblGrid>", CELL_PAD, CELL_PAD);
	for (size_t c = 0; c < sec->ncols; c++)
		fprintf(f, "<w:gridCol w:w=\"%d\"/>", w[c]);
	/* The header row repeats at the top of every page the table runs onto. */
	fputs("</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>", f);
	for (size_t c = 0; c < sec->ncols; c++)
		cell(f, w[c], 1, sec->cols[c].header, "center", B, sz, true);
	fputs("</w:tr>", f);
	for (size_t r = 0; r < sec->nrows; r++) {
		const struct report_row *row = &sec->rows[r];
		fputs("<w:tr><w:trPr><w:cantSplit/></w:trPr>", f);
		if (row->kind == REPORT_GROUP)
			cell(f, total, (int)sec->ncols, row->cells[0], "left", B, sz, false);
		else
			for (size_t c = 0; c < sec->ncols; c++)
				cell(f, w[c], 1, row->cells[c], cell_jc(sec->cols[c].kind),
				     row->kind == REPORT_TOTAL ? B : 0, sz, false);
		fputs("</w:tr>", f);
	}
	fputs("</w:tbl>", f);
	free(w);
}

static void notes(FILE *f, char **v, size_t n)
{
	const struct pfmt p = { BOTH, 60, 0, 0, NULL };

	for (size_t i = 0; i < n; i++)
		para(f, &p, v[i], I, SZ_NOTE);
}

/* Section k as an annex on a page of its own (or, in a bare report, under its title). */
static void annex(FILE *f, const struct report *rp, size_t k)
{
	const struct report_section *sec = &rp->sections[k];
	const struct pfmt first = { CENTER, 0, 0, 0, "<w:pageBreakBefore/>" };
	const struct pfmt gap = { CENTER, 0, 120, 0, NULL };
	char label[64], line[256];

	if (rp->title) {
		report_annex_label(k, label, sizeof label);
		report_annex_line(rp, line, sizeof line);
		para(f, &first, label, B, SZ_BODY);
		centred(f, report_annex_title(sec), B, SZ_BODY);
		para(f, &gap, line, I, SZ_HEAD);
	} else if (sec->title) {
		para(f, k ? &first : &gap, sec->title, B, SZ_BODY);
	}
	table(f, sec);
	notes(f, sec->notes, sec->nnotes);
	if (k + 1 == rp->nsections)
		notes(f, rp->notes, rp->nnotes);
}

/* ---- the package ------------------------------------------------------------------------ */

static void document(FILE *f, const struct report *rp)
{
	const struct pfmt title = { CENTER, 240, 0, 0, NULL };

	fputs(XML_DECL "<w:document xmlns:w=\"" W_NS "\" xmlns:r=\"" R_NS "\"><w:body>", f);
	if (rp->title) {
		heading(f, rp);
		para(f, &title, rp->title, B, SZ_BODY);
		if (rp->period)
			centred(f, rp->period, I, SZ_BODY);
		rule(f, TEXT_W, 2000);
		body(f, rp);
		signature(f, rp);
	}
	for (size_t k = 0; k < rp->nsections; k++)
		annex(f, rp, k);
	fprintf(f, "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdNumbered\"/>"
		   "<w:headerReference w:type=\"first\" r:id=\"rIdFirst\"/>"
		   "<w:pgSz w:w=\"%d\" w:h=\"%d\"/><w:pgMar w:top=\"%d\" w:right=\"%d\" "
		   "w:bottom=\"%d\" w:left=\"%d\" w:header=\"%d\" w:footer=\"%d\" w:gutter=\"0\"/>"
		   "<w:titlePg/></w:sectPr></w:body></w:document>", PAGE_W, PAGE_H, MARGIN_TOP,
		MARGIN_RIGHT, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_HEADER, MARGIN_HEADER);
}

/* Every page but the first numbered at the top, in the middle, as the decree has it. */
static void header(FILE *f, bool numbered)
{
	fputs(XML_DECL "<w:hdr xmlns:w=\"" W_NS "\"><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>",
	      f);
	if (numbered)
		fputs("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText "
		      "xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r><w:fldChar "
		      "w:fldCharType=\"separate\"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar "
		      "w:fldCharType=\"end\"/></w:r>", f);
	fputs("</w:p></w:hdr>", f);
}

/* Times New Roman 14 pt, Vietnamese, for every paragraph that says nothing else. */
static void styles(FILE *f)
{
	fprintf(f, XML_DECL "<w:styles xmlns:w=\"" W_NS "\"><w:docDefaults><w:rPrDefault><w:rPr>"
		   "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" "
		   "w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/><w:sz w:val=\"%d\"/>"
		   "<w:szCs w:val=\"%d\"/><w:lang w:val=\"vi-VN\"/></w:rPr></w:rPrDefault>"
		   "<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" "
		   "w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
		   "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
		   "<w:name w:val=\"Normal\"/></w:style></w:styles>", SZ_BODY, SZ_BODY);
}

static void core(FILE *f, const struct report *rp)
{
	const char *t = rp->title ? rp->title : "", *who = rp->issuer ? rp->issuer : "";

	fputs(XML_DECL "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/"
	      "2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
	      "<dc:title>", f);
	esc(f, t, strlen(t));
	fputs("</dc:title><dc:creator>", f);
	esc(f, who, strlen(who));
	fputs("</dc:creator><dc:language>vi-VN</dc:language></cp:coreProperties>", f);
}

static const char content_types[] = XML_DECL
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	"<Default Extension=\"rels\" ContentType=\"application/"
	"vnd.openxmlformats-package.relationships+xml\"/>"
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	"<Override PartName=\"/word/document.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
	"<Override PartName=\"/word/styles.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
	"<Override PartName=\"/word/header1.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
	"<Override PartName=\"/word/header2.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
	"<Override PartName=\"/docProps/core.xml\" ContentType=\"application/"
	"vnd.openxmlformats-package.core-properties+xml\"/></Types>";

static const char package_rels[] = XML_DECL
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
	"relationships/officeDocument\" Target=\"word/document.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/"
	"relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/></Relationships>";

static const char document_rels[] = XML_DECL
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
	"2006/relationships/styles\" Target=\"styles.xml\"/>"
	"<Relationship Id=\"rIdNumbered\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
	"2006/relationships/header\" Target=\"header1.xml\"/>"
	"<Relationship Id=\"rIdFirst\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
	"2006/relationships/header\" Target=\"header2.xml\"/></Relationships>";

/* The parts of the package, in the order they are stored. */
enum part { P_TYPES, P_RELS, P_DOC_RELS, P_DOCUMENT, P_STYLES, P_HEADER1, P_HEADER2, P_CORE,
	    P_COUNT };

static const char *const part_names[P_COUNT] = {
	"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels",
	"word/document.xml", "word/styles.xml", "word/header1.xml", "word/header2.xml",
	"docProps/core.xml",
};

/* Write one part into a new buffer; 0, or -1 when out of memory. */
static int make_part(enum part p, const struct report *rp, char **buf, size_t *len)
{
	FILE *f = open_memstream(buf, len);
	int rc;

	if (!f)
		return -1;
	switch (p) {
	case P_TYPES: fputs(content_types, f); break;
	case P_RELS: fputs(package_rels, f); break;
	case P_DOC_RELS: fputs(document_rels, f); break;
	case P_DOCUMENT: document(f, rp); break;
	case P_STYLES: styles(f); break;
	case P_HEADER1: header(f, true); break;
	case P_HEADER2: header(f, false); break;
	default: core(f, rp); break;
	}
	rc = ferror(f) ? -1 : 0;
	if (fclose(f) || rc) {
		free(*buf);
		*buf = NULL;
		return -1;
	}
	return 0;
}

int docx_write_report(const struct report *rp, const char *path, struct err *e)
{
	int zerr = 0;
	zip_t *z;

	if (!rp->nsections && !rp->title)
		return err_set(e, ERR_INVALID, _("The report is empty."));
	if (!(z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr)))
		return err_set(e, ERR_IO, _("Cannot create %s."), path);
	for (int p = 0; p < P_COUNT; p++) {
		char *buf = NULL;
		size_t len = 0;
		zip_source_t *src;

		if (make_part((enum part)p, rp, &buf, &len)) {
			zip_discard(z);
			unlink(path);
			return err_nomem(e);
		}
		/* The source owns buf from here (freep = 1), and the archive the source. */
		if (!(src = zip_source_buffer(z, buf, len, 1))) {
			free(buf);
			break;
		}
		if (zip_file_add(z, part_names[p], src, ZIP_FL_ENC_UTF_8) < 0) {
			zip_source_free(src);
			break;
		}
		if (p == P_COUNT - 1) {
			if (zip_close(z) == 0)
				return 0;
			break;
		}
	}
	err_set(e, ERR_IO, _("Cannot write %s: %s."), path, zip_strerror(z));
	zip_discard(z);
	unlink(path);
	return -1;
}
