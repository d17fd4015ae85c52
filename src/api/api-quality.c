/*
 * api-quality.c: the quality of care (issue 13; docs/api.md "Quality of
 * care"; docs/inspections.md): the JSON face of src/quality/service.h.
 *
 *   GET  /api/v1/homes/{urn}/inspections          a home's inspections
 *   POST /api/v1/homes/{urn}/inspections          an inspector records one
 *   GET  /api/v1/inspections/{id}                 one, with its findings
 *   POST /api/v1/findings/{id}/response           the provider's plan
 *   POST /api/v1/findings/{id}/judge              met / not met
 *   GET  /api/v1/homes/{urn}/notifications        a home's reg 60 notices
 *   POST /api/v1/homes/{urn}/notifications        a home files one
 *   GET  /api/v1/recommendations                  the register
 *   GET  /api/v1/recommendations/{id}             one, in full
 *   POST /api/v1/recommendations/{id}/addressees/{aid}/actions
 *   POST /api/v1/recommendations/{id}/actions/{action}/done
 *   POST /api/v1/recommendations/{id}/addressees/{aid}/updates
 *   POST /api/v1/recommendations/{id}/addressees/{aid}/verdict
 *
 * Who may see and change what is the service's decision (quality_may()
 * through quality/service.h, with the viewer of the token's user), and
 * so is the audit: a role that may never do a thing is 403, a home or
 * row out of the viewer's scope 404 as one that does not exist.  A
 * check's problem is 400 naming the member (for a finding of an
 * inspection, the finding's member, with "findings" in the message).
 *
 * The audit row of a write must commit with it, so the server's
 * group-commit audit writer is unbound around each write
 * (api_write_begin()).
 */
#include "base/compat.h"
#include "base/xalloc.h"
#include "api/api.h"
#include "api/api-internal.h"
#include "quality/rec-view.h"
#include "quality/service.h"
#include "web/session.h"

#define FINDINGS_MAX 100	/* findings in one inspection's body */

/* ---- shapes -------------------------------------------------------------- */

static json_t *code_or_null(const char *code)
{
	return code && code[0] ? json_string(code) : json_null();
}

static json_t *finding_json(struct api_json *j, const struct viewer *v,
			    const struct q_finding *f)
{
	json_t *o = json_object();
	bool out = q_finding_outstanding(f->status);

	api_set(j, o, "id", json_integer(f->id));
	api_set(j, o, "inspection_id", json_integer(f->inspection_id));
	api_set(j, o, "urn", api_str(f->urn));
	api_set(j, o, "kind", json_string(q_finding_kind_code(f->kind)));
	api_set(j, o, "regulation", api_str(f->regulation));
	api_set(j, o, "text", api_str(f->text));
	api_set(j, o, "due_on", api_date(f->due_on));
	api_set(j, o, "status", json_string(q_finding_status_code(f->status)));
	api_set(j, o, "outstanding", json_boolean(out));
	api_set(j, o, "overdue", json_boolean(out && f->due_on != DATE_NONE &&
					       f->due_on < v->today));
	api_set(j, o, "judged_on", api_date(f->judged_on));
	api_set(j, o, "judged_inspection_id", f->judged_inspection_id ?
		json_integer(f->judged_inspection_id) : json_null());
	api_set(j, o, "repeats_id", f->repeats_id ?
		json_integer(f->repeats_id) : json_null());
	api_set(j, o, "response", api_str(f->response));
	api_set(j, o, "response_target_on", api_date(f->response_target_on));
	api_set(j, o, "responded_at", api_time(f->responded_at));
	api_set(j, o, "responded_by", api_str(f->responded_by));
	return o;
}

static json_t *inspection_json(struct api_json *j, const struct viewer *v,
			       const struct q_inspection *i,
			       const struct q_finding *f, size_t nf)
{
	json_t *o = json_object(), *ratings = json_object();
	json_t *arr = json_array();

	api_set(j, o, "id", json_integer(i->id));
	api_set(j, o, "urn", api_str(i->urn));
	api_set(j, o, "start_on", api_date(i->start_on));
	api_set(j, o, "end_on", api_date(i->end_on));
	api_set(j, o, "type", json_string(q_insp_type_code(i->type)));
	api_set(j, o, "inspectors", api_str(i->inspectors));
	for (int t = 0; t < Q_NTHEMES; t++)
		api_set(j, ratings, q_theme_code((enum q_theme)t),
			code_or_null(q_rating_code(i->rating[t])));
	api_set(j, o, "ratings", ratings);
	api_set(j, o, "summary", api_str(i->summary));
	api_set(j, o, "recorded_at", api_time(i->recorded_at));
	api_set(j, o, "recorded_by", api_str(i->recorded_by));
	for (size_t k = 0; k < nf; k++)
		if (f[k].inspection_id == i->id)
			api_push(j, arr, finding_json(j, v, &f[k]));
	api_set(j, o, "findings", arr);
	return o;
}

