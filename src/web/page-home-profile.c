/*
 * page-home-profile.c: GET /homes/{urn}, one children's home.  First
 * what to look at (for inspectors, its provider and the council of its
 * area): children missing now, missing episodes recorded live in the
 * last 90 days for its places beside those of the homes the viewer sees,
 * moves out in the latest year, the last inspection; then the children
 * placed there now whom the signed-in user may see (a home manager can
 * report one missing from here), its entry in the register (places,
 * provider, registration, the address as the address rule allows: full
 * postcode or district) and its missing periods and moves out by
 * reporting year.
 *
 * Everything comes from store_home_profile() with the user's viewer:
 * which children show, whether the postcode is full and whether the
 * home's figures show are the store's decisions (docs/access.md), and
 * the store audits a profile that names children.  An unknown URN is
 * the 404 page; so is every profile for analysts and admins, to whom
 * the store refuses profiles (they name children).
 */
#include "base/compat.h"
#include "base/uktime.h"
#include "base/xalloc.h"
#include "quality/service.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/parts.h"
#include "web/session.h"

#define RQ "\xe2\x80\x99"	/* right single quotation mark */

#define RECENT_DAYS 90
#define LATEST_NOTIFS 5		/* notifications the profile lists */
#define FINDING_CHARS 120	/* a finding's text in the list */

struct profile_view {
	struct viewer v;
	struct web_councils councils;
	struct home_profile prof;
	/* what is happening now (store_homes_now()): this home, and the
	 * homes the viewer sees, to compare; none for other viewers */
	bool now;
	struct home_now here;
	long all_episodes, all_places;
	size_t all_homes;
	/* the quality of care (quality/service.h): the home's record, for
	 * viewers who may read it */
	bool quality;
	struct quality_set qs;
	const struct q_inspection *latest;	/* in qs, or NULL */
	bool may_record, may_file, may_notifs;
};

/* "2.3 a place" */
static void per_place(struct request *req, long episodes, long places,
		      char *out, size_t cap)
{
	if (places <= 0)
		snprintf(out, cap, "%s", "\xe2\x80\x93");
	else
		snprintf(out, cap, WEB_TRF(req, "%.1f a place", "%.1f y lle"),
			 (double)episodes / (double)places);
}

/* "Full inspection, 3 March 2026" linking to the inspection. */
static void inspection_link(struct request *req, struct response *res,
			    const struct q_inspection *i)
{
	char d[UK_TEXT_MAX], s[UK_TEXT_MAX + 64];

	uk_date_text(i->start_on, req->lang[0] == 'c', d, sizeof(d));
	snprintf(s, sizeof(s), "%s, %s",
		 web_inspection_kind(req, i->type), d);
	res_markup(res, "<a class=\"govuk-link\" href=\"/inspections/");
	res_int(res, i->id);
	res_markup(res, "\">");
	res_text(res, s);
	res_markup(res, "</a>");
}

