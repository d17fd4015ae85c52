/* cmd-export.c: `cartref export 903|homes`. */
#include "base/compat.h"
#include <getopt.h>
#include "base/parse.h"
#include "base/xalloc.h"
#include "cli/cli.h"
#include "ingest/s903-io.h"

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

int cmd_export(struct cli *cl, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "la", required_argument, NULL, 'l' },
		{ "year", required_argument, NULL, 'y' },
		{ NULL, 0, NULL, 0 },
	};
	struct s903_return r = S903_RETURN_INIT;
	struct err err = ERR_INIT;
	struct store *s = NULL;
	const char *what, *la = NULL;
	int year = 0, opt, rc;

	if (argc < 2)
		return cli_usage(cli_usage_of("export"), true);
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
		default:
			return 2;
		}
	}
	argc -= optind;
	argv += optind;
	if (strcmp(what, "903") && strcmp(what, "homes")) {
		fprintf(stderr, "cartref: export what? \"%s\" is not 903 or "
			"homes\n", what);
		return 2;
	}
	if (argc != 1 || (what[0] == '9' && (!la || !year))) {
		fprintf(stderr, "cartref: usage: export 903 --la CODE --year "
			"YYYY DIR | export homes FILE\n");
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
		rc = s903_write_dir(argv[0], &r, &err);
	if (!rc)
		printf("wrote %s %d to %s: %zu children, %zu episodes, "
		       "%zu missing periods, %zu OC2 rows\n", la, year,
		       argv[0], r.nheader, r.nepisodes, r.nmissing, r.noc2);
	s903_return_release(&r);
	store_close(s);
	return rc ? cli_fail(&err) : 0;
}
