/*
 * recs-report.c: the recommendations progress report (recs-report.h):
 * built from the register, rendered as Markdown, one self-contained HTML
 * page, JSON or an xlsx workbook, in English or Welsh.  Every string a
 * reader sees is in labels.c (report__recs_ui()) or the domain's code
 * lists (domain/quality.h: statuses, verdicts, sources, themes).
 */
#include "base/compat.h"
#include <unistd.h>
#include <jansson.h>
#include <xlsxwriter.h>
#include "base/file.h"
#include "base/html.h"
#include "base/parse.h"
#include "base/uktime.h"
#include "base/xalloc.h"
#include "quality/rec-view.h"
#include "report/recs-report.h"
#include "report/report-internal.h"

#define RECS_REPORT_MAX (16 * 1024 * 1024)

/* ---- building ------------------------------------------------------------ */

static int cmp_rec(const void *a, const void *b)
{
	const struct recs_rec *x = a, *y = b;

	if (x->r->made_on != y->r->made_on)
		return x->r->made_on < y->r->made_on ? -1 : 1;
	return strcmp(x->r->code, y->r->code);
}

static int cmp_addr(const void *a, const void *b)
{
	const struct recs_addr *x = a, *y = b;

	if (x->a->kind != y->a->kind)
		return x->a->kind < y->a->kind ? -1 : 1;
	return strcmp(x->a->code, y->a->code);
}

void recs_report_build(const struct quality_set *q, int32_t as_of,
		       struct recs_report *out)
{
	size_t na = 0;

	memset(out, 0, sizeof(*out));
	out->as_of = as_of;
	out->oldest_overdue = DATE_NONE;
	out->recs = xcalloc(q->nrecs ? q->nrecs : 1, sizeof(*out->recs));
	out->addrs = xcalloc(q->naddressees ? q->naddressees : 1,
			     sizeof(*out->addrs));
	for (size_t i = 0; i < q->nrecs; i++) {
		out->recs[i].r = &q->recs[i];
		out->recs[i].times = rec_view_times(q, i, &out->recs[i].since);
	}
	out->nrecs = q->nrecs;
	qsort(out->recs, out->nrecs, sizeof(*out->recs), cmp_rec);
	for (size_t i = 0; i < out->nrecs; i++) {
		struct recs_rec *rr = &out->recs[i];

		rr->first_addr = na;
		for (size_t k = 0; k < q->naddressees; k++) {
			const struct rec_addressee *a = &q->addressees[k];
			struct recs_addr *x;

			if (a->rec_id != rr->r->id)
				continue;
			x = &out->addrs[na++];
			x->a = a;
			x->last_update_on = a->last_update_at
						    ? uk_day_of(a->last_update_at)
						    : DATE_NONE;
			x->oldest_overdue = DATE_NONE;
			for (size_t j = 0; j < q->nactions; j++) {
				const struct rec_action *ac = &q->actions[j];

				if (ac->addressee_id != a->id)
					continue;
				x->actions++;
				x->actions_done += ac->done_on != DATE_NONE;
				if (!rec_view_action_overdue(ac, as_of))
					continue;
				x->overdue++;
				if (x->oldest_overdue == DATE_NONE ||
				    ac->target_on < x->oldest_overdue)
					x->oldest_overdue = ac->target_on;
			}
			rr->done += a->status == REC_DONE;
			rr->accepted += a->status == REC_DONE &&
					a->verdict == REC_ACCEPTED;
			rr->overdue_addr += x->overdue > 0;
			out->overdue_actions += x->overdue;
			if (x->oldest_overdue != DATE_NONE &&
			    (out->oldest_overdue == DATE_NONE ||
			     x->oldest_overdue < out->oldest_overdue))
				out->oldest_overdue = x->oldest_overdue;
		}
		rr->naddr = na - rr->first_addr;
		qsort(out->addrs + rr->first_addr, rr->naddr,
		      sizeof(*out->addrs), cmp_addr);
		out->done += rr->done;
		out->accepted += rr->accepted;
		out->overdue_addr += rr->overdue_addr;
	}
	out->naddrs = na;
}

void recs_report_free(struct recs_report *rr)
{
	free(rr->recs);
	free(rr->addrs);
	memset(rr, 0, sizeof(*rr));
}

const char *recs_report_name(const struct recs_addr *a,
			     enum report_lang lang)
{
	if (lang == LANG_CY && a->name_cy[0])
		return a->name_cy;
	if (a->name_en[0])
		return a->name_en;
	return a->a->code;
}

/* ---- words ------------------------------------------------------------- */

static const char *rs(enum recs_str id, enum report_lang lang)
{
	return report__recs_ui(id, lang);
}

