/*
 * rules-placements.c: DfE SSDA903 rules about Episodes, second part
 * (rules 373 onwards that look at Episodes and Header): placements,
 * legal statuses, reasons, postcodes and URNs.  See validate.h for how a
 * rule is written and registered.
 */
#include "base/compat.h"
#include "base/xalloc.h"
#include "validate/validate.h"

#define TEMPORARY "T0 T1 T2 T3 T4"

/* The child's date of birth from Header, DATE_NONE when unknown. */
static int32_t dob_of(const struct v_child *c)
{
	return c->h ? c->h->dob : DATE_NONE;
}

static void flag_headers(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nh; i++)
		v_flag(run, S903_HEADER, &c->h[i]);
}

/*
 * 373, 374: a child placed in PLACE must be at least years old when the
 * episode starts.  The DfE's tool checks only episodes that have ended
 * (it drops rows without DEC), and so does this.
 */
static void too_young(struct v_run *run, const struct v_child *c,
		      const char *place, int years)
{
	int32_t dob = dob_of(c);

	if (dob == DATE_NONE)
		return;
	for (size_t i = 0; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i];

		if (strcmp(e->place, place) || e->decom == DATE_NONE ||
		    e->dec == DATE_NONE)
			continue;
		if (e->decom < date_add_years(dob, years))
			v_flag(run, S903_EPISODES, e);
	}
}

static void r373(struct v_run *run, const struct v_child *c)
{
	too_young(run, c, "S1", 4);
}

static void r374(struct v_run *run, const struct v_child *c)
{
	too_young(run, c, "P3", 14);
}

/*
 * 375, 376, 379: a temporary placement of type place lasts at most days
 * days (DEC no later than DECOM + days).  As in the DfE's tool, only for
 * a child with a date of birth in Header.
 */
static void too_long(struct v_run *run, const struct v_child *c,
		     const char *place, int days)
{
	if (dob_of(c) == DATE_NONE)
		return;
	for (size_t i = 0; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i];

		if (strcmp(e->place, place) || e->decom == DATE_NONE ||
		    e->dec == DATE_NONE)
			continue;
		if (e->dec > e->decom + days)
			v_flag(run, S903_EPISODES, e);
	}
}

static void r375(struct v_run *run, const struct v_child *c)
{
	too_long(run, c, "T1", 42);
}

static void r376(struct v_run *run, const struct v_child *c)
{
	too_long(run, c, "T3", 21);
}

static void r379(struct v_run *run, const struct v_child *c)
{
	too_long(run, c, "T4", 7);
}

/*
 * 377: at most two T3 placements (holiday of the usual foster carers) in
 * any 12 months.  A placement is in a period while it lasts, not only
 * when it starts: one that began before the year and ran into it counts
 * in the year, as the DfE's single-year return sees it (the peer counts
 * every T3 in the return).  Three T3 episodes share a 12-month period
 * when the last to start starts within a year of the first to end, an
 * open one ending with the year; each T3 of such a three is flagged.
 */
static int32_t t3_end(const struct v_run *run, const struct s903_episode *e)
{
	return e->dec != DATE_NONE ? e->dec : v_year_end(run);
}

static bool is_t3(const struct s903_episode *e)
{
	return !strcmp(e->place, "T3") && e->decom != DATE_NONE;
}

/*
 * Taking each T3 in turn as the first of a group to end, the group is
 * every T3 ending no sooner and starting within a year of that end: any
 * three of it share 12 months, so with three or more all are flagged.
 * Quadratic in the child's episodes, not cubic.
 */
static void r377(struct v_run *run, const struct v_child *c)
{
	bool *hit;

	if (c->nep < 3)
		return;
	hit = xcalloc(c->nep, sizeof(*hit));
	for (size_t i = 0; i < c->nep; i++) {
		int32_t end, limit;
		size_t n = 0;

		if (!is_t3(&c->ep[i]))
			continue;
		end = t3_end(run, &c->ep[i]);
		limit = date_add_years(end, 1);
		for (size_t j = 0; j < c->nep; j++)
			if (is_t3(&c->ep[j]) && t3_end(run, &c->ep[j]) >= end &&
			    c->ep[j].decom < limit)
				n++;
		if (n < 3)
			continue;
		for (size_t j = 0; j < c->nep; j++)
			if (is_t3(&c->ep[j]) && t3_end(run, &c->ep[j]) >= end &&
			    c->ep[j].decom < limit)
				hit[j] = true;
	}
	for (size_t i = 0; i < c->nep; i++)
		if (hit[i])
			v_flag(run, S903_EPISODES, &c->ep[i]);
	free(hit);
}

/* Flag each episode whose PLACE is in places and LS in statuses. */
static void place_and_ls(struct v_run *run, const struct v_child *c,
			 const char *places, const char *statuses)
{
	for (size_t i = 0; i < c->nep; i++)
		if (v_in_list(c->ep[i].place, places) &&
		    v_in_list(c->ep[i].ls, statuses))
			v_flag(run, S903_EPISODES, &c->ep[i]);
}

/* 378: placed with parents (P1) is not a single period of care (V2). */
static void r378(struct v_run *run, const struct v_child *c)
{
	place_and_ls(run, c, "P1", "V2");
}

/* 380: a period of care starts (RNE S, ...) never in a T placement. */
static void r380(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nep; i++)
		if (v_in_list(c->ep[i].place, TEMPORARY) &&
		    !v_in_list(c->ep[i].rne, "P B"))
			v_flag(run, S903_EPISODES, &c->ep[i]);
}

/* 381: a T placement ends only by moving on (REC X1) or not at all. */
static void r381(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nep; i++)
		if (v_in_list(c->ep[i].place, TEMPORARY) &&
		    !v_blank(c->ep[i].rec) && strcmp(c->ep[i].rec, "X1"))
			v_flag(run, S903_EPISODES, &c->ep[i]);
}

/* 382: respite care (V3, V4) is never a temporary placement. */
static void r382(struct v_run *run, const struct v_child *c)
{
	place_and_ls(run, c, TEMPORARY, "V3 V4");
}

