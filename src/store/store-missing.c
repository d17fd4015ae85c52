/*
 * store-missing.c: missing from care recorded live (store.h, issue 5;
 * docs/missing.md): episodes, strategy meetings and grab packs, scoped
 * and audited like the reads of store-scope.c, every change and its
 * audit row in one transaction.
 */
#include "base/compat.h"
#include "base/xalloc.h"
#include "store/store-internal.h"

static bool mfc_child_ok(const char *la, const char *ref)
{
	return la && ref && strnlen(la, LA_CODE_MAX + 1) == LA_CODE_MAX &&
	       ref[0] && strnlen(ref, S903_CHILD_MAX + 1) <= S903_CHILD_MAX;
}

static void mfc_subject(char out[AUDIT_SUBJECT_MAX + 1], const char *la,
			const char *ref)
{
	snprintf(out, AUDIT_SUBJECT_MAX + 1, "%.20s/%.40s", la ? la : "",
		 ref ? ref : "");
}

/* A refused change or read: audited, then the same answer for out of
 * scope and unknown. */
static int mfc_refused(struct store *s, const struct viewer *v,
		       const char *action, const char *kind,
		       const char *subject, const char *why, const char *msg,
		       struct err *err)
{
	int rc = v->audit(s, v, action, kind, subject, why, err);

	return rc ? rc : err_set(err, ERR_NOT_FOUND, "%s", msg);
}

/* ERR_DENIED for an access that may never do this, audited. */
static int mfc_denied(struct store *s, const struct viewer *v,
		      const char *kind, const char *subject, const char *what,
		      struct err *err)
{
	if (v->audit)
		v->audit(s, v, "change-denied", kind, subject,
			 "role may not do this", NULL);
	return err_set(err, ERR_DENIED, "a %s may not %s",
		       v->role[0] ? v->role : "viewer", what);
}

int store_mfc_report(struct store *s, const struct viewer *v,
		     struct mfc_episode *e, struct err *err)
{
	char subject[AUDIT_SUBJECT_MAX + 1], detail[160];
	struct mfc_episode *n = NULL;
	int rc;

	mfc_subject(subject, e->la, e->ref);
	rc = store__scoped_viewer(s, v, true, "child", subject, err);
	if (rc)
		return rc;
	if (!mfc_may(v->access, MFC_OP_REPORT))
		return mfc_denied(s, v, "child", subject,
				  "report a child missing: the home does",
				  err);
	/* only the home's fields: the rest is for the police and council */
	n = xmalloc(sizeof(*n));
	mfc_episode_init(n);
	memcpy(n->la, e->la, sizeof(n->la));
	memcpy(n->ref, e->ref, sizeof(n->ref));
	memcpy(n->kind, e->kind, sizeof(n->kind));
	n->started_at = e->started_at;
	n->last_seen_at = e->last_seen_at;
	memcpy(n->last_seen_place, e->last_seen_place,
	       sizeof(n->last_seen_place));
	memcpy(n->circumstances, e->circumstances, sizeof(n->circumstances));
	memcpy(n->home_actions, e->home_actions, sizeof(n->home_actions));
	n->exploitation = e->exploitation;
	memcpy(n->associates, e->associates, sizeof(n->associates));
	memcpy(n->locations, e->locations, sizeof(n->locations));
	memcpy(n->health_needs, e->health_needs, sizeof(n->health_needs));
	rc = mfc_episode_check(n, v->now_ms, NULL, err);
	if (rc)
		goto out;
	if (!mfc_child_ok(n->la, n->ref)) {
		rc = mfc_refused(s, v, "change-denied", "child", subject,
				 "no such child", "no such child", err);
		goto out;
	}
	rc = store_begin(s, err);
	if (rc)
		goto out;
	rc = db_mfc_place(s->db, v, n->la, n->ref, &n->child_id,
			      n->urn, err);
	if (!rc)
		rc = db_mfc_insert(s->db, n, v->user_id, v->now_ms,
				       &n->id, err);
	if (!rc) {
		snprintf(detail, sizeof(detail),
			 "missing episode %lld reported (%s) from %s",
			 (long long)n->id, n->kind, n->urn);
		rc = v->audit(s, v, "change", "child", subject, detail, err);
	}
	if (!rc)
		rc = store_commit(s, err);
	if (rc) {
		store_rollback(s);
		if (rc == ERR_NOT_FOUND)
			rc = mfc_refused(s, v, "change-denied", "child",
					 subject, "not placed at the "
					 "provider's homes or no such child",
					 "no such child", err);
		else if (rc == ERR_EXISTS)
			rc = err_set(err, ERR_EXISTS, "%s/%s already has an "
				     "open missing episode", n->la, n->ref);
		goto out;
	}
	e->id = n->id;
	e->child_id = n->child_id;
	memcpy(e->urn, n->urn, sizeof(e->urn));
out:
	free(n);
	return rc;
}

