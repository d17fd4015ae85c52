/*
 * rules-episodes.c: DfE SSDA903 rules about Episodes: legal statuses,
 * placements, reasons for new episodes and for ending, postcodes and
 * URNs, and their order in time.  See validate.h for how a rule is
 * written and registered.
 *
 * The DfE's peer validator (csc-validator-be-903) is the specification;
 * where it has a quirk that is plainly not the rule's meaning the comment
 * above the function says what was done instead.
 */
#include "base/compat.h"
#include <ctype.h>
#include "validate/validate.h"

#define TEMPORARY "T0 T1 T2 T3 T4"
#define TEMPORARY_2026 "T0 T1 T2 T3 T4 Z11 Z12 Z13 Z14"
#define FOSTER_ADOPT "A3 A4 A5 A6 U1 U2 U3 U4 U5 U6"
#define SHORT_BREAK "V3 V4"
#define URN_XXX "XXXXXXX"	/* "no URN": the placement has none */

#define NOT_WALES_URN "Ofsted URNs: placements in Wales are registered " \
		      "with Care Inspectorate Wales, not Ofsted."

#define EP V_TABLE(S903_EPISODES)
#define EP_HDR (V_TABLE(S903_EPISODES) | V_TABLE(S903_HEADER))

/* The end of an episode for durations: DEC, or 31 March when open. */
static int32_t ep_end(struct v_run *run, const struct s903_episode *e)
{
	return e->dec == DATE_NONE ? v_year_end(run) : e->dec;
}

/* Whether an episode has a URN that names a home (not blank, not XXX). */
static bool has_urn(const struct s903_episode *e)
{
	return !v_blank(e->urn) && strcmp(e->urn, URN_XXX);
}

/* Whether dob + years is after day (the child is younger than years). */
static bool younger_than(int32_t dob, int32_t day, int years)
{
	return dob != DATE_NONE && day != DATE_NONE &&
	       date_age_years(dob, day) < years;
}

/* Flag every episode of c whose PLACE is (not) one of list. */
static void flag_place(struct v_run *run, const struct v_child *c,
		       const char *list, bool in)
{
	for (size_t i = 0; i < c->nep; i++)
		if (!v_blank(c->ep[i].place) &&
		    v_in_list(c->ep[i].place, list) == in)
			v_flag(run, S903_EPISODES, &c->ep[i]);
}

/* ---- codes the import cannot check by year ---------------------------- */

/*
 * 146: PLACE is one of the year's codes.  The import accepts the union of
 * every year's codes, so what is left to check is a code another year
 * allows: K3 before 2025, H5, P2 and Z1 from 2026.  (The peer's 2024-25
 * list has "k3", plainly meaning K3: read as K3.)
 */
#define PLACE_2023 "A3 A4 A5 A6 H5 K1 K2 P1 P2 P3 R1 R2 R3 R5 S1 " \
		   "T0 T1 T2 T3 T4 U1 U2 U3 U4 U5 U6 Z1"
#define PLACE_2025 PLACE_2023 " K3"
#define PLACE_2026 "A3 A4 A5 A6 K1 K2 K3 P1 P3 R1 R2 R3 R5 S1 " \
		   "T0 T1 T2 T3 T4 U1 U2 U3 U4 U5 U6 Z11 Z12 Z13 Z14"

static void r146_2023(struct v_run *run, const struct v_child *c)
{
	flag_place(run, c, PLACE_2023, false);
}

static void r146_2025(struct v_run *run, const struct v_child *c)
{
	flag_place(run, c, PLACE_2025, false);
}

static void r146_2026(struct v_run *run, const struct v_child *c)
{
	flag_place(run, c, PLACE_2026, false);
}

/*
 * 178: PLACE_PROVIDER, when given, is a provider code and is not given
 * for a placement that has no provider (temporary moves, "other").
 */
#define PROVIDERS "PR0 PR1 PR2 PR3 PR4 PR5"

static void provider_check(struct v_run *run, const struct v_child *c,
			   const char *none)
{
	for (size_t i = 0; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i];

		if (v_blank(e->place_provider))
			continue;
		if (!v_in_list(e->place_provider, PROVIDERS) ||
		    v_in_list(e->place, none))
			v_flag(run, S903_EPISODES, e);
	}
}

static void r178_2023(struct v_run *run, const struct v_child *c)
{
	provider_check(run, c, TEMPORARY " Z1");
}

static void r178_2026(struct v_run *run, const struct v_child *c)
{
	provider_check(run, c, "T0 T1 T2 T3 Z11 Z12 Z13 Z14");
}

/* 213: no PLACE_PROVIDER on a temporary placement. */
static void provider_not_needed(struct v_run *run, const struct v_child *c,
				const char *places)
{
	for (size_t i = 0; i < c->nep; i++)
		if (v_in_list(c->ep[i].place, places) &&
		    !v_blank(c->ep[i].place_provider))
			v_flag(run, S903_EPISODES, &c->ep[i]);
}

static void r213_2023(struct v_run *run, const struct v_child *c)
{
	provider_not_needed(run, c, TEMPORARY);
}

static void r213_2026(struct v_run *run, const struct v_child *c)
{
	provider_not_needed(run, c, TEMPORARY_2026);
}

/* ---- one episode at a time ------------------------------------------- */

/* 142: every episode but the child's last has ended (DEC and REC). */
static void r142(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i + 1 < c->nep; i++)
		if (c->ep[i].dec == DATE_NONE || v_blank(c->ep[i].rec))
			v_flag(run, S903_EPISODES, &c->ep[i]);
}

/* 148: DEC and REC both given or both blank. */
static void r148(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nep; i++)
		if ((c->ep[i].dec == DATE_NONE) != v_blank(c->ep[i].rec))
			v_flag(run, S903_EPISODES, &c->ep[i]);
}

/* 214: no PL_POST nor URN for a short break (V3, V4). */
static void r214(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i];

		if (v_in_list(e->ls, SHORT_BREAK) &&
		    (!v_blank(e->pl_post) || !v_blank(e->urn)))
			v_flag(run, S903_EPISODES, e);
	}
}

/*
 * 217: placed for adoption with current foster carers (A3, A5) from
 * 1 April 2015: the episode began with a change of legal status (S, T,
 * U), not a change of carer.
 */
static void r217(struct v_run *run, const struct v_child *c)
{
	int32_t from = date_from_ymd(2015, 4, 1);

	for (size_t i = 0; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i];

		if (v_in_list(e->place, "A3 A5") && e->decom >= from &&
		    e->decom != DATE_NONE && !v_in_list(e->rne, "S T U"))
			v_flag(run, S903_EPISODES, e);
	}
}

