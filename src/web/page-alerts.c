/*
 * page-alerts.c: the alerts sent to the signed-in user's organisation
 * (issues 5 and 9; docs/alerts.md, docs/http.md "Alerts"):
 *
 *   GET  /alerts                    one row per child or home (an item)
 *                                   with its reasons, most urgent first:
 *                                   ?state=live|open|acknowledged|
 *                                   resolved|cleared|historical|all,
 *                                   ?rule=, ?home=URN, ?child=[LA/]REF,
 *                                   ?page=
 *   GET  /alerts/{id}               one alert: what happened, where, when
 *                                   it was due, what to do, in the page's
 *                                   language; who acknowledged or
 *                                   resolved it
 *   POST /alerts/{id}/acknowledge   with a note (required)
 *   POST /alerts/{id}/acknowledge-all  every open alert of its item
 *   POST /alerts/{id}/resolve       with a note (required)
 *
 * The words are src/alerts/text.c's (alert_text()), so the pages, the
 * API and the CLI say the same.  Who sees and answers which alert is
 * src/alerts/access.c's: a user of a recipient organisation, inspectors
 * any by id; analysts, admins and a role outside its kind of
 * organisation get the 404 page, as for children's pages.  The store
 * audits the reads and answers, and the answers write outbox messages in
 * the same transaction, so the server's group-commit audit writer is
 * unbound around them.
 *
 * The list is a table of three columns whose text wraps, narrow enough
 * for a 1,024 pixel screen without a scroll region.
 */
#include "base/compat.h"
#include "alerts/alerts.h"
#include "base/parse.h"
#include "base/xalloc.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/parts.h"
#include "web/session.h"

#define RQ "\xe2\x80\x99"	/* right single quotation mark */
#define HOMES_MAX 1000		/* homes offered in the filter */

/* ---- words -------------------------------------------------------------- */

static bool is_cy(const struct request *req)
{
	return req->lang[0] == 'c';
}

static const char *state_colour(enum alert_state st)
{
	switch (st) {
	case ALERT_OPEN:
		return "blue";
	case ALERT_ACKNOWLEDGED:
		return "light-blue";
	case ALERT_RESOLVED:
		return "green";
	default:
		return "grey";
	}
}

static void state_tag(struct request *req, struct response *res,
		      const struct alert_row *r)
{
	part_tag(res, state_colour(r->state),
		 alert_state_label(r->state, is_cy(req)));
	if (r->escalated_at) {
		res_text(res, " ");
		part_tag(res, "pink", tr(req, "Escalated", "Wedi" RQ "i "
					 "uwchgyfeirio"));
	}
}

static void urgency_tags(struct request *req, struct response *res,
			 int severity, bool overdue)
{
	part_tag(res, web_severity_colour(severity),
		 alert_severity_label(severity, is_cy(req)));
	if (overdue) {
		res_text(res, " ");
		part_tag(res, "red", tr(req, "Overdue", "Yn hwyr"));
	}
}

/* ---- the list ------------------------------------------------------------ */

/* The filter's states: a query word, the store's filter, the label. */
static const struct {
	const char *word;
	int state;
	const char *en, *cy;
} states[] = {
	{ "live", -1, "Open or acknowledged", "Agored neu wedi" RQ "u "
	  "cydnabod" },
	{ "open", ALERT_OPEN, "Open", "Agored" },
	{ "acknowledged", ALERT_ACKNOWLEDGED, "Acknowledged",
	  "Wedi" RQ "u cydnabod" },
	{ "resolved", ALERT_RESOLVED, "Resolved", "Wedi" RQ "u datrys" },
	{ "cleared", ALERT_CLEARED, "Cleared", "Wedi" RQ "u clirio" },
	{ "historical", ALERT_HISTORICAL, "Historical (from imported history)",
	  "Hanesyddol (o hanes a fewnforiwyd)" },
	{ "all", ALERT_NSTATES, "All", "Y cyfan" },
};

struct home_opt {
	char urn[S903_URN_MAX + 1];
	char name[HOME_NAME_MAX + 1];
};

