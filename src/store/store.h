/*
 * store.h: cartref's persistent store, behind an opaque handle.
 *
 * Every other layer reaches data only through these functions; only
 * src/store/ includes sqlite3.h (and, later, libpq-fe.h).  A store is
 * opened from a location: a file path (SQLite, WAL mode, foreign keys on)
 * or ":memory:".  Opening applies any pending schema migration.
 *
 * Errors: functions return 0 or a negative ERR_* with detail in err.
 * Writes are not transactional on their own: wrap them in
 * store_begin()/store_commit(), which nest (inner levels are savepoints),
 * and call store_rollback() on any failure to undo the whole level.
 *
 * Ownership: strings and structs passed in are copied by the store;
 * results are written into caller-provided structs.
 */
#ifndef CARTREF_STORE_H
#define CARTREF_STORE_H

#include "base/compat.h"
#include "base/err.h"
#include "domain/geo.h"
#include "domain/history.h"
#include "domain/home.h"
#include "domain/ssda903.h"

struct store;

int store_open(struct store **out, const char *location, struct err *err);
void store_close(struct store *s);

/* The schema version after migration, and the newest this build knows. */
int store_schema_version(struct store *s, int *version, struct err *err);
int store_schema_latest(void);

int store_begin(struct store *s, struct err *err);
int store_commit(struct store *s, struct err *err);
void store_rollback(struct store *s);

/* ---- geography (loaded once by ingest/geo-import.c) ------------------- */

#define LA_NAME_MAX 80

struct la {
	char code[LA_CODE_MAX + 1];	/* GSS code */
	char name_en[LA_NAME_MAX + 1];
	char name_cy[LA_NAME_MAX + 1];	/* "" outside Wales */
	char country[LA_CODE_MAX + 1];	/* W92000004, E92000001, ... */
	bool is_lad;		/* a local authority district */
	bool is_council;	/* a children's services authority (UTLA) */
	char council[LA_CODE_MAX + 1];	/* its council (itself if one) */
};

bool store_geo_loaded(struct store *s);
int store_la_put(struct store *s, const struct la *la, struct err *err);
int store_outcode_put(struct store *s, const char *outcode,
		      const struct grid_ref *g, const char *la_code,
		      struct err *err);
int store_postcode_put(struct store *s, const char *postcode,
		       const struct grid_ref *g, const char *la_code,
		       struct err *err);
/* Mark geography loaded (inside the loading transaction). */
int store_geo_mark_loaded(struct store *s, const char *source,
			  struct err *err);

/* ERR_NOT_FOUND when the code is unknown. */
int store_la_get(struct store *s, const char *code, struct la *out,
		 struct err *err);
/* Councils (children's services authorities) of a country, by code. */
typedef int store_la_fn(const struct la *la, void *ctx);
int store_councils_each(struct store *s, const char *country,
			store_la_fn *fn, void *ctx, struct err *err);

/*
 * Where a normalised postcode is: the full postcode's grid reference if
 * known, else its district's centroid (*exact false).  ERR_NOT_FOUND when
 * neither is known.  la_out (may be NULL) receives the local authority.
 */
int store_postcode_locate(struct store *s, const char *postcode,
			  struct grid_ref *out, bool *exact,
			  char la_out[LA_CODE_MAX + 1], struct err *err);
/*
 * distance_miles(a, b) the SSDA903 way, in tenths of a mile: each
 * postcode (normalised or not) located by store_postcode_locate(), then
 * geo_distance_tenths().  *exact is false when either position is a
 * district centroid.  An unknown or malformed postcode is ERR_NOT_FOUND
 * (the "unknown" result): never a distance of 0.
 */
int store_distance_tenths(struct store *s, const char *a, const char *b,
			  int32_t *tenths, bool *exact, struct err *err);

/* Full postcodes in a local authority district, in postcode order. */
typedef int store_postcode_fn(const char *postcode, const struct grid_ref *g,
			      void *ctx);
int store_postcodes_in_la(struct store *s, const char *la_code,
			  store_postcode_fn *fn, void *ctx, struct err *err);
/* Every full postcode and district with its district LA (geo_index). */
typedef int store_geo_fn(const char *key, const struct grid_ref *g,
			 const char *la_code, void *ctx);
int store_geo_each(struct store *s, store_geo_fn *fn, void *ctx,
		   struct err *err);
/* District centroids whose majority authority is la_code. */
int store_outcodes_in_la(struct store *s, const char *la_code,
			 store_postcode_fn *fn, void *ctx, struct err *err);

/* ---- register of homes ------------------------------------------------ */

/* Insert or update (by URN) a home and its provider. */
int store_home_put(struct store *s, const struct home *h, struct err *err);
typedef int store_home_fn(const struct home *h, void *ctx);
/* Homes in URN order. */
int store_homes_each(struct store *s, store_home_fn *fn, void *ctx,
		     struct err *err);

/* ---- SSDA903 returns --------------------------------------------------- */

/*
 * Replace the return of r->la for r->year with r (sorted, checked).
 * Children are kept per council; a child's current attributes follow the
 * latest year imported.
 */
int store_return_replace(struct store *s, const struct s903_return *r,
			 struct err *err);
/* Load a return as stored, in canonical order.  ERR_NOT_FOUND if none. */
int store_return_load(struct store *s, const char *la, int year,
		      struct s903_return *out, struct err *err);
struct return_info {
	char la[LA_CODE_MAX + 1];
	int year;
	long children, episodes, missing, oc2;
};
typedef int store_return_fn(const struct return_info *ri, void *ctx);
int store_returns_each(struct store *s, store_return_fn *fn, void *ctx,
		       struct err *err);

/*
 * Load every child's merged history from all stored returns (see
 * domain/history.h), for the review engine.  out must be HISTORY_INIT;
 * release with history_release().
 */
int store_history_load(struct store *s, struct history *out,
		       struct err *err);

/*
 * The data generation: a number that changes whenever a change to what
 * store_history_load() reads is committed (a return imported or
 * replaced, a home or provider of the register added or changed, the
 * geography loaded), by this process or any other: triggers in the
 * store keep it.  It grows by one per row changed in those tables, but
 * starts at a random value in each new store: compare it only for
 * equality.  One indexed read of one row, for caches of figures
 * (analytics/review-cache.h).
 */
int store_data_generation(struct store *s, int64_t *gen, struct err *err);

/* ---- counts for `cartref stats` ---------------------------------------- */

#define STORE_STATS_YEARS 16

struct store_year_stats {
	int year;
	long returns;		/* councils with a return that year */
	long children;		/* looked after during the year */
	long children_31mar;	/* looked after at 31 March */
	long episodes;
	long missing;		/* MISSING = M */
	long away;		/* MISSING = A */
	long oc2;
};

struct store_stats {
	long councils, postcodes, outcodes;
	long homes, homes_open, places_open;
	long homes_by_type[PROVIDER_NTYPES];
	long places_by_type[PROVIDER_NTYPES];
	size_t nyears;
	struct store_year_stats years[STORE_STATS_YEARS];	/* by year */
};

int store_stats(struct store *s, struct store_stats *out, struct err *err);

