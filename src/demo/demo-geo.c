/*
 * demo-geo.c: the places the demo data happens in.
 *
 * Councils come from the store (store_councils_each), with their full
 * postcodes in Wales (store_postcodes_in_la: the ONS file shipped in data/
 * covers Wales and the English districts along the border) or their
 * postcode district centroids in England (store_outcodes_in_la).  English
 * county councils own no districts in the store, whose districts are keyed
 * by lower-tier district, so county_districts[] below lists them.
 *
 * Beside the councils in scope sit a few "outside" areas across the border:
 * for the Wales scale the English districts next to Wales, whose full
 * postcodes the store holds, and for the England scale a few Welsh
 * councils.  Children are sometimes placed there; nobody lives there.
 *
 * Where a council's children come from: its share of postcodes (Wales) or
 * of postcode districts (England) stands in for population, times a random
 * factor for the real spread of rates between councils (Wales 2019 ranges
 * from about 60 to 200 per 10,000 children).
 */
#include "base/compat.h"
#include <math.h>
#include "base/xalloc.h"
#include "demo/demo-internal.h"

/*
 * English county councils and their districts (E07000 + three digits), from
 * data/uk_local_authorities.csv (2023 boundaries).  A county missing here,
 * or a district the store does not know, only means fewer postcodes.
 */
static const struct {
	const char *county;
	const char *districts;
} county_districts[] = {
	{ "E10000003", "008 009 010 011 012" },
	{ "E10000007", "032 033 034 035 036 037 038 039" },
	{ "E10000008", "040 041 042 043 044 045 046 047" },
	{ "E10000011", "061 062 063 064 065" },
	{ "E10000012", "066 067 068 069 070 071 072 073 074 075 076 077" },
	{ "E10000013", "078 079 080 081 082 083" },
	{ "E10000014", "084 085 086 087 088 089 090 091 092 093 094" },
	{ "E10000015", "095 096 098 099 102 103 240 241 242 243" },
	{ "E10000016", "105 106 107 108 109 110 111 112 113 114 115 116" },
	{ "E10000017", "117 118 119 120 121 122 123 124 125 126 127 128" },
	{ "E10000018", "129 130 131 132 133 134 135" },
	{ "E10000019", "136 137 138 139 140 141 142" },
	{ "E10000020", "143 144 145 146 147 148 149" },
	{ "E10000024", "170 171 172 173 174 175 176" },
	{ "E10000025", "177 178 179 180 181" },
	{ "E10000028", "192 193 194 195 196 197 198 199" },
	{ "E10000029", "200 202 203 244 245" },
	{ "E10000030", "207 208 209 210 211 212 213 214 215 216 217" },
	{ "E10000031", "218 219 220 221 222" },
	{ "E10000032", "223 224 225 226 227 228 229" },
	{ "E10000034", "234 235 236 237 238 239" },
};

/* Across the border: where out-of-area placements may go. */
static const char *const outside_wales[] = {
	"E06000050",	/* Cheshire West and Chester */
	"E06000051",	/* Shropshire */
	"E06000019",	/* Herefordshire */
	"E08000015",	/* Wirral */
};
static const char *const outside_england[] = {
	"W06000006",	/* Wrexham */
	"W06000005",	/* Flintshire */
	"W06000023",	/* Powys */
	"W06000021",	/* Monmouthshire */
};

/* Inward codes: a digit and two of these letters (no C I K M O V). */
static const char inward_letters[] = "ABDEFGHJLNPQRSTUWXYZ";
#define INWARD_N (10 * 20 * 20)

double demo__miles(const struct grid_ref *a, const struct grid_ref *b)
{
	double de = (double)a->easting - b->easting;
	double dn = (double)a->northing - b->northing;

	return sqrt(de * de + dn * dn) / 1609.3;
}

void demo__pc_text(const struct dm_gen *g, uint32_t pc,
		   char out[POSTCODE_MAX + 1])
{
	uint32_t d, in;
	char t[32];

	if (!(pc & PC_SYNTH)) {
		memcpy(out, g->pcs[pc].pc, POSTCODE_MAX + 1);
		return;
	}
	d = (pc & ~PC_SYNTH) >> 12;
	in = pc & 0xfff;
	/* districts are at most 4 characters (add_district) */
	snprintf(t, sizeof(t), "%s %c%c%c", g->dists[d].out,
		 (char)('0' + in / 400), inward_letters[in / 20 % 20],
		 inward_letters[in % 20]);
	str_copy(out, POSTCODE_MAX + 1, t);
}

