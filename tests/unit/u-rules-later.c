/*
 * u-rules-later.c: the rules about Reviews, Missing, AD1, PlacedAdoption,
 * PrevPerm and DoLo (src/validate/rules-later.c), each with rows that
 * must be flagged and rows that must not.  Most cases are the DfE peer
 * validator's own test cases, moved into the collection year tested.
 *
 * Years: 2023 runs 1 April 2022 to 31 March 2023; the DoLO rules start
 * in 2027 (1 April 2026 to 31 March 2027).
 */
#include "unit.h"
#include "v-fixture.h"

#define HDR S903_HEADER
#define EPS S903_EPISODES
#define MIS S903_MISSING
#define REV S903_REVIEWS
#define AD1 S903_AD1
#define PA S903_PLACED_ADOPTION
#define PP S903_PREV_PERM
#define DOLO S903_DOLO

/*
 * Run rule code over a return made of (table, csv) pairs ended by -1,
 * for a Welsh council, and give back the flagged rows.
 */
static const char *chk(int year, const char *code, ...)
{
	static char buf[4096];
	struct s903_return r = S903_RETURN_INIT;
	va_list ap;
	int t;

	va_start(ap, code);
	while ((t = va_arg(ap, int)) >= 0)
		fx_table(&r, (enum s903_table)t, va_arg(ap, const char *));
	va_end(ap);
	snprintf(buf, sizeof(buf), "%s",
		 fx_run(&r, NULL, year, V_WALES, code));
	s903_return_release(&r);
	return buf;
}

/* Every code of the group is registered; import-enforced ones have no
 * function, the others have one. */
static void test_registry(void **state)
{
	static const char *const codes[] = {
		"1003", "1004", "1005", "1006", "112", "113", "114", "115",
		"116", "117", "118", "119", "120", "151", "166", "167", "175",
		"176", "177", "184", "331", "333", "334", "335", "399", "440",
		"441", "511", "514", "517", "518", "519", "520", "521", "522",
		"523", "524", "525", "551", "552", "553", "554", "557", "558",
		"563", "564", "565", "566", "567", "570", "571", "574", "575",
		"577", "578", "579", "581", "582", "583", "586", "601", "602",
		"630", "631", "632", "633", "634", "635", "700", "701", "702",
		"703", "704", "705", "707", "708", "709", "710",
	};

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(codes); i++) {
		const struct v_rule *r = v_rule_find(codes[i], 2027, V_WALES);

		if (!r)
			fail_msg("rule %s not registered", codes[i]);
		assert_true(r->cy && r->en && r->fields);
		if (r->at_import)
			assert_null(r->child);
		else
			assert_non_null(r->child);
	}
	/* 557 changed in 2025: two rows */
	assert_ptr_not_equal(v_rule_find("557", 2024, V_WALES),
			     v_rule_find("557", 2025, V_WALES));
	assert_null(v_rule_find("700", 2026, V_WALES));
	assert_non_null(v_rule_find("1006", 2023, V_ENGLAND));
	assert_string_equal(v_rule_find("1006", 2023, V_WALES)->at_import,
			    "code");
}

/* ---- Reviews ---- */

static void test_166(void **state)
{
	const char *rev = "CHILD,DOB,REVIEW,REVIEW_CODE\n"
			  "1,01/01/2010,01/06/2022,PN1\n"
			  "2,01/01/2010,,\n";

	(void)state;
	assert_string_equal(chk(2023, "166", REV, rev, -1), "Reviews:3");
	/* before 2023: the first rule set known */
	assert_string_equal(chk(2022, "166", REV, rev, -1), "Reviews:3");
}

static void test_167(void **state)
{
	(void)state;
	assert_string_equal(chk(2023, "167", REV,
				"CHILD,DOB,REVIEW,REVIEW_CODE\n"
				"1,01/01/2010,01/05/2022,pr0\n"	/* bad */
				"1,01/01/2010,01/06/2022,PN9\n"	/* bad */
				"1,01/01/2010,01/07/2022,PN3\n"
				"1,01/01/2010,01/08/2022,\n"	/* blank */
				"2,01/01/2010,,\n"		/* no review */
				"3,01/01/2010,,PN1\n",	/* code alone */
				-1),
			    "Reviews:2 Reviews:3 Reviews:5 Reviews:7");
}

static void test_440(void **state)
{
	(void)state;
	assert_string_equal(chk(2023, "440", REV,
				"CHILD,DOB,REVIEW,REVIEW_CODE\n"
				"1,01/01/2004,31/12/2007,PN0\n"
				"2,01/01/2008,01/01/2013,PN0\n"	/* 5 */
				"3,01/01/2012,01/01/2014,PN0\n"
				"4,01/01/2014,01/01/2020,PN1\n"
				"5,01/01/2010,01/01/2014,PN0\n"	/* 4th bday */
				"6,01/01/2010,02/01/2014,PN0\n",
				-1),
			    "Reviews:3 Reviews:7");
}

static void test_441(void **state)
{
	(void)state;
	assert_string_equal(chk(2023, "441", REV,
				"CHILD,DOB,REVIEW,REVIEW_CODE\n"
				"1,01/01/2004,31/12/2008,PN1\n"
				"2,01/01/2008,01/01/2009,PN4\n"
				"3,01/01/2010,01/01/2012,PN5\n"
				"4,01/06/2014,01/01/2015,PN0\n"
				"5,01/01/2010,01/01/2014,PN2\n"	/* 4 */
				"6,01/01/2010,01/07/2013,PN1\n", /* 3.5 */
				-1),
			    "Reviews:3 Reviews:4 Reviews:7");
}

