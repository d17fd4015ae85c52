/*
 * u-demo.c: unit tests for src/demo/: the synthetic data generator.
 *
 * The group setup loads the geography into an in-memory store (from the
 * directory geo_find_datadir() finds: $CARTREF_DATA, else data/ above the
 * test binary) and generates the Wales scale with seed 1 as of a fixed
 * reference date, AS_OF (a Tuesday in British Summer Time, so that "before
 * the start of the as-of day in the UK" is not "before midnight UTC"),
 * into a temporary directory.  The tests look at that output, and
 * generate again to prove that a seed and a date always give the same
 * bytes, that another date in the same reporting year gives the same
 * returns with other live records, and that another seed differs.
 * Nothing here depends on today's date.
 */
#include "unit.h"
#include <dirent.h>
#include <sys/stat.h>
#include "base/buf.h"
#include "base/uktime.h"
#include "demo/demo.h"
#include "domain/missing.h"
#include "domain/quality.h"
#include "ingest/csv.h"
#include "ingest/geo-import.h"
#include "ingest/quality-io.h"
#include "ingest/recs-io.h"
#include "ingest/s903-io.h"

#define AS_OF "2026-07-14"		/* a Tuesday, BST */
#define OTHER_AS_OF "2026-12-08"	/* a Tuesday, GMT, same years */
#define CARDIFF "W06000015"
#define MIN_MS 60000LL
#define DAY_MS 86400000LL

/* South Wales Police's area (migration 2, src/store/sqlite-schema.c) */
static const char *const south_wales[] = {
	"W06000011", "W06000012", "W06000013", "W06000014", "W06000015",
	"W06000016", "W06000024",
};

struct fixture {
	struct store *geo;
	char root[64];		/* mkdtemp: everything goes under here */
	char a[128];		/* seed 1 as of AS_OF, made by the setup */
	int32_t as_of;
	struct demo_summary sum;
};

static int32_t iso(const char *s)
{
	int32_t d;

	if (parse_date_iso(s, &d))
		fail_msg("bad test date \"%s\"", s);
	return d;
}

static int generate(struct store *geo, uint64_t seed, int32_t as_of,
		    const char *dir, struct demo_summary *sum)
{
	struct demo_opts o = { seed, DEMO_WALES, as_of };
	struct err err = ERR_INIT;
	int rc = demo_generate(geo, &o, dir, sum, &err);

	if (rc)
		fprintf(stderr, "u-demo: demo_generate: %s\n", err_text(&err));
	return rc;
}

static int group_setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct err err = ERR_INIT;
	char dir[4096];

	if (!f)
		return -1;
	*state = f;
	if (geo_find_datadir(dir, sizeof(dir), &err) ||
	    store_open(&f->geo, ":memory:", &err) ||
	    geo_import(f->geo, dir, &err)) {
		fprintf(stderr, "u-demo: %s\n", err_text(&err));
		return -1;
	}
	snprintf(f->root, sizeof(f->root), "/tmp/u-demo-XXXXXX");
	if (!mkdtemp(f->root)) {
		f->root[0] = '\0';
		return -1;
	}
	snprintf(f->a, sizeof(f->a), "%s/a", f->root);
	if (parse_date_iso(AS_OF, &f->as_of))
		return -1;
	return generate(f->geo, 1, f->as_of, f->a, &f->sum) ? -1 : 0;
}

static int group_teardown(void **state)
{
	struct fixture *f = *state;

	if (!f)
		return 0;
	if (f->root[0])
		unit_rm_tree(f->root);
	if (f->geo)
		store_close(f->geo);
	free(f);
	return 0;
}

/* ---- reading what was written -------------------------------------------- */

/* The whole file, or fail the test. */
static void slurp(const char *path, struct buf *out)
{
	FILE *fp = fopen(path, "rb");
	char chunk[65536];
	size_t n;

	if (!fp)
		fail_msg("cannot open %s", path);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_add(out, chunk, n);
	fclose(fp);
	assert_int_equal(buf_error(out), 0);
}

static bool same_file(const char *x, const char *y)
{
	struct buf bx = BUF_INIT(BUF_MAX_DEFAULT), by = BUF_INIT(BUF_MAX_DEFAULT);
	bool same;

	slurp(x, &bx);
	slurp(y, &by);
	assert_true(bx.len > 0);
	same = bx.len == by.len && !memcmp(bx.buf, by.buf, bx.len);
	buf_release(&bx);
	buf_release(&by);
	return same;
}

static bool is_file(const char *path)
{
	struct stat st;

	return !stat(path, &st) && S_ISREG(st.st_mode);
}

/* A CSV file with a header row, every field copied. */
struct table {
	size_t ncols, nrows, arows;
	char **head;
	char ***rows;
};

static void table_load(const char *path, struct table *t)
{
	static const struct csv_limits lim = CSV_LIMITS_DEFAULT;
	struct csv_reader *r = NULL;
	struct csv_record rec;
	struct csv_error cerr;
	struct err err = ERR_INIT;
	int rc;

	memset(t, 0, sizeof(*t));
	if (csv_open_file(&r, path, &lim, &err))
		fail_msg("%s: %s", path, err_text(&err));
	while ((rc = csv_next(r, &rec, &cerr, &err)) == CSV_RECORD) {
		char **row = calloc(rec.nfields, sizeof(*row));

		assert_non_null(row);
		for (size_t i = 0; i < rec.nfields; i++)
			row[i] = strdup(rec.fields[i]);
		if (!t->head) {
			t->head = row;
			t->ncols = rec.nfields;
			continue;
		}
		if (rec.nfields != t->ncols)
			fail_msg("%s:%llu: %zu fields, header has %zu", path,
				 (unsigned long long)rec.line, rec.nfields,
				 t->ncols);
		if (t->nrows == t->arows) {
			t->arows = t->arows ? 2 * t->arows : 64;
			t->rows = realloc(t->rows, t->arows * sizeof(*t->rows));
			assert_non_null(t->rows);
		}
		t->rows[t->nrows++] = row;
	}
	if (rc != CSV_EOF)
		fail_msg("%s: not CSV (%s)", path, cerr.msg);
	csv_close(r);
	assert_non_null(t->head);
}

static const char *cell(const struct table *t, size_t row, const char *col)
{
	for (size_t i = 0; i < t->ncols; i++)
		if (!strcmp(t->head[i], col))
			return t->rows[row][i];
	fail_msg("no column %s", col);
	return "";
}

static int64_t cell_time(const struct table *t, size_t row, const char *col)
{
	const char *s = cell(t, row, col);
	int64_t ms;

	if (!*s)
		return 0;
	if (mfc_time_parse(s, &ms))
		fail_msg("%s %s is not a time", col, s);
	return ms;
}

static int32_t cell_date(const struct table *t, size_t row, const char *col)
{
	const char *s = cell(t, row, col);

	return *s ? iso(s) : DATE_NONE;
}

static void table_free(struct table *t)
{
	for (size_t i = 0; i < t->nrows; i++) {
		for (size_t j = 0; j < t->ncols; j++)
			free(t->rows[i][j]);
		free(t->rows[i]);
	}
	for (size_t j = 0; j < t->ncols; j++)
		free(t->head[j]);
	free(t->head);
	free(t->rows);
	memset(t, 0, sizeof(*t));
}

static void return_load(const char *dir, const char *la, int year,
			struct s903_return *r)
{
	static const char *const files[] = {
		"header.csv", "episodes.csv", "missing.csv", "oc2.csv",
	};
	struct diags d = DIAGS_INIT;
	struct err err = ERR_INIT;
	size_t colpos[S903_MAX_COLS];
	char path[512];
	int table;

