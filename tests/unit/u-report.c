/*
 * u-report.c: unit tests for the report layer (src/report/).
 *
 * A small struct review is built by hand (every figure with a distinctive
 * value, some undefined, some not applicable; council and home names in
 * Welsh; a home whose name needs escaping) and rendered in every format.
 * JSON, CSV and Markdown are compared byte for byte with golden files in
 * tests/data/review/golden/ (UPDATE_GOLDEN=1 rewrites them); HTML is
 * checked with xmllint as HTML and as XML and searched for every chart
 * and table; the Welsh outputs are searched for English labels; xlsx is
 * checked to be a non-trivial ZIP file (tests/t/t0600-review.sh reads
 * the workbook's sheets back).  Every report is rendered with release
 * metadata; key points are checked against sentences worked by hand, and
 * the release file's parser against good and bad files.
 */
#include "unit.h"
#include <math.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <jansson.h>
#include "base/buf.h"
#include "base/xalloc.h"
#include "base/html.h"
#include "report/report.h"
#include "report/report-internal.h"

#define GOLDEN_DIR "tests/data/review/golden"

/* ---- building a review by hand ---- */

static const char *const council_rows[] = {
	"W06000001", "W06000015", "W06000011",
};
static const char *const council_en[] = {
	"Isle of Anglesey", "Cardiff", "Swansea",
};
static const char *const council_cy[] = {
	"Ynys M\xc3\xb4n", "Caerdydd", "Abertawe",
};
static const char *const council_cols[] = {
	"looked_after_31_march", "children_in_homes", "places", "homes_open",
	"missing_children", "missing_percent", "three_or_more_placements",
	"over_20_miles",
};
static const enum fig_kind council_kinds[] = {
	FIG_COUNT, FIG_COUNT, FIG_COUNT, FIG_COUNT,
	FIG_COUNT, FIG_PERCENT, FIG_PERCENT, FIG_PERCENT,
};

static const char *const ptype_rows[] = { "la", "private", "voluntary" };
static const char *const ptype_cols[] = {
	"homes_open", "places", "children_placed", "missing_periods",
	"missing_per_place",
};
static const enum fig_kind ptype_kinds[] = {
	FIG_COUNT, FIG_COUNT, FIG_COUNT, FIG_COUNT, FIG_RATIO,
};

#define NASTY_NAME "Barnardo's <b>&\"' Hafan"
static const char *const home_rows[] = { "W0001234", "W0005678", "W0009999" };
static const char *const home_names[] = {
	"T\xc5\xb7 Gwyn", NASTY_NAME, "Bryn Awel",
};
static const char *const home_councils[] = {
	"W06000001", "W06000015", "E06000001",
};
static const char *const home_ptypes[] = { "la", "private", "voluntary" };
static const char *const home_cols[] = {
	"places", "children_placed", "missing_periods", "missing_children",
	"missing_per_place", "moves_out", "last_inspection",
};
static const enum fig_kind home_kinds[] = {
	FIG_COUNT, FIG_COUNT, FIG_COUNT, FIG_COUNT,
	FIG_RATIO, FIG_COUNT, FIG_DATE,
};

static const char *const placement_rows[] = { "1", "2", "3", "4", "5+" };
static const char *const placement_cols[] = { "children" };
static const char *const ending_rows[] = {
	"CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO",
	"CHILD", "LAREQ", "PLACE", "CUSTOD", "OTHER", "blank",
};
static const char *const ending_cols[] = { "endings" };
static const char *const trend_rows[] = { "2017", "2018", "2019" };
static const char *const trend_cols[] = {
	"periods_home", "periods_other", "children_home", "children_other",
	"away_periods",
};
static const char *const duration_rows[] = {
	"same_day", "1_2_days", "3_7_days", "8_28_days", "29_plus_days", "open",
};
static const char *const duration_cols[] = { "home", "other" };
static const char *const distance_rows[] = {
	"0_20", "21_40", "41_60", "61_80", "81_100", "over_100", "unknown",
};
static const char *const distance_cols[] = {
	"all", "children_homes", "all_percent", "children_homes_percent",
};
static const enum fig_kind distance_kinds[] = {
	FIG_COUNT, FIG_COUNT, FIG_PERCENT, FIG_PERCENT,
};
static const char *const outcome_rows[] = {
	"cohort", "sdq_recorded", "sdq_mean", "sdq_17_or_more", "convicted",
	"substance_misuse", "health_check", "teeth_check",
};
static const enum fig_kind outcome_row_kinds[] = {
	FIG_COUNT, FIG_PERCENT, FIG_MEAN, FIG_PERCENT,
	FIG_PERCENT, FIG_PERCENT, FIG_PERCENT, FIG_PERCENT,
};
static const char *const outcome_cols[] = { "all", "children_homes", "other" };
static const enum fig_kind all_counts[8] = { FIG_COUNT };

/* A distinctive, consistent cell of kind from seed. */
static void set_cell(struct review_cell *c, enum fig_kind kind, long seed)
{
	c->kind = kind;
	c->flags = 0;
	c->num = -1;
	c->den = -1;
	switch (kind) {
	case FIG_COUNT:
		c->num = seed;
		c->value = (double)seed;
		break;
	case FIG_PERCENT:
		c->num = seed % 90 + 10;
		c->den = c->num * 3 + seed % 7 + 10;
		c->value = 100.0 * (double)c->num / (double)c->den;
		break;
	case FIG_RATIO:
		c->num = seed % 500 + 20;
		c->den = seed % 40 + 11;
		c->value = (double)c->num / (double)c->den;
		break;
	case FIG_MEAN:
	case FIG_MEDIAN:
		c->den = seed % 60 + 12;
		c->value = (double)(seed % 200) / 8.0;
		break;
	case FIG_DATE:
		c->value = date_from_ymd(2018, (int)(seed % 12) + 1,
					 (int)(seed % 28) + 1);
		break;
	}
}

static char **dup_list(const char *const *v, size_t n)
{
	char **out;

	if (!v)
		return NULL;
	out = xcalloc(n ? n : 1, sizeof(*out));
	for (size_t i = 0; i < n; i++)
		out[i] = xstrdup(v[i]);
	return out;
}

static void fill(struct review *r, enum review_table_id tid,
		 const char *const *rows, size_t nrows,
		 const char *const *en, const char *const *cy,
		 const char *const *cols, size_t ncols,
		 const enum fig_kind *col_kinds,
		 const enum fig_kind *row_kinds)
{
	struct review_table *t = &r->tab[tid];

	t->key = report__table_key(tid);
	t->nrows = nrows;
	t->ncols = ncols;
	t->row_keys = dup_list(rows, nrows);
	t->row_names_en = dup_list(en, nrows);
	t->row_names_cy = dup_list(cy, nrows);
	t->col_keys = cols;
	t->cells = xcalloc(nrows * ncols > 0 ? nrows * ncols : 1,
			   sizeof(*t->cells));
	for (size_t i = 0; i < nrows; i++)
		for (size_t c = 0; c < ncols; c++)
			set_cell(review_cell_at(t, i, c),
				 row_kinds ? row_kinds[i] : col_kinds[c],
				 (long)(tid + 1) * 1000 + (long)i * 10 +
					 (long)c);
}

