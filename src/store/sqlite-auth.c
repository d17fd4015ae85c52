/*
 * sqlite-auth.c: the SQLite side of people and organisations, sessions,
 * API tokens, login throttling and the audit trail (store.h, issue 4;
 * the tables are migration 2 in sqlite-schema.c).
 *
 * Every API request and signed-in page makes several of these calls (the
 * token or session, the user, the organisation, the audit row), so each
 * statement is prepared once per connection and kept (sq_cached(), keyed
 * by its constant text), then bound, stepped and reset.  No SQL text is
 * built from data; where a query has variants (audit_list) each is a
 * fixed string chosen by which filters are present.  Times are bound as
 * ISO text from store_time_fmt() and read back with store_time_parse().
 */
#include "base/compat.h"
#include <sqlite3.h>
#include "store/sqlite-internal.h"
#include "store/sqlite-schema.h"

/* ---- helpers -------------------------------------------------------------- */

static int sa_err(sqlite3 *db, struct err *err, const char *what)
{
	int ext = sqlite3_extended_errcode(db);
	int code = ERR_STORE;

	if (ext == SQLITE_CONSTRAINT_UNIQUE ||
	    ext == SQLITE_CONSTRAINT_PRIMARYKEY)
		code = ERR_EXISTS;
	else if ((ext & 0xff) == SQLITE_CONSTRAINT)
		code = ERR_CONSTRAINT;
	return err_set(err, code, "%s: %s", what, sqlite3_errmsg(db));
}

/* The connection's statement for the constant sql (sq_cached()), reset
 * and cleared; the helpers below reset it when done, never finalize. */
static int prep(void *impl, const char *sql, sqlite3_stmt **out,
		struct err *err)
{
	*out = sq_cached(impl, sql, err);
	return *out ? 0 : ERR_STORE;
}

/* Step a statement that returns no rows, then reset it. */
static int run(sqlite3 *db, sqlite3_stmt *s, struct err *err,
	       const char *what)
{
	int rc = sqlite3_step(s);

	rc = rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 :
						     sa_err(db, err, what);
	sqlite3_reset(s);
	return rc;
}

/* Like run(), but ERR_NOT_FOUND when no row changed. */
static int run_one(sqlite3 *db, sqlite3_stmt *s, struct err *err,
		   const char *what)
{
	int rc = run(db, s, err, what);

	if (!rc && sqlite3_changes(db) == 0)
		rc = err_set(err, ERR_NOT_FOUND, "%s: no such row", what);
	return rc;
}

/* Step to the first row: 0 (a row), ERR_NOT_FOUND or an error.  The
 * statement is reset on failure only. */
static int first_row(sqlite3 *db, sqlite3_stmt *s, struct err *err,
		     const char *what)
{
	int rc = sqlite3_step(s);

	if (rc == SQLITE_ROW)
		return 0;
	rc = rc == SQLITE_DONE ?
		     err_set(err, ERR_NOT_FOUND, "%s: not found", what) :
		     sa_err(db, err, what);
	sqlite3_reset(s);
	return rc;
}

static void bind_str(sqlite3_stmt *s, int i, const char *v)
{
	sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
}

static void bind_id(sqlite3_stmt *s, int i, int64_t id)
{
	if (id)
		sqlite3_bind_int64(s, i, id);
	else
		sqlite3_bind_null(s, i);
}

static void bind_hash(sqlite3_stmt *s, int i, const uint8_t *h)
{
	sqlite3_bind_blob(s, i, h, STORE_TOKEN_HASH_BYTES, SQLITE_TRANSIENT);
}

static void col_hash(sqlite3_stmt *s, int i, uint8_t *out)
{
	const void *b = sqlite3_column_blob(s, i);

	memset(out, 0, STORE_TOKEN_HASH_BYTES);
	if (b && sqlite3_column_bytes(s, i) == STORE_TOKEN_HASH_BYTES)
		memcpy(out, b, STORE_TOKEN_HASH_BYTES);
}

/* ---- organisations ---------------------------------------------------------- */

#define ORG_COLS \
	"SELECT o.id, o.kind, o.code, o.name_en, o.name_cy," \
	" coalesce(l.code, ''), coalesce(p.name, '') FROM org o" \
	" LEFT JOIN la l ON l.id = o.la_id" \
	" LEFT JOIN provider p ON p.id = o.provider_id"

/* ORG_COLS' 7 columns from column b on. */
static void org_from_cols(sqlite3_stmt *s, int b, struct org *o)
{
	char kind[AUDIT_WORD_MAX + 1];

	memset(o, 0, sizeof(*o));
	o->id = sqlite3_column_int64(s, b);
	sq_col_text(s, b + 1, kind, sizeof(kind));
	if (org_kind_parse(kind, &o->kind))
		o->kind = ORG_NKINDS;	/* the CHECK makes this unreachable */
	sq_col_text(s, b + 2, o->code, sizeof(o->code));
	sq_col_text(s, b + 3, o->name_en, sizeof(o->name_en));
	sq_col_text(s, b + 4, o->name_cy, sizeof(o->name_cy));
	sq_col_text(s, b + 5, o->la, sizeof(o->la));
	sq_col_text(s, b + 6, o->provider, sizeof(o->provider));
}

