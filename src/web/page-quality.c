/*
 * page-quality.c: the quality of care of a home (issue 13;
 * docs/inspections.md, docs/http.md "Quality of care"):
 *
 *   GET  /homes/{urn}/inspections/new     an inspector's form: dates,
 *                                         type, ratings, findings, and
 *                                         a verdict on each finding of
 *                                         earlier inspections still to
 *                                         be put right
 *   POST /homes/{urn}/inspections/new     quality_inspection_record()
 *   GET  /inspections/{id}                the inspection and its
 *                                         findings; the home's provider
 *                                         answers each open one
 *   POST /findings/{id}/response          quality_finding_respond()
 *   GET  /homes/{urn}/notifications/new   the home's reg 60 form
 *                                         (?episode=: from a missing
 *                                         episode)
 *   POST /homes/{urn}/notifications/new   quality_notification_file()
 *   GET  /homes/{urn}/notifications       the home's timeline
 *
 * Everything goes through the service (quality/service.h), which scopes
 * and audits: this file asks quality_may() only to decide which form to
 * offer, and audits a refused form itself (the service never sees a GET
 * of a form).  Out of scope and unknown are the 404 page; a POST a role
 * may never send is 403.  Bad input shows the form again (400) with a
 * GOV.UK error summary naming each field and what was typed kept; a
 * change answers 303 to the page that shows it with a "Saved" banner.
 * Dates are entered as day, month, year boxes (UK), times in UK local
 * time (base/uktime.h).
 */
#include "base/compat.h"
#include <strings.h>
#include "base/parse.h"
#include "base/uktime.h"
#include "base/xalloc.h"
#include "quality/service.h"
#include "store/store-core.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/parts.h"
#include "web/session.h"

#define RQ "\xe2\x80\x99"	/* right single quotation mark */
#define ELLIPSIS "\xe2\x80\xa6"

#define NEW_FINDINGS 5		/* finding rows of the inspection form */
#define CLIP_CHARS 90		/* a finding's text in a choice's label */
#define DAY_MS 86400000LL

/* ---- shared ------------------------------------------------------------- */

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

/*
 * A page or change v may not have, refused: audited ("view-denied", or
 * "change-denied" for a write) naming what was asked for, then rc.  An
 * unknown home is refused the same way as one out of scope.
 */
static int refuse(struct store *s, const struct viewer *v, bool write,
		  const char *kind, const char *subject, const char *why,
		  int rc, struct err *err)
{
	int arc;

	err_clear(err);
	arc = v->audit ? v->audit(s, v, write ? "change-denied" :
				  "view-denied", kind, subject, why, err) : 0;
	return arc ? arc : err_set(err, rc, "%s", why);
}

struct name_ctx {
	const char *urn;
	char *out;
	size_t cap;
	bool found;
};

static int name_fn(const struct home *h, void *ctx)
{
	struct name_ctx *c = ctx;

	if (strcmp(h->urn, c->urn))
		return 0;
	snprintf(c->out, c->cap, "%s", h->name);
	c->found = true;
	return 1;		/* stop: found */
}

/* A home's name from the register (public, not scoped): ERR_NOT_FOUND. */
static int home_name(struct store *s, const char *urn, char *out, size_t cap,
		     struct err *err)
{
	struct name_ctx c = { urn, out, cap, false };
	int rc = store_homes_each(s, name_fn, &c, err);

	if (rc < 0)
		return rc;
	if (!c.found)
		return err_set(err, ERR_NOT_FOUND, "no home %s", urn);
	return 0;
}

/* s cut to at most max bytes on a character boundary, with "…". */
static void clip(const char *s, size_t max, char *out, size_t cap)
{
	size_t n = strlen(s);

	if (n <= max) {
		snprintf(out, cap, "%.*s", (int)n, s);
		return;
	}
	while (max && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;		/* not inside a UTF-8 sequence */
	snprintf(out, cap, "%.*s" ELLIPSIS, (int)max, s);
}

static void date_text(const struct request *req, int32_t day, char *out,
		      size_t cap)
{
	uk_date_text(day, req->lang[0] == 'c', out, cap);
}

/* A day from the date boxes of id (not required: DATE_NONE). */
static int32_t day_in(struct request *req, struct web_form *f, const char *id,
		      const char *label)
{
	int64_t ms = 0;

	if (web_form_when(req, f, id, label, false, &ms) || !ms)
		return DATE_NONE;
	return (int32_t)(ms / DAY_MS);
}

/* The date boxes' value for a day (0: empty). */
static int64_t day_ms(int32_t day)
{
	return day == DATE_NONE ? 0 : (int64_t)day * DAY_MS;
}

/* "Full inspection, 3 March 2026" or "..., 3 to 4 March 2026". */
static void insp_title(const struct request *req, const struct q_inspection *i,
		       char *out, size_t cap)
{
	char a[UK_TEXT_MAX], b[UK_TEXT_MAX];

	date_text(req, i->start_on, a, sizeof(a));
	if (i->end_on != DATE_NONE && i->end_on != i->start_on) {
		const char *sa, *sb;

		date_text(req, i->end_on, b, sizeof(b));
		sa = strchr(a, ' ');
		sb = strchr(b, ' ');
		/* "13 to 14 August 2019" in the same month */
		if (sa && sb && !strcmp(sa, sb))
			snprintf(out, cap, WEB_TRF(req, "%s, %.*s to %s",
						   "%s, %.*s i %s"),
				 web_inspection_kind(req, i->type),
				 (int)(sa - a), a, b);
		else
			snprintf(out, cap, WEB_TRF(req, "%s, %s to %s",
						   "%s, %s i %s"),
				 web_inspection_kind(req, i->type), a, b);
	} else {
		snprintf(out, cap, "%s, %s",
			 web_inspection_kind(req, i->type), a);
	}
}

/* "Priority action notice: reg 21" */
static void finding_title(const struct request *req, const struct q_finding *f,
			  char *out, size_t cap)
{
	snprintf(out, cap, "%s: %s",
		 q_finding_kind_name(f->kind, req->lang[0] == 'c'),
		 f->regulation);
}

/* ---- problems as messages ----------------------------------------------- */

/* A field of a form: the name the checks give (docs/inspections.md's
 * columns), the input's id (after a prefix: "f2-" for a finding row). */
struct qfield {
	const char *csv;
	const char *id;
	const char *en, *cy;
	bool date;
	bool choice;		/* a select or radios: "Choose ..." */
};

static const struct qfield insp_fields[] = {
	{ "START", "start", "First day of the inspection",
	  "Diwrnod cyntaf yr arolygiad", true, false },
	{ "END", "end", "Last day of the inspection",
	  "Diwrnod olaf yr arolygiad", true, false },
	{ "TYPE", "type", "Type of inspection", "Math o arolygiad", false,
	  true },
	{ "INSPECTORS", "inspectors", "Inspectors" RQ " names",
	  "Enwau" RQ "r arolygwyr",
	  false, false },
	{ "WELLBEING", "r-wellbeing", "Rating for well-being",
	  "Sg\xc3\xb4r ar gyfer llesiant", false, true },
	{ "CARE_SUPPORT", "r-care_support", "Rating for care and support",
	  "Sg\xc3\xb4r ar gyfer gofal a chymorth", false, true },
	{ "ENVIRONMENT", "r-environment", "Rating for environment",
	  "Sg\xc3\xb4r ar gyfer yr amgylchedd", false, true },
	{ "LEADERSHIP", "r-leadership",
	  "Rating for leadership and management",
	  "Sg\xc3\xb4r ar gyfer arweinyddiaeth a rheolaeth", false, true },
	{ "SUMMARY", "summary", "Summary", "Crynodeb", false, false },
};

static const struct qfield finding_fields[] = {
	{ "KIND", "kind", "kind of finding", "math o ganfyddiad", false,
	  true },
	{ "REGULATION", "reg", "regulation", "rheoliad", false, false },
	{ "TEXT", "text", "what must change", "beth sy" RQ "n rhaid ei newid",
	  false, false },
	{ "DUE", "due", "date the notice must be met by",
	  "dyddiad y mae" RQ "n rhaid bodloni" RQ "r hysbysiad", true, false },
	{ "REPEATS", "repeats", "earlier finding it repeats",
	  "canfyddiad cynharach y mae" RQ "n ei ailadrodd", false, true },
};

static const struct qfield notif_fields[] = {
	{ "CATEGORY", "category", "What the notification is about",
	  "Am beth mae" RQ "r hysbysiad", false, true },
	{ "OCCURRED_AT", "occurred", "When it happened", "Pryd y digwyddodd",
	  true, false },
	{ "LA", "child", "Child", "Plentyn", false, true },
	{ "CHILD", "child", "Child", "Plentyn", false, true },
	{ "SUMMARY", "summary", "What happened", "Beth ddigwyddodd", false,
	  false },
	{ "ACTION", "action", "What the home did", "Beth wnaeth y cartref",
	  false, false },
};

static const struct qfield *qfield_find(const struct qfield *t, size_t n,
					const char *csv)
{
	for (size_t i = 0; csv && i < n; i++)
		if (!strcasecmp(t[i].csv, csv) || !strcmp(t[i].id, csv))
			return &t[i];
	return NULL;
}

static const char *qlabel(const struct request *req, const struct qfield *t,
			  size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(t[i].id, id))
			return tr(req, t[i].en, t[i].cy);
	BUG("no field %s", id);
}

