/*
 * review-cache.h: the review's figures, loaded and computed once per
 * generation of the data and shared by the server's threads.
 *
 * store_history_load() takes about 40 ms at Wales scale and
 * review_compute() a few ms more, yet the figures change only when a
 * return is imported or the register changes, which moves the store's
 * data generation (store_data_generation(): kept by triggers, so an
 * import by another process moves it too).  A review cache keeps, for
 * the current generation, one read-only history (loaded once) and the
 * reviews computed from it, keyed by (year, scope kind and code,
 * published or exact), and with each review what was drawn from it
 * alone (review_hold_render(): its charts, its JSON).  A request then
 * costs one small query (the generation), lookups under a mutex, and
 * writing out what it did not find kept.
 *
 * Only figures are cached: aggregates that name no child.  Who may see
 * which figures (exact or published, which council) is decided by the
 * caller for every request, before it asks; the key holds nothing about
 * the viewer.
 *
 * Lifetime.  A request takes a hold (review_cache_hold()), which pins
 * the generation it read: its history and every review it gets through
 * the hold stay valid, unchanged, until review_hold_release(), even if
 * the data moves on meanwhile (the old generation is freed when its last
 * hold goes).  Reviews own their strings (review_compute() copies the
 * names out of the history), but the history is kept as long as any
 * review of its generation is held anyway.
 *
 * Bounds.  One generation is current; older ones live only while held.
 * A generation keeps at most `max_reviews` reviews, least recently used
 * dropped first (a dropped review still held is freed at its last
 * release).  A history that fails to load or a review that fails to
 * compute is not cached.
 *
 * Concurrency.  Thread-safe: one mutex per cache, held only for
 * bookkeeping, never while loading or computing.  Misses are
 * single-flight: the first thread to miss a history or a review computes
 * it and the others wanting the same one wait for it (a condition
 * variable), so a new generation is loaded once however many requests
 * arrive together.
 */
#ifndef CARTREF_REVIEW_CACHE_H
#define CARTREF_REVIEW_CACHE_H

#include "base/compat.h"
#include "base/buf.h"
#include "base/err.h"
#include "analytics/review.h"
#include "store/store-core.h"

struct review_cache;
struct review_hold;

#define REVIEW_CACHE_DEFAULT_MAX 256	/* reviews per generation */

/* A new, empty cache keeping at most max_reviews (0: the default). */
struct review_cache *review_cache_new(size_t max_reviews);
/* Free c; no hold on it may be left. */
void review_cache_free(struct review_cache *c);

/*
 * The process-wide cache, made on first use, for a process that serves
 * one store (`cartref serve`); never freed.  The generation's number
 * starts at a random value per store, so a second store in the same
 * process is very unlikely to be confused with the first, but give each
 * store its own cache where there are several.
 */
struct review_cache *review_cache_shared(void);

/*
 * Read s's data generation and take a hold on that generation of c,
 * loading its history from s if no one has (or waiting for the thread
 * that is loading it).  *out is released with review_hold_release(),
 * whatever happens next.  Errors: those of store_data_generation() and
 * store_history_load().
 */
int review_cache_hold(struct review_cache *c, struct store *s,
		      struct review_hold **out, struct err *err);

/* The held generation's history (read-only; h->last_year 0: no data). */
const struct history *review_hold_history(const struct review_hold *hold);
/* The held generation's number (store_data_generation()). */
int64_t review_hold_generation(const struct review_hold *hold);

/*
 * The review of year and scope (scope->kind and scope->code; the names
 * are filled in by review_compute()), exact, or published
 * (review_publish() applied to its own copy), computed once per
 * generation.  *out is read-only and valid until the hold is released.
 * Errors: review_compute()'s (ERR_NOT_FOUND for an unknown council or
 * home), not cached.  A national scope with a council's code is Wales
 * published but for that council's own row in the councils table
 * (review_publish_except(): for that council's own users only, whatever
 * `published` says).
 */
int review_hold_get(struct review_hold *hold, int year,
		    const struct review_scope *scope, bool published,
		    const struct review **out, struct err *err);

/*
 * Something drawn from a review's figures alone (a chart as SVG, the
 * JSON form): fn(r, arg, out, err) appends it to out.  It must depend on
 * nothing but r and arg: never on the viewer or the request.
 */
typedef int review_render_fn(const struct review *r, int arg,
			     struct buf *out, struct err *err);

/*
 * What fn(r, arg) renders, kept with r (a review got through hold) so
 * that it is rendered once per review, function and argument: *data
 * (NUL-terminated, *len bytes) is read-only and valid until the hold is
 * released.  Threads asking together may each render it; one result is
 * kept.  fn's errors are returned, not kept.
 */
int review_hold_render(struct review_hold *hold, const struct review *r,
		       review_render_fn *fn, int arg, const char **data,
		       size_t *len, struct err *err);

/* Give back the hold (NULL: nothing) and every review got through it. */
void review_hold_release(struct review_hold *hold);

/* Counters since review_cache_new(), for tests and benchmarks. */
struct review_cache_stats {
	long history_loads;	/* store_history_load() calls */
	long reviews_computed;	/* review_compute() calls */
	long review_hits;	/* review_hold_get() answered from the cache */
	long waits;		/* waited for another thread's load/compute */
	long evictions;		/* reviews dropped to keep the bound */
	long renders;		/* review_hold_render(): fn called */
	long render_hits;	/* review_hold_render(): kept ones */
	size_t reviews;		/* reviews kept now (current generation) */
	int64_t generation;	/* the current generation, 0: none */
};

void review_cache_stats(struct review_cache *c,
			struct review_cache_stats *out);

#endif
