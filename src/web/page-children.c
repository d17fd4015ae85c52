/*
 * page-children.c: GET /children?council=&q=&placed=&home=&page=, the
 * children the signed-in user may see, 25 a page, with a search by the
 * start of the child's reference (SSDA903 has no names) and, for those
 * who see more than one council's children, by council.  A council's
 * list is of its children looked after now by default (placed=now;
 * "home": in a children's home now; "all": everyone it ever looked
 * after), those in children's homes first; a provider's can be narrowed
 * to one of its homes (home=URN).
 *
 * Which children, and which of their fields, is the store's decision
 * (store_children_list() with the user's viewer; docs/access.md): this
 * page shows what it returns and says "not shown" where a field is
 * withheld.  The store writes the audit row naming the children shown.
 * Analysts and admins see no child: the page does not exist for them
 * (404).
 *
 * Parameters are bounded: council a GSS code or empty, q at most 64
 * bytes, page 1 to 100,001; anything else is the 400 page, but for a q
 * of 65 to 256 bytes (someone typed it), which is the form again with a
 * GOV.UK error summary (also 400).
 */
#include "base/compat.h"
#include "base/xalloc.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/parts.h"
#include "web/session.h"

struct children_page {
	struct viewer v;
	struct web_councils councils;
	const char *council;	/* the filter, "" for any */
	const char *q;		/* the filter, "" for any */
	const char *placed;	/* "now", "home", "all" */
	const char *home;	/* a provider's home, "" for any */
	struct home_now *homes;	/* a provider's homes, for the select */
	size_t nhomes;
	long page;		/* from 1 */
	bool q_too_long;	/* say so in an error summary */
	struct child_page *rows;
};

#define Q_SENT_MAX 256		/* a longer q is the 400 page */

static void list_href(struct request *req, struct response *res, long page,
		      void *ctx)
{
	const struct children_page *p = ctx;

	(void)req;
	res_markup(res, "/children?council=");
	res_url_arg(res, p->council);
	res_markup(res, "&amp;q=");
	res_url_arg(res, p->q);
	res_markup(res, "&amp;placed=");
	res_url_arg(res, p->placed);
	res_markup(res, "&amp;home=");
	res_url_arg(res, p->home);
	res_markup(res, "&amp;page=");
	res_int(res, page);
}

/* Who the list is of, by kind of access. */
static const char *lead(const struct request *req, enum viewer_access a)
{
	switch (a) {
	case VIEWER_COUNCIL:
		return tr(req, "The children your council looks after, those "
			  "in children\xe2\x80\x99s homes first.",
			  "Y plant y mae eich cyngor yn gofalu amdanynt, y "
			  "rhai mewn cartrefi plant yn gyntaf.");
	case VIEWER_PROVIDER:
		return tr(req, "Children placed in your homes now, or who left "
			  "them in the last 90 days.",
			  "Plant sydd wedi\xe2\x80\x99u lleoli yn eich cartrefi "
			  "nawr, neu a adawodd yn ystod y 90 diwrnod "
			  "diwethaf.");
	case VIEWER_INSPECTORATE:
		return tr(req, "Children who have been placed in a children"
			  "\xe2\x80\x99s home of the register.",
			  "Plant sydd wedi\xe2\x80\x99u lleoli mewn cartref "
			  "plant yn y gofrestr.");
	case VIEWER_POLICE:
		return tr(req, "Children missing from care now from a placement "
			  "in your force\xe2\x80\x99s area.",
			  "Plant sydd ar goll o ofal nawr o leoliad yn ardal "
			  "eich heddlu.");
	case VIEWER_NONE:
	case VIEWER_NACCESS:
		break;
	}
	return "";
}

static const char *msg_q_long(const struct request *req)
{
	return tr(req, "Child reference must be 64 characters or fewer",
		  "Rhaid i gyfeirnod y plentyn fod yn 64 nod neu lai");
}

