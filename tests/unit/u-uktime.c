/*
 * u-uktime.c: unit tests for src/base/uktime.c: UK local time to and
 * from instants, the hour that does not exist in March and the hour
 * that happens twice in October, words in English and Welsh, parsing.
 *
 * 2026: the clocks go forward at 01:00 UTC on Sunday 29 March (01:00
 * GMT becomes 02:00 BST) and back at 01:00 UTC on Sunday 25 October
 * (02:00 BST becomes 01:00 GMT).
 */
#include "unit.h"
#include "base/err.h"
#include "base/uktime.h"

#define MIN 60000LL
#define HOUR 3600000LL
#define DAY 86400000LL

/* The instant of a UTC date and time. */
static int64_t utc(int y, int mo, int d, int h, int mi)
{
	return (int64_t)date_from_ymd(y, mo, d) * DAY + h * HOUR + mi * MIN;
}

static void test_zone(void **state)
{
	(void)state;
	/* Debian's tzdata is installed by scripts/deps: the real zone */
	assert_string_equal(uk_time_zone(), "Europe/London");
}

static void test_local_of(void **state)
{
	struct uk_local l;

	(void)state;
	uk_local_of(utc(2026, 12, 7, 14, 5), &l);
	assert_int_equal(l.year, 2026);
	assert_int_equal(l.month, 12);
	assert_int_equal(l.day, 7);
	assert_int_equal(l.hour, 14);
	assert_int_equal(l.minute, 5);
	assert_false(l.bst);

	uk_local_of(utc(2026, 7, 1, 14, 5), &l);
	assert_int_equal(l.hour, 15);
	assert_true(l.bst);

	/* 23:30 UTC on 30 June is 00:30 on 1 July in the UK */
	uk_local_of(utc(2026, 6, 30, 23, 30), &l);
	assert_int_equal(l.month, 7);
	assert_int_equal(l.day, 1);
	assert_int_equal(l.hour, 0);
	assert_int_equal(uk_day_of(utc(2026, 6, 30, 23, 30)),
			 date_from_ymd(2026, 7, 1));
	assert_int_equal(uk_day_of(utc(2026, 12, 31, 23, 30)),
			 date_from_ymd(2026, 12, 31));

	/* before 1970 too */
	uk_local_of(utc(1960, 1, 2, 3, 4), &l);
	assert_int_equal(l.year, 1960);
	assert_int_equal(l.hour, 3);
}

static void test_day_start(void **state)
{
	(void)state;
	assert_true(uk_day_start(date_from_ymd(2026, 7, 1)) ==
		    utc(2026, 6, 30, 23, 0));
	assert_true(uk_day_start(date_from_ymd(2026, 12, 7)) ==
		    utc(2026, 12, 7, 0, 0));
	/* the days the clocks change start at midnight as usual */
	assert_true(uk_day_start(date_from_ymd(2026, 3, 29)) ==
		    utc(2026, 3, 29, 0, 0));
	assert_true(uk_day_start(date_from_ymd(2026, 10, 25)) ==
		    utc(2026, 10, 24, 23, 0));
}

/* March: 01:00 to 01:59 on 29 March 2026 never happens. */
static void test_spring_gap(void **state)
{
	enum uk_fold fold;
	int64_t ms = 7;

	(void)state;
	assert_int_equal(uk_to_ms(2026, 3, 29, 0, 59, UK_EARLIER, &ms, &fold),
			 0);
	assert_int_equal(fold, UK_FOLD_NONE);
	assert_true(ms == utc(2026, 3, 29, 0, 59));

	ms = 7;
	assert_int_equal(uk_to_ms(2026, 3, 29, 1, 0, UK_EARLIER, &ms, &fold),
			 ERR_INVALID);
	assert_int_equal(fold, UK_FOLD_GAP);
	assert_true(ms == 7);
	assert_int_equal(uk_to_ms(2026, 3, 29, 1, 59, UK_LATER, &ms, &fold),
			 ERR_INVALID);
	assert_int_equal(fold, UK_FOLD_GAP);

	assert_int_equal(uk_to_ms(2026, 3, 29, 2, 0, UK_EARLIER, &ms, &fold),
			 0);
	assert_int_equal(fold, UK_FOLD_NONE);
	assert_true(ms == utc(2026, 3, 29, 1, 0));

	/* the instants either side read back as the clocks show them */
	{
		struct uk_local l;

		uk_local_of(utc(2026, 3, 29, 0, 59), &l);
		assert_int_equal(l.hour, 0);
		assert_false(l.bst);
		uk_local_of(utc(2026, 3, 29, 1, 0), &l);
		assert_int_equal(l.hour, 2);
		assert_true(l.bst);
	}
}

