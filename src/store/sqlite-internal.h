/*
 * sqlite-internal.h: what the SQLite backend's files share.  Only
 * src/store/store-sqlite.c and src/store/sqlite-*.c include it.
 */
#ifndef CARTREF_SQLITE_INTERNAL_H
#define CARTREF_SQLITE_INTERNAL_H

#include <sqlite3.h>
#include "store/store-internal.h"

/* The connection of a backend instance. */
sqlite3 *sq_handle(void *impl);
/* Whether a caller's transaction is open around the current one (a
 * change and its audit rows together), and, once per outermost
 * transaction, true the first time it is asked (audit_pending). */
bool sq_nested(void *impl);
bool sq_first_pending(void *impl);
/* Whether the audit file lacks rows of a change whose commit there was
 * lost (migration 10), and copy them back (0 when there are none). */
int sq_audit_lost(void *impl, bool *yes, struct err *err);
int sq_audit_restore(void *impl, struct err *err);

/*
 * The connection's prepared statement for sql, prepared on first use and
 * kept until the store closes, reset and with its bindings cleared; NULL
 * (err set) if it does not compile.  sql must be a constant (a string
 * literal or static table entry): its address is the key.  Never finalize
 * it; reset it when done, so that it holds no read transaction open.
 */
sqlite3_stmt *sq_cached(void *impl, const char *sql, struct err *err);

/*
 * Column readers: text truncated to cap - 1 bytes ("" for NULL); an ISO
 * date as a day number (DATE_NONE for NULL or bad); an integer, -1 for
 * NULL.
 */
void sq_col_text(sqlite3_stmt *s, int i, char *out, size_t cap);
int32_t sq_col_date(sqlite3_stmt *s, int i);
int32_t sq_col_opt_int(sqlite3_stmt *s, int i);
/* An instant (store_time_fmt()'s form) as ms since 1970; 0 for NULL or
 * another form.  sq_bind_time() binds one, 0 as NULL. */
int64_t sq_col_time(sqlite3_stmt *s, int i);
void sq_bind_time(sqlite3_stmt *s, int i, int64_t ms);

/* sqlite-history.c */
int sq_history_load(void *impl, struct history *out, struct err *err);

/* sqlite-auth.c: people, sessions, API tokens, throttling, audit */
int sq_org_add(void *impl, const struct org *o, int64_t *id,
	       struct err *err);
int sq_org_get(void *impl, enum org_kind kind, const char *code,
	       struct org *out, struct err *err);
int sq_org_get_id(void *impl, int64_t id, struct org *out, struct err *err);
int sq_orgs_each(void *impl, store_org_fn *fn, void *ctx, struct err *err);
int sq_org_area_add(void *impl, int64_t org_id, const char *la_code,
		    struct err *err);
int sq_org_areas_each(void *impl, int64_t org_id, store_code_fn *fn,
		      void *ctx, struct err *err);
int sq_user_add(void *impl, const struct user *u, const char *pwhash,
		int64_t *id, struct err *err);
int sq_user_by_email(void *impl, const char *email, struct user *out,
		     char *pwhash, struct err *err);
int sq_user_by_id(void *impl, int64_t id, struct user *out, char *pwhash,
		  struct err *err);
int sq_users_each(void *impl, store_user_fn *fn, void *ctx,
		  struct err *err);
int sq_user_set_disabled(void *impl, int64_t id, bool disabled,
			 struct err *err);
int sq_user_set_password(void *impl, int64_t id, const char *pwhash,
			 int64_t changed_at, struct err *err);
int sq_session_add(void *impl, const struct session_row *r, int64_t *id,
		   struct err *err);
int sq_session_get(void *impl, const uint8_t *hash, struct session_row *out,
		   struct err *err);
int sq_session_touch(void *impl, int64_t id, int64_t last_seen_at,
		     int64_t expires_at, struct err *err);
int sq_session_delete(void *impl, int64_t id, struct err *err);
int sq_sessions_delete_user(void *impl, int64_t user_id, struct err *err);
int sq_sessions_purge(void *impl, int64_t now, struct err *err);
int sq_api_token_add(void *impl, const struct api_token_row *r, int64_t *id,
		     struct err *err);
int sq_api_token_get(void *impl, const uint8_t *hash,
		     struct api_token_row *out, struct err *err);
int sq_api_token_who(void *impl, const uint8_t *hash,
		     struct api_token_row *tok, struct user *u, struct org *o,
		     struct err *err);
