/*
 * page-dashboard.c: the review's figures in the browser.
 *
 *   GET /dashboard                   Wales, or what the role has instead
 *   GET /dashboard/council/{code}    one council
 *
 * both with ?year= (a GET form lists the years in the store; the latest
 * by default).  The figures are the review engine's (analytics/
 * review.h), got through the process-wide review cache
 * (analytics/review-cache.h), shown as the HTML report shows them: a
 * table of figures per group with its charts and map (report.h,
 * "pieces"), then the council and home tables.
 *
 * Who sees what (web_dash_view() in parts.c; docs/access.md,
 * "Dashboards"):
 *
 *   inspector            Wales and every council, exact
 *   analyst, admin       Wales and every council, published
 *                        (review_publish(): disclosure control)
 *   council roles        their own council, exact; /dashboard goes
 *                        there; comparisons with other councils (the
 *                        councils table, chart and map) are published
 *   home_manager         /dashboard: its homes' figures (the review's
 *                        home scope), exact, one row per home in one
 *                        table, beside Wales's (published)
 *   police               /dashboard: the force's area, published: its
 *                        councils' and its homes' figures on going
 *                        missing, then Wales's
 *
 * Anything else is the 404 page, as is a council or year with no data.
 *
 * Who may see what is decided first, for every request; only then is
 * the cache asked, for figures alone (exact or published, by scope and
 * year: nothing about the viewer).  The history is loaded (about 40 ms
 * at Wales scale) and each review computed (about 3 ms) once per data
 * generation of the store, not per request: a request reads the
 * generation (one small query) and renders figures already computed
 * (docs/http.md, "Pages"; docs/benchmarks.md).  Everything is got before
 * anything is written, so a failure is a clean error page.
 */
#include "base/compat.h"
#include "analytics/review.h"
#include "analytics/review-cache.h"
#include "alerts/alerts.h"
#include "auth/auth.h"
#include "base/parse.h"
#include "base/xalloc.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/parts.h"
#include "web/session.h"

#define RQ "\xe2\x80\x99"	/* right single quotation mark */
#define DASH_HOMES_MAX 50	/* a provider's homes shown */

struct dash_home {
	struct home h;
	const struct review *r;		/* NULL: no figures */
};

struct dash {
	const struct web_session *ws;
	struct viewer v;
	bool fits;			/* the role fits its organisation */
	enum dash_view view;
	const char *council;		/* NULL: /dashboard */
	/* the cache's: the history and every review below are held until
	 * dash_release(), read-only */
	struct review_hold *hold;
	const struct history *h;
	int year;
	const struct review *r;		/* the scope's figures */
	/* the councils table, chart and map: r, or Wales published */
	const struct review *compare;
	/* DASH_HOMES */
	struct dash_home *homes;
	size_t nhomes, alloc;
	bool homes_cut;
	/* DASH_MISSING: the councils of the police force's area */
	char areas[VIEWER_AREAS_MAX][LA_CODE_MAX + 1];
	size_t nareas;
	bool area_only;		/* tables show the area's rows only */
	/* alerts open now for the viewer's organisation, as /alerts counts
	 * them; -1: the role receives none */
	long alerts_now;
	struct buf tmp;			/* one formatted cell */
};

/* ---- gathering ------------------------------------------------------------ */

/* The figures of a scope, from the cache (computed once per generation). */
static int compute(const struct dash *d, enum review_scope_kind kind,
		   const char *code, bool publish, const struct review **out,
		   struct err *err)
{
	struct review_scope sc;

	memset(&sc, 0, sizeof(sc));
	sc.kind = kind;
	if (code && str_copy(sc.code, sizeof(sc.code), code))
		return err_set(err, ERR_NOT_FOUND, "no such scope");
	return review_hold_get(d->hold, d->year, &sc, publish, out, err);
}

static int add_home(const struct home *h, void *ctx)
{
	struct dash *d = ctx;

	/* the register is public; a provider's own homes by its name */
	if (!d->v.provider[0] || strcmp(h->provider, d->v.provider))
		return 0;
	if (d->nhomes == DASH_HOMES_MAX) {
		d->homes_cut = true;
		return 0;
	}
	if (d->nhomes == d->alloc) {
		d->alloc = d->alloc ? 2 * d->alloc : 8;
		d->homes = xrealloc(d->homes, d->alloc * sizeof(*d->homes));
	}
	memset(&d->homes[d->nhomes], 0, sizeof(d->homes[0]));
	d->homes[d->nhomes++].h = *h;
	return 0;
}

