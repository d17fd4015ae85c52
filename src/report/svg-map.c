/*
 * svg-map.c: a choropleth map of the 22 Welsh councils as inline SVG.
 *
 * The boundaries come from data/wales_lad_2023_buc.geojson (ONS, WGS84
 * longitude/latitude, MultiPolygon per council; see data/README.md).
 * They are projected with an equirectangular projection whose x is
 * scaled by cos(52.4°), the latitude of mid-Wales, which keeps shapes
 * true enough at this size, and fitted into the map's box.
 *
 * Councils are shaded in 5 classes of equal width on a "nice" scale from
 * 0, every shade with a contrast of 3:1 or more against the page, and
 * parted by white boundaries; a council whose value is suppressed,
 * undefined or absent is hatched, and the legend says so.  Each council's path has a <title> with its
 * name and value, and the page prints the same values in a table.
 */
#include "base/compat.h"
#include <math.h>
#include <jansson.h>
#include "base/html.h"
#include "report/report-internal.h"

#define MAP_SVG_W 640.0
#define MAP_W 400.0		/* the map's box; the legend is to its right */
#define MAP_H 470.0
#define MAP_PAD 8.0
#define MAP_LAT0 52.4
#define MAP_MAX_FEATURES 64
#define MAP_MAX_POINTS 1000000
#define NCLASSES 5

/*
 * Light to dark blue.  Even the lightest has a contrast of 3:1 or more
 * with the white page (WCAG 1.4.11 non-text contrast): 3.1, 4.6, 7.0,
 * 10.3 and 16.0 to 1.
 */
static const char *const class_fill[NCLASSES] = {
	"#5a96cf", "#4679ab", "#325c88", "#204268", "#0a2240",
};

struct proj {
	double kx;			/* cos(lat0) */
	double minx, maxx, miny, maxy;	/* projected bounds */
	double scale, ox, oy;		/* to SVG units */
	size_t points;
};

static double px(const struct proj *p, double lon)
{
	return p->ox + (lon * p->kx - p->minx) * p->scale;
}

static double py(const struct proj *p, double lat)
{
	return p->oy + (p->maxy - lat) * p->scale;
}

/* One [lon, lat] position. */
static int position(json_t *pos, double *lon, double *lat)
{
	if (!json_is_array(pos) || json_array_size(pos) < 2 ||
	    !json_is_number(json_array_get(pos, 0)) ||
	    !json_is_number(json_array_get(pos, 1)))
		return ERR_INVALID;
	*lon = json_number_value(json_array_get(pos, 0));
	*lat = json_number_value(json_array_get(pos, 1));
	if (!isfinite(*lon) || !isfinite(*lat) || fabs(*lon) > 180 ||
	    fabs(*lat) > 90)
		return ERR_INVALID;
	return 0;
}

/*
 * Walk the rings of a geometry: with out NULL, grow the bounds; else
 * append path data.  depth is how many array levels lie above a ring
 * (1 for a Polygon, 2 for a MultiPolygon).
 */
static int rings(json_t *coords, int depth, struct proj *p, struct buf *out)
{
	size_t i;
	json_t *v;

	if (!json_is_array(coords))
		return ERR_INVALID;
	if (depth > 0) {
		json_array_foreach(coords, i, v) {
			int rc = rings(v, depth - 1, p, out);

			if (rc)
				return rc;
		}
		return 0;
	}
	/* a ring: an array of positions */
	{
		long lastx = LONG_MIN, lasty = LONG_MIN;
		bool first = true;

		json_array_foreach(coords, i, v) {
			double lon, lat, x, y;

			if (position(v, &lon, &lat))
				return ERR_INVALID;
			if (++p->points > MAP_MAX_POINTS)
				return ERR_TOO_LARGE;
			if (!out) {
				x = lon * p->kx;
				y = lat;
				p->minx = fmin(p->minx, x);
				p->maxx = fmax(p->maxx, x);
				p->miny = fmin(p->miny, y);
				p->maxy = fmax(p->maxy, y);
				continue;
			}
			x = px(p, lon);
			y = py(p, lat);
			/* skip points that fall on the previous one */
			if (lround(x * 10) == lastx && lround(y * 10) == lasty)
				continue;
			lastx = lround(x * 10);
			lasty = lround(y * 10);
			buf_addf(out, "%s%.1f %.1f", first ? "M" : "L", x, y);
			first = false;
		}
		if (out && !first)
			buf_addch(out, 'Z');
	}
	return 0;
}

static int geometry(json_t *feature, json_t **coords, int *depth)
{
	json_t *g = json_object_get(feature, "geometry");
	const char *type = json_string_value(json_object_get(g, "type"));

	*coords = json_object_get(g, "coordinates");
	if (!type || !*coords)
		return ERR_INVALID;
	if (!strcmp(type, "MultiPolygon"))
		*depth = 2;
	else if (!strcmp(type, "Polygon"))
		*depth = 1;
	else
		return ERR_INVALID;
	return 0;
}

