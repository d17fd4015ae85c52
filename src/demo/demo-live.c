/*
 * demo-live.c: live missing episodes for the synthetic children (issue 5;
 * docs/missing.md): OUTDIR/missing-live.csv and
 * OUTDIR/strategy-meetings.csv, which `cartref import dir` loads.
 *
 * Each SSDA903 missing period of the last reporting year that started
 * from a home in the register becomes one live episode as the home, the
 * police and the council would have recorded it: times within the
 * period's days, a police grade and reference for M, the return (none
 * for a period still open at the last 31 March), return interviews
 * (most within 72 hours, some late, some declined, some never held),
 * exploitation concerns for some children, a few arrests and charges.
 * Some children with three or more M episodes in the year get a
 * strategy meeting after the third.
 *
 * Deterministic per seed: every child's choices come from its own
 * stream (rng_derive() of the generator's seed and the child's number),
 * so the other outputs, which this file only reads, stay byte-identical.
 */
#include "base/compat.h"
#include "base/buf.h"
#include "base/parse.h"
#include "demo/demo-internal.h"
#include "domain/missing.h"
#include "ingest/csv.h"
#include "ingest/s903-io.h"

#define MIN_MS 60000LL
#define HOUR_MS 3600000LL
#define DAY_MS 86400000LL

static const char *const seen_places[] = {
	"the home", "the bus station", "the town centre", "a friend's house",
	"school", "the railway station", "the park", "a fast-food shop",
};
static const char *const return_places[] = {
	"returned to the home by themselves", "found by police in the town",
	"brought back by a friend's parent", "found at a relative's",
	"found at the railway station", "returned to the home by taxi",
};

struct live_out {
	FILE *ep, *mt;
	struct buf row;
	long episodes, meetings;
	unsigned long ref_seq;
};

static void put_time(struct buf *b, int64_t ms)
{
	char t[MFC_TIME_STR];

	mfc_time_fmt(ms, t);
	csv_put(b, t, false);
}

static void put_flag(struct buf *b, bool v)
{
	csv_put(b, v ? "1" : "0", false);
}

static int row_end(struct live_out *o, FILE *f, struct err *err)
{
	csv_end_record(&o->row);
	if (buf_error(&o->row) ||
	    fwrite(o->row.buf, 1, o->row.len, f) != o->row.len)
		return err_set(err, ERR_IO, "cannot write the live missing "
			       "episodes");
	buf_reset(&o->row);
	return 0;
}

/* The episode of child c open on day d (or ending that day). */
static const struct dm_ep *placed_on(const struct dm_gen *g,
				     const struct dm_child *c, int32_t d)
{
	const struct dm_ep *ending = NULL;

	for (uint32_t k = 0; k < c->ep_n; k++) {
		const struct dm_ep *e = &g->eps[c->ep_first + k];

		if (e->decom <= d && (e->dec == DATE_NONE || e->dec > d))
			return e;
		if (e->dec == d && !ending)
			ending = e;
	}
	return ending;
}

struct ep_times {
	int64_t started, returned;
};

static int child_live(const struct dm_gen *g, const struct dm_area *a,
		      const struct dm_child *c, struct live_out *o,
		      struct err *err)
{
	int32_t ys = year_start(g->o->last_year), ye = year_end(g->o->last_year);
	uint64_t rs = rng_derive(g->seed ^ 0x6c697665, c->id);
	bool exploited = rng_chance(&rs, 0.15);
	char ref[S903_CHILD_MAX + 1], text[80];
	int64_t third_start = 0;
	uint32_t last_open = UINT32_MAX;
	int nm = 0;
	int rc = 0;

