/*
 * xalloc.h: allocation that never returns NULL.
 *
 * Memory policy (decided once): running out of memory aborts the process.
 * This is safe because no allocation size is ever taken from input without
 * a limit first (see buf.h and the CSV reader's limits).
 */
#ifndef CARTREF_XALLOC_H
#define CARTREF_XALLOC_H

#include "base/compat.h"

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
/* Reallocate an array of nmemb items of size bytes, checking overflow. */
void *xreallocarray(void *p, size_t nmemb, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/*
 * ALLOC_GROW(array, nr, alloc): make room for nr items in array, whose
 * capacity is alloc, growing it geometrically (git's ALLOC_GROW).
 */
#define ALLOC_GROW(x, nr, alloc)                                          \
	do {                                                              \
		if ((size_t)(nr) > (size_t)(alloc)) {                     \
			size_t alloc_grow_n_ = ((size_t)(alloc) + 16) * 3 / 2; \
			if (alloc_grow_n_ < (size_t)(nr))                  \
				alloc_grow_n_ = (size_t)(nr);              \
			(x) = xreallocarray((x), alloc_grow_n_, sizeof(*(x))); \
			(alloc) = alloc_grow_n_;                           \
		}                                                         \
	} while (0)

#endif
