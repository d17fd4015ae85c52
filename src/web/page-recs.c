/*
 * page-recs.c: the recommendations register and its follow-up (issue 13;
 * docs/inspections.md, docs/http.md "Recommendations"):
 *
 *   GET  /recommendations            the register: each recommendation
 *                                    with how many times it has been made
 *                                    and since when, its addressees
 *                                    summed up ("All 22 councils: 5 done,
 *                                    3 accepted, 2 overdue"); ?theme=,
 *                                    ?source=; the viewer's own
 *                                    organisation's rows first
 *   GET  /recommendations/{id}       one: its text (both languages), its
 *                                    source and repeats, every addressee
 *                                    with status, verdict, last update
 *                                    and actions; forms for the viewer's
 *                                    own addressee row and, for an
 *                                    inspector, the verdict on "done"
 *   POST /recommendations/{id}/addressees/{aid}/actions
 *   POST /recommendations/{id}/actions/{action}/done
 *   POST /recommendations/{id}/addressees/{aid}/updates
 *   POST /recommendations/{id}/addressees/{aid}/verdict
 *
 * Everything goes through quality/service.h: it decides who may read
 * the register (every role but admin) and change which row (its own
 * organisation's; an inspector judges), and audits the changes in their
 * transaction, so the server's group-commit audit writer is unbound
 * around them.  A role that may not read it, or a row out of reach, gets
 * the 404 page, as for the alerts.  The pages only offer the forms the
 * service would accept.
 */
#include "base/compat.h"
#include <strings.h>
#include "base/parse.h"
#include "base/xalloc.h"
#include "quality/rec-view.h"
#include "quality/service.h"
#include "store/store-people.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/parts.h"
#include "web/session.h"

#define RQ "\xe2\x80\x99"	/* right single quotation mark */
#define DAY_MS 86400000LL

/* ---- words --------------------------------------------------------------- */

static bool is_cy(const struct request *req)
{
	return req->lang[0] == 'c';
}

/* A kind of addressee in the summaries: one and many, English, Welsh
 * (Welsh counts a singular noun after a numeral). */
static const struct {
	const char *one, *many, *cy;
} kind_words[ORG_NKINDS] = {
	[ORG_INSPECTORATE] = { "inspectorate", "inspectorates",
			       "arolygiaeth" },
	[ORG_COUNCIL] = { "council", "councils", "cyngor" },
	[ORG_PROVIDER] = { "provider", "providers", "darparwr" },
	[ORG_POLICE] = { "police force", "police forces", "heddlu" },
	[ORG_HEALTH_BOARD] = { "health board", "health boards",
			       "bwrdd iechyd" },
};

static const char *status_colour(enum rec_status st)
{
	switch (st) {
	case REC_DONE:
		return "green";
	case REC_IN_PROGRESS:
		return "blue";
	default:
		return "grey";
	}
}

static void status_tag(struct request *req, struct response *res,
		       enum rec_status st)
{
	part_tag(res, status_colour(st), rec_status_name(st, is_cy(req)));
}

static void verdict_tag(struct request *req, struct response *res,
			enum rec_verdict vd)
{
	if (vd == REC_VERDICT_NONE)
		return;
	part_tag(res, vd == REC_ACCEPTED ? "green" : "red",
		 rec_verdict_name(vd, is_cy(req)));
}

static void overdue_tag(struct request *req, struct response *res)
{
	part_tag(res, "red", tr(req, "Overdue", "Yn hwyr"));
}

static const char *theme_name(struct request *req, const char *code)
{
	const struct rec_theme *t = rec_theme_find(code);

	return t ? (is_cy(req) ? t->cy : t->en) : code;
}

/* ---- the view ------------------------------------------------------------ */

struct recs_view {
	struct viewer v;
	struct quality_set q;
	/* the list's filters ("" none) */
	const char *theme, *source;
	enum rec_source src;
	/* one recommendation */
	long ri;
	struct web_form f;
	char form[48];		/* the form sent: "update-12" */
	int64_t form_aid;	/* its addressee */
	const char *saved;
};

/* An addressee's organisation by name (the store's; its code when none
 * is known). */
static const char *org_label(struct request *req, const struct recs_view *rv,
			     const struct rec_addressee *a)
{
	(void)rv;
	if (a->name_en[0])
		return is_cy(req) && a->name_cy[0] ? a->name_cy : a->name_en;
	return a->code;
}

static void view_release(struct recs_view *rv)
{
	quality_set_release(&rv->q);
	free(rv);
}

/* The store, the viewer and the register. */
static int view_load(struct request *req, struct recs_view *rv,
		     struct store **s, struct err *err)
{
	int rc;

	*s = web_store(req, err);
	if (!*s)
		return ERR_STORE;
	rc = web_viewer(req, *s, &rv->v, err);
	if (!rc)
		rc = quality_recs(*s, &rv->v, &rv->q, err);
	return rc;
}

/* 404 for out of scope, unknown and no access (page-quality.c's rule);
 * 403 ERR_DENIED on a write; else 500 with the cause in the log. */
static void fail(struct request *req, struct response *res, int rc,
		 const struct err *err, bool write)
{
	if (rc == ERR_NOT_FOUND || (rc == ERR_DENIED && !write)) {
		res_error(req, res, 404);
	} else if (rc == ERR_DENIED) {
		res_error(req, res, 403);
	} else {
		web_log_err("the recommendations", err);
		res_error(req, res, 500);
	}
}

/* Is a a row of v's own organisation that v may update? */
static bool own_row(const struct recs_view *rv, const struct rec_addressee *a)
{
	return quality_may(&rv->v, Q_UPDATE_REC, NULL) &&
	       quality_addressee_is(&rv->v, a->kind, a->code);
}

/* "All 22 councils: 5 done, 3 accepted, 2 overdue" for each kind. */
static void addressee_summary(struct request *req, struct response *res,
			      const struct recs_view *rv, const struct rec *r)
{
	struct rec_kind_count by[ORG_NKINDS];
	bool cy = is_cy(req);
	char s[200];

	rec_view_counts(&rv->q, r->id, rv->v.today, by, NULL);
	res_markup(res, "<ul class=\"govuk-list govuk-!-margin-bottom-0\">\n");
	for (int k = 0; k < ORG_NKINDS; k++) {
		const struct rec_kind_count *c = &by[k];

		if (!c->n)
			continue;
		if (k == ORG_COUNCIL && r->all_councils)
			snprintf(s, sizeof(s), cy ? "Pob un o" RQ "r %ld "
				 "cyngor" : "All %ld councils", c->n);
		else if (cy)
			snprintf(s, sizeof(s), "%ld %s", c->n,
				 kind_words[k].cy);
		else
			snprintf(s, sizeof(s), "%ld %s", c->n, c->n == 1 ?
				 kind_words[k].one : kind_words[k].many);
		res_markup(res, "<li>");
		res_text(res, s);
		snprintf(s, sizeof(s), cy ? ": %ld wedi" RQ "u gwneud, %ld wedi"
			 RQ "u derbyn" : ": %ld done, %ld accepted",
			 c->done, c->accepted);
		res_text(res, s);
		if (c->overdue) {
			snprintf(s, sizeof(s), cy ? ", %ld yn hwyr" :
				 ", %ld overdue", c->overdue);
			res_markup(res, "<strong>");
			res_text(res, s);
			res_markup(res, "</strong>");
		}
		res_markup(res, "</li>\n");
	}
	res_markup(res, "</ul>\n");
}

