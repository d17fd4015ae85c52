/*
 * review.h: the national review's figures, computed from data.
 *
 * review_compute() takes every child's care history (struct history,
 * loaded once from the store) and produces a struct review: for one
 * reporting year and one scope (all councils, one council or one home),
 * a fixed list of figures (REVIEW_FIGURES) and a set of tables (by
 * council, by provider type, by home, trends, distributions).  It is a
 * pure function of its input: no I/O, one pass over the histories.  The
 * group "missing_response" comes from what the agencies record live
 * (missing episodes, strategy meetings, alerts: issue 5), which the
 * history holds beside the returns.
 * docs/indicators.md defines every figure; docs/review-json.md documents
 * the JSON form, whose keys are the `key` strings below.
 *
 * Cells carry value, numerator and denominator.  review_publish() applies
 * the Welsh Government's disclosure control to a result in place; facts
 * of the public register of homes (homes open, registered places) are
 * marked CELL_PUBLIC and left as they are.
 */
#ifndef CARTREF_REVIEW_H
#define CARTREF_REVIEW_H

#include "base/compat.h"
#include "base/err.h"
#include "domain/history.h"

/* How a figure or column reads. */
enum fig_kind {
	FIG_COUNT,	/* value = num: a number of children, periods, places */
	FIG_PERCENT,	/* value = 100 * num / den */
	FIG_RATIO,	/* value = num / den (periods per child, per place) */
	FIG_MEAN,	/* value = mean over den items */
	FIG_MEDIAN,	/* value = median over den items */
	FIG_DATE,	/* value = day number (DATE_NONE: not recorded) */
};

enum fig_group {
	GROUP_PLACES,
	GROUP_STABILITY,
	GROUP_MISSING,
	GROUP_DISTANCE,
	GROUP_OUTCOMES,
	GROUP_RESPONSE,		/* the response to going missing (live) */
	GROUP_QUALITY,		/* the quality of care (inspections) */
	GROUP_NGROUPS
};

/*
 * X(ID, "json.key", kind, group).  The order is the order of reports.
 * Scope "home" computes only the figures marked so in docs/indicators.md;
 * the others are flagged not applicable there.
 */
