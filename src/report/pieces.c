/*
 * pieces.c: the report's labels, formats, layout and charts for other
 * renderers (report.h, "pieces"): the web dashboards show a review with
 * GOV.UK Frontend markup but the same words, numbers, charts and map as
 * the HTML report, which is built from the same tables (render-html.c).
 */
#include "base/compat.h"
#include "ingest/geo-import.h"
#include "report/report-internal.h"

#define ACCENT "#1d70b8"
#define SECOND "#505a5f"
#define GEOJSON_FILE "wales_lad_2023_buc.geojson"

/* ---- the charts and the order of each group's section ----------------- */

static const struct chart_series council_places[] = {
	{ "places", ACCENT },
	{ "children_in_homes", SECOND },
};
static const struct chart_series placements[] = {
	{ "children", ACCENT },
};
static const struct chart_series trend[] = {
	{ "periods_home", ACCENT },
	{ "periods_other", SECOND },
};
/*
 * Percentages, not counts: children in children's homes are a tenth or
 * less of all children placed, and on one count axis their bars vanish.
 */
static const struct chart_series distance[] = {
	{ "all_percent", ACCENT },
	{ "children_homes_percent", SECOND },
};

const struct report__chart report__charts[REPORT_CHART_N] = {
	[REPORT_CHART_COUNCIL_PLACES] = { council_places,
					  ARRAY_SIZE(council_places), true,
					  CHART_COUNCIL_PLACES },
	[REPORT_CHART_PLACEMENTS] = { placements, ARRAY_SIZE(placements),
				      false, -1 },
	[REPORT_CHART_MISSING_TREND] = { trend, ARRAY_SIZE(trend), false,
					 -1 },
	[REPORT_CHART_MISSING_MAP] = { NULL, 0, false, CHART_MISSING_MAP },
	[REPORT_CHART_DISTANCE] = { distance, ARRAY_SIZE(distance), false,
				    CHART_DISTANCE },
};

static const char *const council_places_cols[] = {
	"places", "children_in_homes", NULL
};
static const char *const map_cols[] = {
	"missing_children", "missing_percent", NULL
};

static const struct report_block places_blocks[] = {
	{ "council-places", TAB_COUNCILS, council_places_cols,
	  REPORT_CHART_COUNCIL_PLACES },
	{ "provider-types", TAB_PROVIDER_TYPES, NULL, -1 },
};
static const struct report_block stability_blocks[] = {
	{ "placements", TAB_PLACEMENTS, NULL, REPORT_CHART_PLACEMENTS },
	{ "endings", TAB_ENDINGS, NULL, -1 },
};
static const struct report_block missing_blocks[] = {
	{ "missing-trend", TAB_MISSING_TREND, NULL,
	  REPORT_CHART_MISSING_TREND },
	{ "missing-duration", TAB_MISSING_DURATION, NULL, -1 },
	{ "missing-map", TAB_COUNCILS, map_cols, REPORT_CHART_MISSING_MAP },
};
static const struct report_block distance_blocks[] = {
	{ "distance", TAB_DISTANCE, NULL, REPORT_CHART_DISTANCE },
};
static const struct report_block outcomes_blocks[] = {
	{ "outcomes", TAB_OUTCOMES, NULL, -1 },
};

static const struct report_block quality_blocks[] = {
	{ "quality-ratings", TAB_QUALITY_RATINGS, NULL, -1 },
	{ "quality-regulations", TAB_QUALITY_REGULATIONS, NULL, -1 },
	{ "quality-bands", TAB_QUALITY_BANDS, NULL, -1 },
};

static const struct {
	const struct report_block *v;
	size_t n;
} group_blocks[GROUP_NGROUPS] = {
	[GROUP_PLACES] = { places_blocks, ARRAY_SIZE(places_blocks) },
	[GROUP_STABILITY] = { stability_blocks, ARRAY_SIZE(stability_blocks) },
	[GROUP_MISSING] = { missing_blocks, ARRAY_SIZE(missing_blocks) },
	[GROUP_DISTANCE] = { distance_blocks, ARRAY_SIZE(distance_blocks) },
	[GROUP_OUTCOMES] = { outcomes_blocks, ARRAY_SIZE(outcomes_blocks) },
	/* the response: figures only; its columns in councils and homes */
	[GROUP_RESPONSE] = { NULL, 0 },
	[GROUP_QUALITY] = { quality_blocks, ARRAY_SIZE(quality_blocks) },
};

