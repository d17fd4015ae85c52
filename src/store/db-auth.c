/*
 * db-auth.c: the store's side of people and organisations, sessions,
 * API tokens, login throttling and the audit trail (store.h, issue 4;
 * the tables are migration 2 in sqlite-schema.c).
 *
 * Every API request and signed-in page makes several of these calls (the
 * token or session, the user, the organisation, the audit row), so each
 * statement is prepared once per connection and kept (sql_cached(), keyed
 * by its constant text), then bound, stepped and reset.  No SQL text is
 * built from data; where a query has variants (audit_list) each is a
 * fixed string chosen by which filters are present.  Times are bound as
 * ISO text from store_time_fmt() and read back with store_time_parse().
 */
#include "base/compat.h"
#include "store/db.h"

/* ---- helpers -------------------------------------------------------------- */

/* The connection's statement for the constant sql (sql_cached()), reset
 * and cleared; the helpers below reset it when done, never finalize. */
static int prep(struct sql *db, const char *sql, struct sql_stmt **out,
		struct err *err)
{
	*out = sql_cached(db, sql, err);
	return *out ? 0 : ERR_STORE;
}

/* Step a statement that returns no rows, then reset it. */
static int run(struct sql *db, struct sql_stmt *s, struct err *err,
	       const char *what)
{
	int rc = sql_step(s);

	rc = rc == SQL_DONE || rc == SQL_ROW ? 0 :
						     sql_fail(db, err, what);
	sql_reset(s);
	return rc;
}

/* Like run(), but ERR_NOT_FOUND when no row changed. */
static int run_one(struct sql *db, struct sql_stmt *s, struct err *err,
		   const char *what)
{
	int rc = run(db, s, err, what);

	if (!rc && sql_changes(db) == 0)
		rc = err_set(err, ERR_NOT_FOUND, "%s: no such row", what);
	return rc;
}

/* Step to the first row: 0 (a row), ERR_NOT_FOUND or an error.  The
 * statement is reset on failure only. */
static int first_row(struct sql *db, struct sql_stmt *s, struct err *err,
		     const char *what)
{
	int rc = sql_step(s);

	if (rc == SQL_ROW)
		return 0;
	rc = rc == SQL_DONE ?
		     err_set(err, ERR_NOT_FOUND, "%s: not found", what) :
		     sql_fail(db, err, what);
	sql_reset(s);
	return rc;
}

static void bind_hash(struct sql_stmt *s, int i, const uint8_t *h)
{
	sql_bind_blob(s, i, h, STORE_TOKEN_HASH_BYTES);
}

static void col_hash(struct sql_stmt *s, int i, uint8_t *out)
{
	size_t n;
	const void *b = sql_col_blob(s, i, &n);

	memset(out, 0, STORE_TOKEN_HASH_BYTES);
	if (b && n == STORE_TOKEN_HASH_BYTES)
		memcpy(out, b, STORE_TOKEN_HASH_BYTES);
}

/* ---- organisations ---------------------------------------------------------- */

#define ORG_COLS \
	"SELECT o.id, o.kind, o.code, o.name_en, o.name_cy," \
	" coalesce(l.code, ''), coalesce(p.name, '') FROM org o" \
	" LEFT JOIN la l ON l.id = o.la_id" \
	" LEFT JOIN provider p ON p.id = o.provider_id"

/* ORG_COLS' 7 columns from column b on. */
static void org_from_cols(struct sql_stmt *s, int b, struct org *o)
{
	char kind[AUDIT_WORD_MAX + 1];

	memset(o, 0, sizeof(*o));
	o->id = sql_col_int(s, b);
	sql_col_text(s, b + 1, kind, sizeof(kind));
	if (org_kind_parse(kind, &o->kind))
		o->kind = ORG_NKINDS;	/* the CHECK makes this unreachable */
	sql_col_text(s, b + 2, o->code, sizeof(o->code));
	sql_col_text(s, b + 3, o->name_en, sizeof(o->name_en));
	sql_col_text(s, b + 4, o->name_cy, sizeof(o->name_cy));
	sql_col_text(s, b + 5, o->la, sizeof(o->la));
	sql_col_text(s, b + 6, o->provider, sizeof(o->provider));
}

static void org_from_row(struct sql_stmt *s, struct org *o)
{
	org_from_cols(s, 0, o);
}

/* The id of a row found by one text key; ERR_NOT_FOUND (err untouched). */
static int id_of(struct sql *db, const char *sql, const char *key, int64_t *id,
		 struct err *err)
{
	struct sql_stmt *s;
	int rc = prep(db, sql, &s, err);

