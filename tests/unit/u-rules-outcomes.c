/*
 * u-rules-outcomes.c: the OC2, OC3 and SWEpisodes rules, each with rows
 * that must be flagged and rows that must not
 * (src/validate/rules-outcomes.c).  Year 2026 unless said: 1 April 2025
 * to 31 March 2026.
 */
#include "unit.h"
#include "v-fixture.h"

#define OC2_COLS "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK," \
		 "IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT," \
		 "SUBSTANCE_MISUSE,INTERVENTION_RECEIVED," \
		 "INTERVENTION_OFFERED\n"

/*
 * Episodes for the rules about children looked after continuously for
 * the 12 months to 31 March: 1-4 and 6 were, 7, 8 and 9 were not.
 */
static void cla_episodes(struct s903_return *r)
{
	fx_table(r, S903_EPISODES,
		 "CHILD,DECOM,RNE,LS,DEC,REC\n"
		 "1,01/01/2020,S,C2,,\n"
		 "2,01/01/2020,S,C2,,\n"
		 "3,01/01/2020,S,C2,,\n"
		 "4,01/01/2020,S,C2,,\n"
		 /* a change of placement (X1) keeps it continuous */
		 "6,01/01/2020,S,C2,01/10/2025,X1\n"
		 "6,01/10/2025,P,C2,,\n"
		 "7,01/01/2020,S,V3,,\n"		/* short breaks */
		 "8,01/01/2020,S,C2,01/10/2025,E11\n"	/* left care */
		 "9,01/06/2025,S,C2,,\n");		/* came in */
}

static const char *run26(struct s903_return *r, const char *code)
{
	return fx_run(r, NULL, 2026, V_WALES, code);
}

static void test_157(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	cla_episodes(&r);
	fx_table(&r, S903_OC2, OC2_COLS
		 "1,01/01/2015,,SDQ1,,,,,,,,\n"	/* 2: flagged */
		 "2,01/01/2015,,SDQ2,,,,,,,,\n"	/* 3 */
		 "3,01/01/2023,,SDQ1,,,,,,,,\n"	/* 4: under 4 */
		 "4,31/03/2010,,SDQ1,,,,,,,,\n"	/* 5: flagged, 16 */
		 "6,30/03/2010,,SDQ1,,,,,,,,\n"	/* 6: 16 and a day */
		 "9,01/01/2015,,SDQ1,,,,,,,,\n");	/* 7: not all year */
	assert_string_equal(run26(&r, "157"), "OC2:2 OC2:5");
	s903_return_release(&r);
}

static void test_158(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_OC2, OC2_COLS
		 "1,01/01/2015,,,,,,,,1,1,0\n"	/* 2: flagged */
		 "2,01/01/2015,,,,,,,,1,1,\n"	/* 3 */
		 "3,01/01/2015,,,,,,,,1,0,1\n");	/* 4 */
	assert_string_equal(run26(&r, "158"), "OC2:2");
	s903_return_release(&r);
}

static void test_159(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_OC2, OC2_COLS
		 "1,01/01/2015,,,,,,,,1,0,\n"	/* 2: flagged */
		 "2,01/01/2015,,,,,,,,1,0,0\n"	/* 3 */
		 "3,01/01/2015,,,,,,,,0,0,\n"	/* 4 */
		 "4,01/01/2015,,,,,,,,1,1,\n");	/* 5 */
	assert_string_equal(run26(&r, "159"), "OC2:2");
	s903_return_release(&r);
}

static void test_182(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_OC2, OC2_COLS
		 "1,01/01/2015,,,1,,,1,1,1,,\n"	/* 2: flagged */
		 "2,01/01/2015,,,,,,,,,,\n"	/* 3: all blank */
		 "3,01/01/2015,,,1,,1,1,1,1,,\n"	/* 4: complete */
		 "4,01/01/2015,,,,,,1,,,,\n"	/* 5: none of the rest */
		 "5,01/01/2015,,,,,1,1,1,,,1\n");	/* 6: flagged */
	assert_string_equal(run26(&r, "182"), "OC2:2 OC2:6");
	s903_return_release(&r);
}

static void test_185(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	cla_episodes(&r);
	fx_table(&r, S903_OC2, OC2_COLS
		 "1,01/01/2015,12,,,,,,,,,\n"	/* 2: looked after */
		 "8,01/01/2015,,,,,,,,,,\n"	/* 3: no score */
		 "9,01/01/2015,12,,,,,,,,,\n");	/* 4: flagged */
	assert_string_equal(run26(&r, "185"), "OC2:4");
	s903_return_release(&r);
}