const struct report_block *report_group_blocks(enum fig_group g, size_t *n)
{
	if ((unsigned)g >= GROUP_NGROUPS)
		BUG("group %d", (int)g);
	*n = group_blocks[g].n;
	return group_blocks[g].v;
}

/* The block that shows chart c (each chart is in exactly one). */
static const struct report_block *chart_block(enum report_chart c)
{
	for (size_t g = 0; g < GROUP_NGROUPS; g++)
		for (size_t i = 0; i < group_blocks[g].n; i++)
			if (group_blocks[g].v[i].chart == (int)c)
				return &group_blocks[g].v[i];
	BUG("chart %d in no group", (int)c);
}

const char *report_chart_title(enum report_chart c, enum report_lang lang)
{
	if ((unsigned)c >= REPORT_CHART_N)
		BUG("chart %d", (int)c);
	if (report__charts[c].label >= 0)
		return report__chart_title(report__charts[c].label, lang);
	return report__table_title(chart_block(c)->tab, lang);
}

int report__svg_map_file(struct buf *b, const struct review *r,
			 const char *id, const char *title,
			 enum report_lang lang, struct err *err)
{
	struct buf path = BUF_INIT(8192);
	char dir[4096];
	int rc;

	rc = geo_find_datadir(dir, sizeof(dir), err);
	if (!rc) {
		buf_addf(&path, "%s/%s", dir, GEOJSON_FILE);
		rc = buf_error(&path) ?
			     err_set(err, ERR_TOO_LARGE, "path too long") :
			     report__svg_map(b, r, "missing_percent", id,
					     title, path.buf, lang, err);
	}
	buf_release(&path);
	return rc;
}

int report_svg(struct buf *b, const struct review *r, enum report_chart c,
	       enum report_lang lang, struct err *err)
{
	const struct report_block *blk = chart_block(c);
	const struct report__chart *ch = &report__charts[c];
	struct buf id = BUF_INIT(64);
	int rc = 0;

	if (!report__table_has_data(&r->tab[blk->tab]))
		return 0;
	buf_addf(&id, "chart-%s", blk->name);
	if (c == REPORT_CHART_MISSING_MAP) {
		rc = report__svg_map_file(b, r, id.buf,
					  report_chart_title(c, lang), lang,
					  err);
	} else {
		struct bar_chart bc = { id.buf, report_chart_title(c, lang), r,
					blk->tab, ch->series, ch->nseries,
					ch->horizontal, lang };

		report__svg_bars(b, &bc);
	}
	buf_release(&id);
	return rc;
}

/* ---- labels and formats ------------------------------------------------ */

const char *report_fig_label(enum review_fig f, enum report_lang lang)
{
	return report__fig_label(f, lang);
}

const char *report_group_title(enum fig_group g, enum report_lang lang)
{
	return report__group_title(g, lang);
}

const char *report_table_title(enum review_table_id t, enum report_lang lang)
{
	return report__table_title(t, lang);
}

const char *report_row_head(enum review_table_id t, enum report_lang lang)
{
	return report__row_head(t, lang);
}

const char *report_col_label(enum review_table_id t, const char *col,
			     enum report_lang lang)
{
	return report__col_label(t, col, lang);
}

const char *report_row_name(const struct review *r, enum review_table_id t,
			    size_t row, enum report_lang lang, char *tmp,
			    size_t cap)
{
	return report__row_name(r, t, row, lang, tmp, cap);
}

const char *report_provider_type_label(const char *type,
				       enum report_lang lang)
{
	return report__row_label(TAB_PROVIDER_TYPES, type, lang);
}

void report_fmt_cell(struct buf *b, const struct review_cell *c,
		     enum report_lang lang)
{
	report__fmt_cell(b, c, lang);
}

void report_fmt_part(struct buf *b, const struct review_cell *c, long n)
{
	report__fmt_part(b, c, n);
}

void report_fmt_year(struct buf *b, int year)
{
	report__fmt_year(b, year);
}