/*
 * A problem a check found (domain/quality.h, struct q_problem) as the
 * form's error: on the field it names (prefix: a finding row's, and
 * what goes before its label, "Finding 2: "), in the page's language.
 */
static void q_fail(struct request *req, struct web_form *f,
		   const struct q_problem *p, const struct qfield *t, size_t n,
		   const char *prefix, const char *lead)
{
	const struct qfield *fd = qfield_find(t, n, p->field);
	const char *rule = p->rule ? p->rule : "";
	char id[WEB_FIELD_ID_MAX], name[76], msg[WEB_FORM_MSG_MAX];

	if (!fd) {
		web_form_fail(f, "", p->msg[0] && req->lang[0] != 'c' ? p->msg :
			      tr(req, "Check what you entered",
				 "Gwiriwch yr hyn a roesoch"));
		return;
	}
	snprintf(id, sizeof(id), "%s%s%s", prefix, fd->id, fd->date ? "-day" :
		 "");
	/* the label in the middle of a sentence */
	snprintf(name, sizeof(name), "%s", tr(req, fd->en, fd->cy));
	if (name[0] >= 'A' && name[0] <= 'Z')
		name[0] = (char)(name[0] - 'A' + 'a');
	if ((!strcmp(rule, "required") || !strcmp(rule, "unknown")) &&
	    fd->choice)
		snprintf(msg, sizeof(msg), WEB_TRF(req, "Choose %s",
						   "Dewiswch %s"), name);
	else if (!strcmp(rule, "required"))
		snprintf(msg, sizeof(msg), WEB_TRF(req, "Enter %s",
						   "Rhowch %s"), name);
	else if (!strcmp(rule, "too-long"))
		snprintf(msg, sizeof(msg), WEB_TRF(req, "The %s is too long",
						   "Mae" RQ "r %s yn rhy hir"),
			 name);
	else if (!strcmp(rule, "text"))
		snprintf(msg, sizeof(msg), WEB_TRF(req,
			 "The %s contains characters that are not allowed",
			 "Mae" RQ "r %s yn cynnwys nodau nad ydynt yn cael eu "
			 "caniat" "\xc3\xa1" "u"), name);
	else if (!strcmp(rule, "future"))
		snprintf(msg, sizeof(msg), WEB_TRF(req,
			 "The %s must not be in the future",
			 "Ni all y %s fod yn y dyfodol"), name);
	else if (!strcmp(rule, "not-allowed") && !strcmp(fd->id, "due"))
		snprintf(msg, sizeof(msg), WEB_TRF(req,
			 "Leave the date empty: only a priority action "
			 "notice has one",
			 "Gadewch y dyddiad yn wag: dim ond hysbysiad "
			 "gweithredu blaenoriaeth sydd ag un"));
	else if (!strcmp(rule, "date-order") && !strcmp(fd->id, "due"))
		snprintf(msg, sizeof(msg), WEB_TRF(req,
			 "The %s must not be before the inspection",
			 "Ni all y %s fod cyn yr arolygiad"), name);
	else if (!strcmp(rule, "date-order"))
		snprintf(msg, sizeof(msg), WEB_TRF(req,
			 "The %s must not be before the first day",
			 "Ni all y %s fod cyn y diwrnod cyntaf"), name);
	else
		snprintf(msg, sizeof(msg), WEB_TRF(req, "Check %s",
						   "Gwiriwch %s"), name);
	/* a finding row's: "Finding 2: enter the regulation" */
	if (lead[0]) {
		char whole[WEB_FORM_MSG_MAX];

		if (msg[0] >= 'A' && msg[0] <= 'Z')
			msg[0] = (char)(msg[0] - 'A' + 'a');
		snprintf(whole, sizeof(whole), "%s%.200s", lead, msg);
		web_form_fail(f, id, whole);
		return;
	}
	web_form_fail(f, id, msg);
}

/* A theme's name in the middle of a sentence: "well-being". */
static void theme_low(const struct request *req, enum q_theme t, char *out,
		      size_t cap)
{
	snprintf(out, cap, "%s", q_theme_name(t, req->lang[0] == 'c'));
	if (out[0] >= 'A' && out[0] <= 'Z')
		out[0] = (char)(out[0] - 'A' + 'a');
}

/* ---- recording an inspection ----------------------------------------- */

struct insp_form {
	struct viewer v;
	char urn[S903_URN_MAX + 1];
	char home[HOME_NAME_MAX + 1];
	struct quality_set qs;	/* the home's record: earlier findings */
	struct q_inspection i;
	struct web_form f;
};

static const char *const theme_ids[Q_NTHEMES] = {
	[Q_WELLBEING] = "r-wellbeing", [Q_CARE_SUPPORT] = "r-care_support",
	[Q_ENVIRONMENT] = "r-environment", [Q_LEADERSHIP] = "r-leadership",
};

/* The inspection a finding of the set was made at, or NULL. */
static const struct q_inspection *insp_of(const struct quality_set *qs,
					  int64_t id)
{
	for (size_t i = 0; i < qs->ninsp; i++)
		if (qs->insp[i].id == id)
			return &qs->insp[i];
	return NULL;
}

/* "reg 21: what must change… (3 March 2026)" for a choice. */
static void finding_choice(const struct request *req,
			   const struct quality_set *qs,
			   const struct q_finding *fd, char *out, size_t cap)
{
	const struct q_inspection *i = insp_of(qs, fd->inspection_id);
	char text[CLIP_CHARS + 8], d[UK_TEXT_MAX] = "";

	clip(fd->text, CLIP_CHARS, text, sizeof(text));
	if (i)
		date_text(req, i->start_on, d, sizeof(d));
	snprintf(out, cap, "%s: %s (%s)", fd->regulation, text, d);
}

static void rating_select(struct request *req, struct response *res,
			  const struct insp_form *nf, enum q_theme t)
{
	bool cy = req->lang[0] == 'c';
	struct web_choice c[Q_NRATINGS + 1];
	size_t n = 0;

	c[n++] = (struct web_choice){ "", tr(req, "Choose a rating",
					      "Dewiswch sg\xc3\xb4r") };
	for (int r = Q_EXCELLENT; r < Q_NRATINGS; r++)
		c[n++] = (struct web_choice){ q_rating_code(r),
					      q_rating_name(r, cy) };
	c[n++] = (struct web_choice){ "not_rated", q_rating_name(Q_NOT_RATED,
								 cy) };
	part_select(req, res, &nf->f, "inspection", theme_ids[t],
		    q_theme_name(t, cy), NULL, c, n, "");
}

static void finding_row(struct request *req, struct response *res,
			const struct insp_form *nf, int k,
			const struct web_choice *earlier, size_t nearlier)
{
	bool cy = req->lang[0] == 'c';
	struct web_choice kinds[Q_NKINDS + 1];
	char id[WEB_FIELD_ID_MAX], legend[64], hint[300];

	kinds[0] = (struct web_choice){ "", tr(req, "Choose the kind",
					       "Dewiswch y math") };
	for (int i = 0; i < Q_NKINDS; i++)
		kinds[i + 1] = (struct web_choice){
			q_finding_kind_code(i), q_finding_kind_name(i, cy) };
	snprintf(legend, sizeof(legend), WEB_TRF(req, "Finding %d",
						 "Canfyddiad %d"), k);
	res_markup(res, "<fieldset class=\"govuk-fieldset cartref-section\">\n"
		   "<legend class=\"govuk-fieldset__legend "
		   "govuk-fieldset__legend--s\">");
	res_text(res, legend);
	res_markup(res, "</legend>\n");
	snprintf(id, sizeof(id), "f%d-kind", k);
	part_select(req, res, &nf->f, "inspection", id,
		    tr(req, "Kind of finding", "Math o ganfyddiad"), NULL,
		    kinds, Q_NKINDS + 1, "");
	snprintf(id, sizeof(id), "f%d-reg", k);
	part_input(req, res, &nf->f, "inspection", id,
		   tr(req, "Regulation", "Rheoliad"),
		   tr(req, "For example, reg 21.", "Er enghraifft, reg 21."),
		   "", "govuk-input--width-10");
	snprintf(id, sizeof(id), "f%d-text", k);
	part_textarea(req, res, &nf->f, "inspection", id,
		      tr(req, "What must change", "Beth sy" RQ "n rhaid ei "
			 "newid"), NULL, "");
	snprintf(id, sizeof(id), "f%d-due", k);
	web_when_hint(req, false, tr(req, "A priority action notice only.",
				     "Hysbysiad gweithredu blaenoriaeth yn "
				     "unig."), hint, sizeof(hint));
	part_when(req, res, &nf->f, "inspection", id,
		  tr(req, "Date the notice must be met by",
		     "Dyddiad y mae" RQ "n rhaid bodloni" RQ "r hysbysiad"),
		  hint, 0, false);
	if (nearlier > 1) {
		snprintf(id, sizeof(id), "f%d-repeats", k);
		part_select(req, res, &nf->f, "inspection", id,
			    tr(req, "Repeats an earlier finding",
			       "Yn ailadrodd canfyddiad cynharach"),
			    tr(req, "When this home was told the same "
			       "before.",
			       "Pan ddywedwyd yr un peth wrth y cartref hwn "
			       "o" "\xe2\x80\x99" "r blaen."),
			    earlier, nearlier, "");
	}
	res_markup(res, "</fieldset>\n");
}

