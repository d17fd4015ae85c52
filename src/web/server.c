/*
 * server.c: libmicrohttpd glue.  The only file that includes
 * microhttpd.h: it fills a struct request from a connection, runs
 * web_dispatch(), and sends the struct response back.
 *
 * Threads.  The daemon runs its own threads (MHD_USE_INTERNAL_POLLING_
 * THREAD), each with its own epoll set (MHD_USE_EPOLL; poll where epoll
 * is missing), THREADS_PER_CPU per CPU (MHD_OPTION_THREAD_POOL_SIZE:
 * a view of a child blocks its thread until the audit writer's commit).
 * Handlers run in those threads, so everything they share is read-only
 * once serving (route table, assets), per thread (web_store()) or the
 * audit writer, whose leader writes on its own thread's store (auth/audit.h).
 *
 * One request, start to end:
 *
 *   on_uri()        MHD has read the request line: allocate the
 *                   request's state (struct exchange), keep the target
 *                   exactly as sent (MHD_OPTION_URI_LOG_CALLBACK; its
 *                   return value becomes *con_cls).
 *   on_request() #1 the headers are in: method, target, cookies,
 *                   language, client address.  Nothing is queued, so
 *                   the connection can be kept alive (a response queued
 *                   on the first call makes MHD close the connection
 *                   after it; the one exception is a Content-Length over
 *                   the body limit, answered 413 at once precisely so
 *                   that the body is never read).
 *   on_request() #2..n-1  body data, kept up to HTTP_BODY_MAX.
 *   on_request() #n the body is complete (*upload_data_size == 0):
 *                   route, check, handle, queue the response.
 *   on_completed()  MHD has sent it (or the connection died): one
 *                   access log line, free everything.
 *
 * Limits that MHD enforces for us: the request line and headers must fit
 * in the connection's memory (MHD_OPTION_CONNECTION_MEMORY_LIMIT; it
 * answers 414 or 431 itself), idle connections are closed after the
 * timeout, and connections are capped in all and per client address.
 */
#include "base/compat.h"
#include <arpa/inet.h>
#include <inttypes.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include "base/parse.h"
#include "base/xalloc.h"
#include "auth/audit.h"
#include "store/store-core.h"
#include "web/server.h"
#include "web/web-internal.h"

/* Request line and headers must fit in this (MHD answers 414/431). */
#define HTTP_CONN_MEMORY ((size_t)16 * 1024)
/*
 * A chunked body that passes HTTP_BODY_MAX is read and dropped up to
 * this, then answered 413; past it the connection is cut.
 */
#define HTTP_DISCARD_MAX ((size_t)1024 * 1024)
/* Longest path written to the access log. */
#define LOG_PATH_MAX 200

struct web_server {
	struct MHD_Daemon *d;
	struct web_app app;
	struct conn_guard *guard;	/* connections waiting for headers */
	const char *const *names;	/* --public-name, or none */
	size_t nnames;
	struct audit_writer *audit;	/* group commit of views' rows */
	struct web_alerts *alerts;	/* the scheduled alerts run, or NULL */
	bool quiet;
	char url[80];
};

/* One request and its response: MHD's *con_cls. */
struct exchange {
	struct request req;
	struct response res;
	struct timespec t0;
	char *raw;		/* the target as sent, cut after the limit */
	bool started;		/* the first on_request() call has been */
	bool at_once;		/* answer before the body, then close */
	size_t discarded;	/* body bytes dropped */
	int status;		/* the status sent, 0 before */
};

static const char *lookup(struct MHD_Connection *c, const char *name)
{
	return MHD_lookup_connection_value(c, MHD_HEADER_KIND, name);
}

static const char *mhd_header(void *ctx, const char *name)
{
	return lookup(ctx, name);
}