	if (rc)
		return rc;
	sql_bind_text(s, 1, key);
	rc = sql_step(s);
	if (rc == SQL_ROW) {
		*id = sql_col_int(s, 0);
		rc = 0;
	} else {
		rc = rc == SQL_DONE ? ERR_NOT_FOUND :
					 sql_fail(db, err, "look-up");
	}
	sql_reset(s);
	return rc;
}

/* Step an INSERT; a unique key already taken is ERR_EXISTS with msg. */
static int insert(struct sql *db, struct sql_stmt *s, int64_t *id, struct err *err,
		  const char *what, const char *exists_msg)
{
	int rc = sql_step(s);

	if (rc == SQL_ROW) {	/* RETURNING id */
		*id = sql_col_int(s, 0);
		rc = 0;
	} else if (rc == SQL_DONE) {
		rc = err_set(err, ERR_STORE, "%s: no id returned", what);
	} else if (sql_error_class(db) == SQL_E_UNIQUE && exists_msg) {
		rc = err_set(err, ERR_EXISTS, "%s", exists_msg);
	} else {
		rc = sql_fail(db, err, what);
	}
	sql_reset(s);
	return rc;
}

int db_org_add(struct sql *db, const struct org *o, int64_t *id,
	       struct err *err)
{
	int64_t la_id = 0, provider_id = 0;
	char msg[ORG_CODE_MAX + 64];
	struct sql_stmt *s;
	int rc;

	if (o->la[0]) {
		rc = id_of(db, "SELECT id FROM la WHERE code = ?1"
			   " AND is_council = 1", o->la, &la_id, err);
		if (rc == ERR_NOT_FOUND)
			return err_set(err, rc, "no council %s in the "
				       "geography", o->la);
		if (rc)
			return rc;
	}
	if (o->provider[0]) {
		rc = id_of(db, "SELECT id FROM provider WHERE name = ?1",
			   o->provider, &provider_id, err);
		if (rc == ERR_NOT_FOUND)
			return err_set(err, rc, "no provider \"%s\" in the "
				       "homes register", o->provider);
		if (rc)
			return rc;
	}
	rc = prep(db, "INSERT INTO org (kind, code, name_en, name_cy, la_id,"
		  " provider_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id", &s,
		  err);
	if (rc)
		return rc;
	sql_bind_text(s, 1, org_kind_name(o->kind));
	sql_bind_text(s, 2, o->code);
	sql_bind_text(s, 3, o->name_en);
	sql_bind_text(s, 4, o->name_cy);
	sql_bind_id(s, 5, la_id);
	sql_bind_id(s, 6, provider_id);
	snprintf(msg, sizeof(msg), "organisation %s:%s already exists",
		 org_kind_name(o->kind), o->code);
	return insert(db, s, id, err, "add organisation", msg);
}

int db_org_get(struct sql *db, enum org_kind kind, const char *code,
	       struct org *out, struct err *err)
{
	struct sql_stmt *s;
	int rc = prep(db, ORG_COLS " WHERE o.kind = ?1 AND o.code = ?2", &s,
		      err);

	if (rc)
		return rc;
	sql_bind_text(s, 1, org_kind_name(kind));
	sql_bind_text(s, 2, code);
	rc = sql_step(s);
	if (rc == SQL_ROW) {
		org_from_row(s, out);
		rc = 0;
	} else if (rc == SQL_DONE) {
		rc = err_set(err, ERR_NOT_FOUND, "no organisation %s:%s",
			     org_kind_name(kind), code);
	} else {
		rc = sql_fail(db, err, "organisation");
	}
	sql_reset(s);
	return rc;
}

int db_org_get_id(struct sql *db, int64_t id, struct org *out, struct err *err)
{
	struct sql_stmt *s;
	int rc = prep(db, ORG_COLS " WHERE o.id = ?1", &s, err);

	if (rc)
		return rc;
	sql_bind_int(s, 1, id);
	rc = first_row(db, s, err, "organisation");
	if (rc)
		return rc;
	org_from_row(s, out);
	sql_reset(s);
	return 0;
}

int db_orgs_each(struct sql *db, store_org_fn *fn, void *ctx, struct err *err)
{
	struct sql_stmt *s;
	struct org o;
	int rc = prep(db, ORG_COLS " ORDER BY o.kind, o.code", &s, err);

	if (rc)
		return rc;
	while ((rc = sql_step(s)) == SQL_ROW) {
		org_from_row(s, &o);
		rc = fn(&o, ctx);
		if (rc)
			goto out;
	}
	rc = rc == SQL_DONE ? 0 : sql_fail(db, err, "organisations");
out:
	sql_reset(s);
	return rc;
}

int db_org_area_add(struct sql *db, int64_t org_id, const char *la_code,
		    struct err *err)
{
	struct sql_stmt *s;
	int rc = prep(db, "INSERT INTO police_area (org_id, la_code)"
		      " VALUES (?1, ?2) ON CONFLICT DO NOTHING", &s, err);

