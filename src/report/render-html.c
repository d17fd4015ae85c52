/*
 * render-html.c: the review as one self-contained HTML5 page, in the
 * manner of a GOV.UK / Welsh Government statistical release.
 *
 * Self-contained: inline <style> only, no scripts, no external fonts,
 * images or links to load; the charts and the map are inline SVG.  The
 * page is also well-formed XML (every element closed, attributes quoted,
 * no named entities, no '<' or '&' in the style sheet), so it can be
 * checked with an XML parser as well as an HTML one.
 *
 * Readable without colour or a mouse: every chart sits beside a table of
 * its figures (a <caption>, <th scope>), every SVG has role="img" with a
 * <title> and <desc>, bars and councils carry their value as text, and
 * the print style sheet starts each section on a new page.
 *
 * Layout: header with the release metadata, key points in words, key
 * figures, one section per indicator group (its figures, then its charts
 * and tables), the council (with the Wales row) and home tables, and
 * notes for readers: coverage, definitions, disclosure control, symbols
 * and sources.
 *
 * Fits the page: header cells wrap, tables too wide for their column
 * scroll in a focusable region on screen, and in print the wide council
 * and home tables go on landscape pages in a smaller type.
 */
#include "base/compat.h"
#include <math.h>
#include "base/html.h"
#include "base/parse.h"
#include "report/report-internal.h"