static void org_from_row(sqlite3_stmt *s, struct org *o)
{
	org_from_cols(s, 0, o);
}

/* The id of a row found by one text key; ERR_NOT_FOUND (err untouched). */
static int id_of(void *impl, const char *sql, const char *key, int64_t *id,
		 struct err *err)
{
	sqlite3 *db = sq_handle(impl);
	sqlite3_stmt *s;
	int rc = prep(impl, sql, &s, err);

	if (rc)
		return rc;
	bind_str(s, 1, key);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		rc = 0;
	} else {
		rc = rc == SQLITE_DONE ? ERR_NOT_FOUND :
					 sa_err(db, err, "look-up");
	}
	sqlite3_reset(s);
	return rc;
}

/* Step an INSERT; a unique key already taken is ERR_EXISTS with msg. */
static int insert(sqlite3 *db, sqlite3_stmt *s, int64_t *id, struct err *err,
		  const char *what, const char *exists_msg)
{
	int rc = sqlite3_step(s);

	if (rc == SQLITE_DONE) {
		*id = sqlite3_last_insert_rowid(db);
		rc = 0;
	} else if (sqlite3_extended_errcode(db) == SQLITE_CONSTRAINT_UNIQUE &&
		   exists_msg) {
		rc = err_set(err, ERR_EXISTS, "%s", exists_msg);
	} else {
		rc = sa_err(db, err, what);
	}
	sqlite3_reset(s);
	return rc;
}

int sq_org_add(void *impl, const struct org *o, int64_t *id,
	       struct err *err)
{
	sqlite3 *db = sq_handle(impl);
	int64_t la_id = 0, provider_id = 0;
	char msg[ORG_CODE_MAX + 64];
	sqlite3_stmt *s;
	int rc;

	if (o->la[0]) {
		rc = id_of(impl, "SELECT id FROM la WHERE code = ?1"
			   " AND is_council = 1", o->la, &la_id, err);
		if (rc == ERR_NOT_FOUND)
			return err_set(err, rc, "no council %s in the "
				       "geography", o->la);
		if (rc)
			return rc;
	}
	if (o->provider[0]) {
		rc = id_of(impl, "SELECT id FROM provider WHERE name = ?1",
			   o->provider, &provider_id, err);
		if (rc == ERR_NOT_FOUND)
			return err_set(err, rc, "no provider \"%s\" in the "
				       "homes register", o->provider);
		if (rc)
			return rc;
	}
	rc = prep(impl, "INSERT INTO org (kind, code, name_en, name_cy, la_id,"
		  " provider_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &s, err);
	if (rc)
		return rc;
	bind_str(s, 1, org_kind_name(o->kind));
	bind_str(s, 2, o->code);
	bind_str(s, 3, o->name_en);
	bind_str(s, 4, o->name_cy);
	bind_id(s, 5, la_id);
	bind_id(s, 6, provider_id);
	snprintf(msg, sizeof(msg), "organisation %s:%s already exists",
		 org_kind_name(o->kind), o->code);
	return insert(db, s, id, err, "add organisation", msg);
}

int sq_org_get(void *impl, enum org_kind kind, const char *code,
	       struct org *out, struct err *err)
{
	sqlite3 *db = sq_handle(impl);
	sqlite3_stmt *s;
	int rc = prep(impl, ORG_COLS " WHERE o.kind = ?1 AND o.code = ?2", &s,
		      err);

	if (rc)
		return rc;
	bind_str(s, 1, org_kind_name(kind));
	bind_str(s, 2, code);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		org_from_row(s, out);
		rc = 0;
	} else if (rc == SQLITE_DONE) {
		rc = err_set(err, ERR_NOT_FOUND, "no organisation %s:%s",
			     org_kind_name(kind), code);
	} else {
		rc = sa_err(db, err, "organisation");
	}
	sqlite3_reset(s);
	return rc;
}

int sq_org_get_id(void *impl, int64_t id, struct org *out, struct err *err)
{
	sqlite3 *db = sq_handle(impl);
	sqlite3_stmt *s;
	int rc = prep(impl, ORG_COLS " WHERE o.id = ?1", &s, err);

	if (rc)
		return rc;
	sqlite3_bind_int64(s, 1, id);
	rc = first_row(db, s, err, "organisation");
	if (rc)
		return rc;
	org_from_row(s, out);
	sqlite3_reset(s);
	return 0;
}

int sq_orgs_each(void *impl, store_org_fn *fn, void *ctx, struct err *err)
{
	sqlite3 *db = sq_handle(impl);
	sqlite3_stmt *s;
	struct org o;
	int rc = prep(impl, ORG_COLS " ORDER BY o.kind, o.code", &s, err);

	if (rc)
		return rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		org_from_row(s, &o);
		rc = fn(&o, ctx);
		if (rc)
			goto out;
	}
	rc = rc == SQLITE_DONE ? 0 : sa_err(db, err, "organisations");
out:
	sqlite3_reset(s);
	return rc;
}

int sq_org_area_add(void *impl, int64_t org_id, const char *la_code,
		    struct err *err)
{
	sqlite3 *db = sq_handle(impl);
	sqlite3_stmt *s;
	int rc = prep(impl, "INSERT OR IGNORE INTO police_area (org_id, la_code)"
		      " VALUES (?1, ?2)", &s, err);