/* "Made 3 times since 1 May 2019" / "Made once". */
static void times_made(struct request *req, struct response *res,
		       const struct recs_view *rv, size_t i)
{
	int32_t since;
	long n = rec_view_times(&rv->q, i, &since);
	char s[80];

	if (n == 1) {
		res_text(res, tr(req, "Once", "Unwaith"));
		return;
	}
	snprintf(s, sizeof(s), WEB_TRF(req, "%ld times since ",
				       "%ld gwaith ers "), n);
	res_text(res, s);
	part_date(req, res, since);
}

static void rec_link(struct response *res, const struct rec *r)
{
	res_markup(res, "<a class=\"govuk-link\" href=\"/recommendations/");
	res_int(res, r->id);
	res_markup(res, "\">");
	res_text(res, r->code);
	res_markup(res, "</a>");
}

/* ---- the register -------------------------------------------------------- */

static void filters(struct request *req, struct response *res,
		    const struct recs_view *rv)
{
	bool cy = is_cy(req);

	res_markup(res, "<form method=\"get\" action=\"/recommendations\" "
		   "class=\"cartref-filter\" novalidate>\n");
	part_filter_select(res, "theme", tr(req, "Theme", "Thema"));
	part_option(res, "", tr(req, "All themes", "Pob thema"), !rv->theme[0]);
	for (size_t i = 0; i < rec_nthemes; i++)
		part_option(res, rec_themes[i].code, cy ? rec_themes[i].cy :
		       rec_themes[i].en,
		       !strcmp(rv->theme, rec_themes[i].code));
	res_markup(res, "</select>\n</div>\n");
	part_filter_select(res, "source", tr(req, "Source", "Ffynhonnell"));
	part_option(res, "", tr(req, "All sources", "Pob ffynhonnell"),
	       !rv->source[0]);
	for (int k = 0; k < REC_NSOURCES; k++)
		part_option(res, rec_source_code((enum rec_source)k),
		       rec_source_name((enum rec_source)k, cy),
		       rv->source[0] && rv->src == (enum rec_source)k);
	res_markup(res, "</select>\n</div>\n<button type=\"submit\" "
		   "class=\"govuk-button govuk-button--secondary\" "
		   "data-module=\"govuk-button\">");
	res_text(res, tr(req, "Apply", "Defnyddio"));
	res_markup(res, "</button>\n</form>\n");
}

static bool shown(const struct recs_view *rv, const struct rec *r)
{
	return (!rv->theme[0] || !strcmp(r->theme, rv->theme)) &&
	       (!rv->source[0] || r->source == rv->src);
}

/* Addressee a's overdue actions: what, and the target date missed. */
static void overdue_list(struct request *req, struct response *res,
			 const struct recs_view *rv,
			 const struct rec_addressee *a)
{
	res_markup(res, "<ul class=\"govuk-list govuk-!-margin-bottom-0\">\n");
	for (size_t k = 0; k < rv->q.nactions; k++) {
		const struct rec_action *ac = &rv->q.actions[k];

		if (ac->addressee_id != a->id ||
		    !rec_view_action_overdue(ac, rv->v.today))
			continue;
		res_markup(res, "<li><strong>");
		res_text(res, ac->what);
		res_markup(res, "</strong><br><span class=\"govuk-body-s\">");
		res_text(res, tr(req, "due ", "erbyn "));
		part_date(req, res, ac->target_on);
		res_markup(res, "</span></li>\n");
	}
	res_markup(res, "</ul>\n");
}

/* The viewer's own addressee rows, first: status, what is overdue. */
static void yours(struct request *req, struct response *res,
		  const struct recs_view *rv)
{
	const struct quality_set *q = &rv->q;
	bool any = false;

	for (size_t k = 0; k < q->naddressees; k++) {
		const struct rec_addressee *a = &q->addressees[k];
		long ri = rec_view_find(q, a->rec_id), od;

		if (ri < 0 || !quality_addressee_is(&rv->v, a->kind, a->code) ||
		    !shown(rv, &q->recs[ri]))
			continue;
		if (!any) {
			res_markup(res, "<h2 class=\"govuk-heading-m\" "
				   "id=\"yours\">");
			res_text(res, tr(req, "Addressed to your organisation",
					 "Wedi" RQ "u cyfeirio at eich "
					 "sefydliad"));
			res_markup(res, "</h2>\n");
			part_table_scroll_start(req, res,
				tr(req, "Addressed to your organisation",
				   "Wedi" RQ "u cyfeirio at eich sefydliad"));
			res_markup(res, "<table class=\"govuk-table\">\n"
				   "<thead class=\"govuk-table__head\">\n"
				   "<tr class=\"govuk-table__row\">\n");
			part_th(res, tr(req, "Recommendation", "Argymhelliad"),
				false);
			part_th(res, tr(req, "Your status", "Eich statws"),
				false);
			part_th(res, tr(req, "Overdue actions",
					"Camau gweithredu hwyr"), false);
			res_markup(res, "</tr>\n</thead>\n"
				   "<tbody class=\"govuk-table__body\">\n");
			any = true;
		}
		od = rec_view_overdue(q, a->id, rv->v.today);
		res_markup(res, "<tr class=\"govuk-table__row\">\n<th "
			   "scope=\"row\" class=\"govuk-table__header\">");
		rec_link(res, &q->recs[ri]);
		res_markup(res, "<br><span class=\"govuk-body-s\">");
		res_text(res, theme_name(req, q->recs[ri].theme));
		res_markup(res, "</span></th>\n"
			   "<td class=\"govuk-table__cell\">");
		status_tag(req, res, a->status);
		if (a->verdict != REC_VERDICT_NONE) {
			res_text(res, " ");
			verdict_tag(req, res, a->verdict);
		}
		if (a->verdict == REC_REJECTED && a->verdict_reason[0]) {
			res_markup(res, "<br><span class=\"govuk-body-s "
				   "cartref-pre\">");
			res_text(res, a->verdict_reason);
			res_markup(res, "</span>");
		}
		res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
		if (!od)
			res_text(res, tr(req, "Nothing overdue",
					 "Dim byd yn hwyr"));
		else
			overdue_list(req, res, rv, a);
		res_markup(res, "</td>\n</tr>\n");
	}
	if (any) {
		res_markup(res, "</tbody>\n</table>\n");
		part_table_scroll_end(res);
	}
}

