/*
 * html.h: escaping sinks for HTML (and the SVG inside it) and URLs.
 *
 * Report code never appends data to a page with buf_adds(): text goes
 * through html_text() and attribute values through html_attr(), so that
 * a home called "<script>" or "Barnardo's" is shown, not run.  Both
 * escape & < > " ' and drop C0 control characters other than tab and
 * newline (they are not allowed in XML, and the page is also well-formed
 * XML).  Attribute values must be written inside double quotes.
 */
#ifndef CARTREF_HTML_H
#define CARTREF_HTML_H

#include "base/compat.h"
#include "base/buf.h"

void html_text(struct buf *b, const char *s);
void html_attr(struct buf *b, const char *s);
/*
 * A URL path segment or query value: every byte but the unreserved
 * A-Z a-z 0-9 - . _ ~ percent-encoded, so the result is also safe inside
 * a double-quoted attribute.
 */
void html_url_arg(struct buf *b, const char *s);

#endif
