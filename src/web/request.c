/*
 * request.c: turning what a client sent into a struct request, strictly
 * and within limits, and the parameter helpers handlers use.
 *
 * Everything is decoded once, here.  The target ("/path?query" exactly
 * as sent) is copied into one buffer per request and decoded in place
 * (percent-decoding never lengthens a string), so a request costs a
 * handful of allocations whatever it holds.  Path segments are decoded
 * one by one: an encoded '/' stays inside its segment, where it makes
 * the path unroutable (404) rather than a way out of a directory.
 */
#include "base/compat.h"
#include <strings.h>
#include "base/parse.h"
#include "base/xalloc.h"
#include "web/web-internal.h"

/* ---- decoding ---------------------------------------------------------- */

static int hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int http_decode(char *s, size_t len, unsigned flags, size_t *outlen)
{
	size_t o = 0;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '%') {
			int hi, lo;

			if (len - i < 3)
				return ERR_INVALID;
			hi = hexval((unsigned char)s[i + 1]);
			lo = hexval((unsigned char)s[i + 2]);
			if (hi < 0 || lo < 0)
				return ERR_INVALID;
			c = (unsigned char)(hi << 4 | lo);
			i += 2;
		} else if (c == '+' && (flags & HTTP_DECODE_PLUS)) {
			c = ' ';
		}
		if (c < 0x20 || c == 0x7f) {
			bool line = c == '\t' || c == '\r' || c == '\n';

			if (!line || !(flags & HTTP_DECODE_LINES))
				return ERR_INVALID;
		}
		s[o++] = (char)c;
	}
	s[o] = '\0';
	if (!utf8_valid(s, o))
		return ERR_INVALID;
	*outlen = o;
	return 0;
}

/*
 * Split s (NUL-terminated, len bytes) on '&' into decoded name=value
 * pairs.  Empty pairs ("a=1&&b=2") are skipped; a pair without '=' has
 * an empty value.  0, or 400 for a bad encoding, an empty or too long
 * name, or more than max pairs.
 */
static int parse_pairs(char *s, size_t len, struct http_param *v, size_t max,
		       size_t *n, unsigned value_flags)
{
	char *end = s + len;
	char *p = s;

	while (p < end) {
		char *amp = memchr(p, '&', (size_t)(end - p));
		char *pe = amp ? amp : end;
		char *eq = memchr(p, '=', (size_t)(pe - p));
		char *ne = eq ? eq : pe;
		size_t nlen, vlen = 0;

		if (pe == p) {
			p = pe + 1;
			continue;
		}
		if (*n >= max)
			return 400;
		/* decode in place; the terminators land on '=' and '&' */
		if (http_decode(p, (size_t)(ne - p), HTTP_DECODE_PLUS, &nlen) ||
		    nlen == 0 || nlen > HTTP_NAME_MAX)
			return 400;
		v[*n].name = p;
		if (eq) {
			if (http_decode(eq + 1, (size_t)(pe - eq - 1),
					value_flags, &vlen))
				return 400;
			v[*n].value = eq + 1;
		} else {
			v[*n].value = "";
		}
		(*n)++;
		p = pe + 1;
	}
	return 0;
}

/* ---- lifecycle ---------------------------------------------------------- */

void request_init(struct request *req, struct web_app *app)
{
	memset(req, 0, offsetof(struct request, query));
	req->lang = "en";
	buf_init(&req->body, HTTP_BODY_MAX);
	req->app = app;
}

void request_release(struct request *req)
{
	if (req->user && req->user_free)
		req->user_free(req->user);
	buf_release(&req->body);
	free(req->target_buf);
	free(req->form_buf);
	free(req->cookie_buf);
	free(req->params_buf);
	request_init(req, req->app);
}

static const struct {
	const char *name;
	unsigned bit;
} methods[] = {
	{ "GET", HTTP_GET }, { "HEAD", HTTP_HEAD }, { "POST", HTTP_POST },
	{ "PUT", HTTP_PUT }, { "DELETE", HTTP_DELETE },
	{ "PATCH", HTTP_PATCH }, { "OPTIONS", HTTP_OPTIONS },
};

