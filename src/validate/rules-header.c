/*
 * rules-header.c: DfE SSDA903 rules about Header, UASC and the child's
 * identity: CHILD, SEX, DOB, ETHNIC, UPN, MOTHER, MC_DOB and the UASC
 * table.  See validate.h for how a rule is written and registered.
 *
 * SEX and ETHNIC are read against the DfE's code lists at import (an
 * unknown code never loads), so 101 and 103 are registered at_import.
 * SEX is M, F or U in every year here: the import reads it against that
 * list, so the rules of 2022-23 and 2023-24 that the DfE wrote with the
 * old codes 1 (male) and 2 (female) are checked with M and F.
 */
#include "base/compat.h"
#include "base/xalloc.h"
#include "validate/validate.h"

#define UPN_UNKNOWN "UN1 UN2 UN3 UN4 UN5"

/*
 * 104: DUC before the collection year began.  (A DUC that is not a date
 * never loads: the import refuses it.)
 */
static void r104(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nuasc; i++)
		if (c->uasc[i].duc != DATE_NONE &&
		    c->uasc[i].duc < v_year_start(run))
			v_flag(run, S903_UASC, &c->uasc[i]);
}

/*
 * 168: a UPN starts with a letter other than I, O or S.  The import
 * already checks the shape (a letter, 11 digits, a digit or a letter;
 * or UN1-UN5); these three letters are the part it lets through.
 */
static void r168(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nh; i++) {
		const char *u = c->h[i].upn;

		if (strlen(u) == 13 && strchr("IOS", u[0]))
			v_flag(run, S903_HEADER, &c->h[i]);
	}
}

/* 174: a male child (SEX M) with a mother's child's date of birth. */
static void r174(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nh; i++)
		if (!strcmp(c->h[i].sex, "M") && c->h[i].mc_dob != DATE_NONE)
			v_flag(run, S903_HEADER, &c->h[i]);
}

/*
 * 209: UN1 ("pupil never had a UPN") for a child who had turned 4 by 31
 * August of the calendar year before the collection year began, so was
 * of school age for a whole school year.
 */
static void r209(struct v_run *run, const struct v_child *c)
{
	int y, m, d;
	int32_t ref;

	date_to_ymd(v_year_start(run), &y, &m, &d);
	ref = date_from_ymd(y - 1, 8, 31);
	for (size_t i = 0; i < c->nh; i++)
		if (!strcmp(c->h[i].upn, "UN1") && c->h[i].dob != DATE_NONE &&
		    date_add_years(c->h[i].dob, 4) <= ref)
			v_flag(run, S903_HEADER, &c->h[i]);
}

/* 232: SEX recorded as unknown. */
static void r232(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nh; i++)
		if (!strcmp(c->h[i].sex, "U"))
			v_flag(run, S903_HEADER, &c->h[i]);
}

/* 301: born after the collection year ended. */
static void r301(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nh; i++)
		if (c->h[i].dob != DATE_NONE && c->h[i].dob > v_year_end(run))
			v_flag(run, S903_HEADER, &c->h[i]);
}

/* 304: UASC status ceased after the 18th birthday (the UASC row's DOB). */
static void r304(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nuasc; i++) {
		const struct s903_uasc *u = &c->uasc[i];

		if (u->duc != DATE_NONE && u->dob != DATE_NONE &&
		    u->duc > date_add_years(u->dob, 18))
			v_flag(run, S903_UASC, u);
	}
}

/* 351: over 25 on the first day of the collection year. */
static void r351(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nh; i++)
		if (c->h[i].dob != DATE_NONE &&
		    v_year_start(run) > date_add_years(c->h[i].dob, 25))
			v_flag(run, S903_HEADER, &c->h[i]);
}

struct upn_row {
	const char *upn;
	const struct s903_header *h;
};

static int cmp_upn_row(const void *a, const void *b)
{
	const struct upn_row *x = a, *y = b;
	int c = strcmp(x->upn, y->upn);

	if (c)
		return c;
	return (x->h > y->h) - (x->h < y->h);
}

/*
 * 444: a real UPN (not blank, not UN1-UN5) on two or more Header rows of
 * the return: every one of them is flagged.  A whole-return rule: the
 * rows are gathered and sorted by UPN, duplicates are neighbours.
 */
