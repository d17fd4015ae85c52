/*
 * s903-io.c: SSDA903 and homes-register CSV reading and writing, and the
 * diagnostics list every importer reports through.  See s903-io.h.
 */
#include "base/compat.h"
#include <sys/stat.h>
#include "base/buf.h"
#include "base/file.h"
#include "base/parse.h"
#include "base/xalloc.h"
#include "ingest/csv.h"
#include "ingest/s903-io.h"

/* ---- diagnostics ------------------------------------------------------- */

void diags_add(struct diags *d, const char *file, uint64_t line,
	       size_t column, const char *rule, const char *fmt, ...)
{
	struct diag *g;
	struct buf b = BUF_INIT(4096);
	va_list ap;

	ALLOC_GROW(d->v, d->n + 1, d->alloc);
	g = &d->v[d->n++];
	g->file = xstrdup(file);
	g->line = line;
	g->column = column;
	g->rule = rule;
	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	g->msg = buf_detach(&b, NULL);
}

static int cmp_diag(const void *a, const void *b)
{
	const struct diag *x = a, *y = b;
	int c = strcmp(x->file, y->file);

	if (c)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->column != y->column)
		return x->column < y->column ? -1 : 1;
	return strcmp(x->rule, y->rule);
}

void diags_print(struct diags *d, FILE *out, size_t max)
{
	if (d->n > 1)
		qsort(d->v, d->n, sizeof(*d->v), cmp_diag);
	if (!out)
		return;
	for (size_t i = 0; i < d->n && i < max; i++)
		fprintf(out, "%s:%llu:%zu: %s: %s\n", d->v[i].file,
			(unsigned long long)d->v[i].line, d->v[i].column,
			d->v[i].rule, d->v[i].msg);
	if (d->n > max)
		fprintf(out, "... and %zu more problems not shown\n",
			d->n - max);
}

void diags_release(struct diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].msg);
	}
	free(d->v);
	d->v = NULL;
	d->n = d->alloc = 0;
}

/* ---- reading ------------------------------------------------------------ */

/* Trim spaces and tabs in place; returns the trimmed start. */
static char *trim(char *s)
{
	size_t n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}

/* A header row, trimmed and upper-cased, owned. */
struct names {
	char **v;
	size_t n;
};

static void names_from(struct names *nm, const struct csv_record *rec)
{
	nm->n = rec->nfields;
	nm->v = xcalloc(nm->n ? nm->n : 1, sizeof(*nm->v));
	for (size_t i = 0; i < nm->n; i++) {
		char *t = xstrdup(rec->fields[i]);
		char *s = trim(t);

		for (char *p = s; *p; p++)
			if (*p >= 'a' && *p <= 'z')
				*p = (char)(*p - 'a' + 'A');
		nm->v[i] = xstrdup(s);
		free(t);
	}
}

static void names_release(struct names *nm)
{
	for (size_t i = 0; i < nm->n; i++)
		free(nm->v[i]);
	free(nm->v);
}

/*
 * Map each column of a table to its field index in the header row, and
 * report missing, unknown and repeated columns.  Returns false when the
 * rows cannot be read (a column is missing).
 */
static bool map_columns(const char *path, const struct names *nm,
			const char *const *cols, size_t ncols, int *idx,
			struct diags *d, const char *table)
{
	bool ok = true;

	for (size_t c = 0; c < ncols; c++) {
		idx[c] = -1;
		for (size_t j = 0; j < nm->n; j++)
			if (!strcmp(cols[c], nm->v[j])) {
				if (idx[c] >= 0)
					diags_add(d, path, 1, j + 1,
						  "column-duplicate",
						  "column %s appears twice",
						  cols[c]);
				else
					idx[c] = (int)j;
			}
		if (idx[c] < 0) {
			diags_add(d, path, 1, 0, "column-missing",
				  "%s table has no %s column", table, cols[c]);
			ok = false;
		}
	}
	for (size_t j = 0; j < nm->n; j++) {
		bool known = false;

		for (size_t c = 0; c < ncols && !known; c++)
			known = !strcmp(cols[c], nm->v[j]);
		if (!known)
			diags_add(d, path, 1, j + 1, "column-unknown",
				  "%s is not a column of the %s table",
				  nm->v[j][0] ? nm->v[j] : "(blank)", table);
	}
	return ok;
}

