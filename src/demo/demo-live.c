/*
 * demo-live.c: live missing episodes for the synthetic children (issue 5;
 * docs/missing.md): OUTDIR/missing-live.csv and
 * OUTDIR/strategy-meetings.csv, which `cartref import dir` loads.
 *
 * They cover the months after the last 31 March, which no return has yet
 * (the current reporting year), up to the reference date (as-of), as the
 * home, the police and the council would have recorded them.  Only
 * children the store can place agree with them: a child whose placement
 * open in the last return (at the last 31 March) is in a home of the
 * register, while still in that same placement and under 18.  Each of
 * that child's simulated missing periods in that time becomes one live
 * episode; so does a period open in the last return (MIS_END blank) that
 * ended after 31 March, on the same start day, with its return, so that
 * the product can reconcile the two records of one absence.  Periods
 * that ended by 31 March are only in the returns.
 *
 * Times are UK wall-clock times (found missing mostly in the afternoon
 * or evening) stored as instants, and all of them are before the start
 * of the as-of day in the UK, so nothing is in the future whenever on
 * that day the data is loaded.  States follow from as-of: older episodes
 * are complete (returned, graded by the police, the return interview
 * mostly within 72 hours, some late, a few declined or not held), a
 * period still running on the as-of day is open (the child is missing
 * now), and an interview that would be held or offered after as-of is
 * not recorded yet (not yet due, or overdue).  Some children with three
 * or more M episodes get a strategy meeting a few days after the third,
 * with a safety plan review date four weeks on, if it has been held by
 * as-of.
 *
 * Deterministic per seed and as-of: every child's choices come from its
 * own stream (derived from the child's seed), and this file only reads
 * the generator's state.
 */
#include "base/compat.h"
#include "base/buf.h"
#include "base/file.h"
#include "base/parse.h"
#include "base/uktime.h"
#include "base/xalloc.h"
#include "demo/demo-internal.h"
#include "domain/missing.h"
#include "ingest/csv.h"
#include "ingest/s903-io.h"

#define MIN_MS 60000LL

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
	FILE *ep, *mt;		/* fep.fp and fmt.fp */
	struct file_out fep, fmt;
	struct buf row;
	long episodes, open, meetings;
	unsigned long ref_seq;
	int64_t limit;		/* the start of the as-of day, UK time */
};

/* (base/uktime.h) */
int64_t demo__uk_at(int32_t day, int minute)
{
	int y, m, d;
	int64_t ms = 0;

	date_to_ymd(day, &y, &m, &d);
	if (uk_to_ms(y, m, d, minute / 60, minute % 60, UK_EARLIER, &ms, NULL))
		uk_to_ms(y, m, d, minute / 60 + 1, minute % 60, UK_EARLIER,
			 &ms, NULL);
	return ms;
}

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

const struct dm_ep *demo__ep_on(const struct dm_gen *g,
				const struct dm_child *c, int32_t day)
{
	for (uint32_t k = 0; k < c->ep_n; k++) {
		const struct dm_ep *e = &g->eps[c->ep_first + k];

		if (e->decom <= day && (e->dec == DATE_NONE || e->dec > day))
			return e;
	}
	return NULL;
}

/* The return interview of an episode returned at `returned`, as far as
 * it has happened before the as-of day. */
static void interview_put(struct live_out *o, uint64_t *rs, int64_t returned)
{
	static const double iw[] = { 64, 18, 10, 8 };
	size_t how = demo__pick(rs, iw, 4);	/* in time, late, declined, none */
	bool indep = rng_chance(rs, 0.6);
	int64_t offered = returned + rng_range(rs, 60, 20 * 60) * MIN_MS;
	int64_t held = 0;

	if (how == 0)
		held = returned + rng_range(rs, 4 * 60, 71 * 60) * MIN_MS;
	else if (how == 1)
		held = returned + rng_range(rs, 73 * 60, 240 * 60) * MIN_MS;
	if (held && held < offered)
		offered = held;
	if (how == 3 || offered >= o->limit)
		offered = 0;		/* never, or not yet offered */
	if (held >= o->limit)
		held = 0;		/* not held yet */
	put_time(&o->row, offered);
	put_time(&o->row, held);
	csv_put(&o->row, !held ? "" : indep ? "independent advocate" :
		"social worker", false);
	csv_put(&o->row, !held ? "" : indep ? "1" : "0", false);
	csv_put(&o->row, held ? "accepted" : how == 2 && offered ?
		"declined" : "", false);
	csv_put(&o->row, held ? "spoke about friends and where they had "
		"been" : "", false);
}

static int child_live(struct dm_gen *g, const struct dm_area *a,
		      const struct dm_child *c, struct live_out *o,
		      struct err *err)
{
	/* the episode the last return shows open at 31 March */
	const struct dm_ep *at = demo__ep_on(g, c, g->we);
	const struct dm_home *h;
	uint64_t cs = rng_derive(c->seed, 0x6c697665);	/* "live" */
	bool exploited = rng_chance(&cs, 0.15);
	char ref[S903_CHILD_MAX + 1], text[80];
	int64_t third_start = 0, prev_ret = 0;
	int32_t gone;
	int nm = 0;
	int rc = 0;

