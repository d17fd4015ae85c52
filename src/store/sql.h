/*
 * sql.h: the thin SQL driver under the store (issue 11).
 *
 * The store's logic (src/store/db-*.c: queries, scoping, auditing,
 * transactions) is written once against this interface; SQLite
 * (sql-sqlite.c) and PostgreSQL (sql-pg.c) are drivers, in the spirit of
 * git's ref backends: a small table of operations, each driver one file.
 * Only the drivers include <sqlite3.h> or <libpq-fe.h>.
 *
 * SQL handed to sql_prepare() is written in the store's common dialect:
 * SQLite's, restricted to what PostgreSQL also accepts, with parameters
 * as ?N or :name (a driver that numbers them differently rewrites them,
 * outside string literals).  Where the two really differ, the text takes
 * a named hook (sql_hook()), documented in docs/store.md.
 *
 * Statements are cached per connection by the address of their constant
 * text (sql_cached()): one cache for the whole store.  Errors are mapped
 * to ERR_* in one place (sql_fail()).
 */
#ifndef CARTREF_SQL_H
#define CARTREF_SQL_H

#include "base/compat.h"
#include "base/err.h"

/* The schema version every driver's migrations reach (sqlite-schema.c,
 * pg-schema.c): a new migration is written for each driver. */
#define SQL_SCHEMA_LATEST 13

struct sql;		/* a connection (sql.c) */
struct sql_stmt;	/* a driver's prepared statement */
struct sql_conn;	/* a driver's connection state */

/* sql_step()'s results (SQLite's numbers, for readability in a debugger) */
enum { SQL_ROW = 100, SQL_DONE = 101, SQL_ERROR = 1 };

/* The class of a driver's last error; sql_fail() maps it to ERR_*. */
enum sql_error {
	SQL_E_NONE,
	SQL_E_UNIQUE,		/* a UNIQUE or PRIMARY KEY violation */
	SQL_E_CONSTRAINT,	/* another constraint (CHECK, FK, NOT NULL) */
	SQL_E_BUSY,		/* locked by another writer past the timeout */
	SQL_E_IO,		/* the disk or the connection failed */
	SQL_E_OTHER,
};

/* Dialect differences that SQL text cannot hide (docs/store.md). */
enum sql_hook {
	SQL_H_BEGIN,		/* the outermost BEGIN of a writer */
	SQL_H_NHOOKS
};

struct sql_driver {
	const char *name;
	/* does this driver handle the location (a path, a URL, ...)? */
	bool (*accepts)(const char *location);
	int (*open)(struct sql_conn **c, const char *location,
		    struct err *err);
	void (*close)(struct sql_conn *c);
	/* schema: create or upgrade to the latest version (the driver's own
	 * DDL), with the audit trail's storage */
	int (*migrate)(struct sql *db, struct err *err);
	int (*schema_version)(struct sql *db, int *version, struct err *err);

