/*
 * u-rules-header.c: the Header and UASC rules, each with rows that must
 * be flagged and rows that must not (src/validate/rules-header.c).
 */
#include "unit.h"
#include "v-fixture.h"

static void test_104(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_UASC,
		 "CHILD,DOB,DUC\n"
		 "1,01/01/2008,01/03/2025\n"	/* 2: before 1 April 2025 */
		 "2,01/01/2008,01/04/2025\n"	/* 3: the first day */
		 "3,01/01/2008,\n");		/* 4: blank */
	assert_string_equal(fx_run(&r, NULL, 2026, V_WALES, "104"),
			    "UASC:2");
	/* the year of 2019-20 began on 1 April 2019 */
	assert_string_equal(fx_run(&r, NULL, 2024, V_WALES, "104"), "");
	s903_return_release(&r);
}

static void test_168(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_HEADER,
		 "CHILD,UPN\n"
		 "1,UN3\n"		/* 2 */
		 "2,L086819786126\n"	/* 3 */
		 "3,I072272729588\n"	/* 4: flagged */
		 "4,N075491517151\n"	/* 5 */
		 "5,S074885779408\n"	/* 6: flagged */
		 "6,O07488577940A\n"	/* 7: flagged */
		 "7,\n");		/* 8 */
	assert_string_equal(fx_run(&r, NULL, 2026, V_WALES, "168"),
			    "Header:4 Header:6 Header:7");
	s903_return_release(&r);
}

static void test_174(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_HEADER,
		 "CHILD,SEX,MC_DOB\n"
		 "1,M,\n"		/* 2 */
		 "2,M,19/02/2010\n"	/* 3: flagged */
		 "3,F,\n"		/* 4 */
		 "4,F,19/02/2010\n");	/* 5 */
	assert_string_equal(fx_run(&r, NULL, 2026, V_WALES, "174"),
			    "Header:3");
	/* the 2023-24 row, the same meaning */
	assert_string_equal(fx_run(&r, NULL, 2024, V_WALES, "174"),
			    "Header:3");
	assert_string_equal(v_rule_find("174", 2024, V_WALES)->en +
			    strlen("Mother's child date of birth is recorded "
				   "but "), "gender shows that the child is "
			    "a male.");
	s903_return_release(&r);
}

static void test_209(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	/* year 2026: collection starts 1 April 2025, reference 31/08/2024 */
	fx_table(&r, S903_HEADER,
		 "CHILD,UPN,DOB\n"
		 "1,,01/01/2020\n"		/* 2 */
		 "2,H801200001001,11/11/2020\n"	/* 3 */
		 "3,UN1,03/10/2015\n"		/* 4: flagged */
		 "4,UN2,11/11/2015\n"		/* 5: not UN1 */
		 "5,UN1,11/11/2020\n"		/* 6: too young */
		 "6,UN1,31/08/2020\n"		/* 7: 4 on the day */
		 "7,UN1,01/09/2020\n");		/* 8: 4 a day later */
	assert_string_equal(fx_run(&r, NULL, 2026, V_WALES, "209"),
			    "Header:4 Header:7");
	s903_return_release(&r);
}

static void test_232(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_HEADER,
		 "CHILD,SEX\n"
		 "1,U\n"	/* 2: flagged */
		 "2,M\n"	/* 3 */
		 "3,F\n");	/* 4 */
	assert_string_equal(fx_run(&r, NULL, 2026, V_WALES, "232"),
			    "Header:2");
	/* new in 2024-25 */
	assert_string_equal(fx_run(&r, NULL, 2024, V_WALES, "232"), "");
	s903_return_release(&r);
}

static void test_301(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_HEADER,
		 "CHILD,DOB\n"
		 "101,01/07/2021\n"	/* 2: flagged */
		 "102,02/06/2000\n"	/* 3 */
		 "103,31/03/2021\n"	/* 4: the last day */
		 "104,04/06/2022\n");	/* 5: flagged */
	/* a 2021 return (to 31 March 2021), checked with the first set */
	assert_string_equal(fx_run(&r, NULL, 2021, V_WALES, "301"),
			    "Header:2 Header:5");
	assert_string_equal(fx_run(&r, NULL, 2023, V_WALES, "301"), "");
	s903_return_release(&r);
	r = (struct s903_return)S903_RETURN_INIT;
	fx_table(&r, S903_HEADER,
		 "CHILD,DOB\n"
		 "101,01/07/2026\n"	/* 2: flagged */
		 "102,02/06/2000\n"	/* 3 */
		 "103,31/03/2026\n");	/* 4: the last day */
	assert_string_equal(fx_run(&r, NULL, 2026, V_WALES, "301"),
			    "Header:2");
	s903_return_release(&r);
}

