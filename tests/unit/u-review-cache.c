/*
 * u-review-cache.c: the store's data generation (migration 4's triggers)
 * and the review cache over it (analytics/review-cache.h): one history
 * load and one computation per generation and key; fresh figures after a
 * return is replaced or a home changes; exact and published kept apart;
 * old generations alive while held; the bound; single-flight under
 * threads.  Data: the review fixture (Cardiff 2018 and 2019, three
 * homes) in a file store, so that threads can open connections of their
 * own.  Runs from the repository root.
 */
#include "unit.h"
#include <pthread.h>
#include <unistd.h>
#include "analytics/review-cache.h"
#include "ingest/import.h"

#define CASE "tests/data/review/boundaries"
#define CARDIFF "W06000015"
#define NTHREADS 8

struct fixture {
	char dir[64];
	char path[128];
	struct store *s;
};

static struct fixture fx;

static int setup(void **state)
{
	const char *y2018[] = { CASE "/2018/header.csv",
				CASE "/2018/episodes.csv",
				CASE "/2018/missing.csv" };
	const char *y2019[] = { CASE "/2019/header.csv",
				CASE "/2019/episodes.csv",
				CASE "/2019/missing.csv", CASE "/2019/oc2.csv" };
	struct import_counts c = { 0 };
	struct diags d = DIAGS_INIT;
	struct err err = ERR_INIT;
	char data[4096];
	int rc;

	snprintf(fx.dir, sizeof(fx.dir), "/tmp/u-review-cache-XXXXXX");
	if (!mkdtemp(fx.dir))
		return -1;
	snprintf(fx.path, sizeof(fx.path), "%s/cartref.db", fx.dir);
	rc = geo_find_datadir(data, sizeof(data), &err);
	if (!rc)
		rc = store_open(&fx.s, fx.path, &err);
	if (!rc)
		rc = geo_import(fx.s, data, &err);
	if (!rc)
		rc = import_homes(fx.s, CASE "/homes.csv", false, &d, &c, &err);
	if (!rc)
		rc = import_903(fx.s, CARDIFF, 0, y2018, 3, false, &d, &c,
				&err);
	if (!rc)
		rc = import_903(fx.s, CARDIFF, 0, y2019, 4, false, &d, &c,
				&err);
	if (!rc && d.n) {
		diags_print(&d, stderr, 20);
		rc = -1;
	}
	diags_release(&d);
	if (rc) {
		fprintf(stderr, "u-review-cache setup: %s\n", err_text(&err));
		return -1;
	}
	*state = &fx;
	return 0;
}

static int teardown(void **state)
{
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };
	char p[160];

	(void)state;
	store_close(fx.s);
	for (size_t i = 0; i < ARRAY_SIZE(suffix); i++) {
		snprintf(p, sizeof(p), "%s%s", fx.path, suffix[i]);
		unlink(p);
	}
	rmdir(fx.dir);
	return 0;
}

static int64_t generation(struct store *s)
{
	struct err err = ERR_INIT;
	int64_t g = 0;

	if (store_data_generation(s, &g, &err))
		fail_msg("store_data_generation: %s", err_text(&err));
	return g;
}

static struct review_hold *hold_of(struct review_cache *c, struct store *s)
{
	struct review_hold *h = NULL;
	struct err err = ERR_INIT;

	if (review_cache_hold(c, s, &h, &err))
		fail_msg("review_cache_hold: %s", err_text(&err));
	assert_non_null(h);
	return h;
}

static const struct review *get(struct review_hold *h, int year,
				enum review_scope_kind kind, const char *code,
				bool published)
{
	struct review_scope sc;
	const struct review *r = NULL;
	struct err err = ERR_INIT;

	memset(&sc, 0, sizeof(sc));
	sc.kind = kind;
	snprintf(sc.code, sizeof(sc.code), "%s", code);
	if (review_hold_get(h, year, &sc, published, &r, &err))
		fail_msg("review_hold_get: %s", err_text(&err));
	assert_non_null(r);
	return r;
}

static struct review_cache_stats stats(struct review_cache *c)
{
	struct review_cache_stats st;

	review_cache_stats(c, &st);
	return st;
}

/*
 * Replace Cardiff's 2019 return without its first missing period (M) that
 * started in 2018-19: one period fewer that year (the 2018 return cannot
 * have it).
 */
