/*
 * u-rules-placements.c: the placements rules, each with cases that must
 * be flagged and cases that must not (src/validate/rules-placements.c).
 * The cases are the DfE validator's own test cases (csc-validator-be-903,
 * test_validate()), with dates moved into a year the rule is in force
 * where the rule looks at the collection year, plus edges of our own.
 */
#include "unit.h"
#include "v-fixture.h"

#define RUN(r, year, code) fx_run(&(r), NULL, (year), V_WALES, (code))

static void test_373(void **state)
{
	struct s903_return r = S903_RETURN_INIT;
	struct s903_return only_ep = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,DECOM,PLACE,DEC\n"
		 "111,01/01/2020,S1,13/02/2020\n"	/* 2 */
		 "222,01/02/2020,S1,14/03/2020\n"	/* 3 */
		 "333,02/03/2020,P2,14/04/2020\n"	/* 4 not S1 */
		 "444,15/03/2010,S1,27/04/2010\n"	/* 5 aged 0 */
		 "555,15/03/2004,S1,26/04/2004\n"	/* 6 4th birthday */
		 "666,14/03/2004,S1,25/04/2014\n"	/* 7 day before */
		 "777,14/03/2004,S1,\n");		/* 8 open: skipped */
	fx_table(&r, S903_HEADER,
		 "CHILD,DOB\n"
		 "111,01/01/1998\n"
		 "222,01/02/2000\n"
		 "333,02/03/2015\n"
		 "444,15/01/2010\n"
		 "555,15/03/2000\n"
		 "666,15/03/2000\n"
		 "777,15/03/2000\n");
	assert_string_equal(RUN(r, 2023, "373"), "Episodes:5 Episodes:7");
	/* before 2023: the first rule set known, the same */
	assert_string_equal(RUN(r, 2022, "373"), "Episodes:5 Episodes:7");
	/* Header is needed */
	fx_table(&only_ep, S903_EPISODES,
		 "CHILD,DECOM,PLACE,DEC\n"
		 "444,15/03/2010,S1,27/04/2010\n");
	assert_string_equal(RUN(only_ep, 2023, "373"), "");
	s903_return_release(&r);
	s903_return_release(&only_ep);
}

static void test_374(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,DECOM,PLACE,DEC\n"
		 "111,01/01/2020,P3,13/02/2020\n"	/* 2 */
		 "222,01/02/2020,P3,14/03/2020\n"	/* 3 */
		 "333,02/03/2020,P3,14/04/2020\n"	/* 4 aged 4 */
		 "444,15/03/2010,P3,\n"			/* 5 open */
		 "555,,P3,27/04/2010\n"			/* 6 no DECOM */
		 "666,15/03/2004,P3,26/04/2004\n"	/* 7 aged 4 */
		 "777,14/03/2014,P3,25/04/2014\n");	/* 8 day before */
	fx_table(&r, S903_HEADER,
		 "CHILD,DOB\n"
		 "111,01/01/1998\n"
		 "222,01/02/2000\n"
		 "333,02/03/2015\n"
		 "444,15/01/2010\n"
		 "555,15/03/2000\n"
		 "666,15/03/2000\n"
		 "777,15/03/2000\n");
	assert_string_equal(RUN(r, 2023, "374"),
			    "Episodes:4 Episodes:7 Episodes:8");
	s903_return_release(&r);
}

static void test_375(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,DECOM,DEC,PLACE\n"
		 "111,01/01/2020,13/02/2020,T1\n"	/* 2: 43 days */
		 "222,01/02/2020,14/03/2020,T1\n"	/* 3: 42 days */
		 "333,02/03/2020,14/04/2020,T1\n"	/* 4: 43 */
		 "444,15/03/2010,27/04/2010,T1\n"	/* 5: 43 */
		 "555,15/03/2004,26/04/2004,T1\n"	/* 6: 42 */
		 "666,14/03/2014,25/04/2014,P2\n"	/* 7: not T1 */
		 "777,01/01/2020,13/03/2020,T1\n");	/* 8: no Header */
	fx_table(&r, S903_HEADER,
		 "CHILD,DOB\n"
		 "111,01/01/1998\n"
		 "222,01/02/2000\n"
		 "333,02/03/2015\n"
		 "444,15/01/2010\n"
		 "555,15/03/2000\n"
		 "666,15/03/2000\n");
	assert_string_equal(RUN(r, 2023, "375"),
			    "Episodes:2 Episodes:4 Episodes:5");
	s903_return_release(&r);
}

static void test_376(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,DECOM,DEC,PLACE\n"
		 "111,01/01/2020,22/01/2020,T3\n"	/* 2: 21 days */
		 "222,01/02/2020,23/02/2020,T3\n"	/* 3: 22 */
		 "333,02/03/2020,24/03/2020,T3\n"	/* 4: 22 */
		 "444,15/03/2010,06/04/2010,T3\n"	/* 5: 22 */
		 "555,15/03/2004,05/04/2004,T3\n"	/* 6: 21 */
		 "666,14/03/2014,04/04/2014,P2\n"	/* 7 */
		 "777,,,T3\n");				/* 8 */
	fx_table(&r, S903_HEADER,
		 "CHILD,DOB\n"
		 "111,01/01/1998\n"
		 "222,01/02/2000\n"
		 "333,02/03/2015\n"
		 "444,15/01/2010\n"
		 "555,15/03/2000\n"
		 "666,15/03/2000\n"
		 "777,15/03/2000\n");
	assert_string_equal(RUN(r, 2023, "376"),
			    "Episodes:3 Episodes:4 Episodes:5");
	s903_return_release(&r);
}