static void test_399(void **state)
{
	(void)state;
	assert_string_equal(chk(2023, "399",
				EPS, "CHILD,DECOM,LS\n"
				"101,01/04/2022,V4\n"
				"101,01/05/2022,V4\n"
				"103,01/04/2022,V3\n"	/* nothing given */
				"104,01/04/2022,C2\n"
				"106,01/04/2022,V4\n"
				"108,01/04/2022,V3\n"	/* another LS too */
				"108,01/05/2022,C2\n"
				"111,01/04/2022,V3\n",	/* review, no MOTHER */
				HDR, "CHILD,MOTHER\n"
				"101,0\n"
				"103,\n"
				"104,\n"
				"106,0\n"
				"108,1\n",
				REV, "CHILD,REVIEW,REVIEW_CODE\n"
				"101,01/06/2022,PN1\n"
				"103,,\n"
				"106,01/07/2022,PN6\n"
				"108,01/08/2022,PN7\n"
				"111,01/09/2022,PN2\n",
				-1),
			    "Header:2 Header:5 Episodes:2 Episodes:3 "
			    "Episodes:6 Episodes:9 Reviews:2 Reviews:4 "
			    "Reviews:6");
}

/* ---- AD1 ---- */

static void test_114(void **state)
{
	(void)state;
	assert_string_equal(chk(2023, "114", AD1, "CHILD,FOSTER_CARE\n"
				"1,0\n2,1\n3,2\n4,x\n5,\n", -1),
			    "AD1:4 AD1:5");
}

static void test_175(void **state)
{
	(void)state;
	assert_string_equal(chk(2023, "175", AD1, "CHILD,NB_ADOPTR\n"
				"1,0\n2,1\n3,2\n4,\n", -1),
			    "AD1:2");
}

static void test_176(void **state)
{
	(void)state;
	assert_string_equal(chk(2023, "176", AD1, "CHILD,SEX_ADOPTR\n"
				"1,m1\n2,F1\n3,MM\n4,1\n5,\n", -1),
			    "AD1:2 AD1:5");
}

static void test_177(void **state)
{
	(void)state;
	assert_string_equal(chk(2023, "177", AD1, "CHILD,LS_ADOPTR\n"
				"1,L0\n2,L11\n3,L1\n4,l2\n5,\n", -1),
			    "AD1:4 AD1:5");
}

static void test_151(void **state)
{
	(void)state;
	assert_string_equal(chk(2023, "151", AD1,
				"CHILD,DATE_INT,DATE_MATCH,FOSTER_CARE,"
				"NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\n"
				"1,,,,,,\n"
				"2,01/01/2022,01/02/2022,1,2,MF,L11\n"
				"3,01/01/2022,,,,,\n"
				"4,,,,,,L0\n"
				"5,01/01/2022,01/02/2022,1,2,MF,\n", -1),
			    "AD1:4 AD1:5 AD1:6");
}

static void test_511(void **state)
{
	(void)state;
	assert_string_equal(chk(2023, "511", AD1,
				"CHILD,NB_ADOPTR,SEX_ADOPTR\n"
				"1,2,MM\n2,,MM\n3,2,M1\n4,2,F1\n5,1,F1\n"
				"6,2,\n", -1),
			    "AD1:4 AD1:5");
}

static const char ls_sex[] = "CHILD,LS_ADOPTR,SEX_ADOPTR\n";

static void test_514(void **state)
{
	char csv[256];

	(void)state;
	snprintf(csv, sizeof(csv), "%s%s", ls_sex,
		 "1,L0,M1\n2,xx,F1\n3,L0,xx\n4,,\n5,L0,\n");
	assert_string_equal(chk(2023, "514", AD1, csv, -1), "AD1:4 AD1:6");
}

static void test_517(void **state)
{
	char csv[256];

	(void)state;
	snprintf(csv, sizeof(csv), "%s%s", ls_sex,
		 "1,L3,MF\n2,L1,MF\n3,,MM\n4,L3,M1\n5,L3,FF\n6,L4,F1\n"
		 "7,L3,\n");
	assert_string_equal(chk(2023, "517", AD1, csv, -1),
			    "AD1:5 AD1:6 AD1:8");
}

static void test_518(void **state)
{
	char csv[256];

	(void)state;
	snprintf(csv, sizeof(csv), "%s%s", ls_sex,
		 "1,L4,MM\n2,L4,FF\n3,,MM\n4,L4,M1\n5,L4,MF\n6,L1,F1\n"
		 "7,L4,\n");
	assert_string_equal(chk(2023, "518", AD1, csv, -1),
			    "AD1:5 AD1:6 AD1:8");
}

static void test_519(void **state)
{
	char csv[256];

	(void)state;
	snprintf(csv, sizeof(csv), "%s%s", ls_sex,
		 "1,L2,MM\n2,L4,FF\n3,,MM\n4,L2,M1\n5,L2,MF\n6,L2,\n");
	assert_string_equal(chk(2023, "519", AD1, csv, -1), "AD1:5 AD1:7");
}

static void test_520(void **state)
{
	char csv[256];

	(void)state;
	snprintf(csv, sizeof(csv), "%s%s", ls_sex,
		 "1,L11,MM\n2,L11,FF\n3,,MM\n4,L4,M1\n5,L11,MF\n");
	assert_string_equal(chk(2023, "520", AD1, csv, -1), "AD1:2 AD1:3");
}

static void test_524(void **state)
{
	char csv[256];

	(void)state;
	snprintf(csv, sizeof(csv), "%s%s", ls_sex,
		 "1,L12,MM\n2,L12,FF\n3,,MM\n4,L12,M1\n5,L12,MF\n");
	assert_string_equal(chk(2023, "524", AD1, csv, -1), "AD1:5 AD1:6");
}

static void test_333(void **state)
{
	(void)state;
	assert_string_equal(chk(2023, "333", AD1,
				"CHILD,DATE_INT,DATE_MATCH\n"
				"1,01/06/2022,05/06/2022\n"
				"2,02/06/2022,\n"
				"3,03/06/2022,01/06/2022\n"
				"4,04/06/2022,02/06/2022\n"
				"5,,05/06/2022\n"
				"6,05/06/2022,05/06/2022\n", -1),
			    "AD1:4 AD1:5 AD1:6");
}

/* ---- PlacedAdoption ---- */

static const char pa_hdr[] =
	"CHILD,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED\n";

static void test_119(void **state)
{
	char csv[512];

	(void)state;
	snprintf(csv, sizeof(csv), "%s%s", pa_hdr,
		 "1,,22/11/2022,RD1\n2,,08/05/2022,\n3,,,RD1\n4,,,\n");
	assert_string_equal(chk(2023, "119", PA, csv, -1),
			    "PlacedAdoption:3 PlacedAdoption:4");
}

