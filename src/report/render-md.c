/*
 * render-md.c: the review as Markdown (GitHub-flavoured tables): a title
 * block with the release metadata, the key points, a heading per
 * indicator group with a table of its figures (label, value, numerator,
 * denominator) followed by the group's tables, then the council (with
 * the Wales row) and home tables and the notes for readers.
 *
 * All text goes through md_text(), which backslash-escapes Markdown's
 * punctuation (so a name like "<b>" or "a|b" cannot become markup or
 * break a table) and turns line breaks into spaces.
 */
#include "base/compat.h"
#include "base/parse.h"
#include "report/report-internal.h"

static void md_text(struct buf *b, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '\n' || *s == '\r') {
			buf_addch(b, ' ');
			continue;
		}
		if (strchr("\\`*_[]<>|#&", *s))
			buf_addch(b, '\\');
		buf_addch(b, *s);
	}
}

static void md_cell(struct buf *b, const struct review_cell *c,
		    enum report_lang lang)
{
	struct buf s = BUF_INIT(128);

	report__fmt_cell(&s, c, lang);
	md_text(b, s.buf);
	buf_release(&s);
}

static void md_part(struct buf *b, const struct review_cell *c, long n)
{
	struct buf s = BUF_INIT(64);

	report__fmt_part(&s, c, n);
	md_text(b, s.buf);
	buf_release(&s);
}

static void figures(struct buf *b, const struct review *r,
		    enum fig_group g, enum report_lang lang)
{
	bool any = false;

	for (size_t f = 0; f < FIG_N; f++)
		if (report__figs[f].group == g && !report__cell_na(&r->fig[f]))
			any = true;
	if (!any)
		return;
	buf_addf(b, "| %s | %s | %s | %s |\n", report__ui(UI_INDICATOR, lang),
		 report__ui(UI_VALUE, lang), report__ui(UI_NUMERATOR, lang),
		 report__ui(UI_DENOMINATOR, lang));
	buf_adds(b, "| --- | ---: | ---: | ---: |\n");
	for (size_t f = 0; f < FIG_N; f++) {
		const struct review_cell *c = &r->fig[f];

		if (report__figs[f].group != g || report__cell_na(c))
			continue;
		buf_adds(b, "| ");
		md_text(b, report__fig_label(f, lang));
		buf_adds(b, " | ");
		md_cell(b, c, lang);
		buf_adds(b, " | ");
		md_part(b, c, c->num);
		buf_adds(b, " | ");
		md_part(b, c, c->den);
		buf_adds(b, " |\n");
	}
	buf_addch(b, '\n');
}

static void table(struct buf *b, const struct review *r,
		  enum review_table_id tid, enum report_lang lang)
{
	const struct review_table *t = &r->tab[tid];
	bool homes = tid == TAB_HOMES;
	char tmp[16];

	buf_adds(b, "### ");
	md_text(b, report__table_title(tid, lang));
	buf_adds(b, "\n\n");
	if (!report__table_has_data(t)) {
		buf_adds(b, "_");
		md_text(b, report__ui(UI_NO_DATA, lang));
		buf_adds(b, "_\n\n");
		return;
	}
	buf_adds(b, "|");
	if (homes)
		buf_addf(b, " %s |", report__ui(UI_URN, lang));
	buf_adds(b, " ");
	md_text(b, report__row_head(tid, lang));
	buf_adds(b, " |");
	if (homes)
		buf_addf(b, " %s | %s |", report__ui(UI_COUNCIL, lang),
			 report__ui(UI_PROVIDER_TYPE, lang));
	for (size_t c = 0; c < t->ncols; c++) {
		buf_adds(b, " ");
		md_text(b, report__col_label(tid, t->col_keys[c], lang));
		buf_adds(b, " |");
	}
	buf_adds(b, "\n|");
	if (homes)
		buf_adds(b, " --- |");
	buf_adds(b, " --- |");
	if (homes)
		buf_adds(b, " --- | --- |");
	for (size_t c = 0; c < t->ncols; c++)
		buf_adds(b, " ---: |");
	buf_addch(b, '\n');
	for (size_t i = 0; i < t->nrows; i++) {
		buf_adds(b, "|");
		if (homes) {
			buf_adds(b, " ");
			md_text(b, t->row_keys[i]);
			buf_adds(b, " |");
		}
		buf_adds(b, " ");
		md_text(b, report__row_name(r, tid, i, lang, tmp, sizeof(tmp)));
		buf_adds(b, " |");
		if (homes) {
			const char *pt = t->row_provider_type
					 ? t->row_provider_type[i] : NULL;
			const char *ptl = report__row_label(TAB_PROVIDER_TYPES,
							    pt, lang);

			buf_adds(b, " ");
			md_text(b, report__council_name(
					   r, t->row_council ? t->row_council[i]
							     : NULL, lang));
			buf_adds(b, " | ");
			md_text(b, ptl ? ptl : pt);
			buf_adds(b, " |");
		}
		for (size_t c = 0; c < t->ncols; c++) {
			buf_adds(b, " ");
			md_cell(b, review_cell_at(t, i, c), lang);
			buf_adds(b, " |");
		}
		buf_addch(b, '\n');
	}
	if (t->total && !homes) {
		buf_adds(b, "| **");
		md_text(b, report__total_name(r, tid, lang));
		buf_adds(b, "** |");
		for (size_t c = 0; c < t->ncols; c++) {
			buf_adds(b, " **");
			md_cell(b, &t->total[c], lang);
			buf_adds(b, "** |");
		}
		buf_addch(b, '\n');
	}
	buf_addch(b, '\n');
}

