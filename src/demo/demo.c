/*
 * demo.c: `cartref demo-data`, a synthetic but realistic data set.
 *
 * The model, in the order it runs (details at the top of each file):
 *
 *  1. demo-geo.c: the councils of the scale and their postcodes.
 *  2. demo-homes.c: the register of children's homes (Wales: the CIW
 *     review's 178 homes with 774 places, 81/14/5% private/council/
 *     voluntary, domain.md §1.2, §1.4).
 *  3. demo-plan.c: children entering care from 18 years before the first
 *     reporting year, each period of care with a route out (home,
 *     adoption, special guardianship, to 18 ...), thinned so that about
 *     6,400 (Wales, §1.2) or 85,000 (England, §7) are looked after at the
 *     last 31 March.
 *  4. demo-sim.c: every child's whole history once, up to the day before
 *     the reference date (as-of), as episodes (the placement and legal
 *     status changes), competing for home places day by day; then missing
 *     periods, concentrated among teenagers in children's homes and
 *     rising by about 18% a year (§1.2, §5.4).
 *  5. here: each council's return for each reporting year is cut from that
 *     one history, so that the years agree with each other: a child's
 *     episodes overlapping the year with their true DECOM, DEC and REC
 *     blank where the episode was still open on 31 March, missing periods
 *     likewise, and OC2 outcomes for children looked after for the 12
 *     months to 31 March.  Every return must pass s903_check() before it
 *     is written; a problem is a bug in the generator and fails the run.
 *  6. demo-live.c: the months after the last 31 March, not yet returned,
 *     as the live records of missing episodes and strategy meetings.
 *  7. demo-quality.c: the quality of care: three years of inspections of
 *     every home with their findings (notices where children go missing
 *     most), the homes' reg 60 notifications (one for every live missing
 *     episode), and the national review's recommendations with the
 *     addressees' progress.
 *
 * The reporting years are the last three complete ones before as-of
 * (demo_years()).  Same seed, same scale, same as-of: byte-identical
 * files.  All randomness is splitmix64 streams derived from the seed
 * (demo-internal.h), all dates are day numbers, and nothing reads the
 * clock: the caller passes as-of.
 */
#include "base/compat.h"
#include <math.h>
#include "base/buf.h"
#include "base/file.h"
#include "base/xalloc.h"
#include "demo/demo-internal.h"
#include "ingest/s903-io.h"

const char *const demo__place[PL_N] = {
	"A3", "A4", "A5", "A6", "H5", "K1", "K2", "P1", "P2", "R1", "R2", "R3",
	"R5", "S1", "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5",
	"U6", "Z1",
};
const char *const demo__prov[PV_N] = {
	"", "PR0", "PR1", "PR2", "PR3", "PR4", "PR5",
};
const char *const demo__ls[LS_N] = {
	"C1", "C2", "E1", "V2", "L1", "L2", "J1", "J2",
};
const char *const demo__rne[RNE_N] = { "S", "L", "P", "T", "B", "U" };
const char *const demo__rec[REC_N] = {
	"", "X1", "E11", "E12", "E13", "E14", "E16", "E17", "E3", "E41",
	"E45", "E46", "E47", "E48", "E4A", "E4B", "E5", "E6", "E7", "E8", "E9",
};
const char *const demo__reason[RS_N] = {
	"", "CARPL", "CLOSE", "ALLEG", "STAND", "CREQB", "CREQO", "CHILD",
	"LAREQ", "OTHER",
};

/* ---- random numbers (the streams are in demo-internal.h) --------------- */

double demo__lognormal(uint64_t *s, double median, double sigma)
{
	/* Box-Muller; u1 in (0, 1] so that log() is finite */
	double u1 = 1.0 - rng_unit(s), u2 = rng_unit(s);
	double z = sqrt(-2.0 * log(u1)) * cos(2.0 * M_PI * u2);

	return median * exp(sigma * z);
}

size_t demo__pick(uint64_t *s, const double *w, size_t n)
{
	double total = 0, x;

	for (size_t i = 0; i < n; i++)
		total += w[i];
	x = rng_unit(s) * total;
	for (size_t i = 0; i < n; i++) {
		if (x < w[i])
			return i;
		x -= w[i];
	}
	/* rounding: the last item with a weight */
	for (size_t i = n; i-- > 0;)
		if (w[i] > 0)
			return i;
	return 0;
}

/* ---- years ------------------------------------------------------------- */

void demo_years(int32_t as_of, int *first, int *last)
{
	/* the reporting year as_of is in has not ended: the one before */
	*last = year_of_day(as_of) - 1;
	*first = *last - (DEMO_YEARS - 1);
}

