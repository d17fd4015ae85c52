/*
 * page-admin.c: managing users and their API tokens in the browser
 * (issue 9; docs/http.md "Administration", docs/security.md
 * "Administration in the browser"), for administrators only:
 *
 *   GET  /admin/users?org=&role=&status=&page=   the users, 25 a page
 *   GET  /admin/users/new                        the form to add one
 *   POST /admin/users/new                        add them, with a made-up
 *                                                password shown once
 *   GET  /admin/users/{id}                       one user, their API tokens
 *   POST /admin/users/{id}/enable                enable the account
 *   GET, POST /admin/users/{id}/disable          confirm, then disable
 *   GET, POST /admin/users/{id}/reset            confirm, then a new
 *                                                password shown once
 *   POST /admin/users/{id}/tokens                a new API token, shown once
 *   GET, POST /admin/users/{id}/tokens/{tid}/revoke
 *                                                confirm, then revoke
 *
 * Every change is the auth layer's, through the functions `cartref user`
 * calls (auth_user_add(), auth_user_disable(), auth_user_enable(),
 * auth_user_reset(), auth_api_token_create(), auth_api_token_revoke(),
 * auth_org_find()), so the rules are the CLI's (the role must fit the
 * organisation's kind, the password policy, nobody disables themselves or
 * the last active administrator) and each change writes its audit row,
 * with the CLI's action name, in the change's own transaction.  This
 * file checks the same rules first only to say what is wrong in English
 * and Welsh, next to the field.
 *
 * Who: a signed-in administrator (role admin, in the inspectorate).
 * Anyone else gets the 404 page, as for anything else they may not see,
 * and a "view-denied" (GET) or "change-denied" (POST) audit row naming
 * the page.  Every page an administrator is shown here writes its own
 * audit row first ("list" or "view" of kind "user"; the writes' rows are
 * the changes'), and a page whose row cannot be written is not shown.
 *
 * Secrets: a password or token made here is written into the one page
 * that answers the POST (never a redirect: it would have to be kept
 * somewhere to be shown after it), wiped from memory once written, and
 * kept by the store only as a hash.  Pages are never cached
 * (Cache-Control: no-store).
 */
#include "base/compat.h"
#include <inttypes.h>
#include "auth/auth.h"
#include "base/parse.h"
#include "base/uktime.h"
#include "base/xalloc.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/parts.h"
#include "web/session.h"

#define RQ "\xe2\x80\x99"	/* right single quotation mark */
#define LQ "\xe2\x80\x9c"	/* left double quotation mark */
#define RDQ "\xe2\x80\x9d"	/* right double quotation mark */
#define CIRC_O "\xc3\xb4"	/* o with a circumflex */

#define ORG_REF_MAX (ORG_CODE_MAX + 16)	/* "KIND:CODE" */

/* ---- words ----------------------------------------------------------------- */

static const struct {
	const char *title[2];	/* en, cy */
	const char *sees[2];	/* the radio's hint: what they see and do */
	const char *misfit[2];	/* the organisation does not fit */
} roles[ROLE_N] = {
	[ROLE_INSPECTOR] = {
		{ "Inspector", "Arolygydd" },
		{ "Sees every children" RQ "s home in Wales and what an "
		  "inspection needs to know about the children placed in "
		  "them. Works in Care Inspectorate Wales.",
		  "Yn gweld pob cartref plant yng Nghymru a" RQ "r hyn y mae "
		  "angen i arolygiad ei wybod am y plant sydd wedi" RQ "u "
		  "lleoli ynddynt. Yn gweithio yn Arolygiaeth Gofal Cymru." },
		{ "An inspector works in Care Inspectorate Wales: choose it "
		  "as the organisation",
		  "Mae arolygydd yn gweithio yn Arolygiaeth Gofal Cymru: "
		  "dewiswch hi fel y sefydliad" },
	},
	[ROLE_ANALYST] = {
		{ "Analyst", "Dadansoddwr" },
		{ "Sees figures only, with small numbers hidden, and never a "
		  "child" RQ "s record. Works in the inspectorate, a council or "
		  "a health board.",
		  "Yn gweld ffigurau yn unig, gyda niferoedd bach wedi" RQ "u "
		  "cuddio, a byth gofnod plentyn. Yn gweithio yn yr "
		  "arolygiaeth, mewn cyngor neu mewn bwrdd iechyd." },
		{ "An analyst works in the inspectorate, a council or a health "
		  "board: choose one of those",
		  "Mae dadansoddwr yn gweithio yn yr arolygiaeth, mewn cyngor "
		  "neu mewn bwrdd iechyd: dewiswch un o" RQ "r rheini" },
	},
	[ROLE_COUNCIL_SOCIAL_WORKER] = {
		{ "Social worker", "Gweithiwr cymdeithasol" },
		{ "Sees the children their council looks after and the homes "
		  "in its area, and records return interviews and strategy "
		  "meetings. Works in a council.",
		  "Yn gweld y plant y mae eu cyngor yn gofalu amdanynt a" RQ "r "
		  "cartrefi yn ei ardal, ac yn cofnodi cyfweliadau dychwelyd a "
		  "chyfarfodydd strategaeth. Yn gweithio mewn cyngor." },
		{ "A social worker works in a council: choose a council",
		  "Mae gweithiwr cymdeithasol yn gweithio mewn cyngor: "
		  "dewiswch gyngor" },
	},
	[ROLE_COUNCIL_PLACEMENTS] = {
		{ "Placements officer", "Swyddog lleoliadau" },
		{ "Sees the same as a social worker: the children their "
		  "council looks after and the homes in its area. Works in a "
		  "council.",
		  "Yn gweld yr un peth " "\xc3\xa2" " gweithiwr cymdeithasol: y "
		  "plant y mae eu cyngor yn gofalu amdanynt a" RQ "r cartrefi yn "
		  "ei ardal. Yn gweithio mewn cyngor." },
		{ "A placements officer works in a council: choose a council",
		  "Mae swyddog lleoliadau yn gweithio mewn cyngor: dewiswch "
		  "gyngor" },
	},
	[ROLE_HOME_MANAGER] = {
		{ "Home manager", "Rheolwr cartref" },
		{ "Sees the children placed in their provider" RQ "s homes, "
		  "while placed and for 90 days after, and reports a child "
		  "missing. Works for a provider of children" RQ "s homes.",
		  "Yn gweld y plant sydd wedi" RQ "u lleoli yng nghartrefi eu "
		  "darparwr, tra byddant yno ac am 90 diwrnod wedyn, ac yn "
		  "adrodd bod plentyn ar goll. Yn gweithio i ddarparwr "
		  "cartrefi plant." },
		{ "A home manager works for a provider of children" RQ "s "
		  "homes: choose a provider",
		  "Mae rheolwr cartref yn gweithio i ddarparwr cartrefi plant: "
		  "dewiswch ddarparwr" },
	},
	[ROLE_POLICE_MISSING_COORDINATOR] = {
		{ "Missing persons coordinator", "Cydgysylltydd pobl ar goll" },
		{ "Sees children missing from care in the force" RQ "s area and "
		  "what is needed to find them, and records the police" RQ "s "
		  "part. Works in a police force.",
		  "Yn gweld plant sydd ar goll o ofal yn ardal yr heddlu a" RQ "r "
		  "hyn sydd ei angen i ddod o hyd iddynt, ac yn cofnodi rhan "
		  "yr heddlu. Yn gweithio mewn heddlu." },
		{ "A missing persons coordinator works in a police force: "
		  "choose a police force",
		  "Mae cydgysylltydd pobl ar goll yn gweithio mewn heddlu: "
		  "dewiswch heddlu" },
	},
	[ROLE_ADMIN] = {
		{ "Administrator", "Gweinyddwr" },
		{ "Manages the people who use cartref and their API tokens; "
		  "sees no child. Works in Care Inspectorate Wales.",
		  "Yn rheoli" RQ "r bobl sy" RQ "n defnyddio cartref a" RQ "u "
		  "tocynnau API; nid yw" RQ "n gweld unrhyw blentyn. Yn gweithio "
		  "yn Arolygiaeth Gofal Cymru." },
		{ "An administrator works in Care Inspectorate Wales: choose "
		  "it as the organisation",
		  "Mae gweinyddwr yn gweithio yn Arolygiaeth Gofal Cymru: "
		  "dewiswch hi fel y sefydliad" },
	},
};

static const char *const kinds[ORG_NKINDS][2] = {
	[ORG_INSPECTORATE] = { "Inspectorate", "Arolygiaeth" },
	[ORG_COUNCIL] = { "Councils", "Cynghorau" },
	[ORG_PROVIDER] = { "Providers", "Darparwyr" },
	[ORG_POLICE] = { "Police forces", "Heddluoedd" },
	[ORG_HEALTH_BOARD] = { "Health boards", "Byrddau iechyd" },
};

static int cy(const struct request *req)
{
	return req->lang[0] == 'c';
}

static const char *role_title(const struct request *req, enum role r)
{
	return (unsigned)r < ROLE_N ? roles[r].title[cy(req)] : "";
}

static const char *org_name(const struct request *req, const struct org *o)
{
	return cy(req) && o->name_cy[0] ? o->name_cy : o->name_en;
}

/* ---- who may, and the audit rows --------------------------------------------- */

static bool is_admin(const struct web_session *ws)
{
	return ws && !ws->api && !ws->user.disabled &&
	       ws->user.role == ROLE_ADMIN &&
	       ws->user.org_id == ws->org.id &&
	       auth_role_fits(ROLE_ADMIN, ws->org.kind);
}

/*
 * One audit row as the signed-in user, before the page is written:
 * through the server's group-commit writer when this thread has one
 * (views), else on its own.
 */
