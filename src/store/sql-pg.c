/*
 * sql-pg.c: the PostgreSQL driver (sql.h), over libpq.
 *
 * A location is a "postgres://" or "postgresql://" URL or a libpq
 * "key=value" string (docs/store.md, "PostgreSQL").  The session talks
 * UTF-8 in UTC with bytea in hex; nothing else about it is changed (no
 * statement timeout: a long report is not an error).
 *
 * Statements arrive in the store's common dialect, with parameters as
 * ?N, ? or :name.  prepare() rewrites those, and nothing else, into
 * PostgreSQL's $k outside string literals, quoted identifiers and
 * comments, keeping the names for param_index().  A cached statement is
 * a named server-side prepared statement of the connection; a one-shot
 * statement uses the unnamed one.  Parameters travel as text (an int64
 * as its decimal form), blobs in binary, their types inferred by the
 * server; a parameter's null test ("?1 IS NULL", which PostgreSQL cannot
 * type) is sent as a parameter of its own (rewrite()).
 *
 * The first step runs the statement and fetches every row: the store
 * runs other statements between the steps of an outer one, which a
 * connection streaming rows could not.  Columns come back as text,
 * bytea decoded from hex, booleans as 1 and 0 as SQLite gives them.
 *
 * Writers take turns as SQLite's do (SQL_H_BEGIN, below).  The schema
 * is pg-schema.c's, in one step at the latest version.
 */
#include "base/compat.h"
#include "base/xalloc.h"
#include <inttypes.h>
#include <libpq-fe.h>
#include "store/pg-schema.h"
#include "store/sql.h"

/* PostgreSQL's type OIDs (catalog/pg_type_d.h, stable since forever) */
#define OID_BOOL 16
#define OID_BYTEA 17
#define OID_TEXT 25

/* libpq's protocol allows 65535 parameters in one statement */
#define PG_MAX_PARAMS 65535

_Static_assert(PG_SCHEMA_VERSION == SQL_SCHEMA_LATEST,
	       "pg-schema.c must reach the version sql.h names");

/* the advisory lock that serialises writers and migrations (SQL_H_BEGIN;
 * two int4 keys: "cart", 1) */
#define PG_LOCK "pg_advisory_xact_lock(1667330676, 1)"

struct sql_stmt;

struct sql_conn {
	PGconn *pg;
	unsigned long next_name;	/* names of prepared statements */
	struct sql_stmt *unnamed;	/* holds the unnamed statement */
	unsigned gen;			/* connections made again (reconnect()) */
	bool broken;			/* the server dropped it */
	bool in_tx;			/* in a transaction, last we knew */
	int64_t changes;
	enum sql_error err_class;
	char err_msg[ERR_MSG_MAX];
};

struct sql_stmt {
	struct sql_stmt_head head;
	struct sql_conn *c;
	char *sql;		/* rewritten: $k parameters */
	char name[24];		/* "" for a one-shot statement */
	unsigned gen;		/* the connection it was prepared on */
	int nparams;		/* numbered in the SQL, bound by the caller */
	int nserver;		/* and the null tests' shadows (rewrite()) */
	char **names;		/* [k - 1]: ":name" or "?N", NULL for "?" */
	Oid *types;		/* [k - 1]: 0 (the server's guess) or text */
	int *shadow_of;		/* [j]: the parameter shadow nparams + j + 1
				 * tests */
	/* the bindings, then the shadows': NULL value is SQL NULL */
	char **values;
	int *lengths;
	int *formats;
	/* the result of the current run */
	PGresult *res;
	bool run;		/* stepped since the last reset */
	bool done;		/* every row stepped over */
	int row;		/* the current row, -1 before the first */
	int ncols;
	char **decoded;		/* [col]: a bytea column of this row */
	size_t *decoded_len;
};

/* ---- errors ------------------------------------------------------------- */

static void trim_copy(char *out, size_t cap, const char *msg)
{
	size_t n;

	if (!msg || !*msg)
		msg = "PostgreSQL error";
	n = strlen(msg);
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		n--;
	if (n >= cap)
		n = cap - 1;
	memcpy(out, msg, n);
	out[n] = '\0';
}

static enum sql_error sqlstate_class(const char *state)
{
	if (!state || strlen(state) != 5)
		return SQL_E_OTHER;
	if (!strcmp(state, "23505"))
		return SQL_E_UNIQUE;
	if (!strncmp(state, "23", 2))
		return SQL_E_CONSTRAINT;
	if (!strcmp(state, "40001") || !strcmp(state, "40P01") ||
	    !strcmp(state, "55P03"))
		return SQL_E_BUSY;
	/* the connection, the disk (53100 disk_full, 58030 io_error) or
	 * the server going away (57P01..57P03) */
	if (!strncmp(state, "08", 2) || !strcmp(state, "53100") ||
	    !strncmp(state, "58", 2) || !strncmp(state, "57P0", 4))
		return SQL_E_IO;
	return SQL_E_OTHER;
}

