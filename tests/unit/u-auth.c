/*
 * u-auth.c: unit tests for src/auth/ (passwords, tokens, sessions,
 * sign-in throttling, API tokens, users and organisations, the audit
 * chain) and the store calls beneath them.
 *
 * Each test opens its own ":memory:" store (migrations included) and
 * adds the local authorities it needs by hand.  The clock is passed in
 * everywhere, so expiry and throttling windows are tested at their exact
 * boundaries.  Tampering with the audit trail needs SQL the store will not
 * run, so that test uses a file store and sqlite3 directly.  Each
 * argon2id hash or check costs ~70 ms (more under ASan): tests use as few
 * as they can.
 */
#include "unit.h"
#include <sodium.h>
#include <sqlite3.h>
#include <unistd.h>
#include "auth/auth-internal.h"
#include "auth/auth.h"

#define CARDIFF "W06000015"
#define SWANSEA "W06000011"
#define T0 1700000000000LL		/* 2023-11-14T22:13:20.000Z */
#define MIN (60 * 1000LL)
#define PW "correct horse battery"
#define IP "192.0.2.1"

/* ---- helpers ------------------------------------------------------------- */

static void put_la(struct store *s, const char *code, const char *en,
		   const char *cy)
{
	struct la la = { 0 };
	struct err err = ERR_INIT;

	snprintf(la.code, sizeof(la.code), "%s", code);
	snprintf(la.name_en, sizeof(la.name_en), "%s", en);
	snprintf(la.name_cy, sizeof(la.name_cy), "%s", cy);
	snprintf(la.country, sizeof(la.country), "W92000004");
	la.is_lad = la.is_council = true;
	if (store_la_put(s, &la, &err))
		fail_msg("store_la_put %s: %s", code, err_text(&err));
}

static struct store *fresh_store(void)
{
	struct store *s = NULL;
	struct err err = ERR_INIT;

	if (auth_init(&err) || store_open(&s, ":memory:", &err))
		fail_msg("store: %s", err_text(&err));
	put_la(s, CARDIFF, "Cardiff", "Caerdydd");
	put_la(s, SWANSEA, "Swansea", "Abertawe");
	return s;
}

static const struct auth_actor tester = { NULL, "unit-test", "" };

/* Add a user in KIND:CODE with password PW; returns the id. */
static int64_t add_user(struct store *s, const char *email, enum role role,
			enum org_kind kind, const char *code)
{
	struct auth_new_user nu = { email, "Test User", role, 0 };
	struct err err = ERR_INIT;
	struct org o;
	int64_t id = 0;

	if (auth_org_find(s, &tester, kind, code, T0, &o, &err))
		fail_msg("org %s: %s", code, err_text(&err));
	nu.org_id = o.id;
	if (auth_user_add(s, &tester, &nu, PW, T0, &id, &err))
		fail_msg("add %s: %s", email, err_text(&err));
	return id;
}

static int64_t add_inspector(struct store *s, const char *email)
{
	return add_user(s, email, ROLE_INSPECTOR, ORG_INSPECTORATE, "CIW");
}

/* auth_login() expecting ERR_DENIED with the given message. */
static void login_denied(struct store *s, const char *email, const char *pw,
			 const char *ip, int64_t now, const char *msg)
{
	struct err err = ERR_INIT;
	struct user u;

	assert_int_equal(auth_login(s, email, pw, ip, now, &u, &err),
			 ERR_DENIED);
	assert_string_equal(err.msg, msg);
	assert_int_equal(u.id, 0);
}

static void login_ok(struct store *s, const char *email, const char *pw,
		     const char *ip, int64_t now)
{
	struct err err = ERR_INIT;
	struct user u;

	if (auth_login(s, email, pw, ip, now, &u, &err))
		fail_msg("login %s: %s", email, err_text(&err));
	assert_int_not_equal(u.id, 0);
}

struct audit_count {
	long n;
	char action[AUDIT_WORD_MAX + 1];
	long matching;
};

static int count_row(const struct audit_row *r, void *ctx)
{
	struct audit_count *c = ctx;

	c->n++;
	if (!strcmp(r->action, c->action))
		c->matching++;
	return 0;
}

/* Rows of the whole trail with this action. */
static long audit_rows_with(struct store *s, const char *action)
{
	struct audit_count c = { 0, "", 0 };
	struct err err = ERR_INIT;

	snprintf(c.action, sizeof(c.action), "%s", action);
	if (store_audit_scan(s, count_row, &c, &err))
		fail_msg("scan: %s", err_text(&err));
	return c.matching;
}

static void assert_trail_intact(struct store *s, int64_t rows)
{
	struct err err = ERR_INIT;
	int64_t bad = -1, n = -1;

	if (audit_verify(s, &bad, &n, &err))
		fail_msg("audit_verify: %s", err_text(&err));
	assert_int_equal(bad, 0);
	if (rows >= 0)
		assert_int_equal(n, rows);
}

/* ---- time stamps ------------------------------------------------------------ */

static void test_time_format(void **state)
{
	char t[STORE_TIME_MAX];
	int64_t ms;

	(void)state;
	store_time_fmt(T0 + 7, t);
	assert_string_equal(t, "2023-11-14T22:13:20.007Z");
	assert_int_equal(store_time_parse(t, &ms), 0);
	assert_int_equal(ms, T0 + 7);
	store_time_fmt(0, t);
	assert_string_equal(t, "1970-01-01T00:00:00.000Z");
	store_time_fmt(-1, t);
	assert_string_equal(t, "1969-12-31T23:59:59.999Z");
	assert_int_equal(store_time_parse(t, &ms), 0);
	assert_int_equal(ms, -1);
	assert_int_equal(store_time_parse("2023-11-14T22:13:20Z", &ms),
			 ERR_INVALID);
	assert_int_equal(store_time_parse("2023-11-14T24:13:20.000Z", &ms),
			 ERR_INVALID);
	assert_int_equal(store_time_parse("2023-02-30T22:13:20.000Z", &ms),
			 ERR_INVALID);
	assert_int_equal(store_time_parse("2023-11-14 22:13:20.000Z", &ms),
			 ERR_INVALID);
}

/* ---- passwords ---------------------------------------------------------------- */

static void test_password_hash_verify(void **state)
{
	char h[AUTH_PWHASH_MAX], h2[AUTH_PWHASH_MAX];
	struct err err = ERR_INIT;

	(void)state;
	assert_int_equal(auth_init(&err), 0);
	assert_int_equal(auth_password_hash(PW, h, &err), 0);
	assert_memory_equal(h, "$argon2id$", 10);
	assert_true(auth_password_verify(h, PW));
	assert_false(auth_password_verify(h, PW "!"));
	assert_false(auth_password_verify(h, "correct horse batter"));
	assert_false(auth_password_verify(h, ""));
	assert_false(auth_password_verify("not a hash", PW));
	assert_false(auth_password_needs_rehash(h));
	/* salted: the same password hashes differently */
	assert_int_equal(auth_password_hash(PW, h2, &err), 0);
	assert_string_not_equal(h, h2);
	/* the dummy hash for unknown accounts costs what a real one does */
	assert_false(auth_password_needs_rehash(auth__dummy_hash));
	assert_true(auth_password_needs_rehash("$argon2id$v=19$m=8,t=1,p=1$"
					       "AAAAAAAAAAAAAAAAAAAAAA$"
					       "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
					       "AAAAAAAAAAAAA"));
}

static void test_password_policy(void **state)
{
	char longpw[AUTH_PASSWORD_MAX + 2];
	struct err err = ERR_INIT;

	(void)state;
	assert_int_equal(auth_password_policy("abcdefghijk", NULL, &err),
			 ERR_INVALID);	/* 11 */
	assert_non_null(strstr(err.msg, "at least 12"));
	assert_int_equal(auth_password_policy("abcdefghijkm", NULL, NULL), 0);
	/* characters, not bytes: 12 two-byte letters pass, 11 do not */
	assert_int_equal(auth_password_policy("ŵŷâêîôûäëïöü", NULL, NULL), 0);
	assert_int_equal(auth_password_policy("ŵŷâêîôûäëïö", NULL, NULL),
			 ERR_INVALID);
	assert_int_equal(auth_password_policy("abcdefghij\tkl", NULL, NULL),
			 ERR_INVALID);
	assert_int_equal(auth_password_policy("aaaaaaaaaaaaaaaa", NULL, NULL),
			 ERR_INVALID);
	assert_int_equal(auth_password_policy("Password1234", NULL, NULL),
			 ERR_INVALID);
	assert_int_equal(auth_password_policy("jo.bloggs.cymru@example.org",
					      "jo.bloggs.cymru@example.org",
					      NULL), ERR_INVALID);
	assert_int_equal(auth_password_policy("JO.BLOGGS.CYMRU",
					      "jo.bloggs.cymru@example.org",
					      NULL), ERR_INVALID);
	assert_int_equal(auth_password_policy("jo.bloggs.cymru!",
					      "jo.bloggs.cymru@example.org",
					      NULL), 0);
	memset(longpw, 'x', sizeof(longpw) - 1);
	longpw[0] = 'y';
	longpw[AUTH_PASSWORD_MAX] = '\0';
	assert_int_equal(auth_password_policy(longpw, NULL, NULL), 0);
	longpw[AUTH_PASSWORD_MAX] = 'x';
	longpw[AUTH_PASSWORD_MAX + 1] = '\0';
	assert_int_equal(auth_password_policy(longpw, NULL, NULL),
			 ERR_INVALID);
}

