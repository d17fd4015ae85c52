/*
 * store-people.h: the store's people, organisations, sessions, API
 * tokens, sign-in throttling and audit trail (issue 4).
 *
 * The tables behind src/auth/ (docs/security.md).  Only src/auth/ and the
 * CLI should call these: they apply no policy (password rules, throttling,
 * expiry, audit) of their own.  Times are milliseconds since 1970-01-01
 * UTC in the API and ISO 8601 text with milliseconds in the store.  The
 * store never sees a secret in clear: passwords arrive as argon2id strings
 * and session and API tokens as 32-byte hashes.  0 stands for "none" in
 * ids and times.  A unique key already taken is ERR_EXISTS; a missing row
 * ERR_NOT_FOUND.  Organisations, users and roles are domain/people.h.
 */
#ifndef CARTREF_STORE_PEOPLE_H
#define CARTREF_STORE_PEOPLE_H

#include "base/compat.h"
#include "domain/people.h"
#include "store/store-core.h"

/*
 * Add an organisation (o->id is ignored) and set *id (may be NULL).  A
 * council needs o->la to be a council in the geography; a provider's
 * o->provider, when given, must be in the homes register (ERR_NOT_FOUND).
 */
int store_org_add(struct store *s, const struct org *o, int64_t *id,
		  struct err *err);
int store_org_get(struct store *s, enum org_kind kind, const char *code,
		  struct org *out, struct err *err);
int store_org_get_id(struct store *s, int64_t id, struct org *out,
		     struct err *err);
typedef int store_org_fn(const struct org *o, void *ctx);
/* Every organisation, by kind then code. */
int store_orgs_each(struct store *s, store_org_fn *fn, void *ctx,
		    struct err *err);
/* A police force's area: add a council (GSS code), list them in order. */
int store_org_area_add(struct store *s, int64_t org_id, const char *la_code,
		       struct err *err);
typedef int store_code_fn(const char *code, void *ctx);
int store_org_areas_each(struct store *s, int64_t org_id, store_code_fn *fn,
			 void *ctx, struct err *err);

/* crypto_pwhash_STRBYTES: an argon2id string and its NUL */
#define STORE_PWHASH_MAX 128

/* Add u (email, name, role, org_id, created_at) with a password hash. */
int store_user_add(struct store *s, const struct user *u,
		   const char *password_hash, int64_t *id, struct err *err);
/* Look a user up; password_hash (may be NULL) gets STORE_PWHASH_MAX. */
int store_user_by_email(struct store *s, const char *email, struct user *out,
			char *password_hash, struct err *err);
int store_user_by_id(struct store *s, int64_t id, struct user *out,
		     char *password_hash, struct err *err);
typedef int store_user_fn(const struct user *u, void *ctx);
/* Every user, by email. */
int store_users_each(struct store *s, store_user_fn *fn, void *ctx,
		     struct err *err);
int store_user_set_disabled(struct store *s, int64_t id, bool disabled,
			    struct err *err);
int store_user_set_password(struct store *s, int64_t id,
			    const char *password_hash, int64_t changed_at,
			    struct err *err);

#define STORE_TOKEN_HASH_BYTES 32
#define STORE_CSRF_MAX 64
#define STORE_IP_MAX 64

struct session_row {
	int64_t id;
	int64_t user_id;
	uint8_t token_hash[STORE_TOKEN_HASH_BYTES];
	char csrf[STORE_CSRF_MAX + 1];
	int64_t created_at, last_seen_at, expires_at;
	char ip[STORE_IP_MAX + 1];
};

int store_session_add(struct store *s, const struct session_row *r,
		      int64_t *id, struct err *err);
int store_session_get(struct store *s,
		      const uint8_t hash[STORE_TOKEN_HASH_BYTES],
		      struct session_row *out, struct err *err);
int store_session_touch(struct store *s, int64_t id, int64_t last_seen_at,
			int64_t expires_at, struct err *err);
int store_session_delete(struct store *s, int64_t id, struct err *err);
/* End every session of a user. */
int store_sessions_delete_user(struct store *s, int64_t user_id,
			       struct err *err);
/* Delete sessions whose expires_at is at or before now. */
int store_sessions_purge(struct store *s, int64_t now, struct err *err);

#define API_TOKEN_LABEL_MAX 80

struct api_token_row {
	int64_t id;
	int64_t user_id;
	uint8_t token_hash[STORE_TOKEN_HASH_BYTES];
	char label[API_TOKEN_LABEL_MAX + 1];
	int64_t created_at;
	int64_t last_used_at;	/* 0: never */
	int64_t revoked_at;	/* 0: live */
};

int store_api_token_add(struct store *s, const struct api_token_row *r,
			int64_t *id, struct err *err);
int store_api_token_get(struct store *s,
			const uint8_t hash[STORE_TOKEN_HASH_BYTES],
			struct api_token_row *out, struct err *err);
int store_api_token_get_id(struct store *s, int64_t id,
			   struct api_token_row *out, struct err *err);
/* The token of this hash, its user and the user's organisation in one
 * query (the API checks a token on every request); ERR_NOT_FOUND. */
int store_api_token_who(struct store *s,
			const uint8_t hash[STORE_TOKEN_HASH_BYTES],
			struct api_token_row *tok, struct user *u,
			struct org *o, struct err *err);
int store_api_token_touch(struct store *s, int64_t id, int64_t at,
			  struct err *err);
