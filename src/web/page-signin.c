/*
 * page-signin.c: signing in and out.
 *
 *   GET /sign-in    the form (GOV.UK Frontend), with a pre-session CSRF
 *                   token; someone already signed in goes to /home
 *   POST /sign-in   check the email address and password (auth_login():
 *                   throttled per account and per address), then a new
 *                   session every time (no fixation), its cookie, and
 *                   303 to ?next= when it is a local path, else /home
 *   POST /sign-out  end the session, clear the cookie, 303 to the form
 *                   with a "You have signed out" notice
 *
 * The sign-in form's CSRF token.  Before signing in there is no session
 * to keep a token in, so the form carries a double-submit token: GET
 * /sign-in puts 256 random bits in a cookie (WEB_SIGNIN_COOKIE, HttpOnly,
 * SameSite=Strict, two hours) and in a hidden field, and the auth hook
 * (ROUTE_SIGN_IN) compares the two in constant time before this file
 * sees the POST.  Another site can neither read the cookie nor make the
 * browser send it (SameSite=Strict), and the router has already refused
 * a cross-site Origin or Sec-Fetch-Site.  docs/http.md says why this,
 * and not a signed token, is enough here.
 *
 * Every refusal reads the same ("The email address or password is
 * wrong") whether or not the account exists: auth_login() makes them
 * cost the same too.
 *
 * In a demonstration (serve --demo, and only then) the form is followed
 * by the demo accounts, so that a newcomer can sign in: the users of the
 * store at AUTH_DEMO_DOMAIN that are not disabled (those `cartref user
 * demo` creates, and any other made there), by role, with what each
 * does and the shared password AUTH_DEMO_PASSWORD.
 */
#include "base/compat.h"
#include "base/parse.h"
#include "base/xalloc.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/parts.h"
#include "web/session.h"

#define RQ "\xe2\x80\x99"	/* right single quotation mark */

#define DEMO_ACCOUNTS_MAX 32

struct demo_account {
	char email[USER_EMAIL_MAX + 1];
	enum role role;
	int64_t org_id;
	char org_en[ORG_NAME_MAX + 1];
	char org_cy[ORG_NAME_MAX + 1];
};

/* The demo accounts (serve --demo), found in the store. */
struct demo_accounts {
	struct demo_account v[DEMO_ACCOUNTS_MAX];
	size_t n;
	bool more;		/* there were more than DEMO_ACCOUNTS_MAX */
};

/* What the form shows. */
struct sign_in_form {
	const char *token;	/* pre-session CSRF token */
	const char *email;	/* as typed, to show again; NULL: none */
	const char *next;	/* a safe local path, or NULL */
	bool no_email, no_password, wrong, throttled, busy;
	bool signed_out;
	const struct demo_accounts *demo;	/* serve --demo; else NULL */
};

static void demo_accounts_table(struct request *req, struct response *res,
				const struct demo_accounts *d);

static bool has_errors(const struct sign_in_form *f)
{
	return f->no_email || f->no_password || f->wrong || f->throttled ||
	       f->busy;
}

static const char *msg_no_email(const struct request *req)
{
	return tr(req, "Enter your email address",
		  "Rhowch eich cyfeiriad e-bost");
}

static const char *msg_no_password(const struct request *req)
{
	return tr(req, "Enter your password", "Rhowch eich cyfrinair");
}

static const char *msg_wrong(const struct request *req)
{
	return tr(req, "The email address or password is wrong",
		  "Mae" RQ "r cyfeiriad e-bost neu" RQ "r cyfrinair yn "
		  "anghywir");
}

static const char *msg_throttled(const struct request *req)
{
	return tr(req, "Too many attempts, try again in 15 minutes",
		  "Gormod o ymdrechion, rhowch gynnig arall arni ymhen 15 "
		  "munud");
}

static const char *msg_busy(const struct request *req)
{
	return tr(req, "The service is busy, try again in a minute",
		  "Mae" RQ "r gwasanaeth yn brysur, rhowch gynnig arall arni "
		  "ymhen munud");
}

