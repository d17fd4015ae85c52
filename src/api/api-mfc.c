/*
 * api-mfc.c: missing from care, recorded live (issue 5; docs/api.md
 * "Missing from care"; docs/missing.md): the JSON face of the store's
 * "missing from care, recorded live" section.
 *
 *   GET  /api/v1/missing-episodes                 needs-attention list
 *   POST /api/v1/missing-episodes                 a home reports
 *   GET  /api/v1/missing-episodes/{id}            one episode
 *   POST /api/v1/missing-episodes/{id}/home       the home's fields
 *   POST /api/v1/missing-episodes/{id}/police     reference, grade, ...
 *   POST /api/v1/missing-episodes/{id}/return     the return
 *   POST /api/v1/missing-episodes/{id}/interview  the return interview
 *   POST /api/v1/children/{council}/{ref}/strategy-meetings
 *   GET  /api/v1/children/{council}/{ref}/grab-pack
 *   PUT  /api/v1/children/{council}/{ref}/grab-pack
 *   GET  /api/v1/children/{council}/{ref}/missing-episodes
 *
 * Who may see and change what is the store's decision, with the viewer
 * of the token's user; so is the audit.  A step's POST changes only the
 * members it is given: the episode is read as the viewer sees it, the
 * members given replace those fields (null clears one), and the store
 * merges that step's fields into the stored row and checks the whole
 * episode.  A role that may never do a step is 403 whatever the id (the
 * store refuses it before looking); an episode the viewer may not see
 * is 404, as one that does not exist.  After every successful write the
 * child's alerts are evaluated (alerts_evaluate_child()).
 *
 * The audit row of a write must commit with it, so the server's
 * group-commit audit writer is unbound around each write
 * (api_write_begin()).
 */
#include "base/compat.h"
#include "base/xalloc.h"
#include "alerts/alerts.h"
#include "api/api.h"
#include "api/api-internal.h"
#include "domain/mfc-rules.h"
#include "domain/missing.h"
#include "store/store-missing.h"
#include "web/session.h"

/* ---- shapes --------------------------------------------------------------- */

static json_t *grade_json(enum mfc_grade g)
{
	return g == MFC_GRADE_UNSET ? json_null() :
	       json_string(mfc_grade_name(g));
}

static json_t *episode_json(struct api_json *j, const struct viewer *v,
			    const struct mfc_episode *e)
{
	json_t *o = json_object();

	api_set(j, o, "id", json_integer(e->id));
	api_set(j, o, "council", api_str(e->la));
	api_set(j, o, "ref", api_str(e->ref));
	if (viewer_may(v, VF_AGE))
		api_set(j, o, "age", api_int_or_null(e->age));
	api_set(j, o, "kind", api_str(e->kind));
	api_set(j, o, "open", json_boolean(!e->returned_at));
	api_set(j, o, "urn", api_str(e->urn));
	api_set(j, o, "home_name", api_str(e->home_name));
	api_set(j, o, "started_at", api_time(e->started_at));
	api_set(j, o, "last_seen_at", api_time(e->last_seen_at));
	api_set(j, o, "last_seen_place", api_str(e->last_seen_place));
	api_set(j, o, "circumstances", api_str(e->circumstances));
	api_set(j, o, "home_actions", api_str(e->home_actions));
	api_set(j, o, "exploitation", json_boolean(e->exploitation));
	api_set(j, o, "associates", api_str(e->associates));
	api_set(j, o, "locations", api_str(e->locations));
	api_set(j, o, "health_needs", api_str(e->health_needs));
	api_set(j, o, "reported_at", api_time(e->reported_at));
	api_set(j, o, "police_ref", api_str(e->police_ref));
	api_set(j, o, "risk_grade", grade_json(e->grade));
	api_set(j, o, "graded_at", api_time(e->graded_at));
	api_set(j, o, "returned_at", api_time(e->returned_at));
	api_set(j, o, "returned_place", api_str(e->returned_place));
	api_set(j, o, "arrested", json_boolean(e->arrested));
	api_set(j, o, "charged", json_boolean(e->charged));
	api_set(j, o, "ri_offered_at", api_time(e->ri_offered_at));
	api_set(j, o, "ri_held_at", api_time(e->ri_held_at));
	if (mfc_sees(v->access, MFC_FIELD_RI_BY))
		api_set(j, o, "ri_by", api_str(e->ri_by));
	api_set(j, o, "ri_independent", e->ri_independent < 0 ? json_null() :
		json_boolean(e->ri_independent));
	api_set(j, o, "ri_outcome", e->ri_outcome == MFC_OUTCOME_UNSET ?
		json_null() : json_string(mfc_outcome_name(e->ri_outcome)));
	if (mfc_sees(v->access, MFC_FIELD_RI_SUMMARY))
		api_set(j, o, "ri_summary", api_str(e->ri_summary));
	api_set(j, o, "updated_at", api_time(e->updated_at));
	return o;
}

