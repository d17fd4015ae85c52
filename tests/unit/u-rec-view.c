/*
 * u-rec-view.c: unit tests for src/quality/rec-view.c: how many times a
 * recommendation has been made through its chain of repeats (each
 * counted once, a loop followed once) and since when, addressees
 * counted by kind with done, accepted and overdue, and an action
 * overdue only when it is not done and its target day has passed.
 */
#include "unit.h"
#include "quality/rec-view.h"

static struct rec recs[4];
static struct rec_repeat reps[4];
static struct rec_addressee adds[5];
static struct rec_action acts[4];

/* Four recommendations: 4 repeats 3 and 2, 3 repeats 1, 2 repeats 1;
 * 1 made first. */
static void fill(struct quality_set *q)
{
	static const char *const days[] = { "01/05/2019", "01/06/2021",
					    "01/03/2022", "07/12/2025" };

	memset(q, 0, sizeof(*q));
	for (int i = 0; i < 4; i++) {
		rec_init(&recs[i]);
		recs[i].id = i + 1;
		recs[i].made_on = unit_date(days[i]);
	}
	reps[0] = (struct rec_repeat){ 2, 1 };
	reps[1] = (struct rec_repeat){ 3, 1 };
	reps[2] = (struct rec_repeat){ 4, 2 };
	reps[3] = (struct rec_repeat){ 4, 3 };
	q->recs = recs;
	q->nrecs = 4;
	q->repeats = reps;
	q->nrepeats = 4;

	memset(adds, 0, sizeof(adds));
	for (int i = 0; i < 5; i++) {
		adds[i].id = 10 + i;
		adds[i].rec_id = 4;
		adds[i].kind = i < 3 ? ORG_COUNCIL : ORG_POLICE;
		adds[i].verdict_on = DATE_NONE;
	}
	adds[0].status = REC_DONE;
	adds[0].verdict = REC_ACCEPTED;
	adds[1].status = REC_DONE;
	adds[3].status = REC_IN_PROGRESS;
	q->addressees = adds;
	q->naddressees = 5;

	for (int i = 0; i < 4; i++) {
		rec_action_init(&acts[i]);
		acts[i].id = 100 + i;
		acts[i].target_on = unit_date("01/12/2026");
	}
	acts[0].addressee_id = 11;	/* overdue */
	acts[1].addressee_id = 11;	/* overdue: two, one addressee */
	acts[2].addressee_id = 13;	/* done: not overdue */
	acts[2].done_on = unit_date("30/11/2026");
	acts[3].addressee_id = 14;
	acts[3].target_on = unit_date("07/12/2026");	/* due today */
	q->actions = acts;
	q->nactions = 4;
}

static void test_find(void **state)
{
	struct quality_set q;

	(void)state;
	fill(&q);
	assert_int_equal(rec_view_find(&q, 3), 2);
	assert_int_equal(rec_view_find(&q, 99), -1);
	assert_int_equal(rec_view_addressee(&q, 12), 2);
	assert_int_equal(rec_view_addressee(&q, 9), -1);
}

static void test_times(void **state)
{
	struct quality_set q;
	int32_t since;

	(void)state;
	fill(&q);
	/* 4 -> 2 -> 1 and 4 -> 3 -> 1: 1 counted once */
	assert_int_equal(rec_view_times(&q, 3, &since), 4);
	assert_int_equal(since, unit_date("01/05/2019"));
	assert_int_equal(rec_view_times(&q, 1, &since), 2);
	assert_int_equal(rec_view_times(&q, 0, &since), 1);
	assert_int_equal(since, unit_date("01/05/2019"));
	assert_int_equal(rec_view_times(&q, 0, NULL), 1);
	/* a loop in the links ends */
	reps[0] = (struct rec_repeat){ 1, 4 };
	assert_int_equal(rec_view_times(&q, 3, &since), 4);
	assert_int_equal(rec_view_times(&q, 0, &since), 4);
}

static void test_counts(void **state)
{
	struct rec_kind_count by[ORG_NKINDS], all;
	int32_t today = unit_date("07/12/2026");
	struct quality_set q;

	(void)state;
	fill(&q);
	rec_view_counts(&q, 4, today, by, &all);
	assert_int_equal(by[ORG_COUNCIL].n, 3);
	assert_int_equal(by[ORG_COUNCIL].done, 2);
	assert_int_equal(by[ORG_COUNCIL].accepted, 1);
	assert_int_equal(by[ORG_COUNCIL].overdue, 1);
	assert_int_equal(by[ORG_POLICE].n, 2);
	assert_int_equal(by[ORG_POLICE].overdue, 0);
	assert_int_equal(by[ORG_HEALTH_BOARD].n, 0);
	assert_int_equal(all.n, 5);
	assert_int_equal(all.done, 2);
	assert_int_equal(all.overdue, 1);
	rec_view_counts(&q, 1, today, by, NULL);
	assert_int_equal(by[ORG_COUNCIL].n, 0);
}

static void test_overdue(void **state)
{
	int32_t today = unit_date("07/12/2026");
	struct quality_set q;

	(void)state;
	fill(&q);
	assert_int_equal(rec_view_overdue(&q, 11, today), 2);
	assert_int_equal(rec_view_overdue(&q, 13, today), 0);
	/* due today is not yet overdue; tomorrow it is */
	assert_int_equal(rec_view_overdue(&q, 14, today), 0);
	assert_int_equal(rec_view_overdue(&q, 14, today + 1), 1);
	assert_false(rec_view_action_overdue(&acts[2], today + 100));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_times),
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_overdue),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
