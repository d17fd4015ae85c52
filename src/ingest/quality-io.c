/*
 * quality-io.c: inspections.csv, findings.csv and notifications.csv read
 * and written (docs/inspections.md).  See quality-io.h.
 */
#include "base/compat.h"
#include "base/csv-cell.h"
#include "base/file.h"
#include "base/parse.h"
#include "base/xalloc.h"
#include "domain/missing.h"
#include "ingest/csv.h"
#include "ingest/quality-io.h"

/*
 * A field may hold the longest text a column takes and a little more, so
 * that one too long is a problem of that column with its name (the
 * reader's own limit would only say "field too long").  A register of
 * Wales holds thousands of rows; the cap only stops a runaway file.
 */
static const struct csv_limits qio_limits = { Q_TEXT_MAX + 64, 64, 1000000 };

/* ---- the columns ---------------------------------------------------------- */

enum { IC_URN, IC_START, IC_END, IC_TYPE, IC_INSPECTORS, IC_WELLBEING,
       IC_CARE_SUPPORT, IC_ENVIRONMENT, IC_LEADERSHIP, IC_SUMMARY, IC_N };
static const char *const insp_cols[IC_N + 1] = {
	"URN", "START", "END", "TYPE", "INSPECTORS", "WELLBEING",
	"CARE_SUPPORT", "ENVIRONMENT", "LEADERSHIP", "SUMMARY", NULL };
static const bool insp_required[IC_N] = {
	[IC_URN] = true, [IC_START] = true, [IC_TYPE] = true,
	[IC_INSPECTORS] = true };

enum { FC_URN, FC_START, FC_TYPE, FC_SEQ, FC_KIND, FC_REGULATION, FC_TEXT,
       FC_DUE, FC_STATUS, FC_JUDGED_ON, FC_REPEATS, FC_RESPONSE,
       FC_RESPONSE_TARGET, FC_RESPONDED_AT, FC_N };
static const char *const find_cols[FC_N + 1] = {
	"URN", "START", "TYPE", "SEQ", "KIND", "REGULATION", "TEXT", "DUE",
	"STATUS", "JUDGED_ON", "REPEATS", "RESPONSE", "RESPONSE_TARGET",
	"RESPONDED_AT", NULL };
static const bool find_required[FC_N] = {
	[FC_URN] = true, [FC_START] = true, [FC_TYPE] = true,
	[FC_SEQ] = true, [FC_KIND] = true, [FC_REGULATION] = true,
	[FC_TEXT] = true, [FC_STATUS] = true };

enum { NC_URN, NC_CATEGORY, NC_OCCURRED_AT, NC_LA, NC_CHILD, NC_SUMMARY,
       NC_ACTION, NC_FILED_AT, NC_N };
static const char *const notif_cols[NC_N + 1] = {
	"URN", "CATEGORY", "OCCURRED_AT", "LA", "CHILD", "SUMMARY", "ACTION",
	"FILED_AT", NULL };
static const bool notif_required[NC_N] = {
	[NC_URN] = true, [NC_CATEGORY] = true, [NC_OCCURRED_AT] = true,
	[NC_SUMMARY] = true, [NC_FILED_AT] = true };

#define QIO_MAXCOLS 16
/* A clock a few minutes fast is not "the future" (as the domain's). */
#define QIO_SKEW_MS (5 * 60 * 1000LL)

/* One file being read: where each column is (1-based; 0 absent). */
struct qio_file {
	const char *path;
	const char *what;		/* "inspections", for messages */
	const char *const *cols;
	size_t ncols;
	size_t pos[QIO_MAXCOLS];
	size_t nheader;			/* fields in the header row */
	const struct csv_record *rec;
	struct diags *d;
	size_t before;			/* problems before this row */
	bool rows;			/* the header row was good */
};

static const char *field(const struct qio_file *qf, size_t c)
{
	size_t p = qf->pos[c];

	if (!p || p > qf->rec->nfields)
		return "";
	return qf->rec->fields[p - 1];
}

static void row_diag(struct qio_file *qf, size_t c, const char *rule,
		     const char *fmt, ...) PRINTF_LIKE(4, 5);
static void row_diag(struct qio_file *qf, size_t c, const char *rule,
		     const char *fmt, ...)
{
	char msg[320];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diags_add(qf->d, qf->path, qf->rec->line,
		  c < qf->ncols ? qf->pos[c] : 0, rule, "%s", msg);
}

/* The column of a domain check's field (its CSV column name), or none. */
static size_t col_of(const struct qio_file *qf, const char *name)
{
	if (!name)
		return SIZE_MAX;
	for (size_t c = 0; c < qf->ncols; c++)
		if (!strcasecmp(qf->cols[c], name))
			return c;
	return SIZE_MAX;
}

static void problem_diag(struct qio_file *qf, const struct q_problem *p)
{
	row_diag(qf, col_of(qf, p->field), p->rule ? p->rule : "q-invalid",
		 "%s", p->msg[0] ? p->msg : "not valid");
}

