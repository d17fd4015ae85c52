/*
 * u-store.c: unit tests for the store (src/store/) through store.h, run
 * against the SQLite backend.
 *
 * Most tests open their own ":memory:" store and add the few local
 * authorities they need by hand.  The geography tests share one store
 * loaded once in the group setup with geo_import() from the directory
 * geo_find_datadir() finds ($CARTREF_DATA, else data/ above the test
 * binary).  A few tests use a temporary file store and look at it with
 * sqlite3 directly, for what the API does not show (schema version pragma,
 * orphaned rows).
 */
#include "unit.h"
#include <sqlite3.h>
#include <unistd.h>
#include "base/parse.h"
#include "domain/codes.h"
#include "ingest/geo-import.h"
#include "store/sql.h"
#include "store/store.h"

#define CARDIFF "W06000015"
#define SWANSEA "W06000011"

/* ---- helpers ------------------------------------------------------------- */

#define D(dmy) unit_date(dmy)

static void put_la(struct store *s, const char *code, const char *en,
		   const char *cy, const char *country, bool lad, bool council)
{
	struct la la = { 0 };
	struct err err = ERR_INIT;

	snprintf(la.code, sizeof(la.code), "%s", code);
	snprintf(la.name_en, sizeof(la.name_en), "%s", en);
	snprintf(la.name_cy, sizeof(la.name_cy), "%s", cy);
	snprintf(la.country, sizeof(la.country), "%s", country);
	la.is_lad = lad;
	la.is_council = council;
	if (store_la_put(s, &la, &err))
		fail_msg("store_la_put %s: %s", code, err_text(&err));
}

/* A fresh in-memory store knowing Cardiff and Swansea. */
static struct store *fresh_store(void)
{
	struct store *s = NULL;
	struct err err = ERR_INIT;

	if (store_open(&s, ":memory:", &err))
		fail_msg("store_open: %s", err_text(&err));
	put_la(s, CARDIFF, "Cardiff", "Caerdydd", "W92000004", true, true);
	put_la(s, SWANSEA, "Swansea", "Abertawe", "W92000004", true, true);
	return s;
}

static bool la_exists(struct store *s, const char *code)
{
	struct la la;

	return store_la_get(s, code, &la, NULL) == 0;
}

static void add_h(struct s903_return *r, const char *child, const char *dob)
{
	struct s903_header *h = s903_add_header(r);

	snprintf(h->child, sizeof(h->child), "%s", child);
	snprintf(h->sex, sizeof(h->sex), "1");
	h->dob = D(dob);
	snprintf(h->ethnic, sizeof(h->ethnic), "WBRI");
}

static void add_e(struct s903_return *r, const char *child, const char *decom,
		  const char *rne, const char *dec)
{
	struct s903_episode *e = s903_add_episode(r);

	snprintf(e->child, sizeof(e->child), "%s", child);
	e->decom = D(decom);
	snprintf(e->rne, sizeof(e->rne), "%s", rne);
	snprintf(e->ls, sizeof(e->ls), "C2");
	snprintf(e->cin, sizeof(e->cin), "N1");
	snprintf(e->place, sizeof(e->place), "U4");
	e->dec = D(dec);
}

static void add_m(struct s903_return *r, const char *child, const char *dob,
		  const char *kind, const char *start, const char *end)
{
	struct s903_missing *m = s903_add_missing(r);

	snprintf(m->child, sizeof(m->child), "%s", child);
	m->dob = D(dob);
	snprintf(m->missing, sizeof(m->missing), "%s", kind);
	m->mis_start = D(start);
	m->mis_end = D(end);
}

static void add_o(struct s903_return *r, const char *child, const char *dob)
{
	struct s903_oc2 *o = s903_add_oc2(r);

	snprintf(o->child, sizeof(o->child), "%s", child);
	o->dob = D(dob);
	o->sdq_score = 10;
}

static void return_init(struct s903_return *r, const char *la, int year)
{
	*r = (struct s903_return)S903_RETURN_INIT;
	snprintf(r->la, sizeof(r->la), "%s", la);
	r->year = year;
}

/* One child with one row in each table. */
static void add_child(struct s903_return *r, const char *child)
{
	add_h(r, child, "01/01/2010");
	add_e(r, child, "01/05/2018", "S", "");
	add_m(r, child, "01/01/2010", "M", "01/10/2018", "05/10/2018");
	add_o(r, child, "01/01/2010");
}

static void replace_ok(struct store *s, struct s903_return *r)
{
	struct err err = ERR_INIT;

	s903_sort(r);
	if (store_return_replace(s, r, &err))
		fail_msg("store_return_replace: %s", err_text(&err));
}

struct returns {
	size_t n;
	struct return_info v[16];
};

static int collect_return(const struct return_info *ri, void *ctx)
{
	struct returns *rs = ctx;

	if (rs->n >= ARRAY_SIZE(rs->v))
		return -1;
	rs->v[rs->n++] = *ri;
	return 0;
}

static void list_returns(struct store *s, struct returns *rs)
{
	struct err err = ERR_INIT;

	memset(rs, 0, sizeof(*rs));
	if (store_returns_each(s, collect_return, rs, &err))
		fail_msg("store_returns_each: %s", err_text(&err));
}

static void expect_return(const struct return_info *ri, const char *la,
			  int year, long children, long episodes, long missing,
			  long oc2)
{
	assert_string_equal(ri->la, la);
	assert_int_equal(ri->year, year);
	assert_int_equal(ri->children, children);
	assert_int_equal(ri->episodes, episodes);
	assert_int_equal(ri->missing, missing);
	assert_int_equal(ri->oc2, oc2);
}

/* A temporary directory for a file store, removed by tmp_cleanup(). */
struct tmpdb {
	char dir[64];
	char path[128];
};

static void tmp_init(struct tmpdb *t)
{
	snprintf(t->dir, sizeof(t->dir), "/tmp/u-store-XXXXXX");
	if (!mkdtemp(t->dir))
		fail_msg("mkdtemp failed");
	snprintf(t->path, sizeof(t->path), "%s/cartref.db", t->dir);
}

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