static void test_password_generate(void **state)
{
	char a[AUTH_GENPW_MAX], b[AUTH_GENPW_MAX];

	(void)state;
	auth_password_generate(a);
	auth_password_generate(b);
	assert_int_equal(strlen(a), AUTH_GENPW_MAX - 1);
	assert_int_equal(a[5], '-');
	assert_int_equal(a[11], '-');
	assert_int_equal(a[17], '-');
	assert_null(strpbrk(a, "01lo"));
	assert_string_not_equal(a, b);
	assert_int_equal(auth_password_policy(a, NULL, NULL), 0);
}

/* ---- tokens and CSRF ---------------------------------------------------------- */

static void test_tokens(void **state)
{
	char a[AUTH_TOKEN_STR_MAX], b[AUTH_TOKEN_STR_MAX];
	uint8_t ha[STORE_TOKEN_HASH_BYTES], ha2[STORE_TOKEN_HASH_BYTES];
	uint8_t hb[STORE_TOKEN_HASH_BYTES];

	(void)state;
	auth_token_new(a);
	auth_token_new(b);
	assert_int_equal(strlen(a), 43);
	assert_true(auth_token_wellformed(a));
	assert_string_not_equal(a, b);
	auth_token_hash(a, ha);
	auth_token_hash(a, ha2);
	auth_token_hash(b, hb);
	assert_memory_equal(ha, ha2, sizeof(ha));
	assert_memory_not_equal(ha, hb, sizeof(ha));
	assert_false(auth_token_wellformed(NULL));
	assert_false(auth_token_wellformed(""));
	assert_false(auth_token_wellformed("abc"));
	b[10] = '/';		/* not base64url */
	assert_false(auth_token_wellformed(b));
	b[10] = '=';
	assert_false(auth_token_wellformed(b));
}

static void test_csrf_compare(void **state)
{
	char t[AUTH_TOKEN_STR_MAX], u[AUTH_TOKEN_STR_MAX];

	(void)state;
	auth_token_new(t);
	memcpy(u, t, sizeof(u));
	assert_true(auth_csrf_check(t, u));
	u[42] = u[42] == 'A' ? 'B' : 'A';
	assert_false(auth_csrf_check(t, u));
	u[42] = '\0';		/* a prefix is not a match */
	assert_false(auth_csrf_check(t, u));
	assert_false(auth_csrf_check(t, ""));
	assert_false(auth_csrf_check(t, NULL));
	assert_false(auth_csrf_check("", ""));
	assert_false(auth_csrf_check(NULL, t));
}

/* ---- users and organisations -------------------------------------------------- */

static void test_email_normalise(void **state)
{
	char out[USER_EMAIL_MAX + 1];

	(void)state;
	assert_int_equal(auth_email_normalise("Jo.Bloggs@Cardiff.GOV.uk", out),
			 0);
	assert_string_equal(out, "jo.bloggs@cardiff.gov.uk");
	assert_int_equal(auth_email_normalise("a+b@x.org", out), 0);
	assert_int_equal(auth_email_normalise("nobody", out), ERR_INVALID);
	assert_int_equal(auth_email_normalise("@x.org", out), ERR_INVALID);
	assert_int_equal(auth_email_normalise("a@b@x.org", out), ERR_INVALID);
	assert_int_equal(auth_email_normalise("a@localhost", out),
			 ERR_INVALID);
	assert_int_equal(auth_email_normalise("a b@x.org", out), ERR_INVALID);
	assert_int_equal(auth_email_normalise("a@x..org", out), ERR_INVALID);
	assert_int_equal(auth_email_normalise("a@.x.org", out), ERR_INVALID);
	assert_int_equal(auth_email_normalise("a@x.org.", out), ERR_INVALID);
	assert_int_equal(auth_email_normalise("ŵ@x.org", out), ERR_INVALID);
	assert_int_equal(auth_email_normalise(NULL, out), ERR_INVALID);
}

static void test_roles_and_orgs(void **state)
{
	struct err err = ERR_INIT;
	struct store *s = fresh_store();
	enum org_kind k;
	enum role r;
	struct org o;

	(void)state;
	for (int i = 0; i < ROLE_N; i++) {
		assert_int_equal(role_parse(role_name((enum role)i), &r), 0);
		assert_int_equal((int)r, i);
	}
	for (int i = 0; i < ORG_NKINDS; i++) {
		assert_int_equal(org_kind_parse(org_kind_name((enum org_kind)i),
						&k), 0);
		assert_int_equal((int)k, i);
	}
	assert_int_equal(role_parse("root", &r), ERR_INVALID);
	assert_true(auth_role_fits(ROLE_INSPECTOR, ORG_INSPECTORATE));
	assert_false(auth_role_fits(ROLE_INSPECTOR, ORG_COUNCIL));
	assert_true(auth_role_fits(ROLE_HOME_MANAGER, ORG_PROVIDER));
	assert_false(auth_role_fits(ROLE_HOME_MANAGER, ORG_COUNCIL));
	assert_true(auth_role_fits(ROLE_POLICE_MISSING_COORDINATOR,
				   ORG_POLICE));
	assert_false(auth_role_fits(ROLE_ADMIN, ORG_PROVIDER));

	/* seeded by the migration */
	assert_int_equal(store_org_get(s, ORG_INSPECTORATE, "CIW", &o, &err),
			 0);
	assert_string_equal(o.name_cy, "Arolygiaeth Gofal Cymru");
	assert_int_equal(store_org_get(s, ORG_POLICE, "south-wales", &o, &err),
			 0);
	/* a council organisation is made from the geography on first use */
	assert_int_equal(store_org_get(s, ORG_COUNCIL, CARDIFF, &o, NULL),
			 ERR_NOT_FOUND);
	assert_int_equal(auth_org_find(s, &tester, ORG_COUNCIL, CARDIFF, T0,
				       &o, &err), 0);
	assert_string_equal(o.name_en, "Cardiff");
	assert_string_equal(o.la, CARDIFF);
	assert_int_equal(audit_rows_with(s, "org-add"), 1);
	assert_int_equal(auth_org_find(s, &tester, ORG_COUNCIL, "W06000099",
				       T0, &o, NULL), ERR_NOT_FOUND);
	assert_int_equal(auth_org_find(s, &tester, ORG_PROVIDER, "Nobody Ltd",
				       T0, &o, NULL), ERR_NOT_FOUND);

	/* a role must suit its organisation */
	{
		struct auth_new_user nu = { "x@example.org", "X",
					    ROLE_INSPECTOR, o.id };

		assert_int_equal(auth_user_add(s, &tester, &nu, PW, T0, NULL,
					       &err), ERR_INVALID);
	}
	store_close(s);
}

struct areas {
	int n;
	bool cardiff;
};

static int count_area(const char *code, void *ctx)
{
	struct areas *a = ctx;

	a->n++;
	if (!strcmp(code, CARDIFF))
		a->cardiff = true;
	return 0;
}

static int area_total(const struct org *o, void *ctx)
{
	struct areas *a = ctx;

	if (o->kind == ORG_POLICE)
		a->n++;
	return 0;
}

static void test_police_areas(void **state)
{
	struct areas a = { 0, false }, forces = { 0, false };
	struct err err = ERR_INIT;
	struct store *s = fresh_store();
	int total = 0;
	struct org o;
	int64_t id;

	(void)state;
	assert_int_equal(store_orgs_each(s, area_total, &forces, &err), 0);
	assert_int_equal(forces.n, 4);
	assert_int_equal(store_org_get(s, ORG_POLICE, "south-wales", &o, &err),
			 0);
	assert_int_equal(store_org_areas_each(s, o.id, count_area, &a, &err),
			 0);
	assert_int_equal(a.n, 7);
	assert_true(a.cardiff);
	total += a.n;
	static const char *const others[] = { "dyfed-powys", "gwent",
					      "north-wales" };
	for (size_t i = 0; i < ARRAY_SIZE(others); i++) {
		struct areas b = { 0, false };

		assert_int_equal(store_org_get(s, ORG_POLICE, others[i], &o,
					       &err), 0);
		assert_int_equal(store_org_areas_each(s, o.id, count_area, &b,
						      &err), 0);
		assert_false(b.cardiff);
		total += b.n;
	}
	assert_int_equal(total, 22);	/* every Welsh council once */

	/* another force, with an area */
	struct org bt = { 0 };
	bt.kind = ORG_POLICE;
	snprintf(bt.code, sizeof(bt.code), "btp");
	snprintf(bt.name_en, sizeof(bt.name_en), "British Transport Police");
	assert_int_equal(auth_org_add(s, &tester, &bt, T0, &id, &err), 0);
	assert_int_equal(auth_org_area_add(s, &tester, id, SWANSEA, T0, &err),
			 0);
	assert_int_equal(auth_org_area_add(s, &tester, id, "W06000099", T0,
					   NULL), ERR_NOT_FOUND);
	assert_int_equal(auth_org_add(s, &tester, &bt, T0, NULL, &err),
			 ERR_EXISTS);
	store_close(s);
}

static void test_user_add_refused(void **state)
{
	struct store *s = fresh_store();
	struct err err = ERR_INIT;
	struct org o;
	struct auth_new_user nu = { "new@example.org", "New", ROLE_INSPECTOR,
				    0 };

	(void)state;
	add_inspector(s, "taken@example.org");
	assert_int_equal(store_org_get(s, ORG_INSPECTORATE, "CIW", &o, &err),
			 0);
	nu.org_id = o.id;
	nu.email = "Taken@Example.org";		/* same, case aside */
	assert_int_equal(auth_user_add(s, &tester, &nu, PW, T0, NULL, &err),
			 ERR_EXISTS);
	err_clear(&err);
	nu.email = "not-an-email";
	assert_int_equal(auth_user_add(s, &tester, &nu, PW, T0, NULL, &err),
			 ERR_INVALID);
	err_clear(&err);
	nu.email = "new@example.org";
	assert_int_equal(auth_user_add(s, &tester, &nu, "short", T0, NULL,
				       &err), ERR_INVALID);
	err_clear(&err);
	nu.name = "";
	assert_int_equal(auth_user_add(s, &tester, &nu, PW, T0, NULL, &err),
			 ERR_INVALID);
	assert_int_equal(audit_rows_with(s, "user-add"), 1);
	assert_trail_intact(s, 1);
	store_close(s);
}

