/*
 * mem.h - growing arrays.
 *
 * An array appended to one element at a time, with its capacity kept
 * beside it, grows by doubling: n appends then copy O(n) elements in all,
 * where growing by one would copy O(n^2).  mem_grow does it for all of
 * them, and refuses a size that would overflow.
 */
#ifndef DIENHINH_MEM_H
#define DIENHINH_MEM_H

#include <stddef.h>

/*
 * Make room for `need` elements of `size` bytes in the array whose pointer
 * is at `array` (a T **, NULL for none yet) and whose capacity, in
 * elements, is *cap: when need > *cap, the capacity doubles, from `first`
 * (at least 1), until it holds them.  0, or -1 when out of memory or too
 * large, with the array and *cap left as they were.
 */
int mem_grow(void *array, size_t *cap, size_t need, size_t size, size_t first);

#endif