/*
 * 222: no URN (other than XXXXXXX) for a placement type that has none:
 * the list shrank as H5, then P2, left it, and Z1 became Z11-Z14.
 */
static void urn_not_needed(struct v_run *run, const struct v_child *c,
			   const char *places)
{
	for (size_t i = 0; i < c->nep; i++)
		if (v_in_list(c->ep[i].place, places) && has_urn(&c->ep[i]))
			v_flag(run, S903_EPISODES, &c->ep[i]);
}

#define NO_URN_2025 "P1 P3 R1 R2 R5 T0 T1 T2 T3 T4"

static void r222_2023(struct v_run *run, const struct v_child *c)
{
	urn_not_needed(run, c, "H5 P2 Z1 " NO_URN_2025);
}

static void r222_2024(struct v_run *run, const struct v_child *c)
{
	urn_not_needed(run, c, "P2 Z1 " NO_URN_2025);
}

static void r222_2025(struct v_run *run, const struct v_child *c)
{
	urn_not_needed(run, c, "Z1 " NO_URN_2025);
}

static void r222_2026(struct v_run *run, const struct v_child *c)
{
	urn_not_needed(run, c, "Z11 Z12 Z13 Z14 " NO_URN_2025);
}

/*
 * 218: a URN for every placement that is not exempt, unless the episode
 * ended before the year began or the placement is outside England
 * (PL_LA a Welsh, Scottish or Northern Irish code).  The 2026 peer tests
 * PL_LA against pseudo-codes (WAL, SCO, ...) that derivation never
 * yields; the meaning, a placement outside England, is kept.
 */
static void urn_required(struct v_run *run, const struct v_child *c,
			 const char *exempt)
{
	int32_t start = v_year_start(run);

	for (size_t i = 0; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i];
		char n = e->pl_la[0];

		if (e->dec != DATE_NONE && e->dec < start)
			continue;
		if (!v_blank(e->urn) || v_in_list(e->place, exempt))
			continue;
		if (n == 'W' || n == 'S' || n == 'N')
			continue;
		v_flag(run, S903_EPISODES, e);
	}
}

static void r218_2023(struct v_run *run, const struct v_child *c)
{
	urn_required(run, c, "H5 P2 Z1 " NO_URN_2025);
}

static void r218_2025(struct v_run *run, const struct v_child *c)
{
	urn_required(run, c, "Z1 " NO_URN_2025);
}

static void r218_2026(struct v_run *run, const struct v_child *c)
{
	urn_required(run, c, "Z11 Z12 Z13 Z14 " NO_URN_2025);
}

/*
 * 226: no REASON_PLACE_CHANGE on a temporary placement (T0-T4), nor on
 * the episode before one (the reason sits on the episode that ends).
 * Only the message changed in 2026.
 */
static void r226(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i];

		if (!v_in_list(e->place, TEMPORARY))
			continue;
		if (!v_blank(e->reason_place_change) ||
		    (i && !v_blank(c->ep[i - 1].reason_place_change)))
			v_flag(run, S903_EPISODES, e);
	}
}

/*
 * 225: an episode that ends in a change of placement (REC X1, the next
 * episode's RNE P, B, T or U), neither of them temporary, says why.
 */
static void r225(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i + 1 < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i], *n = &c->ep[i + 1];

		if (!strcmp(e->rec, "X1") && v_blank(e->reason_place_change) &&
		    !v_in_list(e->place, TEMPORARY) &&
		    v_in_list(n->rne, "P B T U") &&
		    !v_in_list(n->place, TEMPORARY))
			v_flag(run, S903_EPISODES, e);
	}
}

/*
 * 233: no REASON_PLACE_CHANGE on an episode that has not ended.  (The
 * peer reads a column "DATE_EPISODE_CEASED" no table has; DEC is meant.)
 */
static void r233(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nep; i++)
		if (c->ep[i].dec == DATE_NONE &&
		    !v_blank(c->ep[i].reason_place_change))
			v_flag(run, S903_EPISODES, &c->ep[i]);
}

/*
 * 336: placed for adoption (A3, A4) straight from somewhere other than
 * a foster or adoptive placement.  A child's first episode is not
 * judged: its previous placement may be in an earlier return.
 */
static void r336(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 1; i < c->nep; i++)
		if (v_in_list(c->ep[i].place, "A3 A4") &&
		    !v_in_list(c->ep[i - 1].place, FOSTER_ADOPT))
			v_flag(run, S903_EPISODES, &c->ep[i]);
}

/* 353: no episode starts before 14 October 1991 (the Children Act). */
static void r353(struct v_run *run, const struct v_child *c)
{
	int32_t act = date_from_ymd(1991, 10, 14);

	for (size_t i = 0; i < c->nep; i++)
		if (c->ep[i].decom != DATE_NONE && c->ep[i].decom < act)
			v_flag(run, S903_EPISODES, &c->ep[i]);
}

/* 354: no episode starts after the year's last day. */
static void r354(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nep; i++)
		if (c->ep[i].decom != DATE_NONE &&
		    c->ep[i].decom > v_year_end(run))
			v_flag(run, S903_EPISODES, &c->ep[i]);
}

/* 355: an episode that ends the day it begins. */
static void r355(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nep; i++)
		if (c->ep[i].dec != DATE_NONE && c->ep[i].dec == c->ep[i].decom)
			v_flag(run, S903_EPISODES, &c->ep[i]);
}

/* 356: an episode that ends before it begins. */
static void r356(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nep; i++)
		if (c->ep[i].dec != DATE_NONE && c->ep[i].decom != DATE_NONE &&
		    c->ep[i].dec < c->ep[i].decom)
			v_flag(run, S903_EPISODES, &c->ep[i]);
}

/*
 * 357: a child's first episode, when it began this year, began with
 * starting to be looked after (RNE S).  One that began earlier may have
 * a predecessor in an earlier return.
 */
static void r357(struct v_run *run, const struct v_child *c)
{
	const struct s903_episode *e = NULL;

	for (size_t i = 0; i < c->nep && !e; i++)
		if (c->ep[i].decom != DATE_NONE)
			e = &c->ep[i];
	if (e && e->decom >= v_year_start(run) && strcmp(e->rne, "S"))
		v_flag(run, S903_EPISODES, e);
}

/* 365: a short break (V3) lasts 17 days at most (open: to 31 March). */
static void r365(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i];

		if (!strcmp(e->ls, "V3") && e->decom != DATE_NONE &&
		    ep_end(run, e) > e->decom + 17)
			v_flag(run, S903_EPISODES, e);
	}
}

