/*
 * sql.c: connections over a driver (sql.h): the one statement cache, the
 * one error mapping, nested transactions, the store's bind and column
 * conventions and the failure-drill hooks, the same for every driver.
 */
#include "base/compat.h"
#include "base/parse.h"
#include "base/buf.h"
#include "base/xalloc.h"
#include <inttypes.h>
#include <signal.h>
#include <stdatomic.h>
#include "store/sql.h"
#include "store/store.h"

/* Statements of one connection (sql_cached()), at most. */
#define SQL_CACHE_MAX 384

struct sql {
	const struct sql_driver *drv;
	struct sql_conn *conn;
	char *location;
	int depth;		/* transaction nesting */
	bool pending_done;	/* sql_first_pending() asked */
	/* sql_cached(): by the address of their constant SQL text */
	const char *cache_sql[SQL_CACHE_MAX];
	struct sql_stmt *cache_st[SQL_CACHE_MAX];
	size_t ncache;
};

static const struct sql_driver *const drivers[] = {
#ifdef CARTREF_PG
	&sql_pg_driver,
#endif
	&sql_sqlite_driver,
};

/*
 * Test hooks (issue 10; docs/security.md, "failure drills"): with
 * CARTREF_FAIL_AT=N in the environment the Nth statement this process
 * runs through the store fails, once, as a disk that fails would make it
 * (SQLite's I/O-error tests, curl's torture tests); with CARTREF_CRASH_AT=N
 * the process is killed there (SIGKILL, as kill -9).  A statement counts
 * where it is taken from the cache or prepared (sql_cached(),
 * sql_prepare()), run as text (sql_exec()) or is a row of a bulk load
 * (sql_bulk_row()); the rollback of a failure
 * is never failed, so that what is tested is the caller's handling, not
 * the database's.  Unset, the cost is two relaxed atomic loads.
 * tests/t/t0960-fail.sh and t0950-crash.sh use them; no deployment sets
 * them.
 */
static atomic_long torture_fail_at = -1;	/* -1: not read yet */
static atomic_long torture_crash_at;
static atomic_long torture_count;

static long env_count(const char *name)
{
	const char *v = getenv(name);
	char *end;
	long n;

	if (!v || !*v)
		return 0;
	n = strtol(v, &end, 10);
	return *end || n < 0 ? 0 : n;
}

static void torture_init(void)
{
	if (atomic_load_explicit(&torture_fail_at, memory_order_relaxed) >= 0)
		return;
	atomic_store(&torture_crash_at, env_count("CARTREF_CRASH_AT"));
	atomic_store(&torture_fail_at, env_count("CARTREF_FAIL_AT"));
}

int sql_torture(struct err *err)
{
	long fail_at = atomic_load_explicit(&torture_fail_at,
					    memory_order_relaxed);
	long crash_at, n;

	if (fail_at <= 0 &&
	    !atomic_load_explicit(&torture_crash_at, memory_order_relaxed))
		return 0;
	n = atomic_fetch_add(&torture_count, 1) + 1;
	crash_at = atomic_load(&torture_crash_at);
	if (n == crash_at)
		raise(SIGKILL);
	if (n == fail_at)
		return err_set(err, ERR_STORE,
			       "store: injected failure at statement %ld "
			       "(CARTREF_FAIL_AT)", n);
	return 0;
}

/* ---- connections -------------------------------------------------------- */

bool sql_location_is_pg(const char *loc)
{
	size_t k = strspn(loc, "abcdefghijklmnopqrstuvwxyz_");

	if (!strncmp(loc, "postgres://", 11) ||
	    !strncmp(loc, "postgresql://", 13))
		return true;
	/* a libpq "keyword=value ..." string: a path has a character
	 * other than a-z and _ (a slash, a dot) before any '=' */
	k += strspn(loc + k, " ");
	return k && loc[k] == '=';
}

