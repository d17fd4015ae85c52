/*
 * access.c: people and alerts: who may list, read, acknowledge and
 * resolve an alert (alerts.h; docs/alerts.md, "Who sees an alert").
 *
 * A viewer acts for one recipient organisation: a council user for its
 * council (GSS code), a police coordinator for the force, a home
 * manager for the register provider its organisation names, an
 * inspector for the inspectorate.  The store binds that (kind, code) in
 * SQL; nothing here filters rows after the query.  Inspectors may also
 * open and answer any alert by id (escalations reach them anyway).
 * Analysts, admins and roles outside their kind of organisation have no
 * access (ERR_DENIED), as for children's records.  An alert the viewer
 * may not see is ERR_NOT_FOUND, the same answer as for no alert.
 */
#include "base/compat.h"
#include <inttypes.h>
#include <jansson.h>
#include "alerts/alerts.h"
#include "base/xalloc.h"

int alerts_viewer_org(const struct viewer *v, enum org_kind *kind,
		      char code[ORG_CODE_MAX + 1], struct err *err)
{
	code[0] = '\0';
	if (!v->audit)
		return err_set(err, ERR_DENIED, "alerts name children: this "
			       "viewer is not audited");
	switch (v->access) {
	case VIEWER_COUNCIL:
		*kind = ORG_COUNCIL;
		snprintf(code, ORG_CODE_MAX + 1, "%s", v->la);
		break;
	case VIEWER_POLICE:
		*kind = ORG_POLICE;
		snprintf(code, ORG_CODE_MAX + 1, "%s", v->org_code);
		break;
	case VIEWER_PROVIDER:
		*kind = ORG_PROVIDER;
		snprintf(code, ORG_CODE_MAX + 1, "%s", v->provider);
		break;
	case VIEWER_INSPECTORATE:
		*kind = ORG_INSPECTORATE;
		snprintf(code, ORG_CODE_MAX + 1, "%s", v->org_code);
		break;
	case VIEWER_NONE:
	case VIEWER_NACCESS:
	default:
		return err_set(err, ERR_DENIED, "this role sees no alerts");
	}
	if (!code[0])
		/* a provider organisation not linked to the register */
		return err_set(err, ERR_DENIED, "this organisation receives "
			       "no alerts");
	return 0;
}

/*
 * Appends "LA/REF" (a child) or "home URN" to an audit row's list of
 * names, "W06000015/C01 home W0000002 ...", out[0..*len) so far.  False
 * when the list is full: within 40 bytes of cap, or this one did not fit
 * (snprintf cut it; out stays terminated).
 */
static bool name_add(char *out, size_t cap, size_t *len, const char *la,
		     const char *ref, const char *urn)
{
	int k;

	if (*len + 40 >= cap)
		return false;
	if (ref[0])
		k = snprintf(out + *len, cap - *len, "%s%s/%s",
			     *len ? " " : "", la, ref);
	else if (urn[0])
		k = snprintf(out + *len, cap - *len, "%shome %s",
			     *len ? " " : "", urn);
	else
		return true;
	if (k < 0 || (size_t)k >= cap - *len)
		return false;
	*len += (size_t)k;
	return true;
}

static void names_of(const struct alert_page *p, char *out, size_t cap)
{
	size_t len = 0;

	out[0] = '\0';
	for (size_t i = 0; i < p->n; i++)
		if (!name_add(out, cap, &len, p->rows[i].la, p->rows[i].ref,
			      p->rows[i].urn))
			break;
}

int alerts_list(struct store *s, const struct viewer *v,
		const struct alert_filter *f, struct alert_page *out,
		struct err *err)
{
	char code[ORG_CODE_MAX + 1], names[AUDIT_DETAIL_MAX + 1];
	enum org_kind kind;
	int rc;

	memset(out, 0, sizeof(*out));
	rc = alerts_viewer_org(v, &kind, code, err);
	if (rc)
		return rc;
	rc = store_alerts_list(s, kind, code, f, out, err);
	if (!rc && out->n) {
		names_of(out, names, sizeof(names));
		rc = v->audit(s, v, "list", "alerts", code, names, err);
	}
	if (rc) {
		long page = out->page, size = out->page_size;

		memset(out, 0, sizeof(*out));
		out->page = page;
		out->page_size = size;
	}
	return rc;
}

static void item_names(const struct alert_item_page *p, char *out, size_t cap)
{
	size_t len = 0;

	out[0] = '\0';
	for (size_t i = 0; i < p->n; i++)
		if (!name_add(out, cap, &len, p->items[i].la, p->items[i].ref,
			      p->items[i].urn))
			break;
}

