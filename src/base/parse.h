/*
 * parse.h: strict parsers for untrusted text.
 *
 * Every parser takes a NUL-terminated string and accepts it whole or not at
 * all: no leading or trailing spaces, no partial numbers, no locale.  They
 * return 0 or ERR_INVALID and never write the output on failure.
 *
 * Dates are day numbers: days since 1970-01-01 in the proleptic Gregorian
 * calendar, so that differences are plain subtraction.  DATE_NONE marks a
 * blank (absent) date.
 */
#ifndef CARTREF_PARSE_H
#define CARTREF_PARSE_H

#include "base/compat.h"

#define DATE_NONE INT32_MIN
#define DATE_MIN_YEAR 1900
#define DATE_MAX_YEAR 2199
/* Room for "dd/mm/yyyy" or "yyyy-mm-dd" and the NUL. */
#define DATE_STR_MAX 11

/* Decimal integer in [min, max]; optional leading '-'. */
int parse_i64(const char *s, int64_t min, int64_t max, int64_t *out);
int parse_int(const char *s, int min, int max, int *out);

/*
 * The n ASCII digits at s as a number (n <= 9), or -1 if one is not a
 * digit.  Unlike the parsers it reads a prefix; it stops at the first
 * byte that is not a digit, so a string's NUL ends it.
 */
int parse_digits(const char *s, int n);

/* "dd/mm/yyyy" exactly (two-digit day and month), a real calendar date. */
int parse_date_dmy(const char *s, int32_t *days);
/* "yyyy-mm-dd" exactly. */
int parse_date_iso(const char *s, int32_t *days);

/* Calendar arithmetic; the caller guarantees a valid date. */
int32_t date_from_ymd(int y, int m, int d);
void date_to_ymd(int32_t days, int *y, int *m, int *d);
bool date_valid_ymd(int y, int m, int d);

/* Format into out[DATE_STR_MAX]; DATE_NONE gives "". */
void date_fmt_dmy(int32_t days, char out[DATE_STR_MAX]);
void date_fmt_iso(int32_t days, char out[DATE_STR_MAX]);

/* Whole years between dob and day (age on that day). */
int date_age_years(int32_t dob, int32_t day);
/*
 * day plus years, as birthdays count (29 February to 28 February in a
 * year without one); DATE_NONE stays DATE_NONE.
 */
int32_t date_add_years(int32_t day, int years);
/* The last date of birth of someone aged years or more on day (one born
 * on 29 February has a birthday on 1 March when there is no 29th). */
int32_t date_born_by(int32_t day, int years);

/*
 * Reporting years run 1 April to 31 March and are named by the calendar
 * year they end in: year 2019 is 1 April 2018 .. 31 March 2019.
 */
int32_t year_start(int year);
int32_t year_end(int year);
/* The reporting year a day falls in. */
int year_of_day(int32_t day);

/* Copy s into dst[cap] (cap >= 1), truncating; returns 0 or ERR_TOO_LARGE. */
int str_copy(char *dst, size_t cap, const char *s);

#endif
