/*
 * api-review.c: GET /api/v1/review?year=&la=&home=&publish=, the national
 * review's figures as JSON (docs/api.md): the review engine
 * (review_compute()) over every stored return, for a reporting year (the
 * latest by default) and one scope (Wales, a council with la=, a home
 * with home=), rendered by the report layer's JSON renderer, so the body
 * is exactly the documented review contract (docs/review-json.md).
 *
 * Figures are aggregates, so every role may ask; what differs is whether
 * they are exact.  Exact figures (staff only) go to inspectors, to a
 * council for its own council and the homes in its area, and to a
 * provider for its own homes, the same people store_home_profile() gives
 * a home's exact figures.  Everyone else, analysts always, gets the
 * published form: review_publish()'s disclosure control (counts 1 to 4
 * suppressed, others rounded to 5), whatever ?publish= says; "published"
 * in the body says which.  publish=true asks for the published form
 * anyway.
 *
 * The histories are read only to feed the review engine: nothing of an
 * individual child reaches the answer.  They and the review come from
 * the process-wide review cache (analytics/review-cache.h): loaded and
 * computed once per data generation of the store, shared by requests;
 * whether this viewer gets the exact or the published form is decided
 * here, per request, before the cache is asked.
 */
#include "base/compat.h"
#include "base/parse.h"
#include "analytics/review.h"
#include "analytics/review-cache.h"
#include "api/api.h"
#include "api/api-internal.h"
#include "report/report.h"
#include "web/session.h"

static const char *const params[] = {
	"year", "la", "home", "publish", NULL
};

/* May v have the exact figures of scope (the home's register row h)? */
static bool exact_allowed(const struct viewer *v,
			  const struct review_scope *scope,
			  const struct history *hist)
{
	const struct home *h = NULL;

	if (scope->kind == SCOPE_HOME) {
		uint32_t i = history_home(hist, scope->code);

		if (i == HIST_NONE)
			return false;
		h = &hist->homes[i].h;
	}
	switch (v->access) {
	case VIEWER_INSPECTORATE:
		return true;
	case VIEWER_COUNCIL:
		if (!v->la[0])
			return false;
		if (scope->kind == SCOPE_COUNCIL)
			return !strcmp(scope->code, v->la);
		return h && !strcmp(h->la, v->la);
	case VIEWER_PROVIDER:
		return h && v->provider[0] && !strcmp(h->provider, v->provider);
	case VIEWER_NONE:
	case VIEWER_POLICE:
	case VIEWER_NACCESS:
		break;
	}
	return false;
}

/* review_render_fn: the review's JSON (docs/review-json.md). */
static int render_json(const struct review *r, int arg, struct buf *out,
		       struct err *err)
{
	(void)arg;
	return report_render_buf(r, REPORT_JSON, LANG_EN, out, err);
}

void api_review(struct request *req, struct response *res)
{
	struct review_scope scope;
	struct review_hold *hold = NULL;
	const struct history *hist;
	const struct review *r;
	const char *json;
	size_t len;
	struct err err = ERR_INIT;
	const char *la, *home;
	struct store *s;
	struct viewer v;
	int64_t year;
	bool publish;
	int rc;

	memset(&scope, 0, sizeof(scope));
	if (api_params_only(req, res, params) ||
	    api_opt_int(req, res, "year", DATE_MIN_YEAR, DATE_MAX_YEAR, 0,
			&year) ||
	    api_opt_str(req, res, "la", sizeof(scope.code) - 1, &la) ||
	    api_opt_str(req, res, "home", sizeof(scope.code) - 1, &home) ||
	    api_opt_bool(req, res, "publish", false, &publish))
		return;
	if ((la && !*la) || (home && !*home) || (la && home)) {
		res_api_error(res, 400, "invalid_parameter", "give one of "
			      "\"la\" and \"home\", not empty, or neither");
		return;
	}
	scope.kind = la ? SCOPE_COUNCIL : home ? SCOPE_HOME : SCOPE_NATIONAL;
	str_copy(scope.code, sizeof(scope.code), la ? la : home ? home : "");
	if (api_viewer(req, res, &s, &v))
		return;
	rc = review_cache_hold(review_cache_shared(), s, &hold, &err);
	if (rc) {
		api_store_error(req, res, rc, &err, "loading the histories");
		goto out;
	}
	hist = review_hold_history(hold);
	if (!year)
		year = hist->last_year;
	if (!hist->last_year || year < hist->first_year ||
	    year > hist->last_year) {
		res_api_error(res, 404, "not_found",
			      "No stored return covers that year.");
		goto out;
	}
	/* the viewer's right to exact figures first; the cache holds both */
	publish = publish || !exact_allowed(&v, &scope, hist);
	rc = review_hold_get(hold, (int)year, &scope, publish, &r, &err);
	if (rc) {
		api_store_error(req, res, rc, &err, "computing the review");
		goto out;
	}
	/* the JSON depends on the figures alone: rendered once, kept */
	rc = review_hold_render(hold, r, render_json, 0, &json, &len, &err);
	if (rc) {
		web_log_err("rendering the review", &err);
		res_error(req, res, 500);
		goto out;
	}
	buf_reset(&res->body);
	res->data = NULL;
	res->status = 200;
	res->content_type = "application/json";
	if (buf_add(&res->body, json, len)) {
		err_set(&err, ERR_TOO_LARGE, "%zu bytes of JSON", len);
		web_log_err("answering with the review", &err);
		res_error(req, res, 500);
	}
out:
	review_hold_release(hold);
}
