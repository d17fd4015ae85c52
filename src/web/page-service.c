/*
 * page-service.c: the service pages every page's footer links to, public
 * (no sign-in) and in English and Welsh:
 *
 *   GET /help           help and contact: a child in danger (999),
 *                       getting access, reporting a problem, feedback
 *   GET /accessibility  the accessibility statement, after the UK public
 *                       sector model statement (WCAG 2.2 AA)
 *   GET /privacy        the privacy notice: controller, data, lawful
 *                       bases, who sees what, audit, retention, rights
 *   GET /cookies        the cookies cartref sets (all strictly necessary)
 *
 * The text is a table of blocks per page (headings, paragraphs, list
 * items), each in both languages, written by one function.  Inside a
 * block's text, {operator} and {email} are who runs this deployment and
 * where to write (serve --operator, --contact-email: layout.h), {idle},
 * {session} and {signin} the session's and the sign-in cookie's limits
 * from the constants that enforce them (auth.h, session.h), {date} the
 * day these texts were last reviewed, and [words](href) a link.  The
 * texts are constants of this file; everything goes out through the
 * escaping sinks all the same.
 */
#include "base/compat.h"
#include "base/parse.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/parts.h"
#include "web/session.h"

#define RQ "\xe2\x80\x99"	/* right single quotation mark */

/*
 * The day the statement and notices were prepared and last reviewed
 * (the accessibility regulations ask for it).  Change it whenever the
 * texts below are reviewed.
 */
#define SERVICE_REVIEWED_Y 2026
#define SERVICE_REVIEWED_M 12
#define SERVICE_REVIEWED_D 7

enum kind {
	K_LEAD,		/* the page's opening paragraph (govuk-body-l) */
	K_H2,
	K_H3,
	K_P,
	K_LI,		/* a bullet; consecutive ones make one list */
	K_WARN,		/* GOV.UK warning text */
};

struct block {
	enum kind kind;
	const char *id;		/* an anchor for the heading, or NULL */
	const char *en, *cy;
};

#define LEAD(en, cy) { K_LEAD, NULL, en, cy }
#define H2(en, cy) { K_H2, NULL, en, cy }
#define H2_ID(id, en, cy) { K_H2, id, en, cy }
#define H3(en, cy) { K_H3, NULL, en, cy }
#define P(en, cy) { K_P, NULL, en, cy }
#define LI(en, cy) { K_LI, NULL, en, cy }
#define WARN(en, cy) { K_WARN, NULL, en, cy }

/* ---- writing a block's text --------------------------------------------- */

/* n bytes of s as text. */
static void text_n(struct response *res, const char *s, size_t n)
{
	char chunk[256];

	while (n) {
		size_t k = n < sizeof(chunk) - 1 ? n : sizeof(chunk) - 1;

		memcpy(chunk, s, k);
		chunk[k] = '\0';
		res_text(res, chunk);
		s += k;
		n -= k;
	}
}

static void mailto(struct request *req, struct response *res)
{
	const char *email = web_contact_email(req);

	res_markup(res, "<a class=\"govuk-link\" href=\"mailto:");
	res_attr(res, email);
	res_markup(res, "\">");
	res_text(res, email);
	res_markup(res, "</a>");
}

/* {name}: what it stands for; false for a name it does not know. */
static bool token(struct request *req, struct response *res,
		  const char *name, size_t n)
{
	char s[64];

#define IS(lit) (n == sizeof(lit) - 1 && !memcmp(name, lit, n))
	if (IS("operator")) {
		res_text(res, web_operator(req));
	} else if (IS("email")) {
		mailto(req, res);
	} else if (IS("idle")) {
		snprintf(s, sizeof(s), "%lld",
			 (long long)(AUTH_SESSION_IDLE_MS / 60000));
		res_text(res, s);
	} else if (IS("session")) {
		snprintf(s, sizeof(s), "%ld", WEB_SESSION_COOKIE_AGE / 3600);
		res_text(res, s);
	} else if (IS("signin")) {
		snprintf(s, sizeof(s), "%ld", WEB_SIGNIN_COOKIE_AGE / 3600);
		res_text(res, s);
	} else if (IS("date")) {
		part_date(req, res, date_from_ymd(SERVICE_REVIEWED_Y,
						  SERVICE_REVIEWED_M,
						  SERVICE_REVIEWED_D));
	} else {
		return false;
	}
#undef IS
	return true;
}

/*
 * A block's text: plain text with {token}s and [words](href) links.  A
 * '{' or '[' that starts neither is text.
 */
static void rich(struct request *req, struct response *res, const char *s)
{
	while (*s) {
		size_t plain = strcspn(s, "{[");
		const char *close, *mid, *end;

		text_n(res, s, plain);
		s += plain;
		if (!*s)
			break;
		if (*s == '{' && (close = strchr(s, '}')) &&
		    token(req, res, s + 1, (size_t)(close - s - 1))) {
			s = close + 1;
			continue;
		}
		if (*s == '[' && (mid = strstr(s, "](")) &&
		    (end = strchr(mid, ')'))) {
			char href[256];
			size_t hn = (size_t)(end - mid - 2);

			if (hn < sizeof(href)) {
				memcpy(href, mid + 2, hn);
				href[hn] = '\0';
				res_markup(res, "<a class=\"govuk-link\" href=\"");
				res_attr(res, href);
				res_markup(res, "\">");
				text_n(res, s + 1, (size_t)(mid - s - 1));
				res_markup(res, "</a>");
				s = end + 1;
				continue;
			}
		}
		text_n(res, s, 1);
		s++;
	}
}