static void test_377(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,RNE,DECOM,DEC,PLACE\n"
		 "111,P,01/06/2020,05/06/2020,T3\n"	/* 2 flagged */
		 "111,P,05/06/2020,06/06/2020,P3\n"	/* 3 */
		 "111,T,06/06/2020,08/06/2020,T3\n"	/* 4 flagged */
		 "111,B,08/06/2020,20/06/2020,T3\n"	/* 5 flagged */
		 "222,B,05/06/2020,06/06/2020,T3\n"	/* 6 one */
		 "333,B,06/06/2020,10/06/2020,T3\n"	/* 7 two */
		 "333,U,10/06/2020,,T3\n"		/* 8 */
		 "444,B,07/06/2020,08/06/2020,T3\n"	/* 9 flagged */
		 "444,B,08/06/2020,09/06/2020,oo\n"	/* 10 */
		 "444,T,09/06/2020,15/06/2020,T3\n"	/* 11 flagged */
		 "444,B,15/06/2020,20/06/2020,T3\n"	/* 12 flagged */
		 "6666,P,11/06/2020,12/06/2020,oo\n"	/* 13 */
		 "6666,P,12/06/2020,13/06/2020,T3\n"	/* 14 flagged */
		 "6666,P,13/06/2020,14/06/2020,T3\n"	/* 15 flagged */
		 "6666,P,14/06/2020,,T3\n"		/* 16 flagged */
		 /* three, but never three within 12 months */
		 "888,P,01/01/2019,15/01/2019,T3\n"	/* 17 */
		 "888,P,01/12/2019,15/12/2019,T3\n"	/* 18 */
		 "888,P,01/02/2020,15/02/2020,T3\n"	/* 19 */
		 /* three within 12 months */
		 "999,P,01/01/2019,02/01/2019,T3\n"	/* 20 flagged */
		 "999,P,01/12/2019,02/12/2019,T3\n"	/* 21 flagged */
		 "999,P,31/12/2019,01/01/2020,T3\n"	/* 22 flagged */
		 /*
		  * Starts 14 months apart, but the first placement lasted
		  * into the year of the other two (the peer's fixture,
		  * child 330904): three in the 12 months from 28/07/2017.
		  */
		 "1000,P,27/12/2016,28/07/2017,T3\n"	/* 23 flagged */
		 "1000,L,28/07/2017,08/03/2018,T3\n"	/* 24 flagged */
		 "1000,T,08/03/2018,,T3\n");		/* 25 flagged */
	assert_string_equal(RUN(r, 2023, "377"),
			    "Episodes:23 Episodes:24 Episodes:25 "
			    "Episodes:2 Episodes:4 Episodes:5 Episodes:9 "
			    "Episodes:11 Episodes:12 Episodes:14 Episodes:15 "
			    "Episodes:16 Episodes:20 Episodes:21 Episodes:22");
	s903_return_release(&r);
}

static void test_378(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,PLACE,LS,REC\n"
		 "11,P1,x,x\n"
		 "202,x,D1,x\n"
		 "3003,A4,D1,E12\n"
		 "40004,P1,V2,E12\n"	/* 5 */
		 "5005,A5,x,x\n"
		 "606,A6,V2,x\n"
		 "77,x,x,x\n");
	assert_string_equal(RUN(r, 2023, "378"), "Episodes:5");
	s903_return_release(&r);
}

static void test_379(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,DECOM,DEC,PLACE\n"
		 "111,01/01/2020,08/01/2020,T4\n"	/* 2: 7 days */
		 "222,01/02/2020,09/02/2020,T4\n"	/* 3: 8 */
		 "333,02/03/2020,09/03/2020,T4\n"	/* 4: 7 */
		 "444,15/03/2010,25/03/2010,T4\n"	/* 5: 10 */
		 "555,15/03/2004,22/03/2004,T4\n"	/* 6: 7 */
		 "666,14/03/2014,25/03/2014,P2\n");	/* 7 */
	fx_table(&r, S903_HEADER,
		 "CHILD,DOB\n"
		 "111,08/01/2020\n"
		 "222,08/02/2020\n"
		 "333,09/03/2020\n"
		 "444,22/03/2010\n"
		 "555,22/03/2004\n"
		 "666,21/03/2014\n");
	assert_string_equal(RUN(r, 2023, "379"), "Episodes:3 Episodes:5");
	s903_return_release(&r);
}

static void test_380(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,RNE,PLACE\n"
		 "1,S,U1\n"
		 "2,L,T0\n"	/* 3 */
		 "3,P,U2\n"
		 "4,B,Z1\n"
		 "5,P,T1\n"
		 "6,,\n"
		 "7,S,T4\n");	/* 8 */
	assert_string_equal(RUN(r, 2023, "380"), "Episodes:3 Episodes:8");
	s903_return_release(&r);
}

static void test_381(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,REC,PLACE\n"
		 "1,X1,T3\n"
		 "2,E3,T0\n"	/* 3 */
		 "3,X1,U2\n"
		 "4,,T2\n"
		 "5,X1,T1\n"
		 "6,,\n");
	assert_string_equal(RUN(r, 2023, "381"), "Episodes:3");
	s903_return_release(&r);
}

static void test_382(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,PLACE,LS\n"
		 "1,T0,V3\n"	/* 2 */
		 "2,R4,V3\n"
		 "3,T1,X3\n"
		 "4,T2,V4\n"	/* 5 */
		 "5,T3,V4\n");	/* 6 */
	assert_string_equal(RUN(r, 2023, "382"),
			    "Episodes:2 Episodes:5 Episodes:6");
	s903_return_release(&r);
}