void sql_location_shown(const char *loc, char *out, size_t n)
{
	static const char key[] = "password=";
	const char *at = strstr(loc, "://") ? strchr(loc, '@') : NULL;
	const char *colon = at ? memchr(strstr(loc, "://") + 3, ':',
					(size_t)(at - strstr(loc, "://") - 3)) :
			  NULL;
	size_t o = 0;

	if (!n)
		return;
	for (const char *p = loc; *p && o + 1 < n; ) {
		/* postgresql://user:SECRET@host */
		if (colon && p == colon + 1) {
			o += (size_t)snprintf(out + o, n - o, "***");
			p = at;
			continue;
		}
		/* password=SECRET (key=value, or ?password= in a URL) */
		if (!strncmp(p, key, sizeof(key) - 1) &&
		    (p == loc || p[-1] == ' ' || p[-1] == '?' || p[-1] == '&')) {
			o += (size_t)snprintf(out + o, n - o, "%s***", key);
			p += sizeof(key) - 1;
			if (*p == '\'') {	/* a quoted value */
				for (p++; *p && *p != '\''; p++)
					if (*p == '\\' && p[1])
						p++;
				if (*p)
					p++;
			} else {
				p += strcspn(p, " &");
			}
			continue;
		}
		out[o++] = *p++;
	}
	out[o < n ? o : n - 1] = '\0';
}

int sql_open(struct sql **out, const char *location, struct err *err)
{
	const struct sql_driver *drv = NULL;
	struct sql *db;
	int rc;

	torture_init();
	for (size_t i = 0; i < ARRAY_SIZE(drivers); i++)
		if (drivers[i]->accepts(location)) {
			drv = drivers[i];
			break;
		}
	if (!drv) {
		char shown[256];

		sql_location_shown(location, shown, sizeof(shown));
		return err_set(err, ERR_UNSUPPORTED,
			       "no store driver for \"%s\"%s", shown,
			       strncmp(location, "postgres", 8) ? "" :
			       " (this cartref was built without PostgreSQL)");
	}
	db = xcalloc(1, sizeof(*db));
	db->drv = drv;
	db->location = xstrdup(location);
	rc = drv->open(&db->conn, location, err);
	if (!rc)
		rc = drv->migrate(db, err);
	if (rc) {
		sql_close(db);
		return rc;
	}
	*out = db;
	return 0;
}

void sql_close(struct sql *db)
{
	if (!db)
		return;
	for (size_t i = 0; i < db->ncache; i++)
		db->drv->finalize(db->cache_st[i]);
	if (db->conn)
		db->drv->close(db->conn);
	free(db->location);
	free(db);
}

const struct sql_driver *sql_driver(const struct sql *db)
{
	return db->drv;
}

const char *sql_location(const struct sql *db)
{
	return db->location;
}

const char *sql_hook(const struct sql *db, enum sql_hook h)
{
	return db->drv->hooks[h];
}

/* ---- errors ------------------------------------------------------------- */

enum sql_error sql_error_class(struct sql *db)
{
	const char *msg;

	return db->drv->error(db->conn, &msg);
}

int sql_fail(struct sql *db, struct err *err, const char *what)
{
	const char *msg = NULL;
	int code = ERR_STORE;

	switch (db->drv->error(db->conn, &msg)) {
	case SQL_E_UNIQUE:
		code = ERR_EXISTS;
		break;
	case SQL_E_CONSTRAINT:
		code = ERR_CONSTRAINT;
		break;
	default:
		break;
	}
	return err_set(err, code, "%s: %s", what, msg ? msg : "store error");
}

int64_t sql_changes(struct sql *db)
{
	return db->drv->changes(db->conn);
}

/* ---- statements --------------------------------------------------------- */

struct sql_stmt *sql_cached(struct sql *db, const char *sql, struct err *err)
{
	struct sql_stmt *st = NULL;

	if (sql_torture(err))
		return NULL;
	for (size_t i = 0; i < db->ncache; i++)
		if (db->cache_sql[i] == sql) {
			st = db->cache_st[i];
			break;
		}
	if (!st) {
		if (db->ncache == SQL_CACHE_MAX)
			BUG("more than %d cached statements: is the SQL text "
			    "a constant?", SQL_CACHE_MAX);
		st = db->drv->prepare(db->conn, sql, true, err);
		if (!st)
			return NULL;
		db->cache_sql[db->ncache] = sql;
		db->cache_st[db->ncache++] = st;
	} else if (db->drv->busy(st)) {
		/* a caller still stepping it (a callback that re-enters the
		 * same query): resetting it here would cut that caller short */
		BUG("cached statement in use twice: %.60s", sql);
	}
	db->drv->reset(st);
	return st;
}

struct sql_stmt *sql_prepare(struct sql *db, const char *sql,
			     struct err *err)
{
	if (sql_torture(err))
		return NULL;
	return db->drv->prepare(db->conn, sql, false, err);
}

