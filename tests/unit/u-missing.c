/*
 * u-missing.c: missing from care, recorded live (domain/missing.h and
 * store.h's "missing from care, recorded live"; the rules are
 * docs/access.md, "Missing from care", and docs/missing.md).
 *
 * The store is u-scope.c's fixture: the register and Cardiff's 2018 and
 * 2019 returns of tests/data/review/boundaries.  C01 is placed today
 * (30/03/2019) at W2, The Meadow Trust's home in Swansea (South Wales
 * Police's area); C04 left Orchard's W1 on 31/03/2019; C02 is fostered.
 * The tests run in order on the one store: they walk episode 1 of C01
 * through report, grading, return and interview.
 */
#include "unit-people.h"
#include "auth/auth.h"
#include "base/uktime.h"
#include "domain/missing.h"
#include "domain/viewer.h"
#include "ingest/import.h"

#define CASE "tests/data/review/boundaries"
#define CARDIFF "W06000015"
#define SWANSEA "W06000011"
#define IP "192.0.2.9"
#define MS_PER_DAY 86400000LL
#define HOUR 3600000LL
#define NF ERR_NOT_FOUND
#define DN ERR_DENIED

enum who {
	INSPECTOR, ANALYST, CARDIFF_SW, SWANSEA_SW, ORCHARD, MEADOW,
	SOUTH_WALES, GWENT, NWHO
};

struct fixture {
	struct store *s;
	struct user u[NWHO];
	int64_t now;		/* 30/03/2019 23:00 */
	int64_t id;		/* episode 1 */
};

static int64_t at(const char *iso)
{
	int64_t ms;

	if (mfc_time_parse(iso, &ms))
		fail_msg("bad test time %s", iso);
	return ms;
}

/* ---- the domain ----------------------------------------------------------- */

static void test_codes(void **state)
{
	enum mfc_grade g = MFC_GRADE_UNSET;
	enum mfc_outcome o = MFC_OUTCOME_UNSET;
	char kind[2];

	(void)state;
	assert_int_equal(mfc_grade_parse("HIGH", &g), 0);
	assert_int_equal(g, MFC_GRADE_HIGH);
	assert_int_equal(mfc_grade_parse("no apparent risk", &g), 0);
	assert_int_equal(g, MFC_GRADE_NONE);
	assert_int_equal(mfc_grade_parse("", &g), 0);
	assert_int_equal(g, MFC_GRADE_UNSET);
	assert_int_equal(mfc_grade_parse("severe", &g), ERR_INVALID);
	assert_string_equal(mfc_grade_name(MFC_GRADE_MEDIUM), "medium");
	assert_int_equal(mfc_outcome_parse("declined", &o), 0);
	assert_int_equal(o, MFC_OUTCOME_DECLINED);
	assert_int_equal(mfc_outcome_parse("maybe", &o), ERR_INVALID);
	assert_int_equal(mfc_kind_parse("away", kind), 0);
	assert_string_equal(kind, "A");
	assert_int_equal(mfc_kind_parse("X", kind), ERR_INVALID);
}

static void test_times(void **state)
{
	char t[MFC_TIME_STR];
	int64_t ms;

	(void)state;
	assert_int_equal(mfc_time_parse("2019-03-30T21:15", &ms), 0);
	mfc_time_fmt(ms, t);
	assert_string_equal(t, "2019-03-30T21:15:00.000Z");
	assert_int_equal(mfc_time_parse("2019-03-30 21:15:07.250Z", &ms), 0);
	mfc_time_fmt(ms, t);
	assert_string_equal(t, "2019-03-30T21:15:07.250Z");
	assert_int_equal(mfc_time_parse("2019-02-30T21:15", &ms), ERR_INVALID);
	assert_int_equal(mfc_time_parse("2019-03-30T24:00", &ms), ERR_INVALID);
	assert_int_equal(mfc_time_parse("2019-03-30", &ms), ERR_INVALID);
	assert_int_equal(mfc_time_parse("2019-03-30T21:15+01", &ms),
			 ERR_INVALID);
	assert_int_equal(mfc_time_parse("", &ms), ERR_INVALID);
	mfc_time_fmt(0, t);
	assert_string_equal(t, "");
}