static void test_383(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,RNE,DECOM,PLACE,PL_POST\n"
		 "111,S,01/06/2020,S1,CF10 1AA\n"	/* 2 */
		 "111,S,05/06/2020,T1,CF10 1AA\n"	/* 3 */
		 "111,T,06/06/2020,S1,CF10 1AA\n"	/* 4 RNE not P */
		 "222,S,05/06/2020,T1,CF10 1AA\n"	/* 5 */
		 "333,S,06/06/2020,S1,CF10 1AA\n"	/* 6 */
		 "333,S,10/06/2020,T1,CF10 1AA\n"	/* 7 */
		 "333,P,12/06/2020,S2,CF10 1AA\n"	/* 8 not S1 */
		 "444,S,08/06/2020,T1,CF10 1AA\n"	/* 9 */
		 "444,S,09/06/2020,P4,CF10 1AA\n"	/* 10 */
		 "444,S,15/06/2020,T1,CF10 1AA\n"	/* 11 */
		 "6666,S,12/06/2020,T1,CF10 1AA\n"	/* 12 */
		 "6666,S,13/06/2020,T1,CF10 1AA\n"	/* 13 */
		 "6666,P,14/06/2020,T1,CF10 1AA\n"	/* 14 */
		 "777,P,01/06/2020,S1,CF10 1AA\n"	/* 15 */
		 "777,S,05/06/2020,T1,CF10 2BB\n"	/* 16 */
		 "777,P,06/06/2020,S1,CF10 3CC\n"	/* 17 other home */
		 "888,P,01/06/2020,S1,\n"		/* 18 */
		 "888,S,05/06/2020,T1,\n"		/* 19 */
		 "888,P,06/06/2020,S1,\n");		/* 20 both blank */
	/* until 2025 the postcode is not compared */
	assert_string_equal(RUN(r, 2025, "383"), "Episodes:4 Episodes:8");
	assert_string_equal(RUN(r, 2026, "383"),
			    "Episodes:4 Episodes:8 Episodes:17");
	s903_return_release(&r);
}

static void test_384(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,PLACE,LS\n"
		 "11,U1,V4\n"		/* 2 */
		 "202,x,D1\n"
		 "3003,U4,V3\n"		/* 4 */
		 "40004,P1,V3\n"
		 "5005,A5,x\n"
		 "606,A6,V4\n"
		 "77,x,x\n");
	assert_string_equal(RUN(r, 2023, "384"), "Episodes:2 Episodes:4");
	s903_return_release(&r);
}

static void test_385(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,DEC\n"
		 "1,14/03/2023\n"
		 "2,08/09/2023\n"	/* 3 */
		 "3,03/10/2022\n"
		 "4,01/04/2023\n"	/* 5: the day after */
		 "5,\n"
		 "6,31/03/2023\n");	/* 7: the last day */
	assert_string_equal(RUN(r, 2023, "385"), "Episodes:3 Episodes:5");
	assert_string_equal(RUN(r, 2024, "385"), "");
	s903_return_release(&r);
}

static void test_386(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,REC,DEC\n"
		 "101,E11,15/03/2021\n"
		 "102,E12,17/06/2020\n"
		 "101,X1,20/03/2020\n"
		 "102,,\n"
		 "103,E11,23/08/2020\n"	/* 6: aged 19 */
		 "104,E11,\n"
		 "105,E12,01/02/2021\n");	/* 8: 18th birthday */
	fx_table(&r, S903_HEADER,
		 "CHILD,DOB\n"
		 "101,16/03/2020\n"
		 "102,23/09/2002\n"
		 "103,31/12/2000\n"
		 "104,01/02/2003\n"
		 "105,01/02/2003\n");
	assert_string_equal(RUN(r, 2023, "386"), "Episodes:6 Episodes:8");
	s903_return_release(&r);
}

static void test_388(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,DECOM,DEC,REC\n"
		 "111,01/06/2020,04/06/2020,X1\n"	/* 2 gap */
		 "111,05/06/2020,06/06/2020,X1\n"	/* 3 */
		 "111,06/06/2020,08/06/2020,X1\n"	/* 4 */
		 "111,08/06/2020,05/06/2020,X1\n"	/* 5 last X1 */
		 "222,05/06/2020,06/06/2020,\n"		/* 6 */
		 "333,06/06/2020,07/06/2020,E11\n"	/* 7 no gap */
		 "333,07/06/2020,,\n"			/* 8 */
		 "444,08/06/2020,09/06/2020,X1\n"	/* 9 */
		 "444,09/06/2020,10/06/2020,E11\n"	/* 10 */
		 "444,15/06/2020,,\n"			/* 11 */
		 "555,11/06/2020,12/06/2020,X1\n"	/* 12 last X1 */
		 "6666,12/06/2020,13/06/2020,X1\n"	/* 13 */
		 "6666,13/06/2020,14/06/2020,X1\n"	/* 14 */
		 "6666,14/06/2020,15/06/2020,X1\n"	/* 15 */
		 "6666,15/06/2020,16/06/2020,X1\n"	/* 16 last X1 */
		 "77777,16/06/2020,17/06/2020,X1\n"	/* 17 */
		 "77777,17/06/2020,18/06/2020,X1\n"	/* 18 */
		 "77777,18/06/2020,,\n"			/* 19 */
		 "999,31/06/2020,,\n"			/* 20 */
		 "123,,,\n");				/* 21 */
	assert_string_equal(RUN(r, 2023, "388"),
			    "Episodes:2 Episodes:5 Episodes:7 Episodes:12 "
			    "Episodes:16");
	s903_return_release(&r);
}

static void test_389(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,REC,DEC\n"
		 "101,E7,16/03/2021\n"	/* 2: 16th birthday */
		 "102,E7,17/06/2020\n"
		 "101,X1,20/03/2020\n"
		 "102,,\n"
		 "103,E7,23/08/2020\n"	/* 6: aged 5 */
		 "104,E7,15/03/2021\n"	/* 7: day before 16 */
		 /*
		  * No DEC: under 16 even at the year's end (the peer's
		  * fixture, child 430147), and over 16 by then.
		  */
		 "105,E7,\n"		/* 8 */
		 "106,E7,\n");		/* 9 */
	fx_table(&r, S903_HEADER,
		 "CHILD,DOB\n"
		 "101,16/03/2005\n"
		 "102,23/09/2002\n"
		 "103,31/12/2014\n"
		 "103,31/12/2014\n"
		 "104,16/03/2005\n"
		 "105,14/04/2010\n"
		 "106,14/04/2006\n");
	assert_string_equal(RUN(r, 2023, "389"),
			    "Episodes:6 Episodes:7 Episodes:8");
	s903_return_release(&r);
}

