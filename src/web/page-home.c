/*
 * page-home.c: GET /home, the signed-in user's home page: what they will
 * see in cartref, what needs their attention now, and what is coming
 * next, by role, in English and Welsh.
 *
 * By role (figures, homes and areas need no child-level scoping):
 *
 *   inspector          the national review's headline figures for the
 *                      latest year, exact (staff only)
 *   analyst            the same figures published: review_publish()'s
 *                      disclosure control, never exact small numbers
 *   council roles      their council's headline figures
 *   home_manager       their provider's homes in the register
 *   police             the force and the councils in its area
 *   admin              how many users there are
 *
 * and, for every role that sees children, "Needs attention": the open
 * missing periods the user may see, longest first (store_missing_open()
 * with the user's viewer: scoped and audited by the store), each
 * linking to the child's record.  Then links to the pages built for the
 * role, and what is coming next.
 *
 * The figures come from the process-wide review cache
 * (analytics/review-cache.h): the history is loaded and the review
 * computed once per data generation of the store, not per request; the
 * role decides the scope and exact or published before it is asked.
 * Everything
 * is gathered first and written after, so a store error is a clean 500
 * page and never half a page.  Whatever is not built yet is listed under
 * "Coming next", not faked.
 */
#include "base/compat.h"
#include <math.h>
#include "analytics/review.h"
#include "analytics/review-cache.h"
#include "alerts/alerts.h"
#include "base/parse.h"
#include "base/xalloc.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/parts.h"
#include "web/session.h"

#define RQ "\xe2\x80\x99"	/* right single quotation mark */
#define HOME_ROWS_MAX 500	/* provider homes shown */
#define AREAS_MAX 64		/* councils in a police force's area */
#define MISSING_ROWS 10		/* open missing periods listed */
#define LIVE_ROWS 10		/* open live missing episodes listed */
#define ALERT_ROWS 5		/* newest open alerts listed */

/* ---- words ------------------------------------------------------------- */

struct role_link {
	const char *href;		/* NULL ends */
	const char *text[2];		/* en, cy */
};

struct role_text {
	const char *name[2];		/* en, cy */
	const char *see[2];		/* what they will see here */
	struct role_link links[4];	/* built: where to find it */
	const char *next[3][2];		/* coming next; NULL ends */
};

