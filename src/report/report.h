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
 *	xlsx	a workbook laid out as the Analysis Function's guidance
 *		"Releasing statistics in spreadsheets" asks: cover, contents
 *		and notes sheets, then one table per sheet
 *
 * Every human-readable format exists in English and Welsh (Welsh Language
 * Standards); every label lives in labels.c.  The report only displays
 * disclosure control: review_publish() has already suppressed and rounded
 * the cells of a published review, and the renderers show a suppressed
 * cell as "*" ("[c]" in the workbook, null in JSON) and never its value.
 * Reports open with key points in words (report__key_point()): the
 * headline figures against the year before when review_set_previous()
 * gave it, from the figures as the report shows them.
 */
#ifndef CARTREF_REPORT_H
#define CARTREF_REPORT_H

#include "base/compat.h"
#include "base/buf.h"
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

/* ==== release metadata ====
 *
 * What a published report says about itself (the title block of HTML and
 * Markdown, the workbook's cover, "release" in JSON, "review" rows in
 * CSV): when it was released, its status, who produced it, whom to
 * contact and when it will next be updated.  report_release_init() gives
 * the defaults; report_release_set() changes one field by key (the
 * options of `cartref review`), report_release_load() reads a file of
 * "key = value" lines (docs/review-json.md, "Release metadata").
 */

enum report_status {
	REPORT_STATUS_MANAGEMENT,	/* management information (default) */
	REPORT_STATUS_IN_DEVELOPMENT,	/* official statistics in development */
	REPORT_STATUS_OFFICIAL,		/* official statistics */
	REPORT_STATUS_ACCREDITED,	/* accredited official statistics */
	REPORT_STATUS_N
};

#define REPORT_TEXT_MAX 160

struct report_release {
	int32_t date;			/* release day; DATE_NONE: none given */
	enum report_status status;
	/* "": the default, in each language (the producer: Care
	 * Inspectorate Wales; the contact: the producer) */
	char producer[REPORT_NLANGS][REPORT_TEXT_MAX];
	char contact_name[REPORT_NLANGS][REPORT_TEXT_MAX];
	char contact_email[REPORT_TEXT_MAX];	/* "": none */
	char contact_phone[REPORT_TEXT_MAX];	/* "": none */
	int32_t next_update;		/* DATE_NONE: to be confirmed */
	bool next_update_month;		/* only its month is given */
};

/* The defaults: no date, management information, the producer's email. */
void report_release_init(struct report_release *rel);
/*
 * Set one field: key is date, status, producer, producer_cy,
 * contact_name, contact_name_cy, contact_email, contact_phone or
 * next_update ('-' may stand for '_').  Dates are yyyy-mm-dd (next_update
 * also yyyy-mm); status is management_information,
 * official_statistics_in_development, official_statistics or
 * accredited_official_statistics; text is UTF-8 of at most
 * REPORT_TEXT_MAX - 1 bytes, no control characters.  0, or ERR_INVALID
 * with "RULE: message" in err (rules release-key, release-date,
 * release-status, release-email, release-text).
 */
int report_release_set(struct report_release *rel, const char *key,
		       const char *value, struct err *err);
/*
 * Read a release file: "key = value" lines, blank lines and lines
 * starting with '#' ignored, each key at most once.  All or nothing: on
 * ERR_INVALID (err: "FILE:LINE:COLUMN: RULE: message") or ERR_IO, rel is
 * unchanged.
 */
int report_release_load(struct report_release *rel, const char *path,
			struct err *err);
/* The status's key ("official_statistics_in_development"). */
const char *report_status_key(enum report_status s);

/*
 * Render r in format f and language lang to path; NULL or "-" means
 * standard output.  Written with base/file.h's file_out_*(): a regular
 * file under a temporary name renamed into place (mode 0600, or 0640), so
 * a failed render never leaves a half-written report; a FIFO or device
 * (/dev/null) in place, never replaced.
 * xlsx needs a real path (ERR_USAGE otherwise).  Returns 0, ERR_IO or
 * ERR_TOO_LARGE, with the detail in err.
 */
int report_render(const struct review *r, enum report_format f,
		  enum report_lang lang, const char *path, struct err *err);
