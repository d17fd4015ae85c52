/*
 * demo-plan.c: who comes into care, when, at what age, and how each period
 * of care ends.
 *
 * Children enter at a steady, slowly growing rate (Wales +4% a year, as
 * the count rose from about 5,400 in 2012 to 6,846 in 2019; England +1.5%)
 * from 18 years before the first reporting year, so that the children in
 * care at its start have a full history.  Age at entry follows the real
 * shape: many babies (a third of them in their first fortnight), fewer
 * aged 5-9, a second peak at 10-15 (§7: "many under 5, many 10-15").
 *
 * Each period of care gets a route, which fixes how it ends:
 *	home, short	median 2.5 months (E13, E4A, E4B)
 *	home, long	care order, back with parents (P1), E41/E4A; ~2 years
 *	adoption	under-5s; median 2 years to the adoption order (E11/E12)
 *	guardianship	special guardianship, mostly with kin (E45-E48)
 *	long term	until the 18th birthday (Wales: the day before, §4.4)
 *	transfer	taken over by another council (E3)
 * Some who go home come back (16%) for a second period.  A few are
 * remanded (J1/J2) and a few unaccompanied asylum-seeking children (UASC,
 * N8) arrive at 14-17 (Wales 2024: 4.7%; fewer in 2019).
 *
 * The stock at the last 31 March is calibrated, not hoped for: candidate
 * children are drawn twice from the same seed, first only to count those in
 * care on that day, then keeping each with probability target / count.
 * Thinning every entry alike keeps the shape of flows and durations and
 * gives about 6,400 for Wales (the review's figure, §1.2) and 85,000 for
 * England (83,840 in 2023, §7).
 */
#include "base/compat.h"
#include <math.h>
#include "base/xalloc.h"
#include "demo/demo-internal.h"

#define TARGET_WALES 6400.0
#define TARGET_ENGLAND 85000.0

struct weighted_code {
	const char *code;
	double w;
};

/* Ethnicity of children looked after: Wales ~87% WBRI, England ~65%. */
static const struct weighted_code ethnic_wales[] = {
	{ "WBRI", 86 }, { "WOTH", 2 }, { "WIRI", 0.3 }, { "WIRT", 0.3 },
	{ "WROM", 0.4 }, { "MWBC", 2 }, { "MWBA", 1 }, { "MWAS", 1.2 },
	{ "MOTH", 2 }, { "AIND", 0.3 }, { "APKN", 0.5 }, { "ABAN", 0.6 },
	{ "AOTH", 0.6 }, { "BCRB", 0.3 }, { "BAFR", 0.8 }, { "BOTH", 0.4 },
	{ "CHNE", 0.1 }, { "OOTH", 0.8 }, { "NOBT", 0.4 },
};
static const struct weighted_code ethnic_england[] = {
	{ "WBRI", 65 }, { "WOTH", 6 }, { "WIRI", 0.5 }, { "WIRT", 0.5 },
	{ "WROM", 0.8 }, { "MWBC", 4 }, { "MWBA", 1.5 }, { "MWAS", 2 },
	{ "MOTH", 3.5 }, { "AIND", 0.8 }, { "APKN", 1.5 }, { "ABAN", 0.8 },
	{ "AOTH", 1.5 }, { "BCRB", 1.5 }, { "BAFR", 3 }, { "BOTH", 2 },
	{ "CHNE", 0.2 }, { "OOTH", 3.5 }, { "REFU", 0.2 }, { "NOBT", 0.7 },
};
static const struct weighted_code ethnic_uasc[] = {
	{ "OOTH", 30 }, { "BAFR", 25 }, { "AOTH", 30 }, { "BOTH", 5 },
	{ "WOTH", 5 }, { "MOTH", 5 },
};

/* Category of need N1..N8: abuse or neglect the large majority. */
static const double cin_w[8] = { 62, 4, 3, 8, 16, 3, 1, 3 };