static void check_fails(const struct mfc_episode *e, int64_t now,
			const char *field, const char *rule)
{
	struct mfc_problem p = { NULL, NULL };
	struct err err = ERR_INIT;

	assert_int_equal(mfc_episode_check(e, now, &p, &err), ERR_INVALID);
	assert_string_equal(p.field, field);
	assert_string_equal(p.rule, rule);
}

static void test_check(void **state)
{
	int64_t now = at("2019-03-30T23:00");
	struct mfc_episode e;
	struct err err = ERR_INIT;
	char big[MFC_TEXT_MAX + 2];

	(void)state;
	mfc_episode_init(&e);
	check_fails(&e, now, "KIND", "mfc-kind");
	e.kind[0] = 'M';
	check_fails(&e, now, "STARTED_AT", "mfc-required");
	e.started_at = at("2019-03-30T21:00");
	assert_int_equal(mfc_episode_check(&e, now, NULL, &err), 0);
	/* the clock skew: five minutes ahead is accepted, not six */
	e.started_at = now + 5 * 60000;
	assert_int_equal(mfc_episode_check(&e, now, NULL, &err), 0);
	e.started_at = now + 6 * 60000;
	check_fails(&e, now, "STARTED_AT", "mfc-future");
	e.started_at = at("2019-03-30T21:00");
	e.last_seen_at = e.started_at + 1;
	check_fails(&e, now, "LAST_SEEN_AT", "mfc-order");
	e.last_seen_at = e.started_at;		/* equal is fine */
	assert_int_equal(mfc_episode_check(&e, now, NULL, &err), 0);
	e.returned_at = e.started_at - 1;
	check_fails(&e, now, "RETURNED_AT", "mfc-order");
	e.returned_at = 0;
	e.ri_held_at = e.started_at;
	check_fails(&e, now, "RI_HELD_AT", "mfc-not-returned");
	e.returned_at = at("2019-03-30T22:00");
	e.ri_held_at = e.returned_at - 1;
	check_fails(&e, now, "RI_HELD_AT", "mfc-order");
	e.ri_held_at = e.returned_at;
	assert_int_equal(mfc_episode_check(&e, now, NULL, &err), 0);
	e.ri_outcome = MFC_OUTCOME_DECLINED;
	check_fails(&e, now, "RI_OUTCOME", "mfc-declined-held");
	e.ri_held_at = 0;
	assert_int_equal(mfc_episode_check(&e, now, NULL, &err), 0);
	e.circumstances[0] = '\x01';
	check_fails(&e, now, "CIRCUMSTANCES", "mfc-text");
	e.circumstances[0] = '\0';

	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(mfc_text_set(e.circumstances,
				      sizeof(e.circumstances), big, "x",
				      &err), ERR_TOO_LARGE);
	big[MFC_TEXT_MAX] = '\0';
	assert_int_equal(mfc_text_set(e.circumstances,
				      sizeof(e.circumstances), big, "x",
				      &err), 0);
	assert_int_equal(mfc_text_set(e.circumstances,
				      sizeof(e.circumstances), "caf\xc3", "x",
				      &err), ERR_INVALID);
	assert_int_equal(mfc_text_set(e.circumstances,
				      sizeof(e.circumstances), "line\none",
				      "x", &err), 0);
	/* issue 10, item 10: base/utf8.h's rule, as every import has it */
	static const char *const refused[] = {
		"a surrogate \xED\xA0\x80", "overlong \xC0\xAF",
		"overlong \xE0\x80\xAF", "above U+10FFFF \xF4\x90\x80\x80",
		"override \xE2\x80\xAE", "isolate \xE2\x81\xA6",
		"C1 \xC2\x9B", "escape \x1B[2J",
	};
	for (size_t i = 0; i < ARRAY_SIZE(refused); i++)
		if (mfc_text_set(e.circumstances, sizeof(e.circumstances),
				 refused[i], "x", &err) != ERR_INVALID)
			fail_msg("accepted: %s", refused[i]);
	assert_int_equal(mfc_text_set(e.circumstances,
				      sizeof(e.circumstances),
				      "T\xC5\xB7 \xF0\x9F\x98\x80\ttab",
				      "x", &err), 0);
}

