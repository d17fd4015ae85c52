/*
 * conn-guard.c: connections still sending a request's headers, bounded
 * in time and in number (issue 10, item 12; docs/http.md "Limits").
 *
 * libmicrohttpd's connection timeout is an idle timeout: a client that
 * sends one byte of its headers every few seconds keeps its connection
 * for ever, and about 1,300 of them from a handful of addresses took
 * every connection the server had.  The guard keeps, for each open
 * connection, whether it is waiting for headers (from accept, and again
 * from the end of each answer on a kept-alive connection) and since
 * when.  server.c asks it at accept whether one more may wait: not a
 * (max_per_addr + 1)th from one address still sending its first
 * request, which is refused at once; past
 * max_pending in all, the one that has waited longest is shut down to
 * make room.  Its thread shuts down, with shutdown(2), each connection
 * that has waited longer than the deadline, which libmicrohttpd then
 * sees closed and cleans up.
 *
 * A slot is freed only by conn_guard_close(), which libmicrohttpd's
 * "closed" notification calls before it closes the socket, and the
 * thread shuts a socket down only while holding the lock that call
 * takes: it never touches a descriptor that may have been reused.
 */
#include "base/compat.h"
#include <netinet/in.h>
#include <sys/socket.h>
#include <time.h>
#include "base/xalloc.h"
#include "web/web-internal.h"

struct conn_slot {
	struct conn_slot *prev, *next;
	struct sockaddr_storage addr;
	int fd;
	bool pending;		/* waiting for a request's headers */
	bool served;		/* has sent a request's headers before */
	bool shut;		/* shut down by the guard */
	int64_t since_ms;	/* waiting since (monotonic) */
};

struct conn_guard {
	pthread_mutex_t mu;
	pthread_cond_t cv;	/* signalled to stop the thread */
	pthread_t thread;
	bool thread_ok, stopping;
	struct conn_slot *head;
	unsigned pending;	/* slots pending, all addresses */
	unsigned timeout_ms, max_pending, max_per_addr;
	atomic_uint shut_count;
};

static int64_t mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static bool same_addr(const struct sockaddr_storage *a,
		      const struct sockaddr *b)
{
	if (a->ss_family != b->sa_family)
		return false;
	if (b->sa_family == AF_INET) {
		const struct sockaddr_in *x = (const void *)a;
		const struct sockaddr_in *y = (const void *)b;

		return x->sin_addr.s_addr == y->sin_addr.s_addr;
	}
	if (b->sa_family == AF_INET6) {
		const struct sockaddr_in6 *x = (const void *)a;
		const struct sockaddr_in6 *y = (const void *)b;

		return !memcmp(&x->sin6_addr, &y->sin6_addr,
			       sizeof(x->sin6_addr));
	}
	return true;	/* another family: one "address" */
}

static size_t addr_len(const struct sockaddr *sa)
{
	return sa->sa_family == AF_INET6 ? sizeof(struct sockaddr_in6) :
	       sa->sa_family == AF_INET ? sizeof(struct sockaddr_in) :
					  sizeof(struct sockaddr);
}

static void set_pending(struct conn_guard *g, struct conn_slot *s, bool on)
{
	if (s->pending && !on)
		s->served = true;
	if (s->pending == on)
		return;
	s->pending = on;
	if (on) {
		g->pending++;
		s->since_ms = mono_ms();
	} else {
		g->pending--;
	}
}

/* Shut slot s down (the lock held: it is still open). */
static void shut(struct conn_guard *g, struct conn_slot *s)
{
	shutdown(s->fd, SHUT_RDWR);
	s->shut = true;
	atomic_fetch_add(&g->shut_count, 1);
}

static void *watch(void *arg)
{
	struct conn_guard *g = arg;
	/* a few looks per deadline: a late close is at most a quarter late */
	int64_t step = g->timeout_ms / 4 < 50 ? 50 :
		       g->timeout_ms / 4 > 1000 ? 1000 : g->timeout_ms / 4;

	pthread_mutex_lock(&g->mu);
	while (!g->stopping) {
		struct timespec until;
		int64_t now = mono_ms();

		for (struct conn_slot *s = g->head; s; s = s->next) {
			if (!s->pending || s->shut ||
			    now - s->since_ms < (int64_t)g->timeout_ms)
				continue;
			/* still open: conn_guard_close() needs this lock */
			shut(g, s);
		}
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_nsec += (long)(step % 1000) * 1000000L;
		until.tv_sec += step / 1000 + until.tv_nsec / 1000000000L;
		until.tv_nsec %= 1000000000L;
		pthread_cond_timedwait(&g->cv, &g->mu, &until);
	}
	pthread_mutex_unlock(&g->mu);
	return NULL;
}

