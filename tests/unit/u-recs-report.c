/*
 * u-recs-report.c: the recommendations progress report
 * (report/recs-report.h) over a register given by hand, on 01/06/2020:
 *
 *	NR2015-3  made 01/03/2015, theme missing
 *	NR2019-1  made 01/10/2019, theme missing, repeats NR2015-3 -> made
 *		  twice since 2015; to Cardiff (done, accepted; one action
 *		  done) and South Wales Police (in progress; actions due
 *		  01/01/2020 and 01/05/2020 not done: both overdue, the
 *		  oldest 01/01/2020; one due 01/07/2020: not yet)
 *
 * NR2015-3 comes first (made first).  Totals: 2 recommendations, 3
 * addressees (NR2015-3 to Swansea, not started), 1 done and accepted,
 * 1 addressee with 2 overdue actions.
 */
#include "unit.h"
#include "base/buf.h"
#include "base/uktime.h"
#include "report/recs-report.h"

static struct rec recs[2];
static struct rec_repeat repeats[1] = { { 2, 1 } };
static struct rec_addressee addr[3];
static struct rec_action actions[4];

static void fixture(struct quality_set *q)
{
	memset(q, 0, sizeof(*q));
	for (int i = 0; i < 2; i++)
		rec_init(&recs[i]);
	recs[0].id = 2;
	snprintf(recs[0].code, sizeof(recs[0].code), "NR2019-1");
	recs[0].made_on = unit_date("01/10/2019");
	snprintf(recs[0].theme, sizeof(recs[0].theme), "missing");
	snprintf(recs[0].text_en, sizeof(recs[0].text_en),
		 "Offer every child a return interview <within 72 hours>.");
	snprintf(recs[0].text_cy, sizeof(recs[0].text_cy),
		 "Cynnig cyfweliad dychwelyd i bob plentyn.");
	recs[1].id = 1;
	snprintf(recs[1].code, sizeof(recs[1].code), "NR2015-3");
	recs[1].made_on = unit_date("01/03/2015");
	snprintf(recs[1].theme, sizeof(recs[1].theme), "missing");
	snprintf(recs[1].text_en, sizeof(recs[1].text_en), "Earlier.");
	snprintf(recs[1].text_cy, sizeof(recs[1].text_cy), "Cynharach.");
	memset(addr, 0, sizeof(addr));
	addr[0] = (struct rec_addressee){ .id = 10, .rec_id = 2,
					  .kind = ORG_POLICE,
					  .status = REC_IN_PROGRESS,
					  .verdict_on = DATE_NONE };
	snprintf(addr[0].code, sizeof(addr[0].code), "south-wales");
	addr[0].last_update_at = uk_day_start(unit_date("15/05/2020")) + 3600000;
	addr[1] = (struct rec_addressee){ .id = 11, .rec_id = 2,
					  .kind = ORG_COUNCIL,
					  .status = REC_DONE,
					  .verdict = REC_ACCEPTED,
					  .verdict_on = unit_date("01/04/2020") };
	snprintf(addr[1].code, sizeof(addr[1].code), "W06000015");
	addr[2] = (struct rec_addressee){ .id = 12, .rec_id = 1,
					  .kind = ORG_COUNCIL,
					  .status = REC_NOT_STARTED,
					  .verdict_on = DATE_NONE };
	snprintf(addr[2].code, sizeof(addr[2].code), "W06000011");
	for (int i = 0; i < 4; i++)
		rec_action_init(&actions[i]);
	actions[0].addressee_id = 11;
	actions[0].target_on = unit_date("01/01/2020");
	actions[0].done_on = unit_date("01/12/2019");
	actions[1].addressee_id = 10;
	actions[1].target_on = unit_date("01/05/2020");
	actions[2].addressee_id = 10;
	actions[2].target_on = unit_date("01/01/2020");
	actions[3].addressee_id = 10;
	actions[3].target_on = unit_date("01/07/2020");
	q->recs = recs;
	q->nrecs = 2;
	q->repeats = repeats;
	q->nrepeats = 1;
	q->addressees = addr;
	q->naddressees = 3;
	q->actions = actions;
	q->nactions = 4;
}