int alerts_items_list(struct store *s, const struct viewer *v,
		      const struct alert_filter *f,
		      struct alert_item_page *out, struct err *err)
{
	char code[ORG_CODE_MAX + 1], names[AUDIT_DETAIL_MAX + 1];
	enum org_kind kind;
	int rc;

	memset(out, 0, sizeof(*out));
	rc = alerts_viewer_org(v, &kind, code, err);
	if (rc)
		return rc;
	rc = store_alert_items_list(s, kind, code, f, out, err);
	if (!rc && out->n) {
		item_names(out, names, sizeof(names));
		rc = v->audit(s, v, "list", "alerts", code, names, err);
	}
	if (rc) {
		long page = out->page, size = out->page_size;

		alert_item_page_release(out);
		memset(out, 0, sizeof(*out));
		out->page = page;
		out->page_size = size;
	}
	return rc;
}

int alerts_items_count(struct store *s, const struct viewer *v,
		       const struct alert_filter *f, long *n, struct err *err)
{
	char code[ORG_CODE_MAX + 1];
	enum org_kind kind;
	int rc;

	*n = 0;
	rc = alerts_viewer_org(v, &kind, code, err);
	if (!rc)
		rc = store_alert_items_count(s, kind, code, f, n, err);
	return rc;
}

int alerts_homes_each(struct store *s, const struct viewer *v,
		      store_alert_home_fn *fn, void *ctx, struct err *err)
{
	char code[ORG_CODE_MAX + 1];
	enum org_kind kind;
	int rc;

	rc = alerts_viewer_org(v, &kind, code, err);
	if (!rc)
		rc = store_alert_homes_each(s, kind, code, fn, ctx, err);
	return rc;
}

/* May v see alert id?  ERR_NOT_FOUND if not (or no such alert). */
static int may_see(struct store *s, const struct viewer *v, int64_t id,
		   struct err *err)
{
	char code[ORG_CODE_MAX + 1];
	enum org_kind kind;
	bool yes = false;
	int rc;

	rc = alerts_viewer_org(v, &kind, code, err);
	if (rc)
		return rc;
	if (v->access == VIEWER_INSPECTORATE)
		return 0;
	rc = store_alert_is_recipient(s, id, kind, code, &yes, err);
	if (!rc && !yes)
		rc = err_set(err, ERR_NOT_FOUND, "no such alert");
	return rc;
}

static void subject_of(const struct alert_row *r, char *out, size_t cap)
{
	if (r->ref[0])
		snprintf(out, cap, "%" PRId64 " %s/%s", r->id, r->la, r->ref);
	else
		snprintf(out, cap, "%" PRId64 " home %s", r->id, r->urn);
}

int alerts_get(struct store *s, const struct viewer *v, int64_t id,
	       struct alert_row *out, struct err *err)
{
	char subject[AUDIT_SUBJECT_MAX + 1];
	int rc;

	memset(out, 0, sizeof(*out));
	rc = may_see(s, v, id, err);
	if (!rc)
		rc = store_alert_get(s, id, out, err);
	if (!rc) {
		subject_of(out, subject, sizeof(subject));
		rc = v->audit(s, v, "view", "alert", subject, out->rule, err);
	}
	if (rc)
		memset(out, 0, sizeof(*out));
	return rc;
}

struct notify {
	struct store *s;
	int64_t id, now;
	const char *event;
	char *body;
	struct err *err;
};

static int notify_one(enum org_kind kind, const char *code, void *ctx)
{
	struct notify *n = ctx;

	return store_outbox_add(n->s, n->id, kind, code, n->event, n->body,
				n->now, NULL, n->err);
}

/* The body of an acknowledged or resolved message: as alerts.c's,
 * with who did it (the organisation, not the person). */
static char *answer_body(const struct alert_row *r, const char *event,
			 const struct viewer *v, int64_t now)
{
	char at[STORE_TIME_MAX];
	json_t *o = json_object(), *child, *by;
	char *text;

	store_time_fmt(now, at);
	json_object_set_new(o, "alert", json_integer(r->id));
	json_object_set_new(o, "rule", json_string(r->rule));
	json_object_set_new(o, "event", json_string(event));
	json_object_set_new(o, "at", json_string(at));
	json_object_set_new(o, "subject", json_string(r->key));
	if (r->ref[0]) {
		child = json_object();
		json_object_set_new(child, "la", json_string(r->la));
		json_object_set_new(child, "ref", json_string(r->ref));
		json_object_set_new(o, "child", child);
	}
	if (r->episode_id)
		json_object_set_new(o, "episode", json_integer(r->episode_id));
	if (r->urn[0])
		json_object_set_new(o, "home", json_string(r->urn));
	by = json_object();
	json_object_set_new(by, "kind", json_string(v->org_kind));
	json_object_set_new(by, "code", json_string(v->org_code));
	json_object_set_new(o, "by", by);
	text = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(o);
	if (!text)
		BUG("json_dumps");
	return text;
}

