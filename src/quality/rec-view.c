/*
 * rec-view.c: what the recommendations register says of a loaded
 * register (rec-view.h).  The register is tens of recommendations with
 * a few dozen addressees each, so plain scans.
 */
#include "base/compat.h"
#include "base/parse.h"
#include "base/xalloc.h"
#include "quality/rec-view.h"

long rec_view_find(const struct quality_set *q, int64_t id)
{
	for (size_t i = 0; i < q->nrecs; i++)
		if (q->recs[i].id == id)
			return (long)i;
	return -1;
}

long rec_view_addressee(const struct quality_set *q, int64_t id)
{
	for (size_t i = 0; i < q->naddressees; i++)
		if (q->addressees[i].id == id)
			return (long)i;
	return -1;
}

long rec_view_times(const struct quality_set *q, size_t i, int32_t *since)
{
	/* a worklist over the links; seen[] so that a loop ends */
	bool *seen = xcalloc(q->nrecs ? q->nrecs : 1, sizeof(*seen));
	size_t *todo = xcalloc(q->nrecs ? q->nrecs : 1, sizeof(*todo));
	size_t ntodo = 0;
	int32_t first = q->recs[i].made_on;
	long n = 0;

	seen[i] = true;
	todo[ntodo++] = i;
	while (ntodo) {
		const struct rec *r = &q->recs[todo[--ntodo]];

		n++;
		if (r->made_on != DATE_NONE &&
		    (first == DATE_NONE || r->made_on < first))
			first = r->made_on;
		for (size_t k = 0; k < q->nrepeats; k++) {
			long e;

			if (q->repeats[k].rec_id != r->id)
				continue;
			e = rec_view_find(q, q->repeats[k].earlier_id);
			if (e < 0 || seen[e])
				continue;
			seen[e] = true;
			todo[ntodo++] = (size_t)e;
		}
	}
	free(seen);
	free(todo);
	if (since)
		*since = first;
	return n;
}

bool rec_view_action_overdue(const struct rec_action *a, int32_t today)
{
	return a->done_on == DATE_NONE && a->target_on != DATE_NONE &&
	       a->target_on < today;
}

long rec_view_overdue(const struct quality_set *q, int64_t addressee_id,
		      int32_t today)
{
	long n = 0;

	for (size_t i = 0; i < q->nactions; i++)
		if (q->actions[i].addressee_id == addressee_id &&
		    rec_view_action_overdue(&q->actions[i], today))
			n++;
	return n;
}

void rec_view_counts(const struct quality_set *q, int64_t id,
		     int32_t today, struct rec_kind_count by_kind[ORG_NKINDS],
		     struct rec_kind_count *all)
{
	struct rec_kind_count sum = { 0, 0, 0, 0 };

	memset(by_kind, 0, ORG_NKINDS * sizeof(*by_kind));
	for (size_t i = 0; i < q->naddressees; i++) {
		const struct rec_addressee *a = &q->addressees[i];
		struct rec_kind_count *c;

		if (a->rec_id != id || (unsigned)a->kind >= ORG_NKINDS)
			continue;
		c = &by_kind[a->kind];
		c->n++;
		sum.n++;
		if (a->status == REC_DONE) {
			c->done++;
			sum.done++;
		}
		if (a->status == REC_DONE && a->verdict == REC_ACCEPTED) {
			c->accepted++;
			sum.accepted++;
		}
		if (rec_view_overdue(q, a->id, today)) {
			c->overdue++;
			sum.overdue++;
		}
	}
	if (all)
		*all = sum;
}
