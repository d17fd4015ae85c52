/*
 * u-alerts.c: the proactive alerts (src/alerts/, docs/alerts.md).
 *
 * First every rule over hand-made snapshots at its boundaries (pure
 * evaluation: no store); then the engine over a store: Cardiff's
 * returns of tests/data/review/boundaries (as u-scope.c), live episodes
 * and meetings added with store_mfc_import(), and users of the
 * recipient organisations: raising, idempotency, clearing, opening
 * again, escalation, one child's re-evaluation, and who may see,
 * acknowledge and resolve.
 */
#include "unit-people.h"
#include "alerts/alerts.h"
#include "auth/auth.h"
#include <ctype.h>
#include "base/uktime.h"
#include "base/xalloc.h"
#include "domain/missing.h"
#include "ingest/import.h"

#define MS_PER_HOUR 3600000LL
#define MS_PER_DAY 86400000LL
#define H72 (72 * MS_PER_HOUR)

/* ---- hand-made snapshots ------------------------------------------------------ */

struct snapb {
	struct alert_snapshot s;
	size_t ac, al, am, ap, ae, ah;
};

static void sb_init(struct snapb *b)
{
	memset(b, 0, sizeof(*b));
}

static void sb_free(struct snapb *b)
{
	alert_snapshot_release(&b->s);
}

static void sb_child(struct snapb *b, int64_t id)
{
	struct alert_child *c;

	ALLOC_GROW(b->s.children, b->s.nchildren + 1, b->ac);
	c = &b->s.children[b->s.nchildren++];
	memset(c, 0, sizeof(*c));
	c->id = id;
	snprintf(c->la, sizeof(c->la), "W06000015");
	snprintf(c->ref, sizeof(c->ref), "C%02d", (int)id);
}

static struct alert_live *sb_live(struct snapb *b, int64_t id, int64_t child,
				  int64_t started)
{
	struct alert_live *l;

	ALLOC_GROW(b->s.live, b->s.nlive + 1, b->al);
	l = &b->s.live[b->s.nlive++];
	memset(l, 0, sizeof(*l));
	l->id = id;
	l->child_id = child;
	l->kind = 'M';
	l->home = -1;
	l->started_at = started;
	return l;
}

static void sb_meeting(struct snapb *b, int64_t child, int32_t held,
		       int32_t review)
{
	struct alert_meeting *m;

	ALLOC_GROW(b->s.meetings, b->s.nmeetings + 1, b->am);
	m = &b->s.meetings[b->s.nmeetings++];
	m->child_id = child;
	m->held_on = held;
	m->safety_plan_review_on = review;
}

static void sb_period(struct snapb *b, int64_t child, int32_t start)
{
	struct alert_period *p;

	ALLOC_GROW(b->s.periods, b->s.nperiods + 1, b->ap);
	p = &b->s.periods[b->s.nperiods++];
	p->child_id = child;
	p->kind = 'M';
	p->start = start;
	p->end = start + 1;
}

static struct alert_placement *sb_placement(struct snapb *b, int64_t child,
					    int32_t decom, char rne)
{
	struct alert_placement *p;

	ALLOC_GROW(b->s.placements, b->s.nplacements + 1, b->ae);
	p = &b->s.placements[b->s.nplacements++];
	memset(p, 0, sizeof(*p));
	p->child_id = child;
	p->decom = decom;
	p->end = DATE_NONE;
	p->rne = rne;
	p->distance = -1;
	p->home = -1;
	if (b->s.nplacements > 1 && p[-1].child_id == child)
		p[-1].end = decom;
	return p;
}

static void sb_home(struct snapb *b, const char *urn, int places)
{
	struct alert_home *h;

	ALLOC_GROW(b->s.homes, b->s.nhomes + 1, b->ah);
	h = &b->s.homes[b->s.nhomes++];
	memset(h, 0, sizeof(*h));
	snprintf(h->urn, sizeof(h->urn), "%s", urn);
	snprintf(h->council, sizeof(h->council), "W06000015");
	h->places = places;
	h->registered = 0;
	h->closed = DATE_NONE;
}

static size_t rule_ix(const char *id)
{
	const struct alert_rule *r = alert_rule_find(id);

	assert_non_null(r);
	return (size_t)(r - alert_rules);
}

/*
 * The keys rule `id` finds over b at now (parameters: defaults, then
 * name=value pairs in set), space-separated in the rule's order.
 */
static char *keys_at(struct snapb *b, const char *id, int64_t now,
		     const char *set_name, int64_t set_value)
{
	static char out[2048];
	struct alert_found_set sets[ALERT_RULES_MAX];
	struct alert_params p;
	struct alert_eval top;
	size_t r = rule_ix(id), len = 0;

	alert_params_defaults(&p);
	if (set_name) {
		int k = alert_rule_param_index(&alert_rules[r], set_name);

		assert_true(k >= 0);
		p.v[r][k] = set_value;
	}
	memset(sets, 0, sizeof(sets));
	memset(&top, 0, sizeof(top));
	alerts_evaluate(&b->s, now, &p, NULL, &top, sets);
	out[0] = '\0';
	for (size_t i = 0; i < sets[r].n; i++)
		len += (size_t)snprintf(out + len, sizeof(out) - len, "%s%s",
					len ? " " : "", sets[r].v[i].key);
	alerts_found_release(sets, alert_nrules);
	return out;
}

/* The alert rule `id` finds with key over b at now (defaults), copied
 * into out; false if none. */
static bool found_at(struct snapb *b, const char *id, int64_t now,
		     const char *key, struct alert_found *out)
{
	struct alert_found_set sets[ALERT_RULES_MAX];
	struct alert_params p;
	struct alert_eval top;
	size_t r = rule_ix(id);
	bool got = false;

	alert_params_defaults(&p);
	memset(sets, 0, sizeof(sets));
	memset(&top, 0, sizeof(top));
	alerts_evaluate(&b->s, now, &p, NULL, &top, sets);
	for (size_t i = 0; i < sets[r].n && !got; i++)
		if (!strcmp(sets[r].v[i].key, key)) {
			*out = sets[r].v[i];
			got = true;
		}
	alerts_found_release(sets, alert_nrules);
	return got;
}

static int64_t horizon_of(const char *id)
{
	struct alert_params p;
	size_t r = rule_ix(id);

	alert_params_defaults(&p);
	return p.v[r][alert_rule_param_index(&alert_rules[r],
					     ALERT_PARAM_HORIZON)];
}

static int64_t at(const char *iso)
{
	int64_t ms;

	if (mfc_time_parse(iso, &ms))
		fail_msg("bad test time %s", iso);
	return ms;
}

static int32_t day(const char *dmy)
{
	return unit_date(dmy);
}

/* ---- rule 1 ---------------------------------------------------------------------- */

static void test_ri_72h(void **state)
{
	int64_t r = at("2019-02-01T10:00");
	struct snapb b;
	struct alert_live *l;

	(void)state;
	sb_init(&b);
	sb_child(&b, 1);
	l = sb_live(&b, 7, 1, r - MS_PER_HOUR);
	l->returned_at = r;
	assert_string_equal(keys_at(&b, "ri-72h", r + H72, NULL, 0), "");
	assert_string_equal(keys_at(&b, "ri-72h", r + H72 + 1, NULL, 0),
			    "episode:7");
	/* held at exactly 72 h: in time, for ever after */
	l->ri_held_at = r + H72;
	assert_string_equal(keys_at(&b, "ri-72h", r + 30 * MS_PER_DAY, NULL,
				    0), "");
	/* held 1 ms late: an alert, also after it was held */
	l->ri_held_at = r + H72 + 1;
	assert_string_equal(keys_at(&b, "ri-72h", r + H72 + 1, NULL, 0),
			    "episode:7");
	assert_string_equal(keys_at(&b, "ri-72h", r + 30 * MS_PER_DAY, NULL,
				    0), "episode:7");
	/* a time after now is not recorded yet */
	l->ri_held_at = r + 10 * MS_PER_HOUR;
	assert_string_equal(keys_at(&b, "ri-72h", r + 2 * MS_PER_HOUR, NULL,
				    0), "");
	/* offered in time and declined: in time */
	l->ri_held_at = 0;
	l->ri_offered_at = r + H72;
	l->ri_declined = true;
	assert_string_equal(keys_at(&b, "ri-72h", r + H72 + 1, NULL, 0), "");
	l->ri_offered_at = r + H72 + 1;
	assert_string_equal(keys_at(&b, "ri-72h", r + H72 + 2, NULL, 0),
			    "episode:7");
	/* the parameter; away episodes and no return: none */
	l->ri_offered_at = 0;
	l->ri_declined = false;
	assert_string_equal(keys_at(&b, "ri-72h", r + 25 * MS_PER_HOUR,
				    "hours", 24), "episode:7");
	l->kind = 'A';
	assert_string_equal(keys_at(&b, "ri-72h", r + 99 * MS_PER_HOUR, NULL,
				    0), "");
	l->kind = 'M';
	l->returned_at = 0;
	assert_string_equal(keys_at(&b, "ri-72h", r + 99 * MS_PER_HOUR, NULL,
				    0), "");
	sb_free(&b);
}

/* ---- rule 2 ---------------------------------------------------------------------- */

static void test_repeat_missing(void **state)
{
	int32_t d1 = day("01/01/2019");
	int64_t now = at("2019-06-01T12:00");
	struct snapb b;

	(void)state;
	/* the 3rd period on day 90 (89 days after the first) counts */
	sb_init(&b);
	sb_child(&b, 1);
	sb_period(&b, 1, d1);
	sb_period(&b, 1, d1 + 40);
	sb_period(&b, 1, d1 + 89);
	assert_string_equal(keys_at(&b, "repeat-missing", now, NULL, 0),
			    "child:1:2019-01-01");
	/* not on day 91 */
	b.s.periods[2].start = d1 + 90;
	assert_string_equal(keys_at(&b, "repeat-missing", now, NULL, 0), "");
	/* a live episode on a stored period's day is that period */
	b.s.periods[2].start = d1 + 89;
	sb_live(&b, 5, 1, (int64_t)(d1 + 89) * MS_PER_DAY + 3600000);
	assert_string_equal(keys_at(&b, "repeat-missing", now, "count", 4),
			    "");
	/* ... and a live one on another day counts */
	b.s.live[0].started_at = (int64_t)(d1 + 10) * MS_PER_DAY;
	assert_string_equal(keys_at(&b, "repeat-missing", now, "count", 4),
			    "child:1:2019-01-01");
	/* a meeting on the day of the first period is since it */
	sb_meeting(&b, 1, d1, DATE_NONE);
	assert_string_equal(keys_at(&b, "repeat-missing", now, NULL, 0),
			    "child:1:2019-01-11");
	b.s.meetings[0].held_on = d1 + 40;
	assert_string_equal(keys_at(&b, "repeat-missing", now, NULL, 0), "");
	/* the day before: the periods after it still make a run */
	b.s.meetings[0].held_on = d1 - 1;
	assert_string_equal(keys_at(&b, "repeat-missing", now, NULL, 0),
			    "child:1:2019-01-01");
	/* a meeting after now has not happened yet */
	b.s.meetings[0].held_on = day("02/06/2019");
	assert_string_equal(keys_at(&b, "repeat-missing", now, NULL, 0),
			    "child:1:2019-01-01");
	/* periods after now do not count */
	assert_string_equal(keys_at(&b, "repeat-missing",
				    (int64_t)(d1 + 20) * MS_PER_DAY, NULL, 0),
			    "");
	sb_free(&b);
}

/* ---- rule 3 ---------------------------------------------------------------------- */

static void test_long_or_high_risk(void **state)
{
	int64_t s = at("2019-03-01T22:00");
	struct snapb b;
	struct alert_live *l;

	(void)state;
	sb_init(&b);
	sb_child(&b, 1);
	l = sb_live(&b, 9, 1, s);
	/* exactly 24 h missing is not more than 24 h */
	assert_string_equal(keys_at(&b, "long-or-high-risk",
				    s + 24 * MS_PER_HOUR, NULL, 0), "");
	assert_string_equal(keys_at(&b, "long-or-high-risk",
				    s + 24 * MS_PER_HOUR + 1, NULL, 0),
			    "episode:9");
	/* returned after exactly 24 h: never more */
	l->returned_at = s + 24 * MS_PER_HOUR;
	assert_string_equal(keys_at(&b, "long-or-high-risk",
				    s + 99 * MS_PER_HOUR, NULL, 0), "");
	/* graded high: at once */
	l->returned_at = 0;
	l->grade = 'h';
	assert_string_equal(keys_at(&b, "long-or-high-risk",
				    s + MS_PER_HOUR, NULL, 0), "episode:9");
	l->grade = 'm';
	assert_string_equal(keys_at(&b, "long-or-high-risk",
				    s + MS_PER_HOUR, NULL, 0), "");
	/* a strategy meeting on the day it began answers it */
	sb_meeting(&b, 1, day("01/03/2019"), DATE_NONE);
	assert_string_equal(keys_at(&b, "long-or-high-risk",
				    s + 48 * MS_PER_HOUR, NULL, 0), "");
	b.s.meetings[0].held_on = day("28/02/2019");
	assert_string_equal(keys_at(&b, "long-or-high-risk",
				    s + 48 * MS_PER_HOUR, NULL, 0),
			    "episode:9");
	sb_free(&b);
}

/* ---- rule 4 ---------------------------------------------------------------------- */

static void test_exploitation(void **state)
{
	int64_t now = at("2019-03-20T12:00");
	struct snapb b;

	(void)state;
	sb_init(&b);
	sb_child(&b, 1);
	sb_live(&b, 1, 1, at("2019-03-01T10:00"))->exploitation = true;
	sb_live(&b, 2, 1, at("2019-03-05T10:00"));
	assert_string_equal(keys_at(&b, "exploitation", now, NULL, 0), "");
	b.s.live[1].exploitation = true;
	assert_string_equal(keys_at(&b, "exploitation", now, NULL, 0),
			    "child:1:exploitation");
	/* a meeting without a safety plan review date does not answer */
	sb_meeting(&b, 1, day("06/03/2019"), DATE_NONE);
	assert_string_equal(keys_at(&b, "exploitation", now, NULL, 0),
			    "child:1:exploitation");
	/* one with a review date, held since the 2nd episode began, does */
	b.s.meetings[0].safety_plan_review_on = day("06/04/2019");
	assert_string_equal(keys_at(&b, "exploitation", now, NULL, 0), "");
	/* but not one before the 2nd episode */
	b.s.meetings[0].held_on = day("04/03/2019");
	assert_string_equal(keys_at(&b, "exploitation", now, NULL, 0),
			    "child:1:exploitation");
	sb_free(&b);
}

