/*
 * page-grab-pack.c: a child's grab pack (Philomena Protocol part 1;
 * issue 5, docs/missing.md):
 *
 *   GET  /children/{council}/{ref}/grab-pack   read it; the home where the
 *                                              child is placed also edits it
 *   POST /children/{council}/{ref}/grab-pack   the home writes it
 *
 * store_grab_pack_get() decides who reads it (the child's council,
 * inspectors, the home where the child is placed, and the police only
 * while the child is missing from their area) and audits every read;
 * store_grab_pack_put() lets only the home where the child is placed
 * write it.  Anyone else, and the police once the child is back, gets
 * the 404 page.  A pack not written yet reads as such to the council and
 * inspectors, and is an empty form for the home.
 */
#include "base/compat.h"
#include "alerts/alerts.h"
#include "base/parse.h"
#include "base/xalloc.h"
#include "store/store-missing.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/parts.h"
#include "web/session.h"

#define RQ "\xe2\x80\x99"	/* right single quotation mark */

struct gp_view {
	struct viewer v;
	struct child_record rec;
	struct web_councils councils;
	struct grab_pack g;
	bool have;		/* a pack is stored */
	bool edit;		/* the home where the child is placed */
	bool saved;
	struct web_form f;
};

static const struct {
	const char *id;
	const char *en, *cy;
	const char *hint_en, *hint_cy;
	bool line;		/* one line, else a textarea */
} gp_fields[] = {
	{ "description", "Description", "Disgrifiad",
	  "What the child looks like: height, build, hair, marks, clothes "
	  "they often wear.",
	  "Sut olwg sydd ar y plentyn: taldra, corff, gwallt, marciau, "
	  "dillad y maent yn eu gwisgo" RQ "n aml.", false },
	{ "photo_ref", "Photo reference", "Cyfeirnod y llun",
	  "Where a recent photo is kept (not the photo itself).",
	  "Ble mae llun diweddar yn cael ei gadw (nid y llun ei hun).", true },
	{ "health", "Health", "Iechyd",
	  "Conditions and medication the police need to know about.",
	  "Cyflyrau a meddyginiaeth y mae angen i" RQ "r heddlu wybod "
	  "amdanynt.", false },
	{ "associates", "Associates", "Cysylltiadau",
	  "Friends, family and others the child may be with.",
	  "Ffrindiau, teulu ac eraill y gallai" RQ "r plentyn fod gyda "
	  "nhw.", false },
	{ "places", "Places frequented", "Lleoedd y mae" RQ "n mynd iddynt",
	  NULL, NULL, false },
};

static char *gp_value(struct grab_pack *g, size_t i, size_t *cap)
{
	switch (i) {
	case 0:
		*cap = sizeof(g->description);
		return g->description;
	case 1:
		*cap = sizeof(g->photo_ref);
		return g->photo_ref;
	case 2:
		*cap = sizeof(g->health);
		return g->health;
	case 3:
		*cap = sizeof(g->associates);
		return g->associates;
	default:
		*cap = sizeof(g->places);
		return g->places;
	}
}

