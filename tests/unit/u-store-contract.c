/*
 * u-store-contract.c: what every SQL driver under the store must do
 * (src/store/sql.h; issue 11), the same tests run against each: SQLite
 * in a temporary file, and PostgreSQL when the environment names one in
 * CARTREF_PG_URL (tests/run.sh starts a throwaway cluster with
 * scripts/pg-test).  Without it the PostgreSQL tests are skipped, never
 * passed.
 *
 * The tests use temporary tables of their own, made with each driver's
 * DDL (the one thing written twice), and a few of the store's tables
 * (meta, provider, aud.audit) with names unique to the run, since a
 * PostgreSQL database outlives it.
 */
#include "unit.h"
#include <inttypes.h>
#include <time.h>
#include <unistd.h>
#include "store/sql.h"

/* the schema version both drivers' migrations reach */
#define LATEST SQL_SCHEMA_LATEST

struct backend {
	const char *name;
	char location[4096];
	struct sql *db;
	char tag[64];		/* unique to this run */
};

static struct backend lite = { .name = "sqlite" };
static struct backend pg = { .name = "postgresql" };
static char tmpdir[256];

/* ---- helpers ------------------------------------------------------------- */

static struct sql *db_of(void **state)
{
	struct backend *b = *state;

	if (!b->db)
		skip();		/* no PostgreSQL here (CARTREF_PG_URL) */
	return b->db;
}

static bool is_pg(struct sql *db)
{
	return !strcmp(sql_driver(db)->name, "postgresql");
}

static void exec_ok(struct sql *db, const char *sql)
{
	struct err err = ERR_INIT;

	if (sql_exec(db, sql, &err))
		fail_msg("%s: %s", sql, err_text(&err));
}

static struct sql_stmt *prep(struct sql *db, const char *sql)
{
	struct err err = ERR_INIT;
	struct sql_stmt *st = sql_prepare(db, sql, &err);

	if (!st)
		fail_msg("prepare %s: %s", sql, err_text(&err));
	return st;
}

/* One integer from sql with up to one text parameter. */
static int64_t scalar(struct sql *db, const char *sql, const char *arg)
{
	struct sql_stmt *st = prep(db, sql);
	int64_t v;

	if (arg)
		sql_bind_text(st, 1, arg);
	assert_int_equal(sql_step(st), SQL_ROW);
	v = sql_col_int(st, 0);
	sql_finalize(db, st);
	return v;
}

/* Run sql binding ints a, b; the ERR_* code through sql_fail(). */
static int run2(struct sql *db, const char *sql, int64_t a, int64_t b)
{
	struct err err = ERR_INIT;
	struct sql_stmt *st = sql_prepare(db, sql, &err);
	int rc;

	if (!st)
		return err.code;
	sql_bind_int(st, 1, a);
	sql_bind_int(st, 2, b);
	rc = sql_step_done(db, st, &err, "contract");
	sql_finalize(db, st);
	return rc;
}

static int64_t count_ct(struct sql *db)
{
	return scalar(db, "SELECT count(*) FROM ct", NULL);
}

/* ---- setup --------------------------------------------------------------- */

static const char lite_tables[] =
	"CREATE TEMP TABLE ct (id INTEGER PRIMARY KEY, i INTEGER,"
	" c INTEGER CHECK (c >= 0), t TEXT, b BLOB);"
	"CREATE TEMP TABLE cf (id INTEGER PRIMARY KEY,"
	" ct_id INTEGER NOT NULL REFERENCES ct(id));";
static const char pg_tables[] =
	"CREATE TEMP TABLE ct (id BIGINT PRIMARY KEY, i BIGINT,"
	" c BIGINT CHECK (c >= 0), t TEXT, b BYTEA);"
	"CREATE TEMP TABLE cf (id BIGINT PRIMARY KEY,"
	" ct_id BIGINT NOT NULL REFERENCES ct(id));";

static int open_backend(struct backend *b)
{
	struct err err = ERR_INIT;

	if (sql_open(&b->db, b->location, &err)) {
		fprintf(stderr, "%s: %s\n", b->name, err_text(&err));
		return -1;
	}
	if (sql_exec(b->db, is_pg(b->db) ? pg_tables : lite_tables, &err)) {
		fprintf(stderr, "%s: %s\n", b->name, err_text(&err));
		return -1;
	}
	snprintf(b->tag, sizeof(b->tag), "contract-%ld-%ld", (long)getpid(),
		 (long)time(NULL));
	return 0;
}