struct list_view {
	struct viewer v;
	struct alert_item_page page;
	size_t st;		/* index in states[] */
	const char *rule, *home, *child;
	char la[LA_CODE_MAX + 1];
	struct home_opt *homes;
	size_t nhomes, ahomes;
};

static int keep_home(const char *urn, const char *name, void *ctx)
{
	struct list_view *lv = ctx;

	if (lv->nhomes >= HOMES_MAX)
		return 0;
	ALLOC_GROW(lv->homes, lv->nhomes + 1, lv->ahomes);
	snprintf(lv->homes[lv->nhomes].urn, sizeof(lv->homes->urn), "%s", urn);
	snprintf(lv->homes[lv->nhomes].name, sizeof(lv->homes->name), "%s",
		 name);
	lv->nhomes++;
	return 0;
}

static void list_href(struct request *req, struct response *res, long page,
		      void *ctx)
{
	const struct list_view *lv = ctx;

	(void)req;
	res_markup(res, "/alerts?state=");
	res_url_arg(res, states[lv->st].word);
	if (lv->rule[0]) {
		res_markup(res, "&amp;rule=");
		res_url_arg(res, lv->rule);
	}
	if (lv->home[0]) {
		res_markup(res, "&amp;home=");
		res_url_arg(res, lv->home);
	}
	if (lv->child[0]) {
		res_markup(res, "&amp;child=");
		res_url_arg(res, lv->child);
	}
	res_markup(res, "&amp;page=");
	res_int(res, page);
}

static void filters(struct request *req, struct response *res,
		    const struct list_view *lv)
{
	bool cy = is_cy(req);

	res_markup(res, "<form method=\"get\" action=\"/alerts\" "
		   "class=\"cartref-filter\" novalidate>\n");
	part_filter_select(res, "state", tr(req, "Show", "Dangos"));
	for (size_t i = 0; i < ARRAY_SIZE(states); i++)
		part_option(res, states[i].word, tr(req, states[i].en, states[i].cy),
		       i == lv->st);
	res_markup(res, "</select>\n</div>\n");
	part_filter_select(res, "rule", tr(req, "Rule", "Rheol"));
	part_option(res, "", tr(req, "All rules", "Pob rheol"), !lv->rule[0]);
	for (size_t i = 0; i < alert_nrules; i++)
		part_option(res, alert_rules[i].id,
		       alert_title(alert_rules[i].id, cy),
		       !strcmp(lv->rule, alert_rules[i].id));
	res_markup(res, "</select>\n</div>\n");
	part_filter_select(res, "home", tr(req, "Children" RQ "s home",
				     "Cartref plant"));
	part_option(res, "", tr(req, "All homes", "Pob cartref"), !lv->home[0]);
	for (size_t i = 0; i < lv->nhomes; i++)
		part_option(res, lv->homes[i].urn, lv->homes[i].name,
		       !strcmp(lv->home, lv->homes[i].urn));
	res_markup(res, "</select>\n</div>\n");
	res_markup(res, "<div class=\"govuk-form-group\">\n<label "
		   "class=\"govuk-label\" for=\"child\">");
	res_text(res, tr(req, "Child reference", "Cyfeirnod y plentyn"));
	res_markup(res, "</label>\n<div id=\"child-hint\" "
		   "class=\"govuk-hint\">");
	res_text(res, tr(req, "For example C01, or with the council" RQ "s code "
			 "W06000015/C01", "Er enghraifft C01, neu gyda chod y "
			 "cyngor W06000015/C01"));
	res_markup(res, "</div>\n<input class=\"govuk-input "
		   "govuk-input--width-20\" id=\"child\" name=\"child\" "
		   "type=\"search\" spellcheck=\"false\" autocomplete=\"off\" "
		   "aria-describedby=\"child-hint\" value=\"");
	res_attr(res, lv->child);
	res_markup(res, "\">\n</div>\n<button type=\"submit\" "
		   "class=\"govuk-button govuk-button--secondary\" "
		   "data-module=\"govuk-button\">");
	res_text(res, tr(req, "Apply", "Defnyddio"));
	res_markup(res, "</button>\n</form>\n");
}

/* "Recommendation NR2019-1", linked to it: what an alert on a
 * recommendation is about (alert_rec_of()). */
