/*
 * cli_exemplar.h - commands about exemplars and the quotas they fill:
 * add, edit, list, show, quota.
 */
#ifndef DIENHINH_CLI_EXEMPLAR_H
#define DIENHINH_CLI_EXEMPLAR_H

#include "cli.h"

int cli_exemplar_add(struct cli *c, int argc, char **argv);
int cli_exemplar_edit(struct cli *c, int argc, char **argv);
int cli_exemplar_list(struct cli *c, int argc, char **argv);
int cli_exemplar_show(struct cli *c, int argc, char **argv);
int cli_exemplar_quota(struct cli *c, int argc, char **argv);

#endif
