/* xlsxread.c - see xlsxread.h.  The only file that includes zip.h and expat.h. */
#include "xlsxread.h"

#include <expat.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>

#include "grid.h"
#include "i18n.h"
#include "mem.h"

#define NS_SEP '|' /* expat gives "namespace|local" names */
#define MAX_STYLES 65536u

struct sheet_ref {
	char *name;
	char *rid;   /* its relationship id, then the part's path */
};

struct xlsxread {
	zip_t *zip;
	size_t total;             /* uncompressed bytes read so far */
	bool base1904;
	struct sheet_ref *sheets;
	size_t n_sheets, cap_sheets;
	char *strings;            /* the shared strings, each ended by NUL */
	size_t len, room;
	size_t *string_at;        /* where each shared string starts */
	size_t n_strings, cap_strings;
	bool *date_style;         /* per cell style (cellXfs): shown as a date? */
	size_t n_styles, cap_styles;
	uint32_t *date_formats;   /* custom number formats that show dates */
	size_t n_formats, cap_formats;
};

/*
 * One part being parsed.  Character data is gathered into `text` only
 * inside the elements that hold values; `depth`s track where we are.
 */
struct part {
	struct xlsxread *x;
	XML_Parser p;
	struct err *e;
	bool failed;             /* e is set */
	char *text;
	size_t len, room;
	bool collect;            /* inside an element whose text we keep */
	int skip;                /* inside phonetic runs (<rPh>): not kept */
	/* workbook.xml.rels */
	/* styles.xml */
	bool in_xfs;
	/* a sheet */
	struct grid *g;
	uint32_t row, col;       /* the current row and cell */
	char type[12];           /* the cell's t="" */
	long style;
	bool has_value;
};

/* ---- helpers -------------------------------------------------------------------- */

static const char *local(const char *name)
{
	const char *s = strrchr(name, NS_SEP);

	return s ? s + 1 : name;
}

/* An attribute by local name (the namespace ignored), or NULL. */
static const char *attr(const char **atts, const char *name)
{
	for (size_t i = 0; atts[i]; i += 2)
		if (!strcmp(local(atts[i]), name))
			return atts[i + 1];
	return NULL;
}

static void fail(struct part *pt, const char *detail)
{
	if (!pt->failed)
		err_set(pt->e, ERR_INVALID, _("The workbook is damaged: %s."), detail);
	pt->failed = true;
	XML_StopParser(pt->p, XML_FALSE);
}

static void fail_nomem(struct part *pt)
{
	if (!pt->failed)
		err_nomem(pt->e);
	pt->failed = true;
	XML_StopParser(pt->p, XML_FALSE);
}

/* A grid error (already in e) stops the part. */
static void fail_set(struct part *pt)
{
	pt->failed = true;
	XML_StopParser(pt->p, XML_FALSE);
}

static void on_text(void *ctx, const XML_Char *s, int len)
{
	struct part *pt = ctx;

	if (!pt->collect || pt->skip || pt->failed || len <= 0)
		return;
	if (pt->len + (size_t)len > GRID_MAX_TEXT) {
		fail(pt, _("a cell holds too much text"));
		return;
	}
	if (pt->len + (size_t)len + 1 > pt->room &&
	    mem_grow(&pt->text, &pt->room, pt->len + (size_t)len + 1, 1, 256)) {
		fail_nomem(pt);
		return;
	}
	memcpy(pt->text + pt->len, s, (size_t)len);
	pt->len += (size_t)len;
	pt->text[pt->len] = 0;
}

/* Workbooks have no DTD: one that has is refused before its entities could grow. */
static void on_doctype(void *ctx, const XML_Char *name, const XML_Char *sysid,
		       const XML_Char *pubid, int internal)
{
	(void)name, (void)sysid, (void)pubid, (void)internal;
	fail(ctx, _("it declares a DTD"));
}

/*
 * Parse the part `name` with the handlers given, in pieces: it is read
 * through the zip library and stops at XLSXREAD_MAX_PART bytes whatever
 * its header says.  A missing part is not an error when `optional`.
 */
