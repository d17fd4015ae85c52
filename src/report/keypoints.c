/*
 * keypoints.c: the key points of a report in words, generated from its
 * figures: each headline figure against the year before (r->prev, from
 * review_set_previous()), "The number of children who went missing rose
 * from 620 to 640 (up 3.2%)."
 *
 * Everything is worked out from the figures as the report shows them:
 * a published review's rounded counts and percentages (so a change
 * reveals nothing the two published figures do not), and the values
 * rounded to the precision printed, so that a sentence never says "rose
 * from 12.5% to 12.5%".  A figure that is suppressed, in either year, is
 * never spoken of: the point then gives this year's figure alone, or is
 * left out.  Counts change by a percentage of the year before (none when
 * that was 0); percentages by percentage points.
 */
#include "base/compat.h"
#include <math.h>
#include "report/report-internal.h"

/* The headline figures, in the order of the points. */
static const enum review_fig points[] = {
	FIG_CLA_31MAR,	      FIG_IN_HOMES,	   FIG_HOMES_OPEN,
	FIG_PLACES,	      FIG_MISSING_CHILDREN, FIG_MISSING_PERIODS,
	FIG_PLACEMENTS_3PLUS, FIG_DIST_OVER_20,
};

size_t report__nkey_points(void)
{
	return ARRAY_SIZE(points);
}

static bool shown(const struct review_cell *c)
{
	return !report__cell_na(c) && !report__cell_suppressed(c) &&
	       isfinite(c->value);
}

/* The value as printed: counts whole, percentages to 1 decimal. */
static double as_printed(const struct review_cell *c)
{
	if (c->kind == FIG_COUNT)
		return (double)llround(c->value);
	return round(c->value * 10) / 10;
}

static void fmt_change(struct buf *b, double v)
{
	char s[32];

	snprintf(s, sizeof(s), "%.1f", fabs(v));
	buf_adds(b, s);
}

void report__key_points_intro(const struct review *r, enum report_lang lang,
			      struct buf *out)
{
	struct buf c = BUF_INIT(64), p = BUF_INIT(64);

	report__fmt_year(&c, r->year);
	if (r->prev_year) {
		report__fmt_year(&p, r->prev_year);
		report__fill(out, report__ui(UI_KP_INTRO_PREV, lang), NULL,
			     p.buf, c.buf, NULL);
	} else {
		report__fill(out, report__ui(UI_KP_INTRO, lang), NULL, NULL,
			     c.buf, NULL);
	}
	buf_release(&c);
	buf_release(&p);
}

int report__key_point(const struct review *r, size_t i,
		      enum report_lang lang, struct buf *out)
{
	enum review_fig f;
	const struct review_cell *c, *p;
	struct buf cur = BUF_INIT(64), prev = BUF_INIT(64);
	struct buf diff = BUF_INIT(128), num = BUF_INIT(64);
	const char *subject;
	enum ui_str tpl;
	double now, before;

	if (i >= ARRAY_SIZE(points))
		return -1;
	f = points[i];
	c = &r->fig[f];
	subject = report__key_subject(f, lang);
	if (!subject || !shown(c))
		return -1;
	p = r->prev_year ? &r->prev[f] : NULL;
	report__fmt_cell(&cur, c, lang);
	if (!p || !shown(p)) {
		report__fill(out, report__ui(UI_KP_LEVEL, lang), subject, NULL,
			     cur.buf, NULL);
		goto out;
	}
	report__fmt_cell(&prev, p, lang);
	now = as_printed(c);
	before = as_printed(p);
	if (now == before) {
		tpl = UI_KP_SAME;
	} else if (c->kind == FIG_PERCENT) {
		fmt_change(&num, now - before);
		report__fill(&diff, report__ui(UI_KP_POINTS, lang), NULL, NULL,
			     NULL, num.buf);
		tpl = now > before ? UI_KP_ROSE_BY : UI_KP_FELL_BY;
	} else if (before > 0) {
		double pct = 100 * (now - before) / before;

		if (fabs(pct) < 0.05) {
			buf_adds(&diff, report__ui(UI_KP_LESS, lang));
		} else {
			fmt_change(&diff, pct);
			buf_addch(&diff, '%');
		}
		tpl = now > before ? UI_KP_ROSE_BY : UI_KP_FELL_BY;
	} else {
		tpl = UI_KP_ROSE;	/* from 0: no percentage */
	}
	report__fill(out, report__ui(tpl, lang), subject, prev.buf, cur.buf,
		     diff.buf);
out:
	buf_release(&cur);
	buf_release(&prev);
	buf_release(&diff);
	buf_release(&num);
	return (int)f;
}