/* ---- the store ------------------------------------------------------------ */

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
	int64_t ciw;
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
	if (!rc && d.n) {
		diags_print(&d, stderr, 20);
		rc = -1;
	}
	diags_release(&d);
	if (rc) {
		fprintf(stderr, "u-missing setup: %s\n", err_text(&err));
		return -1;
	}
	ciw = unit_org(f.s, ORG_INSPECTORATE, "CIW", NULL);
	add_user(&f, INSPECTOR, "insp@example.org", ROLE_INSPECTOR, ciw);
	add_user(&f, ANALYST, "analyst@example.org", ROLE_ANALYST, ciw);
	add_user(&f, CARDIFF_SW, "sw@cardiff.example",
		 ROLE_COUNCIL_SOCIAL_WORKER,
		 unit_org(f.s, ORG_COUNCIL, CARDIFF, NULL));
	add_user(&f, SWANSEA_SW, "sw@swansea.example",
		 ROLE_COUNCIL_SOCIAL_WORKER,
		 unit_org(f.s, ORG_COUNCIL, SWANSEA, NULL));
	add_user(&f, ORCHARD, "mgr@orchard.example", ROLE_HOME_MANAGER,
		 unit_org(f.s, ORG_PROVIDER, "orchard", "Orchard Care Ltd"));
	add_user(&f, MEADOW, "mgr@meadow.example", ROLE_HOME_MANAGER,
		 unit_org(f.s, ORG_PROVIDER, "meadow", "The Meadow Trust"));
	add_user(&f, SOUTH_WALES, "mc@south-wales.example",
		 ROLE_POLICE_MISSING_COORDINATOR,
		 unit_org(f.s, ORG_POLICE, "south-wales", NULL));
	add_user(&f, GWENT, "mc@gwent.example",
		 ROLE_POLICE_MISSING_COORDINATOR,
		 unit_org(f.s, ORG_POLICE, "gwent", NULL));
	f.now = at("2019-03-30T23:00");
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	store_close(f->s);
	return 0;
}

static struct viewer view_at(struct fixture *f, enum who w, int64_t now)
{
	struct err err = ERR_INIT;
	struct viewer v;

	if (viewer_from_user(f->s, &f->u[w], IP, now, &v, &err))
		fail_msg("viewer %d: %s", (int)w, err_text(&err));
	return v;
}

static struct viewer view(struct fixture *f, enum who w)
{
	return view_at(f, w, f->now);
}

struct acount {
	const char *action;
	long n;
};

static int acount_row(const struct audit_row *r, void *ctx)
{
	struct acount *c = ctx;

	if (!c->action || !strcmp(r->action, c->action))
		c->n++;
	return 0;
}

static long audit_count(struct store *s, const char *action,
			const char *kind, const char *id)
{
	struct audit_query q = { kind, id, 0, 0, 1000 };
	struct acount c = { action, 0 };
	struct err err = ERR_INIT;

	if (store_audit_list(s, &q, acount_row, &c, &err))
		fail_msg("audit list: %s", err_text(&err));
	return c.n;
}