static json_t *meeting_json(struct api_json *j, const struct mfc_meeting *m)
{
	json_t *o = json_object();

	api_set(j, o, "id", json_integer(m->id));
	api_set(j, o, "council", api_str(m->la));
	api_set(j, o, "ref", api_str(m->ref));
	api_set(j, o, "episode_id", m->episode_id ?
		json_integer(m->episode_id) : json_null());
	api_set(j, o, "held_on", api_date(m->held_on));
	api_set(j, o, "agencies", api_str(m->agencies));
	api_set(j, o, "decisions", api_str(m->decisions));
	api_set(j, o, "safety_plan_review_on",
		api_date(m->safety_plan_review_on));
	api_set(j, o, "recorded_at", api_time(m->recorded_at));
	return o;
}

static json_t *grab_pack_json(struct api_json *j, const struct grab_pack *g)
{
	json_t *o = json_object();

	api_set(j, o, "council", api_str(g->la));
	api_set(j, o, "ref", api_str(g->ref));
	api_set(j, o, "description", api_str(g->description));
	api_set(j, o, "photo_ref", api_str(g->photo_ref));
	api_set(j, o, "health", api_str(g->health));
	api_set(j, o, "associates", api_str(g->associates));
	api_set(j, o, "places", api_str(g->places));
	api_set(j, o, "updated_at", api_time(g->updated_at));
	return o;
}

/* {"access", "episode"} with status. */
static void reply_episode(struct request *req, struct response *res,
			  const struct viewer *v, const struct mfc_episode *e,
			  int status)
{
	struct api_json j = { false };
	json_t *root = json_object();

	api_set(&j, root, "access",
		json_string(viewer_access_name(v->access)));
	api_set(&j, root, "episode", episode_json(&j, v, e));
	api_reply_status(req, res, &j, root, status);
}

/* A recorded change stands even when the alerts could not be evaluated
 * (the scheduled run catches up): log it, answer the change. */
static void after_change(struct store *s, int64_t child_id, int64_t now_ms)
{
	struct err err = ERR_INIT;

	if (child_id && alerts_evaluate_child(s, child_id, now_ms, &err))
		web_log_err("evaluating a child's alerts", &err);
}

/* A child's {council} and {ref}: 404 when they cannot name one. */
static int child_params(struct request *req, struct response *res,
			const char **la, const char **ref)
{
	*la = req_param_get(req, "council");
	*ref = req_param_get(req, "ref");
	if (!*la || !*ref || strlen(*la) != LA_CODE_MAX ||
	    strlen(*ref) > S903_CHILD_MAX) {
		res_error(req, res, 404);
		return 404;
	}
	return 0;
}

/* A check's problem as 400 naming the JSON member (the CSV column's
 * name in lower case, docs/missing.md). */
static int check_error(struct response *res, const struct mfc_problem *p,
		       const struct err *err)
{
	char field[40];
	size_t i;

	for (i = 0; p->field && p->field[i] && i + 1 < sizeof(field); i++)
		field[i] = (char)(p->field[i] >= 'A' && p->field[i] <= 'Z' ?
				  p->field[i] - 'A' + 'a' : p->field[i]);
	field[i] = '\0';
	return api_field_error(res, field, p->rule ? p->rule : "invalid",
			       err_text(err));
}

/* ---- the needs-attention list ------------------------------------------- */

static const char *const list_params[] = {
	"council", "urn", "page", "page_size", NULL
};

