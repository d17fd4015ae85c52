/*
 * router.c: the static route table and the pipeline every request goes
 * through (cgit's cmd.c, git's commands[] with RUN_SETUP flags).
 *
 * Adding a page or an API resource is one file (src/web/page-*.c or
 * src/api/api-*.c), one declaration (web/pages.h or api/api.h) and one
 * line below.  The checks a route needs are written as flags on that
 * line and run here, before the handler, never inside it:
 *
 *   ROUTE_PUBLIC / ROUTE_AUTH  who may use it (the auth hook decides
 *                              who is signed in; no user, no handler)
 *   ROUTE_CSRF                 unsafe methods: same-origin request
 *                              (Sec-Fetch-Site, Origin) and the auth
 *                              layer's token check
 *   ROUTE_API | ROUTE_AUTH     on an unsafe method: bearer token only
 *                              (the API never reads cookies, so there
 *                              is no ambient credential to forge and
 *                              no CSRF token); the body must be JSON
 *                              (415) of at most API_BODY_MAX (413)
 *   ROUTE_FORM                 POST body must be urlencoded (415), is
 *                              decoded within limits (400)
 *   ROUTE_API                  errors are JSON
 *   ROUTE_ASSET                static file: long caching, no auth hook
 *   ROUTE_SIGN_IN              the sign-in form: its CSRF token is the
 *                              pre-session one (auth-hook.c)
 *
 * router_check() refuses a table that breaks these rules (an unsafe
 * page method without ROUTE_CSRF, an unsafe API method that is public or
 * has ROUTE_CSRF or ROUTE_FORM, neither or both of PUBLIC and AUTH); the
 * server will not start with one, and a unit test checks web_routes.
 */
#include "base/compat.h"
#include <strings.h>
#include "base/parse.h"
#include "base/xalloc.h"
#include "api/api.h"
#include "web/pages.h"
#include "web/web-internal.h"

web_auth_fn *web_auth_hook;

