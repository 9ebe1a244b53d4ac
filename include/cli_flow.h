/*
 * cli_flow.h - commands of the review workflow: review, resubmit, propose,
 * commend, revoke, propagate, and the corrections (reopen, withdraw,
 * propagate --remove).
 */
#ifndef DIENHINH_CLI_FLOW_H
#define DIENHINH_CLI_FLOW_H

#include "cli.h"

int cli_flow_review(struct cli *c, int argc, char **argv);
int cli_flow_resubmit(struct cli *c, int argc, char **argv);
int cli_flow_propose(struct cli *c, int argc, char **argv);
int cli_flow_commend(struct cli *c, int argc, char **argv);
int cli_flow_revoke(struct cli *c, int argc, char **argv);
int cli_flow_propagate(struct cli *c, int argc, char **argv);
int cli_flow_reopen(struct cli *c, int argc, char **argv);
int cli_flow_withdraw(struct cli *c, int argc, char **argv);

#endif
