/*
 * session.c: signing in (with throttling), sessions and API tokens
 * (auth.h).
 *
 * Throttling counts failed sign-ins per account key ("acct:<email>",
 * whether or not the account exists, so a lock-out says nothing about
 * existence) and per address key ("ip:<addr>") over a sliding window.  A
 * refused (throttled) attempt is not itself counted, so a lock-out ends
 * AUTH_THROTTLE_WINDOW_MS after the failure that caused it.  The count
 * is read before the slow password check and failures are written after
 * it, so a burst of simultaneous attempts can pass the limit by the
 * number in flight: the limit bounds guessing rates, not exact counts.
 *
 * The password check runs against a fixed dummy argon2id hash when the
 * account does not exist, so that unknown and known accounts take the
 * same time to refuse.
 */
#include "base/compat.h"
#include <inttypes.h>
#include "auth/auth-internal.h"
#include "base/parse.h"
#include "base/xalloc.h"

static int64_t min64(int64_t a, int64_t b)
{
	return a < b ? a : b;
}

/* ---- sessions ------------------------------------------------------------- */

int auth_session_create(struct store *s, int64_t user_id, const char *ip,
			int64_t now, char token_out[AUTH_TOKEN_STR_MAX],
			char csrf_out[AUTH_TOKEN_STR_MAX], struct err *err)
{
	struct session_row row;
	struct user u;
	int64_t id;
	int rc;

	rc = store_user_by_id(s, user_id, &u, NULL, err);
	if (rc)
		return rc;
	if (u.disabled)
		return err_set(err, ERR_DENIED, "%s", AUTH_MSG_NO_SESSION);
	rc = store_sessions_purge(s, now, err);
	if (rc)
		return rc;
	memset(&row, 0, sizeof(row));
	auth_token_new(token_out);
	auth_token_new(csrf_out);
	auth_token_hash(token_out, row.token_hash);
	row.user_id = user_id;
	snprintf(row.csrf, sizeof(row.csrf), "%s", csrf_out);
	row.created_at = row.last_seen_at = now;
	row.expires_at = now + min64(AUTH_SESSION_IDLE_MS,
				     AUTH_SESSION_ABSOLUTE_MS);
	snprintf(row.ip, sizeof(row.ip), "%.*s",
		 (int)auth__utf8_prefix(ip ? ip : "", STORE_IP_MAX),
		 ip ? ip : "");
	rc = store_session_add(s, &row, &id, err);
	if (rc) {
		token_out[0] = csrf_out[0] = '\0';
		return rc;
	}
	return 0;
}

/* The session of a token, or ERR_DENIED. */
static int find_session(struct store *s, const char *token,
			struct session_row *row, struct err *err)
{
	uint8_t hash[STORE_TOKEN_HASH_BYTES];
	int rc;

	if (!auth_token_wellformed(token))
		return err_set(err, ERR_DENIED, "%s", AUTH_MSG_NO_SESSION);
	auth_token_hash(token, hash);
	rc = store_session_get(s, hash, row, err);
	if (rc == ERR_NOT_FOUND)
		return ERR_DENIED;	/* err already says "not found" */
	return rc;
}

int auth_session_check(struct store *s, const char *token, int64_t now,
		       struct user *user_out,
		       char csrf_out[AUTH_TOKEN_STR_MAX], struct err *err)
{
	struct err inner = ERR_INIT;
	struct session_row row;
	struct user u;
	int64_t limit;
	int rc;

	rc = find_session(s, token, &row, &inner);
	if (rc == ERR_DENIED)
		return err_set(err, ERR_DENIED, "%s", AUTH_MSG_NO_SESSION);
	if (rc)
		return err_set(err, rc, "%s", err_text(&inner));
	limit = row.created_at + AUTH_SESSION_ABSOLUTE_MS;
	if (now >= row.expires_at || now >= limit) {
		rc = store_session_delete(s, row.id, err);
		return rc ? rc : err_set(err, ERR_DENIED, "%s",
					 AUTH_MSG_NO_SESSION);
	}
	rc = store_user_by_id(s, row.user_id, &u, NULL, err);
	if (rc)
		return rc;
	if (u.disabled) {
		rc = store_session_delete(s, row.id, err);
		return rc ? rc : err_set(err, ERR_DENIED, "%s",
					 AUTH_MSG_NO_SESSION);
	}
	if (now - row.last_seen_at >= AUTH_TOUCH_MS) {
		rc = store_session_touch(s, row.id, now,
					 min64(now + AUTH_SESSION_IDLE_MS,
					       limit), err);
		if (rc)
			return rc;
	}
	if (user_out)
		*user_out = u;
	if (csrf_out)
		str_copy(csrf_out, AUTH_TOKEN_STR_MAX, row.csrf);
	return 0;
}

