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
#include "base/uktime.h"
#include "base/xalloc.h"
#include "store/store-missing.h"
#include "store/store-people.h"

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
		/* a health board's users (analysts: no child's record) see
		 * the alerts addressed to the board, which name no child:
		 * the rules on recommendations are its only alerts */
		if (!strcmp(v->org_kind, org_kind_name(ORG_HEALTH_BOARD))) {
			*kind = ORG_HEALTH_BOARD;
			snprintf(code, ORG_CODE_MAX + 1, "%s", v->org_code);
			break;
		}
		return err_set(err, ERR_DENIED, "this role sees no alerts");
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

/* ---- what a reader may be told of the child ----------------------------- */

int alerts_org_viewer(struct store *s, enum org_kind kind, const char *code,
		      int64_t now, struct viewer *out, struct err *err)
{
	struct err nf = ERR_INIT;
	struct org o;
	int rc;

	memset(out, 0, sizeof(*out));
	out->today = uk_day_of(now);
	out->now_ms = now;
	snprintf(out->org_kind, sizeof(out->org_kind), "%s",
		 (unsigned)kind < ORG_NKINDS ? org_kind_name(kind) : "");
	snprintf(out->org_code, sizeof(out->org_code), "%s", code);
	switch (kind) {
	case ORG_COUNCIL:
		out->access = VIEWER_COUNCIL;
		snprintf(out->la, sizeof(out->la), "%s", code);
		break;
	case ORG_PROVIDER:
		out->access = VIEWER_PROVIDER;
		snprintf(out->provider, sizeof(out->provider), "%s", code);
		break;
	case ORG_INSPECTORATE:
		out->access = VIEWER_INSPECTORATE;
		break;
	case ORG_POLICE:
		out->access = VIEWER_POLICE;
		rc = store_org_get(s, ORG_POLICE, code, &o, &nf);
		if (rc == ERR_NOT_FOUND)
			break;	/* no area: nothing in its scope */
		if (!rc)
			rc = viewer_add_police_areas(s, o.id, code, out, &nf);
		if (rc) {
			*err = nf;
			return rc;
		}
		break;
	case ORG_HEALTH_BOARD:
	case ORG_NKINDS:
	default:
		out->access = VIEWER_NONE;
		break;
	}
	return 0;
}

int alerts_naming(struct store *s, const struct viewer *v, const char *la,
		  const char *ref, int64_t episode_id, bool *named,
		  bool *episode, struct err *err)
{
	int rc;

	*named = true;
	*episode = episode_id != 0;
	if (!ref || !ref[0])
		return 0;	/* a home's alert: the register is public */
	rc = store_child_in_scope(s, v, la, ref, named, err);
	if (!rc && !*named && episode_id)
		rc = store_mfc_visible(s, v, episode_id, episode, err);
	if (rc)
		*named = *episode = false;
	return rc;
}

/* What an unnamed alert keeps: the council, the rule, the times and
 * facts, the state and who answered (staff, not the child). */
static void unname_row(struct alert_row *r, bool episode)
{
	r->unnamed = true;
	r->ref[0] = '\0';
	r->key[0] = '\0';
	r->home_urn[0] = '\0';
	r->home_name[0] = '\0';
	r->home_area_en[0] = r->home_area_cy[0] = '\0';
	r->ack_note[0] = r->resolve_note[0] = '\0';
	if (!episode)
		r->episode_id = 0;
}

/* Unname r if v may not open its child. */
static int name_row(struct store *s, const struct viewer *v,
		    struct alert_row *r, struct err *err)
{
	bool named, episode;
	int rc = alerts_naming(s, v, r->la, r->ref, r->episode_id, &named,
			       &episode, err);

	if (!rc && !named)
		unname_row(r, episode);
	return rc;
}

void alerts_body_unname(json_t *body, bool episode)
{
	json_t *child = json_object_get(body, "child");

	if (json_is_object(child))
		json_object_del(child, "ref");
	json_object_del(body, "subject");
	json_object_del(body, "home");
	if (!episode)
		json_object_del(body, "episode");
}

int alerts_message_body(struct store *s, enum org_kind kind, const char *code,
			const struct alert_msg *m, char **out,
			struct err *err)
{
	char at[STORE_TIME_MAX];
	struct viewer *v = xmalloc(sizeof(*v));
	json_t *o, *child, *by;
	bool named = true, episode = true;
	int rc = 0;

