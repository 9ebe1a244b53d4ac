/*
 * cli_data.h - commands that move data in and out of the register:
 * report (quarter, year, plan), export, import, backup and restore.
 */
#ifndef DIENHINH_CLI_DATA_H
#define DIENHINH_CLI_DATA_H

#include "cli.h"

int cli_data_report(struct cli *c, int argc, char **argv);
int cli_data_export(struct cli *c, int argc, char **argv);
int cli_data_import(struct cli *c, int argc, char **argv);
int cli_data_backup(struct cli *c, int argc, char **argv);
int cli_data_restore(struct cli *c, int argc, char **argv);

#endif
