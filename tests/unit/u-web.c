/*
 * u-web.c: unit tests for src/web/: request decoding (percent-decoding,
 * invalid encodings, NULs, limits, repeated parameters), the language
 * choice, cookies, the router (patterns, parameters, 404/405, the checks
 * its flags ask for, the table rules), responses (headers, cookies,
 * escaping), the static asset table, and the auth hook (sessions, CSRF,
 * API tokens, against a real store file) with its pure helpers (safe
 * ?next=, cookies, bearer tokens, throttling addresses).  No sockets:
 * handlers and the pipeline are plain functions.
 */
#include "unit.h"
#include <strings.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include "base/buf.h"
#include "base/err.h"
#include "web/http.h"
#include "web/pages.h"
#include "web/parts.h"
#include "web/session.h"
#include "web/web-internal.h"

/* ---- helpers ---------------------------------------------------------- */

/* Request headers for req_header(): "Name", "value", ..., NULL. */
struct fake_headers {
	const char *const *kv;
};

static const char *fake_header(void *ctx, const char *name)
{
	const struct fake_headers *h = ctx;

	for (const char *const *p = h->kv; p && *p; p += 2)
		if (!strcasecmp(p[0], name))
			return p[1];
	return NULL;
}

static void req_start(struct request *req, const char *method,
		      const char *target)
{
	request_init(req, NULL);
	request_set_method(req, method);
	request_set_target(req, target);
	request_choose_lang(req, NULL);
}

static int decode(const char *in, unsigned flags, char *out, size_t cap)
{
	size_t n = strlen(in), got;
	int rc;

	assert_true(n < cap);
	memcpy(out, in, n + 1);
	rc = http_decode(out, n, flags, &got);
	if (!rc)
		assert_int_equal(got, strlen(out));
	return rc;
}

/* ---- decoding ---------------------------------------------------------- */

static void test_decode_good(void **state)
{
	char s[64];

	(void)state;
	assert_int_equal(decode("a%20b", 0, s, sizeof(s)), 0);
	assert_string_equal(s, "a b");
	assert_int_equal(decode("a+b", 0, s, sizeof(s)), 0);
	assert_string_equal(s, "a+b");
	assert_int_equal(decode("a+b%2B", HTTP_DECODE_PLUS, s, sizeof(s)), 0);
	assert_string_equal(s, "a b+");
	assert_int_equal(decode("caf%C3%a9", 0, s, sizeof(s)), 0);
	assert_string_equal(s, "caf\xc3\xa9");
	assert_int_equal(decode("", 0, s, sizeof(s)), 0);
	assert_string_equal(s, "");
	assert_int_equal(decode("%F4%8F%BF%BF", 0, s, sizeof(s)), 0);
	assert_int_equal(decode("line%0D%0Anext%09", HTTP_DECODE_LINES, s,
				sizeof(s)), 0);
	assert_string_equal(s, "line\r\nnext\t");
}

static void test_decode_bad(void **state)
{
	static const char *const bad[] = {
		"%zz", "%2", "%", "a%g0", "%00", "a%00b", "%0A", "%7F", "%1b",
		"%C3", "%C0%AF", "%E0%80%AF", "%ED%A0%80", "%F4%90%80%80",
		"%FF", "\x01", "tab\there", "%80",
	};
	char s[64];

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
		if (!decode(bad[i], HTTP_DECODE_PLUS, s, sizeof(s)))
			fail_msg("\"%s\" decoded", bad[i]);
	/* lines are only for form fields, and never NUL */
	assert_int_equal(decode("%00", HTTP_DECODE_LINES, s, sizeof(s)),
			 ERR_INVALID);
}

static void test_utf8(void **state)
{
	(void)state;
	assert_true(utf8_valid("plain", 5));
	assert_true(utf8_valid("\xe2\x80\x99", 3));
	assert_false(utf8_valid("\xe2\x80", 2));
	assert_false(utf8_valid("\xc1\xbf", 2));	/* overlong */
	assert_false(utf8_valid("\xf8\x88\x80\x80\x80", 5));
}

/* ---- the request target ------------------------------------------------ */

static void test_target_paths(void **state)
{
	static const struct {
		const char *raw;
		int status;
		const char *path;
	} cases[] = {
		{ "/", 0, "/" },
		{ "//a///b/", 0, "/a/b/" },
		{ "/a%20b", 0, "/a b" },
		{ "/assets/fonts/x.woff2", 0, "/assets/fonts/x.woff2" },
		{ "/a/../b", 404, NULL },
		{ "/..", 404, NULL },
		{ "/./a", 404, NULL },
		{ "/a/%2e%2e/b", 404, NULL },
		{ "/a/%2E%2e", 404, NULL },
		{ "/a%2Fb", 404, NULL },
		{ "/a%2f..%2fb", 404, NULL },
		{ "/a%5Cb", 404, NULL },
		{ "/a\\b", 404, NULL },
		{ "/a%00", 400, NULL },
		{ "/a%zz", 400, NULL },
		{ "/a%C3", 400, NULL },
		{ "/a\x7f", 400, NULL },
		{ "a", 400, NULL },
		{ "http://example.org/", 400, NULL },
		{ "*", 400, NULL },
	};

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct request req;
		int rc;

		request_init(&req, NULL);
		rc = request_set_target(&req, cases[i].raw);
		if (rc != cases[i].status)
			fail_msg("%s: status %d, wanted %d", cases[i].raw, rc,
				 cases[i].status);
		assert_int_equal(req.status, cases[i].status);
		if (cases[i].path)
			assert_string_equal(req.path, cases[i].path);
		else
			assert_null(req.path);
		request_release(&req);
	}
}

static void test_target_limits(void **state)
{
	struct buf t = BUF_INIT(HTTP_TARGET_MAX + 10);
	struct request req;

	(void)state;
	/* exactly at the limit: fine */
	buf_adds(&t, "/?q=");
	while (t.len < HTTP_TARGET_MAX)
		buf_addch(&t, 'a');
	request_init(&req, NULL);
	assert_int_equal(request_set_target(&req, t.buf), 0);
	assert_int_equal(strlen(req.query[0].value), HTTP_TARGET_MAX - 4);
	request_release(&req);
	/* one past: 414 */
	buf_addch(&t, 'a');
	assert_int_equal(request_set_target(&req, t.buf), 414);
	assert_null(req.path);
	request_release(&req);

	/* too many path segments */
	buf_reset(&t);
	for (int i = 0; i <= HTTP_SEGMENTS_MAX; i++)
		buf_adds(&t, "/s");
	assert_int_equal(request_set_target(&req, t.buf), 404);
	request_release(&req);

	/* too many parameters */
	buf_reset(&t);
	buf_adds(&t, "/?");
	for (int i = 0; i <= HTTP_PARAMS_MAX; i++)
		buf_addf(&t, "p%d=1&", i);
	assert_int_equal(request_set_target(&req, t.buf), 400);
	request_release(&req);

	/* a name one byte too long, an empty name */
	buf_reset(&t);
	buf_adds(&t, "/?");
	for (int i = 0; i <= HTTP_NAME_MAX; i++)
		buf_addch(&t, 'n');
	buf_adds(&t, "=1");
	assert_int_equal(request_set_target(&req, t.buf), 400);
	request_release(&req);
	assert_int_equal(request_set_target(&req, "/?=x"), 400);
	request_release(&req);
	buf_release(&t);
}

static void test_query(void **state)
{
	struct request req;

	(void)state;
	request_init(&req, NULL);
	assert_int_equal(request_set_target(&req, "/p?x=1&&y=%C3%A9&z&q=a+b%2Bc&"),
			 0);
	assert_string_equal(req.path, "/p");
	assert_int_equal(req.nquery, 4);
	assert_string_equal(req.query[0].name, "x");
	assert_string_equal(req.query[0].value, "1");
	assert_string_equal(req.query[1].value, "\xc3\xa9");
	assert_string_equal(req.query[2].name, "z");
	assert_string_equal(req.query[2].value, "");
	assert_string_equal(req.query[3].value, "a b+c");
	request_release(&req);

	/* bad encodings anywhere in the query: 400, the path still parsed */
	assert_int_equal(request_set_target(&req, "/p?x=%00"), 400);
	request_release(&req);
	assert_int_equal(request_set_target(&req, "/p?x=%E2%80"), 400);
	request_release(&req);
	assert_int_equal(request_set_target(&req, "/p?%0A=1"), 400);
	request_release(&req);
	/* "=" inside a value, "%3D" inside a name */
	assert_int_equal(request_set_target(&req, "/p?a%3Db=c=d"), 0);
	assert_string_equal(req.query[0].name, "a=b");
	assert_string_equal(req.query[0].value, "c=d");
	request_release(&req);
	/* /api/ targets answer errors in JSON, even unparsed ones */
	assert_int_equal(request_set_target(&req, "/api/v1/x%zz"), 400);
	assert_true(req.api);
	request_release(&req);
}

