/*
 * u-quality-figures.c: the review's quality of care figures
 * (analytics/quality-figures.h; docs/indicators.md, "Quality of care"),
 * from arrays given by hand, every expectation worked out by hand below.
 *
 * The year is 2018-19 (1/4/2018 to 31/3/2019).  Four homes:
 *
 *	H0 W0000001  Cardiff  private    open  4 places  10 periods missing
 *	H1 W0000002  Cardiff  la         open 16 places  30
 *	H2 W0000003  Swansea  private    open  5 places   0
 *	H3 W0000004  Swansea  voluntary  closed 0 places  2
 *
 * Inspections (ratings wellbeing, care and support, environment,
 * leadership; - not rated):
 *
 *	1 H0 10/05/2017 - 11/05/2017  G G G G
 *	2 H0 01/06/2018 - 02/06/2018  E G G G   -> H0: E G G G, band good
 *	3 H1 01/07/2018 - 03/07/2018  N G P G
 *	4 H1 01/02/2019 (focused)     G - - -   -> H1: G G P G, band poor
 *	5 H2 10/04/2019 (after 31/3)  G G G G   -> H2: not rated
 *	6 H3 01/05/2018 - 01/05/2018  P P P P   -> closed: band poor, but
 *						   no rating row counts it
 *
 * Findings (inspection, kind, regulation, status, judged):
 *
 *	1  2 AFI "reg 21"  open                 outstanding
 *	2  3 PAN "Reg 21"  met 01/10/2018       92 days from 01/07/2018
 *	3  3 PAN "reg 9"   not met 01/02/2019   outstanding: H1 has a notice
 *	4  1 PAN "reg 44"  met 01/08/2017       inspection of 2017: not
 *						counted anywhere
 *	5  4 PAN "reg  9"  met 20/03/2019       47 days from 01/02/2019
 *	6  6 PAN "reg 12"  open                 H3 is closed: no notice home
 *	7  2 PAN "reg 21"  met 15/04/2019       after 31/3: outstanding then,
 *						H0 has a notice
 *
 * Children (stays): 1 at H0 (1 placement); 2 at H0 and H1 (3); 3 at H1
 * (4); 4 at H2 (1); 5 at H3 (2); 6 at no home of the list; 2 at H0 again.
 */
#include "unit.h"
#include <math.h>
#include "analytics/quality-figures.h"
#include "base/xalloc.h"

#define E Q_EXCELLENT
#define G Q_GOOD
#define N Q_NEEDS_IMPROVEMENT
#define P Q_POOR
#define NR Q_NOT_RATED
#define CARDIFF "W06000015"
#define SWANSEA "W06000011"

static const struct qf_home homes[] = {
	{ "W0000001", CARDIFF, "private", true, 4, 10 },
	{ "W0000002", CARDIFF, "la", true, 16, 30 },
	{ "W0000003", SWANSEA, "private", true, 5, 0 },
	{ "W0000004", SWANSEA, "voluntary", false, 0, 2 },
};

static const struct qf_council councils[] = {
	{ CARDIFF, "Cardiff", "Caerdydd" },
	{ SWANSEA, "Swansea", "Abertawe" },
	{ "W06000001", "Isle of Anglesey", "Ynys M\xc3\xb4n" },
};

static const struct qf_stay stays[] = {
	{ 1, 0, 1 }, { 2, 0, 3 }, { 2, 1, 3 }, { 3, 1, 4 },
	{ 4, 2, 1 }, { 5, 3, 2 }, { 6, 99, 5 }, { 2, 0, 3 },
};

static struct q_inspection insp[6];
static struct q_finding find[7];

static void add_insp(int k, const char *urn, const char *start,
		     const char *end, enum q_rating w, enum q_rating c,
		     enum q_rating e, enum q_rating l)
{
	struct q_inspection *i = &insp[k - 1];

