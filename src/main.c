/* main.c - dienhinh: the register of advanced exemplars of thị xã Ngã Năm. */
#include "cli.h"

int main(int argc, char **argv)
{
	return cli_main(argc, argv);
}
