/*
 * report-internal.h: what the files of src/report/ share, and nothing
 * outside it may include (tests excepted).
 *
 * Three parts: the label tables (labels.c: every string a reader sees,
 * in English and Welsh), the formatting of cells, names and dates
 * (format.c), and the renderers, one per format, plus the SVG drawing
 * they use (svg-chart.c, svg-map.c).  Renderers of text formats append
 * to a struct buf; report.c writes it out.  Internal functions shared
 * across files carry the report__ prefix.
 */
#ifndef CARTREF_REPORT_INTERNAL_H
#define CARTREF_REPORT_INTERNAL_H

#include "base/compat.h"
#include "base/buf.h"
#include "base/err.h"
#include "analytics/review.h"
#include "report/report.h"

/* ---- labels (labels.c) ---- */

/* One string in both languages; key names it for lookups and tests. */
struct label {
	const char *key;
	const char *text[REPORT_NLANGS];
};

/* A named list of labels, so that tests can walk every one. */
struct label_set {
	const char *name;
	const struct label *v;
	size_t n;
};

/* Fixed strings of the reports, in the order they tend to appear. */
enum ui_str {
	UI_TITLE,
	UI_PUBLISHER,
	UI_REPORTING_YEAR,
	UI_PERIOD_TO,
	UI_SCOPE,
	UI_SCOPE_NATIONAL,
	UI_SCOPE_COUNCIL,
	UI_SCOPE_HOME,
	UI_URN,
	UI_BANNER_PUBLISHED,
	UI_BANNER_EXACT,
	UI_SKIP_LINK,
	UI_CONTENTS,
	UI_KEY_FIGURES,
	UI_INDICATOR,
	UI_VALUE,
	UI_NUMERATOR,
	UI_DENOMINATOR,
	UI_COUNCIL,
	UI_HOME,
	UI_PROVIDER_TYPE,
	UI_COUNCILS_SECTION,
	UI_HOMES_SECTION,
	UI_NOTES,
	UI_NO_DATA,
	UI_NOT_RECORDED,
	UI_NA_SYMBOL,
	UI_TOTAL_ALL,
	/* release metadata */
	UI_RELEASE_DATE,
	UI_STATUS,
	UI_NEXT_UPDATE,
	UI_NEXT_UPDATE_TBC,
	UI_PRODUCED_BY,
	UI_CONTACT,
	UI_EMAIL,
	UI_PHONE,
	/* key points */
	UI_KEY_POINTS,
	UI_KP_INTRO,
	UI_KP_INTRO_PREV,
	UI_KP_LEVEL,
	UI_KP_SAME,
	UI_KP_ROSE,
	UI_KP_ROSE_BY,
	UI_KP_LESS,
	UI_KP_FELL_BY,
	UI_KP_POINTS,
	/* notes for readers */
	UI_ABOUT,
	UI_COVERAGE,
	UI_COVERAGE_NATIONAL,
	UI_COVERAGE_COUNCIL,
	UI_COVERAGE_HOME,
	UI_COVERAGE_LIVE,
	UI_DEFINITIONS,
	UI_DISCLOSURE,
	UI_NOTE_DISCLOSURE,
	UI_NOTE_EXACT,
	UI_NOTE_CHANGES_PUBLISHED,
	UI_NOTE_CHANGES_EXACT,
	UI_SYMBOLS,
	UI_NOTE_SUPPRESSED,
	UI_NOTE_NAN,
	UI_NOTE_NA,
	UI_NOTE_NOT_RECORDED,
	UI_NOTE_DECIMALS,
	UI_SOURCES,
	UI_NOTE_SOURCE,
	UI_NOTE_HELD,
	UI_NOTE_CHILDREN,
	UI_NOTE_EPISODES,
	UI_NOTE_MAP,
	/* the workbook's own */
	UI_XL_INTRO,
	UI_XL_ONE_TABLE,
	UI_XL_NOTES_REF,
	UI_XL_CONTENTS_INTRO,
	UI_XL_NOTES_INTRO,
	UI_XL_SHEET_NAME,
	UI_XL_SHEET_TITLE,
	UI_XL_NOTE_NUMBER,
	UI_XL_NOTE_TEXT,
	UI_XL_NOTE,
	UI_XL_TABLE,
	UI_XL_UNIT,
	UI_XL_SHORTHAND,
	UI_XL_C,
	UI_XL_X,
	UI_XL_Z,
	UI_MAP_UNAVAILABLE,
	UI_LEGEND,
	UI_LEGEND_NO_DATA,
	UI_LEGEND_UNDER,
	UI_LEGEND_TO_UNDER,
	UI_LEGEND_OR_MORE,
	UI_CHART_DESC,
	UI_MAP_DESC,
	UI_N
};

