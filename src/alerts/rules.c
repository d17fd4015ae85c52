/*
 * rules.c: the alert rules as data (issue 5; docs/alerts.md), and the
 * pure evaluation of them over a snapshot.
 *
 * Each rule is a descriptor in alert_rules[]: id, titles and
 * descriptions in English and Welsh, parameters (name, default, range,
 * unit), recipients, escalation recipients, and an evaluator.  The
 * evaluators read only the snapshot, `now` and their parameters; they
 * see nothing that happened after `now` (a time later than now counts
 * as not recorded yet), so replaying an old `now` gives the alerts of
 * that moment.  Their boundaries are exact and documented per rule:
 * docs/alerts.md repeats them for users.
 *
 * Each alert found carries its severity, when the action was due, its
 * triggering event (an instant or a UK day, for the horizon: see
 * alert_found_historical()), whether it is going on now, and its facts:
 * a small JSON object with the numbers, times (ms since 1970 UTC) and
 * days (yyyy-mm-dd) its texts are written from (text.c), never words.
 * Days are UK days (base/uktime.h): "today" is the UK day of now, and a
 * live episode's day is the UK day it started.
 */
#include "base/compat.h"
#include <inttypes.h>
#include "alerts/alerts.h"
#include "base/parse.h"
#include "base/uktime.h"
#include "base/xalloc.h"

#define MS_PER_HOUR 3600000LL
#define MS_PER_DAY 86400000LL

/* ---- facts: a small JSON object, keys in the order written ------------------ */

struct facts {
	char *out;
	size_t len;
};

static void facts_start(struct facts *fa, char out[ALERT_FACTS_MAX + 1])
{
	fa->out = out;
	fa->len = 0;
	out[0] = '\0';
}

static void facts_put(struct facts *fa, const char *name, const char *fmt,
		      ...) PRINTF_LIKE(3, 4);

static void facts_put(struct facts *fa, const char *name, const char *fmt,
		      ...)
{
	size_t cap = ALERT_FACTS_MAX + 1;
	va_list ap;
	int k;

	if (fa->len + 1 >= cap)
		BUG("alert facts too long");
	k = snprintf(fa->out + fa->len, cap - fa->len, "%s\"%s\":",
		     fa->len ? "," : "{", name);
	if (k < 0 || (size_t)k >= cap - fa->len)
		BUG("alert facts too long");
	fa->len += (size_t)k;
	va_start(ap, fmt);
	k = vsnprintf(fa->out + fa->len, cap - fa->len, fmt, ap);
	va_end(ap);
	if (k < 0 || (size_t)k >= cap - fa->len - 1)
		BUG("alert facts too long");
	fa->len += (size_t)k;
}

static void facts_int(struct facts *fa, const char *name, int64_t v)
{
	facts_put(fa, name, "%" PRId64, v);
}

static void facts_bool(struct facts *fa, const char *name, bool v)
{
	facts_put(fa, name, "%s", v ? "true" : "false");
}

static void facts_day(struct facts *fa, const char *name, int32_t day)
{
	char d[DATE_STR_MAX];

	date_fmt_iso(day, d);
	facts_put(fa, name, "\"%s\"", d);
}

static void facts_end(struct facts *fa)
{
	if (!fa->len) {
		snprintf(fa->out, ALERT_FACTS_MAX + 1, "{}");
		return;
	}
	if (fa->len + 2 > ALERT_FACTS_MAX + 1)
		BUG("alert facts too long");
	fa->out[fa->len++] = '}';
	fa->out[fa->len] = '\0';
}

/* ---- shared ---------------------------------------------------------------------- */

static struct alert_found *found_add(struct alert_found_set *out,
				     int64_t child_id, int64_t episode_id,
				     int32_t home)
{
	struct alert_found *a;

	ALLOC_GROW(out->v, out->n + 1, out->alloc);
	a = &out->v[out->n++];
	memset(a, 0, sizeof(*a));
	a->child_id = child_id;
	a->episode_id = episode_id;
	a->home = home;
	a->trigger_day = DATE_NONE;
	return a;
}

/* The end of the UK day `day` (the start of the next): due "by day".
 * uk_day_start() asks the time zone three times: a small cache of the
 * evaluation's (many alerts fall due on the same days). */
static int64_t due_by_day(struct alert_eval *e, int32_t day)
{
	struct alert_day_cache *c = &e->day_cache[(uint32_t)day %
						  ALERT_DAY_CACHE];

	if (!c->known || c->day != day + 1) {
		c->known = true;
		c->day = day + 1;
		c->start = uk_day_start(day + 1);
	}
	return c->start;
}

bool alert_found_historical(const struct alert_found *a, int64_t now,
			    int64_t horizon_days)
{
	if (horizon_days <= 0 || a->ongoing)
		return false;
	if (a->trigger_day != DATE_NONE)
		return (int64_t)uk_day_of(now) - a->trigger_day > horizon_days;
	return now - a->trigger_at > horizon_days * MS_PER_DAY;
}

/* The council of home h's area, or "" (then the child's own). */
static void area_of(const struct alert_eval *e, int32_t h,
		    char out[LA_CODE_MAX + 1])
{
	out[0] = '\0';
	if (h >= 0 && (size_t)h < e->snap->nhomes)
		snprintf(out, LA_CODE_MAX + 1, "%s",
			 e->snap->homes[h].council);
}

/* The placement a period starting on day started from: the episode open
 * that day, else one ending that day (as the review and migration 3). */
static const struct alert_placement *placement_on(const struct alert_facts *f,
						  int32_t day)
{
	const struct alert_placement *ending = NULL;

	for (size_t i = 0; i < f->nplacements; i++) {
		const struct alert_placement *p = &f->placements[i];

		if (p->decom > day)
			break;
		if (p->end == DATE_NONE || p->end > day)
			return p;
		if (p->end == day && !ending)
			ending = p;
	}
	return ending;
}

/* Is there a live episode of kind starting on day (an SSDA903 period
 * that is also recorded live)? */
static bool live_on_day(const struct alert_facts *f, char kind, int32_t day,
			int64_t now)
{
	for (size_t i = 0; i < f->nlive; i++)
		if (f->live[i].kind == kind && f->live[i].started_at <= now &&
		    f->live_day[i] == day)
			return true;
	return false;
}

/* Is the child missing now: a live missing (M) episode started by now
 * and not returned by now? */
static bool missing_now(const struct alert_facts *f, int64_t now)
{
	for (size_t i = 0; i < f->nlive; i++) {
		const struct alert_live *l = &f->live[i];

		if (l->kind == 'M' && l->started_at <= now &&
		    (!l->returned_at || l->returned_at > now))
			return true;
	}
	return false;
}

/* Missing (M) periods of a child up to now, SSDA903 and live, a period
 * in both once: start days in order, with the home each started from. */
struct mperiod {
	int32_t day;
	int32_t home;
};

static size_t missing_periods(const struct alert_facts *f, int64_t now,
			      int32_t today, struct mperiod **out,
			      size_t *alloc)
{
	size_t n = 0;

	for (size_t i = 0; i < f->nperiods; i++) {
		const struct alert_period *p = &f->periods[i];
		const struct alert_placement *pl;

		if (p->kind != 'M' || p->start > today ||
		    live_on_day(f, 'M', p->start, now))
			continue;
		pl = placement_on(f, p->start);
		ALLOC_GROW(*out, n + 1, *alloc);
		(*out)[n].day = p->start;
		(*out)[n++].home = pl ? pl->home : -1;
	}
	for (size_t i = 0; i < f->nlive; i++) {
		const struct alert_live *l = &f->live[i];
		size_t k;

		if (l->kind != 'M' || l->started_at > now)
			continue;
		ALLOC_GROW(*out, n + 1, *alloc);
		/* insert in day order (both inputs are sorted) */
		k = n;
		while (k > 0 && (*out)[k - 1].day > f->live_day[i]) {
			(*out)[k] = (*out)[k - 1];
			k--;
		}
		(*out)[k].day = f->live_day[i];
		(*out)[k].home = l->home;
		n++;
	}
	return n;
}