/* No '<' or '&' here: the page must stay well-formed XML. */
static const char css[] =
	":root{color-scheme:light}\n"
	"*{box-sizing:border-box}\n"
	"body{margin:0;background:#fff;color:#0b0c0c;"
	"font-family:\"GDS Transport\",arial,\"Helvetica Neue\",Helvetica,"
	"sans-serif;font-size:16px;line-height:1.45}\n"
	"a{color:#1d70b8}a:visited{color:#4c2c92}\n"
	"a:focus{outline:3px solid #ffdd00;background:#ffdd00;color:#0b0c0c}\n"
	".skip{position:absolute;left:-9999px}\n"
	".skip:focus{left:8px;top:8px;padding:6px}\n"
	".wrap{max-width:1140px;margin:0 auto;padding:0 24px}\n"
	".masthead{background:#0b0c0c;color:#fff;border-bottom:10px solid "
	"#1d70b8}\n"
	".masthead .wrap{padding-top:12px;padding-bottom:12px;font-weight:"
	"bold;font-size:1.1rem}\n"
	"h1{font-size:2.4rem;line-height:1.1;margin:1.2em 0 .4em}\n"
	"h2{font-size:1.7rem;margin:1.6em 0 .6em;padding-top:.4em;"
	"border-top:2px solid #1d70b8}\n"
	"h3{font-size:1.25rem;margin:1.4em 0 .5em}\n"
	".meta{display:grid;grid-template-columns:max-content auto;gap:"
	"4px 16px;margin:0 0 1em}\n"
	".meta dt{font-weight:bold}.meta dd{margin:0}\n"
	".keypoints li{margin-bottom:.5em}\n"
	".banner{margin:1em 0 1.5em;padding:12px 16px;border-left:10px solid;"
	"background:#f3f2f1;font-weight:bold}\n"
	".banner.staff{border-color:#d4351c}\n"
	".banner.published{border-color:#00703c}\n"
	"nav ol{columns:2;padding-left:1.4em}\n"
	".summary{list-style:none;padding:0;display:grid;"
	"grid-template-columns:repeat(auto-fill,minmax(210px,1fr));gap:16px}\n"
	".summary li{border-top:5px solid #1d70b8;background:#f3f2f1;"
	"padding:10px 12px}\n"
	".summary .num{display:block;font-size:2rem;font-weight:bold;"
	"line-height:1.2}\n"
	"table{border-collapse:collapse;width:100%;margin:0 0 1.6em;"
	"font-size:.92rem}\n"
	"caption{text-align:left;font-weight:bold;font-size:1.05rem;"
	"padding:0 0 .5em}\n"
	"th,td{text-align:left;vertical-align:top;padding:6px 10px 6px 0;"
	"border-bottom:1px solid #b1b4b6}\n"
	"thead th{border-bottom:2px solid #0b0c0c;vertical-align:bottom}\n"
	"th.n,td.n{text-align:right;font-variant-numeric:tabular-nums}\n"
	"td.n{white-space:nowrap}\n"
	"th{overflow-wrap:break-word;hyphens:auto}\n"
	"tbody th{font-weight:normal}\n"
	"tr.total th,tr.total td{font-weight:bold;"
	"border-top:2px solid #0b0c0c}\n"
	"table.wide{font-size:.8rem}\n"
	".pair{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start}\n"
	".pair figure{flex:1 1 460px;margin:0;min-width:0}\n"
	".pair .tablewrap{flex:1 1 340px;min-width:0}\n"
	".pair.stack{display:block}\n"
	".pair.stack figure{margin-bottom:1em}\n"
	"figcaption{font-weight:bold;font-size:1.05rem;margin:0 0 .5em}\n"
	"figure svg{display:block;width:100%;height:auto;max-width:680px}\n"
	"svg text{font-size:12px;fill:#0b0c0c}\n"
	"svg text.value{font-size:11px}\n"
	"svg text.legend-title{font-weight:bold}\n"
	".scroll{overflow-x:auto;max-width:100%}\n"
	".scroll:focus{outline:3px solid #ffdd00}\n"
	"dl.defs dt{font-weight:bold}dl.defs dd{margin:0 0 .6em}\n"
	".nodata{font-style:italic;color:#505a5f}\n"
	".notes{font-size:.95rem}\n"
	".notes li{margin-bottom:.4em}\n"
	"footer{margin-top:3em;padding:16px 24px;border-top:1px solid #b1b4b6;"
	"font-size:.9rem;color:#505a5f}\n"
	"@page{size:A4;margin:15mm}\n"
	"@page wide{size:A4 landscape;margin:12mm}\n"
	"@media print{\n"
	"body{font-size:11pt}\n"
	".wrap{max-width:none;padding:0}\n"
	"section.wide{page:wide}\n"
	"table.wide{font-size:7pt}\n"
	"table{font-size:9pt}\n"
	"th,td{padding:3px 6px 3px 0}\n"
	".masthead{background:none;color:#0b0c0c;border-bottom:3px solid "
	"#0b0c0c}\n"
	".skip,nav{display:none}\n"
	"section.group{break-before:page}\n"
	".pair{display:block}\n"
	"figure,tr{break-inside:avoid}\n"
	"thead{display:table-header-group}\n"
	".scroll{overflow:visible}\n"
	"a{color:#0b0c0c;text-decoration:none}\n"
	"}\n";

static const enum review_fig key_figures[] = {
	FIG_HOMES_OPEN,	      FIG_PLACES,	    FIG_IN_HOMES,
	FIG_CLA_31MAR,	      FIG_PLACEMENTS_3PLUS, FIG_MISSING_CHILDREN,
	FIG_MISSING_PERIODS, FIG_DIST_OVER_20,
};

struct page {
	struct buf *b;
	struct buf tmp;		/* scratch for one formatted value */
	const struct review *r;
	const struct report_release *rel;	/* or NULL */
	enum report_lang lang;
	bool map_drawn;
	bool changes;		/* a key point compares with the year before */
};

static const char *ui(const struct page *pg, enum ui_str id)
{
	return report__ui(id, pg->lang);
}

static void txt(struct page *pg, const char *s)
{
	html_text(pg->b, s);
}

/* <tag attrs>text</tag> with the text escaped (tag and attrs are ours). */
static void el(struct page *pg, const char *open, const char *s,
	       const char *close)
{
	buf_adds(pg->b, open);
	txt(pg, s);
	buf_adds(pg->b, close);
}