static int gather(struct store *s, struct dash *d, struct err *err)
{
	int rc = 0;

	switch (d->view) {
	case DASH_EXACT:
	case DASH_PUBLISHED:
		rc = compute(d, d->council ? SCOPE_COUNCIL : SCOPE_NATIONAL,
			     d->council, d->view == DASH_PUBLISHED, &d->r,
			     err);
		if (rc)
			return rc;
		d->compare = d->r;
		/* a council compares itself with the other councils'
		 * published figures, its own row exact as on the rest of
		 * the page (review_publish_except()) */
		if (d->v.access == VIEWER_COUNCIL)
			rc = compute(d, SCOPE_NATIONAL,
				     d->view == DASH_EXACT ? d->v.la : NULL,
				     true, &d->compare, err);
		return rc;
	case DASH_MISSING:
		rc = compute(d, SCOPE_NATIONAL, NULL, true, &d->r, err);
		d->compare = d->r;
		/* the force's area: the viewer's councils (viewer.h) */
		for (size_t i = 0; i < d->v.nareas && i < VIEWER_AREAS_MAX;
		     i++)
			memcpy(d->areas[d->nareas++], d->v.areas[i],
			       sizeof(d->areas[0]));
		return rc;
	case DASH_HOMES:
		/* Wales beside the homes: published, as for anyone */
		rc = compute(d, SCOPE_NATIONAL, NULL, true, &d->compare, err);
		if (!rc)
			rc = store_homes_each(s, add_home, d, err);
		for (size_t i = 0; !rc && i < d->nhomes; i++) {
			rc = compute(d, SCOPE_HOME, d->homes[i].h.urn, false,
				     &d->homes[i].r, err);
			if (rc == ERR_NOT_FOUND)	/* not in the history */
				rc = 0;
		}
		return rc;
	case DASH_NOT_FOUND:
	case DASH_OWN_COUNCIL:
		break;
	}
	return 0;
}

static void dash_release(struct dash *d)
{
	free(d->homes);
	review_hold_release(d->hold);	/* the reviews and the history */
	buf_release(&d->tmp);
}

/* ---- writing ---------------------------------------------------------------- */

static void cell(struct request *req, struct response *res, struct dash *d,
		 const struct review_cell *c)
{
	buf_reset(&d->tmp);
	report_fmt_cell(&d->tmp, c, web_lang(req));
	res_markup(res, "<td class=\"govuk-table__cell "
		   "govuk-table__cell--numeric\">");
	res_text(res, d->tmp.buf);
	res_markup(res, "</td>\n");
}

static void part(struct response *res, struct dash *d,
		 const struct review_cell *c, long n)
{
	buf_reset(&d->tmp);
	report_fmt_part(&d->tmp, c, n);
	res_markup(res, "<td class=\"govuk-table__cell "
		   "govuk-table__cell--numeric\">");
	res_text(res, d->tmp.buf);
	res_markup(res, "</td>\n");
}

static void caption(struct response *res, const char *text)
{
	res_markup(res, "<caption class=\"govuk-table__caption "
		   "govuk-table__caption--s\">");
	res_text(res, text);
	res_markup(res, "</caption>\n");
}

/* The figures of group g (all groups: g < 0) that apply to r. */
static void figures_table(struct request *req, struct response *res,
			  struct dash *d, const struct review *r, int g,
			  const char *title)
{
	enum report_lang lang = web_lang(req);
	bool any = false;

	for (size_t f = 0; f < FIG_N; f++)
		any |= (g < 0 || (int)review_figs[f].group == g) &&
		       !(r->fig[f].flags & CELL_NA);
	if (!any) {
		part_para(res, tr(req, "No figures for this area.",
				  "Dim ffigurau ar gyfer yr ardal hon."));
		return;
	}
	part_table_scroll_start(req, res, title);
	res_markup(res, "<table class=\"govuk-table\">\n");
	caption(res, title);
	res_markup(res, "<thead class=\"govuk-table__head\">\n"
		   "<tr class=\"govuk-table__row\">\n");
	part_th(res, tr(req, "Indicator", "Dangosydd"), false);
	part_th(res, tr(req, "Value", "Gwerth"), true);
	part_th(res, tr(req, "Numerator", "Rhifiadur"), true);
	part_th(res, tr(req, "Denominator", "Enwadur"), true);
	res_markup(res, "</tr>\n</thead>\n<tbody class=\"govuk-table__body\">\n");
	for (size_t f = 0; f < FIG_N; f++) {
		const struct review_cell *c = &r->fig[f];

		if ((g >= 0 && (int)review_figs[f].group != g) ||
		    (c->flags & CELL_NA))
			continue;
		res_markup(res, "<tr class=\"govuk-table__row\">\n"
			   "<th scope=\"row\" class=\"govuk-table__header\">");
		res_text(res, report_fig_label(f, lang));
		res_markup(res, "</th>\n");
		cell(req, res, d, c);
		part(res, d, c, c->num);
		part(res, d, c, c->den);
		res_markup(res, "</tr>\n");
	}
	res_markup(res, "</tbody>\n</table>\n");
	part_table_scroll_end(res);
}

