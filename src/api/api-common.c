/*
 * api-common.c: what the JSON API's resources share (api-internal.h):
 * the viewer of the API user, store errors as HTTP answers, strict query
 * parameters, and the JSON shapes of a child, a placement, a missing
 * period and a home.
 *
 * The shapes follow the viewer's field table (viewer_fields(),
 * docs/access.md): the store has already left every field the viewer may
 * not see empty, and here such a field is left out of the object
 * altogether, so that a client can tell "not yours to see" (absent) from
 * "not recorded" (null).  docs/openapi.json describes every key; the
 * contract test (tests/t/t0820-api.sh) checks live answers against it.
 */
#include "base/compat.h"
#include "base/parse.h"
#include "base/xalloc.h"
#include "api/api.h"
#include "api/api-internal.h"
#include "auth/audit.h"
#include "auth/auth.h"
#include "domain/missing.h"
#include "web/session.h"

/* ---- the viewer and errors ---------------------------------------------- */

int api_viewer(struct request *req, struct response *res, struct store **s,
	       struct viewer *v)
{
	const struct web_session *ws = web_session(req);
	struct err err = ERR_INIT;
	int rc;

	if (!ws) {	/* ROUTE_AUTH: the router never lets this happen */
		res_error(req, res, 401);
		return 401;
	}
	*s = web_store(req, &err);
	if (!*s) {
		web_log_err("opening the store", &err);
		res_error(req, res, 500);
		return 500;
	}
	/* the organisation the hook read for this request (auth-hook.c) */
	rc = viewer_from_user_org(*s, &ws->user, &ws->org, req->client_ip,
				  auth_now_ms(), v, &err);
	if (rc) {
		api_store_error(req, res, rc, &err, "building the viewer");
		return rc;
	}
	return 0;
}

void api_store_error(struct request *req, struct response *res, int rc,
		     const struct err *err, const char *what)
{
	if (rc == ERR_NOT_FOUND) {
		res_error(req, res, 404);
	} else if (rc == ERR_DENIED) {
		res_error(req, res, 403);
		res_api_error(res, 403, "forbidden", "Your role sees aggregate "
			      "figures only, not individual children.");
	} else {
		web_log_err(what, err);
		res_error(req, res, 500);
	}
}

/* ---- query parameters ---------------------------------------------------- */

static bool present(const struct request *req, const char *name)
{
	for (size_t i = 0; i < req->nquery; i++)
		if (!strcmp(req->query[i].name, name))
			return true;
	return false;
}

static int bad_param(struct response *res, const char *name)
{
	struct buf msg = BUF_INIT(256);

	/* the name is the handler's own constant, never the client's */
	buf_addf(&msg, "parameter \"%s\" is not valid", name);
	res_api_error(res, 400, "invalid_parameter",
		      buf_error(&msg) ? "a parameter is not valid" : msg.buf);
	buf_release(&msg);
	return 400;
}

int api_params_only(struct request *req, struct response *res,
		    const char *const *allowed)
{
	for (size_t i = 0; i < req->nquery; i++) {
		size_t k;

		for (k = 0; allowed[k]; k++)
			if (!strcmp(req->query[i].name, allowed[k]))
				break;
		if (!allowed[k]) {
			res_api_error(res, 400, "invalid_parameter",
				      "This resource does not take one of the "
				      "query parameters given.");
			return 400;
		}
	}
	return 0;
}

int api_opt_str(struct request *req, struct response *res, const char *name,
		size_t max, const char **out)
{
	*out = NULL;
	if (!present(req, name))
		return 0;
	return req_param_str(req, res, name, max, out);
}

int api_opt_int(struct request *req, struct response *res, const char *name,
		int64_t min, int64_t max, int64_t dflt, int64_t *out)
{
	*out = dflt;
	if (!present(req, name))
		return 0;
	return req_param_int(req, res, name, min, max, out);
}

