/*
 * quality-figures.c: the review's quality of care figures (issue 13).
 * Definitions: docs/indicators.md, "Quality of care" (keep in step).
 */
#include "base/compat.h"
#include <ctype.h>
#include <math.h>
#include "base/parse.h"
#include "base/xalloc.h"
#include "analytics/quality-figures.h"

static const char *const band_keys[QF_NBANDS] = {
	"excellent_good", "needs_improvement_poor", "not_rated",
};

const char *qf_band_key(enum qf_band b)
{
	if ((unsigned)b >= QF_NBANDS)
		BUG("band %d", (int)b);
	return band_keys[b];
}

static const char *const rating_cols[] = {
	"homes", "rated", "excellent", "excellent_percent", "good",
	"good_percent", "needs_improvement", "needs_improvement_percent",
	"poor", "poor_percent",
};
static const char *const regulation_cols[] = {
	"areas_for_improvement", "priority_action_notices", "findings",
	"outstanding",
};
static const char *const band_cols[] = {
	"homes", "places", "missing_periods", "missing_per_place",
	"children_placed", "three_or_more_placements",
};

/* Provider types as the homes table names them, with their names. */
static const struct {
	const char *key, *en, *cy;
} provider_types[] = {
	{ "la", "Local authority", "Awdurdod lleol" },
	{ "private", "Private", "Preifat" },
	{ "voluntary", "Voluntary", "Gwirfoddol" },
};

/* ---- cells ------------------------------------------------------------- */

/* A fact about homes (inspection reports are public): never suppressed. */
static struct review_cell cell_public(long n)
{
	return (struct review_cell){ FIG_COUNT, (double)n, n, -1,
				     CELL_PUBLIC };
}

/*
 * Its percentage, to the 1 decimal every report shows, half away from
 * zero in one division: left exact when published, it must read the same
 * in the workbook (which rounds the number it holds) as in the text.
 */
static struct review_cell cell_public_pct(long num, long den)
{
	return (struct review_cell){ FIG_PERCENT,
				     den > 0 ? round(1000.0 * (double)num /
						     (double)den) / 10
					     : NAN,
				     num, den, CELL_PUBLIC };
}

static struct review_cell cell_count(long n)
{
	return (struct review_cell){ FIG_COUNT, (double)n, n, -1, 0 };
}

static struct review_cell cell_frac(enum fig_kind kind, long num, long den)
{
	double v = den > 0 ? (double)num / (double)den : NAN;

	if (kind == FIG_PERCENT)
		v *= 100.0;
	return (struct review_cell){ kind, v, num, den, 0 };
}

static int cmp_i32(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;

	return (x > y) - (x < y);
}

/* ---- tables ------------------------------------------------------------ */

static void table_clear(struct review_table *t)
{
	free(t->total_key);
	free(t->total);
	for (size_t i = 0; i < t->nrows; i++) {
		free(t->row_keys[i]);
		if (t->row_names_en)
			free(t->row_names_en[i]);
		if (t->row_names_cy)
			free(t->row_names_cy[i]);
		if (t->row_council)
			free(t->row_council[i]);
		if (t->row_provider_type)
			free(t->row_provider_type[i]);
	}
	free(t->row_keys);
	free(t->row_names_en);
	free(t->row_names_cy);
	free(t->row_council);
	free(t->row_provider_type);
	free(t->cells);
	memset(t, 0, sizeof(*t));
}

/* Room for up to nrows rows; t->nrows counts those added. */
static void table_start(struct review_table *t, const char *key,
			size_t nrows, const char *const *cols, size_t ncols,
			bool names)
{
	table_clear(t);
	t->key = key;
	t->col_keys = cols;
	t->ncols = ncols;
	t->row_keys = xcalloc(nrows ? nrows : 1, sizeof(char *));
	if (names) {
		t->row_names_en = xcalloc(nrows ? nrows : 1, sizeof(char *));
		t->row_names_cy = xcalloc(nrows ? nrows : 1, sizeof(char *));
	}
	t->cells = xcalloc((nrows ? nrows : 1) * ncols, sizeof(*t->cells));
}

static char *join(const char *a, const char *sep, const char *b)
{
	size_t n = strlen(a) + strlen(sep) + strlen(b) + 1;
	char *s = xmalloc(n);

	snprintf(s, n, "%s%s%s", a, sep, b);
	return s;
}

