/*
 * parts.h: what the pages share (parts.c, labels.c): the viewer of the
 * signed-in user, optional query parameters, GOV.UK Frontend pieces
 * (summary lists, tables, pagination, council selects), dates, lengths
 * of time and SSDA903 codes in English and Welsh, who may see which
 * dashboard, and the pure helpers under them (unit-tested in
 * tests/unit/u-web.c).
 *
 * Everything written goes through the escaping sinks of http.h; the one
 * exception, part_svg(), copies markup the report layer built with its
 * own escaping (report.h, report_svg()).
 *
 * Scoping is never done here: pages read children, homes and missing
 * periods only through the store's scoped reads (store.h) with the
 * viewer from web_viewer(), and show what those return.  The field
 * table (viewer_may()) is only asked whether an empty field is empty
 * because it is withheld ("not shown") or because it was not recorded.
 */
#ifndef CARTREF_WEB_PARTS_H
#define CARTREF_WEB_PARTS_H

#include "base/compat.h"
#include "base/buf.h"
#include "domain/codes.h"
#include "domain/missing.h"
#include "domain/people.h"
#include "domain/quality.h"
#include "report/report.h"
#include "store/store-scope.h"
#include "web/http.h"

#define WEB_PAGE_SIZE 25	/* rows per page of a list */
#define WEB_PAGER_ITEMS 7	/* numbers and gaps a pagination shows */
#define WEB_COUNCILS_MAX 64	/* councils of Wales kept for names */
#define WEB_FILTER_MAX 64	/* a search text (the store's own limit) */

/* ---- who is looking ----------------------------------------------------- */

/*
 * The viewer (domain/viewer.h) of the signed-in user of req, for the
 * store's scoped reads: access from role and organisation, today, the
 * client address and the audit hook.  0, or the store's error.
 */
int web_viewer(struct request *req, struct store *s, struct viewer *v,
	       struct err *err);

/*
 * tr() for a printf format: a macro, so that the compiler checks the
 * format in both languages against the arguments.
 */
#define WEB_TRF(req, en, cy) ((req)->lang[0] == 'c' ? "" cy : "" en)

/* The report layer's language for req. */
static inline enum report_lang web_lang(const struct request *req)
{
	return req->lang[0] == 'c' ? LANG_CY : LANG_EN;
}

/* ---- parameters ----------------------------------------------------------- */

/*
 * An optional query parameter: absent, *out is "" (or def) and 0;
 * present, as req_param_str() / req_param_int() (a repeated, too long or
 * invalid value writes the 400 page and returns non-zero).
 */
int web_opt_str(struct request *req, struct response *res, const char *name,
		size_t max, const char **out);
int web_opt_int(struct request *req, struct response *res, const char *name,
		int64_t min, int64_t max, int64_t def, int64_t *out);
/* A GSS code as councils have: a capital letter and 8 digits. */
bool web_gss_ok(const char *s);

/* ---- dashboards: who sees what (docs/access.md, "Dashboards") ------------ */

enum dash_view {
	DASH_NOT_FOUND = 0,	/* 404: not for this viewer */
	DASH_OWN_COUNCIL,	/* /dashboard of a council: to its own (303) */
	DASH_EXACT,		/* the scope's exact figures */
	DASH_PUBLISHED,		/* disclosure-controlled figures */
	DASH_HOMES,		/* a provider: its homes' exact figures */
	DASH_MISSING,		/* police: Wales, missing only, published */
};

/*
 * What a viewer with access a, role and organisation (role_fits: the
 * role belongs in its kind of organisation; own_la: a council's code)
 * sees at /dashboard (council NULL) or /dashboard/council/COUNCIL.
 */
enum dash_view web_dash_view(enum viewer_access a, enum role role,
			     bool role_fits, const char *own_la,
			     const char *council);

/* ---- pure helpers ------------------------------------------------------- */

/*
 * The items of a pagination for page current of last (both from 1):
 * the first and last pages, current and its neighbours, in order, with
 * 0 where a gap ("…") goes.  Returns how many were written (at most
 * WEB_PAGER_ITEMS); 0 when there is only one page.
 */
size_t web_pager_items(long current, long last, long out[WEB_PAGER_ITEMS]);
/* How many pages total rows make at size rows a page (at least 1). */
long web_pages(long total, long size);
/*
 * A length of time in days, as words: "same day", "1 day", "12 days";
 * Welsh "yr un diwrnod", "1 diwrnod", "12 diwrnod".
 */
