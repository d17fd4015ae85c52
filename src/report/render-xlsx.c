/*
 * render-xlsx.c: the review as an Excel workbook, with libxlsxwriter,
 * laid out as the UK Government Analysis Function's guidance "Releasing
 * statistics in spreadsheets" asks:
 *
 *	Cover		title, what the workbook holds, the release metadata
 *			(date, status, next update, producer, contact), the
 *			key points, disclosure control and the shorthand
 *	Contents	a table of the worksheets, each name a link to it
 *	Notes		a table of numbered notes: coverage, definitions,
 *			disclosure control, symbols, sources
 *	Table_1 ...	one table per sheet: the figures of each indicator
 *			group, then each of the review's tables that has data,
 *			the councils (ending with the Wales row) and homes last
 *
 * Every sheet has its title in A1 and only text above its table; a table
 * is an Excel table (header row, named like its sheet) with no blank rows
 * or merged cells.  Cells that hold no number say why, in the guidance's
 * shorthand, explained on the cover and in the notes: [c] confidential
 * (suppressed), [x] not available (cannot be calculated, no date), [z]
 * not applicable.  Sheet names are translated ("Tabl_1" in Welsh).
 *
 * Numbers are written as numbers with a number format, so that they sum
 * and sort: counts "#,##0"; percentages as fractions with "0.0%" (12.5%
 * is stored as 0.125, as Excel expects); ratios "0.00"; means and medians
 * "0.0"; dates as Excel dates "dd/mm/yyyy".  A published review's
 * percentages are already rounded to the decimal shown (review_publish()),
 * so the cell holds no more than the page shows.
 */
#include "base/compat.h"
#include <math.h>
#include <xlsxwriter.h>
#include "base/parse.h"
#include "report/report-internal.h"

#define MAX_COLS 24		/* the widest table: homes, 15 columns */
#define SHORT_C "[c]"
#define SHORT_X "[x]"
#define SHORT_Z "[z]"

/* A table sheet to write, in the order of the contents. */
struct sheet_plan {
	int group;			/* the figures of a group, or -1 */
	int tab;			/* a review table, or -1 */
	char name[32];			/* "Table_3" */
	char title[512];		/* "Table 3: ..., Wales, 2018-19" */
};

struct book {
	lxw_workbook *wb;
	const struct review *r;
	const struct report_release *rel;
	enum report_lang lang;
	lxw_format *title, *heading, *bold, *head, *head_n, *wrap, *text_n;
	lxw_format *count, *percent, *ratio, *dec1, *date;
	struct sheet_plan plan[GROUP_NGROUPS + TAB_N];
	size_t nplan;
	lxw_error err;		/* the first error, sticky */
	char what[64];		/* what failed */
};

static void check(struct book *bk, lxw_error e, const char *what)
{
	if (e != LXW_NO_ERROR && bk->err == LXW_NO_ERROR) {
		bk->err = e;
		snprintf(bk->what, sizeof(bk->what), "%s", what);
	}
}

static const char *ui(const struct book *bk, enum ui_str id)
{
	return report__ui(id, bk->lang);
}

static void str(struct book *bk, lxw_worksheet *ws, lxw_row_t row,
		lxw_col_t col, const char *s, lxw_format *f)
{
	if (!s || !*s)
		return;
	check(bk, worksheet_write_string(ws, row, col, s, f), "a cell");
}

static void num(struct book *bk, lxw_worksheet *ws, lxw_row_t row,
		lxw_col_t col, double v, lxw_format *f)
{
	check(bk, worksheet_write_number(ws, row, col, v, f), "a cell");
}

/* A percentage as the fraction Excel expects, no finer than shown. */
static double fraction(const struct review *r, double pct)
{
	if (r->published)	/* 11.6 -> 0.116, not 0.11599999999999999 */
		return (double)llround(pct * 10) / 1000.0;
	return pct / 100;
}