/* 366: a short break (V3) episode begins a period of care (RNE S). */
static void r366(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nep; i++)
		if (!strcmp(c->ep[i].ls, "V3") && strcmp(c->ep[i].rne, "S"))
			v_flag(run, S903_EPISODES, &c->ep[i]);
}

/*
 * 367: 75 days of short breaks (V3) in the year at most.  Each episode
 * counts the days it lasted inside the year; when the total is over,
 * every V3 episode that counted is flagged.
 */
static void r367(struct v_run *run, const struct v_child *c)
{
	int32_t start = v_year_start(run), end = v_year_end(run);
	long total = 0;

	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < c->nep; i++) {
			const struct s903_episode *e = &c->ep[i];
			int32_t from = e->decom, to = ep_end(run, e);

			if (strcmp(e->ls, "V3") || from == DATE_NONE)
				continue;
			if (from < start)
				from = start;
			if (to > end)
				to = end;
			if (to <= from)
				continue;
			if (!pass)
				total += to - from;
			else if (total > 75)
				v_flag(run, S903_EPISODES, e);
		}
}

/*
 * 361-364: a legal status that lasts a few days at most.  A stretch of
 * the status is a run of the child's episodes with that LS, each
 * beginning the day the one before ended; it lasts from the first DECOM
 * to the last DEC (31 March while open).  Every episode of a stretch
 * that is too long is flagged.
 */
static void status_limit(struct v_run *run, const struct v_child *c,
			 const char *ls, int32_t days)
{
	size_t i = 0;

	while (i < c->nep) {
		size_t j = i;

		if (strcmp(c->ep[i].ls, ls) || c->ep[i].decom == DATE_NONE) {
			i++;
			continue;
		}
		while (j + 1 < c->nep && !strcmp(c->ep[j + 1].ls, ls) &&
		       c->ep[j].dec != DATE_NONE &&
		       c->ep[j + 1].decom == c->ep[j].dec)
			j++;
		if (ep_end(run, &c->ep[j]) - c->ep[i].decom > days)
			for (size_t k = i; k <= j; k++)
				v_flag(run, S903_EPISODES, &c->ep[k]);
		i = j + 1;
	}
}

/* 361: police protection (L1), 72 hours. */
static void r361(struct v_run *run, const struct v_child *c)
{
	status_limit(run, c, "L1", 3);
}

/* 362: emergency protection order (L2), 21 days. */
static void r362(struct v_run *run, const struct v_child *c)
{
	status_limit(run, c, "L2", 21);
}

/* 363: child assessment order (L3), 7 days. */
static void r363(struct v_run *run, const struct v_child *c)
{
	status_limit(run, c, "L3", 7);
}

/* 364: detained under PACE in council accommodation (J2), 21 days. */
static void r364(struct v_run *run, const struct v_child *c)
{
	status_limit(run, c, "J2", 21);
}

/* ---- episodes against the child's Header ------------------------------ */

/*
 * 210: a child looked after for more than a week at 31 March has a UPN,
 * not UN4 ("not yet obtained"): UN4 with an episode from 24 March on.
 */
static void r210(struct v_run *run, const struct v_child *c)
{
	int y, m, d;
	int32_t ref;
	bool any = false;

	if (!c->h || strcmp(c->h->upn, "UN4"))
		return;
	date_to_ymd(v_year_end(run), &y, &m, &d);
	ref = date_from_ymd(y, 3, 24);
	for (size_t i = 0; i < c->nep; i++)
		if (c->ep[i].decom != DATE_NONE && c->ep[i].decom >= ref) {
			v_flag(run, S903_EPISODES, &c->ep[i]);
			any = true;
		}
	if (any)
		v_flag(run, S903_HEADER, c->h);
}

/*
 * 234: a child under 10 is not moved because of custody: no
 * REASON_PLACE_CHANGE CUSTOD on an episode begun before the tenth
 * birthday (the peer judges the episode that carries the reason).
 */
static void r234(struct v_run *run, const struct v_child *c)
{
	bool any = false;

	if (!c->h)
		return;
	for (size_t i = 0; i < c->nep; i++)
		if (!strcmp(c->ep[i].reason_place_change, "CUSTOD") &&
		    younger_than(c->h->dob, c->ep[i].decom, 10)) {
			v_flag(run, S903_EPISODES, &c->ep[i]);
			any = true;
		}
	if (any)
		v_flag(run, S903_HEADER, c->h);
}

/* 302: the child's first episode begins after the date of birth. */
static void r302(struct v_run *run, const struct v_child *c)
{
	if (!c->h || !c->nep || c->h->dob == DATE_NONE ||
	    c->ep[0].decom == DATE_NONE || c->ep[0].decom >= c->h->dob)
		return;
	v_flag(run, S903_EPISODES, &c->ep[0]);
	v_flag(run, S903_HEADER, c->h);
}

/* 352: no one starts to be looked after (RNE S) at 18 or over. */
static void r352(struct v_run *run, const struct v_child *c)
{
	if (!c->h || c->h->dob == DATE_NONE)
		return;
	for (size_t i = 0; i < c->nep; i++)
		if (!strcmp(c->ep[i].rne, "S") &&
		    c->ep[i].decom != DATE_NONE &&
		    !younger_than(c->h->dob, c->ep[i].decom, 18))
			v_flag(run, S903_EPISODES, &c->ep[i]);
}

/*
 * 358: the youth justice statuses (J1-J3) are for children over 10: the
 * episode begins after the tenth birthday (on it is still too young).
 */
static void r358(struct v_run *run, const struct v_child *c)
{
	bool any = false;

	if (!c->h || c->h->dob == DATE_NONE)
		return;
	for (size_t i = 0; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i];

		if (!v_in_list(e->ls, "J1 J2 J3") || e->decom == DATE_NONE)
			continue;
		if (younger_than(c->h->dob, e->decom - 1, 10)) {
			v_flag(run, S903_EPISODES, e);
			any = true;
		}
	}
	if (any)
		v_flag(run, S903_HEADER, c->h);
}

/*
 * 359: a young person who was 18 before 31 March and is still looked
 * after is accommodated under section 20(5) (V2) in a children's home
 * (K2).
 */
static void r359(struct v_run *run, const struct v_child *c)
{
	if (!c->h || c->h->dob == DATE_NONE ||
	    younger_than(c->h->dob, v_year_end(run) - 1, 18))
		return;
	for (size_t i = 0; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i];

		if (e->dec == DATE_NONE &&
		    !(!strcmp(e->ls, "V2") && !strcmp(e->place, "K2")))
			v_flag(run, S903_EPISODES, e);
	}
}

/*
 * 371, 372: a placement type with a minimum age at its start.  The peer
 * judges ended episodes only (it drops rows without DEC); kept.
 */