/* Record res's error (res NULL: the connection's) as the last error. */
static void set_error(struct sql_conn *c, const PGresult *res)
{
	const char *state = NULL, *msg = NULL;

	if (res) {
		state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
		msg = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
		if (!msg)
			msg = PQresultErrorMessage(res);
	}
	if (!msg || !*msg)
		msg = PQerrorMessage(c->pg);
	trim_copy(c->err_msg, sizeof(c->err_msg), msg);
	c->err_class = PQstatus(c->pg) == CONNECTION_BAD ? SQL_E_IO :
		       sqlstate_class(state);
	/* the session is gone: the connection (08) or the server going
	 * away (57P01..57P03) */
	if (PQstatus(c->pg) == CONNECTION_BAD ||
	    (state && (!strncmp(state, "08", 2) ||
		       !strncmp(state, "57P0", 4))))
		c->broken = true;
}

static void clear_error(struct sql_conn *c)
{
	c->err_class = SQL_E_NONE;
	c->err_msg[0] = '\0';
}

static enum sql_error pg_error(struct sql_conn *c, const char **msg)
{
	*msg = c->err_msg[0] ? c->err_msg : NULL;
	return c->err_class;
}

/* ---- a lost connection -------------------------------------------------- */

static const char *skip_word(const char *p, const char *word);

/* After each command: whether a transaction is open, for reconnect(). */
static void track(struct sql_conn *c)
{
	PGTransactionStatusType t = PQtransactionStatus(c->pg);

	if (!c->broken && t != PQTRANS_UNKNOWN)
		c->in_tx = t != PQTRANS_IDLE;
}

/* The server's notices ("there is no transaction in progress") are
 * not the store's to print. */