void web_days_text(long days, bool cy, char *out, size_t cap);

/* ---- words -------------------------------------------------------------- */

/*
 * The label of an SSDA903 code in the request's language ("Children's
 * home" / "Cartref plant" for PLACE K2), or NULL for a code not in the
 * list (labels.c).
 */
const char *web_code_label(const struct request *req,
			   const struct code_list *l, const char *code);
/* The Welsh label of a code, or NULL (for the unit test of the table). */
const char *web_code_label_cy(const struct code_list *l, const char *code);
/* "0 to 20 miles", ..., "not known" for a band; "" for DIST_HIDDEN. */
const char *web_band_label(const struct request *req, enum distance_band b);

/* The councils of Wales by code, for names and the council select. */
struct web_councils {
	struct la v[WEB_COUNCILS_MAX];
	size_t n;
};

int web_councils_load(struct store *s, struct web_councils *c,
		      struct err *err);
/* A council's name in the request's language, else the code itself. */
const char *web_council_name(const struct request *req,
			     const struct web_councils *c, const char *code);
/*
 * A provider's name as the register has it, but in Welsh a council that
 * runs homes by its Welsh name: "Cardiff Council" (type la, a council of
 * Wales) is "Cyngor Caerdydd".  out of cap bytes; returns out.
 */
const char *web_provider_name(const struct request *req,
			      const struct web_councils *c,
			      const char *provider, enum provider_type type,
			      char *out, size_t cap);

/* ---- GOV.UK Frontend pieces ------------------------------------------- */

void part_h2(struct response *res, const char *text);
void part_para(struct response *res, const char *text);
/* "25 March 2019" / "25 Mawrth 2019"; "not recorded" for DATE_NONE. */
void part_date(struct request *req, struct response *res, int32_t day);
/* "not shown": a field the viewer may not see. */
void part_not_shown(struct request *req, struct response *res);
/* "not recorded". */
void part_not_recorded(struct request *req, struct response *res);
/* A code as "Label (CODE)", the code alone when it has no label. */
void part_code(struct request *req, struct response *res,
	       const struct code_list *l, const char *code);
/* A code's label alone ("Female"), the code when it has none. */
void part_label(struct request *req, struct response *res,
		const struct code_list *l, const char *code);
/* <a href="/children/LA/REF">REF</a> (the council is named beside it) */
void part_child_link(struct response *res, const char *la, const char *ref);
/* /children/LA/REF, each part escaped, for an href the caller goes on. */
void part_child_path(struct response *res, const char *la, const char *ref);
/* <a href="/homes/URN">name</a> */
void part_home_link(struct response *res, const char *urn, const char *name);

/* A summary list (govuk-summary-list): start, rows, end. */
void part_summary_start(struct response *res);
/* A row whose value is written by the caller between these two. */
void part_summary_key(struct response *res, const char *key);
void part_summary_key_end(struct response *res);
/* A row whose value is text. */
void part_summary_row(struct response *res, const char *key,
		      const char *value);
void part_summary_end(struct response *res);

/* <th scope="col"> cells of a table head (numeric: right aligned). */
void part_th(struct response *res, const char *text, bool numeric);

/*
 * The scroll region every data table sits in, so that the page reflows
 * at 320 CSS px (WCAG 1.4.10) and only a wide table scrolls sideways:
 *
 *	part_table_scroll_start(req, res, caption);
 *	res_markup(res, "<table class=\"govuk-table\">...</table>\n");
 *	part_table_scroll_end(res);
 *
 * writes <div class="cartref-table-scroll" role="region"
 * aria-label="LABEL" tabindex="0">: a named region, in the tab order so
 * that the keyboard can scroll it (arrow keys), with a visible focus
 * ring, and the table's first column (its key: a child, a home) kept in
 * view while the rest scrolls (cartref.css).  label is plain text, the
 * table's caption as a rule; NULL or "": "Table" / "Tabl".
 * part_table_scroll_labelled() names the region by the id of an element
 * already on the page (aria-labelledby), e.g. the table's <caption id>.
 */
void part_table_scroll_start(struct request *req, struct response *res,
			     const char *label);
void part_table_scroll_labelled(struct response *res, const char *id);
void part_table_scroll_end(struct response *res);

/*
 * <select> of the councils of Wales named name, with a first option
 * value "" reading all (e.g. "All councils"), selected the one whose
 * code is selected.  Inside a labelled form group the caller writes.
 */
void part_council_select(struct request *req, struct response *res,
			 const struct web_councils *c, const char *id,
			 const char *selected, const char *all);

