/*
 * layout.h: the page shell every HTML page shares (GOV.UK Frontend's
 * template, without GOV.UK's own branding): skip link, header with the
 * service name, for someone signed in (web_session()) a service
 * navigation bar with their name, organisation and a sign-out button (a
 * POST form with the session's CSRF token), phase banner (a
 * demonstration with made-up children under `serve --demo`, else Beta
 * with a feedback link), a language switch that keeps the path and
 * query, the main element, and a footer with the service pages (help,
 * accessibility statement, privacy, cookies: page-service.c), who runs
 * the service and the Open Government Licence lines; all in the
 * request's language (<html lang="en|cy">).
 *
 *	layout_start(req, res, tr(req, "Page not found", "..."));
 *	... main content, through res_markup() and the escaping sinks ...
 *	layout_end(req, res);
 *
 * Only external stylesheets are linked (the CSP allows no inline style
 * or script), each with ?v=<content hash> so they can be cached for a
 * year.
 */
#ifndef CARTREF_WEB_LAYOUT_H
#define CARTREF_WEB_LAYOUT_H

#include "base/compat.h"
#include "web/http.h"

/* Everything before the page's own content; title is plain text. */
void layout_start(struct request *req, struct response *res,
		  const char *title);
/* Everything after it. */
void layout_end(struct request *req, struct response *res);

/*
 * This deployment as `cartref serve` was told (web_config): is it a
 * demonstration (--demo), who runs it in the request's language
 * (--operator, --operator-cy) and the address to write to
 * (--contact-email).  Without a running server (unit tests) or an
 * option, the demonstration's defaults (WEB_OPERATOR_EN, ...); web_demo()
 * is then false.
 */
bool web_demo(const struct request *req);
const char *web_operator(const struct request *req);
const char *web_contact_email(const struct request *req);

#endif