static void test_params_reply(void **state)
{
	struct request req;
	struct response res;
	const char *s;
	int64_t n;

	(void)state;
	req_start(&req, "GET", "/p?id=abc&n=5&dup=1&dup=2&big=99");
	res_init(&res);
	assert_int_equal(req_param_str(&req, &res, "id", 8, &s), 0);
	assert_string_equal(s, "abc");
	assert_int_equal(req_param_int(&req, &res, "n", 1, 10, &n), 0);
	assert_int_equal(n, 5);
	assert_int_equal(res.status, 200);
	assert_int_equal(res.body.len, 0);
	assert_string_equal(req_param_get(&req, "id"), "abc");
	assert_null(req_param_get(&req, "dup"));	/* repeated: ambiguous */
	assert_null(req_param_get(&req, "none"));

	/* each failure writes a 400 and returns non-zero */
	assert_int_not_equal(req_param_str(&req, &res, "id", 2, &s), 0);
	assert_int_equal(res.status, 400);
	assert_non_null(strstr(res.body.buf, "<html lang=\"en\""));
	res_release(&res);
	assert_int_not_equal(req_param_str(&req, &res, "dup", 8, &s), 0);
	assert_int_equal(res.status, 400);
	res_release(&res);
	assert_int_not_equal(req_param_str(&req, &res, "none", 8, &s), 0);
	res_release(&res);
	assert_int_not_equal(req_param_int(&req, &res, "big", 1, 10, &n), 0);
	res_release(&res);
	assert_int_not_equal(req_param_int(&req, &res, "id", 1, 10, &n), 0);
	assert_int_equal(res.status, 400);
	res_release(&res);
	request_release(&req);

	/* the API answers in JSON and names the parameter */
	req_start(&req, "GET", "/api/v1/x?limit=0");
	assert_int_not_equal(req_param_int(&req, &res, "limit", 1, 100, &n), 0);
	assert_int_equal(res.status, 400);
	assert_string_equal(res.content_type, "application/json");
	assert_string_equal(res.body.buf,
			    "{\"error\":{\"code\":\"invalid_parameter\","
			    "\"message\":\"parameter \\\"limit\\\" is not valid\"}}");
	res_release(&res);
	request_release(&req);
}

static void test_cookies(void **state)
{
	struct request req;
	struct buf big = BUF_INIT(HTTP_COOKIE_HEADER_MAX + 10);

	(void)state;
	request_init(&req, NULL);
	request_set_cookies(&req, "a=1;  lang=cy ;bad name=2; q=\"v\"; e=; "
			    "x=bad,comma; novalue");
	assert_int_equal(req.ncookies, 4);
	assert_string_equal(req_cookie(&req, "a"), "1");
	assert_string_equal(req_cookie(&req, "lang"), "cy");
	assert_string_equal(req_cookie(&req, "q"), "v");
	assert_string_equal(req_cookie(&req, "e"), "");
	assert_null(req_cookie(&req, "x"));
	assert_null(req_cookie(&req, "bad name"));
	request_release(&req);

	/* a Cookie header past the limit is ignored whole */
	buf_adds(&big, "a=1; b=");
	while (big.len <= HTTP_COOKIE_HEADER_MAX)
		buf_addch(&big, 'x');
	request_set_cookies(&req, big.buf);
	assert_int_equal(req.ncookies, 0);
	request_release(&req);
	buf_release(&big);
}

static void test_lang(void **state)
{
	static const struct {
		const char *target;
		const char *cookie;
		const char *accept;
		const char *want;
		bool from_query;
	} cases[] = {
		{ "/", NULL, NULL, "en", false },
		{ "/?lang=cy", NULL, NULL, "cy", true },
		{ "/?lang=cy", "lang=en", "en", "cy", true },
		{ "/?lang=fr", "lang=cy", NULL, "cy", false },
		{ "/", "lang=cy", "en-GB,en;q=0.9", "cy", false },
		{ "/", "lang=xx", "cy", "cy", false },
		{ "/", NULL, "en;q=0.5, cy;q=0.8", "cy", false },
		{ "/", NULL, "fr, CY-GB;q=0.9, en;q=0.2", "cy", false },
		{ "/", NULL, "en-GB,en;q=0.9,cy;q=0.8", "en", false },
		{ "/", NULL, "cy;q=0, en;q=0.1", "en", false },
		{ "/", NULL, "cy;q=2", "en", false },
		{ "/", NULL, "fr, de", "en", false },
		{ "/", NULL, ",,;;q=,=", "en", false },
	};

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct request req;

		request_init(&req, NULL);
		request_set_target(&req, cases[i].target);
		request_set_cookies(&req, cases[i].cookie);
		request_choose_lang(&req, cases[i].accept);
		if (strcmp(req.lang, cases[i].want))
			fail_msg("case %zu: %s, wanted %s", i, req.lang,
				 cases[i].want);
		assert_int_equal(req.lang_from_query, cases[i].from_query);
		request_release(&req);
	}
}

/* ---- the router --------------------------------------------------------- */

static int handled;

static void h_ok(struct request *req, struct response *res)
{
	(void)req;
	handled++;
	res_markup(res, "ok");
}

static void h_form(struct request *req, struct response *res)
{
	const char *name;

	if (req_form_str(req, res, "name", 20, &name))
		return;
	handled++;
	res_text(res, name);
}

static const struct route test_routes[] = {
	{ HTTP_GET, "/", h_ok, ROUTE_PUBLIC },
	{ HTTP_GET, "/homes/{urn}", h_ok, ROUTE_PUBLIC },
	{ HTTP_GET, "/homes/{urn}/places/{n}", h_ok, ROUTE_AUTH },
	{ HTTP_GET, "/files/{file*}", h_ok, ROUTE_PUBLIC | ROUTE_ASSET },
	{ HTTP_POST, "/form", h_form, ROUTE_PUBLIC | ROUTE_CSRF | ROUTE_FORM },
	{ HTTP_GET, "/form", h_ok, ROUTE_PUBLIC },
	{ HTTP_GET, "/api/v1/secret", h_ok, ROUTE_AUTH | ROUTE_API },
};

static void test_match(void **state)
{
	struct request req;
	const struct route *r;
	unsigned allow;
	char methods[64];

	(void)state;
	req_start(&req, "GET", "/homes/W123");
	r = router_match(test_routes, ARRAY_SIZE(test_routes), &req, &allow);
	assert_ptr_equal(r, &test_routes[1]);
	assert_int_equal(req.nparams, 1);
	assert_string_equal(req.params[0].name, "urn");
	assert_string_equal(req.params[0].value, "W123");
	assert_string_equal(req_param_get(&req, "urn"), "W123");
	request_release(&req);

	req_start(&req, "GET", "/homes/a%20b/places/7?urn=other");
	r = router_match(test_routes, ARRAY_SIZE(test_routes), &req, &allow);
	assert_ptr_equal(r, &test_routes[2]);
	assert_int_equal(req.nparams, 2);
	assert_string_equal(req.params[0].value, "a b");
	assert_string_equal(req.params[1].name, "n");
	assert_string_equal(req.params[1].value, "7");
	/* route parameters shadow the query */
	assert_string_equal(req_param_get(&req, "urn"), "a b");
	request_release(&req);

	req_start(&req, "HEAD", "/files/fonts/x.woff2");
	r = router_match(test_routes, ARRAY_SIZE(test_routes), &req, &allow);
	assert_ptr_equal(r, &test_routes[3]);
	assert_string_equal(req.params[0].name, "file");
	assert_string_equal(req.params[0].value, "fonts/x.woff2");
	request_release(&req);

	static const char *const misses[] = {
		"/homes", "/homes/", "/homes/1/", "/homes/1/places",
		"/files", "/files/", "/x", "/homes/1/places/2/3",
	};
	for (size_t i = 0; i < ARRAY_SIZE(misses); i++) {
		req_start(&req, "GET", misses[i]);
		r = router_match(test_routes, ARRAY_SIZE(test_routes), &req,
				 &allow);
		if (r || allow)
			fail_msg("%s matched", misses[i]);
		request_release(&req);
	}

	/* the path is there, the method is not: 405 material */
	req_start(&req, "DELETE", "/form");
	r = router_match(test_routes, ARRAY_SIZE(test_routes), &req, &allow);
	assert_null(r);
	assert_int_equal(allow, HTTP_GET | HTTP_HEAD | HTTP_POST);
	router_allow(allow, methods, sizeof(methods));
	assert_string_equal(methods, "GET, HEAD, POST");
	request_release(&req);
	router_allow(HTTP_POST, methods, sizeof(methods));
	assert_string_equal(methods, "POST");
}

static void test_check_tables(void **state)
{
	static const struct route bad[][1] = {
		{ { HTTP_POST, "/x", h_ok, ROUTE_PUBLIC } },	/* no CSRF */
		{ { HTTP_GET, "/x", h_ok, 0 } },		/* who? */
		{ { HTTP_GET, "/x", h_ok, ROUTE_PUBLIC | ROUTE_AUTH } },
		{ { HTTP_GET, "/{x", h_ok, ROUTE_PUBLIC } },
		{ { HTTP_GET, "/{}", h_ok, ROUTE_PUBLIC } },
		{ { HTTP_GET, "/a{x}", h_ok, ROUTE_PUBLIC } },
		{ { HTTP_GET, "/{x*}/y", h_ok, ROUTE_PUBLIC } },
		{ { HTTP_GET, "x", h_ok, ROUTE_PUBLIC } },
		{ { HTTP_GET, "/x", NULL, ROUTE_PUBLIC } },
		{ { HTTP_GET, "/x", h_ok, ROUTE_PUBLIC | ROUTE_FORM } },
		{ { HTTP_POST, "/x", h_ok, ROUTE_PUBLIC | ROUTE_CSRF |
		    ROUTE_ASSET } },
	};
	struct err err = ERR_INIT;

	(void)state;
	assert_int_equal(router_check(web_routes, web_nroutes, &err), 0);
	assert_int_equal(router_check(test_routes, ARRAY_SIZE(test_routes),
				      &err), 0);
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		err_clear(&err);
		if (router_check(bad[i], 1, &err) != ERR_INVALID)
			fail_msg("bad table %zu accepted", i);
	}
}