static void place_min_age(struct v_run *run, const struct v_child *c,
			  const char *place, int years)
{
	if (!c->h)
		return;
	for (size_t i = 0; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i];

		if (!strcmp(e->place, place) && e->dec != DATE_NONE &&
		    younger_than(c->h->dob, e->decom, years))
			v_flag(run, S903_EPISODES, e);
	}
}

static void r371_2023(struct v_run *run, const struct v_child *c)
{
	place_min_age(run, c, "H5", 14);
}

static void r371_2024(struct v_run *run, const struct v_child *c)
{
	place_min_age(run, c, "H5", 16);
}

static void r371_2025(struct v_run *run, const struct v_child *c)
{
	place_min_age(run, c, "K3", 16);
}

static void r372(struct v_run *run, const struct v_child *c)
{
	place_min_age(run, c, "R5", 10);
}

/* ---- a child with no episodes ---------------------------------------- */

/*
 * 1012: a child with no episode this year (one known only through OC3)
 * has no rows in the tables about the year's care.
 */
static void r1012(struct v_run *run, const struct v_child *c)
{
	if (c->nep)
		return;
	for (size_t i = 0; i < c->npa; i++)
		v_flag(run, S903_PLACED_ADOPTION, &c->pa[i]);
	for (size_t i = 0; i < c->nmis; i++)
		v_flag(run, S903_MISSING, &c->mis[i]);
	for (size_t i = 0; i < c->nrev; i++)
		v_flag(run, S903_REVIEWS, &c->rev[i]);
	for (size_t i = 0; i < c->nad1; i++)
		v_flag(run, S903_AD1, &c->ad1[i]);
	for (size_t i = 0; i < c->npp; i++)
		v_flag(run, S903_PREV_PERM, &c->pp[i]);
	for (size_t i = 0; i < c->noc2; i++)
		v_flag(run, S903_OC2, &c->oc2[i]);
}

/* ---- the placement's council (PL_LA, derived from PL_POST) ------------ */

/*
 * 169, 179: the placement's council is known (PL_LA, and PL_LOCATION
 * which is derived from it) unless the episode is a short break.  PL_LA
 * is derived at import from PL_POST; when the import had no postcode
 * register no episode has one, and then nothing is reported (the rule
 * would blame every episode for a missing register).
 */
static void pl_la_known(struct v_run *run)
{
	size_t n;
	const struct s903_return *r = v_in(run)->r;
	const struct v_child *cs = v_children(run, &n);
	bool derived = false;

	for (size_t i = 0; i < r->nepisodes && !derived; i++)
		derived = !v_blank(r->episodes[i].pl_la);
	if (!derived)
		return;
	for (size_t k = 0; k < n; k++)
		for (size_t i = 0; i < cs[k].nep; i++) {
			const struct s903_episode *e = &cs[k].ep[i];

			if (!v_in_list(e->ls, SHORT_BREAK) &&
			    v_blank(e->pl_la))
				v_flag(run, S903_EPISODES, e);
		}
}

/*
 * 1015: the council's own provision (PR1), other than foster care and
 * adoption and short breaks, is inside the council.  An unknown PL_LA
 * is 169's to report.
 */
static void r1015(struct v_run *run, const struct v_child *c)
{
	const char *la = v_in(run)->r->la;

	for (size_t i = 0; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i];

		if (strcmp(e->place_provider, "PR1") || v_blank(e->place) ||
		    v_blank(e->ls) || v_in_list(e->place, FOSTER_ADOPT) ||
		    v_in_list(e->ls, SHORT_BREAK) || v_blank(e->pl_la))
			continue;
		if (strcmp(e->pl_la, la))
			v_flag(run, S903_EPISODES, e);
	}
}

/* ---- URNs against the register of homes ------------------------------- */

/* 1008: a URN (other than XXXXXXX) is one the register knows. */
static void r1008(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nep; i++)
		if (has_urn(&c->ep[i]) && !v_home_find(run, c->ep[i].urn))
			v_flag(run, S903_EPISODES, &c->ep[i]);
}

/* Whether two postcodes are the same, ignoring spaces and case. */
static bool same_postcode(const char *a, const char *b)
{
	for (;;) {
		while (*a == ' ')
			a++;
		while (*b == ' ')
			b++;
		if (!*a || !*b)
			return !*a && !*b;
		if (toupper((unsigned char)*a++) !=
		    toupper((unsigned char)*b++))
			return false;
	}
}

/*
 * 221: for a registered home (the year's list of types), PL_POST is the
 * home's postcode.  A URN the register does not know is 1008's.
 */
static void urn_postcode(struct v_run *run, const struct v_child *c,
			 const char *places)
{
	for (size_t i = 0; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i];
		const struct home *h;

		if (!has_urn(e) || v_in_list(e->ls, SHORT_BREAK) ||
		    !v_in_list(e->place, places) || v_blank(e->pl_post))
			continue;
		h = v_home_find(run, e->urn);
		if (h && !same_postcode(e->pl_post, h->postcode))
			v_flag(run, S903_EPISODES, e);
	}
}

static void r221_2023(struct v_run *run, const struct v_child *c)
{
	urn_postcode(run, c, "K1 K2 R3 S1");
}

static void r221_2024(struct v_run *run, const struct v_child *c)
{
	urn_postcode(run, c, "H5 K1 K2 R3 S1");
}

static void r221_2025(struct v_run *run, const struct v_child *c)
{
	urn_postcode(run, c, "K1 K2 K3 R3 S1");
}

/* 227: the episode began before the home's registration ended. */
static void r227(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i];
		const struct home *h = has_urn(e) ?
					 v_home_find(run, e->urn) : NULL;

		if (h && h->closed != DATE_NONE && e->decom != DATE_NONE &&
		    e->decom >= h->closed)
			v_flag(run, S903_EPISODES, e);
	}
}

/*
 * 228: the episode ended by the day the home's registration ended; an
 * open one, when the registration ended before 31 March.
 */
static void r228(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i];
		const struct home *h = has_urn(e) ?
					 v_home_find(run, e->urn) : NULL;

		if (h && h->closed != DATE_NONE && ep_end(run, e) > h->closed)
			v_flag(run, S903_EPISODES, e);
	}
}

/*
 * 229: own provision (PR1) is a home of this council, other council
 * provision (PR2) a home of another.
 */
static void r229(struct v_run *run, const struct v_child *c)
{
	const char *la = v_in(run)->r->la;

	for (size_t i = 0; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i];
		const struct home *h = has_urn(e) ?
					 v_home_find(run, e->urn) : NULL;
		bool ours;

		if (!h)
			continue;
		ours = !strcmp(h->la, la);
		if ((!strcmp(e->place_provider, "PR1") && !ours) ||
		    (!strcmp(e->place_provider, "PR2") && ours))
			v_flag(run, S903_EPISODES, e);
	}
}

