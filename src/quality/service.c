/*
 * service.c: the quality of care for people (quality/service.h, issue
 * 13; docs/inspections.md): each read and change asks quality_may()
 * (domain/quality.h) with the home's ties, checks its input with the
 * domain's checks, and is audited: a read or a refusal here, a change by
 * the store in its transaction.
 *
 * A refusal is ERR_DENIED when v's kind of access may never do it
 * (quality_may() without ties), ERR_NOT_FOUND when the row is out of v's
 * scope, with the same message as a row that does not exist.
 */
#include "base/compat.h"
#include "base/parse.h"
#include "base/xalloc.h"
#include "domain/missing.h"
#include "quality/service.h"
#include "store/store-missing.h"
#include "store/store-people.h"

/* An audit row through v's hook (a viewer without one, an analyst of a
 * health board, has nothing child-level to audit). */
static int audit(struct store *s, const struct viewer *v, const char *action,
		 const char *kind, const char *subject, const char *detail,
		 struct err *err)
{
	return v->audit ? v->audit(s, v, action, kind, subject, detail, err) :
			  0;
}

static void id_subject(char out[AUDIT_SUBJECT_MAX + 1], int64_t id)
{
	snprintf(out, AUDIT_SUBJECT_MAX + 1, "%lld", (long long)id);
}

/* v's kind of access may never do this: ERR_DENIED, audited. */
static int denied(struct store *s, const struct viewer *v, bool change,
		  const char *kind, const char *subject, const char *what,
		  struct err *err)
{
	audit(s, v, change ? "change-denied" : "view-denied", kind, subject,
	      "role may not do this", NULL);
	return err_set(err, ERR_DENIED, "a %s may not %s",
		       v->role[0] ? v->role : "viewer", what);
}

/* Out of v's scope, or no such row: audited, then the same answer. */
static int refused(struct store *s, const struct viewer *v, bool change,
		   const char *kind, const char *subject, const char *why,
		   const char *msg, struct err *err)
{
	int rc = audit(s, v, change ? "change-denied" : "view-denied", kind,
		       subject, why, err);

	return rc ? rc : err_set(err, ERR_NOT_FOUND, "%s", msg);
}

static int invalid(struct q_problem *p, const char *field, const char *rule,
		   const char *msg, struct err *err)
{
	if (p) {
		p->field = field;
		p->rule = rule;
		snprintf(p->msg, sizeof(p->msg), "%s", msg);
	}
	return err_set(err, ERR_INVALID, "%s: %s", field, msg);
}

/* A check's ERR_INVALID with its problem in err too. */
static int checked(int rc, const struct q_problem *p, struct err *err)
{
	if (rc && p && p->field)
		return err_set(err, rc, "%s: %s", p->field, p->msg);
	return rc ? err_set(err, rc, "invalid") : 0;
}

int quality_ties(struct store *s, const struct viewer *v, const char *urn,
		 struct q_home_ties *out, struct err *err)
{
	char provider[PROVIDER_NAME_MAX + 1], la[LA_CODE_MAX + 1];
	int rc;

	memset(out, 0, sizeof(*out));
	rc = store_quality_home(s, urn, provider, la, err);
	if (rc)
		return rc;
	switch (v->access) {
	case VIEWER_PROVIDER:
		out->provider = v->provider[0] && !strcmp(provider,
							  v->provider);
		break;
	case VIEWER_COUNCIL:
		out->council_area = v->la[0] && !strcmp(la, v->la);
		rc = store_quality_council_places(s, v->la, urn, v->today,
						  &out->council_places, err);
		break;
	default:
		break;
	}
	return rc;
}

/* The ties of home urn for a read or change of kind/subject: a home
 * that does not exist is refused as one out of scope. */
static int ties_of(struct store *s, const struct viewer *v, bool change,
		   const char *urn, const char *kind, const char *subject,
		   struct q_home_ties *t, struct err *err)
{
	int rc = quality_ties(s, v, urn, t, err);

	if (rc == ERR_NOT_FOUND) {
		err_clear(err);
		return refused(s, v, change, kind, subject, "no such home",
			       "no such home", err);
	}
	return rc;
}

/* ---- a home's record ---------------------------------------------------- */

/* The notifications of q that v may see (ties t of their home, or of
 * each home's when t is NULL), since since_ms, newest first. */
