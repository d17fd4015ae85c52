/*
 * report.h: render a computed review (src/analytics/review.h) as a file
 * people or programs read.
 *
 * Five formats, one file each in src/report/:
 *
 *	json	the contract for programs, documented in docs/review-json.md;
 *		language-neutral (rows carry both English and Welsh names)
 *	csv	one long-form table of every figure and table cell
 *	md	Markdown: headings per group, a table per group and table
 *	html	one self-contained, printable HTML5 file with inline SVG charts
 *		and a map of Wales, each beside the table of its data
 *	xlsx	a workbook: a notes sheet, one sheet per indicator group, and
 *		sheets for the council and home tables
 *
 * Every human-readable format exists in English and Welsh (Welsh Language
 * Standards); every label lives in labels.c.  The report only displays
 * disclosure control: review_publish() has already suppressed and rounded
 * the cells of a published review, and the renderers show a suppressed
 * cell as "*" (null in JSON) and never its value.
 */
#ifndef CARTREF_REPORT_H
#define CARTREF_REPORT_H

#include "base/compat.h"
#include "base/err.h"
#include "analytics/review.h"

enum report_format {
	REPORT_JSON,
	REPORT_CSV,
	REPORT_HTML,
	REPORT_MD,
	REPORT_XLSX,
};

enum report_lang {
	LANG_EN,
	LANG_CY,
};

#define REPORT_NLANGS 2

/* "json", "csv", "html", "md" (or "markdown"), "xlsx": 0 or ERR_USAGE. */
int report_format_parse(const char *s, enum report_format *out);
/* "en" or "cy": 0 or ERR_USAGE. */
int report_lang_parse(const char *s, enum report_lang *out);
/* The canonical name of a format ("json"), for messages. */
const char *report_format_name(enum report_format f);

/*
 * Render r in format f and language lang to path; NULL or "-" means
 * standard output.  A file is written under a temporary name and renamed
 * into place, so a failed render never leaves a half-written report.
 * xlsx needs a real path (ERR_USAGE otherwise).  Returns 0, ERR_IO or
 * ERR_TOO_LARGE, with the detail in err.
 */
int report_render(const struct review *r, enum report_format f,
		  enum report_lang lang, const char *path, struct err *err);

#endif
