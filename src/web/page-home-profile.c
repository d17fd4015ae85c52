/*
 * page-home-profile.c: GET /homes/{urn}, one children's home: its entry
 * in the register (places, provider, registration, the address as the
 * address rule allows: full postcode or district), the children placed
 * there now whom the signed-in user may see (each linking to the
 * child's record), its missing periods and moves out by reporting year,
 * and its last inspection ("not recorded" until inspections are
 * imported).
 *
 * Everything comes from store_home_profile() with the user's viewer:
 * which children show, whether the postcode is full and whether the
 * home's figures show are the store's decisions (docs/access.md), and
 * the store audits a profile that names children.  An unknown URN is
 * the 404 page; so is every profile for analysts and admins, to whom
 * the store refuses profiles (they name children).
 */
#include "base/compat.h"
#include "base/xalloc.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/parts.h"
#include "web/session.h"

#define RQ "\xe2\x80\x99"	/* right single quotation mark */

struct profile_view {
	struct viewer v;
	struct web_councils councils;
	struct home_profile prof;
};

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
	part_summary_row(res, tr(req, "Provider", "Darparwr"), h->provider);
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
	part_summary_key(res, tr(req, "Last inspection", "Arolygiad diwethaf"));
	part_not_recorded(req, res);
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
		res_markup(res, "</td>\n</tr>\n");
	}
	res_markup(res, "</tbody>\n</table>\n");
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
	buf_release(&year);
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
	part_h2(res, tr(req, "In the register", "Yn y gofrestr"));
	register_entry(req, res, pv);
	children_placed(req, res, pv);
	figures(req, res, pv);
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
	if (rc == ERR_NOT_FOUND || rc == ERR_DENIED) {
		res_error(req, res, 404);
	} else if (rc) {
		web_log_err("a home's profile", &err);
		res_error(req, res, 500);
	} else {
		res_html_page(req, res, pv->prof.home.name, profile_body, pv);
	}
	free(pv);
}