/* ---- ratings ----------------------------------------------------------- */

enum qf_band quality_latest_ratings(const char *urn,
				    const struct q_inspection *insp, size_t n,
				    int32_t on, enum q_rating out[Q_NTHEMES])
{
	const struct q_inspection *best[Q_NTHEMES] = { NULL };
	enum qf_band band = QF_BAND_NOT_RATED;

	for (size_t i = 0; i < n; i++) {
		const struct q_inspection *x = &insp[i];

		if (strcmp(x->urn, urn) || x->end_on > on)
			continue;
		for (int t = 0; t < Q_NTHEMES; t++) {
			const struct q_inspection *b = best[t];

			if (x->rating[t] <= Q_NOT_RATED ||
			    x->rating[t] >= Q_NRATINGS)
				continue;
			/* the latest: ends last, then starts last, then
			 * was recorded last (the larger id) */
			if (!b || x->end_on > b->end_on ||
			    (x->end_on == b->end_on &&
			     (x->start_on > b->start_on ||
			      (x->start_on == b->start_on && x->id > b->id))))
				best[t] = x;
		}
	}
	for (int t = 0; t < Q_NTHEMES; t++) {
		out[t] = best[t] ? best[t]->rating[t] : Q_NOT_RATED;
		if (out[t] == Q_NEEDS_IMPROVEMENT || out[t] == Q_POOR)
			band = QF_BAND_POOR;
		else if (out[t] != Q_NOT_RATED && band == QF_BAND_NOT_RATED)
			band = QF_BAND_GOOD;
	}
	return band;
}

/* Counts of one area's homes: [theme][rating], and homes open. */
struct area_acc {
	long open;
	long n[Q_NTHEMES][Q_NRATINGS];
};

static void area_add(struct area_acc *a, const enum q_rating rt[Q_NTHEMES])
{
	a->open++;
	for (int t = 0; t < Q_NTHEMES; t++)
		a->n[t][rt[t]]++;
}

static void area_rows(struct review_table *tab, const struct area_acc *a,
		      const char *key, const char *en, const char *cy)
{
	for (int t = 0; t < Q_NTHEMES; t++) {
		size_t row = tab->nrows++;
		struct review_cell *c = review_cell_at(tab, row, 0);
		long rated = a->open - a->n[t][Q_NOT_RATED];
		char *name;

		tab->row_keys[row] = join(key, ".", q_theme_code(t));
		name = join(en, ": ", q_theme_name(t, false));
		tab->row_names_en[row] = name;
		name = join(cy, ": ", q_theme_name(t, true));
		tab->row_names_cy[row] = name;
		c[0] = cell_public(a->open);
		c[1] = cell_public(rated);
		for (int k = Q_EXCELLENT; k <= Q_POOR; k++) {
			c[2 * k] = cell_public(a->n[t][k]);
			c[2 * k + 1] = cell_public_pct(a->n[t][k], rated);
		}
	}
}

/* ---- findings ---------------------------------------------------------- */

/* Still to be put right on day `on`: not judged met by then. */
static bool outstanding_on(const struct q_finding *f, int32_t on)
{
	return !(f->status == Q_MET && f->judged_on != DATE_NONE &&
		 f->judged_on <= on);
}

static const struct q_inspection *inspection_of(const struct qf_input *in,
						int64_t id)
{
	for (size_t i = 0; i < in->ninsp; i++)
		if (in->insp[i].id == id)
			return &in->insp[i];
	return NULL;
}

static long home_index(const struct qf_input *in, const char *urn)
{
	for (size_t i = 0; i < in->nhomes; i++)
		if (!strcmp(in->homes[i].urn, urn))
			return (long)i;
	return -1;
}

/* "Reg 21 " -> "reg 21": the key a regulation is counted under. */
static void reg_key(char *out, size_t cap, const char *reg)
{
	size_t n = 0;

	while (isspace((unsigned char)*reg))
		reg++;
	for (; *reg && n + 1 < cap; reg++) {
		if (isspace((unsigned char)*reg) &&
		    (n == 0 || out[n - 1] == ' '))
			continue;
		out[n++] = isspace((unsigned char)*reg)
				   ? ' '
				   : (char)tolower((unsigned char)*reg);
	}
	while (n && out[n - 1] == ' ')
		n--;
	out[n] = 0;
	if (!n)
		snprintf(out, cap, "%s", "not_recorded");
}