/* The findings of earlier inspections still to be put right: met? */
static void judge_rows(struct request *req, struct response *res,
		       const struct insp_form *nf)
{
	const struct quality_set *qs = &nf->qs;
	bool cy = req->lang[0] == 'c', any = false;
	struct web_choice c[] = {
		{ "none", tr(req, "Not judged at this inspection",
			     "Heb ei farnu yn yr arolygiad hwn") },
		{ "met", q_finding_status_name(Q_MET, cy) },
		{ "not_met", q_finding_status_name(Q_NOT_MET, cy) },
	};

	for (size_t k = 0; k < qs->nfindings; k++) {
		const struct q_finding *fd = &qs->findings[k];
		char id[WEB_FIELD_ID_MAX], legend[300], hint[300], d[64];
		const struct q_inspection *i;

		if (!q_finding_outstanding(fd->status) ||
		    q_finding_repeated_by(fd, qs->findings, qs->nfindings))
			continue;
		if (!any) {
			part_h2(res, tr(req, "Findings of earlier inspections",
					"Canfyddiadau arolygiadau cynharach"));
			part_para(res, tr(req, "These are still to be put "
					  "right. Say whether each one is met "
					  "now.",
					  "Mae angen unioni" RQ "r rhain o hyd. "
					  "Dywedwch a yw pob un wedi" RQ "i "
					  "fodloni nawr."));
			any = true;
		}
		i = insp_of(qs, fd->inspection_id);
		finding_title(req, fd, legend, sizeof(legend));
		d[0] = '\0';
		if (i)
			date_text(req, i->start_on, d, sizeof(d));
		snprintf(hint, sizeof(hint), WEB_TRF(req, "%s (made %s; %s)",
						     "%s (gwnaed %s; %s)"),
			 fd->text, d, q_finding_status_name(fd->status, cy));
		snprintf(id, sizeof(id), "judge-%lld", (long long)fd->id);
		part_radios(req, res, &nf->f, "inspection", id, legend, hint, c,
			    ARRAY_SIZE(c), "none", false);
	}
}

static void insp_form_body(struct request *req, struct response *res,
			   void *ctx)
{
	struct insp_form *nf = ctx;
	const struct quality_set *qs = &nf->qs;
	bool cy = req->lang[0] == 'c';
	struct web_choice types[Q_NTYPES];
	struct web_choice *earlier;
	char (*labels)[CLIP_CHARS + Q_REG_MAX + UK_TEXT_MAX + 16];
	char (*ids)[24];
	char action[96], hint[300];
	size_t ne = 0;

	for (int t = 0; t < Q_NTYPES; t++)
		types[t] = (struct web_choice){ q_insp_type_code(t),
						q_insp_type_name(t, cy) };
	/* the earlier findings a new one may repeat, newest first */
	earlier = xcalloc(qs->nfindings + 1, sizeof(*earlier));
	labels = xcalloc(qs->nfindings + 1, sizeof(*labels));
	ids = xcalloc(qs->nfindings + 1, sizeof(*ids));
	earlier[ne++] = (struct web_choice){ "", tr(req, "No, a new finding",
						    "Na, canfyddiad newydd") };
	for (size_t k = qs->nfindings; k-- > 0;) {
		snprintf(ids[ne], sizeof(ids[ne]), "%lld",
			 (long long)qs->findings[k].id);
		finding_choice(req, qs, &qs->findings[k], labels[ne],
			       sizeof(labels[ne]));
		earlier[ne] = (struct web_choice){ ids[ne], labels[ne] };
		ne++;
	}
	res_markup(res, "<div class=\"govuk-grid-row\">\n"
		   "<div class=\"govuk-grid-column-two-thirds\">\n");
	part_error_summary(req, res, &nf->f);
	res_markup(res, "<span class=\"govuk-caption-l\">");
	res_text(res, nf->home);
	res_markup(res, "</span>\n<h1 class=\"govuk-heading-l\">");
	res_text(res, tr(req, "Record an inspection", "Cofnodi arolygiad"));
	res_markup(res, "</h1>\n<div class=\"govuk-inset-text\">");
	res_text(res, tr(req, "The home" RQ "s provider sees the ratings and "
			 "findings as soon as you record them, and is asked "
			 "to respond to each finding.",
			 "Mae darparwr y cartref yn gweld y sgoriau a" RQ "r "
			 "canfyddiadau cyn gynted ag y byddwch yn eu "
			 "cofnodi, a gofynnir iddo ymateb i bob canfyddiad."));
	res_markup(res, "</div>\n");
	snprintf(action, sizeof(action), "/homes/%s/inspections/new", nf->urn);
	part_form_start(req, res, action);
	web_when_hint(req, false, NULL, hint, sizeof(hint));
	part_when(req, res, &nf->f, "inspection", "start",
		  qlabel(req, insp_fields, ARRAY_SIZE(insp_fields), "start"),
		  hint, 0, false);
	part_when(req, res, &nf->f, "inspection", "end",
		  qlabel(req, insp_fields, ARRAY_SIZE(insp_fields), "end"),
		  tr(req, "Leave empty if the inspection took one day.",
		     "Gadewch yn wag os cymerodd yr arolygiad un diwrnod."),
		  0, false);
	part_radios(req, res, &nf->f, "inspection", "type",
		    qlabel(req, insp_fields, ARRAY_SIZE(insp_fields), "type"),
		    NULL, types, Q_NTYPES, "", false);
	part_input(req, res, &nf->f, "inspection", "inspectors",
		   qlabel(req, insp_fields, ARRAY_SIZE(insp_fields),
			  "inspectors"),
		   tr(req, "Names, separated by commas.",
		      "Enwau, wedi" RQ "u gwahanu gan atalnodau."),
		   "", NULL);
	part_h2(res, tr(req, "Ratings", "Sgoriau"));
	part_para(res, tr(req, "A full inspection rates all four themes. "
			  "Choose " "\xe2\x80\x9c" "Not rated" "\xe2\x80\x9d"
			  " only for a theme a focused or post-registration "
			  "inspection did not cover.",
			  "Mae arolygiad llawn yn rhoi sg\xc3\xb4r i bob un "
			  "o" RQ "r pedair thema. Dewiswch " "\xe2\x80\x9c"
			  "Heb ei raddio" "\xe2\x80\x9d" " dim ond ar gyfer "
			  "thema nad oedd arolygiad penodol neu ar " "\xc3\xb4"
			  "l cofrestru yn ei chwmpasu."));
	for (int t = 0; t < Q_NTHEMES; t++)
		rating_select(req, res, nf, t);
	part_textarea(req, res, &nf->f, "inspection", "summary",
		      qlabel(req, insp_fields, ARRAY_SIZE(insp_fields),
			     "summary"), NULL, "");
	judge_rows(req, res, nf);
	part_h2(res, tr(req, "New findings", "Canfyddiadau newydd"));
	part_para(res, tr(req, "Leave the rows you do not need empty.",
			  "Gadewch y rhesi nad oes eu hangen arnoch yn wag."));
	for (int k = 1; k <= NEW_FINDINGS; k++)
		finding_row(req, res, nf, k, earlier, ne);
	part_button(res, tr(req, "Record the inspection",
			    "Cofnodi" RQ "r arolygiad"), false);
	part_form_end(res);
	res_markup(res, "<p class=\"govuk-body\">");
	part_home_link(res, nf->urn, nf->home);
	res_text(res, tr(req, ": back to the home", ": yn " "\xc3\xb4" "l i" RQ
			 "r cartref"));
	res_markup(res, "</p>\n</div>\n</div>\n");
	free(earlier);
	free(labels);
	free(ids);
}

/*
 * The home and its record for an inspector; anyone else: refused and
 * audited ("view-denied", or "change-denied" for a POST), ERR_DENIED.
 */
static int insp_form_load(struct request *req, struct store *s,
			  struct insp_form *nf, bool write, struct err *err)
{
	struct q_home_ties ties;
	const char *urn = req_param_get(req, "urn");
	int rc;

	if (!urn || strlen(urn) > S903_URN_MAX)
		return err_set(err, ERR_NOT_FOUND, "no such home");
	snprintf(nf->urn, sizeof(nf->urn), "%s", urn);
	rc = web_viewer(req, s, &nf->v, err);
	if (!rc)
		rc = quality_ties(s, &nf->v, urn, &ties, err);
	if (rc == ERR_NOT_FOUND)
		return refuse(s, &nf->v, write, "home-record", urn,
			      "no such home", ERR_NOT_FOUND, err);
	if (!rc && !quality_may(&nf->v, Q_RECORD_INSPECTION, &ties))
		return refuse(s, &nf->v, write, "home-record", urn,
			      "may not record an inspection", ERR_DENIED, err);
	if (!rc)
		rc = home_name(s, urn, nf->home, sizeof(nf->home), err);
	if (!rc)
		rc = quality_home_record(s, &nf->v, urn, &nf->qs, err);
	return rc;
}

static void insp_form_title(struct request *req, const struct insp_form *nf,
			    char *out, size_t cap)
{
	snprintf(out, cap, "%s%s: %s", nf->f.n ? tr(req, "Error: ",
						    "Gwall: ") : "",
		 tr(req, "Record an inspection", "Cofnodi arolygiad"),
		 nf->home);
}

