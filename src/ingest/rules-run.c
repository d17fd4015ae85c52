/*
 * rules-run.c: the DfE's rules over a return, with last year's return and
 * the register of homes from the store.  See rules-run.h.
 */
#include "base/compat.h"
#include <jansson.h>
#include <strings.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include "base/buf.h"
#include "base/file.h"
#include "base/xalloc.h"
#include "ingest/csv.h"
#include "ingest/rules-run.h"

struct homes_acc {
	struct home *v;
	size_t n, alloc;
};

static int add_home(const struct home *h, void *ctx)
{
	struct homes_acc *a = ctx;

	ALLOC_GROW(a->v, a->n + 1, a->alloc);
	a->v[a->n++] = *h;
	return 0;
}

void rules_env_release(struct rules_env *env)
{
	free(env->homes);
	memset(env, 0, sizeof(*env));
}

int rules_run(struct store *s, struct rules_env *env, struct s903_return *r,
	      struct s903_return *last, struct rules_run *rr,
	      struct err *err)
{
	struct err quiet = ERR_INIT;
	int rc;

	memset(rr, 0, sizeof(*rr));
	rr->prev = (struct s903_return)S903_RETURN_INIT;
	rr->res = (struct v_result)V_RESULT_INIT;
	if (!env->loaded) {
		struct homes_acc homes = { NULL, 0, 0 };

		/* the register, in URN order (store_homes_each() gives it so) */
		rc = store_homes_each(s, add_home, &homes, err);
		if (rc) {
			free(homes.v);
			return rc;
		}
		env->homes = homes.v;
		env->nhomes = homes.n;
		env->loaded = true;
	}
	if (last && last->year == r->year - 1 && !strcmp(last->la, r->la)) {
		rr->in.prev = last;
	} else {
		rc = store_return_load_tables(s, r->la, r->year - 1,
					      V_PREV_TABLES, &rr->prev,
					      &quiet);
		if (!rc)
			rr->have_prev = true;
		else if (rc != ERR_NOT_FOUND)
			return err_set(err, rc, "last year's return: %s",
				       quiet.msg);
		rr->in.prev = rr->have_prev ? &rr->prev : NULL;
	}
	rr->in.r = r;
	rr->in.year = r->year;
	rr->in.nation = v_nation_of(r->la);
	rr->in.homes = env->nhomes ? env->homes : NULL;
	rr->in.nhomes = env->nhomes;
	validate_return(&rr->in, NULL, &rr->res);
	return 0;
}

void rules_run_release(struct rules_run *rr)
{
	v_result_release(&rr->res);
	s903_return_release(&rr->prev);
}

const void *rules_hit_row(const struct rules_run *rr, const struct v_hit *h)
{
	size_t n;
	const char *rows = s903_rows(rr->in.r, h->table, &n);

	if (h->row >= n)
		BUG("hit on row %u of %zu", h->row, n);
	return rows + h->row * s903_tables[h->table].rowsize;
}

uint32_t rules_hit_line(const struct rules_run *rr, const struct v_hit *h)
{
	uint32_t line;

	memcpy(&line, (const char *)rules_hit_row(rr, h) +
	       s903_tables[h->table].line_off, sizeof(line));
	return line;
}

/* The position of the rule's first field in table t's file, or 0. */
static size_t first_field(const struct v_rule *rule, enum s903_table t,
			  size_t colpos[][S903_MAX_COLS])
{
	const struct s903_table_def *d = &s903_tables[t];
	size_t len = strcspn(rule->fields, ",");

	if (!colpos)
		return 0;
	for (size_t i = 0; i < d->ncols; i++)
		if (strlen(d->cols[i].name) == len &&
		    !memcmp(d->cols[i].name, rule->fields, len))
			return colpos[t][i];
	return 0;
}

