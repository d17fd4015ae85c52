/*
 * store-sqlite.c: the SQLite backend (WAL, foreign keys on).
 *
 * Every statement is prepared once per connection from the table below
 * and reused with bound parameters; no SQL text is ever built from data.
 * Transactions nest: the outermost level is BEGIN IMMEDIATE, inner levels
 * are savepoints.
 */
#include "base/compat.h"
#include "base/clock.h"
#include "base/file.h"
#include "base/uktime.h"
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdatomic.h>
#include <time.h>
#include <unistd.h>
#include "base/parse.h"
#include "base/xalloc.h"
#include "store/sqlite-schema.h"
#include "store/sqlite-internal.h"
#include "store/store-internal.h"

enum stmt_id {
	ST_LA_PUT,
	ST_LA_GET,
	ST_COUNCILS,
	ST_OUTCODE_PUT,
	ST_POSTCODE_PUT,
	ST_POSTCODE_GET,
	ST_OUTCODE_GET,
	ST_POSTCODES_IN_LA,
	ST_OUTCODES_IN_LA,
	ST_GEO_ALL,
	ST_META_PUT,
	ST_META_GET,
	ST_PROVIDER_PUT,
	ST_HOME_PUT,
	ST_HOMES,
	ST_RETURN_DELETE,
	ST_RETURN_INSERT,
	ST_RETURN_GET,
	ST_RETURNS,
	ST_CHILDREN_OF_LA,
	ST_CHILD_INSERT,
	ST_CHILD_UPDATE,
	ST_RETURN_CHILD_PUT,
	ST_EPISODE_PUT,
	ST_MISSING_PUT,
	ST_OC2_PUT,
	ST_CHILD_ORPHANS,
	ST_LOAD_HEADER,
	ST_LOAD_EPISODES,
	ST_LOAD_MISSING,
	ST_LOAD_OC2,
	ST_N
};

static const char *const stmt_sql[ST_N] = {
	[ST_LA_PUT] =
	"INSERT INTO la (code, name_en, name_cy, country, is_lad, is_council,"
	" council_code) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
	" ON CONFLICT (code) DO UPDATE SET name_en = ?2, name_cy = ?3,"
	" country = ?4, is_lad = max(is_lad, ?5),"
	" is_council = max(is_council, ?6), council_code = ?7",
	[ST_LA_GET] =
	"SELECT code, name_en, name_cy, country, is_lad, is_council,"
	" council_code FROM la WHERE code = ?1",
	[ST_COUNCILS] =
	"SELECT code, name_en, name_cy, country, is_lad, is_council,"
	" council_code FROM la WHERE is_council = 1 AND country = ?1"
	" ORDER BY code",
	[ST_OUTCODE_PUT] =
	"INSERT OR REPLACE INTO outcode (outcode, easting, northing, la_code)"
	" VALUES (?1, ?2, ?3, ?4)",
	[ST_POSTCODE_PUT] =
	"INSERT OR REPLACE INTO postcode (postcode, easting, northing, la_code)"
	" VALUES (?1, ?2, ?3, ?4)",
	[ST_POSTCODE_GET] =
	"SELECT easting, northing, la_code FROM postcode WHERE postcode = ?1",
	[ST_OUTCODE_GET] =
	"SELECT easting, northing, la_code FROM outcode WHERE outcode = ?1",
	[ST_POSTCODES_IN_LA] =
	"SELECT postcode, easting, northing FROM postcode WHERE la_code = ?1"
	" ORDER BY postcode",
	[ST_OUTCODES_IN_LA] =
	"SELECT outcode, easting, northing FROM outcode WHERE la_code = ?1"
	" ORDER BY outcode",
	[ST_GEO_ALL] =
	"SELECT outcode, easting, northing, la_code FROM outcode"
	" UNION ALL SELECT postcode, easting, northing, la_code FROM postcode",
	[ST_META_PUT] =
	"INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)",
	[ST_META_GET] = "SELECT value FROM meta WHERE key = ?1",
	[ST_PROVIDER_PUT] =
	"INSERT INTO provider (name, type) VALUES (?1, ?2)"
	" ON CONFLICT (name) DO UPDATE SET type = ?2 RETURNING id",
	[ST_HOME_PUT] =
	"INSERT INTO home (urn, name, provider_id, la_id, postcode, places,"
	" age_min, age_max, sex_admitted, registered, closed)"
	" VALUES (?1, ?2, ?3, (SELECT id FROM la WHERE code = ?4), ?5, ?6, ?7,"
	" ?8, ?9, ?10, ?11)"
	" ON CONFLICT (urn) DO UPDATE SET name = ?2, provider_id = ?3,"
	" la_id = (SELECT id FROM la WHERE code = ?4), postcode = ?5,"
	" places = ?6, age_min = ?7, age_max = ?8, sex_admitted = ?9,"
	" registered = ?10, closed = ?11",
	[ST_HOMES] =
	"SELECT h.urn, h.name, p.name, p.type, l.code, h.postcode, h.places,"
	" h.age_min, h.age_max, h.sex_admitted, h.registered, h.closed"
	" FROM home h JOIN provider p ON p.id = h.provider_id"
	" JOIN la l ON l.id = h.la_id ORDER BY h.urn",
	[ST_RETURN_DELETE] =
	"DELETE FROM return903 WHERE la_id = ?1 AND year = ?2",
	[ST_RETURN_INSERT] =
	"INSERT INTO return903 (la_id, year, imported_at) VALUES (?1, ?2, ?3)"
	" RETURNING id",
	[ST_RETURN_GET] =
	"SELECT r.id FROM return903 r JOIN la l ON l.id = r.la_id"
	" WHERE l.code = ?1 AND r.year = ?2",
	[ST_RETURNS] =
	"SELECT l.code, r.year,"
	" (SELECT count(*) FROM return_child c WHERE c.return_id = r.id),"
	" (SELECT count(*) FROM episode e WHERE e.return_id = r.id),"
	" (SELECT count(*) FROM missing m WHERE m.return_id = r.id),"
	" (SELECT count(*) FROM oc2 o WHERE o.return_id = r.id)"
	" FROM return903 r JOIN la l ON l.id = r.la_id ORDER BY l.code, r.year",
	[ST_CHILDREN_OF_LA] =
	"SELECT child_ref, id, attr_year FROM child WHERE la_id = ?1"
	" ORDER BY child_ref",
	[ST_CHILD_INSERT] =
	"INSERT INTO child (la_id, child_ref, sex, dob, ethnic, upn, attr_year)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[ST_CHILD_UPDATE] =
	"UPDATE child SET sex = ?3, dob = ?4, ethnic = ?5, upn = ?6,"
	" attr_year = ?7 WHERE id = ?1",
	[ST_RETURN_CHILD_PUT] =
	"INSERT INTO return_child (return_id, child_id, sex, dob, ethnic, upn,"
	" mother, mc_dob) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[ST_EPISODE_PUT] =
	"INSERT INTO episode (return_id, child_id, decom, rne, ls, cin, place,"
	" place_provider, dec, rec, reason_place_change, home_post, pl_post,"
	" urn, pl_distance, pl_la) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
	" ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
	[ST_MISSING_PUT] =
	"INSERT INTO missing (return_id, child_id, kind, start, end)"
	" VALUES (?1, ?2, ?3, ?4, ?5)",
	[ST_OC2_PUT] =
	"INSERT INTO oc2 (return_id, child_id, sdq_score, sdq_reason,"
	" convicted, health_check, immunisations, teeth_check,"
	" health_assessment, substance_misuse, intervention_received,"
	" intervention_offered) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
	" ?10, ?11, ?12)",
	[ST_CHILD_ORPHANS] =
	"DELETE FROM child WHERE la_id = ?1 AND NOT EXISTS"
	" (SELECT 1 FROM return_child rc WHERE rc.child_id = child.id)",
	[ST_LOAD_HEADER] =
	"SELECT c.child_ref, rc.sex, rc.dob, rc.ethnic, rc.upn, rc.mother,"
	" rc.mc_dob FROM return_child rc JOIN child c ON c.id = rc.child_id"
	" WHERE rc.return_id = ?1 ORDER BY c.child_ref",
	[ST_LOAD_EPISODES] =
	"SELECT c.child_ref, e.decom, e.rne, e.ls, e.cin, e.place,"
	" e.place_provider, e.dec, e.rec, e.reason_place_change, e.home_post,"
	" e.pl_post, e.urn FROM episode e JOIN child c ON c.id = e.child_id"
	" WHERE e.return_id = ?1 ORDER BY c.child_ref, e.decom, e.id",
	[ST_LOAD_MISSING] =
	"SELECT c.child_ref, rc.dob, m.kind, m.start, m.end FROM missing m"
	" JOIN child c ON c.id = m.child_id"
	" JOIN return_child rc ON rc.return_id = m.return_id"
	"  AND rc.child_id = m.child_id"
	" WHERE m.return_id = ?1 ORDER BY c.child_ref, m.start, m.id",
	[ST_LOAD_OC2] =
	"SELECT c.child_ref, rc.dob, o.sdq_score, o.sdq_reason, o.convicted,"
	" o.health_check, o.immunisations, o.teeth_check, o.health_assessment,"
	" o.substance_misuse, o.intervention_received, o.intervention_offered"
	" FROM oc2 o JOIN child c ON c.id = o.child_id"
	" JOIN return_child rc ON rc.return_id = o.return_id"
	"  AND rc.child_id = o.child_id"
	" WHERE o.return_id = ?1 ORDER BY c.child_ref",
};