static void error_summary(struct request *req, struct response *res)
{
	res_markup(res, "<div class=\"govuk-error-summary\" "
		   "data-module=\"govuk-error-summary\">\n<div role=\"alert\">\n"
		   "<h2 class=\"govuk-error-summary__title\">");
	res_text(res, tr(req, "There is a problem", "Mae problem wedi codi"));
	res_markup(res, "</h2>\n<div class=\"govuk-error-summary__body\">\n"
		   "<ul class=\"govuk-list govuk-error-summary__list\">\n"
		   "<li><a href=\"#q\">");
	res_text(res, msg_q_long(req));
	res_markup(res, "</a></li>\n</ul>\n</div>\n</div>\n</div>\n");
}

static void search_form(struct request *req, struct response *res,
			const struct children_page *p)
{
	res_markup(res, "<form method=\"get\" action=\"/children\" "
		   "novalidate>\n");
	if (p->q_too_long)
		res_markup(res, "<div class=\"govuk-form-group "
			   "govuk-form-group--error\">\n");
	else
		res_markup(res, "<div class=\"govuk-form-group\">\n");
	res_markup(res, "<label class=\"govuk-label\" for=\"q\">");
	res_text(res, tr(req, "Child reference starts with",
			 "Cyfeirnod y plentyn yn dechrau gyda"));
	res_markup(res, "</label>\n");
	if (p->q_too_long) {
		part_error_message(req, res, "q", msg_q_long(req));
		res_markup(res, "<input class=\"govuk-input "
			   "govuk-input--width-10 govuk-input--error\" "
			   "aria-describedby=\"q-error\"");
	} else {
		res_markup(res, "<input class=\"govuk-input "
			   "govuk-input--width-10\"");
	}
	res_markup(res, " id=\"q\" name=\"q\" type=\"search\" "
		   "spellcheck=\"false\" autocomplete=\"off\" value=\"");
	res_attr(res, p->q);
	res_markup(res, "\">\n</div>\n");
	if (p->v.access == VIEWER_COUNCIL) {
		static const struct { const char *v, *en, *cy; } show[] = {
			{ "now", "Looked after now", "Yn derbyn gofal nawr" },
			{ "home", "In a children\xe2\x80\x99s home now",
			  "Mewn cartref plant nawr" },
			{ "all", "Everyone your council has looked after",
			  "Pawb y mae eich cyngor wedi gofalu amdanynt" },
		};

		/* a council sees only its own children: no choice to make */
		res_markup(res, "<input type=\"hidden\" name=\"council\" "
			   "value=\"\">\n<div class=\"govuk-form-group\">\n"
			   "<label class=\"govuk-label\" for=\"placed\">");
		res_text(res, tr(req, "Show", "Dangos"));
		res_markup(res, "</label>\n<select class=\"govuk-select\" "
			   "id=\"placed\" name=\"placed\">\n");
		for (size_t i = 0; i < ARRAY_SIZE(show); i++) {
			res_markup(res, "<option value=\"");
			res_attr(res, show[i].v);
			if (!strcmp(p->placed, show[i].v))
				res_markup(res, "\" selected>");
			else
				res_markup(res, "\">");
			res_text(res, tr(req, show[i].en, show[i].cy));
			res_markup(res, "</option>\n");
		}
		res_markup(res, "</select>\n</div>\n");
	} else if (p->v.access == VIEWER_PROVIDER) {
		res_markup(res, "<div class=\"govuk-form-group\">\n"
			   "<label class=\"govuk-label\" for=\"home\">");
		res_text(res, tr(req, "Placed now at", "Wedi\xe2\x80\x99u "
				 "lleoli nawr yn"));
		res_markup(res, "</label>\n<select class=\"govuk-select\" "
			   "id=\"home\" name=\"home\">\n<option value=\"\">");
		res_text(res, tr(req, "Any of your homes, or left in the last "
				 "90 days",
				 "Unrhyw un o\xe2\x80\x99" "ch cartrefi, neu "
				 "wedi gadael yn y 90 diwrnod diwethaf"));
		res_markup(res, "</option>\n");
		for (size_t i = 0; i < p->nhomes; i++) {
			res_markup(res, "<option value=\"");
			res_attr(res, p->homes[i].urn);
			if (!strcmp(p->home, p->homes[i].urn))
				res_markup(res, "\" selected>");
			else
				res_markup(res, "\">");
			res_text(res, p->homes[i].name);
			res_markup(res, "</option>\n");
		}
		res_markup(res, "</select>\n</div>\n");
	} else {
		res_markup(res, "<div class=\"govuk-form-group\">\n"
			   "<label class=\"govuk-label\" for=\"council\">");
		res_text(res, tr(req, "Council that looks after the child",
				 "Y cyngor sy\xe2\x80\x99n gofalu am y "
				 "plentyn"));
		res_markup(res, "</label>\n");
		part_council_select(req, res, &p->councils, "council",
				    p->council, tr(req, "All councils",
						   "Pob cyngor"));
		res_markup(res, "</div>\n");
	}
	res_markup(res, "<button type=\"submit\" class=\"govuk-button "
		   "govuk-button--secondary\" data-module=\"govuk-button\">");
	res_text(res, tr(req, "Search", "Chwilio"));
	res_markup(res, "</button>\n</form>\n");
}

