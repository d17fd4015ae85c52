/*
 * u-quality-store.c: the quality of care kept (store/store-quality.h,
 * issue 13): inspections, findings, responses and judgements, the
 * import's replace by key (all or nothing), notifications, the
 * recommendations register with its follow-up, home views, and which
 * councils place children at a home.
 *
 * The same tests run on SQLite (a store in memory) and on PostgreSQL
 * when CARTREF_PG names a cluster (a connection string without a
 * database, as scripts/pg-test's "base"): a database of its own is made
 * for the run and dropped after, with psql.  Without it the PostgreSQL
 * group is skipped, never passed.
 *
 * The store holds the geography, the register and Cardiff's 2018 and
 * 2019 returns of tests/data/review/boundaries (u-scope.c says what they
 * hold): C01 is placed at W2 (Swansea) and open; C04 left W1 (Cardiff)
 * on 31/03/2019, so that D90 (29/06/2019) is the last day of the 90-day
 * window and D91 the first after it.  Other days are relative to D90.
 */
#include "unit.h"
#include <unistd.h>
#include "ingest/import.h"
#include "store/sql.h"

#define CASE "tests/data/review/boundaries"
#define CARDIFF "W06000015"
#define SWANSEA "W06000011"
#define W1 "W0000001"
#define W2 "W0000002"
#define W3 "W0000003"
#define MS_PER_DAY 86400000LL

struct fixture {
	const char *name;
	struct store *s;
	char pgdb[64];		/* PostgreSQL: the run's database */
	int32_t d90, d91;
};

static struct fixture lite = { .name = "sqlite" };
static struct fixture pg = { .name = "postgresql" };

/* ---- the audit hook: counts what the store writes through it ------------ */

static long naudit;
static char last_kind[40], last_subject[40], last_action[40];

static int audit_stub(struct store *s, const struct viewer *v,
		      const char *action, const char *kind,
		      const char *subject, const char *detail,
		      struct err *err)
{
	(void)s;
	(void)v;
	(void)detail;
	(void)err;
	naudit++;
	snprintf(last_action, sizeof(last_action), "%s", action);
	snprintf(last_kind, sizeof(last_kind), "%s", kind);
	snprintf(last_subject, sizeof(last_subject), "%s", subject);
	return 0;
}

static const struct viewer auditor = { .actor = "insp@example.org",
				       .audit = audit_stub };

/* ---- setup -------------------------------------------------------------- */

static int load(struct fixture *f, const char *location)
{
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
	char dir[4096];
	int rc;

	rc = geo_find_datadir(dir, sizeof(dir), &err);
	if (!rc)
		rc = store_open(&f->s, location, &err);
	if (!rc)
		rc = geo_import(f->s, dir, &err);
	if (!rc)
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
	if (rc) {
		fprintf(stderr, "%s setup: %s\n", f->name, err_text(&err));
		return -1;
	}
	f->d90 = unit_date("29/06/2019");
	f->d91 = f->d90 + 1;
	return 0;
}

static int lite_setup(void **state)
{
	*state = &lite;
	return load(&lite, ":memory:");
}

/* psql on the cluster's postgres database; 0 on success */
static int psql(const char *base, const char *sql)
{
	char cmd[8192];

	if (strchr(base, '\'') || strchr(sql, '\''))
		return -1;
	snprintf(cmd, sizeof(cmd), "psql -X -q -v ON_ERROR_STOP=1 -d '%s "
		 "dbname=postgres' -c '%s' >/dev/null", base, sql);
	return system(cmd);
}

static int pg_setup(void **state)
{
	const char *base = getenv("CARTREF_PG");
	char sql[128], location[4096];

	*state = &pg;
	if (!base || !*base)
		return 0;	/* every test skips */
#ifndef CARTREF_PG
	fprintf(stderr, "CARTREF_PG is set, but this cartref was built "
		"without PostgreSQL (libpq-dev)\n");
	return -1;
#endif
	snprintf(pg.pgdb, sizeof(pg.pgdb), "cartref_uq_%ld", (long)getpid());
	snprintf(sql, sizeof(sql), "DROP DATABASE IF EXISTS %s", pg.pgdb);
	psql(base, sql);
	snprintf(sql, sizeof(sql), "CREATE DATABASE %s", pg.pgdb);
	if (psql(base, sql)) {
		fprintf(stderr, "postgresql: cannot make %s\n", pg.pgdb);
		pg.pgdb[0] = '\0';
		return -1;
	}
	snprintf(location, sizeof(location), "%s dbname=%s", base, pg.pgdb);
	return load(&pg, location);
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	const char *base = getenv("CARTREF_PG");
	char sql[128];

	store_close(f->s);
	f->s = NULL;
	if (f->pgdb[0] && base) {
		snprintf(sql, sizeof(sql), "DROP DATABASE IF EXISTS %s",
			 f->pgdb);
		psql(base, sql);
	}
	return 0;
}

static struct fixture *fx(void **state)
{
	struct fixture *f = *state;

	if (!f->s)
		skip();		/* no PostgreSQL here (CARTREF_PG) */
	return f;
}