	*out = NULL;
	if (m->ref && m->ref[0]) {
		rc = alerts_org_viewer(s, kind, code, m->at, v, err);
		if (!rc)
			rc = alerts_naming(s, v, m->la, m->ref, m->episode_id,
					   &named, &episode, err);
	}
	free(v);
	if (rc)
		return rc;
	o = json_object();
	store_time_fmt(m->at, at);
	json_object_set_new(o, "alert", json_integer(m->id));
	json_object_set_new(o, "rule", json_string(m->rule));
	json_object_set_new(o, "event", json_string(m->event));
	json_object_set_new(o, "at", json_string(at));
	json_object_set_new(o, "subject", json_string(m->key));
	if (m->la && m->la[0] && m->ref && m->ref[0]) {
		child = json_object();
		json_object_set_new(child, "la", json_string(m->la));
		json_object_set_new(child, "ref", json_string(m->ref));
		json_object_set_new(o, "child", child);
	}
	if (m->episode_id)
		json_object_set_new(o, "episode", json_integer(m->episode_id));
	if (m->urn && m->urn[0])
		json_object_set_new(o, "home", json_string(m->urn));
	if (m->by_kind) {
		by = json_object();
		json_object_set_new(by, "kind", json_string(m->by_kind));
		json_object_set_new(by, "code", json_string(m->by_code));
		json_object_set_new(o, "by", by);
	}
	if (!named)
		alerts_body_unname(o, episode);
	*out = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(o);
	if (!*out)
		BUG("json_dumps");
	return 0;
}

/* ---- refusals ------------------------------------------------------------ */

/*
 * A refused read or change, rc ERR_DENIED or ERR_NOT_FOUND: audited as
 * "view-denied" or "change-denied" with the subject asked for (as a
 * refused child read is, store.c), then rc.  If the row cannot be
 * written, that error instead.
 */
static int refused(struct store *s, const struct viewer *v, bool change,
		   const char *kind, const char *subject, const char *why,
		   int rc, struct err *err)
{
	struct err aerr = ERR_INIT;
	int arc;

	if ((rc != ERR_DENIED && rc != ERR_NOT_FOUND) || !v->audit)
		return rc;
	arc = v->audit(s, v, change ? "change-denied" : "view-denied", kind,
		       subject, why, &aerr);
	if (arc) {
		*err = aerr;
		return arc;
	}
	return rc;
}