/* ==== people, organisations, sessions, API tokens, audit (issue 4) ====
 *
 * The tables behind src/auth/ (docs/security.md).  Only src/auth/ and the
 * CLI should call these: they apply no policy (password rules, throttling,
 * expiry, audit) of their own.  Times are milliseconds since 1970-01-01
 * UTC in the API and ISO 8601 text with milliseconds in the store.  The
 * store never sees a secret in clear: passwords arrive as argon2id strings
 * and session and API tokens as 32-byte hashes.  0 stands for "none" in
 * ids and times.  A unique key already taken is ERR_EXISTS; a missing row
 * ERR_NOT_FOUND.
 */

/* "2025-01-31T12:34:56.789Z" and the NUL. */
#define STORE_TIME_MAX 25
void store_time_fmt(int64_t ms, char out[STORE_TIME_MAX]);
/* Exactly the form store_time_fmt() writes; 0 or ERR_INVALID. */
int store_time_parse(const char *s, int64_t *ms);

enum org_kind {
	ORG_INSPECTORATE = 0,
	ORG_COUNCIL,
	ORG_PROVIDER,
	ORG_POLICE,
	ORG_HEALTH_BOARD,
	ORG_NKINDS
};
/* "inspectorate", "council", "provider", "police", "health_board". */
const char *org_kind_name(enum org_kind k);
int org_kind_parse(const char *s, enum org_kind *out);

enum role {
	ROLE_INSPECTOR = 0,
	ROLE_ANALYST,
	ROLE_COUNCIL_SOCIAL_WORKER,
	ROLE_COUNCIL_PLACEMENTS,
	ROLE_HOME_MANAGER,
	ROLE_POLICE_MISSING_COORDINATOR,
	ROLE_ADMIN,
	ROLE_N
};
/* "inspector", "analyst", ..., "admin" (the store's words). */
const char *role_name(enum role r);
int role_parse(const char *s, enum role *out);

#define ORG_CODE_MAX 120
#define ORG_NAME_MAX 120

struct org {
	int64_t id;
	enum org_kind kind;
	/* GSS code for a council, "CIW", a police force's short name
	 * ("south-wales"), a provider's name */
	char code[ORG_CODE_MAX + 1];
	char name_en[ORG_NAME_MAX + 1];
	char name_cy[ORG_NAME_MAX + 1];
	char la[LA_CODE_MAX + 1];	/* council: its GSS code, else "" */
	/* provider: its name in the homes register, or "" */
	char provider[PROVIDER_NAME_MAX + 1];
};

/*
 * Add an organisation (o->id is ignored) and set *id (may be NULL).  A
 * council needs o->la to be a council in the geography; a provider's
 * o->provider, when given, must be in the homes register (ERR_NOT_FOUND).
 */
int store_org_add(struct store *s, const struct org *o, int64_t *id,
		  struct err *err);
int store_org_get(struct store *s, enum org_kind kind, const char *code,
		  struct org *out, struct err *err);
int store_org_get_id(struct store *s, int64_t id, struct org *out,
		     struct err *err);
typedef int store_org_fn(const struct org *o, void *ctx);
/* Every organisation, by kind then code. */
int store_orgs_each(struct store *s, store_org_fn *fn, void *ctx,
		    struct err *err);
/* A police force's area: add a council (GSS code), list them in order. */
int store_org_area_add(struct store *s, int64_t org_id, const char *la_code,
		       struct err *err);
typedef int store_code_fn(const char *code, void *ctx);
int store_org_areas_each(struct store *s, int64_t org_id, store_code_fn *fn,
			 void *ctx, struct err *err);

#define USER_EMAIL_MAX 254
#define USER_NAME_MAX 120
/* crypto_pwhash_STRBYTES: an argon2id string and its NUL */
#define STORE_PWHASH_MAX 128

struct user {
	int64_t id;
	int64_t org_id;
	enum org_kind org_kind;		/* of org_id, read-only */
	char org_code[ORG_CODE_MAX + 1];	/* read-only */
	char org_name[ORG_NAME_MAX + 1];	/* read-only, English */
	char email[USER_EMAIL_MAX + 1];	/* lower case */
	char name[USER_NAME_MAX + 1];
	enum role role;
	bool disabled;
	int64_t created_at;
	int64_t password_changed_at;
};

/* Add u (email, name, role, org_id, created_at) with a password hash. */
int store_user_add(struct store *s, const struct user *u,
		   const char *password_hash, int64_t *id, struct err *err);
/* Look a user up; password_hash (may be NULL) gets STORE_PWHASH_MAX. */
int store_user_by_email(struct store *s, const char *email, struct user *out,
			char *password_hash, struct err *err);
int store_user_by_id(struct store *s, int64_t id, struct user *out,
		     char *password_hash, struct err *err);
typedef int store_user_fn(const struct user *u, void *ctx);
/* Every user, by email. */
int store_users_each(struct store *s, store_user_fn *fn, void *ctx,
		     struct err *err);
int store_user_set_disabled(struct store *s, int64_t id, bool disabled,
			    struct err *err);
int store_user_set_password(struct store *s, int64_t id,
			    const char *password_hash, int64_t changed_at,
			    struct err *err);

#define STORE_TOKEN_HASH_BYTES 32
#define STORE_CSRF_MAX 64
#define STORE_IP_MAX 64

struct session_row {
	int64_t id;
	int64_t user_id;
	uint8_t token_hash[STORE_TOKEN_HASH_BYTES];
	char csrf[STORE_CSRF_MAX + 1];
	int64_t created_at, last_seen_at, expires_at;
	char ip[STORE_IP_MAX + 1];
};

int store_session_add(struct store *s, const struct session_row *r,
		      int64_t *id, struct err *err);
int store_session_get(struct store *s,
		      const uint8_t hash[STORE_TOKEN_HASH_BYTES],
		      struct session_row *out, struct err *err);
int store_session_touch(struct store *s, int64_t id, int64_t last_seen_at,
			int64_t expires_at, struct err *err);
int store_session_delete(struct store *s, int64_t id, struct err *err);
/* End every session of a user. */
int store_sessions_delete_user(struct store *s, int64_t user_id,
			       struct err *err);
/* Delete sessions whose expires_at is at or before now. */
int store_sessions_purge(struct store *s, int64_t now, struct err *err);

#define API_TOKEN_LABEL_MAX 80

struct api_token_row {
	int64_t id;
	int64_t user_id;
	uint8_t token_hash[STORE_TOKEN_HASH_BYTES];
	char label[API_TOKEN_LABEL_MAX + 1];
	int64_t created_at;
	int64_t last_used_at;	/* 0: never */
	int64_t revoked_at;	/* 0: live */
};

int store_api_token_add(struct store *s, const struct api_token_row *r,
			int64_t *id, struct err *err);
int store_api_token_get(struct store *s,
			const uint8_t hash[STORE_TOKEN_HASH_BYTES],
			struct api_token_row *out, struct err *err);
int store_api_token_get_id(struct store *s, int64_t id,
			   struct api_token_row *out, struct err *err);
/* The token of this hash, its user and the user's organisation in one
 * query (the API checks a token on every request); ERR_NOT_FOUND. */
int store_api_token_who(struct store *s,
			const uint8_t hash[STORE_TOKEN_HASH_BYTES],
			struct api_token_row *tok, struct user *u,
			struct org *o, struct err *err);
