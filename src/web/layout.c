/*
 * layout.c: the page shell (see layout.h).  The markup follows GOV.UK
 * Frontend's template.njk and its generic-header, phase-banner,
 * language-navigation and footer components, written out by hand: there
 * is no template engine, and every piece of data goes through an
 * escaping sink.  No GOV.UK crown, logo or crest: cartref is not a
 * GOV.UK service.
 */
#include "base/compat.h"
#include "web/layout.h"
#include "web/server.h"
#include "web/session.h"
#include "web/web-internal.h"

bool web_demo(const struct request *req)
{
	return req->app && req->app->demo;
}

const char *web_operator(const struct request *req)
{
	const char *en = req->app ? req->app->operator_en : NULL;
	const char *cy = req->app ? req->app->operator_cy : NULL;

	if (!en)
		return tr(req, WEB_OPERATOR_EN, WEB_OPERATOR_CY);
	return tr(req, en, cy ? cy : en);
}

const char *web_contact_email(const struct request *req)
{
	return req->app && req->app->contact_email ?
	       req->app->contact_email : WEB_CONTACT_EMAIL;
}

/* An asset URL with ?v=<its content hash> when the asset is loaded. */
static void asset_link(struct request *req, struct response *res,
		       const char *url)
{
	const struct asset *a = req->app ? assets_find(&req->app->assets, url)
					 : NULL;

	res_url_path(res, url);
	if (a) {
		res_markup(res, "?v=");
		res_url_arg(res, a->hash);
	}
}

/*
 * The same page in another language: the path and the query without
 * its lang parameter, then lang=to.  A request that failed to parse
 * links to the start page.
 */
static void lang_href(struct request *req, struct response *res,
		      const char *to)
{
	if (!req->path) {
		res_markup(res, "/");
	} else {
		res_url_path(res, req->path);
	}
	res_markup(res, "?");
	for (size_t i = 0; !req->status && i < req->nquery; i++) {
		if (!strcmp(req->query[i].name, "lang"))
			continue;
		res_url_arg(res, req->query[i].name);
		res_markup(res, "=");
		res_url_arg(res, req->query[i].value);
		res_markup(res, "&amp;");
	}
	res_markup(res, "lang=");
	res_url_arg(res, to);
}

static void language_switch(struct request *req, struct response *res)
{
	bool cy = req->lang[0] == 'c';

	res_markup(res, "<nav class=\"govuk-language-navigation "
		   "cartref-language\" aria-label=\"");
	res_attr(res, tr(req, "Language", "Iaith"));
	res_markup(res, "\">\n<ul class=\"govuk-language-navigation__list\">\n");
	/* English first, then Cymraeg; the current one is not a link */
	for (int i = 0; i < 2; i++) {
		const char *code = i ? "cy" : "en";
		const char *name = i ? "Cymraeg" : "English";
		bool current = (i == 1) == cy;

		res_markup(res, "<li class=\"govuk-language-navigation__list-item\">");
		if (current) {
			res_markup(res, "<span class=\"govuk-language-navigation__text\" "
				   "aria-current=\"true\" lang=\"");
			res_attr(res, code);
			res_markup(res, "\">");
			res_text(res, name);
			res_markup(res, "</span>");
		} else {
			res_markup(res, "<a class=\"govuk-language-navigation__link\" href=\"");
			lang_href(req, res, code);
			res_markup(res, "\" rel=\"alternate\" lang=\"");
			res_attr(res, code);
			res_markup(res, "\" hreflang=\"");
			res_attr(res, code);
			res_markup(res, "\">");
			res_text(res, name);
			res_markup(res, "</a>");
		}
		res_markup(res, "</li>\n");
	}
	res_markup(res, "</ul>\n</nav>\n");
}

/*
 * One item of the service navigation: the current page is marked with
 * aria-current="page", a page inside its section with "true".
 */