static int audit_row(struct request *req, struct store *s, const char *action,
		     const char *kind, const char *subject, const char *detail,
		     struct err *err)
{
	const struct web_session *ws = web_session(req);
	struct auth_actor by = { ws ? &ws->user : NULL, NULL,
				 req->client_ip };
	struct audit_event e = { auth_now_ms(), &by, action, kind, subject,
				 detail };
	struct audit_writer *w = audit_writer_bound(s);

	return w ? audit_writer_append(w, s, &e, err) :
		   audit_append(s, &e, err);
}

/* The 500 page, the cause in the log. */
static void fail500(struct request *req, struct response *res,
		    const char *what, const struct err *err)
{
	web_log_err(what, err);
	res_error(req, res, 500);
}

/*
 * The store, for an administrator; for anyone else an audited refusal
 * and the 404 page (NULL: answered).  Asked before any parameter is
 * read: to anyone else a malformed id is the same 404 page, not a 400.
 */
static struct store *admin_store(struct request *req, struct response *res,
				 bool write)
{
	struct err err = ERR_INIT;
	struct store *s = web_store(req, &err);

	if (!s) {
		fail500(req, res, "opening the store", &err);
		return NULL;
	}
	if (is_admin(web_session(req)))
		return s;
	if (audit_row(req, s, write ? "change-denied" : "view-denied",
		      "admin", req->path, "not an administrator", &err))
		fail500(req, res, "auditing a refused admin page", &err);
	else
		res_error(req, res, 404);
	return NULL;
}

/* ---- organisations ------------------------------------------------------------ */

struct org_list {
	struct org *v;
	size_t n, alloc;
	bool cy;		/* sort by Welsh names */
};

static void org_push(struct org_list *l, const struct org *o)
{
	if (l->n == l->alloc) {
		l->alloc = l->alloc ? 2 * l->alloc : 64;
		l->v = xreallocarray(l->v, l->alloc, sizeof(*l->v));
	}
	l->v[l->n++] = *o;
}

static int org_collect(const struct org *o, void *ctx)
{
	org_push(ctx, o);
	return 0;
}

static const char *sort_name(const struct org_list *l, const struct org *o)
{
	return l->cy && o->name_cy[0] ? o->name_cy : o->name_en;
}

/* By kind, then by name in the page's language (a few hundred at most). */
static void orgs_sort(struct org_list *l)
{
	for (size_t i = 1; i < l->n; i++) {
		struct org t = l->v[i];
		size_t j = i;

		while (j > 0 && (l->v[j - 1].kind > t.kind ||
				 (l->v[j - 1].kind == t.kind &&
				  strcmp(sort_name(l, &l->v[j - 1]),
					 sort_name(l, &t)) > 0))) {
			l->v[j] = l->v[j - 1];
			j--;
		}
		l->v[j] = t;
	}
}

/*
 * Every organisation; with councils, also each council of Wales that has
 * no organisation yet (id 0): auth_org_find() makes it when a user is
 * added to it, as `cartref user add --org council:CODE` does.
 */
static int orgs_load(struct request *req, struct store *s,
		     struct org_list *l, bool councils, struct err *err)
{
	struct web_councils *c;
	int rc;

	l->cy = cy(req);
	rc = store_orgs_each(s, org_collect, l, err);
	if (rc || !councils)
		goto out;
	c = xmalloc(sizeof(*c));
	rc = web_councils_load(s, c, err);
	for (size_t i = 0; !rc && i < c->n; i++) {
		bool have = false;
		struct org o;

		for (size_t j = 0; j < l->n && !have; j++)
			have = l->v[j].kind == ORG_COUNCIL &&
			       !strcmp(l->v[j].code, c->v[i].code);
		if (have)
			continue;
		memset(&o, 0, sizeof(o));
		o.kind = ORG_COUNCIL;
		snprintf(o.code, sizeof(o.code), "%s", c->v[i].code);
		snprintf(o.name_en, sizeof(o.name_en), "%s", c->v[i].name_en);
		snprintf(o.name_cy, sizeof(o.name_cy), "%s", c->v[i].name_cy);
		snprintf(o.la, sizeof(o.la), "%s", c->v[i].code);
		org_push(l, &o);
	}
	free(c);
out:
	if (!rc)
		orgs_sort(l);
	return rc;
}

static const struct org *org_by_id(const struct org_list *l, int64_t id)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].id == id)
			return &l->v[i];
	return NULL;
}

static void org_ref(const struct org *o, char out[ORG_REF_MAX])
{
	snprintf(out, ORG_REF_MAX, "%s:%s", org_kind_name(o->kind), o->code);
}

/*
 * <select> of the organisations in l, grouped by kind: values their ids
 * (by_ref false) or KIND:CODE (by_ref), first option all (value "").
 */
static void org_select(struct request *req, struct response *res,
		       const struct org_list *l, const char *id,
		       const char *selected, const char *all, bool by_ref,
		       const char *describedby, bool error)
{
	int kind = -1;

	res_markup(res, "<select class=\"govuk-select");
	if (error)
		res_markup(res, " govuk-select--error");
	res_markup(res, "\" id=\"");
	res_attr(res, id);
	res_markup(res, "\" name=\"");
	res_attr(res, id);
	res_markup(res, "\"");
	if (describedby) {
		res_markup(res, " aria-describedby=\"");
		res_attr(res, describedby);
		res_markup(res, "\"");
	}
	res_markup(res, ">\n<option value=\"\">");
	res_text(res, all);
	res_markup(res, "</option>\n");
	for (size_t i = 0; i < l->n; i++) {
		const struct org *o = &l->v[i];
		char value[ORG_REF_MAX];

		if ((int)o->kind != kind) {
			if (kind >= 0)
				res_markup(res, "</optgroup>\n");
			kind = (int)o->kind;
			res_markup(res, "<optgroup label=\"");
			res_attr(res, (unsigned)kind < ORG_NKINDS ?
				 kinds[kind][cy(req)] : "");
			res_markup(res, "\">\n");
		}
		if (by_ref)
			org_ref(o, value);
		else
			snprintf(value, sizeof(value), "%" PRId64, o->id);
		res_markup(res, "<option value=\"");
		res_attr(res, value);
		if (selected && !strcmp(selected, value))
			res_markup(res, "\" selected>");
		else
			res_markup(res, "\">");
		res_text(res, org_name(req, o));
		res_markup(res, "</option>\n");
	}
	if (kind >= 0)
		res_markup(res, "</optgroup>\n");
	res_markup(res, "</select>\n");
}

/* ---- pieces -------------------------------------------------------------------- */

static void link_button(struct response *res, const char *href,
			const char *text, const char *modifier)
{
	res_markup(res, "<a href=\"");
	res_url_path(res, href);
	res_markup(res, "\" role=\"button\" draggable=\"false\" "
		   "class=\"govuk-button");
	if (modifier) {
		res_markup(res, " ");
		res_attr(res, modifier);
	}
	res_markup(res, "\" data-module=\"govuk-button\">");
	res_text(res, text);
	res_markup(res, "</a>\n");
}

static void bullets(struct response *res, const char *const *items,
		    size_t n)
{
	res_markup(res, "<ul class=\"govuk-list govuk-list--bullet\">\n");
	for (size_t i = 0; i < n; i++) {
		if (!items[i])
			continue;
		res_markup(res, "<li>");
		res_text(res, items[i]);
		res_markup(res, "</li>\n");
	}
	res_markup(res, "</ul>\n");
}

static void status_tag(struct request *req, struct response *res,
		       bool disabled)
{
	if (disabled)
		part_tag(res, "grey", tr(req, "Disabled",
					 "Wedi" RQ "i analluogi"));
	else
		part_tag(res, "green", tr(req, "Active", "Gweithredol"));
}

static void user_href(char *out, size_t cap, int64_t id, const char *tail)
{
	snprintf(out, cap, "/admin/users/%" PRId64 "%s", id, tail);
}

static void back_link(struct request *req, struct response *res,
		      const char *href, const char *text)
{
	(void)req;
	res_markup(res, "<p class=\"govuk-body\"><a class=\"govuk-link\" "
		   "href=\"");
	res_url_path(res, href);
	res_markup(res, "\">");
	res_text(res, text);
	res_markup(res, "</a></p>\n");
}

static void grid_start(struct response *res)
{
	res_markup(res, "<div class=\"govuk-grid-row\">\n"
		   "<div class=\"govuk-grid-column-two-thirds\">\n");
}

static void grid_end(struct response *res)
{
	res_markup(res, "</div>\n</div>\n");
}

static void caption(struct response *res, const char *text)
{
	res_markup(res, "<span class=\"govuk-caption-l\">");
	res_text(res, text);
	res_markup(res, "</span>\n");
}

static void h1(struct response *res, const char *text)
{
	res_markup(res, "<h1 class=\"govuk-heading-l\">");
	res_text(res, text);
	res_markup(res, "</h1>\n");
}

/*
 * A text field of one line: web_form_text() (trimmed, bounded, no
 * control characters) without the line breaks and tabs it allows for
 * text areas, which the auth layer refuses in names and labels.
 */
static int line_in(struct request *req, struct web_form *f, const char *id,
		   const char *label, char *dst, size_t cap)
{
	char msg[WEB_FORM_MSG_MAX];
	int rc = web_form_text(req, f, id, label, dst, cap);

	if (rc || !strpbrk(dst, "\n\t"))
		return rc;
	snprintf(msg, sizeof(msg), WEB_TRF(req, "%s must be on one line",
					   "Rhaid i %s fod ar un llinell"),
		 label);
	web_form_fail(f, id, msg);
	dst[0] = '\0';
	return ERR_INVALID;
}

/* ---- GET /admin/users ------------------------------------------------------------ */

struct list_view {
	struct auth_user_filter f;
	const char *org, *role, *status;	/* as asked; "" any */
	long page;				/* from 1 */
	struct org_list orgs;
	struct auth_user_page *rows;
};