void page_inspection_new(struct request *req, struct response *res)
{
	struct insp_form *nf = xcalloc(1, sizeof(*nf));
	struct err err = ERR_INIT;
	struct store *s = web_store(req, &err);
	char title[HOME_NAME_MAX + 64];
	int rc;

	rc = s ? insp_form_load(req, s, nf, false, &err) : ERR_STORE;
	if (rc) {
		fail(req, res, rc, "the inspection form", &err, false);
	} else {
		insp_form_title(req, nf, title, sizeof(title));
		res_html_page(req, res, title, insp_form_body, nf);
	}
	quality_set_release(&nf->qs);
	free(nf);
}

/* The inspection's own fields from the form into nf->i. */
static void insp_fields_in(struct request *req, struct insp_form *nf)
{
	struct web_form *f = &nf->f;
	struct q_inspection *i = &nf->i;
	const size_t nfl = ARRAY_SIZE(insp_fields);
	const char *type = req_form_get(req, "type");
	size_t before = f->n;

	q_inspection_init(i);
	snprintf(i->urn, sizeof(i->urn), "%s", nf->urn);
	i->start_on = day_in(req, f, "start", qlabel(req, insp_fields, nfl,
						      "start"));
	if (f->n == before && i->start_on == DATE_NONE)
		web_form_fail(f, "start-day", tr(req,
			      "Enter the first day of the inspection",
			      "Rhowch ddiwrnod cyntaf yr arolygiad"));
	i->end_on = day_in(req, f, "end", qlabel(req, insp_fields, nfl, "end"));
	if (i->end_on == DATE_NONE)
		i->end_on = i->start_on;
	if (!type || q_insp_type_parse(type, &i->type))
		web_form_fail(f, "type", tr(req,
			      "Select the type of inspection",
			      "Dewiswch y math o arolygiad"));
	web_form_text(req, f, "inspectors", qlabel(req, insp_fields, nfl,
						   "inspectors"),
		      i->inspectors, sizeof(i->inspectors));
	if (!i->inspectors[0] && !web_form_msg(f, "inspectors"))
		web_form_fail(f, "inspectors", tr(req,
			      "Enter the inspectors" RQ " names",
			      "Rhowch enwau" RQ "r arolygwyr"));
	for (int t = 0; t < Q_NTHEMES; t++) {
		const char *r = req_form_get(req, theme_ids[t]);
		char msg[WEB_FORM_MSG_MAX], name[80];

		theme_low(req, t, name, sizeof(name));
		if (r && *r && !q_rating_parse(r, &i->rating[t])) {
			if (i->rating[t] == Q_NOT_RATED && i->type == Q_FULL &&
			    type && !strcmp(type, "full")) {
				snprintf(msg, sizeof(msg), WEB_TRF(req,
					 "A full inspection rates %s: choose "
					 "a rating",
					 "Mae arolygiad llawn yn rhoi sg\xc3\xb4r "
					 "i %s: dewiswch sg\xc3\xb4r"), name);
				web_form_fail(f, theme_ids[t], msg);
			}
			continue;
		}
		snprintf(msg, sizeof(msg), WEB_TRF(req,
			 "Choose a rating for %s", "Dewiswch sg\xc3\xb4r ar "
			 "gyfer %s"), name);
		web_form_fail(f, theme_ids[t], msg);
	}
	web_form_text(req, f, "summary", qlabel(req, insp_fields, nfl,
						"summary"),
		      i->summary, sizeof(i->summary));
}

static bool blank(const char *s)
{
	return !s || !*s;
}

/*
 * Finding row k (from 1) into *fd: 0 for a blank row (ignored), 1 for a
 * finding (checked; problems added to f).
 */
static int finding_in(struct request *req, struct insp_form *nf, int k,
		      struct q_finding *fd)
{
	struct web_form *f = &nf->f;
	char id[WEB_FIELD_ID_MAX], pre[16], lead[48], lab[200];
	const char *kind, *reg, *text, *rep;
	struct q_problem p = { NULL, NULL, "" };
	size_t before = f->n;
	bool dates = false;

	snprintf(pre, sizeof(pre), "f%d-", k);
	snprintf(lead, sizeof(lead), WEB_TRF(req, "Finding %d: ",
					     "Canfyddiad %d: "), k);
	snprintf(id, sizeof(id), "f%d-kind", k);
	kind = req_form_get(req, id);
	snprintf(id, sizeof(id), "f%d-reg", k);
	reg = req_form_get(req, id);
	snprintf(id, sizeof(id), "f%d-text", k);
	text = req_form_get(req, id);
	snprintf(id, sizeof(id), "f%d-repeats", k);
	rep = req_form_get(req, id);
	for (size_t j = 0; j < 3; j++) {
		static const char *const parts[] = { "day", "month", "year" };

		snprintf(id, sizeof(id), "f%d-due-%s", k, parts[j]);
		dates |= !blank(req_form_get(req, id));
	}
	if (blank(kind) && blank(reg) && blank(text) && blank(rep) && !dates)
		return 0;
	q_finding_init(fd);
	if (blank(kind) || q_finding_kind_parse(kind, &fd->kind)) {
		snprintf(lab, sizeof(lab), WEB_TRF(req,
			 "%sselect the kind of finding",
			 "%sdewiswch y math o ganfyddiad"), lead);
		snprintf(id, sizeof(id), "f%d-kind", k);
		web_form_fail(f, id, lab);
	}
	snprintf(id, sizeof(id), "f%d-reg", k);
	snprintf(lab, sizeof(lab), "%s%s", lead, tr(req, "regulation",
						    "rheoliad"));
	web_form_text(req, f, id, lab, fd->regulation, sizeof(fd->regulation));
	snprintf(id, sizeof(id), "f%d-text", k);
	snprintf(lab, sizeof(lab), "%s%s", lead, tr(req, "what must change",
						    "beth sy" RQ "n rhaid ei "
						    "newid"));
	web_form_text(req, f, id, lab, fd->text, sizeof(fd->text));
	snprintf(id, sizeof(id), "f%d-due", k);
	snprintf(lab, sizeof(lab), "%s%s", lead, tr(req, "due date",
						    "dyddiad erbyn"));
	fd->due_on = day_in(req, f, id, lab);
	if (!blank(rep)) {
		int64_t r = 0;
		bool ok = !parse_i64(rep, 1, INT64_MAX, &r);

		/* only a finding of this home, as offered */
		for (size_t j = 0; ok && j < nf->qs.nfindings; j++)
			if (nf->qs.findings[j].id == r)
				fd->repeats_id = r;
		if (!fd->repeats_id) {
			snprintf(id, sizeof(id), "f%d-repeats", k);
			snprintf(lab, sizeof(lab), WEB_TRF(req,
				 "%schoose an earlier finding of this home",
				 "%sdewiswch ganfyddiad cynharach y cartref "
				 "hwn"), lead);
			web_form_fail(f, id, lab);
		}
	}
	if (f->n == before && q_finding_check(fd, &nf->i, &p))
		q_fail(req, f, &p, finding_fields, ARRAY_SIZE(finding_fields),
		       pre, lead);
	return 1;
}

void page_inspection_new_post(struct request *req, struct response *res)
{
	struct insp_form *nf = xcalloc(1, sizeof(*nf));
	struct q_finding *found = xcalloc(NEW_FINDINGS, sizeof(*found));
	struct q_problem p = { NULL, NULL, "" };
	struct err err = ERR_INIT;
	struct store *s = web_store(req, &err);
	struct audit_writer *w = s ? web_write_begin(s) : NULL;
	char title[HOME_NAME_MAX + 64], to[64];
	size_t nfound = 0;
	int rc;

	rc = s ? insp_form_load(req, s, nf, true, &err) : ERR_STORE;
	if (rc) {
		fail(req, res, rc, "recording an inspection", &err, true);
		goto out;
	}
	nf->f.form = "inspection";
	insp_fields_in(req, nf);
	if (!nf->f.n && q_inspection_check(&nf->i, nf->v.today, &p))
		q_fail(req, &nf->f, &p, insp_fields, ARRAY_SIZE(insp_fields),
		       "", "");
	for (int k = 1; k <= NEW_FINDINGS; k++)
		if (finding_in(req, nf, k, &found[nfound]))
			nfound++;
	/* each verdict asked for must be one offered */
	for (size_t k = 0; k < nf->qs.nfindings; k++) {
		const struct q_finding *fd = &nf->qs.findings[k];
		char id[WEB_FIELD_ID_MAX];
		const char *j;

		snprintf(id, sizeof(id), "judge-%lld", (long long)fd->id);
		j = req_form_get(req, id);
		if (j && strcmp(j, "none") && strcmp(j, "met") &&
		    strcmp(j, "not_met"))
			web_form_fail(&nf->f, id, tr(req,
				      "Choose met, not met or not judged",
				      "Dewiswch wedi" RQ "i fodloni, heb ei "
				      "fodloni neu heb ei farnu"));
	}
	if (!nf->f.n) {
		rc = quality_inspection_record(s, &nf->v, &nf->i, found, nfound,
					       &p, &err);
		if (rc == ERR_EXISTS) {
			web_form_fail(&nf->f, "start-day", tr(req,
				      "This home already has an inspection of "
				      "this type that started on that day",
				      "Mae gan y cartref hwn arolygiad o" RQ "r "
				      "math hwn a ddechreuodd ar y diwrnod "
				      "hwnnw eisoes"));
		} else if (rc == ERR_INVALID) {
			q_fail(req, &nf->f, &p, insp_fields,
			       ARRAY_SIZE(insp_fields), "", "");
		} else if (rc) {
			fail(req, res, rc, "recording an inspection", &err,
			     true);
			goto out;
		}
	}
	if (!nf->f.n) {
		/* the verdicts on earlier findings, at this inspection: a
		 * failure is logged, the inspection stands (it can be judged
		 * again at the next one) */
		for (size_t k = 0; k < nf->qs.nfindings; k++) {
			const struct q_finding *fd = &nf->qs.findings[k];
			char id[WEB_FIELD_ID_MAX];
			const char *j;

			snprintf(id, sizeof(id), "judge-%lld",
				 (long long)fd->id);
			j = req_form_get(req, id);
			if (!j || !q_finding_outstanding(fd->status) ||
			    (strcmp(j, "met") && strcmp(j, "not_met")))
				continue;
			enum q_finding_status st = j[0] == 'm' ? Q_MET :
							  Q_NOT_MET;

			if (quality_finding_judge(s, &nf->v, fd->id, st,
						  nf->i.id, &err)) {
				web_log_err("judging a finding", &err);
				err_clear(&err);
			}
		}
		snprintf(to, sizeof(to), "/inspections/%lld?saved=recorded",
			 (long long)nf->i.id);
		res_redirect(res, to);
		goto out;
	}
	insp_form_title(req, nf, title, sizeof(title));
	res_html_page(req, res, title, insp_form_body, nf);
	res->status = 400;
out:
	if (s)
		web_write_end(s, w);
	quality_set_release(&nf->qs);
	free(found);
	free(nf);
}