static json_t *attention_json(struct api_json *j, const struct viewer *v,
			      const struct mfc_attention_row *r)
{
	json_t *o = json_object();

	api_set(j, o, "id", json_integer(r->id));
	api_set(j, o, "council", api_str(r->la));
	api_set(j, o, "ref", api_str(r->ref));
	if (viewer_may(v, VF_AGE))
		api_set(j, o, "age", api_int_or_null(r->age));
	api_set(j, o, "kind", api_str(r->kind));
	api_set(j, o, "urn", api_str(r->urn));
	api_set(j, o, "home_name", api_str(r->home_name));
	api_set(j, o, "started_at", api_time(r->started_at));
	api_set(j, o, "hours_missing", api_int_or_null(r->hours_missing));
	api_set(j, o, "risk_grade", grade_json(r->grade));
	api_set(j, o, "police_ref", api_str(r->police_ref));
	api_set(j, o, "exploitation", json_boolean(r->exploitation));
	return o;
}

void api_mfc_list(struct request *req, struct response *res)
{
	struct mfc_filter f;
	struct mfc_attention_page *pg = NULL;
	struct api_json j = { false };
	struct err err = ERR_INIT;
	struct store *s;
	struct viewer v;
	json_t *root, *rows;
	int rc;

	memset(&f, 0, sizeof(f));
	if (api_params_only(req, res, list_params) ||
	    api_opt_str(req, res, "council", API_FILTER_MAX, &f.la) ||
	    api_opt_str(req, res, "urn", API_FILTER_MAX, &f.urn) ||
	    api_paging(req, res, &f.page, &f.page_size) ||
	    api_viewer(req, res, &s, &v))
		return;
	pg = xmalloc(sizeof(*pg));
	rc = store_mfc_attention(s, &v, &f, pg, &err);
	if (rc) {
		api_store_error(req, res, rc, &err, "listing missing episodes");
		goto out;
	}
	root = json_object();
	rows = json_array();
	for (size_t i = 0; i < pg->n; i++)
		api_push(&j, rows, attention_json(&j, &v, &pg->rows[i]));
	api_set(&j, root, "episodes", rows);
	api_page_meta(&j, root, pg->page, pg->page_size, pg->total);
	api_reply(req, res, &j, root);
out:
	free(pg);
}

/* ---- one episode ------------------------------------------------------------ */

static const char *const no_params[] = { NULL };

void api_mfc_get(struct request *req, struct response *res)
{
	struct mfc_episode *e = NULL;
	struct err err = ERR_INIT;
	struct store *s;
	struct viewer v;
	int64_t id;
	int rc;

	if (api_params_only(req, res, no_params) ||
	    api_path_id(req, res, "id", &id) ||
	    api_viewer(req, res, &s, &v))
		return;
	e = xmalloc(sizeof(*e));
	rc = store_mfc_get(s, &v, id, e, &err);
	if (rc)
		api_store_error(req, res, rc, &err, "reading a missing episode");
	else
		reply_episode(req, res, &v, e, 200);
	free(e);
}

/* ---- a home reports ---------------------------------------------------------- */

#define HOME_FIELDS                                                      \
	"last_seen_at", "last_seen_place", "circumstances", "home_actions", \
	"exploitation", "associates", "locations", "health_needs"

static const char *const report_fields[] = {
	"council", "ref", "kind", "started_at", HOME_FIELDS, NULL
};
static const char *const home_fields[] = { HOME_FIELDS, NULL };

#define TRY(x)                                                           \
	do {                                                              \
		if (x)                                                    \
			return 400;                                       \
	} while (0)

static int read_home_fields(struct response *res, const json_t *b,
			    struct mfc_episode *e)
{
	TRY(api_body_time(res, b, "last_seen_at", &e->last_seen_at, NULL));
	TRY(api_body_text(res, b, "last_seen_place", e->last_seen_place,
			  sizeof(e->last_seen_place), NULL));
	TRY(api_body_text(res, b, "circumstances", e->circumstances,
			  sizeof(e->circumstances), NULL));
	TRY(api_body_text(res, b, "home_actions", e->home_actions,
			  sizeof(e->home_actions), NULL));
	TRY(api_body_bool(res, b, "exploitation", &e->exploitation, NULL));
	TRY(api_body_text(res, b, "associates", e->associates,
			  sizeof(e->associates), NULL));
	TRY(api_body_text(res, b, "locations", e->locations,
			  sizeof(e->locations), NULL));
	TRY(api_body_text(res, b, "health_needs", e->health_needs,
			  sizeof(e->health_needs), NULL));
	return 0;
}

