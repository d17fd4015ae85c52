/*
 * store-quality.c: the quality of care kept (store-quality.h, issue 13;
 * docs/inspections.md): the arguments checked, each change in one
 * transaction with its audit row, then db-quality.c.  Unscoped: who may
 * do what is the service's (quality/service.c).
 */
#include "base/compat.h"
#include "base/parse.h"
#include "base/xalloc.h"
#include "store/store-internal.h"
#include "store/store-quality.h"

void quality_set_release(struct quality_set *q)
{
	free(q->insp);
	free(q->findings);
	free(q->notifs);
	free(q->recs);
	free(q->repeats);
	free(q->addressees);
	free(q->actions);
	free(q->updates);
	free(q->views);
	memset(q, 0, sizeof(*q));
}

static bool urn_ok(const char *urn)
{
	return urn && urn[0] && strnlen(urn, S903_URN_MAX + 1) <= S903_URN_MAX;
}

static bool code_ok(const char *code)
{
	return code && code[0] && strnlen(code, ORG_CODE_MAX + 1) <= ORG_CODE_MAX;
}

/* err's message again, after "what N (line L): " (err_set() keeps the
 * first error, so it is cleared first). */
static int err_row(struct err *err, int rc, const char *what, size_t k,
		   uint32_t line)
{
	char msg[256];

	snprintf(msg, sizeof(msg), "%s", err_text(err));
	err_clear(err);
	return err_set(err, rc, "%s %zu (line %u): %s", what, k, line, msg);
}

/* The change's audit row, when there is a viewer to write it. */
static int audit_change(struct store *s, const struct viewer *v,
			const char *kind, int64_t id, const char *detail,
			struct err *err)
{
	char subject[AUDIT_SUBJECT_MAX + 1];

	if (!v || !v->audit)
		return 0;
	snprintf(subject, sizeof(subject), "%lld", (long long)id);
	return v->audit(s, v, "change", kind, subject, detail, err);
}

/* Home urn in the register: ERR_NOT_FOUND, said, if not. */
static int home_known(struct store *s, const char *urn, struct err *err)
{
	bool known = false;
	int rc;

	if (!urn_ok(urn))
		return err_set(err, ERR_NOT_FOUND, "no such home");
	rc = db_mfc_home_known(s->db, urn, &known, err);
	if (!rc && !known)
		rc = err_set(err, ERR_NOT_FOUND, "no home %s in the register",
			     urn);
	return rc;
}

int store_quality_load(struct store *s, unsigned parts, const char *urn,
		       struct quality_set *out, struct err *err)
{
	int rc;

	memset(out, 0, sizeof(*out));
	if (urn && !urn_ok(urn))
		return 0;	/* no home of that name: nothing of it */
	rc = db_quality_load(s->db, parts & QP_ALL, urn, out, err);
	if (rc)
		quality_set_release(out);
	return rc;
}

/* ---- inspections and findings ------------------------------------------- */

/* Finding repeats_id: an earlier finding of home urn, not of inspection
 * insp_id.  ERR_INVALID otherwise. */
static int repeat_ok(struct store *s, int64_t repeats_id, const char *urn,
		     int64_t insp_id, struct err *err)
{
	struct q_finding *e = xmalloc(sizeof(*e));
	int rc = db_finding_get(s->db, repeats_id, e, err);

	if (rc == ERR_NOT_FOUND || (!rc && (strcmp(e->urn, urn) ||
					    e->inspection_id == insp_id)))
		rc = err_set(err, ERR_INVALID, "finding %lld is not an "
			     "earlier finding of home %s",
			     (long long)repeats_id, urn);
	free(e);
	return rc;
}