static void r444(struct v_run *run)
{
	size_t nc, n = 0, cap = 0;
	const struct v_child *c = v_children(run, &nc);
	struct upn_row *v;

	for (size_t i = 0; i < nc; i++)
		cap += c[i].nh;
	if (!cap)
		return;
	v = xcalloc(cap, sizeof(*v));
	for (size_t i = 0; i < nc; i++)
		for (size_t j = 0; j < c[i].nh; j++) {
			const struct s903_header *h = &c[i].h[j];

			if (v_blank(h->upn) || v_in_list(h->upn, UPN_UNKNOWN))
				continue;
			v[n].upn = h->upn;
			v[n++].h = h;
		}
	qsort(v, n, sizeof(*v), cmp_upn_row);
	for (size_t i = 0; i < n; i++)
		if ((i && !strcmp(v[i].upn, v[i - 1].upn)) ||
		    (i + 1 < n && !strcmp(v[i].upn, v[i + 1].upn)))
			v_flag(run, S903_HEADER, v[i].h);
	free(v);
}

/*
 * 611: a mother (MOTHER 1) with no date of birth for her child.  A row
 * with a field the import refused (invalid) is skipped: its MC_DOB may
 * have been given, just not as a date (171 reports that).
 */
static void r611(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nh; i++)
		if (!c->h[i].invalid && c->h[i].mother == 1 &&
		    c->h[i].mc_dob == DATE_NONE)
			v_flag(run, S903_HEADER, &c->h[i]);
}

/*
 * 612: a girl with MC_DOB whose MOTHER says she is not one (0 or blank).
 * A blank MOTHER on a row with a refused field (invalid) may have been a
 * value the import refused: not reported as blank.
 */
static void r612(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nh; i++) {
		const struct s903_header *h = &c->h[i];

		if ((h->mother == 0 || (h->mother == -1 && !h->invalid)) &&
		    !strcmp(h->sex, "F") &&
		    h->mc_dob != DATE_NONE)
			v_flag(run, S903_HEADER, h);
	}
}

/* 620: a mother not yet 11 on the first day of the collection year. */
static void r620(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nh; i++)
		if (c->h[i].mother == 1 && c->h[i].dob != DATE_NONE &&
		    date_add_years(c->h[i].dob, 11) > v_year_start(run))
			v_flag(run, S903_HEADER, &c->h[i]);
}

/* 621: the mother's child born on or before the mother herself. */
static void r621(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nh; i++)
		if (c->h[i].mc_dob != DATE_NONE &&
		    c->h[i].mc_dob <= c->h[i].dob)
			v_flag(run, S903_HEADER, &c->h[i]);
}

static bool oc3_any(const struct s903_oc3 *o)
{
	return !v_blank(o->in_touch) || !v_blank(o->activ) ||
	       !v_blank(o->accom);
}

/*
 * 628: MOTHER recorded for a care leaver (OC3 completed) who was not
 * looked after in the year (no Episodes row at all).
 */
static void r628(struct v_run *run, const struct v_child *c)
{
	bool leaver = false;

	if (c->nep || v_in(run)->r->incomplete[S903_EPISODES] ||
	    s903_was_dropped(v_in(run)->r, c->id))
		return;
	for (size_t i = 0; i < c->noc3; i++)
		leaver |= oc3_any(&c->oc3[i]);
	if (!leaver)
		return;
	for (size_t i = 0; i < c->nh; i++)
		if (c->h[i].mother != -1)
			v_flag(run, S903_HEADER, &c->h[i]);
}

#define HEADER V_TABLE(S903_HEADER)
#define UASC V_TABLE(S903_UASC)