static void test_304(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_UASC,
		 "CHILD,DOB,DUC\n"
		 "1,01/06/2000,05/06/2019\n"	/* 2: flagged */
		 "2,02/06/2000,\n"		/* 3 */
		 "3,03/06/2000,01/06/2015\n"	/* 4 */
		 "4,04/06/2000,02/06/2020\n"	/* 5: flagged */
		 "5,05/06/2000,05/06/2018\n");	/* 6: the birthday */
	assert_string_equal(fx_run(&r, NULL, 2026, V_WALES, "304"),
			    "UASC:2 UASC:5");
	s903_return_release(&r);
}

static void test_351(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	/* year 2026 starts 1 April 2025 */
	fx_table(&r, S903_HEADER,
		 "CHILD,DOB\n"
		 "102,11/11/2020\n"	/* 2 */
		 "103,03/10/1999\n"	/* 3: flagged */
		 "104,01/04/2000\n"	/* 4: 25 on 1 April 2025 */
		 "105,31/03/2000\n");	/* 5: flagged */
	assert_string_equal(fx_run(&r, NULL, 2026, V_WALES, "351"),
			    "Header:3 Header:5");
	s903_return_release(&r);
}

static void test_444(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_HEADER,
		 "CHILD,UPN\n"
		 "1,UN1\n"		/* 2 */
		 "2,UN1\n"		/* 3: unknown may repeat */
		 "3,\n"			/* 4 */
		 "4,\n"			/* 5: blank may repeat */
		 "5,A123456789012\n"	/* 6 */
		 "6,B123456789012\n"	/* 7: flagged */
		 "7,B123456789012\n"	/* 8: flagged */
		 "8,C123456789012\n"	/* 9: flagged */
		 "9,C123456789012\n"	/* 10: flagged */
		 "10,C123456789012\n");	/* 11: flagged */
	assert_string_equal(fx_run(&r, NULL, 2026, V_WALES, "444"),
			    "Header:11 Header:7 Header:8 Header:9 Header:10");
	/* (hits in row order: the rows are sorted by CHILD as text) */
	/* new in 2025-26 */
	assert_string_equal(fx_run(&r, NULL, 2025, V_WALES, "444"), "");
	s903_return_release(&r);
}

static void test_611(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_HEADER,
		 "CHILD,MOTHER,MC_DOB\n"
		 "1,1,01/01/2021\n"	/* 2 */
		 "2,,\n"		/* 3 */
		 "3,0,\n"		/* 4 */
		 "4,1,\n"		/* 5: flagged */
		 "5,1,\n");		/* 6: MC_DOB refused, see below */
	r.header[4].invalid = true;
	assert_string_equal(fx_run(&r, NULL, 2026, V_WALES, "611"),
			    "Header:5");
	s903_return_release(&r);
}

static void test_612(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_HEADER,
		 "CHILD,SEX,MOTHER,MC_DOB\n"
		 "1,F,0,19/02/2016\n"	/* 2: flagged */
		 "2,F,,19/02/2016\n"	/* 3: flagged */
		 "3,F,,\n"		/* 4 */
		 "4,F,1,19/02/2019\n"	/* 5 */
		 "5,M,0,\n"		/* 6 */
		 "6,M,,12/10/2010\n"	/* 7: not a girl (174's) */
		 "7,F,,19/02/2016\n");	/* 8: MOTHER refused, see below */
	r.header[6].invalid = true;
	assert_string_equal(fx_run(&r, NULL, 2026, V_WALES, "612"),
			    "Header:2 Header:3");
	assert_string_equal(fx_run(&r, NULL, 2023, V_WALES, "612"),
			    "Header:2 Header:3");
	s903_return_release(&r);
}

