/*
 * u-quality-io.c: inspections.csv, findings.csv and notifications.csv
 * read and written (src/ingest/quality-io.c; docs/inspections.md).
 *
 * The files are read from memory with a fixed "today" (the reader's
 * reference day, given in its env: the real clock plays no part), so the
 * dates below are days before it.  A bad input is checked by the first
 * problem it gives, printed as FILE:LINE:COLUMN: RULE.
 */
#include "unit.h"
#include "base/buf.h"
#include "domain/missing.h"
#include "ingest/quality-io.h"

#define IHEAD "URN,START,END,TYPE,INSPECTORS,WELLBEING,CARE_SUPPORT," \
	"ENVIRONMENT,LEADERSHIP,SUMMARY\r\n"
#define FHEAD "URN,START,TYPE,SEQ,KIND,REGULATION,TEXT,DUE,STATUS," \
	"JUDGED_ON,REPEATS,RESPONSE,RESPONSE_TARGET,RESPONDED_AT\r\n"
#define NHEAD "URN,CATEGORY,OCCURRED_AT,LA,CHILD,SUMMARY,ACTION,FILED_AT\r\n"

/* Canonical files: what the writer gives back for them. */
static const char insp_csv[] = IHEAD
	"W1,2024-03-04,2024-03-05,full,\"A Jones, B Evans\",good,good,"
	"needs_improvement,good,Settled home\r\n"
	"W1,2024-11-12,,focused,C Price,,poor,,,Follow-up\r\n"
	"W2,2024-06-01,,full,A Jones,excellent,good,good,good,\r\n";
static const char find_csv[] = FHEAD
	"W1,2024-03-04,full,1,afi,reg 21,Record the checks,,met,2024-11-12,"
	",,,\r\n"
	"W1,2024-03-04,full,2,pan,reg 57,Staff the nights,2024-05-01,"
	"responded,,,\"Two more staff, by May\",2024-04-30,"
	"2024-03-20T10:00:00.000Z\r\n"
	"W1,2024-11-12,focused,1,pan,reg 57,Staff the nights again,"
	"2024-12-01,open,,2024-03-04/full/2,,,\r\n";
static const char notif_csv[] = NHEAD
	"W1,missing,2024-03-01T21:15:00.000Z,W06000015,C01,Did not come "
	"back,Called the police,2024-03-01T22:00:00.000Z\r\n"
	"W2,serious_injury,2024-07-02T09:00:00.000Z,W06000011,C07,"
	"\"Fell, broke an arm\",,2024-07-02T12:00:00.000Z\r\n";

static bool known(const char *urn, void *ctx)
{
	(void)ctx;
	return !strcmp(urn, "W1") || !strcmp(urn, "W2");
}

static struct qio_env env_of(void)
{
	struct qio_env e = { known, NULL, 0, 0 };

	e.today = unit_date("01/01/2025");
	e.now_ms = (int64_t)e.today * 86400000LL;
	return e;
}

static void read_both(const char *icsv, const char *fcsv,
		      struct qio_inspections *q, struct diags *d)
{
	struct qio_env env = env_of();
	struct err err = ERR_INIT;

	assert_int_equal(qio_read_inspections_mem(
				 "inspections.csv", icsv, strlen(icsv),
				 "findings.csv", fcsv, fcsv ? strlen(fcsv) : 0,
				 &env, q, d, &err), 0);
}

/* The first problem (sorted) as FILE:LINE:COLUMN: RULE, or "". */
static char *first_problem(struct diags *d)
{
	struct buf b = BUF_INIT(4096);

	diags_print(d, NULL, 0);
	if (d->n)
		buf_addf(&b, "%s:%llu:%zu: %s", d->v[0].file,
			 (unsigned long long)d->v[0].line, d->v[0].column,
			 d->v[0].rule);
	return buf_detach(&b, NULL);
}

static void expect_insp(const char *icsv, const char *fcsv, const char *want)
{
	struct qio_inspections q = QIO_INSPECTIONS_INIT;
	struct diags d = DIAGS_INIT;
	char *got;

	read_both(icsv, fcsv, &q, &d);
	got = first_problem(&d);
	if (strcmp(got, want)) {
		diags_print(&d, stderr, 10);
		fail_msg("got \"%s\", want \"%s\"", got, want);
	}
	free(got);
	diags_release(&d);
	qio_inspections_release(&q);
}

