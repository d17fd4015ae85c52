/*
 * demo-homes.c: the register of children's homes.
 *
 * Wales: exactly the CIW review's 178 homes with 774 places open at
 * 31 March of the last year (domain.md §1.2, §7), 81% private, 14% council
 * and 5% voluntary by home (§1.4: 144, 25 and 9 homes).  Homes cluster
 * where they do in reality, many in the south-west valleys and the north
 * east and few in Ceredigion, Merthyr Tydfil or Monmouthshire
 * (wales_homes[], an illustration, not a published table).  Places per
 * home run 1 to 12, mostly 2 to 6 (mean 774 / 178 = 4.35).  The market
 * grew from 149 homes in 2017 (§1.5), so a fifth of the homes registered
 * in the last few years, and nine more homes closed during the three
 * years, on top of the 178.
 *
 * Private homes belong to a few dozen companies with a long tail: with
 * Zipf weights the largest nine own about two thirds of the homes, as the
 * 2017 profile found (§1.5).
 *
 * England: about 3,000 homes with 3.8 places on average (Ofsted: 2,880
 * homes with 10,818 places in 2023, §7), placed by council in proportion
 * to postcode districts with a wide random spread.
 *
 * Capacity: a home's places are not all for the children generated here.
 * Short-break and disability homes (admitting from age 0 to 7) mostly serve
 * children on agreed short breaks, and homes in Wales take many children
 * from English councils, which the Wales scale does not generate.  So each
 * home keeps a share of its places out of reach (dm_home.cap).
 *
 * Beside the register sit unlisted homes: secure children's homes (K1),
 * and homes across the border used for out-of-area placements.
 */
#include "base/compat.h"
#include <math.h>
#include "base/xalloc.h"
#include "demo/demo-internal.h"

static const struct {
	const char *code;
	int homes;
} wales_homes[] = {
	{ "W06000001", 4 },	/* Isle of Anglesey */
	{ "W06000002", 6 },	/* Gwynedd */
	{ "W06000003", 12 },	/* Conwy */
	{ "W06000004", 10 },	/* Denbighshire */
	{ "W06000005", 12 },	/* Flintshire */
	{ "W06000006", 14 },	/* Wrexham */
	{ "W06000008", 2 },	/* Ceredigion */
	{ "W06000009", 6 },	/* Pembrokeshire */
	{ "W06000010", 14 },	/* Carmarthenshire */
	{ "W06000011", 8 },	/* Swansea */
	{ "W06000012", 12 },	/* Neath Port Talbot */
	{ "W06000013", 12 },	/* Bridgend */
	{ "W06000014", 5 },	/* Vale of Glamorgan */
	{ "W06000015", 7 },	/* Cardiff */
	{ "W06000016", 16 },	/* Rhondda Cynon Taf */
	{ "W06000018", 9 },	/* Caerphilly */
	{ "W06000019", 3 },	/* Blaenau Gwent */
	{ "W06000020", 5 },	/* Torfaen */
	{ "W06000021", 3 },	/* Monmouthshire */
	{ "W06000022", 6 },	/* Newport */
	{ "W06000023", 10 },	/* Powys */
	{ "W06000024", 2 },	/* Merthyr Tydfil */
};

#define WALES_HOMES 178
#define WALES_PLACES 774
#define WALES_LA_HOMES 25
#define WALES_VOL_HOMES 9
#define WALES_CLOSED 9
#define ENGLAND_HOMES 3000
#define ENGLAND_CLOSED 150
#define SECURE_WALES_LA "W06000012"	/* the one Welsh secure home */