/* ---- helpers ------------------------------------------------------------ */

static void inspection(struct q_inspection *i, const char *urn, int32_t on,
		       enum q_insp_type type, enum q_rating r)
{
	q_inspection_init(i);
	snprintf(i->urn, sizeof(i->urn), "%s", urn);
	i->start_on = on;
	i->end_on = on + 1;
	i->type = type;
	snprintf(i->inspectors, sizeof(i->inspectors), "A. Inspector");
	for (int t = 0; t < Q_NTHEMES; t++)
		i->rating[t] = r;
	snprintf(i->summary, sizeof(i->summary), "Gofal da / good care");
	i->recorded_at = (int64_t)on * MS_PER_DAY;
	snprintf(i->recorded_by, sizeof(i->recorded_by), "insp@example.org");
}

static void finding(struct q_finding *f, enum q_finding_kind kind,
		    const char *reg, int32_t due)
{
	q_finding_init(f);
	f->kind = kind;
	snprintf(f->regulation, sizeof(f->regulation), "%s", reg);
	snprintf(f->text, sizeof(f->text), "Put %s right", reg);
	f->due_on = due;
}

static struct quality_set load_set(struct store *s, unsigned parts,
				   const char *urn)
{
	struct quality_set q = QUALITY_SET_INIT;
	struct err err = ERR_INIT;

	if (store_quality_load(s, parts, urn, &q, &err))
		fail_msg("load: %s", err_text(&err));
	return q;
}

static size_t count_insp(struct store *s, const char *urn)
{
	struct quality_set q = load_set(s, QP_INSPECTIONS, urn);
	size_t n = q.ninsp;

	quality_set_release(&q);
	return n;
}

/* ---- inspections and findings ------------------------------------------- */

static void test_inspection_add_get(void **state)
{
	struct fixture *f = fx(state);
	struct err err = ERR_INIT;
	struct q_inspection i, got;
	struct q_finding fs[2], *gf = NULL;
	struct quality_set q;
	size_t ngf = 0;
	long before = naudit;

	inspection(&i, W1, f->d90 - 400, Q_FULL, Q_GOOD);
	i.rating[Q_ENVIRONMENT] = Q_POOR;
	finding(&fs[0], Q_AREA_FOR_IMPROVEMENT, "reg 21", DATE_NONE);
	finding(&fs[1], Q_PRIORITY_ACTION_NOTICE, "reg 57(2)", f->d90 - 370);
	assert_int_equal(store_inspection_add(f->s, &auditor, &i, fs, 2, &err),
			 0);
	assert_true(i.id > 0);
	assert_true(fs[0].id > 0 && fs[1].id > fs[0].id);
	assert_int_equal(fs[1].inspection_id, i.id);
	assert_string_equal(fs[1].urn, W1);
	assert_int_equal(naudit, before + 1);
	assert_string_equal(last_action, "change");
	assert_string_equal(last_kind, "inspection");

	assert_int_equal(store_inspection_get(f->s, i.id, &got, &gf, &ngf,
					      &err), 0);
	assert_string_equal(got.urn, W1);
	assert_int_equal(got.start_on, i.start_on);
	assert_int_equal(got.end_on, i.end_on);
	assert_int_equal(got.type, Q_FULL);
	assert_int_equal(got.rating[Q_WELLBEING], Q_GOOD);
	assert_int_equal(got.rating[Q_ENVIRONMENT], Q_POOR);
	assert_string_equal(got.summary, i.summary);
	assert_string_equal(got.recorded_by, "insp@example.org");
	assert_int_equal(got.recorded_at, i.recorded_at);
	assert_int_equal(ngf, 2);
	assert_int_equal(gf[0].kind, Q_AREA_FOR_IMPROVEMENT);
	assert_int_equal(gf[0].due_on, DATE_NONE);
	assert_int_equal(gf[1].kind, Q_PRIORITY_ACTION_NOTICE);
	assert_string_equal(gf[1].regulation, "reg 57(2)");
	assert_int_equal(gf[1].due_on, f->d90 - 370);
	assert_int_equal(gf[1].status, Q_OPEN);
	assert_int_equal(gf[1].repeats_id, 0);
	free(gf);

	/* a focused inspection leaves themes not rated */
	inspection(&i, W1, f->d90 - 200, Q_FOCUSED, Q_NOT_RATED);
	i.rating[Q_CARE_SUPPORT] = Q_NEEDS_IMPROVEMENT;
	assert_int_equal(store_inspection_add(f->s, NULL, &i, NULL, 0, &err),
			 0);
	assert_int_equal(store_inspection_get(f->s, i.id, &got, &gf, &ngf,
					      &err), 0);
	assert_int_equal(got.rating[Q_WELLBEING], Q_NOT_RATED);
	assert_int_equal(got.rating[Q_CARE_SUPPORT], Q_NEEDS_IMPROVEMENT);
	assert_int_equal(ngf, 0);
	free(gf);

	/* by home, ordered by start; all */
	q = load_set(f->s, QP_INSPECTIONS, W1);
	assert_int_equal(q.ninsp, 2);
	assert_true(q.insp[0].start_on < q.insp[1].start_on);
	assert_int_equal(q.nfindings, 2);
	assert_int_equal(q.nrecs, 0);
	quality_set_release(&q);
	assert_int_equal(count_insp(f->s, W3), 0);
	assert_int_equal(count_insp(f->s, "W9999999"), 0);

	/* unknown home, and the same key twice: nothing written */
	inspection(&i, "W9999999", f->d90 - 10, Q_FULL, Q_GOOD);
	assert_int_equal(store_inspection_add(f->s, NULL, &i, fs, 1, &err),
			 ERR_NOT_FOUND);
	assert_int_equal(i.id, 0);
	err_clear(&err);
	inspection(&i, W1, f->d90 - 400, Q_FULL, Q_GOOD);
	finding(&fs[0], Q_AREA_FOR_IMPROVEMENT, "reg 1", DATE_NONE);
	assert_int_equal(store_inspection_add(f->s, NULL, &i, fs, 1, &err),
			 ERR_EXISTS);
	assert_int_equal(fs[0].id, 0);
	err_clear(&err);
	assert_int_equal(count_insp(f->s, W1), 2);
	q = load_set(f->s, QP_INSPECTIONS, W1);
	assert_int_equal(q.nfindings, 2);
	quality_set_release(&q);
	assert_int_equal(store_inspection_get(f->s, 999999, &got, &gf, &ngf,
					      &err), ERR_NOT_FOUND);
	assert_null(gf);
}