	for (size_t k = 0; k < ARRAY_SIZE(files); k++) {
		snprintf(path, sizeof(path), "%s/903/%s/%d/%s", dir, la, year,
			 files[k]);
		assert_int_equal(s903_read_file(path, r, &table, 0, colpos,
						&d, &err), 0);
		assert_int_equal(table, (int)k);
	}
	if (d.n) {
		diags_print(&d, stderr, 5);
		fail_msg("%s %d has %zu problems", la, year, d.n);
	}
	diags_release(&d);
	str_copy(r->la, sizeof(r->la), la);
	r->year = year;
}

struct councils {
	size_t n;
	char code[32][LA_CODE_MAX + 1];
};

static int collect_council(const struct la *la, void *ctx)
{
	struct councils *c = ctx;

	if (c->n < ARRAY_SIZE(c->code))
		snprintf(c->code[c->n], sizeof(c->code[0]), "%s", la->code);
	c->n++;
	return 0;
}

static void wales_councils(struct fixture *f, struct councils *cs)
{
	struct err err = ERR_INIT;

	memset(cs, 0, sizeof(*cs));
	assert_int_equal(store_councils_each(f->geo, "W92000004",
					     collect_council, cs, &err), 0);
	assert_int_equal(cs->n, 22);
}

/*
 * The last return of every council, the live files and the register, for
 * the checks on live records.
 */
struct world {
	struct councils cs;
	struct s903_return last[22];
	struct table live, meetings, homes;
};

static void world_load(struct fixture *f, struct world *w)
{
	char path[512];

	wales_councils(f, &w->cs);
	for (size_t i = 0; i < w->cs.n; i++) {
		struct s903_return r0 = S903_RETURN_INIT;

		w->last[i] = r0;
		return_load(f->a, w->cs.code[i], f->sum.last_year, &w->last[i]);
	}
	snprintf(path, sizeof(path), "%s/missing-live.csv", f->a);
	table_load(path, &w->live);
	snprintf(path, sizeof(path), "%s/strategy-meetings.csv", f->a);
	table_load(path, &w->meetings);
	snprintf(path, sizeof(path), "%s/homes.csv", f->a);
	table_load(path, &w->homes);
}

static void world_free(struct world *w)
{
	for (size_t i = 0; i < w->cs.n; i++)
		s903_return_release(&w->last[i]);
	table_free(&w->live);
	table_free(&w->meetings);
	table_free(&w->homes);
}

static const struct s903_return *last_of(const struct world *w,
					 const char *la)
{
	for (size_t i = 0; i < w->cs.n; i++)
		if (!strcmp(w->cs.code[i], la))
			return &w->last[i];
	fail_msg("no council %s", la);
	return NULL;
}

/* The child's episode open in the return (DEC blank), or NULL. */
static const struct s903_episode *open_episode(const struct s903_return *r,
					       const char *child)
{
	for (size_t i = 0; i < r->nepisodes; i++)
		if (!strcmp(r->episodes[i].child, child) &&
		    r->episodes[i].dec == DATE_NONE)
			return &r->episodes[i];
	return NULL;
}

static int32_t dob_of(const struct s903_return *r, const char *child)
{
	for (size_t i = 0; i < r->nheader; i++)
		if (!strcmp(r->header[i].child, child))
			return r->header[i].dob;
	fail_msg("%s is not in the Header of %s %d", child, r->la, r->year);
	return DATE_NONE;
}

/* The council of a home of the register, or NULL if not listed. */
static const char *home_la(const struct world *w, const char *urn)
{
	for (size_t i = 0; i < w->homes.nrows; i++)
		if (!strcmp(cell(&w->homes, i, "URN"), urn))
			return cell(&w->homes, i, "LA");
	return NULL;
}

static bool in_south_wales(const char *la)
{
	for (size_t i = 0; i < ARRAY_SIZE(south_wales); i++)
		if (!strcmp(south_wales[i], la))
			return true;
	return false;
}

/* ---- years and time ------------------------------------------------------ */

static void years_of(const char *as_of, int first, int last)
{
	int f = 0, l = 0;

	demo_years(iso(as_of), &f, &l);
	if (f != first || l != last)
		fail_msg("as of %s: years %d-%d, expected %d-%d", as_of, f, l,
			 first, last);
}

/* The last three complete reporting years before the reference date. */
static void test_years(void **state)
{
	(void)state;
	years_of("2026-12-07", 2024, 2026);
	years_of("2026-04-01", 2024, 2026);	/* 2026 ended yesterday */
	years_of("2026-03-31", 2023, 2025);	/* 2026 ends today */
	years_of("2027-01-01", 2024, 2026);
	years_of("2030-02-28", 2027, 2029);
}

/* ---- the returns and the register ---------------------------------------- */

static void test_layout(void **state)
{
	static const char *const files[] = {
		"header.csv", "episodes.csv", "missing.csv", "oc2.csv",
	};
	struct fixture *f = *state;
	struct councils cs;
	char path[512];
	size_t ndirs = 0;
	DIR *d;
	struct dirent *de;

	assert_int_equal(f->sum.first_year, 2024);
	assert_int_equal(f->sum.last_year, 2026);
	wales_councils(f, &cs);
	for (size_t i = 0; i < cs.n; i++) {
		for (int y = f->sum.first_year; y <= f->sum.last_year; y++)
			for (size_t k = 0; k < ARRAY_SIZE(files); k++) {
				snprintf(path, sizeof(path), "%s/903/%s/%d/%s",
					 f->a, cs.code[i], y, files[k]);
				if (!is_file(path))
					fail_msg("%s is missing", path);
			}
		/* and no other year */
		snprintf(path, sizeof(path), "%s/903/%s", f->a, cs.code[i]);
		d = opendir(path);
		assert_non_null(d);
		ndirs = 0;
		while ((de = readdir(d)))
			if (de->d_name[0] != '.')
				ndirs++;
		closedir(d);
		assert_int_equal(ndirs, DEMO_YEARS);
	}
	/* and nothing else: one directory per council */
	snprintf(path, sizeof(path), "%s/903", f->a);
	d = opendir(path);
	assert_non_null(d);
	ndirs = 0;
	while ((de = readdir(d)))
		if (de->d_name[0] != '.')
			ndirs++;
	closedir(d);
	assert_int_equal(ndirs, 22);
	snprintf(path, sizeof(path), "%s/homes.csv", f->a);
	assert_true(is_file(path));
}

static void test_summary(void **state)
{
	struct fixture *f = *state;
	const struct demo_summary *s = &f->sum;

	assert_int_equal(s->councils, 22);
	assert_int_equal(s->homes, 178);
	assert_int_equal(s->places, 774);
	if (s->cla_31mar_last < 6000 || s->cla_31mar_last > 6900)
		fail_msg("%ld children looked after at 31 March %d, expected "
			 "6,000 to 6,900", s->cla_31mar_last, s->last_year);
	/* each child looked after appears in each year's Header */
	assert_true(s->children >= 3 * 6000);
	assert_true(s->episodes > s->children);
	assert_true(s->missing > 0);
	assert_true(s->oc2 > 0 && s->oc2 < s->children);
	assert_true(s->live_episodes > 0);
	assert_true(s->meetings > 0);
	assert_true(s->inspections >= 178 * 2);
	assert_true(s->findings > 0 && s->notices > 0);
	assert_true(s->notices < s->findings / 4);
	assert_true(s->notices_overdue > 0 && s->notices_overdue < 40);
	assert_true(s->notifications >= s->live_episodes);
	assert_int_equal(s->recs, 10);
	assert_true(s->rec_progress > 0);
}