static void expect_notif(const char *csv, const char *want)
{
	struct qio_env env = env_of();
	struct err err = ERR_INIT;
	struct diags d = DIAGS_INIT;
	struct q_notification *v = NULL;
	size_t n = 0, col = 0;
	char *got;

	assert_int_equal(qio_read_notifications_mem("notifications.csv", csv,
						    strlen(csv), &env, &v, &n,
						    &col, &d, &err), 0);
	got = first_problem(&d);
	if (strcmp(got, want)) {
		diags_print(&d, stderr, 10);
		fail_msg("got \"%s\", want \"%s\"", got, want);
	}
	free(got);
	free(v);
	diags_release(&d);
}

/* Give rows ids as a store would (1, 2, ...: the reader's links are
 * 1-based indexes, so they hold as ids). */
static void number(struct qio_inspections *q)
{
	for (size_t k = 0; k < q->ninsp; k++)
		q->insp[k].id = (int64_t)k + 1;
	for (size_t k = 0; k < q->nf; k++)
		q->f[k].id = (int64_t)k + 1;
}

static void test_read(void **state)
{
	struct qio_inspections q = QIO_INSPECTIONS_INIT;
	struct diags d = DIAGS_INIT;

	(void)state;
	read_both(insp_csv, find_csv, &q, &d);
	diags_print(&d, stderr, 10);
	assert_int_equal(d.n, 0);
	assert_int_equal(q.ninsp, 3);
	assert_int_equal(q.nf, 3);
	assert_string_equal(q.insp[0].inspectors, "A Jones, B Evans");
	assert_int_equal(q.insp[0].end_on, unit_date("05/03/2024"));
	/* END blank: the one day */
	assert_int_equal(q.insp[1].end_on, q.insp[1].start_on);
	assert_int_equal(q.insp[1].type, Q_FOCUSED);
	assert_int_equal(q.insp[1].rating[Q_WELLBEING], Q_NOT_RATED);
	assert_int_equal(q.insp[1].rating[Q_CARE_SUPPORT], Q_POOR);
	assert_int_equal(q.insp[0].line, 2);
	/* findings by inspection then SEQ, linked by 1-based index */
	assert_int_equal(q.f[0].inspection_id, 1);
	assert_int_equal(q.f[1].inspection_id, 1);
	assert_int_equal(q.f[2].inspection_id, 2);
	assert_int_equal(q.f[1].kind, Q_PRIORITY_ACTION_NOTICE);
	assert_int_equal(q.f[1].due_on, unit_date("01/05/2024"));
	assert_int_equal(q.f[1].status, Q_RESPONDED);
	assert_string_equal(q.f[1].response, "Two more staff, by May");
	assert_true(q.f[1].responded_at > 0);
	assert_int_equal(q.f[0].judged_on, unit_date("12/11/2024"));
	assert_int_equal(q.f[2].repeats_id, 2);
	assert_int_equal(q.f[0].repeats_id, 0);
	assert_string_equal(q.f[2].urn, "W1");
	qio_inspections_release(&q);
	diags_release(&d);
}

/* SEQ order in the file does not matter: rows come back by SEQ. */
static void test_read_seq_order(void **state)
{
	static const char f[] = FHEAD
		"W1,2024-03-04,full,2,afi,reg 2,Two,,open,,,,,\r\n"
		"W1,2024-03-04,full,1,afi,reg 1,One,,open,,,,,\r\n";
	struct qio_inspections q = QIO_INSPECTIONS_INIT;
	struct diags d = DIAGS_INIT;

	(void)state;
	read_both(insp_csv, f, &q, &d);
	assert_int_equal(d.n, 0);
	assert_int_equal(q.nf, 2);
	assert_string_equal(q.f[0].text, "One");
	assert_int_equal(q.f[0].line, 3);
	qio_inspections_release(&q);
	diags_release(&d);
}