/* Entry age bands (years [lo, hi)) and the routes out of care by band. */
static const struct {
	int lo, hi;
	double w;
	double route[RT_N];	/* HOME_SHORT, HOME_LONG, ADOPT, SGO, LONG, TRANSFER */
} bands[] = {
	{ 0, 1, 22, { 12, 19, 34, 14, 18, 3 } },
	{ 1, 5, 17, { 17, 22, 22, 16, 20, 3 } },
	{ 5, 10, 17, { 26, 25, 2, 15, 29, 3 } },
	{ 10, 16, 32, { 41, 19, 0, 5, 32, 3 } },
	{ 16, 18, 12, { 45, 0, 0, 0, 52, 3 } },
};

struct plan_ctx {
	struct dm_gen *g;
	double *cum;		/* cumulative council weights */
	uint8_t ethnic[3][32];	/* code list indices of the tables above */
	double ew[3][32];
	size_t ne[3];
};

int32_t demo__birthday(int32_t dob, int years)
{
	int y, m, d;

	date_to_ymd(dob, &y, &m, &d);
	if (!date_valid_ymd(y + years, m, d))
		return date_from_ymd(y + years, 3, 1);	/* 29 February */
	return date_from_ymd(y + years, m, d);
}

static size_t council_draw(const struct plan_ctx *p, uint64_t *s)
{
	size_t n = p->g->ncouncils, lo = 0, hi = n - 1;
	double x = rng_unit(s) * p->cum[n - 1];

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (p->cum[mid] > x)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

static size_t band_of(double age)
{
	for (size_t i = 0; i < ARRAY_SIZE(bands); i++)
		if (age < bands[i].hi)
			return i;
	return ARRAY_SIZE(bands) - 1;
}

/* Plan one period of care starting on `start`; false if none fits. */
static bool period_plan(const struct plan_ctx *p, uint64_t *s,
			struct dm_child *c, int32_t start, struct dm_period *per)
{
	const struct dm_gen *g = p->g;
	int32_t cap = demo__birthday(c->dob, 18) - (g->wales ? 1 : 0);
	double age = (start - c->dob) / 365.25, dur;
	size_t b = band_of(age);

	if (cap - start < 10)
		return false;
	memset(per, 0, sizeof(*per));
	per->start = start;
	if (c->uasc)
		per->route = rng_chance(s, 0.9) ? RT_LONG : RT_TRANSFER;
	else
		per->route = (uint8_t)demo__pick(s, bands[b].route, RT_N);
	per->remand = !c->uasc && age >= 10 && rng_chance(s, 0.025);
	if (per->remand)
		per->route = RT_HOME_SHORT;
	per->emergency = !per->remand && rng_chance(s, 0.07);
	switch (per->route) {
	case RT_HOME_SHORT:
		dur = per->remand ? demo__lognormal(s, 30, 0.8) :
				    demo__lognormal(s, 75, 1.2);
		break;
	case RT_HOME_LONG:
		dur = demo__lognormal(s, 800, 0.55);
		break;
	case RT_ADOPT:
		dur = demo__lognormal(s, 720, 0.35);
		break;
	case RT_SGO:
		dur = demo__lognormal(s, 600, 0.55);
		break;
	case RT_TRANSFER:
		dur = demo__lognormal(s, 450, 0.8);
		break;
	default:
		dur = 1e9;
		break;
	}
	if (dur < 3)
		dur = 3;
	if (dur > 30000)
		dur = 30000;
	per->end = start + (int32_t)dur;
	if (per->end >= cap) {
		per->end = cap;
		per->aged_out = true;
	} else {
		int y, m, d;

		/*
		 * Not on a 31 March: the DfE's rules count a child who
		 * leaves that day as looked after at 31 March (DEC before
		 * the year's end, rule 191), cartref as gone; the day
		 * before is the same story without the ambiguity.
		 */
		date_to_ymd(per->end, &y, &m, &d);
		if (m == 3 && d == 31 && per->end - 1 > start)
			per->end--;
	}
	return true;
}

static uint8_t code_pick(const struct plan_ctx *p, uint64_t *s, int table)
{
	return p->ethnic[table][demo__pick(s, p->ew[table], p->ne[table])];
}

/* Everything about one candidate child, from the main stream s. */
static void child_draw(const struct plan_ctx *p, uint64_t *s,
		       struct dm_child *c, int32_t entry)
{
	const struct dm_gen *g = p->g;
	double bw[ARRAY_SIZE(bands)], age;
	int32_t age_days;
	size_t b;

	memset(c, 0, sizeof(*c));
	c->mc_dob = DATE_NONE;
	c->seed = rng_next(s);
	for (b = 0; b < ARRAY_SIZE(bands); b++)
		bw[b] = bands[b].w;
	b = demo__pick(s, bw, ARRAY_SIZE(bands));
	if (b == 0 && rng_chance(s, 0.35))
		age_days = rng_range(s, 0, 14);	/* newborn */
	else
		age_days = rng_range(s, (int32_t)(bands[b].lo * 365.25),
				     (int32_t)(bands[b].hi * 365.25) - 1);
	if (age_days > 18 * 365 - 40)
		age_days = 18 * 365 - 40;
	c->dob = entry - age_days;
	age = age_days / 365.25;
	c->uasc = age >= 14 && rng_chance(s, g->wales ? 0.04 : 0.10);
	c->sex = c->uasc ? (rng_chance(s, 0.9) ? 1 : 2) :
			   (rng_chance(s, 0.55) ? 1 : 2);
	c->ethnic = code_pick(p, s, c->uasc ? 2 : g->wales ? 0 : 1);
	c->cin = c->uasc ? 8 : (uint8_t)(1 + demo__pick(s, cin_w, 8));
	c->area = (uint16_t)council_draw(p, s);
	c->home_pc = demo__pc_in(g, s, c->area, NULL, 1);
	c->upn_kind = c->uasc ? (rng_chance(s, 0.7) ? 2 : 0) :
		      rng_chance(s, 0.91) ? 0 :
		      (uint8_t)(2 + rng_below(s, 4));	/* UN2..UN5 */
	/* once whether MOTHER was given, for girls: the later draws stay */
	if (c->sex == 2)
		(void)rng_chance(s, 0.65);
	c->instab = (float)demo__lognormal(s, 1.0, 0.45);
	if (rng_chance(s, age >= 11 ? 0.50 : age >= 6 ? 0.25 : 0.10))
		c->miss_rate = (float)demo__lognormal(s, 4.0, 1.3);
	if (!period_plan(p, s, c, entry, &c->per[0]))
		return;
	c->nper = 1;
	if ((c->per[0].route == RT_HOME_SHORT ||
	     c->per[0].route == RT_HOME_LONG) && !c->per[0].aged_out &&
	    c->per[0].end - c->dob < (int32_t)(16.5 * 365.25) &&
	    rng_chance(s, 0.16)) {
		double gap = demo__lognormal(s, 300, 0.9);
		int32_t start = c->per[0].end + (gap < 14 ? 14 : (int32_t)gap);

		if (period_plan(p, s, c, start, &c->per[1]))
			c->nper = 2;
	}
	/* a few girls have a baby while in care (MOTHER, MC_DOB) */
	if (c->sex == 2 && rng_chance(s, 0.05)) {
		int32_t lo = demo__birthday(c->dob, 15);

		for (int k = c->nper; k-- > 0;) {
			int32_t a = c->per[k].start > lo ? c->per[k].start : lo;
			int32_t z = c->per[k].end < g->we ? c->per[k].end : g->we;

			if (a < z) {
				c->mc_dob = rng_range(s, a, z - 1);
				break;
			}
		}
	}
}

static bool in_care_on(const struct dm_child *c, int32_t day)
{
	for (int k = 0; k < c->nper; k++)
		if (c->per[k].start <= day && c->per[k].end > day)
			return true;
	return false;
}

static bool overlaps(const struct dm_child *c, int32_t from, int32_t to)
{
	for (int k = 0; k < c->nper; k++)
		if (c->per[k].start <= to && c->per[k].end >= from)
			return true;
	return false;
}

/*
 * Draw the candidates for `base` entries a year (in the last year).
 * Count those in care at the end (store false) or keep each child in the
 * window with probability keep (store true).
 */
static long candidates(struct plan_ctx *p, double base, double keep,
		       bool store)
{
	struct dm_gen *g = p->g;
	uint64_t s = rng_derive(g->seed, 0x706c616e);	/* "plan" */
	double growth = g->wales ? 1.04 : 1.015;
	long stock = 0;

	for (int y = g->first_year - 18; y <= g->last_year; y++) {
		long n = lround(base * pow(growth, y - g->last_year));
		int32_t ys = year_start(y), len = year_end(y) - ys + 1;

		for (long i = 0; i < n; i++) {
			struct dm_child c;
			double u = rng_unit(&s);

			child_draw(p, &s, &c, ys + (int32_t)rng_below(&s,
							(uint32_t)len));
			if (!c.nper)
				continue;
			if (!store) {
				stock += in_care_on(&c, g->we);
				continue;
			}
			if (u >= keep || !overlaps(&c, g->ws, g->we))
				continue;
			ALLOC_GROW(g->children, g->nchildren + 1,
				   g->achildren);
			g->children[g->nchildren++] = c;
		}
	}
	return stock;
}

/* CHILD ids, and each council's list of its children. */
static void index_children(struct dm_gen *g)
{
	uint64_t s = rng_derive(g->seed, 0x696473);	/* "ids" */
	size_t *next = xcalloc(g->nareas, sizeof(*next));
	uint32_t *off = xcalloc(g->nareas, sizeof(*off));
	size_t pos = 0;

	for (size_t a = 0; a < g->nareas; a++)
		off[a] = rng_below(&s, 900000);
	for (size_t i = 0; i < g->nchildren; i++)
		g->areas[g->children[i].area].nkids++;
	g->kid_index = xcalloc(g->nchildren ? g->nchildren : 1,
			       sizeof(*g->kid_index));
	for (size_t a = 0; a < g->nareas; a++) {
		g->areas[a].kids = g->kid_index + pos;
		pos += g->areas[a].nkids;
	}
	for (size_t i = 0; i < g->nchildren; i++) {
		struct dm_child *c = &g->children[i];
		size_t k = next[c->area]++;

		/* a permutation of 100000..999999: unique, unordered */
		c->id = 100000u + (uint32_t)(((uint64_t)k * 7919 + off[c->area]) %
					     900000);
		g->areas[c->area].kids[k] = (uint32_t)i;
	}
	free(next);
	free(off);
}

int demo__plan(struct dm_gen *g, struct err *err)
{
	struct plan_ctx p = { 0 };
	double target = g->wales ? TARGET_WALES : TARGET_ENGLAND;
	double base = target / 1.6, keep;
	long stock = 0;
	const struct weighted_code *tab[3] = {
		ethnic_wales, ethnic_england, ethnic_uasc,
	};
	size_t ntab[3] = {
		ARRAY_SIZE(ethnic_wales), ARRAY_SIZE(ethnic_england),
		ARRAY_SIZE(ethnic_uasc),
	};

	p.g = g;
	for (int t = 0; t < 3; t++) {
		for (size_t i = 0; i < ntab[t]; i++) {
			int k = code_find(&codes_ethnic, tab[t][i].code);

			if (k < 0)
				BUG("ethnic code %s not in the code list",
				    tab[t][i].code);
			p.ethnic[t][i] = (uint8_t)k;
			p.ew[t][i] = tab[t][i].w;
		}
		p.ne[t] = ntab[t];
	}
	p.cum = xcalloc(g->ncouncils, sizeof(*p.cum));
	for (size_t i = 0; i < g->ncouncils; i++)
		p.cum[i] = (i ? p.cum[i - 1] : 0) + g->areas[i].weight;
	for (int attempt = 0; attempt < 6; attempt++) {
		stock = candidates(&p, base, 1.0, false);
		if (stock >= target)
			break;
		base *= 1.3 * target / (stock > 0 ? (double)stock : 1.0);
	}
	if (stock < target) {
		free(p.cum);
		return err_set(err, ERR_INVALID,
			       "demo data: cannot reach %.0f children in care",
			       target);
	}
	keep = target / (double)stock;
	candidates(&p, base, keep, true);
	index_children(g);
	free(p.cum);
	return 0;
}