/* The register reads back clean, with the review's 178 homes open. */
static void test_register_reads_back(void **state)
{
	struct fixture *f = *state;
	struct diags d = DIAGS_INIT;
	struct err err = ERR_INIT;
	struct home *homes = NULL;
	size_t n = 0;
	long open = 0, places = 0, by_type[PROVIDER_NTYPES] = { 0 };
	char path[512];

	snprintf(path, sizeof(path), "%s/homes.csv", f->a);
	assert_int_equal(homes_read_file(path, &homes, &n, NULL, NULL, &d,
					 &err), 0);
	if (d.n) {
		diags_print(&d, stderr, 5);
		fail_msg("homes.csv has %zu problems", d.n);
	}
	for (size_t i = 0; i < n; i++)
		if (home_open_on(&homes[i], year_end(f->sum.last_year))) {
			open++;
			places += homes[i].places;
			by_type[homes[i].provider_type]++;
		}
	assert_int_equal(open, 178);
	assert_int_equal(places, 774);
	assert_int_equal(by_type[PROVIDER_LA], 25);
	assert_int_equal(by_type[PROVIDER_VOLUNTARY], 9);
	assert_int_equal(by_type[PROVIDER_PRIVATE], 144);
	free(homes);
	diags_release(&d);
}

static void on_problem(const struct s903_problem *p, void *ctx)
{
	(void)ctx;
	fprintf(stderr, "u-demo: %s row %u %s: %s: %s\n",
		s903_tables[p->table].name, p->line,
		p->column ? p->column : "", p->rule, p->msg);
}

/* Every return reads back without a diagnostic and passes s903_check(). */
static void test_returns_pass_check(void **state)
{
	struct fixture *f = *state;
	struct councils cs;
	long missing[DEMO_YEARS] = { 0 };

	wales_councils(f, &cs);
	for (size_t i = 0; i < cs.n; i++)
		for (int y = f->sum.first_year; y <= f->sum.last_year; y++) {
			struct s903_return r = S903_RETURN_INIT;
			size_t problems;

			return_load(f->a, cs.code[i], y, &r);
			problems = s903_check(&r, on_problem, NULL);
			if (problems)
				fail_msg("%s %d: %zu problems", cs.code[i], y,
					 problems);
			assert_int_equal(s903_infer_year(&r), y);
			if (!strcmp(cs.code[i], CARDIFF))
				assert_true(r.nheader > 100);
			assert_true(r.nepisodes >= r.nheader);
			missing[y - f->sum.first_year] += (long)r.nmissing;
			s903_return_release(&r);
		}
	/* missing rising year on year (§5.4) */
	for (int k = 1; k < DEMO_YEARS; k++)
		if (missing[k] <= missing[k - 1])
			fail_msg("missing periods %ld then %ld: not rising",
				 missing[k - 1], missing[k]);
}

static void same_files(const char *x, const char *y, const char *la,
		       int first, int last, bool expect)
{
	static const char *const files[] = {
		"header.csv", "episodes.csv", "missing.csv", "oc2.csv",
	};
	char a[512], b[512];

	for (int yr = first; yr <= last; yr++)
		for (size_t k = 0; k < ARRAY_SIZE(files); k++) {
			snprintf(a, sizeof(a), "%s/903/%s/%d/%s", x, la, yr,
				 files[k]);
			snprintf(b, sizeof(b), "%s/903/%s/%d/%s", y, la, yr,
				 files[k]);
			if (same_file(a, b) != expect)
				fail_msg("%s and %s %s", a, b,
					 expect ? "differ" : "are the same");
		}
}

/* Same seed, same scale, same as-of: the same bytes, every file. */
static void test_same_seed_same_bytes(void **state)
{
	static const char *const top[] = {
		"homes.csv", "missing-live.csv", "strategy-meetings.csv",
		"inspections.csv", "findings.csv", "notifications.csv",
		"recommendations.csv", "rec-progress.csv",
	};
	struct fixture *f = *state;
	struct demo_summary sum;
	struct councils cs;
	char b[128], x[512], y[512];

	snprintf(b, sizeof(b), "%s/b", f->root);
	assert_int_equal(generate(f->geo, 1, f->as_of, b, &sum), 0);
	assert_memory_equal(&sum, &f->sum, sizeof(sum));
	for (size_t k = 0; k < ARRAY_SIZE(top); k++) {
		snprintf(x, sizeof(x), "%s/%s", f->a, top[k]);
		snprintf(y, sizeof(y), "%s/%s", b, top[k]);
		if (!same_file(x, y))
			fail_msg("%s differs", top[k]);
	}
	wales_councils(f, &cs);
	for (size_t i = 0; i < cs.n; i++)
		same_files(f->a, b, cs.code[i], sum.first_year, sum.last_year,
			   true);
}

/*
 * Another date in the same reporting year: the returns are the same (they
 * show what was known at each 31 March), the live records are not.
 */
static void test_other_as_of(void **state)
{
	struct fixture *f = *state;
	struct demo_summary sum;
	char c[128], x[512], y[512];

	snprintf(c, sizeof(c), "%s/later", f->root);
	assert_int_equal(generate(f->geo, 1, iso(OTHER_AS_OF), c, &sum), 0);
	assert_int_equal(sum.first_year, f->sum.first_year);
	assert_int_equal(sum.last_year, f->sum.last_year);
	assert_int_equal(sum.cla_31mar_last, f->sum.cla_31mar_last);
	same_files(f->a, c, CARDIFF, sum.first_year, sum.last_year, true);
	snprintf(x, sizeof(x), "%s/homes.csv", f->a);
	snprintf(y, sizeof(y), "%s/homes.csv", c);
	assert_true(same_file(x, y));
	snprintf(x, sizeof(x), "%s/missing-live.csv", f->a);
	snprintf(y, sizeof(y), "%s/missing-live.csv", c);
	assert_false(same_file(x, y));
	/* five more months of live records */
	assert_true(sum.live_episodes > f->sum.live_episodes);
}

static void test_other_seed_differs(void **state)
{
	struct fixture *f = *state;
	struct demo_summary sum;
	char c[128], x[512], y[512];

	snprintf(c, sizeof(c), "%s/c", f->root);
	assert_int_equal(generate(f->geo, 2, f->as_of, c, &sum), 0);
	/* the fixed figures hold for every seed */
	assert_int_equal(sum.homes, 178);
	assert_int_equal(sum.places, 774);
	assert_true(sum.cla_31mar_last >= 6000 && sum.cla_31mar_last <= 6900);
	snprintf(x, sizeof(x), "%s/homes.csv", f->a);
	snprintf(y, sizeof(y), "%s/homes.csv", c);
	assert_false(same_file(x, y));
	same_files(f->a, c, CARDIFF, sum.last_year, sum.last_year, false);
}

/* ---- the live records ------------------------------------------------------ */

