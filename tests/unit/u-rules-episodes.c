/*
 * u-rules-episodes.c: the Episodes rules, each with cases that must be
 * flagged and cases that must not (src/validate/rules-episodes.c).
 *
 * Most cases are the peer validator's test_validate() rows moved into
 * the collection year 2026 (1 April 2025 to 31 March 2026) unless a rule
 * row of another year is being tested.
 */
#include "unit.h"
#include "v-fixture.h"

#define EN V_ENGLAND
#define WA V_WALES

/*
 * A return of Header (hdr, may be NULL) and Episodes, checked for one
 * rule; the flagged rows as fx_run() gives them.
 */
static const char *run(const char *code, int year, enum v_nation nation,
		       const char *hdr, const char *eps)
{
	struct s903_return r = S903_RETURN_INIT;
	const char *out;

	if (hdr)
		fx_table(&r, S903_HEADER, hdr);
	fx_table(&r, S903_EPISODES, eps);
	out = fx_run(&r, NULL, year, nation, code);
	s903_return_release(&r);
	return out;
}

/* Set the derived PL_LA of the episode from line (not a CSV column). */
static void set_pl_la(struct s903_return *r, uint32_t line, const char *la)
{
	size_t n;
	struct s903_episode *e = s903_rows(r, S903_EPISODES, &n);

	for (size_t i = 0; i < n; i++)
		if (e[i].line == line)
			snprintf(e[i].pl_la, sizeof(e[i].pl_la), "%s", la);
}

/* A register of homes for the URN rules (sorted by URN). */
static const struct home homes[] = {
	{ .urn = "SC1", .postcode = "AB12CD", .la = "E09000001",
	  .registered = DATE_NONE, .closed = DATE_NONE },
	{ .urn = "SC2", .postcode = "EF3 4GH", .la = "E09000002",
	  .registered = DATE_NONE, .closed = 20240 /* 01/06/2025 */ },
};

/* fx_run() with the register of homes and the council's code. */
static const char *run_homes(const char *code, int year,
			     enum v_nation nation, const char *eps)
{
	static char out[4096];
	struct s903_return r = S903_RETURN_INIT;
	const char *only[] = { code, NULL };
	struct v_input in = { .r = &r, .year = year, .nation = nation,
			      .homes = homes, .nhomes = ARRAY_SIZE(homes) };
	struct v_result res = V_RESULT_INIT;
	size_t len = 0;

	snprintf(r.la, sizeof(r.la), "E09000001");
	fx_table(&r, S903_EPISODES, eps);
	validate_return(&in, only, &res);
	out[0] = '\0';
	for (size_t i = 0; i < res.n; i++) {
		size_t n;
		const struct s903_episode *e = s903_rows(&r, S903_EPISODES,
							 &n);

		assert_int_equal(res.v[i].table, S903_EPISODES);
		len += (size_t)snprintf(out + len, sizeof(out) - len,
					"%sEpisodes:%u", len ? " " : "",
					e[res.v[i].row].line);
		assert_true(len < sizeof(out));
	}
	v_result_release(&res);
	s903_return_release(&r);
	return out;
}

static void test_homes_fixture(void **state)
{
	(void)state;
	/* the register's closing date above is the day it says */
	assert_int_equal(homes[1].closed, date_from_ymd(2025, 6, 1));
}

/* Rules the import enforces, and rules not checked yet, have no function. */
static void test_registry(void **state)
{
	static const char *const import[] = {
		"141", "143", "144", "145", "147", "149", "1009",
	};
	static const char *const todo[] = { "219", "224" };

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(import); i++) {
		const struct v_rule *r = v_rule_find(import[i], 2026, WA);

		assert_non_null(r);
		assert_non_null(r->at_import);
		assert_null(r->child);
	}
	for (size_t i = 0; i < ARRAY_SIZE(todo); i++) {
		const struct v_rule *r = v_rule_find(todo[i], 2026, EN);

		assert_non_null(r);
		assert_non_null(r->todo);
		assert_null(v_rule_find(todo[i], 2026, WA));
	}
	/* the URN rules are England's */
	assert_null(v_rule_find("218", 2026, WA));
	assert_non_null(v_rule_find("218", 2026, EN));
	/* rules new in 2026 */
	assert_null(v_rule_find("233", 2025, WA));
	assert_null(v_rule_find("234", 2025, WA));
}