static const char *kind_name(enum org_kind k, enum report_lang lang)
{
	static const enum recs_str names[ORG_NKINDS] = {
		[ORG_INSPECTORATE] = RS_KIND_INSPECTORATE,
		[ORG_COUNCIL] = RS_KIND_COUNCIL,
		[ORG_PROVIDER] = RS_KIND_PROVIDER,
		[ORG_POLICE] = RS_KIND_POLICE,
		[ORG_HEALTH_BOARD] = RS_KIND_HEALTH_BOARD,
	};

	return (unsigned)k < ORG_NKINDS ? rs(names[k], lang) : "";
}

static const char *theme_name(const char *code, enum report_lang lang)
{
	const struct rec_theme *t = rec_theme_find(code);

	if (!t)
		return code;
	return lang == LANG_CY ? t->cy : t->en;
}

static const char *rec_text(const struct rec *r, enum report_lang lang)
{
	return lang == LANG_CY && r->text_cy[0] ? r->text_cy : r->text_en;
}

static const char *verdict_name(enum rec_verdict v, enum report_lang lang)
{
	return v == REC_VERDICT_NONE ? rs(RS_NONE, lang)
				     : rec_verdict_name(v, lang == LANG_CY);
}

/* "Made 3 times since 2015", or "Made once". */
static void made_times(struct buf *b, const struct recs_rec *r,
		       enum report_lang lang)
{
	char n[24], y[12] = "";
	int yy, m, d;

	if (r->times <= 1) {
		buf_adds(b, rs(RS_MADE_ONCE, lang));
		return;
	}
	snprintf(n, sizeof(n), "%ld", r->times);
	if (r->since != DATE_NONE) {
		date_to_ymd(r->since, &yy, &m, &d);
		snprintf(y, sizeof(y), "%d", yy);
	}
	report__fill(b, rs(RS_MADE_TIMES, lang), n, y, NULL, NULL);
}

/* A day for people, or `none`. */
static void day_text(struct buf *b, int32_t day, const char *none,
		     enum report_lang lang)
{
	if (day == DATE_NONE)
		buf_adds(b, none);
	else
		report__fmt_day(b, day, false, lang);
}

/* ---- Markdown ------------------------------------------------------------ */

static void md_text(struct buf *b, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '\n' || *s == '\r') {
			buf_addch(b, ' ');
			continue;
		}
		if (strchr("\\`*_[]<>|#&", *s))
			buf_addch(b, '\\');
		buf_addch(b, *s);
	}
}

/* The summary's counted rows, as every format writes them (then the
 * oldest target missed, a day). */
struct summary_row {
	enum recs_str label;
	long n;
};
#define SUMMARY_ROWS 6

static void summary_of(const struct recs_report *rr,
		       struct summary_row out[SUMMARY_ROWS])
{
	const struct summary_row rows[SUMMARY_ROWS] = {
		{ RS_RECS, (long)rr->nrecs },
		{ RS_ADDRESSEES, (long)rr->naddrs },
		{ RS_DONE, rr->done },
		{ RS_ACCEPTED, rr->accepted },
		{ RS_WITH_OVERDUE, rr->overdue_addr },
		{ RS_OVERDUE_ACTIONS, rr->overdue_actions },
	};

	memcpy(out, rows, sizeof(rows));
}

/* A day (or none) for people, escaped. */
static void md_day(struct buf *b, int32_t day, const char *none,
		   enum report_lang lang)
{
	struct buf s = BUF_INIT(64);

	day_text(&s, day, none, lang);
	md_text(b, s.buf);
	buf_release(&s);
}

static int render_md(const struct recs_report *rr, enum report_lang lang,
		     struct buf *b)
{
	struct summary_row sum[SUMMARY_ROWS];
	struct buf s = BUF_INIT(256);