static void test_186(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	cla_episodes(&r);
	fx_table(&r, S903_OC2, OC2_COLS
		 "1,01/01/2015,,,,,,,,,,\n"	/* 2: flagged */
		 "2,01/01/2015,10,,,,,,,,,\n"	/* 3: a score */
		 "3,01/01/2015,,SDQ2,,,,,,,,\n"	/* 4: a reason */
		 "4,01/04/2009,,,,,,,,,,\n"	/* 5: flagged, 16 at end */
		 "6,31/03/2009,,,,,,,,,,\n"	/* 6: 17 at end */
		 "9,01/01/2015,,,,,,,,,,\n");	/* 7: not all year */
	assert_string_equal(run26(&r, "186"), "OC2:2 OC2:5");
	s903_return_release(&r);
}

static void test_187(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	cla_episodes(&r);
	fx_table(&r, S903_OC3,
		 "CHILD,IN_TOUCH,ACTIV,ACCOM\n"
		 "1,YES,,\n"		/* 2: flagged */
		 "2,,,\n"		/* 3 */
		 "9,YES,F1,B1\n");	/* 4: not all year */
	fx_table(&r, S903_AD1,
		 "CHILD,DATE_INT,FOSTER_CARE\n"
		 "3,01/02/2025,\n"	/* 2: flagged */
		 "4,,\n"		/* 3 */
		 "9,01/02/2025,1\n");	/* 4 */
	assert_string_equal(run26(&r, "187"), "OC3:2 AD1:2");
	s903_return_release(&r);
}

static void test_188(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_OC2, OC2_COLS
		 "1,01/04/2022,5,,,,,,,,,\n"	/* 2: flagged, 3 at end */
		 "2,01/04/2022,,,,,,,,,,\n"	/* 3 */
		 "3,31/03/2022,,SDQ1,,,,,,,,\n"	/* 4: 4 on the day */
		 "4,01/01/2023,,SDQ1,,,,,,,,\n");	/* 5: flagged */
	assert_string_equal(run26(&r, "188"), "OC2:2 OC2:5");
	s903_return_release(&r);
}

static void test_189(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_OC2, OC2_COLS
		 "1,31/03/2008,5,,,,,,,,,\n"	/* 2: flagged */
		 "2,01/04/2008,5,,,,,,,,,\n"	/* 3: 17 on the first day */
		 "3,01/01/2000,,,,,,,,,,\n"	/* 4 */
		 "4,01/01/2000,,SDQ4,,,,,,,,\n");	/* 5: flagged */
	assert_string_equal(run26(&r, "189"), "OC2:2 OC2:5");
	s903_return_release(&r);
}

static void test_190(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	cla_episodes(&r);
	fx_table(&r, S903_OC2, OC2_COLS
		 "1,01/01/2010,,,1,,,,,,,\n"	/* 2: looked after */
		 "7,01/01/2010,,,,1,,,,,,\n"	/* 3: flagged */
		 "8,01/01/2010,,,,,,,,,,\n"	/* 4: blank */
		 "9,01/01/2010,,,0,,,,,,,\n");	/* 5: flagged */
	assert_string_equal(run26(&r, "190"), "OC2:3 OC2:5");
	s903_return_release(&r);
}

static void test_191(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	cla_episodes(&r);	/* child 3: line 4, child 6: lines 6, 7 */
	fx_table(&r, S903_OC2, OC2_COLS
		 "1,01/01/2010,,,0,,1,1,1,0,,\n"	/* 2 */
		 "2,01/01/2010,,,0,,,1,1,0,,\n"	/* 3: flagged */
		 "4,01/01/2010,,,0,,1,1,1,0,,\n"	/* 4 */
		 "8,01/01/2010,,,,,,,,,,\n");	/* 5: not all year */
	/* 3 and 6 have no OC2 row: their first episodes */
	assert_string_equal(run26(&r, "191"),
			    "Episodes:4 Episodes:6 OC2:3");
	/* 6's OC2 row was dropped on import: its absence is not reported */
	s903_note_dropped(&r, "6");
	assert_string_equal(run26(&r, "191"), "Episodes:4 OC2:3");
	s903_return_release(&r);
}

/*
 * The peer's case for 191 (its collection year 1980-81 moved on 45
 * years): who counts as looked after for the whole year.
 */
