/*
 * u-geo.c: unit tests for src/domain/geo.c: postcode shapes and the
 * SSDA903 distance formula.
 */
#include "unit.h"
#include "domain/geo.h"

static void expect_pc(const char *in, enum postcode_kind kind,
		      const char *out)
{
	char got[POSTCODE_MAX + 1];
	enum postcode_kind k;

	memset(got, 'x', sizeof(got));
	k = postcode_normalise(in, got);
	if (k != kind || strcmp(got, out))
		fail_msg("postcode_normalise(\"%s\") gave %d \"%s\", "
			 "expected %d \"%s\"", in, k, got, kind, out);
}

static void test_full_postcodes(void **state)
{
	(void)state;
	expect_pc("CF10 1AA", POSTCODE_FULL, "CF10 1AA");
	expect_pc("cf10 1aa", POSTCODE_FULL, "CF10 1AA");
	expect_pc("CF101AA", POSTCODE_FULL, "CF10 1AA");
	expect_pc("  CF10   1AA ", POSTCODE_FULL, "CF10 1AA");
	expect_pc("SW1A1AA", POSTCODE_FULL, "SW1A 1AA");	/* AA9A */
	expect_pc("sw1a 1aa", POSTCODE_FULL, "SW1A 1AA");
	expect_pc("M1 1AE", POSTCODE_FULL, "M1 1AE");		/* A9 */
	expect_pc("M11AE", POSTCODE_FULL, "M1 1AE");
	expect_pc("B33 8TH", POSTCODE_FULL, "B33 8TH");		/* A99 */
	expect_pc("CR2 6XH", POSTCODE_FULL, "CR2 6XH");		/* AA9 */
	expect_pc("DN55 1PT", POSTCODE_FULL, "DN55 1PT");	/* AA99 */
	expect_pc("W1A 0AX", POSTCODE_FULL, "W1A 0AX");		/* A9A */
	expect_pc("EC1A 1BB", POSTCODE_FULL, "EC1A 1BB");
	expect_pc("LL57 2DG", POSTCODE_FULL, "LL57 2DG");
}

static void test_district_postcodes(void **state)
{
	(void)state;
	expect_pc("CF10", POSTCODE_DISTRICT, "CF10");
	expect_pc("cf10", POSTCODE_DISTRICT, "CF10");
	expect_pc(" CF10 ", POSTCODE_DISTRICT, "CF10");
	expect_pc("W1A", POSTCODE_DISTRICT, "W1A");
	expect_pc("M1", POSTCODE_DISTRICT, "M1");
	expect_pc("B33", POSTCODE_DISTRICT, "B33");
	expect_pc("CR2", POSTCODE_DISTRICT, "CR2");
	expect_pc("SW1A", POSTCODE_DISTRICT, "SW1A");
}

static void test_bad_postcodes(void **state)
{
	static const char *const bad[] = {
		"", " ", "Q", "12345", "CF10 1A", "CF10-1AA", "ABCDEFGHI",
		"CF10 1AAA", "CF10 AAA", "CF10 11A", "1F10 1AA", "C", "CFF",
		"CF1XX", "A999", "CF10.", "CF10 1A\xC3\xA9", "SW1A1AA1",
		"CF10\t1AA", "AA9A9AAX",
	};
	char got[POSTCODE_MAX + 1];

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		memset(got, 'x', sizeof(got));
		if (postcode_normalise(bad[i], got) != POSTCODE_BAD)
			fail_msg("postcode_normalise accepted \"%s\" as \"%s\"",
				 bad[i], got);
		assert_string_equal(got, "");
	}
}

static void test_postcode_district(void **state)
{
	char out[POSTCODE_MAX + 1];

	(void)state;
	postcode_district("CF10 1AA", out);
	assert_string_equal(out, "CF10");
	postcode_district("SW1A 1AA", out);
	assert_string_equal(out, "SW1A");
	postcode_district("M1 1AE", out);
	assert_string_equal(out, "M1");
	postcode_district("CF10", out);
	assert_string_equal(out, "CF10");
	postcode_district("", out);
	assert_string_equal(out, "");
	/* never more than POSTCODE_MAX bytes */
	postcode_district("ABCDEFGHIJKL", out);
	assert_string_equal(out, "ABCDEFGH");
}

static int32_t dist(int32_t e1, int32_t n1, int32_t e2, int32_t n2)
{
	struct grid_ref a = { e1, n1 }, b = { e2, n2 };
	int32_t ab = geo_distance_tenths(&a, &b);

	/* symmetric */
	assert_int_equal(geo_distance_tenths(&b, &a), ab);
	return ab;
}

static void test_distance_exact(void **state)
{
	(void)state;
	assert_int_equal(dist(318284, 176230, 318284, 176230), 0);
	/* 16093 m = 10.0 miles exactly */
	assert_int_equal(dist(100000, 200000, 116093, 200000), 100);
	assert_int_equal(dist(100000, 200000, 100000, 183907), 100);
	/* a 3-4-5 triangle: 48279 m and 64372 m make 80465 m = 50.0 miles */
	assert_int_equal(dist(0, 0, 48279, 64372), 500);
	assert_int_equal(dist(300000, 400000, 251721, 335628), 500);
	/* 1609.3 m is a mile: 1609 m rounds to 1.0, 161 m to 0.1 */
	assert_int_equal(dist(0, 0, 1609, 0), 10);
	assert_int_equal(dist(0, 0, 161, 0), 1);
}

static void test_distance_rounding(void **state)
{
	(void)state;
	/*
	 * Half a tenth is 80.465 m.  80 m is 0.0497 miles (-> 0.0) and 81 m
	 * is 0.0503 (-> 0.1): rounding, not truncation.
	 */
	assert_int_equal(dist(0, 0, 80, 0), 0);
	assert_int_equal(dist(0, 0, 81, 0), 1);
	/* 1.5 tenths is 241.395 m */
	assert_int_equal(dist(0, 0, 241, 0), 1);
	assert_int_equal(dist(0, 0, 242, 0), 2);
	/* 12.45 miles = 20035.785 m */
	assert_int_equal(dist(0, 0, 20035, 0), 124);
	assert_int_equal(dist(0, 0, 20036, 0), 125);
}

static void test_distance_real_postcodes(void **state)
{
	(void)state;
	/*
	 * CF10 1AA (318284, 176230) to LL57 2DG (257953, 372356), from
	 * data/wales_border_postcodes.csv:
	 *   dE = 318284 - 257953 = 60331,    dE^2 =  3,639,829,561
	 *   dN = 176230 - 372356 = -196126,  dN^2 = 38,465,407,876
	 *   sum = 42,105,237,437, sqrt = 205,195.6077 m
	 *   / 1000 / 1.6093 = 127.5061 miles -> 127.5 -> 1275 tenths
	 */
	assert_int_equal(dist(318284, 176230, 257953, 372356), 1275);
}

int main(void)
{
	const struct CMUnitTest geo_tests[] = {
		cmocka_unit_test(test_full_postcodes),
		cmocka_unit_test(test_district_postcodes),
		cmocka_unit_test(test_bad_postcodes),
		cmocka_unit_test(test_postcode_district),
		cmocka_unit_test(test_distance_exact),
		cmocka_unit_test(test_distance_rounding),
		cmocka_unit_test(test_distance_real_postcodes),
	};

	return cmocka_run_group_tests(geo_tests, NULL, NULL);
}
