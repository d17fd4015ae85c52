/*
 * demo-internal.h: what the files of the demo data generator share.
 *
 * The generator runs in stages, one file each, over one struct dm_gen:
 *
 *	demo-geo.c	councils, postcodes and postcode districts
 *	demo-homes.c	the register of children's homes
 *	demo-plan.c	who comes into care, when, and for how long
 *	demo-sim.c	each period of care as episodes, then missing periods
 *	demo.c		cutting the yearly returns, checking, writing
 *
 * Nothing here is API; demo.h is.  Shared functions carry a demo__ prefix
 * (libuv's uv__ convention for "internal but not file-local").
 */
#ifndef CARTREF_DEMO_INTERNAL_H
#define CARTREF_DEMO_INTERNAL_H

#include "base/compat.h"
#include "base/err.h"
#include "base/file.h"
#include "base/parse.h"
#include "demo/demo.h"
#include "domain/geo.h"
#include "domain/home.h"
#include "domain/ssda903.h"
#include "store/store-core.h"

/* ---- random numbers ------------------------------------------------------ */

/*
 * splitmix64 (Steele, Lea and Flood 2014): one 64-bit word of state, fast,
 * and good enough for simulation.  Every child has its own stream seeded
 * from the run's seed, so what happens to one child does not depend on how
 * many numbers another child drew.
 */
