/*
 * recs-io.c: recommendations.csv and rec-progress.csv (recs-io.h;
 * docs/inspections.md).  Reading is in two passes: every row first
 * (fields, checks, addressees), then what rows say of each other
 * (REPEATS may name any row of the file; progress names a
 * recommendation of the file or the register), so a problem is reported
 * where it is, whatever the order of the rows.
 */
#include "base/compat.h"
#include <strings.h>
#include "base/csv-cell.h"
#include "base/file.h"
#include "base/parse.h"
#include "base/uktime.h"
#include "base/xalloc.h"
#include "domain/missing.h"
#include "ingest/csv.h"
#include "ingest/recs-io.h"
#include "store/store-core.h"
#include "store/store-people.h"

/* ---- the organisations ----------------------------------------------------- */

void recs_orgs_add(struct recs_orgs *o, enum org_kind kind, const char *code)
{
	size_t lo = 0, hi, k = (size_t)kind;

	if (k >= ORG_NKINDS || !code || !*code)
		return;
	/* kept in order as they come, so a lookup is a binary search */
	hi = o->n[k];
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(o->code[k][mid], code);

		if (!c)
			return;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	ALLOC_GROW(o->code[k], o->n[k] + 1, o->alloc[k]);
	memmove(&o->code[k][lo + 1], &o->code[k][lo],
		(o->n[k] - lo) * sizeof(o->code[k][0]));
	o->code[k][lo] = xstrdup(code);
	o->n[k]++;
}

