/*
 * response.c: building a struct response, and the headers every
 * response carries.
 *
 * The security headers are the same on every response, errors and
 * assets included, so they are a constant table walked by
 * res_each_header() rather than copied into each response.  Headers a
 * handler adds are checked (a token name; printable ASCII values with no
 * CR or LF) so that data can never split a header.
 */
#include "base/compat.h"
#include "base/xalloc.h"
#include "web/pages.h"
#include "web/web-internal.h"

#define CSP "default-src 'self'; script-src 'self'; style-src 'self'; " \
	"img-src 'self' data:; font-src 'self'; object-src 'none'; "     \
	"base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

static const struct {
	const char *name;
	const char *value;
} security_headers[] = {
	{ "Content-Security-Policy", CSP },
	{ "X-Content-Type-Options", "nosniff" },
	{ "X-Frame-Options", "DENY" },
	{ "Referrer-Policy", "same-origin" },
	{ "Cross-Origin-Opener-Policy", "same-origin" },
	{ "Cross-Origin-Resource-Policy", "same-origin" },
	{ "Permissions-Policy",
	  "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
};

void res_init(struct response *res)
{
	memset(res, 0, sizeof(*res));
	res->status = 200;
	res->content_type = "text/html; charset=utf-8";
	buf_init(&res->body, HTTP_RESPONSE_MAX);
}

static void drop_headers(struct response *res)
{
	for (size_t i = 0; i < res->nheaders; i++) {
		free(res->headers[i].name);
		free(res->headers[i].value);
	}
	res->nheaders = 0;
}

void res_release(struct response *res)
{
	drop_headers(res);
	buf_release(&res->body);
	res_init(res);
}

static bool header_name_ok(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || strchr("!#$%&'*+-.^_`|~", c)))
			return false;
	}
	return true;
}

static bool header_value_ok(const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c < 0x20 && c != '\t') || c >= 0x7f)
			return false;
	}
	return true;
}

void res_header(struct response *res, const char *name, const char *value)
{
	if (!header_name_ok(name) || !header_value_ok(value) ||
	    res->nheaders >= HTTP_RES_HEADERS_MAX) {
		res->broken = true;
		return;
	}
	res->headers[res->nheaders].name = xstrdup(name);
	res->headers[res->nheaders].value = xstrdup(value);
	res->nheaders++;
}

static bool cookie_value_ok(const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (!(c == 0x21 || (c >= 0x23 && c <= 0x2b) ||
		      (c >= 0x2d && c <= 0x3a) || (c >= 0x3c && c <= 0x5b) ||
		      (c >= 0x5d && c <= 0x7e)))
			return false;
	}
	return true;
}

static void set_cookie(const struct request *req, struct response *res,
		       const char *name, const char *value, long max_age,
		       const char *same_site)
{
	struct buf c = BUF_INIT(4096);

	if (!header_name_ok(name) || !cookie_value_ok(value) || max_age < 0) {
		res->broken = true;
		return;
	}
	buf_addf(&c, "%s=%s; Path=/; Max-Age=%ld; HttpOnly; SameSite=%s",
		 name, value, max_age, same_site);
	if (req->tls)
		buf_adds(&c, "; Secure");
	if (buf_error(&c))
		res->broken = true;
	else
		res_header(res, "Set-Cookie", c.buf);
	buf_release(&c);
}

void res_session_cookie(const struct request *req, struct response *res,
			const char *name, const char *value, long max_age)
{
	set_cookie(req, res, name, value, max_age, "Strict");
}

void res_url_path(struct response *res, const char *path)
{
	const char *p = path;

	while (*p) {
		const char *slash = strchr(p, '/');
		size_t n = slash ? (size_t)(slash - p) : strlen(p);
		char seg[256];

		if (n) {
			if (n >= sizeof(seg)) {
				char *big = xstrndup(p, n);

				html_url_arg(&res->body, big);
				free(big);
			} else {
				memcpy(seg, p, n);
				seg[n] = '\0';
				html_url_arg(&res->body, seg);
			}
		}
		if (!slash)
			break;
		buf_addch(&res->body, '/');
		p = slash + 1;
	}
}

void res_int(struct response *res, long long n)
{
	buf_addf(&res->body, "%lld", n);
}

