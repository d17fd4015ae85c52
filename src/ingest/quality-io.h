/*
 * quality-io.h: the inspections register and reg 60 notifications as CSV
 * files (docs/inspections.md, "Files"): inspections.csv, findings.csv and
 * notifications.csv, read into the domain's structs (domain/quality.h)
 * and written back.
 *
 * Reading checks every row, with the domain's checks (q_inspection_check()
 * and the others) and the files' own rules (columns, dates, codes, a
 * finding's inspection, SEQ, REPEATS, the home), and reports each problem
 * through d as FILE:LINE:COLUMN: RULE: message, as the other imports do
 * (ingest/s903-io.h): it never stops at the first, and a caller writes
 * nothing when there is any.  No length in the input sizes anything: a
 * field longer than its column allows is a problem, never a bigger buffer.
 *
 * Writing is canonical, so that an export imported into an empty store
 * and exported again gives the same bytes: every column in the order
 * below, CRLF line ends, inspections by URN, START and TYPE, findings in
 * their inspection's order then by id (SEQ is the rank), notifications by
 * OCCURRED_AT; dates YYYY-MM-DD, instants in UTC with milliseconds.  A
 * cell a spreadsheet would run as a formula is defused as every CSV
 * cartref writes (base/csv-cell.h).  Files are written whole, private
 * (base/file.h: mode 0600).
 */
#ifndef CARTREF_QUALITY_IO_H
#define CARTREF_QUALITY_IO_H

#include "base/compat.h"
#include "base/buf.h"
#include "base/err.h"
#include "domain/quality.h"
#include "ingest/s903-io.h"

/* The files' names in a directory (`import dir`, `export inspections`). */
#define QIO_INSPECTIONS_FILE "inspections.csv"
#define QIO_FINDINGS_FILE "findings.csv"
#define QIO_NOTIFICATIONS_FILE "notifications.csv"

/* Rule ids of the files' own problems (the domain's checks give theirs). */
#define QIO_RULE_DATE "q-date"
#define QIO_RULE_TIME "q-time"
#define QIO_RULE_CODE "q-code"
#define QIO_RULE_LENGTH "q-too-long"
#define QIO_RULE_SEQ "q-seq"
#define QIO_RULE_INSP_DUP "q-inspection-duplicate"
#define QIO_RULE_INSP_UNKNOWN "q-inspection-unknown"
#define QIO_RULE_SEQ_DUP "q-seq-duplicate"
#define QIO_RULE_REPEATS "q-repeats"
#define QIO_RULE_REPEATS_UNKNOWN "q-repeats-unknown"
#define QIO_RULE_HOME_UNKNOWN "q-home-unknown"
#define QIO_RULE_CHILD_UNKNOWN "q-child-unknown"

/* Whether URN urn is a home of the register. */
typedef bool qio_home_fn(const char *urn, void *ctx);

/* What the reader checks rows against. */
struct qio_env {
	qio_home_fn *home_known;	/* NULL: every URN is */
	void *ctx;
	int32_t today;		/* the day "now", for q_inspection_check() */
	int64_t now_ms;		/* the instant, for q_notification_check() */
};

/*
 * Inspections and their findings as read: insp in file order (id 0,
 * line set); f by inspection then SEQ, f[k].inspection_id the 1-based
 * index in insp of its inspection and f[k].repeats_id 0 or the 1-based
 * index in f of the finding it repeats: what store_inspections_import()
 * takes.
 */
struct qio_inspections {
	struct q_inspection *insp;
	size_t ninsp;
	struct q_finding *f;
	size_t nf;
};
#define QIO_INSPECTIONS_INIT { NULL, 0, NULL, 0 }
void qio_inspections_release(struct qio_inspections *q);

/*
 * Read inspections.csv at ipath and, when fpath is not NULL, findings.csv
 * at fpath into out (QIO_INSPECTIONS_INIT or released).  0 when the files
 * were read (d may hold problems: then out holds the rows that passed,
 * not to be written), or ERR_IO with err set for a file that cannot be.
 */
int qio_read_inspections(const char *ipath, const char *fpath,
			 const struct qio_env *env, struct qio_inspections *out,
			 struct diags *d, struct err *err);
/* The same from memory (fdata NULL: no findings file); the names are for
 * the messages. */
int qio_read_inspections_mem(const char *iname, const void *idata,
			     size_t ilen, const char *fname, const void *fdata,
			     size_t flen, const struct qio_env *env,
			     struct qio_inspections *out, struct diags *d,
			     struct err *err);

/*
 * Read notifications.csv into *out (malloc'ed, file order, *n), as above.
 * Whether a named child is in the store is the writer's question
 * (store_notification_add(): ERR_NOT_FOUND): the caller reports it as
 * QIO_RULE_CHILD_UNKNOWN at the row's line and *child_col (may be NULL),
 * the file's CHILD column (1-based; 0 when it has none).
 */
int qio_read_notifications(const char *path, const struct qio_env *env,
			   struct q_notification **out, size_t *n,
			   size_t *child_col, struct diags *d, struct err *err);
int qio_read_notifications_mem(const char *name, const void *data, size_t len,
			       const struct qio_env *env,
			       struct q_notification **out, size_t *n,
			       size_t *child_col, struct diags *d,
			       struct err *err);

/*
 * Write inspections (linked by id: f[k].inspection_id is an insp[].id,
 * f[k].repeats_id 0 or an f[].id, as store_quality_load() gives them)
 * into ib and fb, or to the files ipath and fpath.  ERR_INVALID for a
 * finding whose inspection or repeated finding is not among them.
 */
int qio_format_inspections(struct buf *ib, struct buf *fb,
			   const struct q_inspection *insp, size_t n,
			   const struct q_finding *f, size_t nf,
			   struct err *err);
int qio_write_inspections(const char *ipath, const char *fpath,
			  const struct q_inspection *insp, size_t n,
			  const struct q_finding *f, size_t nf,
			  struct err *err);
void qio_format_notifications(struct buf *b, const struct q_notification *v,
			      size_t n);
int qio_write_notifications(const char *path, const struct q_notification *v,
			    size_t n, struct err *err);

#endif