static void blocks(struct request *req, struct response *res,
		   const struct block *b, size_t n)
{
	bool in_list = false;

	for (size_t i = 0; i < n; i++) {
		const char *t = tr(req, b[i].en, b[i].cy);

		if (in_list && b[i].kind != K_LI) {
			res_markup(res, "</ul>\n");
			in_list = false;
		}
		switch (b[i].kind) {
		case K_LEAD:
			res_markup(res, "<p class=\"govuk-body-l\">");
			rich(req, res, t);
			res_markup(res, "</p>\n");
			break;
		case K_H2:
			res_markup(res, "<h2 class=\"govuk-heading-m\"");
			if (b[i].id) {
				res_markup(res, " id=\"");
				res_attr(res, b[i].id);
				res_markup(res, "\"");
			}
			res_markup(res, ">");
			rich(req, res, t);
			res_markup(res, "</h2>\n");
			break;
		case K_H3:
			res_markup(res, "<h3 class=\"govuk-heading-s\">");
			rich(req, res, t);
			res_markup(res, "</h3>\n");
			break;
		case K_P:
			res_markup(res, "<p class=\"govuk-body\">");
			rich(req, res, t);
			res_markup(res, "</p>\n");
			break;
		case K_LI:
			if (!in_list)
				res_markup(res, "<ul class=\"govuk-list "
					   "govuk-list--bullet\">\n");
			in_list = true;
			res_markup(res, "<li>");
			rich(req, res, t);
			res_markup(res, "</li>\n");
			break;
		case K_WARN:
			part_warning_start(req, res);
			rich(req, res, t);
			part_warning_end(res);
			break;
		}
	}
	if (in_list)
		res_markup(res, "</ul>\n");
}

struct service_page {
	const char *title_en, *title_cy;
	const struct block *b;
	size_t n;
	/* writes what goes after block `at` (the cookies table), or NULL */
	void (*extra)(struct request *req, struct response *res);
	size_t at;
};

static void service_body(struct request *req, struct response *res,
			 void *ctx)
{
	const struct service_page *p = ctx;
	size_t at = p->extra ? p->at : p->n;

	res_markup(res, "<div class=\"govuk-grid-row\">\n"
		   "<div class=\"govuk-grid-column-two-thirds-from-desktop\">\n"
		   "<h1 class=\"govuk-heading-l\">");
	res_text(res, tr(req, p->title_en, p->title_cy));
	res_markup(res, "</h1>\n");
	blocks(req, res, p->b, at);
	if (p->extra) {
		p->extra(req, res);
		blocks(req, res, p->b + at, p->n - at);
	}
	res_markup(res, "</div>\n</div>\n");
}

static void service_page(struct request *req, struct response *res,
			 const struct service_page *p)
{
	res_html_page(req, res, tr(req, p->title_en, p->title_cy),
		      service_body, (void *)p);
}

/* ---- GET /help ------------------------------------------------------------ */

static const struct block help[] = {
	WARN("If a child is in immediate danger, call 999.",
	     "Os yw plentyn mewn perygl uniongyrchol, ffoniwch 999."),
	H2("Worried about a child", "Yn poeni am blentyn"),
	P("If you are worried about a child who is not in immediate danger, "
	  "contact the child" RQ "s social worker or the children" RQ "s services of "
	  "the council where the child lives. To tell the police that a child "
	  "is missing, call 999 if the child is at risk of harm, otherwise "
	  "101.",
	  "Os ydych yn poeni am blentyn nad yw mewn perygl uniongyrchol, "
	  "cysylltwch \xc3\xa2 gweithiwr cymdeithasol y plentyn neu \xc3\xa2 gwasanaethau "
	  "plant y cyngor lle mae" RQ "r plentyn yn byw. I roi gwybod i" RQ "r heddlu "
	  "bod plentyn ar goll, ffoniwch 999 os oes risg y caiff y plentyn "
	  "niwed, neu 101 fel arall."),
	P("cartref is not an emergency service: nobody watches it day and "
	  "night. Do not rely on it alone to tell anyone about a child at "
	  "risk.",
	  "Nid gwasanaeth brys yw cartref: nid oes neb yn ei wylio ddydd a "
	  "nos. Peidiwch \xc3\xa2 dibynnu arno yn unig i roi gwybod i unrhyw un am "
	  "blentyn sydd mewn perygl."),
	H2("Getting access", "Cael mynediad"),
	P("cartref is for staff of Care Inspectorate Wales, councils, "
	  "children" RQ "s home providers, police forces and health boards in "
	  "Wales. The person who manages cartref accounts in your "
	  "organisation can give you one. If you do not know who that is, "
	  "email {email} and say which organisation you work for and what "
	  "you need to do.",
	  "Mae cartref ar gyfer staff Arolygiaeth Gofal Cymru, cynghorau, "
	  "darparwyr cartrefi plant, heddluoedd a byrddau iechyd yng "
	  "Nghymru. Gall y person sy" RQ "n rheoli cyfrifon cartref yn eich "
	  "sefydliad roi cyfrif i chi. Os nad ydych yn gwybod pwy yw hwnnw, "
	  "anfonwch e-bost at {email} gan ddweud i ba sefydliad rydych yn "
	  "gweithio a beth sydd angen i chi ei wneud."),
	P("If you have forgotten your password, ask the person who manages "
	  "your account to reset it. After too many attempts to sign in, "
	  "wait 15 minutes before you try again.",
	  "Os ydych wedi anghofio eich cyfrinair, gofynnwch i" RQ "r person sy" RQ "n "
	  "rheoli eich cyfrif ei ailosod. Ar \xc3\xb4l gormod o ymdrechion i "
	  "fewngofnodi, arhoswch 15 munud cyn rhoi cynnig arall arni."),
	P("You are signed out after {idle} minutes without using the "
	  "service, and {session} hours after you signed in. Anything you "
	  "had typed but not saved is lost.",
	  "Cewch eich allgofnodi ar \xc3\xb4l {idle} munud heb ddefnyddio" RQ "r "
	  "gwasanaeth, a {session} awr ar \xc3\xb4l i chi fewngofnodi. Bydd "
	  "unrhyw beth yr oeddech wedi" RQ "i deipio heb ei gadw yn cael ei "
	  "golli."),
	H2("Report a problem", "Rhoi gwybod am broblem"),
	P("If something does not work, or a figure or a record looks wrong, "
	  "email {email}. Say what you were doing, the address of the page "
	  "(from your browser" RQ "s address bar) and when it happened.",
	  "Os nad yw rhywbeth yn gweithio, neu os yw ffigur neu gofnod yn "
	  "edrych yn anghywir, anfonwch e-bost at {email}. Dywedwch beth "
	  "oeddech yn ei wneud, cyfeiriad y dudalen (o far cyfeiriad eich "
	  "porwr) a phryd y digwyddodd."),
	P("Do not put a child" RQ "s name or other details in an email: the "
	  "address of the page is enough for us to find the record.",
	  "Peidiwch \xc3\xa2 rhoi enw plentyn na manylion eraill mewn e-bost: mae "
	  "cyfeiriad y dudalen yn ddigon i ni ddod o hyd i" RQ "r cofnod."),
	P("Children" RQ "s records come from councils" RQ " returns and from the "
	  "organisations that use cartref. To correct one, contact the "
	  "council or organisation that recorded it.",
	  "Daw cofnodion plant o ffurflenni" RQ "r cynghorau ac o" RQ "r sefydliadau "
	  "sy" RQ "n defnyddio cartref. I gywiro un, cysylltwch \xc3\xa2" RQ "r cyngor neu" RQ "r "
	  "sefydliad a" RQ "i cofnododd."),
	H2_ID("feedback", "Give feedback", "Rhoi adborth"),
	P("cartref is a new service and we are improving it. Tell us what "
	  "works, what does not and what you need: email {email}.",
	  "Mae cartref yn wasanaeth newydd ac rydym yn ei wella. Dywedwch "
	  "wrthym beth sy" RQ "n gweithio, beth sydd ddim a beth sydd ei angen "
	  "arnoch: anfonwch e-bost at {email}."),
	H2("Welsh and English", "Cymraeg a Saesneg"),
	P("You can use cartref in Welsh or English: choose Cymraeg or "
	  "English at the top of any page. You can write to us in Welsh or "
	  "English. We will answer in the language you use, and an answer "
	  "in Welsh will not take longer.",
	  "Gallwch ddefnyddio cartref yn Gymraeg neu yn Saesneg: dewiswch "
	  "Cymraeg neu English ar frig unrhyw dudalen. Gallwch ysgrifennu "
	  "atom yn Gymraeg neu yn Saesneg. Byddwn yn ateb yn yr iaith a "
	  "ddefnyddiwch, ac ni fydd ateb yn Gymraeg yn cymryd mwy o amser."),
	H2("Who runs cartref", "Pwy sy" RQ "n rhedeg cartref"),
	P("This service is run by {operator}. How we use personal "
	  "information is in the [privacy notice](/privacy), and how "
	  "accessible the service is in the [accessibility "
	  "statement](/accessibility).",
	  "Rhedir y gwasanaeth hwn gan {operator}. Mae" RQ "r ffordd rydym yn "
	  "defnyddio gwybodaeth bersonol yn yr [hysbysiad "
	  "preifatrwydd](/privacy), ac mae pa mor hygyrch yw" RQ "r gwasanaeth yn "
	  "y [datganiad hygyrchedd](/accessibility)."),
};

