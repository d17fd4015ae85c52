/*
 * u-rules-cross.c: the rules that compare a return with last year's, the
 * care leaver rules over the child's episodes and the integrity checks
 * (src/validate/rules-cross.c), each with cases that must be flagged and
 * cases that must not.  Most cases are the DfE validator's own tests
 * (csc-validator-be-903), moved into a collection year cartref names.
 *
 * Children are numbered so that they sort in the order of the lines, as
 * fx_run() lists rows in the order of the sorted return.
 */
#include "unit.h"
#include "v-fixture.h"

#define RUN(r, prev, year, code) fx_run(r, prev, year, V_WALES, code)

/* The episode read from a line (derived fields are set by the import). */
static struct s903_episode *ep_at(struct s903_return *r, uint32_t line)
{
	for (size_t i = 0; i < r->nepisodes; i++)
		if (r->episodes[i].line == line)
			return &r->episodes[i];
	fail_msg("no episode on line %u", line);
	return NULL;
}

static void dist(struct s903_return *r, uint32_t line, int32_t tenths)
{
	ep_at(r, line)->pl_distance = tenths;
}

static void pl_la(struct s903_return *r, uint32_t line, const char *la)
{
	snprintf(ep_at(r, line)->pl_la, sizeof(ep_at(r, line)->pl_la), "%s",
		 la);
}

static void release(struct s903_return *r, struct s903_return *prev)
{
	s903_return_release(r);
	if (prev)
		s903_return_release(prev);
}

/* ---- care leavers ------------------------------------------------------ */

static void test_1000(void **state)
{
	struct s903_return r = S903_RETURN_INIT, p = S903_RETURN_INIT;

	(void)state;
	fx_table(&p, S903_EPISODES,
		 "CHILD,DECOM,REC\n"
		 "101,01/04/2024,X1\n"
		 "101,01/05/2024,\n"
		 "102,01/04/2024,\n"
		 "102,01/05/2024,E2\n"		/* died last year */
		 "103,01/04/2024,E4a\n");
	fx_table(&r, S903_EPISODES,
		 "CHILD,DECOM,REC\n"
		 "104,01/04/2025,X1\n"
		 "105,01/05/2025,E2\n");	/* died this year */
	fx_table(&r, S903_OC3,
		 "CHILD,IN_TOUCH\n"
		 "101,YES\n102,YES\n103,YES\n104,YES\n105,YES\n");
	assert_string_equal(RUN(&r, &p, 2026, "1000"), "OC3:3 OC3:6");
	/* without last year's return, this year's death only */
	assert_string_equal(RUN(&r, NULL, 2026, "1000"), "OC3:6");
	/* before 2023: the first rule set known, the same answer */
	assert_string_equal(RUN(&r, NULL, 2022, "1000"), "OC3:6");
	release(&r, &p);
}

static void test_1001(void **state)
{
	struct s903_return r = S903_RETURN_INIT, p = S903_RETURN_INIT;

	(void)state;
	/* born 01/01/2008: 14 on 01/01/2022, 16 on 01/01/2024 */
	fx_table(&p, S903_EPISODES,
		 "CHILD,DECOM,DEC,LS,REC\n"
		 "1,01/01/2024,01/03/2024,C2,X1\n"	/* 60 days after 16 */
		 "2,01/01/2021,01/02/2022,C2,X1\n"	/* 31 days after 14 */
		 "7,01/01/2025,,C2,\n"		/* open: in both years */
		 "8,01/02/2022,01/08/2022,C2,X1\n");	/* 181, not at 16 */
	fx_table(&r, S903_EPISODES,
		 "CHILD,DECOM,DEC,LS,REC\n"
		 "1,01/04/2025,01/06/2025,C2,E4a\n"	/* + 61: passes */
		 "3,01/01/2025,01/12/2025,V3,E4a\n"	/* V3: not counted */
		 "4,01/01/2025,01/10/2025,C2,E11\n"	/* ended adopted */
		 "5,01/12/2025,,C2,\n"		/* open: 120 days */
		 "7,01/01/2025,15/03/2025,C2,E4a\n");	/* 73 days, once */
	fx_table(&r, S903_HEADER,
		 "CHILD,SEX,DOB\n"
		 "1,1,01/01/2008\n2,1,01/01/2008\n3,1,01/01/2008\n"
		 "4,1,01/01/2008\n5,1,01/01/2008\n"
		 "6,1,01/01/2005\n"		/* 20 by the end: skipped */
		 "7,1,01/01/2008\n8,1,01/01/2008\n");
	fx_table(&r, S903_OC3,
		 "CHILD,IN_TOUCH\n"
		 "1,YES\n2,YES\n3,YES\n4,YES\n5,YES\n6,YES\n7,YES\n"
		 "8,YES\n");
	assert_string_equal(RUN(&r, &p, 2026, "1001"),
			    "OC3:3 OC3:4 OC3:5 OC3:8 OC3:9");
	assert_string_equal(RUN(&r, NULL, 2026, "1001"), "");
	release(&r, &p);
}

static void test_1002(void **state)
{
	struct s903_return r = S903_RETURN_INIT, p = S903_RETURN_INIT;

	(void)state;
	fx_table(&p, S903_EPISODES,
		 "CHILD,DECOM,DEC\n"
		 "101,01/05/2024,20/06/2024\n"
		 "101,01/07/2024,\n"
		 "102,01/05/2024,\n"
		 "103,01/05/2024,06/08/2024\n");
	fx_table(&r, S903_EPISODES, "CHILD,DECOM,DEC\n101,01/04/2025,\n");
	fx_table(&r, S903_OC3, "CHILD,IN_TOUCH\n101,YES\n102,YES\n103,YES\n"
		 "104,YES\n");
	assert_string_equal(RUN(&r, &p, 2026, "1002"), "OC3:5");
	assert_string_equal(RUN(&r, NULL, 2026, "1002"), "");
	release(&r, &p);
}

static void test_1010(void **state)
{
	struct s903_return r = S903_RETURN_INIT, p = S903_RETURN_INIT;

	(void)state;
	fx_table(&p, S903_EPISODES,
		 "CHILD,DECOM,DEC\n"
		 "101,01/01/2024,20/06/2024\n"
		 "101,11/11/2024,\n"		/* open, but episodes now */
		 "102,03/10/2024,\n"		/* open, not the last */
		 "102,11/11/2024,14/03/2025\n"
		 "103,01/01/2024,01/01/2024\n"
		 "103,01/02/2024,01/05/2024\n"
		 "103,11/11/2024,\n");		/* open and last */
	fx_table(&r, S903_EPISODES, "CHILD,DECOM,DEC\n101,01/04/2025,\n");
	fx_table(&r, S903_OC3, "CHILD,IN_TOUCH\n101,YES\n102,YES\n103,YES\n");
	assert_string_equal(RUN(&r, &p, 2026, "1010"), "OC3:4");
	release(&r, &p);
}