/* The latest strategy meeting held on or before today, DATE_NONE. */
static int32_t last_meeting(const struct alert_facts *f, int32_t today)
{
	int32_t last = DATE_NONE;

	for (size_t i = 0; i < f->nmeetings; i++)
		if (f->meetings[i].held_on <= today)
			last = f->meetings[i].held_on;
	return last;
}

/* Was a strategy meeting held on a day in [from, today]? */
static bool meeting_since(const struct alert_facts *f, int32_t from,
			  int32_t today)
{
	for (size_t i = 0; i < f->nmeetings; i++)
		if (f->meetings[i].held_on >= from &&
		    f->meetings[i].held_on <= today)
			return true;
	return false;
}

#define ESCALATE_HELP "an unanswered alert escalates after this (0: never)"
#define HORIZON_HELP "an event older than this, found for the first time " \
	"and not going on now, is recorded as history (0: never)"
#define DUE_DAYS_HELP "the action is due by the end of the day this many " \
	"days after"

/* ---- 1: return interview within 72 hours ------------------------------------
 *
 * A missing (M) episode returned at R (R <= now) needs a return interview
 * held by R + hours.  Held at exactly R + hours is in time; at R + hours
 * + 1 ms it is late.  The alert is active when now > R + hours and no
 * interview has been held by now, or when the interview was held late
 * (a late interview stays an alert for someone to resolve with a note).
 * An interview offered by R + hours and declined by the child is in
 * time.  A time after now counts as not recorded yet.
 *
 * Due at R + hours, which is also its trigger (it is never going on: the
 * child has returned).  Severity high with no interview, low when held
 * late (a note is what is left to do).
 */
static const struct alert_param_desc ri_params[] = {
	{ "hours", 72, 1, 720, "hours",
	  "the return interview is due within this many hours of return" },
	{ ALERT_PARAM_ESCALATE, 48, 0, 8760, "hours", ESCALATE_HELP },
	{ ALERT_PARAM_HORIZON, 28, 0, 3650, "days", HORIZON_HELP },
};

static void ri_child(struct alert_eval *e, const struct alert_facts *f,
		     struct alert_found_set *out)
{
	int64_t window = e->p[0] * MS_PER_HOUR;

	for (size_t i = 0; i < f->nlive; i++) {
		const struct alert_live *l = &f->live[i];
		int64_t due, held, offered;
		struct alert_found *a;
		struct facts fa;

		if (l->kind != 'M' || !l->returned_at || l->returned_at > e->now)
			continue;
		due = l->returned_at + window;
		held = l->ri_held_at && l->ri_held_at <= e->now ?
			       l->ri_held_at : 0;
		offered = l->ri_offered_at && l->ri_offered_at <= e->now ?
				  l->ri_offered_at : 0;
		if (held && held <= due)
			continue;
		if (!held && l->ri_declined && offered && offered <= due)
			continue;
		if (!held && e->now <= due)
			continue;
		a = found_add(out, l->child_id, l->id, l->home);
		snprintf(a->key, sizeof(a->key), "episode:%" PRId64, l->id);
		area_of(e, l->home, a->area);
		a->severity = held ? ALERT_SEV_LOW : ALERT_SEV_HIGH;
		a->due_at = due;
		a->trigger_at = due;
		facts_start(&fa, a->facts);
		facts_int(&fa, "started_at", l->started_at);
		facts_int(&fa, "returned_at", l->returned_at);
		facts_int(&fa, "hours", e->p[0]);
		if (held)
			facts_int(&fa, "held_at", held);
		facts_end(&fa);
	}
}

/* ---- 2: repeat missing ---------------------------------------------------------
 *
 * Missing (M) periods, SSDA903 and live (a live episode starting on the
 * day of a stored period of the same child is that period), counted by
 * start day.  Only periods after the child's latest strategy meeting
 * (held on or before today) count: a meeting on the day a period started
 * is "since" it.  Active when `count` of those periods start within
 * `days` days: the first on day 1 and the count-th on day `days` counts
 * (start days at most days - 1 apart); on day days + 1 it does not.  Each
 * such run is one alert: the run goes on while periods start within
 * `days` days of its first; the next run starts after it.  The subject is
 * the child and the day of the run's first period, so it stays the same
 * as more periods follow.
 *
 * Due: a strategy meeting by the end of the day `due_days` after the
 * count-th period.  Trigger: the run's last period; going on while the
 * child is missing now.  Severity high while missing now, else medium.
 */
static const struct alert_param_desc repeat_params[] = {
	{ "count", 3, 2, 50, "periods", "missing periods that make a repeat" },
	{ "days", 90, 1, 730, "days", "within this many days" },
	{ ALERT_PARAM_ESCALATE, 72, 0, 8760, "hours", ESCALATE_HELP },
	{ ALERT_PARAM_HORIZON, 28, 0, 3650, "days", HORIZON_HELP },
	{ "due_days", 7, 0, 365, "days",
	  DUE_DAYS_HELP " the period that made it a repeat" },
};

static void repeat_child(struct alert_eval *e, const struct alert_facts *f,
			 struct alert_found_set *out)
{
	struct mperiod *mp = NULL;
	size_t alloc = 0, n, i;
	int64_t count = e->p[0], days = e->p[1];
	int32_t met = last_meeting(f, e->today);
	bool now_missing = missing_now(f, e->now);

	n = missing_periods(f, e->now, e->today, &mp, &alloc);
	i = 0;
	while (i < n && met != DATE_NONE && mp[i].day <= met)
		i++;
	while (i + (size_t)count - 1 < n) {
		size_t j = i + (size_t)count - 1, last = j;
		struct alert_found *a;
		struct facts fa;
		char d1[DATE_STR_MAX];

		if (mp[j].day - mp[i].day > days - 1) {
			i++;
			continue;
		}
		while (last + 1 < n && mp[last + 1].day - mp[i].day <= days - 1)
			last++;
		a = found_add(out, f->child->id, 0, mp[last].home);
		date_fmt_iso(mp[i].day, d1);
		snprintf(a->key, sizeof(a->key), "child:%" PRId64 ":%s",
			 f->child->id, d1);
		area_of(e, mp[last].home, a->area);
		a->ongoing = now_missing && last + 1 == n;
		a->severity = a->ongoing ? ALERT_SEV_HIGH : ALERT_SEV_MEDIUM;
		a->due_at = due_by_day(e, mp[j].day + (int32_t)e->p[4]);
		a->trigger_day = mp[last].day;
		facts_start(&fa, a->facts);
		facts_int(&fa, "count", (int64_t)(last - i + 1));
		facts_day(&fa, "first_day", mp[i].day);
		facts_day(&fa, "last_day", mp[last].day);
		facts_int(&fa, "days", days);
		facts_bool(&fa, "missing_now", a->ongoing);
		facts_end(&fa);
		i = last + 1;
	}
	free(mp);
}

/* ---- 3: missing over 24 hours or high risk, no strategy meeting -----------------
 *
 * A live missing (M) episode started at S (S <= now) that has lasted
 * more than `hours` (to its return, or to now while missing: exactly
 * 24 h is not more) or that the police graded high risk, with no
 * strategy meeting for the child held on a day from S's day to today.
 *
 * Trigger: S when graded high, else S + hours; due `due_hours` after
 * it; going on while the child is missing.  Severity urgent while
 * missing, high when returned and graded high, else medium.
 */