void rules_diags(const struct rules_run *rr, const char *const *files,
		 size_t colpos[][S903_MAX_COLS], bool cy, struct diags *d,
		 size_t max)
{
	for (size_t i = 0; i < rr->res.n && (!max || i < max); i++) {
		const struct v_hit *h = &rr->res.v[i];
		const char *file = files && files[h->table] ?
				   files[h->table] :
				   s903_tables[h->table].file;

		diags_add(d, file, rules_hit_line(rr, h),
			  first_field(h->rule, h->table, colpos), h->rule->code,
			  "%s (child %s)", cy ? h->rule->cy : h->rule->en,
			  (const char *)rules_hit_row(rr, h));
	}
}

/* ---- the rule report ---------------------------------------------------- */

/* Hits by child, then table and line (the report's order). */
struct by_child {
	const struct rules_run *rr;
	const struct v_hit *h;
	const char *child;
	uint32_t line;
};

static int cmp_by_child(const void *a, const void *b)
{
	const struct by_child *x = a, *y = b;
	int c = strcmp(x->child, y->child);

	if (c)
		return c;
	if (x->h->table != y->h->table)
		return x->h->table < y->h->table ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return strcmp(x->h->rule->code, y->h->rule->code);
}

static struct by_child *sorted_hits(const struct rules_run *rr)
{
	struct by_child *v = xcalloc(rr->res.n ? rr->res.n : 1, sizeof(*v));

	for (size_t i = 0; i < rr->res.n; i++) {
		v[i].rr = rr;
		v[i].h = &rr->res.v[i];
		v[i].child = rules_hit_row(rr, v[i].h);
		v[i].line = rules_hit_line(rr, v[i].h);
	}
	if (rr->res.n)
		qsort(v, rr->res.n, sizeof(*v), cmp_by_child);
	return v;
}

/* "DECOM=01/04/2025; RNE=P": the rule's fields that are in the row. */
static void field_values(const struct v_hit *h, const void *row,
			 struct buf *out)
{
	const struct s903_table_def *d = &s903_tables[h->table];
	const char *f = h->rule->fields;

	buf_reset(out);
	while (*f) {
		size_t len = strcspn(f, ",");

		for (size_t i = 0; i < d->ncols; i++) {
			char v[64];

			if (strlen(d->cols[i].name) != len ||
			    memcmp(d->cols[i].name, f, len))
				continue;
			s903_format_field(&d->cols[i], row, v, sizeof(v));
			buf_addf(out, "%s%s=%s", out->len ? "; " : "",
				 d->cols[i].name, v);
		}
		f += len + (f[len] == ',');
	}
}

struct rule_count {
	const struct v_rule *rule;
	long rows, children;
};

static int cmp_count_code(const void *a, const void *b)
{
	const struct rule_count *x = a, *y = b;

	return strcmp(x->rule->code, y->rule->code);
}

/* Rows and children per rule; hits are by child, so a child counts once. */
static struct rule_count *count_rules(const struct by_child *v, size_t n,
				      size_t *nout)
{
	struct rule_count *c = NULL;
	size_t nc = 0, alloc = 0;

	for (size_t i = 0; i < n; i++) {
		struct rule_count *k = NULL;
		bool seen = false;

		for (size_t j = 0; j < nc && !k; j++)
			if (c[j].rule == v[i].h->rule)
				k = &c[j];
		if (!k) {
			ALLOC_GROW(c, nc + 1, alloc);
			k = &c[nc++];
			*k = (struct rule_count){ v[i].h->rule, 0, 0 };
		}
		k->rows++;
		for (size_t j = i; j-- > 0 && !strcmp(v[j].child, v[i].child);)
			seen |= v[j].h->rule == v[i].h->rule;
		if (!seen)
			k->children++;
	}
	if (nc)
		qsort(c, nc, sizeof(*c), cmp_count_code);
	*nout = nc;
	return c;
}

static const char *const report_cols[] = {
	"CHILD", "TABLE", "LINE", "RULE", "MESSAGE", "MESSAGE_CY", "FIELDS",
};

static int write_csv(const char *path, const struct by_child *v, size_t n,
		     struct err *err)
{
	struct buf b = BUF_INIT(BUF_MAX_DEFAULT * 16), vals = BUF_INIT(4096);
	char line[16];
	int rc;