static void test_1011(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,DECOM,REC\n"
		 "111,01/06/2025,E3\n"
		 "111,05/06/2025,E11\n"
		 "111,06/06/2025,E3\n"		/* final E3 */
		 "123,08/06/2025,X1\n"
		 "222,05/06/2025,E3\n"		/* final E3, OC3 blank */
		 "333,06/06/2025,X1\n"
		 "333,07/06/2025,E3\n"		/* final E3 */
		 "444,08/06/2025,E3\n"
		 "444,15/06/2025,X1\n"		/* final X1 */
		 "555,15/06/2025,E3\n");	/* final E3 */
	fx_table(&r, S903_OC3,
		 "CHILD,IN_TOUCH,ACTIV,ACCOM\n"
		 "111,YES,,S\n"
		 "222,,,\n"
		 "333,YES,,\n"
		 "444,YES,,\n"
		 "555,YES,,\n"
		 "777,YES,,\n");
	assert_string_equal(RUN(&r, NULL, 2026, "1011"),
			    "OC3:2 OC3:4 OC3:6");
	release(&r, NULL);
}

static void test_348(void **state)
{
	struct s903_return r = S903_RETURN_INIT, p = S903_RETURN_INIT;

	(void)state;
	fx_table(&p, S903_OC3, "CHILD,IN_TOUCH\n1,DIED\n2,YES\n3,DIED\n");
	fx_table(&r, S903_OC3, "CHILD,IN_TOUCH\n1,YES\n2,NO\n3,DIED\n4,YES\n");
	assert_string_equal(RUN(&r, &p, 2026, "348"), "OC3:2");
	/* new in 2025-26 */
	assert_string_equal(RUN(&r, &p, 2025, "348"), "");
	release(&r, &p);
}

/* ---- distances, postcodes, UASC ---------------------------------------- */

static void test_164(void **state)
{
	struct s903_return r = S903_RETURN_INIT, p = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,DECOM,LS\n"
		 "1,01/04/2025,C2\n"		/* 2: 1200.0 miles */
		 "1,01/05/2025,V3\n"		/* 3: V3: not checked */
		 "2,01/04/2025,C2\n"		/* 4: 3.5 miles */
		 "3,01/04/2025,C2\n"		/* 5: UASC last year */
		 "4,01/04/2025,C2\n");		/* 6: 999.9 miles */
	dist(&r, 2, 12000);
	dist(&r, 3, 12000);
	dist(&r, 4, 35);
	dist(&r, 5, 13800);
	dist(&r, 6, 9999);
	fx_table(&p, S903_UASC, "CHILD,DOB,DUC\n3,01/01/2008,01/01/2026\n");
	assert_string_equal(RUN(&r, &p, 2026, "164"), "Episodes:2");
	/* no UASC table in either year: former UASC unknown, no check */
	assert_string_equal(RUN(&r, NULL, 2026, "164"), "");
	release(&r, &p);
}

static void test_392a(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,DECOM,LS\n"
		 "1,01/04/2025,C2\n"		/* 2: no distance */
		 "1,01/05/2025,V4\n"		/* 3: V4 */
		 "2,01/04/2025,C2\n"		/* 4: a distance */
		 "3,01/04/2025,C2\n");		/* 5: UASC */
	dist(&r, 2, -1);
	dist(&r, 3, -1);
	dist(&r, 4, 0);
	dist(&r, 5, -1);
	assert_string_equal(RUN(&r, NULL, 2026, "392a"), "");
	fx_table(&r, S903_UASC, "CHILD,DOB,DUC\n3,01/01/2010,\n");
	assert_string_equal(RUN(&r, NULL, 2026, "392a"), "Episodes:2");
	release(&r, NULL);
}

static void test_392b(void **state)
{
	struct s903_return r = S903_RETURN_INIT, p = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,DECOM,LS,HOME_POST,PL_POST\n"
		 "1,01/04/2025,C2,,CF10 1AA\n"	/* 2: no HOME_POST */
		 "2,01/04/2025,C2,CF10 1AA,CF11 1AA\n"	/* 3 */
		 "3,01/04/2025,V3,,\n"			/* 4: V3 */
		 "4,01/04/2025,C2,,\n"		/* 5: UASC before */
		 "5,01/04/2025,C2,CF10 1AA,\n");	/* 6: no PL_POST */
	fx_table(&p, S903_UASC, "CHILD,DOB,DUC\n4,01/01/2008,01/01/2026\n");
	assert_string_equal(RUN(&r, &p, 2026, "392b"),
			    "Episodes:2 Episodes:6");
	assert_string_equal(RUN(&r, NULL, 2026, "392b"),
			    "Episodes:2 Episodes:5 Episodes:6");
	release(&r, &p);
}

static void test_406(void **state)
{
	struct s903_return r = S903_RETURN_INIT, p = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,DECOM\n"
		 "1,01/04/2025\n"	/* 2: UASC now, a distance */
		 "2,01/04/2025\n"	/* 3: UASC last year, a distance */
		 "3,01/04/2025\n"	/* 4: not UASC */
		 "4,01/04/2025\n");	/* 5: UASC, no distance */
	dist(&r, 2, 0);
	dist(&r, 3, 250);
	dist(&r, 4, 250);
	dist(&r, 5, -1);
	fx_table(&r, S903_UASC,
		 "CHILD,DOB,DUC\n1,01/01/2010,\n4,01/01/2010,\n");
	fx_table(&p, S903_UASC, "CHILD,DOB,DUC\n2,01/01/2007,01/01/2025\n");
	assert_string_equal(RUN(&r, &p, 2026, "406"),
			    "Episodes:2 Episodes:3");
	assert_string_equal(RUN(&r, NULL, 2026, "406"), "Episodes:2");
	release(&r, &p);
}

static void test_205a_205c_todo(void **state)
{
	(void)state;
	/* registered with a reason, never run */
	assert_non_null(v_rule_find("205A", 2026, V_WALES));
	assert_non_null(v_rule_find("205A", 2026, V_WALES)->todo);
	assert_non_null(v_rule_find("205C", 2026, V_WALES)->todo);
}

