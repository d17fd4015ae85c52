/*
 * store-internal.h: the backend function table behind store.h.
 *
 * store.c selects a backend by the location's form and forwards every
 * public call to it (git's refs backends, curl's vtls).  Backends see the
 * arguments already checked by store.c.  Only files in src/store/ include
 * this header.
 */
#ifndef CARTREF_STORE_INTERNAL_H
#define CARTREF_STORE_INTERNAL_H

#include "store/store.h"

/* Missing from care (issue 5): mfc_child_find's scope bits (what the
 * backend's mfc_write changes, enum mfc_op, is in store.h). */
enum mfc_scope_bits {
	MFC_SCOPE_CHILD = 1 << 0,	/* its live records may show */
	MFC_SCOPE_GRAB_READ = 1 << 1,	/* its grab pack may be read */
	MFC_SCOPE_PLACED = 1 << 2,	/* placed at v's home today */
};

struct store_backend {
	const char *name;
	/* does this backend handle the location? */
	bool (*accepts)(const char *location);
	int (*open)(void **impl, const char *location, struct err *err);
	void (*close)(void *impl);
	int (*migrate)(void *impl, struct err *err);
	int (*schema_version)(void *impl, int *version, struct err *err);

	int (*begin)(void *impl, struct err *err);
	int (*commit)(void *impl, struct err *err);
	void (*rollback)(void *impl);

	bool (*geo_loaded)(void *impl);
	int (*la_put)(void *impl, const struct la *la, struct err *err);
	int (*outcode_put)(void *impl, const char *outcode,
			   const struct grid_ref *g, const char *la,
			   struct err *err);
	int (*postcode_put)(void *impl, const char *postcode,
			    const struct grid_ref *g, const char *la,
			    struct err *err);
	int (*geo_mark_loaded)(void *impl, const char *source,
			       struct err *err);
	int (*la_get)(void *impl, const char *code, struct la *out,
		      struct err *err);
	int (*councils_each)(void *impl, const char *country, store_la_fn *fn,
			     void *ctx, struct err *err);
	int (*postcode_locate)(void *impl, const char *postcode,
			       struct grid_ref *out, bool *exact, char *la_out,
			       struct err *err);
	int (*postcodes_in_la)(void *impl, const char *la,
			       store_postcode_fn *fn, void *ctx,
			       struct err *err);
	int (*geo_each)(void *impl, store_geo_fn *fn, void *ctx,
			struct err *err);
	int (*outcodes_in_la)(void *impl, const char *la,
			      store_postcode_fn *fn, void *ctx,
			      struct err *err);

	int (*home_put)(void *impl, const struct home *h, struct err *err);
	int (*homes_each)(void *impl, store_home_fn *fn, void *ctx,
			  struct err *err);

	int (*return_replace)(void *impl, const struct s903_return *r,
			      struct err *err);
	int (*return_load)(void *impl, const char *la, int year,
			   struct s903_return *out, struct err *err);
	int (*returns_each)(void *impl, store_return_fn *fn, void *ctx,
			    struct err *err);

	int (*history_load)(void *impl, struct history *out, struct err *err);
	int (*data_generation)(void *impl, int64_t *gen, struct err *err);
	int (*stats)(void *impl, struct store_stats *out, struct err *err);

