/*
 * page-rec-new.c: an inspector adds a recommendation to the register
 * (issue 13; docs/http.md, docs/inspections.md): GET and POST
 * /recommendations/new.
 *
 * The form asks what a recommendation is (code, source and its report,
 * the day it was made, theme, the text in English and in Welsh), whom it
 * is addressed to, by kind of organisation (every council, every health
 * board, every police force, every provider of the register: what the
 * register's files call KIND:*), and which earlier recommendations it
 * repeats.  quality_rec_add() checks, writes and audits it; a problem
 * shows the form again with what was typed.  Others get the 404 page (the
 * form is not theirs to see), and a POST by them 403, both audited by the
 * service's refusal.
 */
#include "base/compat.h"
#include <strings.h>
#include "base/parse.h"
#include "base/xalloc.h"
#include "quality/service.h"
#include "store/store.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/parts.h"
#include "web/session.h"

#define RQ "\xe2\x80\x99"	/* right single quotation mark */
#define DAY_MS 86400000LL

/* The kinds of organisation a recommendation may be addressed to, all of
 * a kind at once: the form's checkboxes. */
static const struct {
	enum org_kind kind;
	const char *id, *en, *cy;
} kinds[] = {
	{ ORG_COUNCIL, "to-councils", "Every council (22)",
	  "Pob cyngor (22)" },
	{ ORG_HEALTH_BOARD, "to-health-boards", "Every health board (7)",
	  "Pob bwrdd iechyd (7)" },
	{ ORG_POLICE, "to-police", "Every police force (4)",
	  "Pob heddlu (4)" },
	{ ORG_PROVIDER, "to-providers", "Every provider of children" RQ "s "
	  "homes in the register", "Pob darparwr cartrefi plant yn y "
	  "gofrestr" },
};

struct new_view {
	struct viewer v;
	struct quality_set q;		/* the register: for repeats */
	struct web_form f;
	struct rec r;
	bool to[ARRAY_SIZE(kinds)];
	/* the addressees the kinds expand to */
	struct rec_addressee *a;
	size_t na, aa;
};

static void view_release(struct new_view *nv)
{
	quality_set_release(&nv->q);
	free(nv->a);
	free(nv);
}

static void add_addressee(struct new_view *nv, enum org_kind kind,
			  const char *code)
{
	for (size_t k = 0; k < nv->na; k++)
		if (nv->a[k].kind == kind && !strcmp(nv->a[k].code, code))
			return;
	ALLOC_GROW(nv->a, nv->na + 1, nv->aa);
	memset(&nv->a[nv->na], 0, sizeof(nv->a[nv->na]));
	nv->a[nv->na].kind = kind;
	snprintf(nv->a[nv->na].code, sizeof(nv->a[nv->na].code), "%s", code);
	nv->na++;
}

static int add_org(const struct org *o, void *ctx)
{
	struct new_view *nv = ctx;

	for (size_t k = 0; k < ARRAY_SIZE(kinds); k++)
		if (nv->to[k] && kinds[k].kind == o->kind &&
		    o->kind != ORG_COUNCIL && o->kind != ORG_PROVIDER)
			add_addressee(nv, o->kind, o->code);
	return 0;
}

static int add_provider(const struct home *h, void *ctx)
{
	add_addressee(ctx, ORG_PROVIDER, h->provider);
	return 0;
}

/* Every organisation of each kind asked for: councils from the
 * geography, health boards and forces from the organisations, providers
 * from the homes register. */
static int expand(struct store *s, struct new_view *nv, struct err *err)
{
	struct web_councils *c = NULL;
	int rc = 0;

	for (size_t k = 0; !rc && k < ARRAY_SIZE(kinds); k++) {
		if (!nv->to[k])
			continue;
		if (kinds[k].kind == ORG_COUNCIL) {
			c = xcalloc(1, sizeof(*c));
			rc = web_councils_load(s, c, err);
			for (size_t i = 0; !rc && i < c->n; i++)
				add_addressee(nv, ORG_COUNCIL, c->v[i].code);
			free(c);
			nv->r.all_councils = true;
		} else if (kinds[k].kind == ORG_PROVIDER) {
			rc = store_homes_each(s, add_provider, nv, err);
		}
	}
	if (!rc)
		rc = store_orgs_each(s, add_org, nv, err);
	return rc;
}

