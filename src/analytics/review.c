/*
 * review.c: the review engine.  One pass over every child's history
 * accumulates, at once, the figures of the chosen scope, a row per
 * council and a row per home; the figures and tables are then read off
 * the accumulators.  Definitions: docs/indicators.md (keep in step).
 */
#include "base/compat.h"
#include <math.h>
#include "base/parse.h"
#include "base/xalloc.h"
#include "analytics/review.h"

const struct review_fig_def review_figs[FIG_N] = {
#define REVIEW_FIG_DEF_(id, key, kind, group) \
	[FIG_##id] = { FIG_##id, key, kind, group },
	REVIEW_FIGURES(REVIEW_FIG_DEF_)
#undef REVIEW_FIG_DEF_
};

#define NTREND 3		/* the year and the two before */
#define NREASONS 13		/* 12 codes and blank */
#define NDIST_BANDS 7
#define NDUR_BANDS 6
#define NPLACEMENTS 5		/* 1, 2, 3, 4, 5+ */

static const char *const reason_keys[NREASONS] = {
	"CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO",
	"CHILD", "LAREQ", "PLACE", "CUSTOD", "OTHER", "blank",
};
static const char *const dist_keys[NDIST_BANDS] = {
	"0_20", "21_40", "41_60", "61_80", "81_100", "over_100", "unknown",
};
static const char *const dur_keys[NDUR_BANDS] = {
	"same_day", "1_2_days", "3_7_days", "8_28_days", "29_plus_days",
	"open",
};
static const char *const placement_keys[NPLACEMENTS] = {
	"1", "2", "3", "4", "5+",
};

/* Outcome measures, rows of TAB_OUTCOMES; variants are its columns. */
enum { OUT_ALL, OUT_HOME, OUT_OTHER, NOUT_VARIANTS };
struct outcome_acc {
	long cohort, sdq_recorded, sdq_sum, sdq_concern;
	long flag_num[4], flag_den[4];	/* convicted, substance, health, teeth */
};

/* Counts for a set of children (the scope, or one council). */
struct acc {
	long cla31, looked_after, in_homes, in_secure;
	long in_homes_known, in_homes_outside;
	long placed_known, placed_outside_council, placed_outside_wales;
	long placements3, moves_carer, endings;
	long lt_num, lt_den;
	long missing_children, missing_periods, missing_repeat, missing_open;
	long missing_children_home, missing_children_other;
	long periods_home, periods_other;
	long away_children, away_periods;
	long trend_periods[NTREND][2], trend_children[NTREND][2];
	long trend_away[NTREND];
	long dist_known, dist_over20, dist_unknown;
	long dist_homes_known, dist_homes_over20;
	long dist_bands[NDIST_BANDS][2];
	long dur_bands[NDUR_BANDS][2];
	long placements[NPLACEMENTS];
	long endings_by_reason[NREASONS];
	struct outcome_acc out[NOUT_VARIANTS];
	/* values for medians and means (scope only, else NULL) */
	int32_t *durations;
	size_t ndurations, adurations;
	long duration_sum;
	int32_t *distances;
	size_t ndistances, adistances;
	bool keep_values;
};

struct home_acc {
	long children_placed, missing_periods, missing_children, moves_out;
	uint32_t last_child_placed, last_child_missing;
};

/*
 * The response to going missing, from the live records (issue 5), for
 * the scope, a council or a home.  The median time to acknowledge is
 * filled in after the pass (ack_median, in hours; NAN if none).
 */
struct live_acc {
	long returns, ri_72h, ri_declined;
	long repeat, repeat_meetings, repeat_no_meeting;
	long children_returned, arrested;
	long alerts, acked, unacked;
	double ack_median;
};

/* An alert's time to acknowledge (ms), keyed by council or home. */
struct ack_delay {
	uint32_t key;
	int64_t ms;
};

struct engine {
	const struct history *h;
	int year;
	int32_t start, end;		/* 1 April .. 31 March */
	int32_t trend_start[NTREND];	/* year - 2 .. year */
	int32_t trend_end[NTREND];
	const struct review_scope *scope;
	bool figures_only;		/* the scope's figures, no tables */
	uint32_t scope_la, scope_home;
	struct acc scope_acc;
	struct acc *councils;		/* by la index */
	struct home_acc *homes;		/* by home index */
	/* the response to going missing (live records) */
	struct live_acc scope_live;
	struct live_acc *council_live;	/* by la index */
	struct live_acc *home_live;	/* by home index */
	struct ack_delay *delays[3];	/* scope, councils, homes */
	size_t ndelays[3], adelays[3];
	/* scratch for one child: its periods in the year (day, home) */
	struct period_at {
		int32_t day;
		uint32_t home;
	} *periods;
	size_t nperiods, aperiods;
	uint32_t *child_homes;
	size_t nchild_homes, achild_homes;
};

/* ---- per-child facts ----------------------------------------------------- */

static bool is_home_place(const char *place)
{
	return place_is_childrens_home(place);
}

static bool short_breaks(const struct hist_episode *e)
{
	return e->ls[0] == 'V' && (e->ls[1] == '3' || e->ls[1] == '4');
}

static bool overlaps(const struct hist_episode *e, int32_t s, int32_t end)
{
	return e->decom <= end && (e->dec == DATE_NONE || e->dec >= s);
}

static bool open_on(const struct hist_episode *e, int32_t day)
{
	return e->decom <= day && (e->dec == DATE_NONE || e->dec > day);
}

/* The episode a child was in on day, or NULL. */
static const struct hist_episode *episode_on(const struct hist_episode *eps,
					     size_t n, int32_t day)
{
	const struct hist_episode *best = NULL;

	for (size_t i = 0; i < n && eps[i].decom <= day; i++) {
		if (open_on(&eps[i], day))
			return &eps[i];
		if (eps[i].dec == day)
			best = &eps[i];	/* went missing on its last day */
	}
	return best;
}

static int reason_index(const char *code)
{
	for (int i = 0; i < NREASONS - 1; i++)
		if (!strcmp(reason_keys[i], code))
			return i;
	return NREASONS - 1;
}

static int dist_band(int32_t tenths)
{
	if (tenths < 0)
		return NDIST_BANDS - 1;
	if (tenths <= 200)
		return 0;
	if (tenths <= 400)
		return 1;
	if (tenths <= 600)
		return 2;
	if (tenths <= 800)
		return 3;
	if (tenths <= 1000)
		return 4;
	return 5;
}

static int dur_band(int32_t days, bool open)
{
	if (open)
		return NDUR_BANDS - 1;
	if (days <= 0)
		return 0;
	if (days <= 2)
		return 1;
	if (days <= 7)
		return 2;
	if (days <= 28)
		return 3;
	return 4;
}

/* Add one value to a growable array of int32. */
static void push(int32_t **v, size_t *n, size_t *alloc, int32_t x)
{
	ALLOC_GROW(*v, *n + 1, *alloc);
	(*v)[(*n)++] = x;
}

/*
 * The start of the placement current in episode i: back through
 * contiguous episodes that only changed legal status (RNE L).
 */
static int32_t placement_start(const struct hist_episode *eps, size_t i)
{
	while (i > 0 && eps[i].rne == 'L' && eps[i - 1].dec == eps[i].decom)
		i--;
	return eps[i].decom;
}

/* The start of the period of care that episode i belongs to. */
static int32_t care_start(const struct hist_episode *eps, size_t i)
{
	while (i > 0 && eps[i].rne != 'S' && eps[i - 1].dec == eps[i].decom)
		i--;
	return eps[i].decom;
}

static void add_outcome(struct outcome_acc *o, const struct hist_oc2 *r)
{
	const int8_t flags[4] = {
		r->convicted, r->substance_misuse, r->health_check,
		r->teeth_check,
	};

	o->cohort++;
	if (r->sdq_score >= 0) {
		o->sdq_recorded++;
		o->sdq_sum += r->sdq_score;
		o->sdq_concern += r->sdq_score >= 17;
	}
	for (int k = 0; k < 4; k++)
		if (flags[k] >= 0) {
			o->flag_den[k]++;
			o->flag_num[k] += flags[k] == 1;
		}
}

/*
 * Everything one child contributes.  a is the scope's accumulator when
 * the child is in scope (else NULL), ca the child's council's.  ep_ok
 * says whether an episode counts for the scope (in the home scope: only
 * episodes at that home).
 */
struct child_ctx {
	struct engine *en;
	const struct hist_child *c;
	uint32_t ci;
	const struct hist_episode *eps;
	size_t n;
};

static bool ep_in_scope(const struct engine *en, const struct hist_episode *e)
{
	return en->scope->kind != SCOPE_HOME || e->home == en->scope_home;
}

static void count_child(struct engine *en, struct acc *a, bool home_scope,
			const struct child_ctx *x)
{
	const struct history *h = en->h;
	const struct hist_child *c = x->c;
	const struct hist_episode *eps = x->eps, *ep31 = NULL;
	size_t n = x->n, i31 = 0;
	bool looked_after = false;
	int placements = 0;

	for (size_t i = 0; i < n; i++) {
		const struct hist_episode *e = &eps[i];

		if (!overlaps(e, en->start, en->end))
			continue;
		if (!short_breaks(e) && (!home_scope || ep_in_scope(en, e)))
			looked_after = true;
		if (!placements || (e->rne && strchr("SPBTU", e->rne)))
			placements++;
		if (open_on(e, en->end)) {
			ep31 = e;
			i31 = i;
		}
		if (e->decom >= en->start && !home_scope) {
			if (e->rne == 'P' || e->rne == 'B')
				a->moves_carer++;
			/*
			 * The new episode says a placement ended; the DfE
			 * (rules 225, 226) put the reason on the episode
			 * that ended (REC X1), the child's previous one.
			 */
			if (e->rne && strchr("PBTU", e->rne)) {
				a->endings++;
				a->endings_by_reason[reason_index(
					i ? eps[i - 1].reason_place_change :
					    "")]++;
			}
		}
	}
	if (looked_after)
		a->looked_after++;
	if (ep31 && (short_breaks(ep31) || !ep_in_scope(en, ep31)))
		ep31 = NULL;
	if (ep31) {
		bool in_home = is_home_place(ep31->place);
		int band = dist_band(ep31->pl_distance);

		a->cla31++;
		a->placements[placements >= NPLACEMENTS ? NPLACEMENTS - 1
							: placements - 1]++;
		if (placements >= 3)
			a->placements3++;
		if (in_home) {
			a->in_homes++;
			a->in_secure += ep31->place[1] == '1';
		}
		if (ep31->pl_la != HIST_NONE) {
			const struct hist_la *pl = &h->las[ep31->pl_la];
			bool outside = pl->council != c->la;

			a->placed_known++;
			a->placed_outside_council += outside;
			a->placed_outside_wales +=
				strcmp(pl->country, "W92000004") != 0;
			if (in_home) {
				a->in_homes_known++;
				a->in_homes_outside += outside;
			}
		}
		a->dist_bands[band][0]++;
		if (in_home)
			a->dist_bands[band][1]++;
		if (ep31->pl_distance < 0) {
			a->dist_unknown++;
		} else {
			a->dist_known++;
			a->dist_over20 += ep31->pl_distance > 200;
			if (in_home) {
				a->dist_homes_known++;
				a->dist_homes_over20 += ep31->pl_distance > 200;
			}
			if (a->keep_values)
				push(&a->distances, &a->ndistances,
				     &a->adistances, ep31->pl_distance);
		}
		/* long-term stability: under 16, in care 2.5 years */
		if (!home_scope && c->dob != DATE_NONE &&
		    date_age_years(c->dob, en->end) < 16 &&
		    care_start(eps, i31) <= date_from_ymd(en->year - 3, 9, 30)) {
			a->lt_den++;
			if (placement_start(eps, i31) <=
			    date_from_ymd(en->year - 2, 3, 31))
				a->lt_num++;
		}
	}
	/* outcomes: OC2 rows of this year's return */
	if (!home_scope)
		for (uint32_t k = 0; k < c->noc2; k++) {
			const struct hist_oc2 *o = &h->oc2[c->first_oc2 + k];
			bool in_home = ep31 && is_home_place(ep31->place);

			if (o->year != en->year)
				continue;
			add_outcome(&a->out[OUT_ALL], o);
			add_outcome(&a->out[in_home ? OUT_HOME : OUT_OTHER], o);
		}
	/* missing and away periods, this year and the two before */
	{
		long periods[NTREND][2] = { { 0 } };
		long away[NTREND] = { 0 };
		long periods_now = 0;

		for (uint32_t k = 0; k < c->nmissing; k++) {
			const struct hist_missing *m =
				&h->missing[c->first_missing + k];
			const struct hist_episode *e;
			int t, home;

			for (t = 0; t < NTREND; t++)
				if (m->start >= en->trend_start[t] &&
				    m->start <= en->trend_end[t])
					break;
			if (t == NTREND)
				continue;
			e = episode_on(eps, n, m->start);
			if (home_scope && (!e || !ep_in_scope(en, e)))
				continue;
			home = e && is_home_place(e->place) ? 0 : 1;
			if (m->kind == 'A') {
				away[t]++;
				continue;
			}
			periods[t][home]++;
			if (t == NTREND - 1) {
				bool open = m->end == DATE_NONE ||
					    m->end > en->end;
				int32_t days = (open ? en->end : m->end) -
					       m->start;

				periods_now++;
				a->missing_open += open;
				a->dur_bands[dur_band(days, open)][home]++;
				if (a->keep_values) {
					push(&a->durations, &a->ndurations,
					     &a->adurations, days);
					a->duration_sum += days;
				}
			}
		}
		for (int t = 0; t < NTREND; t++) {
			for (int p = 0; p < 2; p++) {
				a->trend_periods[t][p] += periods[t][p];
				a->trend_children[t][p] += periods[t][p] > 0;
			}
			a->trend_away[t] += away[t];
		}
		if (periods_now) {
			a->missing_children++;
			a->missing_periods += periods_now;
			a->missing_repeat += periods_now >= 3;
			a->periods_home += periods[NTREND - 1][0];
			a->periods_other += periods[NTREND - 1][1];
			a->missing_children_home += periods[NTREND - 1][0] > 0;
			a->missing_children_other += periods[NTREND - 1][1] > 0;
		}
		if (away[NTREND - 1]) {
			a->away_children++;
			a->away_periods += away[NTREND - 1];
		}
	}
}

/* What a child contributes to the homes it was placed in. */
static void count_homes(struct engine *en, const struct child_ctx *x)
{
	const struct history *h = en->h;
	const struct hist_child *c = x->c;
	const struct hist_episode *eps = x->eps;

	for (size_t i = 0; i < x->n; i++) {
		const struct hist_episode *e = &eps[i];
		struct home_acc *ha;

		if (e->home == HIST_NONE || !overlaps(e, en->start, en->end))
			continue;
		ha = &en->homes[e->home];
		if (ha->last_child_placed != x->ci) {
			ha->last_child_placed = x->ci;
			ha->children_placed++;
		}
		/* a move out: the next placement starts where this ends */
		if (e->dec != DATE_NONE && e->dec >= en->start &&
		    e->dec <= en->end && i + 1 < x->n &&
		    eps[i + 1].decom == e->dec && eps[i + 1].rne &&
		    strchr("PBTU", eps[i + 1].rne) &&
		    eps[i + 1].home != e->home)
			ha->moves_out++;
	}
	for (uint32_t k = 0; k < c->nmissing; k++) {
		const struct hist_missing *m = &h->missing[c->first_missing + k];
		const struct hist_episode *e;

		if (m->kind != 'M' || m->start < en->start || m->start > en->end)
			continue;
		e = episode_on(eps, x->n, m->start);
		if (!e || e->home == HIST_NONE)
			continue;
		en->homes[e->home].missing_periods++;
		if (en->homes[e->home].last_child_missing != x->ci) {
			en->homes[e->home].last_child_missing = x->ci;
			en->homes[e->home].missing_children++;
		}
	}
}

/* Was the child placed at the scope's home during the year? */
static bool placed_at_scope_home(const struct engine *en,
				 const struct child_ctx *x)
{
	for (size_t i = 0; i < x->n; i++)
		if (x->eps[i].home == en->scope_home &&
		    overlaps(&x->eps[i], en->start, en->end))
			return true;
	return false;
}

/* ---- the response to going missing (live records) ---------------------- */

#define MS_PER_DAY 86400000LL
#define RI_WINDOW_MS (72 * 3600000LL)	/* return interview: 72 hours */
#define ANY_HOME (HIST_NONE - 1)	/* no filter by home */

/* The day (UTC) of an instant. */
static int32_t day_of(int64_t ms)
{
	int64_t d = ms / MS_PER_DAY;

	if (ms % MS_PER_DAY < 0)
		d--;
	return (int32_t)d;
}

static bool in_year(const struct engine *en, int32_t day)
{
	return day >= en->start && day <= en->end;
}

static bool home_matches(uint32_t home, uint32_t filter)
{
	return filter == ANY_HOME || home == filter;
}

/* A live missing episode that returned in the year. */
static bool mfc_returned_in_year(const struct engine *en,
				 const struct hist_mfc *m)
{
	return m->kind == 'M' && m->returned_at != HIST_TIME_NONE &&
	       in_year(en, day_of(m->returned_at));
}

/* Held no earlier than the return and at most 72 hours after it. */
static bool ri_within_72h(const struct hist_mfc *m)
{
	return !m->ri_declined && m->ri_held_at != HIST_TIME_NONE &&
	       m->ri_held_at >= m->returned_at &&
	       m->ri_held_at - m->returned_at <= RI_WINDOW_MS;
}

/*
 * The child's missing periods starting in the year, SSDA903 and live
 * together, into en->periods: each SSDA903 period (MISSING = M) with
 * the home of its placement on the day, then each live missing episode
 * that no SSDA903 period of the same child starting the same day
 * already gives (the same period, once returned to the council), with
 * the home it started from.  A live episode matching a period lends it
 * its home when the period has none.
 */
static void child_periods(struct engine *en, const struct child_ctx *x)
{
	const struct history *h = en->h;
	const struct hist_child *c = x->c;
	size_t n903;

	en->nperiods = 0;
	for (uint32_t k = 0; k < c->nmissing; k++) {
		const struct hist_missing *m = &h->missing[c->first_missing + k];
		const struct hist_episode *e;

		if (m->kind != 'M' || !in_year(en, m->start))
			continue;
		e = episode_on(x->eps, x->n, m->start);
		ALLOC_GROW(en->periods, en->nperiods + 1, en->aperiods);
		en->periods[en->nperiods].day = m->start;
		en->periods[en->nperiods++].home = e ? e->home : HIST_NONE;
	}
	n903 = en->nperiods;
	for (uint32_t k = 0; k < c->nmfc; k++) {
		const struct hist_mfc *m = &h->mfc[c->first_mfc + k];
		int32_t day = day_of(m->started_at);
		bool dup = false;

		if (m->kind != 'M' || !in_year(en, day))
			continue;
		for (size_t i = 0; i < n903 && !dup; i++)
			if (en->periods[i].day == day) {
				dup = true;
				if (en->periods[i].home == HIST_NONE)
					en->periods[i].home = m->home;
			}
		if (dup)
			continue;
		ALLOC_GROW(en->periods, en->nperiods + 1, en->aperiods);
		en->periods[en->nperiods].day = day;
		en->periods[en->nperiods++].home = m->home;
	}
}

static long meetings_in_year(const struct engine *en,
			     const struct hist_child *c)
{
	long n = 0;

	for (uint32_t k = 0; k < c->nmeetings; k++)
		n += in_year(en, en->h->meetings[c->first_meeting + k]);
	return n;
}

/*
 * What one child's live records add to acc, counting only those from
 * home `filter` (ANY_HOME: all): returns and their interviews, whether
 * the child returned and was arrested or charged, and whether it went
 * missing 3 or more times (en->periods, from child_periods()) and the
 * strategy meetings held for it.
 */
static void add_child_live(struct engine *en, const struct child_ctx *x,
			   uint32_t filter, long meetings,
			   struct live_acc *acc)
{
	const struct history *h = en->h;
	const struct hist_child *c = x->c;
	bool returned = false, arrested = false;
	long periods = 0;

	for (uint32_t k = 0; k < c->nmfc; k++) {
		const struct hist_mfc *m = &h->mfc[c->first_mfc + k];

		if (!mfc_returned_in_year(en, m) ||
		    !home_matches(m->home, filter))
			continue;
		acc->returns++;
		acc->ri_72h += ri_within_72h(m);
		acc->ri_declined += m->ri_declined;
		returned = true;
		arrested |= m->arrested || m->charged;
	}
	acc->children_returned += returned;
	acc->arrested += arrested;
	for (size_t i = 0; i < en->nperiods; i++)
		periods += home_matches(en->periods[i].home, filter);
	if (periods >= 3) {
		acc->repeat++;
		acc->repeat_meetings += meetings;
		acc->repeat_no_meeting += meetings == 0;
	}
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

/*
 * A child's live records, for its council, the scope and each home they
 * name.  Every child is counted here, whether or not its returns give it
 * an episode in the year: live records are newer than the returns.
 */
static void count_live(struct engine *en, const struct child_ctx *x)
{
	const struct history *h = en->h;
	const struct hist_child *c = x->c;
	long meetings;

	if (!c->nmfc && !c->nmissing)
		return;
	child_periods(en, x);
	meetings = meetings_in_year(en, c);
	if (c->la != HIST_NONE && !en->figures_only)
		add_child_live(en, x, ANY_HOME, meetings,
			       &en->council_live[c->la]);
	switch (en->scope->kind) {
	case SCOPE_NATIONAL:
		add_child_live(en, x, ANY_HOME, meetings, &en->scope_live);
		break;
	case SCOPE_COUNCIL:
		if (c->la == en->scope_la)
			add_child_live(en, x, ANY_HOME, meetings,
				       &en->scope_live);
		break;
	case SCOPE_HOME:
		add_child_live(en, x, en->scope_home, meetings,
			       &en->scope_live);
		break;
	}
	if (en->figures_only)
		return;
	/* each home the child's records of the year name, once */
	en->nchild_homes = 0;
	for (size_t i = 0; i < en->nperiods; i++)
		if (en->periods[i].home != HIST_NONE) {
			ALLOC_GROW(en->child_homes, en->nchild_homes + 1,
				   en->achild_homes);
			en->child_homes[en->nchild_homes++] =
				en->periods[i].home;
		}
	for (uint32_t k = 0; k < c->nmfc; k++) {
		const struct hist_mfc *m = &h->mfc[c->first_mfc + k];

		if (m->home != HIST_NONE && mfc_returned_in_year(en, m)) {
			ALLOC_GROW(en->child_homes, en->nchild_homes + 1,
				   en->achild_homes);
			en->child_homes[en->nchild_homes++] = m->home;
		}
	}
	if (en->nchild_homes > 1)
		qsort(en->child_homes, en->nchild_homes,
		      sizeof(*en->child_homes), cmp_u32);
	for (size_t i = 0; i < en->nchild_homes; i++)
		if (!i || en->child_homes[i] != en->child_homes[i - 1])
			add_child_live(en, x, en->child_homes[i], meetings,
				       &en->home_live[en->child_homes[i]]);
}

static void push_delay(struct engine *en, int which, uint32_t key,
		       int64_t ms)
{
	ALLOC_GROW(en->delays[which], en->ndelays[which] + 1,
		   en->adelays[which]);
	en->delays[which][en->ndelays[which]].key = key;
	en->delays[which][en->ndelays[which]++].ms = ms;
}

static void add_alert(struct engine *en, struct live_acc *acc, int which,
		      uint32_t key, const struct hist_alert *a)
{
	acc->alerts++;
	if (a->acked_at == HIST_TIME_NONE) {
		acc->unacked++;
		return;
	}
	acc->acked++;
	/* an acknowledgement stamped before the raise counts as at once */
	push_delay(en, which, key,
		   a->acked_at > a->raised_at ? a->acked_at - a->raised_at
					      : 0);
}

/*
 * Alerts raised in the year: for the child's council (an alert about a
 * home alone: the council of the home's area), the home it names, and
 * the scope.
 */
static void count_alerts(struct engine *en)
{
	const struct history *h = en->h;

	for (size_t i = 0; i < h->nalerts; i++) {
		const struct hist_alert *a = &h->alerts[i];
		uint32_t council = HIST_NONE;
		bool in_scope = false;

		if (!in_year(en, day_of(a->raised_at)))
			continue;
		if (a->child != HIST_NONE)
			council = h->children[a->child].la;
		else if (a->home != HIST_NONE && h->homes[a->home].la != HIST_NONE)
			council = h->las[h->homes[a->home].la].council;
		if (council != HIST_NONE)
			add_alert(en, &en->council_live[council], 1, council,
				  a);
		if (a->home != HIST_NONE)
			add_alert(en, &en->home_live[a->home], 2, a->home, a);
		switch (en->scope->kind) {
		case SCOPE_NATIONAL:
			in_scope = true;
			break;
		case SCOPE_COUNCIL:
			in_scope = council == en->scope_la;
			break;
		case SCOPE_HOME:
			in_scope = a->home == en->scope_home;
			break;
		}
		if (in_scope)
			add_alert(en, &en->scope_live, 0, 0, a);
	}
}

static int cmp_delay(const void *a, const void *b)
{
	const struct ack_delay *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return (x->ms > y->ms) - (x->ms < y->ms);
}

/* Median of the sorted delays v[n], in hours. */
static double median_hours(const struct ack_delay *v, size_t n)
{
	double m;

	if (!n)
		return NAN;
	m = n % 2 ? (double)v[n / 2].ms
		  : ((double)v[n / 2 - 1].ms + (double)v[n / 2].ms) / 2.0;
	return m / 3600000.0;
}

/* Each accumulator's median time to acknowledge, from en->delays. */
static void ack_medians(struct engine *en)
{
	const struct history *h = en->h;
	struct live_acc *accs[3] = { &en->scope_live, en->council_live,
				     en->home_live };
	size_t nkeys[3] = { 1, h->nlas, h->nhomes };

	for (int w = 0; w < 3; w++) {
		struct ack_delay *v = en->delays[w];
		size_t n = en->ndelays[w];

		for (size_t k = 0; k < nkeys[w]; k++)
			accs[w][k].ack_median = NAN;
		if (n)
			qsort(v, n, sizeof(*v), cmp_delay);
		for (size_t i = 0, j; i < n; i = j) {
			for (j = i; j < n && v[j].key == v[i].key; j++)
				;
			if (v[i].key < nkeys[w])
				accs[w][v[i].key].ack_median =
					median_hours(v + i, j - i);
		}
	}
}

/* ---- cells ------------------------------------------------------------- */

static struct review_cell cell_count(long n)
{
	return (struct review_cell){ FIG_COUNT, (double)n, n, -1, 0 };
}

/* A count from the public register of homes: never suppressed. */
static struct review_cell cell_public(long n)
{
	return (struct review_cell){ FIG_COUNT, (double)n, n, -1,
				     CELL_PUBLIC };
}

static struct review_cell cell_frac(enum fig_kind kind, long num, long den)
{
	double v = den > 0 ? (double)num / (double)den : NAN;

	if (kind == FIG_PERCENT)
		v *= 100.0;
	return (struct review_cell){ kind, v, num, den, 0 };
}

static struct review_cell cell_mean(long sum, long n)
{
	return (struct review_cell){ FIG_MEAN, n ? (double)sum / (double)n : NAN,
				     -1, n, 0 };
}

static int cmp_i32(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;

	return (x > y) - (x < y);
}

/* Median of v[n] (sorted in place), scaled by scale. */
static struct review_cell cell_median(int32_t *v, size_t n, double scale)
{
	double m = NAN;

	if (n) {
		qsort(v, n, sizeof(*v), cmp_i32);
		m = n % 2 ? v[n / 2] : (v[n / 2 - 1] + (double)v[n / 2]) / 2.0;
		m *= scale;
	}
	return (struct review_cell){ FIG_MEDIAN, m, -1, (long)n, 0 };
}

static struct review_cell cell_median_value(double v, long n)
{
	return (struct review_cell){ FIG_MEDIAN, v, -1, n, 0 };
}

static struct review_cell cell_na(enum fig_kind kind)
{
	return (struct review_cell){ kind, NAN, -1, -1, CELL_NA };
}

static struct review_cell cell_date(int32_t day)
{
	return (struct review_cell){ FIG_DATE, (double)day, -1, -1, 0 };
}

/* ---- tables ------------------------------------------------------------ */

static void table_init(struct review_table *t, const char *key, size_t nrows,
		       const char *const *cols, size_t ncols)
{
	t->key = key;
	t->nrows = nrows;
	t->ncols = ncols;
	t->col_keys = cols;
	size_t ncells = nrows * ncols;

	t->row_keys = xcalloc(nrows ? nrows : 1, sizeof(*t->row_keys));
	t->cells = xcalloc(ncells ? ncells : 1, sizeof(*t->cells));
}

static void table_names(struct review_table *t)
{
	t->row_names_en = xcalloc(t->nrows ? t->nrows : 1, sizeof(char *));
	t->row_names_cy = xcalloc(t->nrows ? t->nrows : 1, sizeof(char *));
}

static void table_free(struct review_table *t)
{
	free(t->total_key);
	free(t->total);
	for (size_t i = 0; i < t->nrows; i++) {
		free(t->row_keys[i]);
		if (t->row_names_en)
			free(t->row_names_en[i]);
		if (t->row_names_cy)
			free(t->row_names_cy[i]);
		if (t->row_council)
			free(t->row_council[i]);
		if (t->row_provider_type)
			free(t->row_provider_type[i]);
	}
	free(t->row_keys);
	free(t->row_names_en);
	free(t->row_names_cy);
	free(t->row_council);
	free(t->row_provider_type);
	free(t->cells);
	memset(t, 0, sizeof(*t));
}

static void set_row(struct review_table *t, size_t r, const char *key)
{
	t->row_keys[r] = xstrdup(key);
}

static const char *const council_cols[] = {
	"looked_after_31_march", "children_in_homes", "places", "homes_open",
	"missing_children", "missing_percent", "three_or_more_placements",
	"over_20_miles", "return_interview_within_72_hours",
	"strategy_meetings_per_repeat_child", "median_hours_to_acknowledge",
	"arrested_or_charged",
};
static const char *const provider_cols[] = {
	"homes_open", "places", "children_placed", "missing_periods",
	"missing_per_place",
};
static const char *const home_cols[] = {
	"places", "children_placed", "missing_periods", "missing_children",
	"missing_per_place", "moves_out", "last_inspection",
	"return_interview_within_72_hours",
	"strategy_meetings_per_repeat_child", "median_hours_to_acknowledge",
	"arrested_or_charged",
};
static const char *const placement_cols[] = { "children" };
static const char *const ending_cols[] = { "endings" };
static const char *const trend_cols[] = {
	"periods_home", "periods_other", "children_home", "children_other",
	"away_periods",
};
static const char *const dur_cols[] = { "home", "other" };
static const char *const dist_cols[] = {
	"all", "children_homes", "all_percent", "children_homes_percent",
};
static const char *const outcome_cols[] = { "all", "children_homes", "other" };
static const char *const outcome_rows[] = {
	"cohort", "sdq_recorded", "sdq_mean", "sdq_17_or_more", "convicted",
	"substance_misuse", "health_check", "teeth_check",
};

/* The response columns of the councils and homes tables, from c on. */
static void live_cells(struct review_cell *c, const struct live_acc *l)
{
	c[0] = cell_frac(FIG_PERCENT, l->ri_72h, l->returns);
	c[1] = cell_frac(FIG_RATIO, l->repeat_meetings, l->repeat);
	c[2] = cell_median_value(l->ack_median, l->acked);
	c[3] = cell_count(l->arrested);
}

static bool home_open_during(const struct home *h, int32_t s, int32_t e)
{
	return h->registered <= e && (h->closed == DATE_NONE || h->closed >= s);
}

/* Does home i belong to the scope? */
static bool home_in_scope(const struct engine *en, size_t i)
{
	const struct hist_home *hh = &en->h->homes[i];

	switch (en->scope->kind) {
	case SCOPE_NATIONAL:
		return true;
	case SCOPE_COUNCIL:
		return hh->la != HIST_NONE &&
		       en->h->las[hh->la].council == en->scope_la;
	case SCOPE_HOME:
		return i == en->scope_home;
	}
	return false;
}

static void build_homes(struct engine *en, struct review *r)
{
	const struct history *h = en->h;
	struct review_table *t = &r->tab[TAB_HOMES];
	size_t n = 0, row = 0;

	for (size_t i = 0; i < h->nhomes; i++)
		n += home_in_scope(en, i) &&
		     home_open_during(&h->homes[i].h, en->start, en->end);
	table_init(t, "homes", n, home_cols, ARRAY_SIZE(home_cols));
	table_names(t);
	t->row_council = xcalloc(n ? n : 1, sizeof(char *));
	t->row_provider_type = xcalloc(n ? n : 1, sizeof(char *));
	for (size_t i = 0; i < h->nhomes; i++) {
		const struct hist_home *hh = &h->homes[i];
		const struct home_acc *ha = &en->homes[i];
		bool open = home_open_on(&hh->h, en->end);
		long places = open ? hh->h.places : 0;

		if (!home_in_scope(en, i) ||
		    !home_open_during(&hh->h, en->start, en->end))
			continue;
		set_row(t, row, hh->h.urn);
		t->row_names_en[row] = xstrdup(hh->h.name);
		t->row_names_cy[row] = xstrdup(hh->h.name);
		t->row_council[row] = xstrdup(
			hh->la != HIST_NONE ? h->las[h->las[hh->la].council].code
					    : hh->h.la);
		t->row_provider_type[row] =
			xstrdup(provider_type_name(hh->h.provider_type));
		*review_cell_at(t, row, 0) = cell_public(places);
		*review_cell_at(t, row, 1) = cell_count(ha->children_placed);
		*review_cell_at(t, row, 2) = cell_count(ha->missing_periods);
		*review_cell_at(t, row, 3) = cell_count(ha->missing_children);
		*review_cell_at(t, row, 4) =
			cell_frac(FIG_RATIO, ha->missing_periods, places);
		review_cell_at(t, row, 4)->flags |= CELL_DEN_PUBLIC;
		*review_cell_at(t, row, 5) = cell_count(ha->moves_out);
		*review_cell_at(t, row, 6) = cell_date(DATE_NONE);
		live_cells(review_cell_at(t, row, 7), &en->home_live[i]);
		row++;
	}
}

/* Homes and places of the scope's homes, in the figures and by type. */
static void build_places(struct engine *en, struct review *r)
{
	const struct history *h = en->h;
	struct review_table *t = &r->tab[TAB_PROVIDER_TYPES];
	long homes[PROVIDER_NTYPES] = { 0 }, places[PROVIDER_NTYPES] = { 0 };
	long placed[PROVIDER_NTYPES] = { 0 }, missing[PROVIDER_NTYPES] = { 0 };
	long all_homes = 0, all_places = 0;

	for (size_t i = 0; i < h->nhomes; i++) {
		const struct hist_home *hh = &h->homes[i];
		int pt = hh->h.provider_type;

		if (!home_in_scope(en, i) || pt < 0 || pt >= PROVIDER_NTYPES)
			continue;
		if (home_open_on(&hh->h, en->end)) {
			homes[pt]++;
			places[pt] += hh->h.places;
		}
		placed[pt] += en->homes[i].children_placed;
		missing[pt] += en->homes[i].missing_periods;
	}
	table_init(t, "provider_types", PROVIDER_NTYPES, provider_cols,
		   ARRAY_SIZE(provider_cols));
	for (int pt = 0; pt < PROVIDER_NTYPES; pt++) {
		set_row(t, (size_t)pt, provider_type_name(pt));
		*review_cell_at(t, (size_t)pt, 0) = cell_public(homes[pt]);
		*review_cell_at(t, (size_t)pt, 1) = cell_public(places[pt]);
		*review_cell_at(t, (size_t)pt, 2) = cell_count(placed[pt]);
		*review_cell_at(t, (size_t)pt, 3) = cell_count(missing[pt]);
		*review_cell_at(t, (size_t)pt, 4) =
			cell_frac(FIG_RATIO, missing[pt], places[pt]);
		review_cell_at(t, (size_t)pt, 4)->flags |= CELL_DEN_PUBLIC;
		all_homes += homes[pt];
		all_places += places[pt];
	}
	r->fig[FIG_HOMES_OPEN] = cell_public(all_homes);
	r->fig[FIG_PLACES] = cell_public(all_places);
	r->fig[FIG_PLACES_LA] = cell_public(places[PROVIDER_LA]);
	r->fig[FIG_PLACES_PRIVATE] = cell_public(places[PROVIDER_PRIVATE]);
	r->fig[FIG_PLACES_VOLUNTARY] = cell_public(places[PROVIDER_VOLUNTARY]);
}

/* A councils row (or the total) from its children's and homes' counts. */
static void council_cells(struct review_cell *row, const struct acc *a,
			  long places, long homes, const struct live_acc *l)
{
	row[0] = cell_count(a->cla31);
	row[1] = cell_count(a->in_homes);
	row[2] = cell_public(places);
	row[3] = cell_public(homes);
	row[4] = cell_count(a->missing_children);
	row[5] = cell_frac(FIG_PERCENT, a->missing_children, a->looked_after);
	row[6] = cell_frac(FIG_PERCENT, a->placements3, a->cla31);
	row[7] = cell_frac(FIG_PERCENT, a->dist_over20, a->dist_known);
	live_cells(row + 8, l);
}

/* The median of every council's acknowledgement delays, in hours. */
static double all_councils_ack_median(const struct engine *en)
{
	size_t n = en->ndelays[1];
	struct ack_delay *v;
	double m;

	if (!n)
		return NAN;
	v = xcalloc(n, sizeof(*v));
	for (size_t i = 0; i < n; i++)
		v[i].ms = en->delays[1][i].ms;	/* key 0: one group */
	qsort(v, n, sizeof(*v), cmp_delay);
	m = median_hours(v, n);
	free(v);
	return m;
}

/*
 * The councils table's total: the sums of every council's counts (each
 * child counts for its council once, each home for the council of its
 * area), so it is the national figure whatever the scope.
 */
static void council_total(struct engine *en, struct review_table *t,
			  const long *places, const long *homes,
			  const bool *present)
{
	const struct history *h = en->h;
	struct acc a;
	struct live_acc l;
	long all_places = 0, all_homes = 0;
	bool all_wales = true;

	if (!t->nrows)
		return;
	memset(&a, 0, sizeof(a));
	memset(&l, 0, sizeof(l));
	for (size_t i = 0; i < h->nlas; i++) {
		const struct acc *c = &en->councils[i];
		const struct live_acc *cl = &en->council_live[i];

		if (!present[i] || !h->las[i].is_council)
			continue;
		all_wales = all_wales && h->las[i].code[0] == 'W';
		a.cla31 += c->cla31;
		a.in_homes += c->in_homes;
		a.missing_children += c->missing_children;
		a.looked_after += c->looked_after;
		a.placements3 += c->placements3;
		a.dist_over20 += c->dist_over20;
		a.dist_known += c->dist_known;
		all_places += places[i];
		all_homes += homes[i];
		l.returns += cl->returns;
		l.ri_72h += cl->ri_72h;
		l.repeat += cl->repeat;
		l.repeat_meetings += cl->repeat_meetings;
		l.arrested += cl->arrested;
		l.acked += cl->acked;
	}
	l.ack_median = all_councils_ack_median(en);
	t->total_key = xstrdup(all_wales ? "W92000004" : "total");
	t->total = xcalloc(t->ncols, sizeof(*t->total));
	council_cells(t->total, &a, all_places, all_homes, &l);
}

static void build_councils(struct engine *en, struct review *r)
{
	const struct history *h = en->h;
	struct review_table *t = &r->tab[TAB_COUNCILS];
	long *homes = xcalloc(h->nlas ? h->nlas : 1, sizeof(long));
	long *places = xcalloc(h->nlas ? h->nlas : 1, sizeof(long));
	bool *present = xcalloc(h->nlas ? h->nlas : 1, sizeof(bool));
	size_t n = 0, row = 0;

	for (size_t i = 0; i < h->nchildren; i++)
		if (h->children[i].la != HIST_NONE)
			present[h->children[i].la] = true;
	for (size_t i = 0; i < h->nhomes; i++) {
		const struct hist_home *hh = &h->homes[i];
		uint32_t cl;

		if (hh->la == HIST_NONE)
			continue;
		cl = h->las[hh->la].council;
		present[cl] = true;
		if (home_open_on(&hh->h, en->end)) {
			homes[cl]++;
			places[cl] += hh->h.places;
		}
	}
	for (size_t i = 0; i < h->nlas; i++)
		n += present[i] && h->las[i].is_council;
	table_init(t, "councils", n, council_cols, ARRAY_SIZE(council_cols));
	table_names(t);
	for (size_t i = 0; i < h->nlas; i++) {
		const struct acc *a = &en->councils[i];

		if (!present[i] || !h->las[i].is_council)
			continue;
		set_row(t, row, h->las[i].code);
		t->row_names_en[row] = xstrdup(h->las[i].name_en);
		t->row_names_cy[row] = xstrdup(h->las[i].name_cy[0]
						       ? h->las[i].name_cy
						       : h->las[i].name_en);
		council_cells(review_cell_at(t, row, 0), a, places[i],
			      homes[i], &en->council_live[i]);
		row++;
	}
	council_total(en, t, places, homes, present);
	free(homes);
	free(places);
	free(present);
}

static void build_scope_tables(struct engine *en, struct review *r)
{
	struct acc *a = &en->scope_acc;
	struct review_table *t;
	char year[16];

	t = &r->tab[TAB_PLACEMENTS];
	table_init(t, "placements", NPLACEMENTS, placement_cols, 1);
	for (size_t i = 0; i < NPLACEMENTS; i++) {
		set_row(t, i, placement_keys[i]);
		*review_cell_at(t, i, 0) = cell_count(a->placements[i]);
	}
	t = &r->tab[TAB_ENDINGS];
	table_init(t, "endings", NREASONS, ending_cols, 1);
	for (size_t i = 0; i < NREASONS; i++) {
		set_row(t, i, reason_keys[i]);
		*review_cell_at(t, i, 0) = cell_count(a->endings_by_reason[i]);
	}
	t = &r->tab[TAB_MISSING_TREND];
	table_init(t, "missing_trend", NTREND, trend_cols,
		   ARRAY_SIZE(trend_cols));
	for (size_t i = 0; i < NTREND; i++) {
		snprintf(year, sizeof(year), "%d", en->year - NTREND + 1 + (int)i);
		set_row(t, i, year);
		*review_cell_at(t, i, 0) = cell_count(a->trend_periods[i][0]);
		*review_cell_at(t, i, 1) = cell_count(a->trend_periods[i][1]);
		*review_cell_at(t, i, 2) = cell_count(a->trend_children[i][0]);
		*review_cell_at(t, i, 3) = cell_count(a->trend_children[i][1]);
		*review_cell_at(t, i, 4) = cell_count(a->trend_away[i]);
	}
	t = &r->tab[TAB_MISSING_DURATION];
	table_init(t, "missing_duration", NDUR_BANDS, dur_cols, 2);
	for (size_t i = 0; i < NDUR_BANDS; i++) {
		set_row(t, i, dur_keys[i]);
		for (size_t k = 0; k < 2; k++)
			*review_cell_at(t, i, k) = cell_count(a->dur_bands[i][k]);
	}
	t = &r->tab[TAB_DISTANCE];
	table_init(t, "distance", NDIST_BANDS, dist_cols,
		   ARRAY_SIZE(dist_cols));
	for (size_t k = 0; k < 2; k++) {
		long all = 0;

		for (size_t i = 0; i < NDIST_BANDS; i++)
			all += a->dist_bands[i][k];
		for (size_t i = 0; i < NDIST_BANDS; i++) {
			if (!k)
				set_row(t, i, dist_keys[i]);
			*review_cell_at(t, i, k) =
				cell_count(a->dist_bands[i][k]);
			*review_cell_at(t, i, 2 + k) = cell_frac(
				FIG_PERCENT, a->dist_bands[i][k], all);
		}
	}
	t = &r->tab[TAB_OUTCOMES];
	table_init(t, "outcomes", ARRAY_SIZE(outcome_rows), outcome_cols,
		   NOUT_VARIANTS);
	for (size_t i = 0; i < ARRAY_SIZE(outcome_rows); i++)
		set_row(t, i, outcome_rows[i]);
	for (size_t v = 0; v < NOUT_VARIANTS; v++) {
		const struct outcome_acc *o = &a->out[v];
		bool na = en->scope->kind == SCOPE_HOME;

		*review_cell_at(t, 0, v) = cell_count(o->cohort);
		*review_cell_at(t, 1, v) =
			cell_frac(FIG_PERCENT, o->sdq_recorded, o->cohort);
		*review_cell_at(t, 2, v) = cell_mean(o->sdq_sum, o->sdq_recorded);
		*review_cell_at(t, 3, v) =
			cell_frac(FIG_PERCENT, o->sdq_concern, o->sdq_recorded);
		for (size_t k = 0; k < 4; k++)
			*review_cell_at(t, 4 + k, v) = cell_frac(
				FIG_PERCENT, o->flag_num[k], o->flag_den[k]);
		if (na)
			for (size_t k = 0; k < t->nrows; k++)
				review_cell_at(t, k, v)->flags |= CELL_NA;
	}
}

static void build_figures(struct engine *en, struct review *r)
{
	struct acc *a = &en->scope_acc;
	const struct live_acc *l = &en->scope_live;
	struct review_cell *f = r->fig;
	const struct outcome_acc *o = &a->out[OUT_ALL];
	long prev2 = a->trend_periods[0][0] + a->trend_periods[0][1];

	f[FIG_IN_HOMES] = cell_count(a->in_homes);
	f[FIG_IN_SECURE] = cell_count(a->in_secure);
	f[FIG_IN_HOMES_OUTSIDE_COUNCIL] =
		cell_frac(FIG_PERCENT, a->in_homes_outside, a->in_homes_known);
	f[FIG_PLACED_OUTSIDE_COUNCIL] = cell_frac(
		FIG_PERCENT, a->placed_outside_council, a->placed_known);
	f[FIG_PLACED_OUTSIDE_WALES] = cell_frac(
		FIG_PERCENT, a->placed_outside_wales, a->placed_known);
	f[FIG_CLA_31MAR] = cell_count(a->cla31);
	f[FIG_LOOKED_AFTER_YEAR] = cell_count(a->looked_after);
	f[FIG_PLACEMENTS_3PLUS] =
		cell_frac(FIG_PERCENT, a->placements3, a->cla31);
	f[FIG_MOVES_CARER] = cell_count(a->moves_carer);
	f[FIG_PLACEMENT_ENDINGS] = cell_count(a->endings);
	f[FIG_LONG_TERM_STABILITY] = cell_frac(FIG_PERCENT, a->lt_num, a->lt_den);
	f[FIG_MISSING_CHILDREN] = cell_count(a->missing_children);
	f[FIG_MISSING_PERIODS] = cell_count(a->missing_periods);
	f[FIG_MISSING_PER_CHILD] =
		cell_frac(FIG_RATIO, a->missing_periods, a->missing_children);
	f[FIG_MISSING_PCT] =
		cell_frac(FIG_PERCENT, a->missing_children, a->looked_after);
	f[FIG_MISSING_REPEAT] =
		cell_frac(FIG_PERCENT, a->missing_repeat, a->missing_children);
	f[FIG_MISSING_MEDIAN_DAYS] = cell_median(a->durations, a->ndurations, 1);
	f[FIG_MISSING_MEAN_DAYS] = cell_mean(a->duration_sum,
					     (long)a->ndurations);
	f[FIG_MISSING_OPEN] = cell_count(a->missing_open);
	f[FIG_MISSING_CHILDREN_HOME] = cell_count(a->missing_children_home);
	f[FIG_MISSING_PERIODS_HOME] = cell_count(a->periods_home);
	f[FIG_MISSING_CHILDREN_OTHER] = cell_count(a->missing_children_other);
	f[FIG_MISSING_PERIODS_OTHER] = cell_count(a->periods_other);
	f[FIG_MISSING_PERIODS_CHANGE] =
		cell_frac(FIG_PERCENT, a->missing_periods - prev2, prev2);
	f[FIG_MISSING_PERIODS_CHANGE].num = a->missing_periods;
	f[FIG_MISSING_PERIODS_CHANGE].flags |= CELL_CHANGE;
	f[FIG_AWAY_CHILDREN] = cell_count(a->away_children);
	f[FIG_AWAY_PERIODS] = cell_count(a->away_periods);
	f[FIG_RESP_RETURNS] = cell_count(l->returns);
	f[FIG_RESP_RI_72H] = cell_frac(FIG_PERCENT, l->ri_72h, l->returns);
	f[FIG_RESP_RI_DECLINED] = cell_count(l->ri_declined);
	f[FIG_RESP_REPEAT] = cell_count(l->repeat);
	f[FIG_RESP_MEETINGS_PER_REPEAT] =
		cell_frac(FIG_RATIO, l->repeat_meetings, l->repeat);
	f[FIG_RESP_REPEAT_NO_MEETING] = cell_count(l->repeat_no_meeting);
	f[FIG_RESP_ARRESTED] = cell_count(l->arrested);
	f[FIG_RESP_ARRESTED_PCT] =
		cell_frac(FIG_PERCENT, l->arrested, l->children_returned);
	f[FIG_RESP_ALERTS] = cell_count(l->alerts);
	f[FIG_RESP_ACK_MEDIAN] = cell_median_value(l->ack_median, l->acked);
	f[FIG_RESP_UNACKED] = cell_count(l->unacked);
	f[FIG_DIST_OVER_20] = cell_frac(FIG_PERCENT, a->dist_over20, a->dist_known);
	f[FIG_DIST_OVER_20_HOMES] = cell_frac(
		FIG_PERCENT, a->dist_homes_over20, a->dist_homes_known);
	f[FIG_DIST_UNKNOWN] = cell_count(a->dist_unknown);
	f[FIG_DIST_MEDIAN] = cell_median(a->distances, a->ndistances, 0.1);
	f[FIG_OC2_COHORT] = cell_count(o->cohort);
	f[FIG_SDQ_RECORDED] = cell_frac(FIG_PERCENT, o->sdq_recorded, o->cohort);
	f[FIG_SDQ_MEAN] = cell_mean(o->sdq_sum, o->sdq_recorded);
	f[FIG_SDQ_CONCERN] =
		cell_frac(FIG_PERCENT, o->sdq_concern, o->sdq_recorded);
	f[FIG_CONVICTED] = cell_frac(FIG_PERCENT, o->flag_num[0], o->flag_den[0]);
	f[FIG_SUBSTANCE_MISUSE] =
		cell_frac(FIG_PERCENT, o->flag_num[1], o->flag_den[1]);
	f[FIG_HEALTH_CHECK] =
		cell_frac(FIG_PERCENT, o->flag_num[2], o->flag_den[2]);
	f[FIG_TEETH_CHECK] = cell_frac(FIG_PERCENT, o->flag_num[3], o->flag_den[3]);
	if (en->scope->kind == SCOPE_HOME) {
		static const enum review_fig na[] = {
			FIG_PLACED_OUTSIDE_COUNCIL, FIG_PLACED_OUTSIDE_WALES,
			FIG_MOVES_CARER, FIG_LONG_TERM_STABILITY,
			FIG_OC2_COHORT, FIG_SDQ_RECORDED, FIG_SDQ_MEAN,
			FIG_SDQ_CONCERN, FIG_CONVICTED, FIG_SUBSTANCE_MISUSE,
			FIG_HEALTH_CHECK, FIG_TEETH_CHECK,
		};

		for (size_t i = 0; i < ARRAY_SIZE(na); i++)
			f[na[i]] = cell_na(f[na[i]].kind);
		/* endings from the home are its moves out */
		f[FIG_PLACEMENT_ENDINGS] =
			cell_count(en->homes[en->scope_home].moves_out);
	}
	/* the quality of care comes from the inspections, which the
	 * history does not hold: review_add_quality() fills it in */
	for (size_t i = 0; i < FIG_N; i++)
		if (review_figs[i].group == GROUP_QUALITY)
			f[i] = cell_na(review_figs[i].kind);
}

/* ---- entry points ------------------------------------------------------- */

static int resolve_scope(struct engine *en, struct review *r, struct err *err)
{
	const struct history *h = en->h;
	struct review_scope *sc = &r->scope;
	bool all_wales = h->nchildren > 0;

	*sc = *en->scope;
	en->scope_la = en->scope_home = HIST_NONE;
	switch (sc->kind) {
	case SCOPE_NATIONAL:
		for (size_t i = 0; i < h->nchildren && all_wales; i++)
			all_wales = h->children[i].la != HIST_NONE &&
				    h->las[h->children[i].la].code[0] == 'W';
		/* names are translated by the report layer from the code */
		snprintf(sc->code, sizeof(sc->code), "%s",
			 all_wales || !h->nchildren ? "W92000004" : "");
		snprintf(sc->name_en, sizeof(sc->name_en), "%s",
			 sc->code[0] ? "Wales" : "All councils");
		snprintf(sc->name_cy, sizeof(sc->name_cy), "%s",
			 sc->code[0] ? "Cymru" : "Pob cyngor");
		break;
	case SCOPE_COUNCIL:
		en->scope_la = history_la(h, sc->code);
		if (en->scope_la == HIST_NONE || !h->las[en->scope_la].is_council)
			return err_set(err, ERR_NOT_FOUND,
				       "no council with code %s", sc->code);
		snprintf(sc->name_en, sizeof(sc->name_en), "%s",
			 h->las[en->scope_la].name_en);
		snprintf(sc->name_cy, sizeof(sc->name_cy), "%s",
			 h->las[en->scope_la].name_cy[0]
				 ? h->las[en->scope_la].name_cy
				 : h->las[en->scope_la].name_en);
		break;
	case SCOPE_HOME:
		en->scope_home = history_home(h, sc->code);
		if (en->scope_home == HIST_NONE)
			return err_set(err, ERR_NOT_FOUND,
				       "no home with URN %s", sc->code);
		snprintf(sc->name_en, sizeof(sc->name_en), "%s",
			 h->homes[en->scope_home].h.name);
		snprintf(sc->name_cy, sizeof(sc->name_cy), "%s",
			 h->homes[en->scope_home].h.name);
		break;
	}
	return 0;
}

/*
 * The review of year and scope; figures_only: its figures alone, with
 * no council or home accumulated and its tables empty (for the year
 * before's figures, at about half the cost).
 */
static int compute(const struct history *h, int year,
		   const struct review_scope *scope, bool figures_only,
		   struct review **out, struct err *err)
{
	struct engine en;
	struct review *r;
	int rc;

	if (year < 2001 || year > 2100)
		return err_set(err, ERR_INVALID, "year %d out of range", year);
	memset(&en, 0, sizeof(en));
	en.h = h;
	en.year = year;
	en.start = year_start(year);
	en.end = year_end(year);
	for (int t = 0; t < NTREND; t++) {
		en.trend_start[t] = year_start(year - NTREND + 1 + t);
		en.trend_end[t] = year_end(year - NTREND + 1 + t);
	}
	en.scope = scope;
	en.figures_only = figures_only;
	r = xcalloc(1, sizeof(*r));
	r->year = year;
	rc = resolve_scope(&en, r, err);
	if (rc) {
		free(r);
		return rc;
	}
	en.scope_acc.keep_values = true;
	en.councils = xcalloc(h->nlas ? h->nlas : 1, sizeof(*en.councils));
	en.homes = xcalloc(h->nhomes ? h->nhomes : 1, sizeof(*en.homes));
	en.council_live = xcalloc(h->nlas ? h->nlas : 1,
				  sizeof(*en.council_live));
	en.home_live = xcalloc(h->nhomes ? h->nhomes : 1,
			       sizeof(*en.home_live));
	for (size_t i = 0; i < h->nhomes; i++)
		en.homes[i].last_child_placed = en.homes[i].last_child_missing =
			HIST_NONE;
	for (size_t i = 0; i < h->nchildren; i++) {
		const struct hist_child *c = &h->children[i];
		struct child_ctx x = { &en, c, (uint32_t)i,
				       &h->episodes[c->first_episode],
				       c->nepisodes };

		count_live(&en, &x);
		if (!c->nepisodes)
			continue;
		if (c->la != HIST_NONE && !figures_only)
			count_child(&en, &en.councils[c->la], false, &x);
		/* a home's placement endings are its moves out */
		if (!figures_only || scope->kind == SCOPE_HOME)
			count_homes(&en, &x);
		switch (scope->kind) {
		case SCOPE_NATIONAL:
			count_child(&en, &en.scope_acc, false, &x);
			break;
		case SCOPE_COUNCIL:
			if (c->la == en.scope_la)
				count_child(&en, &en.scope_acc, false, &x);
			break;
		case SCOPE_HOME:
			if (placed_at_scope_home(&en, &x))
				count_child(&en, &en.scope_acc, true, &x);
			break;
		}
	}
	count_alerts(&en);
	ack_medians(&en);
	build_places(&en, r);
	build_figures(&en, r);
	if (!figures_only) {
		build_scope_tables(&en, r);
		build_councils(&en, r);
		build_homes(&en, r);
		/* empty, not absent: review_add_quality() fills them */
		table_init(&r->tab[TAB_QUALITY_RATINGS], "quality_ratings", 0,
			   NULL, 0);
		table_init(&r->tab[TAB_QUALITY_REGULATIONS],
			   "quality_regulations", 0, NULL, 0);
		table_init(&r->tab[TAB_QUALITY_BANDS], "quality_bands", 0,
			   NULL, 0);
	}
	r->children_in_store = (long)h->nchildren;
	r->episodes_in_store = (long)h->nepisodes;
	free(en.scope_acc.durations);
	free(en.scope_acc.distances);
	free(en.councils);
	free(en.homes);
	free(en.council_live);
	free(en.home_live);
	for (int w = 0; w < 3; w++)
		free(en.delays[w]);
	free(en.periods);
	free(en.child_homes);
	*out = r;
	return 0;
}

int review_compute(const struct history *h, int year,
		   const struct review_scope *scope, struct review **out,
		   struct err *err)
{
	return compute(h, year, scope, false, out, err);
}

int review_add_previous(const struct history *h, struct review *r,
			struct err *err)
{
	struct review_scope sc = r->scope;
	struct review *prev = NULL;
	int rc;

	if (!h->first_year || r->year - 1 < h->first_year)
		return 0;
	rc = compute(h, r->year - 1, &sc, true, &prev, err);
	if (!rc)
		review_set_previous(r, prev);
	review_free(prev);
	return rc;
}

void review_free(struct review *r)
{
	if (!r)
		return;
	for (int t = 0; t < TAB_N; t++)
		table_free(&r->tab[t]);
	free(r);
}

/* ---- disclosure control -------------------------------------------------- */

static long round5(long v)
{
	return v <= 0 ? v : (v + 2) / 5 * 5;
}

static bool small(long v)
{
	return v >= 1 && v <= 4;
}

static void suppress(struct review_cell *c)
{
	c->flags |= CELL_SUPPRESSED;
	c->flags &= ~(unsigned)CELL_ROUNDED;
	c->value = NAN;
	c->num = -1;
	c->den = -1;
}

/*
 * scale * num / den to `decimals` places, half away from zero: one
 * division, so that a value exactly halfway (a tie) is seen as one.
 */
static double frac_rounded(double scale, long num, long den, int decimals)
{
	double p = decimals == 1 ? 10 : 100;

	return round(scale * p * (double)num / (double)den) / p;
}

static void publish_cell(struct review_cell *c)
{
	long num, den;

	if (c->flags & (CELL_NA | CELL_PUBLIC | CELL_SUPPRESSED))
		return;
	switch (c->kind) {
	case FIG_COUNT:
		if (small(c->num)) {
			suppress(c);
		} else if (c->num > 0) {
			c->num = round5(c->num);
			c->value = (double)c->num;
			c->flags |= CELL_ROUNDED;
		}
		return;
	case FIG_PERCENT:
	case FIG_RATIO:
		/* suppressed: a numerator of 1-4 or a denominator under 10 */
		if (small(c->num) || (c->den >= 0 && c->den < 10)) {
			suppress(c);
			return;
		}
		num = round5(c->num);
		den = c->flags & CELL_DEN_PUBLIC ? c->den : round5(c->den);
		if (c->flags & CELL_CHANGE)
			c->value = frac_rounded(100, num - den, den, 1);
		else if (c->kind == FIG_PERCENT)
			c->value = frac_rounded(100, num, den, 1);
		else
			c->value = frac_rounded(1, num, den, 2);
		if (num > 0 || (den > 0 && !(c->flags & CELL_DEN_PUBLIC)))
			c->flags |= CELL_ROUNDED;
		c->num = num;
		c->den = den;
		return;
	case FIG_MEAN:
	case FIG_MEDIAN:
		if (c->den >= 0 && c->den < 10) {
			suppress(c);
			return;
		}
		if (isfinite(c->value))
			c->value = round(c->value * 10) / 10;
		c->den = round5(c->den);
		c->flags |= CELL_ROUNDED;
		return;
	case FIG_DATE:
		return;
	}
}

/* Publish table t but for the row keyed keep (NULL: none). */
static void publish_table(struct review_table *t, const char *keep)
{
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		if (!keep || !t->row_keys || !t->row_keys[i / t->ncols] ||
		    strcmp(t->row_keys[i / t->ncols], keep))
			publish_cell(&t->cells[i]);
	for (size_t c = 0; t->total && c < t->ncols; c++)
		publish_cell(&t->total[c]);
}

void review_set_previous(struct review *r, const struct review *prev)
{
	r->prev_year = prev->year;
	memcpy(r->prev, prev->fig, sizeof(r->prev));
	if (r->published && !prev->published)
		for (int i = 0; i < FIG_N; i++)
			publish_cell(&r->prev[i]);
}

void review_publish(struct review *r)
{
	review_publish_except(r, NULL);
}

void review_publish_except(struct review *r, const char *council)
{
	if (r->published)
		return;
	r->published = true;
	for (int i = 0; i < FIG_N; i++)
		publish_cell(&r->fig[i]);
	if (r->prev_year)
		for (int i = 0; i < FIG_N; i++)
			publish_cell(&r->prev[i]);
	for (int t = 0; t < TAB_N; t++)
		publish_table(&r->tab[t], t == TAB_COUNCILS ? council : NULL);
	r->children_in_store = round5(r->children_in_store);
	r->episodes_in_store = round5(r->episodes_in_store);
}