/*
 * The same with release metadata (rel NULL: none, as report_render():
 * the report then has no release date, status or contact).
 */
int report_render_release(const struct review *r,
			  const struct report_release *rel,
			  enum report_format f, enum report_lang lang,
			  const char *path, struct err *err);

/*
 * Render r in format f (not xlsx: ERR_USAGE) and language lang, appended
 * to out (the JSON API answers with it).  Returns 0, or ERR_TOO_LARGE
 * when out's limit is reached, with the detail in err.
 */
int report_render_buf(const struct review *r, enum report_format f,
		      enum report_lang lang, struct buf *out,
		      struct err *err);

/* ==== pieces, for pages that show a review (the web dashboards) ====
 *
 * The HTML report's labels, number formats, layout and charts, so that a
 * page built with other markup (GOV.UK Frontend) shows the same words,
 * numbers and pictures.  Nothing here escapes for the caller except the
 * SVG, which is markup: text goes through the page's own escaping sinks.
 * Strings returned are static (labels) or point into r (row names).
 */

/* Labels, in lang (labels.c). */
const char *report_fig_label(enum review_fig f, enum report_lang lang);
const char *report_group_title(enum fig_group g, enum report_lang lang);
const char *report_table_title(enum review_table_id t,
			       enum report_lang lang);
/* The heading of a table's first column ("Council"). */
const char *report_row_head(enum review_table_id t, enum report_lang lang);
/* A column's label; the key itself when there is none. */
const char *report_col_label(enum review_table_id t, const char *col,
			     enum report_lang lang);
/* A table row's name for people (tmp: 16 bytes or more, for a year). */
const char *report_row_name(const struct review *r, enum review_table_id t,
			    size_t row, enum report_lang lang, char *tmp,
			    size_t cap);
/* "Local authority", "Private", "Voluntary" for "la", ...; NULL if none. */
const char *report_provider_type_label(const char *type,
				       enum report_lang lang);

/*
 * Cells: report_fmt_cell() as the report prints a value ("*", "–",
 * "n/a", "6,440", "12.5%"); report_fmt_part() a numerator or denominator
 * ("" where there is none); report_fmt_year() "2018-19" for 2019.
 */
void report_fmt_cell(struct buf *b, const struct review_cell *c,
		     enum report_lang lang);
void report_fmt_part(struct buf *b, const struct review_cell *c, long n);
void report_fmt_year(struct buf *b, int year);

/* The charts of the HTML report (and its map). */
enum report_chart {
	REPORT_CHART_COUNCIL_PLACES,	/* places, children in homes; councils */
	REPORT_CHART_PLACEMENTS,	/* children by placements in the year */
	REPORT_CHART_MISSING_TREND,	/* periods missing by year */
	REPORT_CHART_MISSING_MAP,	/* % who went missing, by council */
	REPORT_CHART_DISTANCE,		/* children by distance from home */
	REPORT_CHART_N
};

/*
 * What a group's section shows after its figures, in the report's
 * order: a chart with a table of its figures beside it, or a table
 * alone.
 */
struct report_block {
	const char *name;		/* "council-places": ids chart-, table- */
	enum review_table_id tab;	/* the table (the chart's, or alone) */
	const char *const *cols;	/* its columns shown, NULL-terminated;
					 * NULL: all */
	int chart;			/* enum report_chart, or -1: alone */
};

/* The blocks of group g's section (*n of them, maybe 0). */
const struct report_block *report_group_blocks(enum fig_group g, size_t *n);
const char *report_chart_title(enum report_chart c, enum report_lang lang);
/*
 * Append chart c of r as inline SVG (role="img" with <title> and <desc>;
 * colours as fill= attributes, no style attribute or element, so it
 * passes a Content-Security-Policy without 'unsafe-inline'; text has
 * class "value" or "legend-title" for a style sheet).  Nothing when its
 * table has no data.  The map reads the council boundaries from the
 * data directory: ERR_IO or ERR_INVALID, and nothing appended, when it
 * cannot.
 */
int report_svg(struct buf *b, const struct review *r, enum report_chart c,
	       enum report_lang lang, struct err *err);

#endif
