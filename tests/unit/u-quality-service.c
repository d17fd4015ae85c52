/*
 * u-quality-service.c: who may do what with the quality of care
 * (quality/service.h, issue 13; the rules are quality_may() of
 * domain/quality.h and docs/inspections.md): for each kind of viewer,
 * what each function allows, what it refuses (ERR_DENIED for a kind of
 * access that may never, ERR_NOT_FOUND for a row out of scope) and that
 * each read and each refusal writes its audit row.
 *
 * The store is u-scope.c's: the register and Cardiff's 2018 and 2019
 * returns of tests/data/review/boundaries (W1 Orchard Care Ltd in
 * Cardiff, W2 The Meadow Trust in Swansea; C04 left W1 on 31/03/2019,
 * C01 is at W2 and missing now, recorded live).  "Today" is D90
 * (29/06/2019), the last day Cardiff still places at W1; D91 the first
 * day it does not.
 */
#include "unit-people.h"
#include "auth/auth.h"
#include "domain/missing.h"
#include "domain/viewer.h"
#include "ingest/import.h"
#include "quality/service.h"

#define CASE "tests/data/review/boundaries"
#define CARDIFF "W06000015"
#define SWANSEA "W06000011"
#define NEWPORT "W06000022"
#define W1 "W0000001"
#define W2 "W0000002"
#define IP "192.0.2.7"
#define MS_PER_DAY 86400000LL
#define NF ERR_NOT_FOUND
#define DN ERR_DENIED

enum who {
	INSPECTOR,
	ANALYST,
	ADMIN,
	CARDIFF_PL,	/* places at W1 (in the window) and W2; W1 in area */
	SWANSEA_SW,	/* W2 in its area; nothing of W1 */
	NEWPORT_SW,	/* nothing of either */
	ORCHARD,	/* W1's provider */
	MEADOW,		/* W2's provider */
	SOUTH_WALES,	/* police */
	NWHO
};

struct fixture {
	struct store *s;
	struct user u[NWHO];
	int32_t d90, d91;
	int64_t episode;	/* C01's live episode from W2 */
};

static struct fixture fix;

static void add_user(struct fixture *f, enum who w, const char *email,
		     enum role role, int64_t org_id)
{
	unit_user(f->s, email, (int)w, role, org_id, false, &f->u[w]);
}

