/*
 * format.c: what every renderer shares: the figure table, table keys,
 * row names, and the formatting of cells, numbers and dates.
 *
 * Number style (documented in docs/review-json.md): counts are integers
 * with a comma every three digits in both languages ("6,440"), as Welsh
 * Government publications print them; percentages have one decimal place
 * and "%"; ratios (periods per child, per place) two decimals; means and
 * medians one.  Machine formats (CSV) drop the separators and keep up to
 * 10 significant digits.
 */
#include "base/compat.h"
#include <math.h>
#include "base/parse.h"
#include "report/report-internal.h"

const struct report_fig_def report__figs[FIG_N] = {
#define REPORT_FIG_DEF_(id, key, kind, group) [FIG_##id] = { key, kind, group },
	REVIEW_FIGURES(REPORT_FIG_DEF_)
#undef REPORT_FIG_DEF_
};

static const char *const table_keys[TAB_N] = {
	[TAB_COUNCILS] = "councils",
	[TAB_PROVIDER_TYPES] = "provider_types",
	[TAB_HOMES] = "homes",
	[TAB_PLACEMENTS] = "placements",
	[TAB_ENDINGS] = "endings",
	[TAB_MISSING_TREND] = "missing_trend",
	[TAB_MISSING_DURATION] = "missing_duration",
	[TAB_DISTANCE] = "distance",
	[TAB_OUTCOMES] = "outcomes",
	[TAB_QUALITY_RATINGS] = "quality_ratings",
	[TAB_QUALITY_REGULATIONS] = "quality_regulations",
	[TAB_QUALITY_BANDS] = "quality_bands",
};

static const int table_groups[TAB_N] = {
	[TAB_COUNCILS] = -1,
	[TAB_PROVIDER_TYPES] = GROUP_PLACES,
	[TAB_HOMES] = -1,
	[TAB_PLACEMENTS] = GROUP_STABILITY,
	[TAB_ENDINGS] = GROUP_STABILITY,
	[TAB_MISSING_TREND] = GROUP_MISSING,
	[TAB_MISSING_DURATION] = GROUP_MISSING,
	[TAB_DISTANCE] = GROUP_DISTANCE,
	[TAB_OUTCOMES] = GROUP_OUTCOMES,
	[TAB_QUALITY_RATINGS] = GROUP_QUALITY,
	[TAB_QUALITY_REGULATIONS] = GROUP_QUALITY,
	[TAB_QUALITY_BANDS] = GROUP_QUALITY,
};

static const char *const group_keys[GROUP_NGROUPS] = {
	[GROUP_PLACES] = "places",
	[GROUP_STABILITY] = "stability",
	[GROUP_MISSING] = "missing",
	[GROUP_DISTANCE] = "distance",
	[GROUP_OUTCOMES] = "outcomes",
	[GROUP_RESPONSE] = "missing_response",
	[GROUP_QUALITY] = "quality",
};

const char *report__table_key(enum review_table_id t)
{
	if ((unsigned)t >= TAB_N)
		BUG("table %d", (int)t);
	return table_keys[t];
}

int report__table_group(enum review_table_id t)
{
	if ((unsigned)t >= TAB_N)
		BUG("table %d", (int)t);
	return table_groups[t];
}

const char *report__group_key(enum fig_group g)
{
	if ((unsigned)g >= GROUP_NGROUPS)
		BUG("group %d", (int)g);
	return group_keys[g];
}

const char *report__kind_key(enum fig_kind k)
{
	switch (k) {
	case FIG_COUNT:
		return "count";
	case FIG_PERCENT:
		return "percent";
	case FIG_RATIO:
		return "ratio";
	case FIG_MEAN:
		return "mean";
	case FIG_MEDIAN:
		return "median";
	case FIG_DATE:
		return "date";
	}
	return "unknown";
}

int report__col_index(const struct review_table *t, const char *key)
{
	if (!t->col_keys)
		return -1;
	for (size_t c = 0; c < t->ncols; c++)
		if (t->col_keys[c] && !strcmp(t->col_keys[c], key))
			return (int)c;
	return -1;
}

