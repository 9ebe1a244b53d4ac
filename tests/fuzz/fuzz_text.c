/* fuzz_text.c - libFuzzer entry for the text normaliser (see targets.h). */
#include "targets.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *bad = fuzz_text(data, size);

	if (bad) {
		fprintf(stderr, "fuzz_text: %s\n", bad);
		abort();
	}
	return 0;
}