int store_inspection_add(struct store *s, const struct viewer *v,
			 struct q_inspection *i, struct q_finding *f,
			 size_t nf, struct err *err)
{
	char detail[120];
	int64_t id = 0;
	size_t k;
	int rc;

	if (i->id)
		return err_set(err, ERR_INVALID, "a new inspection has no id");
	if (nf && !f)
		BUG("store_inspection_add: %zu findings and no array", nf);
	rc = store_begin(s, err);
	if (rc)
		return rc;
	rc = home_known(s, i->urn, err);
	if (!rc)
		rc = db_inspection_insert(s->db, i, &id, err);
	for (k = 0; !rc && k < nf; k++) {
		f[k].inspection_id = id;
		memcpy(f[k].urn, i->urn, sizeof(f[k].urn));
		if (f[k].repeats_id)
			rc = repeat_ok(s, f[k].repeats_id, i->urn, id, err);
		if (!rc)
			rc = db_finding_insert(s->db, &f[k], &f[k].id, err);
	}
	if (!rc) {
		snprintf(detail, sizeof(detail), "inspection of %s recorded "
			 "with %zu findings", i->urn, nf);
		rc = audit_change(s, v, "inspection", id, detail, err);
	}
	if (!rc)
		rc = store_commit(s, err);
	if (rc) {
		store_rollback(s);
		for (k = 0; k < nf; k++)
			f[k].id = f[k].inspection_id = 0;
		if (rc == ERR_EXISTS) {
			err_clear(err);
			rc = err_set(err, rc, "home %s already has a %s "
				     "inspection that started that day",
				     i->urn, q_insp_type_code(i->type));
		}
		return rc;
	}
	i->id = id;
	return 0;
}

int store_finding_respond(struct store *s, const struct viewer *v,
			  int64_t id, const char *response, int32_t target_on,
			  int64_t at, const char *by, struct err *err)
{
	int rc;

	if (!response || strnlen(response, Q_TEXT_MAX + 1) > Q_TEXT_MAX)
		return err_set(err, ERR_INVALID, "a response is text of at "
			       "most %d bytes", Q_TEXT_MAX);
	rc = store_begin(s, err);
	if (rc)
		return rc;
	rc = db_finding_respond(s->db, id, response, target_on, at, by, err);
	if (!rc)
		rc = audit_change(s, v, "finding", id, "provider's response",
				  err);
	if (!rc)
		rc = store_commit(s, err);
	if (rc)
		store_rollback(s);
	return rc;
}

int store_finding_judge(struct store *s, const struct viewer *v, int64_t id,
			enum q_finding_status status, int32_t on,
			int64_t inspection_id, struct err *err)
{
	struct q_inspection *i = NULL;
	char detail[80];
	int rc;

	if (status != Q_MET && status != Q_NOT_MET)
		return err_set(err, ERR_INVALID, "a finding is judged met or "
			       "not met");
	if (on == DATE_NONE)
		return err_set(err, ERR_INVALID, "a judgement has a day");
	rc = store_begin(s, err);
	if (rc)
		return rc;
	if (inspection_id) {
		i = xmalloc(sizeof(*i));
		rc = db_inspection_get(s->db, inspection_id, i, err);
		if (rc == ERR_NOT_FOUND)
			rc = err_set(err, rc, "no inspection %lld",
				     (long long)inspection_id);
	}
	if (!rc)
		rc = db_finding_judge(s->db, id, status, on, inspection_id,
				      err);
	if (!rc) {
		snprintf(detail, sizeof(detail), "judged %s",
			 q_finding_status_code(status));
		rc = audit_change(s, v, "finding", id, detail, err);
	}
	if (!rc)
		rc = store_commit(s, err);
	if (rc)
		store_rollback(s);
	free(i);
	return rc;
}

int store_inspection_get(struct store *s, int64_t id, struct q_inspection *out,
			 struct q_finding **f, size_t *nf, struct err *err)
{
	int rc;

	*f = NULL;
	*nf = 0;
	rc = db_inspection_get(s->db, id, out, err);
	if (rc == ERR_NOT_FOUND)
		return err_set(err, rc, "no such inspection");
	if (!rc)
		rc = db_findings_of(s->db, id, f, nf, err);
	if (rc) {
		free(*f);
		*f = NULL;
		*nf = 0;
	}
	return rc;
}

int store_finding_get(struct store *s, int64_t id, struct q_finding *out,
		      struct err *err)
{
	int rc = db_finding_get(s->db, id, out, err);

	return rc == ERR_NOT_FOUND ? err_set(err, rc, "no such finding") : rc;
}