/* One integer from SQL run directly on a database file. */
static long sql_long(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	long v = -1;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) ||
	    sqlite3_prepare_v2(db, sql, -1, &st, NULL))
		fail_msg("sqlite: %s", sqlite3_errmsg(db));
	if (sqlite3_step(st) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

/* ---- group setup: one store with the geography ------------------------- */


/* ---- schema and lifecycle ------------------------------------------------ */

static void test_open_memory_migrates(void **state)
{
	struct store *s = NULL;
	struct err err = ERR_INIT;
	int v = -1;

	(void)state;
	assert_int_equal(store_open(&s, ":memory:", &err), 0);
	assert_int_equal(store_schema_version(s, &v, &err), 0);
	assert_true(store_schema_latest() >= 1);
	assert_int_equal(v, store_schema_latest());
	assert_false(store_geo_loaded(s));
	store_close(s);
	store_close(NULL);
}

/* A location as logs and messages show it: no password. */
static void test_location_shown(void **state)
{
	static const char *const cases[][2] = {
		{ "build/demo/cartref-demo.db", "build/demo/cartref-demo.db" },
		{ "postgresql://cartref:s3cret@db.example/cartref",
		  "postgresql://cartref:***@db.example/cartref" },
		{ "postgres://cartref@db/x", "postgres://cartref@db/x" },
		{ "postgresql://db/x?user=c&password=s3cret&sslmode=require",
		  "postgresql://db/x?user=c&password=***&sslmode=require" },
		{ "host=db dbname=cartref password=s3cret user=c",
		  "host=db dbname=cartref password=*** user=c" },
		{ "host=db password='it\\'s s3cret' user=c",
		  "host=db password=*** user=c" },
		{ "password=s3cret", "password=***" },
	};
	char out[128];

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		store_location_shown(cases[i][0], out, sizeof(out));
		assert_string_equal(out, cases[i][1]);
		assert_null(strstr(out, "s3cret"));
	}
	store_location_shown("host=db password=s3cret", out, 8);
	assert_int_equal(strlen(out), 7);
	/* which driver: a path with '=' in it is still a path */
	assert_true(sql_location_is_pg("host=/run/postgresql dbname=x"));
	assert_true(sql_location_is_pg("dbname = x"));
	assert_true(sql_location_is_pg("postgresql:///x"));
	assert_false(sql_location_is_pg("build/a=b.db"));
	assert_false(sql_location_is_pg("./key=x"));
	assert_false(sql_location_is_pg(":memory:"));
	assert_false(sql_location_is_pg("cartref.db"));
	assert_int_equal(strlen(out), 7);
}

static void test_open_bad_location(void **state)
{
	struct store *s = NULL;
	struct err err = ERR_INIT;

	(void)state;
	assert_int_equal(store_open(&s, "", &err), ERR_USAGE);
	assert_null(s);
	err_clear(&err);
#ifdef CARTREF_PG
	/* the driver is built in: no server behind that socket */
	assert_int_equal(store_open(&s, "postgresql:///x?host=/nonexistent-dir",
				    &err), ERR_IO);
#else
	assert_int_equal(store_open(&s, "postgres://localhost/x", &err),
			 ERR_UNSUPPORTED);
#endif
	assert_null(s);
	err_clear(&err);
	assert_int_equal(store_open(&s, "/nonexistent-dir/u-store/x.db", &err),
			 ERR_IO);
	assert_null(s);
}

static void test_reopen_file_store(void **state)
{
	struct tmpdb t;
	struct store *s = NULL;
	struct err err = ERR_INIT;
	struct s903_return r;
	struct returns rs;
	struct la la;
	int v = -1;

	(void)state;
	tmp_init(&t);
	assert_int_equal(store_open(&s, t.path, &err), 0);
	put_la(s, CARDIFF, "Cardiff", "Caerdydd", "W92000004", true, true);
	return_init(&r, CARDIFF, 2019);
	add_child(&r, "A1");
	replace_ok(s, &r);
	s903_return_release(&r);
	store_close(s);
	assert_int_equal(sql_long(t.path, "PRAGMA user_version"),
			 store_schema_latest());

	/* again: nothing to migrate, data kept */
	s = NULL;
	assert_int_equal(store_open(&s, t.path, &err), 0);
	assert_int_equal(store_schema_version(s, &v, &err), 0);
	assert_int_equal(v, store_schema_latest());
	assert_int_equal(store_la_get(s, CARDIFF, &la, &err), 0);
	assert_string_equal(la.name_cy, "Caerdydd");
	list_returns(s, &rs);
	assert_int_equal(rs.n, 1);
	expect_return(&rs.v[0], CARDIFF, 2019, 1, 1, 1, 1);
	store_close(s);
	tmp_cleanup(&t);
}

static void test_newer_schema_refused(void **state)
{
	struct tmpdb t;
	struct store *s = NULL;
	struct err err = ERR_INIT;
	char sql[64];

	(void)state;
	tmp_init(&t);
	assert_int_equal(store_open(&s, t.path, &err), 0);
	store_close(s);
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d",
		 store_schema_latest() + 1);
	sql_long(t.path, sql);
	s = NULL;
	assert_int_equal(store_open(&s, t.path, &err), ERR_UNSUPPORTED);
	assert_null(s);
	assert_int_equal(err.code, ERR_UNSUPPORTED);
	tmp_cleanup(&t);
}

/* ---- transactions ------------------------------------------------------- */

static void put_x(struct store *s, const char *code)
{
	put_la(s, code, "X", "", "W92000004", true, false);
}

static void test_transaction_inner_rollback(void **state)
{
	struct store *s = fresh_store();
	struct err err = ERR_INIT;

	(void)state;
	assert_int_equal(store_begin(s, &err), 0);
	put_x(s, "W99000001");
	assert_int_equal(store_begin(s, &err), 0);
	put_x(s, "W99000002");
	assert_true(la_exists(s, "W99000002"));
	store_rollback(s);		/* the inner level only */
	assert_false(la_exists(s, "W99000002"));
	assert_true(la_exists(s, "W99000001"));
	put_x(s, "W99000003");
	assert_int_equal(store_commit(s, &err), 0);
	assert_true(la_exists(s, "W99000001"));
	assert_false(la_exists(s, "W99000002"));
	assert_true(la_exists(s, "W99000003"));
	store_close(s);
}

static void test_transaction_outer_rollback(void **state)
{
	struct store *s = fresh_store();
	struct err err = ERR_INIT;

	(void)state;
	assert_int_equal(store_begin(s, &err), 0);
	put_x(s, "W99000001");
	assert_int_equal(store_begin(s, &err), 0);
	put_x(s, "W99000002");
	assert_int_equal(store_begin(s, &err), 0);
	put_x(s, "W99000003");
	assert_int_equal(store_commit(s, &err), 0);
	assert_int_equal(store_commit(s, &err), 0);
	assert_true(la_exists(s, "W99000003"));
	store_rollback(s);		/* the outer level: everything */
	assert_false(la_exists(s, "W99000001"));
	assert_false(la_exists(s, "W99000002"));
	assert_false(la_exists(s, "W99000003"));
	assert_true(la_exists(s, CARDIFF));

	/* and the store is usable again at depth 0 */
	assert_int_equal(store_commit(s, &err), ERR_STORE);
	store_rollback(s);		/* nothing open: no effect */
	assert_int_equal(store_begin(s, &err), 0);
	put_x(s, "W99000004");
	assert_int_equal(store_commit(s, &err), 0);
	assert_true(la_exists(s, "W99000004"));
	store_close(s);
}

static void test_transaction_replace_inside(void **state)
{
	struct store *s = fresh_store();
	struct err err = ERR_INIT;
	struct s903_return r;
	struct returns rs;

	(void)state;
	/* store_return_replace nests inside a caller's transaction */
	assert_int_equal(store_begin(s, &err), 0);
	return_init(&r, CARDIFF, 2019);
	add_child(&r, "A1");
	replace_ok(s, &r);
	s903_return_release(&r);
	list_returns(s, &rs);
	assert_int_equal(rs.n, 1);
	store_rollback(s);
	list_returns(s, &rs);
	assert_int_equal(rs.n, 0);
	store_close(s);
}

/* ---- local authorities -------------------------------------------------- */