static void placement_cell(struct request *req, struct response *res,
			   const struct child_summary *c)
{
	if (!c->looked_after) {
		res_text(res, tr(req, "Not looked after now",
				 "Ddim yn derbyn gofal nawr"));
		return;
	}
	if (!c->has_current) {
		part_not_shown(req, res);
		return;
	}
	part_code(req, res, &codes_place, c->current.place);
	if (c->current.urn[0]) {
		res_markup(res, "<br>");
		part_home_link(res, c->current.urn, c->current.home_name);
	}
}

static void row(struct request *req, struct response *res,
		const struct children_page *p, const struct child_summary *c)
{
	res_markup(res, "<tr class=\"govuk-table__row\">\n"
		   "<th scope=\"row\" class=\"govuk-table__header\">");
	part_child_link(res, c->la, c->ref);
	res_markup(res, "</th>\n<td class=\"govuk-table__cell\">");
	res_text(res, web_council_name(req, &p->councils, c->la));
	res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
	if (!viewer_may(&p->v, VF_SEX))
		part_not_shown(req, res);
	else
		part_label(req, res, &codes_sex, c->sex);
	res_markup(res, "</td>\n<td class=\"govuk-table__cell "
		   "govuk-table__cell--numeric\">");
	if (!viewer_may(&p->v, VF_AGE))
		part_not_shown(req, res);
	else if (c->age < 0)
		part_not_recorded(req, res);
	else
		res_int(res, c->age);
	res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
	placement_cell(req, res, c);
	res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
	if (c->open_missing > 0) {
		res_markup(res, "<strong class=\"govuk-tag govuk-tag--red\">");
		res_text(res, tr(req, "Missing", "Ar goll"));
		res_markup(res, "</strong>");
	} else {
		res_text(res, tr(req, "No", "Na"));
	}
	res_markup(res, "</td>\n</tr>\n");
}

static void children_body(struct request *req, struct response *res,
			  void *ctx)
{
	const struct children_page *p = ctx;
	const struct child_page *cp = p->rows;
	long pages = web_pages(cp->total, cp->page_size);
	char s[128];

	if (p->q_too_long)
		error_summary(req, res);
	res_markup(res, "<h1 class=\"govuk-heading-l\">");
	res_text(res, tr(req, "Children", "Plant"));
	res_markup(res, "</h1>\n");
	part_para(res, lead(req, p->v.access));
	search_form(req, res, p);
	if (p->q_too_long)
		return;
	if (!cp->total) {
		part_para(res, tr(req, "No children match.",
				  "Does dim plant yn cyfateb."));
		return;
	}
	snprintf(s, sizeof(s), WEB_TRF(req, "%ld children", "%ld o blant"),
		 cp->total);
	res_markup(res, "<p class=\"govuk-body\" role=\"status\">");
	res_text(res, s);
	res_markup(res, "</p>\n");
	if (!cp->n) {
		part_para(res, tr(req, "There is nothing on this page.",
				  "Does dim byd ar y dudalen hon."));
		part_pagination(req, res, p->page, pages, list_href,
				(void *)p);
		return;
	}
	snprintf(s, sizeof(s), WEB_TRF(req, "Children, page %ld of %ld",
				       "Plant, tudalen %ld o %ld"),
		 p->page, pages);
	part_table_scroll_start(req, res, s);
	res_markup(res, "<table class=\"govuk-table\">\n<caption "
		   "class=\"govuk-table__caption govuk-table__caption--m\">");
	res_text(res, s);
	res_markup(res, "</caption>\n<thead class=\"govuk-table__head\">\n"
		   "<tr class=\"govuk-table__row\">\n");
	part_th(res, tr(req, "Child", "Plentyn"), false);
	part_th(res, tr(req, "Council", "Cyngor"), false);
	part_th(res, tr(req, "Sex", "Rhyw"), false);
	part_th(res, tr(req, "Age", "Oed"), true);
	part_th(res, tr(req, "Placement now", "Lleoliad nawr"), false);
	part_th(res, tr(req, "Missing now", "Ar goll nawr"), false);
	res_markup(res, "</tr>\n</thead>\n<tbody class=\"govuk-table__body\">\n");
	for (size_t i = 0; i < cp->n; i++)
		row(req, res, p, &cp->rows[i]);
	res_markup(res, "</tbody>\n</table>\n");
	part_table_scroll_end(res);
	part_pagination(req, res, p->page, pages, list_href, (void *)p);
}