/* The header row: upper-cased, trimmed names mapped to columns. */
static bool read_header(struct qio_file *qf, const struct csv_record *rec,
			const bool *required)
{
	bool ok = true;

	memset(qf->pos, 0, sizeof(qf->pos));
	qf->nheader = rec->nfields;
	for (size_t j = 0; j < rec->nfields; j++) {
		char name[40];
		const char *s = rec->fields[j];
		size_t len, c;

		while (*s == ' ' || *s == '\t')
			s++;
		len = strlen(s);
		while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
			len--;
		if (len >= sizeof(name))
			len = sizeof(name) - 1;	/* too long for any column */
		for (size_t k = 0; k < len; k++)	/* ASCII: no locale */
			name[k] = s[k] >= 'a' && s[k] <= 'z' ?
					  (char)(s[k] - 'a' + 'A') : s[k];
		name[len] = '\0';
		for (c = 0; c < qf->ncols; c++)
			if (!strcmp(qf->cols[c], name))
				break;
		if (c == qf->ncols)
			diags_add(qf->d, qf->path, rec->line, j + 1,
				  "column-unknown", "%.40s is not a column of "
				  "%s.csv", name[0] ? name : "(blank)",
				  qf->what);
		else if (qf->pos[c])
			diags_add(qf->d, qf->path, rec->line, j + 1,
				  "column-duplicate", "column %s appears twice",
				  qf->cols[c]);
		else
			qf->pos[c] = j + 1;
	}
	for (size_t c = 0; c < qf->ncols; c++)
		if (required[c] && !qf->pos[c]) {
			diags_add(qf->d, qf->path, rec->line, 0,
				  "column-missing", "%s.csv has no %s column",
				  qf->what, qf->cols[c]);
			ok = false;
		}
	return ok;
}

typedef int row_fn(struct qio_file *qf, void *ctx, struct err *err);

/*
 * Read every record of cr: the header, then each row through fn (a row
 * with a field count unlike the header's is a problem, not read).
 */
static int read_rows(struct csv_reader *cr, struct qio_file *qf,
		     const bool *required, row_fn *fn, void *ctx,
		     struct err *err)
{
	struct csv_record rec;
	struct csv_error ce;
	int rc;

	while ((rc = csv_next(cr, &rec, &ce, err)) == CSV_BAD)
		diags_add(qf->d, qf->path, ce.line, ce.field, ce.rule, "%s",
			  ce.msg);
	if (rc < 0)
		return rc;
	if (rc == CSV_EOF) {
		diags_add(qf->d, qf->path, 1, 0, "column-missing",
			  "file is empty: expected a header row");
		return 0;
	}
	if (!read_header(qf, &rec, required))
		return 0;
	qf->rows = true;
	while ((rc = csv_next(cr, &rec, &ce, err)) != CSV_EOF) {
		if (rc < 0)
			return rc;
		if (rc == CSV_BAD) {
			diags_add(qf->d, qf->path, ce.line, ce.field, ce.rule,
				  "%s", ce.msg);
			continue;
		}
		if (rec.nfields != qf->nheader) {
			diags_add(qf->d, qf->path, rec.line, 0,
				  CSV_RULE_FIELD_COUNT, "row has %zu fields "
				  "but the header row has %zu", rec.nfields,
				  qf->nheader);
			continue;
		}
		if (rec.line > UINT32_MAX) {
			diags_add(qf->d, qf->path, rec.line, 0,
				  CSV_RULE_RECORDS, "file too long");
			break;
		}
		qf->rec = &rec;
		qf->before = qf->d->n;
		rc = fn(qf, ctx, err);
		if (rc)
			return rc;
	}
	return 0;
}

/* ---- fields ----------------------------------------------------------------- */

/*
 * Text of column c into dst[cap]: too long is a problem, never cut.  An
 * apostrophe before what a spreadsheet would run is the export's
 * defusing (base/csv-cell.h), or a spreadsheet's own mark of text: the
 * value is what follows it, so that an export reads back as it was and
 * writes out the same bytes.
 */
static void get_text(struct qio_file *qf, size_t c, char *dst, size_t cap)
{
	const char *f = field(qf, c);
	size_t len;

	if (f[0] == '\'' && csv_cell_formula_like(f + 1))
		f++;
	len = strlen(f);

	if (len >= cap) {
		row_diag(qf, c, QIO_RULE_LENGTH, "%s is longer than %zu bytes",
			 qf->cols[c], cap - 1);
		dst[0] = '\0';
		return;
	}
	memcpy(dst, f, len + 1);
}

/* A day, YYYY-MM-DD; blank is DATE_NONE. */
static void get_day(struct qio_file *qf, size_t c, int32_t *day)
{
	const char *f = field(qf, c);

	*day = DATE_NONE;
	if (*f && parse_date_iso(f, day)) {
		row_diag(qf, c, QIO_RULE_DATE, "%s \"%.20s\" is not a date "
			 "(yyyy-mm-dd)", qf->cols[c], f);
		*day = DATE_NONE;
	}
}

