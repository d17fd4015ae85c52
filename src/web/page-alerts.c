/*
 * page-alerts.c: the alerts sent to the signed-in user's organisation
 * (issue 5; docs/alerts.md, docs/http.md "Alerts"):
 *
 *   GET  /alerts                    the list (?state=live|open|
 *                                   acknowledged|resolved|cleared|all,
 *                                   ?page=), newest first
 *   GET  /alerts/{id}               one alert: its rule in the page's
 *                                   language, the child, episode or home,
 *                                   who acknowledged or resolved it
 *   POST /alerts/{id}/acknowledge   with a note (required)
 *   POST /alerts/{id}/resolve       with a note (required)
 *
 * Who sees and answers which alert is src/alerts/access.c's: a user of a
 * recipient organisation, inspectors any by id; analysts, admins and a
 * role outside its kind of organisation get the 404 page, as for
 * children's pages.  The store audits the reads and answers, and the
 * answers write outbox messages in the same transaction, so the
 * server's group-commit audit writer is unbound around them.
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

/* ---- words -------------------------------------------------------------- */

static const char *rule_title(const struct request *req, const char *id)
{
	const struct alert_rule *r = alert_rule_find(id);

	if (!r)
		return id;
	return tr(req, r->title_en, r->title_cy);
}

static const char *rule_desc(const struct request *req, const char *id)
{
	const struct alert_rule *r = alert_rule_find(id);

	if (!r)
		return "";
	return tr(req, r->desc_en, r->desc_cy);
}

static const char *state_label(const struct request *req,
			       enum alert_state st)
{
	switch (st) {
	case ALERT_OPEN:
		return tr(req, "Open", "Agored");
	case ALERT_ACKNOWLEDGED:
		return tr(req, "Acknowledged", "Wedi" RQ "i gydnabod");
	case ALERT_RESOLVED:
		return tr(req, "Resolved", "Wedi" RQ "i ddatrys");
	case ALERT_CLEARED:
		return tr(req, "Cleared", "Wedi" RQ "i glirio");
	case ALERT_NSTATES:
		break;
	}
	return "";
}

static const char *state_colour(enum alert_state st)
{
	switch (st) {
	case ALERT_OPEN:
		return "red";
	case ALERT_ACKNOWLEDGED:
		return "yellow";
	case ALERT_RESOLVED:
		return "green";
	default:
		return "grey";
	}
}

static void state_tag(struct request *req, struct response *res,
		      const struct alert_row *r)
{
	part_tag(res, state_colour(r->state), state_label(req, r->state));
	if (r->escalated_at) {
		res_text(res, " ");
		part_tag(res, "pink", tr(req, "Escalated", "Wedi" RQ "i "
					 "uwchgyfeirio"));
	}
}

/* What an alert is about: the child, else the home. */
static void subject(struct request *req, struct response *res,
		    const struct alert_row *r)
{
	if (r->ref[0])
		part_child_link(res, r->la, r->ref);
	else if (r->urn[0])
		part_home_link(res, r->urn, NULL);
	else
		part_not_recorded(req, res);
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
	{ "all", ALERT_NSTATES, "All", "Y cyfan" },
};

struct list_view {
	struct viewer v;
	struct alert_page page;
	size_t st;		/* index in states[] */
};

static void list_href(struct request *req, struct response *res, long page,
		      void *ctx)
{
	const struct list_view *lv = ctx;

	(void)req;
	res_markup(res, "/alerts?state=");
	res_url_arg(res, states[lv->st].word);
	res_markup(res, "&amp;page=");
	res_int(res, page);
}

