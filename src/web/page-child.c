/*
 * page-child.c: GET /children/{council}/{ref}, one child's record as the
 * signed-in user may see it: who the child is (a GOV.UK summary list)
 * and one chronology, oldest first, of its placements (dates, type,
 * provider, home, reasons), missing and away periods (start, end,
 * length) and yearly outcomes (OC2).
 *
 * The record comes from store_child_record() with the user's viewer:
 * the store decides whether the child is in scope and which rows and
 * fields of it the viewer may see, and writes the audit row (a "view",
 * or a "view-denied" for a child out of scope or unknown).  A child out
 * of scope and one that does not exist get the same 404 page; so do
 * analysts and admins, who see no child at all.  A field the store
 * withheld reads "not shown" (the field table of docs/access.md).
 */
#include "base/compat.h"
#include "base/parse.h"
#include "base/xalloc.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/parts.h"
#include "web/session.h"

#define RQ "\xe2\x80\x99"	/* right single quotation mark */

struct child_view {
	struct viewer v;
	struct web_councils councils;
	struct child_record rec;
};

/* One line of the chronology. */
enum entry_kind { E_EPISODE, E_MISSING, E_OC2 };

struct entry {
	int32_t day;
	enum entry_kind kind;
	size_t i;		/* index into its array */
};