static void list_body(struct request *req, struct response *res, void *ctx)
{
	struct recs_view *rv = ctx;
	const struct quality_set *q = &rv->q;
	bool cy = is_cy(req);
	long n = 0;
	char s[120];

	res_markup(res, "<h1 class=\"govuk-heading-l\">");
	res_text(res, tr(req, "Recommendations", "Argymhellion"));
	res_markup(res, "</h1>\n<p class=\"govuk-body\">");
	res_text(res, tr(req, "What the national review, thematic reviews, "
			 "inspections of councils and child practice reviews "
			 "asked each organisation to do, how many times it "
			 "has been asked, and how far each has got.",
			 "Yr hyn y gofynnodd yr adolygiad cenedlaethol, "
			 "adolygiadau thematig, arolygiadau o gynghorau ac "
			 "adolygiadau ymarfer plant i bob sefydliad ei wneud, "
			 "sawl gwaith y gofynnwyd, a pha mor bell y mae pob "
			 "un wedi mynd."));
	res_markup(res, "</p>\n");
	if (quality_may(&rv->v, Q_JUDGE_REC, NULL)) {
		res_markup(res, "<p class=\"govuk-body\"><a class=\"govuk-"
			   "button govuk-button--secondary\" "
			   "href=\"/recommendations/new\">");
		res_text(res, tr(req, "Add a recommendation",
				 "Ychwanegu argymhelliad"));
		res_markup(res, "</a></p>\n");
	}
	yours(req, res, rv);
	res_markup(res, "<h2 class=\"govuk-heading-m\">");
	res_text(res, tr(req, "The register", "Y gofrestr"));
	res_markup(res, "</h2>\n");
	filters(req, res, rv);
	for (size_t i = 0; i < q->nrecs; i++)
		if (shown(rv, &q->recs[i]))
			n++;
	if (!n) {
		part_para(res, tr(req, "There are no recommendations to show.",
				  "Nid oes argymhellion i" RQ "w dangos."));
		return;
	}
	snprintf(s, sizeof(s), n == 1 ? WEB_TRF(req, "%ld recommendation.",
						"%ld argymhelliad.") :
		 WEB_TRF(req, "%ld recommendations.", "%ld argymhelliad."),
		 n);
	res_markup(res, "<p class=\"govuk-body\" id=\"recs-count\">");
	res_text(res, s);
	res_markup(res, "</p>\n");
	part_table_scroll_start(req, res, tr(req, "Recommendations",
					     "Argymhellion"));
	res_markup(res, "<table class=\"govuk-table\">\n<caption "
		   "class=\"govuk-table__caption govuk-table__caption--s\">");
	res_text(res, tr(req, "The recommendations and who is acting on them",
			 "Yr argymhellion a phwy sy" RQ "n gweithredu arnynt"));
	res_markup(res, "</caption>\n<thead class=\"govuk-table__head\">\n"
		   "<tr class=\"govuk-table__row\">\n");
	part_th(res, tr(req, "Recommendation", "Argymhelliad"), false);
	part_th(res, tr(req, "What it asks", "Beth mae" RQ "n ei ofyn"), false);
	part_th(res, tr(req, "Made", "Fe" RQ "i gwnaed"), false);
	part_th(res, tr(req, "Addressed to", "Wedi" RQ "i gyfeirio at"),
		false);
	res_markup(res, "</tr>\n</thead>\n"
		   "<tbody class=\"govuk-table__body\">\n");
	for (size_t i = 0; i < q->nrecs; i++) {
		const struct rec *r = &q->recs[i];

		if (!shown(rv, r))
			continue;
		res_markup(res, "<tr class=\"govuk-table__row\">\n<th "
			   "scope=\"row\" class=\"govuk-table__header\">");
		rec_link(res, r);
		res_markup(res, "<br><span class=\"govuk-body-s\">");
		res_text(res, theme_name(req, r->theme));
		res_markup(res, "<br>");
		res_text(res, rec_source_name(r->source, cy));
		res_markup(res, "</span></th>\n<td class=\"govuk-table__cell "
			   "cartref-pre\">");
		res_text(res, cy && r->text_cy[0] ? r->text_cy : r->text_en);
		res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
		times_made(req, res, rv, i);
		res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
		addressee_summary(req, res, rv, r);
		res_markup(res, "</td>\n</tr>\n");
	}
	res_markup(res, "</tbody>\n</table>\n");
	part_table_scroll_end(res);
}

void page_recs(struct request *req, struct response *res)
{
	struct recs_view *rv = xcalloc(1, sizeof(*rv));
	struct err err = ERR_INIT;
	struct store *s;
	int rc;

	if (web_opt_str(req, res, "theme", Q_CODE_MAX, &rv->theme) ||
	    web_opt_str(req, res, "source", Q_CODE_MAX, &rv->source))
		goto out;
	/* a filter that names nothing is no filter, as the alerts' */
	if (rv->theme[0] && !rec_theme_find(rv->theme))
		rv->theme = "";
	if (rv->source[0] && rec_source_parse(rv->source, &rv->src))
		rv->source = "";
	rc = view_load(req, rv, &s, &err);
	if (rc)
		fail(req, res, rc, &err, false);
	else
		res_html_page(req, res, tr(req, "Recommendations",
					   "Argymhellion"), list_body, rv);
out:
	view_release(rv);
}

/* ---- one recommendation -------------------------------------------------- */

static void actions_table(struct request *req, struct response *res,
			  const struct recs_view *rv,
			  const struct rec_addressee *a, bool forms)
{
	const struct quality_set *q = &rv->q;
	bool any = false;

	for (size_t k = 0; k < q->nactions; k++) {
		const struct rec_action *ac = &q->actions[k];
		char action[128];

		if (ac->addressee_id != a->id)
			continue;
		if (!any) {
			res_markup(res, "<table class=\"govuk-table\">\n"
				   "<caption class=\"govuk-table__caption "
				   "govuk-table__caption--s\">");
			res_text(res, tr(req, "Actions",
					 "Camau gweithredu"));
			res_markup(res, "</caption>\n<thead "
				   "class=\"govuk-table__head\">\n"
				   "<tr class=\"govuk-table__row\">\n");
			part_th(res, tr(req, "What", "Beth"), false);
			part_th(res, tr(req, "Who", "Pwy"), false);
			part_th(res, tr(req, "Target date", "Dyddiad targed"),
				false);
			part_th(res, tr(req, "Done", "Wedi" RQ "i wneud"),
				false);
			res_markup(res, "</tr>\n</thead>\n<tbody "
				   "class=\"govuk-table__body\">\n");
			any = true;
		}
		res_markup(res, "<tr class=\"govuk-table__row\">\n"
			   "<td class=\"govuk-table__cell cartref-pre\">");
		res_text(res, ac->what);
		res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
		res_text(res, ac->who);
		res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
		part_date(req, res, ac->target_on);
		if (rec_view_action_overdue(ac, rv->v.today)) {
			res_markup(res, "<br>");
			overdue_tag(req, res);
		}
		res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
		if (ac->done_on != DATE_NONE) {
			part_date(req, res, ac->done_on);
		} else if (forms) {
			snprintf(action, sizeof(action), "/recommendations/"
				 "%lld/actions/%lld/done",
				 (long long)a->rec_id, (long long)ac->id);
			part_form_start(req, res, action);
			part_button(res, tr(req, "Mark done",
					    "Marcio wedi" RQ "i wneud"), true);
			part_form_end(res);
		} else {
			res_text(res, tr(req, "Not yet", "Ddim eto"));
		}
		res_markup(res, "</td>\n</tr>\n");
	}
	if (any)
		res_markup(res, "</tbody>\n</table>\n");
	else
		part_para(res, tr(req, "No actions recorded yet.",
				  "Dim camau gweithredu wedi" RQ "u cofnodi "
				  "eto."));
}