/* Take operation op's fields from in into cur. */
static void mfc_merge(int op, const struct mfc_episode *in,
		      struct mfc_episode *cur)
{
	switch (op) {
	case MFC_OP_HOME:
		cur->last_seen_at = in->last_seen_at;
		memcpy(cur->last_seen_place, in->last_seen_place,
		       sizeof(cur->last_seen_place));
		memcpy(cur->circumstances, in->circumstances,
		       sizeof(cur->circumstances));
		memcpy(cur->home_actions, in->home_actions,
		       sizeof(cur->home_actions));
		cur->exploitation = in->exploitation;
		memcpy(cur->associates, in->associates,
		       sizeof(cur->associates));
		memcpy(cur->locations, in->locations, sizeof(cur->locations));
		memcpy(cur->health_needs, in->health_needs,
		       sizeof(cur->health_needs));
		break;
	case MFC_OP_POLICE:
		memcpy(cur->police_ref, in->police_ref,
		       sizeof(cur->police_ref));
		cur->grade = in->grade;
		cur->arrested = in->arrested;
		cur->charged = in->charged;
		break;
	case MFC_OP_RETURN:
		cur->returned_at = in->returned_at;
		memcpy(cur->returned_place, in->returned_place,
		       sizeof(cur->returned_place));
		break;
	case MFC_OP_INTERVIEW:
		cur->ri_offered_at = in->ri_offered_at;
		cur->ri_held_at = in->ri_held_at;
		memcpy(cur->ri_by, in->ri_by, sizeof(cur->ri_by));
		cur->ri_independent = in->ri_independent;
		cur->ri_outcome = in->ri_outcome;
		memcpy(cur->ri_summary, in->ri_summary,
		       sizeof(cur->ri_summary));
		break;
	default:
		BUG("mfc_merge: no operation %d", op);
	}
}

/* Whether v may do op at all: ERR_DENIED, audited, if not. */
static int mfc_change_may(struct store *s, const struct viewer *v, int op,
			  const char *subject, struct err *err)
{
	char what[64];
	int rc = store__scoped_viewer(s, v, true, "mfc-episode", subject, err);

	if (rc || mfc_may(v->access, op))
		return rc;
	snprintf(what, sizeof(what), "record the %s", mfc_op_name(op));
	return mfc_denied(s, v, "mfc-episode", subject, what, err);
}

int store_mfc_change_refused(struct store *s, const struct viewer *v,
			     enum mfc_op op, int64_t id, struct err *err)
{
	char subject[AUDIT_SUBJECT_MAX + 1];
	struct mfc_episode *cur;
	bool exists = false, allowed = false;
	int rc;

	snprintf(subject, sizeof(subject), "%lld", (long long)id);
	rc = op ? mfc_change_may(s, v, op, subject, err) :
		  store__scoped_viewer(s, v, true, "mfc-episode", subject, err);
	if (rc)
		return rc;
	cur = xmalloc(sizeof(*cur));
	mfc_episode_init(cur);
	rc = db_mfc_find(s->db, v, id, false, &exists, &allowed, cur,
			     err);
	if (rc && rc != ERR_NOT_FOUND) {
		free(cur);
		return rc;
	}
	if (exists)
		mfc_subject(subject, cur->la, cur->ref);
	free(cur);
	return mfc_refused(s, v, "change-denied", exists ? "child" :
			   "mfc-episode", subject, exists ? "out of scope" :
			   "no such episode", "no such missing episode", err);
}

static int mfc_change(struct store *s, const struct viewer *v, int op,
		      const struct mfc_episode *in, struct mfc_written *out,
		      struct err *err)
{
	char subject[AUDIT_SUBJECT_MAX + 1], detail[200];
	struct mfc_episode *cur = NULL;
	bool exists = false, allowed = false;
	int rc;

