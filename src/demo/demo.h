/*
 * demo.h: the synthetic data generator behind `cartref demo-data`.
 *
 * It writes, deterministically from a seed, what councils would submit:
 * an SSDA903 return (Header, Episodes, Missing, OC2) per council per year
 * for three reporting years, and a register of children's homes, using
 * real postcodes and councils from the store's geography.  Nothing in it
 * is about real children.
 *
 * Output layout (what `cartref import dir` reads):
 *	OUTDIR/homes.csv
 *	OUTDIR/903/<council GSS code>/<year>/{header,episodes,missing,oc2}.csv
 *	OUTDIR/missing-live.csv, OUTDIR/strategy-meetings.csv: the last
 *	year's missing periods from registered homes as live episodes, and
 *	strategy meetings (issue 5; docs/missing.md, src/demo/demo-live.c)
 */
#ifndef CARTREF_DEMO_H
#define CARTREF_DEMO_H

#include "base/compat.h"
#include "base/err.h"
#include "store/store.h"

enum demo_scale {
	DEMO_WALES,	/* 22 councils, 178 homes / 774 places, ~6,400 CLA */
	DEMO_ENGLAND,	/* ~150 councils, ~3,000 homes, ~85,000 CLA a year */
};

struct demo_opts {
	uint64_t seed;
	enum demo_scale scale;
	int first_year, last_year;	/* reporting years, e.g. 2017..2019 */
};

struct demo_summary {
	long councils, homes, places;
	long children, episodes, missing, oc2;	/* rows over all years */
	long cla_31mar_last;	/* looked after at 31 March, last year */
};

/* geo: a store with geography loaded (store_open(":memory:") will do). */
int demo_generate(struct store *geo, const struct demo_opts *o,
		  const char *outdir, struct demo_summary *sum,
		  struct err *err);

#endif
