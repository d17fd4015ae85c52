/*
 * rules-later.c: DfE SSDA903 rules about Reviews, Missing, AD1,
 * PlacedAdoption, PrevPerm and DoLo, alone or against the child's
 * Episodes and Header.  See validate.h for how a rule is written and
 * registered.
 *
 * Blank dates are DATE_NONE (INT32_MIN), so every comparison of two dates
 * first checks that both are there (HAS): the DfE's rules never compare
 * a blank date.
 */
#include "base/compat.h"
#include "base/xalloc.h"
#include "validate/validate.h"

#define HAS(d) ((d) != DATE_NONE)

#define ADOPT_PLACE "A3 A4 A5 A6"	/* placed for adoption */
#define ADOPTED "E11 E12"		/* REC: adopted */
#define PN_ALL "PN0 PN1 PN2 PN3 PN4 PN5 PN6 PN7"
#define PN_4UP "PN1 PN2 PN3 PN4 PN5 PN6 PN7"

static bool eq(const char *a, const char *b)
{
	return !strcmp(a, b);
}

/* ---- Reviews ------------------------------------------------------------ */

/* 166: REVIEW blank (a date that is not a date never loads). */
static void r166(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nrev; i++)
		if (!HAS(c->rev[i].review))
			v_flag(run, S903_REVIEWS, &c->rev[i]);
}

/* 167: a review has a participation code, and only a review has one. */
static void r167(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nrev; i++) {
		const struct s903_review *r = &c->rev[i];
		bool ok = HAS(r->review) ? v_in_list(r->review_code, PN_ALL)
					 : v_blank(r->review_code);

		if (!ok)
			v_flag(run, S903_REVIEWS, r);
	}
}

/* 440: PN0 (under 4) on a review after the fourth birthday. */
static void r440(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nrev; i++) {
		const struct s903_review *r = &c->rev[i];

		if (eq(r->review_code, "PN0") && HAS(r->review) &&
		    HAS(r->dob) && r->review > date_add_years(r->dob, 4))
			v_flag(run, S903_REVIEWS, r);
	}
}

/* 441: PN1-PN7 (4 or over) on a review before the fourth birthday. */
static void r441(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nrev; i++) {
		const struct s903_review *r = &c->rev[i];

		if (v_in_list(r->review_code, PN_4UP) && HAS(r->review) &&
		    HAS(r->dob) && r->review < date_add_years(r->dob, 4))
			v_flag(run, S903_REVIEWS, r);
	}
}

/*
 * 399: a child whose every episode is V3/V4 (short breaks) has no MOTHER,
 * no reviews.  The DfE pairs every episode, Header row and review: a
 * Header row is wrong when it has MOTHER or the child has review data, a
 * review when it has data or MOTHER is given.
 */
static void r399(struct v_run *run, const struct v_child *c)
{
	bool mother = false, revdata = false;

	if (!c->nep)
		return;
	for (size_t i = 0; i < c->nep; i++)
		if (!v_in_list(c->ep[i].ls, "V3 V4"))
			return;
	for (size_t i = 0; i < c->nh; i++)
		if (c->h[i].mother >= 0)
			mother = true;
	for (size_t i = 0; i < c->nrev; i++)
		if (HAS(c->rev[i].review) || !v_blank(c->rev[i].review_code))
			revdata = true;
	if (!mother && !revdata)
		return;
	for (size_t i = 0; i < c->nep; i++)
		v_flag(run, S903_EPISODES, &c->ep[i]);
	for (size_t i = 0; i < c->nh; i++)
		if (c->h[i].mother >= 0 || revdata)
			v_flag(run, S903_HEADER, &c->h[i]);
	for (size_t i = 0; i < c->nrev; i++)
		if (mother || HAS(c->rev[i].review) ||
		    !v_blank(c->rev[i].review_code))
			v_flag(run, S903_REVIEWS, &c->rev[i]);
}

/* ---- AD1 ---------------------------------------------------------------- */

/* How many of AD1's six adoption items are given. */
static int ad1_given(const struct s903_ad1 *a)
{
	return HAS(a->date_int) + HAS(a->date_match) +
	       !v_blank(a->foster_care) + !v_blank(a->nb_adoptr) +
	       !v_blank(a->sex_adoptr) + !v_blank(a->ls_adoptr);
}

/* A code rule on one AD1 column: flag a given value not in list. */
#define AD1_CODE(name, field, list)                                      \
	static void name(struct v_run *run, const struct v_child *c)     \
	{                                                                \
		for (size_t i = 0; i < c->nad1; i++)                     \
			if (!v_blank(c->ad1[i].field) &&                 \
			    !v_in_list(c->ad1[i].field, list))           \
				v_flag(run, S903_AD1, &c->ad1[i]);       \
	}

AD1_CODE(r114, foster_care, "0 1")
AD1_CODE(r175, nb_adoptr, "1 2")
AD1_CODE(r176, sex_adoptr, "M1 F1 MM FF MF")
AD1_CODE(r177, ls_adoptr, "L0 L11 L12 L2 L3 L4")

/* 151: the six adoption items all given or all blank. */
static void r151(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nad1; i++) {
		int n = ad1_given(&c->ad1[i]);

		if (n > 0 && n < 6)
			v_flag(run, S903_AD1, &c->ad1[i]);
	}
}

/*
 * The adopters' legal status against their genders: flag LS_ADOPTR ls
 * with a SEX_ADOPTR outside sexes (a blank one too).
 */
#define AD1_LS_SEX(name, ls, sexes)                                      \
	static void name(struct v_run *run, const struct v_child *c)     \
	{                                                                \
		for (size_t i = 0; i < c->nad1; i++)                     \
			if (eq(c->ad1[i].ls_adoptr, ls) &&               \
			    !v_in_list(c->ad1[i].sex_adoptr, sexes))     \
				v_flag(run, S903_AD1, &c->ad1[i]);       \
	}

AD1_LS_SEX(r514, "L0", "M1 F1")
AD1_LS_SEX(r517, "L3", "MF")
AD1_LS_SEX(r518, "L4", "MM FF")
AD1_LS_SEX(r519, "L2", "MM FF MF")
AD1_LS_SEX(r520, "L11", "MF")
AD1_LS_SEX(r524, "L12", "MM FF")

/* 511: two adopters are a couple (MM, FF, MF), not M1 or F1. */
static void r511(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nad1; i++)
		if (eq(c->ad1[i].nb_adoptr, "2") &&
		    v_in_list(c->ad1[i].sex_adoptr, "M1 F1"))
			v_flag(run, S903_AD1, &c->ad1[i]);
}

/* 333: with DATE_MATCH, DATE_INT is given and on or before it. */
static void r333(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nad1; i++) {
		const struct s903_ad1 *a = &c->ad1[i];

		if (HAS(a->date_match) &&
		    (!HAS(a->date_int) || a->date_int > a->date_match))
			v_flag(run, S903_AD1, a);
	}
}

/* ---- PlacedAdoption ----------------------------------------------------- */

/* 119: DATE_PLACED_CEASED and REASON_PLACED_CEASED both or neither. */
static void r119(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->npa; i++) {
		const struct s903_placed_adoption *p = &c->pa[i];

		if (HAS(p->date_placed_ceased) ==
		    v_blank(p->reason_placed_ceased))
			v_flag(run, S903_PLACED_ADOPTION, p);
	}
}

/* 120: REASON_PLACED_CEASED is RD1-RD4 when given. */
static void r120(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->npa; i++) {
		const char *s = c->pa[i].reason_placed_ceased;

		if (!v_blank(s) && !v_in_list(s, "RD1 RD2 RD3 RD4"))
			v_flag(run, S903_PLACED_ADOPTION, &c->pa[i]);
	}
}

/* 522: the decision ceases on or after it was made. */
static void r522(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->npa; i++) {
		const struct s903_placed_adoption *p = &c->pa[i];

		if (HAS(p->date_placed) && HAS(p->date_placed_ceased) &&
		    p->date_placed_ceased < p->date_placed)
			v_flag(run, S903_PLACED_ADOPTION, p);
	}
}

/* 563: a decision that ceased (date and reason) has a DATE_PLACED. */
static void r563(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->npa; i++) {
		const struct s903_placed_adoption *p = &c->pa[i];

		if (!v_blank(p->reason_placed_ceased) &&
		    HAS(p->date_placed_ceased) && !HAS(p->date_placed))
			v_flag(run, S903_PLACED_ADOPTION, p);
	}
}

/* Sort key: a blank date after every date, as pandas sorts NaT. */
static int32_t key(int32_t d)
{
	return HAS(d) ? d : INT32_MAX;
}

/*
 * Order n rows (indexes into idx) by k1 then k2, keeping the return's
 * order for equal keys (insertion sort: a child has few rows).
 */
static void sort2(size_t *idx, size_t n, const int32_t *k1, const int32_t *k2)
{
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	for (size_t i = 1; i < n; i++) {
		size_t v = idx[i], j = i;

		while (j > 0 && (k1[idx[j - 1]] > k1[v] ||
				 (k1[idx[j - 1]] == k1[v] &&
				  k2[idx[j - 1]] > k2[v]))) {
			idx[j] = idx[j - 1];
			j--;
		}
		idx[j] = v;
	}
}

/*
 * Periods that must not overlap (missing, DoLO, decisions to place for
 * adoption): in the order by[] then by2[], a period starts only after the
 * one before it has ended.  Flags (via the caller) each row that starts
 * while the previous one is open or before it ended.  Returns the rows to
 * flag in bad[] (true/false), n rows of start[] and end[].
 */
static void overlaps(size_t n, const int32_t *start, const int32_t *end,
		     const int32_t *by, const int32_t *by2, bool *bad)
{
	size_t *idx = xcalloc(n ? n : 1, sizeof(*idx));

	sort2(idx, n, by, by2);
	for (size_t i = 0; i < n; i++)
		bad[i] = false;
	for (size_t j = 1; j < n; j++) {
		int32_t pend = end[idx[j - 1]], s = start[idx[j]];

		if (!HAS(pend) || (HAS(s) && s < pend))
			bad[idx[j]] = true;
	}
	free(idx);
}