/* Statements of the other sqlite-*.c files (sq_cached()), at most. */
#define SQ_CACHE_MAX 256

struct sq {
	sqlite3 *db;
	sqlite3_stmt *st[ST_N];
	int depth;		/* transaction nesting */
	bool pending_done;	/* audit_pending emptied in this transaction */
	/* sq_cached(): by the address of their constant SQL text */
	const char *cache_sql[SQ_CACHE_MAX];
	sqlite3_stmt *cache_st[SQ_CACHE_MAX];
	size_t ncache;
};

sqlite3 *sq_handle(void *impl)
{
	return ((struct sq *)impl)->db;
}

bool sq_nested(void *impl)
{
	return ((struct sq *)impl)->depth > 1;
}

bool sq_first_pending(void *impl)
{
	struct sq *q = impl;
	bool first = !q->pending_done;

	q->pending_done = true;
	return first;
}

static int db_err(struct sq *q, struct err *err, const char *what)
{
	int ext = sqlite3_extended_errcode(q->db);
	int code = ERR_STORE;

	if ((ext & 0xff) == SQLITE_CONSTRAINT)
		code = ERR_CONSTRAINT;
	return err_set(err, code, "%s: %s", what, sqlite3_errmsg(q->db));
}

/*
 * Test hooks (issue 10; docs/security.md, "failure drills"): with
 * CARTREF_FAIL_AT=N in the environment the Nth statement this process
 * runs through the store fails, once, as a disk that fails would make it
 * (SQLite's I/O-error tests, curl's torture tests); with CARTREF_CRASH_AT=N
 * the process is killed there (SIGKILL, as kill -9).  A statement counts
 * where it is prepared or taken from the cache (stmt(), sq_cached()) or
 * run as text (exec()); the rollback of a failure is never failed, so
 * that what is tested is the caller's handling, not SQLite's.  Unset, the
 * cost is two relaxed atomic loads.  tests/t/t0960-fail.sh and
 * t0950-crash.sh use them; no deployment sets them.
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

static int torture(struct err *err)
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

/* The cached statement id, reset and with bindings cleared. */
static sqlite3_stmt *stmt(struct sq *q, enum stmt_id id, struct err *err)
{
	sqlite3_stmt *s = q->st[id];

	if (torture(err))
		return NULL;
	if (!s) {
		if (sqlite3_prepare_v3(q->db, stmt_sql[id], -1,
				       SQLITE_PREPARE_PERSISTENT, &s, NULL)) {
			db_err(q, err, "prepare");
			return NULL;
		}
		q->st[id] = s;
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return s;
}

sqlite3_stmt *sq_cached(void *impl, const char *sql, struct err *err)
{
	struct sq *q = impl;
	sqlite3_stmt *s = NULL;

	if (torture(err))
		return NULL;
	for (size_t i = 0; i < q->ncache; i++)
		if (q->cache_sql[i] == sql) {
			s = q->cache_st[i];
			break;
		}
	if (!s) {
		if (q->ncache == SQ_CACHE_MAX)
			BUG("more than %d cached statements: is the SQL text "
			    "a constant?", SQ_CACHE_MAX);
		if (sqlite3_prepare_v3(q->db, sql, -1,
				       SQLITE_PREPARE_PERSISTENT, &s, NULL)) {
			db_err(q, err, "prepare");
			return NULL;
		}
		q->cache_sql[q->ncache] = sql;
		q->cache_st[q->ncache++] = s;
	} else if (sqlite3_stmt_busy(s)) {
		/* a caller still stepping it (a callback that re-enters the
		 * same query): resetting it here would cut that caller short */
		BUG("cached statement in use twice: %.60s", sql);
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return s;
}

static int exec(struct sq *q, const char *sql, struct err *err)
{
	char *msg = NULL;

	if (err && torture(err))	/* err NULL: a rollback */
		return ERR_STORE;
	if (sqlite3_exec(q->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		err_set(err, ERR_STORE, "%s", msg ? msg : "sqlite error");
		sqlite3_free(msg);
		return ERR_STORE;
	}
	return 0;
}

/* Bind helpers: blank text and DATE_NONE / negative ints become NULL. */
static void bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v && *v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, i);
}

static void bind_date(sqlite3_stmt *s, int i, int32_t d)
{
	char iso[DATE_STR_MAX];

	if (d == DATE_NONE) {
		sqlite3_bind_null(s, i);
		return;
	}
	date_fmt_iso(d, iso);
	sqlite3_bind_text(s, i, iso, -1, SQLITE_TRANSIENT);
}

static void bind_opt_int(sqlite3_stmt *s, int i, int32_t v)
{
	if (v < 0)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_int(s, i, v);
}

/* Column readers shared with sqlite-history.c (sqlite-internal.h). */
void sq_col_text(sqlite3_stmt *s, int i, char *out, size_t cap)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	size_t n = t ? (size_t)sqlite3_column_bytes(s, i) : 0;

	/* a hot path when loading histories: no printf */
	if (n >= cap)
		n = cap - 1;
	if (n)
		memcpy(out, t, n);
	out[n] = '\0';
}

int32_t sq_col_date(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	int32_t d;

	if (!t || parse_date_iso((const char *)t, &d))
		return DATE_NONE;
	return d;
}

int32_t sq_col_opt_int(sqlite3_stmt *s, int i)
{
	if (sqlite3_column_type(s, i) == SQLITE_NULL)
		return -1;
	return sqlite3_column_int(s, i);
}

int64_t sq_col_time(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	int64_t ms;

	if (!t || store_time_parse((const char *)t, &ms))
		return 0;
	return ms;
}

void sq_bind_time(sqlite3_stmt *s, int i, int64_t ms)
{
	char t[STORE_TIME_MAX];

	if (!ms) {
		sqlite3_bind_null(s, i);
		return;
	}
	store_time_fmt(ms, t);
	sqlite3_bind_text(s, i, t, -1, SQLITE_TRANSIENT);
}

/* Run a statement that returns no rows (or whose rows we ignore). */
static int step_done(struct sq *q, sqlite3_stmt *s, struct err *err,
		     const char *what)
{
	int rc = sqlite3_step(s);

	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return db_err(q, err, what);
	return 0;
}

/* Run a statement returning one integer (RETURNING id, count(*)). */
static int step_id(struct sq *q, sqlite3_stmt *s, int64_t *id,
		   struct err *err, const char *what)
{
	int rc = sqlite3_step(s);

	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		sqlite3_reset(s);
		return 0;
	}
	if (rc == SQLITE_DONE)
		return err_set(err, ERR_NOT_FOUND, "%s: no row", what);
	return db_err(q, err, what);
}

/* ---- lifecycle and migrations ------------------------------------------ */

static bool sq_accepts(const char *location)
{
	return strncmp(location, "postgres://", 11) &&
	       strncmp(location, "postgresql://", 13);
}

