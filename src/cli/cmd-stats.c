/* cmd-stats.c: `cartref stats` prints the store's counts. */
#include "base/compat.h"
#include "cli/cli.h"

int cmd_stats(struct cli *cl, int argc, char **argv)
{
	struct store_stats st;
	struct err err = ERR_INIT;
	struct store *s = NULL;
	int rc;

	(void)argv;
	if (argc != 1)
		return cli_usage(cli_usage_of("stats"), true);
	rc = cli_open_store(cl, &s);
	if (rc)
		return rc;
	rc = store_stats(s, &st, &err);
	store_close(s);
	if (rc)
		return cli_fail(&err);
	printf("councils            %ld\n", st.councils);
	printf("postcodes           %ld full, %ld districts\n", st.postcodes,
	       st.outcodes);
	printf("homes               %ld registered, %ld open today\n",
	       st.homes, st.homes_open);
	printf("places              %ld in open homes\n", st.places_open);
	for (int t = 0; t < PROVIDER_NTYPES; t++)
		printf("  %-17s %ld homes, %ld places\n",
		       provider_type_name((enum provider_type)t),
		       st.homes_by_type[t], st.places_by_type[t]);
	if (!st.nyears) {
		printf("no SSDA903 returns imported yet\n");
		return 0;
	}
	printf("\n%-6s %8s %10s %12s %9s %8s %6s %6s\n", "year", "returns",
	       "looked", "at 31 March", "episodes", "missing", "away",
	       "OC2");
	printf("%-6s %8s %10s %12s %9s %8s %6s %6s\n", "", "", "after", "", "",
	       "", "", "");
	for (size_t i = 0; i < st.nyears; i++) {
		const struct store_year_stats *y = &st.years[i];

		printf("%-6d %8ld %10ld %12ld %9ld %8ld %6ld %6ld\n", y->year,
		       y->returns, y->children, y->children_31mar,
		       y->episodes, y->missing, y->away, y->oc2);
	}
	return 0;
}
