/*
 * web-internal.h: what the files of src/web/ share with each other and
 * with the unit tests.  Handlers include only web/http.h (and
 * web/layout.h); only server.c includes microhttpd.h.
 */
#ifndef CARTREF_WEB_INTERNAL_H
#define CARTREF_WEB_INTERNAL_H

#include "base/compat.h"
#include "base/err.h"
#include "base/utf8.h"
#include "web/http.h"
#include <pthread.h>
#include <stdatomic.h>

/* ---- decoding (request.c) --------------------------------------------- */

#define HTTP_DECODE_PLUS (1u << 0)	/* '+' is a space (query, forms) */
#define HTTP_DECODE_LINES (1u << 1)	/* tab, CR and LF allowed (forms) */

/*
 * Percent-decode s[0..len) in place (the result is never longer) and
 * NUL-terminate it at *outlen; s[len] must be writable.  ERR_INVALID,
 * leaving s undefined, for a '%' not followed by two hex digits, a
 * decoded control byte (NUL included; tab, CR and LF are allowed with
 * HTTP_DECODE_LINES) or a result that is not valid UTF-8.
 */
int http_decode(char *s, size_t len, unsigned flags, size_t *outlen);

/* ---- request lifecycle (request.c) ------------------------------------ */

void request_init(struct request *req, struct web_app *app);
void request_release(struct request *req);
void request_set_method(struct request *req, const char *method);
/*
 * Parse the request target as sent ("/path?query", undecoded): decode
 * and normalise the path, split and decode the query.  Returns 0, or the
 * status the request must be answered with (also kept in req->status):
 * 414 too long, 400 malformed (bad escapes, control bytes, not UTF-8,
 * too many or too long parameters), 404 a path that can only be an
 * attempt to leave a directory ("." or ".." segments, an encoded '/' or
 * a backslash) or has too many segments.
 */
int request_set_target(struct request *req, const char *raw);
/* Keep the cookies of a Cookie header (NULL: none). */
void request_set_cookies(struct request *req, const char *header);
/* Keep Content-Type (cut at HTTP_HEADER_VALUE_MAX). */
void request_set_content_type(struct request *req, const char *value);
/*
 * Choose req->lang: ?lang=en|cy, else the "lang" cookie, else the best
 * of en and cy in Accept-Language (NULL: none), else English.
 */
void request_choose_lang(struct request *req, const char *accept_language);
/* Decode req->body as application/x-www-form-urlencoded: 0 or 400. */
int request_parse_form(struct request *req);

/* ---- response (response.c) -------------------------------------------- */

/*
 * Last step before sending: a broken response or an overflowed body
 * becomes a friendly 500, and a language chosen with ?lang= is
 * remembered in a cookie.
 */
void res_finish(struct request *req, struct response *res);
/*
 * Every header to send, in order: Content-Type, the security headers
 * (docs/http.md), Cache-Control, Strict-Transport-Security over TLS, then
 * the response's own.
 */
typedef void res_header_cb(void *ctx, const char *name, const char *value);
void res_each_header(const struct request *req, const struct response *res,
		     res_header_cb *fn, void *ctx);
/* The API error code for a status ("not_found"). */
const char *http_error_code(int status);

/* ---- routing (router.c) ----------------------------------------------- */

extern const struct route web_routes[];
extern const size_t web_nroutes;

/*
 * The route for req->path and req->method, with its {name} parts in
 * req->params, or NULL.  *allow receives the methods of every route
 * whose pattern matches the path (0 for none: 404; else 405).
 */
const struct route *router_match(const struct route *routes, size_t n,
				 struct request *req, unsigned *allow);
/* "GET, HEAD, POST" for a method mask. */
void router_allow(unsigned methods, char *out, size_t cap);
/*
 * Check a route table: patterns well formed, exactly one of
 * ROUTE_PUBLIC and ROUTE_AUTH, ROUTE_CSRF on every route taking an
 * unsafe method, ROUTE_FORM only with POST.  ERR_INVALID naming the
 * first bad route.
 */
