/* fuzz_codec.c - libFuzzer entry for the record decoders (see targets.h). */
#include "targets.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *bad = fuzz_codec(data, size);

	if (bad) {
		fprintf(stderr, "fuzz_codec: %s\n", bad);
		abort();
	}
	return 0;
}
