/*
 * rules-cross.c: DfE SSDA903 rules that compare this year's return with
 * last year's (the child's last episode, UASC status, placement for
 * adoption, missing periods, DoLO and Header carried over a year), the
 * care leaver rules that look at the child's episodes (1000-series), and
 * the integrity checks between tables (INT, EPI, NoE).
 *
 * See validate.h for how a rule is written and registered.  Last year's
 * return is c->last (NULL when the child was not in it, or when there is
 * no previous return: a rule that needs one says needs_prev).
 *
 * A child is "UASC" in a year when last year's or this year's return has a
 * UASC row for them: cartref reads the CSV form of the return, whose
 * Header has no UASC column, and the DfE's validator infers that column
 * the same way from the UASC table.
 */
#include "base/compat.h"
#include "base/xalloc.h"
#include "validate/validate.h"

#include <strings.h>

/* ---- helpers ----------------------------------------------------------- */

/* Two dates both known and equal. */
static bool date_eq(int32_t a, int32_t b)
{
	return a != DATE_NONE && b != DATE_NONE && a == b;
}

/* Whether table t of r was read (a file, even empty). */
static bool has_table(const struct s903_return *r, enum s903_table t)
{
	size_t n;

	if (!r)
		return false;
	s903_rows(r, t, &n);
	return n || r->present[t];
}

/*
 * Whether a child's absence from table t of r can be trusted: the table
 * was read whole (incomplete: absent, unreadable or rows lost before
 * their CHILD was known), and none of the child's rows was dropped for a
 * bad field (no cascades from a row the import refused).
 */
static bool absence_known(const struct s903_return *r, enum s903_table t,
			  const char *child)
{
	return r && !r->incomplete[t] && !s903_was_dropped(r, child);
}

/* UASC this year or last (see the top of the file). */
static bool uasc_ever(const struct v_child *c)
{
	return c->nuasc || (c->last && c->last->nuasc);
}

/*
 * Whether UASC status is known at all: the DfE's validator skips the
 * distance rules when neither year's UASC table was loaded, as then a
 * former UASC child cannot be told from another.
 */
static bool uasc_known(const struct v_run *run)
{
	const struct v_input *in = v_in(run);

	return has_table(in->r, S903_UASC) || has_table(in->prev, S903_UASC);
}

/* The last episode (by DECOM) of the child in last year's return. */
static const struct s903_episode *prev_last_ep(const struct v_child *c)
{
	if (!c->last || !c->last->nep)
		return NULL;
	return &c->last->ep[c->last->nep - 1];
}

/* The child's last episode of this year (by DECOM), or NULL. */
static const struct s903_episode *last_ep(const struct v_child *c)
{
	return c->nep ? &c->ep[c->nep - 1] : NULL;
}

static bool ls_voluntary(const struct s903_episode *e)
{
	/* V3/V4: short breaks, outside most of the looked after rules */
	return v_in_list(e->ls, "V3 V4");
}

static void flag_header(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nh; i++)
		v_flag(run, S903_HEADER, &c->h[i]);
}

static void flag_oc3(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->noc3; i++)
		v_flag(run, S903_OC3, &c->oc3[i]);
}

/* ---- care leavers (OC3) and the child's episodes ---------------------- */

static bool any_rec(const struct s903_episode *ep, size_t n, const char *list)
{
	for (size_t i = 0; i < n; i++)
		if (v_in_list(ep[i].rec, list))
			return true;
	return false;
}

/* 1000: a child who died in care (REC E2, this year or last) has no OC3. */
static void r1000(struct v_run *run, const struct v_child *c)
{
	if (!c->noc3)
		return;
	if (any_rec(c->ep, c->nep, "E2") ||
	    (c->last && any_rec(c->last->ep, c->last->nep, "E2")))
		flag_oc3(run, c);
}

/* One episode of the two years put together, for 1001. */
struct span {
	int32_t decom, dec;
	bool voluntary;
	bool adopted;
};

static int cmp_span(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	return (x->decom > y->decom) - (x->decom < y->decom);
}

/* Days of [from, to] after start, 0 when none (to DATE_NONE: none). */
static long days_after(int32_t from, int32_t to, int32_t start)
{
	if (to == DATE_NONE || from == DATE_NONE)
		return 0;
	if (start > from)
		from = start;
	return to > from ? (long)to - from : 0;
}

/*
 * 1001: a care leaver (OC3) must be a relevant or former relevant child:
 * looked after for 13 weeks (91 days) since the 14th birthday, some of it
 * after the 16th, and not adopted in the end (final REC E11/E12).  Only
 * the two returns loaded are seen, so children aged 20 or more at the end
 * of the year (whose care may predate both) are not checked; nor is a
 * child without a date of birth.  V3/V4 episodes do not count.
 */
static void r1001(struct v_run *run, const struct v_child *c)
{
	const struct v_child *l = c->last;
	size_t n = 0, total = c->nep + (l ? l->nep : 0);
	struct span *s;
	int32_t dob, end = v_year_end(run);
	long t14 = 0, t16 = 0;
	bool adopted;

	if (!c->noc3 || !c->nh || c->h->dob == DATE_NONE)
		return;
	dob = c->h->dob;
	if (date_add_years(dob, 20) <= end)
		return;
	s = xcalloc(total ? total : 1, sizeof(*s));
	for (size_t i = 0; i < c->nep; i++)
		s[n++] = (struct span){ c->ep[i].decom, c->ep[i].dec,
					ls_voluntary(&c->ep[i]),
					v_in_list(c->ep[i].rec, "E11 E12") };
	for (size_t i = 0; l && i < l->nep; i++) {
		const struct s903_episode *e = &l->ep[i];
		size_t j;

		/* last year's open episode is often this year's first */
		for (j = 0; j < c->nep; j++)
			if (c->ep[j].decom == e->decom)
				break;
		if (j < c->nep) {
			if (s[j].dec == DATE_NONE)
				s[j].dec = e->dec;
			continue;
		}
		s[n++] = (struct span){ e->decom, e->dec, ls_voluntary(e),
					v_in_list(e->rec, "E11 E12") };
	}
	qsort(s, n, sizeof(*s), cmp_span);
	if (n && s[n - 1].dec == DATE_NONE)
		s[n - 1].dec = end;	/* still looked after */
	for (size_t i = 0; i < n; i++) {
		if (s[i].voluntary)
			continue;
		t14 += days_after(s[i].decom, s[i].dec, date_add_years(dob, 14));
		t16 += days_after(s[i].decom, s[i].dec, date_add_years(dob, 16));
	}
	adopted = n && s[n - 1].adopted;
	free(s);
	if (adopted || t14 < 91 || t16 < 1)
		flag_oc3(run, c);
}

/* 1002: a care leaver with no episode in either year loaded. */
static void r1002(struct v_run *run, const struct v_child *c)
{
	const struct v_input *in = v_in(run);

	if (!c->noc3 || c->nep || (c->last && c->last->nep))
		return;
	if (absence_known(in->r, S903_EPISODES, c->id) &&
	    absence_known(in->prev, S903_EPISODES, c->id))
		flag_oc3(run, c);
}

/* 1010: open at the end of last year, no episode this year, yet in OC3. */
static void r1010(struct v_run *run, const struct v_child *c)
{
	const struct s903_episode *p = prev_last_ep(c);

	if (!c->noc3 || c->nep || !p || p->dec != DATE_NONE ||
	    !absence_known(v_in(run)->r, S903_EPISODES, c->id))
		return;
	flag_oc3(run, c);
}

/* 1011: final episode ended E3 (care transferred): no care leaver data. */
static void r1011(struct v_run *run, const struct v_child *c)
{
	const struct s903_episode *e = last_ep(c);

	if (!e || strcmp(e->rec, "E3"))
		return;
	for (size_t i = 0; i < c->noc3; i++) {
		const struct s903_oc3 *o = &c->oc3[i];

		if (!v_blank(o->in_touch) || !v_blank(o->activ) ||
		    !v_blank(o->accom))
			v_flag(run, S903_OC3, o);
	}
}

