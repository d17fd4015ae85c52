/*
 * api-missing.c: GET /api/v1/missing/open?council=&urn=&page=&page_size=,
 * the missing periods open today that the API user may see, longest
 * missing first (store_missing_open(); docs/api.md): the police, kind M
 * periods from placements in the force's area; a council, its children's;
 * a provider, those that started from its homes; inspectors, those of
 * children placed in registered homes.  council filters by the child's
 * council, urn by the home the period started from.  Audited by the
 * store when the page names children.
 */
#include "base/compat.h"
#include "base/xalloc.h"
#include "api/api.h"
#include "api/api-internal.h"

static const char *const params[] = {
	"council", "urn", "page", "page_size", NULL
};

static json_t *row(struct api_json *j, const struct viewer *v,
		   const struct missing_row *r)
{
	json_t *o = json_object();

	api_set(j, o, "council", api_str(r->la));
	api_set(j, o, "ref", api_str(r->ref));
	if (viewer_may(v, VF_SEX))
		api_set(j, o, "sex", api_str(r->sex));
	if (viewer_may(v, VF_DOB))
		api_set(j, o, "date_of_birth", api_date(r->dob));
	if (viewer_may(v, VF_AGE))
		api_set(j, o, "age", api_int_or_null(r->age));
	api_set(j, o, "days_missing", r->m.start == DATE_NONE ? json_null() :
		api_int_or_null((long long)v->today - r->m.start));
	api_set(j, o, "missing_period", api_missing_period(j, v, &r->m));
	return o;
}

void api_missing_open(struct request *req, struct response *res)
{
	struct missing_filter f;
	struct missing_page *pg = NULL;
	struct api_json j = { false };
	struct err err = ERR_INIT;
	struct store *s;
	struct viewer v;
	json_t *root, *rows;
	int rc;

	memset(&f, 0, sizeof(f));
	if (api_params_only(req, res, params) ||
	    api_opt_str(req, res, "council", API_FILTER_MAX, &f.la) ||
	    api_opt_str(req, res, "urn", API_FILTER_MAX, &f.urn) ||
	    api_paging(req, res, &f.page, &f.page_size) ||
	    api_viewer(req, res, &s, &v))
		return;
	pg = xmalloc(sizeof(*pg));
	rc = store_missing_open(s, &v, &f, pg, &err);
	if (rc) {
		api_store_error(req, res, rc, &err, "listing missing periods");
		goto out;
	}
	root = json_object();
	rows = json_array();
	for (size_t i = 0; i < pg->n; i++)
		api_push(&j, rows, row(&j, &v, &pg->rows[i]));
	api_set(&j, root, "missing", rows);
	api_page_meta(&j, root, pg->page, pg->page_size, pg->total);
	api_reply(req, res, &j, root);
out:
	free(pg);
}