static const struct role_text roles[ROLE_N] = {
	[ROLE_INSPECTOR] = {
		{ "Inspector", "Arolygydd" },
		{ "Every children" RQ "s home in Wales, what an inspection "
		  "needs to know about the children placed in them, and the "
		  "audit trail of who has looked at children" RQ "s records.",
		  "Pob cartref plant yng Nghymru, yr hyn y mae angen i "
		  "arolygiad ei wybod am y plant sydd wedi" RQ "u lleoli "
		  "ynddynt, a" RQ "r trywydd archwilio o bwy sydd wedi edrych "
		  "ar gofnodion plant." },
		{ { "/homes",
		    { "A page for each home: places, children placed, moves "
		      "and missing episodes",
		      "Tudalen ar gyfer pob cartref: lleoedd, plant a "
		      "leolwyd, symudiadau a chyfnodau ar goll" } },
		  { "/children",
		    { "The children placed in children" RQ "s homes",
		      "Y plant a leolwyd mewn cartrefi plant" } },
		  { "/dashboard",
		    { "The review" RQ "s figures for Wales and each council",
		      "Ffigurau" RQ "r adolygiad ar gyfer Cymru a phob "
		      "cyngor" } },
		  { "/alerts",
		    { "Alerts sent to your organisation, to acknowledge and "
		      "resolve",
		      "Rhybuddion a anfonwyd at eich sefydliad, i" RQ "w "
		      "cydnabod a" RQ "u datrys" } } },
		{ { "The audit trail in the browser",
		    "Y trywydd archwilio yn y porwr" } },
	},
	[ROLE_ANALYST] = {
		{ "Analyst", "Dadansoddwr" },
		{ "Figures for Wales, each council and each home, with "
		  "disclosure control applied. You will not see any "
		  "child" RQ "s record.",
		  "Ffigurau ar gyfer Cymru, pob cyngor a phob cartref, gyda "
		  "rheolaeth datgelu wedi" RQ "i chymhwyso. Ni fyddwch yn "
		  "gweld cofnod unrhyw blentyn." },
		{ { "/dashboard",
		    { "The whole review in the browser, by council and by "
		      "home",
		      "Yr adolygiad cyfan yn y porwr, fesul cyngor a fesul "
		      "cartref" } },
		  { "/homes",
		    { "The register of children" RQ "s homes",
		      "Cofrestr y cartrefi plant" } } },
		{ { "Trends over the years",
		    "Tueddiadau dros y blynyddoedd" } },
	},
	[ROLE_COUNCIL_SOCIAL_WORKER] = {
		{ "Social worker", "Gweithiwr cymdeithasol" },
		{ "The children your council looks after, their placements "
		  "and missing episodes, and the children" RQ "s homes in your "
		  "council" RQ "s area.",
		  "Y plant y mae eich cyngor yn gofalu amdanynt, eu lleoliadau "
		  "a" RQ "u cyfnodau ar goll, a" RQ "r cartrefi plant yn ardal "
		  "eich cyngor." },
		{ { "/children",
		    { "The list of children your council looks after",
		      "Y rhestr o blant y mae eich cyngor yn gofalu "
		      "amdanynt" } },
		  { "/dashboard",
		    { "Your council" RQ "s figures",
		      "Ffigurau eich cyngor" } },
		  { "/homes",
		    { "The register of children" RQ "s homes",
		      "Cofrestr y cartrefi plant" } },
		  { "/alerts",
		    { "Alerts sent to your organisation, to acknowledge and "
		      "resolve",
		      "Rhybuddion a anfonwyd at eich sefydliad, i" RQ "w "
		      "cydnabod a" RQ "u datrys" } } },
		{ { "The shared child record",
		    "Y cofnod plentyn a rennir" } },
	},
	[ROLE_COUNCIL_PLACEMENTS] = {
		{ "Placements officer", "Swyddog lleoliadau" },
		{ "The children your council looks after and their "
		  "placements, and the children" RQ "s homes in your "
		  "council" RQ "s area and their places.",
		  "Y plant y mae eich cyngor yn gofalu amdanynt a" RQ "u "
		  "lleoliadau, a" RQ "r cartrefi plant yn ardal eich cyngor "
		  "a" RQ "u lleoedd." },
		{ { "/children",
		    { "The list of children your council looks after",
		      "Y rhestr o blant y mae eich cyngor yn gofalu "
		      "amdanynt" } },
		  { "/homes",
		    { "The children" RQ "s homes and their places",
		      "Y cartrefi plant a" RQ "u lleoedd" } },
		  { "/dashboard",
		    { "Your council" RQ "s figures",
		      "Ffigurau eich cyngor" } },
		  { "/alerts",
		    { "Alerts sent to your organisation, to acknowledge and "
		      "resolve",
		      "Rhybuddion a anfonwyd at eich sefydliad, i" RQ "w "
		      "cydnabod a" RQ "u datrys" } } },
		{ { "Places free in children" RQ "s homes",
		    "Lleoedd gwag mewn cartrefi plant" } },
	},
	[ROLE_HOME_MANAGER] = {
		{ "Home manager", "Rheolwr cartref" },
		{ "Your organisation" RQ "s children" RQ "s homes, and the "
		  "children placed in them, while they are there and for 90 "
		  "days after.",
		  "Cartrefi plant eich sefydliad, a" RQ "r plant sydd "
		  "wedi" RQ "u lleoli ynddynt, tra byddant yno ac am 90 "
		  "diwrnod wedyn." },
		{ { "/children",
		    { "The children placed in your homes",
		      "Y plant sydd wedi" RQ "u lleoli yn eich cartrefi" } },
		  { "/dashboard",
		    { "Figures for your homes",
		      "Ffigurau ar gyfer eich cartrefi" } },
		  { "/alerts",
		    { "Alerts sent to your organisation, to acknowledge and "
		      "resolve",
		      "Rhybuddion a anfonwyd at eich sefydliad, i" RQ "w "
		      "cydnabod a" RQ "u datrys" } } },
		{ { "Figures on return interviews and missing episodes for "
		    "your homes",
		    "Ffigurau am gyfweliadau dychwelyd a chyfnodau ar goll "
		    "ar gyfer eich cartrefi" } },
	},
	[ROLE_POLICE_MISSING_COORDINATOR] = {
		{ "Missing persons coordinator", "Cydgysylltydd pobl ar goll" },
		{ "Children missing from care in your force" RQ "s area, and "
		  "the details needed to find them.",
		  "Plant sydd ar goll o ofal yn ardal eich heddlu, a" RQ "r "
		  "manylion sydd eu hangen i ddod o hyd iddynt." },
		{ { "/children",
		    { "The details needed to find a missing child",
		      "Y manylion sydd eu hangen i ddod o hyd i blentyn sydd "
		      "ar goll" } },
		  { "/dashboard",
		    { "Figures on going missing from care in Wales",
		      "Ffigurau am fynd ar goll o ofal yng Nghymru" } },
		  { "/alerts",
		    { "Alerts sent to your organisation, to acknowledge and "
		      "resolve",
		      "Rhybuddion a anfonwyd at eich sefydliad, i" RQ "w "
		      "cydnabod a" RQ "u datrys" } } },
		{ { "Figures on children arrested or charged after going "
		    "missing",
		    "Ffigurau am blant a arestiwyd neu a gyhuddwyd ar " "\xc3\xb4" "l "
		    "mynd ar goll" } },
	},
	[ROLE_ADMIN] = {
		{ "Administrator", "Gweinyddwr" },
		{ "The people who use cartref: adding them, disabling them "
		  "and resetting their passwords.",
		  "Y bobl sy" RQ "n defnyddio cartref: eu hychwanegu, eu "
		  "hanalluogi ac ailosod eu cyfrineiriau." },
		{ { "/dashboard",
		    { "The review" RQ "s published figures",
		      "Ffigurau cyhoeddedig yr adolygiad" } } },
		{ { "Managing users in the browser",
		    "Rheoli defnyddwyr yn y porwr" },
		  { "Checking the audit trail in the browser",
		    "Gwirio" RQ "r trywydd archwilio yn y porwr" } },
	},
};