static int setup(void **state)
{
	const char *y2018[] = { CASE "/2018/header.csv",
				CASE "/2018/episodes.csv",
				CASE "/2018/missing.csv" };
	const char *y2019[] = { CASE "/2019/header.csv",
				CASE "/2019/episodes.csv",
				CASE "/2019/missing.csv",
				CASE "/2019/oc2.csv" };
	struct fixture *f = &fix;
	struct import_counts c = { 0 };
	struct diags d = DIAGS_INIT;
	struct err err = ERR_INIT;
	struct mfc_episode e;
	int64_t ciw;
	void *st = NULL;
	int rc;

	if (auth_init(&err) || unit_geo_store_setup(&st))
		return -1;
	f->s = st;
	rc = import_homes(f->s, CASE "/homes.csv", false, &d, &c, &err);
	if (!rc)
		rc = import_903(f->s, CARDIFF, 0, y2018, 3, false, &d, &c, &err);
	if (!rc)
		rc = import_903(f->s, CARDIFF, 0, y2019, 4, false, &d, &c, &err);
	if (!rc && d.n) {
		diags_print(&d, stderr, 20);
		rc = -1;
	}
	diags_release(&d);
	mfc_episode_init(&e);
	snprintf(e.la, sizeof(e.la), CARDIFF);
	snprintf(e.ref, sizeof(e.ref), "C01");
	snprintf(e.kind, sizeof(e.kind), "M");
	snprintf(e.urn, sizeof(e.urn), W2);
	snprintf(e.circumstances, sizeof(e.circumstances), "Left after tea");
	snprintf(e.home_actions, sizeof(e.home_actions), "Searched, rang "
		 "police");
	if (!rc)
		rc = mfc_time_parse("2019-03-25T21:00Z", &e.started_at);
	if (!rc)
		rc = store_mfc_import(f->s, &e, &f->episode, &err);
	if (rc) {
		fprintf(stderr, "u-quality-service setup: %s\n",
			err_text(&err));
		return -1;
	}
	ciw = unit_org(f->s, ORG_INSPECTORATE, "CIW", NULL);
	add_user(f, INSPECTOR, "insp@example.org", ROLE_INSPECTOR, ciw);
	add_user(f, ANALYST, "analyst@example.org", ROLE_ANALYST, ciw);
	add_user(f, ADMIN, "admin@example.org", ROLE_ADMIN, ciw);
	add_user(f, CARDIFF_PL, "pl@cardiff.example", ROLE_COUNCIL_PLACEMENTS,
		 unit_org(f->s, ORG_COUNCIL, CARDIFF, NULL));
	add_user(f, SWANSEA_SW, "sw@swansea.example",
		 ROLE_COUNCIL_SOCIAL_WORKER,
		 unit_org(f->s, ORG_COUNCIL, SWANSEA, NULL));
	add_user(f, NEWPORT_SW, "sw@newport.example",
		 ROLE_COUNCIL_SOCIAL_WORKER,
		 unit_org(f->s, ORG_COUNCIL, NEWPORT, NULL));
	add_user(f, ORCHARD, "mgr@orchard.example", ROLE_HOME_MANAGER,
		 unit_org(f->s, ORG_PROVIDER, "orchard", "Orchard Care Ltd"));
	add_user(f, MEADOW, "mgr@meadow.example", ROLE_HOME_MANAGER,
		 unit_org(f->s, ORG_PROVIDER, "meadow", "The Meadow Trust"));
	add_user(f, SOUTH_WALES, "mc@south-wales.example",
		 ROLE_POLICE_MISSING_COORDINATOR,
		 unit_org(f->s, ORG_POLICE, "south-wales", NULL));
	f->d90 = unit_date("29/06/2019");
	f->d91 = f->d90 + 1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	store_close(f->s);
	return 0;
}

static struct viewer view(struct fixture *f, enum who w, int32_t today)
{
	struct err err = ERR_INIT;
	struct viewer v;

	if (viewer_from_user(f->s, &f->u[w], IP,
			     (int64_t)today * MS_PER_DAY + MS_PER_DAY / 2, &v,
			     &err))
		fail_msg("viewer %d: %s", (int)w, err_text(&err));
	return v;
}

/* ---- the audit trail ---------------------------------------------------- */

struct arow {
	long n;
	char action[AUDIT_WORD_MAX + 1];
	char kind[AUDIT_WORD_MAX + 1];
	char subject[AUDIT_SUBJECT_MAX + 1];
};

static int arow_seen(const struct audit_row *r, void *ctx)
{
	struct arow *a = ctx;

	if (!a->n++) {	/* newest first */
		snprintf(a->action, sizeof(a->action), "%s", r->action);
		snprintf(a->kind, sizeof(a->kind), "%s", r->subject_kind);
		snprintf(a->subject, sizeof(a->subject), "%s", r->subject_id);
	}
	return 0;
}

/* User w's audit rows: how many, and the newest. */
static struct arow audit_of(struct fixture *f, enum who w)
{
	struct audit_query q = { NULL, NULL, f->u[w].id, 0, 1000 };
	struct arow a;
	struct err err = ERR_INIT;

	memset(&a, 0, sizeof(a));
	if (store_audit_list(f->s, &q, arow_seen, &a, &err))
		fail_msg("audit list: %s", err_text(&err));
	return a;
}

/* Call's rc is want and it wrote one audit row (newest: action, kind). */
#define EXPECT_AUDITED(f, w, call, want, act, knd)                       \
	do {                                                              \
		long n0_ = audit_of(f, w).n;                              \
		struct arow a_;                                           \
		assert_int_equal((call), (want));                         \
		a_ = audit_of(f, w);                                      \
		assert_int_equal(a_.n, n0_ + 1);                          \
		assert_string_equal(a_.action, act);                      \
		assert_string_equal(a_.kind, knd);                        \
	} while (0)