static void updates_list(struct request *req, struct response *res,
			 const struct recs_view *rv,
			 const struct rec_addressee *a)
{
	const struct quality_set *q = &rv->q;
	bool any = false;

	for (size_t k = q->nupdates; k-- > 0;) {
		const struct rec_update *u = &q->updates[k];

		if (u->addressee_id != a->id)
			continue;
		if (!any) {
			res_markup(res, "<h4 class=\"govuk-heading-s\">");
			res_text(res, tr(req, "Progress updates, newest first",
					 "Diweddariadau cynnydd, y mwyaf "
					 "diweddar yn gyntaf"));
			res_markup(res, "</h4>\n<ul class=\"govuk-list\">\n");
			any = true;
		}
		res_markup(res, "<li>");
		part_time(req, res, u->at);
		res_text(res, " ");
		status_tag(req, res, u->status);
		res_markup(res, "<br><span class=\"cartref-pre\">");
		res_text(res, u->note);
		res_markup(res, "</span><br><span class=\"govuk-body-s\">");
		res_text(res, u->by);
		res_markup(res, "</span></li>\n");
	}
	if (any)
		res_markup(res, "</ul>\n");
}

/* The form names and field ids of addressee aid: "what-aid" ... */
static void field_id(char *out, size_t cap, const char *name, int64_t aid)
{
	snprintf(out, cap, "%s-%lld", name, (long long)aid);
}

static void own_forms(struct request *req, struct response *res,
		      const struct recs_view *rv,
		      const struct rec_addressee *a)
{
	static const struct web_choice statuses_en[] = {
		{ "not_started", "Not started" },
		{ "in_progress", "In progress" },
		{ "done", "Done" },
	};
	static const struct web_choice statuses_cy[] = {
		{ "not_started", "Heb ddechrau" },
		{ "in_progress", "Ar y gweill" },
		{ "done", "Wedi" RQ "i wneud" },
	};
	char action[128], form[48], what[48], who[48], target[48], note[48];
	char status[48], hint[200];

	snprintf(action, sizeof(action), "/recommendations/%lld/addressees/"
		 "%lld/actions", (long long)a->rec_id, (long long)a->id);
	field_id(form, sizeof(form), "action", a->id);
	field_id(what, sizeof(what), "what", a->id);
	field_id(who, sizeof(who), "who", a->id);
	field_id(target, sizeof(target), "target", a->id);
	res_markup(res, "<h4 class=\"govuk-heading-s\">");
	res_text(res, tr(req, "Add an action", "Ychwanegu cam gweithredu"));
	res_markup(res, "</h4>\n");
	part_form_start(req, res, action);
	part_textarea(req, res, &rv->f, form, what,
		      tr(req, "What will be done",
			 "Beth fydd yn cael ei wneud"),
		      NULL, "");
	part_input(req, res, &rv->f, form, who,
		   tr(req, "Who will do it (a role or team)",
		      "Pwy fydd yn ei wneud (rôl neu dîm)"), NULL, "",
		   "govuk-input--width-20");
	web_when_hint(req, false, NULL, hint, sizeof(hint));
	part_when(req, res, &rv->f, form, target,
		  tr(req, "Target date", "Dyddiad targed"), hint, 0, false);
	part_button(res, tr(req, "Add the action",
			    "Ychwanegu" RQ "r cam gweithredu"), false);
	part_form_end(res);

	snprintf(action, sizeof(action), "/recommendations/%lld/addressees/"
		 "%lld/updates", (long long)a->rec_id, (long long)a->id);
	field_id(form, sizeof(form), "update", a->id);
	field_id(note, sizeof(note), "note", a->id);
	field_id(status, sizeof(status), "status", a->id);
	res_markup(res, "<h4 class=\"govuk-heading-s\">");
	res_text(res, tr(req, "Add a progress update",
			 "Ychwanegu diweddariad cynnydd"));
	res_markup(res, "</h4>\n");
	part_form_start(req, res, action);
	part_textarea(req, res, &rv->f, form, note,
		      tr(req, "What has been done, and the evidence",
			 "Beth sydd wedi" RQ "i wneud, a" RQ "r dystiolaeth"),
		      tr(req, "Say where the evidence can be seen: a report, "
			 "minutes, figures.",
			 "Dywedwch ble y gellir gweld y dystiolaeth: "
			 "adroddiad, cofnodion, ffigurau."), "");
	part_radios(req, res, &rv->f, form, status,
		    tr(req, "Your organisation" RQ "s status",
		       "Statws eich sefydliad"),
		    tr(req, "The inspectorate checks \"done\" and accepts or "
		       "rejects it.",
		       "Mae" RQ "r arolygiaeth yn gwirio \"wedi" RQ "i wneud\" "
		       "ac yn ei dderbyn neu" RQ "i wrthod."),
		    is_cy(req) ? statuses_cy : statuses_en, 3,
		    rec_status_code(a->status), false);
	part_button(res, tr(req, "Add the update",
			    "Ychwanegu" RQ "r diweddariad"), false);
	part_form_end(res);
}

static void verdict_form(struct request *req, struct response *res,
			 const struct recs_view *rv,
			 const struct rec_addressee *a)
{
	const struct web_choice choices[] = {
		{ "accepted", tr(req, "Accept: it is done",
				 "Derbyn: mae wedi" RQ "i wneud") },
		{ "rejected", tr(req, "Reject: it is not done",
				 "Gwrthod: nid yw wedi" RQ "i wneud") },
	};
	char action[128], form[48], verdict[48], reason[48], legend[300];

	snprintf(action, sizeof(action), "/recommendations/%lld/addressees/"
		 "%lld/verdict", (long long)a->rec_id, (long long)a->id);
	field_id(form, sizeof(form), "verdict", a->id);
	field_id(verdict, sizeof(verdict), "decision", a->id);
	field_id(reason, sizeof(reason), "reason", a->id);
	snprintf(legend, sizeof(legend), WEB_TRF(req, "Is it done? %s",
						 "A yw wedi" RQ "i wneud? %s"),
		 org_label(req, rv, a));
	part_form_start(req, res, action);
	part_radios(req, res, &rv->f, form, verdict, legend, NULL, choices,
		    2, rec_verdict_code(a->verdict), false);
	part_textarea(req, res, &rv->f, form, reason,
		      tr(req, "Reason", "Rheswm"),
		      tr(req, "Needed to reject: say what is missing.",
			 "Angen i wrthod: dywedwch beth sydd ar goll."),
		      a->verdict_reason);
	part_button(res, tr(req, "Save the verdict", "Cadw" RQ "r dyfarniad"),
		    false);
	part_form_end(res);
}

