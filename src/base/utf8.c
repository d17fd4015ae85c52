/* utf8.c: strict UTF-8 text without control characters (see utf8.h). */
#include "base/compat.h"
#include "base/utf8.h"

/*
 * Decode one sequence at p[0..n): its length, or 0 when it is not
 * well-formed (Unicode table 3-7: the second byte's range depends on the
 * first, which rules out overlong forms, surrogates and > U+10FFFF).
 */
static size_t decode(const unsigned char *p, size_t n, uint32_t *cp)
{
	unsigned char c = p[0], lo = 0x80, hi = 0xbf;
	size_t k;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		k = 2;
		*cp = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		k = 3;
		*cp = c & 0x0f;
		if (c == 0xe0)
			lo = 0xa0;
		else if (c == 0xed)
			hi = 0x9f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		k = 4;
		*cp = c & 0x07;
		if (c == 0xf0)
			lo = 0x90;
		else if (c == 0xf4)
			hi = 0x8f;
	} else {
		return 0;
	}
	if (n < k || p[1] < lo || p[1] > hi)
		return 0;
	for (size_t i = 1; i < k; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		*cp = (*cp << 6) | (p[i] & 0x3f);
	}
	return k;
}

bool utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t u;

	for (size_t i = 0, k; i < len; i += k)
		if (!(k = decode(p + i, len - i, &u)))
			return false;
	return true;
}

enum utf8_problem utf8_text_check(const char *s, size_t len, unsigned flags,
				  size_t *at, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	enum utf8_problem pr = UTF8_OK;
	size_t i = 0;
	uint32_t u = 0;

	while (i < len) {
		size_t k = decode(p + i, len - i, &u);

		if (!k) {
			u = p[i];
			pr = UTF8_BAD;
			break;
		}
		if ((u < 0x20 && u != '\t' &&
		     !((flags & UTF8_TEXT_NEWLINES) && (u == '\n' ||
							u == '\r'))) ||
		    (u >= 0x7f && u <= 0x9f)) {
			pr = UTF8_CONTROL;
			break;
		}
		if ((u >= 0x202a && u <= 0x202e) ||
		    (u >= 0x2066 && u <= 0x2069)) {
			pr = UTF8_BIDI;
			break;
		}
		i += k;
	}
	if (at)
		*at = i;
	if (cp)
		*cp = pr ? u : 0;
	return pr;
}