static void csv_diag(struct diags *d, const char *path,
		     const struct csv_error *ce)
{
	diags_add(d, path, ce->line, ce->field, ce->rule, "%s", ce->msg);
}

int s903_read_file(const char *path, struct s903_return *r, int *table,
		   unsigned skip, size_t colpos[S903_MAX_COLS],
		   struct diags *d, struct err *err)
{
	struct csv_reader *rd = NULL;
	struct csv_record rec;
	struct csv_error ce;
	struct names nm = { NULL, 0 };
	const struct s903_table_def *def;
	const char *colnames[S903_MAX_COLS] = { NULL };
	int idx[S903_MAX_COLS];
	int rc, t;
	char msg[256];

	*table = -1;
	rc = csv_open_file(&rd, path, NULL, err);
	if (rc)
		return rc;
	/* the header row: the first well-formed record */
	while ((rc = csv_next(rd, &rec, &ce, err)) == CSV_BAD)
		csv_diag(d, path, &ce);
	if (rc < 0)
		goto out;
	if (rc == CSV_EOF) {
		diags_add(d, path, 1, 0, "table-unknown",
			  "file is empty: expected a header row");
		rc = 0;
		goto out;
	}
	names_from(&nm, &rec);
	t = s903_detect((const char *const *)nm.v, nm.n);
	if (t < 0) {
		diags_add(d, path, rec.line, 0, "table-unknown",
			  "header row matches no SSDA903 table (Header, "
			  "Episodes, Missing, OC2, Reviews, UASC, OC3, AD1, "
			  "PlacedAdoption, PrevPerm, SWEpisodes, DoLo)");
		rc = 0;
		goto out;
	}
	*table = t;
	if (skip & (1u << t)) {
		rc = 0;
		goto out;
	}
	def = &s903_tables[t];
	r->present[t] = true;
	if (def->ncols > ARRAY_SIZE(colnames))
		BUG("table %s has too many columns", def->name);
	for (size_t c = 0; c < def->ncols; c++)
		colnames[c] = def->cols[c].name;
	if (!map_columns(path, &nm, colnames, def->ncols, idx, d, def->name)) {
		for (size_t c = 0; c < def->ncols; c++)
			colpos[c] = idx[c] < 0 ? 0 : (size_t)idx[c] + 1;
		r->incomplete[t] = true;
		rc = 0;
		goto out;
	}
	for (size_t c = 0; c < def->ncols; c++)
		colpos[c] = (size_t)idx[c] + 1;
	while ((rc = csv_next(rd, &rec, &ce, err)) != CSV_EOF) {
		void *row;
		bool bad = false;

		if (rc < 0)
			goto out;
		if (rc == CSV_BAD) {
			csv_diag(d, path, &ce);
			r->incomplete[t] = true;
			continue;
		}
		if (rec.nfields != nm.n) {
			diags_add(d, path, rec.line, 0, CSV_RULE_FIELD_COUNT,
				  "row has %zu fields but the header row has %zu",
				  rec.nfields, nm.n);
			r->incomplete[t] = true;
			continue;
		}
		if (rec.line > UINT32_MAX) {
			diags_add(d, path, rec.line, 0, CSV_RULE_RECORDS,
				  "file too long");
			break;
		}
		row = s903_add_row(r, (enum s903_table)t);
		for (size_t c = 0; c < def->ncols; c++) {
			char *text = trim((char *)rec.fields[idx[c]]);
			const char *rule = s903_parse_field(&def->cols[c], text,
							    row, msg,
							    sizeof(msg));

			if (rule) {
				diags_add(d, path, rec.line, (size_t)idx[c] + 1,
					  rule, "%s", msg);
				bad = true;
			}
		}
		*(uint32_t *)((char *)row + def->line_off) = (uint32_t)rec.line;
		if (t == S903_HEADER) {
			((struct s903_header *)row)->invalid = bad;
			if (bad && !((struct s903_header *)row)->child[0])
				r->nheader--;
		} else if (bad) {
			s903_drop_row(r, (enum s903_table)t);
		}
	}
	rc = 0;
out:
	names_release(&nm);
	csv_close(rd);
	return rc;
}