static void test_la_put_get(void **state)
{
	struct store *s = fresh_store();
	struct err err = ERR_INIT;
	struct la la, bad = { 0 };

	(void)state;
	assert_int_equal(store_la_get(s, CARDIFF, &la, &err), 0);
	assert_string_equal(la.code, CARDIFF);
	assert_string_equal(la.name_en, "Cardiff");
	assert_string_equal(la.name_cy, "Caerdydd");
	assert_string_equal(la.country, "W92000004");
	assert_true(la.is_lad);
	assert_true(la.is_council);

	assert_int_equal(store_la_get(s, "W06000099", &la, &err),
			 ERR_NOT_FOUND);
	assert_int_equal(err.code, ERR_NOT_FOUND);
	assert_non_null(strstr(err.msg, "W06000099"));

	/* not a GSS code */
	err_clear(&err);
	snprintf(bad.code, sizeof(bad.code), "W0600001");
	snprintf(bad.country, sizeof(bad.country), "W92000004");
	assert_int_equal(store_la_put(s, &bad, &err), ERR_INVALID);
	/* a country the schema does not know */
	err_clear(&err);
	snprintf(bad.code, sizeof(bad.code), "X06000001");
	snprintf(bad.country, sizeof(bad.country), "X92000009");
	assert_int_equal(store_la_put(s, &bad, &err), ERR_CONSTRAINT);
	assert_false(la_exists(s, "X06000001"));
	store_close(s);
}

static void test_la_put_updates(void **state)
{
	struct store *s = fresh_store();
	struct err err = ERR_INIT;
	struct la la;

	(void)state;
	/* an English county: a council, not a district ... */
	put_la(s, "E10000003", "Cambs", "", "E92000001", false, true);
	/* ... named again as a district: both flags stay set */
	put_la(s, "E10000003", "Cambridgeshire", "", "E92000001", true, false);
	assert_int_equal(store_la_get(s, "E10000003", &la, &err), 0);
	assert_string_equal(la.name_en, "Cambridgeshire");
	assert_true(la.is_lad);
	assert_true(la.is_council);
	store_close(s);
}

/* ---- geography (shared store) -------------------------------------------- */

struct councils {
	size_t n;
	struct la v[32];
	int stop_after;
};

static int collect_council(const struct la *la, void *ctx)
{
	struct councils *c = ctx;

	if (c->n < ARRAY_SIZE(c->v))
		c->v[c->n] = *la;
	c->n++;
	return c->stop_after && (int)c->n >= c->stop_after ? 42 : 0;
}

static void test_geo_loaded(void **state)
{
	struct store *s = *state;
	struct err err = ERR_INIT;
	char dir[4096];

	assert_true(store_geo_loaded(s));
	/* loading again is a no-op */
	assert_int_equal(geo_find_datadir(dir, sizeof(dir), &err), 0);
	assert_int_equal(geo_import(s, dir, &err), 0);
}

static void test_councils_of_wales(void **state)
{
	struct store *s = *state;
	struct councils c = { 0 };
	struct err err = ERR_INIT;
	char want[32];
	size_t k = 0;

	assert_int_equal(store_councils_each(s, "W92000004", collect_council,
					     &c, &err), 0);
	assert_int_equal(c.n, 22);
	for (int i = 1; i <= 24; i++) {
		if (i == 7 || i == 17)
			continue;
		snprintf(want, sizeof(want), "W060000%02d", i);
		assert_string_equal(c.v[k].code, want);
		assert_string_equal(c.v[k].country, "W92000004");
		assert_true(c.v[k].is_council);
		assert_true(c.v[k].name_cy[0] != '\0');
		k++;
	}
	assert_string_equal(c.v[0].name_en, "Isle of Anglesey");
	assert_string_equal(c.v[0].name_cy, "Ynys M\xC3\xB4n");
	assert_string_equal(c.v[13].code, CARDIFF);
	assert_string_equal(c.v[13].name_cy, "Caerdydd");

	/* a non-zero return from the callback stops the walk */
	memset(&c, 0, sizeof(c));
	c.stop_after = 3;
	assert_int_equal(store_councils_each(s, "W92000004", collect_council,
					     &c, &err), 42);
	assert_int_equal(c.n, 3);
	/* and the statement is reusable afterwards */
	memset(&c, 0, sizeof(c));
	assert_int_equal(store_councils_each(s, "W92000004", collect_council,
					     &c, &err), 0);
	assert_int_equal(c.n, 22);

	memset(&c, 0, sizeof(c));
	assert_int_equal(store_councils_each(s, "X99999999", collect_council,
					     &c, &err), 0);
	assert_int_equal(c.n, 0);
}

static void test_english_tiers(void **state)
{
	struct store *s = *state;
	struct err err = ERR_INIT;
	struct la la;

	/* a shire district is not a council; its county is */
	assert_int_equal(store_la_get(s, "E07000008", &la, &err), 0);
	assert_string_equal(la.name_en, "Cambridge");
	assert_true(la.is_lad);
	assert_false(la.is_council);
	assert_int_equal(store_la_get(s, "E10000003", &la, &err), 0);
	assert_string_equal(la.name_en, "Cambridgeshire");
	assert_false(la.is_lad);
	assert_true(la.is_council);
	assert_string_equal(la.country, "E92000001");
}

static void test_postcode_locate(void **state)
{
	struct store *s = *state;
	struct err err = ERR_INIT;
	struct grid_ref g = { -1, -1 };
	bool exact = false;
	char la[LA_CODE_MAX + 1] = "";

	assert_int_equal(store_postcode_locate(s, "CF10 1AA", &g, &exact, la,
					       &err), 0);
	assert_true(exact);
	assert_int_equal(g.easting, 318284);
	assert_int_equal(g.northing, 176230);
	assert_string_equal(la, CARDIFF);

	assert_int_equal(store_postcode_locate(s, "LL57 2DG", &g, &exact, NULL,
					       &err), 0);
	assert_true(exact);
	assert_int_equal(g.easting, 257953);
	assert_int_equal(g.northing, 372356);

	/* unknown full postcode in a known district: the district centroid */
	assert_int_equal(store_postcode_locate(s, "CF10 9ZZ", &g, &exact, la,
					       &err), 0);
	assert_false(exact);
	assert_int_equal(g.easting, 318617);
	assert_int_equal(g.northing, 175743);
	assert_string_equal(la, CARDIFF);

	/* a district on its own */
	exact = true;
	assert_int_equal(store_postcode_locate(s, "CF10", &g, &exact, la,
					       &err), 0);
	assert_false(exact);
	assert_int_equal(g.easting, 318617);

	/* exact may be NULL */
	assert_int_equal(store_postcode_locate(s, "CF10 1AA", &g, NULL, NULL,
					       &err), 0);

	assert_int_equal(store_postcode_locate(s, "ZZ99 9ZZ", &g, &exact, la,
					       &err), ERR_NOT_FOUND);
	assert_int_equal(err.code, ERR_NOT_FOUND);
	assert_non_null(strstr(err.msg, "ZZ99 9ZZ"));
}