static void cell(struct book *bk, lxw_worksheet *ws, lxw_row_t row,
		 lxw_col_t col, const struct review_cell *c)
{
	if (report__cell_na(c)) {
		str(bk, ws, row, col, SHORT_Z, bk->text_n);
		return;
	}
	if (report__cell_suppressed(c)) {
		str(bk, ws, row, col, SHORT_C, bk->text_n);
		return;
	}
	if (c->kind == FIG_DATE) {
		lxw_datetime dt = { 0, 0, 0, 0, 0, 0 };

		if (report__cell_no_date(c)) {
			str(bk, ws, row, col, SHORT_X, bk->text_n);
			return;
		}
		date_to_ymd((int32_t)c->value, &dt.year, &dt.month, &dt.day);
		check(bk, worksheet_write_datetime(ws, row, col, &dt, bk->date),
		      "a date");
		return;
	}
	if (!isfinite(c->value)) {
		str(bk, ws, row, col, SHORT_X, bk->text_n);
		return;
	}
	switch (c->kind) {
	case FIG_COUNT:
		num(bk, ws, row, col, (double)llround(c->value), bk->count);
		break;
	case FIG_PERCENT:
		num(bk, ws, row, col, fraction(bk->r, c->value), bk->percent);
		break;
	case FIG_RATIO:
		num(bk, ws, row, col, c->value, bk->ratio);
		break;
	case FIG_MEAN:
	case FIG_MEDIAN:
	case FIG_DATE:
		num(bk, ws, row, col, c->value, bk->dec1);
		break;
	}
}

/* A numerator or denominator of an indicator: a number or shorthand. */
static void part(struct book *bk, lxw_worksheet *ws, lxw_row_t row,
		 lxw_col_t col, const struct review_cell *c, long n)
{
	if (report__cell_suppressed(c))
		str(bk, ws, row, col, SHORT_C, bk->text_n);
	else if (n < 0 || c->kind == FIG_COUNT || c->kind == FIG_DATE)
		str(bk, ws, row, col, SHORT_Z, bk->text_n);
	else
		num(bk, ws, row, col, (double)n, bk->count);
}

static lxw_worksheet *sheet(struct book *bk, const char *name,
			    double first_width)
{
	lxw_worksheet *ws;

	if (bk->err != LXW_NO_ERROR)
		return NULL;
	ws = workbook_add_worksheet(bk->wb, name);
	if (!ws) {
		check(bk, LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED, "a sheet name");
		return NULL;
	}
	check(bk, worksheet_set_column(ws, 0, 0, first_width, NULL),
	      "a column");
	check(bk, worksheet_set_column(ws, 1, MAX_COLS, 16, NULL), "a column");
	return ws;
}

/*
 * Make rows first_row (the header) to last_row an Excel table named
 * name, with the headers given (ncols of them).
 */
static void excel_table(struct book *bk, lxw_worksheet *ws, const char *name,
			lxw_row_t first_row, lxw_row_t last_row,
			const char *const *headers, size_t ncols)
{
	lxw_table_column cols[MAX_COLS], *colp[MAX_COLS + 1];
	lxw_table_options opt;
	char tname[32];

	if (!ncols || ncols > MAX_COLS)
		BUG("table of %zu columns", ncols);
	memset(cols, 0, sizeof(cols));
	memset(&opt, 0, sizeof(opt));
	for (size_t c = 0; c < ncols; c++) {
		/* libxlsxwriter copies the strings; it does not change them */
		cols[c].header = (char *)(uintptr_t)headers[c];
		cols[c].header_format = c ? bk->head_n : bk->head;
		colp[c] = &cols[c];
	}
	colp[ncols] = NULL;
	snprintf(tname, sizeof(tname), "%s", name);
	opt.name = tname;
	opt.columns = colp;
	opt.style_type = LXW_TABLE_STYLE_TYPE_LIGHT;
	opt.style_type_number = 1;
	check(bk, worksheet_add_table(ws, first_row, 0, last_row,
				      (lxw_col_t)(ncols - 1), &opt),
	      "a table");
	worksheet_freeze_panes(ws, first_row + 1, 1);
}

/* A1 the title, then the lines every table sheet starts with. */
static lxw_row_t sheet_top(struct book *bk, lxw_worksheet *ws,
			   const char *title, enum ui_str intro)
{
	lxw_row_t row = 0;

	str(bk, ws, row++, 0, title, bk->title);
	str(bk, ws, row++, 0, ui(bk, intro), NULL);
	if (intro == UI_XL_ONE_TABLE)
		str(bk, ws, row++, 0, ui(bk, UI_XL_NOTES_REF), NULL);
	return row;
}

