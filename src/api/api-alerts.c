/*
 * api-alerts.c: proactive alerts and the in-app outbox (issue 5;
 * docs/api.md "Alerts"; docs/alerts.md):
 *
 *   GET  /api/v1/alerts?rule=&state=&council=&ref=&home=&page=&page_size=
 *   GET  /api/v1/alert-items?(the same filters)
 *   GET  /api/v1/alerts/{id}
 *   POST /api/v1/alerts/{id}/acknowledge   {"note": "..."}
 *   POST /api/v1/alerts/{id}/resolve       {"note": "..."}
 *   GET  /api/v1/outbox?since=&before=&limit=
 *
 * An alert carries its severity, due time and whether it is overdue,
 * its facts (the structured data its words are written from) and its
 * words in English and Welsh (alert_text(): what happened, where, when
 * it was due, what to do), as the pages show them.  alert-items groups
 * the same alerts one item per child or home, most urgent first (issue
 * 9).
 *
 * Who sees an alert is src/alerts/'s decision (alerts_list() and
 * friends: the viewer's organisation must be a recipient; inspectors may
 * open any by id), and so is the audit.  An alert the viewer may not see
 * is 404 as one that does not exist; analysts and admins are 403.
 */
#include "base/compat.h"
#include "base/xalloc.h"
#include "alerts/alerts.h"
#include "api/api.h"
#include "api/api-internal.h"

#define OUTBOX_WINDOW 1000	/* messages looked at for ?since= */
#define OUTBOX_LIMIT_MAX 100

static json_t *words_json(struct api_json *j, const struct alert_row *r,
			  int64_t now, bool cy)
{
	struct alert_text t;
	json_t *o = json_object();

	alert_text(r, now, cy, &t);
	api_set(j, o, "title", json_string(alert_title(r->rule, cy)));
	api_set(j, o, "what", api_str(t.what));
	api_set(j, o, "where", api_str(t.where));
	api_set(j, o, "due", api_str(t.due));
	api_set(j, o, "todo", api_str(t.todo));
	return o;
}

/* The recommendation an alert is about, {"id", "code"}, or null. */
static json_t *rec_json(struct api_json *j, const struct alert_row *r)
{
	char code[ALERT_REC_CODE_MAX + 1];
	int64_t id = alert_rec_of(r, code);
	json_t *o;

	if (!id)
		return json_null();
	o = json_object();
	api_set(j, o, "id", json_integer(id));
	api_set(j, o, "code", api_str(code));
	return o;
}

static json_t *alert_json(struct api_json *j, const struct alert_row *r,
			  int64_t now)
{
	const struct alert_rule *rule = alert_rule_find(r->rule);
	json_t *o = json_object(), *text = json_object(), *facts, *home;

	api_set(j, o, "id", json_integer(r->id));
	api_set(j, o, "rule", api_str(r->rule));
	api_set(j, o, "title", rule ? json_string(rule->title_en) :
		json_null());
	api_set(j, o, "title_cy", rule ? json_string(rule->title_cy) :
		json_null());
	api_set(j, o, "key", api_str(r->key));
	api_set(j, o, "state", json_string(alert_state_name(r->state)));
	api_set(j, o, "severity",
		json_string(alert_severity_name(r->severity)));
	api_set(j, o, "due_at", api_time(r->due_at));
	api_set(j, o, "overdue", json_boolean(alert_is_overdue(r, now)));
	api_set(j, o, "council", api_str(r->la));
	api_set(j, o, "ref", api_str(r->ref));
	api_set(j, o, "named", json_boolean(!r->unnamed));
	api_set(j, o, "episode_id", r->episode_id ?
		json_integer(r->episode_id) : json_null());
	api_set(j, o, "urn", api_str(r->urn));
	if (r->home_urn[0]) {
		home = json_object();
		api_set(j, home, "urn", api_str(r->home_urn));
		api_set(j, home, "name", api_str(r->home_name));
	} else {
		home = json_null();
	}
	api_set(j, o, "home", home);
	api_set(j, o, "recommendation", rec_json(j, r));
	facts = r->facts[0] ? json_loads(r->facts, 0, NULL) : NULL;
	if (!json_is_object(facts)) {
		json_decref(facts);
		facts = json_object();
	}
	api_set(j, o, "facts", facts);
	api_set(j, text, "en", words_json(j, r, now, false));
	api_set(j, text, "cy", words_json(j, r, now, true));
	api_set(j, o, "text", text);
	api_set(j, o, "raised_at", api_time(r->raised_at));
	api_set(j, o, "escalate_at", api_time(r->escalate_at));
	api_set(j, o, "escalated_at", api_time(r->escalated_at));
	api_set(j, o, "cleared_at", api_time(r->cleared_at));
	api_set(j, o, "acknowledged_at", api_time(r->acknowledged_at));
	api_set(j, o, "acknowledged_by", api_str(r->acknowledged_by));
	api_set(j, o, "ack_note", api_str(r->ack_note));
	api_set(j, o, "resolved_at", api_time(r->resolved_at));
	api_set(j, o, "resolved_by", api_str(r->resolved_by));
	api_set(j, o, "resolve_note", api_str(r->resolve_note));
	return o;
}