static void test_respond_judge_repeat(void **state)
{
	struct fixture *f = fx(state);
	struct err err = ERR_INIT;
	struct q_inspection i, later;
	struct q_finding fs[1], got, rep[1];
	long before;

	inspection(&i, W3, f->d90 - 600, Q_FULL, Q_NEEDS_IMPROVEMENT);
	finding(&fs[0], Q_PRIORITY_ACTION_NOTICE, "reg 26", f->d90 - 560);
	assert_int_equal(store_inspection_add(f->s, NULL, &i, fs, 1, &err),
			 0);

	before = naudit;
	assert_int_equal(store_finding_respond(f->s, &auditor, fs[0].id,
					       "We will train staff",
					       f->d90 - 570,
					       (int64_t)(f->d90 - 590) *
					       MS_PER_DAY, "mgr@example.org",
					       &err), 0);
	assert_int_equal(naudit, before + 1);
	assert_string_equal(last_kind, "finding");
	assert_int_equal(store_finding_get(f->s, fs[0].id, &got, &err), 0);
	assert_int_equal(got.status, Q_RESPONDED);
	assert_string_equal(got.response, "We will train staff");
	assert_int_equal(got.response_target_on, f->d90 - 570);
	assert_int_equal(got.responded_at, (int64_t)(f->d90 - 590) *
			 MS_PER_DAY);
	assert_string_equal(got.responded_by, "mgr@example.org");
	assert_string_equal(got.urn, W3);
	assert_int_equal(store_finding_respond(f->s, NULL, 999999, "x",
					       DATE_NONE, 1, "", &err),
			 ERR_NOT_FOUND);
	err_clear(&err);

	/* judged at a later inspection */
	inspection(&later, W3, f->d90 - 300, Q_FULL, Q_GOOD);
	finding(&rep[0], Q_AREA_FOR_IMPROVEMENT, "reg 26", DATE_NONE);
	rep[0].repeats_id = fs[0].id;
	assert_int_equal(store_inspection_add(f->s, NULL, &later, rep, 1,
					      &err), 0);
	assert_int_equal(store_finding_judge(f->s, NULL, fs[0].id, Q_OPEN,
					     f->d90 - 300, later.id, &err),
			 ERR_INVALID);
	err_clear(&err);
	assert_int_equal(store_finding_judge(f->s, NULL, fs[0].id, Q_NOT_MET,
					     f->d90 - 300, 999999, &err),
			 ERR_NOT_FOUND);
	err_clear(&err);
	assert_int_equal(store_finding_judge(f->s, &auditor, fs[0].id,
					     Q_NOT_MET, f->d90 - 300,
					     later.id, &err), 0);
	assert_int_equal(store_finding_get(f->s, fs[0].id, &got, &err), 0);
	assert_int_equal(got.status, Q_NOT_MET);
	assert_int_equal(got.judged_on, f->d90 - 300);
	assert_int_equal(got.judged_inspection_id, later.id);
	/* a response later does not undo the judgement */
	assert_int_equal(store_finding_respond(f->s, NULL, fs[0].id, "again",
					       DATE_NONE, 2, "m@x.org", &err),
			 0);
	assert_int_equal(store_finding_get(f->s, fs[0].id, &got, &err), 0);
	assert_int_equal(got.status, Q_NOT_MET);
	assert_int_equal(store_finding_get(f->s, rep[0].id, &got, &err), 0);
	assert_int_equal(got.repeats_id, fs[0].id);

	/* a repeat of another home's finding, or of one of the same
	 * inspection: refused, nothing written */
	inspection(&i, W2, f->d90 - 100, Q_FULL, Q_GOOD);
	finding(&rep[0], Q_AREA_FOR_IMPROVEMENT, "reg 1", DATE_NONE);
	rep[0].repeats_id = fs[0].id;
	assert_int_equal(store_inspection_add(f->s, NULL, &i, rep, 1, &err),
			 ERR_INVALID);
	err_clear(&err);
	assert_int_equal(count_insp(f->s, W2), 0);
	assert_int_equal(count_insp(f->s, W3), 2);
}