static void quiet(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

/* The session's settings (pg_open(), reconnect()). */
static int session(struct sql_conn *c)
{
	PGresult *res;
	int rc;

	PQsetNoticeProcessor(c->pg, quiet, NULL);
	if (PQsetClientEncoding(c->pg, "UTF8"))
		return -1;
	/*
	 * Times are text the store writes (UTC already); the time zone
	 * only matters to a now() in SQL, which must agree.  bytea in hex
	 * is what col_blob() decodes.
	 */
	res = PQexec(c->pg, "SET TimeZone = 'UTC'; SET bytea_output = 'hex'");
	rc = PQresultStatus(res) == PGRES_COMMAND_OK ? 0 : -1;
	if (rc)
		set_error(c, res);
	PQclear(res);
	return rc;
}

/*
 * A connection the server dropped (a restart, a failover, a terminated
 * backend) is made again before the next statement, with its session
 * settings; cached statements are prepared again when next run (run()).
 * Never inside a transaction: its work is gone, and a caller that went
 * on would commit the rest alone.  So every statement of a transaction
 * that lost its connection fails (SQL_E_IO) until the caller's
 * ROLLBACK, which reconnects.  sql is the text about to run, NULL for a
 * prepared statement.
 */
static bool ends_transaction(const char *sql)
{
	const char *p = sql ? skip_word(sql, "ROLLBACK") : NULL;

	/* not "ROLLBACK TO [SAVEPOINT] s1", which keeps the transaction */
	return p && !skip_word(p, "TO");
}

static int reconnect(struct sql_conn *c, const char *sql)
{
	if (!c->broken && PQstatus(c->pg) == CONNECTION_OK)
		return 0;
	if (c->in_tx && !ends_transaction(sql)) {
		trim_copy(c->err_msg, sizeof(c->err_msg), "the connection to "
			  "PostgreSQL was lost inside a transaction");
		c->err_class = SQL_E_IO;
		return -1;
	}
	PQreset(c->pg);
	if (PQstatus(c->pg) != CONNECTION_OK) {
		set_error(c, NULL);
		return -1;
	}
	if (session(c))
		return -1;
	c->broken = false;
	c->in_tx = false;
	c->unnamed = NULL;
	c->gen++;
	return 0;
}

/* ---- placeholders ------------------------------------------------------- */

/*
 * PostgreSQL types a parameter from its first use, and a first use of
 * "$1 IS NULL" gives it none: "(:f_la IS NULL OR l.code = :f_la)", the
 * store's optional filter, is refused (42P18).  So such a null test gets
 * a parameter of its own, a "shadow" numbered after the statement's,
 * typed text, and sent at each run as NULL or "1" as the parameter it
 * tests is NULL or not.  Only an operand standing alone is shadowed: the
 * mark follows "(", "," or a keyword, and is followed by IS [NOT] NULL.
 */
struct rewrite {
	struct sql_stmt *st;
	bool emit;		/* the second pass, which writes out */
	char *out;
	size_t len, alloc;
	int seen;		/* the highest number so far in this pass */
	int max;		/* the highest number (the first pass's) */
	size_t nalloc;		/* of st->names */
	int *uses;		/* [k - 1]: uses left as $k */
	int *shadow;		/* [k - 1]: its null tests' number, or 0 */
	int nshadow;
};

static void out_add(struct rewrite *w, const char *p, size_t n)
{
	if (!w->emit)
		return;
	ALLOC_GROW(w->out, w->len + n + 1, w->alloc);
	memcpy(w->out + w->len, p, n);
	w->len += n;
	w->out[w->len] = '\0';
}

static bool ident_char(unsigned char ch)
{
	return ch == '_' || ch >= 0x80 || (ch >= '0' && ch <= '9') ||
	       (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

static bool space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

/* Does p start with word (any case), not followed by an identifier? */
static const char *skip_word(const char *p, const char *word)
{
	size_t n = strlen(word);

	while (space(*p))
		p++;
	if (strncasecmp(p, word, n) || ident_char((unsigned char)p[n]))
		return NULL;
	return p + n;
}

static bool null_test_after(const char *p)
{
	const char *q = skip_word(p, "IS");

	return q && (skip_word(q, "NULL") ||
		     ((q = skip_word(q, "NOT")) && skip_word(q, "NULL")));
}

/* Is the mark at start (in sql) an operand of its own: after "(", ","
 * or a keyword that an expression follows? */
static bool alone_before(const char *sql, const char *start)
{
	static const char *const words[] = {
		"AND", "OR", "NOT", "WHEN", "THEN", "ELSE", "WHERE",
		"SELECT", "ON", "HAVING",
	};
	const char *p = start, *end;

	while (p > sql && space(p[-1]))
		p--;
	if (p == sql)
		return false;
	if (p[-1] == '(' || p[-1] == ',')
		return true;
	end = p;
	while (p > sql && ident_char((unsigned char)p[-1]))
		p--;
	for (size_t i = 0; i < ARRAY_SIZE(words); i++)
		if ((size_t)(end - p) == strlen(words[i]) &&
		    !strncasecmp(p, words[i], (size_t)(end - p)))
			return true;
	return false;
}

static void grow_params(struct rewrite *w, int k)
{
	size_t old = w->nalloc;

	if ((size_t)k <= old)
		return;
	ALLOC_GROW(w->st->names, (size_t)k, w->nalloc);
	for (size_t i = old; i < w->nalloc; i++)
		w->st->names[i] = NULL;
}

/* Parameter k at start..after: note it (first pass), write it out as $k
 * or its null test's shadow (second pass). */
static void emit_param(struct rewrite *w, int k, const char *sql,
		       const char *start, const char *after, bool named)
{
	char num[16];
	int n = k;

	if (k > w->seen)
		w->seen = k;
	if (!w->emit) {
		grow_params(w, k);
		if (named && !w->st->names[k - 1])
			w->st->names[k - 1] = xstrndup(start,
						(size_t)(after - start));
		if (k > w->max)
			w->max = k;
		return;
	}
	if (null_test_after(after) && alone_before(sql, start)) {
		if (!w->shadow[k - 1])
			w->shadow[k - 1] = w->max + ++w->nshadow;
		n = w->shadow[k - 1];
	} else {
		w->uses[k - 1]++;
	}
	snprintf(num, sizeof(num), "$%d", n);
	out_add(w, num, strlen(num));
}

/* The number of :name (start..end): its own if seen, else the next. */
static int named_param(struct rewrite *w, const char *start,
		       const char *end)
{
	size_t n = (size_t)(end - start);

	for (int k = 1; k <= (int)w->nalloc; k++) {
		const char *have = w->st->names[k - 1];

		if (have && strlen(have) == n && !memcmp(have, start, n))
			return k;
	}
	return w->seen + 1;
}

/* The end of a quoted run starting at p (a quote q, doubled inside). */
static const char *skip_quoted(const char *p, char q)
{
	for (p++; *p; p++)
		if (*p == q) {
			if (p[1] != q)
				return p + 1;
			p++;
		}
	return p;
}

/*
 * One pass over sql, numbering parameters as SQLite does: ?N is N; a
 * bare ? and a new :name take the highest number so far plus one; a
 * :name seen before keeps its number.  Refuses $ and @ parameters (not
 * the common dialect).
 */
static int scan(struct rewrite *w, const char *sql, struct err *err)
{
	const char *p = sql, *run = sql;

	w->seen = 0;
	while (*p) {
		const char *start = p;
		long k;

		if (*p == '\'' || *p == '"') {
			p = skip_quoted(p, *p);
		} else if (p[0] == '-' && p[1] == '-') {
			p += strcspn(p, "\n");
		} else if (p[0] == '/' && p[1] == '*') {
			const char *end = strstr(p + 2, "*/");

			p = end ? end + 2 : p + strlen(p);
		} else if (p[0] == ':' && p[1] == ':') {
			p += 2;		/* a PostgreSQL cast */
		} else if (*p == '?') {
			bool numbered = p[1] >= '0' && p[1] <= '9';
			char *end;

			p++;
			k = w->seen + 1;
			if (numbered) {
				k = strtol(p, &end, 10);
				p = end;
			}
			if (k < 1 || k > PG_MAX_PARAMS / 2)
				return err_set(err, ERR_STORE, "prepare: "
					       "parameter %.20s out of range",
					       start);
			out_add(w, run, (size_t)(start - run));
			/* ?N is named "?N", as SQLite names it */
			emit_param(w, (int)k, sql, start, p, numbered);
			run = p;
		} else if (*p == ':' && ident_char((unsigned char)p[1])) {
			for (p++; ident_char((unsigned char)*p); p++)
				;
			k = named_param(w, start, p);
			if (k > PG_MAX_PARAMS / 2)
				return err_set(err, ERR_STORE, "prepare: too "
					       "many parameters");
			out_add(w, run, (size_t)(start - run));
			emit_param(w, (int)k, sql, start, p, true);
			run = p;
		} else if ((*p == '$' || *p == '@') &&
			   ident_char((unsigned char)p[1])) {
			return err_set(err, ERR_STORE, "prepare: parameter "
				       "\"%.20s\": write ?N or :name", p);
		} else {
			p++;
		}
	}
	out_add(w, run, (size_t)(p - run));
	return 0;
}

/* st->sql and its parameters from the common dialect's sql. */
static int rewrite(struct sql_stmt *st, const char *sql, struct err *err)
{
	struct rewrite w = { .st = st };
	int rc;

	rc = scan(&w, sql, err);
	if (!rc) {
		grow_params(&w, w.max);
		w.emit = true;
		w.uses = xcalloc((size_t)w.max + 1, sizeof(*w.uses));
		w.shadow = xcalloc((size_t)w.max + 1, sizeof(*w.shadow));
		out_add(&w, "", 0);
		rc = scan(&w, sql, err);
	}
	st->nparams = w.max;
	st->nserver = w.max + w.nshadow;
	st->types = xcalloc((size_t)st->nserver + 1, sizeof(*st->types));
	st->shadow_of = xcalloc((size_t)w.nshadow + 1,
				sizeof(*st->shadow_of));
	for (int k = 1; !rc && k <= w.max; k++) {
		/* a number the text skips, or whose uses are all null
		 * tests: the server must still be told a type */
		if (!w.uses[k - 1])
			st->types[k - 1] = OID_TEXT;
		if (w.shadow[k - 1]) {
			st->types[w.shadow[k - 1] - 1] = OID_TEXT;
			st->shadow_of[w.shadow[k - 1] - w.max - 1] = k;
		}
	}
	st->sql = w.out;
	free(w.uses);
	free(w.shadow);
	return rc;
}

/* ---- statements --------------------------------------------------------- */

static void clear_row(struct sql_stmt *st)
{
	for (int i = 0; st->decoded && i < st->ncols; i++) {
		free(st->decoded[i]);
		st->decoded[i] = NULL;
	}
}

static void clear_result(struct sql_stmt *st)
{
	clear_row(st);
	free(st->decoded);
	free(st->decoded_len);
	st->decoded = NULL;
	st->decoded_len = NULL;
	PQclear(st->res);
	st->res = NULL;
	st->ncols = 0;
	st->row = -1;
	st->run = false;
	st->done = false;
}

static void clear_bindings(struct sql_stmt *st)
{
	for (int i = 0; st->values && i < st->nparams; i++) {
		free(st->values[i]);
		st->values[i] = NULL;
		st->lengths[i] = 0;
		st->formats[i] = 0;
	}
}

/*
 * PQprepare() st under its name, with the parameter types rewrite()
 * chose.  No second attempt with other types: inside a transaction a
 * failed statement aborts the transaction, so a statement PostgreSQL
 * cannot type fails the same way every time, and its SQL is fixed
 * (CAST(?1 AS TEXT); docs/store.md).
 */
static int server_prepare(struct sql_stmt *st, struct err *err)
{
	struct sql_conn *c = st->c;
	PGresult *res;
	int rc = 0;

	if (reconnect(c, NULL))
		return err_set(err, ERR_STORE, "prepare: %s", c->err_msg);
	res = PQprepare(c->pg, st->name, st->sql, st->nserver, st->types);
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		set_error(c, res);
		rc = err_set(err, ERR_STORE, "prepare: %s", c->err_msg);
	} else {
		st->gen = c->gen;
	}
	PQclear(res);
	track(c);
	return rc;
}

static struct sql_stmt *pg_prepare(struct sql_conn *c, const char *sql,
				   bool persistent, struct err *err)
{
	struct sql_stmt *st = xcalloc(1, sizeof(*st));

	st->head.drv = &sql_pg_driver;
	st->c = c;
	st->row = -1;
	if (rewrite(st, sql, err))
		goto fail;
	st->values = xcalloc((size_t)st->nserver + 1, sizeof(*st->values));
	st->lengths = xcalloc((size_t)st->nserver + 1, sizeof(*st->lengths));
	st->formats = xcalloc((size_t)st->nserver + 1, sizeof(*st->formats));
	if (persistent)
		snprintf(st->name, sizeof(st->name), "cartref_%lu",
			 ++c->next_name);
	else
		c->unnamed = st;
	if (server_prepare(st, err))
		goto fail;
	clear_error(c);
	return st;
fail:
	st->head.drv->finalize(st);
	return NULL;
}

static void pg_finalize(struct sql_stmt *st)
{
	struct sql_conn *c = st->c;

	clear_result(st);
	clear_bindings(st);
	/* A named statement is a cached one (sql_cached()), finalized only
	 * when its connection closes, which drops it on the server: no
	 * DEALLOCATE, a round trip each at every close.  A one-shot one
	 * leaves the unnamed slot to the next. */
	if (c->unnamed == st)
		c->unnamed = NULL;
	for (int i = 0; i < st->nparams; i++)
		free(st->names[i]);
	free(st->names);
	free(st->types);
	free(st->shadow_of);
	free(st->values);
	free(st->lengths);
	free(st->formats);
	free(st->sql);
	free(st);
}

static void pg_reset(struct sql_stmt *st)
{
	clear_result(st);
	clear_bindings(st);
}

static bool pg_busy(struct sql_stmt *st)
{
	return st->run && !st->done;
}

static int pg_param_index(struct sql_stmt *st, const char *name)
{
	for (int k = 1; k <= st->nparams; k++)
		if (st->names[k - 1] && !strcmp(st->names[k - 1], name))
			return k;
	return 0;
}

static void bind(struct sql_stmt *st, int i, char *v, int len, int format)
{
	if (i < 1 || i > st->nparams) {
		free(v);	/* SQLite ignores it too (SQLITE_RANGE) */
		return;
	}
	free(st->values[i - 1]);
	st->values[i - 1] = v;
	st->lengths[i - 1] = len;
	st->formats[i - 1] = format;
}

static void pg_bind_null(struct sql_stmt *st, int i)
{
	bind(st, i, NULL, 0, 0);
}

static void pg_bind_int(struct sql_stmt *st, int i, int64_t v)
{
	char num[24];

	snprintf(num, sizeof(num), "%" PRId64, v);
	bind(st, i, xstrdup(num), 0, 0);
}

static void pg_bind_text(struct sql_stmt *st, int i, const char *v, size_t n)
{
	bind(st, i, xstrndup(v, n), 0, 0);
}

static void pg_bind_blob(struct sql_stmt *st, int i, const void *v, size_t n)
{
	char *copy;

	if (!v || n > INT_MAX) {	/* a NULL blob binds NULL, as on SQLite */
		bind(st, i, NULL, 0, 0);
		return;
	}
	copy = xmalloc(n + 1);	/* + 1: a zero-length blob is not NULL */
	memcpy(copy, v, n);
	bind(st, i, copy, (int)n, 1);
}

static void count_changes(struct sql_conn *c, PGresult *res)
{
	const char *status = PQcmdStatus(res);
	const char *n = PQcmdTuples(res);

	/* SQLite's changes(): rows of the last INSERT, UPDATE or DELETE;
	 * a SELECT leaves it alone */
	if (!strncmp(status, "INSERT", 6) || !strncmp(status, "UPDATE", 6) ||
	    !strncmp(status, "DELETE", 6) || !strncmp(status, "MERGE", 5))
		c->changes = *n ? strtoll(n, NULL, 10) : 0;
}

static int run(struct sql_stmt *st)
{
	static char one[] = "1";
	struct sql_conn *c = st->c;
	const char *const *values = (const char *const *)st->values;
	PGresult *res;
	ExecStatusType status;

	clear_result(st);
	if (reconnect(c, NULL))
		return SQL_ERROR;
	/* a connection made again has none of the old one's statements */
	if (st->name[0] && st->gen != c->gen && server_prepare(st, NULL))
		return SQL_ERROR;
	for (int j = st->nparams; j < st->nserver; j++)
		st->values[j] = st->values[st->shadow_of[j - st->nparams] - 1] ?
					one : NULL;
	if (!st->name[0] && c->unnamed != st) {
		/* another one-shot statement took the unnamed slot */
		res = PQexecParams(c->pg, st->sql, st->nserver, st->types,
				   values, st->lengths, st->formats, 0);
	} else {
		res = PQexecPrepared(c->pg, st->name, st->nserver, values,
				     st->lengths, st->formats, 0);
	}
	status = PQresultStatus(res);
	if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
		set_error(c, res);
		PQclear(res);
		track(c);
		return SQL_ERROR;
	}
	track(c);
	clear_error(c);
	count_changes(c, res);
	st->res = res;
	st->run = true;
	st->ncols = PQnfields(res);
	st->decoded = xcalloc((size_t)st->ncols + 1, sizeof(*st->decoded));
	st->decoded_len = xcalloc((size_t)st->ncols + 1,
				  sizeof(*st->decoded_len));
	return 0;
}

static int pg_step(struct sql_stmt *st)
{
	/* stepping on after SQL_DONE runs it again, as SQLite does */
	if (!st->run || st->done) {
		if (run(st))
			return SQL_ERROR;
	}
	clear_row(st);
	if (st->row + 1 < PQntuples(st->res)) {
		st->row++;
		return SQL_ROW;
	}
	st->done = true;
	return SQL_DONE;
}

static bool have_cell(struct sql_stmt *st, int i)
{
	return st->res && st->row >= 0 && st->row < PQntuples(st->res) &&
	       i >= 0 && i < st->ncols;
}

static bool pg_col_null(struct sql_stmt *st, int i)
{
	return !have_cell(st, i) || PQgetisnull(st->res, st->row, i);
}

static int hex(int ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

/* A bytea cell ("\x" and hex: bytea_output is set to hex at open). */
static const char *bytea_cell(struct sql_stmt *st, int i, size_t *n)
{
	const char *t = PQgetvalue(st->res, st->row, i);
	size_t len = (size_t)PQgetlength(st->res, st->row, i);
	char *out;

	if (st->decoded[i]) {
		*n = st->decoded_len[i];
		return st->decoded[i];
	}
	if (len < 2 || t[0] != '\\' || t[1] != 'x' || len % 2) {
		*n = 0;
		return NULL;
	}
	out = xmalloc((len - 2) / 2 + 1);
	for (size_t k = 0; k < (len - 2) / 2; k++) {
		int hi = hex((unsigned char)t[2 + 2 * k]);
		int lo = hex((unsigned char)t[3 + 2 * k]);

		if (hi < 0 || lo < 0) {
			free(out);
			*n = 0;
			return NULL;
		}
		out[k] = (char)(hi << 4 | lo);
	}
	out[(len - 2) / 2] = '\0';	/* col_text's readers want a string */
	st->decoded[i] = out;
	st->decoded_len[i] = *n = (len - 2) / 2;
	return out;
}

static const char *pg_col_text(struct sql_stmt *st, int i, size_t *n)
{
	const char *t;

	*n = 0;
	if (pg_col_null(st, i))
		return NULL;
	switch (PQftype(st->res, i)) {
	case OID_BYTEA:
		return bytea_cell(st, i, n);
	case OID_BOOL:
		/* a comparison in SQLite is the integer 1 or 0 */
		t = PQgetvalue(st->res, st->row, i);
		*n = 1;
		return t[0] == 't' ? "1" : "0";
	default:
		*n = (size_t)PQgetlength(st->res, st->row, i);
		return PQgetvalue(st->res, st->row, i);
	}
}

static int64_t pg_col_int(struct sql_stmt *st, int i)
{
	const char *t;
	char *end;
	size_t n;
	long long v;
	double d;

	t = pg_col_text(st, i, &n);
	if (!t)
		return 0;
	errno = 0;
	v = strtoll(t, &end, 10);
	/* a numeric or float column: SQLite truncates toward zero and
	 * saturates */
	if (*end == '.' || *end == 'e' || *end == 'E' || errno == ERANGE) {
		d = strtod(t, NULL);
		if (d >= 9223372036854775807.0)
			return INT64_MAX;
		if (d <= -9223372036854775808.0)
			return INT64_MIN;
		return (int64_t)d;
	}
	return v;
}

static const void *pg_col_blob(struct sql_stmt *st, int i, size_t *n)
{
	return pg_col_text(st, i, n);
}

/* ---- connections -------------------------------------------------------- */

static int64_t pg_changes(struct sql_conn *c)
{
	return c->changes;
}

static int pg_exec(struct sql_conn *c, const char *sql)
{
	PGresult *res;
	ExecStatusType status;
	int rc = 0;

	if (reconnect(c, sql))
		return -1;
	res = PQexec(c->pg, sql);
	status = PQresultStatus(res);

	/* several statements: PQexec() answers with the last result, or
	 * the first failure (which ends the run) */
	if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK ||
	    status == PGRES_EMPTY_QUERY) {
		clear_error(c);
		count_changes(c, res);
	} else {
		set_error(c, res);
		rc = -1;
	}
	PQclear(res);
	/* a failed SQL_H_BEGIN (the lock not had in time) leaves the block
	 * it opened open and aborted, and no caller knows to end it */
	if (rc && sql == sql_pg_driver.hooks[SQL_H_BEGIN] &&
	    PQtransactionStatus(c->pg) == PQTRANS_INERROR)
		PQclear(PQexec(c->pg, "ROLLBACK"));
	track(c);
	return rc;
}

/*
 * Bulk loads (sql.c, sql_bulk_*()): COPY ... FROM STDIN in text format,
 * the rows sent in pieces.  A row that breaks a constraint fails the
 * whole COPY, reported at copy_end().
 */
static int pg_copy_begin(struct sql_conn *c, const char *sql)
{
	PGresult *res;
	int rc = 0;

	if (reconnect(c, sql))
		return -1;
	res = PQexec(c->pg, sql);
	if (PQresultStatus(res) != PGRES_COPY_IN) {
		set_error(c, res);
		rc = -1;
	}
	PQclear(res);
	track(c);
	return rc;
}

static int pg_copy_put(struct sql_conn *c, const char *data, size_t n)
{
	while (n) {
		int piece = n > INT_MAX ? INT_MAX : (int)n;

		/* a blocking connection: 1 sent, -1 failed, never 0 */
		if (PQputCopyData(c->pg, data, piece) != 1) {
			set_error(c, NULL);
			return -1;
		}
		data += piece;
		n -= (size_t)piece;
	}
	return 0;
}

static int pg_copy_end(struct sql_conn *c, bool failed)
{
	PGresult *res;
	int rc = 0;

	if (PQputCopyEnd(c->pg, failed ? "bulk load abandoned" : NULL) != 1) {
		set_error(c, NULL);
		rc = -1;
	}
	/* COPY's result, then NULL */
	while ((res = PQgetResult(c->pg))) {
		/* abandoned: the caller has its error, not this one */
		if (PQresultStatus(res) != PGRES_COMMAND_OK && !rc &&
		    !failed) {
			set_error(c, res);
			rc = -1;
		} else if (!rc) {
			clear_error(c);
		}
		PQclear(res);
	}
	track(c);
	return failed ? -1 : rc;
}

static bool pg_in_transaction(struct sql_conn *c)
{
	if (c->broken || PQstatus(c->pg) != CONNECTION_OK)
		return c->in_tx;	/* until the caller's ROLLBACK */
	switch (PQtransactionStatus(c->pg)) {
	case PQTRANS_ACTIVE:
	case PQTRANS_INTRANS:
	case PQTRANS_INERROR:
		return true;
	default:
		return false;
	}
}

static bool pg_accepts(const char *location)
{
	return sql_location_is_pg(location);
}

static int pg_open(struct sql_conn **out, const char *location,
		   struct err *err)
{
	struct sql_conn *c = xcalloc(1, sizeof(*c));

	*out = c;
	c->pg = PQconnectdb(location);
	if (!c->pg)
		return err_set(err, ERR_IO, "PostgreSQL: out of memory");
	if (PQstatus(c->pg) != CONNECTION_OK) {
		/* the message names the server, never the password */
		trim_copy(c->err_msg, sizeof(c->err_msg),
			  PQerrorMessage(c->pg));
		return err_set(err, ERR_IO, "cannot open store: %s",
			       c->err_msg);
	}
	if (session(c))
		return err_set(err, ERR_IO, "PostgreSQL: %s",
			       c->err_msg[0] ? c->err_msg : "no UTF-8");
	return 0;
}

static void pg_close(struct sql_conn *c)
{
	PQfinish(c->pg);
	free(c);
}

/* ---- schema ------------------------------------------------------------- */

/* One integer from constant SQL, -1 for no row or NULL. */
static int scalar(struct sql *db, const char *sql, int64_t *v,
		  struct err *err)
{
	struct sql_stmt *s = sql_prepare(db, sql, err);
	int rc;

	if (!s)
		return ERR_STORE;
	*v = -1;
	rc = sql_step(s);
	if (rc == SQL_ROW && !sql_col_null(s, 0))
		*v = sql_col_int(s, 0);
	rc = rc == SQL_ERROR ? sql_fail(db, err, "schema version") : 0;
	sql_finalize(db, s);
	return rc;
}

static int pg_schema_version(struct sql *db, int *version, struct err *err)
{
	int64_t there, v = 0;
	int rc;

	/* a new database has no table yet: version 0, as SQLite's
	 * user_version */
	rc = scalar(db, "SELECT to_regclass('schema_version') IS NOT NULL",
		    &there, err);
	if (!rc && there == 1)
		rc = scalar(db, "SELECT version FROM schema_version", &v, err);
	*version = v < 0 ? 0 : (int)v;
	return rc;
}

/*
 * Under the lock: a second process opening the same new store waits
 * here, then finds the version the first one recorded.  A new store gets
 * the base schema, then every migration after it, in one transaction.
 */
static int create_schema(struct sql *db, struct err *err)
{
	char sql[80];
	int version, rc;

	rc = sql_exec(db, "SELECT " PG_LOCK, err);
	if (!rc)
		rc = pg_schema_version(db, &version, err);
	if (rc || version == PG_SCHEMA_VERSION)
		return rc;
	if (version > PG_SCHEMA_VERSION)
		return err_set(err, ERR_UNSUPPORTED, "store schema version %d "
			       "is newer than this cartref (%d): upgrade "
			       "cartref", version, PG_SCHEMA_VERSION);
	if (version && version < PG_SCHEMA_BASE)
		return err_set(err, ERR_UNSUPPORTED, "store schema version %d:"
			       " PostgreSQL stores start at %d", version,
			       PG_SCHEMA_BASE);
	for (size_t i = 0; !rc && !version && i < pg_nschema; i++)
		rc = sql_exec(db, pg_schema[i], err);
	if (!version)
		version = PG_SCHEMA_BASE;
	for (size_t i = 0; !rc && i < pg_nmigrations; i++) {
		const struct pg_migration *m = &pg_migrations[i];

		if (m->version <= version)
			continue;
		rc = sql_exec(db, m->sql, err);
		snprintf(sql, sizeof(sql), "UPDATE schema_version SET version"
			 " = %d WHERE id = 1", m->version);
		if (!rc)
			rc = sql_exec(db, sql, err);
		if (rc)
			err_set(err, rc, "migration %d failed", m->version);
	}
	return rc;
}

static int pg_migrate(struct sql *db, struct err *err)
{
	int version, rc;

	if (pg_migrations[pg_nmigrations - 1].version != PG_SCHEMA_VERSION)
		BUG("pg-schema.c ends at version %d, pg-schema.h says %d",
		    pg_migrations[pg_nmigrations - 1].version,
		    PG_SCHEMA_VERSION);
	/* the usual case, an opened store at the latest version, takes no
	 * lock */
	rc = pg_schema_version(db, &version, err);
	if (rc || version == PG_SCHEMA_VERSION)
		return rc;
	rc = sql_in_tx(db, create_schema, err);
	return rc ? err_set(err, rc, "creating the PostgreSQL schema: %s",
			    err_text(err)) : 0;
}

/*
 * The triggers on aud.audit must be exactly the schema's, by name and
 * definition, enabled, each running its function with the schema's
 * source: a trigger dropped, disabled (ALTER TABLE ... DISABLE TRIGGER)
 * or given a WHEN, or a function replaced, is not the store's guard any
 * more.  (A superuser can still set session_replication_role = replica
 * for a session: the database's own privileges guard against that.)
 */
static int pg_audit_protected(struct sql *db, bool *yes, struct err *err)
{
	struct sql_stmt *s;
	size_t n = 0;
	bool same = true;
	int rc;

	s = sql_prepare(db, "SELECT t.tgname, pg_get_triggerdef(t.oid),"
			" t.tgenabled IN ('O', 'A'), p.prosrc"
			" FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid"
			" WHERE t.tgrelid = to_regclass('aud.audit')"
			" AND NOT t.tgisinternal ORDER BY t.tgname", err);
	if (!s)
		return ERR_STORE;
	while ((rc = sql_step(s)) == SQL_ROW) {
		const char *name = sql_col_str(s, 0);
		const char *def = sql_col_str(s, 1);
		const char *src = sql_col_str(s, 3);

		if (n >= pg_naudit_triggers || !name || !def || !src ||
		    strcmp(name, pg_audit_triggers[n].name) ||
		    strcmp(def, pg_audit_triggers[n].def) ||
		    strcmp(src, pg_audit_triggers[n].source) ||
		    sql_col_int(s, 2) != 1)
			same = false;
		n++;
	}
	rc = rc == SQL_DONE ? 0 : sql_fail(db, err, "audit triggers");
	sql_finalize(db, s);
	*yes = !rc && same && n == pg_naudit_triggers;
	return rc;
}

const struct sql_driver sql_pg_driver = {
	.name = "postgresql",
	.accepts = pg_accepts,
	.statement_fails_transaction = true,
	.open = pg_open,
	.close = pg_close,
	.migrate = pg_migrate,
	.schema_version = pg_schema_version,
	.prepare = pg_prepare,
	.finalize = pg_finalize,
	.reset = pg_reset,
	.busy = pg_busy,
	.param_index = pg_param_index,
	.bind_null = pg_bind_null,
	.bind_int = pg_bind_int,
	.bind_text = pg_bind_text,
	.bind_blob = pg_bind_blob,
	.step = pg_step,
	.col_null = pg_col_null,
	.col_int = pg_col_int,
	.col_text = pg_col_text,
	.col_blob = pg_col_blob,
	.changes = pg_changes,
	.exec = pg_exec,
	.in_transaction = pg_in_transaction,
	.error = pg_error,
	.copy_begin = pg_copy_begin,
	.copy_put = pg_copy_put,
	.copy_end = pg_copy_end,
	.audit_protected = pg_audit_protected,
	.hooks = {
		/*
		 * SQLite's BEGIN IMMEDIATE takes the one write lock at the
		 * start, and the store's logic counts on writers taking
		 * turns (an audit row reads the chain's head, then extends
		 * it).  The same here: one advisory lock per database,
		 * waited for up to 5 s as SQLite's busy timeout, then
		 * 55P03 (SQL_E_BUSY).
		 */
		[SQL_H_BEGIN] = "BEGIN; SET LOCAL lock_timeout = '5s';"
				" SELECT " PG_LOCK,
	},
};