/* The review's headline figures, in the order shown. */
static const struct {
	enum review_fig fig;
	const char *label[2];
} headline[] = {
	{ FIG_HOMES_OPEN, { "Children" RQ "s homes open at 31 March",
			    "Cartrefi plant ar agor ar 31 Mawrth" } },
	{ FIG_PLACES, { "Registered places in children" RQ "s homes",
			"Lleoedd cofrestredig mewn cartrefi plant" } },
	{ FIG_IN_HOMES, { "Children in children" RQ "s homes at 31 March",
			  "Plant mewn cartrefi plant ar 31 Mawrth" } },
	{ FIG_CLA_31MAR, { "Children looked after at 31 March",
			   "Plant sy" RQ "n derbyn gofal ar 31 Mawrth" } },
	{ FIG_PLACEMENTS_3PLUS,
	  { "Children looked after with three or more placements in the "
	    "year",
	    "Plant sy" RQ "n derbyn gofal a gafodd dri lleoliad neu fwy yn "
	    "y flwyddyn" } },
	{ FIG_MISSING_CHILDREN, { "Children who went missing",
				  "Plant a aeth ar goll" } },
	{ FIG_MISSING_PERIODS, { "Periods missing from care",
				 "Cyfnodau ar goll o ofal" } },
	{ FIG_DIST_OVER_20,
	  { "Children placed more than 20 miles from home",
	    "Plant a leolwyd fwy nag 20 milltir o" RQ "u cartref" } },
};

/* ---- what the page shows, gathered before it is written -------------- */

struct hp_area {
	char code[LA_CODE_MAX + 1];
	struct la la;		/* name; code "" when not in the geography */
};

struct hp_home {
	struct home h;
	struct la la;		/* the home's council; code "" if unknown */
};

struct hp_page {
	const struct web_session *ws;
	/* figures: inspector, analyst, council roles */
	bool wants_figures;
	/* the cache's, held until the page is written: the review is
	 * read-only */
	struct review_hold *hold;
	const struct review *review;	/* NULL: no returns in the store */
	/* home_manager */
	struct hp_home *homes;
	size_t nhomes, alloc;
	bool homes_cut;		/* more than HOME_ROWS_MAX */
	/* police */
	struct hp_area *areas;
	size_t nareas;
	/* admin */
	long users_active, users_disabled;
	/* roles that see children: open missing periods, longest first */
	struct viewer v;
	struct web_councils councils;
	struct missing_page *missing;	/* NULL: not for this role */
	/* missing from care recorded live, and alerts (issue 5) */
	struct mfc_attention_page *live;	/* NULL: not for this role */
	struct alert_page *alerts;	/* NULL: the role receives none */
};

static const char *lang2(const struct request *req, const char *const t[2])
{
	return t[req->lang[0] == 'c'];
}

/* A Welsh name when there is one and the page is in Welsh. */
static const char *name_in(const struct request *req, const char *en,
			   const char *cy)
{
	return req->lang[0] == 'c' && cy && *cy ? cy : en;
}

static int load_figures(struct store *s, struct hp_page *p,
			struct err *err)
{
	const struct user *u = &p->ws->user;
	struct review_scope scope;
	const struct history *h;
	int rc;

	memset(&scope, 0, sizeof(scope));
	scope.kind = SCOPE_NATIONAL;
	if (u->role == ROLE_COUNCIL_SOCIAL_WORKER ||
	    u->role == ROLE_COUNCIL_PLACEMENTS) {
		scope.kind = SCOPE_COUNCIL;
		if (str_copy(scope.code, sizeof(scope.code), p->ws->org.la))
			return err_set(err, ERR_INVALID, "council code too long");
	}
	rc = review_cache_hold(review_cache_shared(), s, &p->hold, err);
	if (rc)
		return rc;
	h = review_hold_history(p->hold);
	if (!h->last_year)
		return 0;
	/* analysts see only what could be published (disclosure control) */
	return review_hold_get(p->hold, h->last_year, &scope,
			       u->role == ROLE_ANALYST, &p->review, err);
}

static int add_home(const struct home *h, void *ctx)
{
	struct hp_page *p = ctx;

	if (strcmp(h->provider, p->ws->org.provider))
		return 0;
	if (p->nhomes == HOME_ROWS_MAX) {
		p->homes_cut = true;
		return 0;
	}
	if (p->nhomes == p->alloc) {
		p->alloc = p->alloc ? 2 * p->alloc : 8;
		p->homes = xrealloc(p->homes, p->alloc * sizeof(*p->homes));
	}
	memset(&p->homes[p->nhomes], 0, sizeof(p->homes[0]));
	p->homes[p->nhomes++].h = *h;
	return 0;
}

/* A council's names; a code the geography does not know keeps code "". */
static int find_la(struct store *s, const char *code, struct la *out,
		   struct err *err)
{
	struct err inner = ERR_INIT;
	int rc = store_la_get(s, code, out, &inner);

	if (rc == ERR_NOT_FOUND) {
		memset(out, 0, sizeof(*out));
		return 0;
	}
	return rc ? err_set(err, rc, "%s", err_text(&inner)) : 0;
}

static int load_homes(struct store *s, struct hp_page *p, struct err *err)
{
	int rc;

	if (!p->ws->org.provider[0])
		return 0;	/* not linked to the register: said on the page */
	rc = store_homes_each(s, add_home, p, err);
	/* names after the walk: one statement at a time */
	for (size_t i = 0; !rc && i < p->nhomes; i++)
		rc = find_la(s, p->homes[i].h.la, &p->homes[i].la, err);
	return rc;
}

