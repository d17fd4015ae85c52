/*
 * svg-chart.c: grouped bar charts as inline SVG, vertical (categories
 * along the bottom: years, placement counts, distance bands) or
 * horizontal (categories down the side: councils).
 *
 * The chart is decoration over a table that the page always prints with
 * it, so it aims to be clear rather than complete: every bar has a
 * <title> (a tooltip and text for screen readers), every bar is labelled
 * with its value, and series are told apart by a legend as well as
 * colour.  A suppressed value draws no bar and is labelled "*"; an
 * undefined one "–".  Everything is in user units of a fixed-width
 * viewBox; CSS scales it to the page.
 */
#include "base/compat.h"
#include <math.h>
#include "base/html.h"
#include "report/report-internal.h"

#define CHART_W 640.0
#define LEGEND_ROW 20.0
#define FONT_CHAR 6.6		/* rough width of a 12px character */
#define VALUE_CHAR 6.2		/* and of an 11px value label */
#define NAME_MAX_CHARS 28	/* horizontal chart: longer names are cut */

struct axis {
	double max;		/* top of the scale */
	double step;		/* between gridlines */
	enum fig_kind kind;	/* how to print tick labels */
};

static bool drawable(const struct review_cell *c)
{
	return !report__cell_na(c) && !report__cell_suppressed(c) &&
	       isfinite(c->value);
}

/* A "nice" scale: steps of 1, 2, 2.5 or 5 times a power of ten. */
static struct axis make_axis(const struct review_table *t,
			     const int *cols, size_t ncols)
{
	struct axis a = { 0, 1, FIG_COUNT };
	double max = 0, raw, mag, f;

	for (size_t i = 0; i < t->nrows; i++)
		for (size_t s = 0; s < ncols; s++) {
			const struct review_cell *c =
				review_cell_at(t, i, (size_t)cols[s]);

			if (drawable(c) && c->value > max)
				max = c->value;
			if (i == 0 && s == 0)
				a.kind = c->kind;
		}
	if (max <= 0)
		max = 1;
	raw = max / 5;
	mag = pow(10, floor(log10(raw)));
	f = raw / mag;
	a.step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) *
		 mag;
	if (a.kind == FIG_COUNT && a.step < 1)
		a.step = 1;
	if (a.kind == FIG_COUNT && fmod(a.step, 1) != 0)
		a.step = ceil(a.step);
	a.max = a.step * ceil(max / a.step - 1e-9);
	if (a.max <= 0)
		a.max = a.step;
	return a;
}

static void tick_label(struct buf *b, const struct axis *a, double v)
{
	if (a->kind == FIG_COUNT) {
		report__fmt_int(b, llround(v));
		return;
	}
	buf_addf(b, "%.10g", v);
	if (a->kind == FIG_PERCENT)
		buf_addch(b, '%');
}

/* <text> at x,y with escaped content. */
static void text_at(struct buf *b, double x, double y, const char *anchor,
		    const char *cls, const char *s)
{
	buf_addf(b, "<text x=\"%.1f\" y=\"%.1f\"", x, y);
	if (anchor)
		buf_addf(b, " text-anchor=\"%s\"", anchor);
	if (cls)
		buf_addf(b, " class=\"%s\"", cls);
	buf_addch(b, '>');
	html_text(b, s);
	buf_adds(b, "</text>");
}

/* Count UTF-8 characters (not continuation bytes). */
static size_t u8len(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

/* Copy at most max characters of s into out, ending in "…" if cut. */
static void u8cut(struct buf *out, const char *s, size_t max)
{
	size_t n = 0;
	const char *p = s;

	if (u8len(s) <= max) {
		buf_adds(out, s);
		return;
	}
	for (; *p; p++) {
		if (((unsigned char)*p & 0xc0) != 0x80 && ++n > max - 1)
			break;
	}
	buf_add(out, s, (size_t)(p - s));
	buf_adds(out, "\xe2\x80\xa6");
}

/*
 * Wrap s at spaces into at most 3 lines of about width characters (the
 * last one cut with "…" if need be) and write them as <tspan>s centred
 * on x, the first at y.
 */
static int wrapped_text(struct buf *b, double x, double y, const char *s,
			size_t width)
{
	struct buf line = BUF_INIT(256);
	int lines = 0;

	buf_addf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">", x,
		 y);
	while (*s == ' ')
		s++;
	while (*s) {
		const char *p = s, *end = s;
		size_t n = 0;

		buf_reset(&line);
		if (lines == 2) {	/* the last line takes the rest */
			u8cut(&line, s, width);
			s += strlen(s);
		} else {
			while (*p) {
				const char *w = p;
				size_t wn = 0;

				for (; *w && *w != ' '; w++)
					if (((unsigned char)*w & 0xc0) != 0x80)
						wn++;
				if (n > 0 && n + 1 + wn > width)
					break;
				n += (n > 0) + wn;
				end = w;
				p = *w ? w + 1 : w;
			}
			buf_add(&line, s, (size_t)(end - s));
			s = p;
		}
		buf_addf(b, "<tspan x=\"%.1f\" dy=\"%s\">", x,
			 lines ? "1.15em" : "0");
		html_text(b, line.buf);
		buf_adds(b, "</tspan>");
		lines++;
	}
	buf_adds(b, "</text>");
	buf_release(&line);
	return lines;
}

