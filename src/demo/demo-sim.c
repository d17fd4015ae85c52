/*
 * demo-sim.c: each planned period of care lived out as SSDA903 episodes,
 * then the missing periods.
 *
 * All children are simulated together, in date order, from one heap of
 * "next thing that happens to this child" days, because they compete for
 * the same children's home places: a child is only placed in a home of the
 * register that is open that day, admits the child's age and sex, and has
 * a place free (dm_home.cap).  Councils prefer their own homes and near
 * ones (weight 1 / (1 + (miles / 20)^2)); when nothing near is free the
 * child goes further, to a home across the border (the review's "placed
 * far from home", §1.2), or to foster care.  A home that closes moves its
 * children on (REASON_PLACE_CHANGE CLOSE).
 *
 * Within a period three clocks run: the placement's planned length (a
 * lognormal by placement type: short-term foster care median 360 days,
 * children's homes 260, long-term foster care 1,400; times the child's own
 * instability factor, so that some children move much more than others),
 * the legal status timetable (emergency protection L1/L2 for days, interim
 * care order C1 for a median 5 months, then the full order C2; s20 V2 for
 * most short stays; a placement order E1 before an adoptive placement),
 * and the route's milestone (the adoptive placement, the move home to
 * parents, the move to kin before special guardianship, and for a third
 * of those staying to 18 a move to semi-independent living at 16 or 17).
 * Whichever comes first ends the episode: a placement change gives RNE P
 * or T (T when the carer stays, as when a short-term carer becomes the
 * long-term one), a legal change L, both at once B or U; the last
 * episode's REC follows the route and where the child is.  Foster
 * placements are sometimes broken by a short temporary one (T1-T4), after
 * which the child goes back.
 *
 * The mix this gives at 31 March is close to Wales 2019-2020 (§7: 70%
 * foster care, a third of it with family and friends; 84% on care orders):
 * about 72% foster (a third kin), 13% placed with parents, 3% placed for
 * adoption, 6-7% in children's homes, 4-5% semi-independent or independent
 * living, the rest residential schools, hospitals and the like; legal
 * status C2 77%, C1 11%, V2 9%, E1 3%.  About 11% of the children looked
 * after at 31 March had three or more placements in the year (Wales
 * 2017-18: 10%, §5.5), and a quarter of those living in children's
 * homes.
 *
 * Missing from care (§3, §5.4): a minority of children are prone to go
 * missing, each with their own yearly rate (lognormal, median 4, long
 * tail: a few go missing dozens of times), scaled by where they live
 * (children's homes 1, semi-independent 0.8, foster care 0.2 ...) and
 * age (nothing under 8, full from 14), and rising 18% a year as the review
 * found ("an increasing number of children are going missing").  Most
 * incidents last hours to two days (DfE: 90% two days or less), a few
 * weeks; one still running on 31 March is open in that year's return.
 *
 * The simulation runs on past the last 31 March to the day before the
 * reference date (as-of): the returns show only what was known at each
 * 31 March, and the months since feed the live records (demo-live.c).
 */
#include "base/compat.h"
#include <math.h>
#include "base/xalloc.h"
#include "demo/demo-internal.h"

/*
 * Scales the prone children's rates: England's are higher (DfE 2018: 11% of
 * children looked after went missing, 70,000 incidents, §5.4).
 */
#define MISS_SCALE_WALES 1.4
#define MISS_SCALE_ENGLAND 2.0
#define MISS_TREND 1.18

struct dm_state {
	uint64_t rng;
	int32_t end;		/* the period's last DEC */
	int32_t next_pl;	/* next placement change */
	int32_t until;		/* the placement's own planned end */
	int32_t milestone;	/* the route's planned move, DAY_INF */
	int32_t temp_at;	/* a temporary placement starts, DAY_INF */
	int32_t indep_at;	/* planned move to semi-independence, DAY_INF */
	int32_t lsq_day[6];
	uint8_t lsq_ls[6];
	uint8_t nls, ils;
	uint8_t iper;
	bool in_care, in_temp, closing, consent;
	struct dm_ep cur;	/* the open episode */
	struct dm_ep saved;	/* the placement left for a temporary one */
	int32_t saved_until;
};

struct dm_sim {
	struct dm_gen *g;
	struct dm_state *st;
	uint64_t *heap;
	size_t nheap;
	int32_t origin;
	uint32_t next_carer;
	int32_t cut;		/* 1 April 2025: the 2025-26 placement types */
};

struct move {
	uint8_t place;
	bool same_carer;
	bool planned;
	bool final;		/* stays until the period ends */
};

/* ---- the event heap: (day, child) in one word ------------------------- */