	if (rc)
		return rc;
	sqlite3_bind_int64(s, 1, org_id);
	bind_str(s, 2, la_code);
	return run(db, s, err, "police area");
}

int sq_org_areas_each(void *impl, int64_t org_id, store_code_fn *fn,
		      void *ctx, struct err *err)
{
	sqlite3 *db = sq_handle(impl);
	char code[LA_CODE_MAX + 1];
	sqlite3_stmt *s;
	int rc = prep(impl, "SELECT la_code FROM police_area WHERE org_id = ?1"
		      " ORDER BY la_code", &s, err);

	if (rc)
		return rc;
	sqlite3_bind_int64(s, 1, org_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		sq_col_text(s, 0, code, sizeof(code));
		rc = fn(code, ctx);
		if (rc)
			goto out;
	}
	rc = rc == SQLITE_DONE ? 0 : sa_err(db, err, "police areas");
out:
	sqlite3_reset(s);
	return rc;
}

/* ---- users ------------------------------------------------------------------ */

#define USER_COLS \
	"SELECT u.id, u.org_id, o.kind, o.code, o.name_en, u.email, u.name," \
	" u.role, u.disabled, u.created_at, u.password_changed_at," \
	" u.password_hash FROM app_user u JOIN org o ON o.id = u.org_id"

/* USER_COLS' columns from column b on (the first 11 without pwhash). */
static void user_from_cols(sqlite3_stmt *s, int b, struct user *u,
			   char *pwhash)
{
	char word[AUDIT_WORD_MAX + 1];

	memset(u, 0, sizeof(*u));
	u->id = sqlite3_column_int64(s, b);
	u->org_id = sqlite3_column_int64(s, b + 1);
	sq_col_text(s, b + 2, word, sizeof(word));
	if (org_kind_parse(word, &u->org_kind))
		u->org_kind = ORG_NKINDS;
	sq_col_text(s, b + 3, u->org_code, sizeof(u->org_code));
	sq_col_text(s, b + 4, u->org_name, sizeof(u->org_name));
	sq_col_text(s, b + 5, u->email, sizeof(u->email));
	sq_col_text(s, b + 6, u->name, sizeof(u->name));
	sq_col_text(s, b + 7, word, sizeof(word));
	if (role_parse(word, &u->role))
		u->role = ROLE_N;
	u->disabled = sqlite3_column_int(s, b + 8) != 0;
	u->created_at = sq_col_time(s, b + 9);
	u->password_changed_at = sq_col_time(s, b + 10);
	if (pwhash)
		sq_col_text(s, b + 11, pwhash, STORE_PWHASH_MAX);
}

static void user_from_row(sqlite3_stmt *s, struct user *u, char *pwhash)
{
	user_from_cols(s, 0, u, pwhash);
}

int sq_user_add(void *impl, const struct user *u, const char *pwhash,
		int64_t *id, struct err *err)
{
	char msg[USER_EMAIL_MAX + 64];
	sqlite3 *db = sq_handle(impl);
	sqlite3_stmt *s;
	int rc = prep(impl, "INSERT INTO app_user (org_id, email, name, role,"
		      " password_hash, disabled, created_at,"
		      " password_changed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
		      " ?7, ?7)", &s, err);

	if (rc)
		return rc;
	sqlite3_bind_int64(s, 1, u->org_id);
	bind_str(s, 2, u->email);
	bind_str(s, 3, u->name);
	bind_str(s, 4, role_name(u->role));
	bind_str(s, 5, pwhash);
	sqlite3_bind_int(s, 6, u->disabled);
	sq_bind_time(s, 7, u->created_at);
	snprintf(msg, sizeof(msg), "a user with email address %s already "
		 "exists", u->email);
	return insert(db, s, id, err, "add user", msg);
}

static int user_get(void *impl, const char *sql, const char *email,
		    int64_t id, struct user *out, char *pwhash,
		    struct err *err)
{
	sqlite3 *db = sq_handle(impl);
	sqlite3_stmt *s;
	int rc = prep(impl, sql, &s, err);

	if (rc)
		return rc;
	if (email)
		bind_str(s, 1, email);
	else
		sqlite3_bind_int64(s, 1, id);
	rc = first_row(db, s, err, "user");
	if (rc)
		return rc;
	user_from_row(s, out, pwhash);
	sqlite3_reset(s);
	return 0;
}

int sq_user_by_email(void *impl, const char *email, struct user *out,
		     char *pwhash, struct err *err)
{
	return user_get(impl, USER_COLS " WHERE u.email = ?1",
			email, 0, out, pwhash, err);
}

int sq_user_by_id(void *impl, int64_t id, struct user *out, char *pwhash,
		  struct err *err)
{
	return user_get(impl, USER_COLS " WHERE u.id = ?1", NULL,
			id, out, pwhash, err);
}

int sq_users_each(void *impl, store_user_fn *fn, void *ctx, struct err *err)
{
	sqlite3 *db = sq_handle(impl);
	sqlite3_stmt *s;
	struct user u;
	int rc = prep(impl, USER_COLS " ORDER BY u.email", &s, err);

	if (rc)
		return rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		user_from_row(s, &u, NULL);
		rc = fn(&u, ctx);
		if (rc)
			goto out;
	}
	rc = rc == SQLITE_DONE ? 0 : sa_err(db, err, "users");