static void test_205b(void **state)
{
	struct s903_return r = S903_RETURN_INIT, p = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_HEADER,
		 "CHILD,SEX,DOB\n"
		 "1,1,10/10/2007\n2,1,10/10/2006\n3,1,10/10/2007\n"
		 "4,1,10/10/2007\n5,1,10/10/2007\n");
	fx_table(&r, S903_UASC,
		 "CHILD,DOB,DUC\n"
		 "1,10/10/2007,10/10/2025\n"	/* ceased this year: fine */
		 "2,10/10/2006,10/10/2024\n"	/* as last year: fine */
		 "3,10/10/2007,\n"		/* no longer ceased */
		 "4,10/10/2007,10/10/2025\n"	/* last year's not 18th */
		 "5,10/10/2007,\n");		/* UASC this year only */
	fx_table(&p, S903_HEADER,
		 "CHILD,SEX,DOB\n"
		 "1,1,10/10/2007\n2,1,10/10/2006\n3,1,10/10/2007\n"
		 "4,1,10/10/2007\n");
	fx_table(&p, S903_UASC,
		 "CHILD,DOB,DUC\n"
		 "1,10/10/2007,10/10/2025\n"
		 "2,10/10/2006,10/10/2024\n"
		 "3,10/10/2007,10/10/2025\n"
		 "4,10/10/2007,01/01/2025\n");
	assert_string_equal(RUN(&r, &p, 2026, "205B"),
			    "Header:4 Header:5 UASC:4 UASC:5");
	release(&r, &p);
}

static void test_205d(void **state)
{
	struct s903_return r = S903_RETURN_INIT, p = S903_RETURN_INIT;
	struct s903_return q = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_HEADER, "CHILD,SEX,DOB\n"
		 "1,1,01/01/2010\n2,1,01/01/2010\n3,1,01/01/2010\n"
		 "4,1,01/01/2010\n");
	fx_table(&r, S903_UASC, "CHILD,DOB,DUC\n1,01/01/2010,\n"
		 "2,01/01/2010,\n4,01/01/2010,\n");
	fx_table(&p, S903_HEADER, "CHILD,SEX,DOB\n"
		 "1,1,01/01/2010\n2,1,01/01/2010\n3,1,01/01/2010\n");
	fx_table(&p, S903_UASC, "CHILD,DOB,DUC\n2,01/01/2010,\n");
	/* 1: UASC now, in last year's Header but not UASC; 4: new */
	assert_string_equal(RUN(&r, &p, 2026, "205D"), "Header:2");
	/* last year's return had no UASC table: nothing to compare */
	fx_table(&q, S903_HEADER, "CHILD,SEX,DOB\n1,1,01/01/2010\n");
	assert_string_equal(RUN(&r, &q, 2026, "205D"), "");
	release(&r, &p);
	s903_return_release(&q);
}

/* ---- Header carried over ---------------------------------------------- */

static void test_202(void **state)
{
	struct s903_return r = S903_RETURN_INIT, p = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_HEADER, "CHILD,SEX\n"
		 "101,1\n102,2\n103,1\n104,2\n105,\n106,1\n108,\n109,2\n");
	fx_table(&p, S903_HEADER, "CHILD,SEX\n"
		 "101,1\n102,1\n103,2\n104,2\n105,\n107,1\n108,2\n109,\n");
	assert_string_equal(RUN(&r, &p, 2026, "202"),
			    "Header:3 Header:4 Header:8 Header:9");
	assert_string_equal(RUN(&r, NULL, 2026, "202"), "");
	release(&r, &p);
	/* 1/2 last year and M/F this year (the DfE's recoding) agree */
	fx_table(&r, S903_HEADER, "CHILD,SEX\n201,M\n202,F\n203,F\n204,M\n");
	fx_table(&p, S903_HEADER, "CHILD,SEX\n201,1\n202,2\n203,1\n204,2\n");
	assert_string_equal(RUN(&r, &p, 2025, "202"), "Header:4 Header:5");
	release(&r, &p);
}

static void test_203(void **state)
{
	struct s903_return r = S903_RETURN_INIT, p = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_HEADER, "CHILD,DOB\n"
		 "101,16/03/2020\n102,23/09/2016\n103,31/12/2019\n"
		 "105,\n106,10/08/2014\n108,\n109,20/01/2017\n");
	fx_table(&p, S903_HEADER, "CHILD,DOB\n"
		 "101,16/03/2020\n102,22/09/2016\n103,31/12/2019\n"
		 "105,\n107,11/11/2021\n108,04/06/2017\n109,\n");
	assert_string_equal(RUN(&r, &p, 2026, "203"),
			    "Header:3 Header:7 Header:8");
	release(&r, &p);
}

static void test_204(void **state)
{
	struct s903_return r = S903_RETURN_INIT, p = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_HEADER, "CHILD,ETHNIC\n"
		 "101,WBRI\n102,WBRI\n103,nobt\n104,AIND\n105,\n106,BOTH\n"
		 "108,\n109,BCRB\n110,MWBC\n");
	fx_table(&p, S903_HEADER, "CHILD,ETHNIC\n"
		 "101,WBRI\n102,NOBT\n103,NOBT\n104,AIND\n105,\n107,REFU\n"
		 "108,MOTH\n109,\n110,MWBA\n");
	assert_string_equal(RUN(&r, &p, 2026, "204"),
			    "Header:3 Header:8 Header:9 Header:10");
	release(&r, &p);
}

static void test_207(void **state)
{
	struct s903_return r = S903_RETURN_INIT, p = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_HEADER, "CHILD,MOTHER\n"
		 "101,1\n102,0\n103,1\n104,\n105,\n106,1\n108,\n109,0\n"
		 "111,\n");
	fx_table(&p, S903_HEADER, "CHILD,MOTHER\n"
		 "101,1\n102,1\n103,0\n104,1\n105,\n107,1\n108,0\n109,\n"
		 "111,1\n");
	fx_table(&r, S903_EPISODES, "CHILD,DECOM\n"
		 "101,01/04/2025\n101,01/05/2025\n102,01/04/2025\n"
		 "103,01/04/2025\n104,01/04/2025\n105,01/04/2025\n"
		 "106,01/04/2025\n108,01/04/2025\n109,01/04/2025\n");
	/* 111: a mother last year, no longer, but not looked after now */
	assert_string_equal(RUN(&r, &p, 2026, "207"), "Header:3 Header:5");
	release(&r, &p);
}