static json_t *notification_json(struct api_json *j,
				 const struct q_notification *n)
{
	const struct notif_category *c = notif_category_find(n->category);
	json_t *o = json_object();

	api_set(j, o, "id", json_integer(n->id));
	api_set(j, o, "urn", api_str(n->urn));
	api_set(j, o, "category", api_str(n->category));
	api_set(j, o, "category_name", c ? json_string(c->en) : json_null());
	api_set(j, o, "category_name_cy", c ? json_string(c->cy) :
		json_null());
	api_set(j, o, "occurred_at", api_time(n->occurred_at));
	api_set(j, o, "council", api_str(n->la));
	api_set(j, o, "ref", api_str(n->ref));
	api_set(j, o, "episode_id", n->episode_id ?
		json_integer(n->episode_id) : json_null());
	api_set(j, o, "summary", api_str(n->summary));
	api_set(j, o, "action", api_str(n->action));
	api_set(j, o, "filed_at", api_time(n->filed_at));
	api_set(j, o, "filed_by", api_str(n->filed_by));
	return o;
}

static json_t *action_json(struct api_json *j, const struct viewer *v,
			   const struct rec_action *a)
{
	json_t *o = json_object();

	api_set(j, o, "id", json_integer(a->id));
	api_set(j, o, "addressee_id", json_integer(a->addressee_id));
	api_set(j, o, "what", api_str(a->what));
	api_set(j, o, "who", api_str(a->who));
	api_set(j, o, "target_on", api_date(a->target_on));
	api_set(j, o, "done_on", api_date(a->done_on));
	api_set(j, o, "overdue",
		json_boolean(rec_view_action_overdue(a, v->today)));
	api_set(j, o, "recorded_at", api_time(a->recorded_at));
	api_set(j, o, "recorded_by", api_str(a->recorded_by));
	return o;
}

static json_t *update_json(struct api_json *j, const struct rec_update *u)
{
	json_t *o = json_object();

	api_set(j, o, "id", json_integer(u->id));
	api_set(j, o, "addressee_id", json_integer(u->addressee_id));
	api_set(j, o, "at", api_time(u->at));
	api_set(j, o, "by", api_str(u->by));
	api_set(j, o, "note", api_str(u->note));
	api_set(j, o, "status", json_string(rec_status_code(u->status)));
	return o;
}

/* An addressee; with its actions and updates when full. */
static json_t *addressee_json(struct api_json *j, const struct viewer *v,
			      const struct quality_set *q,
			      const struct rec_addressee *a, bool full)
{
	json_t *o = json_object();

	api_set(j, o, "id", json_integer(a->id));
	api_set(j, o, "recommendation_id", json_integer(a->rec_id));
	api_set(j, o, "kind", json_string(org_kind_name(a->kind)));
	api_set(j, o, "code", api_str(a->code));
	api_set(j, o, "name_en", api_str(a->name_en));
	api_set(j, o, "name_cy", api_str(a->name_cy));
	api_set(j, o, "yours", json_boolean(quality_addressee_is(v, a->kind,
								 a->code)));
	api_set(j, o, "status", json_string(rec_status_code(a->status)));
	api_set(j, o, "verdict", code_or_null(rec_verdict_code(a->verdict)));
	api_set(j, o, "verdict_reason", api_str(a->verdict_reason));
	api_set(j, o, "verdict_on", api_date(a->verdict_on));
	api_set(j, o, "verdict_by", api_str(a->verdict_by));
	api_set(j, o, "last_update_at", api_time(a->last_update_at));
	api_set(j, o, "overdue_actions",
		json_integer(rec_view_overdue(q, a->id, v->today)));
	if (full) {
		json_t *acts = json_array(), *ups = json_array();

		for (size_t k = 0; k < q->nactions; k++)
			if (q->actions[k].addressee_id == a->id)
				api_push(j, acts,
					 action_json(j, v, &q->actions[k]));
		for (size_t k = 0; k < q->nupdates; k++)
			if (q->updates[k].addressee_id == a->id)
				api_push(j, ups, update_json(j,
							     &q->updates[k]));
		api_set(j, o, "actions", acts);
		api_set(j, o, "updates", ups);
	}
	return o;
}

static json_t *counts_json(struct api_json *j, const struct rec_kind_count *c)
{
	json_t *o = json_object();

	api_set(j, o, "addressees", json_integer(c->n));
	api_set(j, o, "done", json_integer(c->done));
	api_set(j, o, "accepted", json_integer(c->accepted));
	api_set(j, o, "overdue", json_integer(c->overdue));
	return o;
}

/* Recommendation q->recs[i]: with every addressee in full when full,
 * else the counts by kind and the viewer's own addressees. */
