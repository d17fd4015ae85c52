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

struct child_missing {
	char kind[2];			/* "M" missing, "A" away */
	int32_t start;
	int32_t end;			/* DATE_NONE: no end date */
	bool open;			/* on v->today */
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

/* An open missing period: the "needs attention" list. */
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
 * Missing periods open on v->today that v may see, longest missing
 * first: police, those of kind M from placements in the force's area;
 * councils, their children's; providers, those that started from their
 * homes; inspectors, those of children placed in registered homes.
 * VIEWER_NONE: ERR_DENIED.  Audited when not empty.
 */
int store_missing_open(struct store *s, const struct viewer *v,
		       const struct missing_filter *f,
		       struct missing_page *out, struct err *err);

#endif