	q_inspection_init(i);
	i->id = k;
	snprintf(i->urn, sizeof(i->urn), "%s", urn);
	i->start_on = unit_date(start);
	i->end_on = unit_date(end);
	i->type = c == NR ? Q_FOCUSED : Q_FULL;
	i->rating[Q_WELLBEING] = w;
	i->rating[Q_CARE_SUPPORT] = c;
	i->rating[Q_ENVIRONMENT] = e;
	i->rating[Q_LEADERSHIP] = l;
}

static void add_finding(int k, int insp_id, enum q_finding_kind kind,
			const char *reg, enum q_finding_status st,
			const char *judged)
{
	struct q_finding *f = &find[k - 1];

	q_finding_init(f);
	f->id = k;
	f->inspection_id = insp_id;
	f->kind = kind;
	snprintf(f->regulation, sizeof(f->regulation), "%s", reg);
	f->status = st;
	f->judged_on = unit_date(judged);
}

static void fixture(void)
{
	add_insp(1, "W0000001", "10/05/2017", "11/05/2017", G, G, G, G);
	add_insp(2, "W0000001", "01/06/2018", "02/06/2018", E, G, G, G);
	add_insp(3, "W0000002", "01/07/2018", "03/07/2018", N, G, P, G);
	add_insp(4, "W0000002", "01/02/2019", "01/02/2019", G, NR, NR, NR);
	add_insp(5, "W0000003", "10/04/2019", "10/04/2019", G, G, G, G);
	add_insp(6, "W0000004", "01/05/2018", "01/05/2018", P, P, P, P);
	add_finding(1, 2, Q_AREA_FOR_IMPROVEMENT, "reg 21", Q_OPEN, "");
	add_finding(2, 3, Q_PRIORITY_ACTION_NOTICE, "Reg 21", Q_MET,
		    "01/10/2018");
	add_finding(3, 3, Q_PRIORITY_ACTION_NOTICE, "reg 9", Q_NOT_MET,
		    "01/02/2019");
	add_finding(4, 1, Q_PRIORITY_ACTION_NOTICE, "reg 44", Q_MET,
		    "01/08/2017");
	add_finding(5, 4, Q_PRIORITY_ACTION_NOTICE, "reg  9", Q_MET,
		    "20/03/2019");
	add_finding(6, 6, Q_PRIORITY_ACTION_NOTICE, "reg 12", Q_OPEN, "");
	add_finding(7, 2, Q_PRIORITY_ACTION_NOTICE, "reg 21", Q_MET,
		    "15/04/2019");
}

static const char *const home_cols[] = { "places", "last_inspection" };

/* A review of 2018-19 with a homes table of the four homes. */
static struct review *review_new(void)
{
	struct review *r = xcalloc(1, sizeof(*r));
	struct review_table *t = &r->tab[TAB_HOMES];

	r->year = 2019;
	r->scope.kind = SCOPE_NATIONAL;
	snprintf(r->scope.code, sizeof(r->scope.code), "W92000004");
	snprintf(r->scope.name_en, sizeof(r->scope.name_en), "Wales");
	snprintf(r->scope.name_cy, sizeof(r->scope.name_cy), "Cymru");
	t->key = "homes";
	t->nrows = ARRAY_SIZE(homes);
	t->ncols = ARRAY_SIZE(home_cols);
	t->col_keys = home_cols;
	t->row_keys = xcalloc(t->nrows, sizeof(char *));
	t->cells = xcalloc(t->nrows * t->ncols, sizeof(*t->cells));
	for (size_t i = 0; i < t->nrows; i++) {
		t->row_keys[i] = xstrdup(homes[i].urn);
		*review_cell_at(t, i, 1) = (struct review_cell){
			FIG_DATE, (double)DATE_NONE, -1, -1, 0
		};
	}
	return r;
}