/* Run the whole pipeline on a test table. */
static void run(const char *method, const char *target,
		const char *const *headers, const char *body,
		struct request *req, struct response *res)
{
	static struct fake_headers fh;

	fh.kv = headers;
	request_init(req, NULL);
	req->header_fn = fake_header;
	req->header_ctx = &fh;
	request_set_method(req, method);
	request_set_target(req, target);
	request_set_content_type(req, fake_header(&fh, "Content-Type"));
	request_choose_lang(req, NULL);
	if (body)
		buf_adds(&req->body, body);
	res_init(res);
	web_dispatch(test_routes, ARRAY_SIZE(test_routes), req, res);
	res_finish(req, res);
}

static const char *res_get(const struct response *res, const char *name)
{
	for (size_t i = 0; i < res->nheaders; i++)
		if (!strcmp(res->headers[i].name, name))
			return res->headers[i].value;
	return NULL;
}

static void done(struct request *req, struct response *res)
{
	request_release(req);
	res_release(res);
}

static const char *const form_hdrs[] = {
	"Content-Type", "application/x-www-form-urlencoded; charset=UTF-8",
	"Host", "example.org", NULL
};

static int auth_hook_user(struct request *req, struct response *res,
			  unsigned flags)
{
	static char user[] = "alice";

	(void)res;
	(void)flags;
	req->user = user;
	return 0;
}

static int auth_hook_refuse(struct request *req, struct response *res,
			    unsigned flags)
{
	if (!(flags & ROUTE_AUTH))
		return 0;
	res_redirect(res, "/sign-in");
	(void)req;
	return 1;
}

static void test_dispatch(void **state)
{
	static const char *const cross[] = {
		"Content-Type", "application/x-www-form-urlencoded",
		"Sec-Fetch-Site", "cross-site", NULL
	};
	static const char *const other_origin[] = {
		"Content-Type", "application/x-www-form-urlencoded",
		"Origin", "https://evil.example", "Host", "example.org", NULL
	};
	static const char *const same_origin[] = {
		"Content-Type", "application/x-www-form-urlencoded",
		"Origin", "http://example.org", "Host", "example.org",
		"Sec-Fetch-Site", "same-origin", NULL
	};
	static const char *const json_type[] = {
		"Content-Type", "application/json", NULL
	};
	struct request req;
	struct response res;

	(void)state;
	handled = 0;
	run("GET", "/", NULL, NULL, &req, &res);
	assert_int_equal(res.status, 200);
	assert_string_equal(res.body.buf, "ok");
	done(&req, &res);

	run("GET", "/nowhere", NULL, NULL, &req, &res);
	assert_int_equal(res.status, 404);
	assert_non_null(strstr(res.body.buf, "Page not found"));
	done(&req, &res);

	run("PUT", "/form", NULL, NULL, &req, &res);
	assert_int_equal(res.status, 405);
	assert_string_equal(res_get(&res, "Allow"), "GET, HEAD, POST");
	done(&req, &res);
	run("BREW", "/", NULL, NULL, &req, &res);
	assert_int_equal(res.status, 405);
	assert_string_equal(res_get(&res, "Allow"), "GET, HEAD");
	done(&req, &res);

	/* forms: decoded within limits, the right type, same origin */
	run("POST", "/form", form_hdrs, "name=Ann+Jones&x=%C3%A9", &req, &res);
	assert_int_equal(res.status, 200);
	assert_string_equal(res.body.buf, "Ann Jones");
	done(&req, &res);
	run("POST", "/form", form_hdrs, "name=%3Cb%3E", &req, &res);
	assert_string_equal(res.body.buf, "&lt;b&gt;");
	done(&req, &res);
	run("POST", "/form", same_origin, "name=a", &req, &res);
	assert_int_equal(res.status, 200);
	done(&req, &res);
	run("POST", "/form", json_type, "{}", &req, &res);
	assert_int_equal(res.status, 415);
	done(&req, &res);
	run("POST", "/form", NULL, "name=a", &req, &res);
	assert_int_equal(res.status, 415);
	done(&req, &res);
	run("POST", "/form", form_hdrs, "name=%00", &req, &res);
	assert_int_equal(res.status, 400);
	done(&req, &res);
	run("POST", "/form", form_hdrs, "name=a&name=b", &req, &res);
	assert_int_equal(res.status, 400);
	done(&req, &res);
	run("POST", "/form", cross, "name=a", &req, &res);
	assert_int_equal(res.status, 403);
	done(&req, &res);
	run("POST", "/form", other_origin, "name=a", &req, &res);
	assert_int_equal(res.status, 403);
	done(&req, &res);
	{
		struct buf many = BUF_INIT(4096);

		for (int i = 0; i <= HTTP_FIELDS_MAX; i++)
			buf_addf(&many, "f%d=1&", i);
		run("POST", "/form", form_hdrs, many.buf, &req, &res);
		assert_int_equal(res.status, 400);
		done(&req, &res);
		buf_release(&many);
	}
	assert_int_equal(handled, 4);

	/* sign-in: refused without an auth layer (fail closed) */
	run("GET", "/homes/1/places/2", NULL, NULL, &req, &res);
	assert_int_equal(res.status, 403);
	done(&req, &res);
	run("GET", "/api/v1/secret", NULL, NULL, &req, &res);
	assert_int_equal(res.status, 401);
	assert_string_equal(res.content_type, "application/json");
	assert_non_null(strstr(res.body.buf, "\"unauthorized\""));
	done(&req, &res);
	web_auth_hook = auth_hook_user;
	run("GET", "/homes/1/places/2", NULL, NULL, &req, &res);
	assert_int_equal(res.status, 200);
	done(&req, &res);
	web_auth_hook = auth_hook_refuse;
	run("GET", "/homes/1/places/2", NULL, NULL, &req, &res);
	assert_int_equal(res.status, 303);
	assert_string_equal(res_get(&res, "Location"), "/sign-in");
	done(&req, &res);
	run("GET", "/", NULL, NULL, &req, &res);	/* public: still fine */
	assert_int_equal(res.status, 200);
	done(&req, &res);
	web_auth_hook = NULL;
	assert_int_equal(handled, 6);
}

/* ---- responses ---------------------------------------------------------- */

struct collected {
	struct buf all;
};

static void collect(void *ctx, const char *name, const char *value)
{
	struct collected *c = ctx;

	buf_addf(&c->all, "%s: %s\n", name, value);
}

static void test_headers(void **state)
{
	struct request req;
	struct response res;
	struct collected c = { BUF_INIT(1 << 16) };

	(void)state;
	req_start(&req, "GET", "/?lang=cy");
	req.tls = true;
	res_init(&res);
	res_session_cookie(&req, &res, "sid", "abc123", 3600);
	res_finish(&req, &res);
	res_each_header(&req, &res, collect, &c);
	assert_non_null(strstr(c.all.buf, "Content-Security-Policy: default-src "
				"'self'; script-src 'self'; style-src 'self'; "
				"img-src 'self' data:; font-src 'self'; "
				"object-src 'none'; base-uri 'none'; form-action"
				" 'self'; frame-ancestors 'none'\n"));
	assert_non_null(strstr(c.all.buf, "X-Content-Type-Options: nosniff\n"));
	assert_non_null(strstr(c.all.buf, "X-Frame-Options: DENY\n"));
	assert_non_null(strstr(c.all.buf, "Referrer-Policy: same-origin\n"));
	assert_non_null(strstr(c.all.buf, "Cross-Origin-Opener-Policy: "
				"same-origin\n"));
	assert_non_null(strstr(c.all.buf, "Permissions-Policy: "));
	assert_non_null(strstr(c.all.buf, "Cache-Control: no-store\n"));
	assert_non_null(strstr(c.all.buf, "Strict-Transport-Security: "));
	assert_non_null(strstr(c.all.buf, "Set-Cookie: sid=abc123; Path=/; "
				"Max-Age=3600; HttpOnly; SameSite=Strict; "
				"Secure\n"));
	/* ?lang=cy is remembered */
	assert_non_null(strstr(c.all.buf, "Set-Cookie: lang=cy; Path=/; "));
	res_release(&res);
	request_release(&req);

	/* plain HTTP: no Secure, no HSTS; assets are cached */
	buf_reset(&c.all);
	req_start(&req, "GET", "/");
	res_init(&res);
	res_session_cookie(&req, &res, "sid", "", 0);
	res.cache = RES_IMMUTABLE;
	res_finish(&req, &res);
	res_each_header(&req, &res, collect, &c);
	assert_non_null(strstr(c.all.buf, "Set-Cookie: sid=; Path=/; Max-Age=0; "
				"HttpOnly; SameSite=Strict\n"));
	assert_null(strstr(c.all.buf, "Secure"));
	assert_null(strstr(c.all.buf, "Strict-Transport"));
	assert_non_null(strstr(c.all.buf, "Cache-Control: public, "
				"max-age=31536000, immutable\n"));
	res_release(&res);
	request_release(&req);
	buf_release(&c.all);
}

