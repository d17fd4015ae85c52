/*
 * sql-sqlite.c: the SQLite driver (sql.h), the store's embedded default
 * (WAL, foreign keys on, extended result codes, a 5 s busy timeout).
 *
 * The store file FILE has its audit trail in FILE-audit, attached as
 * schema "aud"; both are made private before SQLite opens them
 * (base/file.h).  Its schema is sqlite-schema.c's migrations, recorded in
 * PRAGMA user_version (the audit file's own in aud.user_version).
 */
#include "base/compat.h"
#include "base/file.h"
#include "base/xalloc.h"
#include <fcntl.h>
#include <inttypes.h>
#include <sqlite3.h>
#include <unistd.h>
#include "store/sql.h"
#include "store/sqlite-schema.h"

struct sql_conn {
	sqlite3 *db;
};

struct sql_stmt {
	struct sql_stmt_head head;
	sqlite3_stmt *st;
};

/* ---- statements --------------------------------------------------------- */

static struct sql_stmt *lt_prepare(struct sql_conn *c, const char *sql,
				   bool persistent, struct err *err)
{
	sqlite3_stmt *s = NULL;
	struct sql_stmt *st;

	if (sqlite3_prepare_v3(c->db, sql, -1,
			       persistent ? SQLITE_PREPARE_PERSISTENT : 0, &s,
			       NULL) != SQLITE_OK) {
		err_set(err, ERR_STORE, "prepare: %s", sqlite3_errmsg(c->db));
		return NULL;
	}
	st = xmalloc(sizeof(*st));
	st->head.drv = &sql_sqlite_driver;
	st->st = s;
	return st;
}

static void lt_finalize(struct sql_stmt *st)
{
	sqlite3_finalize(st->st);
	free(st);
}

static void lt_reset(struct sql_stmt *st)
{
	sqlite3_reset(st->st);
	sqlite3_clear_bindings(st->st);
}

static bool lt_busy(struct sql_stmt *st)
{
	return sqlite3_stmt_busy(st->st);
}

static int lt_param_index(struct sql_stmt *st, const char *name)
{
	return sqlite3_bind_parameter_index(st->st, name);
}

static void lt_bind_null(struct sql_stmt *st, int i)
{
	sqlite3_bind_null(st->st, i);
}

static void lt_bind_int(struct sql_stmt *st, int i, int64_t v)
{
	sqlite3_bind_int64(st->st, i, v);
}

static void lt_bind_text(struct sql_stmt *st, int i, const char *v, size_t n)
{
	sqlite3_bind_text64(st->st, i, v, n, SQLITE_TRANSIENT, SQLITE_UTF8);
}

static void lt_bind_blob(struct sql_stmt *st, int i, const void *v, size_t n)
{
	sqlite3_bind_blob64(st->st, i, v, n, SQLITE_TRANSIENT);
}

static int lt_step(struct sql_stmt *st)
{
	int rc = sqlite3_step(st->st);

	return rc == SQLITE_ROW ? SQL_ROW : rc == SQLITE_DONE ? SQL_DONE :
				  SQL_ERROR;
}

static bool lt_col_null(struct sql_stmt *st, int i)
{
	return sqlite3_column_type(st->st, i) == SQLITE_NULL;
}

static int64_t lt_col_int(struct sql_stmt *st, int i)
{
	return sqlite3_column_int64(st->st, i);
}

static const char *lt_col_text(struct sql_stmt *st, int i, size_t *n)
{
	const unsigned char *t = sqlite3_column_text(st->st, i);

	*n = t ? (size_t)sqlite3_column_bytes(st->st, i) : 0;
	return (const char *)t;
}

static const void *lt_col_blob(struct sql_stmt *st, int i, size_t *n)
{
	const void *b = sqlite3_column_blob(st->st, i);

	*n = b ? (size_t)sqlite3_column_bytes(st->st, i) : 0;
	return b;
}

/* ---- connections -------------------------------------------------------- */

static int64_t lt_last_insert_id(struct sql_conn *c)
{
	return sqlite3_last_insert_rowid(c->db);
}