static void test_191_peer(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,DECOM,DEC,LS,REC,RNE\n"
		 "1,01/03/2025,31/03/2026,o,X1,o\n"	/* 2 */
		 "2,01/03/2025,30/03/2026,o,X1,o\n"	/* 3 */
		 "3333,01/03/2025,01/01/2026,V3,X1,o\n"	/* 4: V3 */
		 "4,01/02/2015,,o,!!,o\n"		/* 5: flagged */
		 "5,01/03/2024,01/01/2026,o,X1,o\n"	/* 6 */
		 "5,01/01/2026,,o,,o\n"			/* 7 */
		 "6666,01/03/2024,01/01/2026,o,!!,o\n"	/* 8: left */
		 "6666,01/01/2026,,o,,o\n"		/* 9 */
		 "7777,01/03/2024,01/01/2026,o,X1,o\n"	/* 10 */
		 "7777,01/01/2026,01/07/2026,o,o,S\n"	/* 11: came in */
		 "8888,01/01/2026,31/03/2044,o,o,S\n");	/* 12: came in */
	fx_table(&r, S903_OC2,
		 "CHILD,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,"
		 "SUBSTANCE_MISUSE\n"
		 "9999999999,1,1,1,1\n"	/* 2: no episodes */
		 "1,,1,1,1\n"		/* 3: flagged */
		 "2,1,1,1,1\n"		/* 4 */
		 "3333,,1,1,1\n"		/* 5: not all year */
		 "99999999,,1,1,1\n"	/* 6: no episodes */
		 "8888,1,1,1,1\n"		/* 7 */
		 "5,,1,1,1\n");		/* 8: flagged */
	assert_string_equal(run26(&r, "191"), "Episodes:5 OC2:3 OC2:8");
	s903_return_release(&r);
}

static void test_192(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_OC2, OC2_COLS
		 "1,01/01/2010,,,,,,,,1,,\n"	/* 2: flagged */
		 "2,01/01/2010,,,,,,,,1,0,1\n"	/* 3 */
		 "3,01/01/2010,,,,,,,,0,,\n");	/* 4 */
	assert_string_equal(run26(&r, "192"), "OC2:2");
	s903_return_release(&r);
}

static void test_193(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_OC2, OC2_COLS
		 "1,01/01/2010,,,,,,,,0,1,\n"	/* 2: flagged */
		 "2,01/01/2010,,,,,,,,,,0\n"	/* 3: flagged */
		 "3,01/01/2010,,,,,,,,1,1,\n"	/* 4 */
		 "4,01/01/2010,,,,,,,,0,,\n");	/* 5 */
	assert_string_equal(run26(&r, "193"), "OC2:2 OC2:3");
	s903_return_release(&r);
}

static void test_197b(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	cla_episodes(&r);
	fx_table(&r, S903_OC2, OC2_COLS
		 "1,01/06/2021,,,,,,,,,,\n"	/* 2: flagged, turned 4 */
		 "2,01/06/2021,20,,,,,,,,,\n"	/* 3: a score */
		 "3,01/06/2008,,,,,,,,,,\n"	/* 4: flagged, turned 17 */
		 "4,01/01/2015,,,,,,,,,,\n"	/* 5: 10 */
		 "6,01/04/2021,,,,,,,,,,\n"	/* 6: flagged, on day 1 */
		 "9,01/06/2021,,,,,,,,,,\n");	/* 7: not all year */
	assert_string_equal(run26(&r, "197B"), "OC2:2 OC2:4 OC2:6");
	s903_return_release(&r);
}

static void test_197a(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_OC2, OC2_COLS
		 "1,01/01/2015,10,SDQ1,,,,,,,,\n"	/* 2: flagged */
		 "2,01/01/2015,10,,,,,,,,,\n"	/* 3 */
		 "3,01/01/2015,,SDQ1,,,,,,,,\n"	/* 4 */
		 "4,01/01/2015,0,SDQ5,,,,,,,,\n");	/* 5: flagged, 0 */
	assert_string_equal(run26(&r, "197a"), "OC2:2 OC2:5");
	s903_return_release(&r);
}

static void test_198(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	cla_episodes(&r);
	fx_table(&r, S903_OC2, OC2_COLS
		 "1,01/01/2015,,SDQ2,,,,,,,,\n"	/* 2: looked after */
		 "8,01/01/2015,,,,,,,,,,\n"	/* 3 */
		 "9,01/01/2015,,SDQ2,,,,,,,,\n");	/* 4: flagged */
	assert_string_equal(run26(&r, "198"), "OC2:4");
	s903_return_release(&r);
}

static void test_215(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_OC2, OC2_COLS
		 "1,01/01/2008,,,1,,,,,,,\n"	/* 2: flagged */
		 "2,01/01/2008,,,,,,,,,,\n"	/* 3 */
		 "3,01/01/2008,,,0,,,,,,,\n");	/* 4: not a leaver */
	fx_table(&r, S903_OC3,
		 "CHILD,IN_TOUCH,ACTIV,ACCOM\n"
		 "1,YES,F1,B1\n"	/* 2: flagged */
		 "2,YES,F1,B1\n"	/* 3 */
		 "3,,,\n");		/* 4 */
	assert_string_equal(run26(&r, "215"), "OC2:2 OC3:2");
	s903_return_release(&r);
}

static void test_543(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	cla_episodes(&r);
	fx_table(&r, S903_OC2, OC2_COLS
		 "1,01/01/2010,,,,,,,,,,\n"	/* 2: flagged */
		 "2,01/01/2010,,,0,,,,,,,\n"	/* 3 */
		 "3,31/03/2016,,,,,,,,,,\n"	/* 4: 10 on the last day */
		 "4,30/03/2016,,,,,,,,,,\n"	/* 5: flagged */
		 "9,01/01/2010,,,,,,,,,,\n");	/* 6: not all year */
	assert_string_equal(run26(&r, "543"), "OC2:2 OC2:5");
	s903_return_release(&r);
}