static void test_120(void **state)
{
	(void)state;
	assert_string_equal(chk(2023, "120", PA,
				"CHILD,REASON_PLACED_CEASED\n"
				"1,rd1\n2,RD0\n3,1\n4,RD1\n5,\n", -1),
			    "PlacedAdoption:2 PlacedAdoption:3 "
			    "PlacedAdoption:4");
}

static void test_522(void **state)
{
	char csv[512];

	(void)state;
	snprintf(csv, sizeof(csv), "%s%s", pa_hdr,
		 "1,26/05/2022,26/05/2022,RD1\n"
		 "2,26/05/2022,01/02/2023,RD1\n"
		 "3,,26/05/2022,RD1\n"
		 "4,01/02/2023,26/05/2022,RD1\n"
		 "5,26/05/2022,,\n");
	assert_string_equal(chk(2023, "522", PA, csv, -1),
			    "PlacedAdoption:5");
}

static void test_563(void **state)
{
	char csv[512];

	(void)state;
	snprintf(csv, sizeof(csv), "%s%s", pa_hdr,
		 "1,26/05/2022,,\n"
		 "2,26/05/2022,01/02/2023,RD1\n"
		 "3,,26/05/2022,RD1\n"
		 "4,,26/05/2022,\n");
	assert_string_equal(chk(2023, "563", PA, csv, -1),
			    "PlacedAdoption:4");
}

static void test_579(void **state)
{
	char csv[512];

	(void)state;
	snprintf(csv, sizeof(csv), "%s%s", pa_hdr,
		 "111,01/06/2022,05/06/2022,RD1\n"
		 "111,04/06/2022,,\n"		/* 3: starts before 05/06 */
		 "222,03/06/2022,04/06/2022,RD1\n"
		 "222,04/06/2022,,\n"		/* on the day: fine */
		 "222,07/06/2022,09/06/2022,RD1\n"	/* 6: 5 open */
		 "333,02/06/2022,04/06/2022,RD1\n"
		 "333,03/06/2022,09/06/2022,RD1\n"	/* 8 */
		 "555,,05/06/2022,RD1\n"
		 "555,,05/06/2022,RD1\n");
	assert_string_equal(chk(2023, "579", PA, csv, -1),
			    "PlacedAdoption:3 PlacedAdoption:6 "
			    "PlacedAdoption:8");
}

static void test_583(void **state)
{
	char csv[512];

	(void)state;
	snprintf(csv, sizeof(csv), "%s%s", pa_hdr,
		 "c1,01/02/2022,02/02/2022,RD1\n"
		 "c1,03/02/2022,04/02/2022,RD1\n"
		 "c2,01/02/2022,,\n"		/* 4: not the latest */
		 "c2,02/02/2022,,\n"
		 "c3,01/02/2022,02/02/2022,RD1\n"
		 "c3,03/02/2022,,\n"
		 "c4,01/01/2022,,\n"		/* 8 */
		 "c4,01/02/2022,02/02/2022,RD1\n");
	assert_string_equal(chk(2023, "583", PA, csv, -1),
			    "PlacedAdoption:4 PlacedAdoption:8");
}

static void test_184(void **state)
{
	(void)state;
	assert_string_equal(chk(2023, "184",
				HDR, "CHILD,DOB\n"
				"111,01/10/2017\n112,31/05/2018\n"
				"113,10/03/2019\n114,19/08/2020\n",
				PA, "CHILD,DATE_PLACED\n"
				"111,01/10/2017\n112,10/02/2019\n"
				"113,10/02/2019\n114,\n", -1),
			    "PlacedAdoption:4");
	/* without Header the rule does not run */
	assert_string_equal(chk(2023, "184", PA, "CHILD,DATE_PLACED\n"
				"113,10/02/2019\n", -1), "");
}

/* ---- Episodes and PlacedAdoption ---- */

static void test_1003(void **state)
{
	(void)state;
	assert_string_equal(chk(2023, "1003",
				EPS, "CHILD,DECOM,RNE\n"
				"101,01/03/2020,S\n"
				"102,01/03/2020,P\n"
				"102,01/04/2020,S\n"
				"103,01/02/2019,P\n"
				"103,01/03/2019,S\n"	/* 6: first S */
				"103,01/01/2021,S\n"
				"104,01/03/2019,P\n"
				"105,01/03/2019,P\n"
				"105,01/01/2021,S\n",
				PA, "CHILD,DATE_PLACED\n"
				"101,26/05/2018\n"
				"102,\n"
				"103,26/05/2018\n"
				"104,01/02/2010\n"
				"105,26/05/2021\n", -1),
			    "Episodes:2 Episodes:6 PlacedAdoption:2 "
			    "PlacedAdoption:4");
}

static void test_117(void **state)
{
	(void)state;
	assert_string_equal(chk(2023, "117",
				EPS, "CHILD,DECOM,DEC,REC\n"
				"101,01/01/2019,01/01/2019,E45\n"
				"102,01/01/2021,01/01/2021,E15\n"
				"102,03/01/2022,03/01/2022,E46\n"
				"104,10/01/2022,10/01/2022,E11\n"
				"104,11/02/2022,11/02/2022,X1\n"
				"105,25/01/2022,25/01/2022,E47\n"
				"106,01/04/2022,,\n",
				PA, "CHILD,DATE_PLACED,DATE_PLACED_CEASED\n"
				"101,26/05/2000,26/05/2000\n"
				"102,26/05/2000,01/07/2023\n"	/* > year */
				"104,01/02/2016,26/05/2022\n"	/* > DEC */
				"105,26/05/2023,\n"		/* > year */
				"106,01/05/2022,\n", -1),
			    "Episodes:4 Episodes:5 Episodes:7 "
			    "PlacedAdoption:3 PlacedAdoption:4 "
			    "PlacedAdoption:5");
}

