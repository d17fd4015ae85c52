/*
 * db.h: the store's logic over a SQL connection (issue 11), written once
 * for every driver (sql.h).  store.c and its subsystem files check the
 * arguments and call these; only src/store/ includes this header.
 */
#ifndef CARTREF_STORE_DB_H
#define CARTREF_STORE_DB_H

#include "store/sql.h"
#include "store/store.h"

/* Missing from care (issue 5): mfc_child_find's scope bits (what the
 * backend's mfc_write changes, enum mfc_op, is in store.h). */
enum mfc_scope_bits {
	MFC_SCOPE_CHILD = 1 << 0,	/* its live records may show */
	MFC_SCOPE_GRAB_READ = 1 << 1,	/* its grab pack may be read */
	MFC_SCOPE_PLACED = 1 << 2,	/* placed at v's home today */
};

/* Whether the audit file lacks rows of a change whose commit there was
 * lost (migration 10), and copy them back (0 when there are none). */
int db_audit_lost(struct sql *db, bool *yes, struct err *err);
int db_audit_restore(struct sql *db, struct err *err);

/* db-core.c: geography, homes, SSDA903 returns, statistics */
bool db_geo_loaded(struct sql *db);
int db_la_put(struct sql *db, const struct la *la, struct err *err);
int db_outcode_put(struct sql *db, const char *outcode,
	const struct grid_ref *g, const char *la, struct err *err);
int db_postcode_put(struct sql *db, const char *postcode,
	const struct grid_ref *g, const char *la, struct err *err);
int db_geo_mark_loaded(struct sql *db, const char *source, struct err *err);
int db_la_get(struct sql *db, const char *code, struct la *out,
	struct err *err);
int db_councils_each(struct sql *db, const char *country, store_la_fn *fn,
	void *ctx, struct err *err);
int db_postcode_locate(struct sql *db, const char *postcode,
	struct grid_ref *out, bool *exact, char *la_out, struct err *err);
int db_postcodes_in_la(struct sql *db, const char *la, store_postcode_fn *fn,
	void *ctx, struct err *err);
int db_geo_each(struct sql *db, store_geo_fn *fn, void *ctx, struct err *err);
int db_geo_each_in(struct sql *db, const char *const *districts, size_t n,
	store_geo_fn *fn, void *ctx, struct err *err);
int db_outcodes_in_la(struct sql *db, const char *la, store_postcode_fn *fn,
	void *ctx, struct err *err);
int db_home_put(struct sql *db, const struct home *h, struct err *err);
int db_homes_each(struct sql *db, store_home_fn *fn, void *ctx,
	struct err *err);
int db_return_replace(struct sql *db, const struct s903_return *r,
	struct err *err);
int db_return_load(struct sql *db, const char *la, int year, unsigned tables,
	struct s903_return *out, struct err *err);
int db_returns_each(struct sql *db, store_return_fn *fn, void *ctx,
	struct err *err);
int db_data_generation(struct sql *db, int64_t *gen, struct err *err);
int db_lease_take(struct sql *db, const char *name, const char *holder,
	int64_t now, int64_t until, bool *got, struct err *err);
int db_lease_give(struct sql *db, const char *name, const char *holder,
	struct err *err);
int db_stats(struct sql *db, struct store_stats *out, struct err *err);

/* db-history.c */
int db_history_load(struct sql *db, struct history *out, struct err *err);

/* db-auth.c: people, sessions, API tokens, throttling, audit */
int db_org_add(struct sql *db, const struct org *o, int64_t *id,
	       struct err *err);
int db_org_get(struct sql *db, enum org_kind kind, const char *code,
	       struct org *out, struct err *err);
int db_org_get_id(struct sql *db, int64_t id, struct org *out, struct err *err);
int db_orgs_each(struct sql *db, store_org_fn *fn, void *ctx, struct err *err);
int db_org_area_add(struct sql *db, int64_t org_id, const char *la_code,
		    struct err *err);
int db_org_areas_each(struct sql *db, int64_t org_id, store_code_fn *fn,
		      void *ctx, struct err *err);
int db_user_add(struct sql *db, const struct user *u, const char *pwhash,
		int64_t *id, struct err *err);
int db_user_by_email(struct sql *db, const char *email, struct user *out,
		     char *pwhash, struct err *err);
int db_user_by_id(struct sql *db, int64_t id, struct user *out, char *pwhash,
		  struct err *err);
int db_users_each(struct sql *db, store_user_fn *fn, void *ctx,
		  struct err *err);
