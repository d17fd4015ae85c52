/*
 * api-homes.c: the register of children's homes, and one home's profile
 * (docs/api.md):
 *
 *   GET /api/v1/homes?council=&type=&page=&page_size=
 *	a page of the register by URN (store_homes_list()): every role
 *	may read it (it names no child); council filters by the council
 *	area, type by provider type (la, private, voluntary);
 *   GET /api/v1/homes/{urn}
 *	the home (store_home_profile()), the children placed there today
 *	whom the viewer may see there, and, for inspectors, the home's
 *	provider and the council of its area, its exact figures by year.
 *
 * The address rule is the store's: a home's full postcode only for
 * inspectors, its provider and a council that placed a child there in
 * the last 90 days (or runs it); everyone else gets the district, and
 * "postcode_full" says which.
 */
#include "base/compat.h"
#include "base/xalloc.h"
#include "api/api.h"
#include "api/api-internal.h"

static const char *const list_params[] = {
	"council", "type", "page", "page_size", NULL
};

void api_homes(struct request *req, struct response *res)
{
	struct home_filter f;
	struct home_page *pg = NULL;
	struct api_json j = { false };
	struct err err = ERR_INIT;
	enum provider_type type;
	struct store *s;
	struct viewer v;
	json_t *root, *rows;
	int rc;

	memset(&f, 0, sizeof(f));
	if (api_params_only(req, res, list_params) ||
	    api_opt_str(req, res, "council", API_FILTER_MAX, &f.la) ||
	    api_opt_str(req, res, "type", API_FILTER_MAX, &f.provider_type) ||
	    api_paging(req, res, &f.page, &f.page_size))
		return;
	if (f.provider_type && provider_type_parse(f.provider_type, &type)) {
		res_api_error(res, 400, "invalid_parameter", "parameter "
			      "\"type\" must be la, private or voluntary");
		return;
	}
	if (api_viewer(req, res, &s, &v))
		return;
	pg = xmalloc(sizeof(*pg));
	rc = store_homes_list(s, &v, &f, pg, &err);
	if (rc) {
		api_store_error(req, res, rc, &err, "listing homes");
		goto out;
	}
	root = json_object();
	rows = json_array();
	for (size_t i = 0; i < pg->n; i++)
		api_push(&j, rows, api_home(&j, &pg->rows[i]));
	api_set(&j, root, "homes", rows);
	api_page_meta(&j, root, pg->page, pg->page_size, pg->total);
	api_reply(req, res, &j, root);
out:
	free(pg);
}

static json_t *figures(struct api_json *j, const struct home_profile *p)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < p->nyears; i++) {
		const struct home_year *y = &p->years[i];
		json_t *o = json_object();

		api_set(j, o, "year", json_integer(y->year));
		api_set(j, o, "missing_periods",
			json_integer(y->missing_periods));
		api_set(j, o, "missing_children",
			json_integer(y->missing_children));
		api_set(j, o, "moves_out", json_integer(y->moves_out));
		api_push(j, arr, o);
	}
	return arr;
}

void api_home_profile(struct request *req, struct response *res)
{
	struct home_profile *p = NULL;
	static const char *const none[] = { NULL };
	struct api_json j = { false };
	struct err err = ERR_INIT;
	const char *urn;
	struct store *s;
	struct viewer v;
	json_t *root, *kids;
	int rc;

	if (api_params_only(req, res, none) ||
	    req_param_str(req, res, "urn", HTTP_TARGET_MAX, &urn) ||
	    api_viewer(req, res, &s, &v))
		return;
	p = xmalloc(sizeof(*p));
	rc = store_home_profile(s, &v, urn, p, &err);
	if (rc) {
		api_store_error(req, res, rc, &err, "reading a home's profile");
		goto out;
	}
	root = json_object();
	kids = json_array();
	api_set(&j, root, "home", api_home(&j, &p->home));
	if (p->figures)
		api_set(&j, root, "figures", figures(&j, p));
	for (size_t i = 0; i < p->nchildren; i++)
		api_push(&j, kids, api_child_summary(&j, &v, &p->children[i]));
	api_set(&j, root, "children", kids);
	api_set(&j, root, "truncated", json_boolean(p->truncated));
	api_reply(req, res, &j, root);
out:
	free(p);
}
