/*
 * quality-figures.h: the review's figures on the quality of care (issue
 * 13; docs/indicators.md, "Quality of care"), from the inspections of the
 * scope's homes as of the review's reference day (31 March of its year).
 *
 * quality_figures() is a pure function over arrays (the homes of the
 * review's homes table, the inspections and findings, and which child was
 * placed at which home during the year), so the unit tests feed it by
 * hand; review_add_quality() builds those arrays from a computed review
 * and the history, and calls it.  It fills the figures of GROUP_QUALITY
 * and the tables TAB_QUALITY_RATINGS, TAB_QUALITY_REGULATIONS and
 * TAB_QUALITY_BANDS, and each home's last inspection in TAB_HOMES.
 *
 * Ratings, notices and findings are about homes, and CIW publishes every
 * inspection report: their counts are marked CELL_PUBLIC, as the
 * register's homes and places.  The missing periods and placement moves
 * by rating band count children: they are ordinary cells, which
 * review_publish() suppresses and rounds as every other such figure.
 * Call review_add_quality() before review_publish().
 */
#ifndef CARTREF_QUALITY_FIGURES_H
#define CARTREF_QUALITY_FIGURES_H

#include "base/compat.h"
#include "base/err.h"
#include "analytics/review.h"
#include "domain/history.h"
#include "domain/quality.h"

/* The rating bands of a home, by its worst latest theme rating. */
enum qf_band {
	QF_BAND_GOOD = 0,	/* Excellent or Good in every rated theme */
	QF_BAND_POOR,		/* Needs improvement or Poor in one or more */
	QF_BAND_NOT_RATED,	/* no theme rated by the reference day */
	QF_NBANDS
};
/* "excellent_good", "needs_improvement_poor", "not_rated". */
const char *qf_band_key(enum qf_band b);

/* A home of the scope (a row of the review's homes table). */
struct qf_home {
	const char *urn;
	const char *council;		/* GSS code of its area */
	const char *provider_type;	/* "la", "private", "voluntary" */
	bool open;			/* open on the reference day */
	long places;			/* registered places then (0: closed) */
	long missing_periods;		/* periods missing from it in the year */
};

/* A child placed at homes[home] during the year (one per child and
 * home; a child at two homes is two stays). */
struct qf_stay {
	uint32_t child;			/* tells children apart, nothing more */
	uint32_t home;			/* index into the homes */
	int placements;			/* the child's placements in the year */
};

/* A council's names, for the rows of the ratings table. */
struct qf_council {
	const char *code, *name_en, *name_cy;
};

struct qf_input {
	int32_t start, end;		/* the year: 1 April .. 31 March */
	/* the scope's own row of the ratings table ("W92000004", "Wales") */
	const char *scope_key, *scope_en, *scope_cy;
	bool by_council;		/* rows for each council's area */
	bool by_provider_type;		/* rows for each type of provider */
	const struct qf_home *homes;
	size_t nhomes;
	const struct qf_council *councils;	/* in the order of the rows */
	size_t ncouncils;
	const struct q_inspection *insp;	/* any order; other homes' are
						 * ignored */
	size_t ninsp;
	const struct q_finding *findings;	/* by inspection_id */
	size_t nfindings;
	const struct qf_stay *stays;
	size_t nstays;
};

/*
 * The latest rating of each theme of home urn on day `on`: for each
 * theme, that of the inspection ending last on or before `on` that rated
 * it (Q_NOT_RATED: none).  The band those ratings put the home in.
 */
enum qf_band quality_latest_ratings(const char *urn,
				    const struct q_inspection *insp, size_t n,
				    int32_t on, enum q_rating out[Q_NTHEMES]);

/*
 * Fill r's quality figures and tables from in (replacing what they held);
 * last_inspection of TAB_HOMES when r has that table.  r must not be
 * published yet (BUG otherwise).
 */
void quality_figures(struct review *r, const struct qf_input *in);

/*
 * The same from a computed review (review_compute(), not published) and
 * the history it was computed from, with the store's inspections and
 * findings of every home (store_quality_load()).  Nothing when r has no
 * homes table (the figures of a year before).
 */
void review_add_quality(struct review *r, const struct history *h,
			const struct q_inspection *insp, size_t ninsp,
			const struct q_finding *findings, size_t nfindings);

#endif
