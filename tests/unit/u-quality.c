/*
 * u-quality.c: the quality of care's model (domain/quality.h;
 * docs/inspections.md): every code round-trips through its parser and
 * has English and Welsh names, the data lists are whole, each check's
 * rules, and who may do what: quality_may() for every kind of viewer and
 * operation, table-driven, with the addressee and notification rules.
 *
 * No store: the model is plain values.  Days are counted from the day
 * the test runs, so no year is written down.
 */
#include "unit.h"
#include <time.h>
#include "domain/quality.h"

#define MIN 60000LL
#define DAY 86400000LL

/* ---- codes ---------------------------------------------------------------- */

/* Each code of a list parses back to its value, from the code and from
 * the English name in any case, and every name is there in both
 * languages. */
static void test_codes(void **state)
{
	char up[128];

	(void)state;
	for (int t = 0; t < Q_NTHEMES; t++) {
		assert_true(*q_theme_code((enum q_theme)t));
		assert_true(*q_theme_name((enum q_theme)t, false));
		assert_true(*q_theme_name((enum q_theme)t, true));
	}
	assert_string_equal(q_theme_code(Q_CARE_SUPPORT), "care_support");
	assert_string_equal(q_theme_name(Q_WELLBEING, true), "Llesiant");
	assert_string_equal(q_theme_name(Q_LEADERSHIP, true),
			    "Arweinyddiaeth a rheolaeth");
	assert_string_equal(q_theme_code(Q_NTHEMES), "");

	for (int r = 0; r < Q_NRATINGS; r++) {
		enum q_rating out = Q_POOR;

		assert_int_equal(q_rating_parse(q_rating_code((enum q_rating)r),
						&out), 0);
		assert_int_equal(out, r);
		snprintf(up, sizeof(up), "%s",
			 q_rating_name((enum q_rating)r, false));
		for (char *c = up; *c; c++)
			*c = (char)(*c >= 'a' && *c <= 'z' ? *c - 32 : *c);
		out = Q_POOR;
		assert_int_equal(q_rating_parse(up, &out), 0);
		assert_int_equal(out, r);
		assert_true(*q_rating_name((enum q_rating)r, true));
	}
	{
		enum q_rating out = Q_GOOD;

		assert_int_equal(q_rating_parse("not_rated", &out), 0);
		assert_int_equal(out, Q_NOT_RATED);
		assert_int_equal(q_rating_parse("Adequate", &out),
				 ERR_INVALID);
		assert_int_equal(q_rating_parse(NULL, &out), ERR_INVALID);
		assert_string_equal(q_rating_name(Q_NEEDS_IMPROVEMENT, true),
				    "Angen gwella");
		assert_string_equal(q_rating_name(Q_EXCELLENT, true),
				    "Rhagorol");
		assert_string_equal(q_rating_name(Q_NOT_RATED, true),
				    "Heb ei raddio");
	}

	for (int t = 0; t < Q_NTYPES; t++) {
		enum q_insp_type out = Q_NTYPES;

		assert_int_equal(q_insp_type_parse(
				 q_insp_type_code((enum q_insp_type)t), &out),
				 0);
		assert_int_equal(out, t);
		assert_true(*q_insp_type_name((enum q_insp_type)t, true));
	}
	{
		enum q_insp_type out;

		assert_int_equal(q_insp_type_parse("", &out), ERR_INVALID);
		assert_int_equal(q_insp_type_parse("Post-registration", &out),
				 0);
		assert_int_equal(out, Q_POST_REGISTRATION);
	}

	for (int k = 0; k < Q_NKINDS; k++) {
		enum q_finding_kind out = Q_NKINDS;

		assert_int_equal(q_finding_kind_parse(
				 q_finding_kind_code((enum q_finding_kind)k),
				 &out), 0);
		assert_int_equal(out, k);
	}
	assert_string_equal(q_finding_kind_code(Q_PRIORITY_ACTION_NOTICE),
			    "pan");
	assert_string_equal(q_finding_kind_name(Q_AREA_FOR_IMPROVEMENT, true),
			    "Maes i'w wella");
	assert_string_equal(q_finding_kind_name(Q_PRIORITY_ACTION_NOTICE,
						true),
			    "Hysbysiad gweithredu blaenoriaeth");

	for (int s = 0; s < Q_NSTATUSES; s++) {
		enum q_finding_status out = Q_NSTATUSES;

		assert_int_equal(q_finding_status_parse(
				 q_finding_status_code(
					 (enum q_finding_status)s), &out), 0);
		assert_int_equal(out, s);
		assert_true(*q_finding_status_name((enum q_finding_status)s,
						   true));
	}
	assert_true(q_finding_outstanding(Q_OPEN));
	assert_true(q_finding_outstanding(Q_RESPONDED));
	assert_true(q_finding_outstanding(Q_NOT_MET));
	assert_false(q_finding_outstanding(Q_MET));

	for (int s = 0; s < REC_NSOURCES; s++) {
		enum rec_source out = REC_NSOURCES;

		assert_int_equal(rec_source_parse(
				 rec_source_code((enum rec_source)s), &out), 0);
		assert_int_equal(out, s);
		assert_true(*rec_source_name((enum rec_source)s, true));
	}
	for (int s = 0; s < REC_NSTATUSES; s++) {
		enum rec_status out = REC_NSTATUSES;

		assert_int_equal(rec_status_parse(
				 rec_status_code((enum rec_status)s), &out), 0);
		assert_int_equal(out, s);
		assert_true(*rec_status_name((enum rec_status)s, true));
	}
	{
		enum rec_status out;

		assert_int_equal(rec_status_parse("finished", &out),
				 ERR_INVALID);
		assert_int_equal(rec_status_parse("", &out), ERR_INVALID);
	}
	assert_string_equal(rec_verdict_code(REC_VERDICT_NONE), "");
	assert_string_equal(rec_verdict_code(REC_REJECTED), "rejected");
	assert_true(*rec_verdict_name(REC_ACCEPTED, true));
	assert_string_equal(rec_verdict_name(REC_NVERDICTS, false), "");
}