	for (size_t i = 0; i < ARRAY_SIZE(report_cols); i++)
		csv_put(&b, report_cols[i], i == 0);
	csv_end_record(&b);
	for (size_t i = 0; i < n; i++) {
		field_values(v[i].h, rules_hit_row(v[i].rr, v[i].h), &vals);
		snprintf(line, sizeof(line), "%u", v[i].line);
		csv_put(&b, v[i].child, true);
		csv_put(&b, s903_tables[v[i].h->table].name, false);
		csv_put(&b, line, false);
		csv_put(&b, v[i].h->rule->code, false);
		csv_put(&b, v[i].h->rule->en, false);
		csv_put(&b, v[i].h->rule->cy, false);
		csv_put(&b, vals.len ? vals.buf : "", false);
		csv_end_record(&b);
	}
	if (buf_error(&b) || buf_error(&vals))
		rc = err_set(err, ERR_TOO_LARGE, "%s: report too large", path);
	else
		rc = file_write_all(path, b.buf, b.len, err);
	buf_release(&b);
	buf_release(&vals);
	return rc;
}

static json_t *problem_json(const struct by_child *p, struct buf *vals)
{
	field_values(p->h, rules_hit_row(p->rr, p->h), vals);
	return json_pack("{s:s, s:s, s:I, s:s, s:s, s:s, s:s}",
			 "child", p->child,
			 "table", s903_tables[p->h->table].name,
			 "line", (json_int_t)p->line,
			 "rule", p->h->rule->code,
			 "message", p->h->rule->en,
			 "message_cy", p->h->rule->cy,
			 "fields", vals->len ? vals->buf : "");
}

static json_t *counts_json(const struct rule_count *c, size_t nc)
{
	json_t *a = json_array();

	for (size_t i = 0; i < nc; i++)
		json_array_append_new(a, json_pack(
			"{s:s, s:s, s:s, s:I, s:I}", "rule", c[i].rule->code,
			"message", c[i].rule->en, "message_cy", c[i].rule->cy,
			"rows", (json_int_t)c[i].rows,
			"children", (json_int_t)c[i].children));
	return a;
}

void *rules_by_rule_json(const struct rules_run *rr)
{
	struct by_child *v = sorted_hits(rr);
	size_t nc;
	struct rule_count *c = count_rules(v, rr->res.n, &nc);
	json_t *j = counts_json(c, nc);

	free(c);
	free(v);
	return j;
}

static int write_json(const char *path, const struct rules_run *rr,
		      const struct by_child *v, size_t n,
		      const struct rule_count *c, size_t nc, struct err *err)
{
	struct buf vals = BUF_INIT(4096);
	json_t *probs = json_array(), *doc;
	char *text;
	int rc;

	for (size_t i = 0; i < n; i++)
		json_array_append_new(probs, problem_json(&v[i], &vals));
	doc = json_pack("{s:s, s:i, s:I, s:I, s:o, s:o}",
			"la", rr->in.r->la, "year", rr->in.year,
			"rules_run", (json_int_t)rr->res.rules_run,
			"children", (json_int_t)rr->res.children,
			"problems", probs, "by_rule", counts_json(c, nc));
	text = doc ? json_dumps(doc, JSON_INDENT(1) | JSON_ENSURE_ASCII) : NULL;
	if (!text)
		rc = err_set(err, ERR_IO, "%s: cannot build the report",
			     path);
	else
		rc = file_write_all(path, text, strlen(text), err);
	free(text);
	json_decref(doc);
	buf_release(&vals);
	return rc;
}