static json_t *rec_json(struct api_json *j, const struct viewer *v,
			const struct quality_set *q, size_t i, bool full)
{
	const struct rec *r = &q->recs[i];
	struct rec_kind_count by[ORG_NKINDS], all;
	json_t *o = json_object(), *reps = json_array(), *later = json_array();
	json_t *adds = json_array(), *kinds = json_object();
	int32_t since;
	long times = rec_view_times(q, i, &since);

	api_set(j, o, "id", json_integer(r->id));
	api_set(j, o, "code", api_str(r->code));
	api_set(j, o, "source", json_string(rec_source_code(r->source)));
	api_set(j, o, "source_title", api_str(r->source_title));
	api_set(j, o, "made_on", api_date(r->made_on));
	api_set(j, o, "theme", api_str(r->theme));
	api_set(j, o, "text_en", api_str(r->text_en));
	api_set(j, o, "text_cy", api_str(r->text_cy));
	api_set(j, o, "all_councils", json_boolean(r->all_councils));
	for (size_t k = 0; k < q->nrepeats; k++) {
		if (q->repeats[k].rec_id == r->id)
			api_push(j, reps,
				 json_integer(q->repeats[k].earlier_id));
		if (q->repeats[k].earlier_id == r->id)
			api_push(j, later, json_integer(q->repeats[k].rec_id));
	}
	api_set(j, o, "repeats", reps);
	api_set(j, o, "repeated_by", later);
	api_set(j, o, "times_made", json_integer(times));
	api_set(j, o, "made_since", api_date(since));
	rec_view_counts(q, r->id, v->today, by, &all);
	for (int k = 0; k < ORG_NKINDS; k++)
		if (by[k].n)
			api_set(j, kinds, org_kind_name((enum org_kind)k),
				counts_json(j, &by[k]));
	api_set(j, o, "counts", counts_json(j, &all));
	api_set(j, o, "counts_by_kind", kinds);
	for (size_t k = 0; k < q->naddressees; k++) {
		const struct rec_addressee *a = &q->addressees[k];

		if (a->rec_id != r->id)
			continue;
		if (full || quality_addressee_is(v, a->kind, a->code))
			api_push(j, adds, addressee_json(j, v, q, a, full));
	}
	api_set(j, o, full ? "addressees" : "your_addressees", adds);
	return o;
}

/* ---- errors -------------------------------------------------------------- */

/* A read's error: ERR_DENIED is the role (403), as for the alerts. */
static void read_error(struct request *req, struct response *res, int rc,
		       const struct err *err, const char *what)
{
	if (rc == ERR_DENIED) {
		res_error(req, res, 403);
		res_api_error(res, 403, "forbidden", "Your role does not see "
			      "this.");
	} else {
		api_store_error(req, res, rc, err, what);
	}
}

/* The JSON member of a check's field: the checks name the CSV columns
 * of docs/inspections.md (or the service its own words). */
static const struct {
	const char *field, *member;
} members[] = {
	{ "START", "start_on" }, { "END", "end_on" }, { "TYPE", "type" },
	{ "INSPECTORS", "inspectors" }, { "WELLBEING", "rating_wellbeing" },
	{ "CARE_SUPPORT", "rating_care_support" },
	{ "ENVIRONMENT", "rating_environment" },
	{ "LEADERSHIP", "rating_leadership" }, { "SUMMARY", "summary" },
	{ "KIND", "kind" }, { "REGULATION", "regulation" }, { "TEXT", "text" },
	{ "DUE", "due_on" }, { "REPEATS", "repeats_id" },
	{ "RESPONSE", "response" }, { "RESPONSE_TARGET", "target_on" },
	{ "target", "target_on" }, { "CATEGORY", "category" },
	{ "OCCURRED_AT", "occurred_at" }, { "LA", "council" },
	{ "CHILD", "ref" }, { "child", "ref" }, { "episode", "episode_id" },
	{ "ACTION", "action" }, { "WHAT", "what" }, { "WHO", "who" },
	{ "TARGET", "target_on" }, { "NOTE", "note" }, { "STATUS", "status" },
};

static const char *member_of(const char *field)
{
	for (size_t i = 0; i < ARRAY_SIZE(members); i++)
		if (!strcmp(field, members[i].field))
			return members[i].member;
	return field;
}

/* A write's error: a check's problem names its member. */
static void write_error(struct request *req, struct response *res, int rc,
			const struct q_problem *p, const struct err *err,
			const char *what)
{
	if (rc == ERR_INVALID && p->field && p->field[0])
		api_field_error(res, member_of(p->field),
				p->rule ? p->rule : "invalid",
				p->msg[0] ? p->msg : err_text(err));
	else
		api_write_error(req, res, rc, err, what);
}

/* A {urn} segment: 404 when it cannot name a home. */
static int urn_param(struct request *req, struct response *res,
		     const char **urn)
{
	*urn = req_param_get(req, "urn");
	if (!*urn || !(*urn)[0] || strlen(*urn) > S903_URN_MAX) {
		res_error(req, res, 404);
		return 404;
	}
	return 0;
}

/* A required member is absent: 400 "required". */
static int required(struct response *res, const char *field, bool seen)
{
	char msg[96];

	if (seen)
		return 0;
	snprintf(msg, sizeof(msg), "%s: is required", field);
	return api_field_error(res, field, "required", msg);
}

/* A member that is one of a code list, parsed by parse: 400 naming it. */
static int body_code(struct response *res, const json_t *body,
		     const char *name, bool need, char *buf, size_t cap,
		     bool *seen)
{
	bool had;

	if (api_body_text(res, body, name, buf, cap, &had))
		return 400;
	if (seen)
		*seen = had;
	if (need && (!had || !buf[0]))
		return required(res, name, false);
	return 0;
}

static int bad_code(struct response *res, const char *name)
{
	char msg[96];

	snprintf(msg, sizeof(msg), "%s: is not one of its codes", name);
	return api_field_error(res, name, "code", msg);
}

/* ---- inspections --------------------------------------------------------- */