/* An instant: UK local time or with Z or an offset; blank is 0. */
static void get_time(struct qio_file *qf, size_t c, int64_t *ms)
{
	const char *f = field(qf, c);

	*ms = 0;
	if (*f && mfc_time_parse(f, ms)) {
		row_diag(qf, c, QIO_RULE_TIME, "%s \"%.40s\" is not a time "
			 "(yyyy-mm-ddThh:mm in UK time, or with Z or +hh:mm; "
			 "not one the clocks skip or repeat)", qf->cols[c], f);
		*ms = 0;
	}
}

static void bad_code(struct qio_file *qf, size_t c, const char *allowed)
{
	row_diag(qf, c, QIO_RULE_CODE, "%s \"%.40s\" is not one of %s",
		 qf->cols[c], field(qf, c), allowed);
}

static void check_home(struct qio_file *qf, const struct qio_env *env,
		       const char *urn)
{
	if (urn[0] && env->home_known && !env->home_known(urn, env->ctx))
		row_diag(qf, 0, QIO_RULE_HOME_UNKNOWN, "URN %s is not a home "
			 "of the register", urn);
}

/* ---- inspections.csv ---------------------------------------------------------- */

struct insp_acc {
	const struct qio_env *env;
	struct q_inspection *v;
	size_t n, alloc;
};

static int insp_row(struct qio_file *qf, void *ctx, struct err *err)
{
	struct insp_acc *a = ctx;
	struct q_inspection *i;
	struct q_problem p;

	(void)err;
	ALLOC_GROW(a->v, a->n + 1, a->alloc);
	i = &a->v[a->n];
	q_inspection_init(i);
	i->line = (uint32_t)qf->rec->line;
	get_text(qf, IC_URN, i->urn, sizeof(i->urn));
	get_day(qf, IC_START, &i->start_on);
	get_day(qf, IC_END, &i->end_on);
	if (i->end_on == DATE_NONE)
		i->end_on = i->start_on;	/* blank: one day */
	if (q_insp_type_parse(field(qf, IC_TYPE), &i->type))
		bad_code(qf, IC_TYPE, "full, focused, post_registration");
	get_text(qf, IC_INSPECTORS, i->inspectors, sizeof(i->inspectors));
	for (int t = 0; t < Q_NTHEMES; t++)
		if (q_rating_parse(field(qf, IC_WELLBEING + (size_t)t),
				   &i->rating[t]))
			bad_code(qf, IC_WELLBEING + (size_t)t, "excellent, "
				 "good, needs_improvement, poor or blank");
	get_text(qf, IC_SUMMARY, i->summary, sizeof(i->summary));
	if (qf->d->n > qf->before)
		return 0;	/* field problems: no cascade */
	memset(&p, 0, sizeof(p));
	if (q_inspection_check(i, a->env->today, &p)) {
		problem_diag(qf, &p);
		return 0;
	}
	check_home(qf, a->env, i->urn);
	if (qf->d->n == qf->before)
		a->n++;
	return 0;
}

/* An inspection's key: URN, START, TYPE. */
static int cmp_insp_key(const struct q_inspection *x,
			const struct q_inspection *y)
{
	int c = strcmp(x->urn, y->urn);

	if (c)
		return c;
	if (x->start_on != y->start_on)
		return x->start_on < y->start_on ? -1 : 1;
	if (x->type != y->type)
		return x->type < y->type ? -1 : 1;
	return 0;
}

static int cmp_insp_ord(const void *a, const void *b, void *ctx)
{
	const struct q_inspection *v = ctx;
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int c = cmp_insp_key(&v[x], &v[y]);

	if (c)
		return c;
	return x < y ? -1 : x > y;
}

/* The index of insp sorted by key (ties in file order). */
static size_t *insp_order(const struct q_inspection *v, size_t n)
{
	size_t *ord = xcalloc(n ? n : 1, sizeof(*ord));

	for (size_t i = 0; i < n; i++)
		ord[i] = i;
	if (n)
		qsort_r(ord, n, sizeof(*ord), cmp_insp_ord, (void *)v);
	return ord;
}

/* The position in v of the inspection with key k, or SIZE_MAX. */
static size_t insp_find(const struct q_inspection *v, const size_t *ord,
			size_t n, const struct q_inspection *k)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = cmp_insp_key(&v[ord[mid]], k);

		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && !cmp_insp_key(&v[ord[lo]], k) ? ord[lo] : SIZE_MAX;
}

/* ---- findings.csv --------------------------------------------------------------- */

/* A finding as read, before it is linked. */
struct find_row {
	struct q_finding f;
	size_t insp;			/* index in the inspections */
	long seq;
	bool has_repeats;
	struct q_inspection rkey;	/* REPEATS: START/TYPE (URN: its own) */
	long rseq;
	size_t seq_col, repeats_col;
};

struct find_acc {
	const struct qio_env *env;
	const struct q_inspection *insp;
	const size_t *ord;
	size_t ninsp;
	struct find_row *v;
	size_t n, alloc;
};