out:
	sqlite3_reset(s);
	return rc;
}

int sq_user_set_disabled(void *impl, int64_t id, bool disabled,
			 struct err *err)
{
	sqlite3 *db = sq_handle(impl);
	sqlite3_stmt *s;
	int rc = prep(impl, "UPDATE app_user SET disabled = ?2 WHERE id = ?1",
		      &s, err);

	if (rc)
		return rc;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, disabled);
	return run_one(db, s, err, "user");
}

int sq_user_set_password(void *impl, int64_t id, const char *pwhash,
			 int64_t changed_at, struct err *err)
{
	sqlite3 *db = sq_handle(impl);
	sqlite3_stmt *s;
	int rc = prep(impl, "UPDATE app_user SET password_hash = ?2,"
		      " password_changed_at = ?3 WHERE id = ?1", &s, err);

	if (rc)
		return rc;
	sqlite3_bind_int64(s, 1, id);
	bind_str(s, 2, pwhash);
	sq_bind_time(s, 3, changed_at);
	return run_one(db, s, err, "user");
}

/* ---- sessions ------------------------------------------------------------- */

int sq_session_add(void *impl, const struct session_row *r, int64_t *id,
		   struct err *err)
{
	sqlite3 *db = sq_handle(impl);
	sqlite3_stmt *s;
	int rc = prep(impl, "INSERT INTO session (token_hash, user_id,"
		      " csrf_token, created_at, last_seen_at, expires_at, ip)"
		      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &s, err);

	if (rc)
		return rc;
	bind_hash(s, 1, r->token_hash);
	sqlite3_bind_int64(s, 2, r->user_id);
	bind_str(s, 3, r->csrf);
	sq_bind_time(s, 4, r->created_at);
	sq_bind_time(s, 5, r->last_seen_at);
	sq_bind_time(s, 6, r->expires_at);
	bind_str(s, 7, r->ip);
	return insert(db, s, id, err, "add session", NULL);
}

int sq_session_get(void *impl, const uint8_t *hash, struct session_row *out,
		   struct err *err)
{
	sqlite3 *db = sq_handle(impl);
	sqlite3_stmt *s;
	int rc = prep(impl, "SELECT id, user_id, token_hash, csrf_token,"
		      " created_at, last_seen_at, expires_at, ip FROM session"
		      " WHERE token_hash = ?1", &s, err);

	if (rc)
		return rc;
	bind_hash(s, 1, hash);
	rc = first_row(db, s, err, "session");
	if (rc)
		return rc;
	out->id = sqlite3_column_int64(s, 0);
	out->user_id = sqlite3_column_int64(s, 1);
	col_hash(s, 2, out->token_hash);
	sq_col_text(s, 3, out->csrf, sizeof(out->csrf));
	out->created_at = sq_col_time(s, 4);
	out->last_seen_at = sq_col_time(s, 5);
	out->expires_at = sq_col_time(s, 6);
	sq_col_text(s, 7, out->ip, sizeof(out->ip));
	sqlite3_reset(s);
	return 0;
}

int sq_session_touch(void *impl, int64_t id, int64_t last_seen_at,
		     int64_t expires_at, struct err *err)
{
	sqlite3 *db = sq_handle(impl);
	sqlite3_stmt *s;
	int rc = prep(impl, "UPDATE session SET last_seen_at = ?2,"
		      " expires_at = ?3 WHERE id = ?1", &s, err);

	if (rc)
		return rc;
	sqlite3_bind_int64(s, 1, id);
	sq_bind_time(s, 2, last_seen_at);
	sq_bind_time(s, 3, expires_at);
	return run_one(db, s, err, "session");
}

/* DELETE/UPDATE ... WHERE <column> = id. */
static int by_id(void *impl, const char *sql, int64_t id, struct err *err,
		 const char *what)
{
	sqlite3 *db = sq_handle(impl);
	sqlite3_stmt *s;
	int rc = prep(impl, sql, &s, err);

	if (rc)
		return rc;
	sqlite3_bind_int64(s, 1, id);
	return run(db, s, err, what);
}

/* DELETE ... WHERE <time column> <= ?1. */
static int by_time(void *impl, const char *sql, int64_t t, struct err *err,
		   const char *what)
{
	sqlite3 *db = sq_handle(impl);
	sqlite3_stmt *s;
	int rc = prep(impl, sql, &s, err);

	if (rc)
		return rc;
	sq_bind_time(s, 1, t);
	return run(db, s, err, what);
}

int sq_session_delete(void *impl, int64_t id, struct err *err)
{
	return by_id(impl, "DELETE FROM session WHERE id = ?1", id,
		     err, "end session");
}

int sq_sessions_delete_user(void *impl, int64_t user_id, struct err *err)
{
	return by_id(impl,
		     "DELETE FROM session WHERE user_id = ?1", user_id, err,
		     "end sessions");
}

int sq_sessions_purge(void *impl, int64_t now, struct err *err)
{
	return by_time(impl,
		       "DELETE FROM session WHERE expires_at <= ?1", now, err,
		       "purge sessions");
}

/* ---- API tokens ------------------------------------------------------------- */

