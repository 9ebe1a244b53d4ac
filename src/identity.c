/* identity.c - see identity.h. */
#include "identity.h"

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "self.h"

int identity_user(char out[USER_MAX + 1], struct err *e)
{
	const char *env = self_privileged() ? NULL : getenv("DIENHINH_USER");
	struct passwd *pw;

	if (env && *env) {
		if (strlen(env) > USER_MAX)
			return err_set(e, ERR_USAGE, _("DIENHINH_USER is too long."));
		snprintf(out, USER_MAX + 1, "%s", env);
		return 0;
	}
	errno = 0;
	pw = getpwuid(getuid());
	if (!pw || strlen(pw->pw_name) > USER_MAX)
		return err_set(e, ERR_DENIED, _("Cannot find the account of user id %u."),
			       (unsigned)getuid());
	snprintf(out, USER_MAX + 1, "%s", pw->pw_name);
	return 0;
}

int identity_drop_privilege(struct err *e)
{
	gid_t g = getgid();
	uid_t u = getuid();
	gid_t rg, eg, sg;
	uid_t ru, eu, su;

	/* setresgid, not setgid: without CAP_SETGID, setgid() changes only the
	 * effective group and the saved one could bring the privilege back. */
	if (setresgid(g, g, g) || setresuid(u, u, u) || getresgid(&rg, &eg, &sg) ||
	    getresuid(&ru, &eu, &su) || rg != g || eg != g || sg != g || ru != u || eu != u ||
	    su != u)
		return err_set(e, ERR_IO, _("Cannot give up the program's privileges: %s."),
			       i18n_strerror(errno));
	return 0;
}

int identity_as_person(struct err *e)
{
	if (setresgid((gid_t)-1, getgid(), (gid_t)-1) || setresuid((uid_t)-1, getuid(), (uid_t)-1) ||
	    getegid() != getgid() || geteuid() != getuid())
		return e ? err_set(e, ERR_IO, _("Cannot act with your own rights: %s."),
				   i18n_strerror(errno)) : -1;
	return 0;
}

int identity_as_program(struct err *e)
{
	gid_t rg, eg, sg;
	uid_t ru, eu, su;

	/* The saved ids are the program's, as exec set them (or the real ones,
	 * once the privilege is given up for good). */
	if (getresgid(&rg, &eg, &sg) || getresuid(&ru, &eu, &su) ||
	    setresuid((uid_t)-1, su, (uid_t)-1) || setresgid((gid_t)-1, sg, (gid_t)-1))
		return e ? err_set(e, ERR_IO, _("Cannot take the program's rights back: %s."),
				   i18n_strerror(errno)) : -1;
	return 0;
}
