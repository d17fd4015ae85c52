/*
 * render-json.c: the review as JSON, the contract for other programs
 * (docs/review-json.md documents every field; change both together and
 * bump REVIEW_JSON_VERSION on any incompatible change).
 *
 * Types stay clean: numbers are numbers, an undefined value is null, a
 * suppressed cell has "value": null and "suppressed": true and neither
 * numerator nor denominator, and cells not applicable to the scope are
 * left out.  JSON is the same in both languages: rows carry English and
 * Welsh names, key points both texts.  The release metadata ("release")
 * is there when the caller gives it (`cartref review` does).
 */
#include "base/compat.h"
#include <math.h>
#include <jansson.h>
#include "base/parse.h"
#include "base/xalloc.h"
#include "report/report-internal.h"

#define REVIEW_JSON_VERSION 1

/* Sticky failure, like struct buf: build linearly, check once. */
struct jctx {
	bool failed;
};

/* Add v to obj (stealing it, even on failure). */
static void set(struct jctx *j, json_t *obj, const char *key, json_t *v)
{
	if (!obj || !v || !key) {
		json_decref(v);
		j->failed = true;
		return;
	}
	if (json_object_set_new(obj, key, v))
		j->failed = true;
}

static void push(struct jctx *j, json_t *arr, json_t *v)
{
	if (!arr || !v) {
		json_decref(v);
		j->failed = true;
		return;
	}
	if (json_array_append_new(arr, v))
		j->failed = true;
}

/*
 * A JSON string; jansson refuses bytes that are not UTF-8, so a name
 * with a stray Latin-1 byte is kept with '?' in its place.
 */
static json_t *jstr(const char *s)
{
	json_t *v;
	char *copy;

	if (!s)
		return json_null();
	v = json_string(s);
	if (v)
		return v;
	copy = xstrdup(s);
	for (char *p = copy; *p; p++)
		if ((unsigned char)*p >= 0x80 || (unsigned char)*p < 0x20)
			*p = '?';
	v = json_string(copy);
	free(copy);
	return v;
}

static json_t *str_or_null(const char *s)
{
	return jstr(s);
}

static json_t *iso_date(int32_t day)
{
	char s[DATE_STR_MAX];

	date_fmt_iso(day, s);
	return json_string(s);
}

static json_t *cell_value(const struct review_cell *c)
{
	if (report__cell_suppressed(c))
		return json_null();
	if (c->kind == FIG_DATE)
		return report__cell_no_date(c) ? json_null()
					       : iso_date((int32_t)c->value);
	if (!isfinite(c->value))
		return json_null();
	if (c->kind == FIG_COUNT)
		return json_integer(llround(c->value));
	return json_real(c->value == 0 ? 0.0 : c->value);
}

/* The members every cell has: value, numerator, denominator, flags. */
static void cell_members(struct jctx *j, json_t *o,
			 const struct review_cell *c)
{
	set(j, o, "value", cell_value(c));
	if (!report__cell_suppressed(c)) {
		if (c->num >= 0)
			set(j, o, "numerator", json_integer(c->num));
		if (c->den >= 0)
			set(j, o, "denominator", json_integer(c->den));
	} else {
		set(j, o, "suppressed", json_true());
	}
	if (c->flags & CELL_ROUNDED)
		set(j, o, "rounded", json_true());
}

static json_t *indicators(struct jctx *j, const struct review *r)
{
	json_t *all = json_object();

	for (size_t f = 0; f < FIG_N; f++) {
		const struct review_cell *c = &r->fig[f];
		json_t *o;

		if (report__cell_na(c))
			continue;
		o = json_object();
		set(j, o, "group", json_string(report__group_key(
					   report__figs[f].group)));
		set(j, o, "kind", json_string(report__kind_key(c->kind)));
		cell_members(j, o, c);
		set(j, all, report__figs[f].key, o);
	}
	return all;
}

static json_t *cells_object(struct jctx *j, const struct review_table *t,
			    const struct review_cell *row)
{
	json_t *cells = json_object();

	for (size_t c = 0; c < t->ncols; c++) {
		const struct review_cell *cell = &row[c];
		json_t *co;

		if (report__cell_na(cell))
			continue;
		co = json_object();
		set(j, co, "kind", json_string(report__kind_key(cell->kind)));
		cell_members(j, co, cell);
		set(j, cells, t->col_keys[c], co);
	}
	return cells;
}

static json_t *table(struct jctx *j, const struct review *r,
		     enum review_table_id tid)
{
	const struct review_table *t = &r->tab[tid];
	json_t *o = json_object(), *cols = json_array(), *rows = json_array();
	bool data = report__table_has_data(t);
	char tmp[16];

	for (size_t c = 0; data && c < t->ncols; c++)
		push(j, cols, jstr(t->col_keys[c]));
	for (size_t i = 0; data && i < t->nrows; i++) {
		json_t *row = json_object();

		set(j, row, "key", jstr(t->row_keys[i]));
		set(j, row, "name_en", jstr(report__row_name(
					       r, tid, i, LANG_EN, tmp,
					       sizeof(tmp))));
		set(j, row, "name_cy", jstr(report__row_name(
					       r, tid, i, LANG_CY, tmp,
					       sizeof(tmp))));
		if (t->row_council)
			set(j, row, "council", str_or_null(t->row_council[i]));
		if (t->row_provider_type)
			set(j, row, "provider_type",
			    str_or_null(t->row_provider_type[i]));
		set(j, row, "cells",
		    cells_object(j, t, review_cell_at(t, i, 0)));
		push(j, rows, row);
	}
	set(j, o, "columns", cols);
	set(j, o, "rows", rows);
	if (data && t->total && t->total_key) {
		json_t *total = json_object();

		set(j, total, "key", jstr(t->total_key));
		set(j, total, "name_en",
		    jstr(report__total_name(r, tid, LANG_EN)));
		set(j, total, "name_cy",
		    jstr(report__total_name(r, tid, LANG_CY)));
		set(j, total, "cells", cells_object(j, t, t->total));
		set(j, o, "total", total);
	}
	return o;
}