/* No query parameter, or (a body) no member: {}. */
static const char *const no_params[] = { NULL };

void api_home_inspections(struct request *req, struct response *res)
{
	struct quality_set q = QUALITY_SET_INIT;
	struct api_json j = { false };
	struct err err = ERR_INIT;
	struct store *s;
	struct viewer v;
	const char *urn;
	json_t *root, *arr;
	int rc;

	if (api_params_only(req, res, no_params) ||
	    urn_param(req, res, &urn) || api_viewer(req, res, &s, &v))
		return;
	rc = quality_home_record(s, &v, urn, &q, &err);
	if (rc) {
		read_error(req, res, rc, &err, "a home's inspections");
		goto out;
	}
	root = json_object();
	arr = json_array();
	for (size_t i = 0; i < q.ninsp; i++)
		api_push(&j, arr, inspection_json(&j, &v, &q.insp[i],
						  q.findings, q.nfindings));
	api_set(&j, root, "urn", api_str(urn));
	api_set(&j, root, "inspections", arr);
	api_reply(req, res, &j, root);
out:
	quality_set_release(&q);
}

static const char *const insp_members[] = {
	"start_on", "end_on", "type", "inspectors", "rating_wellbeing",
	"rating_care_support", "rating_environment", "rating_leadership",
	"summary", "findings", NULL
};
static const char *const insp_lists[] = { "findings", NULL };
static const char *const finding_members[] = {
	"kind", "regulation", "text", "due_on", "repeats_id", NULL
};

/* Finding k of the body's "findings" into f; 0 or the 400 written. */
static int finding_from(struct response *res, const json_t *o, size_t k,
			struct q_finding *f)
{
	char code[Q_CODE_MAX + 1], msg[120];
	const char *key;
	json_t *m;
	bool seen;

	if (!json_is_object(o)) {
		snprintf(msg, sizeof(msg), "findings: item %zu is not an "
			 "object", k + 1);
		return api_field_error(res, "findings", "type", msg);
	}
	json_object_foreach((json_t *)o, key, m) {
		size_t i;

		for (i = 0; finding_members[i]; i++)
			if (!strcmp(key, finding_members[i]))
				break;
		if (!finding_members[i] || json_is_object(m) ||
		    json_is_array(m)) {
			snprintf(msg, sizeof(msg), "findings: item %zu has a "
				 "member a finding does not take", k + 1);
			return api_field_error(res, "findings", "unknown", msg);
		}
	}
	q_finding_init(f);
	if (body_code(res, o, "kind", true, code, sizeof(code), NULL))
		return 400;
	if (q_finding_kind_parse(code, &f->kind))
		return bad_code(res, "kind");
	if (api_body_text(res, o, "regulation", f->regulation,
			  sizeof(f->regulation), &seen) ||
	    required(res, "regulation", seen) ||
	    api_body_text(res, o, "text", f->text, sizeof(f->text), &seen) ||
	    required(res, "text", seen) ||
	    api_body_day(res, o, "due_on", &f->due_on, NULL) ||
	    api_body_id(res, o, "repeats_id", &f->repeats_id, NULL))
		return 400;
	return 0;
}

static int rating_from(struct response *res, const json_t *body,
		       const char *name, enum q_rating *r)
{
	char code[Q_CODE_MAX + 1] = "";

	if (api_body_text(res, body, name, code, sizeof(code), NULL))
		return 400;
	if (q_rating_parse(code, r))
		return bad_code(res, name);
	return 0;
}

void api_home_inspection_add(struct request *req, struct response *res)
{
	struct q_inspection *i = xcalloc(1, sizeof(*i));
	struct q_finding *f = NULL;
	struct q_problem p;
	struct api_json j = { false };
	struct err err = ERR_INIT;
	struct audit_writer *w;
	char code[Q_CODE_MAX + 1];
	const json_t *list;
	json_t *body = NULL, *root;
	struct store *s;
	struct viewer v;
	const char *urn;
	size_t nf = 0;
	bool seen;
	int rc;

	if (urn_param(req, res, &urn) ||
	    api_body_lists(req, res, insp_members, insp_lists, &body))
		goto out;
	q_inspection_init(i);
	snprintf(i->urn, sizeof(i->urn), "%s", urn);
	if (api_body_day(res, body, "start_on", &i->start_on, &seen) ||
	    required(res, "start_on", seen) ||
	    api_body_day(res, body, "end_on", &i->end_on, &seen))
		goto out;
	if (!seen)
		i->end_on = i->start_on;
	if (body_code(res, body, "type", true, code, sizeof(code), NULL))
		goto out;
	if (q_insp_type_parse(code, &i->type)) {
		bad_code(res, "type");
		goto out;
	}
	if (api_body_text(res, body, "inspectors", i->inspectors,
			  sizeof(i->inspectors), NULL) ||
	    rating_from(res, body, "rating_wellbeing",
			&i->rating[Q_WELLBEING]) ||
	    rating_from(res, body, "rating_care_support",
			&i->rating[Q_CARE_SUPPORT]) ||
	    rating_from(res, body, "rating_environment",
			&i->rating[Q_ENVIRONMENT]) ||
	    rating_from(res, body, "rating_leadership",
			&i->rating[Q_LEADERSHIP]) ||
	    api_body_text(res, body, "summary", i->summary,
			  sizeof(i->summary), NULL))
		goto out;
	list = json_object_get(body, "findings");
	if (list && json_array_size(list) > FINDINGS_MAX) {
		api_field_error(res, "findings", "too-many",
				"findings: at most 100 in one inspection");
		goto out;
	}
	if (list && json_array_size(list)) {
		f = xcalloc(json_array_size(list), sizeof(*f));
		for (nf = 0; nf < json_array_size(list); nf++)
			if (finding_from(res, json_array_get(list, nf), nf,
					 &f[nf]))
				goto out;
	}
	if (api_viewer(req, res, &s, &v))
		goto out;
	memset(&p, 0, sizeof(p));
	w = api_write_begin(s);
	rc = quality_inspection_record(s, &v, i, f, nf, &p, &err);
	api_write_end(s, w);
	if (rc) {
		write_error(req, res, rc, &p, &err, "recording an inspection");
		goto out;
	}
	root = json_object();
	api_set(&j, root, "inspection", inspection_json(&j, &v, i, f, nf));
	api_reply_status(req, res, &j, root, 201);
out:
	json_decref(body);
	free(f);
	free(i);
}