/* Nothing at or after the start of the as-of day in the UK. */
static void test_live_before_as_of(void **state)
{
	static const char *const times[] = {
		"STARTED_AT", "LAST_SEEN_AT", "RETURNED_AT", "RI_OFFERED_AT",
		"RI_HELD_AT",
	};
	struct fixture *f = *state;
	struct world w;
	int64_t limit = uk_day_start(f->as_of), latest = 0;

	world_load(f, &w);
	assert_int_equal((long)w.live.nrows, f->sum.live_episodes);
	assert_int_equal((long)w.meetings.nrows, f->sum.meetings);
	for (size_t i = 0; i < w.live.nrows; i++)
		for (size_t k = 0; k < ARRAY_SIZE(times); k++) {
			int64_t t = cell_time(&w.live, i, times[k]);

			if (t >= limit)
				fail_msg("%s %s is not before the as-of day",
					 times[k], cell(&w.live, i, times[k]));
			if (t > latest)
				latest = t;
		}
	/* and up to it: something happened on the day before */
	assert_true(latest >= limit - DAY_MS);
	/* a child's first live episode: found missing in the afternoon or
	 * evening by the UK clock (in summer, 13:00-22:30 UTC) */
	for (size_t i = 0; i < w.live.nrows; i++) {
		struct uk_local l;

		if (i && !strcmp(cell(&w.live, i, "CHILD"),
				 cell(&w.live, i - 1, "CHILD")) &&
		    !strcmp(cell(&w.live, i, "LA"), cell(&w.live, i - 1, "LA")))
			continue;
		uk_local_of(cell_time(&w.live, i, "STARTED_AT"), &l);
		if (l.hour < 14 || (l.hour == 23 && l.minute > 30))
			fail_msg("found missing at %02d:%02d UK time: %s",
				 l.hour, l.minute,
				 cell(&w.live, i, "STARTED_AT"));
	}
	for (size_t i = 0; i < w.meetings.nrows; i++) {
		int32_t held = cell_date(&w.meetings, i, "HELD_ON");

		assert_true(held < f->as_of);
		assert_true(cell_time(&w.meetings, i, "EPISODE_STARTED_AT") <
			    limit);
	}
	world_free(&w);
}

/*
 * Every live episode is of a child under 18 that day, placed at that home
 * in the episode the last return shows open: what the store knows.  And
 * only since the last 31 March, or open at it.
 */
static void test_live_placed_under_18(void **state)
{
	struct fixture *f = *state;
	struct world w;
	int32_t we = year_end(f->sum.last_year);

	world_load(f, &w);
	for (size_t i = 0; i < w.live.nrows; i++) {
		const char *la = cell(&w.live, i, "LA");
		const char *child = cell(&w.live, i, "CHILD");
		const char *urn = cell(&w.live, i, "URN");
		const struct s903_return *r = last_of(&w, la);
		const struct s903_episode *e = open_episode(r, child);
		int32_t day = uk_day_of(cell_time(&w.live, i, "STARTED_AT"));
		int64_t ret = cell_time(&w.live, i, "RETURNED_AT");

		if (!e || strcmp(e->urn, urn))
			fail_msg("%s/%s missing from %s: not its placement "
				 "open in the %d return", la, child, urn,
				 r->year);
		assert_non_null(home_la(&w, urn));
		assert_true(e->decom <= day);
		if (date_age_years(dob_of(r, child), day) >= 18)
			fail_msg("%s/%s is 18 on %s", la, child,
				 cell(&w.live, i, "STARTED_AT"));
		/* before 31 March only if still missing then */
		if (day <= we && ret && uk_day_of(ret) <= we)
			fail_msg("%s/%s: an absence of the last year, "
				 "returned by 31 March, is live", la, child);
	}
	world_free(&w);
}

/*
 * A few children missing now (about 5 across Wales, a handful in a
 * police force's area), older episodes complete, the latest returns with
 * their interviews not yet due.
 */
static void test_live_states(void **state)
{
	struct fixture *f = *state;
	struct world w;
	int64_t limit = uk_day_start(f->as_of);
	long open_m = 0, open_swp = 0, recent = 0, in_time = 0, late = 0,
	     declined = 0, none = 0, closed_old = 0, open_all = 0,
	     open_long = 0;

	world_load(f, &w);
	for (size_t i = 0; i < w.live.nrows; i++) {
		int64_t start = cell_time(&w.live, i, "STARTED_AT");
		int64_t ret = cell_time(&w.live, i, "RETURNED_AT");
		int64_t held = cell_time(&w.live, i, "RI_HELD_AT");
		bool m = !strcmp(cell(&w.live, i, "KIND"), "M");

		if (!ret) {
			const char *hla = home_la(&w, cell(&w.live, i, "URN"));

			assert_string_equal(cell(&w.live, i, "RI_OFFERED_AT"),
					    "");
			/* one open episode per child */
			for (size_t j = 0; j < i; j++)
				if (!cell_time(&w.live, j, "RETURNED_AT") &&
				    !strcmp(cell(&w.live, j, "LA"),
					    cell(&w.live, i, "LA")) &&
				    !strcmp(cell(&w.live, j, "CHILD"),
					    cell(&w.live, i, "CHILD")))
					fail_msg("two open episodes");
			open_all++;
			open_m += m;
			open_swp += m && in_south_wales(hla);
			open_long += limit - start > 7 * DAY_MS;
			continue;
		}
		assert_true(ret > start);
		if (m && *cell(&w.live, i, "RISK_GRADE") == '\0')
			fail_msg("an M episode with no police grade");
		if (limit - ret <= 3 * DAY_MS) {
			recent++;
			/* not yet due: nothing held 72 hours on */
			if (held)
				assert_true(held < limit);
			continue;
		}
		if (limit - ret < 11 * DAY_MS)
			continue;
		closed_old++;
		if (held && held - ret <= 72 * 3600000LL)
			in_time++;
		else if (held)
			late++;
		else if (!strcmp(cell(&w.live, i, "RI_OUTCOME"), "declined"))
			declined++;
		else
			none++;
	}
	if (open_m < 1 || open_m > 25 || open_swp > 15)
		fail_msg("%ld children missing now in Wales, %ld in South "
			 "Wales Police's area", open_m, open_swp);
	assert_true(open_long <= open_all / 2 + 1);
	assert_true(recent >= 1);
	/* interviews: mostly in time, some late, a few declined or none */
	assert_true(closed_old > 100);
	assert_true(in_time > closed_old / 2);
	assert_true(late > 0 && late < closed_old / 4);
	assert_true(declined > 0 && declined < closed_old / 5);
	assert_true(none > 0 && none < closed_old / 5);
	world_free(&w);
}

/*
 * A missing period open in the last return (MIS_END blank) of a child the
 * store places in a home of the register is one absence with a live
 * episode: same child, kind and start day, returned after 31 March or
 * still open.  And no absence appears twice.
 */
static void test_live_reconciled(void **state)
{
	struct fixture *f = *state;
	struct world w;
	int32_t we = year_end(f->sum.last_year);
	long open_periods = 0;

	world_load(f, &w);
	for (size_t c = 0; c < w.cs.n; c++) {
		const struct s903_return *r = &w.last[c];

		for (size_t i = 0; i < r->nmissing; i++) {
			const struct s903_missing *m = &r->missing[i];
			const struct s903_episode *e;
			bool found = false;

			if (m->mis_end != DATE_NONE)
				continue;
			e = open_episode(r, m->child);
			if (!e || !e->urn[0] || !home_la(&w, e->urn))
				continue;
			open_periods++;
			for (size_t k = 0; k < w.live.nrows; k++) {
				int64_t ret = cell_time(&w.live, k,
							"RETURNED_AT");

				if (strcmp(cell(&w.live, k, "LA"), r->la) ||
				    strcmp(cell(&w.live, k, "CHILD"), m->child) ||
				    strcmp(cell(&w.live, k, "KIND"), m->missing) ||
				    uk_day_of(cell_time(&w.live, k,
							  "STARTED_AT")) !=
					    m->mis_start)
					continue;
				assert_false(found);
				found = true;
				assert_true(!ret || uk_day_of(ret) > we);
			}
			if (!found)
				fail_msg("%s/%s: the period open since %d in "
					 "the %d return has no live episode",
					 r->la, m->child, m->mis_start, r->year);
		}
	}
	assert_true(open_periods > 0);
	/* no two live episodes of a child start on the same day */
	for (size_t i = 0; i < w.live.nrows; i++)
		for (size_t j = i + 1; j < w.live.nrows &&
		     !strcmp(cell(&w.live, j, "CHILD"),
			     cell(&w.live, i, "CHILD")); j++)
			if (!strcmp(cell(&w.live, j, "LA"),
				    cell(&w.live, i, "LA")))
				assert_true(cell_time(&w.live, j, "STARTED_AT") >
					    cell_time(&w.live, i,
						      "RETURNED_AT"));
	world_free(&w);
}