static struct review *computed(void)
{
	struct review *r = review_new();
	struct qf_input in = {
		.start = year_start(2019),
		.end = year_end(2019),
		.scope_key = "W92000004",
		.scope_en = "Wales",
		.scope_cy = "Cymru",
		.by_council = true,
		.by_provider_type = true,
		.homes = homes,
		.nhomes = ARRAY_SIZE(homes),
		.councils = councils,
		.ncouncils = ARRAY_SIZE(councils),
		.insp = insp,
		.ninsp = ARRAY_SIZE(insp),
		.findings = find,
		.nfindings = ARRAY_SIZE(find),
		.stays = stays,
		.nstays = ARRAY_SIZE(stays),
	};

	fixture();
	quality_figures(r, &in);
	return r;
}

static long row_of(const struct review_table *t, const char *key)
{
	for (size_t i = 0; i < t->nrows; i++)
		if (!strcmp(t->row_keys[i], key))
			return (long)i;
	fail_msg("no row %s in %s", key, t->key);
	return -1;
}

static const struct review_cell *cell(const struct review *r,
				      enum review_table_id tid,
				      const char *row, const char *col)
{
	const struct review_table *t = &r->tab[tid];

	for (size_t c = 0; c < t->ncols; c++)
		if (!strcmp(t->col_keys[c], col))
			return review_cell_at(t, (size_t)row_of(t, row), c);
	fail_msg("no column %s in %s", col, t->key);
	return NULL;
}

#define NUM(r, t, row, col) (cell(r, t, row, col)->num)
#define VAL(r, t, row, col) (cell(r, t, row, col)->value)

static void test_latest(void **state)
{
	enum q_rating rt[Q_NTHEMES];

	(void)state;
	fixture();
	assert_int_equal(quality_latest_ratings("W0000002", insp, 6,
						year_end(2019), rt),
			 QF_BAND_POOR);
	assert_int_equal(rt[Q_WELLBEING], G);	/* the focused one, later */
	assert_int_equal(rt[Q_CARE_SUPPORT], G);
	assert_int_equal(rt[Q_ENVIRONMENT], P);
	assert_int_equal(rt[Q_LEADERSHIP], G);
	quality_latest_ratings("W0000002", insp, 6, unit_date("31/12/2018"),
			       rt);
	assert_int_equal(rt[Q_WELLBEING], N);
	assert_int_equal(quality_latest_ratings("W0000001", insp, 6,
						year_end(2019), rt),
			 QF_BAND_GOOD);
	assert_int_equal(rt[Q_WELLBEING], E);
	/* the inspection of 10/04/2019 is after the day */
	assert_int_equal(quality_latest_ratings("W0000003", insp, 6,
						year_end(2019), rt),
			 QF_BAND_NOT_RATED);
	assert_int_equal(rt[Q_WELLBEING], NR);
	assert_string_equal(qf_band_key(QF_BAND_POOR),
			    "needs_improvement_poor");
}

