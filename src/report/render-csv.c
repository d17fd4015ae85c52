/*
 * render-csv.c: the review as one long-form CSV table (RFC 4180 quoting,
 * UTF-8 without a byte-order mark, "\n" line ends), one row per value:
 *
 *	table,row,row_name,column,column_name,kind,value,numerator,
 *	denominator,status
 *
 * First the "review" rows (year, scope, published, and the release
 * metadata when given), then one "indicators" row per figure (column
 * empty), then every table cell, table by table, row by row, a table's
 * total row (the councils' "Wales") after its rows.  table, row, column, kind and status are
 * identifiers, the same in both languages; row_name and column_name are
 * in the report's language.  value is "*" when suppressed and empty when
 * it cannot be calculated; status says why (suppressed, rounded,
 * not_calculable, not_recorded).  Cells not applicable to the scope are
 * left out.  docs/review-json.md has the details.
 */
#include "base/compat.h"
#include <math.h>
#include "base/csv-cell.h"
#include "base/parse.h"
#include "report/report-internal.h"

/* A field, quoted if needed; formula-like text is defused (csv-cell.h). */
static void field(struct buf *b, const char *s, bool text)
{
	csv_cell_put(b, s, text);
}

static const char *status(const struct review_cell *c)
{
	if (report__cell_suppressed(c))
		return "suppressed";
	if (c->kind == FIG_DATE && report__cell_no_date(c))
		return "not_recorded";
	if (c->kind != FIG_DATE && !isfinite(c->value))
		return "not_calculable";
	if (c->flags & CELL_ROUNDED)
		return "rounded";
	return "";
}

static void cell_fields(struct buf *b, const struct review_cell *c)
{
	buf_adds(b, report__kind_key(c->kind));
	buf_addch(b, ',');
	report__fmt_machine(b, c);
	buf_addch(b, ',');
	if (!report__cell_suppressed(c) && c->num >= 0)
		buf_addf(b, "%ld", c->num);
	buf_addch(b, ',');
	if (!report__cell_suppressed(c) && c->den >= 0)
		buf_addf(b, "%ld", c->den);
	buf_addch(b, ',');
	buf_adds(b, status(c));
	buf_addch(b, '\n');
}

/* A "review" row: row key, name for people, kind and value. */
static void review_row(struct buf *b, const char *row, const char *name,
		       const char *kind, const char *value)
{
	buf_adds(b, "review,");
	buf_adds(b, row);
	buf_addch(b, ',');
	field(b, name, true);
	buf_addf(b, ",,,%s,", kind);
	field(b, value, true);
	buf_adds(b, ",,,\n");
}

static void release_rows(struct buf *b, const struct report_release *rel,
			 enum report_lang lang)
{
	char d[DATE_STR_MAX] = "";

	if (rel->date != DATE_NONE)
		date_fmt_iso(rel->date, d);
	review_row(b, "release_date", report__ui(UI_RELEASE_DATE, lang),
		   "date", d);
	review_row(b, "status", report__status_name(rel->status, lang),
		   "text", report_status_key(rel->status));
	review_row(b, "producer", report__ui(UI_PRODUCED_BY, lang), "text",
		   report__producer(rel, lang));
	review_row(b, "contact_name", report__ui(UI_CONTACT, lang), "text",
		   report__contact_name(rel, lang));
	review_row(b, "contact_email", report__ui(UI_EMAIL, lang), "text",
		   rel->contact_email);
	review_row(b, "contact_phone", report__ui(UI_PHONE, lang), "text",
		   rel->contact_phone);
	d[0] = '\0';
	if (rel->next_update != DATE_NONE) {
		date_fmt_iso(rel->next_update, d);
		if (rel->next_update_month)
			d[7] = '\0';
	}
	review_row(b, "next_update", report__ui(UI_NEXT_UPDATE, lang),
		   "date", d);
}

static void review_rows(struct buf *b, const struct review *r,
			enum report_lang lang)
{
	struct buf s = BUF_INIT(512);

	buf_adds(b, "review,year,");
	buf_adds(&s, report__ui(UI_REPORTING_YEAR, lang));
	buf_addch(&s, ' ');
	report__fmt_year(&s, r->year);
	field(b, s.buf, true);
	buf_addf(b, ",,,year,%d,,,\n", r->year);

	buf_adds(b, "review,scope,");
	field(b, report__scope_name(r, lang), true);
	buf_adds(b, ",,,text,");
	field(b, r->scope.code, false);
	buf_adds(b, ",,,\n");

	buf_adds(b, "review,published,");
	field(b, report__ui(r->published ? UI_BANNER_PUBLISHED
					 : UI_BANNER_EXACT, lang), true);
	buf_addf(b, ",,,flag,%d,,,\n", r->published ? 1 : 0);
	buf_release(&s);
}

/* The cells of one table row (or total) named key and name. */
static void row_cells(struct buf *out, enum review_table_id tid,
		      const struct review_table *t, const char *key,
		      const char *name, const struct review_cell *row,
		      enum report_lang lang)
{
	for (size_t c = 0; c < t->ncols; c++) {
		const struct review_cell *cell = &row[c];

		if (report__cell_na(cell))
			continue;
		buf_adds(out, report__table_key(tid));
		buf_addch(out, ',');
		field(out, key, false);
		buf_addch(out, ',');
		field(out, name, true);
		buf_addch(out, ',');
		field(out, t->col_keys[c], false);
		buf_addch(out, ',');
		field(out, report__col_label(tid, t->col_keys[c], lang), true);
		buf_addch(out, ',');
		cell_fields(out, cell);
	}
}

int report__render_csv(const struct review *r,
		       const struct report_release *rel,
		       enum report_lang lang, struct buf *out,
		       struct err *err)
{
	char tmp[16];

	(void)err;
	buf_adds(out, "table,row,row_name,column,column_name,kind,value,"
		      "numerator,denominator,status\n");
	review_rows(out, r, lang);
	if (rel)
		release_rows(out, rel, lang);
	for (size_t f = 0; f < FIG_N; f++) {
		const struct review_cell *c = &r->fig[f];

		if (report__cell_na(c))
			continue;
		buf_adds(out, "indicators,");
		field(out, report__figs[f].key, false);
		buf_addch(out, ',');
		field(out, report__fig_label(f, lang), true);
		buf_adds(out, ",,,");
		cell_fields(out, c);
	}
	for (int tid = 0; tid < TAB_N; tid++) {
		const struct review_table *t = &r->tab[tid];

		if (!report__table_has_data(t))
			continue;
		for (size_t i = 0; i < t->nrows; i++)
			row_cells(out, tid, t, t->row_keys[i],
				  report__row_name(r, tid, i, lang, tmp,
						   sizeof(tmp)),
				  review_cell_at(t, i, 0), lang);
		if (t->total && t->total_key)
			row_cells(out, tid, t, t->total_key,
				  report__total_name(r, tid, lang), t->total,
				  lang);
	}
	return 0;
}
