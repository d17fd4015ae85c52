/*
 * page-missing.c: missing from care, recorded live by the agencies
 * (issue 5; docs/missing.md, docs/http.md "Missing from care"):
 *
 *   GET  /children/{council}/{ref}/missing/new   the home's report form
 *   POST /children/{council}/{ref}/missing/new   store_mfc_report()
 *   GET  /missing/{id}                           the episode, one section
 *                                                per agency
 *   POST /missing/{id}/home                      the home's fields
 *   POST /missing/{id}/police                    reference, grade, arrest
 *   POST /missing/{id}/return                    found or returned
 *   POST /missing/{id}/interview                 the return interview
 *   POST /missing/{id}/meeting                   a strategy meeting
 *
 * The store decides who may see and change what (store.h, "missing from
 * care, recorded live"): this file only offers the form of the section
 * the viewer's kind of access may change, and shows what the store
 * returns.  Out of scope, unknown, and a role that sees no child all get
 * the 404 page.  Every write runs alerts_evaluate_child() and answers
 * 303 back to the episode with a "Saved" banner, or, when the change took
 * the episode out of the writer's view, 303 to /home with a banner that
 * says so (never a 404 for a change that committed); bad input shows the
 * form again (400) with a GOV.UK error summary linking to each field and
 * what was typed kept.  The writes' audit rows commit with them, so the
 * server's group-commit audit writer is unbound around them
 * (web_write_begin()).  Times are read and written in UK local time
 * (base/uktime.h).
 *
 *   GET  /missing/report                         a home manager: which
 *                                                child to report missing
 */
#include "base/compat.h"
#include "alerts/alerts.h"
#include "base/parse.h"
#include "base/uktime.h"
#include "base/xalloc.h"
#include "domain/mfc-rules.h"
#include "store/store-missing.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/parts.h"
#include "web/session.h"

#define RQ "\xe2\x80\x99"	/* right single quotation mark */

/* ---- fields: ids, labels, and the store's problems as messages -------- */

enum fkind { F_TEXT, F_TIME, F_DAY, F_CHOICE };

struct field {
	const char *csv;	/* the name mfc_episode_check() gives */
	const char *id;		/* the form's input */
	const char *en, *cy;
	enum fkind kind;
};

static const struct field fields[] = {
	{ "KIND", "kind", "Missing or away", "Ar goll neu i ffwrdd",
	  F_CHOICE },
	{ "STARTED_AT", "started_at", "When the child was found to be missing",
	  "Pryd y canfuwyd bod y plentyn ar goll", F_TIME },
	{ "LAST_SEEN_AT", "last_seen_at", "When the child was last seen",
	  "Pryd y gwelwyd y plentyn ddiwethaf", F_TIME },
	{ "LAST_SEEN_PLACE", "last_seen_place",
	  "Where the child was last seen",
	  "Ble y gwelwyd y plentyn ddiwethaf", F_TEXT },
	{ "CIRCUMSTANCES", "circumstances", "Circumstances", "Amgylchiadau",
	  F_TEXT },
	{ "HOME_ACTIONS", "home_actions", "What the home has done",
	  "Beth mae" RQ "r cartref wedi" RQ "i wneud", F_TEXT },
	{ "EXPLOITATION", "exploitation", "Concern of exploitation",
	  "Pryder am gamfanteisio", F_CHOICE },
	{ "ASSOCIATES", "associates", "Known associates",
	  "Cysylltiadau hysbys", F_TEXT },
	{ "LOCATIONS", "locations", "Places the child may be",
	  "Lleoedd y gallai" RQ "r plentyn fod", F_TEXT },
	{ "HEALTH_NEEDS", "health_needs", "Health needs",
	  "Anghenion iechyd", F_TEXT },
	{ "POLICE_REF", "police_ref", "Police reference",
	  "Cyfeirnod yr heddlu", F_TEXT },
	{ "RISK_GRADE", "risk_grade", "Risk grade", "Gradd risg", F_CHOICE },
	{ "ARRESTED", "arrested", "Arrested", "Arestiwyd", F_CHOICE },
	{ "CHARGED", "charged", "Charged", "Cyhuddwyd", F_CHOICE },
	{ "RETURNED_AT", "returned_at",
	  "When the child was found or came back",
	  "Pryd y daethpwyd o hyd i" RQ "r plentyn neu y daeth yn "
	  "\xc3\xb4" "l",
	  F_TIME },
	{ "RETURNED_PLACE", "returned_place",
	  "Where the child was found or came back to",
	  "Ble y daethpwyd o hyd i" RQ "r plentyn", F_TEXT },
	{ "RI_OFFERED_AT", "ri_offered_at",
	  "When the return interview was offered",
	  "Pryd y cynigiwyd y cyfweliad dychwelyd", F_TIME },
	{ "RI_HELD_AT", "ri_held_at", "When the return interview was held",
	  "Pryd y cynhaliwyd y cyfweliad dychwelyd", F_TIME },
	{ "RI_BY", "ri_by", "Who held it", "Pwy a" RQ "i cynhaliodd",
	  F_TEXT },
	{ "RI_INDEPENDENT", "ri_independent",
	  "Was it held by someone independent of the child" RQ "s care?",
	  "A gafodd ei gynnal gan rywun sy" RQ "n annibynnol ar ofal y "
	  "plentyn?", F_CHOICE },
	{ "RI_OUTCOME", "ri_outcome", "Did the child accept the interview?",
	  "A dderbyniodd y plentyn y cyfweliad?", F_CHOICE },
	{ "RI_SUMMARY", "ri_summary", "Summary of the interview",
	  "Crynodeb o" RQ "r cyfweliad", F_TEXT },
	{ "HELD_ON", "held_on", "Date of the meeting", "Dyddiad y cyfarfod",
	  F_DAY },
	{ "AGENCIES", "agencies", "Agencies present",
	  "Asiantaethau a oedd yn bresennol", F_TEXT },
	{ "DECISIONS", "decisions", "Decisions", "Penderfyniadau", F_TEXT },
	{ "SAFETY_PLAN_REVIEW_ON", "safety_plan_review_on",
	  "Date to review the safety plan",
	  "Dyddiad adolygu" RQ "r cynllun diogelwch", F_DAY },
};

static const struct field *field_by_id(const char *id)
{
	for (size_t i = 0; i < ARRAY_SIZE(fields); i++)
		if (!strcmp(fields[i].id, id))
			return &fields[i];
	BUG("no field %s", id);
}

static const struct field *field_by_csv(const char *csv)
{
	for (size_t i = 0; csv && i < ARRAY_SIZE(fields); i++)
		if (!strcmp(fields[i].csv, csv))
			return &fields[i];
	return NULL;
}

static const char *label(const struct request *req, const char *id)
{
	const struct field *f = field_by_id(id);

	return tr(req, f->en, f->cy);
}

/* Where the error summary of a field links: a date's first box. */
static void anchor_of(const struct field *fd, char *out, size_t cap)
{
	if (fd->kind == F_TIME || fd->kind == F_DAY)
		snprintf(out, cap, "%s-day", fd->id);
	else
		snprintf(out, cap, "%s", fd->id);
}

/* "When ..." -> "when ..." for the middle of a sentence. */
static void lower_first(const char *s, char *out, size_t cap)
{
	snprintf(out, cap, "%s", s);
	if (out[0] >= 'A' && out[0] <= 'Z')
		out[0] = (char)(out[0] - 'A' + 'a');
}