static int notifs_visible(struct store *s, const struct viewer *v,
			  const struct q_home_ties *t, int64_t since_ms,
			  struct quality_set *q, struct err *err)
{
	/* each home's ties once: a few hundred homes, many notifications */
	struct home_ties {
		char urn[S903_URN_MAX + 1];
		struct q_home_ties t;
	} *seen = NULL;
	size_t nseen = 0, alloc = 0, n = 0;
	int rc = 0;

	for (size_t k = 0; k < q->nnotifs; k++) {
		const struct q_notification *x = &q->notifs[k];
		const struct q_home_ties *tk = t;
		size_t h;

		if (x->occurred_at < since_ms)
			continue;
		if (!tk && v->access != VIEWER_INSPECTORATE) {
			for (h = 0; h < nseen && strcmp(seen[h].urn, x->urn);
			     h++)
				;
			if (h == nseen) {
				ALLOC_GROW(seen, nseen + 1, alloc);
				memcpy(seen[h].urn, x->urn,
				       sizeof(seen[h].urn));
				rc = quality_ties(s, v, x->urn, &seen[h].t,
						  err);
				if (rc == ERR_NOT_FOUND) {
					/* not in the register: nobody's */
					err_clear(err);
					memset(&seen[h].t, 0,
					       sizeof(seen[h].t));
					rc = 0;
				}
				if (rc)
					break;
				nseen++;
			}
			tk = &seen[h].t;
		}
		if (quality_notification_visible(v, x, tk)) {
			if (n != k)
				q->notifs[n] = *x;	/* n < k */
			n++;
		}
	}
	free(seen);
	if (rc)
		return rc;
	/* loaded oldest first: newest first */
	for (size_t i = 0, j = n; i + 1 < j; i++, j--) {
		struct q_notification x = q->notifs[i];

		q->notifs[i] = q->notifs[j - 1];
		q->notifs[j - 1] = x;
	}
	q->nnotifs = n;
	return rc;
}

int quality_home_record(struct store *s, const struct viewer *v,
			const char *urn, struct quality_set *out,
			struct err *err)
{
	struct q_home_ties t;
	char detail[120];
	unsigned parts = QP_INSPECTIONS;
	int rc;

	memset(out, 0, sizeof(*out));
	if (!urn || !urn[0] || strnlen(urn, S903_URN_MAX + 1) > S903_URN_MAX)
		urn = "";
	if (!quality_may(v, Q_READ_RECORD, NULL))
		return denied(s, v, false, "home-record", urn,
			      "see a home's record: aggregates only", err);
	rc = ties_of(s, v, false, urn, "home-record", urn, &t, err);
	if (rc)
		return rc;
	if (!quality_may(v, Q_READ_RECORD, &t))
		return refused(s, v, false, "home-record", urn, "out of scope",
			       "no such home", err);
	if (quality_may(v, Q_READ_NOTIFICATIONS, &t))
		parts |= QP_NOTIFICATIONS;
	rc = store_quality_load(s, parts, urn, out, err);
	if (!rc)
		rc = notifs_visible(s, v, &t, 0, out, err);
	/* newest first */
	for (size_t i = 0, j = out->ninsp; !rc && i + 1 < j; i++, j--) {
		struct q_inspection x = out->insp[i];

		out->insp[i] = out->insp[j - 1];
		out->insp[j - 1] = x;
	}
	if (!rc) {
		snprintf(detail, sizeof(detail), "as %s: %zu inspections, %zu "
			 "findings, %zu notifications",
			 viewer_access_name(v->access), out->ninsp,
			 out->nfindings, out->nnotifs);
		rc = audit(s, v, "view", "home-record", urn, detail, err);
	}
	/* remembered for the alert on a home rated Poor */
	if (!rc && v->access == VIEWER_COUNCIL && v->la[0])
		rc = store_home_viewed(s, ORG_COUNCIL, v->la, urn, v->now_ms,
				       err);
	if (rc)
		quality_set_release(out);
	return rc;
}

int quality_inspection_get(struct store *s, const struct viewer *v,
			   int64_t id, struct q_inspection *out,
			   struct q_finding **f, size_t *nf, struct err *err)
{
	char subject[AUDIT_SUBJECT_MAX + 1], detail[80];
	struct q_home_ties t;
	int rc;