bool report__table_has_data(const struct review_table *t)
{
	return t->nrows > 0 && t->ncols > 0 && t->cells && t->row_keys &&
	       t->col_keys;
}

static const char *nonempty(char **names, size_t i)
{
	if (!names || !names[i] || !names[i][0])
		return NULL;
	return names[i];
}

const char *report__row_name(const struct review *r, enum review_table_id t,
			     size_t row, enum report_lang lang, char *tmp,
			     size_t cap)
{
	const struct review_table *tab = &r->tab[t];
	const char *key = tab->row_keys[row] ? tab->row_keys[row] : "";
	const char *s = NULL;
	int year;

	if (lang == LANG_CY)
		s = nonempty(tab->row_names_cy, row);
	if (!s)
		s = nonempty(tab->row_names_en, row);
	if (!s)
		s = report__row_label(t, key, lang);
	if (s)
		return s;
	if (t == TAB_MISSING_TREND && cap >= 16 &&
	    !parse_int(key, 1000, 9999, &year)) {
		snprintf(tmp, cap, "%d-%02d", year - 1, year % 100);
		return tmp;
	}
	return key;
}

const char *report__council_name(const struct review *r, const char *code,
				  enum report_lang lang)
{
	const struct review_table *t = &r->tab[TAB_COUNCILS];
	char tmp[16];

	if (!code)
		return "";
	if (!t->row_keys)
		return code;
	for (size_t i = 0; i < t->nrows; i++)
		if (t->row_keys[i] && !strcmp(t->row_keys[i], code))
			return report__row_name(r, TAB_COUNCILS, i, lang, tmp,
						sizeof(tmp));
	return code;
}

const char *report__scope_name(const struct review *r, enum report_lang lang)
{
	const struct review_scope *s = &r->scope;

	if (lang == LANG_CY && s->name_cy[0])
		return s->name_cy;
	if (s->name_en[0])
		return s->name_en;
	if (s->kind == SCOPE_NATIONAL)
		return report__ui(UI_SCOPE_NATIONAL, lang);
	return s->code;
}

const char *report__total_name(const struct review *r, enum review_table_id t,
			       enum report_lang lang)
{
	const struct review_table *tab = &r->tab[t];

	if (!tab->total || !tab->total_key)
		return NULL;
	if (!strcmp(tab->total_key, "W92000004"))
		return report__ui(UI_SCOPE_NATIONAL, lang);
	return report__ui(UI_TOTAL_ALL, lang);
}

void report__fmt_scope_year(struct buf *b, const struct review *r,
			    enum report_lang lang)
{
	buf_adds(b, report__scope_name(r, lang));
	buf_adds(b, ", ");
	report__fmt_year(b, r->year);
}

void report__fmt_day(struct buf *b, int32_t day, bool month_only,
		     enum report_lang lang)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	if (month_only)
		buf_addf(b, "%s %d", report__month(m, lang), y);
	else
		buf_addf(b, "%d %s %d", d, report__month(m, lang), y);
}

void report__fill(struct buf *b, const char *tpl, const char *s,
		  const char *p, const char *c, const char *d)
{
	for (; *tpl; tpl++) {
		const char *v = NULL;
		bool slot = tpl[0] == '{' && tpl[1] && tpl[2] == '}';

		if (slot) {
			switch (tpl[1]) {
			case 's':
				v = s;
				break;
			case 'p':
				v = p;
				break;
			case 'c':
				v = c;
				break;
			case 'd':
				v = d;
				break;
			default:
				slot = false;
				break;
			}
		}
		if (!slot) {
			buf_addch(b, *tpl);
			continue;
		}
		if (v)
			buf_adds(b, v);
		tpl += 2;
	}
}

bool report__cell_no_date(const struct review_cell *c)
{
	return c->kind == FIG_DATE &&
	       (!isfinite(c->value) || c->value <= (double)DATE_NONE ||
		c->value > (double)INT32_MAX);
}