/* ---- codes --------------------------------------------------------------- */

static void codes_check_one(const struct code_list *l,
			    const char *const *codes, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (codes[i][0] && code_find(l, codes[i]) < 0)
			BUG("demo code %s is not in the %s list", codes[i],
			    l->name);
}

void demo__codes_check(void)
{
	codes_check_one(&codes_place, demo__place, PL_N);
	codes_check_one(&codes_place_provider, demo__prov, PV_N);
	codes_check_one(&codes_ls, demo__ls, LS_N);
	codes_check_one(&codes_rne, demo__rne, RNE_N);
	codes_check_one(&codes_rec, demo__rec, REC_N);
	codes_check_one(&codes_reason_place_change, demo__reason, RS_N);
}

/* ---- the register -------------------------------------------------------- */

static int cmp_home_urn(const void *a, const void *b)
{
	return strcmp(((const struct home *)a)->urn,
		      ((const struct home *)b)->urn);
}

static int register_write(struct dm_gen *g, const char *outdir,
			  struct demo_summary *sum, struct err *err)
{
	struct home *v = xcalloc(g->nhomes ? g->nhomes : 1, sizeof(*v));
	struct buf path = BUF_INIT(4096);
	size_t n = 0;
	int rc;

	for (size_t i = 0; i < g->nhomes; i++) {
		const struct home *h = &g->homes[i].h;

		if (!g->homes[i].listed)
			continue;
		v[n++] = *h;
		if (home_open_on(h, g->we)) {
			sum->homes++;
			sum->places += h->places;
		}
	}
	qsort(v, n, sizeof(*v), cmp_home_urn);
	buf_addf(&path, "%s/homes.csv", outdir);
	rc = buf_error(&path) ?
		err_set(err, ERR_TOO_LARGE, "output path too long") :
		homes_write_file(path.buf, v, n, err);
	buf_release(&path);
	free(v);
	return rc;
}

/* ---- cutting one return -------------------------------------------------- */

static void child_id(const struct dm_child *c, char out[S903_CHILD_MAX + 1])
{
	snprintf(out, S903_CHILD_MAX + 1, "C%06u", c->id);
}

/*
 * A unique pupil number shaped like the real ones: a check letter, the
 * council's number, a school's number, the year allocated and a serial.
 */
static void upn_text(const struct dm_gen *g, const struct dm_child *c,
		     int year, char out[S903_UPN_MAX + 1])
{
	static const char letters[] = "ABCDEFGHJKLMNPQRTUVWXYZ";
	uint64_t s = rng_derive(c->seed, 0x75706e);	/* "upn" */
	int32_t ye = year_end(year);
	int age = date_age_years(c->dob, ye), by, bm, bd;
	bool newly = false;
	char t[32];

	/*
	 * UN4 (not yet obtained) only in the year the child first comes
	 * into care, never after a UPN (rule 208), and not for a child
	 * with an episode starting in the year's last week (rule 210).
	 */
	if (c->nper && c->per[0].start >= year_start(year) &&
	    c->per[0].start <= ye)
		newly = true;
	for (uint32_t k = 0; newly && k < c->ep_n; k++) {
		int32_t d = g->eps[c->ep_first + k].decom;

		if (d >= ye - 7 && d <= ye)
			newly = false;
	}
	if (age < 4) {
		snprintf(out, S903_UPN_MAX + 1, "UN1");
		return;
	}
	if (c->upn_kind && (c->upn_kind != 4 || newly)) {
		snprintf(out, S903_UPN_MAX + 1, "UN%d", c->upn_kind);
		return;
	}
	date_to_ymd(c->dob, &by, &bm, &bd);
	snprintf(t, sizeof(t), "%c%03u%04u%02d%03u",
		 letters[rng_below(&s, sizeof(letters) - 1)],
		 (g->wales ? 660u : 201u) + c->area % 700,
		 1000 + rng_below(&s, 9000), (by + 5) % 100,
		 rng_below(&s, 1000));
	str_copy(out, S903_UPN_MAX + 1, t);
}

static void header_add(struct dm_gen *g, struct s903_return *r,
		       const struct dm_child *c, int year)
{
	struct s903_header *h = s903_add_header(r);
	int32_t ye = year_end(year);
	bool mum = c->mc_dob != DATE_NONE && c->mc_dob <= ye;

	child_id(c, h->child);
	/* the DfE's codes changed from 1/2 to M/F in 2024-25 (rule 101) */
	if (year >= 2025)
		h->sex[0] = c->sex == 1 ? 'M' : 'F';
	else
		h->sex[0] = c->sex == 1 ? '1' : '2';
	h->dob = c->dob;
	str_copy(h->ethnic, sizeof(h->ethnic),
		 codes_ethnic.codes[c->ethnic].code);
	upn_text(g, c, year, h->upn);
	/* every girl looked after has MOTHER 0 or 1 (DfE rules 393, 607) */
	if (c->sex == 2) {
		h->mother = mum;
		h->mc_dob = mum ? c->mc_dob : DATE_NONE;
	}
	h->line = (uint32_t)r->nheader + 1;
}