/*
 * 383: the episode after a temporary placement returns to the placement
 * before it: RNE P, the same PLACE and (from 2026) the same PL_POST as
 * the episode before the temporary one.  Two blank postcodes are the
 * same (the DfE's tool counts them as different).
 */
static void return_after_temporary(struct v_run *run, const struct v_child *c,
				   bool post)
{
	for (size_t i = 2; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i];
		const struct s903_episode *before = &c->ep[i - 2];

		if (!v_in_list(c->ep[i - 1].place, TEMPORARY))
			continue;
		if (strcmp(e->rne, "P") || strcmp(e->place, before->place) ||
		    (post && strcmp(e->pl_post, before->pl_post)))
			v_flag(run, S903_EPISODES, e);
	}
}

static void r383(struct v_run *run, const struct v_child *c)
{
	return_after_temporary(run, c, false);
}

static void r383_2026(struct v_run *run, const struct v_child *c)
{
	return_after_temporary(run, c, true);
}

/* 384: respite care (V3, V4) is never long-term fostering (U1, U4). */
static void r384(struct v_run *run, const struct v_child *c)
{
	place_and_ls(run, c, "U1 U4", "V3 V4");
}

/* 385: no episode ends after the collection year. */
static void r385(struct v_run *run, const struct v_child *c)
{
	int32_t end = v_year_end(run);

	for (size_t i = 0; i < c->nep; i++)
		if (c->ep[i].dec != DATE_NONE && c->ep[i].dec > end)
			v_flag(run, S903_EPISODES, &c->ep[i]);
}

/* 386: adopted (E11, E12) only before the 18th birthday. */
static void r386(struct v_run *run, const struct v_child *c)
{
	int32_t dob = dob_of(c);

	if (dob == DATE_NONE)
		return;
	for (size_t i = 0; i < c->nep; i++)
		if (v_in_list(c->ep[i].rec, "E11 E12") &&
		    c->ep[i].dec != DATE_NONE &&
		    c->ep[i].dec >= date_add_years(dob, 18))
			v_flag(run, S903_EPISODES, &c->ep[i]);
}

/*
 * 388: REC X1 (the child stays looked after, a new episode begins) and
 * the next episode starting on DEC go together: X1 with a gap, another
 * reason with no gap, or X1 on the child's last episode are wrong.
 */
static void r388(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i];
		bool x1 = !strcmp(e->rec, "X1");

		if (e->dec == DATE_NONE)
			continue;
		if (i + 1 == c->nep) {
			if (x1)
				v_flag(run, S903_EPISODES, e);
			continue;
		}
		if (c->ep[i + 1].decom == DATE_NONE)
			continue;
		if (x1 ? e->dec != c->ep[i + 1].decom :
			 !v_blank(e->rec) && e->dec == c->ep[i + 1].decom)
			v_flag(run, S903_EPISODES, e);
	}
}

/*
 * 389: transferred to adult social care (E7) only at 16 or over.  An E7
 * episode without DEC (148's to report) ended by the year's end at the
 * latest: a child under 16 even then is flagged too.  (The peer flags
 * every E7 without DEC, over 16 or not: its DOB16 <= NaT is False.)
 */
static void r389(struct v_run *run, const struct v_child *c)
{
	int32_t dob = dob_of(c);

	if (dob == DATE_NONE)
		return;
	for (size_t i = 0; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i];
		int32_t dec = e->dec != DATE_NONE ? e->dec : v_year_end(run);

		if (!strcmp(e->rec, "E7") && dec < date_add_years(dob, 16))
			v_flag(run, S903_EPISODES, e);
	}
}

/* 390: adopted (E11, E12) only from an adoption placement (A3-A6). */
static void r390(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nep; i++)
		if (v_in_list(c->ep[i].rec, "E11 E12") &&
		    !v_in_list(c->ep[i].place, "A3 A4 A5 A6"))
			v_flag(run, S903_EPISODES, &c->ep[i]);
}

/*
 * 392d: the home and placement postcodes differ unless the child is
 * placed with parents (P1).  Both blank is not "the same".
 */
static void r392d(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i];

		if (strcmp(e->place, "P1") && !v_blank(e->home_post) &&
		    !strcmp(e->home_post, e->pl_post))
			v_flag(run, S903_EPISODES, e);
	}
}

/*
 * 393: a girl looked after (any episode other than respite, V3/V4) has
 * MOTHER completed.  Female is SEX 2 until 2024, F from 2025.
 */
static void mother_missing(struct v_run *run, const struct v_child *c,
			   const char *female)
{
	bool looked_after = false;

	for (size_t i = 0; i < c->nep; i++)
		if (!v_in_list(c->ep[i].ls, "V3 V4"))
			looked_after = true;
	if (!looked_after)
		return;
	for (size_t i = 0; i < c->nh; i++)
		if (!strcmp(c->h[i].sex, female) && c->h[i].mother < 0)
			v_flag(run, S903_HEADER, &c->h[i]);
}

static void r393(struct v_run *run, const struct v_child *c)
{
	mother_missing(run, c, "2");
}

static void r393_2025(struct v_run *run, const struct v_child *c)
{
	mother_missing(run, c, "F");
}

/* 398: respite care (V3, V4) records no postcodes. */
static void r398(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i];

		if (v_in_list(e->ls, "V3 V4") &&
		    (!v_blank(e->home_post) || !v_blank(e->pl_post)))
			v_flag(run, S903_EPISODES, e);
	}
}

/*
 * 407: a special guardianship order (E45-E48) ends care before the day
 * after the 18th birthday; both the episode and Header are flagged.
 */
static void r407(struct v_run *run, const struct v_child *c)
{
	int32_t dob = dob_of(c);
	bool any = false;

	if (dob == DATE_NONE)
		return;
	for (size_t i = 0; i < c->nep; i++)
		if (v_in_list(c->ep[i].rec, "E45 E46 E47 E48") &&
		    c->ep[i].dec != DATE_NONE &&
		    c->ep[i].dec > date_add_years(dob, 18)) {
			v_flag(run, S903_EPISODES, &c->ep[i]);
			any = true;
		}
	if (any)
		flag_headers(run, c);
}

/* 408: placed for adoption with a placement order (A5, A6) is LS E1. */
static void r408(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nep; i++)
		if (v_in_list(c->ep[i].place, "A5 A6") &&
		    strcmp(c->ep[i].ls, "E1"))
			v_flag(run, S903_EPISODES, &c->ep[i]);
}

