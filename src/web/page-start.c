/*
 * page-start.c: GET /, the start page: what cartref is and what it is
 * for, in English and Welsh, and the way in (sign in).  Someone already
 * signed in goes straight to their home page.  Only a demonstration
 * (serve --demo) says that its children are made up.  Nothing here
 * reads the store (the auth hook has already looked at the session
 * cookie).
 */
#include "base/compat.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/session.h"

struct start_text {
	const char *title;
	const char *lead;
	const char *use;
	const char *items[3];
	const char *data;
	const char *demo;
	const char *sign_in;
	const char *help;
	const char *help_link;
	const char *api;
};

static const struct start_text start_en = {
	"Monitor children\xe2\x80\x99s residential care in Wales",
	"cartref (Welsh for home) brings together the register of "
	"children\xe2\x80\x99s homes in Wales, the children looked after by "
	"councils and their placements, and the figures of Care Inspectorate "
	"Wales\xe2\x80\x99 National Review of Care Homes for Children, and "
	"keeps them up to date.",
	"Use this service to:",
	{
		"see how many places children\xe2\x80\x99s homes have and how "
		"many are used",
		"follow placement moves, missing episodes and how far children "
		"live from home",
		"read the review\xe2\x80\x99s figures for Wales, each council "
		"and each home",
	},
	"Councils send their SSDA903 returns; cartref checks every row and "
	"keeps the data in one place, so the figures are always current.",
	"This is a demonstration. Every child in it is made up: it holds no "
	"real child\xe2\x80\x99s information.",
	"Sign in",
	"To get an account, or for help, see",
	"help and contact",
	"For developers: the JSON API starts at",
};

static const struct start_text start_cy = {
	"Monitro gofal preswyl i blant yng Nghymru",
	"Mae cartref yn dod \xc3\xa2 chofrestr cartrefi plant Cymru, y plant "
	"sy\xe2\x80\x99n derbyn gofal gan gynghorau a\xe2\x80\x99u lleoliadau, "
	"a ffigurau Adolygiad Cenedlaethol Arolygiaeth Gofal Cymru o Gartrefi "
	"Gofal i Blant at ei gilydd, ac yn eu cadw\xe2\x80\x99n gyfredol.",
	"Defnyddiwch y gwasanaeth hwn i:",
	{
		"weld faint o leoedd sydd gan gartrefi plant a faint sy\xe2\x80"
		"\x99n cael eu defnyddio",
		"dilyn symudiadau lleoliad, cyfnodau mynd ar goll a pha mor bell "
		"y mae plant yn byw o\xe2\x80\x99u cartref",
		"darllen ffigurau\xe2\x80\x99r adolygiad ar gyfer Cymru, pob "
		"cyngor a phob cartref",
	},
	"Mae cynghorau yn anfon eu ffurflenni SSDA903; mae cartref yn "
	"gwirio pob rhes ac yn cadw\xe2\x80\x99r data mewn un lle, felly "
	"mae\xe2\x80\x99r ffigurau bob amser yn gyfredol.",
	"Gwasanaeth arddangos yw hwn. Mae pob plentyn ynddo wedi\xe2\x80\x99i "
	"greu: nid oes ynddo wybodaeth am unrhyw blentyn go iawn.",
	"Mewngofnodi",
	"I gael cyfrif, neu am help, gweler",
	"help a chysylltu",
	"I ddatblygwyr: mae\xe2\x80\x99r API JSON yn dechrau yn",
};

static void start_body(struct request *req, struct response *res, void *ctx)
{
	const struct start_text *t = ctx;

	res_markup(res, "<div class=\"govuk-grid-row\">\n"
		   "<div class=\"govuk-grid-column-two-thirds\">\n"
		   "<h1 class=\"govuk-heading-xl\">");
	res_text(res, t->title);
	res_markup(res, "</h1>\n<p class=\"govuk-body-l\">");
	res_text(res, t->lead);
	res_markup(res, "</p>\n<p class=\"govuk-body\">");
	res_text(res, t->use);
	res_markup(res, "</p>\n<ul class=\"govuk-list govuk-list--bullet\">\n");
	for (size_t i = 0; i < ARRAY_SIZE(t->items); i++) {
		res_markup(res, "<li>");
		res_text(res, t->items[i]);
		res_markup(res, "</li>\n");
	}
	res_markup(res, "</ul>\n<p class=\"govuk-body\">");
	res_text(res, t->data);
	res_markup(res, "</p>\n");
	if (web_demo(req)) {
		res_markup(res, "<div class=\"govuk-inset-text\">");
		res_text(res, t->demo);
		res_markup(res, "</div>\n");
	}
	res_markup(res, "<a href=\"/sign-in\" role=\"button\" "
		   "draggable=\"false\" class=\"govuk-button "
		   "govuk-button--start\" data-module=\"govuk-button\">");
	res_text(res, t->sign_in);
	res_markup(res, "\n<svg class=\"govuk-button__start-icon\" "
		   "xmlns=\"http://www.w3.org/2000/svg\" width=\"17.5\" "
		   "height=\"19\" viewBox=\"0 0 33 40\" aria-hidden=\"true\" "
		   "focusable=\"false\"><path fill=\"currentColor\" "
		   "d=\"M0 0h13l20 20-20 20H0l20-20z\"/></svg></a>\n"
		   "<p class=\"govuk-body\">");
	res_text(res, t->help);
	res_markup(res, " <a class=\"govuk-link\" href=\"/help\">");
	res_text(res, t->help_link);
	res_markup(res, "</a>.</p>\n<p class=\"govuk-body\">");
	res_text(res, t->api);
	res_markup(res, " <a class=\"govuk-link\" href=\"/api/v1/ping\">"
		   "/api/v1/ping</a>.</p>\n</div>\n</div>\n");
}

void page_start(struct request *req, struct response *res)
{
	const struct start_text *t = req->lang[0] == 'c' ? &start_cy : &start_en;

	if (web_session(req)) {
		res_redirect(res, "/home");
		return;
	}
	res_html_page(req, res, t->title, start_body, (void *)t);
}