	struct sql_stmt *(*prepare)(struct sql_conn *c, const char *sql,
				    bool persistent, struct err *err);
	void (*finalize)(struct sql_stmt *st);
	/* back to before the first step, bindings cleared */
	void (*reset)(struct sql_stmt *st);
	bool (*busy)(struct sql_stmt *st);
	/* the 1-based index of :name, 0 if the statement has none */
	int (*param_index)(struct sql_stmt *st, const char *name);
	void (*bind_null)(struct sql_stmt *st, int i);
	void (*bind_int)(struct sql_stmt *st, int i, int64_t v);
	/* copied: the caller's buffer may go as soon as this returns */
	void (*bind_text)(struct sql_stmt *st, int i, const char *v, size_t n);
	void (*bind_blob)(struct sql_stmt *st, int i, const void *v, size_t n);
	/* SQL_ROW, SQL_DONE or SQL_ERROR (the connection's error set) */
	int (*step)(struct sql_stmt *st);
	bool (*col_null)(struct sql_stmt *st, int i);
	int64_t (*col_int)(struct sql_stmt *st, int i);
	/* NULL for NULL; valid until the next step or reset */
	const char *(*col_text)(struct sql_stmt *st, int i, size_t *n);
	const void *(*col_blob)(struct sql_stmt *st, int i, size_t *n);
	/* optional: the id the last INSERT gave (SQLite's rowid), which
	 * spares an INSERT the RETURNING id that costs SQLite a temporary
	 * table a row; without it, sql_insert_id() reads RETURNING's row */
	int64_t (*last_insert_id)(struct sql_conn *c);
	/* rows changed by the last INSERT, UPDATE or DELETE */
	int64_t (*changes)(struct sql_conn *c);
	/* run SQL text without parameters or rows (may hold several
	 * statements) */
	int (*exec)(struct sql_conn *c, const char *sql);
	bool (*in_transaction)(struct sql_conn *c);
	/* the last error's class and text */
	enum sql_error (*error)(struct sql_conn *c, const char **msg);
	/* optional: a bulk load (PostgreSQL's COPY ... FROM STDIN, text
	 * format); without them, sql_bulk_*() steps the INSERT */
	int (*copy_begin)(struct sql_conn *c, const char *sql);
	int (*copy_put)(struct sql_conn *c, const char *data, size_t n);
	/* failed: abandon it (the transaction is then failed) */
	int (*copy_end)(struct sql_conn *c, bool failed);
	/* the audit table's guard triggers are exactly the schema's: none
	 * missing, added or changed (say, given "WHEN 0") */
	int (*audit_protected)(struct sql *db, bool *yes, struct err *err);
	/* optional: give back the memory of caches (SQLite's page cache) */
	void (*release_memory)(struct sql_conn *c);
	/* a failed statement fails the whole transaction (PostgreSQL), not
	 * only itself (SQLite): see sql_guard_begin() */
	bool statement_fails_transaction;
	/* the dialect's text for a hook */
	const char *hooks[SQL_H_NHOOKS];
};

extern const struct sql_driver sql_sqlite_driver;
extern const struct sql_driver sql_pg_driver;

/* ---- connections (sql.c) ------------------------------------------------ */

/* Open location with the first driver that accepts it, and migrate. */
int sql_open(struct sql **out, const char *location, struct err *err);
void sql_close(struct sql *db);
const struct sql_driver *sql_driver(const struct sql *db);
/* The driver's release_memory, if it has one. */
void sql_release_memory(struct sql *db);
const char *sql_location(const struct sql *db);
/* Is location PostgreSQL's (postgres[ql]:// or libpq's "key=value ...")?
 * Anything else is a path (a file named "key=x" is given as ./key=x). */
bool sql_location_is_pg(const char *location);
/* location as it may be shown (a log, an error): a password in it, as
 * user:PASSWORD@ or password=PASSWORD, replaced by "***" */
void sql_location_shown(const char *location, char *out, size_t n);
const char *sql_hook(const struct sql *db, enum sql_hook h);

/*
 * The connection's prepared statement for sql, prepared on first use and
 * kept until the connection closes, reset and with its bindings cleared;
 * NULL (err set) if it does not compile.  sql must be a constant (a
 * string literal or static table entry): its address is the key.  Never
 * finalize it; reset it when done, so that it holds no read open.
 */
struct sql_stmt *sql_cached(struct sql *db, const char *sql,
			    struct err *err);
/* A statement for one use (sql_finalize() it): text built from constant
 * fragments, or run once. */
struct sql_stmt *sql_prepare(struct sql *db, const char *sql,
			     struct err *err);
void sql_finalize(struct sql *db, struct sql_stmt *st);

/* Run SQL text (no parameters, no rows). err NULL: a rollback, which is
 * never failed by the test hooks. */
int sql_exec(struct sql *db, const char *sql, struct err *err);

/*
 * Transactions nest: the outermost is the driver's BEGIN (SQLite: BEGIN
 * IMMEDIATE), inner ones savepoints.  sql_nested(): a caller's
 * transaction is open around the current one.  sql_first_pending():
 * true the first time it is asked in an outermost transaction.
 */