static void cell_text(struct page *pg, const struct review_cell *c)
{
	buf_reset(&pg->tmp);
	report__fmt_cell(&pg->tmp, c, pg->lang);
	txt(pg, pg->tmp.buf);
}

static void td_cell(struct page *pg, const struct review_cell *c)
{
	buf_adds(pg->b, "<td class=\"n\">");
	cell_text(pg, c);
	buf_adds(pg->b, "</td>");
}

static void td_part(struct page *pg, const struct review_cell *c, long n)
{
	buf_reset(&pg->tmp);
	report__fmt_part(&pg->tmp, c, n);
	buf_adds(pg->b, "<td class=\"n\">");
	txt(pg, pg->tmp.buf);
	buf_adds(pg->b, "</td>");
}

static void no_data(struct page *pg)
{
	el(pg, "<p class=\"nodata\">", ui(pg, UI_NO_DATA), "</p>\n");
}

static void head(struct page *pg)
{
	const struct review *r = pg->r;

	buf_addf(pg->b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
			"<meta charset=\"utf-8\" />\n"
			"<meta name=\"viewport\" content=\"width=device-width, "
			"initial-scale=1\" />\n<title>",
		 pg->lang == LANG_CY ? "cy" : "en");
	txt(pg, ui(pg, UI_TITLE));
	buf_adds(pg->b, ": ");
	txt(pg, report__scope_name(r, pg->lang));
	buf_adds(pg->b, ", ");
	report__fmt_year(pg->b, r->year);
	buf_adds(pg->b, "</title>\n<style>\n");
	buf_adds(pg->b, css);
	buf_adds(pg->b, "</style>\n</head>\n<body>\n");
	el(pg, "<a class=\"skip\" href=\"#main\">", ui(pg, UI_SKIP_LINK),
	   "</a>\n");
	el(pg, "<header class=\"masthead\"><div class=\"wrap\">",
	   ui(pg, UI_PUBLISHER), "</div></header>\n");
}

/* The release metadata, as more <dt>/<dd> pairs of the title block. */
static void release_meta(struct page *pg, const struct report_release *rel)
{
	if (rel->date != DATE_NONE) {
		el(pg, "<dt>", ui(pg, UI_RELEASE_DATE), "</dt><dd>");
		buf_reset(&pg->tmp);
		report__fmt_day(&pg->tmp, rel->date, false, pg->lang);
		el(pg, "", pg->tmp.buf, "</dd>");
	}
	el(pg, "<dt>", ui(pg, UI_STATUS), "</dt>");
	el(pg, "<dd>", report__status_name(rel->status, pg->lang), "</dd>");
	el(pg, "<dt>", ui(pg, UI_NEXT_UPDATE), "</dt><dd>");
	buf_reset(&pg->tmp);
	if (rel->next_update != DATE_NONE)
		report__fmt_day(&pg->tmp, rel->next_update,
				rel->next_update_month, pg->lang);
	else
		buf_adds(&pg->tmp, ui(pg, UI_NEXT_UPDATE_TBC));
	el(pg, "", pg->tmp.buf, "</dd>");
	el(pg, "<dt>", ui(pg, UI_PRODUCED_BY), "</dt>");
	el(pg, "<dd>", report__producer(rel, pg->lang), "</dd>");
	el(pg, "<dt>", ui(pg, UI_CONTACT), "</dt>");
	el(pg, "<dd>", report__contact_name(rel, pg->lang), "");
	if (rel->contact_email[0]) {
		/* checked as an address by report_release_set() */
		buf_adds(pg->b, ", <a href=\"mailto:");
		html_attr(pg->b, rel->contact_email);
		buf_adds(pg->b, "\">");
		txt(pg, rel->contact_email);
		buf_adds(pg->b, "</a>");
	}
	if (rel->contact_phone[0]) {
		buf_adds(pg->b, ", ");
		txt(pg, ui(pg, UI_PHONE));
		buf_addch(pg->b, ' ');
		txt(pg, rel->contact_phone);
	}
	buf_adds(pg->b, "</dd>");
}

