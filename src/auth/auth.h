/*
 * auth.h: who may sign in, and how cartref knows who is asking.
 *
 * Below the web layer and above the store: passwords (argon2id), session
 * and API tokens (random, stored only as hashes), CSRF tokens, sign-in
 * with throttling, and the management of users and organisations.  Every
 * change and every sign-in writes an audit row (audit.h).  The model and
 * its reasons are in docs/security.md.
 *
 * Time is passed in, never read: `now` is milliseconds since 1970 UTC,
 * normally auth_now_ms(), so tests can move the clock.
 *
 * Errors: 0 or a negative ERR_* with detail in err.  ERR_DENIED means
 * "not signed in / not allowed"; its message is safe to show to whoever
 * is asking (it never says whether an account exists).
 */
#ifndef CARTREF_AUTH_H
#define CARTREF_AUTH_H

#include "base/compat.h"
#include "base/err.h"
#include "auth/audit.h"
#include "store/store-people.h"
#include "store/store-scope.h"

struct viewer;

/* ---- the limits, in one place ---------------------------------------------- */

#define AUTH_PASSWORD_MIN 12		/* characters (UTF-8 code points) */
#define AUTH_PASSWORD_MAX 256		/* bytes */
#define AUTH_THROTTLE_WINDOW_MS (15 * 60 * 1000LL)
#define AUTH_FAILS_PER_ACCOUNT 5	/* failed sign-ins per window */
#define AUTH_FAILS_PER_ADDRESS 20
/* Refused (throttled) sign-ins are audited once per window and key, with
 * their count when the window closes (auth_login()); an address has at
 * most this many account keys open, then its refusals share one key. */
#define AUTH_REFUSAL_KEYS_PER_ADDRESS 4
#define AUTH_SESSION_IDLE_MS (30 * 60 * 1000LL)
#define AUTH_SESSION_ABSOLUTE_MS (12 * 60 * 60 * 1000LL)
/* A session's last_seen_at (and an API token's last_used_at) is written
 * at most this often, so most requests do not write. */
#define AUTH_TOUCH_MS (60 * 1000LL)

/* Generic answers to whoever is signing in. */
#define AUTH_MSG_BAD_LOGIN "wrong email address or password"
#define AUTH_MSG_THROTTLED \
	"too many failed sign-ins: wait 15 minutes and try again"
#define AUTH_MSG_NO_SESSION "not signed in, or the session has ended"

/* ---- set-up and time ----------------------------------------------------- */

/* Initialise libsodium; call once at start-up (later calls are no-ops). */
int auth_init(struct err *err);
/* Milliseconds since 1970-01-01 UTC from the system clock. */
int64_t auth_now_ms(void);

/* ---- passwords ----------------------------------------------------------------- */

/* Room for a crypto_pwhash_str() string (== STORE_PWHASH_MAX). */
#define AUTH_PWHASH_MAX STORE_PWHASH_MAX

/*
 * The password policy: AUTH_PASSWORD_MIN characters to AUTH_PASSWORD_MAX
 * bytes, no control characters, not the email address (nor its part
 * before the @), not a well-known password.  email may be NULL.
 * ERR_INVALID with a message for the user.
 */
int auth_password_policy(const char *password, const char *email,
			 struct err *err);
/* argon2id with libsodium's interactive limits (docs/security.md). */
int auth_password_hash(const char *password, char out[AUTH_PWHASH_MAX],
		       struct err *err);
bool auth_password_verify(const char *hash, const char *password);
/* Was hash made with other limits than auth_password_hash() uses now? */
bool auth_password_needs_rehash(const char *hash);
/* A fresh random password: "xxxxx-xxxxx-xxxxx-xxxxx", 100 bits. */
#define AUTH_GENPW_MAX 24
void auth_password_generate(char out[AUTH_GENPW_MAX]);

/* ---- tokens and CSRF ------------------------------------------------------------- */

/* 32 random bytes as unpadded base64url: 43 characters and the NUL. */
#define AUTH_TOKEN_BYTES 32
#define AUTH_TOKEN_STR_MAX 44
void auth_token_new(char out[AUTH_TOKEN_STR_MAX]);
/* Is t exactly 43 base64url characters? */
bool auth_token_wellformed(const char *t);
/* BLAKE2b-256 of the token's text: what the store keeps. */
void auth_token_hash(const char *token, uint8_t out[STORE_TOKEN_HASH_BYTES]);
/* Constant-time comparison of the session's CSRF token with the form's
 * (got may be NULL); false when either is empty. */
bool auth_csrf_check(const char *expected, const char *got);

/* ---- sessions ----------------------------------------------------------------- */