/* ---- the import --------------------------------------------------------- */

static void test_import(void **state)
{
	struct fixture *f = fx(state);
	struct err err = ERR_INIT;
	struct q_inspection in[3];
	struct q_finding fs[3];
	struct quality_set q;
	long added = -1, replaced = -1;
	int64_t id0, id1, fid;
	int32_t a = f->d90 - 700, b = f->d90 - 350;

	inspection(&in[0], W2, a, Q_FULL, Q_GOOD);
	inspection(&in[1], W2, b, Q_FULL, Q_NEEDS_IMPROVEMENT);
	finding(&fs[0], Q_AREA_FOR_IMPROVEMENT, "reg 21", DATE_NONE);
	fs[0].inspection_id = 2;
	fs[0].repeats_id = 2;		/* a later row repeats: allowed */
	finding(&fs[1], Q_AREA_FOR_IMPROVEMENT, "reg 21", DATE_NONE);
	fs[1].inspection_id = 1;
	finding(&fs[2], Q_PRIORITY_ACTION_NOTICE, "reg 12", b + 28);
	fs[2].inspection_id = 2;
	assert_int_equal(store_inspections_import(f->s, in, 2, fs, 3, &added,
						  &replaced, &err), 0);
	assert_int_equal(added, 2);
	assert_int_equal(replaced, 0);
	id0 = in[0].id;
	id1 = in[1].id;
	assert_true(id0 > 0 && id1 > 0);
	assert_int_equal(fs[0].inspection_id, id1);
	assert_int_equal(fs[0].repeats_id, fs[1].id);
	q = load_set(f->s, QP_INSPECTIONS, W2);
	assert_int_equal(q.ninsp, 2);
	assert_int_equal(q.nfindings, 3);
	quality_set_release(&q);

	/* again, changed: replaced in place, findings not doubled */
	inspection(&in[0], W2, a, Q_FULL, Q_GOOD);
	inspection(&in[1], W2, b, Q_FULL, Q_POOR);
	snprintf(in[1].summary, sizeof(in[1].summary), "worse");
	finding(&fs[0], Q_PRIORITY_ACTION_NOTICE, "reg 21", b + 14);
	fs[0].inspection_id = 2;
	assert_int_equal(store_inspections_import(f->s, in, 2, fs, 1, &added,
						  &replaced, &err), 0);
	assert_int_equal(added, 0);
	assert_int_equal(replaced, 2);
	assert_int_equal(in[0].id, id0);
	assert_int_equal(in[1].id, id1);
	fid = fs[0].id;
	q = load_set(f->s, QP_INSPECTIONS, W2);
	assert_int_equal(q.ninsp, 2);
	assert_int_equal(q.nfindings, 1);
	assert_int_equal(q.findings[0].id, fid);
	assert_int_equal(q.insp[1].rating[Q_LEADERSHIP], Q_POOR);
	assert_string_equal(q.insp[1].summary, "worse");
	quality_set_release(&q);

	/* a bad row in the middle: nothing at all */
	inspection(&in[0], W2, a, Q_FULL, Q_EXCELLENT);
	inspection(&in[1], "W9999999", b, Q_FULL, Q_GOOD);
	in[1].line = 3;
	inspection(&in[2], W2, f->d90 - 20, Q_FULL, Q_GOOD);
	assert_int_equal(store_inspections_import(f->s, in, 3, NULL, 0, &added,
						  &replaced, &err),
			 ERR_NOT_FOUND);
	assert_non_null(strstr(err_text(&err), "line 3"));
	assert_int_equal(added, 0);
	err_clear(&err);
	/* and a bad finding after good inspections */
	inspection(&in[0], W2, a, Q_FULL, Q_EXCELLENT);
	inspection(&in[1], W2, f->d90 - 20, Q_FULL, Q_GOOD);
	finding(&fs[0], Q_AREA_FOR_IMPROVEMENT, "reg 1", DATE_NONE);
	fs[0].inspection_id = 3;	/* no such row */
	assert_int_equal(store_inspections_import(f->s, in, 2, fs, 1, &added,
						  &replaced, &err),
			 ERR_INVALID);
	err_clear(&err);
	q = load_set(f->s, QP_INSPECTIONS, W2);
	assert_int_equal(q.ninsp, 2);
	assert_int_equal(q.insp[0].rating[Q_WELLBEING], Q_GOOD);
	assert_int_equal(q.nfindings, 1);
	quality_set_release(&q);
}

/* ---- notifications ------------------------------------------------------ */