int store_api_token_touch(struct store *s, int64_t id, int64_t at,
			  struct err *err);
/* Revoke one token (ERR_NOT_FOUND if not live), or all of a user's. */
int store_api_token_revoke(struct store *s, int64_t id, int64_t at,
			   struct err *err);
int store_api_tokens_revoke_user(struct store *s, int64_t user_id,
				 int64_t at, struct err *err);
typedef int store_api_token_fn(const struct api_token_row *r, void *ctx);
/* A user's tokens (user_id 0: everyone's), newest first. */
int store_api_tokens_each(struct store *s, int64_t user_id,
			  store_api_token_fn *fn, void *ctx, struct err *err);

/* Failed sign-ins under a throttling key ("acct:<email>", "ip:<addr>"). */
#define STORE_THROTTLE_KEY_MAX 320
int store_login_fail_add(struct store *s, const char *key, int64_t at,
			 struct err *err);
/* How many since `since` (exclusive). */
int store_login_fails_count(struct store *s, const char *key, int64_t since,
			    long *n, struct err *err);
int store_login_fails_clear(struct store *s, const char *key,
			    struct err *err);
/* Forget failures at or before `before`. */
int store_login_fails_purge(struct store *s, int64_t before,
			    struct err *err);

/*
 * Refused (throttled) sign-ins are counted, not audited one by one
 * (auth/session.c): a window opens at the first refusal under a key
 * ("acct:<email> ip:<addr>" or "ip:<addr>"), which is audited, and the
 * refusals after it only count until the window is closed.
 */
#define STORE_REFUSAL_WHY_MAX 80
struct login_refusal {
	char key[STORE_THROTTLE_KEY_MAX + 1];
	char ip[STORE_IP_MAX + 1];		/* the address it came from */
	char subject[USER_EMAIL_MAX + 1];	/* a known account, or "" */
	char why[STORE_REFUSAL_WHY_MAX + 1];
	int64_t first_at, last_at;	/* the window's first and last */
	long count;			/* refusals in the window */
};
/* Count a refusal (r's key, ip, subject, why; r->last_at is its time):
 * *count is the window's refusals with this one, 1 if it opened it. */
int store_login_refusal_add(struct store *s, const struct login_refusal *r,
			    long *count, struct err *err);
/* The open windows of refusals from address ip under keys other than
 * ip_key, and whether key's is one of them. */
int store_login_refusals_from(struct store *s, const char *ip,
			      const char *ip_key, const char *key, long *n,
			      bool *has_key, struct err *err);
typedef int store_login_refusal_fn(const struct login_refusal *r,
				   void *ctx);
/* The windows opened at or before `before`, oldest first. */
int store_login_refusals_ended(struct store *s, int64_t before,
			       store_login_refusal_fn *fn, void *ctx,
			       struct err *err);
/* Close (forget) a key's window. */
int store_login_refusal_close(struct store *s, const char *key,
			      struct err *err);

#define AUDIT_HASH_HEX 64
#define AUDIT_WORD_MAX 32
#define AUDIT_ACTOR_MAX 260
#define AUDIT_SUBJECT_MAX 160
#define AUDIT_DETAIL_MAX 1000

/* One row of the audit trail, as stored (src/auth/audit.h writes them). */
struct audit_row {
	int64_t id;			/* 1, 2, 3, ... without gaps */
	char at[STORE_TIME_MAX];	/* ISO 8601 with milliseconds */
	int64_t user_id;		/* 0: not a signed-in user */
	int64_t org_id;			/* 0: none */
	char actor[AUDIT_ACTOR_MAX + 1];	/* email, or "cli:root" */
	char role[AUDIT_WORD_MAX + 1];
	char action[AUDIT_WORD_MAX + 1];	/* "view", "user-add", ... */
	char subject_kind[AUDIT_WORD_MAX + 1];	/* "child", "user", ... */
	char subject_id[AUDIT_SUBJECT_MAX + 1];
	char detail[AUDIT_DETAIL_MAX + 1];
	char ip[STORE_IP_MAX + 1];
	char prev_hash[AUDIT_HASH_HEX + 1];
	char hash[AUDIT_HASH_HEX + 1];
};

/* The last row's id and hash; 0 and "" when the trail is empty. */
int store_audit_head(struct store *s, int64_t *id,
		     char hash[AUDIT_HASH_HEX + 1], struct err *err);
/* Append r as is: r->id must be the head's id + 1 (the store refuses
 * anything else), inside a transaction that read the head. */
int store_audit_insert(struct store *s, const struct audit_row *r,
		       struct err *err);

struct audit_query {
	const char *subject_kind;	/* NULL or "": any */
	const char *subject_id;		/* with subject_kind; NULL: any */
	int64_t user_id;		/* 0: anyone */
	int64_t before_id;		/* paging: rows older than this; 0: newest */
	long limit;			/* 1 to 1000 */
};
typedef int store_audit_fn(const struct audit_row *r, void *ctx);
/* Rows matching q, newest first. */
int store_audit_list(struct store *s, const struct audit_query *q,
		     store_audit_fn *fn, void *ctx, struct err *err);
/* Every row, oldest first (for verification). */
int store_audit_scan(struct store *s, store_audit_fn *fn, void *ctx,
		     struct err *err);
/* Does the store still refuse updates and deletes of audit rows? */
int store_audit_protected(struct store *s, bool *yes, struct err *err);

/* ==== what each viewer may see: scoped reads (issue 4; docs/access.md) ====
 *
 * The pages and the JSON API read children, homes and missing periods
 * only through these.  Each takes the viewer (domain/viewer.h) and the
 * store decides in SQL, with the viewer's council, provider, police area
 * and day bound as parameters, which rows it may see; the field matrix
 * (viewer_fields()) decides which fields of them are filled.  A field
 * the viewer may not see is left empty ("", DATE_NONE, -1, false,
 * DIST_HIDDEN).
 *
 * Existence is not leaked: a child out of the viewer's scope is
 * ERR_NOT_FOUND with the same message as a child that does not exist.
 * ERR_DENIED is only for what a role can never have, whatever the child
 * (VIEWER_NONE asking for children), and for a viewer without an audit
 * hook.
 *
 * Audit: every child record read writes a "view" row (subject child
 * COUNCIL/REF) through v->audit before returning, and every refused or
 * unknown one a "view-denied" row (detail says why; the caller cannot
 * tell).  A list, profile or missing page that names children writes one
 * "list" or "view" row naming them.  If the audit row cannot be written
 * the read fails and returns nothing.
 *
 * Paging: page_size 1 to STORE_PAGE_MAX (0: STORE_PAGE_DEFAULT; more is
 * cut to STORE_PAGE_MAX); page from 0.  Pages are fixed arrays (tens of
 * KB): allocate them, do not put them on a thread's stack.
 */

#include "domain/viewer.h"

#define STORE_PAGE_MAX 100
#define STORE_PAGE_DEFAULT 25
#define STORE_PAGE_LAST 100000		/* the highest page number */
#define STORE_RECORD_ROWS_MAX 1000	/* per table of one child record */
#define STORE_PROFILE_YEARS 16