int sql_begin(struct sql *db, struct err *err);
int sql_commit(struct sql *db, struct err *err);
void sql_rollback(struct sql *db);
bool sql_nested(struct sql *db);
bool sql_first_pending(struct sql *db);
bool sql_in_transaction(struct sql *db);
/* fn in a transaction of its own, rolled back if it fails */
int sql_in_tx(struct sql *db, int (*fn)(struct sql *, struct err *),
	      struct err *err);

/*
 * A statement that may be refused while the caller's transaction goes on
 * (an import reporting a bad row and reading the next): where a failed
 * statement fails the whole transaction, a savepoint around it; elsewhere
 * nothing, since a savepoint costs SQLite a sub-journal write.
 * sql_guard_end(db, rc, err) releases it, or rolls back to it when rc is
 * an error; returns rc, or the release's error.
 */
int sql_guard_begin(struct sql *db, struct err *err);
int sql_guard_end(struct sql *db, int rc, struct err *err);

/* The last error as ERR_EXISTS (unique), ERR_CONSTRAINT or ERR_STORE,
 * with what and the driver's text; returns the code. */
int sql_fail(struct sql *db, struct err *err, const char *what);
enum sql_error sql_error_class(struct sql *db);
int64_t sql_changes(struct sql *db);

/* ---- statements --------------------------------------------------------- */

/* Every statement knows its driver (the drivers' structs start with it). */
struct sql_stmt_head {
	const struct sql_driver *drv;
};
#define SQL_DRV(st) (((const struct sql_stmt_head *)(const void *)(st))->drv)

static inline int sql_step(struct sql_stmt *st)
{
	return SQL_DRV(st)->step(st);
}

static inline void sql_reset(struct sql_stmt *st)
{
	SQL_DRV(st)->reset(st);
}

static inline int sql_param(struct sql_stmt *st, const char *name)
{
	return SQL_DRV(st)->param_index(st, name);
}

static inline void sql_bind_null(struct sql_stmt *st, int i)
{
	SQL_DRV(st)->bind_null(st, i);
}

static inline void sql_bind_int(struct sql_stmt *st, int i, int64_t v)
{
	SQL_DRV(st)->bind_int(st, i, v);
}

/* v NULL binds NULL; "" binds "" (sql_bind_opt_text(): NULL) */
static inline void sql_bind_text(struct sql_stmt *st, int i, const char *v)
{
	if (v)
		SQL_DRV(st)->bind_text(st, i, v, strlen(v));
	else
		SQL_DRV(st)->bind_null(st, i);
}

static inline void sql_bind_blob(struct sql_stmt *st, int i, const void *v,
				 size_t n)
{
	SQL_DRV(st)->bind_blob(st, i, v, n);
}

static inline bool sql_col_null(struct sql_stmt *st, int i)
{
	return SQL_DRV(st)->col_null(st, i);
}

static inline int64_t sql_col_int(struct sql_stmt *st, int i)
{
	return SQL_DRV(st)->col_int(st, i);
}

/* NULL for NULL */
static inline const char *sql_col_str(struct sql_stmt *st, int i)
{
	size_t n;

	return SQL_DRV(st)->col_text(st, i, &n);
}

static inline const void *sql_col_blob(struct sql_stmt *st, int i, size_t *n)
{
	return SQL_DRV(st)->col_blob(st, i, n);
}

/*
 * The store's conventions over the primitives (sql.c): blank text,
 * DATE_NONE and negative ints bind NULL; an instant binds as
 * store_time_fmt()'s text, 0 as NULL.  Readers: text truncated to
 * cap - 1 bytes ("" for NULL); an ISO date as a day number (DATE_NONE
 * for NULL or bad); an int, -1 for NULL; an instant, 0 for NULL.
 */
void sql_bind_opt_text(struct sql_stmt *st, int i, const char *v);
void sql_bind_date(struct sql_stmt *st, int i, int32_t d);
void sql_bind_opt_int(struct sql_stmt *st, int i, int32_t v);
void sql_bind_time(struct sql_stmt *st, int i, int64_t ms);
void sql_bind_id(struct sql_stmt *st, int i, int64_t id);	/* 0: NULL */
void sql_col_text(struct sql_stmt *st, int i, char *out, size_t cap);
int32_t sql_col_date(struct sql_stmt *st, int i);
int32_t sql_col_opt_int(struct sql_stmt *st, int i);
int64_t sql_col_time(struct sql_stmt *st, int i);