static void test_544(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_OC2, OC2_COLS
		 "1,01/01/2010,,,1,,,1,1,0,,\n"	/* 2: flagged */
		 "2,01/01/2010,,,1,,1,1,1,0,,\n"	/* 3 */
		 "3,01/01/2010,,,0,,,,,,,\n");	/* 4 */
	assert_string_equal(run26(&r, "544"), "OC2:2");
	s903_return_release(&r);
}

static void test_545(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	cla_episodes(&r);
	fx_table(&r, S903_OC2, OC2_COLS
		 "1,01/04/2021,,,,,,,,,,\n"	/* 2: flagged */
		 "2,01/04/2021,,,,1,,,,,,\n"	/* 3 */
		 "3,31/03/2021,,,,,,,,,,\n"	/* 4: 5 on the last day */
		 "9,01/04/2021,,,,,,,,,,\n");	/* 5: not all year */
	assert_string_equal(run26(&r, "545"), "OC2:2");
	s903_return_release(&r);
}

static void test_546(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	cla_episodes(&r);
	fx_table(&r, S903_OC2, OC2_COLS
		 "1,31/03/2021,,,,1,,,,,,\n"	/* 2: flagged */
		 "2,01/04/2021,,,,1,,,,,,\n"	/* 3: 4 */
		 "3,01/01/2015,,,,,,,,,,\n"	/* 4 */
		 "9,01/01/2015,,,,0,,,,,,\n");	/* 5: not all year */
	assert_string_equal(run26(&r, "546"), "OC2:2");
	s903_return_release(&r);
}

static void test_547(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_OC2, OC2_COLS
		 "1,01/01/2022,,,,1,1,,1,0,,\n"	/* 2: flagged */
		 "2,01/01/2022,,,,1,1,1,1,0,,\n"	/* 3 */
		 "3,01/01/2022,,,,0,,,,,,\n");	/* 4 */
	assert_string_equal(run26(&r, "547"), "OC2:2");
	s903_return_release(&r);
}

/* ---- OC3 ---------------------------------------------------------------- */

static void test_131_132_133(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_OC3,
		 "CHILD,IN_TOUCH,ACTIV,ACCOM\n"
		 "1,YES,F1,B1\n"	/* 2 */
		 "2,yes,f1,s2\n"	/* 3: all three */
		 "3,REFU,0,0\n"		/* 4 */
		 "4,REFUSE,1,X\n"	/* 5: all three */
		 "5,,,\n");		/* 6: blank is not a code */
	assert_string_equal(run26(&r, "131"), "OC3:3 OC3:5 OC3:6");
	assert_string_equal(run26(&r, "132"), "OC3:3 OC3:5 OC3:6");
	assert_string_equal(run26(&r, "133"), "OC3:3 OC3:5 OC3:6");
	s903_return_release(&r);
}

static void test_134(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_OC3,
		 "CHILD,IN_TOUCH,ACTIV,ACCOM\n"
		 "A,,,\n"
		 "B,YES,,\n"
		 "C,,F1,\n"
		 "D,,,B1\n"
		 "E,,,\n");
	fx_table(&r, S903_AD1,
		 "CHILD,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,"
		 "SEX_ADOPTR,LS_ADOPTR\n"
		 "A,,,,,,\n"					/* 2 */
		 "B,,01/02/2025,,,,\n"			/* 3: flagged */
		 "C,01/01/2025,01/02/2025,0,1,MM,L0\n"	/* 4: flagged */
		 "D,,,,,,L0\n"				/* 5: flagged */
		 "E,01/01/2025,01/02/2025,0,1,MM,L0\n");	/* 6 */
	assert_string_equal(run26(&r, "134"), "AD1:3 AD1:4 AD1:5");
	s903_return_release(&r);
}

static void test_153(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_OC3,
		 "CHILD,IN_TOUCH,ACTIV,ACCOM\n"
		 "1,YES,F1,B1\n"	/* 2 */
		 "2,,,\n"		/* 3 */
		 "3,YES,,\n"		/* 4: flagged */
		 "4,,F1,B1\n");		/* 5: flagged */
	assert_string_equal(run26(&r, "153"), "OC3:4 OC3:5");
	s903_return_release(&r);
}

static void test_344_345(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_OC3,
		 "CHILD,IN_TOUCH,ACTIV,ACCOM\n"
		 "1,DIED,0,0\n"		/* 2 */
		 "2,DIED,F1,0\n"	/* 3: 344 */
		 "3,RHOM,,\n"		/* 4: 344, blank is not 0 */
		 "4,YES,F1,B1\n"	/* 5 */
		 "5,YES,0,B1\n"		/* 6: 345 */
		 "6,YES,F1,0\n"		/* 7: 345 */
		 "7,NO,0,0\n");		/* 8 */
	assert_string_equal(run26(&r, "344"), "OC3:3 OC3:4");
	assert_string_equal(run26(&r, "345"), "OC3:6 OC3:7");
	s903_return_release(&r);
}