int api_opt_bool(struct request *req, struct response *res, const char *name,
		 bool dflt, bool *out)
{
	const char *s;
	int rc;

	*out = dflt;
	if (!present(req, name))
		return 0;
	rc = req_param_str(req, res, name, 5, &s);
	if (rc)
		return rc;
	if (!strcmp(s, "true") || !strcmp(s, "1"))
		*out = true;
	else if (!strcmp(s, "false") || !strcmp(s, "0"))
		*out = false;
	else
		return bad_param(res, name);
	return 0;
}

int api_paging(struct request *req, struct response *res, long *page,
	       long *page_size)
{
	int64_t p, n;

	if (api_opt_int(req, res, "page", 1, STORE_PAGE_LAST + 1, 1, &p) ||
	    api_opt_int(req, res, "page_size", 1, STORE_PAGE_MAX,
			STORE_PAGE_DEFAULT, &n))
		return 400;
	*page = (long)p - 1;	/* the store counts from 0 */
	*page_size = (long)n;
	return 0;
}

/* ---- JSON ---------------------------------------------------------------- */

void api_set(struct api_json *j, json_t *obj, const char *key, json_t *v)
{
	if (!obj || !v) {
		json_decref(v);
		j->failed = true;
		return;
	}
	if (json_object_set_new(obj, key, v))
		j->failed = true;
}

void api_push(struct api_json *j, json_t *arr, json_t *v)
{
	if (!arr || !v) {
		json_decref(v);
		j->failed = true;
		return;
	}
	if (json_array_append_new(arr, v))
		j->failed = true;
}

json_t *api_str(const char *s)
{
	json_t *v;
	char *copy;

	if (!s || !*s)
		return json_null();
	v = json_string(s);
	if (v)
		return v;
	/* jansson refuses bytes that are not UTF-8: keep the rest */
	copy = xstrdup(s);
	for (char *p = copy; *p; p++)
		if ((unsigned char)*p >= 0x80 || (unsigned char)*p < 0x20)
			*p = '?';
	v = json_string(copy);
	free(copy);
	return v;
}

json_t *api_date(int32_t day)
{
	char s[DATE_STR_MAX];

	if (day == DATE_NONE)
		return json_null();
	date_fmt_iso(day, s);
	return json_string(s);
}

json_t *api_int_or_null(long long n)
{
	return n < 0 ? json_null() : json_integer(n);
}

void api_page_meta(struct api_json *j, json_t *obj, long page,
		   long page_size, long total)
{
	api_set(j, obj, "page", json_integer(page + 1));
	api_set(j, obj, "page_size", json_integer(page_size));
	api_set(j, obj, "total", json_integer(total));
}

json_t *api_placement(struct api_json *j, const struct viewer *v,
		      const struct child_placement *p)
{
	json_t *o = json_object();

	api_set(j, o, "start", api_date(p->decom));
	api_set(j, o, "end", api_date(p->dec));
	api_set(j, o, "open", json_boolean(p->open));
	api_set(j, o, "reason_new_episode", api_str(p->rne));
	api_set(j, o, "placement_type", api_str(p->place));
	api_set(j, o, "placement_provider", api_str(p->place_provider));
	if (viewer_may(v, VF_LEGAL_STATUS))
		api_set(j, o, "legal_status", api_str(p->ls));
	if (viewer_may(v, VF_NEED))
		api_set(j, o, "category_of_need", api_str(p->cin));
	if (viewer_may(v, VF_ENDINGS)) {
		api_set(j, o, "reason_episode_ceased", api_str(p->rec));
		api_set(j, o, "reason_place_change",
			api_str(p->reason_place_change));
	}
	api_set(j, o, "urn", api_str(p->urn));
	api_set(j, o, "home_name", api_str(p->home_name));
	api_set(j, o, "home_provider", api_str(p->provider));
	if (viewer_may(v, VF_DISTRICT))
		api_set(j, o, "postcode_district", api_str(p->district));
	if (viewer_may(v, VF_PLACEMENT_POSTCODE))
		api_set(j, o, "placement_postcode", api_str(p->pl_post));
	if (viewer_may(v, VF_HOME_POSTCODE))
		api_set(j, o, "home_postcode", api_str(p->home_post));
	if (viewer_may(v, VF_DISTANCE))
		api_set(j, o, "distance_miles", p->distance < 0 ? json_null() :
			json_real(p->distance / 10.0));
	if (viewer_may(v, VF_DISTANCE_BAND))
		api_set(j, o, "distance_band", p->band == DIST_HIDDEN ?
			json_null() : json_string(distance_band_name(p->band)));
	return o;
}