static void note(struct buf *b, const char *s)
{
	buf_adds(b, "- ");
	md_text(b, s);
	buf_addch(b, '\n');
}

static void heading(struct buf *b, const char *level, const char *s)
{
	buf_adds(b, level);
	md_text(b, s);
	buf_adds(b, "\n\n");
}

static void notes(struct buf *b, const struct review *r,
		  const struct report_release *rel, bool changes,
		  enum report_lang lang)
{
	enum ui_str cover = r->scope.kind == SCOPE_HOME ? UI_COVERAGE_HOME
			    : r->scope.kind == SCOPE_COUNCIL
				    ? UI_COVERAGE_COUNCIL
				    : UI_COVERAGE_NATIONAL;

	heading(b, "## ", report__ui(UI_ABOUT, lang));
	if (rel) {
		md_text(b, report__status_note(rel->status, lang));
		buf_adds(b, "\n\n");
	}
	heading(b, "### ", report__ui(UI_COVERAGE, lang));
	note(b, report__ui(cover, lang));
	note(b, report__ui(UI_COVERAGE_LIVE, lang));
	buf_addch(b, '\n');
	heading(b, "### ", report__ui(UI_DEFINITIONS, lang));
	for (int d = 0; d < DEF_N; d++) {
		buf_adds(b, "- **");
		md_text(b, report__def_term(d, lang));
		buf_adds(b, ":** ");
		md_text(b, report__def_text(d, lang));
		buf_addch(b, '\n');
	}
	buf_addch(b, '\n');
	heading(b, "### ", report__ui(UI_DISCLOSURE, lang));
	note(b, report__ui(r->published ? UI_NOTE_DISCLOSURE : UI_NOTE_EXACT,
			   lang));
	if (changes)
		note(b, report__ui(r->published ? UI_NOTE_CHANGES_PUBLISHED
						: UI_NOTE_CHANGES_EXACT,
				   lang));
	buf_addch(b, '\n');
	heading(b, "### ", report__ui(UI_SYMBOLS, lang));
	if (r->published)
		note(b, report__ui(UI_NOTE_SUPPRESSED, lang));
	note(b, report__ui(UI_NOTE_NAN, lang));
	note(b, report__ui(UI_NOTE_NA, lang));
	note(b, report__ui(UI_NOTE_NOT_RECORDED, lang));
	note(b, report__ui(UI_NOTE_DECIMALS, lang));
	buf_addch(b, '\n');
	heading(b, "### ", report__ui(UI_SOURCES, lang));
	note(b, report__ui(UI_NOTE_SOURCE, lang));
	if (!r->published && r->children_in_store > 0) {
		buf_adds(b, "- ");
		md_text(b, report__ui(UI_NOTE_HELD, lang));
		buf_adds(b, ": ");
		report__fmt_int(b, r->children_in_store);
		buf_addf(b, " %s, ", report__ui(UI_NOTE_CHILDREN, lang));
		report__fmt_int(b, r->episodes_in_store);
		buf_addf(b, " %s.\n", report__ui(UI_NOTE_EPISODES, lang));
	}
}

/* "**Label:** value" and a line break. */
static void meta(struct buf *b, const char *label, const char *value)
{
	buf_adds(b, "**");
	md_text(b, label);
	buf_adds(b, ":** ");
	md_text(b, value);
	buf_adds(b, "  \n");
}

