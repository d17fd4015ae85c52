/*
 * demo-tables.c: the later SSDA903 tables of a generated return, each cut
 * from the one history like the episodes (demo.c): Reviews, SWEpisodes,
 * UASC and PrevPerm.
 *
 * Each child's draws come from streams derived from the child's seed and
 * a label per table (and never the year), so that the years of a return
 * agree: the same reviews, the same social workers, the same previous
 * permanence in every year that shows them.
 */
#include "base/compat.h"
#include "base/xalloc.h"
#include "demo/demo-internal.h"

static void child_id(const struct dm_child *c, char out[S903_CHILD_MAX + 1])
{
	snprintf(out, S903_CHILD_MAX + 1, "C%06u", c->id);
}

/* The last day of a period of care, or DAY_INF while still in care. */
static int32_t period_last(const struct dm_gen *g, const struct dm_period *p)
{
	return p->end > g->sim_end ? DAY_INF : p->end;
}

/* Saturday and Sunday move to the Monday: reviews are on working days. */
static int32_t working_day(int32_t d)
{
	int dow = (int)(((d - date_from_ymd(2024, 1, 1)) % 7 + 7) % 7);

	return dow == 5 ? d + 2 : dow == 6 ? d + 1 : d;
}

/* ---- Reviews ------------------------------------------------------------ */

/*
 * The statutory timetable of looked-after reviews: the first within 20
 * working days of coming into care (28 days), the second within three
 * months of it, then every six months; most are held a little before
 * they are due, a few late.  PN0 before the fourth birthday (rules 440,
 * 441), else how the child took part.
 */
void demo__reviews_add(struct dm_gen *g, struct s903_return *r,
		       const struct dm_child *c, int year)
{
	static const double pn[8] = { 0, 46, 12, 6, 6, 11, 9, 10 };
	int32_t ys = year_start(year), ye = year_end(year);

	for (int k = 0; k < c->nper; k++) {
		const struct dm_period *p = &c->per[k];
		int32_t last = period_last(g, p), due, d;
		uint64_t s = rng_derive(c->seed, 0x726576000ULL + (uint64_t)k);

		if (p->start > ye || last < ys)
			continue;
		for (int n = 0;; n++) {
			due = n == 0 ? p->start + 28 :
			      n == 1 ? due + 91 : due + 182;
			if (due > ye || due >= last)
				break;
			d = due - rng_range(&s, 0, 12);
			if (rng_chance(&s, 0.06))
				d = due + rng_range(&s, 1, 30);
			d = working_day(d);
			if (d <= p->start || d >= last || d > ye)
				break;
			if (d < ys)
				continue;
			{
				struct s903_review *x = s903_add_row(r, S903_REVIEWS);

				child_id(c, x->child);
				x->dob = c->dob;
				x->review = d;
				if (d < date_add_years(c->dob, 4))
					str_copy(x->review_code,
						 sizeof(x->review_code), "PN0");
				else
					snprintf(x->review_code,
						 sizeof(x->review_code), "PN%zu",
						 demo__pick(&s, pn, 8));
				x->line = (uint32_t)r->nreviews + 1;
			}
			due = d > due ? due : d;
		}
	}
}

/* ---- SWEpisodes ----------------------------------------------------------- */

/*
 * The child's social workers from the first day in care, one after the
 * other with no gap (SW08, SW10), the latest never closed (SW17), a new
 * one at each return to care (FCONTA, SW12).  A return from 2024-25
 * shows the two years to 31 March (SW07), 2023-24 the one.
 */
void demo__sw_add(struct dm_gen *g, struct s903_return *r,
		  const struct dm_child *c, int year)
{
	static const char *const why[] = {
		"LEFTRL", "ORGRST", "MANAGE", "ABSENC", "CHCHAN", "PCCHAN",
		"TSPROC", "OTHERS",
	};
	static const double why_w[] = { 34, 14, 14, 7, 10, 10, 4, 7 };
	int32_t ys = year_start(year), ye = year_end(year);
	int32_t from = year >= 2025 ? date_add_years(ys, -1) : ys;
	uint64_t s = rng_derive(c->seed, 0x7377ULL);	/* "sw" */
	uint32_t pool = (uint32_t)(g->areas[c->area].nkids / 14) + 3;
	int32_t start, next;
	const char *reason = "FCONTA";
	int k = 1;

	if (year < 2024 || !c->nper)
		return;
	start = c->per[0].start;
	while (start <= ye) {
		uint32_t worker = rng_below(&s, pool);
		const char *now = reason;

		next = start + 14 + (int32_t)demo__lognormal(&s, 300, 0.6);
		/* a new period of care: a new worker from its first day */
		if (k < c->nper && c->per[k].start <= next &&
		    c->per[k].start > start) {
			next = c->per[k++].start;
			reason = "FCONTA";
		} else {
			reason = why[demo__pick(&s, why_w, ARRAY_SIZE(why))];
		}
		if (next >= from) {
			struct s903_sw_episode *x =
				s903_add_row(r, S903_SW_EPISODES);

			child_id(c, x->child);
			x->dob = c->dob;
			snprintf(x->sw_id, sizeof(x->sw_id), "SW%02u%05u",
				 (unsigned)c->area, worker);
			x->sw_decom = start;
			x->sw_dec = next <= ye ? next : DATE_NONE;
			str_copy(x->sw_reason, sizeof(x->sw_reason), now);
			x->line = (uint32_t)r->nsw + 1;
		}
		start = next;
	}
}

