/* ui.c - the screens; see ui.h. */
#include "ui.h"

#include <stdio.h>

#include "i18n.h"

int ui_main(struct reg *r)
{
	(void)r;
	fprintf(stderr, _("dienhinh: the menu screens are not part of this build yet; "
			  "see \"dienhinh --help\" for the commands.\n"));
	return 1;
}