/*
 * PLACE as the year's list has it (rule 146): semi-independent living
 * (H5) is registered supported accommodation (K3) from 2024-25, and
 * "other" (Z1) one of Z11-Z14 from 2025-26, the same one for the same
 * carer.  The simulation starts no P2 after March 2024 and ends every
 * P2 and Z1 before April 2025 (demo-sim.c), which rule 503D needs.
 */
static void place_code(const struct dm_ep *e, int year, char out[4])
{
	const char *p = demo__place[e->place];

	if (year >= 2025 && e->place == PL_H5)
		p = "K3";
	if (year >= 2026 && e->place == PL_Z1) {
		snprintf(out, 4, "Z1%u", 1 + e->carer % 4);
		return;
	}
	str_copy(out, 4, p);
}

static void episode_add(struct dm_gen *g, struct s903_return *r,
			const struct dm_child *c, const struct dm_ep *e,
			int32_t ye)
{
	struct s903_episode *x = s903_add_episode(r);
	bool shown = e->dec != DATE_NONE && e->dec <= ye;

	child_id(c, x->child);
	x->decom = e->decom;
	str_copy(x->rne, sizeof(x->rne), demo__rne[e->rne]);
	str_copy(x->ls, sizeof(x->ls), demo__ls[e->ls]);
	x->cin[0] = 'N';
	x->cin[1] = (char)('0' + c->cin);
	place_code(e, year_of_day(ye), x->place);
	str_copy(x->place_provider, sizeof(x->place_provider),
		 demo__prov[e->prov]);
	x->dec = shown ? e->dec : DATE_NONE;
	str_copy(x->rec, sizeof(x->rec), shown ? demo__rec[e->rec] : "");
	/* on the episode that ended: not yet in a return that shows it open */
	str_copy(x->reason_place_change, sizeof(x->reason_place_change),
		 shown ? demo__reason[e->reason] : "");
	/* no home postcode, so no distance, for a UASC child (rule 406) */
	if (!c->uasc)
		demo__pc_text(g, c->home_pc, x->home_post);
	demo__pc_text(g, e->pl_post, x->pl_post);
	if (e->home >= 0 && (e->place == PL_K1 || e->place == PL_K2))
		str_copy(x->urn, sizeof(x->urn), g->homes[e->home].h.urn);
	x->line = (uint32_t)r->nepisodes + 1;
}

static void missing_add(struct s903_return *r, const struct dm_child *c,
			const struct dm_miss *m, int32_t ye)
{
	struct s903_missing *x = s903_add_missing(r);

	child_id(c, x->child);
	x->dob = c->dob;
	x->missing[0] = m->away ? 'A' : 'M';
	x->mis_start = m->start;
	x->mis_end = m->end > ye ? DATE_NONE : m->end;
	x->line = (uint32_t)r->nmissing + 1;
}

/*
 * Looked after for the 12 months to 31 March, as rules 190 and 191 read
 * the year's episodes: no period starting after 1 April, none ending
 * (other than X1) before 31 March.
 */
static bool oc2_due(const struct dm_gen *g, const struct dm_child *c,
		    int year)
{
	int32_t ys = year_start(year), ye = year_end(year);
	bool any = false;

	for (uint32_t k = 0; k < c->ep_n; k++) {
		const struct dm_ep *e = &g->eps[c->ep_first + k];

		if (e->decom > ye)
			break;
		if (e->dec != DATE_NONE && e->dec < ys)
			continue;
		any = true;
		if (e->rne == RNE_S && e->decom > ys)
			return false;
		if (e->dec != DATE_NONE && e->dec < ye && e->rec != REC_X1)
			return false;
	}
	return any;
}