/* Terms defined in the notes (term and definition). */
enum def_label {
	DEF_YEAR,
	DEF_LOOKED_AFTER,
	DEF_HOME,
	DEF_PLACEMENT,
	DEF_MISSING,
	DEF_AWAY,
	DEF_DISTANCE,
	DEF_OUTCOMES,
	DEF_RETURN_INTERVIEW,
	DEF_STRATEGY_MEETING,
	DEF_N
};

/* Charts whose title is not a table title. */
enum chart_label {
	CHART_COUNCIL_PLACES,
	CHART_MISSING_MAP,
	CHART_DISTANCE,
	CHART_N
};

/* Sheets of the workbook: its first three, and tables "Table_N". */
enum sheet_label {
	SHEET_COVER,
	SHEET_CONTENTS,
	SHEET_NOTES,
	SHEET_TABLE,		/* the prefix of a table's sheet name */
	SHEET_N
};

/* The recommendations progress report's strings (recs-report.c). */
enum recs_str {
	RS_TITLE,
	RS_AS_OF,
	RS_INTRO,
	RS_SUMMARY,
	RS_RECS,
	RS_ADDRESSEES,
	RS_DONE,
	RS_ACCEPTED,
	RS_WITH_OVERDUE,
	RS_OVERDUE_ACTIONS,
	RS_OLDEST_OVERDUE_ALL,
	RS_CODE,
	RS_THEME,
	RS_SOURCE,
	RS_MADE_ON,
	RS_TEXT,
	RS_MADE_TIMES,		/* "Made {s} times since {p}" */
	RS_MADE_ONCE,
	RS_ALL_COUNCILS,
	RS_ADDRESSEE,
	RS_KIND,
	RS_STATUS,
	RS_VERDICT,
	RS_LAST_UPDATE,
	RS_ACTIONS,
	RS_OVERDUE,
	RS_OLDEST_OVERDUE,
	RS_NO_UPDATE,
	RS_NONE,
	RS_NO_RECS,
	RS_NOTES,
	RS_NOTE_STATUS,
	RS_NOTE_OVERDUE,
	RS_NOTE_REPEATS,
	RS_NOTE_DATA,
	RS_KIND_INSPECTORATE,
	RS_KIND_COUNCIL,
	RS_KIND_PROVIDER,
	RS_KIND_POLICE,
	RS_KIND_HEALTH_BOARD,
	RS_SHEET_SUMMARY,
	RS_SHEET_RECS,
	RS_SHEET_ADDRESSEES,
	RS_N
};

const char *report__ui(enum ui_str id, enum report_lang lang);
const char *report__recs_ui(enum recs_str id, enum report_lang lang);
const char *report__def_term(enum def_label d, enum report_lang lang);
const char *report__def_text(enum def_label d, enum report_lang lang);
/* "Management information" and a sentence on what that status means. */
const char *report__status_name(enum report_status s, enum report_lang lang);
const char *report__status_note(enum report_status s, enum report_lang lang);
/* "Number", "Percentage", ... for a cell's kind. */
const char *report__unit(enum fig_kind k, enum report_lang lang);
/*
 * The subject of a key point about figure f ("The number of children who
 * went missing"; Welsh "nifer y plant a aeth ar goll", to follow a verb),
 * or NULL for a figure key points do not speak of.
 */
const char *report__key_subject(enum review_fig f, enum report_lang lang);
const char *report__fig_label(enum review_fig f, enum report_lang lang);
/* A group's title ("Placement stability"). */
const char *report__group_title(enum fig_group g, enum report_lang lang);
const char *report__table_title(enum review_table_id t,
				enum report_lang lang);