	summary_of(rr, sum);
	buf_adds(b, "# ");
	md_text(b, rs(RS_TITLE, lang));
	buf_adds(b, "\n\n**");
	md_text(b, rs(RS_AS_OF, lang));
	buf_adds(b, ":** ");
	md_day(b, rr->as_of, "", lang);
	buf_adds(b, "\n\n");
	md_text(b, rs(RS_INTRO, lang));
	buf_adds(b, "\n\n## ");
	md_text(b, rs(RS_SUMMARY, lang));
	buf_adds(b, "\n\n| | |\n| --- | ---: |\n");
	for (size_t i = 0; i < SUMMARY_ROWS; i++) {
		buf_adds(b, "| ");
		md_text(b, rs(sum[i].label, lang));
		buf_adds(b, " | ");
		report__fmt_int(b, sum[i].n);
		buf_adds(b, " |\n");
	}
	buf_adds(b, "| ");
	md_text(b, rs(RS_OLDEST_OVERDUE_ALL, lang));
	buf_adds(b, " | ");
	md_day(b, rr->oldest_overdue, rs(RS_NONE, lang), lang);
	buf_adds(b, " |\n\n## ");
	md_text(b, rs(RS_RECS, lang));
	buf_adds(b, "\n\n");
	if (!rr->nrecs) {
		md_text(b, rs(RS_NO_RECS, lang));
		buf_adds(b, "\n\n");
	}
	for (size_t i = 0; i < rr->nrecs; i++) {
		const struct recs_rec *r = &rr->recs[i];

		buf_adds(b, "### ");
		md_text(b, r->r->code);
		buf_adds(b, ": ");
		md_text(b, theme_name(r->r->theme, lang));
		buf_adds(b, "\n\n");
		md_text(b, rec_text(r->r, lang));
		buf_adds(b, "\n\n- ");
		md_text(b, rs(RS_SOURCE, lang));
		buf_adds(b, ": ");
		md_text(b, rec_source_name(r->r->source, lang == LANG_CY));
		if (r->r->source_title[0]) {
			buf_adds(b, ", ");
			md_text(b, r->r->source_title);
		}
		buf_adds(b, "\n- ");
		md_text(b, rs(RS_MADE_ON, lang));
		buf_adds(b, ": ");
		md_day(b, r->r->made_on, "", lang);
		buf_adds(b, "\n- ");
		buf_reset(&s);
		made_times(&s, r, lang);
		md_text(b, s.buf);
		if (r->r->all_councils) {
			buf_adds(b, "\n- ");
			md_text(b, rs(RS_ALL_COUNCILS, lang));
		}
		buf_adds(b, "\n\n");
		if (!r->naddr)
			continue;
		buf_adds(b, "| ");
		md_text(b, rs(RS_ADDRESSEE, lang));
		buf_adds(b, " | ");
		md_text(b, rs(RS_KIND, lang));
		buf_adds(b, " | ");
		md_text(b, rs(RS_STATUS, lang));
		buf_adds(b, " | ");
		md_text(b, rs(RS_VERDICT, lang));
		buf_adds(b, " | ");
		md_text(b, rs(RS_LAST_UPDATE, lang));
		buf_adds(b, " | ");
		md_text(b, rs(RS_ACTIONS, lang));
		buf_adds(b, " | ");
		md_text(b, rs(RS_OVERDUE, lang));
		buf_adds(b, " | ");
		md_text(b, rs(RS_OLDEST_OVERDUE, lang));
		buf_adds(b, " |\n| --- | --- | --- | --- | --- | ---: | ---: | "
			    "--- |\n");
		for (size_t k = 0; k < r->naddr; k++) {
			const struct recs_addr *x = &rr->addrs[r->first_addr + k];

			buf_adds(b, "| ");
			md_text(b, recs_report_name(x, lang));
			buf_adds(b, " | ");
			md_text(b, kind_name(x->a->kind, lang));
			buf_adds(b, " | ");
			md_text(b, rec_status_name(x->a->status,
						   lang == LANG_CY));
			buf_adds(b, " | ");
			md_text(b, verdict_name(x->a->verdict, lang));
			buf_adds(b, " | ");
			md_day(b, x->last_update_on, rs(RS_NO_UPDATE, lang),
			       lang);
			buf_addf(b, " | %ld | %ld | ", x->actions, x->overdue);
			md_day(b, x->oldest_overdue, "", lang);
			buf_adds(b, " |\n");
		}
		buf_adds(b, "\n");
	}
	buf_adds(b, "## ");
	md_text(b, rs(RS_NOTES, lang));
	buf_adds(b, "\n\n");
	for (enum recs_str n = RS_NOTE_STATUS; n <= RS_NOTE_DATA; n++) {
		buf_adds(b, "- ");
		md_text(b, rs(n, lang));
		buf_adds(b, "\n");
	}
	buf_release(&s);
	return 0;
}

/* ---- HTML -------------------------------------------------------------- */

/* No '<' or '&': the page stays well-formed XML, as the review's. */
static const char css[] =
	"body{font-family:Arial,sans-serif;margin:0;color:#0b0c0c}"
	".wrap{max-width:72rem;margin:0 auto;padding:0 1rem}"
	"header{background:#0b0c0c;color:#fff;padding:.6rem 0}"
	"table{border-collapse:collapse;margin:.5rem 0 1.5rem}"
	"th,td{border-bottom:1px solid #b1b4b6;padding:.3rem .6rem;"
	"text-align:left;vertical-align:top}"
	"td.n,th.n{text-align:right}"
	".overdue{font-weight:bold}"
	"section{margin-bottom:2rem}"
	"@media print{section{break-inside:avoid}}";

static void el(struct buf *b, const char *open, const char *s,
	       const char *close)
{
	buf_adds(b, open);
	html_text(b, s);
	buf_adds(b, close);
}