static void test_208(void **state)
{
	struct s903_return r = S903_RETURN_INIT, p = S903_RETURN_INIT;

	(void)state;
	fx_table(&p, S903_HEADER, "CHILD,UPN\n"
		 "101,UN5\n102,X888888888888\n103,UN1\n104,UN1\n105,\n"
		 "106,UN4\n108,UN1\n109,\n110,a12345678901x\n111,UN2\n"
		 "112,\n113,\n33333,UN5\n");
	fx_table(&r, S903_HEADER, "CHILD,UPN\n"
		 "101,H801200001001\n"	/* 2: becomes known */
		 "102,Y999999999999\n"	/* 3: changed */
		 "103,UN1\n"		/* 4 */
		 "104,UN2\n"		/* 5: UN1 to UN2-5 */
		 "105,\n"		/* 6 */
		 "106,UN3\n"		/* 7: UN4 to UN3 */
		 "108,\n"		/* 8: UN1 to blank */
		 "109,UN4\n"		/* 9: blank to UN2-5 */
		 "110,A12345678901X\n"	/* 10: the same, in capitals */
		 "111,H801200001111\n"	/* 11: becomes known */
		 "112,UN1\n"		/* 12: blank to UN1 (DfE's test) */
		 "113,A123456789012\n"	/* 13: blank to known */
		 "55555,UN5\n");	/* 14: new this year */
	assert_string_equal(RUN(&r, &p, 2026, "208"),
			    "Header:3 Header:7 Header:8 Header:12");
	release(&r, &p);
}

static void test_624(void **state)
{
	struct s903_return r = S903_RETURN_INIT, p = S903_RETURN_INIT;

	(void)state;
	fx_table(&p, S903_HEADER, "CHILD,MC_DOB\n"
		 "1,01/01/2024\n2,01/01/2024\n3,01/01/2024\n4,\n");
	fx_table(&r, S903_HEADER, "CHILD,MC_DOB\n"
		 "1,01/01/2024\n"	/* same */
		 "2,02/01/2024\n"	/* different */
		 "3,\n"			/* gone */
		 "4,01/06/2025\n");	/* new */
	assert_string_equal(RUN(&r, &p, 2026, "624"), "Header:3 Header:4");
	release(&r, &p);
}

static void test_625(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_HEADER, "CHILD,MC_DOB\n"
		 "1,01/02/2026\n"	/* after the child left care */
		 "2,01/05/2026\n"	/* after the end of the year */
		 "3,01/12/2025\n"	/* before both */
		 "4,01/05/2026\n");	/* still in care: no DEC */
	fx_table(&r, S903_EPISODES, "CHILD,DECOM,DEC\n"
		 "1,01/04/2025,01/12/2025\n"
		 "1,01/12/2025,01/01/2026\n"	/* the latest DEC */
		 "2,01/04/2025,01/03/2026\n"
		 "3,01/04/2025,01/01/2026\n"
		 "4,01/04/2025,\n");
	assert_string_equal(RUN(&r, NULL, 2026, "625"),
			    "Header:2 Header:3 Episodes:3 Episodes:4");
	release(&r, NULL);
}

static void test_626(void **state)
{
	struct s903_return r = S903_RETURN_INIT, p = S903_RETURN_INIT;

	(void)state;
	fx_table(&p, S903_HEADER, "CHILD,MOTHER\n1,0\n2,0\n3,1\n4,0\n");
	fx_table(&r, S903_HEADER, "CHILD,MOTHER,MC_DOB\n"
		 "1,1,01/01/2025\n"	/* child born last year */
		 "2,1,01/06/2025\n"	/* born this year */
		 "3,1,01/01/2025\n"	/* a mother last year too */
		 "4,0,\n");
	assert_string_equal(RUN(&r, &p, 2026, "626"), "Header:2");
	release(&r, &p);
}

static void test_165(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_HEADER, "CHILD,SEX,MOTHER\n"
		 "1,1,\n"		/* 2: boy, nothing: fine */
		 "2,2,0\n"		/* 3: girl, given: fine */
		 "3,2,\n"		/* 4: girl in care, not given */
		 "4,1,1\n"		/* 5: boy, given */
		 "5,2,\n"		/* 6: care leaver only: fine */
		 "6,2,1\n"		/* 7: care leaver only, given */
		 "7,2,\n");		/* 8: V3 only: not checked */
	fx_table(&r, S903_EPISODES, "CHILD,DECOM,DEC,LS\n"
		 "1,01/05/2025,,C2\n"
		 "2,01/05/2025,,C2\n"
		 "3,01/05/2025,,C2\n"
		 "4,01/05/2025,,C2\n"
		 "5,01/01/2024,01/02/2024,C2\n"
		 "6,01/01/2024,01/02/2024,C2\n"
		 "7,01/05/2025,,V3\n");
	fx_table(&r, S903_OC3, "CHILD,IN_TOUCH,ACTIV,ACCOM\n"
		 "3,,,\n5,YES,F2,S\n6,YES,F2,S\n");
	assert_string_equal(RUN(&r, NULL, 2026, "165"),
			    "Header:4 Header:5 Header:7 OC3:2 OC3:4");
	release(&r, NULL);
}

static void test_387(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_HEADER, "CHILD,DOB\n"
		 "1,01/06/2012\n2,01/01/2012\n3,01/03/2012\n4,01/06/2012\n"
		 "5,01/06/2012\n");
	fx_table(&r, S903_EPISODES, "CHILD,DECOM,DEC,REC\n"
		 "1,01/04/2025,01/03/2026,E5\n"	/* 13 */
		 "2,01/04/2025,01/03/2026,E6\n"	/* 14 */
		 "3,01/04/2025,01/03/2026,E5\n"	/* 14 that day */
		 "4,01/04/2025,01/03/2026,X1\n"
		 "5,01/04/2025,01/03/2026,E6\n");	/* 13 */
	assert_string_equal(RUN(&r, NULL, 2026, "387"),
			    "Episodes:2 Episodes:6");
	release(&r, NULL);
}

/* ---- episodes carried over --------------------------------------------- */

