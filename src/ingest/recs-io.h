/*
 * recs-io.h: the recommendations register's files (issue 13;
 * docs/inspections.md, "recommendations.csv" and "rec-progress.csv"):
 * reading, checking and loading them all or nothing, and writing them
 * back canonically so that export -> import -> export gives the same
 * bytes.
 *
 * Problems are FILE:LINE:COLUMN: RULE: message in a struct diags, as the
 * other imports (ingest/import.h); nothing is written when there is one.
 * A recommendation already in the register with the same content, and
 * a progress row already recorded, are skipped, so that loading the same
 * directory again changes nothing; a stored code with other content is a
 * problem (the register changes in the app, not by importing again).
 */
#ifndef CARTREF_RECS_IO_H
#define CARTREF_RECS_IO_H

#include "base/compat.h"
#include "base/buf.h"
#include "domain/quality.h"
#include "ingest/s903-io.h"
#include "store/store-quality.h"

/* The organisations a file may address, by kind: what KIND:* expands to
 * and what KIND:CODE must be one of.  Codes in strcmp order. */
struct recs_orgs {
	char **code[ORG_NKINDS];
	size_t n[ORG_NKINDS];
	size_t alloc[ORG_NKINDS];
};

/*
 * From the store: the Welsh councils (GSS codes), the health boards and
 * police forces (their organisations' codes) and the providers of the
 * homes register (their names).
 */
int recs_orgs_load(struct store *s, struct recs_orgs *out, struct err *err);
/* Add one (a test's, or the loader's); sorted and deduplicated when
 * read. */
void recs_orgs_add(struct recs_orgs *o, enum org_kind kind,
		   const char *code);
void recs_orgs_release(struct recs_orgs *o);

/* One row of recommendations.csv, read. */
struct recs_row {
	struct rec r;
	struct rec_addressee *a;	/* expanded, by kind then code */
	size_t na;
	char (*repeats)[Q_CODE_MAX + 1];	/* the codes it repeats */
	size_t nrepeats;
	bool stored;		/* in the register already, the same */
};

enum recs_record { RECS_ACTION = 0, RECS_UPDATE, RECS_VERDICT };

/* One row of rec-progress.csv, read. */
struct recs_progress {
	char code[Q_CODE_MAX + 1];
	enum org_kind kind;
	char org[ORG_CODE_MAX + 1];
	enum recs_record record;
	int64_t at;
	char by[Q_BY_MAX + 1];
	struct rec_action action;	/* RECS_ACTION */
	struct rec_update update;	/* RECS_UPDATE */
	enum rec_verdict verdict;	/* RECS_VERDICT */
	char reason[Q_TEXT_MAX + 1];
	bool stored;		/* recorded already */
	uint32_t line;
};

struct recs_file {
	struct recs_row *rows;
	size_t nrows;
	struct recs_progress *prog;
	size_t nprog;
};
#define RECS_FILE_INIT { NULL, 0, NULL, 0 }
void recs_file_release(struct recs_file *f);

/*
 * Read and check recs_path (recommendations.csv; NULL: none) and
 * progress_path (rec-progress.csv; NULL: none) against the organisations
 * orgs and the register stored (QP_RECS of a quality set; may be
 * empty), into out.  Problems go to d.  0, or ERR_IO and the like for a
 * file that cannot be read, with err set.
 */
int recs_read(const char *recs_path, const char *progress_path,
	      const struct recs_orgs *orgs, const struct quality_set *stored,
	      struct recs_file *out, struct diags *d, struct err *err);

/*
 * Read, check and (unless check) load both files into store s, in one
 * transaction (a savepoint inside the caller's): all or nothing.  *nrecs
 * and *nprogress (may be NULL) count the rows added.
 */
int recs_import(struct store *s, const char *recs_path,
		const char *progress_path, bool check, struct diags *d,
		long *nrecs, long *nprogress, struct err *err);

/* As recs_import(), with more organisations than the store's (may be
 * NULL): those of files read in the same import but not written, as the
 * homes register of `import dir --check`. */
int recs_import_more(struct store *s, const char *recs_path,
		     const char *progress_path, const struct recs_orgs *more,
		     bool check, struct diags *d, long *nrecs,
		     long *nprogress, struct err *err);

/* Both files' text from the register q (QP_RECS), canonical: rows by
 * id, addressees by kind then code ("council:*" for all councils),
 * REPEATS by code; per addressee its actions, updates, then verdict. */
int recs_write(const struct quality_set *q, struct buf *recs,
	       struct buf *progress, struct err *err);

/* DIR/recommendations.csv and DIR/rec-progress.csv from store s. */
int recs_export(struct store *s, const char *dir, long *nrecs,
		long *nprogress, struct err *err);

#endif
