/*
 * u-recs-io.c: the recommendations register's files without a store
 * (ingest/recs-io.h): reading with the organisations given by hand
 * (KIND:* expanded, an addressee once, "all councils"), REPEATS naming a
 * later row, each addressee's status followed through the progress rows,
 * problems at FILE:LINE:COLUMN with their rule, and the canonical writing
 * of a register built by hand.  t0420 runs the same files through a
 * store, round trip included.
 */
#include "unit.h"
#include <unistd.h>
#include "ingest/recs-io.h"

struct fx {
	char dir[64];
	char recs[128], prog[128];
	struct recs_orgs orgs;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));

	if (!f)
		return -1;
	snprintf(f->dir, sizeof(f->dir), "/tmp/u-recs-io.XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->recs, sizeof(f->recs), "%s/recommendations.csv", f->dir);
	snprintf(f->prog, sizeof(f->prog), "%s/rec-progress.csv", f->dir);
	recs_orgs_add(&f->orgs, ORG_COUNCIL, "W06000015");
	recs_orgs_add(&f->orgs, ORG_COUNCIL, "W06000011");
	recs_orgs_add(&f->orgs, ORG_COUNCIL, "W06000015");	/* once */
	recs_orgs_add(&f->orgs, ORG_POLICE, "south-wales");
	recs_orgs_add(&f->orgs, ORG_POLICE, "gwent");
	recs_orgs_add(&f->orgs, ORG_PROVIDER, "Orchard Care Ltd");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;

	recs_orgs_release(&f->orgs);
	unit_rm_tree(f->dir);
	free(f);
	return 0;
}

