/*
 * page-child.c: GET /children/{council}/{ref}, one child's record as the
 * signed-in user may see it: who the child is (a GOV.UK summary list)
 * and one chronology, newest first, of its placements (dates, type,
 * provider, home, reasons), missing and away periods (start, end,
 * length) and yearly outcomes (OC2).  An absence recorded live and in a
 * return (the same kind, starting on the same UK day) is one line: the
 * live record, noting the return.  A period a return left open is "open
 * in that return", never "missing now" (only live records say that).
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
#include "alerts/alerts.h"
#include "base/parse.h"
#include "base/uktime.h"
#include "base/xalloc.h"
#include "store/store-missing.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/parts.h"
#include "web/session.h"

#define RQ "\xe2\x80\x99"	/* right single quotation mark */

struct child_view {
	struct viewer v;
	struct web_councils councils;
	struct child_record rec;
	/* missing from care recorded live, and the strategy meetings */
	struct mfc_chronology live;
	/* the child's open alerts the viewer's organisation receives: one
	 * item, its reasons most urgent first */
	struct alert_item_page *alerts;	/* NULL: none for this viewer */
	const struct mfc_episode *open;	/* its open live episode, or NULL */
	/* per live episode, the return period it is (index, or -1) */
	long *live_period;
};

/* One line of the chronology. */
enum entry_kind { E_EPISODE, E_MISSING, E_LIVE, E_MEETING, E_OC2, E_LATER };

struct entry {
	int32_t day;
	enum entry_kind kind;
	size_t i;		/* index into its array */
};