json_t *api_child_summary(struct api_json *j, const struct viewer *v,
			  const struct child_summary *c)
{
	json_t *o = json_object();

	api_set(j, o, "council", api_str(c->la));
	api_set(j, o, "ref", api_str(c->ref));
	if (viewer_may(v, VF_SEX))
		api_set(j, o, "sex", api_str(c->sex));
	if (viewer_may(v, VF_DOB))
		api_set(j, o, "date_of_birth", api_date(c->dob));
	if (viewer_may(v, VF_AGE))
		api_set(j, o, "age", api_int_or_null(c->age));
	if (viewer_may(v, VF_UPN))
		api_set(j, o, "upn", api_str(c->upn));
	if (viewer_may(v, VF_ETHNIC))
		api_set(j, o, "ethnicity", api_str(c->ethnic));
	api_set(j, o, "looked_after", json_boolean(c->looked_after));
	api_set(j, o, "current_placement", c->has_current ?
		api_placement(j, v, &c->current) : json_null());
	api_set(j, o, "open_missing_periods", json_integer(c->open_missing));
	return o;
}

json_t *api_missing_period(struct api_json *j, const struct viewer *v,
			   const struct child_missing *m)
{
	json_t *o = json_object();

	api_set(j, o, "kind", api_str(m->kind));
	api_set(j, o, "start", api_date(m->start));
	api_set(j, o, "end", api_date(m->end));
	api_set(j, o, "open", json_boolean(m->open));
	api_set(j, o, "placement_type", api_str(m->place));
	api_set(j, o, "urn", api_str(m->urn));
	api_set(j, o, "home_name", api_str(m->home_name));
	if (viewer_may(v, VF_DISTRICT))
		api_set(j, o, "postcode_district", api_str(m->district));
	if (viewer_may(v, VF_PLACEMENT_POSTCODE))
		api_set(j, o, "placement_postcode", api_str(m->pl_post));
	return o;
}

json_t *api_home(struct api_json *j, const struct home_row *h)
{
	json_t *o = json_object();

	api_set(j, o, "urn", api_str(h->urn));
	api_set(j, o, "name", api_str(h->name));
	api_set(j, o, "provider", api_str(h->provider));
	api_set(j, o, "provider_type",
		json_string(provider_type_name(h->provider_type)));
	api_set(j, o, "council", api_str(h->la));
	/* the address rule is the store's: a district unless full is allowed */
	api_set(j, o, "postcode", api_str(h->postcode));
	api_set(j, o, "postcode_full", json_boolean(h->postcode_full));
	api_set(j, o, "places", json_integer(h->places));
	api_set(j, o, "age_min", api_int_or_null(h->age_min));
	api_set(j, o, "age_max", api_int_or_null(h->age_max));
	api_set(j, o, "sex_admitted",
		json_string(sex_admitted_name(h->sex_admitted)));
	api_set(j, o, "registered", api_date(h->registered));
	api_set(j, o, "closed", api_date(h->closed));
	return o;
}

void api_reply(struct request *req, struct response *res,
	       struct api_json *j, json_t *root)
{
	api_reply_status(req, res, j, root, 200);
}

void api_reply_status(struct request *req, struct response *res,
		      struct api_json *j, json_t *root, int status)
{
	if (j->failed || !root) {
		struct err err = ERR_INIT;

		json_decref(root);
		err_set(&err, ERR_IO, "out of memory building JSON");
		web_log_err("answering", &err);
		res_error(req, res, 500);
		return;
	}
	res_json(res, status, root);
}

/* ---- JSON request bodies -------------------------------------------------- */