static void svg_open(struct buf *b, const struct bar_chart *c, double h)
{
	buf_addf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
		    "viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" "
		    "role=\"img\" aria-labelledby=\"",
		 CHART_W, h, CHART_W, h);
	html_attr(b, c->id);
	buf_adds(b, "-title ");
	html_attr(b, c->id);
	buf_adds(b, "-desc\"><title id=\"");
	html_attr(b, c->id);
	buf_adds(b, "-title\">");
	html_text(b, c->title);
	buf_adds(b, "</title><desc id=\"");
	html_attr(b, c->id);
	buf_adds(b, "-desc\">");
	html_text(b, report__ui(UI_CHART_DESC, c->lang));
	buf_adds(b, "</desc>\n");
}

static void legend(struct buf *b, const struct bar_chart *c, double x)
{
	for (size_t s = 0; s < c->nseries; s++) {
		double y = 8 + LEGEND_ROW * (double)s;

		buf_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" "
			    "height=\"14\" fill=\"%s\"/>",
			 x, y, c->series[s].fill);
		text_at(b, x + 20, y + 12, NULL, NULL,
			report__col_label(c->tab, c->series[s].col, c->lang));
		buf_addch(b, '\n');
	}
}

/* The bar's tooltip: "category, series: value". */
static void bar_title(struct buf *b, struct buf *tmp, const char *cat,
		      const char *series, const struct review_cell *cell,
		      enum report_lang lang)
{
	buf_reset(tmp);
	buf_adds(tmp, cat);
	buf_adds(tmp, ", ");
	buf_adds(tmp, series);
	buf_adds(tmp, ": ");
	report__fmt_cell(tmp, cell, lang);
	buf_adds(b, "<title>");
	html_text(b, tmp->buf);
	buf_adds(b, "</title>");
}

static void vertical(struct buf *b, const struct bar_chart *c,
		     const int *cols)
{
	const struct review_table *t = &c->r->tab[c->tab];
	struct axis a = make_axis(t, cols, c->nseries);
	struct buf tmp = BUF_INIT(1024);
	double left = 64, right = 16, plot_h = 220;
	double top = 16 + LEGEND_ROW * (double)c->nseries;
	double plot_w = CHART_W - left - right;
	double band = plot_w / (double)t->nrows;
	double bar_w = band * 0.72 / (double)c->nseries;
	size_t wrap = (size_t)(band / FONT_CHAR);
	size_t longest = 0;
	int lines = 1;
	bool rotate;
	double h;
	char name[16];

	if (wrap < 6)
		wrap = 6;
	/* value labels that are wider than their bar stand on end */
	for (size_t i = 0; i < t->nrows; i++)
		for (size_t s = 0; s < c->nseries; s++) {
			buf_reset(&tmp);
			report__fmt_cell(&tmp, review_cell_at(t, i,
							      (size_t)cols[s]),
					 c->lang);
			if (u8len(tmp.buf) > longest)
				longest = u8len(tmp.buf);
		}
	rotate = (double)longest * VALUE_CHAR > bar_w - 2;
	if (rotate)
		top += (double)longest * VALUE_CHAR;
	/* room for the longest category name, wrapped */
	for (size_t i = 0; i < t->nrows; i++) {
		int n;

		buf_reset(&tmp);
		n = wrapped_text(&tmp, 0, 0,
				 report__row_name(c->r, c->tab, i, c->lang,
						  name, sizeof(name)),
				 wrap);
		if (n > lines)
			lines = n;
	}
	h = top + plot_h + 18 + 14 * (double)lines + 8;
	svg_open(b, c, h);
	legend(b, c, left);
	for (double v = 0; v <= a.max + a.step / 2; v += a.step) {
		double y = top + plot_h - plot_h * v / a.max;

		buf_addf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
			    "y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%s\"/>",
			 left, y, CHART_W - right, y,
			 v == 0 ? "#0b0c0c" : "#b1b4b6", v == 0 ? "1" : "0.5");
		buf_reset(&tmp);
		tick_label(&tmp, &a, v);
		text_at(b, left - 6, y + 4, "end", NULL, tmp.buf);
		buf_addch(b, '\n');
	}
	for (size_t i = 0; i < t->nrows; i++) {
		const char *cat = report__row_name(c->r, c->tab, i, c->lang,
						   name, sizeof(name));
		double x0 = left + band * (double)i + band * 0.14;

		for (size_t s = 0; s < c->nseries; s++) {
			const struct review_cell *cell =
				review_cell_at(t, i, (size_t)cols[s]);
			double v = drawable(cell) && cell->value > 0
					   ? cell->value : 0;
			double bh = plot_h * v / a.max;
			double x = x0 + bar_w * (double)s;
			double y = top + plot_h - bh;

			buf_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" "
				    "width=\"%.1f\" height=\"%.1f\" "
				    "fill=\"%s\">",
				 x, y, bar_w - 1, bh, c->series[s].fill);
			bar_title(b, &tmp, cat,
				  report__col_label(c->tab, c->series[s].col,
						    c->lang),
				  cell, c->lang);
			buf_adds(b, "</rect>");
			buf_reset(&tmp);
			report__fmt_cell(&tmp, cell, c->lang);
			if (rotate) {
				double tx = x + (bar_w - 1) / 2 + 4;

				buf_addf(b, "<text x=\"%.1f\" y=\"%.1f\" "
					    "class=\"value\" "
					    "transform=\"rotate(-90 %.1f "
					    "%.1f)\">",
					 tx, y - 4, tx, y - 4);
				html_text(b, tmp.buf);
				buf_adds(b, "</text>");
			} else {
				text_at(b, x + (bar_w - 1) / 2, y - 4,
					"middle", "value", tmp.buf);
			}
			buf_addch(b, '\n');
		}
		wrapped_text(b, left + band * ((double)i + 0.5),
			     top + plot_h + 18, cat, wrap);
		buf_addch(b, '\n');
	}
	buf_adds(b, "</svg>");
	buf_release(&tmp);
}