static void title_block(struct page *pg)
{
	const struct review *r = pg->r;
	enum ui_str scope_kind = r->scope.kind == SCOPE_HOME
					 ? UI_SCOPE_HOME
				 : r->scope.kind == SCOPE_COUNCIL
					 ? UI_SCOPE_COUNCIL
					 : UI_SCOPE;

	buf_adds(pg->b, "<main id=\"main\" class=\"wrap\">\n");
	el(pg, "<h1>", ui(pg, UI_TITLE), "</h1>\n");
	buf_adds(pg->b, "<dl class=\"meta\">");
	el(pg, "<dt>", ui(pg, scope_kind), "</dt>");
	el(pg, "<dd>", report__scope_name(r, pg->lang), "");
	if (r->scope.kind == SCOPE_HOME && r->scope.code[0]) {
		buf_adds(pg->b, " (");
		txt(pg, ui(pg, UI_URN));
		buf_addch(pg->b, ' ');
		txt(pg, r->scope.code);
		buf_addch(pg->b, ')');
	}
	buf_adds(pg->b, "</dd>");
	el(pg, "<dt>", ui(pg, UI_REPORTING_YEAR), "</dt><dd>");
	report__fmt_year(pg->b, r->year);
	buf_adds(pg->b, " (");
	buf_reset(&pg->tmp);
	report__fmt_period(&pg->tmp, r->year, pg->lang);
	txt(pg, pg->tmp.buf);
	buf_adds(pg->b, ")</dd>");
	if (pg->rel)
		release_meta(pg, pg->rel);
	buf_adds(pg->b, "</dl>\n");
	if (r->published)
		el(pg, "<p class=\"banner published\">",
		   ui(pg, UI_BANNER_PUBLISHED), "</p>\n");
	else
		el(pg, "<p class=\"banner staff\">", ui(pg, UI_BANNER_EXACT),
		   "</p>\n");
}

static void key_points(struct page *pg)
{
	struct buf s = BUF_INIT(1024);
	size_t n = 0;

	buf_adds(pg->b, "<section id=\"key-points\" class=\"keypoints\">");
	el(pg, "<h2>", ui(pg, UI_KEY_POINTS), "</h2>\n");
	report__key_points_intro(pg->r, pg->lang, &s);
	el(pg, "<p>", s.buf, "</p>\n");
	for (size_t i = 0; i < report__nkey_points(); i++) {
		buf_reset(&s);
		if (report__key_point(pg->r, i, pg->lang, &s) < 0)
			continue;
		if (!n++)
			buf_adds(pg->b, "<ul>\n");
		el(pg, "<li>", s.buf, "</li>\n");
	}
	if (n)
		buf_adds(pg->b, "</ul>\n");
	else
		no_data(pg);
	buf_adds(pg->b, "</section>\n");
	pg->changes = n && pg->r->prev_year;
	buf_release(&s);
}

static void contents(struct page *pg)
{
	buf_adds(pg->b, "<nav aria-labelledby=\"contents-heading\">");
	el(pg, "<h2 id=\"contents-heading\">", ui(pg, UI_CONTENTS),
	   "</h2><ol>");
	el(pg, "<li><a href=\"#key-points\">", ui(pg, UI_KEY_POINTS),
	   "</a></li>");
	el(pg, "<li><a href=\"#key-figures\">", ui(pg, UI_KEY_FIGURES),
	   "</a></li>");
	for (int g = 0; g < GROUP_NGROUPS; g++) {
		buf_addf(pg->b, "<li><a href=\"#group-%s\">",
			 report__group_key(g));
		txt(pg, report__group_title(g, pg->lang));
		buf_adds(pg->b, "</a></li>");
	}
	el(pg, "<li><a href=\"#councils\">", ui(pg, UI_COUNCILS_SECTION),
	   "</a></li>");
	el(pg, "<li><a href=\"#homes\">", ui(pg, UI_HOMES_SECTION),
	   "</a></li>");
	el(pg, "<li><a href=\"#notes\">", ui(pg, UI_ABOUT), "</a></li>");
	buf_adds(pg->b, "</ol></nav>\n");
}