/* The data lists: each code once, found, named in both languages, and
 * the review's themes and the categories the issue names are there. */
static void test_lists(void **state)
{
	static const char *const cats[] = {
		"missing", "police", "serious_injury", "restraint",
		"allegation", "safeguarding", "death", "outbreak",
		"complaint", "other"
	};
	static const char *const themes[] = {
		"missing", "criminalisation", "sufficiency", "stability",
		"education", "emotional_health", "joint_working",
		"quality_of_care", "other"
	};

	(void)state;
	assert_int_equal(notif_ncategories, sizeof(cats) / sizeof(cats[0]));
	for (size_t i = 0; i < notif_ncategories; i++) {
		const struct notif_category *c = &notif_categories[i];

		assert_ptr_equal(notif_category_find(c->code), c);
		assert_true(strlen(c->code) <= Q_CODE_MAX);
		assert_true(*c->en && *c->cy);
		assert_string_equal(c->code, cats[i]);
	}
	assert_true(notif_category_find("missing")->about_child);
	assert_false(notif_category_find("complaint")->about_child);
	assert_null(notif_category_find("Missing"));
	assert_null(notif_category_find(NULL));

	assert_int_equal(rec_nthemes, sizeof(themes) / sizeof(themes[0]));
	for (size_t i = 0; i < rec_nthemes; i++) {
		const struct rec_theme *t = &rec_themes[i];

		assert_ptr_equal(rec_theme_find(t->code), t);
		assert_true(strlen(t->code) <= Q_CODE_MAX);
		assert_true(*t->en && *t->cy);
		assert_string_equal(t->code, themes[i]);
	}
	assert_null(rec_theme_find("housing"));
}

/* ---- checks ---------------------------------------------------------------- */

static int32_t today(void)
{
	return (int32_t)(time(NULL) / 86400);
}

static void full_inspection(struct q_inspection *i, int32_t day)
{
	q_inspection_init(i);
	snprintf(i->urn, sizeof(i->urn), "W0000001");
	i->start_on = day - 30;
	i->end_on = day - 29;
	i->type = Q_FULL;
	snprintf(i->inspectors, sizeof(i->inspectors), "A. Jones, B. Evans");
	for (int t = 0; t < Q_NTHEMES; t++)
		i->rating[t] = Q_GOOD;
}

#define REFUSED(call, f, r)                                              \
	do {                                                              \
		struct q_problem p_ = { 0 };                              \
		struct q_problem *p = &p_;                                \
		assert_int_equal(call, ERR_INVALID);                      \
		assert_string_equal(p_.field, f);                         \
		assert_string_equal(p_.rule, r);                          \
		assert_true(p_.msg[0]);                                   \
	} while (0)

static void test_text_check(void **state)
{
	struct q_problem pr;
	char big[Q_REG_MAX + 2];

	(void)state;
	assert_int_equal(q_text_check("F", "Gofal a chymorth\tâ ŵ\r\n", 40,
				      true, &pr), 0);
	assert_int_equal(q_text_check("F", NULL, 40, false, &pr), 0);
	assert_int_equal(q_text_check("F", "", 40, false, &pr), 0);
	REFUSED(q_text_check("F", " \n\t", 40, true, p), "F", "required");
	REFUSED(q_text_check("F", NULL, 40, true, p), "F", "required");
	REFUSED(q_text_check("F", "a\x01" "b", 40, false, p), "F", "text");
	REFUSED(q_text_check("F", "caf\xe9", 40, false, p), "F", "text");
	REFUSED(q_text_check("F", "a\xe2\x80\xae" "b", 40, false, p), "F",
		"text");
	/* max bytes, not characters; an array full to the brim without its
	 * NUL is read no further than max + 1 */
	REFUSED(q_text_check("F", "ŵŵ", 3, false, p), "F", "too-long");
	memset(big, 'x', sizeof(big));
	REFUSED(q_text_check("F", big, Q_REG_MAX, false, p), "F",
		"too-long");
	big[Q_REG_MAX] = '\0';
	assert_int_equal(q_text_check("F", big, Q_REG_MAX, true, &pr), 0);
}