#define TOKEN_COLS \
	"SELECT id, user_id, token_hash, label, created_at, last_used_at," \
	" revoked_at FROM api_token"

static void token_from_row(sqlite3_stmt *s, struct api_token_row *t)
{
	memset(t, 0, sizeof(*t));
	t->id = sqlite3_column_int64(s, 0);
	t->user_id = sqlite3_column_int64(s, 1);
	col_hash(s, 2, t->token_hash);
	sq_col_text(s, 3, t->label, sizeof(t->label));
	t->created_at = sq_col_time(s, 4);
	t->last_used_at = sq_col_time(s, 5);
	t->revoked_at = sq_col_time(s, 6);
}

int sq_api_token_add(void *impl, const struct api_token_row *r, int64_t *id,
		     struct err *err)
{
	sqlite3 *db = sq_handle(impl);
	sqlite3_stmt *s;
	int rc = prep(impl, "INSERT INTO api_token (user_id, token_hash, label,"
		      " created_at) VALUES (?1, ?2, ?3, ?4)", &s, err);

	if (rc)
		return rc;
	sqlite3_bind_int64(s, 1, r->user_id);
	bind_hash(s, 2, r->token_hash);
	bind_str(s, 3, r->label);
	sq_bind_time(s, 4, r->created_at);
	return insert(db, s, id, err, "add API token", NULL);
}

static int token_get(void *impl, const char *sql, const uint8_t *hash,
		     int64_t id, struct api_token_row *out, struct err *err)
{
	sqlite3 *db = sq_handle(impl);
	sqlite3_stmt *s;
	int rc = prep(impl, sql, &s, err);

	if (rc)
		return rc;
	if (hash)
		bind_hash(s, 1, hash);
	else
		sqlite3_bind_int64(s, 1, id);
	rc = first_row(db, s, err, "API token");
	if (rc)
		return rc;
	token_from_row(s, out);
	sqlite3_reset(s);
	return 0;
}

int sq_api_token_get(void *impl, const uint8_t *hash,
		     struct api_token_row *out, struct err *err)
{
	return token_get(impl, TOKEN_COLS " WHERE token_hash = ?1",
			 hash, 0, out, err);
}

/*
 * The token, its user and the user's organisation: TOKEN_COLS' 7
 * columns, USER_COLS' first 11 (no password hash) and ORG_COLS' 7, in
 * one statement where the check made three.
 */
int sq_api_token_who(void *impl, const uint8_t *hash,
		     struct api_token_row *tok, struct user *u, struct org *o,
		     struct err *err)
{
	sqlite3 *db = sq_handle(impl);
	sqlite3_stmt *s;
	int rc = prep(impl, "SELECT t.id, t.user_id, t.token_hash, t.label,"
		      " t.created_at, t.last_used_at, t.revoked_at,"
		      " u.id, u.org_id, o.kind, o.code, o.name_en, u.email,"
		      " u.name, u.role, u.disabled, u.created_at,"
		      " u.password_changed_at,"
		      " o.id, o.kind, o.code, o.name_en, o.name_cy,"
		      " coalesce(l.code, ''), coalesce(p.name, '')"
		      " FROM api_token t JOIN app_user u ON u.id = t.user_id"
		      " JOIN org o ON o.id = u.org_id"
		      " LEFT JOIN la l ON l.id = o.la_id"
		      " LEFT JOIN provider p ON p.id = o.provider_id"
		      " WHERE t.token_hash = ?1", &s, err);

	if (rc)
		return rc;
	bind_hash(s, 1, hash);
	rc = first_row(db, s, err, "API token");
	if (rc)
		return rc;
	token_from_row(s, tok);
	user_from_cols(s, 7, u, NULL);
	org_from_cols(s, 18, o);
	sqlite3_reset(s);
	return 0;
}

int sq_api_token_get_id(void *impl, int64_t id, struct api_token_row *out,
			struct err *err)
{
	return token_get(impl, TOKEN_COLS " WHERE id = ?1", NULL,
			 id, out, err);
}

/* UPDATE api_token SET <time column> = ?2 WHERE <key> = ?1 ... */
static int token_set(void *impl, const char *sql, int64_t key, int64_t at,
		     bool need_row, struct err *err, const char *what)
{
	sqlite3 *db = sq_handle(impl);
	sqlite3_stmt *s;
	int rc = prep(impl, sql, &s, err);

	if (rc)
		return rc;
	sqlite3_bind_int64(s, 1, key);
	sq_bind_time(s, 2, at);
	return need_row ? run_one(db, s, err, what) : run(db, s, err, what);
}

int sq_api_token_touch(void *impl, int64_t id, int64_t at, struct err *err)
{
	return token_set(impl, "UPDATE api_token SET"
			 " last_used_at = ?2 WHERE id = ?1", id, at, true, err,
			 "API token");
}

int sq_api_token_revoke(void *impl, int64_t id, int64_t at,
			struct err *err)
{
	return token_set(impl, "UPDATE api_token SET"
			 " revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL",
			 id, at, true, err, "live API token");
}

int sq_api_tokens_revoke_user(void *impl, int64_t user_id, int64_t at,
			      struct err *err)
{
	return token_set(impl, "UPDATE api_token SET"
			 " revoked_at = ?2 WHERE user_id = ?1"
			 " AND revoked_at IS NULL", user_id, at, false, err,
			 "revoke API tokens");
}