/* One addressee's row of the table. */
static void addressee_row(struct request *req, struct response *res,
			  const struct recs_view *rv,
			  const struct rec_addressee *a)
{
	long od = rec_view_overdue(&rv->q, a->id, rv->v.today), nact = 0;
	char s[80];

	for (size_t k = 0; k < rv->q.nactions; k++)
		if (rv->q.actions[k].addressee_id == a->id)
			nact++;
	res_markup(res, "<tr class=\"govuk-table__row\">\n<th scope=\"row\" "
		   "class=\"govuk-table__header\">");
	res_text(res, org_label(req, rv, a));
	res_markup(res, "</th>\n<td class=\"govuk-table__cell\">");
	status_tag(req, res, a->status);
	res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
	verdict_tag(req, res, a->verdict);
	if (a->verdict == REC_REJECTED && a->verdict_reason[0]) {
		res_markup(res, "<br><span class=\"govuk-body-s "
			   "cartref-pre\">");
		res_text(res, a->verdict_reason);
		res_markup(res, "</span>");
	}
	res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
	if (a->last_update_at) {
		long days = rv->v.today - (long)(a->last_update_at / DAY_MS);

		part_time(req, res, a->last_update_at);
		web_days_text(days < 0 ? 0 : days, is_cy(req), s, sizeof(s));
		res_markup(res, "<br><span class=\"govuk-body-s\">");
		res_text(res, s);
		res_text(res, tr(req, " ago", " yn ôl"));
		res_markup(res, "</span>");
	} else {
		res_text(res, tr(req, "None yet", "Dim eto"));
	}
	res_markup(res, "</td>\n<td class=\"govuk-table__cell "
		   "govuk-table__cell--numeric\">");
	res_int(res, nact);
	if (od) {
		snprintf(s, sizeof(s), WEB_TRF(req, "%ld overdue",
					       "%ld yn hwyr"), od);
		res_markup(res, "<br><strong class=\"govuk-tag "
			   "govuk-tag--red\">");
		res_text(res, s);
		res_markup(res, "</strong>");
	}
	res_markup(res, "</td>\n</tr>\n");
}

/* How soon an addressee needs someone to look: overdue actions first,
 * then (for an inspector) a "done" waiting for a verdict, then the
 * longest without an update. */
struct addr_rank {
	const struct rec_addressee *a;
	long overdue;
	bool waiting;
	int64_t last;
};

static int cmp_rank(const void *x, const void *y)
{
	const struct addr_rank *a = x, *b = y;

	if (a->overdue != b->overdue)
		return a->overdue > b->overdue ? -1 : 1;
	if (a->waiting != b->waiting)
		return a->waiting ? -1 : 1;
	if (a->last != b->last)
		return a->last < b->last ? -1 : 1;
	return a->a->id < b->a->id ? -1 : a->a->id > b->a->id;
}

/* Rows the table shows before the rest are folded away. */
#define ADDR_ROWS_SHOWN 10

static void addressee_rows(struct request *req, struct response *res,
			   const struct recs_view *rv,
			   const struct addr_rank *rk, size_t n,
			   const char *label)
{
	part_table_scroll_start(req, res, label);
	res_markup(res, "<table class=\"govuk-table\">\n<thead "
		   "class=\"govuk-table__head\">\n"
		   "<tr class=\"govuk-table__row\">\n");
	part_th(res, tr(req, "Organisation", "Sefydliad"), false);
	part_th(res, tr(req, "Status", "Statws"), false);
	part_th(res, tr(req, "Verdict", "Dyfarniad"), false);
	part_th(res, tr(req, "Last update", "Diweddariad olaf"), false);
	part_th(res, tr(req, "Actions", "Camau gweithredu"), true);
	res_markup(res, "</tr>\n</thead>\n"
		   "<tbody class=\"govuk-table__body\">\n");
	for (size_t k = 0; k < n; k++)
		addressee_row(req, res, rv, rk[k].a);
	res_markup(res, "</tbody>\n</table>\n");
	part_table_scroll_end(res);
}

/* The addressees, most in need of attention first; past
 * ADDR_ROWS_SHOWN the rest fold into "All N organisations". */
static void addressee_table(struct request *req, struct response *res,
			    const struct recs_view *rv, const struct rec *r,
			    bool judge)
{
	const struct quality_set *q = &rv->q;
	struct addr_rank *rk = xcalloc(q->naddressees + 1, sizeof(*rk));
	size_t n = 0, shown;
	char s[120];

	for (size_t k = 0; k < q->naddressees; k++) {
		const struct rec_addressee *a = &q->addressees[k];

		if (a->rec_id != r->id)
			continue;
		rk[n].a = a;
		rk[n].overdue = rec_view_overdue(q, a->id, rv->v.today);
		rk[n].waiting = judge && a->status == REC_DONE &&
				a->verdict == REC_VERDICT_NONE;
		rk[n].last = a->last_update_at;
		n++;
	}
	qsort(rk, n, sizeof(*rk), cmp_rank);
	shown = n > ADDR_ROWS_SHOWN + 5 ? ADDR_ROWS_SHOWN : n;
	if (shown < n) {
		res_markup(res, "<p class=\"govuk-body\">");
		res_text(res, tr(req, "Those that need attention first: overdue "
				 "actions, then the longest without an update.",
				 "Y rhai sydd angen sylw yn gyntaf: camau "
				 "gweithredu hwyr, yna" RQ "r rhai heb "
				 "ddiweddariad ers yr amser hiraf."));
		res_markup(res, "</p>\n");
	}
	addressee_rows(req, res, rv, rk, shown,
		       tr(req, "Addressees", "Derbynwyr"));
	if (shown < n) {
		snprintf(s, sizeof(s), WEB_TRF(req, "The other %zu organisations",
					       "Y %zu sefydliad arall"),
			 n - shown);
		res_markup(res, "<details class=\"govuk-details\">\n<summary "
			   "class=\"govuk-details__summary\"><span "
			   "class=\"govuk-details__summary-text\">");
		res_text(res, s);
		res_markup(res, "</span></summary>\n<div "
			   "class=\"govuk-details__text\">\n");
		addressee_rows(req, res, rv, rk + shown, n - shown,
			       tr(req, "Other addressees",
				  "Derbynwyr eraill"));
		res_markup(res, "</div>\n</details>\n");
	}
	free(rk);
}

/* One addressee's actions and updates (and the verdict form, open). */
static void addressee_details(struct request *req, struct response *res,
			      const struct recs_view *rv,
			      const struct rec_addressee *a, bool open)
{
	char fid[48];

	field_id(fid, sizeof(fid), "verdict", a->id);
	res_markup(res, "<details class=\"govuk-details\"");
	if (open && (a->verdict == REC_VERDICT_NONE ||
		     web_form_posted(&rv->f, fid)))
		res_markup(res, " open");
	res_markup(res, ">\n<summary class=\"govuk-details__summary\">"
		   "<span class=\"govuk-details__summary-text\">");
	res_text(res, org_label(req, rv, a));
	res_markup(res, "</span></summary>\n<div "
		   "class=\"govuk-details__text\">\n");
	actions_table(req, res, rv, a, false);
	updates_list(req, res, rv, a);
	if (open)
		verdict_form(req, res, rv, a);
	res_markup(res, "</div>\n</details>\n");
}