static void test_inspection_check(void **state)
{
	int32_t d = today();
	struct q_inspection i;
	struct q_problem pr;

	(void)state;
	full_inspection(&i, d);
	assert_int_equal(q_inspection_check(&i, d, &pr), 0);
	/* a one-day inspection today */
	i.start_on = i.end_on = d;
	assert_int_equal(q_inspection_check(&i, d, &pr), 0);
	assert_int_equal(q_inspection_check(&i, d, NULL), 0);

	full_inspection(&i, d);
	i.urn[0] = '\0';
	REFUSED(q_inspection_check(&i, d, p), "URN", "required");
	full_inspection(&i, d);
	i.start_on = DATE_NONE;
	REFUSED(q_inspection_check(&i, d, p), "START", "required");
	full_inspection(&i, d);
	i.start_on = d + 1;
	i.end_on = d + 1;
	REFUSED(q_inspection_check(&i, d, p), "START", "future");
	full_inspection(&i, d);
	i.end_on = DATE_NONE;
	REFUSED(q_inspection_check(&i, d, p), "END", "required");
	full_inspection(&i, d);
	i.end_on = i.start_on - 1;
	REFUSED(q_inspection_check(&i, d, p), "END", "date-order");
	full_inspection(&i, d);
	i.end_on = d + 2;
	REFUSED(q_inspection_check(&i, d, p), "END", "future");
	full_inspection(&i, d);
	i.type = Q_NTYPES;
	REFUSED(q_inspection_check(&i, d, p), "TYPE", "unknown");
	full_inspection(&i, d);
	snprintf(i.inspectors, sizeof(i.inspectors), " ");
	REFUSED(q_inspection_check(&i, d, p), "INSPECTORS", "required");
	full_inspection(&i, d);
	i.rating[Q_ENVIRONMENT] = Q_NRATINGS;
	REFUSED(q_inspection_check(&i, d, p), "ENVIRONMENT", "unknown");

	/* a full inspection rates all four themes; a focused or
	 * post-registration one may leave any blank */
	for (int t = 0; t < Q_NTHEMES; t++) {
		static const char *const col[] = {
			"WELLBEING", "CARE_SUPPORT", "ENVIRONMENT",
			"LEADERSHIP"
		};

		full_inspection(&i, d);
		i.rating[t] = Q_NOT_RATED;
		REFUSED(q_inspection_check(&i, d, p), col[t], "required");
		i.type = Q_FOCUSED;
		assert_int_equal(q_inspection_check(&i, d, &pr), 0);
		i.type = Q_POST_REGISTRATION;
		assert_int_equal(q_inspection_check(&i, d, &pr), 0);
	}
	full_inspection(&i, d);
	i.summary[0] = '\x1b';
	REFUSED(q_inspection_check(&i, d, p), "SUMMARY", "text");
}

static void notice(struct q_finding *f, const struct q_inspection *i)
{
	q_finding_init(f);
	f->kind = Q_PRIORITY_ACTION_NOTICE;
	snprintf(f->regulation, sizeof(f->regulation), "reg 21(1)(b)");
	snprintf(f->text, sizeof(f->text), "Staff must report a child "
		 "missing to the police at once.");
	f->due_on = i->start_on + 28;
}