void api_inspection(struct request *req, struct response *res)
{
	struct q_inspection *i = xcalloc(1, sizeof(*i));
	struct q_finding *f = NULL;
	struct api_json j = { false };
	struct err err = ERR_INIT;
	struct store *s;
	struct viewer v;
	size_t nf = 0;
	json_t *root;
	int64_t id;
	int rc;

	if (api_params_only(req, res, no_params) ||
	    api_path_id(req, res, "id", &id) || api_viewer(req, res, &s, &v))
		goto out;
	rc = quality_inspection_get(s, &v, id, i, &f, &nf, &err);
	if (rc) {
		read_error(req, res, rc, &err, "an inspection");
		goto out;
	}
	root = json_object();
	api_set(&j, root, "inspection", inspection_json(&j, &v, i, f, nf));
	api_reply(req, res, &j, root);
out:
	free(f);
	free(i);
}

/*
 * {"finding"} as stored after a write the service allowed: the store's
 * unscoped read is safe here only because the service has just checked
 * that v may change (so see) it.
 */
static void reply_finding(struct request *req, struct response *res,
			  struct store *s, const struct viewer *v, int64_t id)
{
	struct q_finding *f = xcalloc(1, sizeof(*f));
	struct api_json j = { false };
	struct err err = ERR_INIT;
	json_t *root;
	int rc;

	rc = store_finding_get(s, id, f, &err);
	if (rc) {
		api_store_error(req, res, rc, &err, "a finding");
	} else {
		root = json_object();
		api_set(&j, root, "finding", finding_json(&j, v, f));
		api_reply(req, res, &j, root);
	}
	free(f);
}

static const char *const respond_members[] = {
	"response", "target_on", NULL
};

void api_finding_respond(struct request *req, struct response *res)
{
	char *text = xmalloc(Q_TEXT_MAX + 1);
	struct q_problem p;
	struct err err = ERR_INIT;
	struct audit_writer *w;
	int32_t target = DATE_NONE;
	json_t *body = NULL;
	struct store *s;
	struct viewer v;
	int64_t id;
	bool seen;
	int rc;

	text[0] = '\0';
	if (api_path_id(req, res, "id", &id) ||
	    api_body(req, res, respond_members, &body) ||
	    api_body_text(res, body, "response", text, Q_TEXT_MAX + 1,
			  &seen) ||
	    required(res, "response", seen && text[0]) ||
	    api_body_day(res, body, "target_on", &target, NULL) ||
	    api_viewer(req, res, &s, &v))
		goto out;
	memset(&p, 0, sizeof(p));
	w = api_write_begin(s);
	rc = quality_finding_respond(s, &v, id, text, target, &p, &err);
	api_write_end(s, w);
	if (rc)
		write_error(req, res, rc, &p, &err, "responding to a finding");
	else
		reply_finding(req, res, s, &v, id);
out:
	json_decref(body);
	free(text);
}

static const char *const judge_members[] = {
	"status", "inspection_id", NULL
};

void api_finding_judge(struct request *req, struct response *res)
{
	struct err err = ERR_INIT;
	struct audit_writer *w;
	enum q_finding_status st;
	char code[Q_CODE_MAX + 1];
	int64_t id, insp = 0;
	json_t *body = NULL;
	struct store *s;
	struct viewer v;
	int rc;

	if (api_path_id(req, res, "id", &id) ||
	    api_body(req, res, judge_members, &body) ||
	    body_code(res, body, "status", true, code, sizeof(code), NULL) ||
	    api_body_id(res, body, "inspection_id", &insp, NULL))
		goto out;
	if (q_finding_status_parse(code, &st) ||
	    (st != Q_MET && st != Q_NOT_MET)) {
		api_field_error(res, "status", "code", "status: must be "
				"\"met\" or \"not_met\"");
		goto out;
	}
	if (api_viewer(req, res, &s, &v))
		goto out;
	w = api_write_begin(s);
	rc = quality_finding_judge(s, &v, id, st, insp, &err);
	api_write_end(s, w);
	if (rc == ERR_INVALID)
		/* the one thing the body can have wrong past its types: an
		 * inspection that is not a later one of the same home */
		api_field_error(res, insp ? "inspection_id" : "status",
				"invalid", err_text(&err));
	else if (rc)
		api_write_error(req, res, rc, &err, "judging a finding");
	else
		reply_finding(req, res, s, &v, id);
out:
	json_decref(body);
}