static const struct service_page help_page = {
	"Help and contact", "Help a chysylltu", help, ARRAY_SIZE(help),
	NULL, 0,
};

void page_help(struct request *req, struct response *res)
{
	service_page(req, res, &help_page);
}

/* ---- GET /cookies --------------------------------------------------------- */

static const struct block cookies[] = {
	P("Cookies are small files saved on your phone, tablet or computer "
	  "when you visit a website.",
	  "Ffeiliau bach yw cwcis sy" RQ "n cael eu cadw ar eich ff\xc3\xb4n, llechen "
	  "neu gyfrifiadur pan fyddwch yn ymweld \xc3\xa2 gwefan."),
	P("cartref uses only the cookies it needs to work: to keep you "
	  "signed in, to protect the sign-in form and to remember the "
	  "language you chose. It does not use cookies to measure how you "
	  "use the service or for advertising, and it sets no cookies from "
	  "other websites.",
	  "Dim ond y cwcis sydd eu hangen arno i weithio y mae cartref yn eu "
	  "defnyddio: i" RQ "ch cadw wedi mewngofnodi, i ddiogelu" RQ "r ffurflen "
	  "fewngofnodi ac i gofio" RQ "r iaith a ddewisoch. Nid yw" RQ "n defnyddio "
	  "cwcis i fesur sut rydych yn defnyddio" RQ "r gwasanaeth nac i "
	  "hysbysebu, ac nid yw" RQ "n gosod cwcis o wefannau eraill."),
	P("Because these cookies are strictly necessary, we do not need to "
	  "ask for your consent, so there is no cookie banner. If we ever "
	  "add a cookie that is not strictly necessary, we will ask you "
	  "first.",
	  "Gan fod y cwcis hyn yn gwbl angenrheidiol, nid oes angen i ni "
	  "ofyn am eich caniat\xc3\xa2" "d, felly nid oes baner cwcis. Os byddwn byth "
	  "yn ychwanegu cwci nad yw" RQ "n gwbl angenrheidiol, byddwn yn gofyn i "
	  "chi yn gyntaf."),
	H2("Strictly necessary cookies", "Cwcis cwbl angenrheidiol"),
	/* the table goes here (cookies_table) */
	P("They are sent only to cartref, no other website can read them, "
	  "and scripts in a page cannot read them either.",
	  "Dim ond i cartref y c\xc3\xa2nt eu hanfon, ni all unrhyw wefan "
	  "arall eu darllen, ac ni all sgriptiau mewn tudalen eu darllen "
	  "chwaith."),
};

static const struct block cookie_rows[] = {
	/* WEB_SESSION_COOKIE */
	P("Keeps you signed in: a random code that tells cartref which "
	  "session is yours. It holds nothing about you.",
	  "Yn eich cadw wedi mewngofnodi: cod ar hap sy" RQ "n dweud wrth "
	  "cartref pa sesiwn sy" RQ "n perthyn i chi. Nid yw" RQ "n cynnwys dim "
	  "amdanoch chi."),
	P("When you sign out, or {session} hours after you signed in at the "
	  "latest (the session ends after {idle} minutes without use)",
	  "Pan fyddwch yn allgofnodi, neu {session} awr ar \xc3\xb4l i chi "
	  "fewngofnodi fan bellaf (daw" RQ "r sesiwn i ben ar \xc3\xb4l {idle} munud "
	  "heb ei defnyddio)"),
	/* WEB_SIGNIN_COOKIE */
	P("Stops another website sending the sign-in form for you: a random "
	  "code the form must match. Deleted when you sign in.",
	  "Yn atal gwefan arall rhag anfon y ffurflen fewngofnodi ar eich "
	  "rhan: cod ar hap y mae" RQ "n rhaid i" RQ "r ffurflen gyfateb iddo. Caiff "
	  "ei ddileu pan fyddwch yn mewngofnodi."),
	P("{signin} hours", "{signin} awr"),
	/* lang (response.c) */
	P("Remembers the language you chose: en for English, cy for Welsh.",
	  "Yn cofio" RQ "r iaith a ddewisoch: cy ar gyfer Cymraeg, en ar gyfer "
	  "Saesneg."),
	P("1 year", "1 flwyddyn"),
};