	if (rc)
		return rc;
	sql_bind_int(s, 1, org_id);
	sql_bind_text(s, 2, la_code);
	return run(db, s, err, "police area");
}

int db_org_areas_each(struct sql *db, int64_t org_id, store_code_fn *fn,
		      void *ctx, struct err *err)
{
	char code[LA_CODE_MAX + 1];
	struct sql_stmt *s;
	int rc = prep(db, "SELECT la_code FROM police_area WHERE org_id = ?1"
		      " ORDER BY la_code", &s, err);

	if (rc)
		return rc;
	sql_bind_int(s, 1, org_id);
	while ((rc = sql_step(s)) == SQL_ROW) {
		sql_col_text(s, 0, code, sizeof(code));
		rc = fn(code, ctx);
		if (rc)
			goto out;
	}
	rc = rc == SQL_DONE ? 0 : sql_fail(db, err, "police areas");
out:
	sql_reset(s);
	return rc;
}

/* ---- users ------------------------------------------------------------------ */

#define USER_COLS \
	"SELECT u.id, u.org_id, o.kind, o.code, o.name_en, u.email, u.name," \
	" u.role, u.disabled, u.created_at, u.password_changed_at," \
	" u.password_hash FROM app_user u JOIN org o ON o.id = u.org_id"

/* USER_COLS' columns from column b on (the first 11 without pwhash). */
static void user_from_cols(struct sql_stmt *s, int b, struct user *u,
			   char *pwhash)
{
	char word[AUDIT_WORD_MAX + 1];

	memset(u, 0, sizeof(*u));
	u->id = sql_col_int(s, b);
	u->org_id = sql_col_int(s, b + 1);
	sql_col_text(s, b + 2, word, sizeof(word));
	if (org_kind_parse(word, &u->org_kind))
		u->org_kind = ORG_NKINDS;
	sql_col_text(s, b + 3, u->org_code, sizeof(u->org_code));
	sql_col_text(s, b + 4, u->org_name, sizeof(u->org_name));
	sql_col_text(s, b + 5, u->email, sizeof(u->email));
	sql_col_text(s, b + 6, u->name, sizeof(u->name));
	sql_col_text(s, b + 7, word, sizeof(word));
	if (role_parse(word, &u->role))
		u->role = ROLE_N;
	u->disabled = sql_col_int(s, b + 8) != 0;
	u->created_at = sql_col_time(s, b + 9);
	u->password_changed_at = sql_col_time(s, b + 10);
	if (pwhash)
		sql_col_text(s, b + 11, pwhash, STORE_PWHASH_MAX);
}

static void user_from_row(struct sql_stmt *s, struct user *u, char *pwhash)
{
	user_from_cols(s, 0, u, pwhash);
}

int db_user_add(struct sql *db, const struct user *u, const char *pwhash,
		int64_t *id, struct err *err)
{
	char msg[USER_EMAIL_MAX + 64];
	struct sql_stmt *s;
	int rc = prep(db, "INSERT INTO app_user (org_id, email, name, role,"
		      " password_hash, disabled, created_at,"
		      " password_changed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
		      " ?7, ?7) RETURNING id", &s, err);

	if (rc)
		return rc;
	sql_bind_int(s, 1, u->org_id);
	sql_bind_text(s, 2, u->email);
	sql_bind_text(s, 3, u->name);
	sql_bind_text(s, 4, role_name(u->role));
	sql_bind_text(s, 5, pwhash);
	sql_bind_int(s, 6, u->disabled);
	sql_bind_time(s, 7, u->created_at);
	snprintf(msg, sizeof(msg), "a user with email address %s already "
		 "exists", u->email);
	return insert(db, s, id, err, "add user", msg);
}

static int user_get(struct sql *db, const char *sql, const char *email,
		    int64_t id, struct user *out, char *pwhash,
		    struct err *err)
{
	struct sql_stmt *s;
	int rc = prep(db, sql, &s, err);

	if (rc)
		return rc;
	if (email)
		sql_bind_text(s, 1, email);
	else
		sql_bind_int(s, 1, id);
	rc = first_row(db, s, err, "user");
	if (rc)
		return rc;
	user_from_row(s, out, pwhash);
	sql_reset(s);
	return 0;
}

int db_user_by_email(struct sql *db, const char *email, struct user *out,
		     char *pwhash, struct err *err)
{
	return user_get(db, USER_COLS " WHERE u.email = ?1",
			email, 0, out, pwhash, err);
}

int db_user_by_id(struct sql *db, int64_t id, struct user *out, char *pwhash,
		  struct err *err)
{
	return user_get(db, USER_COLS " WHERE u.id = ?1", NULL,
			id, out, pwhash, err);
}