/*
 * A pagination (govuk-pagination) for page (from 1) of pages: previous
 * and next links with rel="prev" and rel="next", the page numbers of
 * web_pager_items().  href() writes the link of a page (an attribute
 * value: through res_url_arg()/res_url_path()).  Nothing for one page.
 */
typedef void part_href_fn(struct request *req, struct response *res,
			  long page, void *ctx);
void part_pagination(struct request *req, struct response *res, long page,
		     long pages, part_href_fn *href, void *ctx);

/*
 * Copy an inline SVG the report layer built (report_svg()) into the
 * page: markup with its text escaped by the report's own sinks, never
 * data from the request.
 */
void part_svg(struct response *res, const struct buf *svg);


/* ---- missing from care and alerts (issue 5): shared by the pages ------- */

/* "30 March 2019 at 21:15" / "30 Mawrth 2019 am 21:15" in UK local time
 * (with " GMT"/" BST" in the hour the clocks repeat); "not recorded"
 * for 0. */
void part_time(struct request *req, struct response *res, int64_t ms);
/* "Yes" / "No" (Welsh "Ydy" / "Nac ydy" style "Ie" / "Na"). */
void part_yes_no(struct request *req, struct response *res, bool yes);
/* A GOV.UK tag: colour "red", "green", "grey", "blue", "yellow"... */
void part_tag(struct response *res, const char *colour, const char *text);
/* An alert's urgency as a tag colour: urgent red, high orange, medium
 * yellow, low (or not known) grey. */
const char *web_severity_colour(int severity);
/* The words for a risk grade ("No apparent risk", "High"...). */
const char *web_grade_label(const struct request *req, enum mfc_grade g);

/*
 * May viewer v report child c missing, or keep its grab pack?  A home
 * manager whose provider's home the child is placed in today (the
 * store's rule, asked before offering the button; the store decides
 * again when the form is sent).
 */
bool web_placed_with_viewer(const struct viewer *v,
			    const struct child_summary *c);

/*
 * Writes whose audit row must commit with the change (store.h, "missing
 * from care, recorded live"): the server's group-commit audit writer is
 * unbound from this thread's store between these two calls.
 */
struct audit_writer;
struct audit_writer *web_write_begin(struct store *s);
void web_write_end(struct store *s, struct audit_writer *w);

/* ---- the quality of care (issue 13): shared by the pages ------------- */

/* A rating as a tag colour: excellent and good green, needs improvement
 * yellow, poor red, not rated grey. */
const char *web_rating_colour(enum q_rating r);
/* A finding's status as a tag colour: open orange, responded blue, met
 * green, not met red. */
const char *web_finding_colour(enum q_finding_status s);
/* "Full inspection" / "Arolygiad llawn": an inspection of type t. */
const char *web_inspection_kind(const struct request *req,
				enum q_insp_type t);
/* Days a priority action notice still to be met is past its date on
 * today (0: not due yet, met, or an area for improvement). */
long web_days_overdue(const struct q_finding *f, int32_t today);
/* A finding's date: "14 December 2026", a red "Overdue by 3 days" tag
 * with the date, or a dash for none. */
void part_finding_due(struct request *req, struct response *res,
		      const struct q_finding *f, int32_t today);

/* ---- forms (GOV.UK Frontend components) -------------------------------- */

#define WEB_FORM_ERRORS_MAX 16
#define WEB_FORM_MSG_MAX 240
#define WEB_FIELD_ID_MAX 48

struct web_form_error {
	char field[WEB_FIELD_ID_MAX];	/* the input the summary links to */
	char msg[WEB_FORM_MSG_MAX];
};

/*
 * A form's problems, and where its values come from: posted (a form
 * sent back with errors) shows what was typed, else the stored values
 * the caller passes.  form names which of a page's forms was sent.
 */
struct web_form {
	struct web_form_error e[WEB_FORM_ERRORS_MAX];
	size_t n;
	const char *form;	/* the form sent ("police"), or NULL */
};

/* Add a problem with field (an input's id; "" for none). */
void web_form_fail(struct web_form *f, const char *field, const char *msg);
/* The first problem of field, or NULL. */
const char *web_form_msg(const struct web_form *f, const char *field);
/* Is form the one that was sent (its values are the request's)? */
bool web_form_posted(const struct web_form *f, const char *form);