static void cookie_cell(struct request *req, struct response *res,
			const struct block *b)
{
	res_markup(res, "<td class=\"govuk-table__cell\">");
	rich(req, res, tr(req, b->en, b->cy));
	res_markup(res, "</td>\n");
}

static void cookies_table(struct request *req, struct response *res)
{
	static const char *const names[] = {
		WEB_SESSION_COOKIE, WEB_SIGNIN_COOKIE, "lang",
	};

	part_table_scroll_labelled(res, "cookies-caption");
	res_markup(res, "<table class=\"govuk-table\">\n<caption "
		   "class=\"govuk-table__caption govuk-table__caption--s\" "
		   "id=\"cookies-caption\">");
	res_text(res, tr(req, "The cookies cartref sets",
			 "Y cwcis y mae cartref yn eu gosod"));
	res_markup(res, "</caption>\n<thead class=\"govuk-table__head\">\n"
		   "<tr class=\"govuk-table__row\">\n");
	part_th(res, tr(req, "Name", "Enw"), false);
	part_th(res, tr(req, "Purpose", "Diben"), false);
	part_th(res, tr(req, "Expires", "Yn dod i ben"), false);
	res_markup(res, "</tr>\n</thead>\n<tbody class=\"govuk-table__body\">\n");
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		res_markup(res, "<tr class=\"govuk-table__row\">\n"
			   "<th scope=\"row\" class=\"govuk-table__header\">");
		res_text(res, names[i]);
		res_markup(res, "</th>\n");
		cookie_cell(req, res, &cookie_rows[2 * i]);
		cookie_cell(req, res, &cookie_rows[2 * i + 1]);
		res_markup(res, "</tr>\n");
	}
	res_markup(res, "</tbody>\n</table>\n");
	part_table_scroll_end(res);
}

static const struct service_page cookies_page = {
	"Cookies", "Cwcis", cookies, ARRAY_SIZE(cookies), cookies_table, 4,
};

void page_cookies(struct request *req, struct response *res)
{
	service_page(req, res, &cookies_page);
}

/* ---- GET /privacy --------------------------------------------------------- */