/* May the viewer follow a link to council code's dashboard? */
static bool council_link(const struct dash *d, const char *code)
{
	enum dash_view w = web_dash_view(d->v.access, d->ws->user.role,
					 d->fits, d->v.la, code);

	return w == DASH_EXACT || w == DASH_PUBLISHED;
}

static void row_head(struct request *req, struct response *res,
		     const struct dash *d, const struct review *r,
		     enum review_table_id tid, size_t i)
{
	const char *key = r->tab[tid].row_keys[i];
	char tmp[16];
	const char *name = report_row_name(r, tid, i, web_lang(req), tmp,
					   sizeof(tmp));

	res_markup(res, "<th scope=\"row\" class=\"govuk-table__header\">");
	if (tid == TAB_COUNCILS && key && council_link(d, key)) {
		res_markup(res, "<a class=\"govuk-link\" "
			   "href=\"/dashboard/council/");
		res_url_arg(res, key);
		res_markup(res, "?year=");
		res_int(res, d->year);
		res_markup(res, "\">");
		res_text(res, name);
		res_markup(res, "</a>");
	} else if (tid == TAB_HOMES && key && d->v.access != VIEWER_NONE) {
		part_home_link(res, key, name);
	} else {
		res_text(res, name);
	}
	res_markup(res, "</th>\n");
}

/* Is council code in the police force's area (DASH_MISSING)? */
static bool in_area(const struct dash *d, const char *code)
{
	for (size_t i = 0; code && i < d->nareas; i++)
		if (!strcmp(d->areas[i], code))
			return true;
	return false;
}

/* Does row i of table tid show (the area's rows only, when asked)? */
static bool row_shown(const struct dash *d, const struct review_table *t,
		      enum review_table_id tid, size_t i)
{
	if (!d->area_only)
		return true;
	if (tid == TAB_COUNCILS)
		return in_area(d, t->row_keys[i]);
	if (tid == TAB_HOMES)
		return t->row_council && in_area(d, t->row_council[i]);
	return true;
}

/*
 * Table tid of r: all its columns, or those named in cols.  The homes
 * table adds the council area and provider type (the home's name links
 * its page; no URN: people read names).
 */
static void review_table(struct request *req, struct response *res,
			 struct dash *d, const struct review *r,
			 enum review_table_id tid, const char *title,
			 const char *const *cols)
{
	const struct review_table *t = &r->tab[tid];
	enum report_lang lang = web_lang(req);
	bool homes = tid == TAB_HOMES;
	size_t show[32], nshow = 0;

	if (!t->nrows || !t->ncols || !t->cells || !t->row_keys ||
	    !t->col_keys) {
		part_para(res, tr(req, "No data for this area.",
				  "Dim data ar gyfer yr ardal hon."));
		return;
	}
	for (size_t c = 0; c < t->ncols && nshow < ARRAY_SIZE(show); c++) {
		bool want = !cols;

		for (const char *const *k = cols; k && *k; k++)
			want |= t->col_keys[c] && !strcmp(*k, t->col_keys[c]);
		if (want)
			show[nshow++] = c;
	}
	/* a region that scrolls sideways: focusable, so keys scroll it */
	part_table_scroll_start(req, res, title);
	res_markup(res, "<table class=\"govuk-table\">\n");
	caption(res, title);
	res_markup(res, "<thead class=\"govuk-table__head\">\n"
		   "<tr class=\"govuk-table__row\">\n");
	part_th(res, report_row_head(tid, lang), false);
	if (homes) {
		part_th(res, tr(req, "Council area", "Ardal cyngor"), false);
		part_th(res, tr(req, "Type of provider", "Math o ddarparwr"),
			false);
	}
	for (size_t s = 0; s < nshow; s++)
		part_th(res, report_col_label(tid, t->col_keys[show[s]], lang),
			true);
	res_markup(res, "</tr>\n</thead>\n<tbody class=\"govuk-table__body\">\n");
	for (size_t i = 0; i < t->nrows; i++) {
		if (!row_shown(d, t, tid, i))
			continue;
		res_markup(res, "<tr class=\"govuk-table__row\">\n");
		row_head(req, res, d, r, tid, i);
		if (homes) {
			const char *pt = t->row_provider_type ?
						 t->row_provider_type[i] : NULL;
			const char *ptl = pt ? report_provider_type_label(
						       pt, lang) : NULL;
			const char *council = t->row_council ?
						      t->row_council[i] : NULL;
			const struct review_table *ct =
				&d->compare->tab[TAB_COUNCILS];
			const char *cname = council ? council : "";
			char tmp[16];

			for (size_t k = 0; council && k < ct->nrows; k++)
				if (ct->row_keys[k] &&
				    !strcmp(ct->row_keys[k], council))
					cname = report_row_name(
						d->compare, TAB_COUNCILS, k,
						lang, tmp, sizeof(tmp));
			res_markup(res, "<td class=\"govuk-table__cell\">");
			res_text(res, cname);
			res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
			res_text(res, ptl ? ptl : pt ? pt : "");
			res_markup(res, "</td>\n");
		}
		for (size_t s = 0; s < nshow; s++)
			cell(req, res, d, review_cell_at(t, i, show[s]));
		res_markup(res, "</tr>\n");
	}
	res_markup(res, "</tbody>\n</table>\n");
	part_table_scroll_end(res);
}