static void rec_link(struct request *req, struct response *res,
		     const struct alert_row *r)
{
	char code[ALERT_REC_CODE_MAX + 1];
	int64_t id = alert_rec_of(r, code);

	if (!id) {
		res_text(res, alert_title(r->rule, is_cy(req)));
		return;
	}
	res_markup(res, "<a class=\"govuk-link\" href=\"/recommendations/");
	res_int(res, id);
	res_markup(res, "\">");
	res_text(res, tr(req, "Recommendation ", "Argymhelliad "));
	res_text(res, code);
	res_markup(res, "</a>");
}

static void item_row(struct request *req, struct response *res,
		     const struct list_view *lv, const struct alert_item *it)
{
	const struct alert_item_page *p = &lv->page;
	const struct alert_row *lead = &p->reasons[it->first];
	bool cy = is_cy(req);
	struct alert_text t;

	alert_text(lead, lv->v.now_ms, cy, &t);
	res_markup(res, "<tr class=\"govuk-table__row\">\n"
		   "<th scope=\"row\" class=\"govuk-table__header\">");
	if (it->ref[0]) {
		part_child_link(res, it->la, it->ref);
	} else if (it->unnamed) {
		/* a child this reader may not open (docs/alerts.md) */
		char who[ALERT_TEXT_MAX];

		alert_unnamed_text(lead, cy, who, sizeof(who));
		res_text(res, who);
	} else if (it->urn[0]) {
		part_home_link(res, it->urn, lead->home_name);
	} else {
		rec_link(req, res, lead);
	}
	res_markup(res, "<br>");
	urgency_tags(req, res, it->severity,
		     alert_is_overdue(lead, lv->v.now_ms));
	res_markup(res, "</th>\n<td class=\"govuk-table__cell\">"
		   "<p class=\"govuk-body govuk-!-font-weight-bold "
		   "govuk-!-margin-bottom-1\">");
	res_text(res, t.todo);
	res_markup(res, "</p>\n");
	if (t.due[0]) {
		res_markup(res, "<p class=\"govuk-body-s "
			   "govuk-!-margin-bottom-1\">");
		res_text(res, t.due);
		res_markup(res, "</p>\n");
	}
	if (t.where[0]) {
		res_markup(res, "<p class=\"govuk-body-s "
			   "govuk-!-margin-bottom-0\">");
		res_text(res, t.where);
		res_markup(res, "</p>\n");
	}
	res_markup(res, "</td>\n<td class=\"govuk-table__cell\">"
		   "<ul class=\"govuk-list govuk-!-margin-bottom-0\">\n");
	for (size_t k = it->first; k < it->first + it->n; k++) {
		const struct alert_row *r = &p->reasons[k];

		res_markup(res, "<li><a class=\"govuk-link\" href=\"/alerts/");
		res_int(res, r->id);
		res_markup(res, "\">");
		res_text(res, alert_title(r->rule, cy));
		res_markup(res, "</a> ");
		state_tag(req, res, r);
		res_markup(res, "</li>\n");
	}
	if (it->nall > (long)it->n) {
		char s[80];

		snprintf(s, sizeof(s), WEB_TRF(req, "and %ld more",
					       "a %ld yn rhagor"),
			 it->nall - (long)it->n);
		res_markup(res, "<li>");
		res_text(res, s);
		res_markup(res, "</li>\n");
	}
	res_markup(res, "</ul></td>\n</tr>\n");
}

