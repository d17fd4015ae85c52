/*
 * pages.h: the HTML pages, one src/web/page-*.c file each, and the
 * static asset handler.  router.c's table is the only caller.
 */
#ifndef CARTREF_WEB_PAGES_H
#define CARTREF_WEB_PAGES_H

#include "base/compat.h"
#include "web/http.h"

/* GET /: what the service is; signed in, to /home (page-start.c). */
void page_start(struct request *req, struct response *res);

/*
 * GET /sign-in: the sign-in form, with its pre-session CSRF token;
 * POST /sign-in: check the email address and password (throttled), start
 * a new session and go to ?next= or /home; POST /sign-out: end the
 * session and go back to the form (page-signin.c).
 */
void page_sign_in(struct request *req, struct response *res);
void page_sign_in_post(struct request *req, struct response *res);
void page_sign_out(struct request *req, struct response *res);

/*
 * The service pages, public and linked from every page's footer
 * (page-service.c): GET /help (help and contact), /accessibility (the
 * accessibility statement), /privacy (the privacy notice) and /cookies.
 */
void page_help(struct request *req, struct response *res);
void page_accessibility(struct request *req, struct response *res);
void page_privacy(struct request *req, struct response *res);
void page_cookies(struct request *req, struct response *res);

/* GET /home: what needs the signed-in user's attention (page-home.c). */
void page_home(struct request *req, struct response *res);

/*
 * GET /dashboard and /dashboard/council/{code} (?year=): the review's
 * figures, charts and map, exact or published by role (page-dashboard.c).
 */
void page_dashboard(struct request *req, struct response *res);
void page_dashboard_council(struct request *req, struct response *res);

/* GET /homes (?council=&type=&page=): the register (page-homes.c). */
void page_homes(struct request *req, struct response *res);
/* GET /homes/{urn}: one home's profile (page-home-profile.c). */
void page_home_profile(struct request *req, struct response *res);

/* GET /children (?council=&q=&page=): the children in scope
 * (page-children.c). */
void page_children(struct request *req, struct response *res);
/* GET /children/{council}/{ref}: one child's record (page-child.c). */
void page_child(struct request *req, struct response *res);

/*
 * Missing from care, recorded live (page-missing.c): GET/POST
 * /children/{council}/{ref}/missing/new (the home's report), GET
 * /missing/{id} (the episode, a section per agency) and the POSTs of
 * each section's form: /missing/{id}/home, /police, /return, /interview,
 * /meeting.
 */
void page_missing_new(struct request *req, struct response *res);
void page_missing_new_post(struct request *req, struct response *res);
void page_missing(struct request *req, struct response *res);
void page_missing_home(struct request *req, struct response *res);
void page_missing_police(struct request *req, struct response *res);
void page_missing_return(struct request *req, struct response *res);
void page_missing_interview(struct request *req, struct response *res);
void page_missing_meeting(struct request *req, struct response *res);
/* GET /missing/report: a home manager chooses the child to report. */
void page_missing_report(struct request *req, struct response *res);

/*
 * The quality of care of a home (issue 13; page-quality.c): GET/POST
 * /homes/{urn}/inspections/new (an inspector records an inspection),
 * GET /inspections/{id} (its ratings and findings), POST
 * /findings/{id}/response (the provider's action plan), GET/POST
 * /homes/{urn}/notifications/new (the home files a reg 60 notification;
 * ?episode= fills it from a missing episode) and GET
 * /homes/{urn}/notifications (the home's timeline).
 */
void page_inspection_new(struct request *req, struct response *res);
void page_inspection_new_post(struct request *req, struct response *res);
void page_inspection(struct request *req, struct response *res);
void page_finding_response(struct request *req, struct response *res);
void page_notification_new(struct request *req, struct response *res);
void page_notification_new_post(struct request *req, struct response *res);
void page_notifications(struct request *req, struct response *res);

/*
 * GET /data-quality: what to check in the returns (page-data-quality.c):
 * periods missing a return left open, placements left open for someone
 * who has turned 18, live episodes open for weeks.
 */
void page_data_quality(struct request *req, struct response *res);

/* GET/POST /children/{council}/{ref}/grab-pack (page-grab-pack.c). */
void page_grab_pack(struct request *req, struct response *res);
void page_grab_pack_post(struct request *req, struct response *res);

/*
 * GET /alerts (?state=&rule=&home=&child=&page=), GET /alerts/{id}, POST
 * /alerts/{id}/acknowledge, /alerts/{id}/acknowledge-all and
 * /alerts/{id}/resolve (page-alerts.c).
 */
void page_alerts(struct request *req, struct response *res);
void page_alert(struct request *req, struct response *res);
void page_alert_ack(struct request *req, struct response *res);
void page_alert_ack_all(struct request *req, struct response *res);
void page_alert_resolve(struct request *req, struct response *res);

/*
 * The recommendations register (issue 13; page-recs.c): GET
 * /recommendations (?theme=&source=), GET /recommendations/{id}, and the
 * POSTs of an addressee's follow-up under
 * /recommendations/{id}/addressees/{aid}/: actions, updates, verdict, and
 * /recommendations/{id}/actions/{action}/done.
 */
void page_recs(struct request *req, struct response *res);
void page_rec(struct request *req, struct response *res);
void page_rec_action(struct request *req, struct response *res);
void page_rec_action_done(struct request *req, struct response *res);
void page_rec_update(struct request *req, struct response *res);
void page_rec_verdict(struct request *req, struct response *res);
/* page-rec-new.c: an inspector adds a recommendation */
void page_rec_new(struct request *req, struct response *res);
void page_rec_new_post(struct request *req, struct response *res);

/*
 * Managing users and their API tokens, for administrators only; anyone
 * else gets the 404 page and an audited refusal (page-admin.c):
 * GET /admin/users (?org=&role=&status=&page=), GET/POST
 * /admin/users/new, GET /admin/users/{id}, POST /admin/users/{id}/enable,
 * GET/POST /admin/users/{id}/disable and /reset (confirm, then do), POST
 * /admin/users/{id}/tokens, GET/POST
 * /admin/users/{id}/tokens/{tid}/revoke.
 */
void page_admin_users(struct request *req, struct response *res);
void page_admin_user_new(struct request *req, struct response *res);
void page_admin_user_new_post(struct request *req, struct response *res);
void page_admin_user(struct request *req, struct response *res);
void page_admin_user_enable_post(struct request *req, struct response *res);
void page_admin_user_disable(struct request *req, struct response *res);
void page_admin_user_disable_post(struct request *req, struct response *res);
void page_admin_user_reset(struct request *req, struct response *res);
void page_admin_user_reset_post(struct request *req, struct response *res);
void page_admin_token_new_post(struct request *req, struct response *res);
void page_admin_token_revoke(struct request *req, struct response *res);
void page_admin_token_revoke_post(struct request *req, struct response *res);

/*
 * The friendly error page for status (400, 401, 403, 404, 405, 413, 414,
 * 415, 429, 500, 503; anything else reads as 500) in the request's language
 * (page-error.c).  It says what the reader can do, never what went
 * wrong inside.  Called through res_error().
 */
void page_error(struct request *req, struct response *res, int status);

/* GET /assets/{file*}: a file from the in-memory asset table (assets.c). */
void web_asset(struct request *req, struct response *res);

#endif
