/*
 * geo.h: postcodes and the SSDA903 distance formula (pure functions).
 *
 * Looking a postcode up is the store's job (store_postcode_locate());
 * this file only knows the shapes of UK postcodes and the arithmetic.
 */
#ifndef CARTREF_GEO_H
#define CARTREF_GEO_H

#include "base/compat.h"

/* Wales's GSS country code: store_councils_each(s, GEO_WALES, ...). */
#define GEO_WALES "W92000004"

/* "AA9A 9AA" is the longest postcode: 8 characters. */
#define POSTCODE_MAX 8

enum postcode_kind {
	POSTCODE_BAD = 0,
	POSTCODE_FULL,		/* "CF10 1AA" */
	POSTCODE_DISTRICT,	/* "CF10" (outcode only) */
};

/*
 * Normalise s into out: upper case, spaces removed, then one space before
 * the inward code.  Returns the kind; out is "" for POSTCODE_BAD.
 */
enum postcode_kind postcode_normalise(const char *s,
				      char out[POSTCODE_MAX + 1]);
/* The outward code (district) of a normalised postcode into out. */
void postcode_district(const char *pc, char out[POSTCODE_MAX + 1]);

/* An OS National Grid reference, metres. */
struct grid_ref {
	int32_t easting;
	int32_t northing;
};

/*
 * Miles between two grid references, the SSDA903 way:
 * sqrt(dE^2 + dN^2) / 1000 / 1.6093, rounded to one decimal place.
 * Returned in tenths of a mile, so it is exact and comparable.
 */
int32_t geo_distance_tenths(const struct grid_ref *a, const struct grid_ref *b);

/*
 * An in-memory index of postcodes and districts (open addressing hash),
 * for work over many rows: the import derives every episode's distance
 * with it.  Keys are normalised postcodes or districts; la is the GSS
 * code of the local authority district.  Strings are copied.
 */
struct geo_index;

struct geo_index *geo_index_new(size_t expected);
void geo_index_free(struct geo_index *g);
void geo_index_put(struct geo_index *g, const char *key,
		   const struct grid_ref *ref, const char *la);
/*
 * Locate a normalised postcode: the full postcode if known, else its
 * district (*exact false).  Returns false when neither is known.
 * *la (may be NULL) points into the index.
 */
bool geo_index_locate(const struct geo_index *g, const char *postcode,
		      struct grid_ref *out, bool *exact, const char **la);
/* Distance in tenths of a mile between two postcodes, or -1 unknown. */
int32_t geo_index_distance(const struct geo_index *g, const char *a,
			   const char *b);

#endif