static int answer(struct store *s, const struct viewer *v, int64_t id,
		  const char *note, bool resolve, struct err *err)
{
	const char *event = resolve ? "resolved" : "acknowledged";
	struct alert_row *r = xmalloc(sizeof(*r));
	char subject[AUDIT_SUBJECT_MAX + 1];
	struct notify n = { s, id, v->now_ms, event, NULL, err };
	int rc;

	if (!note || !*note || strnlen(note, ALERT_NOTE_MAX + 1) >
				       ALERT_NOTE_MAX) {
		rc = err_set(err, ERR_INVALID, "a note of 1 to %d bytes is "
			     "needed", ALERT_NOTE_MAX);
		goto out;
	}
	rc = may_see(s, v, id, err);
	if (rc)
		goto out;
	rc = store_begin(s, err);
	if (rc)
		goto out;
	rc = store_alert_answer(s, id, resolve, v->user_id, note, v->now_ms,
				err);
	if (!rc)
		rc = store_alert_get(s, id, r, err);
	if (!rc) {
		n.body = answer_body(r, event, v, v->now_ms);
		rc = store_alert_recipients_each(s, id, notify_one, &n, err);
	}
	if (!rc) {
		subject_of(r, subject, sizeof(subject));
		rc = v->audit(s, v, resolve ? "alert-resolve" : "alert-ack",
			      "alert", subject, note, err);
	}
	if (!rc)
		rc = store_commit(s, err);
	if (rc)
		store_rollback(s);
out:
	free(n.body);
	free(r);
	return rc;
}

int alerts_ack(struct store *s, const struct viewer *v, int64_t id,
	       const char *note, struct err *err)
{
	return answer(s, v, id, note, false, err);
}

int alerts_resolve(struct store *s, const struct viewer *v, int64_t id,
		   const char *note, struct err *err)
{
	return answer(s, v, id, note, true, err);
}

int alerts_ack_item(struct store *s, const struct viewer *v, int64_t id,
		    const char *note, long *n, struct err *err)
{
	struct alert_page *pg = xmalloc(sizeof(*pg));
	struct alert_row *r = xmalloc(sizeof(*r));
	struct alert_filter f;
	int64_t *ids = NULL;
	size_t nids = 0, alloc = 0;
	int rc;

	*n = 0;
	rc = alerts_get(s, v, id, r, err);
	if (rc)
		goto out;
	/* the item's open alerts the viewer's organisation receives: the
	 * same child's, or the same home's (the home rule's) */
	memset(&f, 0, sizeof(f));
	f.state = ALERT_OPEN;
	f.page_size = STORE_PAGE_MAX;
	if (r->ref[0]) {
		f.la = r->la;
		f.ref = r->ref;
	} else {
		f.home = r->urn;
	}
	for (f.page = 0;; f.page++) {
		rc = alerts_list(s, v, &f, pg, err);
		if (rc)
			goto out;
		for (size_t i = 0; i < pg->n; i++) {
			const struct alert_row *a = &pg->rows[i];

			if (a->child_id != r->child_id ||
			    (!r->child_id && strcmp(a->urn, r->urn)))
				continue;
			ALLOC_GROW(ids, nids + 1, alloc);
			ids[nids++] = a->id;
		}
		if (!pg->n || (f.page + 1) * f.page_size >= pg->total)
			break;
	}
	rc = store_begin(s, err);
	if (rc)
		goto out;
	for (size_t i = 0; !rc && i < nids; i++)
		rc = alerts_ack(s, v, ids[i], note, err);
	if (!rc)
		rc = store_commit(s, err);
	if (rc)
		store_rollback(s);
	else
		*n = (long)nids;
out:
	free(ids);
	free(pg);
	free(r);
	return rc;
}

int alerts_outbox_list(struct store *s, const struct viewer *v,
		       int64_t before_id, long limit, store_outbox_fn *fn,
		       void *ctx, struct err *err)
{
	char code[ORG_CODE_MAX + 1];
	enum org_kind kind;
	int rc;

	rc = alerts_viewer_org(v, &kind, code, err);
	if (!rc)
		rc = v->audit(s, v, "list", "outbox", code, "", err);
	if (!rc)
		rc = store_outbox_list(s, kind, code, before_id, limit, fn,
				       ctx, err);
	return rc;
}