/* ---- signing in and throttling -------------------------------------------------- */

static void test_login(void **state)
{
	struct store *s = fresh_store();
	struct err err = ERR_INIT;
	struct user u;
	int64_t id;

	(void)state;
	id = add_user(s, "jo@example.org", ROLE_COUNCIL_PLACEMENTS,
		      ORG_COUNCIL, CARDIFF);
	assert_int_equal(auth_login(s, "Jo@Example.org", PW, IP, T0, &u,
				    &err), 0);
	assert_int_equal(u.id, id);
	assert_int_equal((int)u.role, ROLE_COUNCIL_PLACEMENTS);
	assert_int_equal((int)u.org_kind, ORG_COUNCIL);
	assert_string_equal(u.org_code, CARDIFF);
	assert_string_equal(u.email, "jo@example.org");
	/* wrong password and unknown account: the same answer */
	login_denied(s, "jo@example.org", "wrong password!", IP, T0,
		     AUTH_MSG_BAD_LOGIN);
	login_denied(s, "nobody@example.org", PW, IP, T0, AUTH_MSG_BAD_LOGIN);
	login_denied(s, "not an email", PW, IP, T0, AUTH_MSG_BAD_LOGIN);
	login_denied(s, NULL, NULL, NULL, T0, AUTH_MSG_BAD_LOGIN);
	assert_int_equal(audit_rows_with(s, "sign-in"), 1);
	assert_int_equal(audit_rows_with(s, "sign-in-failed"), 4);
	assert_trail_intact(s, -1);
	store_close(s);
}

static void test_throttle_account(void **state)
{
	struct store *s = fresh_store();
	struct err err = ERR_INIT;
	struct user u;

	(void)state;
	add_inspector(s, "jo@example.org");
	/* four failures, then success: the count starts again */
	for (int i = 0; i < 4; i++)
		login_denied(s, "jo@example.org", "wrong password!", IP,
			     T0 + i * 1000, AUTH_MSG_BAD_LOGIN);
	login_ok(s, "jo@example.org", PW, IP, T0 + 5000);
	/* five failures at T1 .. T1+4 s: the fifth is still a plain failure */
	const int64_t t1 = T0 + MIN;
	for (int i = 0; i < AUTH_FAILS_PER_ACCOUNT; i++)
		login_denied(s, "JO@example.org", "wrong password!",
			     i % 2 ? IP : "198.51.100.7", t1 + i * 1000,
			     AUTH_MSG_BAD_LOGIN);
	/* now even the right password is refused, from any address */
	login_denied(s, "jo@example.org", PW, "203.0.113.9", t1 + 5000,
		     AUTH_MSG_THROTTLED);
	assert_int_equal(auth_login(s, "jo@example.org", PW, IP,
				    t1 + AUTH_THROTTLE_WINDOW_MS - 1, &u,
				    &err), ERR_DENIED);
	assert_true(auth_login_throttled(&err));
	/* refused attempts are not counted: the oldest failure leaving the
	 * window brings the count to 4 and ends the lock */
	login_ok(s, "jo@example.org", PW, IP, t1 + AUTH_THROTTLE_WINDOW_MS);
	/* an unknown account locks the same way (no existence leak) */
	for (int i = 0; i < AUTH_FAILS_PER_ACCOUNT; i++)
		login_denied(s, "ghost@example.org", "whatever it is", IP,
			     t1 + i, AUTH_MSG_BAD_LOGIN);
	login_denied(s, "ghost@example.org", "whatever it is", IP, t1 + 10,
		     AUTH_MSG_THROTTLED);
	assert_int_equal(audit_rows_with(s, "sign-in-throttled"), 3);
	store_close(s);
}

static void test_throttle_address(void **state)
{
	struct store *s = fresh_store();
	char email[64];

	(void)state;
	add_inspector(s, "jo@example.org");
	/* 20 failures from one address, each for another (unknown) account */
	for (int i = 0; i < AUTH_FAILS_PER_ADDRESS; i++) {
		snprintf(email, sizeof(email), "guess%d@example.org", i);
		login_denied(s, email, "whatever it is", IP, T0 + i,
			     AUTH_MSG_BAD_LOGIN);
	}
	login_denied(s, "jo@example.org", PW, IP, T0 + 100,
		     AUTH_MSG_THROTTLED);
	/* another address is not affected, nor the account */
	login_ok(s, "jo@example.org", PW, "192.0.2.2", T0 + 100);
	login_ok(s, "jo@example.org", PW, IP, T0 + AUTH_THROTTLE_WINDOW_MS);
	store_close(s);
}

/* Fail n times under key at `at`, as if from elsewhere (no argon2id). */
static void fail_under(struct store *s, const char *key, int n, int64_t at)
{
	struct err err = ERR_INIT;

	for (int i = 0; i < n; i++)
		if (store_login_fail_add(s, key, at, &err))
			fail_msg("fail %s: %s", key, err_text(&err));
}

struct detail_find {
	const char *prefix;
	long found;
};

static int find_detail(const struct audit_row *r, void *ctx)
{
	struct detail_find *f = ctx;

	if (!strncmp(r->detail, f->prefix, strlen(f->prefix)))
		f->found++;
	return 0;
}

static long audit_details(struct store *s, const char *prefix)
{
	struct detail_find f = { prefix, 0 };
	struct err err = ERR_INIT;

	if (store_audit_scan(s, find_detail, &f, &err))
		fail_msg("scan: %s", err_text(&err));
	return f.found;
}

/*
 * Issue 10 item 7: an unauthenticated client hammering sign-in adds a
 * bounded number of audit rows, however many attempts: the first refusal
 * of a window per key, then one row with the count when it closes.
 */
static void test_throttle_rows_bounded(void **state)
{
	const long bound = 2 * (AUTH_REFUSAL_KEYS_PER_ADDRESS + 1);
	const int64_t t1 = T0 + AUTH_THROTTLE_WINDOW_MS + 1000;
	struct store *s = fresh_store();
	char email[64], key[80];

	(void)state;
	/* ten accounts locked by failures from elsewhere */
	for (int a = 0; a < 10; a++) {
		snprintf(key, sizeof(key), "acct:locked%d@example.org", a);
		fail_under(s, key, AUTH_FAILS_PER_ACCOUNT, T0);
	}
	/* 1000 attempts from one address, round the ten */
	for (int i = 0; i < 1000; i++) {
		snprintf(email, sizeof(email), "locked%d@example.org", i % 10);
		login_denied(s, email, "whatever it is", IP, T0 + 1 + i,
			     AUTH_MSG_THROTTLED);
	}
	/* one row per key: four account keys, then the address's */
	assert_int_equal(audit_rows_with(s, "sign-in-throttled"),
			 AUTH_REFUSAL_KEYS_PER_ADDRESS + 1);
	/* another address is counted apart */
	login_denied(s, "locked0@example.org", "whatever it is", "192.0.2.2",
		     T0 + 2000, AUTH_MSG_THROTTLED);
	assert_int_equal(audit_rows_with(s, "sign-in-throttled"),
			 AUTH_REFUSAL_KEYS_PER_ADDRESS + 2);
	/* after the window, the next attempt (any) writes the counts */
	fail_under(s, "acct:locked0@example.org", AUTH_FAILS_PER_ACCOUNT, t1);
	login_denied(s, "locked0@example.org", "whatever it is", IP, t1,
		     AUTH_MSG_THROTTLED);
	assert_true(audit_rows_with(s, "sign-in-throttled") <= bound + 2);
	/* locked0..3 had keys of their own: 100 each, 99 after the first */
	assert_int_equal(audit_details(s, "99 more refused"),
			 AUTH_REFUSAL_KEYS_PER_ADDRESS);
	/* the other six shared the address's: 600 */
	assert_int_equal(audit_details(s, "599 more refused"), 1);
	/* 192.0.2.2's one refusal needs no second row */
	assert_int_equal(audit_details(s, "0 more refused"), 0);
	assert_trail_intact(s, -1);

	/* an address throttled by its own failures: one key for all names */
	fail_under(s, "ip:198.51.100.7", AUTH_FAILS_PER_ADDRESS, t1);
	for (int i = 0; i < 500; i++) {
		snprintf(email, sizeof(email), "guess%d@example.org", i);
		login_denied(s, email, "whatever it is", "198.51.100.7",
			     t1 + 1 + i, AUTH_MSG_THROTTLED);
	}
	assert_true(audit_rows_with(s, "sign-in-throttled") <= 2 * bound + 3);
	assert_trail_intact(s, -1);
	store_close(s);
}