static void put(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

static const char recs_ok[] =
	"code,Source,SOURCE_TITLE,MADE_ON,THEME,TEXT_EN,TEXT_CY,ADDRESSEES,"
	"REPEATS\n"
	"NR-1,national_review,Review,2024-05-01,missing,Offer interviews.,"
	"Cynnig cyfweliadau.,council:*;council:W06000015 ; police:gwent,"
	"TR-1\n"
	"TR-1,thematic_review,Thematic,2020-01-01,missing,Record.,Cofnodi.,"
	"provider:*,\n";

static void test_read(void **state)
{
	struct fx *f = *state;
	struct quality_set q = QUALITY_SET_INIT;
	struct recs_file out = RECS_FILE_INIT;
	struct diags d = DIAGS_INIT;
	struct err err = ERR_INIT;

	put(f->recs, recs_ok);
	put(f->prog,
	    "CODE,ADDRESSEE,RECORD,AT,BY,WHAT,WHO,TARGET,DONE_ON,NOTE,STATUS,"
	    "VERDICT,REASON\n"
	    "NR-1,council:W06000011,update,2024-06-01T10:00,a@b.example,,,,,"
	    "Done it.,done,,\n"
	    "NR-1,council:W06000011,verdict,2024-06-02T10:00Z,i@ciw.example,,,"
	    ",,,,rejected,No evidence.\n"
	    "TR-1,provider:Orchard Care Ltd,action,2020-02-01T09:00,"
	    "m@o.example,'=Train staff,Manager,2020-06-01,,,,,\n");
	assert_int_equal(recs_read(f->recs, f->prog, &f->orgs, &q, &out, &d,
				   &err), 0);
	diags_print(&d, stderr, 20);
	assert_int_equal(d.n, 0);
	assert_int_equal(out.nrows, 2);
	/* two councils (one named twice) and a force, by kind then code */
	assert_int_equal(out.rows[0].na, 3);
	assert_true(out.rows[0].r.all_councils);
	assert_string_equal(out.rows[0].a[0].code, "W06000011");
	assert_string_equal(out.rows[0].a[1].code, "W06000015");
	assert_int_equal(out.rows[0].a[2].kind, ORG_POLICE);
	assert_int_equal(out.rows[0].nrepeats, 1);
	assert_string_equal(out.rows[0].repeats[0], "TR-1");
	assert_false(out.rows[1].r.all_councils);
	assert_int_equal(out.rows[1].na, 1);
	assert_int_equal(out.nprog, 3);
	assert_int_equal(out.prog[0].record, RECS_UPDATE);
	assert_int_equal(out.prog[0].update.status, REC_DONE);
	assert_int_equal(out.prog[1].verdict, REC_REJECTED);
	assert_string_equal(out.prog[1].reason, "No evidence.");
	assert_int_equal(out.prog[2].action.target_on,
			 unit_date("01/06/2020"));
	assert_int_equal(out.prog[2].action.done_on, DATE_NONE);
	/* the export's defusing of a formula is not part of the text */
	assert_string_equal(out.prog[2].action.what, "=Train staff");
	recs_file_release(&out);
	diags_release(&d);
}

/* Read the files, and expect exactly one problem: file:line:col rule. */
static void one_problem(struct fx *f, const char *recs, const char *prog,
			const char *file, uint64_t line, size_t col,
			const char *rule)
{
	struct quality_set q = QUALITY_SET_INIT;
	struct recs_file out = RECS_FILE_INIT;
	struct diags d = DIAGS_INIT;
	struct err err = ERR_INIT;

	put(f->recs, recs);
	if (prog)
		put(f->prog, prog);
	assert_int_equal(recs_read(f->recs, prog ? f->prog : NULL, &f->orgs,
				   &q, &out, &d, &err), 0);
	if (d.n != 1 || strcmp(d.v[0].rule, rule) || d.v[0].line != line ||
	    d.v[0].column != col || !strstr(d.v[0].file, file)) {
		diags_print(&d, stderr, 20);
		fail_msg("wanted one problem %s:%llu:%zu: %s", file,
			 (unsigned long long)line, col, rule);
	}
	recs_file_release(&out);
	diags_release(&d);
}

#define PROG_HEAD "CODE,ADDRESSEE,RECORD,AT,BY,WHAT,WHO,TARGET,DONE_ON," \
		  "NOTE,STATUS,VERDICT,REASON\n"

static void test_problems(void **state)
{
	struct fx *f = *state;
	char buf[2048];

	/* an organisation not known, a kind that is not an addressee's */
	snprintf(buf, sizeof(buf), "%s", recs_ok);
	*strstr(buf, "police:gwent") = 'X';
	one_problem(f, buf, NULL, "recommendations.csv", 2, 8,
		    "rec-addressee");
	snprintf(buf, sizeof(buf), "%s", recs_ok);
	memcpy(strstr(buf, "police:gwent"), "police:dyfed", 12);
	one_problem(f, buf, NULL, "recommendations.csv", 2, 8,
		    "rec-addressee-unknown");
	/* a repeat made later than the recommendation */
	snprintf(buf, sizeof(buf), "%s", recs_ok);
	memcpy(strstr(buf, "2020-01-01"), "2025-01-01", 10);
	one_problem(f, buf, NULL, "recommendations.csv", 2, 9, "rec-repeats");
	/* a theme not in the list: the check's rule, at its column */
	snprintf(buf, sizeof(buf), "%s", recs_ok);
	memcpy(strstr(buf, "missing,Record"), "mislaid", 7);
	one_problem(f, buf, NULL, "recommendations.csv", 3, 5, "rec-unknown");
	/* a verdict on an addressee that has not said it is done */
	one_problem(f, recs_ok, PROG_HEAD
		    "NR-1,police:gwent,update,2024-06-01T10:00,a@b.example,,,,,"
		    "Begun.,in_progress,,\n"
		    "NR-1,police:gwent,verdict,2024-06-02T10:00,i@c.example,,,,"
		    ",,,accepted,\n",
		    "rec-progress.csv", 3, 12, "rec-verdict-not-done");
	/* a rejection without a reason */
	one_problem(f, recs_ok, PROG_HEAD
		    "NR-1,police:gwent,update,2024-06-01T10:00,a@b.example,,,,,"
		    "Done.,done,,\n"
		    "NR-1,police:gwent,verdict,2024-06-02T10:00,i@c.example,,,,"
		    ",,,rejected,\n",
		    "rec-progress.csv", 3, 13, "rec-required");
	/* an action without its target */
	one_problem(f, recs_ok, PROG_HEAD
		    "TR-1,provider:Orchard Care Ltd,action,2020-02-01T09:00,"
		    "m@o.example,Train staff,Manager,,,,,,\n",
		    "rec-progress.csv", 2, 8, "rec-required");
	/* the hour the clocks skipped (31 March 2024, 01:00 GMT) */
	one_problem(f, recs_ok, PROG_HEAD
		    "NR-1,police:gwent,update,2024-03-31T01:30,a@b.example,,,,,"
		    "Begun.,in_progress,,\n",
		    "rec-progress.csv", 2, 4, "rec-time-uk");
}

/* A register built by hand, written canonically. */
static void test_write(void **state)
{
	struct rec r[2];
	struct rec_addressee a[3];
	struct rec_repeat rep = { 1, 2 };
	struct rec_update u;
	struct rec_action act;
	struct quality_set q = QUALITY_SET_INIT;
	struct buf rb = BUF_INIT(1 << 20), pb = BUF_INIT(1 << 20);
	struct err err = ERR_INIT;
	int32_t d = unit_date("01/05/2024");

	(void)state;
	rec_init(&r[0]);
	r[0].id = 1;
	snprintf(r[0].code, sizeof(r[0].code), "NR-1");
	snprintf(r[0].source_title, sizeof(r[0].source_title), "Review");
	r[0].made_on = d;
	snprintf(r[0].theme, sizeof(r[0].theme), "stability");
	snprintf(r[0].text_en, sizeof(r[0].text_en), "=Fewer moves, please");
	snprintf(r[0].text_cy, sizeof(r[0].text_cy), "Llai o symud");
	r[0].all_councils = true;
	r[1] = r[0];
	r[1].id = 2;
	r[1].all_councils = false;
	snprintf(r[1].code, sizeof(r[1].code), "TR-1");
	memset(a, 0, sizeof(a));
	/* stored out of order: written police after council, by code */
	a[0] = (struct rec_addressee){ .id = 10, .rec_id = 1,
				       .kind = ORG_POLICE };
	snprintf(a[0].code, sizeof(a[0].code), "gwent");
	a[1] = (struct rec_addressee){ .id = 11, .rec_id = 1,
				       .kind = ORG_COUNCIL,
				       .status = REC_DONE,
				       .verdict = REC_ACCEPTED,
				       .verdict_on = d + 40 };
	snprintf(a[1].code, sizeof(a[1].code), "W06000015");
	snprintf(a[1].verdict_by, sizeof(a[1].verdict_by), "i@ciw.example");
	a[2] = (struct rec_addressee){ .id = 12, .rec_id = 2,
				       .kind = ORG_PROVIDER };
	snprintf(a[2].code, sizeof(a[2].code), "Orchard Care Ltd");
	memset(&u, 0, sizeof(u));
	u.id = 1;
	u.addressee_id = 11;
	u.at = (int64_t)(d + 30) * 86400000LL + 9 * 3600000LL;
	snprintf(u.by, sizeof(u.by), "a@b.example");
	snprintf(u.note, sizeof(u.note), "All done, see the minutes");
	u.status = REC_DONE;
	rec_action_init(&act);
	act.id = 1;
	act.addressee_id = 12;
	act.recorded_at = (int64_t)(d + 1) * 86400000LL;
	snprintf(act.recorded_by, sizeof(act.recorded_by), "m@o.example");
	snprintf(act.what, sizeof(act.what), "Train staff");
	snprintf(act.who, sizeof(act.who), "Manager");
	act.target_on = d + 60;
	q.recs = r;
	q.nrecs = 2;
	q.addressees = a;
	q.naddressees = 3;
	q.repeats = &rep;
	q.nrepeats = 1;
	q.updates = &u;
	q.nupdates = 1;
	q.actions = &act;
	q.nactions = 1;
	assert_int_equal(recs_write(&q, &rb, &pb, &err), 0);
	assert_string_equal(rb.buf,
		"CODE,SOURCE,SOURCE_TITLE,MADE_ON,THEME,TEXT_EN,TEXT_CY,"
		"ADDRESSEES,REPEATS\r\n"
		"NR-1,national_review,Review,2024-05-01,stability,"
		"\"'=Fewer moves, please\",Llai o symud,"
		"council:*;police:gwent,TR-1\r\n"
		"TR-1,national_review,Review,2024-05-01,stability,"
		"\"'=Fewer moves, please\",Llai o symud,"
		"provider:Orchard Care Ltd,\r\n");
	/* the verdict last, at the start of its UK day (BST: 23:00 UTC) */
	assert_string_equal(pb.buf,
		"CODE,ADDRESSEE,RECORD,AT,BY,WHAT,WHO,TARGET,DONE_ON,NOTE,"
		"STATUS,VERDICT,REASON\r\n"
		"NR-1,council:W06000015,update,2024-05-31T09:00:00.000Z,"
		"a@b.example,,,,,\"All done, see the minutes\",done,,\r\n"
		"NR-1,council:W06000015,verdict,2024-06-09T23:00:00.000Z,"
		"i@ciw.example,,,,,,,accepted,\r\n"
		"TR-1,provider:Orchard Care Ltd,action,"
		"2024-05-02T00:00:00.000Z,m@o.example,Train staff,Manager,"
		"2024-06-30,,,,,\r\n");
	buf_release(&rb);
	buf_release(&pb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read),
		cmocka_unit_test(test_problems),
		cmocka_unit_test(test_write),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