static int read_report(struct response *res, const json_t *b,
		       struct mfc_episode *e)
{
	char kind[8] = "M";
	bool seen;

	TRY(api_body_text(res, b, "council", e->la, sizeof(e->la), &seen));
	if (!seen || strlen(e->la) != LA_CODE_MAX)
		return api_field_error(res, "council", "required", "council: "
				       "the child's council, a GSS code such "
				       "as W06000015, is required");
	TRY(api_body_text(res, b, "ref", e->ref, sizeof(e->ref), &seen));
	if (!seen || !e->ref[0])
		return api_field_error(res, "ref", "required", "ref: the "
				       "child's reference is required");
	TRY(api_body_text(res, b, "kind", kind, sizeof(kind), NULL));
	if (mfc_kind_parse(kind, e->kind))
		return api_field_error(res, "kind", "mfc-kind", "kind: must be "
				       "M (missing) or A (away)");
	TRY(api_body_time(res, b, "started_at", &e->started_at, &seen));
	if (!e->started_at)
		return api_field_error(res, "started_at", "mfc-required",
				       "started_at: when the child was found "
				       "missing is required");
	return read_home_fields(res, b, e);
}

/*
 * The episode as stored after a change that committed, for the answer:
 * when reading it back fails, the answer is still the committed change
 * (e as written, with its id), never an error that would make the
 * writer think nothing was recorded and send it again (issue 10, item 9).
 */
static void reread_committed(struct store *s, const struct viewer *v,
			     struct mfc_episode *e)
{
	struct mfc_episode *got = xmalloc(sizeof(*got));
	struct err err = ERR_INIT;

	if (store_mfc_get(s, v, e->id, got, &err))
		web_log_err("reading back a recorded report", &err);
	else
		*e = *got;
	free(got);
}

void api_mfc_report(struct request *req, struct response *res)
{
	struct mfc_episode *e = NULL;
	struct audit_writer *w = NULL;
	struct mfc_problem p = { NULL, NULL };
	struct err err = ERR_INIT;
	struct store *s;
	struct viewer v;
	json_t *body = NULL;
	int rc;

	if (api_params_only(req, res, no_params) ||
	    api_viewer(req, res, &s, &v) ||
	    api_body(req, res, report_fields, &body))
		return;
	e = xmalloc(sizeof(*e));
	mfc_episode_init(e);
	if (read_report(res, body, e))
		goto out;
	w = api_write_begin(s);
	rc = store_mfc_report(s, &v, e, &err);
	if (!rc) {
		after_change(s, e->child_id, v.now_ms);
		reread_committed(s, &v, e);
	}
	api_write_end(s, w);
	if (rc == ERR_INVALID && mfc_episode_check(e, v.now_ms, &p, &err)) {
		check_error(res, &p, &err);
		goto out;
	}
	if (rc) {
		api_write_error(req, res, rc, &err, "reporting a child missing");
		goto out;
	}
	reply_episode(req, res, &v, e, 201);
	if (res->status == 201) {
		char loc[64];

		snprintf(loc, sizeof(loc), "/api/v1/missing-episodes/%lld",
			 (long long)e->id);
		res_header(res, "Location", loc);
	}
out:
	json_decref(body);
	free(e);
}

/* ---- the steps ---------------------------------------------------------------- */

static const char *const police_fields[] = {
	"police_ref", "risk_grade", "arrested", "charged", NULL
};
static const char *const return_fields[] = {
	"returned_at", "returned_place", NULL
};
static const char *const interview_fields[] = {
	"ri_offered_at", "ri_held_at", "ri_by", "ri_independent",
	"ri_outcome", "ri_summary", NULL
};

static int read_police(struct response *res, const json_t *b,
		       struct mfc_episode *e)
{
	char grade[24];
	bool seen;

	TRY(api_body_text(res, b, "police_ref", e->police_ref,
			  sizeof(e->police_ref), NULL));
	snprintf(grade, sizeof(grade), "%s", mfc_grade_name(e->grade));
	TRY(api_body_text(res, b, "risk_grade", grade, sizeof(grade), &seen));
	if (seen && mfc_grade_parse(grade, &e->grade))
		return api_field_error(res, "risk_grade", "mfc-grade",
				       "risk_grade: must be none, low, "
				       "medium or high");
	TRY(api_body_bool(res, b, "arrested", &e->arrested, NULL));
	TRY(api_body_bool(res, b, "charged", &e->charged, NULL));
	return 0;
}