/*
 * Start a session for a user who has just signed in (auth_login()).
 * token_out is for the cookie, csrf_out for the forms; the store keeps
 * only the token's hash.  Expired sessions of everyone are purged.
 */
int auth_session_create(struct store *s, int64_t user_id, const char *ip,
			int64_t now, char token_out[AUTH_TOKEN_STR_MAX],
			char csrf_out[AUTH_TOKEN_STR_MAX], struct err *err);
/*
 * Who holds this session token?  ERR_DENIED (AUTH_MSG_NO_SESSION) when
 * the token is malformed or unknown, the session has been idle for
 * AUTH_SESSION_IDLE_MS or is AUTH_SESSION_ABSOLUTE_MS old, or the user is
 * disabled; an expired session is deleted.  Otherwise the session slides
 * (last seen now) and user_out and csrf_out (may be NULL) are filled.
 */
int auth_session_check(struct store *s, const char *token, int64_t now,
		       struct user *user_out,
		       char csrf_out[AUTH_TOKEN_STR_MAX], struct err *err);
/* Sign out: delete the session (if any) and audit it. */
int auth_session_end(struct store *s, const char *token, const char *ip,
		     int64_t now, struct err *err);

/* ---- signing in ----------------------------------------------------------------- */

/*
 * Check an email address and password.  0: *user_out is the user, a
 * "sign-in" audit row is written and the account's failure count reset.
 * ERR_DENIED with AUTH_MSG_BAD_LOGIN for an unknown account, a wrong
 * password or a disabled account alike (each costs one argon2id check),
 * or with AUTH_MSG_THROTTLED when AUTH_FAILS_PER_ACCOUNT failures for
 * this email address or AUTH_FAILS_PER_ADDRESS from this ip happened in
 * the last AUTH_THROTTLE_WINDOW_MS (then the password is not checked).
 * Start a session with auth_session_create() afterwards.
 */
int auth_login(struct store *s, const char *email, const char *password,
	       const char *ip, int64_t now, struct user *user_out,
	       struct err *err);
/* Was this ERR_DENIED from auth_login() the throttle (HTTP 429)? */
bool auth_login_throttled(const struct err *e);

/* ---- API tokens ----------------------------------------------------------------- */

/* "cartref_" and 43 base64url characters: the prefix lets secret scanners
 * recognise a leaked token. */
#define AUTH_API_TOKEN_PREFIX "cartref_"
#define AUTH_API_TOKEN_STR_MAX 52

/* A new token for a user; token_out is shown once and never stored. */
int auth_api_token_create(struct store *s, const struct auth_actor *by,
			  int64_t user_id, const char *label, int64_t now,
			  char token_out[AUTH_API_TOKEN_STR_MAX], int64_t *id,
			  struct err *err);
/* Whose token is this?  ERR_DENIED if unknown, revoked or the user is
 * disabled. */
int auth_api_token_check(struct store *s, const char *token, int64_t now,
			 struct user *user_out, struct err *err);
/* The same, with the user's organisation too (org_out may be NULL), all
 * from one store query. */
int auth_api_token_check_org(struct store *s, const char *token, int64_t now,
			     struct user *user_out, struct org *org_out,
			     struct err *err);
int auth_api_token_revoke(struct store *s, const struct auth_actor *by,
			  int64_t token_id, int64_t now, struct err *err);

/* ---- users and organisations ------------------------------------------------------ */

/* Lower-case an email address and check its form; ERR_INVALID. */
int auth_email_normalise(const char *in, char out[USER_EMAIL_MAX + 1]);
/* May a user of this role belong to this kind of organisation? */
bool auth_role_fits(enum role r, enum org_kind k);
/*
 * An organisation named "KIND:CODE" (council:W06000015, inspectorate:CIW,
 * police:south-wales) into its kind and code (*code points into ref, after
 * the colon): how `cartref user add --org` and the admin pages' select
 * name one.  ERR_INVALID for anything else.
 */
int auth_org_ref_parse(const char *ref, enum org_kind *kind,
		       const char **code);

/*
 * The organisation KIND:CODE.  A council organisation is made (and
 * audited) on first use from the geography when code is a council's GSS
 * code.  ERR_NOT_FOUND otherwise.
 */
int auth_org_find(struct store *s, const struct auth_actor *by,
		  enum org_kind kind, const char *code, int64_t now,
		  struct org *out, struct err *err);
/* Add an organisation (a council's la is its code); audited. */
int auth_org_add(struct store *s, const struct auth_actor *by,
		 const struct org *o, int64_t now, int64_t *id,
		 struct err *err);