static void list_body(struct request *req, struct response *res, void *ctx)
{
	struct list_view *lv = ctx;
	const struct alert_page *p = &lv->page;
	char s[160];

	res_markup(res, "<h1 class=\"govuk-heading-l\">");
	res_text(res, tr(req, "Alerts", "Rhybuddion"));
	res_markup(res, "</h1>\n<p class=\"govuk-body\">");
	res_text(res, tr(req, "Alerts sent to your organisation when the "
			 "rules find something that needs acting on. "
			 "Acknowledge an alert to say you are dealing with "
			 "it, and resolve it when it is dealt with.",
			 "Rhybuddion a anfonwyd at eich sefydliad pan fydd y "
			 "rheolau" RQ "n canfod rhywbeth y mae angen gweithredu "
			 "arno. Cydnabyddwch rybudd i ddweud eich bod yn delio "
			 "ag ef, a" RQ "i ddatrys pan fydd wedi" RQ "i "
			 "drin."));
	res_markup(res, "</p>\n<form method=\"get\" action=\"/alerts\" "
		   "class=\"cartref-filter\" novalidate>\n"
		   "<div class=\"govuk-form-group\">\n<label class=\"govuk-label\" "
		   "for=\"state\">");
	res_text(res, tr(req, "Show", "Dangos"));
	res_markup(res, "</label>\n<select class=\"govuk-select\" id=\"state\" "
		   "name=\"state\">\n");
	for (size_t i = 0; i < ARRAY_SIZE(states); i++) {
		res_markup(res, "<option value=\"");
		res_attr(res, states[i].word);
		if (i == lv->st)
			res_markup(res, "\" selected>");
		else
			res_markup(res, "\">");
		res_text(res, tr(req, states[i].en, states[i].cy));
		res_markup(res, "</option>\n");
	}
	res_markup(res, "</select>\n</div>\n<button type=\"submit\" "
		   "class=\"govuk-button govuk-button--secondary\" "
		   "data-module=\"govuk-button\">");
	res_text(res, tr(req, "Apply", "Defnyddio"));
	res_markup(res, "</button>\n</form>\n");
	if (!p->total) {
		part_para(res, tr(req, "There are no alerts to show.",
				  "Nid oes rhybuddion i" RQ "w dangos."));
		return;
	}
	snprintf(s, sizeof(s), WEB_TRF(req, "%ld alerts, newest first.",
				       "%ld o rybuddion, y mwyaf newydd yn "
				       "gyntaf."), p->total);
	part_para(res, s);
	res_markup(res, "<table class=\"govuk-table\">\n<caption "
		   "class=\"govuk-table__caption govuk-table__caption--s\">");
	res_text(res, tr(req, "Alerts sent to your organisation",
			 "Rhybuddion a anfonwyd at eich sefydliad"));
	res_markup(res, "</caption>\n<thead class=\"govuk-table__head\">\n"
		   "<tr class=\"govuk-table__row\">\n");
	part_th(res, tr(req, "Alert", "Rhybudd"), false);
	part_th(res, tr(req, "About", "Am"), false);
	part_th(res, tr(req, "Raised", "Codwyd"), false);
	part_th(res, tr(req, "State", "Statws"), false);
	res_markup(res, "</tr>\n</thead>\n<tbody class=\"govuk-table__body\">\n");
	for (size_t i = 0; i < p->n; i++) {
		const struct alert_row *r = &p->rows[i];

		res_markup(res, "<tr class=\"govuk-table__row\">\n"
			   "<th scope=\"row\" class=\"govuk-table__header\">"
			   "<a class=\"govuk-link\" href=\"/alerts/");
		res_int(res, r->id);
		res_markup(res, "\">");
		res_text(res, rule_title(req, r->rule));
		res_markup(res, "</a></th>\n<td class=\"govuk-table__cell\">");
		subject(req, res, r);
		res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
		part_time(req, res, r->raised_at);
		res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
		state_tag(req, res, r);
		res_markup(res, "</td>\n</tr>\n");
	}
	res_markup(res, "</tbody>\n</table>\n");
	part_pagination(req, res, p->page + 1, web_pages(p->total,
							 p->page_size),
			list_href, lv);
}

