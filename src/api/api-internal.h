/*
 * api-internal.h: what the src/api/ resource handlers share
 * (api-common.c): the viewer of the API user, the answer to a store
 * error, strict query parameters, and the JSON shapes of children, homes
 * and missing periods (docs/api.md, docs/openapi.json).
 *
 * Conventions every resource follows:
 *
 *   - children's data comes only from the scoped store reads
 *     (store.h, "what each viewer may see") with the viewer of
 *     viewer_from_user(); handlers never filter or redact on their own;
 *   - a field the viewer may not see (viewer_fields()) is left out of
 *     the object; a field it may see that is not recorded is null;
 *   - keys are snake_case, dates ISO yyyy-mm-dd, lists are pages
 *     {"page", "page_size", "total"} with page counted from 1;
 *   - a child or home out of scope is 404 exactly like one that does
 *     not exist; a role that never sees children (analyst, admin) is
 *     403 whatever it asks for.
 *
 * JSON is built linearly with a sticky failure (struct api_json): every
 * helper takes over the reference it is given, even after a failure,
 * and api_reply() checks once.
 */
#ifndef CARTREF_API_INTERNAL_H
#define CARTREF_API_INTERNAL_H

#include "base/compat.h"
#include "base/err.h"
#include "domain/viewer.h"
#include "store/store-scope.h"
#include "web/http.h"

/* The longest filter text a list takes (the store's own limit). */
#define API_FILTER_MAX 64

/*
 * The thread's store and the viewer of the request's API user (at the
 * current time, from the client's address): 0, or non-zero after
 * answering (500, logged).
 */
int api_viewer(struct request *req, struct response *res, struct store **s,
	       struct viewer *v);

/*
 * Answer a failed store read: ERR_NOT_FOUND 404, ERR_DENIED 403 (the
 * role sees aggregate figures only), anything else a logged 500 (what
 * says what the server was doing; the client sees nothing of it).
 */
void api_store_error(struct request *req, struct response *res, int rc,
		     const struct err *err, const char *what);

/*
 * Refuse (400) a query parameter whose name is not in allowed[]
 * (NULL-terminated): a misspelt filter is an error, not "everything".
 */
int api_params_only(struct request *req, struct response *res,
		    const char *const *allowed);
/*
 * Optional query parameters: absent gives NULL (or dflt); present, the
 * value must be valid (else 400: repeated, too long, not a number in
 * [min, max], not true/false/1/0).
 */
int api_opt_str(struct request *req, struct response *res, const char *name,
		size_t max, const char **out);
int api_opt_int(struct request *req, struct response *res, const char *name,
		int64_t min, int64_t max, int64_t dflt, int64_t *out);
int api_opt_bool(struct request *req, struct response *res, const char *name,
		 bool dflt, bool *out);
/* ?page= (from 1) and ?page_size= (1 to STORE_PAGE_MAX): store's page. */
int api_paging(struct request *req, struct response *res, long *page,
	       long *page_size);

/* ---- JSON ---------------------------------------------------------------- */

struct api_json {
	bool failed;
};

/* obj[key] = v and arr += v, taking over v. */
void api_set(struct api_json *j, json_t *obj, const char *key, json_t *v);
void api_push(struct api_json *j, json_t *arr, json_t *v);
/* A string, null for ""; bytes that are not UTF-8 become '?'. */
json_t *api_str(const char *s);
/* yyyy-mm-dd, null for DATE_NONE. */
json_t *api_date(int32_t day);
/* A number, null when negative (blank). */
json_t *api_int_or_null(long long n);
/* "page", "page_size", "total" (page counted from 1) into obj. */
void api_page_meta(struct api_json *j, json_t *obj, long page,
		   long page_size, long total);

/* The shapes (docs/openapi.json, components.schemas). */
json_t *api_child_summary(struct api_json *j, const struct viewer *v,
			  const struct child_summary *c);
json_t *api_placement(struct api_json *j, const struct viewer *v,
		      const struct child_placement *p);
json_t *api_missing_period(struct api_json *j, const struct viewer *v,
			   const struct child_missing *m);
json_t *api_home(struct api_json *j, const struct home_row *h);


/* ---- JSON request bodies (writes) ----------------------------------------- */

