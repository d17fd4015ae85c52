/*
 * viewer.c: the viewer of a signed-in user (domain/viewer.h), and the
 * audit hook through which the store's scoped reads record every view of
 * a child (docs/access.md).
 *
 * It lives here, not in src/store/, because the hook writes with
 * audit_append() and dependencies point auth -> store: the store calls
 * the hook it is handed and never src/auth/ directly.
 */
#include "base/compat.h"
#include "base/uktime.h"
#include "auth/auth.h"
#include "domain/viewer.h"


/* What a role in an organisation of kind k may see of children. */
static enum viewer_access access_of(enum role r, enum org_kind k)
{
	if (!auth_role_fits(r, k))
		return VIEWER_NONE;
	switch (r) {
	case ROLE_INSPECTOR:
		return VIEWER_INSPECTORATE;
	case ROLE_COUNCIL_SOCIAL_WORKER:
	case ROLE_COUNCIL_PLACEMENTS:
		return VIEWER_COUNCIL;
	case ROLE_HOME_MANAGER:
		return VIEWER_PROVIDER;
	case ROLE_POLICE_MISSING_COORDINATOR:
		return VIEWER_POLICE;
	case ROLE_ANALYST:	/* aggregates only (the review) */
	case ROLE_ADMIN:	/* manages users; least privilege */
	case ROLE_N:
		break;
	}
	return VIEWER_NONE;
}

/* viewer_audit_fn: one audit row as the viewer's user. */
static int view_audit(struct store *s, const struct viewer *v,
		      const char *action, const char *subject_kind,
		      const char *subject_id, const char *detail,
		      struct err *err)
{
	struct user u;
	struct auth_actor by = { &u, NULL, v->ip };
	struct audit_event e = { v->now_ms, &by, action, subject_kind,
				 subject_id, detail };
	struct audit_writer *w;

	memset(&u, 0, sizeof(u));
	if (!v->user_id || role_parse(v->role, &u.role))
		return err_set(err, ERR_DENIED,
			       "views of children are audited, and this "
			       "viewer is not a user");
	u.id = v->user_id;
	u.org_id = v->org_id;
	snprintf(u.email, sizeof(u.email), "%s", v->actor);
	w = audit_writer_bound(s);
	/* a server thread: group commit, still written before we return */
	return w ? audit_writer_append(w, s, &e, err) : audit_append(s, &e, err);
}

static int add_area(const char *code, void *ctx)
{
	struct viewer *v = ctx;

	if (v->nareas == VIEWER_AREAS_MAX)
		return ERR_TOO_LARGE;
	snprintf(v->areas[v->nareas++], sizeof(v->areas[0]), "%s", code);
	return 0;
}

int viewer_add_police_areas(struct store *s, int64_t org_id,
			    const char *code, struct viewer *v,
			    struct err *err)
{
	int rc = store_org_areas_each(s, org_id, add_area, v, err);

	if (rc == ERR_TOO_LARGE)
		rc = err_set(err, rc, "police force %s covers more than %d "
			     "councils", code, VIEWER_AREAS_MAX);
	return rc;
}

static int fail(struct viewer *out, int rc)
{
	memset(out, 0, sizeof(*out));
	out->today = DATE_NONE;	/* the store refuses such a viewer */
	return rc;
}

int viewer_from_user(struct store *s, const struct user *u, const char *ip,
		     int64_t now_ms, struct viewer *out, struct err *err)
{
	struct org o;
	int rc;

	fail(out, 0);
	if (!u || !u->id || u->disabled || (unsigned)u->role >= ROLE_N)
		return fail(out, err_set(err, ERR_DENIED, "%s",
					 AUTH_MSG_NO_SESSION));
	rc = store_org_get_id(s, u->org_id, &o, err);
	if (rc)
		return fail(out, rc);
	return viewer_from_user_org(s, u, &o, ip, now_ms, out, err);
}

int viewer_from_user_org(struct store *s, const struct user *u,
			 const struct org *o, const char *ip, int64_t now_ms,
			 struct viewer *out, struct err *err)
{
	int rc;

	fail(out, 0);
	if (!u || !u->id || u->disabled || (unsigned)u->role >= ROLE_N ||
	    !o || o->id != u->org_id)
		return fail(out, err_set(err, ERR_DENIED, "%s",
					 AUTH_MSG_NO_SESSION));
	out->user_id = u->id;
	out->org_id = u->org_id;
	snprintf(out->actor, sizeof(out->actor), "%s", u->email);
	snprintf(out->role, sizeof(out->role), "%s", role_name(u->role));
	snprintf(out->org_kind, sizeof(out->org_kind), "%s",
		 (unsigned)o->kind < ORG_NKINDS ? org_kind_name(o->kind) : "");
	snprintf(out->org_code, sizeof(out->org_code), "%s", o->code);
	snprintf(out->ip, sizeof(out->ip), "%s", ip ? ip : "");
	/* "today" is the UK's: the day a person in Wales would say it is */
	out->today = uk_day_of(now_ms);
	out->now_ms = now_ms;
	out->access = VIEWER_NONE;
	if ((unsigned)o->kind < ORG_NKINDS)
		out->access = access_of(u->role, o->kind);
	switch (out->access) {
	case VIEWER_COUNCIL:
		snprintf(out->la, sizeof(out->la), "%s", o->la);
		break;
	case VIEWER_PROVIDER:
		/* a provider not linked to the register sees no child */
		snprintf(out->provider, sizeof(out->provider), "%s",
			 o->provider);
		break;
	case VIEWER_POLICE:
		rc = viewer_add_police_areas(s, o->id, o->code, out, err);
		if (rc)
			return fail(out, rc);
		break;
	case VIEWER_NONE:
	case VIEWER_INSPECTORATE:
	case VIEWER_NACCESS:
		break;
	}
	out->audit = view_audit;
	return 0;
}