static bool orgs_has(const struct recs_orgs *o, enum org_kind kind,
		     const char *code)
{
	size_t lo = 0, hi = o->n[kind];

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(o->code[kind][mid], code);

		if (!c)
			return true;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

void recs_orgs_release(struct recs_orgs *o)
{
	for (int k = 0; k < ORG_NKINDS; k++) {
		for (size_t i = 0; i < o->n[k]; i++)
			free(o->code[k][i]);
		free(o->code[k]);
	}
	memset(o, 0, sizeof(*o));
}

static int org_council(const struct la *la, void *ctx)
{
	if (la->is_council)
		recs_orgs_add(ctx, ORG_COUNCIL, la->code);
	return 0;
}

static int org_each(const struct org *o, void *ctx)
{
	if (o->kind == ORG_HEALTH_BOARD || o->kind == ORG_POLICE)
		recs_orgs_add(ctx, o->kind, o->code);
	return 0;
}

static int org_provider(const struct home *h, void *ctx)
{
	recs_orgs_add(ctx, ORG_PROVIDER, h->provider);
	return 0;
}

int recs_orgs_load(struct store *s, struct recs_orgs *out, struct err *err)
{
	int rc = store_councils_each(s, "W92000004", org_council, out, err);

	if (!rc)
		rc = store_orgs_each(s, org_each, out, err);
	if (!rc)
		rc = store_homes_each(s, org_provider, out, err);
	return rc;
}

void recs_file_release(struct recs_file *f)
{
	for (size_t i = 0; i < f->nrows; i++) {
		free(f->rows[i].a);
		free(f->rows[i].repeats);
	}
	free(f->rows);
	free(f->prog);
	memset(f, 0, sizeof(*f));
}

/* ---- reading ---------------------------------------------------------------- */

enum { RC_CODE, RC_SOURCE, RC_SOURCE_TITLE, RC_MADE_ON, RC_THEME,
       RC_TEXT_EN, RC_TEXT_CY, RC_ADDRESSEES, RC_REPEATS, RC_N };
static const char *const rec_cols[RC_N + 1] = {
	"CODE", "SOURCE", "SOURCE_TITLE", "MADE_ON", "THEME", "TEXT_EN",
	"TEXT_CY", "ADDRESSEES", "REPEATS", NULL
};

enum { PC_CODE, PC_ADDRESSEE, PC_RECORD, PC_AT, PC_BY, PC_WHAT, PC_WHO,
       PC_TARGET, PC_DONE_ON, PC_NOTE, PC_STATUS, PC_VERDICT, PC_REASON,
       PC_N };
static const char *const prog_cols[PC_N + 1] = {
	"CODE", "ADDRESSEE", "RECORD", "AT", "BY", "WHAT", "WHO", "TARGET",
	"DONE_ON", "NOTE", "STATUS", "VERDICT", "REASON", NULL
};

#define MAXCOLS 16

/* One file being read: where each column is (1-based, 0 absent). */
struct reader {
	const char *path;
	const char *const *cols;
	size_t pos[MAXCOLS];
	const struct csv_record *rec;
	uint64_t line;
	struct diags *d;
	size_t before;		/* problems before this row */
};

static const char *field(struct reader *r, int col)
{
	size_t p = r->pos[col];

	if (!p || !r->rec || p > r->rec->nfields)
		return "";
	return r->rec->fields[p - 1];
}

static void diag(struct reader *r, int col, const char *rule,
		 const char *fmt, ...) PRINTF_LIKE(4, 5);

static void diag(struct reader *r, int col, const char *rule,
		 const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diags_add(r->d, r->path, r->line, col < 0 ? 0 : r->pos[col], rule,
		  "%s", msg);
}

/* A check's rule as a rule of these files (a static string). */
static const char *rule_of(const char *q)
{
	static const char *const map[][2] = {
		{ "required", "rec-required" },
		{ "too-long", "rec-too-long" },
		{ "text", "rec-text" },
		{ "unknown", "rec-unknown" },
		{ "date-order", "rec-date-order" },
		{ "not-allowed", "rec-not-allowed" },
		{ "code", "rec-code" },
		{ "future", "rec-future" },
	};

	for (size_t i = 0; q && i < ARRAY_SIZE(map); i++)
		if (!strcmp(q, map[i][0]))
			return map[i][1];
	return "rec-invalid";
}

static int col_of(struct reader *r, const char *name)
{
	for (int i = 0; name && r->cols[i]; i++)
		if (!strcmp(r->cols[i], name))
			return i;
	return -1;
}

static void problem_diag(struct reader *r, const struct q_problem *p)
{
	diag(r, col_of(r, p->field), rule_of(p->rule), "%s", p->msg);
}

static void text(struct reader *r, int col, char *dst, size_t cap)
{
	const char *f = field(r, col);
	size_t n;

	/* "'=..." is the export's defusing of a formula (base/csv-cell.h):
	 * the text is what follows, so that an export round-trips */
	if (f[0] == '\'' && csv_cell_formula_like(f + 1))
		f++;
	n = strlen(f);

	dst[0] = '\0';
	if (n >= cap) {
		diag(r, col, "rec-too-long", "%s is longer than %zu bytes",
		     r->cols[col], cap - 1);
		return;
	}
	memcpy(dst, f, n + 1);
}

static void day(struct reader *r, int col, int32_t *out)
{
	const char *f = field(r, col);

	*out = DATE_NONE;
	if (*f && parse_date_iso(f, out)) {
		diag(r, col, "rec-date", "%s \"%.20s\" is not a date "
		     "(yyyy-mm-dd)", r->cols[col], f);
		*out = DATE_NONE;
	}
}

static void instant(struct reader *r, int col, int64_t *ms)
{
	const char *f = field(r, col);
	enum uk_fold fold = UK_FOLD_NONE;

	*ms = 0;
	if (!*f) {
		diag(r, col, "rec-required", "%s is required", r->cols[col]);
		return;
	}
	if (uk_time_parse(f, ms, &fold)) {
		if (fold == UK_FOLD_GAP)
			diag(r, col, "rec-time-uk", "%s \"%.40s\" did not "
			     "happen in the UK: the clocks went forward an "
			     "hour", r->cols[col], f);
		else if (fold == UK_FOLD_REPEATED)
			diag(r, col, "rec-time-uk", "%s \"%.40s\" happened "
			     "twice in the UK (the clocks went back): add "
			     "\" BST\" or \" GMT\", or a UTC time with Z",
			     r->cols[col], f);
		else
			diag(r, col, "rec-time", "%s \"%.40s\" is not a time "
			     "(yyyy-mm-ddThh:mm[:ss[.mmm]] in UK time, or "
			     "with Z or +hh:mm)", r->cols[col], f);
		*ms = 0;
	}
}

/* Read the header row: where each column is.  -1: unusable. */
static int header(struct reader *r, const struct csv_record *rec,
		  const int *required, size_t nrequired)
{
	size_t before = r->d->n;

	memset(r->pos, 0, sizeof(r->pos));
	r->line = rec->line;
	for (size_t i = 0; i < rec->nfields; i++) {
		int k = -1;

		for (int c = 0; r->cols[c]; c++)
			if (!strcasecmp(r->cols[c], rec->fields[i]))
				k = c;
		if (k < 0)
			diags_add(r->d, r->path, rec->line, i + 1,
				  "rec-column", "unknown column \"%.40s\"",
				  rec->fields[i]);
		else if (r->pos[k])
			diags_add(r->d, r->path, rec->line, i + 1,
				  "rec-column", "column %s repeated",
				  r->cols[k]);
		else
			r->pos[k] = i + 1;
	}
	for (size_t i = 0; i < nrequired; i++)
		if (!r->pos[required[i]])
			diags_add(r->d, r->path, rec->line, 0, "rec-column",
				  "column %s is required",
				  r->cols[required[i]]);
	return r->d->n > before ? -1 : 0;
}

/* ---- what the reading knows ---- */

struct ctx {
	const struct recs_orgs *orgs;
	const struct quality_set *q;
	struct recs_file *f;
	/* each addressee's status as the progress rows go */
	struct state {
		const char *code;
		enum org_kind kind;
		const char *org;
		enum rec_status status;
		int64_t last_at;
	} *st;
	size_t nst, ast;
};

static const struct rec *stored_rec(const struct quality_set *q,
				    const char *code)
{
	for (size_t i = 0; i < q->nrecs; i++)
		if (!strcmp(q->recs[i].code, code))
			return &q->recs[i];
	return NULL;
}

static const struct rec_addressee *
stored_addressee(const struct quality_set *q, int64_t rec_id,
		 enum org_kind kind, const char *code)
{
	for (size_t i = 0; i < q->naddressees; i++)
		if (q->addressees[i].rec_id == rec_id &&
		    q->addressees[i].kind == kind &&
		    !strcmp(q->addressees[i].code, code))
			return &q->addressees[i];
	return NULL;
}

static size_t stored_naddressees(const struct quality_set *q, int64_t id)
{
	size_t n = 0;

	for (size_t i = 0; i < q->naddressees; i++)
		n += q->addressees[i].rec_id == id;
	return n;
}

static struct recs_row *file_row(struct recs_file *f, const char *code,
				 const struct recs_row *before)
{
	for (size_t i = 0; i < f->nrows; i++) {
		if (&f->rows[i] == before)
			return NULL;
		if (!strcmp(f->rows[i].r.code, code))
			return &f->rows[i];
	}
	return NULL;
}

static int cmp_addressee(const void *a, const void *b)
{
	const struct rec_addressee *x = a, *y = b;

	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return strcmp(x->code, y->code);
}

static void add_addressee(struct recs_row *row, size_t *alloc,
			  enum org_kind kind, const char *code)
{
	struct rec_addressee *a;

	for (size_t i = 0; i < row->na; i++)
		if (row->a[i].kind == kind && !strcmp(row->a[i].code, code))
			return;		/* council:* and council:W06...: once */
	ALLOC_GROW(row->a, row->na + 1, *alloc);
	a = &row->a[row->na++];
	memset(a, 0, sizeof(*a));
	a->kind = kind;
	snprintf(a->code, sizeof(a->code), "%s", code);
	a->status = REC_NOT_STARTED;
	a->verdict_on = DATE_NONE;
}

/* The next ';'-separated item of *s, trimmed, into item (false: none).
 * Too long: item "" and *too_long. */
static bool next_item(const char **s, char *item, size_t cap, bool *too_long)
{
	const char *p = *s, *end;
	size_t n;

	while (*p == ' ' || *p == ';')
		p++;
	if (!*p)
		return false;
	end = strchr(p, ';');
	if (!end)
		end = p + strlen(p);
	*s = end;
	while (end > p && end[-1] == ' ')
		end--;
	n = (size_t)(end - p);
	*too_long = n >= cap;
	if (*too_long)
		n = 0;
	memcpy(item, p, n);
	item[n] = '\0';
	return true;
}

static void read_addressees(struct ctx *x, struct reader *r,
			    struct recs_row *row)
{
	const char *s = field(r, RC_ADDRESSEES);
	char item[ORG_CODE_MAX + 40];
	size_t alloc = 0;
	bool too_long;

	while (next_item(&s, item, sizeof(item), &too_long)) {
		char *colon = strchr(item, ':');
		enum org_kind kind;

		if (too_long) {
			diag(r, RC_ADDRESSEES, "rec-addressee", "an addressee "
			     "is longer than %zu bytes", sizeof(item) - 1);
			continue;
		}
		if (colon)
			*colon = '\0';
		if (!colon || org_kind_parse(item, &kind) ||
		    kind == ORG_INSPECTORATE || !colon[1]) {
			diag(r, RC_ADDRESSEES, "rec-addressee", "\"%.60s\" is "
			     "not KIND:CODE (council, health_board, police "
			     "or provider; CODE or *)", item);
			continue;
		}
		if (!strcmp(colon + 1, "*")) {
			if (!x->orgs->n[kind])
				diag(r, RC_ADDRESSEES, "rec-addressee-unknown",
				     "%s:* names no organisation: there is "
				     "none of that kind", item);
			for (size_t i = 0; i < x->orgs->n[kind]; i++)
				add_addressee(row, &alloc, kind,
					      x->orgs->code[kind][i]);
			if (kind == ORG_COUNCIL)
				row->r.all_councils = true;
		} else if (!orgs_has(x->orgs, kind, colon + 1)) {
			diag(r, RC_ADDRESSEES, "rec-addressee-unknown",
			     "%s:%.60s is not known (a Welsh council's GSS "
			     "code, a health board's or police force's code, "
			     "a provider of the homes register)", item,
			     colon + 1);
		} else {
			add_addressee(row, &alloc, kind, colon + 1);
		}
	}
	if (!row->na && r->d->n == r->before)
		diag(r, RC_ADDRESSEES, "rec-required", "ADDRESSEES is "
		     "required: at least one KIND:CODE");
	qsort(row->a, row->na, sizeof(row->a[0]), cmp_addressee);
}

static void read_repeats(struct reader *r, struct recs_row *row)
{
	const char *s = field(r, RC_REPEATS);
	char item[Q_CODE_MAX + 1];
	size_t alloc = 0;
	bool too_long;

	while (next_item(&s, item, sizeof(item), &too_long)) {
		if (too_long) {
			diag(r, RC_REPEATS, "rec-repeats", "a code in REPEATS "
			     "is longer than %d bytes", Q_CODE_MAX);
			continue;
		}
		ALLOC_GROW(row->repeats, row->nrepeats + 1, alloc);
		memcpy(row->repeats[row->nrepeats++], item, sizeof(item));
	}
}

/* Is the row the same as the stored recommendation? */
static bool same_as_stored(const struct quality_set *q,
			   const struct recs_row *row, const struct rec *st)
{
	const struct rec *r = &row->r;

	if (r->source != st->source || r->made_on != st->made_on ||
	    r->all_councils != st->all_councils ||
	    strcmp(r->source_title, st->source_title) ||
	    strcmp(r->theme, st->theme) || strcmp(r->text_en, st->text_en) ||
	    strcmp(r->text_cy, st->text_cy) ||
	    row->na != stored_naddressees(q, st->id))
		return false;
	for (size_t i = 0; i < row->na; i++)
		if (!stored_addressee(q, st->id, row->a[i].kind,
				      row->a[i].code))
			return false;
	return true;
}

static void rec_row(struct ctx *x, struct reader *r)
{
	struct recs_row *row;
	struct q_problem p;
	const struct rec *st;
	const char *f;

	row = &x->f->rows[x->f->nrows - 1];
	rec_init(&row->r);
	row->r.line = (uint32_t)r->line;
	text(r, RC_CODE, row->r.code, sizeof(row->r.code));
	f = field(r, RC_SOURCE);
	if (rec_source_parse(f, &row->r.source) || !*f) {
		diag(r, RC_SOURCE, "rec-unknown", "SOURCE must be "
		     "national_review, thematic_review, council_inspection or "
		     "child_practice_review");
		row->r.source = REC_NATIONAL_REVIEW;
	}
	text(r, RC_SOURCE_TITLE, row->r.source_title,
	     sizeof(row->r.source_title));
	day(r, RC_MADE_ON, &row->r.made_on);
	text(r, RC_THEME, row->r.theme, sizeof(row->r.theme));
	text(r, RC_TEXT_EN, row->r.text_en, sizeof(row->r.text_en));
	text(r, RC_TEXT_CY, row->r.text_cy, sizeof(row->r.text_cy));
	if (r->d->n > r->before)
		return;		/* field problems: no cascade */
	if (rec_check(&row->r, &p)) {
		problem_diag(r, &p);
		return;
	}
	if (file_row(x->f, row->r.code, row)) {
		diag(r, RC_CODE, "rec-code-twice", "CODE %s is on an earlier "
		     "row too", row->r.code);
		return;
	}
	read_addressees(x, r, row);
	read_repeats(r, row);
	st = stored_rec(x->q, row->r.code);
	if (st && r->d->n == r->before) {
		if (!same_as_stored(x->q, row, st))
			diag(r, RC_CODE, "rec-exists", "%s is in the register "
			     "already, not as this row says: it is changed in "
			     "the application, not by importing again",
			     row->r.code);
		row->stored = true;
		row->r.id = st->id;
	}
}

/* The made_on of the recommendation coded code (file or register), or
 * DATE_NONE when there is none. */
static int32_t made_on_of(struct ctx *x, const char *code)
{
	const struct recs_row *row = file_row(x->f, code, NULL);
	const struct rec *st;

	if (row)
		return row->r.made_on;
	st = stored_rec(x->q, code);
	return st ? st->made_on : DATE_NONE;
}

/* Second pass over recommendations.csv: what REPEATS names. */
static void check_repeats(struct ctx *x, struct reader *r)
{
	for (size_t i = 0; i < x->f->nrows; i++) {
		struct recs_row *row = &x->f->rows[i];

		r->line = row->r.line;
		for (size_t k = 0; k < row->nrepeats; k++) {
			const char *c = row->repeats[k];
			int32_t on = made_on_of(x, c);

			if (!strcmp(c, row->r.code))
				diag(r, RC_REPEATS, "rec-repeats", "%s repeats "
				     "itself", c);
			else if (on == DATE_NONE)
				diag(r, RC_REPEATS, "rec-repeats", "%.40s is "
				     "not a recommendation of the file or the "
				     "register", c);
			else if (on > row->r.made_on)
				diag(r, RC_REPEATS, "rec-repeats", "%s was "
				     "made after %s: a recommendation repeats "
				     "earlier ones", c, row->r.code);
		}
	}
}

static struct state *state_of(struct ctx *x, const char *code,
			      enum org_kind kind, const char *org,
			      const struct rec_addressee *st)
{
	struct state *s;

	for (size_t i = 0; i < x->nst; i++)
		if (x->st[i].kind == kind && !strcmp(x->st[i].code, code) &&
		    !strcmp(x->st[i].org, org))
			return &x->st[i];
	ALLOC_GROW(x->st, x->nst + 1, x->ast);
	s = &x->st[x->nst++];
	s->code = code;
	s->kind = kind;
	s->org = org;
	s->status = st ? st->status : REC_NOT_STARTED;
	s->last_at = st ? st->last_update_at : 0;
	return s;
}

/* Fields of another kind of record must be blank. */
static void blank(struct reader *r, const int *cols, size_t n,
		  const char *record)
{
	for (size_t i = 0; i < n; i++)
		if (*field(r, cols[i]))
			diag(r, cols[i], "rec-not-allowed", "%s must be blank "
			     "in a row of RECORD %s", r->cols[cols[i]],
			     record);
}

static bool action_stored(const struct quality_set *q,
			  const struct rec_addressee *a,
			  const struct recs_progress *pr)
{
	for (size_t i = 0; a && i < q->nactions; i++)
		if (q->actions[i].addressee_id == a->id &&
		    q->actions[i].recorded_at == pr->at &&
		    !strcmp(q->actions[i].what, pr->action.what))
			return true;
	return false;
}

static bool update_stored(const struct quality_set *q,
			  const struct rec_addressee *a,
			  const struct recs_progress *pr)
{
	for (size_t i = 0; a && i < q->nupdates; i++)
		if (q->updates[i].addressee_id == a->id &&
		    q->updates[i].at == pr->at &&
		    !strcmp(q->updates[i].note, pr->update.note))
			return true;
	return false;
}

static void progress_row(struct ctx *x, struct reader *r)
{
	static const int not_action[] = { PC_NOTE, PC_STATUS, PC_VERDICT,
					  PC_REASON };
	static const int not_update[] = { PC_WHAT, PC_WHO, PC_TARGET,
					  PC_DONE_ON, PC_VERDICT, PC_REASON };
	static const int not_verdict[] = { PC_WHAT, PC_WHO, PC_TARGET,
					   PC_DONE_ON, PC_NOTE, PC_STATUS };
	struct recs_progress *pr = &x->f->prog[x->f->nprog - 1];
	const struct rec_addressee *sa = NULL, *fa = NULL;
	const struct recs_row *row;
	const struct rec *st = NULL;
	char addr[ORG_CODE_MAX + 40];
	struct q_problem p;
	struct state *s;
	const char *f;
	char *colon;

	memset(pr, 0, sizeof(*pr));
	pr->line = (uint32_t)r->line;
	text(r, PC_CODE, pr->code, sizeof(pr->code));
	text(r, PC_ADDRESSEE, addr, sizeof(addr));
	f = field(r, PC_RECORD);
	if (!strcmp(f, "action"))
		pr->record = RECS_ACTION;
	else if (!strcmp(f, "update"))
		pr->record = RECS_UPDATE;
	else if (!strcmp(f, "verdict"))
		pr->record = RECS_VERDICT;
	else
		diag(r, PC_RECORD, "rec-unknown", "RECORD must be action, "
		     "update or verdict");
	instant(r, PC_AT, &pr->at);
	text(r, PC_BY, pr->by, sizeof(pr->by));
	if (r->d->n > r->before)
		return;
	if (q_text_check("BY", pr->by, Q_BY_MAX, true, &p)) {
		problem_diag(r, &p);
		return;
	}

	/* the recommendation and its addressee */
	row = file_row(x->f, pr->code, NULL);
	if (!row || row->stored)
		st = stored_rec(x->q, pr->code);
	if (!row && !st) {
		diag(r, PC_CODE, "rec-unknown", "%.40s is not a "
		     "recommendation of recommendations.csv or the register",
		     pr->code);
		return;
	}
	colon = strchr(addr, ':');
	if (!colon || org_kind_parse((*colon = '\0', addr), &pr->kind) ||
	    strlen(colon + 1) > ORG_CODE_MAX) {
		diag(r, PC_ADDRESSEE, "rec-addressee", "ADDRESSEE must be "
		     "KIND:CODE, one of the recommendation's addressees");
		return;
	}
	snprintf(pr->org, sizeof(pr->org), "%s", colon + 1);
	if (st)
		sa = stored_addressee(x->q, st->id, pr->kind, pr->org);
	for (size_t i = 0; row && !fa && i < row->na; i++)
		if (row->a[i].kind == pr->kind &&
		    !strcmp(row->a[i].code, pr->org))
			fa = &row->a[i];
	if (!fa && !sa) {
		diag(r, PC_ADDRESSEE, "rec-addressee-unknown", "%s:%.60s is "
		     "not an addressee of %s", addr, pr->org, pr->code);
		return;
	}
	/* keys that stay put: the rows are all read */
	s = state_of(x, row ? row->r.code : st->code, pr->kind,
		     sa ? sa->code : fa->code, sa);

	switch (pr->record) {
	case RECS_ACTION:
		blank(r, not_action, ARRAY_SIZE(not_action), "action");
		rec_action_init(&pr->action);
		text(r, PC_WHAT, pr->action.what, sizeof(pr->action.what));
		text(r, PC_WHO, pr->action.who, sizeof(pr->action.who));
		day(r, PC_TARGET, &pr->action.target_on);
		day(r, PC_DONE_ON, &pr->action.done_on);
		if (r->d->n > r->before)
			return;
		if (rec_action_check(&pr->action, &p)) {
			problem_diag(r, &p);
			return;
		}
		pr->stored = action_stored(x->q, sa, pr);
		break;
	case RECS_UPDATE:
		blank(r, not_update, ARRAY_SIZE(not_update), "update");
		text(r, PC_NOTE, pr->update.note, sizeof(pr->update.note));
		f = field(r, PC_STATUS);
		if (!*f || rec_status_parse(f, &pr->update.status))
			diag(r, PC_STATUS, *f ? "rec-unknown" : "rec-required",
			     "STATUS must be not_started, in_progress or "
			     "done");
		if (r->d->n > r->before)
			return;
		if (rec_update_check(&pr->update, &p)) {
			problem_diag(r, &p);
			return;
		}
		pr->stored = update_stored(x->q, sa, pr);
		if (pr->stored)
			break;
		/* in the order they were made: the last is the status */
		if (pr->at < s->last_at) {
			diag(r, PC_AT, "rec-order", "AT is before the "
			     "addressee's previous update: updates are "
			     "recorded in the order they were made");
			return;
		}
		s->status = pr->update.status;
		s->last_at = pr->at;
		break;
	case RECS_VERDICT:
		blank(r, not_verdict, ARRAY_SIZE(not_verdict), "verdict");
		f = field(r, PC_VERDICT);
		if (!strcmp(f, "accepted"))
			pr->verdict = REC_ACCEPTED;
		else if (!strcmp(f, "rejected"))
			pr->verdict = REC_REJECTED;
		else
			diag(r, PC_VERDICT, *f ? "rec-unknown" : "rec-required",
			     "VERDICT must be accepted or rejected");
		text(r, PC_REASON, pr->reason, sizeof(pr->reason));
		if (r->d->n > r->before)
			return;
		if (q_text_check("REASON", pr->reason, Q_TEXT_MAX,
				 pr->verdict == REC_REJECTED, &p)) {
			problem_diag(r, &p);
			return;
		}
		pr->stored = sa && sa->verdict == pr->verdict &&
			     sa->verdict_on == uk_day_of(pr->at) &&
			     !strcmp(sa->verdict_reason, pr->reason);
		if (!pr->stored && s->status != REC_DONE)
			diag(r, PC_VERDICT, "rec-verdict-not-done", "a verdict "
			     "is on \"done\": the addressee's last update "
			     "before it must have STATUS done");
		break;
	}
}

/* Read one file, each row through fn. */
static int read_file(struct ctx *x, struct reader *r, const int *required,
		     size_t nrequired, bool recs, struct err *err)
{
	/* a text of Q_TEXT_MAX, and ADDRESSEES naming every provider */
	static const struct csv_limits lim = { 65536, 64, 1000000 };
	struct csv_reader *cr = NULL;
	struct csv_record rec;
	struct csv_error cerr;
	bool seen = false;
	size_t arows = 0, aprog = 0;
	int rc;

	rc = csv_open_file(&cr, r->path, &lim, err);
	while (!rc && (rc = csv_next(cr, &rec, &cerr, err)) != CSV_EOF) {
		if (rc < 0)
			break;
		if (rc == CSV_BAD) {
			diags_add(r->d, r->path, cerr.line, cerr.field,
				  cerr.rule, "%s", cerr.msg);
			rc = 0;
			continue;
		}
		rc = 0;
		if (!seen && rec.nfields) {
			seen = true;
			if (header(r, &rec, required, nrequired))
				break;
			continue;
		}
		r->rec = &rec;
		r->line = rec.line;
		r->before = r->d->n;
		if (recs) {
			ALLOC_GROW(x->f->rows, x->f->nrows + 1, arows);
			memset(&x->f->rows[x->f->nrows++], 0,
			       sizeof(x->f->rows[0]));
			rec_row(x, r);
		} else {
			ALLOC_GROW(x->f->prog, x->f->nprog + 1, aprog);
			x->f->nprog++;
			progress_row(x, r);
		}
	}
	if (rc == CSV_EOF)
		rc = 0;
	if (!rc && !seen)
		diags_add(r->d, r->path, 1, 0, "rec-header", "empty file: no "
			  "header row");
	r->rec = NULL;
	csv_close(cr);
	return rc;
}

int recs_read(const char *recs_path, const char *progress_path,
	      const struct recs_orgs *orgs, const struct quality_set *stored,
	      struct recs_file *out, struct diags *d, struct err *err)
{
	static const int rec_required[] = {
		RC_CODE, RC_SOURCE, RC_SOURCE_TITLE, RC_MADE_ON, RC_THEME,
		RC_TEXT_EN, RC_TEXT_CY, RC_ADDRESSEES
	};
	static const int prog_required[] = {
		PC_CODE, PC_ADDRESSEE, PC_RECORD, PC_AT, PC_BY
	};
	struct ctx x = { orgs, stored, out, NULL, 0, 0 };
	struct reader r = { NULL, rec_cols, { 0 }, NULL, 0, d, 0 };
	size_t before = d->n;
	int rc = 0;

	if (recs_path) {
		r.path = recs_path;
		rc = read_file(&x, &r, rec_required, ARRAY_SIZE(rec_required),
			       true, err);
		if (!rc && d->n == before)
			check_repeats(&x, &r);
	}
	/* progress names recommendations: read it once they are sound */
	if (!rc && progress_path && d->n == before) {
		memset(&r, 0, sizeof(r));
		r.path = progress_path;
		r.cols = prog_cols;
		r.d = d;
		rc = read_file(&x, &r, prog_required,
			       ARRAY_SIZE(prog_required), false, err);
	}
	free(x.st);
	return rc;
}

/* ---- loading ------------------------------------------------------------------ */

/* A store's refusal of a row, as a problem at its line; other failures
 * are returned. */
static int store_problem(struct diags *d, const char *path, uint32_t line,
			 int rc, const struct err *e)
{
	if (rc != ERR_INVALID && rc != ERR_EXISTS && rc != ERR_NOT_FOUND)
		return rc;
	diags_add(d, path, line, 0, "rec-store", "%s", err_text(e));
	return 0;
}

static int64_t addressee_id(const struct recs_file *f,
			    const struct quality_set *q,
			    const struct recs_progress *pr)
{
	for (size_t i = 0; i < f->nrows; i++) {
		const struct recs_row *row = &f->rows[i];

		if (row->stored || strcmp(row->r.code, pr->code))
			continue;
		for (size_t k = 0; k < row->na; k++)
			if (row->a[k].kind == pr->kind &&
			    !strcmp(row->a[k].code, pr->org))
				return row->a[k].id;
	}
	for (size_t i = 0; i < q->nrecs; i++) {
		const struct rec_addressee *a;

		if (strcmp(q->recs[i].code, pr->code))
			continue;
		a = stored_addressee(q, q->recs[i].id, pr->kind, pr->org);
		return a ? a->id : 0;
	}
	return 0;
}

static int64_t rec_id_of(const struct recs_file *f,
			 const struct quality_set *q, const char *code)
{
	for (size_t i = 0; i < f->nrows; i++)
		if (!strcmp(f->rows[i].r.code, code))
			return f->rows[i].r.id;
	for (size_t i = 0; i < q->nrecs; i++)
		if (!strcmp(q->recs[i].code, code))
			return q->recs[i].id;
	return 0;
}

/* Write what f adds to the register (inside a transaction). */
static int load(struct store *s, const char *recs_path,
		const char *progress_path, struct recs_file *f,
		const struct quality_set *q, struct diags *d, struct err *err)
{
	struct err e = ERR_INIT;
	int rc = 0;

	for (size_t i = 0; !rc && i < f->nrows; i++) {
		struct recs_row *row = &f->rows[i];

		if (row->stored)
			continue;
		rc = store_rec_add(s, NULL, &row->r, row->a, row->na, NULL, 0,
				   &e);
		if (rc && !(rc = store_problem(d, recs_path, row->r.line, rc,
					       &e)))
			return 0;
	}
	/* repeats after every row is there: a row may name a later one */
	for (size_t i = 0; !rc && i < f->nrows; i++) {
		struct recs_row *row = &f->rows[i];

		for (size_t k = 0; !rc && !row->stored && k < row->nrepeats;
		     k++) {
			rc = store_rec_repeat_add(s, NULL, row->r.id,
						  rec_id_of(f, q,
							    row->repeats[k]),
						  &e);
			if (rc && !(rc = store_problem(d, recs_path,
						       row->r.line, rc, &e)))
				return 0;
		}
	}
	for (size_t i = 0; !rc && i < f->nprog; i++) {
		struct recs_progress *pr = &f->prog[i];
		int64_t id;

		if (pr->stored)
			continue;
		id = addressee_id(f, q, pr);
		switch (pr->record) {
		case RECS_ACTION:
			pr->action.addressee_id = id;
			pr->action.recorded_at = pr->at;
			snprintf(pr->action.recorded_by,
				 sizeof(pr->action.recorded_by), "%s", pr->by);
			/* done_on goes in with it */
			rc = store_rec_action_add(s, NULL, &pr->action, &e);
			break;
		case RECS_UPDATE:
			pr->update.addressee_id = id;
			pr->update.at = pr->at;
			snprintf(pr->update.by, sizeof(pr->update.by), "%s",
				 pr->by);
			rc = store_rec_update_add(s, NULL, &pr->update, &e);
			break;
		case RECS_VERDICT:
			rc = store_rec_verdict(s, NULL, id, pr->verdict,
					       pr->reason, uk_day_of(pr->at),
					       pr->by, &e);
			break;
		}
		if (rc && !(rc = store_problem(d, progress_path, pr->line, rc,
					       &e)))
			return 0;
	}
	if (rc)
		err_set(err, rc, "%s", err_text(&e));
	return rc;
}

int recs_import(struct store *s, const char *recs_path,
		const char *progress_path, bool check, struct diags *d,
		long *nrecs, long *nprogress, struct err *err)
{
	return recs_import_more(s, recs_path, progress_path, NULL, check, d,
				nrecs, nprogress, err);
}

int recs_import_more(struct store *s, const char *recs_path,
		     const char *progress_path, const struct recs_orgs *more,
		     bool check, struct diags *d, long *nrecs,
		     long *nprogress, struct err *err)
{
	struct quality_set q = QUALITY_SET_INIT;
	struct recs_file f = RECS_FILE_INIT;
	struct recs_orgs orgs;
	size_t before = d->n;
	long nr = 0, np = 0;
	int rc;

	memset(&orgs, 0, sizeof(orgs));
	rc = recs_orgs_load(s, &orgs, err);
	for (int k = 0; more && k < ORG_NKINDS; k++)
		for (size_t i = 0; i < more->n[k]; i++)
			recs_orgs_add(&orgs, (enum org_kind)k, more->code[k][i]);
	if (!rc)
		rc = store_quality_load(s, QP_RECS, NULL, &q, err);
	if (!rc)
		rc = recs_read(recs_path, progress_path, &orgs, &q, &f, d,
			       err);
	if (!rc && d->n == before && !check) {
		rc = store_begin(s, err);
		if (!rc)
			rc = load(s, recs_path, progress_path, &f, &q, d, err);
		if (!rc && d->n == before)
			rc = store_commit(s, err);
		else
			store_rollback(s);
	}
	for (size_t i = 0; i < f.nrows; i++)
		nr += !f.rows[i].stored;
	for (size_t i = 0; i < f.nprog; i++)
		np += !f.prog[i].stored;
	if (nrecs)
		*nrecs = rc || d->n > before ? 0 : nr;
	if (nprogress)
		*nprogress = rc || d->n > before ? 0 : np;
	recs_file_release(&f);
	quality_set_release(&q);
	recs_orgs_release(&orgs);
	return rc;
}

/* ---- writing ------------------------------------------------------------------ */

/* The addressees of recommendation id, in the order of the files. */
static size_t addressees_of(const struct quality_set *q, int64_t id,
			    const struct rec_addressee ***out)
{
	size_t n = 0;

	*out = xcalloc(q->naddressees + 1, sizeof(**out));
	for (size_t i = 0; i < q->naddressees; i++)
		if (q->addressees[i].rec_id == id)
			(*out)[n++] = &q->addressees[i];
	return n;
}

static int cmp_addressee_ptr(const void *a, const void *b)
{
	return cmp_addressee(*(const struct rec_addressee *const *)a,
			     *(const struct rec_addressee *const *)b);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static const char *code_of(const struct quality_set *q, int64_t id)
{
	for (size_t i = 0; i < q->nrecs; i++)
		if (q->recs[i].id == id)
			return q->recs[i].code;
	return NULL;
}

static void put_day(struct buf *b, int32_t d)
{
	char s[DATE_STR_MAX];

	date_fmt_iso(d, s);
	csv_put(b, s, false);
}

static void put_time(struct buf *b, int64_t ms)
{
	char s[MFC_TIME_STR];

	mfc_time_fmt(ms, s);
	csv_put(b, s, false);
}

static void put_cols(struct buf *b, const char *const *cols)
{
	for (size_t i = 0; cols[i]; i++)
		csv_put(b, cols[i], i == 0);
	csv_end_record(b);
}

static int write_rec(const struct quality_set *q, const struct rec *r,
		     const struct rec_addressee **a, size_t na, struct buf *b,
		     struct err *err)
{
	struct buf list = BUF_INIT(BUF_MAX_DEFAULT);
	const char **rep = xcalloc(q->nrepeats + 1, sizeof(*rep));
	size_t nrep = 0;
	int rc = 0;

	csv_put(b, r->code, true);
	csv_put(b, rec_source_code(r->source), false);
	csv_put(b, r->source_title, false);
	put_day(b, r->made_on);
	csv_put(b, r->theme, false);
	csv_put(b, r->text_en, false);
	csv_put(b, r->text_cy, false);
	if (r->all_councils)
		buf_adds(&list, "council:*");
	for (size_t i = 0; i < na; i++) {
		if (r->all_councils && a[i]->kind == ORG_COUNCIL)
			continue;
		/* what the file cannot say it does not write wrong */
		if (strchr(a[i]->code, ';') || !a[i]->code[0])
			rc = err_set(err, ERR_INVALID, "%s: addressee "
				     "\"%.60s\" cannot be written (a ';' in "
				     "it)", r->code, a[i]->code);
		buf_addf(&list, "%s%s:%s", list.len ? ";" : "",
			 org_kind_name(a[i]->kind), a[i]->code);
	}
	csv_put(b, list.buf, false);
	for (size_t i = 0; i < q->nrepeats; i++)
		if (q->repeats[i].rec_id == r->id) {
			const char *c = code_of(q, q->repeats[i].earlier_id);

			if (c)
				rep[nrep++] = c;
		}
	qsort(rep, nrep, sizeof(*rep), cmp_str);
	buf_reset(&list);
	for (size_t i = 0; i < nrep; i++)
		buf_addf(&list, "%s%s", i ? ";" : "", rep[i]);
	csv_put(b, list.buf, false);
	csv_end_record(b);
	if (!rc && buf_error(&list))
		rc = err_set(err, ERR_TOO_LARGE, "%s: too many addressees",
			     r->code);
	buf_release(&list);
	free(rep);
	return rc;
}

/* One row of rec-progress.csv: the columns after BY given by kind. */
static void prog_start(struct buf *b, const struct rec *r,
		       const struct rec_addressee *a, const char *record,
		       int64_t at, const char *by)
{
	char addr[ORG_CODE_MAX + 40];

	snprintf(addr, sizeof(addr), "%s:%s", org_kind_name(a->kind),
		 a->code);
	csv_put(b, r->code, true);
	csv_put(b, addr, false);
	csv_put(b, record, false);
	put_time(b, at);
	csv_put(b, by, false);
}

static int cmp_update_ptr(const void *x, const void *y)
{
	const struct rec_update *a = *(const struct rec_update *const *)x;
	const struct rec_update *b = *(const struct rec_update *const *)y;

	if (a->at != b->at)
		return a->at < b->at ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

static int cmp_action_ptr(const void *x, const void *y)
{
	const struct rec_action *a = *(const struct rec_action *const *)x;
	const struct rec_action *b = *(const struct rec_action *const *)y;

	return a->id < b->id ? -1 : a->id > b->id;
}

static void write_progress(const struct quality_set *q, const struct rec *r,
			   const struct rec_addressee *a, struct buf *b,
			   long *n)
{
	const struct rec_action **acts =
		xcalloc(q->nactions + 1, sizeof(*acts));
	const struct rec_update **ups =
		xcalloc(q->nupdates + 1, sizeof(*ups));
	size_t na = 0, nu = 0;

	for (size_t i = 0; i < q->nactions; i++)
		if (q->actions[i].addressee_id == a->id)
			acts[na++] = &q->actions[i];
	for (size_t i = 0; i < q->nupdates; i++)
		if (q->updates[i].addressee_id == a->id)
			ups[nu++] = &q->updates[i];
	qsort(acts, na, sizeof(*acts), cmp_action_ptr);
	qsort(ups, nu, sizeof(*ups), cmp_update_ptr);
	for (size_t i = 0; i < na; i++) {
		prog_start(b, r, a, "action", acts[i]->recorded_at,
			   acts[i]->recorded_by);
		csv_put(b, acts[i]->what, false);
		csv_put(b, acts[i]->who, false);
		put_day(b, acts[i]->target_on);
		put_day(b, acts[i]->done_on);
		for (int k = PC_NOTE; k < PC_N; k++)
			csv_put(b, "", false);
		csv_end_record(b);
		(*n)++;
	}
	for (size_t i = 0; i < nu; i++) {
		prog_start(b, r, a, "update", ups[i]->at, ups[i]->by);
		for (int k = PC_WHAT; k < PC_NOTE; k++)
			csv_put(b, "", false);
		csv_put(b, ups[i]->note, false);
		csv_put(b, rec_status_code(ups[i]->status), false);
		csv_put(b, "", false);
		csv_put(b, "", false);
		csv_end_record(b);
		(*n)++;
	}
	/* the verdict kept is on the status the updates end with: last.
	 * It has a day; its AT is that day's start in the UK */
	if (a->verdict != REC_VERDICT_NONE) {
		prog_start(b, r, a, "verdict", uk_day_start(a->verdict_on),
			   a->verdict_by);
		for (int k = PC_WHAT; k < PC_VERDICT; k++)
			csv_put(b, "", false);
		csv_put(b, rec_verdict_code(a->verdict), false);
		csv_put(b, a->verdict_reason, false);
		csv_end_record(b);
		(*n)++;
	}
	free(acts);
	free(ups);
}

static int write_both(const struct quality_set *q, struct buf *recs,
		      struct buf *progress, long *nr, long *np,
		      struct err *err)
{
	int rc = 0;

	*nr = *np = 0;
	put_cols(recs, rec_cols);
	put_cols(progress, prog_cols);
	for (size_t i = 0; !rc && i < q->nrecs; i++) {
		const struct rec *r = &q->recs[i];
		const struct rec_addressee **a;
		size_t na = addressees_of(q, r->id, &a);

		qsort(a, na, sizeof(*a), cmp_addressee_ptr);
		rc = write_rec(q, r, a, na, recs, err);
		for (size_t k = 0; !rc && k < na; k++)
			write_progress(q, r, a[k], progress, np);
		(*nr)++;
		free(a);
	}
	if (!rc && (buf_error(recs) || buf_error(progress)))
		rc = err_set(err, ERR_TOO_LARGE, "the register is too large "
			     "to write");
	return rc;
}

int recs_write(const struct quality_set *q, struct buf *recs,
	       struct buf *progress, struct err *err)
{
	long nr, np;

	return write_both(q, recs, progress, &nr, &np, err);
}

int recs_export(struct store *s, const char *dir, long *nrecs,
		long *nprogress, struct err *err)
{
	struct quality_set q = QUALITY_SET_INIT;
	struct buf recs = BUF_INIT(BUF_MAX_DEFAULT);
	struct buf prog = BUF_INIT(BUF_MAX_DEFAULT);
	size_t len = strlen(dir) + 32;
	char *path = xmalloc(len);
	long nr = 0, np = 0;
	int rc;

	rc = file_make_dirs(dir, err);
	if (!rc)
		rc = store_quality_load(s, QP_RECS, NULL, &q, err);
	if (!rc)
		rc = write_both(&q, &recs, &prog, &nr, &np, err);
	if (!rc) {
		snprintf(path, len, "%s/recommendations.csv", dir);
		rc = file_write_all(path, recs.buf, recs.len, err);
	}
	if (!rc) {
		snprintf(path, len, "%s/rec-progress.csv", dir);
		rc = file_write_all(path, prog.buf, prog.len, err);
	}
	if (nrecs)
		*nrecs = nr;
	if (nprogress)
		*nprogress = np;
	free(path);
	buf_release(&recs);
	buf_release(&prog);
	quality_set_release(&q);
	return rc;
}