static void figures_sheet(struct book *bk, const struct sheet_plan *sp)
{
	lxw_worksheet *ws = sheet(bk, sp->name, 64);
	const char *headers[] = {
		ui(bk, UI_INDICATOR), ui(bk, UI_XL_UNIT), ui(bk, UI_VALUE),
		ui(bk, UI_NUMERATOR), ui(bk, UI_DENOMINATOR),
	};
	lxw_row_t row, head;

	if (!ws)
		return;
	row = sheet_top(bk, ws, sp->title, UI_XL_ONE_TABLE);
	head = row++;
	for (size_t f = 0; f < FIG_N; f++) {
		const struct review_cell *c = &bk->r->fig[f];

		if ((int)report__figs[f].group != sp->group ||
		    report__cell_na(c))
			continue;
		str(bk, ws, row, 0, report__fig_label(f, bk->lang), bk->wrap);
		str(bk, ws, row, 1, report__unit(c->kind, bk->lang), NULL);
		cell(bk, ws, row, 2, c);
		part(bk, ws, row, 3, c, c->num);
		part(bk, ws, row, 4, c, c->den);
		row++;
	}
	excel_table(bk, ws, sp->name, head, row - 1, headers,
		    ARRAY_SIZE(headers));
}

static void table_sheet(struct book *bk, const struct sheet_plan *sp)
{
	enum review_table_id tid = (enum review_table_id)sp->tab;
	const struct review_table *t = &bk->r->tab[tid];
	bool homes = tid == TAB_HOMES;
	lxw_col_t extra = homes ? 3 : 0;
	lxw_worksheet *ws = sheet(bk, sp->name, 40);
	const char *headers[MAX_COLS];
	size_t nh = 0;
	lxw_row_t row, head;
	char tmp[16];

	if (!ws)
		return;
	if (t->ncols + 1 + extra > MAX_COLS)
		BUG("table %s has %zu columns", t->key, t->ncols);
	row = sheet_top(bk, ws, sp->title, UI_XL_ONE_TABLE);
	head = row++;
	headers[nh++] = report__row_head(tid, bk->lang);
	if (homes) {
		headers[nh++] = ui(bk, UI_URN);
		headers[nh++] = ui(bk, UI_COUNCIL);
		headers[nh++] = ui(bk, UI_PROVIDER_TYPE);
	}
	for (size_t c = 0; c < t->ncols; c++)
		headers[nh++] = report__col_label(tid, t->col_keys[c], bk->lang);
	for (size_t i = 0; i < t->nrows; i++, row++) {
		str(bk, ws, row, 0,
		    report__row_name(bk->r, tid, i, bk->lang, tmp, sizeof(tmp)),
		    NULL);
		if (homes) {
			const char *pt = t->row_provider_type
						 ? t->row_provider_type[i]
						 : NULL;
			const char *ptl = report__row_label(TAB_PROVIDER_TYPES,
							    pt, bk->lang);

			str(bk, ws, row, 1, t->row_keys[i], NULL);
			str(bk, ws, row, 2,
			    report__council_name(bk->r,
						 t->row_council
							 ? t->row_council[i]
							 : NULL,
						 bk->lang),
			    NULL);
			str(bk, ws, row, 3, ptl ? ptl : pt, NULL);
		}
		for (size_t c = 0; c < t->ncols; c++)
			cell(bk, ws, row, (lxw_col_t)(1 + extra + c),
			     review_cell_at(t, i, c));
	}
	if (t->total && !homes) {
		str(bk, ws, row, 0, report__total_name(bk->r, tid, bk->lang),
		    bk->bold);
		for (size_t c = 0; c < t->ncols; c++)
			cell(bk, ws, row, (lxw_col_t)(1 + c), &t->total[c]);
		row++;
	}
	excel_table(bk, ws, sp->name, head, row - 1, headers, nh);
}