static void oc2_add(struct s903_return *r, const struct dm_child *c,
		    int year)
{
	static const double why[5] = { 0, 3, 3, 4, 2 };	/* SDQ1..SDQ5 */
	struct s903_oc2 *x = s903_add_oc2(r);
	uint64_t s = rng_derive(c->seed, 0x6f6332000000ULL + (uint64_t)year);
	int age = date_age_years(c->dob, year_end(year));

	child_id(c, x->child);
	x->dob = c->dob;
	/* no SDQ at all before 4 (rule 188); SDQ1 is for 17 and over */
	if (age >= 4 && age <= 16 && rng_chance(&s, 0.88)) {
		x->sdq_score = rng_range(&s, 0, 10) + rng_range(&s, 0, 10) +
			       rng_range(&s, 0, 10);
		if (rng_chance(&s, 0.2))
			x->sdq_score += rng_range(&s, 0, 10);
	} else if (age >= 4) {
		size_t k = age <= 16 ? demo__pick(&s, why, 5) : 0;

		snprintf(x->sdq_reason, sizeof(x->sdq_reason), "SDQ%zu",
			 k + 1);
	}
	x->convicted = age >= 10 ? rng_chance(&s, age >= 14 ? 0.08 : 0.03) :
				   -1;
	/* the developmental check is for the under-fives only (rule 546) */
	x->health_check = rng_chance(&s, 0.9);
	if (age >= 5)
		x->health_check = -1;
	x->immunisations = rng_chance(&s, 0.86);
	x->teeth_check = rng_chance(&s, 0.84);
	x->health_assessment = rng_chance(&s, 0.9);
	x->substance_misuse = age >= 10 && rng_chance(&s, 0.06);
	/* OFFERED is asked only when RECEIVED is 0 (rule 158) */
	if (x->substance_misuse) {
		x->intervention_offered = rng_chance(&s, 0.9);
		x->intervention_received = x->intervention_offered &&
					   rng_chance(&s, 0.6);
		if (x->intervention_received)
			x->intervention_offered = -1;
	}
	x->line = (uint32_t)r->noc2 + 1;
}

static void return_cut(struct dm_gen *g, const struct dm_area *a, int year,
		       struct s903_return *r)
{
	int32_t ys = year_start(year), ye = year_end(year);

	str_copy(r->la, sizeof(r->la), a->code);
	r->year = year;
	for (size_t i = 0; i < a->nkids; i++) {
		const struct dm_child *c = &g->children[a->kids[i]];
		bool any = false;

		for (uint32_t k = 0; k < c->ep_n; k++) {
			const struct dm_ep *e = &g->eps[c->ep_first + k];

			if (e->decom > ye)
				break;
			if (e->dec != DATE_NONE && e->dec < ys)
				continue;
			if (!any)
				header_add(g, r, c, year);
			any = true;
			episode_add(g, r, c, e, ye);
		}
		/*
		 * A care leaver with no episode in the year would be in
		 * Header and OC3 only (the DfE's rules INT06, 1012), which
		 * s903_check() refuses (child-no-episode): only those who
		 * left care during the year are written.
		 */
		if (!any)
			continue;
		if (demo__oc3_due(g, c, year))
			demo__oc3_add(r, c, year);
		for (uint32_t k = 0; k < c->ms_n; k++) {
			const struct dm_miss *m = &g->miss[c->ms_first + k];

			if (m->start > ye)
				break;
			if (m->end >= ys)
				missing_add(r, c, m, ye);
		}
		if (oc2_due(g, c, year))
			oc2_add(r, c, year);
		demo__reviews_add(g, r, c, year);
		demo__sw_add(g, r, c, year);
		demo__uasc_add(r, c, r->header[r->nheader - 1].sex);
		demo__prev_perm_add(g, r, c, year);
		demo__adoption_add(g, r, c, year);
	}
}

/* ---- checking and writing ------------------------------------------------ */

struct first_problem {
	size_t n;
	char text[300];
};

static void on_problem(const struct s903_problem *p, void *ctx)
{
	struct first_problem *fp = ctx;

	if (!fp->n++)
		snprintf(fp->text, sizeof(fp->text), "%s row %u %s: %s: %s",
			 s903_tables[p->table].name, p->line,
			 p->column ? p->column : "", p->rule, p->msg);
}

static int returns_write(struct dm_gen *g, const char *outdir,
			 struct demo_summary *sum, struct err *err)
{
	struct buf path = BUF_INIT(4096);
	int rc = 0;