/* 348: reported as died (IN_TOUCH DIED) last year, not this year. */
static void r348(struct v_run *run, const struct v_child *c)
{
	bool died = false;

	for (size_t i = 0; c->last && i < c->last->noc3; i++)
		died |= !strcmp(c->last->oc3[i].in_touch, "DIED");
	if (!died)
		return;
	for (size_t i = 0; i < c->noc3; i++)
		if (strcmp(c->oc3[i].in_touch, "DIED"))
			v_flag(run, S903_OC3, &c->oc3[i]);
}

/* ---- distances and postcodes, UASC ------------------------------------ */

/* PL_DISTANCE is tenths of a mile here, -1 when it could not be worked out */
#define DISTANCE_MAX 9999	/* 999.9 miles */

/* 164: a distance (not UASC, not V3/V4) is between 0.0 and 999.9. */
static void r164(struct v_run *run, const struct v_child *c)
{
	if (uasc_ever(c) || !uasc_known(run))
		return;
	for (size_t i = 0; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i];

		if (!ls_voluntary(e) && e->pl_distance > DISTANCE_MAX)
			v_flag(run, S903_EPISODES, e);
	}
}

/* 392a: looked after (not UASC, not V3/V4) needs a distance. */
static void r392a(struct v_run *run, const struct v_child *c)
{
	if (uasc_ever(c) || !uasc_known(run))
		return;
	for (size_t i = 0; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i];

		if (!ls_voluntary(e) && e->pl_distance < 0)
			v_flag(run, S903_EPISODES, e);
	}
}

/* 392b: looked after (not UASC, not V3/V4) needs both postcodes. */
static void r392b(struct v_run *run, const struct v_child *c)
{
	if (uasc_ever(c))
		return;
	for (size_t i = 0; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i];

		if (!ls_voluntary(e) &&
		    (v_blank(e->home_post) || v_blank(e->pl_post)))
			v_flag(run, S903_EPISODES, e);
	}
}

/* 406: a UASC or formerly UASC child has no distance. */
static void r406(struct v_run *run, const struct v_child *c)
{
	if (!uasc_ever(c))
		return;
	for (size_t i = 0; i < c->nep; i++)
		if (c->ep[i].pl_distance >= 0)
			v_flag(run, S903_EPISODES, &c->ep[i]);
}

/*
 * 205B: UASC both years.  Last year's date UASC ceased must be the 18th
 * birthday, and this year's must fall in this year or repeat last year's.
 */
static void r205b(struct v_run *run, const struct v_child *c)
{
	const struct s903_uasc *l;
	bool bad = false;

	if (!c->nuasc || !c->last || !c->last->nuasc)
		return;
	l = &c->last->uasc[0];
	for (size_t i = 0; i < c->nuasc; i++) {
		int32_t duc = c->uasc[i].duc;
		bool in_year = duc != DATE_NONE && duc >= v_year_start(run) &&
			       duc <= v_year_end(run);

		if ((!in_year && !date_eq(duc, l->duc)) ||
		    !date_eq(l->duc, date_add_years(l->dob, 18))) {
			v_flag(run, S903_UASC, &c->uasc[i]);
			bad = true;
		}
	}
	if (bad)
		flag_header(run, c);
}

/* 205D: UASC this year, in last year's Header but not UASC then. */
static void r205d(struct v_run *run, const struct v_child *c)
{
	const struct v_input *in = v_in(run);

	if (!c->nuasc || !c->last || !c->last->nh || c->last->nuasc ||
	    !has_table(in->prev, S903_UASC) ||
	    !absence_known(in->prev, S903_UASC, c->id))
		return;
	flag_header(run, c);
}

/* ---- Header carried over from last year -------------------------------- */

/* The child's Header row in last year's return, or NULL. */
static const struct s903_header *prev_header(const struct v_child *c)
{
	return c->last && c->last->nh ? c->last->h : NULL;
}

/* 202: SEX as last year. */
/*
 * The DfE recoded SEX from 1/2 to M/F in 2024-25: a child recorded as 1
 * last year and M this year has the same sex.  (The peer compares the
 * codes as written and flags every returning child in the first M/F
 * year.)
 */
static char sex_of(const char *code)
{
	return !strcmp(code, "1") ? 'M' : !strcmp(code, "2") ? 'F' : code[0];
}

static void r202(struct v_run *run, const struct v_child *c)
{
	const struct s903_header *p = prev_header(c);

	for (size_t i = 0; p && i < c->nh; i++)
		if (sex_of(c->h[i].sex) != sex_of(p->sex))
			v_flag(run, S903_HEADER, &c->h[i]);
}

/* 203: DOB as last year. */
static void r203(struct v_run *run, const struct v_child *c)
{
	const struct s903_header *p = prev_header(c);

	for (size_t i = 0; p && i < c->nh; i++)
		if (c->h[i].dob != p->dob)
			v_flag(run, S903_HEADER, &c->h[i]);
}

/* 204: ETHNIC as last year (whatever the case). */
static void r204(struct v_run *run, const struct v_child *c)
{
	const struct s903_header *p = prev_header(c);

	for (size_t i = 0; p && i < c->nh; i++)
		if (strcasecmp(c->h[i].ethnic, p->ethnic))
			v_flag(run, S903_HEADER, &c->h[i]);
}

/* 207: a mother last year is still one (when looked after this year). */
static void r207(struct v_run *run, const struct v_child *c)
{
	const struct s903_header *p = prev_header(c);

	if (!p || p->mother != 1 || !c->nep)
		return;
	for (size_t i = 0; i < c->nh; i++)
		if (c->h[i].mother != 1)
			v_flag(run, S903_HEADER, &c->h[i]);
}

static bool upn_unknown(const char *upn)
{
	return v_in_list(upn, "UN1 UN2 UN3 UN4 UN5");
}

/*
 * 208: UPN as last year, except when it becomes known (was blank or
 * UN1-UN5) or goes from UN1 or blank to UN2-UN5.  Blank to UN1 is a
 * change the DfE's validator reports (its test says so).
 */
static void r208(struct v_run *run, const struct v_child *c)
{
	const struct s903_header *p = prev_header(c);

	for (size_t i = 0; p && i < c->nh; i++) {
		const char *now = c->h[i].upn, *was = p->upn;

		if (!strcasecmp(now, was))
			continue;
		if ((v_blank(was) || !strcasecmp(was, "UN1")) &&
		    v_in_list(now, "UN2 UN3 UN4 UN5"))
			continue;
		if ((v_blank(was) || upn_unknown(was)) && !v_blank(now) &&
		    !upn_unknown(now))
			continue;
		v_flag(run, S903_HEADER, &c->h[i]);
	}
}

/* 624: MC_DOB as last year, when it was recorded then. */
static void r624(struct v_run *run, const struct v_child *c)
{
	const struct s903_header *p = prev_header(c);

	if (!p || p->mc_dob == DATE_NONE)
		return;
	for (size_t i = 0; i < c->nh; i++)
		if (c->h[i].mc_dob != p->mc_dob)
			v_flag(run, S903_HEADER, &c->h[i]);
}

/*
 * 625: MC_DOB after the end of the year, or after the child's latest
 * DEC.  The episode flagged is the one with the latest DEC.
 */
static void r625(struct v_run *run, const struct v_child *c)
{
	const struct s903_episode *e = NULL;

	for (size_t i = 0; i < c->nep; i++)
		if (c->ep[i].dec != DATE_NONE && (!e || c->ep[i].dec > e->dec))
			e = &c->ep[i];
	if (!e)
		return;	/* the DfE's check needs an episode that ended */
	for (size_t i = 0; i < c->nh; i++) {
		int32_t mc = c->h[i].mc_dob;

		if (mc != DATE_NONE && (mc > v_year_end(run) || mc > e->dec)) {
			v_flag(run, S903_HEADER, &c->h[i]);
			v_flag(run, S903_EPISODES, e);
		}
	}
}

