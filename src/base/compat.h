/*
 * compat.h: the first include of every .c file in cartref.
 *
 * It pulls in the C library headers nearly every file needs, defines the
 * small set of attribute macros we use, and finally includes banned.h so
 * that risky libc functions fail to compile anywhere in the tree.
 */
#ifndef CARTREF_COMPAT_H
#define CARTREF_COMPAT_H

#define _GNU_SOURCE 1

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PRINTF_LIKE(fmt, args) __attribute__((format(printf, fmt, args)))
#define NORETURN __attribute__((noreturn))
#define UNUSED __attribute__((unused))
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/*
 * BUG() marks a broken invariant: a programming error, never bad input.
 * It aborts with the location so that the sanitizer build shows a trace.
 */
NORETURN void bug_fl(const char *file, int line, const char *fmt, ...)
	PRINTF_LIKE(3, 4);
#define BUG(...) bug_fl(__FILE__, __LINE__, __VA_ARGS__)

#include "base/banned.h"

#endif