/* One episode (placement) as the viewer may see it. */
struct child_placement {
	int32_t decom;
	int32_t dec;			/* DATE_NONE: no end date */
	bool open;			/* still open in the latest return */
	char rne[2];
	char place[3];
	char place_provider[4];
	char ls[3];			/* VF_LEGAL_STATUS */
	char cin[3];			/* VF_NEED */
	char rec[4];			/* VF_ENDINGS */
	char reason_place_change[7];	/* VF_ENDINGS */
	char urn[S903_URN_MAX + 1];	/* "" if not a registered home */
	char home_name[HOME_NAME_MAX + 1];
	char provider[PROVIDER_NAME_MAX + 1];
	char district[POSTCODE_MAX + 1];	/* VF_DISTRICT */
	char pl_post[POSTCODE_MAX + 1];	/* VF_PLACEMENT_POSTCODE */
	char home_post[POSTCODE_MAX + 1];	/* VF_HOME_POSTCODE */
	int32_t distance;		/* VF_DISTANCE: tenths of a mile, -1 */
	enum distance_band band;	/* VF_DISTANCE_BAND */
};

/* A child as a list row and as the head of a record. */
struct child_summary {
	char la[LA_CODE_MAX + 1];	/* the council that looks after it */
	char ref[S903_CHILD_MAX + 1];
	char sex[2];			/* VF_SEX */
	int32_t dob;			/* VF_DOB */
	int age;			/* VF_AGE: years on v->today, -1 */
	char upn[S903_UPN_MAX + 1];	/* VF_UPN */
	char ethnic[5];			/* VF_ETHNIC */
	bool looked_after;		/* on v->today (not V3/V4) */
	/* the placement on v->today, when the viewer may see it (a provider
	 * only sees it at its own homes) */
	bool has_current;
	struct child_placement current;
	long open_missing;		/* open missing periods it may see */
};

/* Filters: a zeroed struct matches everything (first page, default size). */
struct child_filter {
	const char *la;			/* the council; NULL or "": any */
	const char *ref_prefix;		/* NULL or "": any */
	int32_t looked_after_on;	/* a day; 0 or DATE_NONE: any */
	const char *urn;		/* placed at this home today; NULL: any */
	bool in_home;			/* in a children's home (K1, K2) today */
	/* order: in a children's home today first, then looked after
	 * today, then by council and reference (else by council and
	 * reference only) */
	bool homes_first;
	long page, page_size;
};

struct child_page {
	struct child_summary rows[STORE_PAGE_MAX];
	size_t n;
	long total;		/* rows on all pages */
	long page, page_size;	/* as applied */
};

/*
 * The children v may see, by council then reference.  VIEWER_NONE:
 * ERR_DENIED.  No audit hook: ERR_DENIED.
 */
int store_children_list(struct store *s, const struct viewer *v,
			const struct child_filter *f, struct child_page *out,
			struct err *err);

/*
 * An SSDA903 missing period.  A period a return left open (end
 * DATE_NONE) is "open in that return": only live records (store_mfc_*)
 * say a child is missing now.
 */
struct child_missing {
	char kind[2];			/* "M" missing, "A" away */
	int32_t start;
	int32_t end;			/* DATE_NONE: no end date */
	bool open;			/* no end in the latest return */
	int return_year;		/* the (latest) return that has it */
	/* the placement it started from */
	char place[3];
	char urn[S903_URN_MAX + 1];
	char home_name[HOME_NAME_MAX + 1];
	char district[POSTCODE_MAX + 1];	/* VF_DISTRICT */
	char pl_post[POSTCODE_MAX + 1];	/* VF_PLACEMENT_POSTCODE */
};

struct child_oc2 {
	int year;
	int32_t sdq_score;		/* -1 blank */
	char sdq_reason[5];
	int32_t convicted, health_check, immunisations, teeth_check,
		health_assessment, substance_misuse, intervention_received,
		intervention_offered;	/* 0/1, -1 blank */
};

/* A child's single chronology, filtered for the viewer. */
struct child_record {
	struct child_summary child;
	struct child_placement *episodes;	/* by DECOM */
	size_t nepisodes;
	struct child_missing *missing;		/* by start */
	size_t nmissing;
	struct child_oc2 *oc2;			/* by year */
	size_t noc2;
	bool truncated;		/* over STORE_RECORD_ROWS_MAX rows */
};

#define CHILD_RECORD_INIT { .episodes = NULL }
void child_record_release(struct child_record *r);

/*
 * The record of child la/ref as v may see it (out must be
 * CHILD_RECORD_INIT or released; release it after any return).
 * ERR_NOT_FOUND for a child that does not exist and for one out of
 * scope alike; ERR_DENIED for VIEWER_NONE.  Audited (see above).
 */
int store_child_record(struct store *s, const struct viewer *v,
		       const char *la, const char *ref,
		       struct child_record *out, struct err *err);

/*
 * Would store_child_record() open child la/ref for v?  The same rule (the
 * scope predicate of the record read), asked without reading the record:
 * for texts that must say no more than their reader may see (alerts and
 * their outbox messages, docs/alerts.md).  *yes false for a child out of
 * scope, one that does not exist and VIEWER_NONE.  Not audited: it
 * returns no data of the child, and the caller that names the child
 * audits that.  ERR_DENIED only for a viewer the store refuses outright.
 */
int store_child_in_scope(struct store *s, const struct viewer *v,
			 const char *la, const char *ref, bool *yes,
			 struct err *err);

/* A home of the register; the address rule decides `postcode`. */
struct home_row {
	char urn[S903_URN_MAX + 1];
	char name[HOME_NAME_MAX + 1];
	char provider[PROVIDER_NAME_MAX + 1];
	enum provider_type provider_type;
	char la[LA_CODE_MAX + 1];
	/* the full postcode for the home's provider, a council that placed
	 * a child there in the last VIEWER_WINDOW_DAYS (or runs it) and
	 * inspectors; else the postcode district */
	char postcode[POSTCODE_MAX + 1];
	bool postcode_full;
	int places;
	int age_min, age_max;
	enum sex_admitted sex_admitted;
	int32_t registered;
	int32_t closed;			/* DATE_NONE: open */
};

struct home_filter {
	const char *la;			/* council area; NULL or "": any */
	const char *provider_type;	/* "la", "private", ...; NULL: any */
	int32_t open_on;		/* a day; 0 or DATE_NONE: any */
	long page, page_size;
};

struct home_page {
	struct home_row rows[STORE_PAGE_MAX];
	size_t n;
	long total;
	long page, page_size;
};

/* The register, by URN: every viewer, analysts and admins included (it
 * names no child).  Not audited. */
int store_homes_list(struct store *s, const struct viewer *v,
		     const struct home_filter *f, struct home_page *out,
		     struct err *err);

/* Missing periods and moves of one home, per reporting year. */
struct home_year {
	int year;
	long missing_periods;	/* MISSING = M, starting from the home */
	long missing_children;
	long moves_out;		/* ended by a move elsewhere */
};

struct home_profile {
	struct home_row home;
	/* exact figures: for inspectors, the home's provider and the
	 * council whose area it is in; false (and nyears 0) for others */
	bool figures;
	struct home_year years[STORE_PROFILE_YEARS];	/* newest first */
	size_t nyears;
	/* children placed there on v->today whom v may see there */
	struct child_summary children[STORE_PAGE_MAX];
	size_t nchildren;
	bool truncated;
};