/* One entry of the error summary: a link to its field, or plain text. */
static void summary_item(struct response *res, const char *field,
			 const char *msg)
{
	res_markup(res, "<li>");
	if (field) {
		res_markup(res, "<a href=\"#");
		res_attr(res, field);
		res_markup(res, "\">");
		res_text(res, msg);
		res_markup(res, "</a>");
	} else {
		res_text(res, msg);
	}
	res_markup(res, "</li>\n");
}

static void error_summary(struct request *req, struct response *res,
			  const struct sign_in_form *f)
{
	res_markup(res, "<div class=\"govuk-error-summary\" "
		   "data-module=\"govuk-error-summary\">\n<div role=\"alert\">\n"
		   "<h2 class=\"govuk-error-summary__title\">");
	res_text(res, tr(req, "There is a problem", "Mae problem wedi codi"));
	res_markup(res, "</h2>\n<div class=\"govuk-error-summary__body\">\n"
		   "<ul class=\"govuk-list govuk-error-summary__list\">\n");
	if (f->no_email)
		summary_item(res, "email", msg_no_email(req));
	if (f->no_password)
		summary_item(res, "password", msg_no_password(req));
	if (f->wrong)
		summary_item(res, "email", msg_wrong(req));
	if (f->throttled)
		summary_item(res, NULL, msg_throttled(req));
	if (f->busy)
		summary_item(res, NULL, msg_busy(req));
	res_markup(res, "</ul>\n</div>\n</div>\n</div>\n");
}

static void signed_out_banner(struct request *req, struct response *res)
{
	res_markup(res, "<div class=\"govuk-notification-banner "
		   "govuk-notification-banner--success\" role=\"alert\" "
		   "aria-labelledby=\"signed-out-title\" "
		   "data-module=\"govuk-notification-banner\">\n"
		   "<div class=\"govuk-notification-banner__header\">\n"
		   "<h2 class=\"govuk-notification-banner__title\" "
		   "id=\"signed-out-title\">");
	res_text(res, tr(req, "Success", "Llwyddiant"));
	res_markup(res, "</h2>\n</div>\n<div class=\"govuk-notification-banner"
		   "__content\">\n<p class=\"govuk-notification-banner__"
		   "heading\">");
	res_text(res, tr(req, "You have signed out", "Rydych wedi allgofnodi"));
	res_markup(res, "</p>\n</div>\n</div>\n");
}

/*
 * A text input in a form group.  error: the message shown above it, or
 * NULL; value: what to show in it (never the password), or NULL.
 */
static void input_group(struct response *res, const char *id,
			const char *label, const char *type,
			const char *autocomplete, const char *error,
			const char *value, const struct request *req)
{
	res_markup(res, "<div class=\"govuk-form-group");
	if (error)
		res_markup(res, " govuk-form-group--error");
	res_markup(res, "\">\n<label class=\"govuk-label\" for=\"");
	res_attr(res, id);
	res_markup(res, "\">");
	res_text(res, label);
	res_markup(res, "</label>\n");
	if (error)
		part_error_message(req, res, id, error);
	res_markup(res, "<input class=\"govuk-input govuk-!-width-two-thirds");
	if (error)
		res_markup(res, " govuk-input--error");
	res_markup(res, "\" id=\"");
	res_attr(res, id);
	res_markup(res, "\" name=\"");
	res_attr(res, id);
	res_markup(res, "\" type=\"");
	res_attr(res, type);
	res_markup(res, "\" spellcheck=\"false\" autocapitalize=\"none\" "
		   "autocomplete=\"");
	res_attr(res, autocomplete);
	res_markup(res, "\"");
	if (error) {
		res_markup(res, " aria-describedby=\"");
		res_attr(res, id);
		res_markup(res, "-error\"");
	}
	if (value) {
		res_markup(res, " value=\"");
		res_attr(res, value);
		res_markup(res, "\"");
	}
	res_markup(res, ">\n</div>\n");
}