/* 626: not a mother last year, a mother now, first child born before. */
static void r626(struct v_run *run, const struct v_child *c)
{
	const struct s903_header *p = prev_header(c);

	if (!p || p->mother != 0)
		return;
	for (size_t i = 0; i < c->nh; i++)
		if (c->h[i].mother == 1 && c->h[i].mc_dob != DATE_NONE &&
		    c->h[i].mc_dob < v_year_start(run))
			v_flag(run, S903_HEADER, &c->h[i]);
}

/*
 * 165: MOTHER is given for girls looked after this year (episodes not
 * V3/V4), never for boys, and not for a girl with no episode this year
 * but care leaver data.  (A MOTHER other than 0/1 never loads.)
 */
static void r165(struct v_run *run, const struct v_child *c)
{
	bool counted = false, in_year = false, oc3_data = false;

	for (size_t i = 0; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i];
		int32_t dec = e->dec == DATE_NONE ? v_year_end(run) : e->dec;

		if (ls_voluntary(e))
			continue;
		counted = true;
		in_year |= dec >= v_year_start(run) &&
			   e->decom <= v_year_end(run);
	}
	if (!counted || !c->nh)
		return;
	for (size_t i = 0; i < c->noc3; i++)
		oc3_data |= !v_blank(c->oc3[i].in_touch) ||
			    !v_blank(c->oc3[i].activ) ||
			    !v_blank(c->oc3[i].accom);
	for (size_t i = 0; i < c->nh; i++) {
		const struct s903_header *h = &c->h[i];
		bool has = h->mother >= 0, girl = !strcmp(h->sex, "2");

		if ((has && !strcmp(h->sex, "1")) ||
		    (!has && girl && in_year) ||
		    (has && girl && !in_year && oc3_data)) {
			v_flag(run, S903_HEADER, h);
			flag_oc3(run, c);
		}
	}
}

/* 387: ceased to independent living (E5/E6) before the 14th birthday. */
static void r387(struct v_run *run, const struct v_child *c)
{
	if (!c->nh || c->h->dob == DATE_NONE)
		return;
	for (size_t i = 0; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i];

		if (v_in_list(e->rec, "E5 E6") && e->dec != DATE_NONE &&
		    e->dec < date_add_years(c->h->dob, 14))
			v_flag(run, S903_EPISODES, e);
	}
}

/* ---- episodes carried over from last year ------------------------------ */

/*
 * 199: once adopted (REC E11/E12) a child has no later episode: every
 * episode of this year after the first adoption, this year or last, is
 * reported.  An episode in both returns (same DECOM) counts once, as this
 * year's.
 */
static void r199(struct v_run *run, const struct v_child *c)
{
	int32_t before = DATE_NONE;	/* last year's first adoption */
	size_t i;

	for (size_t k = 0; c->last && k < c->last->nep; k++) {
		const struct s903_episode *e = &c->last->ep[k];
		bool again = false;

		for (size_t j = 0; j < c->nep; j++)
			again |= c->ep[j].decom == e->decom;
		if (!again && v_in_list(e->rec, "E11 E12") &&
		    (before == DATE_NONE || e->decom < before))
			before = e->decom;
	}
	/* this year's episodes are in DECOM order: find the first adoption */
	for (i = 0; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i];

		if (before != DATE_NONE && e->decom >= before)
			break;
		if (v_in_list(e->rec, "E11 E12")) {
			i++;	/* the adoption itself is fine */
			break;
		}
	}
	for (; i < c->nep; i++)
		v_flag(run, S903_EPISODES, &c->ep[i]);
}

/* The child's first episode this year and last year's last, both known. */
static bool carried(const struct v_child *c, const struct s903_episode **now,
		    const struct s903_episode **prev)
{
	*prev = prev_last_ep(c);
	*now = c->nep ? &c->ep[0] : NULL;
	return *now && *prev;
}

/* 452: PL_LA as at the end of last year (same RNE, still open). */
static void r452(struct v_run *run, const struct v_child *c)
{
	const struct s903_episode *e, *p;

	if (carried(c, &e, &p) && !strcmp(e->rne, p->rne) &&
	    p->dec == DATE_NONE && strcmp(e->pl_la, p->pl_la))
		v_flag(run, S903_EPISODES, e);
}

/* A distance differing by 0.2 miles or more, or newly worked out. */
static bool distance_moved(const struct s903_episode *e,
			   const struct s903_episode *p)
{
	if (p->pl_distance < 0)
		return e->pl_distance >= 0;
	if (e->pl_distance < 0)
		return false;
	return labs((long)e->pl_distance - p->pl_distance) >= 2;
}

/* 453: PL_DISTANCE as at the end of last year (same RNE, still open). */
static void r453(struct v_run *run, const struct v_child *c)
{
	const struct s903_episode *e, *p;

	if (carried(c, &e, &p) && !strcmp(e->rne, p->rne) &&
	    p->dec == DATE_NONE && distance_moved(e, p))
		v_flag(run, S903_EPISODES, e);
}

/* 502: an episode open at the end of last year is this year's first. */
static void r502(struct v_run *run, const struct v_child *c)
{
	if (!c->nep || !c->last)
		return;
	for (size_t i = 0; i < c->last->nep; i++)
		if (c->last->ep[i].dec == DATE_NONE &&
		    c->last->ep[i].decom != c->ep[0].decom) {
			v_flag(run, S903_EPISODES, &c->ep[0]);
			return;
		}
}

/* The first episode, when last year ended with the child still in care. */
static const struct s903_episode *open_carried(const struct v_child *c,
					       const struct s903_episode **p)
{
	const struct s903_episode *e;

	if (!carried(c, &e, p) || (*p)->dec != DATE_NONE)
		return NULL;
	return e;
}

#define R503(name, field)                                                  \
	static void name(struct v_run *run, const struct v_child *c)       \
	{                                                                  \
		const struct s903_episode *p, *e = open_carried(c, &p);    \
									   \
		if (e && strcmp(e->field, p->field))                       \
			v_flag(run, S903_EPISODES, e);                     \
	}

/* 503A-C, E, F, H: the first episode continues last year's open one. */
R503(r503a, rne)
R503(r503b, ls)
R503(r503c, cin)
R503(r503e, place_provider)
R503(r503f, urn)
R503(r503h, pl_la)

/* 503D: PLACE too, with the year's recoding of a placement type allowed. */
static void r503d_with(struct v_run *run, const struct v_child *c,
		       const char *was, const char *now)
{
	const struct s903_episode *p, *e = open_carried(c, &p);

	if (!e || !strcmp(e->place, p->place))
		return;
	if (was && !strcmp(p->place, was) && v_in_list(e->place, now))
		return;
	v_flag(run, S903_EPISODES, e);
}

static void r503d(struct v_run *run, const struct v_child *c)
{
	r503d_with(run, c, NULL, NULL);
}

/* 2024-25 and 2025-26: semi-independent living (H5) became K3. */
static void r503d_k3(struct v_run *run, const struct v_child *c)
{
	r503d_with(run, c, "H5", "K3");
}

/* From 2026-27: Z1 split into Z11-Z14. */
static void r503d_z1(struct v_run *run, const struct v_child *c)
{
	r503d_with(run, c, "Z1", "Z11 Z12 Z13 Z14");
}

/* 503G: PL_DISTANCE too. */
static void r503g(struct v_run *run, const struct v_child *c)
{
	const struct s903_episode *p, *e = open_carried(c, &p);

	if (e && distance_moved(e, p))
		v_flag(run, S903_EPISODES, e);
}

/* PL_LOCATION: IN the council's own area, OUT of it, "" unknown. */
static const char *pl_location(const struct s903_episode *e, const char *la)
{
	if (v_blank(e->pl_la))
		return "";
	return !strcmp(e->pl_la, la) ? "IN" : "OUT";
}