int db_users_each(struct sql *db, store_user_fn *fn, void *ctx, struct err *err)
{
	struct sql_stmt *s;
	struct user u;
	int rc = prep(db, USER_COLS " ORDER BY u.email", &s, err);

	if (rc)
		return rc;
	while ((rc = sql_step(s)) == SQL_ROW) {
		user_from_row(s, &u, NULL);
		rc = fn(&u, ctx);
		if (rc)
			goto out;
	}
	rc = rc == SQL_DONE ? 0 : sql_fail(db, err, "users");
out:
	sql_reset(s);
	return rc;
}

int db_user_set_disabled(struct sql *db, int64_t id, bool disabled,
			 struct err *err)
{
	struct sql_stmt *s;
	int rc = prep(db, "UPDATE app_user SET disabled = ?2 WHERE id = ?1",
		      &s, err);

	if (rc)
		return rc;
	sql_bind_int(s, 1, id);
	sql_bind_int(s, 2, disabled);
	return run_one(db, s, err, "user");
}

int db_user_set_password(struct sql *db, int64_t id, const char *pwhash,
			 int64_t changed_at, struct err *err)
{
	struct sql_stmt *s;
	int rc = prep(db, "UPDATE app_user SET password_hash = ?2,"
		      " password_changed_at = ?3 WHERE id = ?1", &s, err);

	if (rc)
		return rc;
	sql_bind_int(s, 1, id);
	sql_bind_text(s, 2, pwhash);
	sql_bind_time(s, 3, changed_at);
	return run_one(db, s, err, "user");
}

/* ---- sessions ------------------------------------------------------------- */

int db_session_add(struct sql *db, const struct session_row *r, int64_t *id,
		   struct err *err)
{
	struct sql_stmt *s;
	int rc = prep(db, "INSERT INTO session (token_hash, user_id,"
		      " csrf_token, created_at, last_seen_at, expires_at, ip)"
		      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id", &s, err);

	if (rc)
		return rc;
	bind_hash(s, 1, r->token_hash);
	sql_bind_int(s, 2, r->user_id);
	sql_bind_text(s, 3, r->csrf);
	sql_bind_time(s, 4, r->created_at);
	sql_bind_time(s, 5, r->last_seen_at);
	sql_bind_time(s, 6, r->expires_at);
	sql_bind_text(s, 7, r->ip);
	return insert(db, s, id, err, "add session", NULL);
}

int db_session_get(struct sql *db, const uint8_t *hash, struct session_row *out,
		   struct err *err)
{
	struct sql_stmt *s;
	int rc = prep(db, "SELECT id, user_id, token_hash, csrf_token,"
		      " created_at, last_seen_at, expires_at, ip FROM session"
		      " WHERE token_hash = ?1", &s, err);

	if (rc)
		return rc;
	bind_hash(s, 1, hash);
	rc = first_row(db, s, err, "session");
	if (rc)
		return rc;
	out->id = sql_col_int(s, 0);
	out->user_id = sql_col_int(s, 1);
	col_hash(s, 2, out->token_hash);
	sql_col_text(s, 3, out->csrf, sizeof(out->csrf));
	out->created_at = sql_col_time(s, 4);
	out->last_seen_at = sql_col_time(s, 5);
	out->expires_at = sql_col_time(s, 6);
	sql_col_text(s, 7, out->ip, sizeof(out->ip));
	sql_reset(s);
	return 0;
}

int db_session_touch(struct sql *db, int64_t id, int64_t last_seen_at,
		     int64_t expires_at, struct err *err)
{
	struct sql_stmt *s;
	int rc = prep(db, "UPDATE session SET last_seen_at = ?2,"
		      " expires_at = ?3 WHERE id = ?1", &s, err);

	if (rc)
		return rc;
	sql_bind_int(s, 1, id);
	sql_bind_time(s, 2, last_seen_at);
	sql_bind_time(s, 3, expires_at);
	return run_one(db, s, err, "session");
}

/* DELETE/UPDATE ... WHERE <column> = id. */
static int by_id(struct sql *db, const char *sql, int64_t id, struct err *err,
		 const char *what)
{
	struct sql_stmt *s;
	int rc = prep(db, sql, &s, err);

	if (rc)
		return rc;
	sql_bind_int(s, 1, id);
	return run(db, s, err, what);
}

/* DELETE ... WHERE <time column> <= ?1. */
static int by_time(struct sql *db, const char *sql, int64_t t, struct err *err,
		   const char *what)
{
	struct sql_stmt *s;
	int rc = prep(db, sql, &s, err);

	if (rc)
		return rc;
	sql_bind_time(s, 1, t);
	return run(db, s, err, what);
}

int db_session_delete(struct sql *db, int64_t id, struct err *err)
{
	return by_id(db, "DELETE FROM session WHERE id = ?1", id,
		     err, "end session");
}

int db_sessions_delete_user(struct sql *db, int64_t user_id, struct err *err)
{
	return by_id(db,
		     "DELETE FROM session WHERE user_id = ?1", user_id, err,
		     "end sessions");
}

int db_sessions_purge(struct sql *db, int64_t now, struct err *err)
{
	return by_time(db,
		       "DELETE FROM session WHERE expires_at <= ?1", now, err,
		       "purge sessions");
}

/* ---- API tokens ------------------------------------------------------------- */

#define TOKEN_COLS \
	"SELECT id, user_id, token_hash, label, created_at, last_used_at," \
	" revoked_at FROM api_token"

static void token_from_row(struct sql_stmt *s, struct api_token_row *t)
{
	memset(t, 0, sizeof(*t));
	t->id = sql_col_int(s, 0);
	t->user_id = sql_col_int(s, 1);
	col_hash(s, 2, t->token_hash);
	sql_col_text(s, 3, t->label, sizeof(t->label));
	t->created_at = sql_col_time(s, 4);
	t->last_used_at = sql_col_time(s, 5);
	t->revoked_at = sql_col_time(s, 6);
}

int db_api_token_add(struct sql *db, const struct api_token_row *r, int64_t *id,
		     struct err *err)
{
	struct sql_stmt *s;
	int rc = prep(db, "INSERT INTO api_token (user_id, token_hash, label,"
		      " created_at) VALUES (?1, ?2, ?3, ?4) RETURNING id", &s, err);