void sql_finalize(struct sql *db, struct sql_stmt *st)
{
	if (st)
		db->drv->finalize(st);
}

void sql_release_memory(struct sql *db)
{
	if (db->drv->release_memory)
		db->drv->release_memory(db->conn);
}

int sql_exec(struct sql *db, const char *sql, struct err *err)
{
	if (err && sql_torture(err))	/* err NULL: a rollback */
		return ERR_STORE;
	if (db->drv->exec(db->conn, sql))
		return sql_fail(db, err, "store");
	return 0;
}

int sql_step_done(struct sql *db, struct sql_stmt *st, struct err *err,
		  const char *what)
{
	int rc = sql_step(st);

	if (rc != SQL_DONE && rc != SQL_ROW)
		return sql_fail(db, err, what);
	return 0;
}

int sql_step_id(struct sql *db, struct sql_stmt *st, int64_t *id,
		struct err *err, const char *what)
{
	int rc = sql_step(st);

	if (rc == SQL_ROW) {
		*id = sql_col_int(st, 0);
		sql_reset(st);
		return 0;
	}
	if (rc == SQL_DONE)
		return err_set(err, ERR_NOT_FOUND, "%s: no row", what);
	return sql_fail(db, err, what);
}

bool sql_has_insert_id(struct sql *db)
{
	return db->drv->last_insert_id != NULL;
}

int sql_insert_id(struct sql *db, struct sql_stmt *st, int64_t *id,
		  struct err *err, const char *what)
{
	int rc;

	if (!db->drv->last_insert_id)
		return sql_step_id(db, st, id, err, what);
	rc = sql_step(st);
	if (rc != SQL_DONE && rc != SQL_ROW)
		return sql_fail(db, err, what);
	*id = db->drv->last_insert_id(db->conn);
	sql_reset(st);
	return 0;
}

/* ---- transactions ------------------------------------------------------- */

int sql_begin(struct sql *db, struct err *err)
{
	char sql[48];
	int rc;

	if (db->depth == 0) {
		rc = sql_exec(db, sql_hook(db, SQL_H_BEGIN), err);
		db->pending_done = false;
	} else {
		snprintf(sql, sizeof(sql), "SAVEPOINT s%d", db->depth);
		rc = sql_exec(db, sql, err);
	}
	if (!rc)
		db->depth++;
	return rc;
}

int sql_commit(struct sql *db, struct err *err)
{
	char sql[48];
	int rc;

	if (db->depth <= 0)
		return err_set(err, ERR_STORE, "commit outside a transaction");
	if (db->depth == 1) {
		rc = sql_exec(db, "COMMIT", err);
	} else {
		snprintf(sql, sizeof(sql), "RELEASE SAVEPOINT s%d",
			 db->depth - 1);
		rc = sql_exec(db, sql, err);
	}
	if (!rc)
		db->depth--;
	return rc;
}

void sql_rollback(struct sql *db)
{
	char sql[80];

	if (db->depth <= 0)
		return;
	if (db->depth == 1) {
		sql_exec(db, "ROLLBACK", NULL);
	} else {
		snprintf(sql, sizeof(sql),
			 "ROLLBACK TO SAVEPOINT s%d; RELEASE SAVEPOINT s%d",
			 db->depth - 1, db->depth - 1);
		sql_exec(db, sql, NULL);
	}
	db->depth--;
}

int sql_guard_begin(struct sql *db, struct err *err)
{
	return db->drv->statement_fails_transaction ? sql_begin(db, err) : 0;
}

int sql_guard_end(struct sql *db, int rc, struct err *err)
{
	if (!db->drv->statement_fails_transaction)
		return rc;
	if (rc) {
		sql_rollback(db);
		return rc;
	}
	return sql_commit(db, err);
}

bool sql_nested(struct sql *db)
{
	return db->depth > 1;
}

bool sql_first_pending(struct sql *db)
{
	bool first = !db->pending_done;

	db->pending_done = true;
	return first;
}

bool sql_in_transaction(struct sql *db)
{
	return db->drv->in_transaction(db->conn);
}

int sql_in_tx(struct sql *db, int (*fn)(struct sql *, struct err *),
	      struct err *err)
{
	int rc = sql_begin(db, err);