static void list_href(struct request *req, struct response *res, long page,
		      void *ctx)
{
	const struct list_view *p = ctx;

	(void)req;
	res_markup(res, "/admin/users?org=");
	res_url_arg(res, p->org);
	res_markup(res, "&amp;role=");
	res_url_arg(res, p->role);
	res_markup(res, "&amp;status=");
	res_url_arg(res, p->status);
	res_markup(res, "&amp;page=");
	res_int(res, page);
}

static void option(struct response *res, const char *value, const char *text,
		   const char *selected)
{
	part_option(res, value, text, !strcmp(value, selected));
}

static void list_filters(struct request *req, struct response *res,
			 const struct list_view *p)
{
	res_markup(res, "<form method=\"get\" action=\"/admin/users\" "
		   "novalidate>\n<div class=\"govuk-form-group\">\n"
		   "<label class=\"govuk-label\" for=\"org\">");
	res_text(res, tr(req, "Organisation", "Sefydliad"));
	res_markup(res, "</label>\n");
	org_select(req, res, &p->orgs, "org", p->org,
		   tr(req, "All organisations", "Pob sefydliad"), false, NULL,
		   false);
	res_markup(res, "</div>\n<div class=\"govuk-form-group\">\n"
		   "<label class=\"govuk-label\" for=\"role\">");
	res_text(res, tr(req, "Role", "R" CIRC_O "l"));
	res_markup(res, "</label>\n<select class=\"govuk-select\" id=\"role\" "
		   "name=\"role\">\n");
	option(res, "", tr(req, "All roles", "Pob r" CIRC_O "l"), p->role);
	for (int r = 0; r < ROLE_N; r++)
		option(res, role_name((enum role)r),
		       role_title(req, (enum role)r), p->role);
	res_markup(res, "</select>\n</div>\n<div class=\"govuk-form-group\">\n"
		   "<label class=\"govuk-label\" for=\"status\">");
	res_text(res, tr(req, "Status", "Statws"));
	res_markup(res, "</label>\n<select class=\"govuk-select\" id=\"status\" "
		   "name=\"status\">\n");
	option(res, "", tr(req, "Active and disabled",
			   "Gweithredol ac wedi" RQ "u hanalluogi"), p->status);
	option(res, "active", tr(req, "Active", "Gweithredol"), p->status);
	option(res, "disabled", tr(req, "Disabled", "Wedi" RQ "u hanalluogi"),
	       p->status);
	res_markup(res, "</select>\n</div>\n<button type=\"submit\" "
		   "class=\"govuk-button govuk-button--secondary\" "
		   "data-module=\"govuk-button\">");
	res_text(res, tr(req, "Show users", "Dangos defnyddwyr"));
	res_markup(res, "</button>\n</form>\n");
}

static void list_row(struct request *req, struct response *res,
		     const struct list_view *p, const struct user *u)
{
	const struct org *o = org_by_id(&p->orgs, u->org_id);
	char href[64];

	user_href(href, sizeof(href), u->id, "");
	res_markup(res, "<tr class=\"govuk-table__row\">\n"
		   "<th scope=\"row\" class=\"govuk-table__header\">"
		   "<a class=\"govuk-link\" href=\"");
	res_url_path(res, href);
	res_markup(res, "\">");
	res_text(res, u->name);
	res_markup(res, "</a><br>\n<span class=\"govuk-!-font-size-16 "
		   "govuk-!-font-weight-regular\">");
	res_text(res, u->email);
	res_markup(res, "</span></th>\n<td class=\"govuk-table__cell\">");
	res_text(res, role_title(req, u->role));
	res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
	res_text(res, o ? org_name(req, o) : u->org_name);
	res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
	status_tag(req, res, u->disabled);
	res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
	/* the day is enough here; their page has the time */
	part_date(req, res, u->password_changed_at ?
				    uk_day_of(u->password_changed_at) :
				    DATE_NONE);
	res_markup(res, "</td>\n</tr>\n");
}

static void list_body(struct request *req, struct response *res, void *ctx)
{
	const struct list_view *p = ctx;
	const struct auth_user_page *up = p->rows;
	long pages = web_pages(up->total, up->page_size);
	char s[128];

	h1(res, tr(req, "Users", "Defnyddwyr"));
	part_para(res, tr(req, "The people who can sign in to cartref. Every "
			  "view and change on these pages is recorded in the "
			  "audit trail.",
			  "Y bobl sy" RQ "n gallu mewngofnodi i cartref. Caiff "
			  "pob golwg a newid ar y tudalennau hyn eu cofnodi yn "
			  "y trywydd archwilio."));
	link_button(res, "/admin/users/new", tr(req, "Add a user",
						 "Ychwanegu defnyddiwr"),
		    NULL);
	list_filters(req, res, p);
	if (!up->total) {
		part_para(res, tr(req, "No users match.",
				  "Nid oes defnyddwyr yn cyfateb."));
		return;
	}
	if (up->total == 1)
		snprintf(s, sizeof(s), "%s", tr(req, "1 user",
						 "1 defnyddiwr"));
	else
		snprintf(s, sizeof(s), WEB_TRF(req, "%ld users",
					       "%ld o ddefnyddwyr"),
			 up->total);
	res_markup(res, "<p class=\"govuk-body\" role=\"status\">");
	res_text(res, s);
	res_markup(res, "</p>\n");
	if (!up->n) {
		part_para(res, tr(req, "There is nothing on this page.",
				  "Does dim byd ar y dudalen hon."));
		part_pagination(req, res, p->page, pages, list_href,
				(void *)p);
		return;
	}
	snprintf(s, sizeof(s), WEB_TRF(req, "Users, page %ld of %ld",
				       "Defnyddwyr, tudalen %ld o %ld"),
		 p->page, pages);
	res_markup(res, "<div class=\"cartref-scroll\" tabindex=\"0\" "
		   "role=\"region\" aria-label=\"");
	res_attr(res, s);
	res_markup(res, "\">\n<table class=\"govuk-table "
		   "govuk-table--small-text-until-tablet\">\n<caption "
		   "class=\"govuk-table__caption govuk-table__caption--m\">");
	res_text(res, s);
	res_markup(res, "</caption>\n<thead class=\"govuk-table__head\">\n"
		   "<tr class=\"govuk-table__row\">\n");
	part_th(res, tr(req, "Name and email address",
			"Enw a chyfeiriad e-bost"), false);
	part_th(res, tr(req, "Role", "R" CIRC_O "l"), false);
	part_th(res, tr(req, "Organisation", "Sefydliad"), false);
	part_th(res, tr(req, "Status", "Statws"), false);
	part_th(res, tr(req, "Password last changed",
			"Newidiwyd y cyfrinair ddiwethaf"), false);
	res_markup(res, "</tr>\n</thead>\n<tbody class=\"govuk-table__body\">\n");
	for (size_t i = 0; i < up->n; i++)
		list_row(req, res, p, &up->rows[i]);
	res_markup(res, "</tbody>\n</table>\n</div>\n");
	part_pagination(req, res, p->page, pages, list_href, (void *)p);
}

void page_admin_users(struct request *req, struct response *res)
{
	struct store *s = admin_store(req, res, false);
	struct list_view p;
	struct err err = ERR_INIT;
	char detail[256];
	int64_t v;
	int rc;

	if (!s)
		return;
	memset(&p, 0, sizeof(p));
	if (web_opt_str(req, res, "org", 20, &p.org) ||
	    web_opt_str(req, res, "role", AUDIT_WORD_MAX, &p.role) ||
	    web_opt_str(req, res, "status", 16, &p.status) ||
	    web_opt_int(req, res, "page", 1, STORE_PAGE_LAST + 1, 1, &v))
		return;		/* 400 written */
	p.page = (long)v;
	p.f.role = ROLE_N;
	p.f.page = p.page - 1;
	p.f.page_size = WEB_PAGE_SIZE;
	if ((p.org[0] && parse_i64(p.org, 1, INT64_MAX, &p.f.org_id)) ||
	    (p.role[0] && role_parse(p.role, &p.f.role)) ||
	    (p.status[0] && strcmp(p.status, "active") &&
	     strcmp(p.status, "disabled"))) {
		res_error(req, res, 400);
		return;
	}
	p.f.status = !p.status[0] ? AUTH_USERS_ANY :
		     p.status[0] == 'a' ? AUTH_USERS_ACTIVE :
					  AUTH_USERS_DISABLED;
	p.rows = xmalloc(sizeof(*p.rows));
	rc = orgs_load(req, s, &p.orgs, false, &err);
	if (!rc)
		rc = auth_users_page(s, &p.f, p.rows, &err);
	if (!rc) {
		snprintf(detail, sizeof(detail), "page %ld, %zu of %ld users; "
			 "organisation %s, role %s, status %s", p.page,
			 p.rows->n, p.rows->total, p.org[0] ? p.org : "any",
			 p.role[0] ? p.role : "any",
			 p.status[0] ? p.status : "any");
		rc = audit_row(req, s, "list", "user", NULL, detail, &err);
	}
	if (rc)
		fail500(req, res, "the users list", &err);
	else
		res_html_page(req, res, tr(req, "Users", "Defnyddwyr"),
			      list_body, &p);
	free(p.rows);
	free(p.orgs.v);
}

/* ---- GET and POST /admin/users/new -------------------------------------------- */

struct new_view {
	struct org_list orgs;
	struct web_form f;
	/* once added: the user and their password, shown once */
	struct user u;
	struct org o;
	char password[AUTH_GENPW_MAX];
};