static int lite_setup(void **state)
{
	const char *t = getenv("TMPDIR");

	snprintf(tmpdir, sizeof(tmpdir), "%s/cartref-contract.XXXXXX",
		 t && *t ? t : "/tmp");
	if (!mkdtemp(tmpdir))
		return -1;
	snprintf(lite.location, sizeof(lite.location), "%s/store.db", tmpdir);
	*state = &lite;
	return open_backend(&lite);
}

static int pg_setup(void **state)
{
	const char *url = getenv("CARTREF_PG_URL");

	*state = &pg;
	if (!url || !*url)
		return 0;	/* every test skips */
#ifndef CARTREF_PG
	fprintf(stderr, "CARTREF_PG_URL is set, but this cartref was built "
		"without PostgreSQL (libpq-dev)\n");
	return -1;
#endif
	snprintf(pg.location, sizeof(pg.location), "%s", url);
	return open_backend(&pg);
}

static int teardown(void **state)
{
	struct backend *b = *state;

	sql_close(b->db);
	b->db = NULL;
	if (b == &lite && tmpdir[0])
		unit_rm_tree(tmpdir);
	return 0;
}

/* ---- tests --------------------------------------------------------------- */

/* Opening again migrates nothing and finds the latest version. */
static void test_open_twice(void **state)
{
	struct backend *b = *state;
	struct sql *db = db_of(state), *again = NULL;
	struct err err = ERR_INIT;
	int version = -1;

	assert_int_equal(sql_driver(db)->schema_version(db, &version, &err),
			 0);
	assert_int_equal(version, LATEST);
	if (sql_open(&again, b->location, &err))
		fail_msg("second open: %s", err_text(&err));
	assert_int_equal(sql_driver(again)->migrate(again, &err), 0);
	version = -1;
	assert_int_equal(sql_driver(again)->schema_version(again, &version,
							   &err), 0);
	assert_int_equal(version, LATEST);
	/* the store's tables are there, seeded once */
	assert_int_equal(scalar(again, "SELECT count(*) FROM org"
				" WHERE kind = 'police'", NULL), 4);
	assert_int_equal(scalar(again, "SELECT count(*) FROM data_generation",
				NULL), 1);
	sql_close(again);
}

/* Values come back as they went in: NULL, the int64 limits, UTF-8 text,
 * "" (not NULL) and a blob holding zero bytes. */
static void test_columns(void **state)
{
	static const unsigned char blob[] = { 0, 1, 0, 0xff, '\\', 'x', 0 };
	static const char welsh[] = "Caerdydd \xe2\x80\x94 \xc5\xb5 \xc5\xb7 "
				    "\xf0\x9f\x8f\xb4";
	struct sql *db = db_of(state);
	struct sql_stmt *st;
	const void *p;
	size_t n;

	exec_ok(db, "DELETE FROM cf; DELETE FROM ct");
	st = prep(db, "INSERT INTO ct (id, i, t, b) VALUES (?1, ?2, ?3, ?4)");
	sql_bind_int(st, 1, 1);
	sql_bind_int(st, 2, INT64_MIN);
	sql_bind_text(st, 3, welsh);
	sql_bind_blob(st, 4, blob, sizeof(blob));
	assert_int_equal(sql_step(st), SQL_DONE);
	sql_reset(st);
	sql_bind_int(st, 1, 2);
	sql_bind_int(st, 2, INT64_MAX);
	sql_bind_text(st, 3, "");
	sql_bind_blob(st, 4, "", 0);
	assert_int_equal(sql_step(st), SQL_DONE);
	sql_reset(st);
	sql_bind_int(st, 1, 3);	/* 2..4 unbound: NULL */
	assert_int_equal(sql_step(st), SQL_DONE);
	sql_finalize(db, st);

	st = prep(db, "SELECT id, i, t, b FROM ct ORDER BY id");
	assert_int_equal(sql_step(st), SQL_ROW);
	assert_int_equal(sql_col_int(st, 0), 1);
	assert_true(sql_col_int(st, 1) == INT64_MIN);
	assert_string_equal(sql_col_str(st, 2), welsh);
	p = sql_col_blob(st, 3, &n);
	assert_int_equal(n, sizeof(blob));
	assert_memory_equal(p, blob, sizeof(blob));
	assert_int_equal(sql_step(st), SQL_ROW);
	assert_true(sql_col_int(st, 1) == INT64_MAX);
	assert_false(sql_col_null(st, 2));
	assert_string_equal(sql_col_str(st, 2), "");
	assert_false(sql_col_null(st, 3));
	sql_col_blob(st, 3, &n);
	assert_int_equal(n, 0);
	assert_int_equal(sql_step(st), SQL_ROW);
	assert_true(sql_col_null(st, 1));
	assert_true(sql_col_null(st, 2));
	assert_null(sql_col_str(st, 2));
	assert_true(sql_col_null(st, 3));
	assert_int_equal(sql_col_int(st, 1), 0);
	assert_int_equal(sql_step(st), SQL_DONE);
	sql_finalize(db, st);

	/* a comparison reads as 1 or 0, as SQLite's integers */
	st = prep(db, "SELECT i > 0, i < 0, t = '' FROM ct WHERE id = 2");
	assert_int_equal(sql_step(st), SQL_ROW);
	assert_int_equal(sql_col_int(st, 0), 1);
	assert_int_equal(sql_col_int(st, 1), 0);
	assert_string_equal(sql_col_str(st, 2), "1");
	sql_finalize(db, st);

	/* the store's conventions over the primitives (sql.c) */
	st = prep(db, "SELECT ?1, ?2, ?3");
	sql_bind_opt_text(st, 1, "");
	sql_bind_date(st, 2, unit_date("31/03/2025"));
	sql_bind_opt_int(st, 3, -1);
	assert_int_equal(sql_step(st), SQL_ROW);
	assert_true(sql_col_null(st, 0));
	assert_int_equal(sql_col_date(st, 1), unit_date("31/03/2025"));
	assert_int_equal(sql_col_opt_int(st, 2), -1);
	sql_finalize(db, st);
}