static void test_390(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,PLACE,LS,REC\n"
		 "11,P1,x,E11\n"	/* 2 */
		 "202,x,D1,x\n"
		 "3003,A4,D1,E12\n"
		 "40004,P1,V2,E12\n"	/* 5 */
		 "5005,A5,x,E11\n"
		 "606,A6,V2,x\n"
		 "77,x,x,x\n");
	assert_string_equal(RUN(r, 2023, "390"), "Episodes:2 Episodes:5");
	s903_return_release(&r);
}

static void test_392c(void **state)
{
	const struct v_rule *rule = v_rule_find("392c", 2023, V_WALES);

	(void)state;
	/* a todo: registered, documented, never run */
	assert_non_null(rule);
	assert_non_null(rule->todo);
	assert_null(rule->child);
}

static void test_392d(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,PLACE,PL_POST,HOME_POST\n"
		 "1,P2,BN20,BN20\n"	/* 2 */
		 "2,P1,BN20,BN20\n"	/* 3 with parents */
		 "3,P2,BN21,BN20\n"	/* 4 */
		 "4,P2,,\n");		/* 5 neither known */
	assert_string_equal(RUN(r, 2023, "392d"), "Episodes:2");
	s903_return_release(&r);
}

static void test_393(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_HEADER,
		 "CHILD,SEX,MOTHER\n"
		 "101,F,1\n"
		 "102,M,\n"
		 "103,F,0\n"
		 "104,F,\n"	/* 5: F, from 2025 */
		 "105,F,\n"	/* 6: respite only */
		 "106,2,\n"	/* 7: 2, until 2024 */
		 "107,F,\n");	/* 8: F, respite then care */
	fx_table(&r, S903_EPISODES,
		 "CHILD,LS,DECOM\n"
		 "101,C2,01/05/2024\n"
		 "102,C2,01/05/2024\n"
		 "103,C2,01/05/2024\n"
		 "104,C1,01/05/2024\n"
		 "105,V4,01/05/2024\n"
		 "106,C2,01/05/2024\n"
		 "107,V3,01/05/2024\n"
		 "107,C2,01/06/2024\n");
	assert_string_equal(RUN(r, 2024, "393"), "Header:7");
	assert_string_equal(RUN(r, 2025, "393"), "Header:5 Header:8");
	s903_return_release(&r);
}

static void test_398(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,HOME_POST,LS,PL_POST\n"
		 "1,AB1 0JD,V3,AB1 0JD\n"	/* 2 */
		 "2,invalid,U1,AB1 0JD\n"
		 "3,AB1 0JD,V4,\n"		/* 4 */
		 "4,invalid,T1,invalid\n"
		 "5,AB10JD,U1,AB1 0JD\n"
		 "6,,V3,\n"			/* 7 none */
		 "7,,V4,AB1 0JD\n");		/* 8 */
	assert_string_equal(RUN(r, 2023, "398"),
			    "Episodes:2 Episodes:4 Episodes:8");
	s903_return_release(&r);
}

static void test_407(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,DEC,REC\n"
		 "101,01/01/2009,E45\n"
		 "102,01/01/2001,A3\n"
		 "103,20/12/2001,E15\n"
		 "104,03/01/2019,E46\n"	/* 5: aged 19 */
		 "105,03/04/2008,E48\n"
		 "106,01/01/2002,X2\n"
		 "107,10/01/2002,E11\n"
		 "108,11/02/2020,E48\n"	/* 9: the month after 18 */
		 "109,25/01/2002,X1\n"
		 "110,25/01/2002,E47\n"
		 "111,,E45\n"
		 "112,25/01/2002,E46\n"
		 "113,01/05/2020,E45\n");	/* 15: 18th birthday */
	fx_table(&r, S903_HEADER,
		 "CHILD,DOB\n"
		 "101,01/01/2000\n"
		 "102,01/01/2001\n"
		 "103,20/12/2001\n"
		 "104,01/01/2000\n"	/* 5 */
		 "105,03/01/2000\n"
		 "106,01/01/2002\n"
		 "107,10/01/2002\n"
		 "108,11/01/2002\n"	/* 9 */
		 "109,25/01/2002\n"
		 "110,25/01/2002\n"
		 "111,25/01/2002\n"
		 "112,\n"
		 "113,01/05/2002\n");
	assert_string_equal(RUN(r, 2023, "407"),
			    "Header:5 Header:9 Episodes:5 Episodes:9");
	s903_return_release(&r);
}

static void test_408(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,PLACE,LS\n"
		 "1,A5,S\n"	/* 2 */
		 "2,V4,T\n"
		 "3,A6,E1\n"
		 "4,U2,\n"
		 "5,A6,U\n"	/* 6 */
		 "6,A5,\n");	/* 7 */
	assert_string_equal(RUN(r, 2023, "408"),
			    "Episodes:2 Episodes:6 Episodes:7");
	s903_return_release(&r);
}

static void test_411(void **state)
{
	const struct v_rule *rule = v_rule_find("411", 2023, V_WALES);

	(void)state;
	assert_non_null(rule);
	assert_non_null(rule->todo);
	assert_null(rule->child);
}

static void test_420(void **state)
{
	struct s903_return r = S903_RETURN_INIT;
	static const char *const la[] = {
		"", "E08000001", "E06000001", "", "", "S12000033",
	};

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,LS\n"
		 "1,C2\n"
		 "2,V3\n"	/* 3 */
		 "3,V4\n"	/* 4 */
		 "4,V3\n"
		 "5,V4\n"
		 "6,C2\n");
	/* PL_LA is derived at import from PL_POST, not read */
	for (size_t i = 0; i < ARRAY_SIZE(la); i++)
		snprintf(r.episodes[i].pl_la, sizeof(r.episodes[i].pl_la),
			 "%s", la[i]);
	assert_string_equal(RUN(r, 2023, "420"), "Episodes:3 Episodes:4");
	s903_return_release(&r);
}

