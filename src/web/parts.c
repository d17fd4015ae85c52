/*
 * parts.c: what the pages share (parts.h): the viewer, optional
 * parameters, who sees which dashboard, and GOV.UK Frontend pieces
 * written through the escaping sinks.
 */
#include "base/compat.h"
#include "auth/auth.h"
#include "base/parse.h"
#include "web/parts.h"
#include "web/session.h"

/* ---- who is looking ----------------------------------------------------- */

int web_viewer(struct request *req, struct store *s, struct viewer *v,
	       struct err *err)
{
	const struct web_session *ws = web_session(req);

	if (!ws)	/* ROUTE_AUTH pages: never */
		return err_set(err, ERR_DENIED, "not signed in");
	return viewer_from_user(s, &ws->user, req->client_ip, auth_now_ms(),
				v, err);
}

/* ---- parameters ----------------------------------------------------------- */

/* Is name in the query at all (once or more)? */
static bool in_query(const struct request *req, const char *name)
{
	for (size_t i = 0; i < req->nquery; i++)
		if (!strcmp(req->query[i].name, name))
			return true;
	return false;
}

int web_opt_str(struct request *req, struct response *res, const char *name,
		size_t max, const char **out)
{
	*out = "";
	if (!in_query(req, name))
		return 0;
	return req_param_str(req, res, name, max, out);
}

int web_opt_int(struct request *req, struct response *res, const char *name,
		int64_t min, int64_t max, int64_t def, int64_t *out)
{
	*out = def;
	if (!in_query(req, name))
		return 0;
	return req_param_int(req, res, name, min, max, out);
}