static void *on_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
	struct web_server *srv = cls;
	struct exchange *x = xmalloc(sizeof(*x));	/* fields set below */

	(void)c;
	x->started = false;
	x->at_once = false;
	x->discarded = 0;
	x->status = 0;
	clock_gettime(CLOCK_MONOTONIC, &x->t0);
	request_init(&x->req, &srv->app);
	res_init(&x->res);
	/* one byte past the limit is enough to know it is too long */
	x->raw = xstrndup(uri ? uri : "", HTTP_TARGET_MAX + 1);
	return x;
}

static bool ip_loopback(const struct sockaddr *sa)
{
	if (sa->sa_family == AF_INET) {
		const struct sockaddr_in *in = (const void *)sa;

		return (ntohl(in->sin_addr.s_addr) >> 24) == 127;
	}
	if (sa->sa_family == AF_INET6) {
		const struct sockaddr_in6 *in6 = (const void *)sa;

		return IN6_IS_ADDR_LOOPBACK(&in6->sin6_addr);
	}
	return false;
}

/* The last address in X-Forwarded-For, if it is one. */
static void forwarded_for(struct request *req, const char *xff)
{
	const char *last = strrchr(xff, ',');
	char ip[sizeof(req->client_ip)];
	unsigned char bin[sizeof(struct in6_addr)];
	size_t n;

	last = last ? last + 1 : xff;
	while (*last == ' ' || *last == '\t')
		last++;
	n = strcspn(last, " \t");
	if (n == 0 || n >= sizeof(ip))
		return;
	memcpy(ip, last, n);
	ip[n] = '\0';
	if (inet_pton(AF_INET, ip, bin) == 1 || inet_pton(AF_INET6, ip, bin) == 1)
		memcpy(req->client_ip, ip, n + 1);
}

static void client_address(struct web_server *srv, struct request *req,
			   struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	const struct sockaddr *sa = ci ? ci->client_addr : NULL;

	req->tls = srv->app.behind_tls;
	if (!sa)
		return;
	if (sa->sa_family == AF_INET) {
		const struct sockaddr_in *in = (const void *)sa;

		inet_ntop(AF_INET, &in->sin_addr, req->client_ip,
			  sizeof(req->client_ip));
	} else if (sa->sa_family == AF_INET6) {
		const struct sockaddr_in6 *in6 = (const void *)sa;

		inet_ntop(AF_INET6, &in6->sin6_addr, req->client_ip,
			  sizeof(req->client_ip));
	}
	if (srv->app.trust_proxy && ip_loopback(sa)) {
		const char *proto = lookup(c, "X-Forwarded-Proto");
		const char *xff = lookup(c, "X-Forwarded-For");

		if (proto && !strcasecmp(proto, "https"))
			req->tls = true;
		if (xff)
			forwarded_for(req, xff);
	}
}

/* Headers that must come at most once: MHD's lookup gives the first of
 * several, which another reader (a proxy, a log) might not. */
struct once_count {
	unsigned authorization;
	unsigned content_length;
	unsigned transfer_encoding;
	unsigned host;
};

static enum MHD_Result count_header(void *cls, enum MHD_ValueKind kind,
				    const char *key, const char *value)
{
	struct once_count *n = cls;

	(void)kind;
	(void)value;
	if (!key)
		return MHD_YES;
	if (!strcasecmp(key, "Authorization"))
		n->authorization++;
	else if (!strcasecmp(key, "Content-Length"))
		n->content_length++;
	else if (!strcasecmp(key, "Transfer-Encoding"))
		n->transfer_encoding++;
	else if (!strcasecmp(key, "Host"))
		n->host++;
	return MHD_YES;
}

/*
 * Framing that two readers could take two ways (RFC 9112, 6.3): a length
 * and chunks, two lengths, two Transfer-Encodings, two Hosts.  nginx in
 * front never sends them; a client that reaches the server directly and
 * does is refused, and its connection closed (answered at once, before
 * the body, so nothing it sent after is read as another request).
 * libmicrohttpd accepts all of them by itself.
 */
static bool framing_ambiguous(const struct once_count *n)
{
	return n->content_length > 1 || n->transfer_encoding > 1 ||
	       (n->content_length && n->transfer_encoding) || n->host > 1;
}