/* A problem mfc_episode_check() or mfc_meeting_check() found. */
static void problem_fail(struct request *req, struct web_form *f,
			 const struct mfc_problem *p, const struct err *err)
{
	const struct field *fd = field_by_csv(p->field);
	const char *rule = p->rule ? p->rule : "";
	char msg[WEB_FORM_MSG_MAX], low[160], anchor[WEB_FIELD_ID_MAX];
	const char *name;

	if (!fd) {
		web_form_fail(f, "", err_text(err));
		return;
	}
	name = tr(req, fd->en, fd->cy);
	lower_first(name, low, sizeof(low));
	anchor_of(fd, anchor, sizeof(anchor));
	if (!strcmp(rule, "mfc-required"))
		snprintf(msg, sizeof(msg), WEB_TRF(req, "Enter %s",
						   "Rhowch %s"), low);
	else if (!strcmp(rule, "mfc-future"))
		snprintf(msg, sizeof(msg), WEB_TRF(req,
			 "%s must not be in the future",
			 "Ni all %s fod yn y dyfodol"), name);
	else if (!strcmp(rule, "mfc-not-returned"))
		snprintf(msg, sizeof(msg), "%s", tr(req,
			 "Record when the child came back before the return "
			 "interview",
			 "Cofnodwch pryd y daeth y plentyn yn " "\xc3\xb4" "l "
			 "cyn y cyfweliad dychwelyd"));
	else if (!strcmp(rule, "mfc-declined-held"))
		snprintf(msg, sizeof(msg), "%s", tr(req,
			 "An interview the child declined cannot have been "
			 "held: leave when it was held empty",
			 "Ni all cyfweliad a wrthodwyd fod wedi" RQ "i gynnal: "
			 "gadewch pryd y cafodd ei gynnal yn wag"));
	else if (!strcmp(rule, "mfc-order") &&
		 !strcmp(fd->csv, "LAST_SEEN_AT"))
		snprintf(msg, sizeof(msg), "%s", tr(req,
			 "When the child was last seen must be before they "
			 "were found to be missing",
			 "Rhaid i" RQ "r adeg y gwelwyd y plentyn ddiwethaf "
			 "fod cyn iddo gael ei ganfod ar goll"));
	else if (!strcmp(rule, "mfc-order") &&
		 !strcmp(fd->csv, "RETURNED_AT"))
		snprintf(msg, sizeof(msg), "%s", tr(req,
			 "When the child came back must be after they went "
			 "missing",
			 "Rhaid i" RQ "r adeg y daeth y plentyn yn " "\xc3\xb4"
			 "l fod ar " "\xc3\xb4" "l iddo fynd ar goll"));
	else if (!strcmp(rule, "mfc-order") &&
		 !strcmp(fd->csv, "SAFETY_PLAN_REVIEW_ON"))
		snprintf(msg, sizeof(msg), "%s", tr(req,
			 "The safety plan review must be on or after the "
			 "meeting",
			 "Rhaid i" RQ "r adolygiad o" RQ "r cynllun diogelwch "
			 "fod ar ddiwrnod y cyfarfod neu wedi hynny"));
	else if (!strcmp(rule, "mfc-order"))
		snprintf(msg, sizeof(msg), WEB_TRF(req,
			 "%s must be after the child came back (and an "
			 "interview held after it was offered)",
			 "Rhaid i %s fod ar " "\xc3\xb4" "l i" RQ "r plentyn "
			 "ddod yn " "\xc3\xb4" "l (a chyfweliad ar " "\xc3\xb4"
			 "l ei gynnig)"), name);
	else if (!strcmp(rule, "mfc-text-length"))
		snprintf(msg, sizeof(msg), WEB_TRF(req, "%s is too long",
						   "Mae %s yn rhy hir"), name);
	else if (!strcmp(rule, "mfc-text"))
		snprintf(msg, sizeof(msg), WEB_TRF(req,
			 "%s contains characters that are not allowed",
			 "Mae %s yn cynnwys nodau nad ydynt yn cael eu "
			 "caniat" "\xc3\xa1" "u"), name);
	else
		snprintf(msg, sizeof(msg), WEB_TRF(req, "Select %s",
						   "Dewiswch %s"), low);
	web_form_fail(f, anchor, msg);
}

/* ---- what a page shows -------------------------------------------------- */

struct ep_view {
	struct viewer v;
	struct mfc_episode e;
	struct mfc_chronology chron;
	struct web_councils councils;
	struct web_form f;
	const char *saved;	/* ?saved=: which part was just saved */
};

static const struct web_choice grades[] = {
	{ "none", "No apparent risk" }, { "low", "Low" },
	{ "medium", "Medium" }, { "high", "High" },
};
static const struct web_choice grades_cy[] = {
	{ "none", "Dim risg amlwg" }, { "low", "Isel" },
	{ "medium", "Canolig" }, { "high", "Uchel" },
};

static const struct web_choice *yes_no(const struct request *req)
{
	static const struct web_choice en[] = { { "yes", "Yes" },
						{ "no", "No" } };
	static const struct web_choice cy[] = { { "yes", "Ie" },
						{ "no", "Na" } };

	return req->lang[0] == 'c' ? cy : en;
}

static void kind_text(struct request *req, struct response *res,
		      const char *kind)
{
	res_text(res, kind[0] == 'A' ?
		 tr(req, "Away from placement without permission",
		    "I ffwrdd o" RQ "r lleoliad heb ganiat" "\xc3\xa2" "d") :
		 tr(req, "Missing from care", "Ar goll o ofal"));
}

/* A summary row of text: "not recorded" when empty. */
static void row_text(struct request *req, struct response *res,
		     const char *key, const char *value)
{
	part_summary_key(res, key);
	if (value[0]) {
		res_markup(res, "<span class=\"cartref-pre\">");
		res_text(res, value);
		res_markup(res, "</span>");
	} else {
		part_not_recorded(req, res);
	}
	part_summary_key_end(res);
}

static void row_time(struct request *req, struct response *res,
		     const char *key, int64_t ms)
{
	part_summary_key(res, key);
	part_time(req, res, ms);
	part_summary_key_end(res);
}

static void row_yes_no(struct request *req, struct response *res,
		       const char *key, bool yes)
{
	part_summary_key(res, key);
	part_yes_no(req, res, yes);
	part_summary_key_end(res);
}

/* A field not everyone who sees the episode sees (domain/mfc-rules.h). */
static void row_withheld(struct request *req, struct response *res,
			 const struct ep_view *ev, enum mfc_field f,
			 const char *key, const char *value)
{
	if (mfc_sees(ev->v.access, f)) {
		row_text(req, res, key, value);
		return;
	}
	part_summary_key(res, key);
	part_not_shown(req, res);
	part_summary_key_end(res);
}

static void section_start(struct response *res, const char *id,
			  const char *title)
{
	res_markup(res, "<section class=\"cartref-section\" id=\"");
	res_attr(res, id);
	res_markup(res, "\" aria-labelledby=\"");
	res_attr(res, id);
	res_markup(res, "-title\">\n<h2 class=\"govuk-heading-m\" id=\"");
	res_attr(res, id);
	res_markup(res, "-title\">");
	res_text(res, title);
	res_markup(res, "</h2>\n");
}

static void section_end(struct response *res)
{
	res_markup(res, "</section>\n");
}

static void h3(struct response *res, const char *text)
{
	res_markup(res, "<h3 class=\"govuk-heading-s\">");
	res_text(res, text);
	res_markup(res, "</h3>\n");
}

static void action_of(char *out, size_t cap, int64_t id, const char *what)
{
	snprintf(out, cap, "/missing/%lld/%s", (long long)id, what);
}