static int report(struct fixture *f, enum who w, const char *ref,
		  int64_t started, struct mfc_episode *e)
{
	struct viewer v = view(f, w);
	struct err err = ERR_INIT;

	mfc_episode_init(e);
	snprintf(e->la, sizeof(e->la), "%s", CARDIFF);
	snprintf(e->ref, sizeof(e->ref), "%s", ref);
	e->kind[0] = 'M';
	e->started_at = started;
	e->exploitation = true;
	snprintf(e->circumstances, sizeof(e->circumstances), "%s", "did not come back from college");
	return store_mfc_report(f->s, &v, e, &err);
}

static void test_report(void **state)
{
	struct fixture *f = *state;
	struct mfc_episode e;
	int64_t start = at("2019-03-30T21:15");
	long before;

	/* only the home reports, and only a child placed at its homes */
	assert_int_equal(report(f, CARDIFF_SW, "C01", start, &e), DN);
	assert_int_equal(report(f, SOUTH_WALES, "C01", start, &e), DN);
	assert_int_equal(report(f, INSPECTOR, "C01", start, &e), DN);
	assert_int_equal(report(f, ANALYST, "C01", start, &e), DN);
	assert_int_equal(report(f, ORCHARD, "C01", start, &e), NF);
	assert_int_equal(report(f, MEADOW, "C02", start, &e), NF);
	assert_int_equal(report(f, MEADOW, "C99", start, &e), NF);
	/* C04 left Orchard's home on 31/03/2019: still placed today */
	assert_int_equal(report(f, MEADOW, "C04", start, &e), NF);
	/* invalid input writes nothing */
	before = audit_count(f->s, "change", "child", CARDIFF "/C01");
	assert_int_equal(report(f, MEADOW, "C01", f->now + HOUR, &e),
			 ERR_INVALID);
	assert_int_equal(audit_count(f->s, "change", "child", CARDIFF "/C01"),
			 before);
	assert_int_equal(report(f, MEADOW, "C01", start, &e), 0);
	assert_true(e.id > 0);
	assert_string_equal(e.urn, "W0000002");
	f->id = e.id;
	assert_int_equal(audit_count(f->s, "change", "child", CARDIFF "/C01"),
			 before + 1);
	/* one open episode per child */
	assert_int_equal(report(f, MEADOW, "C01", start + HOUR / 2, &e),
			 ERR_EXISTS);
	assert_int_equal(audit_count(f->s, "change", "child", CARDIFF "/C01"),
			 before + 1);
}

static int get(struct fixture *f, enum who w, int64_t id,
	       struct mfc_episode *e)
{
	struct viewer v = view(f, w);
	struct err err = ERR_INIT;

	return store_mfc_get(f->s, &v, id, e, &err);
}

static void test_read_scope(void **state)
{
	static const struct { enum who w; int rc; } expect[] = {
		{ INSPECTOR, 0 }, { ANALYST, DN }, { CARDIFF_SW, 0 },
		{ SWANSEA_SW, NF }, { ORCHARD, NF }, { MEADOW, 0 },
		{ SOUTH_WALES, 0 }, { GWENT, NF },
	};
	struct fixture *f = *state;
	struct mfc_episode e;

	for (size_t i = 0; i < ARRAY_SIZE(expect); i++) {
		assert_int_equal(get(f, expect[i].w, f->id, &e),
				 expect[i].rc);
		if (!expect[i].rc) {
			assert_string_equal(e.ref, "C01");
			assert_true(e.exploitation);
			assert_int_equal(e.age, 12);
		} else {
			assert_string_equal(e.ref, "");
		}
	}
	/* an unknown episode is the same answer */
	assert_int_equal(get(f, CARDIFF_SW, 999, &e), NF);
	assert_int_equal(audit_count(f->s, "view-denied", "mfc-episode",
				     "999"), 1);
	assert_true(audit_count(f->s, "view-denied", "child",
				CARDIFF "/C01") >= 3);
}

static int change(struct fixture *f, enum who w, int op,
		  struct mfc_episode *e)
{
	struct viewer v = view(f, w);
	struct err err = ERR_INIT;

