/*
 * http.h: the request and response that page and API handlers see.
 *
 * Nothing here depends on libmicrohttpd: server.c fills a struct request
 * from the connection, the router (router.c) runs the checks a route's
 * flags ask for and calls the handler, and server.c turns the struct
 * response into the library's.  Handlers therefore stay plain functions
 * that unit tests can call directly.
 *
 *	void page_series(struct request *req, struct response *res)
 *	{
 *		const char *id;
 *		int64_t limit;
 *
 *		if (req_param_str(req, res, "id", 16, &id) ||
 *		    req_param_int(req, res, "limit", 1, 1000, &limit))
 *			return;			(400 already written)
 *		layout_start(req, res, tr(req, "Series", "Cyfres"));
 *		res_markup(res, "<h1 class=\"govuk-heading-l\">");
 *		res_text(res, id);		(never res_markup() for data)
 *		res_markup(res, "</h1>\n");
 *		layout_end(req, res);
 *	}
 *
 * Every input is limited (HTTP_* below; the table is in docs/http.md)
 * and decoded once, strictly: percent-escapes must be well formed, the
 * result must be UTF-8 with no control bytes (no NUL), and anything else
 * is answered 400 before a handler runs.  Output to a page goes through
 * the escaping sinks: res_text() for text, res_attr() for attribute
 * values (always inside double quotes), res_url_arg() for a URL path
 * segment or query value.  res_markup() only accepts string literals, so
 * data cannot reach the page unescaped by accident.
 *
 * Ownership: everything a struct request points at lives until the
 * request ends; handlers never free it.  A struct response owns its body
 * and headers; the server releases it.
 */
#ifndef CARTREF_WEB_HTTP_H
#define CARTREF_WEB_HTTP_H

#include "base/compat.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/html.h"
#include <jansson.h>

/* ---- limits ----------------------------------------------------------- */

#define HTTP_TARGET_MAX 2048	/* path and query as sent; 414 past it */
#define HTTP_SEGMENTS_MAX 32	/* path segments; 404 past it */
#define HTTP_PARAMS_MAX 32	/* query parameters; 400 past it */
#define HTTP_NAME_MAX 64	/* a query or form field name; 400 past it */
#define HTTP_BODY_MAX (64 * 1024)	/* request body; 413 past it */
#define HTTP_FIELDS_MAX 64	/* form fields; 400 past it */
#define HTTP_COOKIES_MAX 32	/* cookies kept; the rest are ignored */
#define HTTP_COOKIE_HEADER_MAX 4096	/* a longer Cookie header is ignored */
#define HTTP_HEADER_VALUE_MAX 256	/* Content-Type kept */
#define HTTP_ACCEPT_LANGUAGE_MAX 512	/* a longer one is ignored */
#define HTTP_ROUTE_PARAMS_MAX 8	/* {name} segments in a route pattern */
#define HTTP_RESPONSE_MAX ((size_t)32 << 20)	/* a response body */
#define HTTP_RES_HEADERS_MAX 16	/* extra response headers */

/* ---- request ---------------------------------------------------------- */

/* Methods are bits so that a route can allow several. */
enum http_method {
	HTTP_GET = 1 << 0,
	HTTP_HEAD = 1 << 1,	/* answered as GET, without the body */
	HTTP_POST = 1 << 2,
	HTTP_PUT = 1 << 3,
	HTTP_DELETE = 1 << 4,
	HTTP_PATCH = 1 << 5,
	HTTP_OPTIONS = 1 << 6,
	HTTP_OTHER = 1 << 7,	/* any other method: never routed */
};

struct http_param {
	const char *name;	/* decoded, non-empty */
	const char *value;	/* decoded, may be empty */
};

struct route;
struct response;
struct store;
struct web_app;

/* Look up a request header by name (case-insensitive); NULL if absent. */
typedef const char *http_header_fn(void *ctx, const char *name);