struct reg_acc {
	char key[Q_REG_MAX + 1];
	long afi, pan, outstanding;
};

static int cmp_reg(const void *a, const void *b)
{
	const struct reg_acc *x = a, *y = b;
	const char *p = x->key, *q = y->key;

	/* "reg 9" before "reg 21": digits compare as numbers */
	while (*p && *q) {
		if (isdigit((unsigned char)*p) && isdigit((unsigned char)*q)) {
			char *pe, *qe;
			unsigned long m = strtoul(p, &pe, 10);
			unsigned long n = strtoul(q, &qe, 10);

			if (m != n)
				return m < n ? -1 : 1;
			p = pe;
			q = qe;
			continue;
		}
		if (*p != *q)
			return (unsigned char)*p < (unsigned char)*q ? -1 : 1;
		p++;
		q++;
	}
	return (unsigned char)*p - (unsigned char)*q;
}

static void build_regulations(struct review *r, const struct qf_input *in,
			      const long *finding_home)
{
	struct review_table *t = &r->tab[TAB_QUALITY_REGULATIONS];
	struct reg_acc *acc = xcalloc(in->nfindings ? in->nfindings : 1,
				      sizeof(*acc));
	size_t n = 0;

	for (size_t i = 0; i < in->nfindings; i++) {
		const struct q_finding *f = &in->findings[i];
		const struct q_inspection *x;
		char key[Q_REG_MAX + 1];
		size_t k;

		if (finding_home[i] < 0)
			continue;
		x = inspection_of(in, f->inspection_id);
		if (!x || x->start_on < in->start || x->start_on > in->end)
			continue;
		reg_key(key, sizeof(key), f->regulation);
		for (k = 0; k < n && strcmp(acc[k].key, key); k++)
			;
		if (k == n)
			snprintf(acc[n++].key, sizeof(acc->key), "%s", key);
		if (f->kind == Q_PRIORITY_ACTION_NOTICE)
			acc[k].pan++;
		else
			acc[k].afi++;
		acc[k].outstanding += outstanding_on(f, in->end);
	}
	qsort(acc, n, sizeof(*acc), cmp_reg);
	table_start(t, "quality_regulations", n, regulation_cols,
		    ARRAY_SIZE(regulation_cols), true);
	for (size_t k = 0; k < n; k++) {
		struct review_cell *c = review_cell_at(t, k, 0);

		t->row_keys[k] = xstrdup(acc[k].key);
		/* a regulation reads the same in both languages but for
		 * its word: "reg 21" is "rheoliad 21" */
		if (!strncmp(acc[k].key, "reg ", 4)) {
			t->row_names_en[k] = join("Regulation", " ",
						  acc[k].key + 4);
			t->row_names_cy[k] = join("Rheoliad", " ",
						  acc[k].key + 4);
		} else {
			t->row_names_en[k] = xstrdup(acc[k].key);
			t->row_names_cy[k] = xstrdup(acc[k].key);
		}
		c[0] = cell_public(acc[k].afi);
		c[1] = cell_public(acc[k].pan);
		c[2] = cell_public(acc[k].afi + acc[k].pan);
		c[3] = cell_public(acc[k].outstanding);
	}
	t->nrows = n;
	free(acc);
}

/* ---- bands ------------------------------------------------------------- */

static int cmp_stay(const void *a, const void *b)
{
	const struct qf_stay *x = a, *y = b;

	return (x->child > y->child) - (x->child < y->child);
}