static void html_day(struct buf *b, int32_t day, const char *none,
		     enum report_lang lang)
{
	struct buf s = BUF_INIT(64);

	day_text(&s, day, none, lang);
	html_text(b, s.buf);
	buf_release(&s);
}

static int render_html(const struct recs_report *rr, enum report_lang lang,
		       struct buf *b)
{
	struct summary_row sum[SUMMARY_ROWS];
	static const enum recs_str heads[] = {
		RS_ADDRESSEE, RS_KIND, RS_STATUS, RS_VERDICT, RS_LAST_UPDATE,
		RS_ACTIONS, RS_OVERDUE, RS_OLDEST_OVERDUE,
	};
	struct buf s = BUF_INIT(256);

	summary_of(rr, sum);
	buf_addf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
		    "<meta charset=\"utf-8\" />\n"
		    "<meta name=\"viewport\" content=\"width=device-width, "
		    "initial-scale=1\" />\n",
		 lang == LANG_CY ? "cy" : "en");
	el(b, "<title>", rs(RS_TITLE, lang), "</title>\n");
	buf_addf(b, "<style>%s</style>\n</head>\n<body>\n", css);
	el(b, "<header><div class=\"wrap\">", report__ui(UI_PUBLISHER, lang),
	   "</div></header>\n<main id=\"main\" class=\"wrap\">\n");
	el(b, "<h1>", rs(RS_TITLE, lang), "</h1>\n");
	el(b, "<p><strong>", rs(RS_AS_OF, lang), ":</strong> ");
	html_day(b, rr->as_of, "", lang);
	buf_adds(b, "</p>\n");
	el(b, "<p>", rs(RS_INTRO, lang), "</p>\n");
	el(b, "<section id=\"summary\">\n<h2>", rs(RS_SUMMARY, lang),
	   "</h2>\n<table>\n");
	for (size_t i = 0; i < SUMMARY_ROWS; i++) {
		el(b, "<tr><th scope=\"row\">", rs(sum[i].label, lang),
		   "</th><td class=\"n\">");
		report__fmt_int(b, sum[i].n);
		buf_adds(b, "</td></tr>\n");
	}
	el(b, "<tr><th scope=\"row\">", rs(RS_OLDEST_OVERDUE_ALL, lang),
	   "</th><td class=\"n\">");
	html_day(b, rr->oldest_overdue, rs(RS_NONE, lang), lang);
	buf_adds(b, "</td></tr>\n</table>\n</section>\n");
	el(b, "<section id=\"recommendations\">\n<h2>", rs(RS_RECS, lang),
	   "</h2>\n");
	if (!rr->nrecs)
		el(b, "<p>", rs(RS_NO_RECS, lang), "</p>\n");
	for (size_t i = 0; i < rr->nrecs; i++) {
		const struct recs_rec *r = &rr->recs[i];

		buf_adds(b, "<section>\n<h3 id=\"rec-");
		html_attr(b, r->r->code);
		buf_adds(b, "\">");
		html_text(b, r->r->code);
		buf_adds(b, ": ");
		html_text(b, theme_name(r->r->theme, lang));
		buf_adds(b, "</h3>\n");
		el(b, "<p>", rec_text(r->r, lang), "</p>\n<dl>\n");
		el(b, "<dt>", rs(RS_SOURCE, lang), "</dt><dd>");
		html_text(b, rec_source_name(r->r->source, lang == LANG_CY));
		if (r->r->source_title[0]) {
			buf_adds(b, ", ");
			html_text(b, r->r->source_title);
		}
		el(b, "</dd>\n<dt>", rs(RS_MADE_ON, lang), "</dt><dd>");
		html_day(b, r->r->made_on, "", lang);
		buf_adds(b, "</dd>\n<dd>");
		buf_reset(&s);
		made_times(&s, r, lang);
		html_text(b, s.buf);
		buf_adds(b, "</dd>\n");
		if (r->r->all_councils)
			el(b, "<dd>", rs(RS_ALL_COUNCILS, lang), "</dd>\n");
		buf_adds(b, "</dl>\n");
		if (!r->naddr) {
			buf_adds(b, "</section>\n");
			continue;
		}
		buf_adds(b, "<table>\n<caption>");
		html_text(b, r->r->code);
		buf_adds(b, "</caption>\n<thead><tr>");
		for (size_t h = 0; h < ARRAY_SIZE(heads); h++)
			el(b, h >= 5 && h <= 6 ? "<th scope=\"col\" class=\"n\">"
					       : "<th scope=\"col\">",
			   rs(heads[h], lang), "</th>");
		buf_adds(b, "</tr></thead>\n<tbody>\n");
		for (size_t k = 0; k < r->naddr; k++) {
			const struct recs_addr *x = &rr->addrs[r->first_addr + k];

			el(b, "<tr><th scope=\"row\">",
			   recs_report_name(x, lang), "</th>");
			el(b, "<td>", kind_name(x->a->kind, lang), "</td>");
			el(b, "<td>",
			   rec_status_name(x->a->status, lang == LANG_CY),
			   "</td>");
			el(b, "<td>", verdict_name(x->a->verdict, lang),
			   "</td><td>");
			html_day(b, x->last_update_on, rs(RS_NO_UPDATE, lang),
				 lang);
			buf_addf(b, "</td><td class=\"n\">%ld</td>"
				    "<td class=\"n%s\">%ld</td><td>",
				 x->actions, x->overdue ? " overdue" : "",
				 x->overdue);
			html_day(b, x->oldest_overdue, "", lang);
			buf_adds(b, "</td></tr>\n");
		}
		buf_adds(b, "</tbody>\n</table>\n</section>\n");
	}
	buf_adds(b, "</section>\n");
	el(b, "<section id=\"notes\">\n<h2>", rs(RS_NOTES, lang),
	   "</h2>\n<ul>\n");
	for (enum recs_str n = RS_NOTE_STATUS; n <= RS_NOTE_DATA; n++)
		el(b, "<li>", rs(n, lang), "</li>\n");
	buf_adds(b, "</ul>\n</section>\n</main>\n</body>\n</html>\n");
	buf_release(&s);
	return 0;
}