static const struct block privacy[] = {
	LEAD("This notice explains what personal information cartref holds, "
	     "why, who can see it, how long it is kept and what your rights "
	     "are.",
	     "Mae" RQ "r hysbysiad hwn yn egluro pa wybodaeth bersonol y mae "
	     "cartref yn ei chadw, pam, pwy sy" RQ "n gallu ei gweld, am ba hyd y "
	     "caiff ei chadw a beth yw eich hawliau."),
	H2("Who we are", "Pwy ydym ni"),
	P("cartref is run by {operator}, the controller for the personal "
	  "information in it: we decide how it is used and we are "
	  "responsible for protecting it. Each council remains the "
	  "controller of the records it keeps about the children it looks "
	  "after and sends to cartref. An organisation that records "
	  "something in cartref, such as a home reporting a child missing, "
	  "is responsible for what it records.",
	  "Rhedir cartref gan {operator}, y rheolydd ar gyfer y wybodaeth "
	  "bersonol sydd ynddo: ni sy" RQ "n penderfynu sut y caiff ei defnyddio "
	  "a ni sy" RQ "n gyfrifol am ei diogelu. Mae pob cyngor yn parhau" RQ "n "
	  "rheolydd ar y cofnodion y mae" RQ "n eu cadw am y plant y mae" RQ "n "
	  "gofalu amdanynt ac y mae" RQ "n eu hanfon i cartref. Mae sefydliad "
	  "sy" RQ "n cofnodi rhywbeth yn cartref, fel cartref plant sy" RQ "n rhoi "
	  "gwybod bod plentyn ar goll, yn gyfrifol am yr hyn y mae" RQ "n ei "
	  "gofnodi."),
	P("To contact us or our data protection officer, email {email}.",
	  "I gysylltu \xc3\xa2 ni neu \xc3\xa2" RQ "n swyddog diogelu data, anfonwch e-bost at "
	  "{email}."),
	H2("What information we hold", "Pa wybodaeth rydym yn ei chadw"),
	P("About children looked after by councils in Wales, from the "
	  "councils" RQ " SSDA903 returns and from the organisations that use "
	  "cartref:",
	  "Am blant sy" RQ "n derbyn gofal gan gynghorau yng Nghymru, o "
	  "ffurflenni SSDA903 y cynghorau ac o" RQ "r sefydliadau sy" RQ "n "
	  "defnyddio cartref:"),
	LI("the council" RQ "s reference for the child and their unique pupil "
	   "number (not their name), sex, date of birth and ethnicity",
	   "cyfeirnod y cyngor ar gyfer y plentyn a" RQ "i rif disgybl unigryw "
	   "(nid ei enw), rhyw, dyddiad geni ac ethnigrwydd"),
	LI("each placement: where and when, the type of placement, legal "
	   "status, why it started and ended, and postcodes",
	   "pob lleoliad: ble a phryd, y math o leoliad, y statws "
	   "cyfreithiol, pam y dechreuodd ac y daeth i ben, a chodau post"),
	LI("each time the child went missing or was away from their "
	   "placement, and what the home, the police and the council "
	   "recorded about it: circumstances, risk, return interviews and "
	   "strategy meetings",
	   "pob tro yr aeth y plentyn ar goll neu yr oedd i ffwrdd o" RQ "i "
	   "leoliad, a" RQ "r hyn a gofnododd y cartref, yr heddlu a" RQ "r cyngor "
	   "amdano: yr amgylchiadau, y risg, cyfweliadau dychwelyd a "
	   "chyfarfodydd strategaeth"),
	LI("the grab pack a home keeps for the police in case the child "
	   "goes missing: a description, where the photo is kept, health "
	   "needs, associates and places the child may go",
	   "y pecyn cydio y mae cartref yn ei gadw i" RQ "r heddlu rhag ofn i" RQ "r "
	   "plentyn fynd ar goll: disgrifiad, ble mae" RQ "r llun yn cael ei "
	   "gadw, anghenion iechyd, cysylltiadau a lleoedd y gallai" RQ "r "
	   "plentyn fynd iddynt"),
	LI("outcomes such as health checks and education, from the returns",
	   "canlyniadau fel gwiriadau iechyd ac addysg, o" RQ "r ffurflenni"),
	P("Some of this is special category information (ethnicity, health) "
	  "and some is about criminal offences (an arrest or a charge while "
	  "missing), which the law protects more strongly.",
	  "Mae peth o hyn yn wybodaeth categori arbennig (ethnigrwydd, "
	  "iechyd) ac mae peth yn ymwneud \xc3\xa2 throseddau (arestio neu gyhuddo "
	  "tra ar goll), y mae" RQ "r gyfraith yn eu diogelu" RQ "n gryfach."),
	P("About the people who use cartref: name, work email address, "
	  "organisation and role; when you signed in and from which "
	  "internet address; and what you looked at and changed (the audit "
	  "trail, below).",
	  "Am y bobl sy" RQ "n defnyddio cartref: enw, cyfeiriad e-bost gwaith, "
	  "sefydliad a r\xc3\xb4l; pryd y gwnaethoch fewngofnodi ac o ba gyfeiriad "
	  "rhyngrwyd; a" RQ "r hyn y gwnaethoch edrych arno a" RQ "i newid (y "
	  "trywydd archwilio, isod)."),
	P("The register of children" RQ "s homes (names, providers and places) "
	  "is public information.",
	  "Mae" RQ "r gofrestr o gartrefi plant (enwau, darparwyr a lleoedd) yn "
	  "wybodaeth gyhoeddus."),
	H2("Why we hold it and our lawful basis",
	   "Pam rydym yn ei chadw a" RQ "n sail gyfreithlon"),
	P("cartref helps councils, children" RQ "s homes, the police and Care "
	  "Inspectorate Wales keep children in residential care safe, and "
	  "shows how well residential care in Wales meets their needs.",
	  "Mae cartref yn helpu cynghorau, cartrefi plant, yr heddlu ac "
	  "Arolygiaeth Gofal Cymru i gadw plant mewn gofal preswyl yn "
	  "ddiogel, ac yn dangos pa mor dda y mae gofal preswyl yng Nghymru "
	  "yn diwallu eu hanghenion."),
	P("We use the information to carry out tasks in the public interest "
	  "and official functions set out in law (UK GDPR Article 6(1)(e)): "
	  "councils" RQ " duties to the children they look after under the "
	  "Social Services and Well-being (Wales) Act 2014, and the "
	  "regulation and inspection of children" RQ "s homes under the "
	  "Regulation and Inspection of Social Care (Wales) Act 2016.",
	  "Rydym yn defnyddio" RQ "r wybodaeth i gyflawni tasgau er budd y "
	  "cyhoedd a swyddogaethau swyddogol a osodir yn y gyfraith "
	  "(Erthygl 6(1)(e) GDPR y DU): dyletswyddau cynghorau i" RQ "r plant y "
	  "maent yn gofalu amdanynt o dan Ddeddf Gwasanaethau Cymdeithasol "
	  "a Llesiant (Cymru) 2014, a rheoleiddio ac arolygu cartrefi plant "
	  "o dan Ddeddf Rheoleiddio ac Arolygu Gofal Cymdeithasol (Cymru) "
	  "2016."),
	P("For special category information we rely on Article 9(2)(h) "
	  "(providing and managing social care) and Article 9(2)(g) "
	  "(substantial public interest: safeguarding children), with the "
	  "conditions of the Data Protection Act 2018, Schedule 1: "
	  "paragraph 2 (health or social care), paragraph 6 (statutory "
	  "purposes) and paragraph 18 (safeguarding of children and of "
	  "individuals at risk). The same conditions cover information "
	  "about criminal offences (Article 10).",
	  "Ar gyfer gwybodaeth categori arbennig rydym yn dibynnu ar "
	  "Erthygl 9(2)(h) (darparu a rheoli gofal cymdeithasol) ac "
	  "Erthygl 9(2)(g) (budd sylweddol i" RQ "r cyhoedd: diogelu plant), "
	  "gydag amodau Atodlen 1 i Ddeddf Diogelu Data 2018: paragraff 2 "
	  "(iechyd neu ofal cymdeithasol), paragraff 6 (dibenion statudol) "
	  "a pharagraff 18 (diogelu plant ac unigolion sy" RQ "n wynebu risg). "
	  "Mae" RQ "r un amodau yn cwmpasu gwybodaeth am droseddau (Erthygl 10)."),
	P("Information about the people who use cartref is used to run the "
	  "service securely and to show who did what (also Article "
	  "6(1)(e)).",
	  "Defnyddir gwybodaeth am y bobl sy" RQ "n defnyddio cartref i redeg y "
	  "gwasanaeth yn ddiogel ac i ddangos pwy wnaeth beth (Erthygl "
	  "6(1)(e) hefyd)."),
	P("No decision about anyone is made by a computer alone: cartref" RQ "s "
	  "alerts tell a person that something may need doing, and a person "
	  "decides.",
	  "Nid oes unrhyw benderfyniad am unrhyw un yn cael ei wneud gan "
	  "gyfrifiadur yn unig: mae rhybuddion cartref yn dweud wrth berson "
	  "y gallai fod angen gwneud rhywbeth, a pherson sy" RQ "n penderfynu."),
	H2("Who can see it", "Pwy sy" RQ "n gallu ei gweld"),
	P("Each organisation sees only what its work needs, and cartref "
	  "checks this every time anyone reads a record:",
	  "Mae pob sefydliad yn gweld dim ond yr hyn sydd ei angen ar gyfer "
	  "ei waith, ac mae cartref yn gwirio hyn bob tro y bydd unrhyw un "
	  "yn darllen cofnod:"),
	LI("a council: the children it looks after",
	   "cyngor: y plant y mae" RQ "n gofalu amdanynt"),
	LI("a children" RQ "s home provider: the children placed in its homes, "
	   "while they are there and for 90 days after they leave, and only "
	   "their time with it",
	   "darparwr cartref plant: y plant sydd wedi" RQ "u lleoli yn ei "
	   "gartrefi, tra byddant yno ac am 90 diwrnod ar \xc3\xb4l iddynt adael, a "
	   "dim ond eu hamser gydag ef"),
	LI("a police force: children missing now from a placement in its "
	   "area, while they are missing, and their grab pack",
	   "heddlu: plant sydd ar goll nawr o leoliad yn ei ardal, tra "
	   "byddant ar goll, a" RQ "u pecyn cydio"),
	LI("Care Inspectorate Wales: children placed in registered "
	   "children" RQ "s homes, to inspect and regulate the homes, without "
	   "what it does not need (such as date of birth and ethnicity)",
	   "Arolygiaeth Gofal Cymru: plant sydd wedi" RQ "u lleoli mewn cartrefi "
	   "plant cofrestredig, i arolygu a rheoleiddio" RQ "r cartrefi, heb yr "
	   "hyn nad oes ei angen arni (fel dyddiad geni ac ethnigrwydd)"),
	LI("health boards and analysts: figures only, never a child" RQ "s "
	   "record; in figures that could be published, small numbers are "
	   "hidden and others rounded, so that no child can be identified",
	   "byrddau iechyd a dadansoddwyr: ffigurau yn unig, byth gofnod "
	   "plentyn; yn y ffigurau y gellid eu cyhoeddi, mae rhifau bach "
	   "wedi" RQ "u cuddio ac eraill wedi" RQ "u talgrynnu, fel na ellir adnabod "
	   "unrhyw blentyn"),
	P("We do not sell information, use it for marketing or share it "
	  "with anyone else unless the law requires us to.",
	  "Nid ydym yn gwerthu gwybodaeth, yn ei defnyddio ar gyfer "
	  "marchnata nac yn ei rhannu ag unrhyw un arall oni bai bod y "
	  "gyfraith yn mynnu hynny."),
	H2("The audit trail", "Y trywydd archwilio"),
	P("Every time someone looks at or changes a child" RQ "s record, signs in "
	  "or out, or is refused, cartref records who, what and when. "
	  "Entries can only be added, never changed: each is linked to the "
	  "one before it, so a changed or deleted entry is detected. The "
	  "audit trail is used to look into misuse, and you can ask who has "
	  "looked at a record about you.",
	  "Bob tro y bydd rhywun yn edrych ar gofnod plentyn neu" RQ "n ei newid, "
	  "yn mewngofnodi neu" RQ "n allgofnodi, neu" RQ "n cael ei wrthod, mae "
	  "cartref yn cofnodi pwy, beth a phryd. Dim ond ychwanegu cofnodion "
	  "sy" RQ "n bosibl, byth eu newid: mae pob un wedi" RQ "i gysylltu \xc3\xa2" RQ "r un o" RQ "i "
	  "flaen, felly caiff cofnod sydd wedi" RQ "i newid neu ei ddileu ei "
	  "ganfod. Defnyddir y trywydd archwilio i ymchwilio i gamddefnydd, "
	  "a gallwch ofyn pwy sydd wedi edrych ar gofnod amdanoch chi."),
	H2("How long we keep it", "Am ba hyd rydym yn ei chadw"),
	P("Children" RQ "s records are kept as long as the councils that sent "
	  "them keep their own records of children they look after, and the "
	  "audit trail as long as the records it is about. cartref does not "
	  "yet delete old records by itself: we delete them when their time "
	  "is up.",
	  "Caiff cofnodion plant eu cadw cyhyd ag y mae" RQ "r cynghorau a" RQ "u "
	  "hanfonodd yn cadw eu cofnodion eu hunain am y plant y maent yn "
	  "gofalu amdanynt, a" RQ "r trywydd archwilio cyhyd \xc3\xa2" RQ "r cofnodion y mae" RQ "n "
	  "ymwneud \xc3\xa2 nhw. Nid yw cartref eto" RQ "n dileu hen gofnodion ar ei ben "
	  "ei hun: rydym yn eu dileu pan ddaw eu hamser i ben."),
	P("Your session ends when you sign out, after {idle} minutes "
	  "without use or {session} hours after you signed in, and is then "
	  "deleted.",
	  "Daw eich sesiwn i ben pan fyddwch yn allgofnodi, ar \xc3\xb4l {idle} "
	  "munud heb ei defnyddio neu {session} awr ar \xc3\xb4l i chi fewngofnodi, "
	  "ac yna caiff ei dileu."),
	H2("Your rights", "Eich hawliau"),
	P("Children, people with parental responsibility for them and the "
	  "people who use cartref have the right to:",
	  "Mae gan blant, pobl sydd \xc3\xa2 chyfrifoldeb rhiant drostynt a" RQ "r bobl "
	  "sy" RQ "n defnyddio cartref hawl i:"),
	LI("ask for a copy of the information held about them",
	   "ofyn am gopi o" RQ "r wybodaeth a gedwir amdanynt"),
	LI("have wrong information corrected (a child" RQ "s record is corrected "
	   "by the council or organisation that recorded it)",
	   "cael cywiro gwybodaeth anghywir (caiff cofnod plentyn ei gywiro "
	   "gan y cyngor neu" RQ "r sefydliad a" RQ "i cofnododd)"),
	LI("object to how it is used, ask us to restrict its use, or ask us "
	   "to delete it where the law allows",
	   "gwrthwynebu" RQ "r ffordd y caiff ei defnyddio, gofyn i ni gyfyngu ar "
	   "ei defnydd, neu ofyn i ni ei dileu lle mae" RQ "r gyfraith yn "
	   "caniat\xc3\xa1u"),
	P("To use these rights, email {email}. The law gives us one month "
	  "to answer.",
	  "I ddefnyddio" RQ "r hawliau hyn, anfonwch e-bost at {email}. Mae" RQ "r "
	  "gyfraith yn rhoi mis i ni ateb."),
	H2("How to complain", "Sut i gwyno"),
	P("If you are unhappy with how we have used information, email "
	  "{email} first. You can also complain to the Information "
	  "Commissioner" RQ "s Office (ICO): "
	  "[ico.org.uk/make-a-complaint](https://ico.org.uk/make-a-complaint/), "
	  "helpline 0303 123 1113.",
	  "Os ydych yn anhapus \xc3\xa2" RQ "r ffordd rydym wedi defnyddio gwybodaeth, "
	  "anfonwch e-bost at {email} yn gyntaf. Gallwch hefyd gwyno i "
	  "Swyddfa" RQ "r Comisiynydd Gwybodaeth (ICO): "
	  "[ico.org.uk/make-a-complaint](https://ico.org.uk/make-a-complaint/), "
	  "llinell gymorth 0303 123 1113."),
	P("This notice was last updated on {date}.",
	  "Diweddarwyd yr hysbysiad hwn ddiwethaf ar {date}."),
};