/*
 * One home.  ERR_NOT_FOUND for an unknown URN; ERR_DENIED for
 * VIEWER_NONE (the profile names children).  Audited when it names
 * children ("view", subject home URN).
 */
int store_home_profile(struct store *s, const struct viewer *v,
		       const char *urn, struct home_profile *out,
		       struct err *err);

/*
 * What is happening now at homes, in numbers (no child is named): for a
 * provider its homes, for a council the homes in its area, for
 * inspectors every home, by name.  Others: ERR_DENIED.  Not audited.
 * *out (free() it) holds *n rows.
 */
struct home_now {
	char urn[S903_URN_MAX + 1];
	char name[HOME_NAME_MAX + 1];
	char la[LA_CODE_MAX + 1];	/* the council area it is in */
	int places;
	bool open;			/* registered and not closed today */
	long placed;			/* children under 18 placed there today */
	long missing_now;		/* live episodes from it not ended */
	long episodes_recent;		/* live episodes from it since since_ms */
};
int store_homes_now(struct store *s, const struct viewer *v,
		    int64_t since_ms, struct home_now **out, size_t *n,
		    struct err *err);

/* A missing period left open in a return: the data-quality list. */
struct missing_row {
	char la[LA_CODE_MAX + 1];
	char ref[S903_CHILD_MAX + 1];
	char sex[2];			/* VF_SEX */
	int32_t dob;			/* VF_DOB */
	int age;			/* VF_AGE, -1 */
	struct child_missing m;
};

struct missing_filter {
	const char *la;			/* child's council; NULL or "": any */
	const char *urn;		/* home it started from; NULL: any */
	long page, page_size;
};

struct missing_page {
	struct missing_row rows[STORE_PAGE_MAX];
	size_t n;
	long total;
	long page, page_size;
};

/*
 * SSDA903 missing periods the latest return left open (no end date), as
 * v may see them, oldest first: police, those of kind M from placements
 * in the force's area; councils, their children's; providers, those
 * that started from their homes; inspectors, those of children placed
 * in registered homes.  Not "missing now": only live records say that;
 * this is for checking the returns.  VIEWER_NONE: ERR_DENIED.  Audited
 * when not empty.
 */
int store_missing_open(struct store *s, const struct viewer *v,
		       const struct missing_filter *f,
		       struct missing_page *out, struct err *err);

/* ==== missing from care, recorded live (issue 5; docs/missing.md) ====
 *
 * The live records of missing episodes, strategy meetings and grab packs
 * (domain/missing.h), scoped and audited like the reads above: each
 * function takes the viewer, the store decides in SQL with the viewer's
 * council, provider, police area and day bound as parameters which
 * episodes it may see or change (docs/access.md, "Missing from care"),
 * and writes the audit row through v->audit in the same transaction as
 * the change ("change", subject child LA/REF; a grab pack's subject kind
 * is "grab-pack").  A refused write or read writes "change-denied" or
 * "view-denied" instead.  Out of scope and nonexistent are the same
 * ERR_NOT_FOUND; ERR_DENIED depends only on the viewer (a kind of access
 * that may never do the operation, VIEWER_NONE, no audit hook).  Bad
 * input (mfc_episode_check()) is ERR_INVALID and writes nothing.
 * Times are checked against v->now_ms.
 *
 * The audit row of a change must commit with the change: a caller whose
 * viewer's hook writes through another connection (the server's group
 * commit writer, auth/audit.h) must unbind it (audit_writer_bind(NULL,
 * s)) around these writes, or the writer would wait for this
 * transaction's lock.
 */
#include "domain/missing.h"

/*
 * A home manager reports child e->la/e->ref missing or away from the home
 * of its provider where the child is placed on v->today.  In: kind,
 * started_at and the home's fields.  Out: e->id, e->child_id, e->urn.
 * ERR_EXISTS when the child already has an open episode.
 */
int store_mfc_report(struct store *s, const struct viewer *v,
		     struct mfc_episode *e, struct err *err);
/*
 * What a change committed, for its answer (out may be NULL): the episode
 * as written, the fields v may see, and whether v may still see it.  A
 * change can take an episode out of its writer's scope (the police see
 * an episode returned in the last VIEWER_WINDOW_DAYS; a return recorded
 * as older ends their view of it), so the answer to a write that
 * committed is built from this, never from a read that would say 404
 * (issue 10, item 9).
 */
struct mfc_written {
	struct mfc_episode e;
	bool visible;
};
/* The home's fields of episode e->id (last seen, circumstances, actions,
 * risk indicators): the provider of the home it started from. */
int store_mfc_update_home(struct store *s, const struct viewer *v,
			  const struct mfc_episode *e,
			  struct mfc_written *out, struct err *err);
/* The police's fields of e->id (reference, grade, arrested, charged). */
int store_mfc_police(struct store *s, const struct viewer *v,
		     const struct mfc_episode *e, struct mfc_written *out,
		     struct err *err);
/* The return (returned_at, returned_place): the police or the home. */
int store_mfc_return(struct store *s, const struct viewer *v,
		     const struct mfc_episode *e, struct mfc_written *out,
		     struct err *err);
/* The return interview (ri_*): the child's council. */
int store_mfc_interview(struct store *s, const struct viewer *v,
			const struct mfc_episode *e, struct mfc_written *out,
			struct err *err);
/* A strategy meeting about child m->la/m->ref (and episode m->episode_id
 * of that child, or 0): the child's council.  Out: m->id, m->child_id. */
int store_mfc_meeting_add(struct store *s, const struct viewer *v,
			  struct mfc_meeting *m, struct err *err);
/* Write the grab pack of child g->la/g->ref: the provider of the home
 * where the child is placed on v->today.  *child_id (may be NULL). */
int store_grab_pack_put(struct store *s, const struct viewer *v,
			const struct grab_pack *g, int64_t *child_id,
			struct err *err);
/* Read it: the child's council, inspectors, the home where it is placed,
 * and the police only while the child has an open M episode from their
 * area.  ERR_NOT_FOUND also when there is none yet (then out->none_yet:
 * the reader may read it, so may be told that none was written). */
int store_grab_pack_get(struct store *s, const struct viewer *v,
			const char *la, const char *ref, struct grab_pack *out,
			struct err *err);

/* The changes to an episode (store_mfc_update_home() ... below). */
enum mfc_op { MFC_OP_HOME = 1, MFC_OP_POLICE, MFC_OP_RETURN,
	      MFC_OP_INTERVIEW };
/*
 * Change op of episode id by v, who may not read it (store_mfc_get()
 * answered ERR_NOT_FOUND or ERR_DENIED): refused without looking further,
 * as the change itself would be, and audited "change-denied" naming the
 * episode asked for (its child when it exists): ERR_DENIED for a kind of
 * access that may never do op, else ERR_NOT_FOUND.  Nothing is written.
 * op 0: a change of no one kind (a meeting naming the episode).
 */
int store_mfc_change_refused(struct store *s, const struct viewer *v,
			     enum mfc_op op, int64_t id, struct err *err);

/*
 * Would store_mfc_get() show live episode id to v?  The same rule,
 * without reading or auditing it (as store_child_in_scope()).
 */
