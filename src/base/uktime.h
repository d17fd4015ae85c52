/*
 * uktime.h: UK local time.  People enter and read times as the clocks in
 * the UK show them (Europe/London: GMT in winter, BST in summer); the
 * store keeps instants, milliseconds since 1970-01-01 UTC.  Every
 * conversion between the two goes through here.
 *
 * The rules come from the C library and the system's time zone database
 * (Debian's tzdata, /usr/share/zoneinfo/Europe/London): uk_time_init()
 * points the process's TZ at it once, before any thread starts; where
 * the database is missing it falls back to the POSIX rule for the UK
 * since 1996 ("GMT0BST,M3.5.0/1,M10.5.0": BST from 01:00 UTC on the last
 * Sunday of March to 01:00 UTC on the last Sunday of October).  Nothing
 * else in cartref uses the local time zone: other code formats UTC with
 * gmtime_r().
 *
 * Local times that do not exist (the hour skipped when the clocks go
 * forward in March) and that happen twice (the hour repeated when they
 * go back in October) are told apart, never guessed silently.
 */
#ifndef CARTREF_UKTIME_H
#define CARTREF_UKTIME_H

#include "base/compat.h"

/* Point TZ at Europe/London; idempotent; call before starting threads
 * (main() and the unit tests do).  The uk_* functions call it too. */
void uk_time_init(void);
/* The zone in use: "Europe/London", or the POSIX fallback rule. */
const char *uk_time_zone(void);

struct uk_local {
	int year, month, day;		/* calendar date, month 1-12 */
	int hour, minute, second, ms;
	bool bst;			/* British Summer Time (UTC+1) */
	int32_t days;			/* the date as a day number (parse.h) */
};

/* The UK clock at instant ms. */
void uk_local_of(int64_t ms, struct uk_local *out);
/* The UK calendar day (a day number) of instant ms. */
int32_t uk_day_of(int64_t ms);
/* The instant the UK day `day` begins (its 00:00 local). */
int64_t uk_day_start(int32_t day);

enum uk_fold {
	UK_FOLD_NONE = 0,	/* the local time happens once */
	UK_FOLD_GAP,		/* it never happens (clocks go forward) */
	UK_FOLD_REPEATED,	/* it happens twice (clocks go back) */
};

/* Which of a repeated hour's two instants is meant. */
enum uk_which {
	UK_EARLIER = 0,		/* the first, in BST */
	UK_LATER,		/* the second, in GMT */
};

/*
 * The instant of the UK local time y-mo-d h:mi (a real date, hour 0-23,
 * minute 0-59; else ERR_INVALID).  *fold (may be NULL) says whether it
 * is in a gap or repeated.  A gap is ERR_INVALID (with *fold GAP); a
 * repeated time gives the instant `which` asks for.
 */
int uk_to_ms(int y, int mo, int d, int h, int mi, enum uk_which which,
	     int64_t *ms, enum uk_fold *fold);

/*
 * Words, in English or Welsh (cy):
 *	uk_date_text	"7 December 2026" / "7 Rhagfyr 2026"
 *	uk_time_text	"7 December 2026 at 14:05" / "... am 14:05"; in the
 *			hour that happens twice, " GMT" or " BST" follows
 *	uk_clock_text	"14:05" (with " GMT"/" BST" in a repeated hour)
 * 0 (none) gives "".  Buffers of UK_TEXT_MAX are always enough.
 */
#define UK_TEXT_MAX 64
void uk_date_text(int32_t day, bool cy, char *out, size_t cap);
void uk_time_text(int64_t ms, bool cy, char *out, size_t cap);
void uk_clock_text(int64_t ms, bool cy, char *out, size_t cap);
/* The name of month 1-12: "March" / "Mawrth"; "" out of range. */
const char *uk_month_name(int month, bool cy);

/*
 * A length of time as people say it, rounded down: "45 minutes",
 * "5 hours", "2 days 3 hours", "12 days"; Welsh "45 munud", "5 awr",
 * "2 diwrnod 3 awr", "12 diwrnod".  Negative lengths are 0 minutes.
 */
void uk_duration_text(int64_t ms, bool cy, char *out, size_t cap);

/*
 * Parse a time as people and files write it: "2026-12-07T14:05" or
 * "2026-12-07 14:05" (seconds and .milliseconds optional) is UK local
 * time; with "Z" or "+01:00"-style offset it is that instant.  A local
 * time in the spring gap is ERR_INVALID; one in the repeated autumn
 * hour is ERR_INVALID too unless it names its zone ("... BST" or
 * "... GMT" after the time, or an offset).  *fold (may be NULL) tells
 * which problem a local time had.
 */
int uk_time_parse(const char *s, int64_t *ms, enum uk_fold *fold);

#endif