/* October: 01:00 to 01:59 on 25 October 2026 happens twice. */
static void test_autumn_repeat(void **state)
{
	enum uk_fold fold;
	int64_t ms;
	struct uk_local l;

	(void)state;
	assert_int_equal(uk_to_ms(2026, 10, 25, 1, 30, UK_EARLIER, &ms,
				  &fold), 0);
	assert_int_equal(fold, UK_FOLD_REPEATED);
	assert_true(ms == utc(2026, 10, 25, 0, 30));
	assert_int_equal(uk_to_ms(2026, 10, 25, 1, 30, UK_LATER, &ms, &fold),
			 0);
	assert_int_equal(fold, UK_FOLD_REPEATED);
	assert_true(ms == utc(2026, 10, 25, 1, 30));

	/* 00:59 and 02:00 happen once */
	assert_int_equal(uk_to_ms(2026, 10, 25, 0, 59, UK_LATER, &ms, &fold),
			 0);
	assert_int_equal(fold, UK_FOLD_NONE);
	assert_true(ms == utc(2026, 10, 24, 23, 59));
	assert_int_equal(uk_to_ms(2026, 10, 25, 2, 0, UK_EARLIER, &ms, &fold),
			 0);
	assert_int_equal(fold, UK_FOLD_NONE);
	assert_true(ms == utc(2026, 10, 25, 2, 0));

	uk_local_of(utc(2026, 10, 25, 0, 30), &l);
	assert_int_equal(l.hour, 1);
	assert_true(l.bst);
	uk_local_of(utc(2026, 10, 25, 1, 30), &l);
	assert_int_equal(l.hour, 1);
	assert_false(l.bst);
}

static void test_words(void **state)
{
	char s[UK_TEXT_MAX];

	(void)state;
	uk_time_text(utc(2026, 12, 7, 14, 5), false, s, sizeof(s));
	assert_string_equal(s, "7 December 2026 at 14:05");
	uk_time_text(utc(2026, 12, 7, 14, 5), true, s, sizeof(s));
	assert_string_equal(s, "7 Rhagfyr 2026 am 14:05");
	/* summer: the clock is an hour on from UTC */
	uk_time_text(utc(2026, 7, 1, 14, 5), false, s, sizeof(s));
	assert_string_equal(s, "1 July 2026 at 15:05");
	/* the repeated hour says which */
	uk_time_text(utc(2026, 10, 25, 0, 30), false, s, sizeof(s));
	assert_string_equal(s, "25 October 2026 at 01:30 BST");
	uk_time_text(utc(2026, 10, 25, 1, 30), true, s, sizeof(s));
	assert_string_equal(s, "25 Hydref 2026 am 01:30 GMT");
	uk_clock_text(utc(2026, 10, 25, 2, 30), false, s, sizeof(s));
	assert_string_equal(s, "02:30");
	uk_time_text(0, false, s, sizeof(s));
	assert_string_equal(s, "");
	uk_date_text(date_from_ymd(2027, 3, 31), true, s, sizeof(s));
	assert_string_equal(s, "31 Mawrth 2027");
	uk_date_text(DATE_NONE, true, s, sizeof(s));
	assert_string_equal(s, "");
	assert_string_equal(uk_month_name(13, false), "");
}

static void test_durations(void **state)
{
	char s[UK_TEXT_MAX];

	(void)state;
	uk_duration_text(-5, false, s, sizeof(s));
	assert_string_equal(s, "0 minutes");
	uk_duration_text(MIN, false, s, sizeof(s));
	assert_string_equal(s, "1 minute");
	uk_duration_text(45 * MIN + 59999, false, s, sizeof(s));
	assert_string_equal(s, "45 minutes");
	uk_duration_text(HOUR, false, s, sizeof(s));
	assert_string_equal(s, "1 hour");
	uk_duration_text(5 * HOUR + 59 * MIN, true, s, sizeof(s));
	assert_string_equal(s, "5 awr");
	uk_duration_text(DAY + HOUR, false, s, sizeof(s));
	assert_string_equal(s, "1 day 1 hour");
	uk_duration_text(2 * DAY + 3 * HOUR, false, s, sizeof(s));
	assert_string_equal(s, "2 days 3 hours");
	uk_duration_text(2 * DAY + 3 * HOUR, true, s, sizeof(s));
	assert_string_equal(s, "2 diwrnod 3 awr");
	uk_duration_text(12 * DAY + 3 * HOUR, false, s, sizeof(s));
	assert_string_equal(s, "12 days");
	uk_duration_text(12 * DAY, true, s, sizeof(s));
	assert_string_equal(s, "12 diwrnod");
}

