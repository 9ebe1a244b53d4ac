/* err.c - see err.h. */
#include "err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"

static void err_vset(struct err *e, enum err_code code, const char *field,
		     const char *fmt, va_list ap) __attribute__((format(printf, 4, 0)));

static void err_vset(struct err *e, enum err_code code, const char *field,
		     const char *fmt, va_list ap)
{
	e->code = code;
	snprintf(e->field, sizeof e->field, "%s", field ? field : "");
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
}

int err_set(struct err *e, enum err_code code, const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return -1;
	va_start(ap, fmt);
	err_vset(e, code, NULL, fmt, ap);
	va_end(ap);
	return -1;
}

int err_set_field(struct err *e, enum err_code code, const char *field,
		  const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return -1;
	va_start(ap, fmt);
	err_vset(e, code, field, fmt, ap);
	va_end(ap);
	return -1;
}

int err_nomem(struct err *e)
{
	/* Said to an office worker: what happened to their work, and what to do. */
	return err_set(e, ERR_NOMEM, _("The server is out of memory: this was not done. Try "
				       "again later, or tell the administrator."));
}

void err_clear(struct err *e)
{
	if (e)
		memset(e, 0, sizeof *e);
}

int err_exit_status(const struct err *e)
{
	return e && e->code == ERR_USAGE ? 2 : 1;
}