static void summary(struct page *pg)
{
	buf_adds(pg->b, "<section id=\"key-figures\">");
	el(pg, "<h2>", ui(pg, UI_KEY_FIGURES),
	   "</h2>\n<ul class=\"summary\">\n");
	for (size_t i = 0; i < ARRAY_SIZE(key_figures); i++) {
		const struct review_cell *c = &pg->r->fig[key_figures[i]];

		if (report__cell_na(c))
			continue;
		buf_adds(pg->b, "<li><span class=\"num\">");
		cell_text(pg, c);
		buf_adds(pg->b, "</span>");
		txt(pg, report__fig_label(key_figures[i], pg->lang));
		buf_adds(pg->b, "</li>\n");
	}
	buf_adds(pg->b, "</ul></section>\n");
}

static void figures_table(struct page *pg, enum fig_group g)
{
	bool any = false;

	for (size_t f = 0; f < FIG_N; f++)
		if (report__figs[f].group == g &&
		    !report__cell_na(&pg->r->fig[f]))
			any = true;
	if (!any) {
		no_data(pg);
		return;
	}
	buf_addf(pg->b, "<table class=\"figures\" id=\"figures-%s\">",
		 report__group_key(g));
	el(pg, "<caption>", report__group_title(g, pg->lang), "</caption>\n");
	el(pg, "<thead><tr><th scope=\"col\">", ui(pg, UI_INDICATOR),
	   "</th>");
	el(pg, "<th scope=\"col\" class=\"n\">", ui(pg, UI_VALUE), "</th>");
	el(pg, "<th scope=\"col\" class=\"n\">", ui(pg, UI_NUMERATOR),
	   "</th>");
	el(pg, "<th scope=\"col\" class=\"n\">", ui(pg, UI_DENOMINATOR),
	   "</th></tr></thead>\n<tbody>\n");
	for (size_t f = 0; f < FIG_N; f++) {
		const struct review_cell *c = &pg->r->fig[f];

		if (report__figs[f].group != g || report__cell_na(c))
			continue;
		buf_adds(pg->b, "<tr id=\"fig-");
		html_attr(pg->b, report__figs[f].key);
		buf_adds(pg->b, "\">");
		el(pg, "<th scope=\"row\">", report__fig_label(f, pg->lang),
		   "</th>");
		td_cell(pg, c);
		td_part(pg, c, c->num);
		td_part(pg, c, c->den);
		buf_adds(pg->b, "</tr>\n");
	}
	buf_adds(pg->b, "</tbody></table>\n");
}

/*
 * A data table of tid: all columns, or only those named in cols (a NULL-
 * terminated list).  The homes table adds URN, council and provider type.
 */