static void role_radios(struct request *req, struct response *res,
			const struct web_form *f, const char *value)
{
	const char *err = web_form_msg(f, "role");
	char item[WEB_FIELD_ID_MAX];

	res_markup(res, "<div class=\"govuk-form-group");
	if (err)
		res_markup(res, " govuk-form-group--error");
	res_markup(res, "\">\n<fieldset class=\"govuk-fieldset\" "
		   "aria-describedby=\"role-hint");
	if (err)
		res_markup(res, " role-error");
	res_markup(res, "\">\n<legend class=\"govuk-fieldset__legend "
		   "govuk-fieldset__legend--s\">");
	res_text(res, tr(req, "Role", "R" CIRC_O "l"));
	res_markup(res, "</legend>\n<div id=\"role-hint\" class=\"govuk-hint\">");
	res_text(res, tr(req, "What they will see and do in cartref.",
			 "Beth fyddant yn ei weld a" RQ "i wneud yn cartref."));
	res_markup(res, "</div>\n");
	if (err)
		part_error_message(req, res, "role", err);
	res_markup(res, "<div class=\"govuk-radios\" data-module=\"govuk-radios\">\n");
	for (int r = 0; r < ROLE_N; r++) {
		const char *name = role_name((enum role)r);

		/* the first radio carries the id the error summary links to */
		if (r)
			snprintf(item, sizeof(item), "role-%d", r + 1);
		else
			snprintf(item, sizeof(item), "role");
		res_markup(res, "<div class=\"govuk-radios__item\">\n"
			   "<input class=\"govuk-radios__input\" id=\"");
		res_attr(res, item);
		res_markup(res, "\" name=\"role\" type=\"radio\" value=\"");
		res_attr(res, name);
		res_markup(res, "\" aria-describedby=\"");
		res_attr(res, item);
		res_markup(res, "-item-hint\"");
		if (value && !strcmp(value, name))
			res_markup(res, " checked");
		res_markup(res, ">\n<label class=\"govuk-label govuk-radios__label\" "
			   "for=\"");
		res_attr(res, item);
		res_markup(res, "\">");
		res_text(res, roles[r].title[cy(req)]);
		res_markup(res, "</label>\n<div id=\"");
		res_attr(res, item);
		res_markup(res, "-item-hint\" class=\"govuk-hint "
			   "govuk-radios__hint\">");
		res_text(res, roles[r].sees[cy(req)]);
		res_markup(res, "</div>\n</div>\n");
	}
	res_markup(res, "</div>\n</fieldset>\n</div>\n");
}

static void org_field(struct request *req, struct response *res,
		      const struct new_view *nv, const char *value)
{
	const char *err = web_form_msg(&nv->f, "org");

	res_markup(res, "<div class=\"govuk-form-group");
	if (err)
		res_markup(res, " govuk-form-group--error");
	res_markup(res, "\">\n<label class=\"govuk-label govuk-label--s\" "
		   "for=\"org\">");
	res_text(res, tr(req, "Organisation", "Sefydliad"));
	res_markup(res, "</label>\n<div id=\"org-hint\" class=\"govuk-hint\">");
	res_text(res, tr(req, "Each role says which kind of organisation it "
			 "works in. If theirs is not in the list, ask whoever "
			 "runs cartref" RQ "s server to add it with the command "
			 "cartref user org-add, then come back to this page.",
			 "Mae pob r" CIRC_O "l yn dweud ym mha fath o sefydliad "
			 "y mae" RQ "n gweithio. Os nad yw eu sefydliad nhw yn y "
			 "rhestr, gofynnwch i bwy bynnag sy" RQ "n rhedeg "
			 "gweinydd cartref ei ychwanegu gyda" RQ "r gorchymyn "
			 "cartref user org-add, yna dewch yn " CIRC_O "l i" RQ "r "
			 "dudalen hon."));
	res_markup(res, "</div>\n");
	if (err)
		part_error_message(req, res, "org", err);
	org_select(req, res, &nv->orgs, "org", value,
		   tr(req, "Choose an organisation", "Dewiswch sefydliad"),
		   true, err ? "org-hint org-error" : "org-hint", err != NULL);
	res_markup(res, "</div>\n");
}

static void new_body(struct request *req, struct response *res, void *ctx)
{
	const struct new_view *nv = ctx;
	bool posted = web_form_posted(&nv->f, "add");
	const char *role = posted ? req_form_get(req, "role") : NULL;
	const char *org = posted ? req_form_get(req, "org") : NULL;

	grid_start(res);
	part_error_summary(req, res, &nv->f);
	caption(res, tr(req, "Users", "Defnyddwyr"));
	h1(res, tr(req, "Add a user", "Ychwanegu defnyddiwr"));
	part_para(res, tr(req, "When you add them, cartref makes a one-time "
			  "password and shows it to you once, for you to pass "
			  "on to them.",
			  "Pan fyddwch yn eu hychwanegu, mae cartref yn creu "
			  "cyfrinair untro ac yn ei ddangos i chi unwaith, i chi "
			  "ei roi iddynt."));
	part_form_start(req, res, "/admin/users/new");
	part_input(req, res, &nv->f, "add", "email",
		   tr(req, "Email address", "Cyfeiriad e-bost"),
		   tr(req, "They sign in with it.",
		      "Byddant yn mewngofnodi gydag ef."), "", NULL);
	part_input(req, res, &nv->f, "add", "full_name",
		   tr(req, "Full name", "Enw llawn"), NULL, "", NULL);
	role_radios(req, res, &nv->f, role);
	org_field(req, res, nv, org);
	part_button(res, tr(req, "Add user", "Ychwanegu" RQ "r defnyddiwr"),
		    false);
	part_form_end(res);
	back_link(req, res, "/admin/users", tr(req, "Back to the users",
						"Yn " CIRC_O "l at y defnyddwyr"));
	grid_end(res);
}

static void new_title(struct request *req, const struct new_view *nv,
		      char *out, size_t cap)
{
	snprintf(out, cap, "%s%s", nv->f.n ? tr(req, "Error: ", "Gwall: ") : "",
		 tr(req, "Add a user", "Ychwanegu defnyddiwr"));
}

void page_admin_user_new(struct request *req, struct response *res)
{
	struct store *s = admin_store(req, res, false);
	struct new_view *nv;
	struct err err = ERR_INIT;
	char title[64];
	int rc;

	if (!s)
		return;
	nv = xcalloc(1, sizeof(*nv));
	rc = orgs_load(req, s, &nv->orgs, true, &err);
	if (!rc)
		rc = audit_row(req, s, "view", "user", NULL,
			       "the form to add a user", &err);
	if (rc) {
		fail500(req, res, "the form to add a user", &err);
	} else {
		new_title(req, nv, title, sizeof(title));
		res_html_page(req, res, title, new_body, nv);
	}
	free(nv->orgs.v);
	free(nv);
}

/* The summary of who a user is: name, email, role, organisation. */
static void who_rows(struct request *req, struct response *res,
		     const struct user *u, const struct org *o)
{
	part_summary_row(res, tr(req, "Name", "Enw"), u->name);
	part_summary_row(res, tr(req, "Email address", "Cyfeiriad e-bost"),
			 u->email);
	part_summary_row(res, tr(req, "Role", "R" CIRC_O "l"),
			 role_title(req, u->role));
	part_summary_row(res, tr(req, "Organisation", "Sefydliad"),
			 org_name(req, o));
}

/* A secret shown once: the value, then how to pass it on. */
enum secret { SECRET_ADDED, SECRET_RESET, SECRET_TOKEN };

struct secret_view {
	enum secret what;
	const struct user *u;
	const struct org *o;
	const char *value;
	const char *label;	/* a token's */
	bool self;		/* the admin's own password was reset */
};