	snprintf(ref, sizeof(ref), "C%06u", c->id);
	/* one open episode per child: the latest of those still open */
	for (uint32_t k = 0; k < c->ms_n; k++)
		if (g->miss[c->ms_first + k].end > ye)
			last_open = k;
	for (uint32_t k = 0; !rc && k < c->ms_n; k++) {
		const struct dm_miss *m = &g->miss[c->ms_first + k];
		const struct dm_ep *e;
		const struct dm_home *h;
		bool open = m->end > ye, missing = !m->away;
		int64_t started, returned = 0, seen;

		if (m->start < ys || m->start > ye ||
		    (open && k != last_open))
			continue;
		e = placed_on(g, c, m->start);
		if (!e || e->home < 0)
			continue;
		h = &g->homes[e->home];
		if (!h->listed)
			continue;
		/* found missing in the afternoon or evening of the first day */
		started = (int64_t)m->start * DAY_MS +
			  rng_range(&rs, 14 * 60, 23 * 60 + 30) * MIN_MS;
		seen = started - rng_range(&rs, 15, 120) * MIN_MS;
		if (!open) {
			int64_t day_end = ((int64_t)m->end + 1) * DAY_MS - MIN_MS;

			returned = (int64_t)m->end * DAY_MS +
				   rng_range(&rs, 6 * 60, 23 * 60 + 50) *
					   MIN_MS;
			if (returned < started + 30 * MIN_MS)
				returned = started + 30 * MIN_MS;
			if (returned > day_end && m->end > m->start)
				returned = day_end;
		}
		buf_reset(&o->row);
		csv_put(&o->row, a->code, true);
		csv_put(&o->row, ref, false);
		csv_put(&o->row, missing ? "M" : "A", false);
		csv_put(&o->row, h->h.urn, false);
		put_time(&o->row, started);
		put_time(&o->row, seen);
		csv_put(&o->row, seen_places[rng_below(&rs,
			ARRAY_SIZE(seen_places))], false);
		csv_put(&o->row, missing ? "did not come back when expected" :
			"known to be with a friend, did not come back", false);
		csv_put(&o->row, "searched nearby, rang friends and family, "
			"reported to police", false);
		put_flag(&o->row, exploited);
		csv_put(&o->row, exploited ? "older males in a car" : "", false);
		csv_put(&o->row, exploited ? "the retail park" : "", false);
		csv_put(&o->row, rng_chance(&rs, 0.2) ? "asthma: inhaler" : "",
			false);
		if (missing) {
			static const double gw[] = { 10, 45, 35, 10 };
			size_t grade = demo__pick(&rs, gw, 4);

			snprintf(text, sizeof(text), "PR-%d-%06lu",
				 g->o->last_year, ++o->ref_seq);
			csv_put(&o->row, text, false);
			csv_put(&o->row, mfc_grade_name((enum mfc_grade)(grade +
					 1)), false);
		} else {
			csv_put(&o->row, "", false);
			csv_put(&o->row, "", false);
		}
		put_time(&o->row, returned);
		csv_put(&o->row, open ? "" : return_places[rng_below(&rs,
			ARRAY_SIZE(return_places))], false);
		{
			bool arrested = missing && rng_chance(&rs, 0.03);

			put_flag(&o->row, arrested);
			put_flag(&o->row, arrested && rng_chance(&rs, 0.4));
		}
		/* the return interview */
		if (open || (!missing && rng_chance(&rs, 0.5))) {
			for (int i = 0; i < 6; i++)
				csv_put(&o->row, "", false);
		} else {
			static const double iw[] = { 55, 20, 15, 10 };
			size_t how = demo__pick(&rs, iw, 4);
			bool indep = rng_chance(&rs, 0.6);
			int64_t offered = returned +
					  rng_range(&rs, 60, 20 * 60) * MIN_MS;
			int64_t held = 0;

			if (how == 0)
				held = returned + rng_range(&rs, 4 * 60,
							    71 * 60) * MIN_MS;
			else if (how == 1)
				held = returned + rng_range(&rs, 73 * 60,
							    240 * 60) * MIN_MS;
			if (held && held < offered)
				offered = held;
			put_time(&o->row, how == 3 ? 0 : offered);
			put_time(&o->row, held);
			csv_put(&o->row, how >= 2 ? "" : indep ?
				"independent advocate" : "social worker", false);
			csv_put(&o->row, how >= 2 ? "" : indep ? "1" : "0",
				false);
			csv_put(&o->row, how == 2 ? "declined" : how < 2 ?
				"accepted" : "", false);
			csv_put(&o->row, held ? "spoke about friends and "
				"where they had been" : "", false);
		}
		rc = row_end(o, o->ep, err);
		o->episodes++;
		if (missing && ++nm == 3)
			third_start = started;
	}
	if (!rc && third_start && rng_chance(&rs, 0.6)) {
		int32_t held = (int32_t)(third_start / DAY_MS) +
			       rng_range(&rs, 1, 5);
		char d1[DATE_STR_MAX], d2[DATE_STR_MAX];

		date_fmt_iso(held, d1);
		date_fmt_iso(held + 28, d2);
		buf_reset(&o->row);
		csv_put(&o->row, a->code, true);
		csv_put(&o->row, ref, false);
		csv_put(&o->row, d1, false);
		csv_put(&o->row, "council, police, home, health", false);
		csv_put(&o->row, "safety plan agreed; exploitation screening",
			false);
		csv_put(&o->row, d2, false);
		put_time(&o->row, third_start);
		rc = row_end(o, o->mt, err);
		o->meetings++;
	}
	return rc;
}