int sq_api_token_get_id(void *impl, int64_t id, struct api_token_row *out,
			struct err *err);
int sq_api_token_touch(void *impl, int64_t id, int64_t at, struct err *err);
int sq_api_token_revoke(void *impl, int64_t id, int64_t at,
			struct err *err);
int sq_api_tokens_revoke_user(void *impl, int64_t user_id, int64_t at,
			      struct err *err);
int sq_api_tokens_each(void *impl, int64_t user_id, store_api_token_fn *fn,
		       void *ctx, struct err *err);
int sq_login_fail_add(void *impl, const char *key, int64_t at,
		      struct err *err);
int sq_login_fails_count(void *impl, const char *key, int64_t since,
			 long *n, struct err *err);
int sq_login_fails_clear(void *impl, const char *key, struct err *err);
int sq_login_fails_purge(void *impl, int64_t before, struct err *err);
int sq_login_refusal_add(void *impl, const struct login_refusal *r,
			 long *count, struct err *err);
int sq_login_refusals_from(void *impl, const char *ip, const char *ip_key,
			   const char *key, long *n, bool *has_key,
			   struct err *err);
int sq_login_refusals_ended(void *impl, int64_t before,
			    store_login_refusal_fn *fn, void *ctx,
			    struct err *err);
int sq_login_refusal_close(void *impl, const char *key, struct err *err);
int sq_audit_head(void *impl, int64_t *id, char *hash, struct err *err);
int sq_audit_insert(void *impl, const struct audit_row *r, struct err *err);
int sq_audit_list(void *impl, const struct audit_query *q,
		  store_audit_fn *fn, void *ctx, struct err *err);
int sq_audit_scan(void *impl, store_audit_fn *fn, void *ctx,
		  struct err *err);
int sq_audit_protected(void *impl, bool *yes, struct err *err);

/* sqlite-scope.c: what each viewer may see (docs/access.md) */
int sq_children_list(void *impl, const struct viewer *v,
		     const struct child_filter *f, struct child_page *out,
		     struct err *err);
int sq_child_record(void *impl, const struct viewer *v, const char *la,
		    const char *ref, bool *exists, struct child_record *out,
		    struct err *err);
int sq_child_in_scope(void *impl, const struct viewer *v, const char *la,
		      const char *ref, bool *exists, bool *yes,
		      struct err *err);
int sq_homes_list(void *impl, const struct viewer *v,
		  const struct home_filter *f, struct home_page *out,
		  struct err *err);
int sq_home_profile(void *impl, const struct viewer *v, const char *urn,
		    struct home_profile *out, struct err *err);
int sq_missing_open(void *impl, const struct viewer *v,
		    const struct missing_filter *f, struct missing_page *out,
		    struct err *err);
int sq_homes_now(void *impl, const struct viewer *v, int64_t since_ms,
		 struct home_now **out, size_t *n, struct err *err);

/* sqlite-missing.c: missing from care, recorded live (issue 5) */
int sq_mfc_place(void *impl, const struct viewer *v, const char *la,
		 const char *ref, int64_t *child_id, char *urn,
		 struct err *err);
int sq_mfc_insert(void *impl, const struct mfc_episode *e, int64_t user_id,
		  int64_t now_ms, int64_t *id, struct err *err);
int sq_mfc_find(void *impl, const struct viewer *v, int64_t id, bool write,
		bool *exists, bool *allowed, struct mfc_episode *out,
		struct err *err);
int sq_mfc_write(void *impl, int op, const struct mfc_episode *e,
		 int64_t user_id, int64_t now_ms, struct err *err);
int sq_mfc_child_find(void *impl, const struct viewer *v, const char *la,
		      const char *ref, int64_t *child_id, unsigned *scope,
		      struct err *err);
int sq_mfc_child_rows(void *impl, const struct viewer *v, int64_t child_id,
		      struct mfc_chronology *out, struct err *err);
int sq_mfc_meeting_insert(void *impl, const struct mfc_meeting *m,
			  int64_t user_id, int64_t now_ms, int64_t *id,
			  struct err *err);
int sq_grab_pack_put(void *impl, int64_t child_id, const struct grab_pack *g,
		     int64_t user_id, int64_t now_ms, struct err *err);
int sq_grab_pack_get(void *impl, int64_t child_id, struct grab_pack *out,
		     struct err *err);