/* What to look at first: a summary of now and of the latest year. */
static void look_first(struct request *req, struct response *res,
		       const struct profile_view *pv)
{
	const struct home_profile *hp = &pv->prof;
	const struct home_now *h = &pv->here;
	char s[200], a[64], b[64];

	if (!pv->now && !hp->figures)
		return;
	part_h2(res, tr(req, "What to look at first",
			"Beth i edrych arno yn gyntaf"));
	part_summary_start(res);
	if (pv->now) {
		part_summary_key(res, tr(req, "Missing or away now",
					 "Ar goll neu i ffwrdd nawr"));
		if (h->missing_now)
			part_tag(res, "red", tr(req, "Yes", "Oes"));
		res_text(res, " ");
		res_int(res, h->missing_now);
		part_summary_key_end(res);
		part_summary_key(res, tr(req, "Missing episodes in the last 90 "
					 "days, recorded live",
					 "Cyfnodau ar goll yn y 90 diwrnod "
					 "diwethaf, wedi" RQ "u cofnodi" RQ
					 "n fyw"));
		per_place(req, h->episodes_recent, h->places, a, sizeof(a));
		per_place(req, pv->all_episodes, pv->all_places, b, sizeof(b));
		snprintf(s, sizeof(s), WEB_TRF(req, "%ld (%s; the %zu homes you "
					       "see: %s)",
					       "%ld (%s; y %zu cartref a welwch: "
					       "%s)"),
			 h->episodes_recent, a, pv->all_homes, b);
		res_text(res, s);
		part_summary_key_end(res);
		part_summary_key(res, tr(req, "Children placed now",
					 "Plant wedi" RQ "u lleoli nawr"));
		snprintf(s, sizeof(s), WEB_TRF(req, "%ld for %d places",
					       "%ld ar gyfer %d o leoedd"),
			 h->placed, h->places);
		res_text(res, s);
		part_summary_key_end(res);
	}
	if (hp->figures && hp->nyears) {
		const struct home_year *y = &hp->years[0];

		part_summary_key(res, tr(req, "Moves out in the latest year",
					 "Symudiadau allan yn y flwyddyn "
					 "ddiweddaraf"));
		snprintf(s, sizeof(s), WEB_TRF(req, "%ld in the year to 31 March "
					       "%d",
					       "%ld yn y flwyddyn hyd at 31 "
					       "Mawrth %d"),
			 y->moves_out, y->year);
		res_text(res, s);
		part_summary_key_end(res);
	}
	if (pv->quality) {
		part_summary_key(res, tr(req, "Last inspection",
					 "Arolygiad diwethaf"));
		if (pv->latest)
			inspection_link(req, res, pv->latest);
		else
			res_text(res, tr(req, "No inspection is recorded in "
					 "cartref yet.",
					 "Nid oes arolygiad wedi" RQ "i gofnodi "
					 "yn cartref eto."));
		part_summary_key_end(res);
	}
	part_summary_end(res);
}

static const char *sex_admitted(const struct request *req,
				enum sex_admitted s)
{
	switch (s) {
	case ADMITS_MALE:
		return tr(req, "Boys", "Bechgyn");
	case ADMITS_FEMALE:
		return tr(req, "Girls", "Merched");
	case ADMITS_MIXED:
		break;
	}
	return tr(req, "Boys and girls", "Bechgyn a merched");
}

static void register_entry(struct request *req, struct response *res,
			   const struct profile_view *pv)
{
	const struct home_row *h = &pv->prof.home;
	bool open = h->closed == DATE_NONE || h->closed > pv->v.today;
	char s[64];

	part_summary_start(res);
	part_summary_row(res, "URN", h->urn);
	char pn[PROVIDER_NAME_MAX + 16];

	part_summary_row(res, tr(req, "Provider", "Darparwr"),
			 web_provider_name(req, &pv->councils, h->provider,
					   h->provider_type, pn, sizeof(pn)));
	part_summary_row(res, tr(req, "Type of provider", "Math o ddarparwr"),
			 report_provider_type_label(
				 provider_type_name(h->provider_type),
				 web_lang(req)));
	part_summary_row(res, tr(req, "Council area", "Ardal cyngor"),
			 web_council_name(req, &pv->councils, h->la));
	part_summary_row(res, h->postcode_full ?
				      tr(req, "Postcode", "Cod post") :
				      tr(req, "Postcode district",
					 "Ardal cod post"),
			 h->postcode);
	part_summary_key(res, tr(req, "Registered places",
				 "Lleoedd cofrestredig"));
	res_int(res, h->places);
	part_summary_key_end(res);
	part_summary_key(res, tr(req, "Ages", "Oedrannau"));
	snprintf(s, sizeof(s), WEB_TRF(req, "%d to %d", "%d i %d"),
		 h->age_min, h->age_max);
	res_text(res, s);
	part_summary_key_end(res);
	part_summary_row(res, tr(req, "Admits", "Yn derbyn"),
			 sex_admitted(req, h->sex_admitted));
	part_summary_key(res, tr(req, "Registered", "Cofrestrwyd"));
	part_date(req, res, h->registered);
	part_summary_key_end(res);
	part_summary_key(res, tr(req, "Status", "Statws"));
	if (open) {
		res_text(res, tr(req, "Open", "Ar agor"));
	} else {
		res_text(res, tr(req, "Closed on ", "Wedi cau ar "));
		part_date(req, res, h->closed);
	}
	part_summary_key_end(res);
	part_summary_end(res);
}

