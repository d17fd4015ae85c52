/*
 * store-alerts.c: the store API behind src/alerts/ (store.h, issue 5;
 * docs/alerts.md): the rules' snapshot, alerts and their recipients, the
 * outbox and webhooks.  Arguments are checked here; who may see an alert
 * is decided in src/alerts/.
 */
#include "base/compat.h"
#include "store/store-internal.h"

void alert_snapshot_release(struct alert_snapshot *snap)
{
	free(snap->children);
	free(snap->live);
	free(snap->meetings);
	free(snap->periods);
	free(snap->placements);
	free(snap->homes);
	quality_set_release(&snap->q);
	free(snap->placing);
	free(snap->names);
	memset(snap, 0, sizeof(*snap));
}

/* Is s 1 to max bytes? */
static bool alert_word_ok(const char *s, size_t max)
{
	return s && *s && strnlen(s, max + 1) <= max;
}

/* Severity in range, the home's URN and the facts not too long. */
static bool alert_facts_ok(int severity, const char *home_urn,
			   const char *facts)
{
	return severity >= 0 && severity < ALERT_NSEVERITIES &&
	       (!home_urn || strnlen(home_urn, S903_URN_MAX + 1) <=
				     S903_URN_MAX) &&
	       (!facts || strnlen(facts, ALERT_FACTS_MAX + 1) <=
				  ALERT_FACTS_MAX);
}

static int alert_bad(struct err *err, const char *what)
{
	return err_set(err, ERR_INVALID, "alert: %s is empty or too long",
		       what);
}

/* A filter's texts within the store's limits (else it matches nothing). */
static bool alert_filter_ok(const struct alert_filter *f)
{
	return store__filter_ok(f->rule) && store__filter_ok(f->la) &&
	       store__filter_ok(f->ref) && store__filter_ok(f->home);
}

int store_alert_snapshot_load(struct store *s, const int64_t *ids,
			      size_t nids, struct alert_snapshot *out,
			      struct err *err)
{
	int rc;

	alert_snapshot_release(out);
	rc = db_alert_snapshot_load(s->db, ids, nids, out, err);
	if (rc)
		alert_snapshot_release(out);
	return rc;
}

int store_alert_home_children(struct store *s, const char *urn,
			      int32_t from, int32_t to, store_id_fn *fn,
			      void *ctx, struct err *err)
{
	if (!alert_word_ok(urn, S903_URN_MAX))
		return alert_bad(err, "the URN");
	return db_alert_home_children(s->db, urn, from, to, fn, ctx,
					  err);
}

int store_alert_police_of(struct store *s, const char *la,
			  char out[ORG_CODE_MAX + 1], struct err *err)
{
	out[0] = '\0';
	if (!alert_word_ok(la, LA_CODE_MAX))
		return 0;
	return db_alert_police_of(s->db, la, out, err);
}

int store_alert_params_each(struct store *s, store_alert_param_fn *fn,
			    void *ctx, struct err *err)
{
	return db_alert_params_each(s->db, fn, ctx, err);
}

int store_alert_param_set(struct store *s, const char *rule,
			  const char *name, int64_t value,
			  const char *changed_by, int64_t at, struct err *err)
{
	if (!alert_word_ok(rule, ALERT_RULE_MAX) ||
	    !alert_word_ok(name, ALERT_PARAM_NAME_MAX))
		return alert_bad(err, "the rule or parameter");
	return db_alert_param_set(s->db, rule, name, value,
				      changed_by ? changed_by : "", at, err);
}

int store_alert_run_get(struct store *s, int64_t *periods, int64_t *places,
			struct err *err)
{
	return db_alert_run_get(s->db, periods, places, err);
}

int store_alert_run_set(struct store *s, int64_t at, int64_t periods,
			int64_t places, struct err *err)
{
	return db_alert_run_set(s->db, at, periods, places, err);
}

int store_alert_keys_each(struct store *s, int64_t child_id, const char *urn,
			  store_alert_key_fn *fn, void *ctx, struct err *err)
{
	if (urn && !alert_word_ok(urn, S903_URN_MAX))
		return alert_bad(err, "the URN");
	return db_alert_keys_each(s->db, child_id, urn, fn, ctx, err);
}