/* An alert error: as a store read's, but "no alerts for this role". */
static void alert_error(struct request *req, struct response *res, int rc,
			const struct err *err, const char *what)
{
	if (rc == ERR_DENIED) {
		res_error(req, res, 403);
		res_api_error(res, 403, "forbidden", "Your role receives no "
			      "alerts.");
	} else {
		api_store_error(req, res, rc, err, what);
	}
}

/* ---- the lists ---------------------------------------------------------------- */

static const char *const list_params[] = {
	"rule", "state", "council", "ref", "home", "page", "page_size", NULL
};

/* The filters of both lists; 0, or the 400 written. */
static int list_filter(struct request *req, struct response *res,
		       struct alert_filter *f)
{
	const char *state = NULL;

	memset(f, 0, sizeof(*f));
	f->state = -1;
	if (api_params_only(req, res, list_params) ||
	    api_opt_str(req, res, "rule", ALERT_RULE_MAX, &f->rule) ||
	    api_opt_str(req, res, "state", 16, &state) ||
	    api_opt_str(req, res, "council", API_FILTER_MAX, &f->la) ||
	    api_opt_str(req, res, "ref", API_FILTER_MAX, &f->ref) ||
	    api_opt_str(req, res, "home", API_FILTER_MAX, &f->home) ||
	    api_paging(req, res, &f->page, &f->page_size))
		return 1;
	if (state && (!strcmp(state, "any") || !strcmp(state, "all"))) {
		f->state = ALERT_NSTATES;
	} else if (state && strcmp(state, "live")) {
		enum alert_state st;

		if (alert_state_parse(state, &st)) {
			res_api_error(res, 400, "invalid_parameter",
				      "parameter \"state\" is not valid");
			return 1;
		}
		f->state = (int)st;
	}
	return 0;
}

void api_alerts(struct request *req, struct response *res)
{
	struct alert_filter f;
	struct alert_page *pg = NULL;
	struct api_json j = { false };
	struct err err = ERR_INIT;
	struct store *s;
	struct viewer v;
	json_t *root, *rows;
	int rc;

	if (list_filter(req, res, &f) || api_viewer(req, res, &s, &v))
		return;
	pg = xmalloc(sizeof(*pg));
	rc = alerts_list(s, &v, &f, pg, &err);
	if (rc) {
		alert_error(req, res, rc, &err, "listing alerts");
		goto out;
	}
	root = json_object();
	rows = json_array();
	for (size_t i = 0; i < pg->n; i++)
		api_push(&j, rows, alert_json(&j, &pg->rows[i], v.now_ms));
	api_set(&j, root, "alerts", rows);
	api_page_meta(&j, root, pg->page, pg->page_size, pg->total);
	api_reply(req, res, &j, root);
out:
	free(pg);
}