/* The home's fields as inputs (the report and the home's section). */
static void home_inputs(struct request *req, struct response *res,
			const struct web_form *f, const char *form,
			const struct mfc_episode *e)
{
	char hint[300];

	web_when_hint(req, true, tr(req, "Leave empty if not known.",
				    "Gadewch yn wag os nad yw" RQ "n hysbys."),
		      hint, sizeof(hint));
	part_when(req, res, f, form, "last_seen_at",
		  label(req, "last_seen_at"), hint, e->last_seen_at, true);
	part_input(req, res, f, form, "last_seen_place",
		   label(req, "last_seen_place"), NULL, e->last_seen_place,
		   NULL);
	part_textarea(req, res, f, form, "circumstances",
		      label(req, "circumstances"),
		      tr(req, "What happened before the child went.",
			 "Beth ddigwyddodd cyn i" RQ "r plentyn fynd."),
		      e->circumstances);
	part_textarea(req, res, f, form, "home_actions",
		      label(req, "home_actions"),
		      tr(req, "Searches, calls, who has been told.",
			 "Chwiliadau, galwadau, pwy sydd wedi cael gwybod."),
		      e->home_actions);
	part_checkbox(req, res, f, form, "exploitation",
		      tr(req, "There is a concern that the child is being "
			 "exploited (sexually or criminally)",
			 "Mae pryder bod rhywun yn camfanteisio ar y plentyn "
			 "(yn rhywiol neu" RQ "n droseddol)"),
		      NULL, e->exploitation);
	part_textarea(req, res, f, form, "associates",
		      label(req, "associates"), NULL, e->associates);
	part_textarea(req, res, f, form, "locations",
		      label(req, "locations"), NULL, e->locations);
	part_textarea(req, res, f, form, "health_needs",
		      label(req, "health_needs"),
		      tr(req, "Medication, conditions, anything the police "
			 "need to know.",
			 "Meddyginiaeth, cyflyrau, unrhyw beth y mae angen "
			 "i" RQ "r heddlu ei wybod."),
		      e->health_needs);
}

static void home_section(struct request *req, struct response *res,
			 const struct ep_view *ev)
{
	const struct mfc_episode *e = &ev->e;
	char action[64];

	section_start(res, "home", tr(req, "The home" RQ "s report",
				      "Adroddiad y cartref"));
	part_summary_start(res);
	part_summary_key(res, tr(req, "Children" RQ "s home",
				 "Cartref plant"));
	if (e->urn[0])
		part_home_link(res, e->urn, e->home_name);
	else
		part_not_recorded(req, res);
	part_summary_key_end(res);
	part_summary_key(res, tr(req, "Missing or away", "Ar goll neu i ffwrdd"));
	kind_text(req, res, e->kind);
	part_summary_key_end(res);
	row_time(req, res, label(req, "started_at"), e->started_at);
	row_time(req, res, tr(req, "Reported", "Adroddwyd"), e->reported_at);
	if (!mfc_may(ev->v.access, MFC_OP_HOME)) {
		row_time(req, res, label(req, "last_seen_at"),
			 e->last_seen_at);
		row_text(req, res, label(req, "last_seen_place"),
			 e->last_seen_place);
		row_text(req, res, label(req, "circumstances"),
			 e->circumstances);
		row_text(req, res, label(req, "home_actions"),
			 e->home_actions);
		row_yes_no(req, res, label(req, "exploitation"),
			   e->exploitation);
		row_text(req, res, label(req, "associates"), e->associates);
		row_text(req, res, label(req, "locations"), e->locations);
		row_text(req, res, label(req, "health_needs"),
			 e->health_needs);
	}
	part_summary_end(res);
	if (mfc_may(ev->v.access, MFC_OP_HOME)) {
		h3(res, tr(req, "Update the home" RQ "s report",
			   "Diweddaru adroddiad y cartref"));
		action_of(action, sizeof(action), e->id, "home");
		part_form_start(req, res, action);
		home_inputs(req, res, &ev->f, "home", e);
		part_button(res, tr(req, "Save the home" RQ "s report",
				    "Cadw adroddiad y cartref"), false);
		part_form_end(res);
	}
	section_end(res);
}

static void police_section(struct request *req, struct response *res,
			   const struct ep_view *ev)
{
	const struct mfc_episode *e = &ev->e;
	const struct web_form *f = &ev->f;
	char action[64];

	section_start(res, "police", tr(req, "Police", "Yr heddlu"));
	if (!mfc_may(ev->v.access, MFC_OP_POLICE)) {
		part_summary_start(res);
		row_text(req, res, label(req, "police_ref"), e->police_ref);
		part_summary_key(res, label(req, "risk_grade"));
		res_text(res, web_grade_label(req, e->grade));
		part_summary_key_end(res);
		row_time(req, res, tr(req, "Graded", "Graddiwyd"),
			 e->graded_at);
		row_yes_no(req, res, tr(req, "Arrested during or after the "
					"episode",
					"Arestiwyd yn ystod y cyfnod neu ar "
					"ei " "\xc3\xb4" "l"),
			   e->arrested);
		row_yes_no(req, res, tr(req, "Charged during or after the "
					"episode",
					"Cyhuddwyd yn ystod y cyfnod neu ar "
					"ei " "\xc3\xb4" "l"),
			   e->charged);
		part_summary_end(res);
		section_end(res);
		return;
	}
	action_of(action, sizeof(action), e->id, "police");
	part_form_start(req, res, action);
	part_input(req, res, f, "police", "police_ref",
		   label(req, "police_ref"), NULL, e->police_ref,
		   "govuk-input--width-20");
	part_radios(req, res, f, "police", "risk_grade",
		    label(req, "risk_grade"), NULL,
		    req->lang[0] == 'c' ? grades_cy : grades,
		    ARRAY_SIZE(grades), mfc_grade_name(e->grade), false);
	part_checkbox(req, res, f, "police", "arrested",
		      tr(req, "The child was arrested during or after the "
			 "episode",
			 "Cafodd y plentyn ei arestio yn ystod y cyfnod neu ar "
			 "ei " "\xc3\xb4" "l"),
		      NULL, e->arrested);
	part_checkbox(req, res, f, "police", "charged",
		      tr(req, "The child was charged during or after the "
			 "episode",
			 "Cafodd y plentyn ei gyhuddo yn ystod y cyfnod neu ar "
			 "ei " "\xc3\xb4" "l"),
		      NULL, e->charged);
	part_button(res, tr(req, "Save the police record",
			    "Cadw cofnod yr heddlu"), false);
	part_form_end(res);
	section_end(res);
}

static void return_section(struct request *req, struct response *res,
			   const struct ep_view *ev)
{
	const struct mfc_episode *e = &ev->e;
	bool may = mfc_may(ev->v.access, MFC_OP_RETURN);
	char action[64], hint[300];

	section_start(res, "return", tr(req, "Found or came back",
					"Wedi" RQ "i ganfod neu wedi dod yn "
					"\xc3\xb4" "l"));
	if (!may || e->returned_at) {
		part_summary_start(res);
		part_summary_key(res, label(req, "returned_at"));
		if (e->returned_at)
			part_time(req, res, e->returned_at);
		else
			part_tag(res, "red", tr(req, "Not yet", "Ddim eto"));
		part_summary_key_end(res);
		row_text(req, res, label(req, "returned_place"),
			 e->returned_place);
		part_summary_end(res);
	}
	if (may) {
		if (e->returned_at)
			h3(res, tr(req, "Correct the return",
				   "Cywiro" RQ "r dychwelyd"));
		action_of(action, sizeof(action), e->id, "return");
		part_form_start(req, res, action);
		web_when_hint(req, true, NULL, hint, sizeof(hint));
		part_when(req, res, &ev->f, "return", "returned_at",
			  label(req, "returned_at"), hint, e->returned_at,
			  true);
		part_input(req, res, &ev->f, "return", "returned_place",
			   label(req, "returned_place"), NULL,
			   e->returned_place, NULL);
		part_button(res, tr(req, "Record the return",
				    "Cofnodi" RQ "r dychwelyd"), false);
		part_form_end(res);
	}
	section_end(res);
}