/*
 * Is Host one of the names this server answers to (--public-name)?
 * The name, any case, with or without a port; any Host when none is
 * configured.  A request for another name (DNS rebinding, a stray
 * virtual host) is refused.
 */
static bool host_ok(const struct web_server *srv, const char *host)
{
	size_t n;

	if (!srv->nnames)
		return true;
	if (!host)
		return false;
	n = strcspn(host, ":");
	if (host[0] == '[')	/* [IPv6]:port */
		n = strcspn(host, "]") + 1;
	if (host[n] == ':' && (!host[n + 1] ||
			       strspn(host + n + 1, "0123456789") !=
			       strlen(host + n + 1)))
		return false;
	if (host[n] != '\0' && host[n] != ':')
		return false;
	for (size_t i = 0; i < srv->nnames; i++)
		if (strlen(srv->names[i]) == n &&
		    !strncasecmp(srv->names[i], host, n))
			return true;
	return false;
}

/* The first call: everything the headers tell. */
static void begin(struct web_server *srv, struct exchange *x,
		  struct MHD_Connection *c, const char *method)
{
	struct request *req = &x->req;
	const char *cl = lookup(c, "Content-Length");
	struct once_count once = { 0 };
	int64_t len;

	request_set_method(req, method);
	client_address(srv, req, c);
	request_set_target(req, x->raw);
	request_set_cookies(req, lookup(c, "Cookie"));
	request_set_content_type(req, lookup(c, "Content-Type"));
	request_choose_lang(req, lookup(c, "Accept-Language"));
	if (cl && !parse_i64(cl, 0, INT64_MAX, &len) && len > HTTP_BODY_MAX)
		req->status = 413;
	MHD_get_connection_values(c, MHD_HEADER_KIND, count_header, &once);
	if (framing_ambiguous(&once) || !host_ok(srv, lookup(c, "Host"))) {
		req->status = 400;	/* at once, and the connection closed */
		x->at_once = true;
	}
	/* two credentials: which one is meant? (issue 10, item 5) */
	if (!req->status && once.authorization > 1)
		req->status = 400;
}

struct header_ctx {
	struct MHD_Response *r;
	bool ok;
};

static void add_header(void *ctx, const char *name, const char *value)
{
	struct header_ctx *h = ctx;

	if (MHD_add_response_header(h->r, name, value) != MHD_YES)
		h->ok = false;
}

static enum MHD_Result reply(struct MHD_Connection *c, struct exchange *x)
{
	struct response *res = &x->res;
	struct MHD_Response *r;
	struct header_ctx h;
	enum MHD_Result ret;

	res_finish(&x->req, res);
	if (res->data) {
		r = MHD_create_response_from_buffer(res->data_len,
						    (void *)res->data,
						    MHD_RESPMEM_PERSISTENT);
	} else {
		size_t n;
		char *body = buf_detach(&res->body, &n);

		r = MHD_create_response_from_buffer(n, body,
						    MHD_RESPMEM_MUST_FREE);
		if (!r)
			free(body);
	}
	if (!r)
		return MHD_NO;
	h.r = r;
	h.ok = true;
	res_each_header(&x->req, res, add_header, &h);
	ret = h.ok ? MHD_queue_response(c, (unsigned)res->status, r) : MHD_NO;
	MHD_destroy_response(r);
	if (ret == MHD_YES)
		x->status = res->status;
	return ret;
}

/*
 * This thread's views of children are audited through the server's
 * writer (group commit, audit.h), for this thread's own store only.
 * Opening the store here rather than in the handler costs nothing after
 * the thread's first request; a store that cannot be opened is the
 * handler's to report.
 */