static void lt_release_memory(struct sql_conn *c)
{
	sqlite3_db_release_memory(c->db);
}

static int64_t lt_changes(struct sql_conn *c)
{
	return sqlite3_changes64(c->db);
}

static int lt_exec(struct sql_conn *c, const char *sql)
{
	return sqlite3_exec(c->db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 :
									 -1;
}

static bool lt_in_transaction(struct sql_conn *c)
{
	return !sqlite3_get_autocommit(c->db);
}

static enum sql_error lt_error(struct sql_conn *c, const char **msg)
{
	int ext = sqlite3_extended_errcode(c->db);

	*msg = sqlite3_errmsg(c->db);
	switch (ext) {
	case SQLITE_OK:
	case SQLITE_ROW:
	case SQLITE_DONE:
		return SQL_E_NONE;
	case SQLITE_CONSTRAINT_UNIQUE:
	case SQLITE_CONSTRAINT_PRIMARYKEY:
		return SQL_E_UNIQUE;
	default:
		break;
	}
	switch (ext & 0xff) {
	case SQLITE_CONSTRAINT:
		return SQL_E_CONSTRAINT;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return SQL_E_BUSY;
	case SQLITE_IOERR:
	case SQLITE_FULL:
	case SQLITE_CANTOPEN:
		return SQL_E_IO;
	default:
		return SQL_E_OTHER;
	}
}

static bool lt_accepts(const char *location)
{
	return !sql_location_is_pg(location);
}

/*
 * The store holds children's records: refuse one that every account can
 * read (with its -wal, -shm and -journal, and the audit file's), and
 * make a new one with the private mode before SQLite opens it, since
 * SQLite gives the main file the umask's mode and the -wal and -shm files
 * the main file's (base/file.h).  ":memory:" and "file:" URIs are left to
 * SQLite.
 */
static int private_files(const char *location, struct err *err)
{
	static const char *const ext[] = {
		"", "-wal", "-shm", "-journal",
		"-audit", "-audit-wal", "-audit-shm", "-audit-journal",
	};
	char path[4096];
	int rc = 0;

	if (!strcmp(location, ":memory:") || !strncmp(location, "file:", 5))
		return 0;
	for (size_t i = 0; !rc && i < ARRAY_SIZE(ext); i++) {
		if ((size_t)snprintf(path, sizeof(path), "%s%s", location,
				     ext[i]) >= sizeof(path))
			return err_set(err, ERR_TOO_LARGE, "path too long: %s",
				       location);
		rc = file_check_private(path, err);
	}
	return rc ? rc : file_create_private(location, err);
}

static int conn_exec(struct sql_conn *c, const char *sql, struct err *err)
{
	char *msg = NULL;

	if (sqlite3_exec(c->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		err_set(err, ERR_STORE, "%s", msg ? msg : "sqlite error");
		sqlite3_free(msg);
		return ERR_STORE;
	}
	return 0;
}

/*
 * Attach the audit trail's file as schema "aud" (sqlite-schema.c): for a
 * store FILE, "FILE-audit", created private if missing (file_mode():
 * 0600, or 0640 with --group-readable; an empty file is an empty
 * database; SQLite gives its -wal and -shm the same mode); for
 * ":memory:", a memory database of this connection's own.  Its commits
 * leave the store file's WAL alone, so they no longer empty every other
 * connection's cache of the data.
 *
 * O_EXCL: the file is opened (and closed) here only when this call made
 * it.  Closing any descriptor of a file drops every POSIX lock this
 * process holds on it, so opening an audit file that another connection
 * of the server already uses, even just to close it, would drop that
 * connection's SQLite locks and let the file be corrupted.
 */
static int attach_audit(struct sql_conn *c, const char *location,
			struct err *err)
{
	bool memory = !strcmp(location, ":memory:");
	size_t n = strlen(location) + sizeof("-audit");
	char *path = xmalloc(n);
	sqlite3_stmt *s = NULL;
	int fd, rc;

	snprintf(path, n, "%s-audit", memory ? "" : location);
	if (!memory) {
		fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC |
			  O_NOFOLLOW, file_mode());
		if (fd >= 0) {
			close(fd);
		} else if (errno != EEXIST) {
			err_set(err, ERR_IO, "%s: cannot open the audit file: "
				"%s", path, strerror(errno));
			free(path);
			return ERR_IO;
		}
	}
	rc = sqlite3_prepare_v2(c->db, "ATTACH ?1 AS aud", -1, &s, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(s, 1, memory ? ":memory:" : path, -1,
				  SQLITE_STATIC);
		rc = sqlite3_step(s);
	}
	if (rc != SQLITE_DONE)
		err_set(err, ERR_IO, "%s: cannot attach the audit file: %s",
			memory ? location : path, sqlite3_errmsg(c->db));
	sqlite3_finalize(s);
	free(path);
	if (rc != SQLITE_DONE)
		return ERR_IO;
	return conn_exec(c,
			 "PRAGMA aud.journal_mode = WAL;"
			 "PRAGMA aud.synchronous = NORMAL;",
			 err);
}

static int lt_open(struct sql_conn **out, const char *location,
		   struct err *err)
{
	struct sql_conn *c = xcalloc(1, sizeof(*c));
	int rc;

	*out = c;
	rc = private_files(location, err);
	if (rc)
		return rc;
	rc = sqlite3_open_v2(location, &c->db,
			     SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
				     SQLITE_OPEN_NOMUTEX,
			     NULL);
	if (rc != SQLITE_OK) {
		err_set(err, ERR_IO, "%s: cannot open store: %s", location,
			c->db ? sqlite3_errmsg(c->db) : sqlite3_errstr(rc));
		return ERR_IO;
	}
	sqlite3_extended_result_codes(c->db, 1);
	sqlite3_busy_timeout(c->db, 5000);
	/*
	 * WAL is refused for :memory:, which keeps "memory": fine.
	 *
	 * temp_store FILE: savepoints and statements inside a large
	 * transaction keep their sub-journal in a temporary file (in memory
	 * up to SQLite's 64 KiB spill threshold).  With MEMORY the journal is
	 * a list of 1 KiB chunks that SQLite walks from its start each time
	 * a statement ends, so `import dir` grew quadratic once it imported
	 * live missing episodes after the returns in the same transaction:
	 * 14.6 s against 8.7 s for the England-scale set (docs/benchmarks.md).
	 */
	rc = conn_exec(c,
		       "PRAGMA journal_mode = WAL;"
		       "PRAGMA synchronous = NORMAL;"
		       "PRAGMA foreign_keys = ON;"
		       "PRAGMA temp_store = FILE;"
		       "PRAGMA cache_size = -65536;",
		       err);
	return rc ? rc : attach_audit(c, location, err);
}

static void lt_close(struct sql_conn *c)
{
	sqlite3_close(c->db);
	free(c);
}

/* ---- schema ------------------------------------------------------------- */

/* PRAGMA [aud.]user_version */
static int user_version(struct sql *db, const char *pragma, int *version,
			struct err *err)
{
	struct sql_stmt *s = sql_prepare(db, pragma, err);
	int rc;

	if (!s)
		return ERR_STORE;
	rc = sql_step(s);
	*version = rc == SQL_ROW ? (int)sql_col_int(s, 0) : 0;
	if (rc != SQL_ROW)
		rc = sql_fail(db, err, "user_version");
	else
		rc = 0;
	sql_finalize(db, s);
	return rc;
}

static int lt_schema_version(struct sql *db, int *version, struct err *err)
{
	return user_version(db, "PRAGMA user_version", version, err);
}

/* One integer from constant SQL; -1 (err set) if it fails. */
static int64_t scalar(struct sql *db, const char *sql, struct err *err)
{
	struct sql_stmt *s = sql_prepare(db, sql, err);
	int64_t n = -1;

	if (!s)
		return -1;
	if (sql_step(s) == SQL_ROW)
		n = sql_col_int(s, 0);
	else
		sql_fail(db, err, "counting");
	sql_finalize(db, s);
	return n;
}

/* The audit file's table, indexes and triggers, once (under the lock). */
static int audit_file_schema(struct sql *db, struct err *err)
{
	char sql[1024];
	int version, rc;

	rc = user_version(db, "PRAGMA aud.user_version", &version, err);
	if (rc || version == SQLITE_AUDIT_VERSION)
		return rc;
	rc = sql_exec(db, sqlite_audit_table, err);
	for (size_t i = 0; !rc && i < sqlite_naudit_triggers; i++) {
		const char *t = sqlite_audit_triggers[i].sql;
		const char *word = "CREATE TRIGGER ";

		if (strncmp(t, word, strlen(word)))
			BUG("audit trigger text \"%.30s\"", t);
		/* the same text in schema aud (sqlite_schema keeps it
		 * without the "aud.") */
		snprintf(sql, sizeof(sql), "%saud.%s", word, t + strlen(word));
		rc = sql_exec(db, sql, err);
	}
	if (!rc)
		rc = sql_exec(db, "PRAGMA aud.user_version = 1", err);
	return rc;
}

static int audit_file_setup(struct sql *db, struct err *err)
{
	int version, rc;

	rc = user_version(db, "PRAGMA aud.user_version", &version, err);
	if (rc || version == SQLITE_AUDIT_VERSION)
		return rc;
	if (version > SQLITE_AUDIT_VERSION)
		return err_set(err, ERR_UNSUPPORTED, "the audit file's version "
			       "%d is newer than this cartref (%d): upgrade "
			       "cartref", version, SQLITE_AUDIT_VERSION);
	rc = sql_in_tx(db, audit_file_schema, err);
	return rc ? err_set(err, rc, "setting up the audit file: %s",
			    err_text(err)) : 0;
}

/* A new store must not carry on the trail of an audit file left from
 * another (a store deleted without its audit file). */
static int audit_file_fresh(struct sql *db, struct err *err)
{
	int64_t n = scalar(db, "SELECT count(*) FROM aud.audit", err);

	if (n < 0)
		return err->code ? err->code : ERR_STORE;
	if (n)
		return err_set(err, ERR_EXISTS, "%s: a new store, but its audit "
			       "file %s-audit holds %" PRId64 " rows of another:"
			       " move that file away first",
			       sql_location(db), sql_location(db), n);
	return 0;
}

/*
 * Before migration SQLITE_AUDIT_MOVE drops main.audit: its rows into
 * aud.audit, in order (its triggers check every link).  If aud.audit
 * already holds them (a crash between this and the migration), nothing
 * to do; if it holds other rows, two trails: refuse.
 */
static int audit_copy_rows(struct sql *db, struct err *err)
{
	int64_t in_main, in_aud, same;

	/* a store set back by hand may have no main.audit: nothing to do */
	in_main = scalar(db, "SELECT count(*) FROM main.sqlite_schema"
			 " WHERE type = 'table' AND name = 'audit'", err);
	if (in_main <= 0)
		return in_main < 0 ? ERR_STORE : 0;
	in_main = scalar(db, "SELECT count(*) FROM main.audit", err);
	in_aud = scalar(db, "SELECT count(*) FROM aud.audit", err);
	same = scalar(db, "SELECT count(*) FROM main.audit m"
		      " JOIN aud.audit a ON a.id = m.id AND a.hash = m.hash",
		      err);
	if (in_main < 0 || in_aud < 0 || same < 0)
		return ERR_STORE;
	if (!in_main || same == in_main)
		return 0;
	if (in_aud)
		return err_set(err, ERR_CONSTRAINT, "the store and its audit "
			       "file hold different audit trails (%" PRId64
			       " and %" PRId64 " rows): restore the audit file "
			       "that belongs to this store", in_main, in_aud);
	return sql_exec(db, "INSERT INTO aud.audit (id, at, user_id, org_id,"
			" actor, role, action, subject_kind, subject_id,"
			" detail, ip, prev_hash, hash) SELECT id, at, user_id,"
			" org_id, actor, role, action, subject_kind,"
			" subject_id, detail, ip, prev_hash, hash"
			" FROM main.audit ORDER BY id", err);
}

static int lt_migrate(struct sql *db, struct err *err)
{
	int latest = sqlite_migrations[sqlite_nmigrations - 1].version;
	int version, rc;
	char pragma[64];

	if (latest != SQL_SCHEMA_LATEST)
		BUG("sqlite-schema.c ends at version %d, sql.h says %d",
		    latest, SQL_SCHEMA_LATEST);
	rc = lt_schema_version(db, &version, err);
	if (rc)
		return rc;
	if (version > latest)
		return err_set(err, ERR_UNSUPPORTED,
			       "store schema version %d is newer than this "
			       "cartref (%d): upgrade cartref", version, latest);
	rc = audit_file_setup(db, err);
	if (!rc && version == 0)
		rc = audit_file_fresh(db, err);
	if (rc)
		return rc;
	for (size_t i = 0; i < sqlite_nmigrations; i++) {
		const struct sqlite_migration *m = &sqlite_migrations[i];

		if (m->version <= version)
			continue;
		if (m->version == SQLITE_AUDIT_MOVE) {
			rc = sql_in_tx(db, audit_copy_rows, err);
			if (rc)
				return err_set(err, rc, "moving the audit trail "
					       "to its own file: %s",
					       err_text(err));
		}
		rc = sql_begin(db, err);
		if (rc)
			return rc;
		snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d",
			 m->version);
		for (size_t k = 0; !rc && k < ARRAY_SIZE(m->sql) && m->sql[k];
		     k++)
			rc = sql_exec(db, m->sql[k], err);
		if (!rc)
			rc = sql_exec(db, pragma, err);
		if (!rc)
			rc = sql_commit(db, err);
		if (rc) {
			sql_rollback(db);
			return err_set(err, rc, "migration %d failed",
				       m->version);
		}
	}
	return 0;
}

