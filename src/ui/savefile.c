/* savefile.c - reports saved into the person's home directory; see ui/savefile.h. */
#include "ui/savefile.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "identity.h"

int ui_savefile_home(char *buf, size_t size, struct err *e)
{
	struct passwd *pw = getpwuid(getuid());

	if (!pw || !pw->pw_dir || !*pw->pw_dir)
		return err_set(e, ERR_NOTFOUND, _("Your account (user id %u) has no home directory "
						  "to save the report in; please ask the "
						  "administrator."), (unsigned)getuid());
	if (strlen(pw->pw_dir) >= size)
		return err_set(e, ERR_IO, _("The name of your home directory is too long: %.300s"),
			       pw->pw_dir);
	snprintf(buf, size, "%s", pw->pw_dir);
	return 0;
}

const char *ui_savefile_ext(enum report_format fmt)
{
	switch (fmt) {
	case REPORT_FORMAT_XLSX: return ".xlsx";
	case REPORT_FORMAT_DOCX: return ".docx";
	case REPORT_FORMAT_CSV: return ".csv";
	default: return ".txt";
	}
}

/* Why `dir` took no file, in words a person can act on (errno as open() left it). */
static int refused(const char *dir, struct err *e)
{
	int why = errno;

	switch (why) {
	case ENOENT: case ENOTDIR:
		return err_set(e, ERR_NOTFOUND, _("The folder %s does not exist, so the report "
						  "was not saved; please ask the administrator."),
			       dir);
	case EACCES: case EPERM: case EROFS:
		return err_set(e, ERR_DENIED, _("You may not create files in the folder %s, so "
						"the report was not saved."), dir);
	case ENOSPC: case EDQUOT:
		return err_set(e, ERR_FULL, _("There is no room left for you in %s, so the "
					      "report was not saved; delete some old files."), dir);
	default:
		return err_set(e, ERR_IO, _("Cannot save the report in %s: %s."), dir,
			       i18n_strerror(why));
	}
}

/* Claim the first free name with an empty file of our own (O_EXCL: never an existing one). */
static int claim(const char *dir, const char *base, const char *ext, char *path, size_t size,
		 struct err *e)
{
	for (int n = 1; n <= UI_SAVEFILE_TRIES; n++) {
		int len = n == 1 ? snprintf(path, size, "%s/%s%s", dir, base, ext)
				 : snprintf(path, size, "%s/%s-%d%s", dir, base, n, ext);
		if (len < 0 || (size_t)len >= size)
			return err_set(e, ERR_IO, _("The name of your home directory is too long: "
						    "%.300s"), dir);
		int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
		if (fd >= 0) {
			close(fd);
			return 0;
		}
		if (errno != EEXIST)
			return refused(dir, e);
	}
	return err_set(e, ERR_FULL, _("The folder %s already holds %d files named %s; please "
				      "move some of them away."), dir, UI_SAVEFILE_TRIES, base);
}

int ui_savefile_report(const struct report *rp, enum report_format fmt, const char *dir,
		       const char *base, int width, char *path, size_t size, struct err *e)
{
	/*
	 * The group goes for good, as on the command line, not just around the
	 * write: the session still needs its database, but only through what
	 * LMDB opened and mapped at start, and reads, writes, map growth and the
	 * reader check all work through those descriptors without the group.
	 * What the session loses is looking files up inside the data directory
	 * by name, which no screen does.  (Forking a writer instead is out: LMDB
	 * forbids fork() with an open environment.)
	 */
	if (identity_drop_privilege(e) || claim(dir, base, ui_savefile_ext(fmt), path, size, e))
		return -1;
	/* The claim is ours and still empty: the finished report is renamed over it. */
	if (report_file_write(rp, fmt, path, width, fmt == REPORT_FORMAT_CSV, e)) {
		unlink(path);
		return -1;
	}
	return 0;
}