static void free_list(char **v, size_t n)
{
	if (!v)
		return;
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void free_review(struct review *r)
{
	if (!r)
		return;
	for (int t = 0; t < TAB_N; t++) {
		struct review_table *tab = &r->tab[t];

		free_list(tab->row_keys, tab->nrows);
		free_list(tab->row_names_en, tab->nrows);
		free_list(tab->row_names_cy, tab->nrows);
		free_list(tab->row_council, tab->nrows);
		free_list(tab->row_provider_type, tab->nrows);
		free(tab->cells);
		free(tab->total_key);
		free(tab->total);
	}
	free(r);
}

#define N(a) ARRAY_SIZE(a)

/* The national review every golden file is made from. */
static struct review *make_review(void)
{
	struct review *r = xcalloc(1, sizeof(*r));
	struct review_table *t;

	r->year = 2019;
	r->scope.kind = SCOPE_NATIONAL;
	str_copy(r->scope.name_en, sizeof(r->scope.name_en), "Wales");
	str_copy(r->scope.name_cy, sizeof(r->scope.name_cy), "Cymru");
	r->children_in_store = 12345;
	r->episodes_in_store = 67890;
	for (int f = 0; f < FIG_N; f++)
		set_cell(&r->fig[f], report__figs[f].kind, 1000 + f * 137);
	/* undefined: a median of nothing */
	r->fig[FIG_MISSING_MEDIAN_DAYS].value = NAN;
	r->fig[FIG_MISSING_MEDIAN_DAYS].den = 0;
	/* not applicable */
	r->fig[FIG_LONG_TERM_STABILITY].flags = CELL_NA;
	r->fig[FIG_TEETH_CHECK].flags = CELL_NA;
	/* a fall */
	r->fig[FIG_MISSING_PERIODS_CHANGE].value = -12.25;
	r->fig[FIG_MISSING_PERIODS_CHANGE].flags |= CELL_CHANGE;
	/* facts of the public register */
	for (int f = FIG_HOMES_OPEN; f <= FIG_PLACES_VOLUNTARY; f++)
		r->fig[f].flags |= CELL_PUBLIC;

	fill(r, TAB_COUNCILS, council_rows, N(council_rows), council_en,
	     council_cy, council_cols, N(council_cols), council_kinds, NULL);
	/* Swansea's percentage cannot be calculated: hatched on the map */
	t = &r->tab[TAB_COUNCILS];
	review_cell_at(t, 2, 5)->value = NAN;
	review_cell_at(t, 2, 5)->den = 0;
	for (size_t i = 0; i < t->nrows; i++) {
		review_cell_at(t, i, 2)->flags |= CELL_PUBLIC;	/* places */
		review_cell_at(t, i, 3)->flags |= CELL_PUBLIC;	/* homes */
	}
	/* the total row: Wales */
	t->total_key = xstrdup("W92000004");
	t->total = xcalloc(t->ncols, sizeof(*t->total));
	for (size_t c = 0; c < t->ncols; c++)
		set_cell(&t->total[c], council_kinds[c], 9000 + (long)c * 7);
	t->total[2].flags |= CELL_PUBLIC;
	t->total[3].flags |= CELL_PUBLIC;
	/* the year before, for the key points */
	r->prev_year = 2018;
	for (int f = 0; f < FIG_N; f++)
		set_cell(&r->prev[f], report__figs[f].kind, 990 + f * 131);
	r->prev[FIG_PLACES].flags = CELL_SUPPRESSED;
	fill(r, TAB_PROVIDER_TYPES, ptype_rows, N(ptype_rows), NULL, NULL,
	     ptype_cols, N(ptype_cols), ptype_kinds, NULL);
	review_cell_at(&r->tab[TAB_PROVIDER_TYPES], 2, 4)->flags = CELL_NA;
	fill(r, TAB_HOMES, home_rows, N(home_rows), home_names, home_names,
	     home_cols, N(home_cols), home_kinds, NULL);
	t = &r->tab[TAB_HOMES];
	t->row_council = dup_list(home_councils, N(home_rows));
	t->row_provider_type = dup_list(home_ptypes, N(home_rows));
	review_cell_at(t, 2, 6)->value = DATE_NONE;
	fill(r, TAB_PLACEMENTS, placement_rows, N(placement_rows), NULL, NULL,
	     placement_cols, N(placement_cols), all_counts, NULL);
	fill(r, TAB_ENDINGS, ending_rows, N(ending_rows), NULL, NULL,
	     ending_cols, N(ending_cols), all_counts, NULL);
	fill(r, TAB_MISSING_TREND, trend_rows, N(trend_rows), NULL, NULL,
	     trend_cols, N(trend_cols), all_counts, NULL);
	fill(r, TAB_MISSING_DURATION, duration_rows, N(duration_rows), NULL,
	     NULL, duration_cols, N(duration_cols), all_counts, NULL);
	fill(r, TAB_DISTANCE, distance_rows, N(distance_rows), NULL, NULL,
	     distance_cols, N(distance_cols), distance_kinds, NULL);
	fill(r, TAB_OUTCOMES, outcome_rows, N(outcome_rows), NULL, NULL,
	     outcome_cols, N(outcome_cols), NULL, outcome_row_kinds);
	return r;
}

/*
 * The same review after disclosure control: review_publish() itself, and
 * then, as a careless engine might, exact values left behind in a small
 * count and in percentages it suppressed, which the renderers must not
 * show.
 */
static struct review *make_published(void)
{
	struct review *r = make_review();
	struct review_table *t = &r->tab[TAB_COUNCILS];

	review_publish(r);
	r->fig[FIG_MISSING_CHILDREN].value = 3;
	r->fig[FIG_MISSING_CHILDREN].num = 3;
	r->fig[FIG_MISSING_CHILDREN].flags = CELL_SUPPRESSED;
	r->fig[FIG_MISSING_REPEAT].num = 2;
	r->fig[FIG_MISSING_REPEAT].den = 7;
	r->fig[FIG_MISSING_REPEAT].value = 100.0 * 2 / 7;
	r->fig[FIG_MISSING_REPEAT].flags = CELL_SUPPRESSED;
	review_cell_at(t, 1, 4)->value = 4;
	review_cell_at(t, 1, 4)->num = 4;
	review_cell_at(t, 1, 4)->flags = CELL_SUPPRESSED;
	review_cell_at(t, 1, 5)->value = 100.0 * 4 / 9;
	review_cell_at(t, 1, 5)->num = 4;
	review_cell_at(t, 1, 5)->den = 9;
	review_cell_at(t, 1, 5)->flags = CELL_SUPPRESSED;
	return r;
}

/* A home's review: most figures not applicable, most tables empty. */
static struct review *make_home_review(void)
{
	struct review *r = xcalloc(1, sizeof(*r));
	struct review_table *t;

	r->year = 2019;
	r->scope.kind = SCOPE_HOME;
	str_copy(r->scope.code, sizeof(r->scope.code), "W0001234");
	str_copy(r->scope.name_en, sizeof(r->scope.name_en),
		 "T\xc5\xb7 Gwyn");
	str_copy(r->scope.name_cy, sizeof(r->scope.name_cy),
		 "T\xc5\xb7 Gwyn");
	for (int f = 0; f < FIG_N; f++) {
		set_cell(&r->fig[f], report__figs[f].kind, 40 + f);
		if (report__figs[f].group != GROUP_MISSING)
			r->fig[f].flags = CELL_NA;
	}
	for (int tid = 0; tid < TAB_N; tid++)
		r->tab[tid].key = report__table_key(tid);
	fill(r, TAB_HOMES, home_rows, 1, home_names, home_names, home_cols,
	     N(home_cols), home_kinds, NULL);
	t = &r->tab[TAB_HOMES];
	t->row_council = dup_list(home_councils, 1);
	t->row_provider_type = dup_list(home_ptypes, 1);
	fill(r, TAB_MISSING_TREND, trend_rows, N(trend_rows), NULL, NULL,
	     trend_cols, N(trend_cols), all_counts, NULL);
	return r;
}

/* ---- files ---- */

static char tmpdir[4096];
/* The release metadata every report is rendered with. */
static struct report_release release;

static int group_setup(void **state)
{
	const char *base = getenv("TEST_OUT");
	struct buf b = BUF_INIT(4096);

	(void)state;
	buf_addf(&b, "%s/u-report-XXXXXX", base && *base ? base : "/tmp");
	if (!mkdtemp(b.buf)) {
		perror("mkdtemp");
		buf_release(&b);
		return -1;
	}
	str_copy(tmpdir, sizeof(tmpdir), b.buf);
	buf_release(&b);
	/* released in the December after the year, next in a year's time */
	report_release_init(&release);
	release.date = date_from_ymd(2019, 12, 10);
	release.next_update = date_from_ymd(2020, 12, 1);
	release.next_update_month = true;
	release.status = REPORT_STATUS_IN_DEVELOPMENT;
	str_copy(release.contact_name[LANG_EN], REPORT_TEXT_MAX,
		 "Statistics team");
	str_copy(release.contact_name[LANG_CY], REPORT_TEXT_MAX,
		 "T\xc3\xaem ystadegau");
	str_copy(release.contact_email, REPORT_TEXT_MAX, "stats@example.org");
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	rmdir(tmpdir);	/* fails, harmlessly, if a test left a file */
	return 0;
}

static bool read_file(const char *path, struct buf *out)
{
	char chunk[65536];
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f)
		return false;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(out, chunk, n);
	fclose(f);
	return !buf_error(out);
}

static void tmp_path(struct buf *p, const char *name)
{
	buf_reset(p);
	buf_addf(p, "%s/%s", tmpdir, name);
}

/* Render r to a file and read it back into out. */
static void render(const struct review *r, enum report_format f,
		   enum report_lang lang, struct buf *out)
{
	struct buf path = BUF_INIT(4096);
	struct err err = ERR_INIT;
	int rc;

	tmp_path(&path, "out");
	rc = report_render_release(r, &release, f, lang, path.buf, &err);
	if (rc)
		fail_msg("report_render: %s", err_text(&err));
	buf_reset(out);
	assert_true(read_file(path.buf, out));
	unlink(path.buf);
	buf_release(&path);
}