static void list_body(struct request *req, struct response *res, void *ctx)
{
	struct list_view *lv = ctx;
	const struct alert_item_page *p = &lv->page;
	char s[200];

	res_markup(res, "<h1 class=\"govuk-heading-l\">");
	res_text(res, tr(req, "Alerts", "Rhybuddion"));
	res_markup(res, "</h1>\n<p class=\"govuk-body\">");
	res_text(res, tr(req, "What the rules found that needs acting on, one "
			 "row for each child or home, most urgent first. Open "
			 "an alert to see what happened, acknowledge it to say "
			 "you are dealing with it, and resolve it when it is "
			 "dealt with.",
			 "Yr hyn a ganfu" RQ "r rheolau y mae angen gweithredu "
			 "arno, un rhes ar gyfer pob plentyn neu gartref, y "
			 "mwyaf brys yn gyntaf. Agorwch rybudd i weld beth "
			 "ddigwyddodd, cydnabyddwch ef i ddweud eich bod yn "
			 "delio ag ef, a" RQ "i ddatrys pan fydd wedi" RQ "i "
			 "drin."));
	res_markup(res, "</p>\n");
	filters(req, res, lv);
	if (!p->total) {
		part_para(res, tr(req, "There are no alerts to show.",
				  "Nid oes rhybuddion i" RQ "w dangos."));
		return;
	}
	if (p->total == 1)
		snprintf(s, sizeof(s), "%s", tr(req, "1 child or home.",
						"1 plentyn neu gartref."));
	else
		snprintf(s, sizeof(s), WEB_TRF(req, "%ld children or homes, "
					       "most urgent first.",
					       "%ld o blant neu gartrefi, y "
					       "mwyaf brys yn gyntaf."),
			 p->total);
	res_markup(res, "<p class=\"govuk-body\" id=\"alerts-count\">");
	res_text(res, s);
	res_markup(res, "</p>\n");
	part_table_scroll_start(req, res, tr(req, "Alerts sent to your organisation", "Rhybuddion a anfonwyd at eich sefydliad"));
	res_markup(res, "<table class=\"govuk-table\">\n<caption "
		   "class=\"govuk-table__caption govuk-table__caption--s\">");
	res_text(res, tr(req, "Alerts sent to your organisation",
			 "Rhybuddion a anfonwyd at eich sefydliad"));
	res_markup(res, "</caption>\n<thead class=\"govuk-table__head\">\n"
		   "<tr class=\"govuk-table__row\">\n");
	part_th(res, tr(req, "Child or home", "Plentyn neu gartref"), false);
	part_th(res, tr(req, "What to do", "Beth i" RQ "w wneud"), false);
	part_th(res, tr(req, "Alerts", "Rhybuddion"), false);
	res_markup(res, "</tr>\n</thead>\n<tbody class=\"govuk-table__body\">\n");
	for (size_t i = 0; i < p->n; i++)
		if (p->items[i].n)
			item_row(req, res, lv, &p->items[i]);
	res_markup(res, "</tbody>\n</table>\n");
	part_table_scroll_end(res);
	part_pagination(req, res, p->page + 1, web_pages(p->total,
							 p->page_size),
			list_href, lv);
}

void page_alerts(struct request *req, struct response *res)
{
	struct list_view *lv;
	struct alert_filter f;
	struct err err = ERR_INIT;
	const char *state, *slash;
	struct store *s;
	int64_t page;
	int rc;

	lv = xcalloc(1, sizeof(*lv));
	if (web_opt_str(req, res, "state", 16, &state) ||
	    web_opt_str(req, res, "rule", ALERT_RULE_MAX, &lv->rule) ||
	    web_opt_str(req, res, "home", S903_URN_MAX, &lv->home) ||
	    web_opt_str(req, res, "child", WEB_FILTER_MAX, &lv->child) ||
	    web_opt_int(req, res, "page", 1, 100000, 1, &page)) {
		free(lv);
		return;
	}
	for (size_t i = 0; i < ARRAY_SIZE(states); i++)
		if (!strcmp(state, states[i].word))
			lv->st = i;
	memset(&f, 0, sizeof(f));
	f.state = states[lv->st].state;
	f.rule = lv->rule[0] ? lv->rule : NULL;
	f.home = lv->home[0] ? lv->home : NULL;
	slash = strchr(lv->child, '/');
	if (slash && (size_t)(slash - lv->child) < sizeof(lv->la)) {
		memcpy(lv->la, lv->child, (size_t)(slash - lv->child));
		lv->la[slash - lv->child] = '\0';
		f.la = lv->la;
		f.ref = slash + 1;
	} else if (lv->child[0]) {
		f.ref = lv->child;
	}
	f.page = (long)page - 1;
	f.page_size = WEB_PAGE_SIZE;
	s = web_store(req, &err);
	rc = s ? web_viewer(req, s, &lv->v, &err) : ERR_STORE;
	if (!rc)
		rc = alerts_homes_each(s, &lv->v, keep_home, lv, &err);
	if (!rc)
		rc = alerts_items_list(s, &lv->v, &f, &lv->page, &err);
	if (rc == ERR_DENIED || rc == ERR_NOT_FOUND) {
		res_error(req, res, 404);
	} else if (rc) {
		web_log_err("the alerts", &err);
		res_error(req, res, 500);
	} else {
		res_html_page(req, res, tr(req, "Alerts", "Rhybuddion"),
			      list_body, lv);
	}
	alert_item_page_release(&lv->page);
	free(lv->homes);
	free(lv);
}