static void test_finding_check(void **state)
{
	int32_t d = today();
	struct q_inspection i;
	struct q_finding f;
	struct q_problem pr;

	(void)state;
	full_inspection(&i, d);
	notice(&f, &i);
	assert_int_equal(q_finding_check(&f, &i, &pr), 0);
	/* due on the inspection's first day: allowed */
	f.due_on = i.start_on;
	assert_int_equal(q_finding_check(&f, &i, &pr), 0);
	f.due_on = i.start_on - 1;
	REFUSED(q_finding_check(&f, &i, p), "DUE", "date-order");
	/* without the inspection (its dates unknown): no order to check */
	assert_int_equal(q_finding_check(&f, NULL, &pr), 0);
	f.due_on = DATE_NONE;
	REFUSED(q_finding_check(&f, &i, p), "DUE", "required");

	/* an area for improvement has no date */
	notice(&f, &i);
	f.kind = Q_AREA_FOR_IMPROVEMENT;
	REFUSED(q_finding_check(&f, &i, p), "DUE", "not-allowed");
	f.due_on = DATE_NONE;
	assert_int_equal(q_finding_check(&f, &i, &pr), 0);
	f.kind = Q_NKINDS;
	REFUSED(q_finding_check(&f, &i, p), "KIND", "unknown");

	notice(&f, &i);
	f.regulation[0] = '\0';
	REFUSED(q_finding_check(&f, &i, p), "REGULATION", "required");
	notice(&f, &i);
	memset(f.regulation, 'r', sizeof(f.regulation));
	REFUSED(q_finding_check(&f, &i, p), "REGULATION", "too-long");
	notice(&f, &i);
	f.text[0] = '\0';
	REFUSED(q_finding_check(&f, &i, p), "TEXT", "required");

	/* met and not met are judged on a day, not before the inspection;
	 * open and responded are not judged */
	notice(&f, &i);
	f.status = Q_MET;
	REFUSED(q_finding_check(&f, &i, p), "JUDGED_ON", "required");
	f.status = Q_NOT_MET;
	REFUSED(q_finding_check(&f, &i, p), "JUDGED_ON", "required");
	f.judged_on = i.start_on - 1;
	REFUSED(q_finding_check(&f, &i, p), "JUDGED_ON", "date-order");
	f.judged_on = d;
	assert_int_equal(q_finding_check(&f, &i, &pr), 0);
	f.status = Q_OPEN;
	REFUSED(q_finding_check(&f, &i, p), "JUDGED_ON", "not-allowed");
	f.status = Q_NSTATUSES;
	REFUSED(q_finding_check(&f, &i, p), "STATUS", "unknown");

	/* responded: the action plan is there */
	notice(&f, &i);
	f.status = Q_RESPONDED;
	REFUSED(q_finding_check(&f, &i, p), "RESPONSE", "required");
	snprintf(f.response, sizeof(f.response), "Training for all staff.");
	f.response_target_on = i.start_on + 14;
	assert_int_equal(q_finding_check(&f, &i, &pr), 0);
	f.response_target_on = i.start_on - 3;
	REFUSED(q_finding_check(&f, &i, p), "RESPONSE_TARGET", "date-order");
	notice(&f, &i);
	f.response_target_on = d;
	REFUSED(q_finding_check(&f, &i, p), "RESPONSE_TARGET",
		"not-allowed");

	notice(&f, &i);
	f.id = 7;
	f.repeats_id = 7;
	REFUSED(q_finding_check(&f, &i, p), "REPEATS", "self");
	f.repeats_id = 3;
	assert_int_equal(q_finding_check(&f, &i, &pr), 0);
}

static void missing_notification(struct q_notification *n, int64_t now)
{
	q_notification_init(n);
	snprintf(n->urn, sizeof(n->urn), "W0000001");
	snprintf(n->category, sizeof(n->category), "missing");
	n->occurred_at = now - 60 * MIN;
	snprintf(n->la, sizeof(n->la), "W06000015");
	snprintf(n->ref, sizeof(n->ref), "C01");
	snprintf(n->summary, sizeof(n->summary), "Did not return from "
		 "school; reported to the police at 19:30.");
}

static void test_notification_check(void **state)
{
	int64_t now = (int64_t)time(NULL) * 1000;
	struct q_notification n;
	struct q_problem pr;

	(void)state;
	missing_notification(&n, now);
	assert_int_equal(q_notification_check(&n, now, &pr), 0);
	/* up to five minutes ahead of the server's clock */
	n.occurred_at = now + 5 * MIN;
	assert_int_equal(q_notification_check(&n, now, &pr), 0);
	n.occurred_at = now + 5 * MIN + 1;
	REFUSED(q_notification_check(&n, now, p), "OCCURRED_AT", "future");
	n.occurred_at = 0;
	REFUSED(q_notification_check(&n, now, p), "OCCURRED_AT", "required");
	missing_notification(&n, now);
	n.filed_at = now - 2 * 60 * MIN;
	REFUSED(q_notification_check(&n, now, p), "OCCURRED_AT",
		"date-order");

	missing_notification(&n, now);
	n.urn[0] = '\0';
	REFUSED(q_notification_check(&n, now, p), "URN", "required");
	missing_notification(&n, now);
	n.category[0] = '\0';
	REFUSED(q_notification_check(&n, now, p), "CATEGORY", "required");
	snprintf(n.category, sizeof(n.category), "fire");
	REFUSED(q_notification_check(&n, now, p), "CATEGORY", "unknown");

	/* about a child: LA and CHILD both */
	missing_notification(&n, now);
	n.la[0] = '\0';
	REFUSED(q_notification_check(&n, now, p), "LA", "required");
	missing_notification(&n, now);
	n.ref[0] = '\0';
	REFUSED(q_notification_check(&n, now, p), "CHILD", "required");
	/* a complaint need name no child, but a child is named whole */
	snprintf(n.category, sizeof(n.category), "complaint");
	REFUSED(q_notification_check(&n, now, p), "CHILD", "required");
	n.la[0] = '\0';
	assert_int_equal(q_notification_check(&n, now, &pr), 0);
	missing_notification(&n, now);
	snprintf(n.category, sizeof(n.category), "complaint");
	n.la[0] = '\0';
	REFUSED(q_notification_check(&n, now, p), "LA", "required");

	missing_notification(&n, now);
	n.summary[0] = '\0';
	REFUSED(q_notification_check(&n, now, p), "SUMMARY", "required");
	missing_notification(&n, now);
	snprintf(n.action, sizeof(n.action), "Rang\x07 the police");
	REFUSED(q_notification_check(&n, now, p), "ACTION", "text");
}