bool web_gss_ok(const char *s)
{
	if (!s || s[0] < 'A' || s[0] > 'Z' || strlen(s) != LA_CODE_MAX)
		return false;
	for (size_t i = 1; i < LA_CODE_MAX; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* ---- dashboards ------------------------------------------------------------ */

enum dash_view web_dash_view(enum viewer_access a, enum role role,
			     bool role_fits, const char *own_la,
			     const char *council)
{
	switch (a) {
	case VIEWER_INSPECTORATE:
		return DASH_EXACT;
	case VIEWER_COUNCIL:
		if (!own_la || !web_gss_ok(own_la))
			return DASH_NOT_FOUND;
		if (!council)
			return DASH_OWN_COUNCIL;
		return strcmp(council, own_la) ? DASH_NOT_FOUND : DASH_EXACT;
	case VIEWER_PROVIDER:
		return council ? DASH_NOT_FOUND : DASH_HOMES;
	case VIEWER_POLICE:
		return council ? DASH_NOT_FOUND : DASH_MISSING;
	case VIEWER_NONE:
		/* analysts, and admins by least privilege: what could be
		 * published, nothing more */
		if (role_fits && (role == ROLE_ANALYST || role == ROLE_ADMIN))
			return DASH_PUBLISHED;
		return DASH_NOT_FOUND;
	case VIEWER_NACCESS:
		break;
	}
	return DASH_NOT_FOUND;
}

/* ---- pure helpers ------------------------------------------------------- */

size_t web_pager_items(long current, long last, long out[WEB_PAGER_ITEMS])
{
	long want[5];
	size_t n = 0, k = 0;
	long prev = 0;

	if (last <= 1)
		return 0;
	if (current < 1)
		current = 1;
	if (current > last)
		current = last;
	/* in order, without repeats: 1, current - 1, current, current + 1,
	 * last */
	want[k++] = 1;
	for (long p = current - 1; p <= current + 1; p++)
		if (p > want[k - 1] && p < last)
			want[k++] = p;
	want[k++] = last;
	for (size_t i = 0; i < k; i++) {
		if (prev && want[i] > prev + 1)
			out[n++] = 0;
		out[n++] = want[i];
		prev = want[i];
	}
	return n;
}

long web_pages(long total, long size)
{
	if (size <= 0 || total <= 0)
		return 1;
	return (total - 1) / size + 1;
}

void web_days_text(long days, bool cy, char *out, size_t cap)
{
	if (days <= 0)
		snprintf(out, cap, "%s", cy ? "yr un diwrnod" : "same day");
	else if (days == 1)
		snprintf(out, cap, "%s", cy ? "1 diwrnod" : "1 day");
	else
		snprintf(out, cap, "%ld %s", days, cy ? "diwrnod" : "days");
}

/* ---- councils -------------------------------------------------------------- */

static int add_council(const struct la *la, void *ctx)
{
	struct web_councils *c = ctx;

	if (c->n < WEB_COUNCILS_MAX)
		c->v[c->n++] = *la;
	return 0;
}

int web_councils_load(struct store *s, struct web_councils *c,
		      struct err *err)
{
	c->n = 0;
	return store_councils_each(s, "W92000004", add_council, c, err);
}

const char *web_council_name(const struct request *req,
			     const struct web_councils *c, const char *code)
{
	for (size_t i = 0; code && i < c->n; i++)
		if (!strcmp(c->v[i].code, code))
			return req->lang[0] == 'c' && c->v[i].name_cy[0] ?
				       c->v[i].name_cy : c->v[i].name_en;
	return code ? code : "";
}

/* ---- GOV.UK Frontend pieces ------------------------------------------- */

void part_h2(struct response *res, const char *text)
{
	res_markup(res, "<h2 class=\"govuk-heading-m\">");
	res_text(res, text);
	res_markup(res, "</h2>\n");
}

void part_para(struct response *res, const char *text)
{
	res_markup(res, "<p class=\"govuk-body\">");
	res_text(res, text);
	res_markup(res, "</p>\n");
}

static const char *const months[12][2] = {
	{ "January", "Ionawr" }, { "February", "Chwefror" },
	{ "March", "Mawrth" }, { "April", "Ebrill" }, { "May", "Mai" },
	{ "June", "Mehefin" }, { "July", "Gorffennaf" }, { "August", "Awst" },
	{ "September", "Medi" }, { "October", "Hydref" },
	{ "November", "Tachwedd" }, { "December", "Rhagfyr" },
};

void part_date(struct request *req, struct response *res, int32_t day)
{
	char s[64];
	int y, m, d;

	if (day == DATE_NONE) {
		part_not_recorded(req, res);
		return;
	}
	date_to_ymd(day, &y, &m, &d);
	if (m < 1 || m > 12) {
		part_not_recorded(req, res);
		return;
	}
	snprintf(s, sizeof(s), "%d %s %d", d, months[m - 1][req->lang[0] ==
							      'c'], y);
	res_text(res, s);
}

void part_not_shown(struct request *req, struct response *res)
{
	res_markup(res, "<span class=\"cartref-withheld\">");
	res_text(res, tr(req, "not shown", "heb ei ddangos"));
	res_markup(res, "</span>");
}

void part_not_recorded(struct request *req, struct response *res)
{
	res_markup(res, "<span class=\"cartref-withheld\">");
	res_text(res, tr(req, "not recorded", "heb ei gofnodi"));
	res_markup(res, "</span>");
}

void part_code(struct request *req, struct response *res,
	       const struct code_list *l, const char *code)
{
	const char *label = web_code_label(req, l, code);

	if (!code || !code[0]) {
		part_not_recorded(req, res);
		return;
	}
	if (label) {
		res_text(res, label);
		res_text(res, " (");
		res_text(res, code);
		res_text(res, ")");
	} else {
		res_text(res, code);
	}
}

void part_label(struct request *req, struct response *res,
		const struct code_list *l, const char *code)
{
	const char *label = web_code_label(req, l, code);

	if (!code || !code[0])
		part_not_recorded(req, res);
	else
		res_text(res, label ? label : code);
}

void part_child_link(struct response *res, const char *la, const char *ref)
{
	res_markup(res, "<a class=\"govuk-link\" href=\"/children/");
	res_url_arg(res, la);
	res_markup(res, "/");
	res_url_arg(res, ref);
	res_markup(res, "\">");
	res_text(res, la);
	res_text(res, "/");
	res_text(res, ref);
	res_markup(res, "</a>");
}

void part_home_link(struct response *res, const char *urn, const char *name)
{
	res_markup(res, "<a class=\"govuk-link\" href=\"/homes/");
	res_url_arg(res, urn);
	res_markup(res, "\">");
	res_text(res, name && name[0] ? name : urn);
	res_markup(res, "</a>");
}

void part_summary_start(struct response *res)
{
	res_markup(res, "<dl class=\"govuk-summary-list\">\n");
}

void part_summary_key(struct response *res, const char *key)
{
	res_markup(res, "<div class=\"govuk-summary-list__row\">\n"
		   "<dt class=\"govuk-summary-list__key\">");
	res_text(res, key);
	res_markup(res, "</dt>\n<dd class=\"govuk-summary-list__value\">");
}

void part_summary_key_end(struct response *res)
{
	res_markup(res, "</dd>\n</div>\n");
}

void part_summary_row(struct response *res, const char *key,
		      const char *value)
{
	part_summary_key(res, key);
	res_text(res, value);
	part_summary_key_end(res);
}

void part_summary_end(struct response *res)
{
	res_markup(res, "</dl>\n");
}

void part_th(struct response *res, const char *text, bool numeric)
{
	if (numeric)
		res_markup(res, "<th scope=\"col\" class=\"govuk-table__header "
			   "govuk-table__header--numeric\">");
	else
		res_markup(res, "<th scope=\"col\" class=\"govuk-table__header\">");
	res_text(res, text);
	res_markup(res, "</th>\n");
}

void part_council_select(struct request *req, struct response *res,
			 const struct web_councils *c, const char *id,
			 const char *selected, const char *all)
{
	res_markup(res, "<select class=\"govuk-select\" id=\"");
	res_attr(res, id);
	res_markup(res, "\" name=\"");
	res_attr(res, id);
	res_markup(res, "\">\n<option value=\"\">");
	res_text(res, all);
	res_markup(res, "</option>\n");
	for (size_t i = 0; i < c->n; i++) {
		res_markup(res, "<option value=\"");
		res_attr(res, c->v[i].code);
		if (selected && !strcmp(selected, c->v[i].code))
			res_markup(res, "\" selected>");
		else
			res_markup(res, "\">");
		res_text(res, web_council_name(req, c, c->v[i].code));
		res_markup(res, "</option>\n");
	}
	res_markup(res, "</select>\n");
}

static void arrow(struct response *res, bool next)
{
	if (next)
		res_markup(res, "<svg class=\"govuk-pagination__icon "
			   "govuk-pagination__icon--next\" "
			   "xmlns=\"http://www.w3.org/2000/svg\" height=\"13\" "
			   "width=\"15\" aria-hidden=\"true\" focusable=\"false\" "
			   "viewBox=\"0 0 15 13\"><path d=\"m8.107-0.0078125-1.4136 "
			   "1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 "
			   "1.377 1.4492 6.7441-6.4062-6.7246-6.7266z\"></path>"
			   "</svg>");
	else
		res_markup(res, "<svg class=\"govuk-pagination__icon "
			   "govuk-pagination__icon--prev\" "
			   "xmlns=\"http://www.w3.org/2000/svg\" height=\"13\" "
			   "width=\"15\" aria-hidden=\"true\" focusable=\"false\" "
			   "viewBox=\"0 0 15 13\"><path d=\"m6.5938-0.0078125-6.7266 "
			   "6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v"
			   "-2h-12.984l4.2931-4.293-1.414-1.414z\"></path></svg>");
}

void part_pagination(struct request *req, struct response *res, long page,
		     long pages, part_href_fn *href, void *ctx)
{
	long items[WEB_PAGER_ITEMS];
	size_t n = web_pager_items(page, pages, items);
	char label[64];

	if (pages <= 1)
		return;
	res_markup(res, "<nav class=\"govuk-pagination\" aria-label=\"");
	res_attr(res, tr(req, "Pages", "Tudalennau"));
	res_markup(res, "\">\n");
	if (page > 1) {
		res_markup(res, "<div class=\"govuk-pagination__prev\">"
			   "<a class=\"govuk-link govuk-pagination__link\" "
			   "href=\"");
		href(req, res, page > pages ? pages : page - 1, ctx);
		res_markup(res, "\" rel=\"prev\">");
		arrow(res, false);
		res_markup(res, "<span class=\"govuk-pagination__link-title\">");
		res_text(res, tr(req, "Previous", "Blaenorol"));
		res_markup(res, "<span class=\"govuk-visually-hidden\">");
		res_text(res, tr(req, " page", " tudalen"));
		res_markup(res, "</span></span></a></div>\n");
	}
	res_markup(res, "<ul class=\"govuk-pagination__list\">\n");
	for (size_t i = 0; i < n; i++) {
		if (!items[i]) {
			res_markup(res, "<li class=\"govuk-pagination__item "
				   "govuk-pagination__item--ellipses\">"
				   "\xe2\x80\xa6</li>\n");
			continue;
		}
		snprintf(label, sizeof(label), "%s %ld",
			 tr(req, "Page", "Tudalen"), items[i]);
		if (items[i] == page)
			res_markup(res, "<li class=\"govuk-pagination__item "
				   "govuk-pagination__item--current\">");
		else
			res_markup(res, "<li class=\"govuk-pagination__item\">");
		res_markup(res, "<a class=\"govuk-link govuk-pagination__link\" "
			   "href=\"");
		href(req, res, items[i], ctx);
		res_markup(res, "\" aria-label=\"");
		res_attr(res, label);
		if (items[i] == page)
			res_markup(res, "\" aria-current=\"page\">");
		else
			res_markup(res, "\">");
		res_int(res, items[i]);
		res_markup(res, "</a></li>\n");
	}
	res_markup(res, "</ul>\n");
	if (page < pages) {
		res_markup(res, "<div class=\"govuk-pagination__next\">"
			   "<a class=\"govuk-link govuk-pagination__link\" "
			   "href=\"");
		href(req, res, page + 1, ctx);
		res_markup(res, "\" rel=\"next\"><span class=\"govuk-pagination"
			   "__link-title\">");
		res_text(res, tr(req, "Next", "Nesaf"));
		res_markup(res, "<span class=\"govuk-visually-hidden\">");
		res_text(res, tr(req, " page", " tudalen"));
		res_markup(res, "</span></span>");
		arrow(res, true);
		res_markup(res, "</a></div>\n");
	}
	res_markup(res, "</nav>\n");
}

void part_svg(struct response *res, const struct buf *svg)
{
	/* markup from report_svg(), whose text is already escaped */
	buf_add(&res->body, svg->buf, svg->len);
}