static void data_table(struct page *pg, enum review_table_id tid,
		       const char *id, const char *caption,
		       const char *const *cols)
{
	const struct review_table *t = &pg->r->tab[tid];
	bool homes = tid == TAB_HOMES;
	int show[32];
	size_t nshow = 0;
	char tmp[16];

	if (cols) {
		for (; *cols && nshow < ARRAY_SIZE(show); cols++) {
			int c = report__col_index(t, *cols);

			if (c >= 0)
				show[nshow++] = c;
		}
	} else {
		for (size_t c = 0; c < t->ncols && nshow < ARRAY_SIZE(show);
		     c++)
			show[nshow++] = (int)c;
	}
	/* a region that scrolls must be reachable by keyboard (WCAG 2.1.1) */
	buf_adds(pg->b, "<div class=\"scroll\" tabindex=\"0\" role=\"region\" "
			"aria-labelledby=\"");
	html_attr(pg->b, id);
	buf_adds(pg->b, "-caption\"><table id=\"");
	html_attr(pg->b, id);
	buf_adds(pg->b, nshow + (homes ? 3 : 0) > 8 ? "\" class=\"wide\">"
						     : "\">");
	buf_adds(pg->b, "<caption id=\"");
	html_attr(pg->b, id);
	el(pg, "-caption\">", caption, "</caption>\n<thead><tr>");
	el(pg, "<th scope=\"col\">", report__row_head(tid, pg->lang), "</th>");
	if (homes) {
		el(pg, "<th scope=\"col\">", ui(pg, UI_URN), "</th>");
		el(pg, "<th scope=\"col\">", ui(pg, UI_COUNCIL), "</th>");
		el(pg, "<th scope=\"col\">", ui(pg, UI_PROVIDER_TYPE), "</th>");
	}
	for (size_t s = 0; s < nshow; s++)
		el(pg, "<th scope=\"col\" class=\"n\">",
		   report__col_label(tid, t->col_keys[show[s]], pg->lang),
		   "</th>");
	buf_adds(pg->b, "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < t->nrows; i++) {
		el(pg, "<tr><th scope=\"row\">",
		   report__row_name(pg->r, tid, i, pg->lang, tmp, sizeof(tmp)),
		   "</th>");
		if (homes) {
			const char *pt = t->row_provider_type
						 ? t->row_provider_type[i]
						 : NULL;
			const char *ptl = report__row_label(TAB_PROVIDER_TYPES,
							    pt, pg->lang);

			el(pg, "<td>", t->row_keys[i], "</td>");
			el(pg, "<td>",
			   report__council_name(pg->r,
						t->row_council
							? t->row_council[i]
							: NULL,
						pg->lang),
			   "</td>");
			el(pg, "<td>", ptl ? ptl : pt ? pt : "", "</td>");
		}
		for (size_t s = 0; s < nshow; s++)
			td_cell(pg, review_cell_at(t, i, (size_t)show[s]));
		buf_adds(pg->b, "</tr>\n");
	}
	if (t->total && !homes) {
		el(pg, "<tr class=\"total\"><th scope=\"row\">",
		   report__total_name(pg->r, tid, pg->lang), "</th>");
		for (size_t s = 0; s < nshow; s++)
			td_cell(pg, &t->total[show[s]]);
		buf_adds(pg->b, "</tr>\n");
	}
	buf_adds(pg->b, "</tbody></table></div>\n");
}

/* A table that stands alone under an <h3>, or "no data". */
static void table_block(struct page *pg, enum review_table_id tid,
			const char *id)
{
	const char *title = report__table_title(tid, pg->lang);

	if (!report__table_has_data(&pg->r->tab[tid])) {
		el(pg, "<h3>", title, "</h3>\n");
		no_data(pg);
		return;
	}
	data_table(pg, tid, id, title, NULL);
}

/* How many columns of t a block shows (cols: NULL-terminated, or all). */
static size_t shown_cols(const struct review_table *t,
			 const char *const *cols)
{
	size_t n = 0;

	if (!cols)
		return t->ncols;
	for (; *cols; cols++)
		n += report__col_index(t, *cols) >= 0;
	return n;
}