static void gp_body(struct request *req, struct response *res, void *ctx)
{
	struct gp_view *gv = ctx;
	const struct child_summary *c = &gv->rec.child;
	char action[160];
	size_t cap;

	res_markup(res, "<div class=\"govuk-grid-row\">\n"
		   "<div class=\"govuk-grid-column-two-thirds\">\n");
	if (gv->f.n)
		part_error_summary(req, res, &gv->f);
	else if (gv->saved)
		part_banner(req, res, tr(req, "Saved", "Wedi" RQ "i gadw"));
	res_markup(res, "<span class=\"govuk-caption-l\">");
	res_text(res, tr(req, "Child ", "Plentyn "));
	res_text(res, c->ref);
	res_text(res, ", ");
	res_text(res, web_council_name(req, &gv->councils, c->la));
	res_markup(res, "</span>\n<h1 class=\"govuk-heading-l\">");
	res_text(res, tr(req, "Grab pack", "Pecyn cydio"));
	res_markup(res, "</h1>\n<div class=\"govuk-inset-text\">");
	res_text(res, tr(req, "What the police need at once if the child goes "
			 "missing. The home keeps it up to date; the police "
			 "see it only while the child is missing. Every "
			 "reading is recorded in the audit trail.",
			 "Yr hyn sydd ei angen ar yr heddlu ar unwaith os yw"
			 RQ "r plentyn yn mynd ar goll. Mae" RQ "r cartref yn "
			 "ei gadw" RQ "n gyfredol; dim ond tra bo" RQ "r "
			 "plentyn ar goll y mae" RQ "r heddlu" RQ "n ei weld. "
			 "Cofnodir pob darlleniad yn y trywydd archwilio."));
	res_markup(res, "</div>\n");
	if (gv->edit) {
		snprintf(action, sizeof(action), "/children/%s/%s/grab-pack",
			 c->la, c->ref);
		part_form_start(req, res, action);
		for (size_t i = 0; i < ARRAY_SIZE(gp_fields); i++) {
			const char *hint = gp_fields[i].hint_en ?
				tr(req, gp_fields[i].hint_en,
				   gp_fields[i].hint_cy) : NULL;
			const char *v = gp_value(&gv->g, i, &cap);

			if (gp_fields[i].line)
				part_input(req, res, &gv->f, "grab-pack",
					   gp_fields[i].id,
					   tr(req, gp_fields[i].en,
					      gp_fields[i].cy), hint, v,
					   "govuk-input--width-20");
			else
				part_textarea(req, res, &gv->f, "grab-pack",
					      gp_fields[i].id,
					      tr(req, gp_fields[i].en,
						 gp_fields[i].cy), hint, v);
		}
		part_button(res, tr(req, "Save the grab pack",
				    "Cadw" RQ "r pecyn cydio"), false);
		part_form_end(res);
	} else if (!gv->have) {
		part_para(res, tr(req, "The home has not written a grab pack "
				  "for this child yet.",
				  "Nid yw" RQ "r cartref wedi ysgrifennu pecyn "
				  "cydio ar gyfer y plentyn hwn eto."));
	} else {
		part_summary_start(res);
		for (size_t i = 0; i < ARRAY_SIZE(gp_fields); i++) {
			const char *v = gp_value(&gv->g, i, &cap);

			part_summary_key(res, tr(req, gp_fields[i].en,
						 gp_fields[i].cy));
			if (v[0]) {
				res_markup(res, "<span class=\"cartref-pre\">");
				res_text(res, v);
				res_markup(res, "</span>");
			} else {
				part_not_recorded(req, res);
			}
			part_summary_key_end(res);
		}
		part_summary_key(res, tr(req, "Last updated",
					 "Diweddarwyd ddiwethaf"));
		part_time(req, res, gv->g.updated_at);
		part_summary_key_end(res);
		part_summary_end(res);
	}
	if (gv->v.access != VIEWER_POLICE) {
		res_markup(res, "<p class=\"govuk-body\">");
		part_child_link(res, c->la, c->ref);
		res_text(res, tr(req, ": the child" RQ "s record",
				 ": cofnod y plentyn"));
		res_markup(res, "</p>\n");
	}
	res_markup(res, "</div>\n</div>\n");
}

/*
 * The child and its pack as the viewer may see them.  The police read
 * the pack before the child's record: the pack is what they may see
 * while the child is missing.
 */
static int gp_load(struct request *req, struct store *s, struct gp_view *gv,
		   struct err *err)
{
	const char *la = req_param_get(req, "council");
	const char *ref = req_param_get(req, "ref");
	struct err inner = ERR_INIT;
	int rc;

	if (!la || !ref || strlen(la) > WEB_FILTER_MAX ||
	    strlen(ref) > WEB_FILTER_MAX)
		return err_set(err, ERR_NOT_FOUND, "no such child");
	rc = web_viewer(req, s, &gv->v, err);
	if (rc)
		return rc;
	if (gv->v.access == VIEWER_POLICE) {
		/* a live episode does not open the child's record to the
		 * police: the pack alone, while the child is missing */
		if (str_copy(gv->rec.child.la, sizeof(gv->rec.child.la), la) ||
		    str_copy(gv->rec.child.ref, sizeof(gv->rec.child.ref),
			     ref))
			return err_set(err, ERR_NOT_FOUND, "no such child");
	} else {
		rc = store_child_record(s, &gv->v, la, ref, &gv->rec, err);
		if (rc)
			return rc;
	}
	gv->edit = web_placed_with_viewer(&gv->v, &gv->rec.child);
	rc = store_grab_pack_get(s, &gv->v, la, ref, &gv->g, &inner);
	if (!rc) {
		gv->have = true;
	} else if (rc == ERR_NOT_FOUND && gv->g.none_yet) {
		/* none yet: the store said this reader may read it (the
		 * police, too, while the child is missing from their area) */
		memset(&gv->g, 0, sizeof(gv->g));
	} else {
		return err_set(err, rc, "%s", err_text(&inner));
	}
	return web_councils_load(s, &gv->councils, err);
}