/* ---- notifications ------------------------------------------------------- */

static const char *const notif_params[] = { "since", NULL };

void api_home_notifications(struct request *req, struct response *res)
{
	struct q_notification *n = NULL;
	struct api_json j = { false };
	struct err err = ERR_INIT;
	const char *urn, *since = NULL;
	int32_t day = DATE_NONE;
	struct store *s;
	struct viewer v;
	json_t *root, *arr;
	size_t nn = 0;
	int rc;

	if (api_params_only(req, res, notif_params) ||
	    api_opt_str(req, res, "since", 10, &since) ||
	    urn_param(req, res, &urn))
		return;
	if (since && parse_date_iso(since, &day)) {
		res_api_error(res, 400, "invalid_parameter",
			      "parameter \"since\" is not a date yyyy-mm-dd");
		return;
	}
	if (api_viewer(req, res, &s, &v))
		return;
	rc = quality_notifications(s, &v, urn, day == DATE_NONE ? 0 :
				   (int64_t)day * 86400000, &n, &nn, &err);
	if (rc) {
		read_error(req, res, rc, &err, "a home's notifications");
		goto out;
	}
	root = json_object();
	arr = json_array();
	for (size_t i = 0; i < nn; i++)
		api_push(&j, arr, notification_json(&j, &n[i]));
	api_set(&j, root, "urn", api_str(urn));
	api_set(&j, root, "notifications", arr);
	api_reply(req, res, &j, root);
out:
	free(n);
}

static const char *const notif_members[] = {
	"category", "occurred_at", "council", "ref", "episode_id", "summary",
	"action", NULL
};

void api_home_notification_add(struct request *req, struct response *res)
{
	struct q_notification *n = xcalloc(1, sizeof(*n));
	struct q_problem p;
	struct api_json j = { false };
	struct err err = ERR_INIT;
	struct audit_writer *w;
	json_t *body = NULL, *root;
	struct store *s;
	struct viewer v;
	const char *urn;
	bool seen;
	int rc;

	q_notification_init(n);
	if (urn_param(req, res, &urn) ||
	    api_body(req, res, notif_members, &body) ||
	    body_code(res, body, "category", true, n->category,
		      sizeof(n->category), NULL))
		goto out;
	if (!notif_category_find(n->category)) {
		bad_code(res, "category");
		goto out;
	}
	snprintf(n->urn, sizeof(n->urn), "%s", urn);
	if (api_body_time(res, body, "occurred_at", &n->occurred_at, &seen) ||
	    required(res, "occurred_at", seen) ||
	    api_body_text(res, body, "council", n->la, sizeof(n->la), NULL) ||
	    api_body_text(res, body, "ref", n->ref, sizeof(n->ref), NULL) ||
	    api_body_id(res, body, "episode_id", &n->episode_id, NULL) ||
	    api_body_text(res, body, "summary", n->summary,
			  sizeof(n->summary), &seen) ||
	    required(res, "summary", seen && n->summary[0]) ||
	    api_body_text(res, body, "action", n->action, sizeof(n->action),
			  NULL) ||
	    api_viewer(req, res, &s, &v))
		goto out;
	memset(&p, 0, sizeof(p));
	w = api_write_begin(s);
	rc = quality_notification_file(s, &v, n, &p, &err);
	api_write_end(s, w);
	if (rc) {
		write_error(req, res, rc, &p, &err, "filing a notification");
		goto out;
	}
	root = json_object();
	api_set(&j, root, "notification", notification_json(&j, n));
	api_reply_status(req, res, &j, root, 201);
out:
	json_decref(body);
	free(n);
}

/* ---- recommendations ----------------------------------------------------- */

static const char *const recs_params[] = { "theme", "source", NULL };

void api_recs(struct request *req, struct response *res)
{
	struct quality_set q = QUALITY_SET_INIT;
	struct api_json j = { false };
	struct err err = ERR_INIT;
	const char *theme = NULL, *source = NULL;
	enum rec_source src = REC_NSOURCES;
	struct store *s;
	struct viewer v;
	json_t *root, *arr;
	int rc;

	if (api_params_only(req, res, recs_params) ||
	    api_opt_str(req, res, "theme", Q_CODE_MAX, &theme) ||
	    api_opt_str(req, res, "source", Q_CODE_MAX, &source))
		return;
	if (theme && !rec_theme_find(theme)) {
		res_api_error(res, 400, "invalid_parameter",
			      "parameter \"theme\" is not a theme's code");
		return;
	}
	if (source && rec_source_parse(source, &src)) {
		res_api_error(res, 400, "invalid_parameter",
			      "parameter \"source\" is not a source's code");
		return;
	}
	if (api_viewer(req, res, &s, &v))
		return;
	rc = quality_recs(s, &v, &q, &err);
	if (rc) {
		read_error(req, res, rc, &err, "the recommendations");
		goto out;
	}
	root = json_object();
	arr = json_array();
	for (size_t i = 0; i < q.nrecs; i++) {
		if (theme && strcmp(q.recs[i].theme, theme))
			continue;
		if (source && q.recs[i].source != src)
			continue;
		api_push(&j, arr, rec_json(&j, &v, &q, i, false));
	}
	api_set(&j, root, "recommendations", arr);
	api_reply(req, res, &j, root);
out:
	quality_set_release(&q);
}