/* Invented names: any likeness to a real company or charity is chance. */
static const char *const prov_first[] = {
	"Orchard", "Meadowbank", "Seren", "Cwm", "Horizon", "Keystone",
	"Bluebell", "Evergreen", "Hafan", "Castell", "Riverside", "Oakleaf",
	"Willowbrook", "Pathways", "Compass", "Beacon", "Dyffryn", "Gwaun",
	"Haven", "Summit", "Northstar", "Clearwater", "Ashgrove", "Redwood",
	"Brightside", "Cornerstone", "Harbour", "Larchfield", "Tirion",
	"Greenacre",
};
static const char *const prov_last[] = {
	"Care Ltd", "Children's Services Ltd", "Care Group Ltd", "Homes Ltd",
	"Childcare Ltd", "Residential Care Ltd", "Young People's Services Ltd",
	"Care Services Ltd",
};
static const char *const charities[] = {
	"Cymorth Children's Trust", "Hafan Youth Charity", "The Lantern Trust",
	"Open Door Children's Charity", "Bridges Family Trust",
	"Kindred Children's Charity", "The Meadow Trust",
	"Northfield Children's Society", "Shelter Oak Trust",
	"Steppingstones Charity",
};
static const char *const welsh_first[] = {
	"T\xc5\xb7", "Bryn", "Plas", "Hafod", "Llys", "Maes", "Bron", "Glan",
};
static const char *const welsh_second[] = {
	"Derw", "Awel", "Celyn", "Onnen", "Eithin", "Bedw", "Heulog", "Gwyn",
	"Tawel", "Glas", "Helyg", "Afon",
};
static const char *const english_first[] = {
	"Oak", "Willow", "Ash", "Beech", "Cedar", "Rowan", "Hazel", "Holly",
	"Elm", "Birch", "Meadow", "Brook", "Hill", "Orchard", "Maple", "Laurel",
};
static const char *const english_second[] = {
	"House", "Lodge", "Cottage", "View", "Court", "Grange",
};

static const struct {
	int min, max;
	double w;
} age_ranges[] = {
	{ 8, 17, 20 }, { 10, 17, 18 }, { 11, 17, 20 }, { 12, 17, 15 },
	{ 13, 17, 8 }, { 14, 17, 4 }, { 6, 17, 5 }, { 0, 17, 6 }, { 5, 17, 4 },
};

struct homes_ctx {
	struct dm_gen *g;
	uint64_t s;
	uint32_t next_w, next_sc;	/* URN sequence numbers */
	uint32_t off_w, off_sc;
	char (*providers)[PROVIDER_NAME_MAX + 1];
	double *prov_w;
	size_t nproviders;
};

/* Unique URNs: a permutation of the numbers, so no two homes share one. */
static void urn_make(struct homes_ctx *c, bool welsh, char *out, size_t cap)
{
	if (welsh)
		snprintf(out, cap, "W%07u", 1000000u +
			 (uint32_t)(((uint64_t)c->next_w++ * 7919 + c->off_w) %
				    9000000));
	else
		snprintf(out, cap, "SC%06u", 100000u +
			 (uint32_t)(((uint64_t)c->next_sc++ * 7919 + c->off_sc) %
				    900000));
}

static void council_provider(const struct dm_area *a, char *out, size_t cap)
{
	const char *comma = strstr(a->name, ", ");

	/* "Herefordshire, County of" -> "County of Herefordshire Council" */
	if (comma)
		snprintf(out, cap, "%s %.*s Council", comma + 2,
			 (int)(comma - a->name), a->name);
	else
		snprintf(out, cap, "%s Council", a->name);
}

static void providers_make(struct homes_ctx *c, size_t n)
{
	size_t ncomb = ARRAY_SIZE(prov_first) * ARRAY_SIZE(prov_last);
	size_t *perm = xcalloc(ncomb, sizeof(*perm));

	if (n > ncomb)
		n = ncomb;
	for (size_t i = 0; i < ncomb; i++)
		perm[i] = i;
	for (size_t i = ncomb; i-- > 1;) {
		size_t j = rng_below(&c->s, (uint32_t)i + 1), t = perm[i];

		perm[i] = perm[j];
		perm[j] = t;
	}
	c->providers = xcalloc(n, sizeof(*c->providers));
	c->prov_w = xcalloc(n, sizeof(*c->prov_w));
	for (size_t i = 0; i < n; i++) {
		size_t k = perm[i];

		snprintf(c->providers[i], PROVIDER_NAME_MAX + 1, "%s %s",
			 prov_first[k / ARRAY_SIZE(prov_last)],
			 prov_last[k % ARRAY_SIZE(prov_last)]);
		c->prov_w[i] = pow((double)(i + 1), c->g->wales ? -1.0 : -0.8);
	}
	c->nproviders = n;
	free(perm);
}

