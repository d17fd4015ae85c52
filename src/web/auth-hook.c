/*
 * auth-hook.c: who is asking.  The web layer's side of src/auth/: the
 * hook the router calls before every handler but the assets' (session.h
 * describes it; docs/http.md "Sessions, sign-in and CSRF" gives the
 * reasons), and the small pure helpers it is built from.
 *
 * Pages are signed in with a session cookie, the API with a bearer
 * token, never the other way round: a browser sends cookies by itself,
 * so a cookie-authenticated API would need CSRF tokens too, while a
 * bearer token is only ever sent on purpose.
 *
 * The hook touches the store only when there is something to check (a
 * cookie or a token), so public pages and /api/v1/ping cost nothing.
 */
#include "base/compat.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <strings.h>
#include <unistd.h>
#include "base/parse.h"
#include "base/xalloc.h"
#include "web/session.h"
#include "web/web-internal.h"

#define UNSAFE_METHODS (HTTP_POST | HTTP_PUT | HTTP_DELETE | HTTP_PATCH)

/* ---- the session attached to a request ----------------------------------- */

static void session_free(void *p)
{
	struct web_session *ws = p;

	/* the token and CSRF token are credentials: do not leave them about */
	explicit_bzero(ws, sizeof(*ws));
	free(ws);
}

const struct web_session *web_session(const struct request *req)
{
	/* only what this file attached: the free function marks the type */
	if (!req->user || req->user_free != session_free)
		return NULL;
	return req->user;
}

static struct web_session *attach(struct request *req)
{
	struct web_session *ws = xcalloc(1, sizeof(*ws));

	if (req->user && req->user_free)
		req->user_free(req->user);
	req->user = ws;
	req->user_free = session_free;
	return ws;
}

void web_csrf_field(const struct request *req, struct response *res)
{
	const struct web_session *ws = web_session(req);

	res_markup(res, "<input type=\"hidden\" name=\"" WEB_CSRF_FIELD
		   "\" value=\"");
	res_attr(res, ws ? ws->csrf : "");
	res_markup(res, "\">\n");
}

void web_log_err(const char *what, const struct err *e)
{
	struct buf line = BUF_INIT(1024);

	buf_addf(&line, "cartref: web: %s: %s", what, err_text(e));
	/* one line, whatever the message holds: no forged log lines */
	for (size_t i = 0; i < line.len; i++)
		if ((unsigned char)line.buf[i] < 0x20 || line.buf[i] == 0x7f)
			line.buf[i] = '?';
	buf_addch(&line, '\n');
	/* one write(2): whole lines between threads, as the access log */
	if (write(STDERR_FILENO, line.buf, line.len) < 0)
		(void)0;	/* nowhere to report it */
	buf_release(&line);
}

/* ---- pure helpers -------------------------------------------------------- */

bool web_next_ok(const char *next)
{
	size_t n;

	if (!next || next[0] != '/' || next[1] == '/' || next[1] == '\\')
		return false;
	n = strnlen(next, WEB_NEXT_MAX + 1);
	if (n > WEB_NEXT_MAX)
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)next[i];

		/* no controls (browsers drop tab and newline, so "/\t/x"
		 * would become "//x"), no space, no backslash, ASCII only */
		if (c <= 0x20 || c >= 0x7f || c == '\\')
			return false;
	}
	return true;
}

/* A decoded path, each segment percent-encoded, the slashes kept. */
static void url_path(struct buf *b, const char *path)
{
	static const char hex[] = "0123456789ABCDEF";

	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p)) {
			buf_addch(b, (char)*p);
		} else {
			char e[3] = { '%', hex[*p >> 4], hex[*p & 15] };

			buf_add(b, e, 3);
		}
	}
}

int web_next_of(const struct request *req, struct buf *out)
{
	char sep = '?';

	if (!req->path || req->status)
		return ERR_INVALID;
	url_path(out, req->path);
	for (size_t i = 0; i < req->nquery; i++) {
		if (!strcmp(req->query[i].name, "lang"))
			continue;
		buf_addch(out, sep);
		html_url_arg(out, req->query[i].name);
		buf_addch(out, '=');
		html_url_arg(out, req->query[i].value);
		sep = '&';
	}
	if (buf_error(out) || !web_next_ok(out->buf))
		return ERR_TOO_LARGE;
	return 0;
}