	if (rc)
		return rc;
	sql_bind_int(s, 1, r->user_id);
	bind_hash(s, 2, r->token_hash);
	sql_bind_text(s, 3, r->label);
	sql_bind_time(s, 4, r->created_at);
	return insert(db, s, id, err, "add API token", NULL);
}

static int token_get(struct sql *db, const char *sql, const uint8_t *hash,
		     int64_t id, struct api_token_row *out, struct err *err)
{
	struct sql_stmt *s;
	int rc = prep(db, sql, &s, err);

	if (rc)
		return rc;
	if (hash)
		bind_hash(s, 1, hash);
	else
		sql_bind_int(s, 1, id);
	rc = first_row(db, s, err, "API token");
	if (rc)
		return rc;
	token_from_row(s, out);
	sql_reset(s);
	return 0;
}

int db_api_token_get(struct sql *db, const uint8_t *hash,
		     struct api_token_row *out, struct err *err)
{
	return token_get(db, TOKEN_COLS " WHERE token_hash = ?1",
			 hash, 0, out, err);
}

/*
 * The token, its user and the user's organisation: TOKEN_COLS' 7
 * columns, USER_COLS' first 11 (no password hash) and ORG_COLS' 7, in
 * one statement where the check made three.
 */
int db_api_token_who(struct sql *db, const uint8_t *hash,
		     struct api_token_row *tok, struct user *u, struct org *o,
		     struct err *err)
{
	struct sql_stmt *s;
	int rc = prep(db, "SELECT t.id, t.user_id, t.token_hash, t.label,"
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
	sql_reset(s);
	return 0;
}

int db_api_token_get_id(struct sql *db, int64_t id, struct api_token_row *out,
			struct err *err)
{
	return token_get(db, TOKEN_COLS " WHERE id = ?1", NULL,
			 id, out, err);
}

/* UPDATE api_token SET <time column> = ?2 WHERE <key> = ?1 ... */
static int token_set(struct sql *db, const char *sql, int64_t key, int64_t at,
		     bool need_row, struct err *err, const char *what)
{
	struct sql_stmt *s;
	int rc = prep(db, sql, &s, err);

	if (rc)
		return rc;
	sql_bind_int(s, 1, key);
	sql_bind_time(s, 2, at);
	return need_row ? run_one(db, s, err, what) : run(db, s, err, what);
}

int db_api_token_touch(struct sql *db, int64_t id, int64_t at, struct err *err)
{
	return token_set(db, "UPDATE api_token SET"
			 " last_used_at = ?2 WHERE id = ?1", id, at, true, err,
			 "API token");
}

int db_api_token_revoke(struct sql *db, int64_t id, int64_t at,
			struct err *err)
{
	return token_set(db, "UPDATE api_token SET"
			 " revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL",
			 id, at, true, err, "live API token");
}

int db_api_tokens_revoke_user(struct sql *db, int64_t user_id, int64_t at,
			      struct err *err)
{
	return token_set(db, "UPDATE api_token SET"
			 " revoked_at = ?2 WHERE user_id = ?1"
			 " AND revoked_at IS NULL", user_id, at, false, err,
			 "revoke API tokens");
}

int db_api_tokens_each(struct sql *db, int64_t user_id, store_api_token_fn *fn,
		       void *ctx, struct err *err)
{
	struct api_token_row t;
	struct sql_stmt *s;
	int rc = prep(db, TOKEN_COLS " WHERE ?1 IS NULL OR user_id = ?1"
		      " ORDER BY id DESC", &s, err);

	if (rc)
		return rc;
	sql_bind_id(s, 1, user_id);
	while ((rc = sql_step(s)) == SQL_ROW) {
		token_from_row(s, &t);
		rc = fn(&t, ctx);
		if (rc)
			goto out;
	}
	rc = rc == SQL_DONE ? 0 : sql_fail(db, err, "API tokens");
out:
	sql_reset(s);
	return rc;
}

/* ---- login throttling ------------------------------------------------------- */

int db_login_fail_add(struct sql *db, const char *key, int64_t at,
		      struct err *err)
{
	struct sql_stmt *s;
	int rc = prep(db, "INSERT INTO login_attempt (key, at) VALUES (?1, ?2)",
		      &s, err);