static void test_1008(void **state)
{
	const char *eps = "CHILD,DECOM,PLACE,URN\n"
			  "1,01/05/2025,K2,SC1\n"	/* 2: known */
			  "2,01/05/2025,K2,SC9\n"	/* 3: unknown */
			  "3,01/05/2025,K2,XXXXXXX\n"	/* 4: no URN */
			  "4,01/05/2025,K2,\n";		/* 5 */

	(void)state;
	assert_string_equal(run_homes("1008", 2026, EN, eps), "Episodes:3");
	assert_string_equal(run_homes("1008", 2026, WA, eps), "");
	/* without the register the rule does not apply */
	assert_string_equal(run("1008", 2026, EN, NULL, eps), "");
}

static void test_1012(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,DECOM\n"
		 "1,01/05/2025\n");
	fx_table(&r, S903_MISSING,
		 "CHILD,MISSING,MIS_START\n"
		 "1,M,02/05/2025\n"		/* 2: has episodes */
		 "2,M,02/05/2025\n");		/* 3: has none */
	fx_table(&r, S903_OC2,
		 "CHILD,CONVICTED\n"
		 "2,0\n");			/* 2 */
	fx_table(&r, S903_REVIEWS,
		 "CHILD,REVIEW\n"
		 "1,03/05/2025\n"		/* 2 */
		 "2,03/05/2025\n");		/* 3 */
	assert_string_equal(fx_run(&r, NULL, 2026, WA, "1012"),
			    "Missing:3 OC2:2 Reviews:3");
	s903_return_release(&r);
}

static void test_1015(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	snprintf(r.la, sizeof(r.la), "W06000015");
	fx_table(&r, S903_EPISODES,
		 "CHILD,DECOM,LS,PLACE,PLACE_PROVIDER\n"
		 "1,01/05/2025,C1,K2,PR1\n"	/* 2: in the council */
		 "2,01/05/2025,C1,K2,PR1\n"	/* 3: elsewhere: flagged */
		 "3,01/05/2025,C1,U2,PR1\n"	/* 4: foster care */
		 "4,01/05/2025,V3,K2,PR1\n"	/* 5: short break */
		 "5,01/05/2025,C1,K2,PR2\n"	/* 6: another council's */
		 "6,01/05/2025,C1,K2,PR1\n");	/* 7: PL_LA unknown */
	set_pl_la(&r, 2, "W06000015");
	for (uint32_t line = 3; line <= 6; line++)
		set_pl_la(&r, line, "W06000011");
	assert_string_equal(fx_run(&r, NULL, 2026, WA, "1015"), "Episodes:3");
	s903_return_release(&r);
}

static void test_142(void **state)
{
	(void)state;
	assert_string_equal(run("142", 2026, WA, NULL,
				"CHILD,DECOM,DEC,REC\n"
				"1,01/06/2025,04/06/2025,X1\n"	/* 2 */
				"1,05/06/2025,06/06/2025,\n"	/* 3: no REC */
				"1,06/06/2025,,\n"		/* 4: last */
				"2,06/06/2025,,E11\n"		/* 5: no DEC */
				"2,07/06/2025,,\n"		/* 6: last */
				"3,08/06/2025,,\n"),		/* 7: only */
			    "Episodes:3 Episodes:5");
}

static void test_146(void **state)
{
	const char *eps = "CHILD,DECOM,PLACE\n"
			  "1,01/05/2025,K3\n"	/* 2: from 2025 */
			  "2,01/05/2025,H5\n"	/* 3: until 2025 */
			  "3,01/05/2025,P2\n"	/* 4: until 2025 */
			  "4,01/05/2025,Z1\n"	/* 5: until 2025 */
			  "5,01/05/2025,U1\n";	/* 6: always */

	(void)state;
	assert_string_equal(run("146", 2023, WA, NULL, eps), "Episodes:2");
	assert_string_equal(run("146", 2024, WA, NULL, eps), "Episodes:2");
	assert_string_equal(run("146", 2025, WA, NULL, eps), "");
	assert_string_equal(run("146", 2026, WA, NULL, eps),
			    "Episodes:3 Episodes:4 Episodes:5");
}

