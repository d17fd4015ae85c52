/*
 * u-scope.c: what each viewer may see (store.h's scoped reads,
 * domain/viewer.h, src/auth/viewer.c; the rules are docs/access.md).
 *
 * One store for the whole program: the geography, the register and
 * Cardiff's 2018 and 2019 returns of tests/data/review/boundaries, and
 * one user per kind of viewer, added through the store and auth APIs.
 * The fixture's children, merged across the two returns, as the tests
 * use them (W1 = W0000001 Orchard Care Ltd, Cardiff; W2 = W0000002 The
 * Meadow Trust, Swansea SA1 1AA; W3 = W0000003 Cardiff Council's own):
 *
 *	C01  W1 01/04/18-10/06/18, W2 10/06/18-20/09/18, W2 (L) open;
 *	     missing from W2: M 01/07/18-03/07/18, M 01/08/18, A 05/08/18,
 *	     M 25/03/19 still open, and recorded live (missing now)
 *	C02  foster placement (no home) since 2015; an OC2 row
 *	C04  ... W1 01/07/18-31/03/19 (ceased); missing M 02/07/18 from W1
 *	C05  short breaks (V3) only; C07 placed in Newport (Gwent)
 *
 * Day D90 (29/06/2019) is the 90th day after C04 left W1, D91 the 91st.
 * Users' password hashes are a fixed well-formed string: nobody signs in
 * here, and argon2id would cost seconds under ASan.
 */
#include "unit-people.h"
#include "auth/auth.h"
#include "domain/missing.h"
#include "domain/viewer.h"
#include "ingest/import.h"

#define CASE "tests/data/review/boundaries"
#define CARDIFF "W06000015"
#define SWANSEA "W06000011"
#define W1 "W0000001"
#define W2 "W0000002"
#define W3 "W0000003"
#define IP "192.0.2.7"
#define MS_PER_DAY 86400000LL

enum who {
	INSPECTOR,
	ANALYST,
	ADMIN,
	CARDIFF_SW,
	CARDIFF_PL,
	SWANSEA_SW,
	ORCHARD,	/* home_manager, provider of W1 */
	MEADOW,		/* home_manager, provider of W2 */
	UNLINKED,	/* home_manager of a provider not in the register */
	SOUTH_WALES,	/* police: Cardiff, Swansea, ... */
	GWENT,		/* police: Newport, ... */
	MISFIT,		/* an inspector in a council (auth refuses) */
	DISABLED,
	NWHO
};

struct fixture {
	struct store *s;
	struct user u[NWHO];
	int32_t d90, d91;
};

static void add_user(struct fixture *f, enum who w, const char *email,
		     enum role role, int64_t org_id, bool disabled)
{
	unit_user(f->s, email, (int)w, role, org_id, disabled, &f->u[w]);
}

/* A live missing (M) episode of Cardiff's child ref from home urn;
 * returned 0: missing now.  Its id, or 0 on failure. */
static int64_t add_live(struct store *s, const char *ref, const char *urn,
			const char *started, int64_t returned)
{
	struct err err = ERR_INIT;
	struct mfc_episode e;
	int64_t id = 0;

	mfc_episode_init(&e);
	snprintf(e.la, sizeof(e.la), CARDIFF);
	snprintf(e.ref, sizeof(e.ref), "%s", ref);
	snprintf(e.kind, sizeof(e.kind), "M");
	snprintf(e.urn, sizeof(e.urn), "%s", urn);
	e.returned_at = returned;
	if (mfc_time_parse(started, &e.started_at) ||
	    store_mfc_import(s, &e, &id, &err)) {
		fprintf(stderr, "live episode: %s\n", err_text(&err));
		return 0;
	}
	return id;
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
	int64_t ciw, cardiff, swansea;
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
		fprintf(stderr, "u-scope setup: %s\n", err_text(&err));
		return -1;
	}
	/* C01 is missing now: its return's open period, recorded live */
	if (!add_live(f.s, "C01", W2, "2019-03-25T21:00Z", 0))
		return -1;
	ciw = unit_org(f.s, ORG_INSPECTORATE, "CIW", NULL);
	cardiff = unit_org(f.s, ORG_COUNCIL, CARDIFF, NULL);
	swansea = unit_org(f.s, ORG_COUNCIL, SWANSEA, NULL);
	add_user(&f, INSPECTOR, "insp@example.org", ROLE_INSPECTOR, ciw,
		 false);
	add_user(&f, ANALYST, "analyst@example.org", ROLE_ANALYST, ciw,
		 false);
	add_user(&f, ADMIN, "admin@example.org", ROLE_ADMIN, ciw, false);
	add_user(&f, CARDIFF_SW, "sw@cardiff.example",
		 ROLE_COUNCIL_SOCIAL_WORKER, cardiff, false);
	add_user(&f, CARDIFF_PL, "pl@cardiff.example", ROLE_COUNCIL_PLACEMENTS,
		 cardiff, false);
	add_user(&f, SWANSEA_SW, "sw@swansea.example",
		 ROLE_COUNCIL_SOCIAL_WORKER, swansea, false);
	add_user(&f, ORCHARD, "mgr@orchard.example", ROLE_HOME_MANAGER,
		 unit_org(f.s, ORG_PROVIDER, "orchard", "Orchard Care Ltd"),
		 false);
	add_user(&f, MEADOW, "mgr@meadow.example", ROLE_HOME_MANAGER,
		 unit_org(f.s, ORG_PROVIDER, "meadow", "The Meadow Trust"),
		 false);
	add_user(&f, UNLINKED, "mgr@unlinked.example", ROLE_HOME_MANAGER,
		 unit_org(f.s, ORG_PROVIDER, "unlinked", ""), false);
	add_user(&f, SOUTH_WALES, "mc@south-wales.example",
		 ROLE_POLICE_MISSING_COORDINATOR,
		 unit_org(f.s, ORG_POLICE, "south-wales", NULL), false);
	add_user(&f, GWENT, "mc@gwent.example",
		 ROLE_POLICE_MISSING_COORDINATOR,
		 unit_org(f.s, ORG_POLICE, "gwent", NULL), false);
	add_user(&f, MISFIT, "misfit@cardiff.example", ROLE_INSPECTOR,
		 cardiff, false);
	add_user(&f, DISABLED, "gone@cardiff.example",
		 ROLE_COUNCIL_SOCIAL_WORKER, cardiff, true);
	f.d90 = unit_date("29/06/2019");
	f.d91 = unit_date("30/06/2019");
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	store_close(f->s);
	return 0;
}

/* The viewer of user w on day `today` (signed in at noon that day). */
static struct viewer view(struct fixture *f, enum who w, int32_t today)
{
	struct err err = ERR_INIT;
	struct viewer v;