/* ---- one inspection ------------------------------------------------- */

struct insp_view {
	struct viewer v;
	struct q_inspection i;
	struct q_finding *f;
	size_t nf;
	char home[HOME_NAME_MAX + 1];
	bool respond;		/* the home's provider: may respond */
	struct web_form form;
	int64_t posted;		/* the finding whose form was sent */
	const char *saved;
};

static void response_form(struct request *req, struct response *res,
			  const struct insp_view *iv,
			  const struct q_finding *fd)
{
	char action[64], form[32], plan[32], target[32], hint[300];
	char lab[Q_REG_MAX + 64];

	snprintf(action, sizeof(action), "/findings/%lld/response",
		 (long long)fd->id);
	snprintf(form, sizeof(form), "response-%lld", (long long)fd->id);
	snprintf(plan, sizeof(plan), "plan-%lld", (long long)fd->id);
	snprintf(target, sizeof(target), "target-%lld", (long long)fd->id);
	part_form_start(req, res, action);
	snprintf(lab, sizeof(lab), WEB_TRF(req, "Your action plan for %s",
					   "Eich cynllun gweithredu ar gyfer "
					   "%s"), fd->regulation);
	part_textarea(req, res, &iv->form, form, plan, lab,
		      tr(req, "What the home will do to put this right, and "
			 "who will do it.",
			 "Beth fydd y cartref yn ei wneud i unioni hyn, a "
			 "phwy fydd yn ei wneud."), fd->response);
	web_when_hint(req, false, NULL, hint, sizeof(hint));
	part_when(req, res, &iv->form, form, target,
		  tr(req, "Target date", "Dyddiad targed"), hint,
		  day_ms(fd->response_target_on), false);
	/* the button names its finding for a screen reader's list */
	res_markup(res, "<button type=\"submit\" class=\"govuk-button\" "
		   "data-module=\"govuk-button\">");
	res_text(res, fd->responded_at ?
		 tr(req, "Update the response", "Diweddaru" RQ "r ymateb") :
		 tr(req, "Send the response", "Anfon yr ymateb"));
	res_markup(res, "<span class=\"govuk-visually-hidden\"> ");
	res_text(res, tr(req, "for ", "ar gyfer "));
	res_text(res, fd->regulation);
	res_markup(res, "</span></button>\n");
	part_form_end(res);
}

static void finding_block(struct request *req, struct response *res,
			  const struct insp_view *iv,
			  const struct q_finding *fd)
{
	bool cy = req->lang[0] == 'c';
	char t[Q_REG_MAX + 80], s[UK_TEXT_MAX * 2 + Q_BY_MAX + 40];
	char d[UK_TEXT_MAX], at[UK_TEXT_MAX];

	finding_title(req, fd, t, sizeof(t));
	res_markup(res, "<section class=\"cartref-section\" id=\"finding-");
	res_int(res, fd->id);
	res_markup(res, "\">\n<h3 class=\"govuk-heading-s\">");
	res_text(res, t);
	res_markup(res, "</h3>\n<p class=\"govuk-body\">");
	part_tag(res, web_finding_colour(fd->status),
		 q_finding_status_name(fd->status, cy));
	if (fd->repeats_id) {
		res_text(res, " ");
		part_tag(res, "purple", tr(req, "Repeats an earlier finding",
					   "Yn ailadrodd canfyddiad "
					   "cynharach"));
	}
	res_markup(res, "</p>\n");
	part_summary_start(res);
	part_summary_key(res, tr(req, "What must change",
				 "Beth sy" RQ "n rhaid ei newid"));
	res_markup(res, "<span class=\"cartref-pre\">");
	res_text(res, fd->text);
	res_markup(res, "</span>");
	part_summary_key_end(res);
	if (fd->kind == Q_PRIORITY_ACTION_NOTICE) {
		part_summary_key(res, tr(req, "To be met by",
					 "I" RQ "w fodloni erbyn"));
		part_finding_due(req, res, fd, iv->v.today);
		part_summary_key_end(res);
	}
	if (fd->judged_on != DATE_NONE) {
		part_summary_key(res, tr(req, "Judged", "Barnwyd"));
		date_text(req, fd->judged_on, d, sizeof(d));
		snprintf(s, sizeof(s), "%s: %s",
			 q_finding_status_name(fd->status, cy), d);
		res_text(res, s);
		part_summary_key_end(res);
	}
	part_summary_key(res, tr(req, "Provider" RQ "s response",
				 "Ymateb y darparwr"));
	if (fd->responded_at) {
		res_markup(res, "<span class=\"cartref-pre\">");
		res_text(res, fd->response);
		res_markup(res, "</span>");
		part_summary_key_end(res);
		part_summary_key(res, tr(req, "Target date", "Dyddiad targed"));
		part_date(req, res, fd->response_target_on);
		part_summary_key_end(res);
		part_summary_key(res, tr(req, "Responded", "Ymatebwyd"));
		uk_time_text(fd->responded_at, cy, at, sizeof(at));
		/* an imported response names no one */
		if (fd->responded_by[0])
			snprintf(s, sizeof(s), WEB_TRF(req, "%s by %s",
						       "%s gan %s"),
				 at, fd->responded_by);
		else
			snprintf(s, sizeof(s), "%s", at);
		res_text(res, s);
	} else {
		res_text(res, tr(req, "No response yet", "Dim ymateb eto"));
	}
	part_summary_key_end(res);
	part_summary_end(res);
	if (iv->respond && (fd->status == Q_OPEN ||
			    fd->status == Q_RESPONDED ||
			    fd->status == Q_NOT_MET))
		response_form(req, res, iv, fd);
	res_markup(res, "</section>\n");
}

static void insp_body(struct request *req, struct response *res, void *ctx)
{
	struct insp_view *iv = ctx;
	const struct q_inspection *i = &iv->i;
	bool cy = req->lang[0] == 'c';
	char t[200];

	res_markup(res, "<div class=\"govuk-grid-row\">\n"
		   "<div class=\"govuk-grid-column-two-thirds\">\n");
	if (iv->form.n)
		part_error_summary(req, res, &iv->form);
	else if (iv->saved)
		part_banner(req, res, !strcmp(iv->saved, "recorded") ?
			    tr(req, "The inspection is recorded. The provider "
			       "can see it now.",
			       "Mae" RQ "r arolygiad wedi" RQ "i gofnodi. Gall y "
			       "darparwr ei weld nawr.") :
			    tr(req, "Your response is sent to the inspectorate.",
			       "Mae eich ymateb wedi" RQ "i anfon at yr "
			       "arolygiaeth."));
	res_markup(res, "<span class=\"govuk-caption-l\">");
	res_text(res, iv->home);
	res_markup(res, "</span>\n<h1 class=\"govuk-heading-l\">");
	insp_title(req, i, t, sizeof(t));
	res_text(res, t);
	res_markup(res, "</h1>\n");
	part_summary_start(res);
	for (int th = 0; th < Q_NTHEMES; th++) {
		part_summary_key(res, q_theme_name(th, cy));
		part_tag(res, web_rating_colour(i->rating[th]),
			 q_rating_name(i->rating[th], cy));
		part_summary_key_end(res);
	}
	part_summary_row(res, tr(req, "Inspectors", "Arolygwyr"),
			 i->inspectors);
	part_summary_key(res, tr(req, "Summary", "Crynodeb"));
	if (i->summary[0]) {
		res_markup(res, "<span class=\"cartref-pre\">");
		res_text(res, i->summary);
		res_markup(res, "</span>");
	} else {
		part_not_recorded(req, res);
	}
	part_summary_key_end(res);
	part_summary_end(res);
	part_h2(res, tr(req, "Findings", "Canfyddiadau"));
	if (!iv->nf)
		part_para(res, tr(req, "This inspection made no findings.",
				  "Ni wnaeth yr arolygiad hwn unrhyw "
				  "ganfyddiadau."));
	else if (iv->respond)
		part_para(res, tr(req, "Send an action plan for each finding: "
				  "what the home will do, and by when.",
				  "Anfonwch gynllun gweithredu ar gyfer pob "
				  "canfyddiad: beth fydd y cartref yn ei "
				  "wneud, ac erbyn pryd."));
	/* notices first: they have a date */
	for (int pass = 0; pass < 2; pass++)
		for (size_t k = 0; k < iv->nf; k++)
			if ((iv->f[k].kind == Q_PRIORITY_ACTION_NOTICE) ==
			    (pass == 0))
				finding_block(req, res, iv, &iv->f[k]);
	res_markup(res, "<p class=\"govuk-body\">");
	part_home_link(res, i->urn, iv->home);
	res_text(res, tr(req, ": the home" RQ "s profile",
			 ": proffil y cartref"));
	res_markup(res, "</p>\n</div>\n</div>\n");
}