static void nav_item(struct request *req, struct response *res,
		     const char *href, const char *section, const char *en,
		     const char *cy)
{
	const char *p = req->path ? req->path : "";
	size_t n = strlen(section);
	bool here = !strcmp(p, href);
	bool inside = !strncmp(p, section, n) && (!p[n] || p[n] == '/');

	if (here || inside)
		res_markup(res, "<li class=\"govuk-service-navigation__item "
			   "govuk-service-navigation__item--active\">"
			   "<a class=\"govuk-service-navigation__link\" href=\"");
	else
		res_markup(res, "<li class=\"govuk-service-navigation__item\">"
			   "<a class=\"govuk-service-navigation__link\" href=\"");
	res_url_path(res, href);
	if (here)
		res_markup(res, "\" aria-current=\"page\">");
	else if (inside)
		res_markup(res, "\" aria-current=\"true\">");
	else
		res_markup(res, "\">");
	res_text(res, tr(req, en, cy));
	res_markup(res, "</a></li>\n");
}

/*
 * The pages of the service a role has: everyone has a home page, a
 * dashboard (a council's is its own council's) and the register of
 * homes; the children's pages are for the roles that see children
 * (docs/access.md).  The pages decide what is in them, this only links.
 */
static void nav_items(struct request *req, struct response *res,
		      const struct web_session *ws)
{
	enum role r = ws->user.role;
	char dash[64] = "/dashboard";

	if ((r == ROLE_COUNCIL_SOCIAL_WORKER || r == ROLE_COUNCIL_PLACEMENTS) &&
	    ws->org.la[0])
		snprintf(dash, sizeof(dash), "/dashboard/council/%s",
			 ws->org.la);
	nav_item(req, res, "/home", "/home", "Home", "Hafan");
	nav_item(req, res, dash, "/dashboard", "Dashboard", "Dangosfwrdd");
	nav_item(req, res, "/homes", "/homes", "Homes", "Cartrefi");
	if (r != ROLE_ANALYST && r != ROLE_ADMIN)
		nav_item(req, res, "/children", "/children", "Children",
			 "Plant");
	/* the roles whose organisations receive alerts (docs/alerts.md);
	 * a health board's analysts, those on recommendations addressed to
	 * the board */
	if ((r != ROLE_ANALYST && r != ROLE_ADMIN) ||
	    (r == ROLE_ANALYST && ws->org.kind == ORG_HEALTH_BOARD))
		nav_item(req, res, "/alerts", "/alerts", "Alerts",
			 "Rhybuddion");
	/* the register names no child: every role but admin reads it
	 * (quality_may(), Q_READ_RECS) */
	if (r != ROLE_ADMIN)
		nav_item(req, res, "/recommendations", "/recommendations",
			 "Recommendations", "Argymhellion");
	if (r == ROLE_ADMIN)
		nav_item(req, res, "/admin/users", "/admin", "Users",
			 "Defnyddwyr");
}

/*
 * For someone signed in: GOV.UK Frontend's service navigation with the
 * home page, who is signed in (name and organisation) and a sign-out
 * button.  Signing out changes state, so it is a POST form with the
 * session's CSRF token, never a link.
 */
static void account_bar(struct request *req, struct response *res,
			const struct web_session *ws)
{
	const char *org = req->lang[0] == 'c' && ws->org.name_cy[0] ?
			  ws->org.name_cy : ws->org.name_en;

	res_markup(res, "<section class=\"govuk-service-navigation\" "
		   "aria-label=\"");
	res_attr(res, tr(req, "Service information", "Gwybodaeth am y "
			 "gwasanaeth"));
	res_markup(res, "\">\n<div class=\"govuk-width-container\">\n"
		   "<div class=\"govuk-service-navigation__container "
		   "cartref-account\">\n<nav aria-label=\"");
	res_attr(res, tr(req, "Menu", "Dewislen"));
	res_markup(res, "\" class=\"govuk-service-navigation__wrapper\">\n"
		   "<ul class=\"govuk-service-navigation__list\">\n");
	nav_items(req, res, ws);
	res_markup(res, "</ul>\n</nav>\n"
		   "<div class=\"cartref-account__user\">\n"
		   "<p class=\"govuk-body-s cartref-account__who\">");
	res_text(res, tr(req, "Signed in as ", "Wedi mewngofnodi fel "));
	res_markup(res, "<strong>");
	res_text(res, ws->user.name);
	res_markup(res, "</strong>, ");
	res_text(res, org);
	res_markup(res, "</p>\n<form method=\"post\" action=\"/sign-out\" "
		   "class=\"cartref-account__form\" novalidate>\n");
	web_csrf_field(req, res);
	res_markup(res, "<button type=\"submit\" class=\"govuk-button "
		   "govuk-button--secondary cartref-account__button\" "
		   "data-module=\"govuk-button\">");
	res_text(res, tr(req, "Sign out", "Allgofnodi"));
	res_markup(res, "</button>\n</form>\n</div>\n</div>\n</div>\n"
		   "</section>\n");
}