static void interview_section(struct request *req, struct response *res,
			      const struct ep_view *ev)
{
	static const struct web_choice outcome_en[] = {
		{ "accepted", "Accepted" }, { "declined", "Declined" },
	};
	static const struct web_choice outcome_cy[] = {
		{ "accepted", "Derbyniodd" }, { "declined", "Gwrthododd" },
	};
	const struct mfc_episode *e = &ev->e;
	const struct web_form *f = &ev->f;
	char action[64];

	section_start(res, "interview", tr(req, "Return interview",
					   "Cyfweliad dychwelyd"));
	if (!mfc_may(ev->v.access, MFC_OP_INTERVIEW)) {
		part_summary_start(res);
		row_time(req, res, label(req, "ri_offered_at"),
			 e->ri_offered_at);
		row_time(req, res, label(req, "ri_held_at"), e->ri_held_at);
		row_withheld(req, res, ev, MFC_FIELD_RI_BY,
			     label(req, "ri_by"), e->ri_by);
		part_summary_key(res, tr(req, "Independent", "Annibynnol"));
		if (e->ri_independent < 0)
			part_not_recorded(req, res);
		else
			part_yes_no(req, res, e->ri_independent > 0);
		part_summary_key_end(res);
		part_summary_key(res, tr(req, "Accepted or declined",
					 "Derbyniwyd neu wrthodwyd"));
		if (e->ri_outcome == MFC_OUTCOME_ACCEPTED)
			res_text(res, tr(req, "Accepted", "Derbyniodd"));
		else if (e->ri_outcome == MFC_OUTCOME_DECLINED)
			res_text(res, tr(req, "Declined", "Gwrthododd"));
		else
			part_not_recorded(req, res);
		part_summary_key_end(res);
		row_withheld(req, res, ev, MFC_FIELD_RI_SUMMARY,
			     label(req, "ri_summary"), e->ri_summary);
		part_summary_end(res);
		section_end(res);
		return;
	}
	if (!e->returned_at) {
		part_para(res, tr(req, "The return interview can be recorded "
				  "once the child has come back.",
				  "Gellir cofnodi" RQ "r cyfweliad dychwelyd "
				  "unwaith y bydd y plentyn wedi dod yn "
				  "\xc3\xb4" "l."));
		section_end(res);
		return;
	}
	action_of(action, sizeof(action), e->id, "interview");
	part_form_start(req, res, action);
	part_when(req, res, f, "interview", "ri_offered_at",
		  label(req, "ri_offered_at"),
		  tr(req, "Use the 24-hour clock, UTC.",
		     "Defnyddiwch y cloc 24 awr, UTC."),
		  e->ri_offered_at, true);
	part_when(req, res, f, "interview", "ri_held_at",
		  label(req, "ri_held_at"),
		  tr(req, "Within 72 hours of the child coming back. Leave "
		     "empty if it has not been held.",
		     "O fewn 72 awr i" RQ "r plentyn ddod yn " "\xc3\xb4" "l. "
		     "Gadewch yn wag os nad yw wedi" RQ "i gynnal."),
		  e->ri_held_at, true);
	part_input(req, res, f, "interview", "ri_by", label(req, "ri_by"),
		   NULL, e->ri_by, NULL);
	part_radios(req, res, f, "interview", "ri_independent",
		    label(req, "ri_independent"), NULL, yes_no(req), 2,
		    e->ri_independent < 0 ? "" :
		    e->ri_independent ? "yes" : "no", true);
	part_radios(req, res, f, "interview", "ri_outcome",
		    label(req, "ri_outcome"), NULL,
		    req->lang[0] == 'c' ? outcome_cy : outcome_en, 2,
		    mfc_outcome_name(e->ri_outcome), true);
	part_textarea(req, res, f, "interview", "ri_summary",
		      label(req, "ri_summary"), NULL, e->ri_summary);
	part_button(res, tr(req, "Save the return interview",
			    "Cadw" RQ "r cyfweliad dychwelyd"), false);
	part_form_end(res);
	section_end(res);
}

static void meeting_rows(struct request *req, struct response *res,
			 const struct mfc_chronology *c)
{
	if (!c->nmeetings) {
		part_para(res, tr(req, "No strategy meeting has been recorded "
				  "for this child.",
				  "Nid oes cyfarfod strategaeth wedi" RQ "i "
				  "gofnodi ar gyfer y plentyn hwn."));
		return;
	}
	part_table_scroll_start(req, res, tr(req, "Strategy meetings", "Cyfarfodydd strategaeth"));
	res_markup(res, "<table class=\"govuk-table\">\n<caption "
		   "class=\"govuk-table__caption govuk-table__caption--s\">");
	res_text(res, tr(req, "Strategy meetings about this child",
			 "Cyfarfodydd strategaeth am y plentyn hwn"));
	res_markup(res, "</caption>\n<thead class=\"govuk-table__head\">\n"
		   "<tr class=\"govuk-table__row\">\n");
	part_th(res, tr(req, "Held", "Cynhaliwyd"), false);
	part_th(res, label(req, "agencies"), false);
	part_th(res, label(req, "decisions"), false);
	part_th(res, tr(req, "Safety plan review", "Adolygu" RQ "r cynllun "
			"diogelwch"), false);
	res_markup(res, "</tr>\n</thead>\n<tbody class=\"govuk-table__body\">\n");
	for (size_t i = 0; i < c->nmeetings; i++) {
		const struct mfc_meeting *m = &c->meetings[i];

		res_markup(res, "<tr class=\"govuk-table__row\">\n"
			   "<th scope=\"row\" class=\"govuk-table__header\">");
		part_date(req, res, m->held_on);
		res_markup(res, "</th>\n<td class=\"govuk-table__cell "
			   "cartref-pre\">");
		res_text(res, m->agencies);
		res_markup(res, "</td>\n<td class=\"govuk-table__cell "
			   "cartref-pre\">");
		res_text(res, m->decisions);
		res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
		part_date(req, res, m->safety_plan_review_on);
		res_markup(res, "</td>\n</tr>\n");
	}
	res_markup(res, "</tbody>\n</table>\n");
	part_table_scroll_end(res);
}

static void meeting_section(struct request *req, struct response *res,
			    const struct ep_view *ev)
{
	const struct web_form *f = &ev->f;
	char action[64], hint[300];

	section_start(res, "meetings", tr(req, "Strategy meetings",
					  "Cyfarfodydd strategaeth"));
	meeting_rows(req, res, &ev->chron);
	if (mfc_may(ev->v.access, MFC_OP_MEETING)) {
		h3(res, tr(req, "Add a strategy meeting",
			   "Ychwanegu cyfarfod strategaeth"));
		action_of(action, sizeof(action), ev->e.id, "meeting");
		part_form_start(req, res, action);
		web_when_hint(req, false, NULL, hint, sizeof(hint));
		part_when(req, res, f, "meeting", "held_on",
			  label(req, "held_on"), hint, 0, false);
		part_textarea(req, res, f, "meeting", "agencies",
			      label(req, "agencies"),
			      tr(req, "For example, council, police, home, "
				 "school, health.",
				 "Er enghraifft, cyngor, heddlu, cartref, "
				 "ysgol, iechyd."), "");
		part_textarea(req, res, f, "meeting", "decisions",
			      label(req, "decisions"), NULL, "");
		part_when(req, res, f, "meeting", "safety_plan_review_on",
			  label(req, "safety_plan_review_on"),
			  tr(req, "Leave empty if none was set.",
			     "Gadewch yn wag os na osodwyd un."), 0, false);
		part_button(res, tr(req, "Add the meeting",
				    "Ychwanegu" RQ "r cyfarfod"), false);
		part_form_end(res);
	}
	section_end(res);
}

static const char *saved_text(const struct request *req, const char *what)
{
	if (!strcmp(what, "report"))
		return tr(req, "Reported. The council and the police can see "
			  "it now.",
			  "Adroddwyd. Gall y cyngor a" RQ "r heddlu ei weld "
			  "nawr.");
	if (!strcmp(what, "meeting"))
		return tr(req, "Saved: the strategy meeting was added.",
			  "Wedi" RQ "i gadw: ychwanegwyd y cyfarfod "
			  "strategaeth.");
	return tr(req, "Saved", "Wedi" RQ "i gadw");
}

/*
 * How long: "Missing for 9 hours, since 5 December 2026 at 21:15, from
 * Maes Awel (Swansea)", or for how long the child was away once back.
 */
