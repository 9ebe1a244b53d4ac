/*
 * cli_files.h - commands that write the register out to files or read
 * files into it: report (quarter, year, plan), export, import.
 */
#ifndef DIENHINH_CLI_FILES_H
#define DIENHINH_CLI_FILES_H

#include "cli.h"

int cli_files_report(struct cli *c, int argc, char **argv);
int cli_files_export(struct cli *c, int argc, char **argv);
int cli_files_import(struct cli *c, int argc, char **argv);

#endif