static void test_426(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,LS\n"
		 "111,V3\n"
		 "111,V3\n"
		 "222,V3\n"	/* 4 */
		 "222,V4\n"	/* 5 */
		 "222,C2\n"
		 "444,V3\n"
		 "555,V4\n"	/* 8 */
		 "555,V3\n"	/* 9 */
		 "555,V3\n");	/* 10 */
	assert_string_equal(RUN(r, 2023, "426"),
			    "Episodes:4 Episodes:5 Episodes:8 Episodes:9 "
			    "Episodes:10");
	s903_return_release(&r);
}

static void test_431(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,RNE,DECOM,DEC\n"
		 "111,S,01/06/2020,04/06/2020\n"
		 "111,S,05/06/2020,06/06/2020\n"
		 "111,T,06/06/2020,08/06/2020\n"
		 "111,S,08/06/2020,05/06/2020\n"	/* 5 */
		 "222,S,05/06/2020,06/06/2020\n"
		 "333,S,06/06/2020,07/06/2020\n"
		 "333,S,10/06/2020,\n"
		 "444,S,08/06/2020,09/06/2020\n"
		 "444,S,09/06/2020,10/06/2020\n"	/* 10 */
		 "444,S,15/06/2020,\n"
		 "555,S,11/06/2020,12/06/2020\n"
		 "6666,S,12/06/2020,13/06/2020\n"
		 "6666,S,13/06/2020,14/06/2020\n"	/* 14 */
		 "6666,S,14/06/2020,15/06/2020\n");	/* 15 */
	assert_string_equal(RUN(r, 2023, "431"),
			    "Episodes:5 Episodes:10 Episodes:14 Episodes:15");
	s903_return_release(&r);
}

static void test_432(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,RNE,DECOM,REC\n"
		 "111,P,01/06/2020,E2\n"
		 "111,P,05/06/2020,E3\n"	/* 3 */
		 "111,T,06/06/2020,E3\n"	/* 4 */
		 "111,S,08/06/2020,\n"
		 "222,S,05/06/2020,E3\n"
		 "333,B,06/06/2020,E3\n"
		 "333,U,10/06/2020,\n"		/* 8 */
		 "444,S,07/06/2020,E3\n"
		 "444,S,08/06/2020,E3\n"
		 "444,T,09/06/2020,E3\n"	/* 11 */
		 "444,S,15/06/2020,E3\n"
		 "555,P,01/06/2020,X1\n"
		 "555,P,02/06/2020,\n");	/* 14: after X1 */
	assert_string_equal(RUN(r, 2023, "432"),
			    "Episodes:3 Episodes:4 Episodes:8 Episodes:11");
	s903_return_release(&r);
}

static void test_433(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,DECOM,RNE,DEC\n"
		 "101,20/10/2021,S,20/11/2021\n"
		 "102,19/11/2021,P,\n"
		 "102,17/06/2021,P,19/11/2021\n"
		 "103,04/04/2020,B,12/09/2020\n"
		 "103,11/09/2020,B,06/05/2021\n"	/* 6 */
		 "103,07/05/2021,B,\n"			/* 7 */
		 "104,01/04/2020,S,\n"			/* 8 */
		 "104,01/05/2020,U,\n");		/* 9: prev open */
	assert_string_equal(RUN(r, 2023, "433"),
			    "Episodes:6 Episodes:7 Episodes:9");
	s903_return_release(&r);
}

static void test_434(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,DECOM,RNE,LS,PL_POST,URN,PLACE,PLACE_PROVIDER\n"
		 "111,01/01/2020,L,--,ooo,---,U1,PR1\n"
		 "111,01/02/2020,P,--,ooo,---,U1,PR1\n"
		 "111,01/12/2020,L,--,ooo,---,U1,PR1\n"	/* 4: same LS */
		 "111,01/03/2020,P,--,ooo,---,U1,PR1\n"
		 "222,01/01/2020,L,--,---,---,U1,PR1\n"
		 "222,01/02/2020,L,xx,---,---,U1,PR1\n"
		 "222,01/03/2020,L,oo,---,xxx,U1,PR1\n"	/* 8: URN */
		 "222,01/04/2020,L,C2,xxx,xxx,U1,PR1\n"	/* 9: PL_POST */
		 "333,01/03/2020,P,C1,---,,U1,PR1\n"
		 "333,01/04/2020,L,C2,---,,U1,PR1\n");	/* 11: fine */
	assert_string_equal(RUN(r, 2023, "434"),
			    "Episodes:4 Episodes:8 Episodes:9");
	s903_return_release(&r);
}

static void test_435(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,DECOM,RNE,LS,PL_POST,URN,PLACE,PLACE_PROVIDER\n"
		 "111,01/06/2020,P,L1,XX1,SC112,R1,PR1\n"
		 "111,03/06/2020,P,L1,XX3,SC112,R1,PR1\n"
		 "111,04/06/2020,P,L1,XX3,SC112,R1,PR1\n"	/* 4 */
		 "111,05/06/2020,P,L1,XX1,SC112,R1,PR1\n"
		 "222,07/06/2020,P,L1,XX1,SC112,R1,PR4\n"
		 "222,08/06/2020,P,L1,XX1,SC112,R1,PR1\n"
		 "222,09/06/2020,P,L3,XX1,SC112,R1,PR1\n"	/* 8 */
		 /* no URN either time: still the same placement */
		 "333,01/06/2020,P,C2,XX1,,U1,PR1\n"
		 "333,02/06/2020,T,C2,XX1,,U1,PR1\n"		/* 10 */
		 "333,03/06/2020,P,C2,XX2,,U1,PR1\n");	/* 11 moved */
	assert_string_equal(RUN(r, 2023, "435"),
			    "Episodes:4 Episodes:8 Episodes:10");
	s903_return_release(&r);
}

