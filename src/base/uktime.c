/*
 * uktime.c: UK local time over the C library's time zone support (see
 * uktime.h).  Only localtime_r() is used: a local time's instant is found
 * by trying each offset the UK has used (GMT, BST, and the +2 hours of
 * wartime double summer time) and keeping those the zone agrees with,
 * so gaps and repeats are seen rather than normalised away as mktime()
 * would.
 */
#include "base/compat.h"
#include <pthread.h>
#include <time.h>
#include <unistd.h>
#include "base/err.h"
#include "base/parse.h"
#include "base/uktime.h"

#define MS_PER_DAY 86400000LL
#define UK_ZONE_FILE "/usr/share/zoneinfo/Europe/London"
#define UK_ZONE ":Europe/London"
#define UK_RULE "GMT0BST,M3.5.0/1,M10.5.0"

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static const char *zone = UK_RULE;

static void init(void)
{
	if (access(UK_ZONE_FILE, R_OK) == 0)
		zone = UK_ZONE;
	setenv("TZ", zone, 1);
	tzset();
}

void uk_time_init(void)
{
	pthread_once(&init_once, init);
}

const char *uk_time_zone(void)
{
	uk_time_init();
	return zone[0] == ':' ? zone + 1 : zone;
}

static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;

	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* The zone's offset from UTC at instant t (seconds), and its tm. */
static long offset_at(time_t t, struct tm *tm)
{
	uk_time_init();
	if (!localtime_r(&t, tm)) {
		memset(tm, 0, sizeof(*tm));
		return 0;
	}
	return tm->tm_gmtoff;
}

void uk_local_of(int64_t ms, struct uk_local *out)
{
	time_t t = (time_t)floor_div(ms, 1000);
	struct tm tm;
	long off = offset_at(t, &tm);
	int64_t local = ms + (int64_t)off * 1000;
	int64_t day = floor_div(local, MS_PER_DAY);
	int64_t in_day = local - day * MS_PER_DAY;

	memset(out, 0, sizeof(*out));
	out->days = (int32_t)day;
	date_to_ymd(out->days, &out->year, &out->month, &out->day);
	out->hour = (int)(in_day / 3600000);
	out->minute = (int)(in_day / 60000 % 60);
	out->second = (int)(in_day / 1000 % 60);
	out->ms = (int)(in_day % 1000);
	out->bst = off == 3600;
}

int32_t uk_day_of(int64_t ms)
{
	struct uk_local l;

	uk_local_of(ms, &l);
	return l.days;
}

/* The instants local time `local` (ms as if UTC) can be, earliest first. */
static size_t candidates(int64_t local, int64_t out[3])
{
	static const long offsets[] = { 7200, 3600, 0 };
	size_t n = 0;

	for (size_t i = 0; i < ARRAY_SIZE(offsets); i++) {
		int64_t ms = local - (int64_t)offsets[i] * 1000;
		struct tm tm;

		if (offset_at((time_t)floor_div(ms, 1000), &tm) == offsets[i])
			out[n++] = ms;
	}
	return n;
}

int64_t uk_day_start(int32_t day)
{
	int64_t c[3];
	int64_t local = (int64_t)day * MS_PER_DAY;
	size_t n = candidates(local, c);

	/* midnight skipped (never in the UK since 1971): the first instant
	 * of the day is an hour on */
	while (!n) {
		local += 3600000;
		n = candidates(local, c);
	}
	return c[0];
}

int uk_to_ms(int y, int mo, int d, int h, int mi, enum uk_which which,
	     int64_t *ms, enum uk_fold *fold)
{
	int64_t c[3];
	size_t n;

	if (fold)
		*fold = UK_FOLD_NONE;
	if (y < DATE_MIN_YEAR || y > DATE_MAX_YEAR ||
	    !date_valid_ymd(y, mo, d) || h < 0 || h > 23 || mi < 0 || mi > 59)
		return ERR_INVALID;
	n = candidates((int64_t)date_from_ymd(y, mo, d) * MS_PER_DAY +
			       ((int64_t)h * 60 + mi) * 60000,
		       c);
	if (!n) {
		if (fold)
			*fold = UK_FOLD_GAP;
		return ERR_INVALID;
	}
	if (n > 1 && fold)
		*fold = UK_FOLD_REPEATED;
	*ms = n > 1 && which == UK_LATER ? c[n - 1] : c[0];
	return 0;
}

/* ---- words --------------------------------------------------------------- */

static const char *const months[12][2] = {
	{ "January", "Ionawr" }, { "February", "Chwefror" },
	{ "March", "Mawrth" }, { "April", "Ebrill" }, { "May", "Mai" },
	{ "June", "Mehefin" }, { "July", "Gorffennaf" }, { "August", "Awst" },
	{ "September", "Medi" }, { "October", "Hydref" },
	{ "November", "Tachwedd" }, { "December", "Rhagfyr" },
};

const char *uk_month_name(int month, bool cy)
{
	return month >= 1 && month <= 12 ? months[month - 1][cy] : "";
}

void uk_date_text(int32_t day, bool cy, char *out, size_t cap)
{
	int y, m, d;

	if (!cap)
		return;
	out[0] = '\0';
	if (day == DATE_NONE)
		return;
	date_to_ymd(day, &y, &m, &d);
	snprintf(out, cap, "%d %s %d", d, uk_month_name(m, cy), y);
}

/* Does the local time of l happen twice (the repeated autumn hour)? */
static bool repeated(const struct uk_local *l)
{
	int64_t c[3];

	return candidates((int64_t)l->days * MS_PER_DAY +
				  ((int64_t)l->hour * 60 + l->minute) * 60000,
			  c) > 1;
}