/* ---- rule 5 ---------------------------------------------------------------------- */

static void test_criminalisation(void **state)
{
	int64_t s = at("2019-03-01T10:00");
	struct snapb b;

	(void)state;
	sb_init(&b);
	sb_child(&b, 1);
	sb_live(&b, 3, 1, s);
	sb_live(&b, 4, 1, s + MS_PER_DAY)->charged = true;
	assert_string_equal(keys_at(&b, "criminalisation", s + 2 * MS_PER_DAY,
				    NULL, 0), "episode:4");
	b.s.live[0].arrested = true;
	assert_string_equal(keys_at(&b, "criminalisation", s + 2 * MS_PER_DAY,
				    NULL, 0), "episode:3 episode:4");
	/* an episode that starts after now */
	assert_string_equal(keys_at(&b, "criminalisation", s + 1, NULL, 0),
			    "episode:3");
	sb_free(&b);
}

/* ---- rule 6 ---------------------------------------------------------------------- */

static void test_stability(void **state)
{
	int32_t today = day("01/06/2019");
	int64_t now = (int64_t)today * MS_PER_DAY + 9 * MS_PER_HOUR;
	struct alert_placement *p;
	struct snapb b;

	(void)state;
	sb_init(&b);
	sb_child(&b, 1);
	sb_placement(&b, 1, today - 500, 'S');
	/* 3 moves within the last 12 months (365 days to today) */
	sb_placement(&b, 1, today - 364, 'P');
	sb_placement(&b, 1, today - 200, 'L');
	sb_placement(&b, 1, today - 100, 'T');
	sb_placement(&b, 1, today, 'B');
	assert_string_equal(keys_at(&b, "placement-stability", now, NULL, 0),
			    "child:1:moves");
	/* 12 months and a day */
	b.s.placements[1].decom = today - 365;
	assert_string_equal(keys_at(&b, "placement-stability", now, NULL, 0),
			    "");
	sb_free(&b);

	/* distance: 20.0 miles is not more than 20; 20.1 is */
	sb_init(&b);
	sb_child(&b, 2);
	sb_placement(&b, 2, today - 400, 'S');
	p = sb_placement(&b, 2, today - 10, 'P');
	p->distance = 200;
	assert_string_equal(keys_at(&b, "placement-stability", now, NULL, 0),
			    "");
	p->distance = 201;
	assert_string_equal(keys_at(&b, "placement-stability", now, NULL, 0),
			    "placement:2:2019-05-22");
	p->has_reason = true;
	assert_string_equal(keys_at(&b, "placement-stability", now, NULL, 0),
			    "");
	/* not new: 90 days (the default) have passed */
	p->has_reason = false;
	p->decom = today - 90;
	assert_string_equal(keys_at(&b, "placement-stability", now, NULL, 0),
			    "");
	p->decom = today - 89;
	assert_string_equal(keys_at(&b, "placement-stability", now, NULL, 0),
			    "placement:2:2019-03-04");
	/* starting to be looked after has no reason to record */
	p->rne = 'S';
	assert_string_equal(keys_at(&b, "placement-stability", now, NULL, 0),
			    "");
	sb_free(&b);
}

/* ---- rule 7 ---------------------------------------------------------------------- */

/* n missing periods of child id from home h starting on days d.. */
static void home_periods(struct snapb *b, int64_t child, int32_t home,
			 int32_t from, int n)
{
	struct alert_placement *p;

	sb_child(b, child);
	p = sb_placement(b, child, from - 400, 'S');
	p->home = home;
	for (int i = 0; i < n; i++)
		sb_period(b, child, from + i);
}

static void test_home_rate(void **state)
{
	int32_t today = day("01/06/2019");
	int64_t now = (int64_t)today * MS_PER_DAY + 9 * MS_PER_HOUR;
	int32_t cur = today - 30, prev = today - 120;
	char urn[16];
	struct snapb b;

	(void)state;
	sb_init(&b);
	for (int i = 0; i < 20; i++) {
		snprintf(urn, sizeof(urn), "W%07d", i);
		sb_home(&b, urn, i == 3 ? 100 : 1);
	}
	home_periods(&b, 1, 0, cur, 3);		/* 3 per place: the top */
	home_periods(&b, 2, 1, cur, 1);		/* 1 per place */
	home_periods(&b, 3, 2, prev, 2);	/* only before the window */
	home_periods(&b, 4, 3, prev, 2);	/* 100 places: 2 before, */
	home_periods(&b, 5, 3, cur, 3);		/* 3 now (+50%: not more) */
	/* top 10% of 20 homes: the 2 highest rates (ties all in) */
	assert_string_equal(keys_at(&b, "home-missing-rate", now, NULL, 0),
			    "home:W0000000 home:W0000001");
	/* top 5%: one home; 3 per place */
	assert_string_equal(keys_at(&b, "home-missing-rate", now, "decile",
				    5), "home:W0000000");
	/* a rise from 2 to 4 is more than 50% */
	home_periods(&b, 6, 3, cur + 5, 1);
	assert_string_equal(keys_at(&b, "home-missing-rate", now, "decile",
				    5), "home:W0000000 home:W0000003");
	/* but not under min_periods */
	assert_string_equal(keys_at(&b, "home-missing-rate", now,
				    "min_periods", 5),
			    "home:W0000000 home:W0000001");
	/* a closed home does not count */
	b.s.homes[0].closed = today;
	assert_string_equal(keys_at(&b, "home-missing-rate", now, "decile",
				    5), "home:W0000001 home:W0000003");
	sb_free(&b);
}

/* ---- the horizon, severity and due times ---------------------------------------- */

static void test_horizon(void **state)
{
	int64_t now = at("2026-12-07T10:00Z"), r;
	struct alert_found a;
	struct snapb b;
	struct alert_live *l;

	(void)state;
	memset(&a, 0, sizeof(a));
	a.trigger_day = DATE_NONE;
	/* an instant exactly 28 days old is not older than 28 days */
	a.trigger_at = now - 28 * MS_PER_DAY;
	assert_false(alert_found_historical(&a, now, 28));
	a.trigger_at--;
	assert_true(alert_found_historical(&a, now, 28));
	/* going on now, or no horizon: never historical */
	a.ongoing = true;
	assert_false(alert_found_historical(&a, now, 28));
	a.ongoing = false;
	assert_false(alert_found_historical(&a, now, 0));
	/* a day: 28 days before today is not older; 29 is */
	a.trigger_at = 0;
	a.trigger_day = day("09/11/2026");
	assert_false(alert_found_historical(&a, now, 28));
	a.trigger_day--;
	assert_true(alert_found_historical(&a, now, 28));
	/* UK days: 00:30 BST on 2 July is 23:30 UTC on 1 July; 3 June is
	 * 29 UK days before (28 UTC days) */
	now = at("2026-07-01T23:30Z");
	a.trigger_day = day("04/06/2026");
	assert_false(alert_found_historical(&a, now, 28));
	a.trigger_day = day("03/06/2026");
	assert_true(alert_found_historical(&a, now, 28));

	/* through the rules: the interview due at R + 72 h is the trigger */
	assert_int_equal(horizon_of("ri-72h"), 28);
	r = at("2026-10-01T10:00Z");
	sb_init(&b);
	sb_child(&b, 1);
	l = sb_live(&b, 7, 1, r - 9 * MS_PER_HOUR);
	l->returned_at = r;
	now = r + H72 + 28 * MS_PER_DAY;
	assert_true(found_at(&b, "ri-72h", now, "episode:7", &a));
	assert_int_equal(a.trigger_at, r + H72);
	assert_false(a.ongoing);
	assert_false(alert_found_historical(&a, now, 28));
	assert_true(found_at(&b, "ri-72h", now + 1, "episode:7", &a));
	assert_true(alert_found_historical(&a, now + 1, 28));
	/* a child missing for a year, not returned: going on, not history */
	l->returned_at = 0;
	now = r + 365 * MS_PER_DAY;
	assert_true(found_at(&b, "long-or-high-risk", now, "episode:7", &a));
	assert_true(a.ongoing);
	assert_false(alert_found_historical(&a, now, 28));
	/* when it has returned (after 30 hours), an old one is history */
	l->returned_at = r + 21 * MS_PER_HOUR;
	assert_true(found_at(&b, "long-or-high-risk", now, "episode:7", &a));
	assert_false(a.ongoing);
	assert_true(alert_found_historical(&a, now, 28));
	sb_free(&b);

	/* repeat missing: the run's last period is the trigger (a day) */
	sb_init(&b);
	sb_child(&b, 1);
	sb_period(&b, 1, day("01/01/2026"));
	sb_period(&b, 1, day("10/01/2026"));
	sb_period(&b, 1, day("20/01/2026"));
	now = at("2026-02-17T12:00Z");		/* 28 days after 20 January */
	assert_true(found_at(&b, "repeat-missing", now, "child:1:2026-01-01",
			     &a));
	assert_int_equal(a.trigger_day, day("20/01/2026"));
	assert_false(alert_found_historical(&a, now, horizon_of(
						    "repeat-missing")));
	now += MS_PER_DAY;
	assert_true(found_at(&b, "repeat-missing", now, "child:1:2026-01-01",
			     &a));
	assert_true(alert_found_historical(&a, now, horizon_of(
						   "repeat-missing")));
	/* ... unless the child is missing now */
	sb_live(&b, 8, 1, now - MS_PER_HOUR);
	assert_true(found_at(&b, "repeat-missing", now, "child:1:2026-01-01",
			     &a));
	assert_true(a.ongoing);
	assert_false(alert_found_historical(&a, now, 28));
	sb_free(&b);

	/* placement moves: a quarter (90 days) */
	assert_int_equal(horizon_of("placement-stability"), 90);
	/* the home rule's window is recent by construction: no horizon */
	assert_int_equal(horizon_of("home-missing-rate"), 0);
}

static void test_severity_due(void **state)
{
	int64_t r = at("2026-12-05T14:20Z"), now;
	int32_t today;
	struct alert_found a;
	struct alert_live *l;
	struct alert_placement *p;
	struct snapb b;

	(void)state;
	/* ri-72h: high with no interview, due at R + 72 h; low held late */
	sb_init(&b);
	sb_child(&b, 1);
	l = sb_live(&b, 7, 1, r - 9 * MS_PER_HOUR);
	l->returned_at = r;
	now = r + H72 + 1;
	assert_true(found_at(&b, "ri-72h", now, "episode:7", &a));
	assert_int_equal(a.severity, ALERT_SEV_HIGH);
	assert_int_equal(a.due_at, r + H72);
	l->ri_held_at = r + H72 + 1;
	assert_true(found_at(&b, "ri-72h", now, "episode:7", &a));
	assert_int_equal(a.severity, ALERT_SEV_LOW);
	l->ri_held_at = 0;
	/* missing over 24 hours: urgent while missing, the meeting due 24 h
	 * after it passed the limit; high risk: from the start */
	l->returned_at = 0;
	now = r + 30 * MS_PER_HOUR;
	assert_true(found_at(&b, "long-or-high-risk", now, "episode:7", &a));
	assert_int_equal(a.severity, ALERT_SEV_URGENT);
	assert_int_equal(a.due_at, r - 9 * MS_PER_HOUR + 48 * MS_PER_HOUR);
	l->grade = 'h';
	assert_true(found_at(&b, "long-or-high-risk", now, "episode:7", &a));
	assert_int_equal(a.due_at, r - 9 * MS_PER_HOUR + 24 * MS_PER_HOUR);
	/* returned: high when graded high, else medium */
	l->returned_at = r;
	assert_true(found_at(&b, "long-or-high-risk", now, "episode:7", &a));
	assert_int_equal(a.severity, ALERT_SEV_HIGH);
	l->grade = 0;
	l->returned_at = r + 20 * MS_PER_HOUR;
	assert_true(found_at(&b, "long-or-high-risk", now, "episode:7", &a));
	assert_int_equal(a.severity, ALERT_SEV_MEDIUM);
	/* arrested: medium, due by the end of the 7th day after it began
	 * (5 December 2026 05:20 -> by the end of 12 December, GMT) */
	l->arrested = true;
	assert_true(found_at(&b, "criminalisation", now, "episode:7", &a));
	assert_int_equal(a.severity, ALERT_SEV_MEDIUM);
	assert_int_equal(a.due_at, at("2026-12-13T00:00Z"));
	sb_free(&b);

	/* exploitation: urgent while missing, else high; due by day */
	sb_init(&b);
	sb_child(&b, 1);
	l = sb_live(&b, 1, 1, at("2026-06-01T10:00Z"));
	l->exploitation = true;
	l->returned_at = at("2026-06-01T18:00Z");
	l = sb_live(&b, 2, 1, at("2026-06-05T22:30Z"));
	l->exploitation = true;
	now = at("2026-06-06T12:00Z");
	assert_true(found_at(&b, "exploitation", now, "child:1:exploitation",
			     &a));
	assert_int_equal(a.severity, ALERT_SEV_URGENT);
	/* 22:30 UTC on 5 June is 23:30 BST: the UK day is 5 June, due by
	 * the end of 12 June, midnight BST (23:00 UTC) */
	assert_int_equal(a.due_at, at("2026-06-12T23:00Z"));
	l->returned_at = at("2026-06-06T08:00Z");
	assert_true(found_at(&b, "exploitation", now, "child:1:exploitation",
			     &a));
	assert_int_equal(a.severity, ALERT_SEV_HIGH);
	/* repeat missing: medium, high while missing; a meeting due 7 days
	 * after the period that made it a repeat */
	sb_period(&b, 1, day("20/05/2026"));
	sb_period(&b, 1, day("25/05/2026"));
	assert_true(found_at(&b, "repeat-missing", now, "child:1:2026-05-20",
			     &a));
	assert_int_equal(a.severity, ALERT_SEV_MEDIUM);
	/* the 3rd period (1 June) made it a repeat: by the end of 8 June */
	assert_int_equal(a.due_at, at("2026-06-08T23:00Z"));
	l->returned_at = 0;
	assert_true(found_at(&b, "repeat-missing", now, "child:1:2026-05-20",
			     &a));
	assert_int_equal(a.severity, ALERT_SEV_HIGH);
	sb_free(&b);

	/* placement moves: medium, due 28 days after the last; a distant
	 * placement with no reason: low */
	today = day("01/12/2026");
	now = at("2026-12-01T12:00Z");
	sb_init(&b);
	sb_child(&b, 1);
	sb_placement(&b, 1, today - 500, 'S');
	sb_placement(&b, 1, today - 300, 'P');
	sb_placement(&b, 1, today - 200, 'T');
	p = sb_placement(&b, 1, today - 10, 'B');
	p->distance = 345;
	assert_true(found_at(&b, "placement-stability", now, "child:1:moves",
			     &a));
	assert_int_equal(a.severity, ALERT_SEV_MEDIUM);
	assert_int_equal(a.due_at, uk_day_start(today - 10 + 29));
	assert_true(found_at(&b, "placement-stability", now,
			     "placement:1:2026-11-21", &a));
	assert_int_equal(a.severity, ALERT_SEV_LOW);
	sb_free(&b);
}