static void rec_body(struct request *req, struct response *res, void *ctx)
{
	struct recs_view *rv = ctx;
	const struct quality_set *q = &rv->q;
	const struct rec *r = &q->recs[rv->ri];
	bool cy = is_cy(req), judge = quality_may(&rv->v, Q_JUDGE_REC, NULL);
	bool anyrep = false;

	res_markup(res, "<div class=\"govuk-grid-row\">\n"
		   "<div class=\"govuk-grid-column-full\">\n");
	if (rv->f.n) {
		part_error_summary(req, res, &rv->f);
	} else if (rv->saved) {
		part_banner(req, res,
			    !strcmp(rv->saved, "action") ?
			    tr(req, "Saved: the action is added",
			       "Wedi" RQ "i gadw: mae" RQ "r cam gweithredu "
			       "wedi" RQ "i ychwanegu") :
			    !strcmp(rv->saved, "done") ?
			    tr(req, "Saved: the action is done",
			       "Wedi" RQ "i gadw: mae" RQ "r cam gweithredu "
			       "wedi" RQ "i wneud") :
			    !strcmp(rv->saved, "update") ?
			    tr(req, "Saved: the update is added",
			       "Wedi" RQ "i gadw: mae" RQ "r diweddariad "
			       "wedi" RQ "i ychwanegu") :
			    tr(req, "Saved: the verdict is recorded",
			       "Wedi" RQ "i gadw: mae" RQ "r dyfarniad wedi" RQ
			       "i gofnodi"));
	}
	res_markup(res, "<span class=\"govuk-caption-l\">");
	res_text(res, theme_name(req, r->theme));
	res_markup(res, "</span>\n<h1 class=\"govuk-heading-l\">");
	res_text(res, tr(req, "Recommendation ", "Argymhelliad "));
	res_text(res, r->code);
	res_markup(res, "</h1>\n<p class=\"govuk-body-l cartref-pre\" "
		   "id=\"rec-text\">");
	res_text(res, cy && r->text_cy[0] ? r->text_cy : r->text_en);
	res_markup(res, "</p>\n<details class=\"govuk-details\">\n<summary "
		   "class=\"govuk-details__summary\"><span "
		   "class=\"govuk-details__summary-text\">");
	res_text(res, tr(req, "Read it in Welsh", "Darllen yn Saesneg"));
	res_markup(res, "</span></summary>\n<div class=\"govuk-details__text "
		   "cartref-pre\"");
	if (cy)
		res_markup(res, " lang=\"en\">");
	else
		res_markup(res, " lang=\"cy\">");
	res_text(res, cy ? r->text_en : (r->text_cy[0] ? r->text_cy :
					  r->text_en));
	res_markup(res, "</div>\n</details>\n");

	part_summary_start(res);
	part_summary_key(res, tr(req, "Source", "Ffynhonnell"));
	res_text(res, rec_source_name(r->source, cy));
	if (r->source_title[0]) {
		res_text(res, ": ");
		res_text(res, r->source_title);
	}
	part_summary_key_end(res);
	part_summary_key(res, tr(req, "Made on", "Fe" RQ "i gwnaed ar"));
	part_date(req, res, r->made_on);
	part_summary_key_end(res);
	part_summary_key(res, tr(req, "Times made", "Sawl gwaith"));
	times_made(req, res, rv, (size_t)rv->ri);
	part_summary_key_end(res);
	for (int later = 0; later < 2; later++) {
		anyrep = false;
		for (size_t k = 0; k < q->nrepeats; k++) {
			int64_t other = later ? q->repeats[k].rec_id :
						q->repeats[k].earlier_id;
			int64_t self = later ? q->repeats[k].earlier_id :
					       q->repeats[k].rec_id;
			long oi;

			if (self != r->id ||
			    (oi = rec_view_find(q, other)) < 0)
				continue;
			if (!anyrep)
				part_summary_key(res, later ?
					tr(req, "Repeated by", "Wedi" RQ "i "
					   "ailadrodd gan") :
					tr(req, "Repeats", "Yn ailadrodd"));
			else
				res_text(res, ", ");
			rec_link(res, &q->recs[oi]);
			anyrep = true;
		}
		if (anyrep)
			part_summary_key_end(res);
	}
	part_summary_end(res);

	/* the viewer's own rows: what it can do */
	for (size_t k = 0; k < q->naddressees; k++) {
		const struct rec_addressee *a = &q->addressees[k];

		if (a->rec_id != r->id || !own_row(rv, a))
			continue;
		res_markup(res, "<h2 class=\"govuk-heading-m\" id=\"yours\">");
		res_text(res, tr(req, "Your organisation: ",
				 "Eich sefydliad: "));
		res_text(res, org_label(req, rv, a));
		res_markup(res, "</h2>\n<p class=\"govuk-body\">");
		status_tag(req, res, a->status);
		res_text(res, " ");
		verdict_tag(req, res, a->verdict);
		res_markup(res, "</p>\n");
		actions_table(req, res, rv, a, true);
		updates_list(req, res, rv, a);
		own_forms(req, res, rv, a);
	}

	res_markup(res, "<h2 class=\"govuk-heading-m\">");
	res_text(res, tr(req, "Who it is addressed to",
			 "At bwy y mae wedi" RQ "i gyfeirio"));
	res_markup(res, "</h2>\n");
	addressee_summary(req, res, rv, r);
	addressee_table(req, res, rv, r, judge);

	/* each addressee's actions and updates, and the verdict forms:
	 * first those waiting for a verdict or with overdue actions, then
	 * the rest folded into one */
	for (int pass = 0; pass < 2; pass++) {
		bool any = false;

		for (size_t k = 0; k < q->naddressees; k++) {
			const struct rec_addressee *a = &q->addressees[k];
			bool open = judge && a->status == REC_DONE;
			bool urgent = (open && a->verdict == REC_VERDICT_NONE) ||
				      rec_view_overdue(q, a->id, rv->v.today);

			if (a->rec_id != r->id || (pass == 0) != urgent ||
			    (!open && !urgent && !a->last_update_at))
				continue;
			if (!any && pass == 0) {
				res_markup(res, "<h3 class=\"govuk-heading-s\">");
				res_text(res, judge ?
					 tr(req, "Waiting for a verdict, or with "
					    "overdue actions", "Yn aros am "
					    "ddyfarniad, neu â chamau "
					    "gweithredu hwyr") :
					 tr(req, "With overdue actions",
					    "Â chamau gweithredu hwyr"));
				res_markup(res, "</h3>\n");
			} else if (!any) {
				res_markup(res, "<details class=\"govuk-details\">"
					   "\n<summary class=\"govuk-details__"
					   "summary\"><span class=\"govuk-"
					   "details__summary-text\">");
				res_text(res, tr(req, "What every other "
						 "organisation has done",
						 "Beth mae pob sefydliad arall "
						 "wedi" RQ "i wneud"));
				res_markup(res, "</span></summary>\n<div "
					   "class=\"govuk-details__text\">\n");
			}
			any = true;
			addressee_details(req, res, rv, a, open);
		}
		if (any && pass == 1)
			res_markup(res, "</div>\n</details>\n");
	}
	res_markup(res, "<p class=\"govuk-body\"><a class=\"govuk-link\" "
		   "href=\"/recommendations\">");
	res_text(res, tr(req, "All recommendations", "Pob argymhelliad"));
	res_markup(res, "</a></p>\n</div>\n</div>\n");
}