int sq_api_tokens_each(void *impl, int64_t user_id, store_api_token_fn *fn,
		       void *ctx, struct err *err)
{
	sqlite3 *db = sq_handle(impl);
	struct api_token_row t;
	sqlite3_stmt *s;
	int rc = prep(impl, TOKEN_COLS " WHERE ?1 IS NULL OR user_id = ?1"
		      " ORDER BY id DESC", &s, err);

	if (rc)
		return rc;
	bind_id(s, 1, user_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		token_from_row(s, &t);
		rc = fn(&t, ctx);
		if (rc)
			goto out;
	}
	rc = rc == SQLITE_DONE ? 0 : sa_err(db, err, "API tokens");
out:
	sqlite3_reset(s);
	return rc;
}

/* ---- login throttling ------------------------------------------------------- */

int sq_login_fail_add(void *impl, const char *key, int64_t at,
		      struct err *err)
{
	sqlite3 *db = sq_handle(impl);
	sqlite3_stmt *s;
	int rc = prep(impl, "INSERT INTO login_attempt (key, at) VALUES (?1, ?2)",
		      &s, err);

	if (rc)
		return rc;
	bind_str(s, 1, key);
	sq_bind_time(s, 2, at);
	return run(db, s, err, "record failed sign-in");
}

int sq_login_fails_count(void *impl, const char *key, int64_t since,
			 long *n, struct err *err)
{
	sqlite3 *db = sq_handle(impl);
	sqlite3_stmt *s;
	int rc = prep(impl, "SELECT count(*) FROM login_attempt WHERE key = ?1"
		      " AND at > ?2", &s, err);

	if (rc)
		return rc;
	bind_str(s, 1, key);
	sq_bind_time(s, 2, since);
	rc = first_row(db, s, err, "failed sign-ins");
	if (rc)
		return rc;
	*n = (long)sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return 0;
}

int sq_login_fails_clear(void *impl, const char *key, struct err *err)
{
	sqlite3 *db = sq_handle(impl);
	sqlite3_stmt *s;
	int rc = prep(impl, "DELETE FROM login_attempt WHERE key = ?1", &s, err);

	if (rc)
		return rc;
	bind_str(s, 1, key);
	return run(db, s, err, "clear failed sign-ins");
}

int sq_login_fails_purge(void *impl, int64_t before, struct err *err)
{
	return by_time(impl,
		       "DELETE FROM login_attempt WHERE at <= ?1", before, err,
		       "purge failed sign-ins");
}

/* ---- refused sign-ins ------------------------------------------------------- */

int sq_login_refusal_add(void *impl, const struct login_refusal *r,
			 long *count, struct err *err)
{
	sqlite3 *db = sq_handle(impl);
	sqlite3_stmt *s;
	int rc = prep(impl, "INSERT INTO login_refusal (key, ip, subject, why,"
		      " first_at, last_at, count) VALUES (?1, ?2, ?3, ?4, ?5,"
		      " ?5, 1) ON CONFLICT (key) DO UPDATE SET"
		      " last_at = excluded.last_at, count = count + 1"
		      " RETURNING count", &s, err);

	if (rc)
		return rc;
	bind_str(s, 1, r->key);
	bind_str(s, 2, r->ip);
	bind_str(s, 3, r->subject);
	bind_str(s, 4, r->why);
	sq_bind_time(s, 5, r->last_at);
	rc = first_row(db, s, err, "count a refused sign-in");
	if (rc)
		return rc;
	*count = (long)sqlite3_column_int64(s, 0);
	return run(db, s, err, "count a refused sign-in");
}

int sq_login_refusals_from(void *impl, const char *ip, const char *ip_key,
			   const char *key, long *n, bool *has_key,
			   struct err *err)
{
	sqlite3 *db = sq_handle(impl);
	sqlite3_stmt *s;
	int rc = prep(impl, "SELECT coalesce(sum(key <> ?2), 0),"
		      " coalesce(max(key = ?3), 0) FROM login_refusal"
		      " WHERE ip = ?1", &s, err);

	if (rc)
		return rc;
	bind_str(s, 1, ip);
	bind_str(s, 2, ip_key);
	bind_str(s, 3, key);
	rc = first_row(db, s, err, "refused sign-ins");
	if (rc)
		return rc;
	*n = (long)sqlite3_column_int64(s, 0);
	*has_key = sqlite3_column_int(s, 1) != 0;
	sqlite3_reset(s);
	return 0;
}

int sq_login_refusals_ended(void *impl, int64_t before,
			    store_login_refusal_fn *fn, void *ctx,
			    struct err *err)
{
	sqlite3 *db = sq_handle(impl);
	struct login_refusal r;
	sqlite3_stmt *s;
	int rc = prep(impl, "SELECT key, ip, subject, why, first_at, last_at,"
		      " count FROM login_refusal WHERE first_at <= ?1"
		      " ORDER BY first_at, key", &s, err);

