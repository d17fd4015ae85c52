/*
 * fuzz-form.c: libFuzzer target for the form parser (request_parse_form,
 * src/web/request.c; make fuzz).  The input is a POST body.  Parsed, each
 * field must be named, valid UTF-8 with no control byte other than tab,
 * CR and LF, and found again by name when given once (never when given
 * more than once); req_form_int must never accept
 * what is not a whole number in its range.
 */
#include "base/compat.h"
#include "web/web-internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t times(const struct http_param *v, size_t n, const char *name)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		k += !strcmp(v[i].name, name);
	return k;
}

static void check_text(const char *s)
{
	size_t len = strlen(s);

	if (!utf8_valid(s, len))
		abort();
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') ||
		    c == 0x7f)
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct request *req = calloc(1, sizeof(*req));
	struct response res;

	if (!req)
		abort();
	request_init(req, NULL);
	if (buf_add(&req->body, data, size)) {
		request_release(req);
		free(req);
		return 0;	/* past HTTP_BODY_MAX: the server answers 413 */
	}
	if (!request_parse_form(req)) {
		if (req->nform > HTTP_FIELDS_MAX)
			abort();
		for (size_t i = 0; i < req->nform; i++) {
			const struct http_param *f = &req->form[i];
			int64_t n;

			if (!f->name[0])
				abort();
			check_text(f->name);
			check_text(f->value);
			if ((times(req->form, req->nform, f->name) == 1) !=
			    (req_form_get(req, f->name) == f->value))
				abort();
			res_init(&res);
			if (!req_form_int(req, &res, f->name, -5, 5, &n) &&
			    (n < -5 || n > 5))
				abort();
			res_release(&res);
		}
	}
	request_release(req);
	free(req);
	return 0;
}
