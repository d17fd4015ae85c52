/*
 * u-import.c: unit tests for src/ingest/import.c: validated,
 * all-or-nothing SSDA903 imports into the store.
 *
 * Fixtures are the CSV files under tests/data/903/, named relative to the
 * repository root: the Makefile's test targets (tests/run.sh) run every
 * unit test program from there, so run it by hand from there too, e.g.
 *
 *	CARTREF_DATA=data build/rel/tests/u-import   (from the repository root)
 *
 * All tests share one in-memory store holding the geography (loaded once
 * in the group setup); each uses its own council so that they stay
 * independent.
 */
#include "unit.h"
#include <unistd.h>
#include "ingest/geo-import.h"
#include "ingest/import.h"

/* Relative to the repository root (see above). */
#define DATA903 "tests/data/903/"

static const char *const valid_files[] = {
	DATA903 "valid/header.csv",
	DATA903 "valid/episodes.csv",
	DATA903 "valid/missing.csv",
	DATA903 "valid/oc2.csv",
};

static int geo_setup(void **state)
{
	if (access(valid_files[0], R_OK)) {
		fprintf(stderr, "u-import: %s not found: run from the "
			"repository root\n", valid_files[0]);
		return -1;
	}
	return unit_geo_store_setup(state);
}

struct returns {
	size_t n;
	struct return_info v[16];
	const char *la;		/* only this council's */
};

static int collect_return(const struct return_info *ri, void *ctx)
{
	struct returns *rs = ctx;

	if (strcmp(ri->la, rs->la))
		return 0;
	if (rs->n >= ARRAY_SIZE(rs->v))
		return -1;
	rs->v[rs->n++] = *ri;
	return 0;
}

static size_t returns_of(struct store *s, const char *la, struct returns *rs)
{
	struct err err = ERR_INIT;

	memset(rs, 0, sizeof(*rs));
	rs->la = la;
	if (store_returns_each(s, collect_return, rs, &err))
		fail_msg("store_returns_each: %s", err_text(&err));
	return rs->n;
}

static void dump_diags(const struct diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		print_error("  %s:%llu:%zu: %s: %s\n", d->v[i].file,
			    (unsigned long long)d->v[i].line, d->v[i].column,
			    d->v[i].rule, d->v[i].msg);
}

static int cmp_diag_line(const void *a, const void *b)
{
	const struct diag *x = a, *y = b;

	return (x->line > y->line) - (x->line < y->line);
}

static void test_import_valid(void **state)
{
	struct store *s = *state;
	struct diags d = DIAGS_INIT;
	struct import_counts c = { 0 };
	struct err err = ERR_INIT;
	struct returns rs;
	struct s903_return r = S903_RETURN_INIT;
	int rc;

	rc = import_903(s, "W06000015", 0, valid_files,
			ARRAY_SIZE(valid_files), false, &d, &c, &err);
	if (rc || d.n) {
		dump_diags(&d);
		fail_msg("import: %s, %zu problems", err_name(rc), d.n);
	}
	assert_int_equal(c.returns, 1);
	assert_int_equal(c.children, 4);
	assert_int_equal(c.episodes, 6);
	assert_int_equal(c.missing, 4);
	assert_int_equal(c.oc2, 2);
	assert_int_equal(c.rows, 16);
	assert_int_equal(returns_of(s, "W06000015", &rs), 1);
	assert_int_equal(rs.v[0].year, 2019);	/* inferred */
	assert_int_equal(rs.v[0].children, 4);
	assert_int_equal(rs.v[0].episodes, 6);
	assert_int_equal(rs.v[0].missing, 4);
	assert_int_equal(rs.v[0].oc2, 2);

	/* what was stored */
	assert_int_equal(store_return_load(s, "W06000015", 2019, &r, &err), 0);
	assert_int_equal(r.nheader, 4);
	assert_string_equal(r.header[3].child, "C004");
	assert_string_equal(r.header[3].upn, "B12345678901A");
	assert_int_equal(r.header[3].mother, 1);
	assert_string_equal(r.episodes[1].child, "C001");
	assert_string_equal(r.episodes[1].place, "K2");
	assert_string_equal(r.episodes[1].pl_post, "SA1 1AA");
	assert_string_equal(r.episodes[1].urn, "W1234567");
	assert_string_equal(r.missing[1].missing, "A");
	assert_int_equal(r.oc2[1].sdq_score, 19);
	s903_return_release(&r);
	diags_release(&d);
}