static void a_rec(struct rec *r)
{
	rec_init(r);
	snprintf(r->code, sizeof(r->code), "NR-1");
	r->source = REC_NATIONAL_REVIEW;
	snprintf(r->source_title, sizeof(r->source_title),
		 "National review of care planning");
	r->made_on = today() - 400;
	snprintf(r->theme, sizeof(r->theme), "missing");
	snprintf(r->text_en, sizeof(r->text_en), "Offer every child a "
		 "return interview.");
	snprintf(r->text_cy, sizeof(r->text_cy), "Cynnig cyfweliad "
		 "dychwelyd i bob plentyn.");
}

static void test_rec_checks(void **state)
{
	struct rec r;
	struct rec_action a;
	struct rec_update u;
	struct q_problem pr;

	(void)state;
	a_rec(&r);
	assert_int_equal(rec_check(&r, &pr), 0);
	snprintf(r.code, sizeof(r.code), "CPR/2019_3.b");
	assert_int_equal(rec_check(&r, &pr), 0);
	r.code[0] = '\0';
	REFUSED(rec_check(&r, p), "CODE", "required");
	snprintf(r.code, sizeof(r.code), "NR;1");
	REFUSED(rec_check(&r, p), "CODE", "code");
	snprintf(r.code, sizeof(r.code), "NR 1");
	REFUSED(rec_check(&r, p), "CODE", "code");
	a_rec(&r);
	r.source = REC_NSOURCES;
	REFUSED(rec_check(&r, p), "SOURCE", "unknown");
	a_rec(&r);
	r.source_title[0] = '\0';
	REFUSED(rec_check(&r, p), "SOURCE_TITLE", "required");
	a_rec(&r);
	r.made_on = DATE_NONE;
	REFUSED(rec_check(&r, p), "MADE_ON", "required");
	a_rec(&r);
	r.theme[0] = '\0';
	REFUSED(rec_check(&r, p), "THEME", "required");
	snprintf(r.theme, sizeof(r.theme), "housing");
	REFUSED(rec_check(&r, p), "THEME", "unknown");
	a_rec(&r);
	r.text_en[0] = '\0';
	REFUSED(rec_check(&r, p), "TEXT_EN", "required");
	a_rec(&r);
	r.text_cy[0] = '\0';
	REFUSED(rec_check(&r, p), "TEXT_CY", "required");

	rec_action_init(&a);
	assert_int_equal(a.done_on, DATE_NONE);
	snprintf(a.what, sizeof(a.what), "Commission return interviews");
	snprintf(a.who, sizeof(a.who), "Head of children's services");
	REFUSED(rec_action_check(&a, p), "TARGET", "required");
	a.target_on = today() + 90;
	assert_int_equal(rec_action_check(&a, &pr), 0);
	a.who[0] = '\0';
	REFUSED(rec_action_check(&a, p), "WHO", "required");
	snprintf(a.who, sizeof(a.who), "x");
	a.what[0] = '\0';
	REFUSED(rec_action_check(&a, p), "WHAT", "required");

	memset(&u, 0, sizeof(u));
	REFUSED(rec_update_check(&u, p), "NOTE", "required");
	snprintf(u.note, sizeof(u.note), "Contract signed; evidence: "
		 "minutes of the panel.");
	u.status = REC_IN_PROGRESS;
	assert_int_equal(rec_update_check(&u, &pr), 0);
	u.status = REC_NSTATUSES;
	REFUSED(rec_update_check(&u, p), "STATUS", "unknown");
}

/* ---- who may do what -------------------------------------------------------- */

enum who {
	INSPECTOR, COUNCIL_SW, PROVIDER, POLICE, ANALYST, COUNCIL_ANALYST,
	BOARD_ANALYST, ADMIN, MISFIT, NWHO
};