/* ---- what an alert says --------------------------------------------------------- */

/* An alert row of what rule found, with the names the store joins. */
static void row_of(const struct alert_found *a, const char *rule,
		   enum alert_state st, struct alert_row *r)
{
	memset(r, 0, sizeof(*r));
	r->id = 42;
	snprintf(r->rule, sizeof(r->rule), "%s", rule);
	snprintf(r->key, sizeof(r->key), "%s", a->key);
	r->state = st;
	if (a->child_id) {
		r->child_id = a->child_id;
		snprintf(r->la, sizeof(r->la), "W06000015");
		snprintf(r->la_en, sizeof(r->la_en), "Cardiff");
		snprintf(r->la_cy, sizeof(r->la_cy), "Caerdydd");
		snprintf(r->ref, sizeof(r->ref), "C%02d", (int)a->child_id);
	} else {
		snprintf(r->urn, sizeof(r->urn), "W2356000");
	}
	snprintf(r->home_urn, sizeof(r->home_urn), "W2356000");
	snprintf(r->home_name, sizeof(r->home_name), "Maes Awel");
	snprintf(r->home_area_en, sizeof(r->home_area_en), "Swansea");
	snprintf(r->home_area_cy, sizeof(r->home_area_cy), "Abertawe");
	r->severity = a->severity;
	r->due_at = a->due_from_raise ? at("2026-12-31T00:00Z") : a->due_at;
	snprintf(r->facts, sizeof(r->facts), "%s", a->facts);
}

/* Does s contain something that looks like a machine string? */
static void plain_words(const char *s)
{
	size_t n = strlen(s);

	assert_null(strstr(s, "UTC"));
	assert_null(strchr(s, '{'));
	assert_null(strchr(s, '_'));
	/* no rule id (those that are not plain words: "exploitation" is
	 * one) and no subject key */
	for (size_t i = 0; i < alert_nrules; i++)
		if (strchr(alert_rules[i].id, '-'))
			assert_null(strstr(s, alert_rules[i].id));
	assert_null(strstr(s, "episode:"));
	assert_null(strstr(s, "child:"));
	assert_null(strstr(s, "home:"));
	for (size_t i = 0; i + 10 <= n; i++) {
		/* no yyyy-mm-dd, no hh:mm:ss, no "T" between date and time */
		bool iso = isdigit((unsigned char)s[i]) &&
			   isdigit((unsigned char)s[i + 3]) && s[i + 4] == '-' &&
			   isdigit((unsigned char)s[i + 5]) && s[i + 7] == '-';

		assert_false(iso);
		assert_false(isdigit((unsigned char)s[i]) && s[i + 2] == ':' &&
			     isdigit((unsigned char)s[i + 3]) && s[i + 5] == ':');
	}
}

static void check_words(const struct alert_row *r, int64_t now)
{
	struct alert_text t;

	for (int cy = 0; cy <= 1; cy++) {
		alert_text(r, now, cy, &t);
		assert_true(t.what[0] && t.where[0] && t.todo[0]);
		plain_words(t.what);
		plain_words(t.where);
		plain_words(t.due);
		plain_words(t.todo);
		assert_non_null(strstr(t.where, "Maes Awel"));
		assert_non_null(strstr(t.where, cy ? "Abertawe" : "Swansea"));
		if (r->ref[0])
			assert_non_null(strstr(t.where, cy ? "Cyngor Caerdydd" :
						      "Cardiff Council"));
		/* the Welsh is not the English */
		if (cy) {
			struct alert_text en;

			alert_text(r, now, false, &en);
			assert_string_not_equal(en.what, t.what);
			assert_string_not_equal(en.todo, t.todo);
		}
	}
}

/* Every alert rule id finds over b at now, in words. */
static int words_of_rule(struct snapb *b, const char *id, int64_t now)
{
	struct alert_found_set sets[ALERT_RULES_MAX];
	struct alert_params p;
	struct alert_eval top;
	struct alert_row *row = xmalloc(sizeof(*row));
	size_t r = rule_ix(id);
	int n;

	alert_params_defaults(&p);
	memset(sets, 0, sizeof(sets));
	memset(&top, 0, sizeof(top));
	alerts_evaluate(&b->s, now, &p, NULL, &top, sets);
	for (size_t i = 0; i < sets[r].n; i++) {
		row_of(&sets[r].v[i], id, ALERT_OPEN, row);
		check_words(row, now);
	}
	n = (int)sets[r].n;
	alerts_found_release(sets, alert_nrules);
	free(row);
	return n;
}

static void test_words(void **state)
{
	int64_t r = at("2026-12-05T14:20Z"), now = r + H72 + 2 * MS_PER_DAY;
	struct alert_row *row = xmalloc(sizeof(*row));
	struct alert_found a;
	struct alert_text t;
	struct alert_live *l;
	struct alert_placement *p;
	struct snapb b;
	int32_t today;
	char urn[16];

	(void)state;
	/* the example, in both languages */
	sb_init(&b);
	sb_child(&b, 1);
	l = sb_live(&b, 7, 1, r - 9 * MS_PER_HOUR);
	l->returned_at = r;
	assert_true(found_at(&b, "ri-72h", now, "episode:7", &a));
	row_of(&a, "ri-72h", ALERT_OPEN, row);
	alert_text(row, now, false, &t);
	assert_string_equal(t.what, "Returned on 5 December 2026 at 14:20 "
			    "after being missing for 9 hours. No return "
			    "interview has been held.");
	assert_string_equal(t.where, "Maes Awel, Swansea; looked after by "
			    "Cardiff Council");
	assert_string_equal(t.due, "Due by 8 December 2026 at 14:20 \xe2\x80\x94 "
			    "2 days overdue.");
	assert_string_equal(t.todo, "Hold the return interview, or record "
			    "why it was not held.");
	alert_text(row, now, true, &t);
	assert_string_equal(t.what, "Daeth yn \xc3\xb4l ar 5 Rhagfyr 2026 am "
			    "14:20 ar \xc3\xb4l bod ar goll am 9 awr. Nid oes "
			    "cyfweliad dychwelyd wedi\xe2\x80\x99i gynnal.");
	assert_string_equal(t.where, "Maes Awel, Abertawe; yng ngofal Cyngor "
			    "Caerdydd");
	assert_string_equal(t.due, "I\xe2\x80\x99w wneud erbyn 8 Rhagfyr 2026 am "
			    "14:20 \xe2\x80\x94 2 diwrnod yn hwyr.");
	/* not yet due */
	alert_text(row, r + 70 * MS_PER_HOUR, false, &t);
	assert_string_equal(t.due, "Due by 8 December 2026 at 14:20 \xe2\x80\x94 "
			    "2 hours left.");
	/* answered, cleared or historical: nothing is overdue */
	row->state = ALERT_HISTORICAL;
	alert_text(row, now, false, &t);
	assert_string_equal(t.due, "Was due by 8 December 2026 at 14:20.");
	assert_non_null(strstr(t.todo, "imported history"));
	assert_false(alert_is_overdue(row, now));
	row->state = ALERT_OPEN;
	assert_true(alert_is_overdue(row, now));
	/* an alert from before facts says what its rule means */
	row->facts[0] = '\0';
	alert_text(row, now, true, &t);
	assert_string_equal(t.what, alert_rules[rule_ix("ri-72h")].desc_cy);
	/* held late */
	l->ri_held_at = r + H72 + MS_PER_DAY;
	assert_int_equal(words_of_rule(&b, "ri-72h", now), 1);
	l->ri_held_at = 0;
	/* missing now, high risk, arrested */
	l->returned_at = 0;
	l->grade = 'h';
	l->arrested = true;
	assert_int_equal(words_of_rule(&b, "long-or-high-risk", now), 1);
	assert_true(found_at(&b, "long-or-high-risk", now, "episode:7", &a));
	row_of(&a, "long-or-high-risk", ALERT_OPEN, row);
	alert_text(row, now, false, &t);
	assert_string_equal(t.what, "Missing since 5 December 2026 at 05:20 "
			    "(5 days 9 hours so far). Graded high risk by the "
			    "police. No strategy meeting has been held since "
			    "it began.");
	assert_int_equal(words_of_rule(&b, "criminalisation", now), 1);
	l->returned_at = r;
	assert_int_equal(words_of_rule(&b, "long-or-high-risk", now), 1);
	assert_int_equal(words_of_rule(&b, "criminalisation", now), 1);
	/* exploitation, and repeat missing */
	l->exploitation = true;
	sb_live(&b, 9, 1, r + MS_PER_DAY)->exploitation = true;
	sb_period(&b, 1, day("01/11/2026"));
	sb_period(&b, 1, day("15/11/2026"));
	assert_int_equal(words_of_rule(&b, "exploitation", now), 1);
	assert_int_equal(words_of_rule(&b, "repeat-missing", now), 1);
	sb_free(&b);

	/* placement moves and a distant placement */
	today = day("01/12/2026");
	sb_init(&b);
	sb_child(&b, 1);
	sb_placement(&b, 1, today - 500, 'S');
	sb_placement(&b, 1, today - 300, 'P');
	sb_placement(&b, 1, today - 200, 'T');
	p = sb_placement(&b, 1, today - 10, 'B');
	p->distance = 345;
	now = at("2026-12-01T12:00Z");
	assert_int_equal(words_of_rule(&b, "placement-stability", now), 2);
	assert_true(found_at(&b, "placement-stability", now,
			     "placement:1:2026-11-21", &a));
	row_of(&a, "placement-stability", ALERT_OPEN, row);
	alert_text(row, now, false, &t);
	assert_string_equal(t.what, "A new placement from 21 November 2026, "
			    "34.5 miles from where the child lived, with no "
			    "reason recorded for the change of placement.");
	/* due by a day: "by 19 December", days left */
	assert_string_equal(t.due, "Due by 19 December 2026 \xe2\x80\x94 18 days "
			    "left.");
	sb_free(&b);

	/* a home */
	sb_init(&b);
	for (int i = 0; i < 10; i++) {
		snprintf(urn, sizeof(urn), "W%07d", i);
		sb_home(&b, urn, 2);
	}
	home_periods(&b, 1, 0, today - 30, 4);
	assert_int_equal(words_of_rule(&b, "home-missing-rate", now), 1);
	sb_free(&b);
	free(row);
}

/* ---- the quality of care (issue 13) ---------------------------------------------- */

/* The snapshot's quality, by hand: each array in the store's order. */
struct qb {
	size_t ai, af, ar, aa, ac, au, av, ap;
};

static struct q_inspection *qb_insp(struct snapb *b, struct qb *q, int64_t id,
				    const char *urn, int32_t on)
{
	struct quality_set *s = &b->s.q;
	struct q_inspection *i;

	b->s.quality = true;
	ALLOC_GROW(s->insp, s->ninsp + 1, q->ai);
	i = &s->insp[s->ninsp++];
	memset(i, 0, sizeof(*i));
	i->id = id;
	snprintf(i->urn, sizeof(i->urn), "%s", urn);
	i->start_on = i->end_on = on;
	for (int t = 0; t < Q_NTHEMES; t++)
		i->rating[t] = Q_GOOD;
	return i;
}

/* An inspection every theme of which is rated r. */
static struct q_inspection *qb_inspection_rated(struct snapb *b, struct qb *q,
						int64_t id, const char *urn,
						int32_t on, enum q_rating r)
{
	struct q_inspection *i = qb_insp(b, q, id, urn, on);

	for (int t = 0; t < Q_NTHEMES; t++)
		i->rating[t] = r;
	return i;
}

static struct q_finding *qb_finding(struct snapb *b, struct qb *q, int64_t id,
				    const struct q_inspection *in,
				    enum q_finding_kind kind, int32_t due)
{
	struct quality_set *s = &b->s.q;
	struct q_finding *f;

	ALLOC_GROW(s->findings, s->nfindings + 1, q->af);
	f = &s->findings[s->nfindings++];
	memset(f, 0, sizeof(*f));
	f->id = id;
	f->inspection_id = in->id;
	snprintf(f->urn, sizeof(f->urn), "%s", in->urn);
	snprintf(f->regulation, sizeof(f->regulation), "reg 21");
	f->kind = kind;
	f->due_on = due;
	f->status = Q_OPEN;
	f->judged_on = DATE_NONE;
	f->response_target_on = DATE_NONE;
	return f;
}

