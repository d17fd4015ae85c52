/*
 * cmd-review.c: `cartref review`: the national review's figures for a
 * year, for Wales, a council or a home, in any report format.
 */
#include "base/compat.h"
#include <getopt.h>
#include <time.h>
#include "analytics/review.h"
#include "base/parse.h"
#include "cli/cli.h"
#include "report/report.h"

static double seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int cmd_review(struct cli *cl, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "year", required_argument, NULL, 'y' },
		{ "la", required_argument, NULL, 'l' },
		{ "home", required_argument, NULL, 'H' },
		{ "publish", no_argument, NULL, 'p' },
		{ "format", required_argument, NULL, 'f' },
		{ "lang", required_argument, NULL, 'L' },
		{ "output", required_argument, NULL, 'o' },
		{ "timing", no_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 },
	};
	struct review_scope scope = { SCOPE_NATIONAL, "", "", "" };
	enum report_format format = REPORT_MD;
	enum report_lang lang = LANG_EN;
	struct history h = HISTORY_INIT;
	struct review *r = NULL;
	struct err err = ERR_INIT;
	struct store *s = NULL;
	const char *out = NULL;
	bool publish = false, timing = false;
	double t0, t1, t2, t3;
	int year = 0, opt, rc;

	optind = 1;
	while ((opt = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		switch (opt) {
		case 'y':
			if (parse_int(optarg, 2001, 2100, &year)) {
				fprintf(stderr, "cartref: --year %s is not a "
					"year from 2001 to 2100\n", optarg);
				return 2;
			}
			break;
		case 'l':
		case 'H':
			if (scope.kind != SCOPE_NATIONAL ||
			    strlen(optarg) >= sizeof(scope.code)) {
				fprintf(stderr, "cartref: give one --la CODE or "
					"--home URN\n");
				return 2;
			}
			scope.kind = opt == 'l' ? SCOPE_COUNCIL : SCOPE_HOME;
			snprintf(scope.code, sizeof(scope.code), "%s", optarg);
			break;
		case 'p':
			publish = true;
			break;
		case 'f':
			if (report_format_parse(optarg, &format)) {
				fprintf(stderr, "cartref: --format must be json, "
					"csv, html, md or xlsx\n");
				return 2;
			}
			break;
		case 'L':
			if (report_lang_parse(optarg, &lang)) {
				fprintf(stderr, "cartref: --lang must be en or "
					"cy\n");
				return 2;
			}
			break;
		case 'o':
			out = optarg;
			break;
		case 't':
			timing = true;
			break;
		default:
			return 2;
		}
	}
	if (optind != argc)
		return cli_usage(cli_usage_of("review"), true);
	if (format == REPORT_XLSX && (!out || !strcmp(out, "-"))) {
		fprintf(stderr, "cartref: --format xlsx needs -o FILE\n");
		return 2;
	}
	rc = cli_open_store(cl, &s);
	if (rc)
		return rc;
	t0 = seconds();
	rc = store_history_load(s, &h, &err);
	store_close(s);
	if (rc)
		return cli_fail(&err);
	if (!year)
		year = h.last_year;
	if (!year) {
		history_release(&h);
		fprintf(stderr, "cartref: no SSDA903 returns in %s: import some "
			"first\n", cl->db);
		return 1;
	}
	t1 = seconds();
	rc = review_compute(&h, year, &scope, &r, &err);
	if (!rc && publish)
		review_publish(r);
	t2 = seconds();
	if (!rc)
		rc = report_render(r, format, lang, out, &err);
	t3 = seconds();
	if (timing)
		fprintf(stderr, "load %.3f s, compute %.3f s, render %.3f s, "
			"total %.3f s (%zu children, %zu episodes, %zu missing "
			"periods)\n", t1 - t0, t2 - t1, t3 - t2, t3 - t0,
			h.nchildren, h.nepisodes, h.nmissing);
	review_free(r);
	history_release(&h);
	if (rc)
		return cli_fail(&err);
	if (out && strcmp(out, "-"))
		fprintf(stderr, "wrote %s\n", out);
	return 0;
}
