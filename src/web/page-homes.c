/*
 * page-homes.c: GET /homes?council=&type=&page=, the register of
 * children's homes, 25 a page, by council area and type of provider.
 *
 * The register names no child, so every signed-in user sees it
 * (store_homes_list() with the user's viewer); the store's address rule
 * decides whether a home's full postcode or only its district shows.
 * Each home links to its profile for those who may see profiles (not
 * analysts and admins, who see aggregate figures only).  Not audited:
 * no child is named.
 */
#include "base/compat.h"
#include "base/xalloc.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/parts.h"
#include "web/session.h"

#define RQ "\xe2\x80\x99"	/* right single quotation mark */

struct homes_page {
	struct viewer v;
	struct web_councils councils;
	const char *council;	/* "" any */
	const char *type;	/* "" any, "la", "private", "voluntary" */
	long page;
	struct home_page *rows;
};

static const char *const types[] = { "la", "private", "voluntary" };

static void list_href(struct request *req, struct response *res, long page,
		      void *ctx)
{
	const struct homes_page *p = ctx;

	(void)req;
	res_markup(res, "/homes?council=");
	res_url_arg(res, p->council);
	res_markup(res, "&amp;type=");
	res_url_arg(res, p->type);
	res_markup(res, "&amp;page=");
	res_int(res, page);
}

static void filter_form(struct request *req, struct response *res,
			const struct homes_page *p)
{
	res_markup(res, "<form method=\"get\" action=\"/homes\" novalidate>\n"
		   "<div class=\"govuk-form-group\">\n"
		   "<label class=\"govuk-label\" for=\"council\">");
	res_text(res, tr(req, "Council area", "Ardal cyngor"));
	res_markup(res, "</label>\n");
	part_council_select(req, res, &p->councils, "council", p->council,
			    tr(req, "All council areas", "Pob ardal cyngor"));
	res_markup(res, "</div>\n<div class=\"govuk-form-group\">\n"
		   "<label class=\"govuk-label\" for=\"type\">");
	res_text(res, tr(req, "Type of provider", "Math o ddarparwr"));
	res_markup(res, "</label>\n<select class=\"govuk-select\" id=\"type\" "
		   "name=\"type\">\n<option value=\"\">");
	res_text(res, tr(req, "All types", "Pob math"));
	res_markup(res, "</option>\n");
	for (size_t i = 0; i < ARRAY_SIZE(types); i++) {
		res_markup(res, "<option value=\"");
		res_attr(res, types[i]);
		if (!strcmp(p->type, types[i]))
			res_markup(res, "\" selected>");
		else
			res_markup(res, "\">");
		res_text(res, report_provider_type_label(types[i],
							 web_lang(req)));
		res_markup(res, "</option>\n");
	}
	res_markup(res, "</select>\n</div>\n<button type=\"submit\" "
		   "class=\"govuk-button govuk-button--secondary\" "
		   "data-module=\"govuk-button\">");
	res_text(res, tr(req, "Show homes", "Dangos cartrefi"));
	res_markup(res, "</button>\n</form>\n");
}

static void row(struct request *req, struct response *res,
		const struct homes_page *p, const struct home_row *h)
{
	bool open = h->closed == DATE_NONE || h->closed > p->v.today;

	res_markup(res, "<tr class=\"govuk-table__row\">\n"
		   "<th scope=\"row\" class=\"govuk-table__header\">");
	if (p->v.access == VIEWER_NONE)
		res_text(res, h->name);
	else
		part_home_link(res, h->urn, h->name);
	res_markup(res, "</th>\n<td class=\"govuk-table__cell\">");
	res_text(res, h->urn);
	res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
	{
		char pn[PROVIDER_NAME_MAX + 16];

		res_text(res, web_provider_name(req, &p->councils, h->provider,
						h->provider_type, pn,
						sizeof(pn)));
	}
	res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
	res_text(res, report_provider_type_label(
			      provider_type_name(h->provider_type),
			      web_lang(req)));
	res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
	res_text(res, web_council_name(req, &p->councils, h->la));
	res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
	res_text(res, h->postcode);
	res_markup(res, "</td>\n<td class=\"govuk-table__cell "
		   "govuk-table__cell--numeric\">");
	res_int(res, h->places);
	res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
	if (open)
		res_markup(res, "<strong class=\"govuk-tag govuk-tag--green\">");
	else
		res_markup(res, "<strong class=\"govuk-tag govuk-tag--grey\">");
	res_text(res, open ? tr(req, "Open", "Ar agor") :
			     tr(req, "Closed", "Wedi cau"));
	res_markup(res, "</strong></td>\n</tr>\n");
}