	if (rc)
		return rc;
	sq_bind_time(s, 1, before);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&r, 0, sizeof(r));
		sq_col_text(s, 0, r.key, sizeof(r.key));
		sq_col_text(s, 1, r.ip, sizeof(r.ip));
		sq_col_text(s, 2, r.subject, sizeof(r.subject));
		sq_col_text(s, 3, r.why, sizeof(r.why));
		r.first_at = sq_col_time(s, 4);
		r.last_at = sq_col_time(s, 5);
		r.count = (long)sqlite3_column_int64(s, 6);
		rc = fn(&r, ctx);
		if (rc)
			goto out;
	}
	rc = rc == SQLITE_DONE ? 0 : sa_err(db, err, "refused sign-ins");
out:
	sqlite3_reset(s);
	return rc;
}

int sq_login_refusal_close(void *impl, const char *key, struct err *err)
{
	sqlite3 *db = sq_handle(impl);
	sqlite3_stmt *s;
	int rc = prep(impl, "DELETE FROM login_refusal WHERE key = ?1", &s,
		      err);

	if (rc)
		return rc;
	bind_str(s, 1, key);
	return run(db, s, err, "close a window of refused sign-ins");
}

/* ---- audit trail ------------------------------------------------------------ */

/* An audit row's columns, in audit_row's order. */
#define AUDIT_COLS                                                       \
	"id, at, user_id, org_id, actor, role, action, subject_kind,"     \
	" subject_id, detail, ip, prev_hash, hash"
#define AUDIT_SELECT "SELECT " AUDIT_COLS " FROM aud.audit"

static void audit_from_row(sqlite3_stmt *s, struct audit_row *r)
{
	memset(r, 0, sizeof(*r));
	r->id = sqlite3_column_int64(s, 0);
	sq_col_text(s, 1, r->at, sizeof(r->at));
	r->user_id = sqlite3_column_int64(s, 2);	/* NULL reads as 0 */
	r->org_id = sqlite3_column_int64(s, 3);
	sq_col_text(s, 4, r->actor, sizeof(r->actor));
	sq_col_text(s, 5, r->role, sizeof(r->role));
	sq_col_text(s, 6, r->action, sizeof(r->action));
	sq_col_text(s, 7, r->subject_kind, sizeof(r->subject_kind));
	sq_col_text(s, 8, r->subject_id, sizeof(r->subject_id));
	sq_col_text(s, 9, r->detail, sizeof(r->detail));
	sq_col_text(s, 10, r->ip, sizeof(r->ip));
	sq_col_text(s, 11, r->prev_hash, sizeof(r->prev_hash));
	sq_col_text(s, 12, r->hash, sizeof(r->hash));
}

/*
 * Migration 10: rows of a change that committed in the store file but
 * not in the audit file (a crash between the two commits) are copied
 * back, with their ids and hashes, when the first of them extends the
 * audit file's chain (its prev_hash the head's, or the genesis hash of
 * auth/audit.h, 64 zeros, for an empty trail).  Otherwise, or when the
 * audit file has them, nothing.
 */
#define AUDIT_HEAD_ID "(SELECT coalesce(max(id), 0) FROM aud.audit)"

int sq_audit_lost(void *impl, bool *yes, struct err *err)
{
	sqlite3_stmt *s;
	int rc = prep(impl, "SELECT count(*) FROM main.audit_pending f"
		      " WHERE f.id = " AUDIT_HEAD_ID " + 1"
		      " AND f.prev_hash = coalesce((SELECT hash FROM aud.audit"
		      " ORDER BY id DESC LIMIT 1), printf('%064d', 0))",
		      &s, err);

	*yes = false;
	if (rc)
		return rc;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*yes = sqlite3_column_int64(s, 0) > 0;
	rc = rc == SQLITE_ROW ? 0 : sa_err(sq_handle(impl), err,
					   "audit rows to restore");
	sqlite3_reset(s);
	return rc;
}

int sq_audit_restore(void *impl, struct err *err)
{
	sqlite3 *db = sq_handle(impl);
	sqlite3_stmt *s;
	bool lost;
	int rc = sq_audit_lost(impl, &lost, err);

	if (rc || !lost)
		return rc;
	rc = prep(impl, "INSERT INTO aud.audit (" AUDIT_COLS ") SELECT "
		  AUDIT_COLS " FROM main.audit_pending WHERE id > "
		  AUDIT_HEAD_ID " ORDER BY id", &s, err);
	return rc ? rc : run(db, s, err, "restoring the audit rows of a "
			     "change whose audit commit was lost");
}

int sq_audit_head(void *impl, int64_t *id, char *hash, struct err *err)
{
	sqlite3 *db = sq_handle(impl);
	sqlite3_stmt *s;
	int rc = sq_audit_restore(impl, err);

	if (rc)
		return rc;
	rc = prep(impl, "SELECT id, hash FROM aud.audit ORDER BY id DESC LIMIT 1",
		  &s, err);
	if (rc)
		return rc;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		sq_col_text(s, 1, hash, AUDIT_HASH_HEX + 1);
		rc = 0;
	} else {
		rc = rc == SQLITE_DONE ? 0 : sa_err(db, err, "audit head");
	}
	sqlite3_reset(s);
	return rc;
}

static int audit_insert_into(void *impl, const char *sql,
			     const struct audit_row *r, struct err *err);

/*
 * A row inside a caller's transaction (a change, which writes the store
 * file anyway) goes into main.audit_pending as well, which holds only
 * the last such transaction's rows (migration 10).
 */