/* Strategy meetings for some children with repeated episodes. */
static void test_meetings(void **state)
{
	struct fixture *f = *state;
	struct world w;
	long repeated = 0;

	world_load(f, &w);
	for (size_t i = 0; i < w.meetings.nrows; i++) {
		int32_t held = cell_date(&w.meetings, i, "HELD_ON");
		int32_t review = cell_date(&w.meetings, i,
					   "SAFETY_PLAN_REVIEW_ON");
		int64_t ep = cell_time(&w.meetings, i, "EPISODE_STARTED_AT");
		long before = 0;
		bool found = false;

		assert_true(review != DATE_NONE && review > held);
		for (size_t k = 0; k < w.live.nrows; k++) {
			if (strcmp(cell(&w.live, k, "LA"),
				   cell(&w.meetings, i, "LA")) ||
			    strcmp(cell(&w.live, k, "CHILD"),
				   cell(&w.meetings, i, "CHILD")))
				continue;
			if (cell_time(&w.live, k, "STARTED_AT") == ep)
				found = true;
			if (cell_time(&w.live, k, "STARTED_AT") <= ep &&
			    !strcmp(cell(&w.live, k, "KIND"), "M"))
				before++;
		}
		assert_true(found);
		assert_true(before >= 3);
		assert_true(uk_day_of(ep) < held);
	}
	/* some, not all, of the children with three or more */
	for (size_t i = 0; i < w.live.nrows; i++) {
		long n = 0;

		if (i && !strcmp(cell(&w.live, i, "CHILD"),
				 cell(&w.live, i - 1, "CHILD")) &&
		    !strcmp(cell(&w.live, i, "LA"), cell(&w.live, i - 1, "LA")))
			continue;
		for (size_t k = i; k < w.live.nrows &&
		     !strcmp(cell(&w.live, k, "CHILD"),
			     cell(&w.live, i, "CHILD")); k++)
			n += !strcmp(cell(&w.live, k, "KIND"), "M");
		repeated += n >= 3;
	}
	assert_true(w.meetings.nrows > 0);
	assert_true((long)w.meetings.nrows < repeated);
	world_free(&w);
}

/* ---- the quality of care ------------------------------------------------- */

struct quality {
	struct table insp, find, notif, recs, prog, homes, live;
};

static void quality_load(const char *dir, struct quality *q)
{
	static const char *const names[] = {
		"inspections.csv", "findings.csv", "notifications.csv",
		"recommendations.csv", "rec-progress.csv", "homes.csv",
		"missing-live.csv",
	};
	struct table *t[] = { &q->insp, &q->find, &q->notif, &q->recs,
			       &q->prog, &q->homes, &q->live };
	char path[512];

	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		table_load(path, t[i]);
	}
}

static void quality_free(struct quality *q)
{
	table_free(&q->insp);
	table_free(&q->find);
	table_free(&q->notif);
	table_free(&q->recs);
	table_free(&q->prog);
	table_free(&q->homes);
	table_free(&q->live);
}

/* The register's dates are DD/MM/YYYY. */
static int32_t home_date(const struct table *t, size_t row, const char *col)
{
	const char *s = cell(t, row, col);
	int32_t d;

	if (!*s)
		return DATE_NONE;
	if (parse_date_dmy(s, &d))
		fail_msg("%s %s is not a date", col, s);
	return d;
}

static bool home_of(const struct quality *q, const char *urn)
{
	for (size_t i = 0; i < q->homes.nrows; i++)
		if (!strcmp(cell(&q->homes, i, "URN"), urn))
			return true;
	return false;
}

/* The row of the inspection (urn, start, type), or fail. */
static size_t insp_row(const struct quality *q, const char *urn,
		       const char *start, const char *type)
{
	for (size_t i = 0; i < q->insp.nrows; i++)
		if (!strcmp(cell(&q->insp, i, "URN"), urn) &&
		    !strcmp(cell(&q->insp, i, "START"), start) &&
		    !strcmp(cell(&q->insp, i, "TYPE"), type))
			return i;
	fail_msg("no inspection %s %s %s", urn, start, type);
	return 0;
}

/*
 * Dates relative to the reference date: every inspection within the
 * three years before as-of, while its home is open, START <= END, before
 * as-of; every home open for the last eight months inspected, those open
 * all three years at least twice in full; a post-registration inspection
 * only of a home registered in that time, about six months after.
 */
static void quality_dates(const char *dir, int32_t as_of)
{
	struct quality q;
	int32_t from = as_of - 3 * 366;

	quality_load(dir, &q);
	assert_true(q.insp.nrows > 0);
	for (size_t i = 0; i < q.insp.nrows; i++) {
		int32_t start = cell_date(&q.insp, i, "START");
		int32_t end = cell_date(&q.insp, i, "END");
		const char *type = cell(&q.insp, i, "TYPE");
		bool found = false;

		if (start < from || start >= as_of || end < start ||
		    end >= as_of)
			fail_msg("inspection %s %s: not within the three years "
				 "before as-of", cell(&q.insp, i, "URN"),
				 cell(&q.insp, i, "START"));
		for (size_t h = 0; h < q.homes.nrows; h++) {
			int32_t reg, closed;

			if (strcmp(cell(&q.homes, h, "URN"),
				   cell(&q.insp, i, "URN")))
				continue;
			found = true;
			reg = home_date(&q.homes, h, "REGISTERED");
			closed = home_date(&q.homes, h, "CLOSED");
			assert_true(start > reg);
			assert_true(closed == DATE_NONE || end < closed);
			if (!strcmp(type, "post_registration") &&
			    (reg < from || start < reg + 140 ||
			     start > reg + 220))
				fail_msg("%s: post-registration inspection %s "
					 "of a home registered on %s",
					 cell(&q.insp, i, "URN"),
					 cell(&q.insp, i, "START"),
					 cell(&q.homes, h, "REGISTERED"));
		}
		assert_true(found);
	}
	for (size_t h = 0; h < q.homes.nrows; h++) {
		int32_t reg = home_date(&q.homes, h, "REGISTERED");
		int32_t closed = home_date(&q.homes, h, "CLOSED");
		const char *urn = cell(&q.homes, h, "URN");
		size_t n = 0, full = 0;

		for (size_t i = 0; i < q.insp.nrows; i++)
			if (!strcmp(cell(&q.insp, i, "URN"), urn)) {
				n++;
				full += !strcmp(cell(&q.insp, i, "TYPE"),
						"full");
			}
		if (closed == DATE_NONE && reg < as_of - 240 && !n)
			fail_msg("home %s (registered %s) never inspected", urn,
				 cell(&q.homes, h, "REGISTERED"));
		if (closed == DATE_NONE && reg < from && full < 2)
			fail_msg("home %s: %zu full inspections in three years",
				 urn, full);
	}
	quality_free(&q);
}