	if (viewer_from_user(f->s, &f->u[w], IP,
			     (int64_t)today * MS_PER_DAY + MS_PER_DAY / 2, &v,
			     &err))
		fail_msg("viewer %d: %s", (int)w, err_text(&err));
	assert_int_equal(v.today, today);
	return v;
}

/* A zeroed filter matches everything; pages of the largest size. */
static struct child_filter all_children(void)
{
	struct child_filter f = { .page_size = STORE_PAGE_MAX };

	return f;
}

static struct missing_filter all_missing(void)
{
	struct missing_filter f = { .page_size = STORE_PAGE_MAX };

	return f;
}

static struct home_filter all_homes(void)
{
	struct home_filter f = { .page_size = STORE_PAGE_MAX };

	return f;
}

static int record_rc(struct fixture *f, const struct viewer *v,
		     const char *ref, struct child_record *r)
{
	struct err err = ERR_INIT;

	return store_child_record(f->s, v, CARDIFF, ref, r, &err);
}

/* Audit rows with this action, subject and user (0: anyone). */
static long audit_count(struct store *s, const char *action,
			const char *kind, const char *id, int64_t user);

struct acount {
	const char *action;
	long n;
};

static int acount_row(const struct audit_row *r, void *ctx)
{
	struct acount *c = ctx;

	if (!strcmp(r->action, c->action))
		c->n++;
	return 0;
}

static long audit_count(struct store *s, const char *action,
			const char *kind, const char *id, int64_t user)
{
	struct audit_query q = { kind, id, user, 0, 1000 };
	struct acount c = { action, 0 };
	struct err err = ERR_INIT;

	if (store_audit_list(s, &q, acount_row, &c, &err))
		fail_msg("audit list: %s", err_text(&err));
	return c.n;
}

/* ---- the role x function matrix ------------------------------------------ */

struct expect {
	enum who who;
	int list_rc;
	size_t list_n;
	int rec_c01, rec_c04, rec_c02, rec_c99;
	int profile_rc;
	size_t profile_children;	/* at W2 */
	int missing_rc;
	size_t missing_n;
};

#define NF ERR_NOT_FOUND
#define DN ERR_DENIED

static const struct expect matrix[] = {
	/* who          list     C01 C04 C02 C99  W2     missing */
	{ INSPECTOR,   0, 2,    0,  0,  NF, NF,  0, 1,  0, 1 },
	{ ANALYST,     DN, 0,   DN, DN, DN, DN,  DN, 0, DN, 0 },
	{ ADMIN,       DN, 0,   DN, DN, DN, DN,  DN, 0, DN, 0 },
	{ CARDIFF_SW,  0, 7,    0,  0,  0,  NF,  0, 1,  0, 1 },
	{ CARDIFF_PL,  0, 7,    0,  0,  0,  NF,  0, 1,  0, 1 },
	{ SWANSEA_SW,  0, 0,    NF, NF, NF, NF,  0, 0,  0, 0 },
	{ ORCHARD,     0, 1,    NF, 0,  NF, NF,  0, 0,  0, 0 },
	{ MEADOW,      0, 1,    0,  NF, NF, NF,  0, 1,  0, 1 },
	{ UNLINKED,    0, 0,    NF, NF, NF, NF,  0, 0,  0, 0 },
	{ SOUTH_WALES, 0, 1,    0,  NF, NF, NF,  0, 1,  0, 1 },
	{ GWENT,       0, 0,    NF, NF, NF, NF,  0, 0,  0, 0 },
	{ MISFIT,      DN, 0,   DN, DN, DN, DN,  DN, 0, DN, 0 },
};

static void test_matrix(void **state)
{
	struct fixture *f = *state;
	static struct child_page cp;
	static struct home_page hp;
	static struct home_profile pr;
	static struct missing_page mp;
	struct child_filter cf = all_children();
	struct missing_filter mf = all_missing();
	struct home_filter hf = all_homes();

	for (size_t i = 0; i < ARRAY_SIZE(matrix); i++) {
		const struct expect *x = &matrix[i];
		struct viewer v = view(f, x->who, f->d90);
		struct child_record r = CHILD_RECORD_INIT;
		struct err err = ERR_INIT;

		print_message("viewer %d (%s)\n", (int)x->who, v.role);
		assert_int_equal(store_children_list(f->s, &v, &cf, &cp, &err),
				 x->list_rc);
		assert_int_equal(cp.n, x->list_n);
		assert_int_equal(cp.total, (long)x->list_n);
		assert_int_equal(record_rc(f, &v, "C01", &r), x->rec_c01);
		assert_int_equal(record_rc(f, &v, "C04", &r), x->rec_c04);
		assert_int_equal(record_rc(f, &v, "C02", &r), x->rec_c02);
		assert_int_equal(record_rc(f, &v, "C99", &r), x->rec_c99);
		child_record_release(&r);
		err_clear(&err);
		assert_int_equal(store_home_profile(f->s, &v, W2, &pr, &err),
				 x->profile_rc);
		assert_int_equal(pr.nchildren, x->profile_children);
		err_clear(&err);
		assert_int_equal(store_missing_open(f->s, &v, &mf, &mp, &err),
				 x->missing_rc);
		assert_int_equal(mp.n, x->missing_n);
		/* the register is everybody's: it names no child */
		err_clear(&err);
		assert_int_equal(store_homes_list(f->s, &v, &hf, &hp, &err),
				 0);
		assert_int_equal(hp.n, 3);
	}
}

/* Which children each viewer's list holds, in order. */
static void assert_refs(const struct child_page *p, const char *want)
{
	char got[256] = "";
	size_t n = 0;

	for (size_t i = 0; i < p->n; i++)
		n += (size_t)snprintf(got + n, sizeof(got) - n, "%s%s",
				      i ? " " : "", p->rows[i].ref);
	assert_string_equal(got, want);
}