static struct rec *qb_rec(struct snapb *b, struct qb *q, int64_t id,
			  const char *code, int32_t made)
{
	struct quality_set *s = &b->s.q;
	struct rec *r;

	b->s.quality = true;
	ALLOC_GROW(s->recs, s->nrecs + 1, q->ar);
	r = &s->recs[s->nrecs++];
	memset(r, 0, sizeof(*r));
	r->id = id;
	snprintf(r->code, sizeof(r->code), "%s", code);
	r->made_on = made;
	return r;
}

static struct rec_addressee *qb_addressee(struct snapb *b, struct qb *q,
					  int64_t id, int64_t rec,
					  enum org_kind kind, const char *code)
{
	struct quality_set *s = &b->s.q;
	struct rec_addressee *a;

	ALLOC_GROW(s->addressees, s->naddressees + 1, q->aa);
	a = &s->addressees[s->naddressees++];
	memset(a, 0, sizeof(*a));
	a->id = id;
	a->rec_id = rec;
	a->kind = kind;
	snprintf(a->code, sizeof(a->code), "%s", code);
	a->verdict_on = DATE_NONE;
	return a;
}

static struct rec_action *qb_action(struct snapb *b, struct qb *q, int64_t id,
				    int64_t addressee, int32_t target)
{
	struct quality_set *s = &b->s.q;
	struct rec_action *a;

	ALLOC_GROW(s->actions, s->nactions + 1, q->ac);
	a = &s->actions[s->nactions++];
	memset(a, 0, sizeof(*a));
	a->id = id;
	a->addressee_id = addressee;
	snprintf(a->what, sizeof(a->what), "Review the protocol");
	snprintf(a->who, sizeof(a->who), "Head of service");
	a->target_on = target;
	a->done_on = DATE_NONE;
	return a;
}

static struct rec_update *qb_update(struct snapb *b, struct qb *q, int64_t id,
				    int64_t addressee, int64_t when,
				    enum rec_status st)
{
	struct quality_set *s = &b->s.q;
	struct rec_update *u;

	ALLOC_GROW(s->updates, s->nupdates + 1, q->au);
	u = &s->updates[s->nupdates++];
	memset(u, 0, sizeof(*u));
	u->id = id;
	u->addressee_id = addressee;
	u->at = when;
	u->status = st;
	snprintf(u->note, sizeof(u->note), "Progress");
	return u;
}

static void qb_view(struct snapb *b, struct qb *q, const char *urn,
		    const char *la, int64_t when)
{
	struct quality_set *s = &b->s.q;
	struct home_view *w;

	ALLOC_GROW(s->views, s->nviews + 1, q->av);
	w = &s->views[s->nviews++];
	memset(w, 0, sizeof(*w));
	w->kind = ORG_COUNCIL;
	snprintf(w->code, sizeof(w->code), "%s", la);
	snprintf(w->urn, sizeof(w->urn), "%s", urn);
	w->at = when;
}

static void qb_placing(struct snapb *b, struct qb *q, int32_t home,
		       const char *la, long children)
{
	struct alert_placing *p;

	ALLOC_GROW(b->s.placing, b->s.nplacing + 1, q->ap);
	p = &b->s.placing[b->s.nplacing++];
	memset(p, 0, sizeof(*p));
	p->home = home;
	snprintf(p->la, sizeof(p->la), "%s", la);
	p->children = children;
}

/* Noon UTC of a day: any time of the day, for the day rules. */
static int64_t noon(int32_t d)
{
	return uk_day_start(d) + 12 * MS_PER_HOUR;
}

static void test_pan_overdue(void **state)
{
	int32_t insp = day("02/03/2026"), due = day("30/04/2026");
	const struct alert_rule *rule = alert_rule_find("pan-overdue");
	struct q_inspection *in;
	struct q_finding *f;
	struct alert_found a;
	struct snapb b;
	struct qb q;

	(void)state;
	sb_init(&b);
	memset(&q, 0, sizeof(q));
	sb_home(&b, "W0000002", 4);
	snprintf(b.s.homes[0].provider, sizeof(b.s.homes[0].provider),
		 "The Meadow Trust");
	in = qb_inspection_rated(&b, &q, 1, "W0000002", insp, Q_GOOD);
	f = qb_finding(&b, &q, 5, in, Q_PRIORITY_ACTION_NOTICE, due);
	qb_finding(&b, &q, 6, in, Q_AREA_FOR_IMPROVEMENT, DATE_NONE);
	/* on its date it is in time; the day after, not */
	assert_string_equal(keys_at(&b, "pan-overdue", noon(due), NULL, 0),
			    "");
	assert_string_equal(keys_at(&b, "pan-overdue", uk_day_start(due + 1),
				    NULL, 0), "finding:5");
	assert_true(found_at(&b, "pan-overdue", noon(due + 3), "finding:5",
			     &a));
	assert_int_equal(a.severity, ALERT_SEV_HIGH);
	assert_int_equal(a.due_at, uk_day_start(due + 1));
	assert_int_equal(a.trigger_day, due);
	assert_int_equal(a.home, 0);
	assert_int_equal(a.child_id, 0);
	assert_false(a.ongoing);
	/* responded, or judged not met: still outstanding */
	f->status = Q_RESPONDED;
	f->responded_at = noon(due - 5);
	assert_string_equal(keys_at(&b, "pan-overdue", noon(due + 3), NULL, 0),
			    "finding:5");
	f->status = Q_NOT_MET;
	f->judged_on = due + 2;
	assert_string_equal(keys_at(&b, "pan-overdue", noon(due + 3), NULL, 0),
			    "finding:5");
	/* met: cleared; met on a later day counts from that day */
	f->status = Q_MET;
	assert_string_equal(keys_at(&b, "pan-overdue", noon(due + 3), NULL, 0),
			    "");
	assert_string_equal(keys_at(&b, "pan-overdue", noon(due + 1), NULL, 0),
			    "finding:5");
	f->status = Q_OPEN;
	f->judged_on = DATE_NONE;
	/* an inspection after now is not recorded yet */
	in->start_on = in->end_on = due + 10;
	assert_string_equal(keys_at(&b, "pan-overdue", noon(due + 3), NULL, 0),
			    "");
	in->start_on = in->end_on = insp;
	/* a one-child run loads no quality: nothing */
	b.s.quality = false;
	assert_string_equal(keys_at(&b, "pan-overdue", noon(due + 3), NULL, 0),
			    "");
	b.s.quality = true;
	/* the horizon: a notice past its date by more than 365 days, found
	 * for the first time, is history */
	assert_int_equal(horizon_of("pan-overdue"), 365);
	assert_true(found_at(&b, "pan-overdue", noon(due + 365), "finding:5",
			     &a));
	assert_false(alert_found_historical(&a, noon(due + 365), 365));
	assert_true(alert_found_historical(&a, noon(due + 366), 365));
	/* to the provider and the inspectorate; escalates to it */
	assert_int_equal(rule->to, ALERT_TO_PROVIDER | ALERT_TO_INSPECTORATE);
	assert_int_equal(rule->escalate_to, ALERT_TO_INSPECTORATE);
	assert_true(rule->quality && rule->due_by_day);
	/* judged not met and repeated at a later inspection: the notice
	 * that repeats it carries it on, with its own date (one alert of
	 * the chain, not two); before that inspection the first still
	 * alerts */
	f->status = Q_NOT_MET;
	f->judged_on = due + 20;
	in = qb_inspection_rated(&b, &q, 2, "W0000002", due + 20, Q_GOOD);
	f = qb_finding(&b, &q, 7, in, Q_PRIORITY_ACTION_NOTICE, due + 50);
	f->repeats_id = 5;
	assert_string_equal(keys_at(&b, "pan-overdue", noon(due + 19), NULL, 0),
			    "finding:5");
	assert_string_equal(keys_at(&b, "pan-overdue", noon(due + 30), NULL, 0),
			    "");
	assert_string_equal(keys_at(&b, "pan-overdue", noon(due + 51), NULL, 0),
			    "finding:7");
	sb_free(&b);
}

static void test_rec_action_overdue(void **state)
{
	int32_t made = day("01/02/2026"), target = day("30/06/2026");
	struct rec_addressee *ad;
	struct rec_action *ac;
	struct alert_found a;
	struct snapb b;
	struct qb q;

	(void)state;
	sb_init(&b);
	memset(&q, 0, sizeof(q));
	qb_rec(&b, &q, 1, "NR2026-1", made);
	ad = qb_addressee(&b, &q, 10, 1, ORG_HEALTH_BOARD, "7A4");
	ac = qb_action(&b, &q, 100, 10, target);
	ac->recorded_at = noon(made + 5);
	assert_string_equal(keys_at(&b, "rec-action-overdue", noon(target),
				    NULL, 0), "");
	assert_string_equal(keys_at(&b, "rec-action-overdue",
				    uk_day_start(target + 1), NULL, 0),
			    "rec-action:100");
	assert_true(found_at(&b, "rec-action-overdue", noon(target + 2),
			     "rec-action:100", &a));
	assert_int_equal(a.to_kind, ORG_HEALTH_BOARD);
	assert_string_equal(a.to_code, "7A4");
	assert_int_equal(a.home, -1);
	assert_int_equal(a.severity, ALERT_SEV_MEDIUM);
	assert_int_equal(a.due_at, uk_day_start(target + 1));
	assert_non_null(strstr(a.facts, "\"rec\":1,\"code\":\"NR2026-1\","
			       "\"to_kind\":\"health_board\","
			       "\"to_code\":\"7A4\""));
	/* done: cleared; done on a later day is not done yet */
	ac->done_on = target + 5;
	assert_string_equal(keys_at(&b, "rec-action-overdue", noon(target + 5),
				    NULL, 0), "");
	assert_string_equal(keys_at(&b, "rec-action-overdue", noon(target + 4),
				    NULL, 0), "rec-action:100");
	ac->done_on = DATE_NONE;
	/* recorded after now: not yet */
	ac->recorded_at = noon(target + 9);
	assert_string_equal(keys_at(&b, "rec-action-overdue", noon(target + 4),
				    NULL, 0), "");
	ac->recorded_at = noon(made + 5);
	/* the addressee's "done" accepted: closed for it */
	qb_update(&b, &q, 1000, 10, noon(target + 1), REC_DONE);
	ad->status = REC_DONE;
	ad->verdict = REC_ACCEPTED;
	ad->verdict_on = target + 3;
	assert_string_equal(keys_at(&b, "rec-action-overdue", noon(target + 3),
				    NULL, 0), "");
	assert_string_equal(keys_at(&b, "rec-action-overdue", noon(target + 2),
				    NULL, 0), "rec-action:100");
	/* rejected: still to do */
	ad->verdict = REC_REJECTED;
	assert_string_equal(keys_at(&b, "rec-action-overdue", noon(target + 3),
				    NULL, 0), "rec-action:100");
	/* the horizon */
	assert_int_equal(horizon_of("rec-action-overdue"), 365);
	assert_true(found_at(&b, "rec-action-overdue", noon(target + 400),
			     "rec-action:100", &a));
	assert_true(alert_found_historical(&a, noon(target + 400), 365));
	assert_int_equal(alert_rule_find("rec-action-overdue")->to,
			 ALERT_TO_NAMED);
	assert_int_equal(alert_rule_find("rec-action-overdue")->escalate_to,
			 ALERT_TO_INSPECTORATE);
	sb_free(&b);
}

static void test_rec_no_update(void **state)
{
	int32_t made = day("01/02/2026");
	struct rec_addressee *ad;
	struct rec_update *u;
	struct alert_found a;
	struct snapb b;
	struct qb q;

	(void)state;
	sb_init(&b);
	memset(&q, 0, sizeof(q));
	qb_rec(&b, &q, 1, "NR2026-1", made);
	qb_rec(&b, &q, 2, "NR2026-2", made + 400);	/* made later */
	ad = qb_addressee(&b, &q, 10, 1, ORG_COUNCIL, "W06000015");
	qb_addressee(&b, &q, 11, 2, ORG_COUNCIL, "W06000015");
	/* 90 days after it was made: in time; 91: not */
	assert_string_equal(keys_at(&b, "rec-no-update", noon(made + 90),
				    NULL, 0), "");
	assert_string_equal(keys_at(&b, "rec-no-update", noon(made + 91),
				    NULL, 0), "rec-addressee:10");
	assert_true(found_at(&b, "rec-no-update", noon(made + 91),
			     "rec-addressee:10", &a));
	assert_int_equal(a.to_kind, ORG_COUNCIL);
	assert_string_equal(a.to_code, "W06000015");
	assert_int_equal(a.severity, ALERT_SEV_LOW);
	assert_int_equal(a.due_at, uk_day_start(made + 91));
	assert_int_equal(a.trigger_day, made + 90);
	/* the parameter */
	assert_string_equal(keys_at(&b, "rec-no-update", noon(made + 31),
				    "days", 30), "rec-addressee:10");
	/* an update counts from its day; one after now does not yet */
	u = qb_update(&b, &q, 1000, 10, noon(made + 60), REC_IN_PROGRESS);
	assert_string_equal(keys_at(&b, "rec-no-update", noon(made + 150),
				    NULL, 0), "");
	assert_string_equal(keys_at(&b, "rec-no-update", noon(made + 151),
				    NULL, 0), "rec-addressee:10");
	assert_true(found_at(&b, "rec-no-update", noon(made + 151),
			     "rec-addressee:10", &a));
	assert_non_null(strstr(a.facts, "\"status\":\"in_progress\""));
	assert_string_equal(keys_at(&b, "rec-no-update", noon(made + 91) -
				    1, NULL, 0), "");
	u->at = noon(made + 200);
	assert_string_equal(keys_at(&b, "rec-no-update", noon(made + 91),
				    NULL, 0), "rec-addressee:10");
	/* done and accepted: closed; done only, or rejected: not */
	u->at = noon(made + 10);
	u->status = REC_DONE;
	ad->status = REC_DONE;
	assert_string_equal(keys_at(&b, "rec-no-update", noon(made + 120),
				    NULL, 0), "rec-addressee:10");
	ad->verdict = REC_ACCEPTED;
	ad->verdict_on = made + 20;
	assert_string_equal(keys_at(&b, "rec-no-update", noon(made + 120),
				    NULL, 0), "");
	ad->verdict = REC_REJECTED;
	assert_string_equal(keys_at(&b, "rec-no-update", noon(made + 120),
				    NULL, 0), "rec-addressee:10");
	/* the horizon */
	assert_true(found_at(&b, "rec-no-update", noon(made + 476),
			     "rec-addressee:10", &a));
	assert_false(alert_found_historical(&a, noon(made + 465), 365));
	assert_true(alert_found_historical(&a, noon(made + 466), 365));
	sb_free(&b);
}