int db_user_set_disabled(struct sql *db, int64_t id, bool disabled,
			 struct err *err);
int db_user_set_password(struct sql *db, int64_t id, const char *pwhash,
			 int64_t changed_at, struct err *err);
int db_session_add(struct sql *db, const struct session_row *r, int64_t *id,
		   struct err *err);
int db_session_get(struct sql *db, const uint8_t *hash, struct session_row *out,
		   struct err *err);
int db_session_touch(struct sql *db, int64_t id, int64_t last_seen_at,
		     int64_t expires_at, struct err *err);
int db_session_delete(struct sql *db, int64_t id, struct err *err);
int db_sessions_delete_user(struct sql *db, int64_t user_id, struct err *err);
int db_sessions_purge(struct sql *db, int64_t now, struct err *err);
int db_api_token_add(struct sql *db, const struct api_token_row *r, int64_t *id,
		     struct err *err);
int db_api_token_get(struct sql *db, const uint8_t *hash,
		     struct api_token_row *out, struct err *err);
int db_api_token_who(struct sql *db, const uint8_t *hash,
		     struct api_token_row *tok, struct user *u, struct org *o,
		     struct err *err);
int db_api_token_get_id(struct sql *db, int64_t id, struct api_token_row *out,
			struct err *err);
int db_api_token_touch(struct sql *db, int64_t id, int64_t at, struct err *err);
int db_api_token_revoke(struct sql *db, int64_t id, int64_t at,
			struct err *err);
int db_api_tokens_revoke_user(struct sql *db, int64_t user_id, int64_t at,
			      struct err *err);
int db_api_tokens_each(struct sql *db, int64_t user_id, store_api_token_fn *fn,
		       void *ctx, struct err *err);
int db_login_fail_add(struct sql *db, const char *key, int64_t at,
		      struct err *err);
int db_login_fails_count(struct sql *db, const char *key, int64_t since,
			 long *n, struct err *err);
int db_login_fails_clear(struct sql *db, const char *key, struct err *err);
int db_login_fails_purge(struct sql *db, int64_t before, struct err *err);
int db_login_refusal_add(struct sql *db, const struct login_refusal *r,
			 long *count, struct err *err);
int db_login_refusals_from(struct sql *db, const char *ip, const char *ip_key,
			   const char *key, long *n, bool *has_key,
			   struct err *err);
int db_login_refusals_ended(struct sql *db, int64_t before,
			    store_login_refusal_fn *fn, void *ctx,
			    struct err *err);
int db_login_refusal_close(struct sql *db, const char *key, struct err *err);
int db_audit_head(struct sql *db, int64_t *id, char *hash, struct err *err);
int db_audit_insert(struct sql *db, const struct audit_row *r, struct err *err);
int db_audit_list(struct sql *db, const struct audit_query *q,
		  store_audit_fn *fn, void *ctx, struct err *err);
int db_audit_scan(struct sql *db, store_audit_fn *fn, void *ctx,
		  struct err *err);
int db_audit_protected(struct sql *db, bool *yes, struct err *err);

/* db-scope.c: what each viewer may see (docs/access.md) */
int db_children_list(struct sql *db, const struct viewer *v,
		     const struct child_filter *f, struct child_page *out,
		     struct err *err);
int db_child_record(struct sql *db, const struct viewer *v, const char *la,
		    const char *ref, bool *exists, struct child_record *out,
		    struct err *err);
int db_child_in_scope(struct sql *db, const struct viewer *v, const char *la,
		      const char *ref, bool *exists, bool *yes,
		      struct err *err);
int db_homes_list(struct sql *db, const struct viewer *v,
		  const struct home_filter *f, struct home_page *out,
		  struct err *err);
int db_home_profile(struct sql *db, const struct viewer *v, const char *urn,
		    struct home_profile *out, struct err *err);
int db_missing_open(struct sql *db, const struct viewer *v,
		    const struct missing_filter *f, struct missing_page *out,
		    struct err *err);
int db_homes_now(struct sql *db, const struct viewer *v, int64_t since_ms,
		 struct home_now **out, size_t *n, struct err *err);

/* db-missing.c: missing from care, recorded live (issue 5) */
int db_mfc_place(struct sql *db, const struct viewer *v, const char *la,
		 const char *ref, int64_t *child_id, char *urn,
		 struct err *err);
int db_mfc_insert(struct sql *db, const struct mfc_episode *e, int64_t user_id,
		  int64_t now_ms, int64_t *id, struct err *err);
