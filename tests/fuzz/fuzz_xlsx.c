/* fuzz_xlsx.c - libFuzzer entry for the .xlsx reader and its import (see targets.h). */
#include "targets.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *bad = fuzz_xlsx(data, size);

	if (bad) {
		fprintf(stderr, "fuzz_xlsx: %s\n", bad);
		abort();
	}
	return 0;
}
