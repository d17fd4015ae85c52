/*
 * api-ping.c: GET /api/v1/ping, a liveness check for load balancers and
 * the HTTP benchmark (bench/http.sh).  It touches nothing but the
 * response, and its body is a constant: no store, no JSON building.
 */
#include "base/compat.h"
#include "api/api.h"

void api_ping(struct request *req, struct response *res)
{
	(void)req;
	res_json_static(res, 200, "{\"status\":\"ok\",\"service\":\"cartref\"}");
}