static void inspection(struct q_inspection *i, const char *urn, int32_t on)
{
	q_inspection_init(i);
	snprintf(i->urn, sizeof(i->urn), "%s", urn);
	i->start_on = on;
	i->end_on = on;
	i->type = Q_FULL;
	snprintf(i->inspectors, sizeof(i->inspectors), "A. Inspector");
	for (int t = 0; t < Q_NTHEMES; t++)
		i->rating[t] = Q_GOOD;
	i->rating[Q_LEADERSHIP] = Q_POOR;
	snprintf(i->summary, sizeof(i->summary), "Leadership is weak");
}

static void notice(struct q_finding *f, int32_t due)
{
	q_finding_init(f);
	f->kind = Q_PRIORITY_ACTION_NOTICE;
	snprintf(f->regulation, sizeof(f->regulation), "reg 66");
	snprintf(f->text, sizeof(f->text), "Appoint a manager");
	f->due_on = due;
}

/* ---- the record of a home ----------------------------------------------- */

struct record_case {
	enum who who;
	int rc;
};

static void test_record_and_read(void **state)
{
	static const struct record_case cases[] = {
		{ INSPECTOR, 0 }, { CARDIFF_PL, 0 }, { ORCHARD, 0 },
		{ SWANSEA_SW, NF }, { NEWPORT_SW, NF }, { MEADOW, NF },
		{ SOUTH_WALES, DN }, { ANALYST, DN }, { ADMIN, DN },
	};
	struct fixture *f = *state;
	struct err err = ERR_INIT;
	struct q_problem p;
	struct q_inspection i, got;
	struct q_finding fs[1], *gf = NULL;
	struct quality_set q;
	struct viewer v;
	size_t ngf = 0;

	/* only inspectors record */
	inspection(&i, W1, f->d90 - 30);
	notice(&fs[0], f->d90 + 14);
	for (enum who w = ANALYST; w < NWHO; w++) {
		v = view(f, w, f->d90);
		EXPECT_AUDITED(f, w, quality_inspection_record(f->s, &v, &i,
				fs, 1, &p, &err), DN, "change-denied",
			       "inspection");
		err_clear(&err);
	}
	v = view(f, INSPECTOR, f->d90);
	i.start_on = f->d90 + 1;		/* in the future */
	assert_int_equal(quality_inspection_record(f->s, &v, &i, fs, 1, &p,
						   &err), ERR_INVALID);
	assert_non_null(p.field);
	err_clear(&err);
	i.start_on = i.end_on = f->d90 - 30;
	EXPECT_AUDITED(f, INSPECTOR, quality_inspection_record(f->s, &v, &i,
			fs, 1, &p, &err), 0, "change", "inspection");
	assert_true(i.id > 0 && fs[0].id > 0);
	assert_string_equal(i.recorded_by, "insp@example.org");

	/* the home's record, one audit row each */
	for (size_t k = 0; k < ARRAY_SIZE(cases); k++) {
		enum who w = cases[k].who;

		v = view(f, w, f->d90);
		EXPECT_AUDITED(f, w, quality_home_record(f->s, &v, W1, &q,
				&err), cases[k].rc, cases[k].rc ?
			       "view-denied" : "view", "home-record");
		if (!cases[k].rc) {
			assert_int_equal(q.ninsp, 1);
			assert_int_equal(q.nfindings, 1);
		} else {
			assert_int_equal(q.ninsp, 0);
		}
		quality_set_release(&q);
		err_clear(&err);
		v = view(f, w, f->d90);
		EXPECT_AUDITED(f, w, quality_inspection_get(f->s, &v, i.id,
				&got, &gf, &ngf, &err), cases[k].rc,
			       cases[k].rc ? "view-denied" : "view",
			       "inspection");
		free(gf);
		err_clear(&err);
	}
	/* the day after the window, Cardiff no longer places there: the
	 * home is still in its area */
	v = view(f, CARDIFF_PL, f->d91);
	assert_int_equal(quality_home_record(f->s, &v, W1, &q, &err), 0);
	quality_set_release(&q);
	/* W2 (Swansea's area, Cardiff places C01 there) */
	v = view(f, SWANSEA_SW, f->d90);
	assert_int_equal(quality_home_record(f->s, &v, W2, &q, &err), 0);
	quality_set_release(&q);
	v = view(f, NEWPORT_SW, f->d90);
	assert_int_equal(quality_home_record(f->s, &v, W2, &q, &err), NF);
	err_clear(&err);
	/* no such home: as one out of scope, audited */
	v = view(f, INSPECTOR, f->d90);
	EXPECT_AUDITED(f, INSPECTOR, quality_home_record(f->s, &v, "W9999999",
			&q, &err), NF, "view-denied", "home-record");
	err_clear(&err);
	EXPECT_AUDITED(f, INSPECTOR, quality_inspection_get(f->s, &v, 999999,
			&got, &gf, &ngf, &err), NF, "view-denied",
		       "inspection");
	err_clear(&err);
}

