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
};

extern const struct store_backend store_sqlite_backend;

/* Migrations are numbered from 1; each backend has its own SQL. */
int store_sqlite_latest(void);

#endif