/* ?N and :name used twice are one parameter; param_index() finds names. */
static void test_params(void **state)
{
	struct sql *db = db_of(state);
	struct sql_stmt *st;

	exec_ok(db, "DELETE FROM cf; DELETE FROM ct;"
		" INSERT INTO ct (id, i, t) VALUES (1, 10, 'a'), (2, 20, 'b'),"
		" (3, 30, 'it''s ?1 :no')");

	st = prep(db, "SELECT count(*) FROM ct WHERE i >= ?1 AND id <= ?2"
		  " AND i <= ?1 + 10");
	sql_bind_int(st, 1, 20);
	sql_bind_int(st, 2, 3);
	assert_int_equal(sql_step(st), SQL_ROW);
	assert_int_equal(sql_col_int(st, 0), 2);
	sql_finalize(db, st);

	/* marks inside literals, quoted names and comments are not
	 * parameters */
	st = prep(db, "SELECT t, \"i\" -- ?9 :nope\n"
		  " FROM ct /* :nope ?8 */ WHERE t = 'it''s ?1 :no'"
		  " AND i = :x AND id = :y AND i - :x = 0");
	assert_int_equal(sql_param(st, ":x"), 1);
	assert_int_equal(sql_param(st, ":y"), 2);
	assert_int_equal(sql_param(st, ":nope"), 0);
	assert_int_equal(sql_param(st, ":no"), 0);
	sql_bind_int(st, sql_param(st, ":x"), 30);
	sql_bind_int(st, sql_param(st, ":y"), 3);
	assert_int_equal(sql_step(st), SQL_ROW);
	assert_string_equal(sql_col_str(st, 0), "it's ?1 :no");
	assert_int_equal(sql_col_int(st, 1), 30);
	assert_int_equal(sql_step(st), SQL_DONE);
	sql_finalize(db, st);

	/* a parameter only ever compared with NULL (the store's optional
	 * filters) */
	st = prep(db, "SELECT count(*) FROM ct WHERE (:f IS NULL OR t = :f)"
		  " AND (:flag IS NOT NULL OR id > 0)");
	assert_int_equal(sql_step(st), SQL_ROW);
	assert_int_equal(sql_col_int(st, 0), 3);
	sql_reset(st);
	sql_bind_text(st, sql_param(st, ":f"), "b");
	sql_bind_int(st, sql_param(st, ":flag"), 1);
	assert_int_equal(sql_step(st), SQL_ROW);
	assert_int_equal(sql_col_int(st, 0), 1);
	sql_finalize(db, st);
}

/* sql_cached(): one statement per text, handed back reset and unbound. */
static void test_cached(void **state)
{
	static const char sql[] = "SELECT count(*), ?1 IS NULL FROM ct"
				  " WHERE id = ?1";
	struct sql *db = db_of(state);
	struct err err = ERR_INIT;
	struct sql_stmt *st, *again;

	exec_ok(db, "DELETE FROM cf; DELETE FROM ct;"
		" INSERT INTO ct (id, i) VALUES (1, 1), (2, 2)");
	st = sql_cached(db, sql, &err);
	assert_non_null(st);
	sql_bind_int(st, 1, 2);
	assert_int_equal(sql_step(st), SQL_ROW);
	assert_int_equal(sql_col_int(st, 0), 1);
	assert_int_equal(sql_col_int(st, 1), 0);
	assert_int_equal(sql_step(st), SQL_DONE);
	again = sql_cached(db, sql, &err);
	assert_ptr_equal(again, st);
	/* unbound again: ?1 is NULL */
	assert_int_equal(sql_step(again), SQL_ROW);
	assert_int_equal(sql_col_int(again, 0), 0);
	assert_int_equal(sql_col_int(again, 1), 1);
	sql_reset(again);
}