static void body(struct request *req, struct response *res, void *ctx)
{
	struct new_view *nv = ctx;
	bool cy = req->lang[0] == 'c';
	struct web_choice sources[REC_NSOURCES + 1], themes[16];
	size_t nthemes = 0;
	char hint[200], src[REC_NSOURCES][Q_CODE_MAX + 1];

	sources[0] = (struct web_choice){ "", tr(req, "Choose the source",
						 "Dewiswch y ffynhonnell") };
	for (int k = 0; k < REC_NSOURCES; k++) {
		snprintf(src[k], sizeof(src[k]), "%s",
			 rec_source_code((enum rec_source)k));
		sources[k + 1] = (struct web_choice){
			src[k], rec_source_name((enum rec_source)k, cy) };
	}
	themes[nthemes++] = (struct web_choice){
		"", tr(req, "Choose the theme", "Dewiswch y thema") };
	for (size_t k = 0; k < rec_nthemes && nthemes < ARRAY_SIZE(themes);
	     k++)
		themes[nthemes++] = (struct web_choice){
			rec_themes[k].code, cy ? rec_themes[k].cy :
						 rec_themes[k].en };

	res_markup(res, "<div class=\"govuk-grid-row\">\n"
		   "<div class=\"govuk-grid-column-two-thirds\">\n");
	part_error_summary(req, res, &nv->f);
	res_markup(res, "<h1 class=\"govuk-heading-l\">");
	res_text(res, tr(req, "Add a recommendation",
			 "Ychwanegu argymhelliad"));
	res_markup(res, "</h1>\n");
	part_para(res, tr(req, "Each organisation it is addressed to records "
			  "its actions and progress; you accept or reject "
			  "each \"done\".",
			  "Mae pob sefydliad y mae wedi" RQ "i gyfeirio ato "
			  "yn cofnodi ei gamau gweithredu a" RQ "i gynnydd; "
			  "rydych chi" RQ "n derbyn neu" RQ "n gwrthod pob "
			  "\"wedi" RQ "i wneud\"."));
	part_form_start(req, res, "/recommendations/new");
	part_input(req, res, &nv->f, "rec", "code",
		   tr(req, "Code", "Cod"),
		   tr(req, "Unique in the register, for example TR2027-1.",
		      "Unigryw yn y gofrestr, er enghraifft TR2027-1."),
		   nv->r.code, "govuk-input--width-10");
	part_select(req, res, &nv->f, "rec", "source",
		    tr(req, "Source", "Ffynhonnell"), NULL, sources,
		    REC_NSOURCES + 1, "");
	part_input(req, res, &nv->f, "rec", "title",
		   tr(req, "The report it comes from",
		      "Yr adroddiad y daw ohono"), NULL, nv->r.source_title,
		   NULL);
	web_when_hint(req, false, NULL, hint, sizeof(hint));
	part_when(req, res, &nv->f, "rec", "made",
		  tr(req, "Made on", "Fe" RQ "i gwnaed ar"), hint, 0, false);
	part_select(req, res, &nv->f, "rec", "theme",
		    tr(req, "Theme", "Thema"), NULL, themes, nthemes, "");
	part_textarea(req, res, &nv->f, "rec", "text-en",
		      tr(req, "The recommendation in English",
			 "Yr argymhelliad yn Saesneg"), NULL, nv->r.text_en);
	part_textarea(req, res, &nv->f, "rec", "text-cy",
		      tr(req, "The recommendation in Welsh",
			 "Yr argymhelliad yn Gymraeg"), NULL, nv->r.text_cy);

	res_markup(res, "<div class=\"govuk-form-group");
	if (web_form_msg(&nv->f, "to-councils"))
		res_markup(res, " govuk-form-group--error");
	res_markup(res, "\">\n<fieldset class=\"govuk-fieldset\">\n<legend "
		   "class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">");
	res_text(res, tr(req, "Addressed to", "Wedi" RQ "i gyfeirio at"));
	res_markup(res, "</legend>\n");
	if (web_form_msg(&nv->f, "to-councils"))
		part_error_message(req, res, "to-councils",
				   web_form_msg(&nv->f, "to-councils"));
	for (size_t k = 0; k < ARRAY_SIZE(kinds); k++)
		part_checkbox(req, res, &nv->f, "rec", kinds[k].id,
			      cy ? kinds[k].cy : kinds[k].en, NULL, false);
	res_markup(res, "</fieldset>\n</div>\n");

	if (nv->q.nrecs) {
		res_markup(res, "<div class=\"govuk-form-group\">\n<fieldset "
			   "class=\"govuk-fieldset\">\n<legend "
			   "class=\"govuk-fieldset__legend "
			   "govuk-fieldset__legend--s\">");
		res_text(res, tr(req, "It repeats (optional)",
				 "Mae" RQ "n ailadrodd (dewisol)"));
		res_markup(res, "</legend>\n");
		for (size_t k = 0; k < nv->q.nrecs; k++) {
			const struct rec *r = &nv->q.recs[k];
			const char *text = cy && r->text_cy[0] ? r->text_cy :
							   r->text_en;
			char id[48], label[Q_CODE_MAX + 200];
			size_t cut = strlen(text);

			/* the start of its text, cut between characters */
			if (cut > 150) {
				cut = 150;
				while (cut && ((unsigned char)text[cut] &
					       0xc0) == 0x80)
					cut--;
			}
			snprintf(id, sizeof(id), "repeats-%lld",
				 (long long)r->id);
			snprintf(label, sizeof(label), "%s: %.*s%s", r->code,
				 (int)cut, text, text[cut] ? "..." : "");
			part_checkbox(req, res, &nv->f, "rec", id, label,
				      NULL, false);
		}
		res_markup(res, "</fieldset>\n</div>\n");
	}
	part_button(res, tr(req, "Add the recommendation",
			    "Ychwanegu" RQ "r argymhelliad"), false);
	part_form_end(res);
	res_markup(res, "<p class=\"govuk-body\"><a class=\"govuk-link\" "
		   "href=\"/recommendations\">");
	res_text(res, tr(req, "All recommendations", "Pob argymhelliad"));
	res_markup(res, "</a></p>\n</div>\n</div>\n");
}

/* The form's fields by the name the checks give them. */
static const struct {
	const char *field, *id, *en, *cy;
} fields[] = {
	{ "code", "code", "Code", "Cod" },
	{ "source", "source", "Source", "Ffynhonnell" },
	{ "source_title", "title", "The report", "Yr adroddiad" },
	{ "made_on", "made", "Made on", "Fe'i gwnaed ar" },
	{ "theme", "theme", "Theme", "Thema" },
	{ "text_en", "text-en", "The recommendation in English",
	  "Yr argymhelliad yn Saesneg" },
	{ "text_cy", "text-cy", "The recommendation in Welsh",
	  "Yr argymhelliad yn Gymraeg" },
	{ "addressees", "to-councils", "Addressed to", "Wedi'i gyfeirio at" },
	{ "repeats", "code", "It repeats", "Mae'n ailadrodd" },
};

static void problem(struct request *req, struct new_view *nv,
		    const struct q_problem *p)
{
	char msg[WEB_FORM_MSG_MAX];

	for (size_t k = 0; k < ARRAY_SIZE(fields); k++)
		if (p->field && !strcasecmp(p->field, fields[k].field)) {
			if (p->rule && !strcmp(p->rule, "exists"))
				snprintf(msg, sizeof(msg), "%s", tr(req,
					 "A recommendation has that code: "
					 "choose another",
					 "Mae gan argymhelliad y cod hwnnw: "
					 "dewiswch un arall"));
			else
				snprintf(msg, sizeof(msg), "%s: %s",
					 tr(req, fields[k].en, fields[k].cy),
					 p->msg);
			web_form_fail(&nv->f, fields[k].id, msg);
			return;
		}
	web_form_fail(&nv->f, "", p->msg[0] ? p->msg :
		      tr(req, "The recommendation could not be added",
			 "Nid oedd modd ychwanegu" RQ "r argymhelliad"));
}

/* Read the form into nv; problems into nv->f. */
static void read_form(struct request *req, struct new_view *nv,
		      int64_t **repeats, size_t *nrepeats)
{
	const char *v;
	int64_t ms = 0;
	bool any = false;

	rec_init(&nv->r);
	if (!web_form_text(req, &nv->f, "code", tr(req, "Code", "Cod"),
			   nv->r.code, sizeof(nv->r.code)) && !nv->r.code[0])
		web_form_fail(&nv->f, "code", tr(req, "Enter the code",
						 "Rhowch y cod"));
	v = req_form_get(req, "source");
	if (!v || rec_source_parse(v, &nv->r.source))
		web_form_fail(&nv->f, "source", tr(req, "Choose the source",
						   "Dewiswch y ffynhonnell"));
	if (!web_form_text(req, &nv->f, "title",
			   tr(req, "The report", "Yr adroddiad"),
			   nv->r.source_title, sizeof(nv->r.source_title)) &&
	    !nv->r.source_title[0])
		web_form_fail(&nv->f, "title", tr(req, "Enter the report it "
						  "comes from",
						  "Rhowch yr adroddiad y daw "
						  "ohono"));
	if (!web_form_when(req, &nv->f, "made", tr(req, "Made on",
						   "Fe" RQ "i gwnaed ar"),
			   false, &ms) && !ms)
		web_form_fail(&nv->f, "made", tr(req, "Enter the day it was "
						 "made",
						 "Rhowch y diwrnod y cafodd ei "
						 "wneud"));
	nv->r.made_on = ms ? (int32_t)(ms / DAY_MS) : DATE_NONE;
	if (nv->r.made_on != DATE_NONE && nv->r.made_on > nv->v.today)
		web_form_fail(&nv->f, "made", tr(req, "The day it was made "
						 "cannot be in the future",
						 "Ni all y diwrnod y cafodd ei "
						 "wneud fod yn y dyfodol"));
	v = req_form_get(req, "theme");
	if (!v || !rec_theme_find(v))
		web_form_fail(&nv->f, "theme", tr(req, "Choose the theme",
						  "Dewiswch y thema"));
	else
		snprintf(nv->r.theme, sizeof(nv->r.theme), "%s", v);
	if (!web_form_text(req, &nv->f, "text-en",
			   tr(req, "The recommendation in English",
			      "Yr argymhelliad yn Saesneg"),
			   nv->r.text_en, sizeof(nv->r.text_en)) &&
	    !nv->r.text_en[0])
		web_form_fail(&nv->f, "text-en",
			      tr(req, "Enter the recommendation in English",
				 "Rhowch yr argymhelliad yn Saesneg"));
	if (!web_form_text(req, &nv->f, "text-cy",
			   tr(req, "The recommendation in Welsh",
			      "Yr argymhelliad yn Gymraeg"),
			   nv->r.text_cy, sizeof(nv->r.text_cy)) &&
	    !nv->r.text_cy[0])
		web_form_fail(&nv->f, "text-cy",
			      tr(req, "Enter the recommendation in Welsh",
				 "Rhowch yr argymhelliad yn Gymraeg"));
	for (size_t k = 0; k < ARRAY_SIZE(kinds); k++) {
		nv->to[k] = web_form_yes(req, kinds[k].id) == 1;
		any |= nv->to[k];
	}
	if (!any)
		web_form_fail(&nv->f, "to-councils",
			      tr(req, "Choose whom it is addressed to",
				 "Dewiswch at bwy y mae wedi" RQ "i "
				 "gyfeirio"));
	*repeats = xcalloc(nv->q.nrecs + 1, sizeof(**repeats));
	*nrepeats = 0;
	for (size_t k = 0; k < nv->q.nrecs; k++) {
		char id[48];

		snprintf(id, sizeof(id), "repeats-%lld",
			 (long long)nv->q.recs[k].id);
		if (web_form_yes(req, id) == 1)
			(*repeats)[(*nrepeats)++] = nv->q.recs[k].id;
	}
}

static int load(struct request *req, struct new_view *nv, struct store **s,
		struct err *err)
{
	int rc;

	*s = web_store(req, err);
	if (!*s)
		return ERR_STORE;
	rc = web_viewer(req, *s, &nv->v, err);
	if (!rc)
		rc = quality_recs(*s, &nv->v, &nv->q, err);
	return rc;
}

/* Not an inspector: the service's refusal, audited, as the answer. */
static int refuse(struct store *s, struct new_view *nv, struct err *err)
{
	struct q_problem p;

	rec_init(&nv->r);
	snprintf(nv->r.code, sizeof(nv->r.code), "new");
	memset(&p, 0, sizeof(p));
	return quality_rec_add(s, &nv->v, &nv->r, NULL, 0, NULL, 0, &p, err);
}

static void fail(struct request *req, struct response *res, int rc,
		 const struct err *err, bool write)
{
	if (rc == ERR_NOT_FOUND || (rc == ERR_DENIED && !write))
		res_error(req, res, 404);
	else if (rc == ERR_DENIED)
		res_error(req, res, 403);
	else {
		web_log_err("a new recommendation", err);
		res_error(req, res, 500);
	}
}

void page_rec_new(struct request *req, struct response *res)
{
	struct new_view *nv = xcalloc(1, sizeof(*nv));
	struct err err = ERR_INIT;
	struct store *s = NULL;
	int rc;

	rc = load(req, nv, &s, &err);
	/* (ERR_DENIED: a role that may not read the register either) */
	if ((!rc || rc == ERR_DENIED) &&
	    !quality_may(&nv->v, Q_JUDGE_REC, NULL)) {
		struct audit_writer *w = web_write_begin(s);

		rc = refuse(s, nv, &err);
		web_write_end(s, w);
		rc = rc ? rc : ERR_DENIED;
	}
	if (rc)
		fail(req, res, rc, &err, false);
	else
		res_html_page(req, res, tr(req, "Add a recommendation",
					   "Ychwanegu argymhelliad"),
			      body, nv);
	view_release(nv);
}

void page_rec_new_post(struct request *req, struct response *res)
{
	struct new_view *nv = xcalloc(1, sizeof(*nv));
	struct err err = ERR_INIT;
	struct audit_writer *w;
	struct store *s = NULL;
	int64_t *repeats = NULL;
	size_t nrepeats = 0;
	struct q_problem p;
	char to[64];
	int rc;

	memset(&p, 0, sizeof(p));
	rc = load(req, nv, &s, &err);
	if ((!rc || rc == ERR_DENIED) &&
	    !quality_may(&nv->v, Q_JUDGE_REC, NULL)) {
		w = web_write_begin(s);
		rc = refuse(s, nv, &err);
		web_write_end(s, w);
		fail(req, res, rc ? rc : ERR_DENIED, &err, true);
		goto out;
	}
	if (rc) {
		fail(req, res, rc, &err, true);
		goto out;
	}
	nv->f.form = "rec";
	read_form(req, nv, &repeats, &nrepeats);
	if (!nv->f.n)
		rc = expand(s, nv, &err);
	if (!rc && !nv->f.n) {
		w = web_write_begin(s);
		rc = quality_rec_add(s, &nv->v, &nv->r, nv->a, nv->na, repeats,
				     nrepeats, &p, &err);
		web_write_end(s, w);
		/* (ERR_EXISTS: the code is taken, said in p) */
		if (rc == ERR_INVALID || rc == ERR_EXISTS) {
			problem(req, nv, &p);
			rc = ERR_INVALID;
		}
	}
	if (rc && rc != ERR_INVALID) {
		fail(req, res, rc, &err, true);
		goto out;
	}
	if (!rc && !nv->f.n) {
		snprintf(to, sizeof(to), "/recommendations/%lld",
			 (long long)nv->r.id);
		res_redirect(res, to);
		goto out;
	}
	res_html_page(req, res, tr(req, "Error: Add a recommendation",
				   "Gwall: Ychwanegu argymhelliad"),
		      body, nv);
	res->status = 400;
out:
	free(repeats);
	view_release(nv);
}