/* Compare got with the golden file name, or rewrite it. */
static void golden(const char *name, const struct buf *got)
{
	struct buf path = BUF_INIT(4096), want = BUF_INIT(64 << 20);
	size_t line = 1, i;

	buf_addf(&path, "%s/%s", GOLDEN_DIR, name);
	if (getenv("UPDATE_GOLDEN") && *getenv("UPDATE_GOLDEN") == '1') {
		FILE *f = fopen(path.buf, "wb");

		assert_non_null(f);
		assert_int_equal(fwrite(got->buf, 1, got->len, f), got->len);
		assert_int_equal(fclose(f), 0);
		goto out;
	}
	if (!read_file(path.buf, &want))
		fail_msg("no golden file %s: run with UPDATE_GOLDEN=1",
			 path.buf);
	for (i = 0; i < got->len && i < want.len; i++) {
		if (got->buf[i] != want.buf[i])
			break;
		if (got->buf[i] == '\n')
			line++;
	}
	if (i < got->len || i < want.len) {
		struct buf gp = BUF_INIT(4096);
		FILE *f;

		tmp_path(&gp, name);
		f = fopen(gp.buf, "wb");
		if (f) {
			fwrite(got->buf, 1, got->len, f);
			fclose(f);
		}
		fail_msg("%s differs from %s at line %zu (output kept in %s)",
			 name, path.buf, line, gp.buf);
	}
out:
	buf_release(&path);
	buf_release(&want);
}

/* ---- text checks ---- */

/* Visible text of an HTML page: no <style>, no tags, entities decoded. */
static void html_visible(const char *html, struct buf *out)
{
	static const struct {
		const char *ent, *ch;
	} ents[] = {
		{ "&amp;", "&" }, { "&lt;", "<" },  { "&gt;", ">" },
		{ "&quot;", "\"" }, { "&#39;", "'" },
	};
	const char *p = html;

	while (*p) {
		if (!strncmp(p, "<style>", 7)) {
			const char *end = strstr(p, "</style>");

			p = end ? end + 8 : p + strlen(p);
			continue;
		}
		if (*p == '<') {
			const char *end = strchr(p, '>');

			p = end ? end + 1 : p + strlen(p);
			buf_addch(out, ' ');
			continue;
		}
		if (*p == '&') {
			size_t k;

			for (k = 0; k < ARRAY_SIZE(ents); k++)
				if (!strncmp(p, ents[k].ent,
					     strlen(ents[k].ent)))
					break;
			if (k < ARRAY_SIZE(ents)) {
				buf_adds(out, ents[k].ch);
				p += strlen(ents[k].ent);
				continue;
			}
		}
		buf_addch(out, *p++);
	}
}

/* Markdown text with backslash escapes removed. */
static void md_visible(const char *md, struct buf *out)
{
	for (const char *p = md; *p; p++) {
		if (*p == '\\' && p[1])
			p++;
		buf_addch(out, *p);
	}
}

/* Words that only English labels would bring into a Welsh report. */
static const char *const english_words[] = {
	"Children", "children", "placement", "Placement", "missing",
	"Missing", "Council", "council", "Places", "places", "Wales",
	"Number", "Percentage", "Distance", "distance", "Outcomes",
	"outcomes", "Stability", "not recorded", "not applicable", "Notes",
	"Indicator", "Value", "Key figures", "Contents", "Reporting year",
	"homes", "Homes", "from", " the ", " and ", " with ", " of ",
	"Source", "Inspectorate", "Published", "Exact", "staff only",
	"Numerator", "Denominator", "under", "more", "Provider", "Private",
	"Voluntary", "Local authority", "days", "miles", "Other",
};

static bool has_letters(const char *s)
{
	int run = 0;

	for (; *s; s++) {
		run = ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z'))
			      ? run + 1 : 0;
		if (run >= 2)
			return true;
	}
	return false;
}

/* No English word, and no English label that differs from its Welsh. */
static void assert_no_english(const char *what, const char *text)
{
	const struct label_set *sets;
	size_t nsets;

	for (size_t i = 0; i < ARRAY_SIZE(english_words); i++)
		if (strstr(text, english_words[i]))
			fail_msg("%s: English \"%s\" in the Welsh output near "
				 "\"%.60s\"", what, english_words[i],
				 strstr(text, english_words[i]));
	sets = report__label_sets(&nsets);
	for (size_t s = 0; s < nsets; s++)
		for (size_t i = 0; i < sets[s].n; i++) {
			const char *en = sets[s].v[i].text[LANG_EN];
			const char *cy = sets[s].v[i].text[LANG_CY];

			if (!strcmp(en, cy) || strlen(en) < 5 ||
			    !has_letters(en))
				continue;
			if (strstr(text, en))
				fail_msg("%s: English label %s.%s \"%s\" in "
					 "the Welsh output", what,
					 sets[s].name, sets[s].v[i].key, en);
		}
}

static bool have_xmllint(void)
{
	return system("command -v xmllint >/dev/null 2>&1") == 0;
}

/*
 * The page parses as HTML (libxml2's parser knows only HTML 4 tags, so
 * "Tag X invalid" is allowed for HTML5 and SVG elements and nothing else)
 * and, being polyglot, as well-formed XML.
 */
static void assert_valid_html(const struct buf *html)
{
	struct buf path = BUF_INIT(4096), cmd = BUF_INIT(8192);
	FILE *f;
	int rc;

	if (!have_xmllint()) {
		fprintf(stderr, "xmllint not installed: HTML not validated\n");
		return;
	}
	tmp_path(&path, "check.html");
	f = fopen(path.buf, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(html->buf, 1, html->len, f), html->len);
	assert_int_equal(fclose(f), 0);

	buf_addf(&cmd, "xmllint --noout '%s'", path.buf);
	rc = system(cmd.buf);
	if (rc)
		fail_msg("the page is not well-formed XML (%s)", cmd.buf);
	buf_reset(&cmd);
	buf_addf(&cmd,
		 "xmllint --html --noout '%s' 2>&1 | grep 'parser error' | "
		 "grep -v -E 'Tag (header|main|nav|section|figure|figcaption|"
		 "footer|svg|desc|rect|line|text|tspan|path|defs|pattern) "
		 "invalid' >&2",
		 path.buf);
	rc = system(cmd.buf);
	if (rc == 0)	/* grep found an error line */
		fail_msg("xmllint --html reported errors (above)");
	unlink(path.buf);
	buf_release(&path);
	buf_release(&cmd);
}

/* The text of the element with id="id" up to its end tag `end`. */
static void element_text(const char *html, const char *id, const char *end,
			 struct buf *out)
{
	struct buf pat = BUF_INIT(256);
	const char *p, *q;

	buf_addf(&pat, "id=\"%s\"", id);
	p = strstr(html, pat.buf);
	if (!p)
		fail_msg("no element with %s", pat.buf);
	q = strstr(p, end);
	assert_non_null(q);
	buf_reset(out);
	buf_add(out, p, (size_t)(q - p));
	buf_release(&pat);
}

/* The CSV line that starts with prefix. */
static void csv_line(const char *csv, const char *prefix, struct buf *out)
{
	const char *p = csv;

	buf_reset(out);
	while (p && *p) {
		const char *nl = strchr(p, '\n');

		if (!strncmp(p, prefix, strlen(prefix))) {
			buf_add(out, p, nl ? (size_t)(nl - p) : strlen(p));
			return;
		}
		p = nl ? nl + 1 : NULL;
	}
	fail_msg("no CSV line starting %s", prefix);
}

/* ---- tests ---- */

static void test_parse(void **state)
{
	enum report_format f;
	enum report_lang l;

	(void)state;
	assert_int_equal(report_format_parse("json", &f), 0);
	assert_int_equal(f, REPORT_JSON);
	assert_int_equal(report_format_parse("csv", &f), 0);
	assert_int_equal(f, REPORT_CSV);
	assert_int_equal(report_format_parse("html", &f), 0);
	assert_int_equal(f, REPORT_HTML);
	assert_int_equal(report_format_parse("md", &f), 0);
	assert_int_equal(f, REPORT_MD);
	assert_int_equal(report_format_parse("xlsx", &f), 0);
	assert_int_equal(f, REPORT_XLSX);
	assert_int_equal(report_format_parse("pdf", &f), ERR_USAGE);
	assert_int_equal(report_format_parse("JSON", &f), ERR_USAGE);
	assert_int_equal(report_format_parse(NULL, &f), ERR_USAGE);
	assert_int_equal(report_lang_parse("en", &l), 0);
	assert_int_equal(l, LANG_EN);
	assert_int_equal(report_lang_parse("cy", &l), 0);
	assert_int_equal(l, LANG_CY);
	assert_int_equal(report_lang_parse("fr", &l), ERR_USAGE);
	assert_int_equal(report_lang_parse("", &l), ERR_USAGE);
	assert_string_equal(report_format_name(REPORT_XLSX), "xlsx");
}