	if (out) {
		mfc_episode_init(&out->e);
		out->visible = false;
	}
	snprintf(subject, sizeof(subject), "%lld", (long long)in->id);
	rc = mfc_change_may(s, v, op, subject, err);
	if (rc)
		return rc;
	if (op == MFC_OP_RETURN && !in->returned_at)
		return err_set(err, ERR_INVALID, "RETURNED_AT is required");
	cur = xmalloc(sizeof(*cur));
	rc = store_begin(s, err);
	if (rc)
		goto out;
	rc = db_mfc_find(s->db, v, in->id, true, &exists, &allowed, cur,
			     err);
	if (!rc && !allowed)
		rc = ERR_NOT_FOUND;
	if (!rc) {
		mfc_subject(subject, cur->la, cur->ref);
		mfc_merge(op, in, cur);
		rc = mfc_episode_check(cur, v->now_ms, NULL, err);
	}
	if (!rc)
		rc = db_mfc_write(s->db, op, cur, v->user_id, v->now_ms,
				      err);
	if (!rc) {
		snprintf(detail, sizeof(detail), "missing episode %lld: %s",
			 (long long)cur->id, mfc_op_name(op));
		rc = v->audit(s, v, "change", "child", subject, detail, err);
	}
	/* the row as committed, and whether v may see it now: the same
	 * rule as store_mfc_get(), read inside the change's transaction */
	if (!rc && out) {
		rc = db_mfc_find(s->db, v, in->id, false, &exists,
				     &out->visible, &out->e, err);
		if (!rc)
			mfc_redact(v->access, &out->e);
	}
	if (!rc)
		rc = store_commit(s, err);
	if (rc && out) {
		mfc_episode_init(&out->e);
		out->visible = false;
	}
	if (rc) {
		store_rollback(s);
		if (rc == ERR_NOT_FOUND) {
			if (!exists)
				snprintf(subject, sizeof(subject), "%lld",
					 (long long)in->id);
			rc = mfc_refused(s, v, "change-denied",
					 exists ? "child" : "mfc-episode",
					 subject, exists ? "out of scope" :
					 "no such episode",
					 "no such missing episode", err);
		}
	}
out:
	free(cur);
	return rc;
}

int store_mfc_update_home(struct store *s, const struct viewer *v,
			  const struct mfc_episode *e,
			  struct mfc_written *out, struct err *err)
{
	return mfc_change(s, v, MFC_OP_HOME, e, out, err);
}

int store_mfc_police(struct store *s, const struct viewer *v,
		     const struct mfc_episode *e, struct mfc_written *out,
		     struct err *err)
{
	return mfc_change(s, v, MFC_OP_POLICE, e, out, err);
}

int store_mfc_return(struct store *s, const struct viewer *v,
		     const struct mfc_episode *e, struct mfc_written *out,
		     struct err *err)
{
	return mfc_change(s, v, MFC_OP_RETURN, e, out, err);
}

int store_mfc_interview(struct store *s, const struct viewer *v,
			const struct mfc_episode *e, struct mfc_written *out,
			struct err *err)
{
	return mfc_change(s, v, MFC_OP_INTERVIEW, e, out, err);
}

int store_mfc_meeting_add(struct store *s, const struct viewer *v,
			  struct mfc_meeting *m, struct err *err)
{
	char subject[AUDIT_SUBJECT_MAX + 1], detail[120];
	unsigned scope = 0;
	int64_t id = 0;
	int rc;