void web_throttle_addr(const char *ip, char *out, size_t cap)
{
	struct in6_addr a6;

	if (!cap)
		return;
	out[0] = '\0';
	if (!ip)
		return;
	if (inet_pton(AF_INET6, ip, &a6) == 1) {
		char s[INET6_ADDRSTRLEN];

		if (IN6_IS_ADDR_V4MAPPED(&a6)) {
			if (inet_ntop(AF_INET, &a6.s6_addr[12], s, sizeof(s)))
				snprintf(out, cap, "%s", s);
			return;
		}
		memset(&a6.s6_addr[8], 0, 8);
		if (inet_ntop(AF_INET6, &a6, s, sizeof(s)))
			snprintf(out, cap, "%s/64", s);
		return;
	}
	snprintf(out, cap, "%s", ip);
}

const char *web_cookie_once(const struct request *req, const char *name)
{
	const char *v = NULL;

	for (size_t i = 0; i < req->ncookies; i++) {
		if (strcmp(req->cookies[i].name, name))
			continue;
		if (v)
			return NULL;	/* twice: ambiguous */
		v = req->cookies[i].value;
	}
	return v;
}

const char *web_bearer(const char *h)
{
	if (!h || strncasecmp(h, "Bearer", 6) || h[6] != ' ')
		return NULL;
	h += 6;
	while (*h == ' ')
		h++;
	return *h ? h : NULL;
}

/* ---- the limit on password checks ---------------------------------------- */

bool web_pwcheck_begin(struct request *req)
{
	if (!req->app)
		return true;
	if (atomic_fetch_add(&req->app->pwchecks, 1) >= WEB_PWCHECKS_MAX) {
		atomic_fetch_sub(&req->app->pwchecks, 1);
		return false;
	}
	return true;
}

void web_pwcheck_end(struct request *req)
{
	if (req->app)
		atomic_fetch_sub(&req->app->pwchecks, 1);
}

/* ---- the hook -------------------------------------------------------------- */

/* The user's organisation, for the page header and the home page. */
static int load_org(struct store *s, struct web_session *ws, struct err *err)
{
	return store_org_get_id(s, ws->user.org_id, &ws->org, err);
}

/*
 * The session of this cookie value: 0 with a session attached, ERR_DENIED
 * when there is none (malformed, unknown, expired, a disabled user), or
 * another error when the store failed.
 */
static int check_session(struct request *req, const char *sid,
			 struct err *err)
{
	struct web_session *ws;
	struct store *s;
	int rc;

	if (!auth_token_wellformed(sid))
		return ERR_DENIED;
	s = web_store(req, err);
	if (!s)
		return ERR_STORE;
	ws = attach(req);
	rc = auth_session_check(s, sid, auth_now_ms(), &ws->user, ws->csrf,
				err);
	if (!rc)
		rc = load_org(s, ws, err);
	if (rc) {
		session_free(ws);
		req->user = NULL;
		req->user_free = NULL;
		return rc;
	}
	str_copy(ws->token, sizeof(ws->token), sid);
	return 0;
}

/* 303 to the sign-in page, with ?next= for a page that was asked for. */
static void to_sign_in(struct request *req, struct response *res)
{
	struct buf next = BUF_INIT(WEB_NEXT_MAX);
	struct buf loc = BUF_INIT(3 * WEB_NEXT_MAX + 32);

	buf_adds(&loc, "/sign-in");
	if ((req->method & (HTTP_GET | HTTP_HEAD)) && !web_next_of(req, &next)) {
		buf_adds(&loc, "?next=");
		html_url_arg(&loc, next.buf);
	}
	res_redirect(res, buf_error(&loc) ? "/sign-in" : loc.buf);
	buf_release(&next);
	buf_release(&loc);
}