const struct route web_routes[] = {
	{ HTTP_GET, "/", page_start, ROUTE_PUBLIC },
	{ HTTP_GET, "/sign-in", page_sign_in, ROUTE_PUBLIC },
	{ HTTP_POST, "/sign-in", page_sign_in_post,
	  ROUTE_PUBLIC | ROUTE_CSRF | ROUTE_FORM | ROUTE_SIGN_IN },
	{ HTTP_POST, "/sign-out", page_sign_out,
	  ROUTE_AUTH | ROUTE_CSRF | ROUTE_FORM },
	/* the service pages of every footer: page-service.c */
	{ HTTP_GET, "/help", page_help, ROUTE_PUBLIC },
	{ HTTP_GET, "/accessibility", page_accessibility, ROUTE_PUBLIC },
	{ HTTP_GET, "/privacy", page_privacy, ROUTE_PUBLIC },
	{ HTTP_GET, "/cookies", page_cookies, ROUTE_PUBLIC },
	{ HTTP_GET, "/home", page_home, ROUTE_AUTH },
	{ HTTP_GET, "/dashboard", page_dashboard, ROUTE_AUTH },
	{ HTTP_GET, "/dashboard/council/{code}", page_dashboard_council,
	  ROUTE_AUTH },
	{ HTTP_GET, "/homes", page_homes, ROUTE_AUTH },
	{ HTTP_GET, "/homes/{urn}", page_home_profile, ROUTE_AUTH },
	{ HTTP_GET, "/children", page_children, ROUTE_AUTH },
	{ HTTP_GET, "/children/{council}/{ref}", page_child, ROUTE_AUTH },
	/* missing from care and alerts (issue 5): page-missing.c,
	 * page-grab-pack.c, page-alerts.c */
	{ HTTP_GET, "/children/{council}/{ref}/missing/new", page_missing_new,
	  ROUTE_AUTH },
	{ HTTP_POST, "/children/{council}/{ref}/missing/new",
	  page_missing_new_post, ROUTE_AUTH | ROUTE_CSRF | ROUTE_FORM },
	{ HTTP_GET, "/children/{council}/{ref}/grab-pack", page_grab_pack,
	  ROUTE_AUTH },
	{ HTTP_POST, "/children/{council}/{ref}/grab-pack",
	  page_grab_pack_post, ROUTE_AUTH | ROUTE_CSRF | ROUTE_FORM },
	{ HTTP_GET, "/missing/report", page_missing_report, ROUTE_AUTH },
	{ HTTP_GET, "/missing/{id}", page_missing, ROUTE_AUTH },
	{ HTTP_GET, "/data-quality", page_data_quality, ROUTE_AUTH },
	{ HTTP_POST, "/missing/{id}/home", page_missing_home,
	  ROUTE_AUTH | ROUTE_CSRF | ROUTE_FORM },
	{ HTTP_POST, "/missing/{id}/police", page_missing_police,
	  ROUTE_AUTH | ROUTE_CSRF | ROUTE_FORM },
	{ HTTP_POST, "/missing/{id}/return", page_missing_return,
	  ROUTE_AUTH | ROUTE_CSRF | ROUTE_FORM },
	{ HTTP_POST, "/missing/{id}/interview", page_missing_interview,
	  ROUTE_AUTH | ROUTE_CSRF | ROUTE_FORM },
	{ HTTP_POST, "/missing/{id}/meeting", page_missing_meeting,
	  ROUTE_AUTH | ROUTE_CSRF | ROUTE_FORM },
	{ HTTP_GET, "/alerts", page_alerts, ROUTE_AUTH },
	{ HTTP_GET, "/alerts/{id}", page_alert, ROUTE_AUTH },
	{ HTTP_POST, "/alerts/{id}/acknowledge", page_alert_ack,
	  ROUTE_AUTH | ROUTE_CSRF | ROUTE_FORM },
	{ HTTP_POST, "/alerts/{id}/acknowledge-all", page_alert_ack_all,
	  ROUTE_AUTH | ROUTE_CSRF | ROUTE_FORM },
	{ HTTP_POST, "/alerts/{id}/resolve", page_alert_resolve,
	  ROUTE_AUTH | ROUTE_CSRF | ROUTE_FORM },
	/* the quality of care (issue 13): page-quality.c */
	{ HTTP_GET, "/homes/{urn}/inspections/new", page_inspection_new,
	  ROUTE_AUTH },
	{ HTTP_POST, "/homes/{urn}/inspections/new", page_inspection_new_post,
	  ROUTE_AUTH | ROUTE_CSRF | ROUTE_FORM },
	{ HTTP_GET, "/inspections/{id}", page_inspection, ROUTE_AUTH },
	{ HTTP_POST, "/findings/{id}/response", page_finding_response,
	  ROUTE_AUTH | ROUTE_CSRF | ROUTE_FORM },
	{ HTTP_GET, "/homes/{urn}/notifications/new", page_notification_new,
	  ROUTE_AUTH },
	{ HTTP_POST, "/homes/{urn}/notifications/new",
	  page_notification_new_post, ROUTE_AUTH | ROUTE_CSRF | ROUTE_FORM },
	{ HTTP_GET, "/homes/{urn}/notifications", page_notifications,
	  ROUTE_AUTH },
	/* managing users, administrators only (issue 9): page-admin.c;
	 * /admin/users/new before /admin/users/{id} */
	/* the recommendations register (issue 13): page-recs.c */
	{ HTTP_GET, "/recommendations", page_recs, ROUTE_AUTH },
	{ HTTP_GET, "/recommendations/new", page_rec_new, ROUTE_AUTH },
	{ HTTP_POST, "/recommendations/new", page_rec_new_post,
	  ROUTE_AUTH | ROUTE_CSRF | ROUTE_FORM },
	{ HTTP_GET, "/recommendations/{id}", page_rec, ROUTE_AUTH },
	{ HTTP_POST, "/recommendations/{id}/addressees/{aid}/actions",
	  page_rec_action, ROUTE_AUTH | ROUTE_CSRF | ROUTE_FORM },
	{ HTTP_POST, "/recommendations/{id}/actions/{action}/done",
	  page_rec_action_done, ROUTE_AUTH | ROUTE_CSRF | ROUTE_FORM },
	{ HTTP_POST, "/recommendations/{id}/addressees/{aid}/updates",
	  page_rec_update, ROUTE_AUTH | ROUTE_CSRF | ROUTE_FORM },
	{ HTTP_POST, "/recommendations/{id}/addressees/{aid}/verdict",
	  page_rec_verdict, ROUTE_AUTH | ROUTE_CSRF | ROUTE_FORM },
	{ HTTP_GET, "/admin/users", page_admin_users, ROUTE_AUTH },
	{ HTTP_GET, "/admin/users/new", page_admin_user_new, ROUTE_AUTH },
	{ HTTP_POST, "/admin/users/new", page_admin_user_new_post,
	  ROUTE_AUTH | ROUTE_CSRF | ROUTE_FORM },
	{ HTTP_GET, "/admin/users/{id}", page_admin_user, ROUTE_AUTH },
	{ HTTP_POST, "/admin/users/{id}/enable", page_admin_user_enable_post,
	  ROUTE_AUTH | ROUTE_CSRF | ROUTE_FORM },
	{ HTTP_GET, "/admin/users/{id}/disable", page_admin_user_disable,
	  ROUTE_AUTH },
	{ HTTP_POST, "/admin/users/{id}/disable", page_admin_user_disable_post,
	  ROUTE_AUTH | ROUTE_CSRF | ROUTE_FORM },
	{ HTTP_GET, "/admin/users/{id}/reset", page_admin_user_reset,
	  ROUTE_AUTH },
	{ HTTP_POST, "/admin/users/{id}/reset", page_admin_user_reset_post,
	  ROUTE_AUTH | ROUTE_CSRF | ROUTE_FORM },
	{ HTTP_POST, "/admin/users/{id}/tokens", page_admin_token_new_post,
	  ROUTE_AUTH | ROUTE_CSRF | ROUTE_FORM },
	{ HTTP_GET, "/admin/users/{id}/tokens/{tid}/revoke",
	  page_admin_token_revoke, ROUTE_AUTH },
	{ HTTP_POST, "/admin/users/{id}/tokens/{tid}/revoke",
	  page_admin_token_revoke_post, ROUTE_AUTH | ROUTE_CSRF | ROUTE_FORM },
	{ HTTP_GET, "/assets/{file*}", web_asset, ROUTE_PUBLIC | ROUTE_ASSET },
	{ HTTP_GET, "/api/v1/ping", api_ping, ROUTE_PUBLIC | ROUTE_API },
	{ HTTP_GET, "/api/v1/me", api_me, ROUTE_AUTH | ROUTE_API },
	{ HTTP_GET, "/api/v1/children", api_children, ROUTE_AUTH | ROUTE_API },
	{ HTTP_GET, "/api/v1/children/{council}/{ref}", api_child,
	  ROUTE_AUTH | ROUTE_API },
	{ HTTP_GET, "/api/v1/homes", api_homes, ROUTE_AUTH | ROUTE_API },
	{ HTTP_GET, "/api/v1/homes/{urn}", api_home_profile,
	  ROUTE_AUTH | ROUTE_API },
	{ HTTP_GET, "/api/v1/missing/open", api_missing_open,
	  ROUTE_AUTH | ROUTE_API },
	{ HTTP_GET, "/api/v1/review", api_review, ROUTE_AUTH | ROUTE_API },
	/* missing from care and alerts (issue 5); writes: bearer only */
	{ HTTP_GET, "/api/v1/missing-episodes", api_mfc_list,
	  ROUTE_AUTH | ROUTE_API },
	{ HTTP_POST, "/api/v1/missing-episodes", api_mfc_report,
	  ROUTE_AUTH | ROUTE_API },
	{ HTTP_GET, "/api/v1/missing-episodes/{id}", api_mfc_get,
	  ROUTE_AUTH | ROUTE_API },
	{ HTTP_POST, "/api/v1/missing-episodes/{id}/home", api_mfc_home,
	  ROUTE_AUTH | ROUTE_API },
	{ HTTP_POST, "/api/v1/missing-episodes/{id}/police", api_mfc_police,
	  ROUTE_AUTH | ROUTE_API },
	{ HTTP_POST, "/api/v1/missing-episodes/{id}/return", api_mfc_return,
	  ROUTE_AUTH | ROUTE_API },
	{ HTTP_POST, "/api/v1/missing-episodes/{id}/interview",
	  api_mfc_interview, ROUTE_AUTH | ROUTE_API },
	{ HTTP_POST, "/api/v1/children/{council}/{ref}/strategy-meetings",
	  api_mfc_meeting_add, ROUTE_AUTH | ROUTE_API },
	{ HTTP_GET, "/api/v1/children/{council}/{ref}/grab-pack",
	  api_grab_pack_get, ROUTE_AUTH | ROUTE_API },
	{ HTTP_PUT, "/api/v1/children/{council}/{ref}/grab-pack",
	  api_grab_pack_put, ROUTE_AUTH | ROUTE_API },
	{ HTTP_GET, "/api/v1/children/{council}/{ref}/missing-episodes",
	  api_mfc_child, ROUTE_AUTH | ROUTE_API },
	{ HTTP_GET, "/api/v1/alerts", api_alerts, ROUTE_AUTH | ROUTE_API },
	{ HTTP_GET, "/api/v1/alert-items", api_alert_items,
	  ROUTE_AUTH | ROUTE_API },
	{ HTTP_GET, "/api/v1/alerts/{id}", api_alert, ROUTE_AUTH | ROUTE_API },
	{ HTTP_POST, "/api/v1/alerts/{id}/acknowledge", api_alert_acknowledge,
	  ROUTE_AUTH | ROUTE_API },
	{ HTTP_POST, "/api/v1/alerts/{id}/resolve", api_alert_resolve,
	  ROUTE_AUTH | ROUTE_API },
	{ HTTP_GET, "/api/v1/outbox", api_outbox, ROUTE_AUTH | ROUTE_API },
	/* the quality of care (issue 13): api-quality.c */
	{ HTTP_GET, "/api/v1/homes/{urn}/inspections", api_home_inspections,
	  ROUTE_AUTH | ROUTE_API },
	{ HTTP_POST, "/api/v1/homes/{urn}/inspections",
	  api_home_inspection_add, ROUTE_AUTH | ROUTE_API },
	{ HTTP_GET, "/api/v1/inspections/{id}", api_inspection,
	  ROUTE_AUTH | ROUTE_API },
	{ HTTP_POST, "/api/v1/findings/{id}/response", api_finding_respond,
	  ROUTE_AUTH | ROUTE_API },
	{ HTTP_POST, "/api/v1/findings/{id}/judge", api_finding_judge,
	  ROUTE_AUTH | ROUTE_API },
	{ HTTP_GET, "/api/v1/homes/{urn}/notifications",
	  api_home_notifications, ROUTE_AUTH | ROUTE_API },
	{ HTTP_POST, "/api/v1/homes/{urn}/notifications",
	  api_home_notification_add, ROUTE_AUTH | ROUTE_API },
	{ HTTP_GET, "/api/v1/recommendations", api_recs,
	  ROUTE_AUTH | ROUTE_API },
	{ HTTP_GET, "/api/v1/recommendations/{id}", api_rec,
	  ROUTE_AUTH | ROUTE_API },
	{ HTTP_POST, "/api/v1/recommendations/{id}/addressees/{aid}/actions",
	  api_rec_action_add, ROUTE_AUTH | ROUTE_API },
	{ HTTP_POST, "/api/v1/recommendations/{id}/actions/{action}/done",
	  api_rec_action_done, ROUTE_AUTH | ROUTE_API },
	{ HTTP_POST, "/api/v1/recommendations/{id}/addressees/{aid}/updates",
	  api_rec_update_add, ROUTE_AUTH | ROUTE_API },
	{ HTTP_POST, "/api/v1/recommendations/{id}/addressees/{aid}/verdict",
	  api_rec_verdict, ROUTE_AUTH | ROUTE_API },
};
const size_t web_nroutes = ARRAY_SIZE(web_routes);