int api_field_error(struct response *res, const char *field,
		    const char *rule, const char *message)
{
	res_json(res, 400, json_pack("{s:{s:s, s:s, s:s, s:s}}", "error",
				     "code", "invalid_field", "message",
				     message, "field", field, "rule", rule));
	return 400;
}

/* "field: what" into a bounded message; the name is the handler's. */
static int field_problem(struct response *res, const char *field,
			 const char *rule, const char *what)
{
	struct buf msg = BUF_INIT(512);
	int rc;

	buf_addf(&msg, "%s: %s", field, what);
	rc = api_field_error(res, field, rule, buf_error(&msg) ?
			     "a field is not valid" : msg.buf);
	buf_release(&msg);
	return rc;
}

int api_body(struct request *req, struct response *res,
	     const char *const *allowed, json_t **out)
{
	return api_body_lists(req, res, allowed, NULL, out);
}

/* Is key one of names (NULL-terminated; NULL: none)? */
static bool named(const char *const *names, const char *key)
{
	for (size_t k = 0; names && names[k]; k++)
		if (!strcmp(key, names[k]))
			return true;
	return false;
}

int api_body_lists(struct request *req, struct response *res,
		   const char *const *allowed, const char *const *lists,
		   json_t **out)
{
	json_error_t jerr;
	const char *key;
	json_t *root, *v;

	*out = NULL;
	/* the router checked the type and size; a body is never trusted */
	if (req->body.len > API_BODY_MAX) {
		res_error(req, res, 413);
		return 413;
	}
	root = json_loadb(req->body.len ? req->body.buf : "", req->body.len,
			  JSON_REJECT_DUPLICATES, &jerr);
	if (!root || !json_is_object(root)) {
		json_decref(root);
		res_api_error(res, 400, "bad_json", "The body must be one JSON "
			      "object (UTF-8, no member given twice).");
		return 400;
	}
	json_object_foreach(root, key, v) {
		size_t k;

		for (k = 0; allowed[k]; k++)
			if (!strcmp(key, allowed[k]))
				break;
		if (!allowed[k]) {
			json_decref(root);
			/* the client's name is not echoed: it may be anything */
			res_json(res, 400, json_pack(
				"{s:{s:s, s:s, s:s, s:s}}", "error", "code",
				"invalid_field", "message", "The body has a "
				"member this operation does not take.",
				"field", "", "rule", "unknown"));
			return 400;
		}
		if (named(lists, key)) {
			if (!json_is_array(v)) {
				json_decref(root);
				return field_problem(res, allowed[k], "type",
						     "must be an array");
			}
			continue;
		}
		if (json_is_object(v) || json_is_array(v)) {
			json_decref(root);
			return field_problem(res, allowed[k], "type",
					     "must be a string, number, "
					     "true, false or null");
		}
	}
	*out = root;
	return 0;
}

int api_body_text(struct response *res, const json_t *body,
		  const char *name, char *dst, size_t cap, bool *seen)
{
	const json_t *v = json_object_get(body, name);
	struct err err = ERR_INIT;
	int rc;

	if (seen)
		*seen = v != NULL;
	if (!v)
		return 0;
	if (json_is_null(v)) {
		dst[0] = '\0';
		return 0;
	}
	if (!json_is_string(v))
		return field_problem(res, name, "type", "must be a string");
	if (json_string_length(v) >= cap)
		return field_problem(res, name, "mfc-text-length",
				     "is too long");
	if (strlen(json_string_value(v)) != json_string_length(v))
		return field_problem(res, name, "mfc-text",
				     "has a NUL character");
	rc = mfc_text_set(dst, cap, json_string_value(v), name, &err);
	if (rc)
		return field_problem(res, name, rc == ERR_TOO_LARGE ?
				     "mfc-text-length" : "mfc-text",
				     rc == ERR_TOO_LARGE ? "is too long" :
				     "has control characters other than tab "
				     "and newline");
	return 0;
}