	switch (op) {
	case 1:
		return store_mfc_update_home(f->s, &v, e, NULL, &err);
	case 2:
		return store_mfc_police(f->s, &v, e, NULL, &err);
	case 3:
		return store_mfc_return(f->s, &v, e, NULL, &err);
	default:
		return store_mfc_interview(f->s, &v, e, NULL, &err);
	}
}

static void test_changes(void **state)
{
	struct fixture *f = *state;
	struct mfc_episode e;

	assert_int_equal(get(f, CARDIFF_SW, f->id, &e), 0);
	/* the home's fields: the home only */
	snprintf(e.home_actions, sizeof(e.home_actions), "%s", "searched the area");
	assert_int_equal(change(f, CARDIFF_SW, 1, &e), DN);
	assert_int_equal(change(f, SOUTH_WALES, 1, &e), DN);
	assert_int_equal(change(f, ORCHARD, 1, &e), NF);
	assert_int_equal(change(f, MEADOW, 1, &e), 0);
	/* the police's: the force of the area only */
	e.grade = MFC_GRADE_HIGH;
	snprintf(e.police_ref, sizeof(e.police_ref), "%s", "SWP-1");
	assert_int_equal(change(f, MEADOW, 2, &e), DN);
	assert_int_equal(change(f, CARDIFF_SW, 2, &e), DN);
	assert_int_equal(change(f, GWENT, 2, &e), NF);
	assert_int_equal(change(f, SOUTH_WALES, 2, &e), 0);
	/* the interview: the council, and only after the return */
	e.ri_offered_at = f->now;
	assert_int_equal(change(f, SOUTH_WALES, 4, &e), DN);
	assert_int_equal(change(f, SWANSEA_SW, 4, &e), NF);
	assert_int_equal(change(f, CARDIFF_SW, 4, &e), ERR_INVALID);
	e.ri_offered_at = 0;
	/* the return: police or home; not before the start */
	e.returned_at = e.started_at - 1;
	assert_int_equal(change(f, MEADOW, 3, &e), ERR_INVALID);
	e.returned_at = 0;
	assert_int_equal(change(f, MEADOW, 3, &e), ERR_INVALID);
	assert_int_equal(change(f, CARDIFF_SW, 3, &e), DN);
	assert_int_equal(get(f, MEADOW, f->id, &e), 0);
	assert_int_equal(e.grade, MFC_GRADE_HIGH);
	assert_string_equal(e.home_actions, "searched the area");
	assert_int_equal(e.returned_at, 0);
}

static int grab_get(struct fixture *f, enum who w, int64_t now)
{
	struct viewer v = view_at(f, w, now);
	struct grab_pack g;
	struct err err = ERR_INIT;

	return store_grab_pack_get(f->s, &v, CARDIFF, "C01", &g, &err);
}

static void test_grab_pack(void **state)
{
	struct fixture *f = *state;
	struct viewer v;
	struct grab_pack g;
	struct err err = ERR_INIT;
	int64_t child = 0;
	long police_views;

	memset(&g, 0, sizeof(g));
	snprintf(g.la, sizeof(g.la), "%s", CARDIFF);
	snprintf(g.ref, sizeof(g.ref), "%s", "C01");
	snprintf(g.description, sizeof(g.description), "%s", "slim, dark hair");
	snprintf(g.places, sizeof(g.places), "%s", "the marina");
	assert_int_equal(grab_get(f, MEADOW, f->now), NF);	/* none yet */
	v = view(f, CARDIFF_SW);
	assert_int_equal(store_grab_pack_put(f->s, &v, &g, NULL, &err), DN);
	v = view(f, ORCHARD);
	assert_int_equal(store_grab_pack_put(f->s, &v, &g, NULL, &err), NF);
	v = view(f, MEADOW);
	assert_int_equal(store_grab_pack_put(f->s, &v, &g, &child, &err), 0);
	assert_true(child > 0);
	assert_int_equal(grab_get(f, MEADOW, f->now), 0);
	assert_int_equal(grab_get(f, CARDIFF_SW, f->now), 0);
	assert_int_equal(grab_get(f, INSPECTOR, f->now), 0);
	assert_int_equal(grab_get(f, SWANSEA_SW, f->now), NF);
	assert_int_equal(grab_get(f, ORCHARD, f->now), NF);
	assert_int_equal(grab_get(f, ANALYST, f->now), DN);
	assert_int_equal(grab_get(f, GWENT, f->now), NF);
	/* the police while the child is missing, every read audited */
	police_views = audit_count(f->s, "view", "grab-pack", CARDIFF "/C01");
	assert_int_equal(grab_get(f, SOUTH_WALES, f->now), 0);
	assert_int_equal(audit_count(f->s, "view", "grab-pack",
				     CARDIFF "/C01"), police_views + 1);
}