static void test_parse(void **state)
{
	enum uk_fold fold;
	int64_t ms = 0;

	(void)state;
	/* local time: winter and summer */
	assert_int_equal(uk_time_parse("2026-12-07T14:05", &ms, &fold), 0);
	assert_true(ms == utc(2026, 12, 7, 14, 5));
	assert_int_equal(uk_time_parse("2026-07-01 10:00", &ms, NULL), 0);
	assert_true(ms == utc(2026, 7, 1, 9, 0));
	assert_int_equal(uk_time_parse("2026-07-01T10:00:30.250", &ms, NULL),
			 0);
	assert_true(ms == utc(2026, 7, 1, 9, 0) + 30250);
	/* instants */
	assert_int_equal(uk_time_parse("2026-07-01T10:00Z", &ms, NULL), 0);
	assert_true(ms == utc(2026, 7, 1, 10, 0));
	assert_int_equal(uk_time_parse("2026-07-01T10:00:00.000Z", &ms, NULL),
			 0);
	assert_true(ms == utc(2026, 7, 1, 10, 0));
	assert_int_equal(uk_time_parse("2026-07-01T10:00+01:00", &ms, NULL),
			 0);
	assert_true(ms == utc(2026, 7, 1, 9, 0));
	assert_int_equal(uk_time_parse("2026-07-01T10:00-02:30", &ms, NULL),
			 0);
	assert_true(ms == utc(2026, 7, 1, 12, 30));
	/* the spring gap */
	assert_int_equal(uk_time_parse("2026-03-29T01:30", &ms, &fold),
			 ERR_INVALID);
	assert_int_equal(fold, UK_FOLD_GAP);
	/* the autumn repeat needs its zone */
	assert_int_equal(uk_time_parse("2026-10-25T01:30", &ms, &fold),
			 ERR_INVALID);
	assert_int_equal(fold, UK_FOLD_REPEATED);
	assert_int_equal(uk_time_parse("2026-10-25T01:30 BST", &ms, &fold), 0);
	assert_true(ms == utc(2026, 10, 25, 0, 30));
	assert_int_equal(uk_time_parse("2026-10-25 01:30 GMT", &ms, &fold), 0);
	assert_true(ms == utc(2026, 10, 25, 1, 30));
	assert_int_equal(uk_time_parse("2026-10-25T01:30Z", &ms, NULL), 0);
	assert_true(ms == utc(2026, 10, 25, 1, 30));
	/* a zone not in force then */
	assert_int_equal(uk_time_parse("2026-01-10T10:00 BST", &ms, &fold),
			 ERR_INVALID);
	assert_int_equal(uk_time_parse("2026-07-10T10:00 GMT", &ms, &fold),
			 ERR_INVALID);
	/* malformed */
	assert_int_equal(uk_time_parse("2026-02-30T10:00", &ms, NULL),
			 ERR_INVALID);
	assert_int_equal(uk_time_parse("2026-07-01T24:00", &ms, NULL),
			 ERR_INVALID);
	assert_int_equal(uk_time_parse("2026-07-01T10:00+1", &ms, NULL),
			 ERR_INVALID);
	assert_int_equal(uk_time_parse("2026-07-01T10:00 CET", &ms, NULL),
			 ERR_INVALID);
	assert_int_equal(uk_time_parse("2026-07-01", &ms, NULL), ERR_INVALID);
	assert_int_equal(uk_time_parse(NULL, &ms, NULL), ERR_INVALID);
	assert_int_equal(uk_time_parse("2026-07-01T10:00Zjunk", &ms, NULL),
			 ERR_INVALID);
}

/* Every minute of 2026 read back: local -> instant -> local. */
static void test_round_trip_year(void **state)
{
	int64_t from = utc(2026, 1, 1, 0, 0), to = utc(2027, 1, 1, 0, 0);
	long gaps = 0, repeats = 0;

	(void)state;
	for (int64_t t = from; t < to; t += 15 * MIN) {
		struct uk_local l;
		enum uk_fold fold;
		int64_t back;

		uk_local_of(t, &l);
		assert_int_equal(uk_to_ms(l.year, l.month, l.day, l.hour,
					  l.minute, l.bst ? UK_EARLIER :
							    UK_LATER,
					  &back, &fold), 0);
		assert_true(back == t);
		repeats += fold == UK_FOLD_REPEATED;
	}
	/* 01:00-01:45 on 25 October, twice each */
	assert_int_equal(repeats, 8);
	for (int h = 0; h < 24; h++) {
		int64_t ms;
		enum uk_fold fold;

		if (uk_to_ms(2026, 3, 29, h, 15, UK_EARLIER, &ms, &fold))
			gaps++;
	}
	assert_int_equal(gaps, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_zone),
		cmocka_unit_test(test_local_of),
		cmocka_unit_test(test_day_start),
		cmocka_unit_test(test_spring_gap),
		cmocka_unit_test(test_autumn_repeat),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_durations),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_round_trip_year),
	};

	uk_time_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