static json_t *item_json(struct api_json *j, const struct alert_item_page *pg,
			 const struct alert_item *it, int64_t now)
{
	const struct alert_row *lead = &pg->reasons[it->first];
	json_t *o = json_object(), *reasons = json_array(), *x;

	if (it->ref[0] || it->unnamed) {
		/* an unnamed child: its council only (docs/alerts.md) */
		x = json_object();
		api_set(j, x, "council", api_str(it->la));
		api_set(j, x, "ref", it->unnamed ? json_null() :
			api_str(it->ref));
	} else {
		x = json_null();
	}
	api_set(j, o, "child", x);
	if (!it->ref[0] && !it->unnamed && it->urn[0]) {
		x = json_object();
		api_set(j, x, "urn", api_str(it->urn));
		api_set(j, x, "name", api_str(lead->home_name));
	} else {
		x = json_null();
	}
	api_set(j, o, "home", x);
	api_set(j, o, "recommendation", rec_json(j, lead));
	api_set(j, o, "severity", json_string(alert_severity_name(
						  it->severity)));
	api_set(j, o, "due_at", api_time(it->due_at));
	api_set(j, o, "overdue", json_boolean(alert_is_overdue(lead, now)));
	api_set(j, o, "newest_at", api_time(it->newest_at));
	api_set(j, o, "reasons_total", json_integer(it->nall));
	for (size_t k = it->first; k < it->first + it->n; k++)
		api_push(j, reasons, alert_json(j, &pg->reasons[k], now));
	api_set(j, o, "reasons", reasons);
	return o;
}

void api_alert_items(struct request *req, struct response *res)
{
	struct alert_filter f;
	struct alert_item_page *pg = NULL;
	struct api_json j = { false };
	struct err err = ERR_INIT;
	struct store *s;
	struct viewer v;
	json_t *root, *rows;
	int rc;

	if (list_filter(req, res, &f) || api_viewer(req, res, &s, &v))
		return;
	pg = xcalloc(1, sizeof(*pg));
	rc = alerts_items_list(s, &v, &f, pg, &err);
	if (rc) {
		alert_error(req, res, rc, &err, "listing alert items");
		goto out;
	}
	root = json_object();
	rows = json_array();
	for (size_t i = 0; i < pg->n; i++)
		if (pg->items[i].n)
			api_push(&j, rows, item_json(&j, pg, &pg->items[i],
						     v.now_ms));
	api_set(&j, root, "items", rows);
	api_page_meta(&j, root, pg->page, pg->page_size, pg->total);
	api_reply(req, res, &j, root);
out:
	alert_item_page_release(pg);
	free(pg);
}

/* ---- one alert ---------------------------------------------------------------- */

static const char *const no_params[] = { NULL };

static void reply_alert(struct request *req, struct response *res,
			const struct alert_row *r, int64_t now)
{
	struct api_json j = { false };
	json_t *root = json_object();

	api_set(&j, root, "alert", alert_json(&j, r, now));
	api_reply(req, res, &j, root);
}

void api_alert(struct request *req, struct response *res)
{
	struct alert_row *r = NULL;
	struct err err = ERR_INIT;
	struct store *s;
	struct viewer v;
	int64_t id;
	int rc;

	if (api_params_only(req, res, no_params) ||
	    api_path_id(req, res, "id", &id) ||
	    api_viewer(req, res, &s, &v))
		return;
	r = xmalloc(sizeof(*r));
	rc = alerts_get(s, &v, id, r, &err);
	if (rc)
		alert_error(req, res, rc, &err, "reading an alert");
	else
		reply_alert(req, res, r, v.now_ms);
	free(r);
}

static const char *const note_fields[] = { "note", NULL };