static void test_347(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_OC3,
		 "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n"
		 "1,02/04/2007,YES,F1,T1\n"	/* 2: flagged, 17 */
		 "2,01/04/2007,YES,F1,T2\n"	/* 3: 18 on day 1 */
		 "3,02/04/2007,YES,F1,B1\n"	/* 4: not a Foyer */
		 "4,01/01/2000,YES,F1,T2\n");	/* 5 */
	assert_string_equal(run26(&r, "347"), "OC3:2");
	/* new in 2023-24 */
	assert_string_equal(fx_run(&r, NULL, 2023, V_WALES, "347"), "");
	s903_return_release(&r);
}

static void test_391(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_OC3,
		 "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n"
		 "1,01/04/2009,YES,F1,B1\n"	/* 2: flagged, 16 */
		 "2,31/03/2009,YES,F1,B1\n"	/* 3: 17 on the last day */
		 "3,01/04/2009,,,\n");		/* 4: nothing given */
	assert_string_equal(run26(&r, "391"), "OC3:2");
	s903_return_release(&r);
}

static void test_1007(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_OC3,
		 "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n"
		 "F,01/02/2008,YES,,\n"	/* 2: flagged, in care at 18 */
		 "G,01/09/2007,YES,,\n"	/* 3: left on the birthday */
		 "H,01/02/2008,YES,,\n"	/* 4: left before it */
		 "I,01/09/2007,,,\n"	/* 5: nothing given */
		 "J,01/02/2009,YES,,\n"	/* 6: flagged, still in care */
		 "K,01/02/2006,YES,,\n");	/* 7: 20 */
	fx_table(&r, S903_EPISODES,
		 "CHILD,DECOM,DEC\n"
		 "F,01/02/2015,01/03/2026\n"
		 "G,01/09/2015,01/09/2025\n"
		 "H,01/02/2015,01/01/2026\n"
		 "I,01/09/2015,01/03/2026\n"
		 "J,01/02/2015,\n"
		 "K,01/02/2015,\n");
	assert_string_equal(run26(&r, "1007"), "OC3:2 OC3:6");
	s903_return_release(&r);
}

static void test_1014(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_UASC,
		 "CHILD,DOB,DUC\n"
		 "1,01/06/2007,\n"	/* 2: in care in the year */
		 "2,01/06/2007,\n"	/* 3: flagged */
		 "3,01/06/2007,\n"	/* 4: no OC3 data */
		 "5,01/06/2007,\n"	/* 5: no episodes */
		 "6,01/06/2007,\n");	/* 6: flagged */
	fx_table(&r, S903_EPISODES,
		 "CHILD,DECOM,DEC\n"
		 "1,01/05/2025,\n"
		 "2,01/01/2024,01/01/2025\n"
		 "3,01/01/2024,01/01/2025\n"
		 "4,01/01/2024,01/01/2025\n"
		 "6,01/05/2026,\n");
	fx_table(&r, S903_OC3,
		 "CHILD,IN_TOUCH,ACTIV,ACCOM\n"
		 "1,YES,F1,B1\n"	/* 2 */
		 "2,YES,F1,B1\n"	/* 3: flagged */
		 "3,,,\n"		/* 4 */
		 "4,YES,F1,B1\n"	/* 5: not UASC */
		 "5,YES,F1,B1\n"	/* 6 */
		 "6,,F1,\n");		/* 7: flagged */
	assert_string_equal(run26(&r, "1014"), "UASC:3 UASC:6 OC3:3 OC3:7");
	s903_return_release(&r);
}

static void test_1016(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_OC3,
		 "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n"
		 "1,31/03/2008,YES,F1,B1\n"	/* 2: flagged, 18 */
		 "2,31/03/2008,YES,F1,B1\n"	/* 3: left the day before */
		 "3,31/03/2008,,,\n"		/* 4: nothing given */
		 "4,31/03/2009,YES,F1,B1\n"	/* 5: flagged, 17 */
		 "5,31/03/2009,YES,F1,B1\n"	/* 6: left before */
		 "8,31/03/2010,YES,F1,B1\n"	/* 7: 16 */
		 "9,31/03/2008,YES,F1,B1\n");	/* 8: still in care */
	fx_table(&r, S903_EPISODES,
		 "CHILD,DECOM,DEC\n"
		 "1,01/01/2020,31/03/2026\n"
		 "2,01/01/2020,30/03/2026\n"
		 "3,01/01/2020,31/03/2026\n"
		 "4,01/01/2020,31/03/2026\n"
		 "5,01/01/2020,01/01/2026\n"
		 "8,01/01/2020,31/03/2026\n"
		 "9,01/01/2020,\n");
	assert_string_equal(run26(&r, "1016"), "OC3:2 OC3:5");
	assert_string_equal(fx_run(&r, NULL, 2023, V_WALES, "1016"), "");
	s903_return_release(&r);
}