void request_set_method(struct request *req, const char *method)
{
	size_t i;

	req->method = HTTP_OTHER;
	for (i = 0; i < ARRAY_SIZE(methods); i++) {
		if (!strcmp(method, methods[i].name)) {
			req->method = methods[i].bit;
			break;
		}
	}
	/* for the access log: printable ASCII only, cut short */
	for (i = 0; method[i] && i + 1 < sizeof(req->method_name); i++) {
		unsigned char c = (unsigned char)method[i];

		req->method_name[i] = c > 0x20 && c < 0x7f ? (char)c : '?';
	}
	req->method_name[i] = '\0';
}

static bool dot_segment(const char *s, size_t n)
{
	return (n == 1 && s[0] == '.') || (n == 2 && s[0] == '.' && s[1] == '.');
}

int request_set_target(struct request *req, const char *raw)
{
	size_t len = strnlen(raw, HTTP_TARGET_MAX + 1);
	const char *q, *p, *pend;
	size_t plen, o = 0, nseg = 0;
	bool unroutable = false;
	char *out;

	req->api = !strncmp(raw, "/api/", 5);
	if (len > HTTP_TARGET_MAX)
		return req->status = 414;
	if (raw[0] != '/')
		return req->status = 400;
	q = memchr(raw, '?', len);
	plen = q ? (size_t)(q - raw) : len;
	/* path: at most plen + 1 bytes; query: at most its length + 1 */
	req->target_buf = out = xmalloc(len + 2);

	p = raw;
	pend = raw + plen;
	while (p < pend) {
		const char *seg;
		size_t slen, dlen;

		while (p < pend && *p == '/')
			p++;
		if (p == pend)
			break;
		seg = p;
		while (p < pend && *p != '/')
			p++;
		slen = (size_t)(p - seg);
		out[o++] = '/';
		memcpy(out + o, seg, slen);
		if (http_decode(out + o, slen, 0, &dlen))
			return req->status = 400;
		if (memchr(out + o, '/', dlen) || memchr(out + o, '\\', dlen) ||
		    dot_segment(out + o, dlen))
			unroutable = true;
		o += dlen;
		if (++nseg > HTTP_SEGMENTS_MAX)
			unroutable = true;
	}
	if (o == 0 || (plen > 1 && raw[plen - 1] == '/'))
		out[o++] = '/';
	out[o++] = '\0';
	if (unroutable)
		return req->status = 404;
	req->path = out;

	if (q) {
		char *qs = out + o;
		size_t qlen = len - plen - 1;

		memcpy(qs, q + 1, qlen);
		qs[qlen] = '\0';
		if (parse_pairs(qs, qlen, req->query, HTTP_PARAMS_MAX,
				&req->nquery, HTTP_DECODE_PLUS))
			return req->status = 400;
	}
	return 0;
}

static bool token_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || (c && strchr("!#$%&'*+-.^_`|~", c));
}

/* RFC 6265 cookie-octet */
static bool cookie_octet(unsigned char c)
{
	return c == 0x21 || (c >= 0x23 && c <= 0x2b) ||
	       (c >= 0x2d && c <= 0x3a) || (c >= 0x3c && c <= 0x5b) ||
	       (c >= 0x5d && c <= 0x7e);
}

static char *trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		*--e = '\0';
	return s;
}

void request_set_cookies(struct request *req, const char *header)
{
	size_t len;
	char *p;

	if (!header || req->cookie_buf)
		return;
	len = strnlen(header, HTTP_COOKIE_HEADER_MAX + 1);
	if (len > HTTP_COOKIE_HEADER_MAX)
		return;
	req->cookie_buf = p = xstrndup(header, len);
	while (*p && req->ncookies < HTTP_COOKIES_MAX) {
		char *semi = strchr(p, ';');
		char *next = semi ? semi + 1 : p + strlen(p);
		char *eq, *name, *value;
		bool ok = true;

		if (semi)
			*semi = '\0';
		eq = strchr(p, '=');
		if (eq) {
			size_t vlen;

			*eq = '\0';
			name = trim(p);
			value = trim(eq + 1);
			vlen = strlen(value);
			if (vlen >= 2 && value[0] == '"' &&
			    value[vlen - 1] == '"') {
				value[vlen - 1] = '\0';
				value++;
			}
			ok = *name != '\0';
			for (const char *c = name; ok && *c; c++)
				ok = token_char((unsigned char)*c);
			for (const char *c = value; ok && *c; c++)
				ok = cookie_octet((unsigned char)*c);
			if (ok) {
				req->cookies[req->ncookies].name = name;
				req->cookies[req->ncookies].value = value;
				req->ncookies++;
			}
		}
		p = next;
	}
}