static inline uint64_t rng_next(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A new stream's state from a parent value and a label. */
static inline uint64_t rng_derive(uint64_t a, uint64_t b)
{
	uint64_t s = a ^ (b * 0xd1342543de82ef95ULL);

	return rng_next(&s);
}

/* Uniform in [0, 1). */
static inline double rng_unit(uint64_t *s)
{
	return (double)(rng_next(s) >> 11) * 0x1.0p-53;
}

/* Uniform in [0, n), n > 0. */
static inline uint32_t rng_below(uint64_t *s, uint32_t n)
{
	return (uint32_t)(rng_unit(s) * n);
}

/* Uniform in [lo, hi]. */
static inline int32_t rng_range(uint64_t *s, int32_t lo, int32_t hi)
{
	return hi <= lo ? lo : lo + (int32_t)rng_below(s, (uint32_t)(hi - lo + 1));
}

static inline bool rng_chance(uint64_t *s, double p)
{
	return rng_unit(s) < p;
}

double demo__lognormal(uint64_t *s, double median, double sigma);
/* Index drawn with probability w[i] / sum(w); w holds n >= 1 weights. */
size_t demo__pick(uint64_t *s, const double *w, size_t n);

/* ---- code vocabularies --------------------------------------------------- */

/*
 * The SSDA903 codes the generator writes, as small enums; demo__codes_check()
 * proves at start-up that each string is in the matching list of codes.c,
 * so every generated field parses back.
 */
enum dm_place {
	PL_A3, PL_A4, PL_A5, PL_A6, PL_H5, PL_K1, PL_K2, PL_P1, PL_P2, PL_R1,
	PL_R2, PL_R3, PL_R5, PL_S1, PL_T0, PL_T1, PL_T2, PL_T3, PL_T4, PL_U1,
	PL_U2, PL_U3, PL_U4, PL_U5, PL_U6, PL_Z1, PL_N
};
enum dm_prov { PV_NONE, PV_PR0, PV_PR1, PV_PR2, PV_PR3, PV_PR4, PV_PR5, PV_N };
enum dm_ls { LS_C1, LS_C2, LS_E1, LS_V2, LS_L1, LS_L2, LS_J1, LS_J2, LS_N };
enum dm_rne { RNE_S, RNE_L, RNE_P, RNE_T, RNE_B, RNE_U, RNE_N };
enum dm_rec {
	REC_NONE, REC_X1, REC_E11, REC_E12, REC_E13, REC_E14, REC_E16,
	REC_E17, REC_E3, REC_E41, REC_E45, REC_E46, REC_E47, REC_E48, REC_E4A,
	REC_E4B, REC_E5, REC_E6, REC_E7, REC_E8, REC_E9, REC_N
};
enum dm_reason {
	RS_NONE, RS_CARPL, RS_CLOSE, RS_ALLEG, RS_STAND, RS_CREQB, RS_CREQO,
	RS_CHILD, RS_LAREQ, RS_OTHER, RS_N
};

extern const char *const demo__place[PL_N];
extern const char *const demo__prov[PV_N];
extern const char *const demo__ls[LS_N];
extern const char *const demo__rne[RNE_N];
extern const char *const demo__rec[REC_N];
extern const char *const demo__reason[RS_N];
void demo__codes_check(void);

static inline bool pl_foster(int p)
{
	return p >= PL_U1 && p <= PL_U6;
}

static inline bool pl_kin(int p)
{
	return p >= PL_U1 && p <= PL_U3;
}

static inline bool pl_adoption(int p)
{
	return p >= PL_A3 && p <= PL_A6;
}

static inline bool pl_temporary(int p)
{
	return p >= PL_T0 && p <= PL_T4;
}

/* ---- the generator's state ----------------------------------------------- */

#define DAY_INF INT32_MAX
#define DM_NEAR 12		/* neighbouring councils kept per council */
#define DM_NONE UINT16_MAX

/*
 * A postcode as a 32-bit handle: either an index into dm_gen.pcs (a real
 * full postcode from the store) or, with PC_SYNTH set, a postcode district
 * (index into dm_gen.dists) and one of 4,000 inward codes, spelt out only
 * when written.  England has district centroids but no full postcodes.
 */
#define PC_SYNTH 0x80000000u

struct dm_pcode {
	char pc[POSTCODE_MAX + 1];
	struct grid_ref g;
};

struct dm_dist {
	char out[POSTCODE_MAX + 1];
	struct grid_ref g;
};

/* A council in scope, or an area just over the border ("outside"). */
struct dm_area {
	char code[LA_CODE_MAX + 1];
	char name[LA_NAME_MAX + 1];
	bool council;		/* children are generated for it */
	uint32_t pc_first, pc_n;	/* real postcodes: pcs[first..+n) */
	uint32_t ds_first, ds_n;	/* districts: dists[first..+n) */
	struct grid_ref centre;
	double weight;		/* relative number of children looked after */
	uint16_t near[DM_NEAR];	/* other councils, nearest first */
	uint16_t nnear;
	uint16_t outside;	/* nearest outside area, or DM_NONE */
	uint32_t *homes;	/* indices into dm_gen.homes */
	size_t nhomes, ahomes;
	uint32_t *kids;		/* indices into dm_gen.children */
	size_t nkids;
};

struct dm_home {
	struct home h;
	bool listed;		/* written to the register */
	bool secure;		/* a secure children's home (K1) */
	bool unlimited;		/* out of scope: capacity not tracked */
	uint16_t area;
	uint32_t pc;		/* h.postcode as a handle */
	struct grid_ref g;
	int cap;		/* places for generated children */
	int occ;		/* generated children living there now */
};

enum dm_route {
	RT_HOME_SHORT,	/* a short stay, then home */
	RT_HOME_LONG,	/* care order, placed back with parents, discharged */
	RT_ADOPT,	/* placement order, then adoption */
	RT_SGO,		/* special guardianship, usually with kin */
	RT_LONG,	/* looked after until 18 */
	RT_TRANSFER,	/* care taken over by another council */
	RT_N
};

struct dm_period {
	int32_t start, end;	/* first DECOM, last DEC */
	uint8_t route;
	bool aged_out;		/* ends on the 18th birthday rule */
	bool remand;		/* J1/J2 */
	bool emergency;		/* begins under L1/L2 */
};

struct dm_child {
	uint64_t seed;		/* the child's own random stream */
	int32_t dob;
	int32_t mc_dob;		/* her child's DOB, DATE_NONE */
	uint32_t home_pc;
	uint32_t id;		/* CHILD is "C" and this, 6 digits */
	uint16_t area;
	uint8_t sex;		/* 1 male, 2 female */
	uint8_t ethnic;		/* index into codes_ethnic */
	uint8_t upn_kind;	/* 0: a UPN from school age, else UN2..UN5 */
	uint8_t cin;		/* 1..8: N1..N8 */
	bool uasc;
	uint8_t nper;
	struct dm_period per[2];
	float miss_rate;	/* missing incidents a year at 14+ in a home */
	float instab;		/* scales how long placements last */
	uint32_t ep_first, ep_n;	/* into dm_gen.eps, after sorting */
	uint32_t ms_first, ms_n;	/* into dm_gen.miss */
};

struct dm_ep {
	uint32_t child;
	int32_t decom, dec;	/* dec DATE_NONE: open on the as-of day */
	uint32_t pl_post;
	int32_t home;		/* -1 or index into homes (K1/K2) */
	uint32_t carer;		/* same carer, same number */
	uint8_t rne, ls, place, prov, rec, reason;
	bool temp_return;	/* back from a temporary placement */
};

struct dm_miss {
	uint32_t child;
	int32_t start, end;	/* end may pass the last 31 March (open in
				 * that return) or the last day simulated
				 * (still missing on the as-of day) */
	bool away;		/* A, else M */
};

/* A live missing episode as demo-live.c wrote it: demo-quality.c files
 * its reg 60 notification. */
struct dm_live {
	uint32_t child;		/* index into dm_gen.children */
	int32_t home;		/* index into dm_gen.homes */
	int64_t started;	/* STARTED_AT, an instant */
	bool missing;		/* M, else A */
};

struct dm_gen {
	const struct demo_opts *o;
	struct store *geo;
	bool wales;
	uint64_t seed;
	int first_year, last_year;	/* the reporting years written */
	int32_t ws, we;		/* 1 April of the first year, 31 March of the last */
	int32_t sim_end;	/* the last day simulated: the day before as-of */

	struct dm_area *areas;	/* councils first, then outside areas */
	size_t nareas, aareas, ncouncils;
	struct dm_pcode *pcs;
	size_t npcs, apcs;
	struct dm_dist *dists;
	size_t ndists, adists;

	struct dm_home *homes;
	size_t nhomes, ahomes;

	struct dm_child *children;
	size_t nchildren, achildren;
	struct dm_ep *eps;
	size_t neps, aeps;
	struct dm_miss *miss;
	size_t nmiss, amiss;
	uint32_t *kid_index;	/* backing store of every area's kids */
	struct dm_live *live;	/* demo-live.c's episodes, in its order */
	size_t nlive, alive;
};

/* demo-geo.c */
int demo__geo_load(struct dm_gen *g, struct err *err);
void demo__pc_text(const struct dm_gen *g, uint32_t pc,
		   char out[POSTCODE_MAX + 1]);
void demo__pc_grid(const struct dm_gen *g, uint32_t pc, struct grid_ref *out);
/* A postcode in area; of `tries` random ones, the nearest to `to`. */
uint32_t demo__pc_in(const struct dm_gen *g, uint64_t *s, size_t area,
		     const struct grid_ref *to, int tries);
/* The area a postcode is in (SIZE_MAX: none, which cannot happen). */
size_t demo__pc_area(const struct dm_gen *g, uint32_t pc);
double demo__miles(const struct grid_ref *a, const struct grid_ref *b);

/* demo-homes.c */
int demo__homes_make(struct dm_gen *g, struct err *err);

/* demo-plan.c */
int demo__plan(struct dm_gen *g, struct err *err);

/* demo-sim.c */
int demo__simulate(struct dm_gen *g, struct err *err);

/* demo-plan.c: the day of the `years`-th birthday of someone born on dob
 * (29 February: 1 March) */
int32_t demo__birthday(int32_t dob, int years);

/* demo-tables.c: the later tables of child c in the return r for year */
void demo__reviews_add(struct dm_gen *g, struct s903_return *r,
		       const struct dm_child *c, int year);
void demo__sw_add(struct dm_gen *g, struct s903_return *r,
		  const struct dm_child *c, int year);
void demo__uasc_add(struct s903_return *r, const struct dm_child *c,
		    const char *sex);
void demo__adoption_add(struct dm_gen *g, struct s903_return *r,
			const struct dm_child *c, int year);
bool demo__oc3_due(const struct dm_gen *g, const struct dm_child *c,
		   int year);
void demo__oc3_add(struct s903_return *r, const struct dm_child *c, int year);
void demo__prev_perm_add(struct dm_gen *g, struct s903_return *r,
			 const struct dm_child *c, int year);

/* demo-live.c: OUTDIR/missing-live.csv and strategy-meetings.csv */
int demo__live_write(struct dm_gen *g, const char *outdir,
		     struct demo_summary *sum, struct err *err);
/* The episode of child c open on day (NULL: none). */
const struct dm_ep *demo__ep_on(const struct dm_gen *g,
				const struct dm_child *c, int32_t day);
/* The instant of UK wall-clock minute (0-1439) of day; in the hour the
 * clocks skip, an hour later. */
int64_t demo__uk_at(int32_t day, int minute);
int demo__open_out(struct file_out *f, const char *outdir,
		   const char *name, struct err *err);

/* demo-quality.c: OUTDIR/inspections.csv, findings.csv,
 * notifications.csv, recommendations.csv and rec-progress.csv (after
 * demo__live_write(), whose episodes it notifies) */
int demo__quality_write(struct dm_gen *g, const char *outdir,
			struct demo_summary *sum, struct err *err);

#endif