static void test_round_trip(void **state)
{
	struct qio_inspections q = QIO_INSPECTIONS_INIT;
	struct diags d = DIAGS_INIT;
	struct buf ib = BUF_INIT(1 << 20), fb = BUF_INIT(1 << 20);
	struct err err = ERR_INIT;

	(void)state;
	read_both(insp_csv, find_csv, &q, &d);
	assert_int_equal(d.n, 0);
	number(&q);
	assert_int_equal(qio_format_inspections(&ib, &fb, q.insp, q.ninsp,
						q.f, q.nf, &err), 0);
	/* sorted by URN, START, TYPE: the file already was */
	assert_string_equal(ib.buf, insp_csv);
	assert_string_equal(fb.buf, find_csv);
	buf_release(&ib);
	buf_release(&fb);
	qio_inspections_release(&q);
	diags_release(&d);
}

/* Any column order and case in; the canonical order out. */
static void test_columns_any_order(void **state)
{
	static const char i[] = "summary,Type,urn,START,inspectors,"
		"wellbeing,care_support,environment,leadership\r\n"
		"x,full,W2,2024-06-01,A Jones,excellent,good,good,good\r\n";
	struct qio_inspections q = QIO_INSPECTIONS_INIT;
	struct diags d = DIAGS_INIT;
	struct buf ib = BUF_INIT(1 << 20), fb = BUF_INIT(1 << 20);
	struct err err = ERR_INIT;

	(void)state;
	read_both(i, NULL, &q, &d);
	assert_int_equal(d.n, 0);
	number(&q);
	assert_int_equal(qio_format_inspections(&ib, &fb, q.insp, q.ninsp,
						q.f, q.nf, &err), 0);
	assert_string_equal(ib.buf, IHEAD "W2,2024-06-01,,full,"
			    "A Jones,excellent,good,good,good,x\r\n");
	assert_string_equal(fb.buf, FHEAD);
	buf_release(&ib);
	buf_release(&fb);
	qio_inspections_release(&q);
	diags_release(&d);
}

/* A cell a spreadsheet would run is written defused, and that file reads
 * and writes back the same. */
static void test_formula_defused(void **state)
{
	static const char i[] = IHEAD "W2,2024-06-01,,full,A Jones,"
		"excellent,good,good,good,\"=HYPERLINK(\"\"x\"\")\"\r\n";
	struct qio_inspections q = QIO_INSPECTIONS_INIT;
	struct diags d = DIAGS_INIT;
	struct buf ib = BUF_INIT(1 << 20), fb = BUF_INIT(1 << 20);
	struct buf ib2 = BUF_INIT(1 << 20), fb2 = BUF_INIT(1 << 20);
	struct err err = ERR_INIT;

	(void)state;
	read_both(i, NULL, &q, &d);
	assert_int_equal(d.n, 0);
	number(&q);
	assert_int_equal(qio_format_inspections(&ib, &fb, q.insp, q.ninsp,
						q.f, q.nf, &err), 0);
	assert_non_null(strstr(ib.buf, ",\"'=HYPERLINK(\"\"x\"\")\""));
	qio_inspections_release(&q);
	read_both(ib.buf, NULL, &q, &d);
	assert_int_equal(d.n, 0);
	/* the apostrophe was the export's: the value is as it was */
	assert_string_equal(q.insp[0].summary, "=HYPERLINK(\"x\")");
	number(&q);
	assert_int_equal(qio_format_inspections(&ib2, &fb2, q.insp, q.ninsp,
						q.f, q.nf, &err), 0);
	assert_string_equal(ib2.buf, ib.buf);
	buf_release(&ib);
	buf_release(&fb);
	buf_release(&ib2);
	buf_release(&fb2);
	qio_inspections_release(&q);
	diags_release(&d);
}

