/* report_file.c - see report_file.h. */
#include "report_file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "docx.h"
#include "xlsx.h"

int report_file_format(const char *name, enum report_format *out)
{
	static const char *names[] = { "text", "csv", "xlsx", "docx" };

	for (int i = 0; i < 4; i++)
		if (strcmp(name, names[i]) == 0) {
			*out = (enum report_format)i;
			return 0;
		}
	return -1;
}

int report_file_guess(const char *path, enum report_format dflt, enum report_format *out)
{
	/* Documents people ask for by name that are none of ours: a report in
	 * them would be text or CSV under a name that cannot open it. */
	static const char *const foreign[] = { ".pdf", ".doc", ".odt", ".rtf",
					       ".xls", ".xlsm", ".ods", ".html", ".htm" };
	const char *base = path ? strrchr(path, '/') : NULL;
	const char *dot = path ? strrchr(base ? base : path, '.') : NULL;

	*out = dflt;
	if (!dot)
		return 0;
	if (strcasecmp(dot, ".xlsx") == 0)
		*out = REPORT_FORMAT_XLSX;
	else if (strcasecmp(dot, ".docx") == 0)
		*out = REPORT_FORMAT_DOCX;
	else if (strcasecmp(dot, ".csv") == 0)
		*out = REPORT_FORMAT_CSV;
	for (size_t i = 0; i < sizeof foreign / sizeof foreign[0]; i++)
		if (strcasecmp(dot, foreign[i]) == 0)
			return -1;
	return 0;
}

/* Text or CSV into the open temporary file `fd` (closed here). */
static int write_stream(const struct report *rp, enum report_format fmt, int fd, int width,
			bool bom, const char *path, struct err *e)
{
	FILE *f = fdopen(fd, "w");
	int rc;

	if (!f) {
		close(fd);
		return err_set(e, ERR_IO, _("Cannot create %s: %s."), path, i18n_strerror(errno));
	}
	rc = fmt == REPORT_FORMAT_CSV ? report_write_csv(rp, f, bom, e)
				      : report_write_text(rp, f, width, e);
	if (fclose(f) && !rc)
		rc = err_set(e, ERR_IO, _("Cannot write %s: %s."), path, i18n_strerror(errno));
	return rc;
}

int report_file_write(const struct report *rp, enum report_format fmt, const char *path,
		      int width, bool bom, struct err *e)
{
	char *tmp = NULL;
	struct stat old;
	mode_t mask;
	int fd, rc;

	if (asprintf(&tmp, "%s.XXXXXX", path) < 0)
		return err_nomem(e);
	if ((fd = mkstemp(tmp)) < 0) {
		rc = err_set(e, ERR_IO, _("Cannot create %s: %s."), path, i18n_strerror(errno));
		free(tmp);
		return rc;
	}
	/* mkstemp makes the file private; a report gets the usual permissions, and
	 * one written over a file keeps that file's (a person who made it private
	 * means it to stay so). */
	mask = umask(0);
	umask(mask);
	if (stat(path, &old) == 0 && S_ISREG(old.st_mode))
		fchmod(fd, old.st_mode & 0777);
	else
		fchmod(fd, 0666 & ~mask);
	if (fmt == REPORT_FORMAT_XLSX || fmt == REPORT_FORMAT_DOCX) {
		close(fd);
		rc = fmt == REPORT_FORMAT_XLSX ? xlsx_write_report(rp, tmp, e)
					       : docx_write_report(rp, tmp, e);
	} else {
		rc = write_stream(rp, fmt, fd, width, bom, path, e);
	}
	if (!rc && rename(tmp, path))
		rc = err_set(e, ERR_IO, _("Cannot write %s: %s."), path, i18n_strerror(errno));
	if (rc)
		unlink(tmp);
	free(tmp);
	return rc;
}
