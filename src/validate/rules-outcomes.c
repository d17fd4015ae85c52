/*
 * rules-outcomes.c: DfE SSDA903 rules about OC2 (children looked after
 * continuously for 12 months), OC3 (care leavers) and the social worker
 * episodes (SWEpisodes).  See validate.h for how a rule is written and
 * registered.
 */
#include "base/compat.h"

#include <strings.h>

#include "validate/validate.h"

#define IN_TOUCH_CODES "YES NO DIED REFU NREQ RHOM"
#define ACTIV_CODES "F1 P1 F2 P2 F4 P4 F5 P5 G4 G5 G6 0"
#define ACCOM_CODES "B1 B2 C1 C2 D1 D2 E1 E2 G1 G2 H1 H2 K1 K2 R1 R2 S2 " \
		    "T1 T2 U1 U2 V1 V2 W1 W2 X2 Y1 Y2 Z1 Z2 0"
#define SW_REASONS "MANAGE FCONTA LEFTRL ORGRST TSPROC ABSENC CHCHAN " \
		   "PCCHAN SWDIED OTHERS"

static bool set(int32_t v)
{
	return v != -1;
}

static bool dated(int32_t d)
{
	return d != DATE_NONE;
}

/*
 * Looked after continuously for the 12 months to 31 March (the DfE's
 * CONTINUOUSLY_LOOKED_AFTER): looked after at some time in the year, and
 * no episode that shows a gap: none starting care (RNE S) after the
 * first day, none ending care (REC other than X1) before the last day,
 * none under a short break (LS V3, V4) in the year.
 */
static bool looked_after_all_year(const struct v_run *run,
				  const struct v_child *c)
{
	int32_t start = v_year_start(run), end = v_year_end(run);
	bool during_any = false;

	for (size_t i = 0; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i];
		bool during = e->decom <= end &&
			      (!dated(e->dec) || e->dec >= start);

		during_any |= during;
		if (!strcmp(e->rne, "S") && e->decom > start &&
		    e->decom <= end)
			return false;
		if (strcmp(e->rec, "X1") && dated(e->dec) && e->dec >= start &&
		    e->dec < end)
			return false;
		if (v_in_list(e->ls, "V3 V4") && during)
			return false;
	}
	return during_any;
}

/* The eight items of OC2 about the 12 months: any recorded? */
static bool oc2_any(const struct s903_oc2 *o)
{
	return set(o->convicted) || set(o->health_check) ||
	       set(o->immunisations) || set(o->teeth_check) ||
	       set(o->health_assessment) || set(o->substance_misuse) ||
	       set(o->intervention_received) ||
	       set(o->intervention_offered);
}

/* The four of them every such child must have: any left blank? */
static bool oc2_core_blank(const struct s903_oc2 *o)
{
	return !set(o->immunisations) || !set(o->teeth_check) ||
	       !set(o->health_assessment) || !set(o->substance_misuse);
}

static bool oc3_any(const struct s903_oc3 *o)
{
	return !v_blank(o->in_touch) || !v_blank(o->activ) ||
	       !v_blank(o->accom);
}

static bool ad1_any(const struct s903_ad1 *a)
{
	return dated(a->date_int) || dated(a->date_match) ||
	       !v_blank(a->foster_care) || !v_blank(a->nb_adoptr) ||
	       !v_blank(a->sex_adoptr) || !v_blank(a->ls_adoptr);
}

/* ---- OC2 ---------------------------------------------------------------- */

/*
 * 157: SDQ1 ("no form returned: child under 4 or over 16") as the
 * reason for no score for a child 4 or over at the start of the year and
 * 16 or under at its end, looked after all year.
 */
static void r157(struct v_run *run, const struct v_child *c)
{
	if (!looked_after_all_year(run, c))
		return;
	for (size_t i = 0; i < c->noc2; i++) {
		const struct s903_oc2 *o = &c->oc2[i];

		if (dated(o->dob) &&
		    date_add_years(o->dob, 4) <= v_year_start(run) &&
		    date_add_years(o->dob, 16) >= v_year_end(run) &&
		    !set(o->sdq_score) && !strcmp(o->sdq_reason, "SDQ1"))
			v_flag(run, S903_OC2, o);
	}
}

/* 158: an intervention received, and whether one was offered given too. */
static void r158(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->noc2; i++)
		if (c->oc2[i].intervention_received == 1 &&
		    set(c->oc2[i].intervention_offered))
			v_flag(run, S903_OC2, &c->oc2[i]);
}

/* 159: misuse, no intervention received, and offered left blank. */
static void r159(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->noc2; i++)
		if (c->oc2[i].substance_misuse == 1 &&
		    c->oc2[i].intervention_received == 0 &&
		    !set(c->oc2[i].intervention_offered))
			v_flag(run, S903_OC2, &c->oc2[i]);
}

/*
 * 182: the other OC2 items completed while one of immunisations, teeth,
 * health assessment, substance misuse is blank.
 */
static void r182(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->noc2; i++) {
		const struct s903_oc2 *o = &c->oc2[i];

		if (oc2_core_blank(o) &&
		    (set(o->convicted) || set(o->health_check) ||
		     set(o->intervention_received) ||
		     set(o->intervention_offered)))
			v_flag(run, S903_OC2, o);
	}
}

/* 185: an SDQ score for a child not looked after all year. */
static void r185(struct v_run *run, const struct v_child *c)
{
	if (looked_after_all_year(run, c))
		return;
	for (size_t i = 0; i < c->noc2; i++)
		if (set(c->oc2[i].sdq_score))
			v_flag(run, S903_OC2, &c->oc2[i]);
}

/*
 * 186: neither an SDQ score nor a reason for none, for a child looked
 * after all year, 4 or over at its start and under 17 at its end.
 */
static void r186(struct v_run *run, const struct v_child *c)
{
	if (!looked_after_all_year(run, c))
		return;
	for (size_t i = 0; i < c->noc2; i++) {
		const struct s903_oc2 *o = &c->oc2[i];

		if (dated(o->dob) &&
		    date_add_years(o->dob, 4) <= v_year_start(run) &&
		    date_add_years(o->dob, 17) > v_year_end(run) &&
		    !set(o->sdq_score) && v_blank(o->sdq_reason))
			v_flag(run, S903_OC2, o);
	}
}

/*
 * 187: a child looked after all year has no care leaver (OC3) nor
 * adoption (AD1) data: every such row with something in it is flagged.
 */
static void r187(struct v_run *run, const struct v_child *c)
{
	if (!looked_after_all_year(run, c))
		return;
	for (size_t i = 0; i < c->noc3; i++)
		if (oc3_any(&c->oc3[i]))
			v_flag(run, S903_OC3, &c->oc3[i]);
	for (size_t i = 0; i < c->nad1; i++)
		if (ad1_any(&c->ad1[i]))
			v_flag(run, S903_AD1, &c->ad1[i]);
}

/* 188: an SDQ score or reason for a child under 4 at the year's end. */
static void r188(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->noc2; i++) {
		const struct s903_oc2 *o = &c->oc2[i];

		if (dated(o->dob) && date_add_years(o->dob, 4) > v_year_end(run) &&
		    (set(o->sdq_score) || !v_blank(o->sdq_reason)))
			v_flag(run, S903_OC2, o);
	}
}

/*
 * 189: an SDQ score or reason for a young person already past their
 * 17th birthday when the year began.
 */
static void r189(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->noc2; i++) {
		const struct s903_oc2 *o = &c->oc2[i];

		if (dated(o->dob) &&
		    date_add_years(o->dob, 17) < v_year_start(run) &&
		    (set(o->sdq_score) || !v_blank(o->sdq_reason)))
			v_flag(run, S903_OC2, o);
	}
}