static void heap_push(struct dm_sim *sm, int32_t day, uint32_t child)
{
	uint64_t key = (uint64_t)(uint32_t)(day - sm->origin) << 32 | child;
	size_t i = sm->nheap++;

	while (i > 0 && sm->heap[(i - 1) / 2] > key) {
		sm->heap[i] = sm->heap[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	sm->heap[i] = key;
}

static uint64_t heap_pop(struct dm_sim *sm)
{
	uint64_t top = sm->heap[0], last = sm->heap[--sm->nheap];
	size_t i = 0, n = sm->nheap;

	for (;;) {
		size_t k = 2 * i + 1;

		if (k >= n)
			break;
		if (k + 1 < n && sm->heap[k + 1] < sm->heap[k])
			k++;
		if (sm->heap[k] >= last)
			break;
		sm->heap[i] = sm->heap[k];
		i = k;
	}
	if (n)
		sm->heap[i] = last;
	return top;
}

/* ---- helpers ------------------------------------------------------------- */

static double age_on(const struct dm_child *c, int32_t day)
{
	return (day - c->dob) / 365.25;
}

static int32_t days_draw(uint64_t *s, double median, double sigma,
			 double instab)
{
	double d = demo__lognormal(s, median, sigma) * instab;

	return d < 2 ? 2 : d > 20000 ? 20000 : (int32_t)d;
}

static void home_leave(struct dm_gen *g, const struct dm_ep *e)
{
	if (e->home >= 0 && !g->homes[e->home].unlimited)
		g->homes[e->home].occ--;
}

static void ep_push(struct dm_sim *sm, const struct dm_ep *e)
{
	struct dm_gen *g = sm->g;

	/* history before the first reporting year is never written */
	if (e->dec != DATE_NONE && e->dec < g->ws)
		return;
	ALLOC_GROW(g->eps, g->neps + 1, g->aeps);
	g->eps[g->neps++] = *e;
}

static uint8_t prov_of_home(const struct dm_gen *g, const struct dm_home *h,
			    const struct dm_child *c)
{
	switch (h->h.provider_type) {
	case PROVIDER_LA:
		return strcmp(h->h.la, g->areas[c->area].code) ? PV_PR2 :
								   PV_PR1;
	case PROVIDER_VOLUNTARY:
		return PV_PR5;
	default:
		return PV_PR4;
	}
}

/* ---- where: homes and postcodes ----------------------------------------- */

static bool home_fits(const struct dm_home *h, int32_t day, double age,
		      int sex)
{
	if (!home_open_on(&h->h, day) ||
	    (h->h.closed != DATE_NONE && h->h.closed <= day + 30))
		return false;
	if (age < h->h.age_min || age >= h->h.age_max + 1)
		return false;
	if ((h->h.sex_admitted == ADMITS_MALE && sex != 1) ||
	    (h->h.sex_admitted == ADMITS_FEMALE && sex != 2))
		return false;
	return h->unlimited || h->occ < h->cap;
}

/* Weighted choice of a free home near the child; -1 if none. */
static int home_find(struct dm_sim *sm, uint32_t ci, int32_t day, bool far)
{
	struct dm_gen *g = sm->g;
	const struct dm_child *c = &g->children[ci];
	const struct dm_area *a = &g->areas[c->area];
	struct dm_state *st = &sm->st[ci];
	double age = age_on(c, day), total = 0, scale = far ? 60 : 20;
	size_t nscan = far ? g->ncouncils : 1 + (size_t)a->nnear;
	struct grid_ref home;
	int chosen = -1;

	demo__pc_grid(g, c->home_pc, &home);
	for (size_t k = 0; k < nscan; k++) {
		size_t ai = far ? k : k ? a->near[k - 1] : c->area;
		const struct dm_area *b = &g->areas[ai];

		for (size_t j = 0; j < b->nhomes; j++) {
			const struct dm_home *h = &g->homes[b->homes[j]];
			double d, w;

			if (!h->listed || !home_fits(h, day, age, c->sex))
				continue;
			d = demo__miles(&home, &h->g) / scale;
			w = 1.0 / (1.0 + d * d);
			if (ai == c->area)
				w *= h->h.provider_type == PROVIDER_LA ? 6 : 2;
			total += w;
			if (rng_unit(&st->rng) * total < w)
				chosen = (int)b->homes[j];
		}
	}
	return chosen;
}

/* A home across the border (no capacity limit); -1 if there is none. */
static int home_outside(struct dm_sim *sm, uint32_t ci, bool secure)
{
	struct dm_gen *g = sm->g;
	const struct dm_child *c = &g->children[ci];
	uint64_t *s = &sm->st[ci].rng;
	size_t nout = g->nareas - g->ncouncils, area;
	const struct dm_area *b;

	if (!nout)
		return -1;
	area = g->areas[c->area].outside;
	if (area == DM_NONE || rng_chance(s, 0.3))
		area = g->ncouncils + rng_below(s, (uint32_t)nout);
	b = &g->areas[area];
	for (size_t tries = 0; b->nhomes && tries < 16; tries++) {
		uint32_t k = b->homes[rng_below(s, (uint32_t)b->nhomes)];

		if (!g->homes[k].secure && !secure)
			return (int)k;
	}
	for (size_t k = 0; secure && k < g->nhomes; k++)
		if (g->homes[k].secure && g->homes[k].area == area)
			return (int)k;
	return -1;
}

static int secure_find(struct dm_sim *sm, uint32_t ci, int32_t day)
{
	struct dm_gen *g = sm->g;
	const struct dm_child *c = &g->children[ci];
	struct grid_ref home;
	double best = 1e18;
	int chosen = -1;

	demo__pc_grid(g, c->home_pc, &home);
	for (size_t k = 0; k < g->nhomes; k++) {
		const struct dm_home *h = &g->homes[k];
		double d;

		if (!h->secure || h->unlimited ||
		    !home_fits(h, day, age_on(c, day), c->sex))
			continue;
		d = demo__miles(&home, &h->g);
		if (d < best) {
			best = d;
			chosen = (int)k;
		}
	}
	return chosen >= 0 ? chosen : home_outside(sm, ci, true);
}

/*
 * Where a placement of this type is: which area (own council, a
 * neighbour, across the border, anywhere) and how close to home.
 */
static uint32_t pl_post_draw(struct dm_sim *sm, uint32_t ci, int place)
{
	struct dm_gen *g = sm->g;
	const struct dm_child *c = &g->children[ci];
	const struct dm_area *a = &g->areas[c->area];
	uint64_t *s = &sm->st[ci].rng;
	/* own, neighbour, outside, far; tries */
	double w[4];
	int tries;
	struct grid_ref home;
	size_t area;
	uint32_t pc = c->home_pc;

	if (place == PL_P1) {
		if (rng_chance(s, 0.9))
			return c->home_pc;
		w[0] = 1, w[1] = w[2] = w[3] = 0, tries = 3;
	} else if (pl_kin(place) || place == PL_U2) {
		w[0] = 80, w[1] = 16, w[2] = 2, w[3] = 2, tries = 6;
	} else if (pl_foster(place) || pl_adoption(place)) {
		w[0] = 62, w[1] = 30, w[2] = g->wales ? 4 : 1, w[3] = 4;
		tries = 3;
	} else if (place == PL_R2) {
		w[0] = 60, w[1] = 40, w[2] = w[3] = 0, tries = 1;
	} else if (place == PL_R5) {
		w[0] = 0, w[1] = 50, w[2] = 20, w[3] = 30, tries = 1;
	} else if (place == PL_S1) {
		w[0] = 30, w[1] = 40, w[2] = 15, w[3] = 15, tries = 1;
	} else {
		w[0] = 65, w[1] = 30, w[2] = 3, w[3] = 2, tries = 2;
	}
	if (!a->nnear)
		w[1] = 0;
	if (a->outside == DM_NONE)
		w[2] = 0;
	demo__pc_grid(g, c->home_pc, &home);
	for (int k = 0; k < 4 && pc == c->home_pc; k++) {
		switch (demo__pick(s, w, 4)) {
		case 1:
			area = a->near[rng_below(s, a->nnear < 3 ? a->nnear : 3)];
			break;
		case 2:
			area = a->outside;
			break;
		case 3:
			area = rng_below(s, (uint32_t)g->ncouncils);
			break;
		default:
			area = c->area;
			break;
		}
		pc = demo__pc_in(g, s, area, &home, tries);
	}
	return pc;
}

static uint8_t prov_draw(uint64_t *s, int place, bool wales)
{
	double w[PV_N] = { 0 };

	if (pl_kin(place)) {
		w[PV_PR1] = 90, w[PV_PR4] = 7, w[PV_PR5] = 3;
	} else if (place == PL_U2 || place == PL_U5) {
		w[PV_PR1] = 80, w[PV_PR4] = 20;
	} else if (pl_foster(place)) {
		w[PV_PR1] = wales ? 52 : 48, w[PV_PR4] = wales ? 42 : 46;
		w[PV_PR5] = 6;
	} else if (pl_adoption(place)) {
		w[PV_PR1] = 70, w[PV_PR2] = 20, w[PV_PR5] = 10;
	} else {
		switch (place) {
		case PL_P1:
			return PV_PR0;
		case PL_H5:
			w[PV_PR4] = 60, w[PV_PR5] = 25, w[PV_PR1] = 15;
			break;
		case PL_P2:
			w[PV_PR1] = 50, w[PV_PR4] = 30, w[PV_PR5] = 20;
			break;
		case PL_R1:
			w[PV_PR4] = 70, w[PV_PR5] = 30;
			break;
		case PL_R2:
		case PL_R5:
			return PV_PR3;
		case PL_R3:
			w[PV_PR1] = 40, w[PV_PR4] = 40, w[PV_PR5] = 20;
			break;
		case PL_S1:
			w[PV_PR4] = 60, w[PV_PR5] = 25, w[PV_PR2] = 15;
			break;
		default:	/* T0-T4, Z1: blank */
			return PV_NONE;
		}
	}
	return (uint8_t)demo__pick(s, w, PV_N);
}

/* How long a placement of this type is planned to last, in days. */
static int32_t pl_length(struct dm_sim *sm, uint32_t ci, int place)
{
	uint64_t *s = &sm->st[ci].rng;
	double k = sm->g->children[ci].instab;

	switch (place) {
	case PL_U6:
		return days_draw(s, 360, 0.9, k);
	case PL_U3:
		return days_draw(s, 420, 0.9, k);
	case PL_U1:
	case PL_U4:
		return days_draw(s, 1400, 0.8, k);
	case PL_U2:
	case PL_U5:
		return days_draw(s, 600, 0.5, k);
	case PL_K2:
		return days_draw(s, 260, 0.8, k);
	case PL_K1:
		return days_draw(s, 100, 0.5, 1);
	case PL_H5:
		return days_draw(s, 330, 0.7, k);
	case PL_P2:
		return days_draw(s, 300, 0.7, k);
	case PL_P1:
		return days_draw(s, 500, 0.8, k);
	case PL_R1:
		return days_draw(s, 200, 0.8, k);
	case PL_R2:
		return days_draw(s, 40, 0.7, 1);
	case PL_R3:
		return days_draw(s, 80, 0.5, 1);
	case PL_R5:
		return days_draw(s, 90, 0.6, 1);
	case PL_S1:
		return days_draw(s, 500, 0.6, k);
	case PL_Z1:
		return days_draw(s, 60, 0.8, k);
	default:
		return DAY_INF;	/* adoption: until the order */
	}
}

/* ---- what next ----------------------------------------------------------- */

static bool milestone_due(const struct dm_state *st, const struct dm_child *c)
{
	int route = c->per[st->iper].route;

	if (st->milestone == DAY_INF)
		return false;
	if (route == RT_ADOPT)
		return !pl_adoption(st->cur.place);
	if (route == RT_HOME_LONG)
		return st->cur.place != PL_P1;
	if (route == RT_SGO)
		return !pl_kin(st->cur.place);
	return false;
}

static struct move first_move(struct dm_sim *sm, uint32_t ci, int32_t day)
{
	const struct dm_child *c = &sm->g->children[ci];
	const struct dm_period *per = &c->per[sm->st[ci].iper];
	uint64_t *s = &sm->st[ci].rng;
	double w[PL_N] = { 0 }, age = age_on(c, day);
	struct move mv = { 0, false, true, false };

	if (per->remand) {
		w[PL_U6] = 40, w[PL_K2] = 30, w[PL_K1] = 20;
		w[PL_H5] = age >= 16 ? 10 : 0;
	} else if (c->uasc) {
		/* semi-independent living (H5) from 16 only (rule 371) */
		w[PL_U6] = age < 16 ? 70 : 30, w[PL_H5] = age < 16 ? 0 : 50;
		w[PL_P2] = age < 16 ? 0 : 10, w[PL_K2] = 5;
	} else if (per->route == RT_ADOPT) {
		if (age < 1)
			w[PL_U5] = 20, w[PL_U6] = 60, w[PL_U3] = 12, w[PL_R3] = 8;
		else
			w[PL_U6] = 70, w[PL_U3] = 15, w[PL_U5] = 15;
	} else if (per->route == RT_SGO) {
		w[PL_U3] = 65, w[PL_U6] = 30, w[PL_U2] = 5;
	} else if (per->route == RT_HOME_LONG) {
		w[PL_U6] = 45, w[PL_U3] = 20, w[PL_P1] = 20;
		w[PL_K2] = age >= 11 ? 8 : 0, w[PL_R3] = age < 1 ? 7 : 0;
	} else if (age < 1) {
		w[PL_U6] = 60, w[PL_U3] = 22, w[PL_R3] = 10, w[PL_P1] = 5;
		w[PL_R2] = 5;
	} else if (age < 5) {
		w[PL_U6] = 55, w[PL_U3] = 33, w[PL_P1] = 8, w[PL_R2] = 2;
		w[PL_Z1] = 2;
	} else if (age < 10) {
		w[PL_U6] = 55, w[PL_U3] = 33, w[PL_P1] = 8, w[PL_K2] = 2;
		w[PL_Z1] = 2;
	} else if (age < 16) {
		w[PL_U6] = 48, w[PL_U3] = 22, w[PL_K2] = 15, w[PL_P1] = 6;
		w[PL_K1] = age >= 12 ? 1 : 0, w[PL_S1] = 1, w[PL_R1] = 1;
		w[PL_R2] = 2, w[PL_Z1] = 2;
	} else {
		w[PL_U6] = 27, w[PL_U3] = 14, w[PL_K2] = 14, w[PL_H5] = 35;
		w[PL_P2] = 5, w[PL_P1] = 5, w[PL_R2] = 2, w[PL_Z1] = 2;
	}
	mv.place = (uint8_t)demo__pick(s, w, PL_N);
	return mv;
}

/* The next placement when the current one ends as planned or breaks. */
static struct move next_move(struct dm_sim *sm, uint32_t ci, int32_t day)
{
	struct dm_state *st = &sm->st[ci];
	const struct dm_child *c = &sm->g->children[ci];
	int route = c->per[st->iper].route, cur = st->cur.place;
	uint64_t *s = &st->rng;
	double w[PL_N + 1] = { 0 }, age = age_on(c, day);
	bool teen = age >= 10, older = age >= 12, sixteen = age >= 16;
	struct move mv = { 0, false, false, false };
	size_t k;

	if (milestone_due(st, c) && day >= st->milestone) {
		st->milestone = DAY_INF;
		mv.planned = mv.final = true;
		if (route == RT_ADOPT) {
			mv.same_carer = cur == PL_U5 || cur == PL_U2;
			mv.place = st->consent ?
				(mv.same_carer ? PL_A3 : PL_A4) :
				(mv.same_carer ? PL_A5 : PL_A6);
		} else {
			mv.place = route == RT_HOME_LONG ? PL_P1 : PL_U3;
		}
		return mv;
	}
	if (st->indep_at <= day) {
		st->indep_at = DAY_INF;
		if (cur != PL_H5 && cur != PL_P2) {
			mv.planned = true;
			mv.place = rng_chance(s, 0.8) ? PL_H5 : PL_P2;
			return mv;
		}
	}
	/* w[PL_N]: the same carer goes on, long term */
	switch (cur) {
	case PL_U6:
		w[PL_N] = age < 14 ? 35 : 0, w[PL_U6] = 25, w[PL_U3] = 12;
		w[PL_K2] = teen ? 12 : 0, w[PL_H5] = sixteen ? 25 : 0;
		w[PL_P1] = 4, w[PL_S1] = age >= 8 ? 1 : 0, w[PL_R2] = 1;
		w[PL_Z1] = 1;
		break;
	case PL_U3:
		w[PL_N] = 45, w[PL_U6] = 30, w[PL_K2] = teen ? 10 : 0;
		w[PL_U3] = 5, w[PL_P1] = 5, w[PL_H5] = sixteen ? 5 : 0;
		break;
	case PL_U1:
	case PL_U4:
		w[PL_U6] = 45, w[PL_U4] = 15, w[PL_K2] = teen ? 22 : 0;
		w[PL_H5] = sixteen ? 22 : 0, w[PL_P1] = 8;
		break;
	case PL_U2:
	case PL_U5:
		w[PL_U6] = 50, w[PL_N] = 50;
		break;
	case PL_K2:
		w[PL_K2] = 50, w[PL_U6] = 20, w[PL_H5] = sixteen ? 18 : 0;
		w[PL_K1] = older ? 3 : 0, w[PL_S1] = 3, w[PL_P1] = 3;
		w[PL_R2] = 3, w[PL_Z1] = 2;
		break;
	case PL_K1:
		w[PL_K2] = 60, w[PL_U6] = 20, w[PL_H5] = sixteen ? 15 : 0;
		w[PL_P1] = 5;
		break;
	case PL_H5:
	case PL_P2:
		w[PL_H5] = 35, w[PL_P2] = sixteen ? 25 : 0, w[PL_K2] = 15;
		w[PL_U6] = 10, w[PL_P1] = 10, w[PL_Z1] = 5;
		break;
	case PL_P1:
		w[PL_U6] = 55, w[PL_U3] = 20, w[PL_K2] = older ? 20 : 0;
		w[PL_H5] = sixteen ? 5 : 0;
		break;
	default:
		if (pl_adoption(cur)) {
			w[PL_U6] = 100;
			break;
		}
		w[PL_U6] = 45, w[PL_K2] = teen ? 25 : 0, w[PL_U3] = 10;
		w[PL_P1] = 10, w[PL_H5] = sixteen ? 10 : 0;
		break;
	}
	k = demo__pick(s, w, PL_N + 1);
	if (k == PL_N) {
		mv.same_carer = mv.planned = true;
		mv.place = cur == PL_U3 ? PL_U1 : PL_U4;
		return mv;
	}
	mv.place = (uint8_t)k;
	/* moves towards family, independence or long-term care are planned */
	mv.planned = pl_kin(k) || k == PL_P1 || k == PL_H5 || k == PL_P2 ||
		     k == PL_U4 || rng_chance(s, 0.4);
	return mv;
}

static uint8_t reason_draw(uint64_t *s, const struct move *mv)
{
	static const double w[RS_N] = {
		[RS_CARPL] = 15, [RS_CREQB] = 35, [RS_CHILD] = 15,
		[RS_LAREQ] = 10, [RS_STAND] = 5, [RS_ALLEG] = 5,
		[RS_CREQO] = 10, [RS_OTHER] = 5,
	};

	if (pl_temporary(mv->place))
		return RS_NONE;
	if (mv->planned)
		return RS_CARPL;
	return (uint8_t)demo__pick(s, w, RS_N);
}

/*
 * Put the child into the placement mv (into st->cur, whose dates and codes
 * the caller sets), finding a home for K1/K2.  Returns the final move.
 */
static struct move place_into(struct dm_sim *sm, uint32_t ci, int32_t day,
			      struct move mv)
{
	struct dm_gen *g = sm->g;
	struct dm_state *st = &sm->st[ci];
	const struct dm_child *c = &g->children[ci];
	struct dm_ep *e = &st->cur;
	uint64_t *s = &st->rng;
	int h = -1;

	/* not placed with parents while accommodated under s20 (rule 378) */
	if (mv.place == PL_P1 && e->ls == LS_V2)
		mv.place = PL_U4;
	/* A5/A6 need the placement order (E1) in force (rule 408) */
	if ((mv.place == PL_A5 || mv.place == PL_A6) && e->ls != LS_E1)
		mv.place = mv.place == PL_A5 ? PL_A3 : PL_A4;
	if (mv.place == PL_K2) {
		if (rng_chance(s, g->wales ? 0.06 : 0.01))
			h = home_outside(sm, ci, false);
		if (h < 0)
			h = home_find(sm, ci, day, false);
		if (h < 0 && rng_chance(s, 0.5))
			h = home_find(sm, ci, day, true);
		if (h < 0 && rng_chance(s, g->wales ? 0.6 : 0.2))
			h = home_outside(sm, ci, false);
		if (h < 0) {
			mv.place = age_on(c, day) >= 16 ? PL_H5 : PL_U6;
			mv.same_carer = false;
		}
	} else if (mv.place == PL_K1) {
		h = secure_find(sm, ci, day);
		if (h < 0)
			mv.place = PL_U6;
	}
	/* a home at the child's own postcode is not a placement (392d) */
	if (h >= 0 && g->homes[h].pc == c->home_pc) {
		h = -1;
		mv.place = age_on(c, day) >= 16 ? PL_H5 : PL_U6;
		mv.same_carer = false;
	}
	/*
	 * The placement types of the DfE's 2025-26 list (rule 146): no P2
	 * (independent living, replaced by supported accommodation, H5
	 * written K3) and no Z1 (written Z11-Z14 from 2025-26).  A P2 or
	 * Z1 placement must not run over 1 April 2025, for the 2025-26
	 * return cannot show it and may not recode it (rule 503D): none
	 * starts shortly before, and schedule() ends those that would.
	 */
	if (mv.place == PL_P2 && day >= sm->cut - 420)
		mv.place = PL_H5;
	if (mv.place == PL_Z1 && day >= sm->cut - 30 && day < sm->cut) {
		mv.place = PL_U6;
		mv.same_carer = false;
	}
	e->place = mv.place;
	e->home = h;
	if (!mv.same_carer)
		e->carer = ++sm->next_carer;
	if (h >= 0) {
		struct dm_home *hm = &g->homes[h];

		if (!hm->unlimited)
			hm->occ++;
		e->pl_post = hm->pc;
		e->prov = prov_of_home(g, hm, c);
	} else if (!mv.same_carer || (mv.place != PL_P1 &&
				      e->pl_post == c->home_pc)) {
		e->pl_post = pl_post_draw(sm, ci, mv.place);
		e->prov = prov_draw(s, mv.place, g->wales);
	}
	/*
	 * The council's own provision (PR1) other than foster care and
	 * adoption is in its own area (rule 1015): elsewhere it is the
	 * other council's (PR2).
	 */
	if (e->prov == PV_PR1 && !pl_foster(mv.place) &&
	    !pl_adoption(mv.place) && demo__pc_area(g, e->pl_post) != c->area)
		e->prov = PV_PR2;
	return mv;
}

/* When the next placement change comes, after placing on `day`. */
static void schedule(struct dm_sim *sm, uint32_t ci, int32_t day,
		     const struct move *mv)
{
	struct dm_gen *g = sm->g;
	struct dm_state *st = &sm->st[ci];
	const struct dm_child *c = &g->children[ci];
	int32_t next;

	st->until = mv->final ? DAY_INF : pl_length(sm, ci, st->cur.place);
	if (st->until != DAY_INF)
		st->until += day;
	/* a P2 or Z1 placement ends by 31 March 2025 (see place_into()) */
	if ((st->cur.place == PL_P2 || st->cur.place == PL_Z1) &&
	    day < sm->cut && st->until > sm->cut - 1)
		st->until = sm->cut - 1 > day ? sm->cut - 1 : day + 1;
	st->temp_at = DAY_INF;
	st->closing = false;
	next = st->until;
	if (milestone_due(st, c) && st->milestone < next)
		next = st->milestone;
	if (st->indep_at > day && st->indep_at < next &&
	    st->cur.place != PL_H5 && st->cur.place != PL_P2)
		next = st->indep_at;
	/* now and then a short break from foster carers (T1-T4) */
	if (pl_foster(st->cur.place) && rng_chance(&st->rng, 0.05)) {
		int32_t lim = next < st->end ? next : st->end;

		if (lim - day > 70)
			st->temp_at = rng_range(&st->rng, day + 20, lim - 40);
		if (st->temp_at < next)
			next = st->temp_at;
	}
	if (st->cur.home >= 0) {
		int32_t closed = g->homes[st->cur.home].h.closed;

		if (closed != DATE_NONE && closed <= next) {
			next = closed;
			st->closing = true;
		}
	}
	st->next_pl = next > day ? next : day + 1;
}

/* ---- legal status -------------------------------------------------------- */

static void ls_push(struct dm_state *st, int32_t day, int ls)
{
	if (st->nls >= ARRAY_SIZE(st->lsq_ls))
		return;
	if (st->nls && day <= st->lsq_day[st->nls - 1])
		day = st->lsq_day[st->nls - 1] + 1;
	st->lsq_day[st->nls] = day;
	st->lsq_ls[st->nls++] = (uint8_t)ls;
}

/* The legal statuses of a period: the first, then a timetable. */
static uint8_t ls_plan(struct dm_sim *sm, uint32_t ci, int32_t start)
{
	struct dm_state *st = &sm->st[ci];
	const struct dm_child *c = &sm->g->children[ci];
	const struct dm_period *per = &c->per[st->iper];
	uint64_t *s = &st->rng;
	static const double v2[RT_N] = { 0.45, 0.05, 0.08, 0.1, 0.1, 0.2 };
	double pv = v2[per->route];
	int first, now;
	int32_t t = start;

	st->nls = st->ils = 0;
	/* PACE detention (J2) lasts 21 days at most (rule 364) */
	if (per->remand)
		return rng_chance(s, 0.7) || per->end - start > 21 ? LS_J1 :
								     LS_J2;
	if (c->uasc)
		return LS_V2;
	if (per->route == RT_LONG && age_on(c, start) >= 14)
		pv += 0.2;
	now = rng_chance(s, pv) ? LS_V2 : LS_C1;
	first = now;
	if (per->emergency) {
		first = rng_chance(s, 0.6) ? LS_L1 : LS_L2;
		/* police protection 72 hours at most (rule 361), an EPO 8 days */
		t += rng_range(s, 1, first == LS_L1 ? 3 : 8);
		ls_push(st, t, now);
	}
	if (now == LS_V2 && per->route != RT_HOME_SHORT &&
	    per->route != RT_TRANSFER && rng_chance(s, 0.3)) {
		t += (int32_t)demo__lognormal(s, 150, 0.5) + 14;
		ls_push(st, t, LS_C1);
		now = LS_C1;
	}
	if (now == LS_C1) {
		t += (int32_t)demo__lognormal(s, 120, 0.45) + 30;
		ls_push(st, t, LS_C2);
	}
	st->consent = now == LS_V2;
	if (per->route == RT_ADOPT && !st->consent &&
	    st->milestone != DAY_INF) {
		int32_t e = rng_chance(s, 0.3) ? st->milestone :
			st->milestone - rng_range(s, 1, 120);

		/* an emergency status (L1/L2) keeps its end (rule 361) */
		while (st->nls > (per->emergency ? 1 : 0) &&
		       st->lsq_day[st->nls - 1] >= e)
			st->nls--;
		if (e > start + 1)
			ls_push(st, e, LS_E1);
	}
	return (uint8_t)first;
}

/* ---- the events ---------------------------------------------------------- */

static int32_t next_day(const struct dm_state *st)
{
	int32_t d = st->end;

	if (st->next_pl < d)
		d = st->next_pl;
	if (st->ils < st->nls && st->lsq_day[st->ils] < d)
		d = st->lsq_day[st->ils];
	return d;
}

static int32_t milestone_plan(uint64_t *s, const struct dm_period *per)
{
	int32_t len = per->end - per->start, m;

	switch (per->route) {
	case RT_ADOPT:
		if (len < 120)
			return per->start + len / 2;
		m = per->end - (int32_t)demo__lognormal(s, 240, 0.3);
		if (m < per->start + 60)
			m = per->start + 60;
		return m > per->end - 30 ? per->end - 30 : m;
	case RT_HOME_LONG:
		if (len < 60)
			return DAY_INF;
		m = per->end - (int32_t)demo__lognormal(s, 500, 0.6);
		if (m < per->start + 30)
			m = per->start + 30;
		return m > per->end - 14 ? per->end - 14 : m;
	case RT_SGO:
		return len < 90 ? DAY_INF : per->start + (int32_t)(len * 0.4);
	default:
		return DAY_INF;
	}
}

/*
 * Young people who stay to 18 often move on at 16 or 17 to semi-
 * independent living (H5) or their own flat (P2): a third of them here.
 */
static int32_t indep_plan(uint64_t *s, const struct dm_child *c,
			  const struct dm_period *per)
{
	int32_t lo = c->dob + (int32_t)(16 * 365.25);
	int32_t hi = c->dob + (int32_t)(17.6 * 365.25);

	if (!per->aged_out)
		return DAY_INF;
	if (lo < per->start + 30)
		lo = per->start + 30;
	if (hi > per->end - 30 || lo >= hi || !rng_chance(s, 0.35))
		return DAY_INF;
	return rng_range(s, lo, hi);
}

static void period_begin(struct dm_sim *sm, uint32_t ci, int32_t day)
{
	struct dm_state *st = &sm->st[ci];
	const struct dm_child *c = &sm->g->children[ci];
	const struct dm_period *per = &c->per[st->iper];
	struct move mv;

	st->in_care = true;
	st->in_temp = false;
	st->end = per->end;
	st->milestone = milestone_plan(&st->rng, per);
	st->indep_at = indep_plan(&st->rng, c, per);
	memset(&st->cur, 0, sizeof(st->cur));
	st->cur.child = ci;
	st->cur.decom = day;
	st->cur.dec = DATE_NONE;
	st->cur.rne = RNE_S;
	st->cur.home = -1;
	st->cur.ls = ls_plan(sm, ci, day);
	mv = place_into(sm, ci, day, first_move(sm, ci, day));
	schedule(sm, ci, day, &mv);
}

static uint8_t rec_pick(uint64_t *s, const double *w)
{
	return (uint8_t)demo__pick(s, w, REC_N);
}

/* How the period ends (REC of its last episode). */
static uint8_t exit_rec(struct dm_sim *sm, uint32_t ci)
{
	struct dm_state *st = &sm->st[ci];
	const struct dm_child *c = &sm->g->children[ci];
	const struct dm_period *per = &c->per[st->iper];
	int place = st->cur.place;
	uint64_t *s = &st->rng;
	double w[REC_N] = { 0 };

	if (st->cur.ls == LS_J1 || st->cur.ls == LS_J2) {
		w[REC_E14] = 85, w[REC_E9] = 5, w[REC_E13] = 10;
	} else if (per->aged_out) {
		if (pl_foster(place)) {
			w[REC_E17] = 55, w[REC_E5] = 20, w[REC_E6] = 5;
			w[REC_E8] = 15, w[REC_E13] = 5;
		} else if (place == PL_K1 || place == PL_K2 ||
			   place == PL_S1 || place == PL_R1) {
			w[REC_E5] = 45, w[REC_E6] = 15, w[REC_E8] = 20;
			w[REC_E7] = 5, w[REC_E13] = 10, w[REC_E17] = 5;
		} else if (place == PL_H5 || place == PL_P2) {
			w[REC_E5] = 55, w[REC_E6] = 25, w[REC_E8] = 10;
			w[REC_E17] = 10;
		} else if (place == PL_P1) {
			w[REC_E13] = 60, w[REC_E4A] = 30, w[REC_E8] = 10;
		} else {
			w[REC_E8] = 50, w[REC_E5] = 30, w[REC_E13] = 20;
		}
	} else if (per->route == RT_ADOPT && pl_adoption(place)) {
		w[REC_E11] = 25, w[REC_E12] = 75;
	} else if (per->route == RT_SGO) {
		if (pl_kin(place))
			return rng_chance(s, 0.75) ? REC_E45 : REC_E47;
		if (pl_foster(place))
			return REC_E46;
		w[REC_E47] = 50, w[REC_E48] = 50;
	} else if (per->route == RT_TRANSFER) {
		return REC_E3;
	} else if (per->route == RT_HOME_LONG && place == PL_P1) {
		w[REC_E41] = 40, w[REC_E4A] = 45, w[REC_E13] = 15;
	} else {
		w[REC_E4A] = 40, w[REC_E13] = 35, w[REC_E4B] = 12;
		w[REC_E8] = 6, w[REC_E41] = 3, w[REC_E16] = 1;
		w[REC_E9] = age_on(c, st->end) >= 14 ? 1 : 0;
	}
	return rec_pick(s, w);
}

static uint8_t rne_of(bool pl, bool ls, bool same)
{
	if (!pl)
		return RNE_L;
	if (ls)
		return same ? RNE_U : RNE_B;
	return same ? RNE_T : RNE_P;
}

/* Something happens to child ci on day; returns its next day. */
static int32_t on_event(struct dm_sim *sm, uint32_t ci, int32_t day)
{
	struct dm_gen *g = sm->g;
	struct dm_state *st = &sm->st[ci];
	const struct dm_child *c = &g->children[ci];
	struct dm_ep prev = st->cur;
	bool ls, pl;
	struct move mv = { 0, false, true, false };

	if (!st->in_care) {
		period_begin(sm, ci, day);
		return next_day(st);
	}
	if (day == st->end) {
		st->cur.dec = day;
		st->cur.rec = exit_rec(sm, ci);
		ep_push(sm, &st->cur);
		home_leave(g, &st->cur);
		st->in_care = false;
		st->iper++;
		return st->iper < c->nper ? c->per[st->iper].start : DAY_INF;
	}
	ls = st->ils < st->nls && st->lsq_day[st->ils] == day;
	pl = st->next_pl == day;
	/*
	 * No change of legal status in a temporary placement (rules 380,
	 * 383: the T episode starts with P or B, the return is a P to the
	 * placement of before): it waits to the day after the return.
	 */
	if (ls && st->in_temp) {
		st->lsq_day[st->ils] = st->next_pl + 1;
		for (uint32_t k = st->ils + 1; k < st->nls; k++)
			if (st->lsq_day[k] <= st->lsq_day[k - 1])
				st->lsq_day[k] = st->lsq_day[k - 1] + 1;
		if (!pl)
			return next_day(st);
		ls = false;
	}
	prev.dec = day;
	prev.rec = REC_X1;
	prev.reason = RS_NONE;
	st->cur.decom = day;
	st->cur.rec = REC_NONE;
	st->cur.reason = RS_NONE;
	st->cur.temp_return = false;
	if (ls)
		st->cur.ls = st->lsq_ls[st->ils++];
	/* placed with parents: on an order, not under s20 (rule 378) */
	if (ls && st->cur.ls == LS_V2 && st->cur.place == PL_P1 && !pl)
		st->cur.ls = LS_C1;
	/* a "change" to the status it has is none (rule 434) */
	if (ls && st->cur.ls == prev.ls) {
		ls = false;
		if (!pl) {
			st->cur = prev;
			st->cur.dec = DATE_NONE;
			st->cur.rec = REC_NONE;
			return next_day(st);
		}
	}
	if (!pl) {
		ep_push(sm, &prev);
		st->cur.rne = RNE_L;
		return next_day(st);
	}
	home_leave(g, &prev);
	if (st->in_temp) {
		/* back to the carers of before the temporary placement */
		uint8_t ls_now = st->cur.ls;

		st->in_temp = false;
		st->cur = st->saved;
		st->cur.decom = day;
		st->cur.ls = ls_now;
		st->cur.temp_return = true;
		/* leaving a temporary placement needs no reason (rule 226) */
		ep_push(sm, &prev);
		st->cur.rne = rne_of(true, ls, false);
		st->until = st->saved_until > day ? st->saved_until :
			    day + rng_range(&st->rng, 7, 60);
		st->next_pl = st->until;
		if (milestone_due(st, c) && st->milestone < st->next_pl)
			st->next_pl = st->milestone;
		if (st->next_pl <= day)
			st->next_pl = day + rng_range(&st->rng, 1, 14);
		return next_day(st);
	}
	if (day == st->temp_at) {
		static const double tw[PL_N] = {
			[PL_T1] = 10, [PL_T2] = 10, [PL_T3] = 55, [PL_T4] = 25,
		};

		st->saved = st->cur;
		st->saved_until = st->until;
		st->in_temp = true;
		mv.place = (uint8_t)demo__pick(&st->rng, tw, PL_N);
		place_into(sm, ci, day, mv);
		st->cur.rne = rne_of(true, ls, false);
		ep_push(sm, &prev);	/* into one: no reason either (226) */
		/* a T4 lasts a week at most (rule 379) */
		st->until = day + rng_range(&st->rng, 3,
					    st->cur.place == PL_T4 ? 7 : 14);
		st->next_pl = st->until;
		st->temp_at = DAY_INF;
		return next_day(st);
	}
	mv = place_into(sm, ci, day, next_move(sm, ci, day));
	if (st->cur.home >= 0 && st->cur.home == prev.home) {
		/*
		 * The only home found is the one it is in: no move (a new
		 * episode with nothing changed is rule 435's error), at
		 * most a change of legal status.
		 */
		st->cur.carer = prev.carer;
		if (ls) {
			ep_push(sm, &prev);
			st->cur.rne = RNE_L;
		} else {
			st->cur = prev;
			st->cur.dec = DATE_NONE;
			st->cur.rec = REC_NONE;
		}
		schedule(sm, ci, day, &mv);
		return next_day(st);
	}
	st->cur.rne = rne_of(true, ls, mv.same_carer);
	/*
	 * The DfE's convention (rules 225, 226): the reason for a change
	 * of placement is on the episode that ends (REC X1), not on the
	 * one the change starts.
	 */
	prev.reason = st->closing && !pl_temporary(mv.place) ? RS_CLOSE :
		      reason_draw(&st->rng, &mv);
	if (pl_temporary(prev.place))
		prev.reason = RS_NONE;
	ep_push(sm, &prev);
	schedule(sm, ci, day, &mv);
	return next_day(st);
}

/* ---- missing ------------------------------------------------------------- */

static double place_factor(int place)
{
	switch (place) {
	case PL_K2:
		return 1.0;
	case PL_H5:
		return 0.8;
	case PL_P2:
		return 0.6;
	case PL_S1:
	case PL_R1:
		return 0.4;
	case PL_Z1:
		return 0.3;
	case PL_P1:
		return 0.1;
	case PL_K1:
		return 0.05;
	default:
		return pl_foster(place) ? 0.2 : 0.03;
	}
}

static double age_factor(double age)
{
	return age < 8 ? 0 : age < 10 ? 0.05 : age < 12 ? 0.25 :
	       age < 14 ? 0.7 : 1.0;
}

static int32_t miss_length(uint64_t *s)
{
	static const double w[6] = { 40, 35, 10, 9, 5, 1 };

	switch (demo__pick(s, w, 6)) {
	case 0:
		return 0;
	case 1:
		return 1;
	case 2:
		return 2;
	case 3:
		return rng_range(s, 3, 6);
	case 4:
		return rng_range(s, 7, 29);
	default:
		return rng_range(s, 30, 90);
	}
}

static bool ep_listed(const struct dm_gen *g, const struct dm_ep *e)
{
	return e->home >= 0 && g->homes[e->home].listed;
}

/* Still in the home of the register where the last return placed it. */
static bool ep_live(const struct dm_gen *g, const struct dm_ep *e)
{
	return ep_listed(g, e) && e->decom <= g->we &&
	       (e->dec == DATE_NONE || e->dec > g->we);
}

/*
 * After the last 31 March only the children still in the placement the
 * last return shows open have live records (demo-live.c), and fewer of
 * them are left each month as children move on.  So that the live
 * missing episodes keep the volume a police force sees from every child
 * in the homes of its area, they stand in for the others: on each day
 * their rates are multiplied by (children in listed homes, times
 * LIVE_OTHERS for the children the scale does not generate, such as
 * those placed in Wales by English councils: demo-homes.c) / (those
 * still in the placement of the return), at most LIVE_BOOST_MAX.
 * boost[d] is for day we + 1 + d; NULL when no day follows the last
 * 31 March.
 */
#define LIVE_OTHERS 1.5
#define LIVE_BOOST_MAX 6.0

static double *live_boost(const struct dm_gen *g)
{
	int32_t n = g->sim_end - g->we;
	long *all, *live;
	double *boost;

	if (n <= 0)
		return NULL;
	all = xcalloc((size_t)n + 1, sizeof(*all));
	live = xcalloc((size_t)n + 1, sizeof(*live));
	boost = xcalloc((size_t)n, sizeof(*boost));
	for (size_t i = 0; i < g->neps; i++) {
		const struct dm_ep *e = &g->eps[i];
		int32_t a = e->decom > g->we ? e->decom : g->we + 1;
		int32_t z = e->dec == DATE_NONE || e->dec > g->sim_end ?
				    g->sim_end : e->dec - 1;

		if (!ep_listed(g, e) || a > z)
			continue;
		all[a - g->we - 1]++;
		all[z - g->we]--;
		if (ep_live(g, e)) {
			live[a - g->we - 1]++;
			live[z - g->we]--;
		}
	}
	for (int32_t d = 0; d < n; d++) {
		if (d) {
			all[d] += all[d - 1];
			live[d] += live[d - 1];
		}
		boost[d] = live[d] ? LIVE_OTHERS * (double)all[d] /
					     (double)live[d] : 1;
		if (boost[d] > LIVE_BOOST_MAX)
			boost[d] = LIVE_BOOST_MAX;
	}
	free(all);
	free(live);
	return boost;
}

static void missing_make(struct dm_gen *g)
{
	double scale = g->wales ? MISS_SCALE_WALES : MISS_SCALE_ENGLAND;
	double *boost = live_boost(g);

	for (size_t ci = 0; ci < g->nchildren; ci++) {
		struct dm_child *c = &g->children[ci];
		uint64_t s = rng_derive(c->seed, 0x6d697373);	/* "miss" */
		int32_t free_from = g->ws;

		c->ms_first = (uint32_t)g->nmiss;
		for (uint32_t k = 0; c->miss_rate > 0 && k < c->ep_n; k++) {
			const struct dm_ep *e = &g->eps[c->ep_first + k];
			int32_t end = e->dec == DATE_NONE ? g->sim_end + 1 :
							     e->dec;
			int32_t t = e->decom > free_from ? e->decom : free_from;
			double pf = place_factor(e->place);
			bool live = boost && ep_live(g, e);

			while (t < end) {
				double r = c->miss_rate * scale * pf *
					   age_factor(age_on(c, t)) / 365.0 *
					   pow(MISS_TREND, year_of_day(t) -
						g->last_year);
				struct dm_miss *m;
				double gap;

				if (live && t > g->we)
					r *= boost[t - g->we - 1];
				if (r <= 0)
					break;
				gap = -log(1.0 - rng_unit(&s)) / r;
				/* past 31 March the rate changes: a Poisson
				 * process may start afresh from there */
				if (live && t <= g->we && end > g->we + 1 &&
				    t + gap >= g->we + 1) {
					t = g->we + 1;
					continue;
				}
				if (gap >= end - t)
					break;
				t += (int32_t)gap;
				ALLOC_GROW(g->miss, g->nmiss + 1, g->amiss);
				m = &g->miss[g->nmiss++];
				m->child = (uint32_t)ci;
				m->start = t;
				m->end = t + miss_length(&s);
				if (e->dec != DATE_NONE && m->end > e->dec)
					m->end = e->dec;
				m->away = rng_chance(&s, 0.2);
				/* the next one starts when this one ends */
				t = free_from = m->end > t ? m->end : t + 1;
			}
		}
		c->ms_n = (uint32_t)(g->nmiss - c->ms_first);
	}
	free(boost);
}

/* ---- driver -------------------------------------------------------------- */

/* Group the episodes by child, keeping each child's in date order. */
static void eps_by_child(struct dm_gen *g)
{
	struct dm_ep *sorted = xcalloc(g->neps ? g->neps : 1, sizeof(*sorted));
	size_t pos = 0;

	for (size_t i = 0; i < g->nchildren; i++)
		g->children[i].ep_n = 0;
	for (size_t i = 0; i < g->neps; i++)
		g->children[g->eps[i].child].ep_n++;
	for (size_t i = 0; i < g->nchildren; i++) {
		g->children[i].ep_first = (uint32_t)pos;
		pos += g->children[i].ep_n;
		g->children[i].ep_n = 0;
	}
	for (size_t i = 0; i < g->neps; i++) {
		struct dm_child *c = &g->children[g->eps[i].child];

		sorted[c->ep_first + c->ep_n++] = g->eps[i];
	}
	free(g->eps);
	g->eps = sorted;
	g->aeps = g->neps;
}

int demo__simulate(struct dm_gen *g, struct err *err)
{
	struct dm_sim sm = { 0 };

	(void)err;
	sm.g = g;
	sm.cut = year_start(2026);
	sm.origin = g->ws - 20 * 366;
	sm.st = xcalloc(g->nchildren ? g->nchildren : 1, sizeof(*sm.st));
	sm.heap = xcalloc(g->nchildren ? g->nchildren : 1, sizeof(*sm.heap));
	for (size_t i = 0; i < g->nchildren; i++) {
		sm.st[i].rng = g->children[i].seed;
		heap_push(&sm, g->children[i].per[0].start, (uint32_t)i);
	}
	while (sm.nheap) {
		uint64_t key = heap_pop(&sm);
		uint32_t ci = (uint32_t)key;
		int32_t day = (int32_t)(key >> 32) + sm.origin, next;

		if (day > g->sim_end)
			break;
		next = on_event(&sm, ci, day);
		if (next != DAY_INF)
			heap_push(&sm, next, ci);
	}
	/* still looked after on the as-of day: the episode stays open */
	for (size_t i = 0; i < g->nchildren; i++)
		if (sm.st[i].in_care)
			ep_push(&sm, &sm.st[i].cur);
	free(sm.st);
	free(sm.heap);
	eps_by_child(g);
	missing_make(g);
	return 0;
}