void report__fmt_int(struct buf *b, long long n)
{
	char digits[32];
	int len, first;
	const char *p = digits;

	len = snprintf(digits, sizeof(digits), "%lld", n);
	if (*p == '-') {
		buf_addch(b, '-');
		p++;
		len--;
	}
	first = len % 3 ? len % 3 : 3;
	buf_add(b, p, (size_t)first);
	for (p += first, len -= first; len > 0; p += 3, len -= 3) {
		buf_addch(b, ',');
		buf_add(b, p, 3);
	}
}

/* v to d decimals, never "-0.0". */
static void fmt_fixed(struct buf *b, double v, int d)
{
	char s[64];

	snprintf(s, sizeof(s), "%.*f", d, v);
	if (s[0] == '-' && strspn(s + 1, "0.") == strlen(s + 1))
		buf_adds(b, s + 1);
	else
		buf_adds(b, s);
}

void report__fmt_percent(struct buf *b, double v)
{
	fmt_fixed(b, v, 1);
	buf_addch(b, '%');
}

static void fmt_date(struct buf *b, double v, bool iso)
{
	char s[DATE_STR_MAX];
	int32_t d = (int32_t)v;

	if (iso)
		date_fmt_iso(d, s);
	else
		date_fmt_dmy(d, s);
	buf_adds(b, s);
}

void report__fmt_cell(struct buf *b, const struct review_cell *c,
		      enum report_lang lang)
{
	if (report__cell_na(c)) {
		buf_adds(b, report__ui(UI_NA_SYMBOL, lang));
		return;
	}
	if (report__cell_suppressed(c)) {
		buf_addch(b, '*');
		return;
	}
	if (c->kind == FIG_DATE) {
		if (report__cell_no_date(c))
			buf_adds(b, report__ui(UI_NOT_RECORDED, lang));
		else
			fmt_date(b, c->value, false);
		return;
	}
	if (!isfinite(c->value)) {
		buf_adds(b, "\xe2\x80\x93");	/* en dash */
		return;
	}
	switch (c->kind) {
	case FIG_COUNT:
		report__fmt_int(b, llround(c->value));
		break;
	case FIG_PERCENT:
		report__fmt_percent(b, c->value);
		break;
	case FIG_RATIO:
		fmt_fixed(b, c->value, 2);
		break;
	case FIG_MEAN:
	case FIG_MEDIAN:
	case FIG_DATE:
		fmt_fixed(b, c->value, 1);
		break;
	}
}

void report__fmt_part(struct buf *b, const struct review_cell *c, long n)
{
	if (report__cell_na(c) || n < 0 || c->kind == FIG_COUNT ||
	    c->kind == FIG_DATE)
		return;
	if (report__cell_suppressed(c)) {
		buf_addch(b, '*');
		return;
	}
	report__fmt_int(b, n);
}

void report__fmt_machine(struct buf *b, const struct review_cell *c)
{
	char s[64];

	if (report__cell_suppressed(c)) {
		buf_addch(b, '*');
		return;
	}
	if (report__cell_na(c))
		return;
	if (c->kind == FIG_DATE) {
		if (!report__cell_no_date(c))
			fmt_date(b, c->value, true);
		return;
	}
	if (!isfinite(c->value))
		return;
	if (c->kind == FIG_COUNT) {
		buf_addf(b, "%lld", llround(c->value));
		return;
	}
	snprintf(s, sizeof(s), "%.10g", c->value == 0 ? 0.0 : c->value);
	buf_adds(b, s);
}

void report__fmt_period(struct buf *b, int year, enum report_lang lang)
{
	int y, m, d;

	date_to_ymd(year_start(year), &y, &m, &d);
	buf_addf(b, "%d %s %d %s ", d, report__month(m, lang), y,
		 report__ui(UI_PERIOD_TO, lang));
	date_to_ymd(year_end(year), &y, &m, &d);
	buf_addf(b, "%d %s %d", d, report__month(m, lang), y);
}

void report__fmt_year(struct buf *b, int year)
{
	buf_addf(b, "%d-%02d", year - 1, ((year % 100) + 100) % 100);
}