static int parse_seq(const char *s, long *out)
{
	int v;

	if (parse_int(s, 1, 9999, &v))
		return ERR_INVALID;
	*out = v;
	return 0;
}

/* REPEATS: START/TYPE/SEQ. */
static int parse_repeats(const char *s, struct find_row *r)
{
	char buf[64];
	char *type, *seq;

	if (strlen(s) >= sizeof(buf))
		return ERR_INVALID;
	memcpy(buf, s, strlen(s) + 1);
	type = strchr(buf, '/');
	if (!type)
		return ERR_INVALID;
	*type++ = '\0';
	seq = strchr(type, '/');
	if (!seq)
		return ERR_INVALID;
	*seq++ = '\0';
	q_inspection_init(&r->rkey);
	if (parse_date_iso(buf, &r->rkey.start_on) ||
	    q_insp_type_parse(type, &r->rkey.type) || !type[0] ||
	    parse_seq(seq, &r->rseq))
		return ERR_INVALID;
	return 0;
}

static int find_row(struct qio_file *qf, void *ctx, struct err *err)
{
	struct find_acc *a = ctx;
	struct find_row *r;
	struct q_finding *f;
	struct q_inspection key;
	struct q_problem p;
	const char *s;

	(void)err;
	ALLOC_GROW(a->v, a->n + 1, a->alloc);
	r = &a->v[a->n];
	memset(r, 0, sizeof(*r));
	f = &r->f;
	q_finding_init(f);
	f->line = (uint32_t)qf->rec->line;
	r->seq_col = qf->pos[FC_SEQ];
	r->repeats_col = qf->pos[FC_REPEATS];
	q_inspection_init(&key);
	get_text(qf, FC_URN, key.urn, sizeof(key.urn));
	get_day(qf, FC_START, &key.start_on);
	if (!field(qf, FC_START)[0])
		row_diag(qf, FC_START, "required", "START is required");
	if (q_insp_type_parse(field(qf, FC_TYPE), &key.type))
		bad_code(qf, FC_TYPE, "full, focused, post_registration");
	if (parse_seq(field(qf, FC_SEQ), &r->seq))
		row_diag(qf, FC_SEQ, QIO_RULE_SEQ, "SEQ \"%.20s\" is not a "
			 "number from 1 to 9999", field(qf, FC_SEQ));
	if (q_finding_kind_parse(field(qf, FC_KIND), &f->kind))
		bad_code(qf, FC_KIND, "afi, pan");
	get_text(qf, FC_REGULATION, f->regulation, sizeof(f->regulation));
	get_text(qf, FC_TEXT, f->text, sizeof(f->text));
	get_day(qf, FC_DUE, &f->due_on);
	if (q_finding_status_parse(field(qf, FC_STATUS), &f->status))
		bad_code(qf, FC_STATUS, "open, responded, met, not_met");
	get_day(qf, FC_JUDGED_ON, &f->judged_on);
	s = field(qf, FC_REPEATS);
	if (*s && parse_repeats(s, r))
		row_diag(qf, FC_REPEATS, QIO_RULE_REPEATS, "REPEATS "
			 "\"%.40s\" is not START/TYPE/SEQ of an inspection "
			 "(e.g. 2019-03-04/full/2)", s);
	r->has_repeats = *s;
	get_text(qf, FC_RESPONSE, f->response, sizeof(f->response));
	get_day(qf, FC_RESPONSE_TARGET, &f->response_target_on);
	get_time(qf, FC_RESPONDED_AT, &f->responded_at);
	if (qf->d->n > qf->before)
		return 0;
	r->insp = insp_find(a->insp, a->ord, a->ninsp, &key);
	if (r->insp == SIZE_MAX) {
		char day[DATE_STR_MAX];

		date_fmt_iso(key.start_on, day);
		row_diag(qf, FC_START, QIO_RULE_INSP_UNKNOWN, "no inspection "
			 "of %s on %s (%s) in the inspections file", key.urn,
			 day, q_insp_type_code(key.type));
		return 0;
	}
	snprintf(f->urn, sizeof(f->urn), "%s", key.urn);
	memset(&p, 0, sizeof(p));
	if (q_finding_check(f, &a->insp[r->insp], &p)) {
		problem_diag(qf, &p);
		return 0;
	}
	/* the file's rule: a form's response is stamped with its time */
	if (f->status == Q_RESPONDED && !f->responded_at) {
		row_diag(qf, FC_RESPONDED_AT, "required", "RESPONDED_AT is "
			 "required: when the provider responded");
		return 0;
	}
	a->n++;
	return 0;
}

static int cmp_find(const void *x, const void *y)
{
	const struct find_row *a = x, *b = y;

	if (a->insp != b->insp)
		return a->insp < b->insp ? -1 : 1;
	if (a->seq != b->seq)
		return a->seq < b->seq ? -1 : 1;
	return a->f.line < b->f.line ? -1 : a->f.line > b->f.line;
}