/* A council's view is remembered (the Poor rating alert). */
static void test_council_view_kept(void **state)
{
	struct fixture *f = *state;
	struct err err = ERR_INIT;
	struct quality_set q = QUALITY_SET_INIT;
	struct viewer v = view(f, CARDIFF_PL, f->d90);
	bool seen = false;

	assert_int_equal(quality_home_record(f->s, &v, W2, &q, &err), 0);
	quality_set_release(&q);
	assert_int_equal(store_quality_load(f->s, QP_VIEWS, W2, &q, &err), 0);
	for (size_t k = 0; k < q.nviews; k++)
		if (!strcmp(q.views[k].code, CARDIFF) &&
		    q.views[k].kind == ORG_COUNCIL &&
		    q.views[k].at == v.now_ms)
			seen = true;
	assert_true(seen);
	quality_set_release(&q);
}

/* ---- responses and judgements ------------------------------------------- */

static int64_t new_finding(struct fixture *f, int32_t on)
{
	struct err err = ERR_INIT;
	struct q_inspection i;
	struct q_finding fs[1];
	struct viewer v = view(f, INSPECTOR, f->d90);

	inspection(&i, W1, on);
	notice(&fs[0], f->d90 + 10);
	if (quality_inspection_record(f->s, &v, &i, fs, 1, NULL, &err))
		fail_msg("inspection: %s", err_text(&err));
	return fs[0].id;
}

static void test_respond_judge(void **state)
{
	struct fixture *f = *state;
	struct err err = ERR_INIT;
	struct q_problem p;
	struct q_finding got;
	struct viewer v;
	int64_t id = new_finding(f, f->d90 - 60);

	v = view(f, MEADOW, f->d90);
	EXPECT_AUDITED(f, MEADOW, quality_finding_respond(f->s, &v, id, "plan",
			DATE_NONE, &p, &err), NF, "change-denied", "finding");
	err_clear(&err);
	for (enum who w = INSPECTOR; w <= SOUTH_WALES; w++) {
		if (w == ORCHARD || w == MEADOW)
			continue;
		v = view(f, w, f->d90);
		EXPECT_AUDITED(f, w, quality_finding_respond(f->s, &v, id,
				"plan", DATE_NONE, &p, &err), DN,
			       "change-denied", "finding");
		err_clear(&err);
	}
	v = view(f, ORCHARD, f->d90);
	assert_int_equal(quality_finding_respond(f->s, &v, id, "", DATE_NONE,
						 &p, &err), ERR_INVALID);
	err_clear(&err);
	EXPECT_AUDITED(f, ORCHARD, quality_finding_respond(f->s, &v, id,
			"Interim manager from Monday", f->d90 + 7, &p, &err),
		       0, "change", "finding");
	assert_int_equal(store_finding_get(f->s, id, &got, &err), 0);
	assert_int_equal(got.status, Q_RESPONDED);
	assert_string_equal(got.responded_by, "mgr@orchard.example");
	assert_int_equal(got.responded_at, v.now_ms);

	v = view(f, ORCHARD, f->d90);
	EXPECT_AUDITED(f, ORCHARD, quality_finding_judge(f->s, &v, id, Q_MET,
			0, &err), DN, "change-denied", "finding");
	err_clear(&err);
	v = view(f, INSPECTOR, f->d90);
	assert_int_equal(quality_finding_judge(f->s, &v, id, Q_RESPONDED, 0,
					       &err), ERR_INVALID);
	err_clear(&err);
	EXPECT_AUDITED(f, INSPECTOR, quality_finding_judge(f->s, &v, id, Q_MET,
			0, &err), 0, "change", "finding");
	assert_int_equal(store_finding_get(f->s, id, &got, &err), 0);
	assert_int_equal(got.status, Q_MET);
	assert_int_equal(got.judged_on, f->d90);
	/* met: no more responses */
	v = view(f, ORCHARD, f->d90);
	assert_int_equal(quality_finding_respond(f->s, &v, id, "more",
						 DATE_NONE, &p, &err),
			 ERR_INVALID);
	err_clear(&err);
	v = view(f, INSPECTOR, f->d90);
	EXPECT_AUDITED(f, INSPECTOR, quality_finding_judge(f->s, &v, 999999,
			Q_MET, 0, &err), NF, "change-denied", "finding");
	err_clear(&err);
}

