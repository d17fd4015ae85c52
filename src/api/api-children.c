/*
 * api-children.c: the children the API user may see, and one child's
 * record (docs/api.md):
 *
 *   GET /api/v1/children?council=&q=&page=&page_size=
 *	a page of children (store_children_list()): council filters by
 *	the council that looks after them, q by a prefix of the child's
 *	reference (SSDA903 has no names);
 *   GET /api/v1/children/{council}/{ref}
 *	the child's single chronology (store_child_record()): the child,
 *	its placements, missing periods and, for the council, outcomes.
 *
 * Which children, and which of their fields, is the store's decision
 * (the viewer's access); the store audits both reads.  A child out of
 * scope is 404 exactly as one that does not exist.
 */
#include "base/compat.h"
#include "base/xalloc.h"
#include "api/api.h"
#include "api/api-internal.h"

static const char *const list_params[] = {
	"council", "q", "page", "page_size", NULL
};

void api_children(struct request *req, struct response *res)
{
	struct child_filter f;
	struct child_page *pg = NULL;
	struct api_json j = { false };
	struct err err = ERR_INIT;
	struct store *s;
	struct viewer v;
	json_t *root, *rows;
	int rc;

	memset(&f, 0, sizeof(f));
	if (api_params_only(req, res, list_params) ||
	    api_opt_str(req, res, "council", API_FILTER_MAX, &f.la) ||
	    api_opt_str(req, res, "q", API_FILTER_MAX, &f.ref_prefix) ||
	    api_paging(req, res, &f.page, &f.page_size) ||
	    api_viewer(req, res, &s, &v))
		return;
	pg = xmalloc(sizeof(*pg));
	rc = store_children_list(s, &v, &f, pg, &err);
	if (rc) {
		api_store_error(req, res, rc, &err, "listing children");
		goto out;
	}
	root = json_object();
	rows = json_array();
	for (size_t i = 0; i < pg->n; i++)
		api_push(&j, rows, api_child_summary(&j, &v, &pg->rows[i]));
	api_set(&j, root, "children", rows);
	api_page_meta(&j, root, pg->page, pg->page_size, pg->total);
	api_reply(req, res, &j, root);
out:
	free(pg);
}

static json_t *outcomes(struct api_json *j, const struct child_record *r)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < r->noc2; i++) {
		const struct child_oc2 *o = &r->oc2[i];
		json_t *row = json_object();
		static const char *const flag_keys[] = {
			"convicted", "health_check", "immunisations",
			"teeth_check", "health_assessment",
			"substance_misuse", "intervention_received",
			"intervention_offered",
		};
		const int32_t flags[] = {
			o->convicted, o->health_check, o->immunisations,
			o->teeth_check, o->health_assessment,
			o->substance_misuse, o->intervention_received,
			o->intervention_offered,
		};

		api_set(j, row, "year", json_integer(o->year));
		api_set(j, row, "sdq_score", api_int_or_null(o->sdq_score));
		api_set(j, row, "sdq_reason", api_str(o->sdq_reason));
		for (size_t k = 0; k < ARRAY_SIZE(flag_keys); k++)
			api_set(j, row, flag_keys[k], flags[k] < 0 ?
				json_null() : json_boolean(flags[k] != 0));
		api_push(j, arr, row);
	}
	return arr;
}

/* The later SSDA903 tables: {"year", "table", "fields": {COLUMN: text}}. */
static json_t *other_tables(struct api_json *j, const struct child_record *r)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < r->nlater; i++) {
		const struct child_later *l = &r->later[i];
		const struct s903_table_def *d = &s903_tables[l->table];
		json_t *row = json_object(), *f = json_object();

		api_set(j, row, "year", json_integer(l->year));
		api_set(j, row, "table", json_string(d->name));
		for (size_t c = 1; c < d->ncols && c <= CHILD_LATER_COLS; c++)
			api_set(j, f, d->cols[c].name,
				l->v[c - 1][0] ? json_string(l->v[c - 1]) :
						 json_null());
		api_set(j, row, "fields", f);
		api_push(j, arr, row);
	}
	return arr;
}

void api_child(struct request *req, struct response *res)
{
	struct child_record rec = CHILD_RECORD_INIT;
	static const char *const none[] = { NULL };
	struct api_json j = { false };
	struct err err = ERR_INIT;
	const char *la, *ref;
	struct store *s;
	struct viewer v;
	json_t *root, *eps, *mis;
	int rc;

	/* any segment may name a child: the store answers 404 for one
	 * that cannot exist, as for one out of scope */
	if (api_params_only(req, res, none) ||
	    req_param_str(req, res, "council", HTTP_TARGET_MAX, &la) ||
	    req_param_str(req, res, "ref", HTTP_TARGET_MAX, &ref) ||
	    api_viewer(req, res, &s, &v))
		return;
	rc = store_child_record(s, &v, la, ref, &rec, &err);
	if (rc) {
		api_store_error(req, res, rc, &err, "reading a child's record");
		goto out;
	}
	root = json_object();
	eps = json_array();
	mis = json_array();
	api_set(&j, root, "access", json_string(viewer_access_name(v.access)));
	api_set(&j, root, "child", api_child_summary(&j, &v, &rec.child));
	for (size_t i = 0; i < rec.nepisodes; i++)
		api_push(&j, eps, api_placement(&j, &v, &rec.episodes[i]));
	api_set(&j, root, "placements", eps);
	for (size_t i = 0; i < rec.nmissing; i++)
		api_push(&j, mis, api_missing_period(&j, &v, &rec.missing[i]));
	api_set(&j, root, "missing_periods", mis);
	if (viewer_may(&v, VF_OC2)) {
		api_set(&j, root, "outcomes", outcomes(&j, &rec));
		api_set(&j, root, "other_tables", other_tables(&j, &rec));
	}
	api_set(&j, root, "truncated", json_boolean(rec.truncated));
	api_reply(req, res, &j, root);
out:
	child_record_release(&rec);
}
