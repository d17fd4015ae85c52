/*
 * buf.h: a growable, always NUL-terminated byte buffer with a size limit.
 *
 * Modelled on git's strbuf with curl's dynbuf rule: every buffer has a
 * maximum length and an append that would pass it fails.  Failures are
 * sticky (like SQLite's string builder): after one, further appends do nothing and
 * buf_error() reports ERR_TOO_LARGE, so long rendering code can stay linear
 * and check once at the end.
 *
 *	struct buf b = BUF_INIT(4096);
 *	buf_adds(&b, "hello");
 *	buf_addf(&b, " %d", 42);
 *	if (buf_error(&b)) ...;
 *	use(b.buf, b.len);
 *	buf_release(&b);
 *
 * b.buf is never NULL: an empty buffer points at a shared "" until the
 * first append.  Fields are read-only to callers.
 */
#ifndef CARTREF_BUF_H
#define CARTREF_BUF_H

#include "base/compat.h"

struct buf {
	char *buf;	/* contents, NUL-terminated */
	size_t len;	/* bytes used, excluding the NUL */
	size_t alloc;	/* private: bytes allocated (0: points at buf_empty) */
	size_t max;	/* private: largest len allowed */
	int err;	/* private: sticky error (0 or ERR_TOO_LARGE) */
};

extern char buf_empty[];
#define BUF_INIT(maxlen) { buf_empty, 0, 0, (maxlen), 0 }
#define BUF_MAX_DEFAULT ((size_t)64 << 20)

void buf_init(struct buf *b, size_t max);
/* Free the contents and reinitialise with the same limit. */
void buf_release(struct buf *b);
/* Empty the buffer, keeping its memory and clearing any error. */
void buf_reset(struct buf *b);
/* Take ownership of the contents (malloc'd, NUL-terminated); b is reset. */
char *buf_detach(struct buf *b, size_t *len);

/* Appends: return 0, or ERR_TOO_LARGE (also recorded as sticky). */
int buf_add(struct buf *b, const void *data, size_t len);
int buf_adds(struct buf *b, const char *s);
int buf_addch(struct buf *b, char c);
int buf_addf(struct buf *b, const char *fmt, ...) PRINTF_LIKE(2, 3);
int buf_vaddf(struct buf *b, const char *fmt, va_list ap);
/* Shorten to len bytes (len <= b->len). */
void buf_setlen(struct buf *b, size_t len);

static inline int buf_error(const struct buf *b)
{
	return b->err;
}

#endif