static void test_ratings(void **state)
{
	struct review *r = computed();
	const struct review_table *t = &r->tab[TAB_QUALITY_RATINGS];
	enum review_table_id R = TAB_QUALITY_RATINGS;

	(void)state;
	/* Wales, Cardiff, Swansea, la, private (no open voluntary home, no
	 * home in Anglesey): 5 areas x 4 themes */
	assert_int_equal(t->nrows, 20);
	assert_string_equal(t->row_keys[0], "W92000004.wellbeing");
	assert_string_equal(t->row_names_en[0], "Wales: Well-being");
	assert_string_equal(t->row_names_cy[0], "Cymru: Llesiant");
	/* Wales: 3 open homes; wellbeing E (H0), G (H1), H2 not rated */
	assert_int_equal(NUM(r, R, "W92000004.wellbeing", "homes"), 3);
	assert_int_equal(NUM(r, R, "W92000004.wellbeing", "rated"), 2);
	assert_int_equal(NUM(r, R, "W92000004.wellbeing", "excellent"), 1);
	assert_float_equal(VAL(r, R, "W92000004.wellbeing",
			       "excellent_percent"), 50.0, 1e-9);
	assert_int_equal(NUM(r, R, "W92000004.wellbeing", "good"), 1);
	assert_int_equal(NUM(r, R, "W92000004.wellbeing", "poor"), 0);
	assert_float_equal(VAL(r, R, "W92000004.care_support",
			       "good_percent"), 100.0, 1e-9);
	assert_int_equal(NUM(r, R, "W92000004.environment", "poor"), 1);
	assert_float_equal(VAL(r, R, "W92000004.environment", "poor_percent"),
			   50.0, 1e-9);
	/* Cardiff holds H0 and H1: as Wales */
	assert_int_equal(NUM(r, R, CARDIFF ".environment", "good"), 1);
	assert_int_equal(NUM(r, R, CARDIFF ".environment", "homes"), 2);
	/* Swansea's open home is not rated yet: no percentage */
	assert_int_equal(NUM(r, R, SWANSEA ".leadership", "homes"), 1);
	assert_int_equal(NUM(r, R, SWANSEA ".leadership", "rated"), 0);
	assert_true(isnan(VAL(r, R, SWANSEA ".leadership", "good_percent")));
	/* by provider: la is H1, private H0 and H2 */
	assert_int_equal(NUM(r, R, "la.environment", "poor"), 1);
	assert_int_equal(NUM(r, R, "private.wellbeing", "homes"), 2);
	assert_int_equal(NUM(r, R, "private.wellbeing", "excellent"), 1);
	assert_float_equal(VAL(r, R, "private.wellbeing", "excellent_percent"),
			   100.0, 1e-9);
	assert_true(cell(r, R, "la.wellbeing", "good")->flags & CELL_PUBLIC);
	/* homes rated: H0, H1 */
	assert_int_equal(r->fig[FIG_QUAL_HOMES_RATED].num, 2);
	/* H0's last inspection by 31/3/2019 ended 02/06/2018; H2's none */
	assert_int_equal((int32_t)review_cell_at(&r->tab[TAB_HOMES], 0, 1)
				 ->value,
			 unit_date("02/06/2018"));
	assert_int_equal((int32_t)review_cell_at(&r->tab[TAB_HOMES], 2, 1)
				 ->value,
			 DATE_NONE);
	review_free(r);
}

static void test_findings(void **state)
{
	struct review *r = computed();
	const struct review_table *t = &r->tab[TAB_QUALITY_REGULATIONS];
	enum review_table_id F = TAB_QUALITY_REGULATIONS;

	(void)state;
	/* inspections started in the year: 2, 3, 4, 6; "Reg 21", "reg  9"
	 * counted as "reg 21", "reg 9"; by number, 9 before 12 */
	assert_int_equal(t->nrows, 3);
	assert_string_equal(t->row_keys[0], "reg 9");
	assert_string_equal(t->row_keys[1], "reg 12");
	assert_string_equal(t->row_keys[2], "reg 21");
	assert_string_equal(t->row_names_cy[0], "Rheoliad 9");
	assert_int_equal(NUM(r, F, "reg 9", "priority_action_notices"), 2);
	assert_int_equal(NUM(r, F, "reg 9", "areas_for_improvement"), 0);
	assert_int_equal(NUM(r, F, "reg 9", "outstanding"), 1);
	assert_int_equal(NUM(r, F, "reg 12", "outstanding"), 1);
	assert_int_equal(NUM(r, F, "reg 21", "areas_for_improvement"), 1);
	assert_int_equal(NUM(r, F, "reg 21", "priority_action_notices"), 2);
	assert_int_equal(NUM(r, F, "reg 21", "findings"), 3);
	/* findings 1 and 7 (met only after 31 March) */
	assert_int_equal(NUM(r, F, "reg 21", "outstanding"), 2);
	/* H0 (finding 7) and H1 (finding 3); H3 is closed */
	assert_int_equal(r->fig[FIG_QUAL_HOMES_OPEN_NOTICE].num, 2);
	/* median of 92 and 47 days */
	assert_float_equal(r->fig[FIG_QUAL_NOTICE_MEDIAN_DAYS].value, 69.5,
			   1e-9);
	assert_int_equal(r->fig[FIG_QUAL_NOTICE_MEDIAN_DAYS].den, 2);
	review_free(r);
}

