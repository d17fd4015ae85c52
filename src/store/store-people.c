/*
 * store-people.c: the store API of people, organisations, sessions, API
 * tokens, sign-in throttling and the audit trail (store.h, issue 4): the
 * tables behind src/auth/.  Arguments are checked here; no policy.
 */
#include "base/compat.h"
#include "store/store-internal.h"

/* Is s no longer than max bytes? */
static bool fits(const char *s, size_t max)
{
	return s && strnlen(s, max + 1) <= max;
}

int store_org_add(struct store *s, const struct org *o, int64_t *id,
		  struct err *err)
{
	int64_t got;

	if ((unsigned)o->kind >= ORG_NKINDS || !o->code[0] || !o->name_en[0])
		return err_set(err, ERR_INVALID,
			       "an organisation needs a kind, a code and a "
			       "name");
	if ((o->kind == ORG_COUNCIL) != (o->la[0] != '\0') ||
	    (o->kind != ORG_PROVIDER && o->provider[0]))
		return err_set(err, ERR_INVALID,
			       "only a council has a local authority and only "
			       "a provider a register provider");
	return db_org_add(s->db, o, id ? id : &got, err);
}

int store_org_get(struct store *s, enum org_kind kind, const char *code,
		  struct org *out, struct err *err)
{
	if ((unsigned)kind >= ORG_NKINDS)
		BUG("org kind %d", (int)kind);
	return db_org_get(s->db, kind, code, out, err);
}

int store_org_get_id(struct store *s, int64_t id, struct org *out,
		     struct err *err)
{
	return db_org_get_id(s->db, id, out, err);
}

int store_orgs_each(struct store *s, store_org_fn *fn, void *ctx,
		    struct err *err)
{
	return db_orgs_each(s->db, fn, ctx, err);
}

int store_org_area_add(struct store *s, int64_t org_id, const char *la_code,
		       struct err *err)
{
	if (strlen(la_code) != LA_CODE_MAX)
		return err_set(err, ERR_INVALID, "\"%.40s\" is not a GSS code",
			       la_code);
	return db_org_area_add(s->db, org_id, la_code, err);
}

int store_org_areas_each(struct store *s, int64_t org_id, store_code_fn *fn,
			 void *ctx, struct err *err)
{
	return db_org_areas_each(s->db, org_id, fn, ctx, err);
}

int store_user_add(struct store *s, const struct user *u,
		   const char *password_hash, int64_t *id, struct err *err)
{
	int64_t got;

	if (!u->email[0] || !u->name[0] || (unsigned)u->role >= ROLE_N ||
	    !fits(password_hash, STORE_PWHASH_MAX - 1))
		return err_set(err, ERR_INVALID,
			       "a user needs an email address, a name, a role "
			       "and a password hash");
	return db_user_add(s->db, u, password_hash, id ? id : &got,
			       err);
}

int store_user_by_email(struct store *s, const char *email, struct user *out,
			char *password_hash, struct err *err)
{
	memset(out, 0, sizeof(*out));
	return db_user_by_email(s->db, email, out, password_hash, err);
}

int store_user_by_id(struct store *s, int64_t id, struct user *out,
		     char *password_hash, struct err *err)
{
	memset(out, 0, sizeof(*out));
	return db_user_by_id(s->db, id, out, password_hash, err);
}

int store_users_each(struct store *s, store_user_fn *fn, void *ctx,
		     struct err *err)
{
	return db_users_each(s->db, fn, ctx, err);
}

int store_user_set_disabled(struct store *s, int64_t id, bool disabled,
			    struct err *err)
{
	return db_user_set_disabled(s->db, id, disabled, err);
}

int store_user_set_password(struct store *s, int64_t id,
			    const char *password_hash, int64_t changed_at,
			    struct err *err)
{
	if (!fits(password_hash, STORE_PWHASH_MAX - 1))
		return err_set(err, ERR_INVALID, "bad password hash");
	return db_user_set_password(s->db, id, password_hash,
					changed_at, err);
}

int store_session_add(struct store *s, const struct session_row *r,
		      int64_t *id, struct err *err)
{
	int64_t got;

	if (!r->user_id || !r->csrf[0])
		return err_set(err, ERR_INVALID,
			       "a session needs a user and a CSRF token");
	return db_session_add(s->db, r, id ? id : &got, err);
}

int store_session_get(struct store *s,
		      const uint8_t hash[STORE_TOKEN_HASH_BYTES],
		      struct session_row *out, struct err *err)
{
	memset(out, 0, sizeof(*out));
	return db_session_get(s->db, hash, out, err);
}

int store_session_touch(struct store *s, int64_t id, int64_t last_seen_at,
			int64_t expires_at, struct err *err)
{
	return db_session_touch(s->db, id, last_seen_at, expires_at,
				    err);
}

int store_session_delete(struct store *s, int64_t id, struct err *err)
{
	return db_session_delete(s->db, id, err);
}

int store_sessions_delete_user(struct store *s, int64_t user_id,
			       struct err *err)
{
	return db_sessions_delete_user(s->db, user_id, err);
}

int store_sessions_purge(struct store *s, int64_t now, struct err *err)
{
	return db_sessions_purge(s->db, now, err);
}

int store_api_token_add(struct store *s, const struct api_token_row *r,
			int64_t *id, struct err *err)
{
	int64_t got;

	if (!r->user_id || !r->label[0])
		return err_set(err, ERR_INVALID,
			       "an API token needs a user and a label");
	return db_api_token_add(s->db, r, id ? id : &got, err);
}