static void test_build(void **state)
{
	struct quality_set q;
	struct recs_report rr;
	const struct recs_rec *r;
	const struct recs_addr *x;

	(void)state;
	fixture(&q);
	recs_report_build(&q, unit_date("01/06/2020"), &rr);
	assert_int_equal(rr.nrecs, 2);
	assert_string_equal(rr.recs[0].r->code, "NR2015-3");
	r = &rr.recs[1];
	assert_string_equal(r->r->code, "NR2019-1");
	assert_int_equal(r->times, 2);
	assert_int_equal(r->since, unit_date("01/03/2015"));
	assert_int_equal(r->naddr, 2);
	/* councils before the police (by kind) */
	x = &rr.addrs[r->first_addr];
	assert_string_equal(x->a->code, "W06000015");
	assert_int_equal(x->actions, 1);
	assert_int_equal(x->overdue, 0);
	assert_int_equal(x->last_update_on, DATE_NONE);
	x++;
	assert_string_equal(x->a->code, "south-wales");
	assert_int_equal(x->actions, 3);
	assert_int_equal(x->overdue, 2);
	assert_int_equal(x->oldest_overdue, unit_date("01/01/2020"));
	assert_int_equal(x->last_update_on, unit_date("15/05/2020"));
	assert_int_equal(r->done, 1);
	assert_int_equal(r->accepted, 1);
	assert_int_equal(r->overdue_addr, 1);
	assert_int_equal(rr.naddrs, 3);
	assert_int_equal(rr.done, 1);
	assert_int_equal(rr.accepted, 1);
	assert_int_equal(rr.overdue_addr, 1);
	assert_int_equal(rr.overdue_actions, 2);
	assert_int_equal(rr.oldest_overdue, unit_date("01/01/2020"));
	assert_string_equal(recs_report_name(x, LANG_CY), "south-wales");
	recs_report_free(&rr);
}

static void test_render(void **state)
{
	struct quality_set q;
	struct recs_report rr;
	struct buf b = BUF_INIT(1 << 20);
	struct err err = ERR_INIT;

	(void)state;
	fixture(&q);
	recs_report_build(&q, unit_date("01/06/2020"), &rr);
	snprintf(rr.addrs[0].name_en, sizeof(rr.addrs[0].name_en), "Swansea");
	snprintf(rr.addrs[0].name_cy, sizeof(rr.addrs[0].name_cy), "Abertawe");

	assert_int_equal(recs_report_render_buf(&rr, REPORT_MD, LANG_EN, &b,
						&err), 0);
	assert_non_null(strstr(b.buf, "# Recommendations: progress report"));
	assert_non_null(strstr(b.buf, "Made 2 times since 2015"));
	assert_non_null(strstr(b.buf, "\\<within 72 hours\\>"));
	assert_non_null(strstr(b.buf, "| 3 | 2 | 1 January 2020 |"));

	buf_reset(&b);
	assert_int_equal(recs_report_render_buf(&rr, REPORT_MD, LANG_CY, &b,
						&err), 0);
	assert_non_null(strstr(b.buf, "Argymhellion: adroddiad cynnydd"));
	assert_non_null(strstr(b.buf, "Wedi'i wneud 2 gwaith ers 2015"));
	assert_non_null(strstr(b.buf, "Abertawe"));
	assert_non_null(strstr(b.buf, "Cynnig cyfweliad dychwelyd"));

	buf_reset(&b);
	assert_int_equal(recs_report_render_buf(&rr, REPORT_HTML, LANG_EN, &b,
						&err), 0);
	assert_non_null(strstr(b.buf, "<html lang=\"en\">"));
	assert_non_null(strstr(b.buf, "&lt;within 72 hours&gt;"));
	assert_null(strstr(b.buf, "<within"));

	buf_reset(&b);
	assert_int_equal(recs_report_render_buf(&rr, REPORT_JSON, LANG_EN, &b,
						&err), 0);
	assert_non_null(strstr(b.buf, "\"times_made\": 2"));
	assert_non_null(strstr(b.buf, "\"first_made_on\": \"2015-03-01\""));
	assert_non_null(strstr(b.buf, "\"overdue_actions\": 2"));
	assert_non_null(strstr(b.buf,
			       "\"oldest_overdue_target_on\": \"2020-01-01\""));

	buf_reset(&b);
	assert_int_equal(recs_report_render_buf(&rr, REPORT_XLSX, LANG_EN, &b,
						&err), ERR_USAGE);
	assert_int_equal(recs_report_render_buf(&rr, REPORT_CSV, LANG_EN, &b,
						&err), ERR_USAGE);
	buf_release(&b);
	recs_report_free(&rr);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_build),
		cmocka_unit_test(test_render),
	};

	uk_time_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