int store_mfc_visible(struct store *s, const struct viewer *v, int64_t id,
		      bool *yes, struct err *err);

/* One episode as v may see it (fields v may not see are left empty). */
int store_mfc_get(struct store *s, const struct viewer *v, int64_t id,
		  struct mfc_episode *out, struct err *err);

/* A child's live episodes (by start) and meetings (by date). */
struct mfc_chronology {
	struct mfc_episode *episodes;
	size_t nepisodes;
	struct mfc_meeting *meetings;
	size_t nmeetings;
	bool truncated;		/* over STORE_RECORD_ROWS_MAX rows */
};
#define MFC_CHRONOLOGY_INIT { NULL, 0, NULL, 0, false }
void mfc_chronology_release(struct mfc_chronology *c);
int store_mfc_child(struct store *s, const struct viewer *v, const char *la,
		    const char *ref, struct mfc_chronology *out,
		    struct err *err);

/* An open episode on a "needs attention" list. */
struct mfc_attention_row {
	int64_t id;
	char la[LA_CODE_MAX + 1];
	char ref[S903_CHILD_MAX + 1];
	int age;			/* on v->today, -1 */
	char kind[2];
	char urn[S903_URN_MAX + 1];
	char home_name[HOME_NAME_MAX + 1];
	int64_t started_at;
	long hours_missing;		/* whole hours to v->now_ms */
	enum mfc_grade grade;
	char police_ref[MFC_REF_MAX + 1];
	bool exploitation;
	int64_t returned_at;		/* 0: not returned */
	int64_t ri_offered_at;		/* 0: not offered */
	/* the home's part (last seen, circumstances, actions) has a gap */
	bool report_incomplete;
};

/* Which episodes a "needs attention" list is of. */
enum mfc_due {
	MFC_DUE_OPEN = 0,	/* missing or away now */
	MFC_DUE_INTERVIEW,	/* back from missing (M) since since_ms, no
				 * return interview held or declined: by
				 * return, oldest first */
	MFC_DUE_REPORT,		/* started since since_ms, the home's part of
				 * the report incomplete */
};

struct mfc_filter {
	const char *la;			/* child's council; NULL: any */
	const char *urn;		/* home; NULL: any */
	long page, page_size;
	enum mfc_due due;		/* 0: open now */
	int64_t since_ms;		/* for MFC_DUE_INTERVIEW, _REPORT */
	bool by_risk;			/* highest police grade first */
};

struct mfc_attention_page {
	struct mfc_attention_row rows[STORE_PAGE_MAX];
	size_t n;
	long total;
	long page, page_size;
};

/*
 * The episodes v may act on (f->due: open now by default), longest
 * missing (or longest back) first, or by police risk grade first
 * (f->by_risk): a provider's from its homes, a council's children's, a
 * police force's of kind M from its area; inspectors, those from
 * registered homes.  Audited ("list", subject "missing-live") when not
 * empty.
 */
int store_mfc_attention(struct store *s, const struct viewer *v,
			const struct mfc_filter *f,
			struct mfc_attention_page *out, struct err *err);

/*
 * Unscoped, for the CLI's import and export only (like
 * store_return_replace()): never for request handlers.
 *
 * store_mfc_import() adds an episode of child e->la/e->ref (ERR_NOT_FOUND
 * if no such child) from home e->urn ("" or a URN of the register:
 * ERR_INVALID otherwise); it does not check e (the caller does:
 * mfc_episode_check()) and an open episode when the child has one is
 * ERR_EXISTS.  Not audited (an administrator's import, like a return).
 * store_mfc_meeting_import() adds a meeting, naming the child's episode
 * that started at episode_started_at (0: none; ERR_NOT_FOUND if none).
 */
int store_mfc_import(struct store *s, const struct mfc_episode *e,
		     int64_t *id, struct err *err);
int store_mfc_meeting_import(struct store *s, const struct mfc_meeting *m,
			     int64_t episode_started_at, int64_t *id,
			     struct err *err);
/* Episodes of council la's children that started in [from_ms, to_ms),
 * by child and start (the SSDA903 export). */
typedef int store_mfc_fn(const struct mfc_episode *e, void *ctx);
int store_mfc_each(struct store *s, const char *la, int64_t from_ms,
		   int64_t to_ms, store_mfc_fn *fn, void *ctx,
		   struct err *err);


/* ==== alerts (issue 5; docs/alerts.md) ====
 *
 * The tables behind src/alerts/: the facts the rules read (a snapshot),
 * the alerts with their recipients, the outbox and webhooks.  Only
 * src/alerts/ and the CLI call these: they apply no policy (who may see
 * or acknowledge an alert is decided in src/alerts/).  Times are ms since
 * 1970 UTC (0: none); days are day numbers (DATE_NONE: none).
 * Recipients are organisations by kind and code (a provider by the name
 * of its provider in the homes register: migration 6).
 */

#define ALERT_RULE_MAX 32
#define ALERT_KEY_MAX 80
#define ALERT_DETAIL_MAX 200
#define ALERT_NOTE_MAX 1000
#define ALERT_BODY_MAX 2000
#define ALERT_PARAM_NAME_MAX 32
#define WEBHOOK_URL_MAX 500
#define WEBHOOK_SECRET_HEX 64

/* ---- the snapshot: every fact the rules read, sorted by child ---- */

struct alert_child {
	int64_t id;
	char la[LA_CODE_MAX + 1];	/* the council that looks after it */
	char ref[S903_CHILD_MAX + 1];
};

/* A live episode (mfc_episode). */
struct alert_live {
	int64_t id, child_id;
	char kind;			/* 'M' or 'A' */
	int32_t home;			/* index in homes, -1: none */
	int64_t started_at;
	int64_t returned_at;		/* 0: not returned */
	int64_t ri_offered_at, ri_held_at;	/* 0: not recorded */
	bool ri_declined;
	char grade;			/* 'n', 'l', 'm', 'h'; 0 not graded */
	bool exploitation, arrested, charged;
};

struct alert_meeting {
	int64_t child_id;
	int32_t held_on;
	int32_t safety_plan_review_on;	/* DATE_NONE: none recorded */
};

/* An SSDA903 missing period, merged across returns (migration 3). */
struct alert_period {
	int64_t child_id;
	char kind;			/* 'M' or 'A' */
	int32_t start;
	int32_t end;			/* end_eff; DATE_NONE: open */
};

/* An SSDA903 episode (placement), merged across returns. */
struct alert_placement {
	int64_t child_id;
	int32_t decom;
	int32_t end;			/* end_eff; DATE_NONE: open */
	char rne;			/* 'S', 'L', 'P', 'T', 'B', 'U' */
	bool has_reason;		/* REASON_PLACE_CHANGE given */
	int32_t distance;		/* tenths of a mile, -1 unknown */
	int32_t home;			/* index in homes, -1: none */
};

/* A home of the register. */
struct alert_home {
	char urn[S903_URN_MAX + 1];
	char provider[PROVIDER_NAME_MAX + 1];
	char council[LA_CODE_MAX + 1];	/* whose area it is in */
	int places;
	int32_t registered, closed;	/* closed DATE_NONE: open */
};