/* The position of finding (insp, seq) in v (sorted), or SIZE_MAX. */
static size_t find_find(const struct find_row *v, size_t n, size_t insp,
			long seq)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (v[mid].insp < insp ||
		    (v[mid].insp == insp && v[mid].seq < seq))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && v[lo].insp == insp && v[lo].seq == seq ? lo :
								  SIZE_MAX;
}

/* Sort, refuse a SEQ twice, link each REPEATS to an earlier finding. */
static void link_findings(struct find_acc *a, const char *fpath,
			  struct diags *d)
{
	if (a->n)
		qsort(a->v, a->n, sizeof(*a->v), cmp_find);
	for (size_t k = 1; k < a->n; k++)
		if (a->v[k].insp == a->v[k - 1].insp &&
		    a->v[k].seq == a->v[k - 1].seq)
			diags_add(d, fpath, a->v[k].f.line, a->v[k].seq_col,
				  QIO_RULE_SEQ_DUP, "SEQ %ld of this inspection "
				  "is already on line %u", a->v[k].seq,
				  a->v[k - 1].f.line);
	for (size_t k = 0; k < a->n; k++) {
		struct find_row *r = &a->v[k];
		const struct q_inspection *own = &a->insp[r->insp];
		size_t ri, rk;

		if (!r->has_repeats)
			continue;
		snprintf(r->rkey.urn, sizeof(r->rkey.urn), "%s", own->urn);
		ri = insp_find(a->insp, a->ord, a->ninsp, &r->rkey);
		rk = ri == SIZE_MAX ? SIZE_MAX :
				      find_find(a->v, a->n, ri, r->rseq);
		if (rk == SIZE_MAX)
			diags_add(d, fpath, r->f.line, r->repeats_col,
				  QIO_RULE_REPEATS_UNKNOWN, "REPEATS names no "
				  "finding of an inspection of %s in these "
				  "files", own->urn);
		else if (a->insp[ri].start_on >= own->start_on)
			diags_add(d, fpath, r->f.line, r->repeats_col,
				  QIO_RULE_REPEATS, "REPEATS names a finding "
				  "of an inspection that is not earlier than "
				  "this one");
		else
			r->f.repeats_id = (int64_t)rk + 1;
	}
}

/* ---- reading both --------------------------------------------------------------- */

void qio_inspections_release(struct qio_inspections *q)
{
	free(q->insp);
	free(q->f);
	memset(q, 0, sizeof(*q));
}

static int read_inspections(struct csv_reader *icr, const char *iname,
			    struct csv_reader *fcr, const char *fname,
			    const struct qio_env *env,
			    struct qio_inspections *out, struct diags *d,
			    struct err *err)
{
	struct qio_file qi = { iname, "inspections", insp_cols, IC_N, { 0 },
			       0, NULL, d, 0, false };
	struct qio_file qf = { fname, "findings", find_cols, FC_N, { 0 }, 0,
			       NULL, d, 0, false };
	struct insp_acc ia = { env, NULL, 0, 0 };
	struct find_acc fa = { env, NULL, NULL, 0, NULL, 0, 0 };
	size_t *ord = NULL;
	int rc;

	memset(out, 0, sizeof(*out));
	rc = read_rows(icr, &qi, insp_required, insp_row, &ia, err);
	if (rc)
		goto out;
	/* an inspection is known by URN, START and TYPE: once a file */
	ord = insp_order(ia.v, ia.n);
	for (size_t k = 1; k < ia.n; k++)
		if (!cmp_insp_key(&ia.v[ord[k]], &ia.v[ord[k - 1]]))
			diags_add(d, iname, ia.v[ord[k]].line, qi.pos[IC_START],
				  QIO_RULE_INSP_DUP, "an inspection of %s on "
				  "this day of this type is already on line %u",
				  ia.v[ord[k]].urn, ia.v[ord[k - 1]].line);
	/* without inspections every finding would be "not in the file" */
	if (fcr && qi.rows) {
		fa.insp = ia.v;
		fa.ord = ord;
		fa.ninsp = ia.n;
		rc = read_rows(fcr, &qf, find_required, find_row, &fa, err);
		if (rc)
			goto out;
		link_findings(&fa, fname, d);
	}
	out->insp = ia.v;
	out->ninsp = ia.n;
	ia.v = NULL;
	out->f = xcalloc(fa.n ? fa.n : 1, sizeof(*out->f));
	for (size_t k = 0; k < fa.n; k++) {
		out->f[k] = fa.v[k].f;
		out->f[k].inspection_id = (int64_t)fa.v[k].insp + 1;
	}
	out->nf = fa.n;
out:
	free(ia.v);
	free(fa.v);
	free(ord);
	return rc;
}

int qio_read_inspections(const char *ipath, const char *fpath,
			 const struct qio_env *env, struct qio_inspections *out,
			 struct diags *d, struct err *err)
{
	struct csv_reader *icr = NULL, *fcr = NULL;
	int rc;