/* Errors map to ERR_* the same way on every driver (sql_fail()). */
static void test_errors(void **state)
{
	struct sql *db = db_of(state);
	struct err err = ERR_INIT;

	exec_ok(db, "DELETE FROM cf; DELETE FROM ct;"
		" INSERT INTO ct (id, c) VALUES (1, 1)");
	assert_int_equal(run2(db, "INSERT INTO ct (id, c) VALUES (?1, ?2)",
			      1, 5), ERR_EXISTS);
	assert_int_equal(run2(db, "INSERT INTO ct (id, c) VALUES (?1, ?2)",
			      2, -5), ERR_CONSTRAINT);
	assert_int_equal(run2(db, "INSERT INTO cf (id, ct_id) VALUES (?1, ?2)",
			      1, 99), ERR_CONSTRAINT);
	assert_int_equal(run2(db, "INSERT INTO cf (id, ct_id) VALUES (?1, NULL)"
			      " -- ?2", 1, 0), ERR_CONSTRAINT);
	assert_int_equal(run2(db, "INSERT INTO cf (id, ct_id) VALUES (?1, ?2)",
			      1, 1), 0);
	/* a store table's CHECK, and the class behind the code */
	assert_int_equal(run2(db, "INSERT INTO provider (name, type) VALUES"
			      " ('contract ' || ?1, 'nonsense') -- ?2", 1, 0),
			 ERR_CONSTRAINT);
	assert_int_equal(sql_error_class(db), SQL_E_CONSTRAINT);
	assert_int_equal(run2(db, "SELEC ?1, ?2", 1, 2), ERR_STORE);
	assert_int_equal(run2(db, "SELECT ?1, ?0", 1, 2), ERR_STORE);
	assert_null(sql_prepare(db, "SELECT * FROM no_such_table", &err));
	assert_int_equal(err.code, ERR_STORE);
	err_clear(&err);
	assert_int_equal(sql_exec(db, "SELECT 1; SELEC 2", &err), ERR_STORE);
	assert_true(strlen(err_text(&err)) > 0);
	assert_int_equal(count_ct(db), 1);	/* still usable */
}

/* Transactions nest: an inner rollback keeps the outer's work, an outer
 * rollback drops it all, and an error inside a nested one leaves the
 * outer usable once the inner is rolled back. */
static void test_nested(void **state)
{
	struct sql *db = db_of(state);
	struct err err = ERR_INIT;

	exec_ok(db, "DELETE FROM cf; DELETE FROM ct");
	assert_false(sql_in_transaction(db));
	assert_int_equal(sql_begin(db, &err), 0);
	assert_true(sql_in_transaction(db));
	assert_false(sql_nested(db));
	assert_int_equal(run2(db, "INSERT INTO ct (id, i) VALUES (?1, ?2)",
			      1, 1), 0);
	assert_int_equal(sql_begin(db, &err), 0);
	assert_true(sql_nested(db));
	assert_int_equal(run2(db, "INSERT INTO ct (id, i) VALUES (?1, ?2)",
			      2, 2), 0);
	assert_int_equal(count_ct(db), 2);
	sql_rollback(db);
	assert_true(sql_in_transaction(db));
	assert_int_equal(count_ct(db), 1);
	/* a failure in a nested transaction */
	assert_int_equal(sql_begin(db, &err), 0);
	assert_int_equal(run2(db, "INSERT INTO ct (id, i) VALUES (?1, ?2)",
			      1, 1), ERR_EXISTS);
	sql_rollback(db);
	assert_int_equal(run2(db, "INSERT INTO ct (id, i) VALUES (?1, ?2)",
			      3, 3), 0);
	/* an inner commit is the outer's to keep */
	assert_int_equal(sql_begin(db, &err), 0);
	assert_int_equal(run2(db, "INSERT INTO ct (id, i) VALUES (?1, ?2)",
			      4, 4), 0);
	assert_int_equal(sql_commit(db, &err), 0);
	assert_int_equal(sql_commit(db, &err), 0);
	assert_false(sql_in_transaction(db));
	assert_int_equal(count_ct(db), 3);

	assert_int_equal(sql_begin(db, &err), 0);
	assert_int_equal(run2(db, "INSERT INTO ct (id, i) VALUES (?1, ?2)",
			      5, 5), 0);
	assert_int_equal(sql_begin(db, &err), 0);
	assert_int_equal(run2(db, "INSERT INTO ct (id, i) VALUES (?1, ?2)",
			      6, 6), 0);
	sql_rollback(db);
	sql_rollback(db);
	assert_false(sql_in_transaction(db));
	assert_int_equal(count_ct(db), 3);
	assert_int_equal(sql_commit(db, &err), ERR_STORE);
}