/* 503J: placed in or out of the council's area as at the end of last year. */
static void r503j(struct v_run *run, const struct v_child *c)
{
	const struct v_input *in = v_in(run);
	const struct s903_episode *p, *e = open_carried(c, &p);

	if (e && strcmp(pl_location(e, in->r->la),
			pl_location(p, in->prev->la)))
		v_flag(run, S903_EPISODES, e);
}

/*
 * 562: the earliest episode that began before this year is the one last
 * year's return ended with (same DECOM).
 */
static void r562(struct v_run *run, const struct v_child *c)
{
	const struct s903_episode *p = prev_last_ep(c);

	if (!c->nep || c->ep[0].decom >= v_year_start(run))
		return;
	if (p ? p->decom == c->ep[0].decom
	      : !absence_known(v_in(run)->prev, S903_EPISODES, c->id))
		return;
	v_flag(run, S903_EPISODES, &c->ep[0]);
}

/* NoE: looked after before this year, but no episode last year. */
static void rnoe(struct v_run *run, const struct v_child *c)
{
	if ((c->last && c->last->nep) ||
	    !absence_known(v_in(run)->prev, S903_EPISODES, c->id))
		return;
	for (size_t i = 0; i < c->nep; i++)
		if (c->ep[i].decom < v_year_start(run))
			v_flag(run, S903_EPISODES, &c->ep[i]);
}

/* ---- missing, adoption, DoLO carried over ----------------------------- */

/*
 * 576: a missing period open at the end of last year is this year's first
 * (same MIS_START).  Periods with no MIS_START sort last.
 */
static void r576(struct v_run *run, const struct v_child *c)
{
	const struct s903_missing *first = NULL;

	for (size_t i = 0; i < c->nmis; i++)
		if (c->mis[i].mis_start != DATE_NONE &&
		    (!first || c->mis[i].mis_start < first->mis_start))
			first = &c->mis[i];
	if (!first && c->nmis)
		first = &c->mis[0];
	if (!first || !c->last)
		return;
	for (size_t i = 0; i < c->last->nmis; i++) {
		const struct s903_missing *m = &c->last->mis[i];

		if (m->mis_end == DATE_NONE && m->mis_start != DATE_NONE &&
		    m->mis_start != first->mis_start) {
			v_flag(run, S903_MISSING, first);
			return;
		}
	}
}

/* 559: a decision before this year was in last year's return. */
static void r559(struct v_run *run, const struct v_child *c)
{
	bool before = false;

	for (size_t i = 0; c->last && i < c->last->npa; i++)
		before |= c->last->pa[i].date_placed != DATE_NONE;
	if (before)
		return;
	for (size_t i = 0; i < c->npa; i++)
		if (c->pa[i].date_placed != DATE_NONE &&
		    c->pa[i].date_placed < v_year_start(run))
			v_flag(run, S903_PLACED_ADOPTION, &c->pa[i]);
}

/* 560: a decision that did not cease keeps its date. */
static void r560(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->npa; i++)
		for (size_t j = 0; c->last && j < c->last->npa; j++) {
			const struct s903_placed_adoption *l = &c->last->pa[j];

			if (l->date_placed != DATE_NONE &&
			    l->date_placed_ceased == DATE_NONE &&
			    c->pa[i].date_placed != l->date_placed)
				v_flag(run, S903_PLACED_ADOPTION, &c->pa[i]);
		}
}

static bool pa_ceased(const struct s903_placed_adoption *p)
{
	return p->date_placed_ceased != DATE_NONE ||
	       !v_blank(p->reason_placed_ceased);
}

/* 561: the same decision date as last year, yet it ceased last year. */
static void r561(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->npa; i++)
		for (size_t j = 0; c->last && j < c->last->npa; j++) {
			const struct s903_placed_adoption *l = &c->last->pa[j];

			if (date_eq(c->pa[i].date_placed, l->date_placed) &&
			    pa_ceased(l))
				v_flag(run, S903_PLACED_ADOPTION, &c->pa[i]);
		}
}

/* 584: after a decision ceased, a new decision is dated after the old. */
static void r584(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->npa; i++)
		for (size_t j = 0; c->last && j < c->last->npa; j++) {
			const struct s903_placed_adoption *l = &c->last->pa[j];
			int32_t dp = c->pa[i].date_placed;

			if (pa_ceased(l) &&
			    (dp == DATE_NONE ||
			     (l->date_placed != DATE_NONE &&
			      dp <= l->date_placed)))
				v_flag(run, S903_PLACED_ADOPTION, &c->pa[i]);
		}
}

/*
 * 706: a DoLO open at the end of last year starts a DoLO this year.  The
 * DfE's validator reports last year's row; cartref reports this year's
 * rows of the child (their first DoLO, or their Header when they have
 * none), as only this year's return is reported on.
 */
static void r706(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; c->last && i < c->last->ndolo; i++) {
		const struct s903_dolo *l = &c->last->dolo[i];
		bool found = false;

		if (l->dolo_end != DATE_NONE)
			continue;
		for (size_t j = 0; j < c->ndolo; j++)
			found |= c->dolo[j].dolo_start == l->dolo_start;
		if (found)
			continue;
		if (c->ndolo)
			v_flag(run, S903_DOLO, &c->dolo[0]);
		else
			flag_header(run, c);
		return;
	}
}

/* ---- integrity: every table against Header ---------------------------- */

/* EPI: a child in Header has episodes or care leaver data. */
static void repi(struct v_run *run, const struct v_child *c)
{
	const struct s903_return *r = v_in(run)->r;

	if (c->nep || c->noc3 || !absence_known(r, S903_EPISODES, c->id) ||
	    (has_table(r, S903_OC3) && !absence_known(r, S903_OC3, c->id)))
		return;
	flag_header(run, c);
}

/* Rows of table t of a child absent from Header (INT01-INT09). */
static void not_in_header(struct v_run *run, const struct v_child *c,
			  enum s903_table t, const void *rows, size_t n)
{
	size_t size = s903_tables[t].rowsize;

	if (c->nh || !absence_known(v_in(run)->r, S903_HEADER, c->id))
		return;
	for (size_t i = 0; i < n; i++)
		v_flag(run, t, (const char *)rows + i * size);
}

/* Rows of table t of a child there more than once (INT31-INT36). */
static void once(struct v_run *run, enum s903_table t, const void *rows,
		 size_t n)
{
	size_t size = s903_tables[t].rowsize;

	for (size_t i = 0; n > 1 && i < n; i++)
		v_flag(run, t, (const char *)rows + i * size);
}

#define INT_HEADER(name, t, f, nf)                                        \
	static void name(struct v_run *run, const struct v_child *c)      \
	{                                                                 \
		not_in_header(run, c, t, c->f, c->nf);                    \
	}

INT_HEADER(rint01, S903_AD1, ad1, nad1)
INT_HEADER(rint02, S903_PLACED_ADOPTION, pa, npa)
INT_HEADER(rint03, S903_EPISODES, ep, nep)
INT_HEADER(rint04, S903_MISSING, mis, nmis)
INT_HEADER(rint05, S903_OC2, oc2, noc2)
INT_HEADER(rint06, S903_OC3, oc3, noc3)
INT_HEADER(rint07, S903_PREV_PERM, pp, npp)
INT_HEADER(rint08, S903_REVIEWS, rev, nrev)
INT_HEADER(rint09, S903_UASC, uasc, nuasc)

/* INT11-INT18: DOB as in Header (both known). */
#define INT_DOB(name, t, f, nf)                                           \
	static void name(struct v_run *run, const struct v_child *c)      \
	{                                                                 \
		if (!c->nh || c->h->invalid || c->h->dob == DATE_NONE)    \
			return;                                           \
		for (size_t i = 0; i < c->nf; i++)                        \
			if (c->f[i].dob != DATE_NONE &&                   \
			    c->f[i].dob != c->h->dob)                     \
				v_flag(run, t, &c->f[i]);                 \
	}