/* ---- JSON ------------------------------------------------------------- */

struct jctx {
	bool failed;
};

static void set(struct jctx *j, json_t *obj, const char *key, json_t *v)
{
	if (!obj || !v || json_object_set_new(obj, key, v))
		j->failed = true;
}

static void push(struct jctx *j, json_t *arr, json_t *v)
{
	if (!arr || !v || json_array_append_new(arr, v))
		j->failed = true;
}

static json_t *jday(int32_t day)
{
	char s[DATE_STR_MAX];

	if (day == DATE_NONE)
		return json_null();
	date_fmt_iso(day, s);
	return json_string(s);
}

static json_t *jstr_or_null(const char *s)
{
	return s && *s ? json_string(s) : json_null();
}

static int dump_cb(const char *s, size_t n, void *data)
{
	return buf_add(data, s, n) ? -1 : 0;
}

/* Language-neutral, as the review's JSON: both texts, codes for lists. */
static int render_json(const struct recs_report *rr, struct buf *b,
		       struct err *err)
{
	struct jctx j = { false };
	json_t *root = json_object(), *recs = json_array();
	json_t *tot = json_object();
	int rc = 0;

	set(&j, root, "report", json_string("recommendations_progress"));
	set(&j, root, "as_of", jday(rr->as_of));
	set(&j, tot, "recommendations", json_integer((json_int_t)rr->nrecs));
	set(&j, tot, "addressees", json_integer((json_int_t)rr->naddrs));
	set(&j, tot, "done", json_integer(rr->done));
	set(&j, tot, "accepted", json_integer(rr->accepted));
	set(&j, tot, "addressees_with_overdue_actions",
	    json_integer(rr->overdue_addr));
	set(&j, tot, "overdue_actions", json_integer(rr->overdue_actions));
	set(&j, tot, "oldest_overdue_target_on", jday(rr->oldest_overdue));
	set(&j, root, "totals", tot);
	for (size_t i = 0; i < rr->nrecs; i++) {
		const struct recs_rec *r = &rr->recs[i];
		const struct rec_theme *th = rec_theme_find(r->r->theme);
		json_t *o = json_object(), *addrs = json_array();

		set(&j, o, "code", json_string(r->r->code));
		set(&j, o, "source", json_string(rec_source_code(r->r->source)));
		set(&j, o, "source_title", json_string(r->r->source_title));
		set(&j, o, "made_on", jday(r->r->made_on));
		set(&j, o, "theme", json_string(r->r->theme));
		set(&j, o, "theme_en", jstr_or_null(th ? th->en : NULL));
		set(&j, o, "theme_cy", jstr_or_null(th ? th->cy : NULL));
		set(&j, o, "text_en", json_string(r->r->text_en));
		set(&j, o, "text_cy", json_string(r->r->text_cy));
		set(&j, o, "all_councils", json_boolean(r->r->all_councils));
		set(&j, o, "times_made", json_integer(r->times));
		set(&j, o, "first_made_on", jday(r->since));
		set(&j, o, "done", json_integer(r->done));
		set(&j, o, "accepted", json_integer(r->accepted));
		set(&j, o, "addressees_with_overdue_actions",
		    json_integer(r->overdue_addr));
		for (size_t k = 0; k < r->naddr; k++) {
			const struct recs_addr *x = &rr->addrs[r->first_addr + k];
			json_t *a = json_object();

			set(&j, a, "kind", json_string(org_kind_name(x->a->kind)));
			set(&j, a, "code", json_string(x->a->code));
			set(&j, a, "name_en",
			    json_string(recs_report_name(x, LANG_EN)));
			set(&j, a, "name_cy",
			    json_string(recs_report_name(x, LANG_CY)));
			set(&j, a, "status",
			    json_string(rec_status_code(x->a->status)));
			set(&j, a, "verdict",
			    jstr_or_null(rec_verdict_code(x->a->verdict)));
			set(&j, a, "verdict_on", jday(x->a->verdict_on));
			set(&j, a, "last_update_on", jday(x->last_update_on));
			set(&j, a, "actions", json_integer(x->actions));
			set(&j, a, "actions_done", json_integer(x->actions_done));
			set(&j, a, "overdue_actions", json_integer(x->overdue));
			set(&j, a, "oldest_overdue_target_on",
			    jday(x->oldest_overdue));
			push(&j, addrs, a);
		}
		set(&j, o, "addressees", addrs);
		push(&j, recs, o);
	}
	set(&j, root, "recommendations", recs);
	if (j.failed)
		rc = err_set(err, ERR_IO, "out of memory building JSON");
	else if (json_dump_callback(root, dump_cb, b, JSON_INDENT(2)) ||
		 buf_addch(b, '\n'))
		rc = err_set(err, ERR_TOO_LARGE, "the JSON report is too large");
	json_decref(root);
	return rc;
}