static int read_part(struct part *pt, const char *name, bool optional,
		     XML_StartElementHandler start, XML_EndElementHandler end)
{
	struct xlsxread *x = pt->x;
	zip_int64_t i = zip_name_locate(x->zip, name, ZIP_FL_NOCASE);
	zip_file_t *f;
	size_t part = 0;
	char buf[65536];
	int rc = 0;

	if (i < 0) {
		if (optional)
			return 0;
		return err_set(pt->e, ERR_INVALID, _("The file is not an Excel workbook (.xlsx): "
						     "it has no %s."), name);
	}
	if (!(f = zip_fopen_index(x->zip, (zip_uint64_t)i, 0)))
		return err_set(pt->e, ERR_INVALID, _("The workbook is damaged: %s."),
			       zip_strerror(x->zip));
	if (!(pt->p = XML_ParserCreateNS(NULL, NS_SEP))) {
		zip_fclose(f);
		return err_nomem(pt->e);
	}
	XML_SetUserData(pt->p, pt);
	XML_SetElementHandler(pt->p, start, end);
	XML_SetCharacterDataHandler(pt->p, on_text);
	XML_SetStartDoctypeDeclHandler(pt->p, on_doctype);
	for (;;) {
		zip_int64_t n = zip_fread(f, buf, sizeof buf);
		if (n < 0) {
			rc = err_set(pt->e, ERR_INVALID, _("The workbook is damaged: %s."),
				     zip_file_strerror(f));
			break;
		}
		part += (size_t)n;
		x->total += (size_t)n;
		if (part > XLSXREAD_MAX_PART || x->total > XLSXREAD_MAX_TOTAL) {
			rc = err_set(pt->e, ERR_INVALID, _("The workbook unpacks to more than %u MB: "
							   "it is not one to import."),
				     (part > XLSXREAD_MAX_PART ? XLSXREAD_MAX_PART
							       : XLSXREAD_MAX_TOTAL) >> 20);
			break;
		}
		if (XML_Parse(pt->p, buf, (int)n, n == 0) != XML_STATUS_OK) {
			if (!pt->failed)
				err_set(pt->e, ERR_INVALID, _("The workbook is damaged: %s in %s, "
							      "line %lu."),
					XML_ErrorString(XML_GetErrorCode(pt->p)), name,
					(unsigned long)XML_GetCurrentLineNumber(pt->p));
			rc = -1;
			break;
		}
		if (n == 0)
			break;
	}
	XML_ParserFree(pt->p);
	pt->p = NULL;
	zip_fclose(f);
	return rc || pt->failed ? -1 : 0;
}

static char *dup_attr(struct part *pt, const char *s)
{
	char *d = strdup(s ? s : "");

	if (!d)
		fail_nomem(pt);
	return d;
}

/* ---- workbook.xml and its relationships ---------------------------------------------- */

static void workbook_start(void *ctx, const XML_Char *name, const XML_Char **atts)
{
	struct part *pt = ctx;
	struct xlsxread *x = pt->x;
	const char *n = local(name), *v;

	if (!strcmp(n, "workbookPr")) {
		v = attr(atts, "date1904");
		x->base1904 = v && (!strcmp(v, "1") || !strcasecmp(v, "true"));
	} else if (!strcmp(n, "sheet")) {
		if (x->n_sheets >= XLSXREAD_MAX_SHEETS)
			{ fail(pt, _("too many sheets")); return; }
		if (mem_grow(&x->sheets, &x->cap_sheets, x->n_sheets + 1, sizeof *x->sheets, 8))
			{ fail_nomem(pt); return; }
		struct sheet_ref *s = &x->sheets[x->n_sheets];
		s->name = dup_attr(pt, attr(atts, "name"));
		s->rid = dup_attr(pt, attr(atts, "id"));
		x->n_sheets += s->name && s->rid;
		if (!s->name || !s->rid) {
			free(s->name);
			free(s->rid);
		}
	}
}