static void test_distance(void **state)
{
	struct store *s = *state;
	struct err err = ERR_INIT;
	int32_t t = -1;
	bool exact = false;

	/*
	 * CF10 1AA (318284,176230) to LL57 2DG (257953,372356):
	 * dE = 60331, dN = 196126; sqrt(dE^2 + dN^2) = 205195.5 m;
	 * / 1000 / 1.6093 = 127.506 -> 127.5 miles.
	 */
	assert_int_equal(store_distance_tenths(s, "CF10 1AA", "ll572dg", &t,
					       &exact, &err), 0);
	assert_int_equal(t, 1275);
	assert_true(exact);
	/* symmetric, and 0 only for the same place */
	assert_int_equal(store_distance_tenths(s, "LL57 2DG", "CF10 1AA", &t,
					       NULL, &err), 0);
	assert_int_equal(t, 1275);
	assert_int_equal(store_distance_tenths(s, "CF10 1AA", "CF10 1AA", &t,
					       &exact, &err), 0);
	assert_int_equal(t, 0);
	/* a district centroid stands in for an unknown full postcode */
	assert_int_equal(store_distance_tenths(s, "CF10 1AA", "SW1A 1AA", &t,
					       &exact, &err), 0);
	assert_false(exact);
	assert_true(t > 1250 && t < 1350);
	/* unknown and malformed postcodes: the unknown result, never 0 */
	t = -1;
	assert_int_equal(store_distance_tenths(s, "CF10 1AA", "ZZ99 9ZZ", &t,
					       &exact, &err), ERR_NOT_FOUND);
	assert_int_equal(t, -1);
	err_clear(&err);
	assert_int_equal(store_distance_tenths(s, "not a postcode", "CF10 1AA",
					       &t, &exact, &err),
			 ERR_NOT_FOUND);
	assert_int_equal(t, -1);
}

struct pcs {
	size_t n;
	char first[POSTCODE_MAX + 1], last[POSTCODE_MAX + 1];
	struct grid_ref first_g;
	bool ordered;
};

static int collect_pc(const char *pc, const struct grid_ref *g, void *ctx)
{
	struct pcs *p = ctx;

	if (!p->n) {
		snprintf(p->first, sizeof(p->first), "%s", pc);
		p->first_g = *g;
		p->ordered = true;
	} else if (strcmp(p->last, pc) >= 0) {
		p->ordered = false;
	}
	snprintf(p->last, sizeof(p->last), "%s", pc);
	p->n++;
	return 0;
}

static void test_postcodes_in_la(void **state)
{
	struct store *s = *state;
	struct err err = ERR_INIT;
	struct pcs p = { 0 };

	assert_int_equal(store_postcodes_in_la(s, CARDIFF, collect_pc, &p,
					       &err), 0);
	assert_int_equal(p.n, 7678);
	assert_true(p.ordered);
	assert_string_equal(p.first, "CF10 1AA");
	assert_int_equal(p.first_g.easting, 318284);
	assert_string_equal(p.last, "CF99 1SN");

	memset(&p, 0, sizeof(p));
	assert_int_equal(store_outcodes_in_la(s, CARDIFF, collect_pc, &p,
					      &err), 0);
	assert_int_equal(p.n, 12);
	assert_true(p.ordered);
	assert_string_equal(p.first, "CF10");
	assert_int_equal(p.first_g.northing, 175743);
	assert_string_equal(p.last, "CF99");
}

static void test_geo_stats(void **state)
{
	struct store *s = *state;
	struct err err = ERR_INIT;
	struct store_stats st;

	assert_int_equal(store_stats(s, &st, &err), 0);
	assert_int_equal(st.postcodes, 123451);
	assert_int_equal(st.outcodes, 2864);
	assert_true(st.councils >= 22);
	assert_int_equal(st.homes, 0);
	assert_int_equal(st.nyears, 0);
}

/* ---- code lists against the schema -------------------------------------- */

/* Where a code list is used: the stored table and column. */
static bool find_code_col(const struct code_list *l, enum s903_table *t,
			  const struct s903_col **col)
{
	for (int i = S903_HEADER; i <= S903_OC2; i++)
		for (size_t c = 0; c < s903_tables[i].ncols; c++)
			if (s903_tables[i].cols[c].kind == S903_CODE &&
			    s903_tables[i].cols[c].codes == l) {
				*t = (enum s903_table)i;
				*col = &s903_tables[i].cols[c];
				return true;
			}
	return false;
}

/* The row of child k (0 or 1) of table t in a return built by add_child. */
static char *row_of(struct s903_return *r, enum s903_table t, size_t k)
{
	switch (t) {
	case S903_HEADER:
		return (char *)&r->header[k];
	case S903_EPISODES:
		return (char *)&r->episodes[k];
	case S903_MISSING:
		return (char *)&r->missing[k];
	default:
		return (char *)&r->oc2[k];
	}
}

/* Store A1 with col set to value; check it loads back as written. */
static void accept_value(struct store *s, enum s903_table t,
			 const struct s903_col *col, const char *value)
{
	struct s903_return r, back = S903_RETURN_INIT;
	struct err err = ERR_INIT;
	char msg[128], out[64];

	return_init(&r, CARDIFF, 2019);
	add_child(&r, "A1");
	if (s903_parse_field(col, value, row_of(&r, t, 0), msg, sizeof(msg)))
		fail_msg("%s: %s", col->name, msg);
	s903_sort(&r);
	if (store_return_replace(s, &r, &err))
		fail_msg("%s = %s refused: %s", col->name, value,
			 err_text(&err));
	assert_int_equal(store_return_load(s, CARDIFF, 2019, &back, &err), 0);
	s903_format_field(col, row_of(&back, t, 0), out, sizeof(out));
	if (strcmp(out, value))
		fail_msg("%s = %s loaded as %s", col->name, value, out);
	s903_return_release(&r);
	s903_return_release(&back);
}

/* A1 valid and A2 with col set to a bogus value: refused, nothing kept. */
static void refuse_value(struct store *s, enum s903_table t,
			 const struct s903_col *col, const char *bogus,
			 int is_int)
{
	struct s903_return r;
	struct err err = ERR_INIT;
	struct returns rs;
	char *row;
	int rc;

	return_init(&r, CARDIFF, 2019);
	add_child(&r, "A1");
	add_child(&r, "A2");
	row = row_of(&r, t, 1);
	if (is_int)
		*(int32_t *)(row + col->off) = is_int;
	else
		snprintf(row + col->off, col->size, "%s", bogus);
	s903_sort(&r);
	rc = store_return_replace(s, &r, &err);
	if (rc != ERR_CONSTRAINT)
		fail_msg("%s = %s: expected ERR_CONSTRAINT, got %s (%s)",
			 col->name, bogus, err_name(rc), err_text(&err));
	assert_int_equal(err.code, ERR_CONSTRAINT);
	/* the previous return is intact: no row of A1 or A2 was kept */
	list_returns(s, &rs);
	assert_int_equal(rs.n, 1);
	expect_return(&rs.v[0], CARDIFF, 2019, 1, 1, 1, 1);
	s903_return_release(&r);
}