/* 190: OC2's 12-month items for a child not looked after all year. */
static void r190(struct v_run *run, const struct v_child *c)
{
	if (looked_after_all_year(run, c))
		return;
	for (size_t i = 0; i < c->noc2; i++)
		if (oc2_any(&c->oc2[i]))
			v_flag(run, S903_OC2, &c->oc2[i]);
}

/*
 * 191: a child looked after all year must have the four OC2 items: an
 * OC2 row with one blank is flagged; a child with no OC2 row at all is
 * flagged on their first episode (unless OC2 or the child lost rows on
 * import).
 */
static void r191(struct v_run *run, const struct v_child *c)
{
	if (!looked_after_all_year(run, c))
		return;
	for (size_t i = 0; i < c->noc2; i++)
		if (oc2_core_blank(&c->oc2[i]))
			v_flag(run, S903_OC2, &c->oc2[i]);
	if (!c->noc2 && c->nep && !v_in(run)->r->incomplete[S903_OC2] &&
	    !s903_was_dropped(v_in(run)->r, c->id))
		v_flag(run, S903_EPISODES, &c->ep[0]);
}

/* 192: a misuse problem, and whether an intervention was received blank. */
static void r192(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->noc2; i++)
		if (c->oc2[i].substance_misuse == 1 &&
		    !set(c->oc2[i].intervention_received))
			v_flag(run, S903_OC2, &c->oc2[i]);
}

/* 193: no misuse problem (0 or blank) but an intervention item given. */
static void r193(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->noc2; i++) {
		const struct s903_oc2 *o = &c->oc2[i];

		if (o->substance_misuse != 1 &&
		    (set(o->intervention_received) ||
		     set(o->intervention_offered)))
			v_flag(run, S903_OC2, o);
	}
}

/*
 * 197B: neither SDQ score nor reason for a child looked after all year
 * who turned 4 or 17 during it.
 */
static void r197b(struct v_run *run, const struct v_child *c)
{
	int32_t start = v_year_start(run), end = v_year_end(run);

	if (!looked_after_all_year(run, c))
		return;
	for (size_t i = 0; i < c->noc2; i++) {
		const struct s903_oc2 *o = &c->oc2[i];
		int32_t d4 = date_add_years(o->dob, 4), d17 = date_add_years(o->dob, 17);

		if (!dated(o->dob) || set(o->sdq_score) ||
		    !v_blank(o->sdq_reason))
			continue;
		if ((d4 >= start && d4 <= end) || (d17 >= start && d17 <= end))
			v_flag(run, S903_OC2, o);
	}
}

/* 197a: both an SDQ score and a reason for having none. */
static void r197a(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->noc2; i++)
		if (set(c->oc2[i].sdq_score) && !v_blank(c->oc2[i].sdq_reason))
			v_flag(run, S903_OC2, &c->oc2[i]);
}

/* 198: a reason for no SDQ for a child not looked after all year. */
static void r198(struct v_run *run, const struct v_child *c)
{
	if (looked_after_all_year(run, c))
		return;
	for (size_t i = 0; i < c->noc2; i++)
		if (!v_blank(c->oc2[i].sdq_reason))
			v_flag(run, S903_OC2, &c->oc2[i]);
}

/*
 * 215: a care leaver (OC3 completed) with OC2's 12-month items too:
 * both rows are flagged.
 */
static void r215(struct v_run *run, const struct v_child *c)
{
	bool leaver = false, oc2 = false;

	for (size_t i = 0; i < c->noc3; i++)
		leaver |= oc3_any(&c->oc3[i]);
	for (size_t i = 0; i < c->noc2; i++)
		oc2 |= oc2_any(&c->oc2[i]);
	if (!leaver || !oc2)
		return;
	for (size_t i = 0; i < c->noc3; i++)
		if (oc3_any(&c->oc3[i]))
			v_flag(run, S903_OC3, &c->oc3[i]);
	for (size_t i = 0; i < c->noc2; i++)
		if (oc2_any(&c->oc2[i]))
			v_flag(run, S903_OC2, &c->oc2[i]);
}

/* 543: no conviction item for a child over 10, looked after all year. */
static void r543(struct v_run *run, const struct v_child *c)
{
	if (!looked_after_all_year(run, c))
		return;
	for (size_t i = 0; i < c->noc2; i++) {
		const struct s903_oc2 *o = &c->oc2[i];

		if (dated(o->dob) && v_year_end(run) > date_add_years(o->dob, 10) &&
		    !set(o->convicted))
			v_flag(run, S903_OC2, o);
	}
}

/* 544: convicted, and one of the four core items blank. */
static void r544(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->noc2; i++)
		if (c->oc2[i].convicted == 1 && oc2_core_blank(&c->oc2[i]))
			v_flag(run, S903_OC2, &c->oc2[i]);
}

/* 545: no health check item for a child under 5, looked after all year. */
static void r545(struct v_run *run, const struct v_child *c)
{
	if (!looked_after_all_year(run, c))
		return;
	for (size_t i = 0; i < c->noc2; i++) {
		const struct s903_oc2 *o = &c->oc2[i];

		if (dated(o->dob) && v_year_end(run) < date_add_years(o->dob, 5) &&
		    !set(o->health_check))
			v_flag(run, S903_OC2, o);
	}
}

/* 546: a health check item for a child 5 or over at the year's end. */
static void r546(struct v_run *run, const struct v_child *c)
{
	if (!looked_after_all_year(run, c))
		return;
	for (size_t i = 0; i < c->noc2; i++) {
		const struct s903_oc2 *o = &c->oc2[i];

		if (dated(o->dob) && v_year_end(run) >= date_add_years(o->dob, 5) &&
		    set(o->health_check))
			v_flag(run, S903_OC2, o);
	}
}

/* 547: a health check, and one of the four core items blank. */
static void r547(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->noc2; i++)
		if (c->oc2[i].health_check == 1 && oc2_core_blank(&c->oc2[i]))
			v_flag(run, S903_OC2, &c->oc2[i]);
}

/* ---- OC3 ---------------------------------------------------------------- */

/* 131, 132, 133: IN_TOUCH, ACTIV, ACCOM each one of its codes. */
static void r131(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->noc3; i++)
		if (!v_in_list(c->oc3[i].in_touch, IN_TOUCH_CODES))
			v_flag(run, S903_OC3, &c->oc3[i]);
}

static void r132(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->noc3; i++)
		if (!v_in_list(c->oc3[i].activ, ACTIV_CODES))
			v_flag(run, S903_OC3, &c->oc3[i]);
}

static void r133(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->noc3; i++)
		if (!v_in_list(c->oc3[i].accom, ACCOM_CODES))
			v_flag(run, S903_OC3, &c->oc3[i]);
}

/* 134: adoption data (AD1) for a child with care leaver data (OC3). */
static void r134(struct v_run *run, const struct v_child *c)
{
	bool leaver = false;

	for (size_t i = 0; i < c->noc3; i++)
		leaver |= oc3_any(&c->oc3[i]);
	if (!leaver)
		return;
	for (size_t i = 0; i < c->nad1; i++)
		if (ad1_any(&c->ad1[i]))
			v_flag(run, S903_AD1, &c->ad1[i]);
}

/* 153: IN_TOUCH, ACTIV, ACCOM all given or all blank. */
static void r153(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->noc3; i++) {
		const struct s903_oc3 *o = &c->oc3[i];
		int n = !v_blank(o->in_touch) + !v_blank(o->activ) +
			!v_blank(o->accom);

		if (n == 1 || n == 2)
			v_flag(run, S903_OC3, o);
	}
}