static void test_bands(void **state)
{
	struct review *r = computed();
	enum review_table_id B = TAB_QUALITY_BANDS;

	(void)state;
	/* good: H0; poor: H1 and H3 (closed, but open during the year);
	 * not rated: H2 */
	assert_int_equal(NUM(r, B, "excellent_good", "homes"), 1);
	assert_int_equal(NUM(r, B, "needs_improvement_poor", "homes"), 2);
	assert_int_equal(NUM(r, B, "not_rated", "homes"), 1);
	assert_int_equal(NUM(r, B, "needs_improvement_poor", "places"), 16);
	assert_int_equal(NUM(r, B, "needs_improvement_poor",
			     "missing_periods"), 32);
	assert_float_equal(VAL(r, B, "excellent_good", "missing_per_place"),
			   2.5, 1e-9);
	assert_float_equal(VAL(r, B, "needs_improvement_poor",
			       "missing_per_place"), 2.0, 1e-9);
	/* children: good 1 and 2; poor 2, 3 and 5 (2 once); not rated 4 */
	assert_int_equal(NUM(r, B, "excellent_good", "children_placed"), 2);
	assert_int_equal(NUM(r, B, "needs_improvement_poor",
			     "children_placed"), 3);
	assert_int_equal(NUM(r, B, "not_rated", "children_placed"), 1);
	assert_int_equal(NUM(r, B, "excellent_good",
			     "three_or_more_placements"), 1);
	assert_float_equal(VAL(r, B, "needs_improvement_poor",
			       "three_or_more_placements"), 200.0 / 3, 1e-9);
	assert_float_equal(r->fig[FIG_QUAL_PLACEMENTS3_POOR].value,
			   200.0 / 3, 1e-9);
	assert_float_equal(r->fig[FIG_QUAL_MISSING_PER_PLACE_GOOD].value, 2.5,
			   1e-9);
	assert_true(cell(r, B, "excellent_good", "missing_per_place")->flags &
		    CELL_DEN_PUBLIC);
	review_free(r);
}

/* Published: the children's counts pass the disclosure control, the
 * homes' stay exact. */
static void test_published(void **state)
{
	struct review *r = computed();
	enum review_table_id B = TAB_QUALITY_BANDS;
	const struct review_cell *c;

	(void)state;
	review_publish(r);
	/* 2 and 3 children: suppressed, and so their percentages */
	c = cell(r, B, "excellent_good", "children_placed");
	assert_true(c->flags & CELL_SUPPRESSED);
	assert_int_equal(c->num, -1);
	assert_true(cell(r, B, "needs_improvement_poor",
			 "three_or_more_placements")->flags & CELL_SUPPRESSED);
	assert_true(r->fig[FIG_QUAL_PLACEMENTS3_GOOD].flags & CELL_SUPPRESSED);
	assert_true(isnan(r->fig[FIG_QUAL_PLACEMENTS3_POOR].value));
	/* 32 periods: 30, over 16 places (public, not rounded): 1.88 */
	c = cell(r, B, "needs_improvement_poor", "missing_periods");
	assert_int_equal(c->num, 30);
	assert_true(c->flags & CELL_ROUNDED);
	c = cell(r, B, "needs_improvement_poor", "missing_per_place");
	assert_float_equal(c->value, 1.88, 1e-9);
	assert_int_equal(c->den, 16);
	assert_float_equal(r->fig[FIG_QUAL_MISSING_PER_PLACE_POOR].value, 1.88,
			   1e-9);
	/* 10 periods over 4 places: a denominator under 10, suppressed */
	assert_true(r->fig[FIG_QUAL_MISSING_PER_PLACE_GOOD].flags &
		    CELL_SUPPRESSED);
	/* 0 stays 0 */
	assert_int_equal(NUM(r, B, "not_rated", "missing_periods"), 0);
	/* the homes: exact (1 home is not suppressed) */
	assert_int_equal(NUM(r, B, "excellent_good", "homes"), 1);
	assert_int_equal(NUM(r, TAB_QUALITY_RATINGS, "la.environment",
			     "poor"), 1);
	assert_int_equal(r->fig[FIG_QUAL_HOMES_OPEN_NOTICE].num, 2);
	assert_float_equal(r->fig[FIG_QUAL_NOTICE_MEDIAN_DAYS].value, 69.5,
			   1e-9);
	review_free(r);
}