/* ---- writing ------------------------------------------------------------ */

/* Write b to path through base/file.h: all or nothing, private mode. */
static int write_whole(const char *path, const struct buf *b, struct err *err)
{
	return file_write_all(path, b->buf, b->len, err);
}

static void put_rows(struct buf *b, const struct s903_table_def *def,
		     const void *rows, size_t n)
{
	char field[64];

	for (size_t c = 0; c < def->ncols; c++)
		csv_put(b, def->cols[c].name, c == 0);
	csv_end_record(b);
	for (size_t i = 0; i < n; i++) {
		const char *row = (const char *)rows + i * def->rowsize;

		for (size_t c = 0; c < def->ncols; c++) {
			s903_format_field(&def->cols[c], row, field,
					  sizeof(field));
			csv_put(b, field, c == 0);
		}
		csv_end_record(b);
	}
}

int s903_write_dir(const char *dir, const struct s903_return *r,
		   struct err *err)
{
	struct buf b = BUF_INIT(BUF_MAX_DEFAULT * 16);
	struct buf path = BUF_INIT(4096);
	int rc;

	rc = file_make_dirs(dir, err);
	for (int t = 0; !rc && t < S903_NTABLES; t++) {
		const struct s903_table_def *def = &s903_tables[t];
		size_t n;
		const void *rows = s903_rows(r, (enum s903_table)t, &n);

		/* the four tables every return has, and any other with rows */
		if (t > S903_OC2 && !n && !r->present[t])
			continue;
		buf_reset(&b);
		buf_reset(&path);
		put_rows(&b, def, rows, n);
		buf_addf(&path, "%s/%s", dir, def->file);
		if (buf_error(&b) || buf_error(&path))
			rc = err_set(err, ERR_TOO_LARGE, "%s: too large",
				     def->file);
		else
			rc = write_whole(path.buf, &b, err);
	}
	buf_release(&b);
	buf_release(&path);
	return rc;
}

/* ---- homes register ------------------------------------------------------ */

enum {
	HC_URN, HC_NAME, HC_PROVIDER, HC_PROVIDER_TYPE, HC_LA, HC_POSTCODE,
	HC_PLACES, HC_AGE_MIN, HC_AGE_MAX, HC_SEX_ADMITTED, HC_REGISTERED,
	HC_CLOSED, HC_N
};

static bool text_ok(const char *s, size_t max)
{
	size_t n = strlen(s);

	if (!n || n > max)
		return false;
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return false;
	return true;
}

static bool urn_ok(const char *s)
{
	size_t n = strlen(s);

	if (!n || n > S903_URN_MAX)
		return false;
	for (; *s; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		      (*s >= '0' && *s <= '9') || *s == '-'))
			return false;
	return true;
}