	*f = NULL;
	*nf = 0;
	id_subject(subject, id);
	if (!quality_may(v, Q_READ_RECORD, NULL))
		return denied(s, v, false, "inspection", subject,
			      "see a home's record: aggregates only", err);
	rc = store_inspection_get(s, id, out, f, nf, err);
	if (rc == ERR_NOT_FOUND) {
		err_clear(err);
		return refused(s, v, false, "inspection", subject,
			       "no such inspection", "no such inspection",
			       err);
	}
	if (!rc)
		rc = ties_of(s, v, false, out->urn, "inspection", subject, &t,
			     err);
	if (!rc && !quality_may(v, Q_READ_RECORD, &t))
		rc = refused(s, v, false, "inspection", subject,
			     "out of scope", "no such inspection", err);
	if (!rc) {
		snprintf(detail, sizeof(detail), "of %s as %s", out->urn,
			 viewer_access_name(v->access));
		rc = audit(s, v, "view", "inspection", subject, detail, err);
	}
	if (rc) {
		free(*f);
		*f = NULL;
		*nf = 0;
		q_inspection_init(out);
	}
	return rc;
}

int quality_inspection_record(struct store *s, const struct viewer *v,
			      struct q_inspection *i, struct q_finding *f,
			      size_t nf, struct q_problem *p,
			      struct err *err)
{
	int rc;

	if (!quality_may(v, Q_RECORD_INSPECTION, NULL))
		return denied(s, v, true, "inspection", i->urn,
			      "record an inspection: inspectors do", err);
	i->id = 0;
	i->recorded_at = v->now_ms;
	snprintf(i->recorded_by, sizeof(i->recorded_by), "%s", v->actor);
	rc = checked(q_inspection_check(i, v->today, p), p, err);
	for (size_t k = 0; !rc && k < nf; k++) {
		/* new findings are open: a later inspection judges them,
		 * the provider responds */
		f[k].id = 0;
		f[k].status = Q_OPEN;
		f[k].judged_on = DATE_NONE;
		f[k].judged_inspection_id = 0;
		f[k].response[0] = '\0';
		f[k].response_target_on = DATE_NONE;
		f[k].responded_at = 0;
		f[k].responded_by[0] = '\0';
		rc = checked(q_finding_check(&f[k], i, p), p, err);
	}
	if (rc)
		return rc;
	rc = store_inspection_add(s, v, i, f, nf, err);
	if (rc == ERR_NOT_FOUND) {
		err_clear(err);
		return invalid(p, "urn", "unknown", "no such home in the "
			       "register", err);
	}
	if (rc == ERR_INVALID && p) {
		p->field = "repeats";
		p->rule = "not-earlier";
		snprintf(p->msg, sizeof(p->msg), "%s", err_text(err));
	}
	return rc;
}

/* Finding id for change op, in v's scope: *out, or a refusal. */
static int finding_for(struct store *s, const struct viewer *v,
		       enum q_op op, int64_t id, struct q_finding *out,
		       struct err *err)
{
	char subject[AUDIT_SUBJECT_MAX + 1];
	struct q_home_ties t;
	int rc;

	id_subject(subject, id);
	if (!quality_may(v, op, NULL))
		return denied(s, v, true, "finding", subject,
			      op == Q_RESPOND ? "respond to a finding: the "
			      "home's provider does" : "judge a finding: "
			      "inspectors do", err);
	rc = store_finding_get(s, id, out, err);
	if (rc == ERR_NOT_FOUND) {
		err_clear(err);
		return refused(s, v, true, "finding", subject,
			       "no such finding", "no such finding", err);
	}
	if (!rc)
		rc = ties_of(s, v, true, out->urn, "finding", subject, &t,
			     err);
	if (!rc && !quality_may(v, op, &t))
		rc = refused(s, v, true, "finding", subject, "out of scope",
			     "no such finding", err);
	return rc;
}

int quality_finding_respond(struct store *s, const struct viewer *v,
			    int64_t id, const char *response,
			    int32_t target_on, struct q_problem *p,
			    struct err *err)
{
	struct q_finding *f = xmalloc(sizeof(*f));
	int rc = finding_for(s, v, Q_RESPOND, id, f, err);

	if (!rc)
		rc = checked(q_text_check("response", response, Q_TEXT_MAX,
					  true, p), p, err);
	if (!rc && f->status == Q_MET)
		rc = invalid(p, "response", "closed", "the finding has been "
			     "judged met", err);
	if (!rc && target_on != DATE_NONE && target_on < v->today)
		rc = invalid(p, "target", "past", "the target date has "
			     "passed", err);
	if (!rc)
		rc = store_finding_respond(s, v, id, response, target_on,
					   v->now_ms, v->actor, err);
	free(f);
	return rc;
}