/*
 * The register as v sees it, and recommendation {id}'s index in it (and
 * with aid_name, addressee {aid}'s, which must be one of its own): 0, or
 * the error answered (404 for an id not there).
 */
static int load_rec(struct request *req, struct response *res,
		    struct store *s, const struct viewer *v,
		    struct quality_set *q, const char *aid_name, long *ri,
		    long *ai)
{
	struct err err = ERR_INIT;
	int64_t id, aid = 0;
	int rc;

	if (api_path_id(req, res, "id", &id) ||
	    (aid_name && api_path_id(req, res, aid_name, &aid)))
		return 404;
	rc = quality_recs(s, v, q, &err);
	if (rc) {
		read_error(req, res, rc, &err, "the recommendations");
		return rc;
	}
	*ri = rec_view_find(q, id);
	if (aid_name) {
		*ai = rec_view_addressee(q, aid);
		if (*ai >= 0 && q->addressees[*ai].rec_id != id)
			*ai = -1;
	}
	if (*ri < 0 || (aid_name && *ai < 0)) {
		res_error(req, res, 404);
		return 404;
	}
	return 0;
}

void api_rec(struct request *req, struct response *res)
{
	struct quality_set q = QUALITY_SET_INIT;
	struct api_json j = { false };
	struct store *s;
	struct viewer v;
	json_t *root;
	long ri;

	if (api_params_only(req, res, no_params) ||
	    api_viewer(req, res, &s, &v) ||
	    load_rec(req, res, s, &v, &q, NULL, &ri, NULL))
		goto out;
	root = json_object();
	api_set(&j, root, "recommendation", rec_json(&j, &v, &q, (size_t)ri,
						    true));
	api_reply(req, res, &j, root);
out:
	quality_set_release(&q);
}

/* {"addressee"} as the register now holds it, with status. */
static void reply_addressee(struct request *req, struct response *res,
			    struct store *s, const struct viewer *v,
			    int status)
{
	struct quality_set q = QUALITY_SET_INIT;
	struct api_json j = { false };
	json_t *root;
	long ri, ai;

	if (load_rec(req, res, s, v, &q, "aid", &ri, &ai))
		goto out;
	root = json_object();
	api_set(&j, root, "addressee",
		addressee_json(&j, v, &q, &q.addressees[ai], true));
	api_reply_status(req, res, &j, root, status);
out:
	quality_set_release(&q);
}

/* The viewer and addressee {aid} of recommendation {id}: 0 or answered. */
static int addressee_target(struct request *req, struct response *res,
			    struct store **s, struct viewer *v, int64_t *aid)
{
	struct quality_set q = QUALITY_SET_INIT;
	int64_t id;
	long ri, ai;
	int rc;

	if (api_viewer(req, res, s, v))
		return 500;
	/* a role that may not read the register may not change it either:
	 * the service refuses the write itself, and audits it as one */
	if (!quality_may(v, Q_READ_RECS, NULL))
		return api_path_id(req, res, "id", &id) ||
		       api_path_id(req, res, "aid", aid);
	rc = load_rec(req, res, *s, v, &q, "aid", &ri, &ai);
	if (!rc)
		*aid = q.addressees[ai].id;
	quality_set_release(&q);
	return rc;
}

static const char *const action_members[] = {
	"what", "who", "target_on", NULL
};

void api_rec_action_add(struct request *req, struct response *res)
{
	struct rec_action *a = xcalloc(1, sizeof(*a));
	struct q_problem p;
	struct err err = ERR_INIT;
	struct audit_writer *w;
	json_t *body = NULL;
	struct store *s;
	struct viewer v;
	bool seen;
	int rc;

	rec_action_init(a);
	if (api_body(req, res, action_members, &body) ||
	    api_body_text(res, body, "what", a->what, sizeof(a->what),
			  &seen) ||
	    required(res, "what", seen && a->what[0]) ||
	    api_body_text(res, body, "who", a->who, sizeof(a->who), &seen) ||
	    required(res, "who", seen && a->who[0]) ||
	    api_body_day(res, body, "target_on", &a->target_on, &seen) ||
	    required(res, "target_on", seen && a->target_on != DATE_NONE) ||
	    addressee_target(req, res, &s, &v, &a->addressee_id))
		goto out;
	memset(&p, 0, sizeof(p));
	w = api_write_begin(s);
	rc = quality_rec_action_add(s, &v, a, &p, &err);
	api_write_end(s, w);
	if (rc)
		write_error(req, res, rc, &p, &err, "adding an action");
	else
		reply_addressee(req, res, s, &v, 201);
out:
	json_decref(body);
	free(a);
}