static int insp_load(struct request *req, struct store *s,
		     struct insp_view *iv, int64_t id, struct err *err)
{
	struct q_home_ties ties;
	int rc = web_viewer(req, s, &iv->v, err);

	if (!rc)
		rc = quality_inspection_get(s, &iv->v, id, &iv->i, &iv->f,
					    &iv->nf, err);
	if (!rc)
		rc = home_name(s, iv->i.urn, iv->home, sizeof(iv->home), err);
	if (!rc)
		rc = quality_ties(s, &iv->v, iv->i.urn, &ties, err);
	if (!rc)
		iv->respond = quality_may(&iv->v, Q_RESPOND, &ties);
	return rc;
}

static void insp_page_title(struct request *req, const struct insp_view *iv,
			    char *out, size_t cap)
{
	char t[200];

	insp_title(req, &iv->i, t, sizeof(t));
	snprintf(out, cap, "%s%s: %s", iv->form.n ? tr(req, "Error: ",
						       "Gwall: ") : "",
		 t, iv->home);
}

void page_inspection(struct request *req, struct response *res)
{
	struct insp_view *iv;
	struct err err = ERR_INIT;
	struct store *s;
	char title[HOME_NAME_MAX + 220];
	int64_t id;
	int rc;

	if (req_param_int(req, res, "id", 1, INT64_MAX, &id))
		return;
	iv = xcalloc(1, sizeof(*iv));
	s = web_store(req, &err);
	rc = s ? insp_load(req, s, iv, id, &err) : ERR_STORE;
	if (rc) {
		fail(req, res, rc, "an inspection", &err, false);
	} else {
		const char *saved = req_param_get(req, "saved");

		if (saved && (!strcmp(saved, "recorded") ||
			      !strcmp(saved, "response")))
			iv->saved = saved;
		insp_page_title(req, iv, title, sizeof(title));
		res_html_page(req, res, title, insp_body, iv);
	}
	free(iv->f);
	free(iv);
}

void page_finding_response(struct request *req, struct response *res)
{
	struct insp_view *iv;
	struct q_finding fd;
	struct q_problem p = { NULL, NULL, "" };
	struct err err = ERR_INIT;
	struct audit_writer *w = NULL;
	struct store *s;
	char id_plan[32], id_target[32], form[32], to[80];
	char title[HOME_NAME_MAX + 220];
	char *plan;
	int32_t target;
	int64_t id;
	int rc;

	if (req_param_int(req, res, "id", 1, INT64_MAX, &id))
		return;
	iv = xcalloc(1, sizeof(*iv));
	plan = xcalloc(1, Q_TEXT_MAX + 1);
	s = web_store(req, &err);
	if (s)
		w = web_write_begin(s);
	rc = s ? web_viewer(req, s, &iv->v, &err) : ERR_STORE;
	/* which inspection to show again; the service scopes the change */
	if (!rc)
		rc = store_finding_get(s, id, &fd, &err);
	if (rc) {
		fail(req, res, rc, "responding to a finding", &err, true);
		goto out;
	}
	snprintf(form, sizeof(form), "response-%lld", (long long)id);
	snprintf(id_plan, sizeof(id_plan), "plan-%lld", (long long)id);
	snprintf(id_target, sizeof(id_target), "target-%lld", (long long)id);
	iv->form.form = form;
	web_form_text(req, &iv->form, id_plan, tr(req, "Your action plan",
						  "Eich cynllun gweithredu"),
		      plan, Q_TEXT_MAX + 1);
	if (!plan[0] && !web_form_msg(&iv->form, id_plan))
		web_form_fail(&iv->form, id_plan, tr(req,
			      "Enter your action plan",
			      "Rhowch eich cynllun gweithredu"));
	target = day_in(req, &iv->form, id_target, tr(req, "Target date",
						      "Dyddiad targed"));
	if (!iv->form.n) {
		rc = quality_finding_respond(s, &iv->v, id, plan, target, &p,
					     &err);
		if (rc == ERR_INVALID) {
			char *field = p.field && !strcasecmp(p.field,
				"RESPONSE_TARGET") ? id_target : id_plan;
			char anchor[WEB_FIELD_ID_MAX];

			snprintf(anchor, sizeof(anchor), "%s%s", field,
				 field == id_target ? "-day" : "");
			web_form_fail(&iv->form, anchor, req->lang[0] != 'c' &&
				      p.msg[0] ? p.msg :
				      tr(req, "Check your response",
					 "Gwiriwch eich ymateb"));
		} else if (rc) {
			fail(req, res, rc, "responding to a finding", &err,
			     true);
			goto out;
		}
	}
	if (!iv->form.n) {
		snprintf(to, sizeof(to), "/inspections/%lld?saved=response",
			 (long long)fd.inspection_id);
		res_redirect(res, to);
		goto out;
	}
	/* show the inspection again, as its reader sees it */
	rc = insp_load(req, s, iv, fd.inspection_id, &err);
	if (rc) {
		fail(req, res, rc, "responding to a finding", &err, true);
		goto out;
	}
	insp_page_title(req, iv, title, sizeof(title));
	res_html_page(req, res, title, insp_body, iv);
	res->status = 400;
out:
	if (s)
		web_write_end(s, w);
	free(plan);
	free(iv->f);
	free(iv);
}

/* ---- filing a notification ------------------------------------------- */

struct notif_form {
	struct viewer v;
	char urn[S903_URN_MAX + 1];
	struct home_profile prof;	/* name, children placed now */
	struct web_councils councils;
	struct q_notification n;
	int64_t episode;		/* from a missing episode, 0 */
	struct web_form f;
};

static void child_value(const char *la, const char *ref, char *out,
			size_t cap)
{
	snprintf(out, cap, "%s/%s", la, ref);
}

static void notif_form_body(struct request *req, struct response *res,
			    void *ctx)
{
	struct notif_form *nf = ctx;
	const struct q_notification *n = &nf->n;
	bool cy = req->lang[0] == 'c', extra;
	size_t nc = nf->prof.nchildren + 2, k = 0;
	struct web_choice *cats = xcalloc(notif_ncategories + 1,
					  sizeof(*cats));
	struct web_choice *kids = xcalloc(nc, sizeof(*kids));
	char (*vals)[LA_CODE_MAX + S903_CHILD_MAX + 2] =
		xcalloc(nc, sizeof(*vals));
	char (*labs)[S903_CHILD_MAX + 140] = xcalloc(nc, sizeof(*labs));
	char action[96], hint[300], chosen[LA_CODE_MAX + S903_CHILD_MAX + 2];
	size_t nk = 0;

	cats[k++] = (struct web_choice){ "", tr(req, "Choose a category",
					       "Dewiswch gategori") };
	for (size_t i = 0; i < notif_ncategories; i++)
		cats[k++] = (struct web_choice){ notif_categories[i].code,
						 cy ? notif_categories[i].cy :
						      notif_categories[i].en };
	kids[nk++] = (struct web_choice){ "", tr(req, "Not about a child",
						"Nid yw am blentyn") };
	extra = n->ref[0] != '\0';
	for (size_t i = 0; i < nf->prof.nchildren; i++) {
		const struct child_summary *c = &nf->prof.children[i];

		child_value(c->la, c->ref, vals[nk], sizeof(vals[nk]));
		snprintf(labs[nk], sizeof(labs[nk]), "%s (%s)", c->ref,
			 web_council_name(req, &nf->councils, c->la));
		kids[nk] = (struct web_choice){ vals[nk], labs[nk] };
		nk++;
		if (!strcmp(c->la, n->la) && !strcmp(c->ref, n->ref))
			extra = false;
	}
	if (extra) {	/* the missing episode's child, placed or not */
		child_value(n->la, n->ref, vals[nk], sizeof(vals[nk]));
		snprintf(labs[nk], sizeof(labs[nk]), "%s (%s)", n->ref,
			 web_council_name(req, &nf->councils, n->la));
		kids[nk] = (struct web_choice){ vals[nk], labs[nk] };
		nk++;
	}
	chosen[0] = '\0';
	if (n->ref[0])
		child_value(n->la, n->ref, chosen, sizeof(chosen));
	res_markup(res, "<div class=\"govuk-grid-row\">\n"
		   "<div class=\"govuk-grid-column-two-thirds\">\n");
	part_error_summary(req, res, &nf->f);
	res_markup(res, "<span class=\"govuk-caption-l\">");
	res_text(res, nf->prof.home.name);
	res_markup(res, "</span>\n<h1 class=\"govuk-heading-l\">");
	res_text(res, tr(req, "File a notification", "Cyflwyno hysbysiad"));
	res_markup(res, "</h1>\n<div class=\"govuk-inset-text\">");
	res_text(res, tr(req, "Regulation 60: the inspectorate and the council "
			 "that placed the child see it as soon as you send "
			 "it.",
			 "Rheoliad 60: mae" RQ "r arolygiaeth a" RQ "r cyngor a "
			 "leolodd y plentyn yn ei weld cyn gynted ag y "
			 "byddwch yn ei anfon."));
	res_markup(res, "</div>\n");
	if (nf->episode)
		part_para(res, tr(req, "The facts of the missing episode are "
				  "filled in. Check them before you send.",
				  "Mae ffeithiau" RQ "r cyfnod ar goll wedi" RQ
				  "u llenwi. Gwiriwch nhw cyn anfon."));
	snprintf(action, sizeof(action), "/homes/%s/notifications/new",
		 nf->urn);
	part_form_start(req, res, action);
	if (nf->episode) {
		res_markup(res, "<input type=\"hidden\" name=\"episode\" "
			   "value=\"");
		res_int(res, nf->episode);
		res_markup(res, "\">\n");
	}
	part_select(req, res, &nf->f, "notification", "category",
		    qlabel(req, notif_fields, ARRAY_SIZE(notif_fields),
			   "category"), NULL, cats, k, n->category);
	web_when_hint(req, true, NULL, hint, sizeof(hint));
	part_when(req, res, &nf->f, "notification", "occurred",
		  qlabel(req, notif_fields, ARRAY_SIZE(notif_fields),
			 "occurred"), hint, n->occurred_at, true);
	part_select(req, res, &nf->f, "notification", "child",
		    qlabel(req, notif_fields, ARRAY_SIZE(notif_fields),
			   "child"),
		    tr(req, "Only for a category about a child: the children "
		       "placed here now.",
		       "Dim ond ar gyfer categori am blentyn: y plant sydd "
		       "wedi" RQ "u lleoli yma nawr."),
		    kids, nk, chosen);
	part_textarea(req, res, &nf->f, "notification", "summary",
		      qlabel(req, notif_fields, ARRAY_SIZE(notif_fields),
			     "summary"), NULL, n->summary);
	part_textarea(req, res, &nf->f, "notification", "action",
		      qlabel(req, notif_fields, ARRAY_SIZE(notif_fields),
			     "action"),
		      tr(req, "Who you told, what you did to keep the child "
			 "safe.",
			 "Pwy y dywedoch wrthynt, beth wnaethoch i gadw" RQ
			 "r plentyn yn ddiogel."), n->action);
	part_button(res, tr(req, "Send the notification",
			    "Anfon yr hysbysiad"), false);
	part_form_end(res);
	res_markup(res, "<p class=\"govuk-body\">");
	part_home_link(res, nf->urn, nf->prof.home.name);
	res_text(res, tr(req, ": back to the home", ": yn " "\xc3\xb4" "l i" RQ
			 "r cartref"));
	res_markup(res, "</p>\n</div>\n</div>\n");
	free(cats);
	free(kids);
	free(vals);
	free(labs);
}

