/* fuzz_config.c - libFuzzer entry for the config loader (see targets.h). */
#include "targets.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *bad = fuzz_config(data, size);

	if (bad) {
		fprintf(stderr, "fuzz_config: %s\n", bad);
		abort();
	}
	return 0;
}