static void drop_missing_period(struct store *s)
{
	struct s903_return r = S903_RETURN_INIT;
	struct err err = ERR_INIT;
	int32_t start = unit_date("01/04/2018");
	size_t i;

	if (store_return_load(s, CARDIFF, 2019, &r, &err))
		fail_msg("store_return_load: %s", err_text(&err));
	for (i = 0; i < r.nmissing; i++)
		if (r.missing[i].missing[0] == 'M' &&
		    r.missing[i].mis_start >= start)
			break;
	assert_true(i < r.nmissing);
	memmove(&r.missing[i], &r.missing[i + 1],
		(r.nmissing - i - 1) * sizeof(r.missing[0]));
	r.nmissing--;
	if (store_return_replace(s, &r, &err))
		fail_msg("store_return_replace: %s", err_text(&err));
	s903_return_release(&r);
}

static int find_home(const struct home *h, void *ctx)
{
	if (!strcmp(h->urn, "W0000001"))
		*(struct home *)ctx = *h;
	return 0;
}

/* Add n places to home W0000001 in the register. */
static void add_places(struct store *s, int n)
{
	struct home h;
	struct err err = ERR_INIT;

	memset(&h, 0, sizeof(h));
	if (store_homes_each(s, find_home, &h, &err))
		fail_msg("store_homes_each: %s", err_text(&err));
	assert_string_equal(h.urn, "W0000001");
	h.places += n;
	if (store_home_put(s, &h, &err))
		fail_msg("store_home_put: %s", err_text(&err));
}

/* The generation moves with returns and the register, not with reads. */
static void test_generation(void **state)
{
	struct fixture *f = *state;
	struct history h = HISTORY_INIT;
	struct store_stats st;
	struct err err = ERR_INIT;
	int64_t g0 = generation(f->s), g1, g2;

	assert_true(g0 > 0);
	assert_int_equal(store_history_load(f->s, &h, &err), 0);
	history_release(&h);
	assert_int_equal(store_stats(f->s, &st, &err), 0);
	assert_true(generation(f->s) == g0);

	drop_missing_period(f->s);
	g1 = generation(f->s);
	assert_true(g1 != g0);
	add_places(f->s, 0);	/* written, even unchanged */
	g2 = generation(f->s);
	assert_true(g2 != g1);
	assert_true(generation(f->s) == g2);
}

/* One load and one computation per generation and key. */
static void test_shared(void **state)
{
	struct fixture *f = *state;
	struct review_cache *c = review_cache_new(0);
	struct review_hold *a = hold_of(c, f->s), *b;
	const struct review *ra, *rb, *rc;
	struct review_cache_stats st;

	ra = get(a, 2019, SCOPE_NATIONAL, "", false);
	b = hold_of(c, f->s);
	assert_ptr_equal(review_hold_history(a), review_hold_history(b));
	assert_true(review_hold_generation(a) == generation(f->s));
	rb = get(b, 2019, SCOPE_NATIONAL, "", false);
	assert_ptr_equal(ra, rb);
	rc = get(b, 2019, SCOPE_COUNCIL, CARDIFF, false);
	assert_ptr_not_equal(ra, rc);
	assert_string_equal(rc->scope.name_en, "Cardiff");
	assert_ptr_equal(get(a, 2019, SCOPE_COUNCIL, CARDIFF, false), rc);
	/* another year is another key */
	assert_int_equal(get(a, 2018, SCOPE_NATIONAL, "", false)->year, 2018);
	st = stats(c);
	assert_int_equal(st.history_loads, 1);
	assert_int_equal(st.reviews_computed, 3);
	assert_int_equal(st.review_hits, 2);
	assert_int_equal(st.reviews, 3);
	review_hold_release(a);
	review_hold_release(b);
	/* released, still cached */
	a = hold_of(c, f->s);
	assert_ptr_equal(get(a, 2019, SCOPE_NATIONAL, "", false), ra);
	review_hold_release(a);
	assert_int_equal(stats(c).history_loads, 1);
	review_hold_release(NULL);
	review_cache_free(c);
}

/* Exact and published figures are different entries. */
static void test_published(void **state)
{
	struct fixture *f = *state;
	struct review_cache *c = review_cache_new(0);
	struct review_hold *h = hold_of(c, f->s);
	const struct review *exact = get(h, 2019, SCOPE_NATIONAL, "", false);
	const struct review *pub = get(h, 2019, SCOPE_NATIONAL, "", true);

	assert_ptr_not_equal(exact, pub);
	assert_false(exact->published);
	assert_true(pub->published);
	/* 2 children went missing: exact 2, published suppressed */
	assert_true(exact->fig[FIG_MISSING_CHILDREN].value == 2);
	assert_false(exact->fig[FIG_MISSING_CHILDREN].flags & CELL_SUPPRESSED);
	assert_true(pub->fig[FIG_MISSING_CHILDREN].flags & CELL_SUPPRESSED);
	assert_ptr_equal(get(h, 2019, SCOPE_NATIONAL, "", true), pub);
	assert_ptr_equal(get(h, 2019, SCOPE_NATIONAL, "", false), exact);
	assert_int_equal(stats(c).reviews_computed, 2);
	review_hold_release(h);
	review_cache_free(c);
}