/* ---- one alert ------------------------------------------------------------- */

struct alert_view {
	struct viewer v;
	struct alert_row r;
	struct web_form f;
	const char *saved;
	long item_open;		/* open alerts of its child (ack all) */
	long acked;		/* acknowledged by acknowledge-all */
};

static void answer_row(struct request *req, struct response *res,
		       const char *key, int64_t at, const char *by,
		       const char *note)
{
	part_summary_key(res, key);
	part_time(req, res, at);
	res_text(res, tr(req, ", by ", ", gan "));
	res_text(res, by[0] ? by : "?");
	if (note[0]) {
		res_markup(res, "<br><span class=\"cartref-pre\">");
		res_text(res, note);
		res_markup(res, "</span>");
	}
	part_summary_key_end(res);
}

static void answer_form(struct request *req, struct response *res,
			const struct alert_view *av, const char *what)
{
	char action[64], id[24], button[120];
	bool ack = !strcmp(what, "acknowledge");
	bool all = !strcmp(what, "acknowledge-all");

	snprintf(action, sizeof(action), "/alerts/%lld/%s",
		 (long long)av->r.id, what);
	snprintf(id, sizeof(id), "%s-note", all ? "all" : ack ? "ack" :
		 "resolve");
	res_markup(res, "<h2 class=\"govuk-heading-m\">");
	res_text(res, all ? tr(req, "Acknowledge all of this child" RQ "s open "
			       "alerts", "Cydnabod holl rybuddion agored y "
			       "plentyn hwn") :
		      ack ? tr(req, "Acknowledge", "Cydnabod") :
			    tr(req, "Resolve", "Datrys"));
	res_markup(res, "</h2>\n");
	part_form_start(req, res, action);
	part_textarea(req, res, &av->f, what, id,
		      ack || all ? tr(req, "Note: what you are doing about it",
				      "Nodyn: beth rydych yn ei wneud amdano") :
				   tr(req, "Note: how it was dealt with",
				      "Nodyn: sut y deliwyd ag ef"),
		      tr(req, "Your name is recorded with the note.",
			 "Mae eich enw yn cael ei gofnodi gyda" RQ "r nodyn."),
		      "");
	if (all)
		snprintf(button, sizeof(button),
			 WEB_TRF(req, "Acknowledge all %ld open alerts",
				 "Cydnabod pob un o" RQ "r %ld rhybudd agored"),
			 av->item_open);
	else
		snprintf(button, sizeof(button), "%s",
			 ack ? tr(req, "Acknowledge the alert",
				  "Cydnabod y rhybudd") :
			       tr(req, "Resolve the alert",
				  "Datrys y rhybudd"));
	part_button(res, button, !ack);
	part_form_end(res);
}

static void words_row(struct response *res, const char *key,
		      const char *text)
{
	if (text[0])
		part_summary_row(res, key, text);
}

