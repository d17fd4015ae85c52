/*
 * html.c: the escaping sinks of html.h.  Runs of bytes that need no
 * escaping are appended in one call, so escaping a long table stays
 * cheap.
 */
#include "base/compat.h"
#include "report/html.h"

static void escape(struct buf *b, const char *s)
{
	const char *run = s;

	if (!s)
		return;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		const char *rep;

		switch (c) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = "&quot;";
			break;
		case '\'':
			rep = "&#39;";
			break;
		default:
			if (c < 0x20 && c != '\t' && c != '\n')
				rep = "";	/* not allowed in XML */
			else if (c == 0x7f)
				rep = "";
			else
				continue;
		}
		buf_add(b, run, (size_t)(s - run));
		buf_adds(b, rep);
		run = s + 1;
	}
	buf_add(b, run, (size_t)(s - run));
}

void html_text(struct buf *b, const char *s)
{
	escape(b, s);
}

void html_attr(struct buf *b, const char *s)
{
	escape(b, s);
}