/* ---- the registry ------------------------------------------------------ */

#define MSG_146_EN "Placement type code is not a valid code."
#define MSG_146_CY "Nid yw cod y math o leoliad yn god dilys."
#define MSG_178_EN "Placement provider code is not a valid code."
#define MSG_178_CY "Nid yw cod darparwr y lleoliad yn god dilys."
#define MSG_213_EN "Placement provider information not required."
#define MSG_213_CY "Nid oes angen gwybodaeth am ddarparwr y lleoliad."
#define MSG_218_EN "Ofsted Unique reference number (URN) is required."
#define MSG_218_CY "Mae angen Cyfeirnod Unigryw (URN) Ofsted."
#define MSG_221_EN "The Ofsted Unique reference number (URN) provided " \
		   "for the child's placement does not match the " \
		   "placement postcode provided."
#define MSG_221_CY "Nid yw'r Cyfeirnod Unigryw (URN) Ofsted a roddwyd " \
		   "ar gyfer lleoliad y plentyn yn cyfateb i god post y " \
		   "lleoliad a roddwyd."
#define MSG_222_EN "Ofsted Unique reference number (URN) should not be " \
		   "recorded for this placement type."
#define MSG_222_CY "Ni ddylid cofnodi Cyfeirnod Unigryw (URN) Ofsted ar " \
		   "gyfer y math hwn o leoliad."