struct request {
	unsigned method;	/* one enum http_method bit */
	char method_name[16];	/* as sent, cut short; for the access log */
	/*
	 * The decoded path: starts with '/', repeated slashes squashed, no
	 * "." or ".." segment, no encoded '/', no control bytes, UTF-8.
	 * NULL when the target could not be parsed (status says why).
	 */
	const char *path;
	size_t nquery;		/* entries used in query[] below, and so on */
	size_t nform;
	size_t ncookies;
	size_t nparams;
	char client_ip[48];	/* the peer, or X-Forwarded-For's last hop */
	const char *lang;	/* "en" or "cy", never NULL */
	bool lang_from_query;	/* ?lang= chose it: remember it in a cookie */
	bool tls;		/* reached over TLS (see docs/http.md) */
	bool api;		/* /api/...: errors are JSON */
	char content_type[HTTP_HEADER_VALUE_MAX];
	struct buf body;	/* raw body, at most HTTP_BODY_MAX */
	const struct route *route;	/* the matched route, once routed */
	struct web_app *app;	/* the running server's shared state */
	/*
	 * For the auth layer (see web_auth_hook): who is signed in, or
	 * NULL, and how to free it when the request ends.
	 */
	void *user;
	void (*user_free)(void *user);

	/* private */
	int status;		/* 0, or the error the request already earned */
	http_header_fn *header_fn;
	void *header_ctx;
	char *target_buf;	/* decoded path and query strings */
	char *form_buf;
	char *cookie_buf;
	char *params_buf;

	/*
	 * Last, and only valid up to their counts above (request_init()
	 * does not clear them: they are most of the struct).
	 */
	struct http_param query[HTTP_PARAMS_MAX];
	struct http_param form[HTTP_FIELDS_MAX];	/* POST urlencoded */
	struct http_param cookies[HTTP_COOKIES_MAX];	/* values as sent */
	struct http_param params[HTTP_ROUTE_PARAMS_MAX];	/* {name} parts */
};

/* A request header (case-insensitive name), or NULL. */
const char *req_header(const struct request *req, const char *name);
/* A cookie's value as sent, or NULL. */
const char *req_cookie(const struct request *req, const char *name);

/*
 * Parameters: req_param_*() read a {name} segment of the route pattern,
 * else the query string; req_form_*() read urlencoded POST fields.
 * The *_get() forms return the value or NULL and never reply.  The
 * others are validation helpers that reply (redis's ...OrReply): on a
 * missing, repeated, too long (more than max bytes) or, for the int
 * forms, non-numeric or out of [min, max] value they write a 400
 * response and return non-zero, so a handler just returns.
 */
const char *req_param_get(const struct request *req, const char *name);
int req_param_str(struct request *req, struct response *res,
		  const char *name, size_t max, const char **out);
int req_param_int(struct request *req, struct response *res,
		  const char *name, int64_t min, int64_t max, int64_t *out);
const char *req_form_get(const struct request *req, const char *name);
int req_form_str(struct request *req, struct response *res,
		 const char *name, size_t max, const char **out);
int req_form_int(struct request *req, struct response *res,
		 const char *name, int64_t min, int64_t max, int64_t *out);

/* The English or the Welsh string, by the request's language. */
static inline const char *tr(const struct request *req, const char *en,
			     const char *cy)
{
	return req->lang[0] == 'c' ? cy : en;
}

/* ---- response --------------------------------------------------------- */

struct http_header {
	char *name;
	char *value;
};

enum res_cache {
	RES_NO_STORE = 0,	/* default: never cached (children's data) */
	RES_IMMUTABLE,		/* static assets: cached for a year */
};

struct response {
	int status;		/* 200 unless set */
	const char *content_type;	/* a static string */
	struct buf body;	/* at most HTTP_RESPONSE_MAX */
	/* A body in memory that outlives the server (assets): not copied. */
	const void *data;
	size_t data_len;
	struct http_header headers[HTTP_RES_HEADERS_MAX];
	size_t nheaders;
	enum res_cache cache;
	bool broken;		/* a bad header was set: sent as a 500 */
};

void res_init(struct response *res);
void res_release(struct response *res);

/*
 * Add a header.  The name must be a token and the value printable ASCII
 * with no CR or LF (no header injection); otherwise, or past
 * HTTP_RES_HEADERS_MAX, the response is marked broken and sent as a 500.
 */
void res_header(struct response *res, const char *name, const char *value);