static void build_bands(struct review *r, const struct qf_input *in,
			const enum qf_band *band)
{
	struct review_table *t = &r->tab[TAB_QUALITY_BANDS];
	long homes[QF_NBANDS] = { 0 }, places[QF_NBANDS] = { 0 };
	long missing[QF_NBANDS] = { 0 }, children[QF_NBANDS] = { 0 };
	long moves3[QF_NBANDS] = { 0 };
	struct qf_stay *s = xcalloc(in->nstays ? in->nstays : 1, sizeof(*s));
	size_t n = 0;

	for (size_t i = 0; i < in->nhomes; i++) {
		homes[band[i]]++;
		places[band[i]] += in->homes[i].places;
		missing[band[i]] += in->homes[i].missing_periods;
	}
	for (size_t i = 0; i < in->nstays; i++)
		if (in->stays[i].home < in->nhomes)
			s[n++] = in->stays[i];
	qsort(s, n, sizeof(*s), cmp_stay);
	/* each child once in each band of a home it was placed at */
	for (size_t i = 0; i < n;) {
		bool in_band[QF_NBANDS] = { false };
		int placements = 0;
		size_t j;

		for (j = i; j < n && s[j].child == s[i].child; j++) {
			in_band[band[s[j].home]] = true;
			if (s[j].placements > placements)
				placements = s[j].placements;
		}
		for (int b = 0; b < QF_NBANDS; b++)
			if (in_band[b]) {
				children[b]++;
				moves3[b] += placements >= 3;
			}
		i = j;
	}
	free(s);
	table_start(t, "quality_bands", QF_NBANDS, band_cols,
		    ARRAY_SIZE(band_cols), false);
	for (int b = 0; b < QF_NBANDS; b++) {
		struct review_cell *c = review_cell_at(t, (size_t)b, 0);

		t->row_keys[b] = xstrdup(band_keys[b]);
		c[0] = cell_public(homes[b]);
		c[1] = cell_public(places[b]);
		c[2] = cell_count(missing[b]);
		c[3] = cell_frac(FIG_RATIO, missing[b], places[b]);
		c[3].flags |= CELL_DEN_PUBLIC;
		c[4] = cell_count(children[b]);
		c[5] = cell_frac(FIG_PERCENT, moves3[b], children[b]);
	}
	t->nrows = QF_NBANDS;
	r->fig[FIG_QUAL_MISSING_PER_PLACE_GOOD] =
		*review_cell_at(t, QF_BAND_GOOD, 3);
	r->fig[FIG_QUAL_MISSING_PER_PLACE_POOR] =
		*review_cell_at(t, QF_BAND_POOR, 3);
	r->fig[FIG_QUAL_PLACEMENTS3_GOOD] = *review_cell_at(t, QF_BAND_GOOD, 5);
	r->fig[FIG_QUAL_PLACEMENTS3_POOR] = *review_cell_at(t, QF_BAND_POOR, 5);
}

/* ---- the whole ----------------------------------------------------------- */