static void test_schema_accepts_every_code(void **state)
{
	struct store *s = fresh_store();
	size_t lists = 0;

	(void)state;
	for (size_t i = 0; i < codes_all_n; i++) {
		const struct code_list *l = codes_all[i];
		enum s903_table t = S903_HEADER;
		const struct s903_col *col = NULL;

		if (l == &codes_bool01)
			continue;	/* integer columns: see below */
		if (!find_code_col(l, &t, &col))
			fail_msg("code list %s is used by no column", l->name);
		for (size_t k = 0; k < l->n; k++)
			accept_value(s, t, col, l->codes[k].code);
		lists++;
	}
	assert_int_equal(lists, codes_all_n - 1);
	store_close(s);
}

static void test_schema_refuses_bogus_codes(void **state)
{
	struct store *s = fresh_store();
	static const char *const bogus[] = { "Z", "ZZ", "ZZZ", "ZZZZ",
					     "ZZZZZ", "ZZZZZZ" };

	(void)state;
	for (size_t i = 0; i < codes_all_n; i++) {
		const struct code_list *l = codes_all[i];
		enum s903_table t = S903_HEADER;
		const struct s903_col *col = NULL;
		const char *z;
		size_t k;

		if (l == &codes_bool01)
			continue;
		assert_true(find_code_col(l, &t, &col));
		/* the longest bogus value the column can hold */
		k = col->size - 2;
		z = bogus[k < ARRAY_SIZE(bogus) ? k : ARRAY_SIZE(bogus) - 1];
		assert_true(code_find(l, z) < 0);
		/* a valid return first, which the refused one must not touch */
		accept_value(s, t, col, l->codes[0].code);
		refuse_value(s, t, col, z, 0);
		/* a lower-case version of a real code is not it */
		if (col->size > 2) {
			char lc[8];

			snprintf(lc, sizeof(lc), "%s", l->codes[0].code);
			for (char *p = lc; *p; p++)
				if (*p >= 'A' && *p <= 'Z')
					*p = (char)(*p - 'A' + 'a');
			if (strcmp(lc, l->codes[0].code))
				refuse_value(s, t, col, lc, 0);
		}
	}
	store_close(s);
}

static void test_schema_flags_and_ranges(void **state)
{
	static const char *const flags[] = {
		"CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK",
		"HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE",
		"INTERVENTION_RECEIVED", "INTERVENTION_OFFERED",
	};
	struct store *s = fresh_store();
	const struct s903_col *mother = NULL;

	(void)state;
	for (size_t c = 0; c < s903_tables[S903_HEADER].ncols; c++)
		if (!strcmp(s903_tables[S903_HEADER].cols[c].name, "MOTHER"))
			mother = &s903_tables[S903_HEADER].cols[c];
	assert_non_null(mother);
	/* codes_bool01 (0, 1) in MOTHER and the OC2 flags */
	for (size_t k = 0; k < codes_bool01.n; k++) {
		const char *v = codes_bool01.codes[k].code;
		const struct s903_col *oc2 = s903_tables[S903_OC2].cols;

		accept_value(s, S903_HEADER, mother, v);
		for (size_t f = 0; f < ARRAY_SIZE(flags); f++)
			for (size_t c = 0; c < s903_tables[S903_OC2].ncols; c++)
				if (!strcmp(oc2[c].name, flags[f]))
					accept_value(s, S903_OC2, &oc2[c], v);
	}
	refuse_value(s, S903_HEADER, mother, "2", 2);
	for (size_t c = 0; c < s903_tables[S903_OC2].ncols; c++) {
		const struct s903_col *col = &s903_tables[S903_OC2].cols[c];

		if (col->kind != S903_INT)
			continue;
		/* flags: 2 is refused; SDQ_SCORE: 0..40 */
		if (col->max == 1)
			refuse_value(s, S903_OC2, col, "2", 2);
		else
			refuse_value(s, S903_OC2, col, "41", 41);
	}
	accept_value(s, S903_OC2, &s903_tables[S903_OC2].cols[2], "40");
	store_close(s);
}

static void test_replace_bad_dates_refused(void **state)
{
	struct store *s = fresh_store();
	struct s903_return r;
	struct err err = ERR_INIT;
	struct returns rs;

	(void)state;
	/* DEC before DECOM breaks a CHECK */
	return_init(&r, CARDIFF, 2019);
	add_child(&r, "A1");
	r.episodes[0].dec = D("01/01/2018");
	s903_sort(&r);
	assert_int_equal(store_return_replace(s, &r, &err), ERR_CONSTRAINT);
	s903_return_release(&r);
	list_returns(s, &rs);
	assert_int_equal(rs.n, 0);

	/* an episode of a child not in Header */
	err_clear(&err);
	return_init(&r, CARDIFF, 2019);
	add_child(&r, "A1");
	add_e(&r, "A9", "01/05/2018", "S", "");
	s903_sort(&r);
	assert_int_equal(store_return_replace(s, &r, &err), ERR_INVALID);
	s903_return_release(&r);
	list_returns(s, &rs);
	assert_int_equal(rs.n, 0);

	/* an unknown council or no year */
	err_clear(&err);
	return_init(&r, "W06000099", 2019);
	add_child(&r, "A1");
	assert_int_equal(store_return_replace(s, &r, &err), ERR_NOT_FOUND);
	s903_return_release(&r);
	err_clear(&err);
	return_init(&r, CARDIFF, 0);
	add_child(&r, "A1");
	assert_int_equal(store_return_replace(s, &r, &err), ERR_INVALID);
	s903_return_release(&r);
	store_close(s);
}

/* ---- returns ------------------------------------------------------------- */

static void test_replace_twice(void **state)
{
	struct store *s = fresh_store();
	struct s903_return r;
	struct returns rs;

	(void)state;
	return_init(&r, CARDIFF, 2019);
	add_child(&r, "A1");
	add_child(&r, "A2");
	replace_ok(s, &r);
	replace_ok(s, &r);	/* the same again: not doubled */
	list_returns(s, &rs);
	assert_int_equal(rs.n, 1);
	expect_return(&rs.v[0], CARDIFF, 2019, 2, 2, 2, 2);
	s903_return_release(&r);

	/* other councils and years are separate returns */
	return_init(&r, SWANSEA, 2019);
	add_child(&r, "A1");
	replace_ok(s, &r);
	s903_return_release(&r);
	return_init(&r, CARDIFF, 2018);
	add_child(&r, "B1");
	add_e(&r, "B1", "01/09/2018", "P", "");
	replace_ok(s, &r);
	s903_return_release(&r);
	list_returns(s, &rs);
	assert_int_equal(rs.n, 3);
	expect_return(&rs.v[0], SWANSEA, 2019, 1, 1, 1, 1);
	expect_return(&rs.v[1], CARDIFF, 2018, 1, 2, 1, 1);
	expect_return(&rs.v[2], CARDIFF, 2019, 2, 2, 2, 2);

	/* a smaller return replaces the bigger one */
	return_init(&r, CARDIFF, 2019);
	add_child(&r, "A2");
	replace_ok(s, &r);
	s903_return_release(&r);
	list_returns(s, &rs);
	assert_int_equal(rs.n, 3);
	expect_return(&rs.v[2], CARDIFF, 2019, 1, 1, 1, 1);
	store_close(s);
}