#define UNSAFE_METHODS (HTTP_POST | HTTP_PUT | HTTP_DELETE | HTTP_PATCH)

/* The end of the segment starting at s. */
static const char *seg_end(const char *s)
{
	const char *e = strchr(s, '/');

	return e ? e : s + strlen(s);
}

/*
 * Does path match pattern?  With req, also record the {name} parts in
 * req->params (copied into req->params_buf).
 */
static bool match(const char *pattern, const char *path, struct request *req)
{
	const char *p = pattern, *s = path;
	char *out = NULL;

	if (req) {
		req->nparams = 0;
		if (strchr(pattern, '{')) {
			free(req->params_buf);
			req->params_buf = out =
				xmalloc(strlen(pattern) + strlen(path) + 2);
		}
	}
	for (;;) {
		const char *pe, *se;

		if (!*p && !*s)
			return true;
		if (*p != '/' || *s != '/')
			return false;
		p++;
		s++;
		pe = seg_end(p);
		se = seg_end(s);
		if (*p == '{') {
			size_t nlen = (size_t)(pe - p) - 2;	/* "{" name "}" */
			bool rest = nlen > 1 && p[nlen] == '*';

			if (rest) {
				nlen--;
				se = s + strlen(s);
			}
			if (se == s)
				return false;	/* {name} is never empty */
			if (req) {
				struct http_param *v = &req->params[req->nparams++];
				size_t vlen = (size_t)(se - s);

				memcpy(out, p + 1, nlen);
				out[nlen] = '\0';
				v->name = out;
				out += nlen + 1;
				memcpy(out, s, vlen);
				out[vlen] = '\0';
				v->value = out;
				out += vlen + 1;
			}
		} else if (pe - p != se - s || memcmp(p, s, (size_t)(pe - p))) {
			return false;
		}
		p = pe;
		s = se;
	}
}

