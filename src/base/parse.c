/*
 * parse.c: strict integer and date parsers, and civil-date arithmetic.
 *
 * The day-number conversions use the well-known "days from civil"
 * algorithm (Howard Hinnant, public domain), exact for the whole
 * proleptic Gregorian calendar.
 */
#include "base/compat.h"
#include "base/err.h"
#include "base/parse.h"

int parse_i64(const char *s, int64_t min, int64_t max, int64_t *out)
{
	const char *p = s;
	bool neg = false;
	uint64_t v = 0, lim;

	if (*p == '-') {
		neg = true;
		p++;
	}
	if (!*p)
		return ERR_INVALID;
	lim = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	for (; *p; p++) {
		unsigned d;

		if (*p < '0' || *p > '9')
			return ERR_INVALID;
		d = (unsigned)(*p - '0');
		if (v > (lim - d) / 10)
			return ERR_INVALID;
		v = v * 10 + d;
	}
	{
		int64_t r;

		if (neg)
			r = v == (uint64_t)INT64_MAX + 1 ? INT64_MIN
							 : -(int64_t)v;
		else
			r = (int64_t)v;
		if (r < min || r > max)
			return ERR_INVALID;
		*out = r;
	}
	return 0;
}

int parse_int(const char *s, int min, int max, int *out)
{
	int64_t v;
	int rc = parse_i64(s, min, max, &v);

	if (!rc)
		*out = (int)v;
	return rc;
}

bool date_valid_ymd(int y, int m, int d)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30,
				     31, 31, 30, 31, 30, 31 };
	int n;

	if (y < DATE_MIN_YEAR || y > DATE_MAX_YEAR || m < 1 || m > 12 || d < 1)
		return false;
	n = mdays[m - 1];
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		n = 29;
	return d <= n;
}

int32_t date_from_ymd(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + doe - 719468);
}

void date_to_ymd(int32_t days, int *y, int *m, int *d)
{
	int z = days + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;

	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

int parse_digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static int finish_date(int y, int m, int d, int32_t *days)
{
	if (y < 0 || m < 0 || d < 0 || !date_valid_ymd(y, m, d))
		return ERR_INVALID;
	*days = date_from_ymd(y, m, d);
	return 0;
}

int parse_date_dmy(const char *s, int32_t *days)
{
	if (strlen(s) != 10 || s[2] != '/' || s[5] != '/')
		return ERR_INVALID;
	return finish_date(parse_digits(s + 6, 4), parse_digits(s + 3, 2),
			   parse_digits(s, 2), days);
}

int parse_date_iso(const char *s, int32_t *days)
{
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return ERR_INVALID;
	return finish_date(parse_digits(s, 4), parse_digits(s + 5, 2),
			   parse_digits(s + 8, 2), days);
}

/* Write v (0 <= v < 10^n) as n digits at out. */
static void put_digits(char *out, int v, int n)
{
	for (int i = n - 1; i >= 0; i--) {
		out[i] = (char)('0' + v % 10);
		v /= 10;
	}
}

void date_fmt_dmy(int32_t days, char out[DATE_STR_MAX])
{
	int y, m, d;

	out[0] = '\0';
	if (days == DATE_NONE)
		return;
	date_to_ymd(days, &y, &m, &d);
	if (y < 0 || y > 9999)
		return;
	put_digits(out, d, 2);
	out[2] = '/';
	put_digits(out + 3, m, 2);
	out[5] = '/';
	put_digits(out + 6, y, 4);
	out[10] = '\0';
}

void date_fmt_iso(int32_t days, char out[DATE_STR_MAX])
{
	int y, m, d;

	out[0] = '\0';
	if (days == DATE_NONE)
		return;
	date_to_ymd(days, &y, &m, &d);
	if (y < 0 || y > 9999)
		return;
	put_digits(out, y, 4);
	out[4] = '-';
	put_digits(out + 5, m, 2);
	out[7] = '-';
	put_digits(out + 8, d, 2);
	out[10] = '\0';
}

int date_age_years(int32_t dob, int32_t day)
{
	int by, bm, bd, y, m, d, age;

	date_to_ymd(dob, &by, &bm, &bd);
	date_to_ymd(day, &y, &m, &d);
	age = y - by;
	if (m < bm || (m == bm && d < bd))
		age--;
	return age;
}

int32_t date_add_years(int32_t day, int years)
{
	int y, m, d;

	if (day == DATE_NONE)
		return DATE_NONE;
	date_to_ymd(day, &y, &m, &d);
	if (m == 2 && d == 29 && !date_valid_ymd(y + years, 2, 29))
		d = 28;
	return date_from_ymd(y + years, m, d);
}

int32_t date_born_by(int32_t day, int years)
{
	return date_add_years(day, -years);
}

int32_t year_start(int year)
{
	return date_from_ymd(year - 1, 4, 1);
}

int32_t year_end(int year)
{
	return date_from_ymd(year, 3, 31);
}

int year_of_day(int32_t day)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	return m >= 4 ? y + 1 : y;
}

int str_copy(char *dst, size_t cap, const char *s)
{
	size_t n = strlen(s);

	if (n >= cap) {
		memcpy(dst, s, cap - 1);
		dst[cap - 1] = '\0';
		return ERR_TOO_LARGE;
	}
	memcpy(dst, s, n + 1);
	return 0;
}
