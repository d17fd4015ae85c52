/*
 * main.c: cartref's entry point: global options, then dispatch from the
 * command table to one cmd_*() per file.
 */
#include "base/compat.h"
#include "cli/cli.h"
#include "ingest/geo-import.h"

#define VERSION "0.1.0"

static const char help_usage[] =
	"usage: cartref help [COMMAND]\n"
	"\n"
	"Show the list of commands, or one command's help.\n";

static const char version_usage[] =
	"usage: cartref version\n\nPrint cartref's version and schema version.\n";

static const char migrate_usage[] =
	"usage: cartref [--db FILE] migrate\n"
	"\n"
	"Create or upgrade the store's schema and load the geography (local\n"
	"authorities, postcode districts, Welsh postcodes) from data/.\n"
	"Every other command does this too when it opens the store.\n";

static const char import_usage[] =
	"usage: cartref [--db FILE] import 903 --la CODE [--year YYYY] [--check] FILE...\n"
	"       cartref [--db FILE] import homes [--check] FILE\n"
	"       cartref [--db FILE] import dir [--check] DIR\n"
	"\n"
	"import 903     Read one council's SSDA903 return: the Header, Episodes,\n"
	"               Missing and OC2 tables as CSV files, each recognised by its\n"
	"               header row (other SSDA903 tables are accepted and skipped).\n"
	"               Every problem is reported as FILE:LINE:COLUMN: RULE: message\n"
	"               (docs/validation.md lists the rules).  The import is one\n"
	"               transaction: with any problem nothing is written.  It\n"
	"               replaces the council's return for the same year.\n"
	"  --la CODE    the responsible council's GSS code, e.g. W06000015\n"
	"  --year YYYY  the reporting year (ending 31 March YYYY); by default the\n"
	"               year of the latest date in the files\n"
	"  --check      validate only; write nothing\n"
	"\n"
	"import homes   Read the register of children's homes (docs/homes-register.md);\n"
	"               homes are added or updated by URN, all or nothing.\n"
	"\n"
	"import dir     Read a directory laid out as `cartref demo-data` writes it:\n"
	"               DIR/homes.csv and DIR/903/<CODE>/<YEAR>/*.csv, all in one\n"
	"               transaction.\n";

static const char export_usage[] =
	"usage: cartref [--db FILE] export 903 --la CODE --year YYYY DIR\n"
	"       cartref [--db FILE] export homes FILE\n"
	"\n"
	"export 903     Write a council's stored return for a year as header.csv,\n"
	"               episodes.csv, missing.csv and oc2.csv in DIR (created if\n"
	"               needed), in the canonical form import reads back\n"
	"               byte for byte.\n"
	"export homes   Write the register of homes as CSV.\n";

static const char stats_usage[] =
	"usage: cartref [--db FILE] stats\n"
	"\n"
	"Print the store's counts: councils, homes and places (open today, by\n"
	"provider type), and per reporting year the returns, children looked\n"
	"after during the year and at 31 March, episodes, missing and away\n"
	"periods and OC2 rows.\n";

static const char distance_usage[] =
	"usage: cartref [--db FILE] distance POSTCODE POSTCODE\n"
	"\n"
	"Straight-line distance in miles between two postcodes the SSDA903 way:\n"
	"full-postcode grid references where known, else the postcode district\n"
	"centroid; sqrt(dE^2 + dN^2) / 1000 / 1.6093, to one decimal place.\n"
	"Prints \"unknown\" (exit status 3) when either postcode is not known.\n";

static const char demo_usage[] =
	"usage: cartref demo-data [--seed N] [--scale wales|england] OUTDIR\n"
	"\n"
	"Write a deterministic synthetic data set: a register of children's homes\n"
	"(OUTDIR/homes.csv) and an SSDA903 return per council for reporting years\n"
	"2017 to 2019 (OUTDIR/903/<CODE>/<YEAR>/*.csv), with real postcodes and\n"
	"councils.  wales: 22 councils, 178 homes with 774 places, about 6,400\n"
	"children looked after at 31 March.  england: about 150 councils, 3,000\n"
	"homes and 85,000 children a year (for benchmarks).  No real child is in\n"
	"it.  Load it with `cartref import dir OUTDIR`.\n"
	"  --seed N     random seed (default 1)\n"
	"  --scale S    wales (default) or england\n";

static const char review_usage[] =
	"usage: cartref [--db FILE] review [--year YYYY] [--la CODE | --home URN]\n"
	"                      [--publish] [--format json|csv|html|md|xlsx]\n"
	"                      [--lang en|cy] [-o FILE] [--timing]\n"
	"\n"
	"The national review's figures for a reporting year (1 April to 31 March,\n"
	"named by the year it ends; default: the latest year imported), for Wales\n"
	"(or every council in the store), one council (--la) or one home\n"
	"(--home): places and sufficiency, placement stability, missing from\n"
	"care, distance from home, outcomes, and tables by council, provider type\n"
	"and home.  Definitions: docs/indicators.md; JSON: docs/review-json.md.\n"
	"  --publish   disclosure control: counts 1-4 shown as *, others rounded\n"
	"              to the nearest 5, rates suppressed on small numbers.\n"
	"              Without it figures are exact: for staff only.\n"
	"  --format F  md (default), json, csv, html (one self-contained file\n"
	"              with charts and a map) or xlsx (needs -o)\n"
	"  --lang L    en (default) or cy (Cymraeg)\n"
	"  -o FILE     write to FILE (default: standard output)\n"
	"  --timing    print how long loading, computing and rendering took\n";