static void test_return_and_after(void **state)
{
	struct fixture *f = *state;
	struct mfc_episode e;
	struct viewer v;
	struct err err = ERR_INIT;
	struct mfc_attention_page *p = malloc(sizeof(*p));
	struct mfc_filter all = { .page_size = STORE_PAGE_MAX };

	assert_non_null(p);
	v = view(f, SOUTH_WALES);
	assert_int_equal(store_mfc_attention(f->s, &v, &all, p, &err), 0);
	assert_int_equal(p->n, 1);
	assert_int_equal(p->rows[0].hours_missing, 1);
	assert_int_equal(p->rows[0].grade, MFC_GRADE_HIGH);
	v = view(f, GWENT);
	assert_int_equal(store_mfc_attention(f->s, &v, &all, p, &err), 0);
	assert_int_equal(p->n, 0);
	v = view(f, ANALYST);
	assert_int_equal(store_mfc_attention(f->s, &v, &all, p, &err), DN);

	assert_int_equal(get(f, SOUTH_WALES, f->id, &e), 0);
	e.returned_at = at("2019-03-30T22:40");
	snprintf(e.returned_place, sizeof(e.returned_place), "%s", "the marina");
	assert_int_equal(change(f, SOUTH_WALES, 3, &e), 0);
	/* after the return: not the police's grab pack any more */
	assert_int_equal(grab_get(f, SOUTH_WALES, f->now), NF);
	assert_int_equal(grab_get(f, MEADOW, f->now), 0);
	v = view(f, SOUTH_WALES);
	assert_int_equal(store_mfc_attention(f->s, &v, &all, p, &err), 0);
	assert_int_equal(p->n, 0);
	/* back, no interview yet: on the council's "interviews due" */
	{
		struct mfc_filter due = { .page_size = STORE_PAGE_MAX,
					  .due = MFC_DUE_INTERVIEW };
		struct mfc_episode h;

		due.since_ms = e.returned_at;
		v = view(f, CARDIFF_SW);
		assert_int_equal(store_mfc_attention(f->s, &v, &due, p, &err),
				 0);
		assert_int_equal(p->n, 1);
		assert_true(p->rows[0].returned_at == e.returned_at);
		due.since_ms = e.returned_at + 1;
		assert_int_equal(store_mfc_attention(f->s, &v, &due, p, &err),
				 0);
		assert_int_equal(p->n, 0);
		/* the home's report: due while a part of it is missing */
		due.due = MFC_DUE_REPORT;
		due.since_ms = e.started_at;
		v = view(f, MEADOW);
		assert_int_equal(get(f, MEADOW, f->id, &h), 0);
		assert_int_equal(store_mfc_attention(f->s, &v, &due, p, &err),
				 0);
		assert_int_equal(p->n, 1);
		assert_int_equal(p->rows[0].report_incomplete,
				 !h.last_seen_at || !h.circumstances[0] ||
					 !h.home_actions[0]);
		v = view(f, ORCHARD);
		assert_int_equal(store_mfc_attention(f->s, &v, &due, p, &err),
				 0);
		assert_int_equal(p->n, 0);
	}
	/* but the episode for 90 days after the return, not 91 (UK days:
	 * the clocks go forward in between) */
	assert_int_equal(get(f, SOUTH_WALES, f->id, &e), 0);
	v = view_at(f, SOUTH_WALES, uk_day_start(uk_day_of(f->now) + 90) +
				    23 * 3600000LL);
	assert_int_equal(store_mfc_get(f->s, &v, f->id, &e, &err), 0);
	v = view_at(f, SOUTH_WALES, uk_day_start(uk_day_of(f->now) + 91));
	assert_int_equal(store_mfc_get(f->s, &v, f->id, &e, &err), NF);

	/* the interview, with fields only the council sees */
	assert_int_equal(get(f, CARDIFF_SW, f->id, &e), 0);
	e.ri_held_at = f->now;
	snprintf(e.ri_by, sizeof(e.ri_by), "%s", "advocate");
	snprintf(e.ri_summary, sizeof(e.ri_summary), "%s", "met a man");
	e.ri_outcome = MFC_OUTCOME_ACCEPTED;
	assert_int_equal(change(f, CARDIFF_SW, 4, &e), 0);
	assert_int_equal(get(f, SOUTH_WALES, f->id, &e), 0);
	assert_string_equal(e.ri_summary, "");
	assert_int_equal(e.ri_held_at, f->now);
	assert_int_equal(get(f, MEADOW, f->id, &e), 0);
	assert_string_equal(e.ri_summary, "");
	assert_int_equal(get(f, INSPECTOR, f->id, &e), 0);
	assert_string_equal(e.ri_summary, "met a man");
	/* held: no longer due */
	{
		struct mfc_filter due = { .page_size = STORE_PAGE_MAX,
					  .due = MFC_DUE_INTERVIEW,
					  .since_ms = e.returned_at };

		v = view(f, CARDIFF_SW);
		assert_int_equal(store_mfc_attention(f->s, &v, &due, p, &err),
				 0);
		assert_int_equal(p->n, 0);
	}
	free(p);
}