static const struct alert_param_desc long_params[] = {
	{ "hours", 24, 1, 720, "hours", "missing for more than this" },
	{ ALERT_PARAM_ESCALATE, 24, 0, 8760, "hours", ESCALATE_HELP },
	{ ALERT_PARAM_HORIZON, 28, 0, 3650, "days", HORIZON_HELP },
	{ "due_hours", 24, 0, 720, "hours",
	  "the strategy meeting is due this many hours after the episode "
	  "began (high risk) or passed the limit" },
};

static void long_child(struct alert_eval *e, const struct alert_facts *f,
		       struct alert_found_set *out)
{
	int64_t limit = e->p[0] * MS_PER_HOUR;

	for (size_t i = 0; i < f->nlive; i++) {
		const struct alert_live *l = &f->live[i];
		int64_t end, returned;
		bool is_long, high;
		struct alert_found *a;
		struct facts fa;

		if (l->kind != 'M' || l->started_at > e->now)
			continue;
		returned = l->returned_at && l->returned_at <= e->now ?
				   l->returned_at : 0;
		end = returned ? returned : e->now;
		is_long = end - l->started_at > limit;
		high = l->grade == 'h';
		if (!is_long && !high)
			continue;
		if (meeting_since(f, f->live_day[i], e->today))
			continue;
		a = found_add(out, l->child_id, l->id, l->home);
		snprintf(a->key, sizeof(a->key), "episode:%" PRId64, l->id);
		area_of(e, l->home, a->area);
		a->ongoing = !returned;
		a->severity = a->ongoing ? ALERT_SEV_URGENT :
			      high ? ALERT_SEV_HIGH : ALERT_SEV_MEDIUM;
		a->trigger_at = high ? l->started_at : l->started_at + limit;
		a->due_at = a->trigger_at + e->p[3] * MS_PER_HOUR;
		facts_start(&fa, a->facts);
		facts_int(&fa, "started_at", l->started_at);
		if (returned)
			facts_int(&fa, "returned_at", returned);
		facts_int(&fa, "hours", e->p[0]);
		facts_bool(&fa, "long", is_long);
		facts_bool(&fa, "high", high);
		facts_end(&fa);
	}
}

/* ---- 4: exploitation concern on 2+ episodes, no safety plan review -----------
 *
 * Live episodes (M or A) started by now with the exploitation concern
 * flag.  With `episodes` of them, active unless a strategy meeting held
 * from the day the episodes-th of them started to today recorded a
 * safety plan review date.
 *
 * Due by the end of the day `due_days` after the episodes-th began.
 * Trigger: the latest flagged episode's start; going on while the child
 * is missing now.  Severity urgent while missing, else high.
 */
static const struct alert_param_desc exploit_params[] = {
	{ "episodes", 2, 1, 50, "episodes",
	  "episodes with an exploitation concern" },
	{ ALERT_PARAM_ESCALATE, 72, 0, 8760, "hours", ESCALATE_HELP },
	{ ALERT_PARAM_HORIZON, 28, 0, 3650, "days", HORIZON_HELP },
	{ "due_days", 7, 0, 365, "days",
	  DUE_DAYS_HELP " the episode that made the concern repeated" },
};

static void exploit_child(struct alert_eval *e, const struct alert_facts *f,
			  struct alert_found_set *out)
{
	int64_t need = e->p[0], seen = 0;
	const struct alert_live *nth = NULL, *last = NULL;
	struct alert_found *a;
	struct facts fa;
	int32_t from = DATE_NONE;

	for (size_t i = 0; i < f->nlive; i++)
		if (f->live[i].exploitation && f->live[i].started_at <= e->now) {
			last = &f->live[i];
			if (++seen == need) {
				nth = last;
				from = f->live_day[i];
			}
		}
	if (!nth)
		return;
	for (size_t i = 0; i < f->nmeetings; i++)
		if (f->meetings[i].held_on >= from &&
		    f->meetings[i].held_on <= e->today &&
		    f->meetings[i].safety_plan_review_on != DATE_NONE)
			return;
	a = found_add(out, f->child->id, 0, last->home);
	snprintf(a->key, sizeof(a->key), "child:%" PRId64 ":exploitation",
		 f->child->id);
	area_of(e, last->home, a->area);
	a->ongoing = missing_now(f, e->now);
	a->severity = a->ongoing ? ALERT_SEV_URGENT : ALERT_SEV_HIGH;
	a->due_at = due_by_day(e, from + (int32_t)e->p[3]);
	a->trigger_at = last->started_at;
	facts_start(&fa, a->facts);
	facts_int(&fa, "episodes", seen);
	facts_day(&fa, "from_day", from);
	facts_int(&fa, "last_started_at", last->started_at);
	facts_bool(&fa, "missing_now", a->ongoing);
	facts_end(&fa);
}

/* ---- 5: arrested or charged (criminalisation) -----------------------------------
 *
 * A live episode started by now on which the police recorded an arrest
 * or a charge, during or after it.
 *
 * Due by the end of the day `due_days` after the episode began.
 * Trigger: its return, else its start; going on while missing.
 * Severity medium.
 */
static const struct alert_param_desc crim_params[] = {
	{ ALERT_PARAM_ESCALATE, 168, 0, 8760, "hours", ESCALATE_HELP },
	{ ALERT_PARAM_HORIZON, 28, 0, 3650, "days", HORIZON_HELP },
	{ "due_days", 7, 0, 365, "days", DUE_DAYS_HELP " the episode began" },
};

static void crim_child(struct alert_eval *e, const struct alert_facts *f,
		       struct alert_found_set *out)
{
	for (size_t i = 0; i < f->nlive; i++) {
		const struct alert_live *l = &f->live[i];
		int64_t returned;
		struct alert_found *a;
		struct facts fa;

		if ((!l->arrested && !l->charged) || l->started_at > e->now)
			continue;
		returned = l->returned_at && l->returned_at <= e->now ?
				   l->returned_at : 0;
		a = found_add(out, l->child_id, l->id, l->home);
		snprintf(a->key, sizeof(a->key), "episode:%" PRId64, l->id);
		area_of(e, l->home, a->area);
		a->ongoing = !returned;
		a->severity = ALERT_SEV_MEDIUM;
		a->due_at = due_by_day(e, f->live_day[i] + (int32_t)e->p[2]);
		a->trigger_at = returned ? returned : l->started_at;
		facts_start(&fa, a->facts);
		facts_int(&fa, "started_at", l->started_at);
		if (returned)
			facts_int(&fa, "returned_at", returned);
		facts_bool(&fa, "arrested", l->arrested);
		facts_bool(&fa, "charged", l->charged);
		facts_end(&fa);
	}
}

/* ---- 6: placement stability -----------------------------------------------------
 *
 * SSDA903 episodes (merged across returns) that begin a change of
 * placement (RNE P, T, B or U).  Moves: `moves` of them starting on days
 * in [today - days + 1, today] ("in the last 12 months": a move on
 * today - 364 counts with days 365, one on today - 365 does not);
 * subject "child:ID:moves".  Distance: such a placement that started in
 * [today - new_days + 1, today] more than `distance` tenths of a mile
 * from home (20.0 miles is not more than 20; 20.1 is) with no
 * REASON_PLACE_CHANGE; subject "placement:CHILD:DECOM".  A child
 * starting to be looked after (RNE S) has no reason to record.
 *
 * Due by the end of the day `due_days` after the last move (moves) or
 * the placement began (distance); that day is the trigger; never going
 * on.  Severity medium (moves) or low (a reason to record).
 */
static const struct alert_param_desc stab_params[] = {
	{ "moves", 3, 2, 50, "moves", "placement moves that make instability" },
	{ "days", 365, 30, 1096, "days", "within this many days up to today" },
	{ "distance", 200, 0, 10000, "tenths of a mile",
	  "a new placement further than this from home" },
	{ "new_days", 90, 1, 730, "days", "a placement is new this long" },
	{ ALERT_PARAM_ESCALATE, 168, 0, 8760, "hours", ESCALATE_HELP },
	{ ALERT_PARAM_HORIZON, 90, 0, 3650, "days", HORIZON_HELP },
	{ "due_days", 28, 0, 365, "days",
	  DUE_DAYS_HELP " the last move or the new placement" },
};