const struct v_rule v_rules_header[] = {
	{ .code = "101", .from = 2023, .to = 2024, .nations = V_ALL,
	  .tables = HEADER, .fields = "SEX",
	  .en = "Gender code is not valid.",
	  .cy = "Nid yw'r cod rhywedd yn ddilys.",
	  .at_import = "code" },
	{ .code = "101", .from = 2025, .nations = V_ALL,
	  .tables = HEADER, .fields = "SEX",
	  .en = "The child or young person’s reported sex is not valid.",
	  .cy = "Nid yw rhyw'r plentyn neu'r person ifanc a nodwyd yn "
		"ddilys.",
	  .at_import = "code" },
	{ .code = "102", .from = 2023, .nations = V_ALL,
	  .tables = HEADER, .fields = "DOB",
	  .en = "Date of birth is not a valid date.",
	  .cy = "Nid yw'r dyddiad geni yn ddyddiad dilys.",
	  .at_import = "date" },
	{ .code = "103", .from = 2023, .nations = V_ALL,
	  .tables = HEADER, .fields = "ETHNIC",
	  .en = "The ethnicity code is either not valid or has not been "
		"entered.",
	  .cy = "Nid yw'r cod ethnigrwydd yn ddilys neu nid yw wedi'i "
		"nodi.",
	  .at_import = "code" },
	{ .code = "104", .from = 2023, .nations = V_ALL,
	  .tables = UASC, .fields = "DUC",
	  .en = "Date for Unaccompanied Asylum-Seeking Children (UASC) "
		"status ceased is not a valid date.",
	  .cy = "Nid yw'r dyddiad y daeth statws Plentyn sy'n Ceisio "
		"Lloches ar ei Ben ei Hun (UASC) i ben yn ddyddiad dilys.",
	  .child = r104 },
	{ .code = "105", .from = 2023, .nations = V_ALL,
	  .tables = HEADER, .fields = "UASC",
	  .en = "Data entry for Unaccompanied Asylum-Seeking Children "
		"(UASC) status of child is invalid or has not been "
		"completed.",
	  .cy = "Mae'r cofnod ar gyfer statws Plentyn sy'n Ceisio Lloches "
		"ar ei Ben ei Hun (UASC) y plentyn yn annilys neu heb ei "
		"gwblhau.",
	  .todo = "Header has no UASC column in cartref (the peer checks "
		  "it only in XML returns)" },
	{ .code = "168", .from = 2023, .nations = V_ALL,
	  .tables = HEADER, .fields = "UPN",
	  .en = "Unique Pupil Number (UPN) is not valid. If unknown, "
		"default codes should be UN1, UN2, UN3, UN4 or UN5.",
	  .cy = "Nid yw'r Rhif Disgybl Unigryw (UPN) yn ddilys. Os nad yw'n "
		"hysbys, dylid defnyddio'r codau diofyn UN1, UN2, UN3, UN4 "
		"neu UN5.",
	  .child = r168 },
	{ .code = "171", .from = 2023, .nations = V_ALL,
	  .tables = HEADER, .fields = "MC_DOB",
	  .en = "Date of birth of mother's child is not a valid date.",
	  .cy = "Nid yw dyddiad geni plentyn y fam yn ddyddiad dilys.",
	  .at_import = "date" },
	{ .code = "174", .from = 2023, .to = 2024, .nations = V_ALL,
	  .tables = HEADER, .fields = "SEX,MC_DOB",
	  .en = "Mother's child date of birth is recorded but gender shows "
		"that the child is a male.",
	  .cy = "Mae dyddiad geni plentyn y fam wedi'i gofnodi ond mae'r "
		"rhywedd yn dangos bod y plentyn yn wryw.",
	  .child = r174 },
	{ .code = "174", .from = 2025, .nations = V_ALL,
	  .tables = HEADER, .fields = "SEX,MC_DOB",
	  .en = "Mother's child date of birth is recorded but sex shows "
		"that the child is a male.",
	  .cy = "Mae dyddiad geni plentyn y fam wedi'i gofnodi ond mae'r "
		"rhyw yn dangos bod y plentyn yn wryw.",
	  .child = r174 },
	{ .code = "209", .from = 2023, .nations = V_ALL,
	  .tables = HEADER, .fields = "UPN,DOB",
	  .en = "Child looked after is of school age and should not have "
		"an unknown Unique Pupil Number (UPN) code of UN1.",
	  .cy = "Mae'r plentyn sy'n derbyn gofal o oedran ysgol ac ni "
		"ddylai fod ganddo'r cod Rhif Disgybl Unigryw (UPN) "
		"anhysbys UN1.",
	  .child = r209 },
	{ .code = "231", .from = 2025, .nations = V_ALL,
	  .tables = HEADER, .fields = "DOB,UASC_STATUS",
	  .en = "We expect that unaccompanied asylum seeking children are "
		"generally older young people. Please check the date of "
		"birth is correct. If the date of birth is correct then "
		"please provide details in a bypass request.",
	  .cy = "Disgwyliwn fod plant sy'n ceisio lloches ar eu pen eu "
		"hunain yn bobl ifanc hŷn ar y cyfan. Gwiriwch fod y "
		"dyddiad geni yn gywir. Os yw'r dyddiad geni yn gywir, "
		"rhowch fanylion mewn cais i hepgor y rheol.",
	  .todo = "Header has no UASC_STATUS column in cartref" },
	{ .code = "232", .from = 2025, .nations = V_ALL,
	  .tables = HEADER, .fields = "SEX",
	  .en = "Sex of the child/young person has been reported as "
		"unknown.",
	  .cy = "Mae rhyw'r plentyn/person ifanc wedi'i gofnodi fel "
		"anhysbys.",
	  .child = r232 },
	{ .code = "301", .from = 2023, .nations = V_ALL,
	  .tables = HEADER, .fields = "DOB",
	  .en = "Date of birth falls after the year ended.",
	  .cy = "Mae'r dyddiad geni ar ôl diwedd y flwyddyn.",
	  .child = r301 },
	{ .code = "303", .from = 2023, .nations = V_ALL,
	  .tables = UASC | HEADER, .fields = "DUC,UASC",
	  .en = "If date Unaccompanied Asylum-Seeking Child (UASC) status "
		"ceased is not null, UASC status must be coded 1.",
	  .cy = "Os oes dyddiad y daeth statws Plentyn sy'n Ceisio Lloches "
		"ar ei Ben ei Hun (UASC) i ben, rhaid i'r statws UASC fod "
		"yn god 1.",
	  .todo = "Header has no UASC column in cartref (the peer skips "
		  "the rule without it)" },
	{ .code = "304", .from = 2023, .nations = V_ALL,
	  .tables = UASC, .fields = "DUC",
	  .en = "Date unaccompanied asylum-seeking child (UASC) status "
		"ceased must be on or before the 18th birthday of a child.",
	  .cy = "Rhaid i'r dyddiad y daeth statws plentyn sy'n ceisio "
		"lloches ar ei ben ei hun (UASC) i ben fod ar neu cyn "
		"pen-blwydd y plentyn yn 18 oed.",
	  .child = r304 },
	{ .code = "351", .from = 2023, .nations = V_ALL,
	  .tables = HEADER, .fields = "DOB",
	  .en = "Child was over 25 at the start of the current collection "
		"year.",
	  .cy = "Roedd y plentyn dros 25 oed ar ddechrau'r flwyddyn gasglu "
		"bresennol.",
	  .child = r351 },
	{ .code = "444", .from = 2026, .nations = V_ALL,
	  .tables = HEADER, .fields = "UPN",
	  .en = "Duplicate UPN has been reported",
	  .cy = "Mae UPN dyblyg wedi'i gofnodi",
	  .whole = r444 },
	{ .code = "611", .from = 2023, .nations = V_ALL,
	  .tables = HEADER, .fields = "MOTHER,MC_DOB",
	  .en = "Date of birth field is blank, but child is a mother.",
	  .cy = "Mae maes y dyddiad geni yn wag, ond mae'r plentyn yn fam.",
	  .child = r611 },
	{ .code = "612", .from = 2023, .to = 2024, .nations = V_ALL,
	  .tables = HEADER, .fields = "SEX,MOTHER,MC_DOB",
	  .en = "Date of birth field has been completed but mother field "
		"indicates child is not a mother.",
	  .cy = "Mae maes y dyddiad geni wedi'i gwblhau ond mae maes y fam "
		"yn dangos nad yw'r plentyn yn fam.",
	  .child = r612 },
	{ .code = "612", .from = 2025, .nations = V_ALL,
	  .tables = HEADER, .fields = "SEX,MOTHER,MC_DOB",
	  .en = "Date of birth field has been completed but mother field "
		"indicates child is not a mother.",
	  .cy = "Mae maes y dyddiad geni wedi'i gwblhau ond mae maes y fam "
		"yn dangos nad yw'r plentyn yn fam.",
	  .child = r612 },
	{ .code = "620", .from = 2023, .nations = V_ALL,
	  .tables = HEADER, .fields = "DOB,MOTHER",
	  .en = "Child has been recorded as a mother, but date of birth "
		"shows that the mother is under 11 years of age.",
	  .cy = "Mae'r plentyn wedi'i gofnodi fel mam, ond mae'r dyddiad "
		"geni yn dangos bod y fam o dan 11 oed.",
	  .child = r620 },
	{ .code = "621", .from = 2023, .nations = V_ALL,
	  .tables = HEADER, .fields = "DOB,MC_DOB",
	  .en = "Mother’s field has been completed but date of birth shows "
		"that the mother is younger than her child.",
	  .cy = "Mae maes y fam wedi'i gwblhau ond mae'r dyddiad geni yn "
		"dangos bod y fam yn iau na'i phlentyn.",
	  .child = r621 },
	{ .code = "628", .from = 2023, .nations = V_ALL,
	  .tables = V_TABLE(S903_EPISODES) | HEADER | V_TABLE(S903_OC3),
	  .fields = "MOTHER",
	  .en = "Motherhood details are not required for care leavers who "
		"have not been looked after during the year.",
	  .cy = "Nid oes angen manylion mamolaeth ar gyfer y rhai sy'n "
		"gadael gofal nad ydynt wedi derbyn gofal yn ystod y "
		"flwyddyn.",
	  .child = r628 },
	{ .code = NULL },
};