void page_alerts(struct request *req, struct response *res)
{
	struct list_view *lv;
	struct alert_filter f;
	struct err err = ERR_INIT;
	const char *state;
	struct store *s;
	int64_t page;
	int rc;

	if (web_opt_str(req, res, "state", 16, &state) ||
	    web_opt_int(req, res, "page", 1, 100000, 1, &page))
		return;
	lv = xcalloc(1, sizeof(*lv));
	for (size_t i = 0; i < ARRAY_SIZE(states); i++)
		if (!strcmp(state, states[i].word))
			lv->st = i;
	memset(&f, 0, sizeof(f));
	f.state = states[lv->st].state;
	f.page = (long)page - 1;
	f.page_size = WEB_PAGE_SIZE;
	s = web_store(req, &err);
	rc = s ? web_viewer(req, s, &lv->v, &err) : ERR_STORE;
	if (!rc)
		rc = alerts_list(s, &lv->v, &f, &lv->page, &err);
	if (rc == ERR_DENIED || rc == ERR_NOT_FOUND) {
		res_error(req, res, 404);
	} else if (rc) {
		web_log_err("the alerts", &err);
		res_error(req, res, 500);
	} else {
		res_html_page(req, res, tr(req, "Alerts", "Rhybuddion"),
			      list_body, lv);
	}
	free(lv);
}

/* ---- one alert ------------------------------------------------------------- */

struct alert_view {
	struct viewer v;
	struct alert_row r;
	struct web_form f;
	const char *saved;
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
	char action[64], id[24];
	bool ack = !strcmp(what, "acknowledge");

	snprintf(action, sizeof(action), "/alerts/%lld/%s",
		 (long long)av->r.id, what);
	snprintf(id, sizeof(id), "%s-note", ack ? "ack" : "resolve");
	res_markup(res, "<h2 class=\"govuk-heading-m\">");
	res_text(res, ack ? tr(req, "Acknowledge", "Cydnabod") :
			    tr(req, "Resolve", "Datrys"));
	res_markup(res, "</h2>\n");
	part_form_start(req, res, action);
	part_textarea(req, res, &av->f, what, id,
		      ack ? tr(req, "Note: what you are doing about it",
			       "Nodyn: beth rydych yn ei wneud amdano") :
			    tr(req, "Note: how it was dealt with",
			       "Nodyn: sut y deliwyd ag ef"),
		      tr(req, "Your name is recorded with the note.",
			 "Mae eich enw yn cael ei gofnodi gyda" RQ "r nodyn."),
		      "");
	part_button(res, ack ? tr(req, "Acknowledge the alert",
				  "Cydnabod y rhybudd") :
			       tr(req, "Resolve the alert",
				   "Datrys y rhybudd"), !ack);
	part_form_end(res);
}

