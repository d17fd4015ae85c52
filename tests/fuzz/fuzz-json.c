/*
 * fuzz-json.c: libFuzzer target for the JSON body readers of the API
 * (api_body and api_body_text, _time, _day, _bool, _flag, _id,
 * src/api/api-common.c; make fuzz).  The input is a request body; what
 * api_body() accepts is read as every field of a missing report would
 * be.  A refusal must be an answer with a 4xx status and a body; what
 * is accepted must be what the reader promises.
 */
#include "base/compat.h"
#include "api/api.h"
#include "api/api-internal.h"
#include "web/web-internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const fields[] = {
	"council", "ref", "kind", "started_at", "last_seen_place",
	"exploitation", "held_on", "episode_id", "arrested", NULL
};

static void refused(struct response *res)
{
	if (res->status < 400 || res->status > 499 || !res->body.len)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct request *req = calloc(1, sizeof(*req));
	struct response res;
	json_t *body = NULL;

	if (!req)
		abort();
	request_init(req, NULL);
	res_init(&res);
	if (size > API_BODY_MAX || buf_add(&req->body, data, size))
		goto out;
	if (api_body(req, &res, fields, &body)) {
		refused(&res);
		goto out;
	}
	for (size_t i = 0; fields[i]; i++) {
		char text[64];
		int64_t ms, id;
		int32_t day;
		bool b;
		int flag;

		res_release(&res);
		res_init(&res);
		text[0] = '\0';
		if (api_body_text(&res, body, fields[i], text, sizeof(text),
				  NULL))
			refused(&res);
		else if (strlen(text) >= sizeof(text))
			abort();
		res_release(&res);
		res_init(&res);
		if (api_body_time(&res, body, fields[i], &ms, NULL))
			refused(&res);
		res_release(&res);
		res_init(&res);
		if (api_body_day(&res, body, fields[i], &day, NULL))
			refused(&res);
		res_release(&res);
		res_init(&res);
		if (api_body_bool(&res, body, fields[i], &b, NULL))
			refused(&res);
		res_release(&res);
		res_init(&res);
		flag = 0;
		if (api_body_flag(&res, body, fields[i], &flag, NULL))
			refused(&res);
		else if (flag < -1 || flag > 1)
			abort();
		res_release(&res);
		res_init(&res);
		id = 1;
		if (api_body_id(&res, body, fields[i], &id, NULL))
			refused(&res);
		else if (id < 0)
			abort();
	}
out:
	json_decref(body);
	res_release(&res);
	request_release(req);
	free(req);
	return 0;
}