/* ---- xlsx -------------------------------------------------------------- */

struct book {
	lxw_workbook *wb;
	lxw_format *title, *bold, *wrap, *date;
	lxw_error err;
	const char *what;
	enum report_lang lang;
};

static void check(struct book *bk, lxw_error e, const char *what)
{
	if (e != LXW_NO_ERROR && bk->err == LXW_NO_ERROR) {
		bk->err = e;
		bk->what = what;
	}
}

static void xstr(struct book *bk, lxw_worksheet *ws, lxw_row_t row,
		 lxw_col_t col, const char *s, lxw_format *f)
{
	check(bk, worksheet_write_string(ws, row, col, s ? s : "", f),
	      "a cell");
}

static void xnum(struct book *bk, lxw_worksheet *ws, lxw_row_t row,
		 lxw_col_t col, double v)
{
	check(bk, worksheet_write_number(ws, row, col, v, NULL), "a cell");
}

static void xday(struct book *bk, lxw_worksheet *ws, lxw_row_t row,
		 lxw_col_t col, int32_t day)
{
	lxw_datetime dt = { 0, 0, 0, 0, 0, 0 };

	if (day == DATE_NONE) {
		check(bk, worksheet_write_blank(ws, row, col, NULL), "a cell");
		return;
	}
	date_to_ymd(day, &dt.year, &dt.month, &dt.day);
	check(bk, worksheet_write_datetime(ws, row, col, &dt, bk->date),
	      "a date");
}

static void xtable(struct book *bk, lxw_worksheet *ws, const char *name,
		   lxw_row_t first, lxw_row_t last, const char *const *heads,
		   size_t ncols)
{
	lxw_table_column cols[16], *colp[17];
	lxw_table_options opt;

	if (last <= first)
		return;	/* a header alone: no Excel table */
	memset(cols, 0, sizeof(cols));
	for (size_t c = 0; c < ncols && c < 16; c++) {
		cols[c].header = (char *)(uintptr_t)heads[c];
		colp[c] = &cols[c];
	}
	colp[ncols < 16 ? ncols : 16] = NULL;
	memset(&opt, 0, sizeof(opt));
	opt.name = (char *)(uintptr_t)name;
	opt.style_type = LXW_TABLE_STYLE_TYPE_LIGHT;
	opt.style_type_number = 1;
	opt.columns = colp;
	check(bk, worksheet_add_table(ws, first, 0, last, (lxw_col_t)(ncols - 1),
				      &opt),
	      "a table");
}