static void test_436(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,DECOM,RNE,LS,PLACE,PL_POST,URN,PLACE_PROVIDER\n"
		 "11,03/06/2020,P,P,X1,X1,R,b\n"	/* 2 */
		 "11,05/06/2020,U,X,X1,X1,a,b\n"	/* 3 */
		 "11,06/06/2020,B,P,X1,X1,a,b\n"	/* 4 same place */
		 "11,08/06/2020,U,X,X1,TT,a,b\n"	/* 5 */
		 "22,05/06/2020,U,P,,X1,a,b\n"		/* 6 */
		 "33,06/06/2020,P,P,E1,X1,a,b\n"	/* 7 */
		 "33,07/06/2020,B,,,X1,a,b\n"		/* 8 */
		 "44,08/06/2020,T,P,X1,X1,a,b\n"	/* 9 */
		 "44,09/06/2020,B,P,E1,X1,a,b\n"	/* 10 same LS */
		 "44,15/06/2020,B,P,,X1,a,b\n"		/* 11 same LS */
		 "55,11/06/2020,P,P,X1,X1,a,b\n"	/* 12 */
		 "66,12/06/2020,P,P,X1,X1,a,b\n"	/* 13 */
		 "66,13/06/2020,P,P,X1,X1,a,b\n"	/* 14 */
		 "66,14/06/2020,B,X,X1,X1,a,b\n"	/* 15 same place */
		 "66,15/06/2020,P,P,X1,X1,a,b\n"	/* 16 */
		 "77,16/06/2020,P,P,X1,X1,a,b\n"	/* 17 */
		 "77,17/06/2020,B,P,X1,X1,a,b\n"	/* 18 both */
		 "77,18/06/2020,P,,,X1,a,b\n"		/* 19 */
		 "99,31/06/2020,P,,,X1,a,b\n"		/* 20 */
		 "12,,U,,,X1,a,b\n");			/* 21 */
	assert_string_equal(RUN(r, 2023, "436"),
			    "Episodes:4 Episodes:10 Episodes:11 Episodes:15 "
			    "Episodes:18");
	s903_return_release(&r);
}

static void test_437(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,DECOM,REC\n"
		 "101,20/10/2021,E2\n"		/* 2 last */
		 "102,19/11/2021,E15\n"		/* 3 last */
		 "102,17/06/2021,X1\n"
		 "103,04/04/2020,X1\n"
		 "103,11/09/2020,E15\n"		/* 6 more after */
		 "103,07/05/2021,\n"
		 "104,15/02/2020,X1\n"
		 "104,09/04/2020,E4a\n"
		 "104,24/09/2020,X1\n"
		 "104,30/06/2021,\n"
		 "105,20/12/2020,X1\n"
		 "106,01/01/2020,E2\n"		/* 13 more after */
		 "106,01/02/2020,X1\n");
	assert_string_equal(RUN(r, 2023, "437"), "Episodes:6 Episodes:13");
	s903_return_release(&r);
}

static void test_442(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,LS\n"
		 "101,\n"
		 "102,L4\n"
		 "103,\n"
		 "104,L4\n"
		 "105,L1\n"
		 "106,V4\n"
		 "108,V3\n"
		 "999,XO\n");
	fx_table(&r, S903_HEADER,
		 "CHILD,UPN\n"
		 "101,\n"		/* 2 */
		 "102,H801200001001\n"
		 "103,UN1\n"
		 "104,UN2\n"
		 "105,\n"		/* 6 */
		 "106,UN3\n"
		 "108,\n"		/* 8: respite only */
		 "110,\n");		/* 9: no episodes */
	assert_string_equal(RUN(r, 2023, "442"), "Header:2 Header:6");
	s903_return_release(&r);
}

static void test_446(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,LS,DECOM\n"
		 "1,E1,01/12/2005\n"
		 "2,E1,15/05/2012\n"
		 "3,E1,\n"
		 "4,E1,20/09/2004\n"	/* 5 */
		 "5,E1,30/11/2005\n"	/* 6 */
		 "6,C1,20/02/2005\n");
	assert_string_equal(RUN(r, 2023, "446"), "Episodes:5 Episodes:6");
	s903_return_release(&r);
}

static void test_454(void **state)
{
	struct s903_return r = S903_RETURN_INIT;
	/* tenths of a mile: 350, 999.9, 349, 999, 998, 351, none */
	static const int32_t d[] = { 3500, 9999, 3490, 9990, 9980, 3510, -1 };

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD\n1\n2\n3\n4\n5\n6\n7\n");
	/* PL_DISTANCE is derived at import from the postcodes */
	for (size_t i = 0; i < ARRAY_SIZE(d); i++)
		r.episodes[i].pl_distance = d[i];
	assert_string_equal(RUN(r, 2026, "454"),
			    "Episodes:5 Episodes:6 Episodes:7");
	/* new in 2025-26 */
	assert_string_equal(RUN(r, 2025, "454"), "");
	s903_return_release(&r);
}

static void test_460(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,REC,DEC\n"
		 "101,E17,16/03/2023\n"	/* 18th birthday */
		 "102,E17,17/06/2020\n"	/* 3: aged 17 */
		 "101,X1,20/03/2020\n"
		 "102,,\n"
		 "103,E17,23/08/2020\n"
		 "104,E17,23/08/2020\n"	/* no DOB */
		 "105,E17,14/04/2023\n"	/* 8: the day before */
		 "106,E17,13/04/2023\n");	/* 9: two days before */
	fx_table(&r, S903_HEADER,
		 "CHILD,DOB\n"
		 "101,16/03/2005\n"
		 "102,23/09/2002\n"
		 "103,31/12/2000\n"
		 "104,\n"
		 "105,15/04/2005\n"
		 "106,15/04/2005\n");
	/* Wales: care ends on the day before the 18th birthday */
	assert_string_equal(RUN(r, 2023, "460"), "Episodes:3 Episodes:9");
	/* England: on the birthday or later */
	assert_string_equal(fx_run(&r, NULL, 2023, V_ENGLAND, "460"),
			    "Episodes:3 Episodes:8 Episodes:9");
	s903_return_release(&r);
}

