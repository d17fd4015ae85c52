/*
 * cli.h: the command table of the cartref binary (git's builtin/ shape):
 * one cmd-*.c file per command, each exporting one cmd_* function.
 */
#ifndef CARTREF_CLI_H
#define CARTREF_CLI_H

#include "base/compat.h"
#include "base/err.h"
#include "store/store.h"

struct cli {
	const char *db;		/* --db, default cartref.db */
};

struct command {
	const char *name;
	int (*fn)(struct cli *c, int argc, char **argv);
	const char *summary;
	const char *usage;	/* full --help text */
	unsigned flags;
};

/* Open the store at c->db, migrated and with geography loaded. */
int cli_open_store(struct cli *c, struct store **out);
/* Print "cartref: <msg>" to stderr and return exit status 1. */
int cli_fail(const struct err *e);
/* Is argv[i] "--help" or "-h"? */
bool cli_wants_help(int argc, char **argv);
int cli_usage(const char *usage, bool to_stderr);
/* The --help text of the named command. */
const char *cli_usage_of(const char *name);

int cmd_help(struct cli *c, int argc, char **argv);
int cmd_version(struct cli *c, int argc, char **argv);
int cmd_migrate(struct cli *c, int argc, char **argv);
int cmd_import(struct cli *c, int argc, char **argv);
int cmd_export(struct cli *c, int argc, char **argv);
/* import / export inspections|notifications (cmd-inspections.c): argv[0]
 * is the word after import or export. */
int cmd_import_quality(struct cli *c, int argc, char **argv);
int cmd_export_quality(struct cli *c, int argc, char **argv);
int cmd_validate(struct cli *c, int argc, char **argv);
int cmd_rules(struct cli *c, int argc, char **argv);
int cmd_stats(struct cli *c, int argc, char **argv);
int cmd_distance(struct cli *c, int argc, char **argv);
int cmd_demo_data(struct cli *c, int argc, char **argv);
int cmd_demo_child(struct cli *c, int argc, char **argv);
int cmd_review(struct cli *c, int argc, char **argv);
int cmd_user(struct cli *c, int argc, char **argv);
int cmd_audit(struct cli *c, int argc, char **argv);
int cmd_serve(struct cli *c, int argc, char **argv);
int cmd_missing(struct cli *c, int argc, char **argv);
/* `recommendations report` (argv[0] "report"): cmd-recs-report.c */
int cmd_recs_report(struct cli *c, int argc, char **argv);
int cmd_alerts(struct cli *c, int argc, char **argv);
int cmd_webhook(struct cli *c, int argc, char **argv);
int cmd_outbox(struct cli *c, int argc, char **argv);
/* the recommendations register (cmd-quality.c) */
int cmd_recommendations(struct cli *c, int argc, char **argv);

extern const struct command commands[];
extern const size_t ncommands;

#endif