struct alert_snapshot {
	struct alert_child *children;	/* by id */
	size_t nchildren;
	struct alert_live *live;	/* by child, started_at */
	size_t nlive;
	struct alert_meeting *meetings;	/* by child, held_on */
	size_t nmeetings;
	struct alert_period *periods;	/* by child, start */
	size_t nperiods;
	struct alert_placement *placements;	/* by child, decom */
	size_t nplacements;
	struct alert_home *homes;	/* by URN: every home */
	size_t nhomes;
};

#define ALERT_SNAPSHOT_INIT { .children = NULL }
void alert_snapshot_release(struct alert_snapshot *snap);

/*
 * Load the facts of every child (nids 0) or of the children in ids
 * (indexed reads: for one child's re-evaluation); the homes always.
 * out must be ALERT_SNAPSHOT_INIT or released.
 */
int store_alert_snapshot_load(struct store *s, const int64_t *ids,
			      size_t nids, struct alert_snapshot *out,
			      struct err *err);
/* Children with a live episode from home urn that started on a day in
 * [from, to], or an SSDA903 episode there overlapping [from, to]. */
typedef int store_id_fn(int64_t id, void *ctx);
int store_alert_home_children(struct store *s, const char *urn,
			      int32_t from, int32_t to, store_id_fn *fn,
			      void *ctx, struct err *err);
/* The police force (org code) whose area holds council la; "" if none. */
int store_alert_police_of(struct store *s, const char *la,
			  char out[ORG_CODE_MAX + 1], struct err *err);

/* ---- parameters ---- */

typedef int store_alert_param_fn(const char *rule, const char *name,
				 int64_t value, const char *changed_by,
				 int64_t changed_at, void *ctx);
int store_alert_params_each(struct store *s, store_alert_param_fn *fn,
			    void *ctx, struct err *err);
int store_alert_param_set(struct store *s, const char *rule,
			  const char *name, int64_t value,
			  const char *changed_by, int64_t at, struct err *err);

/* The last full run's national top-decile rate (periods/places);
 * ERR_NOT_FOUND before the first run. */
int store_alert_run_get(struct store *s, int64_t *periods, int64_t *places,
			struct err *err);
int store_alert_run_set(struct store *s, int64_t at, int64_t periods,
			int64_t places, struct err *err);

/*
 * Take or keep the lease name for holder until the instant until (ms):
 * *got is true if holder has it now (it was free, expired at now, or
 * holder's already).  Several servers on one store run a scheduled job
 * only while they hold its lease (store-lease.c).
 */
int store_lease_take(struct store *s, const char *name, const char *holder,
		     int64_t now, int64_t until, bool *got, struct err *err);
/* Give it up (a server that stops cleanly), if holder has it. */
int store_lease_give(struct store *s, const char *name, const char *holder,
		     struct err *err);

/* ---- alerts ---- */

/*
 * An alert's state.  historical: found by a first run in imported
 * history, older than its rule's horizon and not going on now: kept
 * for the record, told to nobody, on no "open" list or count.
 */
enum alert_state {
	ALERT_OPEN = 0,
	ALERT_ACKNOWLEDGED,
	ALERT_RESOLVED,
	ALERT_CLEARED,
	ALERT_HISTORICAL,
	ALERT_NSTATES
};
/* "open", "acknowledged", "resolved", "cleared", "historical". */
const char *alert_state_name(enum alert_state st);
int alert_state_parse(const char *s, enum alert_state *out);

/* How urgent an alert is (0: not known, an alert from before
 * migration 7 not evaluated since). */
enum alert_severity {
	ALERT_SEV_NONE = 0,
	ALERT_SEV_LOW,
	ALERT_SEV_MEDIUM,
	ALERT_SEV_HIGH,
	ALERT_SEV_URGENT,
	ALERT_NSEVERITIES
};
/* "none", "low", "medium", "high", "urgent". */
const char *alert_severity_name(int sev);

/* The structured facts a rule found (a small JSON object, docs/alerts.md
 * "Facts"), from which the texts are written at output time. */
#define ALERT_FACTS_MAX 400

/* The evaluator's view of a stored alert. */
struct alert_key_row {
	int64_t id;
	char rule[ALERT_RULE_MAX + 1];
	char key[ALERT_KEY_MAX + 1];
	enum alert_state state;
	int64_t escalate_at;		/* 0: never */
	int64_t escalated_at;		/* 0: not yet */
	int64_t raised_at;
	int severity;
	int64_t due_at;			/* 0: none */
	char home_urn[S903_URN_MAX + 1];
	char facts[ALERT_FACTS_MAX + 1];
};
typedef int store_alert_key_fn(const struct alert_key_row *r, void *ctx);
/* Every alert (child_id 0 and urn NULL), or those of one child, or the
 * alerts about home urn; by rule then key (byte order). */
int store_alert_keys_each(struct store *s, int64_t child_id, const char *urn,
			  store_alert_key_fn *fn, void *ctx, struct err *err);

struct alert_new {
	const char *rule;
	const char *key;
	int64_t child_id;		/* 0: none */
	int64_t episode_id;		/* 0: none */
	const char *urn;		/* a home alert's home; NULL: none */
	const char *home_urn;		/* where it happened; NULL: none */
	int64_t escalate_at;		/* 0: never */
	bool historical;		/* state historical, else open */
	int severity;			/* enum alert_severity */
	int64_t due_at;			/* 0: none */
	const char *facts;		/* JSON object, <= ALERT_FACTS_MAX */
};
/* Insert a new alert (state open or historical, raised now);
 * ERR_EXISTS if the rule and key have one. */
int store_alert_insert(struct store *s, const struct alert_new *a,
		       int64_t now, int64_t *id, struct err *err);
/* Open a cleared alert again as if new (acknowledgement, resolution and
 * escalation forgotten), or make it historical: a's state, escalation,
 * severity, due time, home and facts (its rule, key, child and episode
 * are the stored ones). */
int store_alert_reopen(struct store *s, int64_t id, const struct alert_new *a,
		       int64_t now, struct err *err);
/* New facts of a stored alert whose rule still holds (no state change,
 * no message): its severity, due time, home and facts. */
int store_alert_update(struct store *s, int64_t id, int severity,
		       int64_t due_at, const char *home_urn, const char *facts,
		       struct err *err);
int store_alert_clear(struct store *s, int64_t id, int64_t now,
		      struct err *err);
int store_alert_escalate(struct store *s, int64_t id, int64_t now,
			 struct err *err);
/* Acknowledge (resolve false) or resolve by user_id with a note. */
int store_alert_answer(struct store *s, int64_t id, bool resolve,
		       int64_t user_id, const char *note, int64_t now,
		       struct err *err);
/* Add a recipient (kind, code); already there is not an error. */
int store_alert_recipient_add(struct store *s, int64_t id,
			      enum org_kind kind, const char *code,
			      struct err *err);
typedef int store_alert_recipient_fn(enum org_kind kind, const char *code,
				     void *ctx);
int store_alert_recipients_each(struct store *s, int64_t id,
				store_alert_recipient_fn *fn, void *ctx,
				struct err *err);
/* Is (kind, code) a recipient of alert id? */
int store_alert_is_recipient(struct store *s, int64_t id,
			     enum org_kind kind, const char *code, bool *yes,
			     struct err *err);