static void test_meetings_and_chronology(void **state)
{
	struct fixture *f = *state;
	struct mfc_chronology c = MFC_CHRONOLOGY_INIT;
	struct mfc_meeting m;
	struct viewer v;
	struct err err = ERR_INIT;

	mfc_meeting_init(&m);
	snprintf(m.la, sizeof(m.la), "%s", CARDIFF);
	snprintf(m.ref, sizeof(m.ref), "%s", "C01");
	m.held_on = unit_date("30/03/2019");
	m.episode_id = f->id;
	snprintf(m.agencies, sizeof(m.agencies), "%s", "council, police, home");
	v = view(f, MEADOW);
	assert_int_equal(store_mfc_meeting_add(f->s, &v, &m, &err), DN);
	v = view(f, SWANSEA_SW);
	err = (struct err)ERR_INIT;	/* the first error sticks */
	assert_int_equal(store_mfc_meeting_add(f->s, &v, &m, &err), NF);
	assert_string_equal(err_text(&err), "no such child");
	assert_int_equal(m.child_id, 0);
	v = view(f, CARDIFF_SW);
	m.safety_plan_review_on = unit_date("29/03/2019");
	assert_int_equal(store_mfc_meeting_add(f->s, &v, &m, &err),
			 ERR_INVALID);
	m.safety_plan_review_on = unit_date("30/04/2019");
	m.held_on = unit_date("31/03/2019");	/* tomorrow */
	assert_int_equal(store_mfc_meeting_add(f->s, &v, &m, &err),
			 ERR_INVALID);
	m.held_on = unit_date("30/03/2019");
	m.episode_id = 999;	/* not this child's */
	assert_int_equal(store_mfc_meeting_add(f->s, &v, &m, &err), NF);
	m.episode_id = f->id;
	assert_int_equal(store_mfc_meeting_add(f->s, &v, &m, &err), 0);
	assert_true(m.id > 0);

	assert_int_equal(store_mfc_child(f->s, &v, CARDIFF, "C01", &c, &err),
			 0);
	assert_int_equal(c.nepisodes, 1);
	assert_int_equal(c.nmeetings, 1);
	assert_int_equal(c.meetings[0].episode_id, f->id);
	mfc_chronology_release(&c);
	v = view(f, SOUTH_WALES);	/* the meeting names its episode */
	assert_int_equal(store_mfc_child(f->s, &v, CARDIFF, "C01", &c, &err),
			 0);
	assert_int_equal(c.nepisodes, 1);
	assert_int_equal(c.nmeetings, 1);
	mfc_chronology_release(&c);
	v = view(f, GWENT);
	assert_int_equal(store_mfc_child(f->s, &v, CARDIFF, "C01", &c, &err),
			 NF);
	v = view(f, CARDIFF_SW);	/* its own child with none: empty */
	assert_int_equal(store_mfc_child(f->s, &v, CARDIFF, "C02", &c, &err),
			 0);
	assert_int_equal(c.nepisodes + c.nmeetings, 0);
	assert_int_equal(store_mfc_child(f->s, &v, CARDIFF, "C99", &c, &err),
			 NF);
	v = view(f, ANALYST);
	assert_int_equal(store_mfc_child(f->s, &v, CARDIFF, "C01", &c, &err),
			 DN);
}