static void test_lists(void **state)
{
	struct fixture *f = *state;
	static struct child_page p;
	struct child_filter cf = all_children();
	struct err err = ERR_INIT;
	struct viewer v;

	v = view(f, CARDIFF_SW, f->d90);
	assert_int_equal(store_children_list(f->s, &v, &cf, &p, &err), 0);
	assert_refs(&p, "C01 C02 C03 C04 C05 C06 C07");
	assert_string_equal(p.rows[0].la, CARDIFF);
	/* looked after on the day: not C04 (ceased 31/03), not C05 (V3) */
	cf.looked_after_on = f->d90;
	assert_int_equal(store_children_list(f->s, &v, &cf, &p, &err), 0);
	assert_refs(&p, "C01 C02 C03 C06 C07");
	cf = all_children();
	cf.ref_prefix = "C0";
	assert_int_equal(store_children_list(f->s, &v, &cf, &p, &err), 0);
	assert_int_equal(p.total, 7);
	cf.ref_prefix = "C07";
	assert_int_equal(store_children_list(f->s, &v, &cf, &p, &err), 0);
	assert_refs(&p, "C07");
	/* in a children's home first, then looked after, then the rest */
	cf = all_children();
	cf.homes_first = true;
	assert_int_equal(store_children_list(f->s, &v, &cf, &p, &err), 0);
	assert_refs(&p, "C01 C02 C03 C06 C07 C04 C05");
	cf.page_size = 2;
	cf.page = 1;
	assert_int_equal(store_children_list(f->s, &v, &cf, &p, &err), 0);
	assert_refs(&p, "C03 C06");
	cf = all_children();
	cf.in_home = true;
	assert_int_equal(store_children_list(f->s, &v, &cf, &p, &err), 0);
	assert_refs(&p, "C01");
	cf = all_children();
	cf.urn = W2;
	assert_int_equal(store_children_list(f->s, &v, &cf, &p, &err), 0);
	assert_refs(&p, "C01");
	cf.urn = W1;
	assert_int_equal(store_children_list(f->s, &v, &cf, &p, &err), 0);
	assert_int_equal(p.total, 0);
	cf = all_children();
	cf.la = SWANSEA;
	assert_int_equal(store_children_list(f->s, &v, &cf, &p, &err), 0);
	assert_int_equal(p.total, 0);

	v = view(f, INSPECTOR, f->d90);
	cf = all_children();
	assert_int_equal(store_children_list(f->s, &v, &cf, &p, &err), 0);
	assert_refs(&p, "C01 C04");
	v = view(f, MEADOW, f->d90);
	assert_int_equal(store_children_list(f->s, &v, &cf, &p, &err), 0);
	assert_refs(&p, "C01");
	v = view(f, SOUTH_WALES, f->d90);
	assert_int_equal(store_children_list(f->s, &v, &cf, &p, &err), 0);
	assert_refs(&p, "C01");
	assert_int_equal(p.rows[0].open_missing, 1);
}

/* ---- field-level redaction ---------------------------------------------- */

static void test_fields_council(void **state)
{
	struct fixture *f = *state;
	struct child_record r = CHILD_RECORD_INIT;
	struct viewer v = view(f, CARDIFF_SW, f->d90);
	const struct child_placement *e;

	assert_int_equal(record_rc(f, &v, "C01", &r), 0);
	assert_string_equal(r.child.ref, "C01");
	assert_string_equal(r.child.sex, "1");
	assert_int_equal(r.child.dob, unit_date("01/06/2006"));
	assert_int_equal(r.child.age, 13);
	assert_string_equal(r.child.upn, "UN1");
	assert_string_equal(r.child.ethnic, "WBRI");
	assert_true(r.child.looked_after);
	assert_true(r.child.has_current);
	assert_string_equal(r.child.current.urn, W2);
	assert_string_equal(r.child.current.pl_post, "SA1 1AA");
	assert_int_equal(r.nepisodes, 3);
	e = &r.episodes[1];
	assert_int_equal(e->decom, unit_date("10/06/2018"));
	assert_int_equal(e->dec, unit_date("20/09/2018"));
	assert_false(e->open);
	assert_string_equal(e->urn, W2);
	assert_string_equal(e->home_name, "Bryn Dau");
	assert_string_equal(e->provider, "The Meadow Trust");
	assert_string_equal(e->cin, "N1");
	assert_string_equal(e->ls, "C1");
	/* the reason is on the episode that ended (DfE), the first */
	assert_string_equal(e->reason_place_change, "");
	assert_string_equal(r.episodes[0].reason_place_change, "CREQB");
	assert_string_equal(e->home_post, "CF10 1AA");
	assert_string_equal(e->pl_post, "SA1 1AA");
	assert_string_equal(e->district, "SA1");
	assert_true(e->distance > 0);
	assert_int_not_equal(e->band, DIST_HIDDEN);
	assert_true(r.episodes[2].open);
	assert_int_equal(r.nmissing, 4);
	assert_string_equal(r.missing[3].kind, "M");
	assert_true(r.missing[3].open);
	assert_false(r.missing[0].open);
	assert_string_equal(r.missing[0].urn, W2);
	assert_int_equal(r.noc2, 0);
	assert_int_equal(record_rc(f, &v, "C02", &r), 0);
	assert_int_equal(r.noc2, 1);
	assert_int_equal(r.oc2[0].year, 2019);
	assert_int_equal(r.oc2[0].sdq_score, 20);
	child_record_release(&r);
}

/* Nothing the field table withholds from a non-council viewer shows. */
static void assert_not_council(const struct child_record *r)
{
	assert_string_equal(r->child.upn, "");
	assert_string_equal(r->child.ethnic, "");
	assert_int_equal(r->noc2, 0);
	for (size_t i = 0; i < r->nepisodes; i++) {
		assert_string_equal(r->episodes[i].cin, "");
		assert_string_equal(r->episodes[i].pl_post, "");
		assert_string_equal(r->episodes[i].home_post, "");
		assert_int_equal(r->episodes[i].distance, -1);
	}
	for (size_t i = 0; i < r->nmissing; i++)
		assert_string_equal(r->missing[i].pl_post, "");
	assert_string_equal(r->child.current.pl_post, "");
}

static void test_fields_inspector(void **state)
{
	struct fixture *f = *state;
	struct child_record r = CHILD_RECORD_INIT;
	struct viewer v = view(f, INSPECTOR, f->d90);

	assert_int_equal(record_rc(f, &v, "C01", &r), 0);
	assert_not_council(&r);
	assert_int_equal(r.child.dob, DATE_NONE);
	assert_int_equal(r.child.age, 13);
	assert_string_equal(r.child.sex, "1");
	assert_int_equal(r.nepisodes, 3);
	assert_int_equal(r.nmissing, 4);
	assert_string_equal(r.episodes[1].ls, "C1");
	assert_string_equal(r.episodes[0].reason_place_change, "CREQB");
	assert_string_equal(r.episodes[1].district, "SA1");
	assert_int_not_equal(r.episodes[1].band, DIST_HIDDEN);
	child_record_release(&r);
}

static void test_fields_provider(void **state)
{
	struct fixture *f = *state;
	struct child_record r = CHILD_RECORD_INIT;
	struct viewer v = view(f, MEADOW, f->d90);

	assert_int_equal(record_rc(f, &v, "C01", &r), 0);
	assert_not_council(&r);
	assert_int_equal(r.child.dob, unit_date("01/06/2006"));
	/* only the placements with this provider, and what went on there */
	assert_int_equal(r.nepisodes, 2);
	assert_string_equal(r.episodes[0].urn, W2);
	assert_string_equal(r.episodes[1].urn, W2);
	assert_int_equal(r.nmissing, 4);
	assert_true(r.child.has_current);
	child_record_release(&r);

	/* Orchard had C04 at W1: that placement and the missing period
	 * from it, not the one from a placement elsewhere */
	v = view(f, ORCHARD, f->d90);
	assert_int_equal(record_rc(f, &v, "C04", &r), 0);
	assert_int_equal(r.nepisodes, 1);
	assert_string_equal(r.episodes[0].urn, W1);
	assert_string_equal(r.episodes[0].rec, "E13");
	assert_int_equal(r.nmissing, 1);
	assert_int_equal(r.missing[0].start, unit_date("02/07/2018"));
	assert_false(r.child.has_current);
	child_record_release(&r);
}