static int read_return(struct response *res, const json_t *b,
		       struct mfc_episode *e)
{
	bool seen;

	TRY(api_body_time(res, b, "returned_at", &e->returned_at, &seen));
	if (!seen || !e->returned_at)
		return api_field_error(res, "returned_at", "mfc-required",
				       "returned_at: when the child returned "
				       "is required");
	TRY(api_body_text(res, b, "returned_place", e->returned_place,
			  sizeof(e->returned_place), NULL));
	return 0;
}

static int read_interview(struct response *res, const json_t *b,
			  struct mfc_episode *e)
{
	char outcome[16];
	bool seen;

	TRY(api_body_time(res, b, "ri_offered_at", &e->ri_offered_at, NULL));
	TRY(api_body_time(res, b, "ri_held_at", &e->ri_held_at, NULL));
	TRY(api_body_text(res, b, "ri_by", e->ri_by, sizeof(e->ri_by), NULL));
	TRY(api_body_flag(res, b, "ri_independent", &e->ri_independent,
			  NULL));
	snprintf(outcome, sizeof(outcome), "%s",
		 mfc_outcome_name(e->ri_outcome));
	TRY(api_body_text(res, b, "ri_outcome", outcome, sizeof(outcome),
			  &seen));
	if (seen && mfc_outcome_parse(outcome, &e->ri_outcome))
		return api_field_error(res, "ri_outcome", "mfc-outcome",
				       "ri_outcome: must be accepted or "
				       "declined");
	TRY(api_body_text(res, b, "ri_summary", e->ri_summary,
			  sizeof(e->ri_summary), NULL));
	return 0;
}

typedef int read_fn(struct response *res, const json_t *b,
		    struct mfc_episode *e);
typedef int write_fn(struct store *s, const struct viewer *v,
		     const struct mfc_episode *e, struct mfc_written *out,
		     struct err *err);

struct step {
	const char *const *fields;
	read_fn *read;
	write_fn *write;
	enum mfc_op op;
	const char *what;
};

static const struct step steps[] = {
	{ home_fields, read_home_fields, store_mfc_update_home, MFC_OP_HOME,
	  "recording the home's fields" },
	{ police_fields, read_police, store_mfc_police, MFC_OP_POLICE,
	  "recording the police's fields" },
	{ return_fields, read_return, store_mfc_return, MFC_OP_RETURN,
	  "recording a return" },
	{ interview_fields, read_interview, store_mfc_interview,
	  MFC_OP_INTERVIEW, "recording a return interview" },
};

static void do_step(struct request *req, struct response *res,
		    const struct step *st)
{
	struct mfc_episode *e = NULL;
	struct mfc_written *wr = NULL;
	struct audit_writer *w = NULL;
	struct mfc_problem p = { NULL, NULL };
	struct err err = ERR_INIT;
	struct store *s;
	struct viewer v;
	json_t *body = NULL;
	int64_t id;
	int rc;

	if (api_params_only(req, res, no_params) ||
	    api_path_id(req, res, "id", &id) ||
	    api_viewer(req, res, &s, &v) ||
	    api_body(req, res, st->fields, &body))
		return;
	e = xmalloc(sizeof(*e));
	wr = xmalloc(sizeof(*wr));
	w = api_write_begin(s);
	rc = store_mfc_get(s, &v, id, e, &err);
	if (rc == ERR_NOT_FOUND || rc == ERR_DENIED) {
		/*
		 * Not one the viewer may see: the store refuses the change
		 * without looking further, so that a role that may never do
		 * this step is 403 whatever the id and any other is 404,
		 * audited as a refused change of this episode -- and
		 * nothing can be written.
		 */
		err_clear(&err);
		rc = store_mfc_change_refused(s, &v, st->op, id, &err);
		goto done;
	}
	if (rc)
		goto done;
	if (st->read(res, body, e)) {
		rc = 400;
		goto done;
	}
	/* the store refuses the role first, then checks the episode */
	rc = st->write(s, &v, e, wr, &err);
	if (rc == ERR_INVALID) {
		struct err e2 = ERR_INIT;

		if (mfc_episode_check(e, v.now_ms, &p, &e2)) {
			check_error(res, &p, &e2);
			rc = 400;
			goto done;
		}
	}
	if (!rc)
		after_change(s, e->child_id, v.now_ms);
	/*
	 * The answer is what committed (wr), not a read after it: the
	 * change may have taken the episode out of the writer's scope (a
	 * return recorded as older than the police's window), and a 404
	 * for a write that committed would make a client write it again.
	 */
	if (!rc)
		*e = wr->e;
done:
	api_write_end(s, w);
	if (rc == 0)
		reply_episode(req, res, &v, e, 200);
	else if (rc != 400)
		api_write_error(req, res, rc, &err, st->what);
	json_decref(body);
	free(wr);
	free(e);
}