static void test_148(void **state)
{
	(void)state;
	assert_string_equal(run("148", 2026, WA, NULL,
				"CHILD,DECOM,DEC,REC\n"
				"1,01/06/2025,04/06/2025,\n"	/* 2 */
				"1,05/06/2025,06/06/2025,X1\n"	/* 3 */
				"1,06/06/2025,,X1\n"		/* 4 */
				"2,07/06/2025,,\n"),		/* 5 */
			    "Episodes:2 Episodes:4");
}

static void test_169_179(void **state)
{
	const char *eps = "CHILD,DECOM,LS\n"
			  "1,01/05/2025,C1\n"	/* 2: PL_LA known */
			  "2,01/05/2025,C1\n"	/* 3: unknown */
			  "3,01/05/2025,V3\n";	/* 4: short break */
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES, eps);
	set_pl_la(&r, 2, "W06000015");
	assert_string_equal(fx_run(&r, NULL, 2026, WA, "169"), "Episodes:3");
	assert_string_equal(fx_run(&r, NULL, 2026, WA, "179"), "Episodes:3");
	s903_return_release(&r);
	/* no PL_LA at all: no postcode register at import, nothing said */
	assert_string_equal(run("169", 2026, WA, NULL, eps), "");
	assert_string_equal(run("179", 2026, WA, NULL, eps), "");
}

static void test_178(void **state)
{
	const char *eps = "CHILD,DECOM,PLACE,PLACE_PROVIDER\n"
			  "1,01/05/2025,U1,PR1\n"	/* 2 */
			  "2,01/05/2025,T0,PR1\n"	/* 3: none needed */
			  "3,01/05/2025,T4,PR1\n"	/* 4: until 2025 */
			  "4,01/05/2025,Z1,PR1\n"	/* 5: until 2025 */
			  "5,01/05/2025,U1,PR9\n"	/* 6: no such code */
			  "6,01/05/2025,T0,\n";		/* 7 */

	(void)state;
	assert_string_equal(run("178", 2025, WA, NULL, eps),
			    "Episodes:3 Episodes:4 Episodes:5 Episodes:6");
	assert_string_equal(run("178", 2026, WA, NULL, eps),
			    "Episodes:3 Episodes:6");
}

static void test_210(void **state)
{
	(void)state;
	assert_string_equal(run("210", 2026, WA,
				"CHILD,DOB,UPN\n"
				"1,01/01/2015,UN4\n"		/* 2 */
				"2,01/01/2015,UN3\n"		/* 3 */
				"3,01/01/2015,UN4\n",		/* 4 */
				"CHILD,DECOM\n"
				"1,01/01/2026\n"		/* 2 */
				"1,24/03/2026\n"		/* 3: a week */
				"2,30/03/2026\n"		/* 4: not UN4 */
				"3,23/03/2026\n"),		/* 5 */
			    "Header:2 Episodes:3");
}

static void test_213(void **state)
{
	const char *eps = "CHILD,DECOM,PLACE,PLACE_PROVIDER\n"
			  "1,01/05/2025,T2,PR1\n"	/* 2 */
			  "2,01/05/2025,U1,PR1\n"	/* 3 */
			  "3,01/05/2025,T2,\n";		/* 4 */

	(void)state;
	assert_string_equal(run("213", 2025, WA, NULL, eps), "Episodes:2");
	assert_string_equal(run("213", 2026, WA, NULL, eps), "Episodes:2");
}

static void test_214(void **state)
{
	(void)state;
	assert_string_equal(run("214", 2026, WA, NULL,
				"CHILD,DECOM,LS,PL_POST,URN\n"
				"1,01/05/2025,V3,CF10 1AA,\n"	/* 2 */
				"2,01/05/2025,V4,,SC1\n"	/* 3 */
				"3,01/05/2025,C1,CF10 1AA,SC1\n" /* 4 */
				"4,01/05/2025,V3,,\n"),		/* 5 */
			    "Episodes:2 Episodes:3");
}