	/* people, sessions, API tokens, audit (issue 4) */
	int (*org_add)(void *impl, const struct org *o, int64_t *id,
		       struct err *err);
	int (*org_get)(void *impl, enum org_kind kind, const char *code,
		       struct org *out, struct err *err);
	int (*org_get_id)(void *impl, int64_t id, struct org *out,
			  struct err *err);
	int (*orgs_each)(void *impl, store_org_fn *fn, void *ctx,
			 struct err *err);
	int (*org_area_add)(void *impl, int64_t org_id, const char *la_code,
			    struct err *err);
	int (*org_areas_each)(void *impl, int64_t org_id, store_code_fn *fn,
			      void *ctx, struct err *err);
	int (*user_add)(void *impl, const struct user *u, const char *pwhash,
			int64_t *id, struct err *err);
	int (*user_by_email)(void *impl, const char *email, struct user *out,
			     char *pwhash, struct err *err);
	int (*user_by_id)(void *impl, int64_t id, struct user *out,
			  char *pwhash, struct err *err);
	int (*users_each)(void *impl, store_user_fn *fn, void *ctx,
			  struct err *err);
	int (*user_set_disabled)(void *impl, int64_t id, bool disabled,
				 struct err *err);
	int (*user_set_password)(void *impl, int64_t id, const char *pwhash,
				 int64_t changed_at, struct err *err);
	int (*session_add)(void *impl, const struct session_row *r,
			   int64_t *id, struct err *err);
	int (*session_get)(void *impl, const uint8_t *hash,
			   struct session_row *out, struct err *err);
	int (*session_touch)(void *impl, int64_t id, int64_t last_seen_at,
			     int64_t expires_at, struct err *err);
	int (*session_delete)(void *impl, int64_t id, struct err *err);
	int (*sessions_delete_user)(void *impl, int64_t user_id,
				    struct err *err);
	int (*sessions_purge)(void *impl, int64_t now, struct err *err);
	int (*api_token_add)(void *impl, const struct api_token_row *r,
			     int64_t *id, struct err *err);
	int (*api_token_get)(void *impl, const uint8_t *hash,
			     struct api_token_row *out, struct err *err);
	int (*api_token_get_id)(void *impl, int64_t id,
				struct api_token_row *out, struct err *err);
	int (*api_token_who)(void *impl, const uint8_t *hash,
			     struct api_token_row *tok, struct user *u,
			     struct org *o, struct err *err);
	int (*api_token_touch)(void *impl, int64_t id, int64_t at,
			       struct err *err);
	int (*api_token_revoke)(void *impl, int64_t id, int64_t at,
				struct err *err);
	int (*api_tokens_revoke_user)(void *impl, int64_t user_id, int64_t at,
				      struct err *err);
	int (*api_tokens_each)(void *impl, int64_t user_id,
			       store_api_token_fn *fn, void *ctx,
			       struct err *err);
	int (*login_fail_add)(void *impl, const char *key, int64_t at,
			      struct err *err);
	int (*login_fails_count)(void *impl, const char *key, int64_t since,
				 long *n, struct err *err);
	int (*login_fails_clear)(void *impl, const char *key,
				 struct err *err);
	int (*login_fails_purge)(void *impl, int64_t before, struct err *err);
	int (*login_refusal_add)(void *impl, const struct login_refusal *r,
				 long *count, struct err *err);
	int (*login_refusals_from)(void *impl, const char *ip,
				   const char *ip_key, const char *key,
				   long *n, bool *has_key, struct err *err);
	int (*login_refusals_ended)(void *impl, int64_t before,
				    store_login_refusal_fn *fn, void *ctx,
				    struct err *err);
	int (*login_refusal_close)(void *impl, const char *key,
				   struct err *err);
	int (*audit_head)(void *impl, int64_t *id, char *hash,
			  struct err *err);
	int (*audit_insert)(void *impl, const struct audit_row *r,
			    struct err *err);
	int (*audit_list)(void *impl, const struct audit_query *q,
			  store_audit_fn *fn, void *ctx, struct err *err);
	int (*audit_scan)(void *impl, store_audit_fn *fn, void *ctx,
			  struct err *err);
	int (*audit_protected)(void *impl, bool *yes, struct err *err);