const struct route *router_match(const struct route *routes, size_t n,
				 struct request *req, unsigned *allow)
{
	unsigned m = req->method == HTTP_HEAD ? HTTP_GET : req->method;

	*allow = 0;
	if (!req->path)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (!match(routes[i].pattern, req->path, NULL))
			continue;
		*allow |= routes[i].methods;
		if ((routes[i].methods & m) && match(routes[i].pattern,
						       req->path, req))
			return &routes[i];
	}
	if (*allow & HTTP_GET)
		*allow |= HTTP_HEAD;
	return NULL;
}

void router_allow(unsigned methods, char *out, size_t cap)
{
	static const struct {
		unsigned bit;
		const char *name;
	} names[] = {
		{ HTTP_GET, "GET" }, { HTTP_HEAD, "HEAD" }, { HTTP_POST, "POST" },
		{ HTTP_PUT, "PUT" }, { HTTP_DELETE, "DELETE" },
		{ HTTP_PATCH, "PATCH" }, { HTTP_OPTIONS, "OPTIONS" },
	};
	struct buf b = BUF_INIT(cap ? cap - 1 : 0);

	if (methods & HTTP_GET)
		methods |= HTTP_HEAD;
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		if (!(methods & names[i].bit))
			continue;
		if (b.len)
			buf_adds(&b, ", ");
		buf_adds(&b, names[i].name);
	}
	if (cap)
		str_copy(out, cap, buf_error(&b) ? "" : b.buf);
	buf_release(&b);
}