static bool gss_ok(const char *s)
{
	if (strlen(s) != LA_CODE_MAX || !strchr("EWSN", s[0]))
		return false;
	for (int i = 1; i < LA_CODE_MAX; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* Parse one register row; false (with diagnostics) if any field is bad. */
static bool home_parse(const char *path, uint64_t line, char **f,
		       const int *idx, struct home *h, struct diags *d)
{
	bool ok = true;

#define BAD(col, rule, ...)                                               \
	do {                                                              \
		diags_add(d, path, line, (size_t)idx[col] + 1, rule,      \
			  __VA_ARGS__);                                   \
		ok = false;                                               \
	} while (0)

	memset(h, 0, sizeof(*h));
	h->closed = DATE_NONE;
	if (!urn_ok(f[HC_URN]))
		BAD(HC_URN, "urn", "URN must be 1 to %d letters, digits or '-'",
		    S903_URN_MAX);
	else
		str_copy(h->urn, sizeof(h->urn), f[HC_URN]);
	if (!text_ok(f[HC_NAME], HOME_NAME_MAX))
		BAD(HC_NAME, "text", "NAME must be 1 to %d characters",
		    HOME_NAME_MAX);
	else
		str_copy(h->name, sizeof(h->name), f[HC_NAME]);
	if (!text_ok(f[HC_PROVIDER], PROVIDER_NAME_MAX))
		BAD(HC_PROVIDER, "text", "PROVIDER must be 1 to %d characters",
		    PROVIDER_NAME_MAX);
	else
		str_copy(h->provider, sizeof(h->provider), f[HC_PROVIDER]);
	if (provider_type_parse(f[HC_PROVIDER_TYPE], &h->provider_type))
		BAD(HC_PROVIDER_TYPE, "code",
		    "PROVIDER_TYPE \"%.16s\" must be la, private or voluntary",
		    f[HC_PROVIDER_TYPE]);
	if (!gss_ok(f[HC_LA]))
		BAD(HC_LA, "code",
		    "LA \"%.16s\" is not a GSS local authority code",
		    f[HC_LA]);
	else
		str_copy(h->la, sizeof(h->la), f[HC_LA]);
	if (postcode_normalise(f[HC_POSTCODE], h->postcode) != POSTCODE_FULL)
		BAD(HC_POSTCODE, "postcode",
		    "POSTCODE \"%.16s\" is not a full UK postcode",
		    f[HC_POSTCODE]);
	if (parse_int(f[HC_PLACES], 0, 500, &h->places))
		BAD(HC_PLACES, "integer",
		    "PLACES \"%.16s\" is not a whole number from 0 to 500",
		    f[HC_PLACES]);
	if (parse_int(f[HC_AGE_MIN], 0, 25, &h->age_min))
		BAD(HC_AGE_MIN, "integer",
		    "AGE_MIN \"%.16s\" is not an age from 0 to 25",
		    f[HC_AGE_MIN]);
	if (parse_int(f[HC_AGE_MAX], 0, 25, &h->age_max))
		BAD(HC_AGE_MAX, "integer",
		    "AGE_MAX \"%.16s\" is not an age from 0 to 25",
		    f[HC_AGE_MAX]);
	else if (ok && h->age_max < h->age_min)
		BAD(HC_AGE_MAX, "age-range", "AGE_MAX is below AGE_MIN");
	if (sex_admitted_parse(f[HC_SEX_ADMITTED], &h->sex_admitted))
		BAD(HC_SEX_ADMITTED, "code",
		    "SEX_ADMITTED \"%.16s\" must be mixed, M or F",
		    f[HC_SEX_ADMITTED]);
	if (parse_date_dmy(f[HC_REGISTERED], &h->registered))
		BAD(HC_REGISTERED, "date",
		    "REGISTERED \"%.16s\" is not a date written dd/mm/yyyy",
		    f[HC_REGISTERED]);
	if (f[HC_CLOSED][0]) {
		if (parse_date_dmy(f[HC_CLOSED], &h->closed))
			BAD(HC_CLOSED, "date",
			    "CLOSED \"%.16s\" is not a date written dd/mm/yyyy",
			    f[HC_CLOSED]);
		else if (ok && h->closed < h->registered)
			BAD(HC_CLOSED, "home-dates",
			    "CLOSED is before REGISTERED");
	}
#undef BAD
	return ok;
}

static int cmp_home_urn(const void *a, const void *b)
{
	return strcmp(((const struct home *)a)->urn,
		      ((const struct home *)b)->urn);
}

/* Order indices by URN, then by line (the index itself). */
static int cmp_ord_urn(const void *a, const void *b, void *ctx)
{
	const struct home *v = ctx;
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int c = strcmp(v[x].urn, v[y].urn);

	return c ? c : (x > y) - (x < y);
}

int homes_read_file(const char *path, struct home **homes, size_t *n,
		    homes_la_fn *la_known, void *ctx, struct diags *d,
		    struct err *err)
{
	struct csv_reader *rd = NULL;
	struct csv_record rec;
	struct csv_error ce;
	struct names nm = { NULL, 0 };
	struct home *v = NULL;
	size_t nv = 0, av = 0;
	int idx[HC_N];
	size_t *ord = NULL;
	int rc;

	*homes = NULL;
	*n = 0;
	rc = csv_open_file(&rd, path, NULL, err);
	if (rc)
		return rc;
	while ((rc = csv_next(rd, &rec, &ce, err)) == CSV_BAD)
		csv_diag(d, path, &ce);
	if (rc < 0)
		goto out;
	if (rc == CSV_EOF) {
		diags_add(d, path, 1, 0, "table-unknown",
			  "file is empty: expected a header row");
		rc = 0;
		goto out;
	}
	names_from(&nm, &rec);
	if (!map_columns(path, &nm, home_columns, HC_N, idx, d,
			 "homes register")) {
		rc = 0;
		goto out;
	}
	while ((rc = csv_next(rd, &rec, &ce, err)) != CSV_EOF) {
		char *f[HC_N];

		if (rc < 0)
			goto out;
		if (rc == CSV_BAD) {
			csv_diag(d, path, &ce);
			continue;
		}
		if (rec.nfields != nm.n) {
			diags_add(d, path, rec.line, 0, CSV_RULE_FIELD_COUNT,
				  "row has %zu fields but the header row has %zu",
				  rec.nfields, nm.n);
			continue;
		}
		for (int c = 0; c < HC_N; c++)
			f[c] = trim((char *)rec.fields[idx[c]]);
		ALLOC_GROW(v, nv + 1, av);
		if (home_parse(path, rec.line, f, idx, &v[nv], d)) {
			if (la_known && !la_known(v[nv].la, ctx)) {
				diags_add(d, path, rec.line,
					  (size_t)idx[HC_LA] + 1, "la-unknown",
					  "LA %s is not a known local authority",
					  v[nv].la);
				continue;
			}
			v[nv].line = (uint32_t)rec.line;
			nv++;
		}
	}
	rc = 0;
	/* a URN may appear once: sort line order by URN, compare neighbours */
	ord = xcalloc(nv ? nv : 1, sizeof(*ord));
	for (size_t i = 0; i < nv; i++)
		ord[i] = i;
	if (nv)
		qsort_r(ord, nv, sizeof(*ord), cmp_ord_urn, v);
	for (size_t i = 1; i < nv; i++)
		if (!strcmp(v[ord[i]].urn, v[ord[i - 1]].urn))
			diags_add(d, path, v[ord[i]].line,
				  (size_t)idx[HC_URN] + 1, "home-duplicate",
				  "URN %s is already on line %u",
				  v[ord[i]].urn, v[ord[i - 1]].line);
	qsort(v, nv, sizeof(*v), cmp_home_urn);
	*homes = v;
	*n = nv;
	v = NULL;
out:
	free(v);
	free(ord);
	names_release(&nm);
	csv_close(rd);
	return rc;
}

int homes_write_file(const char *path, const struct home *homes, size_t n,
		     struct err *err)
{
	struct buf b = BUF_INIT(BUF_MAX_DEFAULT);
	char reg[DATE_STR_MAX], closed[DATE_STR_MAX], num[3][16];
	int rc;

	for (size_t c = 0; c < home_ncolumns; c++)
		csv_put(&b, home_columns[c], c == 0);
	csv_end_record(&b);
	for (size_t i = 0; i < n; i++) {
		const struct home *h = &homes[i];
		const char *f[HC_N];

		date_fmt_dmy(h->registered, reg);
		date_fmt_dmy(h->closed, closed);
		snprintf(num[0], sizeof(num[0]), "%d", h->places);
		snprintf(num[1], sizeof(num[1]), "%d", h->age_min);
		snprintf(num[2], sizeof(num[2]), "%d", h->age_max);
		f[HC_URN] = h->urn;
		f[HC_NAME] = h->name;
		f[HC_PROVIDER] = h->provider;
		f[HC_PROVIDER_TYPE] = provider_type_name(h->provider_type);
		f[HC_LA] = h->la;
		f[HC_POSTCODE] = h->postcode;
		f[HC_PLACES] = num[0];
		f[HC_AGE_MIN] = num[1];
		f[HC_AGE_MAX] = num[2];
		f[HC_SEX_ADMITTED] = sex_admitted_name(h->sex_admitted);
		f[HC_REGISTERED] = reg;
		f[HC_CLOSED] = closed;
		for (int c = 0; c < HC_N; c++)
			csv_put(&b, f[c], c == 0);
		csv_end_record(&b);
	}
	if (buf_error(&b))
		rc = err_set(err, ERR_TOO_LARGE, "%s: register too large",
			     path);
	else
		rc = write_whole(path, &b, err);
	buf_release(&b);
	return rc;
}