static void test_broken_headers(void **state)
{
	static const char *const values[] = {
		"a\r\nSet-Cookie: x=1", "a\nb", "caf\xc3\xa9", "\x01",
	};
	struct request req;
	struct response res;

	(void)state;
	req_start(&req, "GET", "/");
	for (size_t i = 0; i < ARRAY_SIZE(values); i++) {
		res_init(&res);
		res_header(&res, "X-Test", values[i]);
		assert_true(res.broken);
		res_finish(&req, &res);
		assert_int_equal(res.status, 500);
		assert_int_equal(res.nheaders, 0);
		assert_non_null(strstr(res.body.buf, "problem with the service"));
		res_release(&res);
	}
	res_init(&res);
	res_header(&res, "Bad Name", "v");
	assert_true(res.broken);
	res_release(&res);
	/* cookie values must be cookie-octets */
	res_session_cookie(&req, &res, "sid", "a;b", 10);
	assert_true(res.broken);
	res_release(&res);
	/* never an open redirect */
	res_redirect(&res, "//evil.example/");
	assert_true(res.broken);
	res_release(&res);
	res_redirect(&res, "https://evil.example/");
	assert_true(res.broken);
	res_release(&res);
	res_redirect(&res, "/\\evil.example/");
	assert_true(res.broken);
	res_release(&res);
	res_redirect(&res, "/homes?x=1");
	assert_false(res.broken);
	assert_int_equal(res.status, 303);
	res_release(&res);
	/* a body past the limit turns into the 500 page */
	res_init(&res);
	res.body.max = 10;
	res_markup(&res, "0123456789+");
	res.body.max = HTTP_RESPONSE_MAX;
	res_finish(&req, &res);
	assert_int_equal(res.status, 500);
	res_release(&res);
	request_release(&req);
}

static void test_json(void **state)
{
	struct response res;

	(void)state;
	res_init(&res);
	res_json(&res, 201, json_pack("{s:s}", "a", "<\"\xc3\xa9\">"));
	assert_int_equal(res.status, 201);
	assert_string_equal(res.content_type, "application/json");
	assert_string_equal(res.body.buf, "{\"a\":\"<\\\"\xc3\xa9\\\">\"}");
	res_json(&res, 200, NULL);
	assert_int_equal(res.status, 500);
	assert_non_null(strstr(res.body.buf, "internal_error"));
	res_json_static(&res, 200, "{\"status\":\"ok\"}");
	assert_int_equal(res.status, 200);
	assert_string_equal(res.content_type, "application/json");
	assert_int_equal(res.data_len, 15);
	assert_memory_equal(res.data, "{\"status\":\"ok\"}", 15);
	res.data = NULL;
	res_api_error(&res, 404, "not_found", "There is no such resource.");
	assert_string_equal(res.body.buf, "{\"error\":{\"code\":\"not_found\","
			    "\"message\":\"There is no such resource.\"}}");
	res_release(&res);
	assert_string_equal(http_error_code(413), "payload_too_large");
	assert_string_equal(http_error_code(999), "internal_error");
}

static void test_pages(void **state)
{
	struct request req;
	struct response res;

	(void)state;
	/* the start page in Welsh; the switch keeps the other parameters */
	req_start(&req, "GET", "/?a=1&lang=cy&b=%3Cx%3E");
	res_init(&res);
	page_start(&req, &res);
	assert_non_null(strstr(res.body.buf, "<html lang=\"cy\""));
	assert_non_null(strstr(res.body.buf, "Monitro gofal preswyl"));
	assert_non_null(strstr(res.body.buf, "href=\"/?a=1&amp;b=%3Cx%3E&amp;"
				"lang=en\""));
	assert_null(strstr(res.body.buf, "<x>"));
	assert_null(strstr(res.body.buf, "<script"));
	assert_null(strstr(res.body.buf, " style="));
	res_release(&res);
	request_release(&req);

	/* error pages name nothing they were given */
	static const int statuses[] = { 400, 401, 403, 404, 405, 413, 414, 415,
					500, 502 };
	for (size_t i = 0; i < ARRAY_SIZE(statuses); i++) {
		for (int cy = 0; cy < 2; cy++) {
			req_start(&req, "GET", cy ? "/%3Cscript%3Ebad?lang=cy"
						  : "/%3Cscript%3Ebad");
			res_init(&res);
			res_error(&req, &res, statuses[i]);
			assert_int_equal(res.status, statuses[i]);
			assert_null(strstr(res.body.buf, "<script"));
			assert_null(strstr(res.body.buf, "bad<"));
			assert_non_null(strstr(res.body.buf, cy ? "lang=\"cy\""
							       : "lang=\"en\""));
			assert_non_null(strstr(res.body.buf, "govuk-footer"));
			res_release(&res);
			request_release(&req);
		}
	}
	req_start(&req, "GET", "/nope?lang=cy");
	res_init(&res);
	res_error(&req, &res, 404);
	assert_non_null(strstr(res.body.buf, "Heb ddod o hyd i\xe2\x80\x99r "
				"dudalen"));
	res_release(&res);
	request_release(&req);

	/* res_url_path */
	res_init(&res);
	res_url_path(&res, "/a b/\xc3\xa9/x.css");
	assert_string_equal(res.body.buf, "/a%20b/%C3%A9/x.css");
	res_release(&res);
}

/* ---- the auth hook's helpers -------------------------------------------- */

static void test_next_ok(void **state)
{
	static const char *const good[] = {
		"/", "/home", "/home?x=1&y=%2F%2Fevil", "/a/b/c.d",
		"/sign-in?next=%2Fhome", "/x:y@z",
	};
	static const char *const bad[] = {
		"", "home", "//evil.example", "//evil.example/home",
		"/\\evil.example", "\\\\evil", "https://evil.example/",
		"http:/evil", "javascript:alert(1)", "/\t/evil.example",
		"/\n/evil.example", "/a b", "/caf\xc3\xa9", "/a\x7f",
		" /home",
	};
	char big[WEB_NEXT_MAX + 2];

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(good); i++)
		if (!web_next_ok(good[i]))
			fail_msg("\"%s\" refused", good[i]);
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
		if (web_next_ok(bad[i]))
			fail_msg("\"%s\" accepted", bad[i]);
	assert_false(web_next_ok(NULL));
	memset(big, 'a', sizeof(big) - 1);
	big[0] = '/';
	big[WEB_NEXT_MAX] = '\0';
	assert_true(web_next_ok(big));
	big[WEB_NEXT_MAX] = 'a';
	big[WEB_NEXT_MAX + 1] = '\0';
	assert_false(web_next_ok(big));
}

static void test_next_of(void **state)
{
	static const struct {
		const char *target;
		const char *want;	/* NULL: no next */
	} cases[] = {
		{ "/home", "/home" },
		{ "/home?lang=cy", "/home" },
		{ "/home?x=1&lang=cy&q=a+b", "/home?x=1&q=a%20b" },
		{ "/homes/T%C5%B7%20Un", "/homes/T%C5%B7%20Un" },
		{ "/a?n=%2F%2Fevil", "/a?n=%2F%2Fevil" },
		{ "/a/../b", NULL },
	};
	struct buf b = BUF_INIT(WEB_NEXT_MAX);
	struct buf big = BUF_INIT(4096);
	struct request req;

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		int rc;

		buf_reset(&b);
		req_start(&req, "GET", cases[i].target);
		rc = web_next_of(&req, &b);
		if (cases[i].want) {
			assert_int_equal(rc, 0);
			assert_string_equal(b.buf, cases[i].want);
		} else {
			assert_int_not_equal(rc, 0);
		}
		request_release(&req);
	}
	/* too long for a next once encoded: none */
	buf_adds(&big, "/x?q=");
	while (big.len < 1500)
		buf_adds(&big, "%C3%A9");
	buf_reset(&b);
	req_start(&req, "GET", big.buf);
	assert_int_equal(web_next_of(&req, &b), ERR_TOO_LARGE);
	request_release(&req);
	buf_release(&b);
	buf_release(&big);
}

static void test_throttle_addr(void **state)
{
	static const char *const cases[][2] = {
		{ "127.0.0.1", "127.0.0.1" },
		{ "2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64" },
		{ "2001:db8:1:2::ffff", "2001:db8:1:2::/64" },
		{ "::1", "::/64" },
		{ "::ffff:10.1.2.3", "10.1.2.3" },
		{ "", "" },
		{ "not-an-address", "not-an-address" },
	};
	char out[WEB_ADDR_MAX];

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		web_throttle_addr(cases[i][0], out, sizeof(out));
		if (strcmp(out, cases[i][1]))
			fail_msg("%s: %s, wanted %s", cases[i][0], out,
				 cases[i][1]);
	}
	web_throttle_addr(NULL, out, sizeof(out));
	assert_string_equal(out, "");
}

static void test_cookie_once(void **state)
{
	struct request req;

	(void)state;
	request_init(&req, NULL);
	request_set_cookies(&req, "lang=cy; cartref_session=abc; x=1");
	assert_string_equal(web_cookie_once(&req, "cartref_session"), "abc");
	assert_string_equal(web_cookie_once(&req, "lang"), "cy");
	assert_null(web_cookie_once(&req, "cartref_signin"));
	request_release(&req);

	/* a second cookie of the name (planted with another Path or
	 * Domain): ambiguous, so none */
	request_set_cookies(&req, "cartref_session=abc; cartref_session=def");
	assert_null(web_cookie_once(&req, "cartref_session"));
	request_release(&req);
	request_set_cookies(&req, "cartref_session=abc; cartref_session=abc");
	assert_null(web_cookie_once(&req, "cartref_session"));
	request_release(&req);

	/* a user some other hook attached is not a web_session */
	req.user = &req;
	assert_null(web_session(&req));
	req.user = NULL;
}

