/*
 * clock.c: the clock (see clock.h).
 */
#include "base/compat.h"
#include <pthread.h>
#include <time.h>
#include "base/clock.h"
#include "base/parse.h"

#define OFFSET_MAX (200LL * 366 * 86400)

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int64_t offset_ms;	/* added to the system clock */
static bool moved;

static void init(void)
{
	const char *s = getenv("CARTREF_CLOCK_OFFSET");
	int64_t sec;

	if (!s || !*s)
		return;
	if (parse_i64(s, -OFFSET_MAX, OFFSET_MAX, &sec)) {
		fprintf(stderr, "cartref: CARTREF_CLOCK_OFFSET=\"%.40s\" is "
			"not a whole number of seconds\n", s);
		exit(2);
	}
	offset_ms = sec * 1000;
	moved = sec != 0;
}

int64_t clock_now_ms(void)
{
	struct timespec ts;

	pthread_once(&once, init);
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000 + offset_ms;
}

bool clock_moved(void)
{
	pthread_once(&once, init);
	return moved;
}