static void rec_title(struct request *req, const struct recs_view *rv,
		      char *out, size_t cap)
{
	snprintf(out, cap, "%s%s%s", rv->f.n ? tr(req, "Error: ", "Gwall: ") :
					       "",
		 tr(req, "Recommendation ", "Argymhelliad "),
		 rv->q.recs[rv->ri].code);
}

/* Recommendation {id} of the loaded register: 0 or ERR_NOT_FOUND. */
static int find_rec(struct request *req, struct response *res,
		    struct recs_view *rv)
{
	int64_t id;

	(void)res;
	if (parse_i64(req_param_get(req, "id"), 1, INT64_MAX, &id))
		return ERR_NOT_FOUND;
	rv->ri = rec_view_find(&rv->q, id);
	return rv->ri < 0 ? ERR_NOT_FOUND : 0;
}

void page_rec(struct request *req, struct response *res)
{
	struct recs_view *rv = xcalloc(1, sizeof(*rv));
	struct err err = ERR_INIT;
	struct store *s;
	char title[160];
	int64_t id;
	int rc;

	if (req_param_int(req, res, "id", 1, INT64_MAX, &id))
		goto out;
	rc = view_load(req, rv, &s, &err);
	if (!rc)
		rc = find_rec(req, res, rv);
	if (rc) {
		fail(req, res, rc, &err, false);
	} else {
		const char *saved = req_param_get(req, "saved");

		if (saved && (!strcmp(saved, "action") ||
			      !strcmp(saved, "done") ||
			      !strcmp(saved, "update") ||
			      !strcmp(saved, "verdict")))
			rv->saved = saved;
		rec_title(req, rv, title, sizeof(title));
		res_html_page(req, res, title, rec_body, rv);
	}
out:
	view_release(rv);
}

/* ---- the follow-up's forms ----------------------------------------------- */

enum rec_post { POST_ACTION, POST_DONE, POST_UPDATE, POST_VERDICT };

/* The form's fields by the name a check gives them (q_problem.field,
 * the CSV column's in any case):
 * the id's stem (with the addressee's id after it) and the label in the
 * middle of a sentence. */
static const struct {
	const char *field, *stem, *en, *cy;
} rec_fields[] = {
	{ "what", "what", "what will be done", "beth fydd yn cael ei wneud" },
	{ "who", "who", "who will do it", "pwy fydd yn ei wneud" },
	{ "target", "target", "target date", "dyddiad targed" },
	{ "note", "note", "update", "diweddariad" },
	{ "status", "status", "status", "statws" },
	{ "verdict", "decision", "verdict", "dyfarniad" },
	{ "reason", "reason", "reason", "rheswm" },
};

/*
 * A problem the service's checks found (struct q_problem) as the form's
 * error, on the field it names, in the page's language (the check's own
 * sentence is English: the Welsh page says what is wrong in Welsh).
 */
static void service_problem(struct request *req, struct recs_view *rv,
			    int64_t aid, const struct q_problem *p)
{
	const char *rule = p->rule ? p->rule : "";
	char id[WEB_FIELD_ID_MAX], msg[WEB_FORM_MSG_MAX];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(rec_fields); i++)
		if (p->field && !strcasecmp(p->field, rec_fields[i].field))
			break;
	if (i == ARRAY_SIZE(rec_fields)) {
		web_form_fail(&rv->f, "", p->msg[0] && !is_cy(req) ? p->msg :
			      tr(req, "Check what you entered",
				 "Gwiriwch yr hyn a roesoch"));
		return;
	}
	snprintf(id, sizeof(id), "%s-%lld%s", rec_fields[i].stem,
		 (long long)aid, !strcmp(rec_fields[i].stem, "target") ?
		 "-day" : "");
	if (!strcmp(rule, "required"))
		snprintf(msg, sizeof(msg), WEB_TRF(req, "Enter the %s",
						   "Rhowch y %s"),
			 tr(req, rec_fields[i].en, rec_fields[i].cy));
	else if (!strcmp(rule, "too-long"))
		snprintf(msg, sizeof(msg), WEB_TRF(req, "The %s is too long",
						   "Mae" RQ "r %s yn rhy hir"),
			 tr(req, rec_fields[i].en, rec_fields[i].cy));
	else if (!is_cy(req) && p->msg[0])
		snprintf(msg, sizeof(msg), "%s", p->msg);
	else
		snprintf(msg, sizeof(msg), WEB_TRF(req, "Check the %s",
						   "Gwiriwch y %s"),
			 tr(req, rec_fields[i].en, rec_fields[i].cy));
	web_form_fail(&rv->f, id, msg);
}

/* The fields of the form sent, and the service's change: 0, ERR_INVALID
 * with problems in rv->f, or an error to answer. */
static int post_change(struct request *req, struct store *s,
		       struct recs_view *rv, enum rec_post what,
		       const struct rec_addressee *a, int64_t action,
		       struct err *err)
{
	char id1[48], id2[48], id3[48];
	struct q_problem p;
	int rc = 0;

