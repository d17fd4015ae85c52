/*
 * demo.h: the synthetic data generator behind `cartref demo-data`.
 *
 * It writes, deterministically from a seed and a reference date (the
 * demo's "today", opts.as_of), what a real service would hold on that
 * day: an SSDA903 return (Header, Episodes, Missing, OC2) per council for
 * each of the last three complete reporting years before it, a register
 * of children's homes, and the live missing episodes and strategy
 * meetings of the months since the last 31 March, using real postcodes
 * and councils from the store's geography.  Nothing in it is about real
 * children.  The generator never reads the clock: the caller passes the
 * reference date (the CLI: today in UK local time).
 *
 * Output layout (what `cartref import dir` reads):
 *	OUTDIR/homes.csv
 *	OUTDIR/903/<council GSS code>/<year>/{header,episodes,missing,oc2}.csv
 *	OUTDIR/missing-live.csv, OUTDIR/strategy-meetings.csv: the missing
 *	episodes since the last 31 March of children still in the placement
 *	the last return shows open, in a home of the register, and strategy
 *	meetings (issue 5; docs/missing.md, src/demo/demo-live.c)
 *	OUTDIR/inspections.csv, findings.csv, notifications.csv,
 *	recommendations.csv, rec-progress.csv: the quality of care (issue
 *	13; docs/inspections.md, src/demo/demo-quality.c)
 */
#ifndef CARTREF_DEMO_H
#define CARTREF_DEMO_H

#include "base/compat.h"
#include "base/err.h"
#include "store/store-core.h"

enum demo_scale {
	DEMO_WALES,	/* 22 councils, 178 homes / 774 places, ~6,400 CLA */
	DEMO_ENGLAND,	/* ~150 councils, ~3,000 homes, ~85,000 CLA a year */
};

struct demo_opts {
	uint64_t seed;
	enum demo_scale scale;
	int32_t as_of;		/* the reference date, a day number: "today" */
};

#define DEMO_YEARS 3		/* reporting years written */

struct demo_summary {
	int first_year, last_year;	/* the reporting years written */
	long councils, homes, places;
	long children, episodes, missing, oc2;	/* rows over all years */
	long cla_31mar_last;	/* looked after at 31 March, last year */
	long live_episodes;	/* missing-live.csv rows */
	long live_open;		/* of them, not returned by the as-of day */
	long meetings;		/* strategy-meetings.csv rows */
	/* the quality of care (issue 13; docs/inspections.md) */
	long inspections, findings;	/* inspections.csv, findings.csv rows */
	long notices;		/* of the findings, priority action notices */
	long notices_overdue;	/* of them, open past due on as-of */
	long notifications;	/* notifications.csv rows */
	long recs;		/* recommendations.csv rows */
	long rec_progress;	/* rec-progress.csv rows */
};

/*
 * The reporting years a demo as of day as_of covers: the last DEMO_YEARS
 * complete ones, the last ending on the latest 31 March before as_of
 * (as of 1 April 2026: 2024 to 2026; as of 31 March 2026: 2023 to 2025).
 */
void demo_years(int32_t as_of, int *first, int *last);

/* geo: a store with geography loaded (store_open(":memory:") will do). */
int demo_generate(struct store *geo, const struct demo_opts *o,
		  const char *outdir, struct demo_summary *sum,
		  struct err *err);

#endif