static void test_quality_dates(void **state)
{
	struct fixture *f = *state;
	char c[128];

	quality_dates(f->a, f->as_of);
	/* another reference date: the dates move with it */
	snprintf(c, sizeof(c), "%s/q-later", f->root);
	{
		struct demo_summary sum;
		int32_t later = iso("2031-02-11");

		assert_int_equal(generate(f->geo, 1, later, c, &sum), 0);
		quality_dates(c, later);
	}
}

static int rating_rank(const char *code)
{
	enum q_rating r;

	if (q_rating_parse(code, &r))
		fail_msg("rating \"%s\" is not a code", code);
	return (int)r;
}

/* Most themes Good, some Needs improvement, a few Poor and Excellent;
 * Well-being between the best and the worst of the others. */
static void test_quality_ratings(void **state)
{
	static const char *const themes[] = {
		"CARE_SUPPORT", "ENVIRONMENT", "LEADERSHIP",
	};
	struct fixture *f = *state;
	struct quality q;
	long n[Q_NRATINGS] = { 0 }, total = 0;

	quality_load(f->a, &q);
	for (size_t i = 0; i < q.insp.nrows; i++) {
		bool full = !strcmp(cell(&q.insp, i, "TYPE"), "full");
		int wb = rating_rank(cell(&q.insp, i, "WELLBEING"));
		int best = Q_POOR, worst = Q_EXCELLENT;

		for (size_t k = 0; k < ARRAY_SIZE(themes); k++) {
			int r = rating_rank(cell(&q.insp, i, themes[k]));

			if (full && r == Q_NOT_RATED)
				fail_msg("a full inspection leaves %s not "
					 "rated", themes[k]);
			if (r == Q_NOT_RATED)
				continue;
			best = r < best ? r : best;
			worst = r > worst ? r : worst;
		}
		if (full)
			assert_true(wb != Q_NOT_RATED);
		if (wb != Q_NOT_RATED && (wb < best || wb > worst))
			fail_msg("%s %s: well-being %s outside the other "
				 "themes", cell(&q.insp, i, "URN"),
				 cell(&q.insp, i, "START"),
				 cell(&q.insp, i, "WELLBEING"));
		for (size_t k = 0; k < ARRAY_SIZE(themes); k++) {
			int r = rating_rank(cell(&q.insp, i, themes[k]));

			n[r] += r != Q_NOT_RATED;
			total += r != Q_NOT_RATED;
		}
	}
	assert_true(total > 0);
	if (n[Q_GOOD] * 100 < total * 60 || n[Q_GOOD] * 100 > total * 90 ||
	    n[Q_NEEDS_IMPROVEMENT] * 100 < total * 5 ||
	    n[Q_NEEDS_IMPROVEMENT] * 100 > total * 30 ||
	    n[Q_POOR] == 0 || n[Q_POOR] * 100 > total * 6 ||
	    n[Q_EXCELLENT] == 0 || n[Q_EXCELLENT] * 100 > total * 15)
		fail_msg("ratings of %ld themes: %ld excellent, %ld good, %ld "
			 "needs improvement, %ld poor", total, n[Q_EXCELLENT],
			 n[Q_GOOD], n[Q_NEEDS_IMPROVEMENT], n[Q_POOR]);
	quality_free(&q);
}

/*
 * Findings: codes, a date on every notice, each judged on the day of a
 * later inspection of its home, each repeat of an earlier not-met
 * finding of the same home and regulation, responses on most, notices
 * far rarer than areas for improvement and some of them open past due
 * and not yet due.
 */
static void test_quality_findings(void **state)
{
	struct fixture *f = *state;
	struct quality q;
	int64_t limit = uk_day_start(f->as_of);
	long pans = 0, responded = 0, overdue = 0, not_due = 0, repeats = 0;

	quality_load(f->a, &q);
	for (size_t i = 0; i < q.find.nrows; i++) {
		const char *urn = cell(&q.find, i, "URN");
		size_t in = insp_row(&q, urn, cell(&q.find, i, "START"),
				     cell(&q.find, i, "TYPE"));
		int32_t start = cell_date(&q.insp, in, "START");
		int32_t due = cell_date(&q.find, i, "DUE");
		int32_t judged = cell_date(&q.find, i, "JUDGED_ON");
		const char *rep = cell(&q.find, i, "REPEATS");
		enum q_finding_kind kind;
		enum q_finding_status st;
		int64_t at = cell_time(&q.find, i, "RESPONDED_AT");

		assert_int_equal(q_finding_kind_parse(cell(&q.find, i, "KIND"),
						      &kind), 0);
		assert_int_equal(q_finding_status_parse(cell(&q.find, i,
							     "STATUS"), &st),
				 0);
		assert_true(!strncmp(cell(&q.find, i, "REGULATION"), "reg ",
				     4));
		assert_true(*cell(&q.find, i, "TEXT"));
		if (kind == Q_PRIORITY_ACTION_NOTICE) {
			pans++;
			assert_true(due > start);
			if (q_finding_outstanding(st) && st != Q_NOT_MET)
				due < f->as_of ? overdue++ : not_due++;
		} else {
			assert_true(due == DATE_NONE);
		}
		if (st == Q_MET || st == Q_NOT_MET) {
			size_t later = SIZE_MAX;

			for (size_t k = 0; k < q.insp.nrows; k++)
				if (!strcmp(cell(&q.insp, k, "URN"), urn) &&
				    cell_date(&q.insp, k, "START") == judged)
					later = k;
			if (later == SIZE_MAX || judged <= start)
				fail_msg("%s %s: judged on %s, not at a later "
					 "inspection", urn,
					 cell(&q.find, i, "START"),
					 cell(&q.find, i, "JUDGED_ON"));
		} else {
			assert_true(judged == DATE_NONE);
		}
		if (at) {
			responded++;
			assert_true(at < limit);
			assert_true(uk_day_of(at) >= start);
			assert_true(*cell(&q.find, i, "RESPONSE"));
		} else {
			assert_true(st != Q_RESPONDED);
		}
		if (*rep) {
			char day[DATE_STR_MAX + 1], type[32];
			unsigned seq;
			bool found = false;

			repeats++;
			assert_int_equal(sscanf(rep, "%10[0-9-]/%31[a-z_]/%u",
						day, type, &seq), 3);
			for (size_t k = 0; k < q.find.nrows; k++) {
				if (strcmp(cell(&q.find, k, "URN"), urn) ||
				    strcmp(cell(&q.find, k, "START"), day) ||
				    strcmp(cell(&q.find, k, "TYPE"), type) ||
				    strtoul(cell(&q.find, k, "SEQ"), NULL,
					    10) != seq)
					continue;
				found = true;
				assert_string_equal(cell(&q.find, k,
							 "STATUS"), "not_met");
				assert_string_equal(cell(&q.find, k,
							 "REGULATION"),
						    cell(&q.find, i,
							 "REGULATION"));
				assert_true(cell_date(&q.find, k,
						      "JUDGED_ON") == start);
			}
			if (!found)
				fail_msg("%s %s: repeats unknown %s", urn,
					 cell(&q.find, i, "START"), rep);
		}
	}
	assert_int_equal((long)q.find.nrows, f->sum.findings);
	assert_int_equal(pans, f->sum.notices);
	assert_true(pans * 4 < (long)q.find.nrows);
	assert_true(responded * 10 > (long)q.find.nrows * 6);
	assert_true(repeats > 0);
	if (overdue < 1 || overdue > 30 || not_due < 1)
		fail_msg("notices outstanding: %ld past due, %ld not yet due",
			 overdue, not_due);
	quality_free(&q);
}