void request_set_content_type(struct request *req, const char *value)
{
	if (value)
		str_copy(req->content_type, sizeof(req->content_type), value);
}

static const char *known_lang(const char *s)
{
	if (!s)
		return NULL;
	if (!strcmp(s, "cy"))
		return "cy";
	if (!strcmp(s, "en"))
		return "en";
	return NULL;
}

/*
 * A quality value "0", "0.5", "1", "1.000": thousandths, or -1.
 */
static int parse_q(const char *s, size_t n)
{
	int v = 0, scale = 1000;
	size_t i = 1;

	if (n == 0 || (s[0] != '0' && s[0] != '1'))
		return -1;
	v = (s[0] - '0') * 1000;
	if (n > 1) {
		if (s[1] != '.' || n > 5)
			return -1;
		for (i = 2; i < n; i++) {
			if (s[i] < '0' || s[i] > '9')
				return -1;
			scale /= 10;
			v += (s[i] - '0') * scale;
		}
	}
	return v > 1000 ? -1 : v;
}

/* The best of "en" and "cy" in an Accept-Language header, or NULL. */
static const char *accept_lang(const char *h)
{
	const char *best = NULL;
	int best_q = 0;
	size_t len;

	if (!h)
		return NULL;
	len = strnlen(h, HTTP_ACCEPT_LANGUAGE_MAX + 1);
	if (len > HTTP_ACCEPT_LANGUAGE_MAX)
		return NULL;
	while (*h) {
		const char *end = strchr(h, ',');
		const char *tag, *tend, *semi;
		size_t n;
		int q = 1000;

		if (!end)
			end = h + strlen(h);
		while (h < end && (*h == ' ' || *h == '\t'))
			h++;
		tag = h;
		for (semi = h; semi < end && *semi != ';'; semi++)
			;
		tend = semi;
		if (semi == end)
			semi = NULL;
		while (tend > tag && (tend[-1] == ' ' || tend[-1] == '\t'))
			tend--;
		if (semi) {
			const char *qs = semi + 1;

			while (qs < end && (*qs == ' ' || *qs == '\t'))
				qs++;
			if (end - qs >= 2 && qs[0] == 'q' && qs[1] == '=') {
				const char *qe = end;

				while (qe > qs && (qe[-1] == ' ' || qe[-1] == '\t'))
					qe--;
				q = parse_q(qs + 2, (size_t)(qe - qs - 2));
			}
		}
		n = (size_t)(tend - tag);
		for (size_t i = 0; i < n; i++)
			if (tag[i] == '-') {
				n = i;
				break;
			}
		if (q > best_q && n == 2) {
			if (!strncasecmp(tag, "cy", 2)) {
				best = "cy";
				best_q = q;
			} else if (!strncasecmp(tag, "en", 2)) {
				best = "en";
				best_q = q;
			}
		}
		h = *end ? end + 1 : end;
	}
	return best;
}

void request_choose_lang(struct request *req, const char *accept_language)
{
	const char *l;

	for (size_t i = 0; i < req->nquery; i++) {
		if (!strcmp(req->query[i].name, "lang")) {
			l = known_lang(req->query[i].value);
			if (l) {
				req->lang = l;
				req->lang_from_query = true;
				return;
			}
			break;
		}
	}
	l = known_lang(req_cookie(req, "lang"));
	if (!l)
		l = accept_lang(accept_language);
	req->lang = l ? l : "en";
}

