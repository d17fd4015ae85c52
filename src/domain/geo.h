/*
 * geo.h: postcodes and the SSDA903 distance formula (pure functions).
 *
 * Looking a postcode up is the store's job (store_postcode_locate());
 * this file only knows the shapes of UK postcodes and the arithmetic.
 */
#ifndef CARTREF_GEO_H
#define CARTREF_GEO_H

#include "base/compat.h"

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

#endif
