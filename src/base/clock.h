/*
 * clock.h: what time it is now, for everything in cartref that asks
 * (sessions, audit rows, alerts, "today", imports).  One place, so that
 * tests and demonstrations can move every process's clock together:
 * when the environment sets CARTREF_CLOCK_OFFSET, a whole number of
 * seconds (e.g. -230000000), it is added to the system clock.  Every
 * process given the same offset agrees on the time, and time passes at
 * the real pace.  `cartref serve` says so on standard error when the
 * clock is moved.  Server log lines keep the system clock.
 *
 * tests/t/lib.sh's clock_at TIME sets the offset for a given instant.
 */
#ifndef CARTREF_CLOCK_H
#define CARTREF_CLOCK_H

#include "base/compat.h"

/* Milliseconds since 1970-01-01 UTC. */
int64_t clock_now_ms(void);
/*
 * Is the clock moved?  An offset that is not a whole number of seconds
 * within 200 years exits at the first clock_now_ms() with a message
 * naming it (never a silently wrong clock).
 */
bool clock_moved(void);

#endif