static void test_poor_home(void **state)
{
	int32_t insp = day("02/03/2026");
	int64_t rec_at = noon(insp + 7), now = noon(insp + 30);
	struct q_inspection *in;
	struct alert_found a;
	struct snapb b;
	struct qb q;

	(void)state;
	sb_init(&b);
	memset(&q, 0, sizeof(q));
	sb_home(&b, "W0000002", 4);
	sb_home(&b, "W0000003", 4);
	in = qb_inspection_rated(&b, &q, 1, "W0000002", insp, Q_GOOD);
	in->rating[Q_CARE_SUPPORT] = Q_POOR;
	in->recorded_at = rec_at;
	qb_inspection_rated(&b, &q, 2, "W0000003", insp, Q_GOOD);
	qb_placing(&b, &q, 0, "W06000011", 1);
	qb_placing(&b, &q, 0, "W06000015", 2);
	qb_placing(&b, &q, 1, "W06000015", 3);	/* rated Good */
	assert_string_equal(keys_at(&b, "poor-home-unviewed", now, NULL, 0),
			    "home-poor:W0000002:W06000011 "
			    "home-poor:W0000002:W06000015");
	assert_true(found_at(&b, "poor-home-unviewed", now,
			     "home-poor:W0000002:W06000015", &a));
	assert_int_equal(a.to_kind, ORG_COUNCIL);
	assert_string_equal(a.to_code, "W06000015");
	assert_int_equal(a.home, 0);
	assert_int_equal(a.severity, ALERT_SEV_HIGH);
	assert_true(a.due_from_raise);
	assert_int_equal(a.due_days_after, 7);
	assert_non_null(strstr(a.facts, "\"poor\":[\"care_support\"]"));
	assert_non_null(strstr(a.facts, "\"children\":2"));
	/* going on: never history, whatever the horizon */
	assert_true(a.ongoing);
	assert_false(alert_found_historical(&a, now + 9999 * MS_PER_DAY, 1));
	/* a view before the inspection was recorded does not count; one
	 * since does; one after now is not yet */
	qb_view(&b, &q, "W0000002", "W06000015", rec_at - 1);
	assert_string_equal(keys_at(&b, "poor-home-unviewed", now, NULL, 0),
			    "home-poor:W0000002:W06000011 "
			    "home-poor:W0000002:W06000015");
	b.s.q.views[0].at = rec_at;
	assert_string_equal(keys_at(&b, "poor-home-unviewed", now, NULL, 0),
			    "home-poor:W0000002:W06000011");
	assert_string_equal(keys_at(&b, "poor-home-unviewed", rec_at - 1,
				    NULL, 0),
			    "home-poor:W0000002:W06000011 "
			    "home-poor:W0000002:W06000015");
	/* another council's view, or a provider's, is not this one's */
	b.s.q.views[0].kind = ORG_PROVIDER;
	assert_string_equal(keys_at(&b, "poor-home-unviewed", now, NULL, 0),
			    "home-poor:W0000002:W06000011 "
			    "home-poor:W0000002:W06000015");
	b.s.q.views[0].kind = ORG_COUNCIL;
	/* a later inspection rated Good: not Poor from its day */
	in = qb_inspection_rated(&b, &q, 3, "W0000002", insp + 20, Q_GOOD);
	/* (by urn, start_on: W0000002's come before W0000003's) */
	{
		struct q_inspection t = b.s.q.insp[1];

		b.s.q.insp[1] = b.s.q.insp[2];
		b.s.q.insp[2] = t;
	}
	assert_string_equal(keys_at(&b, "poor-home-unviewed", now, NULL, 0),
			    "");
	assert_string_equal(keys_at(&b, "poor-home-unviewed",
				    noon(insp + 19), NULL, 0),
			    "home-poor:W0000002:W06000011");
	assert_int_equal(alert_rule_find("poor-home-unviewed")->to,
			 ALERT_TO_NAMED);
	sb_free(&b);
}

/* The rules on the quality of care in words, both languages. */
static void test_quality_words(void **state)
{
	int32_t insp = day("02/03/2026"), due = day("30/04/2026");
	int64_t now = noon(due + 3);
	struct alert_row *row = xmalloc(sizeof(*row));
	struct q_inspection *in;
	struct alert_found a;
	struct alert_text t;
	char code[ALERT_REC_CODE_MAX + 1];
	struct snapb b;
	struct qb q;

	(void)state;
	sb_init(&b);
	memset(&q, 0, sizeof(q));
	sb_home(&b, "W2356000", 4);
	in = qb_inspection_rated(&b, &q, 1, "W2356000", insp, Q_GOOD);
	in->rating[Q_WELLBEING] = in->rating[Q_LEADERSHIP] = Q_POOR;
	qb_finding(&b, &q, 5, in, Q_PRIORITY_ACTION_NOTICE, due);
	qb_placing(&b, &q, 0, "W06000015", 2);
	assert_int_equal(words_of_rule(&b, "pan-overdue", now), 1);
	assert_int_equal(words_of_rule(&b, "poor-home-unviewed", now), 1);
	assert_true(found_at(&b, "pan-overdue", now, "finding:5", &a));
	row_of(&a, "pan-overdue", ALERT_OPEN, row);
	alert_text(row, now, false, &t);
	assert_string_equal(t.what, "A priority action notice from the "
			    "inspection of 2 March 2026 has not been met. The "
			    "provider has not responded.");
	assert_string_equal(t.due, "Due by 30 April 2026 \xe2\x80\x94 3 days "
			    "overdue.");
	assert_int_equal(alert_rec_of(row, code), 0);
	alert_text(row, now, true, &t);
	assert_string_equal(t.what, "Nid yw hysbysiad gweithredu "
			    "blaenoriaethol o arolygiad 2 Mawrth 2026 "
			    "wedi\xe2\x80\x99i fodloni. Nid yw\xe2\x80\x99r "
			    "darparwr wedi ymateb.");
	assert_true(found_at(&b, "poor-home-unviewed", now,
			     "home-poor:W2356000:W06000015", &a));
	row_of(&a, "poor-home-unviewed", ALERT_OPEN, row);
	alert_text(row, now, false, &t);
	assert_string_equal(t.what, "The inspection of 2 March 2026 rated "
			    "Well-being and Leadership and management Poor. 2 "
			    "children looked after by council W06000015 are "
			    "placed there today, and nobody from the council "
			    "has viewed the home\xe2\x80\x99s record since the "
			    "inspection.");
	/* a recommendation's: which, to whom, and a link */
	qb_rec(&b, &q, 1, "NR2026-1", insp);
	qb_addressee(&b, &q, 10, 1, ORG_HEALTH_BOARD, "7A4");
	qb_action(&b, &q, 100, 10, due);
	assert_true(found_at(&b, "rec-action-overdue", now, "rec-action:100",
			     &a));
	row_of(&a, "rec-action-overdue", ALERT_OPEN, row);
	row->urn[0] = row->home_urn[0] = row->home_name[0] = '\0';
	row->home_area_en[0] = row->home_area_cy[0] = '\0';
	assert_int_equal(alert_rec_of(row, code), 1);
	assert_string_equal(code, "NR2026-1");
	alert_text(row, now, false, &t);
	assert_string_equal(t.what, "An action on recommendation NR2026-1 "
			    "had a target date of 30 April 2026 and is not "
			    "marked done.");
	assert_string_equal(t.where, "Recommendation NR2026-1, addressed to "
			    "health board 7A4");
	plain_words(t.what);
	plain_words(t.todo);
	alert_text(row, now, true, &t);
	assert_string_equal(t.where, "Argymhelliad NR2026-1, a gyfeiriwyd at "
			    "bwrdd iechyd 7A4");
	assert_true(found_at(&b, "rec-no-update", noon(insp + 100),
			     "rec-addressee:10", &a));
	row_of(&a, "rec-no-update", ALERT_OPEN, row);
	alert_text(row, noon(insp + 100), false, &t);
	assert_string_equal(t.what, "No progress update on recommendation "
			    "NR2026-1 for more than 90 days: none since it was "
			    "made on 2 March 2026. Status: Not started.");
	alert_text(row, noon(insp + 100), true, &t);
	assert_non_null(strstr(t.what, "NR2026-1"));
	assert_null(strstr(t.what, "Not started"));
	sb_free(&b);
	free(row);
}

static void test_rules_table(void **state)
{
	struct alert_params p;

	(void)state;
	alert_params_defaults(&p);	/* BUG()s on a malformed table */
	assert_true(alert_nrules >= 11);
	for (size_t i = 0; i < alert_nrules; i++) {
		const struct alert_rule *r = &alert_rules[i];

		assert_true(strlen(r->id) <= ALERT_RULE_MAX);
		assert_true(r->desc_en[0] && r->desc_cy[0] && r->title_cy[0]);
		assert_true(r->to != 0);
		assert_ptr_equal(alert_rule_find(r->id), r);
		for (size_t k = 0; k < r->nparams; k++)
			assert_true(r->params[k].min <= r->params[k].def &&
				    r->params[k].def <= r->params[k].max);
	}
	assert_null(alert_rule_find("nope"));
}

/* ---- the engine over a store --------------------------------------------------- */

#define CASE "tests/data/review/boundaries"
#define CARDIFF "W06000015"
#define SWANSEA "W06000011"

enum who { INSPECTOR, ANALYST, CARDIFF_SW, SWANSEA_SW, MEADOW, SOUTH_WALES,
	   GWENT, HEALTH, NWHO };

struct fixture {
	struct store *s;
	struct user u[NWHO];
};

static void add_user(struct fixture *f, enum who w, const char *email,
		     enum role role, int64_t org_id)
{
	unit_user(f->s, email, (int)w, role, org_id, false, &f->u[w]);
}

static int setup(void **state)
{
	static struct fixture f;
	const char *y2018[] = { CASE "/2018/header.csv",
				CASE "/2018/episodes.csv",
				CASE "/2018/missing.csv" };
	const char *y2019[] = { CASE "/2019/header.csv",
				CASE "/2019/episodes.csv",
				CASE "/2019/missing.csv",
				CASE "/2019/oc2.csv" };
	struct import_counts c = { 0 };
	struct diags d = DIAGS_INIT;
	struct err err = ERR_INIT;
	void *st = NULL;
	int rc;

	if (auth_init(&err) || unit_geo_store_setup(&st))
		return -1;
	f.s = st;
	rc = import_homes(f.s, CASE "/homes.csv", false, &d, &c, &err);
	if (!rc)
		rc = import_903(f.s, CARDIFF, 0, y2018, 3, false, &d, &c, &err);
	if (!rc)
		rc = import_903(f.s, CARDIFF, 0, y2019, 4, false, &d, &c, &err);
	diags_release(&d);
	if (rc) {
		fprintf(stderr, "u-alerts setup: %s\n", err_text(&err));
		return -1;
	}
	add_user(&f, INSPECTOR, "insp@example.org", ROLE_INSPECTOR,
		 unit_org(f.s, ORG_INSPECTORATE, "CIW", NULL));
	add_user(&f, ANALYST, "analyst@example.org", ROLE_ANALYST,
		 unit_org(f.s, ORG_INSPECTORATE, "CIW", NULL));
	add_user(&f, CARDIFF_SW, "sw@cardiff.example",
		 ROLE_COUNCIL_SOCIAL_WORKER,
		 unit_org(f.s, ORG_COUNCIL, CARDIFF, NULL));
	add_user(&f, SWANSEA_SW, "sw@swansea.example",
		 ROLE_COUNCIL_SOCIAL_WORKER,
		 unit_org(f.s, ORG_COUNCIL, SWANSEA, NULL));
	add_user(&f, MEADOW, "mgr@meadow.example", ROLE_HOME_MANAGER,
		 unit_org(f.s, ORG_PROVIDER, "meadow", "The Meadow Trust"));
	add_user(&f, SOUTH_WALES, "mc@south-wales.example",
		 ROLE_POLICE_MISSING_COORDINATOR,
		 unit_org(f.s, ORG_POLICE, "south-wales", NULL));
	add_user(&f, GWENT, "mc@gwent.example",
		 ROLE_POLICE_MISSING_COORDINATOR,
		 unit_org(f.s, ORG_POLICE, "gwent", NULL));
	/* a health board's analyst: the board's alerts on recommendations */
	add_user(&f, HEALTH, "analyst@cav.example", ROLE_ANALYST,
		 unit_org(f.s, ORG_HEALTH_BOARD, "7A4", NULL));
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	store_close(f->s);
	return 0;
}

static struct viewer view(struct fixture *f, enum who w, int64_t now)
{
	struct err err = ERR_INIT;
	struct viewer v;

	if (viewer_from_user(f->s, &f->u[w], "192.0.2.7", now, &v, &err))
		fail_msg("viewer %d: %s", (int)w, err_text(&err));
	return v;
}

/* A live episode of Cardiff's child ref from home urn, with or without
 * an exploitation concern. */
static int64_t add_episode_x(struct fixture *f, const char *ref,
			     const char *urn, int64_t started,
			     int64_t returned, bool exploitation)
{
	struct err err = ERR_INIT;
	struct mfc_episode e;
	int64_t id = 0;

	mfc_episode_init(&e);
	snprintf(e.la, sizeof(e.la), CARDIFF);
	snprintf(e.ref, sizeof(e.ref), "%s", ref);
	snprintf(e.kind, sizeof(e.kind), "M");
	snprintf(e.urn, sizeof(e.urn), "%s", urn);
	e.started_at = started;
	e.returned_at = returned;
	e.exploitation = exploitation;
	if (store_mfc_import(f->s, &e, &id, &err))
		fail_msg("episode: %s", err_text(&err));
	return id;
}