/* ---- notifications ------------------------------------------------------ */

static void notification(struct q_notification *n, struct fixture *f,
			 const char *urn, const char *ref)
{
	q_notification_init(n);
	snprintf(n->urn, sizeof(n->urn), "%s", urn);
	snprintf(n->category, sizeof(n->category), "%s",
		 ref ? "missing" : "other");
	n->occurred_at = (int64_t)f->d90 * MS_PER_DAY;
	if (ref) {
		snprintf(n->la, sizeof(n->la), CARDIFF);
		snprintf(n->ref, sizeof(n->ref), "%s", ref);
	}
	snprintf(n->summary, sizeof(n->summary), "What happened");
}

struct notif_case {
	enum who who;
	int rc;
	size_t n;	/* of W1's, when 0 */
};

static void test_notifications(void **state)
{
	static const struct notif_case cases[] = {
		{ INSPECTOR, 0, 2 }, { CARDIFF_PL, 0, 2 }, { ORCHARD, 0, 2 },
		{ SWANSEA_SW, NF, 0 }, { MEADOW, NF, 0 },
		{ SOUTH_WALES, DN, 0 }, { ANALYST, DN, 0 }, { ADMIN, DN, 0 },
	};
	struct fixture *f = *state;
	struct err err = ERR_INIT;
	struct q_problem p;
	struct q_notification n, *list = NULL;
	struct viewer v;
	size_t nl = 0;

	notification(&n, f, W1, "C04");
	for (enum who w = INSPECTOR; w <= SOUTH_WALES; w++) {
		if (w == ORCHARD || w == MEADOW)
			continue;
		v = view(f, w, f->d90);
		EXPECT_AUDITED(f, w, quality_notification_file(f->s, &v, &n,
				&p, &err), DN, "change-denied",
			       "notification");
		err_clear(&err);
	}
	v = view(f, MEADOW, f->d90);
	EXPECT_AUDITED(f, MEADOW, quality_notification_file(f->s, &v, &n, &p,
			&err), NF, "change-denied", "notification");
	err_clear(&err);
	/* C04 left W1 on the window's first day: still named; C01 never
	 * at W1 */
	v = view(f, ORCHARD, f->d90);
	EXPECT_AUDITED(f, ORCHARD, quality_notification_file(f->s, &v, &n, &p,
			&err), 0, "change", "notification");
	assert_true(n.id > 0);
	assert_string_equal(n.filed_by, "mgr@orchard.example");
	notification(&n, f, W1, "C01");
	assert_int_equal(quality_notification_file(f->s, &v, &n, &p, &err),
			 ERR_INVALID);
	assert_string_equal(p.field, "child");
	err_clear(&err);
	notification(&n, f, W1, NULL);
	assert_int_equal(quality_notification_file(f->s, &v, &n, &p, &err), 0);

	for (size_t k = 0; k < ARRAY_SIZE(cases); k++) {
		enum who w = cases[k].who;

		v = view(f, w, f->d90);
		EXPECT_AUDITED(f, w, quality_notifications(f->s, &v, W1, 0,
				&list, &nl, &err), cases[k].rc,
			       cases[k].rc ? "view-denied" : "view",
			       "notifications");
		assert_int_equal(nl, cases[k].n);
		free(list);
		err_clear(&err);
	}
	/* every home's: Swansea and Meadow see none of W1's, and an empty
	 * list is not audited; the newest first */
	v = view(f, SWANSEA_SW, f->d90);
	assert_int_equal(quality_notifications(f->s, &v, NULL, 0, &list, &nl,
					       &err), 0);
	assert_int_equal(nl, 0);
	free(list);
	v = view(f, INSPECTOR, f->d90);
	assert_int_equal(quality_notifications(f->s, &v, NULL, 0, &list, &nl,
					       &err), 0);
	assert_int_equal(nl, 2);
	assert_true(list[0].id > list[1].id);
	free(list);
	/* since a time after them: none */
	assert_int_equal(quality_notifications(f->s, &v, NULL, v.now_ms,
					       &list, &nl, &err), 0);
	assert_int_equal(nl, 0);
	free(list);
}