#define REVIEW_FIGURES(X)                                                   \
	X(HOMES_OPEN, "places.homes_open", FIG_COUNT, GROUP_PLACES)         \
	X(PLACES, "places.places", FIG_COUNT, GROUP_PLACES)                 \
	X(PLACES_LA, "places.places_la", FIG_COUNT, GROUP_PLACES)           \
	X(PLACES_PRIVATE, "places.places_private", FIG_COUNT, GROUP_PLACES) \
	X(PLACES_VOLUNTARY, "places.places_voluntary", FIG_COUNT,           \
	  GROUP_PLACES)                                                     \
	X(IN_HOMES, "places.children_in_homes", FIG_COUNT, GROUP_PLACES)    \
	X(IN_SECURE, "places.children_in_secure", FIG_COUNT, GROUP_PLACES)  \
	X(IN_HOMES_OUTSIDE_COUNCIL, "places.in_homes_outside_council",      \
	  FIG_PERCENT, GROUP_PLACES)                                        \
	X(PLACED_OUTSIDE_COUNCIL, "places.placed_outside_council",          \
	  FIG_PERCENT, GROUP_PLACES)                                        \
	X(PLACED_OUTSIDE_WALES, "places.placed_outside_wales", FIG_PERCENT, \
	  GROUP_PLACES)                                                     \
	X(CLA_31MAR, "stability.looked_after_31_march", FIG_COUNT,          \
	  GROUP_STABILITY)                                                  \
	X(LOOKED_AFTER_YEAR, "stability.looked_after_during_year",          \
	  FIG_COUNT, GROUP_STABILITY)                                       \
	X(PLACEMENTS_3PLUS, "stability.three_or_more_placements",           \
	  FIG_PERCENT, GROUP_STABILITY)                                     \
	X(MOVES_CARER, "stability.moves_with_change_of_carer", FIG_COUNT,   \
	  GROUP_STABILITY)                                                  \
	X(PLACEMENT_ENDINGS, "stability.placement_endings", FIG_COUNT,      \
	  GROUP_STABILITY)                                                  \
	X(LONG_TERM_STABILITY, "stability.long_term", FIG_PERCENT,          \
	  GROUP_STABILITY)                                                  \
	X(MISSING_CHILDREN, "missing.children", FIG_COUNT, GROUP_MISSING)   \
	X(MISSING_PERIODS, "missing.periods", FIG_COUNT, GROUP_MISSING)     \
	X(MISSING_PER_CHILD, "missing.periods_per_child", FIG_RATIO,        \
	  GROUP_MISSING)                                                    \
	X(MISSING_PCT, "missing.percent_of_looked_after", FIG_PERCENT,      \
	  GROUP_MISSING)                                                    \
	X(MISSING_REPEAT, "missing.repeat_children", FIG_PERCENT,           \
	  GROUP_MISSING)                                                    \
	X(MISSING_MEDIAN_DAYS, "missing.median_days", FIG_MEDIAN,           \
	  GROUP_MISSING)                                                    \
	X(MISSING_MEAN_DAYS, "missing.mean_days", FIG_MEAN, GROUP_MISSING)  \
	X(MISSING_OPEN, "missing.open_at_year_end", FIG_COUNT,              \
	  GROUP_MISSING)                                                    \
	X(MISSING_CHILDREN_HOME, "missing.children_from_homes", FIG_COUNT,  \
	  GROUP_MISSING)                                                    \
	X(MISSING_PERIODS_HOME, "missing.periods_from_homes", FIG_COUNT,    \
	  GROUP_MISSING)                                                    \
	X(MISSING_CHILDREN_OTHER, "missing.children_from_other",            \
	  FIG_COUNT, GROUP_MISSING)                                         \
	X(MISSING_PERIODS_OTHER, "missing.periods_from_other", FIG_COUNT,   \
	  GROUP_MISSING)                                                    \
	X(MISSING_PERIODS_CHANGE, "missing.periods_change_on_2_years_ago",  \
	  FIG_PERCENT, GROUP_MISSING)                                       \
	X(AWAY_CHILDREN, "away.children", FIG_COUNT, GROUP_MISSING)         \
	X(AWAY_PERIODS, "away.periods", FIG_COUNT, GROUP_MISSING)           \
	X(DIST_OVER_20, "distance.over_20_miles", FIG_PERCENT,              \
	  GROUP_DISTANCE)                                                   \
	X(DIST_OVER_20_HOMES, "distance.over_20_miles_children_in_homes",   \
	  FIG_PERCENT, GROUP_DISTANCE)                                      \
	X(DIST_UNKNOWN, "distance.unknown", FIG_COUNT, GROUP_DISTANCE)      \
	X(DIST_MEDIAN, "distance.median_miles", FIG_MEDIAN, GROUP_DISTANCE) \
	X(OC2_COHORT, "outcomes.cohort", FIG_COUNT, GROUP_OUTCOMES)         \
	X(SDQ_RECORDED, "outcomes.sdq_recorded", FIG_PERCENT,               \
	  GROUP_OUTCOMES)                                                   \
	X(SDQ_MEAN, "outcomes.sdq_mean", FIG_MEAN, GROUP_OUTCOMES)          \
	X(SDQ_CONCERN, "outcomes.sdq_17_or_more", FIG_PERCENT,              \
	  GROUP_OUTCOMES)                                                   \
	X(CONVICTED, "outcomes.convicted", FIG_PERCENT, GROUP_OUTCOMES)     \
	X(SUBSTANCE_MISUSE, "outcomes.substance_misuse", FIG_PERCENT,       \
	  GROUP_OUTCOMES)                                                   \
	X(HEALTH_CHECK, "outcomes.health_check", FIG_PERCENT,               \
	  GROUP_OUTCOMES)                                                   \
	X(TEETH_CHECK, "outcomes.teeth_check", FIG_PERCENT, GROUP_OUTCOMES) \
	X(RESP_RETURNS, "missing_response.returns", FIG_COUNT,              \
	  GROUP_RESPONSE)                                                   \
	X(RESP_RI_72H, "missing_response.return_interview_within_72_hours", \
	  FIG_PERCENT, GROUP_RESPONSE)                                      \
	X(RESP_RI_DECLINED, "missing_response.return_interviews_declined",  \
	  FIG_COUNT, GROUP_RESPONSE)                                        \
	X(RESP_REPEAT, "missing_response.repeat_missing_children",          \
	  FIG_COUNT, GROUP_RESPONSE)                                        \
	X(RESP_MEETINGS_PER_REPEAT,                                         \
	  "missing_response.strategy_meetings_per_repeat_child", FIG_RATIO, \
	  GROUP_RESPONSE)                                                   \
	X(RESP_REPEAT_NO_MEETING,                                           \
	  "missing_response.repeat_children_without_meeting", FIG_COUNT,    \
	  GROUP_RESPONSE)                                                   \
	X(RESP_ARRESTED, "missing_response.arrested_or_charged", FIG_COUNT, \
	  GROUP_RESPONSE)                                                   \
	X(RESP_ARRESTED_PCT, "missing_response.arrested_or_charged_percent",\
	  FIG_PERCENT, GROUP_RESPONSE)                                      \
	X(RESP_ALERTS, "missing_response.alerts_raised", FIG_COUNT,         \
	  GROUP_RESPONSE)                                                   \
	X(RESP_ACK_MEDIAN, "missing_response.median_hours_to_acknowledge",  \
	  FIG_MEDIAN, GROUP_RESPONSE)                                       \
	X(RESP_UNACKED, "missing_response.alerts_unacknowledged", FIG_COUNT,\
	  GROUP_RESPONSE)                                                   \
	X(QUAL_HOMES_RATED, "quality.homes_rated", FIG_COUNT, GROUP_QUALITY)\
	X(QUAL_HOMES_OPEN_NOTICE, "quality.homes_with_open_notice",         \
	  FIG_COUNT, GROUP_QUALITY)                                         \
	X(QUAL_NOTICE_MEDIAN_DAYS, "quality.median_days_to_meet_notice",    \
	  FIG_MEDIAN, GROUP_QUALITY)                                        \
	X(QUAL_MISSING_PER_PLACE_GOOD,                                      \
	  "quality.missing_per_place_good_homes", FIG_RATIO, GROUP_QUALITY) \
	X(QUAL_MISSING_PER_PLACE_POOR,                                      \
	  "quality.missing_per_place_poor_homes", FIG_RATIO, GROUP_QUALITY) \
	X(QUAL_PLACEMENTS3_GOOD,                                            \
	  "quality.three_or_more_placements_good_homes", FIG_PERCENT,       \
	  GROUP_QUALITY)                                                    \
	X(QUAL_PLACEMENTS3_POOR,                                            \
	  "quality.three_or_more_placements_poor_homes", FIG_PERCENT,       \
	  GROUP_QUALITY)