static const char *prop(json_t *feature, const char *name)
{
	json_t *props = json_object_get(feature, "properties");

	return json_string_value(json_object_get(props, name));
}

/* The class of v (0..NCLASSES-1) on a scale of NCLASSES steps. */
static int class_of(double v, double step)
{
	int k = (int)floor(v / step);

	return k < 0 ? 0 : k >= NCLASSES ? NCLASSES - 1 : k;
}

/*
 * The width of a class: the largest "nice" number (1, 1.5, 2, 2.5, 3, 4,
 * 5, 6 or 8 times a power of ten) that puts the largest value in the top
 * class, so that every shade is used when values spread from 0 up.
 */
static double class_step(double max)
{
	static const double nice[] = { 8, 6, 5, 4, 3, 2.5, 2, 1.5, 1 };
	double raw, mag;

	if (!(max > 0))
		return 1;
	raw = max / (NCLASSES - 1);
	mag = pow(10, floor(log10(raw)));
	for (size_t i = 0; i < ARRAY_SIZE(nice); i++)
		if (nice[i] * mag <= raw * (1 + 1e-9))
			return nice[i] * mag;
	return mag;
}

/* A class boundary: "6%", "2.5%", "0.15%". */
static void fmt_bound(struct buf *b, double v)
{
	buf_addf(b, "%.6g%%", v);
}

/* The councils table row for code, or -1. */
static long council_row(const struct review_table *t, const char *code)
{
	for (size_t i = 0; code && i < t->nrows; i++)
		if (t->row_keys[i] && !strcmp(t->row_keys[i], code))
			return (long)i;
	return -1;
}

static void legend(struct buf *b, const char *id, double step, bool values,
		   enum report_lang lang)
{
	double x = MAP_W + 16, y = 24;
	struct buf s = BUF_INIT(256);

	buf_addf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"legend-title\">",
		 x, y);
	html_text(b, report__ui(UI_LEGEND, lang));
	buf_adds(b, "</text>\n");
	for (int k = 0; values && k < NCLASSES; k++) {
		y += 26;
		buf_reset(&s);
		if (k == 0) {
			buf_adds(&s, report__ui(UI_LEGEND_UNDER, lang));
			buf_addch(&s, ' ');
			fmt_bound(&s, step);
		} else if (k < NCLASSES - 1) {
			fmt_bound(&s, step * k);
			buf_addf(&s, " %s ",
				 report__ui(UI_LEGEND_TO_UNDER, lang));
			fmt_bound(&s, step * (k + 1));
		} else {
			fmt_bound(&s, step * k);
			buf_addf(&s, " %s",
				 report__ui(UI_LEGEND_OR_MORE, lang));
		}
		buf_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"22\" "
			    "height=\"16\" fill=\"%s\" stroke=\"#0b0c0c\" "
			    "stroke-width=\"0.5\"/>",
			 x, y - 12, class_fill[k]);
		buf_addf(b, "<text x=\"%.1f\" y=\"%.1f\">", x + 30, y);
		html_text(b, s.buf);
		buf_adds(b, "</text>\n");
	}
	y += 26;
	buf_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"22\" height=\"16\" "
		    "fill=\"url(#",
		 x, y - 12);
	html_attr(b, id);
	buf_adds(b, "-hatch)\" stroke=\"#0b0c0c\" stroke-width=\"0.5\"/>");
	buf_addf(b, "<text x=\"%.1f\" y=\"%.1f\">", x + 30, y);
	html_text(b, report__ui(UI_LEGEND_NO_DATA, lang));
	buf_adds(b, "</text>\n");
	buf_release(&s);
}

int report__svg_map(struct buf *b, const struct review *r, const char *col,
		    const char *id, const char *title, const char *geojson_path,
		    enum report_lang lang, struct err *err)
{
	const struct review_table *t = &r->tab[TAB_COUNCILS];
	struct proj p = { cos(MAP_LAT0 * M_PI / 180), INFINITY, -INFINITY,
			  INFINITY, -INFINITY, 1, 0, 0, 0 };
	struct buf svg = BUF_INIT(BUF_MAX_DEFAULT), tip = BUF_INIT(512);
	json_error_t jerr;
	json_t *root, *features, *f;
	int ci = report__table_has_data(t) ? report__col_index(t, col) : -1;
	double max = 0, step, h;
	bool values = false;
	size_t i;
	int rc = 0;

