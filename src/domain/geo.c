/* geo.c: postcode shapes and grid distance (see geo.h). */
#include "base/compat.h"
#include <ctype.h>
#include <math.h>
#include "domain/geo.h"

static bool is_alpha(char c)
{
	return c >= 'A' && c <= 'Z';
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * Outward codes: A9, A99, AA9, AA99, A9A, AA9A (2 to 4 characters,
 * starting with a letter, with a digit in second or third place).
 */
static bool outcode_ok(const char *s, size_t n)
{
	if (n < 2 || n > 4 || !is_alpha(s[0]))
		return false;
	if (is_digit(s[1])) {
		/* A9, A99, A9A */
		if (n == 2)
			return true;
		if (n == 3)
			return is_digit(s[2]) || is_alpha(s[2]);
		return false;
	}
	if (!is_alpha(s[1]) || n < 3 || !is_digit(s[2]))
		return false;
	/* AA9, AA99, AA9A */
	return n == 3 || is_digit(s[3]) || is_alpha(s[3]);
}

enum postcode_kind postcode_normalise(const char *s,
				      char out[POSTCODE_MAX + 1])
{
	char t[POSTCODE_MAX + 1];
	size_t n = 0;

	out[0] = '\0';
	for (; *s; s++) {
		if (*s == ' ')
			continue;
		if (n >= POSTCODE_MAX - 1 || !isalnum((unsigned char)*s))
			return POSTCODE_BAD;
		t[n++] = (char)toupper((unsigned char)*s);
	}
	t[n] = '\0';
	if (outcode_ok(t, n)) {
		memcpy(out, t, n + 1);
		return POSTCODE_DISTRICT;
	}
	if (n >= 5 && outcode_ok(t, n - 3) && is_digit(t[n - 3]) &&
	    is_alpha(t[n - 2]) && is_alpha(t[n - 1])) {
		memcpy(out, t, n - 3);
		out[n - 3] = ' ';
		memcpy(out + n - 2, t + n - 3, 4);
		return POSTCODE_FULL;
	}
	return POSTCODE_BAD;
}

void postcode_district(const char *pc, char out[POSTCODE_MAX + 1])
{
	size_t n = strcspn(pc, " ");

	if (n > POSTCODE_MAX)
		n = POSTCODE_MAX;
	memcpy(out, pc, n);
	out[n] = '\0';
}

int32_t geo_distance_tenths(const struct grid_ref *a, const struct grid_ref *b)
{
	double de = (double)a->easting - b->easting;
	double dn = (double)a->northing - b->northing;
	double miles = sqrt(de * de + dn * dn) / 1000.0 / 1.6093;

	return (int32_t)lround(miles * 10.0);
}