void api_mfc_home(struct request *req, struct response *res)
{
	do_step(req, res, &steps[0]);
}

void api_mfc_police(struct request *req, struct response *res)
{
	do_step(req, res, &steps[1]);
}

void api_mfc_return(struct request *req, struct response *res)
{
	do_step(req, res, &steps[2]);
}

void api_mfc_interview(struct request *req, struct response *res)
{
	do_step(req, res, &steps[3]);
}

/* ---- strategy meetings --------------------------------------------------------- */

static const char *const meeting_fields[] = {
	"held_on", "agencies", "decisions", "safety_plan_review_on",
	"episode_id", NULL
};

void api_mfc_meeting_add(struct request *req, struct response *res)
{
	struct mfc_meeting *m = NULL;
	struct audit_writer *w = NULL;
	struct mfc_problem p = { NULL, NULL };
	struct api_json j = { false };
	struct err err = ERR_INIT;
	const char *la, *ref;
	struct store *s;
	struct viewer v;
	json_t *body = NULL, *root;
	bool seen;
	int rc;

	if (api_params_only(req, res, no_params) ||
	    child_params(req, res, &la, &ref) ||
	    api_viewer(req, res, &s, &v) ||
	    api_body(req, res, meeting_fields, &body))
		return;
	m = xmalloc(sizeof(*m));
	mfc_meeting_init(m);
	snprintf(m->la, sizeof(m->la), "%s", la);
	snprintf(m->ref, sizeof(m->ref), "%s", ref);
	if (api_body_day(res, body, "held_on", &m->held_on, &seen))
		goto out;
	if (!seen || m->held_on == DATE_NONE) {
		api_field_error(res, "held_on", "mfc-required", "held_on: the "
				"day the meeting was held is required");
		goto out;
	}
	if (api_body_day(res, body, "safety_plan_review_on",
			 &m->safety_plan_review_on, NULL) ||
	    api_body_text(res, body, "agencies", m->agencies,
			  sizeof(m->agencies), NULL) ||
	    api_body_text(res, body, "decisions", m->decisions,
			  sizeof(m->decisions), NULL) ||
	    api_body_id(res, body, "episode_id", &m->episode_id, NULL))
		goto out;
	w = api_write_begin(s);
	/* the store refuses the role first, then checks the meeting */
	rc = store_mfc_meeting_add(s, &v, m, &err);
	if (!rc)
		after_change(s, m->child_id, v.now_ms);
	api_write_end(s, w);
	if (rc == ERR_INVALID && mfc_meeting_check(m, v.now_ms, &p, &err)) {
		check_error(res, &p, &err);
		goto out;
	}
	if (rc) {
		api_write_error(req, res, rc, &err,
				"recording a strategy meeting");
		goto out;
	}
	if (!m->recorded_at)	/* the store's stamp: this request's now */
		m->recorded_at = v.now_ms;
	root = json_object();
	api_set(&j, root, "meeting", meeting_json(&j, m));
	api_reply_status(req, res, &j, root, 201);
out:
	json_decref(body);
	free(m);
}

/* ---- the grab pack ---------------------------------------------------------------- */

static const char *const pack_fields[] = {
	"description", "photo_ref", "health", "associates", "places", NULL
};

static void reply_pack(struct request *req, struct response *res,
		       const struct grab_pack *g)
{
	struct api_json j = { false };
	json_t *root = json_object();

	api_set(&j, root, "grab_pack", grab_pack_json(&j, g));
	api_reply(req, res, &j, root);
}