static void how_long(struct request *req, struct response *res,
		     const struct ep_view *ev)
{
	const struct mfc_episode *e = &ev->e;
	bool cy = req->lang[0] == 'c', away = e->kind[0] == 'A';
	char len[UK_TEXT_MAX], since[UK_TEXT_MAX], s[400];

	uk_time_text(e->started_at, cy, since, sizeof(since));
	if (e->returned_at) {
		uk_duration_text(e->returned_at - e->started_at, cy, len,
				 sizeof(len));
		snprintf(s, sizeof(s), away ?
			 WEB_TRF(req, "Away for %s, from %s.",
				 "I ffwrdd am %s, o %s.") :
			 WEB_TRF(req, "Missing for %s, from %s.",
				 "Ar goll am %s, o %s."), len, since);
	} else {
		uk_duration_text(ev->v.now_ms - e->started_at, cy, len,
				 sizeof(len));
		snprintf(s, sizeof(s), away ?
			 WEB_TRF(req, "Away for %s now, since %s.",
				 "I ffwrdd ers %s nawr, ers %s.") :
			 WEB_TRF(req, "Missing for %s now, since %s.",
				 "Ar goll ers %s nawr, ers %s."), len, since);
	}
	res_markup(res, "<p class=\"govuk-body-l\" data-cartref=\"how-long\">");
	res_text(res, s);
	if (e->home_name[0]) {
		res_text(res, " ");
		res_text(res, tr(req, "From ", "O "));
		part_home_link(res, e->urn, e->home_name);
		res_text(res, ".");
	}
	res_markup(res, "</p>\n");
}

static void episode_body(struct request *req, struct response *res,
			 void *ctx)
{
	struct ep_view *ev = ctx;
	const struct mfc_episode *e = &ev->e;

	res_markup(res, "<div class=\"govuk-grid-row\">\n"
		   "<div class=\"govuk-grid-column-two-thirds\">\n");
	if (ev->f.n)
		part_error_summary(req, res, &ev->f);
	else if (ev->saved)
		part_banner(req, res, saved_text(req, ev->saved));
	res_markup(res, "<span class=\"govuk-caption-l\">");
	res_text(res, tr(req, "Child ", "Plentyn "));
	res_text(res, e->ref);
	res_text(res, ", ");
	res_text(res, web_council_name(req, &ev->councils, e->la));
	res_markup(res, "</span>\n<h1 class=\"govuk-heading-l\">");
	kind_text(req, res, e->kind);
	res_markup(res, "</h1>\n<p class=\"govuk-body\">");
	if (e->returned_at)
		part_tag(res, "green", tr(req, "Came back", "Wedi dod yn "
					  "\xc3\xb4" "l"));
	else if (e->kind[0] == 'A')
		part_tag(res, "yellow", tr(req, "Away now", "I ffwrdd nawr"));
	else
		part_tag(res, "red", tr(req, "Missing now", "Ar goll nawr"));
	if (e->exploitation) {
		res_text(res, " ");
		part_tag(res, "orange", tr(req, "Exploitation concern",
					   "Pryder am gamfanteisio"));
	}
	if (e->grade != MFC_GRADE_UNSET) {
		res_text(res, " ");
		part_tag(res, e->grade == MFC_GRADE_HIGH ? "red" : "blue",
			 web_grade_label(req, e->grade));
	}
	res_markup(res, "</p>\n");
	how_long(req, res, ev);
	res_markup(res, "<ul class=\"govuk-list\">\n<li>");
	part_child_link(res, e->la, e->ref);
	res_text(res, tr(req, ": the child" RQ "s record",
			 ": cofnod y plentyn"));
	res_markup(res, "</li>\n<li><a class=\"govuk-link\" href=\"");
	part_child_path(res, e->la, e->ref);
	res_markup(res, "/grab-pack\">");
	res_text(res, tr(req, "The grab pack", "Y pecyn cydio"));
	res_markup(res, "</a></li>\n");
	/* the home's manager tells the inspectorate (reg 60), its form
	 * filled in from the episode (page-quality.c) */
	if (ev->v.access == VIEWER_PROVIDER && e->urn[0]) {
		res_markup(res, "<li><a class=\"govuk-link\" href=\"/homes/");
		res_url_arg(res, e->urn);
		res_markup(res, "/notifications/new?episode=");
		res_int(res, e->id);
		res_markup(res, "\">");
		res_text(res, tr(req, "File the reg 60 notification",
				 "Cyflwyno" RQ "r hysbysiad rheoliad 60"));
		res_markup(res, "</a></li>\n");
	}
	res_markup(res, "</ul>\n<div class=\"govuk-inset-text\">");
	res_text(res, tr(req, "Each agency records its own part. Your viewing "
			 "and every change are recorded in the audit trail. "
			 "Times are UK time.",
			 "Mae pob asiantaeth yn cofnodi ei rhan ei hun. Mae "
			 "eich edrych a phob newid yn cael eu cofnodi yn y "
			 "trywydd archwilio. Mae" RQ "r amseroedd yn amser y "
			 "DU."));
	res_markup(res, "</div>\n");
	home_section(req, res, ev);
	police_section(req, res, ev);
	return_section(req, res, ev);
	interview_section(req, res, ev);
	meeting_section(req, res, ev);
	res_markup(res, "</div>\n</div>\n");
}

static void episode_title(struct request *req, const struct ep_view *ev,
			  char *out, size_t cap)
{
	snprintf(out, cap, "%s%s: %s, %s",
		 ev->f.n ? tr(req, "Error: ", "Gwall: ") : "",
		 ev->e.kind[0] == 'A' ? tr(req, "Away", "I ffwrdd") :
					tr(req, "Missing", "Ar goll"),
		 ev->e.ref, web_council_name(req, &ev->councils, ev->e.la));
}

/* The rest of the page once the episode is read: meetings, names. */
static int load_rest(struct store *s, struct ep_view *ev, struct err *err)
{
	int rc = store_mfc_child(s, &ev->v, ev->e.la, ev->e.ref, &ev->chron,
				 err);

	if (rc == ERR_NOT_FOUND)	/* seen the episode: meetings only */
		rc = 0;
	return rc ? rc : web_councils_load(s, &ev->councils, err);
}

/* 404 for out of scope, unknown and no access; 403 ERR_DENIED on a
 * write; else 500 with the cause in the log. */
static void fail(struct request *req, struct response *res, int rc,
		 const char *what, const struct err *err, bool write)
{
	if (rc == ERR_NOT_FOUND || (rc == ERR_DENIED && !write))
		res_error(req, res, 404);
	else if (rc == ERR_DENIED)
		res_error(req, res, 403);
	else {
		web_log_err(what, err);
		res_error(req, res, 500);
	}
}

void page_missing(struct request *req, struct response *res)
{
	struct ep_view *ev;
	struct err err = ERR_INIT;
	struct store *s;
	int64_t id;
	char title[96];
	int rc;

	if (req_param_int(req, res, "id", 1, INT64_MAX, &id))
		return;
	ev = xcalloc(1, sizeof(*ev));
	s = web_store(req, &err);
	rc = s ? web_viewer(req, s, &ev->v, &err) : ERR_STORE;
	if (!rc)
		rc = store_mfc_get(s, &ev->v, id, &ev->e, &err);
	if (!rc)
		rc = load_rest(s, ev, &err);
	if (rc) {
		fail(req, res, rc, "a missing episode", &err, false);
	} else {
		const char *saved = req_param_get(req, "saved");

		if (saved && (!strcmp(saved, "report") ||
			      !strcmp(saved, "home") ||
			      !strcmp(saved, "police") ||
			      !strcmp(saved, "return") ||
			      !strcmp(saved, "interview") ||
			      !strcmp(saved, "meeting")))
			ev->saved = saved;
		episode_title(req, ev, title, sizeof(title));
		res_html_page(req, res, title, episode_body, ev);
	}
	mfc_chronology_release(&ev->chron);
	free(ev);
}

/* ---- changing an episode ------------------------------------------------- */

enum op { OP_HOME, OP_POLICE, OP_RETURN, OP_INTERVIEW, OP_MEETING };

static const char *const op_names[] = {
	[OP_HOME] = "home", [OP_POLICE] = "police", [OP_RETURN] = "return",
	[OP_INTERVIEW] = "interview", [OP_MEETING] = "meeting",
};

static void text_in(struct request *req, struct web_form *f, const char *id,
		    char *dst, size_t cap)
{
	web_form_text(req, f, id, label(req, id), dst, cap);
}