static void home_name(struct homes_ctx *c, char *out, size_t cap)
{
	if (c->g->wales && rng_chance(&c->s, 0.55))
		snprintf(out, cap, "%s %s",
			 welsh_first[rng_below(&c->s, ARRAY_SIZE(welsh_first))],
			 welsh_second[rng_below(&c->s,
						ARRAY_SIZE(welsh_second))]);
	else
		snprintf(out, cap, "%s %s",
			 english_first[rng_below(&c->s,
						 ARRAY_SIZE(english_first))],
			 english_second[rng_below(&c->s,
						  ARRAY_SIZE(english_second))]);
}

static int places_draw(struct homes_ctx *c)
{
	static const double wales_w[12] = { 7, 15, 17, 18, 14, 11, 6, 4, 3,
					     2, 1.5, 1.5 };
	static const double england_w[12] = { 10, 18, 20, 20, 12, 9, 4, 3, 2,
					       1, 0.5, 0.5 };

	return 1 + (int)demo__pick(&c->s, c->g->wales ? wales_w : england_w,
				   12);
}

/* A day in [lo, hi], more likely late: the market kept growing. */
static int32_t day_skewed(uint64_t *s, int32_t lo, int32_t hi)
{
	return lo + (int32_t)((double)(hi - lo) * sqrt(rng_unit(s)));
}

static struct dm_home *home_add(struct dm_gen *g, size_t area)
{
	struct dm_home *h;

	ALLOC_GROW(g->homes, g->nhomes + 1, g->ahomes);
	h = &g->homes[g->nhomes++];
	memset(h, 0, sizeof(*h));
	h->area = (uint16_t)area;
	h->h.closed = DATE_NONE;
	h->h.sex_admitted = ADMITS_MIXED;
	return h;
}

/* Fill in one home of the register, open or closed. */
static void home_fill(struct homes_ctx *c, struct dm_home *h,
		      enum provider_type type, bool closes)
{
	struct dm_gen *g = c->g;
	const struct dm_area *a = &g->areas[h->area];
	uint32_t pc;
	size_t k;
	double r, wsex[3] = { 86, 8, 6 }, wage[ARRAY_SIZE(age_ranges)];

	h->listed = true;
	urn_make(c, g->wales, h->h.urn, sizeof(h->h.urn));
	home_name(c, h->h.name, sizeof(h->h.name));
	h->h.provider_type = type;
	if (type == PROVIDER_LA)
		council_provider(a, h->h.provider, sizeof(h->h.provider));
	else if (type == PROVIDER_VOLUNTARY)
		str_copy(h->h.provider, sizeof(h->h.provider),
			 charities[rng_below(&c->s, ARRAY_SIZE(charities))]);
	else
		str_copy(h->h.provider, sizeof(h->h.provider),
			 c->providers[demo__pick(&c->s, c->prov_w,
						 c->nproviders)]);
	str_copy(h->h.la, sizeof(h->h.la), a->code);
	pc = demo__pc_in(g, &c->s, h->area, NULL, 1);
	demo__pc_text(g, pc, h->h.postcode);
	demo__pc_grid(g, pc, &h->g);
	h->pc = pc;
	h->h.places = places_draw(c);
	for (k = 0; k < ARRAY_SIZE(age_ranges); k++)
		wage[k] = age_ranges[k].w;
	k = demo__pick(&c->s, wage, ARRAY_SIZE(age_ranges));
	h->h.age_min = age_ranges[k].min;
	h->h.age_max = age_ranges[k].max;
	h->h.sex_admitted = (enum sex_admitted)demo__pick(&c->s, wsex, 3);
	if (closes) {
		h->h.registered = rng_range(&c->s,
					    year_start(g->last_year - 24),
					    year_end(g->last_year - 6));
		h->h.closed = rng_range(&c->s, g->ws + 30, g->we - 30);
		return;
	}
	r = rng_unit(&c->s);
	if (r < 0.12)
		h->h.registered = rng_range(&c->s, year_start(g->last_year - 1),
					    g->we - 90);
	else if (r < 0.20)
		h->h.registered = rng_range(&c->s, year_start(g->last_year - 3),
					    year_end(g->last_year - 2));
	else
		h->h.registered = day_skewed(&c->s,
					     year_start(g->last_year - 24),
					     year_end(g->last_year - 4));
}