int sq_audit_insert(void *impl, const struct audit_row *r, struct err *err)
{
	sqlite3_stmt *s;
	int rc = audit_insert_into(impl, "INSERT INTO aud.audit (" AUDIT_COLS
				   ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
				   " ?9, ?10, ?11, ?12, ?13)", r, err);

	if (rc || !sq_nested(impl))
		return rc;
	if (sq_first_pending(impl)) {
		rc = prep(impl, "DELETE FROM main.audit_pending", &s, err);
		if (!rc)
			rc = run(sq_handle(impl), s, err, "audit_pending");
		if (rc)
			return rc;
	}
	return audit_insert_into(impl, "INSERT INTO main.audit_pending ("
				 AUDIT_COLS ") VALUES (?1, ?2, ?3, ?4, ?5,"
				 " ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", r,
				 err);
}

static int audit_insert_into(void *impl, const char *sql,
			     const struct audit_row *r, struct err *err)
{
	sqlite3 *db = sq_handle(impl);
	sqlite3_stmt *s;
	int rc = prep(impl, sql, &s, err);

	if (rc)
		return rc;
	sqlite3_bind_int64(s, 1, r->id);
	bind_str(s, 2, r->at);
	bind_id(s, 3, r->user_id);
	bind_id(s, 4, r->org_id);
	bind_str(s, 5, r->actor);
	bind_str(s, 6, r->role);
	bind_str(s, 7, r->action);
	bind_str(s, 8, r->subject_kind);
	bind_str(s, 9, r->subject_id);
	bind_str(s, 10, r->detail);
	bind_str(s, 11, r->ip);
	bind_str(s, 12, r->prev_hash);
	bind_str(s, 13, r->hash);
	return run(db, s, err, "append to the audit trail");
}

static int audit_rows(sqlite3 *db, sqlite3_stmt *s, store_audit_fn *fn,
		      void *ctx, struct err *err)
{
	struct audit_row r;
	int rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		audit_from_row(s, &r);
		rc = fn(&r, ctx);
		if (rc)
			goto out;
	}
	rc = rc == SQLITE_DONE ? 0 : sa_err(db, err, "audit trail");
out:
	sqlite3_reset(s);
	return rc;
}

int sq_audit_list(void *impl, const struct audit_query *q,
		  store_audit_fn *fn, void *ctx, struct err *err)
{
	static const char by_subject[] = AUDIT_SELECT
		" WHERE subject_kind = ?1 AND (?2 IS NULL OR subject_id = ?2)"
		" AND (?3 IS NULL OR user_id = ?3) AND id < ?4"
		" ORDER BY id DESC LIMIT ?5";
	static const char by_user[] = AUDIT_SELECT
		" WHERE user_id = ?3 AND id < ?4 ORDER BY id DESC LIMIT ?5";
	static const char all[] = AUDIT_SELECT
		" WHERE id < ?4 ORDER BY id DESC LIMIT ?5";
	bool subject = q->subject_kind && q->subject_kind[0];
	sqlite3 *db = sq_handle(impl);
	sqlite3_stmt *s;
	int rc;

	rc = prep(impl, subject ? by_subject : q->user_id ? by_user : all, &s,
		  err);
	if (rc)
		return rc;
	if (subject) {
		bind_str(s, 1, q->subject_kind);
		if (q->subject_id)
			bind_str(s, 2, q->subject_id);
	}
	bind_id(s, 3, q->user_id);
	sqlite3_bind_int64(s, 4, q->before_id > 0 ? q->before_id : INT64_MAX);
	sqlite3_bind_int64(s, 5, q->limit);
	return audit_rows(db, s, fn, ctx, err);
}

int sq_audit_scan(void *impl, store_audit_fn *fn, void *ctx,
		  struct err *err)
{
	sqlite3 *db = sq_handle(impl);
	sqlite3_stmt *s;
	int rc = prep(impl, AUDIT_SELECT " ORDER BY id", &s, err);

	if (rc)
		return rc;
	return audit_rows(db, s, fn, ctx, err);
}

/*
 * The triggers on the audit table must be exactly the schema's, by name
 * and text: one missing, added or changed (say, given "WHEN 0") is not
 * the store's guard any more.
 */
int sq_audit_protected(void *impl, bool *yes, struct err *err)
{
	sqlite3 *db = sq_handle(impl);
	sqlite3_stmt *s;
	size_t n = 0;
	bool same = true;
	int rc = prep(impl, "SELECT name, sql FROM aud.sqlite_schema"
		      " WHERE type = 'trigger' AND tbl_name = 'audit'"
		      " ORDER BY name", &s, err);

	if (rc)
		return rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(s, 0);
		const char *sql = (const char *)sqlite3_column_text(s, 1);

		if (n >= sqlite_naudit_triggers || !name || !sql ||
		    strcmp(name, sqlite_audit_triggers[n].name) ||
		    strcmp(sql, sqlite_audit_triggers[n].sql))
			same = false;
		n++;
	}
	rc = rc == SQLITE_DONE ? 0 : sa_err(db, err, "audit triggers");
	sqlite3_reset(s);
	*yes = !rc && same && n == sqlite_naudit_triggers;
	return rc;
}