static int add_area(const char *code, void *ctx)
{
	struct hp_page *p = ctx;

	if (p->nareas == AREAS_MAX)
		return 0;
	str_copy(p->areas[p->nareas++].code, sizeof(p->areas[0].code), code);
	return 0;
}

static int load_areas(struct store *s, struct hp_page *p, struct err *err)
{
	int rc;

	p->areas = xcalloc(AREAS_MAX, sizeof(*p->areas));
	rc = store_org_areas_each(s, p->ws->org.id, add_area, p, err);
	for (size_t i = 0; !rc && i < p->nareas; i++)
		rc = find_la(s, p->areas[i].code, &p->areas[i].la, err);
	return rc;
}

static int count_user(const struct user *u, void *ctx)
{
	struct hp_page *p = ctx;

	if (u->disabled)
		p->users_disabled++;
	else
		p->users_active++;
	return 0;
}

/*
 * Missing from care recorded live (issue 5): the open episodes the
 * viewer must act on (store_mfc_attention(), scoped and audited), and
 * the open alerts sent to its organisation (alerts_list(); a role that
 * receives none has no alerts section).
 */
static int load_live(struct store *s, struct hp_page *p, struct err *err)
{
	struct mfc_filter mf = { NULL, NULL, 0, LIVE_ROWS };
	struct alert_filter af;
	struct err inner = ERR_INIT;
	int rc;

	p->live = xmalloc(sizeof(*p->live));
	rc = store_mfc_attention(s, &p->v, &mf, p->live, err);
	if (rc)
		return rc;
	memset(&af, 0, sizeof(af));
	af.state = ALERT_OPEN;
	af.page_size = ALERT_ROWS;
	p->alerts = xmalloc(sizeof(*p->alerts));
	rc = alerts_list(s, &p->v, &af, p->alerts, &inner);
	if (rc == ERR_DENIED) {
		free(p->alerts);
		p->alerts = NULL;
		return 0;
	}
	return rc ? err_set(err, rc, "%s", err_text(&inner)) : 0;
}

/*
 * What needs attention: the open missing periods the viewer may see
 * (store_missing_open(), scoped and audited by the store).  Nothing for
 * analysts and admins, who see no child.
 */
static int load_missing(struct request *req, struct store *s,
			struct hp_page *p, struct err *err)
{
	struct missing_filter f;
	int rc = web_viewer(req, s, &p->v, err);

	if (rc || p->v.access == VIEWER_NONE)
		return rc;
	rc = web_councils_load(s, &p->councils, err);
	if (rc)
		return rc;
	memset(&f, 0, sizeof(f));
	f.page_size = MISSING_ROWS;
	p->missing = xmalloc(sizeof(*p->missing));
	rc = store_missing_open(s, &p->v, &f, p->missing, err);
	return rc ? rc : load_live(s, p, err);
}

static int gather_role(struct request *req, struct store *s,
		       struct hp_page *p, struct err *err);

static int gather(struct request *req, struct hp_page *p, struct err *err)
{
	struct store *s = web_store(req, err);
	int rc;

	if (!s)
		return ERR_STORE;
	rc = gather_role(req, s, p, err);
	return rc ? rc : load_missing(req, s, p, err);
}

static int gather_role(struct request *req, struct store *s,
		       struct hp_page *p, struct err *err)
{
	(void)req;
	switch (p->ws->user.role) {
	case ROLE_INSPECTOR:
	case ROLE_ANALYST:
	case ROLE_COUNCIL_SOCIAL_WORKER:
	case ROLE_COUNCIL_PLACEMENTS:
		p->wants_figures = true;
		return load_figures(s, p, err);
	case ROLE_HOME_MANAGER:
		return load_homes(s, p, err);
	case ROLE_POLICE_MISSING_COORDINATOR:
		return load_areas(s, p, err);
	case ROLE_ADMIN:
		return store_users_each(s, count_user, p, err);
	case ROLE_N:
		break;
	}
	return 0;
}

/* ---- writing it ------------------------------------------------------- */