static void secret_body(struct request *req, struct response *res, void *ctx)
{
	const struct secret_view *sv = ctx;
	bool token = sv->what == SECRET_TOKEN;
	char href[64], s[WEB_FORM_MSG_MAX];
	const char *title = sv->what == SECRET_ADDED ?
		tr(req, "User added", "Defnyddiwr wedi" RQ "i ychwanegu") :
		sv->what == SECRET_RESET ?
		tr(req, "Password reset", "Cyfrinair wedi" RQ "i ailosod") :
		tr(req, "API token created", "Tocyn API wedi" RQ "i greu");

	grid_start(res);
	res_markup(res, "<div class=\"govuk-panel govuk-panel--confirmation\">\n"
		   "<h1 class=\"govuk-panel__title\">");
	res_text(res, title);
	res_markup(res, "</h1>\n<div class=\"govuk-panel__body\">");
	res_text(res, sv->u->name);
	res_markup(res, "</div>\n</div>\n");
	part_summary_start(res);
	who_rows(req, res, sv->u, sv->o);
	if (token)
		part_summary_row(res, tr(req, "Token label", "Label y tocyn"),
				 sv->label);
	part_summary_end(res);

	part_h2(res, token ? tr(req, "The token", "Y tocyn") :
			     tr(req, "Their one-time password",
				"Eu cyfrinair untro"));
	res_markup(res, "<p class=\"govuk-body govuk-!-font-size-27 "
		   "govuk-!-font-weight-bold\"><code id=\"");
	res_attr(res, token ? "api-token" : "one-time-password");
	res_markup(res, "\">");
	res_text(res, sv->value);
	res_markup(res, "</code></p>\n");
	part_warning(req, res, token ?
		tr(req, "This is the only time the token is shown. cartref "
		   "keeps only a fingerprint of it, so it cannot be shown "
		   "again.",
		   "Dyma" RQ "r unig dro y dangosir y tocyn. Dim ond "
		   CIRC_O "l bys ohono y mae cartref yn ei gadw, felly ni "
		   "ellir ei ddangos eto.") :
		tr(req, "This is the only time the password is shown. cartref "
		   "keeps only a fingerprint of it, so it cannot be shown "
		   "again.",
		   "Dyma" RQ "r unig dro y dangosir y cyfrinair. Dim ond "
		   CIRC_O "l bys ohono y mae cartref yn ei gadw, felly ni ellir ei "
		   "ddangos eto."));
	if (token) {
		const char *items[3];

		snprintf(s, sizeof(s), WEB_TRF(req,
			 "Programs that send it act as %s, with all their "
			 "access, until it is revoked.",
			 "Mae rhaglenni sy" RQ "n ei anfon yn gweithredu fel "
			 "%s, gyda" RQ "u holl fynediad, nes iddo gael ei "
			 "ddirymu."), sv->u->name);
		items[0] = tr(req, "Copy it into the program that will use it, "
			      "or pass it to whoever runs that program through "
			      "a password manager or in person: never by email "
			      "or in a web address.",
			      "Cop" "\xc3\xaf" "wch ef i" RQ "r rhaglen a fydd yn "
			      "ei ddefnyddio, neu rhowch ef i bwy bynnag sy" RQ
			      "n rhedeg y rhaglen honno drwy reolwr "
			      "cyfrineiriau neu wyneb yn wyneb: byth drwy "
			      "e-bost nac mewn cyfeiriad gwe.");
		items[1] = s;
		items[2] = tr(req, "If someone else may have seen it, revoke it "
			      "and create another.",
			      "Os gallai rhywun arall fod wedi" RQ "i weld, "
			      "dirymwch ef a chreu un arall.");
		bullets(res, items, 3);
	} else {
		const char *items[3];

		snprintf(s, sizeof(s), WEB_TRF(req,
			 "They sign in with their email address, %s, and this "
			 "password.",
			 "Maent yn mewngofnodi gyda" RQ "u cyfeiriad e-bost, "
			 "%s, a" RQ "r cyfrinair hwn."), sv->u->email);
		part_para(res, s);
		items[0] = tr(req, "Give it to them in person or by phone, or "
			      "send it by a different route from the one that "
			      "tells them their email address is their "
			      "sign-in.",
			      "Rhowch ef iddynt wyneb yn wyneb neu dros y "
			      "ff" CIRC_O "n, neu anfonwch ef ar hyd llwybr "
			      "gwahanol i" RQ "r un sy" RQ "n dweud wrthynt mai "
			      "eu cyfeiriad e-bost yw eu henw mewngofnodi.");
		items[1] = tr(req, "Do not put it in a ticket, a chat or a "
			      "shared document.",
			      "Peidiwch " "\xc3\xa2" RQ "i roi mewn cais am "
			      "gymorth, sgwrs na dogfen a rennir.");
		items[2] = tr(req, "If it is lost, or someone else may have "
			      "seen it, reset the password again.",
			      "Os yw" RQ "n mynd ar goll, neu os gallai rhywun "
			      "arall fod wedi" RQ "i weld, ailosodwch y "
			      "cyfrinair eto.");
		bullets(res, items, 3);
	}
	if (sv->what == SECRET_RESET)
		part_para(res, tr(req, "Their sessions have ended and their API "
				  "tokens have been revoked.",
				  "Mae eu sesiynau wedi dod i ben ac mae eu "
				  "tocynnau API wedi" RQ "u dirymu."));
	if (sv->self)
		part_para(res, tr(req, "This was your own password: you have "
				  "been signed out; sign in again with the "
				  "new one.",
				  "Eich cyfrinair chi oedd hwn: rydych wedi "
				  "cael eich allgofnodi; mewngofnodwch eto "
				  "gyda" RQ "r un newydd."));
	user_href(href, sizeof(href), sv->u->id, "");
	back_link(req, res, href, tr(req, "View their account",
				     "Gweld eu cyfrif"));
	if (sv->what == SECRET_ADDED)
		back_link(req, res, "/admin/users/new",
			  tr(req, "Add another user",
			     "Ychwanegu defnyddiwr arall"));
	back_link(req, res, "/admin/users", tr(req, "All users",
					    "Pob defnyddiwr"));
	grid_end(res);
}

/* Check the add form, add the user: 0, or problems in nv->f, or an error
 * for the 500 page. */
static int new_add(struct request *req, struct store *s, struct new_view *nv,
		   struct err *err)
{
	const struct web_session *ws = web_session(req);
	struct auth_actor by = { &ws->user, NULL, req->client_ip };
	char email[USER_EMAIL_MAX + 1], name[USER_NAME_MAX + 1];
	char norm[USER_EMAIL_MAX + 1];
	const char *role_s = req_form_get(req, "role");
	const char *org_s = req_form_get(req, "org");
	struct auth_new_user nu;
	enum org_kind kind = ORG_NKINDS;
	enum role role = ROLE_N;
	const char *code = NULL;
	struct err inner = ERR_INIT;
	int64_t id = 0, now = auth_now_ms();
	int rc;

	memset(&nu, 0, sizeof(nu));
	if (!line_in(req, &nv->f, "email",
		     tr(req, "Email address", "Cyfeiriad e-bost"), email,
		     sizeof(email))) {
		if (!email[0])
			web_form_fail(&nv->f, "email", tr(req,
				      "Enter an email address",
				      "Rhowch gyfeiriad e-bost"));
		else if (auth_email_normalise(email, norm))
			web_form_fail(&nv->f, "email", tr(req,
				      "Enter an email address in the correct "
				      "format, like name@example.com",
				      "Rhowch gyfeiriad e-bost yn y fformat "
				      "cywir, fel enw@enghraifft.com"));
	}
	if (!line_in(req, &nv->f, "full_name",
		     tr(req, "Full name", "Enw llawn"), name, sizeof(name)) &&
	    !name[0])
		web_form_fail(&nv->f, "full_name", tr(req,
			      "Enter their full name", "Rhowch eu henw llawn"));
	if (!role_s || role_parse(role_s, &role))
		web_form_fail(&nv->f, "role", tr(req, "Select a role",
						 "Dewiswch r" CIRC_O "l"));
	if (!org_s || !*org_s)
		web_form_fail(&nv->f, "org", tr(req, "Select an organisation",
						"Dewiswch sefydliad"));
	else if (auth_org_ref_parse(org_s, &kind, &code))
		web_form_fail(&nv->f, "org", tr(req,
			      "Select an organisation from the list",
			      "Dewiswch sefydliad o" RQ "r rhestr"));
	else if (role != ROLE_N && !auth_role_fits(role, kind))
		/* the rule auth_user_add() applies, said next to the field */
		web_form_fail(&nv->f, "org", roles[role].misfit[cy(req)]);
	if (nv->f.n)
		return 0;

	rc = auth_org_find(s, &by, kind, code, now, &nv->o, &inner);
	if (rc == ERR_NOT_FOUND) {
		web_form_fail(&nv->f, "org", tr(req,
			      "Select an organisation from the list",
			      "Dewiswch sefydliad o" RQ "r rhestr"));
		return 0;
	}
	if (rc)
		return err_set(err, rc, "%s", err_text(&inner));
	auth_password_generate(nv->password);
	nu.email = email;
	nu.name = name;
	nu.role = role;
	nu.org_id = nv->o.id;
	rc = auth_user_add(s, &by, &nu, nv->password, now, &id, &inner);
	if (rc == ERR_EXISTS) {
		web_form_fail(&nv->f, "email", tr(req,
			      "A user with this email address already exists",
			      "Mae defnyddiwr gyda" RQ "r cyfeiriad e-bost hwn "
			      "eisoes yn bodoli"));
		return 0;
	}
	if (rc == ERR_INVALID) {
		/* a rule the checks above do not know: the auth layer's words */
		web_form_fail(&nv->f, "", err_text(&inner));
		return 0;
	}
	if (!rc)
		rc = store_user_by_id(s, id, &nv->u, NULL, &inner);
	if (rc)
		return err_set(err, rc, "%s", err_text(&inner));
	return 0;
}

void page_admin_user_new_post(struct request *req, struct response *res)
{
	struct store *s = admin_store(req, res, true);
	struct new_view *nv;
	struct err err = ERR_INIT;
	char title[64];
	int rc;

	if (!s)
		return;
	nv = xcalloc(1, sizeof(*nv));
	nv->f.form = "add";
	rc = new_add(req, s, nv, &err);
	if (!rc && nv->f.n) {
		/* the form again, what was typed kept (and a view audited) */
		rc = orgs_load(req, s, &nv->orgs, true, &err);
		if (!rc)
			rc = audit_row(req, s, "view", "user", NULL,
				       "the form to add a user, sent back with "
				       "problems", &err);
		if (!rc) {
			new_title(req, nv, title, sizeof(title));
			res_html_page(req, res, title, new_body, nv);
			res->status = 400;
		}
	} else if (!rc) {
		struct secret_view sv = { SECRET_ADDED, &nv->u, &nv->o,
					  nv->password, NULL, false };

		res_html_page(req, res, tr(req, "User added",
					   "Defnyddiwr wedi" RQ "i ychwanegu"),
			      secret_body, &sv);
	}
	if (rc)
		fail500(req, res, "adding a user", &err);
	explicit_bzero(nv->password, sizeof(nv->password));
	free(nv->orgs.v);
	free(nv);
}

/* ---- GET /admin/users/{id} and its forms ------------------------------------------ */

struct user_view {
	struct user u;
	struct org o;
	struct api_token_row *tok;
	size_t ntok, alloc;
	enum auth_disable_block block;
	bool self;
	struct web_form f;
	const char *done;	/* ?done=: what was just done */
};

static void user_view_free(struct user_view *uv)
{
	if (!uv)
		return;
	free(uv->tok);
	free(uv);
}

static int tok_collect(const struct api_token_row *t, void *ctx)
{
	struct user_view *uv = ctx;

	if (uv->ntok == uv->alloc) {
		uv->alloc = uv->alloc ? 2 * uv->alloc : 16;
		uv->tok = xreallocarray(uv->tok, uv->alloc, sizeof(*uv->tok));
	}
	uv->tok[uv->ntok++] = *t;
	return 0;
}

