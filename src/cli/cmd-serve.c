/*
 * cmd-serve.c: `cartref serve`, the web application and JSON API.
 *
 * Opens the store once first (creating or migrating it and loading the
 * geography, as every command does) so that the server threads' own
 * connections find it ready, then serves until SIGINT or SIGTERM.  The
 * signals are blocked before the server's threads start, so they
 * inherit the mask and only this thread, in sigwait(), ever sees them:
 * shutdown is an ordinary function call, not signal-handler code.
 *
 * --operator, --operator-cy and --contact-email name who runs this
 * deployment on the service pages (help, privacy, accessibility);
 * --demo marks it a demonstration with made-up children, which the phase
 * banner says and the sign-in page backs with the demo accounts
 * (docs/http.md, "Service pages").  web_server_start() checks them.
 *
 * Who is asking is the auth layer's business: web_auth (auth-hook.c,
 * web/session.h) is plugged into the router's hook here, once, before
 * any server thread exists.
 */
#include "base/compat.h"
#include "base/clock.h"
#include "base/uktime.h"
#include <pthread.h>
#include <signal.h>
#include "base/parse.h"
#include "auth/auth.h"
#include "cli/cli.h"
#include "web/server.h"
#include "web/session.h"

static int opt_unsigned(const char *name, const char *v, unsigned max,
			unsigned *out)
{
	int n;

	if (!v || parse_int(v, 1, (int)max, &n)) {
		fprintf(stderr, "cartref: serve: %s needs a number from 1 to %u\n",
			name, max);
		return -1;
	}
	*out = (unsigned)n;
	return 0;
}

int cmd_serve(struct cli *c, int argc, char **argv)
{
	struct web_config cfg = WEB_CONFIG_INIT;
	const char *names[WEB_NAMES_MAX];
	struct web_server *srv = NULL;
	struct store *store = NULL;
	struct err err = ERR_INIT;
	char shown[512];
	sigset_t stop;
	int sig, rc;

	cfg.alerts_every = 300;	/* the scheduled alerts run: 5 minutes */
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(a, "--listen") && v) {
			cfg.listen = v;
			i++;
		} else if (!strcmp(a, "--assets") && v) {
			cfg.assets = v;
			i++;
		} else if (!strcmp(a, "--threads")) {
			if (opt_unsigned(a, v, 64, &cfg.threads))
				return 2;
			i++;
		} else if (!strcmp(a, "--max-connections")) {
			if (opt_unsigned(a, v, 65536, &cfg.max_connections))
				return 2;
			i++;
		} else if (!strcmp(a, "--header-timeout")) {
			if (opt_unsigned(a, v, 600, &cfg.header_timeout))
				return 2;
			i++;
		} else if (!strcmp(a, "--max-pending-headers")) {
			if (opt_unsigned(a, v, 65536, &cfg.max_pending))
				return 2;
			i++;
		} else if (!strcmp(a, "--pending-headers-per-ip")) {
			if (opt_unsigned(a, v, 65536, &cfg.pending_per_ip))
				return 2;
			i++;
		} else if (!strcmp(a, "--public-name") && v) {
			if (cfg.nnames == WEB_NAMES_MAX) {
				fprintf(stderr, "cartref: serve: --public-name: "
					"at most %d names\n", WEB_NAMES_MAX);
				return 2;
			}
			names[cfg.nnames++] = v;
			cfg.names = names;
			i++;
		} else if (!strcmp(a, "--alerts-every")) {
			int n;

			if (!v || parse_int(v, 0, 86400, &n)) {
				fprintf(stderr, "cartref: serve: --alerts-every "
					"needs seconds from 0 (off) to 86400\n");
				return 2;
			}
			cfg.alerts_every = (unsigned)n;
			i++;
		} else if (!strcmp(a, "--operator") && v) {
			cfg.operator_en = v;
			i++;
		} else if (!strcmp(a, "--operator-cy") && v) {
			cfg.operator_cy = v;
			i++;
		} else if (!strcmp(a, "--contact-email") && v) {
			cfg.contact_email = v;
			i++;
		} else if (!strcmp(a, "--demo")) {
			cfg.demo = true;
		} else if (!strcmp(a, "--public")) {
			cfg.public_ok = true;
		} else if (!strcmp(a, "--behind-tls")) {
			cfg.behind_tls = true;
		} else if (!strcmp(a, "--trust-proxy")) {
			cfg.trust_proxy = true;
		} else if (!strcmp(a, "--quiet")) {
			cfg.quiet = true;
		} else {
			fprintf(stderr, "cartref: serve: unknown option %s\n", a);
			return cli_usage(cli_usage_of("serve"), true);
		}
	}
	cfg.db = c->db;

	if (auth_init(&err))
		return cli_fail(&err);
	rc = cli_open_store(c, &store);
	if (rc)
		return rc;
	store_close(store);
	web_auth_hook = web_auth;	/* sessions, CSRF, API tokens */

	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);

	if (web_server_start(&cfg, &srv, &err)) {
		rc = cli_fail(&err);
		return err.code == ERR_USAGE ? 2 : rc;
	}
	if (clock_moved()) {
		char at[UK_TEXT_MAX];

		uk_time_text(clock_now_ms(), false, at, sizeof(at));
		fprintf(stderr, "cartref: the clock is moved by CARTREF_CLOCK_OFFSET: "
			"it is %s (UK time) here\n", at);
	}
	store_location_shown(c->db, shown, sizeof(shown));
	printf("cartref: serving %s on %s (Ctrl-C stops)\n", shown,
	       web_server_url(srv));
	fflush(stdout);
	do {
		rc = sigwait(&stop, &sig);
	} while (rc == EINTR);
	fprintf(stderr, "cartref: stopping (signal %d)\n", sig);
	web_server_stop(srv);
	return 0;
}