static FILE *open_out(const char *outdir, const char *name, struct err *err)
{
	struct buf path = BUF_INIT(4096);
	FILE *f = NULL;

	buf_addf(&path, "%s/%s", outdir, name);
	if (buf_error(&path))
		err_set(err, ERR_TOO_LARGE, "output path too long");
	else if (!(f = fopen(path.buf, "wb")))
		err_errno(err, ERR_IO, "%s: cannot write", path.buf);
	buf_release(&path);
	return f;
}

int demo__live_write(struct dm_gen *g, const char *outdir, struct err *err)
{
	static const char ep_header[] =
		"LA,CHILD,KIND,URN,STARTED_AT,LAST_SEEN_AT,LAST_SEEN_PLACE,"
		"CIRCUMSTANCES,HOME_ACTIONS,EXPLOITATION,ASSOCIATES,LOCATIONS,"
		"HEALTH_NEEDS,POLICE_REF,RISK_GRADE,RETURNED_AT,RETURNED_PLACE,"
		"ARRESTED,CHARGED,RI_OFFERED_AT,RI_HELD_AT,RI_BY,"
		"RI_INDEPENDENT,RI_OUTCOME,RI_SUMMARY\r\n";
	static const char mt_header[] =
		"LA,CHILD,HELD_ON,AGENCIES,DECISIONS,SAFETY_PLAN_REVIEW_ON,"
		"EPISODE_STARTED_AT\r\n";
	struct live_out o = { NULL, NULL, BUF_INIT(1 << 16), 0, 0, 0 };
	int rc = 0;

	o.ep = open_out(outdir, "missing-live.csv", err);
	if (o.ep)
		o.mt = open_out(outdir, "strategy-meetings.csv", err);
	if (!o.ep || !o.mt) {
		rc = ERR_IO;
		goto out;
	}
	fputs(ep_header, o.ep);
	fputs(mt_header, o.mt);
	for (size_t a = 0; !rc && a < g->ncouncils; a++) {
		const struct dm_area *area = &g->areas[a];

		for (size_t i = 0; !rc && i < area->nkids; i++)
			rc = child_live(g, area, &g->children[area->kids[i]],
					&o, err);
	}
out:
	if (o.ep && fclose(o.ep) && !rc)
		rc = err_set(err, ERR_IO, "cannot write missing-live.csv");
	if (o.mt && fclose(o.mt) && !rc)
		rc = err_set(err, ERR_IO, "cannot write strategy-meetings.csv");
	buf_release(&o.row);
	return rc;
}
