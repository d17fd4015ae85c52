/*
 * rec-view.h: what the recommendations register says of a loaded
 * register (quality_recs(); issue 13, docs/inspections.md), the same for
 * the pages, the API and the report: how many times a recommendation has
 * been made (its chain of repeats) and since when, its addressees
 * counted by kind, and what of an addressee's is overdue.
 *
 * Pure functions over a struct quality_set loaded with QP_RECS: no
 * store, no viewer (the service has already scoped the set).
 */
#ifndef CARTREF_QUALITY_REC_VIEW_H
#define CARTREF_QUALITY_REC_VIEW_H

#include "base/compat.h"
#include "domain/quality.h"
#include "store/store-quality.h"

/* The index in q->recs of recommendation id, or -1. */
long rec_view_find(const struct quality_set *q, int64_t id);
/* The index in q->addressees of addressee id, or -1. */
long rec_view_addressee(const struct quality_set *q, int64_t id);

/*
 * How many times recommendation q->recs[i] has been made: itself and
 * every earlier one it repeats, directly or through another (each
 * counted once, a loop in the links is followed once), and the day the
 * earliest of them was made (*since; may be NULL).
 */
long rec_view_times(const struct quality_set *q, size_t i, int32_t *since);

/* Addressees of one kind of organisation, and how they stand. */
struct rec_kind_count {
	long n;			/* addressees of the kind */
	long done;		/* rating themselves done */
	long accepted;		/* done, accepted by the inspectorate */
	long overdue;		/* with an action past its target day */
};
/* Recommendation id's addressees counted by kind (ORG_NKINDS), and in
 * all (*all, may be NULL).  today: for overdue actions. */
void rec_view_counts(const struct quality_set *q, int64_t id,
		     int32_t today, struct rec_kind_count by_kind[ORG_NKINDS],
		     struct rec_kind_count *all);

/* Addressee id's actions not done whose target day is before today. */
long rec_view_overdue(const struct quality_set *q, int64_t addressee_id,
		      int32_t today);
/* Is action a overdue on today? */
bool rec_view_action_overdue(const struct rec_action *a, int32_t today);

/* The number of councils in Wales ("All 22 councils"). */
#define REC_WALES_COUNCILS 22

#endif
