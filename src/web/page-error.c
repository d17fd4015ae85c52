/*
 * page-error.c: the friendly error pages, in English and Welsh.
 *
 * They follow the GOV.UK pattern for error pages: a heading that says
 * what happened in the reader's terms, what they can do next, and a way
 * back.  They never show the path asked for, an error message, a code
 * location or anything else about the inside of the service; the cause
 * goes to the server's log at most.
 */
#include "base/compat.h"
#include "web/layout.h"
#include "web/pages.h"

struct error_text {
	int status;
	const char *title[2];	/* en, cy */
	const char *body[2][2];	/* up to two paragraphs per language */
};

#define RQ "\xe2\x80\x99"	/* right single quotation mark */

static const struct error_text errors[] = {
	{ 400,
	  { "Sorry, there is a problem with the request",
	    "Mae" RQ "n ddrwg gennym, mae problem gyda" RQ "r cais" },
	  { { "Check the web address, or go back and try again.", NULL },
	    { "Gwiriwch y cyfeiriad gwe, neu ewch yn " "\xc3\xb4" "l a rhowch "
	      "gynnig arall arni.", NULL } } },
	{ 401,
	  { "Sign in to see this page",
	    "Mewngofnodwch i weld y dudalen hon" },
	  { { "You need to sign in before you can use this page.", NULL },
	    { "Mae angen i chi fewngofnodi cyn y gallwch ddefnyddio" RQ "r "
	      "dudalen hon.", NULL } } },
	{ 403,
	  { "You do not have permission to see this page",
	    "Nid oes gennych ganiat" "\xc3\xa2" "d i weld y dudalen hon" },
	  { { "If you think you should, ask the person who manages your "
	      "account.", NULL },
	    { "Os ydych yn credu y dylech, gofynnwch i" RQ "r person sy" RQ "n "
	      "rheoli eich cyfrif.", NULL } } },
	{ 404,
	  { "Page not found",
	    "Heb ddod o hyd i" RQ "r dudalen" },
	  { { "If you typed the web address, check it is correct.",
	      "If you pasted the web address, check you copied the entire "
	      "address." },
	    { "Os gwnaethoch deipio" RQ "r cyfeiriad gwe, gwiriwch ei fod yn "
	      "gywir.",
	      "Os gwnaethoch ludo" RQ "r cyfeiriad gwe, gwiriwch eich bod wedi "
	      "cop" "\xc3\xaf" "o" RQ "r cyfeiriad cyfan." } } },
	{ 405,
	  { "This page cannot be used in that way",
	    "Ni ellir defnyddio" RQ "r dudalen hon yn y ffordd honno" },
	  { { "Go back and use the links and buttons on the page.", NULL },
	    { "Ewch yn " "\xc3\xb4" "l a defnyddiwch y dolenni a" RQ "r "
	      "botymau ar y dudalen.", NULL } } },
	{ 413,
	  { "What you sent is too large",
	    "Mae" RQ "r hyn a anfonwyd gennych yn rhy fawr" },
	  { { "Go back and try sending less at once.", NULL },
	    { "Ewch yn " "\xc3\xb4" "l a rhowch gynnig ar anfon llai ar y tro.",
	      NULL } } },
	{ 414,
	  { "The web address is too long",
	    "Mae" RQ "r cyfeiriad gwe yn rhy hir" },
	  { { "Check the web address, or go to the start page.", NULL },
	    { "Gwiriwch y cyfeiriad gwe, neu ewch i" RQ "r dudalen gychwyn.",
	      NULL } } },
	{ 415,
	  { "This type of content is not accepted",
	    "Ni dderbynnir y math hwn o gynnwys" },
	  { { "Go back and use the form on the page.", NULL },
	    { "Ewch yn " "\xc3\xb4" "l a defnyddiwch y ffurflen ar y dudalen.",
	      NULL } } },
	{ 429,
	  { "Too many attempts",
	    "Gormod o ymdrechion" },
	  { { "Wait 15 minutes, then try again.", NULL },
	    { "Arhoswch 15 munud, yna rhowch gynnig arall arni.", NULL } } },
	{ 503,
	  { "Sorry, the service is busy",
	    "Mae" RQ "n ddrwg gennym, mae" RQ "r gwasanaeth yn brysur" },
	  { { "Try again in a minute.", NULL },
	    { "Rhowch gynnig arall arni ymhen munud.", NULL } } },
	/* last: anything else reads as this */
	{ 500,
	  { "Sorry, there is a problem with the service",
	    "Mae" RQ "n ddrwg gennym, mae problem gyda" RQ "r gwasanaeth" },
	  { { "Try again later.", NULL },
	    { "Rhowch gynnig arall arni yn nes ymlaen.", NULL } } },
};

void page_error(struct request *req, struct response *res, int status)
{
	const struct error_text *e = &errors[ARRAY_SIZE(errors) - 1];
	int l = req->lang[0] == 'c';

	for (size_t i = 0; i < ARRAY_SIZE(errors); i++)
		if (errors[i].status == status)
			e = &errors[i];
	layout_start(req, res, e->title[l]);
	res_markup(res, "<div class=\"govuk-grid-row\">\n"
		   "<div class=\"govuk-grid-column-two-thirds\">\n"
		   "<h1 class=\"govuk-heading-l\">");
	res_text(res, e->title[l]);
	res_markup(res, "</h1>\n");
	for (int p = 0; p < 2 && e->body[l][p]; p++) {
		res_markup(res, "<p class=\"govuk-body\">");
		res_text(res, e->body[l][p]);
		res_markup(res, "</p>\n");
	}
	res_markup(res, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/\">");
	res_text(res, tr(req, "Go to the start page",
			 "Ewch i" RQ "r dudalen gychwyn"));
	res_markup(res, "</a></p>\n</div>\n</div>\n");
	layout_end(req, res);
}