/*
 * Findings of an import: f[k].inspection_id and f[k].repeats_id are
 * 1-based indexes (in insp, in f).  All are added first without their
 * repeats, then linked, since a finding may repeat one later in f.
 */
static int import_findings(struct store *s, const struct q_inspection *insp,
			   size_t n, struct q_finding *f, size_t nf,
			   struct err *err)
{
	size_t *ix = xcalloc(nf ? nf : 1, sizeof(*ix));
	size_t *rep = xcalloc(nf ? nf : 1, sizeof(*rep));
	int rc = 0;

	for (size_t k = 0; k < nf; k++) {
		ix[k] = (size_t)f[k].inspection_id;
		rep[k] = (size_t)f[k].repeats_id;
		if (f[k].inspection_id <= 0 || ix[k] > n) {
			rc = err_set(err, ERR_INVALID, "finding %zu (line %u) "
				     "names no inspection of the import",
				     k + 1, f[k].line);
			goto out;
		}
		if (f[k].repeats_id < 0 || rep[k] > nf || rep[k] == k + 1) {
			rc = err_set(err, ERR_INVALID, "finding %zu (line %u) "
				     "repeats no other finding of the import",
				     k + 1, f[k].line);
			goto out;
		}
	}
	for (size_t k = 0; !rc && k < nf; k++) {
		const struct q_inspection *i = &insp[ix[k] - 1];

		if (rep[k]) {
			const struct q_inspection *e = &insp[ix[rep[k] - 1] - 1];

			if (strcmp(e->urn, i->urn) || e == i ||
			    e->start_on > i->start_on) {
				rc = err_set(err, ERR_INVALID, "finding %zu "
					     "(line %u) repeats one that is "
					     "not an earlier finding of home "
					     "%s", k + 1, f[k].line, i->urn);
				break;
			}
		}
		f[k].inspection_id = i->id;
		f[k].repeats_id = 0;
		memcpy(f[k].urn, i->urn, sizeof(f[k].urn));
		rc = db_finding_insert(s->db, &f[k], &f[k].id, err);
		if (rc)
			err_row(err, rc, "finding", k + 1, f[k].line);
	}
	for (size_t k = 0; !rc && k < nf; k++) {
		if (!rep[k])
			continue;
		f[k].repeats_id = f[rep[k] - 1].id;
		rc = db_finding_set_repeats(s->db, f[k].id, f[k].repeats_id,
					    err);
	}
out:
	free(ix);
	free(rep);
	return rc;
}

int store_inspections_import(struct store *s, struct q_inspection *insp,
			     size_t n, struct q_finding *f, size_t nf,
			     long *added, long *replaced, struct err *err)
{
	long nadd = 0, nrep = 0;
	int rc;

	if (added)
		*added = 0;
	if (replaced)
		*replaced = 0;
	rc = store_begin(s, err);
	if (rc)
		return rc;
	for (size_t k = 0; !rc && k < n; k++) {
		struct q_inspection *i = &insp[k];
		int64_t id = 0;

		rc = home_known(s, i->urn, err);
		if (!rc) {
			rc = db_inspection_key(s->db, i->urn, i->start_on,
					       i->type, &id, err);
			if (rc == ERR_NOT_FOUND) {
				err_clear(err);
				rc = db_inspection_insert(s->db, i, &i->id,
							  err);
				nadd++;
			} else if (!rc) {
				/* in place: its id, and what later
				 * inspections judged, stay */
				i->id = id;
				rc = db_findings_delete(s->db, id, err);
				if (!rc)
					rc = db_inspection_update(s->db, i,
								  err);
				nrep++;
			}
		}
		if (rc)
			err_row(err, rc, "inspection", k + 1, i->line);
	}
	if (!rc)
		rc = import_findings(s, insp, n, f, nf, err);
	if (!rc)
		rc = store_commit(s, err);
	if (rc) {
		store_rollback(s);
		for (size_t k = 0; k < n; k++)
			insp[k].id = 0;
		return rc;
	}
	if (added)
		*added = nadd;
	if (replaced)
		*replaced = nrep;
	return 0;
}

/* ---- notifications ------------------------------------------------------ */