static void test_199(void **state)
{
	struct s903_return r = S903_RETURN_INIT, p = S903_RETURN_INIT;

	(void)state;
	fx_table(&p, S903_EPISODES, "CHILD,DECOM,DEC,REC\n"
		 "101,15/06/2016,20/12/2020,E11\n"
		 "102,08/10/2017,03/03/2018,E11\n"
		 "102,06/03/2018,12/08/2020,E4a\n"
		 "103,11/05/2015,07/04/2019,E12\n"
		 "104,26/11/2017,19/07/2020,E12\n"
		 "107,26/11/2017,,E12\n");
	fx_table(&r, S903_EPISODES, "CHILD,DECOM,DEC,REC\n"
		 "103,16/04/2020,,\n"		/* 2: after 103's */
		 "103,16/04/2020,,X1\n"			/* 3 */
		 "104,19/07/2020,02/03/2021,E13\n"	/* 4: after 104's */
		 "105,02/12/2021,03/12/2021,X1\n"	/* 5 */
		 "105,03/12/2021,04/12/2021,E11\n"	/* 6: the adoption */
		 "105,12/12/2021,,\n"			/* 7: after */
		 "105,03/12/2022,04/12/2022,E11\n"	/* 8: again */
		 "107,26/11/2017,04/12/2021,E12\n"	/* 9: in both years */
		 "107,04/12/2021,,X1\n");		/* 10: after */
	assert_string_equal(RUN(&r, NULL, 2023, "199"),
			    "Episodes:7 Episodes:8 Episodes:10");
	assert_string_equal(RUN(&r, &p, 2023, "199"),
			    "Episodes:2 Episodes:3 Episodes:4 Episodes:7 "
			    "Episodes:8 Episodes:10");
	release(&r, &p);
}

static void test_452(void **state)
{
	struct s903_return r = S903_RETURN_INIT, p = S903_RETURN_INIT;

	(void)state;
	fx_table(&p, S903_EPISODES, "CHILD,DECOM,DEC,RNE\n"
		 "1,01/04/2024,01/06/2024,S\n"	/* 2 */
		 "1,01/06/2024,,P\n"		/* 3: open, last */
		 "2,01/06/2024,01/01/2025,P\n"	/* 4: ended */
		 "3,01/06/2024,,P\n"		/* 5 */
		 "4,01/06/2024,,P\n");		/* 6 */
	fx_table(&r, S903_EPISODES, "CHILD,DECOM,RNE\n"
		 "1,01/06/2024,P\n"		/* 2: another LA */
		 "1,01/07/2025,P\n"		/* 3: not the first */
		 "2,01/06/2025,S\n"		/* 4 */
		 "3,01/06/2024,L\n"		/* 5: another RNE */
		 "4,01/06/2024,P\n");		/* 6: same LA */
	pl_la(&p, 2, "W06000015");
	pl_la(&p, 3, "W06000015");
	pl_la(&p, 4, "W06000015");
	pl_la(&p, 5, "W06000015");
	pl_la(&p, 6, "W06000015");
	pl_la(&r, 2, "W06000022");
	pl_la(&r, 3, "W06000015");
	pl_la(&r, 4, "W06000022");
	pl_la(&r, 5, "W06000022");
	pl_la(&r, 6, "W06000015");
	assert_string_equal(RUN(&r, &p, 2026, "452"), "Episodes:2");
	release(&r, &p);
}

/* Episodes of 453 and 503G: last year's open ones and this year's firsts */
static void carried_distances(struct s903_return *r, struct s903_return *p)
{
	fx_table(p, S903_EPISODES, "CHILD,DECOM,DEC,RNE\n"
		 "1,01/06/2024,,P\n"		/* 2 */
		 "2,01/06/2024,,P\n"		/* 3 */
		 "3,01/06/2024,,P\n"		/* 4 */
		 "4,01/06/2024,01/01/2025,P\n"	/* 5: ended */
		 "5,01/06/2024,,P\n");		/* 6 */
	fx_table(r, S903_EPISODES, "CHILD,DECOM,RNE\n"
		 "1,01/06/2024,P\n"		/* 2: 0.3 miles further */
		 "2,01/06/2024,P\n"		/* 3: 0.1 miles further */
		 "3,01/06/2024,P\n"		/* 4: none before */
		 "4,01/06/2025,S\n"		/* 5 */
		 "5,01/06/2024,L\n");		/* 6: 5 miles, other RNE */
	dist(p, 2, 400);
	dist(p, 3, 400);
	dist(p, 4, -1);
	dist(p, 5, 400);
	dist(p, 6, 400);
	dist(r, 2, 403);
	dist(r, 3, 401);
	dist(r, 4, 50);
	dist(r, 5, 10);
	dist(r, 6, 450);
}

static void test_453(void **state)
{
	struct s903_return r = S903_RETURN_INIT, p = S903_RETURN_INIT;

	(void)state;
	carried_distances(&r, &p);
	assert_string_equal(RUN(&r, &p, 2026, "453"),
			    "Episodes:2 Episodes:4");
	release(&r, &p);
}

static void test_503g(void **state)
{
	struct s903_return r = S903_RETURN_INIT, p = S903_RETURN_INIT;

	(void)state;
	carried_distances(&r, &p);
	/* 503G does not ask for the same RNE */
	assert_string_equal(RUN(&r, &p, 2026, "503G"),
			    "Episodes:2 Episodes:4 Episodes:6");
	release(&r, &p);
}

static void test_502(void **state)
{
	struct s903_return r = S903_RETURN_INIT, p = S903_RETURN_INIT;

	(void)state;
	fx_table(&p, S903_EPISODES, "CHILD,DECOM,DEC\n"
		 "1,01/03/2025,\n"
		 "2,01/02/2025,\n"
		 "3,01/02/2025,01/03/2025\n");
	fx_table(&r, S903_EPISODES, "CHILD,DECOM,DEC\n"
		 "1,01/03/2025,\n"		/* 2: continues */
		 "2,01/04/2025,\n"		/* 3: does not */
		 "2,01/05/2025,\n"		/* 4 */
		 "3,01/04/2025,\n"		/* 5: last year's ended */
		 "4,01/04/2025,\n");		/* 6: new */
	assert_string_equal(RUN(&r, &p, 2026, "502"), "Episodes:3");
	release(&r, &p);
}

/*
 * 503A-F, H: column col of the first episode against last year's last,
 * open one.  Child 1 changes it (flagged), 2 keeps it, 3's episode had
 * ended, 4 changes it on its second episode only.
 */
static void check_503(const char *code, const char *col, const char *a,
		      const char *b)
{
	struct s903_return r = S903_RETURN_INIT, p = S903_RETURN_INIT;
	char csv[512];

	snprintf(csv, sizeof(csv),
		 "CHILD,DECOM,DEC,%s\n"
		 "1,01/06/2024,,%s\n"
		 "2,01/06/2024,,%s\n"
		 "3,01/06/2024,01/01/2025,%s\n"
		 "4,01/06/2024,,%s\n", col, a, a, a, a);
	fx_table(&p, S903_EPISODES, csv);
	snprintf(csv, sizeof(csv),
		 "CHILD,DECOM,DEC,%s\n"
		 "1,01/06/2024,,%s\n"
		 "2,01/06/2024,,%s\n"
		 "3,01/06/2025,,%s\n"
		 "4,01/06/2024,01/05/2025,%s\n"
		 "4,01/05/2025,,%s\n", col, b, a, b, a, b);
	fx_table(&r, S903_EPISODES, csv);
	assert_string_equal(RUN(&r, &p, 2026, code), "Episodes:2");
	/* without last year's return there is nothing to compare */
	assert_string_equal(RUN(&r, NULL, 2026, code), "");
	release(&r, &p);
}

