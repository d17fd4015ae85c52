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
	int (*homes_list)(void *impl, const struct viewer *v,
			  const struct home_filter *f, struct home_page *out,
			  struct err *err);
	int (*home_profile)(void *impl, const struct viewer *v,
			    const char *urn, struct home_profile *out,
			    struct err *err);
	int (*missing_open)(void *impl, const struct viewer *v,
			    const struct missing_filter *f,
			    struct missing_page *out, struct err *err);
};

extern const struct store_backend store_sqlite_backend;

/* Migrations are numbered from 1; each backend has its own SQL. */
int store_sqlite_latest(void);

#endif
