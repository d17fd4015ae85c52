/*
 * u-demo.c: unit tests for src/demo/: the synthetic data generator.
 *
 * The group setup loads the geography into an in-memory store (from the
 * directory geo_find_datadir() finds: $CARTREF_DATA, else data/ above the
 * test binary) and generates the Wales scale with seed 1 into a temporary
 * directory; the tests look at that output and generate twice more to
 * prove that a seed always gives the same bytes and another seed does not.
 */
#include "unit.h"
#include <dirent.h>
#include <ftw.h>
#include <sys/stat.h>
#include "base/buf.h"
#include "demo/demo.h"
#include "ingest/geo-import.h"
#include "ingest/s903-io.h"

#define FIRST_YEAR 2017
#define LAST_YEAR 2019
#define CARDIFF "W06000015"

struct fixture {
	struct store *geo;
	char root[64];		/* mkdtemp: everything goes under here */
	char a[128];		/* seed 1, made by the setup */
	struct demo_summary sum;
};

static int generate(struct store *geo, uint64_t seed, const char *dir,
		    struct demo_summary *sum)
{
	struct demo_opts o = { seed, DEMO_WALES, FIRST_YEAR, LAST_YEAR };
	struct err err = ERR_INIT;
	int rc = demo_generate(geo, &o, dir, sum, &err);

	if (rc)
		fprintf(stderr, "u-demo: demo_generate: %s\n", err_text(&err));
	return rc;
}

static int rm_one(const char *path, const struct stat *st, int flag,
		  struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
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
	return generate(f->geo, 1, f->a, &f->sum) ? -1 : 0;
}