static void no_end(void *ctx, const XML_Char *name)
{
	(void)ctx, (void)name;
}

/* A relationship's target as a path in the zip: relative to xl/, or absolute. */
static char *part_path(const char *target)
{
	char *p = malloc(strlen(target) + 4);

	if (!p)
		return NULL;
	if (target[0] == '/')
		strcpy(p, target + 1);
	else if (!strncmp(target, "xl/", 3))
		strcpy(p, target);
	else
		sprintf(p, "xl/%s", target);
	return p;
}

static void rels_start(void *ctx, const XML_Char *name, const XML_Char **atts)
{
	struct part *pt = ctx;
	struct xlsxread *x = pt->x;
	const char *id = attr(atts, "Id"), *target = attr(atts, "Target");

	if (strcmp(local(name), "Relationship") || !id || !target)
		return;
	for (size_t i = 0; i < x->n_sheets; i++) {
		if (strcmp(x->sheets[i].rid, id))
			continue;
		char *path = part_path(target);
		if (!path)
			{ fail_nomem(pt); return; }
		free(x->sheets[i].rid);
		x->sheets[i].rid = path;
	}
}

/* ---- shared strings ---------------------------------------------------------------- */

static void sst_start(void *ctx, const XML_Char *name, const XML_Char **atts)
{
	struct part *pt = ctx;
	const char *n = local(name);

	(void)atts;
	if (!strcmp(n, "si")) {
		pt->len = 0;
		pt->collect = true;
		if (pt->text)
			pt->text[0] = 0;
	} else if (!strcmp(n, "rPh")) {
		pt->skip++;
	}
}

static void sst_end(void *ctx, const XML_Char *name)
{
	struct part *pt = ctx;
	struct xlsxread *x = pt->x;
	const char *n = local(name);

	if (!strcmp(n, "rPh")) {
		pt->skip--;
		return;
	}
	if (strcmp(n, "si"))
		return;
	pt->collect = false;
	if (x->n_strings >= GRID_MAX_CELLS)
		{ fail(pt, _("too many shared strings")); return; }
	if (mem_grow(&x->string_at, &x->cap_strings, x->n_strings + 1, sizeof *x->string_at, 256) ||
	    (x->len + pt->len + 1 > x->room &&
	     mem_grow(&x->strings, &x->room, x->len + pt->len + 1, 1, 4096)))
		{ fail_nomem(pt); return; }
	memcpy(x->strings + x->len, pt->text ? pt->text : "", pt->len);
	x->strings[x->len + pt->len] = 0;
	x->string_at[x->n_strings++] = x->len;
	x->len += pt->len + 1;
}

/* ---- styles: which cell styles show a number as a date ------------------------------ */

/* Excel's built-in number formats that show a date (times alone are not dates). */
static bool builtin_date(unsigned long id)
{
	return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) ||
	       (id >= 50 && id <= 58);
}

/* Does a format code show a date?  Its d or y outside quotes, escapes and
 * [brackets] (colours, locales, elapsed hours) say so. */
static bool code_is_date(const char *s)
{
	for (; *s; s++) {
		if (*s == '"') {
			while (s[1] && s[1] != '"')
				s++;
			s += s[1] != 0;
		} else if (*s == '\\' && s[1]) {
			s++;
		} else if (*s == '[') {
			while (s[1] && s[1] != ']')
				s++;
		} else if (*s == 'd' || *s == 'D' || *s == 'y' || *s == 'Y') {
			return true;
		}
	}
	return false;
}

static bool format_is_date(const struct xlsxread *x, unsigned long id)
{
	if (builtin_date(id))
		return true;
	for (size_t i = 0; i < x->n_formats; i++)
		if (x->date_formats[i] == id)
			return true;
	return false;
}