	memset(out, 0, sizeof(*out));
	rc = csv_open_file(&icr, ipath, &qio_limits, err);
	if (!rc && fpath)
		rc = csv_open_file(&fcr, fpath, &qio_limits, err);
	if (!rc)
		rc = read_inspections(icr, ipath, fcr, fpath, env, out, d,
				      err);
	csv_close(icr);
	csv_close(fcr);
	return rc;
}

int qio_read_inspections_mem(const char *iname, const void *idata,
			     size_t ilen, const char *fname, const void *fdata,
			     size_t flen, const struct qio_env *env,
			     struct qio_inspections *out, struct diags *d,
			     struct err *err)
{
	struct csv_reader *icr = csv_open_mem(idata, ilen, &qio_limits);
	struct csv_reader *fcr = fdata ? csv_open_mem(fdata, flen,
						      &qio_limits) : NULL;
	int rc = read_inspections(icr, iname, fcr, fname, env, out, d, err);

	csv_close(icr);
	csv_close(fcr);
	return rc;
}

/* ---- notifications.csv ---------------------------------------------------------- */

struct notif_acc {
	const struct qio_env *env;
	struct q_notification *v;
	size_t n, alloc;
};

static int notif_row(struct qio_file *qf, void *ctx, struct err *err)
{
	struct notif_acc *a = ctx;
	struct q_notification *n;
	struct q_problem p;

	(void)err;
	ALLOC_GROW(a->v, a->n + 1, a->alloc);
	n = &a->v[a->n];
	q_notification_init(n);
	n->line = (uint32_t)qf->rec->line;
	get_text(qf, NC_URN, n->urn, sizeof(n->urn));
	get_text(qf, NC_CATEGORY, n->category, sizeof(n->category));
	if (n->category[0] && !notif_category_find(n->category))
		row_diag(qf, NC_CATEGORY, QIO_RULE_CODE, "CATEGORY \"%s\" is "
			 "not a category of notification (docs/inspections.md)",
			 n->category);
	get_time(qf, NC_OCCURRED_AT, &n->occurred_at);
	get_text(qf, NC_LA, n->la, sizeof(n->la));
	get_text(qf, NC_CHILD, n->ref, sizeof(n->ref));
	get_text(qf, NC_SUMMARY, n->summary, sizeof(n->summary));
	get_text(qf, NC_ACTION, n->action, sizeof(n->action));
	get_time(qf, NC_FILED_AT, &n->filed_at);
	if (qf->d->n > qf->before)
		return 0;
	memset(&p, 0, sizeof(p));
	if (q_notification_check(n, a->env->now_ms, &p)) {
		problem_diag(qf, &p);
		return 0;
	}
	/* filed_at is the store's ("read only") in a form: the file's rule */
	if (!n->filed_at)
		row_diag(qf, NC_FILED_AT, "required", "FILED_AT is required");
	else if (n->filed_at > a->env->now_ms + QIO_SKEW_MS)
		row_diag(qf, NC_FILED_AT, "future", "FILED_AT is in the "
			 "future");
	check_home(qf, a->env, n->urn);
	if (qf->d->n == qf->before)
		a->n++;
	return 0;
}

static int read_notifications(struct csv_reader *cr, const char *name,
			      const struct qio_env *env,
			      struct q_notification **out, size_t *n,
			      size_t *child_col, struct diags *d,
			      struct err *err)
{
	struct qio_file qf = { name, "notifications", notif_cols, NC_N,
			       { 0 }, 0, NULL, d, 0, false };
	struct notif_acc a = { env, NULL, 0, 0 };
	int rc = read_rows(cr, &qf, notif_required, notif_row, &a, err);

	if (child_col)
		*child_col = qf.pos[NC_CHILD];
	if (rc) {
		free(a.v);
		a.v = NULL;
		a.n = 0;
	}
	*out = a.v;
	*n = a.n;
	return rc;
}

int qio_read_notifications(const char *path, const struct qio_env *env,
			   struct q_notification **out, size_t *n,
			   size_t *child_col, struct diags *d, struct err *err)
{
	struct csv_reader *cr = NULL;
	int rc;

	*out = NULL;
	*n = 0;
	if (child_col)
		*child_col = 0;
	rc = csv_open_file(&cr, path, &qio_limits, err);
	if (!rc)
		rc = read_notifications(cr, path, env, out, n, child_col, d,
					err);
	csv_close(cr);
	return rc;
}

int qio_read_notifications_mem(const char *name, const void *data, size_t len,
			       const struct qio_env *env,
			       struct q_notification **out, size_t *n,
			       size_t *child_col, struct diags *d,
			       struct err *err)
{
	struct csv_reader *cr = csv_open_mem(data, len, &qio_limits);
	int rc = read_notifications(cr, name, env, out, n, child_col, d, err);

	csv_close(cr);
	return rc;
}

/* ---- writing -------------------------------------------------------------------- */