/* ---- UASC ----------------------------------------------------------------- */

/*
 * An unaccompanied asylum-seeking child has a row in every return that
 * shows them, the date the status ceases being the 18th birthday (rules
 * 205B, 304); the sex as in Header (INT21).
 */
void demo__uasc_add(struct s903_return *r, const struct dm_child *c,
		    const char *sex)
{
	struct s903_uasc *x;

	if (!c->uasc)
		return;
	x = s903_add_row(r, S903_UASC);
	child_id(c, x->child);
	str_copy(x->sex, sizeof(x->sex), sex);
	x->dob = c->dob;
	x->duc = demo__birthday(c->dob, 18);
	x->line = (uint32_t)r->nuasc + 1;
}

/* ---- PrevPerm ------------------------------------------------------------- */

/*
 * A child starting care in the year (rule 630): whether an adoption,
 * special guardianship or child arrangements order ended before (about
 * one in twelve), when (before the first day in care, rule 632, the day
 * sometimes unknown, ZZ) and where (WAL: a Welsh council, rule 633).
 */
void demo__prev_perm_add(struct dm_gen *g, struct s903_return *r,
			 const struct dm_child *c, int year)
{
	static const double w[4] = { 92, 2, 4, 2 };	/* Z1 P1 P2 P3 */
	int32_t ys = year_start(year), ye = year_end(year);
	uint64_t s = rng_derive(c->seed, 0x7070ULL);	/* "pp" */
	struct s903_prev_perm *x;
	bool starts = false;
	size_t k;

	for (uint32_t i = 0; i < c->ep_n; i++) {
		const struct dm_ep *e = &g->eps[c->ep_first + i];

		if (e->rne == RNE_S && e->decom >= ys && e->decom <= ye)
			starts = true;
	}
	if (!starts)
		return;
	k = demo__pick(&s, w, 4);
	if (c->per[0].start - c->dob < 800)
		k = 0;
	x = s903_add_row(r, S903_PREV_PERM);
	child_id(c, x->child);
	x->dob = c->dob;
	if (k == 0) {
		str_copy(x->prev_perm, sizeof(x->prev_perm), "Z1");
	} else {
		int32_t d = rng_range(&s, c->dob + 365, c->per[0].start - 90);
		int y, m, dd;

		x->prev_perm[0] = 'P';
		x->prev_perm[1] = (char)('0' + k);
		str_copy(x->la_perm, sizeof(x->la_perm),
			 g->wales ? "WAL" : "999");
		date_to_ymd(d, &y, &m, &dd);
		if (rng_chance(&s, 0.2))
			snprintf(x->date_perm, sizeof(x->date_perm),
				 "ZZ/%02d/%04d", m, y);
		else
			snprintf(x->date_perm, sizeof(x->date_perm),
				 "%02d/%02d/%04d", dd, m, y);
	}
	x->line = (uint32_t)r->nprev_perm + 1;
}

/* ---- PlacedAdoption and AD1 --------------------------------------------- */

/* A period of care's decision that the child should be placed for adoption. */
struct adoption {
	int32_t decided;	/* DATE_PLACED, AD1's DATE_INT */
	int32_t placed;		/* first DECOM in A3-A6 (DAY_INF: none) */
	int32_t ceased;		/* DATE_PLACED_CEASED, DATE_NONE */
	const char *why;	/* REASON_PLACED_CEASED */
	const struct dm_ep *adopted;	/* the episode ending E11/E12 */
};

/*
 * Whether period k of c has a placement order (E1) or an adoption
 * placement, and so a decision to place for adoption: made before both
 * (rules 552, 554), not before the period began (1003, 334); ceased on
 * the day the child left care other than by adoption (557, 558).
 */