void quality_figures(struct review *r, const struct qf_input *in)
{
	struct review_table *t = &r->tab[TAB_QUALITY_RATINGS];
	size_t nareas = 1 + (in->by_council ? in->ncouncils : 0) +
			(in->by_provider_type ? ARRAY_SIZE(provider_types) : 0);
	enum q_rating(*rt)[Q_NTHEMES] =
		xcalloc(in->nhomes ? in->nhomes : 1, sizeof(*rt));
	enum qf_band *band = xcalloc(in->nhomes ? in->nhomes : 1,
				     sizeof(*band));
	long *finding_home = xcalloc(in->nfindings ? in->nfindings : 1,
				     sizeof(*finding_home));
	bool *notice = xcalloc(in->nhomes ? in->nhomes : 1, sizeof(*notice));
	int32_t *days = xcalloc(in->nfindings ? in->nfindings : 1,
				sizeof(*days));
	struct area_acc all, *by = xcalloc(nareas, sizeof(*by));
	long rated = 0, noticed = 0;
	size_t ndays = 0;
	const struct review_table *homes = &r->tab[TAB_HOMES];
	int last_col = -1;

	if (r->published)
		BUG("quality figures of a published review");
	memset(&all, 0, sizeof(all));
	for (size_t i = 0; i < in->nhomes; i++) {
		band[i] = quality_latest_ratings(in->homes[i].urn, in->insp,
						 in->ninsp, in->end, rt[i]);
		if (!in->homes[i].open)
			continue;
		area_add(&all, rt[i]);
		rated += band[i] != QF_BAND_NOT_RATED;
		for (size_t k = 0; in->by_council && k < in->ncouncils; k++)
			if (in->homes[i].council &&
			    !strcmp(in->homes[i].council,
				    in->councils[k].code))
				area_add(&by[k], rt[i]);
		for (size_t k = 0; in->by_provider_type &&
				   k < ARRAY_SIZE(provider_types);
		     k++)
			if (in->homes[i].provider_type &&
			    !strcmp(in->homes[i].provider_type,
				    provider_types[k].key))
				area_add(&by[(in->by_council ? in->ncouncils
							      : 0) +
					     k],
					 rt[i]);
	}
	/* findings: of the scope's homes, notices open on the day */
	for (size_t i = 0; i < in->nfindings; i++) {
		const struct q_finding *f = &in->findings[i];
		const struct q_inspection *x =
			inspection_of(in, f->inspection_id);

		finding_home[i] = x ? home_index(in, x->urn) : -1;
		if (finding_home[i] < 0 || f->kind != Q_PRIORITY_ACTION_NOTICE)
			continue;
		if (x->start_on <= in->end && outstanding_on(f, in->end) &&
		    in->homes[finding_home[i]].open)
			notice[finding_home[i]] = true;
		if (f->status == Q_MET && f->judged_on != DATE_NONE &&
		    f->judged_on >= in->start && f->judged_on <= in->end &&
		    f->judged_on >= x->start_on)
			days[ndays++] = f->judged_on - x->start_on;
	}
	for (size_t i = 0; i < in->nhomes; i++)
		noticed += notice[i];

	table_start(t, "quality_ratings", nareas * Q_NTHEMES, rating_cols,
		    ARRAY_SIZE(rating_cols), true);
	area_rows(t, &all, in->scope_key, in->scope_en, in->scope_cy);
	for (size_t k = 0; in->by_council && k < in->ncouncils; k++)
		if (by[k].open)
			area_rows(t, &by[k], in->councils[k].code,
				  in->councils[k].name_en,
				  in->councils[k].name_cy
					  ? in->councils[k].name_cy
					  : in->councils[k].name_en);
	for (size_t k = 0; in->by_provider_type &&
			   k < ARRAY_SIZE(provider_types);
	     k++) {
		const struct area_acc *a =
			&by[(in->by_council ? in->ncouncils : 0) + k];

		if (a->open)
			area_rows(t, a, provider_types[k].key,
				  provider_types[k].en, provider_types[k].cy);
	}
	build_regulations(r, in, finding_home);
	build_bands(r, in, band);

	r->fig[FIG_QUAL_HOMES_RATED] = cell_public(rated);
	r->fig[FIG_QUAL_HOMES_OPEN_NOTICE] = cell_public(noticed);
	{
		double m = NAN;

		if (ndays) {
			qsort(days, ndays, sizeof(*days), cmp_i32);
			m = ndays % 2 ? days[ndays / 2]
				      : (days[ndays / 2 - 1] +
					 (double)days[ndays / 2]) / 2.0;
		}
		r->fig[FIG_QUAL_NOTICE_MEDIAN_DAYS] = (struct review_cell){
			FIG_MEDIAN, m, -1, (long)ndays, CELL_PUBLIC
		};
	}

	/* each home's last inspection, in the homes table */
	for (size_t c = 0; c < homes->ncols && homes->col_keys; c++)
		if (!strcmp(homes->col_keys[c], "last_inspection"))
			last_col = (int)c;
	for (size_t row = 0; last_col >= 0 && row < homes->nrows; row++) {
		int32_t last = DATE_NONE;

		for (size_t i = 0; i < in->ninsp; i++)
			if (!strcmp(in->insp[i].urn, homes->row_keys[row]) &&
			    in->insp[i].end_on <= in->end &&
			    (last == DATE_NONE || in->insp[i].end_on > last))
				last = in->insp[i].end_on;
		review_cell_at(homes, row, (size_t)last_col)->value =
			(double)last;
	}
	free(rt);
	free(band);
	free(finding_home);
	free(notice);
	free(days);
	free(by);
}

/* ---- from a review and its history ---------------------------------------- */

/* The child's placements in the year, as the review counts them (its
 * first episode of the year, then each that starts a new placement). */
static int placements_in_year(const struct hist_episode *eps, size_t n,
			      int32_t start, int32_t end)
{
	int placements = 0;

	for (size_t i = 0; i < n; i++) {
		const struct hist_episode *e = &eps[i];

		if (e->decom > end || (e->dec != DATE_NONE && e->dec < start))
			continue;
		if (!placements || (e->rne && strchr("SPBTU", e->rne)))
			placements++;
	}
	return placements;
}