INT_DOB(rint11, S903_AD1, ad1, nad1)
INT_DOB(rint12, S903_PLACED_ADOPTION, pa, npa)
INT_DOB(rint13, S903_MISSING, mis, nmis)
INT_DOB(rint14, S903_OC2, oc2, noc2)
INT_DOB(rint15, S903_OC3, oc3, noc3)
INT_DOB(rint16, S903_PREV_PERM, pp, npp)
INT_DOB(rint17, S903_REVIEWS, rev, nrev)
INT_DOB(rint18, S903_UASC, uasc, nuasc)

/* INT21: SEX in UASC as in Header (both given). */
static void rint21(struct v_run *run, const struct v_child *c)
{
	if (!c->nh || v_blank(c->h->sex))
		return;
	for (size_t i = 0; i < c->nuasc; i++)
		if (!v_blank(c->uasc[i].sex) &&
		    strcmp(c->uasc[i].sex, c->h->sex))
			v_flag(run, S903_UASC, &c->uasc[i]);
}

#define INT_ONCE(name, t, f, nf)                                          \
	static void name(struct v_run *run, const struct v_child *c)      \
	{                                                                 \
		once(run, t, c->f, c->nf);                                \
	}

INT_ONCE(rint31, S903_AD1, ad1, nad1)
INT_ONCE(rint32, S903_HEADER, h, nh)
INT_ONCE(rint33, S903_OC2, oc2, noc2)
INT_ONCE(rint34, S903_OC3, oc3, noc3)
INT_ONCE(rint35, S903_PREV_PERM, pp, npp)
INT_ONCE(rint36, S903_UASC, uasc, nuasc)

/* ---- the registry ------------------------------------------------------ */

#define T(x) V_TABLE(S903_##x)
#define OC3_FIELDS "IN_TOUCH,ACTIV,ACCOM"

#define FIRST_EP_CY(what)                                                  \
	what " yn y bennod gyntaf yn cyfateb i'r bennod agored ar " \
	"ddiwedd y llynedd."

/* The INT rows: one message for each table. */
#define INT_ROW(c, t, fn, en_, cy_)                                        \
	{ .code = c, .from = 2023, .nations = V_ALL,                       \
	  .tables = T(HEADER) | T(t), .fields = "CHILD",                   \
	  .en = en_, .cy = cy_, .child = fn }
#define INT_NOT(c, t, name, fn)                                            \
	INT_ROW(c, t, fn, "Internal Check: Child in " name " does not "   \
		"exist in Header.",                                        \
		"Gwiriad Mewnol: Nid yw'r plentyn yn " name " yn bodoli "  \
		"yn Header.")
#define INT_DOB_ROW(c, t, name, fn)                                        \
	{ .code = c, .from = 2023, .nations = V_ALL,                       \
	  .tables = T(HEADER) | T(t), .fields = "DOB",                     \
	  .en = "Internal Check: DOB in " name " is different to DOB in "  \
		"Header.",                                                 \
	  .cy = "Gwiriad Mewnol: Mae'r dyddiad geni (DOB) yn " name " yn " \
		"wahanol i'r dyddiad geni yn Header.",                     \
	  .child = fn }
#define INT_ONCE_ROW(c, t, name, fn)                                       \
	{ .code = c, .from = 2023, .nations = V_ALL, .tables = T(t),       \
	  .fields = "CHILD",                                               \
	  .en = "Internal Check: Child should only exist once in " name ".", \
	  .cy = "Gwiriad Mewnol: Dylai'r plentyn fod yn " name " unwaith " \
		"yn unig.",                                                \
	  .child = fn }