static void alert_body(struct request *req, struct response *res,
		       void *ctx)
{
	struct alert_view *av = ctx;
	const struct alert_row *r = &av->r;

	res_markup(res, "<div class=\"govuk-grid-row\">\n"
		   "<div class=\"govuk-grid-column-two-thirds\">\n");
	if (av->f.n)
		part_error_summary(req, res, &av->f);
	else if (av->saved)
		part_banner(req, res, !strcmp(av->saved, "resolve") ?
			    tr(req, "Saved: the alert is resolved",
			       "Wedi" RQ "i gadw: mae" RQ "r rhybudd wedi" RQ
			       "i ddatrys") :
			    tr(req, "Saved: the alert is acknowledged",
			       "Wedi" RQ "i gadw: mae" RQ "r rhybudd wedi" RQ
			       "i gydnabod"));
	res_markup(res, "<span class=\"govuk-caption-l\">");
	res_text(res, tr(req, "Alert ", "Rhybudd "));
	res_int(res, r->id);
	res_markup(res, "</span>\n<h1 class=\"govuk-heading-l\">");
	res_text(res, rule_title(req, r->rule));
	res_markup(res, "</h1>\n<p class=\"govuk-body\">");
	state_tag(req, res, r);
	res_markup(res, "</p>\n<p class=\"govuk-body\">");
	res_text(res, rule_desc(req, r->rule));
	res_markup(res, "</p>\n");
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
	if (r->urn[0]) {
		part_summary_key(res, tr(req, "Children" RQ "s home",
					 "Cartref plant"));
		part_home_link(res, r->urn, NULL);
		part_summary_key_end(res);
	}
	if (r->detail[0])
		part_summary_row(res, tr(req, "Details", "Manylion"),
				 r->detail);
	part_summary_key(res, tr(req, "Raised", "Codwyd"));
	part_time(req, res, r->raised_at);
	part_summary_key_end(res);
	if (r->escalated_at) {
		part_summary_key(res, tr(req, "Escalated", "Uwchgyfeiriwyd"));
		part_time(req, res, r->escalated_at);
		part_summary_key_end(res);
	} else if (r->escalate_at && (r->state == ALERT_OPEN ||
				      r->state == ALERT_ACKNOWLEDGED)) {
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
	if (r->state == ALERT_OPEN || r->state == ALERT_ACKNOWLEDGED)
		answer_form(req, res, av, "resolve");
	res_markup(res, "<p class=\"govuk-body\"><a class=\"govuk-link\" "
		   "href=\"/alerts\">");
	res_text(res, tr(req, "All alerts", "Pob rhybudd"));
	res_markup(res, "</a></p>\n</div>\n</div>\n");
}

static void alert_title(struct request *req, const struct alert_view *av,
			char *out, size_t cap)
{
	snprintf(out, cap, "%s%s", av->f.n ? tr(req, "Error: ", "Gwall: ") :
					     "",
		 rule_title(req, av->r.rule));
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

void page_alert(struct request *req, struct response *res)
{
	struct alert_view *av;
	struct err err = ERR_INIT;
	struct store *s;
	char title[160];
	int64_t id;
	int rc;

	if (req_param_int(req, res, "id", 1, INT64_MAX, &id))
		return;
	av = xcalloc(1, sizeof(*av));
	s = web_store(req, &err);
	rc = s ? web_viewer(req, s, &av->v, &err) : ERR_STORE;
	if (!rc)
		rc = alerts_get(s, &av->v, id, &av->r, &err);
	if (rc) {
		fail(req, res, rc, &err);
	} else {
		const char *saved = req_param_get(req, "saved");

		if (saved && (!strcmp(saved, "acknowledge") ||
			      !strcmp(saved, "resolve")))
			av->saved = saved;
		alert_title(req, av, title, sizeof(title));
		res_html_page(req, res, title, alert_body, av);
	}
	free(av);
}

static void answer_post(struct request *req, struct response *res,
			bool resolve)
{
	const char *what = resolve ? "resolve" : "acknowledge";
	const char *field = resolve ? "resolve-note" : "ack-note";
	struct alert_view *av;
	struct err err = ERR_INIT;
	struct audit_writer *w = NULL;
	struct store *s;
	char note[ALERT_NOTE_MAX + 1], title[160], to[64];
	int64_t id;
	int rc;

	if (req_param_int(req, res, "id", 1, INT64_MAX, &id))
		return;
	av = xcalloc(1, sizeof(*av));
	av->f.form = what;
	s = web_store(req, &err);
	if (s)
		w = web_write_begin(s);
	rc = s ? web_viewer(req, s, &av->v, &err) : ERR_STORE;
	if (!rc)
		rc = alerts_get(s, &av->v, id, &av->r, &err);
	if (rc) {
		fail(req, res, rc, &err);
		goto out;
	}
	if (!web_form_text(req, &av->f, field, tr(req, "The note",
						  "Y nodyn"), note,
			   sizeof(note)) && !note[0])
		web_form_fail(&av->f, field, resolve ?
			      tr(req, "Enter a note saying how it was dealt "
				 "with",
				 "Rhowch nodyn yn dweud sut y deliwyd ag ef") :
			      tr(req, "Enter a note saying what you are doing "
				 "about it",
				 "Rhowch nodyn yn dweud beth rydych yn ei "
				 "wneud amdano"));
	if (!av->f.n) {
		rc = resolve ? alerts_resolve(s, &av->v, id, note, &err) :
			       alerts_ack(s, &av->v, id, note, &err);
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
		snprintf(to, sizeof(to), "/alerts/%lld?saved=%s",
			 (long long)id, what);
		res_redirect(res, to);
		goto out;
	}
	alert_title(req, av, title, sizeof(title));
	res_html_page(req, res, title, alert_body, av);
	res->status = 400;
out:
	if (s)
		web_write_end(s, w);
	free(av);
}

void page_alert_ack(struct request *req, struct response *res)
{
	answer_post(req, res, false);
}

void page_alert_resolve(struct request *req, struct response *res)
{
	answer_post(req, res, true);
}