/*
 * The triggers on the audit table must be exactly the schema's, by name
 * and text: one missing, added or changed (say, given "WHEN 0") is not
 * the store's guard any more.
 */
static int lt_audit_protected(struct sql *db, bool *yes, struct err *err)
{
	struct sql_stmt *s;
	size_t n = 0;
	bool same = true;
	int rc;

	s = sql_prepare(db, "SELECT name, sql FROM aud.sqlite_schema"
			" WHERE type = 'trigger' AND tbl_name = 'audit'"
			" ORDER BY name", err);
	if (!s)
		return ERR_STORE;
	while ((rc = sql_step(s)) == SQL_ROW) {
		const char *name = sql_col_str(s, 0);
		const char *sql = sql_col_str(s, 1);

		if (n >= sqlite_naudit_triggers || !name || !sql ||
		    strcmp(name, sqlite_audit_triggers[n].name) ||
		    strcmp(sql, sqlite_audit_triggers[n].sql))
			same = false;
		n++;
	}
	rc = rc == SQL_DONE ? 0 : sql_fail(db, err, "audit triggers");
	sql_finalize(db, s);
	*yes = !rc && same && n == sqlite_naudit_triggers;
	return rc;
}

const struct sql_driver sql_sqlite_driver = {
	.name = "sqlite",
	.accepts = lt_accepts,
	.open = lt_open,
	.close = lt_close,
	.migrate = lt_migrate,
	.schema_version = lt_schema_version,
	.prepare = lt_prepare,
	.finalize = lt_finalize,
	.reset = lt_reset,
	.busy = lt_busy,
	.param_index = lt_param_index,
	.bind_null = lt_bind_null,
	.bind_int = lt_bind_int,
	.bind_text = lt_bind_text,
	.bind_blob = lt_bind_blob,
	.step = lt_step,
	.col_null = lt_col_null,
	.col_int = lt_col_int,
	.col_text = lt_col_text,
	.col_blob = lt_col_blob,
	.last_insert_id = lt_last_insert_id,
	.changes = lt_changes,
	.exec = lt_exec,
	.in_transaction = lt_in_transaction,
	.error = lt_error,
	.audit_protected = lt_audit_protected,
	.release_memory = lt_release_memory,
	.hooks = {
		[SQL_H_BEGIN] = "BEGIN IMMEDIATE",
	},
};