	mfc_subject(subject, m->la, m->ref);
	rc = store__scoped_viewer(s, v, true, "child", subject, err);
	if (rc)
		return rc;
	if (!mfc_may(v->access, MFC_OP_MEETING))
		return mfc_denied(s, v, "child", subject,
				  "record a strategy meeting: the council "
				  "does", err);
	rc = mfc_meeting_check(m, v->now_ms, NULL, err);
	if (rc)
		return rc;
	if (!mfc_child_ok(m->la, m->ref))
		return mfc_refused(s, v, "change-denied", "child", subject,
				   "no such child", "no such child", err);
	rc = store_begin(s, err);
	if (rc)
		return rc;
	m->child_id = 0;
	rc = db_mfc_child_find(s->db, v, m->la, m->ref, &id, &scope,
				   err);
	if (!rc && !(scope & MFC_SCOPE_CHILD))
		rc = ERR_NOT_FOUND;
	if (!rc) {
		m->child_id = id;	/* in scope: later NOT_FOUNDs are the
					 * episode's, with their message */
		rc = db_mfc_meeting_insert(s->db, m, v->user_id,
					       v->now_ms, &m->id, err);
	}
	if (!rc) {
		snprintf(detail, sizeof(detail), "strategy meeting %lld "
			 "recorded", (long long)m->id);
		rc = v->audit(s, v, "change", "child", subject, detail, err);
	}
	if (!rc)
		rc = store_commit(s, err);
	if (rc) {
		store_rollback(s);
		m->id = 0;
		if (rc == ERR_NOT_FOUND && !m->child_id)
			rc = mfc_refused(s, v, "change-denied", "child",
					 subject, "out of scope or no such "
					 "child", "no such child", err);
	}
	return rc;
}

int store_grab_pack_put(struct store *s, const struct viewer *v,
			const struct grab_pack *g, int64_t *child_id,
			struct err *err)
{
	char subject[AUDIT_SUBJECT_MAX + 1];
	unsigned scope = 0;
	int64_t id = 0;
	int rc;

	mfc_subject(subject, g->la, g->ref);
	rc = store__scoped_viewer(s, v, true, "grab-pack", subject, err);
	if (rc)
		return rc;
	if (!mfc_may(v->access, MFC_OP_GRAB_PACK))
		return mfc_denied(s, v, "grab-pack", subject,
				  "keep a grab pack: the home does", err);
	rc = grab_pack_check(g, NULL, err);
	if (rc)
		return rc;
	if (!mfc_child_ok(g->la, g->ref))
		return mfc_refused(s, v, "change-denied", "grab-pack",
				   subject, "no such child", "no such child",
				   err);
	rc = store_begin(s, err);
	if (rc)
		return rc;
	rc = db_mfc_child_find(s->db, v, g->la, g->ref, &id, &scope,
				   err);
	if (!rc && !(scope & MFC_SCOPE_PLACED))
		rc = ERR_NOT_FOUND;
	if (!rc)
		rc = db_grab_pack_put(s->db, id, g, v->user_id,
					  v->now_ms, err);
	if (!rc)
		rc = v->audit(s, v, "change", "grab-pack", subject,
			      "grab pack updated", err);
	if (!rc)
		rc = store_commit(s, err);
	if (rc) {
		store_rollback(s);
		if (rc == ERR_NOT_FOUND)
			rc = mfc_refused(s, v, "change-denied", "grab-pack",
					 subject, "not placed at the "
					 "provider's homes or no such child",
					 "no such child", err);
		return rc;
	}
	if (child_id)
		*child_id = id;
	return 0;
}

int store_grab_pack_get(struct store *s, const struct viewer *v,
			const char *la, const char *ref, struct grab_pack *out,
			struct err *err)
{
	char subject[AUDIT_SUBJECT_MAX + 1], detail[64];
	unsigned scope = 0;
	int64_t id = 0;
	int rc;

	memset(out, 0, sizeof(*out));
	mfc_subject(subject, la, ref);
	rc = store__scoped_viewer(s, v, false, "grab-pack", subject, err);
	if (rc)
		return rc;
	rc = ERR_NOT_FOUND;
	if (mfc_child_ok(la, ref))
		rc = db_mfc_child_find(s->db, v, la, ref, &id, &scope,
					   err);
	if (rc == ERR_NOT_FOUND || (!rc && !(scope & MFC_SCOPE_GRAB_READ)))
		return mfc_refused(s, v, "view-denied", "grab-pack", subject,
				   rc ? "no such child" : v->access ==
				   VIEWER_POLICE ? "not missing from the "
				   "force's area" : "out of scope",
				   "no such child", err);
	if (rc)
		return rc;
	rc = db_grab_pack_get(s->db, id, out, err);
	if (rc == ERR_NOT_FOUND) {
		memset(out, 0, sizeof(*out));
		out->none_yet = true;
		rc = v->audit(s, v, "view-denied", "grab-pack", subject,
			      "no grab pack yet", err);
		return rc ? rc : err_set(err, ERR_NOT_FOUND, "%s/%s has no "
					 "grab pack yet", la, ref);
	}
	if (rc)
		return rc;
	snprintf(detail, sizeof(detail), "as %s",
		 viewer_access_name(v->access));
	rc = v->audit(s, v, "view", "grab-pack", subject, detail, err);
	if (rc)
		memset(out, 0, sizeof(*out));
	return rc;
}