/*
 * 420: respite care (V3, V4) has no LA of placement.  PL_LA is derived
 * at import from PL_POST (the DfE derives it the same way).
 */
static void r420(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nep; i++)
		if (v_in_list(c->ep[i].ls, "V3 V4") && !v_blank(c->ep[i].pl_la))
			v_flag(run, S903_EPISODES, &c->ep[i]);
}

/* 426: one child's respite care is all V3 or all V4, not both. */
static void r426(struct v_run *run, const struct v_child *c)
{
	bool v3 = false, v4 = false;

	for (size_t i = 0; i < c->nep; i++) {
		v3 |= !strcmp(c->ep[i].ls, "V3");
		v4 |= !strcmp(c->ep[i].ls, "V4");
	}
	if (!v3 || !v4)
		return;
	for (size_t i = 0; i < c->nep; i++)
		if (v_in_list(c->ep[i].ls, "V3 V4"))
			v_flag(run, S903_EPISODES, &c->ep[i]);
}

/*
 * 431: a new period of care (RNE S) cannot start on or before the day
 * the previous episode ended.
 */
static void r431(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 1; i < c->nep; i++)
		if (!strcmp(c->ep[i].rne, "S") &&
		    c->ep[i - 1].dec != DATE_NONE &&
		    c->ep[i].decom <= c->ep[i - 1].dec)
			v_flag(run, S903_EPISODES, &c->ep[i]);
}

#define CEASED "E2 E3 E4A E4B E5 E6 E7 E8 E9 E11 E12 E13 E14 E15 E16 " \
	       "E17 E41 E45 E46 E47 E48"

/* 432: after an episode that ended care, the next one has RNE S. */
static void r432(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 1; i < c->nep; i++)
		if (v_in_list(c->ep[i - 1].rec, CEASED) &&
		    strcmp(c->ep[i].rne, "S"))
			v_flag(run, S903_EPISODES, &c->ep[i]);
}

/*
 * 433: a continuation episode (RNE P, L, T, U, B) starts the day the
 * previous one ended.
 */
static void r433(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 1; i < c->nep; i++)
		if (v_in_list(c->ep[i].rne, "P L T U B") &&
		    (c->ep[i - 1].dec == DATE_NONE ||
		     c->ep[i - 1].dec != c->ep[i].decom))
			v_flag(run, S903_EPISODES, &c->ep[i]);
}

/* Whether two episodes are in the same placement (blank equals blank). */
static bool same_placement(const struct s903_episode *a,
			   const struct s903_episode *b)
{
	return !strcmp(a->place, b->place) &&
	       !strcmp(a->pl_post, b->pl_post) && !strcmp(a->urn, b->urn) &&
	       !strcmp(a->place_provider, b->place_provider);
}

/* 434: RNE L: the legal status changed, the placement did not. */
static void r434(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 1; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i], *p = &c->ep[i - 1];

		if (!strcmp(e->rne, "L") &&
		    (!strcmp(e->ls, p->ls) || !same_placement(e, p)))
			v_flag(run, S903_EPISODES, e);
	}
}

/*
 * 435: RNE P or T: the placement changed, the legal status did not.
 * Blank equals blank when comparing placements (the DfE's tool counts two
 * blanks as a change here, unlike in 434 and 436).
 */
static void r435(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 1; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i], *p = &c->ep[i - 1];

		if (v_in_list(e->rne, "P T") &&
		    (strcmp(e->ls, p->ls) || same_placement(e, p)))
			v_flag(run, S903_EPISODES, e);
	}
}

/* 436: RNE U or B: both the legal status and the placement changed. */
static void r436(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 1; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i], *p = &c->ep[i - 1];

		if (v_in_list(e->rne, "U B") &&
		    (!strcmp(e->ls, p->ls) || same_placement(e, p)))
			v_flag(run, S903_EPISODES, e);
	}
}

/* 437: after death (E2) or turning 18 (E15) there are no more episodes. */
static void r437(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i + 1 < c->nep; i++)
		if (v_in_list(c->ep[i].rec, "E2 E15") &&
		    c->ep[i].decom != DATE_NONE)
			v_flag(run, S903_EPISODES, &c->ep[i]);
}

/* 442: a child looked after other than in respite care has a UPN. */
static void r442(struct v_run *run, const struct v_child *c)
{
	bool looked_after = false;

	for (size_t i = 0; i < c->nep; i++)
		if (!v_in_list(c->ep[i].ls, "V3 V4"))
			looked_after = true;
	if (!looked_after)
		return;
	for (size_t i = 0; i < c->nh; i++)
		if (v_blank(c->h[i].upn))
			v_flag(run, S903_HEADER, &c->h[i]);
}

/* 446: LS E1 (placement order) exists from 1 December 2005. */
static void r446(struct v_run *run, const struct v_child *c)
{
	int32_t from = date_from_ymd(2005, 12, 1);

	for (size_t i = 0; i < c->nep; i++)
		if (!strcmp(c->ep[i].ls, "E1") && c->ep[i].decom != DATE_NONE &&
		    c->ep[i].decom < from)
			v_flag(run, S903_EPISODES, &c->ep[i]);
}

/*
 * 454: the placement is at most 350 miles from home; 999.9 is the DfE's
 * "not known" value.  pl_distance is in tenths of a mile.
 */
static void r454(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nep; i++) {
		int32_t d = c->ep[i].pl_distance;

		if (d > 3500 && d != 9999)
			v_flag(run, S903_EPISODES, &c->ep[i]);
	}
}

/* 460: staying put at 18 (E17) ends care on or after the 18th birthday. */
/* E17 episodes that ended before the day "latest" of 18 years allows. */
static void e17_before(struct v_run *run, const struct v_child *c,
		       int days_before_18th)
{
	int32_t dob = dob_of(c);

	if (dob == DATE_NONE)
		return;
	for (size_t i = 0; i < c->nep; i++)
		if (!strcmp(c->ep[i].rec, "E17") && c->ep[i].dec != DATE_NONE &&
		    c->ep[i].dec < date_add_years(dob, 18) - days_before_18th)
			v_flag(run, S903_EPISODES, &c->ep[i]);
}