static void test_notifications(void **state)
{
	struct fixture *f = fx(state);
	struct err err = ERR_INIT;
	struct q_notification n, got;
	struct quality_set q;
	int64_t at = (int64_t)(f->d90 - 5) * MS_PER_DAY + 3600000;

	q_notification_init(&n);
	snprintf(n.urn, sizeof(n.urn), W2);
	snprintf(n.category, sizeof(n.category), "missing");
	n.occurred_at = at;
	snprintf(n.la, sizeof(n.la), CARDIFF);
	snprintf(n.ref, sizeof(n.ref), "C01");
	snprintf(n.summary, sizeof(n.summary), "Did not return by 22:00");
	snprintf(n.action, sizeof(n.action), "Police told");
	n.filed_at = at + 600000;
	snprintf(n.filed_by, sizeof(n.filed_by), "mgr@meadow.example");
	assert_int_equal(store_notification_add(f->s, &auditor, &n, &err), 0);
	assert_true(n.id > 0);
	assert_string_equal(last_kind, "notification");
	assert_int_equal(store_notification_get(f->s, n.id, &got, &err), 0);
	assert_string_equal(got.urn, W2);
	assert_string_equal(got.la, CARDIFF);
	assert_string_equal(got.ref, "C01");
	assert_int_equal(got.occurred_at, at);
	assert_int_equal(got.filed_at, at + 600000);
	assert_string_equal(got.action, "Police told");

	/* not about a child */
	n.id = 0;
	n.la[0] = n.ref[0] = '\0';
	snprintf(n.category, sizeof(n.category), "other");
	n.occurred_at = at - MS_PER_DAY;
	assert_int_equal(store_notification_add(f->s, NULL, &n, &err), 0);
	q = load_set(f->s, QP_NOTIFICATIONS, W2);
	assert_int_equal(q.nnotifs, 2);
	assert_true(q.notifs[0].occurred_at < q.notifs[1].occurred_at);
	assert_string_equal(q.notifs[0].la, "");
	quality_set_release(&q);

	/* no such child, half a child, no such home */
	snprintf(n.la, sizeof(n.la), CARDIFF);
	snprintf(n.ref, sizeof(n.ref), "C99");
	assert_int_equal(store_notification_add(f->s, NULL, &n, &err),
			 ERR_NOT_FOUND);
	err_clear(&err);
	n.ref[0] = '\0';
	assert_int_equal(store_notification_add(f->s, NULL, &n, &err),
			 ERR_INVALID);
	err_clear(&err);
	n.la[0] = '\0';
	snprintf(n.urn, sizeof(n.urn), "W9999999");
	assert_int_equal(store_notification_add(f->s, NULL, &n, &err),
			 ERR_NOT_FOUND);
	err_clear(&err);
	assert_int_equal(store_notification_get(f->s, 999999, &got, &err),
			 ERR_NOT_FOUND);
	q = load_set(f->s, QP_NOTIFICATIONS, NULL);
	assert_int_equal(q.nnotifs, 2);
	quality_set_release(&q);
}

/* ---- recommendations ---------------------------------------------------- */

static void rec(struct rec *r, const char *code, int32_t made)
{
	rec_init(r);
	snprintf(r->code, sizeof(r->code), "%s", code);
	r->source = REC_NATIONAL_REVIEW;
	snprintf(r->source_title, sizeof(r->source_title), "The review");
	r->made_on = made;
	snprintf(r->theme, sizeof(r->theme), "missing");
	snprintf(r->text_en, sizeof(r->text_en), "Do better");
	snprintf(r->text_cy, sizeof(r->text_cy), "Gwnewch yn well");
}

static void addressee(struct rec_addressee *a, enum org_kind kind,
		      const char *code)
{
	memset(a, 0, sizeof(*a));
	a->kind = kind;
	snprintf(a->code, sizeof(a->code), "%s", code);
}