/* review_render_fn: chart arg / 2 in language arg % 2, as SVG. */
static int render_chart(const struct review *r, int arg, struct buf *out,
			struct err *err)
{
	return report_svg(out, r, (enum report_chart)(arg / 2),
			  (enum report_lang)(arg % 2), err);
}

static void chart_block(struct request *req, struct response *res,
			struct dash *d, const struct report_block *blk)
{
	enum report_lang lang = web_lang(req);
	const char *title = report_chart_title(blk->chart, lang);
	/* the councils table compares councils: published for a council */
	const struct review *r = blk->tab == TAB_COUNCILS ? d->compare : d->r;
	const char *svg;
	size_t len;
	struct err err = ERR_INIT;
	int rc;

	res_markup(res, "<h3 class=\"govuk-heading-s\">");
	res_text(res, title);
	res_markup(res, "</h3>\n");
	/* drawn from the figures alone, so kept with them: the map of
	 * Wales (GeoJSON read and projected) takes about 5 ms to draw */
	rc = review_hold_render(d->hold, r, render_chart,
				blk->chart * 2 + (lang == LANG_CY), &svg, &len,
				&err);
	if (rc) {
		web_log_err("drawing a chart", &err);
		part_para(res, tr(req, "The map could not be drawn.",
				  "Nid oedd modd llunio" RQ "r map."));
	} else if (len) {
		/* read-only: part_svg() only copies it out */
		const struct buf view = { .buf = (char *)svg, .len = len };

		res_markup(res, "<figure class=\"cartref-chart\">\n");
		part_svg(res, &view);
		res_markup(res, "\n</figure>\n");
	}
	review_table(req, res, d, r, blk->tab, title, blk->cols);
}

static void group_section(struct request *req, struct response *res,
			  struct dash *d, enum fig_group g)
{
	enum report_lang lang = web_lang(req);
	const char *title = report_group_title(g, lang);
	const struct report_block *blocks;
	size_t n;

	res_markup(res, "<h2 class=\"govuk-heading-l\" id=\"group-");
	res_int(res, (long long)g);
	res_markup(res, "\">");
	res_text(res, title);
	res_markup(res, "</h2>\n");
	figures_table(req, res, d, d->r, (int)g, title);
	blocks = report_group_blocks(g, &n);
	for (size_t i = 0; i < n; i++) {
		const struct report_block *blk = &blocks[i];

		if (blk->chart >= 0)
			chart_block(req, res, d, blk);
		else
			review_table(req, res, d, d->r, blk->tab,
				     report_table_title(blk->tab, lang),
				     blk->cols);
	}
}

static void year_form(struct request *req, struct response *res,
		      const struct dash *d)
{
	struct buf y = BUF_INIT(32);

	res_markup(res, "<form method=\"get\" action=\"");
	res_url_path(res, req->path);
	res_markup(res, "\" novalidate>\n<div class=\"govuk-form-group\">\n"
		   "<label class=\"govuk-label\" for=\"year\">");
	res_text(res, tr(req, "Reporting year (1 April to 31 March)",
			 "Blwyddyn adrodd (1 Ebrill i 31 Mawrth)"));
	res_markup(res, "</label>\n<select class=\"govuk-select\" id=\"year\" "
		   "name=\"year\">\n");
	for (int year = d->h->last_year; year >= d->h->first_year; year--) {
		buf_reset(&y);
		report_fmt_year(&y, year);
		res_markup(res, "<option value=\"");
		res_int(res, year);
		if (year == d->year)
			res_markup(res, "\" selected>");
		else
			res_markup(res, "\">");
		res_text(res, y.buf);
		res_markup(res, "</option>\n");
	}
	res_markup(res, "</select>\n</div>\n<button type=\"submit\" "
		   "class=\"govuk-button govuk-button--secondary\" "
		   "data-module=\"govuk-button\">");
	res_text(res, tr(req, "Show figures", "Dangos ffigurau"));
	res_markup(res, "</button>\n</form>\n");
	buf_release(&y);
}

