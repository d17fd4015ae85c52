/*
 * page-home.c: GET /home, the first screen after signing in: what the
 * person should do first today, then what they need to know, then their
 * pages, by role, in English and Welsh.
 *
 *   police coordinator  children missing now from the force's area, the
 *                       highest risk and then the longest missing first
 *                       (grading the ungraded is the first task)
 *   social worker       return interviews due (back from missing in the
 *                       last DUE_DAYS days, none held or declined), then
 *                       the council's children missing now
 *   placements officer  the council's children missing now, and the
 *                       council's figures
 *   home manager        "Report a child missing"; children missing now
 *                       from its homes and reports to complete; its
 *                       homes in one table
 *   inspector           homes to look at first (missing episodes per
 *                       place in the last 90 days), Wales's figures
 *   analyst             Wales's published figures
 *   admin               people using cartref, and managing them
 *
 * "Do first" lists are bounded (DO_FIRST_MAX) and each item is one thing
 * a person can finish today, with the link that does it.  Every list of
 * children comes from the store's scoped reads with the user's viewer
 * (scoped and audited there); figures from the process-wide review cache
 * (analytics/review-cache.h), exact or published by role.  Everything is
 * gathered first and written after, so a store error is a clean 500 page
 * and never half a page.
 */
#include "base/compat.h"
#include <math.h>
#include "analytics/review.h"
#include "analytics/review-cache.h"
#include "alerts/alerts.h"
#include "base/parse.h"
#include "base/uktime.h"
#include "base/xalloc.h"
#include "store/store-missing.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/parts.h"
#include "web/session.h"

#define RQ "\xe2\x80\x99"	/* right single quotation mark */
#define DO_FIRST_MAX 20		/* items of a "do first" list */
#define MISSING_ROWS 10		/* children missing now listed */
#define HOMES_FIRST 10		/* homes an inspector looks at first */
#define AREAS_MAX 64		/* councils in a police force's area */
#define DUE_DAYS 28		/* a return interview is still to do */
#define RECENT_DAYS 90		/* "recent" missing episodes at a home */
#define MS_PER_DAY 86400000LL

/* ---- words ------------------------------------------------------------- */

struct role_link {
	const char *href;		/* NULL ends */
	const char *text[2];		/* en, cy */
};

struct role_text {
	const char *name[2];		/* en, cy */
	const char *lead[2];		/* what this page is for them */
	struct role_link links[5];	/* their pages, main task first */
};

