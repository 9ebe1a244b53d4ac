/*
 * cli_admin.h - commands about the database itself, what it is set up with
 * and who works in it: init, units, periods, whoami, log, check, backup,
 * restore.
 */
#ifndef DIENHINH_CLI_ADMIN_H
#define DIENHINH_CLI_ADMIN_H

#include "cli.h"

int cli_admin_init(struct cli *c, int argc, char **argv);
int cli_admin_units(struct cli *c, int argc, char **argv);
int cli_admin_periods(struct cli *c, int argc, char **argv);
int cli_admin_whoami(struct cli *c, int argc, char **argv);
int cli_admin_log(struct cli *c, int argc, char **argv);
int cli_admin_check(struct cli *c, int argc, char **argv);
int cli_admin_backup(struct cli *c, int argc, char **argv);
int cli_admin_restore(struct cli *c, int argc, char **argv);

#endif