/* 579: decisions to place for adoption do not overlap. */
static void r579(struct v_run *run, const struct v_child *c)
{
	size_t n = c->npa;
	int32_t *s, *e, *k, *z;
	bool *bad;

	if (n < 2)
		return;
	s = xcalloc(n, sizeof(*s));
	e = xcalloc(n, sizeof(*e));
	k = xcalloc(n, sizeof(*k));
	z = xcalloc(n, sizeof(*z));
	bad = xcalloc(n, sizeof(*bad));
	for (size_t i = 0; i < n; i++) {
		s[i] = c->pa[i].date_placed;
		e[i] = c->pa[i].date_placed_ceased;
		k[i] = key(s[i]);
	}
	overlaps(n, s, e, k, z, bad);
	for (size_t i = 0; i < n; i++)
		if (bad[i])
			v_flag(run, S903_PLACED_ADOPTION, &c->pa[i]);
	free(s);
	free(e);
	free(k);
	free(z);
	free(bad);
}

/*
 * 583: every decision but the latest (by DATE_PLACED) has ceased.  The
 * latest is the first row with the latest date, or the first row when
 * none has a date.
 */
static void r583(struct v_run *run, const struct v_child *c)
{
	size_t latest = 0;

	for (size_t i = 0; i < c->npa; i++)
		if (HAS(c->pa[i].date_placed) &&
		    (!HAS(c->pa[latest].date_placed) ||
		     c->pa[i].date_placed > c->pa[latest].date_placed))
			latest = i;
	for (size_t i = 0; i < c->npa; i++)
		if (i != latest && !HAS(c->pa[i].date_placed_ceased))
			v_flag(run, S903_PLACED_ADOPTION, &c->pa[i]);
}

/* 184: the decision to place for adoption is not before birth. */
static void r184(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->npa; i++)
		for (size_t j = 0; j < c->nh; j++)
			if (HAS(c->pa[i].date_placed) && HAS(c->h[j].dob) &&
			    c->pa[i].date_placed < c->h[j].dob)
				v_flag(run, S903_PLACED_ADOPTION, &c->pa[i]);
}

/* ---- Episodes and PlacedAdoption ---------------------------------------- */

/*
 * The first (or, last false, the latest) episode whose column matches
 * list, or NULL.  Episodes are sorted by DECOM; among equal DECOMs the
 * first in order is taken both ways, as pandas' idxmin/idxmax do.
 */
static const struct s903_episode *ep_pick(const struct v_child *c,
					  bool last, size_t off,
					  const char *list, bool in)
{
	const struct s903_episode *best = NULL;

	for (size_t i = 0; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i];
		const char *v = (const char *)e + off;

		if (!HAS(e->decom) || v_in_list(v, list) != in)
			continue;
		if (!best || (last ? e->decom > best->decom
				   : e->decom < best->decom))
			best = e;
	}
	return best;
}

#define EP_OFF(f) offsetof(struct s903_episode, f)

/* 1003: DATE_PLACED not before the first episode with RNE S. */
static void r1003(struct v_run *run, const struct v_child *c)
{
	const struct s903_episode *e = ep_pick(c, false, EP_OFF(rne), "S",
					       true);

	for (size_t i = 0; e && i < c->npa; i++)
		if (HAS(c->pa[i].date_placed) &&
		    c->pa[i].date_placed < e->decom) {
			v_flag(run, S903_EPISODES, e);
			v_flag(run, S903_PLACED_ADOPTION, &c->pa[i]);
		}
}

static bool after(int32_t d, int32_t limit)
{
	return HAS(d) && HAS(limit) && d > limit;
}

/*
 * 117: DATE_PLACED and DATE_PLACED_CEASED not after the year's end nor
 * after DEC of the latest episode not ending X1.
 */
static void r117(struct v_run *run, const struct v_child *c)
{
	const struct s903_episode *e = ep_pick(c, true, EP_OFF(rec), "X1",
					       false);
	int32_t ye = v_year_end(run);

	for (size_t i = 0; e && i < c->npa; i++) {
		const struct s903_placed_adoption *p = &c->pa[i];

		if (after(p->date_placed, ye) ||
		    after(p->date_placed, e->dec) ||
		    after(p->date_placed_ceased, ye) ||
		    after(p->date_placed_ceased, e->dec)) {
			v_flag(run, S903_EPISODES, e);
			v_flag(run, S903_PLACED_ADOPTION, p);
		}
	}
}

/*
 * 118: DATE_PLACED_CEASED not before the year's start nor before the
 * first episode with a legal status other than V3/V4.
 */
static void r118(struct v_run *run, const struct v_child *c)
{
	const struct s903_episode *e = ep_pick(c, false, EP_OFF(ls), "V3 V4",
					       false);
	int32_t ys = v_year_start(run);

	for (size_t i = 0; e && i < c->npa; i++) {
		int32_t d = c->pa[i].date_placed_ceased;

		if (HAS(d) && (d < e->decom || d < ys)) {
			v_flag(run, S903_EPISODES, e);
			v_flag(run, S903_PLACED_ADOPTION, &c->pa[i]);
		}
	}
}

/* 551: a child placed for adoption (A3-A6) has a DATE_PLACED. */
static void r551(struct v_run *run, const struct v_child *c)
{
	bool blank = !c->npa;

	for (size_t i = 0; i < c->npa; i++)
		if (!HAS(c->pa[i].date_placed))
			blank = true;
	if (!blank)
		return;
	for (size_t i = 0; i < c->nep; i++)
		if (v_in_list(c->ep[i].place, ADOPT_PLACE))
			v_flag(run, S903_EPISODES, &c->ep[i]);
}

/* 552: the latest decision is not after the first adoption placement. */
static void r552(struct v_run *run, const struct v_child *c)
{
	const struct s903_episode *e = ep_pick(c, false, EP_OFF(place),
					       ADOPT_PLACE, true);
	const struct s903_placed_adoption *p = NULL;

	for (size_t i = 0; i < c->npa; i++)
		if (HAS(c->pa[i].date_placed) &&
		    (!p || c->pa[i].date_placed > p->date_placed))
			p = &c->pa[i];
	if (e && p && e->decom < p->date_placed) {
		v_flag(run, S903_EPISODES, e);
		v_flag(run, S903_PLACED_ADOPTION, p);
	}
}

/*
 * 553: a placement order (LS E1) has a PlacedAdoption row; while an E1
 * episode is open the decision has not ceased.
 */
static void r553(struct v_run *run, const struct v_child *c)
{
	bool open_e1 = false;

	for (size_t i = 0; i < c->nep; i++) {
		if (!eq(c->ep[i].ls, "E1"))
			continue;
		if (!c->npa)
			v_flag(run, S903_EPISODES, &c->ep[i]);
		if (!HAS(c->ep[i].dec))
			open_e1 = true;
	}
	for (size_t i = 0; open_e1 && i < c->npa; i++)
		if (HAS(c->pa[i].date_placed_ceased) ||
		    !v_blank(c->pa[i].reason_placed_ceased))
			v_flag(run, S903_PLACED_ADOPTION, &c->pa[i]);
}

/* 554: DATE_PLACED not after the first episode with LS E1. */
static void r554(struct v_run *run, const struct v_child *c)
{
	const struct s903_episode *e = ep_pick(c, false, EP_OFF(ls), "E1",
					       true);

	for (size_t i = 0; e && i < c->npa; i++)
		if (HAS(c->pa[i].date_placed) &&
		    c->pa[i].date_placed > e->decom) {
			v_flag(run, S903_EPISODES, e);
			v_flag(run, S903_PLACED_ADOPTION, &c->pa[i]);
		}
}

/*
 * 557: a child placed for adoption, or under order_ls, who left care not
 * adopted (REC given, not E11/E12/X1) has a decision that ceased (date and
 * reason).  The DfE dropped D1 from order_ls in 2024-25.
 */
static void r557_ls(struct v_run *run, const struct v_child *c,
		    const char *order_ls)
{
	for (size_t i = 0; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i];

		if (!v_in_list(e->place, ADOPT_PLACE) &&
		    !v_in_list(e->ls, order_ls))
			continue;
		if (v_blank(e->rec) || v_in_list(e->rec, "E11 E12 X1"))
			continue;
		if (!c->npa)
			v_flag(run, S903_EPISODES, e);
		for (size_t j = 0; j < c->npa; j++)
			if (!HAS(c->pa[j].date_placed_ceased) ||
			    v_blank(c->pa[j].reason_placed_ceased)) {
				v_flag(run, S903_EPISODES, e);
				v_flag(run, S903_PLACED_ADOPTION, &c->pa[j]);
			}
	}
}

static void r557_2023(struct v_run *run, const struct v_child *c)
{
	r557_ls(run, c, "D1 E1");
}

static void r557(struct v_run *run, const struct v_child *c)
{
	r557_ls(run, c, "E1");
}

/*
 * 558: an adopted child's decision has not ceased.  As the DfE's check
 * does: a child with any decision without DATE_PLACED_CEASED (or none) is
 * taken as not disrupted; otherwise the adoption episodes are flagged
 * when adoption episodes times decisions come to more than one.
 */
static void r558(struct v_run *run, const struct v_child *c)
{
	size_t nadopt = 0;

	for (size_t i = 0; i < c->nep; i++)
		nadopt += v_in_list(c->ep[i].rec, ADOPTED);
	if (!nadopt || !c->npa)
		return;
	for (size_t i = 0; i < c->npa; i++)
		if (!HAS(c->pa[i].date_placed_ceased))
			return;
	if (nadopt * c->npa <= 1)
		return;
	for (size_t i = 0; i < c->nep; i++)
		if (v_in_list(c->ep[i].rec, ADOPTED))
			v_flag(run, S903_EPISODES, &c->ep[i]);
}

/* ---- Episodes and AD1; PlacedAdoption and AD1 --------------------------- */

/* 331: DATE_MATCH not after DECOM of an episode ending in adoption. */
static void r331(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i];

		if (!v_in_list(e->rec, ADOPTED))
			continue;
		for (size_t j = 0; j < c->nad1; j++)
			if (after(c->ad1[j].date_match, e->decom)) {
				v_flag(run, S903_EPISODES, e);
				v_flag(run, S903_AD1, &c->ad1[j]);
			}
	}
}

/* 334: DATE_INT not before the latest episode with RNE S. */
static void r334(struct v_run *run, const struct v_child *c)
{
	const struct s903_episode *e = ep_pick(c, true, EP_OFF(rne), "S",
					       true);

	for (size_t i = 0; e && i < c->nad1; i++)
		if (HAS(c->ad1[i].date_int) && c->ad1[i].date_int < e->decom) {
			v_flag(run, S903_EPISODES, e);
			v_flag(run, S903_AD1, &c->ad1[i]);
		}
}

/*
 * 335: adopted (REC E1, E11, E12) from a placement with the foster
 * carers (A2, A3, A5) means FOSTER_CARE 1; from A1, A4, A6 means 0.
 */