static void heading(struct request *req, struct response *res,
		    const struct dash *d, const char *what)
{
	struct buf y = BUF_INIT(32);

	report_fmt_year(&y, d->year);
	res_markup(res, "<span class=\"govuk-caption-l\">");
	res_text(res, tr(req, "Reporting year ", "Blwyddyn adrodd "));
	res_text(res, y.buf);
	res_markup(res, "</span>\n<h1 class=\"govuk-heading-xl\">");
	res_text(res, tr(req, "Dashboard: ", "Dangosfwrdd: "));
	res_text(res, what);
	res_markup(res, "</h1>\n");
	buf_release(&y);
	year_form(req, res, d);
}

/* Now, beside the year's figures: the alerts open, as /alerts counts
 * them (the year's "alerts raised" counts the reporting year). */
static void now_line(struct request *req, struct response *res,
		     const struct dash *d)
{
	char s[240];

	if (d->alerts_now < 0)
		return;
	snprintf(s, sizeof(s), WEB_TRF(req, "Now: %ld children or homes have "
				       "alerts open for your organisation. "
				       "The figures below are for the "
				       "reporting year.",
				       "Nawr: mae gan %ld o blant neu "
				       "gartrefi rybuddion ar agor i" RQ "ch "
				       "sefydliad. Mae" RQ "r ffigurau isod ar "
				       "gyfer y flwyddyn adrodd."),
		 d->alerts_now);
	res_markup(res, "<p class=\"govuk-body\" data-cartref=\"alerts-now\">");
	res_text(res, s);
	res_text(res, " ");
	res_markup(res, "<a class=\"govuk-link\" href=\"/alerts\">");
	res_text(res, tr(req, "See the alerts", "Gweld y rhybuddion"));
	res_markup(res, "</a></p>\n");
}

static void banner(struct request *req, struct response *res, bool published)
{
	res_markup(res, "<div class=\"govuk-inset-text\">");
	if (published)
		res_text(res, tr(req, "Published figures: statistical "
				 "disclosure control applied. Counts of "
				 "children and events are rounded to the "
				 "nearest 5; counts from 1 to 4, and figures "
				 "based on them, are shown as *. Percentages "
				 "are worked out from the rounded counts. "
				 "Homes and places are from the public "
				 "register, as they are.",
				 "Ffigurau cyhoeddedig: mae rheolaeth datgelu "
				 "ystadegol wedi" RQ "i chymhwyso. Mae cyfrifon "
				 "plant a digwyddiadau wedi" RQ "u talgrynnu "
				 "i" RQ "r 5 agosaf; dangosir cyfrifon o 1 i "
				 "4, a ffigurau sy" RQ "n seiliedig arnynt, "
				 "fel *. Caiff canrannau eu cyfrifo o" RQ "r "
				 "cyfrifon wedi" RQ "u talgrynnu. Daw "
				 "cartrefi a lleoedd o" RQ "r gofrestr "
				 "gyhoeddus, fel y maent."));
	else
		res_text(res, tr(req, "Exact figures, for staff only: not for "
				 "publication.",
				 "Ffigurau union, ar gyfer staff yn unig: nid "
				 "i" RQ "w cyhoeddi."));
	res_markup(res, "</div>\n");
}

static void notes(struct request *req, struct response *res,
		  const struct dash *d)
{
	res_markup(res, "<h2 class=\"govuk-heading-l\" id=\"notes\">");
	res_text(res, tr(req, "Notes", "Nodiadau"));
	res_markup(res, "</h2>\n<ul class=\"govuk-list govuk-list--bullet\">\n"
		   "<li>");
	res_text(res, tr(req, "* suppressed: the figure could identify "
			 "children or is not robust enough to publish.",
			 "* wedi" RQ "i atal: gallai" RQ "r ffigur adnabod "
			 "plant neu nid yw" RQ "n ddigon cadarn i" RQ "w "
			 "gyhoeddi."));
	res_markup(res, "</li>\n<li>");
	res_text(res, tr(req, "\xe2\x80\x93 cannot be calculated: there are "
			 "no cases.",
			 "\xe2\x80\x93 ni ellir ei gyfrifo: nid oes achosion."));
	res_markup(res, "</li>\n<li>");
	res_text(res, tr(req, "n/a: not applicable to this area.",
			 "amh.: amherthnasol i" RQ "r ardal hon."));
	res_markup(res, "</li>\n");
	if (d->compare != d->r && d->view != DASH_HOMES) {
		res_markup(res, "<li>");
		res_text(res, tr(req, "Figures comparing councils (the "
				 "councils table, chart and map) are published "
				 "figures, but for your own council" RQ "s, "
				 "which are exact as on the rest of this page.",
				 "Mae ffigurau sy" RQ "n cymharu cynghorau "
				 "(tabl, siart a map y cynghorau) yn ffigurau "
				 "cyhoeddedig, ond am rai eich cyngor chi, sy" RQ
				 "n union fel ar weddill y dudalen hon."));
		res_markup(res, "</li>\n");
	}
	res_markup(res, "<li>");
	res_text(res, tr(req, "Source: the SSDA903 returns on looked after "
			 "children held in cartref, and its register of "
			 "children" RQ "s homes.",
			 "Ffynhonnell: y ffurflenni SSDA903 am blant sy" RQ
			 "n derbyn gofal a gedwir yn cartref, a" RQ "i "
			 "gofrestr o gartrefi plant."));
	res_markup(res, "</li>\n</ul>\n");
}