static void children_placed(struct request *req, struct response *res,
			    const struct profile_view *pv)
{
	const struct home_profile *hp = &pv->prof;

	part_h2(res, tr(req, "Children placed here now",
			"Plant sydd wedi" RQ "u lleoli yma nawr"));
	if (!hp->nchildren) {
		part_para(res, tr(req, "There are no children here for you to "
				  "see.",
				  "Nid oes plant yma i chi eu gweld."));
		return;
	}
	part_table_scroll_start(req, res, tr(req, "Children placed here now", "Plant sydd wedi\xe2\x80\x99u lleoli yma nawr"));
	res_markup(res, "<table class=\"govuk-table\">\n<caption "
		   "class=\"govuk-table__caption govuk-table__caption--s\">");
	res_text(res, tr(req, "Children placed here now whom you may see",
			 "Plant sydd wedi" RQ "u lleoli yma nawr y cewch eu "
			 "gweld"));
	res_markup(res, "</caption>\n<thead class=\"govuk-table__head\">\n"
		   "<tr class=\"govuk-table__row\">\n");
	part_th(res, tr(req, "Child", "Plentyn"), false);
	part_th(res, tr(req, "Council", "Cyngor"), false);
	part_th(res, tr(req, "Age", "Oed"), true);
	part_th(res, tr(req, "Placed since", "Wedi" RQ "i leoli ers"), false);
	part_th(res, tr(req, "Missing now", "Ar goll nawr"), false);
	if (pv->v.access == VIEWER_PROVIDER)
		part_th(res, tr(req, "Report", "Adrodd"), false);
	res_markup(res, "</tr>\n</thead>\n<tbody class=\"govuk-table__body\">\n");
	for (size_t i = 0; i < hp->nchildren; i++) {
		const struct child_summary *c = &hp->children[i];

		res_markup(res, "<tr class=\"govuk-table__row\">\n"
			   "<th scope=\"row\" class=\"govuk-table__header\">");
		part_child_link(res, c->la, c->ref);
		res_markup(res, "</th>\n<td class=\"govuk-table__cell\">");
		res_text(res, web_council_name(req, &pv->councils, c->la));
		res_markup(res, "</td>\n<td class=\"govuk-table__cell "
			   "govuk-table__cell--numeric\">");
		if (!viewer_may(&pv->v, VF_AGE))
			part_not_shown(req, res);
		else if (c->age < 0)
			part_not_recorded(req, res);
		else
			res_int(res, c->age);
		res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
		if (c->has_current)
			part_date(req, res, c->current.decom);
		else
			part_not_shown(req, res);
		res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
		if (c->open_missing > 0) {
			res_markup(res, "<strong class=\"govuk-tag "
				   "govuk-tag--red\">");
			res_text(res, tr(req, "Missing", "Ar goll"));
			res_markup(res, "</strong>");
		} else {
			res_text(res, tr(req, "No", "Na"));
		}
		if (pv->v.access == VIEWER_PROVIDER) {
			res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
			if (!c->open_missing &&
			    web_placed_with_viewer(&pv->v, c)) {
				res_markup(res, "<a class=\"govuk-link\" "
					   "href=\"");
				part_child_path(res, c->la, c->ref);
				res_markup(res, "/missing/new\">");
				res_text(res, tr(req, "Report missing",
						 "Adrodd ar goll"));
				res_markup(res, "<span class=\"govuk-visually-"
					   "hidden\"> ");
				res_text(res, c->ref);
				res_markup(res, "</span></a>");
			}
		}
		res_markup(res, "</td>\n</tr>\n");
	}
	res_markup(res, "</tbody>\n</table>\n");
	part_table_scroll_end(res);
	if (hp->truncated)
		part_para(res, tr(req, "Only the first 100 children are shown.",
				  "Dim ond y 100 plentyn cyntaf a ddangosir."));
}