static void test_labels_complete(void **state)
{
	const struct label_set *sets;
	size_t nsets, total = 0;

	(void)state;
	sets = report__label_sets(&nsets);
	for (size_t s = 0; s < nsets; s++)
		for (size_t i = 0; i < sets[s].n; i++) {
			const struct label *l = &sets[s].v[i];

			total++;
			if (!l->key || !l->text[LANG_EN] || !l->text[LANG_CY] ||
			    !*l->text[LANG_EN] || !*l->text[LANG_CY])
				fail_msg("label %s[%zu] (%s) is incomplete",
					 sets[s].name, i,
					 l->key ? l->key : "?");
			if (has_letters(l->text[LANG_EN]) &&
			    !strcmp(l->text[LANG_EN], l->text[LANG_CY]))
				fail_msg("label %s.%s is not translated: "
					 "\"%s\"", sets[s].name, l->key,
					 l->text[LANG_EN]);
		}
	assert_true(total > 200);
	/* figure labels are keyed by the figure's JSON key */
	for (int f = 0; f < FIG_N; f++) {
		assert_true(*report__fig_label(f, LANG_EN));
		assert_true(*report__fig_label(f, LANG_CY));
	}
	/* every row and column the engine produces has a label */
	for (size_t i = 0; i < N(ending_rows); i++)
		assert_non_null(report__row_label(TAB_ENDINGS, ending_rows[i],
						  LANG_CY));
	for (size_t i = 0; i < N(duration_rows); i++)
		assert_non_null(report__row_label(TAB_MISSING_DURATION,
						  duration_rows[i], LANG_CY));
	for (size_t i = 0; i < N(distance_rows); i++)
		assert_non_null(report__row_label(TAB_DISTANCE,
						  distance_rows[i], LANG_CY));
	for (size_t i = 0; i < N(outcome_rows); i++)
		assert_non_null(report__row_label(TAB_OUTCOMES,
						  outcome_rows[i], LANG_CY));
	for (size_t i = 0; i < N(placement_rows); i++)
		assert_non_null(report__row_label(TAB_PLACEMENTS,
						  placement_rows[i], LANG_CY));
	for (size_t i = 0; i < N(ptype_rows); i++)
		assert_non_null(report__row_label(TAB_PROVIDER_TYPES,
						  ptype_rows[i], LANG_CY));
	{
		static const struct {
			enum review_table_id t;
			const char *const *cols;
			size_t n;
		} tabs[] = {
			{ TAB_COUNCILS, council_cols, N(council_cols) },
			{ TAB_PROVIDER_TYPES, ptype_cols, N(ptype_cols) },
			{ TAB_HOMES, home_cols, N(home_cols) },
			{ TAB_PLACEMENTS, placement_cols, N(placement_cols) },
			{ TAB_ENDINGS, ending_cols, N(ending_cols) },
			{ TAB_MISSING_TREND, trend_cols, N(trend_cols) },
			{ TAB_MISSING_DURATION, duration_cols,
			  N(duration_cols) },
			{ TAB_DISTANCE, distance_cols, N(distance_cols) },
			{ TAB_OUTCOMES, outcome_cols, N(outcome_cols) },
		};

		for (size_t t = 0; t < N(tabs); t++)
			for (size_t c = 0; c < tabs[t].n; c++)
				for (int l = 0; l < REPORT_NLANGS; l++) {
					const char *s = report__col_label(
						tabs[t].t, tabs[t].cols[c], l);

					if (!strcmp(s, tabs[t].cols[c]))
						fail_msg("column %s.%s has no "
							 "label",
							 report__table_key(
								 tabs[t].t),
							 tabs[t].cols[c]);
				}
	}
}

/* Excel: at most 31 characters, none of []:*?/\ */
static void test_sheet_names(void **state)
{
	(void)state;
	for (int l = 0; l < REPORT_NLANGS; l++) {
		for (int s = 0; s < SHEET_N; s++) {
			const char *name = report__sheet_name(s, l);

			/* "Table_" and up to 3 digits */
			assert_true(strlen(name) + 3 <= 31);
			assert_null(strpbrk(name, "[]:*?/\\ "));
		}
	}
}

static void expect_cell(enum fig_kind kind, double v, unsigned flags,
			enum report_lang lang, const char *want)
{
	struct review_cell c = { kind, v, -1, -1, flags };
	struct buf b = BUF_INIT(256);

	report__fmt_cell(&b, &c, lang);
	if (strcmp(b.buf, want))
		fail_msg("fmt_cell(%d, %g, %u) gave \"%s\", expected \"%s\"",
			 (int)kind, v, flags, b.buf, want);
	buf_release(&b);
}

static void test_format(void **state)
{
	struct buf b = BUF_INIT(256);
	static const struct {
		long long n;
		const char *s;
	} ints[] = {
		{ 0, "0" },	      { 7, "7" },	      { 999, "999" },
		{ 1000, "1,000" },    { 6440, "6,440" },    { -1234, "-1,234" },
		{ 123456, "123,456" }, { 1234567, "1,234,567" },
	};

	(void)state;
	for (size_t i = 0; i < N(ints); i++) {
		buf_reset(&b);
		report__fmt_int(&b, ints[i].n);
		assert_string_equal(b.buf, ints[i].s);
	}
	expect_cell(FIG_COUNT, 6440, 0, LANG_EN, "6,440");
	expect_cell(FIG_COUNT, 6440, 0, LANG_CY, "6,440");
	expect_cell(FIG_PERCENT, 12.345, 0, LANG_EN, "12.3%");
	expect_cell(FIG_PERCENT, -0.01, 0, LANG_EN, "0.0%");
	expect_cell(FIG_RATIO, 4.7, 0, LANG_EN, "4.70");
	expect_cell(FIG_MEAN, 3.25, 0, LANG_EN, "3.2");
	expect_cell(FIG_MEDIAN, 6, 0, LANG_EN, "6.0");
	expect_cell(FIG_PERCENT, NAN, 0, LANG_EN, "\xe2\x80\x93");
	expect_cell(FIG_COUNT, 3, CELL_SUPPRESSED, LANG_EN, "*");
	expect_cell(FIG_COUNT, 3, CELL_NA, LANG_EN, "n/a");
	expect_cell(FIG_COUNT, 3, CELL_NA, LANG_CY, "amh.");
	expect_cell(FIG_DATE, date_from_ymd(2019, 1, 5), 0, LANG_EN,
		    "05/01/2019");
	expect_cell(FIG_DATE, DATE_NONE, 0, LANG_EN, "not recorded");
	expect_cell(FIG_DATE, DATE_NONE, 0, LANG_CY, "heb ei gofnodi");
	expect_cell(FIG_DATE, NAN, 0, LANG_EN, "not recorded");

	buf_reset(&b);
	report__fmt_period(&b, 2019, LANG_EN);
	assert_string_equal(b.buf, "1 April 2018 to 31 March 2019");
	buf_reset(&b);
	report__fmt_period(&b, 2019, LANG_CY);
	assert_string_equal(b.buf, "1 Ebrill 2018 i 31 Mawrth 2019");
	buf_reset(&b);
	report__fmt_year(&b, 2019);
	assert_string_equal(b.buf, "2018-19");
	buf_reset(&b);
	report__fmt_year(&b, 2000);
	assert_string_equal(b.buf, "1999-00");
	buf_release(&b);
}

static void test_html_escape(void **state)
{
	struct buf b = BUF_INIT(256);

	(void)state;
	html_text(&b, NASTY_NAME);
	assert_string_equal(b.buf,
			    "Barnardo&#39;s &lt;b&gt;&amp;&quot;&#39; Hafan");
	buf_reset(&b);
	html_attr(&b, "a\"b\x01<script>");
	assert_string_equal(b.buf, "a&quot;b&lt;script&gt;");
	buf_reset(&b);
	html_text(&b, "Ynys M\xc3\xb4n");
	assert_string_equal(b.buf, "Ynys M\xc3\xb4n");
	buf_reset(&b);
	html_url_arg(&b, "a b/\"<x>&?=\xc3\xb4-_.~Z9");
	assert_string_equal(b.buf,
			    "a%20b%2F%22%3Cx%3E%26%3F%3D%C3%B4-_.~Z9");
	buf_release(&b);
}