static void contents(struct request *req, struct response *res)
{
	enum report_lang lang = web_lang(req);

	res_markup(res, "<nav aria-labelledby=\"contents-title\">\n"
		   "<h2 class=\"govuk-heading-s\" id=\"contents-title\">");
	res_text(res, tr(req, "Contents", "Cynnwys"));
	res_markup(res, "</h2>\n<ul class=\"govuk-list\">\n");
	for (int g = 0; g < GROUP_NGROUPS; g++) {
		/* the cached review has no inspections: `cartref review`
		 * and the home profile show the quality of care */
		if (g == GROUP_QUALITY)
			continue;
		res_markup(res, "<li><a class=\"govuk-link\" href=\"#group-");
		res_int(res, g);
		res_markup(res, "\">");
		res_text(res, report_group_title(g, lang));
		res_markup(res, "</a></li>\n");
	}
	res_markup(res, "<li><a class=\"govuk-link\" href=\"#councils\">");
	res_text(res, tr(req, "Councils", "Cynghorau"));
	res_markup(res, "</a></li>\n<li><a class=\"govuk-link\" "
		   "href=\"#homes\">");
	res_text(res, tr(req, "Children" RQ "s homes", "Cartrefi plant"));
	res_markup(res, "</a></li>\n<li><a class=\"govuk-link\" "
		   "href=\"#notes\">");
	res_text(res, tr(req, "Notes", "Nodiadau"));
	res_markup(res, "</a></li>\n</ul>\n</nav>\n");
}

static void review_body(struct request *req, struct response *res,
			struct dash *d)
{
	enum report_lang lang = web_lang(req);
	const struct review *r = d->r;
	const char *scope = lang == LANG_CY && r->scope.name_cy[0] ?
				    r->scope.name_cy : r->scope.name_en;
	char area[ORG_NAME_MAX + 40];

	if (d->view == DASH_MISSING) {
		const struct org *o = &d->ws->org;

		snprintf(area, sizeof(area), WEB_TRF(req, "%s" RQ "s area",
						     "ardal %s"),
			 lang == LANG_CY && o->name_cy[0] ? o->name_cy :
							    o->name_en);
		scope = area;
	}
	heading(req, res, d, scope);
	now_line(req, res, d);
	banner(req, res, r->published);
	if (d->view == DASH_MISSING) {
		static const char *const council_cols[] = {
			"missing_children", "missing_percent",
			"return_interview_within_72_hours",
			"strategy_meetings_per_repeat_child",
			"arrested_or_charged", NULL,
		};
		static const char *const home_cols[] = {
			"places", "missing_periods", "missing_children",
			"missing_per_place",
			"return_interview_within_72_hours",
			"arrested_or_charged", NULL,
		};

		part_para(res, tr(req, "For the police: going missing from "
				  "care in your force" RQ "s area, by the "
				  "council that looks after the child and by "
				  "the children" RQ "s home they went missing "
				  "from; then Wales.",
				  "Ar gyfer yr heddlu: mynd ar goll o ofal yn "
				  "ardal eich heddlu, fesul y cyngor sy" RQ "n "
				  "gofalu am y plentyn a fesul y cartref plant "
				  "yr aethant ar goll ohono; yna Cymru."));
		d->area_only = true;
		res_markup(res, "<h2 class=\"govuk-heading-l\" "
			   "id=\"area\">");
		res_text(res, tr(req, "Your force" RQ "s area",
				 "Ardal eich heddlu"));
		res_markup(res, "</h2>\n");
		review_table(req, res, d, d->r, TAB_COUNCILS,
			     tr(req, "Councils in your area",
				"Cynghorau yn eich ardal"), council_cols);
		review_table(req, res, d, d->r, TAB_HOMES,
			     tr(req, "Children" RQ "s homes in your area",
				"Cartrefi plant yn eich ardal"), home_cols);
		d->area_only = false;
		group_section(req, res, d, GROUP_MISSING);
		notes(req, res, d);
		return;
	}
	contents(req, res);
	for (int g = 0; g < GROUP_NGROUPS; g++)
		if (g != GROUP_QUALITY)	/* not in the cache: contents() */
			group_section(req, res, d, g);
	res_markup(res, "<h2 class=\"govuk-heading-l\" id=\"councils\">");
	res_text(res, tr(req, "Councils", "Cynghorau"));
	res_markup(res, "</h2>\n");
	review_table(req, res, d, d->compare, TAB_COUNCILS,
		     report_table_title(TAB_COUNCILS, lang), NULL);
	res_markup(res, "<h2 class=\"govuk-heading-l\" id=\"homes\">");
	res_text(res, tr(req, "Children" RQ "s homes", "Cartrefi plant"));
	res_markup(res, "</h2>\n");
	review_table(req, res, d, r, TAB_HOMES,
		     report_table_title(TAB_HOMES, lang), NULL);
	notes(req, res, d);
}

