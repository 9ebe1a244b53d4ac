/* mem.c - see mem.h. */
#include "mem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int mem_grow(void *array, size_t *cap, size_t need, size_t size, size_t first)
{
	size_t c = *cap ? *cap : first ? first : 1, bytes;
	void *old, *grown;

	if (need <= *cap)
		return 0;
	while (c < need) {
		if (c > SIZE_MAX / 2)
			return -1;
		c *= 2;
	}
	if (size && c > SIZE_MAX / size)
		return -1;
	bytes = c * size;
	/* The caller's pointer is a T *, read and written as the void * it converts to. */
	memcpy(&old, array, sizeof old);
	if (!(grown = realloc(old, bytes ? bytes : 1)))
		return -1;
	memcpy(array, &grown, sizeof grown);
	*cap = c;
	return 0;
}