int auth_session_end(struct store *s, const char *token, const char *ip,
		     int64_t now, struct err *err)
{
	struct auth_actor by = { NULL, NULL, ip };
	struct session_row row;
	struct user u;
	int rc;

	rc = find_session(s, token, &row, NULL);
	if (rc == ERR_DENIED)
		return 0;	/* nothing to end */
	if (rc)
		return err_set(err, rc, "ending a session");
	rc = store_user_by_id(s, row.user_id, &u, NULL, err);
	if (rc)
		return rc;
	by.user = &u;
	rc = store_begin(s, err);
	if (rc)
		return rc;
	rc = store_session_delete(s, row.id, err);
	if (!rc)
		rc = auth__audit(s, &by, now, "sign-out", "user", u.email,
				 err, NULL);
	if (!rc)
		rc = store_commit(s, err);
	if (rc)
		store_rollback(s);
	return rc;
}

/* ---- signing in ----------------------------------------------------------------- */

bool auth_login_throttled(const struct err *e)
{
	return e && e->code == ERR_DENIED &&
	       !strcmp(e->msg, AUTH_MSG_THROTTLED);
}

/* ---- refused sign-ins, counted per window ---------------------------------------- */

struct ended {
	struct login_refusal *r;
	size_t n, alloc;
};

static int collect_ended(const struct login_refusal *r, void *ctx)
{
	struct ended *e = ctx;

	ALLOC_GROW(e->r, e->n + 1, e->alloc);
	e->r[e->n++] = *r;
	return 0;
}

/*
 * Inside the caller's transaction: close every window of refused
 * sign-ins that has ended by now, writing one audit row for the
 * refusals after the first (which was audited when it happened).
 */
static int close_refusal_windows(struct store *s, int64_t now,
				 struct err *err)
{
	struct ended e = { NULL, 0, 0 };
	int rc = store_login_refusals_ended(s, now - AUTH_THROTTLE_WINDOW_MS,
					    collect_ended, &e, err);

	for (size_t i = 0; i < e.n && !rc; i++) {
		const struct login_refusal *r = &e.r[i];
		struct auth_actor anon = { NULL, "anonymous", r->ip };
		char first[STORE_TIME_MAX], last[STORE_TIME_MAX];

		if (r->count > 1) {
			store_time_fmt(r->first_at, first);
			store_time_fmt(r->last_at, last);
			rc = auth__audit(s, &anon, now, "sign-in-throttled",
					 r->subject[0] ? "user" : NULL,
					 r->subject[0] ? r->subject : NULL,
					 err, "%ld more refused in the window "
					 "from %s to %s (%s)", r->count - 1,
					 first, last, r->why);
		}
		if (!rc)
			rc = store_login_refusal_close(s, r->key, err);
	}
	free(e.r);
	return rc;
}

/*
 * A throttled sign-in: counted under its key, and audited only when it
 * opens the key's window.  The key is the address when the address is
 * throttled or already has AUTH_REFUSAL_KEYS_PER_ADDRESS windows open,
 * else the account and the address.  So one address adds at most
 * 2 * (AUTH_REFUSAL_KEYS_PER_ADDRESS + 1) rows per window however fast
 * it tries (docs/security.md).
 */
static int login_refused(struct store *s, const char *acct_key,
			 const char *ip_key, const struct auth_actor *anon,
			 int64_t now, const char *subject, bool by_address,
			 struct err *err)
{
	struct login_refusal r;
	long open = 0, count = 0;
	bool has_key = false;
	int rc;

	memset(&r, 0, sizeof(r));
	str_copy(r.ip, sizeof(r.ip), ip_key + 3);
	str_copy(r.subject, sizeof(r.subject), subject ? subject : "");
	str_copy(r.why, sizeof(r.why), by_address ?
		 "too many failures from the address" :
		 "too many failures for the account");
	r.last_at = now;
	rc = store_begin(s, err);
	if (rc)
		return rc;
	/* cut if need be: a shared key only counts together */
	snprintf(r.key, sizeof(r.key), "%.67s %.252s", ip_key, acct_key);
	rc = close_refusal_windows(s, now, err);
	if (!rc && !by_address)
		rc = store_login_refusals_from(s, r.ip, ip_key, r.key, &open,
					       &has_key, err);
	if (!rc) {
		if (by_address ||
		    (!has_key && open >= AUTH_REFUSAL_KEYS_PER_ADDRESS))
			str_copy(r.key, sizeof(r.key), ip_key);
		rc = store_login_refusal_add(s, &r, &count, err);
	}
	if (!rc && count == 1)
		rc = auth__audit(s, anon, now, "sign-in-throttled",
				 subject ? "user" : NULL, subject, err, "%s",
				 r.why);
	if (!rc)
		rc = store_commit(s, err);
	if (rc) {
		store_rollback(s);
		return rc;
	}
	return err_set(err, ERR_DENIED, "%s", AUTH_MSG_THROTTLED);
}