/* The heading of a table's first column ("Council", "Reason"). */
const char *report__row_head(enum review_table_id t, enum report_lang lang);
/* Column label; the key itself if there is none. */
const char *report__col_label(enum review_table_id t, const char *col,
			      enum report_lang lang);
/* Row label for a code row ("CARPL", "5+"), or NULL if there is none. */
const char *report__row_label(enum review_table_id t, const char *row,
			      enum report_lang lang);
const char *report__chart_title(enum chart_label c, enum report_lang lang);
const char *report__sheet_name(enum sheet_label s, enum report_lang lang);
/* Month 1..12. */
const char *report__month(int m, enum report_lang lang);
/* Every label list, for tests. */
const struct label_set *report__label_sets(size_t *n);

/* ---- figures, tables and formatting (format.c) ---- */

struct report_fig_def {
	const char *key;
	enum fig_kind kind;
	enum fig_group group;
};

/* REVIEW_FIGURES as a table (the report does not need review_figs). */
extern const struct report_fig_def report__figs[FIG_N];

const char *report__table_key(enum review_table_id t);	/* "councils" */
const char *report__group_key(enum fig_group g);	/* "places" */
const char *report__kind_key(enum fig_kind k);		/* "percent" */
/* The group a table belongs to, or -1 (councils and homes stand alone). */
int report__table_group(enum review_table_id t);
/* Index of column key in table t, or -1. */
int report__col_index(const struct review_table *t, const char *key);

/* A table that has rows, columns and cells to show. */
bool report__table_has_data(const struct review_table *t);

/*
 * The name of row `row` of table t for people: the engine's name in lang
 * (falling back to English: councils outside Wales have no Welsh name),
 * else a translated code label, else "2018-19" for a year row, else the
 * key.  tmp (at least 16 bytes) holds a year label.
 */
const char *report__row_name(const struct review *r, enum review_table_id t,
			     size_t row, enum report_lang lang, char *tmp,
			     size_t cap);
/* The name of council code from the councils table, or code itself. */
const char *report__council_name(const struct review *r, const char *code,
				 enum report_lang lang);
/* "Wales", a council or a home name. */
const char *report__scope_name(const struct review *r, enum report_lang lang);
/* The name of table t's total row ("Wales"), or NULL if it has none. */
const char *report__total_name(const struct review *r, enum review_table_id t,
			       enum report_lang lang);
/* "Wales, 2018-19": what every title of the report ends with. */
void report__fmt_scope_year(struct buf *b, const struct review *r,
			    enum report_lang lang);
/* "10 December 2026"; a month only: "December 2027". */
void report__fmt_day(struct buf *b, int32_t day, bool month_only,
		     enum report_lang lang);
/*
 * Fill template tpl into b: "{s}", "{p}", "{c}" and "{d}" are replaced by
 * s, p, c and d (NULL: left out), everything else copied.
 */
void report__fill(struct buf *b, const char *tpl, const char *s,
		  const char *p, const char *c, const char *d);

static inline bool report__cell_na(const struct review_cell *c)
{
	return (c->flags & CELL_NA) != 0;
}

static inline bool report__cell_suppressed(const struct review_cell *c)
{
	return (c->flags & CELL_SUPPRESSED) != 0;
}

/* A date cell with no date. */
bool report__cell_no_date(const struct review_cell *c);

/* 6440 -> "6,440" (both languages use the comma). */
void report__fmt_int(struct buf *b, long long n);
/*
 * A cell for people: "*" suppressed, "–" undefined (NaN), "n/a" not
 * applicable, counts with separators, percentages to 1 decimal with "%",
 * ratios to 2 decimals, means and medians to 1, dates dd/mm/yyyy or
 * "not recorded".
 */
void report__fmt_cell(struct buf *b, const struct review_cell *c,
		      enum report_lang lang);
/* A percentage value alone ("12.5%"), for axes and legends. */
void report__fmt_percent(struct buf *b, double v);
/*
 * A numerator or denominator for people: "*", "1,234", or "" where there
 * is none (a count's numerator is its value, so it is not repeated).
 */