/* changes(): rows of the last INSERT, UPDATE or DELETE only. */
static void test_changes(void **state)
{
	struct sql *db = db_of(state);

	exec_ok(db, "DELETE FROM cf; DELETE FROM ct;"
		" INSERT INTO ct (id, i) VALUES (1, 1), (2, 2), (3, 3)");
	assert_int_equal(sql_changes(db), 3);
	assert_int_equal(run2(db, "UPDATE ct SET t = 'x' WHERE id <= ?1"
			      " AND id >= ?2", 2, 1), 0);
	assert_int_equal(sql_changes(db), 2);
	assert_int_equal(count_ct(db), 3);	/* a SELECT counts nothing */
	assert_int_equal(sql_changes(db), 2);
	assert_int_equal(run2(db, "DELETE FROM ct WHERE id > ?1 AND id < ?2",
			      10, 20), 0);
	assert_int_equal(sql_changes(db), 0);
	assert_int_equal(run2(db, "DELETE FROM ct WHERE id >= ?1 AND ?2 = 0",
			      3, 0), 0);
	assert_int_equal(sql_changes(db), 1);
}

/* sql_exec() runs several statements; a failure stops it. */
static void test_exec_several(void **state)
{
	struct sql *db = db_of(state);
	struct err err = ERR_INIT;

	exec_ok(db, "DELETE FROM cf; DELETE FROM ct;"
		" INSERT INTO ct (id, i) VALUES (1, 1);"
		" INSERT INTO ct (id, i) VALUES (2, 2);\n"
		"-- a comment; and a statement\n"
		"UPDATE ct SET i = i + 10 WHERE id = 2;");
	assert_int_equal(count_ct(db), 2);
	assert_int_equal(scalar(db, "SELECT i FROM ct WHERE id = 2", NULL), 12);
	assert_int_equal(sql_exec(db, "INSERT INTO ct (id) VALUES (3);"
				  " INSERT INTO ct (id) VALUES (1);", &err),
			 ERR_EXISTS);
	assert_false(sql_in_transaction(db));
}

/* A bulk load (COPY where the driver has it) stores what the INSERT
 * would, and a broken constraint fails it with the same code. */
static void test_bulk(void **state)
{
	static const struct sql_bulk_spec spec =
		SQL_BULK("ct", "id, i, t", "?1, ?2, ?3", 3);
	static const char odd[] = "tab\there\nnew line\\ \\N \xc5\xb5";
	struct sql *db = db_of(state);
	struct err err = ERR_INIT;
	struct sql_bulk *b;
	struct sql_stmt *st;

	exec_ok(db, "DELETE FROM cf; DELETE FROM ct");
	assert_int_equal(sql_begin(db, &err), 0);
	b = sql_bulk_begin(db, &spec, &err);
	assert_non_null(b);
	for (int64_t id = 1; id <= 1000; id++) {
		sql_bulk_int(b, id);
		if (id == 1)
			sql_bulk_int(b, INT64_MIN);
		else
			sql_bulk_opt_int(b, id == 2 ? -1 : (int32_t)id);
		sql_bulk_text(b, id == 1 ? odd : id == 2 ? NULL :
				 id == 3 ? "" : "x");
		assert_int_equal(sql_bulk_row(b), 0);
	}
	assert_int_equal(sql_bulk_end(b, &err), 0);
	assert_int_equal(sql_commit(db, &err), 0);
	assert_int_equal(count_ct(db), 1000);
	st = prep(db, "SELECT i, t FROM ct WHERE id <= 3 ORDER BY id");
	assert_int_equal(sql_step(st), SQL_ROW);
	assert_true(sql_col_int(st, 0) == INT64_MIN);
	assert_string_equal(sql_col_str(st, 1), odd);
	assert_int_equal(sql_step(st), SQL_ROW);
	assert_true(sql_col_null(st, 0));
	assert_true(sql_col_null(st, 1));
	assert_int_equal(sql_step(st), SQL_ROW);
	assert_false(sql_col_null(st, 1));
	assert_string_equal(sql_col_str(st, 1), "");
	sql_finalize(db, st);

	/* a duplicate key among new rows: nothing of the load stays */
	assert_int_equal(sql_begin(db, &err), 0);
	b = sql_bulk_begin(db, &spec, &err);
	assert_non_null(b);
	for (int64_t id = 2000; id >= 999; id -= 1001) {
		sql_bulk_int(b, id);
		sql_bulk_null(b);
		sql_bulk_text(b, "dup");
		sql_bulk_row(b);
	}
	assert_int_equal(sql_bulk_end(b, &err), ERR_EXISTS);
	sql_rollback(db);
	assert_false(sql_in_transaction(db));
	assert_int_equal(count_ct(db), 1000);
	assert_int_equal(scalar(db, "SELECT count(*) FROM ct WHERE t = ?1",
				"dup"), 0);
}