int api_body_time(struct response *res, const json_t *body,
		  const char *name, int64_t *ms, bool *seen)
{
	const json_t *v = json_object_get(body, name);

	if (seen)
		*seen = v != NULL;
	if (!v)
		return 0;
	if (json_is_null(v)) {
		*ms = 0;
		return 0;
	}
	if (!json_is_string(v) || json_string_length(v) > 40 ||
	    mfc_time_parse(json_string_value(v), ms))
		return field_problem(res, name, "time", "must be a time, "
				     "yyyy-mm-ddThh:mm[:ss[.mmm]][Z], in UTC");
	return 0;
}

int api_body_day(struct response *res, const json_t *body,
		 const char *name, int32_t *day, bool *seen)
{
	const json_t *v = json_object_get(body, name);

	if (seen)
		*seen = v != NULL;
	if (!v)
		return 0;
	if (json_is_null(v)) {
		*day = DATE_NONE;
		return 0;
	}
	if (!json_is_string(v) || json_string_length(v) != 10 ||
	    parse_date_iso(json_string_value(v), day))
		return field_problem(res, name, "date",
				     "must be a date, yyyy-mm-dd");
	return 0;
}

int api_body_bool(struct response *res, const json_t *body,
		  const char *name, bool *out, bool *seen)
{
	const json_t *v = json_object_get(body, name);

	if (seen)
		*seen = v != NULL;
	if (!v)
		return 0;
	if (json_is_null(v)) {
		*out = false;
		return 0;
	}
	if (!json_is_boolean(v))
		return field_problem(res, name, "type",
				     "must be true or false");
	*out = json_is_true(v);
	return 0;
}

int api_body_flag(struct response *res, const json_t *body,
		  const char *name, int *out, bool *seen)
{
	const json_t *v = json_object_get(body, name);

	if (seen)
		*seen = v != NULL;
	if (!v)
		return 0;
	if (json_is_null(v)) {
		*out = -1;
		return 0;
	}
	if (!json_is_boolean(v))
		return field_problem(res, name, "type",
				     "must be true, false or null");
	*out = json_is_true(v);
	return 0;
}

int api_body_id(struct response *res, const json_t *body, const char *name,
		int64_t *out, bool *seen)
{
	const json_t *v = json_object_get(body, name);

	if (seen)
		*seen = v != NULL;
	if (!v)
		return 0;
	if (json_is_null(v)) {
		*out = 0;
		return 0;
	}
	if (!json_is_integer(v) || json_integer_value(v) < 1)
		return field_problem(res, name, "type",
				     "must be a whole number from 1");
	*out = (int64_t)json_integer_value(v);
	return 0;
}

int api_path_id(struct request *req, struct response *res, const char *name,
		int64_t *out)
{
	const char *s = req_param_get(req, name);

	if (!s || strlen(s) > 19 || parse_i64(s, 1, INT64_MAX, out)) {
		res_error(req, res, 404);
		return 404;
	}
	return 0;
}

struct audit_writer *api_write_begin(struct store *s)
{
	struct audit_writer *w = audit_writer_bound(s);

	if (w)
		audit_writer_bind(NULL, s);
	return w;
}

void api_write_end(struct store *s, struct audit_writer *w)
{
	if (w)
		audit_writer_bind(w, s);
}

void api_write_error(struct request *req, struct response *res, int rc,
		     const struct err *err, const char *what)
{
	if (rc == ERR_NOT_FOUND) {
		res_error(req, res, 404);
	} else if (rc == ERR_DENIED) {
		res_error(req, res, 403);
		res_api_error(res, 403, "forbidden", "Your role may not "
			      "record this.");
	} else if (rc == ERR_INVALID || rc == ERR_TOO_LARGE) {
		/* the checks' messages name fields, never the server's inside */
		res_api_error(res, 400, "invalid_field", err_text(err));
	} else if (rc == ERR_EXISTS) {
		res_api_error(res, 409, "conflict", "This is already "
			      "recorded: the child has an open missing "
			      "episode.");
	} else {
		web_log_err(what, err);
		res_error(req, res, 500);
	}
}

json_t *api_time(int64_t ms)
{
	char t[MFC_TIME_STR];

	if (!ms)
		return json_null();
	mfc_time_fmt(ms, t);
	return json_string(t);
}