/* The columns of the homes table: what a home's figures can say. */
static const enum review_fig home_cols[] = {
	FIG_PLACES, FIG_IN_HOMES, FIG_MISSING_CHILDREN, FIG_MISSING_PERIODS,
	FIG_MISSING_PER_CHILD, FIG_RESP_RI_72H, FIG_RESP_ARRESTED,
	FIG_IN_HOMES_OUTSIDE_COUNCIL, FIG_DIST_OVER_20_HOMES,
};

static void homes_row(struct request *req, struct response *res,
		      struct dash *d, const struct review *r, const char *urn,
		      const char *name)
{
	res_markup(res, "<tr class=\"govuk-table__row\">\n"
		   "<th scope=\"row\" class=\"govuk-table__header\">");
	if (urn)
		part_home_link(res, urn, name);
	else
		res_text(res, name);
	res_markup(res, "</th>\n");
	for (size_t k = 0; k < ARRAY_SIZE(home_cols); k++) {
		if (!r) {
			res_markup(res, "<td class=\"govuk-table__cell "
				   "govuk-table__cell--numeric\">");
			res_text(res, "\xe2\x80\x93");
			res_markup(res, "</td>\n");
			continue;
		}
		cell(req, res, d, &r->fig[home_cols[k]]);
	}
	res_markup(res, "</tr>\n");
}

static void homes_body(struct request *req, struct response *res,
		       struct dash *d)
{
	enum report_lang lang = web_lang(req);

	heading(req, res, d, tr(req, "your homes", "eich cartrefi"));
	if (!d->v.provider[0]) {
		part_para(res, tr(req, "Your organisation is not linked to a "
				  "provider in the homes register yet. Ask the "
				  "person who manages your account.",
				  "Nid yw eich sefydliad wedi" RQ "i gysylltu "
				  "\xc3\xa2 darparwr yng nghofrestr y cartrefi "
				  "eto. Gofynnwch i" RQ "r person sy" RQ "n "
				  "rheoli eich cyfrif."));
		return;
	}
	if (!d->nhomes) {
		part_para(res, tr(req, "The register has no homes run by your "
				  "organisation.",
				  "Nid oes gan y gofrestr gartrefi sy" RQ "n "
				  "cael eu rhedeg gan eich sefydliad."));
		return;
	}
	res_markup(res, "<div class=\"govuk-inset-text\">");
	res_text(res, tr(req, "Your homes' figures are exact, for staff only: "
			 "not for publication. The Wales row is the published "
			 "figures, to compare with.",
			 "Mae ffigurau eich cartrefi yn union, ar gyfer staff "
			 "yn unig: nid i" RQ "w cyhoeddi. Ffigurau "
			 "cyhoeddedig yw rhes Cymru, i gymharu \xc3\xa2 "
			 "nhw."));
	res_markup(res, "</div>\n");
	part_table_scroll_start(req, res, tr(req, "Your homes, a row each",
					     "Eich cartrefi, rhes yr un"));
	res_markup(res, "<table class=\"govuk-table\" "
		   "data-cartref=\"dash-homes\">\n");
	caption(res, tr(req, "Your homes, a row each, and Wales",
			"Eich cartrefi, rhes yr un, a Chymru"));
	res_markup(res, "<thead class=\"govuk-table__head\">\n"
		   "<tr class=\"govuk-table__row\">\n");
	part_th(res, tr(req, "Home", "Cartref"), false);
	for (size_t k = 0; k < ARRAY_SIZE(home_cols); k++)
		part_th(res, report_fig_label(home_cols[k], lang), true);
	res_markup(res, "</tr>\n</thead>\n<tbody class=\"govuk-table__body\">\n");
	for (size_t i = 0; i < d->nhomes; i++)
		homes_row(req, res, d, d->homes[i].r, d->homes[i].h.urn,
			  d->homes[i].h.name);
	res_markup(res, "</tbody>\n<tfoot>\n");
	homes_row(req, res, d, d->compare, NULL, tr(req, "Wales (published)",
						    "Cymru (cyhoeddedig)"));
	res_markup(res, "</tfoot>\n</table>\n");
	part_table_scroll_end(res);
	if (d->homes_cut)
		part_para(res, tr(req, "Only the first 50 homes are shown.",
				  "Dim ond y 50 cartref cyntaf a ddangosir."));
	notes(req, res, d);
}