	for (size_t a = 0; !rc && a < g->ncouncils; a++) {
		const struct dm_area *area = &g->areas[a];

		if (!area->nkids)
			continue;
		sum->councils++;
		for (int y = g->first_year; !rc && y <= g->last_year; y++) {
			struct s903_return r = S903_RETURN_INIT;
			struct first_problem fp = { 0, "" };

			return_cut(g, area, y, &r);
			if (s903_check(&r, on_problem, &fp)) {
				rc = err_set(err, ERR_INVALID,
					     "demo data for %s %d fails its own "
					     "check (%zu problems), first: %s",
					     area->code, y, fp.n, fp.text);
			} else {
				buf_reset(&path);
				buf_addf(&path, "%s/903/%s/%d", outdir,
					 area->code, y);
				rc = buf_error(&path) ?
					err_set(err, ERR_TOO_LARGE,
						"output path too long") :
					s903_write_dir(path.buf, &r, err);
			}
			sum->children += (long)r.nheader;
			sum->episodes += (long)r.nepisodes;
			sum->missing += (long)r.nmissing;
			sum->oc2 += (long)r.noc2;
			s903_return_release(&r);
		}
	}
	buf_release(&path);
	return rc;
}

/*
 * Rule 625 reads a girl's first child as born by the latest DEC of the
 * year's episodes, a change of placement (X1) included: a baby born
 * after the last change of the year is moved to before it.
 */
static void mothers_fix(struct dm_gen *g)
{
	for (size_t i = 0; i < g->nchildren; i++) {
		struct dm_child *c = &g->children[i];
		int year, ys, ye;
		int32_t last = DATE_NONE;
		uint64_t s;

		if (c->mc_dob == DATE_NONE)
			continue;
		year = year_of_day(c->mc_dob);
		ys = year_start(year), ye = year_end(year);
		for (uint32_t k = 0; k < c->ep_n; k++) {
			int32_t d = g->eps[c->ep_first + k].dec;

			if (d != DATE_NONE && d >= ys && d <= ye &&
			    (last == DATE_NONE || d > last))
				last = d;
		}
		if (last == DATE_NONE || c->mc_dob <= last)
			continue;
		s = rng_derive(c->seed, 0x6d756d);	/* "mum" */
		c->mc_dob = rng_range(&s, last - 60 > ys ? last - 60 : ys,
				      last);
	}
}

static void gen_release(struct dm_gen *g)
{
	for (size_t i = 0; i < g->nareas; i++)
		free(g->areas[i].homes);
	free(g->areas);
	free(g->pcs);
	free(g->dists);
	free(g->homes);
	free(g->children);
	free(g->eps);
	free(g->miss);
	free(g->kid_index);
	free(g->live);
	memset(g, 0, sizeof(*g));
}

int demo_generate(struct store *geo, const struct demo_opts *o,
		  const char *outdir, struct demo_summary *sum,
		  struct err *err)
{
	struct dm_gen g = { 0 };
	int rc;

	memset(sum, 0, sizeof(*sum));
	if (o->as_of < date_from_ymd(2005, 4, 1) ||
	    o->as_of > date_from_ymd(2099, 12, 31)) {
		char d[DATE_STR_MAX];

		date_fmt_iso(o->as_of, d);
		return err_set(err, ERR_USAGE, "demo data: reference date %s "
			       "is not between 2005-04-01 and 2099-12-31", d);
	}
	if (o->scale != DEMO_WALES && o->scale != DEMO_ENGLAND)
		return err_set(err, ERR_USAGE, "demo data: unknown scale");
	demo__codes_check();
	g.o = o;
	g.geo = geo;
	g.wales = o->scale == DEMO_WALES;
	g.seed = rng_derive(o->seed, g.wales ? 0x77616c6573 : 0x656e67);
	demo_years(o->as_of, &g.first_year, &g.last_year);
	sum->first_year = g.first_year;
	sum->last_year = g.last_year;
	g.ws = year_start(g.first_year);
	g.we = year_end(g.last_year);
	g.sim_end = o->as_of - 1;
	rc = demo__geo_load(&g, err);
	if (!rc)
		rc = demo__homes_make(&g, err);
	if (!rc)
		rc = demo__plan(&g, err);
	if (!rc)
		rc = demo__simulate(&g, err);
	if (rc)
		goto out;
	for (size_t i = 0; i < g.nchildren; i++) {
		const struct dm_child *c = &g.children[i];

		for (uint32_t k = 0; k < c->ep_n; k++) {
			const struct dm_ep *e = &g.eps[c->ep_first + k];

			if (e->decom <= g.we &&
			    (e->dec == DATE_NONE || e->dec > g.we)) {
				sum->cla_31mar_last++;
				break;
			}
		}
	}
	mothers_fix(&g);
	rc = file_make_dirs(outdir, err);
	if (!rc)
		rc = register_write(&g, outdir, sum, err);
	if (!rc)
		rc = returns_write(&g, outdir, sum, err);
	if (!rc)
		rc = demo__live_write(&g, outdir, sum, err);
	if (!rc)
		rc = demo__quality_write(&g, outdir, sum, err);
out:
	gen_release(&g);
	return rc;
}