/*
 * Notices concentrate where children go missing: per home, more of them
 * in homes with three or more live missing episodes than in homes with
 * none.
 */
static void test_quality_notices_where_missing(void **state)
{
	struct fixture *f = *state;
	struct quality q;
	long hi_homes = 0, hi_pans = 0, lo_homes = 0, lo_pans = 0;

	quality_load(f->a, &q);
	for (size_t h = 0; h < q.homes.nrows; h++) {
		const char *urn = cell(&q.homes, h, "URN");
		long m = 0, p = 0;

		for (size_t i = 0; i < q.live.nrows; i++)
			m += !strcmp(cell(&q.live, i, "URN"), urn) &&
			     !strcmp(cell(&q.live, i, "KIND"), "M");
		for (size_t i = 0; i < q.find.nrows; i++)
			p += !strcmp(cell(&q.find, i, "URN"), urn) &&
			     !strcmp(cell(&q.find, i, "KIND"), "pan");
		if (m >= 3) {
			hi_homes++;
			hi_pans += p;
		} else if (!m) {
			lo_homes++;
			lo_pans += p;
		}
	}
	assert_true(hi_homes >= 10 && lo_homes >= 10);
	/* at least twice the rate: hi/hh >= 2 lo/lh */
	if (hi_pans * lo_homes < 2 * lo_pans * hi_homes)
		fail_msg("notices: %ld in %ld homes with 3+ missing, %ld in "
			 "%ld with none", hi_pans, hi_homes, lo_pans,
			 lo_homes);
	quality_free(&q);
}

/* Every live missing episode notified by its home within hours; every
 * category a code; nothing at or after the start of the as-of day. */
static void test_quality_notifications(void **state)
{
	struct fixture *f = *state;
	struct quality q;
	int64_t limit = uk_day_start(f->as_of);
	size_t missing = 0, other = 0;

	quality_load(f->a, &q);
	for (size_t i = 0; i < q.notif.nrows; i++) {
		int64_t at = cell_time(&q.notif, i, "OCCURRED_AT");
		int64_t filed = cell_time(&q.notif, i, "FILED_AT");
		const char *cat = cell(&q.notif, i, "CATEGORY");

		if (!notif_category_find(cat))
			fail_msg("category %s is not a code", cat);
		assert_true(at > 0 && filed >= at && filed < limit);
		assert_true(*cell(&q.notif, i, "SUMMARY"));
		assert_true(home_of(&q, cell(&q.notif, i, "URN")));
		if (strcmp(cat, "missing"))
			other++;
	}
	for (size_t i = 0; i < q.live.nrows; i++) {
		int64_t started = cell_time(&q.live, i, "STARTED_AT");
		bool found = false;

		for (size_t k = 0; !found && k < q.notif.nrows; k++)
			found = !strcmp(cell(&q.notif, k, "CATEGORY"),
					"missing") &&
				!strcmp(cell(&q.notif, k, "URN"),
					cell(&q.live, i, "URN")) &&
				!strcmp(cell(&q.notif, k, "LA"),
					cell(&q.live, i, "LA")) &&
				!strcmp(cell(&q.notif, k, "CHILD"),
					cell(&q.live, i, "CHILD")) &&
				cell_time(&q.notif, k, "OCCURRED_AT") ==
					started &&
				cell_time(&q.notif, k, "FILED_AT") <=
					started + 4 * 60 * MIN_MS;
		if (!found)
			fail_msg("live episode %s/%s at %s: no notification",
				 cell(&q.live, i, "LA"),
				 cell(&q.live, i, "CHILD"),
				 cell(&q.live, i, "STARTED_AT"));
		missing++;
	}
	assert_true(missing > 0 && other > 0);
	assert_int_equal((long)q.notif.nrows, f->sum.notifications);
	quality_free(&q);
}

/* The addressee kinds a recommendation names ("council:*;police:*"):
 * is "kind:code" one of them? */
static bool addressed(const char *list, const char *to)
{
	const char *colon = strchr(to, ':');
	char want[64];

	if (!colon)
		return false;
	snprintf(want, sizeof(want), "%.*s:*", (int)(colon - to), to);
	return strstr(list, want) || strstr(list, to);
}

/*
 * The register: the review's three headline recommendations in its own
 * words, good codes and Welsh text, repeats of earlier rows; the
 * progress of addressees it names, before as-of, with actions past their
 * target and not done, addressees silent for more than 90 days, "done"
 * accepted and exactly one rejected with a reason.
 */
static void test_quality_recs(void **state)
{
	static const char *const headline[] = {
		"Review policies and practice to ensure children are not "
		"placed at unnecessary and increased risk of harm, including "
		"criminalisation.",
		"Providers and local authorities need to ensure sufficiency of "
		"placements to meet children's needs and enable them to live "
		"close to home.",
		"Residential care should be considered a positive choice for "
		"children, not the last option.",
	};
	struct fixture *f = *state;
	struct quality q;
	int64_t limit = uk_day_start(f->as_of);
	long late = 0, accepted = 0, rejected = 0, silent = 0, repeats = 0;

	quality_load(f->a, &q);
	assert_int_equal((long)q.recs.nrows, f->sum.recs);
	for (size_t i = 0; i < ARRAY_SIZE(headline); i++) {
		assert_string_equal(cell(&q.recs, i, "TEXT_EN"), headline[i]);
		assert_string_equal(cell(&q.recs, i, "SOURCE"),
				    "national_review");
		assert_non_null(strstr(cell(&q.recs, i, "SOURCE_TITLE"),
				       "own words"));
	}
	for (size_t i = 0; i < q.recs.nrows; i++) {
		const char *rep = cell(&q.recs, i, "REPEATS");

		assert_non_null(rec_theme_find(cell(&q.recs, i, "THEME")));
		assert_true(strlen(cell(&q.recs, i, "TEXT_CY")) > 20);
		assert_true(strcmp(cell(&q.recs, i, "TEXT_CY"),
				   cell(&q.recs, i, "TEXT_EN")));
		assert_true(cell_date(&q.recs, i, "MADE_ON") < f->as_of);
		assert_non_null(strstr(cell(&q.recs, i, "ADDRESSEES"),
				       "council:*"));
		if (*rep) {
			size_t n = 1, found = 0;

			repeats++;
			for (const char *p = rep; *p; p++)
				n += *p == ';';
			/* each code it repeats is an earlier row */
			for (size_t k = 0; k < i; k++)
				found += strstr(rep, cell(&q.recs, k,
							  "CODE")) != NULL;
			assert_int_equal(found, n);
		}
	}
	assert_true(repeats >= 2);
	for (size_t i = 0; i < q.prog.nrows; i++) {
		const char *code = cell(&q.prog, i, "CODE");
		const char *rec = cell(&q.prog, i, "RECORD");
		bool known = false;

		for (size_t k = 0; k < q.recs.nrows; k++)
			if (!strcmp(cell(&q.recs, k, "CODE"), code)) {
				known = true;
				assert_true(addressed(cell(&q.recs, k,
							   "ADDRESSEES"),
						      cell(&q.prog, i,
							   "ADDRESSEE")));
				assert_true(uk_day_of(cell_time(&q.prog, i,
								"AT")) >
					    cell_date(&q.recs, k, "MADE_ON"));
			}
		assert_true(known);
		assert_true(cell_time(&q.prog, i, "AT") < limit);
		assert_non_null(strchr(cell(&q.prog, i, "BY"), '@'));
		if (!strcmp(rec, "action")) {
			late += cell_date(&q.prog, i, "TARGET") < f->as_of &&
				!*cell(&q.prog, i, "DONE_ON");
		} else if (!strcmp(rec, "update")) {
			enum rec_status st;

			assert_int_equal(rec_status_parse(cell(&q.prog, i,
							       "STATUS"), &st),
					 0);
			assert_true(*cell(&q.prog, i, "NOTE"));
			/* the addressee's last update, over 90 days ago */
			if ((i + 1 == q.prog.nrows ||
			     strcmp(cell(&q.prog, i + 1, "ADDRESSEE"),
				    cell(&q.prog, i, "ADDRESSEE")) ||
			     strcmp(cell(&q.prog, i + 1, "CODE"), code)) &&
			    uk_day_of(cell_time(&q.prog, i, "AT")) <
			    f->as_of - 90)
				silent++;
		} else {
			const char *v = cell(&q.prog, i, "VERDICT");

			assert_string_equal(rec, "verdict");
			/* of a "done" just before it */
			assert_true(i > 0);
			assert_string_equal(cell(&q.prog, i - 1, "STATUS"),
					    "done");
			if (!strcmp(v, "rejected")) {
				rejected++;
				assert_true(*cell(&q.prog, i, "REASON"));
			} else {
				assert_string_equal(v, "accepted");
				accepted++;
			}
		}
	}
	if (late < 1 || silent < 1 || accepted < 1 || rejected != 1)
		fail_msg("progress: %ld actions late, %ld addressees silent "
			 "90 days, %ld accepted, %ld rejected", late, silent,
			 accepted, rejected);
	quality_free(&q);
}