/*
 * A text field of the posted form: trimmed of surrounding blanks, CR
 * dropped (browsers send CRLF; records keep LF), copied into dst of cap
 * bytes.  0; ERR_TOO_LARGE (adds "label must be N characters or fewer")
 * or ERR_INVALID (control characters) add a problem to f.
 */
int web_form_text(struct request *req, struct web_form *f, const char *id,
		  const char *label, char *dst, size_t cap);
/* The "yes" of a checkbox or yes/no radios: 1 yes, 0 no, -1 neither. */
int web_form_yes(const struct request *req, const char *id);

/*
 * A date (and time) as the boxes of part_when() send it: ID-day,
 * ID-month, ID-year, ID-hour, ID-minute, and ID-zone ("bst" or "gmt")
 * which part_when() offers only in the hour the clocks repeat.  All
 * empty: *ms 0 and 0.  With a time: UK local time (base/uktime.h) as an
 * instant; a time the clocks skipped in March, or one they repeated in
 * October without ID-zone, adds a problem saying so.  A date alone:
 * its day number times 86,400,000 (a calendar day, not an instant).
 * Otherwise a problem added to f ("... must be a real date and time")
 * and ERR_INVALID.
 */
int web_form_when(struct request *req, struct web_form *f, const char *id,
		  const char *label, bool with_time, int64_t *ms);

void part_error_summary(struct request *req, struct response *res,
			const struct web_form *f);
/*
 * A field's error message, <p id="ID-error" class="govuk-error-message">
 * with a hidden "Error:" before text, for aria-describedby="ID-error".
 */
void part_error_message(const struct request *req, struct response *res,
			const char *id, const char *text);

/*
 * A date input's hint: "For example, 4 12 2026 and 21 15." (with_time)
 * or "For example, 4 12 2026.", a day a few days before today so that
 * the example is never a date to come, then " " and more (may be NULL),
 * in the request's language.  UK time, 24-hour clock.
 */
void web_when_hint(const struct request *req, bool with_time,
		   const char *more, char *out, size_t cap);
/*
 * GOV.UK warning text: "!" and a hidden "Warning" before text.  The
 * _start and _end pair is for a warning the caller writes (links...).
 */
void part_warning(const struct request *req, struct response *res,
		  const char *text);
void part_warning_start(const struct request *req, struct response *res);
void part_warning_end(struct response *res);
/* A success notification banner: title "Success", heading text. */
void part_banner(struct request *req, struct response *res,
		 const char *text);
/* <form method="post" action="ACTION" novalidate> with the CSRF token. */
void part_form_start(struct request *req, struct response *res,
		     const char *action);
void part_form_end(struct response *res);
void part_button(struct response *res, const char *text, bool secondary);

/*
 * Inputs, each in a govuk-form-group with its label, hint (NULL: none)
 * and error message (from f).  value is the stored value, shown unless
 * form was posted (then the request's value is shown again).
 */
void part_input(struct request *req, struct response *res,
		const struct web_form *f, const char *form, const char *id,
		const char *label, const char *hint, const char *value,
		const char *width);
void part_textarea(struct request *req, struct response *res,
		   const struct web_form *f, const char *form, const char *id,
		   const char *label, const char *hint, const char *value);
/* A GOV.UK date input, with hour and minute boxes when with_time. */
void part_when(struct request *req, struct response *res,
	       const struct web_form *f, const char *form, const char *id,
	       const char *legend, const char *hint, int64_t ms,
	       bool with_time);

struct web_choice {
	const char *value;
	const char *label;
};
/* Radios (inline: side by side, for yes/no) with value checked. */
void part_radios(struct request *req, struct response *res,
		 const struct web_form *f, const char *form, const char *id,
		 const char *legend, const char *hint,
		 const struct web_choice *c, size_t n, const char *value,
		 bool inline_);
/* A select (govuk-select) of c[0..n) with value selected; a first
 * choice of value "" reads as "choose one". */
void part_select(struct request *req, struct response *res,
		 const struct web_form *f, const char *form, const char *id,
		 const char *label, const char *hint,
		 const struct web_choice *c, size_t n, const char *value);
/* One <option> of a select, selected or not. */
void part_option(struct response *res, const char *value, const char *label,
		 bool selected);
/* A list's filter: the form group, label and opening <select> named id
 * (the options follow with part_option(); close with "</select>\n</div>"). */
void part_filter_select(struct response *res, const char *id,
			const char *label);
/* One checkbox, value "yes". */
void part_checkbox(struct request *req, struct response *res,
		   const struct web_form *f, const char *form, const char *id,
		   const char *label, const char *hint, bool checked);

#endif