static bool adoption_of(const struct dm_gen *g, const struct dm_child *c,
			int k, struct adoption *ad)
{
	const struct dm_period *p = &c->per[k];
	int32_t e1 = DAY_INF, first;
	const struct dm_ep *last = NULL;
	uint64_t s = rng_derive(c->seed, 0x616400ULL + (uint64_t)k);

	memset(ad, 0, sizeof(*ad));
	ad->placed = DAY_INF;
	ad->ceased = DATE_NONE;
	for (uint32_t i = 0; i < c->ep_n; i++) {
		const struct dm_ep *e = &g->eps[c->ep_first + i];

		if (e->decom < p->start || e->decom > p->end)
			continue;
		if (e->ls == LS_E1 && e->decom < e1)
			e1 = e->decom;
		if (pl_adoption(e->place) && e->decom < ad->placed)
			ad->placed = e->decom;
		if (e->rec == REC_E11 || e->rec == REC_E12)
			ad->adopted = e;
		last = e;
	}
	if (e1 == DAY_INF && ad->placed == DAY_INF)
		return false;
	first = e1 < ad->placed ? e1 : ad->placed;
	ad->decided = first - rng_range(&s, 0, 90);
	if (ad->decided < p->start)
		ad->decided = p->start;
	if (!ad->adopted && last && last->dec != DATE_NONE &&
	    last->rec != REC_X1) {
		ad->ceased = last->dec;
		switch (last->rec) {
		case REC_E4A:
		case REC_E4B:
		case REC_E13:
			ad->why = "RD1";
			break;
		case REC_E45:
		case REC_E46:
		case REC_E47:
		case REC_E48:
		case REC_E41:
			ad->why = "RD2";
			break;
		default:
			ad->why = "RD4";
			break;
		}
	}
	return true;
}

/* The adopters: one in eight single, the rest couples of each kind. */
static void adopters(uint64_t *s, struct s903_ad1 *x)
{
	static const struct {
		const char *nb, *sex, *ls;
		double w;
	} k[] = {
		{ "1", "F1", "L0", 10 }, { "1", "M1", "L0", 2 },
		{ "2", "MF", "L11", 55 }, { "2", "MM", "L12", 3 },
		{ "2", "FF", "L12", 4 }, { "2", "MF", "L3", 15 },
		{ "2", "MM", "L4", 2 }, { "2", "FF", "L4", 2 },
		{ "2", "FF", "L2", 4 }, { "2", "MM", "L2", 3 },
	};
	double w[ARRAY_SIZE(k)];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(k); i++)
		w[i] = k[i].w;
	i = demo__pick(s, w, ARRAY_SIZE(k));
	str_copy(x->nb_adoptr, sizeof(x->nb_adoptr), k[i].nb);
	str_copy(x->sex_adoptr, sizeof(x->sex_adoptr), k[i].sex);
	str_copy(x->ls_adoptr, sizeof(x->ls_adoptr), k[i].ls);
}

/*
 * PlacedAdoption: each decision in every return from the year it was
 * made until the year it ceased (559, 583); AD1: the year the child is
 * adopted, DATE_INT the decision (523), matched before the adoption
 * placement (331, 333), FOSTER_CARE as the placement (335).
 */
void demo__adoption_add(struct dm_gen *g, struct s903_return *r,
			const struct dm_child *c, int year)
{
	int32_t ys = year_start(year), ye = year_end(year);

	for (int k = 0; k < c->nper; k++) {
		struct adoption ad;
		struct s903_placed_adoption *x;
		const struct dm_ep *e;

		if (!adoption_of(g, c, k, &ad) || ad.decided > ye ||
		    (ad.ceased != DATE_NONE && ad.ceased < ys))
			continue;
		x = s903_add_row(r, S903_PLACED_ADOPTION);
		child_id(c, x->child);
		x->dob = c->dob;
		x->date_placed = ad.decided;
		if (ad.ceased != DATE_NONE && ad.ceased <= ye) {
			x->date_placed_ceased = ad.ceased;
			str_copy(x->reason_placed_ceased,
				 sizeof(x->reason_placed_ceased), ad.why);
		}
		x->line = (uint32_t)r->nplaced + 1;
		e = ad.adopted;
		if (e && e->dec >= ys && e->dec <= ye) {
			struct s903_ad1 *a = s903_add_row(r, S903_AD1);
			uint64_t s = rng_derive(c->seed, 0x616431ULL);
			int32_t bound = ad.placed < e->decom ? ad.placed :
							       e->decom;

			child_id(c, a->child);
			a->dob = c->dob;
			a->date_int = ad.decided;
			a->date_match = bound - rng_range(&s, 7, 60);
			if (a->date_match < ad.decided)
				a->date_match = ad.decided;
			a->foster_care[0] = e->place == PL_A3 ||
					    e->place == PL_A5 ? '1' : '0';
			adopters(&s, a);
			a->line = (uint32_t)r->nad1 + 1;
		}
	}
}

