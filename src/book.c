/* book.c - see book.h.  The only file that includes freexl.h. */
#include "book.h"

#include <errno.h>
#include <fcntl.h>
#include <freexl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "grid.h"
#include "i18n.h"
#include "sheet.h"
#include "xlsxread.h"

struct book {
	enum book_kind kind;
	char *path;
	char *data;             /* the file's bytes (CSV, .xlsx); owned when `own` */
	size_t len;
	bool own;
	struct xlsxread *xlsx;
	const void *xls;        /* libfreexl's handle */
	unsigned n_xls_sheets;
};

enum book_kind book_sniff(const void *data, size_t len)
{
	static const unsigned char ole2[] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

	if (len >= 4 && !memcmp(data, "PK\x03\x04", 4))
		return BOOK_XLSX;
	if (len >= sizeof ole2 && !memcmp(data, ole2, sizeof ole2))
		return BOOK_XLS;
	return BOOK_CSV;
}

/* The whole of a regular file, at most BOOK_MAX_BYTES.  0, or -1 with e. */
static int slurp(const char *path, char **data, size_t *len, struct err *e)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	struct stat st;
	size_t got = 0;
	char *buf;

	if (fd < 0)
		return err_set(e, errno == ENOENT ? ERR_NOTFOUND : ERR_IO, _("Cannot open %s: %s."),
			       path, i18n_strerror(errno));
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		close(fd);
		return err_set(e, ERR_IO, _("Cannot read %s: it is not a regular file."), path);
	}
	if ((unsigned long long)st.st_size > BOOK_MAX_BYTES) {
		close(fd);
		return err_set(e, ERR_INVALID, _("%s is larger than %u MB; split it into smaller "
						 "files."), path, BOOK_MAX_BYTES >> 20);
	}
	if (!(buf = malloc((size_t)st.st_size + 1))) {
		close(fd);
		return err_nomem(e);
	}
	while (got < (size_t)st.st_size) {
		ssize_t n = read(fd, buf + got, (size_t)st.st_size - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	if (got != (size_t)st.st_size) {
		free(buf);
		return err_set(e, ERR_IO, _("Cannot read %s."), path);
	}
	*data = buf;
	*len = got;
	return 0;
}

static int open_xls(struct book *wb, struct err *e)
{
	unsigned n = 0;
	int rc = freexl_open(wb->path, &wb->xls);

	if (rc == FREEXL_INSUFFICIENT_MEMORY)
		return err_nomem(e);
	if (rc != FREEXL_OK || freexl_get_info(wb->xls, FREEXL_BIFF_SHEET_COUNT, &n) != FREEXL_OK)
		return err_set(e, ERR_INVALID, _("The file is not an Excel 97-2003 workbook (.xls) "
						 "or it is damaged (libfreexl error %d)."), rc);
	if (freexl_get_info(wb->xls, FREEXL_BIFF_PASSWORD, &n) == FREEXL_OK &&
	    n == FREEXL_BIFF_OBFUSCATED)
		return err_set(e, ERR_INVALID, _("The workbook is protected by a password: save it "
						 "without one."));
	freexl_get_info(wb->xls, FREEXL_BIFF_SHEET_COUNT, &n);
	if (!n)
		return err_set(e, ERR_INVALID, _("The workbook has no sheet."));
	wb->n_xls_sheets = n;
	return 0;
}

int book_open_mem(const char *path, const void *data, size_t len, struct book **out,
		      struct err *e)
{
	struct book *wb = calloc(1, sizeof *wb);
	int rc = 0;

	*out = NULL;
	if (!wb || !(wb->path = strdup(path))) {
		free(wb);
		return err_nomem(e);
	}
	wb->data = (char *)data;
	wb->len = len;
	wb->kind = book_sniff(data, len);
	if (wb->kind == BOOK_XLSX)
		rc = xlsxread_open(data, len, &wb->xlsx, e);
	else if (wb->kind == BOOK_XLS)
		rc = open_xls(wb, e);
	if (rc) {
		book_close(wb);
		return -1;
	}
	*out = wb;
	return 0;
}

int book_open(const char *path, struct book **out, struct err *e)
{
	char *data = NULL;
	size_t len = 0;

	*out = NULL;
	if (slurp(path, &data, &len, e))
		return -1;
	if (book_open_mem(path, data, len, out, e)) {
		free(data);
		return -1;
	}
	(*out)->own = true;
	return 0;
}

enum book_kind book_kind(const struct book *wb)
{
	return wb->kind;
}

size_t book_sheets(const struct book *wb)
{
	switch (wb->kind) {
	case BOOK_XLSX:
		return xlsxread_sheets(wb->xlsx);
	case BOOK_XLS:
		return wb->n_xls_sheets;
	default:
		return 1;
	}
}

const char *book_sheet_name(const struct book *wb, size_t i)
{
	const char *name = NULL;

	if (i >= book_sheets(wb))
		return NULL;
	if (wb->kind == BOOK_XLSX)
		return xlsxread_sheet_name(wb->xlsx, i);
	if (wb->kind == BOOK_XLS &&
	    freexl_get_worksheet_name(wb->xls, (unsigned short)i, &name) == FREEXL_OK && name)
		return name;
	return "";
}

int book_find_sheet(const struct book *wb, const char *spec, size_t *i, struct err *e)
{
	size_t n = book_sheets(wb);
	char *end, list[1024];
	unsigned long k = strtoul(spec, &end, 10);
	size_t len = 0;

	for (size_t s = 0; s < n; s++) {
		int same = sheet_same_name(book_sheet_name(wb, s), spec);
		if (same == ERR_RC_NOMEM)
			return err_nomem(e);
		if (same > 0) {
			*i = s;
			return 0;
		}
	}
	if (*spec && !*end && k >= 1 && k <= n) {
		*i = k - 1;
		return 0;
	}
	list[0] = 0;
	for (size_t s = 0; s < n; s++) {
		int w = snprintf(list + len, sizeof list - len, "%s%zu. %s", s ? "; " : "", s + 1,
				 book_sheet_name(wb, s));
		if (w < 0 || (size_t)w >= sizeof list - len)
			break;
		len += (size_t)w;
	}
	return err_set(e, ERR_NOTFOUND, _("The file has no sheet \"%s\". Its sheets are: %s."),
		       spec, list);
}

/* A CSV file as a sheet: its first row goes back among the rows. */
static int csv_sheet(struct book *wb, struct csvio_table *t, struct err *e)
{
	struct csvio_row *rows;

	if (csvio_read(wb->data, wb->len, t, e))
		return -1;
	if (!(rows = realloc(t->rows, (t->n_rows + 1) * sizeof *rows))) {
		csvio_table_free(t);
		return err_nomem(e);
	}
	memmove(rows + 1, rows, t->n_rows * sizeof *rows);
	rows[0] = t->header;
	t->rows = rows;
	t->n_rows++;
	memset(&t->header, 0, sizeof t->header);
	return 0;
}

/* One .xls cell's value as text into the grid. */
static int xls_cell(struct grid *g, uint32_t row, uint32_t col, const FreeXL_CellValue *v,
		    struct err *e)
{
	char num[40];
	const char *s = num;
	size_t len;

	switch (v->type) {
	case FREEXL_CELL_INT:
		snprintf(num, sizeof num, "%d", v->value.int_value);
		break;
	case FREEXL_CELL_DOUBLE:
		snprintf(num, sizeof num, "%.15g", v->value.double_value);
		break;
	case FREEXL_CELL_TEXT:
	case FREEXL_CELL_SST_TEXT:
	case FREEXL_CELL_DATE:
	case FREEXL_CELL_DATETIME:
	case FREEXL_CELL_TIME:
		s = v->value.text_value ? v->value.text_value : "";
		break;
	default:
		return 0;
	}
	len = strlen(s);
	if (v->type == FREEXL_CELL_DATETIME && len > 10)
		len = 10; /* the date, without the time of day */
	return grid_set(g, row, col, s, len, e);
}

static int xls_sheet(struct book *wb, size_t i, struct csvio_table *t, struct err *e)
{
	struct grid g = { 0 };
	unsigned rows = 0;
	unsigned short cols = 0;
	FreeXL_CellValue v;

	if (freexl_select_active_worksheet(wb->xls, (unsigned short)i) != FREEXL_OK ||
	    freexl_worksheet_dimensions(wb->xls, &rows, &cols) != FREEXL_OK)
		return err_set(e, ERR_INVALID, _("The workbook is damaged: sheet %zu cannot be "
						 "read."), i + 1);
	if (rows > GRID_MAX_ROW)
		rows = GRID_MAX_ROW;
	if (cols > GRID_MAX_COL)
		cols = GRID_MAX_COL;
	for (unsigned r = 0; r < rows; r++)
		for (unsigned short c = 0; c < cols; c++)
			if (freexl_get_cell_value(wb->xls, r, c, &v) == FREEXL_OK &&
			    xls_cell(&g, r + 1, c + 1u, &v, e)) {
				grid_free(&g);
				return -1;
			}
	return grid_table(&g, t, e);
}

int book_sheet(struct book *wb, size_t i, struct csvio_table *t, struct err *e)
{
	memset(t, 0, sizeof *t);
	if (i >= book_sheets(wb))
		return err_set(e, ERR_NOTFOUND, _("The workbook has no sheet %zu."), i + 1);
	switch (wb->kind) {
	case BOOK_XLSX:
		return xlsxread_sheet(wb->xlsx, i, t, e);
	case BOOK_XLS:
		return xls_sheet(wb, i, t, e);
	default:
		return csv_sheet(wb, t, e);
	}
}

void book_close(struct book *wb)
{
	if (!wb)
		return;
	xlsxread_close(wb->xlsx);
	if (wb->xls)
		freexl_close(wb->xls);
	if (wb->own)
		free(wb->data);
	free(wb->path);
	free(wb);
}
