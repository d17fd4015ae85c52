/* cmd-import.c: `cartref import 903|homes|dir` (see the usage in main.c). */
#include "base/compat.h"
#include <getopt.h>
#include <time.h>
#include "base/parse.h"
#include "cli/cli.h"
#include "ingest/import.h"

#define DIAGS_SHOWN 1000

static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int report(const struct import_counts *c, struct diags *d, bool check,
		  double secs, int rc, const struct err *err)
{
	if (rc) {
		diags_print(d, stderr, DIAGS_SHOWN);
		return cli_fail(err);
	}
	if (d->n) {
		diags_print(d, stderr, DIAGS_SHOWN);
		fprintf(stderr, "cartref: %zu problem%s found; nothing was "
			"written\n", d->n, d->n == 1 ? "" : "s");
		return 1;
	}
	if (c->returns || check) {
		if (c->rpc_on_start)
			printf("REASON_PLACE_CHANGE moved from the starting "
			       "episode (--rpc-on-start): %ld moved, %ld "
			       "dropped (no earlier episode in the return)\n",
			       c->rpc_moved, c->rpc_dropped);
		else
			printf("REASON_PLACE_CHANGE read on the ending "
			       "episode (DfE)\n");
	}
	if (check) {
		printf("ok: %ld rows checked, no problems\n", c->rows);
		return 0;
	}
	if (c->homes)
		printf("imported %ld homes\n", c->homes);
	if (c->returns)
		printf("imported %ld return%s: %ld children, %ld episodes, "
		       "%ld missing periods, %ld OC2 rows\n",
		       c->returns, c->returns == 1 ? "" : "s", c->children,
		       c->episodes, c->missing, c->oc2);
	if (c->live_episodes || c->meetings)
		printf("imported %ld live missing episodes, %ld strategy "
		       "meetings\n", c->live_episodes, c->meetings);
	printf("%ld rows in %.2f s (%.0f rows/s)\n", c->rows, secs,
	       secs > 0 ? (double)c->rows / secs : 0.0);
	return 0;
}

int cmd_import(struct cli *cl, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "la", required_argument, NULL, 'l' },
		{ "year", required_argument, NULL, 'y' },
		{ "check", no_argument, NULL, 'c' },
		{ "rpc-on-start", no_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	const char *what, *la = NULL;
	struct import_counts counts = { 0 };
	struct diags d = DIAGS_INIT;
	struct err err = ERR_INIT;
	struct store *s = NULL;
	bool check = false;
	int year = 0, opt, rc;
	double t0;

	if (argc < 2)
		return cli_usage(cli_usage_of("import"), true);
	what = argv[1];
	argc--;
	argv++;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (opt) {
		case 'l':
			la = optarg;
			break;
		case 'y':
			if (parse_int(optarg, 2000, 2100, &year)) {
				fprintf(stderr, "cartref: --year %s is not a "
					"year from 2000 to 2100\n", optarg);
				return 2;
			}
			break;
		case 'c':
			check = true;
			break;
		case 'r':
			counts.rpc_on_start = true;
			break;
		default:
			return 2;
		}
	}
	argc -= optind;
	argv += optind;
	if (!strcmp(what, "903")) {
		if (!la || argc < 1) {
			fprintf(stderr, "cartref: import 903 needs --la CODE "
				"and at least one file\n");
			return 2;
		}
	} else if (!strcmp(what, "homes") || !strcmp(what, "dir")) {
		if (what[0] == 'h' && counts.rpc_on_start) {
			fprintf(stderr, "cartref: --rpc-on-start is for "
				"returns, not homes\n");
			return 2;
		}
		if (la || year || argc != 1) {
			fprintf(stderr, "cartref: import %s takes one %s and "
				"no --la or --year\n", what,
				what[0] == 'h' ? "file" : "directory");
			return 2;
		}
	} else {
		fprintf(stderr, "cartref: import what? \"%s\" is not 903, "
			"homes or dir\n", what);
		return 2;
	}
	rc = cli_open_store(cl, &s);
	if (rc)
		return rc;
	t0 = now_seconds();
	if (what[0] == '9')
		rc = import_903(s, la, year, (const char *const *)argv,
				(size_t)argc, check, &d, &counts, &err);
	else if (what[0] == 'h')
		rc = import_homes(s, argv[0], check, &d, &counts, &err);
	else
		rc = import_dir(s, argv[0], check, &d, &counts, &err);
	rc = report(&counts, &d, check, now_seconds() - t0, rc, &err);
	diags_release(&d);
	store_close(s);
	return rc;
}
