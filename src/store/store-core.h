/*
 * store-core.h: cartref's persistent store, behind an opaque handle: opening
 * and closing it, transactions, and the data every part of it builds on
 * (geography, the register of homes, SSDA903 returns, history, counts).
 *
 * Every other layer reaches data only through the store API (store.h
 * names its parts); only the drivers under src/store/ talk to a
 * database.  A store is opened from a location: a file path for the
 * embedded driver, or ":memory:" (docs/store.md).  Opening applies any
 * pending schema migration.
 *
 * Errors: functions return 0 or a negative ERR_* with detail in err.
 * Writes are not transactional on their own: wrap them in
 * store_begin()/store_commit(), which nest (inner levels are savepoints),
 * and call store_rollback() on any failure to undo the whole level.
 *
 * Ownership: strings and structs passed in are copied by the store;
 * results are written into caller-provided structs.
 *
 * Times: instants are int64_t milliseconds since 1970-01-01 UTC in the
 * whole API (0: none); the store keeps them as the ISO 8601 text of
 * store_time_fmt().
 */
#ifndef CARTREF_STORE_CORE_H
#define CARTREF_STORE_CORE_H

#include "base/compat.h"
#include "base/err.h"
#include "domain/geo.h"
#include "domain/history.h"
#include "domain/home.h"
#include "domain/ssda903.h"

struct store;

int store_open(struct store **out, const char *location, struct err *err);
/* location as a log or a message may show it: a password in a
 * PostgreSQL location (user:PASSWORD@, password=PASSWORD) as "***" */
void store_location_shown(const char *location, char *out, size_t n);
void store_close(struct store *s);

/* The schema version after migration, and the newest this build knows. */
int store_schema_version(struct store *s, int *version, struct err *err);
int store_schema_latest(void);

int store_begin(struct store *s, struct err *err);
int store_commit(struct store *s, struct err *err);
void store_rollback(struct store *s);

/*
 * Take or keep the lease name for holder until the instant until (ms):
 * *got is true if holder has it now (it was free, expired at now, or
 * holder's already).  Several servers on one store run a scheduled job
 * only while they hold its lease (store.c).
 */
int store_lease_take(struct store *s, const char *name, const char *holder,
		     int64_t now, int64_t until, bool *got, struct err *err);
/* Give it up (a server that stops cleanly), if holder has it. */
int store_lease_give(struct store *s, const char *name, const char *holder,
		     struct err *err);

/* "2025-01-31T12:34:56.789Z" and the NUL. */
#define STORE_TIME_MAX 25
void store_time_fmt(int64_t ms, char out[STORE_TIME_MAX]);
/* Exactly the form store_time_fmt() writes; 0 or ERR_INVALID. */
int store_time_parse(const char *s, int64_t *ms);

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
/* Every district, and the full postcodes of the districts given only. */
int store_geo_each_in(struct store *s, const char *const *districts,
		      size_t n, store_geo_fn *fn, void *ctx, struct err *err);
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
/*
 * The same with only the tables whose bit (1 << enum s903_table) is set
 * in tables; the others are empty, not present and incomplete[].
 */
int store_return_load_tables(struct store *s, const char *la, int year,
			     unsigned tables, struct s903_return *out,
			     struct err *err);
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

#endif