static void alert_body(struct request *req, struct response *res,
		       void *ctx)
{
	struct alert_view *av = ctx;
	const struct alert_row *r = &av->r;
	bool cy = is_cy(req);
	struct alert_text t;
	char s[160], code[ALERT_REC_CODE_MAX + 1];

	alert_text(r, av->v.now_ms, cy, &t);
	res_markup(res, "<div class=\"govuk-grid-row\">\n"
		   "<div class=\"govuk-grid-column-two-thirds\">\n");
	if (av->f.n) {
		part_error_summary(req, res, &av->f);
	} else if (av->saved && !strcmp(av->saved, "acknowledge-all")) {
		snprintf(s, sizeof(s), WEB_TRF(req, "Saved: %ld alerts are "
					       "acknowledged",
					       "Wedi" RQ "i gadw: mae %ld o "
					       "rybuddion wedi" RQ "u cydnabod"),
			 av->acked);
		part_banner(req, res, s);
	} else if (av->saved) {
		part_banner(req, res, !strcmp(av->saved, "resolve") ?
			    tr(req, "Saved: the alert is resolved",
			       "Wedi" RQ "i gadw: mae" RQ "r rhybudd wedi" RQ
			       "i ddatrys") :
			    tr(req, "Saved: the alert is acknowledged",
			       "Wedi" RQ "i gadw: mae" RQ "r rhybudd wedi" RQ
			       "i gydnabod"));
	}
	res_markup(res, "<span class=\"govuk-caption-l\">");
	if (r->ref[0]) {
		/* the council is named below ("looked after by"), not coded */
		res_text(res, tr(req, "Child ", "Plentyn "));
		res_text(res, r->ref);
	} else if (r->unnamed) {
		char who[ALERT_TEXT_MAX];

		alert_unnamed_text(r, cy, who, sizeof(who));
		res_text(res, who);
	} else if (r->urn[0] || r->home_name[0]) {
		res_text(res, r->home_name[0] ? r->home_name : r->urn);
	} else if (alert_rec_of(r, code)) {
		res_text(res, tr(req, "Recommendation ", "Argymhelliad "));
		res_text(res, code);
	}
	res_markup(res, "</span>\n<h1 class=\"govuk-heading-l\">");
	res_text(res, alert_title(r->rule, cy));
	res_markup(res, "</h1>\n<p class=\"govuk-body\">");
	urgency_tags(req, res, r->severity, alert_is_overdue(r, av->v.now_ms));
	res_text(res, " ");
	state_tag(req, res, r);
	res_markup(res, "</p>\n");
	if (r->state == ALERT_HISTORICAL) {
		res_markup(res, "<div class=\"govuk-inset-text\">");
		res_text(res, tr(req, "Found in imported history, older than the "
				 "rule" RQ "s horizon and not going on now: "
				 "nobody was sent it, and it is on no list of "
				 "open alerts. It is kept for the record.",
				 "Fe" RQ "i canfuwyd mewn hanes a fewnforiwyd, "
				 "yn h" "\xc5\xb7" "n na gorwel y rheol a heb "
				 "fod yn parhau nawr: ni chafodd ei anfon at "
				 "neb, ac nid yw ar unrhyw restr o rybuddion "
				 "agored. Fe" RQ "i cedwir er gwybodaeth."));
		res_markup(res, "</div>\n");
	}
	part_summary_start(res);
	words_row(res, tr(req, "What happened", "Beth ddigwyddodd"), t.what);
	words_row(res, tr(req, "Where", "Ble"), t.where);
	words_row(res, tr(req, "When it was due", "Erbyn pryd"), t.due);
	words_row(res, tr(req, "What to do", "Beth i" RQ "w wneud"), t.todo);
	part_summary_end(res);
	part_summary_start(res);
	if (r->ref[0]) {
		part_summary_key(res, tr(req, "Child", "Plentyn"));
		part_child_link(res, r->la, r->ref);
		part_summary_key_end(res);
	}
	if (r->episode_id) {
		part_summary_key(res, tr(req, "Missing episode",
					 "Cyfnod ar goll"));
		res_markup(res, "<a class=\"govuk-link\" href=\"/missing/");
		res_int(res, r->episode_id);
		res_markup(res, "\">");
		res_text(res, tr(req, "The episode", "Y cyfnod"));
		res_markup(res, "</a>");
		part_summary_key_end(res);
	}
	if (r->home_urn[0]) {
		part_summary_key(res, tr(req, "Children" RQ "s home",
					 "Cartref plant"));
		part_home_link(res, r->home_urn, r->home_name);
		part_summary_key_end(res);
	}
	if (alert_rec_of(r, code)) {
		part_summary_key(res, tr(req, "Recommendation",
					 "Argymhelliad"));
		rec_link(req, res, r);
		part_summary_key_end(res);
	}
	part_summary_key(res, r->state == ALERT_HISTORICAL ?
			 tr(req, "Recorded", "Cofnodwyd") :
			 tr(req, "Raised", "Codwyd"));
	part_time(req, res, r->raised_at);
	part_summary_key_end(res);
	if (r->escalated_at) {
		part_summary_key(res, tr(req, "Escalated", "Uwchgyfeiriwyd"));
		part_time(req, res, r->escalated_at);
		part_summary_key_end(res);
	} else if (r->escalate_at && alert_is_live(r->state)) {
		part_summary_key(res, tr(req, "Escalates if not resolved by",
					 "Yn uwchgyfeirio os na chaiff ei "
					 "ddatrys erbyn"));
		part_time(req, res, r->escalate_at);
		part_summary_key_end(res);
	}
	if (r->acknowledged_at)
		answer_row(req, res, tr(req, "Acknowledged", "Cydnabuwyd"),
			   r->acknowledged_at, r->acknowledged_by,
			   r->ack_note);
	if (r->resolved_at)
		answer_row(req, res, tr(req, "Resolved", "Datryswyd"),
			   r->resolved_at, r->resolved_by, r->resolve_note);
	if (r->cleared_at) {
		part_summary_key(res, tr(req, "Cleared by the rules",
					 "Cliriwyd gan y rheolau"));
		part_time(req, res, r->cleared_at);
		part_summary_key_end(res);
	}
	part_summary_end(res);
	if (r->state == ALERT_OPEN)
		answer_form(req, res, av, "acknowledge");
	if (r->state == ALERT_OPEN && av->item_open > 1)
		answer_form(req, res, av, "acknowledge-all");
	if (alert_is_live(r->state))
		answer_form(req, res, av, "resolve");
	res_markup(res, "<p class=\"govuk-body\"><a class=\"govuk-link\" "
		   "href=\"/alerts\">");
	res_text(res, tr(req, "All alerts", "Pob rhybudd"));
	res_markup(res, "</a></p>\n</div>\n</div>\n");
}