static void test_217(void **state)
{
	(void)state;
	assert_string_equal(run("217", 2026, WA, NULL,
				"CHILD,DECOM,PLACE,RNE\n"
				"1,01/04/2015,A3,S\n"		/* 2 */
				"2,20/01/2016,A5,T\n"		/* 3 */
				"3,01/10/2017,U1,P\n"		/* 4 */
				"4,20/02/2016,A3,P\n"		/* 5 */
				"5,01/01/2017,A5,B\n"		/* 6 */
				"6,01/04/2013,A5,P\n"),		/* 7: early */
			    "Episodes:5 Episodes:6");
}

static void test_218(void **state)
{
	struct s903_return r = S903_RETURN_INIT;
	const char *eps = "CHILD,DECOM,DEC,PLACE,URN\n"
			  "1,01/05/2025,,U1,\n"			/* 2 */
			  "2,01/05/2025,,U1,SC1\n"		/* 3 */
			  "3,01/05/2025,,P1,\n"			/* 4 */
			  "4,01/01/2025,01/03/2025,U1,\n"	/* 5 */
			  "5,01/05/2025,,U1,\n"			/* 6: Wales */
			  "6,01/05/2025,,H5,\n"			/* 7 */
			  "7,01/05/2025,,Z1,\n";		/* 8 */

	(void)state;
	fx_table(&r, S903_EPISODES, eps);
	set_pl_la(&r, 6, "W06000015");
	/* line 5 ended in March 2025: in 2023's and 2025's years */
	assert_string_equal(fx_run(&r, NULL, 2023, EN, "218"),
			    "Episodes:2 Episodes:5");
	assert_string_equal(fx_run(&r, NULL, 2025, EN, "218"),
			    "Episodes:2 Episodes:5 Episodes:7");
	assert_string_equal(fx_run(&r, NULL, 2026, EN, "218"),
			    "Episodes:2 Episodes:7 Episodes:8");
	assert_string_equal(fx_run(&r, NULL, 2026, WA, "218"), "");
	s903_return_release(&r);
}

static void test_221(void **state)
{
	const char *eps = "CHILD,DECOM,LS,PLACE,PL_POST,URN\n"
			  "1,01/05/2025,C1,K2,AB1 2CD,SC1\n"	/* 2 */
			  "2,01/05/2025,C1,K2,ZZ1 1ZZ,SC1\n"	/* 3 */
			  "3,01/05/2025,C1,U1,ZZ1 1ZZ,SC1\n"	/* 4 */
			  "4,01/05/2025,C1,K3,ZZ1 1ZZ,SC1\n"	/* 5 */
			  "5,01/05/2025,C1,H5,ZZ1 1ZZ,SC1\n"	/* 6 */
			  "6,01/05/2025,V3,K2,ZZ1 1ZZ,SC1\n"	/* 7 */
			  "7,01/05/2025,C1,K2,ZZ1 1ZZ,SC9\n"	/* 8 */
			  "8,01/05/2025,C1,K2,EF3 4GH,SC2\n";	/* 9 */

	(void)state;
	assert_string_equal(run_homes("221", 2023, EN, eps), "Episodes:3");
	assert_string_equal(run_homes("221", 2024, EN, eps),
			    "Episodes:3 Episodes:6");
	assert_string_equal(run_homes("221", 2025, EN, eps),
			    "Episodes:3 Episodes:5");
	assert_string_equal(run_homes("221", 2025, WA, eps), "");
}

static void test_222(void **state)
{
	const char *eps = "CHILD,DECOM,PLACE,URN\n"
			  "1,01/05/2025,H5,SC1\n"	/* 2: until 2023 */
			  "2,01/05/2025,P2,SC1\n"	/* 3: until 2024 */
			  "3,01/05/2025,Z1,SC1\n"	/* 4: until 2025 */
			  "4,01/05/2025,R1,SC1\n"	/* 5: always */
			  "5,01/05/2025,R1,XXXXXXX\n"	/* 6 */
			  "6,01/05/2025,K2,SC1\n";	/* 7 */

	(void)state;
	assert_string_equal(run("222", 2023, EN, NULL, eps),
			    "Episodes:2 Episodes:3 Episodes:4 Episodes:5");
	assert_string_equal(run("222", 2024, EN, NULL, eps),
			    "Episodes:3 Episodes:4 Episodes:5");
	assert_string_equal(run("222", 2025, EN, NULL, eps),
			    "Episodes:4 Episodes:5");
	assert_string_equal(run("222", 2026, EN, NULL, eps), "Episodes:5");
	assert_string_equal(run("222", 2026, WA, NULL, eps), "");
}