/*
 * The import's readers (ingest/quality-io.h, recs-io.h) take every file
 * without a problem: the homes of the register, the organisations a
 * Welsh store has (councils, health boards, police forces, the
 * register's providers).
 */
static bool urn_listed(const char *urn, void *ctx)
{
	return home_of(ctx, urn);
}

static void test_quality_reads_back(void **state)
{
	static const char *const boards[] = {
		"7A1", "7A2", "7A3", "7A4", "7A5", "7A6", "7A7",
	};
	static const char *const forces[] = {
		"dyfed-powys", "gwent", "north-wales", "south-wales",
	};
	struct fixture *f = *state;
	struct quality q;
	struct qio_env env = { urn_listed, &q, f->as_of,
			       uk_day_start(f->as_of) };
	struct qio_inspections in = QIO_INSPECTIONS_INIT;
	struct q_notification *n = NULL;
	struct recs_orgs orgs;
	struct recs_file rf = RECS_FILE_INIT;
	struct quality_set none = QUALITY_SET_INIT;
	struct diags d = DIAGS_INIT;
	struct err err = ERR_INIT;
	struct councils cs;
	char a[512], b[512];
	size_t nn = 0, col = 0;

	quality_load(f->a, &q);
	snprintf(a, sizeof(a), "%s/inspections.csv", f->a);
	snprintf(b, sizeof(b), "%s/findings.csv", f->a);
	assert_int_equal(qio_read_inspections(a, b, &env, &in, &d, &err), 0);
	assert_int_equal((long)in.ninsp, f->sum.inspections);
	assert_int_equal((long)in.nf, f->sum.findings);
	snprintf(a, sizeof(a), "%s/notifications.csv", f->a);
	assert_int_equal(qio_read_notifications(a, &env, &n, &nn, &col, &d,
						&err), 0);
	assert_int_equal((long)nn, f->sum.notifications);
	memset(&orgs, 0, sizeof(orgs));
	wales_councils(f, &cs);
	for (size_t i = 0; i < cs.n; i++)
		recs_orgs_add(&orgs, ORG_COUNCIL, cs.code[i]);
	for (size_t i = 0; i < ARRAY_SIZE(boards); i++)
		recs_orgs_add(&orgs, ORG_HEALTH_BOARD, boards[i]);
	for (size_t i = 0; i < ARRAY_SIZE(forces); i++)
		recs_orgs_add(&orgs, ORG_POLICE, forces[i]);
	for (size_t i = 0; i < q.homes.nrows; i++)
		recs_orgs_add(&orgs, ORG_PROVIDER,
			      cell(&q.homes, i, "PROVIDER"));
	snprintf(a, sizeof(a), "%s/recommendations.csv", f->a);
	snprintf(b, sizeof(b), "%s/rec-progress.csv", f->a);
	assert_int_equal(recs_read(a, b, &orgs, &none, &rf, &d, &err), 0);
	assert_int_equal((long)rf.nrows, f->sum.recs);
	assert_int_equal((long)rf.nprog, f->sum.rec_progress);
	if (d.n) {
		diags_print(&d, stderr, 10);
		fail_msg("%zu problems reading the quality of care", d.n);
	}
	recs_file_release(&rf);
	recs_orgs_release(&orgs);
	free(n);
	qio_inspections_release(&in);
	diags_release(&d);
	quality_free(&q);
}

static void test_bad_input(void **state)
{
	struct fixture *f = *state;
	struct demo_opts o = { 1, DEMO_WALES, 0 };
	struct demo_summary sum;
	struct err err = ERR_INIT;
	struct store *empty = NULL;
	char dir[128];

	snprintf(dir, sizeof(dir), "%s/bad", f->root);
	o.as_of = iso("1999-12-31");
	assert_int_equal(demo_generate(f->geo, &o, dir, &sum, &err),
			 ERR_USAGE);
	err_clear(&err);
	o.as_of = DATE_NONE;
	assert_int_equal(demo_generate(f->geo, &o, dir, &sum, &err),
			 ERR_USAGE);
	/* no geography: nothing to place children in */
	err_clear(&err);
	o.as_of = f->as_of;
	assert_int_equal(store_open(&empty, ":memory:", &err), 0);
	assert_int_equal(demo_generate(empty, &o, dir, &sum, &err),
			 ERR_INVALID);
	store_close(empty);
	assert_false(is_file(dir));
}

int main(void)
{
	const struct CMUnitTest demo_tests[] = {
		cmocka_unit_test(test_years),
		cmocka_unit_test(test_layout),
		cmocka_unit_test(test_summary),
		cmocka_unit_test(test_register_reads_back),
		cmocka_unit_test(test_returns_pass_check),
		cmocka_unit_test(test_same_seed_same_bytes),
		cmocka_unit_test(test_other_as_of),
		cmocka_unit_test(test_other_seed_differs),
		cmocka_unit_test(test_live_before_as_of),
		cmocka_unit_test(test_live_placed_under_18),
		cmocka_unit_test(test_live_states),
		cmocka_unit_test(test_live_reconciled),
		cmocka_unit_test(test_meetings),
		cmocka_unit_test(test_quality_dates),
		cmocka_unit_test(test_quality_ratings),
		cmocka_unit_test(test_quality_findings),
		cmocka_unit_test(test_quality_notices_where_missing),
		cmocka_unit_test(test_quality_notifications),
		cmocka_unit_test(test_quality_recs),
		cmocka_unit_test(test_quality_reads_back),
		cmocka_unit_test(test_bad_input),
	};

	uk_time_init();
	return cmocka_run_group_tests(demo_tests, group_setup, group_teardown);
}