static bool is_move(char rne)
{
	return rne == 'P' || rne == 'T' || rne == 'B' || rne == 'U';
}

static void stab_child(struct alert_eval *e, const struct alert_facts *f,
		       struct alert_found_set *out)
{
	int32_t from = e->today - (int32_t)e->p[1] + 1;
	int32_t new_from = e->today - (int32_t)e->p[3] + 1;
	int32_t due_days = (int32_t)e->p[6];
	const struct alert_placement *first = NULL, *last = NULL;
	char d1[DATE_STR_MAX];
	struct alert_found *a;
	struct facts fa;
	int64_t moves = 0;

	for (size_t i = 0; i < f->nplacements; i++) {
		const struct alert_placement *p = &f->placements[i];

		if (!is_move(p->rne) || p->decom > e->today)
			continue;
		if (p->decom >= from) {
			if (!moves++)
				first = p;
			last = p;
		}
		if (p->decom >= new_from && p->distance > e->p[2] &&
		    !p->has_reason) {
			a = found_add(out, f->child->id, 0, p->home);
			date_fmt_iso(p->decom, d1);
			snprintf(a->key, sizeof(a->key),
				 "placement:%" PRId64 ":%s", f->child->id, d1);
			a->severity = ALERT_SEV_LOW;
			a->due_at = due_by_day(e, p->decom + due_days);
			a->trigger_day = p->decom;
			facts_start(&fa, a->facts);
			facts_put(&fa, "part", "\"distance\"");
			facts_day(&fa, "placed_on", p->decom);
			facts_int(&fa, "distance_tenths", p->distance);
			facts_int(&fa, "limit_tenths", e->p[2]);
			facts_end(&fa);
		}
	}
	if (moves >= e->p[0]) {
		a = found_add(out, f->child->id, 0, last->home);
		snprintf(a->key, sizeof(a->key), "child:%" PRId64 ":moves",
			 f->child->id);
		a->severity = ALERT_SEV_MEDIUM;
		a->due_at = due_by_day(e, last->decom + due_days);
		a->trigger_day = last->decom;
		facts_start(&fa, a->facts);
		facts_put(&fa, "part", "\"moves\"");
		facts_int(&fa, "moves", moves);
		facts_day(&fa, "first_day", first->decom);
		facts_day(&fa, "last_day", last->decom);
		facts_int(&fa, "days", e->p[1]);
		facts_end(&fa);
	}
}

/* ---- 7: homes with many missing periods ---------------------------------------
 *
 * Missing (M) periods, SSDA903 and live as in rule 2, by the home each
 * started from, in the window [today - days + 1, today] and the one
 * before it.  Homes open today with places count.  A home is in the top
 * decile when it has a period in the window and its rate (periods per
 * place) is at least the rate of the ceil(N * decile / 100)-th home of
 * N by rate (ties are all in).  It rose when it has at least
 * min_periods in the window and periods * 100 > previous * (100 +
 * rise_pct) ("more than 50%": 2 to 3 is not, 2 to 4 is).  A one-child
 * run uses the last full run's threshold.
 *
 * Due by the end of the day `due_days` after the day it is raised; the
 * trigger is today (the window is recent by construction: no horizon by
 * default).  Severity high when both in the top decile and rising, else
 * medium.
 */
static const struct alert_param_desc home_params[] = {
	{ "days", 90, 7, 365, "days", "the window" },
	{ "decile", 10, 1, 50, "percent", "the top share of homes by rate" },
	{ "rise_pct", 50, 1, 1000, "percent", "a rise of more than this" },
	{ "min_periods", 3, 1, 1000, "periods",
	  "the rise counts from this many periods" },
	{ ALERT_PARAM_ESCALATE, 0, 0, 8760, "hours", ESCALATE_HELP },
	{ ALERT_PARAM_HORIZON, 0, 0, 3650, "days", HORIZON_HELP },
	{ "due_days", 28, 0, 365, "days", DUE_DAYS_HELP " it was raised" },
};

static void home_child(struct alert_eval *e, const struct alert_facts *f,
		       struct alert_found_set *out)
{
	int32_t days = (int32_t)e->p[0];
	int32_t cur_from = e->today - days + 1, prev_from = cur_from - days;
	struct mperiod *mp = NULL;
	size_t alloc = 0, n;

	(void)out;
	if (!e->home_cur)
		return;
	n = missing_periods(f, e->now, e->today, &mp, &alloc);
	for (size_t i = 0; i < n; i++) {
		if (mp[i].home < 0 || mp[i].day < prev_from)
			continue;
		if (mp[i].day >= cur_from)
			e->home_cur[mp[i].home]++;
		else
			e->home_prev[mp[i].home]++;
	}
	free(mp);
}

static bool home_counts(const struct alert_eval *e, const struct alert_home *h)
{
	return h->places > 0 && h->registered != DATE_NONE &&
	       h->registered <= e->today &&
	       (h->closed == DATE_NONE || h->closed > e->today);
}

struct rate {
	long periods;
	int places;
};

static int cmp_rate_desc(const void *a, const void *b)
{
	const struct rate *x = a, *y = b;
	int64_t l = (int64_t)x->periods * y->places;
	int64_t r = (int64_t)y->periods * x->places;

	return (l < r) - (l > r);
}

static void home_finish(struct alert_eval *e, struct alert_found_set *out)
{
	const struct alert_snapshot *snap = e->snap;
	struct rate *rates;
	size_t n = 0, top;

	if (!e->home_cur)
		return;
	if (!e->home_only) {
		/* the national threshold */
		rates = xcalloc(snap->nhomes ? snap->nhomes : 1,
				sizeof(*rates));
		for (size_t i = 0; i < snap->nhomes; i++)
			if (home_counts(e, &snap->homes[i])) {
				rates[n].periods = e->home_cur[i];
				rates[n++].places = snap->homes[i].places;
			}
		e->top_known = false;
		if (n) {
			qsort(rates, n, sizeof(*rates), cmp_rate_desc);
			top = (n * (size_t)e->p[1] + 99) / 100;
			if (top < 1)
				top = 1;
			e->top_known = true;
			e->top_periods = rates[top - 1].periods;
			e->top_places = rates[top - 1].places;
		}
		free(rates);
	}
	for (size_t i = 0; i < snap->nhomes; i++) {
		const struct alert_home *h = &snap->homes[i];
		long cur = e->home_cur[i], prev = e->home_prev[i];
		bool decile, rise;
		struct alert_found *a;
		struct facts fa;

		if ((e->home_only && !e->home_only[i]) || !home_counts(e, h) ||
		    !cur)
			continue;
		decile = e->top_known && e->top_places > 0 &&
			 (int64_t)cur * e->top_places >=
				 e->top_periods * (int64_t)h->places;
		rise = cur >= e->p[3] &&
		       (int64_t)cur * 100 > (int64_t)prev * (100 + e->p[2]);
		if (!decile && !rise)
			continue;
		a = found_add(out, 0, 0, (int32_t)i);
		snprintf(a->key, sizeof(a->key), "home:%s", h->urn);
		snprintf(a->area, sizeof(a->area), "%s", h->council);
		a->severity = decile && rise ? ALERT_SEV_HIGH : ALERT_SEV_MEDIUM;
		a->due_from_raise = true;
		a->due_days_after = (int32_t)e->p[6];
		a->trigger_day = e->today;
		facts_start(&fa, a->facts);
		facts_int(&fa, "periods", cur);
		facts_int(&fa, "places", h->places);
		facts_int(&fa, "previous", prev);
		facts_int(&fa, "days", e->p[0]);
		facts_bool(&fa, "top", decile);
		facts_int(&fa, "decile", e->p[1]);
		facts_bool(&fa, "rise", rise);
		facts_int(&fa, "rise_pct", e->p[2]);
		facts_end(&fa);
	}
}

