/*
 * u-rules-episodes.c: the Episodes rules, each with cases that must be
 * flagged and cases that must not (src/validate/rules-episodes.c).
 */
#include "unit.h"
#include "v-fixture.h"

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
	/* not in force before 2023, nor without Episodes */
	assert_string_equal(fx_run(&r, NULL, 2022, V_WALES, "226"), "");
	s903_return_release(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_226),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