/* Record a failed sign-in under both keys, and audit it. */
static int login_failed(struct store *s, const char *acct_key,
			const char *ip_key, const struct auth_actor *anon,
			int64_t now, const char *subject, const char *why,
			struct err *err)
{
	int rc = store_begin(s, err);

	if (rc)
		return rc;
	rc = close_refusal_windows(s, now, err);
	if (!rc)
		rc = store_login_fail_add(s, acct_key, now, err);
	if (!rc)
		rc = store_login_fail_add(s, ip_key, now, err);
	if (!rc)
		rc = auth__audit(s, anon, now, "sign-in-failed",
				 subject ? "user" : NULL, subject, err, "%s",
				 why);
	if (!rc)
		rc = store_commit(s, err);
	if (rc) {
		store_rollback(s);
		return rc;
	}
	return err_set(err, ERR_DENIED, "%s", AUTH_MSG_BAD_LOGIN);
}

int auth_login(struct store *s, const char *email, const char *password,
	       const char *ip, int64_t now, struct user *user_out,
	       struct err *err)
{
	char norm[USER_EMAIL_MAX + 1], acct_key[STORE_THROTTLE_KEY_MAX + 1];
	char ip_key[STORE_THROTTLE_KEY_MAX + 1], pwhash[AUTH_PWHASH_MAX];
	struct auth_actor anon = { NULL, "anonymous", ip };
	struct auth_actor by = { NULL, NULL, ip };
	const char *why = NULL;
	long acct_fails, ip_fails;
	bool known, ok;
	struct user u;
	int rc;

	memset(user_out, 0, sizeof(*user_out));
	if (!email)
		email = "";
	if (!password)
		password = "";
	if (!ip)
		ip = "";
	known = auth_email_normalise(email, norm) == 0;
	if (!known) {
		/* still throttle this (malformed) name, lower-cased */
		size_t n = auth__utf8_prefix(email, USER_EMAIL_MAX);

		for (size_t i = 0; i < n; i++)
			norm[i] = (char)(email[i] >= 'A' && email[i] <= 'Z' ?
						 email[i] - 'A' + 'a' :
						 email[i]);
		norm[n] = '\0';
	}
	snprintf(acct_key, sizeof(acct_key), "acct:%s", norm);
	snprintf(ip_key, sizeof(ip_key), "ip:%.*s",
		 (int)auth__utf8_prefix(ip, STORE_IP_MAX), ip);

	rc = store_login_fails_purge(s, now - AUTH_THROTTLE_WINDOW_MS, err);
	if (!rc)
		rc = store_login_fails_count(s, acct_key,
					     now - AUTH_THROTTLE_WINDOW_MS,
					     &acct_fails, err);
	if (!rc)
		rc = store_login_fails_count(s, ip_key,
					     now - AUTH_THROTTLE_WINDOW_MS,
					     &ip_fails, err);
	if (rc)
		return rc;

	if (known) {
		rc = store_user_by_email(s, norm, &u, pwhash, NULL);
		if (rc && rc != ERR_NOT_FOUND)
			return err_set(err, rc, "looking up a user");
		known = rc == 0;
	}
	if (acct_fails >= AUTH_FAILS_PER_ACCOUNT ||
	    ip_fails >= AUTH_FAILS_PER_ADDRESS)
		return login_refused(s, acct_key, ip_key, &anon, now,
				     known ? u.email : NULL,
				     ip_fails >= AUTH_FAILS_PER_ADDRESS, err);

	/* one argon2id check whatever the case, so timing tells nothing */
	ok = auth_password_verify(known ? pwhash : auth__dummy_hash,
				  password);
	if (!known)
		why = "unknown account";
	else if (!ok)
		why = "wrong password";
	else if (u.disabled)
		why = "account disabled";
	if (why)
		return login_failed(s, acct_key, ip_key, &anon, now,
				    known ? u.email : NULL, why, err);

	by.user = &u;
	rc = store_begin(s, err);
	if (rc)
		return rc;
	rc = close_refusal_windows(s, now, err);
	if (!rc)
		rc = store_login_fails_clear(s, acct_key, err);
	if (!rc && auth_password_needs_rehash(pwhash)) {
		/* upgrade to today's limits; password_changed_at unchanged */
		rc = auth_password_hash(password, pwhash, err);
		if (!rc)
			rc = store_user_set_password(s, u.id, pwhash,
						     u.password_changed_at,
						     err);
	}
	if (!rc)
		rc = auth__audit(s, &by, now, "sign-in", "user", u.email, err,
				 NULL);
	if (!rc)
		rc = store_commit(s, err);
	if (rc) {
		store_rollback(s);
		return rc;
	}
	*user_out = u;
	return 0;
}