static void r335(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i];

		if (!v_in_list(e->rec, "E1 E11 E12"))
			continue;
		for (size_t j = 0; j < c->nad1; j++) {
			const char *fc = c->ad1[j].foster_care;

			if ((v_in_list(e->place, "A2 A3 A5") && eq(fc, "0")) ||
			    (v_in_list(e->place, "A1 A4 A6") && eq(fc, "1"))) {
				v_flag(run, S903_EPISODES, e);
				v_flag(run, S903_AD1, &c->ad1[j]);
			}
		}
	}
}

/* 521: DATE_INT not after DECOM of any adoption placement (A3-A6). */
static void r521(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i];

		if (!v_in_list(e->place, ADOPT_PLACE))
			continue;
		for (size_t j = 0; j < c->nad1; j++)
			if (after(c->ad1[j].date_int, e->decom)) {
				v_flag(run, S903_EPISODES, e);
				v_flag(run, S903_AD1, &c->ad1[j]);
			}
	}
}

/* 582: the adoption's DEC is not the day of matching. */
static void r582(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i];

		if (!v_in_list(e->rec, ADOPTED) || !HAS(e->dec))
			continue;
		for (size_t j = 0; j < c->nad1; j++)
			if (c->ad1[j].date_match == e->dec)
				v_flag(run, S903_EPISODES, e);
	}
}

/* Whether e is an adoption (E11/E12) that ended in the year. */
static bool adopted_in_year(struct v_run *run, const struct s903_episode *e)
{
	return v_in_list(e->rec, ADOPTED) && HAS(e->dec) &&
	       e->dec >= v_year_start(run) && e->dec <= v_year_end(run);
}

/* 601: a child adopted in the year has all six AD1 items. */
static void r601(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nep; i++) {
		if (!adopted_in_year(run, &c->ep[i]))
			continue;
		for (size_t j = 0; j < c->nad1; j++)
			if (ad1_given(&c->ad1[j]) < 6) {
				v_flag(run, S903_EPISODES, &c->ep[i]);
				v_flag(run, S903_AD1, &c->ad1[j]);
			}
	}
}

/* 602: AD1 items only for a child adopted in the year. */
static void r602(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nep; i++)
		if (adopted_in_year(run, &c->ep[i]))
			return;
	for (size_t j = 0; j < c->nad1; j++)
		if (ad1_given(&c->ad1[j]))
			v_flag(run, S903_AD1, &c->ad1[j]);
}

/* 523: DATE_PLACED is the same day as DATE_INT (both given). */
static void r523(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->npa; i++)
		for (size_t j = 0; j < c->nad1; j++) {
			int32_t p = c->pa[i].date_placed;
			int32_t a = c->ad1[j].date_int;

			if (HAS(p) && HAS(a) && p != a) {
				v_flag(run, S903_PLACED_ADOPTION, &c->pa[i]);
				v_flag(run, S903_AD1, &c->ad1[j]);
			}
		}
}

/* 525: a decision that ceased has no adoption (AD1 items) in the year. */
static void r525(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->npa; i++) {
		if (!HAS(c->pa[i].date_placed_ceased))
			continue;
		for (size_t j = 0; j < c->nad1; j++)
			if (ad1_given(&c->ad1[j])) {
				v_flag(run, S903_PLACED_ADOPTION, &c->pa[i]);
				v_flag(run, S903_AD1, &c->ad1[j]);
			}
	}
}

/* ---- Missing ------------------------------------------------------------ */

/* 567: a missing period does not end before it starts. */
static void r567(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nmis; i++)
		if (after(c->mis[i].mis_start, c->mis[i].mis_end))
			v_flag(run, S903_MISSING, &c->mis[i]);
}

/* 570: MIS_START not after the year's end. */
static void r570(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nmis; i++)
		if (after(c->mis[i].mis_start, v_year_end(run)))
			v_flag(run, S903_MISSING, &c->mis[i]);
}

/* 571: MIS_END inside the collection year. */
static void r571(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nmis; i++) {
		int32_t d = c->mis[i].mis_end;

		if (HAS(d) && (d < v_year_start(run) || d > v_year_end(run)))
			v_flag(run, S903_MISSING, &c->mis[i]);
	}
}

/* 586: MIS_START after the date of birth. */
static void r586(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nmis; i++) {
		const struct s903_missing *m = &c->mis[i];

		if (HAS(m->mis_start) && HAS(m->dob) && m->mis_start <= m->dob)
			v_flag(run, S903_MISSING, m);
	}
}

/*
 * Rows (n of start[], end[]) that overlap the one before, in the order the
 * DfE uses for 574 and 705: by end (a blank end taken as the start), then
 * start.  Flags them in table t; row(i) is the i-th row's pointer.
 */
static void flag_overlaps(struct v_run *run, enum s903_table t, size_t n,
			  const int32_t *s, const int32_t *e,
			  const void *rows, size_t rowsize)
{
	int32_t *k1 = xcalloc(n, sizeof(*k1)), *k2 = xcalloc(n, sizeof(*k2));
	bool *bad = xcalloc(n, sizeof(*bad));

	for (size_t i = 0; i < n; i++) {
		k1[i] = key(HAS(e[i]) ? e[i] : s[i]);
		k2[i] = key(s[i]);
	}
	overlaps(n, s, e, k1, k2, bad);
	for (size_t i = 0; i < n; i++)
		if (bad[i])
			v_flag(run, t, (const char *)rows + i * rowsize);
	free(k1);
	free(k2);
	free(bad);
}

/* 574: missing periods do not overlap, nor start while one is open. */
static void r574(struct v_run *run, const struct v_child *c)
{
	size_t n = c->nmis;
	int32_t *s, *e;

	if (n < 2)
		return;
	s = xcalloc(n, sizeof(*s));
	e = xcalloc(n, sizeof(*e));
	for (size_t i = 0; i < n; i++) {
		s[i] = c->mis[i].mis_start;
		e[i] = c->mis[i].mis_end;
	}
	flag_overlaps(run, S903_MISSING, n, s, e, c->mis, sizeof(*c->mis));
	free(s);
	free(e);
}

/* 575: a missing period during an episode that ended has ended. */
static void r575(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nmis; i++) {
		const struct s903_missing *m = &c->mis[i];

		if (HAS(m->mis_end) || !HAS(m->mis_start))
			continue;
		for (size_t j = 0; j < c->nep; j++) {
			const struct s903_episode *e = &c->ep[j];

			if (HAS(e->dec) && m->mis_start >= e->decom &&
			    m->mis_start <= e->dec) {
				v_flag(run, S903_MISSING, m);
				break;
			}
		}
	}
}

/* 581: a missing period starts during one of the child's episodes. */
static void r581(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; c->nep && i < c->nmis; i++) {
		const struct s903_missing *m = &c->mis[i];
		bool in = false;

		for (size_t j = 0; j < c->nep && !in; j++) {
			const struct s903_episode *e = &c->ep[j];

			in = HAS(m->mis_start) && m->mis_start >= e->decom &&
			     (!HAS(e->dec) || m->mis_start <= e->dec);
		}
		if (!in)
			v_flag(run, S903_MISSING, m);
	}
}

/*
 * Periods of care, as the DfE finds them: episodes in DECOM order, a new
 * period when an episode starts after the previous one's DEC (an open
 * previous episode never ends a period); a period runs from its first
 * DECOM to its last episode's DEC (blank: open).  Returns how many, in
 * *out (to free).
 */
struct poc {
	int32_t start, end;
};

static size_t pocs_of(const struct v_child *c, struct poc **out)
{
	struct poc *p = xcalloc(c->nep ? c->nep : 1, sizeof(*p));
	size_t n = 0;

	for (size_t i = 0; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i];
		int32_t prev_dec = i ? c->ep[i - 1].dec : DATE_NONE;

		if (!n || (HAS(prev_dec) && e->decom > prev_dec))
			p[n++].start = e->decom;
		p[n - 1].end = e->dec;
	}
	*out = p;
	return n;
}

/*
 * Whether a period start..end (missing, DoLO) lies outside period of
 * care p, by the DfE's test for 577 and 707: open while the period of
 * care ended, open since before it, or ending outside it.
 */
static bool out_of_poc_end(int32_t start, int32_t end, const struct poc *p)
{
	if (!HAS(end))
		return HAS(p->end) || start < p->start;
	return after(end, p->end) || end < p->start;
}

/*
 * 577 and 707: each period (start, end) of a child who has episodes
 * lies within one of the periods of care by out_of_poc_end; flags the
 * others.
 */
static void flag_out_of_care(struct v_run *run, const struct v_child *c,
			     enum s903_table t, size_t n, const int32_t *s,
			     const int32_t *e, const void *rows,
			     size_t rowsize)
{
	struct poc *p;
	size_t np = pocs_of(c, &p);

	for (size_t i = 0; np && i < n; i++) {
		bool out = HAS(s[i]);

		for (size_t j = 0; out && j < np; j++)
			out = out_of_poc_end(s[i], e[i], &p[j]);
		if (out)
			v_flag(run, t, (const char *)rows + i * rowsize);
	}
	free(p);
}

/* 577: a child who ceased to be looked after has no open missing period. */
static void r577(struct v_run *run, const struct v_child *c)
{
	int32_t *s = xcalloc(c->nmis ? c->nmis : 1, sizeof(*s));
	int32_t *e = xcalloc(c->nmis ? c->nmis : 1, sizeof(*e));

	for (size_t i = 0; i < c->nmis; i++) {
		s[i] = c->mis[i].mis_start;
		e[i] = c->mis[i].mis_end;
	}
	flag_out_of_care(run, c, S903_MISSING, c->nmis, s, e, c->mis,
			 sizeof(*c->mis));
	free(s);
	free(e);
}

/* 578: a missing period starts within one of the periods of care. */
static void r578(struct v_run *run, const struct v_child *c)
{
	struct poc *p;
	size_t np = pocs_of(c, &p);

	for (size_t i = 0; np && i < c->nmis; i++) {
		int32_t s = c->mis[i].mis_start;
		bool out = HAS(s);

		for (size_t j = 0; out && j < np; j++)
			out = s < p[j].start || after(s, p[j].end);
		if (out)
			v_flag(run, S903_MISSING, &c->mis[i]);
	}
	free(p);
}

/* ---- PrevPerm ----------------------------------------------------------- */