static void test_replace_removes_orphans(void **state)
{
	struct tmpdb t;
	struct store *s = NULL;
	struct err err = ERR_INIT;
	struct s903_return r;

	(void)state;
	tmp_init(&t);
	assert_int_equal(store_open(&s, t.path, &err), 0);
	put_la(s, CARDIFF, "Cardiff", "Caerdydd", "W92000004", true, true);
	put_la(s, SWANSEA, "Swansea", "Abertawe", "W92000004", true, true);
	return_init(&r, CARDIFF, 2018);
	add_child(&r, "A1");
	add_child(&r, "A2");
	replace_ok(s, &r);
	s903_return_release(&r);
	return_init(&r, CARDIFF, 2019);
	add_child(&r, "A1");
	add_child(&r, "A2");
	add_child(&r, "A3");
	replace_ok(s, &r);
	s903_return_release(&r);
	/* Swansea's own A3 is another child */
	return_init(&r, SWANSEA, 2019);
	add_child(&r, "A3");
	replace_ok(s, &r);
	s903_return_release(&r);
	/* 2019 again without A2 and A3 */
	return_init(&r, CARDIFF, 2019);
	add_child(&r, "A1");
	replace_ok(s, &r);
	s903_return_release(&r);
	store_close(s);

	/* A2 stays (in 2018), Cardiff's A3 is gone, Swansea's A3 stays */
	assert_int_equal(sql_long(t.path, "SELECT count(*) FROM child"), 3);
	assert_int_equal(sql_long(t.path, "SELECT count(*) FROM child c JOIN"
				  " la l ON l.id = c.la_id WHERE l.code ="
				  " 'W06000015' AND c.child_ref = 'A3'"), 0);
	assert_int_equal(sql_long(t.path, "SELECT count(*) FROM child c JOIN"
				  " la l ON l.id = c.la_id WHERE l.code ="
				  " 'W06000015' AND c.child_ref = 'A2'"), 1);
	/* the replaced return's rows went with it */
	assert_int_equal(sql_long(t.path, "SELECT count(*) FROM episode"), 4);
	assert_int_equal(sql_long(t.path, "SELECT count(*) FROM missing"), 4);
	assert_int_equal(sql_long(t.path, "SELECT count(*) FROM oc2"), 4);
	assert_int_equal(sql_long(t.path, "SELECT count(*) FROM return_child"),
			 4);
	assert_int_equal(sql_long(t.path, "SELECT count(*) FROM return903"),
			 3);
	tmp_cleanup(&t);
}

static void rich_return(struct s903_return *r)
{
	struct s903_header *h;
	struct s903_episode *e;
	struct s903_oc2 *o;

	return_init(r, CARDIFF, 2019);
	add_h(r, "C002", "03/02/2003");
	add_h(r, "C001", "12/05/2005");
	add_h(r, "C004", "21/07/2002");
	h = &r->header[0];
	snprintf(h->sex, sizeof(h->sex), "F");
	snprintf(h->upn, sizeof(h->upn), "UN4");
	h->mother = 0;
	h = &r->header[1];
	snprintf(h->upn, sizeof(h->upn), "A123456789012");
	snprintf(h->ethnic, sizeof(h->ethnic), "MWBC");
	h = &r->header[2];
	snprintf(h->sex, sizeof(h->sex), "2");
	snprintf(h->upn, sizeof(h->upn), "B12345678901A");
	h->mother = 1;
	h->mc_dob = D("01/02/2019");

	add_e(r, "C001", "15/08/2018", "P", "");
	add_e(r, "C001", "01/06/2017", "S", "15/08/2018");
	add_e(r, "C002", "10/04/2018", "S", "20/12/2018");
	add_e(r, "C004", "01/05/2015", "S", "01/10/2018");
	add_e(r, "C004", "01/10/2018", "L", "");
	e = &r->episodes[0];
	snprintf(e->place, sizeof(e->place), "K2");
	snprintf(e->place_provider, sizeof(e->place_provider), "PR4");
	snprintf(e->reason_place_change, sizeof(e->reason_place_change),
		 "CREQB");
	snprintf(e->home_post, sizeof(e->home_post), "CF10 1AA");
	snprintf(e->pl_post, sizeof(e->pl_post), "SA1");
	snprintf(e->urn, sizeof(e->urn), "W1234567");
	e = &r->episodes[1];
	snprintf(e->rec, sizeof(e->rec), "X1");
	e = &r->episodes[2];
	snprintf(e->ls, sizeof(e->ls), "V2");
	snprintf(e->cin, sizeof(e->cin), "N4");
	snprintf(e->rec, sizeof(e->rec), "E13");
	snprintf(e->urn, sizeof(e->urn), "W7654321");
	e = &r->episodes[4];
	snprintf(e->ls, sizeof(e->ls), "E1");

	add_m(r, "C001", "12/05/2005", "M", "20/03/2019", "");
	add_m(r, "C001", "12/05/2005", "M", "01/09/2018", "02/09/2018");
	add_m(r, "C001", "12/05/2005", "A", "10/09/2018", "10/09/2018");
	add_m(r, "C002", "03/02/2003", "M", "05/05/2018", "07/05/2018");

	add_o(r, "C004", "21/07/2002");
	add_o(r, "C001", "12/05/2005");
	o = &r->oc2[0];
	o->sdq_score = 19;
	o->convicted = 1;
	o->health_check = 1;
	o->immunisations = 0;
	o->teeth_check = 0;
	o->health_assessment = 1;
	o->substance_misuse = 1;
	o->intervention_received = 1;
	o->intervention_offered = 1;
	o = &r->oc2[1];
	o->sdq_score = -1;
	snprintf(o->sdq_reason, sizeof(o->sdq_reason), "SDQ2");
	o->teeth_check = 1;
}