static void viewer_of(enum who w, struct viewer *v)
{
	static const struct {
		enum viewer_access access;
		const char *role, *kind, *code;
	} as[NWHO] = {
		[INSPECTOR] = { VIEWER_INSPECTORATE, "inspector",
				"inspectorate", "CIW" },
		[COUNCIL_SW] = { VIEWER_COUNCIL, "council_social_worker",
				 "council", "W06000015" },
		[PROVIDER] = { VIEWER_PROVIDER, "home_manager", "provider",
			       "orchard" },
		[POLICE] = { VIEWER_POLICE, "police_missing_coordinator",
			     "police", "south-wales" },
		[ANALYST] = { VIEWER_NONE, "analyst", "inspectorate", "CIW" },
		[COUNCIL_ANALYST] = { VIEWER_NONE, "analyst", "council",
				      "W06000015" },
		[BOARD_ANALYST] = { VIEWER_NONE, "analyst", "health_board",
				    "7A4" },
		[ADMIN] = { VIEWER_NONE, "admin", "inspectorate", "CIW" },
		/* a home manager's role in a council: no access */
		[MISFIT] = { VIEWER_NONE, "home_manager", "council",
			     "W06000015" },
	};

	memset(v, 0, sizeof(*v));
	v->access = as[w].access;
	snprintf(v->role, sizeof(v->role), "%s", as[w].role);
	snprintf(v->org_kind, sizeof(v->org_kind), "%s", as[w].kind);
	snprintf(v->org_code, sizeof(v->org_code), "%s", as[w].code);
	if (w == COUNCIL_SW)
		snprintf(v->la, sizeof(v->la), "W06000015");
	if (w == PROVIDER)
		snprintf(v->provider, sizeof(v->provider), "Orchard Care Ltd");
	v->today = today();
}

/* The ties a home has with the viewer: none known (NULL: may this kind
 * of access ever?), none, v runs it, v places a child there, it is in
 * v's area. */
enum tie { T_ANY, T_NONE, T_PROVIDER, T_PLACES, T_AREA, NTIES };

static const struct q_home_ties ties_of[NTIES] = {
	[T_PROVIDER] = { .provider = true },
	[T_PLACES] = { .council_places = true },
	[T_AREA] = { .council_area = true },
};

/*
 * The matrix: for each viewer and operation, whether quality_may() says
 * yes for each tie in the order of enum tie ('1' yes, '0' no).
 */
static const struct {
	enum who who;
	enum q_op op;
	const char *may;
} matrix[] = {
	{ INSPECTOR, Q_READ_RECORD, "11111" },
	{ INSPECTOR, Q_RECORD_INSPECTION, "11111" },
	{ INSPECTOR, Q_RESPOND, "00000" },
	{ INSPECTOR, Q_FILE_NOTIFICATION, "00000" },
	{ INSPECTOR, Q_READ_NOTIFICATIONS, "11111" },
	{ INSPECTOR, Q_READ_RECS, "11111" },
	{ INSPECTOR, Q_UPDATE_REC, "00000" },
	{ INSPECTOR, Q_JUDGE_REC, "11111" },

	{ COUNCIL_SW, Q_READ_RECORD, "10011" },
	{ COUNCIL_SW, Q_RECORD_INSPECTION, "00000" },
	{ COUNCIL_SW, Q_RESPOND, "00000" },
	{ COUNCIL_SW, Q_FILE_NOTIFICATION, "00000" },
	{ COUNCIL_SW, Q_READ_NOTIFICATIONS, "10011" },
	{ COUNCIL_SW, Q_READ_RECS, "11111" },
	{ COUNCIL_SW, Q_UPDATE_REC, "11111" },
	{ COUNCIL_SW, Q_JUDGE_REC, "00000" },

	{ PROVIDER, Q_READ_RECORD, "10100" },
	{ PROVIDER, Q_RECORD_INSPECTION, "00000" },
	{ PROVIDER, Q_RESPOND, "10100" },
	{ PROVIDER, Q_FILE_NOTIFICATION, "10100" },
	{ PROVIDER, Q_READ_NOTIFICATIONS, "10100" },
	{ PROVIDER, Q_READ_RECS, "11111" },
	{ PROVIDER, Q_UPDATE_REC, "11111" },
	{ PROVIDER, Q_JUDGE_REC, "00000" },

	{ POLICE, Q_READ_RECORD, "00000" },
	{ POLICE, Q_RECORD_INSPECTION, "00000" },
	{ POLICE, Q_RESPOND, "00000" },
	{ POLICE, Q_FILE_NOTIFICATION, "00000" },
	{ POLICE, Q_READ_NOTIFICATIONS, "00000" },
	{ POLICE, Q_READ_RECS, "11111" },
	{ POLICE, Q_UPDATE_REC, "11111" },
	{ POLICE, Q_JUDGE_REC, "00000" },

	{ ANALYST, Q_READ_RECORD, "00000" },
	{ ANALYST, Q_RECORD_INSPECTION, "00000" },
	{ ANALYST, Q_RESPOND, "00000" },
	{ ANALYST, Q_FILE_NOTIFICATION, "00000" },
	{ ANALYST, Q_READ_NOTIFICATIONS, "00000" },
	{ ANALYST, Q_READ_RECS, "11111" },
	{ ANALYST, Q_UPDATE_REC, "00000" },
	{ ANALYST, Q_JUDGE_REC, "00000" },

	/* a council's or a health board's analysts keep its own rows (a
	 * health board has no other users) but see no home's record */
	{ COUNCIL_ANALYST, Q_READ_RECORD, "00000" },
	{ COUNCIL_ANALYST, Q_RECORD_INSPECTION, "00000" },
	{ COUNCIL_ANALYST, Q_RESPOND, "00000" },
	{ COUNCIL_ANALYST, Q_FILE_NOTIFICATION, "00000" },
	{ COUNCIL_ANALYST, Q_READ_NOTIFICATIONS, "00000" },
	{ COUNCIL_ANALYST, Q_READ_RECS, "11111" },
	{ COUNCIL_ANALYST, Q_UPDATE_REC, "11111" },
	{ COUNCIL_ANALYST, Q_JUDGE_REC, "00000" },

	{ BOARD_ANALYST, Q_READ_RECORD, "00000" },
	{ BOARD_ANALYST, Q_RECORD_INSPECTION, "00000" },
	{ BOARD_ANALYST, Q_RESPOND, "00000" },
	{ BOARD_ANALYST, Q_FILE_NOTIFICATION, "00000" },
	{ BOARD_ANALYST, Q_READ_NOTIFICATIONS, "00000" },
	{ BOARD_ANALYST, Q_READ_RECS, "11111" },
	{ BOARD_ANALYST, Q_UPDATE_REC, "11111" },
	{ BOARD_ANALYST, Q_JUDGE_REC, "00000" },

	{ ADMIN, Q_READ_RECORD, "00000" },
	{ ADMIN, Q_RECORD_INSPECTION, "00000" },
	{ ADMIN, Q_RESPOND, "00000" },
	{ ADMIN, Q_FILE_NOTIFICATION, "00000" },
	{ ADMIN, Q_READ_NOTIFICATIONS, "00000" },
	{ ADMIN, Q_READ_RECS, "00000" },
	{ ADMIN, Q_UPDATE_REC, "00000" },
	{ ADMIN, Q_JUDGE_REC, "00000" },

	{ MISFIT, Q_READ_RECORD, "00000" },
	{ MISFIT, Q_RECORD_INSPECTION, "00000" },
	{ MISFIT, Q_RESPOND, "00000" },
	{ MISFIT, Q_FILE_NOTIFICATION, "00000" },
	{ MISFIT, Q_READ_NOTIFICATIONS, "00000" },
	{ MISFIT, Q_READ_RECS, "00000" },
	{ MISFIT, Q_UPDATE_REC, "00000" },
	{ MISFIT, Q_JUDGE_REC, "00000" },
};