static void figures(struct request *req, struct response *res,
		    const struct profile_view *pv)
{
	const struct home_profile *hp = &pv->prof;
	struct buf year = BUF_INIT(32);

	part_h2(res, tr(req, "Missing from care and moves out, by year",
			"Mynd ar goll o ofal a symud allan, fesul blwyddyn"));
	if (!hp->figures) {
		part_para(res, tr(req, "A home" RQ "s figures are shown to "
				  "inspectors, to its provider and to the "
				  "council of its area.",
				  "Dangosir ffigurau cartref i arolygwyr, i" RQ
				  "w ddarparwr ac i gyngor ei ardal."));
		return;
	}
	if (!hp->nyears) {
		part_para(res, tr(req, "No returns have been imported yet.",
				  "Nid oes ffurflenni wedi" RQ "u mewnforio "
				  "eto."));
		return;
	}
	part_table_scroll_start(req, res, tr(req, "Figures by year", "Ffigurau fesul blwyddyn"));
	res_markup(res, "<table class=\"govuk-table\">\n<caption "
		   "class=\"govuk-table__caption govuk-table__caption--s\">");
	res_text(res, tr(req, "Exact figures for this home, newest year first",
			 "Ffigurau union ar gyfer y cartref hwn, y flwyddyn "
			 "ddiweddaraf yn gyntaf"));
	res_markup(res, "</caption>\n<thead class=\"govuk-table__head\">\n"
		   "<tr class=\"govuk-table__row\">\n");
	part_th(res, tr(req, "Reporting year", "Blwyddyn adrodd"), false);
	part_th(res, tr(req, "Periods missing from here",
			"Cyfnodau ar goll o" RQ "r fan hon"), true);
	part_th(res, tr(req, "Children who went missing",
			"Plant a aeth ar goll"), true);
	part_th(res, tr(req, "Moves out", "Symudiadau allan"), true);
	res_markup(res, "</tr>\n</thead>\n<tbody class=\"govuk-table__body\">\n");
	for (size_t i = 0; i < hp->nyears; i++) {
		const struct home_year *y = &hp->years[i];

		buf_reset(&year);
		report_fmt_year(&year, y->year);
		res_markup(res, "<tr class=\"govuk-table__row\">\n"
			   "<th scope=\"row\" class=\"govuk-table__header\">");
		res_text(res, year.buf);
		res_markup(res, "</th>\n<td class=\"govuk-table__cell "
			   "govuk-table__cell--numeric\">");
		res_int(res, y->missing_periods);
		res_markup(res, "</td>\n<td class=\"govuk-table__cell "
			   "govuk-table__cell--numeric\">");
		res_int(res, y->missing_children);
		res_markup(res, "</td>\n<td class=\"govuk-table__cell "
			   "govuk-table__cell--numeric\">");
		res_int(res, y->moves_out);
		res_markup(res, "</td>\n</tr>\n");
	}
	res_markup(res, "</tbody>\n</table>\n");
	part_table_scroll_end(res);
	buf_release(&year);
}

/* ---- the quality of care ------------------------------------------------- */

static const struct q_inspection *insp_by_id(const struct quality_set *qs,
					     int64_t id)
{
	for (size_t i = 0; i < qs->ninsp; i++)
		if (qs->insp[i].id == id)
			return &qs->insp[i];
	return NULL;
}

/* The order to look at findings in: overdue notices (most overdue
 * first), other notices (soonest due first), areas for improvement
 * (oldest first). */
struct open_finding {
	const struct q_finding *f;
	long late;		/* days overdue on the viewer's today */
};