static void sign_in_body(struct request *req, struct response *res,
			 void *ctx)
{
	const struct sign_in_form *f = ctx;
	const char *email_error = f->no_email ? msg_no_email(req) :
				  f->wrong ? msg_wrong(req) : NULL;

	res_markup(res, "<div class=\"govuk-grid-row\">\n"
		   "<div class=\"govuk-grid-column-two-thirds\">\n");
	if (has_errors(f))
		error_summary(req, res, f);
	else if (f->signed_out)
		signed_out_banner(req, res);
	res_markup(res, "<h1 class=\"govuk-heading-l\">");
	res_text(res, tr(req, "Sign in", "Mewngofnodi"));
	res_markup(res, "</h1>\n<p class=\"govuk-body\">");
	res_text(res, tr(req, "Sign in with the email address and password of "
			 "your cartref account.",
			 "Mewngofnodwch gyda chyfeiriad e-bost a chyfrinair "
			 "eich cyfrif cartref."));
	if (f->demo) {
		res_text(res, " ");
		res_text(res, tr(req, "In this demonstration, use one of the ",
				 "Yn y gwasanaeth arddangos hwn, defnyddiwch un "
				 "o\xe2\x80\x99r "));
		res_markup(res, "<a class=\"govuk-link\" href=\"#demo-accounts\">");
		res_text(res, tr(req, "demo accounts", "cyfrifon arddangos"));
		res_markup(res, "</a>.");
	}
	res_markup(res, "</p>\n<form method=\"post\" action=\"/sign-in\" "
		   "novalidate>\n<input type=\"hidden\" name=\"" WEB_CSRF_FIELD
		   "\" value=\"");
	res_attr(res, f->token);
	res_markup(res, "\">\n");
	if (f->next) {
		res_markup(res, "<input type=\"hidden\" name=\"next\" value=\"");
		res_attr(res, f->next);
		res_markup(res, "\">\n");
	}
	input_group(res, "email", tr(req, "Email address", "Cyfeiriad e-bost"),
		    "email", "email", email_error, f->email, req);
	input_group(res, "password", tr(req, "Password", "Cyfrinair"),
		    "password", "current-password",
		    f->no_password ? msg_no_password(req) : NULL, NULL, req);
	res_markup(res, "<button type=\"submit\" class=\"govuk-button\" "
		   "data-module=\"govuk-button\">");
	res_text(res, tr(req, "Sign in", "Mewngofnodi"));
	res_markup(res, "</button>\n</form>\n<p class=\"govuk-body\">");
	res_text(res, tr(req, "If you have forgotten your password, ask the "
			 "person who manages your account to reset it.",
			 "Os ydych wedi anghofio eich cyfrinair, gofynnwch "
			 "i" RQ "r person sy" RQ "n rheoli eich cyfrif ei "
			 "ailosod."));
	res_markup(res, "</p>\n</div>\n</div>\n");
	if (f->demo)
		demo_accounts_table(req, res, f->demo);
}

/* ---- the demo accounts (serve --demo) ------------------------------------ */

/* A role as people say it, and what that person does in cartref. */
static const struct {
	const char *en, *cy;
	const char *does_en, *does_cy;
} demo_roles[ROLE_N] = {
	[ROLE_INSPECTOR] = {
		"Inspector", "Arolygydd",
		"Inspects children" RQ "s homes for Care Inspectorate Wales: "
		"every home, and the children placed in them.",
		"Yn arolygu cartrefi plant ar ran Arolygiaeth Gofal Cymru: pob "
		"cartref, a" RQ "r plant sydd wedi" RQ "u lleoli ynddynt." },
	[ROLE_ANALYST] = {
		"Analyst", "Dadansoddwr",
		"Works on the figures for Wales: figures only, with small "
		"numbers hidden, never a child" RQ "s record.",
		"Yn gweithio ar y ffigurau ar gyfer Cymru: ffigurau yn unig, "
		"gyda rhifau bach wedi" RQ "u cuddio, byth gofnod plentyn." },
	[ROLE_COUNCIL_SOCIAL_WORKER] = {
		"Social worker", "Gweithiwr cymdeithasol",
		"Works with the council" RQ "s looked-after children: their "
		"records, missing episodes and return interviews.",
		"Yn gweithio gyda phlant y cyngor sy" RQ "n derbyn gofal: eu "
		"cofnodion, eu cyfnodau ar goll a" RQ "u cyfweliadau "
		"dychwelyd." },
	[ROLE_COUNCIL_PLACEMENTS] = {
		"Placements officer", "Swyddog lleoliadau",
		"Finds placements for the council" RQ "s children: its "
		"children, and the homes they could go to.",
		"Yn dod o hyd i leoliadau ar gyfer plant y cyngor: ei blant, "
		"a" RQ "r cartrefi y gallent fynd iddynt." },
	[ROLE_HOME_MANAGER] = {
		"Home manager", "Rheolwr cartref",
		"Manages a provider" RQ "s children" RQ "s homes: reports a "
		"child missing and keeps each child" RQ "s grab pack.",
		"Yn rheoli cartrefi plant darparwr: yn rhoi gwybod bod plentyn "
		"ar goll ac yn cadw pecyn cydio pob plentyn." },
	[ROLE_POLICE_MISSING_COORDINATOR] = {
		"Police missing persons coordinator",
		"Cydlynydd pobl ar goll yr heddlu",
		"Grades and follows up children missing from care in the "
		"force" RQ "s area, and records their return.",
		"Yn graddio ac yn dilyn achosion plant sydd ar goll o ofal yn "
		"ardal yr heddlu, ac yn cofnodi eu bod wedi dychwelyd." },
	[ROLE_ADMIN] = {
		"Administrator", "Gweinyddwr",
		"Manages who can sign in and their API tokens; sees no "
		"child" RQ "s record.",
		"Yn rheoli pwy sy" RQ "n gallu mewngofnodi a" RQ "u tocynnau "
		"API; nid yw" RQ "n gweld cofnod unrhyw blentyn." },
};