int store_mfc_visible(struct store *s, const struct viewer *v, int64_t id,
		      bool *yes, struct err *err)
{
	struct mfc_episode *e;
	bool exists = false;
	int rc;

	*yes = false;
	rc = store__viewer_check(v, false, err);
	if (rc || v->access == VIEWER_NONE)
		return rc;
	e = xmalloc(sizeof(*e));
	mfc_episode_init(e);
	rc = db_mfc_find(s->db, v, id, false, &exists, yes, e, err);
	mfc_episode_init(e);
	free(e);
	if (rc == ERR_NOT_FOUND) {
		*yes = false;
		rc = 0;
	}
	return rc;
}

int store_mfc_get(struct store *s, const struct viewer *v, int64_t id,
		  struct mfc_episode *out, struct err *err)
{
	char subject[AUDIT_SUBJECT_MAX + 1], detail[64];
	bool exists = false, allowed = false;
	int rc;

	mfc_episode_init(out);
	snprintf(subject, sizeof(subject), "%lld", (long long)id);
	rc = store__scoped_viewer(s, v, false, "mfc-episode", subject, err);
	if (rc)
		return rc;
	rc = db_mfc_find(s->db, v, id, false, &exists, &allowed, out,
			     err);
	if (rc == ERR_NOT_FOUND || (!rc && !allowed)) {
		if (exists)
			mfc_subject(subject, out->la, out->ref);
		mfc_episode_init(out);
		return mfc_refused(s, v, "view-denied",
				   exists ? "child" : "mfc-episode", subject,
				   exists ? "out of scope" : "no such episode",
				   "no such missing episode", err);
	}
	if (rc) {
		mfc_episode_init(out);
		return rc;
	}
	mfc_redact(v->access, out);
	mfc_subject(subject, out->la, out->ref);
	snprintf(detail, sizeof(detail), "missing episode %lld as %s",
		 (long long)id, viewer_access_name(v->access));
	rc = v->audit(s, v, "view", "child", subject, detail, err);
	if (rc)
		mfc_episode_init(out);
	return rc;
}

void mfc_chronology_release(struct mfc_chronology *c)
{
	free(c->episodes);
	free(c->meetings);
	memset(c, 0, sizeof(*c));
}

int store_mfc_child(struct store *s, const struct viewer *v, const char *la,
		    const char *ref, struct mfc_chronology *out,
		    struct err *err)
{
	char subject[AUDIT_SUBJECT_MAX + 1], detail[96];
	unsigned scope = 0;
	int64_t id = 0;
	int rc;

	mfc_chronology_release(out);
	mfc_subject(subject, la, ref);
	rc = store__scoped_viewer(s, v, false, "child", subject, err);
	if (rc)
		return rc;
	rc = ERR_NOT_FOUND;
	if (mfc_child_ok(la, ref))
		rc = db_mfc_child_find(s->db, v, la, ref, &id, &scope,
					   err);
	if (rc == ERR_NOT_FOUND || (!rc && !(scope & MFC_SCOPE_CHILD)))
		return mfc_refused(s, v, "view-denied", "child", subject,
				   rc ? "no such child" : "out of scope",
				   "no such child", err);
	if (!rc)
		rc = db_mfc_child_rows(s->db, v, id, out, err);
	if (rc) {
		mfc_chronology_release(out);
		return rc;
	}
	for (size_t i = 0; i < out->nepisodes; i++)
		mfc_redact(v->access, &out->episodes[i]);
	snprintf(detail, sizeof(detail), "as %s: %zu live missing episodes, "
		 "%zu strategy meetings", viewer_access_name(v->access),
		 out->nepisodes, out->nmeetings);
	rc = v->audit(s, v, "view", "child", subject, detail, err);
	if (rc)
		mfc_chronology_release(out);
	return rc;
}

int store_mfc_attention(struct store *s, const struct viewer *v,
			const struct mfc_filter *f,
			struct mfc_attention_page *out, struct err *err)
{
	struct names nm = { "", 0, 0 };
	int rc;