/* 460, England: E17 (stayed with carers at 18) ends on or after the 18th
 * birthday. */
static void r460(struct v_run *run, const struct v_child *c)
{
	e17_before(run, c, 0);
}

/*
 * 460, Wales: a child stops being looked after on the day before the
 * 18th birthday (the young person is 18 the next day; When I am Ready
 * arrangements start then), so DEC may be that day and no earlier.
 */
static void r460_wales(struct v_run *run, const struct v_child *c)
{
	e17_before(run, c, 1);
}

/* 501: an episode starts on or after the previous one ended. */
static void r501(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 1; i < c->nep; i++)
		if (c->ep[i - 1].dec != DATE_NONE &&
		    c->ep[i].decom < c->ep[i - 1].dec)
			v_flag(run, S903_EPISODES, &c->ep[i]);
}

/*
 * 504: within a period of care (the previous episode ended X1 the day
 * this one starts) the category of need stays the same.
 */
static void r504(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 1; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i], *p = &c->ep[i - 1];

		if (!strcmp(p->rec, "X1") && p->dec != DATE_NONE &&
		    p->dec == e->decom && strcmp(e->cin, p->cin))
			v_flag(run, S903_EPISODES, e);
	}
}

/* 516: a special guardianship order by former foster carers (E45, E46)
 * ends a foster placement (U1-U6). */
static void r516(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nep; i++)
		if (v_in_list(c->ep[i].rec, "E45 E46") &&
		    !v_in_list(c->ep[i].place, "U1 U2 U3 U4 U5 U6"))
			v_flag(run, S903_EPISODES, &c->ep[i]);
}

/* 526: every placement but those in exempt has a PLACE_PROVIDER. */
static void provider_missing(struct v_run *run, const struct v_child *c,
			     const char *exempt)
{
	for (size_t i = 0; i < c->nep; i++)
		if (!v_in_list(c->ep[i].place, exempt) &&
		    v_blank(c->ep[i].place_provider))
			v_flag(run, S903_EPISODES, &c->ep[i]);
}

static void r526(struct v_run *run, const struct v_child *c)
{
	provider_missing(run, c, TEMPORARY " Z1");
}

static void r526_2026(struct v_run *run, const struct v_child *c)
{
	provider_missing(run, c, TEMPORARY " Z11 Z12 Z13 Z14");
}

/* Flag each episode with PLACE in places and PLACE_PROVIDER provider. */
static void place_and_provider(struct v_run *run, const struct v_child *c,
			       const char *places, const char *provider)
{
	for (size_t i = 0; i < c->nep; i++)
		if (v_in_list(c->ep[i].place, places) &&
		    !strcmp(c->ep[i].place_provider, provider))
			v_flag(run, S903_EPISODES, &c->ep[i]);
}

static void r527(struct v_run *run, const struct v_child *c)
{
	place_and_provider(run, c, "P1 R2 R5", "PR1");
}

static void r528(struct v_run *run, const struct v_child *c)
{
	place_and_provider(run, c, "P1 R2 R5", "PR2");
}

static void r529(struct v_run *run, const struct v_child *c)
{
	place_and_provider(run, c,
			   "A3 A4 A5 A6 K1 K2 P1 U1 U2 U3 U4 U5 U6", "PR3");
}

static void r530(struct v_run *run, const struct v_child *c)
{
	place_and_provider(run, c, "P1", "PR4");
}

static void r531(struct v_run *run, const struct v_child *c)
{
	place_and_provider(run, c, "P1", "PR5");
}

/* 542: no conviction recorded for a child under 10 on 31 March. */
static void r542(struct v_run *run, const struct v_child *c)
{
	int32_t end = v_year_end(run);

	for (size_t i = 0; i < c->noc2; i++)
		if (c->oc2[i].dob != DATE_NONE && c->oc2[i].convicted >= 0 &&
		    date_add_years(c->oc2[i].dob, 10) > end)
			v_flag(run, S903_OC2, &c->oc2[i]);
}

/* 550: PLACE_PROVIDER PR0 (a parent's own home) goes with P1 only. */
static void r550(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nep; i++)
		if (!strcmp(c->ep[i].place_provider, "PR0") &&
		    strcmp(c->ep[i].place, "P1"))
			v_flag(run, S903_EPISODES, &c->ep[i]);
}

/*
 * 580: a child still missing on the 18th birthday, the day care ends,
 * ceases to be looked after with REC E8.
 */
static void r580(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i];

		if (e->dec == DATE_NONE || !strcmp(e->rec, "E8"))
			continue;
		for (size_t j = 0; j < c->nmis; j++) {
			const struct s903_missing *m = &c->mis[j];

			if (m->dob != DATE_NONE && m->mis_end == e->dec &&
			    date_add_years(m->dob, 18) == e->dec) {
				v_flag(run, S903_EPISODES, e);
				break;
			}
		}
	}
}

/*
 * 607: a girl who ceased to be looked after in the year (DEC in the
 * year, REC other than X1, not respite care) has MOTHER completed.  Both
 * the episodes and Header are flagged.  Female is SEX 2 until 2024, F
 * from 2025.
 */
static void ceased_mother(struct v_run *run, const struct v_child *c,
			  const char *female)
{
	int32_t start = v_year_start(run), end = v_year_end(run);
	bool any = false;

	if (!c->h || strcmp(c->h->sex, female) || c->h->mother >= 0)
		return;
	for (size_t i = 0; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i];

		if (e->dec == DATE_NONE || e->dec < start || e->dec > end ||
		    v_blank(e->rec) || !strcmp(e->rec, "X1") ||
		    v_in_list(e->ls, "V3 V4"))
			continue;
		v_flag(run, S903_EPISODES, e);
		any = true;
	}
	if (any)
		flag_headers(run, c);
}

static void r607(struct v_run *run, const struct v_child *c)
{
	ceased_mother(run, c, "2");
}

static void r607_2025(struct v_run *run, const struct v_child *c)
{
	ceased_mother(run, c, "F");
}

#define EP V_TABLE(S903_EPISODES)
#define EP_H (V_TABLE(S903_EPISODES) | V_TABLE(S903_HEADER))