	/*
	 * Scoped reads (docs/access.md).  store.c has checked the viewer
	 * (access not VIEWER_NONE where children are involved, an audit
	 * hook, a day), clamped paging into out->page and out->page_size,
	 * and zeroed out; it writes the audit rows.  child_record sets
	 * *exists so that the audit row can say why a read was refused.
	 */
	int (*children_list)(void *impl, const struct viewer *v,
			     const struct child_filter *f,
			     struct child_page *out, struct err *err);
	int (*child_record)(void *impl, const struct viewer *v,
			    const char *la, const char *ref, bool *exists,
			    struct child_record *out, struct err *err);
	/* whether child la/ref exists (*exists) and is in v's scope */
	int (*child_in_scope)(void *impl, const struct viewer *v,
			      const char *la, const char *ref, bool *exists,
			      bool *yes, struct err *err);
	int (*homes_list)(void *impl, const struct viewer *v,
			  const struct home_filter *f, struct home_page *out,
			  struct err *err);
	int (*home_profile)(void *impl, const struct viewer *v,
			    const char *urn, struct home_profile *out,
			    struct err *err);
	int (*missing_open)(void *impl, const struct viewer *v,
			    const struct missing_filter *f,
			    struct missing_page *out, struct err *err);
	int (*homes_now)(void *impl, const struct viewer *v, int64_t since_ms,
			 struct home_now **out, size_t *n, struct err *err);

	/*
	 * Missing from care, recorded live (issue 5; store.h).  store.c
	 * checks the viewer and the input, opens the transaction, filters
	 * fields and writes the audit rows; these find and write rows.
	 * mfc_find reads episode id whole (unfiltered) with whether it
	 * exists and whether v may see it (or, with write, change it).
	 * mfc_child_find sets *scope to MFC_SCOPE_* bits of child la/ref.
	 */
	int (*mfc_place)(void *impl, const struct viewer *v, const char *la,
			 const char *ref, int64_t *child_id, char *urn,
			 struct err *err);
	int (*mfc_insert)(void *impl, const struct mfc_episode *e,
			  int64_t user_id, int64_t now_ms, int64_t *id,
			  struct err *err);
	int (*mfc_find)(void *impl, const struct viewer *v, int64_t id,
			bool write, bool *exists, bool *allowed,
			struct mfc_episode *out, struct err *err);
	int (*mfc_write)(void *impl, int op, const struct mfc_episode *e,
			 int64_t user_id, int64_t now_ms, struct err *err);
	int (*mfc_child_find)(void *impl, const struct viewer *v,
			      const char *la, const char *ref,
			      int64_t *child_id, unsigned *scope,
			      struct err *err);
	int (*mfc_child_rows)(void *impl, const struct viewer *v,
			      int64_t child_id, struct mfc_chronology *out,
			      struct err *err);
	int (*mfc_meeting_insert)(void *impl, const struct mfc_meeting *m,
				  int64_t user_id, int64_t now_ms,
				  int64_t *id, struct err *err);
	int (*grab_pack_put)(void *impl, int64_t child_id,
			     const struct grab_pack *g, int64_t user_id,
			     int64_t now_ms, struct err *err);
	int (*grab_pack_get)(void *impl, int64_t child_id,
			     struct grab_pack *out, struct err *err);
	int (*mfc_attention)(void *impl, const struct viewer *v,
			     const struct mfc_filter *f,
			     struct mfc_attention_page *out, struct err *err);
	int (*mfc_child_id)(void *impl, const char *la, const char *ref,
			    int64_t *id, struct err *err);
	int (*mfc_episode_at)(void *impl, int64_t child_id, int64_t started_at,
			      int64_t *id, struct err *err);
	int (*mfc_home_known)(void *impl, const char *urn, bool *known,
			      struct err *err);
	int (*mfc_each)(void *impl, const char *la, int64_t from_ms,
			int64_t to_ms, store_mfc_fn *fn, void *ctx,
			struct err *err);