/* INSERT ... RETURNING id gives the new row's id. */
static void test_returning(void **state)
{
	struct backend *b = *state;
	struct sql *db = db_of(state);
	struct err err = ERR_INIT;
	struct sql_stmt *st;
	char name[128];
	int64_t id1 = 0, id2 = 0;

	st = prep(db, "INSERT INTO provider (name, type) VALUES (?1, 'la')"
		  " RETURNING id");
	snprintf(name, sizeof(name), "%s one", b->tag);
	sql_bind_text(st, 1, name);
	assert_int_equal(sql_step_id(db, st, &id1, &err, "provider"), 0);
	snprintf(name, sizeof(name), "%s two", b->tag);
	sql_bind_text(st, 1, name);
	assert_int_equal(sql_step_id(db, st, &id2, &err, "provider"), 0);
	assert_true(id1 > 0);
	assert_true(id2 > id1);
	assert_int_equal(scalar(db, "SELECT id FROM provider WHERE name = ?1",
				name), id2);
	sql_finalize(db, st);
}

/* INSERT ... ON CONFLICT (key) DO UPDATE SET value = excluded.value */
static void test_upsert(void **state)
{
	static const char sql[] = "INSERT INTO meta (key, value) VALUES"
				  " (?1, ?2) ON CONFLICT (key) DO UPDATE SET"
				  " value = excluded.value";
	struct backend *b = *state;
	struct sql *db = db_of(state);
	struct err err = ERR_INIT;
	struct sql_stmt *st;

	for (int i = 0; i < 2; i++) {
		st = sql_cached(db, sql, &err);
		assert_non_null(st);
		sql_bind_text(st, 1, b->tag);
		sql_bind_text(st, 2, i ? "second" : "first");
		assert_int_equal(sql_step_done(db, st, &err, "meta"), 0);
		assert_int_equal(sql_changes(db), 1);
		sql_reset(st);
	}
	st = prep(db, "SELECT value FROM meta WHERE key = ?1");
	sql_bind_text(st, 1, b->tag);
	assert_int_equal(sql_step(st), SQL_ROW);
	assert_string_equal(sql_col_str(st, 0), "second");
	sql_finalize(db, st);
}

/* The audit trail takes rows that extend its chain and refuses any
 * other change, on every driver. */
static void test_audit_triggers(void **state)
{
	struct backend *b = *state;
	struct sql *db = db_of(state);
	struct err err = ERR_INIT;
	struct sql_stmt *st;
	char prev[65], hash[65], wrong[65];
	int64_t id;

	st = prep(db, "SELECT coalesce(max(id), 0) + 1, (SELECT hash FROM"
		  " aud.audit ORDER BY id DESC LIMIT 1) FROM aud.audit");
	assert_int_equal(sql_step(st), SQL_ROW);
	id = sql_col_int(st, 0);
	if (sql_col_null(st, 1))
		memset(prev, '0', 64);
	else
		sql_col_text(st, 1, prev, sizeof(prev));
	prev[64] = '\0';
	sql_finalize(db, st);
	/* this row's hash differs from the last row's; wrong from both */
	memset(hash, prev[0] == 'a' ? 'b' : 'a', 64);
	hash[64] = '\0';
	memset(wrong, 'c', 64);
	wrong[64] = '\0';

	static const char insert[] =
		"INSERT INTO aud.audit (id, at, actor, action, subject_kind,"
		" prev_hash, hash) VALUES (?1, '2026-01-01T00:00:00.000Z',"
		" ?2, 'contract', 'test', ?3, ?4)";
	/* out of order: refused */
	st = prep(db, insert);
	sql_bind_int(st, 1, id + 1);
	sql_bind_text(st, 2, b->tag);
	sql_bind_text(st, 3, prev);
	sql_bind_text(st, 4, hash);
	assert_int_equal(sql_step_done(db, st, &err, "audit"), ERR_CONSTRAINT);
	err_clear(&err);
	/* a wrong link: refused */
	sql_reset(st);
	sql_bind_int(st, 1, id);
	sql_bind_text(st, 2, b->tag);
	sql_bind_text(st, 3, wrong);
	sql_bind_text(st, 4, hash);
	assert_int_equal(sql_step_done(db, st, &err, "audit"), ERR_CONSTRAINT);
	err_clear(&err);
	/* the next link: taken */
	sql_reset(st);
	sql_bind_int(st, 1, id);
	sql_bind_text(st, 2, b->tag);
	sql_bind_text(st, 3, prev);
	sql_bind_text(st, 4, hash);
	assert_int_equal(sql_step_done(db, st, &err, "audit"), 0);
	sql_finalize(db, st);

	assert_int_equal(run2(db, "UPDATE aud.audit SET actor = 'x'"
			      " WHERE id = ?1 AND ?2 = 0", id, 0),
			 ERR_CONSTRAINT);
	assert_int_equal(run2(db, "DELETE FROM aud.audit WHERE id = ?1"
			      " AND ?2 = 0", id, 0), ERR_CONSTRAINT);
	assert_int_equal(scalar(db, "SELECT count(*) FROM aud.audit"
				" WHERE actor = ?1", b->tag), 1);
}

