/*
 * cmd-recs-report.c: `cartref recommendations report`: the
 * recommendations progress report for publication (report/recs-report.h;
 * docs/inspections.md, "Reports"), from the store's register.
 *
 * The register holds no child, so this reads the store's rows directly,
 * as the CLI's imports and exports do: an administrator's tool.
 */
#include "base/compat.h"
#include <getopt.h>
#include "base/clock.h"
#include "base/parse.h"
#include "base/uktime.h"
#include "cli/cli.h"
#include "report/recs-report.h"
#include "store/store-people.h"
#include "store/store-quality.h"

/* Each addressee's names: its organisation's, else (a council) the
 * geography's, else none (the report shows the code). */
static int fill_names(struct store *s, struct recs_report *rr,
		      struct err *err)
{
	for (size_t i = 0; i < rr->naddrs; i++) {
		struct recs_addr *x = &rr->addrs[i];
		struct org o;
		struct la la;
		int rc;

		rc = store_org_get(s, x->a->kind, x->a->code, &o, err);
		if (!rc) {
			snprintf(x->name_en, sizeof(x->name_en), "%s",
				 o.name_en);
			snprintf(x->name_cy, sizeof(x->name_cy), "%s",
				 o.name_cy);
			continue;
		}
		if (rc != ERR_NOT_FOUND)
			return rc;
		err_clear(err);
		if (x->a->kind != ORG_COUNCIL)
			continue;
		rc = store_la_get(s, x->a->code, &la, err);
		if (rc == ERR_NOT_FOUND) {
			err_clear(err);
			continue;
		}
		if (rc)
			return rc;
		snprintf(x->name_en, sizeof(x->name_en), "%s", la.name_en);
		snprintf(x->name_cy, sizeof(x->name_cy), "%s", la.name_cy);
	}
	return 0;
}

int cmd_recs_report(struct cli *cl, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "lang", required_argument, NULL, 'L' },
		{ "output", required_argument, NULL, 'o' },
		{ "as-of", required_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 },
	};
	enum report_format format = REPORT_MD;
	enum report_lang lang = LANG_EN;
	struct quality_set q = QUALITY_SET_INIT;
	struct recs_report rr;
	struct err err = ERR_INIT;
	struct store *s = NULL;
	const char *out = NULL;
	int32_t as_of = DATE_NONE;
	int opt, rc;

	optind = 1;
	while ((opt = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		switch (opt) {
		case 'f':
			if (report_format_parse(optarg, &format) ||
			    format == REPORT_CSV) {
				fprintf(stderr, "cartref: --format must be json, "
					"html, md or xlsx\n");
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
		case 'a':
			if (parse_date_iso(optarg, &as_of)) {
				fprintf(stderr, "cartref: --as-of %s is not a "
					"date (yyyy-mm-dd)\n", optarg);
				return 2;
			}
			break;
		default:
			return 2;
		}
	}
	if (optind != argc)
		return cli_usage(cli_usage_of("recommendations"), true);
	if (format == REPORT_XLSX && (!out || !strcmp(out, "-"))) {
		fprintf(stderr, "cartref: --format xlsx needs -o FILE\n");
		return 2;
	}
	if (as_of == DATE_NONE)
		as_of = uk_day_of(clock_now_ms());
	rc = cli_open_store(cl, &s);
	if (rc)
		return rc;
	rc = store_quality_load(s, QP_RECS, NULL, &q, &err);
	if (rc) {
		store_close(s);
		return cli_fail(&err);
	}
	recs_report_build(&q, as_of, &rr);
	rc = fill_names(s, &rr, &err);
	store_close(s);
	if (!rc)
		rc = recs_report_render(&rr, format, lang, out, &err);
	recs_report_free(&rr);
	quality_set_release(&q);
	if (rc)
		return cli_fail(&err);
	if (out && strcmp(out, "-"))
		fprintf(stderr, "wrote %s\n", out);
	return 0;
}