static void test_225(void **state)
{
	(void)state;
	assert_string_equal(run("225", 2026, WA, NULL,
		"CHILD,DECOM,RNE,REC,PLACE,REASON_PLACE_CHANGE\n"
		"1,01/06/2025,P,X1,U1,\n"		/* 2: flagged */
		"1,05/06/2025,P,E11,U2,\n"		/* 3 */
		"2,06/06/2025,T,X1,U1,\n"		/* 4: next is L */
		"2,07/06/2025,L,X1,U1,CARPL\n"		/* 5: has one */
		"2,08/06/2025,P,E3,U2,\n"		/* 6 */
		"3,09/06/2025,U,X1,U1,\n"		/* 7: next is T3 */
		"3,15/06/2025,P,E3,T3,\n"		/* 8 */
		"4,17/06/2025,P,X1,T4,\n"		/* 9: temporary */
		"4,18/06/2025,P,,U1,\n"),		/* 10 */
		"Episodes:2");
}

static void test_226(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_EPISODES,
		 "CHILD,DECOM,PLACE,REASON_PLACE_CHANGE\n"
		 "1,01/04/2025,U1,CARPL\n"	/* 2: ends, before a T0 */
		 "1,01/05/2025,T0,\n"		/* 3: flagged (line 2) */
		 "2,01/04/2025,T1,CHILD\n"	/* 4: flagged (its own) */
		 "3,01/04/2025,U1,CARPL\n"	/* 5: not temporary */
		 "3,01/05/2025,U2,\n"		/* 6 */
		 "4,01/04/2025,T2,\n");		/* 7: nothing recorded */
	assert_string_equal(fx_run(&r, NULL, 2026, V_WALES, "226"),
			    "Episodes:3 Episodes:4");
	/* the 2023-2025 row: the same test, another message */
	assert_string_equal(fx_run(&r, NULL, 2023, V_WALES, "226"),
			    "Episodes:3 Episodes:4");
	assert_string_not_equal(v_rule_find("226", 2025, WA)->en,
				v_rule_find("226", 2026, WA)->en);
	/* a return before 2023 is checked with the first rule set known */
	assert_string_equal(fx_run(&r, NULL, 2022, V_WALES, "226"),
			    "Episodes:3 Episodes:4");
	s903_return_release(&r);
}

static void test_227_228(void **state)
{
	/* SC2's registration ended on 01/06/2025 */
	const char *eps = "CHILD,DECOM,DEC,URN\n"
			  "1,01/05/2025,01/06/2025,SC2\n"	/* 2 */
			  "2,01/05/2025,02/06/2025,SC2\n"	/* 3 */
			  "3,01/06/2025,05/06/2025,SC2\n"	/* 4 */
			  "4,01/05/2025,,SC2\n"			/* 5 */
			  "5,01/07/2025,,SC1\n";		/* 6: open */

	(void)state;
	assert_string_equal(run_homes("227", 2026, EN, eps), "Episodes:4");
	assert_string_equal(run_homes("228", 2026, EN, eps),
			    "Episodes:3 Episodes:4 Episodes:5");
	assert_string_equal(run_homes("227", 2026, WA, eps), "");
	assert_string_equal(run_homes("228", 2026, WA, eps), "");
}

static void test_229(void **state)
{
	/* the council is E09000001, SC1's council; SC2 is elsewhere */
	(void)state;
	assert_string_equal(run_homes("229", 2026, EN,
				      "CHILD,DECOM,PLACE_PROVIDER,URN\n"
				      "1,01/05/2025,PR1,SC1\n"	/* 2 */
				      "2,01/05/2025,PR1,SC2\n"	/* 3 */
				      "3,01/05/2025,PR2,SC1\n"	/* 4 */
				      "4,01/05/2025,PR2,SC2\n"	/* 5 */
				      "5,01/05/2025,PR4,SC2\n"	/* 6 */
				      "6,01/05/2025,PR1,SC9\n"),	/* 7 */
			    "Episodes:3 Episodes:4");
}