static void test_501(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,DECOM,DEC\n"
		 "111,01/06/2020,04/06/2020\n"
		 "111,02/06/2020,06/06/2020\n"	/* 3 */
		 "111,06/06/2020,\n"
		 "111,08/06/2020,09/06/2020\n"
		 "222,10/06/2020,11/06/2020\n"
		 "333,04/06/2020,07/06/2020\n"
		 "333,05/06/2020,\n"		/* 8 */
		 "444,08/06/2020,09/06/2020\n"
		 "444,08/06/2020,10/06/2020\n"	/* 10 */
		 "444,15/06/2020,\n");
	assert_string_equal(RUN(r, 2023, "501"),
			    "Episodes:3 Episodes:8 Episodes:10");
	s903_return_release(&r);
}

static void test_504(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,DECOM,DEC,REC,CIN\n"
		 "111,01/06/2020,04/06/2020,X1,N1\n"
		 "111,04/06/2020,06/06/2020,X1,N2\n"	/* 3 */
		 "111,06/06/2020,,X1,N3\n"		/* 4 */
		 "111,08/06/2020,09/06/2020,X1,N2\n"
		 "222,10/06/2020,11/06/2020,X1,N3\n"
		 "333,04/06/2020,07/06/2020,X1,N4\n"
		 "333,07/06/2020,,X1,N1\n"		/* 8 */
		 "444,08/06/2020,09/06/2020,X1,N2\n"
		 "444,08/06/2020,10/06/2020,X1,N3\n"
		 "444,10/06/2020,,X1,N4\n"		/* 11 */
		 "555,01/06/2020,04/06/2020,E3,N1\n"
		 "555,04/06/2020,,,N2\n");		/* 13: new period */
	assert_string_equal(RUN(r, 2023, "504"),
			    "Episodes:3 Episodes:4 Episodes:8 Episodes:11");
	s903_return_release(&r);
}

static void test_516(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,REC,PLACE\n"
		 "01,E45,U1\n"
		 "02,E46,U2\n"
		 "03,,U3\n"
		 "04,E45,Z1\n"	/* 5 */
		 "05,E46,S1\n"	/* 6 */
		 "06,E45,R1\n"	/* 7 */
		 "07,E45,U4\n"
		 "08,E2,K2\n"
		 "09,E2,K2\n"
		 "10,E46,T1\n"	/* 11 */
		 "11,E46,U6\n"
		 "12,E46,xx\n");	/* 13 */
	assert_string_equal(RUN(r, 2023, "516"),
			    "Episodes:5 Episodes:6 Episodes:7 Episodes:11 "
			    "Episodes:13");
	s903_return_release(&r);
}

static void test_526(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,PLACE,PLACE_PROVIDER\n"
		 "1,E1,PR1\n"
		 "2,P0,PR2\n"
		 "3,T1,\n"
		 "4,T3,PR0\n"
		 "5,Z1,\n"	/* 6: exempt until 2025 */
		 "6,P0,\n");	/* 7 */
	assert_string_equal(RUN(r, 2025, "526"), "Episodes:7");
	assert_string_equal(RUN(r, 2026, "526"), "Episodes:6 Episodes:7");
	s903_return_release(&r);
}

static void test_527(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,PLACE,PLACE_PROVIDER\n"
		 "1,P1,PR1\n"	/* 2 */
		 "2,A3,PR3\n"
		 "3,K1,PR4\n"
		 "4,R2,PR1\n"	/* 5 */
		 "5,R5,PR1\n"	/* 6 */
		 "6,X1,PR1\n");
	assert_string_equal(RUN(r, 2023, "527"),
			    "Episodes:2 Episodes:5 Episodes:6");
	s903_return_release(&r);
}

static void test_528(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,PLACE,PLACE_PROVIDER\n"
		 "1,P1,PR2\n"	/* 2 */
		 "2,A3,PR3\n"
		 "3,K1,PR2\n"
		 "4,P1,PR4\n"
		 "5,P1,PR5\n"
		 "6,R2,PR2\n");	/* 7 */
	assert_string_equal(RUN(r, 2023, "528"), "Episodes:2 Episodes:7");
	s903_return_release(&r);
}

static void test_529(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,PLACE_PROVIDER,PLACE\n"
		 "1,PR0,U1\n"
		 "2,PR1,U2\n"
		 "3,PR3,U3\n"	/* 4 */
		 "4,PR3,T1\n"
		 "5,,\n"
		 "6,PR3,A3\n");	/* 7 */
	assert_string_equal(RUN(r, 2023, "529"), "Episodes:4 Episodes:7");
	s903_return_release(&r);
}

static void test_530(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,PLACE,PLACE_PROVIDER\n"
		 "1,P1,PR4\n"	/* 2 */
		 "2,A3,PR3\n"
		 "3,K1,PR4\n"
		 "4,P1,PR4\n"	/* 5 */
		 "5,P1,PR5\n"
		 "6,P1,PRO\n");
	assert_string_equal(RUN(r, 2023, "530"), "Episodes:2 Episodes:5");
	s903_return_release(&r);
}

static void test_531(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,PLACE,PLACE_PROVIDER\n"
		 "1,P1,PR5\n"	/* 2 */
		 "2,A3,PR3\n"
		 "3,K1,PR4\n"
		 "4,P1,PR4\n"
		 "5,P1,PR5\n"	/* 6 */
		 "6,P1,PRO\n");
	assert_string_equal(RUN(r, 2023, "531"), "Episodes:2 Episodes:6");
	s903_return_release(&r);
}