static void test_json(void **state)
{
	struct review *r = make_review();
	struct buf out = BUF_INIT(64 << 20);
	json_error_t jerr;
	json_t *root, *ind, *tabs, *rows, *row, *fig;
	size_t want = 0;

	(void)state;
	render(r, REPORT_JSON, LANG_EN, &out);
	golden("review.json", &out);

	root = json_loadb(out.buf, out.len, 0, &jerr);
	if (!root)
		fail_msg("JSON does not parse: %d: %s", jerr.line, jerr.text);
	assert_int_equal(json_integer_value(json_object_get(root,
							    "cartref_review")),
			 1);
	assert_int_equal(json_integer_value(json_object_get(root, "year")),
			 2019);
	assert_string_equal(json_string_value(json_object_get(
				    json_object_get(root, "period"), "start")),
			    "2018-04-01");
	assert_true(json_is_false(json_object_get(root, "published")));
	ind = json_object_get(root, "indicators");
	for (int f = 0; f < FIG_N; f++)
		if (!report__cell_na(&r->fig[f]))
			want++;
	assert_int_equal(json_object_size(ind), want);
	assert_null(json_object_get(ind, "stability.long_term"));
	/* numbers are numbers; undefined is null */
	fig = json_object_get(ind, "places.homes_open");
	assert_true(json_is_integer(json_object_get(fig, "value")));
	assert_null(json_object_get(fig, "denominator"));
	fig = json_object_get(ind, "missing.percent_of_looked_after");
	assert_true(json_is_real(json_object_get(fig, "value")));
	assert_true(json_is_integer(json_object_get(fig, "numerator")));
	assert_true(json_is_integer(json_object_get(fig, "denominator")));
	fig = json_object_get(ind, "missing.median_days");
	assert_true(json_is_null(json_object_get(fig, "value")));
	assert_null(json_object_get(fig, "suppressed"));
	tabs = json_object_get(root, "tables");
	assert_int_equal(json_object_size(tabs), TAB_N);
	rows = json_object_get(json_object_get(tabs, "councils"), "rows");
	assert_int_equal(json_array_size(rows), 3);
	row = json_array_get(rows, 0);
	assert_string_equal(json_string_value(json_object_get(row, "name_cy")),
			    "Ynys M\xc3\xb4n");
	rows = json_object_get(json_object_get(tabs, "endings"), "rows");
	assert_string_equal(json_string_value(json_object_get(
				    json_array_get(rows, 0), "name_cy")),
			    "Newid i'r cynllun gofal neu ei weithredu");
	rows = json_object_get(json_object_get(tabs, "homes"), "rows");
	row = json_array_get(rows, 1);
	assert_string_equal(json_string_value(json_object_get(row, "name_en")),
			    NASTY_NAME);
	assert_string_equal(json_string_value(json_object_get(row, "council")),
			    "W06000015");
	json_decref(root);
	buf_release(&out);
	free_review(r);
}

static void test_csv(void **state)
{
	struct review *r = make_review();
	struct buf out = BUF_INIT(64 << 20), line = BUF_INIT(1024);

	(void)state;
	render(r, REPORT_CSV, LANG_EN, &out);
	golden("review-en.csv", &out);
	csv_line(out.buf, "indicators,places.homes_open,", &line);
	assert_string_equal(line.buf,
			    "indicators,places.homes_open,Children's homes "
			    "open at 31 March,,,count,1000,1000,,");
	csv_line(out.buf, "homes,W0005678,", &line);
	assert_non_null(strstr(line.buf, "\"Barnardo's <b>&\"\"' Hafan\""));
	render(r, REPORT_CSV, LANG_CY, &out);
	golden("review-cy.csv", &out);
	csv_line(out.buf, "councils,W06000001,", &line);
	assert_non_null(strstr(line.buf, "Ynys M\xc3\xb4n"));
	buf_release(&out);
	buf_release(&line);
	free_review(r);
}

static void test_md(void **state)
{
	struct review *r = make_review();
	struct buf out = BUF_INIT(64 << 20), vis = BUF_INIT(64 << 20);

	(void)state;
	render(r, REPORT_MD, LANG_EN, &out);
	golden("review-en.md", &out);
	assert_non_null(strstr(out.buf, "Barnardo's \\<b\\>\\&\"' Hafan"));
	assert_null(strstr(out.buf, "<b>"));
	render(r, REPORT_MD, LANG_CY, &out);
	golden("review-cy.md", &out);
	md_visible(out.buf, &vis);
	assert_no_english("review-cy.md", vis.buf);
	buf_release(&out);
	buf_release(&vis);
	free_review(r);
}

static const char *const chart_ids[] = {
	"missing-trend", "placements", "distance", "council-places",
	"missing-map",
};

static const char *const table_ids[] = {
	"table-provider-types", "table-endings", "table-missing-duration",
	"table-outcomes", "table-councils", "table-homes",
};

static void check_html(const struct review *r, enum report_lang lang,
		       struct buf *out)
{
	struct buf id = BUF_INIT(256), el = BUF_INIT(1 << 20);

	render(r, REPORT_HTML, lang, out);
	assert_valid_html(out);
	assert_true(!strncmp(out->buf, "<!DOCTYPE html>\n<html lang=\"", 28));
	assert_non_null(strstr(out->buf, lang == LANG_CY ? "lang=\"cy\""
							  : "lang=\"en\""));
	assert_null(strstr(out->buf, "<script"));
	assert_null(strstr(out->buf, "src="));
	assert_null(strstr(out->buf, "<link"));
	assert_null(strstr(out->buf, "@import"));
	for (size_t i = 0; i < N(chart_ids); i++) {
		/* each chart: a figure with an svg, and its own table */
		buf_reset(&id);
		buf_addf(&id, "chart-%s", chart_ids[i]);
		element_text(out->buf, id.buf, "</figure>", &el);
		if (!strstr(el.buf, "<svg") ||
		    !strstr(el.buf, "role=\"img\"") ||
		    !strstr(el.buf, "<title") || !strstr(el.buf, "<desc"))
			fail_msg("chart %s has no accessible svg", id.buf);
		buf_reset(&id);
		buf_addf(&id, "table-%s", chart_ids[i]);
		element_text(out->buf, id.buf, "</table>", &el);
		assert_non_null(strstr(el.buf, "<caption"));
		assert_non_null(strstr(el.buf, "<th scope=\"row\">"));
	}
	for (size_t i = 0; i < N(table_ids); i++) {
		element_text(out->buf, table_ids[i], "</table>", &el);
		assert_non_null(strstr(el.buf, "<caption"));
		assert_non_null(strstr(el.buf, "<th scope=\"col\""));
	}
	/* the map: one path per council, Swansea hatched, legend says so */
	element_text(out->buf, "chart-missing-map", "</figure>", &el);
	assert_non_null(strstr(el.buf, "url(#chart-missing-map-hatch)"));
	assert_non_null(strstr(el.buf, lang == LANG_CY ? "Abertawe: "
							: "Swansea: "));
	buf_reset(&id);
	html_text(&id, report__ui(UI_LEGEND_NO_DATA, lang));
	assert_non_null(strstr(el.buf, id.buf));
	/* escaping */
	assert_non_null(strstr(out->buf, "Barnardo&#39;s &lt;b&gt;&amp;"
					 "&quot;&#39; Hafan"));
	assert_null(strstr(out->buf, "<b>"));
	buf_release(&id);
	buf_release(&el);
}

static void test_html_en(void **state)
{
	struct review *r = make_review();
	struct buf out = BUF_INIT(64 << 20), el = BUF_INIT(1 << 20);

	(void)state;
	check_html(r, LANG_EN, &out);
	assert_non_null(strstr(out.buf, "National review of children&#39;s "
					"homes"));
	assert_non_null(strstr(out.buf, "1 April 2018 to 31 March 2019"));
	assert_non_null(strstr(out.buf, "class=\"banner staff\""));
	assert_non_null(strstr(out.buf, "@media print"));
	element_text(out.buf, "fig-places.places", "</tr>", &el);
	assert_non_null(strstr(el.buf, ">1,137<"));	/* 1000 + 1 * 137 */
	element_text(out.buf, "table-homes", "</table>", &el);
	assert_non_null(strstr(el.buf, "not recorded"));
	assert_non_null(strstr(el.buf, "E06000001"));	/* unknown council */
	buf_release(&out);
	buf_release(&el);
	free_review(r);
}

static void test_html_cy(void **state)
{
	struct review *r = make_review();
	struct buf out = BUF_INIT(64 << 20), vis = BUF_INIT(64 << 20);

	(void)state;
	check_html(r, LANG_CY, &out);
	assert_non_null(strstr(out.buf, "Adolygiad cenedlaethol o gartrefi "
					"plant"));
	assert_non_null(strstr(out.buf, "1 Ebrill 2018 i 31 Mawrth 2019"));
	assert_non_null(strstr(out.buf, "Ynys M\xc3\xb4n"));
	html_visible(out.buf, &vis);
	assert_no_english("review-cy.html", vis.buf);
	buf_release(&out);
	buf_release(&vis);
	free_review(r);
}