/* The table sheets, numbered: only what has something to show. */
static void plan(struct book *bk)
{
	const struct review *r = bk->r;
	struct buf s = BUF_INIT(512);

	bk->nplan = 0;
	for (int g = 0; g < GROUP_NGROUPS; g++) {
		bool any = false;

		for (size_t f = 0; f < FIG_N; f++)
			any = any || ((int)report__figs[f].group == g &&
				      !report__cell_na(&r->fig[f]));
		if (any)
			bk->plan[bk->nplan++] = (struct sheet_plan){ g, -1, "",
								    "" };
		for (int t = 0; t < TAB_N; t++)
			if (report__table_group(t) == g &&
			    report__table_has_data(&r->tab[t]))
				bk->plan[bk->nplan++] =
					(struct sheet_plan){ -1, t, "", "" };
	}
	if (report__table_has_data(&r->tab[TAB_COUNCILS]))
		bk->plan[bk->nplan++] =
			(struct sheet_plan){ -1, TAB_COUNCILS, "", "" };
	if (report__table_has_data(&r->tab[TAB_HOMES]))
		bk->plan[bk->nplan++] =
			(struct sheet_plan){ -1, TAB_HOMES, "", "" };
	for (size_t i = 0; i < bk->nplan; i++) {
		struct sheet_plan *sp = &bk->plan[i];

		snprintf(sp->name, sizeof(sp->name), "%s%zu",
			 report__sheet_name(SHEET_TABLE, bk->lang), i + 1);
		buf_reset(&s);
		buf_addf(&s, "%s %zu: %s, ", ui(bk, UI_XL_TABLE), i + 1,
			 sp->group >= 0
				 ? report__group_title(sp->group, bk->lang)
				 : report__table_title(sp->tab, bk->lang));
		report__fmt_scope_year(&s, r, bk->lang);
		snprintf(sp->title, sizeof(sp->title), "%s", s.buf);
	}
	buf_release(&s);
}

static void text_rows(struct book *bk, lxw_worksheet *ws, lxw_row_t *row,
		      enum ui_str heading, const char *text)
{
	if (heading != UI_N)
		str(bk, ws, (*row)++, 0, ui(bk, heading), bk->heading);
	if (text)
		str(bk, ws, (*row)++, 0, text, bk->wrap);
}

static void cover_sheet(struct book *bk)
{
	lxw_worksheet *ws = sheet(bk, report__sheet_name(SHEET_COVER,
							 bk->lang), 110);
	const struct review *r = bk->r;
	const struct report_release *rel = bk->rel;
	struct buf s = BUF_INIT(1024), y = BUF_INIT(256);
	lxw_row_t row = 0;

	if (!ws)
		goto out;
	buf_addf(&s, "%s: ", ui(bk, UI_TITLE));
	report__fmt_scope_year(&s, r, bk->lang);
	str(bk, ws, row++, 0, s.buf, bk->title);
	buf_reset(&s);
	report__fmt_year(&y, r->year);
	buf_adds(&y, " (");
	report__fmt_period(&y, r->year, bk->lang);
	buf_adds(&y, ")");
	report__fill(&s, ui(bk, UI_XL_INTRO), report__scope_name(r, bk->lang),
		     NULL, y.buf, NULL);
	text_rows(bk, ws, &row, UI_N, s.buf);
	text_rows(bk, ws, &row, UI_N,
		  ui(bk, r->published ? UI_BANNER_PUBLISHED : UI_BANNER_EXACT));
	if (rel) {
		if (rel->date != DATE_NONE) {
			buf_reset(&s);
			report__fmt_day(&s, rel->date, false, bk->lang);
			text_rows(bk, ws, &row, UI_RELEASE_DATE, s.buf);
		}
		text_rows(bk, ws, &row, UI_STATUS,
			  report__status_name(rel->status, bk->lang));
		text_rows(bk, ws, &row, UI_N,
			  report__status_note(rel->status, bk->lang));
		buf_reset(&s);
		if (rel->next_update != DATE_NONE)
			report__fmt_day(&s, rel->next_update,
					rel->next_update_month, bk->lang);
		else
			buf_adds(&s, ui(bk, UI_NEXT_UPDATE_TBC));
		text_rows(bk, ws, &row, UI_NEXT_UPDATE, s.buf);
		text_rows(bk, ws, &row, UI_PRODUCED_BY,
			  report__producer(rel, bk->lang));
		text_rows(bk, ws, &row, UI_CONTACT,
			  report__contact_name(rel, bk->lang));
		if (rel->contact_email[0]) {
			buf_reset(&s);
			buf_addf(&s, "mailto:%s", rel->contact_email);
			check(bk, worksheet_write_url_opt(ws, row++, 0, s.buf,
							  NULL,
							  rel->contact_email,
							  NULL),
			      "a link");
		}
		if (rel->contact_phone[0]) {
			buf_reset(&s);
			buf_addf(&s, "%s: %s", ui(bk, UI_PHONE),
				 rel->contact_phone);
			text_rows(bk, ws, &row, UI_N, s.buf);
		}
	}
	text_rows(bk, ws, &row, UI_KEY_POINTS, NULL);
	buf_reset(&s);
	report__key_points_intro(r, bk->lang, &s);
	text_rows(bk, ws, &row, UI_N, s.buf);
	for (size_t i = 0; i < report__nkey_points(); i++) {
		buf_reset(&s);
		if (report__key_point(r, i, bk->lang, &s) >= 0)
			text_rows(bk, ws, &row, UI_N, s.buf);
	}
	text_rows(bk, ws, &row, UI_DISCLOSURE,
		  ui(bk, r->published ? UI_NOTE_DISCLOSURE : UI_NOTE_EXACT));
	text_rows(bk, ws, &row, UI_XL_SHORTHAND, ui(bk, UI_XL_C));
	text_rows(bk, ws, &row, UI_N, ui(bk, UI_XL_X));
	text_rows(bk, ws, &row, UI_N, ui(bk, UI_XL_Z));
	text_rows(bk, ws, &row, UI_N, ui(bk, UI_XL_NOTES_REF));
out:
	buf_release(&s);
	buf_release(&y);
}