static void test_from_episode(void **state)
{
	struct fixture *f = *state;
	struct err err = ERR_INIT;
	struct q_notification n;
	struct viewer v;

	v = view(f, MEADOW, f->d90);
	assert_int_equal(quality_notification_from_episode(f->s, &v,
							   f->episode, &n,
							   &err), 0);
	assert_string_equal(n.urn, W2);
	assert_string_equal(n.category, "missing");
	assert_string_equal(n.la, CARDIFF);
	assert_string_equal(n.ref, "C01");
	assert_int_equal(n.episode_id, f->episode);
	assert_string_equal(n.summary, "Left after tea");
	assert_string_equal(n.action, "Searched, rang police");
	/* and filed as it is */
	assert_int_equal(quality_notification_file(f->s, &v, &n, NULL, &err),
			 0);
	v = view(f, ORCHARD, f->d90);
	assert_int_equal(quality_notification_from_episode(f->s, &v,
							   f->episode, &n,
							   &err), NF);
	err_clear(&err);
	v = view(f, INSPECTOR, f->d90);
	EXPECT_AUDITED(f, INSPECTOR, quality_notification_from_episode(f->s,
			&v, f->episode, &n, &err), DN, "change-denied",
		       "notification");
	err_clear(&err);
}

/* ---- recommendations ---------------------------------------------------- */