/*
 * 344: a young person who died or went home (DIED, RHOM) has activity
 * and accommodation 0; anything else there (blank too) is flagged.
 */
static void r344(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->noc3; i++) {
		const struct s903_oc3 *o = &c->oc3[i];

		if (v_in_list(o->in_touch, "DIED RHOM") &&
		    (strcmp(o->activ, "0") || strcmp(o->accom, "0")))
			v_flag(run, S903_OC3, o);
	}
}

/* 345: in touch (YES) but activity or accommodation 0. */
static void r345(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->noc3; i++) {
		const struct s903_oc3 *o = &c->oc3[i];

		if (!strcmp(o->in_touch, "YES") &&
		    (!strcmp(o->activ, "0") || !strcmp(o->accom, "0")))
			v_flag(run, S903_OC3, o);
	}
}

/*
 * 347: a Foyer (ACCOM T1, T2: T and whether it is suitable) for a young
 * person not yet 18 when the year began.
 */
static void r347(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->noc3; i++) {
		const struct s903_oc3 *o = &c->oc3[i];

		if (o->accom[0] == 'T' && dated(o->dob) &&
		    date_add_years(o->dob, 18) > v_year_start(run))
			v_flag(run, S903_OC3, o);
	}
}

/* 391: care leaver data for a young person not yet 17 at the year's end. */
static void r391(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->noc3; i++) {
		const struct s903_oc3 *o = &c->oc3[i];

		if (dated(o->dob) && date_add_years(o->dob, 17) > v_year_end(run) &&
		    oc3_any(o))
			v_flag(run, S903_OC3, o);
	}
}

/*
 * 1007: care leaver data for a young person aged 17 or 18 at the year's
 * end who was still looked after on their last birthday (an episode
 * begun by then and ended after it, or not ended).
 */
static void r1007(struct v_run *run, const struct v_child *c)
{
	int32_t end = v_year_end(run);

	for (size_t i = 0; i < c->noc3; i++) {
		const struct s903_oc3 *o = &c->oc3[i];
		int32_t bday;
		int age;
		bool in_care = false;

		if (!dated(o->dob) || !oc3_any(o))
			continue;
		age = date_age_years(o->dob, end);
		if (age != 17 && age != 18)
			continue;
		bday = date_add_years(o->dob, age);
		for (size_t j = 0; j < c->nep; j++) {
			const struct s903_episode *e = &c->ep[j];

			in_care |= e->decom <= bday &&
				   (!dated(e->dec) || e->dec > bday);
		}
		if (in_care)
			v_flag(run, S903_OC3, o);
	}
}

/*
 * 1014: a UASC child with care leaver data, who was not looked after at
 * any time in the year (every episode ended before it began or began
 * after it ended): the UASC rows and the OC3 rows are flagged.
 */
static void r1014(struct v_run *run, const struct v_child *c)
{
	int32_t start = v_year_start(run), end = v_year_end(run);
	bool leaver = false;

	if (!c->nep || !c->nuasc)
		return;
	for (size_t j = 0; j < c->nep; j++)
		if (c->ep[j].decom <= end &&
		    (!dated(c->ep[j].dec) || c->ep[j].dec >= start))
			return;
	for (size_t i = 0; i < c->noc3; i++)
		leaver |= oc3_any(&c->oc3[i]);
	if (!leaver)
		return;
	for (size_t i = 0; i < c->nuasc; i++)
		v_flag(run, S903_UASC, &c->uasc[i]);
	for (size_t i = 0; i < c->noc3; i++)
		if (oc3_any(&c->oc3[i]))
			v_flag(run, S903_OC3, &c->oc3[i]);
}

/*
 * 1016: care leaver data for a young person aged 17 or 18 at the year's
 * end whose episode ended on or after that (17th or 18th) birthday: they
 * left care after it, so are not a care leaver of that birthday.
 */
static void r1016(struct v_run *run, const struct v_child *c)
{
	int32_t end = v_year_end(run);

	for (size_t i = 0; i < c->noc3; i++) {
		const struct s903_oc3 *o = &c->oc3[i];
		int32_t bday;
		int age;
		bool after = false;

		if (!dated(o->dob) || !oc3_any(o))
			continue;
		age = date_age_years(o->dob, end);
		if (age != 17 && age != 18)
			continue;
		bday = date_add_years(o->dob, age);
		for (size_t j = 0; j < c->nep; j++)
			after |= dated(c->ep[j].dec) && c->ep[j].dec >= bday;
		if (after)
			v_flag(run, S903_OC3, o);
	}
}

/*
 * 3001: accommodation with former foster carers (Z1, Z2) for a young
 * person whose 17th birthday (Header DOB) falls in the year.
 */
static void r3001(struct v_run *run, const struct v_child *c)
{
	int32_t d17;

	if (!c->h || !dated(c->h->dob))
		return;
	d17 = date_add_years(c->h->dob, 17);
	if (d17 < v_year_start(run) || d17 > v_year_end(run))
		return;
	for (size_t i = 0; i < c->noc3; i++) {
		const char *a = c->oc3[i].accom;

		if (!strcasecmp(a, "Z1") || !strcasecmp(a, "Z2"))
			v_flag(run, S903_OC3, &c->oc3[i]);
	}
}

/* ---- SWEpisodes --------------------------------------------------------- */

static int32_t sw_new_items(void)
{
	return date_from_ymd(2023, 4, 1);
}

/*
 * SW01aSTG1: an episode begun before 1 April 2023 has SW_ID; every
 * episode has SW_DECOM.
 */
static void rsw01a(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nsw; i++) {
		const struct s903_sw_episode *s = &c->sw[i];

		if (!dated(s->sw_decom) ||
		    (s->sw_decom < sw_new_items() && v_blank(s->sw_id)))
			v_flag(run, S903_SW_EPISODES, s);
	}
}

/*
 * SW01bSTG1: an episode begun on or after 1 April 2023 has SW_ID and
 * SW_REASON; every episode has SW_DECOM.
 */
static void rsw01b(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nsw; i++) {
		const struct s903_sw_episode *s = &c->sw[i];

		if (!dated(s->sw_decom) ||
		    (s->sw_decom >= sw_new_items() &&
		     (v_blank(s->sw_id) || v_blank(s->sw_reason))))
			v_flag(run, S903_SW_EPISODES, s);
	}
}

/* SW02STG1: SW_ID begins SW or XX (blank too is flagged). */
static void rsw02(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nsw; i++)
		if (strncmp(c->sw[i].sw_id, "SW", 2) &&
		    strncmp(c->sw[i].sw_id, "XX", 2))
			v_flag(run, S903_SW_EPISODES, &c->sw[i]);
}

/* SW06STG2: an episode begun after the year ended. */
static void rsw06(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nsw; i++)
		if (dated(c->sw[i].sw_decom) &&
		    c->sw[i].sw_decom > v_year_end(run))
			v_flag(run, S903_SW_EPISODES, &c->sw[i]);
}

/*
 * SW07STG2: SW_DEC inside the reporting period: from 2024-25 on, that
 * period is the two years ending 31 March (the social worker data looks
 * back a year); in 2023-24 it was the collection year.
 */
static void sw07(struct v_run *run, const struct v_child *c, int32_t from)
{
	for (size_t i = 0; i < c->nsw; i++) {
		int32_t d = c->sw[i].sw_dec;

		if (dated(d) && (d < from || d > v_year_end(run)))
			v_flag(run, S903_SW_EPISODES, &c->sw[i]);
	}
}