static void test_503a(void **state)
{
	(void)state;
	check_503("503A", "RNE", "P", "L");
}

static void test_503b(void **state)
{
	(void)state;
	check_503("503B", "LS", "C2", "C1");
}

static void test_503c(void **state)
{
	(void)state;
	check_503("503C", "CIN", "N1", "N2");
}

static void test_503e(void **state)
{
	(void)state;
	check_503("503E", "PLACE_PROVIDER", "PR1", "PR2");
}

static void test_503f(void **state)
{
	(void)state;
	check_503("503F", "URN", "SC123456", "SC654321");
}

static void test_503h(void **state)
{
	struct s903_return r = S903_RETURN_INIT, p = S903_RETURN_INIT;

	(void)state;
	fx_table(&p, S903_EPISODES, "CHILD,DECOM,DEC\n"
		 "1,01/06/2024,\n2,01/06/2024,\n3,01/06/2024,01/01/2025\n");
	fx_table(&r, S903_EPISODES, "CHILD,DECOM,DEC\n"
		 "1,01/06/2024,\n2,01/06/2024,\n3,01/06/2025,\n");
	pl_la(&p, 2, "W06000015");
	pl_la(&p, 3, "W06000015");
	pl_la(&p, 4, "W06000015");
	pl_la(&r, 2, "W06000022");	/* moved */
	pl_la(&r, 3, "W06000015");
	pl_la(&r, 4, "W06000022");	/* last year's had ended */
	assert_string_equal(RUN(&r, &p, 2026, "503H"), "Episodes:2");
	release(&r, &p);
}

static void test_503j(void **state)
{
	struct s903_return r = S903_RETURN_INIT, p = S903_RETURN_INIT;

	(void)state;
	memcpy(r.la, "W06000015", 10);
	memcpy(p.la, "W06000015", 10);
	fx_table(&p, S903_EPISODES, "CHILD,DECOM,DEC\n"
		 "1,01/06/2024,\n2,01/06/2024,\n3,01/06/2024,\n");
	fx_table(&r, S903_EPISODES, "CHILD,DECOM,DEC\n"
		 "1,01/06/2024,\n2,01/06/2024,\n3,01/06/2024,\n");
	pl_la(&p, 2, "W06000015");	/* in the council's area ... */
	pl_la(&r, 2, "W06000022");	/* ... now out of it */
	pl_la(&p, 3, "W06000022");	/* out ... */
	pl_la(&r, 3, "W06000023");	/* ... and out elsewhere: same */
	pl_la(&p, 4, "");		/* unknown ... */
	pl_la(&r, 4, "W06000015");	/* ... now in */
	assert_string_equal(RUN(&r, &p, 2026, "503J"),
			    "Episodes:2 Episodes:4");
	release(&r, &p);
}

static void test_503d(void **state)
{
	struct s903_return r = S903_RETURN_INIT, p = S903_RETURN_INIT;

	(void)state;
	/*
	 * The 2026-27 exception (Z1 split into Z11-Z14) cannot be tested:
	 * PLACE holds two characters, so a Z11 does not load.
	 */
	fx_table(&p, S903_EPISODES, "CHILD,DECOM,DEC,PLACE\n"
		 "1,01/06/2024,,H5\n"
		 "3,01/06/2024,,U1\n"
		 "4,01/06/2024,,U1\n"
		 "5,01/06/2024,01/01/2025,U1\n");
	fx_table(&r, S903_EPISODES, "CHILD,DECOM,DEC,PLACE\n"
		 "1,01/06/2024,,K3\n"		/* 2: H5 recoded K3 */
		 "3,01/06/2024,,U3\n"		/* 3: changed */
		 "4,01/06/2024,,U1\n"		/* 4: the same */
		 "5,01/06/2025,,U3\n");		/* 5: ended last year */
	assert_string_equal(RUN(&r, &p, 2024, "503D"),
			    "Episodes:2 Episodes:3");
	assert_string_equal(RUN(&r, &p, 2025, "503D"), "Episodes:3");
	assert_string_equal(RUN(&r, &p, 2026, "503D"), "Episodes:3");
	assert_string_equal(RUN(&r, &p, 2027, "503D"),
			    "Episodes:2 Episodes:3");
	release(&r, &p);
}

static void test_562(void **state)
{
	struct s903_return r = S903_RETURN_INIT, p = S903_RETURN_INIT;

	(void)state;
	fx_table(&p, S903_EPISODES, "CHILD,DECOM,DEC\n"
		 "1,01/01/2025,\n"
		 "2,01/06/2024,01/12/2024\n"
		 "2,01/12/2024,01/01/2025\n");
	fx_table(&r, S903_EPISODES, "CHILD,DECOM,DEC\n"
		 "1,01/01/2025,\n"		/* 2: continues */
		 "2,01/01/2025,\n"		/* 3: last year's missing */
		 "3,01/02/2025,\n"		/* 4: not in last year's */
		 "4,01/06/2025,\n");		/* 5: began this year */
	assert_string_equal(RUN(&r, &p, 2026, "562"),
			    "Episodes:3 Episodes:4");
	release(&r, &p);
}

static void test_noe(void **state)
{
	struct s903_return r = S903_RETURN_INIT, p = S903_RETURN_INIT;

	(void)state;
	fx_table(&p, S903_EPISODES, "CHILD,DECOM,DEC\n1,01/01/2025,\n");
	fx_table(&r, S903_EPISODES, "CHILD,DECOM,DEC\n"
		 "1,01/01/2025,\n"		/* 2: in last year's */
		 "2,01/01/2025,01/05/2025\n"	/* 3: not */
		 "2,01/05/2025,\n"		/* 4: began this year */
		 "3,01/06/2025,\n");		/* 5 */
	assert_string_equal(RUN(&r, &p, 2026, "NoE"), "Episodes:3");
	assert_string_equal(RUN(&r, NULL, 2026, "NoE"), "");
	release(&r, &p);
}

/* ---- missing, adoption, DoLO ------------------------------------------- */