static void answer(struct request *req, struct response *res, bool resolve)
{
	struct alert_row *r = NULL;
	struct audit_writer *w;
	struct err err = ERR_INIT;
	char note[ALERT_NOTE_MAX + 1] = "";
	struct store *s;
	struct viewer v;
	json_t *body = NULL;
	int64_t id;
	int rc;

	if (api_params_only(req, res, no_params) ||
	    api_path_id(req, res, "id", &id) ||
	    api_viewer(req, res, &s, &v) ||
	    api_body(req, res, note_fields, &body))
		return;
	if (api_body_text(res, body, "note", note, sizeof(note), NULL))
		goto out;
	if (!note[0]) {
		api_field_error(res, "note", "required", "note: say what was "
				"done (1 to 1000 bytes)");
		goto out;
	}
	r = xmalloc(sizeof(*r));
	/* the audit row commits with the answer: not the group writer */
	w = api_write_begin(s);
	rc = resolve ? alerts_resolve(s, &v, id, note, &err) :
		       alerts_ack(s, &v, id, note, &err);
	api_write_end(s, w);
	if (!rc)
		rc = alerts_get(s, &v, id, r, &err);
	if (rc == ERR_INVALID)
		api_field_error(res, "note", "invalid", err_text(&err));
	else if (rc == ERR_CONSTRAINT)	/* not in a state to answer */
		res_api_error(res, 409, "conflict", resolve ?
			      "The alert is resolved or cleared already." :
			      "Only an open alert can be acknowledged.");
	else if (rc)
		alert_error(req, res, rc, &err, resolve ? "resolving an alert" :
			    "acknowledging an alert");
	else
		reply_alert(req, res, r, v.now_ms);
out:
	json_decref(body);
	free(r);
}

void api_alert_acknowledge(struct request *req, struct response *res)
{
	answer(req, res, false);
}

void api_alert_resolve(struct request *req, struct response *res)
{
	answer(req, res, true);
}

/* ---- the outbox ---------------------------------------------------------------- */

static const char *const outbox_params[] = {
	"since", "before", "limit", NULL
};

struct collect {
	struct outbox_row *rows;
	size_t n, alloc;
	int64_t since;
};

static int collect_one(const struct outbox_row *r, void *ctx)
{
	struct collect *c = ctx;

	if (r->id <= c->since)
		return 0;
	ALLOC_GROW(c->rows, c->n + 1, c->alloc);
	c->rows[c->n++] = *r;
	return 0;
}

static json_t *message_json(struct api_json *j, const struct outbox_row *r)
{
	json_t *o = json_object(), *body;

	api_set(j, o, "id", json_integer(r->id));
	api_set(j, o, "alert_id", json_integer(r->alert_id));
	api_set(j, o, "event", api_str(r->event));
	api_set(j, o, "created_at", api_time(r->created_at));
	/* the body is the JSON the webhook gets; ours, so an object */
	body = json_loads(r->body, JSON_REJECT_DUPLICATES, NULL);
	if (!json_is_object(body)) {
		json_decref(body);
		body = json_object();
	}
	api_set(j, o, "body", body);
	return o;
}

void api_outbox(struct request *req, struct response *res)
{
	struct collect c = { NULL, 0, 0, 0 };
	struct api_json j = { false };
	struct err err = ERR_INIT;
	struct store *s;
	struct viewer v;
	int64_t since, before, limit;
	json_t *root, *rows;
	size_t from = 0, to;
	int rc;

	if (api_params_only(req, res, outbox_params) ||
	    api_opt_int(req, res, "since", 0, INT64_MAX, -1, &since) ||
	    api_opt_int(req, res, "before", 0, INT64_MAX, 0, &before) ||
	    api_opt_int(req, res, "limit", 1, OUTBOX_LIMIT_MAX, 50, &limit))
		return;
	if (since >= 0 && before) {
		res_api_error(res, 400, "invalid_parameter", "Give since or "
			      "before, not both.");
		return;
	}
	if (api_viewer(req, res, &s, &v))
		return;
	c.since = since;	/* -1: every message */
	rc = alerts_outbox_list(s, &v, before, since >= 0 ? OUTBOX_WINDOW :
				(long)limit, collect_one, &c, &err);
	if (rc) {
		alert_error(req, res, rc, &err, "listing the outbox");
		goto out;
	}
	root = json_object();
	rows = json_array();
	to = c.n;
	if (since >= 0) {
		/* oldest first after since, at most limit of them */
		if (c.n > (size_t)limit)
			from = c.n - (size_t)limit;
		for (size_t i = to; i-- > from;)
			api_push(&j, rows, message_json(&j, &c.rows[i]));
	} else {
		for (size_t i = 0; i < to; i++)
			api_push(&j, rows, message_json(&j, &c.rows[i]));
	}
	api_set(&j, root, "messages", rows);
	api_reply(req, res, &j, root);
out:
	free(c.rows);
}