static void test_disabled_user(void **state)
{
	char token[AUTH_TOKEN_STR_MAX], csrf[AUTH_TOKEN_STR_MAX];
	char api[AUTH_API_TOKEN_STR_MAX];
	struct store *s = fresh_store();
	struct err err = ERR_INIT;
	struct user u;
	int64_t id;

	(void)state;
	id = add_inspector(s, "jo@example.org");
	assert_int_equal(auth_session_create(s, id, IP, T0, token, csrf, &err),
			 0);
	assert_int_equal(auth_api_token_create(s, &tester, id, "script", T0,
					       api, NULL, &err), 0);
	assert_int_equal(auth_user_disable(s, &tester, "JO@example.org", T0,
					   &err), 0);
	assert_int_equal(auth_user_disable(s, &tester, "jo@example.org", T0,
					   NULL), ERR_INVALID);
	login_denied(s, "jo@example.org", PW, IP, T0, AUTH_MSG_BAD_LOGIN);
	assert_int_equal(auth_session_check(s, token, T0, &u, csrf, NULL),
			 ERR_DENIED);
	assert_int_equal(auth_api_token_check(s, api, T0, &u, NULL),
			 ERR_DENIED);
	assert_int_equal(auth_session_create(s, id, IP, T0, token, csrf,
					     NULL), ERR_DENIED);
	/* enabled again: sign-in works, the revoked token stays revoked */
	assert_int_equal(auth_user_enable(s, &tester, "jo@example.org", T0,
					  &err), 0);
	login_ok(s, "jo@example.org", PW, IP, T0 + 1);
	assert_int_equal(auth_api_token_check(s, api, T0, &u, NULL),
			 ERR_DENIED);
	assert_int_equal(audit_rows_with(s, "user-disable"), 1);
	assert_int_equal(audit_rows_with(s, "user-enable"), 1);
	assert_trail_intact(s, -1);
	store_close(s);
}

static void test_user_reset(void **state)
{
	char token[AUTH_TOKEN_STR_MAX], csrf[AUTH_TOKEN_STR_MAX];
	char api[AUTH_API_TOKEN_STR_MAX];
	struct store *s = fresh_store();
	struct err err = ERR_INIT;
	struct user u;
	int64_t id;

	(void)state;
	id = add_inspector(s, "jo@example.org");
	assert_int_equal(auth_session_create(s, id, IP, T0, token, csrf, &err),
			 0);
	assert_int_equal(auth_api_token_create(s, &tester, id, "script", T0,
					       api, NULL, &err), 0);
	assert_int_equal(auth_api_token_check(s, api, T0, &u, NULL), 0);
	for (int i = 0; i < AUTH_FAILS_PER_ACCOUNT; i++)
		login_denied(s, "jo@example.org", "wrong password!", IP, T0 + i,
			     AUTH_MSG_BAD_LOGIN);
	assert_int_equal(auth_user_reset(s, &tester, "jo@example.org", "short",
					 T0, &err), ERR_INVALID);
	err_clear(&err);
	assert_int_equal(auth_user_reset(s, &tester, "jo@example.org",
					 "a new long passphrase", T0 + 10,
					 &err), 0);
	/* sessions ended, API tokens revoked (issue 10, item 5), lock
	 * cleared, only the new password works */
	assert_int_equal(auth_session_check(s, token, T0 + 11, NULL, NULL,
					    NULL), ERR_DENIED);
	assert_int_equal(auth_api_token_check(s, api, T0 + 11, &u, NULL),
			 ERR_DENIED);
	login_denied(s, "jo@example.org", PW, IP, T0 + 12, AUTH_MSG_BAD_LOGIN);
	login_ok(s, "jo@example.org", "a new long passphrase", IP, T0 + 13);
	assert_int_equal(auth_user_reset(s, &tester, "nobody@example.org",
					 "a new long passphrase", T0, NULL),
			 ERR_NOT_FOUND);
	store_close(s);
}

static void test_org_ref_parse(void **state)
{
	enum org_kind k = ORG_NKINDS;
	const char *code = NULL;

	(void)state;
	assert_int_equal(auth_org_ref_parse("council:W06000015", &k, &code), 0);
	assert_int_equal((int)k, ORG_COUNCIL);
	assert_string_equal(code, "W06000015");
	assert_int_equal(auth_org_ref_parse("provider:Derwen Care, Ltd", &k,
					    &code), 0);
	assert_int_equal((int)k, ORG_PROVIDER);
	assert_string_equal(code, "Derwen Care, Ltd");
	assert_int_equal(auth_org_ref_parse("police:a:b", &k, &code), 0);
	assert_string_equal(code, "a:b");
	assert_int_equal(auth_org_ref_parse("CIW", &k, &code), ERR_INVALID);
	assert_int_equal(auth_org_ref_parse(":CIW", &k, &code), ERR_INVALID);
	assert_int_equal(auth_org_ref_parse("inspectorate:", &k, &code),
			 ERR_INVALID);
	assert_int_equal(auth_org_ref_parse("boss:CIW", &k, &code),
			 ERR_INVALID);
	assert_int_equal(auth_org_ref_parse("", &k, &code), ERR_INVALID);
	assert_int_equal(auth_org_ref_parse(NULL, &k, &code), ERR_INVALID);
}

/* A user straight into the store (no argon2id: fast); returns it. */
static struct user quick_user(struct store *s, const char *email,
			      enum role role, int64_t org_id, bool disabled)
{
	struct err err = ERR_INIT;
	struct user u;
	int64_t id = 0;

	memset(&u, 0, sizeof(u));
	snprintf(u.email, sizeof(u.email), "%s", email);
	snprintf(u.name, sizeof(u.name), "Name of %s", email);
	u.role = role;
	u.org_id = org_id;
	u.disabled = disabled;
	u.created_at = T0;
	if (store_user_add(s, &u, auth__dummy_hash, &id, &err) ||
	    store_user_by_id(s, id, &u, NULL, &err))
		fail_msg("user %s: %s", email, err_text(&err));
	return u;
}

static int64_t org_id_of(struct store *s, enum org_kind kind,
			 const char *code)
{
	struct err err = ERR_INIT;
	struct org o;

	if (auth_org_find(s, &tester, kind, code, T0, &o, &err))
		fail_msg("org %s: %s", code, err_text(&err));
	return o.id;
}

static void test_disable_rules(void **state)
{
	struct store *s = fresh_store();
	int64_t ciw = org_id_of(s, ORG_INSPECTORATE, "CIW");
	int64_t cardiff = org_id_of(s, ORG_COUNCIL, CARDIFF);
	struct user a1 = quick_user(s, "a1@example.org", ROLE_ADMIN, ciw, false);
	struct user a2 = quick_user(s, "a2@example.org", ROLE_ADMIN, ciw, false);
	struct user sw = quick_user(s, "sw@example.org",
				    ROLE_COUNCIL_SOCIAL_WORKER, cardiff, false);
	struct user off = quick_user(s, "off@example.org", ROLE_ANALYST, ciw,
				     true);
	struct auth_actor by1 = { &a1, NULL, IP }, by2 = { &a2, NULL, IP };
	enum auth_disable_block why;
	struct err err = ERR_INIT;
	int64_t rows;

	(void)state;
	assert_int_equal(auth_user_may_disable(s, &by1, &sw, &why, &err), 0);
	assert_int_equal((int)why, AUTH_DISABLE_OK);
	assert_int_equal(auth_user_may_disable(s, &by1, &off, &why, &err), 0);
	assert_int_equal((int)why, AUTH_DISABLE_ALREADY);
	/* nobody disables themselves, even with another admin about */
	assert_int_equal(auth_user_may_disable(s, &by1, &a1, &why, &err), 0);
	assert_int_equal((int)why, AUTH_DISABLE_SELF);
	assert_int_equal(auth_user_disable(s, &by1, "a1@example.org", T0,
					   &err), ERR_INVALID);
	assert_non_null(strstr(err_text(&err), "your own account"));
	err_clear(&err);
	/* two active admins: either may go, by the other or the CLI */
	assert_int_equal(auth_user_may_disable(s, &by1, &a2, &why, &err), 0);
	assert_int_equal((int)why, AUTH_DISABLE_OK);
	assert_int_equal(auth_user_may_disable(s, &tester, &a1, &why, &err), 0);
	assert_int_equal((int)why, AUTH_DISABLE_OK);
	assert_int_equal(auth_user_disable(s, &by2, "a1@example.org", T0,
					   &err), 0);
	/* now a2 is the last: the CLI (no user) may not disable them */
	rows = audit_rows_with(s, "user-disable");
	assert_int_equal(auth_user_may_disable(s, &tester, &a2, &why, &err), 0);
	assert_int_equal((int)why, AUTH_DISABLE_LAST_ADMIN);
	assert_int_equal(auth_user_disable(s, &tester, "a2@example.org", T0,
					   &err), ERR_INVALID);
	assert_non_null(strstr(err_text(&err), "last active administrator"));
	err_clear(&err);
	assert_int_equal(audit_rows_with(s, "user-disable"), rows);
	/* a disabled admin does not count; enabling one lifts the rule */
	assert_int_equal(auth_user_enable(s, &tester, "a1@example.org", T0,
					  &err), 0);
	assert_int_equal(auth_user_disable(s, &tester, "a2@example.org", T0,
					   &err), 0);
	assert_trail_intact(s, -1);
	store_close(s);
}