static void bind_audit(struct web_server *srv, struct request *req)
{
	struct err err = ERR_INIT;
	struct store *s;

	if (!srv->audit)
		return;
	s = web_store(req, &err);
	if (s && audit_writer_bound(s) != srv->audit)
		audit_writer_bind(srv->audit, s);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c,
				  const char *url, const char *method,
				  const char *version, const char *upload_data,
				  size_t *upload_data_size, void **con_cls)
{
	struct web_server *srv = cls;
	struct exchange *x = *con_cls;

	(void)version;
	if (!x)		/* on_uri() always runs first; this is a safety net */
		*con_cls = x = on_uri(srv, url, c);
	x->req.header_fn = mhd_header;
	x->req.header_ctx = c;
	if (!x->started) {
		const union MHD_ConnectionInfo *ci = MHD_get_connection_info(
			c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);

		x->started = true;
		/* its headers are in: no longer bound by their deadline */
		conn_guard_pending(srv->guard, ci ? ci->socket_context : NULL,
				   false);
		begin(srv, x, c, method);
		if (x->req.status == 413 || x->at_once) {	/* at once: skip
								 * the body */
			web_dispatch(web_routes, web_nroutes, &x->req, &x->res);
			return reply(c, x);
		}
		return MHD_YES;	/* headers only: answer on a later call */
	}
	if (*upload_data_size) {
		size_t n = *upload_data_size;

		*upload_data_size = 0;
		if (!x->req.status) {
			if (!buf_add(&x->req.body, upload_data, n))
				return MHD_YES;
			x->req.status = 413;
		}
		x->discarded += n;
		return x->discarded > HTTP_DISCARD_MAX ? MHD_NO : MHD_YES;
	}
	bind_audit(srv, &x->req);
	web_dispatch(web_routes, web_nroutes, &x->req, &x->res);
	return reply(c, x);
}

/*
 * The access log is written on every request, so it is built in a stack
 * buffer with no printf and no allocation, and the timestamp is
 * formatted once a second per thread.
 */
struct line {
	char buf[LOG_PATH_MAX * 3 + 128];
	size_t len;
};

static void put(struct line *l, const char *s, size_t n)
{
	if (n > sizeof(l->buf) - l->len)
		n = sizeof(l->buf) - l->len;
	memcpy(l->buf + l->len, s, n);
	l->len += n;
}

static void puts_(struct line *l, const char *s)
{
	put(l, s, strlen(s));
}

static void put_uint(struct line *l, unsigned long long n)
{
	char tmp[24];
	size_t i = sizeof(tmp);

	do {
		tmp[--i] = (char)('0' + n % 10);
		n /= 10;
	} while (n);
	put(l, tmp + i, sizeof(tmp) - i);
}

/*
 * The path as sent, without the query string (which may carry personal
 * data: it is never logged, nor are cookies or bodies), with anything
 * but printable ASCII as %XX so that a line cannot be forged.
 */
static void put_path(struct line *l, const char *raw)
{
	static const char hex[] = "0123456789ABCDEF";

	for (size_t i = 0; raw[i] && raw[i] != '?'; i++) {
		unsigned char ch = (unsigned char)raw[i];

		if (i >= LOG_PATH_MAX) {
			puts_(l, "...");
			break;
		}
		if (ch <= 0x20 || ch >= 0x7f || ch == '"' || ch == '\\') {
			char e[3] = { '%', hex[ch >> 4], hex[ch & 15] };

			put(l, e, 3);
		} else {
			put(l, (const char *)&ch, 1);
		}
	}
}

static void access_log(const struct exchange *x,
		       enum MHD_RequestTerminationCode toe)
{
	static _Thread_local time_t ts_sec = -1;
	static _Thread_local char ts[32];
	struct line l;
	struct timespec t1;
	time_t now = time(NULL);
	long long us;