static void rsw07_2024(struct v_run *run, const struct v_child *c)
{
	sw07(run, c, v_year_start(run));
}

static void rsw07(struct v_run *run, const struct v_child *c)
{
	sw07(run, c, date_add_years(v_year_start(run), -1));
}

/*
 * The child's latest episode: the last with a start date (rows are sorted
 * by SW_DECOM, blank first), or NULL.
 */
static const struct s903_sw_episode *sw_latest(const struct v_child *c)
{
	if (!c->nsw || !dated(c->sw[c->nsw - 1].sw_decom))
		return NULL;
	return &c->sw[c->nsw - 1];
}

/*
 * SW08STG2: an episode that is not the child's latest has not ended: a
 * later one has begun while it was still open.  (Rows without a start
 * date are SW01's.)
 */
static void rsw08(struct v_run *run, const struct v_child *c)
{
	const struct s903_sw_episode *last = sw_latest(c);

	for (size_t i = 0; i < c->nsw; i++) {
		const struct s903_sw_episode *s = &c->sw[i];

		if (s != last && dated(s->sw_decom) && !dated(s->sw_dec))
			v_flag(run, S903_SW_EPISODES, s);
	}
}

/* SW09STG2: an episode that ended the day it began. */
static void rsw09(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nsw; i++)
		if (dated(c->sw[i].sw_decom) &&
		    c->sw[i].sw_decom == c->sw[i].sw_dec)
			v_flag(run, S903_SW_EPISODES, &c->sw[i]);
}

/*
 * SW10STG2: an episode begins within 7 days either side of the end of
 * the one before it; the one before not ended counts as a gap too.
 * From 2024-25, an episode begun because of a change of contact
 * (FCONTA) is exempt.
 */
static void sw10(struct v_run *run, const struct v_child *c, bool fconta)
{
	const struct s903_sw_episode *prev = NULL;

	for (size_t i = 0; i < c->nsw; i++) {
		const struct s903_sw_episode *s = &c->sw[i];

		if (!dated(s->sw_decom))
			continue;	/* SW01's */
		if (prev && !(fconta && !strcmp(s->sw_reason, "FCONTA")) &&
		    (!dated(prev->sw_dec) || s->sw_decom < prev->sw_dec - 7 ||
		     s->sw_decom > prev->sw_dec + 7))
			v_flag(run, S903_SW_EPISODES, s);
		prev = s;
	}
}

static void rsw10_2024(struct v_run *run, const struct v_child *c)
{
	sw10(run, c, false);
}

static void rsw10(struct v_run *run, const struct v_child *c)
{
	sw10(run, c, true);
}

/*
 * SW11bSTG2: the child's latest episode ended in the last days of the
 * year (the 5 days before 31 March, or on it) with no episode after it:
 * that episode is flagged, or the following rows when they lack a start.
 */
static void rsw11b(struct v_run *run, const struct v_child *c)
{
	const struct s903_sw_episode *last = sw_latest(c);
	int32_t end = v_year_end(run);
	bool undated = false;

	if (!last || !dated(last->sw_dec) || last->sw_dec < end - 5 ||
	    last->sw_dec > end)
		return;
	for (size_t i = 0; i < c->nsw; i++)
		if (!dated(c->sw[i].sw_decom)) {
			v_flag(run, S903_SW_EPISODES, &c->sw[i]);
			undated = true;
		}
	if (!undated)
		v_flag(run, S903_SW_EPISODES, last);
}

/*
 * SW12STG2: a child who started care (RNE S) has a social worker episode
 * begun on or after that start, and one who left care (REC other than
 * X1, or not ended yet) has one begun on or before leaving; short
 * breaks (LS V3, V4) are exempt.  The episode of care without one is
 * flagged.  (The peer flags an episode when ANY of the child's social
 * worker episodes fails both tests, which penalises reporting the
 * episodes from before care that the rule asks for: here one that
 * passes is enough; the peer's cases come out the same.)  From 2024-25
 * only episodes ended in the two years to 31 March, or not ended.
 */
static void sw12(struct v_run *run, const struct v_child *c, bool window)
{
	int32_t from = date_add_years(v_year_start(run), -1);

	for (size_t i = 0; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i];
		bool starts = !strcmp(e->rne, "S"), ends = strcmp(e->rec, "X1");
		bool ok = false;

		if (v_in_list(e->ls, "V3 V4") || (!starts && !ends))
			continue;
		if (window && dated(e->dec) &&
		    (e->dec < from || e->dec > v_year_end(run)))
			continue;
		/*
		 * An episode still open at 31 March (REC blank) is looked
		 * after then: any social worker episode begun by then covers
		 * it.  (The peer compares SW_DECOM with the blank DEC, which
		 * is always false, and so flags every open episode that did
		 * not start care, whatever the child's social workers.)
		 */
		for (size_t j = 0; j < c->nsw && !ok; j++) {
			int32_t d = c->sw[j].sw_decom;

			ok = dated(d) &&
			     ((ends && (dated(e->dec) ? d <= e->dec :
					d <= v_year_end(run))) ||
			      (starts && d >= e->decom));
		}
		if (!ok)
			v_flag(run, S903_EPISODES, e);
	}
}

static void rsw12_2024(struct v_run *run, const struct v_child *c)
{
	sw12(run, c, false);
}

static void rsw12(struct v_run *run, const struct v_child *c)
{
	sw12(run, c, true);
}

/*
 * SW13STG1: SW_REASON is one of the codes.  In 2023-24 a blank reason is
 * flagged always; from 2024-25 only on episodes begun on or after 1
 * April 2023 (the date SW_REASON was introduced).
 */
static void rsw13_2024(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nsw; i++)
		if (!v_in_list(c->sw[i].sw_reason, SW_REASONS))
			v_flag(run, S903_SW_EPISODES, &c->sw[i]);
}

static void rsw13(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nsw; i++) {
		const struct s903_sw_episode *s = &c->sw[i];

		if (v_blank(s->sw_reason) ?
		    dated(s->sw_decom) && s->sw_decom >= sw_new_items() :
		    !v_in_list(s->sw_reason, SW_REASONS))
			v_flag(run, S903_SW_EPISODES, s);
	}
}

/* SW17STG2: the child's latest episode has ended: none open at 31 March. */
static void rsw17(struct v_run *run, const struct v_child *c)
{
	const struct s903_sw_episode *last = sw_latest(c);

	if (!last && c->nsw)
		last = &c->sw[0];	/* none has a start: the first */
	if (last && dated(last->sw_dec))
		v_flag(run, S903_SW_EPISODES, last);
}

#define EPISODES V_TABLE(S903_EPISODES)
#define OC2 V_TABLE(S903_OC2)
#define OC3 V_TABLE(S903_OC3)
#define AD1 V_TABLE(S903_AD1)
#define SWE V_TABLE(S903_SW_EPISODES)
#define OC2_ITEMS "CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK," \
		  "HEALTH_ASSESSMENT,SUBSTANCE_MISUSE," \
		  "INTERVENTION_RECEIVED,INTERVENTION_OFFERED"
#define AD1_ITEMS "DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR," \
		  "LS_ADOPTR"