/*
 * The store holds children's records: refuse one that every account can
 * read (with its -wal, -shm and -journal, and the audit file's), and
 * make a new one with the private mode before SQLite opens it, since
 * SQLite gives the main file the umask's mode and the -wal and -shm files
 * the main file's (base/file.h).  ":memory:" and "file:" URIs are left to SQLite.
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

/*
 * Attach the audit trail's file as schema "aud" (sqlite-schema.c): for a
 * store FILE, "FILE-audit", created private if missing (file_mode():
 * 0600, or 0640 with --group-readable; an empty file is an empty
 * database; SQLite gives its -wal and -shm the same mode); for ":memory:", a memory database of this connection's own.
 * Its commits leave the store file's WAL alone, so they no longer empty
 * every other connection's cache of the data.
 *
 * O_EXCL: the file is opened (and closed) here only when this call made
 * it.  Closing any descriptor of a file drops every POSIX lock this
 * process holds on it, so opening an audit file that another connection
 * of the server already uses, even just to close it, would drop that
 * connection's SQLite locks and let the file be corrupted.
 */
static int attach_audit(struct sq *q, const char *location, struct err *err)
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
	rc = sqlite3_prepare_v2(q->db, "ATTACH ?1 AS aud", -1, &s, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(s, 1, memory ? ":memory:" : path, -1,
				  SQLITE_STATIC);
		rc = sqlite3_step(s);
	}
	if (rc != SQLITE_DONE)
		err_set(err, ERR_IO, "%s: cannot attach the audit file: %s",
			memory ? location : path, sqlite3_errmsg(q->db));
	sqlite3_finalize(s);
	free(path);
	if (rc != SQLITE_DONE)
		return ERR_IO;
	return exec(q,
		    "PRAGMA aud.journal_mode = WAL;"
		    "PRAGMA aud.synchronous = NORMAL;",
		    err);
}

static int sq_open(void **impl, const char *location, struct err *err)
{
	struct sq *q = xcalloc(1, sizeof(*q));
	int rc;

	torture_init();
	*impl = q;
	rc = private_files(location, err);
	if (rc)
		return rc;
	rc = sqlite3_open_v2(location, &q->db,
			     SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
				     SQLITE_OPEN_NOMUTEX,
			     NULL);
	if (rc != SQLITE_OK) {
		err_set(err, ERR_IO, "%s: cannot open store: %s", location,
			q->db ? sqlite3_errmsg(q->db) : sqlite3_errstr(rc));
		return ERR_IO;
	}
	sqlite3_extended_result_codes(q->db, 1);
	sqlite3_busy_timeout(q->db, 5000);
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
	rc = exec(q,
		  "PRAGMA journal_mode = WAL;"
		  "PRAGMA synchronous = NORMAL;"
		  "PRAGMA foreign_keys = ON;"
		  "PRAGMA temp_store = FILE;"
		  "PRAGMA cache_size = -65536;",
		  err);
	return rc ? rc : attach_audit(q, location, err);
}

static void sq_close(void *impl)
{
	struct sq *q = impl;

	for (int i = 0; i < ST_N; i++)
		sqlite3_finalize(q->st[i]);
	for (size_t i = 0; i < q->ncache; i++)
		sqlite3_finalize(q->cache_st[i]);
	sqlite3_close(q->db);
	free(q);
}

/* PRAGMA [aud.]user_version */
static int user_version(struct sq *q, const char *pragma, int *version,
			struct err *err)
{
	sqlite3_stmt *s;
	int rc;

	if (sqlite3_prepare_v2(q->db, pragma, -1, &s, NULL))
		return db_err(q, err, "user_version");
	rc = sqlite3_step(s);
	*version = rc == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 0 : db_err(q, err, "user_version");
}

static int sq_schema_version(void *impl, int *version, struct err *err)
{
	return user_version(impl, "PRAGMA user_version", version, err);
}

/* Run the statements of one transaction; roll back if one fails. */
static int in_transaction(struct sq *q, int (*fn)(struct sq *, struct err *),
			  struct err *err)
{
	int rc = exec(q, "BEGIN IMMEDIATE", err);

	if (rc)
		return rc;
	rc = fn(q, err);
	if (!rc)
		rc = exec(q, "COMMIT", err);
	if (rc)
		exec(q, "ROLLBACK", NULL);
	return rc;
}

/* The audit file's table, indexes and triggers, once (under the lock). */
static int audit_file_schema(struct sq *q, struct err *err)
{
	char sql[1024];
	int version, rc;

	rc = user_version(q, "PRAGMA aud.user_version", &version, err);
	if (rc || version == SQLITE_AUDIT_VERSION)
		return rc;
	rc = exec(q, sqlite_audit_table, err);
	for (size_t i = 0; !rc && i < sqlite_naudit_triggers; i++) {
		const char *t = sqlite_audit_triggers[i].sql;
		const char *word = "CREATE TRIGGER ";

		if (strncmp(t, word, strlen(word)))
			BUG("audit trigger text \"%.30s\"", t);
		/* the same text in schema aud (sqlite_schema keeps it
		 * without the "aud.") */
		snprintf(sql, sizeof(sql), "%saud.%s", word, t + strlen(word));
		rc = exec(q, sql, err);
	}
	if (!rc)
		rc = exec(q, "PRAGMA aud.user_version = 1", err);
	return rc;
}

static int audit_file_setup(struct sq *q, struct err *err)
{
	int version, rc;

	rc = user_version(q, "PRAGMA aud.user_version", &version, err);
	if (rc || version == SQLITE_AUDIT_VERSION)
		return rc;
	if (version > SQLITE_AUDIT_VERSION)
		return err_set(err, ERR_UNSUPPORTED, "the audit file's version "
			       "%d is newer than this cartref (%d): upgrade "
			       "cartref", version, SQLITE_AUDIT_VERSION);
	rc = in_transaction(q, audit_file_schema, err);
	return rc ? err_set(err, rc, "setting up the audit file: %s",
			    err_text(err)) : 0;
}

/* A new store must not carry on the trail of an audit file left from
 * another (a store deleted without its audit file). */