static void fail(struct request *req, struct response *res, int rc,
		 const struct err *err)
{
	if (rc == ERR_NOT_FOUND || rc == ERR_DENIED) {
		res_error(req, res, 404);
	} else {
		web_log_err("a grab pack", err);
		res_error(req, res, 500);
	}
}

static void gp_title(struct request *req, const struct gp_view *gv,
		     char *out, size_t cap)
{
	snprintf(out, cap, "%s%s %s", gv->f.n ? tr(req, "Error: ", "Gwall: ")
					      : "",
		 tr(req, "Grab pack:", "Pecyn cydio:"), gv->rec.child.ref);
}

void page_grab_pack(struct request *req, struct response *res)
{
	struct gp_view *gv = xcalloc(1, sizeof(*gv));
	struct err err = ERR_INIT;
	struct store *s = web_store(req, &err);
	char title[96];
	int rc = s ? gp_load(req, s, gv, &err) : ERR_STORE;

	if (rc) {
		fail(req, res, rc, &err);
	} else {
		gv->saved = req_param_get(req, "saved") != NULL;
		gp_title(req, gv, title, sizeof(title));
		res_html_page(req, res, title, gp_body, gv);
	}
	child_record_release(&gv->rec);
	free(gv);
}

void page_grab_pack_post(struct request *req, struct response *res)
{
	struct gp_view *gv = xcalloc(1, sizeof(*gv));
	struct err err = ERR_INIT, aerr = ERR_INIT;
	struct store *s = web_store(req, &err);
	struct audit_writer *w = s ? web_write_begin(s) : NULL;
	char title[96], to[160];
	int64_t child_id = 0;
	size_t cap;
	int rc = s ? gp_load(req, s, gv, &err) : ERR_STORE;

	if (!rc && !gv->edit)
		rc = ERR_NOT_FOUND;
	if (rc) {
		fail(req, res, rc, &err);
		goto out;
	}
	gv->f.form = "grab-pack";
	memcpy(gv->g.la, gv->rec.child.la, sizeof(gv->g.la));
	memcpy(gv->g.ref, gv->rec.child.ref, sizeof(gv->g.ref));
	for (size_t i = 0; i < ARRAY_SIZE(gp_fields); i++) {
		char *v = gp_value(&gv->g, i, &cap);

		web_form_text(req, &gv->f, gp_fields[i].id,
			      tr(req, gp_fields[i].en, gp_fields[i].cy), v,
			      cap);
	}
	if (!gv->f.n) {
		rc = store_grab_pack_put(s, &gv->v, &gv->g, &child_id, &err);
		if (rc == ERR_INVALID) {
			web_form_fail(&gv->f, "", err_text(&err));
		} else if (rc) {
			fail(req, res, rc, &err);
			goto out;
		}
	}
	if (!gv->f.n) {
		if (child_id && alerts_evaluate_child(s, child_id,
						      gv->v.now_ms, &aerr))
			web_log_err("evaluating a child's alerts", &aerr);
		snprintf(to, sizeof(to), "/children/%s/%s/grab-pack?saved=1",
			 gv->rec.child.la, gv->rec.child.ref);
		/* la and ref came back from the store: a GSS code and a
		 * CHILD reference, nothing to escape */
		res_redirect(res, to);
		goto out;
	}
	gp_title(req, gv, title, sizeof(title));
	res_html_page(req, res, title, gp_body, gv);
	res->status = 400;
out:
	if (s)
		web_write_end(s, w);
	child_record_release(&gv->rec);
	free(gv);
}