void report__fmt_part(struct buf *b, const struct review_cell *c, long n);
/*
 * A cell for programs (CSV): "*" suppressed, "" undefined or no date,
 * counts as plain integers, other values with up to 10 significant
 * digits, dates yyyy-mm-dd.
 */
void report__fmt_machine(struct buf *b, const struct review_cell *c);
/* "1 April 2018 to 31 March 2019" for year 2019. */
void report__fmt_period(struct buf *b, int year, enum report_lang lang);
/* "2018-19" for year 2019. */
void report__fmt_year(struct buf *b, int year);

/* ---- release metadata (release.c) and key points (keypoints.c) ---- */

/* The producer and the contact's name in lang, defaults filled in. */
const char *report__producer(const struct report_release *rel,
			     enum report_lang lang);
const char *report__contact_name(const struct report_release *rel,
				 enum report_lang lang);

/* How many key points there can be (i < this in report__key_point()). */
size_t report__nkey_points(void);
/*
 * Key point i of r in lang, one sentence, appended to out: returns the
 * figure it speaks of, or -1 (nothing appended) when there is nothing to
 * say: the figure does not apply, cannot be calculated or is suppressed.
 * Against the year before (r->prev) when both years' figures are shown;
 * a suppressed figure of the year before is never spoken of.
 */
int report__key_point(const struct review *r, size_t i,
		      enum report_lang lang, struct buf *out);
/* "Figures for 2018-19, compared with 2017-18." */
void report__key_points_intro(const struct review *r, enum report_lang lang,
			      struct buf *out);

/* ---- renderers ---- */

/* rel: the release metadata, or NULL for none. */
int report__render_json(const struct review *r,
			const struct report_release *rel, struct buf *out,
			struct err *err);
int report__render_csv(const struct review *r,
		       const struct report_release *rel,
		       enum report_lang lang, struct buf *out,
		       struct err *err);
int report__render_md(const struct review *r,
		      const struct report_release *rel,
		      enum report_lang lang, struct buf *out,
		      struct err *err);
int report__render_html(const struct review *r,
			const struct report_release *rel,
			enum report_lang lang, struct buf *out,
			struct err *err);
/* Writes the workbook to path itself (libxlsxwriter needs a file). */
int report__render_xlsx(const struct review *r,
			const struct report_release *rel,
			enum report_lang lang, const char *path,
			struct err *err);

/* ---- SVG (svg-chart.c, svg-map.c) ---- */

/* One series of a bar chart: a column of the table and its colour. */
struct chart_series {
	const char *col;
	const char *fill;
};

struct bar_chart {
	const char *id;			/* unique in the page: "chart-x" */
	const char *title;		/* also the SVG <title> */
	const struct review *r;
	enum review_table_id tab;
	const struct chart_series *series;
	size_t nseries;
	bool horizontal;		/* categories down the side */
	enum report_lang lang;
};

/* Append an inline <svg> grouped bar chart (nothing if no data). */
void report__svg_bars(struct buf *b, const struct bar_chart *c);

/*
 * Append an inline <svg> choropleth map of the Welsh councils, coloured
 * by column col of the councils table (a percentage), from the boundary
 * file geojson_path.  ERR_IO or ERR_INVALID (and nothing appended) if the
 * file cannot be read; the page then says the map is unavailable.
 */
int report__svg_map(struct buf *b, const struct review *r, const char *col,
		    const char *id, const char *title, const char *geojson_path,
		    enum report_lang lang, struct err *err);

/* ---- the charts of the reports (pieces.c) ---- */

struct report__chart {
	const struct chart_series *series;	/* NULL for the map */
	size_t nseries;
	bool horizontal;
	int label;		/* enum chart_label, or -1: the table's title */
};

extern const struct report__chart report__charts[REPORT_CHART_N];

/* The missing map from the boundary file in the data directory. */
int report__svg_map_file(struct buf *b, const struct review *r,
			 const char *id, const char *title,
			 enum report_lang lang, struct err *err);

#endif