	memset(&p, 0, sizeof(p));
	if (what == POST_DONE)
		return quality_rec_action_done(s, &rv->v, action, err);
	if (what == POST_ACTION) {
		struct rec_action *ac = xcalloc(1, sizeof(*ac));
		int64_t ms = 0;

		rec_action_init(ac);
		ac->addressee_id = a->id;
		field_id(id1, sizeof(id1), "what", a->id);
		field_id(id2, sizeof(id2), "who", a->id);
		field_id(id3, sizeof(id3), "target", a->id);
		if (!web_form_text(req, &rv->f, id1, tr(req, "What will be done",
							"Beth fydd yn cael ei "
							"wneud"),
				   ac->what, sizeof(ac->what)) && !ac->what[0])
			web_form_fail(&rv->f, id1, tr(req, "Enter what will be "
						      "done",
						      "Rhowch beth fydd yn "
						      "cael ei wneud"));
		if (!web_form_text(req, &rv->f, id2, tr(req, "Who will do it",
							"Pwy fydd yn ei "
							"wneud"),
				   ac->who, sizeof(ac->who)) && !ac->who[0])
			web_form_fail(&rv->f, id2, tr(req, "Enter who will do "
						      "it",
						      "Rhowch pwy fydd yn ei "
						      "wneud"));
		if (!web_form_when(req, &rv->f, id3, tr(req, "Target date",
							"Dyddiad targed"),
				   false, &ms) && !ms)
			web_form_fail(&rv->f, id3, tr(req, "Enter the target "
						      "date",
						      "Rhowch y dyddiad "
						      "targed"));
		ac->target_on = (int32_t)(ms / DAY_MS);
		if (!rv->f.n) {
			rc = quality_rec_action_add(s, &rv->v, ac, &p, err);
			if (rc == ERR_INVALID)
				service_problem(req, rv, a->id, &p);
		}
		free(ac);
		return rv->f.n ? ERR_INVALID : rc;
	}
	if (what == POST_UPDATE) {
		struct rec_update *u = xcalloc(1, sizeof(*u));
		const char *st;

		u->addressee_id = a->id;
		field_id(id1, sizeof(id1), "note", a->id);
		field_id(id2, sizeof(id2), "status", a->id);
		if (!web_form_text(req, &rv->f, id1, tr(req, "The update",
							"Y diweddariad"),
				   u->note, sizeof(u->note)) && !u->note[0])
			web_form_fail(&rv->f, id1, tr(req, "Enter what has been "
						      "done and the evidence",
						      "Rhowch beth sydd wedi"
						      RQ "i wneud a" RQ "r "
						      "dystiolaeth"));
		st = req_form_get(req, id2);
		if (!st || rec_status_parse(st, &u->status))
			web_form_fail(&rv->f, id2, tr(req, "Choose your "
						      "organisation" RQ "s "
						      "status",
						      "Dewiswch statws eich "
						      "sefydliad"));
		if (!rv->f.n) {
			rc = quality_rec_update_add(s, &rv->v, u, &p, err);
			if (rc == ERR_INVALID)
				service_problem(req, rv, a->id, &p);
		}
		free(u);
		return rv->f.n ? ERR_INVALID : rc;
	}
	{
		char *reason = xmalloc(Q_TEXT_MAX + 1);
		enum rec_verdict vd = REC_VERDICT_NONE;
		const char *v;

		reason[0] = '\0';
		field_id(id1, sizeof(id1), "decision", a->id);
		field_id(id2, sizeof(id2), "reason", a->id);
		v = req_form_get(req, id1);
		if (v && !strcmp(v, "accepted"))
			vd = REC_ACCEPTED;
		else if (v && !strcmp(v, "rejected"))
			vd = REC_REJECTED;
		else
			web_form_fail(&rv->f, id1, tr(req, "Choose accept or "
						      "reject",
						      "Dewiswch dderbyn neu "
						      "wrthod"));
		if (!web_form_text(req, &rv->f, id2, tr(req, "The reason",
							"Y rheswm"),
				   reason, Q_TEXT_MAX + 1) &&
		    vd == REC_REJECTED && !reason[0])
			web_form_fail(&rv->f, id2, tr(req, "Enter why it is "
						      "rejected",
						      "Rhowch pam y caiff ei "
						      "wrthod"));
		if (!rv->f.n) {
			rc = quality_rec_judge(s, &rv->v, a->id, vd, reason,
					       &p, err);
			if (rc == ERR_INVALID)
				service_problem(req, rv, a->id, &p);
		}
		free(reason);
		return rv->f.n ? ERR_INVALID : rc;
	}
}

/* The service's answer to a write by a role that may not read the
 * register (ERR_DENIED, audited "change-denied"). */
static int refused_write(struct store *s, struct recs_view *rv,
			 enum rec_post what, int64_t id, int64_t aid,
			 int64_t action, struct err *err)
{
	struct rec_action *ac;
	struct rec_update *u;
	struct q_problem p;
	int rc;

	(void)id;
	memset(&p, 0, sizeof(p));
	switch (what) {
	case POST_DONE:
		return quality_rec_action_done(s, &rv->v, action, err);
	case POST_VERDICT:
		return quality_rec_judge(s, &rv->v, aid, REC_ACCEPTED, "", &p,
					 err);
	case POST_UPDATE:
		u = xcalloc(1, sizeof(*u));
		u->addressee_id = aid;
		rc = quality_rec_update_add(s, &rv->v, u, &p, err);
		free(u);
		return rc;
	default:
		ac = xcalloc(1, sizeof(*ac));
		rec_action_init(ac);
		ac->addressee_id = aid;
		rc = quality_rec_action_add(s, &rv->v, ac, &p, err);
		free(ac);
		return rc;
	}
}

static void rec_post(struct request *req, struct response *res,
		     enum rec_post what)
{
	static const char *const words[] = { "action", "done", "update",
					     "verdict" };
	static const char *const forms[] = { "action", "done", "update",
					     "verdict" };
	struct recs_view *rv = xcalloc(1, sizeof(*rv));
	struct err err = ERR_INIT;
	struct audit_writer *w = NULL;
	const struct rec_addressee *a;
	struct store *s = NULL;
	char title[160], to[96];
	int64_t id, aid = 0, action = 0;
	long ai;
	int rc;

	if (req_param_int(req, res, "id", 1, INT64_MAX, &id) ||
	    (what != POST_DONE &&
	     req_param_int(req, res, "aid", 1, INT64_MAX, &aid)) ||
	    (what == POST_DONE &&
	     req_param_int(req, res, "action", 1, INT64_MAX, &action)))
		goto out;
	rc = view_load(req, rv, &s, &err);
	if (rc == ERR_DENIED && !quality_may(&rv->v, Q_READ_RECS, NULL)) {
		/* a role that may not read the register may not change it:
		 * the service refuses the write itself, and audits it */
		rc = refused_write(s, rv, what, id, aid, action, &err);
		fail(req, res, rc ? rc : ERR_DENIED, &err, true);
		goto out;
	}
	if (!rc)
		rc = find_rec(req, res, rv);
	if (!rc && what == POST_DONE) {
		/* the action's addressee; an action not of this
		 * recommendation does not exist here */
		size_t k;

		for (k = 0; k < rv->q.nactions; k++)
			if (rv->q.actions[k].id == action)
				break;
		aid = k < rv->q.nactions ? rv->q.actions[k].addressee_id : 0;
	}
	ai = rc ? -1 : rec_view_addressee(&rv->q, aid);
	if (!rc && (ai < 0 || rv->q.addressees[ai].rec_id != id))
		rc = ERR_NOT_FOUND;
	if (rc) {
		fail(req, res, rc, &err, true);
		goto out;
	}
	a = &rv->q.addressees[ai];
	field_id(rv->form, sizeof(rv->form), forms[what], aid);
	rv->f.form = rv->form;
	rv->form_aid = aid;
	w = web_write_begin(s);
	rc = post_change(req, s, rv, what, a, action, &err);
	web_write_end(s, w);
	if (rc && rc != ERR_INVALID) {
		fail(req, res, rc, &err, true);
		goto out;
	}
	if (!rc) {
		snprintf(to, sizeof(to), "/recommendations/%lld?saved=%s",
			 (long long)id, words[what]);
		res_redirect(res, to);
		goto out;
	}
	if (!rv->f.n)
		web_form_fail(&rv->f, "", tr(req, "The change could not be "
					     "saved", "Nid oedd modd cadw" RQ
					     "r newid"));
	rec_title(req, rv, title, sizeof(title));
	res_html_page(req, res, title, rec_body, rv);
	res->status = 400;
out:
	view_release(rv);
}

void page_rec_action(struct request *req, struct response *res)
{
	rec_post(req, res, POST_ACTION);
}

void page_rec_action_done(struct request *req, struct response *res)
{
	rec_post(req, res, POST_DONE);
}

void page_rec_update(struct request *req, struct response *res)
{
	rec_post(req, res, POST_UPDATE);
}

void page_rec_verdict(struct request *req, struct response *res)
{
	rec_post(req, res, POST_VERDICT);
}
