/*
 * page-data-quality.c: GET /data-quality?page=, what to check in the
 * SSDA903 returns, for the council that sends them (its own children)
 * and inspectors: missing periods a return left open.
 *
 * A period with no end date in the latest return is "open in the 2026
 * return, not closed since": nothing later says when it ended.  It is
 * never "missing now" (only live records say that, store.h), so it is
 * listed here for the council to close in its next return, or to record
 * live, and not on anybody's list of children missing now.
 *
 * The list is store_missing_open() with the user's viewer (scoped and
 * audited by the store), oldest first.  Others get the 404 page.
 */
#include "base/compat.h"
#include "base/xalloc.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/parts.h"
#include "web/session.h"

#define RQ "\xe2\x80\x99"	/* right single quotation mark */

struct dq_view {
	struct viewer v;
	struct web_councils councils;
	long page;		/* from 1 */
	struct missing_page *open;
};

static void dq_href(struct request *req, struct response *res, long page,
		    void *ctx)
{
	(void)req;
	(void)ctx;
	res_markup(res, "/data-quality?page=");
	res_int(res, page);
}

static void dq_body(struct request *req, struct response *res, void *ctx)
{
	const struct dq_view *dq = ctx;
	const struct missing_page *mp = dq->open;
	long pages = web_pages(mp->total, mp->page_size);
	char s[200];

	res_markup(res, "<h1 class=\"govuk-heading-l\">");
	if (dq->v.access == VIEWER_COUNCIL) {
		snprintf(s, sizeof(s), WEB_TRF(req, "Checks on %s" RQ "s returns",
					       "Gwiriadau ar ffurflenni %s"),
			 web_council_name(req, &dq->councils, dq->v.la));
		res_text(res, s);
	} else {
		res_text(res, tr(req, "Checks on the councils" RQ " returns",
				 "Gwiriadau ar ffurflenni" RQ "r cynghorau"));
	}
	res_markup(res, "</h1>\n<h2 class=\"govuk-heading-m\">");
	res_text(res, tr(req, "Missing periods left open in a return",
			 "Cyfnodau ar goll a adawyd ar agor mewn ffurflen"));
	res_markup(res, "</h2>\n");
	part_para(res, tr(req, "These periods have no end date in the latest "
			  "return, and nothing since says when they ended. "
			  "They are not counted as children missing now: only "
			  "what is recorded live says that. Close them in the "
			  "next return, or record the child live if they are "
			  "still missing.",
			  "Nid oes dyddiad gorffen i" RQ "r cyfnodau hyn yn y "
			  "ffurflen ddiweddaraf, a does dim byd ers hynny yn "
			  "dweud pryd y daethant i ben. Nid ydynt yn cael eu "
			  "cyfrif fel plant ar goll nawr: dim ond yr hyn a "
			  "gofnodir yn fyw sy" RQ "n dweud hynny. Caewch nhw "
			  "yn y ffurflen nesaf, neu cofnodwch y plentyn yn fyw "
			  "os yw" RQ "n dal ar goll."));
	if (!mp->total) {
		part_para(res, tr(req, "None: every period in the latest "
				  "returns has an end date.",
				  "Dim: mae gan bob cyfnod yn y ffurflenni "
				  "diweddaraf ddyddiad gorffen."));
		return;
	}
	snprintf(s, sizeof(s), WEB_TRF(req, "%ld periods, oldest first.",
				       "%ld o gyfnodau, yr hynaf yn gyntaf."),
		 mp->total);
	part_para(res, s);
	part_table_scroll_start(req, res, tr(req, "Periods left open",
					     "Cyfnodau a adawyd ar agor"));
	res_markup(res, "<table class=\"govuk-table\" "
		   "data-cartref=\"open-in-return\">\n"
		   "<thead class=\"govuk-table__head\">\n"
		   "<tr class=\"govuk-table__row\">\n");
	part_th(res, tr(req, "Child", "Plentyn"), false);
	part_th(res, tr(req, "Council", "Cyngor"), false);
	part_th(res, tr(req, "Missing or away from", "Ar goll neu i ffwrdd o"),
		false);
	part_th(res, tr(req, "What the return says", "Beth mae" RQ "r "
			"ffurflen yn ei ddweud"), false);
	part_th(res, tr(req, "From", "O"), false);
	res_markup(res, "</tr>\n</thead>\n<tbody class=\"govuk-table__body\">\n");
	for (size_t i = 0; i < mp->n; i++) {
		const struct missing_row *m = &mp->rows[i];

		res_markup(res, "<tr class=\"govuk-table__row\">\n"
			   "<th scope=\"row\" class=\"govuk-table__header\">");
		part_child_link(res, m->la, m->ref);
		res_markup(res, "</th>\n<td class=\"govuk-table__cell\">");
		res_text(res, web_council_name(req, &dq->councils, m->la));
		res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
		part_date(req, res, m->m.start);
		res_text(res, m->m.kind[0] == 'A' ?
			 tr(req, " (away)", " (i ffwrdd)") : "");
		res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
		snprintf(s, sizeof(s), WEB_TRF(req, "Open in the %d-%02d return, "
					       "not closed since",
					       "Ar agor yn ffurflen %d-%02d, "
					       "heb ei gau ers hynny"),
			 m->m.return_year - 1, m->m.return_year % 100);
		res_text(res, s);
		res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
		if (m->m.urn[0])
			part_home_link(res, m->m.urn, m->m.home_name);
		else if (m->m.district[0])
			res_text(res, m->m.district);
		else
			part_not_recorded(req, res);
		res_markup(res, "</td>\n</tr>\n");
	}
	res_markup(res, "</tbody>\n</table>\n");
	part_table_scroll_end(res);
	part_pagination(req, res, dq->page, pages, dq_href, NULL);
}

void page_data_quality(struct request *req, struct response *res)
{
	struct dq_view *dq = xcalloc(1, sizeof(*dq));
	struct missing_filter f;
	struct err err = ERR_INIT;
	struct store *s;
	int64_t page;
	int rc;

	if (web_opt_int(req, res, "page", 1, STORE_PAGE_LAST + 1, 1, &page)) {
		free(dq);
		return;
	}
	dq->page = (long)page;
	s = web_store(req, &err);
	rc = s ? web_viewer(req, s, &dq->v, &err) : ERR_STORE;
	if (!rc && dq->v.access != VIEWER_COUNCIL &&
	    dq->v.access != VIEWER_INSPECTORATE)
		rc = ERR_DENIED;
	if (!rc)
		rc = web_councils_load(s, &dq->councils, &err);
	if (!rc) {
		memset(&f, 0, sizeof(f));
		f.page = dq->page - 1;
		f.page_size = WEB_PAGE_SIZE;
		dq->open = xmalloc(sizeof(*dq->open));
		rc = store_missing_open(s, &dq->v, &f, dq->open, &err);
	}
	if (rc == ERR_DENIED || rc == ERR_NOT_FOUND) {
		res_error(req, res, 404);
	} else if (rc) {
		web_log_err("the data-quality page", &err);
		res_error(req, res, 500);
	} else {
		res_html_page(req, res, tr(req, "Checks on the returns",
					   "Gwiriadau ar y ffurflenni"),
			      dq_body, dq);
	}
	free(dq->open);
	free(dq);
}