static int64_t add_episode(struct fixture *f, const char *ref,
			   const char *urn, int64_t started,
			   int64_t returned)
{
	return add_episode_x(f, ref, urn, started, returned, false);
}

static void add_meeting(struct fixture *f, const char *ref, int32_t held)
{
	struct err err = ERR_INIT;
	struct mfc_meeting m;
	int64_t id = 0;

	mfc_meeting_init(&m);
	snprintf(m.la, sizeof(m.la), CARDIFF);
	snprintf(m.ref, sizeof(m.ref), "%s", ref);
	m.held_on = held;
	if (store_mfc_meeting_import(f->s, &m, 0, &id, &err))
		fail_msg("meeting: %s", err_text(&err));
}

static struct alerts_summary run(struct fixture *f, int64_t now)
{
	struct alerts_summary sum;
	struct err err = ERR_INIT;

	if (alerts_run(f->s, now, &sum, &err))
		fail_msg("alerts_run: %s", err_text(&err));
	return sum;
}

/* The alert of rule and key, as the inspector reads it (0: none). */
static int64_t alert_id(struct fixture *f, const char *rule, const char *key,
			enum alert_state *state)
{
	struct err err = ERR_INIT;
	struct alert_row *r = xmalloc(sizeof(*r));
	int64_t found = 0;

	for (int64_t id = 1; id < 2000; id++) {
		if (store_alert_get(f->s, id, r, &err)) {
			err_clear(&err);
			continue;
		}
		if (!strcmp(r->rule, rule) && !strcmp(r->key, key)) {
			found = id;
			if (state)
				*state = r->state;
			break;
		}
	}
	free(r);
	return found;
}

struct count_ctx {
	long n;
	const char *event;
};

static int count_msg(const struct outbox_row *r, void *ctx)
{
	struct count_ctx *c = ctx;

	if (!c->event || !strcmp(c->event, r->event))
		c->n++;
	return 0;
}

static long outbox_count(struct fixture *f, enum org_kind kind,
			 const char *code, const char *event)
{
	struct count_ctx c = { 0, event };
	struct err err = ERR_INIT;

	if (store_outbox_list(f->s, kind, code, 0, 1000, count_msg, &c, &err))
		fail_msg("outbox: %s", err_text(&err));
	return c.n;
}

static int count_rcpt(enum org_kind kind, const char *code, void *ctx)
{
	(void)kind;
	(void)code;
	(*(long *)ctx)++;
	return 0;
}

static long recipients(struct fixture *f, int64_t id)
{
	struct err err = ERR_INIT;
	long n = 0;

	if (store_alert_recipients_each(f->s, id, count_rcpt, &n, &err))
		fail_msg("recipients: %s", err_text(&err));
	return n;
}

static void test_engine(void **state)
{
	struct fixture *f = *state;
	int64_t r = at("2019-04-01T20:00"), ep, id;
	struct alerts_summary sum;
	enum alert_state st;
	char key[ALERT_KEY_MAX + 1];
	long before;

	/* C01 placed at W0000002 (Swansea, The Meadow Trust) */
	ep = add_episode(f, "C01", "W0000002", at("2019-04-01T10:00"), r);
	snprintf(key, sizeof(key), "episode:%lld", (long long)ep);
	run(f, r + H72);
	assert_int_equal(alert_id(f, "ri-72h", key, NULL), 0);
	sum = run(f, r + H72 + 1);
	id = alert_id(f, "ri-72h", key, &st);
	assert_true(id > 0);
	assert_int_equal(st, ALERT_OPEN);
	assert_true(sum.raised >= 1);
	/* to Cardiff only */
	assert_int_equal(recipients(f, id), 1);
	assert_true(outbox_count(f, ORG_COUNCIL, CARDIFF, "raised") >= 1);
	before = outbox_count(f, ORG_COUNCIL, CARDIFF, NULL);
	/* idempotent: again, and again later, nothing new */
	sum = run(f, r + H72 + 1);
	assert_int_equal(sum.raised, 0);
	assert_int_equal(sum.cleared, 0);
	assert_int_equal(sum.messages, 0);
	assert_int_equal(outbox_count(f, ORG_COUNCIL, CARDIFF, NULL), before);
	assert_int_equal(alert_id(f, "ri-72h", key, NULL), id);
	/* escalation 48 h after raising: once, to the inspectorate too */
	sum = run(f, r + H72 + 48 * MS_PER_HOUR);
	assert_int_equal(sum.escalated, 0);
	sum = run(f, r + H72 + 1 + 48 * MS_PER_HOUR);
	assert_true(sum.escalated >= 1);
	assert_true(outbox_count(f, ORG_INSPECTORATE, "CIW", "escalated") >=
		    1);
	sum = run(f, r + H72 + 49 * MS_PER_HOUR);
	assert_int_equal(sum.escalated, 0);
	assert_int_equal(sum.messages, 0);
}

static void test_clear_and_reopen(void **state)
{
	struct fixture *f = *state;
	int64_t s = at("2019-05-01T22:00"), ep;
	enum alert_state st;
	char key[ALERT_KEY_MAX + 1];

	/* C01 missing from W0000002 for more than 24 h: council, police of
	 * the home's area (Swansea: South Wales) and the provider */
	ep = add_episode(f, "C01", "W0000002", s, 0);
	snprintf(key, sizeof(key), "episode:%lld", (long long)ep);
	run(f, s + 24 * MS_PER_HOUR + 1);
	assert_true(alert_id(f, "long-or-high-risk", key, &st) > 0);
	assert_int_equal(st, ALERT_OPEN);
	assert_true(outbox_count(f, ORG_POLICE, "south-wales", "raised") >= 1);
	assert_true(outbox_count(f, ORG_PROVIDER, "The Meadow Trust",
				 "raised") >= 1);
	/* a strategy meeting two days later clears it */
	add_meeting(f, "C01", day("03/05/2019"));
	run(f, s + 48 * MS_PER_HOUR);
	alert_id(f, "long-or-high-risk", key, &st);
	assert_int_equal(st, ALERT_CLEARED);
	assert_true(outbox_count(f, ORG_POLICE, "south-wales", "cleared") >=
		    1);
	/* replayed before the meeting, it holds again: the same alert */
	run(f, s + 25 * MS_PER_HOUR);
	alert_id(f, "long-or-high-risk", key, &st);
	assert_int_equal(st, ALERT_OPEN);
	run(f, s + 48 * MS_PER_HOUR);
}

static void test_answers(void **state)
{
	struct fixture *f = *state;
	int64_t now = at("2019-04-06T12:00"), id;
	struct alert_page *page = xmalloc(sizeof(*page));
	struct alert_filter all = { NULL, ALERT_NSTATES, NULL, 0, 100, NULL, NULL };
	struct err err = ERR_INIT;
	struct alert_row *row = xmalloc(sizeof(*row));
	struct viewer v;
	enum alert_state st;
	char key[ALERT_KEY_MAX + 1];

	run(f, now);
	/* the ri-72h alert of test_engine: Cardiff's */
	id = 0;
	for (int64_t i = 1; i < 200 && !id; i++)
		if (!store_alert_get(f->s, i, row, NULL) &&
		    !strcmp(row->rule, "ri-72h"))
			id = i;
	assert_true(id > 0);
	snprintf(key, sizeof(key), "%s", row->key);

	v = view(f, CARDIFF_SW, now);
	assert_int_equal(alerts_list(f->s, &v, &all, page, &err), 0);
	assert_true(page->n >= 1);
	assert_int_equal(alerts_get(f->s, &v, id, row, &err), 0);
	assert_string_equal(row->ref, "C01");

	/* not Swansea's, not Gwent's: as if there were none */
	v = view(f, SWANSEA_SW, now);
	assert_int_equal(alerts_get(f->s, &v, id, row, &err), ERR_NOT_FOUND);
	err_clear(&err);
	assert_int_equal(alerts_ack(f->s, &v, id, "mine?", &err),
			 ERR_NOT_FOUND);
	err_clear(&err);
	assert_int_equal(alerts_get(f->s, &v, 99999, row, &err),
			 ERR_NOT_FOUND);
	err_clear(&err);
	v = view(f, GWENT, now);
	assert_int_equal(alerts_ack(f->s, &v, id, "mine?", &err),
			 ERR_NOT_FOUND);
	err_clear(&err);
	/* analysts see no alerts at all */
	v = view(f, ANALYST, now);
	assert_int_equal(alerts_list(f->s, &v, &all, page, &err), ERR_DENIED);
	err_clear(&err);
	assert_int_equal(alerts_get(f->s, &v, id, row, &err), ERR_DENIED);
	err_clear(&err);

	/* Cardiff acknowledges with a note (a note is needed) */
	v = view(f, CARDIFF_SW, now);
	assert_int_equal(alerts_ack(f->s, &v, id, "", &err), ERR_INVALID);
	err_clear(&err);
	assert_int_equal(alerts_ack(f->s, &v, id, "interview booked", &err),
			 0);
	alert_id(f, "ri-72h", key, &st);
	assert_int_equal(st, ALERT_ACKNOWLEDGED);
	assert_int_equal(outbox_count(f, ORG_COUNCIL, CARDIFF, "acknowledged"),
			 1);
	assert_int_equal(alerts_ack(f->s, &v, id, "again", &err),
			 ERR_CONSTRAINT);
	err_clear(&err);
	/* a run leaves an acknowledged alert alone */
	run(f, now + 1000);
	alert_id(f, "ri-72h", key, &st);
	assert_int_equal(st, ALERT_ACKNOWLEDGED);
	/* an inspector may resolve any alert */
	v = view(f, INSPECTOR, now);
	assert_int_equal(alerts_resolve(f->s, &v, id, "held late: noted",
					&err), 0);
	assert_int_equal(store_alert_get(f->s, id, row, &err), 0);
	assert_int_equal(row->state, ALERT_RESOLVED);
	assert_string_equal(row->acknowledged_by, "sw@cardiff.example");
	assert_string_equal(row->resolved_by, "insp@example.org");
	assert_string_equal(row->resolve_note, "held late: noted");
	/* resolved and still holding: not raised again */
	run(f, now + 2000);
	alert_id(f, "ri-72h", key, &st);
	assert_int_equal(st, ALERT_RESOLVED);
	free(page);
	free(row);
}

static void test_one_child(void **state)
{
	struct fixture *f = *state;
	struct alert_snapshot snap = ALERT_SNAPSHOT_INIT;
	struct alerts_summary sum;
	struct err err = ERR_INIT;
	int64_t s = at("2019-06-01T10:00"), ep, child = 0;
	char key[ALERT_KEY_MAX + 1];

	assert_int_equal(store_alert_snapshot_load(f->s, NULL, 0, &snap,
						   &err), 0);
	for (size_t i = 0; i < snap.nchildren; i++)
		if (!strcmp(snap.children[i].ref, "C04"))
			child = snap.children[i].id;
	alert_snapshot_release(&snap);
	assert_true(child > 0);
	ep = add_episode(f, "C04", "W0000001", s, 0);
	snprintf(key, sizeof(key), "episode:%lld", (long long)ep);
	assert_int_equal(alerts_run_child(f->s, child, s + 25 * MS_PER_HOUR,
					  &sum, &err), 0);
	assert_true(alert_id(f, "long-or-high-risk", key, NULL) > 0);
	assert_int_equal(sum.raised, 1);
	/* a full run at the same time agrees: nothing to do for C04 */
	assert_int_equal(alerts_evaluate_child(f->s, child,
					       s + 25 * MS_PER_HOUR, &err), 0);
	assert_int_equal(alerts_run_child(f->s, 999999, s, &sum, &err),
			 ERR_NOT_FOUND);
}

static void test_params(void **state)
{
	struct fixture *f = *state;
	struct err err = ERR_INIT;
	struct alert_params p;
	size_t r = rule_ix("ri-72h");

	assert_int_equal(alerts_param_set(f->s, "ri-72h", "hours", "48",
					  "unit", 1, &err), 0);
	assert_int_equal(alerts_params_load(f->s, &p, &err), 0);
	assert_int_equal(p.v[r][0], 48);
	assert_int_equal(alerts_param_set(f->s, "ri-72h", "hours", "0",
					  "unit", 1, &err), ERR_INVALID);
	err_clear(&err);
	assert_int_equal(alerts_param_set(f->s, "ri-72h", "hours", "72x",
					  "unit", 1, &err), ERR_INVALID);
	err_clear(&err);
	assert_int_equal(alerts_param_set(f->s, "nope", "hours", "1", "unit",
					  1, &err), ERR_NOT_FOUND);
	err_clear(&err);
	assert_int_equal(alerts_param_set(f->s, "ri-72h", "nope", "1", "unit",
					  1, &err), ERR_NOT_FOUND);
	err_clear(&err);
	assert_int_equal(alerts_param_set(f->s, "ri-72h", "hours", "72",
					  "unit", 1, &err), 0);
}

struct alert_msgs {
	int64_t alert_id;
	long n;
};

static int count_alert_msg(const struct outbox_row *r, void *ctx)
{
	struct alert_msgs *c = ctx;

	if (r->alert_id == c->alert_id)
		c->n++;
	return 0;
}

/* Messages about alert id to any organisation of the fixture. */
static long messages_of(struct fixture *f, int64_t id)
{
	static const struct { enum org_kind kind; const char *code; } orgs[] = {
		{ ORG_COUNCIL, CARDIFF }, { ORG_INSPECTORATE, "CIW" },
		{ ORG_POLICE, "south-wales" }, { ORG_POLICE, "gwent" },
		{ ORG_PROVIDER, "The Meadow Trust" },
		{ ORG_PROVIDER, "Orchard Care Ltd" },
	};
	struct alert_msgs c = { id, 0 };
	struct err err = ERR_INIT;

	for (size_t i = 0; i < ARRAY_SIZE(orgs); i++)
		if (store_outbox_list(f->s, orgs[i].kind, orgs[i].code, 0, 1000,
				      count_alert_msg, &c, &err))
			fail_msg("outbox: %s", err_text(&err));
	return c.n;
}