static void test_recs(void **state)
{
	struct fixture *f = fx(state);
	struct err err = ERR_INIT;
	struct rec r1, r2, r3;
	struct rec_addressee a[3], got;
	struct rec_action act, gact;
	struct rec_update u;
	struct quality_set q;
	int64_t bad = 999999, e1;

	rec(&r1, "NR-1", f->d90 - 1000);
	addressee(&a[0], ORG_COUNCIL, CARDIFF);
	addressee(&a[1], ORG_HEALTH_BOARD, "7A4");
	addressee(&a[2], ORG_POLICE, "south-wales");
	assert_int_equal(store_rec_add(f->s, &auditor, &r1, a, 3, NULL, 0,
				       &err), 0);
	assert_true(r1.id > 0);
	assert_string_equal(last_kind, "recommendation");
	assert_true(a[0].id > 0 && a[2].rec_id == r1.id);
	e1 = a[0].id;

	/* the same code again; a repeat of no recommendation */
	rec(&r2, "NR-1", f->d90);
	assert_int_equal(store_rec_add(f->s, NULL, &r2, NULL, 0, NULL, 0,
				       &err), ERR_EXISTS);
	err_clear(&err);
	rec(&r2, "NR-2", f->d90);
	r2.all_councils = true;
	addressee(&a[0], ORG_COUNCIL, SWANSEA);
	assert_int_equal(store_rec_add(f->s, NULL, &r2, a, 1, &bad, 1, &err),
			 ERR_NOT_FOUND);
	assert_int_equal(a[0].id, 0);
	err_clear(&err);
	assert_int_equal(store_rec_add(f->s, NULL, &r2, a, 1, &r1.id, 1,
				       &err), 0);
	rec(&r3, "NR-3", f->d90);
	assert_int_equal(store_rec_add(f->s, NULL, &r3, NULL, 0, NULL, 0,
				       &err), 0);
	assert_int_equal(store_rec_repeat_add(f->s, &auditor, r3.id, r1.id,
					      &err), 0);
	assert_int_equal(store_rec_repeat_add(f->s, NULL, r3.id, r3.id, &err),
			 ERR_INVALID);
	err_clear(&err);
	assert_int_equal(store_rec_repeat_add(f->s, NULL, r3.id, bad, &err),
			 ERR_NOT_FOUND);
	err_clear(&err);

	/* an action, done */
	rec_action_init(&act);
	act.addressee_id = e1;
	snprintf(act.what, sizeof(act.what), "Train staff");
	snprintf(act.who, sizeof(act.who), "Head of service");
	act.target_on = f->d90 + 30;
	act.recorded_at = (int64_t)f->d90 * MS_PER_DAY;
	snprintf(act.recorded_by, sizeof(act.recorded_by), "sw@cardiff.example");
	assert_int_equal(store_rec_action_add(f->s, &auditor, &act, &err), 0);
	assert_true(act.id > 0);
	assert_string_equal(last_kind, "rec-addressee");
	assert_int_equal(store_rec_action_done(f->s, NULL, act.id, f->d90 + 3,
					       &err), 0);
	assert_int_equal(store_rec_action_get(f->s, act.id, &gact, &err), 0);
	assert_int_equal(gact.done_on, f->d90 + 3);
	assert_int_equal(gact.target_on, f->d90 + 30);
	assert_string_equal(gact.who, "Head of service");
	assert_int_equal(store_rec_action_done(f->s, NULL, bad, f->d90, &err),
			 ERR_NOT_FOUND);
	err_clear(&err);
	act.addressee_id = bad;
	assert_int_equal(store_rec_action_add(f->s, NULL, &act, &err),
			 ERR_NOT_FOUND);
	err_clear(&err);

	/* updates set the status; a verdict only on "done" */
	memset(&u, 0, sizeof(u));
	u.addressee_id = e1;
	u.at = (int64_t)(f->d90 + 1) * MS_PER_DAY;
	snprintf(u.by, sizeof(u.by), "sw@cardiff.example");
	snprintf(u.note, sizeof(u.note), "Half the staff trained");
	u.status = REC_IN_PROGRESS;
	assert_int_equal(store_rec_update_add(f->s, NULL, &u, &err), 0);
	assert_int_equal(store_rec_addressee_get(f->s, e1, &got, &err), 0);
	assert_int_equal(got.status, REC_IN_PROGRESS);
	assert_int_equal(got.last_update_at, u.at);
	assert_int_equal(store_rec_verdict(f->s, NULL, e1, REC_ACCEPTED, "",
					   f->d90, "insp@example.org", &err),
			 ERR_INVALID);
	err_clear(&err);
	u.status = REC_DONE;
	u.at += MS_PER_DAY;
	assert_int_equal(store_rec_update_add(f->s, NULL, &u, &err), 0);
	assert_int_equal(store_rec_verdict(f->s, &auditor, e1, REC_REJECTED,
					   "No evidence", f->d90 + 5,
					   "insp@example.org", &err), 0);
	assert_int_equal(store_rec_addressee_get(f->s, e1, &got, &err), 0);
	assert_int_equal(got.verdict, REC_REJECTED);
	assert_string_equal(got.verdict_reason, "No evidence");
	assert_int_equal(got.verdict_on, f->d90 + 5);
	assert_string_equal(got.verdict_by, "insp@example.org");
	u.status = REC_IN_PROGRESS;
	u.at += MS_PER_DAY;
	assert_int_equal(store_rec_update_add(f->s, NULL, &u, &err), 0);
	assert_int_equal(store_rec_addressee_get(f->s, e1, &got, &err), 0);
	assert_int_equal(got.verdict, REC_VERDICT_NONE);
	assert_int_equal(got.verdict_on, DATE_NONE);
	assert_int_equal(store_rec_addressee_get(f->s, bad, &got, &err),
			 ERR_NOT_FOUND);
	err_clear(&err);

	q = load_set(f->s, QP_RECS, NULL);
	assert_int_equal(q.nrecs, 3);
	assert_string_equal(q.recs[0].code, "NR-1");
	assert_string_equal(q.recs[0].text_cy, "Gwnewch yn well");
	assert_true(q.recs[1].all_councils);
	assert_int_equal(q.nrepeats, 2);
	assert_int_equal(q.repeats[0].rec_id, r2.id);
	assert_int_equal(q.repeats[0].earlier_id, r1.id);
	assert_int_equal(q.naddressees, 4);
	assert_int_equal(q.nactions, 1);
	assert_int_equal(q.nupdates, 3);
	assert_int_equal(q.updates[2].status, REC_IN_PROGRESS);
	assert_int_equal(q.ninsp, 0);
	quality_set_release(&q);
	/* recommendations are never of a home */
	q = load_set(f->s, QP_RECS, W1);
	assert_int_equal(q.nrecs, 0);
	quality_set_release(&q);
}