	if (rc)
		return rc;
	rc = fn(db, err);
	if (!rc)
		rc = sql_commit(db, err);
	if (rc)
		sql_rollback(db);
	return rc;
}

/* ---- the store's conventions -------------------------------------------- */

void sql_bind_opt_text(struct sql_stmt *st, int i, const char *v)
{
	if (v && *v)
		sql_bind_text(st, i, v);
	else
		sql_bind_null(st, i);
}

void sql_bind_date(struct sql_stmt *st, int i, int32_t d)
{
	char iso[DATE_STR_MAX];

	if (d == DATE_NONE) {
		sql_bind_null(st, i);
		return;
	}
	date_fmt_iso(d, iso);
	sql_bind_text(st, i, iso);
}

void sql_bind_opt_int(struct sql_stmt *st, int i, int32_t v)
{
	if (v < 0)
		sql_bind_null(st, i);
	else
		sql_bind_int(st, i, v);
}

void sql_bind_time(struct sql_stmt *st, int i, int64_t ms)
{
	char t[STORE_TIME_MAX];

	if (!ms) {
		sql_bind_null(st, i);
		return;
	}
	store_time_fmt(ms, t);
	sql_bind_text(st, i, t);
}

void sql_bind_id(struct sql_stmt *st, int i, int64_t id)
{
	if (id)
		sql_bind_int(st, i, id);
	else
		sql_bind_null(st, i);
}

void sql_bind_name_text(struct sql_stmt *st, const char *name, const char *v)
{
	int i = sql_param(st, name);

	if (i)
		sql_bind_opt_text(st, i, v);
}

void sql_bind_name_str(struct sql_stmt *st, const char *name, const char *v)
{
	int i = sql_param(st, name);

	if (i)
		sql_bind_text(st, i, v ? v : "");
}

void sql_bind_name_int(struct sql_stmt *st, const char *name, int64_t v)
{
	int i = sql_param(st, name);

	if (i)
		sql_bind_int(st, i, v);
}

void sql_bind_name_id(struct sql_stmt *st, const char *name, int64_t id)
{
	int i = sql_param(st, name);

	if (i)
		sql_bind_id(st, i, id);
}

void sql_bind_name_date(struct sql_stmt *st, const char *name, int32_t d)
{
	int i = sql_param(st, name);

	if (i)
		sql_bind_date(st, i, d);
}

void sql_bind_name_time(struct sql_stmt *st, const char *name, int64_t ms)
{
	int i = sql_param(st, name);

	if (i)
		sql_bind_time(st, i, ms);
}

void sql_col_text(struct sql_stmt *st, int i, char *out, size_t cap)
{
	size_t n = 0;
	const char *t = SQL_DRV(st)->col_text(st, i, &n);

	/* a hot path when loading histories: no printf */
	if (!t)
		n = 0;
	if (n >= cap)
		n = cap - 1;
	if (n)
		memcpy(out, t, n);
	out[n] = '\0';
}

int32_t sql_col_date(struct sql_stmt *st, int i)
{
	const char *t = sql_col_str(st, i);
	int32_t d;

	if (!t || parse_date_iso(t, &d))
		return DATE_NONE;
	return d;
}

int32_t sql_col_opt_int(struct sql_stmt *st, int i)
{
	if (sql_col_null(st, i))
		return -1;
	return (int32_t)sql_col_int(st, i);
}

int64_t sql_col_time(struct sql_stmt *st, int i)
{
	const char *t = sql_col_str(st, i);
	int64_t ms;

	if (!t || store_time_parse(t, &ms))
		return 0;
	return ms;
}

/* ---- bulk loads --------------------------------------------------------- */

/* COPY data sent to the server in pieces of about this size */
#define BULK_FLUSH (256 * 1024)

struct sql_bulk {
	struct sql *db;
	const struct sql_bulk_spec *sp;
	struct sql_stmt *st;	/* no COPY: the INSERT */
	struct buf line;	/* COPY: rows not yet sent */
	int col;		/* values set in this row */
	int rc;			/* the first error, kept for sql_bulk_end() */
	struct err err;
};

bool sql_bulk_is_copy(struct sql *db)
{
	return db->drv->copy_begin != NULL;
}

struct sql_bulk *sql_bulk_begin(struct sql *db, const struct sql_bulk_spec *sp,
				struct err *err)
{
	struct sql_bulk *b;