static int finding_order(const void *a, const void *b)
{
	const struct open_finding *oa = a, *ob = b;
	const struct q_finding *x = oa->f, *y = ob->f;
	long lx = oa->late, ly = ob->late;
	bool px = x->kind == Q_PRIORITY_ACTION_NOTICE;
	bool py = y->kind == Q_PRIORITY_ACTION_NOTICE;

	if ((lx > 0) != (ly > 0))
		return lx > 0 ? -1 : 1;
	if (lx != ly)
		return lx > ly ? -1 : 1;
	if (px != py)
		return px ? -1 : 1;
	if (px && x->due_on != y->due_on)
		return x->due_on < y->due_on ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static void open_findings(struct request *req, struct response *res,
			  const struct profile_view *pv)
{
	const struct quality_set *qs = &pv->qs;
	struct open_finding *of = xcalloc(qs->nfindings + 1, sizeof(*of));
	bool cy = req->lang[0] == 'c';
	size_t n = 0;

	/* the latest of each chain of repeats: the earlier ones are
	 * carried on by the finding that repeats them */
	for (size_t i = 0; i < qs->nfindings; i++)
		if (q_finding_outstanding(qs->findings[i].status) &&
		    !q_finding_repeated_by(&qs->findings[i], qs->findings,
					   qs->nfindings)) {
			of[n].f = &qs->findings[i];
			of[n++].late = web_days_overdue(&qs->findings[i],
							pv->v.today);
		}
	res_markup(res, "<h3 class=\"govuk-heading-s\">");
	res_text(res, tr(req, "Findings still to be put right",
			 "Canfyddiadau sydd angen eu hunioni o hyd"));
	res_markup(res, "</h3>\n");
	if (!n) {
		part_para(res, tr(req, "None.", "Dim."));
		free(of);
		return;
	}
	qsort(of, n, sizeof(*of), finding_order);
	part_table_scroll_start(req, res, tr(req, "Findings still to be put "
					     "right",
					     "Canfyddiadau sydd angen eu "
					     "hunioni o hyd"));
	res_markup(res, "<table class=\"govuk-table\">\n<caption "
		   "class=\"govuk-table__caption govuk-visually-hidden\">");
	res_text(res, tr(req, "Findings still to be put right, overdue "
			 "notices first",
			 "Canfyddiadau sydd angen eu hunioni o hyd, "
			 "hysbysiadau hwyr yn gyntaf"));
	res_markup(res, "</caption>\n<thead class=\"govuk-table__head\">\n"
		   "<tr class=\"govuk-table__row\">\n");
	part_th(res, tr(req, "Finding", "Canfyddiad"), false);
	part_th(res, tr(req, "What must change", "Beth sy" RQ "n rhaid ei "
			"newid"), false);
	part_th(res, tr(req, "Open for", "Ar agor ers"), false);
	part_th(res, tr(req, "To be met by", "I" RQ "w fodloni erbyn"), false);
	part_th(res, tr(req, "Status", "Statws"), false);
	res_markup(res, "</tr>\n</thead>\n<tbody class=\"govuk-table__body\">\n");
	for (size_t k = 0; k < n; k++) {
		const struct q_finding *f = of[k].f;
		const struct q_inspection *in = insp_by_id(qs,
							   f->inspection_id);
		char t[Q_REG_MAX + 80], text[FINDING_CHARS + 8], age[64];
		size_t max = FINDING_CHARS;

		snprintf(t, sizeof(t), "%s: %s",
			 q_finding_kind_name(f->kind, cy), f->regulation);
		if (strlen(f->text) > max) {
			while (max && ((unsigned char)f->text[max] & 0xc0) ==
			       0x80)
				max--;	/* a whole UTF-8 character */
			snprintf(text, sizeof(text), "%.*s\xe2\x80\xa6",
				 (int)max, f->text);
		} else {
			snprintf(text, sizeof(text), "%.*s",
				 (int)FINDING_CHARS, f->text);
		}
		res_markup(res, "<tr class=\"govuk-table__row\">\n"
			   "<th scope=\"row\" class=\"govuk-table__header\">"
			   "<a class=\"govuk-link\" href=\"/inspections/");
		res_int(res, f->inspection_id);
		res_markup(res, "#finding-");
		res_int(res, f->id);
		res_markup(res, "\">");
		res_text(res, t);
		res_markup(res, "</a></th>\n<td class=\"govuk-table__cell\">");
		res_text(res, text);
		res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
		if (in) {
			web_days_text(pv->v.today - (in->end_on != DATE_NONE ?
						     in->end_on : in->start_on),
				      cy, age, sizeof(age));
			res_text(res, age);
		}
		res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
		part_finding_due(req, res, f, pv->v.today);
		res_markup(res, "</td>\n<td class=\"govuk-table__cell\">");
		part_tag(res, web_finding_colour(f->status),
			 q_finding_status_name(f->status, cy));
		res_markup(res, "</td>\n</tr>\n");
	}
	res_markup(res, "</tbody>\n</table>\n");
	part_table_scroll_end(res);
	free(of);
}

static void latest_notifications(struct request *req, struct response *res,
				 const struct profile_view *pv)
{
	const struct quality_set *qs = &pv->qs;
	bool cy = req->lang[0] == 'c';
	char s[64];

	res_markup(res, "<h3 class=\"govuk-heading-s\">");
	res_text(res, tr(req, "Latest notifications",
			 "Hysbysiadau diweddaraf"));
	res_markup(res, "</h3>\n");
	if (!qs->nnotifs) {
		part_para(res, tr(req, "None you may see.",
				  "Dim y cewch eu gweld."));
	} else {
		res_markup(res, "<ul class=\"govuk-list\">\n");
		/* the set is oldest first */
		for (size_t k = qs->nnotifs; k-- > 0 &&
		     k + LATEST_NOTIFS >= qs->nnotifs;) {
			const struct q_notification *n = &qs->notifs[k];
			const struct notif_category *c =
				notif_category_find(n->category);

			res_markup(res, "<li>");
			part_time(req, res, n->occurred_at);
			res_text(res, ": ");
			res_text(res, c ? (cy ? c->cy : c->en) : n->category);
			if (n->ref[0]) {
				res_text(res, " (");
				part_child_link(res, n->la, n->ref);
				res_text(res, ")");
			}
			res_markup(res, "</li>\n");
		}
		res_markup(res, "</ul>\n");
	}
	res_markup(res, "<p class=\"govuk-body\"><a class=\"govuk-link\" "
		   "href=\"/homes/");
	res_url_arg(res, pv->prof.home.urn);
	res_markup(res, "/notifications\">");
	snprintf(s, sizeof(s), WEB_TRF(req, "All notifications (%zu)",
				       "Pob hysbysiad (%zu)"), qs->nnotifs);
	res_text(res, s);
	res_markup(res, "</a></p>\n");
}

/*
 * The quality of care beside the missing and stability figures: the
 * latest ratings, what is still to be put right (overdue notices
 * first) and the latest notifications; the inspector's and the home
 * manager's next step first.
 */
static void quality_part(struct request *req, struct response *res,
			 const struct profile_view *pv)
{
	const struct q_inspection *i = pv->latest;
	bool cy = req->lang[0] == 'c';

	if (!pv->quality)
		return;
	res_markup(res, "<h2 class=\"govuk-heading-m\" id=\"quality\">");
	res_text(res, tr(req, "Quality of care", "Ansawdd y gofal"));
	res_markup(res, "</h2>\n");
	if (pv->may_record || pv->may_file) {
		res_markup(res, "<div class=\"govuk-button-group\">\n");
		if (pv->may_record) {
			res_markup(res, "<a class=\"govuk-button\" "
				   "href=\"/homes/");
			res_url_arg(res, pv->prof.home.urn);
			res_markup(res, "/inspections/new\">");
			res_text(res, tr(req, "Record an inspection",
					 "Cofnodi arolygiad"));
			res_markup(res, "</a>\n");
		}
		if (pv->may_file) {
			res_markup(res, "<a class=\"govuk-button "
				   "govuk-button--secondary\" href=\"/homes/");
			res_url_arg(res, pv->prof.home.urn);
			res_markup(res, "/notifications/new\">");
			res_text(res, tr(req, "File a notification",
					 "Cyflwyno hysbysiad"));
			res_markup(res, "</a>\n");
		}
		res_markup(res, "</div>\n");
	}
	if (i) {
		res_markup(res, "<p class=\"govuk-body\">");
		res_text(res, tr(req, "Latest inspection: ",
				 "Arolygiad diweddaraf: "));
		inspection_link(req, res, i);
		res_markup(res, "</p>\n");
		part_summary_start(res);
		for (int t = 0; t < Q_NTHEMES; t++) {
			part_summary_key(res, q_theme_name(t, cy));
			part_tag(res, web_rating_colour(i->rating[t]),
				 q_rating_name(i->rating[t], cy));
			part_summary_key_end(res);
		}
		part_summary_end(res);
	} else {
		part_para(res, tr(req, "No inspection is recorded in cartref "
				  "yet.",
				  "Nid oes arolygiad wedi" RQ "i gofnodi yn "
				  "cartref eto."));
	}
	open_findings(req, res, pv);
	if (pv->may_notifs)
		latest_notifications(req, res, pv);
}

static void profile_body(struct request *req, struct response *res,
			 void *ctx)
{
	const struct profile_view *pv = ctx;

	res_markup(res, "<span class=\"govuk-caption-l\">");
	res_text(res, tr(req, "Children" RQ "s home", "Cartref plant"));
	res_markup(res, "</span>\n<h1 class=\"govuk-heading-l\">");
	res_text(res, pv->prof.home.name);
	res_markup(res, "</h1>\n");
	look_first(req, res, pv);
	quality_part(req, res, pv);
	children_placed(req, res, pv);
	part_h2(res, tr(req, "In the register", "Yn y gofrestr"));
	register_entry(req, res, pv);
	figures(req, res, pv);
}

/* The home's quality record, for a viewer who may read it (none for
 * one who may not: the profile stays as it was). */
static int load_quality(struct store *s, struct profile_view *pv,
			const char *urn, struct err *err)
{
	struct q_home_ties ties;
	int rc = quality_ties(s, &pv->v, urn, &ties, err);

	if (rc)
		return rc;
	if (!quality_may(&pv->v, Q_READ_RECORD, &ties))
		return 0;
	rc = quality_home_record(s, &pv->v, urn, &pv->qs, err);
	if (rc == ERR_DENIED || rc == ERR_NOT_FOUND) {
		err_clear(err);
		return 0;
	}
	if (rc)
		return rc;
	pv->quality = true;
	pv->may_record = quality_may(&pv->v, Q_RECORD_INSPECTION, &ties);
	pv->may_file = quality_may(&pv->v, Q_FILE_NOTIFICATION, &ties);
	pv->may_notifs = quality_may(&pv->v, Q_READ_NOTIFICATIONS, &ties);
	for (size_t i = 0; i < pv->qs.ninsp; i++) {
		const struct q_inspection *in = &pv->qs.insp[i];

		if (!pv->latest || in->start_on > pv->latest->start_on ||
		    (in->start_on == pv->latest->start_on &&
		     in->id > pv->latest->id))
			pv->latest = in;
	}
	return 0;
}

/* This home now, and the totals of the open homes the viewer sees. */
static int load_now(struct store *s, struct profile_view *pv,
		    const char *urn, struct err *err)
{
	struct home_now *h = NULL;
	size_t n = 0;
	int rc = store_homes_now(s, &pv->v,
				 pv->v.now_ms - RECENT_DAYS * 86400000LL, &h,
				 &n, err);

	for (size_t i = 0; !rc && i < n; i++) {
		if (!strcmp(h[i].urn, urn)) {
			pv->here = h[i];
			pv->now = true;
		}
		if (h[i].open) {
			pv->all_homes++;
			pv->all_places += h[i].places;
			pv->all_episodes += h[i].episodes_recent;
		}
	}
	free(h);
	return rc;
}

void page_home_profile(struct request *req, struct response *res)
{
	struct profile_view *pv;
	struct err err = ERR_INIT;
	const char *urn;
	struct store *s;
	int rc;

	/* the store answers a longer URN as "no such home" */
	if (req_param_str(req, res, "urn", WEB_FILTER_MAX, &urn))
		return;
	pv = xcalloc(1, sizeof(*pv));
	s = web_store(req, &err);
	rc = s ? web_viewer(req, s, &pv->v, &err) : ERR_STORE;
	if (!rc)
		rc = store_home_profile(s, &pv->v, urn, &pv->prof, &err);
	if (!rc)
		rc = web_councils_load(s, &pv->councils, &err);
	if (!rc && pv->prof.figures && (pv->v.access == VIEWER_PROVIDER ||
					pv->v.access == VIEWER_COUNCIL ||
					pv->v.access == VIEWER_INSPECTORATE))
		rc = load_now(s, pv, urn, &err);
	if (!rc)
		rc = load_quality(s, pv, urn, &err);
	if (rc == ERR_NOT_FOUND || rc == ERR_DENIED) {
		res_error(req, res, 404);
	} else if (rc) {
		web_log_err("a home's profile", &err);
		res_error(req, res, 500);
	} else {
		res_html_page(req, res, pv->prof.home.name, profile_body, pv);
	}
	quality_set_release(&pv->qs);
	free(pv);
}