static void test_return_load_equal(void **state)
{
	struct store *s = fresh_store();
	struct s903_return r, back = S903_RETURN_INIT;
	struct err err = ERR_INIT;

	(void)state;
	rich_return(&r);
	replace_ok(s, &r);	/* sorts r */
	assert_int_equal(store_return_load(s, CARDIFF, 2019, &back, &err), 0);
	s903_sort(&back);
	assert_string_equal(back.la, CARDIFF);
	assert_int_equal(back.year, 2019);
	assert_int_equal(back.nheader, r.nheader);
	assert_int_equal(back.nepisodes, r.nepisodes);
	assert_int_equal(back.nmissing, r.nmissing);
	assert_int_equal(back.noc2, r.noc2);
	for (size_t i = 0; i < r.nheader; i++) {
		const struct s903_header *a = &r.header[i];
		const struct s903_header *b = &back.header[i];

		assert_string_equal(b->child, a->child);
		assert_string_equal(b->sex, a->sex);
		assert_int_equal(b->dob, a->dob);
		assert_string_equal(b->ethnic, a->ethnic);
		assert_string_equal(b->upn, a->upn);
		assert_int_equal(b->mother, a->mother);
		assert_int_equal(b->mc_dob, a->mc_dob);
	}
	for (size_t i = 0; i < r.nepisodes; i++) {
		const struct s903_episode *a = &r.episodes[i];
		const struct s903_episode *b = &back.episodes[i];

		assert_string_equal(b->child, a->child);
		assert_int_equal(b->decom, a->decom);
		assert_string_equal(b->rne, a->rne);
		assert_string_equal(b->ls, a->ls);
		assert_string_equal(b->cin, a->cin);
		assert_string_equal(b->place, a->place);
		assert_string_equal(b->place_provider, a->place_provider);
		assert_int_equal(b->dec, a->dec);
		assert_string_equal(b->rec, a->rec);
		assert_string_equal(b->reason_place_change,
				    a->reason_place_change);
		assert_string_equal(b->home_post, a->home_post);
		assert_string_equal(b->pl_post, a->pl_post);
		assert_string_equal(b->urn, a->urn);
	}
	for (size_t i = 0; i < r.nmissing; i++) {
		const struct s903_missing *a = &r.missing[i];
		const struct s903_missing *b = &back.missing[i];

		assert_string_equal(b->child, a->child);
		assert_int_equal(b->dob, a->dob);
		assert_string_equal(b->missing, a->missing);
		assert_int_equal(b->mis_start, a->mis_start);
		assert_int_equal(b->mis_end, a->mis_end);
	}
	for (size_t i = 0; i < r.noc2; i++) {
		const struct s903_oc2 *a = &r.oc2[i], *b = &back.oc2[i];

		assert_string_equal(b->child, a->child);
		assert_int_equal(b->dob, a->dob);
		assert_int_equal(b->sdq_score, a->sdq_score);
		assert_string_equal(b->sdq_reason, a->sdq_reason);
		assert_int_equal(b->convicted, a->convicted);
		assert_int_equal(b->health_check, a->health_check);
		assert_int_equal(b->immunisations, a->immunisations);
		assert_int_equal(b->teeth_check, a->teeth_check);
		assert_int_equal(b->health_assessment, a->health_assessment);
		assert_int_equal(b->substance_misuse, a->substance_misuse);
		assert_int_equal(b->intervention_received,
				 a->intervention_received);
		assert_int_equal(b->intervention_offered,
				 a->intervention_offered);
	}
	/* spot checks against the literal values */
	assert_string_equal(back.header[0].child, "C001");
	assert_int_equal(back.header[2].mc_dob, D("01/02/2019"));
	assert_int_equal(back.episodes[0].decom, D("01/06/2017"));
	assert_int_equal(back.episodes[1].dec, DATE_NONE);
	assert_string_equal(back.episodes[1].urn, "W1234567");
	assert_int_equal(back.missing[2].mis_end, DATE_NONE);
	assert_int_equal(back.oc2[0].sdq_score, -1);
	assert_int_equal(back.oc2[0].convicted, -1);
	s903_return_release(&r);
	s903_return_release(&back);

	assert_int_equal(store_return_load(s, CARDIFF, 2018, &back, &err),
			 ERR_NOT_FOUND);
	assert_int_equal(back.nheader, 0);
	s903_return_release(&back);
	store_close(s);
}

/* ---- homes ------------------------------------------------------------- */

static void make_home(struct home *h, const char *urn, const char *la,
		      enum provider_type pt, int places, const char *closed)
{
	memset(h, 0, sizeof(*h));
	snprintf(h->urn, sizeof(h->urn), "%s", urn);
	snprintf(h->name, sizeof(h->name), "Home %s", urn);
	snprintf(h->provider, sizeof(h->provider), "Provider %d", (int)pt);
	h->provider_type = pt;
	snprintf(h->la, sizeof(h->la), "%s", la);
	snprintf(h->postcode, sizeof(h->postcode), "CF10 1AA");
	h->places = places;
	h->age_min = 8;
	h->age_max = 17;
	h->sex_admitted = ADMITS_MIXED;
	h->registered = D("01/04/2015");
	h->closed = D(closed);
}

struct homes {
	size_t n;
	struct home v[8];
};

static int collect_home(const struct home *h, void *ctx)
{
	struct homes *hs = ctx;

	if (hs->n < ARRAY_SIZE(hs->v))
		hs->v[hs->n] = *h;
	hs->n++;
	return 0;
}

static void list_homes(struct store *s, struct homes *hs)
{
	struct err err = ERR_INIT;

	memset(hs, 0, sizeof(*hs));
	assert_int_equal(store_homes_each(s, collect_home, hs, &err), 0);
}

static void test_home_upsert(void **state)
{
	struct store *s = fresh_store();
	struct err err = ERR_INIT;
	struct home h;
	struct homes hs;

	(void)state;
	make_home(&h, "W100", CARDIFF, PROVIDER_PRIVATE, 4, "");
	assert_int_equal(store_home_put(s, &h, &err), 0);
	list_homes(s, &hs);
	assert_int_equal(hs.n, 1);
	assert_string_equal(hs.v[0].urn, "W100");
	assert_string_equal(hs.v[0].name, "Home W100");
	assert_string_equal(hs.v[0].provider, "Provider 1");
	assert_int_equal(hs.v[0].provider_type, PROVIDER_PRIVATE);
	assert_string_equal(hs.v[0].la, CARDIFF);
	assert_string_equal(hs.v[0].postcode, "CF10 1AA");
	assert_int_equal(hs.v[0].places, 4);
	assert_int_equal(hs.v[0].age_min, 8);
	assert_int_equal(hs.v[0].age_max, 17);
	assert_int_equal(hs.v[0].sex_admitted, ADMITS_MIXED);
	assert_int_equal(hs.v[0].registered, D("01/04/2015"));
	assert_int_equal(hs.v[0].closed, DATE_NONE);

	/* the same URN again updates it */
	make_home(&h, "W100", SWANSEA, PROVIDER_VOLUNTARY, 6, "30/06/2020");
	snprintf(h.name, sizeof(h.name), "Renamed");
	h.sex_admitted = ADMITS_FEMALE;
	h.age_min = 11;
	assert_int_equal(store_home_put(s, &h, &err), 0);
	list_homes(s, &hs);
	assert_int_equal(hs.n, 1);
	assert_string_equal(hs.v[0].name, "Renamed");
	assert_string_equal(hs.v[0].provider, "Provider 2");
	assert_int_equal(hs.v[0].provider_type, PROVIDER_VOLUNTARY);
	assert_string_equal(hs.v[0].la, SWANSEA);
	assert_int_equal(hs.v[0].places, 6);
	assert_int_equal(hs.v[0].age_min, 11);
	assert_int_equal(hs.v[0].sex_admitted, ADMITS_FEMALE);
	assert_int_equal(hs.v[0].closed, D("30/06/2020"));

	/* another URN is another home; URN order */
	make_home(&h, "A200", CARDIFF, PROVIDER_LA, 2, "");
	assert_int_equal(store_home_put(s, &h, &err), 0);
	list_homes(s, &hs);
	assert_int_equal(hs.n, 2);
	assert_string_equal(hs.v[0].urn, "A200");
	assert_string_equal(hs.v[1].urn, "W100");
	store_close(s);
}