/*
 * A date column takes yyyy-mm-dd with a month 01-12 and a day 01-31, as
 * SQLite's CHECK (date(x) = x) does: its date() gives "2023-02-30" back
 * as it is, so the check takes it.  What date() cannot read at all it
 * makes NULL, and a CHECK that is NULL passes: SQLite's schema takes
 * "abcd-01-01" or "" (docs/store.md); PostgreSQL's refuses them (pg_only).
 */
static void test_iso_dates(void **state)
{
	static const struct {
		const char *day;
		bool ok, pg_only;
	} days[] = {
		{ "2024-02-29", true, false }, { "2000-02-29", true, false },
		{ "2024-12-31", true, false }, { "0000-01-01", true, false },
		{ "2023-02-29", true, false }, { "2024-04-31", true, false },
		{ "2024-01-01 ", false, false },
		{ "2024-01-01T00:00", false, false },
		{ "2024-02-32", false, true }, { "2024-13-01", false, true },
		{ "2024-00-10", false, true }, { "2024-01-00", false, true },
		{ "2024-1-01", false, true }, { "abcd-01-01", false, true },
		{ "", false, true },
	};
	struct sql *db = db_of(state);
	struct err err = ERR_INIT;
	int64_t la = 0, provider = 0;
	struct sql_stmt *st;

	/* all rolled back at the end */
	assert_int_equal(sql_begin(db, &err), 0);
	st = prep(db, "INSERT INTO la (code, name_en, country, is_lad,"
		  " is_council, council_code) VALUES ('X99999999', 'x',"
		  " 'W92000004', 1, 1, 'X99999999') RETURNING id");
	assert_int_equal(sql_step_id(db, st, &la, &err, "la"), 0);
	sql_finalize(db, st);
	st = prep(db, "INSERT INTO provider (name, type) VALUES"
		  " ('contract dates', 'la') RETURNING id");
	assert_int_equal(sql_step_id(db, st, &provider, &err, "provider"), 0);
	sql_finalize(db, st);
	for (size_t i = 0; i < ARRAY_SIZE(days); i++) {
		char urn[32];
		int rc;

		if (days[i].pg_only && !is_pg(db))
			continue;
		snprintf(urn, sizeof(urn), "XD%zu", i);
		/* a failed statement ends a PostgreSQL transaction: each
		 * in a nested one */
		assert_int_equal(sql_begin(db, &err), 0);
		st = prep(db, "INSERT INTO home (urn, name, provider_id, la_id,"
			  " postcode, places, age_min, age_max, sex_admitted,"
			  " registered) VALUES (?1, 'x', ?2, ?3, 'CF10 1AA',"
			  " 1, 0, 18, 'mixed', ?4)");
		sql_bind_text(st, 1, urn);
		sql_bind_int(st, 2, provider);
		sql_bind_int(st, 3, la);
		sql_bind_text(st, 4, days[i].day);
		rc = sql_step_done(db, st, &err, "home");
		sql_finalize(db, st);
		if (days[i].ok != !rc)
			fail_msg("%s: %s", days[i].day, rc ? err_text(&err) :
				 "taken");
		if (days[i].ok)
			assert_int_equal(sql_commit(db, &err), 0);
		else
			sql_rollback(db);
		err_clear(&err);
	}
	sql_rollback(db);
}