static void homes_body(struct request *req, struct response *res, void *ctx)
{
	const struct homes_page *p = ctx;
	const struct home_page *hp = p->rows;
	long pages = web_pages(hp->total, hp->page_size);
	char s[128];

	res_markup(res, "<h1 class=\"govuk-heading-l\">");
	res_text(res, tr(req, "Children" RQ "s homes", "Cartrefi plant"));
	res_markup(res, "</h1>\n");
	part_para(res, tr(req, "The register of children" RQ "s homes. A "
			  "home" RQ "s full postcode is shown to inspectors, "
			  "to its provider and to councils that placed a "
			  "child there in the last 90 days; others see its "
			  "postcode district.",
			  "Cofrestr y cartrefi plant. Dangosir cod post llawn "
			  "cartref i arolygwyr, i" RQ "w ddarparwr ac i "
			  "gynghorau a leolodd blentyn yno yn ystod y 90 "
			  "diwrnod diwethaf; mae eraill yn gweld ardal ei god "
			  "post."));
	filter_form(req, res, p);
	if (!hp->total) {
		part_para(res, tr(req, "No homes match.",
				  "Does dim cartrefi yn cyfateb."));
		return;
	}
	snprintf(s, sizeof(s), WEB_TRF(req, "%ld homes", "%ld o gartrefi"),
		 hp->total);
	res_markup(res, "<p class=\"govuk-body\" role=\"status\">");
	res_text(res, s);
	res_markup(res, "</p>\n");
	if (!hp->n) {
		part_para(res, tr(req, "There is nothing on this page.",
				  "Does dim byd ar y dudalen hon."));
		part_pagination(req, res, p->page, pages, list_href,
				(void *)p);
		return;
	}
	snprintf(s, sizeof(s), WEB_TRF(req, "Children" RQ "s homes, page %ld "
				       "of %ld",
				       "Cartrefi plant, tudalen %ld o %ld"),
		 p->page, pages);
	/* a region that scrolls sideways: focusable, so keys scroll it */
	part_table_scroll_start(req, res, s);
	res_markup(res, "<table class=\"govuk-table\">\n<caption "
		   "class=\"govuk-table__caption govuk-table__caption--m\">");
	res_text(res, s);
	res_markup(res, "</caption>\n<thead class=\"govuk-table__head\">\n"
		   "<tr class=\"govuk-table__row\">\n");
	part_th(res, tr(req, "Home", "Cartref"), false);
	part_th(res, "URN", false);
	part_th(res, tr(req, "Provider", "Darparwr"), false);
	part_th(res, tr(req, "Type of provider", "Math o ddarparwr"), false);
	part_th(res, tr(req, "Council area", "Ardal cyngor"), false);
	part_th(res, tr(req, "Postcode or district", "Cod post neu ardal"),
		false);
	part_th(res, tr(req, "Places", "Lleoedd"), true);
	part_th(res, tr(req, "Status", "Statws"), false);
	res_markup(res, "</tr>\n</thead>\n<tbody class=\"govuk-table__body\">\n");
	for (size_t i = 0; i < hp->n; i++)
		row(req, res, p, &hp->rows[i]);
	res_markup(res, "</tbody>\n</table>\n");
	part_table_scroll_end(res);
	part_pagination(req, res, p->page, pages, list_href, (void *)p);
}

void page_homes(struct request *req, struct response *res)
{
	struct homes_page p;
	struct home_filter f;
	struct err err = ERR_INIT;
	struct store *s;
	bool type_ok = false;
	int64_t page;
	int rc;

	memset(&p, 0, sizeof(p));
	if (web_opt_str(req, res, "council", LA_CODE_MAX, &p.council) ||
	    web_opt_str(req, res, "type", 16, &p.type) ||
	    web_opt_int(req, res, "page", 1, STORE_PAGE_LAST + 1, 1, &page))
		return;		/* 400 written */
	for (size_t i = 0; i < ARRAY_SIZE(types); i++)
		type_ok |= !strcmp(p.type, types[i]);
	if ((p.council[0] && !web_gss_ok(p.council)) ||
	    (p.type[0] && !type_ok)) {
		res_error(req, res, 400);
		return;
	}
	p.page = (long)page;
	s = web_store(req, &err);
	rc = s ? web_viewer(req, s, &p.v, &err) : ERR_STORE;
	if (!rc)
		rc = web_councils_load(s, &p.councils, &err);
	if (!rc) {
		memset(&f, 0, sizeof(f));
		f.la = p.council;
		f.provider_type = p.type[0] ? p.type : NULL;
		f.page = p.page - 1;
		f.page_size = WEB_PAGE_SIZE;
		p.rows = xmalloc(sizeof(*p.rows));
		rc = store_homes_list(s, &p.v, &f, p.rows, &err);
	}
	if (rc == ERR_DENIED) {
		res_error(req, res, 404);
	} else if (rc) {
		web_log_err("the homes list", &err);
		res_error(req, res, 500);
	} else {
		res_html_page(req, res, tr(req, "Children" RQ "s homes",
					   "Cartrefi plant"),
			      homes_body, &p);
	}
	free(p.rows);
}