static bool pattern_ok(const char *pat)
{
	size_t nparams = 0;
	const char *p = pat;

	if (*p != '/')
		return false;
	while (*p) {
		const char *e = seg_end(++p);	/* past the '/' */
		size_t n = (size_t)(e - p);

		if (memchr(p, '{', n) || memchr(p, '}', n)) {
			if (n < 3 || p[0] != '{' || p[n - 1] != '}' ||
			    memchr(p + 1, '{', n - 2) || memchr(p + 1, '}', n - 2))
				return false;
			if (p[n - 2] == '*' && (n < 4 || *e))
				return false;	/* {name*} only last */
			if (++nparams > HTTP_ROUTE_PARAMS_MAX)
				return false;
		}
		p = e;
	}
	return true;
}

int router_check(const struct route *routes, size_t n, struct err *err)
{
	for (size_t i = 0; i < n; i++) {
		const struct route *r = &routes[i];
		unsigned who = r->flags & (ROUTE_PUBLIC | ROUTE_AUTH);

		if (!r->fn || !r->methods || (r->methods & HTTP_OTHER) ||
		    !pattern_ok(r->pattern))
			return err_set(err, ERR_INVALID, "route %s: bad pattern,"
				       " methods or handler", r->pattern);
		if (who != ROUTE_PUBLIC && who != ROUTE_AUTH)
			return err_set(err, ERR_INVALID, "route %s: needs exactly"
				       " one of ROUTE_PUBLIC and ROUTE_AUTH",
				       r->pattern);
		if ((r->methods & UNSAFE_METHODS) && (r->flags & ROUTE_API) &&
		    (!(r->flags & ROUTE_AUTH) ||
		     (r->flags & (ROUTE_CSRF | ROUTE_FORM))))
			return err_set(err, ERR_INVALID, "route %s: an unsafe "
				       "API method is ROUTE_AUTH (a bearer "
				       "token), without ROUTE_CSRF or "
				       "ROUTE_FORM", r->pattern);
		if ((r->methods & UNSAFE_METHODS) && !(r->flags & ROUTE_API) &&
		    !(r->flags & ROUTE_CSRF))
			return err_set(err, ERR_INVALID, "route %s: an unsafe "
				       "method needs ROUTE_CSRF", r->pattern);
		if ((r->flags & ROUTE_FORM) && !(r->methods & HTTP_POST))
			return err_set(err, ERR_INVALID, "route %s: ROUTE_FORM "
				       "without POST", r->pattern);
		if ((r->flags & ROUTE_ASSET) && (r->methods & ~HTTP_GET))
			return err_set(err, ERR_INVALID, "route %s: assets are "
				       "GET only", r->pattern);
		if ((r->flags & ROUTE_SIGN_IN) &&
		    (!(r->flags & ROUTE_CSRF) || !(r->flags & ROUTE_PUBLIC) ||
		     (r->flags & ROUTE_API)))
			return err_set(err, ERR_INVALID, "route %s: ROUTE_SIGN_IN "
				       "is for a public page with ROUTE_CSRF",
				       r->pattern);
	}
	return 0;
}