static void test_233(void **state)
{
	const char *eps = "CHILD,DECOM,DEC,REASON_PLACE_CHANGE\n"
			  "1,01/05/2025,,CARPL\n"		/* 2 */
			  "2,01/05/2025,01/06/2025,CARPL\n"	/* 3 */
			  "3,01/05/2025,,\n";			/* 4 */

	(void)state;
	assert_string_equal(run("233", 2026, WA, NULL, eps), "Episodes:2");
	assert_string_equal(run("233", 2025, WA, NULL, eps), "");
}

static void test_234(void **state)
{
	const char *hdr = "CHILD,DOB\n"
			  "1,01/01/2016\n"	/* 2 */
			  "2,01/01/2010\n"	/* 3 */
			  "3,01/06/2015\n";	/* 4: 10 on 01/06/2025 */
	const char *eps = "CHILD,DECOM,REASON_PLACE_CHANGE\n"
			  "1,01/06/2025,CUSTOD\n"	/* 2: aged 9 */
			  "2,01/06/2025,CUSTOD\n"	/* 3: aged 15 */
			  "3,01/06/2025,CUSTOD\n"	/* 4: aged 10 */
			  "3,02/06/2025,CARPL\n";	/* 5 */

	(void)state;
	assert_string_equal(run("234", 2026, WA, hdr, eps),
			    "Header:2 Episodes:2");
	assert_string_equal(run("234", 2025, WA, hdr, eps), "");
}

static void test_302(void **state)
{
	(void)state;
	assert_string_equal(run("302", 2026, WA,
				"CHILD,DOB\n"
				"1,01/06/2025\n"	/* 2 */
				"2,01/06/2025\n",	/* 3 */
				"CHILD,DECOM\n"
				"1,01/05/2025\n"	/* 2: before birth */
				"1,02/06/2025\n"	/* 3 */
				"2,01/06/2025\n"),	/* 4: the day */
			    "Header:2 Episodes:2");
}

static void test_336(void **state)
{
	(void)state;
	assert_string_equal(run("336", 2026, WA, NULL,
				"CHILD,DECOM,PLACE\n"
				"1,01/05/2025,U1\n"	/* 2 */
				"1,01/06/2025,A3\n"	/* 3: from foster */
				"2,01/05/2025,K2\n"	/* 4 */
				"2,01/06/2025,A4\n"	/* 5: flagged */
				"3,01/05/2025,A3\n"),	/* 6: first */
			    "Episodes:5");
}

static void test_352(void **state)
{
	(void)state;
	assert_string_equal(run("352", 2026, WA,
				"CHILD,DOB\n"
				"1,01/05/2007\n"
				"2,02/05/2007\n"
				"3,01/01/2006\n",
				"CHILD,DECOM,RNE\n"
				"1,01/05/2025,S\n"	/* 2: 18 that day */
				"2,01/05/2025,S\n"	/* 3: 17 */
				"3,01/05/2025,P\n"),	/* 4: not a start */
			    "Episodes:2");
}

static void test_353_354(void **state)
{
	const char *eps = "CHILD,DECOM\n"
			  "1,01/01/1990\n"	/* 2 */
			  "2,14/10/1991\n"	/* 3 */
			  "3,31/03/2026\n"	/* 4 */
			  "4,01/04/2026\n";	/* 5 */

	(void)state;
	assert_string_equal(run("353", 2026, WA, NULL, eps), "Episodes:2");
	assert_string_equal(run("354", 2026, WA, NULL, eps), "Episodes:5");
}

static void test_355_356(void **state)
{
	const char *eps = "CHILD,DECOM,DEC\n"
			  "1,01/05/2025,01/05/2025\n"	/* 2: same day */
			  "2,01/05/2025,30/04/2025\n"	/* 3: before */
			  "3,01/05/2025,02/05/2025\n"	/* 4 */
			  "4,01/05/2025,\n";		/* 5 */

	(void)state;
	assert_string_equal(run("355", 2026, WA, NULL, eps), "Episodes:2");
	assert_string_equal(run("356", 2026, WA, NULL, eps), "Episodes:3");
}