int store_alert_insert(struct store *s, const struct alert_new *a,
		       int64_t now, int64_t *id, struct err *err)
{
	if (!alert_word_ok(a->rule, ALERT_RULE_MAX) ||
	    !alert_word_ok(a->key, ALERT_KEY_MAX) ||
	    (a->urn && !alert_word_ok(a->urn, S903_URN_MAX)) ||
	    !alert_facts_ok(a->severity, a->home_urn, a->facts))
		return alert_bad(err, "a field");
	return db_alert_insert(s->db, a, now, id, err);
}

int store_alert_reopen(struct store *s, int64_t id, const struct alert_new *a,
		       int64_t now, struct err *err)
{
	if (!alert_facts_ok(a->severity, a->home_urn, a->facts))
		return alert_bad(err, "a field");
	return db_alert_reopen(s->db, id, a, now, err);
}

int store_alert_update(struct store *s, int64_t id, int severity,
		       int64_t due_at, const char *home_urn, const char *facts,
		       struct err *err)
{
	if (!alert_facts_ok(severity, home_urn, facts))
		return alert_bad(err, "a field");
	return db_alert_update(s->db, id, severity, due_at, home_urn,
				   facts, err);
}

int store_alert_clear(struct store *s, int64_t id, int64_t now,
		      struct err *err)
{
	return db_alert_clear(s->db, id, now, err);
}

int store_alert_escalate(struct store *s, int64_t id, int64_t now,
			 struct err *err)
{
	return db_alert_escalate(s->db, id, now, err);
}

int store_alert_answer(struct store *s, int64_t id, bool resolve,
		       int64_t user_id, const char *note, int64_t now,
		       struct err *err)
{
	if (!alert_word_ok(note, ALERT_NOTE_MAX))
		return err_set(err, ERR_INVALID, "a note of 1 to %d bytes "
			       "is needed", ALERT_NOTE_MAX);
	return db_alert_answer(s->db, id, resolve, user_id, note, now,
				   err);
}

int store_alert_recipient_add(struct store *s, int64_t id,
			      enum org_kind kind, const char *code,
			      struct err *err)
{
	if (!alert_word_ok(code, ORG_CODE_MAX))
		return alert_bad(err, "the recipient");
	return db_alert_recipient_add(s->db, id, org_kind_name(kind),
					  code, err);
}

int store_alert_recipients_each(struct store *s, int64_t id,
				store_alert_recipient_fn *fn, void *ctx,
				struct err *err)
{
	return db_alert_recipients_each(s->db, id, fn, ctx, err);
}

int store_alert_is_recipient(struct store *s, int64_t id,
			     enum org_kind kind, const char *code, bool *yes,
			     struct err *err)
{
	*yes = false;
	if (!alert_word_ok(code, ORG_CODE_MAX))
		return 0;
	return db_alert_is_recipient(s->db, id, org_kind_name(kind),
					 code, yes, err);
}

int store_alert_get(struct store *s, int64_t id, struct alert_row *out,
		    struct err *err)
{
	memset(out, 0, sizeof(*out));
	return db_alert_get(s->db, id, out, err);
}

int store_alerts_list(struct store *s, enum org_kind kind, const char *code,
		      const struct alert_filter *f, struct alert_page *out,
		      struct err *err)
{
	memset(out, 0, sizeof(*out));
	store__page_clamp(f->page, f->page_size, &out->page, &out->page_size);
	if (!alert_word_ok(code, ORG_CODE_MAX) || !alert_filter_ok(f))
		return 0;
	return db_alerts_list(s->db, org_kind_name(kind), code, f, out,
				  err);
}

void alert_item_page_release(struct alert_item_page *p)
{
	free(p->reasons);
	p->reasons = NULL;
	p->nreasons = p->areasons = 0;
	p->n = 0;
}

int store_alert_items_list(struct store *s, enum org_kind kind,
			   const char *code, const struct alert_filter *f,
			   struct alert_item_page *out, struct err *err)
{
	int rc;