int store_notification_add(struct store *s, const struct viewer *v,
			   struct q_notification *n, struct err *err)
{
	char detail[120];
	int64_t child_id = 0, id = 0;
	int rc;

	if (!n->la[0] != !n->ref[0])
		return err_set(err, ERR_INVALID, "a child is named by its "
			       "council and its reference");
	rc = store_begin(s, err);
	if (rc)
		return rc;
	rc = home_known(s, n->urn, err);
	if (!rc && n->la[0]) {
		rc = db_mfc_child_id(s->db, n->la, n->ref, &child_id, err);
		if (rc == ERR_NOT_FOUND)
			rc = err_set(err, rc, "no child %s/%s", n->la, n->ref);
	}
	if (!rc)
		rc = db_notification_insert(s->db, n, child_id, &id, err);
	if (!rc) {
		snprintf(detail, sizeof(detail), "notification (%s) from %s",
			 n->category, n->urn);
		rc = audit_change(s, v, "notification", id, detail, err);
	}
	if (!rc)
		rc = store_commit(s, err);
	if (rc) {
		store_rollback(s);
		return rc;
	}
	n->id = id;
	return 0;
}

int store_notification_get(struct store *s, int64_t id,
			   struct q_notification *out, struct err *err)
{
	int rc = db_notification_get(s->db, id, out, err);

	return rc == ERR_NOT_FOUND ? err_set(err, rc, "no such notification") :
				     rc;
}

/* ---- recommendations ---------------------------------------------------- */

int store_rec_add(struct store *s, const struct viewer *v, struct rec *r,
		  struct rec_addressee *a, size_t na,
		  const int64_t *repeats, size_t nrepeats, struct err *err)
{
	char detail[120];
	int64_t id = 0;
	int rc;

	for (size_t k = 0; k < na; k++)
		if ((unsigned)a[k].kind >= ORG_NKINDS || !code_ok(a[k].code))
			return err_set(err, ERR_INVALID, "addressee %zu is "
				       "not an organisation", k + 1);
	rc = store_begin(s, err);
	if (rc)
		return rc;
	rc = db_rec_insert(s->db, r, &id, err);
	if (rc == ERR_EXISTS) {
		err_clear(err);
		rc = err_set(err, rc, "recommendation %s exists", r->code);
	}
	for (size_t k = 0; !rc && k < na; k++) {
		a[k].rec_id = id;
		a[k].status = REC_NOT_STARTED;
		a[k].verdict = REC_VERDICT_NONE;
		a[k].verdict_reason[0] = '\0';
		a[k].verdict_on = DATE_NONE;
		a[k].verdict_by[0] = '\0';
		a[k].last_update_at = 0;
		rc = db_rec_addressee_insert(s->db, id, a[k].kind, a[k].code,
					     &a[k].id, err);
		if (rc == ERR_EXISTS) {
			err_clear(err);
			rc = err_set(err, rc, "%s:%s is an addressee twice",
				     org_kind_name(a[k].kind), a[k].code);
		}
	}
	for (size_t k = 0; !rc && k < nrepeats; k++) {
		rc = db_rec_known(s->db, repeats[k], err);
		if (!rc)
			rc = db_rec_repeat_insert(s->db, id, repeats[k], err);
		if (rc == ERR_EXISTS) {
			err_clear(err);
			rc = err_set(err, rc, "recommendation %lld repeated "
				     "twice", (long long)repeats[k]);
		}
	}
	if (!rc) {
		snprintf(detail, sizeof(detail), "recommendation %.24s added: "
			 "%zu addressees, repeats %zu", r->code, na, nrepeats);
		rc = audit_change(s, v, "recommendation", id, detail, err);
	}
	if (!rc)
		rc = store_commit(s, err);
	if (rc) {
		store_rollback(s);
		for (size_t k = 0; k < na; k++)
			a[k].id = a[k].rec_id = 0;
		return rc;
	}
	r->id = id;
	return 0;
}

