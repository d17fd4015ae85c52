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
int sq_homes_list(void *impl, const struct viewer *v,
		  const struct home_filter *f, struct home_page *out,
		  struct err *err);
int sq_home_profile(void *impl, const struct viewer *v, const char *urn,
		    struct home_profile *out, struct err *err);
int sq_missing_open(void *impl, const struct viewer *v,
		    const struct missing_filter *f, struct missing_page *out,
		    struct err *err);

#endif