static const struct role_text roles[ROLE_N] = {
	[ROLE_INSPECTOR] = {
		{ "Inspector", "Arolygydd" },
		{ "Which children" RQ "s homes to look at first, and the "
		  "figures for Wales.",
		  "Pa gartrefi plant i edrych arnynt yn gyntaf, a" RQ "r "
		  "ffigurau ar gyfer Cymru." },
		{ { "/homes",
		    { "Children" RQ "s homes", "Cartrefi plant" } },
		  { "/alerts",
		    { "Alerts to the inspectorate",
		      "Rhybuddion i" RQ "r arolygiaeth" } },
		  { "/dashboard",
		    { "Figures for Wales and each council",
		      "Ffigurau ar gyfer Cymru a phob cyngor" } },
		  { "/children",
		    { "Children in children" RQ "s homes",
		      "Plant mewn cartrefi plant" } } },
	},
	[ROLE_ANALYST] = {
		{ "Analyst", "Dadansoddwr" },
		{ "The review" RQ "s figures for Wales, each council and each "
		  "home, with disclosure control applied. You will not see "
		  "any child" RQ "s record.",
		  "Ffigurau" RQ "r adolygiad ar gyfer Cymru, pob cyngor a phob "
		  "cartref, gyda rheolaeth datgelu wedi" RQ "i chymhwyso. Ni "
		  "fyddwch yn gweld cofnod unrhyw blentyn." },
		{ { "/dashboard",
		    { "Figures for Wales, by council and by home",
		      "Ffigurau ar gyfer Cymru, fesul cyngor a fesul "
		      "cartref" } },
		  { "/homes",
		    { "Children" RQ "s homes", "Cartrefi plant" } } },
	},
	[ROLE_COUNCIL_SOCIAL_WORKER] = {
		{ "Social worker", "Gweithiwr cymdeithasol" },
		{ "Return interviews to hold, and your council" RQ "s children "
		  "who are missing now.",
		  "Cyfweliadau dychwelyd i" RQ "w cynnal, a phlant eich cyngor "
		  "sydd ar goll nawr." },
		{ { "/children",
		    { "Your council" RQ "s children",
		      "Plant eich cyngor" } },
		  { "/alerts",
		    { "Alerts to your council", "Rhybuddion i" RQ "ch "
		      "cyngor" } },
		  { "/dashboard",
		    { "Your council" RQ "s figures",
		      "Ffigurau eich cyngor" } },
		  { "/data-quality",
		    { "Checks on your council" RQ "s returns",
		      "Gwiriadau ar ffurflenni eich cyngor" } } },
	},
	[ROLE_COUNCIL_PLACEMENTS] = {
		{ "Placements officer", "Swyddog lleoliadau" },
		{ "Your council" RQ "s children in children" RQ "s homes, those "
		  "missing now, and your council" RQ "s figures.",
		  "Plant eich cyngor mewn cartrefi plant, y rhai sydd ar goll "
		  "nawr, a ffigurau eich cyngor." },
		{ { "/children?placed=home",
		    { "Your council" RQ "s children in children" RQ "s homes",
		      "Plant eich cyngor mewn cartrefi plant" } },
		  { "/homes",
		    { "Children" RQ "s homes and their places",
		      "Cartrefi plant a" RQ "u lleoedd" } },
		  { "/alerts",
		    { "Alerts to your council", "Rhybuddion i" RQ "ch "
		      "cyngor" } },
		  { "/dashboard",
		    { "Your council" RQ "s figures",
		      "Ffigurau eich cyngor" } },
		  { "/data-quality",
		    { "Checks on your council" RQ "s returns",
		      "Gwiriadau ar ffurflenni eich cyngor" } } },
	},
	[ROLE_HOME_MANAGER] = {
		{ "Home manager", "Rheolwr cartref" },
		{ "Report a child missing at once; then keep the report up to "
		  "date and record the return.",
		  "Adroddwch fod plentyn ar goll ar unwaith; yna cadwch yr "
		  "adroddiad yn gyfredol a chofnodwch y dychwelyd." },
		{ { "/missing/report",
		    { "Report a child missing", "Adrodd bod plentyn ar goll" } },
		  { "/children",
		    { "Children placed in your homes",
		      "Plant sydd wedi" RQ "u lleoli yn eich cartrefi" } },
		  { "/alerts",
		    { "Alerts to your organisation",
		      "Rhybuddion i" RQ "ch sefydliad" } },
		  { "/dashboard",
		    { "Figures for your homes",
		      "Ffigurau ar gyfer eich cartrefi" } } },
	},
	[ROLE_POLICE_MISSING_COORDINATOR] = {
		{ "Missing persons coordinator", "Cydgysylltydd pobl ar goll" },
		{ "Children missing now from placements in your force" RQ "s "
		  "area, the highest risk first.",
		  "Plant sydd ar goll nawr o leoliadau yn ardal eich heddlu, "
		  "y risg uchaf yn gyntaf." },
		{ { "/children",
		    { "Children missing in your area",
		      "Plant ar goll yn eich ardal" } },
		  { "/alerts",
		    { "Alerts to your force", "Rhybuddion i" RQ "ch "
		      "heddlu" } },
		  { "/dashboard",
		    { "Figures on going missing",
		      "Ffigurau am fynd ar goll" } } },
	},
	[ROLE_ADMIN] = {
		{ "Administrator", "Gweinyddwr" },
		{ "The people who use cartref: add them, disable them, reset "
		  "their passwords and manage their API tokens.",
		  "Y bobl sy" RQ "n defnyddio cartref: eu hychwanegu, eu "
		  "hanalluogi, ailosod eu cyfrineiriau a rheoli eu tocynnau "
		  "API." },
		{ { "/admin/users",
		    { "Manage users", "Rheoli defnyddwyr" } },
		  { "/dashboard",
		    { "The review" RQ "s published figures",
		      "Ffigurau cyhoeddedig yr adolygiad" } } },
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

struct hp_page {
	const struct web_session *ws;
	bool saved_out_of_view;	/* ?saved=missing: a change, saved */
	struct viewer v;	/* access VIEWER_NONE: no child-level lists */
	struct web_councils councils;
	/* figures: inspector, analyst, council roles */
	bool wants_figures;
	struct review_hold *hold;	/* held until written: read-only */
	const struct review *review;	/* NULL: no returns in the store */
	/* live missing from care (store_mfc_attention()) */
	struct mfc_attention_page *open;	/* missing or away now */
	struct mfc_attention_page *due;		/* interviews, reports */
	/* homes now: providers' own, every home for inspectors */
	struct home_now *homes;
	size_t nhomes;
	/* police */
	struct hp_area *areas;
	size_t nareas;
	/* open alerts to the organisation, one item per child or home */
	struct alert_item_page *items;	/* NULL: the role receives none */
	/* the rules whose items its "do first" list shows (NULL: all) */
	const char *const *task_rules;
	long nitems;			/* as /alerts counts them */
	/* admin */
	long users_active, users_disabled;
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

static bool is_council(enum role r)
{
	return r == ROLE_COUNCIL_SOCIAL_WORKER || r == ROLE_COUNCIL_PLACEMENTS;
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
	if (is_council(u->role)) {
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

/* One "needs attention" list of live episodes (scoped, audited). */
static int load_mfc(struct store *s, struct hp_page *p, enum mfc_due due,
		    int64_t since, bool by_risk, long size,
		    struct mfc_attention_page **out, struct err *err)
{
	struct mfc_filter f;

	memset(&f, 0, sizeof(f));
	f.due = due;
	f.since_ms = since;
	f.by_risk = by_risk;
	f.page_size = size;
	*out = xmalloc(sizeof(**out));
	return store_mfc_attention(s, &p->v, &f, *out, err);
}

/*
 * The alerts to the viewer's organisation that people are to act on
 * (open or acknowledged), as items (one per child or home, the most
 * urgent first: alerts_items_list(), scoped and audited), and how many
 * there are, counted as /alerts counts them.  rule: only its items
 * (NULL: every rule); a role that receives none has none.
 */
static int load_alerts(struct store *s, struct hp_page *p, const char *rule,
		       struct err *err)
{
	struct alert_filter af;
	struct err inner = ERR_INIT;
	int rc;

	memset(&af, 0, sizeof(af));
	af.state = -1;
	rc = alerts_items_count(s, &p->v, &af, &p->nitems, &inner);
	if (rc == ERR_DENIED)
		return 0;
	if (!rc) {
		af.rule = rule;
		af.page_size = STORE_PAGE_MAX;
		p->items = xcalloc(1, sizeof(*p->items));
		rc = alerts_items_list(s, &p->v, &af, p->items, &inner);
	}
	return rc ? err_set(err, rc, "%s", err_text(&inner)) : 0;
}

static const char *const placements_rules[] = {
	"placement-stability", "poor-home-unviewed", "rec-action-overdue",
	"rec-no-update", NULL
};

static int gather(struct request *req, struct hp_page *p, struct err *err)
{
	struct store *s = web_store(req, err);
	enum role role = p->ws->user.role;
	int64_t now;
	int rc;

	if (!s)
		return ERR_STORE;
	rc = web_viewer(req, s, &p->v, err);
	if (!rc)
		rc = web_councils_load(s, &p->councils, err);
	if (rc)
		return rc;
	now = p->v.now_ms;
	if (role == ROLE_INSPECTOR || role == ROLE_ANALYST ||
	    is_council(role)) {
		p->wants_figures = true;
		rc = load_figures(s, p, err);
	}
	if (rc)
		return rc;
	switch (role) {
	case ROLE_POLICE_MISSING_COORDINATOR:
		rc = load_areas(s, p, err);
		if (!rc)
			rc = load_mfc(s, p, MFC_DUE_OPEN, 0, true,
				      DO_FIRST_MAX, &p->open, err);
		break;
	case ROLE_COUNCIL_SOCIAL_WORKER:
		rc = load_mfc(s, p, MFC_DUE_INTERVIEW,
			      now - DUE_DAYS * MS_PER_DAY, false, DO_FIRST_MAX,
			      &p->due, err);
		/* fall through */
	case ROLE_COUNCIL_PLACEMENTS:
		if (!rc)
			rc = load_mfc(s, p, MFC_DUE_OPEN, 0, true, MISSING_ROWS,
				      &p->open, err);
		break;
	case ROLE_HOME_MANAGER:
		rc = load_mfc(s, p, MFC_DUE_OPEN, 0, false, DO_FIRST_MAX,
			      &p->open, err);
		if (!rc)
			rc = load_mfc(s, p, MFC_DUE_REPORT,
				      now - DUE_DAYS * MS_PER_DAY, false,
				      DO_FIRST_MAX, &p->due, err);
		if (!rc)
			rc = store_homes_now(s, &p->v,
					     now - RECENT_DAYS * MS_PER_DAY,
					     &p->homes, &p->nhomes, err);
		break;
	case ROLE_INSPECTOR:
		rc = store_homes_now(s, &p->v, now - RECENT_DAYS * MS_PER_DAY,
				     &p->homes, &p->nhomes, err);
		break;
	case ROLE_ADMIN:
		rc = store_users_each(s, count_user, p, err);
		break;
	case ROLE_ANALYST:
	case ROLE_N:
		break;
	}
	/* placements: its children's moves, and the quality of the homes
	 * where they live and its recommendations (the missing alerts are
	 * the social workers') */
	if (role == ROLE_COUNCIL_PLACEMENTS)
		p->task_rules = placements_rules;
	if (!rc && p->v.access != VIEWER_NONE)
		rc = load_alerts(s, p, NULL, err);
	return rc;
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
		res_text(res, "*");	/* as the report and dashboards */
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

/* "C123456, 15" (the age only where the viewer may see it). */
static void child_words(const struct mfc_attention_row *m, char *out,
			size_t cap)
{
	if (m->age >= 0)
		snprintf(out, cap, "%s, %d", m->ref, m->age);
	else
		snprintf(out, cap, "%s", m->ref);
}

/* Where an episode started: "Maes Awel, Swansea", or its council. */
static void place_words(struct request *req, const struct hp_page *p,
			const struct mfc_attention_row *m, char *out,
			size_t cap)
{
	(void)p;
	if (m->home_name[0])
		snprintf(out, cap, "%s", m->home_name);
	else
		snprintf(out, cap, "%s", tr(req, "a placement that is not a "
					    "registered home",
					    "lleoliad nad yw" RQ "n gartref "
					    "cofrestredig"));
}

static const char *grade_colour(enum mfc_grade g)
{
	switch (g) {
	case MFC_GRADE_HIGH:
		return "red";
	case MFC_GRADE_MEDIUM:
		return "orange";
	case MFC_GRADE_LOW:
		return "yellow";
	case MFC_GRADE_NONE:
		return "grey";
	case MFC_GRADE_UNSET:
	case MFC_NGRADES:
		break;
	}
	return "purple";
}

/*
 * One item of a GOV.UK task list: the task as a link, a hint under it
 * (where, when) and a status tag.  n numbers the ids of the page's
 * items.
 */
static void task_item(struct response *res, int n, const char *href_path,
		      int64_t href_id, const char *href_frag,
		      const char *name, const char *hint, const char *colour,
		      const char *status)
{
	res_markup(res, "<li class=\"govuk-task-list__item "
		   "govuk-task-list__item--with-link\">\n"
		   "<div class=\"govuk-task-list__name-and-hint\">\n"
		   "<a class=\"govuk-link govuk-task-list__link\" href=\"");
	res_url_path(res, href_path);
	if (href_id)
		res_int(res, href_id);
	if (href_frag)		/* a constant "#id" */
		res_attr(res, href_frag);
	res_markup(res, "\" aria-describedby=\"task-");
	res_int(res, n);
	res_markup(res, "-hint task-");
	res_int(res, n);
	res_markup(res, "-status\">");
	res_text(res, name);
	res_markup(res, "</a>\n<div id=\"task-");
	res_int(res, n);
	res_markup(res, "-hint\" class=\"govuk-task-list__hint\">");
	res_text(res, hint);
	res_markup(res, "</div>\n</div>\n<div class=\"govuk-task-list__status\" "
		   "id=\"task-");
	res_int(res, n);
	res_markup(res, "-status\">");
	part_tag(res, colour, status);
	res_markup(res, "</div>\n</li>\n");
}

static void do_first_start(struct request *req, struct response *res,
			   long total)
{
	char s[160];

	res_markup(res, "<h2 class=\"govuk-heading-m\" id=\"do-first\">");
	res_text(res, tr(req, "Do first", "I" RQ "w wneud gyntaf"));
	res_markup(res, "</h2>\n");
	if (total == 1)
		snprintf(s, sizeof(s), "%s", tr(req, "1 thing needs doing.",
						"Mae angen gwneud 1 peth."));
	else
		snprintf(s, sizeof(s), WEB_TRF(req, "%ld things need doing, "
					       "the most urgent first.",
					       "Mae angen gwneud %ld o "
					       "bethau, y mwyaf brys yn "
					       "gyntaf."), total);
	res_markup(res, "<p class=\"govuk-body\" data-cartref-total=\"");
	res_int(res, total);
	res_markup(res, "\">");
	res_text(res, s);
	res_markup(res, "</p>\n");
	res_markup(res, "<ul class=\"govuk-task-list\" "
		   "data-cartref=\"do-first\">\n");
}

static void do_first_end(struct request *req, struct response *res,
			 long shown, long total, const char *all_href)
{
	char s[160];

	res_markup(res, "</ul>\n");
	if (total > shown) {
		snprintf(s, sizeof(s), WEB_TRF(req, "The %ld most urgent of "
					       "%ld are shown.",
					       "Dangosir y %ld mwyaf brys o "
					       "%ld."), shown, total);
		res_markup(res, "<p class=\"govuk-body\">");
		res_text(res, s);
		res_text(res, " ");
		res_markup(res, "<a class=\"govuk-link\" href=\"");
		res_url_path(res, all_href);
		res_markup(res, "\">");
		res_text(res, tr(req, "See them all", "Gweld pob un"));
		res_markup(res, "</a></p>\n");
	}
}

static void nothing_first(struct request *req, struct response *res,
			  const char *why)
{
	res_markup(res, "<h2 class=\"govuk-heading-m\" id=\"do-first\">");
	res_text(res, tr(req, "Do first", "I" RQ "w wneud gyntaf"));
	res_markup(res, "</h2>\n<div class=\"govuk-inset-text\" "
		   "data-cartref=\"do-first-empty\">");
	res_text(res, why);
	res_markup(res, "</div>\n");
}

/* Is every reason of item it of rule? */
static bool item_only(const struct alert_item_page *ip,
		      const struct alert_item *it, const char *rule)
{
	for (size_t k = 0; k < it->n; k++)
		if (strcmp(ip->reasons[it->first + k].rule, rule))
			return false;
	return it->n > 0;
}

/* Has item it a reason of one of rules (NULL-terminated)? */
static bool item_any(const struct alert_item_page *ip,
		     const struct alert_item *it, const char *const *rules)
{
	for (size_t k = 0; k < it->n; k++)
		for (size_t r = 0; rules[r]; r++)
			if (!strcmp(ip->reasons[it->first + k].rule, rules[r]))
				return true;
	return false;
}

/* Does a "do first" list show item it: not of skip_rule alone (another
 * task on the list is the same thing), and of the role's rules? */
static bool task_shown(const struct hp_page *p, const struct alert_item *it,
		       const char *skip_rule)
{
	if (skip_rule && item_only(p->items, it, skip_rule))
		return false;
	return !p->task_rules || item_any(p->items, it, p->task_rules);
}

/* The alert items a "do first" list shows. */
static long alert_tasks_count(const struct hp_page *p, const char *skip_rule)
{
	long n = 0;

	if (!p->items)
		return 0;
	for (size_t i = 0; i < p->items->n; i++)
		if (task_shown(p, &p->items->items[i], skip_rule))
			n++;
	/* items past the page: counted only when every rule's show */
	return n + (p->task_rules ? 0 : p->items->total - (long)p->items->n);
}

/*
 * Alert items as tasks: the most urgent reason says what to do; the
 * task links to it.  Numbering continues from *n; at most max - *shown
 * more are written.
 */
static void alert_tasks(struct request *req, struct response *res,
			const struct hp_page *p, const char *skip_rule, int *n,
			long *shown, long max)
{
	const struct alert_item_page *ip = p->items;
	bool cy = req->lang[0] == 'c';

	for (size_t i = 0; ip && i < ip->n && *shown < max; i++) {
		const struct alert_item *it = &ip->items[i];
		const struct alert_row *r;
		struct alert_text t;
		char name[300], hint[2 * ALERT_TEXT_MAX + 4], how[UK_TEXT_MAX];
		char status[96];

		if (!it->n || !task_shown(p, it, skip_rule))
			continue;
		r = &ip->reasons[it->first];
		alert_text(r, p->v.now_ms, cy, &t);
		if (r->ref[0]) {
			snprintf(name, sizeof(name), "%s: %s",
				 alert_title(r->rule, cy), r->ref);
		} else if (r->unnamed) {
			/* a child this reader may not open (docs/alerts.md) */
			char who[LA_NAME_MAX + 64];

			alert_unnamed_text(r, cy, who, sizeof(who));
			snprintf(name, sizeof(name), "%s: %s",
				 alert_title(r->rule, cy), who);
		} else if (r->home_name[0] || r->urn[0]) {
			snprintf(name, sizeof(name), "%s: %s",
				 alert_title(r->rule, cy),
				 r->home_name[0] ? r->home_name : r->urn);
		} else {
			/* about a recommendation (issue 13): its code */
			char code[ALERT_REC_CODE_MAX + 1];

			alert_rec_of(r, code);
			snprintf(name, sizeof(name), "%s: %s",
				 alert_title(r->rule, cy), code);
		}
		if (it->n > 1) {
			size_t len = strlen(name);

			snprintf(name + len, sizeof(name) - len, WEB_TRF(req,
				 " (and %zu more)", " (a %zu arall)"),
				 it->n - 1);
		}
		snprintf(hint, sizeof(hint), "%s%s%s", t.todo,
			 t.todo[0] && t.where[0] ? " " : "", t.where);
		if (alert_is_overdue(r, p->v.now_ms)) {
			uk_duration_text(p->v.now_ms - r->due_at, cy, how,
					 sizeof(how));
			snprintf(status, sizeof(status),
				 WEB_TRF(req, "%s overdue", "%s yn hwyr"), how);
		} else {
			snprintf(status, sizeof(status), "%s",
				 alert_severity_label(r->severity, cy));
		}
		task_item(res, ++*n, "/alerts/", r->id, NULL, name, hint,
			  web_severity_colour(r->severity), status);
		(*shown)++;
	}
}

/* Police: every child missing now from the area, highest risk first. */
static void police_first(struct request *req, struct response *res,
			 const struct hp_page *p)
{
	const struct mfc_attention_page *lp = p->open;
	bool cy = req->lang[0] == 'c';

	if (!lp->total) {
		nothing_first(req, res, tr(req, "No child is missing from a "
					   "placement in your area now.",
					   "Nid oes plentyn ar goll o "
					   "leoliad yn eich ardal nawr."));
		return;
	}
	do_first_start(req, res, lp->total);
	for (size_t i = 0; i < lp->n; i++) {
		const struct mfc_attention_row *m = &lp->rows[i];
		char who[64], where[200], for_[UK_TEXT_MAX], since[UK_TEXT_MAX];
		char name[160], hint[400];

		child_words(m, who, sizeof(who));
		place_words(req, p, m, where, sizeof(where));
		uk_duration_text(p->v.now_ms - m->started_at, cy, for_,
				 sizeof(for_));
		uk_time_text(m->started_at, cy, since, sizeof(since));
		if (m->grade == MFC_GRADE_UNSET)
			snprintf(name, sizeof(name), WEB_TRF(req,
				 "Grade the risk: %s, missing for %s",
				 "Graddio" RQ "r risg: %s, ar goll ers %s"),
				 who, for_);
		else
			snprintf(name, sizeof(name), WEB_TRF(req,
				 "Find %s, missing for %s",
				 "Dod o hyd i %s, ar goll ers %s"), who, for_);
		snprintf(hint, sizeof(hint), WEB_TRF(req,
			 "Missing from %s since %s. Looked after by %s.%s",
			 "Ar goll o %s ers %s. Yn derbyn gofal gan %s.%s"),
			 where, since, web_council_name(req, &p->councils, m->la),
			 m->exploitation ? tr(req, " Exploitation concern.",
					      " Pryder am gamfanteisio.") : "");
		task_item(res, (int)i + 1, "/missing/", m->id, NULL, name,
			  hint, grade_colour(m->grade),
			  m->grade == MFC_GRADE_UNSET ?
				  tr(req, "Not graded", "Heb ei raddio") :
				  web_grade_label(req, m->grade));
	}
	do_first_end(req, res, (long)lp->n, lp->total, "/children");
}

/*
 * Social worker: return interviews due, oldest return first; then the
 * alerts to the council, most urgent first (not those that are only the
 * same late interviews).
 */
static void interviews_first(struct request *req, struct response *res,
			     const struct hp_page *p)
{
	const struct mfc_attention_page *dp = p->due;
	bool cy = req->lang[0] == 'c';
	long total = dp->total + alert_tasks_count(p, "ri-72h"), shown = 0;
	int n = 0;

	if (!total) {
		nothing_first(req, res, tr(req, "No return interview is due: "
					   "every child back from missing in "
					   "the last 4 weeks has had one, or "
					   "declined it.",
					   "Nid oes cyfweliad dychwelyd yn "
					   "ddyledus: mae pob plentyn a ddaeth "
					   "yn " "\xc3\xb4" "l o fod ar goll yn "
					   "y 4 wythnos diwethaf wedi cael un, "
					   "neu wedi" RQ "i wrthod."));
		return;
	}
	do_first_start(req, res, total);
	for (size_t i = 0; i < dp->n; i++) {
		const struct mfc_attention_row *m = &dp->rows[i];
		int64_t due = m->returned_at + 72 * 3600000LL;
		char who[64], where[200], back[UK_TEXT_MAX], by[UK_TEXT_MAX];
		char how[UK_TEXT_MAX], name[160], hint[400], status[96];
		bool late = p->v.now_ms > due;

		child_words(m, who, sizeof(who));
		place_words(req, p, m, where, sizeof(where));
		uk_time_text(m->returned_at, cy, back, sizeof(back));
		uk_time_text(due, cy, by, sizeof(by));
		uk_duration_text(late ? p->v.now_ms - due : due - p->v.now_ms,
				 cy, how, sizeof(how));
		snprintf(name, sizeof(name), WEB_TRF(req,
			 "Hold the return interview: %s",
			 "Cynnal y cyfweliad dychwelyd: %s"), who);
		snprintf(hint, sizeof(hint), WEB_TRF(req,
			 "Back on %s after going missing from %s. Due by %s.",
			 "Yn " "\xc3\xb4" "l ar %s ar " "\xc3\xb4" "l mynd ar goll "
			 "o %s. I" RQ "w gynnal erbyn %s."), back, where, by);
		snprintf(status, sizeof(status), late ?
			 WEB_TRF(req, "%s overdue", "%s yn hwyr") :
			 WEB_TRF(req, "Due in %s", "I" RQ "w gynnal mewn %s"),
			 how);
		task_item(res, ++n, "/missing/", m->id, "#interview",
			  name, hint, late ? "red" : "yellow", status);
		shown++;
	}
	alert_tasks(req, res, p, "ri-72h", &n, &shown, DO_FIRST_MAX);
	do_first_end(req, res, shown, total, "/alerts");
}

/*
 * Alert items as the whole "do first" list (inspectors, placements), but
 * those of skip_rule alone (NULL: none), which the page shows otherwise.
 */
static void alerts_first(struct request *req, struct response *res,
			 const struct hp_page *p, const char *skip_rule,
			 const char *none)
{
	long total = alert_tasks_count(p, skip_rule), shown = 0;
	int n = 0;

	if (!total) {
		nothing_first(req, res, none);
		return;
	}
	do_first_start(req, res, total);
	alert_tasks(req, res, p, skip_rule, &n, &shown, DO_FIRST_MAX);
	do_first_end(req, res, shown, total, "/alerts");
}

/*
 * Home manager: the children missing now from its homes (keep the
 * report complete, record the return), then reports of the last weeks
 * with a part missing.
 */
static void home_first(struct request *req, struct response *res,
		       const struct hp_page *p)
{
	const struct mfc_attention_page *op = p->open, *dp = p->due;
	bool cy = req->lang[0] == 'c';
	long total = op->total, shown = 0;
	int n = 0;

	/* a report still open is on both lists: count it once */
	for (size_t i = 0; i < dp->n; i++)
		if (!dp->rows[i].returned_at)
			total--;
	total += dp->total;
	if (!total) {
		nothing_first(req, res, tr(req, "No child placed in your homes "
					   "is missing now, and every report "
					   "of the last 4 weeks is complete.",
					   "Nid oes plentyn a leolwyd yn eich "
					   "cartrefi ar goll nawr, ac mae pob "
					   "adroddiad o" RQ "r 4 wythnos "
					   "diwethaf yn gyflawn."));
		return;
	}
	do_first_start(req, res, total);
	for (size_t i = 0; i < op->n; i++) {
		const struct mfc_attention_row *m = &op->rows[i];
		char who[64], for_[UK_TEXT_MAX], since[UK_TEXT_MAX];
		char name[160], hint[400];

		child_words(m, who, sizeof(who));
		uk_duration_text(p->v.now_ms - m->started_at, cy, for_,
				 sizeof(for_));
		uk_time_text(m->started_at, cy, since, sizeof(since));
		if (m->report_incomplete)
			snprintf(name, sizeof(name), WEB_TRF(req,
				 "Complete the report: %s is missing",
				 "Cwblhau" RQ "r adroddiad: mae %s ar goll"),
				 who);
		else
			snprintf(name, sizeof(name), WEB_TRF(req,
				 "Record the return when %s is back",
				 "Cofnodi" RQ "r dychwelyd pan fydd %s yn "
				 "\xc3\xb4" "l"), who);
		snprintf(hint, sizeof(hint), WEB_TRF(req,
			 "%s from %s since %s (%s).",
			 "%s o %s ers %s (%s)."),
			 m->kind[0] == 'A' ? tr(req, "Away", "I ffwrdd") :
					     tr(req, "Missing", "Ar goll"),
			 m->home_name[0] ? m->home_name : "", since, for_);
		task_item(res, ++n, "/missing/", m->id, NULL, name, hint,
			  "red", m->kind[0] == 'A' ? tr(req, "Away now",
							"I ffwrdd nawr") :
						     tr(req, "Missing now",
							"Ar goll nawr"));
		shown++;
	}
	for (size_t i = 0; i < dp->n && shown < DO_FIRST_MAX; i++) {
		const struct mfc_attention_row *m = &dp->rows[i];
		char who[64], since[UK_TEXT_MAX], name[160], hint[400];

		if (!m->returned_at)
			continue;	/* listed above */
		child_words(m, who, sizeof(who));
		uk_time_text(m->started_at, cy, since, sizeof(since));
		snprintf(name, sizeof(name), WEB_TRF(req,
			 "Complete the report of %s going missing",
			 "Cwblhau" RQ "r adroddiad am %s yn mynd ar goll"),
			 who);
		snprintf(hint, sizeof(hint), WEB_TRF(req,
			 "From %s on %s: when last seen, what happened or what "
			 "the home did is not recorded.",
			 "O %s ar %s: nid yw pryd y gwelwyd ddiwethaf, beth "
			 "ddigwyddodd neu beth wnaeth y cartref wedi" RQ "i "
			 "gofnodi."), m->home_name, since);
		task_item(res, ++n, "/missing/", m->id, "#home", name, hint,
			  "yellow", tr(req, "To complete", "I" RQ "w gwblhau"));
		shown++;
	}
	do_first_end(req, res, shown, total, "/children");
}

/* The council's children missing now (council roles), as a table. */
static void missing_now(struct request *req, struct response *res,
			const struct hp_page *p)
{
	const struct mfc_attention_page *lp = p->open;
	bool cy = req->lang[0] == 'c';
	char s[160];

	part_h2(res, tr(req, "Missing or away now", "Ar goll neu i ffwrdd "
			"nawr"));
	if (!lp->total) {
		part_para(res, tr(req, "None of your council" RQ "s children "
				  "is missing or away now.",
				  "Nid oes yr un o blant eich cyngor ar goll "
				  "neu i ffwrdd nawr."));
		return;
	}
	part_table_scroll_start(req, res, tr(req, "Children missing or away "
					     "now", "Plant ar goll neu i "
					     "ffwrdd nawr"));
	res_markup(res, "<table class=\"govuk-table\" "
		   "data-cartref=\"missing-now\">\n<caption "
		   "class=\"govuk-table__caption govuk-table__caption--s\">");
	res_text(res, tr(req, "Highest police risk first",
			 "Y risg uchaf gan yr heddlu yn gyntaf"));
	res_markup(res, "</caption>\n<thead class=\"govuk-table__head\">\n"
		   "<tr class=\"govuk-table__row\">\n");
	part_th(res, tr(req, "Child", "Plentyn"), false);
	part_th(res, tr(req, "From", "O"), false);
	part_th(res, tr(req, "For", "Ers"), false);
	part_th(res, tr(req, "Police risk", "Risg yr heddlu"), false);
	res_markup(res, "</tr>\n</thead>\n<tbody class=\"govuk-table__body\">\n");
	for (size_t i = 0; i < lp->n; i++) {
		const struct mfc_attention_row *m = &lp->rows[i];
		char who[64], for_[UK_TEXT_MAX];

		child_words(m, who, sizeof(who));
		uk_duration_text(p->v.now_ms - m->started_at, cy, for_,
				 sizeof(for_));
		res_markup(res, "<tr class=\"govuk-table__row\">\n"
			   "<th scope=\"row\" class=\"govuk-table__header\">"
			   "<a class=\"govuk-link\" href=\"/missing/");
		res_int(res, m->id);
		res_markup(res, "\">");
		res_text(res, who);
		res_markup(res, "</a>");
		if (m->kind[0] == 'A') {
			res_text(res, " ");
			res_text(res, tr(req, "(away)", "(i ffwrdd)"));
		}
		res_markup(res, "</th>\n<td class=\"govuk-table__cell\">");
		if (m->urn[0])
			part_home_link(res, m->urn, m->home_name);
		else
			part_not_recorded(req, res);
		res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
		res_text(res, for_);
		res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
		if (m->kind[0] == 'A')	/* known where: not the police's */
			res_text(res, tr(req, "Not for the police (away)",
					 "Nid i" RQ "r heddlu (i ffwrdd)"));
		else
			part_tag(res, grade_colour(m->grade),
				 web_grade_label(req, m->grade));
		res_markup(res, "</td>\n</tr>\n");
	}
	res_markup(res, "</tbody>\n</table>\n");
	part_table_scroll_end(res);
	if (lp->total > (long)lp->n) {
		snprintf(s, sizeof(s), WEB_TRF(req, "%zu of %ld are shown.",
					       "Dangosir %zu o %ld."),
			 lp->n, lp->total);
		part_para(res, s);
	}
}

static void write_figures(struct request *req, struct response *res,
			  const struct hp_page *p)
{
	const struct review *r = p->review;
	bool cy = req->lang[0] == 'c';
	char s[200];

	if (!r) {
		part_h2(res, tr(req, "Figures", "Ffigurau"));
		part_para(res, tr(req, "No returns have been imported yet, "
				  "so there are no figures to show.",
				  "Nid oes ffurflenni wedi" RQ "u mewnforio "
				  "eto, felly nid oes ffigurau i" RQ "w "
				  "dangos."));
		return;
	}
	res_markup(res, "<h2 class=\"govuk-heading-m\">");
	res_text(res, tr(req, "Figures for ", "Ffigurau ar gyfer "));
	res_text(res, name_in(req, r->scope.name_en, r->scope.name_cy));
	res_markup(res, "</h2>\n<p class=\"govuk-body\">");
	snprintf(s, sizeof(s), WEB_TRF(req, "The year from 1 April %d to 31 "
				       "March %d, from the councils" RQ
				       " returns.",
				       "Y flwyddyn o 1 Ebrill %d i 31 Mawrth "
				       "%d, o ffurflenni" RQ "r cynghorau."),
		 r->year - 1, r->year);
	res_text(res, s);
	res_markup(res, "</p>\n<div class=\"govuk-inset-text\">");
	if (r->published)
		res_text(res, tr(req, "Published figures: counts of children "
				 "are rounded to the nearest 5, and those "
				 "from 1 to 4, and figures based on them, are "
				 "shown as *. Homes and places are from the "
				 "public register, as they are.",
				 "Ffigurau cyhoeddedig: mae cyfrifon plant "
				 "wedi" RQ "u talgrynnu i" RQ "r 5 agosaf, a "
				 "dangosir y rhai o 1 i 4, a ffigurau sy" RQ
				 "n seiliedig arnynt, fel *. Daw cartrefi a "
				 "lleoedd o" RQ "r gofrestr gyhoeddus, fel y "
				 "maent."));
	else
		res_text(res, tr(req, "Exact figures, for staff only: not for "
				 "publication.",
				 "Ffigurau union, ar gyfer staff yn unig: nid "
				 "i" RQ "w cyhoeddi."));
	res_markup(res, "</div>\n<dl class=\"govuk-summary-list\" "
		   "data-cartref=\"figures\">\n");
	for (size_t i = 0; i < ARRAY_SIZE(headline); i++) {
		const struct review_cell *c = &r->fig[headline[i].fig];

		if (c->flags & CELL_NA)
			continue;
		part_summary_key(res, headline[i].label[cy]);
		put_cell(res, c);
		part_summary_key_end(res);
	}
	part_summary_end(res);
}

/* The provider's homes, one row each. */
static void write_homes(struct request *req, struct response *res,
			const struct hp_page *p)
{
	const struct org *o = &p->ws->org;
	long places = 0, placed = 0;

	part_h2(res, tr(req, "Your homes", "Eich cartrefi"));
	if (!o->provider[0]) {
		part_para(res, tr(req, "Your organisation is not linked to a "
				  "provider in the homes register yet. Ask "
				  "the person who manages your account.",
				  "Nid yw eich sefydliad wedi" RQ "i gysylltu "
				  "\xc3\xa2 darparwr yng nghofrestr y "
				  "cartrefi eto. Gofynnwch i" RQ "r person "
				  "sy" RQ "n rheoli eich cyfrif."));
		return;
	}
	if (!p->nhomes) {
		part_para(res, tr(req, "The homes register has no homes run "
				  "by your organisation.",
				  "Nid oes gan gofrestr y cartrefi gartrefi "
				  "sy" RQ "n cael eu rhedeg gan eich "
				  "sefydliad."));
		return;
	}
	part_table_scroll_start(req, res, tr(req, "Your homes",
					     "Eich cartrefi"));
	res_markup(res, "<table class=\"govuk-table\" data-cartref=\"homes\">\n"
		   "<caption class=\"govuk-table__caption "
		   "govuk-table__caption--s\">");
	res_text(res, tr(req, "Today, and missing episodes in the last 90 "
			 "days", "Heddiw, a chyfnodau ar goll yn y 90 "
			 "diwrnod diwethaf"));
	res_markup(res, "</caption>\n<thead class=\"govuk-table__head\">\n"
		   "<tr class=\"govuk-table__row\">\n");
	part_th(res, tr(req, "Home", "Cartref"), false);
	part_th(res, tr(req, "Council area", "Ardal cyngor"), false);
	part_th(res, tr(req, "Places", "Lleoedd"), true);
	part_th(res, tr(req, "Children placed", "Plant wedi" RQ "u lleoli"),
		true);
	part_th(res, tr(req, "Missing now", "Ar goll nawr"), true);
	part_th(res, tr(req, "Missing episodes, 90 days",
			"Cyfnodau ar goll, 90 diwrnod"), true);
	res_markup(res, "</tr>\n</thead>\n<tbody class=\"govuk-table__body\">\n");
	for (size_t i = 0; i < p->nhomes; i++) {
		const struct home_now *h = &p->homes[i];

		places += h->open ? h->places : 0;
		placed += h->placed;
		res_markup(res, "<tr class=\"govuk-table__row\">\n"
			   "<th scope=\"row\" class=\"govuk-table__header\">");
		part_home_link(res, h->urn, h->name);
		if (!h->open) {
			res_text(res, " ");
			part_tag(res, "grey", tr(req, "Closed", "Wedi cau"));
		}
		res_markup(res, "</th>\n<td class=\"govuk-table__cell\">");
		res_text(res, web_council_name(req, &p->councils, h->la));
		res_markup(res, "</td>\n<td class=\"govuk-table__cell "
			   "govuk-table__cell--numeric\">");
		res_int(res, h->places);
		res_markup(res, "</td>\n<td class=\"govuk-table__cell "
			   "govuk-table__cell--numeric\">");
		res_int(res, h->placed);
		res_markup(res, "</td>\n<td class=\"govuk-table__cell "
			   "govuk-table__cell--numeric\">");
		res_int(res, h->missing_now);
		res_markup(res, "</td>\n<td class=\"govuk-table__cell "
			   "govuk-table__cell--numeric\">");
		res_int(res, h->episodes_recent);
		res_markup(res, "</td>\n</tr>\n");
	}
	res_markup(res, "</tbody>\n</table>\n");
	part_table_scroll_end(res);
	{
		char s[200];

		snprintf(s, sizeof(s), WEB_TRF(req, "%zu homes with %ld places "
					       "open; %ld children placed.",
					       "%zu o gartrefi gyda %ld o "
					       "leoedd ar agor; %ld o blant "
					       "wedi" RQ "u lleoli."),
			 p->nhomes, places, placed);
		part_para(res, s);
	}
}

/* Order for "look at first": missing episodes per place, most first. */
static int cmp_rate(const void *a, const void *b)
{
	const struct home_now *x = a, *y = b;
	/* x->e / x->p vs y->e / y->p, without division; no places last */
	int64_t l = (int64_t)x->episodes_recent * (y->places > 0 ? y->places : 1);
	int64_t r = (int64_t)y->episodes_recent * (x->places > 0 ? x->places : 1);

	if (l != r)
		return l > r ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* Inspectors: the homes with the most missing episodes per place. */
static void homes_first(struct request *req, struct response *res,
			struct hp_page *p)
{
	size_t n = 0;

	part_h2(res, tr(req, "Homes to look at first",
			"Cartrefi i edrych arnynt yn gyntaf"));
	qsort(p->homes, p->nhomes, sizeof(*p->homes), cmp_rate);
	for (size_t i = 0; i < p->nhomes; i++)
		if (p->homes[i].open && p->homes[i].episodes_recent)
			n++;
	if (!n) {
		part_para(res, tr(req, "No open home had a child go missing "
				  "in the last 90 days.",
				  "Ni aeth plentyn ar goll o unrhyw gartref "
				  "agored yn y 90 diwrnod diwethaf."));
		return;
	}
	part_para(res, tr(req, "Open homes with the most missing episodes "
			  "for their places in the last 90 days, recorded "
			  "live.",
			  "Cartrefi agored gyda" RQ "r mwyaf o gyfnodau ar "
			  "goll am eu lleoedd yn y 90 diwrnod diwethaf, "
			  "wedi" RQ "u cofnodi" RQ "n fyw."));
	part_table_scroll_start(req, res, tr(req, "Homes to look at first",
					     "Cartrefi i edrych arnynt yn "
					     "gyntaf"));
	res_markup(res, "<table class=\"govuk-table\" "
		   "data-cartref=\"homes-first\">\n"
		   "<thead class=\"govuk-table__head\">\n"
		   "<tr class=\"govuk-table__row\">\n");
	part_th(res, tr(req, "Home", "Cartref"), false);
	part_th(res, tr(req, "Council area", "Ardal cyngor"), false);
	part_th(res, tr(req, "Places", "Lleoedd"), true);
	part_th(res, tr(req, "Missing episodes, 90 days",
			"Cyfnodau ar goll, 90 diwrnod"), true);
	part_th(res, tr(req, "Missing now", "Ar goll nawr"), true);
	res_markup(res, "</tr>\n</thead>\n<tbody class=\"govuk-table__body\">\n");
	n = 0;
	for (size_t i = 0; i < p->nhomes && n < HOMES_FIRST; i++) {
		const struct home_now *h = &p->homes[i];

		if (!h->open || !h->episodes_recent)
			continue;
		n++;
		res_markup(res, "<tr class=\"govuk-table__row\">\n"
			   "<th scope=\"row\" class=\"govuk-table__header\">");
		part_home_link(res, h->urn, h->name);
		res_markup(res, "</th>\n<td class=\"govuk-table__cell\">");
		res_text(res, web_council_name(req, &p->councils, h->la));
		res_markup(res, "</td>\n<td class=\"govuk-table__cell "
			   "govuk-table__cell--numeric\">");
		res_int(res, h->places);
		res_markup(res, "</td>\n<td class=\"govuk-table__cell "
			   "govuk-table__cell--numeric\">");
		res_int(res, h->episodes_recent);
		res_markup(res, "</td>\n<td class=\"govuk-table__cell "
			   "govuk-table__cell--numeric\">");
		res_int(res, h->missing_now);
		res_markup(res, "</td>\n</tr>\n");
	}
	res_markup(res, "</tbody>\n</table>\n");
	part_table_scroll_end(res);
}

static void write_areas(struct request *req, struct response *res,
			const struct hp_page *p)
{
	part_h2(res, tr(req, "Your force" RQ "s area", "Ardal eich heddlu"));
	if (!p->nareas) {
		part_para(res, tr(req, "No council is in your force" RQ "s "
				  "area yet. Ask the person who manages your "
				  "account.",
				  "Nid oes cyngor yn ardal eich heddlu eto. "
				  "Gofynnwch i" RQ "r person sy" RQ "n rheoli "
				  "eich cyfrif."));
		return;
	}
	res_markup(res, "<p class=\"govuk-body\">");
	for (size_t i = 0; i < p->nareas; i++) {
		const struct hp_area *a = &p->areas[i];

		if (i)
			res_text(res, i + 1 == p->nareas ?
				 tr(req, " and ", " a ") : ", ");
		res_text(res, a->la.code[0] ?
			 name_in(req, a->la.name_en, a->la.name_cy) : a->code);
	}
	res_text(res, ".");
	res_markup(res, "</p>\n");
}

static void summary_row(struct response *res, const char *key, long n)
{
	part_summary_key(res, key);
	put_count(res, n);
	part_summary_key_end(res);
}

static void write_users(struct request *req, struct response *res,
			const struct hp_page *p)
{
	part_h2(res, tr(req, "People using cartref",
			"Pobl sy" RQ "n defnyddio cartref"));
	part_summary_start(res);
	summary_row(res, tr(req, "Active users", "Defnyddwyr gweithredol"),
		    p->users_active);
	summary_row(res, tr(req, "Disabled users",
			    "Defnyddwyr wedi" RQ "u hanalluogi"),
		    p->users_disabled);
	part_summary_end(res);
}

/* How many children and homes have alerts open, with a link (the count
 * /alerts shows). */
static void write_alerts(struct request *req, struct response *res,
			 const struct hp_page *p)
{
	char s[200];

	part_h2(res, tr(req, "Alerts", "Rhybuddion"));
	res_markup(res, "<p class=\"govuk-body\" data-cartref=\"alerts\">");
	if (!p->nitems) {
		res_text(res, tr(req, "No open alerts for your organisation.",
				 "Dim rhybuddion agored i" RQ "ch sefydliad."));
	} else {
		snprintf(s, sizeof(s), WEB_TRF(req, "Alerts open for your "
					       "organisation: %ld, about "
					       "children or homes. ",
					       "Rhybuddion agored i" RQ "ch "
					       "sefydliad: %ld, am blant neu "
					       "gartrefi. "), p->nitems);
		res_text(res, s);
		res_markup(res, "<a class=\"govuk-link\" href=\"/alerts\">");
		res_text(res, tr(req, "See the alerts", "Gweld y rhybuddion"));
		res_markup(res, "</a>");
	}
	res_markup(res, "</p>\n");
}

/* The role's pages, main task first. */
static void write_links(struct request *req, struct response *res,
			const struct role_text *t)
{
	res_markup(res, "<aside class=\"cartref-related\" aria-labelledby="
		   "\"your-pages\">\n<h2 class=\"govuk-heading-s\" "
		   "id=\"your-pages\">");
	res_text(res, tr(req, "Your pages", "Eich tudalennau"));
	res_markup(res, "</h2>\n<ul class=\"govuk-list\" "
		   "data-cartref=\"your-pages\">\n");
	for (size_t i = 0; i < ARRAY_SIZE(t->links) && t->links[i].href;
	     i++) {
		res_markup(res, "<li><a class=\"govuk-link\" href=\"");
		res_attr(res, t->links[i].href);
		res_markup(res, "\">");
		res_text(res, lang2(req, t->links[i].text));
		res_markup(res, "</a></li>\n");
	}
	res_markup(res, "</ul>\n</aside>\n");
}

/* The page's main heading: what this person's work is about. */
static void heading1(struct request *req, struct response *res,
		     const struct hp_page *p)
{
	const struct web_session *ws = p->ws;
	const char *org = name_in(req, ws->org.name_en, ws->org.name_cy);
	char s[240];

	switch (ws->user.role) {
	case ROLE_INSPECTOR:
		snprintf(s, sizeof(s), "%s", tr(req, "Children" RQ "s homes "
						"in Wales",
						"Cartrefi plant yng Nghymru"));
		break;
	case ROLE_ANALYST:
		snprintf(s, sizeof(s), "%s", tr(req, "Figures for Wales",
						"Ffigurau ar gyfer Cymru"));
		break;
	case ROLE_COUNCIL_SOCIAL_WORKER:
		snprintf(s, sizeof(s), WEB_TRF(req, "%s" RQ "s children",
					       "Plant %s"),
			 web_council_name(req, &p->councils, ws->org.la));
		break;
	case ROLE_COUNCIL_PLACEMENTS:
		snprintf(s, sizeof(s), WEB_TRF(req, "Placements of %s" RQ "s "
					       "children",
					       "Lleoliadau plant %s"),
			 web_council_name(req, &p->councils, ws->org.la));
		break;
	case ROLE_HOME_MANAGER:
		snprintf(s, sizeof(s), WEB_TRF(req, "Homes run by %s",
					       "Cartrefi sy" RQ "n cael eu "
					       "rhedeg gan %s"),
			 ws->org.provider[0] ? ws->org.provider : org);
		break;
	case ROLE_POLICE_MISSING_COORDINATOR:
		snprintf(s, sizeof(s), WEB_TRF(req, "Children missing in %s" RQ
					       "s area",
					       "Plant ar goll yn ardal %s"),
			 org);
		break;
	case ROLE_ADMIN:
	case ROLE_N:
		snprintf(s, sizeof(s), "%s", tr(req, "People and access",
						"Pobl a mynediad"));
		break;
	}
	res_markup(res, "<h1 class=\"govuk-heading-l\">");
	res_text(res, s);
	res_markup(res, "</h1>\n");
}

static void report_button(struct request *req, struct response *res)
{
	res_markup(res, "<a href=\"/missing/report\" role=\"button\" "
		   "draggable=\"false\" class=\"govuk-button "
		   "govuk-button--warning\" data-module=\"govuk-button\" "
		   "data-cartref=\"report-missing\">");
	res_text(res, tr(req, "Report a child missing",
			 "Adrodd bod plentyn ar goll"));
	res_markup(res, "</a>\n");
}

static void home_body(struct request *req, struct response *res, void *ctx)
{
	struct hp_page *p = ctx;
	const struct web_session *ws = p->ws;
	const struct role_text *t = &roles[ws->user.role];

	res_markup(res, "<div class=\"govuk-grid-row\">\n"
		   "<div class=\"govuk-grid-column-two-thirds\">\n");
	if (p->saved_out_of_view)
		part_banner(req, res, tr(req, "Saved. The missing episode is "
			"now outside what you can see, so it is no longer on "
			"your lists.",
			"Wedi" RQ "i gadw. Mae" RQ "r cyfnod ar goll bellach "
			"y tu allan i" RQ "r hyn y gallwch ei weld, felly nid "
			"yw ar eich rhestrau mwyach."));
	res_markup(res, "<span class=\"govuk-caption-l\">");
	res_text(res, lang2(req, t->name));
	res_text(res, ", ");
	res_text(res, name_in(req, ws->org.name_en, ws->org.name_cy));
	res_markup(res, "</span>\n");
	heading1(req, res, p);
	res_markup(res, "<p class=\"govuk-body-l\">");
	res_text(res, lang2(req, t->lead));
	res_markup(res, "</p>\n");

	switch (ws->user.role) {
	case ROLE_POLICE_MISSING_COORDINATOR:
		police_first(req, res, p);
		write_areas(req, res, p);
		break;
	case ROLE_COUNCIL_SOCIAL_WORKER:
		interviews_first(req, res, p);
		missing_now(req, res, p);
		break;
	case ROLE_COUNCIL_PLACEMENTS:
		alerts_first(req, res, p, NULL, tr(req, "None of your council" RQ "s "
					     "children has moved placement so "
					     "often, or so far from home with no "
					     "reason recorded, that an alert is "
					     "open; no home where they live is "
					     "rated Poor unseen, and no action "
					     "on a recommendation is overdue.",
					     "Nid oes yr un o blant eich cyngor "
					     "wedi symud lleoliad mor aml, neu "
					     "mor bell o" RQ "r cartref heb reswm "
					     "wedi" RQ "i gofnodi, fel bod "
					     "rhybudd ar agor; nid oes cartref "
					     "lle maen nhw" RQ "n byw wedi" RQ "i "
					     "raddio" RQ "n Wael heb ei weld, ac "
					     "nid oes cam gweithredu ar "
					     "argymhelliad yn hwyr."));
		missing_now(req, res, p);
		break;
	case ROLE_HOME_MANAGER:
		report_button(req, res);
		home_first(req, res, p);
		break;
	case ROLE_ADMIN:
		write_users(req, res, p);
		break;
	case ROLE_INSPECTOR:
		/* homes with many missing periods: the table below */
		alerts_first(req, res, p, "home-missing-rate",
			     tr(req, "No alert about a child is open for the "
				"inspectorate.",
				"Nid oes rhybudd am blentyn ar agor i" RQ "r "
				"arolygiaeth."));
		homes_first(req, res, p);
		break;
	case ROLE_ANALYST:
	case ROLE_N:
		break;
	}
	if (p->items)
		write_alerts(req, res, p);
	res_markup(res, "</div>\n<div class=\"govuk-grid-column-one-third\">\n");
	write_links(req, res, t);
	res_markup(res, "</div>\n</div>\n");
	/* tables that need the width of the page */
	if (ws->user.role == ROLE_HOME_MANAGER)
		write_homes(req, res, p);
	if (p->wants_figures) {
		res_markup(res, "<div class=\"govuk-grid-row\">\n"
			   "<div class=\"govuk-grid-column-two-thirds\">\n");
		write_figures(req, res, p);
		res_markup(res, "</div>\n</div>\n");
	}
}

void page_home(struct request *req, struct response *res)
{
	struct hp_page p;
	struct err err = ERR_INIT;

	memset(&p, 0, sizeof(p));
	p.ws = web_session(req);
	/* after a change that took an episode out of its writer's view
	 * (page-missing.c): where else to say it was saved */
	p.saved_out_of_view = req_param_get(req, "saved") &&
			      !strcmp(req_param_get(req, "saved"), "missing");
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
	free(p.open);
	free(p.due);
	free(p.homes);
	free(p.areas);
	if (p.items) {
		alert_item_page_release(p.items);
		free(p.items);
	}
}