static void release_block(struct buf *out, const struct report_release *rel,
			  enum report_lang lang)
{
	struct buf s = BUF_INIT(512);

	if (rel->date != DATE_NONE) {
		report__fmt_day(&s, rel->date, false, lang);
		meta(out, report__ui(UI_RELEASE_DATE, lang), s.buf);
	}
	meta(out, report__ui(UI_STATUS, lang),
	     report__status_name(rel->status, lang));
	buf_reset(&s);
	if (rel->next_update != DATE_NONE)
		report__fmt_day(&s, rel->next_update, rel->next_update_month,
				lang);
	else
		buf_adds(&s, report__ui(UI_NEXT_UPDATE_TBC, lang));
	meta(out, report__ui(UI_NEXT_UPDATE, lang), s.buf);
	meta(out, report__ui(UI_PRODUCED_BY, lang),
	     report__producer(rel, lang));
	buf_reset(&s);
	buf_adds(&s, report__contact_name(rel, lang));
	if (rel->contact_email[0])
		buf_addf(&s, ", %s", rel->contact_email);
	if (rel->contact_phone[0])
		buf_addf(&s, ", %s %s", report__ui(UI_PHONE, lang),
			 rel->contact_phone);
	meta(out, report__ui(UI_CONTACT, lang), s.buf);
	buf_release(&s);
}

/* The key points; true if one compares with the year before. */
static bool key_points(struct buf *out, const struct review *r,
		       enum report_lang lang)
{
	struct buf s = BUF_INIT(1024);
	size_t n = 0;

	heading(out, "## ", report__ui(UI_KEY_POINTS, lang));
	report__key_points_intro(r, lang, &s);
	md_text(out, s.buf);
	buf_adds(out, "\n\n");
	for (size_t i = 0; i < report__nkey_points(); i++) {
		buf_reset(&s);
		if (report__key_point(r, i, lang, &s) < 0)
			continue;
		note(out, s.buf);
		n++;
	}
	if (n)
		buf_addch(out, '\n');
	buf_release(&s);
	return n && r->prev_year;
}

int report__render_md(const struct review *r,
		      const struct report_release *rel,
		      enum report_lang lang, struct buf *out,
		      struct err *err)
{
	struct buf s = BUF_INIT(256);
	bool changes;

	(void)err;
	buf_adds(out, "# ");
	md_text(out, report__ui(UI_TITLE, lang));
	buf_adds(out, "\n\n**");
	md_text(out, report__ui(r->scope.kind == SCOPE_HOME ? UI_SCOPE_HOME
				: r->scope.kind == SCOPE_COUNCIL
					? UI_SCOPE_COUNCIL
					: UI_SCOPE,
				lang));
	buf_adds(out, ":** ");
	md_text(out, report__scope_name(r, lang));
	if (r->scope.kind == SCOPE_HOME && r->scope.code[0]) {
		buf_addf(out, " (%s ", report__ui(UI_URN, lang));
		md_text(out, r->scope.code);
		buf_adds(out, ")");
	}
	buf_adds(out, "  \n**");
	md_text(out, report__ui(UI_REPORTING_YEAR, lang));
	buf_adds(out, ":** ");
	report__fmt_year(out, r->year);
	buf_adds(out, " (");
	report__fmt_period(&s, r->year, lang);
	md_text(out, s.buf);
	buf_adds(out, ")  \n");
	if (rel)
		release_block(out, rel, lang);
	buf_adds(out, "\n> **");
	md_text(out, report__ui(r->published ? UI_BANNER_PUBLISHED
					     : UI_BANNER_EXACT, lang));
	buf_adds(out, "**\n\n");
	changes = key_points(out, r, lang);
	for (int g = 0; g < GROUP_NGROUPS; g++) {
		buf_adds(out, "## ");
		md_text(out, report__group_title(g, lang));
		buf_adds(out, "\n\n");
		figures(out, r, g, lang);
		for (int t = 0; t < TAB_N; t++)
			if (report__table_group(t) == g)
				table(out, r, t, lang);
	}
	buf_addf(out, "## %s\n\n", report__ui(UI_COUNCILS_SECTION, lang));
	table(out, r, TAB_COUNCILS, lang);
	buf_addf(out, "## %s\n\n", report__ui(UI_HOMES_SECTION, lang));
	table(out, r, TAB_HOMES, lang);
	notes(out, r, rel, changes, lang);
	buf_release(&s);
	return 0;
}