enum review_fig {
#define REVIEW_FIG_ENUM_(id, key, kind, group) FIG_##id,
	REVIEW_FIGURES(REVIEW_FIG_ENUM_)
#undef REVIEW_FIG_ENUM_
	FIG_N
};

struct review_fig_def {
	enum review_fig id;
	const char *key;
	enum fig_kind kind;
	enum fig_group group;
};

extern const struct review_fig_def review_figs[FIG_N];

/* Cell flags. */
enum {
	CELL_NA = 1 << 0,	  /* not applicable in this scope: omit */
	CELL_SUPPRESSED = 1 << 1, /* disclosure control: show "*" */
	CELL_ROUNDED = 1 << 2,	  /* value/num rounded to the nearest 5 */
	CELL_PUBLIC = 1 << 3,	  /* a count from the public register of
				   * homes (homes open, places): never
				   * suppressed or rounded */
	CELL_DEN_PUBLIC = 1 << 4, /* a ratio whose denominator is such a
				   * count (periods missing per place) */
	CELL_CHANGE = 1 << 5,	  /* a percentage change: value =
				   * 100 (num - den) / den */
};

/*
 * One figure or table cell.  value is NAN when undefined (a percentage
 * with denominator 0, a median of nothing).  num and den are -1 where
 * they do not apply (a count has num = value and den = -1).
 */
struct review_cell {
	enum fig_kind kind;
	double value;
	long num, den;
	unsigned flags;
};

/*
 * A table: rows by key (a council code, URN, year, code) with optional
 * display names in English and Welsh (NULL: the report layer translates
 * the key), and columns by key.  Each cell carries its own kind.  The
 * homes table also gives each home's council code and provider type.
 * The councils table also has a total row, apart from its rows so that
 * code walking the rows meets councils only: every council's children
 * and homes together (key W92000004, Wales, when every council is Welsh;
 * else "total"), computed as the national figures are, not by adding
 * up rounded cells.
 */
struct review_table {
	const char *key;		/* "missing.trend" */
	size_t nrows, ncols;
	char **row_keys;
	char **row_names_en;		/* NULL or nrows names */
	char **row_names_cy;
	char **row_council;		/* TAB_HOMES only, else NULL */
	char **row_provider_type;	/* TAB_HOMES only: la/private/voluntary */
	const char *const *col_keys;
	struct review_cell *cells;	/* nrows x ncols, row-major */
	char *total_key;		/* the total row's key, or NULL */
	struct review_cell *total;	/* its ncols cells, or NULL */
};

