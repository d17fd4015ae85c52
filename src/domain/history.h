/*
 * history.h: every child's care history in memory, the input of the
 * review engine (src/analytics/review.h).
 *
 * store_history_load() fills it from all stored SSDA903 returns: each
 * child once (per responsible council), its episodes and missing periods
 * merged across the yearly returns (a row in a later return replaces the
 * same episode or period in an earlier one: it has the later end date),
 * and its OC2 rows per year.  Arrays are flat and sorted; a child's rows
 * are a slice [first, first + n) of each array.
 *
 * It also holds what the agencies record live (issue 5): each child's
 * live missing episodes (mfc_episode) and strategy meetings, and every
 * alert's raise and acknowledge times, keyed to its child and home.
 * Instants are milliseconds since 1970 UTC (HIST_TIME_NONE: not
 * recorded).  A store without those tables gives none of them.
 */
#ifndef CARTREF_HISTORY_H
#define CARTREF_HISTORY_H

#include "base/compat.h"
#include "domain/home.h"
#include "domain/ssda903.h"

#define HIST_NONE UINT32_MAX	/* no index (unknown LA, no home) */

struct hist_la {
	char code[LA_CODE_MAX + 1];
	char name_en[81];
	char name_cy[81];	/* "" outside Wales */
	char country[LA_CODE_MAX + 1];
	bool is_council;
	uint32_t council;	/* index of its council (itself if one) */
};

struct hist_home {
	struct home h;		/* h.la: GSS code of the area */
	uint32_t la;		/* index into las */
};

struct hist_episode {
	int32_t decom;
	int32_t dec;		/* DATE_NONE: open at the end of the data */
	char rne;
	char ls[3];
	char place[4];
	char place_provider[4];
	char rec[4];
	char reason_place_change[7];
	char urn[S903_URN_MAX + 1];
	int32_t pl_distance;	/* tenths of a mile, -1 unknown */
	uint32_t pl_la;		/* LA of PL_POST (a district), or HIST_NONE */
	uint32_t home;		/* index into homes by URN, or HIST_NONE */
};

struct hist_missing {
	int32_t start;
	int32_t end;		/* DATE_NONE: still missing */
	char kind;		/* 'M' missing, 'A' away */
};

#define HIST_TIME_NONE INT64_MIN	/* an instant not recorded */

/* A missing (M) or away (A) episode recorded live (mfc_episode). */
struct hist_mfc {
	int64_t started_at;
	int64_t returned_at;	/* HIST_TIME_NONE: not returned */
	int64_t ri_held_at;	/* return interview held; HIST_TIME_NONE */
	uint32_t home;		/* the home it started from (by URN), or
				 * HIST_NONE */
	char kind;		/* 'M' missing, 'A' away */
	bool ri_declined;	/* ri_outcome 'declined' */
	bool arrested, charged;
};

/*
 * An alert (migration 6): when it was raised and first answered by a
 * person (acknowledged, or resolved without an acknowledgement).
 */
struct hist_alert {
	int64_t raised_at;
	int64_t acked_at;	/* HIST_TIME_NONE: never acknowledged */
	uint32_t child;		/* index into children, or HIST_NONE */
	uint32_t home;		/* index into homes by URN, or HIST_NONE */
};

struct hist_oc2 {
	int year;		/* the return it came from */
	int8_t sdq_score;	/* -1 blank */
	int8_t convicted;	/* this and the rest: 0/1, -1 blank */
	int8_t health_check;
	int8_t teeth_check;
	int8_t substance_misuse;
};

struct hist_child {
	uint32_t la;		/* responsible council, index into las */
	char ref[S903_CHILD_MAX + 1];
	int32_t dob;
	uint32_t first_episode, nepisodes;
	uint32_t first_missing, nmissing;
	uint32_t first_oc2, noc2;
	uint32_t first_mfc, nmfc;		/* live episodes */
	uint32_t first_meeting, nmeetings;	/* strategy meetings */
};

struct history {
	struct hist_la *las;		/* by code */
	size_t nlas;
	struct hist_home *homes;	/* by URN */
	size_t nhomes;
	struct hist_child *children;	/* by council, then ref */
	size_t nchildren;
	struct hist_episode *episodes;	/* by child, then DECOM */
	size_t nepisodes;
	struct hist_missing *missing;	/* by child, then start */
	size_t nmissing;
	struct hist_oc2 *oc2;		/* by child, then year */
	size_t noc2;
	struct hist_mfc *mfc;		/* by child, then started_at */
	size_t nmfc;
	int32_t *meetings;		/* held_on, by child, then day */
	size_t nmeetings;
	struct hist_alert *alerts;	/* by raised_at */
	size_t nalerts;
	int first_year, last_year;	/* years with returns; 0 if none */
	/* how long loading took, seconds, for the benchmark */
	double load_seconds;
};

#define HISTORY_INIT                                                   \
	{ NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0,        \
	  NULL, 0, NULL, 0, NULL, 0, 0, 0, 0.0 }

void history_release(struct history *h);
/* Index of code in h->las, or HIST_NONE. */
uint32_t history_la(const struct history *h, const char *code);
/* Index of the home with urn, or HIST_NONE. */
uint32_t history_home(const struct history *h, const char *urn);

#endif