/*
 * The router has already checked an unsafe API request: a bearer token
 * (ROUTE_AUTH), Content-Type application/json (else 415) and a body of
 * at most API_BODY_MAX bytes (else 413).  api_body() parses it:
 * one JSON object, UTF-8, no duplicate member, every member one of
 * allowed[] (NULL-terminated) and a scalar (string, number, true, false
 * or null).  Anything else is answered 400 and api_body() returns
 * non-zero: "bad_json" for text that is not a JSON object,
 * "invalid_field" naming the member otherwise.  *out is the caller's
 * to json_decref().
 */
int api_body(struct request *req, struct response *res,
	     const char *const *allowed, json_t **out);
/*
 * The same, but the members named in lists[] (NULL-terminated) must be
 * arrays (of objects the handler reads itself: an inspection's
 * findings); the others scalars.
 */
int api_body_lists(struct request *req, struct response *res,
		   const char *const *allowed, const char *const *lists,
		   json_t **out);

/*
 * 400 {"error": {"code": "invalid_field", "message", "field", "rule"}}:
 * field and rule are the handler's own constants (the JSON member's
 * name and the rule id of docs/missing.md or "type", "required", ...),
 * message says what is wrong in words.  Returns 400.
 */
int api_field_error(struct response *res, const char *field,
		    const char *rule, const char *message);

/*
 * Read member name of a body into a typed value, replying 400 naming it
 * when it is the wrong type or breaks its limit; *seen (may be NULL)
 * says whether it was there.  Absent leaves the value as it was; null
 * clears it ("", 0, false, DATE_NONE, -1).
 *
 *   api_body_text   a string of at most cap - 1 bytes, no control
 *                   characters but tab and newline (mfc_text_set())
 *   api_body_time   an instant, "2019-03-30T21:15[:SS[.mmm]][Z]" (UTC)
 *   api_body_day    a date, yyyy-mm-dd
 *   api_body_bool   true or false
 *   api_body_flag   true, false or null as 1, 0 or -1
 *   api_body_id     a whole number from 1
 */
int api_body_text(struct response *res, const json_t *body,
		  const char *name, char *dst, size_t cap, bool *seen);
int api_body_time(struct response *res, const json_t *body,
		  const char *name, int64_t *ms, bool *seen);
int api_body_day(struct response *res, const json_t *body,
		 const char *name, int32_t *day, bool *seen);
int api_body_bool(struct response *res, const json_t *body,
		  const char *name, bool *out, bool *seen);
int api_body_flag(struct response *res, const json_t *body,
		  const char *name, int *out, bool *seen);
int api_body_id(struct response *res, const json_t *body, const char *name,
		int64_t *out, bool *seen);

/*
 * A {name} segment or query parameter that must be an id (1 to
 * INT64_MAX): 0, or non-zero after answering 404 (a path) -- an id that
 * cannot exist is a resource that does not.
 */
int api_path_id(struct request *req, struct response *res, const char *name,
		int64_t *out);

/*
 * Around a store write whose audit row must commit with it: the
 * server's group-commit audit writer bound to this thread's store is
 * unbound (store.h, "missing from care, recorded live") and bound again
 * after.
 */
struct audit_writer *api_write_begin(struct store *s);
void api_write_end(struct store *s, struct audit_writer *w);

/*
 * Answer a failed write: ERR_NOT_FOUND 404, ERR_DENIED 403 ("your role
 * may not record this"), ERR_INVALID 400 invalid_field (the message is
 * the check's, which names the field), ERR_EXISTS 409 conflict, ERR_TOO_LARGE
 * 400; anything else a logged 500.
 */
void api_write_error(struct request *req, struct response *res, int rc,
		     const struct err *err, const char *what);

/* An instant as "2019-03-30T21:15:00.000Z", null for 0. */
json_t *api_time(int64_t ms);

/*
 * Answer 200 with root (taking it over), or a logged 500 when building
 * it failed.
 */
void api_reply(struct request *req, struct response *res,
	       struct api_json *j, json_t *root);
/* The same with another status (201 for a record made). */
void api_reply_status(struct request *req, struct response *res,
		      struct api_json *j, json_t *root, int status);

#endif
