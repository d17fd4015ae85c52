/*
 * api-me.c: GET /api/v1/me, whose API token this is: the user and their
 * organisation.  A client checks its token with it; the tests check
 * with it that a revoked token or a disabled user's token stops working.
 * The auth hook has already checked the bearer token (web/session.h).
 */
#include "base/compat.h"
#include "api/api.h"
#include "web/session.h"

void api_me(struct request *req, struct response *res)
{
	const struct web_session *ws = web_session(req);

	if (!ws) {	/* ROUTE_AUTH: the router never lets this happen */
		res_error(req, res, 401);
		return;
	}
	res_json(res, 200, json_pack("{s:s, s:s, s:s, s:{s:s, s:s, s:s}}",
				     "email", ws->user.email,
				     "name", ws->user.name,
				     "role", role_name(ws->user.role),
				     "organisation",
				     "kind", org_kind_name(ws->org.kind),
				     "code", ws->org.code,
				     "name", ws->org.name_en));
}
