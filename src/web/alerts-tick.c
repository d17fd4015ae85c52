/*
 * alerts-tick.c: the server's scheduled alerts run (issue 5;
 * docs/http.md "The API's writes and the scheduled alerts run").
 *
 * One thread, started with the server and joined when it stops, with its
 * own store connection (SQLite handles are per thread).  It runs at once
 * and then every `every` seconds: alerts_run() over the whole store at
 * the real clock (rules that only the passing of time makes true, such
 * as a return interview now 72 hours late, are raised here: a change to
 * a child is evaluated by its writer), then alerts_outbox_deliver() for
 * the webhooks, and writes one log line.  A failed run is logged and
 * retried at the next tick; it never stops the server.
 *
 * Shutdown: web_alerts_stop() sets the flag under the mutex and signals
 * the condition the thread sleeps on (a monotonic clock, so a change of
 * the wall clock neither wakes it nor holds it); a run in progress
 * finishes first, then the thread closes its store and is joined.
 */
#include "base/compat.h"
#include "base/clock.h"
#include <inttypes.h>
#include <pthread.h>
#include <time.h>
#include <unistd.h>
#include "base/buf.h"
#include "base/xalloc.h"
#include "alerts/alerts.h"
#include "store/store-core.h"
#include "web/web-internal.h"

/* Webhook messages one tick delivers at most (each may take seconds). */
#define TICK_DELIVER_MAX 50

struct web_alerts {
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cond;
	bool stop;
	unsigned every;		/* seconds */
	char *db;
};

static int64_t wall_ms(void)
{
	return clock_now_ms();
}

static double mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/* One line, one write(2): whole lines between threads (access.log). */
static void log_line(struct buf *b)
{
	for (size_t i = 0; i < b->len; i++)
		if ((unsigned char)b->buf[i] < 0x20 || b->buf[i] == 0x7f)
			b->buf[i] = '?';
	buf_addch(b, '\n');
	if (!buf_error(b) && write(STDERR_FILENO, b->buf, b->len) < 0)
		(void)0;	/* nowhere to report it */
}

/*
 * Several servers may share the store: the run is done by the one that
 * holds the lease "alerts-run" (store_lease_take()), taken for two periods
 * and kept by taking it again at each tick; the others skip their tick.
 * If the holder stops, another takes over within two periods; a run that
 * takes longer than one period does not overlap another's.
 */
#define LEASE "alerts-run"

/* This server, as a lease holder: host name and process id. */
static void holder_name(char *out, size_t n)
{
	char host[256];

	if (gethostname(host, sizeof(host)))
		snprintf(host, sizeof(host), "?");
	host[sizeof(host) - 1] = '\0';
	snprintf(out, n, "%s:%ld", host, (long)getpid());
}

static int take_lease(struct store *s, unsigned every, bool *got,
		      struct err *err)
{
	char holder[300];
	int64_t now = wall_ms();

	holder_name(holder, sizeof(holder));
	return store_lease_take(s, LEASE, holder, now,
				now + 2000 * (int64_t)every, got, err);
}

/* Stopping cleanly: another server takes the run at its next tick. */
static void give_lease(struct store *s)
{
	struct err err = ERR_INIT;
	char holder[300];

	holder_name(holder, sizeof(holder));
	if (s)
		store_lease_give(s, LEASE, holder, &err);
}

static void run_once(struct store **s, const char *db, unsigned every)
{
	struct alerts_summary sum;
	struct alerts_delivery d;
	struct err err = ERR_INIT;
	struct buf line = BUF_INIT(1024);
	double t0 = mono_ms();
	int64_t now = wall_ms();
	bool mine = false;
	int rc = 0;

	memset(&sum, 0, sizeof(sum));
	memset(&d, 0, sizeof(d));
	if (!*s)
		rc = store_open(s, db, &err);
	if (!rc)
		rc = take_lease(*s, every, &mine, &err);
	if (!rc && !mine) {
		buf_adds(&line, "cartref: alerts: run skipped: another "
			   "server on this store holds it");
		log_line(&line);
		goto out;
	}
	if (!rc)
		rc = alerts_run(*s, now, &sum, &err);
	if (rc) {
		buf_addf(&line, "cartref: alerts: run failed: %s",
			 err_text(&err));
		log_line(&line);
		goto out;
	}
	rc = alerts_outbox_deliver(*s, now, TICK_DELIVER_MAX, &d, &err);
	buf_addf(&line, "cartref: alerts: run in %.0f ms: %ld raised, %ld "
		 "historical, %ld cleared, %ld escalated, %ld open, %ld "
		 "messages; webhooks %ld delivered, %ld failed",
		 mono_ms() - t0, sum.raised, sum.historical, sum.cleared,
		 sum.escalated, sum.open, sum.messages, d.delivered, d.failed);
	if (rc)
		buf_addf(&line, " (delivery stopped: %s)", err_text(&err));
	log_line(&line);
out:
	buf_release(&line);
}

static void *tick(void *arg)
{
	struct web_alerts *a = arg;
	struct store *s = NULL;
	struct timespec until;

	pthread_mutex_lock(&a->mu);
	while (!a->stop) {
		pthread_mutex_unlock(&a->mu);
		run_once(&s, a->db, a->every);
		pthread_mutex_lock(&a->mu);
		clock_gettime(CLOCK_MONOTONIC, &until);
		until.tv_sec += (time_t)a->every;
		while (!a->stop &&
		       pthread_cond_timedwait(&a->cond, &a->mu, &until) == 0)
			;	/* woken early, not stopping: sleep on */
	}
	pthread_mutex_unlock(&a->mu);
	give_lease(s);
	store_close(s);
	return NULL;
}

int web_alerts_start(const char *db, unsigned every, struct web_alerts **out,
		     struct err *err)
{
	struct web_alerts *a;
	pthread_condattr_t ca;
	int rc;

	*out = NULL;
	if (!every)
		return 0;
	a = xcalloc(1, sizeof(*a));
	a->every = every;
	a->db = xstrdup(db);
	pthread_mutex_init(&a->mu, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&a->cond, &ca);
	pthread_condattr_destroy(&ca);
	rc = pthread_create(&a->thread, NULL, tick, a);
	if (rc) {
		pthread_cond_destroy(&a->cond);
		pthread_mutex_destroy(&a->mu);
		free(a->db);
		free(a);
		return err_set(err, ERR_IO, "cannot start the alerts thread");
	}
	*out = a;
	return 0;
}

void web_alerts_stop(struct web_alerts *a)
{
	if (!a)
		return;
	pthread_mutex_lock(&a->mu);
	a->stop = true;
	pthread_cond_signal(&a->cond);
	pthread_mutex_unlock(&a->mu);
	pthread_join(a->thread, NULL);
	pthread_cond_destroy(&a->cond);
	pthread_mutex_destroy(&a->mu);
	free(a->db);
	free(a);
}