static int group_teardown(void **state)
{
	struct fixture *f = *state;

	if (!f)
		return 0;
	if (f->root[0])
		nftw(f->root, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	if (f->geo)
		store_close(f->geo);
	free(f);
	return 0;
}

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

static void test_layout(void **state)
{
	static const char *const files[] = {
		"header.csv", "episodes.csv", "missing.csv", "oc2.csv",
	};
	struct fixture *f = *state;
	struct councils cs = { 0 };
	struct err err = ERR_INIT;
	char path[512];
	size_t ndirs = 0;
	DIR *d;
	struct dirent *de;

	assert_int_equal(store_councils_each(f->geo, "W92000004",
					     collect_council, &cs, &err), 0);
	assert_int_equal(cs.n, 22);
	for (size_t i = 0; i < cs.n; i++)
		for (int y = FIRST_YEAR; y <= LAST_YEAR; y++)
			for (size_t k = 0; k < ARRAY_SIZE(files); k++) {
				snprintf(path, sizeof(path), "%s/903/%s/%d/%s",
					 f->a, cs.code[i], y, files[k]);
				if (!is_file(path))
					fail_msg("%s is missing", path);
			}
	/* and nothing else: one directory per council */
	snprintf(path, sizeof(path), "%s/903", f->a);
	d = opendir(path);
	assert_non_null(d);
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
			 "6,000 to 6,900", s->cla_31mar_last, LAST_YEAR);
	/* each child looked after appears in each year's Header */
	assert_true(s->children >= 3 * 6000);
	assert_true(s->episodes > s->children);
	assert_true(s->missing > 0);
	assert_true(s->oc2 > 0 && s->oc2 < s->children);
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
		if (home_open_on(&homes[i], year_end(LAST_YEAR))) {
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

/* A council's return reads back without a single diagnostic. */
static void test_return_reads_back(void **state)
{
	static const char *const files[] = {
		"header.csv", "episodes.csv", "missing.csv", "oc2.csv",
	};
	struct fixture *f = *state;
	struct s903_return r = S903_RETURN_INIT;
	struct diags d = DIAGS_INIT;
	struct err err = ERR_INIT;
	size_t colpos[S903_MAX_COLS];
	char path[512];
	int table;

	for (size_t k = 0; k < ARRAY_SIZE(files); k++) {
		snprintf(path, sizeof(path), "%s/903/%s/%d/%s", f->a, CARDIFF,
			 LAST_YEAR, files[k]);
		assert_int_equal(s903_read_file(path, &r, &table, 0, colpos,
						&d, &err), 0);
		assert_int_equal(table, (int)k);
	}
	if (d.n) {
		diags_print(&d, stderr, 5);
		fail_msg("Cardiff's return has %zu problems", d.n);
	}
	str_copy(r.la, sizeof(r.la), CARDIFF);
	r.year = LAST_YEAR;
	assert_true(r.nheader > 100);
	assert_true(r.nepisodes >= r.nheader);
	assert_int_equal(s903_infer_year(&r), LAST_YEAR);
	s903_return_release(&r);
	diags_release(&d);
}

static void test_same_seed_same_bytes(void **state)
{
	struct fixture *f = *state;
	struct demo_summary sum;
	char b[128], x[512], y[512];

	snprintf(b, sizeof(b), "%s/b", f->root);
	assert_int_equal(generate(f->geo, 1, b, &sum), 0);
	assert_memory_equal(&sum, &f->sum, sizeof(sum));
	snprintf(x, sizeof(x), "%s/homes.csv", f->a);
	snprintf(y, sizeof(y), "%s/homes.csv", b);
	assert_true(same_file(x, y));
	snprintf(x, sizeof(x), "%s/903/%s/%d/episodes.csv", f->a, CARDIFF,
		 LAST_YEAR);
	snprintf(y, sizeof(y), "%s/903/%s/%d/episodes.csv", b, CARDIFF,
		 LAST_YEAR);
	assert_true(same_file(x, y));
	snprintf(x, sizeof(x), "%s/903/%s/%d/missing.csv", f->a, CARDIFF,
		 FIRST_YEAR);
	snprintf(y, sizeof(y), "%s/903/%s/%d/missing.csv", b, CARDIFF,
		 FIRST_YEAR);
	assert_true(same_file(x, y));
}

static void test_other_seed_differs(void **state)
{
	struct fixture *f = *state;
	struct demo_summary sum;
	char c[128], x[512], y[512];

	snprintf(c, sizeof(c), "%s/c", f->root);
	assert_int_equal(generate(f->geo, 2, c, &sum), 0);
	/* the fixed figures hold for every seed */
	assert_int_equal(sum.homes, 178);
	assert_int_equal(sum.places, 774);
	assert_true(sum.cla_31mar_last >= 6000 && sum.cla_31mar_last <= 6900);
	snprintf(x, sizeof(x), "%s/homes.csv", f->a);
	snprintf(y, sizeof(y), "%s/homes.csv", c);
	assert_false(same_file(x, y));
	snprintf(x, sizeof(x), "%s/903/%s/%d/episodes.csv", f->a, CARDIFF,
		 LAST_YEAR);
	snprintf(y, sizeof(y), "%s/903/%s/%d/episodes.csv", c, CARDIFF,
		 LAST_YEAR);
	assert_false(same_file(x, y));
}

static void test_bad_input(void **state)
{
	struct fixture *f = *state;
	struct demo_opts o = { 1, DEMO_WALES, 2019, 2017 };
	struct demo_summary sum;
	struct err err = ERR_INIT;
	struct store *empty = NULL;
	char dir[128];

	snprintf(dir, sizeof(dir), "%s/bad", f->root);
	assert_int_equal(demo_generate(f->geo, &o, dir, &sum, &err),
			 ERR_USAGE);
	/* no geography: nothing to place children in */
	err_clear(&err);
	o.first_year = 2017;
	o.last_year = 2019;
	assert_int_equal(store_open(&empty, ":memory:", &err), 0);
	assert_int_equal(demo_generate(empty, &o, dir, &sum, &err),
			 ERR_INVALID);
	store_close(empty);
	assert_false(is_file(dir));
}

int main(void)
{
	const struct CMUnitTest demo_tests[] = {
		cmocka_unit_test(test_layout),
		cmocka_unit_test(test_summary),
		cmocka_unit_test(test_register_reads_back),
		cmocka_unit_test(test_return_reads_back),
		cmocka_unit_test(test_same_seed_same_bytes),
		cmocka_unit_test(test_other_seed_differs),
		cmocka_unit_test(test_bad_input),
	};

	return cmocka_run_group_tests(demo_tests, group_setup, group_teardown);
}