static void test_may(void **state)
{
	static const enum q_op ops[] = {
		Q_READ_RECORD, Q_RECORD_INSPECTION, Q_RESPOND,
		Q_FILE_NOTIFICATION, Q_READ_NOTIFICATIONS, Q_READ_RECS,
		Q_UPDATE_REC, Q_JUDGE_REC
	};
	size_t nops = sizeof(ops) / sizeof(ops[0]);
	size_t nrows = sizeof(matrix) / sizeof(matrix[0]);
	struct viewer v;

	(void)state;
	/* the table is whole: every viewer x every operation, once */
	assert_int_equal(nrows, (size_t)NWHO * nops);
	for (size_t r = 0; r < nrows; r++) {
		assert_int_equal(matrix[r].who, r / nops);
		assert_int_equal(matrix[r].op, ops[r % nops]);
	}
	for (size_t r = 0; r < nrows; r++) {
		viewer_of(matrix[r].who, &v);
		for (int t = 0; t < NTIES; t++) {
			bool want = matrix[r].may[t] == '1';
			bool got = quality_may(&v, matrix[r].op,
					       t == T_ANY ? NULL : &ties_of[t]);

			if (got != want)
				fail_msg("row %zu (viewer %d, op %d), tie %d: "
					 "quality_may says %d", r,
					 (int)matrix[r].who, (int)matrix[r].op,
					 t, (int)got);
		}
	}
	/* an operation that does not exist, and no viewer */
	viewer_of(INSPECTOR, &v);
	assert_false(quality_may(&v, (enum q_op)0, NULL));
	assert_false(quality_may(NULL, Q_READ_RECS, NULL));
}