void page_children(struct request *req, struct response *res)
{
	struct children_page p;
	struct child_filter f;
	struct err err = ERR_INIT;
	struct store *s;
	int64_t page;
	int rc;

	memset(&p, 0, sizeof(p));
	if (web_opt_str(req, res, "council", LA_CODE_MAX, &p.council) ||
	    web_opt_str(req, res, "q", Q_SENT_MAX, &p.q) ||
	    web_opt_str(req, res, "placed", 8, &p.placed) ||
	    web_opt_str(req, res, "home", S903_URN_MAX, &p.home) ||
	    web_opt_int(req, res, "page", 1, STORE_PAGE_LAST + 1, 1, &page))
		return;		/* 400 written */
	if ((p.council[0] && !web_gss_ok(p.council)) ||
	    (p.placed[0] && strcmp(p.placed, "now") &&
	     strcmp(p.placed, "home") && strcmp(p.placed, "all"))) {
		res_error(req, res, 400);
		return;
	}
	p.page = (long)page;
	s = web_store(req, &err);
	/* a role with no child is refused by the store (audited): 404 */
	rc = s ? web_viewer(req, s, &p.v, &err) : ERR_STORE;
	if (!rc)
		rc = web_councils_load(s, &p.councils, &err);
	if (!rc && p.v.access == VIEWER_PROVIDER)
		rc = store_homes_now(s, &p.v, 0, &p.homes, &p.nhomes, &err);
	if (!p.placed[0])
		p.placed = p.v.access == VIEWER_COUNCIL ? "now" : "all";
	p.q_too_long = strlen(p.q) > WEB_FILTER_MAX;
	if (!rc && p.q_too_long && p.v.access != VIEWER_NONE) {
		/* the form again, saying what is wrong: no search */
		p.rows = xcalloc(1, sizeof(*p.rows));
		res_html_page(req, res, tr(req, "Error: Children",
					   "Gwall: Plant"), children_body, &p);
		res->status = 400;
		free(p.rows);
		free(p.homes);
		return;
	}
	if (!rc) {
		memset(&f, 0, sizeof(f));
		f.la = p.council;
		f.ref_prefix = p.q;
		f.urn = p.home;
		f.in_home = !strcmp(p.placed, "home");
		if (!strcmp(p.placed, "now"))
			f.looked_after_on = p.v.today;
		f.homes_first = p.v.access == VIEWER_COUNCIL;
		f.page = p.page - 1;
		f.page_size = WEB_PAGE_SIZE;
		p.rows = xmalloc(sizeof(*p.rows));
		rc = store_children_list(s, &p.v, &f, p.rows, &err);
	}
	if (rc == ERR_DENIED) {
		res_error(req, res, 404);
	} else if (rc) {
		web_log_err("the children list", &err);
		res_error(req, res, 500);
	} else {
		res_html_page(req, res, tr(req, "Children", "Plant"),
			      children_body, &p);
	}
	free(p.rows);
	free(p.homes);
}