const struct v_rule v_rules_outcomes[] = {
	{ .code = "1007", .from = 2023, .nations = V_ALL,
	  .tables = EPISODES | OC3, .fields = "IN_TOUCH,ACTIV,ACCOM",
	  .en = "Care leaver information is not required for 17- or "
		"18-year olds who are still looked after [on their 17th or "
		"18th birthday.]",
	  .cy = "Nid oes angen gwybodaeth am ymadawyr gofal ar gyfer pobl "
		"ifanc 17 neu 18 oed sy'n dal i dderbyn gofal [ar eu "
		"pen-blwydd yn 17 neu'n 18 oed.]",
	  .child = r1007 },
	{ .code = "1014", .from = 2023, .nations = V_ALL,
	  .tables = EPISODES | V_TABLE(S903_UASC) | OC3,
	  .fields = "ACTIV,ACCOM,IN_TOUCH,DUC",
	  .en = "UASC information is not required for care leavers",
	  .cy = "Nid oes angen gwybodaeth UASC ar gyfer ymadawyr gofal",
	  .child = r1014 },
	{ .code = "1016", .from = 2024, .nations = V_ALL,
	  .tables = EPISODES | OC3, .fields = "IN_TOUCH,ACTIV,ACCOM",
	  .en = "Care leaver information is not required for 17- or "
		"18-year olds who cease to be looked after, after their "
		"birthday.",
	  .cy = "Nid oes angen gwybodaeth am ymadawyr gofal ar gyfer pobl "
		"ifanc 17 neu 18 oed sy'n peidio â derbyn gofal ar ôl eu "
		"pen-blwydd.",
	  .child = r1016 },
	{ .code = "131", .from = 2023, .nations = V_ALL,
	  .tables = OC3, .fields = "IN_TOUCH",
	  .en = "Data entry for being in touch after leaving care is "
		"invalid.",
	  .cy = "Mae'r cofnod ar gyfer bod mewn cysylltiad ar ôl gadael "
		"gofal yn annilys.",
	  .child = r131 },
	{ .code = "132", .from = 2023, .nations = V_ALL,
	  .tables = OC3, .fields = "ACTIV",
	  .en = "Data entry for activity after leaving care is invalid.",
	  .cy = "Mae'r cofnod ar gyfer gweithgarwch ar ôl gadael gofal yn "
		"annilys.",
	  .child = r132 },
	{ .code = "133", .from = 2023, .nations = V_ALL,
	  .tables = OC3, .fields = "ACCOM",
	  .en = "Data entry for accommodation after leaving care is "
		"invalid. If reporting on a childs accommodation after "
		"leaving care the data entry must be valid",
	  .cy = "Mae'r cofnod ar gyfer llety ar ôl gadael gofal yn "
		"annilys. Os ydych yn adrodd ar lety plentyn ar ôl gadael "
		"gofal, rhaid i'r cofnod fod yn ddilys",
	  .child = r133 },
	{ .code = "134", .from = 2023, .nations = V_ALL,
	  .tables = OC3 | AD1,
	  .fields = "IN_TOUCH,ACTIV,ACCOM," AD1_ITEMS,
	  .en = "Data on adoption should not be entered for the OC3 "
		"cohort.",
	  .cy = "Ni ddylid cofnodi data am fabwysiadu ar gyfer carfan "
		"OC3.",
	  .child = r134 },
	{ .code = "153", .from = 2023, .nations = V_ALL,
	  .tables = OC3, .fields = "IN_TOUCH,ACTIV,ACCOM",
	  .en = "All data items relating to a child's activity or "
		"accommodation after leaving care must be coded or left "
		"blank.",
	  .cy = "Rhaid i bob eitem ddata sy'n ymwneud â gweithgarwch neu "
		"lety plentyn ar ôl gadael gofal gael ei chodio neu ei "
		"gadael yn wag.",
	  .child = r153 },
	{ .code = "157", .from = 2023, .nations = V_ALL,
	  .tables = OC2 | EPISODES, .fields = "SDQ_REASON,DOB",
	  .en = "Child is aged 4 years or over at the beginning of the year "
		"or 16 years or under at the end of the year and Strengths "
		"and Difficulties Questionnaire (SDQ) 1 has been recorded "
		"as the reason for no Strengths and Difficulties "
		"Questionnaire (SDQ) score.",
	  .cy = "Mae'r plentyn yn 4 oed neu'n hŷn ar ddechrau'r flwyddyn "
		"neu'n 16 oed neu'n iau ar ddiwedd y flwyddyn ac mae "
		"Holiadur Cryfderau ac Anawsterau (SDQ) 1 wedi'i gofnodi "
		"fel y rheswm dros beidio â chael sgôr Holiadur Cryfderau "
		"ac Anawsterau (SDQ).",
	  .child = r157 },
	{ .code = "158", .from = 2023, .nations = V_ALL,
	  .tables = OC2,
	  .fields = "INTERVENTION_RECEIVED,INTERVENTION_OFFERED",
	  .en = "If a child has been recorded as receiving an intervention "
		"for their substance misuse problem, then the additional "
		"item on whether an intervention was offered should be left "
		"blank.",
	  .cy = "Os cofnodwyd bod plentyn wedi cael ymyriad ar gyfer ei "
		"broblem camddefnyddio sylweddau, dylid gadael yr eitem "
		"ychwanegol ynghylch a gynigiwyd ymyriad yn wag.",
	  .child = r158 },
	{ .code = "159", .from = 2023, .nations = V_ALL,
	  .tables = OC2,
	  .fields = "SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,"
		    "INTERVENTION_OFFERED",
	  .en = "If a child has been recorded as not receiving an "
		"intervention for their substance misuse problem, then the "
		"additional item on whether an intervention was offered "
		"should be completed as well.",
	  .cy = "Os cofnodwyd nad yw plentyn wedi cael ymyriad ar gyfer ei "
		"broblem camddefnyddio sylweddau, dylid cwblhau'r eitem "
		"ychwanegol ynghylch a gynigiwyd ymyriad hefyd.",
	  .child = r159 },
	{ .code = "180", .from = 2023, .nations = V_ALL,
	  .tables = OC2, .fields = "SDQ_SCORE",
	  .en = "Data entry for the strengths and difficulties "
		"questionnaire (SDQ) score is invalid.",
	  .cy = "Mae'r cofnod ar gyfer sgôr yr holiadur cryfderau ac "
		"anawsterau (SDQ) yn annilys.",
	  .at_import = "integer" },
	{ .code = "181", .from = 2023, .nations = V_ALL,
	  .tables = OC2, .fields = OC2_ITEMS,
	  .en = "Data items relating to children looked after continuously "
		"for 12 months should be completed with a 0 or 1.",
	  .cy = "Dylid cwblhau eitemau data sy'n ymwneud â phlant sydd wedi "
		"derbyn gofal yn barhaus am 12 mis gyda 0 neu 1.",
	  .at_import = "integer" },
	{ .code = "182", .from = 2023, .nations = V_ALL,
	  .tables = OC2,
	  .fields = "IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,"
		    "SUBSTANCE_MISUSE,CONVICTED,HEALTH_CHECK,"
		    "INTERVENTION_RECEIVED,INTERVENTION_OFFERED",
	  .en = "Data entries on immunisations, teeth checks, health "
		"assessments and substance misuse problem identified should "
		"be completed or all OC2 fields should be left blank.",
	  .cy = "Dylid cwblhau'r cofnodion am imiwneiddiadau, archwiliadau "
		"dannedd, asesiadau iechyd a phroblem camddefnyddio "
		"sylweddau a nodwyd, neu dylid gadael pob maes OC2 yn wag.",
	  .child = r182 },
	{ .code = "185", .from = 2023, .nations = V_ALL,
	  .tables = EPISODES | OC2, .fields = "SDQ_SCORE",
	  .en = "Child has not been looked after continuously for at least "
		"12 months at 31 March but a Strengths and Difficulties "
		"(SDQ) score has been completed.",
	  .cy = "Nid yw'r plentyn wedi derbyn gofal yn barhaus am o leiaf "
		"12 mis ar 31 Mawrth ond mae sgôr Cryfderau ac Anawsterau "
		"(SDQ) wedi'i chwblhau.",
	  .child = r185 },
	{ .code = "186", .from = 2023, .nations = V_ALL,
	  .tables = EPISODES | OC2, .fields = "SDQ_SCORE",
	  .en = "Children aged 4 or over at the start of the year and "
		"children aged under 17 at the end of the year and who have "
		"been looked after for at least 12 months continuously "
		"should have a Strengths and Difficulties (SDQ) score "
		"completed.",
	  .cy = "Dylai fod sgôr Cryfderau ac Anawsterau (SDQ) wedi'i "
		"chwblhau ar gyfer plant 4 oed neu'n hŷn ar ddechrau'r "
		"flwyddyn a phlant o dan 17 oed ar ddiwedd y flwyddyn sydd "
		"wedi derbyn gofal yn barhaus am o leiaf 12 mis.",
	  .child = r186 },
	{ .code = "187", .from = 2023, .nations = V_ALL,
	  .tables = OC3 | AD1 | EPISODES,
	  .fields = AD1_ITEMS ",IN_TOUCH,ACTIV,ACCOM",
	  .en = "Child cannot be looked after continuously for 12 months at "
		"31 March (OC2) and have any of adoption or care leavers "
		"returns completed.",
	  .cy = "Ni all plentyn fod wedi derbyn gofal yn barhaus am 12 mis "
		"ar 31 Mawrth (OC2) a bod ag unrhyw ffurflen mabwysiadu neu "
		"ymadawyr gofal wedi'i chwblhau.",
	  .child = r187 },
	{ .code = "188", .from = 2023, .nations = V_ALL,
	  .tables = OC2, .fields = "SDQ_SCORE,SDQ_REASON",
	  .en = "Child is aged under 4 years at the end of the year, but a "
		"Strengths and Difficulties (SDQ) score or a reason for no "
		"SDQ score has been completed. ",
	  .cy = "Mae'r plentyn o dan 4 oed ar ddiwedd y flwyddyn, ond mae "
		"sgôr Cryfderau ac Anawsterau (SDQ) neu reswm dros beidio â "
		"chael sgôr SDQ wedi'i gwblhau.",
	  .child = r188 },
	{ .code = "189", .from = 2023, .nations = V_ALL,
	  .tables = OC2, .fields = "DOB,SDQ_SCORE,SDQ_REASON",
	  .en = "Child is aged 17 years or over at the beginning of the "
		"year, but an Strengths and Difficulties (SDQ) score or a "
		"reason for no Strengths and Difficulties (SDQ) score has "
		"been completed.",
	  .cy = "Mae'r plentyn yn 17 oed neu'n hŷn ar ddechrau'r flwyddyn, "
		"ond mae sgôr Cryfderau ac Anawsterau (SDQ) neu reswm dros "
		"beidio â chael sgôr Cryfderau ac Anawsterau (SDQ) wedi'i "
		"gwblhau.",
	  .child = r189 },
	{ .code = "190", .from = 2023, .nations = V_ALL,
	  .tables = OC2 | EPISODES, .fields = OC2_ITEMS,
	  .en = "Child has not been looked after continuously for at least "
		"12 months at 31 March but one or more data items relating "
		"to children looked after for 12 months have been "
		"completed.",
	  .cy = "Nid yw'r plentyn wedi derbyn gofal yn barhaus am o leiaf "
		"12 mis ar 31 Mawrth ond mae un neu fwy o'r eitemau data "
		"sy'n ymwneud â phlant sydd wedi derbyn gofal am 12 mis "
		"wedi'u cwblhau.",
	  .child = r190 },
	{ .code = "191", .from = 2023, .nations = V_ALL,
	  .tables = OC2 | EPISODES,
	  .fields = "IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,"
		    "SUBSTANCE_MISUSE,CHILD",
	  .en = "Child has been looked after continuously for at least 12 "
		"months at 31 March but one or more data items relating to "
		"children looked after for 12 months have been left blank.",
	  .cy = "Mae'r plentyn wedi derbyn gofal yn barhaus am o leiaf 12 "
		"mis ar 31 Mawrth ond mae un neu fwy o'r eitemau data sy'n "
		"ymwneud â phlant sydd wedi derbyn gofal am 12 mis wedi'u "
		"gadael yn wag.",
	  .child = r191 },
	{ .code = "192", .from = 2023, .nations = V_ALL,
	  .tables = OC2, .fields = "SUBSTANCE_MISUSE,INTERVENTION_RECEIVED",
	  .en = "Child has been identified as having a substance misuse "
		"problem but the additional item on whether an intervention "
		"was received has been left blank.",
	  .cy = "Nodwyd bod gan y plentyn broblem camddefnyddio sylweddau "
		"ond mae'r eitem ychwanegol ynghylch a gafwyd ymyriad wedi'i "
		"gadael yn wag.",
	  .child = r192 },
	{ .code = "193", .from = 2023, .nations = V_ALL,
	  .tables = OC2,
	  .fields = "SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,"
		    "INTERVENTION_OFFERED",
	  .en = "Child not identified as having a substance misuse problem "
		"but at least one of the two additional items on whether an "
		"intervention were offered and received have been "
		"completed.",
	  .cy = "Ni nodwyd bod gan y plentyn broblem camddefnyddio "
		"sylweddau ond mae o leiaf un o'r ddwy eitem ychwanegol "
		"ynghylch a gynigiwyd ac a gafwyd ymyriad wedi'i chwblhau.",
	  .child = r193 },
	{ .code = "196", .from = 2023, .nations = V_ALL,
	  .tables = OC2, .fields = "SDQ_REASON",
	  .en = "Strengths and Difficulties (SDQ) reason is not a valid "
		"code.",
	  .cy = "Nid yw'r rheswm Cryfderau ac Anawsterau (SDQ) yn god "
		"dilys.",
	  .at_import = "code" },
	{ .code = "197B", .from = 2023, .nations = V_ALL,
	  .tables = OC2 | EPISODES, .fields = "SDQ_REASON,DOB",
	  .en = "SDQ score or reason for no SDQ should be reported for 4- "
		"or 17-year-olds.",
	  .cy = "Dylid cofnodi sgôr SDQ neu reswm dros beidio â chael SDQ "
		"ar gyfer plant 4 neu 17 oed.",
	  .child = r197b },
	{ .code = "197a", .from = 2023, .nations = V_ALL,
	  .tables = OC2, .fields = "SDQ_SCORE,SDQ_REASON",
	  .en = "Reason for no Strengths and Difficulties (SDQ) score is "
		"not required if Strengths and Difficulties Questionnaire "
		"score is filled in.",
	  .cy = "Nid oes angen rheswm dros beidio â chael sgôr Cryfderau "
		"ac Anawsterau (SDQ) os yw sgôr yr Holiadur Cryfderau ac "
		"Anawsterau wedi'i llenwi.",
	  .child = r197a },
	{ .code = "198", .from = 2023, .nations = V_ALL,
	  .tables = EPISODES | OC2, .fields = "SDQ_REASON",
	  .en = "Child has not been looked after continuously for at least "
		"12 months at 31 March but a reason for no Strengths and "
		"Difficulties (SDQ) score has been completed. ",
	  .cy = "Nid yw'r plentyn wedi derbyn gofal yn barhaus am o leiaf "
		"12 mis ar 31 Mawrth ond mae rheswm dros beidio â chael "
		"sgôr Cryfderau ac Anawsterau (SDQ) wedi'i gwblhau.",
	  .child = r198 },
	{ .code = "215", .from = 2023, .nations = V_ALL,
	  .tables = OC2 | OC3,
	  .fields = "IN_TOUCH,ACTIV,ACCOM," OC2_ITEMS,
	  .en = "Child has care leaver information but one or more data "
		"items relating to children looked after for 12 months have "
		"been completed.",
	  .cy = "Mae gwybodaeth ymadawr gofal ar gyfer y plentyn ond mae un "
		"neu fwy o'r eitemau data sy'n ymwneud â phlant sydd wedi "
		"derbyn gofal am 12 mis wedi'u cwblhau.",
	  .child = r215 },
	{ .code = "3001", .from = 2023, .nations = V_ALL,
	  .tables = V_TABLE(S903_HEADER) | OC3, .fields = "REC",
	  .en = "Where care leavers information is being returned for a "
		"young person around their 17th birthday, the accommodation "
		"cannot be with their former foster carer(s).",
	  .cy = "Pan fo gwybodaeth am ymadawyr gofal yn cael ei dychwelyd "
		"ar gyfer person ifanc tua'i ben-blwydd yn 17 oed, ni all "
		"y llety fod gyda'i gyn-ofalwr(wyr) maeth.",
	  .child = r3001 },
	{ .code = "344", .from = 2023, .nations = V_ALL,
	  .tables = OC3, .fields = "IN_TOUCH,ACTIV,ACCOM",
	  .en = "The record shows the young person has died or returned "
		"home to live with parent(s) or someone with parental "
		"responsibility for a continuous period of 6 months or "
		"more, but activity and/or accommodation on leaving care "
		"have been completed.",
	  .cy = "Mae'r cofnod yn dangos bod y person ifanc wedi marw neu "
		"wedi dychwelyd adref i fyw gyda rhiant/rhieni neu rywun "
		"sydd â chyfrifoldeb rhiant am gyfnod di-dor o 6 mis neu "
		"fwy, ond mae gweithgarwch a/neu lety ar adael gofal wedi'u "
		"cwblhau.",
	  .child = r344 },
	{ .code = "345", .from = 2023, .nations = V_ALL,
	  .tables = OC3, .fields = "IN_TOUCH,ACTIV,ACCOM",
	  .en = "The data collection record shows the local authority is "
		"in touch with this young person, but activity and/or "
		"accommodation data items are zero.",
	  .cy = "Mae'r cofnod casglu data yn dangos bod yr awdurdod lleol "
		"mewn cysylltiad â'r person ifanc hwn, ond mae'r eitemau "
		"data gweithgarwch a/neu lety yn sero.",
	  .child = r345 },
	{ .code = "347", .from = 2024, .nations = V_ALL,
	  .tables = OC3, .fields = "PLACE,DEC,URN",
	  .en = "Care leavers aged under 18 years, can not be accommodated "
		"in a Foyer.",
	  .cy = "Ni ellir lletya ymadawyr gofal o dan 18 oed mewn Foyer.",
	  .child = r347 },
	{ .code = "391", .from = 2023, .nations = V_ALL,
	  .tables = OC3, .fields = "DOB,IN_TOUCH,ACTIV,ACCOM",
	  .en = "Young person was not 17, 18, 19, 20 or 21 during the "
		"current collection year. ",
	  .cy = "Nid oedd y person ifanc yn 17, 18, 19, 20 na 21 oed yn "
		"ystod y flwyddyn gasglu bresennol.",
	  .child = r391 },
	{ .code = "543", .from = 2023, .nations = V_ALL,
	  .tables = EPISODES | OC2, .fields = "DOB,CONVICTED",
	  .en = "Child is aged 10 or over at 31 March and has been looked "
		"after continuously for 12 months yet conviction information "
		"has not been completed.",
	  .cy = "Mae'r plentyn yn 10 oed neu'n hŷn ar 31 Mawrth ac wedi "
		"derbyn gofal yn barhaus am 12 mis ond nid yw'r wybodaeth am "
		"euogfarnau wedi'i chwblhau.",
	  .child = r543 },
	{ .code = "544", .from = 2023, .nations = V_ALL,
	  .tables = OC2,
	  .fields = "CONVICTED,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,"
		    "SUBSTANCE_MISUSE",
	  .en = "Any child who has conviction information completed must "
		"also have immunisation, teeth check, health assessment and "
		"substance misuse problem identified fields completed.",
	  .cy = "Rhaid i unrhyw blentyn y mae gwybodaeth am euogfarnau "
		"wedi'i chwblhau ar ei gyfer hefyd fod â'r meysydd "
		"imiwneiddio, archwiliad dannedd, asesiad iechyd a phroblem "
		"camddefnyddio sylweddau a nodwyd wedi'u cwblhau.",
	  .child = r544 },
	/* the peer names OC2 alone but skips the rule without Episodes */
	{ .code = "545", .from = 2023, .nations = V_ALL,
	  .tables = OC2 | EPISODES, .fields = "DOB,HEALTH_CHECK",
	  .en = "Child is aged under 5 at 31 March and has been looked "
		"after continuously for 12 months yet health promotion "
		"information has not been completed.",
	  .cy = "Mae'r plentyn o dan 5 oed ar 31 Mawrth ac wedi derbyn "
		"gofal yn barhaus am 12 mis ond nid yw'r wybodaeth hybu "
		"iechyd wedi'i chwblhau.",
	  .child = r545 },
	{ .code = "546", .from = 2023, .nations = V_ALL,
	  .tables = EPISODES | OC2, .fields = "DOB,HEALTH_CHECK",
	  .en = "Children aged 5 or over at 31 March should not have health "
		"promotion information completed.",
	  .cy = "Ni ddylai gwybodaeth hybu iechyd fod wedi'i chwblhau ar "
		"gyfer plant 5 oed neu'n hŷn ar 31 Mawrth.",
	  .child = r546 },
	{ .code = "547", .from = 2023, .nations = V_ALL,
	  .tables = OC2,
	  .fields = "HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,"
		    "HEALTH_ASSESSMENT,SUBSTANCE_MISUSE",
	  .en = "Any child who has health promotion information completed "
		"must also have immunisation, teeth check, health "
		"assessment and substance misuse problem identified fields "
		"completed.",
	  .cy = "Rhaid i unrhyw blentyn y mae gwybodaeth hybu iechyd wedi'i "
		"chwblhau ar ei gyfer hefyd fod â'r meysydd imiwneiddio, "
		"archwiliad dannedd, asesiad iechyd a phroblem "
		"camddefnyddio sylweddau a nodwyd wedi'u cwblhau.",
	  .child = r547 },
	{ .code = "SW01aSTG1", .from = 2025, .nations = V_ALL,
	  .tables = SWE, .fields = "SW_DECOM,SW_ID",
	  .en = "For each social worker episode, information should be "
		"complete",
	  .cy = "Dylai'r wybodaeth fod yn gyflawn ar gyfer pob cyfnod "
		"gweithiwr cymdeithasol",
	  .child = rsw01a },
	{ .code = "SW01bSTG1", .from = 2025, .nations = V_ALL,
	  .tables = SWE, .fields = "SW_DECOM,SW_ID,SW_REASON",
	  .en = "For each social worker episode, information should be "
		"complete",
	  .cy = "Dylai'r wybodaeth fod yn gyflawn ar gyfer pob cyfnod "
		"gweithiwr cymdeithasol",
	  .child = rsw01b },
	{ .code = "SW02STG1", .from = 2024, .nations = V_ALL,
	  .tables = SWE, .fields = "SW_ID",
	  .en = "Social worker ID does not begin with the characters ‘SW’ "
		"or ‘XX’.",
	  .cy = "Nid yw rhif adnabod y gweithiwr cymdeithasol yn dechrau "
		"gyda'r nodau 'SW' neu 'XX'.",
	  .child = rsw02 },
	{ .code = "SW04STG1", .from = 2024, .nations = V_ALL,
	  .tables = SWE, .fields = "SW_DECOM",
	  .en = "Date social worker episode began is not a valid date..",
	  .cy = "Nid yw'r dyddiad y dechreuodd cyfnod y gweithiwr "
		"cymdeithasol yn ddyddiad dilys.",
	  .at_import = "date" },
	{ .code = "SW05STG1", .from = 2024, .nations = V_ALL,
	  .tables = SWE, .fields = "SW_DEC",
	  .en = "Date social worker episode began is not a valid date.",
	  .cy = "Nid yw'r dyddiad y dechreuodd cyfnod y gweithiwr "
		"cymdeithasol yn ddyddiad dilys.",
	  .at_import = "date" },
	{ .code = "SW06STG2", .from = 2024, .nations = V_ALL,
	  .tables = SWE, .fields = "SW_DECOM",
	  .en = "Social worker episode data should be within the social "
		"worker data reporting year.",
	  .cy = "Dylai data cyfnod y gweithiwr cymdeithasol fod o fewn "
		"blwyddyn adrodd data'r gweithiwr cymdeithasol.",
	  .child = rsw06 },
	{ .code = "SW07STG2", .from = 2024, .to = 2024, .nations = V_ALL,
	  .tables = SWE, .fields = "SW_DEC",
	  .en = "Social worker episode end date should be on or after the "
		"start of the social worker reporting period, and should be "
		"on or before the collection end date.",
	  .cy = "Dylai dyddiad gorffen cyfnod y gweithiwr cymdeithasol fod "
		"ar neu ar ôl dechrau cyfnod adrodd y gweithiwr "
		"cymdeithasol, a dylai fod ar neu cyn dyddiad diwedd y "
		"casgliad.",
	  .child = rsw07_2024 },
	{ .code = "SW07STG2", .from = 2025, .nations = V_ALL,
	  .tables = SWE, .fields = "SW_DEC",
	  .en = "Social worker episode end date should be on or after the "
		"start of the social worker reporting period, and should be "
		"on or before the collection end date.",
	  .cy = "Dylai dyddiad gorffen cyfnod y gweithiwr cymdeithasol fod "
		"ar neu ar ôl dechrau cyfnod adrodd y gweithiwr "
		"cymdeithasol, a dylai fod ar neu cyn dyddiad diwedd y "
		"casgliad.",
	  .child = rsw07 },
	{ .code = "SW08STG2", .from = 2024, .nations = V_ALL,
	  .tables = SWE, .fields = "SW_DEC",
	  .en = "A new social worker episode has started, but the previous "
		"episode has not ended.",
	  .cy = "Mae cyfnod gweithiwr cymdeithasol newydd wedi dechrau, "
		"ond nid yw'r cyfnod blaenorol wedi dod i ben.",
	  .child = rsw08 },
	{ .code = "SW09STG2", .from = 2024, .nations = V_ALL,
	  .tables = SWE, .fields = "SW_DECOM,SW_DEC",
	  .en = "Social worker episode appears to have lasted for less "
		"than 24 hours.",
	  .cy = "Mae'n ymddangos bod cyfnod y gweithiwr cymdeithasol wedi "
		"para llai na 24 awr.",
	  .child = rsw09 },
	{ .code = "SW10STG2", .from = 2024, .to = 2024, .nations = V_ALL,
	  .tables = SWE, .fields = "SW_DECOM",
	  .en = "A new social worker episode has started before the end "
		"date of the previous social worker episode.",
	  .cy = "Mae cyfnod gweithiwr cymdeithasol newydd wedi dechrau cyn "
		"dyddiad gorffen y cyfnod gweithiwr cymdeithasol blaenorol.",
	  .child = rsw10_2024 },
	{ .code = "SW10STG2", .from = 2025, .nations = V_ALL,
	  .tables = SWE, .fields = "SW_DECOM",
	  .en = "A new social worker episode has started before the end "
		"date of the previous social worker episode.",
	  .cy = "Mae cyfnod gweithiwr cymdeithasol newydd wedi dechrau cyn "
		"dyddiad gorffen y cyfnod gweithiwr cymdeithasol blaenorol.",
	  .child = rsw10 },
	{ .code = "SW11bSTG2", .from = 2024, .nations = V_ALL,
	  .tables = SWE, .fields = "SW_DEC",
	  .en = "Social worker episode has ended before 31 March and no "
		"subsequent social worker episode has been provided.",
	  .cy = "Mae cyfnod y gweithiwr cymdeithasol wedi dod i ben cyn 31 "
		"Mawrth ac nid oes cyfnod gweithiwr cymdeithasol dilynol "
		"wedi'i ddarparu.",
	  .child = rsw11b },
	{ .code = "SW12STG2", .from = 2024, .to = 2024, .nations = V_ALL,
	  .tables = SWE | EPISODES, .fields = "SW_DECOM",
	  .en = "If a child is looked after on 31 March then all social "
		"worker episodes for the full previous year should be "
		"reported, even those whilst they were not looked after",
	  .cy = "Os yw plentyn yn derbyn gofal ar 31 Mawrth, dylid cofnodi "
		"pob cyfnod gweithiwr cymdeithasol ar gyfer y flwyddyn "
		"flaenorol gyfan, hyd yn oed y rhai pan nad oedd yn derbyn "
		"gofal",
	  .child = rsw12_2024 },
	{ .code = "SW12STG2", .from = 2025, .nations = V_ALL,
	  .tables = SWE | EPISODES, .fields = "SW_DECOM",
	  .en = "If a child is looked after on 31 March then all social "
		"worker episodes for the full previous year should be "
		"reported, even those whilst they were not looked after",
	  .cy = "Os yw plentyn yn derbyn gofal ar 31 Mawrth, dylid cofnodi "
		"pob cyfnod gweithiwr cymdeithasol ar gyfer y flwyddyn "
		"flaenorol gyfan, hyd yn oed y rhai pan nad oedd yn derbyn "
		"gofal",
	  .child = rsw12 },
	{ .code = "SW13STG1", .from = 2024, .to = 2024, .nations = V_ALL,
	  .tables = SWE, .fields = "SW_REASON",
	  .en = "The reason for social worker change is either not valid "
		"or has not been entered.",
	  .cy = "Nid yw'r rheswm dros newid gweithiwr cymdeithasol yn "
		"ddilys neu nid yw wedi'i nodi.",
	  .child = rsw13_2024 },
	{ .code = "SW13STG1", .from = 2025, .nations = V_ALL,
	  .tables = SWE, .fields = "SW_REASON",
	  .en = "The reason for social worker change is not valid.",
	  .cy = "Nid yw'r rheswm dros newid gweithiwr cymdeithasol yn "
		"ddilys.",
	  .child = rsw13 },
	{ .code = "SW17STG2", .from = 2026, .nations = V_ALL,
	  .tables = SWE, .fields = "SW_DEC,SW_DECOM",
	  .en = "There is no social worker episode open at 31 March",
	  .cy = "Nid oes cyfnod gweithiwr cymdeithasol ar agor ar 31 "
		"Mawrth",
	  .child = rsw17 },
	{ .code = NULL },
};
