/*
 * fuzz-request.c: libFuzzer target for the request-target and query
 * decoder (src/web/request.c; make fuzz).  The input's first line is the
 * request target, the second the Cookie header, the third
 * Accept-Language.  A target that is accepted must give a path as
 * web-internal.h promises it (starts with '/', no "." or ".." segment,
 * no control byte, valid UTF-8) and query parameters that are named,
 * valid UTF-8 and found again by name when given once (never when given
 * more than once: ambiguous).
 */
#include "base/compat.h"
#include "web/web-internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The next line of [*p, end) as a fresh string; NULL at the end. */
static char *line(const uint8_t **p, const uint8_t *end)
{
	const uint8_t *s = *p, *nl;
	char *out;

	if (s >= end)
		return NULL;
	nl = memchr(s, '\n', (size_t)(end - s));
	if (!nl)
		nl = end;
	out = malloc((size_t)(nl - s) + 1);
	if (!out)
		abort();
	memcpy(out, s, (size_t)(nl - s));
	out[nl - s] = '\0';
	*p = nl < end ? nl + 1 : end;
	return out;
}

static size_t times(const struct http_param *v, size_t n, const char *name)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		k += !strcmp(v[i].name, name);
	return k;
}

static void check_path(const char *path)
{
	size_t len = strlen(path);

	if (path[0] != '/' || !utf8_valid(path, len))
		abort();
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)path[i] < 0x20 || path[i] == 0x7f)
			abort();
	if (strstr(path, "//") || strstr(path, "/./") ||
	    strstr(path, "/../"))
		abort();
	if ((len >= 2 && !strcmp(path + len - 2, "/.")) ||
	    (len >= 3 && !strcmp(path + len - 3, "/..")))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *p = data, *end = data + size;
	char *target = line(&p, end);
	char *cookies = line(&p, end);
	char *langs = line(&p, end);
	struct request *req = calloc(1, sizeof(*req));

	if (!req)
		abort();
	request_init(req, NULL);
	request_set_method(req, target ? target : "");
	if (target && !request_set_target(req, target)) {
		check_path(req->path);
		if (req->nquery > HTTP_PARAMS_MAX)
			abort();
		for (size_t i = 0; i < req->nquery; i++) {
			const struct http_param *q = &req->query[i];

			if (!q->name[0] ||
			    !utf8_valid(q->name, strlen(q->name)) ||
			    !utf8_valid(q->value, strlen(q->value)))
				abort();
			/* a name given once is found; twice, never */
			if ((times(req->query, req->nquery, q->name) == 1) !=
			    (req_param_get(req, q->name) == q->value))
				abort();
		}
	}
	if (cookies) {
		request_set_cookies(req, cookies);
		if (req->ncookies > HTTP_COOKIES_MAX)
			abort();
	}
	request_choose_lang(req, langs);
	if (strcmp(req->lang, "en") && strcmp(req->lang, "cy"))
		abort();
	request_release(req);
	free(req);
	free(target);
	free(cookies);
	free(langs);
	return 0;
}