static void test_118(void **state)
{
	(void)state;
	assert_string_equal(chk(2023, "118",
				EPS, "CHILD,DECOM,LS\n"
				"101,01/01/2019,C2\n"
				"102,01/05/2022,V3\n"
				"102,01/06/2022,C2\n"	/* 4: first not V3 */
				"102,01/07/2022,C2\n"
				"103,01/01/2019,C2\n"
				"104,01/01/2019,C2\n",
				PA, "CHILD,DATE_PLACED_CEASED\n"
				"101,08/03/2022\n"	/* before the year */
				"102,15/05/2022\n"	/* before episode 4 */
				"103,13/10/2022\n"
				"104,\n", -1),
			    "Episodes:2 Episodes:4 PlacedAdoption:2 "
			    "PlacedAdoption:3");
}

static void test_551(void **state)
{
	(void)state;
	assert_string_equal(chk(2023, "551",
				EPS, "CHILD,DECOM,PLACE\n"
				"0,01/04/2022,U1\n"
				"A,01/04/2022,A3\n"	/* blank date */
				"E,01/04/2022,A3\n"
				"I,01/04/2022,A5\n"	/* no row */
				"G,01/04/2022,U1\n",
				PA, "CHILD,DATE_PLACED\n"
				"A,\nE,01/01/2022\nG,\n", -1),
			    "Episodes:3 Episodes:5");
}

static void test_552(void **state)
{
	(void)state;
	assert_string_equal(chk(2023, "552",
				EPS, "CHILD,DECOM,PLACE\n"
				"104,08/03/2022,A3\n"
				"105,22/07/2022,A4\n"
				"107,13/10/2021,A6\n"
				"108,22/06/2022,U1\n"
				"109,26/05/2018,A3\n"
				"110,01/06/2022,U1\n"
				"110,01/08/2022,A3\n"
				"110,01/10/2022,A4\n",
				PA, "CHILD,DATE_PLACED\n"
				"104,08/03/2022\n"
				"105,22/06/2022\n"
				"107,13/10/2022\n"
				"108,24/10/2021\n"
				"109,\n"
				"110,01/05/2022\n"
				"110,01/09/2022\n", -1),
			    "Episodes:4 Episodes:8 PlacedAdoption:4 "
			    "PlacedAdoption:8");
}

static void test_553(void **state)
{
	char csv[512];

	(void)state;
	snprintf(csv, sizeof(csv), "%s%s", pa_hdr,
		 "111,01/04/2022,01/06/2022,RD1\n"
		 "333,01/04/2022,01/06/2022,RD1\n"
		 "555,01/04/2022,,RD1\n"	/* 4: E1 open, reason */
		 "777,,01/06/2022,\n"		/* 5: E1 open, date */
		 "888,01/04/2022,,\n");
	assert_string_equal(chk(2023, "553",
				EPS, "CHILD,DECOM,LS,DEC\n"
				"111,01/04/2022,E1,01/06/2022\n"
				"333,01/04/2022,C2,06/06/2022\n"
				"444,01/04/2022,E1,\n"	/* 4: no row */
				"555,01/04/2022,E1,\n"
				"777,01/04/2022,E1,\n",
				PA, csv, -1),
			    "Episodes:4 PlacedAdoption:4 PlacedAdoption:5");
}

static void test_554(void **state)
{
	(void)state;
	assert_string_equal(chk(2023, "554",
				EPS, "CHILD,DECOM,LS\n"
				"101,01/01/2022,E1\n"
				"101,11/01/2022,C2\n"
				"102,01/01/2022,C2\n"
				"103,01/01/2022,C2\n"
				"103,22/07/2022,E1\n"
				"104,01/02/2016,E1\n"
				"104,01/01/2020,E1\n"
				"105,11/01/2022,E1\n",
				PA, "CHILD,DATE_PLACED\n"
				"101,26/05/2022\n102,\n103,26/05/2022\n"
				"104,22/01/2022\n105,11/01/2022\n", -1),
			    "Episodes:2 Episodes:7 PlacedAdoption:2 "
			    "PlacedAdoption:5");
}

static void test_557(void **state)
{
	const char *eps = "CHILD,DECOM,PLACE,LS,REC\n"
			  "11,01/04/2022,A3,C2,E4a\n"
			  "202,01/04/2022,U1,D1,E4a\n"
			  "3003,01/04/2022,A4,D1,E12\n"
			  "40004,01/04/2022,U1,E1,E4a\n"
			  "5005,01/04/2022,A5,C2,E4a\n"
			  "606,01/04/2022,A6,C2,E4a\n"
			  "77,01/04/2022,U1,C2,E4a\n"
			  "8,01/04/2022,A6,C2,X1\n"
			  "9,01/04/2022,U1,D1,E4a\n";
	const char *pa = "CHILD,DATE_PLACED_CEASED,REASON_PLACED_CEASED\n"
			 "11,,\n"
			 "202,01/02/2022,RD1\n"
			 "3003,,\n"
			 "40004,,\n"
			 "606,,\n"
			 "9,,\n";

	(void)state;
	/* D1 counts until 2024 */
	assert_string_equal(chk(2024, "557", EPS, eps, PA, pa, -1),
			    "Episodes:2 Episodes:5 Episodes:6 Episodes:7 "
			    "Episodes:10 PlacedAdoption:2 PlacedAdoption:5 "
			    "PlacedAdoption:6 PlacedAdoption:7");
	assert_string_equal(chk(2025, "557", EPS, eps, PA, pa, -1),
			    "Episodes:2 Episodes:5 Episodes:6 Episodes:7 "
			    "PlacedAdoption:2 PlacedAdoption:5 "
			    "PlacedAdoption:6");
}

static void test_558(void **state)
{
	(void)state;
	assert_string_equal(chk(2023, "558",
				EPS, "CHILD,DECOM,REC\n"
				"A,01/04/2022,E11\n"
				"D,01/04/2022,E12\n"	/* 2 decisions */
				"F,01/04/2022,E12\n"
				"I,01/04/2022,E12\n"
				"J,01/04/2022,E11\n"	/* 2 adoptions */
				"J,01/05/2022,E11\n"
				"K,01/04/2022,E11\n",
				PA, "CHILD,DATE_PLACED_CEASED\n"
				"A,\n"
				"D,01/01/2022\nD,02/01/2022\n"
				"F,01/01/2022\n"
				"I,01/01/2022\nI,\n"
				"J,01/01/2022\n", -1),
			    "Episodes:3 Episodes:6 Episodes:7");
}