	root = json_load_file(geojson_path, 0, &jerr);
	if (!root) {
		rc = err_set(err, ERR_IO, "%s:%d: %s", geojson_path, jerr.line,
			     jerr.text);
		goto out;
	}
	features = json_object_get(root, "features");
	if (!json_is_array(features) || json_array_size(features) == 0 ||
	    json_array_size(features) > MAP_MAX_FEATURES) {
		rc = err_set(err, ERR_INVALID, "%s: no features", geojson_path);
		goto out;
	}
	/* bounds, then the fit */
	json_array_foreach(features, i, f) {
		json_t *coords;
		int depth;

		rc = geometry(f, &coords, &depth);
		if (!rc)
			rc = rings(coords, depth, &p, NULL);
		if (rc) {
			rc = err_set(err, rc, "%s: bad feature %zu",
				     geojson_path, i);
			goto out;
		}
	}
	if (!(p.maxx > p.minx) || !(p.maxy > p.miny)) {
		rc = err_set(err, ERR_INVALID, "%s: empty map", geojson_path);
		goto out;
	}
	p.scale = fmin((MAP_W - 2 * MAP_PAD) / (p.maxx - p.minx),
		       (MAP_H - 2 * MAP_PAD) / (p.maxy - p.miny));
	p.ox = MAP_PAD + ((MAP_W - 2 * MAP_PAD) -
			  (p.maxx - p.minx) * p.scale) / 2;
	p.oy = MAP_PAD;
	p.points = 0;
	h = (p.maxy - p.miny) * p.scale + 2 * MAP_PAD;
	if (h < 220)
		h = 220;

	/* the scale of the classes */
	for (size_t row = 0; ci >= 0 && row < t->nrows; row++) {
		const struct review_cell *c =
			review_cell_at(t, row, (size_t)ci);

		if (report__cell_na(c) || report__cell_suppressed(c) ||
		    !isfinite(c->value))
			continue;
		values = true;
		if (c->value > max)
			max = c->value;
	}
	step = class_step(max);

	buf_addf(&svg, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
		       "viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" "
		       "height=\"%.0f\" role=\"img\" aria-labelledby=\"",
		 MAP_SVG_W, h, MAP_SVG_W, h);
	html_attr(&svg, id);
	buf_adds(&svg, "-title ");
	html_attr(&svg, id);
	buf_adds(&svg, "-desc\"><title id=\"");
	html_attr(&svg, id);
	buf_adds(&svg, "-title\">");
	html_text(&svg, title);
	buf_adds(&svg, "</title><desc id=\"");
	html_attr(&svg, id);
	buf_adds(&svg, "-desc\">");
	html_text(&svg, report__ui(UI_MAP_DESC, lang));
	buf_adds(&svg, "</desc>\n<defs><pattern id=\"");
	html_attr(&svg, id);
	buf_adds(&svg, "-hatch\" width=\"6\" height=\"6\" "
		       "patternUnits=\"userSpaceOnUse\" "
		       "patternTransform=\"rotate(45)\"><rect width=\"6\" "
		       "height=\"6\" fill=\"#f3f2f1\"/><line x1=\"0\" y1=\"0\" "
		       "x2=\"0\" y2=\"6\" stroke=\"#505a5f\" "
		       "stroke-width=\"2\"/></pattern></defs>\n");
	json_array_foreach(features, i, f) {
		const char *code = prop(f, "LAD23CD");
		long row = ci >= 0 ? council_row(t, code) : -1;
		const struct review_cell *c =
			row >= 0 ? review_cell_at(t, (size_t)row, (size_t)ci)
				 : NULL;
		bool shade = c && !report__cell_na(c) &&
			     !report__cell_suppressed(c) && isfinite(c->value);
		const char *name;
		char tmp[16];
		json_t *coords;
		int depth;

		if (row >= 0)
			name = report__row_name(r, TAB_COUNCILS, (size_t)row,
						lang, tmp, sizeof(tmp));
		else
			name = prop(f, lang == LANG_CY ? "LAD23NMW"
						       : "LAD23NM");
		if (!name || !*name)
			name = code ? code : "";
		geometry(f, &coords, &depth);
		buf_adds(&svg, "<path d=\"");
		rc = rings(coords, depth, &p, &svg);
		if (rc) {
			rc = err_set(err, rc, "%s: bad feature %zu",
				     geojson_path, i);
			goto out;
		}
		buf_adds(&svg, "\" fill=\"");
		if (shade) {
			buf_adds(&svg, class_fill[class_of(c->value, step)]);
		} else {
			buf_adds(&svg, "url(#");
			html_attr(&svg, id);
			buf_adds(&svg, "-hatch)");
		}
		buf_adds(&svg, "\" stroke=\"#ffffff\" stroke-width=\"0.8\" "
			       "stroke-linejoin=\"round\"><title>");
		buf_reset(&tip);
		buf_adds(&tip, name);
		buf_adds(&tip, ": ");
		if (c)
			report__fmt_cell(&tip, c, lang);
		else
			buf_adds(&tip, report__ui(UI_LEGEND_NO_DATA, lang));
		html_text(&svg, tip.buf);
		buf_adds(&svg, "</title></path>\n");
	}
	legend(&svg, id, step, values, lang);
	buf_adds(&svg, "</svg>");
	if (buf_error(&svg)) {
		rc = err_set(err, ERR_TOO_LARGE, "%s: map too large",
			     geojson_path);
		goto out;
	}
	buf_add(b, svg.buf, svg.len);
out:
	json_decref(root);
	buf_release(&svg);
	buf_release(&tip);
	return rc;
}