/* Orchard keeps C01 for 90 days after the move to Meadow's home, but
 * never learns where the child went. */
static void test_provider_no_new_placement(void **state)
{
	struct fixture *f = *state;
	static struct child_page p;
	struct child_filter cf = all_children();
	struct child_record r = CHILD_RECORD_INIT;
	struct err err = ERR_INIT;
	struct viewer v = view(f, ORCHARD, unit_date("15/07/2018"));

	assert_int_equal(store_children_list(f->s, &v, &cf, &p, &err), 0);
	assert_refs(&p, "C01 C04");
	assert_false(p.rows[0].has_current);
	assert_string_equal(p.rows[0].current.urn, "");
	assert_true(p.rows[0].looked_after);
	/* missing now, but from W2: not Orchard's to know */
	assert_int_equal(p.rows[0].open_missing, 0);
	assert_true(p.rows[1].has_current);
	assert_string_equal(p.rows[1].current.urn, W1);
	assert_int_equal(p.rows[1].open_missing, 0);
	assert_int_equal(record_rc(f, &v, "C01", &r), 0);
	assert_int_equal(r.nepisodes, 1);
	assert_string_equal(r.episodes[0].urn, W1);
	assert_int_equal(r.nmissing, 0);
	child_record_release(&r);
}

static void test_fields_police(void **state)
{
	struct fixture *f = *state;
	struct child_record r = CHILD_RECORD_INIT;
	struct viewer v = view(f, SOUTH_WALES, f->d90);

	assert_int_equal(record_rc(f, &v, "C01", &r), 0);
	assert_not_council(&r);
	assert_string_equal(r.child.sex, "1");
	assert_int_equal(r.child.dob, unit_date("01/06/2006"));
	assert_true(r.child.has_current);
	assert_string_equal(r.child.current.urn, W2);
	assert_string_equal(r.child.current.home_name, "Bryn Dau");
	assert_string_equal(r.child.current.district, "SA1");
	/* the current placement only, nothing of its history */
	assert_int_equal(r.nepisodes, 1);
	assert_true(r.episodes[0].open);
	assert_string_equal(r.episodes[0].ls, "");
	assert_string_equal(r.episodes[0].rec, "");
	assert_int_equal(r.episodes[0].band, DIST_HIDDEN);
	/* missing (M) from its area; "away" (A) is not for the police */
	assert_int_equal(r.nmissing, 3);
	for (size_t i = 0; i < r.nmissing; i++)
		assert_string_equal(r.missing[i].kind, "M");
	child_record_release(&r);
}

/*
 * Police see a child only while it is missing now: a live episode of
 * kind M from their area that has not ended.  A period a return left
 * open is not "missing now": C04's 2018 return left its period of
 * 31/03/2018 open, and nothing recorded live says it is missing.
 */
static void test_police_only_while_missing(void **state)
{
	struct fixture *f = *state;
	struct child_record r = CHILD_RECORD_INIT;
	struct err err = ERR_INIT;
	struct mfc_episode e;
	struct viewer v;
	int64_t id;

	v = view(f, SOUTH_WALES, unit_date("01/04/2018"));
	assert_int_equal(record_rc(f, &v, "C04", &r), ERR_NOT_FOUND);
	v = view(f, SOUTH_WALES, f->d90);
	assert_int_equal(record_rc(f, &v, "C04", &r), ERR_NOT_FOUND);
	/* C04 missing now from W1 (Cardiff: South Wales Police's area) */
	id = add_live(f->s, "C04", W1, "2019-06-29T09:00Z", 0);
	assert_true(id > 0);
	assert_int_equal(record_rc(f, &v, "C04", &r), 0);
	assert_int_equal(r.child.open_missing, 1);
	child_record_release(&r);
	v = view(f, GWENT, f->d90);
	assert_int_equal(record_rc(f, &v, "C04", &r), ERR_NOT_FOUND);
	/* back: no longer the police's */
	v = view(f, SOUTH_WALES, f->d90);
	assert_int_equal(store_mfc_get(f->s, &v, id, &e, &err), 0);
	assert_int_equal(mfc_time_parse("2019-06-29T11:00Z", &e.returned_at),
			 0);
	assert_int_equal(store_mfc_return(f->s, &v, &e, NULL, &err), 0);
	assert_int_equal(record_rc(f, &v, "C04", &r), ERR_NOT_FOUND);
	child_record_release(&r);
}