	memset(out, 0, sizeof(*out));
	store__page_clamp(f->page, f->page_size, &out->page, &out->page_size);
	if (!alert_word_ok(code, ORG_CODE_MAX) || !alert_filter_ok(f))
		return 0;
	rc = db_alert_items_list(s->db, org_kind_name(kind), code, f,
				     out, err);
	if (rc) {
		long page = out->page, size = out->page_size;

		alert_item_page_release(out);
		memset(out, 0, sizeof(*out));
		out->page = page;
		out->page_size = size;
	}
	return rc;
}

int store_alert_items_count(struct store *s, enum org_kind kind,
			    const char *code, const struct alert_filter *f,
			    long *n, struct err *err)
{
	*n = 0;
	if (!alert_word_ok(code, ORG_CODE_MAX) || !alert_filter_ok(f))
		return 0;
	return db_alert_items_count(s->db, org_kind_name(kind), code, f,
					n, err);
}

int store_alert_homes_each(struct store *s, enum org_kind kind,
			   const char *code, store_alert_home_fn *fn,
			   void *ctx, struct err *err)
{
	if (!alert_word_ok(code, ORG_CODE_MAX))
		return 0;
	return db_alert_homes_each(s->db, org_kind_name(kind), code, fn,
				       ctx, err);
}

int store_outbox_add(struct store *s, int64_t alert_id, enum org_kind kind,
		     const char *code, const char *event, const char *body,
		     int64_t now, int64_t *id, struct err *err)
{
	int64_t got;

	if (!alert_word_ok(code, ORG_CODE_MAX) || !alert_word_ok(event, 15) ||
	    !alert_word_ok(body, ALERT_BODY_MAX))
		return alert_bad(err, "an outbox field");
	return db_outbox_add(s->db, alert_id, org_kind_name(kind), code,
				 event, body, now, id ? id : &got, err);
}

int store_outbox_list(struct store *s, enum org_kind kind, const char *code,
		      int64_t before_id, long limit, store_outbox_fn *fn,
		      void *ctx, struct err *err)
{
	if (!alert_word_ok(code, ORG_CODE_MAX))
		return 0;
	if (limit < 1 || limit > 1000)
		return err_set(err, ERR_INVALID, "limit must be 1 to 1000");
	return db_outbox_list(s->db, org_kind_name(kind), code,
				  before_id, limit, fn, ctx, err);
}

int store_outbox_due(struct store *s, int64_t now, long limit,
		     store_outbox_fn *fn, void *ctx, struct err *err)
{
	if (limit < 1 || limit > 100000)
		return err_set(err, ERR_INVALID, "limit must be 1 to 100000");
	return db_outbox_due(s->db, now, limit, fn, ctx, err);
}

int store_outbox_attempt(struct store *s, int64_t outbox_id,
			 int64_t webhook_id, int attempt, int64_t at,
			 int http_status, const char *error, bool delivered,
			 int64_t next_attempt_at, struct err *err)
{
	return db_outbox_attempt(s->db, outbox_id, webhook_id, attempt,
				     at, http_status, error ? error : "",
				     delivered, next_attempt_at, err);
}

int store_webhook_put(struct store *s, enum org_kind kind, const char *code,
		      const char *url, const char *secret, int64_t now,
		      int64_t *id, struct err *err)
{
	int64_t got;

	if (!alert_word_ok(code, ORG_CODE_MAX) ||
	    !alert_word_ok(url, WEBHOOK_URL_MAX) || !secret ||
	    strlen(secret) != WEBHOOK_SECRET_HEX)
		return err_set(err, ERR_INVALID, "a webhook needs an "
			       "organisation, a URL of at most %d bytes and "
			       "a secret", WEBHOOK_URL_MAX);
	return db_webhook_put(s->db, org_kind_name(kind), code, url,
				  secret, now, id ? id : &got, err);
}

int store_webhooks_each(struct store *s, store_webhook_fn *fn, void *ctx,
			struct err *err)
{
	return db_webhooks_each(s->db, fn, ctx, err);
}
