/*
 * server.h: the HTTP server behind `cartref serve` (libmicrohttpd:
 * internal epoll threads in a pool, keep-alive, limits; see
 * docs/http.md).
 *
 *	struct web_config cfg = WEB_CONFIG_INIT;
 *	struct web_server *srv;
 *
 *	cfg.db = "cartref.db";
 *	if (web_server_start(&cfg, &srv, &err)) ...;
 *	... wait for SIGINT or SIGTERM ...
 *	web_server_stop(srv);
 *
 * The server runs in its own threads; start and stop are called from
 * one thread.  Requests in flight when stop is called are cut off.
 */
#ifndef CARTREF_WEB_SERVER_H
#define CARTREF_WEB_SERVER_H

#include "base/compat.h"
#include "base/err.h"

struct web_config {
	const char *listen;	/* "127.0.0.1:8080", "[::1]:8080",
				   "localhost:8080" */
	const char *db;		/* the store, opened once per server thread */
	const char *assets;	/* directory with node_modules/govuk-frontend
				   and src/web/static; NULL: found */
	bool public_ok;		/* allow an address that is not loopback */
	bool behind_tls;	/* a TLS proxy is in front: Secure cookies, HSTS */
	bool trust_proxy;	/* believe X-Forwarded-For/-Proto from loopback */
	bool quiet;		/* no access log */
	unsigned threads;	/* 0: 4 per CPU (server.c) */
	unsigned max_connections;	/* 0: 1024 */
	unsigned per_ip;	/* connections per client address; 0: 256 */
	unsigned timeout;	/* idle seconds before a connection is closed;
				   0: 30 */
	/* seconds between scheduled alerts runs (alerts-tick.c); 0: none */
	unsigned alerts_every;
	/*
	 * Who runs this deployment, as the service pages (/help, /privacy,
	 * /accessibility) name them, in English and Welsh, and the address
	 * people write to; NULL: the demonstration's (WEB_OPERATOR_*).
	 * Welsh NULL with English given: the English name.
	 */
	const char *operator_en;
	const char *operator_cy;
	const char *contact_email;
	/* a demonstration with made-up children: the phase banner says so
	 * and the sign-in page lists the demo accounts */
	bool demo;
	/*
	 * Connections still sending a request's headers (conn-guard.c):
	 * seconds they may take (from accept, or from the previous answer
	 * on a kept-alive connection; 0: WEB_HEADER_TIMEOUT), and how many
	 * may be waiting in all and from one address (0: the defaults).
	 */
	unsigned header_timeout;
	unsigned max_pending;
	unsigned pending_per_ip;
	/* --public-name: the names (Host) this server answers to, checked
	 * on every request when there is one; NULL: any */
	const char *const *names;
	size_t nnames;
};

#define WEB_CONFIG_INIT { "127.0.0.1:8080", "cartref.db", NULL, false, false, \
			  false, false, 0, 0, 0, 0, 0, NULL, NULL, NULL, \
			  false, 0, 0, 0, NULL, 0 }

/* The defaults of the limits on connections waiting for headers. */
#define WEB_HEADER_TIMEOUT 10
#define WEB_MAX_PENDING 256
#define WEB_PENDING_PER_IP 64
/* --public-name: at most this many, each at most this long. */
#define WEB_NAMES_MAX 8
#define WEB_NAME_MAX 253

/* The operator and contact address when none is given (a demonstration). */
#define WEB_OPERATOR_EN "the cartref demonstration team"
#define WEB_OPERATOR_CY "t\xc3\xaem arddangos cartref"
#define WEB_CONTACT_EMAIL "help@demo.cartref.wales"
/* Longest operator name and contact address taken. */
#define WEB_OPERATOR_MAX 200
#define WEB_EMAIL_MAX 254

struct web_server;

int web_server_start(const struct web_config *cfg, struct web_server **out,
		     struct err *err);
/* "http://127.0.0.1:8080/" */
const char *web_server_url(const struct web_server *s);
void web_server_stop(struct web_server *s);

#endif