void api_rec_action_done(struct request *req, struct response *res)
{
	struct quality_set q = QUALITY_SET_INIT;
	struct err err = ERR_INIT;
	struct audit_writer *w;
	struct store *s;
	struct viewer v;
	json_t *body = NULL;
	int64_t action;
	long ri, ai = -1;
	size_t k;
	int rc;

	if (api_path_id(req, res, "action", &action) ||
	    api_body(req, res, no_params, &body) ||
	    api_viewer(req, res, &s, &v))
		goto out;
	if (!quality_may(&v, Q_READ_RECS, NULL)) {
		/* the service refuses the write, and audits it as one */
		rc = quality_rec_action_done(s, &v, action, &err);
		api_write_error(req, res, rc ? rc : ERR_DENIED, &err,
				"marking an action done");
		goto out;
	}
	if (load_rec(req, res, s, &v, &q, NULL, &ri, NULL))
		goto out;
	/* the action must be one of the recommendation's: else it does not
	 * exist here */
	for (k = 0; k < q.nactions; k++)
		if (q.actions[k].id == action)
			break;
	if (k < q.nactions)
		ai = rec_view_addressee(&q, q.actions[k].addressee_id);
	if (ai < 0 || q.addressees[ai].rec_id != q.recs[ri].id) {
		res_error(req, res, 404);
		goto out;
	}
	w = api_write_begin(s);
	rc = quality_rec_action_done(s, &v, action, &err);
	api_write_end(s, w);
	if (rc) {
		api_write_error(req, res, rc, &err, "marking an action done");
	} else {
		/* {"addressee"}: the action's, as the register now holds it */
		struct api_json j = { false };
		int64_t aid = q.addressees[ai].id;
		json_t *root;

		quality_set_release(&q);
		rc = quality_recs(s, &v, &q, &err);
		ai = rc ? -1 : rec_view_addressee(&q, aid);
		if (ai < 0) {
			read_error(req, res, rc ? rc : ERR_NOT_FOUND, &err,
				   "the recommendations");
			goto out;
		}
		root = json_object();
		api_set(&j, root, "addressee",
			addressee_json(&j, &v, &q, &q.addressees[ai], true));
		api_reply(req, res, &j, root);
	}
out:
	json_decref(body);
	quality_set_release(&q);
}

static const char *const update_members[] = { "note", "status", NULL };

void api_rec_update_add(struct request *req, struct response *res)
{
	struct rec_update *u = xcalloc(1, sizeof(*u));
	char code[Q_CODE_MAX + 1];
	struct q_problem p;
	struct err err = ERR_INIT;
	struct audit_writer *w;
	json_t *body = NULL;
	struct store *s;
	struct viewer v;
	bool seen;
	int rc;

	if (api_body(req, res, update_members, &body) ||
	    api_body_text(res, body, "note", u->note, sizeof(u->note),
			  &seen) ||
	    required(res, "note", seen && u->note[0]) ||
	    body_code(res, body, "status", true, code, sizeof(code), NULL))
		goto out;
	if (rec_status_parse(code, &u->status)) {
		bad_code(res, "status");
		goto out;
	}
	if (addressee_target(req, res, &s, &v, &u->addressee_id))
		goto out;
	memset(&p, 0, sizeof(p));
	w = api_write_begin(s);
	rc = quality_rec_update_add(s, &v, u, &p, &err);
	api_write_end(s, w);
	if (rc)
		write_error(req, res, rc, &p, &err, "adding an update");
	else
		reply_addressee(req, res, s, &v, 201);
out:
	json_decref(body);
	free(u);
}

static const char *const verdict_members[] = { "verdict", "reason", NULL };

void api_rec_verdict(struct request *req, struct response *res)
{
	char *reason = xmalloc(Q_TEXT_MAX + 1);
	char code[Q_CODE_MAX + 1];
	enum rec_verdict verdict;
	struct q_problem p;
	struct err err = ERR_INIT;
	struct audit_writer *w;
	json_t *body = NULL;
	struct store *s;
	struct viewer v;
	int64_t aid;
	int rc;

	reason[0] = '\0';
	if (api_body(req, res, verdict_members, &body) ||
	    body_code(res, body, "verdict", true, code, sizeof(code), NULL) ||
	    api_body_text(res, body, "reason", reason, Q_TEXT_MAX + 1, NULL))
		goto out;
	if (!strcmp(code, rec_verdict_code(REC_ACCEPTED))) {
		verdict = REC_ACCEPTED;
	} else if (!strcmp(code, rec_verdict_code(REC_REJECTED))) {
		verdict = REC_REJECTED;
	} else {
		api_field_error(res, "verdict", "code", "verdict: must be "
				"\"accepted\" or \"rejected\"");
		goto out;
	}
	if (verdict == REC_REJECTED && !reason[0]) {
		api_field_error(res, "reason", "required", "reason: a "
				"rejection needs a reason");
		goto out;
	}
	if (addressee_target(req, res, &s, &v, &aid))
		goto out;
	memset(&p, 0, sizeof(p));
	w = api_write_begin(s);
	rc = quality_rec_judge(s, &v, aid, verdict, reason, &p, &err);
	api_write_end(s, w);
	if (rc)
		write_error(req, res, rc, &p, &err, "judging an addressee");
	else
		reply_addressee(req, res, s, &v, 200);
out:
	json_decref(body);
	free(reason);
}