/* ---- Episodes and AD1; PlacedAdoption and AD1 ---- */

static void test_331(void **state)
{
	(void)state;
	assert_string_equal(chk(2023, "331",
				EPS, "CHILD,DECOM,REC\n"
				"111,01/01/2022,E12\n"
				"222,01/06/2022,E11\n"
				"333,12/12/2022,E12\n"
				"444,01/02/2022,E11\n"
				"555,01/01/2022,E4a\n"
				"555,05/06/2022,E12\n",
				AD1, "CHILD,DATE_MATCH\n"
				"111,01/01/2022\n222,02/06/2022\n"
				"333,11/11/2022\n444,\n555,01/02/2022\n", -1),
			    "Episodes:3 AD1:3");
}

static void test_334(void **state)
{
	(void)state;
	assert_string_equal(chk(2023, "334",
				EPS, "CHILD,DECOM,RNE\n"
				"101,01/03/2020,S\n"
				"102,01/03/2020,S\n"
				"103,01/03/2019,S\n"
				"103,01/01/2020,S\n"	/* 5: latest S */
				"104,01/03/2019,P\n"
				"105,01/03/2019,P\n"
				"105,01/01/2020,S\n"
				"105,26/05/2021,P\n",
				AD1, "CHILD,DATE_INT\n"
				"101,26/05/2018\n102,\n103,26/05/2019\n"
				"104,01/02/2010\n105,26/05/2019\n", -1),
			    "Episodes:2 Episodes:5 Episodes:8 AD1:2 AD1:4 "
			    "AD1:6");
}

static void test_335(void **state)
{
	(void)state;
	assert_string_equal(chk(2023, "335",
				EPS, "CHILD,DECOM,PLACE,REC\n"
				"10,01/04/2022,A2,E1\n"
				"11,01/04/2022,U1,E1\n"
				"12,01/04/2022,A1,E1\n"
				"13,01/04/2022,U1,E12\n"
				"14,01/04/2022,A4,E11\n"
				"15,01/04/2022,A4,E11\n"
				"16,01/04/2022,A5,E4a\n"
				"17,01/04/2022,A3,E12\n",
				AD1, "CHILD,FOSTER_CARE\n"
				"10,0\n11,1\n12,0\n13,1\n14,2\n15,1\n16,0\n"
				"17,\n", -1),
			    "Episodes:2 Episodes:7 AD1:2 AD1:7");
}

static void test_521(void **state)
{
	(void)state;
	assert_string_equal(chk(2023, "521",
				EPS, "CHILD,DECOM,PLACE\n"
				"111,01/01/2022,A6\n"
				"111,22/01/2022,U1\n"
				"111,01/11/2022,A5\n"
				"333,01/01/2022,A6\n"
				"444,01/01/2022,A3\n"
				"444,22/06/2022,A3\n"
				"678,01/01/2022,A4\n",
				AD1, "CHILD,DATE_INT\n"
				"111,08/03/2022\n333,13/10/2022\n"
				"444,22/06/2022\n678,\n", -1),
			    "Episodes:2 Episodes:5 Episodes:6 AD1:2 AD1:3 "
			    "AD1:4");
}

static void test_582(void **state)
{
	(void)state;
	assert_string_equal(chk(2023, "582",
				EPS, "CHILD,DECOM,DEC,REC\n"
				"A,01/04/2022,01/01/2023,E11\n"
				"B,01/04/2022,01/01/2023,E12\n"
				"H,01/04/2022,01/01/2023,E11\n"
				"I,01/04/2022,01/01/2023,E4a\n",
				AD1, "CHILD,DATE_MATCH\n"
				"A,\nB,02/01/2023\nH,01/01/2023\n"
				"I,01/01/2023\n", -1),
			    "Episodes:4");
}

static const char ad1_all[] = "CHILD,DATE_INT,DATE_MATCH,FOSTER_CARE,"
			      "NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\n";

static void test_601(void **state)
{
	char csv[512];

	(void)state;
	snprintf(csv, sizeof(csv), "%s%s", ad1_all,
		 "102,,01/01/2022,,,,\n"
		 "103,01/01/2022,01/02/2022,1,2,MF,L11\n"
		 "104,,,,,,L0\n");
	assert_string_equal(chk(2023, "601",
				EPS, "CHILD,DECOM,DEC,REC\n"
				"102,03/01/2019,03/07/2022,E12\n"
				"102,01/08/2022,01/01/2023,E11\n"
				"103,01/01/2002,26/05/2022,E12\n"
				"104,10/01/2002,10/01/2021,E11\n",
				AD1, csv, -1),
			    "Episodes:2 Episodes:3 AD1:2");
}

static void test_602(void **state)
{
	(void)state;
	assert_string_equal(chk(2023, "602",
				EPS, "CHILD,DECOM,DEC,REC\n"
				"111,01/04/2022,01/05/2022,E11\n"
				"222,01/04/2022,01/05/2022,E4a\n"
				"444,01/04/2021,01/05/2021,E11\n",
				AD1, "CHILD,DATE_INT\n"
				"111,01/01/2022\n"
				"123,01/01/2022\n"	/* no episodes */
				"222,\n"
				"333,01/01/2022\n"
				"444,01/01/2021\n", -1),	/* last year */
			    "AD1:3 AD1:5 AD1:6");
}

static void test_523(void **state)
{
	(void)state;
	assert_string_equal(chk(2023, "523",
				PA, "CHILD,DATE_PLACED\n"
				"1,08/03/2022\n2,22/06/2022\n5,\n6,\n"
				"7,11/11/2022\n",
				AD1, "CHILD,DATE_INT\n"
				"1,08/03/2022\n2,22/07/2022\n5,26/05/2022\n"
				"6,\n8,01/10/2022\n", -1),
			    "AD1:3 PlacedAdoption:3");
}