static json_t *release(struct jctx *j, const struct report_release *rel)
{
	json_t *o = json_object(), *contact = json_object();
	char s[DATE_STR_MAX];

	set(j, o, "date", rel->date != DATE_NONE ? iso_date(rel->date)
						 : json_null());
	set(j, o, "status", json_string(report_status_key(rel->status)));
	set(j, o, "status_en",
	    jstr(report__status_name(rel->status, LANG_EN)));
	set(j, o, "status_cy",
	    jstr(report__status_name(rel->status, LANG_CY)));
	set(j, o, "producer_en", jstr(report__producer(rel, LANG_EN)));
	set(j, o, "producer_cy", jstr(report__producer(rel, LANG_CY)));
	set(j, contact, "name_en", jstr(report__contact_name(rel, LANG_EN)));
	set(j, contact, "name_cy", jstr(report__contact_name(rel, LANG_CY)));
	set(j, contact, "email", rel->contact_email[0]
					 ? jstr(rel->contact_email)
					 : json_null());
	set(j, contact, "phone", rel->contact_phone[0]
					 ? jstr(rel->contact_phone)
					 : json_null());
	set(j, o, "contact", contact);
	if (rel->next_update == DATE_NONE) {
		set(j, o, "next_update", json_null());
	} else {
		date_fmt_iso(rel->next_update, s);
		if (rel->next_update_month)
			s[7] = '\0';	/* yyyy-mm */
		set(j, o, "next_update", json_string(s));
	}
	return o;
}

static json_t *key_points(struct jctx *j, const struct review *r)
{
	json_t *all = json_array();
	struct buf en = BUF_INIT(1024), cy = BUF_INIT(1024);

	for (size_t i = 0; i < report__nkey_points(); i++) {
		json_t *o;
		int f;

		buf_reset(&en);
		buf_reset(&cy);
		f = report__key_point(r, i, LANG_EN, &en);
		if (f < 0 || report__key_point(r, i, LANG_CY, &cy) != f)
			continue;
		o = json_object();
		set(j, o, "indicator", json_string(report__figs[f].key));
		set(j, o, "text_en", jstr(en.buf));
		set(j, o, "text_cy", jstr(cy.buf));
		push(j, all, o);
	}
	buf_release(&en);
	buf_release(&cy);
	return all;
}

static const char *scope_kind(enum review_scope_kind k)
{
	switch (k) {
	case SCOPE_NATIONAL:
		return "national";
	case SCOPE_COUNCIL:
		return "council";
	case SCOPE_HOME:
		return "home";
	}
	return "unknown";
}

static json_t *scope(struct jctx *j, const struct review *r)
{
	json_t *o = json_object();

	set(j, o, "kind", json_string(scope_kind(r->scope.kind)));
	set(j, o, "code", r->scope.code[0] ? jstr(r->scope.code)
					   : json_null());
	set(j, o, "name_en", jstr(report__scope_name(r, LANG_EN)));
	set(j, o, "name_cy", jstr(report__scope_name(r, LANG_CY)));
	return o;
}

static int dump_cb(const char *s, size_t n, void *data)
{
	return buf_add(data, s, n) ? -1 : 0;
}

int report__render_json(const struct review *r,
			const struct report_release *rel, struct buf *out,
			struct err *err)
{
	struct jctx j = { false };
	json_t *root = json_object(), *period = json_object();
	json_t *input = json_object(), *tables = json_object();
	int rc = 0;

	set(&j, root, "cartref_review", json_integer(REVIEW_JSON_VERSION));
	set(&j, root, "year", json_integer(r->year));
	set(&j, period, "start", iso_date(year_start(r->year)));
	set(&j, period, "end", iso_date(year_end(r->year)));
	set(&j, root, "period", period);
	set(&j, root, "scope", scope(&j, r));
	set(&j, root, "published", json_boolean(r->published));
	if (rel)
		set(&j, root, "release", release(&j, rel));
	if (r->prev_year)
		set(&j, root, "previous_year", json_integer(r->prev_year));
	set(&j, root, "key_points", key_points(&j, r));
	set(&j, input, "children", json_integer(r->children_in_store));
	set(&j, input, "episodes", json_integer(r->episodes_in_store));
	set(&j, root, "input", input);
	set(&j, root, "indicators", indicators(&j, r));
	for (int t = 0; t < TAB_N; t++)
		set(&j, tables, report__table_key(t), table(&j, r, t));
	set(&j, root, "tables", tables);
	if (j.failed) {
		rc = err_set(err, ERR_IO, "out of memory building JSON");
		goto out;
	}
	if (json_dump_callback(root, dump_cb, out,
			       JSON_INDENT(2) | JSON_REAL_PRECISION(10)) ||
	    buf_addch(out, '\n'))
		rc = err_set(err, ERR_TOO_LARGE,
			     "the JSON report is too large");
out:
	json_decref(root);
	return rc;
}