/*
 * Set-Cookie for the session: HttpOnly; SameSite=Strict; Path=/, and
 * Secure when the request came over TLS.  max_age in seconds; 0 with an
 * empty value deletes the cookie.  Name and value must be cookie-octets.
 */
void res_session_cookie(const struct request *req, struct response *res,
			const char *name, const char *value, long max_age);

/*
 * Page output.  res_markup() takes a string literal only (it will not
 * compile with a variable): markup never carries data.  Data goes
 * through the escaping sinks of base/html.h.
 */
#define res_markup(res, lit) buf_add(&(res)->body, "" lit, sizeof(lit) - 1)
static inline void res_text(struct response *res, const char *s)
{
	html_text(&res->body, s);
}
static inline void res_attr(struct response *res, const char *s)
{
	html_attr(&res->body, s);
}
static inline void res_url_arg(struct response *res, const char *s)
{
	html_url_arg(&res->body, s);
}
/* A decoded path, each segment percent-encoded, the slashes kept. */
void res_url_path(struct response *res, const char *path);
void res_int(struct response *res, long long n);

/*
 * A JSON body (application/json) with status.  Takes over the reference
 * to j (json_decref'd here); NULL (a failed json_pack) gives a 500.
 */
void res_json(struct response *res, int status, json_t *j);
/*
 * A constant JSON text (a literal, not built from data) with status:
 * sent as it is, without a copy.
 */
void res_json_static(struct response *res, int status, const char *json);
/* {"error": {"code": code, "message": message}} with status. */
void res_api_error(struct response *res, int status, const char *code,
		   const char *message);
/*
 * Answer an error: a friendly page in the request's language for pages
 * (page-error.c), the JSON error for /api/.  Nothing about the cause is
 * shown; the body and extra headers written so far are dropped.
 */
void res_error(struct request *req, struct response *res, int status);
/* 303 See Other to a local path ("/..." but not "//..."). */
void res_redirect(struct response *res, const char *local);

/*
 * A whole page in the GOV.UK Frontend shell (layout.c): body() writes
 * the main content.
 */
typedef void res_page_fn(struct request *req, struct response *res,
			 void *ctx);
void res_html_page(struct request *req, struct response *res,
		   const char *title, res_page_fn *body, void *ctx);

/* ---- routes and the auth extension point ------------------------------ */

enum route_flags {
	ROUTE_PUBLIC = 1 << 0,	/* anyone, signed in or not */
	ROUTE_AUTH = 1 << 1,	/* a signed-in user: req->user set */
	ROUTE_CSRF = 1 << 2,	/* unsafe method: same-origin + token check */
	ROUTE_API = 1 << 3,	/* JSON API: errors as JSON */
	ROUTE_FORM = 1 << 4,	/* POST body is urlencoded form fields */
	ROUTE_ASSET = 1 << 5,	/* static file: cached, no auth hook */
	/*
	 * The sign-in form: with ROUTE_CSRF, the token checked is the
	 * pre-session one (a cookie set with the form), not a session's.
	 */
	ROUTE_SIGN_IN = 1 << 6,
};

typedef void route_fn(struct request *req, struct response *res);

struct route {
	unsigned methods;	/* enum http_method bits; GET implies HEAD */
	/*
	 * Literal segments and {name} segments (one segment, any text);
	 * a last segment {name*} takes the rest of the path.
	 */
	const char *pattern;
	route_fn *fn;
	unsigned flags;		/* enum route_flags */
};

/*
 * The auth layer's hook (src/auth/ sets it once, before the server
 * starts; see docs/http.md).  The router calls it before the handler of
 * every route but assets, with the route's flags.  It may set req->user
 * (and user_free).  Return 0 to go on to the handler, or non-zero after
 * writing a response itself (a redirect to sign in, a 403 for a bad
 * CSRF token).  With no hook, or a hook that leaves req->user NULL,
 * ROUTE_AUTH routes are refused (403, or 401 for the API): fail closed.
 */
typedef int web_auth_fn(struct request *req, struct response *res,
			unsigned route_flags);
extern web_auth_fn *web_auth_hook;

/*
 * The store for the calling server thread, opened on first use (SQLite
 * handles are per thread) and closed when the thread ends.  NULL, with
 * err set, if it cannot be opened.
 */
struct store *web_store(struct request *req, struct err *err);

#endif