/* A chart (figure) and its table side by side. */
static void chart_pair(struct page *pg, const struct report_block *blk)
{
	const char *title = report_chart_title(blk->chart, pg->lang);
	struct buf id = BUF_INIT(64);

	if (!report__table_has_data(&pg->r->tab[blk->tab])) {
		el(pg, "<h3>", title, "</h3>\n");
		no_data(pg);
		return;
	}
	buf_addf(&id, "chart-%s", blk->name);
	/* a table of many columns goes under its chart, not beside it */
	buf_adds(pg->b, shown_cols(&pg->r->tab[blk->tab], blk->cols) > 3
				? "<div class=\"pair stack\">\n<figure id=\""
				: "<div class=\"pair\">\n<figure id=\"");
	html_attr(pg->b, id.buf);
	buf_adds(pg->b, "\">");
	el(pg, "<figcaption>", title, "</figcaption>\n");
	report_svg(pg->b, pg->r, blk->chart, pg->lang, NULL);
	buf_adds(pg->b, "</figure>\n<div class=\"tablewrap\">\n");
	buf_reset(&id);
	buf_addf(&id, "table-%s", blk->name);
	data_table(pg, blk->tab, id.buf, title, blk->cols);
	buf_adds(pg->b, "</div>\n</div>\n");
	buf_release(&id);
}

static void map_pair(struct page *pg, const struct report_block *blk)
{
	const char *title = report_chart_title(blk->chart, pg->lang);
	struct buf svg = BUF_INIT(BUF_MAX_DEFAULT);
	struct err err = ERR_INIT;

	if (!report__table_has_data(&pg->r->tab[TAB_COUNCILS])) {
		el(pg, "<h3>", title, "</h3>\n");
		no_data(pg);
		goto out;
	}
	if (!report__svg_map_file(&svg, pg->r, "chart-missing-map", title,
				  pg->lang, &err))
		pg->map_drawn = true;
	buf_adds(pg->b,
		 "<div class=\"pair\">\n<figure id=\"chart-missing-map\">");
	el(pg, "<figcaption>", title, "</figcaption>\n");
	if (pg->map_drawn) {
		buf_add(pg->b, svg.buf, svg.len);
	} else {
		/* no detail: a published page must not show local paths */
		el(pg, "<p class=\"nodata\">", ui(pg, UI_MAP_UNAVAILABLE),
		   "</p>");
	}
	buf_adds(pg->b, "</figure>\n<div class=\"tablewrap\">\n");
	data_table(pg, TAB_COUNCILS, "table-missing-map", title, blk->cols);
	buf_adds(pg->b, "</div>\n</div>\n");
out:
	buf_release(&svg);
}

static void group_section(struct page *pg, enum fig_group g)
{
	struct buf id = BUF_INIT(64);
	const struct report_block *blocks;
	size_t n;

	buf_addf(pg->b, "<section class=\"group\" id=\"group-%s\">",
		 report__group_key(g));
	el(pg, "<h2>", report__group_title(g, pg->lang), "</h2>\n");
	figures_table(pg, g);
	blocks = report_group_blocks(g, &n);
	for (size_t i = 0; i < n; i++) {
		const struct report_block *blk = &blocks[i];

		if (blk->chart == REPORT_CHART_MISSING_MAP) {
			map_pair(pg, blk);
		} else if (blk->chart >= 0) {
			chart_pair(pg, blk);
		} else {
			buf_reset(&id);
			buf_addf(&id, "table-%s", blk->name);
			table_block(pg, blk->tab, id.buf);
		}
	}
	buf_adds(pg->b, "</section>\n");
	buf_release(&id);
}

static void table_section(struct page *pg, const char *id, enum ui_str h,
			  enum review_table_id tid, const char *table_id)
{
	buf_addf(pg->b, "<section class=\"group wide\" id=\"%s\">", id);
	el(pg, "<h2>", ui(pg, h), "</h2>\n");
	table_block(pg, tid, table_id);
	buf_adds(pg->b, "</section>\n");
}

static void note(struct page *pg, enum ui_str id)
{
	el(pg, "<li>", ui(pg, id), "</li>\n");
}