static void test_import_valid_explicit_year(void **state)
{
	struct store *s = *state;
	struct diags d = DIAGS_INIT;
	struct import_counts c = { 0 };
	struct err err = ERR_INIT;
	struct returns rs;

	assert_int_equal(import_903(s, "W06000014", 2019, valid_files,
				    ARRAY_SIZE(valid_files), false, &d, &c,
				    &err), 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(returns_of(s, "W06000014", &rs), 1);
	assert_int_equal(rs.v[0].year, 2019);
	assert_int_equal(rs.v[0].children, 4);
	diags_release(&d);
}

static void test_import_three_errors(void **state)
{
	static const char *const files[] = {
		DATA903 "three-errors/header.csv",
		DATA903 "three-errors/episodes.csv",
	};
	static const struct {
		uint64_t line;
		size_t column;
		const char *rule;
	} want[] = {
		{ 2, 2, "date" },		/* DECOM 31/02/2018 */
		{ 3, 6, "code" },		/* PLACE XX */
		{ 5, 2, "episode-overlap" },	/* C003 from 01/03/2018 */
	};
	struct store *s = *state;
	struct diags d = DIAGS_INIT;
	struct import_counts c = { 0 };
	struct err err = ERR_INIT;
	struct returns rs;

	assert_int_equal(import_903(s, "W06000011", 0, files,
				    ARRAY_SIZE(files), false, &d, &c, &err),
			 0);
	if (d.n != ARRAY_SIZE(want)) {
		dump_diags(&d);
		fail_msg("expected 3 problems, got %zu", d.n);
	}
	qsort(d.v, d.n, sizeof(*d.v), cmp_diag_line);
	for (size_t i = 0; i < d.n; i++) {
		assert_string_equal(d.v[i].file, files[1]);
		assert_int_equal(d.v[i].line, want[i].line);
		assert_int_equal(d.v[i].column, want[i].column);
		assert_string_equal(d.v[i].rule, want[i].rule);
		assert_true(d.v[i].msg[0] != '\0');
	}
	/* nothing written */
	assert_int_equal(c.returns, 0);
	assert_int_equal(c.children, 0);
	assert_int_equal(returns_of(s, "W06000011", &rs), 0);
	diags_release(&d);
}

static void test_import_check_only(void **state)
{
	struct store *s = *state;
	struct diags d = DIAGS_INIT;
	struct import_counts c = { 0 };
	struct err err = ERR_INIT;
	struct returns rs;

	assert_int_equal(import_903(s, "W06000022", 0, valid_files,
				    ARRAY_SIZE(valid_files), true, &d, &c,
				    &err), 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(c.rows, 16);
	assert_int_equal(c.returns, 0);
	assert_int_equal(returns_of(s, "W06000022", &rs), 0);
	diags_release(&d);
}

static void test_import_unknown_council(void **state)
{
	struct store *s = *state;
	struct diags d = DIAGS_INIT;
	struct import_counts c = { 0 };
	struct err err = ERR_INIT;

	assert_int_equal(import_903(s, "W06999999", 0, valid_files,
				    ARRAY_SIZE(valid_files), false, &d, &c,
				    &err), ERR_NOT_FOUND);
	assert_int_equal(err.code, ERR_NOT_FOUND);
	assert_int_equal(c.returns, 0);
	diags_release(&d);
}

static void test_import_district_not_council(void **state)
{
	struct store *s = *state;
	struct diags d = DIAGS_INIT;
	struct import_counts c = { 0 };
	struct err err = ERR_INIT;
	struct returns rs;

	/* Cambridge: a shire district; Cambridgeshire is the council */
	assert_int_equal(import_903(s, "E07000008", 0, valid_files,
				    ARRAY_SIZE(valid_files), false, &d, &c,
				    &err), ERR_INVALID);
	assert_int_equal(err.code, ERR_INVALID);
	assert_non_null(strstr(err.msg, "E07000008"));
	assert_int_equal(returns_of(s, "E07000008", &rs), 0);
	diags_release(&d);

	/* and the county itself is accepted */
	err_clear(&err);
	assert_int_equal(import_903(s, "E10000003", 0, valid_files,
				    ARRAY_SIZE(valid_files), true, &d, &c,
				    &err), 0);
	assert_int_equal(d.n, 0);
	diags_release(&d);
}

static void test_import_unreadable_file(void **state)
{
	static const char *const files[] = {
		DATA903 "valid/header.csv",
		DATA903 "valid/no-such-file.csv",
	};
	struct store *s = *state;
	struct diags d = DIAGS_INIT;
	struct import_counts c = { 0 };
	struct err err = ERR_INIT;
	struct returns rs;

	assert_int_equal(import_903(s, "W06000019", 0, files,
				    ARRAY_SIZE(files), false, &d, &c, &err),
			 ERR_IO);
	assert_int_equal(err.code, ERR_IO);
	assert_non_null(strstr(err.msg, "no-such-file.csv"));
	assert_int_equal(returns_of(s, "W06000019", &rs), 0);
	diags_release(&d);
}

static void test_import_missing_table(void **state)
{
	static const char *const files[] = { DATA903 "valid/header.csv" };
	struct store *s = *state;
	struct diags d = DIAGS_INIT;
	struct import_counts c = { 0 };
	struct err err = ERR_INIT;
	struct returns rs;
	size_t missing = 0;

	assert_int_equal(import_903(s, "W06000020", 2019, files,
				    ARRAY_SIZE(files), false, &d, &c, &err),
			 0);
	for (size_t i = 0; i < d.n; i++)
		if (!strcmp(d.v[i].rule, "table-missing"))
			missing++;
	assert_int_equal(missing, 1);	/* Episodes */
	assert_true(d.n >= 1);
	assert_int_equal(returns_of(s, "W06000020", &rs), 0);
	diags_release(&d);
}

static void test_import_wrong_year(void **state)
{
	struct store *s = *state;
	struct diags d = DIAGS_INIT;
	struct import_counts c = { 0 };
	struct err err = ERR_INIT;
	struct returns rs;

	/* the valid return is for 2019: as 2018 its dates fall outside */
	assert_int_equal(import_903(s, "W06000021", 2018, valid_files,
				    ARRAY_SIZE(valid_files), false, &d, &c,
				    &err), 0);
	assert_true(d.n > 0);
	for (size_t i = 0; i < d.n; i++)
		assert_string_equal(d.v[i].rule, "year-range");
	assert_int_equal(returns_of(s, "W06000021", &rs), 0);
	diags_release(&d);
}

/* Copy src to dst without the lines containing drop. */
static void copy_without(const char *src, const char *dst, const char *drop)
{
	FILE *in = fopen(src, "rb"), *out = fopen(dst, "wb");
	char line[1024];

	assert_non_null(in);
	assert_non_null(out);
	while (fgets(line, sizeof(line), in))
		if (!strstr(line, drop))
			fputs(line, out);
	fclose(in);
	assert_int_equal(fclose(out), 0);
}

static void test_import_replaces(void **state)
{
	static const char *const names[] = {
		"header.csv", "episodes.csv", "missing.csv", "oc2.csv",
	};
	struct store *s = *state;
	struct diags d = DIAGS_INIT;
	struct import_counts c = { 0 };
	struct err err = ERR_INIT;
	struct returns rs;
	struct s903_return r = S903_RETURN_INIT;
	char dir[] = "/tmp/u-import-XXXXXX";
	char paths[4][64];
	const char *files[4];

	assert_int_equal(import_903(s, "W06000023", 0, valid_files,
				    ARRAY_SIZE(valid_files), false, &d, &c,
				    &err), 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(returns_of(s, "W06000023", &rs), 1);
	assert_int_equal(rs.v[0].children, 4);

	/* the same return without child C002 */
	assert_non_null(mkdtemp(dir));
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		snprintf(paths[i], sizeof(paths[i]), "%s/%s", dir, names[i]);
		copy_without(valid_files[i], paths[i], "C002,");
		files[i] = paths[i];
	}
	memset(&c, 0, sizeof(c));
	assert_int_equal(import_903(s, "W06000023", 0, files,
				    ARRAY_SIZE(files), false, &d, &c, &err),
			 0);
	if (d.n) {
		dump_diags(&d);
		fail();
	}
	assert_int_equal(c.children, 3);
	assert_int_equal(c.episodes, 5);
	assert_int_equal(c.missing, 3);
	assert_int_equal(c.oc2, 2);
	assert_int_equal(returns_of(s, "W06000023", &rs), 1);
	assert_int_equal(rs.v[0].year, 2019);
	assert_int_equal(rs.v[0].children, 3);
	assert_int_equal(rs.v[0].episodes, 5);
	assert_int_equal(rs.v[0].missing, 3);
	assert_int_equal(rs.v[0].oc2, 2);
	assert_int_equal(store_return_load(s, "W06000023", 2019, &r, &err), 0);
	for (size_t i = 0; i < r.nheader; i++)
		assert_string_not_equal(r.header[i].child, "C002");
	for (size_t i = 0; i < r.nepisodes; i++)
		assert_string_not_equal(r.episodes[i].child, "C002");
	s903_return_release(&r);
	diags_release(&d);

	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		assert_int_equal(unlink(paths[i]), 0);
	assert_int_equal(rmdir(dir), 0);
}

int main(void)
{
	const struct CMUnitTest import_tests[] = {
		cmocka_unit_test(test_import_valid),
		cmocka_unit_test(test_import_valid_explicit_year),
		cmocka_unit_test(test_import_three_errors),
		cmocka_unit_test(test_import_check_only),
		cmocka_unit_test(test_import_unknown_council),
		cmocka_unit_test(test_import_district_not_council),
		cmocka_unit_test(test_import_unreadable_file),
		cmocka_unit_test(test_import_missing_table),
		cmocka_unit_test(test_import_wrong_year),
		cmocka_unit_test(test_import_replaces),
	};

	return cmocka_run_group_tests(import_tests, geo_setup,
				      unit_store_teardown);
}