/*
 * Is this unsafe request from one of our own pages?  Browsers send
 * Sec-Fetch-Site, and Origin on every POST; a request from another site
 * is refused whatever cookies it carries.  Clients that send neither
 * (curl, old browsers) get through to the auth layer's token check.
 */
static bool same_origin(const struct request *req)
{
	const char *site = req_header(req, "Sec-Fetch-Site");
	const char *origin = req_header(req, "Origin");
	const char *host = req_header(req, "Host");
	const char *scheme = req->tls ? "https://" : "http://";
	size_t sl = strlen(scheme);

	if (site && strcmp(site, "same-origin") && strcmp(site, "none"))
		return false;
	if (!origin)
		return true;
	return host && !strncmp(origin, scheme, sl) && !strcmp(origin + sl, host);
}

/* application/json, with parameters (charset) allowed. */
static bool json_content(const char *ct)
{
	static const char want[] = "application/json";
	size_t n = sizeof(want) - 1;

	return !strncasecmp(ct, want, n) && (ct[n] == '\0' || ct[n] == ';' ||
					      ct[n] == ' ');
}

static bool form_type(const char *ct)
{
	static const char want[] = "application/x-www-form-urlencoded";
	size_t n = sizeof(want) - 1;

	return !strncasecmp(ct, want, n) && (ct[n] == '\0' || ct[n] == ';' ||
					      ct[n] == ' ');
}

void web_dispatch(const struct route *routes, size_t n,
		  struct request *req, struct response *res)
{
	const struct route *rt;
	unsigned allow;

	if (req->status) {
		res_error(req, res, req->status);
		return;
	}
	rt = router_match(routes, n, req, &allow);
	if (!rt) {
		char methods[64];

		res_error(req, res, allow ? 405 : 404);
		if (allow) {
			router_allow(allow, methods, sizeof(methods));
			res_header(res, "Allow", methods);
		}
		return;
	}
	req->route = rt;
	if (rt->flags & ROUTE_API)
		req->api = true;
	if (req->method & UNSAFE_METHODS) {
		if ((rt->flags & ROUTE_CSRF) && !same_origin(req)) {
			res_error(req, res, 403);
			return;
		}
		if (rt->flags & ROUTE_FORM) {
			if (!form_type(req->content_type)) {
				res_error(req, res, 415);
				return;
			}
			if (request_parse_form(req)) {
				res_error(req, res, 400);
				return;
			}
		}
	}
	if (!(rt->flags & ROUTE_ASSET) && web_auth_hook &&
	    web_auth_hook(req, res, rt->flags))
		return;		/* the auth layer answered */
	if ((rt->flags & ROUTE_AUTH) && !req->user) {
		res_error(req, res, req->api ? 401 : 403);
		if (req->api)	/* RFC 6750: say how to authenticate */
			res_header(res, "WWW-Authenticate",
				   "Bearer realm=\"cartref\"");
		return;
	}
	/* an API write, signed in with its bearer token: a JSON body */
	if ((rt->flags & ROUTE_API) && (req->method & UNSAFE_METHODS)) {
		if (!json_content(req->content_type)) {
			res_error(req, res, 415);
			return;
		}
		if (req->body.len > API_BODY_MAX) {
			res_error(req, res, 413);
			return;
		}
	}
	rt->fn(req, res);
}