static void test_bad_inspections(void **state)
{
	(void)state;
	expect_insp(IHEAD "W1,2024-03-04,,full,A,good,good,good,good,,X\r\n",
		    NULL, "inspections.csv:2:0: csv-field-count");
	expect_insp("URN,START,TYPE,INSPECTORS,GRADE\r\n", NULL,
		    "inspections.csv:1:5: column-unknown");
	expect_insp("URN,START,INSPECTORS\r\nW1,2024-03-04,A\r\n", NULL,
		    "inspections.csv:1:0: column-missing");
	expect_insp("URN,START,TYPE,TYPE,INSPECTORS\r\n", NULL,
		    "inspections.csv:1:4: column-duplicate");
	expect_insp(IHEAD "W1,2024-02-30,,full,A,good,good,good,good,\r\n",
		    NULL, "inspections.csv:2:2: q-date");
	expect_insp(IHEAD "W1,04/03/2024,,full,A,good,good,good,good,\r\n",
		    NULL, "inspections.csv:2:2: q-date");
	expect_insp(IHEAD "W1,2024-03-04,,annual,A,good,good,good,good,\r\n",
		    NULL, "inspections.csv:2:4: q-code");
	expect_insp(IHEAD "W1,2024-03-04,,full,A,good,fine,good,good,\r\n",
		    NULL, "inspections.csv:2:7: q-code");
	/* the domain's checks, at the column they name */
	expect_insp(IHEAD "W1,2024-03-04,,full,A,good,,good,good,\r\n",
		    NULL, "inspections.csv:2:7: required");
	expect_insp(IHEAD "W1,2024-03-04,2024-03-01,full,A,good,good,good,"
		    "good,\r\n", NULL, "inspections.csv:2:3: date-order");
	expect_insp(IHEAD "W1,2025-03-04,,full,A,good,good,good,good,\r\n",
		    NULL, "inspections.csv:2:2: future");
	expect_insp(IHEAD "W1,2024-03-04,,full,,good,good,good,good,\r\n",
		    NULL, "inspections.csv:2:5: required");
	expect_insp(IHEAD "W9,2024-03-04,,full,A,good,good,good,good,\r\n",
		    NULL, "inspections.csv:2:1: q-home-unknown");
	expect_insp(IHEAD "W1,2024-03-04,,full,A,good,good,good,good,\r\n"
		    "W1,2024-03-04,,full,B,good,good,good,good,\r\n",
		    NULL, "inspections.csv:3:2: q-inspection-duplicate");
	expect_insp("", NULL, "inspections.csv:1:0: column-missing");
}

static void test_too_long(void **state)
{
	struct buf b = BUF_INIT(1 << 20);

	(void)state;
	buf_adds(&b, IHEAD "W1,2024-03-04,,full,A,good,good,good,good,");
	for (int k = 0; k <= Q_TEXT_MAX; k++)
		buf_addch(&b, 'x');
	buf_adds(&b, "\r\n");
	expect_insp(b.buf, NULL, "inspections.csv:2:10: q-too-long");
	buf_release(&b);
	/* past the reader's own limit: its rule, never a bigger buffer */
	b = (struct buf)BUF_INIT(1 << 20);
	buf_adds(&b, IHEAD "W1,2024-03-04,,full,A,good,good,good,good,");
	for (int k = 0; k <= Q_TEXT_MAX + 100; k++)
		buf_addch(&b, 'x');
	buf_adds(&b, "\r\n");
	expect_insp(b.buf, NULL,
		    "inspections.csv:2:10: csv-field-length");
	buf_release(&b);
}