static void test_525(void **state)
{
	char csv[512];

	(void)state;
	snprintf(csv, sizeof(csv), "%s%s", ad1_all,
		 "104,,,,,,\n"
		 "105,,01/06/2022,,,,\n"
		 "108,,,,,,L0\n"
		 "109,01/06/2022,01/06/2022,1,2,MF,L11\n");
	assert_string_equal(chk(2023, "525",
				PA, "CHILD,DATE_PLACED_CEASED\n"
				"104,08/03/2022\n105,22/06/2022\n"
				"108,24/10/2022\n109,\n",
				AD1, csv, -1),
			    "AD1:3 AD1:4 PlacedAdoption:3 PlacedAdoption:4");
}

/* ---- Missing ---- */

static void test_567(void **state)
{
	(void)state;
	assert_string_equal(chk(2023, "567", MIS,
				"CHILD,MIS_START,MIS_END\n"
				"1,01/06/2022,05/06/2022\n"
				"2,02/06/2022,\n"
				"3,03/06/2022,01/06/2022\n"
				"4,04/06/2022,02/06/2022\n"
				"5,04/06/2022,04/06/2022\n", -1),
			    "Missing:4 Missing:5");
}

static void test_570(void **state)
{
	(void)state;
	assert_string_equal(chk(2023, "570", MIS,
				"CHILD,MIS_START\n"
				"a,08/04/2023\nb,22/06/2023\nc,13/10/2022\n"
				"d,31/03/2023\n", -1),
			    "Missing:2 Missing:3");
}

static void test_571(void **state)
{
	(void)state;
	assert_string_equal(chk(2023, "571", MIS,
				"CHILD,MIS_START,MIS_END\n"
				"a,01/03/2022,08/03/2022\n"
				"b,01/03/2022,\n"
				"c,01/06/2022,22/06/2022\n"
				"d,01/03/2023,01/04/2023\n"
				"e,01/03/2022,01/04/2022\n", -1),
			    "Missing:2 Missing:5");
}

static void test_586(void **state)
{
	(void)state;
	assert_string_equal(chk(2023, "586", MIS,
				"CHILD,DOB,MIS_START\n"
				"a,02/02/2020,07/02/2020\n"
				"b,04/02/2020,03/02/2020\n"
				"c,07/02/2020,07/02/2020\n", -1),
			    "Missing:3 Missing:4");
}

static void test_574(void **state)
{
	(void)state;
	assert_string_equal(chk(2023, "574", MIS,
				"CHILD,MIS_START,MIS_END\n"
				"111,01/06/2022,05/06/2022\n"	/* 2 */
				"111,04/06/2022,\n"
				"222,03/06/2022,04/06/2022\n"
				"222,04/06/2022,\n"
				"222,07/06/2022,09/06/2022\n"	/* 6 */
				"333,02/06/2022,04/06/2022\n"
				"333,03/06/2022,09/06/2022\n"	/* 8 */
				"444,06/06/2022,08/06/2022\n"
				"444,08/06/2022,10/08/2022\n"	/* 10 */
				"444,10/06/2022,10/06/2022\n", -1),
			    "Missing:2 Missing:6 Missing:8 Missing:10");
}

static void test_575(void **state)
{
	(void)state;
	assert_string_equal(chk(2023, "575",
				EPS, "CHILD,DECOM,DEC\n"
				"111,01/06/2022,10/06/2022\n"
				"123,08/06/2022,10/06/2022\n"
				"333,06/06/2022,\n"
				"444,08/06/2022,10/06/2022\n"
				"444,11/06/2022,\n",
				MIS, "CHILD,MIS_START,MIS_END\n"
				"111,01/06/2022,05/06/2022\n"
				"123,08/06/2022,\n"
				"333,12/06/2022,\n"
				"444,09/06/2022,\n"
				"444,12/06/2022,\n", -1),
			    "Missing:3 Missing:5");
}

/* Periods of care for 577 and 707 (and the same rows as DoLOs). */
static const char poc_eps[] =
	"CHILD,DECOM,DEC\n"
	"1,01/04/2021,31/01/2023\n"
	"2,01/04/2021,30/01/2023\n"
	"4,01/04/2022,\n"
	"5,01/04/2021,01/06/2021\n"
	"5,01/09/2021,01/12/2021\n"	/* with the next: one period */
	"5,01/12/2021,01/02/2023\n"
	"6,01/06/2022,04/02/2023\n"
	"8,01/06/2022,04/02/2023\n"
	"9,01/05/2022,01/08/2022\n"
	"9,01/09/2022,\n";
static const char poc_rows[] =
	"1,01/01/2023,\n"		/* 2: open, care ended */
	"2,01/01/2023,02/06/2023\n"	/* 3: ends after care */
	"4,01/05/2022,04/06/2022\n"
	"5,01/10/2021,01/11/2021\n"	/* in the second period */
	"5,01/11/2021,01/01/2023\n"
	"6,01/05/2022,01/05/2022\n"	/* 7: ends before care */
	"8,01/07/2022,\n"		/* 8 */
	"9,01/06/2022,\n"		/* 9: open, first period ended */
	"9,01/10/2022,\n"		/* open in an open period */
	"99,01/10/2022,\n";		/* no episodes */

static void test_577(void **state)
{
	char csv[512];

	(void)state;
	snprintf(csv, sizeof(csv), "CHILD,MIS_START,MIS_END\n%s", poc_rows);
	assert_string_equal(chk(2023, "577", EPS, poc_eps, MIS, csv, -1),
			    "Missing:2 Missing:3 Missing:7 Missing:8 "
			    "Missing:9");
}

static void test_578(void **state)
{
	(void)state;
	assert_string_equal(chk(2023, "578",
				EPS, "CHILD,DECOM,DEC\n"
				"1,01/04/2021,31/01/2023\n"
				"3,01/04/2021,01/06/2021\n"
				"3,01/09/2021,01/02/2023\n"
				"4,01/04/2022,\n",
				MIS, "CHILD,MIS_START,MIS_END\n"
				"1,01/02/2023,\n"		/* after */
				"3,01/07/2021,01/07/2021\n"	/* between */
				"3,01/10/2021,01/10/2021\n"
				"4,01/03/2022,01/03/2022\n"	/* before */
				"4,01/05/2022,\n"
				"7,01/05/2022,\n", -1),
			    "Missing:2 Missing:3 Missing:5");
}

