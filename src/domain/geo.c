/* geo.c: postcode shapes and grid distance (see geo.h). */
#include "base/compat.h"
#include <ctype.h>
#include <math.h>
#include "base/xalloc.h"
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

/* ---- the index ---------------------------------------------------------- */

struct geo_slot {
	uint64_t hash;			/* key_hash(key): most misses end here */
	char key[POSTCODE_MAX + 1];	/* "" empty */
	char la[10];
	struct grid_ref ref;
};

struct geo_index {
	struct geo_slot *slots;
	size_t mask;		/* capacity - 1, a power of two */
	size_t n;
};

/* FNV-1a: short keys, no adversary (the keys are our own data). */
static uint64_t key_hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

struct geo_index *geo_index_new(size_t expected)
{
	struct geo_index *g = xcalloc(1, sizeof(*g));
	size_t cap = 1024;

	while (cap < expected * 2)
		cap *= 2;
	g->slots = xcalloc(cap, sizeof(*g->slots));
	g->mask = cap - 1;
	return g;
}

void geo_index_free(struct geo_index *g)
{
	if (!g)
		return;
	free(g->slots);
	free(g);
}

/*
 * The slot of key, or the empty one where it would go.  The full hash is
 * compared before the key: on a 126,000-entry index the string compares
 * of a probe's misses were a tenth of an import's time.
 */
static struct geo_slot *slot_for_hash(const struct geo_index *g,
				      const char *key, uint64_t h)
{
	size_t i = (size_t)h & g->mask;

	while (g->slots[i].key[0] &&
	       (g->slots[i].hash != h || strcmp(g->slots[i].key, key)))
		i = (i + 1) & g->mask;
	return &g->slots[i];
}

static struct geo_slot *slot_for(const struct geo_index *g, const char *key)
{
	return slot_for_hash(g, key, key_hash(key));
}

static void grow(struct geo_index *g)
{
	struct geo_slot *old = g->slots;
	size_t cap = (g->mask + 1) * 2;

	g->slots = xcalloc(cap, sizeof(*g->slots));
	g->mask = cap - 1;
	for (size_t i = 0; i < cap / 2; i++)
		if (old[i].key[0])
			*slot_for_hash(g, old[i].key, old[i].hash) = old[i];
	free(old);
}

void geo_index_put(struct geo_index *g, const char *key,
		   const struct grid_ref *ref, const char *la)
{
	struct geo_slot *sl;
	size_t klen = strlen(key), llen = la ? strlen(la) : 0;
	uint64_t h;

	if (!klen || klen > POSTCODE_MAX)
		return;
	if ((g->n + 1) * 2 > g->mask + 1)
		grow(g);
	h = key_hash(key);
	sl = slot_for_hash(g, key, h);
	if (!sl->key[0]) {
		/* memcpy, not snprintf: 126,000 of these per import */
		memcpy(sl->key, key, klen + 1);
		sl->hash = h;
		g->n++;
	}
	sl->ref = *ref;
	if (llen >= sizeof(sl->la))
		llen = sizeof(sl->la) - 1;	/* a GSS code is 9 */
	memcpy(sl->la, la ? la : "", llen);
	sl->la[llen] = '\0';
}

static const struct geo_slot *find(const struct geo_index *g, const char *key)
{
	const struct geo_slot *sl = slot_for(g, key);

	return sl->key[0] ? sl : NULL;
}

bool geo_index_locate(const struct geo_index *g, const char *postcode,
		      struct grid_ref *out, bool *exact, const char **la)
{
	char district[POSTCODE_MAX + 1];
	const struct geo_slot *sl = NULL;

	if (!*postcode)
		return false;
	if (strchr(postcode, ' '))
		sl = find(g, postcode);
	if (exact)
		*exact = sl != NULL;
	if (!sl) {
		postcode_district(postcode, district);
		sl = find(g, district);
	}
	if (!sl)
		return false;
	*out = sl->ref;
	if (la)
		*la = sl->la;
	return true;
}

int32_t geo_index_distance(const struct geo_index *g, const char *a,
			   const char *b)
{
	struct grid_ref ra, rb;

	if (!geo_index_locate(g, a, &ra, NULL, NULL) ||
	    !geo_index_locate(g, b, &rb, NULL, NULL))
		return -1;
	return geo_distance_tenths(&ra, &rb);
}