/*
 * A replaced return and a changed home: a new generation, loaded once,
 * with the new figures; a hold on the old one keeps its figures intact.
 */
static void test_fresh_after_change(void **state)
{
	struct fixture *f = *state;
	struct review_cache *c = review_cache_new(0);
	struct review_hold *old = hold_of(c, f->s), *now, *later;
	const struct review *r0, *r1, *r2;
	long periods, places;

	r0 = get(old, 2019, SCOPE_COUNCIL, CARDIFF, false);
	periods = r0->fig[FIG_MISSING_PERIODS].num;
	places = r0->fig[FIG_PLACES].num;
	assert_true(periods > 0);

	drop_missing_period(f->s);
	now = hold_of(c, f->s);
	assert_ptr_not_equal(review_hold_history(now),
			     review_hold_history(old));
	assert_int_equal(stats(c).history_loads, 2);
	r1 = get(now, 2019, SCOPE_COUNCIL, CARDIFF, false);
	assert_ptr_not_equal(r0, r1);
	assert_int_equal(r1->fig[FIG_MISSING_PERIODS].num, periods - 1);
	/* the old generation's review is still there, unchanged */
	assert_int_equal(r0->fig[FIG_MISSING_PERIODS].num, periods);
	assert_int_equal(review_hold_history(old)->last_year, 2019);
	review_hold_release(old);

	add_places(f->s, 5);
	later = hold_of(c, f->s);
	r2 = get(later, 2019, SCOPE_COUNCIL, CARDIFF, false);
	assert_int_equal(r2->fig[FIG_PLACES].num, places + 5);
	assert_int_equal(stats(c).history_loads, 3);
	assert_true(stats(c).generation == generation(f->s));
	/* same generation again: nothing loaded */
	review_hold_release(now);
	now = hold_of(c, f->s);
	assert_ptr_equal(get(now, 2019, SCOPE_COUNCIL, CARDIFF, false), r2);
	assert_int_equal(stats(c).history_loads, 3);
	review_hold_release(now);
	review_hold_release(later);
	add_places(f->s, -5);
	review_cache_free(c);
}

/* At most max reviews kept; an evicted one stays valid while held. */
static void test_bound(void **state)
{
	struct fixture *f = *state;
	struct review_cache *c = review_cache_new(2);
	struct review_hold *h = hold_of(c, f->s);
	const struct review *a = get(h, 2019, SCOPE_NATIONAL, "", false);
	const struct review *b = get(h, 2019, SCOPE_NATIONAL, "", true);
	const struct review *d = get(h, 2019, SCOPE_COUNCIL, CARDIFF, false);
	struct review_cache_stats st = stats(c);
	struct review_scope bad;
	const struct review *r = NULL;
	struct err err = ERR_INIT;

	assert_int_equal(st.reviews, 2);
	assert_int_equal(st.evictions, 1);
	/* all three still readable (ASan would see a use after free) */
	assert_false(a->published);
	assert_true(b->published);
	assert_string_equal(d->scope.code, CARDIFF);
	review_hold_release(h);
	h = hold_of(c, f->s);
	assert_ptr_equal(get(h, 2019, SCOPE_COUNCIL, CARDIFF, false), d);
	/* a failure is not cached */
	memset(&bad, 0, sizeof(bad));
	bad.kind = SCOPE_COUNCIL;
	snprintf(bad.code, sizeof(bad.code), "W99999999");
	assert_int_equal(review_hold_get(h, 2019, &bad, false, &r, &err),
			 ERR_NOT_FOUND);
	assert_null(r);
	assert_int_equal(stats(c).reviews, 2);
	review_hold_release(h);
	review_cache_free(c);
}

static int nrendered;

/* review_render_fn: the scope's code and arg, counted. */
static int render_code(const struct review *r, int arg, struct buf *out,
		       struct err *err)
{
	(void)err;
	nrendered++;
	return buf_addf(out, "%s/%d/%s", r->scope.code, arg,
			r->published ? "published" : "exact");
}

static int render_fails(const struct review *r, int arg, struct buf *out,
			struct err *err)
{
	(void)r;
	(void)arg;
	(void)out;
	return err_set(err, ERR_INVALID, "cannot draw it");
}