/* The home for its provider's home manager: else refused, audited. */
static int notif_form_load(struct request *req, struct store *s,
			   struct notif_form *nf, bool write, struct err *err)
{
	struct q_home_ties ties;
	const char *urn = req_param_get(req, "urn");
	int rc;

	if (!urn || strlen(urn) > S903_URN_MAX)
		return err_set(err, ERR_NOT_FOUND, "no such home");
	snprintf(nf->urn, sizeof(nf->urn), "%s", urn);
	q_notification_init(&nf->n);
	snprintf(nf->n.urn, sizeof(nf->n.urn), "%s", urn);
	rc = web_viewer(req, s, &nf->v, err);
	if (!rc)
		rc = quality_ties(s, &nf->v, urn, &ties, err);
	if (rc == ERR_NOT_FOUND)
		return refuse(s, &nf->v, write, "notifications", urn,
			      "no such home", ERR_NOT_FOUND, err);
	if (!rc && !quality_may(&nf->v, Q_FILE_NOTIFICATION, &ties))
		return refuse(s, &nf->v, write, "notifications", urn,
			      "may not file a notification", ERR_DENIED, err);
	if (!rc)
		rc = store_home_profile(s, &nf->v, urn, &nf->prof, err);
	if (!rc)
		rc = web_councils_load(s, &nf->councils, err);
	return rc;
}

/* ?episode= (GET) or the form's episode (POST): the episode's facts,
 * when it is one of this home v may file for. */
static int notif_episode(struct store *s, struct notif_form *nf,
			 const char *arg, struct err *err)
{
	struct q_notification *e;
	int64_t id = 0;
	int rc;

	if (!arg || !*arg)
		return 0;
	if (parse_i64(arg, 1, INT64_MAX, &id))
		return err_set(err, ERR_NOT_FOUND, "no such episode");
	e = xmalloc(sizeof(*e));
	rc = quality_notification_from_episode(s, &nf->v, id, e, err);
	if (!rc && strcmp(e->urn, nf->urn))
		rc = err_set(err, ERR_NOT_FOUND, "an episode of another home");
	if (!rc) {
		nf->n = *e;
		nf->episode = id;
	}
	free(e);
	return rc;
}

static void notif_title(struct request *req, const struct notif_form *nf,
			char *out, size_t cap)
{
	snprintf(out, cap, "%s%s: %s", nf->f.n ? tr(req, "Error: ",
						    "Gwall: ") : "",
		 tr(req, "File a notification", "Cyflwyno hysbysiad"),
		 nf->prof.home.name);
}

void page_notification_new(struct request *req, struct response *res)
{
	struct notif_form *nf = xcalloc(1, sizeof(*nf));
	struct err err = ERR_INIT;
	struct store *s = web_store(req, &err);
	char title[HOME_NAME_MAX + 64];
	int rc;

	rc = s ? notif_form_load(req, s, nf, false, &err) : ERR_STORE;
	if (!rc)
		rc = notif_episode(s, nf, req_param_get(req, "episode"), &err);
	if (rc) {
		fail(req, res, rc, "the notification form", &err, false);
	} else {
		notif_title(req, nf, title, sizeof(title));
		res_html_page(req, res, title, notif_form_body, nf);
	}
	free(nf);
}

/* The child chosen ("LA/REF"), one the form offered: 0, or a problem. */
static void notif_child_in(struct request *req, struct notif_form *nf,
			   const struct notif_category *cat)
{
	const char *c = req_form_get(req, "child");
	const char *slash = c ? strchr(c, '/') : NULL;
	struct q_notification *n = &nf->n;
	bool ok = false;

	if (!cat || !cat->about_child || blank(c)) {
		if (cat && cat->about_child)
			web_form_fail(&nf->f, "child", tr(req,
				      "Choose the child this is about",
				      "Dewiswch y plentyn y mae hyn amdano"));
		n->la[0] = n->ref[0] = '\0';
		return;
	}
	if (slash && (size_t)(slash - c) <= LA_CODE_MAX &&
	    strlen(slash + 1) <= S903_CHILD_MAX) {
		for (size_t i = 0; !ok && i < nf->prof.nchildren; i++) {
			const struct child_summary *k = &nf->prof.children[i];

			ok = strlen(k->la) == (size_t)(slash - c) &&
			     !strncmp(k->la, c, (size_t)(slash - c)) &&
			     !strcmp(k->ref, slash + 1);
		}
		/* the missing episode's child (the service checks it) */
		ok |= nf->episode && strlen(n->la) == (size_t)(slash - c) &&
		      !strncmp(n->la, c, (size_t)(slash - c)) &&
		      !strcmp(n->ref, slash + 1);
	}
	if (!ok) {
		web_form_fail(&nf->f, "child", tr(req,
			      "Choose a child placed at this home",
			      "Dewiswch blentyn sydd wedi" RQ "i leoli yn y "
			      "cartref hwn"));
		return;
	}
	snprintf(n->la, sizeof(n->la), "%.*s", (int)(slash - c), c);
	snprintf(n->ref, sizeof(n->ref), "%s", slash + 1);
}