/* Places kept from the generated children (see the top of the file). */
static void home_capacity(struct homes_ctx *c, struct dm_home *h)
{
	double share = h->h.age_min < 8 ? 0.7 : c->g->wales ? 0.3 : 0.12;
	int kept = 0;

	for (int i = 0; i < h->h.places; i++)
		kept += rng_chance(&c->s, share);
	h->cap = h->h.places - kept;
}

/* How many open homes each council gets. */
static void homes_per_council(struct homes_ctx *c, int *count, int total)
{
	struct dm_gen *g = c->g;
	double *w = xcalloc(g->ncouncils, sizeof(*w));
	int have = 0;

	for (size_t i = 0; i < g->ncouncils; i++) {
		count[i] = 0;
		w[i] = g->areas[i].weight * demo__lognormal(&c->s, 1.0, 0.6);
		for (size_t k = 0; g->wales && k < ARRAY_SIZE(wales_homes); k++)
			if (!strcmp(wales_homes[k].code, g->areas[i].code))
				count[i] = wales_homes[k].homes;
		have += count[i];
	}
	/* the rest (all of England; Wales only if councils changed) */
	for (; have < total; have++)
		count[demo__pick(&c->s, w, g->ncouncils)]++;
	while (have > total) {
		size_t i = demo__pick(&c->s, w, g->ncouncils);

		if (count[i]) {
			count[i]--;
			have--;
		}
	}
	free(w);
}

/* Adjust places one at a time until the open homes have `want` in all. */
static void places_to(struct homes_ctx *c, size_t first, size_t n, long want)
{
	struct dm_gen *g = c->g;
	long have = 0;

	for (size_t i = 0; i < n; i++)
		have += g->homes[first + i].h.places;
	while (have != want) {
		struct dm_home *h = &g->homes[first + rng_below(&c->s,
							       (uint32_t)n)];

		if (have > want && h->h.places > 1) {
			h->h.places--;
			have--;
		} else if (have < want && h->h.places < 12) {
			h->h.places++;
			have++;
		}
	}
}

static void register_make(struct homes_ctx *c)
{
	struct dm_gen *g = c->g;
	int total = g->wales ? WALES_HOMES : ENGLAND_HOMES;
	int nclosed = g->wales ? WALES_CLOSED : ENGLAND_CLOSED;
	int *count = xcalloc(g->ncouncils, sizeof(*count));
	enum provider_type *types = xcalloc((size_t)total, sizeof(*types));
	double w[PROVIDER_NTYPES] = { 14, 81, 5 };
	size_t first = g->nhomes;
	int k = 0;

	/* Wales: the review's exact mix, shuffled; England: by chance */
	for (int i = 0; i < total; i++) {
		if (!g->wales)
			types[i] = (enum provider_type)demo__pick(&c->s, w, 3);
		else if (i < WALES_LA_HOMES)
			types[i] = PROVIDER_LA;
		else if (i < WALES_LA_HOMES + WALES_VOL_HOMES)
			types[i] = PROVIDER_VOLUNTARY;
		else
			types[i] = PROVIDER_PRIVATE;
	}
	for (int i = total; i-- > 1;) {
		int j = (int)rng_below(&c->s, (uint32_t)i + 1);
		enum provider_type t = types[i];

		types[i] = types[j];
		types[j] = t;
	}
	homes_per_council(c, count, total);
	for (size_t a = 0; a < g->ncouncils; a++)
		for (int i = 0; i < count[a]; i++)
			home_fill(c, home_add(g, a), types[k++], false);
	if (g->wales)
		places_to(c, first, (size_t)total, WALES_PLACES);
	for (int i = 0; i < nclosed; i++) {
		double *aw = xcalloc(g->ncouncils, sizeof(*aw));
		size_t a;

		for (size_t j = 0; j < g->ncouncils; j++)
			aw[j] = count[j] + 0.5;
		a = demo__pick(&c->s, aw, g->ncouncils);
		free(aw);
		home_fill(c, home_add(g, a),
			  (enum provider_type)demo__pick(&c->s, w, 3), true);
	}
	for (size_t i = first; i < g->nhomes; i++)
		home_capacity(c, &g->homes[i]);
	free(count);
	free(types);
}