/* Revoke one token (ERR_NOT_FOUND if not live), or all of a user's. */
int store_api_token_revoke(struct store *s, int64_t id, int64_t at,
			   struct err *err);
int store_api_tokens_revoke_user(struct store *s, int64_t user_id,
				 int64_t at, struct err *err);
typedef int store_api_token_fn(const struct api_token_row *r, void *ctx);
/* A user's tokens (user_id 0: everyone's), newest first. */
int store_api_tokens_each(struct store *s, int64_t user_id,
			  store_api_token_fn *fn, void *ctx, struct err *err);

/* Failed sign-ins under a throttling key ("acct:<email>", "ip:<addr>"). */
#define STORE_THROTTLE_KEY_MAX 320
int store_login_fail_add(struct store *s, const char *key, int64_t at,
			 struct err *err);
/* How many since `since` (exclusive). */
int store_login_fails_count(struct store *s, const char *key, int64_t since,
			    long *n, struct err *err);
int store_login_fails_clear(struct store *s, const char *key,
			    struct err *err);
/* Forget failures at or before `before`. */
int store_login_fails_purge(struct store *s, int64_t before,
			    struct err *err);

/*
 * Refused (throttled) sign-ins are counted, not audited one by one
 * (auth/session.c): a window opens at the first refusal under a key
 * ("acct:<email> ip:<addr>" or "ip:<addr>"), which is audited, and the
 * refusals after it only count until the window is closed.
 */
#define STORE_REFUSAL_WHY_MAX 80
struct login_refusal {
	char key[STORE_THROTTLE_KEY_MAX + 1];
	char ip[STORE_IP_MAX + 1];		/* the address it came from */
	char subject[USER_EMAIL_MAX + 1];	/* a known account, or "" */
	char why[STORE_REFUSAL_WHY_MAX + 1];
	int64_t first_at, last_at;	/* the window's first and last */
	long count;			/* refusals in the window */
};
/* Count a refusal (r's key, ip, subject, why; r->last_at is its time):
 * *count is the window's refusals with this one, 1 if it opened it. */
int store_login_refusal_add(struct store *s, const struct login_refusal *r,
			    long *count, struct err *err);
/* The open windows of refusals from address ip under keys other than
 * ip_key, and whether key's is one of them. */
int store_login_refusals_from(struct store *s, const char *ip,
			      const char *ip_key, const char *key, long *n,
			      bool *has_key, struct err *err);
typedef int store_login_refusal_fn(const struct login_refusal *r,
				   void *ctx);
/* The windows opened at or before `before`, oldest first. */
int store_login_refusals_ended(struct store *s, int64_t before,
			       store_login_refusal_fn *fn, void *ctx,
			       struct err *err);
/* Close (forget) a key's window. */
int store_login_refusal_close(struct store *s, const char *key,
			      struct err *err);

#define AUDIT_HASH_HEX 64
#define AUDIT_WORD_MAX 32
#define AUDIT_ACTOR_MAX 260
#define AUDIT_SUBJECT_MAX 160
#define AUDIT_DETAIL_MAX 1000

/* One row of the audit trail, as stored (src/auth/audit.h writes them). */
struct audit_row {
	int64_t id;			/* 1, 2, 3, ... without gaps */
	int64_t at;			/* ms since 1970 UTC; hashed as the
					 * text of store_time_fmt() */
	int64_t user_id;		/* 0: not a signed-in user */
	int64_t org_id;			/* 0: none */
	char actor[AUDIT_ACTOR_MAX + 1];	/* email, or "cli:root" */
	char role[AUDIT_WORD_MAX + 1];
	char action[AUDIT_WORD_MAX + 1];	/* "view", "user-add", ... */
	char subject_kind[AUDIT_WORD_MAX + 1];	/* "child", "user", ... */
	char subject_id[AUDIT_SUBJECT_MAX + 1];
	char detail[AUDIT_DETAIL_MAX + 1];
	char ip[STORE_IP_MAX + 1];
	char prev_hash[AUDIT_HASH_HEX + 1];
	char hash[AUDIT_HASH_HEX + 1];
};

/* The last row's id and hash; 0 and "" when the trail is empty. */
int store_audit_head(struct store *s, int64_t *id,
		     char hash[AUDIT_HASH_HEX + 1], struct err *err);
/* Append r as is: r->id must be the head's id + 1 (the store refuses
 * anything else), inside a transaction that read the head. */
int store_audit_insert(struct store *s, const struct audit_row *r,
		       struct err *err);

struct audit_query {
	const char *subject_kind;	/* NULL or "": any */
	const char *subject_id;		/* with subject_kind; NULL: any */
	int64_t user_id;		/* 0: anyone */
	int64_t before_id;		/* paging: rows older than this; 0: newest */
	long limit;			/* 1 to 1000 */
};
typedef int store_audit_fn(const struct audit_row *r, void *ctx);
/* Rows matching q, newest first. */
int store_audit_list(struct store *s, const struct audit_query *q,
		     store_audit_fn *fn, void *ctx, struct err *err);
/* Every row, oldest first (for verification). */
int store_audit_scan(struct store *s, store_audit_fn *fn, void *ctx,
		     struct err *err);
/* Does the store still refuse updates and deletes of audit rows? */
int store_audit_protected(struct store *s, bool *yes, struct err *err);

#endif