static int count_ep(const struct mfc_episode *e, void *ctx)
{
	(void)e;
	(*(long *)ctx)++;
	return 0;
}

static void test_import_and_each(void **state)
{
	struct fixture *f = *state;
	struct mfc_episode e;
	struct err err = ERR_INIT;
	int64_t id = 0;
	long n = 0;

	mfc_episode_init(&e);
	snprintf(e.la, sizeof(e.la), "%s", CARDIFF);
	snprintf(e.ref, sizeof(e.ref), "%s", "C99");
	e.kind[0] = 'A';
	e.started_at = at("2018-07-02T10:00");
	assert_int_equal(store_mfc_import(f->s, &e, &id, &err), NF);
	snprintf(e.ref, sizeof(e.ref), "%s", "C04");
	snprintf(e.urn, sizeof(e.urn), "%s", "W0009999");
	assert_int_equal(store_mfc_import(f->s, &e, &id, &err), ERR_INVALID);
	snprintf(e.urn, sizeof(e.urn), "%s", "W0000001");
	e.returned_at = at("2018-07-02T12:00");
	assert_int_equal(store_mfc_import(f->s, &e, &id, &err), 0);
	/* an open one, and a second open one refused */
	e.returned_at = 0;
	e.started_at = at("2018-09-02T10:00");
	assert_int_equal(store_mfc_import(f->s, &e, &id, &err), 0);
	e.started_at = at("2018-09-03T10:00");
	assert_int_equal(store_mfc_import(f->s, &e, &id, &err), ERR_EXISTS);
	/* the export's reading: Cardiff's, 2018-19, by child then start */
	assert_int_equal(store_mfc_each(f->s, CARDIFF,
					at("2018-04-01T00:00"),
					at("2019-04-01T00:00"), count_ep, &n,
					&err), 0);
	assert_int_equal(n, 3);
	n = 0;
	assert_int_equal(store_mfc_each(f->s, SWANSEA,
					at("2018-04-01T00:00"),
					at("2019-04-01T00:00"), count_ep, &n,
					&err), 0);
	assert_int_equal(n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_times),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_report),
		cmocka_unit_test(test_read_scope),
		cmocka_unit_test(test_changes),
		cmocka_unit_test(test_grab_pack),
		cmocka_unit_test(test_return_and_after),
		cmocka_unit_test(test_meetings_and_chronology),
		cmocka_unit_test(test_import_and_each),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