void api_grab_pack_get(struct request *req, struct response *res)
{
	struct grab_pack *g = NULL;
	struct err err = ERR_INIT;
	const char *la, *ref;
	struct store *s;
	struct viewer v;
	int rc;

	if (api_params_only(req, res, no_params) ||
	    child_params(req, res, &la, &ref) ||
	    api_viewer(req, res, &s, &v))
		return;
	g = xmalloc(sizeof(*g));
	rc = store_grab_pack_get(s, &v, la, ref, g, &err);
	if (rc)
		api_store_error(req, res, rc, &err, "reading a grab pack");
	else
		reply_pack(req, res, g);
	free(g);
}

void api_grab_pack_put(struct request *req, struct response *res)
{
	struct grab_pack *g = NULL;
	struct audit_writer *w = NULL;
	struct mfc_problem p = { NULL, NULL };
	struct err err = ERR_INIT;
	const char *la, *ref;
	struct store *s;
	struct viewer v;
	json_t *body = NULL;
	int64_t child_id = 0;
	int rc;

	if (api_params_only(req, res, no_params) ||
	    child_params(req, res, &la, &ref) ||
	    api_viewer(req, res, &s, &v) ||
	    api_body(req, res, pack_fields, &body))
		return;
	/* PUT replaces the pack: a member not given is not recorded */
	g = xcalloc(1, sizeof(*g));
	snprintf(g->la, sizeof(g->la), "%s", la);
	snprintf(g->ref, sizeof(g->ref), "%s", ref);
	if (api_body_text(res, body, "description", g->description,
			  sizeof(g->description), NULL) ||
	    api_body_text(res, body, "photo_ref", g->photo_ref,
			  sizeof(g->photo_ref), NULL) ||
	    api_body_text(res, body, "health", g->health, sizeof(g->health),
			  NULL) ||
	    api_body_text(res, body, "associates", g->associates,
			  sizeof(g->associates), NULL) ||
	    api_body_text(res, body, "places", g->places, sizeof(g->places),
			  NULL))
		goto out;
	w = api_write_begin(s);
	rc = store_grab_pack_put(s, &v, g, &child_id, &err);
	if (!rc)
		after_change(s, child_id, v.now_ms);
	if (!rc)
		rc = store_grab_pack_get(s, &v, la, ref, g, &err);
	api_write_end(s, w);
	if (rc == ERR_INVALID && grab_pack_check(g, &p, &err))
		check_error(res, &p, &err);
	else if (rc)
		api_write_error(req, res, rc, &err, "writing a grab pack");
	else
		reply_pack(req, res, g);
out:
	json_decref(body);
	free(g);
}

/* ---- a child's live chronology ------------------------------------------------------- */

void api_mfc_child(struct request *req, struct response *res)
{
	struct mfc_chronology c = MFC_CHRONOLOGY_INIT;
	struct api_json j = { false };
	struct err err = ERR_INIT;
	const char *la, *ref;
	struct store *s;
	struct viewer v;
	json_t *root, *eps, *ms;
	int rc;

	if (api_params_only(req, res, no_params) ||
	    child_params(req, res, &la, &ref) ||
	    api_viewer(req, res, &s, &v))
		return;
	rc = store_mfc_child(s, &v, la, ref, &c, &err);
	if (rc) {
		api_store_error(req, res, rc, &err,
				"reading a child's missing episodes");
		goto out;
	}
	root = json_object();
	eps = json_array();
	ms = json_array();
	for (size_t i = 0; i < c.nepisodes; i++)
		api_push(&j, eps, episode_json(&j, &v, &c.episodes[i]));
	for (size_t i = 0; i < c.nmeetings; i++)
		api_push(&j, ms, meeting_json(&j, &c.meetings[i]));
	api_set(&j, root, "access",
		json_string(viewer_access_name(v.access)));
	api_set(&j, root, "council", api_str(la));
	api_set(&j, root, "ref", api_str(ref));
	api_set(&j, root, "episodes", eps);
	api_set(&j, root, "strategy_meetings", ms);
	api_set(&j, root, "truncated", json_boolean(c.truncated));
	api_reply(req, res, &j, root);
out:
	mfc_chronology_release(&c);
}