void res_json(struct response *res, int status, json_t *j)
{
	char *s = j ? json_dumps(j, JSON_COMPACT | JSON_REAL_PRECISION(10))
		    : NULL;

	json_decref(j);
	buf_reset(&res->body);
	res->data = NULL;
	res->content_type = "application/json";
	if (!s) {
		res->status = 500;
		buf_adds(&res->body, "{\"error\":{\"code\":\"internal_error\","
			 "\"message\":\"Something went wrong.\"}}");
		return;
	}
	res->status = status;
	buf_adds(&res->body, s);
	free(s);
}

void res_json_static(struct response *res, int status, const char *json)
{
	buf_reset(&res->body);
	res->status = status;
	res->content_type = "application/json";
	res->data = json;
	res->data_len = strlen(json);
}

void res_api_error(struct response *res, int status, const char *code,
		   const char *message)
{
	res_json(res, status, json_pack("{s:{s:s, s:s}}", "error", "code",
					code, "message", message));
}

static const struct {
	int status;
	const char *code;
	const char *message;
} api_errors[] = {
	{ 400, "bad_request", "The request is not valid." },
	{ 401, "unauthorized", "Sign in first." },
	{ 403, "forbidden", "You are not allowed to do this." },
	{ 404, "not_found", "There is no such resource." },
	{ 405, "method_not_allowed", "This method is not allowed here." },
	{ 413, "payload_too_large", "The request body is too large." },
	{ 414, "uri_too_long", "The URL is too long." },
	{ 415, "unsupported_media_type", "This content type is not accepted." },
	{ 429, "too_many_requests", "Too many attempts: try again later." },
	{ 503, "service_unavailable", "The service is busy: try again soon." },
	{ 500, "internal_error", "Something went wrong." },
};

const char *http_error_code(int status)
{
	for (size_t i = 0; i < ARRAY_SIZE(api_errors); i++)
		if (api_errors[i].status == status)
			return api_errors[i].code;
	return "internal_error";
}

void res_error(struct request *req, struct response *res, int status)
{
	buf_reset(&res->body);
	drop_headers(res);
	res->data = NULL;
	res->data_len = 0;
	res->cache = RES_NO_STORE;
	res->broken = false;
	if (req->api) {
		size_t i;

		for (i = 0; i < ARRAY_SIZE(api_errors); i++)
			if (api_errors[i].status == status)
				break;
		if (i == ARRAY_SIZE(api_errors))
			i = ARRAY_SIZE(api_errors) - 1;
		res_api_error(res, status, api_errors[i].code,
			      api_errors[i].message);
	} else {
		res->content_type = "text/html; charset=utf-8";
		page_error(req, res, status);
	}
	res->status = status;
}

void res_redirect(struct response *res, const char *local)
{
	buf_reset(&res->body);
	res->data = NULL;
	if (local[0] != '/' || local[1] == '/' || local[1] == '\\') {
		res->broken = true;	/* never an open redirect */
		return;
	}
	res->status = 303;
	res_header(res, "Location", local);
}

void res_finish(struct request *req, struct response *res)
{
	if (res->broken || buf_error(&res->body)) {
		res_error(req, res, 500);
		if (buf_error(&res->body))
			BUG("the error page does not fit");
		return;
	}
	if (req->lang_from_query && !req->api && res->cache == RES_NO_STORE) {
		const char *had = req_cookie(req, "lang");

		if (!had || strcmp(had, req->lang))
			set_cookie(req, res, "lang", req->lang,
				   365L * 24 * 3600, "Lax");
	}
}

void res_each_header(const struct request *req, const struct response *res,
		     res_header_cb *fn, void *ctx)
{
	fn(ctx, "Content-Type", res->content_type);
	for (size_t i = 0; i < ARRAY_SIZE(security_headers); i++)
		fn(ctx, security_headers[i].name, security_headers[i].value);
	if (res->cache == RES_IMMUTABLE)
		fn(ctx, "Cache-Control", "public, max-age=31536000, immutable");
	else
		fn(ctx, "Cache-Control", "no-store");
	if (req->tls)
		fn(ctx, "Strict-Transport-Security", "max-age=31536000");
	for (size_t i = 0; i < res->nheaders; i++)
		fn(ctx, res->headers[i].name, res->headers[i].value);
}