static void contents_sheet(struct book *bk)
{
	const char *name = report__sheet_name(SHEET_CONTENTS, bk->lang);
	const char *notes = report__sheet_name(SHEET_NOTES, bk->lang);
	lxw_worksheet *ws = sheet(bk, name, 18);
	const char *headers[] = {
		ui(bk, UI_XL_SHEET_NAME), ui(bk, UI_XL_SHEET_TITLE),
	};
	struct buf url = BUF_INIT(256);
	lxw_row_t row, head;

	if (!ws)
		goto out;
	check(bk, worksheet_set_column(ws, 1, 1, 100, NULL), "a column");
	row = sheet_top(bk, ws, ui(bk, UI_CONTENTS), UI_XL_CONTENTS_INTRO);
	head = row++;
	for (size_t i = 0; i <= bk->nplan; i++, row++) {
		const char *sn = i ? bk->plan[i - 1].name : notes;

		buf_reset(&url);
		buf_addf(&url, "internal:'%s'!A1", sn);
		check(bk, worksheet_write_url_opt(ws, row, 0, url.buf, NULL,
						  sn, NULL),
		      "a link");
		str(bk, ws, row, 1, i ? bk->plan[i - 1].title : notes,
		    NULL);
	}
	excel_table(bk, ws, name, head, row - 1, headers,
		    ARRAY_SIZE(headers));
out:
	buf_release(&url);
}

/* One numbered note. */
static void note(struct book *bk, lxw_worksheet *ws, lxw_row_t *row,
		 int *n, const char *text)
{
	char label[32];

	snprintf(label, sizeof(label), "%s %d", ui(bk, UI_XL_NOTE), ++*n);
	str(bk, ws, *row, 0, label, NULL);
	str(bk, ws, *row, 1, text, bk->wrap);
	(*row)++;
}

static void notes_sheet(struct book *bk)
{
	const char *name = report__sheet_name(SHEET_NOTES, bk->lang);
	lxw_worksheet *ws = sheet(bk, name, 14);
	const struct review *r = bk->r;
	const char *headers[] = {
		ui(bk, UI_XL_NOTE_NUMBER), ui(bk, UI_XL_NOTE_TEXT),
	};
	enum ui_str cover = r->scope.kind == SCOPE_HOME ? UI_COVERAGE_HOME
			    : r->scope.kind == SCOPE_COUNCIL
				    ? UI_COVERAGE_COUNCIL
				    : UI_COVERAGE_NATIONAL;
	struct buf s = BUF_INIT(2048);
	lxw_row_t row, head;
	int n = 0;

	if (!ws)
		goto out;
	check(bk, worksheet_set_column(ws, 1, 1, 120, NULL), "a column");
	row = sheet_top(bk, ws, ui(bk, UI_NOTES), UI_XL_NOTES_INTRO);
	head = row++;
	if (bk->rel)
		note(bk, ws, &row, &n,
		     report__status_note(bk->rel->status, bk->lang));
	note(bk, ws, &row, &n, ui(bk, cover));
	note(bk, ws, &row, &n, ui(bk, UI_COVERAGE_LIVE));
	for (int d = 0; d < DEF_N; d++) {
		buf_reset(&s);
		buf_addf(&s, "%s: %s", report__def_term(d, bk->lang),
			 report__def_text(d, bk->lang));
		note(bk, ws, &row, &n, s.buf);
	}
	note(bk, ws, &row, &n,
	     ui(bk, r->published ? UI_NOTE_DISCLOSURE : UI_NOTE_EXACT));
	if (r->prev_year)
		note(bk, ws, &row, &n,
		     ui(bk, r->published ? UI_NOTE_CHANGES_PUBLISHED
					 : UI_NOTE_CHANGES_EXACT));
	note(bk, ws, &row, &n, ui(bk, UI_XL_C));
	note(bk, ws, &row, &n, ui(bk, UI_XL_X));
	note(bk, ws, &row, &n, ui(bk, UI_XL_Z));
	note(bk, ws, &row, &n, ui(bk, UI_NOTE_DECIMALS));
	buf_reset(&s);
	buf_addf(&s, "%s: %s", ui(bk, UI_SOURCES), ui(bk, UI_NOTE_SOURCE));
	note(bk, ws, &row, &n, s.buf);
	if (!r->published && r->children_in_store > 0) {
		buf_reset(&s);
		buf_addf(&s, "%s: ", ui(bk, UI_NOTE_HELD));
		report__fmt_int(&s, r->children_in_store);
		buf_addf(&s, " %s, ", ui(bk, UI_NOTE_CHILDREN));
		report__fmt_int(&s, r->episodes_in_store);
		buf_addf(&s, " %s.", ui(bk, UI_NOTE_EPISODES));
		note(bk, ws, &row, &n, s.buf);
	}
	excel_table(bk, ws, name, head, row - 1, headers,
		    ARRAY_SIZE(headers));
out:
	buf_release(&s);
}