/*
 * The user of the path's {id}, their organisation, API tokens and
 * whether this admin may disable them.  NULL when answered: a bad id
 * (400), a user who does not exist (404, audited as a refusal), or the
 * 500 page.
 */
static struct user_view *user_load(struct request *req, struct response *res,
				   struct store *s, bool write)
{
	const struct web_session *ws = web_session(req);
	struct auth_actor by = { &ws->user, NULL, req->client_ip };
	struct user_view *uv;
	struct err err = ERR_INIT;
	char subject[32];
	int64_t id;
	int rc;

	if (req_param_int(req, res, "id", 1, INT64_MAX, &id))
		return NULL;
	uv = xcalloc(1, sizeof(*uv));
	rc = store_user_by_id(s, id, &uv->u, NULL, &err);
	if (rc == ERR_NOT_FOUND) {
		snprintf(subject, sizeof(subject), "#%" PRId64, id);
		if (audit_row(req, s, write ? "change-denied" : "view-denied",
			      "user", subject, "no such user", &err))
			fail500(req, res, "auditing an unknown user", &err);
		else
			res_error(req, res, 404);
		free(uv);
		return NULL;
	}
	if (!rc)
		rc = store_org_get_id(s, uv->u.org_id, &uv->o, &err);
	if (!rc)
		rc = store_api_tokens_each(s, uv->u.id, tok_collect, uv, &err);
	if (!rc)
		rc = auth_user_may_disable(s, &by, &uv->u, &uv->block, &err);
	if (rc) {
		fail500(req, res, "a user", &err);
		user_view_free(uv);
		return NULL;
	}
	uv->self = uv->u.id == ws->user.id;
	return uv;
}

static const char *block_text(const struct request *req,
			      enum auth_disable_block b)
{
	switch (b) {
	case AUTH_DISABLE_SELF:
		return tr(req, "You cannot disable your own account: another "
			  "administrator must do it.",
			  "Ni allwch analluogi eich cyfrif eich hun: rhaid i "
			  "weinyddwr arall wneud hynny.");
	case AUTH_DISABLE_LAST_ADMIN:
		return tr(req, "This is the last active administrator. Add or "
			  "enable another administrator before disabling this "
			  "account.",
			  "Dyma" RQ "r gweinyddwr gweithredol olaf. Ychwanegwch "
			  "neu galluogwch weinyddwr arall cyn analluogi" RQ "r "
			  "cyfrif hwn.");
	case AUTH_DISABLE_ALREADY:
		return tr(req, "This account is already disabled.",
			  "Mae" RQ "r cyfrif hwn eisoes wedi" RQ "i analluogi.");
	case AUTH_DISABLE_OK:
		break;
	}
	return "";
}

static const char *done_text(const struct request *req, const char *done)
{
	if (!strcmp(done, "disabled"))
		return tr(req, "Account disabled: they are signed out and their "
			  "API tokens are revoked.",
			  "Cyfrif wedi" RQ "i analluogi: maent wedi" RQ "u "
			  "hallgofnodi a" RQ "u tocynnau API wedi" RQ "u "
			  "dirymu.");
	if (!strcmp(done, "enabled"))
		return tr(req, "Account enabled: they can sign in again.",
			  "Cyfrif wedi" RQ "i alluogi: gallant fewngofnodi eto.");
	if (!strcmp(done, "revoked"))
		return tr(req, "API token revoked.",
			  "Tocyn API wedi" RQ "i ddirymu.");
	return NULL;
}

static void account_section(struct request *req, struct response *res,
			    const struct user_view *uv)
{
	char href[64];

	part_h2(res, tr(req, "Account", "Cyfrif"));
	if (uv->u.disabled) {
		part_para(res, tr(req, "This account is disabled: they cannot "
				  "sign in. Enabling it lets them sign in "
				  "again with their password; their revoked "
				  "API tokens stay revoked.",
				  "Mae" RQ "r cyfrif hwn wedi" RQ "i analluogi: "
				  "ni allant fewngofnodi. Mae ei alluogi yn "
				  "gadael iddynt fewngofnodi eto gyda" RQ "u "
				  "cyfrinair; mae eu tocynnau API a ddirymwyd "
				  "yn aros wedi" RQ "u dirymu."));
		user_href(href, sizeof(href), uv->u.id, "/enable");
		part_form_start(req, res, href);
		part_button(res, tr(req, "Enable account",
				    "Galluogi" RQ "r cyfrif"), false);
		part_form_end(res);
		return;
	}
	part_para(res, tr(req, "Resetting the password gives you a new "
			  "one-time password to pass on to them. Disabling "
			  "the account signs them out and stops them signing "
			  "in.",
			  "Mae ailosod y cyfrinair yn rhoi cyfrinair untro "
			  "newydd i chi i" RQ "w roi iddynt. Mae analluogi" RQ "r "
			  "cyfrif yn eu hallgofnodi ac yn eu hatal rhag "
			  "mewngofnodi."));
	if (uv->block != AUTH_DISABLE_OK) {
		res_markup(res, "<div class=\"govuk-inset-text\">");
		res_text(res, block_text(req, uv->block));
		res_markup(res, "</div>\n");
	}
	res_markup(res, "<div class=\"govuk-button-group\">\n");
	user_href(href, sizeof(href), uv->u.id, "/reset");
	link_button(res, href, tr(req, "Reset password",
				  "Ailosod y cyfrinair"),
		    "govuk-button--secondary");
	if (uv->block == AUTH_DISABLE_OK) {
		user_href(href, sizeof(href), uv->u.id, "/disable");
		link_button(res, href, tr(req, "Disable account",
					  "Analluogi" RQ "r cyfrif"),
			    "govuk-button--warning");
	}
	res_markup(res, "</div>\n");
}

static void token_row(struct request *req, struct response *res,
		      const struct user_view *uv,
		      const struct api_token_row *t)
{
	char href[96];

	res_markup(res, "<tr class=\"govuk-table__row\">\n"
		   "<th scope=\"row\" class=\"govuk-table__header\">");
	res_text(res, t->label);
	res_markup(res, "</th>\n<td class=\"govuk-table__cell\">");
	part_time(req, res, t->created_at);
	res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
	if (t->last_used_at)
		part_time(req, res, t->last_used_at);
	else
		res_text(res, tr(req, "Never", "Erioed"));
	res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
	if (t->revoked_at) {
		part_tag(res, "grey", tr(req, "Revoked", "Wedi" RQ "i ddirymu"));
		res_markup(res, " ");
		part_time(req, res, t->revoked_at);
	} else {
		part_tag(res, "green", tr(req, "In use", "Mewn defnydd"));
	}
	res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
	if (!t->revoked_at) {
		snprintf(href, sizeof(href), "/admin/users/%" PRId64
			 "/tokens/%" PRId64 "/revoke", uv->u.id, t->id);
		res_markup(res, "<a class=\"govuk-link\" href=\"");
		res_url_path(res, href);
		res_markup(res, "\">");
		res_text(res, tr(req, "Revoke", "Dirymu"));
		res_markup(res, "<span class=\"govuk-visually-hidden\"> ");
		res_text(res, t->label);
		res_markup(res, "</span></a>");
	}
	res_markup(res, "</td>\n</tr>\n");
}

static void tokens_section(struct request *req, struct response *res,
			   const struct user_view *uv)
{
	char href[64];

	part_h2(res, tr(req, "API tokens", "Tocynnau API"));
	part_para(res, tr(req, "A program uses an API token to read and "
			  "record data as this person, through cartref" RQ "s "
			  "JSON API.",
			  "Mae rhaglen yn defnyddio tocyn API i ddarllen a "
			  "chofnodi data fel y person hwn, drwy API JSON "
			  "cartref."));
	if (!uv->ntok) {
		part_para(res, tr(req, "They have no API tokens.",
				  "Nid oes ganddynt docynnau API."));
	} else {
		res_markup(res, "<div class=\"cartref-scroll\" tabindex=\"0\" "
			   "role=\"region\" aria-label=\"");
		res_attr(res, tr(req, "API tokens", "Tocynnau API"));
		res_markup(res, "\">\n<table class=\"govuk-table\">\n<caption "
			   "class=\"govuk-table__caption "
			   "govuk-visually-hidden\">");
		res_text(res, tr(req, "API tokens", "Tocynnau API"));
		res_markup(res, "</caption>\n<thead class=\"govuk-table__head\">\n"
			   "<tr class=\"govuk-table__row\">\n");
		part_th(res, tr(req, "Label", "Label"), false);
		part_th(res, tr(req, "Created", "Cr" "\xc3\xab" "wyd"), false);
		part_th(res, tr(req, "Last used", "Defnyddiwyd ddiwethaf"),
			false);
		part_th(res, tr(req, "Status", "Statws"), false);
		part_th(res, tr(req, "Action", "Cam gweithredu"), false);
		res_markup(res, "</tr>\n</thead>\n"
			   "<tbody class=\"govuk-table__body\">\n");
		for (size_t i = 0; i < uv->ntok; i++)
			token_row(req, res, uv, &uv->tok[i]);
		res_markup(res, "</tbody>\n</table>\n</div>\n");
	}
	res_markup(res, "<h3 class=\"govuk-heading-s\">");
	res_text(res, tr(req, "Create a token", "Creu tocyn"));
	res_markup(res, "</h3>\n");
	if (uv->u.disabled) {
		part_para(res, tr(req, "Enable the account before creating a "
				  "token.",
				  "Galluogwch y cyfrif cyn creu tocyn."));
		return;
	}
	user_href(href, sizeof(href), uv->u.id, "/tokens");
	part_form_start(req, res, href);
	part_input(req, res, &uv->f, "token", "label",
		   tr(req, "Label", "Label"),
		   tr(req, "What the token is for, such as the program that "
		      "will use it.",
		      "I beth mae" RQ "r tocyn, fel y rhaglen a fydd yn ei "
		      "ddefnyddio."), "", "govuk-input--width-30");
	part_button(res, tr(req, "Create a token", "Creu tocyn"), true);
	part_form_end(res);
}