static void test_3001(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_HEADER,
		 "CHILD,DOB\n"
		 "1,16/03/2009\n"	/* 17 in the year */
		 "2,01/04/2008\n"	/* 17 on its first day */
		 "3,31/12/2010\n");	/* 15 */
	fx_table(&r, S903_OC3,
		 "CHILD,ACCOM\n"
		 "1,Z1\n"	/* 2: flagged */
		 "1,T1\n"	/* 3 */
		 "2,z2\n"	/* 4: flagged */
		 "2,\n"		/* 5 */
		 "3,Z1\n");	/* 6 */
	assert_string_equal(run26(&r, "3001"), "OC3:2 OC3:4");
	s903_return_release(&r);
}

/* ---- SWEpisodes --------------------------------------------------------- */

#define SW_COLS "CHILD,SW_ID,SW_DECOM,SW_DEC,SW_REASON\n"

static void test_sw01(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_SW_EPISODES, SW_COLS
		 "1,SW1,01/01/2023,,\n"		/* 2 */
		 "2,,01/01/2023,,\n"		/* 3: a */
		 "3,,01/04/2023,,MANAGE\n"	/* 4: b */
		 "4,SW1,,,MANAGE\n"		/* 5: a, b */
		 "5,SW1,01/04/2023,,\n"		/* 6: b */
		 "6,SW1,01/04/2023,,MANAGE\n");	/* 7 */
	assert_string_equal(run26(&r, "SW01aSTG1"),
			    "SWEpisodes:3 SWEpisodes:5");
	/* (rows sorted by SW_DECOM within a child: one row each here) */
	assert_string_equal(run26(&r, "SW01bSTG1"),
			    "SWEpisodes:4 SWEpisodes:5 SWEpisodes:6");
	assert_string_equal(fx_run(&r, NULL, 2024, V_WALES, "SW01aSTG1"), "");
	s903_return_release(&r);
}

static void test_sw02(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_SW_EPISODES, SW_COLS
		 "1,SW123,01/01/2025,,\n"	/* 2 */
		 "2,XX1,01/01/2025,,\n"		/* 3 */
		 "3,sw1,01/01/2025,,\n"		/* 4: flagged */
		 "4,AB,01/01/2025,,\n"		/* 5: flagged */
		 "5,,01/01/2025,,\n");		/* 6: flagged */
	assert_string_equal(run26(&r, "SW02STG1"),
			    "SWEpisodes:4 SWEpisodes:5 SWEpisodes:6");
	assert_string_equal(fx_run(&r, NULL, 2023, V_WALES, "SW02STG1"), "");
	s903_return_release(&r);
}

static void test_sw06(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_SW_EPISODES, SW_COLS
		 "1,SW1,31/03/2026,,\n"	/* 2 */
		 "2,SW1,01/04/2026,,\n"	/* 3: flagged */
		 "3,SW1,,,\n");		/* 4 */
	assert_string_equal(run26(&r, "SW06STG2"), "SWEpisodes:3");
	s903_return_release(&r);
}

static void test_sw07(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_SW_EPISODES, SW_COLS
		 "1,SW1,01/01/2020,31/03/2024,\n"	/* 2 */
		 "2,SW1,01/01/2020,01/04/2024,\n"	/* 3 */
		 "3,SW1,01/01/2020,01/04/2026,\n"	/* 4 */
		 "4,SW1,01/01/2020,,\n"			/* 5 */
		 "5,SW1,01/01/2020,01/04/2025,\n");	/* 6 */
	/* from 2024-25: the two years to 31 March */
	assert_string_equal(run26(&r, "SW07STG2"),
			    "SWEpisodes:2 SWEpisodes:4");
	assert_string_equal(fx_run(&r, NULL, 2025, V_WALES, "SW07STG2"),
			    "SWEpisodes:4 SWEpisodes:6");
	/* 2023-24: the collection year */
	assert_string_equal(fx_run(&r, NULL, 2024, V_WALES, "SW07STG2"),
			    "SWEpisodes:3 SWEpisodes:4 SWEpisodes:6");
	s903_return_release(&r);
}

static void test_sw08(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_SW_EPISODES, SW_COLS
		 "1,SW1,01/01/2025,,\n"			/* 2: flagged */
		 "1,SW2,01/06/2025,,\n"			/* 3: latest */
		 "2,SW1,01/01/2025,31/05/2025,\n"	/* 4 */
		 "2,SW2,01/06/2025,,\n"			/* 5 */
		 "3,SW1,01/01/2025,,\n");		/* 6 */
	assert_string_equal(run26(&r, "SW08STG2"), "SWEpisodes:2");
	s903_return_release(&r);
}