static void styles_start(void *ctx, const XML_Char *name, const XML_Char **atts)
{
	struct part *pt = ctx;
	struct xlsxread *x = pt->x;
	const char *n = local(name), *id = attr(atts, "numFmtId"), *code;

	if (!strcmp(n, "cellXfs")) {
		pt->in_xfs = true;
	} else if (!strcmp(n, "numFmt") && id && (code = attr(atts, "formatCode")) &&
		   code_is_date(code)) {
		if (x->n_formats >= MAX_STYLES)
			{ fail(pt, _("too many number formats")); return; }
		if (mem_grow(&x->date_formats, &x->cap_formats, x->n_formats + 1,
			     sizeof *x->date_formats, 16))
			{ fail_nomem(pt); return; }
		x->date_formats[x->n_formats++] = (uint32_t)strtoul(id, NULL, 10);
	} else if (!strcmp(n, "xf") && pt->in_xfs) {
		if (x->n_styles >= MAX_STYLES)
			{ fail(pt, _("too many cell styles")); return; }
		if (mem_grow(&x->date_style, &x->cap_styles, x->n_styles + 1, 1, 64))
			{ fail_nomem(pt); return; }
		x->date_style[x->n_styles++] = id && format_is_date(x, strtoul(id, NULL, 10));
	}
}

static void styles_end(void *ctx, const XML_Char *name)
{
	struct part *pt = ctx;

	if (!strcmp(local(name), "cellXfs"))
		pt->in_xfs = false;
}

/* ---- opening --------------------------------------------------------------------------- */

int xlsxread_open(const void *data, size_t len, struct xlsxread **out, struct err *e)
{
	struct xlsxread *x = calloc(1, sizeof *x);
	struct part pt = { .x = x, .e = e };
	zip_source_t *src;
	zip_error_t ze;

	*out = NULL;
	if (!x)
		return err_nomem(e);
	zip_error_init(&ze);
	if (!(src = zip_source_buffer_create(data, len, 0, &ze)) ||
	    !(x->zip = zip_open_from_source(src, ZIP_RDONLY, &ze))) {
		err_set(e, ERR_INVALID, _("The file is not an Excel workbook (.xlsx): %s."),
			zip_error_strerror(&ze));
		if (src)
			zip_source_free(src);
		zip_error_fini(&ze);
		xlsxread_close(x);
		return -1;
	}
	zip_error_fini(&ze);
	if (read_part(&pt, "xl/workbook.xml", false, workbook_start, no_end) ||
	    read_part(&pt, "xl/_rels/workbook.xml.rels", false, rels_start, no_end) ||
	    read_part(&pt, "xl/sharedStrings.xml", true, sst_start, sst_end) ||
	    read_part(&pt, "xl/styles.xml", true, styles_start, styles_end)) {
		free(pt.text);
		xlsxread_close(x);
		return -1;
	}
	free(pt.text);
	if (!x->n_sheets) {
		xlsxread_close(x);
		return err_set(e, ERR_INVALID, _("The workbook has no sheet."));
	}
	*out = x;
	return 0;
}

size_t xlsxread_sheets(const struct xlsxread *x)
{
	return x->n_sheets;
}

const char *xlsxread_sheet_name(const struct xlsxread *x, size_t i)
{
	return i < x->n_sheets ? x->sheets[i].name : NULL;
}

void xlsxread_close(struct xlsxread *x)
{
	if (!x)
		return;
	if (x->zip)
		zip_discard(x->zip);
	for (size_t i = 0; i < x->n_sheets; i++) {
		free(x->sheets[i].name);
		free(x->sheets[i].rid);
	}
	free(x->sheets);
	free(x->strings);
	free(x->string_at);
	free(x->date_style);
	free(x->date_formats);
	free(x);
}

/* ---- a sheet --------------------------------------------------------------------------- */