/* Notes for readers: no file names, options or code, in plain words. */
static void notes(struct page *pg)
{
	const struct review *r = pg->r;
	enum ui_str cover = r->scope.kind == SCOPE_HOME ? UI_COVERAGE_HOME
			    : r->scope.kind == SCOPE_COUNCIL
				    ? UI_COVERAGE_COUNCIL
				    : UI_COVERAGE_NATIONAL;

	buf_adds(pg->b, "<section id=\"notes\" class=\"notes\">");
	el(pg, "<h2>", ui(pg, UI_ABOUT), "</h2>\n");
	if (pg->rel)
		el(pg, "<p>", report__status_note(pg->rel->status, pg->lang),
		   "</p>\n");
	el(pg, "<h3>", ui(pg, UI_COVERAGE), "</h3>\n<ul>\n");
	note(pg, cover);
	note(pg, UI_COVERAGE_LIVE);
	buf_adds(pg->b, "</ul>\n");
	el(pg, "<h3>", ui(pg, UI_DEFINITIONS), "</h3>\n<dl class=\"defs\">\n");
	for (int d = 0; d < DEF_N; d++) {
		el(pg, "<dt>", report__def_term(d, pg->lang), "</dt>");
		el(pg, "<dd>", report__def_text(d, pg->lang), "</dd>\n");
	}
	buf_adds(pg->b, "</dl>\n");
	el(pg, "<h3>", ui(pg, UI_DISCLOSURE), "</h3>\n<ul>\n");
	note(pg, r->published ? UI_NOTE_DISCLOSURE : UI_NOTE_EXACT);
	if (pg->changes)
		note(pg, r->published ? UI_NOTE_CHANGES_PUBLISHED
				      : UI_NOTE_CHANGES_EXACT);
	buf_adds(pg->b, "</ul>\n");
	el(pg, "<h3>", ui(pg, UI_SYMBOLS), "</h3>\n<ul>\n");
	if (r->published)
		note(pg, UI_NOTE_SUPPRESSED);
	note(pg, UI_NOTE_NAN);
	note(pg, UI_NOTE_NA);
	note(pg, UI_NOTE_NOT_RECORDED);
	note(pg, UI_NOTE_DECIMALS);
	buf_adds(pg->b, "</ul>\n");
	el(pg, "<h3>", ui(pg, UI_SOURCES), "</h3>\n<ul>\n");
	note(pg, UI_NOTE_SOURCE);
	if (!r->published && r->children_in_store > 0) {
		el(pg, "<li>", ui(pg, UI_NOTE_HELD), ": ");
		report__fmt_int(pg->b, r->children_in_store);
		buf_addch(pg->b, ' ');
		txt(pg, ui(pg, UI_NOTE_CHILDREN));
		buf_adds(pg->b, ", ");
		report__fmt_int(pg->b, r->episodes_in_store);
		buf_addch(pg->b, ' ');
		txt(pg, ui(pg, UI_NOTE_EPISODES));
		buf_adds(pg->b, ".</li>\n");
	}
	if (pg->map_drawn)
		note(pg, UI_NOTE_MAP);
	buf_adds(pg->b, "</ul></section>\n");
}

int report__render_html(const struct review *r,
			const struct report_release *rel,
			enum report_lang lang, struct buf *out,
			struct err *err)
{
	struct page pg = { out, BUF_INIT(1024), r, rel, lang, false, false };

	(void)err;
	head(&pg);
	title_block(&pg);
	key_points(&pg);
	contents(&pg);
	summary(&pg);
	for (int g = 0; g < GROUP_NGROUPS; g++)
		group_section(&pg, g);
	table_section(&pg, "councils", UI_COUNCILS_SECTION, TAB_COUNCILS,
		      "table-councils");
	table_section(&pg, "homes", UI_HOMES_SECTION, TAB_HOMES,
		      "table-homes");
	notes(&pg);
	buf_adds(out, "</main>\n<footer>");
	txt(&pg, rel ? report__producer(rel, lang) : ui(&pg, UI_PUBLISHER));
	buf_adds(out, "</footer>\n</body>\n</html>\n");
	buf_release(&pg.tmp);
	return 0;
}