static void test_sw09(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_SW_EPISODES, SW_COLS
		 "1,SW1,01/05/2025,01/05/2025,\n"	/* 2: flagged */
		 "2,SW1,01/05/2025,02/05/2025,\n"	/* 3 */
		 "3,SW1,,,\n");				/* 4 */
	assert_string_equal(run26(&r, "SW09STG2"), "SWEpisodes:2");
	s903_return_release(&r);
}

static void test_sw10(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_SW_EPISODES, SW_COLS
		 "1,SW1,01/01/2025,01/03/2025,\n"	/* 2 */
		 "1,SW2,08/03/2025,,MANAGE\n"		/* 3: 7 days on */
		 "2,SW1,01/01/2025,01/03/2025,\n"	/* 4 */
		 "2,SW2,09/03/2025,,MANAGE\n"		/* 5: flagged */
		 "3,SW1,01/01/2025,01/03/2025,\n"	/* 6 */
		 "3,SW2,20/02/2025,,MANAGE\n"		/* 7: flagged */
		 "4,SW1,01/01/2025,,\n"			/* 8 */
		 "4,SW2,01/06/2025,,MANAGE\n"		/* 9: flagged */
		 "5,SW1,01/01/2025,01/03/2025,\n"	/* 10 */
		 "5,SW2,01/06/2025,,FCONTA\n");		/* 11: 2024 */
	assert_string_equal(run26(&r, "SW10STG2"),
			    "SWEpisodes:5 SWEpisodes:7 SWEpisodes:9");
	assert_string_equal(fx_run(&r, NULL, 2024, V_WALES, "SW10STG2"),
			    "SWEpisodes:5 SWEpisodes:7 SWEpisodes:9 "
			    "SWEpisodes:11");
	s903_return_release(&r);
}

static void test_sw11b(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_SW_EPISODES, SW_COLS
		 "1,SW1,01/01/2026,26/03/2026,\n"	/* 2 */
		 "1,SW2,27/03/2026,,\n"			/* 3: followed */
		 "2,SW1,01/01/2026,30/03/2026,\n"	/* 4: flagged */
		 "3,SW1,01/01/2026,25/03/2026,\n"	/* 5: 6 days before */
		 "4,SW1,01/01/2026,26/03/2026,\n"	/* 6 */
		 "4,,,,\n"				/* 7: flagged */
		 "5,SW1,01/01/2026,20/03/2026,\n"	/* 8 */
		 "5,SW2,21/03/2026,28/03/2026,\n");	/* 9: flagged */
	assert_string_equal(run26(&r, "SW11bSTG2"),
			    "SWEpisodes:4 SWEpisodes:7 SWEpisodes:9");
	s903_return_release(&r);
}

static void test_sw12(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	/* the peer's cases, year 2024-25 */
	fx_table(&r, S903_EPISODES,
		 "CHILD,DECOM,DEC,REC,RNE,LS\n"
		 "1,01/01/2023,,,S,C1\n"		/* 2: has one */
		 "2,01/01/2023,,,S,C1\n"		/* 3: flagged */
		 "3,01/01/2023,,,S,V4\n"		/* 4: short breaks */
		 "4,01/01/2023,10/04/2023,X1,P,C1\n"	/* 5 */
		 "4,10/04/2023,,,P,C1\n"		/* 6: flagged */
		 "5,01/01/2023,10/04/2023,X1,S,C1\n"	/* 7 */
		 "5,10/04/2023,01/04/2024,E4A,P,C1\n"	/* 8 */
		 "6,01/01/2023,10/04/2023,X1,S,C1\n"	/* 9 */
		 "6,10/04/2023,01/04/2024,E4A,P,C1\n"	/* 10 */
		 "7,01/04/2023,,X1,S,C1\n"		/* 11: flagged */
		 "10,01/01/2023,10/04/2023,,S,C1\n"	/* 12: flagged */
		 "11,01/01/2022,10/04/2022,,S,C1\n");	/* 13: too old */
	fx_table(&r, S903_SW_EPISODES,
		 "CHILD,SW_DECOM\n"
		 "1,01/01/2023\n"
		 "5,01/02/2023\n"
		 "6,01/02/2023\n"
		 "7,01/02/2023\n");
	/* hits in row order: children sorted as text, 10 and 11 after 1 */
	assert_string_equal(fx_run(&r, NULL, 2025, V_WALES, "SW12STG2"),
			    "Episodes:12 Episodes:3 Episodes:6 Episodes:11");
	/* 2023-24 looked at every episode */
	assert_string_equal(fx_run(&r, NULL, 2024, V_WALES, "SW12STG2"),
			    "Episodes:12 Episodes:13 Episodes:3 Episodes:6 "
			    "Episodes:11");
	s903_return_release(&r);

	/*
	 * Looked after at 31 March in an episode that did not start care:
	 * a social worker from before then covers it (the peer flags it
	 * whatever); one begun after the year's end does not.
	 */
	fx_table(&r, S903_EPISODES,
		 "CHILD,DECOM,DEC,REC,RNE,LS\n"
		 "8,01/01/2023,10/04/2024,X1,S,C1\n"	/* 2 */
		 "8,10/04/2024,,,P,C1\n"			/* 3: covered */
		 "9,01/01/2023,10/04/2024,X1,S,C1\n"	/* 4 */
		 "9,10/04/2024,,,P,C1\n");		/* 5: flagged */
	fx_table(&r, S903_SW_EPISODES,
		 "CHILD,SW_DECOM\n"
		 "8,01/02/2023\n"
		 "9,01/05/2025\n");
	assert_string_equal(fx_run(&r, NULL, 2025, V_WALES, "SW12STG2"),
			    "Episodes:5");
	s903_return_release(&r);
}