int store_rec_repeat_add(struct store *s, const struct viewer *v,
			 int64_t rec_id, int64_t earlier_id, struct err *err)
{
	char detail[80];
	int rc;

	if (rec_id == earlier_id)
		return err_set(err, ERR_INVALID, "a recommendation does not "
			       "repeat itself");
	rc = store_begin(s, err);
	if (rc)
		return rc;
	rc = db_rec_known(s->db, rec_id, err);
	if (!rc)
		rc = db_rec_known(s->db, earlier_id, err);
	if (!rc)
		rc = db_rec_repeat_insert(s->db, rec_id, earlier_id, err);
	if (!rc) {
		snprintf(detail, sizeof(detail), "repeats recommendation %lld",
			 (long long)earlier_id);
		rc = audit_change(s, v, "recommendation", rec_id, detail, err);
	}
	if (!rc)
		rc = store_commit(s, err);
	if (rc)
		store_rollback(s);
	return rc;
}

int store_rec_addressee_get(struct store *s, int64_t id,
			    struct rec_addressee *out, struct err *err)
{
	int rc = db_rec_addressee_get(s->db, id, out, err);

	return rc == ERR_NOT_FOUND ? err_set(err, rc, "no such addressee") :
				     rc;
}

/* Addressee id stored: ERR_NOT_FOUND, said, if not; *out its row. */
static int addressee_known(struct store *s, int64_t id,
			   struct rec_addressee *out, struct err *err)
{
	return store_rec_addressee_get(s, id, out, err);
}

int store_rec_action_add(struct store *s, const struct viewer *v,
			 struct rec_action *a, struct err *err)
{
	struct rec_addressee *ad = xmalloc(sizeof(*ad));
	char detail[64];
	int64_t id = 0;
	int rc = store_begin(s, err);

	if (rc)
		goto out;
	rc = addressee_known(s, a->addressee_id, ad, err);
	if (!rc)
		rc = db_rec_action_insert(s->db, a, &id, err);
	if (!rc) {
		snprintf(detail, sizeof(detail), "action %lld added",
			 (long long)id);
		rc = audit_change(s, v, "rec-addressee", a->addressee_id,
				  detail, err);
	}
	if (!rc)
		rc = store_commit(s, err);
	if (rc)
		store_rollback(s);
	else
		a->id = id;
out:
	free(ad);
	return rc;
}

int store_rec_action_done(struct store *s, const struct viewer *v,
			  int64_t id, int32_t on, struct err *err)
{
	struct rec_action *a = xmalloc(sizeof(*a));
	char detail[64];
	int rc = store_begin(s, err);

	if (rc)
		goto out;
	rc = db_rec_action_get(s->db, id, a, err);
	if (rc == ERR_NOT_FOUND)
		rc = err_set(err, rc, "no such action");
	if (!rc)
		rc = db_rec_action_done(s->db, id, on, err);
	if (!rc) {
		snprintf(detail, sizeof(detail), "action %lld %s",
			 (long long)id, on == DATE_NONE ? "not done" : "done");
		rc = audit_change(s, v, "rec-addressee", a->addressee_id,
				  detail, err);
	}
	if (!rc)
		rc = store_commit(s, err);
	if (rc)
		store_rollback(s);
out:
	free(a);
	return rc;
}

int store_rec_action_get(struct store *s, int64_t id, struct rec_action *out,
			 struct err *err)
{
	int rc = db_rec_action_get(s->db, id, out, err);

	return rc == ERR_NOT_FOUND ? err_set(err, rc, "no such action") : rc;
}

int store_rec_update_add(struct store *s, const struct viewer *v,
			 struct rec_update *u, struct err *err)
{
	struct rec_addressee *ad = xmalloc(sizeof(*ad));
	char detail[64];
	int64_t id = 0;
	int rc;

	if ((unsigned)u->status >= REC_NSTATUSES) {
		free(ad);
		return err_set(err, ERR_INVALID, "no such status");
	}
	rc = store_begin(s, err);
	if (rc)
		goto out;
	rc = addressee_known(s, u->addressee_id, ad, err);
	if (!rc)
		rc = db_rec_update_insert(s->db, u, &id, err);
	if (!rc) {
		snprintf(detail, sizeof(detail), "update %lld: %s",
			 (long long)id, rec_status_code(u->status));
		rc = audit_change(s, v, "rec-addressee", u->addressee_id,
				  detail, err);
	}
	if (!rc)
		rc = store_commit(s, err);
	if (rc)
		store_rollback(s);
	else
		u->id = id;
out:
	free(ad);
	return rc;
}