static void test_users_page(void **state)
{
	struct store *s = fresh_store();
	int64_t ciw = org_id_of(s, ORG_INSPECTORATE, "CIW");
	int64_t cardiff = org_id_of(s, ORG_COUNCIL, CARDIFF);
	int64_t swansea = org_id_of(s, ORG_COUNCIL, SWANSEA);
	struct auth_user_page *p = malloc(sizeof(*p));
	struct auth_user_filter f;
	struct err err = ERR_INIT;
	char email[64];

	(void)state;
	assert_non_null(p);
	/* 30 in Cardiff (every third disabled), 5 in Swansea, 1 admin */
	for (int i = 0; i < 30; i++) {
		snprintf(email, sizeof(email), "c%02d@example.org", i);
		quick_user(s, email, i % 2 ? ROLE_COUNCIL_PLACEMENTS :
					     ROLE_COUNCIL_SOCIAL_WORKER,
			   cardiff, i % 3 == 0);
	}
	for (int i = 0; i < 5; i++) {
		snprintf(email, sizeof(email), "s%02d@example.org", i);
		quick_user(s, email, ROLE_COUNCIL_SOCIAL_WORKER, swansea,
			   false);
	}
	quick_user(s, "admin@example.org", ROLE_ADMIN, ciw, false);

	memset(&f, 0, sizeof(f));
	f.role = ROLE_N;
	f.page_size = 25;
	assert_int_equal(auth_users_page(s, &f, p, &err), 0);
	assert_int_equal(p->total, 36);
	assert_int_equal(p->n, 25);
	assert_string_equal(p->rows[0].email, "admin@example.org");
	assert_string_equal(p->rows[1].email, "c00@example.org");
	f.page = 1;
	assert_int_equal(auth_users_page(s, &f, p, &err), 0);
	assert_int_equal(p->total, 36);
	assert_int_equal(p->n, 11);
	assert_string_equal(p->rows[10].email, "s04@example.org");
	f.page = 2;	/* past the end: empty, still counted */
	assert_int_equal(auth_users_page(s, &f, p, &err), 0);
	assert_int_equal(p->total, 36);
	assert_int_equal(p->n, 0);

	f.page = 0;
	f.org_id = cardiff;
	f.status = AUTH_USERS_DISABLED;
	assert_int_equal(auth_users_page(s, &f, p, &err), 0);
	assert_int_equal(p->total, 10);
	for (size_t i = 0; i < p->n; i++)
		assert_true(p->rows[i].disabled &&
			    p->rows[i].org_id == cardiff);
	f.status = AUTH_USERS_ACTIVE;
	f.role = ROLE_COUNCIL_PLACEMENTS;
	assert_int_equal(auth_users_page(s, &f, p, &err), 0);
	/* odd i (placements), not a multiple of 3: 1,5,7,11,13,17,19,23,25,29 */
	assert_int_equal(p->total, 10);
	assert_int_equal(p->n, 10);
	assert_string_equal(p->rows[0].email, "c01@example.org");
	f.org_id = swansea;
	assert_int_equal(auth_users_page(s, &f, p, &err), 0);
	assert_int_equal(p->total, 0);
	/* sizes are bounded */
	memset(&f, 0, sizeof(f));
	f.role = ROLE_N;
	f.page_size = 100000;
	assert_int_equal(auth_users_page(s, &f, p, &err), 0);
	assert_int_equal(p->page_size, STORE_PAGE_MAX);
	assert_int_equal(p->n, 36);
	f.page_size = 0;
	assert_int_equal(auth_users_page(s, &f, p, &err), 0);
	assert_int_equal(p->page_size, STORE_PAGE_DEFAULT);
	free(p);
	store_close(s);
}

static void test_login_rehashes(void **state)
{
	char weak[crypto_pwhash_STRBYTES], now[AUTH_PWHASH_MAX];
	struct store *s = fresh_store();
	struct err err = ERR_INIT;
	struct user u;
	int64_t id;

	(void)state;
	id = add_inspector(s, "jo@example.org");
	assert_int_equal(crypto_pwhash_str(weak, PW, strlen(PW),
					   crypto_pwhash_OPSLIMIT_MIN,
					   crypto_pwhash_MEMLIMIT_MIN), 0);
	assert_true(auth_password_needs_rehash(weak));
	assert_int_equal(store_user_set_password(s, id, weak, T0, &err), 0);
	login_ok(s, "jo@example.org", PW, IP, T0 + 1);
	assert_int_equal(store_user_by_id(s, id, &u, now, &err), 0);
	assert_false(auth_password_needs_rehash(now));
	assert_true(auth_password_verify(now, PW));
	assert_int_equal(u.password_changed_at, T0);
	store_close(s);
}

/* ---- sessions ------------------------------------------------------------------ */

static void test_session_roundtrip(void **state)
{
	char token[AUTH_TOKEN_STR_MAX], csrf[AUTH_TOKEN_STR_MAX];
	char got[AUTH_TOKEN_STR_MAX], other[AUTH_TOKEN_STR_MAX];
	uint8_t hash[STORE_TOKEN_HASH_BYTES];
	struct store *s = fresh_store();
	struct session_row row;
	struct err err = ERR_INIT;
	struct user u;
	int64_t id;

	(void)state;
	id = add_inspector(s, "jo@example.org");
	assert_int_equal(auth_session_create(s, id, IP, T0, token, csrf, &err),
			 0);
	assert_true(auth_token_wellformed(token));
	assert_true(auth_token_wellformed(csrf));
	assert_string_not_equal(token, csrf);
	assert_int_equal(auth_session_check(s, token, T0 + 1, &u, got, &err),
			 0);
	assert_int_equal(u.id, id);
	assert_true(auth_csrf_check(csrf, got));
	/* the store holds the hash, never the token */
	auth_token_hash(token, hash);
	assert_int_equal(store_session_get(s, hash, &row, &err), 0);
	assert_memory_equal(row.token_hash, hash, sizeof(hash));
	assert_string_equal(row.ip, IP);
	assert_int_equal(row.expires_at, T0 + AUTH_SESSION_IDLE_MS);
	/* other tokens */
	auth_token_new(other);
	assert_int_equal(auth_session_check(s, other, T0, &u, got, &err),
			 ERR_DENIED);
	assert_string_equal(err.msg, AUTH_MSG_NO_SESSION);
	assert_int_equal(auth_session_check(s, NULL, T0, &u, got, NULL),
			 ERR_DENIED);
	assert_int_equal(auth_session_check(s, "x", T0, &u, got, NULL),
			 ERR_DENIED);
	/* a second session is independent */
	assert_int_equal(auth_session_create(s, id, IP, T0, other, got, &err),
			 0);
	assert_string_not_equal(token, other);
	/* sign out */
	assert_int_equal(auth_session_end(s, token, IP, T0 + 2, &err), 0);
	assert_int_equal(auth_session_check(s, token, T0 + 3, &u, got, NULL),
			 ERR_DENIED);
	assert_int_equal(auth_session_check(s, other, T0 + 3, &u, got, &err),
			 0);
	assert_int_equal(auth_session_end(s, token, IP, T0 + 4, &err), 0);
	assert_int_equal(auth_session_end(s, "rubbish", IP, T0 + 4, &err), 0);
	assert_int_equal(audit_rows_with(s, "sign-out"), 1);
	store_close(s);
}

static void test_session_idle_expiry(void **state)
{
	char token[AUTH_TOKEN_STR_MAX], csrf[AUTH_TOKEN_STR_MAX];
	struct store *s = fresh_store();
	struct err err = ERR_INIT;
	int64_t id, t;

	(void)state;
	id = add_inspector(s, "jo@example.org");
	assert_int_equal(auth_session_create(s, id, IP, T0, token, csrf, &err),
			 0);
	/* idle for just under the limit: still good, and it slides */
	t = T0 + AUTH_SESSION_IDLE_MS - 1;
	assert_int_equal(auth_session_check(s, token, t, NULL, NULL, &err), 0);
	assert_int_equal(auth_session_check(s, token,
					    t + AUTH_SESSION_IDLE_MS - 1,
					    NULL, NULL, &err), 0);
	t += AUTH_SESSION_IDLE_MS - 1;
	/* exactly the idle limit after the last request: ended */
	assert_int_equal(auth_session_check(s, token, t + AUTH_SESSION_IDLE_MS,
					    NULL, NULL, &err), ERR_DENIED);
	/* and deleted: going back in time does not revive it */
	assert_int_equal(auth_session_check(s, token, t + 1, NULL, NULL, NULL),
			 ERR_DENIED);

	/* requests less than AUTH_TOUCH_MS apart do not write, so idleness
	 * counts from the last written touch */
	assert_int_equal(auth_session_create(s, id, IP, T0, token, csrf, &err),
			 0);
	assert_int_equal(auth_session_check(s, token, T0 + AUTH_TOUCH_MS - 1,
					    NULL, NULL, &err), 0);
	assert_int_equal(auth_session_check(s, token, T0 + AUTH_SESSION_IDLE_MS,
					    NULL, NULL, NULL), ERR_DENIED);
	store_close(s);
}

static void test_session_absolute_expiry(void **state)
{
	char token[AUTH_TOKEN_STR_MAX], csrf[AUTH_TOKEN_STR_MAX];
	struct store *s = fresh_store();
	struct err err = ERR_INIT;
	int64_t id, t;

	(void)state;
	id = add_inspector(s, "jo@example.org");
	assert_int_equal(auth_session_create(s, id, IP, T0, token, csrf, &err),
			 0);
	/* busy all day: a request every 20 minutes */
	for (t = T0 + 20 * MIN; t < T0 + AUTH_SESSION_ABSOLUTE_MS; t += 20 * MIN)
		assert_int_equal(auth_session_check(s, token, t, NULL, NULL,
						    &err), 0);
	assert_int_equal(auth_session_check(s, token,
					    T0 + AUTH_SESSION_ABSOLUTE_MS - 1,
					    NULL, NULL, &err), 0);
	assert_int_equal(auth_session_check(s, token,
					    T0 + AUTH_SESSION_ABSOLUTE_MS,
					    NULL, NULL, &err), ERR_DENIED);
	store_close(s);
}

/* ---- API tokens ------------------------------------------------------------------ */

struct token_seen {
	int n;
	uint8_t hash[STORE_TOKEN_HASH_BYTES];
	int64_t revoked_at;
};

static int see_token(const struct api_token_row *r, void *ctx)
{
	struct token_seen *t = ctx;

	t->n++;
	memcpy(t->hash, r->token_hash, sizeof(t->hash));
	t->revoked_at = r->revoked_at;
	return 0;
}