const struct v_rule v_rules_cross[] = {
	{ .code = "164", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES), .fields = "PL_DISTANCE",
	  .en = "Distance is not valid. Please check a valid postcode has "
		"been entered. [NOTE: This check will result in false "
		"positives for children formerly UASC not identified as "
		"such in loaded data]",
	  .cy = "Nid yw'r pellter yn ddilys. Gwiriwch fod cod post dilys "
		"wedi'i nodi. [NODYN: Bydd y gwiriad hwn yn rhoi "
		"canlyniadau positif ffug ar gyfer plant a oedd gynt yn "
		"UASC nad ydynt wedi'u nodi felly yn y data a lwythwyd]",
	  .child = r164 },
	{ .code = "165", .from = 2023, .nations = V_ALL,
	  .tables = T(HEADER) | T(EPISODES) | T(OC3),
	  .fields = "MOTHER,SEX,ACTIV,ACCOM,IN_TOUCH,DECOM",
	  .en = "Data entry for mother status is invalid.",
	  .cy = "Mae'r data a gofnodwyd ar gyfer statws mam yn annilys.",
	  .child = r165 },
	{ .code = "199", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES), .fields = "CHILD",
	  .en = "Episode information shows child has been previously "
		"adopted from care. [NOTE: This only tests the current and "
		"previous year data loaded into the tool]",
	  .cy = "Mae gwybodaeth y bennod yn dangos bod y plentyn wedi'i "
		"fabwysiadu o ofal o'r blaen. [NODYN: Dim ond data'r "
		"flwyddyn bresennol a'r flwyddyn flaenorol a lwythwyd i'r "
		"offeryn a brofir]",
	  .child = r199 },
	{ .code = "202", .from = 2023, .nations = V_ALL,
	  .tables = T(HEADER), .needs_prev = true, .fields = "SEX",
	  .en = "The gender code conflicts with the gender already recorded "
		"for this child.",
	  .cy = "Mae'r cod rhywedd yn gwrthdaro â'r rhywedd a gofnodwyd "
		"eisoes ar gyfer y plentyn hwn.",
	  .child = r202 },
	{ .code = "203", .from = 2023, .nations = V_ALL,
	  .tables = T(HEADER), .needs_prev = true, .fields = "DOB",
	  .en = "Date of birth disagrees with the date of birth already "
		"recorded for this child.",
	  .cy = "Mae'r dyddiad geni yn anghytuno â'r dyddiad geni a "
		"gofnodwyd eisoes ar gyfer y plentyn hwn.",
	  .child = r203 },
	{ .code = "204", .from = 2023, .nations = V_ALL,
	  .tables = T(HEADER), .needs_prev = true, .fields = "ETHNIC",
	  .en = "Ethnic origin code disagrees with the ethnic origin already "
		"recorded for this child.",
	  .cy = "Mae'r cod tarddiad ethnig yn anghytuno â'r tarddiad ethnig "
		"a gofnodwyd eisoes ar gyfer y plentyn hwn.",
	  .child = r204 },
	{ .code = "205A", .from = 2023, .nations = V_ALL,
	  .tables = T(UASC) | T(HEADER), .needs_prev = true,
	  .fields = "CHILD,UASC",
	  .en = "Child identified as UASC last year is no longer UASC this "
		"year, but date UASC ceased in both years does not support "
		"this.",
	  .cy = "Nodwyd y plentyn yn UASC y llynedd ac nid yw'n UASC "
		"eleni, ond nid yw'r dyddiad y daeth statws UASC i ben yn y "
		"ddwy flynedd yn cefnogi hyn.",
	  .todo = "needs the Header's UASC flag (the XML return's): from a "
		  "CSV return, as cartref reads it, a child with a UASC row "
		  "is UASC, so 'no longer UASC' with a UASC row never holds" },
	{ .code = "205B", .from = 2023, .nations = V_ALL,
	  .tables = T(UASC) | T(HEADER), .needs_prev = true,
	  .fields = "DUC,UASC",
	  .en = "Child previously identified as UASC is also UASC this "
		"year, but date UASC ceased in both years does not support "
		"this.",
	  .cy = "Nodwyd y plentyn yn UASC o'r blaen ac mae hefyd yn UASC "
		"eleni, ond nid yw'r dyddiad y daeth statws UASC i ben yn y "
		"ddwy flynedd yn cefnogi hyn.",
	  .child = r205b },
	{ .code = "205C", .from = 2023, .nations = V_ALL,
	  .tables = T(UASC) | T(HEADER), .needs_prev = true,
	  .fields = "DUC,UASC",
	  .en = "Child not identified as UASC either this year or last year "
		"but date UASC ceased has been provided.",
	  .cy = "Nid yw'r plentyn wedi'i nodi'n UASC eleni na'r llynedd "
		"ond mae dyddiad y daeth statws UASC i ben wedi'i roi.",
	  .todo = "needs the Header's UASC flag (the XML return's): from a "
		  "CSV return a child with a UASC row (the only place DUC "
		  "is) is UASC, so the rule cannot hold" },
	{ .code = "205D", .from = 2023, .nations = V_ALL,
	  .tables = T(UASC) | T(HEADER), .needs_prev = true,
	  .fields = "UASC,CHILD",
	  .en = "Child identified as UASC this year but not identified as "
		"UASC status provided for the child last year.",
	  .cy = "Nodwyd y plentyn yn UASC eleni ond ni nodwyd statws UASC "
		"ar gyfer y plentyn y llynedd.",
	  .child = r205d },
	{ .code = "207", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES) | T(HEADER), .needs_prev = true,
	  .fields = "MOTHER",
	  .en = "Mother status for the current year disagrees with the "
		"mother status already recorded for this child.",
	  .cy = "Mae statws mam y flwyddyn bresennol yn anghytuno â'r "
		"statws mam a gofnodwyd eisoes ar gyfer y plentyn hwn.",
	  .child = r207 },
	{ .code = "208", .from = 2023, .nations = V_ALL,
	  .tables = T(HEADER), .needs_prev = true, .fields = "UPN",
	  .en = "Unique Pupil Number (UPN) for the current year disagrees "
		"with the Unique Pupil Number (UPN) already recorded for "
		"this child.",
	  .cy = "Mae Rhif Disgybl Unigryw (UPN) y flwyddyn bresennol yn "
		"anghytuno â'r Rhif Disgybl Unigryw (UPN) a gofnodwyd "
		"eisoes ar gyfer y plentyn hwn.",
	  .child = r208 },
	{ .code = "348", .from = 2026, .nations = V_ALL,
	  .tables = T(OC3), .needs_prev = true, .fields = "IN_TOUCH",
	  .en = "Care leaver has previously been reported as having died. ",
	  .cy = "Adroddwyd o'r blaen bod y person ifanc sy'n gadael gofal "
		"wedi marw.",
	  .child = r348 },
	{ .code = "387", .from = 2023, .nations = V_ALL,
	  .tables = T(HEADER) | T(EPISODES), .fields = "REC",
	  .en = "Reason episode ceased is child moved into independent "
		"living arrangement, but the child is aged under 14.",
	  .cy = "Y rheswm y daeth y bennod i ben yw bod y plentyn wedi "
		"symud i drefniant byw'n annibynnol, ond mae'r plentyn o "
		"dan 14 oed.",
	  .child = r387 },
	{ .code = "392a", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES), .fields = "PL_DISTANCE",
	  .en = "Child is looked after but no distance is recorded. [NOTE: "
		"This check may result in false positives for children "
		"formerly UASC]",
	  .cy = "Mae'r plentyn yn derbyn gofal ond ni chofnodwyd pellter. "
		"[NODYN: Gall y gwiriad hwn roi canlyniadau positif ffug ar "
		"gyfer plant a oedd gynt yn UASC]",
	  .child = r392a },
	{ .code = "392b", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES), .fields = "HOME_POST,PL_POST",
	  .en = "Child is looked after but no postcodes are recorded. "
		"[NOTE: This check may result in false positives for "
		"children formerly UASC, particularly if current & prior "
		"year UASC data not loaded]",
	  .cy = "Mae'r plentyn yn derbyn gofal ond ni chofnodwyd codau "
		"post. [NODYN: Gall y gwiriad hwn roi canlyniadau positif "
		"ffug ar gyfer plant a oedd gynt yn UASC, yn enwedig os na "
		"lwythwyd data UASC y flwyddyn bresennol a'r flwyddyn "
		"flaenorol]",
	  .child = r392b },
	{ .code = "406", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES), .fields = "PL_DISTANCE",
	  .en = "Child is Unaccompanied Asylum-Seeking Child (UASC) or was "
		"formerly UASC. Distance should be blank. [NOTE: This check "
		"will result in false negatives for children formerly UASC "
		"not identified as such in loaded data]",
	  .cy = "Mae'r plentyn yn Blentyn sy'n Ceisio Lloches ar ei Ben ei "
		"Hun (UASC) neu roedd gynt yn UASC. Dylai'r pellter fod yn "
		"wag. [NODYN: Bydd y gwiriad hwn yn rhoi canlyniadau "
		"negatif ffug ar gyfer plant a oedd gynt yn UASC nad ydynt "
		"wedi'u nodi felly yn y data a lwythwyd]",
	  .child = r406 },
	{ .code = "452", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES), .needs_prev = true, .fields = "PL_LA",
	  .en = "Contradiction between local authority of placement code in "
		"the last episode of the previous year and in the first "
		"episode of the current year.",
	  .cy = "Gwrth-ddweud rhwng cod awdurdod lleol y lleoliad yn "
		"y bennod olaf yn y flwyddyn flaenorol ac yn y bennod "
		"gyntaf yn y flwyddyn bresennol.",
	  .child = r452 },
	{ .code = "453", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES), .needs_prev = true,
	  .fields = "PL_DISTANCE",
	  .en = "Contradiction between placement distance in the last "
		"episode of the previous year and in the first episode of "
		"the current year.",
	  .cy = "Gwrth-ddweud rhwng pellter y lleoliad yn y bennod olaf yn "
		"y flwyddyn flaenorol ac yn y bennod gyntaf yn y flwyddyn "
		"bresennol.",
	  .child = r453 },
	{ .code = "502", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES), .needs_prev = true, .fields = "DECOM",
	  .en = "Last year's record ended with an open episode. The date on "
		"which that episode started does not match the start date "
		"of the first episode on this year\u2019s record.",
	  .cy = "Daeth cofnod y llynedd i ben gyda phennod agored. Nid yw'r "
		"dyddiad y dechreuodd y bennod honno yn cyfateb i ddyddiad "
		"dechrau'r bennod gyntaf yng nghofnod eleni.",
	  .child = r502 },
	{ .code = "503A", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES), .needs_prev = true, .fields = "RNE",
	  .en = "The reason for new episode in the first episode does not "
		"match open episode at end of last year.",
	  .cy = FIRST_EP_CY("Nid yw'r rheswm dros bennod newydd"),
	  .child = r503a },
	{ .code = "503B", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES), .needs_prev = true, .fields = "LS",
	  .en = "The legal status in the first episode does not match open "
		"episode at end of last year.",
	  .cy = FIRST_EP_CY("Nid yw'r statws cyfreithiol"),
	  .child = r503b },
	{ .code = "503C", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES), .needs_prev = true, .fields = "CIN",
	  .en = "The category of need in the first episode does not match "
		"open episode at end of last year.",
	  .cy = FIRST_EP_CY("Nid yw'r categori angen"),
	  .child = r503c },
	{ .code = "503D", .from = 2023, .to = 2024, .nations = V_ALL,
	  .tables = T(EPISODES), .needs_prev = true, .fields = "PLACE",
	  .en = "The placement type in the first episode does not match open "
		"episode at end of last year",
	  .cy = FIRST_EP_CY("Nid yw'r math o leoliad"),
	  .child = r503d },
	{ .code = "503D", .from = 2025, .to = 2026, .nations = V_ALL,
	  .tables = T(EPISODES), .needs_prev = true, .fields = "PLACE",
	  .en = "The placement type in the first episode does not match open "
		"episode at end of last year",
	  .cy = FIRST_EP_CY("Nid yw'r math o leoliad"),
	  .child = r503d_k3 },
	{ .code = "503D", .from = 2027, .nations = V_ALL,
	  .tables = T(EPISODES), .needs_prev = true, .fields = "PLACE",
	  .en = "The placement type in the first episode does not match open "
		"episode at end of last year",
	  .cy = FIRST_EP_CY("Nid yw'r math o leoliad"),
	  .child = r503d_z1 },
	{ .code = "503E", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES), .needs_prev = true,
	  .fields = "PLACE_PROVIDER",
	  .en = "The placement provider in the first episode does not match "
		"open episode at end of last year.",
	  .cy = FIRST_EP_CY("Nid yw darparwr y lleoliad"),
	  .child = r503e },
	{ .code = "503F", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES), .needs_prev = true, .fields = "URN",
	  .en = "The Ofsted URN in the  first episode does not match open "
		"episode at end of last year.",
	  .cy = FIRST_EP_CY("Nid yw URN Ofsted"),
	  .child = r503f },
	{ .code = "503G", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES), .needs_prev = true,
	  .fields = "PL_DISTANCE",
	  .en = "The distance in first episode does not match open episode "
		"at end of last year.",
	  .cy = FIRST_EP_CY("Nid yw'r pellter"),
	  .child = r503g },
	{ .code = "503H", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES), .needs_prev = true, .fields = "PL_LA",
	  .en = "The placement LA in first episode does not match open "
		"episode at end of last year.",
	  .cy = FIRST_EP_CY("Nid yw awdurdod lleol y lleoliad"),
	  .child = r503h },
	{ .code = "503J", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES), .needs_prev = true,
	  .fields = "PL_LOCATION",
	  .en = "The placement location in first episode does not match "
		"open episode at end of last year.",
	  .cy = FIRST_EP_CY("Nid yw ardal y lleoliad (o fewn neu y tu "
			    "allan i'r awdurdod)"),
	  .child = r503j },
	{ .code = "559", .from = 2023, .nations = V_ALL,
	  .tables = T(PLACED_ADOPTION), .needs_prev = true,
	  .fields = "DATE_PLACED",
	  .en = "Date of decision that a child should be placed for adoption "
		"was not in the current year but the date of the decision "
		"that the child should be placed for adoption was not "
		"completed in a previous return.",
	  .cy = "Nid oedd dyddiad y penderfyniad y dylid lleoli plentyn i'w "
		"fabwysiadu yn y flwyddyn bresennol ond ni chwblhawyd "
		"dyddiad y penderfyniad y dylid lleoli'r plentyn i'w "
		"fabwysiadu mewn ffurflen flaenorol.",
	  .child = r559 },
	{ .code = "560", .from = 2023, .nations = V_ALL,
	  .tables = T(PLACED_ADOPTION), .needs_prev = true,
	  .fields = "DATE_PLACED,DATE_PLACED_CEASED",
	  .en = "Date of decision that the child should be placed for "
		"adoption this year is different from that recorded last "
		"year but the decision to place the child for adoption did "
		"not change.",
	  .cy = "Mae dyddiad y penderfyniad y dylid lleoli'r plentyn i'w "
		"fabwysiadu eleni yn wahanol i'r un a gofnodwyd y llynedd "
		"ond ni newidiodd y penderfyniad i leoli'r plentyn i'w "
		"fabwysiadu.",
	  .child = r560 },
	{ .code = "561", .from = 2023, .nations = V_ALL,
	  .tables = T(PLACED_ADOPTION), .needs_prev = true,
	  .fields = "DATE_PLACED",
	  .en = "Date of the decision that the child should be placed for "
		"adoption this year is the same as that recorded last year "
		"but records show that the decision changed, and the child "
		"should no longer be placed for adoption last year.",
	  .cy = "Mae dyddiad y penderfyniad y dylid lleoli'r plentyn i'w "
		"fabwysiadu eleni yr un fath â'r un a gofnodwyd y llynedd "
		"ond mae'r cofnodion yn dangos bod y penderfyniad wedi "
		"newid, ac na ddylid lleoli'r plentyn i'w fabwysiadu "
		"mwyach y llynedd.",
	  .child = r561 },
	{ .code = "562", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES), .needs_prev = true, .fields = "DECOM",
	  .en = "Episode commenced before the start of the current "
		"collection year but there is a missing continuous episode "
		"in the previous year.",
	  .cy = "Dechreuodd y bennod cyn dechrau'r flwyddyn gasglu "
		"bresennol ond mae pennod barhaus ar goll yn y flwyddyn "
		"flaenorol.",
	  .child = r562 },
	{ .code = "576", .from = 2023, .nations = V_ALL,
	  .tables = T(MISSING), .needs_prev = true, .fields = "CHILD",
	  .en = "There is an open missing/away from placement without "
		"authorisation period in last year\u2019s return and there "
		"is no corresponding period recorded at the start of this "
		"year.",
	  .cy = "Mae cyfnod agored o fod ar goll/i ffwrdd o'r lleoliad heb "
		"awdurdod yn ffurflen y llynedd ac nid oes cyfnod cyfatebol "
		"wedi'i gofnodi ar ddechrau eleni.",
	  .child = r576 },
	{ .code = "584", .from = 2023, .nations = V_ALL,
	  .tables = T(PLACED_ADOPTION), .needs_prev = true,
	  .fields = "DATE_PLACED",
	  .en = "Date of decision that the child should be placed for "
		"adoption this year is different from that recorded last "
		"year, but the decision to placed the child for adoption "
		"changed and the child should no longer be placed for "
		"adoption.",
	  .cy = "Mae dyddiad y penderfyniad y dylid lleoli'r plentyn i'w "
		"fabwysiadu eleni yn wahanol i'r un a gofnodwyd y llynedd, "
		"ond newidiodd y penderfyniad i leoli'r plentyn i'w "
		"fabwysiadu ac ni ddylid lleoli'r plentyn i'w fabwysiadu "
		"mwyach.",
	  .child = r584 },
	{ .code = "624", .from = 2023, .nations = V_ALL,
	  .tables = T(HEADER), .needs_prev = true, .fields = "MC_DOB",
	  .en = "Date of birth of the first child contradicts the date of "
		"birth of the first child previously recorded.",
	  .cy = "Mae dyddiad geni'r plentyn cyntaf yn gwrth-ddweud dyddiad "
		"geni'r plentyn cyntaf a gofnodwyd o'r blaen.",
	  .child = r624 },
	{ .code = "625", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES) | T(HEADER), .fields = "MC_DOB,DEC",
	  .en = "Date of birth of the first child is beyond the end of this "
		"reporting year or the date the child ceased to be looked "
		"after.",
	  .cy = "Mae dyddiad geni'r plentyn cyntaf ar ôl diwedd y flwyddyn "
		"adrodd hon neu'r dyddiad y peidiodd y plentyn â derbyn "
		"gofal.",
	  .child = r625 },
	{ .code = "626", .from = 2023, .nations = V_ALL,
	  .tables = T(HEADER), .needs_prev = true,
	  .fields = "MOTHER,MC_DOB",
	  .en = "Child was reported as a mother but the date of birth of the "
		"first child is before the current year which contradicts "
		"with the mother status recorded last year.",
	  .cy = "Adroddwyd bod y plentyn yn fam ond mae dyddiad geni'r "
		"plentyn cyntaf cyn y flwyddyn bresennol, sy'n gwrth-ddweud "
		"y statws mam a gofnodwyd y llynedd.",
	  .child = r626 },
	{ .code = "706", .from = 2027, .nations = V_ALL,
	  .tables = T(DOLO), .needs_prev = true, .fields = "DOLO_START",
	  .en = "There is an open DoLO in last year\u2019s return and there "
		"is no corresponding DoLO recorded at the start of this "
		"year..",
	  .cy = "Mae DoLO agored yn ffurflen y llynedd ac nid oes DoLO "
		"cyfatebol wedi'i gofnodi ar ddechrau eleni.",
	  .child = r706 },
	{ .code = "1000", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES) | T(OC3), .fields = OC3_FIELDS,
	  .en = "This child is recorded as having died in care and therefore "
		"should not have the care leaver information completed. "
		"[NOTE: This only tests the current and previous year data "
		"loaded into the tool]",
	  .cy = "Cofnodwyd bod y plentyn hwn wedi marw mewn gofal ac felly "
		"ni ddylai gwybodaeth y person ifanc sy'n gadael gofal gael "
		"ei chwblhau. [NODYN: Dim ond data'r flwyddyn bresennol a'r "
		"flwyddyn flaenorol a lwythwyd i'r offeryn a brofir]",
	  .child = r1000 },
	{ .code = "1001", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES) | T(OC3) | T(HEADER), .needs_prev = true,
	  .fields = OC3_FIELDS,
	  .en = "The episodes recorded for this young person suggest they "
		"are not a relevant or a former relevant child and "
		"therefore should not have care leaver information "
		"completed. [NOTE: This tool can only test the current and "
		"previous year data loaded into the tool - this check may "
		"generate false positives if a child had episodes prior to "
		"last year's collection.]",
	  .cy = "Mae'r penodau a gofnodwyd ar gyfer y person ifanc hwn yn "
		"awgrymu nad yw'n blentyn perthnasol nac yn gyn-blentyn "
		"perthnasol ac felly ni ddylai gwybodaeth y person ifanc "
		"sy'n gadael gofal gael ei chwblhau. [NODYN: Dim ond data'r "
		"flwyddyn bresennol a'r flwyddyn flaenorol a lwythwyd i'r "
		"offeryn y gall yr offeryn hwn eu profi - gall y gwiriad "
		"hwn roi canlyniadau positif ffug os oedd gan y plentyn "
		"benodau cyn casgliad y llynedd.]",
	  .child = r1001 },
	{ .code = "1002", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES) | T(OC3), .needs_prev = true,
	  .fields = OC3_FIELDS,
	  .en = "This child has no previous episodes of care, therefore "
		"should not have care leaver information recorded. [NOTE: "
		"This tool can only test the current and previous year data "
		"loaded into the tool - this check may generate false "
		"positives if a child had episodes prior to last year's "
		"collection.]",
	  .cy = "Nid oes gan y plentyn hwn benodau gofal blaenorol, felly "
		"ni ddylai gwybodaeth y person ifanc sy'n gadael gofal gael "
		"ei chofnodi. [NODYN: Dim ond data'r flwyddyn bresennol a'r "
		"flwyddyn flaenorol a lwythwyd i'r offeryn y gall yr "
		"offeryn hwn eu profi - gall y gwiriad hwn roi canlyniadau "
		"positif ffug os oedd gan y plentyn benodau cyn casgliad y "
		"llynedd.]",
	  .child = r1002 },
	{ .code = "1010", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES) | T(OC3), .needs_prev = true,
	  .fields = OC3_FIELDS,
	  .en = "This child has no episodes loaded for current year even "
		"though there was an open episode of care at the end of the "
		"previous year, and care leaver data has been entered.",
	  .cy = "Nid oes penodau wedi'u llwytho ar gyfer y plentyn hwn ar "
		"gyfer y flwyddyn bresennol er bod pennod ofal agored ar "
		"ddiwedd y flwyddyn flaenorol, ac mae data person ifanc "
		"sy'n gadael gofal wedi'i nodi.",
	  .child = r1010 },
	{ .code = "1011", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES) | T(OC3), .fields = OC3_FIELDS,
	  .en = "This child is recorded as having his/her care transferred "
		"to another local authority for the final episode and "
		"therefore should not have the care leaver information "
		"completed.",
	  .cy = "Cofnodwyd bod gofal y plentyn hwn wedi'i drosglwyddo i "
		"awdurdod lleol arall ar gyfer y bennod olaf ac felly ni "
		"ddylai gwybodaeth y person ifanc sy'n gadael gofal gael ei "
		"chwblhau.",
	  .child = r1011 },
	{ .code = "EPI", .from = 2023, .nations = V_ALL,
	  .tables = T(HEADER), .fields = "CHILD",
	  .en = "WARNING: Episodes need to be loaded for this child before "
		"further validation is possible [NOTE: This refers to the "
		"DfE portal - here, all checks that can be performed with "
		"only the available data will be.]",
	  .cy = "RHYBUDD: Rhaid llwytho penodau ar gyfer y plentyn hwn cyn "
		"y gellir dilysu ymhellach [NODYN: Mae hyn yn cyfeirio at "
		"borth yr Adran Addysg - yma, cynhelir pob gwiriad y gellir "
		"ei wneud gyda'r data sydd ar gael yn unig.]",
	  .child = repi },
	INT_ROW("INT01", AD1, rint01,
		"Data Integrity Check: Child in AD1 does not exist in Header.",
		"Gwiriad Cywirdeb Data: Nid yw'r plentyn yn AD1 yn bodoli "
		"yn Header."),
	INT_NOT("INT02", PLACED_ADOPTION, "PlacedAdoption", rint02),
	INT_NOT("INT03", EPISODES, "Episodes", rint03),
	INT_NOT("INT04", MISSING, "Missing", rint04),
	INT_NOT("INT05", OC2, "OC2", rint05),
	INT_NOT("INT06", OC3, "OC3", rint06),
	INT_NOT("INT07", PREV_PERM, "PrevPerm", rint07),
	INT_NOT("INT08", REVIEWS, "Reviews", rint08),
	INT_NOT("INT09", UASC, "UASC", rint09),
	INT_DOB_ROW("INT11", AD1, "AD1", rint11),
	INT_DOB_ROW("INT12", PLACED_ADOPTION, "PlacedAdoption", rint12),
	INT_DOB_ROW("INT13", MISSING, "Missing", rint13),
	INT_DOB_ROW("INT14", OC2, "OC2", rint14),
	INT_DOB_ROW("INT15", OC3, "OC3", rint15),
	INT_DOB_ROW("INT16", PREV_PERM, "PrevPerm", rint16),
	INT_DOB_ROW("INT17", REVIEWS, "Reviews", rint17),
	INT_DOB_ROW("INT18", UASC, "UASC", rint18),
	{ .code = "INT21", .from = 2023, .nations = V_ALL,
	  .tables = T(HEADER) | T(UASC), .fields = "SEX",
	  .en = "Internal Check: SEX in UASC is different to SEX in Header.",
	  .cy = "Gwiriad Mewnol: Mae'r rhyw (SEX) yn UASC yn wahanol i'r "
		"rhyw yn Header.",
	  .child = rint21 },
	INT_ONCE_ROW("INT31", AD1, "AD1", rint31),
	INT_ONCE_ROW("INT32", HEADER, "Header", rint32),
	INT_ONCE_ROW("INT33", OC2, "OC2", rint33),
	INT_ONCE_ROW("INT34", OC3, "OC3", rint34),
	INT_ONCE_ROW("INT35", PREV_PERM, "PrevPerm", rint35),
	INT_ONCE_ROW("INT36", UASC, "UASC", rint36),
	{ .code = "NoE", .from = 2023, .nations = V_ALL,
	  .tables = T(EPISODES), .needs_prev = true, .fields = "DECOM",
	  .en = "This child has no episodes loaded for previous year even "
		"though child started to be looked after before this "
		"current year.",
	  .cy = "Nid oes penodau wedi'u llwytho ar gyfer y plentyn hwn ar "
		"gyfer y flwyddyn flaenorol er i'r plentyn ddechrau derbyn "
		"gofal cyn y flwyddyn bresennol hon.",
	  .child = rnoe },
	{ .code = NULL },
};