static void test_sw13(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_SW_EPISODES, SW_COLS
		 "1,SW1,01/05/2025,,MANAGE\n"	/* 2 */
		 "2,SW1,01/05/2025,,manage\n"	/* 3: flagged */
		 "3,SW1,01/04/2023,,\n"		/* 4: flagged */
		 "4,SW1,01/01/2023,,\n"		/* 5: 2024 only */
		 "5,SW1,,,\n");			/* 6: 2024 only */
	assert_string_equal(run26(&r, "SW13STG1"),
			    "SWEpisodes:3 SWEpisodes:4");
	assert_string_equal(fx_run(&r, NULL, 2024, V_WALES, "SW13STG1"),
			    "SWEpisodes:3 SWEpisodes:4 SWEpisodes:5 "
			    "SWEpisodes:6");
	s903_return_release(&r);
}

static void test_sw17(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_SW_EPISODES, SW_COLS
		 "1,SW1,01/01/2025,01/03/2025,\n"	/* 2 */
		 "1,SW2,01/03/2025,,\n"			/* 3: open */
		 "2,SW1,01/01/2025,,\n"			/* 4 */
		 "2,SW2,01/03/2025,01/03/2026,\n"	/* 5: flagged */
		 "3,SW1,01/01/2025,01/03/2026,\n");	/* 6: flagged */
	assert_string_equal(run26(&r, "SW17STG2"),
			    "SWEpisodes:5 SWEpisodes:6");
	assert_string_equal(fx_run(&r, NULL, 2025, V_WALES, "SW17STG2"), "");
	s903_return_release(&r);
}

/* Rules the import enforces: rows with at_import, no function. */
static void test_registered(void **state)
{
	static const char *const at_import[] = {
		"180", "181", "196", "SW04STG1", "SW05STG1",
	};

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(at_import); i++) {
		const struct v_rule *r = v_rule_find(at_import[i], 2026,
						     V_WALES);

		assert_non_null(r);
		assert_non_null(r->at_import);
		assert_null(r->child);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_157),
		cmocka_unit_test(test_158),
		cmocka_unit_test(test_159),
		cmocka_unit_test(test_182),
		cmocka_unit_test(test_185),
		cmocka_unit_test(test_186),
		cmocka_unit_test(test_187),
		cmocka_unit_test(test_188),
		cmocka_unit_test(test_189),
		cmocka_unit_test(test_190),
		cmocka_unit_test(test_191),
		cmocka_unit_test(test_191_peer),
		cmocka_unit_test(test_192),
		cmocka_unit_test(test_193),
		cmocka_unit_test(test_197b),
		cmocka_unit_test(test_197a),
		cmocka_unit_test(test_198),
		cmocka_unit_test(test_215),
		cmocka_unit_test(test_543),
		cmocka_unit_test(test_544),
		cmocka_unit_test(test_545),
		cmocka_unit_test(test_546),
		cmocka_unit_test(test_547),
		cmocka_unit_test(test_131_132_133),
		cmocka_unit_test(test_134),
		cmocka_unit_test(test_153),
		cmocka_unit_test(test_344_345),
		cmocka_unit_test(test_347),
		cmocka_unit_test(test_391),
		cmocka_unit_test(test_1007),
		cmocka_unit_test(test_1014),
		cmocka_unit_test(test_1016),
		cmocka_unit_test(test_3001),
		cmocka_unit_test(test_sw01),
		cmocka_unit_test(test_sw02),
		cmocka_unit_test(test_sw06),
		cmocka_unit_test(test_sw07),
		cmocka_unit_test(test_sw08),
		cmocka_unit_test(test_sw09),
		cmocka_unit_test(test_sw10),
		cmocka_unit_test(test_sw11b),
		cmocka_unit_test(test_sw12),
		cmocka_unit_test(test_sw13),
		cmocka_unit_test(test_sw17),
		cmocka_unit_test(test_registered),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