static void when_in(struct request *req, struct web_form *f, const char *id,
		    int64_t *ms)
{
	web_form_when(req, f, id, label(req, id), true, ms);
}

/* The home's fields from the form (the report and the home's section). */
static void home_fields(struct request *req, struct web_form *f,
			struct mfc_episode *e)
{
	when_in(req, f, "last_seen_at", &e->last_seen_at);
	text_in(req, f, "last_seen_place", e->last_seen_place,
		sizeof(e->last_seen_place));
	text_in(req, f, "circumstances", e->circumstances,
		sizeof(e->circumstances));
	text_in(req, f, "home_actions", e->home_actions,
		sizeof(e->home_actions));
	e->exploitation = web_form_yes(req, "exploitation") == 1;
	text_in(req, f, "associates", e->associates, sizeof(e->associates));
	text_in(req, f, "locations", e->locations, sizeof(e->locations));
	text_in(req, f, "health_needs", e->health_needs,
		sizeof(e->health_needs));
}

static void police_fields(struct request *req, struct web_form *f,
			  struct mfc_episode *e)
{
	const char *g = req_form_get(req, "risk_grade");

	text_in(req, f, "police_ref", e->police_ref, sizeof(e->police_ref));
	if (!g || !*g || mfc_grade_parse(g, &e->grade) ||
	    e->grade == MFC_GRADE_UNSET)
		web_form_fail(f, "risk_grade", tr(req, "Select the risk grade",
						  "Dewiswch y radd risg"));
	e->arrested = web_form_yes(req, "arrested") == 1;
	e->charged = web_form_yes(req, "charged") == 1;
}

static void return_fields(struct request *req, struct web_form *f,
			  struct mfc_episode *e)
{
	size_t before = f->n;

	when_in(req, f, "returned_at", &e->returned_at);
	if (f->n == before && !e->returned_at)
		web_form_fail(f, "returned_at-day", tr(req,
			      "Enter when the child was found or came back",
			      "Rhowch pryd y daethpwyd o hyd i" RQ "r plentyn "
			      "neu y daeth yn " "\xc3\xb4" "l"));
	text_in(req, f, "returned_place", e->returned_place,
		sizeof(e->returned_place));
}

static void interview_fields(struct request *req, struct web_form *f,
			     struct mfc_episode *e)
{
	const char *o = req_form_get(req, "ri_outcome");

	when_in(req, f, "ri_offered_at", &e->ri_offered_at);
	when_in(req, f, "ri_held_at", &e->ri_held_at);
	text_in(req, f, "ri_by", e->ri_by, sizeof(e->ri_by));
	e->ri_independent = web_form_yes(req, "ri_independent");
	e->ri_outcome = MFC_OUTCOME_UNSET;
	if (o && *o && mfc_outcome_parse(o, &e->ri_outcome))
		web_form_fail(f, "ri_outcome", tr(req,
			      "Select accepted or declined",
			      "Dewiswch derbyniodd neu wrthododd"));
	text_in(req, f, "ri_summary", e->ri_summary, sizeof(e->ri_summary));
}

static void meeting_fields(struct request *req, struct web_form *f,
			   struct mfc_meeting *m)
{
	int64_t ms = 0;
	size_t before = f->n;

	web_form_when(req, f, "held_on", label(req, "held_on"), false, &ms);
	if (f->n == before && !ms)
		web_form_fail(f, "held_on-day", tr(req,
			      "Enter the date of the meeting",
			      "Rhowch ddyddiad y cyfarfod"));
	m->held_on = ms ? (int32_t)(ms / 86400000) : DATE_NONE;
	ms = 0;
	web_form_when(req, f, "safety_plan_review_on",
		      label(req, "safety_plan_review_on"), false, &ms);
	m->safety_plan_review_on = ms ? (int32_t)(ms / 86400000) : DATE_NONE;
	text_in(req, f, "agencies", m->agencies, sizeof(m->agencies));
	text_in(req, f, "decisions", m->decisions, sizeof(m->decisions));
}

/* Write the change (e: the episode as changed): 0, or the store's error. */
/* *visible: may the writer still see the episode after the change? */
static int write_op(struct store *s, struct ep_view *ev, enum op op,
		    const struct mfc_episode *e, struct mfc_meeting *m,
		    bool *visible, struct err *err)
{
	struct mfc_written *w = xmalloc(sizeof(*w));
	int rc = ERR_INVALID;

	w->visible = true;
	switch (op) {
	case OP_HOME:
		rc = store_mfc_update_home(s, &ev->v, e, w, err);
		break;
	case OP_POLICE:
		rc = store_mfc_police(s, &ev->v, e, w, err);
		break;
	case OP_RETURN:
		rc = store_mfc_return(s, &ev->v, e, w, err);
		break;
	case OP_INTERVIEW:
		rc = store_mfc_interview(s, &ev->v, e, w, err);
		break;
	case OP_MEETING:
		/* the child's council, whose children stay in its scope */
		rc = store_mfc_meeting_add(s, &ev->v, m, err);
		break;
	}
	*visible = w->visible;
	free(w);
	return rc;
}

/* Evaluate the child's alerts after a change: a failure is logged, the
 * change stands (the scheduled run catches up). */
static void after_change(struct store *s, int64_t child_id, int64_t now)
{
	struct err err = ERR_INIT;

	if (child_id && alerts_evaluate_child(s, child_id, now, &err))
		web_log_err("evaluating a child's alerts", &err);
}

/* The step each form records (domain/mfc-rules.h: who may). */
static const enum mfc_op op_step[] = {
	[OP_HOME] = MFC_OP_HOME, [OP_POLICE] = MFC_OP_POLICE,
	[OP_RETURN] = MFC_OP_RETURN, [OP_INTERVIEW] = MFC_OP_INTERVIEW,
	[OP_MEETING] = MFC_OP_MEETING,
};

static void episode_post(struct request *req, struct response *res,
			 enum op op)
{
	struct ep_view *ev;
	struct mfc_episode *e = NULL;	/* the changed copy; ev->e is shown */
	struct mfc_meeting m;
	struct mfc_problem p = { NULL, NULL };
	struct err err = ERR_INIT;
	struct audit_writer *w = NULL;
	struct store *s;
	char title[96], to[96];
	bool visible = true;
	int64_t id;
	int rc;