int quality_finding_judge(struct store *s, const struct viewer *v,
			  int64_t id, enum q_finding_status status,
			  int64_t inspection_id, struct err *err)
{
	struct q_finding *f = xmalloc(sizeof(*f));
	struct q_inspection *i = NULL;
	struct q_finding *fi = NULL;
	size_t nfi = 0;
	int rc = finding_for(s, v, Q_RECORD_INSPECTION, id, f, err);

	if (!rc && status != Q_MET && status != Q_NOT_MET)
		rc = err_set(err, ERR_INVALID, "a finding is judged met or "
			     "not met");
	if (!rc && inspection_id) {
		/* an inspection of the same home, after the finding's */
		i = xmalloc(sizeof(*i));
		rc = store_inspection_get(s, inspection_id, i, &fi, &nfi, err);
		free(fi);
		if (!rc && (strcmp(i->urn, f->urn) ||
			    inspection_id == f->inspection_id))
			rc = err_set(err, ERR_INVALID, "inspection %lld is "
				     "not a later inspection of %s",
				     (long long)inspection_id, f->urn);
		else if (rc == ERR_NOT_FOUND) {
			err_clear(err);
			rc = err_set(err, ERR_INVALID, "no inspection %lld",
				     (long long)inspection_id);
		}
	}
	if (!rc)
		rc = store_finding_judge(s, v, id, status, v->today,
					 inspection_id, err);
	free(i);
	free(f);
	return rc;
}

/* ---- notifications ------------------------------------------------------ */

int quality_notification_file(struct store *s, const struct viewer *v,
			       struct q_notification *n, struct q_problem *p,
			       struct err *err)
{
	struct q_home_ties t;
	bool at = false;
	int rc;

	if (!quality_may(v, Q_FILE_NOTIFICATION, NULL))
		return denied(s, v, true, "notification", n->urn,
			      "file a notification: the home does", err);
	rc = ties_of(s, v, true, n->urn, "notification", n->urn, &t, err);
	if (rc)
		return rc;
	if (!quality_may(v, Q_FILE_NOTIFICATION, &t))
		return refused(s, v, true, "notification", n->urn,
			       "out of scope", "no such home", err);
	n->id = 0;
	n->filed_at = v->now_ms;
	snprintf(n->filed_by, sizeof(n->filed_by), "%s", v->actor);
	rc = checked(q_notification_check(n, v->now_ms, p), p, err);
	if (rc)
		return rc;
	if (n->la[0] || n->ref[0]) {
		rc = store_quality_child_at(s, n->la, n->ref, n->urn,
					    v->today, &at, err);
		if (rc == ERR_NOT_FOUND || (!rc && !at)) {
			err_clear(err);
			return invalid(p, "child", "not-placed", "no such "
				       "child placed at the home", err);
		}
		if (rc)
			return rc;
	}
	if (n->episode_id) {
		struct mfc_episode *e = xmalloc(sizeof(*e));

		rc = store_mfc_get(s, v, n->episode_id, e, err);
		if (!rc && (strcmp(e->urn, n->urn) || strcmp(e->la, n->la) ||
			    strcmp(e->ref, n->ref)))
			rc = ERR_NOT_FOUND;
		free(e);
		if (rc == ERR_NOT_FOUND) {
			err_clear(err);
			return invalid(p, "episode", "unknown", "no such "
				       "missing episode of the child from "
				       "the home", err);
		}
		if (rc)
			return rc;
	}
	return store_notification_add(s, v, n, err);
}

int quality_notifications(struct store *s, const struct viewer *v,
			  const char *urn, int64_t since_ms,
			  struct q_notification **out, size_t *n,
			  struct err *err)
{
	struct quality_set q = QUALITY_SET_INIT;
	struct q_home_ties t;
	const char *subject = urn ? urn : "all";
	char detail[80];
	int rc;

	*out = NULL;
	*n = 0;
	if (urn && (!urn[0] || strnlen(urn, S903_URN_MAX + 1) > S903_URN_MAX))
		subject = urn = "";
	if (!quality_may(v, Q_READ_NOTIFICATIONS, NULL))
		return denied(s, v, false, "notifications", subject,
			      "see notifications: aggregates only", err);
	if (urn) {
		rc = ties_of(s, v, false, urn, "notifications", subject, &t,
			     err);
		if (rc)
			return rc;
		if (!quality_may(v, Q_READ_NOTIFICATIONS, &t))
			return refused(s, v, false, "notifications", subject,
				       "out of scope", "no such home", err);
	}
	rc = store_quality_load(s, QP_NOTIFICATIONS, urn, &q, err);
	if (!rc)
		rc = notifs_visible(s, v, urn ? &t : NULL, since_ms, &q, err);
	if (!rc && q.nnotifs) {
		snprintf(detail, sizeof(detail), "as %s: %zu notifications",
			 viewer_access_name(v->access), q.nnotifs);
		rc = audit(s, v, "view", "notifications", subject, detail,
			   err);
	}
	if (rc) {
		quality_set_release(&q);
		return rc;
	}
	*out = q.notifs;
	*n = q.nnotifs;
	q.notifs = NULL;
	q.nnotifs = 0;
	quality_set_release(&q);
	return 0;
}

