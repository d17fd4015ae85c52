/*
 * s903-io.h: reading SSDA903 CSV files into a return, and writing a return
 * back out as CSV, plus the homes register in the same way.
 *
 * Reading reports every problem it finds through a diagnostics sink as
 * FILE:LINE:COLUMN: RULE-ID: message and never stops at the first.
 * Writing is canonical: header row, canonical column order, CRLF line
 * ends, rows sorted by CHILD then date, so that import -> export ->
 * import gives byte-identical files.
 */
#ifndef CARTREF_S903_IO_H
#define CARTREF_S903_IO_H

#include "base/compat.h"
#include "base/err.h"
#include "domain/home.h"
#include "domain/ssda903.h"

/* A collected problem in an input file. */
struct diag {
	char *file;
	uint64_t line;
	size_t column;		/* 1-based field number; 0: whole row/file */
	const char *rule;	/* static string */
	char *msg;
};

struct diags {
	struct diag *v;
	size_t n, alloc;
};

#define DIAGS_INIT { NULL, 0, 0 }

void diags_add(struct diags *d, const char *file, uint64_t line,
	       size_t column, const char *rule, const char *fmt, ...)
	PRINTF_LIKE(6, 7);
/*
 * Sort by file, line, column, then print each as FILE:LINE:COL: RULE: msg
 * (out NULL: only sort).
 */
void diags_print(struct diags *d, FILE *out, size_t max);
void diags_release(struct diags *d);

/*
 * Read one SSDA903 CSV file, detecting its table from the header row, and
 * append its rows to r.  Problems go to d.  *table receives the detected
 * table (or -1) and colpos[i] the 1-based position in the file of the
 * table's i-th column (0 if absent), for messages about whole rows.
 * Rows of a table whose bit is set in skip (1 << table)
 * are not read: the caller already has that table.  Returns 0 unless the
 * file could not be read at all (ERR_IO, with err set); content problems
 * are only diagnostics.
 */
#define S903_MAX_COLS 32
int s903_read_file(const char *path, struct s903_return *r, int *table,
		   unsigned skip, size_t colpos[S903_MAX_COLS],
		   struct diags *d, struct err *err);

/*
 * Write the tables of r (sorted) into dir as header.csv, episodes.csv,
 * missing.csv, oc2.csv and, for each later table with rows or present in
 * the input, its own file (s903_tables[t].file), creating dir (and
 * parents) if needed.
 */
int s903_write_dir(const char *dir, const struct s903_return *r,
		   struct err *err);

/*
 * Read a homes register CSV (docs/homes-register.md) into a malloc'd
 * array sorted by URN.  la_known (may be NULL) says whether an LA code is
 * a known local authority; unknown ones are reported as la-unknown.
 */
typedef bool homes_la_fn(const char *code, void *ctx);
int homes_read_file(const char *path, struct home **homes, size_t *n,
		    homes_la_fn *la_known, void *ctx, struct diags *d,
		    struct err *err);
int homes_write_file(const char *path, const struct home *homes, size_t n,
		     struct err *err);

#endif