	if (!at || at->home < 0 || !g->homes[at->home].listed)
		return 0;
	h = &g->homes[at->home];
	/* the first day the child is no longer there, or is 18 */
	gone = demo__birthday(c->dob, 18);
	if (at->dec != DATE_NONE && at->dec < gone)
		gone = at->dec;
	snprintf(ref, sizeof(ref), "C%06u", c->id);
	for (uint32_t k = 0; !rc && k < c->ms_n; k++) {
		const struct dm_miss *m = &g->miss[c->ms_first + k];
		bool open = m->end > g->sim_end, missing = !m->away;
		/* each episode its own stream: the same whatever as-of */
		uint64_t rs = rng_derive(cs, (uint64_t)(uint32_t)m->start);
		int64_t started, returned = 0, seen, last;
		int y, mo, d;

		if (m->end <= g->we || m->start < at->decom)
			continue;	/* in the returns only */
		if (m->start > g->sim_end || m->start >= gone)
			break;
		/* found missing in the afternoon or evening of the first
		 * day, after coming back from the one before */
		started = demo__uk_at(m->start,
					rng_range(&rs, 14 * 60, 23 * 60 + 30));
		if (prev_ret && started < prev_ret + 30 * MIN_MS)
			started = prev_ret + rng_range(&rs, 30, 180) * MIN_MS;
		last = uk_day_start(m->start + 1) - 10 * MIN_MS;
		if (started > last || started >= o->limit - 10 * MIN_MS)
			continue;
		seen = started - rng_range(&rs, 15, 120) * MIN_MS;
		if (seen < prev_ret)
			seen = prev_ret;
		if (!open) {
			int64_t hi = uk_day_start(m->end + 1) - MIN_MS;

			returned = demo__uk_at(m->end, rng_range(&rs, 6 * 60,
							23 * 60 + 50));
			if (returned < started + 30 * MIN_MS)
				returned = started + 30 * MIN_MS;
			if (returned > hi)
				returned = hi;
			prev_ret = returned;
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

			date_to_ymd(uk_day_of(started), &y, &mo, &d);
			snprintf(text, sizeof(text), "PR-%d-%06lu", y,
				 ++o->ref_seq);
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
		if (open)
			for (int i = 0; i < 6; i++)
				csv_put(&o->row, "", false);
		else
			interview_put(o, &rs, returned);
		rc = row_end(o, o->ep, err);
		ALLOC_GROW(g->live, g->nlive + 1, g->alive);
		g->live[g->nlive++] = (struct dm_live){
			(uint32_t)(c - g->children), at->home, started,
			missing };
		o->episodes++;
		o->open += open;
		if (missing && ++nm == 3)
			third_start = started;
	}
	if (!rc && third_start && rng_chance(&cs, 0.6)) {
		int32_t held = uk_day_of(third_start) + rng_range(&cs, 1, 5);
		char d1[DATE_STR_MAX], d2[DATE_STR_MAX];

		if (held > g->sim_end)
			return 0;	/* not held yet */
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

int demo__open_out(struct file_out *f, const char *outdir,
		   const char *name, struct err *err)
{
	struct buf path = BUF_INIT(4096);
	int rc;

	buf_addf(&path, "%s/%s", outdir, name);
	if (buf_error(&path))
		rc = err_set(err, ERR_TOO_LARGE, "output path too long");
	else
		rc = file_out_open(f, path.buf, err);
	buf_release(&path);
	return rc;
}

int demo__live_write(struct dm_gen *g, const char *outdir,
		     struct demo_summary *sum, struct err *err)
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
	struct live_out o = { NULL, NULL, FILE_OUT_INIT, FILE_OUT_INIT,
			      BUF_INIT(1 << 16), 0, 0, 0, 0, 0 };
	int rc = 0;

	o.limit = uk_day_start(g->o->as_of);
	rc = demo__open_out(&o.fep, outdir, "missing-live.csv", err);
	if (!rc)
		rc = demo__open_out(&o.fmt, outdir, "strategy-meetings.csv",
				    err);
	if (rc)
		goto out;
	o.ep = o.fep.fp;
	o.mt = o.fmt.fp;
	fputs(ep_header, o.ep);
	fputs(mt_header, o.mt);
	for (size_t a = 0; !rc && a < g->ncouncils; a++) {
		const struct dm_area *area = &g->areas[a];

		for (size_t i = 0; !rc && i < area->nkids; i++)
			rc = child_live(g, area, &g->children[area->kids[i]],
					&o, err);
	}
out:
	if (!rc)
		rc = file_out_commit(&o.fep, err);
	if (!rc)
		rc = file_out_commit(&o.fmt, err);
	file_out_abort(&o.fep);
	file_out_abort(&o.fmt);
	buf_release(&o.row);
	sum->live_episodes = o.episodes;
	sum->live_open = o.open;
	sum->meetings = o.meetings;
	return rc;
}