	memset(out, 0, sizeof(*out));
	store__page_clamp(f->page, f->page_size, &out->page, &out->page_size);
	rc = store__scoped_viewer(s, v, false, "missing-live",
				  f->urn && f->urn[0] ? f->urn :
				  f->la ? f->la : "", err);
	if (rc)
		return rc;
	if (!store__filter_ok(f->la) || !store__filter_ok(f->urn))
		return 0;
	rc = db_mfc_attention(s->db, v, f, out, err);
	if (!rc && out->n) {
		for (size_t i = 0; i < out->n; i++)
			store__names_add(&nm, out->rows[i].la,
					 out->rows[i].ref);
		rc = v->audit(s, v, "list", "missing-live",
			      f->urn ? f->urn : f->la ? f->la : "",
			      store__names_text(&nm), err);
	}
	if (rc) {
		long page = out->page, size = out->page_size;

		memset(out, 0, sizeof(*out));
		out->page = page;
		out->page_size = size;
	}
	return rc;
}

int store_mfc_import(struct store *s, const struct mfc_episode *e,
		     int64_t *id, struct err *err)
{
	struct mfc_episode *n;
	bool known = true;
	int rc;

	if (!mfc_child_ok(e->la, e->ref))
		return err_set(err, ERR_NOT_FOUND, "no child %s/%s", e->la,
			       e->ref);
	n = xmalloc(sizeof(*n));
	*n = *e;
	rc = db_mfc_child_id(s->db, e->la, e->ref, &n->child_id, err);
	if (rc == ERR_NOT_FOUND)
		rc = err_set(err, rc, "no child %s/%s in the stored returns",
			     e->la, e->ref);
	if (!rc && e->urn[0])
		rc = db_mfc_home_known(s->db, e->urn, &known, err);
	if (!rc && !known)
		rc = err_set(err, ERR_INVALID, "no home %s in the register",
			     e->urn);
	/*
	 * The insert may be refused (an episode open twice) and the import
	 * goes on to report the next rows: guarded, since PostgreSQL fails
	 * the whole transaction at a failed statement where SQLite fails
	 * only the statement.
	 */
	if (!rc)
		rc = sql_guard_begin(s->db, err);
	if (!rc)
		rc = sql_guard_end(s->db,
				   db_mfc_insert(s->db, n, 0,
						 e->reported_at ?
						 e->reported_at : e->started_at,
						 id, err), err);
	if (rc == ERR_EXISTS)
		rc = err_set(err, rc, "%s/%s already has an open missing "
			     "episode", e->la, e->ref);
	free(n);
	return rc;
}

int store_mfc_meeting_import(struct store *s, const struct mfc_meeting *m,
			     int64_t episode_started_at, int64_t *id,
			     struct err *err)
{
	struct mfc_meeting n = *m;
	int rc;

	if (!mfc_child_ok(m->la, m->ref))
		return err_set(err, ERR_NOT_FOUND, "no child %s/%s", m->la,
			       m->ref);
	rc = db_mfc_child_id(s->db, m->la, m->ref, &n.child_id, err);
	if (rc == ERR_NOT_FOUND)
		return err_set(err, rc, "no child %s/%s in the stored returns",
			       m->la, m->ref);
	n.episode_id = 0;
	if (!rc && episode_started_at) {
		rc = db_mfc_episode_at(s->db, n.child_id,
					   episode_started_at, &n.episode_id,
					   err);
		if (rc == ERR_NOT_FOUND)
			return err_set(err, rc, "%s/%s has no missing episode "
				       "that started then", m->la, m->ref);
	}
	/* guarded, as store_mfc_import()'s */
	if (!rc)
		rc = sql_guard_begin(s->db, err);
	if (!rc)
		rc = sql_guard_end(s->db,
				   db_mfc_meeting_insert(s->db, &n, 0,
					m->recorded_at ? m->recorded_at :
					(int64_t)n.held_on * 86400000LL,
					id, err), err);
	return rc;
}

int store_mfc_each(struct store *s, const char *la, int64_t from_ms,
		   int64_t to_ms, store_mfc_fn *fn, void *ctx,
		   struct err *err)
{
	if (!la || strnlen(la, LA_CODE_MAX + 1) != LA_CODE_MAX)
		return 0;
	return db_mfc_each(s->db, la, from_ms, to_ms, fn, ctx, err);
}
