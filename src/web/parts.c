/*
 * parts.c: what the pages share (parts.h): the viewer, optional
 * parameters, who sees which dashboard, and GOV.UK Frontend pieces
 * written through the escaping sinks.
 */
#include "base/compat.h"
#include "base/clock.h"
#include "base/uktime.h"
#include "auth/audit.h"
#include "auth/auth.h"
#include "base/parse.h"
#include "domain/alert.h"
#include "web/parts.h"
#include "web/session.h"

#define RQ "\xe2\x80\x99"	/* right single quotation mark */

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
	return store_councils_each(s, GEO_WALES, add_council, c, err);
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

const char *web_provider_name(const struct request *req,
			      const struct web_councils *c,
			      const char *provider, enum provider_type type,
			      char *out, size_t cap)
{
	snprintf(out, cap, "%s", provider);
	if (req->lang[0] != 'c' || type != PROVIDER_LA)
		return out;
	for (size_t i = 0; i < c->n; i++) {
		size_t n = strlen(c->v[i].name_en);

		if (c->v[i].name_cy[0] && !strncmp(provider, c->v[i].name_en, n) &&
		    !strcmp(provider + n, " Council")) {
			snprintf(out, cap, "Cyngor %s", c->v[i].name_cy);
			break;
		}
	}
	return out;
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

void part_date(struct request *req, struct response *res, int32_t day)
{
	char s[UK_TEXT_MAX];

	if (day == DATE_NONE) {
		part_not_recorded(req, res);
		return;
	}
	uk_date_text(day, req->lang[0] == 'c', s, sizeof(s));
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

void part_child_path(struct response *res, const char *la, const char *ref)
{
	res_markup(res, "/children/");
	res_url_arg(res, la);
	res_markup(res, "/");
	res_url_arg(res, ref);
}

void part_child_link(struct response *res, const char *la, const char *ref)
{
	res_markup(res, "<a class=\"govuk-link\" href=\"");
	part_child_path(res, la, ref);
	res_markup(res, "\">");
	/* people read the reference; the council is said beside it */
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

void part_table_scroll_start(struct request *req, struct response *res,
			     const char *label)
{
	res_markup(res, "<div class=\"cartref-table-scroll\" role=\"region\" "
		   "aria-label=\"");
	res_attr(res, label && *label ? label : tr(req, "Table", "Tabl"));
	res_markup(res, "\" tabindex=\"0\">\n");
}

void part_table_scroll_labelled(struct response *res, const char *id)
{
	res_markup(res, "<div class=\"cartref-table-scroll\" role=\"region\" "
		   "aria-labelledby=\"");
	res_attr(res, id);
	res_markup(res, "\" tabindex=\"0\">\n");
}

void part_table_scroll_end(struct response *res)
{
	res_markup(res, "</div>\n");
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

/* ---- missing from care and alerts (issue 5) ----------------------------- */

void part_time(struct request *req, struct response *res, int64_t ms)
{
	char s[UK_TEXT_MAX];

	if (!ms) {
		part_not_recorded(req, res);
		return;
	}
	uk_time_text(ms, req->lang[0] == 'c', s, sizeof(s));
	res_text(res, s);
}

void part_yes_no(struct request *req, struct response *res, bool yes)
{
	res_text(res, yes ? tr(req, "Yes", "Ie") : tr(req, "No", "Na"));
}

void part_tag(struct response *res, const char *colour, const char *text)
{
	res_markup(res, "<strong class=\"govuk-tag govuk-tag--");
	res_attr(res, colour);
	res_markup(res, "\">");
	res_text(res, text);
	res_markup(res, "</strong>");
}

const char *web_severity_colour(int severity)
{
	switch (severity) {
	case ALERT_SEV_URGENT:
		return "red";
	case ALERT_SEV_HIGH:
		return "orange";
	case ALERT_SEV_MEDIUM:
		return "yellow";
	default:
		return "grey";
	}
}

const char *web_grade_label(const struct request *req, enum mfc_grade g)
{
	switch (g) {
	case MFC_GRADE_NONE:
		return tr(req, "No apparent risk", "Dim risg amlwg");
	case MFC_GRADE_LOW:
		return tr(req, "Low", "Isel");
	case MFC_GRADE_MEDIUM:
		return tr(req, "Medium", "Canolig");
	case MFC_GRADE_HIGH:
		return tr(req, "High", "Uchel");
	case MFC_GRADE_UNSET:
	case MFC_NGRADES:
		break;
	}
	return tr(req, "Not graded yet", "Heb ei raddio eto");
}

bool web_placed_with_viewer(const struct viewer *v,
			    const struct child_summary *c)
{
	return v->access == VIEWER_PROVIDER && v->provider[0] &&
	       c->looked_after && c->has_current && c->current.urn[0] &&
	       !strcmp(c->current.provider, v->provider);
}

struct audit_writer *web_write_begin(struct store *s)
{
	struct audit_writer *w = audit_writer_bound(s);

	if (w)
		audit_writer_bind(NULL, s);
	return w;
}

void web_write_end(struct store *s, struct audit_writer *w)
{
	if (w)
		audit_writer_bind(w, s);
}

/* ---- forms ---------------------------------------------------------------- */

void web_form_fail(struct web_form *f, const char *field, const char *msg)
{
	if (f->n == WEB_FORM_ERRORS_MAX)
		return;
	str_copy(f->e[f->n].field, sizeof(f->e[0].field), field ? field : "");
	str_copy(f->e[f->n].msg, sizeof(f->e[0].msg), msg);
	f->n++;
}

const char *web_form_msg(const struct web_form *f, const char *field)
{
	for (size_t i = 0; f && i < f->n; i++)
		if (!strcmp(f->e[i].field, field))
			return f->e[i].msg;
	return NULL;
}

bool web_form_posted(const struct web_form *f, const char *form)
{
	return f && f->form && form && !strcmp(f->form, form);
}

static bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

int web_form_text(struct request *req, struct web_form *f, const char *id,
		  const char *label, char *dst, size_t cap)
{
	const char *s = req_form_get(req, id);
	size_t n, o = 0;
	char msg[WEB_FORM_MSG_MAX];

	dst[0] = '\0';
	if (!s)
		return 0;
	while (blank(*s))
		s++;
	n = strlen(s);
	while (n && blank(s[n - 1]))
		n--;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\r')
			continue;
		if ((unsigned char)s[i] < 0x20 && s[i] != '\n' &&
		    s[i] != '\t') {
			dst[0] = '\0';
			snprintf(msg, sizeof(msg), WEB_TRF(req,
				 "%s must not contain control characters",
				 "Ni ddylai %s gynnwys nodau rheoli"), label);
			web_form_fail(f, id, msg);
			return ERR_INVALID;
		}
		if (o + 1 >= cap) {
			dst[0] = '\0';
			snprintf(msg, sizeof(msg), WEB_TRF(req,
				 "%s must be %zu characters or fewer",
				 "Rhaid i %s fod yn %zu nod neu lai"), label,
				 cap - 1);
			web_form_fail(f, id, msg);
			return ERR_TOO_LARGE;
		}
		dst[o++] = s[i];
	}
	dst[o] = '\0';
	return 0;
}

int web_form_yes(const struct request *req, const char *id)
{
	const char *s = req_form_get(req, id);

	if (!s || !*s)
		return -1;
	return !strcmp(s, "yes") ? 1 : !strcmp(s, "no") ? 0 : -1;
}

/* One box of a date: digits only, at most 4, or empty (-1). */
static int box(const struct request *req, const char *id, const char *part,
	       int *out, bool *any)
{
	char name[WEB_FIELD_ID_MAX + 8];
	const char *s;
	int v = 0, n = 0;

	snprintf(name, sizeof(name), "%s-%s", id, part);
	s = req_form_get(req, name);
	*out = -1;
	if (!s)
		return 0;
	while (blank(*s))
		s++;
	for (; *s >= '0' && *s <= '9'; s++, n++)
		if (n < 4)
			v = v * 10 + (*s - '0');
	while (blank(*s))
		s++;
	if (*s || n > 4)
		return *any = true, ERR_INVALID;
	if (n) {
		*any = true;
		*out = v;
	}
	return 0;
}

/*
 * Which of a repeated hour's times a form means: "bst" (the first) or
 * "gmt" (the second) in ID-zone, which part_when() offers only then.
 * -1: not said (or not one of those).
 */
static int form_zone(const struct request *req, const char *id)
{
	char name[WEB_FIELD_ID_MAX + 8];
	const char *z;

	snprintf(name, sizeof(name), "%s-zone", id);
	z = req_form_get(req, name);
	if (!z)
		return -1;
	return !strcmp(z, "bst") ? UK_EARLIER : !strcmp(z, "gmt") ? UK_LATER :
								   -1;
}

int web_form_when(struct request *req, struct web_form *f, const char *id,
		  const char *label, bool with_time, int64_t *ms)
{
	int d, m, y, hh = 0, mm = 0;
	bool any = false;
	int bad = 0, zone;
	enum uk_fold fold = UK_FOLD_NONE;
	char msg[WEB_FORM_MSG_MAX], anchor[WEB_FIELD_ID_MAX + 8];
	char date[UK_TEXT_MAX];

	*ms = 0;
	bad |= box(req, id, "day", &d, &any);
	bad |= box(req, id, "month", &m, &any);
	bad |= box(req, id, "year", &y, &any);
	if (with_time) {
		bad |= box(req, id, "hour", &hh, &any);
		bad |= box(req, id, "minute", &mm, &any);
	}
	if (!any)
		return 0;
	snprintf(anchor, sizeof(anchor), "%s-day", id);
	zone = form_zone(req, id);
	/* a date alone is a calendar day, not an instant: its day number */
	if (!with_time && !bad && d >= 0 && m >= 0 && y >= DATE_MIN_YEAR &&
	    y <= DATE_MAX_YEAR && date_valid_ymd(y, m, d)) {
		*ms = (int64_t)date_from_ymd(y, m, d) * 86400000;
		return 0;
	}
	/* UK local time, as the person read it off a clock in Wales */
	if (with_time && !bad && d >= 0 && m >= 0 &&
	    !uk_to_ms(y, m, d, hh, mm, zone < 0 ? UK_EARLIER : zone, ms,
		      &fold)) {
		if (fold != UK_FOLD_REPEATED || zone >= 0)
			return 0;
		*ms = 0;
		uk_date_text(date_from_ymd(y, m, d), req->lang[0] == 'c', date,
			     sizeof(date));
		snprintf(msg, sizeof(msg), WEB_TRF(req,
			 "%s: %02d:%02d happened twice on %s, because the "
			 "clocks went back. Choose the first (BST) or the "
			 "second (GMT)",
			 "%s: digwyddodd %02d:%02d ddwywaith ar %s, am fod y "
			 "clociau wedi mynd yn \xc3\xb4l. Dewiswch y cyntaf (BST) "
			 "neu\xe2\x80\x99r ail (GMT)"), label, hh, mm, date);
		web_form_fail(f, anchor, msg);
		return ERR_INVALID;
	}
	*ms = 0;
	if (fold == UK_FOLD_GAP) {
		uk_date_text(date_from_ymd(y, m, d), req->lang[0] == 'c', date,
			     sizeof(date));
		snprintf(msg, sizeof(msg), WEB_TRF(req,
			 "%s: %02d:%02d did not happen on %s, because the "
			 "clocks went forward an hour. Enter the time shown "
			 "on the clock then, such as %02d:%02d",
			 "%s: ni ddigwyddodd %02d:%02d ar %s, am fod y clociau "
			 "wedi mynd ymlaen awr. Rhowch yr amser ar y cloc bryd "
			 "hynny, fel %02d:%02d"), label, hh, mm, date, hh + 1,
			 mm);
		web_form_fail(f, anchor, msg);
		return ERR_INVALID;
	}
	if (with_time)
		snprintf(msg, sizeof(msg), WEB_TRF(req,
			 "%s must be a real date and time, with the day, "
			 "month and year, and the hour and minute",
			 "Rhaid i %s fod yn ddyddiad ac amser go iawn, gyda" RQ
			 "r diwrnod, y mis a" RQ "r flwyddyn, a" RQ "r awr "
			 "a" RQ "r munud"), label);
	else
		snprintf(msg, sizeof(msg), WEB_TRF(req,
			 "%s must be a real date, with the day, month and year",
			 "Rhaid i %s fod yn ddyddiad go iawn, gyda" RQ "r "
			 "diwrnod, y mis a" RQ "r flwyddyn"),
			 label);
	web_form_fail(f, anchor, msg);
	return ERR_INVALID;
}

void web_when_hint(const struct request *req, bool with_time,
		   const char *more, char *out, size_t cap)
{
	int y, m, d;

	date_to_ymd(uk_day_of(clock_now_ms()) - 3, &y, &m, &d);
	if (with_time)
		snprintf(out, cap, WEB_TRF(req, "For example, %d %d %d and 21 "
					   "15, on the 24-hour clock, UK "
					   "time.%s%s",
					   "Er enghraifft, %d %d %d a 21 15, "
					   "ar y cloc 24 awr, amser y DU.%s%s"),
			 d, m, y, more ? " " : "", more ? more : "");
	else
		snprintf(out, cap, WEB_TRF(req, "For example, %d %d %d.%s%s",
					   "Er enghraifft, %d %d %d.%s%s"),
			 d, m, y, more ? " " : "", more ? more : "");
}

void part_error_summary(struct request *req, struct response *res,
			const struct web_form *f)
{
	if (!f || !f->n)
		return;
	res_markup(res, "<div class=\"govuk-error-summary\" "
		   "data-module=\"govuk-error-summary\">\n<div role=\"alert\">\n"
		   "<h2 class=\"govuk-error-summary__title\">");
	res_text(res, tr(req, "There is a problem", "Mae problem wedi codi"));
	res_markup(res, "</h2>\n<div class=\"govuk-error-summary__body\">\n"
		   "<ul class=\"govuk-list govuk-error-summary__list\">\n");
	for (size_t i = 0; i < f->n; i++) {
		res_markup(res, "<li>");
		if (f->e[i].field[0]) {
			res_markup(res, "<a href=\"#");
			res_attr(res, f->e[i].field);
			res_markup(res, "\">");
			res_text(res, f->e[i].msg);
			res_markup(res, "</a>");
		} else {
			res_text(res, f->e[i].msg);
		}
		res_markup(res, "</li>\n");
	}
	res_markup(res, "</ul>\n</div>\n</div>\n</div>\n");
}

void part_error_message(const struct request *req, struct response *res,
			const char *id, const char *text)
{
	res_markup(res, "<p id=\"");
	res_attr(res, id);
	res_markup(res, "-error\" class=\"govuk-error-message\">"
		   "<span class=\"govuk-visually-hidden\">");
	res_text(res, tr(req, "Error:", "Gwall:"));
	res_markup(res, "</span> ");
	res_text(res, text);
	res_markup(res, "</p>\n");
}

void part_warning_start(const struct request *req, struct response *res)
{
	res_markup(res, "<div class=\"govuk-warning-text\">\n"
		   "<span class=\"govuk-warning-text__icon\" "
		   "aria-hidden=\"true\">!</span>\n"
		   "<strong class=\"govuk-warning-text__text\">"
		   "<span class=\"govuk-visually-hidden\">");
	res_text(res, tr(req, "Warning", "Rhybudd"));
	res_markup(res, "</span> ");
}

void part_warning_end(struct response *res)
{
	res_markup(res, "</strong>\n</div>\n");
}

void part_warning(const struct request *req, struct response *res,
		  const char *text)
{
	part_warning_start(req, res);
	res_text(res, text);
	part_warning_end(res);
}

void part_banner(struct request *req, struct response *res,
		 const char *text)
{
	res_markup(res, "<div class=\"govuk-notification-banner "
		   "govuk-notification-banner--success\" role=\"alert\" "
		   "aria-labelledby=\"saved-title\" "
		   "data-module=\"govuk-notification-banner\">\n"
		   "<div class=\"govuk-notification-banner__header\">\n"
		   "<h2 class=\"govuk-notification-banner__title\" "
		   "id=\"saved-title\">");
	res_text(res, tr(req, "Success", "Llwyddiant"));
	res_markup(res, "</h2>\n</div>\n<div class=\"govuk-notification-banner"
		   "__content\">\n<p class=\"govuk-notification-banner__"
		   "heading\">");
	res_text(res, text);
	res_markup(res, "</p>\n</div>\n</div>\n");
}

void part_form_start(struct request *req, struct response *res,
		     const char *action)
{
	res_markup(res, "<form method=\"post\" action=\"");
	res_url_path(res, action);
	res_markup(res, "\" novalidate>\n");
	web_csrf_field(req, res);
}

void part_form_end(struct response *res)
{
	res_markup(res, "</form>\n");
}

void part_button(struct response *res, const char *text, bool secondary)
{
	if (secondary)
		res_markup(res, "<button type=\"submit\" class=\"govuk-button "
			   "govuk-button--secondary\" data-module=\"govuk-button\">");
	else
		res_markup(res, "<button type=\"submit\" class=\"govuk-button\" "
			   "data-module=\"govuk-button\">");
	res_text(res, text);
	res_markup(res, "</button>\n");
}

/* The form group's start, label and hint and error; *err the message. */
static void group_start(struct request *req, struct response *res,
			const char *id, const char *label, const char *hint,
			const char *err)
{
	res_markup(res, "<div class=\"govuk-form-group");
	if (err)
		res_markup(res, " govuk-form-group--error");
	res_markup(res, "\">\n<label class=\"govuk-label govuk-label--s\" "
		   "for=\"");
	res_attr(res, id);
	res_markup(res, "\">");
	res_text(res, label);
	res_markup(res, "</label>\n");
	if (hint) {
		res_markup(res, "<div id=\"");
		res_attr(res, id);
		res_markup(res, "-hint\" class=\"govuk-hint\">");
		res_text(res, hint);
		res_markup(res, "</div>\n");
	}
	if (err)
		part_error_message(req, res, id, err);
}

static void described_by(struct response *res, const char *id, bool hint,
			 bool err)
{
	if (!hint && !err)
		return;
	res_markup(res, " aria-describedby=\"");
	if (hint) {
		res_attr(res, id);
		res_markup(res, "-hint");
	}
	if (hint && err)
		res_markup(res, " ");
	if (err) {
		res_attr(res, id);
		res_markup(res, "-error");
	}
	res_markup(res, "\"");
}

static const char *shown(struct request *req, const struct web_form *f,
			 const char *form, const char *id, const char *value)
{
	if (web_form_posted(f, form)) {
		const char *s = req_form_get(req, id);

		return s ? s : "";
	}
	return value ? value : "";
}

void part_input(struct request *req, struct response *res,
		const struct web_form *f, const char *form, const char *id,
		const char *label, const char *hint, const char *value,
		const char *width)
{
	const char *err = web_form_msg(f, id);

	group_start(req, res, id, label, hint, err);
	res_markup(res, "<input class=\"govuk-input");
	if (width) {
		res_markup(res, " ");
		res_attr(res, width);
	}
	if (err)
		res_markup(res, " govuk-input--error");
	res_markup(res, "\" id=\"");
	res_attr(res, id);
	res_markup(res, "\" name=\"");
	res_attr(res, id);
	res_markup(res, "\" type=\"text\" spellcheck=\"false\" value=\"");
	res_attr(res, shown(req, f, form, id, value));
	res_markup(res, "\"");
	described_by(res, id, hint != NULL, err != NULL);
	res_markup(res, ">\n</div>\n");
}

void part_textarea(struct request *req, struct response *res,
		   const struct web_form *f, const char *form, const char *id,
		   const char *label, const char *hint, const char *value)
{
	const char *err = web_form_msg(f, id);

	group_start(req, res, id, label, hint, err);
	res_markup(res, "<textarea class=\"govuk-textarea");
	if (err)
		res_markup(res, " govuk-textarea--error");
	res_markup(res, "\" id=\"");
	res_attr(res, id);
	res_markup(res, "\" name=\"");
	res_attr(res, id);
	res_markup(res, "\" rows=\"3\"");
	described_by(res, id, hint != NULL, err != NULL);
	res_markup(res, ">");
	res_text(res, shown(req, f, form, id, value));
	res_markup(res, "</textarea>\n</div>\n");
}

/* A fieldset's start with its legend, hint and error. */
static void fieldset_start(struct request *req, struct response *res,
			   const char *id, const char *legend,
			   const char *hint, const char *err, bool group)
{
	res_markup(res, "<div class=\"govuk-form-group");
	if (err)
		res_markup(res, " govuk-form-group--error");
	res_markup(res, "\">\n<fieldset class=\"govuk-fieldset\"");
	if (group)
		res_markup(res, " role=\"group\"");
	described_by(res, id, hint != NULL, err != NULL);
	res_markup(res, ">\n<legend class=\"govuk-fieldset__legend "
		   "govuk-fieldset__legend--s\">");
	res_text(res, legend);
	res_markup(res, "</legend>\n");
	if (hint) {
		res_markup(res, "<div id=\"");
		res_attr(res, id);
		res_markup(res, "-hint\" class=\"govuk-hint\">");
		res_text(res, hint);
		res_markup(res, "</div>\n");
	}
	if (err)
		part_error_message(req, res, id, err);
}

static void fieldset_end(struct response *res)
{
	res_markup(res, "</fieldset>\n</div>\n");
}

static void when_box(struct request *req, struct response *res,
		     const struct web_form *f, const char *form,
		     const char *id, const char *part, const char *label,
		     const char *value, bool wide, bool err)
{
	char name[WEB_FIELD_ID_MAX + 8];

	snprintf(name, sizeof(name), "%s-%s", id, part);
	res_markup(res, "<div class=\"govuk-date-input__item\">\n"
		   "<div class=\"govuk-form-group\">\n<label class=\"govuk-label "
		   "govuk-date-input__label\" for=\"");
	res_attr(res, name);
	res_markup(res, "\">");
	res_text(res, label);
	res_markup(res, "</label>\n<input class=\"govuk-input "
		   "govuk-date-input__input");
	if (wide)
		res_markup(res, " govuk-input--width-4");
	else
		res_markup(res, " govuk-input--width-2");
	if (err)
		res_markup(res, " govuk-input--error");
	res_markup(res, "\" id=\"");
	res_attr(res, name);
	res_markup(res, "\" name=\"");
	res_attr(res, name);
	res_markup(res, "\" type=\"text\" inputmode=\"numeric\" value=\"");
	res_attr(res, shown(req, f, form, name, value));
	res_markup(res, "\">\n</div>\n</div>\n");
}

/* A box's value as the form shows it: posted, else stored. */
static int when_value(struct request *req, const struct web_form *f,
		      const char *form, const char *id, const char *part,
		      const char *stored)
{
	char name[WEB_FIELD_ID_MAX + 8];
	int v;

	snprintf(name, sizeof(name), "%s-%s", id, part);
	return parse_int(shown(req, f, form, name, stored), 0, 9999, &v) ? -1 :
									   v;
}

/*
 * In the hour the clocks repeat (October), which of the two times:
 * radios ID-zone "bst" (the first) and "gmt" (the second), shown only
 * when the time in the boxes is such an hour.
 */
static void when_zone(struct request *req, struct response *res,
		      const struct web_form *f, const char *form,
		      const char *id, const char *d, const char *m,
		      const char *y, const char *hh, const char *mm,
		      const char *zone)
{
	char name[WEB_FIELD_ID_MAX + 8], item[WEB_FIELD_ID_MAX + 16];
	enum uk_fold fold = UK_FOLD_NONE;
	const char *now;
	int64_t ms;

	if (uk_to_ms(when_value(req, f, form, id, "year", y),
		     when_value(req, f, form, id, "month", m),
		     when_value(req, f, form, id, "day", d),
		     when_value(req, f, form, id, "hour", hh),
		     when_value(req, f, form, id, "minute", mm), UK_EARLIER,
		     &ms, &fold) || fold != UK_FOLD_REPEATED)
		return;
	snprintf(name, sizeof(name), "%s-zone", id);
	now = shown(req, f, form, name, zone);
	res_markup(res, "<div class=\"govuk-radios govuk-radios--small "
		   "govuk-!-margin-top-3\" data-module=\"govuk-radios\">\n");
	for (int i = 0; i < 2; i++) {
		const char *value = i ? "gmt" : "bst";

		snprintf(item, sizeof(item), "%s-%s", name, value);
		res_markup(res, "<div class=\"govuk-radios__item\">\n"
			   "<input class=\"govuk-radios__input\" id=\"");
		res_attr(res, item);
		res_markup(res, "\" name=\"");
		res_attr(res, name);
		res_markup(res, "\" type=\"radio\" value=\"");
		res_attr(res, value);
		if (!strcmp(now, value))
			res_markup(res, "\" checked>\n");
		else
			res_markup(res, "\">\n");
		res_markup(res, "<label class=\"govuk-label "
			   "govuk-radios__label\" for=\"");
		res_attr(res, item);
		res_markup(res, "\">");
		res_text(res, i ? tr(req, "The second time, after the clocks "
				     "went back (GMT)",
				     "Yr ail dro, ar \xc3\xb4l i\xe2\x80\x99r "
				     "clociau fynd yn \xc3\xb4l (GMT)") :
				  tr(req, "The first time, before the clocks "
				     "went back (BST)",
				     "Y tro cyntaf, cyn i\xe2\x80\x99r clociau "
				     "fynd yn \xc3\xb4l (BST)"));
		res_markup(res, "</label>\n</div>\n");
	}
	res_markup(res, "</div>\n");
}

void part_when(struct request *req, struct response *res,
	       const struct web_form *f, const char *form, const char *id,
	       const char *legend, const char *hint, int64_t ms,
	       bool with_time)
{
	char anchor[WEB_FIELD_ID_MAX + 8];
	char d[8] = "", m[8] = "", y[8] = "", hh[8] = "", mm[8] = "";
	const char *err, *zone = "";

	snprintf(anchor, sizeof(anchor), "%s-day", id);
	err = web_form_msg(f, anchor);
	if (ms) {
		struct uk_local l;

		/* a date alone is its day number's day (web_form_when()) */
		uk_local_of(with_time ? ms : uk_day_start((int32_t)(ms /
							     86400000)), &l);
		snprintf(d, sizeof(d), "%d", l.day);
		snprintf(m, sizeof(m), "%d", l.month);
		snprintf(y, sizeof(y), "%d", l.year);
		snprintf(hh, sizeof(hh), "%02d", l.hour);
		snprintf(mm, sizeof(mm), "%02d", l.minute);
		zone = l.bst ? "bst" : "gmt";
	}
	fieldset_start(req, res, id, legend, hint, err, true);
	res_markup(res, "<div class=\"govuk-date-input\" id=\"");
	res_attr(res, id);
	res_markup(res, "\">\n");
	when_box(req, res, f, form, id, "day", tr(req, "Day", "Diwrnod"), d,
		 false, err);
	when_box(req, res, f, form, id, "month", tr(req, "Month", "Mis"), m,
		 false, err);
	when_box(req, res, f, form, id, "year", tr(req, "Year", "Blwyddyn"),
		 y, true, err);
	if (with_time) {
		when_box(req, res, f, form, id, "hour", tr(req, "Hour", "Awr"),
			 hh, false, err);
		when_box(req, res, f, form, id, "minute",
			 tr(req, "Minute", "Munud"), mm, false, err);
	}
	res_markup(res, "</div>\n");
	if (with_time)
		when_zone(req, res, f, form, id, d, m, y, hh, mm, zone);
	fieldset_end(res);
}

void part_radios(struct request *req, struct response *res,
		 const struct web_form *f, const char *form, const char *id,
		 const char *legend, const char *hint,
		 const struct web_choice *c, size_t n, const char *value,
		 bool inline_)
{
	const char *err = web_form_msg(f, id);
	const char *now = shown(req, f, form, id, value);
	char item[WEB_FIELD_ID_MAX + 8];

	fieldset_start(req, res, id, legend, hint, err, false);
	if (inline_)
		res_markup(res, "<div class=\"govuk-radios govuk-radios--inline\" "
			   "data-module=\"govuk-radios\">\n");
	else
		res_markup(res, "<div class=\"govuk-radios\" "
			   "data-module=\"govuk-radios\">\n");
	for (size_t i = 0; i < n; i++) {
		/* the first radio carries the id the error summary links to */
		if (i)
			snprintf(item, sizeof(item), "%s-%zu", id, i + 1);
		else
			snprintf(item, sizeof(item), "%s", id);
		res_markup(res, "<div class=\"govuk-radios__item\">\n"
			   "<input class=\"govuk-radios__input\" id=\"");
		res_attr(res, item);
		res_markup(res, "\" name=\"");
		res_attr(res, id);
		res_markup(res, "\" type=\"radio\" value=\"");
		res_attr(res, c[i].value);
		if (!strcmp(now, c[i].value))
			res_markup(res, "\" checked>\n");
		else
			res_markup(res, "\">\n");
		res_markup(res, "<label class=\"govuk-label govuk-radios__label\" "
			   "for=\"");
		res_attr(res, item);
		res_markup(res, "\">");
		res_text(res, c[i].label);
		res_markup(res, "</label>\n</div>\n");
	}
	res_markup(res, "</div>\n");
	fieldset_end(res);
}

void part_select(struct request *req, struct response *res,
		 const struct web_form *f, const char *form, const char *id,
		 const char *label, const char *hint,
		 const struct web_choice *c, size_t n, const char *value)
{
	const char *err = web_form_msg(f, id);
	const char *now = shown(req, f, form, id, value);

	group_start(req, res, id, label, hint, err);
	res_markup(res, "<select class=\"govuk-select");
	if (err)
		res_markup(res, " govuk-select--error");
	res_markup(res, "\" id=\"");
	res_attr(res, id);
	res_markup(res, "\" name=\"");
	res_attr(res, id);
	res_markup(res, "\"");
	described_by(res, id, hint != NULL, err != NULL);
	res_markup(res, ">\n");
	for (size_t i = 0; i < n; i++) {
		res_markup(res, "<option value=\"");
		res_attr(res, c[i].value);
		if (strcmp(now, c[i].value))
			res_markup(res, "\">");
		else
			res_markup(res, "\" selected>");
		res_text(res, c[i].label);
		res_markup(res, "</option>\n");
	}
	res_markup(res, "</select>\n</div>\n");
}

void part_checkbox(struct request *req, struct response *res,
		   const struct web_form *f, const char *form, const char *id,
		   const char *label, const char *hint, bool checked)
{
	const char *err = web_form_msg(f, id);

	if (web_form_posted(f, form))
		checked = web_form_yes(req, id) == 1;
	res_markup(res, "<div class=\"govuk-form-group");
	if (err)
		res_markup(res, " govuk-form-group--error");
	res_markup(res, "\">\n<div class=\"govuk-checkboxes govuk-checkboxes--small\" "
		   "data-module=\"govuk-checkboxes\">\n"
		   "<div class=\"govuk-checkboxes__item\">\n"
		   "<input class=\"govuk-checkboxes__input\" id=\"");
	res_attr(res, id);
	res_markup(res, "\" name=\"");
	res_attr(res, id);
	res_markup(res, "\" type=\"checkbox\" value=\"yes\"");
	if (checked)
		res_markup(res, " checked");
	described_by(res, id, hint != NULL, err != NULL);
	res_markup(res, ">\n<label class=\"govuk-label govuk-checkboxes__label\" "
		   "for=\"");
	res_attr(res, id);
	res_markup(res, "\">");
	res_text(res, label);
	res_markup(res, "</label>\n");
	if (hint) {
		res_markup(res, "<div id=\"");
		res_attr(res, id);
		res_markup(res, "-hint\" class=\"govuk-hint "
			   "govuk-checkboxes__hint\">");
		res_text(res, hint);
		res_markup(res, "</div>\n");
	}
	res_markup(res, "</div>\n</div>\n</div>\n");
}

/* ---- the quality of care (issue 13) --------------------------------------- */

const char *web_rating_colour(enum q_rating r)
{
	switch (r) {
	case Q_EXCELLENT:
	case Q_GOOD:
		return "green";
	case Q_NEEDS_IMPROVEMENT:
		return "yellow";
	case Q_POOR:
		return "red";
	default:
		return "grey";
	}
}

const char *web_finding_colour(enum q_finding_status s)
{
	switch (s) {
	case Q_OPEN:
		return "orange";
	case Q_RESPONDED:
		return "blue";
	case Q_MET:
		return "green";
	default:
		return "red";
	}
}

/* Days a notice is past its date (0: not due yet, or not a notice). */
long web_days_overdue(const struct q_finding *f, int32_t today)
{
	if (f->kind != Q_PRIORITY_ACTION_NOTICE || f->due_on == DATE_NONE ||
	    !q_finding_outstanding(f->status) || today <= f->due_on)
		return 0;
	return (long)(today - f->due_on);
}

/* "Due 14 December 2026", "Overdue by 3 days (due ...)". */
void part_finding_due(struct request *req, struct response *res,
		     const struct q_finding *f, int32_t today)
{
	char d[UK_TEXT_MAX], n[64], s[200];
	long late = web_days_overdue(f, today);

	if (f->due_on == DATE_NONE) {
		res_text(res, "\xe2\x80\x93");
		return;
	}
	uk_date_text(f->due_on, req->lang[0] == 'c', d, sizeof(d));
	if (late) {
		web_days_text(late, req->lang[0] == 'c', n, sizeof(n));
		snprintf(s, sizeof(s), WEB_TRF(req, "Overdue by %s",
					       "%s yn hwyr"), n);
		part_tag(res, "red", s);
		res_text(res, " ");
		snprintf(s, sizeof(s), WEB_TRF(req, "(due %s)",
					       "(erbyn %s)"), d);
		res_text(res, s);
	} else {
		res_text(res, d);
	}
}


const char *web_inspection_kind(const struct request *req,
				enum q_insp_type t)
{
	switch (t) {
	case Q_FOCUSED:
		return tr(req, "Focused inspection",
			  "Arolygiad \xc3\xa2 ffocws");
	case Q_POST_REGISTRATION:
		return tr(req, "Post-registration inspection",
			  "Arolygiad ar \xc3\xb4l cofrestru");
	default:
		return tr(req, "Full inspection", "Arolygiad llawn");
	}
}

void part_option(struct response *res, const char *value, const char *label,
		 bool selected)
{
	res_markup(res, "<option value=\"");
	res_attr(res, value);
	if (selected)
		res_markup(res, "\" selected>");
	else
		res_markup(res, "\">");
	res_text(res, label);
	res_markup(res, "</option>\n");
}

void part_filter_select(struct response *res, const char *id,
			const char *label)
{
	res_markup(res, "<div class=\"govuk-form-group\">\n<label "
		   "class=\"govuk-label\" for=\"");
	res_attr(res, id);
	res_markup(res, "\">");
	res_text(res, label);
	res_markup(res, "</label>\n<select class=\"govuk-select\" id=\"");
	res_attr(res, id);
	res_markup(res, "\" name=\"");
	res_attr(res, id);
	res_markup(res, "\">\n");
}