	if (sql_torture(err))
		return NULL;
	b = xcalloc(1, sizeof(*b));
	b->db = db;
	b->sp = sp;
	buf_init(&b->line, BUF_MAX_DEFAULT);
	if (db->drv->copy_begin) {
		if (db->drv->copy_begin(db->conn, sp->copy)) {
			sql_fail(db, err, "bulk load");
			buf_release(&b->line);
			free(b);
			return NULL;
		}
		return b;
	}
	b->st = sql_cached(db, sp->insert, err);
	if (!b->st) {
		buf_release(&b->line);
		free(b);
		return NULL;
	}
	return b;
}

/* COPY's text format: \N for NULL, and backslash, tab, newline and
 * carriage return escaped. */
static void copy_value(struct sql_bulk *b, const char *v)
{
	if (b->col++)
		buf_addch(&b->line, '\t');
	if (!v) {
		buf_adds(&b->line, "\\N");
		return;
	}
	for (; *v; v++) {
		switch (*v) {
		case '\\': buf_adds(&b->line, "\\\\"); break;
		case '\t': buf_adds(&b->line, "\\t"); break;
		case '\n': buf_adds(&b->line, "\\n"); break;
		case '\r': buf_adds(&b->line, "\\r"); break;
		default: buf_addch(&b->line, *v); break;
		}
	}
}

void sql_bulk_null(struct sql_bulk *b)
{
	if (b->st)
		sql_bind_null(b->st, ++b->col);
	else
		copy_value(b, NULL);
}

void sql_bulk_int(struct sql_bulk *b, int64_t v)
{
	char n[24];

	if (b->st) {
		sql_bind_int(b->st, ++b->col, v);
		return;
	}
	snprintf(n, sizeof(n), "%" PRId64, v);
	copy_value(b, n);
}

void sql_bulk_text(struct sql_bulk *b, const char *v)
{
	if (b->st)
		sql_bind_text(b->st, ++b->col, v);
	else
		copy_value(b, v);
}

void sql_bulk_opt_text(struct sql_bulk *b, const char *v)
{
	sql_bulk_text(b, v && *v ? v : NULL);
}

void sql_bulk_opt_int(struct sql_bulk *b, int32_t v)
{
	if (v < 0)
		sql_bulk_null(b);
	else
		sql_bulk_int(b, v);
}

void sql_bulk_date(struct sql_bulk *b, int32_t d)
{
	char iso[DATE_STR_MAX];

	if (d == DATE_NONE) {
		sql_bulk_null(b);
		return;
	}
	date_fmt_iso(d, iso);
	sql_bulk_text(b, iso);
}

static int bulk_flush(struct sql_bulk *b)
{
	if (buf_error(&b->line))
		return err_set(&b->err, ERR_TOO_LARGE, "bulk load: a row is "
			       "too large");
	if (b->line.len &&
	    b->db->drv->copy_put(b->db->conn, b->line.buf, b->line.len))
		return sql_fail(b->db, &b->err, "bulk load");
	buf_reset(&b->line);
	return 0;
}

int sql_bulk_row(struct sql_bulk *b)
{
	if (b->rc)
		return b->rc;
	/* a row of a bulk load counts as a statement for the drills */
	if (sql_torture(&b->err))
		return b->rc = ERR_STORE;
	if (b->col != b->sp->ncols)
		BUG("bulk row of %d values for %d columns: %.60s", b->col,
		    b->sp->ncols, b->sp->insert);
	b->col = 0;
	if (b->st) {
		b->rc = sql_step_done(b->db, b->st, &b->err, "bulk load");
		sql_reset(b->st);
		return b->rc;
	}
	buf_addch(&b->line, '\n');
	if (b->line.len >= BULK_FLUSH)
		b->rc = bulk_flush(b);
	return b->rc;
}

int sql_bulk_end(struct sql_bulk *b, struct err *err)
{
	int rc;

	if (!b)
		return ERR_STORE;
	if (!b->st) {
		if (!b->rc)
			b->rc = bulk_flush(b);
		if (b->db->drv->copy_end(b->db->conn, b->rc != 0) && !b->rc)
			b->rc = sql_fail(b->db, &b->err, "bulk load");
	}
	rc = b->rc;
	if (rc)
		err_set(err, rc, "%s", err_text(&b->err));
	buf_release(&b->line);
	free(b);
	return rc;
}