/* The driver sees a guard trigger added or disabled (audit verify). */
static void test_audit_protected(void **state)
{
	struct sql *db = db_of(state);
	struct err err = ERR_INIT;
	bool yes = false;

	if (!sql_driver(db)->audit_protected)
		skip();		/* not yet on this branch's SQLite driver */
	assert_int_equal(sql_driver(db)->audit_protected(db, &yes, &err), 0);
	assert_true(yes);
	if (is_pg(db)) {
		exec_ok(db, "ALTER TABLE aud.audit DISABLE TRIGGER"
			" audit_no_update");
		assert_int_equal(sql_driver(db)->audit_protected(db, &yes,
								 &err), 0);
		assert_false(yes);
		exec_ok(db, "ALTER TABLE aud.audit ENABLE TRIGGER"
			" audit_no_update");
		exec_ok(db, "CREATE TRIGGER audit_extra AFTER INSERT ON"
			" aud.audit FOR EACH ROW EXECUTE FUNCTION"
			" aud.audit_refuse()");
	} else {
		exec_ok(db, "CREATE TRIGGER aud.audit_extra AFTER INSERT ON"
			" audit BEGIN SELECT 1; END");
	}
	assert_int_equal(sql_driver(db)->audit_protected(db, &yes, &err), 0);
	assert_false(yes);
	exec_ok(db, is_pg(db) ? "DROP TRIGGER audit_extra ON aud.audit" :
				"DROP TRIGGER aud.audit_extra");
	assert_int_equal(sql_driver(db)->audit_protected(db, &yes, &err), 0);
	assert_true(yes);
}

/*
 * PostgreSQL: a connection the server drops is made again for the next
 * statement, cached statements with it; but a transaction that lost its
 * connection fails until it is rolled back, never commits half.  (The
 * temporary tables go with the connection: made again at the end.)
 */
static void test_reconnect(void **state)
{
	static const char count[] = "SELECT count(*) FROM meta WHERE key = ?1";
	static const char kill[] = "SELECT pg_terminate_backend(pg_backend_pid())";
	struct backend *b = *state;
	struct sql *db = db_of(state);
	struct err err = ERR_INIT;
	struct sql_stmt *st;
	char key[96];

	snprintf(key, sizeof(key), "%s reconnect", b->tag);
	st = sql_cached(db, count, &err);
	sql_bind_text(st, 1, key);
	assert_int_equal(sql_step(st), SQL_ROW);
	sql_reset(st);

	assert_int_equal(sql_exec(db, kill, &err), ERR_STORE);
	assert_int_equal(sql_error_class(db), SQL_E_IO);
	err_clear(&err);
	st = sql_cached(db, count, &err);
	sql_bind_text(st, 1, key);
	assert_int_equal(sql_step(st), SQL_ROW);	/* a new connection */
	assert_int_equal(sql_col_int(st, 0), 0);
	sql_reset(st);

	/* lost inside a transaction: nothing commits */
	assert_int_equal(sql_begin(db, &err), 0);
	st = prep(db, "INSERT INTO meta (key, value) VALUES (?1, 'x')");
	sql_bind_text(st, 1, key);
	assert_int_equal(sql_step(st), SQL_DONE);
	sql_finalize(db, st);
	assert_int_equal(sql_begin(db, &err), 0);
	assert_int_equal(sql_exec(db, kill, &err), ERR_STORE);
	err_clear(&err);
	assert_true(sql_in_transaction(db));
	assert_null(sql_prepare(db, "SELECT 1", &err));
	err_clear(&err);
	assert_int_equal(sql_commit(db, &err), ERR_STORE);	/* inner */
	err_clear(&err);
	sql_rollback(db);
	assert_int_equal(sql_commit(db, &err), ERR_STORE);	/* outer */
	err_clear(&err);
	sql_rollback(db);
	assert_false(sql_in_transaction(db));
	assert_int_equal(scalar(db, count, key), 0);
	exec_ok(db, pg_tables);
}

#define CONTRACT(f) cmocka_unit_test(f)
static const struct CMUnitTest contract[] = {
	CONTRACT(test_open_twice),
	CONTRACT(test_columns),
	CONTRACT(test_params),
	CONTRACT(test_cached),
	CONTRACT(test_errors),
	CONTRACT(test_nested),
	CONTRACT(test_changes),
	CONTRACT(test_exec_several),
	CONTRACT(test_bulk),
	CONTRACT(test_returning),
	CONTRACT(test_upsert),
	CONTRACT(test_audit_triggers),
	CONTRACT(test_iso_dates),
	CONTRACT(test_audit_protected),
};

/* What only a driver with a server can do. */
static const struct CMUnitTest server_only[] = {
	cmocka_unit_test(test_reconnect),
};

int main(void)
{
	int rc = cmocka_run_group_tests_name("sqlite", contract, lite_setup,
					     teardown);

	rc |= cmocka_run_group_tests_name("postgresql", contract, pg_setup,
					  teardown);
	return rc | cmocka_run_group_tests_name("postgresql server",
						server_only, pg_setup,
						teardown);
}