int router_check(const struct route *routes, size_t n, struct err *err);
/*
 * The whole pipeline for a parsed request: a pending error, then the
 * route (404/405 with Allow), then the checks the route's flags ask for
 * (same origin, content type and form decoding, the auth hook, sign-in),
 * then the handler.
 */
void web_dispatch(const struct route *routes, size_t n,
		  struct request *req, struct response *res);

/* ---- static assets (assets.c) ----------------------------------------- */

struct asset {
	char *url;		/* "/assets/fonts/bold-b542beb274-v2.woff2" */
	const char *type;	/* its Content-Type */
	char *data;
	size_t len;
	char hash[17];		/* 64-bit FNV-1a of the contents, in hex */
	char etag[20];		/* "\"" hash "\"" */
};

struct asset_table {
	struct asset *v;	/* sorted by url */
	size_t n;
	size_t alloc;
	size_t total;		/* bytes of data */
};

/*
 * The directory holding node_modules/govuk-frontend and src/web/static:
 * $CARTREF_ASSETS, else the repository the binary was built in (beside
 * it or up to three levels above), else the current directory.
 */
int assets_find_root(char *out, size_t cap, struct err *err);
/*
 * Read every servable file under root into memory (whitelisted names
 * and extensions only, bounded in number and size).  Only these are ever
 * served: a request path is looked up, never opened.
 */
int assets_load(struct asset_table *t, const char *root, struct err *err);
void assets_release(struct asset_table *t);
const struct asset *assets_find(const struct asset_table *t,
				const char *url);

/* ---- the scheduled alerts run (alerts-tick.c) ------------------------- */

/*
 * A thread with its own connection to the store at db that runs
 * alerts_run() and alerts_outbox_deliver() at once and then every
 * `every` seconds, one log line per run on standard error.  every 0:
 * nothing started (*out NULL).  web_alerts_stop() lets a run in progress
 * finish, then joins the thread; NULL is ok.
 */
struct web_alerts;
int web_alerts_start(const char *db, unsigned every, struct web_alerts **out,
		     struct err *err);
void web_alerts_stop(struct web_alerts *a);

/* ---- the running server's shared state -------------------------------- */

/* ---- connections waiting for headers (conn-guard.c) -------------------- */

struct sockaddr;
struct conn_guard;
struct conn_slot;

/*
 * A guard on connections still sending a request's headers: at most
 * max_per_addr of them from one client address (more are refused) and
 * max_pending in all (past it, the longest waiting is shut down), each
 * shut down (shutdown(2)) once it has waited timeout_ms.  Its own thread
 * watches the deadlines; conn_guard_free() stops it (call it after the
 * daemon, once every connection is closed).
 */
int conn_guard_new(unsigned timeout_ms, unsigned max_pending,
		   unsigned max_per_addr, struct conn_guard **out,
		   struct err *err);
void conn_guard_free(struct conn_guard *g);
/* At accept: may one more connection from sa wait for its headers?
 * (When all max_pending are taken, the one waiting longest is shut.) */
bool conn_guard_admit(struct conn_guard *g, const struct sockaddr *sa);
/* A new connection (socket fd, peer sa), waiting for headers from now. */
struct conn_slot *conn_guard_open(struct conn_guard *g, int fd,
				  const struct sockaddr *sa);
/* Its headers are in (on false), or it waits for the next request's
 * (on true: the deadline runs again from now). */
void conn_guard_pending(struct conn_guard *g, struct conn_slot *s, bool on);
/* It is closing: forget it (before its socket is closed). */
void conn_guard_close(struct conn_guard *g, struct conn_slot *s);
/* How many connections the guard has shut down so far. */
unsigned conn_guard_shut(const struct conn_guard *g);

struct web_app {
	struct asset_table assets;	/* read-only once serving */
	const char *db;			/* the store's location */
	bool behind_tls;		/* --behind-tls */
	bool trust_proxy;		/* --trust-proxy */
	bool demo;			/* --demo (layout.h) */
	const char *operator_en;	/* --operator, NULL: the demo's */
	const char *operator_cy;	/* --operator-cy */
	const char *contact_email;	/* --contact-email */
	pthread_key_t store_key;	/* each thread's struct store */
	bool store_key_ok;
	atomic_uint pwchecks;		/* password checks running (session.h) */
};

#endif