static void dash_body(struct request *req, struct response *res, void *ctx)
{
	struct dash *d = ctx;

	if (!d->h->last_year) {
		res_markup(res, "<h1 class=\"govuk-heading-xl\">");
		res_text(res, tr(req, "Dashboard", "Dangosfwrdd"));
		res_markup(res, "</h1>\n");
		part_para(res, tr(req, "No SSDA903 returns have been imported "
				  "yet, so there are no figures to show.",
				  "Nid oes ffurflenni SSDA903 wedi" RQ "u "
				  "mewnforio eto, felly nid oes ffigurau i" RQ
				  "w dangos."));
		return;
	}
	if (d->view == DASH_HOMES)
		homes_body(req, res, d);
	else
		review_body(req, res, d);
}

static void dashboard(struct request *req, struct response *res,
		      const char *council)
{
	struct dash d;
	struct err err = ERR_INIT;
	struct store *s;
	const char *what = "";
	char title[300];
	int64_t year;
	int rc;

	memset(&d, 0, sizeof(d));
	buf_init(&d.tmp, 1024);
	d.council = council;
	d.ws = web_session(req);
	if (!d.ws || d.ws->api) {
		res_error(req, res, 403);	/* ROUTE_AUTH: never */
		goto out;
	}
	if (web_opt_int(req, res, "year", 2001, 2100, 0, &year))
		goto out;	/* 400 written */
	s = web_store(req, &err);
	rc = s ? web_viewer(req, s, &d.v, &err) : ERR_STORE;
	if (rc)
		goto fail;
	d.fits = auth_role_fits(d.ws->user.role, d.ws->org.kind);
	d.alerts_now = -1;
	if (d.v.access != VIEWER_NONE) {
		struct alert_filter af;
		struct err inner = ERR_INIT;

		memset(&af, 0, sizeof(af));
		af.state = -1;
		rc = alerts_items_count(s, &d.v, &af, &d.alerts_now, &inner);
		if (rc == ERR_DENIED) {
			d.alerts_now = -1;
			rc = 0;
		} else if (rc) {
			err_set(&err, rc, "%s", err_text(&inner));
			goto fail;
		}
	}
	d.view = web_dash_view(d.v.access, d.ws->user.role, d.fits, d.v.la,
			       council);
	if (d.view == DASH_NOT_FOUND) {
		res_error(req, res, 404);
		goto out;
	}
	if (d.view == DASH_OWN_COUNCIL) {
		char to[64];

		/* d.v.la is a GSS code: web_dash_view() checked it */
		snprintf(to, sizeof(to), "/dashboard/council/%s", d.v.la);
		res_redirect(res, to);
		goto out;
	}
	/* the viewer's view is decided: now the figures, from the cache */
	rc = review_cache_hold(review_cache_shared(), s, &d.hold, &err);
	if (rc)
		goto fail;
	d.h = review_hold_history(d.hold);
	if (d.h->last_year) {
		d.year = year ? (int)year : d.h->last_year;
		if (d.year < d.h->first_year || d.year > d.h->last_year) {
			res_error(req, res, 404);	/* no such year */
			goto out;
		}
		rc = gather(s, &d, &err);
		if (rc == ERR_NOT_FOUND) {
			res_error(req, res, 404);	/* no such council */
			goto out;
		}
		if (rc)
			goto fail;
	}
	/* a title that says which dashboard (WCAG 2.4.2) */
	if (d.r)
		what = req->lang[0] == 'c' && d.r->scope.name_cy[0] ?
			       d.r->scope.name_cy : d.r->scope.name_en;
	else if (d.view == DASH_HOMES)
		what = tr(req, "your homes", "eich cartrefi");
	snprintf(title, sizeof(title), "%s%s%s",
		 tr(req, "Dashboard", "Dangosfwrdd"), *what ? ": " : "", what);
	res_html_page(req, res, title, dash_body, &d);
	goto out;
fail:
	web_log_err("a dashboard", &err);
	res_error(req, res, 500);
out:
	dash_release(&d);
}

void page_dashboard(struct request *req, struct response *res)
{
	dashboard(req, res, NULL);
}

void page_dashboard_council(struct request *req, struct response *res)
{
	const char *code;

	if (req_param_str(req, res, "code", WEB_FILTER_MAX, &code))
		return;
	if (!web_gss_ok(code)) {
		res_error(req, res, 404);
		return;
	}
	dashboard(req, res, code);
}