	/* alerts (issue 5; store.h "alerts"): store.c checks lengths */
	int (*alert_snapshot_load)(void *impl, const int64_t *ids,
				   size_t nids, struct alert_snapshot *out,
				   struct err *err);
	int (*alert_home_children)(void *impl, const char *urn, int32_t from,
				   int32_t to, store_id_fn *fn, void *ctx,
				   struct err *err);
	int (*alert_police_of)(void *impl, const char *la, char *out,
			       struct err *err);
	int (*alert_params_each)(void *impl, store_alert_param_fn *fn,
				 void *ctx, struct err *err);
	int (*alert_param_set)(void *impl, const char *rule, const char *name,
			       int64_t value, const char *by, int64_t at,
			       struct err *err);
	int (*alert_run_get)(void *impl, int64_t *periods, int64_t *places,
			     struct err *err);
	int (*alert_run_set)(void *impl, int64_t at, int64_t periods,
			     int64_t places, struct err *err);
	int (*alert_keys_each)(void *impl, int64_t child_id, const char *urn,
			       store_alert_key_fn *fn, void *ctx,
			       struct err *err);
	int (*alert_insert)(void *impl, const struct alert_new *a, int64_t now,
			    int64_t *id, struct err *err);
	int (*alert_reopen)(void *impl, int64_t id, const struct alert_new *a,
			    int64_t now, struct err *err);
	int (*alert_update)(void *impl, int64_t id, int severity,
			    int64_t due_at, const char *home_urn,
			    const char *facts, struct err *err);
	int (*alert_clear)(void *impl, int64_t id, int64_t now,
			   struct err *err);
	int (*alert_escalate)(void *impl, int64_t id, int64_t now,
			      struct err *err);
	int (*alert_answer)(void *impl, int64_t id, bool resolve,
			    int64_t user_id, const char *note, int64_t now,
			    struct err *err);
	int (*alert_recipient_add)(void *impl, int64_t id, const char *kind,
				   const char *code, struct err *err);
	int (*alert_recipients_each)(void *impl, int64_t id,
				     store_alert_recipient_fn *fn, void *ctx,
				     struct err *err);
	int (*alert_is_recipient)(void *impl, int64_t id, const char *kind,
				  const char *code, bool *yes,
				  struct err *err);
	int (*alert_get)(void *impl, int64_t id, struct alert_row *out,
			 struct err *err);
	int (*alerts_list)(void *impl, const char *kind, const char *code,
			   const struct alert_filter *f, struct alert_page *out,
			   struct err *err);
	int (*alert_items_list)(void *impl, const char *kind,
				const char *code, const struct alert_filter *f,
				struct alert_item_page *out, struct err *err);
	int (*alert_items_count)(void *impl, const char *kind,
				 const char *code, const struct alert_filter *f,
				 long *n, struct err *err);
	int (*alert_homes_each)(void *impl, const char *kind, const char *code,
				store_alert_home_fn *fn, void *ctx,
				struct err *err);
	int (*outbox_add)(void *impl, int64_t alert_id, const char *kind,
			  const char *code, const char *event, const char *body,
			  int64_t now, int64_t *id, struct err *err);
	int (*outbox_list)(void *impl, const char *kind, const char *code,
			   int64_t before_id, long limit, store_outbox_fn *fn,
			   void *ctx, struct err *err);
	int (*outbox_due)(void *impl, int64_t now, long limit,
			  store_outbox_fn *fn, void *ctx, struct err *err);
	int (*outbox_attempt)(void *impl, int64_t outbox_id, int64_t webhook_id,
			      int attempt, int64_t at, int http_status,
			      const char *error, bool delivered,
			      int64_t next_attempt_at, struct err *err);
	int (*webhook_put)(void *impl, const char *kind, const char *code,
			   const char *url, const char *secret, int64_t now,
			   int64_t *id, struct err *err);
	int (*webhooks_each)(void *impl, store_webhook_fn *fn, void *ctx,
			     struct err *err);
};

extern const struct store_backend store_sqlite_backend;

/* Migrations are numbered from 1; each backend has its own SQL. */
int store_sqlite_latest(void);

#endif