void page_notification_new_post(struct request *req, struct response *res)
{
	struct notif_form *nf = xcalloc(1, sizeof(*nf));
	struct q_problem p = { NULL, NULL, "" };
	struct err err = ERR_INIT;
	struct store *s = web_store(req, &err);
	struct audit_writer *w = s ? web_write_begin(s) : NULL;
	const struct notif_category *cat = NULL;
	const char *code = req_form_get(req, "category");
	const size_t nfl = ARRAY_SIZE(notif_fields);
	char title[HOME_NAME_MAX + 64], to[96];
	size_t before;
	int rc;

	rc = s ? notif_form_load(req, s, nf, true, &err) : ERR_STORE;
	if (!rc)
		rc = notif_episode(s, nf, req_form_get(req, "episode"), &err);
	if (rc) {
		fail(req, res, rc, "filing a notification", &err, true);
		goto out;
	}
	nf->f.form = "notification";
	if (!blank(code))
		cat = notif_category_find(code);
	if (cat)
		snprintf(nf->n.category, sizeof(nf->n.category), "%s",
			 cat->code);
	else
		web_form_fail(&nf->f, "category", tr(req,
			      "Choose what the notification is about",
			      "Dewiswch am beth mae" RQ "r hysbysiad"));
	before = nf->f.n;
	web_form_when(req, &nf->f, "occurred", qlabel(req, notif_fields, nfl,
						      "occurred"), true,
		      &nf->n.occurred_at);
	if (nf->f.n == before && !nf->n.occurred_at)
		web_form_fail(&nf->f, "occurred-day", tr(req,
			      "Enter when it happened",
			      "Rhowch pryd y digwyddodd"));
	notif_child_in(req, nf, cat);
	web_form_text(req, &nf->f, "summary", qlabel(req, notif_fields, nfl,
						     "summary"),
		      nf->n.summary, sizeof(nf->n.summary));
	if (!nf->n.summary[0] && !web_form_msg(&nf->f, "summary"))
		web_form_fail(&nf->f, "summary", tr(req,
			      "Enter what happened",
			      "Rhowch beth ddigwyddodd"));
	web_form_text(req, &nf->f, "action", qlabel(req, notif_fields, nfl,
						    "action"),
		      nf->n.action, sizeof(nf->n.action));
	if (!nf->episode)
		nf->n.episode_id = 0;
	if (!nf->f.n && q_notification_check(&nf->n, nf->v.now_ms, &p))
		q_fail(req, &nf->f, &p, notif_fields, nfl, "", "");
	if (!nf->f.n) {
		rc = quality_notification_file(s, &nf->v, &nf->n, &p, &err);
		if (rc == ERR_INVALID) {
			q_fail(req, &nf->f, &p, notif_fields, nfl, "", "");
		} else if (rc) {
			fail(req, res, rc, "filing a notification", &err, true);
			goto out;
		}
	}
	if (!nf->f.n) {
		snprintf(to, sizeof(to), "/homes/%s/notifications?saved=filed",
			 nf->urn);
		res_redirect(res, to);
		goto out;
	}
	notif_title(req, nf, title, sizeof(title));
	res_html_page(req, res, title, notif_form_body, nf);
	res->status = 400;
out:
	if (s)
		web_write_end(s, w);
	free(nf);
}

/* ---- a home's notifications ------------------------------------------ */

struct notif_list {
	struct viewer v;
	char urn[S903_URN_MAX + 1];
	char home[HOME_NAME_MAX + 1];
	struct web_councils councils;
	struct q_notification *n;
	size_t nn;
	long page, pages;
	bool may_file, saved;
};

static const char *category_name(const struct request *req, const char *code)
{
	const struct notif_category *c = notif_category_find(code);

	if (!c)
		return code;
	return req->lang[0] == 'c' ? c->cy : c->en;
}

static void notif_href(struct request *req, struct response *res, long page,
		       void *ctx)
{
	const struct notif_list *nl = ctx;

	(void)req;
	res_markup(res, "/homes/");
	res_url_arg(res, nl->urn);
	res_markup(res, "/notifications?page=");
	res_int(res, page);
}

static void notif_item(struct request *req, struct response *res,
		       const struct notif_list *nl,
		       const struct q_notification *n)
{
	bool cy = req->lang[0] == 'c';
	char at[UK_TEXT_MAX], s[UK_TEXT_MAX + Q_BY_MAX + 16];

	res_markup(res, "<section class=\"cartref-section\">\n"
		   "<h2 class=\"govuk-heading-s\">");
	res_text(res, category_name(req, n->category));
	res_markup(res, "</h2>\n");
	part_summary_start(res);
	part_summary_key(res, tr(req, "When it happened", "Pryd y digwyddodd"));
	part_time(req, res, n->occurred_at);
	part_summary_key_end(res);
	if (n->ref[0]) {
		part_summary_key(res, tr(req, "Child", "Plentyn"));
		part_child_link(res, n->la, n->ref);
		res_text(res, " (");
		res_text(res, web_council_name(req, &nl->councils, n->la));
		res_text(res, ")");
		part_summary_key_end(res);
	}
	if (n->episode_id) {
		part_summary_key(res, tr(req, "Missing episode",
					 "Cyfnod ar goll"));
		res_markup(res, "<a class=\"govuk-link\" href=\"/missing/");
		res_int(res, n->episode_id);
		res_markup(res, "\">");
		res_text(res, tr(req, "The episode", "Y cyfnod"));
		res_markup(res, "</a>");
		part_summary_key_end(res);
	}
	part_summary_key(res, tr(req, "What happened", "Beth ddigwyddodd"));
	res_markup(res, "<span class=\"cartref-pre\">");
	res_text(res, n->summary);
	res_markup(res, "</span>");
	part_summary_key_end(res);
	part_summary_key(res, tr(req, "What the home did",
				 "Beth wnaeth y cartref"));
	if (n->action[0]) {
		res_markup(res, "<span class=\"cartref-pre\">");
		res_text(res, n->action);
		res_markup(res, "</span>");
	} else {
		part_not_recorded(req, res);
	}
	part_summary_key_end(res);
	part_summary_key(res, tr(req, "Filed", "Cyflwynwyd"));
	uk_time_text(n->filed_at, cy, at, sizeof(at));
	snprintf(s, sizeof(s), WEB_TRF(req, "%s by %s", "%s gan %s"), at,
		 n->filed_by);
	res_text(res, s);
	part_summary_key_end(res);
	part_summary_end(res);
	res_markup(res, "</section>\n");
}

static void notif_list_body(struct request *req, struct response *res,
			    void *ctx)
{
	struct notif_list *nl = ctx;
	size_t from = (size_t)(nl->page - 1) * WEB_PAGE_SIZE;
	char s[120];

	res_markup(res, "<div class=\"govuk-grid-row\">\n"
		   "<div class=\"govuk-grid-column-two-thirds\">\n");
	if (nl->saved)
		part_banner(req, res, tr(req, "The notification is sent to the "
					 "inspectorate and the placing "
					 "council.",
					 "Mae" RQ "r hysbysiad wedi" RQ "i anfon "
					 "at yr arolygiaeth a" RQ "r cyngor a "
					 "leolodd."));
	res_markup(res, "<span class=\"govuk-caption-l\">");
	res_text(res, nl->home);
	res_markup(res, "</span>\n<h1 class=\"govuk-heading-l\">");
	res_text(res, tr(req, "Notifications", "Hysbysiadau"));
	res_markup(res, "</h1>\n");
	if (nl->may_file) {
		res_markup(res, "<a class=\"govuk-button\" href=\"/homes/");
		res_url_arg(res, nl->urn);
		res_markup(res, "/notifications/new\">");
		res_text(res, tr(req, "File a notification",
				 "Cyflwyno hysbysiad"));
		res_markup(res, "</a>\n");
	}
	if (!nl->nn) {
		part_para(res, tr(req, "There are no notifications from this "
				  "home for you to see.",
				  "Nid oes hysbysiadau o" RQ "r cartref hwn i "
				  "chi eu gweld."));
	} else {
		snprintf(s, sizeof(s), WEB_TRF(req, "%zu notifications, newest "
					       "first.",
					       "%zu hysbysiad, y diweddaraf yn "
					       "gyntaf."), nl->nn);
		part_para(res, s);
	}
	for (size_t k = from; k < nl->nn && k < from + WEB_PAGE_SIZE; k++)
		notif_item(req, res, nl, &nl->n[k]);
	part_pagination(req, res, nl->page, nl->pages, notif_href, nl);
	res_markup(res, "<p class=\"govuk-body\">");
	part_home_link(res, nl->urn, nl->home);
	res_text(res, tr(req, ": the home" RQ "s profile",
			 ": proffil y cartref"));
	res_markup(res, "</p>\n</div>\n</div>\n");
}

void page_notifications(struct request *req, struct response *res)
{
	struct notif_list *nl;
	struct q_home_ties ties;
	struct err err = ERR_INIT;
	const char *urn;
	struct store *s;
	int64_t page;
	char title[HOME_NAME_MAX + 64];
	int rc;

	if (req_param_str(req, res, "urn", WEB_FILTER_MAX, &urn) ||
	    web_opt_int(req, res, "page", 1, 100000, 1, &page))
		return;
	nl = xcalloc(1, sizeof(*nl));
	snprintf(nl->urn, sizeof(nl->urn), "%s", urn);
	s = web_store(req, &err);
	rc = s ? web_viewer(req, s, &nl->v, &err) : ERR_STORE;
	if (!rc && strlen(urn) > S903_URN_MAX)
		rc = err_set(&err, ERR_NOT_FOUND, "no such home");
	if (!rc)
		rc = quality_ties(s, &nl->v, urn, &ties, &err);
	if (rc == ERR_NOT_FOUND)
		rc = refuse(s, &nl->v, false, "notifications", urn,
			    "no such home", ERR_NOT_FOUND, &err);
	if (!rc)
		rc = quality_notifications(s, &nl->v, urn, 0, &nl->n, &nl->nn,
					   &err);
	if (!rc)
		rc = home_name(s, urn, nl->home, sizeof(nl->home), &err);
	if (!rc)
		rc = web_councils_load(s, &nl->councils, &err);
	if (rc) {
		fail(req, res, rc, "a home's notifications", &err, false);
	} else {
		const char *saved = req_param_get(req, "saved");

		nl->may_file = quality_may(&nl->v, Q_FILE_NOTIFICATION, &ties);
		nl->saved = saved && !strcmp(saved, "filed");
		nl->pages = web_pages((long)nl->nn, WEB_PAGE_SIZE);
		nl->page = page > nl->pages ? nl->pages : (long)page;
		snprintf(title, sizeof(title), "%s: %s",
			 tr(req, "Notifications", "Hysbysiadau"), nl->home);
		res_html_page(req, res, title, notif_list_body, nl);
	}
	free(nl->n);
	free(nl);
}