/*
 * GOV.UK Frontend's phase banner.  A demonstration (serve --demo) says
 * that its children are made up; a real deployment must never say so,
 * and shows Beta with a link to give feedback (/help#feedback) instead.
 */
static void phase_banner(struct request *req, struct response *res)
{
	bool demo = web_demo(req);

	res_markup(res, "<div class=\"govuk-phase-banner\">\n"
		   "<p class=\"govuk-phase-banner__content\">"
		   "<strong class=\"govuk-tag govuk-phase-banner__content__tag\">");
	res_text(res, demo ? tr(req, "Demo", "Arddangosiad") : "Beta");
	res_markup(res, "</strong> <span class=\"govuk-phase-banner__text\">");
	if (demo) {
		res_text(res, tr(req,
				 "This is a demonstration: every child in it "
				 "is made up.",
				 "Gwasanaeth arddangos yw hwn: mae pob plentyn "
				 "ynddo wedi\xe2\x80\x99i greu."));
	} else {
		res_text(res, tr(req, "This is a new service. Your ",
				 "Mae hwn yn wasanaeth newydd. Bydd eich "));
		res_markup(res, "<a class=\"govuk-link\" href=\"/help#feedback\">");
		res_text(res, tr(req, "feedback", "adborth"));
		res_markup(res, "</a> ");
		res_text(res, tr(req, "will help us to improve it.",
				 "yn ein helpu i\xe2\x80\x99w wella."));
	}
	res_markup(res, "</span></p>\n</div>\n");
}

void layout_start(struct request *req, struct response *res,
		  const char *title)
{
	const struct web_session *ws = web_session(req);

	res_markup(res, "<!DOCTYPE html>\n<html lang=\"");
	res_attr(res, req->lang);
	res_markup(res, "\" class=\"govuk-template\">\n<head>\n"
		   "<meta charset=\"utf-8\">\n<title>");
	res_text(res, title);
	res_markup(res, " \xe2\x80\x93 cartref</title>\n"
		   "<meta name=\"viewport\" content=\"width=device-width, "
		   "initial-scale=1, viewport-fit=cover\">\n"
		   "<meta name=\"theme-color\" content=\"#1d70b8\">\n"
		   "<meta name=\"robots\" content=\"noindex, nofollow\">\n"
		   "<link rel=\"icon\" type=\"image/svg+xml\" href=\"");
	asset_link(req, res, "/assets/favicon.svg");
	res_markup(res, "\">\n<link rel=\"stylesheet\" href=\"");
	asset_link(req, res, "/assets/govuk-frontend.min.css");
	res_markup(res, "\">\n<link rel=\"stylesheet\" href=\"");
	asset_link(req, res, "/assets/cartref.css");
	res_markup(res, "\">\n</head>\n<body class=\"govuk-template__body\">\n"
		   "<a href=\"#main-content\" class=\"govuk-skip-link\">");
	res_text(res, tr(req, "Skip to main content",
			 "Neidio i\xe2\x80\x99r prif gynnwys"));
	res_markup(res, "</a>\n<header class=\"govuk-template__header\">\n"
		   "<div class=\"govuk-generic-header\">\n"
		   "<div class=\"govuk-generic-header__container "
		   "govuk-width-container\">\n"
		   "<div class=\"govuk-generic-header__logo\">\n"
		   "<a href=\"/\" class=\"govuk-generic-header__homepage-link\">"
		   "cartref</a>\n</div>\n</div>\n</div>\n</header>\n");
	if (ws && !ws->api)
		account_bar(req, res, ws);
	res_markup(res, "<div class=\"govuk-width-container\">\n");
	phase_banner(req, res);
	language_switch(req, res);
	res_markup(res, "<main class=\"govuk-main-wrapper\" id=\"main-content\">\n");
}