/* Homes now, in numbers: a provider its own, inspectors every home. */
static void test_homes_now(void **state)
{
	struct fixture *f = *state;
	struct err err = ERR_INIT;
	struct home_now *h = NULL;
	struct viewer v;
	size_t n = 0;

	v = view(f, MEADOW, f->d90);
	assert_int_equal(store_homes_now(f->s, &v, 0, &h, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_string_equal(h[0].urn, W2);
	assert_string_equal(h[0].name, "Bryn Dau");
	assert_string_equal(h[0].la, SWANSEA);
	assert_int_equal(h[0].places, 3);
	assert_true(h[0].open);
	assert_int_equal(h[0].placed, 1);	/* C01 */
	assert_int_equal(h[0].missing_now, 1);	/* C01, recorded live */
	assert_int_equal(h[0].episodes_recent, 1);
	free(h);
	/* only episodes since a time count as recent */
	assert_int_equal(store_homes_now(f->s, &v, (int64_t)f->d90 * MS_PER_DAY,
					 &h, &n, &err), 0);
	assert_int_equal(h[0].episodes_recent, 0);
	free(h);
	v = view(f, INSPECTOR, f->d90);
	assert_int_equal(store_homes_now(f->s, &v, 0, &h, &n, &err), 0);
	assert_int_equal(n, 3);
	assert_false(h[1].open);	/* Old Three closed on 01/01/2019 */
	free(h);
	/* a council: the homes in its area (W1, W3 in Cardiff) */
	v = view(f, CARDIFF_SW, f->d90);
	assert_int_equal(store_homes_now(f->s, &v, 0, &h, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_string_equal(h[0].urn, W3);	/* Old Three */
	assert_string_equal(h[1].urn, W1);	/* Tŷ Un */
	free(h);
	v = view(f, SOUTH_WALES, f->d90);
	assert_int_equal(store_homes_now(f->s, &v, 0, &h, &n, &err), DN);
	assert_null(h);
	v = view(f, UNLINKED, f->d90);
	assert_int_equal(store_homes_now(f->s, &v, 0, &h, &n, &err), 0);
	assert_int_equal(n, 0);
}

/*
 * Nobody of 18 or over is looked after now, whatever a return left
 * open: C01 (born 01/06/2006) is 18 on 01/06/2024; its placement at W2
 * was still open in the latest return.
 */
static void test_eighteen(void **state)
{
	struct fixture *f = *state;
	static struct child_page p;
	static struct home_profile pr;
	struct child_filter cf = all_children();
	struct child_record r = CHILD_RECORD_INIT;
	struct err err = ERR_INIT;
	struct viewer v;

	v = view(f, CARDIFF_SW, unit_date("31/05/2024"));
	assert_int_equal(record_rc(f, &v, "C01", &r), 0);
	assert_true(r.child.looked_after);
	assert_true(r.child.has_current);
	assert_int_equal(r.child.age, 17);
	child_record_release(&r);

	v = view(f, CARDIFF_SW, unit_date("01/06/2024"));
	assert_int_equal(record_rc(f, &v, "C01", &r), 0);
	assert_false(r.child.looked_after);
	assert_false(r.child.has_current);
	assert_int_equal(r.child.age, 18);
	child_record_release(&r);
	cf.looked_after_on = v.today;
	assert_int_equal(store_children_list(f->s, &v, &cf, &p, &err), 0);
	for (size_t i = 0; i < p.n; i++)
		assert_string_not_equal(p.rows[i].ref, "C01");
	/* not placed at W2 now, for anyone */
	v = view(f, INSPECTOR, unit_date("01/06/2024"));
	assert_int_equal(store_home_profile(f->s, &v, W2, &pr, &err), 0);
	for (size_t i = 0; i < pr.nchildren; i++)
		assert_string_not_equal(pr.children[i].ref, "C01");
	/* the provider sees a former resident for 90 days after the 18th
	 * birthday, as after any placement's end, then no more */
	v = view(f, MEADOW, unit_date("30/08/2024"));
	assert_int_equal(record_rc(f, &v, "C01", &r), 0);
	assert_false(r.child.has_current);
	child_record_release(&r);
	v = view(f, MEADOW, unit_date("31/08/2024"));
	assert_int_equal(record_rc(f, &v, "C01", &r), ERR_NOT_FOUND);
	child_record_release(&r);
}

/* ---- the 90-day rule ---------------------------------------------------- */

static void test_ninety_days(void **state)
{
	struct fixture *f = *state;
	static struct child_page p;
	struct child_filter cf = all_children();
	struct child_record r = CHILD_RECORD_INIT;
	struct err err = ERR_INIT, err2 = ERR_INIT;
	struct viewer v;

	v = view(f, ORCHARD, f->d90);
	assert_int_equal(record_rc(f, &v, "C04", &r), 0);
	assert_int_equal(store_children_list(f->s, &v, &cf, &p, &err), 0);
	assert_refs(&p, "C04");

	v = view(f, ORCHARD, f->d91);
	assert_int_equal(store_child_record(f->s, &v, CARDIFF, "C04", &r,
					    &err), ERR_NOT_FOUND);
	assert_int_equal(store_children_list(f->s, &v, &cf, &p, &err2), 0);
	assert_int_equal(p.n, 0);
	assert_int_equal(p.total, 0);
	/* out of scope reads exactly like a child that does not exist */
	err_clear(&err2);
	assert_int_equal(store_child_record(f->s, &v, CARDIFF, "C99", &r,
					    &err2), ERR_NOT_FOUND);
	assert_string_equal(err.msg, err2.msg);
	err_clear(&err2);
	assert_int_equal(store_child_record(f->s, &v, "W06000099", "C04", &r,
					    &err2), ERR_NOT_FOUND);
	assert_string_equal(err.msg, err2.msg);
	assert_int_equal(r.nepisodes, 0);
	assert_null(r.episodes);

	/* the council keeps its child, of course */
	v = view(f, CARDIFF_SW, f->d91);
	assert_int_equal(record_rc(f, &v, "C04", &r), 0);
	child_record_release(&r);
}

/* ---- the address rule --------------------------------------------------- */

static const struct home_row *home_in(const struct home_page *p,
				      const char *urn)
{
	for (size_t i = 0; i < p->n; i++)
		if (!strcmp(p->rows[i].urn, urn))
			return &p->rows[i];
	fail_msg("no home %s", urn);
	return NULL;
}

/* The three homes' postcodes as v sees them: "W1 W2 W3". */
static void assert_postcodes(struct fixture *f, enum who w, int32_t day,
			     const char *want)
{
	static struct home_page p;
	struct home_filter hf = all_homes();
	struct err err = ERR_INIT;
	struct viewer v = view(f, w, day);
	char got[64];

	assert_int_equal(store_homes_list(f->s, &v, &hf, &p, &err), 0);
	snprintf(got, sizeof(got), "%s|%s|%s", home_in(&p, W1)->postcode,
		 home_in(&p, W2)->postcode, home_in(&p, W3)->postcode);
	assert_string_equal(got, want);
	for (size_t i = 0; i < p.n; i++)
		assert_int_equal(p.rows[i].postcode_full,
				 strchr(p.rows[i].postcode, ' ') != NULL);
}

static void test_address_rule(void **state)
{
	struct fixture *f = *state;
	int32_t later = unit_date("01/07/2019");

	assert_postcodes(f, INSPECTOR, f->d90, "CF14 3AA|SA1 1AA|CF14 3AB");
	/* Cardiff placed C04 at W1 until 31/03 and has C01 at W2; W3 is
	 * its own home */
	assert_postcodes(f, CARDIFF_SW, f->d90, "CF14 3AA|SA1 1AA|CF14 3AB");
	assert_postcodes(f, CARDIFF_SW, later, "CF14|SA1 1AA|CF14 3AB");
	assert_postcodes(f, SWANSEA_SW, f->d90, "CF14|SA1|CF14");
	assert_postcodes(f, ORCHARD, f->d90, "CF14 3AA|SA1|CF14");
	assert_postcodes(f, MEADOW, later, "CF14|SA1 1AA|CF14");
	assert_postcodes(f, UNLINKED, f->d90, "CF14|SA1|CF14");
	assert_postcodes(f, SOUTH_WALES, f->d90, "CF14|SA1|CF14");
	assert_postcodes(f, ANALYST, f->d90, "CF14|SA1|CF14");
	assert_postcodes(f, ADMIN, f->d90, "CF14|SA1|CF14");
}

static void test_homes_filters(void **state)
{
	struct fixture *f = *state;
	static struct home_page p;
	struct home_filter hf = all_homes();
	struct err err = ERR_INIT;
	struct viewer v = view(f, ANALYST, f->d90);

	hf.la = CARDIFF;
	assert_int_equal(store_homes_list(f->s, &v, &hf, &p, &err), 0);
	assert_int_equal(p.total, 2);
	hf = all_homes();
	hf.provider_type = "voluntary";
	assert_int_equal(store_homes_list(f->s, &v, &hf, &p, &err), 0);
	assert_int_equal(p.n, 1);
	assert_string_equal(p.rows[0].urn, W2);
	assert_string_equal(p.rows[0].provider, "The Meadow Trust");
	assert_int_equal(p.rows[0].provider_type, PROVIDER_VOLUNTARY);
	assert_int_equal(p.rows[0].places, 3);
	hf = all_homes();
	hf.open_on = f->d90;	/* W3 closed on 01/01/2019 */
	assert_int_equal(store_homes_list(f->s, &v, &hf, &p, &err), 0);
	assert_int_equal(p.total, 2);
	assert_int_equal(home_in(&p, W1)->closed, DATE_NONE);
}

/* ---- home profiles ------------------------------------------------------ */

static void test_home_profile(void **state)
{
	struct fixture *f = *state;
	static struct home_profile pr;
	struct err err = ERR_INIT;
	struct viewer v = view(f, INSPECTOR, f->d90);

	assert_int_equal(store_home_profile(f->s, &v, W1, &pr, &err), 0);
	assert_true(pr.figures);
	assert_string_equal(pr.home.postcode, "CF14 3AA");
	assert_int_equal(pr.nchildren, 0);
	assert_int_equal(pr.nyears, 1);
	assert_int_equal(pr.years[0].year, 2019);
	assert_int_equal(pr.years[0].missing_periods, 1);	/* C04 */
	assert_int_equal(pr.years[0].missing_children, 1);
	assert_int_equal(pr.years[0].moves_out, 1);	/* C01 to W2 */

	assert_int_equal(store_home_profile(f->s, &v, W2, &pr, &err), 0);
	assert_int_equal(pr.nyears, 1);
	assert_int_equal(pr.years[0].missing_periods, 3);
	assert_int_equal(pr.years[0].missing_children, 1);
	assert_int_equal(pr.years[0].moves_out, 0);
	assert_int_equal(pr.nchildren, 1);
	assert_string_equal(pr.children[0].ref, "C01");
	assert_int_equal(pr.children[0].dob, DATE_NONE);

	/* figures for the provider and the council of the area only */
	v = view(f, MEADOW, f->d90);
	assert_int_equal(store_home_profile(f->s, &v, W2, &pr, &err), 0);
	assert_true(pr.figures);
	assert_int_equal(pr.nchildren, 1);
	v = view(f, SWANSEA_SW, f->d90);
	assert_int_equal(store_home_profile(f->s, &v, W2, &pr, &err), 0);
	assert_true(pr.figures);
	assert_int_equal(pr.nchildren, 0);
	assert_string_equal(pr.home.postcode, "SA1");
	v = view(f, CARDIFF_SW, f->d90);
	assert_int_equal(store_home_profile(f->s, &v, W2, &pr, &err), 0);
	assert_false(pr.figures);
	assert_int_equal(pr.nyears, 0);
	assert_int_equal(pr.nchildren, 1);
	assert_string_equal(pr.children[0].upn, "UN1");
	v = view(f, ORCHARD, f->d90);
	assert_int_equal(store_home_profile(f->s, &v, W2, &pr, &err), 0);
	assert_false(pr.figures);
	assert_int_equal(pr.nchildren, 0);
	v = view(f, SOUTH_WALES, f->d90);
	assert_int_equal(store_home_profile(f->s, &v, W2, &pr, &err), 0);
	assert_false(pr.figures);
	assert_int_equal(pr.nchildren, 1);

	assert_int_equal(store_home_profile(f->s, &v, "W9999999", &pr, &err),
			 ERR_NOT_FOUND);
}

/* ---- missing periods ---------------------------------------------------- */

static void test_missing_open(void **state)
{
	struct fixture *f = *state;
	static struct missing_page p;
	struct missing_filter mf = all_missing();
	struct err err = ERR_INIT;
	struct viewer v = view(f, SOUTH_WALES, f->d90);
	const struct missing_row *m;

	assert_int_equal(store_missing_open(f->s, &v, &mf, &p, &err), 0);
	assert_int_equal(p.n, 1);
	m = &p.rows[0];
	assert_string_equal(m->la, CARDIFF);
	assert_string_equal(m->ref, "C01");
	assert_int_equal(m->dob, unit_date("01/06/2006"));
	assert_string_equal(m->m.kind, "M");
	assert_int_equal(m->m.start, unit_date("25/03/2019"));
	assert_int_equal(m->m.end, DATE_NONE);
	assert_true(m->m.open);
	assert_string_equal(m->m.urn, W2);
	assert_string_equal(m->m.home_name, "Bryn Dau");
	assert_string_equal(m->m.district, "SA1");
	assert_string_equal(m->m.pl_post, "");

	v = view(f, CARDIFF_SW, f->d90);
	assert_int_equal(store_missing_open(f->s, &v, &mf, &p, &err), 0);
	assert_int_equal(p.n, 1);
	assert_string_equal(p.rows[0].m.pl_post, "SA1 1AA");

	v = view(f, INSPECTOR, f->d90);
	mf.urn = W1;
	assert_int_equal(store_missing_open(f->s, &v, &mf, &p, &err), 0);
	assert_int_equal(p.n, 0);
	mf.urn = W2;
	assert_int_equal(store_missing_open(f->s, &v, &mf, &p, &err), 0);
	assert_int_equal(p.n, 1);
	assert_int_equal(p.rows[0].dob, DATE_NONE);
	/* the age today, not when the period started */
	assert_int_equal(p.rows[0].age, 13);

	/* on 02/07/2018 C01 (from W2) and C04 (from W1) were missing */
	v = view(f, CARDIFF_SW, unit_date("02/07/2018"));
	mf = all_missing();
	assert_int_equal(store_missing_open(f->s, &v, &mf, &p, &err), 0);
	assert_int_equal(p.n, 2);
	assert_string_equal(p.rows[0].ref, "C01");	/* longest first */
	v = view(f, ORCHARD, unit_date("02/07/2018"));
	assert_int_equal(store_missing_open(f->s, &v, &mf, &p, &err), 0);
	assert_int_equal(p.n, 1);
	assert_string_equal(p.rows[0].ref, "C04");
}

/* ---- paging ------------------------------------------------------------- */

static void test_paging(void **state)
{
	struct fixture *f = *state;
	static struct child_page p;
	struct child_filter cf = all_children();
	struct err err = ERR_INIT;
	struct viewer v = view(f, CARDIFF_PL, f->d90);

	cf.page_size = 3;
	assert_int_equal(store_children_list(f->s, &v, &cf, &p, &err), 0);
	assert_refs(&p, "C01 C02 C03");
	assert_int_equal(p.total, 7);
	cf.page = 2;
	assert_int_equal(store_children_list(f->s, &v, &cf, &p, &err), 0);
	assert_refs(&p, "C07");
	assert_int_equal(p.page, 2);
	cf.page = 3;
	assert_int_equal(store_children_list(f->s, &v, &cf, &p, &err), 0);
	assert_int_equal(p.n, 0);
	assert_int_equal(p.total, 7);
	cf.page = LONG_MAX;
	assert_int_equal(store_children_list(f->s, &v, &cf, &p, &err), 0);
	assert_int_equal(p.n, 0);
	assert_int_equal(p.page, STORE_PAGE_LAST);
	cf.page = -5;
	cf.page_size = 100000;
	assert_int_equal(store_children_list(f->s, &v, &cf, &p, &err), 0);
	assert_int_equal(p.page, 0);
	assert_int_equal(p.page_size, STORE_PAGE_MAX);
	assert_int_equal(p.n, 7);
	cf.page_size = 0;
	assert_int_equal(store_children_list(f->s, &v, &cf, &p, &err), 0);
	assert_int_equal(p.page_size, STORE_PAGE_DEFAULT);
	cf.page_size = -1;
	cf.page = 1;
	assert_int_equal(store_children_list(f->s, &v, &cf, &p, &err), 0);
	assert_int_equal(p.page_size, STORE_PAGE_DEFAULT);
	assert_int_equal(p.n, 0);
}

/* ---- audit -------------------------------------------------------------- */

static int keep_row(const struct audit_row *r, void *ctx)
{
	*(struct audit_row *)ctx = *r;
	return 0;
}

static void test_audit(void **state)
{
	struct fixture *f = *state;
	static struct child_page cp;
	static struct home_profile pr;
	struct child_filter cf = all_children();
	struct child_record r = CHILD_RECORD_INIT;
	struct err err = ERR_INIT;
	struct viewer v = view(f, CARDIFF_PL, f->d90);
	int64_t uid = f->u[CARDIFF_PL].id, oid = f->u[ORCHARD].id;
	long views = audit_count(f->s, "view", "child", CARDIFF "/C03", uid);
	long lists = audit_count(f->s, "list", "children", NULL, uid);
	long denied = audit_count(f->s, "view-denied", "child",
				  CARDIFF "/C01", oid);
	long homes = audit_count(f->s, "view", "home", W2, uid);
	struct audit_query q = { "child", CARDIFF "/C03", uid, 0, 1 };
	struct audit_row last;
	char at[STORE_TIME_MAX];
	int64_t bad = -1, n = 0;

	assert_int_equal(record_rc(f, &v, "C03", &r), 0);
	assert_int_equal(record_rc(f, &v, "C03", &r), 0);
	assert_int_equal(audit_count(f->s, "view", "child", CARDIFF "/C03",
				     uid), views + 2);
	/* who, what, when, from where */
	memset(&last, 0, sizeof(last));
	assert_int_equal(store_audit_list(f->s, &q, keep_row, &last, &err),
			 0);
	assert_string_equal(last.actor, "pl@cardiff.example");
	assert_string_equal(last.role, "council_placements");
	assert_int_equal(last.user_id, uid);
	assert_int_equal(last.org_id, f->u[CARDIFF_PL].org_id);
	assert_string_equal(last.action, "view");
	assert_string_equal(last.subject_id, CARDIFF "/C03");
	assert_string_equal(last.ip, IP);
	store_time_fmt(last.at, at);
	assert_string_equal(at, "2019-06-29T12:00:00.000Z");
	child_record_release(&r);

	assert_int_equal(store_children_list(f->s, &v, &cf, &cp, &err), 0);
	assert_int_equal(audit_count(f->s, "list", "children", NULL, uid),
			 lists + 1);
	assert_int_equal(store_home_profile(f->s, &v, W2, &pr, &err), 0);
	assert_int_equal(audit_count(f->s, "view", "home", W2, uid),
			 homes + 1);

	/* a refused read is audited, and the caller cannot tell */
	v = view(f, ORCHARD, f->d91);
	assert_int_equal(record_rc(f, &v, "C01", &r), ERR_NOT_FOUND);
	assert_int_equal(audit_count(f->s, "view-denied", "child",
				     CARDIFF "/C01", oid), denied + 1);
	/* an empty list names no child: nothing to audit */
	lists = audit_count(f->s, "list", "children", NULL, oid);
	assert_int_equal(store_children_list(f->s, &v, &cf, &cp, &err), 0);
	assert_int_equal(cp.n, 0);
	assert_int_equal(audit_count(f->s, "list", "children", NULL, oid),
			 lists);

	if (audit_verify(f->s, &bad, &n, &err))
		fail_msg("audit_verify: %s", err_text(&err));
	assert_int_equal(bad, 0);
	assert_true(n > 10);
}

/* ---- hostile input ------------------------------------------------------ */

static void test_injection(void **state)
{
	struct fixture *f = *state;
	static const char *const probes[] = {
		"x' OR '1'='1", "' OR 1=1 --", "\" OR \"\"=\"", "%", "_",
		"C0%", "C0_", "'; DROP TABLE child; --", "C01\n", "",
	};
	static struct child_page cp;
	static struct missing_page mp;
	static struct home_page hp;
	static struct home_profile pr;
	struct child_record r = CHILD_RECORD_INIT;
	struct viewer v = view(f, INSPECTOR, f->d90);
	char big[300];

	for (size_t i = 0; i < ARRAY_SIZE(probes); i++) {
		struct child_filter cf = all_children();
		struct missing_filter mf = all_missing();
		struct home_filter hf = all_homes();
		struct err err = ERR_INIT;
		bool blank = !probes[i][0];

		cf.ref_prefix = probes[i];
		assert_int_equal(store_children_list(f->s, &v, &cf, &cp, &err),
				 0);
		assert_int_equal(cp.total, blank ? 2 : 0);
		cf = all_children();
		cf.la = probes[i];
		assert_int_equal(store_children_list(f->s, &v, &cf, &cp, &err),
				 0);
		assert_int_equal(cp.total, blank ? 2 : 0);
		mf.urn = probes[i];
		assert_int_equal(store_missing_open(f->s, &v, &mf, &mp, &err),
				 0);
		assert_int_equal(mp.total, blank ? 1 : 0);
		hf.la = probes[i];
		assert_int_equal(store_homes_list(f->s, &v, &hf, &hp, &err), 0);
		assert_int_equal(hp.total, blank ? 3 : 0);
		hf = all_homes();
		hf.provider_type = probes[i];
		assert_int_equal(store_homes_list(f->s, &v, &hf, &hp, &err), 0);
		assert_int_equal(hp.total, blank ? 3 : 0);
		assert_int_equal(store_child_record(f->s, &v, CARDIFF,
						    probes[i], &r, &err),
				 ERR_NOT_FOUND);
		assert_int_equal(store_child_record(f->s, &v, probes[i],
						    "C01", &r, &err),
				 ERR_NOT_FOUND);
		assert_int_equal(store_home_profile(f->s, &v, probes[i], &pr,
						    &err),
				 ERR_NOT_FOUND);
	}
	/* over-long filters match nothing, without an error */
	memset(big, 'C', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	{
		struct child_filter cf = all_children();
		struct err err = ERR_INIT;

		cf.ref_prefix = big;
		assert_int_equal(store_children_list(f->s, &v, &cf, &cp, &err),
				 0);
		assert_int_equal(cp.total, 0);
		assert_int_equal(store_child_record(f->s, &v, CARDIFF, big, &r,
						    &err),
				 ERR_NOT_FOUND);
	}
	/* and the children are all still there */
	v = view(f, CARDIFF_SW, f->d90);
	{
		struct child_filter cf = all_children();
		struct err err = ERR_INIT;

		assert_int_equal(store_children_list(f->s, &v, &cf, &cp, &err),
				 0);
		assert_int_equal(cp.total, 7);
	}
	child_record_release(&r);
}

/* ---- viewers ------------------------------------------------------------ */

static void test_viewer_from_user(void **state)
{
	struct fixture *f = *state;
	struct err err = ERR_INIT;
	struct viewer v;

	v = view(f, CARDIFF_SW, f->d90);
	assert_int_equal(v.access, VIEWER_COUNCIL);
	assert_string_equal(v.la, CARDIFF);
	assert_string_equal(v.role, "council_social_worker");
	assert_string_equal(v.org_kind, "council");
	assert_string_equal(v.ip, IP);
	assert_non_null(v.audit);
	v = view(f, ORCHARD, f->d90);
	assert_int_equal(v.access, VIEWER_PROVIDER);
	assert_string_equal(v.provider, "Orchard Care Ltd");
	v = view(f, SOUTH_WALES, f->d90);
	assert_int_equal(v.access, VIEWER_POLICE);
	assert_int_equal(v.nareas, 7);
	assert_string_equal(v.areas[0], "W06000011");
	assert_int_equal(view(f, INSPECTOR, f->d90).access,
			 VIEWER_INSPECTORATE);
	assert_int_equal(view(f, ANALYST, f->d90).access, VIEWER_NONE);
	assert_int_equal(view(f, ADMIN, f->d90).access, VIEWER_NONE);
	assert_int_equal(view(f, MISFIT, f->d90).access, VIEWER_NONE);

	assert_int_equal(viewer_from_user(f->s, &f->u[DISABLED], IP, 0, &v,
					  &err), ERR_DENIED);
	assert_int_equal(v.access, VIEWER_NONE);
	assert_null(v.audit);
	assert_int_equal(v.today, DATE_NONE);
	assert_int_equal(viewer_from_user(f->s, NULL, IP, 0, &v, &err),
			 ERR_DENIED);
}

/* No audit trail, no children; a viewer that failed to build sees nothing. */
static void test_viewer_refused(void **state)
{
	struct fixture *f = *state;
	static struct child_page cp;
	static struct home_page hp;
	static struct missing_page mp;
	static struct home_profile pr;
	struct child_filter cf = all_children();
	struct missing_filter mf = all_missing();
	struct home_filter hf = all_homes();
	struct child_record r = CHILD_RECORD_INIT;
	struct err err = ERR_INIT;
	struct viewer v = view(f, CARDIFF_SW, f->d90);

	v.audit = NULL;
	assert_int_equal(store_children_list(f->s, &v, &cf, &cp, &err),
			 ERR_DENIED);
	assert_int_equal(store_child_record(f->s, &v, CARDIFF, "C01", &r,
					    &err), ERR_DENIED);
	assert_int_equal(store_missing_open(f->s, &v, &mf, &mp, &err),
			 ERR_DENIED);
	assert_int_equal(store_home_profile(f->s, &v, W2, &pr, &err),
			 ERR_DENIED);
	assert_int_equal(store_homes_list(f->s, &v, &hf, &hp, &err), 0);

	(void)viewer_from_user(f->s, &f->u[DISABLED], IP, 0, &v, &err);
	assert_int_equal(store_homes_list(f->s, &v, &hf, &hp, &err),
			 ERR_DENIED);
	assert_int_equal(hp.n, 0);
	assert_int_equal(store_child_record(f->s, NULL, CARDIFF, "C01", &r,
					    &err), ERR_DENIED);
	child_record_release(&r);
}

static void test_field_table(void **state)
{
	(void)state;
	assert_int_equal(viewer_fields(VIEWER_NONE), 0);
	assert_int_equal(viewer_fields(VIEWER_NACCESS), 0);
	assert_true(viewer_fields(VIEWER_COUNCIL) & VF_UPN);
	for (int a = VIEWER_NONE; a < VIEWER_NACCESS; a++)
		if (a != VIEWER_COUNCIL)
			assert_false(viewer_fields((enum viewer_access)a) &
				     (VF_UPN | VF_ETHNIC | VF_OC2 |
				      VF_HOME_POSTCODE | VF_PLACEMENT_POSTCODE |
				      VF_NEED | VF_DISTANCE));
	assert_false(viewer_fields(VIEWER_INSPECTORATE) & VF_DOB);
	assert_int_equal(distance_band_of(-1), DIST_UNKNOWN);
	assert_int_equal(distance_band_of(0), DIST_0_20);
	assert_int_equal(distance_band_of(200), DIST_0_20);
	assert_int_equal(distance_band_of(201), DIST_21_40);
	assert_int_equal(distance_band_of(1001), DIST_OVER_100);
	assert_string_equal(distance_band_name(DIST_41_60), "41-60");
	assert_string_equal(distance_band_name(DIST_NBANDS), "hidden");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_field_table),
		cmocka_unit_test(test_viewer_from_user),
		cmocka_unit_test(test_viewer_refused),
		cmocka_unit_test(test_matrix),
		cmocka_unit_test(test_lists),
		cmocka_unit_test(test_fields_council),
		cmocka_unit_test(test_fields_inspector),
		cmocka_unit_test(test_fields_provider),
		cmocka_unit_test(test_provider_no_new_placement),
		cmocka_unit_test(test_fields_police),
		cmocka_unit_test(test_police_only_while_missing),
		cmocka_unit_test(test_eighteen),
		cmocka_unit_test(test_homes_now),
		cmocka_unit_test(test_ninety_days),
		cmocka_unit_test(test_address_rule),
		cmocka_unit_test(test_homes_filters),
		cmocka_unit_test(test_home_profile),
		cmocka_unit_test(test_missing_open),
		cmocka_unit_test(test_paging),
		cmocka_unit_test(test_audit),
		cmocka_unit_test(test_injection),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