/*
 * The same by parameter name (":la"); a statement without the parameter
 * ignores it, so that one set of bindings serves every variant of a
 * scoped query.  _text binds blank as NULL (which matches nothing in a
 * scope), _str as "".
 */
void sql_bind_name_text(struct sql_stmt *st, const char *name, const char *v);
void sql_bind_name_str(struct sql_stmt *st, const char *name, const char *v);
void sql_bind_name_int(struct sql_stmt *st, const char *name, int64_t v);
void sql_bind_name_id(struct sql_stmt *st, const char *name, int64_t id);
void sql_bind_name_date(struct sql_stmt *st, const char *name, int32_t d);
void sql_bind_name_time(struct sql_stmt *st, const char *name, int64_t ms);

/* Step a statement whose rows are not needed; 0 or sql_fail(). */
int sql_step_done(struct sql *db, struct sql_stmt *st, struct err *err,
		  const char *what);
/* Step a statement returning one integer (RETURNING id, count(*)):
 * ERR_NOT_FOUND with no row. */
int sql_step_id(struct sql *db, struct sql_stmt *st, int64_t *id,
		struct err *err, const char *what);

/*
 * An insert's new id, for the hot paths: the statement is plain where
 * sql_has_insert_id(db) (the driver knows the last id), else ends in
 * RETURNING id; pick the text with it, then step with sql_insert_id().
 */
bool sql_has_insert_id(struct sql *db);
int sql_insert_id(struct sql *db, struct sql_stmt *st, int64_t *id,
		  struct err *err, const char *what);

/* ---- bulk loads -------------------------------------------------------- */

/*
 * Many rows into one table inside a transaction: PostgreSQL's COPY where
 * the driver has it, else the prepared INSERT stepped once a row (SQLite,
 * where that is what COPY would be).  The text of both is constant:
 *
 *	static const struct sql_bulk_spec spec =
 *		SQL_BULK("missing", "return_id, child_id, kind", "?1, ?2, ?3", 3);
 *	struct sql_bulk *b = sql_bulk_begin(db, &spec, err);
 *	sql_bulk_int(b, ret_id); sql_bulk_int(b, cid); sql_bulk_text(b, k);
 *	sql_bulk_row(b);	... once a row
 *	rc = sql_bulk_end(b, err);	(always: it frees b)
 *
 * Values go in column order; the sql_bulk_*() setters follow sql_bind_*()'s
 * conventions.  An error is kept and reported by sql_bulk_end(); a COPY
 * reports a constraint broken by any row there, not at the row.
 */
struct sql_bulk_spec {
	const char *insert;	/* INSERT INTO t (cols) VALUES (?1, ...) */
	const char *copy;	/* COPY t (cols) FROM STDIN */
	int ncols;
};
#define SQL_BULK(table, cols, params, n)                                  \
	{ "INSERT INTO " table " (" cols ") VALUES (" params ")",         \
	  "COPY " table " (" cols ") FROM STDIN", (n) }

struct sql_bulk;
/* Does a bulk load go through COPY (else a statement a row)? */
bool sql_bulk_is_copy(struct sql *db);
struct sql_bulk *sql_bulk_begin(struct sql *db, const struct sql_bulk_spec *sp,
				struct err *err);
void sql_bulk_null(struct sql_bulk *b);
void sql_bulk_int(struct sql_bulk *b, int64_t v);
void sql_bulk_text(struct sql_bulk *b, const char *v);	/* NULL: NULL */
void sql_bulk_opt_text(struct sql_bulk *b, const char *v);
void sql_bulk_opt_int(struct sql_bulk *b, int32_t v);
void sql_bulk_date(struct sql_bulk *b, int32_t d);
int sql_bulk_row(struct sql_bulk *b);
int sql_bulk_end(struct sql_bulk *b, struct err *err);

/* ---- test hooks (docs/security.md, "failure drills") --------------------- */

/* CARTREF_FAIL_AT / CARTREF_CRASH_AT: counts a statement about to run. */
int sql_torture(struct err *err);

#endif