static void test_published(void **state)
{
	struct review *r = make_published();
	struct buf out = BUF_INIT(64 << 20), el = BUF_INIT(1 << 20);
	json_error_t jerr;
	json_t *root, *fig, *cells;

	(void)state;
	/* HTML: "*" and never the value; the rounding note */
	check_html(r, LANG_EN, &out);
	assert_non_null(strstr(out.buf, "class=\"banner published\""));
	assert_non_null(strstr(out.buf, "rounded to the nearest 5"));
	element_text(out.buf, "fig-missing.children", "</tr>", &el);
	assert_non_null(strstr(el.buf, ">*<"));
	assert_null(strstr(el.buf, ">3<"));
	element_text(out.buf, "fig-missing.repeat_children", "</tr>", &el);
	assert_null(strstr(el.buf, ">2<"));
	assert_null(strstr(el.buf, ">7<"));
	assert_null(strstr(el.buf, "28.6"));
	/* 13 of 54 (24.1%) is published as 15 of 55: 27.3% */
	element_text(out.buf, "fig-missing.percent_of_looked_after", "</tr>",
		     &el);
	assert_non_null(strstr(el.buf, ">27.3%<"));
	assert_non_null(strstr(el.buf, ">15<"));
	assert_non_null(strstr(el.buf, ">55<"));
	assert_null(strstr(el.buf, "24.1"));
	/* the register: 1,137 places, not rounded */
	element_text(out.buf, "fig-places.places", "</tr>", &el);
	assert_non_null(strstr(el.buf, ">1,137<"));

	/* JSON: null, flagged, no numerator */
	render(r, REPORT_JSON, LANG_EN, &out);
	root = json_loadb(out.buf, out.len, 0, &jerr);
	assert_non_null(root);
	assert_true(json_is_true(json_object_get(root, "published")));
	fig = json_object_get(json_object_get(root, "indicators"),
			      "missing.children");
	assert_true(json_is_null(json_object_get(fig, "value")));
	assert_true(json_is_true(json_object_get(fig, "suppressed")));
	assert_null(json_object_get(fig, "numerator"));
	fig = json_object_get(json_object_get(root, "indicators"),
			      "places.places");
	assert_null(json_object_get(fig, "rounded"));
	assert_int_equal(json_integer_value(json_object_get(fig, "value")),
			 1137);
	fig = json_object_get(json_object_get(root, "indicators"),
			      "missing.periods");
	assert_true(json_is_true(json_object_get(fig, "rounded")));
	assert_int_equal(json_integer_value(json_object_get(fig, "value")),
			 3330);
	cells = json_object_get(
		json_array_get(json_object_get(json_object_get(json_object_get(
						       root, "tables"),
							       "councils"),
					       "rows"),
			       1),
		"cells");
	fig = json_object_get(cells, "missing_children");
	assert_true(json_is_null(json_object_get(fig, "value")));
	assert_null(json_object_get(fig, "numerator"));
	json_decref(root);

	/* CSV and Markdown */
	render(r, REPORT_CSV, LANG_EN, &out);
	golden("review-published.csv", &out);
	csv_line(out.buf, "indicators,missing.children,", &el);
	assert_string_equal(el.buf, "indicators,missing.children,Children who "
				    "went missing,,,count,*,,,suppressed");
	csv_line(out.buf, "indicators,missing.repeat_children,", &el);
	assert_non_null(strstr(el.buf, ",percent,*,,,suppressed"));
	render(r, REPORT_MD, LANG_EN, &out);
	assert_non_null(strstr(out.buf, "| Children who went missing | \\* | "
					" |  |"));
	assert_non_null(strstr(out.buf, "three or more times | \\* | \\* | "
					"\\* |"));
	buf_release(&out);
	buf_release(&el);
	free_review(r);
}

static void set_count(struct review_cell *c, long n, unsigned flags)
{
	*c = (struct review_cell){ FIG_COUNT, (double)n, n, -1, flags };
}

static void set_pct(struct review_cell *c, double v, unsigned flags)
{
	*c = (struct review_cell){ FIG_PERCENT, v, 10, 100, flags };
}

/* Key point i of r in lang, or "" when there is none. */
static const char *point(const struct review *r, size_t i,
			 enum report_lang lang, struct buf *b)
{
	buf_reset(b);
	report__key_point(r, i, lang, b);
	return b->buf;
}

/* The key points, each sentence worked out by hand. */
static void test_key_points(void **state)
{
	struct review *r = xcalloc(1, sizeof(*r));
	struct buf b = BUF_INIT(1024);

	(void)state;
	r->year = 2019;
	r->prev_year = 2018;
	r->published = true;
	for (int f = 0; f < FIG_N; f++) {
		set_count(&r->fig[f], 0, CELL_NA);
		set_count(&r->prev[f], 0, CELL_NA);
	}
	/* 6,130 -> 6,440: 310 / 6,130 = 5.057% */
	set_count(&r->prev[FIG_CLA_31MAR], 6130, CELL_ROUNDED);
	set_count(&r->fig[FIG_CLA_31MAR], 6440, CELL_ROUNDED);
	/* the same both years */
	set_count(&r->prev[FIG_IN_HOMES], 415, CELL_ROUNDED);
	set_count(&r->fig[FIG_IN_HOMES], 415, CELL_ROUNDED);
	/* from none: no percentage */
	set_count(&r->prev[FIG_HOMES_OPEN], 0, CELL_PUBLIC);
	set_count(&r->fig[FIG_HOMES_OPEN], 5, CELL_PUBLIC);
	/* the year before suppressed: never spoken of */
	set_count(&r->prev[FIG_PLACES], -1, CELL_SUPPRESSED);
	r->prev[FIG_PLACES].value = NAN;
	set_count(&r->fig[FIG_PLACES], 774, CELL_PUBLIC);
	/* this year suppressed: no point at all */
	set_count(&r->prev[FIG_MISSING_CHILDREN], 590, CELL_ROUNDED);
	set_count(&r->fig[FIG_MISSING_CHILDREN], -1, CELL_SUPPRESSED);
	r->fig[FIG_MISSING_CHILDREN].value = NAN;
	/* 2,575 -> 2,210: -365 / 2,575 = -14.17% */
	set_count(&r->prev[FIG_MISSING_PERIODS], 2575, CELL_ROUNDED);
	set_count(&r->fig[FIG_MISSING_PERIODS], 2210, CELL_ROUNDED);
	/* percentages as printed, 12.94 is 12.9: 0.7 points */
	set_pct(&r->prev[FIG_PLACEMENTS_3PLUS], 12.94, 0);
	set_pct(&r->fig[FIG_PLACEMENTS_3PLUS], 12.2, 0);
	/* 15.04 and 14.96 are both 15.0% */
	set_pct(&r->prev[FIG_DIST_OVER_20], 15.04, 0);
	set_pct(&r->fig[FIG_DIST_OVER_20], 14.96, 0);

	assert_int_equal(report__nkey_points(), 8);
	assert_string_equal(point(r, 0, LANG_EN, &b),
			    "The number of children looked after at 31 March "
			    "rose from 6,130 to 6,440 (up 5.1%).");
	assert_string_equal(point(r, 0, LANG_CY, &b),
			    "Cododd nifer y plant sy'n derbyn gofal ar 31 "
			    "Mawrth o 6,130 i 6,440 (cynnydd o 5.1%).");
	assert_string_equal(point(r, 1, LANG_EN, &b),
			    "The number of children in children's homes at 31 "
			    "March was unchanged at 415.");
	assert_string_equal(point(r, 1, LANG_CY, &b),
			    "Arhosodd nifer y plant mewn cartrefi plant ar 31 "
			    "Mawrth yr un fath, sef 415.");
	assert_string_equal(point(r, 2, LANG_EN, &b),
			    "The number of children's homes open at 31 March "
			    "rose from 0 to 5.");
	assert_string_equal(point(r, 2, LANG_CY, &b),
			    "Cododd nifer y cartrefi plant a oedd ar agor ar "
			    "31 Mawrth o 0 i 5.");
	assert_string_equal(point(r, 3, LANG_EN, &b),
			    "The number of registered places in children's "
			    "homes was 774.");
	assert_string_equal(point(r, 3, LANG_CY, &b),
			    "Roedd nifer y lleoedd cofrestredig mewn cartrefi "
			    "plant yn 774.");
	buf_reset(&b);
	assert_int_equal(report__key_point(r, 4, LANG_EN, &b), -1);
	assert_int_equal(b.len, 0);
	assert_string_equal(point(r, 5, LANG_EN, &b),
			    "The number of periods missing from care fell "
			    "from 2,575 to 2,210 (down 14.2%).");
	assert_string_equal(point(r, 5, LANG_CY, &b),
			    "Gostyngodd nifer y cyfnodau ar goll o ofal o "
			    "2,575 i 2,210 (gostyngiad o 14.2%).");
	assert_string_equal(point(r, 6, LANG_EN, &b),
			    "The percentage of children looked after at 31 "
			    "March who had three or more placements during the "
			    "year fell from 12.9% to 12.2% (down 0.7 percentage "
			    "points).");
	assert_string_equal(point(r, 6, LANG_CY, &b),
			    "Gostyngodd canran y plant sy'n derbyn gofal ar 31 "
			    "Mawrth a gafodd dri lleoliad neu fwy yn ystod y "
			    "flwyddyn o 12.9% i 12.2% (gostyngiad o 0.7 pwynt "
			    "canran).");
	assert_string_equal(point(r, 7, LANG_EN, &b),
			    "The percentage of children looked after at 31 "
			    "March placed more than 20 miles from home was "
			    "unchanged at 15.0%.");
	assert_string_equal(point(r, 7, LANG_CY, &b),
			    "Arhosodd canran y plant sy'n derbyn gofal ar 31 "
			    "Mawrth a leolwyd fwy nag 20 milltir o'u cartref "
			    "yr un fath, sef 15.0%.");
	buf_reset(&b);
	report__key_points_intro(r, LANG_CY, &b);
	assert_string_equal(b.buf, "Ffigurau ar gyfer 2018-19, o'u cymharu "
				   "\xc3\xa2 2017-18.");
	/* 20,000 -> 20,005: 0.025% */
	set_count(&r->prev[FIG_CLA_31MAR], 20000, 0);
	set_count(&r->fig[FIG_CLA_31MAR], 20005, 0);
	assert_string_equal(point(r, 0, LANG_EN, &b),
			    "The number of children looked after at 31 March "
			    "rose from 20,000 to 20,005 (up less than 0.1%).");
	assert_string_equal(point(r, 0, LANG_CY, &b),
			    "Cododd nifer y plant sy'n derbyn gofal ar 31 "
			    "Mawrth o 20,000 i 20,005 (cynnydd o lai na "
			    "0.1%).");
	/* no year before: the level alone */
	r->prev_year = 0;
	assert_string_equal(point(r, 5, LANG_EN, &b),
			    "The number of periods missing from care was "
			    "2,210.");
	assert_string_equal(point(r, 6, LANG_CY, &b),
			    "Roedd canran y plant sy'n derbyn gofal ar 31 "
			    "Mawrth a gafodd dri lleoliad neu fwy yn ystod y "
			    "flwyddyn yn 12.2%.");
	buf_reset(&b);
	report__key_points_intro(r, LANG_EN, &b);
	assert_string_equal(b.buf, "Figures for 2018-19.");
	buf_release(&b);
	free(r);
}