int conn_guard_new(unsigned timeout_ms, unsigned max_pending,
		   unsigned max_per_addr, struct conn_guard **out,
		   struct err *err)
{
	struct conn_guard *g = xcalloc(1, sizeof(*g));

	*out = NULL;
	g->timeout_ms = timeout_ms;
	g->max_pending = max_pending;
	g->max_per_addr = max_per_addr;
	atomic_init(&g->shut_count, 0);
	pthread_mutex_init(&g->mu, NULL);
	pthread_cond_init(&g->cv, NULL);
	if (pthread_create(&g->thread, NULL, watch, g)) {
		conn_guard_free(g);
		return err_set(err, ERR_IO, "cannot start the header "
			       "deadline thread");
	}
	g->thread_ok = true;
	*out = g;
	return 0;
}

void conn_guard_free(struct conn_guard *g)
{
	if (!g)
		return;
	if (g->thread_ok) {
		pthread_mutex_lock(&g->mu);
		g->stopping = true;
		pthread_cond_signal(&g->cv);
		pthread_mutex_unlock(&g->mu);
		pthread_join(g->thread, NULL);
	}
	while (g->head) {	/* none once the daemon has stopped */
		struct conn_slot *s = g->head;

		g->head = s->next;
		free(s);
	}
	pthread_cond_destroy(&g->cv);
	pthread_mutex_destroy(&g->mu);
	free(g);
}

bool conn_guard_admit(struct conn_guard *g, const struct sockaddr *sa)
{
	struct conn_slot *oldest = NULL;
	unsigned same = 0;
	bool ok = true;

	if (!g || !sa)
		return true;
	pthread_mutex_lock(&g->mu);
	for (struct conn_slot *s = g->head; ok && s; s = s->next) {
		if (!s->pending || s->shut)
			continue;
		/*
		 * Per address, only connections still sending their first
		 * request: a kept-alive one that has been answered waits
		 * for its client's next request, which is no attack (a
		 * load tester's 64, an office's browsers behind one
		 * address), and is held to the deadline and made room for
		 * below like any other.
		 */
		if (!s->served && same_addr(&s->addr, sa) &&
		    ++same >= g->max_per_addr)
			ok = false;
		if (!oldest || s->since_ms <= oldest->since_ms)
			oldest = s;
	}
	/*
	 * Full: the connection that has waited longest goes, not the new
	 * one.  A client sends its headers at once, so the longest waiting
	 * are the slow ones; refusing newcomers instead would let a handful
	 * of addresses that keep the pool full shut everyone else out.
	 */
	if (ok && g->pending >= g->max_pending && oldest)
		shut(g, oldest);
	pthread_mutex_unlock(&g->mu);
	return ok;
}

struct conn_slot *conn_guard_open(struct conn_guard *g, int fd,
				  const struct sockaddr *sa)
{
	struct conn_slot *s;

	if (!g)
		return NULL;
	s = xcalloc(1, sizeof(*s));
	s->fd = fd;
	if (sa)
		memcpy(&s->addr, sa, addr_len(sa));
	pthread_mutex_lock(&g->mu);
	s->next = g->head;
	if (g->head)
		g->head->prev = s;
	g->head = s;
	set_pending(g, s, true);
	pthread_mutex_unlock(&g->mu);
	return s;
}

void conn_guard_pending(struct conn_guard *g, struct conn_slot *s, bool on)
{
	if (!g || !s)
		return;
	pthread_mutex_lock(&g->mu);
	set_pending(g, s, on);
	pthread_mutex_unlock(&g->mu);
}

void conn_guard_close(struct conn_guard *g, struct conn_slot *s)
{
	if (!g || !s)
		return;
	pthread_mutex_lock(&g->mu);
	set_pending(g, s, false);
	if (s->prev)
		s->prev->next = s->next;
	else
		g->head = s->next;
	if (s->next)
		s->next->prev = s->prev;
	pthread_mutex_unlock(&g->mu);
	free(s);
}

unsigned conn_guard_shut(const struct conn_guard *g)
{
	return g ? atomic_load(&((struct conn_guard *)g)->shut_count) : 0;
}