static void test_576(void **state)
{
	struct s903_return r = S903_RETURN_INIT, p = S903_RETURN_INIT;

	(void)state;
	fx_table(&p, S903_MISSING, "CHILD,MISSING,MIS_START,MIS_END\n"
		 "1,M,01/03/2025,\n"
		 "2,M,01/03/2025,\n"
		 "3,M,01/03/2025,05/03/2025\n");
	fx_table(&r, S903_MISSING, "CHILD,MISSING,MIS_START,MIS_END\n"
		 "1,M,01/03/2025,02/04/2025\n"	/* 2: continues */
		 "1,M,01/05/2025,02/05/2025\n"	/* 3 */
		 "2,M,05/04/2025,06/04/2025\n"	/* 4: not last year's */
		 "3,M,05/04/2025,06/04/2025\n");	/* 5 */
	assert_string_equal(RUN(&r, &p, 2026, "576"), "Missing:4");
	release(&r, &p);
}

#define PA_COLS \
	"CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED\n"

static void test_559(void **state)
{
	struct s903_return r = S903_RETURN_INIT, p = S903_RETURN_INIT;

	(void)state;
	fx_table(&p, S903_PLACED_ADOPTION, PA_COLS
		 "2,01/01/2020,01/01/2025,,\n");
	fx_table(&r, S903_PLACED_ADOPTION, PA_COLS
		 "1,01/01/2020,01/01/2025,,\n"	/* 2: not last year */
		 "2,01/01/2020,01/01/2025,,\n"	/* 3: was */
		 "3,01/01/2020,01/06/2025,,\n");	/* 4: this year */
	assert_string_equal(RUN(&r, &p, 2026, "559"), "PlacedAdoption:2");
	release(&r, &p);
}

static void test_560(void **state)
{
	struct s903_return r = S903_RETURN_INIT, p = S903_RETURN_INIT;

	(void)state;
	fx_table(&p, S903_PLACED_ADOPTION, PA_COLS
		 "1,01/01/2020,01/01/2025,,\n"
		 "2,01/01/2020,01/01/2025,,\n"
		 "3,01/01/2020,01/01/2025,01/02/2025,E1\n");
	fx_table(&r, S903_PLACED_ADOPTION, PA_COLS
		 "1,01/01/2020,02/01/2025,,\n"	/* 2: date moved */
		 "2,01/01/2020,01/01/2025,,\n"	/* 3: the same */
		 "3,01/01/2020,01/06/2025,,\n");	/* 4: a new decision */
	assert_string_equal(RUN(&r, &p, 2026, "560"), "PlacedAdoption:2");
	release(&r, &p);
}

static void test_561(void **state)
{
	struct s903_return r = S903_RETURN_INIT, p = S903_RETURN_INIT;

	(void)state;
	fx_table(&p, S903_PLACED_ADOPTION, PA_COLS
		 "1,01/01/2020,01/01/2025,01/02/2025,\n"
		 "2,01/01/2020,01/01/2025,,E1\n"
		 "3,01/01/2020,01/01/2025,,\n"
		 "4,01/01/2020,01/01/2025,01/02/2025,E1\n");
	fx_table(&r, S903_PLACED_ADOPTION, PA_COLS
		 "1,01/01/2020,01/01/2025,,\n"	/* 2: ceased last year */
		 "2,01/01/2020,01/01/2025,,\n"	/* 3: a reason given */
		 "3,01/01/2020,01/01/2025,,\n"	/* 4: did not cease */
		 "4,01/01/2020,01/06/2025,,\n");	/* 5: a new date */
	assert_string_equal(RUN(&r, &p, 2026, "561"),
			    "PlacedAdoption:2 PlacedAdoption:3");
	release(&r, &p);
}

static void test_584(void **state)
{
	struct s903_return r = S903_RETURN_INIT, p = S903_RETURN_INIT;

	(void)state;
	fx_table(&p, S903_PLACED_ADOPTION, PA_COLS
		 "1,01/01/2020,01/01/2025,01/02/2025,E1\n"
		 "2,01/01/2020,01/01/2025,,E1\n"
		 "3,01/01/2020,01/01/2025,01/02/2025,\n"
		 "4,01/01/2020,01/01/2025,,\n");
	fx_table(&r, S903_PLACED_ADOPTION, PA_COLS
		 "1,01/01/2020,01/01/2025,,\n"	/* 2: not later */
		 "2,01/01/2020,,,\n"		/* 3: none */
		 "3,01/01/2020,01/06/2025,,\n"	/* 4: later */
		 "4,01/01/2020,01/12/2024,,\n");	/* 5: did not cease */
	assert_string_equal(RUN(&r, &p, 2026, "584"),
			    "PlacedAdoption:2 PlacedAdoption:3");
	release(&r, &p);
}

static void test_706(void **state)
{
	struct s903_return r = S903_RETURN_INIT, p = S903_RETURN_INIT;

	(void)state;
	fx_table(&p, S903_DOLO, "CHILD,DOB,DOLO_START,DOLO_END\n"
		 "1,01/01/2010,01/03/2026,\n"
		 "2,01/01/2010,01/02/2026,\n"
		 "3,01/01/2010,01/02/2026,01/03/2026\n"
		 "4,01/01/2010,01/02/2026,\n");
	fx_table(&r, S903_HEADER, "CHILD,DOB\n"
		 "1,01/01/2010\n2,01/01/2010\n3,01/01/2010\n4,01/01/2010\n");
	fx_table(&r, S903_DOLO, "CHILD,DOB,DOLO_START,DOLO_END\n"
		 "1,01/01/2010,01/03/2026,\n"	/* 2: continues */
		 "2,01/01/2010,01/05/2026,\n"	/* 3: another */
		 "3,01/01/2010,01/05/2026,\n");	/* 4 */
	/* 4 has no DoLO this year: its Header row is reported */
	assert_string_equal(RUN(&r, &p, 2027, "706"), "Header:5 DoLo:3");
	assert_string_equal(RUN(&r, &p, 2026, "706"), "");
	release(&r, &p);
}

/* ---- integrity --------------------------------------------------------- */

static void test_epi(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_HEADER, "CHILD,DOB\n"
		 "1,01/01/2010\n2,01/01/2005\n3,01/01/2010\n");
	fx_table(&r, S903_EPISODES, "CHILD,DECOM\n1,01/04/2025\n");
	fx_table(&r, S903_OC3, "CHILD,IN_TOUCH\n2,YES\n");
	assert_string_equal(RUN(&r, NULL, 2026, "EPI"), "Header:4");
	/* Episodes not read whole: no child is known to lack them */
	r.incomplete[S903_EPISODES] = true;
	assert_string_equal(RUN(&r, NULL, 2026, "EPI"), "");
	release(&r, NULL);
}

