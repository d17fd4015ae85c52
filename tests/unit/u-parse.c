/*
 * u-parse.c: unit tests for src/base/parse.c: strict integer and date
 * parsers, day-number arithmetic, reporting years and str_copy().
 */
#include "unit.h"
#include "base/err.h"
#include "base/parse.h"

/* ---- integers ----------------------------------------------------------- */

static void test_i64_ok(void **state)
{
	int64_t v = 7;

	(void)state;
	assert_int_equal(parse_i64("0", INT64_MIN, INT64_MAX, &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(parse_i64("42", INT64_MIN, INT64_MAX, &v), 0);
	assert_int_equal(v, 42);
	assert_int_equal(parse_i64("-17", INT64_MIN, INT64_MAX, &v), 0);
	assert_int_equal(v, -17);
	assert_int_equal(parse_i64("007", INT64_MIN, INT64_MAX, &v), 0);
	assert_int_equal(v, 7);
	assert_int_equal(parse_i64("-0", INT64_MIN, INT64_MAX, &v), 0);
	assert_int_equal(v, 0);
}

static void test_i64_extremes(void **state)
{
	int64_t v = 0;

	(void)state;
	assert_int_equal(parse_i64("9223372036854775807", INT64_MIN,
				   INT64_MAX, &v), 0);
	assert_true(v == INT64_MAX);
	assert_int_equal(parse_i64("-9223372036854775808", INT64_MIN,
				   INT64_MAX, &v), 0);
	assert_true(v == INT64_MIN);

	v = 5;
	assert_int_equal(parse_i64("9223372036854775808", INT64_MIN,
				   INT64_MAX, &v), ERR_INVALID);
	assert_int_equal(parse_i64("-9223372036854775809", INT64_MIN,
				   INT64_MAX, &v), ERR_INVALID);
	assert_int_equal(parse_i64("18446744073709551616", INT64_MIN,
				   INT64_MAX, &v), ERR_INVALID);
	assert_int_equal(parse_i64("99999999999999999999999", INT64_MIN,
				   INT64_MAX, &v), ERR_INVALID);
	assert_int_equal(v, 5);	/* untouched on failure */
}

static void test_i64_bounds(void **state)
{
	int64_t v = 5;

	(void)state;
	assert_int_equal(parse_i64("9", 0, 9, &v), 0);
	assert_int_equal(v, 9);
	assert_int_equal(parse_i64("0", 0, 9, &v), 0);
	assert_int_equal(v, 0);
	v = 5;
	assert_int_equal(parse_i64("10", 0, 9, &v), ERR_INVALID);
	assert_int_equal(parse_i64("-1", 0, 9, &v), ERR_INVALID);
	assert_int_equal(v, 5);
	assert_int_equal(parse_i64("-5", -5, -1, &v), 0);
	assert_int_equal(v, -5);
	assert_int_equal(parse_i64("-6", -5, -1, &v), ERR_INVALID);
	assert_int_equal(parse_i64("0", -5, -1, &v), ERR_INVALID);
}

static void test_i64_rejects(void **state)
{
	static const char *const bad[] = {
		"", "-", "+1", " 1", "1 ", "1a", "a1", "0x10", "1.0", "--1",
		"1-", "1,000", "\t1", "1\n", "+", " ", "\xd9\xa3",
	};
	int64_t v = 123;

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		if (parse_i64(bad[i], INT64_MIN, INT64_MAX, &v) != ERR_INVALID)
			fail_msg("parse_i64 accepted \"%s\"", bad[i]);
	}
	assert_int_equal(v, 123);
}

static void test_parse_int(void **state)
{
	int v = 3;

	(void)state;
	assert_int_equal(parse_int("2147483647", INT_MIN, INT_MAX, &v), 0);
	assert_int_equal(v, INT_MAX);
	assert_int_equal(parse_int("-2147483648", INT_MIN, INT_MAX, &v), 0);
	assert_int_equal(v, INT_MIN);
	v = 3;
	assert_int_equal(parse_int("2147483648", INT_MIN, INT_MAX, &v),
			 ERR_INVALID);
	assert_int_equal(parse_int("-2147483649", INT_MIN, INT_MAX, &v),
			 ERR_INVALID);
	assert_int_equal(parse_int("41", 0, 40, &v), ERR_INVALID);
	assert_int_equal(parse_int(" 4", 0, 40, &v), ERR_INVALID);
	assert_int_equal(parse_int("4 ", 0, 40, &v), ERR_INVALID);
	assert_int_equal(parse_int("+4", 0, 40, &v), ERR_INVALID);
	assert_int_equal(parse_int("", 0, 40, &v), ERR_INVALID);
	assert_int_equal(parse_int("-", 0, 40, &v), ERR_INVALID);
	assert_int_equal(v, 3);
	assert_int_equal(parse_int("40", 0, 40, &v), 0);
	assert_int_equal(v, 40);
}

/* ---- dates --------------------------------------------------------------- */

static void test_parse_digits(void **state)
{
	(void)state;
	assert_int_equal(parse_digits("0123", 4), 123);
	assert_int_equal(parse_digits("2026-12", 4), 2026);	/* a prefix */
	assert_int_equal(parse_digits("999999999", 9), 999999999);
	assert_int_equal(parse_digits("12a4", 4), -1);
	assert_int_equal(parse_digits("-1", 2), -1);
	assert_int_equal(parse_digits("12", 4), -1);	/* the NUL ends it */
	assert_int_equal(parse_digits("", 1), -1);
	assert_int_equal(parse_digits("7", 0), 0);
}

static void test_date_known_values(void **state)
{
	(void)state;
	assert_int_equal(date_from_ymd(1970, 1, 1), 0);
	assert_int_equal(date_from_ymd(1970, 1, 2), 1);
	assert_int_equal(date_from_ymd(1969, 12, 31), -1);
	assert_int_equal(date_from_ymd(2000, 3, 1), 11017);
	assert_int_equal(date_from_ymd(2000, 2, 29), 11016);
	assert_int_equal(date_from_ymd(1900, 1, 1), -25567);
	assert_int_equal(date_from_ymd(2005, 5, 12), 12915);
	assert_int_equal(date_from_ymd(2101, 1, 1), 47847);
	assert_int_equal(date_from_ymd(2199, 12, 31), 84005);
}

static void test_date_round_trip(void **state)
{
	int32_t first = date_from_ymd(1900, 1, 1);
	int32_t last = date_from_ymd(2100, 12, 31);
	int32_t prev = first - 1;
	long ndays = 0;

	(void)state;
	for (int y = 1900; y <= 2100; y++)
		for (int m = 1; m <= 12; m++)
			for (int d = 1; d <= 31; d++) {
				int32_t n;
				int yy, mm, dd;

				if (!date_valid_ymd(y, m, d))
					continue;
				n = date_from_ymd(y, m, d);
				if (n != prev + 1)
					fail_msg("%04d-%02d-%02d is day %d, "
						 "expected %d", y, m, d, n,
						 prev + 1);
				date_to_ymd(n, &yy, &mm, &dd);
				if (yy != y || mm != m || dd != d)
					fail_msg("day %d came back as "
						 "%04d-%02d-%02d", n, yy, mm,
						 dd);
				prev = n;
				ndays++;
			}
	assert_int_equal(prev, last);
	/* 201 years, 49 of them leap (1900 and 2100 are not) */
	assert_int_equal(ndays, 201 * 365 + 49);
}

static void test_date_valid_ymd(void **state)
{
	(void)state;
	assert_true(date_valid_ymd(2020, 2, 29));
	assert_true(date_valid_ymd(2000, 2, 29));
	assert_false(date_valid_ymd(1900, 2, 29));
	assert_false(date_valid_ymd(2100, 2, 29));
	assert_false(date_valid_ymd(2019, 2, 29));
	assert_false(date_valid_ymd(2019, 4, 31));
	assert_true(date_valid_ymd(2019, 12, 31));
	assert_false(date_valid_ymd(2019, 13, 1));
	assert_false(date_valid_ymd(2019, 0, 1));
	assert_false(date_valid_ymd(2019, 1, 0));
	assert_false(date_valid_ymd(1899, 12, 31));
	assert_true(date_valid_ymd(1900, 1, 1));
	assert_true(date_valid_ymd(2199, 12, 31));
	assert_false(date_valid_ymd(2200, 1, 1));
}

static void test_parse_date_dmy_ok(void **state)
{
	int32_t d = 0;

	(void)state;
	assert_int_equal(parse_date_dmy("12/05/2005", &d), 0);
	assert_int_equal(d, date_from_ymd(2005, 5, 12));
	assert_int_equal(parse_date_dmy("29/02/2020", &d), 0);
	assert_int_equal(d, date_from_ymd(2020, 2, 29));
	assert_int_equal(parse_date_dmy("01/01/1970", &d), 0);
	assert_int_equal(d, 0);
	assert_int_equal(parse_date_dmy("31/12/2199", &d), 0);
	assert_int_equal(d, 84005);
	assert_int_equal(parse_date_dmy("01/01/1900", &d), 0);
	assert_int_equal(d, -25567);
}

static void test_parse_date_dmy_rejects(void **state)
{
	static const char *const bad[] = {
		"29/02/2019", "31/04/2019", "00/01/2019", "01/00/2019",
		"32/01/2019", "01/13/2019", "1/1/2019", "01/1/2019",
		"1/01/2019", "12/05/2005 ", " 12/05/2005", "12-05-2005",
		"2005-05-12", "12/05/05", "12/05/20055", "", "aa/bb/cccc",
		"12/05/2O05", "31/12/1899", "01/01/2200", "29/02/1900",
		"12/5/2005", "+1/05/2005", "-1/05/2005",
	};
	int32_t d = 77;

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
		if (parse_date_dmy(bad[i], &d) != ERR_INVALID)
			fail_msg("parse_date_dmy accepted \"%s\"", bad[i]);
	assert_int_equal(d, 77);
}

static void test_parse_date_iso(void **state)
{
	int32_t d = 77;

	(void)state;
	assert_int_equal(parse_date_iso("2019-03-31", &d), 0);
	assert_int_equal(d, date_from_ymd(2019, 3, 31));
	assert_int_equal(parse_date_iso("2020-02-29", &d), 0);
	assert_int_equal(d, date_from_ymd(2020, 2, 29));
	d = 77;
	assert_int_equal(parse_date_iso("2019-02-29", &d), ERR_INVALID);
	assert_int_equal(parse_date_iso("2019-3-31", &d), ERR_INVALID);
	assert_int_equal(parse_date_iso("31/03/2019", &d), ERR_INVALID);
	assert_int_equal(parse_date_iso("2019-03-31T", &d), ERR_INVALID);
	assert_int_equal(parse_date_iso("", &d), ERR_INVALID);
	assert_int_equal(d, 77);
}

static void test_date_format(void **state)
{
	char out[DATE_STR_MAX];

	(void)state;
	date_fmt_dmy(date_from_ymd(2005, 5, 12), out);
	assert_string_equal(out, "12/05/2005");
	date_fmt_iso(date_from_ymd(2005, 5, 12), out);
	assert_string_equal(out, "2005-05-12");
	date_fmt_dmy(0, out);
	assert_string_equal(out, "01/01/1970");
	date_fmt_iso(date_from_ymd(1900, 1, 1), out);
	assert_string_equal(out, "1900-01-01");
	date_fmt_dmy(date_from_ymd(2199, 12, 31), out);
	assert_string_equal(out, "31/12/2199");

	memset(out, 'x', sizeof(out));
	date_fmt_dmy(DATE_NONE, out);
	assert_string_equal(out, "");
	memset(out, 'x', sizeof(out));
	date_fmt_iso(DATE_NONE, out);
	assert_string_equal(out, "");
}

static void test_date_format_parse_round_trip(void **state)
{
	char out[DATE_STR_MAX];

	(void)state;
	for (int32_t n = date_from_ymd(1990, 1, 1);
	     n <= date_from_ymd(2030, 12, 31); n += 7) {
		int32_t back = DATE_NONE;

		date_fmt_dmy(n, out);
		assert_int_equal(parse_date_dmy(out, &back), 0);
		assert_int_equal(back, n);
		date_fmt_iso(n, out);
		back = DATE_NONE;
		assert_int_equal(parse_date_iso(out, &back), 0);
		assert_int_equal(back, n);
	}
}

static int32_t ymd(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

static void test_age_years(void **state)
{
	int32_t dob = ymd(2005, 5, 12);

	(void)state;
	assert_int_equal(date_age_years(dob, dob), 0);
	assert_int_equal(date_age_years(dob, ymd(2021, 5, 11)), 15);
	assert_int_equal(date_age_years(dob, ymd(2021, 5, 12)), 16);
	assert_int_equal(date_age_years(dob, ymd(2021, 5, 13)), 16);
	assert_int_equal(date_age_years(dob, ymd(2022, 5, 11)), 16);
	assert_int_equal(date_age_years(dob, ymd(2006, 5, 11)), 0);
	assert_int_equal(date_age_years(dob, ymd(2006, 4, 30)), 0);
	assert_int_equal(date_age_years(dob, ymd(2006, 6, 1)), 1);
}

/* date_born_by(day, n): the last birth date of someone n or older on
 * day, the same rule as date_age_years() for every day of four years */
static void test_born_by(void **state)
{
	(void)state;
	assert_int_equal(date_born_by(ymd(2026, 7, 14), 18), ymd(2008, 7, 14));
	/* 29 February with no 29th 18 years before: the 28th */
	assert_int_equal(date_born_by(ymd(2028, 2, 29), 18), ymd(2010, 2, 28));
	assert_int_equal(date_born_by(ymd(2022, 3, 1), 18), ymd(2004, 3, 1));
	for (int32_t day = ymd(2024, 1, 1); day < ymd(2028, 1, 1); day++) {
		int32_t b = date_born_by(day, 18);

		assert_true(date_age_years(b, day) >= 18);
		assert_true(date_age_years(b + 1, day) < 18);
	}
}

static void test_age_leap_day_birth(void **state)
{
	int32_t dob = ymd(2004, 2, 29);

	(void)state;
	assert_int_equal(date_age_years(dob, ymd(2020, 2, 28)), 15);
	assert_int_equal(date_age_years(dob, ymd(2020, 2, 29)), 16);
	/* in a common year the birthday counts from 1 March */
	assert_int_equal(date_age_years(dob, ymd(2021, 2, 28)), 16);
	assert_int_equal(date_age_years(dob, ymd(2019, 2, 28)), 14);
	assert_int_equal(date_age_years(dob, ymd(2019, 3, 1)), 15);
	assert_int_equal(date_age_years(dob, ymd(2022, 3, 1)), 18);
}

static void test_reporting_years(void **state)
{
	(void)state;
	assert_int_equal(year_start(2019), ymd(2018, 4, 1));
	assert_int_equal(year_end(2019), ymd(2019, 3, 31));
	assert_int_equal(year_of_day(ymd(2019, 3, 31)), 2019);
	assert_int_equal(year_of_day(ymd(2019, 4, 1)), 2020);
	assert_int_equal(year_of_day(ymd(2018, 4, 1)), 2019);
	assert_int_equal(year_of_day(ymd(2018, 3, 31)), 2018);
	assert_int_equal(year_of_day(ymd(2019, 1, 1)), 2019);
	assert_int_equal(year_of_day(ymd(2019, 12, 31)), 2020);
	assert_int_equal(year_end(2020) - year_start(2020), 365); /* leap */
	assert_int_equal(year_end(2019) - year_start(2019), 364);
	for (int y = 2000; y <= 2040; y++) {
		assert_int_equal(year_of_day(year_start(y)), y);
		assert_int_equal(year_of_day(year_end(y)), y);
		assert_int_equal(year_of_day(year_start(y) - 1), y - 1);
		assert_int_equal(year_start(y + 1), year_end(y) + 1);
	}
}

static void test_str_copy(void **state)
{
	char dst[4];

	(void)state;
	assert_int_equal(str_copy(dst, sizeof(dst), "abc"), 0);
	assert_string_equal(dst, "abc");
	assert_int_equal(str_copy(dst, sizeof(dst), ""), 0);
	assert_string_equal(dst, "");
	assert_int_equal(str_copy(dst, sizeof(dst), "abcd"), ERR_TOO_LARGE);
	assert_string_equal(dst, "abc");
	assert_int_equal(str_copy(dst, sizeof(dst), "abcdefgh"),
			 ERR_TOO_LARGE);
	assert_string_equal(dst, "abc");
	assert_int_equal(str_copy(dst, 1, "x"), ERR_TOO_LARGE);
	assert_string_equal(dst, "");
	assert_int_equal(str_copy(dst, 1, ""), 0);
	assert_string_equal(dst, "");
}

int main(void)
{
	const struct CMUnitTest parse_tests[] = {
		cmocka_unit_test(test_i64_ok),
		cmocka_unit_test(test_i64_extremes),
		cmocka_unit_test(test_i64_bounds),
		cmocka_unit_test(test_i64_rejects),
		cmocka_unit_test(test_parse_int),
		cmocka_unit_test(test_parse_digits),
		cmocka_unit_test(test_date_known_values),
		cmocka_unit_test(test_date_round_trip),
		cmocka_unit_test(test_date_valid_ymd),
		cmocka_unit_test(test_parse_date_dmy_ok),
		cmocka_unit_test(test_parse_date_dmy_rejects),
		cmocka_unit_test(test_parse_date_iso),
		cmocka_unit_test(test_date_format),
		cmocka_unit_test(test_date_format_parse_round_trip),
		cmocka_unit_test(test_age_years),
		cmocka_unit_test(test_age_leap_day_birth),
		cmocka_unit_test(test_born_by),
		cmocka_unit_test(test_reporting_years),
		cmocka_unit_test(test_str_copy),
	};

	return cmocka_run_group_tests(parse_tests, NULL, NULL);
}
