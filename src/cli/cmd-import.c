/* cmd-import.c: `cartref import 903|homes|dir` (see the usage in main.c). */
#include "base/compat.h"
#include <getopt.h>
#include <jansson.h>
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

/* What the DfE's rules found, after the import's own outcome. */
static void rules_summary(const struct import_counts *c, struct diags *rd,
			  bool strict)
{
	if (!c->rules_run)
		return;
	if (!rd->n && !c->rule_rows) {
		printf("DfE rules: %ld in force, no problems\n", c->rules_run);
		return;
	}
	if (!strict) {
		diags_print(rd, stderr, DIAGS_SHOWN);
		if (rd->n && (long)rd->n < c->rule_rows)
			fprintf(stderr, "... and %ld more rows flagged by the "
				"DfE rules (--report FILE lists them all)\n",
				c->rule_rows - (long)rd->n);
	}
	printf("DfE rules: %ld in force; %ld row%s flagged%s%s\n",
	       c->rules_run, c->rule_rows, c->rule_rows == 1 ? "" : "s",
	       strict ? "" : " (they do not stop the import; --strict would)",
	       rd->n || strict ? "" : "; `cartref validate` lists them");
}

static int report(const struct import_counts *c, struct diags *d,
		  struct diags *rd, const struct import_opts *o, double secs,
		  int rc, const struct err *err)
{
	if (rc) {
		diags_print(d, stderr, DIAGS_SHOWN);
		return cli_fail(err);
	}
	if (d->n) {
		diags_print(d, stderr, DIAGS_SHOWN);
		fprintf(stderr, "cartref: %zu problem%s found; nothing was "
			"written\n", d->n, d->n == 1 ? "" : "s");
		rules_summary(c, rd, o->strict);
		return 1;
	}
	if (c->returns || o->check) {
		if (c->rpc_on_start)
			printf("REASON_PLACE_CHANGE moved from the starting "
			       "episode (--rpc-on-start): %ld moved, %ld "
			       "dropped (no earlier episode in the return)\n",
			       c->rpc_moved, c->rpc_dropped);
		else
			printf("REASON_PLACE_CHANGE read on the ending "
			       "episode (DfE)\n");
	}
	if (o->check) {
		printf("ok: %ld rows checked, no problems%s\n", c->rows,
		       c->rule_rows ? " that stop the import" : "");
		rules_summary(c, rd, o->strict);
		return 0;
	}
	if (c->homes)
		printf("imported %ld homes\n", c->homes);
	if (c->returns)
		printf("imported %ld return%s: %ld children, %ld episodes, "
		       "%ld missing periods, %ld OC2 rows\n",
		       c->returns, c->returns == 1 ? "" : "s", c->children,
		       c->episodes, c->missing, c->oc2);
	if (c->inspections || c->insp_replaced)
		printf("imported inspections: %ld added, %ld replaced; %ld "
		       "findings\n", c->inspections, c->insp_replaced,
		       c->findings);
	if (c->notifications || c->notif_kept)
		printf("imported notifications: %ld added, %ld already "
		       "stored\n", c->notifications, c->notif_kept);
	if (c->recs || c->rec_progress)
		printf("imported %ld recommendations, %ld progress rows\n",
		       c->recs, c->rec_progress);
	if (c->live_episodes || c->meetings)
		printf("imported %ld live missing episodes, %ld strategy "
		       "meetings\n", c->live_episodes, c->meetings);
	printf("%ld rows in %.2f s (%.0f rows/s)\n", c->rows, secs,
	       secs > 0 ? (double)c->rows / secs : 0.0);
	rules_summary(c, rd, o->strict);
	return 0;
}

static json_t *diags_json(struct diags *d)
{
	json_t *a = json_array();

	diags_print(d, NULL, 0);	/* sorts */
	for (size_t i = 0; i < d->n; i++)
		json_array_append_new(a, json_pack(
			"{s:s, s:I, s:I, s:s, s:s}", "file", d->v[i].file,
			"line", (json_int_t)d->v[i].line,
			"column", (json_int_t)d->v[i].column,
			"rule", d->v[i].rule, "message", d->v[i].msg));
	return a;
}

/* --format json: one document on stdout, whatever happened. */
static int report_json(const struct import_counts *c, struct diags *d,
		       struct diags *rd, const struct import_opts *o,
		       int rc, const struct err *err)
{
	bool ok = !rc && !d->n;
	json_t *doc = json_pack("{s:b, s:b, s:I, s:I, s:I, s:o, s:o}",
				"ok", ok, "written", ok && !o->check,
				"rows", (json_int_t)c->rows,
				"rules_run", (json_int_t)c->rules_run,
				"rule_rows", (json_int_t)c->rule_rows,
				"problems", diags_json(d),
				"rule_problems", diags_json(rd));

	if (rc)
		json_object_set_new(doc, "error", json_string(err->msg));
	json_dumpf(doc, stdout, JSON_INDENT(1) | JSON_ENSURE_ASCII);
	putchar('\n');
	json_decref(doc);
	return ok ? 0 : 1;
}

int cmd_import(struct cli *cl, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "la", required_argument, NULL, 'l' },
		{ "year", required_argument, NULL, 'y' },
		{ "check", no_argument, NULL, 'c' },
		{ "strict", no_argument, NULL, 's' },
		{ "report", required_argument, NULL, 'r' },
		{ "format", required_argument, NULL, 'f' },
		{ "rpc-on-start", no_argument, NULL, 'R' },
		{ NULL, 0, NULL, 0 },
	};
	struct diags rd = DIAGS_INIT;
	struct import_opts o = { .rules_on = true, .rules = &rd,
				 .rules_max = DIAGS_SHOWN };
	bool json = false;
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
	if (!strcmp(what, "inspections") || !strcmp(what, "notifications"))
		return cmd_import_quality(cl, argc, argv);
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
		case 's':
			o.strict = true;
			break;
		case 'r':
			o.report = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "json") && strcmp(optarg, "text")) {
				fprintf(stderr, "cartref: --format is text or "
					"json\n");
				return 2;
			}
			json = !strcmp(optarg, "json");
			/* a document lists them all; a terminal the first */
			o.rules_max = json ? 0 : DIAGS_SHOWN;
			break;
		case 'R':
			counts.rpc_on_start = true;
			break;
		default:
			return 2;
		}
	}
	argc -= optind;
	argv += optind;
	if (what[0] != '9' && (o.strict || o.report)) {
		fprintf(stderr, "cartref: --strict and --report are for "
			"import 903\n");
		return 2;
	}
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
			"homes, dir, inspections or notifications\n", what);
		return 2;
	}
	rc = cli_open_store(cl, &s);
	if (rc)
		return rc;
	t0 = now_seconds();
	o.check = check;
	if (what[0] == '9')
		rc = import_903_opts(s, la, year, (const char *const *)argv,
				     (size_t)argc, &o, &d, &counts, &err);
	else if (what[0] == 'h')
		rc = import_homes(s, argv[0], check, &d, &counts, &err);
	else
		rc = import_dir(s, argv[0], check, &d, &counts, &err);
	if (json)
		rc = report_json(&counts, &d, &rd, &o, rc, &err);
	else
		rc = report(&counts, &d, &rd, &o, now_seconds() - t0, rc,
			    &err);
	diags_release(&d);
	diags_release(&rd);
	store_close(s);
	return rc;
}