	if (now != ts_sec) {
		struct tm tm;

		gmtime_r(&now, &tm);
		strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%SZ ", &tm);
		ts_sec = now;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	us = (long long)(t1.tv_sec - x->t0.tv_sec) * 1000000 +
	     (t1.tv_nsec - x->t0.tv_nsec) / 1000;
	if (us < 0)
		us = 0;
	l.len = 0;
	puts_(&l, ts);
	puts_(&l, x->req.method_name[0] ? x->req.method_name : "-");
	put(&l, " ", 1);
	put_path(&l, x->raw);
	put(&l, " ", 1);
	if (x->status)
		put_uint(&l, (unsigned)x->status);
	else
		put(&l, "-", 1);
	put(&l, " ", 1);
	put_uint(&l, (unsigned long long)us / 1000);
	put(&l, ".", 1);
	put_uint(&l, (unsigned long long)us / 100 % 10);
	puts_(&l, "ms");
	switch (toe) {
	case MHD_REQUEST_TERMINATED_COMPLETED_OK:
		break;
	case MHD_REQUEST_TERMINATED_TIMEOUT_REACHED:
		puts_(&l, " (timed out)");
		break;
	case MHD_REQUEST_TERMINATED_CLIENT_ABORT:
		puts_(&l, " (client closed)");
		break;
	case MHD_REQUEST_TERMINATED_DAEMON_SHUTDOWN:
		puts_(&l, " (shutdown)");
		break;
	default:
		puts_(&l, " (connection error)");
		break;
	}
	if (l.len == sizeof(l.buf))
		l.len--;
	l.buf[l.len++] = '\n';
	/* one write(2) per line: whole lines, no stdio lock between threads */
	if (write(STDERR_FILENO, l.buf, l.len) < 0)
		(void)0;	/* nowhere to report it */
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	struct web_server *srv = cls;
	struct exchange *x = *con_cls;
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);

	/* kept alive: the next request's headers have a deadline too */
	conn_guard_pending(srv->guard, ci ? ci->socket_context : NULL, true);
	if (!x)
		return;
	if (!srv->quiet)
		access_log(x, toe);
	x->req.header_fn = NULL;
	request_release(&x->req);
	res_release(&x->res);
	free(x->raw);
	free(x);
	*con_cls = NULL;
}

/*
 * Is the connection from the trusted proxy (--trust-proxy, a loopback
 * peer)?  nginx sends a request's headers whole, once it has them all
 * (its client_header_timeout bounds the slow clients, docs/http.md), and
 * keeps idle connections open for the next request: the guard on
 * connections waiting for headers is not for it.
 */
static bool from_proxy(const struct web_server *srv, const struct sockaddr *sa)
{
	return srv->app.trust_proxy && sa && ip_loopback(sa);
}

/* At accept: refused when too many connections wait for headers. */
static enum MHD_Result on_accept(void *cls, const struct sockaddr *addr,
				 socklen_t addrlen)
{
	struct web_server *srv = cls;

	(void)addrlen;
	if (from_proxy(srv, addr))
		return MHD_YES;
	return conn_guard_admit(srv->guard, addr) ? MHD_YES : MHD_NO;
}

static void on_connection(void *cls, struct MHD_Connection *c,
			  void **socket_context,
			  enum MHD_ConnectionNotificationCode toe)
{
	struct web_server *srv = cls;

	if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
		const union MHD_ConnectionInfo *fd = MHD_get_connection_info(
			c, MHD_CONNECTION_INFO_CONNECTION_FD);
		const union MHD_ConnectionInfo *ca = MHD_get_connection_info(
			c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);

		const struct sockaddr *sa = ca ? ca->client_addr : NULL;

		*socket_context = fd && !from_proxy(srv, sa) ?
			conn_guard_open(srv->guard, fd->connect_fd, sa) : NULL;
	} else if (toe == MHD_CONNECTION_NOTIFY_CLOSED) {
		/* before MHD closes the socket: see conn-guard.c */
		conn_guard_close(srv->guard, *socket_context);
		*socket_context = NULL;
	}
}

/* Keep the URL as sent: request.c decodes it, strictly, once. */
static size_t no_unescape(void *cls, struct MHD_Connection *c, char *s)
{
	(void)cls;
	(void)c;
	return strlen(s);
}

__attribute__((format(printf, 2, 0)))
static void on_mhd_log(void *cls, const char *fmt, va_list ap)
{
	(void)cls;
	fputs("cartref: http: ", stderr);
	vfprintf(stderr, fmt, ap);
}

