/*
 * cmd-inspections.c: `cartref import inspections|notifications` and
 * `cartref export inspections|notifications` (issue 13;
 * docs/inspections.md; the usage is import's and export's in main.c).
 * cmd_import() and cmd_export() hand these words here.
 */
#include "base/compat.h"
#include "base/clock.h"
#include "base/file.h"
#include "base/xalloc.h"
#include "cli/cli.h"
#include "ingest/import.h"
#include "ingest/quality-io.h"
#include "store/store-quality.h"

#define DIAGS_SHOWN 1000

/* argv[0] is "inspections" or "notifications"; then [--check] FILE... */
int cmd_import_quality(struct cli *cl, int argc, char **argv)
{
	struct import_counts c = { 0 };
	struct diags d = DIAGS_INIT;
	struct err err = ERR_INIT;
	struct store *s = NULL;
	bool insp = !strcmp(argv[0], "inspections"), check = false;
	int i = 1, rc;

	if (i < argc && !strcmp(argv[i], "--check")) {
		check = true;
		i++;
	}
	if (insp ? argc - i < 1 || argc - i > 2 : argc - i != 1) {
		fprintf(stderr, "cartref: usage: import inspections [--check] "
			"INSPECTIONS.csv [FINDINGS.csv] | import notifications "
			"[--check] FILE\n");
		return 2;
	}
	rc = cli_open_store(cl, &s);
	if (rc)
		return rc;
	if (insp)
		rc = import_inspections(s, argv[i], argc - i == 2 ?
					argv[i + 1] : NULL, check, true,
					clock_now_ms(), &d, &c, &err);
	else
		rc = import_notifications(s, argv[i], check, true,
					  clock_now_ms(), &d, &c, &err);
	store_close(s);
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
	if (check)
		printf("ok: %ld rows checked, no problems\n", c.rows);
	else if (insp)
		printf("imported inspections: %ld added, %ld replaced; %ld "
		       "findings\n", c.inspections, c.insp_replaced,
		       c.findings);
	else
		printf("imported notifications: %ld added, %ld already "
		       "stored\n", c.notifications, c.notif_kept);
	return 0;
}

static char *join(const char *dir, const char *name)
{
	struct buf p = BUF_INIT(8192);

	buf_addf(&p, "%s/%s", dir, name);
	return buf_detach(&p, NULL);
}

/* argv[0] is "inspections" (then DIR) or "notifications" (then FILE). */
int cmd_export_quality(struct cli *cl, int argc, char **argv)
{
	struct quality_set q = QUALITY_SET_INIT;
	struct err err = ERR_INIT;
	struct store *s = NULL;
	bool insp = !strcmp(argv[0], "inspections");
	char *ip = NULL, *fp = NULL;
	int rc;

	if (argc != 2) {
		fprintf(stderr, "cartref: usage: export inspections DIR | "
			"export notifications FILE\n");
		return 2;
	}
	rc = cli_open_store(cl, &s);
	if (rc)
		return rc;
	rc = store_quality_load(s, insp ? QP_INSPECTIONS : QP_NOTIFICATIONS,
				NULL, &q, &err);
	if (!rc && insp) {
		ip = join(argv[1], QIO_INSPECTIONS_FILE);
		fp = join(argv[1], QIO_FINDINGS_FILE);
		rc = file_make_dirs(argv[1], &err);
		if (!rc)
			rc = qio_write_inspections(ip, fp, q.insp, q.ninsp,
						   q.findings, q.nfindings,
						   &err);
		if (!rc)
			printf("wrote %zu inspections and %zu findings to "
			       "%s\n", q.ninsp, q.nfindings, argv[1]);
	} else if (!rc) {
		rc = qio_write_notifications(argv[1], q.notifs, q.nnotifs,
					     &err);
		if (!rc)
			printf("wrote %zu notifications to %s\n", q.nnotifs,
			       argv[1]);
	}
	quality_set_release(&q);
	store_close(s);
	free(ip);
	free(fp);
	return rc ? cli_fail(&err) : 0;
}
