/*
 * cmd-review.c: `cartref review`: the national review's figures for a
 * year, for Wales, a council or a home, in any report format, with the
 * release metadata (a release file and options, defaults: released
 * today, UK time) and the year before's figures for the key points.
 */
#include "base/compat.h"
#include <getopt.h>
#include <time.h>
#include "analytics/quality-figures.h"
#include "analytics/review.h"
#include "base/parse.h"
#include "cli/cli.h"
#include "report/report.h"
#include "store/store-quality.h"

static double seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The last Sunday of month m (March or October) of year y. */
static int32_t last_sunday(int y, int m)
{
	int32_t d = date_from_ymd(y, m, 31);

	return d - (d + 4) % 7;	/* day 0, 1 January 1970, was a Thursday */
}

/*
 * Today in the UK (Europe/London): British Summer Time, an hour ahead of
 * UTC, from 01:00 UTC on the last Sunday of March to 01:00 UTC on the
 * last Sunday of October.
 */
static int32_t uk_today(void)
{
	struct timespec ts;
	int64_t t;
	int32_t day;
	int y, m, d;

	clock_gettime(CLOCK_REALTIME, &ts);
	t = (int64_t)ts.tv_sec;
	day = (int32_t)(t / 86400 - (t % 86400 < 0));
	date_to_ymd(day, &y, &m, &d);
	if (t >= (int64_t)last_sunday(y, 3) * 86400 + 3600 &&
	    t < (int64_t)last_sunday(y, 10) * 86400 + 3600)
		t += 3600;
	return (int32_t)(t / 86400 - (t % 86400 < 0));
}

/* Release options and the key of report_release_set() for each. */
static const struct {
	int opt;
	const char *name, *key;
} release_opts[] = {
	{ 'D', "release-date", "date" },
	{ 'S', "status", "status" },
	{ 'N', "next-update", "next_update" },
	{ 'P', "producer", "producer" },
	{ 'Q', "producer-cy", "producer_cy" },
	{ 'C', "contact-name", "contact_name" },
	{ 'c', "contact-name-cy", "contact_name_cy" },
	{ 'E', "contact-email", "contact_email" },
	{ 'T', "contact-phone", "contact_phone" },
};

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
		{ "release-file", required_argument, NULL, 'R' },
		{ "release-date", required_argument, NULL, 'D' },
		{ "status", required_argument, NULL, 'S' },
		{ "next-update", required_argument, NULL, 'N' },
		{ "producer", required_argument, NULL, 'P' },
		{ "producer-cy", required_argument, NULL, 'Q' },
		{ "contact-name", required_argument, NULL, 'C' },
		{ "contact-name-cy", required_argument, NULL, 'c' },
		{ "contact-email", required_argument, NULL, 'E' },
		{ "contact-phone", required_argument, NULL, 'T' },
		{ NULL, 0, NULL, 0 },
	};
	const char *given[ARRAY_SIZE(release_opts)] = { NULL };
	const char *release_file = NULL;
	struct report_release rel;
	struct review_scope scope = { SCOPE_NATIONAL, "", "", "" };
	enum report_format format = REPORT_MD;
	enum report_lang lang = LANG_EN;
	struct history h = HISTORY_INIT;
	struct quality_set q = QUALITY_SET_INIT;
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
		case 'R':
			release_file = optarg;
			break;
		default:
			for (size_t i = 0; i < ARRAY_SIZE(release_opts); i++)
				if (release_opts[i].opt == opt) {
					given[i] = optarg;
					break;
				}
			if (opt == '?' || opt == ':')
				return 2;
			break;
		}
	}
	/* the file, then the options over it, then today if no date */
	report_release_init(&rel);
	if (release_file && report_release_load(&rel, release_file, &err))
		return cli_fail(&err);
	for (size_t i = 0; i < ARRAY_SIZE(release_opts); i++)
		if (given[i] && report_release_set(&rel, release_opts[i].key,
						   given[i], &err)) {
			fprintf(stderr, "cartref: --%s: %s\n",
				release_opts[i].name, err_text(&err));
			return 2;
		}
	if (rel.date == DATE_NONE)
		rel.date = uk_today();
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
	/* the inspections, for the quality of care figures */
	if (!rc)
		rc = store_quality_load(s, QP_INSPECTIONS, NULL, &q, &err);
	store_close(s);
	if (rc) {
		history_release(&h);
		quality_set_release(&q);
		return cli_fail(&err);
	}
	if (!year)
		year = h.last_year;
	if (!year) {
		history_release(&h);
		quality_set_release(&q);
		fprintf(stderr, "cartref: no SSDA903 returns in %s: import some "
			"first\n", cl->db);
		return 1;
	}
	t1 = seconds();
	rc = review_compute(&h, year, &scope, &r, &err);
	if (!rc)
		rc = review_add_previous(&h, r, &err);
	if (!rc)
		review_add_quality(r, &h, q.insp, q.ninsp, q.findings,
				   q.nfindings);
	if (!rc && publish)
		review_publish(r);
	t2 = seconds();
	if (!rc)
		rc = report_render_release(r, &rel, format, lang, out, &err);
	t3 = seconds();
	if (timing)
		fprintf(stderr, "load %.3f s, compute %.3f s, render %.3f s, "
			"total %.3f s (%zu children, %zu episodes, %zu missing "
			"periods)\n", t1 - t0, t2 - t1, t3 - t2, t3 - t0,
			h.nchildren, h.nepisodes, h.nmissing);
	review_free(r);
	history_release(&h);
	quality_set_release(&q);
	if (rc)
		return cli_fail(&err);
	if (out && strcmp(out, "-"))
		fprintf(stderr, "wrote %s\n", out);
	return 0;
}