	if (rc)
		return rc;
	sql_bind_text(s, 1, key);
	sql_bind_time(s, 2, at);
	return run(db, s, err, "record failed sign-in");
}

int db_login_fails_count(struct sql *db, const char *key, int64_t since,
			 long *n, struct err *err)
{
	struct sql_stmt *s;
	int rc = prep(db, "SELECT count(*) FROM login_attempt WHERE key = ?1"
		      " AND at > ?2", &s, err);

	if (rc)
		return rc;
	sql_bind_text(s, 1, key);
	sql_bind_time(s, 2, since);
	rc = first_row(db, s, err, "failed sign-ins");
	if (rc)
		return rc;
	*n = (long)sql_col_int(s, 0);
	sql_reset(s);
	return 0;
}

int db_login_fails_clear(struct sql *db, const char *key, struct err *err)
{
	struct sql_stmt *s;
	int rc = prep(db, "DELETE FROM login_attempt WHERE key = ?1", &s, err);

	if (rc)
		return rc;
	sql_bind_text(s, 1, key);
	return run(db, s, err, "clear failed sign-ins");
}

int db_login_fails_purge(struct sql *db, int64_t before, struct err *err)
{
	return by_time(db,
		       "DELETE FROM login_attempt WHERE at <= ?1", before, err,
		       "purge failed sign-ins");
}

/* ---- refused sign-ins ------------------------------------------------------- */

int db_login_refusal_add(struct sql *db, const struct login_refusal *r,
			 long *count, struct err *err)
{
	struct sql_stmt *s;
	int rc = prep(db, "INSERT INTO login_refusal (key, ip, subject, why,"
		      " first_at, last_at, count) VALUES (?1, ?2, ?3, ?4, ?5,"
		      " ?5, 1) ON CONFLICT (key) DO UPDATE SET"
		      " last_at = excluded.last_at, count = login_refusal.count + 1"
		      " RETURNING count", &s, err);

	if (rc)
		return rc;
	sql_bind_text(s, 1, r->key);
	sql_bind_text(s, 2, r->ip);
	sql_bind_text(s, 3, r->subject);
	sql_bind_text(s, 4, r->why);
	sql_bind_time(s, 5, r->last_at);
	rc = first_row(db, s, err, "count a refused sign-in");
	if (rc)
		return rc;
	*count = (long)sql_col_int(s, 0);
	return run(db, s, err, "count a refused sign-in");
}

int db_login_refusals_from(struct sql *db, const char *ip, const char *ip_key,
			   const char *key, long *n, bool *has_key,
			   struct err *err)
{
	struct sql_stmt *s;
	int rc = prep(db, "SELECT"
		      " coalesce(sum(CASE WHEN key <> ?2 THEN 1 ELSE 0 END), 0),"
		      " coalesce(max(CASE WHEN key = ?3 THEN 1 ELSE 0 END), 0)"
		      " FROM login_refusal"
		      " WHERE ip = ?1", &s, err);

	if (rc)
		return rc;
	sql_bind_text(s, 1, ip);
	sql_bind_text(s, 2, ip_key);
	sql_bind_text(s, 3, key);
	rc = first_row(db, s, err, "refused sign-ins");
	if (rc)
		return rc;
	*n = (long)sql_col_int(s, 0);
	*has_key = sql_col_int(s, 1) != 0;
	sql_reset(s);
	return 0;
}

int db_login_refusals_ended(struct sql *db, int64_t before,
			    store_login_refusal_fn *fn, void *ctx,
			    struct err *err)
{
	struct login_refusal r;
	struct sql_stmt *s;
	int rc = prep(db, "SELECT key, ip, subject, why, first_at, last_at,"
		      " count FROM login_refusal WHERE first_at <= ?1"
		      " ORDER BY first_at, key", &s, err);