/* Newest first; on one day, in the order things happen. */
static int entry_cmp(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	if (x->day != y->day)
		return x->day > y->day ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind > y->kind ? -1 : 1;
	return x->i > y->i ? -1 : x->i < y->i;
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

/* "the 2018-19 return" */
static void return_words(struct request *req, int year, char *out,
			 size_t cap)
{
	snprintf(out, cap, WEB_TRF(req, "the %d-%02d return",
				   "ffurflen %d-%02d"), year - 1, year % 100);
}

static void missing_row(struct request *req, struct response *res,
			const struct child_view *cv,
			const struct child_missing *m)
{
	char days[64], ret[64], s[160];

	(void)cv;
	res_markup(res, "<td class=\"govuk-table__cell\">");
	if (m->end == DATE_NONE) {
		/* only live records say "missing now" */
		return_words(req, m->return_year, ret, sizeof(ret));
		snprintf(s, sizeof(s), WEB_TRF(req, "Open in %s, not closed "
					       "since",
					       "Ar agor yn %s, heb ei gau ers "
					       "hynny"), ret);
		part_tag(res, "grey", s);
	} else {
		part_date(req, res, m->end);
	}
	res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
	part_code(req, res, &codes_missing, m->kind);
	res_markup(res, "</td>\n<td class=\"govuk-table__cell\">\n"
		   "<ul class=\"govuk-list govuk-body-s\">\n");
	if (m->end != DATE_NONE) {
		web_days_text((long)m->end - m->start, req->lang[0] == 'c',
			      days, sizeof(days));
		item_start(res, tr(req, "Length", "Hyd"));
		res_text(res, days);
		item_end(res);
	}
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

/* A live missing episode (page-missing.c shows it whole); period: the
 * return's record of the same absence, or NULL. */
static void live_row(struct request *req, struct response *res,
		     const struct child_view *cv, const struct mfc_episode *e,
		     const struct child_missing *period)
{
	res_markup(res, "<td class=\"govuk-table__cell\">");
	if (e->returned_at) {
		part_date(req, res, uk_day_of(e->returned_at));
	} else {
		res_markup(res, "<strong class=\"govuk-tag govuk-tag--red\">");
		res_text(res, e->kind[0] == 'A' ?
			 tr(req, "Still away", "Yn dal i ffwrdd") :
			 tr(req, "Still missing", "Yn dal ar goll"));
		res_markup(res, "</strong>");
	}
	res_markup(res, "</td>\n<td class=\"govuk-table__cell\">"
		   "<a class=\"govuk-link\" href=\"/missing/");
	res_int(res, e->id);
	res_markup(res, "\">");
	res_text(res, e->kind[0] == 'A' ?
		 tr(req, "Away from placement (recorded live)",
		    "I ffwrdd o" RQ "r lleoliad (cofnodwyd yn fyw)") :
		 tr(req, "Missing from care (recorded live)",
		    "Ar goll o ofal (cofnodwyd yn fyw)"));
	res_markup(res, "</a></td>\n<td class=\"govuk-table__cell\">\n"
		   "<ul class=\"govuk-list govuk-body-s\">\n");
	item_start(res, tr(req, "Went missing from", "Aeth ar goll o"));
	if (e->urn[0])
		part_home_link(res, e->urn, e->home_name);
	else
		part_not_recorded(req, res);
	item_end(res);
	item_start(res, tr(req, "Found missing", "Canfuwyd ar goll"));
	part_time(req, res, e->started_at);
	item_end(res);
	{
		char len[UK_TEXT_MAX];
		int64_t end = e->returned_at ? e->returned_at : cv->v.now_ms;

		uk_duration_text(end - e->started_at, req->lang[0] == 'c', len,
				 sizeof(len));
		item_start(res, e->returned_at ? tr(req, "Length", "Hyd") :
				tr(req, "Missing for", "Ar goll ers"));
		res_text(res, len);
		item_end(res);
	}
	if (period) {
		char ret[64];

		return_words(req, period->return_year, ret, sizeof(ret));
		item_start(res, tr(req, "In the returns", "Yn y ffurflenni"));
		res_text(res, tr(req, "also in ", "hefyd yn "));
		res_text(res, ret);
		if (period->end == DATE_NONE)
			res_text(res, tr(req, ", left open there",
					 ", wedi" RQ "i adael ar agor yno"));
		item_end(res);
	}
	if (e->exploitation) {
		item_start(res, tr(req, "Exploitation concern",
				   "Pryder am gamfanteisio"));
		res_text(res, tr(req, "Yes", "Ie"));
		item_end(res);
	}
	item_start(res, tr(req, "Police risk grade", "Gradd risg yr heddlu"));
	if (e->kind[0] == 'A' && e->grade == MFC_GRADE_UNSET)
		res_text(res, tr(req, "not for the police (away)",
				 "nid i" RQ "r heddlu (i ffwrdd)"));
	else
		res_text(res, web_grade_label(req, e->grade));
	if (e->police_ref[0]) {
		res_text(res, " (");
		res_text(res, e->police_ref);
		res_text(res, ")");
	}
	item_end(res);
	if (e->arrested || e->charged) {
		item_start(res, tr(req, "Police", "Heddlu"));
		res_text(res, e->charged ? tr(req, "Charged", "Cyhuddwyd") :
					   tr(req, "Arrested", "Arestiwyd"));
		item_end(res);
	}
	if (e->returned_at) {
		item_start(res, tr(req, "Came back", "Daeth yn \xc3\xb4l"));
		part_time(req, res, e->returned_at);
		if (e->returned_place[0]) {
			res_text(res, ", ");
			res_text(res, e->returned_place);
		}
		item_end(res);
		item_start(res, tr(req, "Return interview",
				   "Cyfweliad dychwelyd"));
		if (e->ri_held_at)
			part_time(req, res, e->ri_held_at);
		else if (e->ri_outcome == MFC_OUTCOME_DECLINED)
			res_text(res, tr(req, "Declined", "Gwrthodwyd"));
		else
			res_text(res, tr(req, "Not held yet",
					 "Heb ei gynnal eto"));
		item_end(res);
	}
	res_markup(res, "</ul>\n</td>\n");
}

static void meeting_row(struct request *req, struct response *res,
			const struct mfc_meeting *m)
{
	res_markup(res, "<td class=\"govuk-table__cell\"></td>\n"
		   "<td class=\"govuk-table__cell\">");
	if (m->episode_id) {
		res_markup(res, "<a class=\"govuk-link\" href=\"/missing/");
		res_int(res, m->episode_id);
		res_markup(res, "#meetings\">");
		res_text(res, tr(req, "Strategy meeting", "Cyfarfod strategaeth"));
		res_markup(res, "</a>");
	} else {
		res_text(res, tr(req, "Strategy meeting", "Cyfarfod strategaeth"));
	}
	res_markup(res, "</td>\n<td class=\"govuk-table__cell\">\n"
		   "<ul class=\"govuk-list govuk-body-s\">\n");
	item_start(res, tr(req, "Agencies present",
			   "Asiantaethau a oedd yn bresennol"));
	if (m->agencies[0])
		res_text(res, m->agencies);
	else
		part_not_recorded(req, res);
	item_end(res);
	item_start(res, tr(req, "Decisions", "Penderfyniadau"));
	if (m->decisions[0])
		res_text(res, m->decisions);
	else
		part_not_recorded(req, res);
	item_end(res);
	item_start(res, tr(req, "Safety plan review",
			   "Adolygu" RQ "r cynllun diogelwch"));
	part_date(req, res, m->safety_plan_review_on);
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

/* The later SSDA903 tables in words: what a row is, and its columns. */
static const struct later_words {
	const char *what_en, *what_cy;
	const char *col_en[CHILD_LATER_COLS], *col_cy[CHILD_LATER_COLS];
} later_words[S903_NTABLES] = {
	[S903_REVIEWS] = { "Review of the care plan",
		"Adolygiad o" RQ "r cynllun gofal",
		{ "Date of birth", "Review date", "Participation code" },
		{ "Dyddiad geni", "Dyddiad yr adolygiad",
		  "Cod cyfranogiad" } },
	[S903_UASC] = { "Unaccompanied asylum-seeking child",
		"Plentyn ar ei ben ei hun sy" RQ "n ceisio lloches",
		{ "Sex", "Date of birth", "Date the status ceased" },
		{ "Rhyw", "Dyddiad geni", "Dyddiad y daeth y statws i ben" } },
	[S903_OC3] = { "Care leaver (OC3)", "Ymadawr gofal (OC3)",
		{ "Date of birth", "In touch", "Activity", "Accommodation" },
		{ "Dyddiad geni", "Mewn cysylltiad", "Gweithgaredd",
		  "Llety" } },
	[S903_AD1] = { "Adoption (AD1)", "Mabwysiadu (AD1)",
		{ "Date of birth", "Decision that the child should be placed "
		  "for adoption", "Matched with adopters", "Foster carer "
		  "adoption", "Number of adopters", "Sex of adopters",
		  "Legal status of adopters" },
		{ "Dyddiad geni", "Penderfyniad y dylid lleoli" RQ "r plentyn "
		  "i" RQ "w fabwysiadu", "Wedi" RQ "i baru â mabwysiadwyr",
		  "Mabwysiadu gan ofalwr maeth", "Nifer y mabwysiadwyr",
		  "Rhyw y mabwysiadwyr", "Statws cyfreithiol y "
		  "mabwysiadwyr" } },
	[S903_PLACED_ADOPTION] = { "Should be placed for adoption",
		"Dylid ei leoli i" RQ "w fabwysiadu",
		{ "Date of birth", "Date of the decision", "Date it ceased",
		  "Reason it ceased" },
		{ "Dyddiad geni", "Dyddiad y penderfyniad",
		  "Dyddiad y daeth i ben", "Rheswm y daeth i ben" } },
	[S903_PREV_PERM] = { "Previous permanence", "Sefydlogrwydd blaenorol",
		{ "Date of birth", "Previous permanence option",
		  "Council that made it", "Date" },
		{ "Dyddiad geni", "Opsiwn sefydlogrwydd blaenorol",
		  "Y cyngor a" RQ "i gwnaeth", "Dyddiad" } },
	[S903_SW_EPISODES] = { "Social worker", "Gweithiwr cymdeithasol",
		{ "Date of birth", "Social worker's ID", "From", "To",
		  "Reason for the change" },
		{ "Dyddiad geni", "Rhif y gweithiwr cymdeithasol", "O",
		  "Hyd at", "Rheswm dros y newid" } },
	[S903_DOLO] = { "Deprivation of liberty order",
		"Gorchymyn amddifadu o ryddid",
		{ "Date of birth", "From", "To" },
		{ "Dyddiad geni", "O", "Hyd at" } },
};

/*
 * The later tables' codes in words, where the DfE's guidance says what
 * they mean (../shared/reference/domain.md, 4.3); a code not here is
 * shown as written.
 */
static const struct later_code {
	const char *column, *code, *en, *cy;
} later_codes[] = {
	{ "REVIEW_CODE", "PN0", "Child under 4 at the review",
	  "Plentyn o dan 4 oed adeg yr adolygiad" },
	{ "REVIEW_CODE", "PN1", "Attended and spoke for themselves",
	  "Wedi mynychu a siarad drosto'i hun" },
	{ "REVIEW_CODE", "PN2", "Attended, an advocate spoke for them",
	  "Wedi mynychu, eiriolwr yn siarad drosto" },
	{ "REVIEW_CODE", "PN3", "Attended and conveyed their views "
	  "symbolically", "Wedi mynychu a chyfleu ei farn yn symbolaidd" },
	{ "REVIEW_CODE", "PN4", "Attended without contributing",
	  "Wedi mynychu heb gyfrannu" },
	{ "REVIEW_CODE", "PN5", "Not there, briefed an advocate",
	  "Ddim yno, wedi briffio eiriolwr" },
	{ "REVIEW_CODE", "PN6", "Not there, conveyed their views another way",
	  "Ddim yno, wedi cyfleu ei farn mewn ffordd arall" },
	{ "REVIEW_CODE", "PN7", "Not there and views not conveyed",
	  "Ddim yno a'i farn heb ei chyfleu" },
	{ "PREV_PERM", "P1", "Adoption", "Mabwysiadu" },
	{ "PREV_PERM", "P2", "Special guardianship order",
	  "Gorchymyn gwarcheidiaeth arbennig" },
	{ "PREV_PERM", "P3", "Residence or child arrangements order",
	  "Gorchymyn preswylio neu drefniadau plant" },
	{ "PREV_PERM", "P4", "Unknown", "Anhysbys" },
	{ "PREV_PERM", "Z1", "None", "Dim" },
	{ "IN_TOUCH", "YES", "Yes", "Ydy" },
	{ "IN_TOUCH", "NO", "No", "Nac ydy" },
	{ "IN_TOUCH", "DIED", "Died", "Wedi marw" },
	{ "IN_TOUCH", "REFU", "Refuses contact", "Yn gwrthod cysylltiad" },
	{ "IN_TOUCH", "NREQ", "No longer needs services",
	  "Nid oes angen gwasanaethau mwyach" },
	{ "IN_TOUCH", "RHOM", "Returned home", "Wedi dychwelyd adref" },
	{ "FOSTER_CARE", "0", "No", "Na" },
	{ "FOSTER_CARE", "1", "Yes", "Ie" },
	{ "SEX_ADOPTR", "M1", "A man alone", "Dyn ar ei ben ei hun" },
	{ "SEX_ADOPTR", "F1", "A woman alone", "Menyw ar ei phen ei hun" },
	{ "SEX_ADOPTR", "MM", "Two men", "Dau ddyn" },
	{ "SEX_ADOPTR", "FF", "Two women", "Dwy fenyw" },
	{ "SEX_ADOPTR", "MF", "A man and a woman", "Dyn a menyw" },
};

static const char *later_word(struct request *req, const char *column,
			      const char *code)
{
	for (size_t i = 0; i < ARRAY_SIZE(later_codes); i++)
		if (!strcmp(later_codes[i].column, column) &&
		    !strcmp(later_codes[i].code, code))
			return tr(req, later_codes[i].en, later_codes[i].cy);
	return NULL;
}

/* The day a later row is about: its first date after DOB, else 31 March. */
static int32_t later_day(const struct child_later *l)
{
	const struct s903_table_def *d = &s903_tables[l->table];
	int32_t day;

	for (size_t c = 2; c < d->ncols && c - 1 < CHILD_LATER_COLS; c++)
		if (d->cols[c].kind == S903_DATE &&
		    !parse_date_dmy(l->v[c - 1], &day))
			return day;
	return year_end(l->year);
}

/*
 * A row that a later return repeats as it was (a social worker or an
 * adoption decision carried into the next year's return) is one event:
 * shown once, from the latest return that has it.
 */
static bool later_seen(const struct child_record *r, size_t i)
{
	const struct child_later *a = &r->later[i];

	for (size_t j = i + 1; j < r->nlater; j++) {
		const struct child_later *b = &r->later[j];

		bool same = b->table == a->table && b->year != a->year;

		for (int c = 0; same && c < CHILD_LATER_COLS; c++)
			same = !strcmp(a->v[c], b->v[c]);
		if (same)
			return true;
	}
	return false;
}

static void later_row(struct request *req, struct response *res,
		      const struct child_later *l)
{
	const struct s903_table_def *d = &s903_tables[l->table];
	const struct later_words *w = &later_words[l->table];

	res_markup(res, "<td class=\"govuk-table__cell\"></td>\n"
		   "<td class=\"govuk-table__cell\">");
	res_text(res, tr(req, w->what_en, w->what_cy));
	res_markup(res, "</td>\n<td class=\"govuk-table__cell\">\n"
		   "<ul class=\"govuk-list govuk-body-s\">\n");
	/* the date of birth is in the heading already: from column 2 */
	for (size_t c = 2; c < d->ncols && c - 1 < CHILD_LATER_COLS; c++) {
		if (!w->col_en[c - 1])
			continue;
		item_start(res, tr(req, w->col_en[c - 1], w->col_cy[c - 1]));
		if (!l->v[c - 1][0]) {
			part_not_recorded(req, res);
		} else {
			const char *word = later_word(req, d->cols[c].name,
						      l->v[c - 1]);

			if (word) {
				res_text(res, word);
				res_text(res, " (");
			}
			res_text(res, l->v[c - 1]);
			if (word)
				res_text(res, ")");
		}
		item_end(res);
	}
	res_markup(res, "</ul>\n</td>\n");
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
	part_summary_key(res, tr(req, "Missing or away now",
				 "Ar goll neu i ffwrdd nawr"));
	if (cv->open) {
		char len[UK_TEXT_MAX], s[UK_TEXT_MAX + 40];

		uk_duration_text(cv->v.now_ms - cv->open->started_at,
				 req->lang[0] == 'c', len, sizeof(len));
		part_tag(res, "red", cv->open->kind[0] == 'A' ?
			 tr(req, "Away", "I ffwrdd") :
			 tr(req, "Missing", "Ar goll"));
		snprintf(s, sizeof(s), WEB_TRF(req, " for %s", " ers %s"), len);
		res_text(res, s);
	} else if (c->open_missing > 0) {
		part_tag(res, "red", tr(req, "Missing or away",
					"Ar goll neu i ffwrdd"));
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
	const struct mfc_chronology *l = &cv->live;
	size_t n = r->nepisodes + r->nmissing + r->noc2 + r->nlater +
		   l->nepisodes + l->nmeetings, k = 0;
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
	for (size_t i = 0; i < r->nmissing; i++) {
		bool live = false;

		/* one absence, one line: the live record says it */
		for (size_t j = 0; j < l->nepisodes; j++)
			live |= cv->live_period[j] == (long)i;
		if (!live)
			v[k++] = (struct entry){ r->missing[i].start,
						 E_MISSING, i };
	}
	for (size_t i = 0; i < r->noc2; i++)
		v[k++] = (struct entry){ year_end(r->oc2[i].year), E_OC2, i };
	for (size_t i = 0; i < r->nlater; i++)
		if (!later_seen(r, i))
			v[k++] = (struct entry){ later_day(&r->later[i]),
						 E_LATER, i };
	for (size_t i = 0; i < l->nepisodes; i++)
		v[k++] = (struct entry){ uk_day_of(l->episodes[i].started_at),
					 E_LIVE, i };
	n = k;
	for (size_t i = 0; i < l->nmeetings; i++)
		v[k++] = (struct entry){ l->meetings[i].held_on, E_MEETING,
					 i };
	qsort(v, n, sizeof(*v), entry_cmp);

	part_table_scroll_start(req, res, tr(req, "Chronology", "Cronoleg"));
	res_markup(res, "<table class=\"govuk-table\">\n<caption "
		   "class=\"govuk-table__caption govuk-table__caption--s\">");
	res_text(res, tr(req, "Placements, periods missing or away (from the "
			 "returns and recorded live), strategy meetings and "
			 "outcomes, newest first",
			 "Lleoliadau, cyfnodau ar goll neu i ffwrdd (o" RQ "r "
			 "ffurflenni a" RQ "u cofnodi" RQ "n fyw), cyfarfodydd "
			 "strategaeth a chanlyniadau, y diweddaraf yn "
			 "gyntaf"));
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
		case E_LIVE:
			live_row(req, res, cv, &l->episodes[v[i].i],
				 cv->live_period[v[i].i] >= 0 ?
					 &r->missing[cv->live_period[v[i].i]] :
					 NULL);
			break;
		case E_MEETING:
			meeting_row(req, res, &l->meetings[v[i].i]);
			break;
		case E_OC2:
			oc2_row(req, res, &r->oc2[v[i].i]);
			break;
		case E_LATER:
			later_row(req, res, &r->later[v[i].i]);
			break;
		}
		res_markup(res, "</tr>\n");
	}
	res_markup(res, "</tbody>\n</table>\n");
	part_table_scroll_end(res);
	free(v);
	if (r->truncated)
		part_para(res, tr(req, "This record is long: only its first "
				  "1,000 rows of each kind are shown.",
				  "Mae" RQ "r cofnod hwn yn hir: dim ond y "
				  "1,000 rhes gyntaf o bob math a ddangosir."));
}

/* Report missing, the open episode, the grab pack: as the viewer may. */
static void actions(struct request *req, struct response *res,
		    const struct child_view *cv)
{
	const struct child_summary *c = &cv->rec.child;
	bool placed = web_placed_with_viewer(&cv->v, c);
	bool pack = placed || cv->v.access == VIEWER_COUNCIL ||
		    cv->v.access == VIEWER_INSPECTORATE ||
		    (cv->v.access == VIEWER_POLICE && cv->open &&
		     cv->open->kind[0] == 'M');

	if (cv->open) {
		part_warning_start(req, res);
		res_text(res, cv->open->kind[0] == 'A' ?
			 tr(req, "This child is away from placement now. ",
			    "Mae" RQ "r plentyn hwn i ffwrdd o" RQ "r "
			    "lleoliad nawr. ") :
			 tr(req, "This child is missing now. ",
			    "Mae" RQ "r plentyn hwn ar goll nawr. "));
		res_markup(res, "<a class=\"govuk-link\" href=\"/missing/");
		res_int(res, cv->open->id);
		res_markup(res, "\">");
		res_text(res, tr(req, "Open the episode", "Agor y cyfnod"));
		res_markup(res, "</a>");
		part_warning_end(res);
	} else if (placed) {
		res_markup(res, "<a href=\"");
		part_child_path(res, c->la, c->ref);
		res_markup(res, "/missing/new\" role=\"button\" "
			   "draggable=\"false\" class=\"govuk-button "
			   "govuk-button--warning\" data-module=\"govuk-button\">");
		res_text(res, tr(req, "Report missing or away",
				 "Adrodd ar goll neu i ffwrdd"));
		res_markup(res, "</a>\n");
	}
	if (pack) {
		res_markup(res, "<p class=\"govuk-body\"><a class=\"govuk-link\" "
			   "href=\"");
		part_child_path(res, c->la, c->ref);
		res_markup(res, "/grab-pack\">");
		res_text(res, placed ? tr(req, "The grab pack: keep it up to "
					  "date",
					  "Y pecyn cydio: cadwch ef yn "
					  "gyfredol") :
				       tr(req, "The grab pack", "Y pecyn cydio"));
		res_markup(res, "</a></p>\n");
	}
}

/*
 * The child's open alerts that the viewer's organisation receives, most
 * urgent first: what each says to do, and when it was due.
 */
static void open_alerts(struct request *req, struct response *res,
			const struct child_view *cv)
{
	const struct alert_item_page *ip = cv->alerts;
	bool cy = req->lang[0] == 'c';

	if (!ip || !ip->n || !ip->items[0].n)
		return;
	part_h2(res, tr(req, "Alerts to act on", "Rhybuddion i weithredu arnynt"));
	res_markup(res, "<ul class=\"govuk-list\" data-cartref=\"child-alerts\">\n");
	for (size_t k = 0; k < ip->items[0].n; k++) {
		const struct alert_row *a = &ip->reasons[ip->items[0].first + k];
		struct alert_text t;

		alert_text(a, cv->v.now_ms, cy, &t);
		res_markup(res, "<li><a class=\"govuk-link\" href=\"/alerts/");
		res_int(res, a->id);
		res_markup(res, "\">");
		res_text(res, alert_title(a->rule, cy));
		res_markup(res, "</a> ");
		part_tag(res, web_severity_colour(a->severity),
			 alert_severity_label(a->severity, cy));
		if (a->state == ALERT_ACKNOWLEDGED) {
			res_text(res, " ");
			part_tag(res, "grey", alert_state_label(a->state, cy));
		}
		if (t.due[0] || t.todo[0]) {
			res_markup(res, "<br><span class=\"govuk-body-s\">");
			res_text(res, t.todo);
			if (t.due[0] && t.todo[0])
				res_text(res, " ");
			res_text(res, t.due);
			res_markup(res, "</span>");
		}
		res_markup(res, "</li>\n");
	}
	res_markup(res, "</ul>\n");
}

/* "16, in a children's home: Tŷ Bedw. Looked after by Cardiff." */
static void lead(struct request *req, struct response *res,
		 const struct child_view *cv)
{
	const struct child_summary *c = &cv->rec.child;
	char s[240];

	res_markup(res, "<p class=\"govuk-body-l\" data-cartref=\"child-lead\">");
	if (c->age >= 0) {
		snprintf(s, sizeof(s), WEB_TRF(req, "Aged %d. ", "Yn %d oed. "),
			 c->age);
		res_text(res, s);
	}
	if (!c->looked_after) {
		res_text(res, tr(req, "Not looked after now. ",
				 "Ddim yn derbyn gofal nawr. "));
	} else if (c->has_current) {
		const char *what = web_code_label(req, &codes_place,
						  c->current.place);

		res_text(res, tr(req, "Placed now: ", "Wedi" RQ "i leoli nawr: "));
		res_text(res, what ? what : c->current.place);
		if (c->current.urn[0]) {
			res_text(res, ", ");
			part_home_link(res, c->current.urn,
				       c->current.home_name);
		}
		res_text(res, ". ");
	}
	snprintf(s, sizeof(s), WEB_TRF(req, "Looked after by %s.",
				       "Yn derbyn gofal gan %s."),
		 web_council_name(req, &cv->councils, c->la));
	res_text(res, s);
	res_markup(res, "</p>\n");
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
	res_markup(res, "</h1>\n");
	lead(req, res, cv);
	res_markup(res, "<div class=\"govuk-inset-text\">");
	res_text(res, tr(req, "You see what your role needs. Your viewing of "
			 "this record has been recorded in the audit trail.",
			 "Rydych yn gweld yr hyn sydd ei angen ar eich r\xc3\xb4l. "
			 "Mae" RQ "r ffaith i chi edrych ar y cofnod hwn wedi"
			 RQ "i chofnodi yn y trywydd archwilio."));
	res_markup(res, "</div>\n");
	actions(req, res, cv);
	open_alerts(req, res, cv);
	part_h2(res, tr(req, "About the child", "Am y plentyn"));
	about(req, res, cv);
	chronology(req, res, cv);
}

/*
 * The live episodes and meetings (store_mfc_child(), scoped and
 * audited), and the child's open alerts among those the viewer's
 * organisation receives (alerts_list(): a role that receives none is
 * not an error here).
 */
static int load_live(struct store *s, struct child_view *cv,
		     struct err *err)
{
	const struct child_summary *c = &cv->rec.child;
	struct alert_filter f;
	struct err inner = ERR_INIT;
	int rc;

	rc = store_mfc_child(s, &cv->v, c->la, c->ref, &cv->live, err);
	if (rc == ERR_NOT_FOUND) {	/* no live records it may see */
		err_clear(err);
		rc = 0;
	}
	if (rc)
		return rc;
	for (size_t i = 0; i < cv->live.nepisodes; i++)
		if (!cv->live.episodes[i].returned_at)
			cv->open = &cv->live.episodes[i];
	/* the return's record of each live absence: same kind, same day */
	cv->live_period = xcalloc(cv->live.nepisodes + 1,
				  sizeof(*cv->live_period));
	for (size_t i = 0; i < cv->live.nepisodes; i++) {
		const struct mfc_episode *e = &cv->live.episodes[i];
		int32_t day = uk_day_of(e->started_at);

		cv->live_period[i] = -1;
		for (size_t j = 0; j < cv->rec.nmissing; j++)
			if (cv->rec.missing[j].start == day &&
			    cv->rec.missing[j].kind[0] == e->kind[0]) {
				cv->live_period[i] = (long)j;
				break;
			}
	}
	memset(&f, 0, sizeof(f));
	f.state = -1;
	f.la = c->la;
	f.ref = c->ref;
	f.page_size = 1;
	cv->alerts = xcalloc(1, sizeof(*cv->alerts));
	rc = alerts_items_list(s, &cv->v, &f, cv->alerts, &inner);
	if (rc == ERR_DENIED) {
		alert_item_page_release(cv->alerts);
		free(cv->alerts);
		cv->alerts = NULL;
		return 0;
	}
	return rc ? err_set(err, rc, "%s", err_text(&inner)) : 0;
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
	if (!rc)
		rc = load_live(s, cv, &err);
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
	mfc_chronology_release(&cv->live);
	free(cv->live_period);
	if (cv->alerts)
		alert_item_page_release(cv->alerts);
	free(cv->alerts);
	free(cv);
}
