/*
 * import.h: validated, all-or-nothing imports into the store.
 *
 * Each function reads its files, collects every problem in d (see
 * s903-io.h), and writes only when there is none: inside one store
 * transaction, rolled back if anything fails.  With check set it only
 * validates.  Callers decide how to show d.
 *
 * Return value: 0 when the files were read (d may still hold problems:
 * then nothing was written), or a negative ERR_* for a failure that is
 * not about the content (unreadable file, store error), with err set.
 */
#ifndef CARTREF_IMPORT_H
#define CARTREF_IMPORT_H

#include "base/compat.h"
#include "ingest/s903-io.h"
#include "ingest/rules-run.h"
#include "store/store-core.h"

struct import_counts {
	long returns, children, episodes, missing, oc2, homes;
	long rows;	/* data rows read, all tables */
	long live_episodes, meetings;	/* missing from care, live */
	long rule_rows;	/* (rule, row) pairs the DfE's rules flagged */
	long rules_run;	/* DfE rules in force for the last return */
	/*
	 * In: the returns have REASON_PLACE_CHANGE on the episode a change
	 * starts (`import 903 --rpc-on-start`), moved to the ending one
	 * (s903_rpc_to_ending()) before they are checked and stored.
	 * Out: the reasons moved, and those dropped (no earlier episode).
	 */
	bool rpc_on_start;
	long rpc_moved, rpc_dropped;
	/* the quality of care (issue 13): inspections added and replaced
	 * (with their findings), notifications added and those already
	 * stored (same home, category, time and child: not added twice) */
	long inspections, insp_replaced, findings;
	long notifications, notif_kept;
	/* the recommendations register (ingest/recs-io.h): recommendations
	 * and progress rows added (those already stored are not) */
	long recs, rec_progress;
};

/*
 * How to import a return.  The import's own checks (docs/validation.md:
 * reading, fields, across rows) always stop it.  The DfE's rules
 * (src/validate/) run when rules_on and the year is known, over the
 * rows that loaded even when those checks found problems: their
 * problems are counted, listed in rules (if not NULL) and written to
 * report (.csv, .xlsx or .json, by its name), and stop the import only
 * under strict, where they go to d like the others.
 */
struct import_opts {
	bool check;		/* read and check only: write nothing */
	bool rules_on;		/* run the DfE's rules */
	bool strict;		/* their problems stop the import too */
	struct diags *rules;	/* their problems, when not strict */
	size_t rules_max;	/* at most so many of them there; 0 all */
	const char *report;	/* the rule report file, or NULL */
	/* the register kept for the rules over several returns, or NULL */
	struct rules_env *env;
	/*
	 * In: the return read before this one (the rules' last year when it
	 * is the council's year before); out: this one (NULL: not kept).
	 */
	struct s903_return *last;
};

/*
 * One council's SSDA903 return.  year 0: infer it from the latest date.
 * import_903() is import_903_opts() with check and the rules on.
 */
int import_903_opts(struct store *s, const char *la, int year,
		    const char *const *files, size_t nfiles,
		    const struct import_opts *o, struct diags *d,
		    struct import_counts *c, struct err *err);
int import_903(struct store *s, const char *la, int year,
	       const char *const *files, size_t nfiles, bool check,
	       struct diags *d, struct import_counts *c, struct err *err);

int import_homes(struct store *s, const char *path, bool check,
		 struct diags *d, struct import_counts *c, struct err *err);

/* DIR/homes.csv (if present) and the CSV files of DIR/903/CODE/YEAR,
 * then the live missing files, the quality of care's files
 * (import_dir_quality()) and last the recommendations register
 * (DIR/recommendations.csv, DIR/rec-progress.csv: recs_import()) DIR
 * holds. */
int import_dir(struct store *s, const char *dir, bool check,
	       struct diags *d, struct import_counts *c, struct err *err);

/*
 * Live missing episodes and strategy meetings (docs/missing.md, "Import
 * files"): CSV files recognised by their header row (STARTED_AT: episodes;
 * HELD_ON: meetings), episodes before meetings, all in one transaction
 * (a savepoint inside the caller's).  Rows are checked at now_ms
 * (mfc_episode_check()); problems are FILE:LINE:COLUMN: RULE: message.
 * Children must be in the stored returns and homes in the register.
 */
int import_missing(struct store *s, const char *const *files, size_t nfiles,
		   bool check, int64_t now_ms, struct diags *d,
		   struct import_counts *c, struct err *err);

/*
 * The inspections register (docs/inspections.md): inspections.csv at
 * ipath and findings.csv at fpath (NULL: none), read and checked with
 * ingest/quality-io.h at now_ms and imported with
 * store_inspections_import() (an inspection of the same home, day and
 * type is replaced with its findings).  Reg 60 notifications from path,
 * each added with store_notification_add() unless one of the same home,
 * category, time and child is stored; a CHILD not in the store is a problem
 * (q-child-unknown).  All or nothing (a savepoint inside the caller's
 * transaction).  store false: check the rows only, not against the store
 * (`import dir --check`: its homes were not written).
 */
int import_inspections(struct store *s, const char *ipath, const char *fpath,
		       bool check, bool store, int64_t now_ms, struct diags *d,
		       struct import_counts *c, struct err *err);
int import_notifications(struct store *s, const char *path, bool check,
			 bool store, int64_t now_ms, struct diags *d,
			 struct import_counts *c, struct err *err);
/* DIR/inspections.csv (with DIR/findings.csv) and DIR/notifications.csv,
 * those DIR holds: import_dir() calls it after the homes and returns. */
int import_dir_quality(struct store *s, const char *dir, bool check,
		       int64_t now_ms, struct diags *d,
		       struct import_counts *c, struct err *err);

#endif