static void test_581(void **state)
{
	(void)state;
	assert_string_equal(chk(2023, "581",
				EPS, "CHILD,DECOM,DEC\n"
				"111,01/06/2022,10/06/2022\n"
				"222,06/06/2022,10/06/2022\n"
				"444,08/06/2022,10/06/2022\n"
				"444,12/06/2022,\n"
				"555,15/06/2022,20/06/2022\n",
				MIS, "CHILD,MIS_START,MIS_END\n"
				"111,01/06/2022,05/06/2022\n"
				"222,05/06/2022,05/06/2022\n"	/* before */
				"444,11/06/2022,11/06/2022\n"	/* between */
				"444,19/06/2022,\n"
				"555,21/06/2022,21/06/2022\n"	/* after */
				"666,01/06/2022,\n", -1),
			    "Missing:3 Missing:4 Missing:6");
}

/* ---- PrevPerm ---- */

static const char pp_hdr[] = "CHILD,PREV_PERM,LA_PERM,DATE_PERM\n";

static void test_631(void **state)
{
	(void)state;
	assert_string_equal(chk(2023, "631", PP, "CHILD,PREV_PERM\n"
				"1,P0\n2,P1\n3,p1\n4,\n5,Z1\n", -1),
			    "PrevPerm:2 PrevPerm:4");
}

static void test_633(void **state)
{
	(void)state;
	assert_string_equal(chk(2023, "633", PP, "CHILD,LA_PERM\n"
				"1,\n2,SCO\n3,204\n4,458\n5,176\n6,212\n"
				"7,WAL\n", -1),
			    "PrevPerm:5 PrevPerm:6");
}

static void test_635(void **state)
{
	char csv[256];

	(void)state;
	snprintf(csv, sizeof(csv), "%s%s", pp_hdr,
		 "2,Z1,,\n4,,352,\n5,,,01/05/2000\n6,Z1,352,\n7,,,\n"
		 "8,P1,352,05/05/2020\n");
	assert_string_equal(chk(2023, "635", PP, csv, -1),
			    "PrevPerm:3 PrevPerm:4");
}

static void test_630(void **state)
{
	char csv[256];

	(void)state;
	snprintf(csv, sizeof(csv), "%s%s", pp_hdr,
		 "2,Z1,,\n4,P1,352,\n5,P1,,01/05/2000\n6,Z1,,\n7,,,\n"
		 "8,P1,352,05/05/2020\n");
	assert_string_equal(chk(2023, "630",
				EPS, "CHILD,DECOM,RNE\n"
				"0,01/04/2022,T\n"
				"1,01/04/2022,S\n"	/* 3: no PrevPerm */
				"2,01/04/2022,S\n"
				"3,01/04/2022,P\n"
				"4,31/03/2022,S\n"	/* last year */
				"5,01/04/2022,S\n"	/* 7: LA_PERM blank */
				"6,01/04/2022,S\n"
				"7,01/04/2022,S\n"	/* 9: blank */
				"8,01/04/2022,S\n",
				PP, csv, -1),
			    "Episodes:3 Episodes:7 Episodes:9");
}

static void test_632(void **state)
{
	(void)state;
	assert_string_equal(chk(2023, "632",
				EPS, "CHILD,DECOM\n"
				"101,20/10/2011\n"
				"102,17/06/2001\n"
				"102,19/11/2021\n"
				"104,11/09/2015\n"
				"105,01/03/2021\n"
				"106,01/06/2021\n"
				"107,31/05/2021\n"
				"108,01/07/2021\n"
				"109,01/07/2021\n"
				"110,01/07/2021\n",
				PP, "CHILD,DATE_PERM\n"
				"101,xx/10/2011\n"	/* not a date */
				"102,17/06/2001\n"	/* = first DECOM */
				"104,\n"
				"105,05/ZZ/2020\n"	/* 04/01/2021 */
				"106,ZZ/05/2021\n"	/* 31/05/2021 */
				"107,ZZ/05/2021\n"	/* 7: = DECOM */
				"108,ZZ/ZZ/ZZZZ\n"
				"109,ZZ/ZZ/ZZ\n"
				"110,01/13/2000\n", -1),
			    "Episodes:2 Episodes:3 Episodes:8 Episodes:10 "
			    "Episodes:11 PrevPerm:2 PrevPerm:3 PrevPerm:7 "
			    "PrevPerm:9 PrevPerm:10");
}

static void test_634(void **state)
{
	char csv[256];

	(void)state;
	snprintf(csv, sizeof(csv), "%s%s", pp_hdr,
		 "101,Z1,,\n102,,352,\n103,,,01/05/2000\n6,Z1,,\n7,,,\n");
	assert_string_equal(chk(2023, "634",
				EPS, "CHILD,DECOM\n"
				"101,20/10/2021\n"
				"102,17/06/2001\n"
				"102,19/11/2022\n"
				"103,04/04/2002\n"
				"103,11/09/2015\n"
				"103,01/03/2022\n"
				"7,01/01/2020\n",
				PP, csv, -1),
			    "Episodes:2 Episodes:5 Episodes:6 Episodes:7 "
			    "PrevPerm:2 PrevPerm:4");
}

/* ---- DoLo ---- */

static void test_700(void **state)
{
	const char *d = "CHILD,DOLO_START,DOLO_END\n"
			"1,01/01/2027,\n"
			"2,,01/02/2027\n";

	(void)state;
	assert_string_equal(chk(2027, "700", DOLO, d, -1), "DoLo:3");
	assert_string_equal(chk(2026, "700", DOLO, d, -1), "");
}

static void test_702(void **state)
{
	(void)state;
	assert_string_equal(chk(2027, "702", DOLO,
				"CHILD,DOLO_START,DOLO_END\n"
				"1,01/01/2027,01/01/2027\n"
				"2,01/01/2027,\n"
				"3,,10/12/2026\n"
				"4,02/01/2027,01/01/2027\n"
				"5,01/01/2027,02/02/2027\n", -1),
			    "DoLo:2 DoLo:5");
}

static void test_703(void **state)
{
	(void)state;
	assert_string_equal(chk(2027, "703", DOLO,
				"CHILD,DOLO_START\n"
				"1,31/03/2027\n2,\n3,01/04/2027\n", -1),
			    "DoLo:4");
}