int request_parse_form(struct request *req)
{
	size_t len = req->body.len;

	if (req->form_buf)
		return 0;
	req->form_buf = xmalloc(len + 1);
	memcpy(req->form_buf, req->body.buf, len);
	req->form_buf[len] = '\0';
	return parse_pairs(req->form_buf, len, req->form, HTTP_FIELDS_MAX,
			   &req->nform, HTTP_DECODE_PLUS | HTTP_DECODE_LINES);
}

/* ---- accessors and the validation helpers ------------------------------ */

const char *req_header(const struct request *req, const char *name)
{
	return req->header_fn ? req->header_fn(req->header_ctx, name) : NULL;
}

const char *req_cookie(const struct request *req, const char *name)
{
	for (size_t i = 0; i < req->ncookies; i++)
		if (!strcmp(req->cookies[i].name, name))
			return req->cookies[i].value;
	return NULL;
}

/* How many times name occurs in v; *first gets the first value. */
static size_t find(const struct http_param *v, size_t n, const char *name,
		   const char **first)
{
	size_t count = 0;

	*first = NULL;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(v[i].name, name))
			continue;
		if (!count++)
			*first = v[i].value;
	}
	return count;
}

enum param_problem { P_MISSING, P_REPEATED, P_TOO_LONG, P_INVALID };

static int reply_bad_param(struct request *req, struct response *res,
			   const char *name, enum param_problem why)
{
	static const char *const what[] = {
		[P_MISSING] = "is missing",
		[P_REPEATED] = "is given more than once",
		[P_TOO_LONG] = "is too long",
		[P_INVALID] = "is not valid",
	};
	struct buf msg = BUF_INIT(256);

	if (!req->api) {
		res_error(req, res, 400);
		return 400;
	}
	/* the name is the handler's own constant, never the client's */
	buf_addf(&msg, "parameter \"%s\" %s", name, what[why]);
	res_api_error(res, 400, "invalid_parameter", msg.buf);
	buf_release(&msg);
	return 400;
}

static int lookup_param(struct request *req, struct response *res,
			const char *name, bool form, const char **out)
{
	const char *v = NULL;
	size_t n;

	if (form) {
		n = find(req->form, req->nform, name, &v);
	} else {
		n = find(req->params, req->nparams, name, &v);
		if (!n)
			n = find(req->query, req->nquery, name, &v);
	}
	if (n == 0)
		return reply_bad_param(req, res, name, P_MISSING);
	if (n > 1)
		return reply_bad_param(req, res, name, P_REPEATED);
	*out = v;
	return 0;
}

static int get_str(struct request *req, struct response *res,
		   const char *name, size_t max, bool form, const char **out)
{
	const char *v;
	int rc = lookup_param(req, res, name, form, &v);

	if (rc)
		return rc;
	if (strlen(v) > max)
		return reply_bad_param(req, res, name, P_TOO_LONG);
	*out = v;
	return 0;
}

static int get_int(struct request *req, struct response *res,
		   const char *name, int64_t min, int64_t max, bool form,
		   int64_t *out)
{
	const char *v;
	int rc = lookup_param(req, res, name, form, &v);

	if (rc)
		return rc;
	if (parse_i64(v, min, max, out))
		return reply_bad_param(req, res, name, P_INVALID);
	return 0;
}

const char *req_param_get(const struct request *req, const char *name)
{
	const char *v;

	if (find(req->params, req->nparams, name, &v) == 1)
		return v;
	return find(req->query, req->nquery, name, &v) == 1 ? v : NULL;
}

int req_param_str(struct request *req, struct response *res,
		  const char *name, size_t max, const char **out)
{
	return get_str(req, res, name, max, false, out);
}

int req_param_int(struct request *req, struct response *res,
		  const char *name, int64_t min, int64_t max, int64_t *out)
{
	return get_int(req, res, name, min, max, false, out);
}

const char *req_form_get(const struct request *req, const char *name)
{
	const char *v;

	return find(req->form, req->nform, name, &v) == 1 ? v : NULL;
}

int req_form_str(struct request *req, struct response *res,
		 const char *name, size_t max, const char **out)
{
	return get_str(req, res, name, max, true, out);
}

int req_form_int(struct request *req, struct response *res,
		 const char *name, int64_t min, int64_t max, int64_t *out)
{
	return get_int(req, res, name, min, max, true, out);
}