int quality_notification_from_episode(struct store *s,
				      const struct viewer *v,
				      int64_t episode_id,
				      struct q_notification *out,
				      struct err *err)
{
	char subject[AUDIT_SUBJECT_MAX + 1];
	struct mfc_episode *e;
	struct q_home_ties t;
	int rc;

	q_notification_init(out);
	id_subject(subject, episode_id);
	if (!quality_may(v, Q_FILE_NOTIFICATION, NULL))
		return denied(s, v, true, "notification", subject,
			      "file a notification: the home does", err);
	e = xmalloc(sizeof(*e));
	rc = store_mfc_get(s, v, episode_id, e, err);	/* audits the view */
	if (!rc && !e->urn[0]) {
		rc = refused(s, v, true, "notification", subject,
			     "not from a registered home",
			     "no such missing episode", err);
	}
	if (!rc)
		rc = ties_of(s, v, true, e->urn, "notification", subject, &t,
			     err);
	if (!rc && !quality_may(v, Q_FILE_NOTIFICATION, &t))
		rc = refused(s, v, true, "notification", subject,
			     "out of scope", "no such missing episode", err);
	if (!rc) {
		memcpy(out->urn, e->urn, sizeof(out->urn));
		snprintf(out->category, sizeof(out->category), "missing");
		out->occurred_at = e->started_at;
		memcpy(out->la, e->la, sizeof(out->la));
		memcpy(out->ref, e->ref, sizeof(out->ref));
		out->episode_id = e->id;
		/* what the home recorded, for the home to edit */
		if (e->last_seen_place[0])
			snprintf(out->summary, sizeof(out->summary),
				 "%s\n%s", e->last_seen_place,
				 e->circumstances);
		else
			snprintf(out->summary, sizeof(out->summary), "%s",
				 e->circumstances);
		snprintf(out->action, sizeof(out->action), "%s",
			 e->home_actions);
	}
	free(e);
	return rc;
}

/* ---- recommendations ---------------------------------------------------- */

int quality_recs(struct store *s, const struct viewer *v,
		 struct quality_set *out, struct err *err)
{
	memset(out, 0, sizeof(*out));
	if (!quality_may(v, Q_READ_RECS, NULL))
		return denied(s, v, false, "recommendation", "all",
			      "see the register of recommendations", err);
	return store_quality_load(s, QP_RECS, NULL, out, err);
}

int quality_rec_add(struct store *s, const struct viewer *v, struct rec *r,
		    struct rec_addressee *a, size_t na,
		    const int64_t *repeats, size_t nrepeats,
		    struct q_problem *p, struct err *err)
{
	int rc;

	if (!quality_may(v, Q_JUDGE_REC, NULL))
		return denied(s, v, true, "recommendation", r->code,
			      "add a recommendation: inspectors do", err);
	r->id = 0;
	rc = checked(rec_check(r, p), p, err);
	if (rc)
		return rc;
	if (!na)
		return invalid(p, "addressees", "required", "a "
			       "recommendation is addressed to someone", err);
	for (size_t k = 0; k < na; k++)
		if ((unsigned)a[k].kind >= ORG_NKINDS || !a[k].code[0])
			return invalid(p, "addressees", "unknown", "an "
				       "addressee is an organisation", err);
	rc = store_rec_add(s, v, r, a, na, repeats, nrepeats, err);
	if (rc == ERR_EXISTS)
		invalid(p, "code", "exists", "a recommendation has that "
			"code", NULL);
	else if (rc == ERR_NOT_FOUND) {
		err_clear(err);
		rc = invalid(p, "repeats", "unknown", "no such earlier "
			     "recommendation", err);
	}
	return rc;
}

/* Addressee row id, v's own organisation's, for Q_UPDATE_REC. */
static int own_addressee(struct store *s, const struct viewer *v, int64_t id,
			 struct rec_addressee *out, struct err *err)
{
	char subject[AUDIT_SUBJECT_MAX + 1];
	int rc;