static void test_bearer(void **state)
{
	(void)state;
	assert_string_equal(web_bearer("Bearer cartref_abc"), "cartref_abc");
	assert_string_equal(web_bearer("bearer   cartref_abc"), "cartref_abc");
	assert_string_equal(web_bearer("BEARER x"), "x");
	assert_null(web_bearer(NULL));
	assert_null(web_bearer(""));
	assert_null(web_bearer("Bearer"));
	assert_null(web_bearer("Bearer "));
	assert_null(web_bearer("Bearercartref_abc"));
	assert_null(web_bearer("Basic Zm9vOmJhcg=="));
	assert_null(web_bearer("Token cartref_abc"));
}

/* ---- the auth hook, on a real store -------------------------------------- */

static const struct route auth_routes[] = {
	{ HTTP_GET, "/page", h_ok, ROUTE_AUTH },
	{ HTTP_GET, "/pub", h_ok, ROUTE_PUBLIC },
	{ HTTP_POST, "/change", h_ok, ROUTE_AUTH | ROUTE_CSRF | ROUTE_FORM },
	{ HTTP_POST, "/signin", h_ok,
	  ROUTE_PUBLIC | ROUTE_CSRF | ROUTE_FORM | ROUTE_SIGN_IN },
	{ HTTP_GET, "/api/x", h_ok, ROUTE_AUTH | ROUTE_API },
	{ HTTP_GET, "/api/pub", h_ok, ROUTE_PUBLIC | ROUTE_API },
};

/* The pipeline on auth_routes with app, headers (Cookie included) and
 * a form body. */
static void run_app(struct web_app *app, const char *method,
		    const char *target, const char *const *headers,
		    const char *body, struct request *req,
		    struct response *res)
{
	static struct fake_headers fh;

	fh.kv = headers;
	request_init(req, app);
	req->header_fn = fake_header;
	req->header_ctx = &fh;
	str_copy(req->client_ip, sizeof(req->client_ip), "192.0.2.7");
	request_set_method(req, method);
	request_set_target(req, target);
	request_set_cookies(req, fake_header(&fh, "Cookie"));
	request_set_content_type(req, fake_header(&fh, "Content-Type"));
	request_choose_lang(req, NULL);
	if (body)
		buf_adds(&req->body, body);
	res_init(res);
	web_dispatch(auth_routes, ARRAY_SIZE(auth_routes), req, res);
	res_finish(req, res);
}

/* run_app() and the status. */
static int status_of(struct web_app *app, const char *method,
		     const char *target, const char *const *headers,
		     const char *body)
{
	struct request req;
	struct response res;
	int st;

	run_app(app, method, target, headers, body, &req, &res);
	st = res.status;
	done(&req, &res);
	return st;
}

static void test_auth_hook(void **state)
{
	static const char pw[] = "a long enough password";
	const struct auth_actor by = { NULL, "unit-test", "" };
	char dir[] = "/tmp/u-web-auth-XXXXXX";
	char token[AUTH_TOKEN_STR_MAX], csrf[AUTH_TOKEN_STR_MAX];
	char api[AUTH_API_TOKEN_STR_MAX], other[AUTH_TOKEN_STR_MAX];
	struct buf path = BUF_INIT(4096), cookie = BUF_INIT(512);
	struct buf bearer = BUF_INIT(512), form = BUF_INIT(512);
	struct auth_new_user nu = { "ann@example.org", "Ann Jones",
				    ROLE_INSPECTOR, 0 };
	struct err err = ERR_INIT;
	struct web_app app;
	struct request req;
	struct response res;
	struct store *s = NULL;
	struct org o;
	int64_t uid, tid, now = auth_now_ms();

	(void)state;
	assert_non_null(mkdtemp(dir));
	buf_addf(&path, "%s/auth.db", dir);
	assert_int_equal(auth_init(&err), 0);
	if (store_open(&s, path.buf, &err) ||
	    auth_org_find(s, &by, ORG_INSPECTORATE, "CIW", now, &o, &err))
		fail_msg("set-up: %s", err_text(&err));
	nu.org_id = o.id;
	if (auth_user_add(s, &by, &nu, pw, now, &uid, &err) ||
	    auth_session_create(s, uid, "192.0.2.7", now, token, csrf, &err) ||
	    auth_api_token_create(s, &by, uid, "t", now, api, &tid, &err))
		fail_msg("set-up: %s", err_text(&err));

	memset(&app, 0, sizeof(app));
	app.db = path.buf;
	assert_int_equal(pthread_key_create(&app.store_key, NULL), 0);
	app.store_key_ok = true;
	web_auth_hook = web_auth;

	buf_addf(&cookie, "lang=en; " WEB_SESSION_COOKIE "=%s", token);
	const char *const with_session[] = { "Cookie", cookie.buf, NULL };
	const char *const junk_session[] = {
		"Cookie", WEB_SESSION_COOKIE "=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
		"AAAAAAAAAA", NULL
	};

	/* no session: to the sign-in page, with next */
	run_app(&app, "GET", "/page?a=b%20c&lang=en", NULL, NULL, &req, &res);
	assert_int_equal(res.status, 303);
	assert_string_equal(res_get(&res, "Location"),
			    "/sign-in?next=%2Fpage%3Fa%3Db%2520c");
	assert_null(web_session(&req));
	done(&req, &res);
	/* a session */
	handled = 0;
	run_app(&app, "GET", "/page", with_session, NULL, &req, &res);
	assert_int_equal(res.status, 200);
	assert_int_equal(handled, 1);
	assert_non_null(web_session(&req));
	assert_string_equal(web_session(&req)->user.email, "ann@example.org");
	assert_string_equal(web_session(&req)->org.code, "CIW");
	assert_string_equal(web_session(&req)->csrf, csrf);
	assert_false(web_session(&req)->api);
	done(&req, &res);
	/* a public page sees who is signed in too */
	run_app(&app, "GET", "/pub", with_session, NULL, &req, &res);
	assert_int_equal(res.status, 200);
	assert_non_null(web_session(&req));
	done(&req, &res);
	/* an unknown session: refused, and the cookie cleared */
	run_app(&app, "GET", "/page", junk_session, NULL, &req, &res);
	assert_int_equal(res.status, 303);
	assert_non_null(strstr(res_get(&res, "Set-Cookie"),
			       WEB_SESSION_COOKIE "=; Path=/; Max-Age=0"));
	done(&req, &res);
	/* sessions are for pages, never for the API */
	assert_int_equal(status_of(&app, "GET", "/api/x", with_session, NULL),
			 401);

	/* CSRF: the session's token, in constant time */
	buf_addf(&form, WEB_CSRF_FIELD "=%s", csrf);
	const char *const form_session[] = {
		"Cookie", cookie.buf,
		"Content-Type", "application/x-www-form-urlencoded", NULL
	};
	assert_int_equal(status_of(&app, "POST", "/change", form_session,
				   form.buf), 200);
	assert_int_equal(status_of(&app, "POST", "/change", form_session,
				   "x=1"), 403);
	assert_int_equal(status_of(&app, "POST", "/change", form_session,
				   WEB_CSRF_FIELD "="), 403);
	auth_token_new(other);
	buf_reset(&form);
	buf_addf(&form, WEB_CSRF_FIELD "=%s", other);
	assert_int_equal(status_of(&app, "POST", "/change", form_session,
				   form.buf), 403);

	/* the sign-in form: the pre-session cookie and the field */
	buf_reset(&cookie);
	buf_addf(&cookie, WEB_SIGNIN_COOKIE "=%s", other);
	const char *const form_signin[] = {
		"Cookie", cookie.buf,
		"Content-Type", "application/x-www-form-urlencoded", NULL
	};
	const char *const form_nocookie[] = {
		"Content-Type", "application/x-www-form-urlencoded", NULL
	};
	assert_int_equal(status_of(&app, "POST", "/signin", form_signin,
				   form.buf), 200);
	assert_int_equal(status_of(&app, "POST", "/signin", form_nocookie,
				   form.buf), 403);
	buf_reset(&form);
	buf_addf(&form, WEB_CSRF_FIELD "=%s", csrf);
	assert_int_equal(status_of(&app, "POST", "/signin", form_signin,
				   form.buf), 403);
	assert_int_equal(status_of(&app, "POST", "/signin", form_signin,
				   "email=x"), 403);

	/* the API: bearer tokens */
	buf_addf(&bearer, "Bearer %s", api);
	const char *const with_token[] = { "Authorization", bearer.buf, NULL };
	const char *const bad_token[] = {
		"Authorization", "Bearer cartref_nope", NULL
	};
	const char *const basic[] = { "Authorization", "Basic eDp5", NULL };
	run_app(&app, "GET", "/api/x", with_token, NULL, &req, &res);
	assert_int_equal(res.status, 200);
	assert_true(web_session(&req)->api);
	assert_string_equal(web_session(&req)->csrf, "");
	done(&req, &res);
	run_app(&app, "GET", "/api/x", NULL, NULL, &req, &res);
	assert_int_equal(res.status, 401);
	assert_string_equal(res.content_type, "application/json");
	assert_non_null(res_get(&res, "WWW-Authenticate"));
	done(&req, &res);
	run_app(&app, "GET", "/api/x", bad_token, NULL, &req, &res);
	assert_int_equal(res.status, 401);
	assert_non_null(strstr(res_get(&res, "WWW-Authenticate"),
			       "invalid_token"));
	done(&req, &res);
	assert_int_equal(status_of(&app, "GET", "/api/x", basic, NULL), 401);
	/* public API: no token is fine, a bad one is not */
	assert_int_equal(status_of(&app, "GET", "/api/pub", NULL, NULL), 200);
	assert_int_equal(status_of(&app, "GET", "/api/pub", bad_token, NULL),
			 401);

	/* a disabled user's session and token stop working */
	assert_int_equal(auth_user_disable(s, &by, "ann@example.org", now,
					   &err), 0);
	assert_int_equal(status_of(&app, "GET", "/page", with_session, NULL),
			 303);
	assert_int_equal(status_of(&app, "GET", "/api/x", with_token, NULL),
			 401);

	web_auth_hook = NULL;
	store_close(pthread_getspecific(app.store_key));
	pthread_key_delete(app.store_key);
	store_close(s);
	buf_reset(&path);
	buf_addf(&path, "rm -rf '%s'", dir);
	assert_int_equal(system(path.buf), 0);
	buf_release(&path);
	buf_release(&cookie);
	buf_release(&bearer);
	buf_release(&form);
}