static void test_api_tokens(void **state)
{
	char tok[AUTH_API_TOKEN_STR_MAX], bad[AUTH_API_TOKEN_STR_MAX];
	uint8_t hash[STORE_TOKEN_HASH_BYTES];
	struct store *s = fresh_store();
	struct token_seen seen = { 0 };
	struct err err = ERR_INIT;
	struct api_token_row row;
	struct user u;
	int64_t uid, tid = 0;

	(void)state;
	uid = add_user(s, "police@example.org",
		       ROLE_POLICE_MISSING_COORDINATOR, ORG_POLICE,
		       "south-wales");
	assert_int_equal(auth_api_token_create(s, &tester, uid, "alerts", T0,
					       tok, &tid, &err), 0);
	assert_int_equal(strlen(tok), AUTH_API_TOKEN_STR_MAX - 1);
	assert_memory_equal(tok, AUTH_API_TOKEN_PREFIX, 8);
	assert_int_equal(auth_api_token_check(s, tok, T0 + 1, &u, &err), 0);
	assert_int_equal(u.id, uid);
	assert_int_equal((int)u.org_kind, ORG_POLICE);
	/* hashed at rest */
	assert_int_equal(store_api_tokens_each(s, uid, see_token, &seen, &err),
			 0);
	assert_int_equal(seen.n, 1);
	auth_token_hash(tok, hash);
	assert_memory_equal(seen.hash, hash, sizeof(hash));
	assert_int_equal(store_api_token_get_id(s, tid, &row, &err), 0);
	assert_int_equal(row.last_used_at, T0 + 1);
	/* look-alikes */
	memcpy(bad, tok, sizeof(bad));
	bad[20] = bad[20] == 'A' ? 'B' : 'A';
	assert_int_equal(auth_api_token_check(s, bad, T0, &u, NULL),
			 ERR_DENIED);
	assert_int_equal(auth_api_token_check(s, tok + 8, T0, &u, NULL),
			 ERR_DENIED);
	assert_int_equal(auth_api_token_check(s, "", T0, &u, NULL),
			 ERR_DENIED);
	assert_int_equal(auth_api_token_check(s, NULL, T0, &u, NULL),
			 ERR_DENIED);
	assert_int_equal(auth_api_token_create(s, &tester, uid, "", T0, bad,
					       NULL, NULL), ERR_INVALID);
	/* revoke */
	assert_int_equal(auth_api_token_revoke(s, &tester, tid, T0 + 2, &err),
			 0);
	assert_int_equal(auth_api_token_check(s, tok, T0 + 3, &u, NULL),
			 ERR_DENIED);
	assert_int_equal(auth_api_token_revoke(s, &tester, tid, T0 + 4, NULL),
			 ERR_INVALID);
	assert_int_equal(auth_api_token_revoke(s, &tester, 99, T0 + 4, NULL),
			 ERR_NOT_FOUND);
	assert_int_equal(audit_rows_with(s, "token-create"), 1);
	assert_int_equal(audit_rows_with(s, "token-revoke"), 1);
	store_close(s);
}

/* ---- the audit trail -------------------------------------------------------------- */

struct collect {
	int n;
	struct audit_row rows[8];
};

static int collect_row(const struct audit_row *r, void *ctx)
{
	struct collect *c = ctx;

	if (c->n < (int)ARRAY_SIZE(c->rows))
		c->rows[c->n] = *r;
	c->n++;
	return 0;
}

static void test_audit_chain(void **state)
{
	struct store *s = fresh_store();
	struct err err = ERR_INIT;
	struct user u = { 0 };
	struct auth_actor by = { &u, NULL, "2001:db8::1" };
	struct audit_event e = { T0, &by, "view", "child", "W06000015/C1",
				 NULL };
	struct audit_query q = { "child", "W06000015/C1", 0, 0, 10 };
	char longtext[AUDIT_DETAIL_MAX + 40], want[AUDIT_HASH_HEX + 1];
	struct collect c = { 0 };
	int64_t head;
	char hash[AUDIT_HASH_HEX + 1];

	(void)state;
	assert_trail_intact(s, 0);
	assert_int_equal(store_audit_head(s, &head, hash, &err), 0);
	assert_int_equal(head, 0);
	u.id = add_inspector(s, "jo@example.org");	/* row 1 */
	assert_int_equal(store_user_by_id(s, u.id, &u, NULL, &err), 0);
	assert_int_equal(audit_append(s, &e, &err), 0);	/* row 2 */
	e.action = "change";
	e.detail = "placement end date\nset";		/* row 3 */
	assert_int_equal(audit_append(s, &e, &err), 0);
	/* long text is cut at a character boundary: 'ŵ' is two bytes */
	memset(longtext, 'a', sizeof(longtext));
	memcpy(longtext + AUDIT_DETAIL_MAX - 1, "ŵ", 2);
	longtext[sizeof(longtext) - 1] = '\0';
	e.detail = longtext;
	e.subject_id = "W06000015/C2";
	e.at = T0 + 1;
	assert_int_equal(audit_append(s, &e, &err), 0);	/* row 4 */
	e.action = "";
	assert_int_equal(audit_append(s, &e, NULL), ERR_INVALID);
	assert_trail_intact(s, 4);

	assert_int_equal(store_audit_list(s, &q, collect_row, &c, &err), 0);
	assert_int_equal(c.n, 2);
	assert_int_equal(c.rows[0].id, 3);		/* newest first */
	assert_int_equal(c.rows[1].id, 2);
	assert_string_equal(c.rows[0].detail, "placement end date\nset");
	assert_string_equal(c.rows[0].actor, "jo@example.org");
	assert_string_equal(c.rows[0].role, "inspector");
	assert_string_equal(c.rows[0].ip, "2001:db8::1");
	assert_int_equal(c.rows[1].at, T0);
	assert_int_equal(c.rows[0].user_id, u.id);
	assert_int_equal(c.rows[0].org_id, u.org_id);
	/* each row links to the one before */
	assert_string_equal(c.rows[0].prev_hash, c.rows[1].hash);
	audit_row_hash(&c.rows[0], want);
	assert_string_equal(want, c.rows[0].hash);

	/* paging and the other filters */
	c.n = 0;
	q.before_id = 3;
	assert_int_equal(store_audit_list(s, &q, collect_row, &c, &err), 0);
	assert_int_equal(c.n, 1);
	assert_int_equal(c.rows[0].id, 2);
	c.n = 0;
	q.subject_id = NULL;
	q.before_id = 0;
	assert_int_equal(store_audit_list(s, &q, collect_row, &c, &err), 0);
	assert_int_equal(c.n, 3);
	assert_int_equal(strlen(c.rows[0].detail), AUDIT_DETAIL_MAX - 1);
	c.n = 0;
	q.subject_kind = NULL;
	q.user_id = u.id;
	assert_int_equal(store_audit_list(s, &q, collect_row, &c, &err), 0);
	assert_int_equal(c.n, 3);
	c.n = 0;
	q.user_id = 0;
	q.limit = 2;
	assert_int_equal(store_audit_list(s, &q, collect_row, &c, &err), 0);
	assert_int_equal(c.n, 2);
	q.limit = 0;
	assert_int_equal(store_audit_list(s, &q, collect_row, &c, NULL),
			 ERR_INVALID);

	/* the first row starts from the genesis hash, by a non-user */
	c.n = 0;
	assert_int_equal(store_audit_scan(s, collect_row, &c, &err), 0);
	assert_string_equal(c.rows[0].prev_hash, AUDIT_GENESIS);
	assert_string_equal(c.rows[0].actor, "unit-test");
	assert_int_equal(c.rows[0].user_id, 0);
	store_close(s);
}

static void test_audit_canonical(void **state)
{
	struct audit_row a, b;
	char ha[AUDIT_HASH_HEX + 1], hb[AUDIT_HASH_HEX + 1];

	(void)state;
	memset(&a, 0, sizeof(a));
	a.id = 7;
	a.at = T0;
	snprintf(a.actor, sizeof(a.actor), "jo@example.org");
	snprintf(a.action, sizeof(a.action), "view");
	snprintf(a.prev_hash, sizeof(a.prev_hash), AUDIT_GENESIS);
	b = a;
	/* the same bytes split differently between fields */
	snprintf(a.detail, sizeof(a.detail), "a\nb");
	snprintf(b.detail, sizeof(b.detail), "a");
	snprintf(b.ip, sizeof(b.ip), "b");
	audit_row_hash(&a, ha);
	audit_row_hash(&b, hb);
	assert_string_not_equal(ha, hb);
	/*
	 * The chain hashes the instant as the text the store keeps
	 * (store_time_fmt()), as it did when audit_row.at was that text:
	 * this is the hash the text form gave, so existing trails verify.
	 */
	assert_string_equal(ha, "bc4eb081b1084697ffaa773f406bd6d7"
			    "cad27593e444a1f72e2434153bdce191");
	/* every field counts, the link too */
	b = a;
	b.user_id = 1;
	audit_row_hash(&b, hb);
	assert_string_not_equal(ha, hb);
	b = a;
	b.prev_hash[0] = '1';
	audit_row_hash(&b, hb);
	assert_string_not_equal(ha, hb);
	audit_row_hash(&a, hb);
	assert_string_equal(ha, hb);
	assert_int_equal(strlen(ha), AUDIT_HASH_HEX);
}

static void test_audit_store_guards(void **state)
{
	struct store *s = fresh_store();
	struct err err = ERR_INIT;
	struct audit_row r;
	bool guarded = false;

	(void)state;
	assert_int_equal(auth__audit(s, &tester, T0, "test", NULL, NULL, &err,
				     NULL), 0);
	assert_int_equal(store_audit_protected(s, &guarded, &err), 0);
	assert_true(guarded);
	/* rows that do not extend the chain are refused */
	memset(&r, 0, sizeof(r));
	r.id = 3;		/* skips 2 */
	r.at = T0;
	snprintf(r.actor, sizeof(r.actor), "x");
	snprintf(r.action, sizeof(r.action), "forge");
	assert_int_equal(store_audit_head(s, &r.id, r.prev_hash, &err), 0);
	r.id += 2;
	audit_row_hash(&r, r.hash);
	assert_int_equal(store_audit_insert(s, &r, &err), ERR_CONSTRAINT);
	err_clear(&err);
	r.id = 2;
	snprintf(r.prev_hash, sizeof(r.prev_hash), AUDIT_GENESIS);
	audit_row_hash(&r, r.hash);
	assert_int_equal(store_audit_insert(s, &r, &err), ERR_CONSTRAINT);
	assert_trail_intact(s, 1);
	store_close(s);
}