/*
 * The DfE's INT fixture: Header 101-104 (each twice) and 106, the other
 * table 101, 102, 103 (another DOB and SEX) and 105 (not in Header).
 */
static void int_case(enum s903_table t, const char *code, const char *want)
{
	struct s903_return r = S903_RETURN_INIT;
	char csv[256];
	const char *cols = t == S903_EPISODES ? "CHILD,DECOM" : "CHILD,DOB";

	fx_table(&r, S903_HEADER, "CHILD,DOB,SEX\n"
		 "101,01/04/2020,1\n102,,2\n103,01/04/2020,1\n104,,2\n"
		 "101,01/04/2020,1\n102,,2\n103,01/04/2020,1\n104,,2\n"
		 "106,,\n");
	snprintf(csv, sizeof(csv),
		 "%s%s\n101,01/04/2020%s\n102,%s\n103,04/01/2020%s\n"
		 "105,01/04/2020%s\n",
		 cols, t == S903_UASC ? ",SEX" : "",
		 t == S903_UASC ? ",1" : "",
		 t == S903_UASC ? ",2" : "",
		 t == S903_UASC ? ",2" : "",
		 t == S903_UASC ? ",2" : "");
	fx_table(&r, t, csv);
	assert_string_equal(RUN(&r, NULL, 2026, code), want);
	release(&r, NULL);
}

static void test_int_not_in_header(void **state)
{
	(void)state;
	int_case(S903_AD1, "INT01", "AD1:5");
	int_case(S903_PLACED_ADOPTION, "INT02", "PlacedAdoption:5");
	int_case(S903_EPISODES, "INT03", "Episodes:5");
	int_case(S903_MISSING, "INT04", "Missing:5");
	int_case(S903_OC2, "INT05", "OC2:5");
	int_case(S903_OC3, "INT06", "OC3:5");
	int_case(S903_PREV_PERM, "INT07", "PrevPerm:5");
	int_case(S903_REVIEWS, "INT08", "Reviews:5");
	int_case(S903_UASC, "INT09", "UASC:5");
}

static void test_int_dob(void **state)
{
	(void)state;
	int_case(S903_AD1, "INT11", "AD1:4");
	int_case(S903_PLACED_ADOPTION, "INT12", "PlacedAdoption:4");
	int_case(S903_MISSING, "INT13", "Missing:4");
	int_case(S903_OC2, "INT14", "OC2:4");
	int_case(S903_OC3, "INT15", "OC3:4");
	int_case(S903_PREV_PERM, "INT16", "PrevPerm:4");
	int_case(S903_REVIEWS, "INT17", "Reviews:4");
	int_case(S903_UASC, "INT18", "UASC:4");
}

static void test_int21(void **state)
{
	(void)state;
	/* 103 is 1 in Header, 2 in UASC; 102's Header SEX is 2 too */
	int_case(S903_UASC, "INT21", "UASC:4");
}

static void test_int_once(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_HEADER, "CHILD,DOB\n1,01/01/2010\n1,01/01/2010\n"
		 "2,01/01/2010\n");
	fx_table(&r, S903_AD1, "CHILD,DOB\n1,01/01/2010\n2,01/01/2010\n"
		 "2,01/01/2010\n");
	fx_table(&r, S903_OC2, "CHILD,DOB\n1,01/01/2010\n1,01/01/2010\n");
	fx_table(&r, S903_OC3, "CHILD,DOB\n1,01/01/2010\n2,01/01/2010\n");
	fx_table(&r, S903_PREV_PERM, "CHILD,DOB\n2,01/01/2010\n"
		 "2,01/01/2010\n");
	fx_table(&r, S903_UASC, "CHILD,DOB\n1,01/01/2010\n1,01/01/2010\n"
		 "2,01/01/2010\n");
	assert_string_equal(RUN(&r, NULL, 2026, "INT31"), "AD1:3 AD1:4");
	assert_string_equal(RUN(&r, NULL, 2026, "INT32"),
			    "Header:2 Header:3");
	assert_string_equal(RUN(&r, NULL, 2026, "INT33"), "OC2:2 OC2:3");
	assert_string_equal(RUN(&r, NULL, 2026, "INT34"), "");
	assert_string_equal(RUN(&r, NULL, 2026, "INT35"),
			    "PrevPerm:2 PrevPerm:3");
	assert_string_equal(RUN(&r, NULL, 2026, "INT36"), "UASC:2 UASC:3");
	release(&r, NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_1000),
		cmocka_unit_test(test_1001),
		cmocka_unit_test(test_1002),
		cmocka_unit_test(test_1010),
		cmocka_unit_test(test_1011),
		cmocka_unit_test(test_348),
		cmocka_unit_test(test_164),
		cmocka_unit_test(test_392a),
		cmocka_unit_test(test_392b),
		cmocka_unit_test(test_406),
		cmocka_unit_test(test_205a_205c_todo),
		cmocka_unit_test(test_205b),
		cmocka_unit_test(test_205d),
		cmocka_unit_test(test_202),
		cmocka_unit_test(test_203),
		cmocka_unit_test(test_204),
		cmocka_unit_test(test_207),
		cmocka_unit_test(test_208),
		cmocka_unit_test(test_624),
		cmocka_unit_test(test_625),
		cmocka_unit_test(test_626),
		cmocka_unit_test(test_165),
		cmocka_unit_test(test_387),
		cmocka_unit_test(test_199),
		cmocka_unit_test(test_452),
		cmocka_unit_test(test_453),
		cmocka_unit_test(test_502),
		cmocka_unit_test(test_503a),
		cmocka_unit_test(test_503b),
		cmocka_unit_test(test_503c),
		cmocka_unit_test(test_503d),
		cmocka_unit_test(test_503e),
		cmocka_unit_test(test_503f),
		cmocka_unit_test(test_503g),
		cmocka_unit_test(test_503h),
		cmocka_unit_test(test_503j),
		cmocka_unit_test(test_562),
		cmocka_unit_test(test_noe),
		cmocka_unit_test(test_576),
		cmocka_unit_test(test_559),
		cmocka_unit_test(test_560),
		cmocka_unit_test(test_561),
		cmocka_unit_test(test_584),
		cmocka_unit_test(test_706),
		cmocka_unit_test(test_epi),
		cmocka_unit_test(test_int_not_in_header),
		cmocka_unit_test(test_int_dob),
		cmocka_unit_test(test_int21),
		cmocka_unit_test(test_int_once),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
