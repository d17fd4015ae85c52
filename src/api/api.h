/*
 * api.h: the JSON API under /api/v1/, one src/api/api-*.c file per
 * resource.  Handlers answer with res_json(); errors are
 * {"error": {"code": "...", "message": "..."}} (res_api_error(), or
 * res_error() for the standard ones).  router.c's table is the only
 * caller.
 */
#ifndef CARTREF_API_H
#define CARTREF_API_H

#include "base/compat.h"
#include "web/http.h"

/*
 * The largest JSON body a write takes (router.c answers 413 past it,
 * before the handler; docs/api.md "Writes").
 */
#define API_BODY_MAX (16 * 1024)

/* GET /api/v1/ping: {"status":"ok","service":"cartref"} (api-ping.c). */
void api_ping(struct request *req, struct response *res);

/*
 * GET /api/v1/me: who the API token belongs to (api-me.c):
 * {"email", "name", "role", "organisation": {"kind", "code", "name"}}.
 */
void api_me(struct request *req, struct response *res);

/*
 * The resources over children's data (docs/api.md, docs/openapi.json).
 * Each reads through the scoped store reads with the viewer of the token's
 * user (api-internal.h); a child or home out of scope is 404 like one
 * that does not exist, a role that sees aggregates only is 403.
 *
 * GET /api/v1/children?council=&q=&page=&page_size= (api-children.c):
 *	{"children": [child], "page", "page_size", "total"}
 * GET /api/v1/children/{council}/{ref}: the child's record, audited:
 *	{"access", "child", "placements", "missing_periods", ["outcomes"],
 *	 "truncated"}
 */
void api_children(struct request *req, struct response *res);
void api_child(struct request *req, struct response *res);

/*
 * GET /api/v1/homes?council=&type=&page=&page_size= (api-homes.c): the
 * register, {"homes": [home], "page", "page_size", "total"};
 * GET /api/v1/homes/{urn}: {"home", ["figures"], "children", "truncated"}.
 */
void api_homes(struct request *req, struct response *res);
void api_home_profile(struct request *req, struct response *res);

/*
 * GET /api/v1/missing/open?council=&urn=&page=&page_size= (api-missing.c):
 * {"missing": [row], "page", "page_size", "total"}, longest missing first.
 */
void api_missing_open(struct request *req, struct response *res);

/*
 * GET /api/v1/review?year=&la=&home=&publish= (api-review.c): the review
 * as its JSON contract (docs/review-json.md); exact or published by role.
 */
void api_review(struct request *req, struct response *res);

/*
 * Missing from care, recorded live (api-mfc.c; docs/api.md "Missing from
 * care").  Writes take a JSON object (api-internal.h, api_body()) and
 * answer the record as the viewer now sees it.
 *
 * GET  /api/v1/missing-episodes?council=&urn=&page=&page_size=
 *	the viewer's needs-attention list of open episodes:
 *	{"episodes": [row], "page", "page_size", "total"}
 * POST /api/v1/missing-episodes: a home reports; 201 {"access", "episode"}
 * GET  /api/v1/missing-episodes/{id}: {"access", "episode"}
 * POST /api/v1/missing-episodes/{id}/home, /police, /return, /interview:
 *	a step's fields; {"access", "episode"}
 * POST /api/v1/children/{council}/{ref}/strategy-meetings: 201 {"meeting"}
 * GET, PUT /api/v1/children/{council}/{ref}/grab-pack: {"grab_pack"}
 * GET  /api/v1/children/{council}/{ref}/missing-episodes:
 *	{"access", "council", "ref", "episodes", "strategy_meetings",
 *	 "truncated"}
 */
void api_mfc_list(struct request *req, struct response *res);
void api_mfc_report(struct request *req, struct response *res);
void api_mfc_get(struct request *req, struct response *res);
void api_mfc_home(struct request *req, struct response *res);
void api_mfc_police(struct request *req, struct response *res);
void api_mfc_return(struct request *req, struct response *res);
void api_mfc_interview(struct request *req, struct response *res);
void api_mfc_meeting_add(struct request *req, struct response *res);
void api_grab_pack_get(struct request *req, struct response *res);
void api_grab_pack_put(struct request *req, struct response *res);
void api_mfc_child(struct request *req, struct response *res);

/*
 * Alerts and the outbox (api-alerts.c; docs/api.md "Alerts"):
 *
 * GET  /api/v1/alerts?rule=&state=&council=&ref=&home=&page=&page_size=
 *	{"alerts": [alert], "page", "page_size", "total"}
 * GET  /api/v1/alert-items?(the same): {"items": [item], "page", ...}
 * GET  /api/v1/alerts/{id}: {"alert"}
 * POST /api/v1/alerts/{id}/acknowledge, /resolve {"note"}: {"alert"}
 * GET  /api/v1/outbox?since=&before=&limit=: {"messages": [message]}
 */
void api_alerts(struct request *req, struct response *res);
void api_alert_items(struct request *req, struct response *res);
void api_alert(struct request *req, struct response *res);
void api_alert_acknowledge(struct request *req, struct response *res);
void api_alert_resolve(struct request *req, struct response *res);
void api_outbox(struct request *req, struct response *res);

/*
 * The quality of care (api-quality.c; docs/api.md "Quality of care"):
 * inspections, findings, notifications and the recommendations register,
 * through quality/service.h.
 *
 * GET  /api/v1/homes/{urn}/inspections: {"urn", "inspections"}
 * POST /api/v1/homes/{urn}/inspections: 201 {"inspection"}
 * GET  /api/v1/inspections/{id}: {"inspection"}
 * POST /api/v1/findings/{id}/response, /judge: {"finding"}
 * GET  /api/v1/homes/{urn}/notifications?since=: {"urn", "notifications"}
 * POST /api/v1/homes/{urn}/notifications: 201 {"notification"}
 * GET  /api/v1/recommendations?theme=&source=: {"recommendations"}
 * GET  /api/v1/recommendations/{id}: {"recommendation"}
 * POST /api/v1/recommendations/{id}/addressees/{aid}/actions, /updates,
 *	/verdict, and /api/v1/recommendations/{id}/actions/{action}/done:
 *	{"addressee"}
 */
void api_home_inspections(struct request *req, struct response *res);
void api_home_inspection_add(struct request *req, struct response *res);
void api_inspection(struct request *req, struct response *res);
void api_finding_respond(struct request *req, struct response *res);
void api_finding_judge(struct request *req, struct response *res);
void api_home_notifications(struct request *req, struct response *res);
void api_home_notification_add(struct request *req, struct response *res);
void api_recs(struct request *req, struct response *res);
void api_rec(struct request *req, struct response *res);
void api_rec_action_add(struct request *req, struct response *res);
void api_rec_action_done(struct request *req, struct response *res);
void api_rec_update_add(struct request *req, struct response *res);
void api_rec_verdict(struct request *req, struct response *res);

#endif
