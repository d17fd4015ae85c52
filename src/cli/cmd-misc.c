/* cmd-misc.c: small commands: migrate, distance, demo-data. */
#include "base/compat.h"
#include <getopt.h>
#include "base/parse.h"
#include "cli/cli.h"
#include "demo/demo.h"
#include "domain/geo.h"

int cmd_migrate(struct cli *cl, int argc, char **argv)
{
	struct store *s = NULL;
	struct err err = ERR_INIT;
	int rc, version = 0;

	(void)argv;
	if (argc != 1)
		return cli_usage(cli_usage_of("migrate"), true);
	rc = cli_open_store(cl, &s);
	if (rc)
		return rc;
	rc = store_schema_version(s, &version, &err);
	store_close(s);
	if (rc)
		return cli_fail(&err);
	printf("%s: schema version %d, geography loaded\n", cl->db, version);
	return 0;
}

int cmd_distance(struct cli *cl, int argc, char **argv)
{
	char pc[POSTCODE_MAX + 1];
	struct err err = ERR_INIT;
	struct store *s = NULL;
	int32_t t;
	bool exact;
	int rc;

	if (argc != 3)
		return cli_usage(cli_usage_of("distance"), true);
	for (int i = 1; i < 3; i++)
		if (postcode_normalise(argv[i], pc) == POSTCODE_BAD) {
			fprintf(stderr, "cartref: \"%s\" is not a UK postcode\n",
				argv[i]);
			return 2;
		}
	rc = cli_open_store(cl, &s);
	if (rc)
		return rc;
	rc = store_distance_tenths(s, argv[1], argv[2], &t, &exact, &err);
	store_close(s);
	if (rc == ERR_NOT_FOUND) {
		printf("unknown\n");
		fprintf(stderr, "cartref: %s\n", err_text(&err));
		return 3;
	}
	if (rc)
		return cli_fail(&err);
	printf("%d.%d miles%s\n", t / 10, t % 10,
	       exact ? "" : " (from a postcode district centroid)");
	return 0;
}

int cmd_demo_data(struct cli *cl, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "seed", required_argument, NULL, 's' },
		{ "scale", required_argument, NULL, 'S' },
		{ NULL, 0, NULL, 0 },
	};
	struct demo_opts o = { 1, DEMO_WALES, 2017, 2019 };
	struct demo_summary sum = { 0 };
	struct cli mem = *cl;
	struct err err = ERR_INIT;
	struct store *s = NULL;
	int64_t seed;
	int opt, rc;

	optind = 1;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (opt) {
		case 's':
			if (parse_i64(optarg, 0, INT64_MAX, &seed)) {
				fprintf(stderr, "cartref: --seed %s is not a "
					"whole number\n", optarg);
				return 2;
			}
			o.seed = (uint64_t)seed;
			break;
		case 'S':
			if (!strcmp(optarg, "wales"))
				o.scale = DEMO_WALES;
			else if (!strcmp(optarg, "england"))
				o.scale = DEMO_ENGLAND;
			else {
				fprintf(stderr, "cartref: --scale must be wales "
					"or england\n");
				return 2;
			}
			break;
		default:
			return 2;
		}
	}
	if (argc - optind != 1)
		return cli_usage(cli_usage_of("demo-data"), true);
	/* geography only: a private in-memory store, not --db */
	mem.db = ":memory:";
	rc = cli_open_store(&mem, &s);
	if (rc)
		return rc;
	rc = demo_generate(s, &o, argv[optind], &sum, &err);
	store_close(s);
	if (rc)
		return cli_fail(&err);
	printf("wrote %s: %ld councils, %ld homes with %ld places, %ld "
	       "children looked after at 31 March %d; %ld episode, %ld "
	       "missing and %ld OC2 rows over %d-%d\n",
	       argv[optind], sum.councils, sum.homes, sum.places,
	       sum.cla_31mar_last, o.last_year, sum.episodes, sum.missing,
	       sum.oc2, o.first_year, o.last_year);
	return 0;
}