static const struct service_page privacy_page = {
	"Privacy notice", "Hysbysiad preifatrwydd", privacy,
	ARRAY_SIZE(privacy), NULL, 0,
};

void page_privacy(struct request *req, struct response *res)
{
	service_page(req, res, &privacy_page);
}

/* ---- GET /accessibility --------------------------------------------------- */

static const struct block accessibility[] = {
	P("This accessibility statement applies to the cartref web "
	  "service.",
	  "Mae" RQ "r datganiad hygyrchedd hwn yn berthnasol i wasanaeth gwe "
	  "cartref."),
	P("This service is run by {operator}. We want as many people as "
	  "possible to be able to use it. For example, that means you "
	  "should be able to:",
	  "Rhedir y gwasanaeth hwn gan {operator}. Rydym am i gynifer o bobl "
	  "\xc3\xa2 phosibl allu ei ddefnyddio. Er enghraifft, mae hynny" RQ "n golygu y "
	  "dylech allu:"),
	LI("change colours, contrast levels and fonts using your browser or "
	   "device settings",
	   "newid lliwiau, lefelau cyferbyniad a ffontiau gan ddefnyddio "
	   "gosodiadau eich porwr neu" RQ "ch dyfais"),
	LI("zoom in up to 400% without the text spilling off the screen",
	   "chwyddo hyd at 400% heb i" RQ "r testun lifo oddi ar y sgrin"),
	LI("use every page with a keyboard only",
	   "defnyddio pob tudalen gyda bysellfwrdd yn unig"),
	LI("read the figures of every chart in a table",
	   "darllen ffigurau pob siart mewn tabl"),
	LI("use the service in Welsh or English",
	   "defnyddio" RQ "r gwasanaeth yn Gymraeg neu yn Saesneg"),
	P("We have also made the text as simple as possible to understand. "
	  "[AbilityNet](https://mcmw.abilitynet.org.uk/) has advice on "
	  "making your device easier to use if you have a disability.",
	  "Rydym hefyd wedi gwneud y testun mor syml \xc3\xa2 phosibl i" RQ "w ddeall. "
	  "Mae gan [AbilityNet](https://mcmw.abilitynet.org.uk/) gyngor ar "
	  "wneud eich dyfais yn haws ei defnyddio os oes gennych anabledd."),
	H2("How accessible this service is",
	   "Pa mor hygyrch yw" RQ "r gwasanaeth hwn"),
	P("We know some parts of this service are not fully accessible:",
	  "Rydym yn gwybod nad yw rhai rhannau o" RQ "r gwasanaeth hwn yn gwbl "
	  "hygyrch:"),
	LI("you are signed out after {idle} minutes without using the "
	   "service, with no warning and no way to ask for more time, and "
	   "anything you had typed but not sent is lost",
	   "cewch eich allgofnodi ar \xc3\xb4l {idle} munud heb ddefnyddio" RQ "r "
	   "gwasanaeth, heb rybudd a heb ffordd o ofyn am fwy o amser, a "
	   "chollir unrhyw beth yr oeddech wedi" RQ "i deipio heb ei anfon"),
	LI("the charts and the map of Wales on the dashboards are pictures: "
	   "each has a short description, and the same figures are in a "
	   "table after it, but the description does not say everything the "
	   "chart shows",
	   "lluniau yw" RQ "r siartiau a map Cymru ar y dangosfyrddau: mae gan bob "
	   "un ddisgrifiad byr, ac mae" RQ "r un ffigurau mewn tabl ar ei \xc3\xb4l, ond "
	   "nid yw" RQ "r disgrifiad yn dweud popeth y mae" RQ "r siart yn ei ddangos"),
	LI("wide tables scroll sideways on small screens and when zoomed "
	   "in, so you may have to scroll to see every column; the first "
	   "column stays in view",
	   "mae tablau llydan yn sgrolio i" RQ "r ochr ar sgriniau bach ac wrth "
	   "chwyddo, felly efallai y bydd rhaid i chi sgrolio i weld pob "
	   "colofn; mae" RQ "r golofn gyntaf yn aros yn y golwg"),
	LI("we have not yet tested the service with screen readers, or with "
	   "disabled people who use it",
	   "nid ydym eto wedi profi" RQ "r gwasanaeth gyda darllenwyr sgrin, na "
	   "gyda phobl anabl sy" RQ "n ei ddefnyddio"),
	H2("Feedback and contact information",
	   "Adborth a gwybodaeth gyswllt"),
	P("If you need information on this service in a different format, "
	  "such as large print or audio, email {email}. We will consider "
	  "your request and reply within 10 working days.",
	  "Os oes angen gwybodaeth arnoch am y gwasanaeth hwn mewn fformat "
	  "gwahanol, fel print mawr neu sain, anfonwch e-bost at {email}. "
	  "Byddwn yn ystyried eich cais ac yn ateb o fewn 10 diwrnod "
	  "gwaith."),
	H2("Reporting accessibility problems with this service",
	   "Rhoi gwybod am broblemau hygyrchedd gyda" RQ "r gwasanaeth hwn"),
	P("We are always looking to improve the accessibility of this "
	  "service. If you find any problems not listed on this page, or "
	  "think we are not meeting accessibility requirements, email "
	  "{email}.",
	  "Rydym bob amser yn ceisio gwella hygyrchedd y gwasanaeth hwn. Os "
	  "dewch o hyd i unrhyw broblemau nad ydynt wedi" RQ "u rhestru ar y "
	  "dudalen hon, neu os ydych yn meddwl nad ydym yn bodloni gofynion "
	  "hygyrchedd, anfonwch e-bost at {email}."),
	H2("Enforcement procedure", "Y weithdrefn orfodi"),
	P("The Equality and Human Rights Commission (EHRC) is responsible "
	  "for enforcing the Public Sector Bodies (Websites and Mobile "
	  "Applications) (No. 2) Accessibility Regulations 2018 (the "
	  "\xe2\x80\x98" "accessibility regulations" RQ "). If you are not happy with how we "
	  "respond to your complaint, [contact the Equality Advisory and "
	  "Support Service (EASS)](https://www.equalityadvisoryservice.com/).",
	  "Y Comisiwn Cydraddoldeb a Hawliau Dynol (EHRC) sy" RQ "n gyfrifol am "
	  "orfodi Rheoliadau Hygyrchedd Cyrff y Sector Cyhoeddus (Gwefannau "
	  "a Chymwysiadau Symudol) (Rhif 2) 2018 (y \xe2\x80\x98rheoliadau "
	  "hygyrchedd" RQ "). Os nad ydych yn fodlon ar y ffordd rydym yn ymateb "
	  "i" RQ "ch cwyn, [cysylltwch \xc3\xa2" RQ "r Gwasanaeth Cynghori a Chymorth "
	  "Cydraddoldeb (EASS)](https://www.equalityadvisoryservice.com/)."),
	H2("Technical information about this service" RQ "s accessibility",
	   "Gwybodaeth dechnegol am hygyrchedd y gwasanaeth hwn"),
	P("We are committed to making this service accessible, in "
	  "accordance with the Public Sector Bodies (Websites and Mobile "
	  "Applications) (No. 2) Accessibility Regulations 2018.",
	  "Rydym wedi ymrwymo i wneud y gwasanaeth hwn yn hygyrch, yn unol "
	  "\xc3\xa2 Rheoliadau Hygyrchedd Cyrff y Sector Cyhoeddus (Gwefannau a "
	  "Chymwysiadau Symudol) (Rhif 2) 2018."),
	H3("Compliance status", "Statws cydymffurfio"),
	P("This service is partially compliant with the [Web Content "
	  "Accessibility Guidelines version 2.2](https://www.w3.org/TR/WCAG22/) "
	  "AA standard, due to the non-compliance listed below.",
	  "Mae" RQ "r gwasanaeth hwn yn cydymffurfio" RQ "n rhannol \xc3\xa2 safon AA "
	  "[Canllawiau Hygyrchedd Cynnwys y We fersiwn "
	  "2.2](https://www.w3.org/TR/WCAG22/), oherwydd y diffyg "
	  "cydymffurfio a restrir isod."),
	H2("Non-accessible content", "Cynnwys nad yw" RQ "n hygyrch"),
	P("The content listed below is non-accessible for the following "
	  "reasons.",
	  "Nid yw" RQ "r cynnwys a restrir isod yn hygyrch am y rhesymau "
	  "canlynol."),
	H3("Non-compliance with the accessibility regulations",
	   "Diffyg cydymffurfio \xc3\xa2" RQ "r rheoliadau hygyrchedd"),
	P("You are signed out after {idle} minutes without using the "
	  "service, without a warning first or a way to ask for more time. "
	  "This fails WCAG 2.2 success criterion 2.2.1 (Timing Adjustable). "
	  "We plan to warn you before your session ends and let you extend "
	  "it.",
	  "Cewch eich allgofnodi ar \xc3\xb4l {idle} munud heb ddefnyddio" RQ "r "
	  "gwasanaeth, heb rybudd yn gyntaf na ffordd o ofyn am fwy o amser. "
	  "Mae hyn yn methu maen prawf llwyddiant 2.2.1 WCAG 2.2 (Amseru y "
	  "Gellir ei Addasu). Rydym yn bwriadu eich rhybuddio cyn i" RQ "ch "
	  "sesiwn ddod i ben a gadael i chi ei hymestyn."),
	H3("Disproportionate burden", "Baich anghymesur"),
	P("We are not claiming disproportionate burden for any part of this "
	  "service.",
	  "Nid ydym yn hawlio baich anghymesur ar gyfer unrhyw ran o" RQ "r "
	  "gwasanaeth hwn."),
	H2("What we" RQ "re doing to improve accessibility",
	   "Beth rydym yn ei wneud i wella hygyrchedd"),
	P("The service" RQ "s tests check pages with axe-core every time the "
	  "service changes. Next we will add a warning before a session "
	  "ends, and test with screen readers (JAWS, NVDA and VoiceOver) and "
	  "with disabled people who use the service.",
	  "Mae profion y gwasanaeth yn gwirio tudalennau gydag axe-core bob "
	  "tro y bydd y gwasanaeth yn newid. Nesaf byddwn yn ychwanegu "
	  "rhybudd cyn i sesiwn ddod i ben, ac yn profi gyda darllenwyr "
	  "sgrin (JAWS, NVDA a VoiceOver) a gyda phobl anabl sy" RQ "n defnyddio" RQ "r "
	  "gwasanaeth."),
	H2("Preparation of this accessibility statement",
	   "Paratoi" RQ "r datganiad hygyrchedd hwn"),
	P("This statement was prepared on {date}. It was last reviewed on "
	  "{date}.",
	  "Paratowyd y datganiad hwn ar {date}. Cafodd ei adolygu ddiwethaf "
	  "ar {date}."),
	P("This service was last tested on {date} by the team that builds "
	  "it. We tested the start page, sign-in, the help, accessibility, "
	  "privacy and cookies pages, the error pages and the lists of homes "
	  "and children, in English and Welsh: automatically with axe-core "
	  "against WCAG 2.0, 2.1 and 2.2 levels A and AA in the Chromium "
	  "browser, with the keyboard only, and at a width of 320 CSS pixels "
	  "(the same as zooming to 400%).",
	  "Profwyd y gwasanaeth hwn ddiwethaf ar {date} gan y t\xc3\xaem sy" RQ "n ei "
	  "adeiladu. Profwyd y dudalen gychwyn, mewngofnodi, y tudalennau "
	  "help, hygyrchedd, preifatrwydd a chwcis, y tudalennau gwall a" RQ "r "
	  "rhestrau o gartrefi a phlant, yn Gymraeg ac yn Saesneg: yn "
	  "awtomatig gydag axe-core yn erbyn lefelau A ac AA WCAG 2.0, 2.1 a "
	  "2.2 yn y porwr Chromium, gyda" RQ "r bysellfwrdd yn unig, ac ar led o "
	  "320 picsel CSS (yr un peth \xc3\xa2 chwyddo i 400%)."),
};

static const struct service_page accessibility_page = {
	"Accessibility statement for cartref",
	"Datganiad hygyrchedd ar gyfer cartref", accessibility,
	ARRAY_SIZE(accessibility), NULL, 0,
};

void page_accessibility(struct request *req, struct response *res)
{
	service_page(req, res, &accessibility_page);
}