/* 631: PREV_PERM is P1-P4 or Z1 when given. */
static void r631(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->npp; i++) {
		const char *s = c->pp[i].prev_perm;

		if (!v_blank(s) && !v_in_list(s, "P1 P2 P3 P4 Z1"))
			v_flag(run, S903_PREV_PERM, &c->pp[i]);
	}
}

/* English councils' old three-digit codes, and the other nations. */
#define LA_PERM_CODES                                                     \
	"800 889 822 301 304 303 330 825 837 302 846 370 350 890 867 380 " \
	"305 801 351 873 823 895 896 381 909 202 908 331 306 841 830 831 " \
	"878 371 835 332 840 307 308 811 881 845 390 916 203 876 850 311 " \
	"204 884 312 205 313 805 919 310 309 420 921 206 207 886 810 382 " \
	"314 340 888 208 856 383 855 209 925 341 201 821 352 806 887 826 " \
	"315 929 812 391 926 892 813 802 928 891 392 316 815 353 931 879 " \
	"836 851 874 807 354 317 870 318 372 857 333 935 343 803 373 342 " \
	"893 356 355 871 394 334 933 882 936 861 852 319 860 808 393 866 " \
	"210 357 894 883 880 358 211 937 869 320 359 865 384 335 336 212 " \
	"868 872 885 344 877 213 938 816 999 WAL SCO NUK NIR"

/* 633: LA_PERM is a council code (or WAL, SCO, NUK, NIR) when given. */
static void r633(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->npp; i++) {
		const char *s = c->pp[i].la_perm;

		if (!v_blank(s) && !v_in_list(s, LA_PERM_CODES))
			v_flag(run, S903_PREV_PERM, &c->pp[i]);
	}
}

/* 635: LA_PERM or DATE_PERM only with a PREV_PERM. */
static void r635(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->npp; i++) {
		const struct s903_prev_perm *p = &c->pp[i];

		if ((!v_blank(p->la_perm) || !v_blank(p->date_perm)) &&
		    v_blank(p->prev_perm))
			v_flag(run, S903_PREV_PERM, p);
	}
}

/*
 * DATE_PERM as the DfE reads it: dd/mm/yyyy where a part unknown is ZZ
 * (ZZZZ for the year), taken as late as it can be so as not to flag a
 * date that might be right: ZZ day is the month's last day, ZZ month
 * adds a year less a day, ZZZZ is 2000.  Returns false when not a date.
 */
static bool date_perm(const char *s, int32_t *out)
{
	char part[3][8];
	size_t len[3], k = 0;
	int add = 0;	/* 1: a month less a day, 2: a year less a day */
	const char *p = s;
	char buf[3 * sizeof(part[0]) + 3];	/* room for every part */
	int y, m, d;

	for (k = 0; k < 3; k++) {
		len[k] = strcspn(p, "/");
		if (len[k] >= sizeof(part[k]) || (k < 2 && p[len[k]] != '/'))
			return false;
		memcpy(part[k], p, len[k]);
		part[k][len[k]] = '\0';
		p += len[k] + (k < 2);
	}
	if (*p)
		return false;
	if (eq(part[0], "ZZ")) {
		memcpy(part[0], "01", 3);
		add = 1;
	}
	if (eq(part[1], "ZZ")) {
		memcpy(part[1], "01", 3);
		add = 2;
	}
	if (eq(part[2], "ZZZZ"))
		memcpy(part[2], "2000", 5);
	snprintf(buf, sizeof(buf), "%s/%s/%s", part[0], part[1], part[2]);
	if (parse_date_dmy(buf, out))
		return false;
	if (add) {
		date_to_ymd(*out, &y, &m, &d);
		if (add == 1 && ++m > 12) {
			m = 1;
			y++;
		}
		if (add == 2)
			y++;
		*out = date_from_ymd(y, m, d) - 1;
	}
	return true;
}

/*
 * 632: DATE_PERM is a date (ZZ allowed) before the child's first
 * episode.
 */
static void r632(struct v_run *run, const struct v_child *c)
{
	/* episodes are in DECOM order: the first is the earliest */
	const struct s903_episode *e = c->nep ? &c->ep[0] : NULL;

	for (size_t i = 0; e && i < c->npp; i++) {
		const char *s = c->pp[i].date_perm;
		int32_t d;

		if (v_blank(s))
			continue;
		if (!date_perm(s, &d) || d >= e->decom) {
			v_flag(run, S903_EPISODES, e);
			v_flag(run, S903_PREV_PERM, &c->pp[i]);
		}
	}
}

/*
 * 630: a child starting care (RNE S) in the year has a PrevPerm row with
 * PREV_PERM, and with LA_PERM and DATE_PERM unless it is Z1.
 */
static void r630(struct v_run *run, const struct v_child *c)
{
	bool bad = !c->npp;

	for (size_t i = 0; i < c->npp; i++) {
		const struct s903_prev_perm *p = &c->pp[i];

		if (v_blank(p->prev_perm) ||
		    (!eq(p->prev_perm, "Z1") &&
		     (v_blank(p->la_perm) || v_blank(p->date_perm))))
			bad = true;
	}
	for (size_t i = 0; bad && i < c->nep; i++)
		if (eq(c->ep[i].rne, "S") &&
		    c->ep[i].decom >= v_year_start(run))
			v_flag(run, S903_EPISODES, &c->ep[i]);
}

/*
 * 634: previous permanence only for a child whose latest episode started
 * in the year (the DfE's message says from 1 April 2016; its check uses
 * the collection year's start).
 */
static void r634(struct v_run *run, const struct v_child *c)
{
	int32_t last = DATE_NONE;
	bool any = false;

	for (size_t i = 0; i < c->nep; i++)
		if (c->ep[i].decom > last)
			last = c->ep[i].decom;
	if (!HAS(last) || last >= v_year_start(run))
		return;
	for (size_t i = 0; i < c->npp; i++) {
		const struct s903_prev_perm *p = &c->pp[i];

		if (!v_blank(p->prev_perm) || !v_blank(p->la_perm) ||
		    !v_blank(p->date_perm)) {
			v_flag(run, S903_PREV_PERM, p);
			any = true;
		}
	}
	for (size_t i = 0; any && i < c->nep; i++)
		v_flag(run, S903_EPISODES, &c->ep[i]);
}

/* ---- DoLo --------------------------------------------------------------- */

/* 700: DOLO_START given (a date that is not a date never loads). */
static void r700(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->ndolo; i++)
		if (!HAS(c->dolo[i].dolo_start))
			v_flag(run, S903_DOLO, &c->dolo[i]);
}

/* 702: a DoLO ends after the day it starts. */
static void r702(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->ndolo; i++) {
		const struct s903_dolo *d = &c->dolo[i];

		if (HAS(d->dolo_start) && HAS(d->dolo_end) &&
		    d->dolo_end <= d->dolo_start)
			v_flag(run, S903_DOLO, d);
	}
}

/* 703: DOLO_START not after the year's end. */
static void r703(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->ndolo; i++)
		if (after(c->dolo[i].dolo_start, v_year_end(run)))
			v_flag(run, S903_DOLO, &c->dolo[i]);
}

/* 704: DOLO_END inside the collection year. */
static void r704(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->ndolo; i++) {
		int32_t d = c->dolo[i].dolo_end;

		if (HAS(d) && (d < v_year_start(run) || d > v_year_end(run)))
			v_flag(run, S903_DOLO, &c->dolo[i]);
	}
}

/* 708: DOLO_START after the date of birth. */
static void r708(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->ndolo; i++) {
		const struct s903_dolo *d = &c->dolo[i];

		if (HAS(d->dolo_start) && HAS(d->dob) &&
		    d->dolo_start <= d->dob)
			v_flag(run, S903_DOLO, d);
	}
}

/* Copy the DoLO dates out, for the period helpers. */
static void dolo_dates(const struct v_child *c, int32_t **s, int32_t **e)
{
	size_t n = c->ndolo ? c->ndolo : 1;

	*s = xcalloc(n, sizeof(**s));
	*e = xcalloc(n, sizeof(**e));
	for (size_t i = 0; i < c->ndolo; i++) {
		(*s)[i] = c->dolo[i].dolo_start;
		(*e)[i] = c->dolo[i].dolo_end;
	}
}

/* 705: DoLOs do not overlap, nor start while one is open. */
static void r705(struct v_run *run, const struct v_child *c)
{
	int32_t *s, *e;

	if (c->ndolo < 2)
		return;
	dolo_dates(c, &s, &e);
	flag_overlaps(run, S903_DOLO, c->ndolo, s, e, c->dolo,
		      sizeof(*c->dolo));
	free(s);
	free(e);
}

/* 707: a child who ceased to be looked after has no open DoLO. */
static void r707(struct v_run *run, const struct v_child *c)
{
	int32_t *s, *e;

	dolo_dates(c, &s, &e);
	flag_out_of_care(run, c, S903_DOLO, c->ndolo, s, e, c->dolo,
			 sizeof(*c->dolo));
	free(s);
	free(e);
}

/*
 * 709 and 710: each DoLO with both dates against each episode it
 * overlaps; flag both when the episode's PLACE is (in true) or is not
 * (in false) one of list.
 */
static void dolo_place(struct v_run *run, const struct v_child *c,
		       const char *list, bool in)
{
	for (size_t i = 0; i < c->ndolo; i++) {
		const struct s903_dolo *d = &c->dolo[i];

		if (!HAS(d->dolo_start) || !HAS(d->dolo_end))
			continue;
		for (size_t j = 0; j < c->nep; j++) {
			const struct s903_episode *e = &c->ep[j];

			if ((HAS(e->dec) && d->dolo_start > e->dec) ||
			    d->dolo_end < e->decom)
				continue;
			if (v_in_list(e->place, list) == in) {
				v_flag(run, S903_DOLO, d);
				v_flag(run, S903_EPISODES, e);
			}
		}
	}
}

/* 709: during a DoLO the child is in a children's home (K2, Z12, Z13). */
static void r709(struct v_run *run, const struct v_child *c)
{
	dolo_place(run, c, "K2 Z12 Z13", false);
}

/* 710: not in a secure home, with parents, in a YOI or K3 during one. */
static void r710(struct v_run *run, const struct v_child *c)
{
	dolo_place(run, c, "K1 P1 R5 K3", true);
}

/* ---- the registry ------------------------------------------------------- */

#define T(x) V_TABLE(S903_##x)