/* The alert of rule about child ref (0: none). */
static int64_t alert_of(struct fixture *f, const char *rule, const char *ref,
			enum alert_state *state)
{
	struct alert_row *r = xmalloc(sizeof(*r));
	int64_t found = 0;

	for (int64_t id = 1; id < 500 && !found; id++)
		if (!store_alert_get(f->s, id, r, NULL) &&
		    !strcmp(r->rule, rule) && !strcmp(r->ref, ref)) {
			found = id;
			*state = r->state;
		}
	free(r);
	return found;
}

/* Is child ref among the items of filter state for viewer w? */
static bool in_items(struct fixture *f, enum who w, int64_t now, int state,
		     const char *ref)
{
	struct alert_item_page *pg = xcalloc(1, sizeof(*pg));
	struct alert_filter fl;
	struct err err = ERR_INIT;
	struct viewer v = view(f, w, now);
	bool found = false;
	long n;

	memset(&fl, 0, sizeof(fl));
	fl.state = state;
	fl.page_size = STORE_PAGE_MAX;
	if (alerts_items_list(f->s, &v, &fl, pg, &err))
		fail_msg("items: %s", err_text(&err));
	for (size_t i = 0; i < pg->n; i++)
		if (!strcmp(pg->items[i].ref, ref))
			found = true;
	/* the count agrees with the list */
	assert_int_equal(alerts_items_count(f->s, &v, &fl, &n, &err), 0);
	assert_int_equal(n, pg->total);
	alert_item_page_release(pg);
	free(pg);
	return found;
}

static void test_historical(void **state)
{
	struct fixture *f = *state;
	int64_t now = at("2019-07-01T12:00Z"), ep, id;
	struct alerts_summary sum;
	enum alert_state st;
	char key[ALERT_KEY_MAX + 1];

	/* C05 returned on 1 April, no interview: due 4 April, 88 days
	 * before now: history, told to nobody */
	ep = add_episode(f, "C05", "W0000001", at("2019-04-01T10:00Z"),
			 at("2019-04-01T20:00Z"));
	snprintf(key, sizeof(key), "episode:%lld", (long long)ep);
	/* C07 missing since 1 March and not back: old, but going on */
	add_episode(f, "C07", "W0000002", at("2019-03-01T10:00Z"), 0);
	/* C03: an exploitation concern on two episodes in March */
	add_episode_x(f, "C03", "W0000001", at("2019-03-02T10:00Z"),
		      at("2019-03-02T12:00Z"), true);
	add_episode_x(f, "C03", "W0000001", at("2019-03-09T10:00Z"),
		      at("2019-03-09T12:00Z"), true);
	sum = run(f, now);
	assert_true(sum.historical >= 2);
	id = alert_id(f, "ri-72h", key, &st);
	assert_true(id > 0);
	assert_int_equal(st, ALERT_HISTORICAL);
	assert_int_equal(messages_of(f, id), 0);
	/* its recipients are kept, so the council can see it as history */
	assert_int_equal(recipients(f, id), 1);
	assert_false(in_items(f, CARDIFF_SW, now, -1, "C05"));
	assert_false(in_items(f, CARDIFF_SW, now, ALERT_OPEN, "C05"));
	assert_true(in_items(f, CARDIFF_SW, now, ALERT_HISTORICAL, "C05"));
	assert_true(in_items(f, CARDIFF_SW, now, ALERT_NSTATES, "C05"));
	/* nobody can acknowledge history */
	{
		struct viewer v = view(f, CARDIFF_SW, now);
		struct err err = ERR_INIT;

		assert_int_equal(alerts_ack(f->s, &v, id, "seen", &err),
				 ERR_CONSTRAINT);
	}
	/* going on: raised, with its messages */
	assert_true(in_items(f, CARDIFF_SW, now, -1, "C07"));
	/* the exploitation alert of C03 is history ... */
	assert_false(in_items(f, CARDIFF_SW, now, -1, "C03"));
	assert_true(in_items(f, CARDIFF_SW, now, ALERT_HISTORICAL, "C03"));
	id = alert_of(f, "exploitation", "C03", &st);
	assert_int_equal(st, ALERT_HISTORICAL);
	assert_int_equal(messages_of(f, id), 0);
	/* ... until a new concern within the horizon: raised then, told */
	add_episode_x(f, "C03", "W0000001", at("2019-06-28T21:00Z"),
		      at("2019-06-29T09:00Z"), true);
	sum = run(f, now);
	assert_true(sum.raised >= 1);
	assert_true(in_items(f, CARDIFF_SW, now, -1, "C03"));
	assert_int_equal(alert_of(f, "exploitation", "C03", &st), id);
	assert_int_equal(st, ALERT_OPEN);
	/* to the council and the police of the home's area (Cardiff:
	 * South Wales), once each */
	assert_int_equal(messages_of(f, id), 2);
	/* idempotent: nothing more */
	sum = run(f, now);
	assert_int_equal(sum.raised, 0);
	assert_int_equal(sum.historical, 0);
	assert_int_equal(sum.messages, 0);
	assert_true(sum.historical_now >= 1);
}

static void test_items(void **state)
{
	struct fixture *f = *state;
	int64_t now = at("2019-07-01T12:00Z");
	struct alert_item_page *pg = xcalloc(1, sizeof(*pg));
	struct alert_filter fl;
	struct err err = ERR_INIT;
	struct viewer v = view(f, CARDIFF_SW, now);
	long before, n, children = 0;
	int64_t c07 = 0;

	/* every alert Cardiff receives, grouped: one item per child */
	memset(&fl, 0, sizeof(fl));
	fl.state = ALERT_NSTATES;
	fl.page_size = STORE_PAGE_MAX;
	assert_int_equal(alerts_items_list(f->s, &v, &fl, pg, &err), 0);
	assert_true(pg->n >= 3);
	assert_int_equal((long)pg->n, pg->total);
	for (size_t i = 0; i < pg->n; i++) {
		const struct alert_item *it = &pg->items[i];

		assert_true(it->n >= 1);
		assert_true(it->nall >= (long)it->n);
		if (it->ref[0])
			children++;
		/* one item per child: its reasons are all about it */
		for (size_t k = it->first; k < it->first + it->n; k++) {
			assert_string_equal(pg->reasons[k].ref, it->ref);
			if (k > it->first) {
				const struct alert_row *a = &pg->reasons[k - 1],
						       *b = &pg->reasons[k];

				assert_true(a->severity >= b->severity);
				if (a->severity == b->severity && b->due_at)
					assert_true(a->due_at && a->due_at <=
						    b->due_at);
			}
		}
		/* no child twice */
		for (size_t j = 0; j < i; j++)
			assert_true(strcmp(pg->items[j].ref, it->ref) ||
				    !it->ref[0]);
		/* most urgent first */
		if (i) {
			const struct alert_item *p = &pg->items[i - 1];

			assert_true(p->severity >= it->severity);
			if (p->severity == it->severity && it->due_at)
				assert_true(p->due_at && p->due_at <=
					    it->due_at);
		}
		if (!strcmp(it->ref, "C07"))
			c07 = pg->reasons[it->first].id;
	}
	assert_true(children >= 3);
	/* C07, missing now for four months: urgent, first */
	assert_string_equal(pg->items[0].ref, "C07");
	assert_int_equal(pg->items[0].severity, ALERT_SEV_URGENT);
	assert_true(c07 > 0);
	alert_item_page_release(pg);

	/* filters: by child, by rule, by home */
	fl.la = CARDIFF;
	fl.ref = "C07";
	assert_int_equal(alerts_items_list(f->s, &v, &fl, pg, &err), 0);
	assert_int_equal(pg->total, 1);
	alert_item_page_release(pg);
	fl.la = NULL;
	fl.ref = NULL;
	fl.rule = "exploitation";
	assert_int_equal(alerts_items_list(f->s, &v, &fl, pg, &err), 0);
	assert_int_equal(pg->total, 1);
	assert_string_equal(pg->items[0].ref, "C03");
	alert_item_page_release(pg);
	fl.rule = NULL;
	fl.home = "W0000002";
	assert_int_equal(alerts_items_list(f->s, &v, &fl, pg, &err), 0);
	for (size_t i = 0; i < pg->nreasons; i++)
		assert_string_equal(pg->reasons[i].home_urn, "W0000002");
	assert_string_equal(pg->reasons[0].home_name, "Bryn Dau");
	assert_string_equal(pg->reasons[0].home_area_en, "Swansea");
	assert_string_equal(pg->reasons[0].la_cy, "Caerdydd");
	alert_item_page_release(pg);

	/* another council's social worker: none of these */
	v = view(f, SWANSEA_SW, now);
	fl.home = NULL;
	assert_int_equal(alerts_items_list(f->s, &v, &fl, pg, &err), 0);
	assert_int_equal(pg->total, 0);
	alert_item_page_release(pg);
	v = view(f, ANALYST, now);
	assert_int_equal(alerts_items_list(f->s, &v, &fl, pg, &err),
			 ERR_DENIED);
	err_clear(&err);
	assert_int_equal(alerts_items_count(f->s, &v, &fl, &n, &err),
			 ERR_DENIED);
	err_clear(&err);

	/* acknowledging all of C07's open alerts at once */
	v = view(f, CARDIFF_SW, now);
	fl.state = ALERT_OPEN;
	fl.la = CARDIFF;
	fl.ref = "C07";
	assert_int_equal(alerts_items_list(f->s, &v, &fl, pg, &err), 0);
	before = pg->items[0].nall;
	alert_item_page_release(pg);
	assert_true(before >= 1);
	assert_int_equal(alerts_ack_item(f->s, &v, c07, "strategy meeting "
					 "booked", &n, &err), 0);
	assert_int_equal(n, before);
	assert_int_equal(alerts_items_count(f->s, &v, &fl, &n, &err), 0);
	assert_int_equal(n, 0);
	/* each answer told and audited per alert */
	assert_true(outbox_count(f, ORG_COUNCIL, CARDIFF, "acknowledged") >=
		    before);
	/* nothing left open: acknowledging all again acknowledges none */
	assert_int_equal(alerts_ack_item(f->s, &v, c07, "again", &n, &err), 0);
	assert_int_equal(n, 0);
	free(pg);
}

static void test_signature(void **state)
{
	char sig[ALERTS_SIGNATURE_MAX];

	(void)state;
	/* HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog") */
	alerts_sign("key", "The quick brown fox jumps over the lazy dog", 43,
		    sig);
	assert_string_equal(sig, "sha256=f7bc83f430538424b13298e6aa6fb143ef4d"
				 "59a14946175997479dbc2d1a3cd8");
	assert_int_equal(alerts_retry_delay(1), 60000);
	assert_int_equal(alerts_retry_delay(2), 120000);
	assert_int_equal(alerts_retry_delay(3), 240000);
	assert_int_equal(alerts_retry_delay(30), 3600000);
}

/* An alert whose child the reader may not open says so, in both
 * languages, with no home (issue 10, item 3). */
static void test_unnamed_words(void **state)
{
	struct alert_row *row = xcalloc(1, sizeof(*row));
	struct alert_text t;
	char who[ALERT_TEXT_MAX];

	(void)state;
	snprintf(row->rule, sizeof(row->rule), "repeat-missing");
	row->state = ALERT_OPEN;
	row->child_id = 4;
	snprintf(row->la, sizeof(row->la), "W06000015");
	snprintf(row->la_en, sizeof(row->la_en), "Cardiff");
	snprintf(row->la_cy, sizeof(row->la_cy), "Caerdydd");
	snprintf(row->ref, sizeof(row->ref), "C01");
	snprintf(row->home_name, sizeof(row->home_name), "Bryn Dau");
	snprintf(row->home_area_en, sizeof(row->home_area_en), "Swansea");
	alert_text(row, at("2019-04-07T12:00"), false, &t);
	assert_string_equal(t.where,
			    "Bryn Dau, Swansea; looked after by Cardiff Council");
	/* unnamed: even a home left in the row is not said */
	row->unnamed = true;
	row->ref[0] = '\0';
	alert_text(row, at("2019-04-07T12:00"), false, &t);
	assert_string_equal(t.where, "A child looked after by Cardiff Council");
	assert_non_null(strstr(t.todo, "Cardiff Council, which looks after the "
				       "child, leads on this"));
	alert_text(row, at("2019-04-07T12:00"), true, &t);
	assert_string_equal(t.where, "Plentyn yng ngofal Cyngor Caerdydd");
	assert_non_null(strstr(t.todo, "Ni allwch agor cofnod y plentyn hwn."));
	alert_unnamed_text(row, true, who, sizeof(who));
	assert_string_equal(who, "Plentyn yng ngofal Cyngor Caerdydd");
	/* once answered there is nothing for it to do either */
	row->state = ALERT_RESOLVED;
	alert_text(row, at("2019-04-07T12:00"), false, &t);
	assert_string_equal(t.todo, "Nothing more to do: it has been resolved.");
	free(row);
}

/*
 * Every alert a viewer lists names its child only if the viewer may open
 * the child's record (the store's rule); an unnamed one keeps no
 * reference, key, home or note (issue 10, item 3).
 */
static void test_naming(void **state)
{
	struct fixture *f = *state;
	int64_t now = at("2019-04-06T12:00");
	struct alert_page *page = xmalloc(sizeof(*page));
	struct alert_filter all = { NULL, ALERT_NSTATES, NULL, 0, 100, NULL, NULL };
	struct err err = ERR_INIT;
	long named = 0, unnamed = 0;

	run(f, now);
	for (int w = 0; w < NWHO; w++) {
		struct viewer v = view(f, (enum who)w, now);

		if (alerts_list(f->s, &v, &all, page, &err)) {
			err_clear(&err);
			continue;	/* analysts: none */
		}
		for (size_t i = 0; i < page->n; i++) {
			const struct alert_row *r = &page->rows[i];
			bool yes = false;

			if (!r->child_id)
				continue;
			if (r->unnamed) {
				unnamed++;
				assert_string_equal(r->ref, "");
				assert_string_equal(r->key, "");
				assert_string_equal(r->home_name, "");
				assert_string_equal(r->ack_note, "");
				assert_string_not_equal(r->la, "");
				continue;
			}
			named++;
			assert_int_equal(store_child_in_scope(f->s, &v, r->la,
							      r->ref, &yes,
							      &err), 0);
			if (!yes)
				fail_msg("%s told of %s/%s, which it may not "
					 "open", f->u[w].email, r->la, r->ref);
		}
	}
	/* both kinds: the police are told of children no longer missing */
	assert_true(named > 0);
	assert_true(unnamed > 0);
	free(page);
}

