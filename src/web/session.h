/*
 * session.h: who is signed in, as pages and API handlers see it, and the
 * auth hook that finds out (auth-hook.c; docs/http.md "Sessions").
 *
 * cmd-serve.c sets web_auth_hook = web_auth before the server starts.
 * For every route but assets the router then calls web_auth(), which
 *
 *   pages  reads the session cookie (WEB_SESSION_COOKIE), checks it with
 *          auth_session_check() and attaches a struct web_session (the
 *          user, their organisation, the session's CSRF token); checks
 *          the CSRF form field of unsafe ROUTE_CSRF requests in constant
 *          time (the sign-in form's pre-session token for ROUTE_SIGN_IN);
 *          and sends a ROUTE_AUTH request without a session to
 *          /sign-in?next=<this page> (303);
 *   API    reads "Authorization: Bearer cartref_..." and checks it with
 *          auth_api_token_check(); cookies are never used, so the API
 *          cannot be driven by a cross-site form.  A missing token on a
 *          ROUTE_AUTH route or any invalid token: 401 JSON.
 *
 * Handlers read the result with web_session(req): NULL when nobody is
 * signed in.  It lives until the request ends.
 */
#ifndef CARTREF_WEB_SESSION_H
#define CARTREF_WEB_SESSION_H

#include "base/compat.h"
#include "base/buf.h"
#include "auth/auth.h"
#include "domain/people.h"
#include "store/store-core.h"
#include "web/http.h"

/* The session cookie: HttpOnly; SameSite=Strict; Path=/ (+ Secure). */
#define WEB_SESSION_COOKIE "cartref_session"
/* Its Max-Age: the session's absolute limit (the store ends it anyway). */
#define WEB_SESSION_COOKIE_AGE ((long)(AUTH_SESSION_ABSOLUTE_MS / 1000))
/* The sign-in form's pre-session CSRF token (double-submit cookie). */
#define WEB_SIGNIN_COOKIE "cartref_signin"
#define WEB_SIGNIN_COOKIE_AGE (2L * 60 * 60)
/* The form field every state-changing form carries its token in. */
#define WEB_CSRF_FIELD "csrf"
/* Longest ?next= kept (a local path and query, percent-encoded). */
#define WEB_NEXT_MAX 1024
/* Password checks (64 MiB of argon2id each) running at once. */
#define WEB_PWCHECKS_MAX 4
/* Room for an address or an IPv6 /64 prefix ("…::/64"). */
#define WEB_ADDR_MAX 64

struct web_session {
	struct user user;
	struct org org;			/* the user's organisation */
	/* The session's CSRF token and the cookie's value; "" for the API. */
	char csrf[AUTH_TOKEN_STR_MAX];
	char token[AUTH_TOKEN_STR_MAX];
	bool api;			/* signed in with an API token */
};

/* The signed-in user of this request, or NULL. */
const struct web_session *web_session(const struct request *req);

/* The auth hook (web_auth_fn): see above and docs/http.md. */
int web_auth(struct request *req, struct response *res, unsigned flags);

/* <input type="hidden" name="csrf" value="..."> with the session's token. */
void web_csrf_field(const struct request *req, struct response *res);

/*
 * Log why a request failed inside (a store error) to standard error, one
 * line: what the server was doing and err's text.  The reader only ever
 * sees the friendly 500 page.
 */
void web_log_err(const char *what, const struct err *e);

/* ---- pure helpers (unit-tested in tests/unit/u-web.c) ------------------- */

/*
 * Is next a safe place to send someone after signing in: a local path
 * ("/" and then not "/" or "\"), printable ASCII without backslashes or
 * spaces, at most WEB_NEXT_MAX bytes?  Refuses "//evil.example",
 * "https://...", "/\evil", and anything a browser could read as another
 * host once it strips tabs and newlines.
 */
bool web_next_ok(const char *next);
/*
 * This request's path and query, percent-encoded again, for ?next= (the
 * query without its "lang", which the cookie remembers).  0, or
 * ERR_TOO_LARGE when it would not be a safe next (web_next_ok()).
 */
int web_next_of(const struct request *req, struct buf *out);
/*
 * The address to throttle sign-ins by: an IPv4 address as it is (an
 * IPv4-mapped IPv6 one too), an IPv6 address as its /64 prefix
 * ("2001:db8:1:2::/64": one client holds a whole /64), anything else as
 * it is.  out has cap bytes (WEB_ADDR_MAX is enough).
 */
void web_throttle_addr(const char *ip, char *out, size_t cap);
/*
 * A cookie's value when the request carries it exactly once, else NULL:
 * two cookies of one name (a planted one with another Path or Domain)
 * are ambiguous, and an ambiguous credential is no credential.
 */
const char *web_cookie_once(const struct request *req, const char *name);
/*
 * The token of an "Authorization: Bearer TOKEN" header value ("Bearer"
 * in any case, one or more spaces), or NULL for any other form.
 */
const char *web_bearer(const char *authorization);

/*
 * A slot for one password check (WEB_PWCHECKS_MAX at once per server):
 * false when every slot is taken (answer 503 and check nothing).  Pair
 * a true return with web_pwcheck_end().  Without a server (unit tests),
 * always true.
 */
bool web_pwcheck_begin(struct request *req);
void web_pwcheck_end(struct request *req);

#endif