const struct v_rule v_rules_later[] = {
	{ .code = "1003", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES) | T(PLACED_ADOPTION),
	  .fields = "DATE_PLACED,DECOM,RNE",
	  .en = "Date of LA's decision that a child should be placed for "
		"adoption is before the child started to be looked after.",
	  .cy = "Mae dyddiad penderfyniad yr ALl y dylid lleoli'r plentyn i'w "
		"fabwysiadu cyn i'r plentyn ddechrau derbyn gofal.",
	  .child = r1003 },
	{ .code = "1004", .from = 2023, .nations = V_ALL,
	  .tables = T(MISSING), .fields = "MIS_START",
	  .en = "The start date of the missing episode or episode that the "
		"child was away from placement without authorisation is not "
		"a valid date.",
	  .cy = "Nid yw dyddiad dechrau'r cyfnod ar goll neu'r cyfnod pan oedd "
		"y plentyn i ffwrdd o'r lleoliad heb awdurdod yn ddyddiad "
		"dilys.",
	  .at_import = "date" },
	{ .code = "1005", .from = 2023, .nations = V_ALL,
	  .tables = T(MISSING), .fields = "MIS_END",
	  .en = "The end date of the missing episode or episode that the "
		"child was away from placement without authorisation is not "
		"a valid date.",
	  .cy = "Nid yw dyddiad diwedd y cyfnod ar goll neu'r cyfnod pan oedd "
		"y plentyn i ffwrdd o'r lleoliad heb awdurdod yn ddyddiad "
		"dilys.",
	  .at_import = "date" },
	{ .code = "1006", .from = 2023, .nations = V_ALL,
	  .tables = T(MISSING), .fields = "MISSING",
	  .en = "Missing type invalid.",
	  .cy = "Mae'r math o gyfnod ar goll yn annilys.",
	  .at_import = "code" },
	{ .code = "112", .from = 2023, .nations = V_ALL,
	  .tables = T(AD1), .fields = "DATE_INT",
	  .en = "Date should be placed for adoption is not a valid date.",
	  .cy = "Nid yw'r dyddiad y dylid lleoli'r plentyn i'w fabwysiadu yn "
		"ddyddiad dilys.",
	  .at_import = "date" },
	{ .code = "113", .from = 2023, .nations = V_ALL,
	  .tables = T(AD1), .fields = "DATE_MATCH",
	  .en = "Date matching child and adopter(s) is not a valid date.",
	  .cy = "Nid yw'r dyddiad paru'r plentyn a'r mabwysiadwr(wyr) yn "
		"ddyddiad dilys.",
	  .at_import = "date" },
	{ .code = "114", .from = 2023, .nations = V_ALL,
	  .tables = T(AD1), .fields = "FOSTER_CARE",
	  .en = "Data entry to record the status of former carer(s) of an "
		"adopted child is invalid.",
	  .cy = "Mae'r cofnod o statws cyn-ofalwr(wyr) plentyn a "
		"fabwysiadwyd yn annilys.",
	  .child = r114 },
	{ .code = "115", .from = 2023, .nations = V_ALL,
	  .tables = T(PLACED_ADOPTION), .fields = "DATE_PLACED",
	  .en = "Date of Local Authority's (LA) decision that a child should "
		"be placed for adoption is not a valid date.",
	  .cy = "Nid yw dyddiad penderfyniad yr Awdurdod Lleol (ALl) y dylid "
		"lleoli plentyn i'w fabwysiadu yn ddyddiad dilys.",
	  .at_import = "date" },
	{ .code = "116", .from = 2023, .nations = V_ALL,
	  .tables = T(PLACED_ADOPTION), .fields = "DATE_PLACED_CEASED",
	  .en = "Date of Local Authority's (LA) decision that a child should "
		"no longer be placed for adoption is not a valid date.",
	  .cy = "Nid yw dyddiad penderfyniad yr Awdurdod Lleol (ALl) na "
		"ddylid lleoli plentyn i'w fabwysiadu mwyach yn ddyddiad "
		"dilys.",
	  .at_import = "date" },
	{ .code = "117", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES) | T(PLACED_ADOPTION),
	  .fields = "DATE_PLACED_CEASED,DATE_PLACED,DEC,REC,DECOM",
	  .en = "Date of decision that a child should/should no longer be "
		"placed for adoption is beyond the current collection year "
		"or after the child ceased to be looked after.",
	  .cy = "Mae dyddiad y penderfyniad y dylid/na ddylid mwyach leoli "
		"plentyn i'w fabwysiadu y tu hwnt i flwyddyn bresennol y "
		"casgliad neu ar ôl i'r plentyn beidio â derbyn gofal.",
	  .child = r117 },
	{ .code = "118", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES) | T(PLACED_ADOPTION),
	  .fields = "DECOM,DECOM,LS",
	  .en = "Date of decision that a child should no longer be placed "
		"for adoption is before the current collection year or "
		"before the date the child started to be looked after.",
	  .cy = "Mae dyddiad y penderfyniad na ddylid lleoli plentyn i'w "
		"fabwysiadu mwyach cyn blwyddyn bresennol y casgliad neu cyn "
		"y dyddiad y dechreuodd y plentyn dderbyn gofal.",
	  .child = r118 },
	{ .code = "119", .from = 2023, .nations = V_ALL,
	  .tables = T(PLACED_ADOPTION),
	  .fields = "REASON_PLACED_CEASED,DATE_PLACED_CEASED",
	  .en = "If the decision is made that a child should no longer be "
		"placed for adoption, then the date of this decision and the "
		"reason why this decision was made must be completed.",
	  .cy = "Os penderfynir na ddylid lleoli plentyn i'w fabwysiadu "
		"mwyach, rhaid cwblhau dyddiad y penderfyniad hwn a'r rheswm "
		"dros wneud y penderfyniad.",
	  .child = r119 },
	{ .code = "120", .from = 2023, .nations = V_ALL,
	  .tables = T(PLACED_ADOPTION), .fields = "REASON_PLACED_CEASED",
	  .en = "The reason for the reversal of the decision that the child "
		"should be placed for adoption code is not valid.",
	  .cy = "Nid yw'r cod ar gyfer y rheswm dros wrthdroi'r penderfyniad "
		"y dylid lleoli'r plentyn i'w fabwysiadu yn ddilys.",
	  .child = r120 },
	{ .code = "151", .from = 2023, .nations = V_ALL,
	  .tables = T(AD1),
	  .fields = "DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTER,SEX_ADOPTR,"
		    "LS_ADOPTR",
	  .en = "All data items relating to a childs adoption must be coded "
		"or left blank.",
	  .cy = "Rhaid i bob eitem ddata sy'n ymwneud â mabwysiadu plentyn "
		"gael ei chodio neu ei gadael yn wag.",
	  .child = r151 },
	{ .code = "166", .from = 2023, .nations = V_ALL,
	  .tables = T(REVIEWS), .fields = "REVIEW",
	  .en = "Date of review is invalid or blank.",
	  .cy = "Mae dyddiad yr adolygiad yn annilys neu'n wag.",
	  .child = r166 },
	{ .code = "167", .from = 2023, .nations = V_ALL,
	  .tables = T(REVIEWS), .fields = "REVIEW_CODE",
	  .en = "Data entry for participation is invalid or blank.",
	  .cy = "Mae'r cofnod ar gyfer cyfranogiad yn annilys neu'n wag.",
	  .child = r167 },
	{ .code = "175", .from = 2023, .nations = V_ALL,
	  .tables = T(AD1), .fields = "NB_ADOPTR",
	  .en = "The number of adopter(s) code is not a valid code.",
	  .cy = "Nid yw'r cod ar gyfer nifer y mabwysiadwr(wyr) yn god "
		"dilys.",
	  .child = r175 },
	{ .code = "176", .from = 2023, .nations = V_ALL,
	  .tables = T(AD1), .fields = "SEX_ADOPTR",
	  .en = "The gender of adopter(s) at the date of adoption code is "
		"not a valid code.",
	  .cy = "Nid yw'r cod ar gyfer rhywedd y mabwysiadwr(wyr) ar "
		"ddyddiad y mabwysiadu yn god dilys.",
	  .child = r176 },
	{ .code = "177", .from = 2023, .nations = V_ALL,
	  .tables = T(AD1), .fields = "LS_ADOPTR",
	  .en = "The legal status of adopter(s) code is not a valid code.",
	  .cy = "Nid yw'r cod ar gyfer statws cyfreithiol y "
		"mabwysiadwr(wyr) yn god dilys.",
	  .child = r177 },
	{ .code = "184", .from = 2023, .nations = V_ALL,
	  .tables = T(HEADER) | T(PLACED_ADOPTION), .fields = "DATE_PLACED,DOB",
	  .en = "Date of decision that a child should be placed for adoption "
		"is before the child was born.",
	  .cy = "Mae dyddiad y penderfyniad y dylid lleoli plentyn i'w "
		"fabwysiadu cyn i'r plentyn gael ei eni.",
	  .child = r184 },
	{ .code = "331", .from = 2023, .nations = V_ALL,
	  .tables = T(AD1) | T(EPISODES), .fields = "DATE_MATCH,DECOM,REC",
	  .en = "Date of matching child and adopter(s) should be the same "
		"as, or prior to, the date of placement of adoption.",
	  .cy = "Dylai dyddiad paru'r plentyn a'r mabwysiadwr(wyr) fod yr un "
		"fath â dyddiad y lleoliad mabwysiadu, neu cyn hynny.",
	  .child = r331 },
	{ .code = "333", .from = 2023, .nations = V_ALL,
	  .tables = T(AD1), .fields = "DATE_INT",
	  .en = "Date should be placed for adoption must be on or prior to "
		"the date of matching child with adopter(s).",
	  .cy = "Rhaid i'r dyddiad y dylid lleoli'r plentyn i'w fabwysiadu "
		"fod ar ddyddiad paru'r plentyn â'r mabwysiadwr(wyr) neu cyn "
		"hynny.",
	  .child = r333 },
	{ .code = "334", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES) | T(AD1), .fields = "DATE_INT,DECOM,RNE",
	  .en = "Date child started to be looked after in latest period of "
		"care must be on or prior to the date should be placed for "
		"adoption. ",
	  .cy = "Rhaid i'r dyddiad y dechreuodd y plentyn dderbyn gofal yn y "
		"cyfnod gofal diweddaraf fod ar y dyddiad y dylid ei leoli "
		"i'w fabwysiadu neu cyn hynny.",
	  .child = r334 },
	{ .code = "335", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES) | T(AD1), .fields = "PLACE,FOSTER_CARE",
	  .en = "The current foster value (0) suggests that child is not "
		"adopted by current foster carer, but last placement is A2, "
		"A3, or A5. Or the current foster value (1) suggests that "
		"child is adopted by current foster carer, but last placement "
		"is A1, A4 or A6.",
	  .cy = "Mae'r gwerth maethu presennol (0) yn awgrymu nad yw'r "
		"plentyn wedi'i fabwysiadu gan y gofalwr maeth presennol, "
		"ond A2, A3 neu A5 yw'r lleoliad olaf. Neu mae'r gwerth "
		"maethu presennol (1) yn awgrymu bod y plentyn wedi'i "
		"fabwysiadu gan y gofalwr maeth presennol, ond A1, A4 neu A6 "
		"yw'r lleoliad olaf.",
	  .child = r335 },
	{ .code = "399", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES) | T(HEADER) | T(REVIEWS),
	  .fields = "MOTHER,LS,REVIEW,REVIEW_CODE",
	  .en = "Mother field, review field or participation field are "
		"completed but child is looked after under legal status V3 "
		"or V4.",
	  .cy = "Mae'r maes mam, y maes adolygiad neu'r maes cyfranogiad "
		"wedi'u cwblhau ond mae'r plentyn yn derbyn gofal o dan "
		"statws cyfreithiol V3 neu V4.",
	  .child = r399 },
	{ .code = "440", .from = 2023, .nations = V_ALL,
	  .tables = T(REVIEWS), .fields = "DOB,REVIEW,REVIEW_CODE",
	  .en = "Participation method indicates child was under 4 years old "
		"at the time of the review, but date of birth and review date "
		"indicates the child was 4 years old or over.",
	  .cy = "Mae'r dull cyfranogi yn dangos bod y plentyn o dan 4 oed ar "
		"adeg yr adolygiad, ond mae'r dyddiad geni a dyddiad yr "
		"adolygiad yn dangos bod y plentyn yn 4 oed neu'n hŷn.",
	  .child = r440 },
	{ .code = "441", .from = 2023, .nations = V_ALL,
	  .tables = T(REVIEWS), .fields = "DOB,REVIEW,REVIEW_CODE",
	  .en = "Participation method indicates child was 4 years old or "
		"over at the time of the review, but the date of birth and "
		"review date indicates the child was under 4 years old.",
	  .cy = "Mae'r dull cyfranogi yn dangos bod y plentyn yn 4 oed neu'n "
		"hŷn ar adeg yr adolygiad, ond mae'r dyddiad geni a dyddiad "
		"yr adolygiad yn dangos bod y plentyn o dan 4 oed.",
	  .child = r441 },
	{ .code = "511", .from = 2023, .nations = V_ALL,
	  .tables = T(AD1), .fields = "NB_ADOPTR,SEX_ADOPTR",
	  .en = "If reporting that the number of person(s) adopting the "
		"looked after child is two adopters then the code should only "
		"be MM, FF or MF. MM = the adopting couple are both males; FF "
		"= the adopting couple are both females; MF = The adopting "
		"couple are male and female.",
	  .cy = "Os nodir mai dau fabwysiadwr sy'n mabwysiadu'r plentyn sy'n "
		"derbyn gofal, dim ond MM, FF neu MF a ddylai fod yn god. MM "
		"= mae'r cwpl sy'n mabwysiadu yn ddau ddyn; FF = mae'r cwpl "
		"sy'n mabwysiadu yn ddwy fenyw; MF = mae'r cwpl sy'n "
		"mabwysiadu yn ddyn a menyw.",
	  .child = r511 },
	{ .code = "514", .from = 2023, .nations = V_ALL,
	  .tables = T(AD1), .fields = "LS_ADOPTR,SEX_ADOPTR",
	  .en = "Data entry on the legal status of adopters shows a single "
		"adopter but data entry for the numbers of adopters shows it "
		"as a couple.",
	  .cy = "Mae'r cofnod ar statws cyfreithiol y mabwysiadwyr yn dangos "
		"un mabwysiadwr ond mae'r cofnod ar gyfer nifer y "
		"mabwysiadwyr yn dangos cwpl.",
	  .child = r514 },
	{ .code = "517", .from = 2023, .nations = V_ALL,
	  .tables = T(AD1), .fields = "LS_ADOPTR,SEX_ADOPTR",
	  .en = "If reporting legal status of adopters is L3 then the genders "
		"of adopters should be coded as MF. MF = the adopting couple "
		"are male and female.",
	  .cy = "Os L3 yw statws cyfreithiol y mabwysiadwyr, dylid codio "
		"rhywedd y mabwysiadwyr fel MF. MF = mae'r cwpl sy'n "
		"mabwysiadu yn ddyn a menyw.",
	  .child = r517 },
	{ .code = "518", .from = 2023, .nations = V_ALL,
	  .tables = T(AD1), .fields = "LS_ADOPTR,SEX_ADOPTR",
	  .en = "If reporting legal status of adopters is L4 then the genders "
		"of adopters should be coded as MM or FF. MM = the adopting "
		"couple are both males. FF = the adopting couple are both "
		"females.",
	  .cy = "Os L4 yw statws cyfreithiol y mabwysiadwyr, dylid codio "
		"rhywedd y mabwysiadwyr fel MM neu FF. MM = mae'r cwpl sy'n "
		"mabwysiadu yn ddau ddyn. FF = mae'r cwpl sy'n mabwysiadu yn "
		"ddwy fenyw.",
	  .child = r518 },
	{ .code = "519", .from = 2023, .nations = V_ALL,
	  .tables = T(AD1), .fields = "LS_ADOPTR,SEX_ADOPTR",
	  .en = "Data entered on the legal status of adopters shows civil "
		"partnership couple, but data entered on genders of adopters "
		"does not show it as a couple.",
	  .cy = "Mae'r data ar statws cyfreithiol y mabwysiadwyr yn dangos "
		"cwpl mewn partneriaeth sifil, ond nid yw'r data ar rywedd y "
		"mabwysiadwyr yn dangos cwpl.",
	  .child = r519 },
	{ .code = "520", .from = 2023, .nations = V_ALL,
	  .tables = T(AD1), .fields = "LS_ADOPTR,SEX_ADOPTR",
	  .en = "Data entry on the legal status of adopters shows different "
		"gender married couple but data entry on genders of adopters "
		"shows it as a same gender couple.",
	  .cy = "Mae'r cofnod ar statws cyfreithiol y mabwysiadwyr yn dangos "
		"cwpl priod o rywedd gwahanol ond mae'r cofnod ar rywedd y "
		"mabwysiadwyr yn dangos cwpl o'r un rhywedd.",
	  .child = r520 },
	{ .code = "521", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES) | T(AD1), .fields = "PLACE,DECOM,DATE_INT",
	  .en = "Date of local authority's decision (LA) that adoption is in "
		"the best interests of the child (date should be placed) must "
		"be on or prior to the date the child is placed for adoption.",
	  .cy = "Rhaid i ddyddiad penderfyniad yr awdurdod lleol (ALl) mai "
		"mabwysiadu sydd er lles pennaf y plentyn (y dyddiad y dylid "
		"ei leoli) fod ar y dyddiad y caiff y plentyn ei leoli i'w "
		"fabwysiadu neu cyn hynny.",
	  .child = r521 },
	{ .code = "522", .from = 2023, .nations = V_ALL,
	  .tables = T(PLACED_ADOPTION),
	  .fields = "DATE_PLACED,DATE_PLACED_CEASED",
	  .en = "Date of decision that the child should be placed for "
		"adoption must be on or before the date that a child should "
		"no longer be placed for adoption.",
	  .cy = "Rhaid i ddyddiad y penderfyniad y dylid lleoli'r plentyn i'w "
		"fabwysiadu fod ar y dyddiad na ddylid lleoli'r plentyn i'w "
		"fabwysiadu mwyach neu cyn hynny.",
	  .child = r522 },
	{ .code = "523", .from = 2023, .nations = V_ALL,
	  .tables = T(PLACED_ADOPTION) | T(AD1),
	  .fields = "DATE_PLACED,DATE_INT",
	  .en = "Date of decision that the child should be placed for "
		"adoption should be the same date as the decision that "
		"adoption is in the best interest (date should be placed).",
	  .cy = "Dylai dyddiad y penderfyniad y dylid lleoli'r plentyn i'w "
		"fabwysiadu fod yr un dyddiad â'r penderfyniad mai mabwysiadu "
		"sydd er lles pennaf y plentyn (y dyddiad y dylid ei leoli).",
	  .child = r523 },
	{ .code = "524", .from = 2023, .nations = V_ALL,
	  .tables = T(AD1), .fields = "LS_ADOPTR,SEX_ADOPTR",
	  .en = "If reporting legal status of adopters is L12 then the "
		"genders of adopters should be coded as MM or FF. MM = the "
		"adopting couple are both males. FF = the adopting couple are "
		"both females",
	  .cy = "Os L12 yw statws cyfreithiol y mabwysiadwyr, dylid codio "
		"rhywedd y mabwysiadwyr fel MM neu FF. MM = mae'r cwpl sy'n "
		"mabwysiadu yn ddau ddyn. FF = mae'r cwpl sy'n mabwysiadu yn "
		"ddwy fenyw.",
	  .child = r524 },
	{ .code = "525", .from = 2023, .nations = V_ALL,
	  .tables = T(PLACED_ADOPTION) | T(AD1),
	  .fields = "DATE_PLACED_CEASED,DATE_INT,DATE_MATCH,FOSTER_CARE,"
		    "NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR",
	  .en = "A child for whom the decision to be placed for adoption has "
		"been reversed cannot be adopted during the year.",
	  .cy = "Ni ellir mabwysiadu plentyn yn ystod y flwyddyn os yw'r "
		"penderfyniad i'w leoli i'w fabwysiadu wedi'i wrthdroi.",
	  .child = r525 },
	{ .code = "551", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES) | T(PLACED_ADOPTION),
	  .fields = "DATE_PLACED,PLACE",
	  .en = "Child has been placed for adoption but there is no date of "
		"the decision that the child should be placed for adoption.",
	  .cy = "Mae'r plentyn wedi'i leoli i'w fabwysiadu ond nid oes "
		"dyddiad ar gyfer y penderfyniad y dylid lleoli'r plentyn i'w "
		"fabwysiadu.",
	  .child = r551 },
	{ .code = "552", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES) | T(PLACED_ADOPTION),
	  .fields = "DATE_PLACED,DECOM",
	  .en = "Date of Decision to place a child for adoption should be on "
		"or prior to the date that the child was placed for adoption.",
	  .cy = "Dylai dyddiad y penderfyniad i leoli plentyn i'w fabwysiadu "
		"fod ar y dyddiad y cafodd y plentyn ei leoli i'w fabwysiadu "
		"neu cyn hynny.",
	  .child = r552 },
	{ .code = "553", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES) | T(PLACED_ADOPTION),
	  .fields = "CHILD,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED",
	  .en = "Placement order has been granted but there is no date of "
		"decision that the child should be placed for adoption.",
	  .cy = "Mae gorchymyn lleoli wedi'i ganiatáu ond nid oes dyddiad y "
		"penderfyniad y dylid lleoli'r plentyn i'w fabwysiadu.",
	  .child = r553 },
	{ .code = "554", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES) | T(PLACED_ADOPTION),
	  .fields = "DATE_PLACED,DECOM,LS",
	  .en = "Date of decision that the child should be placed for "
		"adoption should be on or prior to the date that the "
		"placement order was granted. [NOTE: This rule may result in "
		"false positives or false negatives if relevant episodes are "
		"in previous years; please check carefully!]",
	  .cy = "Dylai dyddiad y penderfyniad y dylid lleoli'r plentyn i'w "
		"fabwysiadu fod ar y dyddiad y caniatawyd y gorchymyn lleoli "
		"neu cyn hynny. [NODYN: Gall y rheol hon roi canlyniadau "
		"positif neu negatif anghywir os yw'r penodau perthnasol "
		"mewn blynyddoedd blaenorol; gwiriwch yn ofalus!]",
	  .child = r554 },
	{ .code = "557", .from = 2023, .to = 2024, .nations = V_ALL,
	  .tables = T(EPISODES) | T(PLACED_ADOPTION),
	  .fields = "DATE_PLACED_CEASED,REASON_PLACED_CEASED,PLACE,LS,REC",
	  .en = "Child for whom the decision was made that they should be "
		"placed for adoption has left care but was not adopted and "
		"information on the decision that they should no longer be "
		"placed for adoption items has not been completed.",
	  .cy = "Mae plentyn y penderfynwyd y dylid ei leoli i'w fabwysiadu "
		"wedi gadael gofal ond ni chafodd ei fabwysiadu, ac nid yw'r "
		"wybodaeth am y penderfyniad na ddylid ei leoli i'w "
		"fabwysiadu mwyach wedi'i chwblhau.",
	  .child = r557_2023 },
	{ .code = "557", .from = 2025, .nations = V_ALL,
	  .tables = T(EPISODES) | T(PLACED_ADOPTION),
	  .fields = "DATE_PLACED_CEASED,REASON_PLACED_CEASED,PLACE,LS,REC",
	  .en = "Child for whom the decision was made that they should be "
		"placed for adoption has left care but was not adopted and "
		"information on the decision that they should no longer be "
		"placed for adoption items has not been completed.",
	  .cy = "Mae plentyn y penderfynwyd y dylid ei leoli i'w fabwysiadu "
		"wedi gadael gofal ond ni chafodd ei fabwysiadu, ac nid yw'r "
		"wybodaeth am y penderfyniad na ddylid ei leoli i'w "
		"fabwysiadu mwyach wedi'i chwblhau.",
	  .child = r557 },
	{ .code = "558", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES) | T(PLACED_ADOPTION),
	  .fields = "DATE_PLACED_CEASED,REC",
	  .en = "If a child has been adopted, then the decision to place them "
		"for adoption has not been disrupted and the date of the "
		"decision that a child should no longer be placed for "
		"adoption should be left blank.",
	  .cy = "Os yw plentyn wedi'i fabwysiadu, nid yw'r penderfyniad i'w "
		"leoli i'w fabwysiadu wedi'i darfu a dylid gadael dyddiad y "
		"penderfyniad na ddylid lleoli plentyn i'w fabwysiadu "
		"mwyach yn wag.",
	  .child = r558 },
	{ .code = "563", .from = 2023, .nations = V_ALL,
	  .tables = T(PLACED_ADOPTION),
	  .fields = "DATE_PLACED,REASON_PLACED_CEASED,DATE_PLACED_CEASED",
	  .en = "The child should no longer be placed for adoption but the "
		"date of the decision that the child should be placed for "
		"adoption is blank",
	  .cy = "Ni ddylid lleoli'r plentyn i'w fabwysiadu mwyach ond mae "
		"dyddiad y penderfyniad y dylid lleoli'r plentyn i'w "
		"fabwysiadu yn wag",
	  .child = r563 },
	{ .code = "564", .from = 2023, .nations = V_ALL,
	  .tables = T(MISSING), .fields = "MISSING,MIS_START",
	  .en = "Child was missing or away from placement without "
		"authorisation and the date started is blank.",
	  .cy = "Roedd y plentyn ar goll neu i ffwrdd o'r lleoliad heb "
		"awdurdod ac mae'r dyddiad dechrau yn wag.",
	  .at_import = "required" },
	{ .code = "565", .from = 2023, .nations = V_ALL,
	  .tables = T(MISSING), .fields = "MISSING,MIS_START",
	  .en = "The date that the child started to be missing or away from "
		"placement without authorisation has been completed but "
		"whether the child was missing or away from placement without "
		"authorisation has not been completed.",
	  .cy = "Mae'r dyddiad y dechreuodd y plentyn fod ar goll neu i "
		"ffwrdd o'r lleoliad heb awdurdod wedi'i gwblhau ond nid yw "
		"wedi'i nodi a oedd y plentyn ar goll neu i ffwrdd o'r "
		"lleoliad heb awdurdod.",
	  .at_import = "required" },
	{ .code = "566", .from = 2023, .nations = V_ALL,
	  .tables = T(MISSING), .fields = "MISSING,MIS_END",
	  .en = "The date that the child's episode of being missing or away "
		"from placement without authorisation ended has been "
		"completed but whether the child was missing or away without "
		"authorisation has not been completed.",
	  .cy = "Mae'r dyddiad y daeth cyfnod y plentyn ar goll neu i ffwrdd "
		"o'r lleoliad heb awdurdod i ben wedi'i gwblhau ond nid yw "
		"wedi'i nodi a oedd y plentyn ar goll neu i ffwrdd heb "
		"awdurdod.",
	  .at_import = "required" },
	{ .code = "567", .from = 2023, .nations = V_ALL,
	  .tables = T(MISSING), .fields = "MIS_START,MIS_END",
	  .en = "The date that the missing episode or episode that the child "
		"was away from placement without authorisation ended is "
		"before the date that it started.",
	  .cy = "Mae'r dyddiad y daeth y cyfnod ar goll neu'r cyfnod pan oedd "
		"y plentyn i ffwrdd o'r lleoliad heb awdurdod i ben cyn y "
		"dyddiad y dechreuodd.",
	  .child = r567 },
	{ .code = "570", .from = 2023, .nations = V_ALL,
	  .tables = T(MISSING), .fields = "MIS_START",
	  .en = "The date that the child started to be missing or away from "
		"placement without authorisation is after the end of the "
		"collection year.",
	  .cy = "Mae'r dyddiad y dechreuodd y plentyn fod ar goll neu i "
		"ffwrdd o'r lleoliad heb awdurdod ar ôl diwedd blwyddyn y "
		"casgliad.",
	  .child = r570 },
	{ .code = "571", .from = 2023, .nations = V_ALL,
	  .tables = T(MISSING), .fields = "MIS_END",
	  .en = "The date that the child ceased to be missing or away from "
		"placement without authorisation is before the start or "
		"after the end of the collection year.",
	  .cy = "Mae'r dyddiad y peidiodd y plentyn â bod ar goll neu i "
		"ffwrdd o'r lleoliad heb awdurdod cyn dechrau neu ar ôl "
		"diwedd blwyddyn y casgliad.",
	  .child = r571 },
	{ .code = "574", .from = 2023, .nations = V_ALL,
	  .tables = T(MISSING), .fields = "MIS_START,MIS_END",
	  .en = "A new missing/away from placement without authorisation "
		"period cannot start when the previous missing/away from "
		"placement without authorisation period is still open. "
		"Missing/away from placement without authorisation periods "
		"should also not overlap.",
	  .cy = "Ni all cyfnod newydd ar goll/i ffwrdd o'r lleoliad heb "
		"awdurdod ddechrau pan fo'r cyfnod blaenorol ar goll/i "
		"ffwrdd o'r lleoliad heb awdurdod yn dal ar agor. Ni ddylai "
		"cyfnodau ar goll/i ffwrdd o'r lleoliad heb awdurdod "
		"orgyffwrdd chwaith.",
	  .child = r574 },
	{ .code = "575", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES) | T(MISSING), .fields = "MIS_END",
	  .en = "If the placement from which the child goes missing/away from "
		"placement without authorisation ends, the missing/away from "
		"placement without authorisation period in the missing module "
		"must also have an end date.",
	  .cy = "Os daw'r lleoliad y mae'r plentyn yn mynd ar goll/i ffwrdd "
		"ohono heb awdurdod i ben, rhaid i'r cyfnod ar goll/i ffwrdd "
		"o'r lleoliad heb awdurdod yn y modiwl ar goll gael dyddiad "
		"gorffen hefyd.",
	  .child = r575 },
	{ .code = "577", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES) | T(MISSING), .fields = "MIS_END",
	  .en = "Child ceased to be looked after but there is a missing/away "
		"from placement without authorisation period without an end "
		"date.",
	  .cy = "Mae'r plentyn wedi peidio â derbyn gofal ond mae cyfnod ar "
		"goll/i ffwrdd o'r lleoliad heb awdurdod heb ddyddiad "
		"gorffen.",
	  .child = r577 },
	{ .code = "578", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES) | T(MISSING), .fields = "MIS_START",
	  .en = "The date that the child started to be missing is after the "
		"child ceased to be looked after.",
	  .cy = "Mae'r dyddiad y dechreuodd y plentyn fod ar goll ar ôl i'r "
		"plentyn beidio â derbyn gofal.",
	  .child = r578 },
	{ .code = "579", .from = 2023, .nations = V_ALL,
	  .tables = T(PLACED_ADOPTION),
	  .fields = "DATE_PLACED,DATE_PLACED_CEASED",
	  .en = "A new decision that the child should be placed for adoption "
		"this year cannot start when the previous decision is still "
		"open. Decisions to place the child for adoption should also "
		"not overlap. The date of any new decision to place the child "
		"for adoption must not be before the date placed ceased of "
		"previous decisions.",
	  .cy = "Ni all penderfyniad newydd eleni y dylid lleoli'r plentyn "
		"i'w fabwysiadu ddechrau pan fo'r penderfyniad blaenorol yn "
		"dal ar agor. Ni ddylai penderfyniadau i leoli'r plentyn i'w "
		"fabwysiadu orgyffwrdd chwaith. Ni ddylai dyddiad unrhyw "
		"benderfyniad newydd i leoli'r plentyn i'w fabwysiadu fod cyn "
		"dyddiad dod i ben penderfyniadau blaenorol.",
	  .child = r579 },
	{ .code = "581", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES) | T(MISSING), .fields = "MIS_START",
	  .en = "Child is missing but has not yet started to be looked after.",
	  .cy = "Mae'r plentyn ar goll ond nid yw wedi dechrau derbyn gofal "
		"eto.",
	  .child = r581 },
	{ .code = "582", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES) | T(AD1), .fields = "DEC,DATE_MATCH",
	  .en = "Child is showing as ceasing to be looked after due to "
		"adoption, but the date of adoption is the same as the date "
		"reported for being matched with adopters. In most "
		"circumstances we expect the date the child is matched with "
		"adopters to be before the date of adoption.",
	  .cy = "Dangosir bod y plentyn wedi peidio â derbyn gofal oherwydd "
		"mabwysiadu, ond mae dyddiad y mabwysiadu yr un fath â'r "
		"dyddiad a nodwyd ar gyfer ei baru â mabwysiadwyr. Yn y "
		"rhan fwyaf o achosion disgwyliwn i'r dyddiad paru'r plentyn "
		"â mabwysiadwyr fod cyn dyddiad y mabwysiadu.",
	  .child = r582 },
	{ .code = "583", .from = 2023, .nations = V_ALL,
	  .tables = T(PLACED_ADOPTION),
	  .fields = "DATE_PLACED,DATE_PLACED_CEASED",
	  .en = "More than one date the child should be placed for adoption "
		"has been reported, but an earlier decision has not been "
		"revoked. Check that both dates are required and add in the "
		"date the earlier decision was revoked. Note this may be in a "
		"previous year.",
	  .cy = "Nodwyd mwy nag un dyddiad y dylid lleoli'r plentyn i'w "
		"fabwysiadu, ond nid yw penderfyniad cynharach wedi'i "
		"ddirymu. Gwiriwch fod angen y ddau ddyddiad ac ychwanegwch y "
		"dyddiad y dirymwyd y penderfyniad cynharach. Sylwch y gall "
		"hyn fod mewn blwyddyn flaenorol.",
	  .child = r583 },
	{ .code = "586", .from = 2023, .nations = V_ALL,
	  .tables = T(MISSING), .fields = "MIS_START",
	  .en = "Dates of missing periods are before child’s date of birth.",
	  .cy = "Mae dyddiadau'r cyfnodau ar goll cyn dyddiad geni'r "
		"plentyn.",
	  .child = r586 },
	{ .code = "601", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES) | T(AD1),
	  .fields = "REC,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,"
		    "SEX_ADOPTR,LS_ADOPTR",
	  .en = "The additional fields relating to adoption have not been "
		"completed although the episode data shows that the child was "
		"adopted during the year.",
	  .cy = "Nid yw'r meysydd ychwanegol sy'n ymwneud â mabwysiadu wedi'u "
		"cwblhau er bod data'r bennod yn dangos bod y plentyn wedi'i "
		"fabwysiadu yn ystod y flwyddyn.",
	  .child = r601 },
	{ .code = "602", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES) | T(AD1), .fields = "CHILD",
	  .en = "The episode data submitted for this child does not show that "
		"he/she was adopted during the year.",
	  .cy = "Nid yw data'r penodau a gyflwynwyd ar gyfer y plentyn hwn yn "
		"dangos i'r plentyn gael ei fabwysiadu yn ystod y flwyddyn.",
	  .child = r602 },
	{ .code = "630", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES) | T(PREV_PERM), .fields = "RNE",
	  .en = "Information on previous permanence option should be "
		"returned.",
	  .cy = "Dylid cyflwyno gwybodaeth am yr opsiwn sefydlogrwydd "
		"blaenorol.",
	  .child = r630 },
	{ .code = "631", .from = 2023, .nations = V_ALL,
	  .tables = T(PREV_PERM), .fields = "PREV_PERM",
	  .en = "Previous permanence option not a valid value.",
	  .cy = "Nid yw'r opsiwn sefydlogrwydd blaenorol yn werth dilys.",
	  .child = r631 },
	{ .code = "632", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES) | T(PREV_PERM), .fields = "DATE_PERM,DECOM",
	  .en = "Date of previous permanence order not a valid value. NOTE: "
		"This rule may result in false negatives where the period of "
		"care started before the current collection year",
	  .cy = "Nid yw dyddiad y gorchymyn sefydlogrwydd blaenorol yn werth "
		"dilys. NODYN: Gall y rheol hon fethu â nodi gwallau lle "
		"dechreuodd y cyfnod gofal cyn blwyddyn bresennol y casgliad",
	  .child = r632 },
	{ .code = "633", .from = 2023, .nations = V_ALL,
	  .tables = T(PREV_PERM), .fields = "LA_PERM",
	  .en = "Local authority code where previous permanence option was "
		"arranged is not a valid value.",
	  .cy = "Nid yw cod yr awdurdod lleol lle trefnwyd yr opsiwn "
		"sefydlogrwydd blaenorol yn werth dilys.",
	  .child = r633 },
	{ .code = "634", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES) | T(PREV_PERM),
	  .fields = "LA_PERM,PREV_PERM,DATE_PERM,DECOM",
	  .en = "There are entries for previous permanence options, but child "
		"has not started to be looked after from 1 April 2016 "
		"onwards.",
	  .cy = "Mae cofnodion ar gyfer opsiynau sefydlogrwydd blaenorol, ond "
		"nid yw'r plentyn wedi dechrau derbyn gofal o 1 Ebrill 2016 "
		"ymlaen.",
	  .child = r634 },
	{ .code = "635", .from = 2023, .nations = V_ALL,
	  .tables = T(PREV_PERM), .fields = "LA_PERM,DATE_PERM,PREV_PERM",
	  .en = "There are entries for date of order and local authority code "
		"where previous permanence option was arranged but previous "
		"permanence code is Z1",
	  .cy = "Mae cofnodion ar gyfer dyddiad y gorchymyn a chod yr awdurdod "
		"lleol lle trefnwyd yr opsiwn sefydlogrwydd blaenorol ond Z1 "
		"yw'r cod sefydlogrwydd blaenorol",
	  .child = r635 },
	{ .code = "700", .from = 2027, .nations = V_ALL,
	  .tables = T(DOLO), .fields = "DOLO_START",
	  .en = "The start date of the DoLO is not a valid date.",
	  .cy = "Nid yw dyddiad dechrau'r Gorchymyn Amddifadu o Ryddid (DoLO) "
		"yn ddyddiad dilys.",
	  .child = r700 },
	{ .code = "701", .from = 2027, .nations = V_ALL,
	  .tables = T(DOLO), .fields = "DOLO_END",
	  .en = "The end date of the DoLO is not a valid date.",
	  .cy = "Nid yw dyddiad diwedd y Gorchymyn Amddifadu o Ryddid (DoLO) "
		"yn ddyddiad dilys.",
	  .at_import = "date" },
	{ .code = "702", .from = 2027, .nations = V_ALL,
	  .tables = T(DOLO), .fields = "DOLO_START,DOLO_END",
	  .en = "The date that the DoLO ended is before the date that it "
		"started.",
	  .cy = "Mae'r dyddiad y daeth y DoLO i ben cyn y dyddiad y "
		"dechreuodd.",
	  .child = r702 },
	{ .code = "703", .from = 2027, .nations = V_ALL,
	  .tables = T(DOLO), .fields = "DOLO_START",
	  .en = "The date that the DoLO started is after the end of the "
		"collection year.",
	  .cy = "Mae'r dyddiad y dechreuodd y DoLO ar ôl diwedd blwyddyn y "
		"casgliad.",
	  .child = r703 },
	{ .code = "704", .from = 2027, .nations = V_ALL,
	  .tables = T(DOLO), .fields = "DOLO_END",
	  .en = "The date that the DoLO ended is before the start or after "
		"the end of the collection year.",
	  .cy = "Mae'r dyddiad y daeth y DoLO i ben cyn dechrau neu ar ôl "
		"diwedd blwyddyn y casgliad.",
	  .child = r704 },
	{ .code = "705", .from = 2027, .nations = V_ALL,
	  .tables = T(DOLO), .fields = "DOLO_START,DOLO_END",
	  .en = "A DoLO cannot start when the previous DoLO is still open.",
	  .cy = "Ni all DoLO ddechrau pan fo'r DoLO blaenorol yn dal ar "
		"agor.",
	  .child = r705 },
	{ .code = "707", .from = 2027, .nations = V_ALL,
	  .tables = T(DOLO) | T(EPISODES), .fields = "DOLO_END",
	  .en = "Child ceased to be looked after but there is a DoLO without "
		"an end date.",
	  .cy = "Mae'r plentyn wedi peidio â derbyn gofal ond mae DoLO heb "
		"ddyddiad gorffen.",
	  .child = r707 },
	{ .code = "708", .from = 2027, .nations = V_ALL,
	  .tables = T(DOLO), .fields = "DOLO_START",
	  .en = "Dates of DoLOs are before child’s date of birth.",
	  .cy = "Mae dyddiadau'r DoLOs cyn dyddiad geni'r plentyn.",
	  .child = r708 },
	{ .code = "709", .from = 2027, .nations = V_ALL,
	  .tables = T(DOLO) | T(EPISODES), .fields = "DOLO_START,PLACEMENT",
	  .en = "Child with a DoLO is in an unexpected placement type.",
	  .cy = "Mae plentyn sydd â DoLO mewn math annisgwyl o leoliad.",
	  .child = r709 },
	{ .code = "710", .from = 2027, .nations = V_ALL,
	  .tables = T(DOLO) | T(EPISODES), .fields = "DOLO_START,PLACEMENT",
	  .en = "Child with a DoLO can not be placed in secure children's "
		"homes, with parents, young offender institutions, or "
		"supported accommodation.",
	  .cy = "Ni ellir lleoli plentyn sydd â DoLO mewn cartrefi diogel i "
		"blant, gyda rhieni, mewn sefydliadau troseddwyr ifanc, nac "
		"mewn llety â chymorth.",
	  .child = r710 },
	{ .code = NULL },
};