static void user_body(struct request *req, struct response *res, void *ctx)
{
	const struct user_view *uv = ctx;
	const char *done = uv->done ? done_text(req, uv->done) : NULL;

	grid_start(res);
	if (done)
		part_banner(req, res, done);
	part_error_summary(req, res, &uv->f);
	caption(res, tr(req, "Users", "Defnyddwyr"));
	h1(res, uv->u.name);
	part_summary_start(res);
	who_rows(req, res, &uv->u, &uv->o);
	part_summary_key(res, tr(req, "Status", "Statws"));
	status_tag(req, res, uv->u.disabled);
	part_summary_key_end(res);
	part_summary_key(res, tr(req, "Added", "Ychwanegwyd"));
	part_time(req, res, uv->u.created_at);
	part_summary_key_end(res);
	part_summary_key(res, tr(req, "Password last changed",
				 "Newidiwyd y cyfrinair ddiwethaf"));
	part_time(req, res, uv->u.password_changed_at);
	part_summary_key_end(res);
	part_summary_end(res);
	account_section(req, res, uv);
	grid_end(res);
	/* the tokens' table is wide: the whole width */
	tokens_section(req, res, uv);
	back_link(req, res, "/admin/users", tr(req, "All users",
					    "Pob defnyddiwr"));
}

static void user_title(struct request *req, const struct user_view *uv,
		       char *out, size_t cap)
{
	snprintf(out, cap, "%s%s", uv->f.n ? tr(req, "Error: ", "Gwall: ") : "",
		 uv->u.name);
}

/* The user's page (400 when f has problems), its view audited. */
static void user_show(struct request *req, struct response *res,
		      struct store *s, struct user_view *uv,
		      const char *detail)
{
	struct err err = ERR_INIT;
	char title[USER_NAME_MAX + 16];

	if (audit_row(req, s, "view", "user", uv->u.email, detail, &err)) {
		fail500(req, res, "auditing a view of a user", &err);
		return;
	}
	user_title(req, uv, title, sizeof(title));
	res_html_page(req, res, title, user_body, uv);
	if (uv->f.n)
		res->status = 400;
}

void page_admin_user(struct request *req, struct response *res)
{
	struct store *s = admin_store(req, res, false);
	struct user_view *uv;

	if (!s || !(uv = user_load(req, res, s, false)))
		return;
	uv->done = req_param_get(req, "done");
	if (uv->done && !done_text(req, uv->done))
		uv->done = NULL;
	user_show(req, res, s, uv, "details and API tokens");
	user_view_free(uv);
}

/* The user's page again, with one problem (a form-level one). */
static void user_problem(struct request *req, struct response *res,
			 struct store *s, struct user_view *uv,
			 const char *field, const char *msg)
{
	web_form_fail(&uv->f, field, msg);
	user_show(req, res, s, uv, "details and API tokens, with a problem");
}

/* ---- confirmation pages ------------------------------------------------------------ */

enum confirm { CONFIRM_DISABLE, CONFIRM_RESET, CONFIRM_REVOKE };

struct confirm_view {
	enum confirm what;
	const struct user_view *uv;
	const struct api_token_row *tok;	/* CONFIRM_REVOKE */
};

static void confirm_title(struct request *req, const struct confirm_view *cv,
			  char *out, size_t cap)
{
	switch (cv->what) {
	case CONFIRM_DISABLE:
		snprintf(out, cap, WEB_TRF(req, "Disable the account of %s?",
					   "Analluogi cyfrif %s?"),
			 cv->uv->u.name);
		break;
	case CONFIRM_RESET:
		snprintf(out, cap, WEB_TRF(req, "Reset the password of %s?",
					   "Ailosod cyfrinair %s?"),
			 cv->uv->u.name);
		break;
	case CONFIRM_REVOKE:
		snprintf(out, cap, WEB_TRF(req, "Revoke the API token "
					   LQ "%s" RDQ "?",
					   "Dirymu" RQ "r tocyn API "
					   LQ "%s" RDQ "?"),
			 cv->tok->label);
		break;
	}
}

static void confirm_body(struct request *req, struct response *res,
			 void *ctx)
{
	const struct confirm_view *cv = ctx;
	const struct user_view *uv = cv->uv;
	char title[USER_NAME_MAX + API_TOKEN_LABEL_MAX + 64];
	char back[64], action[96];
	const char *items[3] = { NULL, NULL, NULL };
	const char *button = "";
	bool can = true;

	confirm_title(req, cv, title, sizeof(title));
	user_href(back, sizeof(back), uv->u.id, "");
	grid_start(res);
	caption(res, uv->u.name);
	h1(res, title);
	switch (cv->what) {
	case CONFIRM_DISABLE:
		user_href(action, sizeof(action), uv->u.id, "/disable");
		button = tr(req, "Disable account", "Analluogi" RQ "r cyfrif");
		part_para(res, tr(req, "When you disable the account:",
				  "Pan fyddwch yn analluogi" RQ "r cyfrif:"));
		items[0] = tr(req, "they are signed out at once and cannot "
			      "sign in",
			      "c" "\xc3\xa2" "nt eu hallgofnodi ar unwaith ac ni "
			      "allant fewngofnodi");
		items[1] = tr(req, "their API tokens are revoked, and enabling "
			      "the account again does not bring them back",
			      "caiff eu tocynnau API eu dirymu, ac ni fydd "
			      "galluogi" RQ "r cyfrif eto yn dod " "\xc3\xa2" " "
			      "nhw" RQ "n " CIRC_O "l");
		items[2] = tr(req, "what they recorded, and the audit trail of "
			      "what they did, are kept",
			      "caiff yr hyn a gofnodwyd ganddynt, a" RQ "r "
			      "trywydd archwilio o" RQ "r hyn a wnaethant, eu "
			      "cadw");
		bullets(res, items, 3);
		if (uv->block != AUTH_DISABLE_OK) {
			part_warning(req, res, block_text(req, uv->block));
			can = false;
		}
		break;
	case CONFIRM_RESET:
		user_href(action, sizeof(action), uv->u.id, "/reset");
		button = tr(req, "Reset password", "Ailosod y cyfrinair");
		part_para(res, tr(req, "When you reset the password:",
				  "Pan fyddwch yn ailosod y cyfrinair:"));
		items[0] = tr(req, "a new one-time password is made and shown "
			      "to you once, for you to pass on to them",
			      "caiff cyfrinair untro newydd ei greu a" RQ "i "
			      "ddangos i chi unwaith, i chi ei roi iddynt");
		items[1] = tr(req, "their old password stops working and they "
			      "are signed out at once",
			      "mae eu hen gyfrinair yn peidio " "\xc3\xa2" " "
			      "gweithio a ch" "\xc3\xa2" "nt eu hallgofnodi ar "
			      "unwaith");
		items[2] = tr(req, "their API tokens are revoked: programs "
			      "that use one need a new token",
			      "caiff eu tocynnau API eu dirymu: mae angen "
			      "tocyn newydd ar raglenni sy" RQ "n defnyddio "
			      "un");
		bullets(res, items, 3);
		if (uv->self)
			part_warning(req, res, tr(req, "This is your own "
						  "account: you will be signed "
						  "out too.",
						  "Eich cyfrif chi yw hwn: "
						  "byddwch chi" RQ "n cael eich "
						  "allgofnodi hefyd."));
		break;
	case CONFIRM_REVOKE:
		snprintf(action, sizeof(action), "/admin/users/%" PRId64
			 "/tokens/%" PRId64 "/revoke", uv->u.id, cv->tok->id);
		button = tr(req, "Revoke token", "Dirymu" RQ "r tocyn");
		part_summary_start(res);
		part_summary_row(res, tr(req, "Label", "Label"),
				 cv->tok->label);
		part_summary_key(res, tr(req, "Created", "Cr" "\xc3\xab" "wyd"));
		part_time(req, res, cv->tok->created_at);
		part_summary_key_end(res);
		part_summary_key(res, tr(req, "Last used",
					 "Defnyddiwyd ddiwethaf"));
		if (cv->tok->last_used_at)
			part_time(req, res, cv->tok->last_used_at);
		else
			res_text(res, tr(req, "Never", "Erioed"));
		part_summary_key_end(res);
		part_summary_end(res);
		items[0] = tr(req, "programs using it are refused from their "
			      "next request",
			      "caiff rhaglenni sy" RQ "n ei ddefnyddio eu "
			      "gwrthod o" RQ "u cais nesaf");
		items[1] = tr(req, "it cannot be used again: create a new token "
			      "if one is still needed",
			      "ni ellir ei ddefnyddio eto: cr" "\xc3\xab" "wch "
			      "docyn newydd os oes angen un o hyd");
		bullets(res, items, 2);
		if (cv->tok->revoked_at) {
			part_warning(req, res, tr(req, "This token is "
						  "already revoked.",
						  "Mae" RQ "r tocyn hwn eisoes "
						  "wedi" RQ "i ddirymu."));
			can = false;
		}
		break;
	}
	if (can) {
		part_form_start(req, res, action);
		res_markup(res, "<div class=\"govuk-button-group\">\n"
			   "<button type=\"submit\" class=\"govuk-button");
		if (cv->what != CONFIRM_RESET)
			res_markup(res, " govuk-button--warning");
		res_markup(res, "\" data-module=\"govuk-button\">");
		res_text(res, button);
		res_markup(res, "</button>\n<a class=\"govuk-link\" href=\"");
		res_url_path(res, back);
		res_markup(res, "\">");
		res_text(res, tr(req, "Cancel", "Canslo"));
		res_markup(res, "</a>\n</div>\n");
		part_form_end(res);
	} else {
		back_link(req, res, back, tr(req, "Back to their account",
					     "Yn " CIRC_O "l i" RQ "w cyfrif"));
	}
	grid_end(res);
}