	id_subject(subject, id);
	if (!quality_may(v, Q_UPDATE_REC, NULL))
		return denied(s, v, true, "rec-addressee", subject,
			      "update a recommendation: its addressees do",
			      err);
	rc = store_rec_addressee_get(s, id, out, err);
	if (rc == ERR_NOT_FOUND) {
		err_clear(err);
		return refused(s, v, true, "rec-addressee", subject,
			       "no such addressee", "no such addressee", err);
	}
	if (!rc && !quality_addressee_is(v, out->kind, out->code))
		rc = refused(s, v, true, "rec-addressee", subject,
			     "not its organisation", "no such addressee",
			     err);
	return rc;
}

int quality_rec_action_add(struct store *s, const struct viewer *v,
			   struct rec_action *a, struct q_problem *p,
			   struct err *err)
{
	struct rec_addressee *ad = xmalloc(sizeof(*ad));
	int rc = own_addressee(s, v, a->addressee_id, ad, err);

	if (!rc) {
		a->id = 0;
		a->recorded_at = v->now_ms;
		snprintf(a->recorded_by, sizeof(a->recorded_by), "%s",
			 v->actor);
		rc = checked(rec_action_check(a, p), p, err);
	}
	if (!rc)
		rc = store_rec_action_add(s, v, a, err);
	free(ad);
	return rc;
}

int quality_rec_action_done(struct store *s, const struct viewer *v,
			    int64_t action_id, struct err *err)
{
	char subject[AUDIT_SUBJECT_MAX + 1];
	struct rec_addressee *ad;
	struct rec_action *a;
	int rc;

	id_subject(subject, action_id);
	if (!quality_may(v, Q_UPDATE_REC, NULL))
		return denied(s, v, true, "rec-addressee", subject,
			      "update a recommendation: its addressees do",
			      err);
	a = xmalloc(sizeof(*a));
	ad = xmalloc(sizeof(*ad));
	rc = store_rec_action_get(s, action_id, a, err);
	if (rc == ERR_NOT_FOUND) {
		err_clear(err);
		rc = refused(s, v, true, "rec-addressee", subject,
			     "no such action", "no such action", err);
	} else if (!rc) {
		rc = own_addressee(s, v, a->addressee_id, ad, err);
	}
	if (!rc)
		rc = store_rec_action_done(s, v, action_id, v->today, err);
	free(a);
	free(ad);
	return rc;
}

int quality_rec_update_add(struct store *s, const struct viewer *v,
			   struct rec_update *u, struct q_problem *p,
			   struct err *err)
{
	struct rec_addressee *ad = xmalloc(sizeof(*ad));
	int rc = own_addressee(s, v, u->addressee_id, ad, err);

	if (!rc) {
		u->id = 0;
		u->at = v->now_ms;
		snprintf(u->by, sizeof(u->by), "%s", v->actor);
		rc = checked(rec_update_check(u, p), p, err);
	}
	if (!rc)
		rc = store_rec_update_add(s, v, u, err);
	free(ad);
	return rc;
}

int quality_rec_judge(struct store *s, const struct viewer *v, int64_t id,
		      enum rec_verdict verdict, const char *reason,
		      struct q_problem *p, struct err *err)
{
	char subject[AUDIT_SUBJECT_MAX + 1];
	int rc;

	id_subject(subject, id);
	if (!quality_may(v, Q_JUDGE_REC, NULL))
		return denied(s, v, true, "rec-addressee", subject,
			      "accept or reject a \"done\": inspectors do",
			      err);
	if (verdict != REC_ACCEPTED && verdict != REC_REJECTED)
		return invalid(p, "verdict", "unknown", "accepted or "
			       "rejected", err);
	rc = checked(q_text_check("reason", reason ? reason : "", Q_TEXT_MAX,
				  verdict == REC_REJECTED, p), p, err);
	if (rc)
		return rc;
	rc = store_rec_verdict(s, v, id, verdict, reason ? reason : "",
			       v->today, v->actor, err);
	if (rc == ERR_NOT_FOUND) {
		err_clear(err);
		rc = refused(s, v, true, "rec-addressee", subject,
			     "no such addressee", "no such addressee", err);
	} else if (rc == ERR_INVALID && p) {
		p->field = "verdict";
		p->rule = "not-done";
		snprintf(p->msg, sizeof(p->msg), "only a \"done\" is "
			 "accepted or rejected");
	}
	return rc;
}