static void test_bad_findings(void **state)
{
	(void)state;
	/* a finding whose inspection is not in the file */
	expect_insp(insp_csv, FHEAD "W1,2024-03-05,full,1,afi,reg 1,T,,open,"
		    ",,,,\r\n", "findings.csv:2:2: q-inspection-unknown");
	expect_insp(insp_csv, FHEAD "W2,2024-03-04,full,1,afi,reg 1,T,,open,"
		    ",,,,\r\n", "findings.csv:2:2: q-inspection-unknown");
	expect_insp(insp_csv, FHEAD
		    "W1,2024-03-04,full,1,afi,reg 1,T,,open,,,,,\r\n"
		    "W1,2024-03-04,full,1,afi,reg 2,U,,open,,,,,\r\n",
		    "findings.csv:3:4: q-seq-duplicate");
	expect_insp(insp_csv, FHEAD "W1,2024-03-04,full,0,afi,reg 1,T,,open,"
		    ",,,,\r\n", "findings.csv:2:4: q-seq");
	expect_insp(insp_csv, FHEAD "W1,2024-03-04,full,1,xyz,reg 1,T,,open,"
		    ",,,,\r\n", "findings.csv:2:5: q-code");
	expect_insp(insp_csv, FHEAD "W1,2024-03-04,full,1,pan,reg 1,T,,open,"
		    ",,,,\r\n", "findings.csv:2:8: required");
	expect_insp(insp_csv, FHEAD "W1,2024-03-04,full,1,afi,reg 1,T,,met,"
		    ",,,,\r\n", "findings.csv:2:10: required");
	expect_insp(insp_csv, FHEAD "W1,2024-03-04,full,1,afi,reg 1,T,,"
		    "responded,,,Plan,,\r\n", "findings.csv:2:14: required");
	/* REPEATS naming nothing; badly written; not earlier */
	expect_insp(insp_csv, FHEAD "W1,2024-11-12,focused,1,afi,reg 1,T,,"
		    "open,,2024-03-04/full/9,,,\r\n",
		    "findings.csv:2:11: q-repeats-unknown");
	expect_insp(insp_csv, FHEAD "W1,2024-11-12,focused,1,afi,reg 1,T,,"
		    "open,,2024-06-01/full/1,,,\r\n",
		    "findings.csv:2:11: q-repeats-unknown");
	expect_insp(insp_csv, FHEAD "W1,2024-11-12,focused,1,afi,reg 1,T,,"
		    "open,,line 3,,,\r\n", "findings.csv:2:11: q-repeats");
	expect_insp(insp_csv, FHEAD
		    "W1,2024-03-04,full,1,afi,reg 1,T,,open,,"
		    "2024-11-12/focused/1,,,\r\n"
		    "W1,2024-11-12,focused,1,afi,reg 1,T,,open,,,,,\r\n",
		    "findings.csv:2:11: q-repeats");
	expect_insp(insp_csv, FHEAD "W1,2024-03-04,full,1,afi,reg 1,T,,open,"
		    ",,,,2024-03-31T01:30\r\n", "findings.csv:2:14: q-time");
	expect_insp(insp_csv, "URN,START,TYPE,SEQ,KIND,REGULATION,TEXT\r\n",
		    "findings.csv:1:0: column-missing");
}

static void test_notifications(void **state)
{
	struct qio_env env = env_of();
	struct err err = ERR_INIT;
	struct diags d = DIAGS_INIT;
	struct q_notification *v = NULL;
	struct buf b = BUF_INIT(1 << 20);
	size_t n = 0, col = 0;

	(void)state;
	assert_int_equal(qio_read_notifications_mem(
				 "notifications.csv", notif_csv,
				 strlen(notif_csv), &env, &v, &n, &col, &d,
				 &err), 0);
	diags_print(&d, stderr, 10);
	assert_int_equal(d.n, 0);
	assert_int_equal(n, 2);
	assert_int_equal(col, 5);
	assert_string_equal(v[0].ref, "C01");
	assert_string_equal(v[1].summary, "Fell, broke an arm");
	/* the writer sorts by OCCURRED_AT: give them the other way round */
	{
		struct q_notification t = v[0];

		v[0] = v[1];
		v[1] = t;
	}
	qio_format_notifications(&b, v, n);
	assert_string_equal(b.buf, notif_csv);
	buf_release(&b);
	free(v);
	diags_release(&d);
}

static void test_bad_notifications(void **state)
{
	(void)state;
	expect_notif(NHEAD "W1,weather,2024-03-01T21:15,W06000015,C01,S,,"
		     "2024-03-01T22:00\r\n", "notifications.csv:2:2: q-code");
	expect_notif(NHEAD "W1,missing,2024-03-01T21:15,,,S,,"
		     "2024-03-01T22:00\r\n",
		     "notifications.csv:2:4: required");
	expect_notif(NHEAD "W1,missing,yesterday,W06000015,C01,S,,"
		     "2024-03-01T22:00\r\n", "notifications.csv:2:3: q-time");
	expect_notif(NHEAD "W1,missing,2024-03-01T21:15,W06000015,C01,S,,"
		     "\r\n", "notifications.csv:2:8: required");
	expect_notif(NHEAD "W9,missing,2024-03-01T21:15,W06000015,C01,S,,"
		     "2024-03-01T22:00\r\n",
		     "notifications.csv:2:1: q-home-unknown");
	expect_notif("URN,CATEGORY,OCCURRED_AT,SUMMARY\r\n",
		     "notifications.csv:1:0: column-missing");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read),
		cmocka_unit_test(test_read_seq_order),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_columns_any_order),
		cmocka_unit_test(test_formula_defused),
		cmocka_unit_test(test_bad_inspections),
		cmocka_unit_test(test_too_long),
		cmocka_unit_test(test_bad_findings),
		cmocka_unit_test(test_notifications),
		cmocka_unit_test(test_bad_notifications),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