	if (req_param_int(req, res, "id", 1, INT64_MAX, &id))
		return;
	ev = xcalloc(1, sizeof(*ev));
	s = web_store(req, &err);
	if (s)
		w = web_write_begin(s);
	rc = s ? web_viewer(req, s, &ev->v, &err) : ERR_STORE;
	if (!rc)
		rc = store_mfc_get(s, &ev->v, id, &ev->e, &err);
	if (!rc && !mfc_may(ev->v.access, op_step[op]))
		rc = ERR_DENIED;
	if (rc == ERR_NOT_FOUND || rc == ERR_DENIED) {
		/* refused: the store audits it as a refused change of this
		 * episode, and writes nothing */
		err_clear(&err);
		/* (a meeting is no change of the episode: op 0) */
		rc = store_mfc_change_refused(s, &ev->v, op == OP_MEETING ?
					      0 : op_step[op], id, &err);
		if (!rc)	/* cannot happen: it always refuses */
			rc = ERR_DENIED;
	}
	if (rc) {
		fail(req, res, rc, "a missing episode", &err, true);
		goto out;
	}
	ev->f.form = op_names[op];
	e = xmalloc(sizeof(*e));
	*e = ev->e;
	mfc_meeting_init(&m);
	switch (op) {
	case OP_HOME:
		home_fields(req, &ev->f, e);
		break;
	case OP_POLICE:
		police_fields(req, &ev->f, e);
		break;
	case OP_RETURN:
		return_fields(req, &ev->f, e);
		break;
	case OP_INTERVIEW:
		interview_fields(req, &ev->f, e);
		break;
	case OP_MEETING:
		memcpy(m.la, ev->e.la, sizeof(m.la));
		memcpy(m.ref, ev->e.ref, sizeof(m.ref));
		m.episode_id = ev->e.id;
		meeting_fields(req, &ev->f, &m);
		break;
	}
	if (!ev->f.n) {
		rc = op == OP_MEETING ?
			mfc_meeting_check(&m, ev->v.now_ms, &p, &err) :
			mfc_episode_check(e, ev->v.now_ms, &p, &err);
		if (rc)
			problem_fail(req, &ev->f, &p, &err);
	}
	if (!ev->f.n) {
		rc = write_op(s, ev, op, e, &m, &visible, &err);
		if (rc == ERR_INVALID) {
			web_form_fail(&ev->f, "", err_text(&err));
		} else if (rc) {
			fail(req, res, rc, "recording a missing episode", &err,
			     true);
			goto out;
		}
	}
	if (!ev->f.n) {
		after_change(s, op == OP_MEETING ? m.child_id :
				ev->e.child_id, ev->v.now_ms);
		/* to the top of the page, where the banner is; or, when the
		 * change took the episode out of the writer's view (a return
		 * recorded as older than the police's window), to their home
		 * page, saying so: never a 404 for a change that committed */
		if (visible)
			snprintf(to, sizeof(to), "/missing/%lld?saved=%s",
				 (long long)id, op_names[op]);
		else
			snprintf(to, sizeof(to), "/home?saved=missing");
		res_redirect(res, to);
		goto out;
	}
	/* show it again, with what was typed */
	rc = load_rest(s, ev, &err);
	if (rc) {
		fail(req, res, rc, "a missing episode", &err, true);
		goto out;
	}
	episode_title(req, ev, title, sizeof(title));
	res_html_page(req, res, title, episode_body, ev);
	res->status = 400;
out:
	if (s)
		web_write_end(s, w);
	mfc_chronology_release(&ev->chron);
	free(e);
	free(ev);
}

void page_missing_home(struct request *req, struct response *res)
{
	episode_post(req, res, OP_HOME);
}

void page_missing_police(struct request *req, struct response *res)
{
	episode_post(req, res, OP_POLICE);
}

void page_missing_return(struct request *req, struct response *res)
{
	episode_post(req, res, OP_RETURN);
}

void page_missing_interview(struct request *req, struct response *res)
{
	episode_post(req, res, OP_INTERVIEW);
}

void page_missing_meeting(struct request *req, struct response *res)
{
	episode_post(req, res, OP_MEETING);
}

/* ---- reporting a child missing -------------------------------------------- */

struct new_view {
	struct viewer v;
	struct child_record rec;
	struct web_councils councils;
	struct mfc_episode e;
	struct web_form f;
};

static void new_body(struct request *req, struct response *res, void *ctx)
{
	static const struct web_choice kinds_en[] = {
		{ "M", "Missing: nobody knows where the child is" },
		{ "A", "Away: we know where the child is, but they are away "
		       "from the home without permission" },
	};
	static const struct web_choice kinds_cy[] = {
		{ "M", "Ar goll: does neb yn gwybod ble mae" RQ "r plentyn" },
		{ "A", "I ffwrdd: rydym yn gwybod ble mae" RQ "r plentyn, ond "
		       "mae i ffwrdd o" RQ "r cartref heb ganiat" "\xc3\xa2"
		       "d" },
	};
	struct new_view *nv = ctx;
	const struct child_summary *c = &nv->rec.child;
	char action[128], hint[300];

	res_markup(res, "<div class=\"govuk-grid-row\">\n"
		   "<div class=\"govuk-grid-column-two-thirds\">\n");
	part_error_summary(req, res, &nv->f);
	res_markup(res, "<span class=\"govuk-caption-l\">");
	res_text(res, tr(req, "Child ", "Plentyn "));
	res_text(res, c->ref);
	res_text(res, ", ");
	res_text(res, web_council_name(req, &nv->councils, c->la));
	res_markup(res, "</span>\n<h1 class=\"govuk-heading-l\">");
	res_text(res, tr(req, "Report a child missing or away",
			 "Adrodd bod plentyn ar goll neu i ffwrdd"));
	res_markup(res, "</h1>\n<div class=\"govuk-inset-text\">");
	res_text(res, tr(req, "If the child is in danger now, call 999 first. "
			 "The child" RQ "s council and the police for the "
			 "home" RQ "s area see this report as soon as you "
			 "send it.",
			 "Os yw" RQ "r plentyn mewn perygl nawr, ffoniwch 999 "
			 "yn gyntaf. Mae cyngor y plentyn a" RQ "r heddlu ar "
			 "gyfer ardal y cartref yn gweld yr adroddiad hwn cyn "
			 "gynted ag y byddwch yn ei anfon."));
	res_markup(res, "</div>\n");
	snprintf(action, sizeof(action), "/children/%s/%s/missing/new", c->la,
		 c->ref);
	part_form_start(req, res, action);
	part_radios(req, res, &nv->f, "report", "kind", label(req, "kind"),
		    NULL, req->lang[0] == 'c' ? kinds_cy : kinds_en, 2, "",
		    false);
	web_when_hint(req, true, NULL, hint, sizeof(hint));
	part_when(req, res, &nv->f, "report", "started_at",
		  label(req, "started_at"), hint, 0, true);
	home_inputs(req, res, &nv->f, "report", &nv->e);
	part_button(res, tr(req, "Send the report", "Anfon yr adroddiad"),
		    false);
	part_form_end(res);
	res_markup(res, "<p class=\"govuk-body\">");
	part_child_link(res, c->la, c->ref);
	res_text(res, tr(req, ": back to the child" RQ "s record",
			 ": yn " "\xc3\xb4" "l i gofnod y plentyn"));
	res_markup(res, "</p>\n</div>\n</div>\n");
}

/* The child, for a home manager whose home it is placed in: else 404. */
static int new_load(struct request *req, struct store *s,
		    struct new_view *nv, struct err *err)
{
	const char *la, *ref;
	int rc;

	la = req_param_get(req, "council");
	ref = req_param_get(req, "ref");
	if (!la || !ref || strlen(la) > WEB_FILTER_MAX ||
	    strlen(ref) > WEB_FILTER_MAX)
		return err_set(err, ERR_NOT_FOUND, "no such child");
	rc = web_viewer(req, s, &nv->v, err);
	if (!rc)
		rc = store_child_record(s, &nv->v, la, ref, &nv->rec, err);
	if (!rc && !web_placed_with_viewer(&nv->v, &nv->rec.child)) {
		/* a child it may see but may not report: refused, audited */
		char subject[AUDIT_SUBJECT_MAX + 1];

		snprintf(subject, sizeof(subject), "%s/%s", la, ref);
		rc = nv->v.audit(s, &nv->v, "view-denied", "child", subject,
				 "not placed with the viewer", err);
		if (!rc)
			rc = err_set(err, ERR_NOT_FOUND, "not placed with "
				     "the viewer");
	}
	if (!rc)
		rc = web_councils_load(s, &nv->councils, err);
	return rc;
}

static void new_title(struct request *req, const struct new_view *nv,
		      char *out, size_t cap)
{
	snprintf(out, cap, "%s%s %s", nv->f.n ? tr(req, "Error: ",
						   "Gwall: ") : "",
		 tr(req, "Report missing:", "Adrodd ar goll:"),
		 nv->rec.child.ref);
}

void page_missing_new(struct request *req, struct response *res)
{
	struct new_view *nv = xcalloc(1, sizeof(*nv));
	struct err err = ERR_INIT;
	struct store *s = web_store(req, &err);
	char title[96];
	int rc;

	mfc_episode_init(&nv->e);
	rc = s ? new_load(req, s, nv, &err) : ERR_STORE;
	if (rc) {
		fail(req, res, rc, "the missing report form", &err, false);
	} else {
		new_title(req, nv, title, sizeof(title));
		res_html_page(req, res, title, new_body, nv);
	}
	child_record_release(&nv->rec);
	free(nv);
}