/* What is drawn from a review is kept with it, per function and arg. */
static void test_render(void **state)
{
	struct fixture *f = *state;
	struct review_cache *c = review_cache_new(0);
	struct review_hold *h = hold_of(c, f->s), *h2;
	const struct review *r = get(h, 2019, SCOPE_COUNCIL, CARDIFF, true);
	const struct review *e = get(h, 2019, SCOPE_COUNCIL, CARDIFF, false);
	const char *d1, *d2, *d3, *d4;
	size_t n1, n2, n3, n4;
	struct err err = ERR_INIT;

	nrendered = 0;
	assert_int_equal(review_hold_render(h, r, render_code, 1, &d1, &n1,
					    &err), 0);
	assert_string_equal(d1, CARDIFF "/1/published");
	assert_int_equal(n1, strlen(d1));
	assert_int_equal(review_hold_render(h, r, render_code, 1, &d2, &n2,
					    &err), 0);
	assert_ptr_equal(d1, d2);
	assert_int_equal(review_hold_render(h, r, render_code, 2, &d3, &n3,
					    &err), 0);
	assert_string_equal(d3, CARDIFF "/2/published");
	assert_int_equal(review_hold_render(h, e, render_code, 1, &d4, &n4,
					    &err), 0);
	assert_string_equal(d4, CARDIFF "/1/exact");
	assert_int_equal(nrendered, 3);
	assert_int_equal(review_hold_render(h, r, render_fails, 1, &d4, &n4,
					    &err), ERR_INVALID);
	assert_null(d4);
	/* another hold on the same generation: kept, not drawn again */
	h2 = hold_of(c, f->s);
	assert_ptr_equal(get(h2, 2019, SCOPE_COUNCIL, CARDIFF, true), r);
	assert_int_equal(review_hold_render(h2, r, render_code, 1, &d2, &n2,
					    &err), 0);
	assert_ptr_equal(d1, d2);
	assert_int_equal(nrendered, 3);
	assert_int_equal(stats(c).renders, 4);
	assert_int_equal(stats(c).render_hits, 2);
	review_hold_release(h2);
	review_hold_release(h);
	review_cache_free(c);
}

struct worker {
	pthread_t t;
	struct review_cache *c;
	pthread_barrier_t *go;
	const struct history *h;
	const struct review *r;
	int rc;
};

static void *work(void *arg)
{
	struct worker *w = arg;
	struct store *s = NULL;
	struct review_hold *hold = NULL;
	struct review_scope sc;
	struct err err = ERR_INIT;

	memset(&sc, 0, sizeof(sc));
	sc.kind = SCOPE_COUNCIL;
	snprintf(sc.code, sizeof(sc.code), CARDIFF);
	w->rc = store_open(&s, fx.path, &err);
	pthread_barrier_wait(w->go);
	if (!w->rc)
		w->rc = review_cache_hold(w->c, s, &hold, &err);
	if (!w->rc) {
		w->h = review_hold_history(hold);
		w->rc = review_hold_get(hold, 2019, &sc, true, &w->r, &err);
	}
	if (w->rc)
		fprintf(stderr, "worker: %s\n", err_text(&err));
	/* a hold is released before the pointers are compared: the cache
	 * keeps them, so they stay valid */
	review_hold_release(hold);
	store_close(s);
	return NULL;
}

/* Threads missing together: one load, one computation, one result. */
static void test_threads(void **state)
{
	struct review_cache *c = review_cache_new(0);
	struct worker w[NTHREADS];
	pthread_barrier_t go;
	struct review_cache_stats st;

	(void)state;
	assert_int_equal(pthread_barrier_init(&go, NULL, NTHREADS), 0);
	for (int i = 0; i < NTHREADS; i++) {
		memset(&w[i], 0, sizeof(w[i]));
		w[i].c = c;
		w[i].go = &go;
		assert_int_equal(pthread_create(&w[i].t, NULL, work, &w[i]),
				 0);
	}
	for (int i = 0; i < NTHREADS; i++)
		assert_int_equal(pthread_join(w[i].t, NULL), 0);
	pthread_barrier_destroy(&go);
	st = stats(c);
	for (int i = 0; i < NTHREADS; i++) {
		assert_int_equal(w[i].rc, 0);
		assert_ptr_equal(w[i].h, w[0].h);
		assert_ptr_equal(w[i].r, w[0].r);
	}
	assert_int_equal(st.history_loads, 1);
	assert_int_equal(st.reviews_computed, 1);
	assert_int_equal(st.review_hits + st.reviews_computed, NTHREADS);
	review_cache_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_generation),
		cmocka_unit_test(test_shared),
		cmocka_unit_test(test_published),
		cmocka_unit_test(test_fresh_after_change),
		cmocka_unit_test(test_bound),
		cmocka_unit_test(test_render),
		cmocka_unit_test(test_threads),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