/* ---- assets ------------------------------------------------------------- */

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void test_assets(void **state)
{
	char root[] = "/tmp/u-web-XXXXXX";
	struct asset_table t = { NULL, 0, 0, 0 };
	struct err err = ERR_INIT;
	const struct asset *a;
	struct buf p = BUF_INIT(4096);
	char found[4096];

	(void)state;
	assert_non_null(mkdtemp(root));
#define MK(sub) do { buf_reset(&p); buf_addf(&p, "%s/%s", root, sub); \
		     assert_int_equal(mkdir(p.buf, 0700), 0); } while (0)
#define WR(sub, text) do { buf_reset(&p); buf_addf(&p, "%s/%s", root, sub); \
			   write_file(p.buf, text); } while (0)
	MK("node_modules");
	MK("node_modules/govuk-frontend");
	MK("node_modules/govuk-frontend/dist");
	MK("node_modules/govuk-frontend/dist/govuk");
	MK("node_modules/govuk-frontend/dist/govuk/assets");
	MK("node_modules/govuk-frontend/dist/govuk/assets/fonts");
	MK("src");
	MK("src/web");
	MK("src/web/static");
	WR("node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css",
	   "@charset \"UTF-8\";@font-face{font-family:GDS Transport;"
	   "src:url(/assets/fonts/light.woff2) format(\"woff2\")}body{}"
	   "@font-face{font-family:Other;src:url(/x.woff2)}"
	   "@font-face{font-family:GDS Transport;font-weight:700;"
	   "src:url(/assets/fonts/bold.woff2)}p{}");
	WR("node_modules/govuk-frontend/dist/govuk/assets/fonts/b.woff2", "W");
	WR("node_modules/govuk-frontend/dist/govuk/assets/.hidden.css", "h");
	WR("node_modules/govuk-frontend/dist/govuk/assets/run.sh", "#!");
	WR("node_modules/govuk-frontend/dist/govuk/assets/a b.css", "s");
	WR("src/web/static/cartref.css", "p{}");
	buf_reset(&p);
	buf_addf(&p, "%s/src/web/static/passwd.css", root);
	assert_int_equal(symlink("/etc/passwd", p.buf), 0);

	assert_int_equal(assets_load(&t, root, &err), 0);
	assert_int_equal(t.n, 2);
	/* fonts are not served: GDS Transport is licensed for GOV.UK only */
	assert_null(assets_find(&t, "/assets/fonts/b.woff2"));
	a = assets_find(&t, "/assets/govuk-frontend.min.css");
	assert_non_null(a);
	assert_string_equal(a->type, "text/css; charset=utf-8");
	assert_int_equal(strlen(a->etag), 18);
	/* its @font-face rules for fonts not served are cut out: a page
	 * never asks for them */
	assert_int_equal(a->len, strlen(a->data));
	assert_string_equal(a->data, "@charset \"UTF-8\";body{}"
			    "@font-face{font-family:Other;src:url(/x.woff2)}"
			    "p{}");
	assert_non_null(assets_find(&t, "/assets/cartref.css"));
	assert_null(assets_find(&t, "/assets/passwd.css"));	/* symlink */
	assert_null(assets_find(&t, "/assets/.hidden.css"));
	assert_null(assets_find(&t, "/assets/run.sh"));
	assert_null(assets_find(&t, "/assets/a b.css"));
	assert_null(assets_find(&t, "/assets/fonts"));
	assets_release(&t);
	assert_int_equal(t.n, 0);

	/* the repository's own assets are found and load */
	assert_int_equal(assets_find_root(found, sizeof(found), &err), 0);
	assert_int_equal(assets_load(&t, found, &err), 0);
	assert_non_null(assets_find(&t, "/assets/govuk-frontend.min.css"));
	assert_non_null(assets_find(&t, "/assets/cartref.css"));
	assert_non_null(assets_find(&t, "/assets/favicon.svg"));
	assets_release(&t);

	buf_reset(&p);
	buf_addf(&p, "rm -rf '%s'", root);
	assert_int_equal(system(p.buf), 0);
	buf_release(&p);
#undef MK
#undef WR
}

/* ---- the per-thread store ---------------------------------------------- */

struct store_run {
	struct web_app *app;
	struct store *first, *second;
	int rc;
};

static void close_cb(void *s)
{
	store_close(s);
}

static void *store_thread(void *arg)
{
	struct store_run *r = arg;
	struct request req;
	struct err err = ERR_INIT;

	request_init(&req, r->app);
	r->first = web_store(&req, &err);
	r->second = web_store(&req, &err);
	r->rc = r->first ? 0 : -1;
	request_release(&req);
	return NULL;	/* the thread's store is closed as it ends */
}

static void test_thread_store(void **state)
{
	struct web_app app;
	struct store_run a = { &app, NULL, NULL, -1 };
	struct store_run b = { &app, NULL, NULL, -1 };
	pthread_t ta, tb;
	struct request req;
	struct err err = ERR_INIT;

	(void)state;
	memset(&app, 0, sizeof(app));
	/* no store configured: NULL and an error, never a crash */
	request_init(&req, &app);
	assert_null(web_store(&req, &err));
	assert_int_equal(err.code, ERR_STORE);
	request_release(&req);

	app.db = ":memory:";
	assert_int_equal(pthread_key_create(&app.store_key, close_cb), 0);
	app.store_key_ok = true;
	assert_int_equal(pthread_create(&ta, NULL, store_thread, &a), 0);
	assert_int_equal(pthread_join(ta, NULL), 0);
	assert_int_equal(pthread_create(&tb, NULL, store_thread, &b), 0);
	assert_int_equal(pthread_join(tb, NULL), 0);
	assert_int_equal(a.rc, 0);
	assert_int_equal(b.rc, 0);
	assert_ptr_equal(a.first, a.second);	/* one per thread, kept */
	assert_ptr_equal(b.first, b.second);
	pthread_key_delete(app.store_key);
}

/* ---- the pages' helpers (parts.c, labels.c) ----------------------------- */

static void expect_items(long current, long last, const long *want,
			 size_t nwant)
{
	long got[WEB_PAGER_ITEMS];
	size_t n = web_pager_items(current, last, got);

	assert_int_equal(n, nwant);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(got[i], want[i]);
}

static void pager_href(struct request *req, struct response *res, long page,
		       void *ctx)
{
	(void)req;
	res_markup(res, "/children?q=");
	res_url_arg(res, ctx);
	res_markup(res, "&amp;page=");
	res_int(res, page);
}

static void test_pagination(void **state)
{
	struct request req;
	struct response res;
	const char *b;

	(void)state;
	req_start(&req, "GET", "/children?page=5");
	res_init(&res);
	part_pagination(&req, &res, 5, 31, pager_href, (void *)"<x>");
	b = res.body.buf;
	assert_non_null(strstr(b, "<nav class=\"govuk-pagination\" "
			       "aria-label=\"Pages\">"));
	assert_non_null(strstr(b, "href=\"/children?q=%3Cx%3E&amp;page=4\" "
			       "rel=\"prev\">"));
	assert_non_null(strstr(b, "href=\"/children?q=%3Cx%3E&amp;page=6\" "
			       "rel=\"next\">"));
	assert_non_null(strstr(b, "aria-label=\"Page 5\" aria-current="
			       "\"page\">5</a>"));
	assert_non_null(strstr(b, "govuk-pagination__item--ellipses"));
	assert_non_null(strstr(b, "aria-label=\"Page 31\">31</a>"));
	assert_null(strstr(b, "<x>"));
	res_release(&res);

	/* the first page has no previous, the last no next, one page none */
	res_init(&res);
	part_pagination(&req, &res, 1, 2, pager_href, (void *)"");
	assert_null(strstr(res.body.buf, "rel=\"prev\""));
	assert_non_null(strstr(res.body.buf, "rel=\"next\""));
	res_release(&res);
	res_init(&res);
	part_pagination(&req, &res, 2, 2, pager_href, (void *)"");
	assert_non_null(strstr(res.body.buf, "rel=\"prev\""));
	assert_null(strstr(res.body.buf, "rel=\"next\""));
	res_release(&res);
	res_init(&res);
	part_pagination(&req, &res, 1, 1, pager_href, (void *)"");
	assert_int_equal(res.body.len, 0);
	res_release(&res);
	request_release(&req);

	/* in Welsh */
	req_start(&req, "GET", "/children?lang=cy");
	res_init(&res);
	part_pagination(&req, &res, 2, 3, pager_href, (void *)"");
	assert_non_null(strstr(res.body.buf, "Blaenorol"));
	assert_non_null(strstr(res.body.buf, "Nesaf"));
	assert_non_null(strstr(res.body.buf, "aria-label=\"Tudalen 3\""));
	res_release(&res);
	request_release(&req);
}