void page_missing_new_post(struct request *req, struct response *res)
{
	struct new_view *nv = xcalloc(1, sizeof(*nv));
	struct mfc_problem p = { NULL, NULL };
	struct err err = ERR_INIT;
	struct store *s = web_store(req, &err);
	struct audit_writer *w = s ? web_write_begin(s) : NULL;
	const char *kind = req_form_get(req, "kind");
	char title[96], to[64];
	size_t before;
	int rc;

	mfc_episode_init(&nv->e);
	rc = s ? new_load(req, s, nv, &err) : ERR_STORE;
	if (rc) {
		fail(req, res, rc, "reporting a child missing", &err, false);
		goto out;
	}
	nv->f.form = "report";
	memcpy(nv->e.la, nv->rec.child.la, sizeof(nv->e.la));
	memcpy(nv->e.ref, nv->rec.child.ref, sizeof(nv->e.ref));
	if (!kind || mfc_kind_parse(kind, nv->e.kind))
		web_form_fail(&nv->f, "kind", tr(req,
			      "Select whether the child is missing or away",
			      "Dewiswch a yw" RQ "r plentyn ar goll neu i "
			      "ffwrdd"));
	before = nv->f.n;
	when_in(req, &nv->f, "started_at", &nv->e.started_at);
	if (nv->f.n == before && !nv->e.started_at)
		web_form_fail(&nv->f, "started_at-day", tr(req,
			      "Enter when the child was found to be missing",
			      "Rhowch pryd y canfuwyd bod y plentyn ar goll"));
	home_fields(req, &nv->f, &nv->e);
	if (!nv->f.n && mfc_episode_check(&nv->e, nv->v.now_ms, &p, &err))
		problem_fail(req, &nv->f, &p, &err);
	if (!nv->f.n) {
		rc = store_mfc_report(s, &nv->v, &nv->e, &err);
		if (rc == ERR_EXISTS) {
			web_form_fail(&nv->f, "", tr(req,
				      "This child is already missing or away: "
				      "record when they came back on that "
				      "episode first",
				      "Mae" RQ "r plentyn hwn eisoes ar goll neu "
				      "i ffwrdd: cofnodwch pryd y daeth yn "
				      "\xc3\xb4" "l ar y cyfnod hwnnw yn "
				      "gyntaf"));
		} else if (rc == ERR_INVALID) {
			web_form_fail(&nv->f, "", err_text(&err));
		} else if (rc) {
			fail(req, res, rc, "reporting a child missing", &err,
			     true);
			goto out;
		}
	}
	if (!nv->f.n) {
		after_change(s, nv->e.child_id, nv->v.now_ms);
		snprintf(to, sizeof(to), "/missing/%lld?saved=report",
			 (long long)nv->e.id);
		res_redirect(res, to);
		goto out;
	}
	new_title(req, nv, title, sizeof(title));
	res_html_page(req, res, title, new_body, nv);
	res->status = 400;
out:
	if (s)
		web_write_end(s, w);
	child_record_release(&nv->rec);
	free(nv);
}

/* ---- which child to report missing (a home manager) ---------------------- */

struct report_view {
	struct viewer v;
	struct web_councils councils;
	struct home_now *homes;
	size_t nhomes;
	struct child_page *kids;	/* under 18, placed in its homes now */
};

/* The children of kids placed at home urn now. */
static void report_home(struct request *req, struct response *res,
			const struct report_view *rv,
			const struct home_now *h)
{
	size_t n = 0;

	for (size_t i = 0; i < rv->kids->n; i++) {
		const struct child_summary *c = &rv->kids->rows[i];

		if (!web_placed_with_viewer(&rv->v, c) ||
		    strcmp(c->current.urn, h->urn))
			continue;
		if (!n++) {
			res_markup(res, "<h2 class=\"govuk-heading-m\">");
			res_text(res, h->name);
			res_markup(res, "</h2>\n<ul class=\"govuk-list "
				   "cartref-report-list\">\n");
		}
		res_markup(res, "<li>");
		if (c->open_missing) {
			part_child_link(res, c->la, c->ref);
			res_text(res, " ");
			part_tag(res, "red", tr(req, "Missing or away now",
						"Ar goll neu i ffwrdd nawr"));
		} else {
			res_markup(res, "<a class=\"govuk-link\" "
				   "href=\"");
			part_child_path(res, c->la, c->ref);
			res_markup(res, "/missing/new\">");
			res_text(res, tr(req, "Report ", "Adrodd am "));
			res_text(res, c->ref);
			if (c->age >= 0) {
				char age[32];

				snprintf(age, sizeof(age), ", %d", c->age);
				res_text(res, age);
			}
			res_markup(res, "</a>");
		}
		res_text(res, " (");
		res_text(res, tr(req, "looked after by ",
				 "yn derbyn gofal gan "));
		res_text(res, web_council_name(req, &rv->councils, c->la));
		res_text(res, ")");
		res_markup(res, "</li>\n");
	}
	if (n)
		res_markup(res, "</ul>\n");
}

static void report_body(struct request *req, struct response *res,
			void *ctx)
{
	const struct report_view *rv = ctx;

	res_markup(res, "<div class=\"govuk-grid-row\">\n"
		   "<div class=\"govuk-grid-column-two-thirds\">\n"
		   "<h1 class=\"govuk-heading-l\">");
	res_text(res, tr(req, "Report a child missing",
			 "Adrodd bod plentyn ar goll"));
	res_markup(res, "</h1>\n");
	part_warning(req, res, tr(req, "If a child is in immediate danger, "
				  "call 999 first.",
				  "Os yw plentyn mewn perygl uniongyrchol, "
				  "ffoniwch 999 yn gyntaf."));
	if (!rv->kids->total) {
		part_para(res, tr(req, "No child is placed in your homes now.",
				  "Nid oes plentyn wedi" RQ "i leoli yn eich "
				  "cartrefi nawr."));
	} else {
		part_para(res, tr(req, "Choose the child. The council and the "
				  "police see your report at once.",
				  "Dewiswch y plentyn. Mae" RQ "r cyngor a" RQ
				  "r heddlu yn gweld eich adroddiad ar "
				  "unwaith."));
		for (size_t i = 0; i < rv->nhomes; i++)
			report_home(req, res, rv, &rv->homes[i]);
		if (rv->kids->total > (long)rv->kids->n)
			part_para(res, tr(req, "Only the first 100 children are "
					  "listed: find others on the "
					  "children page.",
					  "Dim ond y 100 plentyn cyntaf a "
					  "restrir: dewch o hyd i eraill ar "
					  "dudalen y plant."));
	}
	res_markup(res, "</div>\n</div>\n");
}

void page_missing_report(struct request *req, struct response *res)
{
	struct report_view *rv = xcalloc(1, sizeof(*rv));
	struct child_filter f;
	struct err err = ERR_INIT;
	struct store *s;
	int rc;

	s = web_store(req, &err);
	rc = s ? web_viewer(req, s, &rv->v, &err) : ERR_STORE;
	if (!rc && !mfc_may(rv->v.access, MFC_OP_REPORT)) {
		/* only homes report: the 404 page, the refusal audited */
		rc = rv->v.audit(s, &rv->v, "view-denied", "missing-report",
				 "", "only a home reports", &err);
		if (!rc)
			rc = ERR_DENIED;
	}
	if (!rc)
		rc = web_councils_load(s, &rv->councils, &err);
	if (!rc)
		rc = store_homes_now(s, &rv->v, 0, &rv->homes, &rv->nhomes,
				     &err);
	if (!rc) {
		memset(&f, 0, sizeof(f));
		f.looked_after_on = rv->v.today;
		f.page_size = STORE_PAGE_MAX;
		rv->kids = xmalloc(sizeof(*rv->kids));
		rc = store_children_list(s, &rv->v, &f, rv->kids, &err);
	}
	if (rc)
		fail(req, res, rc, "the report chooser", &err, false);
	else
		res_html_page(req, res, tr(req, "Report a child missing",
					   "Adrodd bod plentyn ar goll"),
			      report_body, rv);
	free(rv->homes);
	free(rv->kids);
	free(rv);
}