int db_mfc_find(struct sql *db, const struct viewer *v, int64_t id, bool write,
		bool *exists, bool *allowed, struct mfc_episode *out,
		struct err *err);
int db_mfc_write(struct sql *db, int op, const struct mfc_episode *e,
		 int64_t user_id, int64_t now_ms, struct err *err);
int db_mfc_child_find(struct sql *db, const struct viewer *v, const char *la,
		      const char *ref, int64_t *child_id, unsigned *scope,
		      struct err *err);
int db_mfc_child_rows(struct sql *db, const struct viewer *v, int64_t child_id,
		      struct mfc_chronology *out, struct err *err);
int db_mfc_meeting_insert(struct sql *db, const struct mfc_meeting *m,
			  int64_t user_id, int64_t now_ms, int64_t *id,
			  struct err *err);
int db_grab_pack_put(struct sql *db, int64_t child_id, const struct grab_pack *g,
		     int64_t user_id, int64_t now_ms, struct err *err);
int db_grab_pack_get(struct sql *db, int64_t child_id, struct grab_pack *out,
		     struct err *err);
int db_mfc_attention(struct sql *db, const struct viewer *v,
		     const struct mfc_filter *f,
		     struct mfc_attention_page *out, struct err *err);
int db_mfc_child_id(struct sql *db, const char *la, const char *ref, int64_t *id,
		    struct err *err);
int db_mfc_episode_at(struct sql *db, int64_t child_id, int64_t started_at,
		      int64_t *id, struct err *err);
int db_mfc_home_known(struct sql *db, const char *urn, bool *known,
		      struct err *err);
int db_mfc_each(struct sql *db, const char *la, int64_t from_ms, int64_t to_ms,
		store_mfc_fn *fn, void *ctx, struct err *err);

/* db-alerts.c: alerts, outbox and webhooks (issue 5) */
int db_alert_snapshot_load(struct sql *db, const int64_t *ids, size_t nids,
	struct alert_snapshot *out, struct err *err);
int db_alert_home_children(struct sql *db, const char *urn, int32_t from,
	int32_t to, store_id_fn *fn, void *ctx, struct err *err);
int db_alert_police_of(struct sql *db, const char *la, char *out, struct err *err);
int db_alert_params_each(struct sql *db, store_alert_param_fn *fn, void *ctx,
	struct err *err);
int db_alert_param_set(struct sql *db, const char *rule, const char *name,
	int64_t value, const char *by, int64_t at, struct err *err);
int db_alert_run_get(struct sql *db, int64_t *periods, int64_t *places,
	struct err *err);
int db_alert_run_set(struct sql *db, int64_t at, int64_t periods, int64_t places,
	struct err *err);
int db_alert_keys_each(struct sql *db, int64_t child_id, const char *urn,
	store_alert_key_fn *fn, void *ctx, struct err *err);
int db_alert_insert(struct sql *db, const struct alert_new *a, int64_t now,
	int64_t *id, struct err *err);
int db_alert_reopen(struct sql *db, int64_t id, const struct alert_new *a,
	int64_t now, struct err *err);
int db_alert_update(struct sql *db, int64_t id, int severity, int64_t due_at,
	const char *home_urn, const char *facts, struct err *err);
int db_alert_clear(struct sql *db, int64_t id, int64_t now, struct err *err);
int db_alert_escalate(struct sql *db, int64_t id, int64_t now, struct err *err);
int db_alert_answer(struct sql *db, int64_t id, bool resolve, int64_t user_id,
	const char *note, int64_t now, struct err *err);
int db_alert_recipient_add(struct sql *db, int64_t id, const char *kind,
	const char *code, struct err *err);
int db_alert_recipients_each(struct sql *db, int64_t id,
	store_alert_recipient_fn *fn, void *ctx, struct err *err);
int db_alert_is_recipient(struct sql *db, int64_t id, const char *kind,
	const char *code, bool *yes, struct err *err);
int db_alert_get(struct sql *db, int64_t id, struct alert_row *out,
	struct err *err);
int db_alerts_list(struct sql *db, const char *kind, const char *code,
	const struct alert_filter *f, struct alert_page *out, struct err *err);
int db_alert_items_list(struct sql *db, const char *kind, const char *code,
	const struct alert_filter *f, struct alert_item_page *out,
	struct err *err);
int db_alert_items_count(struct sql *db, const char *kind, const char *code,
	const struct alert_filter *f, long *n, struct err *err);
int db_alert_homes_each(struct sql *db, const char *kind, const char *code,
	store_alert_home_fn *fn, void *ctx, struct err *err);
