/* fuzz_xls.c - libFuzzer entry for the .xls reader and its import (see targets.h). */
#include "targets.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *bad = fuzz_xls(data, size);

	if (bad) {
		fprintf(stderr, "fuzz_xls: %s\n", bad);
		abort();
	}
	return 0;
}