/* The service pages (page-service.c), linked from every page's footer. */
static const struct {
	const char *href, *en, *cy;
} footer_links[] = {
	{ "/help", "Help and contact", "Help a chysylltu" },
	{ "/accessibility", "Accessibility statement",
	  "Datganiad hygyrchedd" },
	{ "/privacy", "Privacy", "Preifatrwydd" },
	{ "/cookies", "Cookies", "Cwcis" },
};

void layout_end(struct request *req, struct response *res)
{
	res_markup(res, "</main>\n</div>\n<footer class=\"govuk-template__footer\">\n"
		   "<div class=\"govuk-footer\">\n<div class=\"govuk-width-container\">\n"
		   "<div class=\"govuk-footer__meta\">\n"
		   "<div class=\"govuk-footer__meta-item govuk-footer__meta-item--grow\">\n"
		   "<h2 class=\"govuk-visually-hidden\">");
	res_text(res, tr(req, "Support links", "Dolenni cymorth"));
	res_markup(res, "</h2>\n<ul class=\"govuk-footer__inline-list\">\n");
	for (size_t i = 0; i < ARRAY_SIZE(footer_links); i++) {
		res_markup(res, "<li class=\"govuk-footer__inline-list-item\">"
			   "<a class=\"govuk-footer__link\" href=\"");
		res_url_path(res, footer_links[i].href);
		res_markup(res, "\">");
		res_text(res, tr(req, footer_links[i].en, footer_links[i].cy));
		res_markup(res, "</a></li>\n");
	}
	res_markup(res, "</ul>\n<div class=\"govuk-footer__meta-custom\">");
	res_text(res, tr(req, "This service is run by ",
			 "Rhedir y gwasanaeth hwn gan "));
	res_text(res, web_operator(req));
	res_markup(res, ".</div>\n<span class=\"govuk-footer__licence-description\">");
	if (req->lang[0] == 'c')
		res_markup(res, "Mae\xe2\x80\x99r holl gynnwys ar gael o dan y "
			   "<a class=\"govuk-footer__link\" href=\"https://www."
			   "nationalarchives.gov.uk/doc/open-government-licence-"
			   "cymraeg/version/3/\" rel=\"license\">Drwydded "
			   "Llywodraeth Agored v3.0</a>, oni nodir yn wahanol");
	else
		res_markup(res, "All content is available under the "
			   "<a class=\"govuk-footer__link\" href=\"https://www."
			   "nationalarchives.gov.uk/doc/open-government-licence/"
			   "version/3/\" rel=\"license\">Open Government Licence "
			   "v3.0</a>, except where otherwise stated");
	res_markup(res, "</span>\n</div>\n<div class=\"govuk-footer__meta-item\">"
		   "<a class=\"govuk-footer__link\" href=\"https://www."
		   "nationalarchives.gov.uk/information-management/re-using-"
		   "public-sector-information/uk-government-licensing-framework/"
		   "crown-copyright/\">");
	res_text(res, tr(req, "\xc2\xa9 Crown copyright",
			 "\xc2\xa9 Hawlfraint y Goron"));
	res_markup(res, "</a></div>\n</div>\n</div>\n</div>\n</footer>\n"
		   "</body>\n</html>\n");
}

void res_html_page(struct request *req, struct response *res,
		   const char *title, res_page_fn *body, void *ctx)
{
	res->content_type = "text/html; charset=utf-8";
	layout_start(req, res, title);
	body(req, res, ctx);
	layout_end(req, res);
}
