/*
 * geo-import.h: load the geography reference files (data/, see
 * data/README.md) into the store: local authorities with English and
 * Welsh names, postcode district centroids and full Welsh postcodes.
 */
#ifndef CARTREF_GEO_IMPORT_H
#define CARTREF_GEO_IMPORT_H

#include "base/err.h"
#include "store/store-core.h"

/* Load everything in one transaction, unless already loaded. */
int geo_import(struct store *s, const char *datadir, struct err *err);

/* An index of every postcode and district in the store. */
int geo_index_load(struct store *s, struct geo_index **out, struct err *err);
/*
 * The index for one return only: every district, and the full postcodes
 * of the districts its episodes' HOME_POST and PL_POST are in (a
 * return's few thousand rather than the store's 126,000).
 */
int geo_index_load_for(struct store *s, const struct s903_return *r,
		       struct geo_index **out, struct err *err);

/* The data directory: $CARTREF_DATA, else data/ beside or above exe. */
int geo_find_datadir(char *out, size_t cap, struct err *err);

#endif