/* ---- the quality of care (issue 13; docs/inspections.md) -----------------------
 *
 * The four rules below read the snapshot's quality (a full run loads it;
 * a one-child run does not, and they find nothing).  As the rules
 * above, they see nothing after now: an inspection that starts after
 * today, a judgement, a verdict or an action done on a later day, an
 * update or view at a later time count as not recorded yet.
 */

/* A text fact, JSON-escaped, of at most max bytes as written (cut at a
 * character's start: a name is for reading, never a key). */
static void facts_str(struct facts *fa, const char *name, const char *s,
		      size_t max)
{
	char buf[256];
	size_t n = 0;

	if (max > sizeof(buf) - 1)
		max = sizeof(buf) - 1;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		char esc[8];
		size_t k;

		if (*p == '"' || *p == '\\')
			k = (size_t)snprintf(esc, sizeof(esc), "\\%c", *p);
		else if (*p < 0x20)
			k = (size_t)snprintf(esc, sizeof(esc), "\\u%04x", *p);
		else
			k = (size_t)snprintf(esc, sizeof(esc), "%c", *p);
		/* a character's first byte that does not fit ends it */
		if (n + k > max && (*p & 0xc0) != 0x80)
			break;
		if (n + k > max) {
			/* inside a character cut short: drop its start */
			while (n > 0 && ((unsigned char)buf[n - 1] & 0xc0) ==
						0x80)
				n--;
			if (n > 0)
				n--;
			break;
		}
		memcpy(buf + n, esc, k);
		n += k;
	}
	buf[n] = '\0';
	facts_put(fa, name, "\"%s\"", buf);
}