static lxw_format *fmt(struct book *bk, const char *num_format, bool bold,
		       bool right)
{
	lxw_format *f = workbook_add_format(bk->wb);

	if (num_format)
		format_set_num_format(f, num_format);
	if (bold)
		format_set_bold(f);
	if (right)
		format_set_align(f, LXW_ALIGN_RIGHT);
	return f;
}

int report__render_xlsx(const struct review *r,
			const struct report_release *rel,
			enum report_lang lang, const char *path,
			struct err *err)
{
	struct book bk;
	struct buf title = BUF_INIT(512);
	lxw_doc_properties props;
	lxw_error close_err;

	memset(&bk, 0, sizeof(bk));
	bk.r = r;
	bk.rel = rel;
	bk.lang = lang;
	bk.wb = workbook_new(path);
	if (!bk.wb)
		return err_set(err, ERR_IO, "cannot create workbook %s", path);
	bk.title = fmt(&bk, NULL, true, false);
	format_set_font_size(bk.title, 15);
	bk.heading = fmt(&bk, NULL, true, false);
	format_set_font_size(bk.heading, 13);
	bk.bold = fmt(&bk, NULL, true, false);
	bk.head = fmt(&bk, NULL, true, false);
	format_set_text_wrap(bk.head);
	bk.head_n = fmt(&bk, NULL, true, true);
	format_set_text_wrap(bk.head_n);
	bk.wrap = fmt(&bk, NULL, false, false);
	format_set_text_wrap(bk.wrap);
	bk.text_n = fmt(&bk, NULL, false, true);
	bk.count = fmt(&bk, "#,##0", false, false);
	bk.percent = fmt(&bk, "0.0%", false, false);
	bk.ratio = fmt(&bk, "0.00", false, false);
	bk.dec1 = fmt(&bk, "0.0", false, false);
	bk.date = fmt(&bk, "dd/mm/yyyy", false, false);

	buf_addf(&title, "%s: ", report__ui(UI_TITLE, lang));
	report__fmt_scope_year(&title, r, lang);
	memset(&props, 0, sizeof(props));
	props.title = title.buf;
	props.author = (char *)(uintptr_t)(rel ? report__producer(rel, lang)
					       : report__ui(UI_PUBLISHER,
							    lang));
	props.company = props.author;
	check(&bk, workbook_set_properties(bk.wb, &props), "the properties");

	plan(&bk);
	cover_sheet(&bk);
	contents_sheet(&bk);
	notes_sheet(&bk);
	for (size_t i = 0; i < bk.nplan; i++) {
		if (bk.plan[i].group >= 0)
			figures_sheet(&bk, &bk.plan[i]);
		else
			table_sheet(&bk, &bk.plan[i]);
	}

	close_err = workbook_close(bk.wb);	/* frees the workbook */
	buf_release(&title);
	if (bk.err != LXW_NO_ERROR)
		return err_set(err, ERR_IO, "writing %s in %s: %s", bk.what,
			       path, lxw_strerror(bk.err));
	if (close_err != LXW_NO_ERROR)
		return err_set(err, ERR_IO, "writing %s: %s", path,
			       lxw_strerror(close_err));
	return 0;
}