static int render_xlsx(const struct recs_report *rr, enum report_lang lang,
		       const char *path, struct err *err)
{
	struct book bk;
	lxw_worksheet *ws;
	struct summary_row sum[SUMMARY_ROWS];
	lxw_row_t row;
	lxw_error close_err;
	struct buf s = BUF_INIT(256);
	const enum report_lang L = lang;
	const char *rec_heads[] = {
		rs(RS_CODE, L), rs(RS_THEME, L), rs(RS_SOURCE, L),
		rs(RS_MADE_ON, L), rs(RS_TEXT, L), rs(RS_ALL_COUNCILS, L),
		rs(RS_MADE_TIMES, L), rs(RS_DONE, L), rs(RS_ACCEPTED, L),
		rs(RS_WITH_OVERDUE, L),
	};
	const char *addr_heads[] = {
		rs(RS_CODE, L), rs(RS_ADDRESSEE, L), rs(RS_KIND, L),
		rs(RS_STATUS, L), rs(RS_VERDICT, L), rs(RS_LAST_UPDATE, L),
		rs(RS_ACTIONS, L), rs(RS_OVERDUE, L), rs(RS_OLDEST_OVERDUE, L),
	};
	char times_head[64];

	/* "Made {s} times since {p}" as a heading: the number of times */
	report__fill(&s, rs(RS_MADE_TIMES, L), "N", "", NULL, NULL);
	snprintf(times_head, sizeof(times_head), "%s", s.buf);
	rec_heads[6] = times_head;
	memset(&bk, 0, sizeof(bk));
	bk.lang = lang;
	bk.wb = workbook_new(path);
	if (!bk.wb) {
		buf_release(&s);
		return err_set(err, ERR_IO, "cannot create the workbook %s",
			       path);
	}
	bk.title = workbook_add_format(bk.wb);
	format_set_bold(bk.title);
	format_set_font_size(bk.title, 16);
	bk.bold = workbook_add_format(bk.wb);
	format_set_bold(bk.bold);
	bk.wrap = workbook_add_format(bk.wb);
	format_set_text_wrap(bk.wrap);
	format_set_align(bk.wrap, LXW_ALIGN_VERTICAL_TOP);
	bk.date = workbook_add_format(bk.wb);
	format_set_num_format(bk.date, "dd/mm/yyyy");

	/* the summary */
	ws = workbook_add_worksheet(bk.wb, rs(RS_SHEET_SUMMARY, L));
	if (!ws) {
		check(&bk, LXW_ERROR_MEMORY_MALLOC_FAILED, "a sheet");
		goto close;
	}
	check(&bk, worksheet_set_column(ws, 0, 0, 48, NULL), "a column");
	check(&bk, worksheet_set_column(ws, 1, 1, 14, NULL), "a column");
	xstr(&bk, ws, 0, 0, rs(RS_TITLE, L), bk.title);
	xstr(&bk, ws, 1, 0, rs(RS_AS_OF, L), bk.bold);
	xday(&bk, ws, 1, 1, rr->as_of);
	xstr(&bk, ws, 2, 0, rs(RS_INTRO, L), NULL);
	row = 4;
	summary_of(rr, sum);
	for (size_t i = 0; i < SUMMARY_ROWS; i++) {
		xstr(&bk, ws, row, 0, rs(sum[i].label, L), NULL);
		xnum(&bk, ws, row++, 1, (double)sum[i].n);
	}
	xstr(&bk, ws, row, 0, rs(RS_OLDEST_OVERDUE_ALL, L), NULL);
	xday(&bk, ws, row++, 1, rr->oldest_overdue);
	row++;
	xstr(&bk, ws, row++, 0, rs(RS_NOTES, L), bk.bold);
	for (enum recs_str n = RS_NOTE_STATUS; n <= RS_NOTE_DATA; n++)
		xstr(&bk, ws, row++, 0, rs(n, L), NULL);

	/* one row per recommendation */
	ws = workbook_add_worksheet(bk.wb, rs(RS_SHEET_RECS, L));
	if (!ws) {
		check(&bk, LXW_ERROR_MEMORY_MALLOC_FAILED, "a sheet");
		goto close;
	}
	check(&bk, worksheet_set_column(ws, 0, 3, 18, NULL), "a column");
	check(&bk, worksheet_set_column(ws, 4, 4, 60, bk.wrap), "a column");
	check(&bk, worksheet_set_column(ws, 5, 9, 14, NULL), "a column");
	for (size_t c = 0; c < ARRAY_SIZE(rec_heads); c++)
		xstr(&bk, ws, 0, (lxw_col_t)c, rec_heads[c], bk.bold);
	for (size_t i = 0; i < rr->nrecs; i++) {
		const struct recs_rec *r = &rr->recs[i];
		lxw_row_t y = (lxw_row_t)(i + 1);

		xstr(&bk, ws, y, 0, r->r->code, NULL);
		xstr(&bk, ws, y, 1, theme_name(r->r->theme, L), NULL);
		buf_reset(&s);
		buf_adds(&s, rec_source_name(r->r->source, L == LANG_CY));
		if (r->r->source_title[0])
			buf_addf(&s, ", %s", r->r->source_title);
		xstr(&bk, ws, y, 2, s.buf, NULL);
		xday(&bk, ws, y, 3, r->r->made_on);
		xstr(&bk, ws, y, 4, rec_text(r->r, L), bk.wrap);
		xstr(&bk, ws, y, 5,
		     r->r->all_councils ? rs(RS_ALL_COUNCILS, L) : "", NULL);
		xnum(&bk, ws, y, 6, (double)r->times);
		xnum(&bk, ws, y, 7, (double)r->done);
		xnum(&bk, ws, y, 8, (double)r->accepted);
		xnum(&bk, ws, y, 9, (double)r->overdue_addr);
	}
	xtable(&bk, ws, "Recommendations", 0, (lxw_row_t)rr->nrecs, rec_heads,
	       ARRAY_SIZE(rec_heads));

	/* one row per addressee */
	ws = workbook_add_worksheet(bk.wb, rs(RS_SHEET_ADDRESSEES, L));
	if (!ws) {
		check(&bk, LXW_ERROR_MEMORY_MALLOC_FAILED, "a sheet");
		goto close;
	}
	check(&bk, worksheet_set_column(ws, 0, 0, 14, NULL), "a column");
	check(&bk, worksheet_set_column(ws, 1, 1, 36, NULL), "a column");
	check(&bk, worksheet_set_column(ws, 2, 8, 16, NULL), "a column");
	for (size_t c = 0; c < ARRAY_SIZE(addr_heads); c++)
		xstr(&bk, ws, 0, (lxw_col_t)c, addr_heads[c], bk.bold);
	row = 1;
	for (size_t i = 0; i < rr->nrecs; i++) {
		const struct recs_rec *r = &rr->recs[i];

		for (size_t k = 0; k < r->naddr; k++, row++) {
			const struct recs_addr *x = &rr->addrs[r->first_addr + k];

			xstr(&bk, ws, row, 0, r->r->code, NULL);
			xstr(&bk, ws, row, 1, recs_report_name(x, L), NULL);
			xstr(&bk, ws, row, 2, kind_name(x->a->kind, L), NULL);
			xstr(&bk, ws, row, 3,
			     rec_status_name(x->a->status, L == LANG_CY), NULL);
			xstr(&bk, ws, row, 4, verdict_name(x->a->verdict, L),
			     NULL);
			xday(&bk, ws, row, 5, x->last_update_on);
			xnum(&bk, ws, row, 6, (double)x->actions);
			xnum(&bk, ws, row, 7, (double)x->overdue);
			xday(&bk, ws, row, 8, x->oldest_overdue);
		}
	}
	xtable(&bk, ws, "Progress", 0, row - 1, addr_heads,
	       ARRAY_SIZE(addr_heads));
close:
	close_err = workbook_close(bk.wb);
	buf_release(&s);
	if (bk.err != LXW_NO_ERROR)
		return err_set(err, ERR_IO, "writing %s in %s: %s", bk.what,
			       path, lxw_strerror(bk.err));
	if (close_err != LXW_NO_ERROR)
		return err_set(err, ERR_IO, "writing %s: %s", path,
			       lxw_strerror(close_err));
	return 0;
}