static void test_620(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	/* year 2026 starts 1 April 2025 */
	fx_table(&r, S903_HEADER,
		 "CHILD,MOTHER,DOB\n"
		 "1,1,07/02/2015\n"	/* 2: flagged, 10 */
		 "2,1,01/04/2014\n"	/* 3: 11 on the day */
		 "3,1,02/04/2014\n"	/* 4: flagged */
		 "4,,02/04/2020\n"	/* 5 */
		 "5,1,18/01/1981\n"	/* 6 */
		 "6,0,13/02/2020\n");	/* 7 */
	assert_string_equal(fx_run(&r, NULL, 2026, V_WALES, "620"),
			    "Header:2 Header:4");
	s903_return_release(&r);
}

static void test_621(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_HEADER,
		 "CHILD,DOB,MC_DOB\n"
		 "1,01/12/2021,01/01/2021\n"	/* 2: flagged */
		 "2,19/02/2016,19/12/2016\n"	/* 3 */
		 "3,31/01/2019,31/01/2019\n"	/* 4: flagged, same day */
		 "4,31/01/2019,\n"		/* 5 */
		 "5,31/01/2019,01/02/2019\n");	/* 6 */
	assert_string_equal(fx_run(&r, NULL, 2026, V_WALES, "621"),
			    "Header:2 Header:4");
	s903_return_release(&r);
}

static void test_628(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	fx_table(&r, S903_HEADER,
		 "CHILD,MOTHER\n"
		 "0,1\n"	/* 2: flagged, no episodes, OC3 */
		 "1,\n"		/* 3: MOTHER blank */
		 "2,0\n"	/* 4: OC3 all blank */
		 "3,1\n"	/* 5: has episodes */
		 "4,0\n"	/* 6: has episodes */
		 "5,1\n"	/* 7: has episodes */
		 "6,0\n"	/* 8: flagged (0 is recorded) */
		 "7,1\n");	/* 9: no OC3 row */
	fx_table(&r, S903_EPISODES,
		 "CHILD,DECOM\n"
		 "a,01/05/2025\n"
		 "1,01/05/2025\n"
		 "3,01/05/2025\n"
		 "3,01/06/2025\n"
		 "4,01/05/2025\n"
		 "5,01/05/2025\n");
	fx_table(&r, S903_OC3,
		 "CHILD,IN_TOUCH,ACTIV,ACCOM\n"
		 "0,YES,,B1\n"
		 "2,,,\n"
		 "6,YES,,\n"
		 "5,YES,,\n");
	assert_string_equal(fx_run(&r, NULL, 2026, V_WALES, "628"),
			    "Header:2 Header:8");
	/* 6's episode was dropped on import: not known to have none */
	s903_note_dropped(&r, "6");
	assert_string_equal(fx_run(&r, NULL, 2026, V_WALES, "628"),
			    "Header:2");
	s903_return_release(&r);
}

/* Rules the import enforces or cartref cannot check yet: rows, no run. */
static void test_registered(void **state)
{
	static const char *const at_import[] = {
		"101", "102", "103", "171",
	};
	static const char *const todo[] = { "105", "303" };

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(at_import); i++) {
		assert_non_null(v_rule_find(at_import[i], 2026, V_WALES));
		assert_non_null(v_rule_find(at_import[i], 2026,
					    V_WALES)->at_import);
	}
	for (size_t i = 0; i < ARRAY_SIZE(todo); i++)
		assert_non_null(v_rule_find(todo[i], 2026, V_WALES)->todo);
	assert_non_null(v_rule_find("231", 2025, V_WALES)->todo);
	assert_null(v_rule_find("231", 2024, V_WALES));
	assert_string_equal(v_rule_find("101", 2024, V_WALES)->en,
			    "Gender code is not valid.");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_104),
		cmocka_unit_test(test_168),
		cmocka_unit_test(test_174),
		cmocka_unit_test(test_209),
		cmocka_unit_test(test_232),
		cmocka_unit_test(test_301),
		cmocka_unit_test(test_304),
		cmocka_unit_test(test_351),
		cmocka_unit_test(test_444),
		cmocka_unit_test(test_611),
		cmocka_unit_test(test_612),
		cmocka_unit_test(test_620),
		cmocka_unit_test(test_621),
		cmocka_unit_test(test_628),
		cmocka_unit_test(test_registered),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