/* Add a council (GSS code) to a police force's area; audited. */
int auth_org_area_add(struct store *s, const struct auth_actor *by,
		      int64_t org_id, const char *la_code, int64_t now,
		      struct err *err);

struct auth_new_user {
	const char *email;
	const char *name;
	enum role role;
	int64_t org_id;
};

/* Add a user (the password must pass the policy); audited. */
int auth_user_add(struct store *s, const struct auth_actor *by,
		  const struct auth_new_user *nu, const char *password,
		  int64_t now, int64_t *id, struct err *err);
/*
 * Disable: sign-in refused, sessions ended, API tokens revoked.  Refused
 * (ERR_INVALID) for the reasons auth_user_may_disable() gives, checked
 * again inside the change's transaction.
 */
int auth_user_disable(struct store *s, const struct auth_actor *by,
		      const char *email, int64_t now, struct err *err);

/* Why a user may not be disabled. */
enum auth_disable_block {
	AUTH_DISABLE_OK = 0,
	AUTH_DISABLE_ALREADY,		/* already disabled */
	AUTH_DISABLE_SELF,		/* by is the user: ask another admin */
	AUTH_DISABLE_LAST_ADMIN,	/* the last active admin: add or
					 * enable another one first */
};
/*
 * May by disable u?  *out says why not, or AUTH_DISABLE_OK.  The admin
 * pages ask it to explain instead of offering the button, and
 * auth_user_disable() (the CLI's and the pages') asks it again under its
 * write lock, so two admins disabling each other at once cannot leave
 * none.
 */
int auth_user_may_disable(struct store *s, const struct auth_actor *by,
			  const struct user *u, enum auth_disable_block *out,
			  struct err *err);
/* Enable again (revoked API tokens stay revoked). */
int auth_user_enable(struct store *s, const struct auth_actor *by,
		     const char *email, int64_t now, struct err *err);
/* Set a new password, end the user's sessions, revoke their API tokens
 * (an account being reset may have been in other hands), clear the
 * account's failed sign-ins. */
int auth_user_reset(struct store *s, const struct auth_actor *by,
		    const char *email, const char *password, int64_t now,
		    struct err *err);

/* ---- listing users (the admin pages) ------------------------------------------ */

enum auth_user_status {
	AUTH_USERS_ANY = 0,
	AUTH_USERS_ACTIVE,
	AUTH_USERS_DISABLED,
};

struct auth_user_filter {
	int64_t org_id;			/* 0: any organisation */
	enum role role;			/* ROLE_N: any role */
	enum auth_user_status status;
	long page;			/* from 0 */
	long page_size;			/* 1 to STORE_PAGE_MAX; 0: default */
};

/* One page of users, by email address. */
struct auth_user_page {
	long total;			/* users that match, on every page */
	long page, page_size;		/* as used */
	size_t n;
	struct user rows[STORE_PAGE_MAX];	/* tens of KB: allocate it */
};

/* Does u pass f's organisation, role and status? */
bool auth_user_matches(const struct auth_user_filter *f, const struct user *u);
/* The users that match f, page f->page of them (a page past the last is
 * empty, total still counted).  Not audited: the caller audits the view. */
int auth_users_page(struct store *s, const struct auth_user_filter *f,
		    struct auth_user_page *out, struct err *err);

/* ---- viewers ------------------------------------------------------------------ */

/*
 * viewer_from_user() (domain/viewer.h) when the user's organisation o
 * (o->id == u->org_id) has just been read for this request, as the web
 * layer's hook does: one store query fewer.  ERR_DENIED for a disabled
 * user or an organisation that is not the user's.
 */
int viewer_from_user_org(struct store *s, const struct user *u,
			 const struct org *o, const char *ip, int64_t now_ms,
			 struct viewer *out, struct err *err);

/* ---- demo users ----------------------------------------------------------------- */

/* Every demo user's password (demo only: documented in README.md). */
#define AUTH_DEMO_PASSWORD "demo-only-cartref"
#define AUTH_DEMO_DOMAIN "demo.cartref.wales"

typedef int auth_demo_fn(const struct user *u, bool created, void *ctx);
/*
 * One user per role at AUTH_DEMO_DOMAIN (docs/security.md lists them),
 * in the inspectorate, Cardiff council, South Wales Police and the
 * provider of the first open private or voluntary home in Cardiff (so the
 * homes register must be loaded: ERR_NOT_FOUND otherwise).  Users that
 * exist already are left alone (created false).  fn sees each user.
 */
int auth_demo_users(struct store *s, const struct auth_actor *by,
		    int64_t now, auth_demo_fn *fn, void *ctx,
		    struct err *err);

#endif