/* ---- the quality of care over a store ------------------------------------------ */

/* Does w see the alert of rule and key in its live list (alerts_list())?
 * ERR_DENIED: -1. */
static int sees(struct fixture *f, enum who w, int64_t now, const char *rule,
		const char *key)
{
	struct alert_page *pg = xcalloc(1, sizeof(*pg));
	struct alert_filter fl;
	struct err err = ERR_INIT;
	struct viewer v = view(f, w, now);
	int found = 0, rc;

	memset(&fl, 0, sizeof(fl));
	fl.state = -1;
	fl.rule = rule;
	fl.page_size = STORE_PAGE_MAX;
	rc = alerts_list(f->s, &v, &fl, pg, &err);
	if (rc == ERR_DENIED)
		found = -1;
	else if (rc)
		fail_msg("list: %s", err_text(&err));
	for (size_t i = 0; i < pg->n; i++)
		if (!strcmp(pg->rows[i].key, key))
			found = 1;
	free(pg);
	return found;
}

/* The item w's list makes of alert id (about neither a child nor a
 * home: an item alone); false if none. */
static bool item_alone(struct fixture *f, enum who w, int64_t now, int64_t id)
{
	struct alert_item_page *pg = xcalloc(1, sizeof(*pg));
	struct alert_filter fl;
	struct err err = ERR_INIT;
	struct viewer v = view(f, w, now);
	bool found = false;

	memset(&fl, 0, sizeof(fl));
	fl.state = -1;
	fl.page_size = STORE_PAGE_MAX;
	if (alerts_items_list(f->s, &v, &fl, pg, &err))
		fail_msg("items: %s", err_text(&err));
	for (size_t i = 0; i < pg->n; i++) {
		const struct alert_item *it = &pg->items[i];

		if (it->alert_id == id && !it->child_id && !it->urn[0] &&
		    it->n == 1 && pg->reasons[it->first].id == id)
			found = true;
	}
	alert_item_page_release(pg);
	free(pg);
	return found;
}

/* The id of Cardiff's child ref. */
static int64_t child_of_ref(struct fixture *f, const char *ref)
{
	struct alert_snapshot snap = ALERT_SNAPSHOT_INIT;
	struct err err = ERR_INIT;
	int64_t child = 0;

	assert_int_equal(store_alert_snapshot_load(f->s, NULL, 0, &snap,
						   &err), 0);
	for (size_t i = 0; i < snap.nchildren; i++)
		if (!strcmp(snap.children[i].ref, ref))
			child = snap.children[i].id;
	alert_snapshot_release(&snap);
	assert_true(child > 0);
	return child;
}

static void test_quality_engine(void **state)
{
	struct fixture *f = *state;
	int64_t now = at("2019-06-10T12:00"), id, pan, poor, act, hb_upd;
	struct err err = ERR_INIT;
	struct q_inspection in;
	struct q_finding fd;
	struct rec r;
	struct rec_addressee ad[3];
	struct rec_action ac;
	struct alerts_summary sum;
	enum alert_state st;
	char key[ALERT_KEY_MAX + 1];

	/* Bryn Dau (W0000002, Swansea, The Meadow Trust), where Cardiff
	 * places C01: inspected on 1 March, Care and support Poor, with a
	 * notice due by 1 May */
	q_inspection_init(&in);
	snprintf(in.urn, sizeof(in.urn), "W0000002");
	in.start_on = in.end_on = day("01/03/2019");
	in.type = Q_FULL;
	snprintf(in.inspectors, sizeof(in.inspectors), "A Inspector");
	for (int t = 0; t < Q_NTHEMES; t++)
		in.rating[t] = Q_GOOD;
	in.rating[Q_CARE_SUPPORT] = Q_POOR;
	snprintf(in.summary, sizeof(in.summary), "Care plans not followed.");
	in.recorded_at = at("2019-03-05T10:00");
	snprintf(in.recorded_by, sizeof(in.recorded_by), "insp@example.org");
	q_finding_init(&fd);
	fd.kind = Q_PRIORITY_ACTION_NOTICE;
	snprintf(fd.regulation, sizeof(fd.regulation), "reg 21");
	snprintf(fd.text, sizeof(fd.text), "Follow the care plans.");
	fd.due_on = day("01/05/2019");
	assert_int_equal(store_inspection_add(f->s, NULL, &in, &fd, 1, &err),
			 0);
	/* a recommendation made on 1 January to the Cardiff and Vale health
	 * board, Cardiff and The Meadow Trust's organisation */
	rec_init(&r);
	snprintf(r.code, sizeof(r.code), "NR2019-9");
	r.source = REC_NATIONAL_REVIEW;
	snprintf(r.source_title, sizeof(r.source_title), "The review");
	r.made_on = day("01/01/2019");
	snprintf(r.theme, sizeof(r.theme), "%s", rec_themes[0].code);
	snprintf(r.text_en, sizeof(r.text_en), "Work together.");
	snprintf(r.text_cy, sizeof(r.text_cy), "Cydweithio.");
	memset(ad, 0, sizeof(ad));
	ad[0].kind = ORG_HEALTH_BOARD;
	snprintf(ad[0].code, sizeof(ad[0].code), "7A4");
	ad[1].kind = ORG_COUNCIL;
	snprintf(ad[1].code, sizeof(ad[1].code), CARDIFF);
	ad[2].kind = ORG_PROVIDER;
	snprintf(ad[2].code, sizeof(ad[2].code), "meadow");
	for (int k = 0; k < 3; k++)
		ad[k].verdict_on = DATE_NONE;
	assert_int_equal(store_rec_add(f->s, NULL, &r, ad, 3, NULL, 0, &err),
			 0);
	assert_true(ad[0].id > 0 && ad[2].id > 0);
	rec_action_init(&ac);
	ac.addressee_id = ad[0].id;
	snprintf(ac.what, sizeof(ac.what), "A joint protocol");
	snprintf(ac.who, sizeof(ac.who), "Director of nursing");
	ac.target_on = day("31/05/2019");
	ac.recorded_at = at("2019-02-01T10:00");
	snprintf(ac.recorded_by, sizeof(ac.recorded_by), "a@cav.example");
	assert_int_equal(store_rec_action_add(f->s, NULL, &ac, &err), 0);

	sum = run(f, now);
	assert_true(sum.raised >= 6);
	/* the notice: the provider and the inspectorate */
	snprintf(key, sizeof(key), "finding:%lld", (long long)fd.id);
	pan = alert_id(f, "pan-overdue", key, &st);
	assert_true(pan > 0);
	assert_int_equal(st, ALERT_OPEN);
	assert_int_equal(recipients(f, pan), 2);
	assert_int_equal(sees(f, MEADOW, now, "pan-overdue", key), 1);
	assert_int_equal(sees(f, INSPECTOR, now, "pan-overdue", key), 1);
	assert_int_equal(sees(f, CARDIFF_SW, now, "pan-overdue", key), 0);
	assert_true(outbox_count(f, ORG_PROVIDER, "The Meadow Trust", "raised")
		    >= 1);
	/* the Poor rating: Cardiff, which places C01 there, only */
	poor = alert_id(f, "poor-home-unviewed", "home-poor:W0000002:"
			CARDIFF, &st);
	assert_true(poor > 0);
	assert_int_equal(recipients(f, poor), 1);
	assert_int_equal(sees(f, CARDIFF_SW, now, "poor-home-unviewed",
			      "home-poor:W0000002:" CARDIFF), 1);
	assert_int_equal(sees(f, SWANSEA_SW, now, "poor-home-unviewed",
			      "home-poor:W0000002:" CARDIFF), 0);
	assert_int_equal(sees(f, MEADOW, now, "poor-home-unviewed",
			      "home-poor:W0000002:" CARDIFF), 0);
	/* the action past its date: the health board, whose analysts see
	 * it (and no other alert: its list is the board's) */
	snprintf(key, sizeof(key), "rec-action:%lld", (long long)ac.id);
	act = alert_id(f, "rec-action-overdue", key, &st);
	assert_true(act > 0);
	assert_int_equal(recipients(f, act), 1);
	assert_int_equal(sees(f, HEALTH, now, "rec-action-overdue", key), 1);
	assert_int_equal(sees(f, CARDIFF_SW, now, "rec-action-overdue", key),
			 0);
	assert_int_equal(sees(f, HEALTH, now, "ri-72h", "episode:1"), 0);
	assert_true(outbox_count(f, ORG_HEALTH_BOARD, "7A4", "raised") >= 1);
	assert_true(item_alone(f, HEALTH, now, act));
	/* no update since 1 January, each addressee to itself: the
	 * provider's organisation as the register provider it names */
	snprintf(key, sizeof(key), "rec-addressee:%lld", (long long)ad[0].id);
	hb_upd = alert_id(f, "rec-no-update", key, NULL);
	assert_true(hb_upd > 0);
	assert_int_equal(sees(f, HEALTH, now, "rec-no-update", key), 1);
	snprintf(key, sizeof(key), "rec-addressee:%lld", (long long)ad[2].id);
	assert_int_equal(sees(f, MEADOW, now, "rec-no-update", key), 1);
	assert_int_equal(sees(f, CARDIFF_SW, now, "rec-no-update", key), 0);
	snprintf(key, sizeof(key), "rec-addressee:%lld", (long long)ad[1].id);
	assert_int_equal(sees(f, CARDIFF_SW, now, "rec-no-update", key), 1);
	/* other analysts still see none */
	assert_int_equal(sees(f, ANALYST, now, "rec-no-update", key), -1);

	/* idempotent */
	sum = run(f, now);
	assert_int_equal(sum.raised, 0);
	assert_int_equal(sum.messages, 0);
	/* a one-child run leaves them be (C01 is placed at Bryn Dau) */
	id = child_of_ref(f, "C01");
	assert_int_equal(alerts_evaluate_child(f->s, id, now + 1, &err), 0);
	assert_int_equal(alert_id(f, "pan-overdue", "finding:0", NULL), 0);
	alert_id(f, "poor-home-unviewed", "home-poor:W0000002:" CARDIFF, &st);
	assert_int_equal(st, ALERT_OPEN);
	snprintf(key, sizeof(key), "finding:%lld", (long long)fd.id);
	alert_id(f, "pan-overdue", key, &st);
	assert_int_equal(st, ALERT_OPEN);

	/* Cardiff views the record: cleared at the next run */
	assert_int_equal(store_home_viewed(f->s, ORG_COUNCIL, CARDIFF,
					   "W0000002", now + 2, &err), 0);
	sum = run(f, now + 3);
	alert_id(f, "poor-home-unviewed", "home-poor:W0000002:" CARDIFF, &st);
	assert_int_equal(st, ALERT_CLEARED);
	assert_true(outbox_count(f, ORG_COUNCIL, CARDIFF, "cleared") >= 1);

	/* a week unanswered: the notice escalates to the inspectorate */
	sum = run(f, now + 168 * MS_PER_HOUR);
	assert_true(sum.escalated >= 1);
	snprintf(key, sizeof(key), "finding:%lld", (long long)fd.id);
	assert_int_equal(sees(f, INSPECTOR, now, "pan-overdue", key), 1);
	assert_true(outbox_count(f, ORG_INSPECTORATE, "CIW", "escalated") >=
		    1);

	/* the notice met at a re-inspection: cleared */
	assert_int_equal(store_finding_judge(f->s, NULL, fd.id, Q_MET,
					     day("20/06/2019"), 0, &err), 0);
	run(f, at("2019-06-21T12:00"));
	alert_id(f, "pan-overdue", key, &st);
	assert_int_equal(st, ALERT_CLEARED);
	/* the action done: cleared */
	assert_int_equal(store_rec_action_done(f->s, NULL, ac.id,
					       day("20/06/2019"), &err), 0);
	run(f, at("2019-06-21T12:00"));
	assert_true(alert_id(f, "rec-action-overdue", "rec-action:0", NULL) ==
		    0);
	snprintf(key, sizeof(key), "rec-action:%lld", (long long)ac.id);
	alert_id(f, "rec-action-overdue", key, &st);
	assert_int_equal(st, ALERT_CLEARED);
	(void)hb_upd;
}

int main(void)
{
	const struct CMUnitTest pure[] = {
		cmocka_unit_test(test_rules_table),
		cmocka_unit_test(test_ri_72h),
		cmocka_unit_test(test_repeat_missing),
		cmocka_unit_test(test_long_or_high_risk),
		cmocka_unit_test(test_exploitation),
		cmocka_unit_test(test_criminalisation),
		cmocka_unit_test(test_stability),
		cmocka_unit_test(test_home_rate),
		cmocka_unit_test(test_pan_overdue),
		cmocka_unit_test(test_rec_action_overdue),
		cmocka_unit_test(test_rec_no_update),
		cmocka_unit_test(test_poor_home),
		cmocka_unit_test(test_quality_words),
		cmocka_unit_test(test_horizon),
		cmocka_unit_test(test_severity_due),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_unnamed_words),
		cmocka_unit_test(test_signature),
	};
	const struct CMUnitTest store[] = {
		cmocka_unit_test(test_engine),
		cmocka_unit_test(test_clear_and_reopen),
		cmocka_unit_test(test_answers),
		cmocka_unit_test(test_one_child),
		cmocka_unit_test(test_params),
		cmocka_unit_test(test_historical),
		cmocka_unit_test(test_items),
		cmocka_unit_test(test_naming),
		cmocka_unit_test(test_quality_engine),
	};
	int rc = cmocka_run_group_tests_name("alert rules", pure, NULL, NULL);

	return rc | cmocka_run_group_tests_name("alerts engine", store, setup,
						teardown);
}