int sq_mfc_attention(void *impl, const struct viewer *v,
		     const struct mfc_filter *f,
		     struct mfc_attention_page *out, struct err *err);
int sq_mfc_child_id(void *impl, const char *la, const char *ref, int64_t *id,
		    struct err *err);
int sq_mfc_episode_at(void *impl, int64_t child_id, int64_t started_at,
		      int64_t *id, struct err *err);
int sq_mfc_home_known(void *impl, const char *urn, bool *known,
		      struct err *err);
int sq_mfc_each(void *impl, const char *la, int64_t from_ms, int64_t to_ms,
		store_mfc_fn *fn, void *ctx, struct err *err);

/* sqlite-alerts.c: alerts, outbox and webhooks (issue 5) */
int sq_alert_snapshot_load(void *impl, const int64_t *ids, size_t nids,
	struct alert_snapshot *out, struct err *err);
int sq_alert_home_children(void *impl, const char *urn, int32_t from,
	int32_t to, store_id_fn *fn, void *ctx, struct err *err);
int sq_alert_police_of(void *impl, const char *la, char *out, struct err *err);
int sq_alert_params_each(void *impl, store_alert_param_fn *fn, void *ctx,
	struct err *err);
int sq_alert_param_set(void *impl, const char *rule, const char *name,
	int64_t value, const char *by, int64_t at, struct err *err);
int sq_alert_run_get(void *impl, int64_t *periods, int64_t *places,
	struct err *err);
int sq_alert_run_set(void *impl, int64_t at, int64_t periods, int64_t places,
	struct err *err);
int sq_alert_keys_each(void *impl, int64_t child_id, const char *urn,
	store_alert_key_fn *fn, void *ctx, struct err *err);
int sq_alert_insert(void *impl, const struct alert_new *a, int64_t now,
	int64_t *id, struct err *err);
int sq_alert_reopen(void *impl, int64_t id, const struct alert_new *a,
	int64_t now, struct err *err);
int sq_alert_update(void *impl, int64_t id, int severity, int64_t due_at,
	const char *home_urn, const char *facts, struct err *err);
int sq_alert_clear(void *impl, int64_t id, int64_t now, struct err *err);
int sq_alert_escalate(void *impl, int64_t id, int64_t now, struct err *err);
int sq_alert_answer(void *impl, int64_t id, bool resolve, int64_t user_id,
	const char *note, int64_t now, struct err *err);
int sq_alert_recipient_add(void *impl, int64_t id, const char *kind,
	const char *code, struct err *err);
int sq_alert_recipients_each(void *impl, int64_t id,
	store_alert_recipient_fn *fn, void *ctx, struct err *err);
int sq_alert_is_recipient(void *impl, int64_t id, const char *kind,
	const char *code, bool *yes, struct err *err);
int sq_alert_get(void *impl, int64_t id, struct alert_row *out,
	struct err *err);
int sq_alerts_list(void *impl, const char *kind, const char *code,
	const struct alert_filter *f, struct alert_page *out, struct err *err);
int sq_alert_items_list(void *impl, const char *kind, const char *code,
	const struct alert_filter *f, struct alert_item_page *out,
	struct err *err);
int sq_alert_items_count(void *impl, const char *kind, const char *code,
	const struct alert_filter *f, long *n, struct err *err);
int sq_alert_homes_each(void *impl, const char *kind, const char *code,
	store_alert_home_fn *fn, void *ctx, struct err *err);
int sq_outbox_add(void *impl, int64_t alert_id, const char *kind,
	const char *code, const char *event, const char *body, int64_t now,
	int64_t *id, struct err *err);
int sq_outbox_list(void *impl, const char *kind, const char *code,
	int64_t before_id, long limit, store_outbox_fn *fn, void *ctx,
	struct err *err);
int sq_outbox_due(void *impl, int64_t now, long limit, store_outbox_fn *fn,
	void *ctx, struct err *err);
int sq_outbox_attempt(void *impl, int64_t outbox_id, int64_t webhook_id,
	int attempt, int64_t at, int http_status, const char *error,
	bool delivered, int64_t next_attempt_at, struct err *err);
int sq_webhook_put(void *impl, const char *kind, const char *code,
	const char *url, const char *secret, int64_t now, int64_t *id,
	struct err *err);
int sq_webhooks_each(void *impl, store_webhook_fn *fn, void *ctx,
	struct err *err);

#endif