static void test_704(void **state)
{
	(void)state;
	assert_string_equal(chk(2027, "704", DOLO,
				"CHILD,DOLO_START,DOLO_END\n"
				"1,01/03/2026,31/03/2026\n"
				"2,01/03/2027,01/04/2027\n"
				"3,01/03/2026,01/04/2026\n"
				"4,01/03/2027,\n", -1),
			    "DoLo:2 DoLo:3");
}

static void test_705(void **state)
{
	(void)state;
	assert_string_equal(chk(2027, "705", DOLO,
				"CHILD,DOLO_START,DOLO_END\n"
				"1,01/01/2027,02/01/2027\n"
				"1,03/01/2027,06/01/2027\n"	/* 3 */
				"1,04/01/2027,04/01/2027\n"
				"2,01/01/2027,\n"
				"2,02/01/2027,02/01/2027\n"	/* 6 */
				"3,01/01/2027,02/01/2027\n"
				"4,01/04/2026,\n"
				"4,04/04/2026,\n"		/* 9 */
				"4,08/04/2026,10/04/2026\n",	/* 10 */
				-1),
			    "DoLo:3 DoLo:6 DoLo:9 DoLo:10");
}

static void test_707(void **state)
{
	char csv[512];

	(void)state;
	snprintf(csv, sizeof(csv), "CHILD,DOLO_START,DOLO_END\n%s",
		 poc_rows);
	assert_string_equal(chk(2027, "707", EPS, poc_eps, DOLO, csv, -1),
			    "DoLo:2 DoLo:3 DoLo:7 DoLo:8 DoLo:9");
}

static void test_708(void **state)
{
	(void)state;
	assert_string_equal(chk(2027, "708", DOLO,
				"CHILD,DOB,DOLO_START\n"
				"1,01/01/2020,01/01/2020\n"
				"2,01/01/2020,02/01/2020\n"
				"3,,01/01/2020\n"
				"4,01/01/2021,01/01/2020\n", -1),
			    "DoLo:2 DoLo:5");
}

static const char dolo_eps[] = "CHILD,DECOM,DEC,PLACE\n"
			       "1,01/01/2027,04/01/2027,P1\n"
			       "1,10/01/2027,20/01/2027,K2\n"
			       "2,01/01/2027,,U1\n";
static const char dolo_rows[] = "CHILD,DOLO_START,DOLO_END\n"
				"1,25/12/2026,31/12/2026\n"	/* before */
				"1,31/12/2026,05/01/2027\n"	/* 3: spans */
				"1,02/01/2027,03/01/2027\n"	/* 4: inside */
				"1,03/01/2027,\n"		/* no end */
				"1,06/01/2027,07/01/2027\n"	/* between */
				"1,11/01/2027,12/01/2027\n"	/* in K2 */
				"2,02/01/2027,03/01/2027\n";	/* 8: open */

static void test_709(void **state)
{
	(void)state;
	assert_string_equal(chk(2027, "709", EPS, dolo_eps, DOLO, dolo_rows,
				-1),
			    "Episodes:2 Episodes:4 DoLo:3 DoLo:4 DoLo:8");
}

static void test_710(void **state)
{
	(void)state;
	assert_string_equal(chk(2027, "710", EPS, dolo_eps, DOLO, dolo_rows,
				-1),
			    "Episodes:2 DoLo:3 DoLo:4");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_registry),
		cmocka_unit_test(test_166),
		cmocka_unit_test(test_167),
		cmocka_unit_test(test_440),
		cmocka_unit_test(test_441),
		cmocka_unit_test(test_399),
		cmocka_unit_test(test_114),
		cmocka_unit_test(test_175),
		cmocka_unit_test(test_176),
		cmocka_unit_test(test_177),
		cmocka_unit_test(test_151),
		cmocka_unit_test(test_511),
		cmocka_unit_test(test_514),
		cmocka_unit_test(test_517),
		cmocka_unit_test(test_518),
		cmocka_unit_test(test_519),
		cmocka_unit_test(test_520),
		cmocka_unit_test(test_524),
		cmocka_unit_test(test_333),
		cmocka_unit_test(test_119),
		cmocka_unit_test(test_120),
		cmocka_unit_test(test_522),
		cmocka_unit_test(test_563),
		cmocka_unit_test(test_579),
		cmocka_unit_test(test_583),
		cmocka_unit_test(test_184),
		cmocka_unit_test(test_1003),
		cmocka_unit_test(test_117),
		cmocka_unit_test(test_118),
		cmocka_unit_test(test_551),
		cmocka_unit_test(test_552),
		cmocka_unit_test(test_553),
		cmocka_unit_test(test_554),
		cmocka_unit_test(test_557),
		cmocka_unit_test(test_558),
		cmocka_unit_test(test_331),
		cmocka_unit_test(test_334),
		cmocka_unit_test(test_335),
		cmocka_unit_test(test_521),
		cmocka_unit_test(test_582),
		cmocka_unit_test(test_601),
		cmocka_unit_test(test_602),
		cmocka_unit_test(test_523),
		cmocka_unit_test(test_525),
		cmocka_unit_test(test_567),
		cmocka_unit_test(test_570),
		cmocka_unit_test(test_571),
		cmocka_unit_test(test_586),
		cmocka_unit_test(test_574),
		cmocka_unit_test(test_575),
		cmocka_unit_test(test_577),
		cmocka_unit_test(test_578),
		cmocka_unit_test(test_581),
		cmocka_unit_test(test_631),
		cmocka_unit_test(test_633),
		cmocka_unit_test(test_635),
		cmocka_unit_test(test_630),
		cmocka_unit_test(test_632),
		cmocka_unit_test(test_634),
		cmocka_unit_test(test_700),
		cmocka_unit_test(test_702),
		cmocka_unit_test(test_703),
		cmocka_unit_test(test_704),
		cmocka_unit_test(test_705),
		cmocka_unit_test(test_707),
		cmocka_unit_test(test_708),
		cmocka_unit_test(test_709),
		cmocka_unit_test(test_710),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
