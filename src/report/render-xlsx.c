/*
 * render-xlsx.c: the review as an Excel workbook, with libxlsxwriter.
 *
 * Sheets: Notes (title, area, year, disclosure status and the notes),
 * one sheet per indicator group (its figures: label, value, numerator,
 * denominator; then the group's tables), then Councils and Homes.  Sheet
 * names are translated and kept within Excel's 31 characters.
 *
 * Numbers are written as numbers with a number format, so that they sum
 * and sort: counts "#,##0"; percentages as fractions with "0.0%" (12.5%
 * is stored as 0.125, as Excel expects); ratios "0.00"; means and medians
 * "0.0"; dates as Excel dates "dd/mm/yyyy".  Symbols are text: "*"
 * suppressed, "–" cannot be calculated, "n/a" not applicable, "not
 * recorded" for a missing date.
 */
#include "base/compat.h"
#include <math.h>
#include <xlsxwriter.h>
#include "base/parse.h"
#include "report/report-internal.h"

struct book {
	lxw_workbook *wb;
	const struct review *r;
	enum report_lang lang;
	lxw_format *title, *bold, *head, *head_n, *wrap, *text_n;
	lxw_format *count, *percent, *ratio, *dec1, *date;
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

static void cell(struct book *bk, lxw_worksheet *ws, lxw_row_t row,
		 lxw_col_t col, const struct review_cell *c)
{
	if (report__cell_na(c)) {
		str(bk, ws, row, col, report__ui(UI_NA_SYMBOL, bk->lang),
		    bk->text_n);
		return;
	}
	if (report__cell_suppressed(c)) {
		str(bk, ws, row, col, "*", bk->text_n);
		return;
	}
	if (c->kind == FIG_DATE) {
		lxw_datetime dt = { 0, 0, 0, 0, 0, 0 };

		if (report__cell_no_date(c)) {
			str(bk, ws, row, col,
			    report__ui(UI_NOT_RECORDED, bk->lang), bk->text_n);
			return;
		}
		date_to_ymd((int32_t)c->value, &dt.year, &dt.month, &dt.day);
		check(bk, worksheet_write_datetime(ws, row, col, &dt, bk->date),
		      "a date");
		return;
	}
	if (!isfinite(c->value)) {
		str(bk, ws, row, col, "\xe2\x80\x93", bk->text_n);
		return;
	}
	switch (c->kind) {
	case FIG_COUNT:
		num(bk, ws, row, col, (double)llround(c->value), bk->count);
		break;
	case FIG_PERCENT:
		num(bk, ws, row, col, c->value / 100, bk->percent);
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

static void part(struct book *bk, lxw_worksheet *ws, lxw_row_t row,
		 lxw_col_t col, const struct review_cell *c, long n)
{
	if (report__cell_na(c) || n < 0 || c->kind == FIG_COUNT ||
	    c->kind == FIG_DATE)
		return;
	if (report__cell_suppressed(c))
		str(bk, ws, row, col, "*", bk->text_n);
	else
		num(bk, ws, row, col, (double)n, bk->count);
}

static lxw_worksheet *sheet(struct book *bk, const char *name)
{
	lxw_worksheet *ws;

	if (bk->err != LXW_NO_ERROR)
		return NULL;
	ws = workbook_add_worksheet(bk->wb, name);
	if (!ws) {
		check(bk, LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED, "a sheet name");
		return NULL;
	}
	check(bk, worksheet_set_column(ws, 0, 0, 58, NULL), "a column");
	check(bk, worksheet_set_column(ws, 1, 40, 16, NULL), "a column");
	return ws;
}

/* One table of the review from *row on; *row ends after a blank row. */
static void table(struct book *bk, lxw_worksheet *ws, lxw_row_t *row,
		  enum review_table_id tid)
{
	const struct review_table *t = &bk->r->tab[tid];
	bool homes = tid == TAB_HOMES;
	lxw_col_t extra = homes ? 3 : 0;
	char tmp[16];

	str(bk, ws, (*row)++, 0, report__table_title(tid, bk->lang), bk->bold);
	if (!report__table_has_data(t)) {
		str(bk, ws, (*row)++, 0, report__ui(UI_NO_DATA, bk->lang),
		    NULL);
		(*row)++;
		return;
	}
	str(bk, ws, *row, 0, report__row_head(tid, bk->lang), bk->head);
	if (homes) {
		str(bk, ws, *row, 1, report__ui(UI_URN, bk->lang), bk->head);
		str(bk, ws, *row, 2, report__ui(UI_COUNCIL, bk->lang),
		    bk->head);
		str(bk, ws, *row, 3, report__ui(UI_PROVIDER_TYPE, bk->lang),
		    bk->head);
	}
	for (size_t c = 0; c < t->ncols; c++)
		str(bk, ws, *row, (lxw_col_t)(1 + extra + c),
		    report__col_label(tid, t->col_keys[c], bk->lang),
		    bk->head_n);
	(*row)++;
	for (size_t i = 0; i < t->nrows; i++, (*row)++) {
		str(bk, ws, *row, 0,
		    report__row_name(bk->r, tid, i, bk->lang, tmp, sizeof(tmp)),
		    NULL);
		if (homes) {
			const char *pt = t->row_provider_type
						 ? t->row_provider_type[i]
						 : NULL;
			const char *ptl = report__row_label(TAB_PROVIDER_TYPES,
							    pt, bk->lang);

			str(bk, ws, *row, 1, t->row_keys[i], NULL);
			str(bk, ws, *row, 2,
			    report__council_name(bk->r,
						 t->row_council
							 ? t->row_council[i]
							 : NULL,
						 bk->lang),
			    NULL);
			str(bk, ws, *row, 3, ptl ? ptl : pt, NULL);
		}
		for (size_t c = 0; c < t->ncols; c++)
			cell(bk, ws, *row, (lxw_col_t)(1 + extra + c),
			     review_cell_at(t, i, c));
	}
	(*row)++;
}

static void group_sheet(struct book *bk, enum fig_group g)
{
	lxw_worksheet *ws = sheet(bk, report__group_short(g, bk->lang));
	lxw_row_t row = 0;

	if (!ws)
		return;
	str(bk, ws, row++, 0, report__group_title(g, bk->lang), bk->title);
	row++;
	str(bk, ws, row, 0, report__ui(UI_INDICATOR, bk->lang), bk->head);
	str(bk, ws, row, 1, report__ui(UI_VALUE, bk->lang), bk->head_n);
	str(bk, ws, row, 2, report__ui(UI_NUMERATOR, bk->lang), bk->head_n);
	str(bk, ws, row, 3, report__ui(UI_DENOMINATOR, bk->lang), bk->head_n);
	row++;
	for (size_t f = 0; f < FIG_N; f++) {
		const struct review_cell *c = &bk->r->fig[f];

		if (report__figs[f].group != g || report__cell_na(c))
			continue;
		str(bk, ws, row, 0, report__fig_label(f, bk->lang), bk->wrap);
		cell(bk, ws, row, 1, c);
		part(bk, ws, row, 2, c, c->num);
		part(bk, ws, row, 3, c, c->den);
		row++;
	}
	row++;
	for (int t = 0; t < TAB_N; t++)
		if (report__table_group(t) == (int)g)
			table(bk, ws, &row, t);
}

static void table_sheet(struct book *bk, enum sheet_label s,
			enum review_table_id tid)
{
	lxw_worksheet *ws = sheet(bk, report__sheet_name(s, bk->lang));
	lxw_row_t row = 0;

	if (!ws)
		return;
	table(bk, ws, &row, tid);
	if (report__table_has_data(&bk->r->tab[tid]))
		worksheet_freeze_panes(ws, 2, 1);
}

static void notes_sheet(struct book *bk)
{
	lxw_worksheet *ws =
		sheet(bk, report__sheet_name(SHEET_NOTES, bk->lang));
	const struct review *r = bk->r;
	enum report_lang lang = bk->lang;
	struct buf s = BUF_INIT(4096);
	lxw_row_t row = 0;

	if (!ws)
		goto out;
	check(bk, worksheet_set_column(ws, 0, 0, 110, bk->wrap), "a column");
	str(bk, ws, row++, 0, report__ui(UI_TITLE, lang), bk->title);
	str(bk, ws, row++, 0, report__ui(UI_PUBLISHER, lang), NULL);
	row++;
	buf_addf(&s, "%s: %s",
		 report__ui(r->scope.kind == SCOPE_HOME ? UI_SCOPE_HOME
			    : r->scope.kind == SCOPE_COUNCIL ? UI_SCOPE_COUNCIL
							     : UI_SCOPE,
			    lang),
		 report__scope_name(r, lang));
	if (r->scope.kind == SCOPE_HOME && r->scope.code[0])
		buf_addf(&s, " (%s %s)", report__ui(UI_URN, lang),
			 r->scope.code);
	str(bk, ws, row++, 0, s.buf, NULL);
	buf_reset(&s);
	buf_addf(&s, "%s: ", report__ui(UI_REPORTING_YEAR, lang));
	report__fmt_year(&s, r->year);
	buf_adds(&s, " (");
	report__fmt_period(&s, r->year, lang);
	buf_adds(&s, ")");
	str(bk, ws, row++, 0, s.buf, NULL);
	str(bk, ws, row++, 0,
	    report__ui(r->published ? UI_BANNER_PUBLISHED : UI_BANNER_EXACT,
		       lang),
	    bk->bold);
	row++;
	str(bk, ws, row++, 0, report__ui(UI_NOTES, lang), bk->bold);
	buf_reset(&s);
	buf_addf(&s, "%s docs/indicators.md",
		 report__ui(UI_NOTE_DEFINITIONS, lang));
	str(bk, ws, row++, 0, s.buf, bk->wrap);
	if (r->published) {
		str(bk, ws, row++, 0, report__ui(UI_NOTE_SUPPRESSED, lang),
		    bk->wrap);
		str(bk, ws, row++, 0, report__ui(UI_NOTE_ROUNDED, lang),
		    bk->wrap);
	} else {
		str(bk, ws, row++, 0, report__ui(UI_NOTE_EXACT, lang),
		    bk->wrap);
	}
	str(bk, ws, row++, 0, report__ui(UI_NOTE_NAN, lang), bk->wrap);
	str(bk, ws, row++, 0, report__ui(UI_NOTE_NA, lang), bk->wrap);
	str(bk, ws, row++, 0, report__ui(UI_NOTE_NOT_RECORDED, lang),
	    bk->wrap);
	str(bk, ws, row++, 0, report__ui(UI_NOTE_DECIMALS, lang), bk->wrap);
	if (r->children_in_store > 0) {
		buf_reset(&s);
		buf_addf(&s, "%s: ", report__ui(UI_NOTE_SOURCE, lang));
		report__fmt_int(&s, r->children_in_store);
		buf_addf(&s, " %s, ", report__ui(UI_NOTE_CHILDREN, lang));
		report__fmt_int(&s, r->episodes_in_store);
		buf_addf(&s, " %s.", report__ui(UI_NOTE_EPISODES, lang));
		str(bk, ws, row++, 0, s.buf, bk->wrap);
	}
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

int report__render_xlsx(const struct review *r, enum report_lang lang,
			const char *path, struct err *err)
{
	struct book bk;
	lxw_error close_err;

	memset(&bk, 0, sizeof(bk));
	bk.r = r;
	bk.lang = lang;
	bk.wb = workbook_new(path);
	if (!bk.wb)
		return err_set(err, ERR_IO, "cannot create workbook %s", path);
	bk.title = fmt(&bk, NULL, true, false);
	format_set_font_size(bk.title, 16);
	bk.bold = fmt(&bk, NULL, true, false);
	bk.head = fmt(&bk, NULL, true, false);
	format_set_bottom(bk.head, LXW_BORDER_THIN);
	format_set_text_wrap(bk.head);
	bk.head_n = fmt(&bk, NULL, true, true);
	format_set_bottom(bk.head_n, LXW_BORDER_THIN);
	format_set_text_wrap(bk.head_n);
	bk.wrap = fmt(&bk, NULL, false, false);
	format_set_text_wrap(bk.wrap);
	bk.text_n = fmt(&bk, NULL, false, true);
	bk.count = fmt(&bk, "#,##0", false, false);
	bk.percent = fmt(&bk, "0.0%", false, false);
	bk.ratio = fmt(&bk, "0.00", false, false);
	bk.dec1 = fmt(&bk, "0.0", false, false);
	bk.date = fmt(&bk, "dd/mm/yyyy", false, false);

	notes_sheet(&bk);
	for (int g = 0; g < GROUP_NGROUPS; g++)
		group_sheet(&bk, g);
	table_sheet(&bk, SHEET_COUNCILS, TAB_COUNCILS);
	table_sheet(&bk, SHEET_HOMES, TAB_HOMES);

	close_err = workbook_close(bk.wb);	/* frees the workbook */
	if (bk.err != LXW_NO_ERROR)
		return err_set(err, ERR_IO, "writing %s in %s: %s", bk.what,
			       path, lxw_strerror(bk.err));
	if (close_err != LXW_NO_ERROR)
		return err_set(err, ERR_IO, "writing %s: %s", path,
			       lxw_strerror(close_err));
	return 0;
}