const struct command commands[] = {
	{ "help", cmd_help, "show commands or one command's help", help_usage, 0 },
	{ "version", cmd_version, "print the version", version_usage, 0 },
	{ "migrate", cmd_migrate, "create or upgrade the store", migrate_usage, 0 },
	{ "import", cmd_import, "import SSDA903 returns or the homes register",
	  import_usage, 0 },
	{ "export", cmd_export, "export a return or the homes register",
	  export_usage, 0 },
	{ "stats", cmd_stats, "print the store's counts", stats_usage, 0 },
	{ "distance", cmd_distance, "miles between two postcodes",
	  distance_usage, 0 },
	{ "review", cmd_review, "the national review's figures and report",
	  review_usage, 0 },
	{ "demo-data", cmd_demo_data, "write the synthetic Wales data set",
	  demo_usage, 0 },
};
const size_t ncommands = ARRAY_SIZE(commands);

static const struct command *find_command(const char *name)
{
	for (size_t i = 0; i < ncommands; i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

const char *cli_usage_of(const char *name)
{
	const struct command *cmd = find_command(name);

	if (!cmd)
		BUG("no command %s", name);
	return cmd->usage;
}

static void print_overview(FILE *out)
{
	fprintf(out,
		"usage: cartref [--db FILE] COMMAND [ARGS]\n"
		"\n"
		"cartref monitors children's residential care in Wales.\n"
		"\n"
		"Commands:\n");
	for (size_t i = 0; i < ncommands; i++)
		fprintf(out, "  %-10s  %s\n", commands[i].name,
			commands[i].summary);
	fprintf(out,
		"\n"
		"Global options:\n"
		"  --db FILE   the store (default cartref.db, or $CARTREF_DB)\n"
		"\n"
		"`cartref COMMAND --help` shows a command's options.\n");
}

int cli_usage(const char *usage, bool to_stderr)
{
	fputs(usage, to_stderr ? stderr : stdout);
	return to_stderr ? 2 : 0;
}

bool cli_wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--"))
			break;
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
			return true;
	}
	return false;
}

int cli_fail(const struct err *e)
{
	fprintf(stderr, "cartref: %s\n", err_text(e));
	return 1;
}

int cli_open_store(struct cli *c, struct store **out)
{
	struct err err = ERR_INIT;
	char datadir[4096];
	int rc;

	rc = store_open(out, c->db, &err);
	if (rc)
		return cli_fail(&err);
	if (store_geo_loaded(*out))
		return 0;
	rc = geo_find_datadir(datadir, sizeof(datadir), &err);
	if (!rc)
		rc = geo_import(*out, datadir, &err);
	if (rc) {
		store_close(*out);
		*out = NULL;
		return cli_fail(&err);
	}
	return 0;
}

int cmd_help(struct cli *c, int argc, char **argv)
{
	const struct command *cmd;

	(void)c;
	if (argc < 2) {
		print_overview(stdout);
		return 0;
	}
	cmd = find_command(argv[1]);
	if (!cmd) {
		fprintf(stderr, "cartref: no command \"%s\"\n", argv[1]);
		return 2;
	}
	return cli_usage(cmd->usage, false);
}

int cmd_version(struct cli *c, int argc, char **argv)
{
	(void)c;
	(void)argc;
	(void)argv;
	printf("cartref %s (store schema %d)\n", VERSION,
	       store_schema_latest());
	return 0;
}

int main(int argc, char **argv)
{
	struct cli c = { getenv("CARTREF_DB") };
	const struct command *cmd;
	int i = 1;

	if (!c.db || !*c.db)
		c.db = "cartref.db";
	while (i < argc && argv[i][0] == '-') {
		if (!strcmp(argv[i], "--db") && i + 1 < argc) {
			c.db = argv[i + 1];
			i += 2;
		} else if (!strncmp(argv[i], "--db=", 5)) {
			c.db = argv[i] + 5;
			i++;
		} else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			print_overview(stdout);
			return 0;
		} else if (!strcmp(argv[i], "--version")) {
			return cmd_version(&c, 0, NULL);
		} else {
			fprintf(stderr, "cartref: unknown option %s\n", argv[i]);
			print_overview(stderr);
			return 2;
		}
	}
	if (i >= argc) {
		print_overview(stderr);
		return 2;
	}
	cmd = find_command(argv[i]);
	if (!cmd) {
		fprintf(stderr, "cartref: no command \"%s\" (see cartref help)\n",
			argv[i]);
		return 2;
	}
	if (cli_wants_help(argc - i, argv + i))
		return cli_usage(cmd->usage, false);
	return cmd->fn(&c, argc - i, argv + i);
}