/* An alert as lists and pages show it, with the names its texts use. */
struct alert_row {
	int64_t id;
	char rule[ALERT_RULE_MAX + 1];
	char key[ALERT_KEY_MAX + 1];
	enum alert_state state;
	int64_t child_id;		/* 0: about a home */
	char la[LA_CODE_MAX + 1];	/* the child's council, or "" */
	char la_en[LA_NAME_MAX + 1], la_cy[LA_NAME_MAX + 1];	/* its name */
	char ref[S903_CHILD_MAX + 1];	/* the child, or "" */
	int64_t episode_id;		/* a live episode, or 0 */
	char urn[S903_URN_MAX + 1];	/* a home alert's home, or "" */
	/* where it happened: the home (register data), its area's names */
	char home_urn[S903_URN_MAX + 1];
	char home_name[HOME_NAME_MAX + 1];
	char home_area_en[LA_NAME_MAX + 1], home_area_cy[LA_NAME_MAX + 1];
	char detail[ALERT_DETAIL_MAX + 1];	/* before migration 7 only */
	int severity;			/* enum alert_severity */
	int64_t due_at;			/* 0: none */
	char facts[ALERT_FACTS_MAX + 1];
	int64_t raised_at, escalate_at, escalated_at, cleared_at;
	int64_t acknowledged_at, resolved_at;
	char acknowledged_by[USER_EMAIL_MAX + 1];
	char resolved_by[USER_EMAIL_MAX + 1];
	char ack_note[ALERT_NOTE_MAX + 1];
	char resolve_note[ALERT_NOTE_MAX + 1];
	/* set by src/alerts/ (never by the store): its reader may not open
	 * the child, so ref, key, the home and the notes were emptied and
	 * the texts say "a child looked after by" the council */
	bool unnamed;
};

int store_alert_get(struct store *s, int64_t id, struct alert_row *out,
		    struct err *err);

struct alert_filter {
	const char *rule;		/* NULL or "": any */
	int state;			/* -1: open or acknowledged (live);
					 * ALERT_NSTATES: any */
	const char *la;			/* child's council; NULL or "": any */
	long page, page_size;
	const char *ref;		/* the child's reference; NULL: any */
	const char *home;		/* the home (URN) where it happened */
};

struct alert_page {
	struct alert_row rows[STORE_PAGE_MAX];
	size_t n;
	long total;
	long page, page_size;
};

/* Alerts whose recipients include (kind, code), newest first.  Pages
 * are large (allocate them). */
int store_alerts_list(struct store *s, enum org_kind kind, const char *code,
		      const struct alert_filter *f, struct alert_page *out,
		      struct err *err);

/*
 * Items: the same alerts grouped, one item per child (its alerts about
 * it) or per home (the home rule's), each with its reasons.  Items are
 * ordered by urgency: the most urgent reason of each (highest severity,
 * then earliest due, no due last, then newest), then the newest alert
 * of the item; reasons within an item in the same order.
 */
#define ALERT_ITEM_REASONS_MAX 50	/* reasons kept per item */
struct alert_item {
	int64_t child_id;		/* 0: a home item */
	char la[LA_CODE_MAX + 1];	/* the child's council, or "" */
	char ref[S903_CHILD_MAX + 1];	/* the child, or "" */
	char urn[S903_URN_MAX + 1];	/* a home item's home, or "" */
	bool unnamed;			/* as alert_row's (src/alerts/) */
	int severity;			/* of its most urgent reason */
	int64_t due_at;			/* of its most urgent reason; 0 */
	int64_t newest_at;		/* its newest reason raised */
	long nall;			/* reasons matching the filter */
	size_t first, n;		/* reasons[first .. first + n) */
};

struct alert_item_page {
	struct alert_item items[STORE_PAGE_MAX];
	size_t n;
	struct alert_row *reasons;	/* heap: alert_item_page_release() */
	size_t nreasons, areasons;
	long total;			/* items matching the filter */
	long page, page_size;
};

void alert_item_page_release(struct alert_item_page *p);
/* Items of the alerts whose recipients include (kind, code).  out is
 * overwritten (release a page used before); pages are large. */
int store_alert_items_list(struct store *s, enum org_kind kind,
			   const char *code, const struct alert_filter *f,
			   struct alert_item_page *out, struct err *err);
/* How many items the filter matches (the list's total, alone). */
int store_alert_items_count(struct store *s, enum org_kind kind,
			    const char *code, const struct alert_filter *f,
			    long *n, struct err *err);
/* The homes the alerts of (kind, code) happened at (any state), by
 * name: for a filter. */
typedef int store_alert_home_fn(const char *urn, const char *name,
				void *ctx);
int store_alert_homes_each(struct store *s, enum org_kind kind,
			   const char *code, store_alert_home_fn *fn,
			   void *ctx, struct err *err);

/* ---- outbox and webhooks ---- */

int store_outbox_add(struct store *s, int64_t alert_id, enum org_kind kind,
		     const char *code, const char *event, const char *body,
		     int64_t now, int64_t *id, struct err *err);

struct outbox_row {
	int64_t id, alert_id;
	enum org_kind kind;
	char code[ORG_CODE_MAX + 1];
	char event[16];
	char body[ALERT_BODY_MAX + 1];
	int64_t created_at, delivered_at, next_attempt_at, gave_up_at;
	int attempts;
	/* the organisation's webhook, when listing due messages */
	int64_t webhook_id;
	char url[WEBHOOK_URL_MAX + 1];
	char secret[WEBHOOK_SECRET_HEX + 1];
};
typedef int store_outbox_fn(const struct outbox_row *r, void *ctx);
/* An organisation's messages newest first, ids below before_id (0:
 * from the newest), at most limit (1 to 1000). */
int store_outbox_list(struct store *s, enum org_kind kind, const char *code,
		      int64_t before_id, long limit, store_outbox_fn *fn,
		      void *ctx, struct err *err);
/* Messages due for delivery at now to an enabled webhook (made after
 * the webhook, not delivered, not given up, next attempt due), oldest
 * first, at most limit; with the webhook's id, URL and secret. */
int store_outbox_due(struct store *s, int64_t now, long limit,
		     store_outbox_fn *fn, void *ctx, struct err *err);
/*
 * Record one delivery attempt of message outbox_id: a webhook_delivery
 * row (http_status 0: none), and on the message the attempt count,
 * delivered_at (delivered), else next_attempt_at (0: give up now).
 */
int store_outbox_attempt(struct store *s, int64_t outbox_id,
			 int64_t webhook_id, int attempt, int64_t at,
			 int http_status, const char *error, bool delivered,
			 int64_t next_attempt_at, struct err *err);

struct webhook_row {
	int64_t id;
	enum org_kind kind;
	char code[ORG_CODE_MAX + 1];
	char url[WEBHOOK_URL_MAX + 1];
	int64_t created_at;
	bool disabled;
	long delivered, pending, gave_up;	/* its messages */
};
/* Add (or replace, with a new secret) the webhook of (kind, code). */
int store_webhook_put(struct store *s, enum org_kind kind, const char *code,
		      const char *url, const char *secret, int64_t now,
		      int64_t *id, struct err *err);
typedef int store_webhook_fn(const struct webhook_row *r, void *ctx);
int store_webhooks_each(struct store *s, store_webhook_fn *fn, void *ctx,
			struct err *err);

#endif