static void put_header(struct buf *b, const char *const *cols)
{
	for (size_t c = 0; cols[c]; c++)
		csv_put(b, cols[c], c == 0);
	csv_end_record(b);
}

static void put_row(struct buf *b, const char *const *f, size_t n)
{
	for (size_t c = 0; c < n; c++)
		csv_put(b, f[c], c == 0);
	csv_end_record(b);
}

/* Ids sorted, to find a row by id. */
struct by_id {
	int64_t id;
	size_t at;
};

static int cmp_by_id(const void *a, const void *b)
{
	const struct by_id *x = a, *y = b;

	return x->id < y->id ? -1 : x->id > y->id;
}

static size_t id_find(const struct by_id *v, size_t n, int64_t id)
{
	struct by_id k = { id, 0 };
	const struct by_id *hit = n ? bsearch(&k, v, n, sizeof(*v),
					      cmp_by_id) : NULL;

	return hit ? hit->at : SIZE_MAX;
}

/* Output order of findings: their inspection's rank, then id. */
struct find_out {
	size_t rank;		/* of the inspection in the output */
	int64_t id;
	size_t at;		/* in f */
	long seq;
};

static int cmp_find_out(const void *a, const void *b)
{
	const struct find_out *x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static int cmp_insp_write(const void *a, const void *b, void *ctx)
{
	const struct q_inspection *v = ctx;
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int c = cmp_insp_key(&v[x], &v[y]);

	if (c)
		return c;
	return v[x].id < v[y].id ? -1 : v[x].id > v[y].id;
}

int qio_format_inspections(struct buf *ib, struct buf *fb,
			   const struct q_inspection *insp, size_t n,
			   const struct q_finding *f, size_t nf,
			   struct err *err)
{
	size_t *ord = xcalloc(n ? n : 1, sizeof(*ord));
	size_t *rank = xcalloc(n ? n : 1, sizeof(*rank));
	struct by_id *iid = xcalloc(n ? n : 1, sizeof(*iid));
	struct by_id *fid = xcalloc(nf ? nf : 1, sizeof(*fid));
	struct find_out *fo = xcalloc(nf ? nf : 1, sizeof(*fo));
	size_t *fpos = xcalloc(nf ? nf : 1, sizeof(*fpos));
	int rc = 0;

	for (size_t k = 0; k < n; k++) {
		ord[k] = k;
		iid[k] = (struct by_id){ insp[k].id, k };
	}
	if (n) {
		qsort_r(ord, n, sizeof(*ord), cmp_insp_write, (void *)insp);
		qsort(iid, n, sizeof(*iid), cmp_by_id);
	}
	for (size_t k = 0; k < n; k++)
		rank[ord[k]] = k;
	for (size_t k = 0; k < nf; k++) {
		size_t i = id_find(iid, n, f[k].inspection_id);

		if (i == SIZE_MAX) {
			rc = err_set(err, ERR_INVALID, "finding %lld: its "
				     "inspection %lld is not among those "
				     "written", (long long)f[k].id,
				     (long long)f[k].inspection_id);
			goto out;
		}
		fo[k] = (struct find_out){ rank[i], f[k].id, k, 0 };
		fid[k] = (struct by_id){ f[k].id, k };
	}
	if (nf) {
		qsort(fo, nf, sizeof(*fo), cmp_find_out);
		qsort(fid, nf, sizeof(*fid), cmp_by_id);
	}
	/* SEQ: the rank of a finding within its inspection */
	for (size_t k = 0; k < nf; k++) {
		fo[k].seq = k && fo[k - 1].rank == fo[k].rank ?
				    fo[k - 1].seq + 1 : 1;
		fpos[fo[k].at] = k;
	}
	put_header(ib, insp_cols);
	for (size_t k = 0; k < n; k++) {
		const struct q_inspection *i = &insp[ord[k]];
		char start[DATE_STR_MAX], end[DATE_STR_MAX];
		const char *v[IC_N];

		date_fmt_iso(i->start_on, start);
		/* one day: END blank, as a file would give it */
		date_fmt_iso(i->end_on == i->start_on ? DATE_NONE : i->end_on,
			     end);
		v[IC_URN] = i->urn;
		v[IC_START] = start;
		v[IC_END] = end;
		v[IC_TYPE] = q_insp_type_code(i->type);
		v[IC_INSPECTORS] = i->inspectors;
		for (int t = 0; t < Q_NTHEMES; t++)
			v[IC_WELLBEING + t] = q_rating_code(i->rating[t]);
		v[IC_SUMMARY] = i->summary;
		put_row(ib, v, IC_N);
	}
	put_header(fb, find_cols);
	for (size_t k = 0; k < nf; k++) {
		const struct q_finding *g = &f[fo[k].at];
		const struct q_inspection *i = &insp[ord[fo[k].rank]];
		char start[DATE_STR_MAX], due[DATE_STR_MAX], judged[DATE_STR_MAX];
		char target[DATE_STR_MAX], seq[24], rep[64] = "";
		char at[MFC_TIME_STR];
		const char *v[FC_N];

		date_fmt_iso(i->start_on, start);
		date_fmt_iso(g->due_on, due);
		date_fmt_iso(g->judged_on, judged);
		date_fmt_iso(g->response_target_on, target);
		mfc_time_fmt(g->responded_at, at);
		snprintf(seq, sizeof(seq), "%ld", fo[k].seq);
		if (g->repeats_id) {
			size_t r = id_find(fid, nf, g->repeats_id);
			char rs[DATE_STR_MAX];

			if (r == SIZE_MAX) {
				rc = err_set(err, ERR_INVALID, "finding %lld "
					     "repeats finding %lld, not among "
					     "those written", (long long)g->id,
					     (long long)g->repeats_id);
				goto out;
			}
			r = fpos[r];
			date_fmt_iso(insp[ord[fo[r].rank]].start_on, rs);
			snprintf(rep, sizeof(rep), "%s/%s/%ld", rs,
				 q_insp_type_code(insp[ord[fo[r].rank]].type),
				 fo[r].seq);
		}
		v[FC_URN] = i->urn;
		v[FC_START] = start;
		v[FC_TYPE] = q_insp_type_code(i->type);
		v[FC_SEQ] = seq;
		v[FC_KIND] = q_finding_kind_code(g->kind);
		v[FC_REGULATION] = g->regulation;
		v[FC_TEXT] = g->text;
		v[FC_DUE] = due;
		v[FC_STATUS] = q_finding_status_code(g->status);
		v[FC_JUDGED_ON] = judged;
		v[FC_REPEATS] = rep;
		v[FC_RESPONSE] = g->response;
		v[FC_RESPONSE_TARGET] = target;
		v[FC_RESPONDED_AT] = at;
		put_row(fb, v, FC_N);
	}
out:
	free(ord);
	free(rank);
	free(iid);
	free(fid);
	free(fo);
	free(fpos);
	return rc;
}

int qio_write_inspections(const char *ipath, const char *fpath,
			  const struct q_inspection *insp, size_t n,
			  const struct q_finding *f, size_t nf,
			  struct err *err)
{
	struct buf ib = BUF_INIT(BUF_MAX_DEFAULT);
	struct buf fb = BUF_INIT(BUF_MAX_DEFAULT);
	int rc = qio_format_inspections(&ib, &fb, insp, n, f, nf, err);

	if (!rc && (buf_error(&ib) || buf_error(&fb)))
		rc = err_set(err, ERR_TOO_LARGE, "%s: register too large",
			     ipath);
	/* findings first: inspections.csv last says the pair is whole */
	if (!rc)
		rc = file_write_all(fpath, fb.buf, fb.len, err);
	if (!rc)
		rc = file_write_all(ipath, ib.buf, ib.len, err);
	buf_release(&ib);
	buf_release(&fb);
	return rc;
}

static int cmp_notif(const void *a, const void *b)
{
	const struct q_notification *x = *(const struct q_notification *const *)a;
	const struct q_notification *y = *(const struct q_notification *const *)b;
	int c;

	if (x->occurred_at != y->occurred_at)
		return x->occurred_at < y->occurred_at ? -1 : 1;
	c = strcmp(x->urn, y->urn);
	if (c)
		return c;
	c = strcmp(x->category, y->category);
	if (c)
		return c;
	if (x->filed_at != y->filed_at)
		return x->filed_at < y->filed_at ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

void qio_format_notifications(struct buf *b, const struct q_notification *v,
			      size_t n)
{
	const struct q_notification **ord = xcalloc(n ? n : 1, sizeof(*ord));

	for (size_t k = 0; k < n; k++)
		ord[k] = &v[k];
	if (n)
		qsort(ord, n, sizeof(*ord), cmp_notif);
	put_header(b, notif_cols);
	for (size_t k = 0; k < n; k++) {
		const struct q_notification *x = ord[k];
		char occ[MFC_TIME_STR], filed[MFC_TIME_STR];
		const char *f[NC_N];

		mfc_time_fmt(x->occurred_at, occ);
		mfc_time_fmt(x->filed_at, filed);
		f[NC_URN] = x->urn;
		f[NC_CATEGORY] = x->category;
		f[NC_OCCURRED_AT] = occ;
		f[NC_LA] = x->la;
		f[NC_CHILD] = x->ref;
		f[NC_SUMMARY] = x->summary;
		f[NC_ACTION] = x->action;
		f[NC_FILED_AT] = filed;
		put_row(b, f, NC_N);
	}
	free(ord);
}

int qio_write_notifications(const char *path, const struct q_notification *v,
			    size_t n, struct err *err)
{
	struct buf b = BUF_INIT(BUF_MAX_DEFAULT);
	int rc;

	qio_format_notifications(&b, v, n);
	if (buf_error(&b))
		rc = err_set(err, ERR_TOO_LARGE, "%s: too many notifications",
			     path);
	else
		rc = file_write_all(path, b.buf, b.len, err);
	buf_release(&b);
	return rc;
}