static void test_pager(void **state)
{
	static const long two[] = { 1, 2 }, three[] = { 1, 2, 3 },
			  first[] = { 1, 2, 0, 10 },
			  middle[] = { 1, 0, 4, 5, 6, 0, 10 },
			  last[] = { 1, 0, 9, 10 },
			  near[] = { 1, 2, 3, 4, 0, 10 },
			  five[] = { 1, 2, 3, 4, 5 };

	(void)state;
	expect_items(1, 1, NULL, 0);		/* one page: no pagination */
	expect_items(1, 0, NULL, 0);
	expect_items(1, 2, two, ARRAY_SIZE(two));
	expect_items(2, 3, three, ARRAY_SIZE(three));
	expect_items(1, 10, first, ARRAY_SIZE(first));
	expect_items(5, 10, middle, ARRAY_SIZE(middle));
	expect_items(10, 10, last, ARRAY_SIZE(last));
	expect_items(3, 10, near, ARRAY_SIZE(near));
	expect_items(3, 5, five, ARRAY_SIZE(five));
	expect_items(0, 3, three, ARRAY_SIZE(three));	/* clamped */
	expect_items(99, 3, three, ARRAY_SIZE(three));
	expect_items(50000, 100001, (const long[]){ 1, 0, 49999, 50000, 50001,
						  0, 100001 }, 7);
	assert_int_equal(web_pages(0, 25), 1);
	assert_int_equal(web_pages(25, 25), 1);
	assert_int_equal(web_pages(26, 25), 2);
	assert_int_equal(web_pages(773, 25), 31);
	assert_int_equal(web_pages(10, 0), 1);
}

static void test_days_gss(void **state)
{
	static const char *const bad[] = {
		"", "w06000015", "W0600001", "W060000150", "W06000015\">",
		"WX6000015", "W06000 15", "W0600001\xc3\xa9",
	};
	char s[32];

	(void)state;
	web_days_text(0, false, s, sizeof(s));
	assert_string_equal(s, "same day");
	web_days_text(-3, false, s, sizeof(s));
	assert_string_equal(s, "same day");
	web_days_text(1, false, s, sizeof(s));
	assert_string_equal(s, "1 day");
	web_days_text(12, false, s, sizeof(s));
	assert_string_equal(s, "12 days");
	web_days_text(0, true, s, sizeof(s));
	assert_string_equal(s, "yr un diwrnod");
	web_days_text(1, true, s, sizeof(s));
	assert_string_equal(s, "1 diwrnod");
	web_days_text(2793, true, s, sizeof(s));
	assert_string_equal(s, "2793 diwrnod");
	web_days_text(5, false, s, 4);		/* cut, never overrun */
	assert_string_equal(s, "5 d");

	assert_true(web_gss_ok("W06000015"));
	assert_true(web_gss_ok("E10000002"));
	assert_false(web_gss_ok(NULL));
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
		assert_false(web_gss_ok(bad[i]));
}

static void test_dash_view(void **state)
{
	const char *cdf = "W06000015", *swa = "W06000011";

	(void)state;
	/* inspectors: Wales and every council, exact */
	assert_int_equal(web_dash_view(VIEWER_INSPECTORATE, ROLE_INSPECTOR,
				       true, "", NULL), DASH_EXACT);
	assert_int_equal(web_dash_view(VIEWER_INSPECTORATE, ROLE_INSPECTOR,
				       true, "", swa), DASH_EXACT);
	/* analysts and admins: published, never exact */
	assert_int_equal(web_dash_view(VIEWER_NONE, ROLE_ANALYST, true, "",
				       NULL), DASH_PUBLISHED);
	assert_int_equal(web_dash_view(VIEWER_NONE, ROLE_ANALYST, true, "",
				       cdf), DASH_PUBLISHED);
	assert_int_equal(web_dash_view(VIEWER_NONE, ROLE_ADMIN, true, "",
				       cdf), DASH_PUBLISHED);
	/* a role outside its kind of organisation: nothing */
	assert_int_equal(web_dash_view(VIEWER_NONE, ROLE_ANALYST, false, "",
				       NULL), DASH_NOT_FOUND);
	assert_int_equal(web_dash_view(VIEWER_NONE, ROLE_INSPECTOR, true, "",
				       NULL), DASH_NOT_FOUND);
	/* councils: their own only; /dashboard goes there */
	assert_int_equal(web_dash_view(VIEWER_COUNCIL,
				       ROLE_COUNCIL_SOCIAL_WORKER, true, cdf,
				       NULL), DASH_OWN_COUNCIL);
	assert_int_equal(web_dash_view(VIEWER_COUNCIL, ROLE_COUNCIL_PLACEMENTS,
				       true, cdf, cdf), DASH_EXACT);
	assert_int_equal(web_dash_view(VIEWER_COUNCIL, ROLE_COUNCIL_PLACEMENTS,
				       true, cdf, swa), DASH_NOT_FOUND);
	assert_int_equal(web_dash_view(VIEWER_COUNCIL,
				       ROLE_COUNCIL_SOCIAL_WORKER, true, "",
				       NULL), DASH_NOT_FOUND);
	assert_int_equal(web_dash_view(VIEWER_COUNCIL,
				       ROLE_COUNCIL_SOCIAL_WORKER, true,
				       "W06000015/x", NULL), DASH_NOT_FOUND);
	/* providers: their homes; police: Wales' missing figures */
	assert_int_equal(web_dash_view(VIEWER_PROVIDER, ROLE_HOME_MANAGER, true,
				       "", NULL), DASH_HOMES);
	assert_int_equal(web_dash_view(VIEWER_PROVIDER, ROLE_HOME_MANAGER, true,
				       "", cdf), DASH_NOT_FOUND);
	assert_int_equal(web_dash_view(VIEWER_POLICE,
				       ROLE_POLICE_MISSING_COORDINATOR, true,
				       "", NULL), DASH_MISSING);
	assert_int_equal(web_dash_view(VIEWER_POLICE,
				       ROLE_POLICE_MISSING_COORDINATOR, true,
				       "", cdf), DASH_NOT_FOUND);
	assert_int_equal(web_dash_view(VIEWER_NACCESS, ROLE_INSPECTOR, true,
				       "", NULL), DASH_NOT_FOUND);
}

/* A council that runs homes, by its Welsh name in Welsh. */
static void test_provider_name(void **state)
{
	struct web_councils c;
	struct request req;
	char out[PROVIDER_NAME_MAX + 16];

	(void)state;
	memset(&c, 0, sizeof(c));
	snprintf(c.v[0].code, sizeof(c.v[0].code), "W06000015");
	snprintf(c.v[0].name_en, sizeof(c.v[0].name_en), "Cardiff");
	snprintf(c.v[0].name_cy, sizeof(c.v[0].name_cy), "Caerdydd");
	c.n = 1;
	req_start(&req, "GET", "/?lang=cy");
	assert_string_equal(web_provider_name(&req, &c, "Cardiff Council",
					      PROVIDER_LA, out, sizeof(out)),
			    "Cyngor Caerdydd");
	/* not a council's own homes, or not this council's name: as is */
	assert_string_equal(web_provider_name(&req, &c, "Cardiff Council",
					      PROVIDER_PRIVATE, out,
					      sizeof(out)), "Cardiff Council");
	assert_string_equal(web_provider_name(&req, &c, "Cardiff Councils",
					      PROVIDER_LA, out, sizeof(out)),
			    "Cardiff Councils");
	assert_string_equal(web_provider_name(&req, &c, "Oakleaf Ltd",
					      PROVIDER_LA, out, sizeof(out)),
			    "Oakleaf Ltd");
	request_release(&req);
	req_start(&req, "GET", "/?lang=en");
	assert_string_equal(web_provider_name(&req, &c, "Cardiff Council",
					      PROVIDER_LA, out, sizeof(out)),
			    "Cardiff Council");
	request_release(&req);
}