/* A temporary file store, for tampering with sqlite3 directly: the
 * trail is in its audit file. */
struct tmpdb {
	char dir[64];
	char path[128];
	char audit[140];
};

static void tmp_cleanup(struct tmpdb *t)
{
	static const char *const suffix[] = {
		"", "-wal", "-shm", "-journal",
		"-audit", "-audit-wal", "-audit-shm", "-audit-journal",
	};
	char p[160];

	for (size_t i = 0; i < ARRAY_SIZE(suffix); i++) {
		snprintf(p, sizeof(p), "%s%s", t->path, suffix[i]);
		unlink(p);
	}
	assert_int_equal(rmdir(t->dir), 0);
}

static void tamper(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	char *msg = NULL;

	if (sqlite3_open(path, &db) != SQLITE_OK ||
	    sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("tamper: %s", msg ? msg : sqlite3_errmsg(db));
	sqlite3_close(db);
}

/* A file store with five audit rows. */
static struct store *five_rows(struct tmpdb *t)
{
	struct err err = ERR_INIT;
	struct store *s = NULL;

	snprintf(t->dir, sizeof(t->dir), "/tmp/u-auth-XXXXXX");
	if (!mkdtemp(t->dir))
		fail_msg("mkdtemp failed");
	snprintf(t->path, sizeof(t->path), "%s/cartref.db", t->dir);
	snprintf(t->audit, sizeof(t->audit), "%s-audit", t->path);
	assert_int_equal(store_open(&s, t->path, &err), 0);
	for (int i = 0; i < 5; i++)
		assert_int_equal(auth__audit(s, &tester, T0 + i, "view",
					     "child", "C1", &err, "row %d",
					     i + 1), 0);
	return s;
}

static void expect_broken(struct store *s, int64_t row, const char *words)
{
	struct err err = ERR_INIT;
	int64_t bad, n;

	assert_int_equal(audit_verify(s, &bad, &n, &err), ERR_CONSTRAINT);
	assert_int_equal(bad, row);
	if (!strstr(err.msg, words))
		fail_msg("\"%s\" not in \"%s\"", words, err.msg);
}

static void test_audit_tamper(void **state)
{
	struct store *s;
	struct tmpdb t;

	(void)state;
	/* the store itself refuses */
	s = five_rows(&t);
	assert_trail_intact(s, 5);
	store_close(s);
	{
		sqlite3 *db = NULL;

		assert_int_equal(sqlite3_open(t.audit, &db), SQLITE_OK);
		assert_int_not_equal(sqlite3_exec(db, "UPDATE audit SET "
						  "detail = 'x' WHERE id = 2",
						  NULL, NULL, NULL), SQLITE_OK);
		assert_int_not_equal(sqlite3_exec(db, "DELETE FROM audit "
						  "WHERE id = 5", NULL, NULL,
						  NULL), SQLITE_OK);
		sqlite3_close(db);
	}
	/* a changed row */
	tamper(t.audit, "DROP TRIGGER audit_no_update;"
		       "UPDATE audit SET detail = 'nothing to see' WHERE id = 3");
	assert_int_equal(store_open(&s, t.path, NULL), 0);
	expect_broken(s, 3, "row 3 has been changed");
	store_close(s);
	tmp_cleanup(&t);

	/* a changed hash is a changed row */
	s = five_rows(&t);
	store_close(s);
	tamper(t.audit, "DROP TRIGGER audit_no_update;"
		       "UPDATE audit SET hash = printf('%064d', 1) WHERE id = 2");
	assert_int_equal(store_open(&s, t.path, NULL), 0);
	expect_broken(s, 2, "row 2 has been changed");
	/* a row changed with its hash recomputed breaks the next link */
	{
		struct collect c = { 0 };
		sqlite3_stmt *st = NULL;
		sqlite3 *db = NULL;

		assert_int_equal(store_audit_scan(s, collect_row, &c, NULL), 0);
		snprintf(c.rows[1].detail, sizeof(c.rows[1].detail),
			 "rewritten");
		snprintf(c.rows[1].prev_hash, sizeof(c.rows[1].prev_hash),
			 "%s", c.rows[0].hash);
		audit_row_hash(&c.rows[1], c.rows[1].hash);
		assert_int_equal(sqlite3_open(t.audit, &db), SQLITE_OK);
		assert_int_equal(sqlite3_prepare_v2(db, "UPDATE audit SET "
						    "detail = ?1, hash = ?2 "
						    "WHERE id = 2", -1, &st,
						    NULL), SQLITE_OK);
		sqlite3_bind_text(st, 1, c.rows[1].detail, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, c.rows[1].hash, -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(st), SQLITE_DONE);
		sqlite3_finalize(st);
		sqlite3_close(db);
	}
	expect_broken(s, 3, "row 3 does not follow row 2");
	store_close(s);
	tmp_cleanup(&t);

	/* a deleted row leaves a gap; a deleted first row too */
	s = five_rows(&t);
	store_close(s);
	tamper(t.audit, "DROP TRIGGER audit_no_delete;"
		       "DELETE FROM audit WHERE id = 4");
	assert_int_equal(store_open(&s, t.path, NULL), 0);
	expect_broken(s, 4, "row 4 is missing");
	store_close(s);
	tamper(t.audit, "DELETE FROM audit WHERE id = 1");
	assert_int_equal(store_open(&s, t.path, NULL), 0);
	expect_broken(s, 1, "row 1 is missing");
	store_close(s);
	tmp_cleanup(&t);

	/* rows intact but the guard gone: still reported */
	s = five_rows(&t);
	store_close(s);
	tamper(t.audit, "DROP TRIGGER audit_no_delete");
	assert_int_equal(store_open(&s, t.path, NULL), 0);
	expect_broken(s, 0, "append-only");
	store_close(s);
	tmp_cleanup(&t);
}

/*
 * Issue 10 item 8: the triggers must be exactly the schema's.  A trigger
 * neutralised with WHEN 0 still names RAISE(ABORT), and passed before.
 */
static void test_audit_triggers_exact(void **state)
{
	static const char *const bad[] = {
		/* neutralised: never fires */
		"DROP TRIGGER audit_no_delete;"
		"CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit WHEN 0\n"
		"BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); "
		"END",
		/* the ordering check loosened */
		"DROP TRIGGER audit_in_order;"
		"CREATE TRIGGER audit_in_order BEFORE INSERT ON audit\n"
		"WHEN NEW.id < 0\n"
		"BEGIN SELECT RAISE(ABORT, 'audit rows must extend the chain'); "
		"END",
		/* renamed away and replaced by a look-alike of another name */
		"DROP TRIGGER audit_no_update;"
		"CREATE TRIGGER audit_no_update2 BEFORE UPDATE ON audit\n"
		"BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); "
		"END",
		/* one more, undoing inserts after the fact */
		"CREATE TRIGGER audit_zz AFTER INSERT ON audit\n"
		"BEGIN SELECT 1; END",
	};
	struct store *s;
	struct tmpdb t;

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		s = five_rows(&t);
		assert_trail_intact(s, 5);
		store_close(s);
		tamper(t.audit, bad[i]);
		assert_int_equal(store_open(&s, t.path, NULL), 0);
		expect_broken(s, 0, "append-only");
		store_close(s);
		tmp_cleanup(&t);
	}
}