static void test_addressee(void **state)
{
	struct viewer v;

	(void)state;
	viewer_of(COUNCIL_SW, &v);
	assert_true(quality_addressee_is(&v, ORG_COUNCIL, "W06000015"));
	assert_false(quality_addressee_is(&v, ORG_COUNCIL, "W06000011"));
	/* the same code of another kind is someone else */
	assert_false(quality_addressee_is(&v, ORG_PROVIDER, "W06000015"));
	assert_false(quality_addressee_is(&v, ORG_COUNCIL, ""));
	assert_false(quality_addressee_is(&v, ORG_COUNCIL, NULL));
	assert_false(quality_addressee_is(&v, ORG_NKINDS, "W06000015"));

	/* a provider by its organisation's code or its register name */
	viewer_of(PROVIDER, &v);
	assert_true(quality_addressee_is(&v, ORG_PROVIDER, "orchard"));
	assert_true(quality_addressee_is(&v, ORG_PROVIDER,
					 "Orchard Care Ltd"));
	assert_false(quality_addressee_is(&v, ORG_PROVIDER,
					  "Meadow Trust"));
	v.provider[0] = '\0';
	assert_false(quality_addressee_is(&v, ORG_PROVIDER, ""));

	viewer_of(POLICE, &v);
	assert_true(quality_addressee_is(&v, ORG_POLICE, "south-wales"));
	assert_false(quality_addressee_is(&v, ORG_POLICE, "gwent"));
	viewer_of(BOARD_ANALYST, &v);
	assert_true(quality_addressee_is(&v, ORG_HEALTH_BOARD, "7A4"));
	viewer_of(INSPECTOR, &v);
	assert_false(quality_addressee_is(&v, ORG_COUNCIL, "W06000015"));
	assert_false(quality_addressee_is(NULL, ORG_COUNCIL, "W06000015"));
}

static void test_notification_visible(void **state)
{
	int64_t now = (int64_t)time(NULL) * 1000;
	struct q_notification n, other;
	struct viewer v;

	(void)state;
	missing_notification(&n, now);		/* Cardiff's child C01 */
	missing_notification(&other, now);
	snprintf(other.la, sizeof(other.la), "W06000011");
	snprintf(other.category, sizeof(other.category), "complaint");

	viewer_of(INSPECTOR, &v);
	assert_true(quality_notification_visible(&v, &n, NULL));
	assert_true(quality_notification_visible(&v, &other,
						 &ties_of[T_NONE]));

	/* a provider: its homes' alone */
	viewer_of(PROVIDER, &v);
	assert_true(quality_notification_visible(&v, &n,
						 &ties_of[T_PROVIDER]));
	assert_false(quality_notification_visible(&v, &n, &ties_of[T_NONE]));
	assert_false(quality_notification_visible(&v, &n, NULL));
	assert_false(quality_notification_visible(&v, &n,
						  &ties_of[T_PLACES]));

	/* a council: about its child anywhere; never another council's
	 * child, even from a home it places in or in its area */
	viewer_of(COUNCIL_SW, &v);
	assert_true(quality_notification_visible(&v, &n, &ties_of[T_NONE]));
	assert_true(quality_notification_visible(&v, &n, NULL));
	assert_false(quality_notification_visible(&v, &other,
						  &ties_of[T_NONE]));
	assert_false(quality_notification_visible(&v, &other,
						  &ties_of[T_PLACES]));
	assert_false(quality_notification_visible(&v, &other,
						  &ties_of[T_AREA]));
	assert_false(quality_notification_visible(&v, &other,
						  &ties_of[T_PROVIDER]));
	/* one naming no child: from a home it places in or in its area,
	 * not every council's */
	other.la[0] = other.ref[0] = '\0';
	assert_true(quality_notification_visible(&v, &other,
						 &ties_of[T_PLACES]));
	assert_true(quality_notification_visible(&v, &other,
						 &ties_of[T_AREA]));
	assert_false(quality_notification_visible(&v, &other,
						  &ties_of[T_NONE]));

	/* police, analysts, admins: none */
	for (enum who w = POLICE; w < NWHO; w++) {
		viewer_of(w, &v);
		assert_false(quality_notification_visible(
			&v, &n, &ties_of[T_PROVIDER]));
		assert_false(quality_notification_visible(&v, &n,
							  &ties_of[T_AREA]));
	}
	assert_false(quality_notification_visible(NULL, &n, NULL));
}

/* A repeated finding is carried on by the one that repeats it. */
static void test_repeated_by(void **state)
{
	struct q_finding f[3];

	(void)state;
	for (size_t i = 0; i < 3; i++) {
		q_finding_init(&f[i]);
		f[i].id = (int64_t)i + 1;
	}
	f[1].repeats_id = 1;
	f[2].repeats_id = 2;
	assert_ptr_equal(q_finding_repeated_by(&f[0], f, 3), &f[1]);
	assert_ptr_equal(q_finding_repeated_by(&f[1], f, 3), &f[2]);
	assert_null(q_finding_repeated_by(&f[2], f, 3));
	/* not stored yet (id 0): nothing repeats it */
	f[0].id = 0;
	f[1].repeats_id = 0;
	assert_null(q_finding_repeated_by(&f[0], f, 3));
	assert_null(q_finding_repeated_by(NULL, f, 3));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_repeated_by),
		cmocka_unit_test(test_lists),
		cmocka_unit_test(test_text_check),
		cmocka_unit_test(test_inspection_check),
		cmocka_unit_test(test_finding_check),
		cmocka_unit_test(test_notification_check),
		cmocka_unit_test(test_rec_checks),
		cmocka_unit_test(test_may),
		cmocka_unit_test(test_addressee),
		cmocka_unit_test(test_notification_visible),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