/* Write text to a file in tmpdir, load it as a release file. */
static int load_release(const char *text, struct report_release *rel,
			struct err *err)
{
	struct buf path = BUF_INIT(4096);
	FILE *f;
	int rc;

	tmp_path(&path, "release.txt");
	f = fopen(path.buf, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
	err_clear(err);
	rc = report_release_load(rel, path.buf, err);
	unlink(path.buf);
	buf_release(&path);
	return rc;
}

/* The release metadata: keys, values, a file, its errors. */
static void test_release(void **state)
{
	struct report_release rel, before;
	struct err err = ERR_INIT;

	(void)state;
	report_release_init(&rel);
	assert_int_equal(rel.date, DATE_NONE);
	assert_int_equal(rel.status, REPORT_STATUS_MANAGEMENT);
	assert_string_equal(report__producer(&rel, LANG_CY),
			    "Arolygiaeth Gofal Cymru");
	assert_string_equal(report__contact_name(&rel, LANG_EN),
			    "Care Inspectorate Wales");
	assert_true(strchr(rel.contact_email, '@') != NULL);
	/* one key at a time, '-' for '_' */
	assert_int_equal(report_release_set(&rel, "status",
					    "official-statistics-in-development",
					    &err), 0);
	assert_int_equal(rel.status, REPORT_STATUS_IN_DEVELOPMENT);
	assert_string_equal(report_status_key(rel.status),
			    "official_statistics_in_development");
	assert_int_equal(report_release_set(&rel, "next-update", "2027-03",
					    &err), 0);
	assert_true(rel.next_update_month);
	assert_int_equal(rel.next_update, date_from_ymd(2027, 3, 1));
	assert_int_equal(report_release_set(&rel, "next_update", "2027-03-18",
					    &err), 0);
	assert_false(rel.next_update_month);
	assert_int_equal(report_release_set(&rel, "producer",
					    "Care Inspectorate Wales "
					    "statistics", &err), 0);
	/* given in English only: the same in Welsh */
	assert_string_equal(report__producer(&rel, LANG_CY),
			    "Care Inspectorate Wales statistics");
	/* refused, each with its rule */
	static const struct {
		const char *key, *value, *rule;
	} bad[] = {
		{ "date", "10/12/2026", "release-date" },
		{ "date", "2026-02-30", "release-date" },
		{ "date", "2026-12", "release-date" },
		{ "next_update", "2027-13", "release-date" },
		{ "next_update", "2027-1", "release-date" },
		{ "status", "official", "release-status" },
		{ "contact_email", "no at sign", "release-email" },
		{ "contact_email", "a@b", "release-email" },
		{ "contact_email", "a@b.c\"<x>", "release-email" },
		{ "producer", "", "release-text" },
		{ "producer", "tab\there", "release-text" },
		{ "producer", "\xff\xfe", "release-text" },
		/* issue 10, item 10: base/utf8.h's rule */
		{ "producer", "CIW \xE2\x80\xAE", "release-text" },
		{ "producer", "a surrogate \xED\xA0\x80", "release-text" },
		{ "producer", "C1 \xC2\x85", "release-text" },
		{ "colour", "blue", "release-key" },
	};
	for (size_t i = 0; i < N(bad); i++) {
		before = rel;
		err_clear(&err);
		if (report_release_set(&rel, bad[i].key, bad[i].value,
				       &err) != ERR_INVALID ||
		    strncmp(err_text(&err), bad[i].rule, strlen(bad[i].rule)))
			fail_msg("%s = \"%s\": wanted %s, got \"%s\"",
				 bad[i].key, bad[i].value, bad[i].rule,
				 err_text(&err));
		assert_memory_equal(&rel, &before, sizeof(rel));
	}
	/* a file: comments, blank lines, spaces, CRLF */
	report_release_init(&rel);
	assert_int_equal(load_release("# the 2026 release\n\n"
				      "date = 2026-12-10\r\n"
				      "  status=accredited_official_statistics\n"
				      "contact_name = Ystadegau  \n"
				      "contact_email = stats@example.org\n"
				      "next_update = 2027-12\n",
				      &rel, &err), 0);
	assert_int_equal(rel.date, date_from_ymd(2026, 12, 10));
	assert_int_equal(rel.status, REPORT_STATUS_ACCREDITED);
	assert_string_equal(rel.contact_name[LANG_EN], "Ystadegau");
	/* all or nothing, FILE:LINE:COLUMN: RULE */
	static const struct {
		const char *text, *where;
	} badf[] = {
		{ "date = 2026-12-10\nstatus = nope\n", ":2:10: release-status" },
		{ "date = 2026-12-10\ndate = 2026-12-11\n",
		  ":2:1: release-duplicate" },
		{ "status\n", ":1:7: release-syntax" },
		{ "\n\n  colour = blue\n", ":3:3: release-key" },
		{ "producer =\n", ":1:11: release-text" },
	};
	for (size_t i = 0; i < N(badf); i++) {
		before = rel;
		if (load_release(badf[i].text, &rel, &err) != ERR_INVALID ||
		    !strstr(err_text(&err), badf[i].where))
			fail_msg("release file %zu: wanted %s, got \"%s\"", i,
				 badf[i].where, err_text(&err));
		assert_memory_equal(&rel, &before, sizeof(rel));
	}
	err_clear(&err);
	assert_int_equal(report_release_load(&rel, "/nonexistent/release",
					     &err), ERR_IO);
}

static void test_xlsx(void **state)
{
	struct review *r = make_review();
	struct buf path = BUF_INIT(4096), out = BUF_INIT(64 << 20);
	struct err err = ERR_INIT;

	(void)state;
	for (int l = 0; l < REPORT_NLANGS; l++) {
		tmp_path(&path, l ? "review-cy.xlsx" : "review-en.xlsx");
		if (report_render(r, REPORT_XLSX, l, path.buf, &err))
			fail_msg("xlsx: %s", err_text(&err));
		buf_reset(&out);
		assert_true(read_file(path.buf, &out));
		assert_true(out.len > 5000);
		assert_memory_equal(out.buf, "PK\x03\x04", 4);
		unlink(path.buf);
	}
	assert_int_equal(report_render(r, REPORT_XLSX, LANG_EN, "-", &err),
			 ERR_USAGE);
	err_clear(&err);
	assert_int_equal(report_render(r, REPORT_XLSX, LANG_EN, NULL, &err),
			 ERR_USAGE);
	buf_release(&path);
	buf_release(&out);
	free_review(r);
}

/* A home: empty tables render as "no data", and nothing breaks. */
static void test_home_scope(void **state)
{
	struct review *r = make_home_review();
	struct buf out = BUF_INIT(64 << 20), path = BUF_INIT(4096);
	struct err err = ERR_INIT;
	json_error_t jerr;
	json_t *root;

	(void)state;
	render(r, REPORT_HTML, LANG_CY, &out);
	assert_valid_html(&out);
	assert_non_null(strstr(out.buf, "Dim data ar gyfer yr ardal hon."));
	assert_non_null(strstr(out.buf, "id=\"chart-missing-trend\""));
	assert_null(strstr(out.buf, "id=\"chart-placements\""));
	assert_non_null(strstr(out.buf, "(Cyfeirnod W0001234)"));
	render(r, REPORT_JSON, LANG_EN, &out);
	root = json_loadb(out.buf, out.len, 0, &jerr);
	assert_non_null(root);
	assert_string_equal(json_string_value(json_object_get(
				    json_object_get(root, "scope"), "kind")),
			    "home");
	assert_int_equal(json_array_size(json_object_get(
				 json_object_get(json_object_get(root,
								 "tables"),
						 "councils"),
				 "rows")),
			 0);
	json_decref(root);
	render(r, REPORT_MD, LANG_EN, &out);
	assert_non_null(strstr(out.buf, "_No data for this area._"));
	render(r, REPORT_CSV, LANG_CY, &out);
	tmp_path(&path, "home.xlsx");
	if (report_render(r, REPORT_XLSX, LANG_CY, path.buf, &err))
		fail_msg("xlsx: %s", err_text(&err));
	unlink(path.buf);
	buf_release(&out);
	buf_release(&path);
	free_review(r);
}

/* Without the boundary file the page says so and is still valid. */
/* The pieces other renderers use (report.h): the report's own layout. */
static void test_pieces(void **state)
{
	struct review *r = make_review();
	struct review empty;
	struct buf b = BUF_INIT(16 << 20);
	struct err err = ERR_INIT;
	int seen[REPORT_CHART_N] = { 0 };
	char tmp[16];

	(void)state;
	/* every chart in exactly one group, every block's table labelled */
	for (int g = 0; g < GROUP_NGROUPS; g++) {
		size_t n;
		const struct report_block *blk = report_group_blocks(g, &n);

		for (size_t i = 0; i < n; i++) {
			assert_non_null(blk[i].name);
			assert_true((unsigned)blk[i].tab < TAB_N);
			if (blk[i].chart >= 0) {
				assert_true(blk[i].chart < REPORT_CHART_N);
				seen[blk[i].chart]++;
			}
		}
	}
	for (int c = 0; c < REPORT_CHART_N; c++) {
		assert_int_equal(seen[c], 1);
		assert_string_not_equal(report_chart_title(c, LANG_EN),
					report_chart_title(c, LANG_CY));
		/* inline SVG: colours as attributes, never a style */
		buf_reset(&b);
		assert_int_equal(report_svg(&b, r, c, LANG_EN, &err), 0);
		assert_true(!strncmp(b.buf, "<svg ", 5));
		assert_non_null(strstr(b.buf, "role=\"img\""));
		assert_non_null(strstr(b.buf, " fill=\""));
		assert_null(strstr(b.buf, "style"));
	}
	/* nothing to draw: nothing appended, no error */
	memset(&empty, 0, sizeof(empty));
	buf_reset(&b);
	for (int c = 0; c < REPORT_CHART_N; c++)
		assert_int_equal(report_svg(&b, &empty, c, LANG_CY, &err), 0);
	assert_int_equal(b.len, 0);
	/* the same words and numbers as the report */
	assert_string_equal(report_fig_label(FIG_PLACES, LANG_CY),
			    report__fig_label(FIG_PLACES, LANG_CY));
	assert_string_equal(report_provider_type_label("voluntary", LANG_CY),
			    "Gwirfoddol");
	assert_null(report_provider_type_label("nope", LANG_EN));
	assert_string_equal(report_row_name(r, TAB_COUNCILS, 0, LANG_CY, tmp,
					    sizeof(tmp)),
			    r->tab[TAB_COUNCILS].row_names_cy[0]);
	buf_reset(&b);
	report_fmt_cell(&b, &r->fig[FIG_PLACES], LANG_EN);
	assert_string_equal(b.buf, "1,137");
	buf_reset(&b);
	report_fmt_year(&b, 2019);
	assert_string_equal(b.buf, "2018-19");
	buf_release(&b);
	free_review(r);
}

static void test_map_unavailable(void **state)
{
	struct review *r = make_review();
	struct buf out = BUF_INIT(64 << 20);
	const char *old = getenv("CARTREF_DATA");
	char *saved = old ? xstrdup(old) : NULL;

	(void)state;
	setenv("CARTREF_DATA", tmpdir, 1);
	render(r, REPORT_HTML, LANG_EN, &out);
	if (saved)
		setenv("CARTREF_DATA", saved, 1);
	else
		unsetenv("CARTREF_DATA");
	free(saved);
	assert_valid_html(&out);
	assert_non_null(strstr(out.buf, "The map could not be drawn"));
	assert_null(strstr(out.buf, tmpdir));	/* no local paths */
	assert_non_null(strstr(out.buf, "id=\"table-missing-map\""));
	buf_release(&out);
	free_review(r);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* England's scale: 153 councils and 3,000 homes in well under a second. */
static void test_scale(void **state)
{
	struct review *r = make_review();
	struct buf out = BUF_INIT(256 << 20), s = BUF_INIT(64);
	struct review_table *t;
	char **keys, **names;
	double t0, secs, limit = 1.0;

	(void)state;
#if defined(__SANITIZE_ADDRESS__)
	limit = 10.0;
#endif
	/* councils */
	t = &r->tab[TAB_COUNCILS];
	free_list(t->row_keys, t->nrows);
	free_list(t->row_names_en, t->nrows);
	free_list(t->row_names_cy, t->nrows);
	free(t->cells);
	keys = xcalloc(153, sizeof(*keys));
	names = xcalloc(153, sizeof(*names));
	for (int i = 0; i < 153; i++) {
		buf_reset(&s);
		buf_addf(&s, "E%08d", 6000001 + i);
		keys[i] = xstrdup(s.buf);
		buf_reset(&s);
		buf_addf(&s, "Council number %d", i + 1);
		names[i] = xstrdup(s.buf);
	}
	t->row_keys = keys;
	t->row_names_en = names;
	t->row_names_cy = NULL;
	t->nrows = 153;
	t->cells = xcalloc(153 * t->ncols, sizeof(*t->cells));
	for (size_t i = 0; i < 153; i++)
		for (size_t c = 0; c < t->ncols; c++)
			set_cell(review_cell_at(t, i, c), council_kinds[c],
				 (long)(i * 31 + c));
	/* homes */
	t = &r->tab[TAB_HOMES];
	free_list(t->row_keys, t->nrows);
	free_list(t->row_names_en, t->nrows);
	free_list(t->row_names_cy, t->nrows);
	free_list(t->row_council, t->nrows);
	free_list(t->row_provider_type, t->nrows);
	free(t->cells);
	t->nrows = 3000;
	t->row_keys = xcalloc(3000, sizeof(char *));
	t->row_names_en = xcalloc(3000, sizeof(char *));
	t->row_names_cy = NULL;
	t->row_council = xcalloc(3000, sizeof(char *));
	t->row_provider_type = xcalloc(3000, sizeof(char *));
	t->cells = xcalloc(3000 * t->ncols, sizeof(*t->cells));
	for (size_t i = 0; i < 3000; i++) {
		buf_reset(&s);
		buf_addf(&s, "SC%06zu", i);
		t->row_keys[i] = xstrdup(s.buf);
		buf_reset(&s);
		buf_addf(&s, "Home %zu", i);
		t->row_names_en[i] = xstrdup(s.buf);
		t->row_council[i] = xstrdup(keys[i % 153]);
		t->row_provider_type[i] = xstrdup(home_ptypes[i % 3]);
		for (size_t c = 0; c < t->ncols; c++)
			set_cell(review_cell_at(t, i, c), home_kinds[c],
				 (long)(i + c));
	}
	t0 = now();
	render(r, REPORT_HTML, LANG_EN, &out);
	secs = now() - t0;
	fprintf(stderr, "England-scale HTML: %zu bytes in %.3f s\n", out.len,
		secs);
	assert_true(secs < limit);
	assert_non_null(strstr(out.buf, "Council number 153"));
	assert_non_null(strstr(out.buf, "Home 2999"));
	assert_valid_html(&out);
	buf_release(&out);
	buf_release(&s);
	free_review(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_labels_complete),
		cmocka_unit_test(test_sheet_names),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_html_escape),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_md),
		cmocka_unit_test(test_html_en),
		cmocka_unit_test(test_html_cy),
		cmocka_unit_test(test_published),
		cmocka_unit_test(test_key_points),
		cmocka_unit_test(test_release),
		cmocka_unit_test(test_xlsx),
		cmocka_unit_test(test_home_scope),
		cmocka_unit_test(test_map_unavailable),
		cmocka_unit_test(test_pieces),
		cmocka_unit_test(test_scale),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