int32_t alert_home_index(const struct alert_snapshot *snap, const char *urn)
{
	size_t lo = 0, hi = snap->nhomes;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(snap->homes[mid].urn, urn);

		if (!c)
			return (int32_t)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static bool rated_poor(const struct q_inspection *i)
{
	for (int t = 0; t < Q_NTHEMES; t++)
		if (i->rating[t] == Q_POOR)
			return true;
	return false;
}

void alert_poor_homes(const struct quality_set *q, int32_t today,
		      void (*fn)(const struct q_inspection *i, void *ctx),
		      void *ctx)
{
	const struct q_inspection *latest = NULL;

	/* by urn, start_on, id: each home's latest by today is the last of
	 * its run that started on or before today */
	for (size_t k = 0; k < q->ninsp; k++) {
		const struct q_inspection *i = &q->insp[k];

		if (latest && strcmp(latest->urn, i->urn)) {
			if (rated_poor(latest))
				fn(latest, ctx);
			latest = NULL;
		}
		if (i->start_on != DATE_NONE && i->start_on <= today)
			latest = i;
	}
	if (latest && rated_poor(latest))
		fn(latest, ctx);
}

static const struct q_inspection *inspection_by_id(const struct quality_set *q,
						   int64_t id)
{
	for (size_t k = 0; k < q->ninsp; k++)
		if (q->insp[k].id == id)
			return &q->insp[k];
	return NULL;
}

/* ---- 8: a Priority Action Notice past its date and not met ----------------------
 *
 * A finding that is a Priority Action Notice with a due date, of an
 * inspection that started by today, not met by today (its status open,
 * responded or not met; met on a later day counts as not met yet), when
 * today is after its due date: on the due date itself it is in time.
 *
 * To the inspectorate and the home's provider (its responsible
 * individual); escalates to the inspectorate.  Due by the end of the
 * due date, which is the trigger; not going on (an old notice found for
 * the first time, in imported history, is history).  Severity high.
 */
static const struct alert_param_desc pan_params[] = {
	{ ALERT_PARAM_ESCALATE, 168, 0, 8760, "hours", ESCALATE_HELP },
	{ ALERT_PARAM_HORIZON, 365, 0, 3650, "days", HORIZON_HELP },
};

/* Has a later inspection held by today repeated fd?  Then the finding
 * that repeats it carries it on (its own date, its own alert). */
static bool repeated_by_today(const struct alert_eval *e,
			      const struct quality_set *q,
			      const struct q_finding *fd)
{
	const struct q_finding *later =
		q_finding_repeated_by(fd, q->findings, q->nfindings);
	const struct q_inspection *in;

	if (!later)
		return false;
	in = inspection_by_id(q, later->inspection_id);
	return in && in->start_on != DATE_NONE && in->start_on <= e->today;
}

static void pan_finish(struct alert_eval *e, struct alert_found_set *out)
{
	const struct quality_set *q = &e->snap->q;

	if (!e->snap->quality)
		return;
	for (size_t k = 0; k < q->nfindings; k++) {
		const struct q_finding *fd = &q->findings[k];
		const struct q_inspection *in;
		bool judged = fd->judged_on == DATE_NONE ||
			      fd->judged_on <= e->today;
		struct alert_found *a;
		struct facts fa;

		if (fd->kind != Q_PRIORITY_ACTION_NOTICE ||
		    fd->due_on == DATE_NONE || e->today <= fd->due_on ||
		    (fd->status == Q_MET && judged))
			continue;
		in = inspection_by_id(q, fd->inspection_id);
		if (in && (in->start_on == DATE_NONE || in->start_on > e->today))
			continue;
		if (repeated_by_today(e, q, fd))
			continue;
		a = found_add(out, 0, 0, alert_home_index(e->snap, fd->urn));
		snprintf(a->key, sizeof(a->key), "finding:%" PRId64, fd->id);
		a->severity = ALERT_SEV_HIGH;
		a->due_at = due_by_day(e, fd->due_on);
		a->trigger_day = fd->due_on;
		facts_start(&fa, a->facts);
		facts_int(&fa, "finding", fd->id);
		if (in)
			facts_day(&fa, "inspected_on", in->start_on);
		facts_day(&fa, "due_day", fd->due_on);
		facts_bool(&fa, "responded", fd->responded_at &&
						    fd->responded_at <= e->now);
		facts_bool(&fa, "not_met", fd->status == Q_NOT_MET && judged);
		facts_end(&fa);
	}
}

/* ---- recommendations: each addressee's state at now --------------------------- */

struct addr_now {
	const struct rec_addressee *ad;
	const struct rec *rec;		/* NULL: made after today */
	enum rec_status status;		/* its last update's by now */
	int64_t last_at;		/* that update's time, 0: none */
	bool closed;			/* done and accepted by today */
};

static const struct rec *rec_by_id(const struct quality_set *q, int64_t id)
{
	size_t lo = 0, hi = q->nrecs;

	/* recs are by id */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (q->recs[mid].id == id)
			return &q->recs[mid];
		if (q->recs[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static int cmp_addr_id(const void *a, const void *b)
{
	const struct addr_now *x = a, *y = b;

	return (x->ad->id > y->ad->id) - (x->ad->id < y->ad->id);
}

/* Every addressee's state at now, by addressee id (*n of them; free). */
static struct addr_now *addressees_now(const struct alert_eval *e, size_t *n)
{
	const struct quality_set *q = &e->snap->q;
	struct addr_now *v = xcalloc(q->naddressees + 1, sizeof(*v));

	for (size_t k = 0; k < q->naddressees; k++) {
		const struct rec *r = rec_by_id(q, q->addressees[k].rec_id);

		v[k].ad = &q->addressees[k];
		v[k].rec = r && r->made_on != DATE_NONE &&
			   r->made_on <= e->today ? r : NULL;
		v[k].status = REC_NOT_STARTED;
	}
	if (q->naddressees)
		qsort(v, q->naddressees, sizeof(*v), cmp_addr_id);
	*n = q->naddressees;
	/* updates are by addressee, at: the last by now of each */
	for (size_t k = 0; k < q->nupdates; k++) {
		const struct rec_update *u = &q->updates[k];
		struct addr_now key, *hit;
		struct rec_addressee ad;

		if (!u->at || u->at > e->now)
			continue;
		ad.id = u->addressee_id;
		key.ad = &ad;
		hit = bsearch(&key, v, *n, sizeof(*v), cmp_addr_id);
		if (hit && u->at >= hit->last_at) {
			hit->last_at = u->at;
			hit->status = u->status;
		}
	}
	for (size_t k = 0; k < *n; k++)
		v[k].closed = v[k].status == REC_DONE &&
			      v[k].ad->verdict == REC_ACCEPTED &&
			      (v[k].ad->verdict_on == DATE_NONE ||
			       v[k].ad->verdict_on <= e->today);
	return v;
}

static void found_addressee(struct alert_found *a, const struct addr_now *an)
{
	a->to_kind = an->ad->kind;
	snprintf(a->to_code, sizeof(a->to_code), "%s", an->ad->code);
}

/* The name of organisation (kind, code) in the snapshot, or NULL. */
static const struct alert_org_name *org_name(const struct alert_snapshot *s,
					     enum org_kind kind,
					     const char *code)
{
	for (size_t i = 0; i < s->nnames; i++)
		if (s->names[i].kind == kind && !strcmp(s->names[i].code, code))
			return &s->names[i];
	return NULL;
}

/* Its names in English and Welsh as facts name_en and name_cy (a
 * person reads "Cardiff", not "W06000015"). */
static void facts_org_name(struct facts *fa, const struct alert_eval *e,
			   const char *prefix, enum org_kind kind,
			   const char *code)
{
	const struct alert_org_name *n = org_name(e->snap, kind, code);
	char name[32];

	if (!n || !n->en[0])
		return;
	snprintf(name, sizeof(name), "%s_en", prefix);
	facts_str(fa, name, n->en, 80);
	snprintf(name, sizeof(name), "%s_cy", prefix);
	facts_str(fa, name, n->cy[0] ? n->cy : n->en, 80);
}

/* The facts every recommendation alert has: the recommendation (id and
 * code, for its link) and the addressee (its code and names). */
static void facts_rec(struct facts *fa, const struct alert_eval *e,
		      const struct addr_now *an)
{
	facts_int(fa, "rec", an->rec->id);
	facts_str(fa, "code", an->rec->code, 48);
	facts_put(fa, "to_kind", "\"%s\"", org_kind_name(an->ad->kind));
	facts_str(fa, "to_code", an->ad->code, 120);
	facts_org_name(fa, e, "to", an->ad->kind, an->ad->code);
}

/* ---- 9: a recommendation's action past its target date ------------------------
 *
 * An action recorded by now of an addressee of a recommendation made by
 * today, not done by today (done on a later day counts as not done yet),
 * when today is after its target date (on the target date it is in
 * time), unless the addressee's "done" was accepted by today (the
 * recommendation is closed for it).
 *
 * To the addressee; escalates to the inspectorate.  Due by the end of
 * the target date, the trigger; not going on.  Severity medium.
 */
static const struct alert_param_desc action_params[] = {
	{ ALERT_PARAM_ESCALATE, 336, 0, 8760, "hours", ESCALATE_HELP },
	{ ALERT_PARAM_HORIZON, 365, 0, 3650, "days", HORIZON_HELP },
};

static void action_finish(struct alert_eval *e, struct alert_found_set *out)
{
	const struct quality_set *q = &e->snap->q;
	struct addr_now *v, key, *an;
	struct rec_addressee ad;
	size_t n;

	if (!e->snap->quality)
		return;
	v = addressees_now(e, &n);
	for (size_t k = 0; k < q->nactions; k++) {
		const struct rec_action *ac = &q->actions[k];
		struct alert_found *a;
		struct facts fa;

		if ((ac->recorded_at && ac->recorded_at > e->now) ||
		    ac->target_on == DATE_NONE || e->today <= ac->target_on ||
		    (ac->done_on != DATE_NONE && ac->done_on <= e->today))
			continue;
		ad.id = ac->addressee_id;
		key.ad = &ad;
		an = bsearch(&key, v, n, sizeof(*v), cmp_addr_id);
		if (!an || !an->rec || an->closed)
			continue;
		a = found_add(out, 0, 0, -1);
		snprintf(a->key, sizeof(a->key), "rec-action:%" PRId64, ac->id);
		found_addressee(a, an);
		a->severity = ALERT_SEV_MEDIUM;
		a->due_at = due_by_day(e, ac->target_on);
		a->trigger_day = ac->target_on;
		facts_start(&fa, a->facts);
		facts_rec(&fa, e, an);
		facts_int(&fa, "action", ac->id);
		facts_day(&fa, "target_day", ac->target_on);
		facts_end(&fa);
	}
	free(v);
}

/* ---- 10: an addressee with no update for 90 days --------------------------------
 *
 * An addressee of a recommendation made by today, not done and accepted
 * by today, whose last update by now (else the day the recommendation
 * was made) is on a UK day more than `days` days before today: with an
 * update on day D, D + days is in time and D + days + 1 is not.
 *
 * To the addressee; escalates to the inspectorate.  Due by the end of
 * day D + days, the trigger; not going on.  Severity low.
 */
static const struct alert_param_desc noupd_params[] = {
	{ "days", 90, 7, 730, "days", "no update for more than this" },
	{ ALERT_PARAM_ESCALATE, 336, 0, 8760, "hours", ESCALATE_HELP },
	{ ALERT_PARAM_HORIZON, 365, 0, 3650, "days", HORIZON_HELP },
};

static void noupd_finish(struct alert_eval *e, struct alert_found_set *out)
{
	struct addr_now *v;
	size_t n;

	if (!e->snap->quality)
		return;
	v = addressees_now(e, &n);
	for (size_t k = 0; k < n; k++) {
		const struct addr_now *an = &v[k];
		int32_t from, due;
		struct alert_found *a;
		struct facts fa;

		if (!an->rec || an->closed)
			continue;
		from = an->last_at ? uk_day_of(an->last_at) : an->rec->made_on;
		due = from + (int32_t)e->p[0];
		if (e->today <= due)
			continue;
		a = found_add(out, 0, 0, -1);
		snprintf(a->key, sizeof(a->key), "rec-addressee:%" PRId64,
			 an->ad->id);
		found_addressee(a, an);
		a->severity = ALERT_SEV_LOW;
		a->due_at = due_by_day(e, due);
		a->trigger_day = due;
		facts_start(&fa, a->facts);
		facts_rec(&fa, e, an);
		facts_int(&fa, "days", e->p[0]);
		if (an->last_at)
			facts_int(&fa, "last_update_at", an->last_at);
		else
			facts_day(&fa, "made_day", an->rec->made_on);
		facts_put(&fa, "status", "\"%s\"", rec_status_code(an->status));
		facts_end(&fa);
	}
	free(v);
}

/* ---- 11: a home rated Poor, its record not viewed by a placing council ----------
 *
 * A home whose latest inspection that started by today rated any theme
 * Poor, and each council placing children there today (the store's
 * store_quality_placing_councils(), loaded with the snapshot) none of
 * whose users viewed the home's record at or after that inspection was
 * recorded (at or after the start of its last day when its recording
 * time is not known) and by now: one alert per home and council,
 * cleared once the council has viewed the record.
 *
 * To that council; escalates to the inspectorate (never, by default).
 * Due by the end of the day `due_days` after it is raised.  Going on
 * (children are placed there now): never history.  Severity high.
 */
static const struct alert_param_desc poor_params[] = {
	{ ALERT_PARAM_ESCALATE, 0, 0, 8760, "hours", ESCALATE_HELP },
	{ ALERT_PARAM_HORIZON, 0, 0, 3650, "days", HORIZON_HELP },
	{ "due_days", 7, 0, 365, "days", DUE_DAYS_HELP " it was raised" },
};

struct poor_ctx {
	struct alert_eval *e;
	struct alert_found_set *out;
};

/* Did council la view home urn's record in [since, now]? */
static bool viewed_since(const struct alert_eval *e, const char *urn,
			 const char *la, int64_t since)
{
	const struct quality_set *q = &e->snap->q;

	for (size_t k = 0; k < q->nviews; k++) {
		const struct home_view *w = &q->views[k];

		if (w->kind == ORG_COUNCIL && !strcmp(w->urn, urn) &&
		    !strcmp(w->code, la) && w->at >= since && w->at <= e->now)
			return true;
	}
	return false;
}

static void poor_home(const struct q_inspection *in, void *ctx)
{
	struct poor_ctx *pc = ctx;
	struct alert_eval *e = pc->e;
	const struct alert_snapshot *snap = e->snap;
	int32_t h = alert_home_index(snap, in->urn);
	int32_t last = in->end_on != DATE_NONE ? in->end_on : in->start_on;
	int64_t since = in->recorded_at ? in->recorded_at :
					  uk_day_start(last);

	if (h < 0)
		return;
	for (size_t k = 0; k < snap->nplacing; k++) {
		const struct alert_placing *pl = &snap->placing[k];
		struct alert_found *a;
		struct facts fa;
		char themes[96];
		size_t len = 0;

		if (pl->home != h || viewed_since(e, in->urn, pl->la, since))
			continue;
		a = found_add(pc->out, 0, 0, h);
		snprintf(a->key, sizeof(a->key), "home-poor:%s:%s", in->urn,
			 pl->la);
		a->to_kind = ORG_COUNCIL;
		snprintf(a->to_code, sizeof(a->to_code), "%s", pl->la);
		a->severity = ALERT_SEV_HIGH;
		a->due_from_raise = true;
		a->due_days_after = (int32_t)e->p[2];
		a->trigger_day = last;
		a->ongoing = true;
		themes[0] = '\0';
		for (int t = 0; t < Q_NTHEMES; t++)
			if (in->rating[t] == Q_POOR)
				len += (size_t)snprintf(
					themes + len, sizeof(themes) - len,
					"%s\"%s\"", len ? "," : "",
					q_theme_code((enum q_theme)t));
		facts_start(&fa, a->facts);
		facts_int(&fa, "inspection", in->id);
		facts_day(&fa, "inspected_on", in->start_on);
		facts_put(&fa, "poor", "[%s]", themes);
		facts_str(&fa, "council", pl->la, LA_CODE_MAX);
		facts_org_name(&fa, e, "council", ORG_COUNCIL, pl->la);
		facts_int(&fa, "children", pl->children);
		facts_end(&fa);
	}
}

static void poor_finish(struct alert_eval *e, struct alert_found_set *out)
{
	struct poor_ctx pc = { e, out };

	if (!e->snap->quality)
		return;
	alert_poor_homes(&e->snap->q, e->today, poor_home, &pc);
}

/* ---- the table --------------------------------------------------------------------- */

const struct alert_rule alert_rules[] = {
	{ "ri-72h", "Return interview not held in time",
	  "Cyfweliad dychwelyd heb ei gynnal mewn pryd",
	  "A child returned from a missing episode and no return interview "
	  "was held within the limit (72 hours by default), or it was held "
	  "late.",
	  "Daeth plentyn yn ôl o gyfnod ar goll ac ni chynhaliwyd cyfweliad "
	  "dychwelyd o fewn y terfyn (72 awr yn ddiofyn), neu fe'i "
	  "cynhaliwyd yn hwyr.",
	  false, ri_params, ARRAY_SIZE(ri_params), ALERT_TO_COUNCIL,
	  ALERT_TO_INSPECTORATE, ri_child, NULL, false },
	{ "repeat-missing", "Repeatedly missing, no strategy meeting",
	  "Ar goll dro ar ôl tro, dim cyfarfod strategaeth",
	  "A child went missing 3 or more times within 90 days (by default) "
	  "and no strategy meeting has been held since the first of them.",
	  "Aeth plentyn ar goll 3 gwaith neu fwy o fewn 90 diwrnod (yn "
	  "ddiofyn) ac ni chynhaliwyd cyfarfod strategaeth ers y cyntaf.",
	  true, repeat_params, ARRAY_SIZE(repeat_params),
	  ALERT_TO_COUNCIL | ALERT_TO_POLICE, ALERT_TO_INSPECTORATE,
	  repeat_child, NULL, false },
	{ "long-or-high-risk", "Missing over 24 hours or high risk, no "
	  "strategy meeting",
	  "Ar goll dros 24 awr neu risg uchel, dim cyfarfod strategaeth",
	  "A child has been missing for more than 24 hours (by default) or "
	  "was graded high risk, and no strategy meeting has been held since "
	  "the episode began.",
	  "Mae plentyn wedi bod ar goll am fwy na 24 awr (yn ddiofyn) neu "
	  "fe'i graddiwyd yn risg uchel, ac ni chynhaliwyd cyfarfod "
	  "strategaeth ers i'r cyfnod ddechrau.",
	  false, long_params, ARRAY_SIZE(long_params),
	  ALERT_TO_COUNCIL | ALERT_TO_POLICE | ALERT_TO_PROVIDER,
	  ALERT_TO_INSPECTORATE, long_child, NULL, false },
	{ "exploitation", "Exploitation concern, no safety plan review",
	  "Pryder am gamfanteisio, dim adolygiad o'r cynllun diogelwch",
	  "An exploitation concern was recorded on 2 or more missing "
	  "episodes (by default) and no strategy meeting since has set a "
	  "safety plan review.",
	  "Cofnodwyd pryder am gamfanteisio ar 2 gyfnod ar goll neu fwy (yn "
	  "ddiofyn) ac nid oes cyfarfod strategaeth ers hynny wedi pennu "
	  "adolygiad o'r cynllun diogelwch.",
	  true, exploit_params, ARRAY_SIZE(exploit_params),
	  ALERT_TO_COUNCIL | ALERT_TO_POLICE, ALERT_TO_INSPECTORATE,
	  exploit_child, NULL, false },
	{ "criminalisation", "Arrested or charged during a missing episode",
	  "Arestiwyd neu cyhuddwyd yn ystod cyfnod ar goll",
	  "A child was arrested or charged in connection with a missing "
	  "episode: the council and the inspectorate are told "
	  "(criminalisation of children in care).",
	  "Cafodd plentyn ei arestio neu ei gyhuddo mewn cysylltiad â "
	  "chyfnod ar goll: rhoddir gwybod i'r cyngor a'r arolygiaeth "
	  "(troseddoli plant mewn gofal).",
	  true, crim_params, ARRAY_SIZE(crim_params),
	  ALERT_TO_COUNCIL | ALERT_TO_INSPECTORATE, 0, crim_child, NULL, false },
	{ "placement-stability", "Placement moves or a distant placement",
	  "Symud lleoliad neu leoliad pell",
	  "A child moved placement 3 or more times in the last 12 months, "
	  "or a new placement is more than 20 miles from home with no "
	  "reason recorded (by default).",
	  "Symudodd plentyn leoliad 3 gwaith neu fwy yn y 12 mis diwethaf, "
	  "neu mae lleoliad newydd fwy nag 20 milltir o'r cartref heb reswm "
	  "wedi'i gofnodi (yn ddiofyn).",
	  true, stab_params, ARRAY_SIZE(stab_params), ALERT_TO_COUNCIL,
	  ALERT_TO_INSPECTORATE, stab_child, NULL, false },
	{ "home-missing-rate", "Home with many missing periods",
	  "Cartref â llawer o gyfnodau ar goll",
	  "A home's missing periods per place over the last 90 days are in "
	  "the top tenth of homes, or rose by more than 50% on the 90 days "
	  "before (by default).",
	  "Mae cyfnodau ar goll cartref fesul lle dros y 90 diwrnod diwethaf "
	  "yn y degfed uchaf o gartrefi, neu wedi codi mwy na 50% ar y 90 "
	  "diwrnod cyn hynny (yn ddiofyn).",
	  true, home_params, ARRAY_SIZE(home_params), ALERT_TO_INSPECTORATE, 0,
	  home_child, home_finish, false },
	{ "pan-overdue", "Priority action notice past its date",
	  "Hysbysiad gweithredu blaenoriaethol wedi pasio'i ddyddiad",
	  "A priority action notice from an inspection of a home is past its "
	  "due date and has not been met: the home's provider and the "
	  "inspectorate are told.",
	  "Mae hysbysiad gweithredu blaenoriaethol o arolygiad cartref wedi "
	  "pasio'i ddyddiad ac nid yw wedi'i fodloni: rhoddir gwybod i "
	  "ddarparwr y cartref a'r arolygiaeth.",
	  true, pan_params, ARRAY_SIZE(pan_params),
	  ALERT_TO_PROVIDER | ALERT_TO_INSPECTORATE, ALERT_TO_INSPECTORATE,
	  NULL, pan_finish, true },
	{ "rec-action-overdue", "Recommendation action past its target date",
	  "Cam gweithredu ar argymhelliad wedi pasio'i ddyddiad targed",
	  "An action an organisation recorded for a recommendation addressed "
	  "to it is past its target date and not marked done.",
	  "Mae cam gweithredu a gofnododd sefydliad ar gyfer argymhelliad a "
	  "gyfeiriwyd ato wedi pasio'i ddyddiad targed ac nid yw wedi'i nodi'n "
	  "gyflawn.",
	  true, action_params, ARRAY_SIZE(action_params), ALERT_TO_NAMED,
	  ALERT_TO_INSPECTORATE, NULL, action_finish, true },
	{ "rec-no-update", "No progress update on a recommendation",
	  "Dim diweddariad ar gynnydd argymhelliad",
	  "An organisation has recorded no progress update on a "
	  "recommendation addressed to it for more than 90 days (by default), "
	  "and its work on it is not done and accepted.",
	  "Nid yw sefydliad wedi cofnodi diweddariad ar gynnydd argymhelliad a "
	  "gyfeiriwyd ato ers mwy na 90 diwrnod (yn ddiofyn), ac nid yw ei "
	  "waith arno wedi'i gyflawni a'i dderbyn.",
	  true, noupd_params, ARRAY_SIZE(noupd_params), ALERT_TO_NAMED,
	  ALERT_TO_INSPECTORATE, NULL, noupd_finish, true },
	{ "poor-home-unviewed", "Home rated Poor, record not viewed",
	  "Cartref wedi'i raddio'n Wael, cofnod heb ei weld",
	  "A home's latest inspection rated a theme Poor, and a council that "
	  "places children there has not viewed the home's record since.",
	  "Graddiodd arolygiad diweddaraf cartref thema'n Wael, ac nid yw "
	  "cyngor sy'n lleoli plant yno wedi gweld cofnod y cartref ers "
	  "hynny.",
	  true, poor_params, ARRAY_SIZE(poor_params), ALERT_TO_NAMED,
	  ALERT_TO_INSPECTORATE, NULL, poor_finish, true },
};
const size_t alert_nrules = ARRAY_SIZE(alert_rules);

const struct alert_rule *alert_rule_find(const char *id)
{
	for (size_t i = 0; i < alert_nrules; i++)
		if (!strcmp(alert_rules[i].id, id))
			return &alert_rules[i];
	return NULL;
}

int alert_rule_param_index(const struct alert_rule *r, const char *name)
{
	for (size_t i = 0; i < r->nparams; i++)
		if (!strcmp(r->params[i].name, name))
			return (int)i;
	return -1;
}

void alert_params_defaults(struct alert_params *p)
{
	memset(p, 0, sizeof(*p));
	if (alert_nrules > ALERT_RULES_MAX)
		BUG("more than %d rules", ALERT_RULES_MAX);
	for (size_t i = 0; i < alert_nrules; i++) {
		if (alert_rules[i].nparams > ALERT_PARAMS_MAX ||
		    alert_rule_param_index(&alert_rules[i],
					   ALERT_PARAM_ESCALATE) < 0 ||
		    alert_rule_param_index(&alert_rules[i],
					   ALERT_PARAM_HORIZON) < 0)
			BUG("rule %s: parameters", alert_rules[i].id);
		for (size_t k = 0; k < alert_rules[i].nparams; k++)
			p->v[i][k] = alert_rules[i].params[k].def;
	}
}

/* ---- the evaluation ---------------------------------------------------------------- */

void alerts_found_release(struct alert_found_set *set, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(set[i].v);
		memset(&set[i], 0, sizeof(set[i]));
	}
}

void alerts_evaluate(const struct alert_snapshot *snap, int64_t now,
		     const struct alert_params *p, const bool *home_only,
		     struct alert_eval *e_top, struct alert_found_set *out)
{
	struct alert_eval e[ALERT_RULES_MAX];
	long *cur = xcalloc(snap->nhomes + 1, sizeof(*cur));
	long *prev = xcalloc(snap->nhomes + 1, sizeof(*prev));
	int32_t *live_day = xcalloc(snap->nlive + 1, sizeof(*live_day));
	int32_t today = uk_day_of(now);
	size_t il = 0, im = 0, ip = 0, ie = 0;

	for (size_t i = 0; i < snap->nlive; i++)
		live_day[i] = uk_day_of(snap->live[i].started_at);

	for (size_t r = 0; r < alert_nrules; r++) {
		memset(&e[r], 0, sizeof(e[r]));
		e[r].snap = snap;
		e[r].now = now;
		e[r].today = today;
		e[r].p = p->v[r];
		e[r].home_cur = cur;
		e[r].home_prev = prev;
		e[r].home_only = home_only;
		if (e_top && home_only) {
			e[r].top_known = e_top->top_known;
			e[r].top_periods = e_top->top_periods;
			e[r].top_places = e_top->top_places;
		}
	}
	for (size_t c = 0; c < snap->nchildren; c++) {
		const struct alert_child *ch = &snap->children[c];
		struct alert_facts f;

		memset(&f, 0, sizeof(f));
		f.child = ch;
#define SLICE(arr, n, i, field, cnt)                                      \
	do {                                                              \
		while (i < snap->n && snap->arr[i].child_id < ch->id)     \
			i++;                                              \
		f.field = &snap->arr[i];                                  \
		while (i < snap->n && snap->arr[i].child_id == ch->id) {  \
			i++;                                              \
			f.cnt++;                                          \
		}                                                         \
	} while (0)
		SLICE(live, nlive, il, live, nlive);
		f.live_day = &live_day[f.live - snap->live];
		SLICE(meetings, nmeetings, im, meetings, nmeetings);
		SLICE(periods, nperiods, ip, periods, nperiods);
		SLICE(placements, nplacements, ie, placements, nplacements);
#undef SLICE
		for (size_t r = 0; r < alert_nrules; r++)
			if (alert_rules[r].child)
				alert_rules[r].child(&e[r], &f, &out[r]);
	}
	for (size_t r = 0; r < alert_nrules; r++)
		if (alert_rules[r].finish) {
			alert_rules[r].finish(&e[r], &out[r]);
			/* the home rule's threshold, for one-child runs */
			if (e_top && !home_only &&
			    alert_rules[r].finish == home_finish) {
				e_top->top_known = e[r].top_known;
				e_top->top_periods = e[r].top_periods;
				e_top->top_places = e[r].top_places;
			}
		}
	free(cur);
	free(prev);
	free(live_day);
}