/* PRAGMA data_version of a connection of its own to path. */
static long data_version(sqlite3 *db)
{
	sqlite3_stmt *st = NULL;
	long v;

	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA data_version", -1, &st,
					    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

/*
 * Issue 10, speed of the audited read: an audit row commits to the audit
 * file only, so another connection's view of the store file (and its
 * cache of the data's pages) does not change; a change of data does.
 */
static void test_audit_leaves_store_file(void **state)
{
	struct err err = ERR_INIT;
	struct store *s;
	struct tmpdb t;
	sqlite3 *db = NULL;
	long v;

	(void)state;
	s = five_rows(&t);
	assert_int_equal(sqlite3_open(t.path, &db), SQLITE_OK);
	v = data_version(db);
	for (int i = 0; i < 3; i++)
		assert_int_equal(auth__audit(s, &tester, T0 + 10 + i, "view",
					     "child", "C1", &err, NULL), 0);
	assert_int_equal(data_version(db), v);
	put_la(s, "W06000001", "Isle of Anglesey", "Ynys Môn");
	assert_int_not_equal(data_version(db), v);
	sqlite3_close(db);
	assert_trail_intact(s, 8);
	store_close(s);
	tmp_cleanup(&t);
}

/* A fixed anchor key from a byte. */
static void test_key(unsigned char key[AUDIT_KEY_BYTES], int byte)
{
	unsigned char material[AUDIT_KEY_MIN];
	struct err err = ERR_INIT;

	memset(material, byte, sizeof(material));
	assert_int_equal(audit_anchor_key(material, sizeof(material), key,
					  &err), 0);
}

/* Put the exact append-only triggers back after tampering. */
#define RESTORE_TRIGGERS \
	"CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit\n" \
	"BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;" \
	"CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit\n" \
	"BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;"

static void expect_anchor(struct store *s, const char *anchor,
			  const unsigned char *key, int code, int64_t row,
			  const char *words)
{
	struct err err = ERR_INIT;
	int64_t bad = -1, n = -1;

	assert_int_equal(audit_verify_anchor(s, anchor, key, &bad, &n, &err),
			 code);
	if (code)
		assert_int_equal(bad, row);
	if (words && !strstr(err.msg, words))
		fail_msg("\"%s\" not in \"%s\"", words, err.msg);
}

/*
 * Issue 10 item 8: anchors.  Removing rows from the end, or rewriting the
 * trail with every hash recomputed, passes audit_verify() but not the
 * anchor; a wrong key or an altered anchor is refused.
 */
static void test_audit_anchor(void **state)
{
	unsigned char key[AUDIT_KEY_BYTES], other[AUDIT_KEY_BYTES];
	char anchor[AUDIT_ANCHOR_MAX], forged[AUDIT_ANCHOR_MAX];
	struct err err = ERR_INIT;
	int64_t bad, n;
	struct store *s;
	struct tmpdb t;
	char *mac;

	(void)state;
	test_key(key, 'k');
	test_key(other, 'o');
	assert_int_equal(audit_anchor_key("short", 5, other, &err),
			 ERR_INVALID);
	test_key(other, 'o');

	/* an empty trail anchors too, and holds */
	s = fresh_store();
	assert_int_equal(audit_anchor(s, key, anchor, &bad, &n, &err), 0);
	assert_non_null(strstr(anchor, ":0:" AUDIT_GENESIS ":"));
	expect_anchor(s, anchor, key, 0, 0, NULL);
	store_close(s);

	s = five_rows(&t);
	assert_int_equal(audit_anchor(s, key, anchor, &bad, &n, &err), 0);
	assert_int_equal(n, 5);
	assert_true(!strncmp(anchor, "cartref-audit-anchor-v1:5:", 26));
	expect_anchor(s, anchor, key, 0, 0, NULL);
	/* the trail grows: the anchor still holds */
	assert_int_equal(auth__audit(s, &tester, T0 + 9, "view", "child", "C1",
				     &err, "row 6"), 0);
	expect_anchor(s, anchor, key, 0, 0, NULL);
	/* another key; an altered anchor (row 4 named with row 5's MAC);
	 * not an anchor at all */
	expect_anchor(s, anchor, other, ERR_DENIED, 0, "MAC");
	snprintf(forged, sizeof(forged), "%s", anchor);
	forged[24] = '4';
	expect_anchor(s, forged, key, ERR_DENIED, 0, "MAC");
	snprintf(forged, sizeof(forged), "%s", anchor);
	mac = strrchr(forged, ':');
	mac[1] = mac[1] == 'a' ? 'b' : 'a';
	expect_anchor(s, forged, key, ERR_DENIED, 0, "MAC");
	expect_anchor(s, "cartref-audit-anchor-v1:5:xyz", key, ERR_INVALID, 0,
		      "not an audit anchor");
	expect_anchor(s, "", key, ERR_INVALID, 0, "not an audit anchor");
	expect_anchor(s, NULL, key, ERR_INVALID, 0, "not an audit anchor");
	store_close(s);

	/* truncated below the anchor, triggers put back exactly: the chain
	 * verifies, the anchor does not */
	tamper(t.audit, "DROP TRIGGER audit_no_delete; DROP TRIGGER "
		       "audit_no_update; DELETE FROM audit WHERE id >= 5;"
		       RESTORE_TRIGGERS);
	assert_int_equal(store_open(&s, t.path, NULL), 0);
	assert_trail_intact(s, 4);
	expect_anchor(s, anchor, key, ERR_CONSTRAINT, 0,
		      "removed from the end");
	store_close(s);
	tmp_cleanup(&t);

	/* rewritten from row 2 with every hash recomputed */
	s = five_rows(&t);
	assert_int_equal(audit_anchor(s, key, anchor, &bad, &n, &err), 0);
	{
		struct collect c = { 0 };
		sqlite3_stmt *st = NULL;
		sqlite3 *db = NULL;

		assert_int_equal(store_audit_scan(s, collect_row, &c, NULL), 0);
		store_close(s);
		assert_int_equal(sqlite3_open(t.audit, &db), SQLITE_OK);
		assert_int_equal(sqlite3_exec(db, "DROP TRIGGER audit_no_update",
					      NULL, NULL, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_prepare_v2(db, "UPDATE audit SET "
						    "detail = ?1, prev_hash = ?2,"
						    " hash = ?3 WHERE id = ?4",
						    -1, &st, NULL), SQLITE_OK);
		for (int i = 1; i < 5; i++) {
			if (i == 1)
				snprintf(c.rows[i].detail,
					 sizeof(c.rows[i].detail), "rewritten");
			memcpy(c.rows[i].prev_hash, c.rows[i - 1].hash,
			       sizeof(c.rows[i].prev_hash));
			audit_row_hash(&c.rows[i], c.rows[i].hash);
			sqlite3_bind_text(st, 1, c.rows[i].detail, -1,
					  SQLITE_STATIC);
			sqlite3_bind_text(st, 2, c.rows[i].prev_hash, -1,
					  SQLITE_STATIC);
			sqlite3_bind_text(st, 3, c.rows[i].hash, -1,
					  SQLITE_STATIC);
			sqlite3_bind_int64(st, 4, c.rows[i].id);
			assert_int_equal(sqlite3_step(st), SQLITE_DONE);
			sqlite3_reset(st);
		}
		sqlite3_finalize(st);
		sqlite3_close(db);
	}
	tamper(t.audit, "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit\n"
		       "BEGIN SELECT RAISE(ABORT, 'the audit trail is "
		       "append-only'); END");
	assert_int_equal(store_open(&s, t.path, NULL), 0);
	assert_trail_intact(s, 5);
	expect_anchor(s, anchor, key, ERR_CONSTRAINT, 5, "rewritten");
	store_close(s);
	tmp_cleanup(&t);
}

/* ---- demo users ------------------------------------------------------------------ */

static int count_demo(const struct user *u, bool created, void *ctx)
{
	int *n = ctx;

	(void)u;
	n[created ? 0 : 1]++;
	return 0;
}

static void test_demo_users(void **state)
{
	struct store *s = fresh_store();
	struct err err = ERR_INIT;
	struct home h;
	struct user u;
	int n[2] = { 0, 0 };

	(void)state;
	/* without the homes register there is no demo provider */
	assert_int_equal(auth_demo_users(s, &tester, T0, NULL, NULL, &err),
			 ERR_NOT_FOUND);
	memset(&h, 0, sizeof(h));
	snprintf(h.urn, sizeof(h.urn), "W0000001");
	snprintf(h.name, sizeof(h.name), "Tŷ Prawf");
	snprintf(h.provider, sizeof(h.provider), "Prawf Care Ltd");
	h.provider_type = PROVIDER_PRIVATE;
	snprintf(h.la, sizeof(h.la), CARDIFF);
	snprintf(h.postcode, sizeof(h.postcode), "CF10 1AA");
	h.places = 3;
	h.age_max = 17;
	h.registered = unit_date("01/01/2010");
	h.closed = DATE_NONE;
	assert_int_equal(store_home_put(s, &h, &err), 0);
	err_clear(&err);
	assert_int_equal(auth_demo_users(s, &tester, T0, count_demo, n, &err),
			 0);
	assert_int_equal(n[0] + n[1], ROLE_N);
	assert_int_equal(store_user_by_email(s, "home-manager@" AUTH_DEMO_DOMAIN,
					     &u, NULL, &err), 0);
	assert_int_equal((int)u.org_kind, ORG_PROVIDER);
	assert_string_equal(u.org_code, "Prawf Care Ltd");
	assert_int_equal(store_user_by_email(s, "police@" AUTH_DEMO_DOMAIN, &u,
					     NULL, &err), 0);
	assert_string_equal(u.org_code, "south-wales");
	/* a second run changes nothing */
	n[0] = n[1] = 0;
	assert_int_equal(auth_demo_users(s, &tester, T0, count_demo, n, &err),
			 0);
	assert_int_equal(n[0], 0);
	assert_int_equal(n[1], ROLE_N);
	login_ok(s, "admin@" AUTH_DEMO_DOMAIN, AUTH_DEMO_PASSWORD, IP, T0);
	assert_trail_intact(s, -1);
	store_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_time_format),
		cmocka_unit_test(test_password_hash_verify),
		cmocka_unit_test(test_password_policy),
		cmocka_unit_test(test_password_generate),
		cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_csrf_compare),
		cmocka_unit_test(test_email_normalise),
		cmocka_unit_test(test_roles_and_orgs),
		cmocka_unit_test(test_police_areas),
		cmocka_unit_test(test_user_add_refused),
		cmocka_unit_test(test_login),
		cmocka_unit_test(test_throttle_account),
		cmocka_unit_test(test_throttle_address),
		cmocka_unit_test(test_throttle_rows_bounded),
		cmocka_unit_test(test_disabled_user),
		cmocka_unit_test(test_user_reset),
		cmocka_unit_test(test_org_ref_parse),
		cmocka_unit_test(test_disable_rules),
		cmocka_unit_test(test_users_page),
		cmocka_unit_test(test_login_rehashes),
		cmocka_unit_test(test_session_roundtrip),
		cmocka_unit_test(test_session_idle_expiry),
		cmocka_unit_test(test_session_absolute_expiry),
		cmocka_unit_test(test_api_tokens),
		cmocka_unit_test(test_audit_chain),
		cmocka_unit_test(test_audit_canonical),
		cmocka_unit_test(test_audit_store_guards),
		cmocka_unit_test(test_audit_tamper),
		cmocka_unit_test(test_audit_triggers_exact),
		cmocka_unit_test(test_audit_anchor),
		cmocka_unit_test(test_audit_leaves_store_file),
		cmocka_unit_test(test_demo_users),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