/* ---- the per-thread store ---------------------------------------------- */

static void close_store(void *s)
{
	store_close(s);
}

struct store *web_store(struct request *req, struct err *err)
{
	struct web_app *app = req->app;
	struct store *s;

	if (!app || !app->store_key_ok || !app->db) {
		err_set(err, ERR_STORE, "no store in this server");
		return NULL;
	}
	s = pthread_getspecific(app->store_key);
	if (s)
		return s;
	if (store_open(&s, app->db, err))
		return NULL;
	if (pthread_setspecific(app->store_key, s)) {
		store_close(s);
		err_set(err, ERR_STORE, "cannot keep the store for this thread");
		return NULL;
	}
	return s;
}

/* ---- start and stop ---------------------------------------------------- */

struct listen_addr {
	struct sockaddr_storage ss;
	bool v6;
	bool loopback;
	int port;
	char host[INET6_ADDRSTRLEN];
};

static int parse_listen(const char *s, struct listen_addr *a, struct err *err)
{
	char host[INET6_ADDRSTRLEN + 2];
	const char *port;
	size_t hlen;

	memset(a, 0, sizeof(*a));
	if (s[0] == '[') {
		const char *close = strchr(s, ']');

		if (!close || close[1] != ':')
			goto bad;
		hlen = (size_t)(close - s - 1);
		if (hlen >= sizeof(host))
			goto bad;
		memcpy(host, s + 1, hlen);
		port = close + 2;
		a->v6 = true;
	} else {
		const char *colon = strrchr(s, ':');

		if (!colon)
			goto bad;
		hlen = (size_t)(colon - s);
		if (hlen >= sizeof(host))
			goto bad;
		memcpy(host, s, hlen);
		port = colon + 1;
	}
	host[hlen] = '\0';
	if (parse_int(port, 1, 65535, &a->port))
		goto bad;
	if (!strcmp(host, "localhost"))
		str_copy(host, sizeof(host), "127.0.0.1");
	if (a->v6) {
		struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&a->ss;

		in6->sin6_family = AF_INET6;
		in6->sin6_port = htons((uint16_t)a->port);
		if (inet_pton(AF_INET6, host, &in6->sin6_addr) != 1)
			goto bad;
	} else {
		struct sockaddr_in *in = (struct sockaddr_in *)&a->ss;

		in->sin_family = AF_INET;
		in->sin_port = htons((uint16_t)a->port);
		if (inet_pton(AF_INET, host, &in->sin_addr) != 1)
			goto bad;
	}
	a->loopback = ip_loopback((const struct sockaddr *)&a->ss);
	str_copy(a->host, sizeof(a->host), host);
	return 0;
bad:
	return err_set(err, ERR_USAGE, "--listen %s: expected ADDRESS:PORT with "
		       "a numeric IPv4 address, [IPv6] or localhost", s);
}

/*
 * Threads per CPU.  A view of a child blocks its thread until the commit
 * that holds its audit row (group commit, audit.h), so with one thread
 * per CPU a CPU would idle during that wait.  On 2 CPUs shared with wrk
 * (docs/benchmarks.md), 8 threads did best of 2, 4, 8 and 16.
 */
#define THREADS_PER_CPU 4

static unsigned cpu_count(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 64 ? 64 : (unsigned)n;
}

/*
 * The operator's names and contact address, shown on every service
 * page: plain text of bounded length (escaped where written), and an
 * address that can only be an address.  ERR_USAGE naming the option.
 */
