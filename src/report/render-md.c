/*
 * render-md.c: the review as Markdown (GitHub-flavoured tables): a title
 * block, a heading per indicator group with a table of its figures
 * (label, value, numerator, denominator) followed by the group's tables,
 * then the council and home tables and the notes.
 *
 * All text goes through md_text(), which backslash-escapes Markdown's
 * punctuation (so a name like "<b>" or "a|b" cannot become markup or
 * break a table) and turns line breaks into spaces.
 */
#include "base/compat.h"
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
	buf_addch(b, '\n');
}

static void note(struct buf *b, const char *s)
{
	buf_adds(b, "- ");
	md_text(b, s);
	buf_addch(b, '\n');
}

static void notes(struct buf *b, const struct review *r,
		  enum report_lang lang)
{
	buf_addf(b, "## %s\n\n", report__ui(UI_NOTES, lang));
	buf_adds(b, "- ");
	md_text(b, report__ui(UI_NOTE_DEFINITIONS, lang));
	buf_adds(b, " `docs/indicators.md`\n");
	if (r->published) {
		note(b, report__ui(UI_NOTE_SUPPRESSED, lang));
		note(b, report__ui(UI_NOTE_ROUNDED, lang));
	} else {
		note(b, report__ui(UI_NOTE_EXACT, lang));
	}
	note(b, report__ui(UI_NOTE_NAN, lang));
	note(b, report__ui(UI_NOTE_NA, lang));
	note(b, report__ui(UI_NOTE_NOT_RECORDED, lang));
	note(b, report__ui(UI_NOTE_DECIMALS, lang));
	if (r->children_in_store > 0) {
		buf_adds(b, "- ");
		md_text(b, report__ui(UI_NOTE_SOURCE, lang));
		buf_adds(b, ": ");
		report__fmt_int(b, r->children_in_store);
		buf_addf(b, " %s, ", report__ui(UI_NOTE_CHILDREN, lang));
		report__fmt_int(b, r->episodes_in_store);
		buf_addf(b, " %s.\n", report__ui(UI_NOTE_EPISODES, lang));
	}
}

int report__render_md(const struct review *r, enum report_lang lang,
		      struct buf *out, struct err *err)
{
	struct buf s = BUF_INIT(256);

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
	buf_adds(out, ")\n\n> **");
	md_text(out, report__ui(r->published ? UI_BANNER_PUBLISHED
					     : UI_BANNER_EXACT, lang));
	buf_adds(out, "**\n\n");
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
	notes(out, r, lang);
	buf_release(&s);
	return 0;
}