void demo__pc_grid(const struct dm_gen *g, uint32_t pc, struct grid_ref *out)
{
	if (pc & PC_SYNTH)
		*out = g->dists[(pc & ~PC_SYNTH) >> 12].g;
	else
		*out = g->pcs[pc].g;
}

static uint32_t pc_random(uint64_t *s, const struct dm_area *a)
{
	if (a->pc_n)
		return a->pc_first + rng_below(s, a->pc_n);
	return PC_SYNTH | (a->ds_first + rng_below(s, a->ds_n)) << 12 |
	       rng_below(s, INWARD_N);
}

uint32_t demo__pc_in(const struct dm_gen *g, uint64_t *s, size_t area,
		     const struct grid_ref *to, int tries)
{
	const struct dm_area *a = &g->areas[area];
	uint32_t best = pc_random(s, a);
	double bestd;
	struct grid_ref r;

	if (!to || tries <= 1)
		return best;
	demo__pc_grid(g, best, &r);
	bestd = demo__miles(&r, to);
	for (int i = 1; i < tries; i++) {
		uint32_t pc = pc_random(s, a);
		double d;

		demo__pc_grid(g, pc, &r);
		d = demo__miles(&r, to);
		if (d < bestd) {
			best = pc;
			bestd = d;
		}
	}
	return best;
}

size_t demo__pc_area(const struct dm_gen *g, uint32_t pc)
{
	uint32_t i = pc & PC_SYNTH ? (pc & ~PC_SYNTH) >> 12 : pc;

	for (size_t k = 0; k < g->nareas; k++) {
		const struct dm_area *a = &g->areas[k];

		if (pc & PC_SYNTH ? i - a->ds_first < a->ds_n :
				    i - a->pc_first < a->pc_n)
			return k;
	}
	return SIZE_MAX;
}

/* ---- loading ------------------------------------------------------------- */

static int add_council(const struct la *la, void *ctx)
{
	struct dm_gen *g = ctx;
	struct dm_area *a;

	ALLOC_GROW(g->areas, g->nareas + 1, g->aareas);
	a = &g->areas[g->nareas++];
	memset(a, 0, sizeof(*a));
	str_copy(a->code, sizeof(a->code), la->code);
	str_copy(a->name, sizeof(a->name), la->name_en);
	a->council = true;
	a->outside = DM_NONE;
	return 0;
}

static int add_postcode(const char *postcode, const struct grid_ref *gr,
			void *ctx)
{
	struct dm_gen *g = ctx;
	struct dm_pcode *p;

	/* the store holds them normalised; keep only what parses back */
	ALLOC_GROW(g->pcs, g->npcs + 1, g->apcs);
	p = &g->pcs[g->npcs];
	if (postcode_normalise(postcode, p->pc) != POSTCODE_FULL ||
	    strcmp(p->pc, postcode))
		return 0;
	p->g = *gr;
	g->npcs++;
	return 0;
}

static int add_district(const char *outcode, const struct grid_ref *gr,
			void *ctx)
{
	struct dm_gen *g = ctx;
	struct dm_dist *d;
	char test[POSTCODE_MAX + 8], norm[POSTCODE_MAX + 1];

	/* a district must make valid full postcodes with any inward code */
	if (strlen(outcode) > 4)
		return 0;
	snprintf(test, sizeof(test), "%s 9ZZ", outcode);
	if (postcode_normalise(test, norm) != POSTCODE_FULL)
		return 0;
	ALLOC_GROW(g->dists, g->ndists + 1, g->adists);
	d = &g->dists[g->ndists++];
	str_copy(d->out, sizeof(d->out), outcode);
	d->g = *gr;
	return 0;
}

static int load_districts(struct dm_gen *g, struct dm_area *a,
			  struct err *err)
{
	int rc;

	a->ds_first = (uint32_t)g->ndists;
	rc = store_outcodes_in_la(g->geo, a->code, add_district, g, err);
	for (size_t i = 0; !rc && i < ARRAY_SIZE(county_districts); i++) {
		const char *p = county_districts[i].districts;

		if (strcmp(county_districts[i].county, a->code))
			continue;
		while (!rc && *p) {
			char code[LA_CODE_MAX + 1];

			snprintf(code, sizeof(code), "E07000%.3s", p);
			rc = store_outcodes_in_la(g->geo, code, add_district,
						  g, err);
			p += strlen(p) >= 4 ? 4 : strlen(p);
		}
	}
	a->ds_n = (uint32_t)(g->ndists - a->ds_first);
	return rc;
}