static int audit_file_fresh(struct sq *q, struct err *err)
{
	sqlite3_stmt *s = NULL;
	int64_t n = -1;

	if (sqlite3_prepare_v2(q->db, "SELECT count(*) FROM aud.audit", -1, &s,
			       NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (n < 0)
		return db_err(q, err, "counting audit rows");
	if (n)
		return err_set(err, ERR_EXISTS, "%s: a new store, but its audit "
			       "file %s-audit holds %" PRId64 " rows of another:"
			       " move that file away first",
			       sqlite3_db_filename(q->db, "main"),
			       sqlite3_db_filename(q->db, "main"), n);
	return 0;
}

/*
 * Before migration SQLITE_AUDIT_MOVE drops main.audit: its rows into
 * aud.audit, in order (its triggers check every link).  If aud.audit
 * already holds them (a crash between this and the migration), nothing
 * to do; if it holds other rows, two trails: refuse.
 */
static int audit_copy_rows(struct sq *q, struct err *err)
{
	sqlite3_stmt *s = NULL;
	int64_t in_main = 0, in_aud = 0, same = 0;
	int rc;

	/* a store set back by hand may have no main.audit: nothing to do */
	rc = sqlite3_prepare_v2(q->db, "SELECT count(*) FROM main.sqlite_schema"
				" WHERE type = 'table' AND name = 'audit'", -1,
				&s, NULL);
	if (rc == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
		in_main = sqlite3_column_int64(s, 0);
	else
		rc = db_err(q, err, "looking for main.audit");
	sqlite3_finalize(s);
	if (rc || !in_main)
		return rc;
	rc = sqlite3_prepare_v2(q->db, "SELECT"
				" (SELECT count(*) FROM main.audit),"
				" (SELECT count(*) FROM aud.audit),"
				" (SELECT count(*) FROM main.audit m"
				"  JOIN aud.audit a ON a.id = m.id"
				"  AND a.hash = m.hash)", -1, &s, NULL);
	if (rc == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW) {
		in_main = sqlite3_column_int64(s, 0);
		in_aud = sqlite3_column_int64(s, 1);
		same = sqlite3_column_int64(s, 2);
		rc = SQLITE_OK;
	} else {
		rc = db_err(q, err, "counting audit rows");
	}
	sqlite3_finalize(s);
	if (rc || !in_main || same == in_main)
		return rc;
	if (in_aud)
		return err_set(err, ERR_CONSTRAINT, "the store and its audit "
			       "file hold different audit trails (%" PRId64
			       " and %" PRId64 " rows): restore the audit file "
			       "that belongs to this store", in_main, in_aud);
	return exec(q, "INSERT INTO aud.audit (id, at, user_id, org_id, actor,"
		    " role, action, subject_kind, subject_id, detail, ip,"
		    " prev_hash, hash) SELECT id, at, user_id, org_id, actor,"
		    " role, action, subject_kind, subject_id, detail, ip,"
		    " prev_hash, hash FROM main.audit ORDER BY id", err);
}

int store_sqlite_latest(void)
{
	return sqlite_migrations[sqlite_nmigrations - 1].version;
}

static int audit_restore(struct sq *q, struct err *err)
{
	return sq_audit_restore(q, err);
}

static int sq_migrate(void *impl, struct err *err)
{
	struct sq *q = impl;
	bool lost;
	int version, rc;
	char pragma[64];

	rc = sq_schema_version(q, &version, err);
	if (rc)
		return rc;
	if (version > store_sqlite_latest())
		return err_set(err, ERR_UNSUPPORTED,
			       "store schema version %d is newer than this "
			       "cartref (%d): upgrade cartref",
			       version, store_sqlite_latest());
	rc = audit_file_setup(q, err);
	if (!rc && version == 0)
		rc = audit_file_fresh(q, err);
	if (rc)
		return rc;
	for (size_t i = 0; i < sqlite_nmigrations; i++) {
		const struct sqlite_migration *m = &sqlite_migrations[i];

		if (m->version <= version)
			continue;
		if (m->version == SQLITE_AUDIT_MOVE) {
			rc = in_transaction(q, audit_copy_rows, err);
			if (rc)
				return err_set(err, rc, "moving the audit trail "
					       "to its own file: %s",
					       err_text(err));
		}
		rc = exec(q, "BEGIN IMMEDIATE", err);
		if (rc)
			return rc;
		snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d",
			 m->version);
		for (size_t k = 0; !rc && k < ARRAY_SIZE(m->sql) && m->sql[k];
		     k++)
			rc = exec(q, m->sql[k], err);
		if (!rc)
			rc = exec(q, pragma, err);
		if (!rc)
			rc = exec(q, "COMMIT", err);
		if (rc) {
			exec(q, "ROLLBACK", NULL);
			return err_set(err, rc, "migration %d failed",
				       m->version);
		}
	}
	/* a change kept without its audit rows by a crash: restore them */
	rc = sq_audit_lost(q, &lost, err);
	return rc || !lost ? rc : in_transaction(q, audit_restore, err);
}

static int sq_begin(void *impl, struct err *err)
{
	struct sq *q = impl;
	char sql[48];
	int rc;

	if (q->depth == 0) {
		rc = exec(q, "BEGIN IMMEDIATE", err);
		q->pending_done = false;
	} else {
		snprintf(sql, sizeof(sql), "SAVEPOINT s%d", q->depth);
		rc = exec(q, sql, err);
	}
	if (!rc)
		q->depth++;
	return rc;
}

static int sq_commit(void *impl, struct err *err)
{
	struct sq *q = impl;
	char sql[48];
	int rc;

	if (q->depth <= 0)
		return err_set(err, ERR_STORE, "commit outside a transaction");
	if (q->depth == 1)
		rc = exec(q, "COMMIT", err);
	else {
		snprintf(sql, sizeof(sql), "RELEASE s%d", q->depth - 1);
		rc = exec(q, sql, err);
	}
	if (!rc)
		q->depth--;
	return rc;
}

static void sq_rollback(void *impl)
{
	struct sq *q = impl;
	char sql[64];

	if (q->depth <= 0)
		return;
	if (q->depth == 1) {
		exec(q, "ROLLBACK", NULL);
	} else {
		snprintf(sql, sizeof(sql), "ROLLBACK TO s%d; RELEASE s%d",
			 q->depth - 1, q->depth - 1);
		exec(q, sql, NULL);
	}
	q->depth--;
}

/* ---- geography ---------------------------------------------------------- */

static bool sq_geo_loaded(void *impl)
{
	struct sq *q = impl;
	sqlite3_stmt *s = stmt(q, ST_META_GET, NULL);
	bool loaded;

	if (!s)
		return false;
	sqlite3_bind_text(s, 1, "geography", -1, SQLITE_STATIC);
	loaded = sqlite3_step(s) == SQLITE_ROW;
	sqlite3_reset(s);
	return loaded;
}

static int sq_geo_mark_loaded(void *impl, const char *source, struct err *err)
{
	struct sq *q = impl;
	sqlite3_stmt *s = stmt(q, ST_META_PUT, err);

	if (!s)
		return ERR_STORE;
	sqlite3_bind_text(s, 1, "geography", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, source, -1, SQLITE_TRANSIENT);
	return step_done(q, s, err, "mark geography loaded");
}

static int sq_la_put(void *impl, const struct la *la, struct err *err)
{
	struct sq *q = impl;
	sqlite3_stmt *s = stmt(q, ST_LA_PUT, err);

	if (!s)
		return ERR_STORE;
	sqlite3_bind_text(s, 1, la->code, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, la->name_en, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, la->name_cy, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 4, la->country, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(s, 5, la->is_lad);
	sqlite3_bind_int(s, 6, la->is_council);
	sqlite3_bind_text(s, 7, la->council[0] ? la->council : la->code, -1,
			  SQLITE_TRANSIENT);
	return step_done(q, s, err, la->code);
}

static int grid_put(struct sq *q, enum stmt_id id, const char *key,
		    const struct grid_ref *g, const char *la, struct err *err)
{
	sqlite3_stmt *s = stmt(q, id, err);

	if (!s)
		return ERR_STORE;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(s, 2, g->easting);
	sqlite3_bind_int(s, 3, g->northing);
	bind_text(s, 4, la);
	return step_done(q, s, err, key);
}

static int sq_outcode_put(void *impl, const char *outcode,
			  const struct grid_ref *g, const char *la,
			  struct err *err)
{
	return grid_put(impl, ST_OUTCODE_PUT, outcode, g, la, err);
}

static int sq_postcode_put(void *impl, const char *postcode,
			   const struct grid_ref *g, const char *la,
			   struct err *err)
{
	return grid_put(impl, ST_POSTCODE_PUT, postcode, g, la, err);
}

static void la_from_row(sqlite3_stmt *s, struct la *la)
{
	sq_col_text(s, 0, la->code, sizeof(la->code));
	sq_col_text(s, 1, la->name_en, sizeof(la->name_en));
	sq_col_text(s, 2, la->name_cy, sizeof(la->name_cy));
	sq_col_text(s, 3, la->country, sizeof(la->country));
	la->is_lad = sqlite3_column_int(s, 4);
	la->is_council = sqlite3_column_int(s, 5);
	sq_col_text(s, 6, la->council, sizeof(la->council));
}

static int sq_la_get(void *impl, const char *code, struct la *out,
		     struct err *err)
{
	struct sq *q = impl;
	sqlite3_stmt *s = stmt(q, ST_LA_GET, err);
	int rc;

	if (!s)
		return ERR_STORE;
	sqlite3_bind_text(s, 1, code, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		la_from_row(s, out);
		sqlite3_reset(s);
		return 0;
	}
	if (rc == SQLITE_DONE)
		return err_set(err, ERR_NOT_FOUND,
			       "no local authority with code \"%s\"", code);
	return db_err(q, err, "la_get");
}

/*
 * Iterate a statement's rows into fn.  A non-zero return from fn stops
 * the walk and is returned.  The statement is reset after, so callbacks
 * may not use the same statement.
 */
#define EACH_ROW(q, s, err, what, body)                                   \
	do {                                                              \
		int each_rc_;                                             \
		while ((each_rc_ = sqlite3_step(s)) == SQLITE_ROW) {      \
			int cb_rc_;                                       \
			body;                                             \
			if (cb_rc_) {                                     \
				sqlite3_reset(s);                         \
				return cb_rc_;                            \
			}                                                 \
		}                                                         \
		if (each_rc_ != SQLITE_DONE)                              \
			return db_err(q, err, what);                      \
		sqlite3_reset(s);                                         \
	} while (0)

static int sq_councils_each(void *impl, const char *country, store_la_fn *fn,
			    void *ctx, struct err *err)
{
	struct sq *q = impl;
	sqlite3_stmt *s = stmt(q, ST_COUNCILS, err);
	struct la la;

	if (!s)
		return ERR_STORE;
	sqlite3_bind_text(s, 1, country, -1, SQLITE_TRANSIENT);
	EACH_ROW(q, s, err, "councils", {
		la_from_row(s, &la);
		cb_rc_ = fn(&la, ctx);
	});
	return 0;
}

static int locate_in(struct sq *q, enum stmt_id id, const char *key,
		     struct grid_ref *out, char *la_out, struct err *err)
{
	sqlite3_stmt *s = stmt(q, id, err);
	int rc;

	if (!s)
		return ERR_STORE;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		out->easting = sqlite3_column_int(s, 0);
		out->northing = sqlite3_column_int(s, 1);
		if (la_out)
			sq_col_text(s, 2, la_out, LA_CODE_MAX + 1);
		sqlite3_reset(s);
		return 0;
	}
	sqlite3_reset(s);
	if (rc == SQLITE_DONE)
		return ERR_NOT_FOUND;
	return db_err(q, err, "postcode lookup");
}

static int sq_postcode_locate(void *impl, const char *postcode,
			      struct grid_ref *out, bool *exact, char *la_out,
			      struct err *err)
{
	struct sq *q = impl;
	char district[POSTCODE_MAX + 1];
	int rc;

	rc = locate_in(q, ST_POSTCODE_GET, postcode, out, la_out, err);
	if (rc != ERR_NOT_FOUND) {
		*exact = true;
		return rc;
	}
	postcode_district(postcode, district);
	rc = locate_in(q, ST_OUTCODE_GET, district, out, la_out, err);
	*exact = false;
	if (rc == ERR_NOT_FOUND)
		return err_set(err, ERR_NOT_FOUND,
			       "postcode \"%s\" is not known", postcode);
	return rc;
}

static int grid_each(struct sq *q, enum stmt_id id, const char *la,
		     store_postcode_fn *fn, void *ctx, struct err *err)
{
	sqlite3_stmt *s = stmt(q, id, err);
	char pc[POSTCODE_MAX + 1];
	struct grid_ref g;

	if (!s)
		return ERR_STORE;
	sqlite3_bind_text(s, 1, la, -1, SQLITE_TRANSIENT);
	EACH_ROW(q, s, err, "postcodes", {
		sq_col_text(s, 0, pc, sizeof(pc));
		g.easting = sqlite3_column_int(s, 1);
		g.northing = sqlite3_column_int(s, 2);
		cb_rc_ = fn(pc, &g, ctx);
	});
	return 0;
}

static int sq_postcodes_in_la(void *impl, const char *la,
			      store_postcode_fn *fn, void *ctx,
			      struct err *err)
{
	return grid_each(impl, ST_POSTCODES_IN_LA, la, fn, ctx, err);
}

static int sq_geo_each(void *impl, store_geo_fn *fn, void *ctx,
		       struct err *err)
{
	struct sq *q = impl;
	sqlite3_stmt *s = stmt(q, ST_GEO_ALL, err);
	char key[POSTCODE_MAX + 1], la[LA_CODE_MAX + 1];
	struct grid_ref g;

	if (!s)
		return ERR_STORE;
	EACH_ROW(q, s, err, "geography", {
		sq_col_text(s, 0, key, sizeof(key));
		g.easting = sqlite3_column_int(s, 1);
		g.northing = sqlite3_column_int(s, 2);
		sq_col_text(s, 3, la, sizeof(la));
		cb_rc_ = fn(key, &g, la, ctx);
	});
	return 0;
}

static int sq_outcodes_in_la(void *impl, const char *la,
			     store_postcode_fn *fn, void *ctx, struct err *err)
{
	return grid_each(impl, ST_OUTCODES_IN_LA, la, fn, ctx, err);
}

/* ---- homes -------------------------------------------------------------- */

static int home_put(struct sq *q, const struct home *h, struct err *err)
{
	sqlite3_stmt *s = stmt(q, ST_PROVIDER_PUT, err);
	int64_t provider;
	int rc;

	if (!s)
		return ERR_STORE;
	sqlite3_bind_text(s, 1, h->provider, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, provider_type_name(h->provider_type), -1,
			  SQLITE_STATIC);
	rc = step_id(q, s, &provider, err, "provider");
	if (rc)
		return rc;
	s = stmt(q, ST_HOME_PUT, err);
	if (!s)
		return ERR_STORE;
	sqlite3_bind_text(s, 1, h->urn, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, h->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 3, provider);
	sqlite3_bind_text(s, 4, h->la, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 5, h->postcode, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(s, 6, h->places);
	sqlite3_bind_int(s, 7, h->age_min);
	sqlite3_bind_int(s, 8, h->age_max);
	sqlite3_bind_text(s, 9, sex_admitted_name(h->sex_admitted), -1,
			  SQLITE_STATIC);
	bind_date(s, 10, h->registered);
	bind_date(s, 11, h->closed);
	return step_done(q, s, err, h->urn);
}

/* The provider and the home together or not at all. */
static int sq_home_put(void *impl, const struct home *h, struct err *err)
{
	struct sq *q = impl;
	int rc = sq_begin(q, err);

	if (rc)
		return rc;
	rc = home_put(q, h, err);
	if (rc) {
		sq_rollback(q);
		return rc;
	}
	return sq_commit(q, err);
}

static int sq_homes_each(void *impl, store_home_fn *fn, void *ctx,
			 struct err *err)
{
	struct sq *q = impl;
	sqlite3_stmt *s = stmt(q, ST_HOMES, err);
	struct home h;
	char word[16];

	if (!s)
		return ERR_STORE;
	EACH_ROW(q, s, err, "homes", {
		memset(&h, 0, sizeof(h));
		sq_col_text(s, 0, h.urn, sizeof(h.urn));
		sq_col_text(s, 1, h.name, sizeof(h.name));
		sq_col_text(s, 2, h.provider, sizeof(h.provider));
		sq_col_text(s, 3, word, sizeof(word));
		provider_type_parse(word, &h.provider_type);
		sq_col_text(s, 4, h.la, sizeof(h.la));
		sq_col_text(s, 5, h.postcode, sizeof(h.postcode));
		h.places = sqlite3_column_int(s, 6);
		h.age_min = sqlite3_column_int(s, 7);
		h.age_max = sqlite3_column_int(s, 8);
		sq_col_text(s, 9, word, sizeof(word));
		sex_admitted_parse(word, &h.sex_admitted);
		h.registered = sq_col_date(s, 10);
		h.closed = sq_col_date(s, 11);
		cb_rc_ = fn(&h, ctx);
	});
	return 0;
}

/* ---- SSDA903 returns ---------------------------------------------------- */

/* Child ids of a return being written, parallel to r->header (sorted). */
static int64_t child_id_of(const struct s903_return *r, const int64_t *ids,
			   const char *child)
{
	size_t lo = 0, hi = r->nheader;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(r->header[mid].child, child);

		if (!c)
			return ids[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* A council's children already in the store, sorted by child_ref. */
struct known_child {
	char ref[S903_CHILD_MAX + 1];
	int64_t id;
	int attr_year;
};

struct known {
	struct known_child *v;
	size_t n, alloc;
};

static int load_known(struct sq *q, int64_t la_id, struct known *k,
		      struct err *err)
{
	sqlite3_stmt *s = stmt(q, ST_CHILDREN_OF_LA, err);

	if (!s)
		return ERR_STORE;
	sqlite3_bind_int64(s, 1, la_id);
	EACH_ROW(q, s, err, "children of council", {
		struct known_child *c;

		ALLOC_GROW(k->v, k->n + 1, k->alloc);
		c = &k->v[k->n++];
		sq_col_text(s, 0, c->ref, sizeof(c->ref));
		c->id = sqlite3_column_int64(s, 1);
		c->attr_year = sqlite3_column_int(s, 2);
		cb_rc_ = 0;
	});
	return 0;
}

static const struct known_child *find_known(const struct known *k,
					    const char *ref)
{
	size_t lo = 0, hi = k->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(k->v[mid].ref, ref);

		if (!c)
			return &k->v[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/*
 * Insert the return's children, or update a known child's attributes
 * when this return is at least as recent as the one they came from.
 * One query loads the council's known children, so no per-row lookup
 * (and no RETURNING, which costs SQLite a temporary table per row).
 */
static int write_children(struct sq *q, const struct s903_return *r,
			  int64_t la_id, int64_t ret_id, int64_t *ids,
			  struct err *err)
{
	struct known k = { NULL, 0, 0 };
	int rc = load_known(q, la_id, &k, err);

	for (size_t i = 0; !rc && i < r->nheader; i++) {
		const struct s903_header *h = &r->header[i];
		const struct known_child *kc = find_known(&k, h->child);
		sqlite3_stmt *s;

		if (kc && kc->attr_year > r->year) {
			ids[i] = kc->id;
		} else {
			s = stmt(q, kc ? ST_CHILD_UPDATE : ST_CHILD_INSERT, err);
			if (!s) {
				rc = ERR_STORE;
				break;
			}
			if (kc)
				sqlite3_bind_int64(s, 1, kc->id);
			else
				sqlite3_bind_int64(s, 1, la_id);
			sqlite3_bind_text(s, 2, h->child, -1, SQLITE_STATIC);
			sqlite3_bind_text(s, 3, h->sex, -1, SQLITE_STATIC);
			bind_date(s, 4, h->dob);
			sqlite3_bind_text(s, 5, h->ethnic, -1, SQLITE_STATIC);
			bind_text(s, 6, h->upn);
			sqlite3_bind_int(s, 7, r->year);
			rc = step_done(q, s, err, h->child);
			if (rc)
				break;
			ids[i] = kc ? kc->id : sqlite3_last_insert_rowid(q->db);
		}
		s = stmt(q, ST_RETURN_CHILD_PUT, err);
		if (!s) {
			rc = ERR_STORE;
			break;
		}
		sqlite3_bind_int64(s, 1, ret_id);
		sqlite3_bind_int64(s, 2, ids[i]);
		sqlite3_bind_text(s, 3, h->sex, -1, SQLITE_STATIC);
		bind_date(s, 4, h->dob);
		sqlite3_bind_text(s, 5, h->ethnic, -1, SQLITE_STATIC);
		bind_text(s, 6, h->upn);
		bind_opt_int(s, 7, h->mother);
		bind_date(s, 8, h->mc_dob);
		rc = step_done(q, s, err, h->child);
	}
	free(k.v);
	return rc;
}

static int missing_child(struct err *err, const char *table,
			 const char *child)
{
	return err_set(err, ERR_INVALID, "%s row for child %s not in Header",
		       table, child);
}

static int write_rows(struct sq *q, const struct s903_return *r,
		      int64_t ret_id, const int64_t *ids, struct err *err)
{
	int rc;

	for (size_t i = 0; i < r->nepisodes; i++) {
		const struct s903_episode *e = &r->episodes[i];
		int64_t cid = child_id_of(r, ids, e->child);
		sqlite3_stmt *s = stmt(q, ST_EPISODE_PUT, err);

		if (!s)
			return ERR_STORE;
		if (cid < 0)
			return missing_child(err, "Episodes", e->child);
		sqlite3_bind_int64(s, 1, ret_id);
		sqlite3_bind_int64(s, 2, cid);
		bind_date(s, 3, e->decom);
		sqlite3_bind_text(s, 4, e->rne, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 5, e->ls, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 6, e->cin, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 7, e->place, -1, SQLITE_STATIC);
		bind_text(s, 8, e->place_provider);
		bind_date(s, 9, e->dec);
		bind_text(s, 10, e->rec);
		bind_text(s, 11, e->reason_place_change);
		bind_text(s, 12, e->home_post);
		bind_text(s, 13, e->pl_post);
		bind_text(s, 14, e->urn);
		bind_opt_int(s, 15, e->pl_distance);
		bind_text(s, 16, e->pl_la);
		rc = step_done(q, s, err, "episode");
		if (rc)
			return rc;
	}
	for (size_t i = 0; i < r->nmissing; i++) {
		const struct s903_missing *m = &r->missing[i];
		int64_t cid = child_id_of(r, ids, m->child);
		sqlite3_stmt *s = stmt(q, ST_MISSING_PUT, err);

		if (!s)
			return ERR_STORE;
		if (cid < 0)
			return missing_child(err, "Missing", m->child);
		sqlite3_bind_int64(s, 1, ret_id);
		sqlite3_bind_int64(s, 2, cid);
		sqlite3_bind_text(s, 3, m->missing, -1, SQLITE_STATIC);
		bind_date(s, 4, m->mis_start);
		bind_date(s, 5, m->mis_end);
		rc = step_done(q, s, err, "missing period");
		if (rc)
			return rc;
	}
	for (size_t i = 0; i < r->noc2; i++) {
		const struct s903_oc2 *o = &r->oc2[i];
		int64_t cid = child_id_of(r, ids, o->child);
		sqlite3_stmt *s = stmt(q, ST_OC2_PUT, err);
		const int32_t flags[] = {
			o->convicted, o->health_check, o->immunisations,
			o->teeth_check, o->health_assessment,
			o->substance_misuse, o->intervention_received,
			o->intervention_offered,
		};

		if (!s)
			return ERR_STORE;
		if (cid < 0)
			return missing_child(err, "OC2", o->child);
		sqlite3_bind_int64(s, 1, ret_id);
		sqlite3_bind_int64(s, 2, cid);
		bind_opt_int(s, 3, o->sdq_score);
		bind_text(s, 4, o->sdq_reason);
		for (size_t k = 0; k < ARRAY_SIZE(flags); k++)
			bind_opt_int(s, 5 + (int)k, flags[k]);
		rc = step_done(q, s, err, "OC2 row");
		if (rc)
			return rc;
	}
	return 0;
}

static int la_id_of(struct sq *q, const char *code, int64_t *id,
		    struct err *err)
{
	sqlite3_stmt *s;

	if (sqlite3_prepare_v2(q->db, "SELECT id FROM la WHERE code = ?1", -1,
			       &s, NULL))
		return db_err(q, err, "la id");
	sqlite3_bind_text(s, 1, code, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(s) == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		sqlite3_finalize(s);
		return 0;
	}
	sqlite3_finalize(s);
	return err_set(err, ERR_NOT_FOUND,
		       "no local authority with code \"%s\"", code);
}

static int sq_return_replace(void *impl, const struct s903_return *r,
			     struct err *err)
{
	struct sq *q = impl;
	int64_t la_id = 0, ret_id = 0, *ids = NULL;
	sqlite3_stmt *s;
	char now[32];
	time_t t = (time_t)(clock_now_ms() / 1000);
	struct tm tm;
	int rc;

	rc = la_id_of(q, r->la, &la_id, err);
	if (rc)
		return rc;
	rc = sq_begin(q, err);
	if (rc)
		return rc;
	s = stmt(q, ST_RETURN_DELETE, err);
	if (!s) {
		rc = ERR_STORE;
		goto out;
	}
	sqlite3_bind_int64(s, 1, la_id);
	sqlite3_bind_int(s, 2, r->year);
	rc = step_done(q, s, err, "delete previous return");
	if (rc)
		goto out;
	s = stmt(q, ST_RETURN_INSERT, err);
	if (!s) {
		rc = ERR_STORE;
		goto out;
	}
	gmtime_r(&t, &tm);
	strftime(now, sizeof(now), "%Y-%m-%dT%H:%M:%SZ", &tm);
	sqlite3_bind_int64(s, 1, la_id);
	sqlite3_bind_int(s, 2, r->year);
	sqlite3_bind_text(s, 3, now, -1, SQLITE_TRANSIENT);
	rc = step_id(q, s, &ret_id, err, "insert return");
	if (rc)
		goto out;
	ids = xcalloc(r->nheader ? r->nheader : 1, sizeof(*ids));
	rc = write_children(q, r, la_id, ret_id, ids, err);
	if (!rc)
		rc = write_rows(q, r, ret_id, ids, err);
	if (rc)
		goto out;
	s = stmt(q, ST_CHILD_ORPHANS, err);
	if (!s) {
		rc = ERR_STORE;
		goto out;
	}
	sqlite3_bind_int64(s, 1, la_id);
	rc = step_done(q, s, err, "remove children no longer in any return");
out:
	free(ids);
	if (rc) {
		sq_rollback(q);
		return rc;
	}
	return sq_commit(q, err);
}

static int sq_return_load(void *impl, const char *la, int year,
			  struct s903_return *out, struct err *err)
{
	struct sq *q = impl;
	sqlite3_stmt *s = stmt(q, ST_RETURN_GET, err);
	int64_t ret_id;
	int rc;

	if (!s)
		return ERR_STORE;
	sqlite3_bind_text(s, 1, la, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(s, 2, year);
	rc = step_id(q, s, &ret_id, NULL, "return");
	if (rc == ERR_NOT_FOUND)
		return err_set(err, ERR_NOT_FOUND,
			       "no return for %s in %d", la, year);
	if (rc)
		return db_err(q, err, "return");
	snprintf(out->la, sizeof(out->la), "%s", la);
	out->year = year;

	s = stmt(q, ST_LOAD_HEADER, err);
	if (!s)
		return ERR_STORE;
	sqlite3_bind_int64(s, 1, ret_id);
	EACH_ROW(q, s, err, "load header", {
		struct s903_header *h = s903_add_header(out);

		sq_col_text(s, 0, h->child, sizeof(h->child));
		sq_col_text(s, 1, h->sex, sizeof(h->sex));
		h->dob = sq_col_date(s, 2);
		sq_col_text(s, 3, h->ethnic, sizeof(h->ethnic));
		sq_col_text(s, 4, h->upn, sizeof(h->upn));
		h->mother = sq_col_opt_int(s, 5);
		h->mc_dob = sq_col_date(s, 6);
		cb_rc_ = 0;
	});

	s = stmt(q, ST_LOAD_EPISODES, err);
	if (!s)
		return ERR_STORE;
	sqlite3_bind_int64(s, 1, ret_id);
	EACH_ROW(q, s, err, "load episodes", {
		struct s903_episode *e = s903_add_episode(out);

		sq_col_text(s, 0, e->child, sizeof(e->child));
		e->decom = sq_col_date(s, 1);
		sq_col_text(s, 2, e->rne, sizeof(e->rne));
		sq_col_text(s, 3, e->ls, sizeof(e->ls));
		sq_col_text(s, 4, e->cin, sizeof(e->cin));
		sq_col_text(s, 5, e->place, sizeof(e->place));
		sq_col_text(s, 6, e->place_provider, sizeof(e->place_provider));
		e->dec = sq_col_date(s, 7);
		sq_col_text(s, 8, e->rec, sizeof(e->rec));
		sq_col_text(s, 9, e->reason_place_change,
			 sizeof(e->reason_place_change));
		sq_col_text(s, 10, e->home_post, sizeof(e->home_post));
		sq_col_text(s, 11, e->pl_post, sizeof(e->pl_post));
		sq_col_text(s, 12, e->urn, sizeof(e->urn));
		cb_rc_ = 0;
	});

	s = stmt(q, ST_LOAD_MISSING, err);
	if (!s)
		return ERR_STORE;
	sqlite3_bind_int64(s, 1, ret_id);
	EACH_ROW(q, s, err, "load missing", {
		struct s903_missing *m = s903_add_missing(out);

		sq_col_text(s, 0, m->child, sizeof(m->child));
		m->dob = sq_col_date(s, 1);
		sq_col_text(s, 2, m->missing, sizeof(m->missing));
		m->mis_start = sq_col_date(s, 3);
		m->mis_end = sq_col_date(s, 4);
		cb_rc_ = 0;
	});

	s = stmt(q, ST_LOAD_OC2, err);
	if (!s)
		return ERR_STORE;
	sqlite3_bind_int64(s, 1, ret_id);
	EACH_ROW(q, s, err, "load oc2", {
		struct s903_oc2 *o = s903_add_oc2(out);

		sq_col_text(s, 0, o->child, sizeof(o->child));
		o->dob = sq_col_date(s, 1);
		o->sdq_score = sq_col_opt_int(s, 2);
		sq_col_text(s, 3, o->sdq_reason, sizeof(o->sdq_reason));
		o->convicted = sq_col_opt_int(s, 4);
		o->health_check = sq_col_opt_int(s, 5);
		o->immunisations = sq_col_opt_int(s, 6);
		o->teeth_check = sq_col_opt_int(s, 7);
		o->health_assessment = sq_col_opt_int(s, 8);
		o->substance_misuse = sq_col_opt_int(s, 9);
		o->intervention_received = sq_col_opt_int(s, 10);
		o->intervention_offered = sq_col_opt_int(s, 11);
		cb_rc_ = 0;
	});
	return 0;
}

static int sq_returns_each(void *impl, store_return_fn *fn, void *ctx,
			   struct err *err)
{
	struct sq *q = impl;
	sqlite3_stmt *s = stmt(q, ST_RETURNS, err);
	struct return_info ri;

	if (!s)
		return ERR_STORE;
	EACH_ROW(q, s, err, "returns", {
		sq_col_text(s, 0, ri.la, sizeof(ri.la));
		ri.year = sqlite3_column_int(s, 1);
		ri.children = sqlite3_column_int64(s, 2);
		ri.episodes = sqlite3_column_int64(s, 3);
		ri.missing = sqlite3_column_int64(s, 4);
		ri.oc2 = sqlite3_column_int64(s, 5);
		cb_rc_ = fn(&ri, ctx);
	});
	return 0;
}

/* ---- stats -------------------------------------------------------------- */

/* One-off aggregate queries: prepared, run, finalized (not hot paths). */
static int scalar(struct sq *q, const char *sql, long *out, struct err *err)
{
	sqlite3_stmt *s;
	int rc;

	if (sqlite3_prepare_v2(q->db, sql, -1, &s, NULL))
		return db_err(q, err, "stats");
	rc = sqlite3_step(s);
	*out = rc == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : 0;
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 0 : db_err(q, err, "stats");
}

/* One row kept by migration 4's triggers (store_data_generation()). */
static int sq_data_generation(void *impl, int64_t *gen, struct err *err)
{
	static const char sql[] = "SELECT n FROM data_generation WHERE id = 1";
	struct sq *q = impl;
	sqlite3_stmt *s = sq_cached(impl, sql, err);
	int rc;

	if (!s)
		return ERR_STORE;
	rc = step_id(q, s, gen, err, "data generation");
	sqlite3_reset(s);	/* hold no read transaction open */
	return rc;
}

static int sq_stats(void *impl, struct store_stats *o, struct err *err)
{
	struct sq *q = impl;
	sqlite3_stmt *s;
	int rc;
	char today[DATE_STR_MAX];

	/* the UK's today */
	date_fmt_iso(uk_day_of(clock_now_ms()), today);
	rc = scalar(q, "SELECT count(*) FROM la WHERE is_council = 1",
		    &o->councils, err);
	if (!rc)
		rc = scalar(q, "SELECT count(*) FROM postcode", &o->postcodes,
			    err);
	if (!rc)
		rc = scalar(q, "SELECT count(*) FROM outcode", &o->outcodes,
			    err);
	if (!rc)
		rc = scalar(q, "SELECT count(*) FROM home", &o->homes, err);
	if (rc)
		return rc;

	if (sqlite3_prepare_v2(q->db,
			       "SELECT p.type, count(*), sum(h.places)"
			       " FROM home h JOIN provider p"
			       " ON p.id = h.provider_id"
			       " WHERE h.closed IS NULL OR h.closed > ?1"
			       " GROUP BY p.type",
			       -1, &s, NULL))
		return db_err(q, err, "stats");
	sqlite3_bind_text(s, 1, today, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		enum provider_type pt;

		if (provider_type_parse((const char *)sqlite3_column_text(s, 0),
					&pt))
			continue;
		o->homes_by_type[pt] = sqlite3_column_int64(s, 1);
		o->places_by_type[pt] = sqlite3_column_int64(s, 2);
		o->homes_open += o->homes_by_type[pt];
		o->places_open += o->places_by_type[pt];
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return db_err(q, err, "stats");

	/*
	 * Per reporting year.  "At 31 March": an episode in that year's
	 * return still open at the year end (DEC blank or after it).
	 */
	if (sqlite3_prepare_v2(q->db,
		"SELECT r.year, count(DISTINCT r.id),"
		" (SELECT count(*) FROM return_child rc JOIN return903 r2"
		"   ON r2.id = rc.return_id WHERE r2.year = r.year),"
		" (SELECT count(DISTINCT e.child_id) FROM episode e"
		"   JOIN return903 r2 ON r2.id = e.return_id"
		"   WHERE r2.year = r.year AND (e.dec IS NULL OR"
		"   e.dec > printf('%04d-03-31', r.year))),"
		" (SELECT count(*) FROM episode e JOIN return903 r2"
		"   ON r2.id = e.return_id WHERE r2.year = r.year),"
		" (SELECT count(*) FROM missing m JOIN return903 r2"
		"   ON r2.id = m.return_id WHERE r2.year = r.year"
		"   AND m.kind = 'M'),"
		" (SELECT count(*) FROM missing m JOIN return903 r2"
		"   ON r2.id = m.return_id WHERE r2.year = r.year"
		"   AND m.kind = 'A'),"
		" (SELECT count(*) FROM oc2 o JOIN return903 r2"
		"   ON r2.id = o.return_id WHERE r2.year = r.year)"
		" FROM return903 r GROUP BY r.year ORDER BY r.year",
		-1, &s, NULL))
		return db_err(q, err, "stats");
	while ((rc = sqlite3_step(s)) == SQLITE_ROW &&
	       o->nyears < STORE_STATS_YEARS) {
		struct store_year_stats *y = &o->years[o->nyears++];

		y->year = sqlite3_column_int(s, 0);
		y->returns = sqlite3_column_int64(s, 1);
		y->children = sqlite3_column_int64(s, 2);
		y->children_31mar = sqlite3_column_int64(s, 3);
		y->episodes = sqlite3_column_int64(s, 4);
		y->missing = sqlite3_column_int64(s, 5);
		y->away = sqlite3_column_int64(s, 6);
		y->oc2 = sqlite3_column_int64(s, 7);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return db_err(q, err, "stats");
	return 0;
}

const struct store_backend store_sqlite_backend = {
	.name = "sqlite",
	.accepts = sq_accepts,
	.open = sq_open,
	.close = sq_close,
	.migrate = sq_migrate,
	.schema_version = sq_schema_version,
	.begin = sq_begin,
	.commit = sq_commit,
	.rollback = sq_rollback,
	.geo_loaded = sq_geo_loaded,
	.la_put = sq_la_put,
	.outcode_put = sq_outcode_put,
	.postcode_put = sq_postcode_put,
	.geo_mark_loaded = sq_geo_mark_loaded,
	.la_get = sq_la_get,
	.councils_each = sq_councils_each,
	.postcode_locate = sq_postcode_locate,
	.postcodes_in_la = sq_postcodes_in_la,
	.outcodes_in_la = sq_outcodes_in_la,
	.geo_each = sq_geo_each,
	.home_put = sq_home_put,
	.homes_each = sq_homes_each,
	.return_replace = sq_return_replace,
	.return_load = sq_return_load,
	.returns_each = sq_returns_each,
	.history_load = sq_history_load,
	.data_generation = sq_data_generation,
	.stats = sq_stats,
	.org_add = sq_org_add,
	.org_get = sq_org_get,
	.org_get_id = sq_org_get_id,
	.orgs_each = sq_orgs_each,
	.org_area_add = sq_org_area_add,
	.org_areas_each = sq_org_areas_each,
	.user_add = sq_user_add,
	.user_by_email = sq_user_by_email,
	.user_by_id = sq_user_by_id,
	.users_each = sq_users_each,
	.user_set_disabled = sq_user_set_disabled,
	.user_set_password = sq_user_set_password,
	.session_add = sq_session_add,
	.session_get = sq_session_get,
	.session_touch = sq_session_touch,
	.session_delete = sq_session_delete,
	.sessions_delete_user = sq_sessions_delete_user,
	.sessions_purge = sq_sessions_purge,
	.api_token_add = sq_api_token_add,
	.api_token_get = sq_api_token_get,
	.api_token_get_id = sq_api_token_get_id,
	.api_token_who = sq_api_token_who,
	.api_token_touch = sq_api_token_touch,
	.api_token_revoke = sq_api_token_revoke,
	.api_tokens_revoke_user = sq_api_tokens_revoke_user,
	.api_tokens_each = sq_api_tokens_each,
	.login_fail_add = sq_login_fail_add,
	.login_fails_count = sq_login_fails_count,
	.login_fails_clear = sq_login_fails_clear,
	.login_fails_purge = sq_login_fails_purge,
	.login_refusal_add = sq_login_refusal_add,
	.login_refusals_from = sq_login_refusals_from,
	.login_refusals_ended = sq_login_refusals_ended,
	.login_refusal_close = sq_login_refusal_close,
	.audit_head = sq_audit_head,
	.audit_insert = sq_audit_insert,
	.audit_list = sq_audit_list,
	.audit_scan = sq_audit_scan,
	.audit_protected = sq_audit_protected,
	.children_list = sq_children_list,
	.child_record = sq_child_record,
	.child_in_scope = sq_child_in_scope,
	.homes_list = sq_homes_list,
	.home_profile = sq_home_profile,
	.missing_open = sq_missing_open,
	.homes_now = sq_homes_now,
	/* missing from care, recorded live (sqlite-missing.c) */
	.mfc_place = sq_mfc_place,
	.mfc_insert = sq_mfc_insert,
	.mfc_find = sq_mfc_find,
	.mfc_write = sq_mfc_write,
	.mfc_child_find = sq_mfc_child_find,
	.mfc_child_rows = sq_mfc_child_rows,
	.mfc_meeting_insert = sq_mfc_meeting_insert,
	.grab_pack_put = sq_grab_pack_put,
	.grab_pack_get = sq_grab_pack_get,
	.mfc_attention = sq_mfc_attention,
	.mfc_child_id = sq_mfc_child_id,
	.mfc_episode_at = sq_mfc_episode_at,
	.mfc_home_known = sq_mfc_home_known,
	.mfc_each = sq_mfc_each,
	/* alerts (issue 5) */
	.alert_snapshot_load = sq_alert_snapshot_load,
	.alert_home_children = sq_alert_home_children,
	.alert_police_of = sq_alert_police_of,
	.alert_params_each = sq_alert_params_each,
	.alert_param_set = sq_alert_param_set,
	.alert_run_get = sq_alert_run_get,
	.alert_run_set = sq_alert_run_set,
	.alert_keys_each = sq_alert_keys_each,
	.alert_insert = sq_alert_insert,
	.alert_reopen = sq_alert_reopen,
	.alert_update = sq_alert_update,
	.alert_clear = sq_alert_clear,
	.alert_escalate = sq_alert_escalate,
	.alert_answer = sq_alert_answer,
	.alert_recipient_add = sq_alert_recipient_add,
	.alert_recipients_each = sq_alert_recipients_each,
	.alert_is_recipient = sq_alert_is_recipient,
	.alert_get = sq_alert_get,
	.alerts_list = sq_alerts_list,
	.alert_items_list = sq_alert_items_list,
	.alert_items_count = sq_alert_items_count,
	.alert_homes_each = sq_alert_homes_each,
	.outbox_add = sq_outbox_add,
	.outbox_list = sq_outbox_list,
	.outbox_due = sq_outbox_due,
	.outbox_attempt = sq_outbox_attempt,
	.webhook_put = sq_webhook_put,
	.webhooks_each = sq_webhooks_each,
};