static void test_357(void **state)
{
	(void)state;
	assert_string_equal(run("357", 2026, WA, NULL,
				"CHILD,DECOM,RNE\n"
				"1,01/05/2025,P\n"	/* 2: first, not S */
				"1,01/06/2025,S\n"	/* 3 */
				"2,01/05/2025,S\n"	/* 4 */
				"2,01/06/2025,P\n"	/* 5 */
				"3,01/05/2024,P\n"	/* 6: last year */
				"3,01/06/2025,P\n"),	/* 7 */
			    "Episodes:2");
}

static void test_358(void **state)
{
	(void)state;
	assert_string_equal(run("358", 2026, WA,
				"CHILD,DOB\n"
				"1,01/05/2015\n"	/* 2 */
				"2,30/04/2015\n"	/* 3 */
				"3,01/01/2020\n",	/* 4 */
				"CHILD,DECOM,LS\n"
				"1,01/05/2025,J1\n"	/* 2: the birthday */
				"2,01/05/2025,J2\n"	/* 3: the day after */
				"3,01/05/2025,C2\n"),	/* 4 */
			    "Header:2 Episodes:2");
}

static void test_359(void **state)
{
	(void)state;
	assert_string_equal(run("359", 2026, WA,
				"CHILD,DOB\n"
				"1,05/06/2007\n"
				"2,05/06/2007\n"
				"3,30/03/2008\n"
				"4,31/03/2008\n"
				"5,05/06/2007\n",
				"CHILD,DECOM,DEC,LS,PLACE\n"
				"1,01/05/2025,,C2,U1\n"		/* 2 */
				"2,01/05/2025,,V2,K2\n"		/* 3 */
				"3,01/05/2025,,C2,U1\n"		/* 4 */
				"4,01/05/2025,,C2,U1\n"		/* 5 */
				"5,01/05/2025,01/06/2025,C2,U1\n"),
			    "Episodes:2 Episodes:4");
}

static void test_361(void **state)
{
	(void)state;
	assert_string_equal(run("361", 2026, WA, NULL,
				"CHILD,DECOM,DEC,LS\n"
				"1,01/06/2025,04/06/2025,L1\n"	/* 2 */
				"1,04/06/2025,05/06/2025,L1\n"	/* 3 */
				"1,06/07/2025,07/07/2025,C2\n"	/* 4 */
				"1,08/09/2025,11/09/2025,L1\n"	/* 5: 3 */
				"1,09/10/2025,12/11/2025,E1\n"	/* 6 */
				"2,15/03/2026,,L1\n"),		/* 7: open */
			    "Episodes:2 Episodes:3 Episodes:7");
}

/* each: one stretch just over the limit, one just at it (allowed) */
static void test_362_363_364(void **state)
{
	(void)state;
	assert_string_equal(run("362", 2026, WA, NULL,
				"CHILD,DECOM,DEC,LS\n"
				"1,01/06/2025,10/06/2025,L2\n"	/* 2 */
				"1,10/06/2025,23/06/2025,L2\n"	/* 3: 22 */
				"2,01/06/2025,22/06/2025,L2\n"),	/* 4 */
			    "Episodes:2 Episodes:3");
	assert_string_equal(run("363", 2026, WA, NULL,
				"CHILD,DECOM,DEC,LS\n"
				"1,01/06/2025,03/06/2025,L3\n"	/* 2 */
				"1,03/06/2025,09/06/2025,L3\n"	/* 3: 8 */
				"2,01/06/2025,08/06/2025,L3\n"	/* 4: 7 */
				"2,08/06/2025,09/06/2025,C2\n"),	/* 5 */
			    "Episodes:2 Episodes:3");
	assert_string_equal(run("364", 2026, WA, NULL,
				"CHILD,DECOM,DEC,LS\n"
				"1,01/06/2025,23/06/2025,J2\n"	/* 2: 22 */
				"2,01/06/2025,22/06/2025,J2\n"),	/* 3 */
			    "Episodes:2");
}