static int check_operator(const struct web_config *cfg, struct err *err)
{
	const char *names[2] = { cfg->operator_en, cfg->operator_cy };
	const char *opts[2] = { "--operator", "--operator-cy" };
	const char *e = cfg->contact_email;

	if (cfg->operator_cy && !cfg->operator_en)
		return err_set(err, ERR_USAGE, "--operator-cy needs --operator "
			       "(the name in English)");
	for (int i = 0; i < 2; i++) {
		const char *v = names[i];
		size_t n = v ? strlen(v) : 0;

		if (!v)
			continue;
		if (!n || n > WEB_OPERATOR_MAX || !utf8_valid(v, n))
			return err_set(err, ERR_USAGE, "%s: a name of 1 to %d "
				       "bytes of UTF-8 text", opts[i],
				       WEB_OPERATOR_MAX);
		for (size_t j = 0; j < n; j++)
			if ((unsigned char)v[j] < 0x20 || v[j] == 0x7f)
				return err_set(err, ERR_USAGE, "%s: no control "
					       "characters", opts[i]);
	}
	if (e) {
		const char *at = strchr(e, '@');
		size_t n = strlen(e);
		bool ok = at && at != e && at[1] && !strchr(at + 1, '@') &&
			  strchr(at + 1, '.') && n <= WEB_EMAIL_MAX;

		for (size_t j = 0; ok && j < n; j++)
			ok = e[j] > 0x20 && e[j] < 0x7f &&
			     !strchr("<>\"'(),;:[]\\`", e[j]);
		if (!ok)
			return err_set(err, ERR_USAGE, "--contact-email: an "
				       "address like help@example.org (at most "
				       "%d characters, no spaces or quotes)",
				       WEB_EMAIL_MAX);
	}
	return 0;
}

/* --public-name: host names, as DNS has them (no port, no brackets). */
static int check_names(const struct web_config *cfg, struct err *err)
{
	if (cfg->nnames > WEB_NAMES_MAX)
		return err_set(err, ERR_USAGE, "--public-name: at most %d names",
			       WEB_NAMES_MAX);
	for (size_t i = 0; i < cfg->nnames; i++) {
		const char *n = cfg->names[i];
		size_t len = strlen(n);

		if (!len || len > WEB_NAME_MAX ||
		    strspn(n, "abcdefghijklmnopqrstuvwxyz"
			   "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-") != len)
			return err_set(err, ERR_USAGE, "--public-name %s: a host "
				       "name such as cartref.example.org (letters, "
				       "digits, '.' and '-', at most %d)", n,
				       WEB_NAME_MAX);
	}
	return 0;
}

int web_server_start(const struct web_config *cfg, struct web_server **out,
		     struct err *err)
{
	struct web_server *srv = xcalloc(1, sizeof(*srv));
	struct listen_addr la;
	char root[4096];
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG |
			 MHD_USE_TURBO;
	unsigned threads = cfg->threads ? cfg->threads :
			   THREADS_PER_CPU * cpu_count();
	struct MHD_OptionItem pool[] = {
		{ MHD_OPTION_END, 0, NULL }, { MHD_OPTION_END, 0, NULL },
	};
	int rc;

	*out = NULL;
	rc = parse_listen(cfg->listen, &la, err);
	if (rc)
		goto out;
	if (!la.loopback && !cfg->public_ok) {
		rc = err_set(err, ERR_DENIED, "refusing to listen on %s: not a "
			     "loopback address.  Put a TLS proxy in front "
			     "(docs/http.md) and give --public to mean it",
			     cfg->listen);
		goto out;
	}
	rc = router_check(web_routes, web_nroutes, err);
	if (!rc)
		rc = check_operator(cfg, err);
	if (rc)
		goto out;
	if (cfg->assets)
		rc = str_copy(root, sizeof(root), cfg->assets) ?
		     err_set(err, ERR_TOO_LARGE, "--assets: path too long") : 0;
	else
		rc = assets_find_root(root, sizeof(root), err);
	if (!rc)
		rc = assets_load(&srv->app.assets, root, err);
	if (rc)
		goto out;
	srv->app.db = cfg->db;
	srv->app.behind_tls = cfg->behind_tls;
	srv->app.trust_proxy = cfg->trust_proxy;
	srv->app.demo = cfg->demo;
	srv->app.operator_en = cfg->operator_en;
	srv->app.operator_cy = cfg->operator_cy ? cfg->operator_cy :
			       cfg->operator_en;
	srv->app.contact_email = cfg->contact_email;
	srv->quiet = cfg->quiet;
	if (pthread_key_create(&srv->app.store_key, close_store)) {
		rc = err_set(err, ERR_IO, "pthread_key_create failed");
		goto out;
	}
	srv->app.store_key_ok = true;
	srv->audit = audit_writer_new();

