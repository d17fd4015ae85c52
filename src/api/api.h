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

/* GET /api/v1/ping: {"status":"ok","service":"cartref"} (api-ping.c). */
void api_ping(struct request *req, struct response *res);

/*
 * GET /api/v1/me: who the API token belongs to (api-me.c):
 * {"email", "name", "role", "organisation": {"kind", "code", "name"}}.
 */
void api_me(struct request *req, struct response *res);

#endif