static int load_postcodes(struct dm_gen *g, struct dm_area *a,
			  struct err *err)
{
	int rc;

	a->pc_first = (uint32_t)g->npcs;
	rc = store_postcodes_in_la(g->geo, a->code, add_postcode, g, err);
	a->pc_n = (uint32_t)(g->npcs - a->pc_first);
	return rc;
}

static void centre_of(const struct dm_gen *g, struct dm_area *a)
{
	double e = 0, n = 0;
	size_t k = a->pc_n ? a->pc_n : a->ds_n;

	for (size_t i = 0; i < k; i++) {
		const struct grid_ref *r = a->pc_n ?
			&g->pcs[a->pc_first + i].g :
			&g->dists[a->ds_first + i].g;

		e += r->easting;
		n += r->northing;
	}
	if (k) {
		a->centre.easting = (int32_t)(e / (double)k);
		a->centre.northing = (int32_t)(n / (double)k);
	}
}

/* Order other councils by distance from one council, nearest first. */
static void find_neighbours(struct dm_gen *g)
{
	for (size_t i = 0; i < g->ncouncils; i++) {
		struct dm_area *a = &g->areas[i];
		double best[DM_NEAR], bestout = 1e18;

		a->nnear = 0;
		for (size_t j = 0; j < g->nareas; j++) {
			double d;
			size_t k;

			if (j == i)
				continue;
			d = demo__miles(&a->centre, &g->areas[j].centre);
			if (!g->areas[j].council) {
				if (d < bestout) {
					bestout = d;
					a->outside = (uint16_t)j;
				}
				continue;
			}
			/* insertion into the sorted top DM_NEAR */
			k = a->nnear;
			if (k == DM_NEAR && d >= best[k - 1])
				continue;
			if (k < DM_NEAR)
				a->nnear++;
			else
				k--;
			while (k > 0 && best[k - 1] > d) {
				best[k] = best[k - 1];
				a->near[k] = a->near[k - 1];
				k--;
			}
			best[k] = d;
			a->near[k] = (uint16_t)j;
		}
	}
}

int demo__geo_load(struct dm_gen *g, struct err *err)
{
	const char *const *outside = g->wales ? outside_wales : outside_england;
	uint64_t s = rng_derive(g->seed, 0x67656f);	/* "geo" */
	size_t kept = 0;
	int rc;

	if (!store_geo_loaded(g->geo))
		return err_set(err, ERR_INVALID,
			       "demo data needs the geography loaded first");
	rc = store_councils_each(g->geo, g->wales ? "W92000004" : "E92000001",
				 add_council, g, err);
	if (rc)
		return rc;
	for (size_t i = 0; i < g->nareas; i++) {
		struct dm_area *a = &g->areas[i];

		rc = g->wales ? load_postcodes(g, a, err) :
				load_districts(g, a, err);
		if (rc)
			return rc;
	}
	/* drop councils the store has no postcodes for */
	for (size_t i = 0; i < g->nareas; i++)
		if (g->areas[i].pc_n || g->areas[i].ds_n)
			g->areas[kept++] = g->areas[i];
	g->nareas = g->ncouncils = kept;
	if (!kept || g->ncouncils >= DM_NONE)
		return err_set(err, ERR_INVALID,
			       "no council with postcodes for the %s scale",
			       g->wales ? "wales" : "england");
	for (size_t i = 0; i < 4; i++) {
		struct la la;
		struct dm_area *a;

		if (store_la_get(g->geo, outside[i], &la, NULL))
			continue;
		add_council(&la, g);
		a = &g->areas[g->nareas - 1];
		a->council = false;
		rc = load_postcodes(g, a, err);
		if (rc)
			return rc;
		if (!a->pc_n)
			g->nareas--;
	}
	for (size_t i = 0; i < g->nareas; i++) {
		struct dm_area *a = &g->areas[i];
		double n = a->pc_n ? a->pc_n : a->ds_n * 40.0;

		centre_of(g, a);
		a->weight = a->council ? n * demo__lognormal(&s, 1.0, 0.25) : 0;
	}
	find_neighbours(g);
	return 0;
}