const struct v_rule v_rules_episodes[] = {
	{ .code = "1008", .from = 2023, .nations = V_ENGLAND,
	  .tables = EP, .needs_homes = true, .fields = "URN",
	  .en = "Ofsted Unique Reference Number (URN) is not valid.",
	  .cy = "Nid yw'r Cyfeirnod Unigryw (URN) Ofsted yn ddilys.",
	  .not_wales = NOT_WALES_URN, .child = r1008 },
	{ .code = "1009", .from = 2023, .nations = V_ALL,
	  .tables = EP, .fields = "REASON_PLACE_CHANGE",
	  .en = "Reason for placement change is not a valid code.",
	  .cy = "Nid yw'r rheswm dros newid lleoliad yn god dilys.",
	  .at_import = "code" },
	{ .code = "1012", .from = 2023, .nations = V_ALL,
	  .tables = EP, .fields = "CHILD",
	  .en = "No other data should be returned for OC3 children who had "
		"no episodes in the current year",
	  .cy = "Ni ddylid cyflwyno unrhyw ddata arall ar gyfer plant OC3 "
		"nad oedd ganddynt benodau yn y flwyddyn gyfredol",
	  .child = r1012 },
	{ .code = "1015", .from = 2023, .nations = V_ALL,
	  .tables = EP, .fields = "PL_LA",
	  .en = "Placement provider is own provision but child not placed "
		"in own LA.",
	  .cy = "Darpariaeth yr awdurdod ei hun yw darparwr y lleoliad ond "
		"nid yw'r plentyn wedi'i leoli yn ardal yr awdurdod lleol "
		"ei hun.",
	  .child = r1015 },
	{ .code = "141", .from = 2023, .nations = V_ALL,
	  .tables = EP, .fields = "DECOM",
	  .en = "Date episode began is not a valid date.",
	  .cy = "Nid yw'r dyddiad y dechreuodd y bennod yn ddyddiad dilys.",
	  .at_import = "date" },
	{ .code = "142", .from = 2023, .nations = V_ALL,
	  .tables = EP, .fields = "DEC,REC",
	  .en = "A new episode has started, but the previous episode has not "
		"ended.",
	  .cy = "Mae pennod newydd wedi dechrau, ond nid yw'r bennod flaenorol "
		"wedi dod i ben.",
	  .child = r142 },
	{ .code = "143", .from = 2023, .nations = V_ALL,
	  .tables = EP, .fields = "RNE",
	  .en = "The reason for new episode code is not a valid code.",
	  .cy = "Nid yw cod y rheswm dros bennod newydd yn god dilys.",
	  .at_import = "code" },
	{ .code = "144", .from = 2023, .nations = V_ALL,
	  .tables = EP, .fields = "LS",
	  .en = "The legal status code is not a valid code.",
	  .cy = "Nid yw cod y statws cyfreithiol yn god dilys.",
	  .at_import = "code" },
	{ .code = "145", .from = 2023, .nations = V_ALL,
	  .tables = EP, .fields = "CIN",
	  .en = "Category of need code is not a valid code.",
	  .cy = "Nid yw cod y categori angen yn god dilys.",
	  .at_import = "code" },
	{ .code = "146", .from = 2023, .to = 2024, .nations = V_ALL,
	  .tables = EP, .fields = "PLACE",
	  .en = MSG_146_EN, .cy = MSG_146_CY, .child = r146_2023 },
	{ .code = "146", .from = 2025, .to = 2025, .nations = V_ALL,
	  .tables = EP, .fields = "PLACE",
	  .en = MSG_146_EN, .cy = MSG_146_CY, .child = r146_2025 },
	{ .code = "146", .from = 2026, .nations = V_ALL,
	  .tables = EP, .fields = "PLACE",
	  .en = MSG_146_EN, .cy = MSG_146_CY, .child = r146_2026 },
	{ .code = "147", .from = 2023, .nations = V_ALL,
	  .tables = EP, .fields = "DEC",
	  .en = "Date episode ceased is not a valid date.",
	  .cy = "Nid yw'r dyddiad y daeth y bennod i ben yn ddyddiad dilys.",
	  .at_import = "date" },
	{ .code = "148", .from = 2023, .nations = V_ALL,
	  .tables = EP, .fields = "DEC,REC",
	  .en = "Date episode ceased and reason episode ceased must both be "
		"coded, or both left blank.",
	  .cy = "Rhaid codio'r dyddiad y daeth y bennod i ben a'r rheswm y "
		"daeth y bennod i ben ill dau, neu adael y ddau yn wag.",
	  .child = r148 },
	{ .code = "149", .from = 2023, .nations = V_ALL,
	  .tables = EP, .fields = "REC",
	  .en = "Reason episode ceased code is not valid. ",
	  .cy = "Nid yw cod y rheswm y daeth y bennod i ben yn ddilys.",
	  .at_import = "code" },
	{ .code = "169", .from = 2023, .nations = V_ALL,
	  .tables = EP, .fields = "PL_LA",
	  .en = "Local Authority (LA) of placement is not valid or is "
		"missing. Please check a valid postcode has been entered.",
	  .cy = "Nid yw Awdurdod Lleol (ALl) y lleoliad yn ddilys neu mae ar "
		"goll. Gwiriwch fod cod post dilys wedi'i nodi.",
	  .whole = pl_la_known },
	{ .code = "178", .from = 2023, .to = 2025, .nations = V_ALL,
	  .tables = EP, .fields = "PLACE_PROVIDER",
	  .en = MSG_178_EN, .cy = MSG_178_CY, .child = r178_2023 },
	{ .code = "178", .from = 2026, .nations = V_ALL,
	  .tables = EP, .fields = "PLACE_PROVIDER",
	  .en = MSG_178_EN, .cy = MSG_178_CY, .child = r178_2026 },
	{ .code = "179", .from = 2023, .nations = V_ALL,
	  .tables = EP, .fields = "PL_LOCATION",
	  .en = "Placement location code is not a valid code.",
	  .cy = "Nid yw cod lleoliad y lleoliad yn god dilys.",
	  .whole = pl_la_known },
	{ .code = "210", .from = 2023, .nations = V_ALL,
	  .tables = EP_HDR, .fields = "UPN,DECOM",
	  .en = "Children looked after for more than a week at 31 March "
		"should not have an unknown Unique Pupil Number (UPN) code "
		"of UN4.",
	  .cy = "Ni ddylai plant sy'n derbyn gofal am fwy nag wythnos ar 31 "
		"Mawrth fod â chod Rhif Unigryw Disgybl (UPN) anhysbys UN4.",
	  .child = r210 },
	{ .code = "213", .from = 2023, .to = 2025, .nations = V_ALL,
	  .tables = EP, .fields = "PLACE_PROVIDER",
	  .en = MSG_213_EN, .cy = MSG_213_CY, .child = r213_2023 },
	{ .code = "213", .from = 2026, .nations = V_ALL,
	  .tables = EP, .fields = "PLACE_PROVIDER",
	  .en = MSG_213_EN, .cy = MSG_213_CY, .child = r213_2026 },
	{ .code = "214", .from = 2023, .nations = V_ALL,
	  .tables = EP, .fields = "PL_POST,URN",
	  .en = "Placement location information not required.",
	  .cy = "Nid oes angen gwybodaeth am leoliad y lleoliad.",
	  .child = r214 },
	{ .code = "217", .from = 2023, .nations = V_ALL,
	  .tables = EP, .fields = "PLACE,DECOM,RNE",
	  .en = "Children who are placed for adoption with current foster "
		"carers (placement types A3 or A5) must have a reason for new "
		"episode of S, T or U.",
	  .cy = "Rhaid i blant sydd wedi'u lleoli i'w mabwysiadu gyda'u "
		"gofalwyr maeth presennol (mathau o leoliad A3 neu A5) gael "
		"rheswm dros bennod newydd o S, T neu U.",
	  .child = r217 },
	{ .code = "218", .from = 2023, .to = 2024, .nations = V_ENGLAND,
	  .tables = EP, .fields = "URN",
	  .en = MSG_218_EN, .cy = MSG_218_CY,
	  .not_wales = NOT_WALES_URN, .child = r218_2023 },
	{ .code = "218", .from = 2025, .to = 2025, .nations = V_ENGLAND,
	  .tables = EP, .fields = "URN",
	  .en = MSG_218_EN, .cy = MSG_218_CY,
	  .not_wales = NOT_WALES_URN, .child = r218_2025 },
	{ .code = "218", .from = 2026, .nations = V_ENGLAND,
	  .tables = EP, .fields = "URN",
	  .en = MSG_218_EN, .cy = MSG_218_CY,
	  .not_wales = NOT_WALES_URN, .child = r218_2026 },
	{ .code = "219", .from = 2023, .nations = V_ENGLAND,
	  .tables = EP, .needs_homes = true, .fields = "URN,PLACE",
	  .en = "The Ofsted Unique reference number (URN) provided for the "
		"child's placement does not match the placement type "
		"recorded.",
	  .cy = "Nid yw'r Cyfeirnod Unigryw (URN) Ofsted a roddwyd ar gyfer "
		"lleoliad y plentyn yn cyfateb i'r math o leoliad a "
		"gofnodwyd.",
	  .not_wales = NOT_WALES_URN,
	  .todo = "the register of homes (struct home) has no placement "
		  "types per URN" },
	{ .code = "221", .from = 2023, .to = 2023, .nations = V_ENGLAND,
	  .tables = EP, .needs_homes = true, .fields = "PL_POST",
	  .en = MSG_221_EN, .cy = MSG_221_CY,
	  .not_wales = NOT_WALES_URN, .child = r221_2023 },
	{ .code = "221", .from = 2024, .to = 2024, .nations = V_ENGLAND,
	  .tables = EP, .needs_homes = true, .fields = "PL_POST",
	  .en = MSG_221_EN, .cy = MSG_221_CY,
	  .not_wales = NOT_WALES_URN, .child = r221_2024 },
	{ .code = "221", .from = 2025, .nations = V_ENGLAND,
	  .tables = EP, .needs_homes = true, .fields = "PL_POST",
	  .en = MSG_221_EN, .cy = MSG_221_CY,
	  .not_wales = NOT_WALES_URN, .child = r221_2025 },
	{ .code = "222", .from = 2023, .to = 2023, .nations = V_ENGLAND,
	  .tables = EP, .fields = "URN",
	  .en = MSG_222_EN, .cy = MSG_222_CY,
	  .not_wales = NOT_WALES_URN, .child = r222_2023 },
	{ .code = "222", .from = 2024, .to = 2024, .nations = V_ENGLAND,
	  .tables = EP, .fields = "URN",
	  .en = MSG_222_EN, .cy = MSG_222_CY,
	  .not_wales = NOT_WALES_URN, .child = r222_2024 },
	{ .code = "222", .from = 2025, .to = 2025, .nations = V_ENGLAND,
	  .tables = EP, .fields = "URN",
	  .en = MSG_222_EN, .cy = MSG_222_CY,
	  .not_wales = NOT_WALES_URN, .child = r222_2025 },
	{ .code = "222", .from = 2026, .nations = V_ENGLAND,
	  .tables = EP, .fields = "URN",
	  .en = MSG_222_EN, .cy = MSG_222_CY,
	  .not_wales = NOT_WALES_URN, .child = r222_2026 },
	{ .code = "224", .from = 2023, .nations = V_ENGLAND,
	  .tables = EP, .needs_homes = true, .fields = "PLACE_PROVIDER",
	  .en = "The Ofsted Unique reference number (URN) provided for the "
		"child's placement does not match the placement provider "
		"recorded.",
	  .cy = "Nid yw'r Cyfeirnod Unigryw (URN) Ofsted a roddwyd ar gyfer "
		"lleoliad y plentyn yn cyfateb i ddarparwr y lleoliad a "
		"gofnodwyd.",
	  .not_wales = NOT_WALES_URN,
	  .todo = "the register of homes (struct home) has no provider "
		  "codes per URN" },
	{ .code = "225", .from = 2023, .nations = V_ALL,
	  .tables = EP, .fields = "REASON_PLACE_CHANGE",
	  .en = "Reason for placement change must be recorded.",
	  .cy = "Rhaid cofnodi'r rheswm dros newid lleoliad.",
	  .child = r225 },
	{ .code = "226", .from = 2023, .to = 2025, .nations = V_ALL,
	  .tables = EP, .fields = "REASON_PLACE_CHANGE,PLACE",
	  .en = "Reason for placement change is not required.",
	  .cy = "Nid oes angen rheswm dros newid lleoliad.",
	  .child = r226 },
	{ .code = "226", .from = 2026, .nations = V_ALL,
	  .tables = EP, .fields = "REASON_PLACE_CHANGE,PLACE",
	  .en = "Reason for placement change is not required for temporary "
		"placements.",
	  .cy = "Nid oes angen rheswm dros newid lleoliad ar gyfer "
		"lleoliadau dros dro.",
	  .child = r226 },
	{ .code = "227", .from = 2023, .nations = V_ENGLAND,
	  .tables = EP, .needs_homes = true, .fields = "URN,DECOM",
	  .en = "Ofsted Unique reference number (URN) is not valid for the "
		"episode start date.",
	  .cy = "Nid yw'r Cyfeirnod Unigryw (URN) Ofsted yn ddilys ar gyfer "
		"dyddiad dechrau'r bennod.",
	  .not_wales = NOT_WALES_URN, .child = r227 },
	{ .code = "228", .from = 2023, .nations = V_ENGLAND,
	  .tables = EP, .needs_homes = true, .fields = "URN,DEC",
	  .en = "Ofsted Unique reference number (URN) is not valid for the "
		"episode end date [NOTE: may give false positives on open "
		"episodes at providers who close during the year]",
	  .cy = "Nid yw'r Cyfeirnod Unigryw (URN) Ofsted yn ddilys ar gyfer "
		"dyddiad diwedd y bennod [NODER: gall roi canlyniadau "
		"positif ffug ar gyfer penodau agored gyda darparwyr sy'n "
		"cau yn ystod y flwyddyn]",
	  .not_wales = NOT_WALES_URN, .child = r228 },
	{ .code = "229", .from = 2023, .nations = V_ENGLAND,
	  .tables = EP, .needs_homes = true, .fields = "URN,PLACE_PROVIDER",
	  .en = "Placement provider does not match between the placing "
		"authority and the local authority code of the provider. "
		"[NOTE: The provider's LA code is inferred from the its "
		"postcode, and may be inaccurate in some cases.]",
	  .cy = "Nid yw darparwr y lleoliad yn cyfateb rhwng yr awdurdod "
		"lleoli a chod awdurdod lleol y darparwr. [NODER: Mae cod "
		"ALl y darparwr yn cael ei gasglu o'i god post, a gall fod "
		"yn anghywir mewn rhai achosion.]",
	  .not_wales = NOT_WALES_URN, .child = r229 },
	{ .code = "233", .from = 2026, .nations = V_ALL,
	  .tables = EP, .fields = "REASON_PLACE_CHANGE",
	  .en = "Reason for placement change is not required when the "
		"episode has not ceased.",
	  .cy = "Nid oes angen rheswm dros newid lleoliad pan nad yw'r "
		"bennod wedi dod i ben.",
	  .child = r233 },
	{ .code = "234", .from = 2026, .nations = V_ALL,
	  .tables = EP_HDR, .fields = "REASON_PLACE_CHANGE,DOB",
	  .en = "A child aged under 10 can not change placement due to "
		"being admitted to custody",
	  .cy = "Ni all plentyn o dan 10 oed newid lleoliad oherwydd ei fod "
		"wedi'i dderbyn i'r ddalfa",
	  .child = r234 },
	{ .code = "302", .from = 2023, .nations = V_ALL,
	  .tables = EP_HDR, .fields = "DECOM,DOB",
	  .en = "First episode starts before child was born.",
	  .cy = "Mae'r bennod gyntaf yn dechrau cyn geni'r plentyn.",
	  .child = r302 },
	{ .code = "336", .from = 2023, .nations = V_ALL,
	  .tables = EP, .fields = "PLACE",
	  .en = "Child does not have a foster placement immediately prior "
		"to being placed for adoption.",
	  .cy = "Nid oedd gan y plentyn leoliad maeth yn union cyn cael ei "
		"leoli i'w fabwysiadu.",
	  .child = r336 },
	{ .code = "352", .from = 2023, .nations = V_ALL,
	  .tables = EP_HDR, .fields = "DECOM,RNE",
	  .en = "Child who started to be looked after was aged 18 or over.",
	  .cy = "Roedd y plentyn a ddechreuodd dderbyn gofal yn 18 oed neu'n "
		"hŷn.",
	  .child = r352 },
	{ .code = "353", .from = 2023, .nations = V_ALL,
	  .tables = EP, .fields = "DECOM",
	  .en = "No episode submitted can start before 14 October 1991.",
	  .cy = "Ni all unrhyw bennod a gyflwynir ddechrau cyn 14 Hydref "
		"1991.",
	  .child = r353 },
	{ .code = "354", .from = 2023, .nations = V_ALL,
	  .tables = EP, .fields = "DECOM",
	  .en = "Date episode ceased must be on or before the end of the "
		"current collection year.",
	  .cy = "Rhaid i'r dyddiad y daeth y bennod i ben fod ar ddiwedd y "
		"flwyddyn gasglu gyfredol neu cyn hynny.",
	  .child = r354 },
	{ .code = "355", .from = 2023, .nations = V_ALL,
	  .tables = EP, .fields = "DECOM,DEC",
	  .en = "Episode appears to have lasted for less than 24 hours",
	  .cy = "Mae'n ymddangos bod y bennod wedi para llai na 24 awr",
	  .child = r355 },
	{ .code = "356", .from = 2023, .nations = V_ALL,
	  .tables = EP, .fields = "DECOM",
	  .en = "The date the episode ceased is before the date the same "
		"episode started.",
	  .cy = "Mae'r dyddiad y daeth y bennod i ben cyn y dyddiad y "
		"dechreuodd yr un bennod.",
	  .child = r356 },
	{ .code = "357", .from = 2023, .nations = V_ALL,
	  .tables = EP, .fields = "RNE",
	  .en = "If this is the first episode ever for this child, reason "
		"for new episode must be S.  Check whether there is an "
		"episode immediately preceding this one, which has been left "
		"out.  If not the reason for new episode code must be "
		"amended to S.",
	  .cy = "Os mai hon yw pennod gyntaf erioed y plentyn hwn, rhaid i'r "
		"rheswm dros bennod newydd fod yn S.  Gwiriwch a oes pennod "
		"yn union cyn hon sydd wedi'i hepgor.  Os nad oes, rhaid "
		"newid cod y rheswm dros bennod newydd i S.",
	  .child = r357 },
	{ .code = "358", .from = 2023, .nations = V_ALL,
	  .tables = EP_HDR, .fields = "DECOM,DOB,LS",
	  .en = "Child with this legal status should not be under 10.",
	  .cy = "Ni ddylai plentyn â'r statws cyfreithiol hwn fod o dan 10 "
		"oed.",
	  .child = r358 },
	{ .code = "359", .from = 2023, .nations = V_ALL,
	  .tables = EP_HDR, .fields = "DEC,LS,PLACE",
	  .en = "Child being looked after following 18th birthday must be "
		"accommodated under section 20(5) of the Children Act 1989 "
		"in a community home.",
	  .cy = "Rhaid i blentyn sy'n derbyn gofal ar ôl ei ben-blwydd yn 18 "
		"oed gael ei letya o dan adran 20(5) o Ddeddf Plant 1989 "
		"mewn cartref cymunedol.",
	  .child = r359 },
	{ .code = "361", .from = 2023, .nations = V_ALL,
	  .tables = EP, .fields = "DECOM,LS,DEC",
	  .en = "Police protection legal status lasted longer than maximum "
		"72 hours allowed in the Children Act 1989.",
	  .cy = "Parhaodd y statws cyfreithiol amddiffyn gan yr heddlu yn "
		"hwy na'r uchafswm o 72 awr a ganiateir yn Neddf Plant "
		"1989.",
	  .child = r361 },
	{ .code = "362", .from = 2023, .nations = V_ALL,
	  .tables = EP, .fields = "DECOM,LS,DEC",
	  .en = "Emergency protection order (EPO) lasted longer than 21 days",
	  .cy = "Parhaodd y gorchymyn diogelu brys (EPO) yn hwy na 21 "
		"diwrnod",
	  .child = r362 },
	{ .code = "363", .from = 2023, .nations = V_ALL,
	  .tables = EP, .fields = "LS,DECOM,DEC",
	  .en = "Child assessment order (CAO) lasted longer than 7 days "
		"allowed in the Children Act 1989.",
	  .cy = "Parhaodd y gorchymyn asesu plentyn (CAO) yn hwy na'r 7 "
		"diwrnod a ganiateir yn Neddf Plant 1989.",
	  .child = r363 },
	{ .code = "364", .from = 2023, .nations = V_ALL,
	  .tables = EP, .fields = "LS,DECOM,DEC",
	  .en = "Sections 41-46 of Police and Criminal Evidence (PACE; 1984) "
		"severely limits the time a child can be detained in custody "
		"in Local Authority (LA) accommodation.",
	  .cy = "Mae adrannau 41-46 o Ddeddf yr Heddlu a Thystiolaeth "
		"Droseddol (PACE; 1984) yn cyfyngu'n ddifrifol ar yr amser y "
		"gellir cadw plentyn yn y ddalfa yn llety'r Awdurdod Lleol "
		"(ALl).",
	  .child = r364 },
	{ .code = "365", .from = 2023, .nations = V_ALL,
	  .tables = EP, .fields = "LS,DECOM,DEC",
	  .en = "Any individual short- term respite placement must not "
		"exceed 17 days.",
	  .cy = "Ni ddylai unrhyw leoliad seibiant byr unigol fod yn hwy na "
		"17 diwrnod.",
	  .child = r365 },
	{ .code = "366", .from = 2023, .nations = V_ALL,
	  .tables = EP, .fields = "RNE",
	  .en = "A child cannot change placement during the course of an "
		"individual short-term respite break.",
	  .cy = "Ni all plentyn newid lleoliad yn ystod seibiant byr "
		"unigol.",
	  .child = r366 },
	{ .code = "367", .from = 2023, .nations = V_ALL,
	  .tables = EP, .fields = "LS,DECOM,DEC",
	  .en = "The maximum amount of respite care allowable is 75 days in "
		"any 12-month period.",
	  .cy = "Yr uchafswm o ofal seibiant a ganiateir yw 75 diwrnod mewn "
		"unrhyw gyfnod o 12 mis.",
	  .child = r367 },
	{ .code = "371", .from = 2023, .to = 2023, .nations = V_ALL,
	  .tables = EP_HDR, .fields = "DECOM,PLACE",
	  .en = "Child in semi-independent living accommodation not subject "
		"to children’s homes regulations should be at least 14.",
	  .cy = "Dylai plentyn mewn llety byw lled-annibynnol nad yw'n "
		"ddarostyngedig i reoliadau cartrefi plant fod yn 14 oed o "
		"leiaf.",
	  .child = r371_2023 },
	{ .code = "371", .from = 2024, .to = 2024, .nations = V_ALL,
	  .tables = EP_HDR, .fields = "DECOM,PLACE",
	  .en = "Child in semi-independent living accommodation not subject "
		"to children’s homes regulations should be at least 16.",
	  .cy = "Dylai plentyn mewn llety byw lled-annibynnol nad yw'n "
		"ddarostyngedig i reoliadau cartrefi plant fod yn 16 oed o "
		"leiaf.",
	  .child = r371_2024 },
	{ .code = "371", .from = 2025, .nations = V_ALL,
	  .tables = EP_HDR, .fields = "DECOM,PLACE",
	  .en = "Child in supported accomodation not subject to children’s "
		"homes regulations should be at least 16.",
	  .cy = "Dylai plentyn mewn llety â chymorth nad yw'n "
		"ddarostyngedig i reoliadau cartrefi plant fod yn 16 oed o "
		"leiaf.",
	  .child = r371_2025 },
	{ .code = "372", .from = 2023, .nations = V_ALL,
	  .tables = EP_HDR, .fields = "DECOM,PLACE",
	  .en = "Child in youth custody or prison should be at least 10.",
	  .cy = "Dylai plentyn yn y ddalfa ieuenctid neu yn y carchar fod yn "
		"10 oed o leiaf.",
	  .child = r372 },
	{ .code = NULL },
};