static void test_365_366(void **state)
{
	const char *eps = "CHILD,DECOM,DEC,LS,RNE\n"
			  "1,01/06/2025,19/06/2025,V3,S\n"	/* 2: 18 */
			  "2,01/06/2025,18/06/2025,V3,P\n"	/* 3: 17 */
			  "3,01/03/2026,,V3,S\n"		/* 4: open */
			  "4,01/06/2025,01/09/2025,C2,P\n";	/* 5 */

	(void)state;
	assert_string_equal(run("365", 2026, WA, NULL, eps),
			    "Episodes:2 Episodes:4");
	assert_string_equal(run("366", 2026, WA, NULL, eps), "Episodes:3");
}

/* child 1: 61 + 31 days; 2: 60; 3: 80 from 1 April (began earlier) */
static void test_367(void **state)
{
	(void)state;
	assert_string_equal(run("367", 2026, WA, NULL,
				"CHILD,DECOM,DEC,LS\n"
				"1,01/04/2025,01/06/2025,V3\n"	/* 2: 61 */
				"1,01/07/2025,01/08/2025,V3\n"	/* 3: 31 */
				"2,01/04/2025,31/05/2025,V3\n"	/* 4: 60 */
				"2,01/06/2025,01/09/2025,C2\n"	/* 5 */
				"3,01/01/2025,20/06/2025,V3\n"),	/* 6 */
			    "Episodes:2 Episodes:3 Episodes:6");
}

static void test_371_372(void **state)
{
	const char *hdr = "CHILD,DOB\n"
			  "1,01/06/2011\n"	/* 14 on 01/06/2025 */
			  "2,01/06/2009\n"	/* 16 on 01/06/2025 */
			  "3,02/06/2015\n";	/* 10 on 02/06/2025 */
	const char *eps = "CHILD,DECOM,DEC,PLACE\n"
			  "1,31/05/2025,01/07/2025,H5\n"	/* 2: 13 */
			  "1,01/07/2025,,H5\n"			/* 3: open */
			  "2,31/05/2025,01/07/2025,H5\n"	/* 4: 15 */
			  "2,01/07/2025,01/08/2025,K3\n"	/* 5: 16 */
			  "3,01/06/2025,01/07/2025,R5\n"	/* 6: 9 */
			  "3,02/07/2025,01/08/2025,K3\n"	/* 7: 10 */
			  "4,01/06/2025,01/07/2025,R5\n";	/* 8: no DOB */

	(void)state;
	assert_string_equal(run("371", 2023, WA, hdr, eps), "Episodes:2");
	assert_string_equal(run("371", 2024, WA, hdr, eps),
			    "Episodes:2 Episodes:4");
	assert_string_equal(run("371", 2025, WA, hdr, eps), "Episodes:7");
	assert_string_equal(run("372", 2026, WA, hdr, eps), "Episodes:6");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_homes_fixture),
		cmocka_unit_test(test_registry),
		cmocka_unit_test(test_1008),
		cmocka_unit_test(test_1012),
		cmocka_unit_test(test_1015),
		cmocka_unit_test(test_142),
		cmocka_unit_test(test_146),
		cmocka_unit_test(test_148),
		cmocka_unit_test(test_169_179),
		cmocka_unit_test(test_178),
		cmocka_unit_test(test_210),
		cmocka_unit_test(test_213),
		cmocka_unit_test(test_214),
		cmocka_unit_test(test_217),
		cmocka_unit_test(test_218),
		cmocka_unit_test(test_221),
		cmocka_unit_test(test_222),
		cmocka_unit_test(test_225),
		cmocka_unit_test(test_226),
		cmocka_unit_test(test_227_228),
		cmocka_unit_test(test_229),
		cmocka_unit_test(test_233),
		cmocka_unit_test(test_234),
		cmocka_unit_test(test_302),
		cmocka_unit_test(test_336),
		cmocka_unit_test(test_352),
		cmocka_unit_test(test_353_354),
		cmocka_unit_test(test_355_356),
		cmocka_unit_test(test_357),
		cmocka_unit_test(test_358),
		cmocka_unit_test(test_359),
		cmocka_unit_test(test_361),
		cmocka_unit_test(test_362_363_364),
		cmocka_unit_test(test_365_366),
		cmocka_unit_test(test_367),
		cmocka_unit_test(test_371_372),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
