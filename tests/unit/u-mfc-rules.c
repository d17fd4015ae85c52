/*
 * u-mfc-rules.c: the one table of who records which step of a live
 * missing episode and who sees which of its fields (domain/mfc-rules.h),
 * against docs/access.md, "Missing from care".  The store, the pages and
 * the API all read this table; u-missing.c and t0900 check that the
 * store refuses what it says.
 */
#include "unit.h"
#include "domain/mfc-rules.h"

/* docs/access.md's table, one letter per kind of access in the order
 * none, inspectorate, council, provider, police: 'y' may, '-' may not. */
static const struct {
	enum mfc_op op;
	const char *who;
	const char *name;
} want_steps[] = {
	{ MFC_OP_HOME, "---y-", "home's record" },
	{ MFC_OP_POLICE, "----y", "police record" },
	{ MFC_OP_RETURN, "---yy", "return" },
	{ MFC_OP_INTERVIEW, "--y--", "return interview" },
	{ MFC_OP_REPORT, "---y-", "report" },
	{ MFC_OP_MEETING, "--y--", "strategy meeting" },
	{ MFC_OP_GRAB_PACK, "---y-", "grab pack" },
};

static void test_steps(void **state)
{
	(void)state;
	assert_int_equal(ARRAY_SIZE(want_steps), MFC_NOPS - 1);
	for (size_t i = 0; i < ARRAY_SIZE(want_steps); i++) {
		assert_string_equal(mfc_op_name(want_steps[i].op),
				    want_steps[i].name);
		for (int a = 0; a < VIEWER_NACCESS; a++) {
			bool want = want_steps[i].who[a] == 'y';

			if (mfc_may((enum viewer_access)a,
				    want_steps[i].op) != want)
				fail_msg("%s by %s: want %s",
					 want_steps[i].name,
					 viewer_access_name(a),
					 want ? "may" : "may not");
		}
	}
	/* nobody records anything as an inspector or aggregates only */
	for (int op = 1; op < MFC_NOPS; op++) {
		assert_false(mfc_may(VIEWER_NONE, (enum mfc_op)op));
		assert_false(mfc_may(VIEWER_INSPECTORATE, (enum mfc_op)op));
	}
}

static void test_out_of_range(void **state)
{
	(void)state;
	assert_false(mfc_may(VIEWER_PROVIDER, (enum mfc_op)0));
	assert_false(mfc_may(VIEWER_PROVIDER, MFC_NOPS));
	assert_false(mfc_may(VIEWER_NACCESS, MFC_OP_HOME));
	assert_false(mfc_may((enum viewer_access)-1, MFC_OP_HOME));
	assert_string_equal(mfc_op_name((enum mfc_op)0), "?");
	assert_string_equal(mfc_op_name(MFC_NOPS), "?");
	assert_false(mfc_sees(VIEWER_COUNCIL, MFC_NFIELDS));
	assert_false(mfc_sees(VIEWER_NACCESS, MFC_FIELD_RI_BY));
}

static void test_fields(void **state)
{
	(void)state;
	for (int f = 0; f < MFC_NFIELDS; f++) {
		assert_true(mfc_sees(VIEWER_COUNCIL, (enum mfc_field)f));
		assert_true(mfc_sees(VIEWER_INSPECTORATE, (enum mfc_field)f));
		assert_false(mfc_sees(VIEWER_PROVIDER, (enum mfc_field)f));
		assert_false(mfc_sees(VIEWER_POLICE, (enum mfc_field)f));
		assert_false(mfc_sees(VIEWER_NONE, (enum mfc_field)f));
	}
}

static void filled(struct mfc_episode *e)
{
	mfc_episode_init(e);
	snprintf(e->police_ref, sizeof(e->police_ref), "SW/123");
	snprintf(e->circumstances, sizeof(e->circumstances), "left at 9");
	snprintf(e->returned_place, sizeof(e->returned_place), "station");
	e->ri_held_at = 1553990400000LL;
	e->ri_independent = 1;
	e->ri_outcome = MFC_OUTCOME_ACCEPTED;
	snprintf(e->ri_by, sizeof(e->ri_by), "A. Jones");
	snprintf(e->ri_summary, sizeof(e->ri_summary), "what was said");
}

/* Redaction empties the withheld fields and nothing else. */
static void test_redact(void **state)
{
	struct mfc_episode *e = malloc(sizeof(*e)), *keep = malloc(sizeof(*e));

	(void)state;
	filled(keep);
	for (int a = 0; a < VIEWER_NACCESS; a++) {
		filled(e);
		mfc_redact((enum viewer_access)a, e);
		if (a == VIEWER_COUNCIL || a == VIEWER_INSPECTORATE) {
			assert_memory_equal(e, keep, sizeof(*e));
			continue;
		}
		assert_string_equal(e->ri_by, "");
		assert_string_equal(e->ri_summary, "");
		/* the rest as it was */
		memcpy(e->ri_by, keep->ri_by, sizeof(e->ri_by));
		memcpy(e->ri_summary, keep->ri_summary, sizeof(e->ri_summary));
		assert_memory_equal(e, keep, sizeof(*e));
	}
	free(e);
	free(keep);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_steps),
		cmocka_unit_test(test_out_of_range),
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_redact),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