static bool is_demo_email(const char *email)
{
	static const char domain[] = "@" AUTH_DEMO_DOMAIN;
	size_t n = strlen(email), k = sizeof(domain) - 1;

	return n > k && !strcmp(email + n - k, domain);
}

static int demo_account_cb(const struct user *u, void *ctx)
{
	struct demo_accounts *d = ctx;
	struct demo_account *a;

	if (u->disabled || !is_demo_email(u->email) || u->role >= ROLE_N)
		return 0;
	if (d->n == DEMO_ACCOUNTS_MAX) {
		d->more = true;
		return 0;
	}
	a = &d->v[d->n++];
	memset(a, 0, sizeof(*a));
	str_copy(a->email, sizeof(a->email), u->email);
	a->role = u->role;
	a->org_id = u->org_id;
	str_copy(a->org_en, sizeof(a->org_en), u->org_name);
	return 0;
}

static int demo_cmp(const void *pa, const void *pb)
{
	const struct demo_account *a = pa, *b = pb;

	if (a->role != b->role)
		return a->role < b->role ? -1 : 1;
	return strcmp(a->email, b->email);
}

/*
 * The demo accounts from the store, by role then email, with their
 * organisations' Welsh names.  A store that fails is logged and the page
 * shows what it has: the form must work whatever happens here.
 */
static void demo_load(struct request *req, struct demo_accounts *d)
{
	struct err err = ERR_INIT;
	struct store *s = web_store(req, &err);
	int rc;

	d->n = 0;
	d->more = false;
	rc = s ? store_users_each(s, demo_account_cb, d, &err) : ERR_STORE;
	for (size_t i = 0; !rc && i < d->n; i++) {
		struct org o;

		rc = store_org_get_id(s, d->v[i].org_id, &o, &err);
		if (!rc)
			str_copy(d->v[i].org_cy, sizeof(d->v[i].org_cy),
				 o.name_cy[0] ? o.name_cy : o.name_en);
	}
	if (rc) {
		web_log_err("listing the demo accounts", &err);
		d->n = 0;
	}
	qsort(d->v, d->n, sizeof(d->v[0]), demo_cmp);
}