static void test_recs(void **state)
{
	struct fixture *f = *state;
	struct err err = ERR_INIT;
	struct q_problem p;
	struct rec r;
	struct rec_addressee a[2], got;
	struct rec_action act;
	struct rec_update u;
	struct quality_set q;
	struct viewer v;

	rec_init(&r);
	snprintf(r.code, sizeof(r.code), "NR-T1");
	r.source = REC_NATIONAL_REVIEW;
	snprintf(r.source_title, sizeof(r.source_title), "The review");
	r.made_on = f->d90 - 100;
	snprintf(r.theme, sizeof(r.theme), "%s", rec_themes[0].code);
	snprintf(r.text_en, sizeof(r.text_en), "Work together");
	snprintf(r.text_cy, sizeof(r.text_cy), "Gweithio gyda'n gilydd");
	memset(a, 0, sizeof(a));
	a[0].kind = ORG_COUNCIL;
	snprintf(a[0].code, sizeof(a[0].code), CARDIFF);
	a[1].kind = ORG_POLICE;
	snprintf(a[1].code, sizeof(a[1].code), "south-wales");

	v = view(f, CARDIFF_PL, f->d90);
	EXPECT_AUDITED(f, CARDIFF_PL, quality_rec_add(f->s, &v, &r, a, 2,
			NULL, 0, &p, &err), DN, "change-denied",
		       "recommendation");
	err_clear(&err);
	v = view(f, INSPECTOR, f->d90);
	assert_int_equal(quality_rec_add(f->s, &v, &r, a, 0, NULL, 0, &p,
					 &err), ERR_INVALID);
	err_clear(&err);
	EXPECT_AUDITED(f, INSPECTOR, quality_rec_add(f->s, &v, &r, a, 2, NULL,
			0, &p, &err), 0, "change", "recommendation");

	/* the register: every role but admin, not audited */
	for (enum who w = INSPECTOR; w < NWHO; w++) {
		long n0 = audit_of(f, w).n;

		v = view(f, w, f->d90);
		assert_int_equal(quality_recs(f->s, &v, &q, &err),
				 w == ADMIN ? DN : 0);
		if (w != ADMIN) {
			assert_int_equal(q.nrecs, 1);
			assert_int_equal(q.naddressees, 2);
			assert_int_equal(audit_of(f, w).n, n0);
		} else {
			assert_int_equal(audit_of(f, w).n, n0 + 1);
		}
		quality_set_release(&q);
		err_clear(&err);
	}

	/* the addressee's own users act and update */
	rec_action_init(&act);
	act.addressee_id = a[0].id;
	snprintf(act.what, sizeof(act.what), "Joint missing protocol");
	snprintf(act.who, sizeof(act.who), "Head of children's services");
	act.target_on = f->d90 + 60;
	v = view(f, SWANSEA_SW, f->d90);
	EXPECT_AUDITED(f, SWANSEA_SW, quality_rec_action_add(f->s, &v, &act,
			&p, &err), NF, "change-denied", "rec-addressee");
	err_clear(&err);
	v = view(f, INSPECTOR, f->d90);
	EXPECT_AUDITED(f, INSPECTOR, quality_rec_action_add(f->s, &v, &act,
			&p, &err), DN, "change-denied", "rec-addressee");
	err_clear(&err);
	v = view(f, CARDIFF_PL, f->d90);
	EXPECT_AUDITED(f, CARDIFF_PL, quality_rec_action_add(f->s, &v, &act,
			&p, &err), 0, "change", "rec-addressee");
	assert_true(act.id > 0);
	v = view(f, SOUTH_WALES, f->d90);
	assert_int_equal(quality_rec_action_done(f->s, &v, act.id, &err), NF);
	err_clear(&err);
	v = view(f, CARDIFF_PL, f->d90);
	assert_int_equal(quality_rec_action_done(f->s, &v, act.id, &err), 0);

	memset(&u, 0, sizeof(u));
	u.addressee_id = a[0].id;
	snprintf(u.note, sizeof(u.note), "Protocol signed by all agencies");
	u.status = REC_DONE;
	assert_int_equal(quality_rec_update_add(f->s, &v, &u, &p, &err), 0);
	assert_string_equal(u.by, "pl@cardiff.example");

	/* the inspectorate's verdict, with a reason when rejected */
	EXPECT_AUDITED(f, CARDIFF_PL, quality_rec_judge(f->s, &v, a[0].id,
			REC_ACCEPTED, "", &p, &err), DN, "change-denied",
		       "rec-addressee");
	err_clear(&err);
	v = view(f, INSPECTOR, f->d90);
	assert_int_equal(quality_rec_judge(f->s, &v, a[0].id, REC_REJECTED,
					   "", &p, &err), ERR_INVALID);
	err_clear(&err);
	assert_int_equal(quality_rec_judge(f->s, &v, a[1].id, REC_ACCEPTED,
					   "", &p, &err), ERR_INVALID);
	assert_string_equal(p.rule, "not-done");
	err_clear(&err);
	EXPECT_AUDITED(f, INSPECTOR, quality_rec_judge(f->s, &v, a[0].id,
			REC_ACCEPTED, "", &p, &err), 0, "change",
		       "rec-addressee");
	assert_int_equal(store_rec_addressee_get(f->s, a[0].id, &got, &err), 0);
	assert_int_equal(got.verdict, REC_ACCEPTED);
	assert_string_equal(got.verdict_by, "insp@example.org");
	assert_int_equal(got.verdict_on, f->d90);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_record_and_read),
		cmocka_unit_test(test_council_view_kept),
		cmocka_unit_test(test_respond_judge),
		cmocka_unit_test(test_notifications),
		cmocka_unit_test(test_from_episode),
		cmocka_unit_test(test_recs),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