static void test_home_refused(void **state)
{
	struct store *s = fresh_store();
	struct err err = ERR_INIT;
	struct home h;
	struct homes hs;
	int rc;

	(void)state;
	make_home(&h, "W300", "W06000099", PROVIDER_PRIVATE, 4, "");
	rc = store_home_put(s, &h, &err);
	assert_true(rc == ERR_CONSTRAINT || rc == ERR_NOT_FOUND ||
		    rc == ERR_INVALID);
	assert_int_equal(err.code, rc);
	list_homes(s, &hs);
	assert_int_equal(hs.n, 0);

	err_clear(&err);
	make_home(&h, "", CARDIFF, PROVIDER_PRIVATE, 4, "");
	assert_int_equal(store_home_put(s, &h, &err), ERR_INVALID);
	/* closed before registered breaks a CHECK */
	err_clear(&err);
	make_home(&h, "W301", CARDIFF, PROVIDER_PRIVATE, 4, "01/01/2014");
	assert_int_equal(store_home_put(s, &h, &err), ERR_CONSTRAINT);
	list_homes(s, &hs);
	assert_int_equal(hs.n, 0);
	store_close(s);
}

/* ---- stats ------------------------------------------------------------- */

static void test_stats(void **state)
{
	struct store *s = fresh_store();
	struct err err = ERR_INIT;
	struct store_stats st;
	struct s903_return r;
	struct home h;

	(void)state;
	put_la(s, "E07000008", "Cambridge", "", "E92000001", true, false);

	/*
	 * Cardiff 2019: at 31 March are C1 (open), C4 (second episode open)
	 * and C5 (DEC after 31 March); not C2 (DEC on 31 March) or C3.
	 */
	return_init(&r, CARDIFF, 2019);
	add_h(&r, "C1", "01/01/2010");
	add_h(&r, "C2", "01/01/2010");
	add_h(&r, "C3", "01/01/2010");
	add_h(&r, "C4", "01/01/2010");
	add_h(&r, "C5", "01/01/2010");
	add_e(&r, "C1", "01/05/2018", "S", "");
	add_e(&r, "C2", "01/05/2018", "S", "31/03/2019");
	add_e(&r, "C3", "01/05/2018", "S", "20/12/2018");
	add_e(&r, "C4", "01/05/2018", "S", "01/06/2018");
	add_e(&r, "C4", "01/06/2018", "P", "");
	add_e(&r, "C5", "01/05/2018", "S", "01/04/2019");
	add_m(&r, "C1", "01/01/2010", "M", "01/10/2018", "05/10/2018");
	add_m(&r, "C1", "01/01/2010", "A", "01/11/2018", "02/11/2018");
	add_m(&r, "C2", "01/01/2010", "M", "01/10/2018", "");
	add_o(&r, "C3", "01/01/2010");
	replace_ok(s, &r);
	s903_return_release(&r);
	return_init(&r, SWANSEA, 2019);
	add_h(&r, "D1", "01/01/2010");
	add_e(&r, "D1", "01/05/2018", "S", "");
	replace_ok(s, &r);
	s903_return_release(&r);
	return_init(&r, CARDIFF, 2018);
	add_h(&r, "C1", "01/01/2010");
	add_e(&r, "C1", "01/05/2017", "S", "31/03/2018");
	add_e(&r, "C1", "31/03/2018", "P", "");
	replace_ok(s, &r);
	s903_return_release(&r);

	make_home(&h, "H1", CARDIFF, PROVIDER_LA, 5, "");
	assert_int_equal(store_home_put(s, &h, &err), 0);
	make_home(&h, "H2", CARDIFF, PROVIDER_PRIVATE, 3, "01/01/2020");
	assert_int_equal(store_home_put(s, &h, &err), 0);
	make_home(&h, "H3", SWANSEA, PROVIDER_PRIVATE, 4, "");
	assert_int_equal(store_home_put(s, &h, &err), 0);
	make_home(&h, "H4", SWANSEA, PROVIDER_VOLUNTARY, 2, "");
	assert_int_equal(store_home_put(s, &h, &err), 0);

	assert_int_equal(store_stats(s, &st, &err), 0);
	assert_int_equal(st.councils, 2);
	assert_int_equal(st.postcodes, 0);
	assert_int_equal(st.outcodes, 0);
	assert_int_equal(st.homes, 4);
	assert_int_equal(st.homes_open, 3);
	assert_int_equal(st.places_open, 11);
	assert_int_equal(st.homes_by_type[PROVIDER_LA], 1);
	assert_int_equal(st.places_by_type[PROVIDER_LA], 5);
	assert_int_equal(st.homes_by_type[PROVIDER_PRIVATE], 1);
	assert_int_equal(st.places_by_type[PROVIDER_PRIVATE], 4);
	assert_int_equal(st.homes_by_type[PROVIDER_VOLUNTARY], 1);
	assert_int_equal(st.places_by_type[PROVIDER_VOLUNTARY], 2);

	assert_int_equal(st.nyears, 2);
	assert_int_equal(st.years[0].year, 2018);
	assert_int_equal(st.years[0].returns, 1);
	assert_int_equal(st.years[0].children, 1);
	assert_int_equal(st.years[0].children_31mar, 1);
	assert_int_equal(st.years[0].episodes, 2);
	assert_int_equal(st.years[0].missing, 0);
	assert_int_equal(st.years[0].oc2, 0);
	assert_int_equal(st.years[1].year, 2019);
	assert_int_equal(st.years[1].returns, 2);
	assert_int_equal(st.years[1].children, 6);
	/* C1, C4, C5 and D1 */
	assert_int_equal(st.years[1].children_31mar, 4);
	assert_int_equal(st.years[1].episodes, 7);
	assert_int_equal(st.years[1].missing, 2);
	assert_int_equal(st.years[1].away, 1);
	assert_int_equal(st.years[1].oc2, 1);
	store_close(s);
}

int main(void)
{
	const struct CMUnitTest store_tests[] = {
		cmocka_unit_test(test_open_memory_migrates),
		cmocka_unit_test(test_open_bad_location),
		cmocka_unit_test(test_location_shown),
		cmocka_unit_test(test_reopen_file_store),
		cmocka_unit_test(test_newer_schema_refused),
		cmocka_unit_test(test_transaction_inner_rollback),
		cmocka_unit_test(test_transaction_outer_rollback),
		cmocka_unit_test(test_transaction_replace_inside),
		cmocka_unit_test(test_la_put_get),
		cmocka_unit_test(test_la_put_updates),
		cmocka_unit_test(test_geo_loaded),
		cmocka_unit_test(test_councils_of_wales),
		cmocka_unit_test(test_english_tiers),
		cmocka_unit_test(test_postcode_locate),
		cmocka_unit_test(test_distance),
		cmocka_unit_test(test_postcodes_in_la),
		cmocka_unit_test(test_geo_stats),
		cmocka_unit_test(test_schema_accepts_every_code),
		cmocka_unit_test(test_schema_refuses_bogus_codes),
		cmocka_unit_test(test_schema_flags_and_ranges),
		cmocka_unit_test(test_replace_bad_dates_refused),
		cmocka_unit_test(test_replace_twice),
		cmocka_unit_test(test_replace_removes_orphans),
		cmocka_unit_test(test_return_load_equal),
		cmocka_unit_test(test_home_upsert),
		cmocka_unit_test(test_home_refused),
		cmocka_unit_test(test_stats),
	};

	return cmocka_run_group_tests(store_tests, unit_geo_store_setup,
				      unit_store_teardown);
}