static void horizontal(struct buf *b, const struct bar_chart *c,
		       const int *cols)
{
	const struct review_table *t = &c->r->tab[c->tab];
	struct axis a = make_axis(t, cols, c->nseries);
	struct buf tmp = BUF_INIT(1024);
	double left = 190, right = 56, bar_h = 14;
	double top = 16 + LEGEND_ROW * (double)c->nseries + 20;
	double band = bar_h * (double)c->nseries + 10;
	double plot_w = CHART_W - left - right;
	double plot_h = band * (double)t->nrows;
	double h = top + plot_h + 10;
	char name[16];

	svg_open(b, c, h);
	legend(b, c, 16);
	for (double v = 0; v <= a.max + a.step / 2; v += a.step) {
		double x = left + plot_w * v / a.max;

		buf_addf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
			    "y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%s\"/>",
			 x, top - 4, x, top + plot_h,
			 v == 0 ? "#0b0c0c" : "#b1b4b6", v == 0 ? "1" : "0.5");
		buf_reset(&tmp);
		tick_label(&tmp, &a, v);
		text_at(b, x, top - 8, "middle", NULL, tmp.buf);
		buf_addch(b, '\n');
	}
	for (size_t i = 0; i < t->nrows; i++) {
		const char *cat = report__row_name(c->r, c->tab, i, c->lang,
						   name, sizeof(name));
		double y0 = top + band * (double)i + 5;

		buf_reset(&tmp);
		u8cut(&tmp, cat, NAME_MAX_CHARS);
		text_at(b, left - 8, y0 + bar_h * (double)c->nseries / 2 + 4,
			"end", NULL, tmp.buf);
		for (size_t s = 0; s < c->nseries; s++) {
			const struct review_cell *cell =
				review_cell_at(t, i, (size_t)cols[s]);
			double v = drawable(cell) && cell->value > 0
					   ? cell->value : 0;
			double bw = plot_w * v / a.max;
			double y = y0 + bar_h * (double)s;

			buf_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" "
				    "width=\"%.1f\" height=\"%.1f\" "
				    "fill=\"%s\">",
				 left, y, bw, bar_h - 1, c->series[s].fill);
			bar_title(b, &tmp, cat,
				  report__col_label(c->tab, c->series[s].col,
						    c->lang),
				  cell, c->lang);
			buf_adds(b, "</rect>");
			buf_reset(&tmp);
			report__fmt_cell(&tmp, cell, c->lang);
			text_at(b, left + bw + 4, y + bar_h - 3, NULL, "value",
				tmp.buf);
		}
		buf_addch(b, '\n');
	}
	buf_adds(b, "</svg>");
	buf_release(&tmp);
}

void report__svg_bars(struct buf *b, const struct bar_chart *c)
{
	const struct review_table *t = &c->r->tab[c->tab];
	int cols[8];

	if (!report__table_has_data(t) || c->nseries == 0 ||
	    c->nseries > ARRAY_SIZE(cols))
		return;
	for (size_t s = 0; s < c->nseries; s++) {
		cols[s] = report__col_index(t, c->series[s].col);
		if (cols[s] < 0)
			return;
	}
	if (c->horizontal)
		horizontal(b, c, cols);
	else
		vertical(b, c, cols);
}