static void demo_accounts_table(struct request *req, struct response *res,
				const struct demo_accounts *d)
{
	bool cy = req->lang[0] == 'c';

	res_markup(res, "<div class=\"govuk-grid-row\">\n"
		   "<div class=\"govuk-grid-column-full\">\n"
		   "<h2 class=\"govuk-heading-m\" id=\"demo-accounts\">");
	res_text(res, tr(req, "Demo accounts", "Cyfrifon arddangos"));
	res_markup(res, "</h2>\n<p class=\"govuk-body\">");
	res_text(res, tr(req, "This is a demonstration: every child in it is "
			 "made up. Sign in as any of these people to see "
			 "what they would see.",
			 "Gwasanaeth arddangos yw hwn: mae pob plentyn ynddo "
			 "wedi" RQ "i greu. Mewngofnodwch fel unrhyw un o" RQ
			 "r bobl hyn i weld yr hyn y byddent hwy yn ei "
			 "weld."));
	res_markup(res, "</p>\n");
	if (!d->n) {
		res_markup(res, "<p class=\"govuk-body\">");
		res_text(res, tr(req, "There are no demo accounts yet "
				 "(cartref user demo makes them).",
				 "Nid oes cyfrifon arddangos eto (mae cartref "
				 "user demo yn eu creu)."));
		res_markup(res, "</p>\n</div>\n</div>\n");
		return;
	}
	res_markup(res, "<div class=\"govuk-inset-text\">");
	res_text(res, tr(req, "Every demo account has the password ",
			 "Y cyfrinair ar gyfer pob cyfrif arddangos yw "));
	res_markup(res, "<strong class=\"cartref-code\">");
	res_text(res, AUTH_DEMO_PASSWORD);
	res_markup(res, "</strong></div>\n");
	part_table_scroll_labelled(res, "demo-accounts");
	res_markup(res, "<table class=\"govuk-table\">\n"
		   "<thead class=\"govuk-table__head\">\n"
		   "<tr class=\"govuk-table__row\">\n");
	part_th(res, tr(req, "Role", "R\xc3\xb4l"), false);
	part_th(res, tr(req, "What they do", "Beth maen nhw" RQ "n ei wneud"),
		false);
	part_th(res, tr(req, "Email address", "Cyfeiriad e-bost"), false);
	res_markup(res, "</tr>\n</thead>\n<tbody class=\"govuk-table__body\">\n");
	for (size_t i = 0; i < d->n; i++) {
		const struct demo_account *a = &d->v[i];

		res_markup(res, "<tr class=\"govuk-table__row\">\n"
			   "<th scope=\"row\" class=\"govuk-table__header\">");
		res_text(res, cy ? demo_roles[a->role].cy :
				   demo_roles[a->role].en);
		res_markup(res, "<br><span class=\"govuk-body-s "
			   "cartref-secondary\">");
		res_text(res, cy && a->org_cy[0] ? a->org_cy : a->org_en);
		res_markup(res, "</span></th>\n<td class=\"govuk-table__cell\">");
		res_text(res, cy ? demo_roles[a->role].does_cy :
				   demo_roles[a->role].does_en);
		res_markup(res, "</td>\n<td class=\"govuk-table__cell "
			   "cartref-code\">");
		res_text(res, a->email);
		res_markup(res, "</td>\n</tr>\n");
	}
	res_markup(res, "</tbody>\n</table>\n");
	part_table_scroll_end(res);
	if (d->more) {
		res_markup(res, "<p class=\"govuk-body\">");
		res_text(res, tr(req, "There are more: only the first ones are "
				 "listed.",
				 "Mae rhagor: dim ond y rhai cyntaf a restrir."));
		res_markup(res, "</p>\n");
	}
	res_markup(res, "</div>\n</div>\n");
}

/* The form, with its token in a cookie (kept when the cookie has one). */
static void render(struct request *req, struct response *res,
		   struct sign_in_form *f, int status)
{
	char fresh[AUTH_TOKEN_STR_MAX];
	const char *title = tr(req, "Sign in", "Mewngofnodi");
	const char *err_title = tr(req, "Error: Sign in", "Gwall: Mewngofnodi");
	struct demo_accounts *demo = NULL;

	if (!auth_token_wellformed(f->token)) {
		auth_token_new(fresh);
		f->token = fresh;
	}
	if (web_demo(req)) {
		demo = xmalloc(sizeof(*demo));
		demo_load(req, demo);
		f->demo = demo;
	}
	res_html_page(req, res, has_errors(f) ? err_title : title,
		      sign_in_body, f);
	f->demo = NULL;
	free(demo);
	res->status = status;
	res_session_cookie(req, res, WEB_SIGNIN_COOKIE, f->token,
			   WEB_SIGNIN_COOKIE_AGE);
}

void page_sign_in(struct request *req, struct response *res)
{
	struct sign_in_form f;
	const char *next = req_param_get(req, "next");

	if (web_session(req)) {
		res_redirect(res, "/home");
		return;
	}
	memset(&f, 0, sizeof(f));
	f.token = web_cookie_once(req, WEB_SIGNIN_COOKIE);
	f.next = web_next_ok(next) ? next : NULL;
	f.signed_out = req_param_get(req, "signed-out") != NULL;
	render(req, res, &f, 200);
}

