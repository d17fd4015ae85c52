/* cmd-export.c: `cartref export 903|homes`. */
#include "base/compat.h"
#include <getopt.h>
#include "base/parse.h"
#include "base/xalloc.h"
#include "cli/cli.h"
#include "ingest/s903-io.h"
#include "ingest/s903-xml.h"

struct homes_acc {
	struct home *v;
	size_t n, alloc;
};

static int collect_home(const struct home *h, void *ctx)
{
	struct homes_acc *a = ctx;

	ALLOC_GROW(a->v, a->n + 1, a->alloc);
	a->v[a->n++] = *h;
	return 0;
}

static int export_homes(struct store *s, const char *path)
{
	struct homes_acc a = { NULL, 0, 0 };
	struct err err = ERR_INIT;
	int rc;

	rc = store_homes_each(s, collect_home, &a, &err);
	if (!rc)
		rc = homes_write_file(path, a.v, a.n, &err);
	free(a.v);
	if (rc)
		return cli_fail(&err);
	printf("wrote %zu homes to %s\n", a.n, path);
	return 0;
}

/*
 * Missing from care, recorded live (issue 5; docs/missing.md): the live
 * episodes of the year join the return's Missing table, MISSING M or A,
 * MIS_START the day started_at falls on, MIS_END the day of returned_at
 * (blank while open).  An episode the return already has (same child,
 * kind and start day) is not repeated, and one of a child absent from
 * the return's Header is left out (a Missing row needs its DOB).
 */
#define MS_PER_DAY 86400000LL

struct live_acc {
	struct s903_return *r;
	size_t nreturn;		/* rows that came from the return */
	long added, skipped;
};

static int64_t day_of_ms(int64_t ms)
{
	return ms >= 0 ? ms / MS_PER_DAY : -((-ms + MS_PER_DAY - 1) /
					     MS_PER_DAY);
}

static int add_live(const struct mfc_episode *e, void *ctx)
{
	struct live_acc *a = ctx;
	struct s903_return *r = a->r;
	const struct s903_header *h = NULL;
	int32_t start = (int32_t)day_of_ms(e->started_at);
	struct s903_missing *m;

	for (size_t i = 0; i < r->nheader && !h; i++)
		if (!strcmp(r->header[i].child, e->ref))
			h = &r->header[i];
	if (!h) {
		a->skipped++;
		return 0;
	}
	for (size_t i = 0; i < a->nreturn; i++)
		if (!strcmp(r->missing[i].child, e->ref) &&
		    r->missing[i].missing[0] == e->kind[0] &&
		    r->missing[i].mis_start == start)
			return 0;
	m = s903_add_missing(r);
	memset(m, 0, sizeof(*m));
	snprintf(m->child, sizeof(m->child), "%s", e->ref);
	m->dob = h->dob;
	m->missing[0] = e->kind[0];
	m->mis_start = start;
	m->mis_end = e->returned_at ? (int32_t)day_of_ms(e->returned_at) :
				      DATE_NONE;
	a->added++;
	return 0;
}

static int add_live_episodes(struct store *s, struct s903_return *r,
			     struct live_acc *a, struct err *err)
{
	int rc;

	a->r = r;
	a->nreturn = r->nmissing;
	rc = store_mfc_each(s, r->la, (int64_t)year_start(r->year) *
			    MS_PER_DAY, ((int64_t)year_end(r->year) + 1) *
			    MS_PER_DAY, add_live, a, err);
	if (!rc && a->added)
		s903_sort(r);
	return rc;
}

int cmd_export(struct cli *cl, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "la", required_argument, NULL, 'l' },
		{ "year", required_argument, NULL, 'y' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	struct s903_return r = S903_RETURN_INIT;
	struct err err = ERR_INIT;
	struct live_acc live = { NULL, 0, 0, 0 };
	struct store *s = NULL;
	const char *what, *la = NULL;
	int year = 0, opt, rc;
	bool xml = false;

	if (argc < 2)
		return cli_usage(cli_usage_of("export"), true);
	what = argv[1];
	argc--;
	argv++;
	if (!strcmp(what, "inspections") || !strcmp(what, "notifications"))
		return cmd_export_quality(cl, argc, argv);
	optind = 1;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (opt) {
		case 'l':
			la = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "csv") && strcmp(optarg, "xml")) {
				fprintf(stderr, "cartref: --format %s is not "
					"csv or xml\n", optarg);
				return 2;
			}
			xml = !strcmp(optarg, "xml");
			break;
		case 'y':
			if (parse_int(optarg, 2000, 2100, &year)) {
				fprintf(stderr, "cartref: --year %s is not a "
					"year from 2000 to 2100\n", optarg);
				return 2;
			}
			break;
		default:
			return 2;
		}
	}
	argc -= optind;
	argv += optind;
	if (strcmp(what, "903") && strcmp(what, "homes")) {
		fprintf(stderr, "cartref: export what? \"%s\" is not 903, "
			"homes, inspections or notifications\n", what);
		return 2;
	}
	if (argc != 1 || (what[0] == '9' && (!la || !year))) {
		fprintf(stderr, "cartref: usage: export 903 --la CODE --year "
			"YYYY [--format csv|xml] DIR|FILE | export homes "
			"FILE\n");
		return 2;
	}
	rc = cli_open_store(cl, &s);
	if (rc)
		return rc;
	if (what[0] == 'h') {
		rc = export_homes(s, argv[0]);
		store_close(s);
		return rc;
	}
	rc = store_return_load(s, la, year, &r, &err);
	if (!rc)
		rc = add_live_episodes(s, &r, &live, &err);
	/* XML: argv[0] is the file, one file for the whole return */
	if (!rc)
		rc = xml ? s903_write_xml(argv[0], &r, &err) :
			   s903_write_dir(argv[0], &r, &err);
	if (!rc)
		printf("wrote %s %d to %s: %zu children, %zu episodes, "
		       "%zu missing periods, %zu OC2 rows\n", la, year,
		       argv[0], r.nheader, r.nepisodes, r.nmissing, r.noc2);
	if (!rc && (live.added || live.skipped))
		printf("live missing episodes: %ld added to the Missing "
		       "table, %ld of children not in the return left out\n",
		       live.added, live.skipped);
	s903_return_release(&r);
	store_close(s);
	return rc ? cli_fail(&err) : 0;
}