/* ---- API tokens ----------------------------------------------------------------- */

int auth_api_token_create(struct store *s, const struct auth_actor *by,
			  int64_t user_id, const char *label, int64_t now,
			  char token_out[AUTH_API_TOKEN_STR_MAX], int64_t *id,
			  struct err *err)
{
	char raw[AUTH_TOKEN_STR_MAX];
	struct api_token_row row;
	struct user u;
	int64_t got = 0;
	int rc;

	token_out[0] = '\0';
	if (!auth__text_ok(label, API_TOKEN_LABEL_MAX))
		return err_set(err, ERR_INVALID, "a token's label is 1 to %d "
			       "characters without control characters",
			       API_TOKEN_LABEL_MAX);
	rc = store_user_by_id(s, user_id, &u, NULL, err);
	if (rc)
		return rc;
	if (u.disabled)
		return err_set(err, ERR_INVALID, "user %s is disabled",
			       u.email);
	memset(&row, 0, sizeof(row));
	auth_token_new(raw);
	snprintf(token_out, AUTH_API_TOKEN_STR_MAX, "%s%s",
		 AUTH_API_TOKEN_PREFIX, raw);
	auth_token_hash(token_out, row.token_hash);
	row.user_id = user_id;
	snprintf(row.label, sizeof(row.label), "%s", label);
	row.created_at = now;

	rc = store_begin(s, err);
	if (rc)
		goto out;
	rc = store_api_token_add(s, &row, &got, err);
	if (!rc)
		rc = auth__audit(s, by, now, "token-create", "user", u.email,
				 err, "API token %" PRId64 ": %s", got, label);
	if (!rc)
		rc = store_commit(s, err);
	if (rc)
		store_rollback(s);
out:
	if (rc)
		token_out[0] = '\0';
	else if (id)
		*id = got;
	return rc;
}

int auth_api_token_check_org(struct store *s, const char *token, int64_t now,
			     struct user *user_out, struct org *org_out,
			     struct err *err)
{
	static const char prefix[] = AUTH_API_TOKEN_PREFIX;
	uint8_t hash[STORE_TOKEN_HASH_BYTES];
	struct api_token_row row;
	struct user u;
	struct org o;
	int rc;

	if (!token || strncmp(token, prefix, sizeof(prefix) - 1) ||
	    !auth_token_wellformed(token + sizeof(prefix) - 1))
		return err_set(err, ERR_DENIED, "not a valid API token");
	auth_token_hash(token, hash);
	/* read on every request, so a revoked token or a disabled user
	 * stops working at once */
	rc = store_api_token_who(s, hash, &row, &u, &o, NULL);
	if (rc == ERR_NOT_FOUND)
		return err_set(err, ERR_DENIED, "not a valid API token");
	if (rc)
		return err_set(err, rc, "checking an API token");
	if (row.revoked_at)
		return err_set(err, ERR_DENIED, "this API token was revoked");
	if (u.disabled)
		return err_set(err, ERR_DENIED, "not a valid API token");
	if (now - row.last_used_at >= AUTH_TOUCH_MS) {
		rc = store_api_token_touch(s, row.id, now, err);
		if (rc)
			return rc;
	}
	if (user_out)
		*user_out = u;
	if (org_out)
		*org_out = o;
	return 0;
}

int auth_api_token_check(struct store *s, const char *token, int64_t now,
			 struct user *user_out, struct err *err)
{
	return auth_api_token_check_org(s, token, now, user_out, NULL, err);
}

int auth_api_token_revoke(struct store *s, const struct auth_actor *by,
			  int64_t token_id, int64_t now, struct err *err)
{
	struct api_token_row row;
	struct user u;
	int rc;

	rc = store_api_token_get_id(s, token_id, &row, NULL);
	if (rc == ERR_NOT_FOUND)
		return err_set(err, rc, "no API token %" PRId64, token_id);
	if (!rc && row.revoked_at)
		return err_set(err, ERR_INVALID,
			       "API token %" PRId64 " is already revoked",
			       token_id);
	if (!rc)
		rc = store_user_by_id(s, row.user_id, &u, NULL, err);
	if (rc)
		return err_set(err, rc, "revoking API token %" PRId64,
			       token_id);
	rc = store_begin(s, err);
	if (rc)
		return rc;
	rc = store_api_token_revoke(s, token_id, now, err);
	if (!rc)
		rc = auth__audit(s, by, now, "token-revoke", "user", u.email,
				 err, "API token %" PRId64 ": %s", token_id,
				 row.label);
	if (!rc)
		rc = store_commit(s, err);
	if (rc)
		store_rollback(s);
	return rc;
}