/* ---- OC3 ------------------------------------------------------------------ */

static long days_after(int32_t from, int32_t to, int32_t start)
{
	if (start > from)
		from = start;
	return to > from ? (long)to - from : 0;
}

/*
 * Whether c is in the year's care leaver cohort: a young person whose
 * 17th, 18th or 19th birthday falls in the year, who left care before
 * it (1007, 1016), not by adoption nor to another council (1001, 1011),
 * having been looked after at least 13 weeks since 14 and some time
 * since 16 (the relevant and former relevant children, 1001).  The
 * DfE's checks see only this year's and last year's episodes (1001,
 * 1002), so the time in care is counted in those alone, and the 20th
 * and 21st birthdays, whose care is mostly older than that, are left out
 * rather than reported as not care leavers.  A UASC young person is
 * left out too when no longer looked after in the year (1014).
 */
bool demo__oc3_due(const struct dm_gen *g, const struct dm_child *c,
		   int year)
{
	int32_t ys = year_start(year), ye = year_end(year);
	int32_t from = year_start(year - 1), b = DATE_NONE;
	/* birthdays as the rules count them (29 February: 28th) */
	int32_t b14 = date_add_years(c->dob, 14), b16 = date_add_years(c->dob, 16);
	const struct dm_ep *last = NULL;
	long t14 = 0, t16 = 0;

	for (int k = 17; k <= 19; k++) {
		int32_t d = date_add_years(c->dob, k);

		if (d >= ys && d <= ye)
			b = d;
	}
	if (b == DATE_NONE || c->uasc)
		return false;
	for (uint32_t i = 0; i < c->ep_n; i++) {
		const struct dm_ep *e = &g->eps[c->ep_first + i];
		int32_t dec = e->dec == DATE_NONE || e->dec > ye ? ye : e->dec;

		if (e->decom > ye)
			break;
		/* looked after on or after the birthday: not yet a leaver */
		if (e->decom >= b || dec >= b)
			return false;
		if (e->dec != DATE_NONE && e->dec < from)
			continue;
		t14 += days_after(e->decom, dec, b14);
		t16 += days_after(e->decom, dec, b16);
		last = e;
	}
	return last && last->rec != REC_E11 && last->rec != REC_E12 &&
	       last->rec != REC_E3 && t14 >= 91 && t16 >= 1;
}

/*
 * What the council knows of a care leaver around the birthday: mostly
 * in touch (some back home, some not), in education, training or work
 * or not, and where they live and whether it suits them; no foyer before
 * 18 (347), not with former foster carers at 17 (3001).
 */
void demo__oc3_add(struct s903_return *r, const struct dm_child *c, int year)
{
	static const char *const touch[] = { "YES", "NO", "REFU", "NREQ", "RHOM" };
	static const double touch_w[] = { 86, 6, 3, 2, 3 };
	static const char *const activ[] = {
		"F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6",
	};
	static const double activ_w[] = { 5, 1, 22, 4, 12, 6, 4, 3, 8, 27, 8 };
	static const char accom[] = "BCDEKRUVWYZT";
	static const double accom_w[] = { 14, 3, 20, 7, 4, 3, 28, 2, 1, 6, 10, 2 };
	uint64_t s = rng_derive(c->seed, 0x6f6333000000ULL + (uint64_t)year);
	struct s903_oc3 *x = s903_add_row(r, S903_OC3);
	int age = date_age_years(c->dob, year_end(year));
	const char *t = touch[demo__pick(&s, touch_w, ARRAY_SIZE(touch))];
	double w[ARRAY_SIZE(accom_w)];
	size_t k;

	child_id(c, x->child);
	x->dob = c->dob;
	str_copy(x->in_touch, sizeof(x->in_touch), t);
	x->line = (uint32_t)r->noc3 + 1;
	if (strcmp(t, "YES")) {
		str_copy(x->activ, sizeof(x->activ), "0");
		str_copy(x->accom, sizeof(x->accom), "0");
		return;
	}
	str_copy(x->activ, sizeof(x->activ),
		 activ[demo__pick(&s, activ_w, ARRAY_SIZE(activ))]);
	memcpy(w, accom_w, sizeof(w));
	if (age <= 17)
		w[10] = 0;	/* Z: former foster carers (3001) */
	if (date_age_years(c->dob, year_start(year)) < 18)
		w[11] = 0;	/* T: a foyer (347) */
	k = demo__pick(&s, w, ARRAY_SIZE(w));
	x->accom[0] = accom[k];
	x->accom[1] = rng_chance(&s, 0.88) ? '1' : '2';
}