/* 6440 -> "6,440" */
static void put_count(struct response *res, long long n)
{
	char digits[32], out[48];
	size_t len, o = 0;

	snprintf(digits, sizeof(digits), "%lld", n < 0 ? -n : n);
	len = strlen(digits);
	if (n < 0)
		out[o++] = '-';
	for (size_t i = 0; i < len; i++) {
		if (i && (len - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	out[o] = '\0';
	res_text(res, out);
}

static void put_cell(struct response *res, const struct review_cell *c)
{
	char s[64];

	if (c->flags & CELL_SUPPRESSED) {
		res_text(res, "*");
		return;
	}
	if (!isfinite(c->value)) {
		res_text(res, "\xe2\x80\x93");	/* en dash: undefined */
		return;
	}
	switch (c->kind) {
	case FIG_COUNT:
		put_count(res, llround(c->value));
		return;
	case FIG_PERCENT:
		snprintf(s, sizeof(s), "%.1f%%", c->value);
		break;
	case FIG_RATIO:
		snprintf(s, sizeof(s), "%.2f", c->value);
		break;
	case FIG_MEAN:
	case FIG_MEDIAN:
	case FIG_DATE:
		snprintf(s, sizeof(s), "%.1f", c->value);
		break;
	}
	res_text(res, s);
}

static void heading2(struct response *res, const char *text)
{
	res_markup(res, "<h2 class=\"govuk-heading-m\">");
	res_text(res, text);
	res_markup(res, "</h2>\n");
}

static void para(struct response *res, const char *text)
{
	res_markup(res, "<p class=\"govuk-body\">");
	res_text(res, text);
	res_markup(res, "</p>\n");
}

static void write_figures(struct request *req, struct response *res,
			  const struct hp_page *p)
{
	const struct review *r = p->review;
	bool cy = req->lang[0] == 'c';

	if (!r) {
		heading2(res, tr(req, "Figures", "Ffigurau"));
		para(res, tr(req, "No SSDA903 returns have been imported yet, so "
			     "there are no figures to show.",
			     "Nid oes ffurflenni SSDA903 wedi" RQ "u mewnforio "
			     "eto, felly nid oes ffigurau i" RQ "w dangos."));
		return;
	}
	res_markup(res, "<h2 class=\"govuk-heading-m\">");
	res_text(res, tr(req, "Figures for ", "Ffigurau ar gyfer "));
	res_text(res, name_in(req, r->scope.name_en, r->scope.name_cy));
	res_markup(res, "</h2>\n<p class=\"govuk-body\">");
	res_text(res, tr(req, "Year ending 31 March ",
			 "Y flwyddyn yn dod i ben 31 Mawrth "));
	res_int(res, r->year);
	res_markup(res, "</p>\n<div class=\"govuk-inset-text\">");
	if (r->published)
		res_text(res, tr(req, "Published figures: counts are rounded to "
				 "the nearest 5, and counts from 1 to 4 and "
				 "figures based on them are shown as *.",
				 "Ffigurau cyhoeddedig: mae cyfrifon wedi" RQ
				 "u talgrynnu i" RQ "r 5 agosaf, a dangosir "
				 "cyfrifon o 1 i 4 a ffigurau sy" RQ "n "
				 "seiliedig arnynt fel *."));
	else
		res_text(res, tr(req, "Exact figures, for staff only: not for "
				 "publication.",
				 "Ffigurau union, ar gyfer staff yn unig: nid "
				 "i" RQ "w cyhoeddi."));
	res_markup(res, "</div>\n<dl class=\"govuk-summary-list\">\n");
	for (size_t i = 0; i < ARRAY_SIZE(headline); i++) {
		const struct review_cell *c = &r->fig[headline[i].fig];

		if (c->flags & CELL_NA)
			continue;
		res_markup(res, "<div class=\"govuk-summary-list__row\">\n"
			   "<dt class=\"govuk-summary-list__key\">");
		res_text(res, headline[i].label[cy]);
		res_markup(res, "</dt>\n<dd class=\"govuk-summary-list__value\">");
		put_cell(res, c);
		res_markup(res, "</dd>\n</div>\n");
	}
	res_markup(res, "</dl>\n");
}

static void write_homes(struct request *req, struct response *res,
			const struct hp_page *p)
{
	static const char *const cols[][2] = {
		{ "Home", "Cartref" }, { "URN", "URN" },
		{ "Council area", "Ardal cyngor" }, { "Places", "Lleoedd" },
		{ "Status", "Statws" },
	};
	const struct org *o = &p->ws->org;

	heading2(res, tr(req, "Your children" RQ "s homes",
			 "Eich cartrefi plant"));
	if (!o->provider[0]) {
		para(res, tr(req, "Your organisation is not linked to a provider "
			     "in the homes register yet. Ask the person who "
			     "manages your account.",
			     "Nid yw eich sefydliad wedi" RQ "i gysylltu "
			     "\xc3\xa2 darparwr yng nghofrestr y cartrefi eto. "
			     "Gofynnwch i" RQ "r person sy" RQ "n rheoli eich "
			     "cyfrif."));
		return;
	}
	if (!p->nhomes) {
		res_markup(res, "<p class=\"govuk-body\">");
		res_text(res, tr(req, "The homes register has no homes run by ",
				 "Nid oes gan gofrestr y cartrefi gartrefi sy"
				 RQ "n cael eu rhedeg gan "));
		res_text(res, o->provider);
		res_markup(res, ".</p>\n");
		return;
	}
	res_markup(res, "<table class=\"govuk-table\">\n"
		   "<caption class=\"govuk-table__caption "
		   "govuk-table__caption--s\">");
	res_text(res, tr(req, "Homes in the register run by ",
			 "Cartrefi yn y gofrestr sy" RQ "n cael eu rhedeg gan "));
	res_text(res, o->provider);
	res_markup(res, "</caption>\n<thead class=\"govuk-table__head\">\n"
		   "<tr class=\"govuk-table__row\">\n");
	for (size_t i = 0; i < ARRAY_SIZE(cols); i++) {
		if (i == 3)
			res_markup(res, "<th scope=\"col\" class=\"govuk-table__"
				   "header govuk-table__header--numeric\">");
		else
			res_markup(res, "<th scope=\"col\" class=\"govuk-table__"
				   "header\">");
		res_text(res, lang2(req, cols[i]));
		res_markup(res, "</th>\n");
	}
	res_markup(res, "</tr>\n</thead>\n<tbody class=\"govuk-table__body\">\n");
	for (size_t i = 0; i < p->nhomes; i++) {
		const struct hp_home *row = &p->homes[i];
		bool open = row->h.closed == DATE_NONE;

		res_markup(res, "<tr class=\"govuk-table__row\">\n"
			   "<th scope=\"row\" class=\"govuk-table__header\">");
		res_text(res, row->h.name);
		res_markup(res, "</th>\n<td class=\"govuk-table__cell\">");
		res_text(res, row->h.urn);
		res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
		res_text(res, row->la.code[0] ?
			 name_in(req, row->la.name_en, row->la.name_cy) :
			 row->h.la);
		res_markup(res, "</td>\n<td class=\"govuk-table__cell "
			   "govuk-table__cell--numeric\">");
		res_int(res, row->h.places);
		res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
		if (open)
			res_markup(res, "<strong class=\"govuk-tag "
				   "govuk-tag--green\">");
		else
			res_markup(res, "<strong class=\"govuk-tag "
				   "govuk-tag--grey\">");
		res_text(res, open ? tr(req, "Open", "Ar agor") :
				     tr(req, "Closed", "Wedi cau"));
		res_markup(res, "</strong></td>\n</tr>\n");
	}
	res_markup(res, "</tbody>\n</table>\n");
	if (p->homes_cut)
		para(res, tr(req, "Only the first 500 homes are shown.",
			     "Dim ond y 500 cartref cyntaf a ddangosir."));
}

static void write_areas(struct request *req, struct response *res,
			const struct hp_page *p)
{
	const struct org *o = &p->ws->org;

	const char *force = name_in(req, o->name_en, o->name_cy);

	heading2(res, tr(req, "Your force" RQ "s area", "Ardal eich heddlu"));
	res_markup(res, "<p class=\"govuk-body\">");
	if (!p->nareas) {
		res_text(res, tr(req, "", "Nid oes cynghorau yn ardal "));
		res_text(res, force);
		res_text(res, tr(req, " has no councils in its area yet.",
				 " eto."));
		res_markup(res, "</p>\n");
		return;
	}
	res_text(res, tr(req, "", "Mae "));
	res_text(res, force);
	res_text(res, tr(req, " covers these councils:",
			 " yn cwmpasu" RQ "r cynghorau hyn:"));
	res_markup(res, "</p>\n<ul class=\"govuk-list govuk-list--bullet\">\n");
	for (size_t i = 0; i < p->nareas; i++) {
		const struct hp_area *a = &p->areas[i];

		res_markup(res, "<li>");
		res_text(res, a->la.code[0] ?
			 name_in(req, a->la.name_en, a->la.name_cy) : a->code);
		res_markup(res, "</li>\n");
	}
	res_markup(res, "</ul>\n");
}

static void summary_row(struct response *res, const char *key, long n)
{
	res_markup(res, "<div class=\"govuk-summary-list__row\">\n"
		   "<dt class=\"govuk-summary-list__key\">");
	res_text(res, key);
	res_markup(res, "</dt>\n<dd class=\"govuk-summary-list__value\">");
	put_count(res, n);
	res_markup(res, "</dd>\n</div>\n");
}

static void write_users(struct request *req, struct response *res,
			const struct hp_page *p)
{
	heading2(res, tr(req, "People using cartref",
			 "Pobl sy" RQ "n defnyddio cartref"));
	res_markup(res, "<dl class=\"govuk-summary-list\">\n");
	summary_row(res, tr(req, "Active users", "Defnyddwyr gweithredol"),
		    p->users_active);
	summary_row(res, tr(req, "Disabled users",
			    "Defnyddwyr wedi" RQ "u hanalluogi"),
		    p->users_disabled);
	res_markup(res, "</dl>\n");
	para(res, tr(req, "Until the pages for managing users are ready, "
		     "manage them on the server with cartref user (add, "
		     "disable, enable, reset, token).",
		     "Hyd nes bydd y tudalennau ar gyfer rheoli defnyddwyr yn "
		     "barod, rheolwch nhw ar y gweinydd gyda cartref user "
		     "(add, disable, enable, reset, token)."));
}

static void write_missing(struct request *req, struct response *res,
			  const struct hp_page *p)
{
	const struct missing_page *mp = p->missing;
	char s[160];

	heading2(res, tr(req, "Needs attention", "Angen sylw"));
	if (!mp->total) {
		para(res, tr(req, "No child you may see is missing from care "
			     "now.",
			     "Nid oes plentyn y cewch ei weld ar goll o ofal "
			     "nawr."));
		return;
	}
	snprintf(s, sizeof(s), WEB_TRF(req, "Missing from care now: %ld. "
				       "The longest missing come first.",
				       "Ar goll o ofal nawr: %ld. Daw" RQ "r "
				       "rhai sydd wedi bod ar goll hiraf yn "
				       "gyntaf."),
		 mp->total);
	para(res, s);
	res_markup(res, "<table class=\"govuk-table\">\n<caption "
		   "class=\"govuk-table__caption govuk-table__caption--s\">");
	res_text(res, tr(req, "Children missing from care now",
			 "Plant sydd ar goll o ofal nawr"));
	res_markup(res, "</caption>\n<thead class=\"govuk-table__head\">\n"
		   "<tr class=\"govuk-table__row\">\n");
	part_th(res, tr(req, "Child", "Plentyn"), false);
	part_th(res, tr(req, "Council", "Cyngor"), false);
	part_th(res, tr(req, "Age", "Oed"), true);
	part_th(res, tr(req, "Missing since", "Ar goll ers"), false);
	part_th(res, tr(req, "Went missing from", "Aeth ar goll o"), false);
	res_markup(res, "</tr>\n</thead>\n<tbody class=\"govuk-table__body\">\n");
	for (size_t i = 0; i < mp->n; i++) {
		const struct missing_row *m = &mp->rows[i];

		res_markup(res, "<tr class=\"govuk-table__row\">\n"
			   "<th scope=\"row\" class=\"govuk-table__header\">");
		part_child_link(res, m->la, m->ref);
		res_markup(res, "</th>\n<td class=\"govuk-table__cell\">");
		res_text(res, web_council_name(req, &p->councils, m->la));
		res_markup(res, "</td>\n<td class=\"govuk-table__cell "
			   "govuk-table__cell--numeric\">");
		if (!viewer_may(&p->v, VF_AGE))
			part_not_shown(req, res);
		else if (m->age < 0)
			part_not_recorded(req, res);
		else
			res_int(res, m->age);
		res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
		part_date(req, res, m->m.start);
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
	if (mp->total > (long)mp->n) {
		snprintf(s, sizeof(s), WEB_TRF(req, "The %zu missing longest "
					       "of %ld are shown.",
					       "Dangosir y %zu sydd wedi bod "
					       "ar goll hiraf o %ld."),
			 mp->n, mp->total);
		para(res, s);
	}
}

/* The open episodes recorded live, longest missing first. */
static void write_live(struct request *req, struct response *res,
		       const struct hp_page *p)
{
	const struct mfc_attention_page *lp = p->live;
	char s[160];

	heading2(res, tr(req, "Missing or away now, recorded live",
			 "Ar goll neu i ffwrdd nawr, wedi" RQ "u cofnodi" RQ
			 "n fyw"));
	if (!lp->total) {
		para(res, tr(req, "No open missing or away episode needs your "
			     "attention.",
			     "Nid oes cyfnod ar goll neu i ffwrdd agored "
			     "angen eich sylw."));
		return;
	}
	res_markup(res, "<table class=\"govuk-table\">\n<caption "
		   "class=\"govuk-table__caption govuk-table__caption--s\">");
	res_text(res, tr(req, "Open episodes, longest first",
			 "Cyfnodau agored, yr hiraf yn gyntaf"));
	res_markup(res, "</caption>\n<thead class=\"govuk-table__head\">\n"
		   "<tr class=\"govuk-table__row\">\n");
	part_th(res, tr(req, "Child", "Plentyn"), false);
	part_th(res, tr(req, "Since", "Ers"), false);
	part_th(res, tr(req, "Hours", "Oriau"), true);
	part_th(res, tr(req, "From", "O"), false);
	part_th(res, tr(req, "Risk", "Risg"), false);
	res_markup(res, "</tr>\n</thead>\n<tbody class=\"govuk-table__body\">\n");
	for (size_t i = 0; i < lp->n; i++) {
		const struct mfc_attention_row *m = &lp->rows[i];

		res_markup(res, "<tr class=\"govuk-table__row\">\n"
			   "<th scope=\"row\" class=\"govuk-table__header\">"
			   "<a class=\"govuk-link\" href=\"/missing/");
		res_int(res, m->id);
		res_markup(res, "\">");
		res_text(res, m->la);
		res_text(res, "/");
		res_text(res, m->ref);
		res_markup(res, "</a>");
		if (m->kind[0] == 'A') {
			res_text(res, " ");
			res_text(res, tr(req, "(away)", "(i ffwrdd)"));
		}
		res_markup(res, "</th>\n<td class=\"govuk-table__cell\">");
		part_time(req, res, m->started_at);
		res_markup(res, "</td>\n<td class=\"govuk-table__cell "
			   "govuk-table__cell--numeric\">");
		res_int(res, m->hours_missing);
		res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
		if (m->urn[0])
			part_home_link(res, m->urn, m->home_name);
		else
			part_not_recorded(req, res);
		res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
		res_text(res, web_grade_label(req, m->grade));
		if (m->exploitation) {
			res_text(res, " ");
			part_tag(res, "orange", tr(req, "Exploitation",
						   "Camfanteisio"));
		}
		res_markup(res, "</td>\n</tr>\n");
	}
	res_markup(res, "</tbody>\n</table>\n");
	if (lp->total > (long)lp->n) {
		snprintf(s, sizeof(s), WEB_TRF(req, "The %zu missing longest "
					       "of %ld are shown.",
					       "Dangosir y %zu sydd wedi bod "
					       "ar goll hiraf o %ld."),
			 lp->n, lp->total);
		para(res, s);
	}
}

/* How many alerts are open, and the newest few. */
static void write_alerts(struct request *req, struct response *res,
			 const struct hp_page *p)
{
	const struct alert_page *ap = p->alerts;
	char s[160];

	heading2(res, tr(req, "Alerts", "Rhybuddion"));
	if (!ap->total) {
		para(res, tr(req, "No open alerts for your organisation.",
			     "Dim rhybuddion agored i" RQ "ch sefydliad."));
	} else {
		snprintf(s, sizeof(s), WEB_TRF(req, "Open alerts for your "
					       "organisation: %ld. The newest:",
					       "Rhybuddion agored i" RQ "ch "
					       "sefydliad: %ld. Y mwyaf "
					       "newydd:"), ap->total);
		para(res, s);
		res_markup(res, "<ul class=\"govuk-list govuk-list--bullet\">\n");
		for (size_t i = 0; i < ap->n; i++) {
			const struct alert_row *a = &ap->rows[i];
			const struct alert_rule *r = alert_rule_find(a->rule);

			res_markup(res, "<li><a class=\"govuk-link\" "
				   "href=\"/alerts/");
			res_int(res, a->id);
			res_markup(res, "\">");
			res_text(res, r ? tr(req, r->title_en, r->title_cy) :
					  a->rule);
			res_markup(res, "</a>: ");
			if (a->ref[0]) {
				res_text(res, a->la);
				res_text(res, "/");
				res_text(res, a->ref);
			} else {
				res_text(res, a->urn);
			}
			if (a->escalated_at) {
				res_text(res, " ");
				part_tag(res, "pink", tr(req, "Escalated",
							 "Wedi" RQ "i "
							 "uwchgyfeirio"));
			}
			res_markup(res, "</li>\n");
		}
		res_markup(res, "</ul>\n");
	}
	res_markup(res, "<p class=\"govuk-body\"><a class=\"govuk-link\" "
		   "href=\"/alerts\">");
	res_text(res, tr(req, "All alerts", "Pob rhybudd"));
	res_markup(res, "</a></p>\n");
}

/* What is built for the role, and where. */
static void write_links(struct request *req, struct response *res,
			const struct role_text *t)
{
	if (!t->links[0].href)
		return;
	heading2(res, tr(req, "In cartref", "Yn cartref"));
	res_markup(res, "<ul class=\"govuk-list\">\n");
	for (size_t i = 0; i < ARRAY_SIZE(t->links) && t->links[i].href;
	     i++) {
		res_markup(res, "<li><a class=\"govuk-link\" href=\"");
		res_url_path(res, t->links[i].href);
		res_markup(res, "\">");
		res_text(res, lang2(req, t->links[i].text));
		res_markup(res, "</a></li>\n");
	}
	res_markup(res, "</ul>\n");
}

static void home_body(struct request *req, struct response *res, void *ctx)
{
	const struct hp_page *p = ctx;
	const struct web_session *ws = p->ws;
	const struct role_text *t = &roles[ws->user.role];

	res_markup(res, "<div class=\"govuk-grid-row\">\n"
		   "<div class=\"govuk-grid-column-two-thirds\">\n"
		   "<span class=\"govuk-caption-l\">");
	res_text(res, lang2(req, t->name));
	res_text(res, ", ");
	res_text(res, name_in(req, ws->org.name_en, ws->org.name_cy));
	res_markup(res, "</span>\n<h1 class=\"govuk-heading-l\">");
	res_text(res, tr(req, "Home", "Hafan"));
	res_markup(res, "</h1>\n<p class=\"govuk-body-l\">");
	res_text(res, lang2(req, t->see));
	res_markup(res, "</p>\n");

	if (p->wants_figures)
		write_figures(req, res, p);
	switch (ws->user.role) {
	case ROLE_HOME_MANAGER:
		write_homes(req, res, p);
		break;
	case ROLE_POLICE_MISSING_COORDINATOR:
		write_areas(req, res, p);
		break;
	case ROLE_ADMIN:
		write_users(req, res, p);
		break;
	default:
		break;
	}

	if (p->missing)
		write_missing(req, res, p);
	if (p->live)
		write_live(req, res, p);
	if (p->alerts)
		write_alerts(req, res, p);
	write_links(req, res, t);
	heading2(res, tr(req, "Coming next", "I ddod nesaf"));
	para(res, tr(req, "These will appear here as they are built:",
		     "Bydd y rhain yn ymddangos yma wrth iddynt gael eu "
		     "hadeiladu:"));
	res_markup(res, "<ul class=\"govuk-list govuk-list--bullet\">\n");
	for (size_t i = 0; i < ARRAY_SIZE(t->next) && t->next[i][0]; i++) {
		res_markup(res, "<li>");
		res_text(res, lang2(req, t->next[i]));
		res_markup(res, "</li>\n");
	}
	res_markup(res, "</ul>\n</div>\n</div>\n");
}

void page_home(struct request *req, struct response *res)
{
	struct hp_page p;
	struct err err = ERR_INIT;

	memset(&p, 0, sizeof(p));
	p.ws = web_session(req);
	if (!p.ws || p.ws->api || p.ws->user.role >= ROLE_N) {
		res_error(req, res, 403);	/* ROUTE_AUTH: never */
		return;
	}
	if (gather(req, &p, &err)) {
		web_log_err("the home page", &err);
		res_error(req, res, 500);
	} else {
		res_html_page(req, res, tr(req, "Home", "Hafan"), home_body, &p);
	}
	review_hold_release(p.hold);	/* p.review with it */
	free(p.homes);
	free(p.areas);
	free(p.missing);
	free(p.live);
	free(p.alerts);
}