void review_add_quality(struct review *r, const struct history *h,
			const struct q_inspection *insp, size_t ninsp,
			const struct q_finding *findings, size_t nfindings)
{
	const struct review_table *ht = &r->tab[TAB_HOMES];
	const struct review_table *ct = &r->tab[TAB_COUNCILS];
	struct qf_input in;
	struct qf_home *homes;
	struct qf_council *councils;
	struct qf_stay *stays = NULL;
	size_t nstays = 0, astays = 0;
	uint32_t *map;		/* history home -> index in homes, or -1 */
	int placed_col = -1, missing_col = -1;

	if (!ht->row_keys || !ht->col_keys)
		return;
	for (size_t c = 0; c < ht->ncols; c++) {
		if (!strcmp(ht->col_keys[c], "places"))
			placed_col = (int)c;
		if (!strcmp(ht->col_keys[c], "missing_periods"))
			missing_col = (int)c;
	}
	if (placed_col < 0 || missing_col < 0)
		BUG("homes table without places or missing periods");
	memset(&in, 0, sizeof(in));
	in.start = year_start(r->year);
	in.end = year_end(r->year);
	in.scope_key = r->scope.code[0] ? r->scope.code : "total";
	in.scope_en = r->scope.name_en;
	in.scope_cy = r->scope.name_cy[0] ? r->scope.name_cy
					  : r->scope.name_en;
	in.by_council = r->scope.kind == SCOPE_NATIONAL;
	in.by_provider_type = r->scope.kind != SCOPE_HOME;
	homes = xcalloc(ht->nrows ? ht->nrows : 1, sizeof(*homes));
	map = xcalloc(h->nhomes ? h->nhomes : 1, sizeof(*map));
	for (size_t i = 0; i < h->nhomes; i++)
		map[i] = UINT32_MAX;
	for (size_t row = 0; row < ht->nrows; row++) {
		uint32_t hi = history_home(h, ht->row_keys[row]);

		homes[row].urn = ht->row_keys[row];
		homes[row].council = ht->row_council ? ht->row_council[row]
						     : NULL;
		homes[row].provider_type =
			ht->row_provider_type ? ht->row_provider_type[row]
					      : NULL;
		homes[row].places =
			review_cell_at(ht, row, (size_t)placed_col)->num;
		homes[row].missing_periods =
			review_cell_at(ht, row, (size_t)missing_col)->num;
		if (hi != HIST_NONE) {
			homes[row].open =
				home_open_on(&h->homes[hi].h, in.end);
			map[hi] = (uint32_t)row;
		}
	}
	councils = xcalloc(ct->nrows ? ct->nrows : 1, sizeof(*councils));
	for (size_t i = 0; i < ct->nrows && ct->row_keys; i++) {
		councils[i].code = ct->row_keys[i];
		councils[i].name_en = ct->row_names_en ? ct->row_names_en[i]
						       : ct->row_keys[i];
		councils[i].name_cy = ct->row_names_cy ? ct->row_names_cy[i]
						       : NULL;
		if (!councils[i].name_en)
			councils[i].name_en = ct->row_keys[i];
	}
	for (size_t ci = 0; ci < h->nchildren; ci++) {
		const struct hist_child *c = &h->children[ci];
		const struct hist_episode *eps = &h->episodes[c->first_episode];
		int placements = -1;

		for (size_t i = 0; i < c->nepisodes; i++) {
			const struct hist_episode *e = &eps[i];
			bool seen = false;

			if (e->home == HIST_NONE || map[e->home] == UINT32_MAX ||
			    e->decom > in.end ||
			    (e->dec != DATE_NONE && e->dec < in.start))
				continue;
			for (size_t k = nstays; k-- > 0 &&
						stays[k].child == (uint32_t)ci;)
				seen |= stays[k].home == map[e->home];
			if (seen)
				continue;
			if (placements < 0)
				placements = placements_in_year(
					eps, c->nepisodes, in.start, in.end);
			if (nstays == astays) {
				astays = astays ? 2 * astays : 256;
				stays = xreallocarray(stays, astays,
						      sizeof(*stays));
			}
			stays[nstays++] = (struct qf_stay){
				(uint32_t)ci, map[e->home], placements
			};
		}
	}
	in.homes = homes;
	in.nhomes = ht->nrows;
	in.councils = councils;
	in.ncouncils = ct->nrows;
	in.insp = insp;
	in.ninsp = ninsp;
	in.findings = findings;
	in.nfindings = nfindings;
	in.stays = stays;
	in.nstays = nstays;
	quality_figures(r, &in);
	free(homes);
	free(councils);
	free(stays);
	free(map);
}
