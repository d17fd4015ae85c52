/*
 * utf8.h: the one rule for text that comes into cartref from a file:
 * well-formed UTF-8 (no overlong forms, no surrogates, nothing above
 * U+10FFFF: RFC 3629), with no control characters (C0 but TAB, DEL, C1
 * U+0080-U+009F) and no bidirectional embedding, override or isolate
 * characters (U+202A-U+202E, U+2066-U+2069), which can make a name read
 * differently from what it is.  Every CSV import applies it to every
 * field through the reader (ingest/csv.h).
 */
#ifndef CARTREF_UTF8_H
#define CARTREF_UTF8_H

#include "base/compat.h"

enum utf8_problem {
	UTF8_OK = 0,
	UTF8_BAD,		/* not UTF-8 (Latin-1, overlong, surrogate) */
	UTF8_CONTROL,		/* a control character */
	UTF8_BIDI,		/* a bidirectional control character */
};

/* UTF8_TEXT_NEWLINES: LF and CR are allowed (free text over lines). */
enum utf8_flags {
	UTF8_TEXT_NEWLINES = 1 << 0,
};

/*
 * Whether s[0..len) is well-formed UTF-8 (RFC 3629), whatever characters
 * it holds: the first half of the rule, for what the web layer decodes
 * (form fields may hold line breaks and tabs).
 */
bool utf8_valid(const char *s, size_t len);

/*
 * Check s[0..len) by the rule above.  Returns UTF8_OK or the first
 * problem, with *at (if not NULL) its byte offset and *cp (if not NULL)
 * the code point (or the bad byte for UTF8_BAD).
 */
enum utf8_problem utf8_text_check(const char *s, size_t len, unsigned flags,
				  size_t *at, uint32_t *cp);

#endif