static void test_code_labels(void **state)
{
	static const struct code_list *const shown[] = {
		&codes_sex, &codes_ethnic, &codes_rne, &codes_ls, &codes_cin,
		&codes_place, &codes_place_provider, &codes_rec,
		&codes_reason_place_change, &codes_missing, &codes_sdq_reason,
		&codes_bool01,
	};
	struct request req;

	(void)state;
	/* every code the pages show has a Welsh label, not the English */
	for (size_t i = 0; i < ARRAY_SIZE(shown); i++)
		for (size_t k = 0; k < shown[i]->n; k++) {
			const struct code *c = &shown[i]->codes[k];
			const char *cy = web_code_label_cy(shown[i], c->code);

			if (!cy)
				fail_msg("%s %s has no Welsh label",
					 shown[i]->name, c->code);
			assert_string_not_equal(cy, c->label);
			assert_true(utf8_valid(cy, strlen(cy)));
		}
	assert_null(web_code_label_cy(&codes_place, "K9"));
	assert_null(web_code_label_cy(&codes_rec, "K2"));	/* per list */

	req_start(&req, "GET", "/?lang=cy");
	assert_string_equal(web_code_label(&req, &codes_place, "K2"),
			    "Cartref plant");
	assert_null(web_code_label(&req, &codes_place, "K9"));
	assert_null(web_code_label(&req, &codes_place, ""));
	assert_string_equal(web_band_label(&req, DIST_0_20),
			    "20 milltir neu lai");
	assert_string_equal(web_band_label(&req, DIST_HIDDEN), "");
	request_release(&req);
	req_start(&req, "GET", "/");
	assert_string_equal(web_code_label(&req, &codes_place, "K2"),
			    "Children's home");
	assert_string_equal(web_band_label(&req, DIST_UNKNOWN), "not known");
	request_release(&req);

	/* one colour per urgency, on every page that tags an alert */
	assert_string_equal(web_severity_colour(ALERT_SEV_URGENT), "red");
	assert_string_equal(web_severity_colour(ALERT_SEV_HIGH), "orange");
	assert_string_equal(web_severity_colour(ALERT_SEV_MEDIUM), "yellow");
	assert_string_equal(web_severity_colour(ALERT_SEV_LOW), "grey");
	assert_string_equal(web_severity_colour(ALERT_SEV_NONE), "grey");
}

/* GOV.UK warning text, hidden "Warning" and the text a word apart. */
static void test_warning(void **state)
{
	static const char want[] =
		"<div class=\"govuk-warning-text\">\n"
		"<span class=\"govuk-warning-text__icon\" aria-hidden=\"true\">"
		"!</span>\n<strong class=\"govuk-warning-text__text\">"
		"<span class=\"govuk-visually-hidden\">Rhybudd</span> "
		"Ffoniwch 999 &amp; &lt;arhoswch&gt;</strong>\n</div>\n";
	struct request req;
	struct response res;

	(void)state;
	req_start(&req, "GET", "/?lang=cy");
	res_init(&res);
	part_warning(&req, &res, "Ffoniwch 999 & <arhoswch>");
	assert_int_equal(res.body.len, strlen(want));
	assert_memory_equal(res.body.buf, want, strlen(want));
	res_release(&res);
	request_release(&req);
}

/* A page handler on target with no store and nobody signed in. */
static int page_status(route_fn *fn, const char *target, struct buf *body)
{
	struct request req;
	struct response res;
	const struct route *rt;
	unsigned allow;
	int status;

	req_start(&req, "GET", target);
	res_init(&res);
	rt = router_match(web_routes, web_nroutes, &req, &allow);
	assert_non_null(rt);
	assert_ptr_equal(rt->fn, fn);
	assert_true(rt->flags & ROUTE_AUTH);
	fn(&req, &res);
	status = res.status;
	buf_reset(body);
	buf_add(body, res.body.buf, res.body.len);
	res_release(&res);
	request_release(&req);
	return status;
}

#define Q64 "0123456789012345678901234567890123456789012345678901234567890123"

static void test_page_params(void **state)
{
	static const struct {
		route_fn *fn;
		const char *target;
	} bad[] = {
		{ page_children, "/children?council=W06000015%22%3E" },
		{ page_children, "/children?council=w06000015" },
		{ page_children, "/children?page=1%3Cb%3E" },
		{ page_children, "/children?page=0" },
		{ page_children, "/children?page=100002" },
		{ page_children, "/children?page=1&page=1" },
		{ page_children, "/children?q=" Q64 Q64 Q64 Q64 "x" },	/* 257 */
		{ page_homes, "/homes?type=%3Cscript%3E" },
		{ page_homes, "/homes?council=W06000015%22%3E" },
		{ page_homes, "/homes?page=-1" },
	};
	struct buf body = BUF_INIT(1 << 20);

	(void)state;
	/* bounded parameters: 400 before anything is read */
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		assert_int_equal(page_status(bad[i].fn, bad[i].target, &body),
				 400);
		assert_null(strstr(body.buf, "<script"));
		assert_null(strstr(body.buf, "W06000015\">"));
		assert_null(strstr(body.buf, "1<b>"));
	}
	/* the routes are the pages', and fail closed without a session */
	assert_int_equal(page_status(page_dashboard, "/dashboard", &body),
			 403);
	assert_int_equal(page_status(page_dashboard_council,
				     "/dashboard/council/W06000015", &body),
			 403);
	assert_int_equal(page_status(page_dashboard_council,
				     "/dashboard/council/nope", &body), 404);
	assert_int_equal(page_status(page_child,
				     "/children/W06000015/C01", &body), 500);
	assert_int_equal(page_status(page_home_profile, "/homes/W0000001",
				     &body), 500);
	buf_release(&body);
}

/* ---- connections waiting for headers (conn-guard.c) --------------------- */

/* A connected pair: the guard holds end[0], the "client" end[1]. */
static void pair(int end[2])
{
	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, end), 0);
}

/* Has the guard shut the other end down?  (A read sees end of file.) */
static bool is_shut(int client)
{
	char c;
	struct pollfd p = { client, POLLIN, 0 };

	return poll(&p, 1, 0) == 1 && read(client, &c, 1) == 0;
}

static struct sockaddr_in addr_of(const char *ip)
{
	struct sockaddr_in a;

	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	assert_int_equal(inet_pton(AF_INET, ip, &a.sin_addr), 1);
	return a;
}

static void test_conn_guard(void **state)
{
	struct sockaddr_in a = addr_of("192.0.2.1"), b = addr_of("192.0.2.2");
	struct sockaddr_in c = addr_of("192.0.2.3");
	const struct sockaddr *sa = (const void *)&a, *sb = (const void *)&b;
	const struct sockaddr *sc = (const void *)&c;
	struct conn_slot *s1, *s2, *s3, *s4;
	struct conn_guard *g;
	struct err err = ERR_INIT;
	int p1[2], p2[2], p3[2], p4[2];

	(void)state;
	/* 2 waiting at most, 1 per address, 1 s to send headers */
	assert_int_equal(conn_guard_new(1000, 2, 1, &g, &err), 0);
	pair(p1);
	pair(p2);
	pair(p3);
	pair(p4);
	assert_true(conn_guard_admit(g, sa));
	s1 = conn_guard_open(g, p1[0], sa);
	/* a second from the same address waits: refused */
	assert_false(conn_guard_admit(g, sa));
	/* headers in: it no longer counts, and another may come */
	conn_guard_pending(g, s1, false);
	assert_true(conn_guard_admit(g, sa));
	conn_guard_pending(g, s1, true);	/* kept alive: waiting again */
	/* answered once: it waits for its client's next request, which
	 * does not count against its address (only first requests do) */
	assert_true(conn_guard_admit(g, sa));
	usleep(20 * 1000);
	assert_true(conn_guard_admit(g, sb));
	s2 = conn_guard_open(g, p2[0], sb);
	/* full (2 of 2): a newcomer is let in, the longest waiting goes */
	assert_false(is_shut(p1[1]));
	assert_true(conn_guard_admit(g, sc));
	assert_true(is_shut(p1[1]));
	assert_false(is_shut(p2[1]));
	assert_int_equal(conn_guard_shut(g), 1);
	conn_guard_close(g, s1);
	s3 = conn_guard_open(g, p3[0], sc);
	/* one that sent its headers is never cut by the deadline */
	s4 = conn_guard_open(g, p4[0], sa);
	conn_guard_pending(g, s4, false);
	/* the deadline: the waiting ones are shut, the served one is not */
	for (int i = 0; i < 250 && conn_guard_shut(g) < 3; i++)
		usleep(20 * 1000);
	assert_true(is_shut(p2[1]));
	assert_true(is_shut(p3[1]));
	assert_false(is_shut(p4[1]));
	assert_int_equal(conn_guard_shut(g), 3);
	conn_guard_close(g, s2);
	conn_guard_close(g, s3);
	conn_guard_close(g, s4);
	conn_guard_free(g);
	for (int i = 0; i < 2; i++) {
		close(p1[i]);
		close(p2[i]);
		close(p3[i]);
		close(p4[i]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_good),
		cmocka_unit_test(test_decode_bad),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_target_paths),
		cmocka_unit_test(test_target_limits),
		cmocka_unit_test(test_query),
		cmocka_unit_test(test_params_reply),
		cmocka_unit_test(test_cookies),
		cmocka_unit_test(test_lang),
		cmocka_unit_test(test_match),
		cmocka_unit_test(test_check_tables),
		cmocka_unit_test(test_dispatch),
		cmocka_unit_test(test_headers),
		cmocka_unit_test(test_broken_headers),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_pages),
		cmocka_unit_test(test_assets),
		cmocka_unit_test(test_thread_store),
		cmocka_unit_test(test_next_ok),
		cmocka_unit_test(test_next_of),
		cmocka_unit_test(test_throttle_addr),
		cmocka_unit_test(test_cookie_once),
		cmocka_unit_test(test_bearer),
		cmocka_unit_test(test_auth_hook),
		cmocka_unit_test(test_pager),
		cmocka_unit_test(test_pagination),
		cmocka_unit_test(test_days_gss),
		cmocka_unit_test(test_dash_view),
		cmocka_unit_test(test_code_labels),
		cmocka_unit_test(test_warning),
		cmocka_unit_test(test_provider_name),
		cmocka_unit_test(test_page_params),
		cmocka_unit_test(test_conn_guard),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