/* Nothing to count: empty tables and no median, nothing undefined. */
static void test_empty(void **state)
{
	struct review *r = review_new();
	struct qf_input in = {
		.start = year_start(2019),
		.end = year_end(2019),
		.scope_key = "W92000004",
		.scope_en = "Wales",
		.scope_cy = "Cymru",
	};

	(void)state;
	quality_figures(r, &in);
	assert_int_equal(r->tab[TAB_QUALITY_RATINGS].nrows, Q_NTHEMES);
	assert_int_equal(NUM(r, TAB_QUALITY_RATINGS, "W92000004.wellbeing",
			     "homes"), 0);
	assert_true(isnan(VAL(r, TAB_QUALITY_RATINGS, "W92000004.wellbeing",
			      "good_percent")));
	assert_int_equal(r->tab[TAB_QUALITY_REGULATIONS].nrows, 0);
	assert_int_equal(r->fig[FIG_QUAL_HOMES_RATED].num, 0);
	assert_true(isnan(r->fig[FIG_QUAL_NOTICE_MEDIAN_DAYS].value));
	assert_true(isnan(r->fig[FIG_QUAL_PLACEMENTS3_GOOD].value));
	review_free(r);
}

/* The homes' percentages come to 1 decimal: one Excellent of three
 * rated homes is 33.3%. */
static void test_percent_decimals(void **state)
{
	static const struct qf_home three[] = {
		{ "W0000001", CARDIFF, "private", true, 4, 0 },
		{ "W0000002", CARDIFF, "la", true, 4, 0 },
		{ "W0000003", CARDIFF, "la", true, 4, 0 },
	};
	struct review *r = review_new();
	struct qf_input in = {
		.start = year_start(2019),
		.end = year_end(2019),
		.scope_key = "W92000004",
		.scope_en = "Wales",
		.scope_cy = "Cymru",
		.homes = three,
		.nhomes = 3,
		.insp = insp,
		.ninsp = 4,	/* inspections 1 to 4 */
	};

	(void)state;
	fixture();
	insp[2].urn[7] = '3';	/* inspection 3 of "W0000003": N */
	quality_figures(r, &in);
	/* wellbeing: H0 E, H1 G (inspection 4), H2 N (inspection 3) */
	assert_float_equal(VAL(r, TAB_QUALITY_RATINGS, "W92000004.wellbeing",
			       "excellent_percent"), 33.3, 1e-9);
	assert_float_equal(VAL(r, TAB_QUALITY_RATINGS, "W92000004.wellbeing",
			       "needs_improvement_percent"), 33.3, 1e-9);
	/* care and support: H1's focused inspection did not rate it, so
	 * two of two rated homes are Good */
	assert_float_equal(VAL(r, TAB_QUALITY_RATINGS,
			       "W92000004.care_support", "good_percent"),
			   100.0, 1e-9);
	review_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_latest),
		cmocka_unit_test(test_ratings),
		cmocka_unit_test(test_findings),
		cmocka_unit_test(test_bands),
		cmocka_unit_test(test_published),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_percent_decimals),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