/* s without leading and trailing blanks, in out (cap bytes); s if longer. */
static const char *trim(const char *s, char *out, size_t cap)
{
	size_t n;

	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
		     s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	if (n >= cap)
		return s;
	memcpy(out, s, n);
	out[n] = '\0';
	return out;
}

/* A new session for u: its cookie, and away to next. */
static int start_session(struct request *req, struct response *res,
			 struct store *s, const struct user *u,
			 const char *next, int64_t now, struct err *err)
{
	const struct web_session *old = web_session(req);
	char token[AUTH_TOKEN_STR_MAX], csrf[AUTH_TOKEN_STR_MAX];
	int rc;

	/* whoever was signed in on this browser is not any more */
	if (old) {
		rc = auth_session_end(s, old->token, req->client_ip, now, err);
		if (rc)
			return rc;
	}
	rc = auth_session_create(s, u->id, req->client_ip, now, token, csrf,
				 err);
	if (rc)
		return rc;
	res_redirect(res, next ? next : "/home");
	res_session_cookie(req, res, WEB_SESSION_COOKIE, token,
			   WEB_SESSION_COOKIE_AGE);
	res_session_cookie(req, res, WEB_SIGNIN_COOKIE, "", 0);
	explicit_bzero(token, sizeof(token));
	explicit_bzero(csrf, sizeof(csrf));
	return 0;
}

void page_sign_in_post(struct request *req, struct response *res)
{
	const char *password = req_form_get(req, "password");
	const char *next = req_form_get(req, "next");
	const char *email = req_form_get(req, "email");
	char email_buf[2 * USER_EMAIL_MAX], addr[WEB_ADDR_MAX];
	struct sign_in_form f;
	struct err err = ERR_INIT;
	struct store *s;
	struct user u;
	int64_t now;
	int rc;

	memset(&f, 0, sizeof(f));
	/* the auth hook has checked it against the form's */
	f.token = web_cookie_once(req, WEB_SIGNIN_COOKIE);
	f.next = web_next_ok(next) ? next : NULL;
	email = email ? trim(email, email_buf, sizeof(email_buf)) : "";
	f.email = email;
	f.no_email = !*email;
	f.no_password = !password || !*password;
	if (f.no_email || f.no_password) {
		render(req, res, &f, 400);
		return;
	}
	if (!web_pwcheck_begin(req)) {
		f.busy = true;
		render(req, res, &f, 503);
		res_header(res, "Retry-After", "60");
		return;
	}
	s = web_store(req, &err);
	now = auth_now_ms();
	/* throttled by the /64 of an IPv6 address: one client holds it all */
	web_throttle_addr(req->client_ip, addr, sizeof(addr));
	rc = s ? auth_login(s, email, password, addr, now, &u, &err) :
		 ERR_STORE;
	web_pwcheck_end(req);
	if (rc == ERR_DENIED) {
		f.throttled = auth_login_throttled(&err);
		f.wrong = !f.throttled;
		render(req, res, &f, f.throttled ? 429 : 400);
		if (f.throttled)
			res_header(res, "Retry-After", "900");
		return;
	}
	if (!rc)
		rc = start_session(req, res, s, &u, f.next, now, &err);
	if (rc) {
		web_log_err("signing in", &err);
		res_error(req, res, 500);
	}
}

void page_sign_out(struct request *req, struct response *res)
{
	const struct web_session *ws = web_session(req);
	struct err err = ERR_INIT;
	struct store *s = web_store(req, &err);
	int rc;

	if (!ws) {	/* ROUTE_AUTH: the router never lets this happen */
		res_redirect(res, "/sign-in");
		return;
	}
	rc = s ? auth_session_end(s, ws->token, req->client_ip, auth_now_ms(),
				  &err) : ERR_STORE;
	if (rc) {
		web_log_err("signing out", &err);
		res_error(req, res, 500);
		return;
	}
	res_redirect(res, "/sign-in?signed-out=1");
	res_session_cookie(req, res, WEB_SESSION_COOKIE, "", 0);
}