/* A home outside the register: secure, or across the border. */
static void unlisted_add(struct homes_ctx *c, size_t area, bool secure,
			 int places)
{
	struct dm_gen *g = c->g;
	struct dm_home *h = home_add(g, area);
	bool welsh = !strncmp(g->areas[area].code, "W", 1);
	uint32_t pc;

	h->secure = secure;
	h->unlimited = !g->areas[area].council || places == 0;
	urn_make(c, welsh, h->h.urn, sizeof(h->h.urn));
	snprintf(h->h.name, sizeof(h->h.name), "%s",
		 secure ? "Secure children's home" : "Children's home");
	h->h.provider_type = secure ? PROVIDER_LA :
		rng_chance(&c->s, 0.85) ? PROVIDER_PRIVATE : PROVIDER_VOLUNTARY;
	council_provider(&g->areas[area], h->h.provider,
			 sizeof(h->h.provider));
	str_copy(h->h.la, sizeof(h->h.la), g->areas[area].code);
	pc = demo__pc_in(g, &c->s, area, NULL, 1);
	demo__pc_text(g, pc, h->h.postcode);
	demo__pc_grid(g, pc, &h->g);
	h->pc = pc;
	h->h.places = places;
	h->h.age_min = secure ? 10 : 8;
	h->h.age_max = 17;
	h->h.registered = year_start(g->last_year - 29);
	h->cap = places / 2;
}

static void unlisted_make(struct homes_ctx *c)
{
	struct dm_gen *g = c->g;
	size_t nout = g->nareas - g->ncouncils;

	if (g->wales) {
		size_t a = 0;

		for (size_t i = 0; i < g->ncouncils; i++)
			if (!strcmp(g->areas[i].code, SECURE_WALES_LA))
				a = i;
		unlisted_add(c, a, true, 22);
	} else {
		for (int i = 0; i < 14; i++)
			unlisted_add(c, rng_below(&c->s,
						  (uint32_t)g->ncouncils),
				     true, rng_range(&c->s, 8, 24));
	}
	for (size_t i = 0; i < nout; i++) {
		/* across the border: one secure home, several others */
		unlisted_add(c, g->ncouncils + i, true, 0);
		for (int k = 0; k < (g->wales ? 6 : 2); k++)
			unlisted_add(c, g->ncouncils + i, false, 0);
	}
}

int demo__homes_make(struct dm_gen *g, struct err *err)
{
	struct homes_ctx c = { 0 };

	(void)err;
	c.g = g;
	c.s = rng_derive(g->seed, 0x686f6d6573);	/* "homes" */
	c.off_w = (uint32_t)rng_below(&c.s, 9000000);
	c.off_sc = (uint32_t)rng_below(&c.s, 900000);
	providers_make(&c, g->wales ? 36 : 160);
	register_make(&c);
	unlisted_make(&c);
	for (size_t i = 0; i < g->nhomes; i++) {
		struct dm_area *a = &g->areas[g->homes[i].area];

		if (g->homes[i].secure)
			continue;
		ALLOC_GROW(a->homes, a->nhomes + 1, a->ahomes);
		a->homes[a->nhomes++] = (uint32_t)i;
	}
	free(c.providers);
	free(c.prov_w);
	return 0;
}
