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
#include "store/store.h"
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

/*
 * Answer 200 with root (taking it over), or a logged 500 when building
 * it failed.
 */
void api_reply(struct request *req, struct response *res,
	       struct api_json *j, json_t *root);

#endif