	if (rc)
		return rc;
	sql_bind_time(s, 1, before);
	while ((rc = sql_step(s)) == SQL_ROW) {
		memset(&r, 0, sizeof(r));
		sql_col_text(s, 0, r.key, sizeof(r.key));
		sql_col_text(s, 1, r.ip, sizeof(r.ip));
		sql_col_text(s, 2, r.subject, sizeof(r.subject));
		sql_col_text(s, 3, r.why, sizeof(r.why));
		r.first_at = sql_col_time(s, 4);
		r.last_at = sql_col_time(s, 5);
		r.count = (long)sql_col_int(s, 6);
		rc = fn(&r, ctx);
		if (rc)
			goto out;
	}
	rc = rc == SQL_DONE ? 0 : sql_fail(db, err, "refused sign-ins");
out:
	sql_reset(s);
	return rc;
}

int db_login_refusal_close(struct sql *db, const char *key, struct err *err)
{
	struct sql_stmt *s;
	int rc = prep(db, "DELETE FROM login_refusal WHERE key = ?1", &s,
		      err);

	if (rc)
		return rc;
	sql_bind_text(s, 1, key);
	return run(db, s, err, "close a window of refused sign-ins");
}

/* ---- audit trail ------------------------------------------------------------ */

/* An audit row's columns, in audit_row's order. */
#define AUDIT_COLS                                                       \
	"id, at, user_id, org_id, actor, role, action, subject_kind,"     \
	" subject_id, detail, ip, prev_hash, hash"
#define AUDIT_SELECT "SELECT " AUDIT_COLS " FROM aud.audit"

static void audit_from_row(struct sql_stmt *s, struct audit_row *r)
{
	memset(r, 0, sizeof(*r));
	r->id = sql_col_int(s, 0);
	r->at = sql_col_time(s, 1);
	r->user_id = sql_col_int(s, 2);	/* NULL reads as 0 */
	r->org_id = sql_col_int(s, 3);
	sql_col_text(s, 4, r->actor, sizeof(r->actor));
	sql_col_text(s, 5, r->role, sizeof(r->role));
	sql_col_text(s, 6, r->action, sizeof(r->action));
	sql_col_text(s, 7, r->subject_kind, sizeof(r->subject_kind));
	sql_col_text(s, 8, r->subject_id, sizeof(r->subject_id));
	sql_col_text(s, 9, r->detail, sizeof(r->detail));
	sql_col_text(s, 10, r->ip, sizeof(r->ip));
	sql_col_text(s, 11, r->prev_hash, sizeof(r->prev_hash));
	sql_col_text(s, 12, r->hash, sizeof(r->hash));
}

/*
 * Migration 10: rows of a change that committed in the store file but
 * not in the audit file (a crash between the two commits) are copied
 * back, with their ids and hashes, when the first of them extends the
 * audit file's chain (its prev_hash the head's, or the genesis hash of
 * auth/audit.h, 64 zeros, for an empty trail).  Otherwise, or when the
 * audit file has them, nothing.
 */
/* The first row's prev_hash: 64 zeros. */
#define ZERO_HASH \
	"0000000000000000000000000000000000000000000000000000000000000000"
#define AUDIT_HEAD_ID "(SELECT coalesce(max(id), 0) FROM aud.audit)"

int db_audit_lost(struct sql *db, bool *yes, struct err *err)
{
	struct sql_stmt *s;
	int rc = prep(db, "SELECT count(*) FROM audit_pending f"
		      " WHERE f.id = " AUDIT_HEAD_ID " + 1"
		      " AND f.prev_hash = coalesce((SELECT hash FROM aud.audit"
		      " ORDER BY id DESC LIMIT 1), '" ZERO_HASH "')",
		      &s, err);

	*yes = false;
	if (rc)
		return rc;
	rc = sql_step(s);
	if (rc == SQL_ROW)
		*yes = sql_col_int(s, 0) > 0;
	rc = rc == SQL_ROW ? 0 : sql_fail(db, err,
					   "audit rows to restore");
	sql_reset(s);
	return rc;
}

int db_audit_restore(struct sql *db, struct err *err)
{
	struct sql_stmt *s;
	bool lost;
	int rc = db_audit_lost(db, &lost, err);

	if (rc || !lost)
		return rc;
	rc = prep(db, "INSERT INTO aud.audit (" AUDIT_COLS ") SELECT "
		  AUDIT_COLS " FROM audit_pending WHERE id > "
		  AUDIT_HEAD_ID " ORDER BY id", &s, err);
	return rc ? rc : run(db, s, err, "restoring the audit rows of a "
			     "change whose audit commit was lost");
}

int db_audit_head(struct sql *db, int64_t *id, char *hash, struct err *err)
{
	struct sql_stmt *s;
	int rc = db_audit_restore(db, err);

	if (rc)
		return rc;
	rc = prep(db, "SELECT id, hash FROM aud.audit ORDER BY id DESC LIMIT 1",
		  &s, err);
	if (rc)
		return rc;
	rc = sql_step(s);
	if (rc == SQL_ROW) {
		*id = sql_col_int(s, 0);
		sql_col_text(s, 1, hash, AUDIT_HASH_HEX + 1);
		rc = 0;
	} else {
		rc = rc == SQL_DONE ? 0 : sql_fail(db, err, "audit head");
	}
	sql_reset(s);
	return rc;
}

static int audit_insert_into(struct sql *db, const char *sql,
			     const struct audit_row *r, struct err *err);

/*
 * A row inside a caller's transaction (a change, which writes the store
 * file anyway) goes into main.audit_pending as well, which holds only
 * the last such transaction's rows (migration 10).
 */
int db_audit_insert(struct sql *db, const struct audit_row *r, struct err *err)
{
	struct sql_stmt *s;
	int rc = audit_insert_into(db, "INSERT INTO aud.audit (" AUDIT_COLS
				   ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
				   " ?9, ?10, ?11, ?12, ?13)", r, err);

	if (rc || !sql_nested(db))
		return rc;
	if (sql_first_pending(db)) {
		rc = prep(db, "DELETE FROM audit_pending", &s, err);
		if (!rc)
			rc = run(db, s, err, "audit_pending");
		if (rc)
			return rc;
	}
	return audit_insert_into(db, "INSERT INTO audit_pending ("
				 AUDIT_COLS ") VALUES (?1, ?2, ?3, ?4, ?5,"
				 " ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", r,
				 err);
}

static int audit_insert_into(struct sql *db, const char *sql,
			     const struct audit_row *r, struct err *err)
{
	char at[STORE_TIME_MAX];
	struct sql_stmt *s;
	int rc = prep(db, sql, &s, err);

	if (rc)
		return rc;
	store_time_fmt(r->at, at);	/* 1970 too: never NULL */
	sql_bind_int(s, 1, r->id);
	sql_bind_text(s, 2, at);
	sql_bind_id(s, 3, r->user_id);
	sql_bind_id(s, 4, r->org_id);
	sql_bind_text(s, 5, r->actor);
	sql_bind_text(s, 6, r->role);
	sql_bind_text(s, 7, r->action);
	sql_bind_text(s, 8, r->subject_kind);
	sql_bind_text(s, 9, r->subject_id);
	sql_bind_text(s, 10, r->detail);
	sql_bind_text(s, 11, r->ip);
	sql_bind_text(s, 12, r->prev_hash);
	sql_bind_text(s, 13, r->hash);
	return run(db, s, err, "append to the audit trail");
}

static int audit_rows(struct sql *db, struct sql_stmt *s, store_audit_fn *fn,
		      void *ctx, struct err *err)
{
	struct audit_row r;
	int rc;

	while ((rc = sql_step(s)) == SQL_ROW) {
		audit_from_row(s, &r);
		rc = fn(&r, ctx);
		if (rc)
			goto out;
	}
	rc = rc == SQL_DONE ? 0 : sql_fail(db, err, "audit trail");
out:
	sql_reset(s);
	return rc;
}

int db_audit_list(struct sql *db, const struct audit_query *q,
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
	struct sql_stmt *s;
	int rc;

	rc = prep(db, subject ? by_subject : q->user_id ? by_user : all, &s,
		  err);
	if (rc)
		return rc;
	if (subject) {
		sql_bind_text(s, 1, q->subject_kind);
		if (q->subject_id)
			sql_bind_text(s, 2, q->subject_id);
	}
	sql_bind_id(s, 3, q->user_id);
	sql_bind_int(s, 4, q->before_id > 0 ? q->before_id : INT64_MAX);
	sql_bind_int(s, 5, q->limit);
	return audit_rows(db, s, fn, ctx, err);
}

int db_audit_scan(struct sql *db, store_audit_fn *fn, void *ctx,
		  struct err *err)
{
	struct sql_stmt *s;
	int rc = prep(db, AUDIT_SELECT " ORDER BY id", &s, err);

	if (rc)
		return rc;
	return audit_rows(db, s, fn, ctx, err);
}

/* The audit table's guard triggers are the schema's (the driver's DDL). */
int db_audit_protected(struct sql *db, bool *yes, struct err *err)
{
	return sql_driver(db)->audit_protected(db, yes, err);
}