/* Why alerts_viewer_org() refused v. */
static const char *denied_why(const struct viewer *v)
{
	return v->access == VIEWER_NONE || v->access >= VIEWER_NACCESS ?
		"role receives no alerts" :
		"organisation receives no alerts";
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

/*
 * Does f ask for a child (a reference) or a home?  Then an alert whose
 * child the reader may not open does not match: otherwise the filter
 * would tell the reader which child, or where, an unnamed alert is about.
 * (The total then leaves out those on this page only.)
 */
static bool by_subject(const struct alert_filter *f)
{
	return (f->ref && f->ref[0]) || (f->home && f->home[0]);
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
		return refused(s, v, false, "alerts", "", denied_why(v), rc,
			       err);
	rc = store_alerts_list(s, kind, code, f, out, err);
	for (size_t i = 0; !rc && i < out->n; i++)
		rc = name_row(s, v, &out->rows[i], err);
	if (!rc && by_subject(f)) {
		size_t k = 0;

		for (size_t i = 0; i < out->n; i++)
			if (!out->rows[i].unnamed)
				out->rows[k++] = out->rows[i];
		out->total -= (long)(out->n - k);
		out->n = k;
	}
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

/* Unname item it and its reasons if v may not open its child. */
static int name_item(struct store *s, const struct viewer *v,
		     struct alert_item_page *p, struct alert_item *it,
		     struct err *err)
{
	bool named, episode;
	int rc = alerts_naming(s, v, it->la, it->ref, 0, &named, &episode,
			       err);

	if (rc || named)
		return rc;
	it->unnamed = true;
	it->ref[0] = '\0';
	for (size_t k = it->first; !rc && k < it->first + it->n; k++)
		rc = name_row(s, v, &p->reasons[k], err);
	return rc;
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
		return refused(s, v, false, "alerts", "", denied_why(v), rc,
			       err);
	rc = store_alert_items_list(s, kind, code, f, out, err);
	for (size_t i = 0; !rc && i < out->n; i++)
		rc = name_item(s, v, out, &out->items[i], err);
	if (!rc && by_subject(f)) {
		size_t k = 0;

		for (size_t i = 0; i < out->n; i++)
			if (!out->items[i].unnamed)
				out->items[k++] = out->items[i];
		out->total -= (long)(out->n - k);
		out->n = k;
	}
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

struct homes_ctx {
	struct store *s;
	const struct viewer *v;
	enum org_kind kind;
	const char *code;
	store_alert_home_fn *fn;
	void *ctx;
	struct alert_page *pg;
	struct err *err;
};

/*
 * A home the reader's alerts happened at, only if one of them there is
 * one it may name (a home's own alert, or a child it may open): a home
 * named beside an unnamed child's alert would say where the child was.
 */
static int home_keep(const char *urn, const char *name, void *ctx)
{
	struct homes_ctx *h = ctx;
	struct alert_filter f;
	bool named = false, episode;
	int rc = 0;

	memset(&f, 0, sizeof(f));
	f.state = ALERT_NSTATES;
	f.home = urn;
	f.page_size = STORE_PAGE_MAX;
	for (f.page = 0; !rc && !named && f.page <= STORE_PAGE_LAST;
	     f.page++) {
		rc = store_alerts_list(h->s, h->kind, h->code, &f, h->pg,
				       h->err);
		for (size_t i = 0; !rc && !named && i < h->pg->n; i++)
			rc = alerts_naming(h->s, h->v, h->pg->rows[i].la,
					   h->pg->rows[i].ref, 0, &named,
					   &episode, h->err);
		if (!rc && (f.page + 1) * f.page_size >= h->pg->total)
			break;
	}
	return rc ? rc : named ? h->fn(urn, name, h->ctx) : 0;
}

int alerts_homes_each(struct store *s, const struct viewer *v,
		      store_alert_home_fn *fn, void *ctx, struct err *err)
{
	char code[ORG_CODE_MAX + 1];
	struct homes_ctx h = { s, v, 0, code, fn, ctx, NULL, err };
	int rc;

	rc = alerts_viewer_org(v, &h.kind, code, err);
	if (rc)
		return refused(s, v, false, "alerts", "", denied_why(v), rc,
			       err);
	h.pg = xmalloc(sizeof(*h.pg));
	rc = store_alert_homes_each(s, h.kind, code, home_keep, &h, err);
	free(h.pg);
	return rc;
}

/* An alert's audit subject: "12 W06000015/C01", "12 home W0000002",
 * "12 rec-action:5" (about neither a child nor a home). */
static void subject_of(const struct alert_row *r, char *out, size_t cap)
{
	if (r->ref[0])
		snprintf(out, cap, "%" PRId64 " %s/%s", r->id, r->la, r->ref);
	else if (r->child_id)
		snprintf(out, cap, "%" PRId64 " %s", r->id, r->la);
	else if (r->urn[0])
		snprintf(out, cap, "%" PRId64 " home %s", r->id, r->urn);
	else
		snprintf(out, cap, "%" PRId64 " %s", r->id, r->key);
}

/*
 * May v see alert id (change: answer it)?  ERR_NOT_FOUND if not (or no
 * such alert), ERR_DENIED for a viewer who receives no alerts; either
 * refusal audited, naming the alert asked for (and its child or home
 * when it exists: the trail is for inspectors and operators, who may
 * know it).  Not a recipient and no such alert cost the same queries.
 */
static int may_see(struct store *s, const struct viewer *v, int64_t id,
		   bool change, struct err *err)
{
	char code[ORG_CODE_MAX + 1], subject[AUDIT_SUBJECT_MAX + 1];
	struct alert_row *r;
	enum org_kind kind;
	bool yes = false;
	int rc;

	snprintf(subject, sizeof(subject), "%" PRId64, id);
	rc = alerts_viewer_org(v, &kind, code, err);
	if (rc)
		return refused(s, v, change, "alert", subject, denied_why(v),
			       rc, err);
	if (v->access == VIEWER_INSPECTORATE)
		return 0;
	rc = store_alert_is_recipient(s, id, kind, code, &yes, err);
	if (rc || yes)
		return rc;
	r = xmalloc(sizeof(*r));
	rc = store_alert_get(s, id, r, err);
	if (!rc)
		subject_of(r, subject, sizeof(subject));
	free(r);
	if (rc && rc != ERR_NOT_FOUND)
		return rc;
	rc = refused(s, v, change, "alert", subject, rc ? "no such alert" :
		     "not a recipient", ERR_NOT_FOUND, err);
	return rc == ERR_NOT_FOUND ? err_set(err, rc, "no such alert") : rc;
}

int alerts_get(struct store *s, const struct viewer *v, int64_t id,
	       struct alert_row *out, struct err *err)
{
	char subject[AUDIT_SUBJECT_MAX + 1];
	int rc;

	memset(out, 0, sizeof(*out));
	rc = may_see(s, v, id, false, err);
	if (rc)
		return rc;	/* audited */
	rc = store_alert_get(s, id, out, err);
	if (rc == ERR_NOT_FOUND) {	/* an inspector asking for none */
		snprintf(subject, sizeof(subject), "%" PRId64, id);
		rc = refused(s, v, false, "alert", subject, "no such alert",
			     rc, err);
	}
	if (!rc)
		rc = name_row(s, v, out, err);
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
	struct alert_msg m;
	struct err *err;
};

/* The message to one recipient: its own body (alerts_message_body()). */
static int notify_one(enum org_kind kind, const char *code, void *ctx)
{
	struct notify *n = ctx;
	char *body = NULL;
	int rc = alerts_message_body(n->s, kind, code, &n->m, &body, n->err);

	if (!rc)
		rc = store_outbox_add(n->s, n->m.id, kind, code, n->m.event,
				      body, n->m.at, NULL, n->err);
	free(body);
	return rc;
}

static int answer(struct store *s, const struct viewer *v, int64_t id,
		  const char *note, bool resolve, struct err *err)
{
	const char *event = resolve ? "resolved" : "acknowledged";
	struct alert_row *r = xmalloc(sizeof(*r));
	char subject[AUDIT_SUBJECT_MAX + 1];
	struct notify n = { s, { 0 }, err };
	int rc;

	if (!note || !*note || strnlen(note, ALERT_NOTE_MAX + 1) >
				       ALERT_NOTE_MAX) {
		rc = err_set(err, ERR_INVALID, "a note of 1 to %d bytes is "
			     "needed", ALERT_NOTE_MAX);
		goto out;
	}
	rc = may_see(s, v, id, true, err);
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
		n.m = (struct alert_msg){ r->id, r->rule, event, v->now_ms,
					  r->key, r->la, r->ref,
					  r->episode_id, r->urn, v->org_kind,
					  v->org_code };
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
	if (rc == ERR_NOT_FOUND) {	/* an inspector answering none */
		snprintf(subject, sizeof(subject), "%" PRId64, id);
		rc = refused(s, v, true, "alert", subject, "no such alert",
			     rc, err);
	}
out:
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
	if (!r->child_id && !r->urn[0]) {
		/* about neither a child nor a home (a recommendation's): an
		 * item of its own */
		rc = r->state == ALERT_OPEN ? alerts_ack(s, v, id, note, err) :
					      0;
		*n = !rc && r->state == ALERT_OPEN;
		goto out;
	}
	/* the item's open alerts the viewer's organisation receives: the
	 * same child's, or the same home's (the home rule's) */
	memset(&f, 0, sizeof(f));
	f.state = ALERT_OPEN;
	f.page_size = STORE_PAGE_MAX;
	if (r->child_id) {
		/* an unnamed child: its council's, matched by child_id */
		f.la = r->la;
		f.ref = r->ref[0] ? r->ref : NULL;
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

struct outbox_read {
	struct store *s;
	const struct viewer *v;
	store_outbox_fn *fn;
	void *ctx;
	struct outbox_row *row;
	struct err *err;
};

/*
 * One message as its reader may see it now: a body naming a child the
 * reader may not open (now: the police's scope ends when the child is
 * back) is given unnamed, whenever it was written.
 */
static int outbox_read_one(const struct outbox_row *r, void *ctx)
{
	struct outbox_read *rd = ctx;
	json_t *body = json_loads(r->body, JSON_REJECT_DUPLICATES, NULL);
	json_t *child = json_object_get(body, "child");
	bool named = true, episode = true;
	char *text;
	int rc = 0;

	if (json_is_object(child) &&
	    json_is_string(json_object_get(child, "ref"))) {
		const char *la = json_string_value(json_object_get(child,
								   "la"));
		const char *ref = json_string_value(json_object_get(child,
								    "ref"));
		json_int_t ep = json_integer_value(json_object_get(body,
								   "episode"));

		rc = alerts_naming(rd->s, rd->v, la, ref, ep, &named,
				   &episode, rd->err);
	}
	if (rc || named) {
		json_decref(body);
		return rc ? rc : rd->fn(r, rd->ctx);
	}
	*rd->row = *r;
	alerts_body_unname(body, episode);
	text = json_dumps(body, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(body);
	if (!text)
		BUG("json_dumps");
	snprintf(rd->row->body, sizeof(rd->row->body), "%s", text);
	free(text);
	return rd->fn(rd->row, rd->ctx);
}

int alerts_outbox_list(struct store *s, const struct viewer *v,
		       int64_t before_id, long limit, store_outbox_fn *fn,
		       void *ctx, struct err *err)
{
	char code[ORG_CODE_MAX + 1];
	enum org_kind kind;

	struct outbox_read rd = { s, v, fn, ctx, NULL, err };
	int rc;

	rc = alerts_viewer_org(v, &kind, code, err);
	if (rc)
		return refused(s, v, false, "outbox", "", denied_why(v), rc,
			       err);
	rc = v->audit(s, v, "list", "outbox", code, "", err);
	if (!rc) {
		rd.row = xmalloc(sizeof(*rd.row));
		rc = store_outbox_list(s, kind, code, before_id, limit,
				       outbox_read_one, &rd, err);
		free(rd.row);
	}
	return rc;
}