static int page_auth(struct request *req, struct response *res,
		     unsigned flags)
{
	const char *sid = web_cookie_once(req, WEB_SESSION_COOKIE);
	const struct web_session *ws;
	struct err err = ERR_INIT;
	bool stale = false;

	if (sid) {
		int rc = check_session(req, sid, &err);

		if (rc == ERR_DENIED) {
			stale = true;
		} else if (rc) {
			web_log_err("checking a session", &err);
			res_error(req, res, 500);
			return 1;
		}
	}
	ws = web_session(req);
	if ((flags & ROUTE_AUTH) && !ws) {
		to_sign_in(req, res);
		if (stale)	/* forget it, so the browser stops sending it */
			res_session_cookie(req, res, WEB_SESSION_COOKIE, "", 0);
		return 1;
	}
	if ((flags & ROUTE_CSRF) && (req->method & UNSAFE_METHODS)) {
		const char *want = (flags & ROUTE_SIGN_IN) ?
			web_cookie_once(req, WEB_SIGNIN_COOKIE) :
			ws ? ws->csrf : NULL;

		/* constant time; refuses a missing or empty token */
		if (!auth_csrf_check(want, req_form_get(req, WEB_CSRF_FIELD))) {
			res_error(req, res, 403);
			return 1;
		}
	}
	if (stale)
		res_session_cookie(req, res, WEB_SESSION_COOKIE, "", 0);
	return 0;
}

static int api_refuse(struct request *req, struct response *res)
{
	res_error(req, res, 401);
	res_header(res, "WWW-Authenticate",
		   "Bearer realm=\"cartref\", error=\"invalid_token\"");
	return 1;
}

static int api_auth(struct request *req, struct response *res,
		    unsigned flags)
{
	const char *h = req_header(req, "Authorization");
	const char *token;
	struct web_session *ws;
	struct err err = ERR_INIT;
	struct store *s;
	int rc;

	(void)flags;	/* ROUTE_AUTH without a user: the router's 401 */
	if (!h)
		return 0;
	/* a credential that is sent must be good, whatever the route */
	token = web_bearer(h);
	if (!token)
		return api_refuse(req, res);
	s = web_store(req, &err);
	if (!s) {
		web_log_err("opening the store", &err);
		res_error(req, res, 500);
		return 1;
	}
	ws = attach(req);
	ws->api = true;
	/* the token, its user and their organisation: one query */
	rc = auth_api_token_check_org(s, token, auth_now_ms(), &ws->user,
				      &ws->org, &err);
	if (rc) {
		session_free(ws);
		req->user = NULL;
		req->user_free = NULL;
		if (rc == ERR_DENIED)
			return api_refuse(req, res);
		web_log_err("checking an API token", &err);
		res_error(req, res, 500);
		return 1;
	}
	return 0;
}

/*
 * A bearer token and a session cookie together must name one user.  A
 * client sending both for two people is confused or is probing which
 * one wins (pages read the cookie, the API the token): 400 whichever
 * the route, rather than acting as either (issue 10, item 5).  Only
 * credentials that are good are compared: a stale cookie beside a good
 * token is the API's to ignore, a bad token the API's to refuse.
 * 0 to go on, 1 when answered.
 */
static int credentials_agree(struct request *req, struct response *res)
{
	const char *token = web_bearer(req_header(req, "Authorization"));
	const char *sid = web_cookie_once(req, WEB_SESSION_COOKIE);
	struct user by_token, by_cookie;
	struct err err = ERR_INIT;
	struct store *s;
	int rc;

	if (!token || !sid || !auth_token_wellformed(sid))
		return 0;
	s = web_store(req, &err);
	if (!s)
		return 0;	/* the auth that follows reports it */
	rc = auth_api_token_check(s, token, auth_now_ms(), &by_token, &err);
	if (!rc)
		rc = auth_session_check(s, sid, auth_now_ms(), &by_cookie, NULL,
					&err);
	if (rc == ERR_DENIED)
		return 0;
	if (rc) {
		web_log_err("comparing a token and a session", &err);
		res_error(req, res, 500);
		return 1;
	}
	if (by_token.id == by_cookie.id)
		return 0;
	res_error(req, res, 400);
	return 1;
}

int web_auth(struct request *req, struct response *res, unsigned flags)
{
	if (credentials_agree(req, res))
		return 1;
	if (flags & ROUTE_API)
		return api_auth(req, res, flags);
	return page_auth(req, res, flags);
}