static int entry_cmp(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* "Label: " then the caller's value, as one item of a list. */
static void item_start(struct response *res, const char *label)
{
	res_markup(res, "<li>");
	res_text(res, label);
	res_text(res, ": ");
}

static void item_end(struct response *res)
{
	res_markup(res, "</li>\n");
}

/* A coded field the viewer may (field) or may not see. */
static void item_code(struct request *req, struct response *res,
		      const struct child_view *cv, unsigned field,
		      const char *label, const struct code_list *l,
		      const char *code)
{
	item_start(res, label);
	if (field && !viewer_may(&cv->v, field))
		part_not_shown(req, res);
	else
		part_code(req, res, l, code);
	item_end(res);
}

static void postcode_item(struct request *req, struct response *res,
			  const struct child_view *cv,
			  const struct child_placement *e)
{
	if (viewer_may(&cv->v, VF_PLACEMENT_POSTCODE)) {
		item_start(res, tr(req, "Placement postcode",
				   "Cod post y lleoliad"));
		if (e->pl_post[0])
			res_text(res, e->pl_post);
		else
			part_not_recorded(req, res);
	} else {
		item_start(res, tr(req, "Placement postcode district",
				   "Ardal cod post y lleoliad"));
		if (!viewer_may(&cv->v, VF_DISTRICT))
			part_not_shown(req, res);
		else if (e->district[0])
			res_text(res, e->district);
		else
			part_not_recorded(req, res);
	}
	item_end(res);
}

static void distance_item(struct request *req, struct response *res,
			  const struct child_view *cv,
			  const struct child_placement *e)
{
	char s[32];

	item_start(res, tr(req, "Distance from home", "Pellter o" RQ "r cartref"));
	if (viewer_may(&cv->v, VF_DISTANCE)) {
		if (e->distance < 0) {
			res_text(res, web_band_label(req, DIST_UNKNOWN));
		} else {
			snprintf(s, sizeof(s), WEB_TRF(req, "%d.%d miles",
						       "%d.%d milltir"),
				 e->distance / 10, e->distance % 10);
			res_text(res, s);
		}
	} else if (viewer_may(&cv->v, VF_DISTANCE_BAND) &&
		   e->band != DIST_HIDDEN) {
		res_text(res, web_band_label(req, e->band));
	} else {
		part_not_shown(req, res);
	}
	item_end(res);
}

static void episode_row(struct request *req, struct response *res,
			const struct child_view *cv,
			const struct child_placement *e)
{
	res_markup(res, "<td class=\"govuk-table__cell\">");
	if (e->dec == DATE_NONE)
		res_text(res, tr(req, "now", "nawr"));
	else
		part_date(req, res, e->dec);
	res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
	res_text(res, tr(req, "Placement: ", "Lleoliad: "));
	part_code(req, res, &codes_place, e->place);
	res_markup(res, "</td>\n<td class=\"govuk-table__cell\">\n"
		   "<ul class=\"govuk-list govuk-body-s\">\n");
	item_code(req, res, cv, 0, tr(req, "Reason for the new episode",
				      "Rheswm dros y cyfnod newydd"),
		  &codes_rne, e->rne);
	item_code(req, res, cv, 0, tr(req, "Provider", "Darparwr"),
		  &codes_place_provider, e->place_provider);
	if (e->urn[0]) {
		item_start(res, tr(req, "Children" RQ "s home", "Cartref plant"));
		part_home_link(res, e->urn, e->home_name);
		if (e->provider[0]) {
			res_text(res, ", ");
			res_text(res, e->provider);
		}
		item_end(res);
	}
	postcode_item(req, res, cv, e);
	item_code(req, res, cv, VF_LEGAL_STATUS,
		  tr(req, "Legal status", "Statws cyfreithiol"), &codes_ls,
		  e->ls);
	item_code(req, res, cv, VF_NEED,
		  tr(req, "Category of need", "Categori angen"), &codes_cin,
		  e->cin);
	distance_item(req, res, cv, e);
	if (viewer_may(&cv->v, VF_HOME_POSTCODE)) {
		item_start(res, tr(req, "Child" RQ "s home postcode",
				   "Cod post cartref y plentyn"));
		if (e->home_post[0])
			res_text(res, e->home_post);
		else
			part_not_recorded(req, res);
		item_end(res);
	}
	if (e->dec != DATE_NONE) {
		item_code(req, res, cv, VF_ENDINGS,
			  tr(req, "Reason the episode ended",
			     "Rheswm dros ddiwedd y cyfnod"), &codes_rec,
			  e->rec);
		if (e->reason_place_change[0] ||
		    !viewer_may(&cv->v, VF_ENDINGS))
			item_code(req, res, cv, VF_ENDINGS,
				  tr(req, "Reason for the change of placement",
				     "Rheswm dros newid y lleoliad"),
				  &codes_reason_place_change,
				  e->reason_place_change);
	}
	res_markup(res, "</ul>\n</td>\n");
}

static void missing_row(struct request *req, struct response *res,
			const struct child_view *cv,
			const struct child_missing *m)
{
	int32_t until = m->open || m->end == DATE_NONE ? cv->v.today : m->end;
	char days[64];

	res_markup(res, "<td class=\"govuk-table__cell\">");
	if (m->open || m->end == DATE_NONE) {
		res_markup(res, "<strong class=\"govuk-tag govuk-tag--red\">");
		res_text(res, tr(req, "Still missing", "Yn dal ar goll"));
		res_markup(res, "</strong>");
	} else {
		part_date(req, res, m->end);
	}
	res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
	part_code(req, res, &codes_missing, m->kind);
	res_markup(res, "</td>\n<td class=\"govuk-table__cell\">\n"
		   "<ul class=\"govuk-list govuk-body-s\">\n");
	web_days_text((long)until - m->start, req->lang[0] == 'c', days,
		      sizeof(days));
	item_start(res, m->open || m->end == DATE_NONE ?
				tr(req, "Missing for", "Ar goll ers") :
				tr(req, "Length", "Hyd"));
	res_text(res, days);
	item_end(res);
	item_start(res, tr(req, "Went missing from", "Aeth ar goll o"));
	if (m->urn[0])
		part_home_link(res, m->urn, m->home_name);
	else if (m->place[0])
		part_code(req, res, &codes_place, m->place);
	else
		part_not_recorded(req, res);
	if (viewer_may(&cv->v, VF_PLACEMENT_POSTCODE) && m->pl_post[0]) {
		res_text(res, ", ");
		res_text(res, m->pl_post);
	} else if (viewer_may(&cv->v, VF_DISTRICT) && m->district[0]) {
		res_text(res, ", ");
		res_text(res, m->district);
	}
	item_end(res);
	res_markup(res, "</ul>\n</td>\n");
}

/* An OC2 yes/no flag: 1, 0 or -1 (blank). */
static void flag_item(struct request *req, struct response *res,
		      const char *label, int32_t v)
{
	item_start(res, label);
	if (v < 0)
		part_not_recorded(req, res);
	else
		res_text(res, v ? tr(req, "Yes", "Ie") : tr(req, "No", "Na"));
	item_end(res);
}

static void oc2_row(struct request *req, struct response *res,
		    const struct child_oc2 *o)
{
	res_markup(res, "<td class=\"govuk-table__cell\"></td>\n"
		   "<td class=\"govuk-table__cell\">");
	res_text(res, tr(req, "Outcomes for the year (OC2)",
			 "Canlyniadau" RQ "r flwyddyn (OC2)"));
	res_markup(res, "</td>\n<td class=\"govuk-table__cell\">\n"
		   "<ul class=\"govuk-list govuk-body-s\">\n");
	item_start(res, tr(req, "SDQ score", "Sg\xc3\xb4r SDQ"));
	if (o->sdq_score >= 0)
		res_int(res, o->sdq_score);
	else if (o->sdq_reason[0])
		part_code(req, res, &codes_sdq_reason, o->sdq_reason);
	else
		part_not_recorded(req, res);
	item_end(res);
	flag_item(req, res, tr(req, "Convicted, final warning or reprimand",
			       "Euogfarn, rhybudd terfynol neu gerydd"),
		  o->convicted);
	flag_item(req, res, tr(req, "Health check up to date",
			       "Archwiliad iechyd yn gyfredol"),
		  o->health_check);
	flag_item(req, res, tr(req, "Immunisations up to date",
			       "Imiwneiddiadau yn gyfredol"),
		  o->immunisations);
	flag_item(req, res, tr(req, "Teeth checked by a dentist",
			       "Dannedd wedi" RQ "u harchwilio gan ddeintydd"),
		  o->teeth_check);
	flag_item(req, res, tr(req, "Health assessment up to date",
			       "Asesiad iechyd yn gyfredol"),
		  o->health_assessment);
	flag_item(req, res, tr(req, "Substance misuse problem",
			       "Problem camddefnyddio sylweddau"),
		  o->substance_misuse);
	flag_item(req, res, tr(req, "Intervention received",
			       "Ymyriad wedi" RQ "i dderbyn"),
		  o->intervention_received);
	flag_item(req, res, tr(req, "Intervention offered",
			       "Ymyriad wedi" RQ "i gynnig"),
		  o->intervention_offered);
	res_markup(res, "</ul>\n</td>\n");
}

static void about(struct request *req, struct response *res,
		  const struct child_view *cv)
{
	const struct child_summary *c = &cv->rec.child;

	part_summary_start(res);
	part_summary_row(res, tr(req, "Council", "Cyngor"),
			 web_council_name(req, &cv->councils, c->la));
	part_summary_row(res, tr(req, "Child reference",
				 "Cyfeirnod y plentyn"), c->ref);
	part_summary_key(res, tr(req, "Sex", "Rhyw"));
	if (viewer_may(&cv->v, VF_SEX))
		part_label(req, res, &codes_sex, c->sex);
	else
		part_not_shown(req, res);
	part_summary_key_end(res);
	part_summary_key(res, tr(req, "Date of birth", "Dyddiad geni"));
	if (viewer_may(&cv->v, VF_DOB))
		part_date(req, res, c->dob);
	else
		part_not_shown(req, res);
	part_summary_key_end(res);
	part_summary_key(res, tr(req, "Age", "Oed"));
	if (!viewer_may(&cv->v, VF_AGE))
		part_not_shown(req, res);
	else if (c->age < 0)
		part_not_recorded(req, res);
	else
		res_int(res, c->age);
	part_summary_key_end(res);
	part_summary_key(res, tr(req, "Unique pupil number (UPN)",
				 "Rhif disgybl unigryw (UPN)"));
	if (!viewer_may(&cv->v, VF_UPN))
		part_not_shown(req, res);
	else if (c->upn[0])
		res_text(res, c->upn);
	else
		part_not_recorded(req, res);
	part_summary_key_end(res);
	part_summary_key(res, tr(req, "Ethnicity", "Ethnigrwydd"));
	if (viewer_may(&cv->v, VF_ETHNIC))
		part_code(req, res, &codes_ethnic, c->ethnic);
	else
		part_not_shown(req, res);
	part_summary_key_end(res);
	part_summary_row(res, tr(req, "Looked after now",
				 "Yn derbyn gofal nawr"),
			 c->looked_after ? tr(req, "Yes", "Ydy") :
					   tr(req, "No", "Nac ydy"));
	part_summary_key(res, tr(req, "Placement now", "Lleoliad nawr"));
	if (!c->looked_after) {
		res_text(res, tr(req, "None", "Dim"));
	} else if (!c->has_current) {
		part_not_shown(req, res);
	} else {
		part_code(req, res, &codes_place, c->current.place);
		if (c->current.urn[0]) {
			res_text(res, ", ");
			part_home_link(res, c->current.urn,
				       c->current.home_name);
		}
	}
	part_summary_key_end(res);
	part_summary_key(res, tr(req, "Missing now", "Ar goll nawr"));
	if (c->open_missing > 0) {
		res_markup(res, "<strong class=\"govuk-tag govuk-tag--red\">");
		res_text(res, tr(req, "Missing", "Ar goll"));
		res_markup(res, "</strong>");
	} else {
		res_text(res, tr(req, "No", "Nac ydy"));
	}
	part_summary_key_end(res);
	if (!viewer_may(&cv->v, VF_OC2)) {
		part_summary_key(res, tr(req, "Outcomes (OC2)",
					 "Canlyniadau (OC2)"));
		part_not_shown(req, res);
		part_summary_key_end(res);
	}
	part_summary_end(res);
}

static void chronology(struct request *req, struct response *res,
		       const struct child_view *cv)
{
	const struct child_record *r = &cv->rec;
	size_t n = r->nepisodes + r->nmissing + r->noc2, k = 0;
	struct entry *v;

	part_h2(res, tr(req, "Chronology", "Cronoleg"));
	if (!n) {
		part_para(res, tr(req, "Nothing to show.",
				  "Dim byd i" RQ "w ddangos."));
		return;
	}
	v = xcalloc(n, sizeof(*v));
	for (size_t i = 0; i < r->nepisodes; i++)
		v[k++] = (struct entry){ r->episodes[i].decom, E_EPISODE, i };
	for (size_t i = 0; i < r->nmissing; i++)
		v[k++] = (struct entry){ r->missing[i].start, E_MISSING, i };
	for (size_t i = 0; i < r->noc2; i++)
		v[k++] = (struct entry){ year_end(r->oc2[i].year), E_OC2, i };
	qsort(v, n, sizeof(*v), entry_cmp);

	res_markup(res, "<table class=\"govuk-table\">\n<caption "
		   "class=\"govuk-table__caption govuk-table__caption--s\">");
	res_text(res, tr(req, "Placements, periods missing or away, and "
			 "outcomes, oldest first",
			 "Lleoliadau, cyfnodau ar goll neu i ffwrdd, a "
			 "chanlyniadau, yr hynaf yn gyntaf"));
	res_markup(res, "</caption>\n<thead class=\"govuk-table__head\">\n"
		   "<tr class=\"govuk-table__row\">\n");
	part_th(res, tr(req, "From", "O"), false);
	part_th(res, tr(req, "To", "Hyd at"), false);
	part_th(res, tr(req, "What", "Beth"), false);
	part_th(res, tr(req, "Details", "Manylion"), false);
	res_markup(res, "</tr>\n</thead>\n<tbody class=\"govuk-table__body\">\n");
	for (size_t i = 0; i < n; i++) {
		res_markup(res, "<tr class=\"govuk-table__row\">\n"
			   "<th scope=\"row\" class=\"govuk-table__header\">");
		part_date(req, res, v[i].day);
		res_markup(res, "</th>\n");
		switch (v[i].kind) {
		case E_EPISODE:
			episode_row(req, res, cv, &r->episodes[v[i].i]);
			break;
		case E_MISSING:
			missing_row(req, res, cv, &r->missing[v[i].i]);
			break;
		case E_OC2:
			oc2_row(req, res, &r->oc2[v[i].i]);
			break;
		}
		res_markup(res, "</tr>\n");
	}
	res_markup(res, "</tbody>\n</table>\n");
	free(v);
	if (r->truncated)
		part_para(res, tr(req, "This record is long: only its first "
				  "1,000 rows of each kind are shown.",
				  "Mae" RQ "r cofnod hwn yn hir: dim ond y "
				  "1,000 rhes gyntaf o bob math a ddangosir."));
}

static void child_body(struct request *req, struct response *res, void *ctx)
{
	const struct child_view *cv = ctx;
	const struct child_summary *c = &cv->rec.child;

	res_markup(res, "<span class=\"govuk-caption-l\">");
	res_text(res, web_council_name(req, &cv->councils, c->la));
	res_markup(res, "</span>\n<h1 class=\"govuk-heading-l\">");
	res_text(res, tr(req, "Child ", "Plentyn "));
	res_text(res, c->ref);
	res_markup(res, "</h1>\n<div class=\"govuk-inset-text\">");
	res_text(res, tr(req, "You see what your role needs. Your viewing of "
			 "this record has been recorded in the audit trail.",
			 "Rydych yn gweld yr hyn sydd ei angen ar eich r\xc3\xb4l. "
			 "Mae" RQ "r ffaith i chi edrych ar y cofnod hwn wedi"
			 RQ "i chofnodi yn y trywydd archwilio."));
	res_markup(res, "</div>\n");
	part_h2(res, tr(req, "About the child", "Am y plentyn"));
	about(req, res, cv);
	chronology(req, res, cv);
}

void page_child(struct request *req, struct response *res)
{
	struct child_view *cv = NULL;
	struct err err = ERR_INIT;
	const char *la, *ref;
	struct store *s;
	char title[64];
	int rc;

	/* the store answers any other length as "no such child" */
	if (req_param_str(req, res, "council", WEB_FILTER_MAX, &la) ||
	    req_param_str(req, res, "ref", WEB_FILTER_MAX, &ref))
		return;
	cv = xcalloc(1, sizeof(*cv));
	s = web_store(req, &err);
	rc = s ? web_viewer(req, s, &cv->v, &err) : ERR_STORE;
	if (!rc)	/* audited, allowed or not */
		rc = store_child_record(s, &cv->v, la, ref, &cv->rec, &err);
	if (!rc)
		rc = web_councils_load(s, &cv->councils, &err);
	if (rc == ERR_NOT_FOUND || rc == ERR_DENIED) {
		res_error(req, res, 404);	/* out of scope reads the same */
	} else if (rc) {
		web_log_err("a child's record", &err);
		res_error(req, res, 500);
	} else {
		snprintf(title, sizeof(title), "%s %s",
			 tr(req, "Child", "Plentyn"), cv->rec.child.ref);
		res_html_page(req, res, title, child_body, cv);
	}
	child_record_release(&cv->rec);
	free(cv);
}