int store_api_token_get(struct store *s,
			const uint8_t hash[STORE_TOKEN_HASH_BYTES],
			struct api_token_row *out, struct err *err)
{
	memset(out, 0, sizeof(*out));
	return db_api_token_get(s->db, hash, out, err);
}

int store_api_token_get_id(struct store *s, int64_t id,
			   struct api_token_row *out, struct err *err)
{
	memset(out, 0, sizeof(*out));
	return db_api_token_get_id(s->db, id, out, err);
}

int store_api_token_who(struct store *s,
			const uint8_t hash[STORE_TOKEN_HASH_BYTES],
			struct api_token_row *tok, struct user *u,
			struct org *o, struct err *err)
{
	memset(tok, 0, sizeof(*tok));
	memset(u, 0, sizeof(*u));
	memset(o, 0, sizeof(*o));
	return db_api_token_who(s->db, hash, tok, u, o, err);
}

int store_api_token_touch(struct store *s, int64_t id, int64_t at,
			  struct err *err)
{
	return db_api_token_touch(s->db, id, at, err);
}

int store_api_token_revoke(struct store *s, int64_t id, int64_t at,
			   struct err *err)
{
	return db_api_token_revoke(s->db, id, at, err);
}

int store_api_tokens_revoke_user(struct store *s, int64_t user_id,
				 int64_t at, struct err *err)
{
	return db_api_tokens_revoke_user(s->db, user_id, at, err);
}

int store_api_tokens_each(struct store *s, int64_t user_id,
			  store_api_token_fn *fn, void *ctx, struct err *err)
{
	return db_api_tokens_each(s->db, user_id, fn, ctx, err);
}

int store_login_fail_add(struct store *s, const char *key, int64_t at,
			 struct err *err)
{
	if (!fits(key, STORE_THROTTLE_KEY_MAX))
		return err_set(err, ERR_INVALID, "throttling key too long");
	return db_login_fail_add(s->db, key, at, err);
}

int store_login_fails_count(struct store *s, const char *key, int64_t since,
			    long *n, struct err *err)
{
	*n = 0;
	return db_login_fails_count(s->db, key, since, n, err);
}

int store_login_fails_clear(struct store *s, const char *key,
			    struct err *err)
{
	return db_login_fails_clear(s->db, key, err);
}

int store_login_fails_purge(struct store *s, int64_t before,
			    struct err *err)
{
	return db_login_fails_purge(s->db, before, err);
}

int store_login_refusal_add(struct store *s, const struct login_refusal *r,
			    long *count, struct err *err)
{
	*count = 0;
	if (!fits(r->key, STORE_THROTTLE_KEY_MAX) ||
	    !fits(r->ip, STORE_IP_MAX) || !fits(r->subject, USER_EMAIL_MAX) ||
	    !fits(r->why, STORE_REFUSAL_WHY_MAX) || !r->key[0])
		return err_set(err, ERR_INVALID, "bad refused sign-in");
	return db_login_refusal_add(s->db, r, count, err);
}

int store_login_refusals_from(struct store *s, const char *ip,
			      const char *ip_key, const char *key, long *n,
			      bool *has_key, struct err *err)
{
	*n = 0;
	*has_key = false;
	return db_login_refusals_from(s->db, ip, ip_key, key, n,
					  has_key, err);
}

int store_login_refusals_ended(struct store *s, int64_t before,
			       store_login_refusal_fn *fn, void *ctx,
			       struct err *err)
{
	return db_login_refusals_ended(s->db, before, fn, ctx, err);
}

int store_login_refusal_close(struct store *s, const char *key,
			      struct err *err)
{
	return db_login_refusal_close(s->db, key, err);
}

int store_audit_head(struct store *s, int64_t *id,
		     char hash[AUDIT_HASH_HEX + 1], struct err *err)
{
	*id = 0;
	hash[0] = '\0';
	return db_audit_head(s->db, id, hash, err);
}

/* An instant the store's text keeps exactly: the chain hashes that text. */
static bool audit_time_ok(int64_t ms)
{
	char t[STORE_TIME_MAX];
	int64_t back;

	store_time_fmt(ms, t);
	return !store_time_parse(t, &back) && back == ms;
}

int store_audit_insert(struct store *s, const struct audit_row *r,
		       struct err *err)
{
	if (r->id < 1 || !audit_time_ok(r->at) ||
	    !r->action[0] || strlen(r->prev_hash) != AUDIT_HASH_HEX ||
	    strlen(r->hash) != AUDIT_HASH_HEX)
		return err_set(err, ERR_INVALID, "incomplete audit row");
	return db_audit_insert(s->db, r, err);
}

int store_audit_list(struct store *s, const struct audit_query *q,
		     store_audit_fn *fn, void *ctx, struct err *err)
{
	if (q->limit < 1 || q->limit > 1000)
		return err_set(err, ERR_INVALID,
			       "an audit page is 1 to 1000 rows");
	return db_audit_list(s->db, q, fn, ctx, err);
}

int store_audit_scan(struct store *s, store_audit_fn *fn, void *ctx,
		     struct err *err)
{
	return db_audit_scan(s->db, fn, ctx, err);
}

int store_audit_protected(struct store *s, bool *yes, struct err *err)
{
	*yes = false;
	return db_audit_protected(s->db, yes, err);
}