/* ---- out --------------------------------------------------------------- */

int recs_report_render_buf(const struct recs_report *rr, enum report_format f,
			   enum report_lang lang, struct buf *out,
			   struct err *err)
{
	int rc;

	if (lang != LANG_EN && lang != LANG_CY)
		return err_set(err, ERR_USAGE, "unknown report language");
	switch (f) {
	case REPORT_JSON:
		rc = render_json(rr, out, err);
		break;
	case REPORT_HTML:
		rc = render_html(rr, lang, out);
		break;
	case REPORT_MD:
		rc = render_md(rr, lang, out);
		break;
	case REPORT_XLSX:
		return err_set(err, ERR_USAGE, "xlsx is written to a file");
	default:
		return err_set(err, ERR_USAGE,
			       "the recommendations report is json, html, md "
			       "or xlsx");
	}
	if (!rc && buf_error(out))
		rc = err_set(err, ERR_TOO_LARGE, "the report is too large");
	return rc;
}

int recs_report_render(const struct recs_report *rr, enum report_format f,
		       enum report_lang lang, const char *path,
		       struct err *err)
{
	struct buf out = BUF_INIT(RECS_REPORT_MAX);
	char *tmp = NULL;
	int rc;

	if (f == REPORT_XLSX) {
		if (lang != LANG_EN && lang != LANG_CY)
			return err_set(err, ERR_USAGE,
				       "unknown report language");
		if (!path || !strcmp(path, "-"))
			return err_set(err, ERR_USAGE,
				       "xlsx output needs a file name (-o "
				       "FILE)");
		/* libxlsxwriter writes a private temporary file, copied
		 * into place as every report */
		rc = file_temp(&tmp, err);
		if (!rc)
			rc = render_xlsx(rr, lang, tmp, err);
		if (!rc)
			rc = file_copy_out(tmp, path, err);
		if (tmp)
			unlink(tmp);
		free(tmp);
		return rc;
	}
	rc = recs_report_render_buf(rr, f, lang, &out, err);
	if (!rc)
		rc = file_write_all(path, out.buf, out.len, err);
	buf_release(&out);
	return rc;
}