#define PROVIDER_EN(pr, places) \
	"A placement provider code of " pr " cannot be associated with " \
	"placements " places "."

const struct v_rule v_rules_placements[] = {
	{ .code = "373", .from = 2023, .nations = V_ALL, .tables = EP_H,
	  .fields = "DECOM,PLACE",
	  .en = "Child placed in a school should be at least 4 years old.",
	  .cy = "Dylai plentyn a leolir mewn ysgol fod yn 4 oed o leiaf.",
	  .child = r373 },
	{ .code = "374", .from = 2023, .nations = V_ALL, .tables = EP_H,
	  .fields = "DECOM,PLACE",
	  .en = "Child in residential employment should be at least 14 "
		"years old.",
	  .cy = "Dylai plentyn mewn cyflogaeth breswyl fod yn 14 oed o "
		"leiaf.",
	  .child = r374 },
	{ .code = "375", .from = 2023, .nations = V_ALL, .tables = EP_H,
	  .fields = "DECOM,PLACE",
	  .en = "Hospitalisation coded as a temporary placement exceeds six "
		"weeks.",
	  .cy = "Mae cyfnod yn yr ysbyty a godwyd fel lleoliad dros dro yn "
		"hwy na chwe wythnos.",
	  .child = r375 },
	{ .code = "376", .from = 2023, .nations = V_ALL, .tables = EP_H,
	  .fields = "DECOM,PLACE",
	  .en = "Temporary placements coded as being due to holiday of usual "
		"foster carer(s) cannot exceed three weeks.",
	  .cy = "Ni all lleoliadau dros dro a godwyd fel rhai oherwydd "
		"gwyliau'r gofalwr(wyr) maeth arferol fod yn hwy na thair "
		"wythnos.",
	  .child = r376 },
	{ .code = "377", .from = 2023, .nations = V_ALL, .tables = EP,
	  .fields = "PLACE",
	  .en = "Only two temporary placements coded as being due to holiday "
		"of usual foster carer(s) are allowed in any 12- month "
		"period.",
	  .cy = "Dim ond dau leoliad dros dro a godwyd fel rhai oherwydd "
		"gwyliau'r gofalwr(wyr) maeth arferol a ganiateir mewn "
		"unrhyw gyfnod o 12 mis.",
	  .child = r377 },
	{ .code = "378", .from = 2023, .nations = V_ALL, .tables = EP,
	  .fields = "PLACE,LS",
	  .en = "A child who is placed with parent(s) cannot be looked after "
		"under a single period of accommodation under Section 20 of "
		"the Children Act 1989.",
	  .cy = "Ni all plentyn a leolir gyda'i riant/rhieni gael ei "
		"letya o dan un cyfnod o lety o dan Adran 20 o Ddeddf Plant "
		"1989.",
	  .child = r378 },
	{ .code = "379", .from = 2023, .nations = V_ALL, .tables = EP_H,
	  .fields = "DECOM,PLACE",
	  .en = "Temporary placements for unspecified reason (placement code "
		"T4) cannot exceed seven days.",
	  .cy = "Ni all lleoliadau dros dro am reswm amhenodol (cod "
		"lleoliad T4) fod yn hwy na saith diwrnod.",
	  .child = r379 },
	{ .code = "380", .from = 2023, .nations = V_ALL, .tables = EP,
	  .fields = "PLACE,RNE",
	  .en = "A period of care cannot start with a temporary placement.",
	  .cy = "Ni all cyfnod o ofal ddechrau gyda lleoliad dros dro.",
	  .child = r380 },
	{ .code = "381", .from = 2023, .nations = V_ALL, .tables = EP,
	  .fields = "PLACE,REC",
	  .en = "A period of care cannot end with a temporary placement.",
	  .cy = "Ni all cyfnod o ofal ddod i ben gyda lleoliad dros dro.",
	  .child = r381 },
	{ .code = "382", .from = 2023, .nations = V_ALL, .tables = EP,
	  .fields = "LS,PLACE",
	  .en = "A child receiving respite care cannot be in a temporary "
		"placement.",
	  .cy = "Ni all plentyn sy'n cael gofal seibiant fod mewn lleoliad "
		"dros dro.",
	  .child = r382 },
	{ .code = "383", .from = 2023, .to = 2025, .nations = V_ALL,
	  .tables = EP, .fields = "PLACE,RNE",
	  .en = "A child in a temporary placement must subsequently return "
		"to his/her normal placement.",
	  .cy = "Rhaid i blentyn mewn lleoliad dros dro ddychwelyd wedyn i'w "
		"leoliad arferol.",
	  .child = r383 },
	{ .code = "383", .from = 2026, .nations = V_ALL, .tables = EP,
	  .fields = "PLACE,RNE,PL_POST",
	  .en = "A child in a temporary placement must subsequently return "
		"to his/her normal placement.",
	  .cy = "Rhaid i blentyn mewn lleoliad dros dro ddychwelyd wedyn i'w "
		"leoliad arferol.",
	  .child = r383_2026 },
	{ .code = "384", .from = 2023, .nations = V_ALL, .tables = EP,
	  .fields = "PLACE,LS",
	  .en = "A child receiving respite care cannot be in a long-term "
		"foster placement ",
	  .cy = "Ni all plentyn sy'n cael gofal seibiant fod mewn lleoliad "
		"maeth hirdymor.",
	  .child = r384 },
	{ .code = "385", .from = 2023, .nations = V_ALL, .tables = EP,
	  .fields = "DEC",
	  .en = "Date episode ceased must be on or before the end of the "
		"current collection year.",
	  .cy = "Rhaid i'r dyddiad y daeth y bennod i ben fod ar ddiwedd y "
		"flwyddyn gasglu bresennol neu cyn hynny.",
	  .child = r385 },
	{ .code = "386", .from = 2023, .nations = V_ALL, .tables = EP_H,
	  .fields = "REC",
	  .en = "Reason episode ceased is adopted but child has reached age "
		"18.",
	  .cy = "Y rheswm y daeth y bennod i ben yw mabwysiadu ond mae'r "
		"plentyn wedi cyrraedd 18 oed.",
	  .child = r386 },
	{ .code = "388", .from = 2023, .nations = V_ALL, .tables = EP,
	  .fields = "REC",
	  .en = "Reason episode ceased is coded new episode begins, but "
		"there is no continuation episode.",
	  .cy = "Mae'r rheswm y daeth y bennod i ben wedi'i godio fel "
		"dechrau pennod newydd, ond nid oes pennod barhad.",
	  .child = r388 },
	{ .code = "389", .from = 2023, .nations = V_ALL, .tables = EP_H,
	  .fields = "REC",
	  .en = "Reason episode ceased is that child transferred to care of "
		"adult social care services, but child is aged under 16.",
	  .cy = "Y rheswm y daeth y bennod i ben yw bod y plentyn wedi'i "
		"drosglwyddo i ofal gwasanaethau gofal cymdeithasol i "
		"oedolion, ond mae'r plentyn o dan 16 oed.",
	  .child = r389 },
	{ .code = "390", .from = 2023, .nations = V_ALL, .tables = EP,
	  .fields = "PLACE,REC",
	  .en = "Reason episode ceased is adopted but child has not been "
		"previously placed for adoption.",
	  .cy = "Y rheswm y daeth y bennod i ben yw mabwysiadu ond nid yw'r "
		"plentyn wedi'i leoli i'w fabwysiadu o'r blaen.",
	  .child = r390 },
	{ .code = "392c", .from = 2023, .nations = V_ALL, .tables = EP,
	  .fields = "HOME_POST,PL_POST",
	  .en = "Postcode(s) provided are invalid.",
	  .cy = "Mae'r cod(au) post a roddwyd yn annilys.",
	  .todo = "needs the postcode directory in the rule run: the import "
		  "refuses a malformed postcode, but whether a well-formed "
		  "one exists is known only to the geo index" },
	{ .code = "392d", .from = 2023, .nations = V_ALL, .tables = EP,
	  .fields = "HOME_POST,PL_POST,PLACE",
	  .en = "Home and placement postcodes should not be same unless the "
		"placement type is P1.",
	  .cy = "Ni ddylai cod post y cartref a chod post y lleoliad fod yr "
		"un fath oni bai mai P1 yw'r math o leoliad.",
	  .child = r392d },
	{ .code = "393", .from = 2023, .to = 2024, .nations = V_ALL,
	  .tables = EP_H, .fields = "MOTHER",
	  .en = "Child is looked after but mother field is not completed.",
	  .cy = "Mae'r plentyn yn derbyn gofal ond nid yw'r maes mam wedi'i "
		"gwblhau.",
	  .child = r393 },
	{ .code = "393", .from = 2025, .nations = V_ALL, .tables = EP_H,
	  .fields = "MOTHER",
	  .en = "Child is looked after but mother field is not completed.",
	  .cy = "Mae'r plentyn yn derbyn gofal ond nid yw'r maes mam wedi'i "
		"gwblhau.",
	  .child = r393_2025 },
	{ .code = "398", .from = 2023, .nations = V_ALL, .tables = EP,
	  .fields = "LS,HOME_POST,PL_POST",
	  .en = "Distance field completed but child looked after under legal "
		"status V3 or V4.",
	  .cy = "Mae'r maes pellter wedi'i gwblhau ond mae'r plentyn yn "
		"derbyn gofal o dan statws cyfreithiol V3 neu V4.",
	  .child = r398 },
	{ .code = "407", .from = 2023, .nations = V_ALL, .tables = EP_H,
	  .fields = "DEC,DOB,REC",
	  .en = "Reason episode ceased is Special Guardianship Order, but "
		"child has reached age 18.",
	  .cy = "Y rheswm y daeth y bennod i ben yw Gorchymyn Gwarcheidiaeth "
		"Arbennig, ond mae'r plentyn wedi cyrraedd 18 oed.",
	  .child = r407 },
	{ .code = "408", .from = 2023, .nations = V_ALL, .tables = EP,
	  .fields = "PLACE,LS",
	  .en = "Child is placed for adoption with a placement order, but no "
		"placement order has been recorded.",
	  .cy = "Mae'r plentyn wedi'i leoli i'w fabwysiadu gyda gorchymyn "
		"lleoli, ond nid oes gorchymyn lleoli wedi'i gofnodi.",
	  .child = r408 },
	{ .code = "411", .from = 2023, .nations = V_ALL, .tables = EP,
	  .fields = "PL_LOCATION",
	  .en = "Placement location code disagrees with LA of placement.",
	  .cy = "Mae cod lleoliad y lleoliad yn anghytuno ag awdurdod lleol "
		"y lleoliad.",
	  .todo = "PL_LOCATION is not a column of the return: the DfE "
		  "derives it from PL_LA (IN when PL_LA is the council), so "
		  "the check has nothing of the council's to compare" },
	{ .code = "420", .from = 2023, .nations = V_ALL, .tables = EP,
	  .fields = "PL_LA",
	  .en = "LA of placement completed but child is looked after under "
		"legal status V3 or V4.",
	  .cy = "Mae awdurdod lleol y lleoliad wedi'i gwblhau ond mae'r "
		"plentyn yn derbyn gofal o dan statws cyfreithiol V3 neu V4.",
	  .child = r420 },
	{ .code = "426", .from = 2023, .nations = V_ALL, .tables = EP,
	  .fields = "LS",
	  .en = "A child receiving respite care cannot be recorded under a "
		"legal status of V3 and V4 in the same year.",
	  .cy = "Ni ellir cofnodi plentyn sy'n cael gofal seibiant o dan "
		"statws cyfreithiol V3 a V4 yn yr un flwyddyn.",
	  .child = r426 },
	{ .code = "431", .from = 2023, .nations = V_ALL, .tables = EP,
	  .fields = "RNE,DECOM",
	  .en = "The reason for new episode is started to be looked after, "
		"but the previous episode ended on the same day.",
	  .cy = "Y rheswm dros y bennod newydd yw dechrau derbyn gofal, ond "
		"daeth y bennod flaenorol i ben ar yr un diwrnod.",
	  .child = r431 },
	{ .code = "432", .from = 2023, .nations = V_ALL, .tables = EP,
	  .fields = "RNE",
	  .en = "The child ceased to be looked after at the end of the "
		"previous episode but the reason for the new episode is not "
		"started to be looked after.",
	  .cy = "Peidiodd y plentyn â derbyn gofal ar ddiwedd y bennod "
		"flaenorol ond nid dechrau derbyn gofal yw'r rheswm dros y "
		"bennod newydd.",
	  .child = r432 },
	{ .code = "433", .from = 2023, .nations = V_ALL, .tables = EP,
	  .fields = "RNE,DECOM",
	  .en = "The reason for new episode suggests that this is a "
		"continuation episode, but the episode does not start on the "
		"same day as the last episode finished.",
	  .cy = "Mae'r rheswm dros y bennod newydd yn awgrymu mai pennod "
		"barhad yw hon, ond nid yw'r bennod yn dechrau ar yr un "
		"diwrnod ag y daeth y bennod ddiwethaf i ben.",
	  .child = r433 },
	{ .code = "434", .from = 2023, .nations = V_ALL, .tables = EP,
	  .fields = "RNE,LS,PLACE,PL_POST,URN,PLACE_PROVIDER",
	  .en = "Reason for new episode is that child's legal status has "
		"changed but not the placement, but this is not reflected in "
		"the episode data.",
	  .cy = "Y rheswm dros y bennod newydd yw bod statws cyfreithiol y "
		"plentyn wedi newid ond nid y lleoliad, ond nid yw hyn i'w "
		"weld yn nata'r bennod.",
	  .child = r434 },
	{ .code = "435", .from = 2023, .nations = V_ALL, .tables = EP,
	  .fields = "LS,PLACE,PL_POST,URN,PLACE_PROVIDER",
	  .en = "Reason for new episode is that child’s placement has "
		"changed but not the legal status, but this is not reflected "
		"in the episode data recorded.",
	  .cy = "Y rheswm dros y bennod newydd yw bod lleoliad y plentyn "
		"wedi newid ond nid y statws cyfreithiol, ond nid yw hyn i'w "
		"weld yn nata'r bennod a gofnodwyd.",
	  .child = r435 },
	{ .code = "436", .from = 2023, .nations = V_ALL, .tables = EP,
	  .fields = "RNE,LS,PLACE,PL_POST,URN,PLACE_PROVIDER",
	  .en = "Reason for new episode is that both child’s placement "
		"and legal status have changed, but this is not reflected in "
		"the episode data.",
	  .cy = "Y rheswm dros y bennod newydd yw bod lleoliad a statws "
		"cyfreithiol y plentyn ill dau wedi newid, ond nid yw hyn i'w "
		"weld yn nata'r bennod.",
	  .child = r436 },
	{ .code = "437", .from = 2023, .nations = V_ALL, .tables = EP,
	  .fields = "REC",
	  .en = "Reason episode ceased is child has died or is aged 18 or "
		"over but there are further episodes.",
	  .cy = "Y rheswm y daeth y bennod i ben yw bod y plentyn wedi marw "
		"neu'n 18 oed neu'n hŷn ond mae penodau pellach.",
	  .child = r437 },
	{ .code = "442", .from = 2023, .nations = V_ALL, .tables = EP_H,
	  .fields = "UPN",
	  .en = "Unique Pupil Number (UPN) field is not completed.",
	  .cy = "Nid yw'r maes Rhif Disgybl Unigryw (UPN) wedi'i gwblhau.",
	  .child = r442 },
	{ .code = "446", .from = 2023, .nations = V_ALL, .tables = EP,
	  .fields = "LS,DECOM",
	  .en = "E1 is not a valid code for episodes starting before "
		"December 2005.",
	  .cy = "Nid yw E1 yn god dilys ar gyfer penodau sy'n dechrau cyn "
		"mis Rhagfyr 2005.",
	  .child = r446 },
	{ .code = "454", .from = 2026, .nations = V_ALL, .tables = EP,
	  .fields = "PL_DISTANCE",
	  .en = "Placement distance from home is over 350 miles. [NOTE: This "
		"check will result in false positives for children formerly "
		"UASC not identified as such in loaded data]",
	  .cy = "Mae pellter y lleoliad o'r cartref dros 350 milltir. "
		"[NODYN: Bydd y gwiriad hwn yn rhoi canlyniadau positif ffug "
		"ar gyfer plant a oedd gynt yn UASC nad ydynt wedi'u nodi "
		"felly yn y data a lwythwyd]",
	  .child = r454 },
	{ .code = "460", .from = 2023, .nations = V_ENGLAND, .tables = EP_H,
	  .fields = "DEC,REC",
	  .en = "Reason episode ceased is that child stayed with current "
		"carers at age 18 (or above), but child is aged under 18.",
	  .cy = "Y rheswm y daeth y bennod i ben yw bod y plentyn wedi aros "
		"gyda'i ofalwyr presennol yn 18 oed (neu'n hŷn), ond mae'r "
		"plentyn o dan 18 oed.",
	  .not_wales = "Wales has its own row: care there ends on the day "
		       "before the 18th birthday, so DEC may be that day",
	  .child = r460 },
	{ .code = "460", .from = 2023, .nations = V_WALES, .tables = EP_H,
	  .fields = "DEC,REC",
	  .en = "Reason episode ceased is that child stayed with current "
		"carers at 18, but the episode ended before the day before "
		"the 18th birthday.",
	  .cy = "Y rheswm y daeth y bennod i ben yw bod y plentyn wedi aros "
		"gyda'i ofalwyr presennol yn 18 oed, ond daeth y bennod i "
		"ben cyn y diwrnod cyn ei ben-blwydd yn 18 oed.",
	  .child = r460_wales },
	{ .code = "501", .from = 2023, .nations = V_ALL, .tables = EP,
	  .fields = "DECOM,DEC",
	  .en = "A new episode has started before the end date of the "
		"previous episode.",
	  .cy = "Mae pennod newydd wedi dechrau cyn dyddiad gorffen y bennod "
		"flaenorol.",
	  .child = r501 },
	{ .code = "504", .from = 2023, .nations = V_ALL, .tables = EP,
	  .fields = "CIN",
	  .en = "The category of need code differs from that reported at "
		"start of current period of being looked after",
	  .cy = "Mae'r cod categori angen yn wahanol i'r un a gofnodwyd ar "
		"ddechrau'r cyfnod presennol o dderbyn gofal.",
	  .child = r504 },
	{ .code = "516", .from = 2023, .nations = V_ALL, .tables = EP,
	  .fields = "REC,PLACE",
	  .en = "The episode data submitted for this child does not show "
		"that he/she was with their former foster carer(s) during "
		"the year.If the code in the reason episode ceased is E45 or "
		"E46 the child must have a placement code of U1 to U6.",
	  .cy = "Nid yw data'r bennod a gyflwynwyd ar gyfer y plentyn hwn yn "
		"dangos ei fod gyda'i gyn-ofalwr(wyr) maeth yn ystod y "
		"flwyddyn. Os E45 neu E46 yw'r cod ar gyfer y rheswm y daeth "
		"y bennod i ben, rhaid i'r plentyn fod â chod lleoliad U1 i "
		"U6.",
	  .child = r516 },
	{ .code = "526", .from = 2023, .to = 2025, .nations = V_ALL,
	  .tables = EP, .fields = "PLACE,PLACE_PROVIDER",
	  .en = "Child is missing a placement provider code for at least one "
		"episode.",
	  .cy = "Nid oes cod darparwr lleoliad gan y plentyn ar gyfer o "
		"leiaf un bennod.",
	  .child = r526 },
	{ .code = "526", .from = 2026, .nations = V_ALL, .tables = EP,
	  .fields = "PLACE,PLACE_PROVIDER",
	  .en = "Child is missing a placement provider code for at least one "
		"episode.",
	  .cy = "Nid oes cod darparwr lleoliad gan y plentyn ar gyfer o "
		"leiaf un bennod.",
	  .child = r526_2026 },
	{ .code = "527", .from = 2023, .nations = V_ALL, .tables = EP,
	  .fields = "PLACE,PLACE_PROVIDER",
	  .en = PROVIDER_EN("PR1", "P1, R2 or R5"),
	  .cy = "Ni ellir cysylltu cod darparwr lleoliad PR1 â lleoliadau "
		"P1, R2 neu R5.",
	  .child = r527 },
	{ .code = "528", .from = 2023, .nations = V_ALL, .tables = EP,
	  .fields = "PLACE,PLACE_PROVIDER",
	  .en = PROVIDER_EN("PR2", "P1, R2 or R5"),
	  .cy = "Ni ellir cysylltu cod darparwr lleoliad PR2 â lleoliadau "
		"P1, R2 neu R5.",
	  .child = r528 },
	{ .code = "529", .from = 2023, .nations = V_ALL, .tables = EP,
	  .fields = "PLACE,PLACE_PROVIDER",
	  .en = "Placement provider code of PR3 cannot be associated with "
		"placements P1, A3 to A6, K1, K2 and U1 to U6 as these "
		"placements cannot be provided by other public "
		"organisations.",
	  .cy = "Ni ellir cysylltu cod darparwr lleoliad PR3 â lleoliadau "
		"P1, A3 i A6, K1, K2 ac U1 i U6 gan na all sefydliadau "
		"cyhoeddus eraill ddarparu'r lleoliadau hyn.",
	  .child = r529 },
	{ .code = "530", .from = 2023, .nations = V_ALL, .tables = EP,
	  .fields = "PLACE,PLACE_PROVIDER",
	  .en = "A placement provider code of PR4 cannot be associated with "
		"placement P1.",
	  .cy = "Ni ellir cysylltu cod darparwr lleoliad PR4 â lleoliad P1.",
	  .child = r530 },
	{ .code = "531", .from = 2023, .nations = V_ALL, .tables = EP,
	  .fields = "PLACE,PLACE_PROVIDER",
	  .en = "A placement provider code of PR5 cannot be associated with "
		"placements P1.",
	  .cy = "Ni ellir cysylltu cod darparwr lleoliad PR5 â lleoliad P1.",
	  .child = r531 },
	{ .code = "542", .from = 2023, .nations = V_ALL,
	  .tables = V_TABLE(S903_OC2), .fields = "CONVICTED",
	  .en = "A child aged under 10 at 31 March should not have "
		"conviction information completed.",
	  .cy = "Ni ddylai gwybodaeth am euogfarn fod wedi'i chwblhau ar "
		"gyfer plentyn o dan 10 oed ar 31 Mawrth.",
	  .child = r542 },
	{ .code = "550", .from = 2023, .nations = V_ALL, .tables = EP,
	  .fields = "PLACE,PLACE_PROVIDER",
	  .en = "A placement provider code of PR0 can only be associated "
		"with placement P1.",
	  .cy = "Dim ond â lleoliad P1 y gellir cysylltu cod darparwr "
		"lleoliad PR0.",
	  .child = r550 },
	{ .code = "580", .from = 2023, .nations = V_ALL,
	  .tables = V_TABLE(S903_EPISODES) | V_TABLE(S903_MISSING),
	  .fields = "REC",
	  .en = "Child is missing when cease being looked after but reason "
		"episode ceased not ‘E8’.",
	  .cy = "Mae'r plentyn ar goll pan fydd yn peidio â derbyn gofal ond "
		"nid ‘E8’ yw'r rheswm y daeth y bennod i ben.",
	  .child = r580 },
	{ .code = "607", .from = 2023, .to = 2024, .nations = V_ALL,
	  .tables = EP_H, .fields = "DEC,REC,MOTHER,LS,SEX",
	  .en = "Child ceased to be looked after in the year, but mother "
		"field has not been completed.",
	  .cy = "Peidiodd y plentyn â derbyn gofal yn ystod y flwyddyn, ond "
		"nid yw'r maes mam wedi'i gwblhau.",
	  .child = r607 },
	{ .code = "607", .from = 2025, .nations = V_ALL, .tables = EP_H,
	  .fields = "DEC,REC,MOTHER,LS,SEX",
	  .en = "Child ceased to be looked after in the year, but mother "
		"field has not been completed.",
	  .cy = "Peidiodd y plentyn â derbyn gofal yn ystod y flwyddyn, ond "
		"nid yw'r maes mam wedi'i gwblhau.",
	  .child = r607_2025 },
	{ .code = NULL },
};