static void test_542(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_OC2,
		 "CHILD,DOB,CONVICTED\n"
		 "1,08/03/2023,1\n"	/* 2 */
		 "2,22/06/2003,\n"
		 "3,,1\n"
		 "4,13/10/2003,1\n"
		 "5,10/01/2020,1\n"	/* 6 */
		 "6,31/03/2013,0\n"	/* 10 on 31 March */
		 "7,01/04/2013,0\n");	/* 8: 10 the day after */
	assert_string_equal(RUN(r, 2023, "542"),
			    "OC2:2 OC2:6 OC2:8");
	s903_return_release(&r);
}

static void test_550(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,PLACE,PLACE_PROVIDER\n"
		 "1,P1,PR0\n"
		 "2,P0,PR2\n"
		 "3,T1,PR4\n"
		 "4,T3,PR0\n"	/* 5 */
		 "5,T1,\n"
		 "6,P1,PR0\n"
		 "7,P0,PR0\n");	/* 8 */
	assert_string_equal(RUN(r, 2023, "550"), "Episodes:5 Episodes:8");
	s903_return_release(&r);
}

static void test_580(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,DEC,REC\n"
		 "111,01/06/2020,E7\n"	/* 2 */
		 "123,08/06/2020,E7\n"	/* 3 */
		 "222,05/06/2020,E8\n"
		 "333,06/06/2020,E5\n"	/* 5 */
		 "444,07/06/2020,E8\n"
		 "555,19/06/2020,E4A\n"	/* 7 */
		 "777,19/06/2020,E4A\n"	/* 8 */
		 "888,20/06/2020,E4A\n");	/* 9: back before 18 */
	fx_table(&r, S903_MISSING,
		 "CHILD,MISSING,MIS_END,DOB\n"
		 "111,M,01/06/2020,01/06/2002\n"
		 "123,M,08/06/2020,08/06/2002\n"
		 "222,M,05/06/2020,05/06/2002\n"
		 "333,M,06/06/2020,06/06/2002\n"
		 "444,M,08/06/2020,08/06/2002\n"
		 "444,M,09/06/2020,09/06/2002\n"
		 "555,M,19/06/2020,19/06/2002\n"
		 "777,A,19/06/2020,19/06/2002\n"
		 "888,M,19/06/2020,20/06/2002\n");
	assert_string_equal(RUN(r, 2023, "580"),
			    "Episodes:2 Episodes:3 Episodes:5 Episodes:7 "
			    "Episodes:8");
	s903_return_release(&r);
}

static void test_607(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	/* the DfE's cases moved on four years: year 2025 */
	fx_table(&r, S903_EPISODES,
		 "CHILD,DEC,REC,LS\n"
		 "101,01/01/2025,,L1\n"
		 "102,01/01/2005,A3,V4\n"
		 "103,20/12/2005,E15,V3\n"
		 "104,03/01/2024,E46,L4\n"	/* 5: 2024 only, F */
		 "105,03/04/2024,E48,L1\n"	/* 6 */
		 "105,01/07/2024,X2,XO\n"	/* 7 */
		 "105,10/01/2025,E11,L4\n"	/* 8 */
		 "108,11/02/2025,E48,L1\n"
		 "109,25/01/2006,X1,XO\n"
		 "110,25/01/2025,E47,\n"	/* 11 */
		 "111,,E45,L4\n"
		 "112,25/08/2024,E46,XO\n"
		 "113,01/06/2023,E3,C2\n"	/* 14: 2024, SEX 2 */
		 "114,01/06/2024,E3,C2\n");	/* 15: SEX 2 in 2025 */
	fx_table(&r, S903_HEADER,
		 "CHILD,SEX,MOTHER\n"
		 "101,F,\n"
		 "102,F,0\n"
		 "103,F,\n"
		 "104,F,\n"
		 "105,F,\n"	/* 6 */
		 "108,M,\n"
		 "109,F,0\n"
		 "110,F,\n"	/* 9 */
		 "111,F,0\n"
		 "112,F,1\n"
		 "113,2,\n"	/* 12 */
		 "114,2,\n");	/* 13 */
	assert_string_equal(RUN(r, 2025, "607"),
			    "Header:6 Header:9 Episodes:6 Episodes:7 "
			    "Episodes:8 Episodes:11");
	assert_string_equal(RUN(r, 2024, "607"), "Header:12 Episodes:14");
	s903_return_release(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_373), cmocka_unit_test(test_374),
		cmocka_unit_test(test_375), cmocka_unit_test(test_376),
		cmocka_unit_test(test_377), cmocka_unit_test(test_378),
		cmocka_unit_test(test_379), cmocka_unit_test(test_380),
		cmocka_unit_test(test_381), cmocka_unit_test(test_382),
		cmocka_unit_test(test_383), cmocka_unit_test(test_384),
		cmocka_unit_test(test_385), cmocka_unit_test(test_386),
		cmocka_unit_test(test_388), cmocka_unit_test(test_389),
		cmocka_unit_test(test_390), cmocka_unit_test(test_392c),
		cmocka_unit_test(test_392d), cmocka_unit_test(test_393),
		cmocka_unit_test(test_398), cmocka_unit_test(test_407),
		cmocka_unit_test(test_408), cmocka_unit_test(test_411),
		cmocka_unit_test(test_420), cmocka_unit_test(test_426),
		cmocka_unit_test(test_431), cmocka_unit_test(test_432),
		cmocka_unit_test(test_433), cmocka_unit_test(test_434),
		cmocka_unit_test(test_435), cmocka_unit_test(test_436),
		cmocka_unit_test(test_437), cmocka_unit_test(test_442),
		cmocka_unit_test(test_446), cmocka_unit_test(test_454),
		cmocka_unit_test(test_460), cmocka_unit_test(test_501),
		cmocka_unit_test(test_504), cmocka_unit_test(test_516),
		cmocka_unit_test(test_526), cmocka_unit_test(test_527),
		cmocka_unit_test(test_528), cmocka_unit_test(test_529),
		cmocka_unit_test(test_530), cmocka_unit_test(test_531),
		cmocka_unit_test(test_542), cmocka_unit_test(test_550),
		cmocka_unit_test(test_580), cmocka_unit_test(test_607),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