static void confirm_show(struct request *req, struct response *res,
			 struct store *s, const struct confirm_view *cv,
			 const char *detail)
{
	struct err err = ERR_INIT;
	char title[USER_NAME_MAX + API_TOKEN_LABEL_MAX + 64];

	if (audit_row(req, s, "view", "user", cv->uv->u.email, detail, &err)) {
		fail500(req, res, "auditing a confirmation page", &err);
		return;
	}
	confirm_title(req, cv, title, sizeof(title));
	res_html_page(req, res, title, confirm_body, (void *)cv);
}

/* The token {tid} of the user, or NULL after answering 400 or 404. */
static const struct api_token_row *token_of(struct request *req,
					    struct response *res,
					    struct store *s,
					    const struct user_view *uv,
					    bool write)
{
	struct err err = ERR_INIT;
	char detail[64];
	int64_t tid;

	if (req_param_int(req, res, "tid", 1, INT64_MAX, &tid))
		return NULL;
	for (size_t i = 0; i < uv->ntok; i++)
		if (uv->tok[i].id == tid)
			return &uv->tok[i];
	snprintf(detail, sizeof(detail), "no API token %" PRId64 " of theirs",
		 tid);
	if (audit_row(req, s, write ? "change-denied" : "view-denied", "user",
		      uv->u.email, detail, &err))
		fail500(req, res, "auditing an unknown token", &err);
	else
		res_error(req, res, 404);
	return NULL;
}

void page_admin_user_disable(struct request *req, struct response *res)
{
	struct store *s = admin_store(req, res, false);
	struct user_view *uv;
	struct confirm_view cv;

	if (!s || !(uv = user_load(req, res, s, false)))
		return;
	if (uv->u.disabled) {
		/* nothing to confirm: their page says so */
		user_show(req, res, s, uv, "details and API tokens");
	} else {
		cv.what = CONFIRM_DISABLE;
		cv.uv = uv;
		cv.tok = NULL;
		confirm_show(req, res, s, &cv, "confirm disabling the account");
	}
	user_view_free(uv);
}

void page_admin_user_reset(struct request *req, struct response *res)
{
	struct store *s = admin_store(req, res, false);
	struct user_view *uv;
	struct confirm_view cv;

	if (!s || !(uv = user_load(req, res, s, false)))
		return;
	cv.what = CONFIRM_RESET;
	cv.uv = uv;
	cv.tok = NULL;
	confirm_show(req, res, s, &cv, "confirm resetting the password");
	user_view_free(uv);
}

void page_admin_token_revoke(struct request *req, struct response *res)
{
	struct store *s = admin_store(req, res, false);
	struct user_view *uv;
	struct confirm_view cv;
	char detail[64];

	if (!s || !(uv = user_load(req, res, s, false)))
		return;
	cv.tok = token_of(req, res, s, uv, false);
	if (cv.tok) {
		cv.what = CONFIRM_REVOKE;
		cv.uv = uv;
		snprintf(detail, sizeof(detail), "confirm revoking API token "
			 "%" PRId64, cv.tok->id);
		confirm_show(req, res, s, &cv, detail);
	}
	user_view_free(uv);
}

/* ---- the changes ------------------------------------------------------------------ */

static struct auth_actor actor(struct request *req)
{
	const struct web_session *ws = web_session(req);
	struct auth_actor by = { &ws->user, NULL, req->client_ip };

	return by;
}

static void done_redirect(struct response *res, int64_t id, const char *done)
{
	char to[96];

	snprintf(to, sizeof(to), "/admin/users/%" PRId64 "?done=%s", id, done);
	res_redirect(res, to);
}

void page_admin_user_enable_post(struct request *req, struct response *res)
{
	struct store *s = admin_store(req, res, true);
	struct auth_actor by;
	struct user_view *uv;
	struct err err = ERR_INIT;
	int rc;

	if (!s || !(uv = user_load(req, res, s, true)))
		return;
	by = actor(req);
	rc = auth_user_enable(s, &by, uv->u.email, auth_now_ms(), &err);
	if (!rc)
		done_redirect(res, uv->u.id, "enabled");
	else if (rc == ERR_INVALID)
		user_problem(req, res, s, uv, "", tr(req, "This account is "
			     "already enabled.",
			     "Mae" RQ "r cyfrif hwn eisoes wedi" RQ "i "
			     "alluogi."));
	else
		fail500(req, res, "enabling a user", &err);
	user_view_free(uv);
}

void page_admin_user_disable_post(struct request *req, struct response *res)
{
	struct store *s = admin_store(req, res, true);
	struct auth_actor by;
	struct user_view *uv;
	struct err err = ERR_INIT;
	int rc;

	if (!s || !(uv = user_load(req, res, s, true)))
		return;
	by = actor(req);
	if (uv->block != AUTH_DISABLE_OK) {
		user_problem(req, res, s, uv, "", block_text(req, uv->block));
		goto out;
	}
	rc = auth_user_disable(s, &by, uv->u.email, auth_now_ms(), &err);
	if (rc == ERR_INVALID) {
		/* changed meanwhile (another admin): say why, as it is now */
		enum auth_disable_block why = AUTH_DISABLE_OK;

		rc = store_user_by_id(s, uv->u.id, &uv->u, NULL, &err);
		if (!rc)
			rc = auth_user_may_disable(s, &by, &uv->u, &why, &err);
		if (!rc) {
			uv->block = why;
			user_problem(req, res, s, uv, "", why ?
				     block_text(req, why) : err_text(&err));
			goto out;
		}
	}
	if (!rc)
		done_redirect(res, uv->u.id, "disabled");
	else
		fail500(req, res, "disabling a user", &err);
out:
	user_view_free(uv);
}

void page_admin_user_reset_post(struct request *req, struct response *res)
{
	struct store *s = admin_store(req, res, true);
	char password[AUTH_GENPW_MAX];
	struct auth_actor by;
	struct user_view *uv;
	struct err err = ERR_INIT;
	int rc;

	if (!s || !(uv = user_load(req, res, s, true)))
		return;
	by = actor(req);
	auth_password_generate(password);
	rc = auth_user_reset(s, &by, uv->u.email, password, auth_now_ms(),
			     &err);
	if (!rc) {
		struct secret_view sv = { SECRET_RESET, &uv->u, &uv->o,
					  password, NULL, uv->self };

		res_html_page(req, res, tr(req, "Password reset",
					   "Cyfrinair wedi" RQ "i ailosod"),
			      secret_body, &sv);
		if (uv->self)	/* their session has ended: forget it */
			res_session_cookie(req, res, WEB_SESSION_COOKIE, "", 0);
	} else {
		fail500(req, res, "resetting a password", &err);
	}
	explicit_bzero(password, sizeof(password));
	user_view_free(uv);
}

void page_admin_token_new_post(struct request *req, struct response *res)
{
	struct store *s = admin_store(req, res, true);
	char label[API_TOKEN_LABEL_MAX + 1], token[AUTH_API_TOKEN_STR_MAX];
	struct auth_actor by;
	struct user_view *uv;
	struct err err = ERR_INIT;
	int64_t id = 0;
	int rc;

	if (!s || !(uv = user_load(req, res, s, true)))
		return;
	by = actor(req);
	uv->f.form = "token";
	if (!line_in(req, &uv->f, "label", tr(req, "Label", "Label"), label,
		     sizeof(label)) && !label[0])
		web_form_fail(&uv->f, "label", tr(req,
			      "Enter a label for the token",
			      "Rhowch label ar gyfer y tocyn"));
	if (!uv->f.n && uv->u.disabled)
		web_form_fail(&uv->f, "label", tr(req,
			      "Enable the account before creating a token",
			      "Galluogwch y cyfrif cyn creu tocyn"));
	if (uv->f.n) {
		user_show(req, res, s, uv, "details and API tokens, with a "
			  "problem");
		goto out;
	}
	rc = auth_api_token_create(s, &by, uv->u.id, label, auth_now_ms(),
				   token, &id, &err);
	if (!rc) {
		struct secret_view sv = { SECRET_TOKEN, &uv->u, &uv->o, token,
					  label, false };

		res_html_page(req, res, tr(req, "API token created",
					   "Tocyn API wedi" RQ "i greu"),
			      secret_body, &sv);
	} else if (rc == ERR_INVALID) {
		user_problem(req, res, s, uv, "label", err_text(&err));
	} else {
		fail500(req, res, "creating an API token", &err);
	}
	explicit_bzero(token, sizeof(token));
out:
	user_view_free(uv);
}

void page_admin_token_revoke_post(struct request *req, struct response *res)
{
	struct store *s = admin_store(req, res, true);
	const struct api_token_row *t;
	struct auth_actor by;
	struct user_view *uv;
	struct err err = ERR_INIT;
	int rc;

	if (!s || !(uv = user_load(req, res, s, true)))
		return;
	t = token_of(req, res, s, uv, true);
	if (!t)
		goto out;
	if (t->revoked_at) {
		user_problem(req, res, s, uv, "", tr(req, "This token is "
			     "already revoked.",
			     "Mae" RQ "r tocyn hwn eisoes wedi" RQ "i "
			     "ddirymu."));
		goto out;
	}
	by = actor(req);
	rc = auth_api_token_revoke(s, &by, t->id, auth_now_ms(), &err);
	if (!rc)
		done_redirect(res, uv->u.id, "revoked");
	else if (rc == ERR_INVALID)	/* revoked meanwhile */
		user_problem(req, res, s, uv, "", tr(req, "This token is "
			     "already revoked.",
			     "Mae" RQ "r tocyn hwn eisoes wedi" RQ "i "
			     "ddirymu."));
	else
		fail500(req, res, "revoking an API token", &err);
out:
	user_view_free(uv);
}