static void page_title(struct request *req, const struct alert_view *av,
		       char *out, size_t cap)
{
	snprintf(out, cap, "%s%s", av->f.n ? tr(req, "Error: ", "Gwall: ") :
					     "",
		 alert_title(av->r.rule, is_cy(req)));
}

static void fail(struct request *req, struct response *res, int rc,
		 const struct err *err)
{
	if (rc == ERR_NOT_FOUND || rc == ERR_DENIED) {
		res_error(req, res, 404);
	} else {
		web_log_err("an alert", err);
		res_error(req, res, 500);
	}
}

/*
 * The alert, and for an open alert about a child how many open alerts
 * the child has that the viewer's organisation receives (a scoped,
 * audited read, as the list).
 */
static int load_alert(struct store *s, struct alert_view *av, int64_t id,
		      struct err *err)
{
	struct alert_item_page *pg;
	struct alert_filter f;
	int rc;

	rc = alerts_get(s, &av->v, id, &av->r, err);
	if (rc || av->r.state != ALERT_OPEN || !av->r.ref[0])
		return rc;
	memset(&f, 0, sizeof(f));
	f.state = ALERT_OPEN;
	f.la = av->r.la;
	f.ref = av->r.ref;
	f.page_size = 1;
	pg = xcalloc(1, sizeof(*pg));
	rc = alerts_items_list(s, &av->v, &f, pg, err);
	if (!rc && pg->n)
		av->item_open = pg->items[0].nall;
	alert_item_page_release(pg);
	free(pg);
	return rc;
}