int db_outbox_add(struct sql *db, int64_t alert_id, const char *kind,
	const char *code, const char *event, const char *body, int64_t now,
	int64_t *id, struct err *err);
int db_outbox_list(struct sql *db, const char *kind, const char *code,
	int64_t before_id, long limit, store_outbox_fn *fn, void *ctx,
	struct err *err);
int db_outbox_due(struct sql *db, int64_t now, long limit, store_outbox_fn *fn,
	void *ctx, struct err *err);
int db_outbox_attempt(struct sql *db, int64_t outbox_id, int64_t webhook_id,
	int attempt, int64_t at, int http_status, const char *error,
	bool delivered, int64_t next_attempt_at, struct err *err);
int db_webhook_put(struct sql *db, const char *kind, const char *code,
	const char *url, const char *secret, int64_t now, int64_t *id,
	struct err *err);
int db_webhooks_each(struct sql *db, store_webhook_fn *fn, void *ctx,
	struct err *err);


/* db-quality.c: the quality of care (issue 13; store-quality.h) */
int db_quality_load(struct sql *db, unsigned parts, const char *urn,
		    struct quality_set *out, struct err *err);
int db_inspection_insert(struct sql *db, const struct q_inspection *i,
			 int64_t *id, struct err *err);
int db_inspection_update(struct sql *db, const struct q_inspection *i,
			 struct err *err);
int db_inspection_key(struct sql *db, const char *urn, int32_t start_on,
		      enum q_insp_type type, int64_t *id, struct err *err);
int db_inspection_get(struct sql *db, int64_t id, struct q_inspection *out,
		      struct err *err);
int db_findings_of(struct sql *db, int64_t inspection_id,
		   struct q_finding **f, size_t *nf, struct err *err);
int db_findings_delete(struct sql *db, int64_t inspection_id,
		       struct err *err);
int db_finding_insert(struct sql *db, const struct q_finding *f, int64_t *id,
		      struct err *err);
int db_finding_set_repeats(struct sql *db, int64_t id, int64_t repeats_id,
			   struct err *err);
int db_finding_get(struct sql *db, int64_t id, struct q_finding *out,
		   struct err *err);
int db_finding_respond(struct sql *db, int64_t id, const char *response,
		       int32_t target_on, int64_t at, const char *by,
		       struct err *err);
int db_finding_judge(struct sql *db, int64_t id, enum q_finding_status status,
		     int32_t on, int64_t inspection_id, struct err *err);
int db_notification_insert(struct sql *db, const struct q_notification *n,
			   int64_t child_id, int64_t *id, struct err *err);
int db_notification_get(struct sql *db, int64_t id, struct q_notification *out,
			struct err *err);
int db_rec_insert(struct sql *db, const struct rec *r, int64_t *id,
		  struct err *err);
int db_rec_known(struct sql *db, int64_t id, struct err *err);
int db_rec_repeat_insert(struct sql *db, int64_t rec_id, int64_t earlier_id,
			 struct err *err);
int db_rec_addressee_insert(struct sql *db, int64_t rec_id,
			    enum org_kind kind, const char *code, int64_t *id,
			    struct err *err);
int db_rec_addressee_get(struct sql *db, int64_t id,
			 struct rec_addressee *out, struct err *err);
int db_rec_action_insert(struct sql *db, const struct rec_action *a,
			 int64_t *id, struct err *err);
int db_rec_action_done(struct sql *db, int64_t id, int32_t on,
		       struct err *err);
int db_rec_action_get(struct sql *db, int64_t id, struct rec_action *out,
		      struct err *err);
int db_rec_update_insert(struct sql *db, const struct rec_update *u,
			 int64_t *id, struct err *err);
int db_rec_verdict(struct sql *db, int64_t id, enum rec_verdict verdict,
		   const char *reason, int32_t on, const char *by,
		   struct err *err);
int db_home_viewed(struct sql *db, enum org_kind kind, const char *code,
		   const char *urn, int64_t at, struct err *err);
int db_quality_council_places(struct sql *db, const char *la,
			      const char *urn, int32_t today, bool *yes,
			      struct err *err);
int db_quality_home(struct sql *db, const char *urn, char *provider, char *la,
		    struct err *err);
int db_quality_child_at(struct sql *db, const char *la, const char *ref,
			const char *urn, int32_t today, bool *yes,
			struct err *err);
int db_quality_placing_councils(struct sql *db, const char *urn,
				int32_t today, store_council_count_fn *fn,
				void *ctx, struct err *err);

#endif