/* ---- views and ties ----------------------------------------------------- */

static void test_home_views(void **state)
{
	struct fixture *f = fx(state);
	struct err err = ERR_INIT;
	struct quality_set q;
	int64_t t = (int64_t)f->d90 * MS_PER_DAY;

	assert_int_equal(store_home_viewed(f->s, ORG_COUNCIL, CARDIFF, W2, t,
					   &err), 0);
	assert_int_equal(store_home_viewed(f->s, ORG_COUNCIL, CARDIFF, W2,
					   t + 1000, &err), 0);
	/* an older view does not move it back */
	assert_int_equal(store_home_viewed(f->s, ORG_COUNCIL, CARDIFF, W2,
					   t - 1000, &err), 0);
	assert_int_equal(store_home_viewed(f->s, ORG_COUNCIL, SWANSEA, W2, t,
					   &err), 0);
	assert_int_equal(store_home_viewed(f->s, ORG_COUNCIL, CARDIFF,
					   "W9999999", t, &err),
			 ERR_NOT_FOUND);
	err_clear(&err);
	q = load_set(f->s, QP_VIEWS, W2);
	assert_int_equal(q.nviews, 2);
	/* by urn, kind, code: Swansea's W06000011 first */
	assert_string_equal(q.views[1].code, CARDIFF);
	assert_string_equal(q.views[1].urn, W2);
	assert_int_equal(q.views[1].kind, ORG_COUNCIL);
	assert_int_equal(q.views[1].at, t + 1000);
	assert_int_equal(q.views[0].at, t);
	quality_set_release(&q);
	q = load_set(f->s, QP_VIEWS, W1);
	assert_int_equal(q.nviews, 0);
	quality_set_release(&q);
}

struct councils {
	char la[4][LA_CODE_MAX + 1];
	long children[4];
	size_t n;
};

static int council_seen(const char *la, long children, void *ctx)
{
	struct councils *c = ctx;

	if (c->n < 4) {
		snprintf(c->la[c->n], sizeof(c->la[0]), "%s", la);
		c->children[c->n++] = children;
	}
	return 0;
}

static void test_council_ties(void **state)
{
	struct fixture *f = fx(state);
	struct err err = ERR_INIT;
	struct councils c;
	bool yes = true;

	assert_int_equal(store_quality_council_places(f->s, CARDIFF, W1,
						      f->d90, &yes, &err), 0);
	assert_true(yes);	/* C04 left on the window's first day */
	assert_int_equal(store_quality_council_places(f->s, CARDIFF, W1,
						      f->d91, &yes, &err), 0);
	assert_false(yes);
	assert_int_equal(store_quality_council_places(f->s, CARDIFF, W2,
						      f->d91, &yes, &err), 0);
	assert_true(yes);	/* C01, placed there now */
	assert_int_equal(store_quality_council_places(f->s, SWANSEA, W2,
						      f->d90, &yes, &err), 0);
	assert_false(yes);
	assert_int_equal(store_quality_council_places(f->s, "bad", W2, f->d90,
						      &yes, &err), 0);
	assert_false(yes);

	memset(&c, 0, sizeof(c));
	assert_int_equal(store_quality_placing_councils(f->s, W2, f->d90,
							council_seen, &c,
							&err), 0);
	assert_int_equal(c.n, 1);
	assert_string_equal(c.la[0], CARDIFF);
	assert_int_equal(c.children[0], 1);
	memset(&c, 0, sizeof(c));
	assert_int_equal(store_quality_placing_councils(f->s, W1, f->d90,
							council_seen, &c,
							&err), 0);
	assert_int_equal(c.n, 0);	/* now only, not the window */
}

static void test_home_child_at(void **state)
{
	struct fixture *f = fx(state);
	struct err err = ERR_INIT;
	char provider[PROVIDER_NAME_MAX + 1], la[LA_CODE_MAX + 1];
	bool yes = false;

	assert_int_equal(store_quality_home(f->s, W2, provider, la, &err), 0);
	assert_string_equal(provider, "The Meadow Trust");
	assert_string_equal(la, SWANSEA);
	assert_int_equal(store_quality_home(f->s, "W9999999", provider, la,
					    &err), ERR_NOT_FOUND);
	err_clear(&err);
	assert_int_equal(store_quality_child_at(f->s, CARDIFF, "C04", W1,
						f->d90, &yes, &err), 0);
	assert_true(yes);
	assert_int_equal(store_quality_child_at(f->s, CARDIFF, "C04", W1,
						f->d91, &yes, &err), 0);
	assert_false(yes);
	assert_int_equal(store_quality_child_at(f->s, CARDIFF, "C04", W2,
						f->d90, &yes, &err), 0);
	assert_false(yes);
	assert_int_equal(store_quality_child_at(f->s, CARDIFF, "C01", W2,
						f->d91, &yes, &err), 0);
	assert_true(yes);
	assert_int_equal(store_quality_child_at(f->s, CARDIFF, "C99", W2,
						f->d90, &yes, &err),
			 ERR_NOT_FOUND);
}