	if (MHD_is_feature_supported(MHD_FEATURE_EPOLL) == MHD_YES)
		flags |= MHD_USE_EPOLL;
	else if (MHD_is_feature_supported(MHD_FEATURE_POLL) == MHD_YES)
		flags |= MHD_USE_POLL;
	if (la.v6)
		flags |= MHD_USE_IPv6;
	rc = check_names(cfg, err);
	if (!rc)
		rc = conn_guard_new((cfg->header_timeout ? cfg->header_timeout :
				     WEB_HEADER_TIMEOUT) * 1000u,
				    cfg->max_pending ? cfg->max_pending :
				    WEB_MAX_PENDING,
				    cfg->pending_per_ip ? cfg->pending_per_ip :
				    WEB_PENDING_PER_IP, &srv->guard, err);
	if (rc)
		goto out;
	srv->names = cfg->names;
	srv->nnames = cfg->nnames;
	/* one thread is no pool: libmicrohttpd warns of a pool of 0 or 1 */
	if (threads > 1)
		pool[0] = (struct MHD_OptionItem){ MHD_OPTION_THREAD_POOL_SIZE,
						   threads, NULL };
	srv->d = MHD_start_daemon(
		flags, (uint16_t)la.port, on_accept, srv, on_request, srv,
		MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log, NULL,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&la.ss,
		MHD_OPTION_ARRAY, pool,
		MHD_OPTION_CONNECTION_LIMIT,
		cfg->max_connections ? cfg->max_connections : 1024u,
		MHD_OPTION_PER_IP_CONNECTION_LIMIT,
		cfg->per_ip ? cfg->per_ip : 256u,
		MHD_OPTION_CONNECTION_TIMEOUT, cfg->timeout ? cfg->timeout : 30u,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, HTTP_CONN_MEMORY,
		MHD_OPTION_STRICT_FOR_CLIENT, 1,
		MHD_OPTION_URI_LOG_CALLBACK, on_uri, srv,
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, srv,
		MHD_OPTION_NOTIFY_CONNECTION, on_connection, srv,
		MHD_OPTION_UNESCAPE_CALLBACK, no_unescape, NULL,
		MHD_OPTION_END);
	if (!srv->d) {
		rc = err_set(err, ERR_IO, "cannot listen on %s", cfg->listen);
		goto out;
	}
	rc = web_alerts_start(cfg->db, cfg->alerts_every, &srv->alerts, err);
	if (rc)
		goto out;
	snprintf(srv->url, sizeof(srv->url), la.v6 ? "http://[%s]:%d/" :
		 "http://%s:%d/", la.host, la.port);
	*out = srv;
out:
	if (rc)
		web_server_stop(srv);
	return rc;
}

const char *web_server_url(const struct web_server *s)
{
	return s->url;
}

void web_server_stop(struct web_server *s)
{
	if (!s)
		return;
	web_alerts_stop(s->alerts);	/* lets a run finish, joins it */
	if (s->d)
		MHD_stop_daemon(s->d);
	conn_guard_free(s->guard);	/* every connection is closed now */
	/* after the threads that append through it */
	if (s->audit && !s->quiet) {
		int64_t rows, commits;

		audit_writer_stats(s->audit, &rows, &commits);
		fprintf(stderr, "cartref: audit: %" PRId64 " views of children "
			"written in %" PRId64 " transactions\n", rows, commits);
	}
	audit_writer_free(s->audit);
	if (s->app.store_key_ok)
		pthread_key_delete(s->app.store_key);
	assets_release(&s->app.assets);
	free(s);
}