void page_alert(struct request *req, struct response *res)
{
	struct alert_view *av;
	struct err err = ERR_INIT;
	struct store *s;
	char title[160];
	int64_t id, n;
	int rc;

	if (req_param_int(req, res, "id", 1, INT64_MAX, &id))
		return;
	av = xcalloc(1, sizeof(*av));
	s = web_store(req, &err);
	rc = s ? web_viewer(req, s, &av->v, &err) : ERR_STORE;
	if (!rc)
		rc = load_alert(s, av, id, &err);
	if (rc) {
		fail(req, res, rc, &err);
	} else {
		const char *saved = req_param_get(req, "saved");
		const char *nstr = req_param_get(req, "n");

		if (saved && (!strcmp(saved, "acknowledge") ||
			      !strcmp(saved, "acknowledge-all") ||
			      !strcmp(saved, "resolve")))
			av->saved = saved;
		if (nstr && !parse_i64(nstr, 0, 100000, &n))
			av->acked = (long)n;
		page_title(req, av, title, sizeof(title));
		res_html_page(req, res, title, alert_body, av);
	}
	free(av);
}

enum answer_what { ANSWER_ACK, ANSWER_ACK_ALL, ANSWER_RESOLVE };

static void answer_post(struct request *req, struct response *res,
			enum answer_what what)
{
	static const char *const words[] = { "acknowledge", "acknowledge-all",
					     "resolve" };
	static const char *const fields[] = { "ack-note", "all-note",
					      "resolve-note" };
	const char *field = fields[what];
	struct alert_view *av;
	struct err err = ERR_INIT;
	struct audit_writer *w = NULL;
	struct store *s;
	char note[ALERT_NOTE_MAX + 1], title[160], to[96];
	long n = 0;
	int64_t id;
	int rc;

	if (req_param_int(req, res, "id", 1, INT64_MAX, &id))
		return;
	av = xcalloc(1, sizeof(*av));
	av->f.form = words[what];
	s = web_store(req, &err);
	if (s)
		w = web_write_begin(s);
	rc = s ? web_viewer(req, s, &av->v, &err) : ERR_STORE;
	if (!rc)
		rc = load_alert(s, av, id, &err);
	if (rc) {
		fail(req, res, rc, &err);
		goto out;
	}
	if (!web_form_text(req, &av->f, field, tr(req, "The note",
						  "Y nodyn"), note,
			   sizeof(note)) && !note[0])
		web_form_fail(&av->f, field, what == ANSWER_RESOLVE ?
			      tr(req, "Enter a note saying how it was dealt "
				 "with",
				 "Rhowch nodyn yn dweud sut y deliwyd ag ef") :
			      tr(req, "Enter a note saying what you are doing "
				 "about it",
				 "Rhowch nodyn yn dweud beth rydych yn ei "
				 "wneud amdano"));
	if (!av->f.n) {
		if (what == ANSWER_ACK_ALL)
			rc = alerts_ack_item(s, &av->v, id, note, &n, &err);
		else if (what == ANSWER_RESOLVE)
			rc = alerts_resolve(s, &av->v, id, note, &err);
		else
			rc = alerts_ack(s, &av->v, id, note, &err);
		if (rc == ERR_INVALID || rc == ERR_CONSTRAINT ||
		    rc == ERR_EXISTS) {
			web_form_fail(&av->f, "", tr(req,
				      "The alert could not be changed: it may "
				      "have been answered or cleared already",
				      "Nid oedd modd newid y rhybudd: efallai "
				      "ei fod wedi" RQ "i ateb neu ei glirio "
				      "eisoes"));
		} else if (rc) {
			fail(req, res, rc, &err);
			goto out;
		}
	}
	if (!av->f.n) {
		if (what == ANSWER_ACK_ALL)
			snprintf(to, sizeof(to), "/alerts/%lld?saved=%s&n=%ld",
				 (long long)id, words[what], n);
		else
			snprintf(to, sizeof(to), "/alerts/%lld?saved=%s",
				 (long long)id, words[what]);
		res_redirect(res, to);
		goto out;
	}
	page_title(req, av, title, sizeof(title));
	res_html_page(req, res, title, alert_body, av);
	res->status = 400;
out:
	if (s)
		web_write_end(s, w);
	free(av);
}

void page_alert_ack(struct request *req, struct response *res)
{
	answer_post(req, res, ANSWER_ACK);
}

void page_alert_ack_all(struct request *req, struct response *res)
{
	answer_post(req, res, ANSWER_ACK_ALL);
}

void page_alert_resolve(struct request *req, struct response *res)
{
	answer_post(req, res, ANSWER_RESOLVE);
}