/* "21:15", with " GMT"/" BST" in the hour the clocks repeat. */
static void clock_of(const struct uk_local *l, char *out, size_t cap)
{
	snprintf(out, cap, "%02d:%02d%s", l->hour, l->minute,
		 repeated(l) ? (l->bst ? " BST" : " GMT") : "");
}

void uk_clock_text(int64_t ms, bool cy, char *out, size_t cap)
{
	struct uk_local l;

	(void)cy;
	if (!cap)
		return;
	out[0] = '\0';
	if (!ms)
		return;
	uk_local_of(ms, &l);
	clock_of(&l, out, cap);
}

void uk_time_text(int64_t ms, bool cy, char *out, size_t cap)
{
	char date[UK_TEXT_MAX], clock[UK_TEXT_MAX];
	struct uk_local l;

	if (!cap)
		return;
	out[0] = '\0';
	if (!ms)
		return;
	uk_local_of(ms, &l);
	uk_date_text(l.days, cy, date, sizeof(date));
	clock_of(&l, clock, sizeof(clock));
	snprintf(out, cap, "%s %s %s", date, cy ? "am" : "at", clock);
}

void uk_duration_text(int64_t ms, bool cy, char *out, size_t cap)
{
	int64_t min = ms > 0 ? ms / 60000 : 0;
	int64_t days = min / 1440, hours = min / 60 % 24, mins = min % 60;

	if (!cap)
		return;
	if (days >= 10)
		snprintf(out, cap, cy ? "%lld diwrnod" : "%lld days",
			 (long long)days);
	else if (days && cy)
		snprintf(out, cap, "%lld diwrnod %lld awr", (long long)days,
			 (long long)hours);
	else if (days)
		snprintf(out, cap, "%lld %s %lld %s", (long long)days,
			 days == 1 ? "day" : "days", (long long)hours,
			 hours == 1 ? "hour" : "hours");
	else if (hours)
		snprintf(out, cap, cy ? "%lld awr" : "%lld %s",
			 (long long)hours, hours == 1 ? "hour" : "hours");
	else
		snprintf(out, cap, cy ? "%lld munud" : "%lld %s",
			 (long long)mins, mins == 1 ? "minute" : "minutes");
}

/* ---- parsing ------------------------------------------------------------- */

int uk_time_parse(const char *s, int64_t *ms, enum uk_fold *fold)
{
	int y, mo, d, h, mi, sec = 0, milli = 0;
	const char *p = s;
	enum { LOCAL, OFFSET, NAMED } how = LOCAL;
	long off = 0;
	bool bst = false;
	enum uk_fold f = UK_FOLD_NONE;
	int64_t t;

	if (fold)
		*fold = UK_FOLD_NONE;
	if (!s || strnlen(s, 40) > 34)
		return ERR_INVALID;
	y = parse_digits(p, 4);
	if (y < 0 || p[4] != '-')
		return ERR_INVALID;
	mo = parse_digits(p + 5, 2);
	if (mo < 0 || p[7] != '-')
		return ERR_INVALID;
	d = parse_digits(p + 8, 2);
	if (d < 0 || (p[10] != 'T' && p[10] != ' '))
		return ERR_INVALID;
	h = parse_digits(p + 11, 2);
	if (h < 0 || p[13] != ':')
		return ERR_INVALID;
	mi = parse_digits(p + 14, 2);
	if (mi < 0)
		return ERR_INVALID;
	p += 16;
	if (*p == ':') {
		sec = parse_digits(p + 1, 2);
		if (sec < 0)
			return ERR_INVALID;
		p += 3;
		if (*p == '.') {
			milli = parse_digits(p + 1, 3);
			if (milli < 0)
				return ERR_INVALID;
			p += 4;
		}
	}
	if (*p == 'Z') {
		how = OFFSET;
		p++;
	} else if (*p == '+' || *p == '-') {
		/* "+hh:mm": read no further than a character that is wrong */
		int oh = parse_digits(p + 1, 2), om = -1;

		if (oh >= 0 && p[3] == ':')
			om = parse_digits(p + 4, 2);
		if (oh < 0 || om < 0 || oh > 14 || om > 59)
			return ERR_INVALID;
		off = (oh * 60L + om) * 60 * (*p == '-' ? -1 : 1);
		how = OFFSET;
		p += 6;
	} else if (!strcmp(p, " BST") || !strcmp(p, " GMT")) {
		how = NAMED;
		bst = p[1] == 'B';
		p += 4;
	}
	if (*p || y < DATE_MIN_YEAR || y > DATE_MAX_YEAR ||
	    !date_valid_ymd(y, mo, d) || h > 23 || mi > 59 || sec > 59)
		return ERR_INVALID;
	if (how == OFFSET) {
		*ms = (int64_t)date_from_ymd(y, mo, d) * MS_PER_DAY +
		      ((int64_t)h * 3600 + mi * 60 + sec - off) * 1000 + milli;
		return 0;
	}
	if (uk_to_ms(y, mo, d, h, mi, bst ? UK_EARLIER : UK_LATER, &t, &f)) {
		if (fold)
			*fold = f;
		return ERR_INVALID;
	}
	if (how == NAMED) {
		struct uk_local l;

		/* the zone named must be the one in force then */
		uk_local_of(t, &l);
		if (l.bst != bst)
			return ERR_INVALID;
	} else if (f == UK_FOLD_REPEATED) {
		if (fold)
			*fold = f;
		return ERR_INVALID;
	}
	*ms = t + (int64_t)sec * 1000 + milli;
	return 0;
}