static inline struct review_cell *review_cell_at(const struct review_table *t,
						 size_t row, size_t col)
{
	return &t->cells[row * t->ncols + col];
}

enum review_table_id {
	TAB_COUNCILS,		/* one row per council: map, sufficiency */
	TAB_PROVIDER_TYPES,	/* la, private, voluntary */
	TAB_HOMES,		/* one row per home (scope's homes) */
	TAB_PLACEMENTS,		/* placements during year: 1, 2, 3, 4, 5+ */
	TAB_ENDINGS,		/* placement endings by REASON_PLACE_CHANGE */
	TAB_MISSING_TREND,	/* years x (home, other) periods and children */
	TAB_MISSING_DURATION,	/* duration bands x (home, other) */
	TAB_DISTANCE,		/* distance bands x (all, children's homes),
				 * as counts and as % of each column */
	TAB_OUTCOMES,		/* measures x (all, children's homes, other) */
	/* the quality of care: empty unless review_add_quality() filled
	 * them (analytics/quality-figures.h) */
	TAB_QUALITY_RATINGS,	/* (area, theme) x homes by latest rating */
	TAB_QUALITY_REGULATIONS,/* regulation x findings made in the year */
	TAB_QUALITY_BANDS,	/* rating band x homes, missing, moves */
	TAB_N
};

enum review_scope_kind {
	SCOPE_NATIONAL,		/* every council in the store */
	SCOPE_COUNCIL,		/* children a council looks after, homes in it */
	SCOPE_HOME,		/* one home and the children placed there */
};

struct review_scope {
	enum review_scope_kind kind;
	char code[24];		/* council GSS code or home URN; "" national */
	char name_en[128];
	char name_cy[128];
};

struct review {
	int year;		/* reporting year, ends 31 March year */
	struct review_scope scope;
	bool published;		/* review_publish() applied */
	struct review_cell fig[FIG_N];
	struct review_table tab[TAB_N];
	/* the size of the input, for the report's footnote (rounded to 5
	 * when published) */
	long children_in_store, episodes_in_store;
	/* the year before's figures, same scope (review_set_previous()) */
	int prev_year;			/* 0: not given */
	struct review_cell prev[FIG_N];
};

/*
 * Compute the review for year and scope (scope->code names the council
 * or home; names are filled in).  ERR_NOT_FOUND for an unknown council
 * or home.  The result is freed with review_free().
 */
int review_compute(const struct history *h, int year,
		   const struct review_scope *scope, struct review **out,
		   struct err *err);
void review_free(struct review *r);

/*
 * Keep prev's figures in r->prev, for comparisons with the year before
 * (the report's key points): prev is the review of the year before r's,
 * same scope.  Call it before or after review_publish(r): the copies are
 * published with r.
 */
void review_set_previous(struct review *r, const struct review *prev);
/*
 * The same, computing the year before's figures (and only its figures)
 * from h for r's scope; nothing when h has no return for that year.
 * Returns 0, or review_compute()'s errors.
 */
int review_add_previous(const struct history *h, struct review *r,
			struct err *err);

/*
 * Disclosure control (Welsh Government practice), in place, on the
 * figures, every table (and total) cell and the previous year's figures:
 * counts 1-4 suppressed, other counts rounded to the nearest 5, 0 stays
 * 0; counts marked CELL_PUBLIC (register facts) left alone.  Percentages
 * and ratios are suppressed where the numerator is 1-4 or the
 * denominator under 10, else computed again from the published (rounded)
 * numerator and denominator and rounded to the precision the reports show
 * (percentages 1 decimal, ratios 2), so that nothing more than the
 * rounded counts can be worked back from them; means and medians are
 * suppressed where they are over fewer than 10 items, else rounded to 1
 * decimal with their count rounded.  A suppressed cell keeps no number:
 * value NAN, num and den -1.  The store sizes are rounded to 5.
 */
void review_publish(struct review *r);
/*
 * review_publish(), but the councils table's row of council (a GSS code)
 * keeps its exact figures: what a council's own staff, who may see its
 * exact figures, compare with the other councils' published ones, so
 * that their council reads the same everywhere on a page.  Only ever for
 * that council's own users.
 */
void review_publish_except(struct review *r, const char *council);

#endif
