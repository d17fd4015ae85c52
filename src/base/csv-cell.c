/* csv-cell.c: one CSV cell, quoted and defused (see csv-cell.h). */
#include "base/compat.h"
#include "base/csv-cell.h"

#define CSV_FORMULA_LEAD "=+-@\t\r"

bool csv_cell_formula_like(const char *s)
{
	return s && s[0] && strchr(CSV_FORMULA_LEAD, s[0]);
}

void csv_cell_put(struct buf *b, const char *s, bool text)
{
	bool defuse;

	if (!s)
		s = "";
	defuse = text && csv_cell_formula_like(s);
	if (!defuse && !s[strcspn(s, ",\"\r\n")] &&
	    strncmp(s, "\xEF\xBB\xBF", 3)) {
		buf_adds(b, s);
		return;
	}
	buf_addch(b, '"');
	if (defuse)
		buf_addch(b, '\'');	/* text, not a spreadsheet formula */
	for (; *s; s++) {
		if (*s == '"')
			buf_addch(b, '"');
		buf_addch(b, *s);
	}
	buf_addch(b, '"');
}