/* The cell just ended, as text into the grid. */
static void put_cell(struct part *pt)
{
	struct xlsxread *x = pt->x;
	const char *t = pt->type, *v = pt->text ? pt->text : "";
	char date[11];
	size_t len = pt->len;

	if (!pt->has_value || !pt->row || !pt->col)
		return;
	if (!strcmp(t, "s")) {
		char *end;
		unsigned long k = strtoul(v, &end, 10);
		if (end == v || *end || k >= x->n_strings)
			{ fail(pt, _("a cell names a shared string that is not there")); return; }
		v = x->strings + x->string_at[k];
		len = strlen(v);
	} else if (!strcmp(t, "b")) {
		v = !strcmp(v, "1") ? "TRUE" : "FALSE";
		len = strlen(v);
	} else if (!strcmp(t, "d")) {
		len = len > 10 ? 10 : len; /* an ISO date and time: the date */
	} else if ((!*t || !strcmp(t, "n")) && pt->style >= 0 && (size_t)pt->style < x->n_styles &&
		   x->date_style[pt->style]) {
		char *end;
		double d = strtod(v, &end);
		if (end != v && !*end && !grid_serial_date(d, x->base1904, date)) {
			v = date;
			len = strlen(date);
		}
	}
	if (grid_set(pt->g, pt->row, pt->col, v, len, pt->e))
		fail_set(pt);
}

static void sheet_start(void *ctx, const XML_Char *name, const XML_Char **atts)
{
	struct part *pt = ctx;
	const char *n = local(name), *r, *s, *t;
	uint32_t row, col;

	if (pt->failed)
		return;
	if (!strcmp(n, "row")) {
		r = attr(atts, "r");
		pt->row = r ? (uint32_t)strtoul(r, NULL, 10) : pt->row + 1;
		pt->col = 0;
		if (!pt->row || pt->row > GRID_MAX_ROW)
			fail(pt, _("a row number is out of range"));
	} else if (!strcmp(n, "c")) {
		r = attr(atts, "r");
		if (r && !grid_parse_ref(r, &row, &col))
			pt->col = col, pt->row = row;
		else
			pt->col++;
		t = attr(atts, "t");
		snprintf(pt->type, sizeof pt->type, "%s", t ? t : "");
		s = attr(atts, "s");
		pt->style = s ? (long)strtoul(s, NULL, 10) : -1;
		pt->has_value = false;
		pt->len = 0;
		if (pt->text)
			pt->text[0] = 0;
	} else if (!strcmp(n, "v") || !strcmp(n, "is")) {
		pt->collect = true;
		pt->has_value = true;
	} else if (!strcmp(n, "rPh")) {
		pt->skip++;
	} else if (!strcmp(n, "mergeCell") && (r = attr(atts, "ref"))) {
		char a[16], b[16];
		uint32_t r1, c1, r2, c2;
		const char *colon = strchr(r, ':');
		if (!colon || colon - r >= 16 || strlen(colon + 1) >= 16)
			return;
		snprintf(a, sizeof a, "%.*s", (int)(colon - r), r);
		snprintf(b, sizeof b, "%s", colon + 1);
		if (!grid_parse_ref(a, &r1, &c1) && !grid_parse_ref(b, &r2, &c2) &&
		    grid_merge(pt->g, r1, c1, r2, c2, pt->e))
			fail_set(pt);
	}
}

static void sheet_end(void *ctx, const XML_Char *name)
{
	struct part *pt = ctx;
	const char *n = local(name);

	if (pt->failed)
		return;
	if (!strcmp(n, "v") || !strcmp(n, "is"))
		pt->collect = false;
	else if (!strcmp(n, "rPh"))
		pt->skip--;
	else if (!strcmp(n, "c"))
		put_cell(pt);
}

int xlsxread_sheet(struct xlsxread *x, size_t i, struct csvio_table *t, struct err *e)
{
	struct grid g = { 0 };
	struct part pt = { .x = x, .e = e, .g = &g };
	int rc;

	memset(t, 0, sizeof *t);
	if (i >= x->n_sheets)
		return err_set(e, ERR_NOTFOUND, _("The workbook has no sheet %zu."), i + 1);
	rc = read_part(&pt, x->sheets[i].rid, false, sheet_start, sheet_end);
	free(pt.text);
	if (!rc)
		rc = grid_table(&g, t, e);
	grid_free(&g);
	return rc;
}