/* Every code of the domain's lists is one the schema's CHECKs take, and
 * reads back as itself (the lists are written twice: quality.c and
 * migration 13). */
static void test_codes_round_trip(void **state)
{
	struct fixture *f = fx(state);
	struct err err = ERR_INIT;
	struct q_inspection i, got;
	struct q_finding fs[Q_NSTATUSES * Q_NKINDS], *gf = NULL;
	struct rec r;
	struct rec_addressee a, ga;
	struct rec_update u;
	size_t ngf = 0, nf = 0;
	char code[Q_CODE_MAX + 1];

	for (int t = 0; t < Q_NTYPES; t++) {
		for (int k = 0; k < Q_NRATINGS; k++) {
			inspection(&i, W3, f->d90 - 2000 + t * 100 + k,
				   (enum q_insp_type)t, (enum q_rating)k);
			assert_int_equal(store_inspection_add(f->s, NULL, &i,
							      NULL, 0, &err),
					 0);
			assert_int_equal(store_inspection_get(f->s, i.id, &got,
							      &gf, &ngf, &err),
					 0);
			free(gf);
			assert_int_equal(got.type, t);
			assert_int_equal(got.rating[Q_LEADERSHIP], k);
		}
	}
	inspection(&i, W3, f->d90 - 2500, Q_FULL, Q_GOOD);
	for (int k = 0; k < Q_NKINDS; k++) {
		for (int st = 0; st < Q_NSTATUSES; st++) {
			struct q_finding *x = &fs[nf++];

			finding(x, (enum q_finding_kind)k, "reg 1",
				k == Q_PRIORITY_ACTION_NOTICE ? f->d90 :
				DATE_NONE);
			x->status = (enum q_finding_status)st;
			if (st == Q_MET || st == Q_NOT_MET)
				x->judged_on = f->d90 - 10;
		}
	}
	assert_int_equal(store_inspection_add(f->s, NULL, &i, fs, nf, &err), 0);
	assert_int_equal(store_inspection_get(f->s, i.id, &got, &gf, &ngf,
					      &err), 0);
	assert_int_equal(ngf, nf);
	for (size_t k = 0; k < nf; k++) {
		assert_int_equal(gf[k].kind, fs[k].kind);
		assert_int_equal(gf[k].status, fs[k].status);
	}
	free(gf);

	for (int src = 0; src < REC_NSOURCES; src++) {
		snprintf(code, sizeof(code), "SRC-%d", src);
		rec(&r, code, f->d90 - 50);
		r.source = (enum rec_source)src;
		snprintf(r.theme, sizeof(r.theme), "%s",
			 rec_themes[(size_t)src % rec_nthemes].code);
		addressee(&a, (enum org_kind)(src % ORG_NKINDS), "X1");
		assert_int_equal(store_rec_add(f->s, NULL, &r, &a, 1, NULL, 0,
					       &err), 0);
	}
	memset(&u, 0, sizeof(u));
	u.addressee_id = a.id;
	snprintf(u.note, sizeof(u.note), "n");
	for (int st = REC_NSTATUSES; st-- > 0;) {
		u.status = (enum rec_status)st;
		u.at = (int64_t)(f->d90 - 10 + st) * MS_PER_DAY;
		assert_int_equal(store_rec_update_add(f->s, NULL, &u, &err), 0);
		assert_int_equal(store_rec_addressee_get(f->s, a.id, &ga, &err),
				 0);
		assert_int_equal(ga.status, st);
	}
	u.status = REC_DONE;
	assert_int_equal(store_rec_update_add(f->s, NULL, &u, &err), 0);
	for (int vd = 0; vd < REC_NVERDICTS; vd++) {
		assert_int_equal(store_rec_verdict(f->s, NULL, a.id,
						   (enum rec_verdict)vd, "why",
						   f->d90, "i@x.org", &err), 0);
		assert_int_equal(store_rec_addressee_get(f->s, a.id, &ga, &err),
				 0);
		assert_int_equal(ga.verdict, vd);
		assert_int_equal(ga.kind, a.kind);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_inspection_add_get),
		cmocka_unit_test(test_respond_judge_repeat),
		cmocka_unit_test(test_import),
		cmocka_unit_test(test_notifications),
		cmocka_unit_test(test_recs),
		cmocka_unit_test(test_home_views),
		cmocka_unit_test(test_council_ties),
		cmocka_unit_test(test_home_child_at),
		cmocka_unit_test(test_codes_round_trip),
	};
	int rc = cmocka_run_group_tests_name("sqlite", tests, lite_setup,
					     teardown);

	return rc | cmocka_run_group_tests_name("postgresql", tests, pg_setup,
						teardown);
}