static int write_xlsx(const char *path, const struct by_child *v, size_t n,
		      const struct rule_count *c, size_t nc, struct err *err)
{
	static const char *const rule_cols[] = {
		"RULE", "MESSAGE", "MESSAGE_CY", "ROWS", "CHILDREN",
	};
	struct buf vals = BUF_INIT(4096);
	char *tmp = NULL;
	lxw_workbook *wb;
	lxw_worksheet *ws, *wr;
	lxw_format *bold;
	lxw_error e = LXW_NO_ERROR, ce;
	int rc = file_temp(&tmp, err);

	if (rc)
		return rc;
	if (!(wb = workbook_new(tmp))) {
		rc = err_set(err, ERR_IO, "cannot create workbook %s", path);
		goto out;
	}
	bold = workbook_add_format(wb);
	format_set_bold(bold);
	/* sheet names in both languages (31 characters at most) */
	ws = workbook_add_worksheet(wb, "By child - Fesul plentyn");
	wr = workbook_add_worksheet(wb, "By rule - Fesul rheol");
	for (size_t i = 0; i < ARRAY_SIZE(report_cols); i++)
		if (!e)
			e = worksheet_write_string(ws, 0, (lxw_col_t)i,
						   report_cols[i], bold);
	for (size_t i = 0; i < n && !e && i < LXW_ROW_MAX - 1; i++) {
		lxw_row_t row = (lxw_row_t)i + 1;

		field_values(v[i].h, rules_hit_row(v[i].rr, v[i].h), &vals);
		e = worksheet_write_string(ws, row, 0, v[i].child, NULL);
		if (!e)
			e = worksheet_write_string(ws, row, 1,
				s903_tables[v[i].h->table].name, NULL);
		if (!e)
			e = worksheet_write_number(ws, row, 2, v[i].line, NULL);
		if (!e)
			e = worksheet_write_string(ws, row, 3,
						   v[i].h->rule->code, NULL);
		if (!e)
			e = worksheet_write_string(ws, row, 4,
						   v[i].h->rule->en, NULL);
		if (!e)
			e = worksheet_write_string(ws, row, 5,
						   v[i].h->rule->cy, NULL);
		if (!e)
			e = worksheet_write_string(ws, row, 6,
				vals.len ? vals.buf : "", NULL);
	}
	for (size_t i = 0; i < ARRAY_SIZE(rule_cols) && !e; i++)
		e = worksheet_write_string(wr, 0, (lxw_col_t)i, rule_cols[i],
					   bold);
	for (size_t i = 0; i < nc && !e; i++) {
		lxw_row_t row = (lxw_row_t)i + 1;

		e = worksheet_write_string(wr, row, 0, c[i].rule->code, NULL);
		if (!e)
			e = worksheet_write_string(wr, row, 1, c[i].rule->en,
						   NULL);
		if (!e)
			e = worksheet_write_string(wr, row, 2, c[i].rule->cy,
						   NULL);
		if (!e)
			e = worksheet_write_number(wr, row, 3,
						   (double)c[i].rows, NULL);
		if (!e)
			e = worksheet_write_number(wr, row, 4,
						   (double)c[i].children, NULL);
	}
	ce = workbook_close(wb);
	if (e || ce)
		rc = err_set(err, ERR_IO, "writing %s: %s", path,
			     lxw_strerror(e ? e : ce));
	else
		rc = file_copy_out(tmp, path, err);
out:
	unlink(tmp);
	free(tmp);
	buf_release(&vals);
	return rc;
}

static bool ends_with(const char *s, const char *end)
{
	size_t n = strlen(s), m = strlen(end);

	return n >= m && !strcasecmp(s + n - m, end);
}

int rules_report_write(const char *path, const struct rules_run *rr,
		       struct err *err)
{
	struct by_child *v;
	struct rule_count *c;
	size_t nc;
	int rc;

	if (!ends_with(path, ".csv") && !ends_with(path, ".xlsx") &&
	    !ends_with(path, ".json"))
		return err_set(err, ERR_USAGE, "%s: a rule report is .csv, "
			       ".xlsx or .json", path);
	v = sorted_hits(rr);
	c = count_rules(v, rr->res.n, &nc);
	if (ends_with(path, ".csv"))
		rc = write_csv(path, v, rr->res.n, err);
	else if (ends_with(path, ".json"))
		rc = write_json(path, rr, v, rr->res.n, c, nc, err);
	else
		rc = write_xlsx(path, v, rr->res.n, c, nc, err);
	free(c);
	free(v);
	return rc;
}
