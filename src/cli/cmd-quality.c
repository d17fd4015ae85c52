/*
 * cmd-quality.c: `cartref recommendations ...`: the recommendations
 * register's files (issue 13; docs/inspections.md): import them all or
 * nothing, export them as import reads them back byte for byte, and list
 * the register with each recommendation's progress.  An administrator's
 * commands, as `import` and `export` are: no user acts, the store's
 * audit rows name none.
 */
#include "base/compat.h"
#include "cli/cli.h"
#include "domain/quality.h"
#include "ingest/recs-io.h"
#include "store/store-quality.h"

#define DIAGS_SHOWN 1000

static int usage_fail(const char *msg)
{
	fprintf(stderr, "cartref: %s (see cartref recommendations --help)\n",
		msg);
	return 2;
}

static int do_import(struct store *s, int argc, char **argv)
{
	struct diags d = DIAGS_INIT;
	struct err err = ERR_INIT;
	bool check = false;
	long nr = 0, np = 0;
	int i = 0, rc;

	if (i < argc && !strcmp(argv[i], "--check")) {
		check = true;
		i++;
	}
	if (argc - i < 1 || argc - i > 2)
		return usage_fail("import takes recommendations.csv and, if "
				  "wanted, rec-progress.csv");
	rc = recs_import(s, argv[i], argc - i == 2 ? argv[i + 1] : NULL,
			 check, &d, &nr, &np, &err);
	diags_print(&d, stderr, DIAGS_SHOWN);
	if (rc) {
		diags_release(&d);
		return cli_fail(&err);
	}
	if (d.n) {
		fprintf(stderr, "cartref: %zu problem%s found; nothing was "
			"written\n", d.n, d.n == 1 ? "" : "s");
		diags_release(&d);
		return 1;
	}
	diags_release(&d);
	printf("%s %ld recommendations, %ld progress rows\n",
	       check ? "ok: checked; would add" : "imported", nr, np);
	return 0;
}

static int do_export(struct store *s, int argc, char **argv)
{
	struct err err = ERR_INIT;
	long nr = 0, np = 0;

	if (argc != 1)
		return usage_fail("export takes one directory");
	if (recs_export(s, argv[0], &nr, &np, &err))
		return cli_fail(&err);
	printf("exported %ld recommendations, %ld progress rows\n", nr, np);
	return 0;
}

/* The register as a plain table, tab-separated: a line a
 * recommendation, with how many addressees it has, how many say they
 * are done and how many of those the inspectorate accepted. */
static int do_list(struct store *s, int argc, char **argv)
{
	struct quality_set q = QUALITY_SET_INIT;
	struct err err = ERR_INIT;
	bool cy = false;

	for (int i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--lang") && i + 1 < argc &&
		    (!strcmp(argv[i + 1], "en") || !strcmp(argv[i + 1], "cy")))
			cy = !strcmp(argv[++i], "cy");
		else
			return usage_fail("list takes --lang en or --lang cy");
	}
	if (store_quality_load(s, QP_RECS, NULL, &q, &err))
		return cli_fail(&err);
	printf("%s\t%s\t%s\t%s\t%s\n", cy ? "COD" : "CODE",
	       cy ? "THEMA" : "THEME", cy ? "DERBYNWYR" : "ADDRESSEES",
	       cy ? "WEDI'I WNEUD" : "DONE", cy ? "DERBYNIWYD" : "ACCEPTED");
	for (size_t i = 0; i < q.nrecs; i++) {
		const struct rec *r = &q.recs[i];
		const struct rec_theme *t = rec_theme_find(r->theme);
		long n = 0, done = 0, accepted = 0;

		for (size_t k = 0; k < q.naddressees; k++) {
			const struct rec_addressee *a = &q.addressees[k];

			if (a->rec_id != r->id)
				continue;
			n++;
			done += a->status == REC_DONE;
			accepted += a->status == REC_DONE &&
				    a->verdict == REC_ACCEPTED;
		}
		printf("%s\t%s\t%ld\t%ld\t%ld\n", r->code,
		       t ? (cy ? t->cy : t->en) : r->theme, n, done, accepted);
	}
	quality_set_release(&q);
	return 0;
}

int cmd_recommendations(struct cli *cl, int argc, char **argv)
{
	struct store *s = NULL;
	const char *sub;
	int rc;

	if (argc < 2)
		return cli_usage(cli_usage_of("recommendations"), true);
	sub = argv[1];
	/* the progress report opens the store itself: cmd-recs-report.c */
	if (!strcmp(sub, "report"))
		return cmd_recs_report(cl, argc - 1, argv + 1);
	if (strcmp(sub, "import") && strcmp(sub, "export") &&
	    strcmp(sub, "list"))
		return usage_fail("recommendations what? import, export, list "
				  "or report");
	rc = cli_open_store(cl, &s);
	if (rc)
		return rc;
	if (!strcmp(sub, "import"))
		rc = do_import(s, argc - 2, argv + 2);
	else if (!strcmp(sub, "export"))
		rc = do_export(s, argc - 2, argv + 2);
	else
		rc = do_list(s, argc - 2, argv + 2);
	store_close(s);
	return rc;
}