int store_rec_verdict(struct store *s, const struct viewer *v, int64_t id,
		      enum rec_verdict verdict, const char *reason,
		      int32_t on, const char *by, struct err *err)
{
	struct rec_addressee *ad;
	char detail[64];
	int rc;

	if ((unsigned)verdict >= REC_NVERDICTS)
		return err_set(err, ERR_INVALID, "no such verdict");
	if (reason && strnlen(reason, Q_TEXT_MAX + 1) > Q_TEXT_MAX)
		return err_set(err, ERR_INVALID, "a reason is text of at most "
			       "%d bytes", Q_TEXT_MAX);
	ad = xmalloc(sizeof(*ad));
	rc = store_begin(s, err);
	if (rc)
		goto out;
	rc = addressee_known(s, id, ad, err);
	if (!rc && ad->status != REC_DONE)
		rc = err_set(err, ERR_INVALID, "only a \"done\" is accepted "
			     "or rejected");
	if (!rc)
		rc = db_rec_verdict(s->db, id, verdict, reason, on, by, err);
	if (!rc) {
		snprintf(detail, sizeof(detail), "verdict: %s",
			 verdict ? rec_verdict_code(verdict) : "none");
		rc = audit_change(s, v, "rec-addressee", id, detail, err);
	}
	if (!rc)
		rc = store_commit(s, err);
	if (rc)
		store_rollback(s);
out:
	free(ad);
	return rc;
}

/* ---- views and ties ----------------------------------------------------- */

int store_home_viewed(struct store *s, enum org_kind kind, const char *code,
		      const char *urn, int64_t at, struct err *err)
{
	int rc;

	if ((unsigned)kind >= ORG_NKINDS || !code_ok(code))
		return err_set(err, ERR_INVALID, "not an organisation");
	rc = home_known(s, urn, err);
	if (!rc)
		rc = db_home_viewed(s->db, kind, code, urn, at, err);
	return rc;
}

static bool la_ok(const char *la)
{
	return la && strnlen(la, LA_CODE_MAX + 1) == LA_CODE_MAX;
}

int store_quality_council_places(struct store *s, const char *la,
				 const char *urn, int32_t today, bool *yes,
				 struct err *err)
{
	*yes = false;
	if (!la_ok(la) || !urn_ok(urn) || today == DATE_NONE)
		return 0;
	return db_quality_council_places(s->db, la, urn, today, yes, err);
}

int store_quality_placing_councils(struct store *s, const char *urn,
				   int32_t today, store_council_count_fn *fn,
				   void *ctx, struct err *err)
{
	if (!urn_ok(urn) || today == DATE_NONE)
		return 0;
	return db_quality_placing_councils(s->db, urn, today, fn, ctx, err);
}

int store_quality_home(struct store *s, const char *urn,
		       char provider[PROVIDER_NAME_MAX + 1],
		       char la[LA_CODE_MAX + 1], struct err *err)
{
	int rc;

	provider[0] = la[0] = '\0';
	if (!urn_ok(urn))
		return err_set(err, ERR_NOT_FOUND, "no such home");
	rc = db_quality_home(s->db, urn, provider, la, err);
	return rc == ERR_NOT_FOUND ? err_set(err, rc, "no home %s in the "
					     "register", urn) : rc;
}

int store_quality_child_at(struct store *s, const char *la, const char *ref,
			   const char *urn, int32_t today, bool *yes,
			   struct err *err)
{
	int rc;

	*yes = false;
	if (!la_ok(la) || !ref || !ref[0] ||
	    strnlen(ref, S903_CHILD_MAX + 1) > S903_CHILD_MAX)
		return err_set(err, ERR_NOT_FOUND, "no such child");
	if (!urn_ok(urn) || today == DATE_NONE)
		return 0;
	rc = db_quality_child_at(s->db, la, ref, urn, today, yes, err);
	return rc == ERR_NOT_FOUND ? err_set(err, rc, "no child %s/%s", la,
					     ref) : rc;
}
