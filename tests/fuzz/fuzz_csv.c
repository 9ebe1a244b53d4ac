/* fuzz_csv.c - libFuzzer entry for the CSV reader and the import (see targets.h). */
#include "targets.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *bad = fuzz_csv(data, size);

	if (bad) {
		fprintf(stderr, "fuzz_csv: %s\n", bad);
		abort();
	}
	return 0;
}
