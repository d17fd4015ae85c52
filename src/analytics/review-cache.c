/*
 * review-cache.c: one history and its reviews per data generation,
 * shared by threads (see review-cache.h for the contract).
 *
 * The cache points at the current generation (struct rc_gen), which
 * holds the loaded history and a list of reviews computed from it in
 * least-recently-used order (struct rc_entry).  Generations are
 * reference counted: one reference while current, one per hold.  A
 * review is pinned by every hold that got it; one dropped from the list
 * (evicted) while pinned is "detached" and freed at its last unpin.  A
 * hold keeps its generation, so a pinned review never outlives the
 * history it was computed from.
 *
 * Everything in these structs is guarded by the cache's mutex, except a
 * generation's history, which is written once by the thread that loads
 * it (while `loading`) and only read after: threads wait for `loading`
 * to clear under the mutex before they read it.  A review is likewise
 * written by the thread that computes it before `ready` is set.
 *
 * Which generation a history belongs to: the number is read before the
 * history is loaded, so a history is never older than its number.  A
 * history loaded while an import commits (newer than its number, or even
 * part old, part new, as the loader reads table by table) is replaced at
 * the next request, which reads the newer number and misses.  Any number
 * other than the current one is a miss (not only a larger one): a store
 * file replaced under the server must not be shadowed by the old data.
 */
#include "base/compat.h"
#include <pthread.h>
#include "analytics/review-cache.h"
#include "base/parse.h"
#include "base/xalloc.h"

/* What review_hold_render() keeps: fn(r, arg) of the entry's review. */
struct rc_blob {
	review_render_fn *fn;
	int arg;
	char *data;
	size_t len;
};

struct rc_entry {
	/* the key */
	int year;
	enum review_scope_kind kind;
	char code[sizeof(((struct review_scope *)0)->code)];
	bool published;
	/* LRU list of its generation, most recent first */
	struct rc_entry *prev, *next;
	bool listed;		/* false: detached, freed at the last unpin */
	bool ready;		/* r computed; false: a thread computes it */
	int pins;		/* holds that got it, and its computer */
	struct review *r;
	struct rc_blob *blobs;	/* rendered from r */
	size_t nblobs;
};

struct rc_gen {
	int64_t n;
	int refs;		/* holds, plus one while current */
	bool loading;		/* a thread is loading h */
	int load_rc;		/* the load failed: its error */
	struct err load_err;
	struct history h;
	struct rc_entry *head, *tail;
	size_t nentries;
};

struct review_cache {
	pthread_mutex_t mu;
	pthread_cond_t cv;	/* a load or a computation ended */
	size_t max_reviews;
	struct rc_gen *cur;	/* NULL: none yet, or the last load failed */
	struct review_cache_stats st;
};

struct review_hold {
	struct review_cache *c;
	struct rc_gen *gen;
	struct rc_entry **pins;	/* the reviews it got, once per get */
	size_t npins, apins;
};

struct review_cache *review_cache_new(size_t max_reviews)
{
	struct review_cache *c = xcalloc(1, sizeof(*c));

	if (pthread_mutex_init(&c->mu, NULL) ||
	    pthread_cond_init(&c->cv, NULL))
		BUG("cannot initialise the review cache's mutex");
	c->max_reviews = max_reviews ? max_reviews : REVIEW_CACHE_DEFAULT_MAX;
	return c;
}

static void entry_free(struct rc_entry *e)
{
	for (size_t i = 0; i < e->nblobs; i++)
		free(e->blobs[i].data);
	free(e->blobs);
	review_free(e->r);
	free(e);
}

/* Free a generation nobody refers to (called without the mutex). */
static void gen_free(struct rc_gen *g)
{
	struct rc_entry *e = g->head;

	while (e) {
		struct rc_entry *next = e->next;

		if (e->pins)
			BUG("review cache: a pinned review in a dead "
			    "generation");
		entry_free(e);
		e = next;
	}
	history_release(&g->h);
	free(g);
}

/* Drop a reference (mutex held); true when g is to be gen_free()d. */
static bool gen_unref(struct rc_gen *g)
{
	if (g->refs <= 0)
		BUG("review cache: generation reference count %d", g->refs);
	return --g->refs == 0;
}

void review_cache_free(struct review_cache *c)
{
	if (!c)
		return;
	if (c->cur && !gen_unref(c->cur))
		BUG("review cache freed while held");
	if (c->cur)
		gen_free(c->cur);
	pthread_cond_destroy(&c->cv);
	pthread_mutex_destroy(&c->mu);
	free(c);
}

static struct review_cache *shared;
static pthread_once_t shared_once = PTHREAD_ONCE_INIT;

static void shared_init(void)
{
	shared = review_cache_new(0);
}

struct review_cache *review_cache_shared(void)
{
	pthread_once(&shared_once, shared_init);
	return shared;
}

/* ---- holds and generations ----------------------------------------------- */

/* Drop a reference to g, and free g if it was the last (called with the
 * mutex held; returns with it unlocked). */
static void unref_unlock(struct review_cache *c, struct rc_gen *g)
{
	bool dead = gen_unref(g);

	pthread_mutex_unlock(&c->mu);
	if (dead)
		gen_free(g);
}

int review_cache_hold(struct review_cache *c, struct store *s,
		      struct review_hold **out, struct err *err)
{
	struct rc_gen *g, *old;
	int64_t n;
	bool old_dead = false;
	int rc;

	*out = NULL;
	rc = store_data_generation(s, &n, err);
	if (rc)
		return rc;
	pthread_mutex_lock(&c->mu);
	g = c->cur;
	if (g && g->n == n) {
		g->refs++;
		if (g->loading)
			c->st.waits++;
		while (g->loading)
			pthread_cond_wait(&c->cv, &c->mu);
		if (g->load_rc)
			goto failed;
		goto held;
	}
	/* a new generation: this thread loads it, the others wait */
	g = xcalloc(1, sizeof(*g));
	g->n = n;
	g->refs = 2;		/* current, and this hold */
	g->loading = true;
	g->h = (struct history)HISTORY_INIT;
	old = c->cur;
	c->cur = g;
	if (old)
		old_dead = gen_unref(old);
	c->st.history_loads++;
	c->st.generation = n;
	pthread_mutex_unlock(&c->mu);
	if (old_dead)
		gen_free(old);

	rc = store_history_load(s, &g->h, &g->load_err);

	pthread_mutex_lock(&c->mu);
	g->loading = false;
	g->load_rc = rc;
	pthread_cond_broadcast(&c->cv);
	if (rc) {
		/* not cached: the next request tries again */
		if (c->cur == g) {
			c->cur = NULL;
			c->st.generation = 0;
			gen_unref(g);	/* not the last: this hold has one */
		}
		goto failed;
	}
held:
	pthread_mutex_unlock(&c->mu);
	*out = xcalloc(1, sizeof(**out));
	(*out)->c = c;
	(*out)->gen = g;
	return 0;
failed:
	rc = g->load_rc;
	err_set(err, rc, "%s", err_text(&g->load_err));
	unref_unlock(c, g);
	return rc;
}

const struct history *review_hold_history(const struct review_hold *hold)
{
	return &hold->gen->h;
}

int64_t review_hold_generation(const struct review_hold *hold)
{
	return hold->gen->n;
}

/* ---- reviews ------------------------------------------------------------ */

static void list_unlink(struct rc_gen *g, struct rc_entry *e)
{
	if (e->prev)
		e->prev->next = e->next;
	else
		g->head = e->next;
	if (e->next)
		e->next->prev = e->prev;
	else
		g->tail = e->prev;
	e->prev = e->next = NULL;
	e->listed = false;
	g->nentries--;
}

static void list_push(struct rc_gen *g, struct rc_entry *e)
{
	e->prev = NULL;
	e->next = g->head;
	if (g->head)
		g->head->prev = e;
	else
		g->tail = e;
	g->head = e;
	e->listed = true;
	g->nentries++;
}

static struct rc_entry *find(struct rc_gen *g, int year,
			     const struct review_scope *scope, bool published)
{
	for (struct rc_entry *e = g->head; e; e = e->next)
		if (e->year == year && e->kind == scope->kind &&
		    e->published == published && !strcmp(e->code, scope->code))
			return e;
	return NULL;
}

/*
 * Keep at most max entries (mutex held): drop the least recently used,
 * preferring one that no hold has; a held one is detached and freed at
 * its last unpin.  Returns a chain (through ->next) to entry_free()
 * after unlocking.
 */
static struct rc_entry *evict(struct review_cache *c, struct rc_gen *g)
{
	struct rc_entry *dead = NULL;

	while (g->nentries > c->max_reviews) {
		struct rc_entry *e = g->tail;

		while (e && e->pins)
			e = e->prev;
		if (!e)
			e = g->tail;
		list_unlink(g, e);
		c->st.evictions++;
		if (!e->pins) {
			e->next = dead;
			dead = e;
		}
	}
	return dead;
}

static void free_chain(struct rc_entry *e)
{
	while (e) {
		struct rc_entry *next = e->next;

		entry_free(e);
		e = next;
	}
}

/* Note that hold got e (mutex held; e->pins already counts it). */
static void hold_pin(struct review_hold *hold, struct rc_entry *e)
{
	if (hold->npins == hold->apins) {
		hold->apins = hold->apins ? 2 * hold->apins : 8;
		hold->pins = xrealloc(hold->pins,
				      hold->apins * sizeof(*hold->pins));
	}
	hold->pins[hold->npins++] = e;
}

int review_hold_get(struct review_hold *hold, int year,
		    const struct review_scope *scope, bool published,
		    const struct review **out, struct err *err)
{
	struct review_cache *c = hold->c;
	struct rc_gen *g = hold->gen;
	struct review_scope sc;
	struct rc_entry *e, *dead;
	struct review *r = NULL;
	int rc;

	*out = NULL;
	memset(&sc, 0, sizeof(sc));
	sc.kind = scope->kind;
	if (str_copy(sc.code, sizeof(sc.code), scope->code))
		return err_set(err, ERR_NOT_FOUND, "no such scope");
	pthread_mutex_lock(&c->mu);
	while ((e = find(g, year, &sc, published)) && !e->ready) {
		c->st.waits++;
		pthread_cond_wait(&c->cv, &c->mu);
	}
	if (e) {
		c->st.review_hits++;
		list_unlink(g, e);
		list_push(g, e);
		e->pins++;
		hold_pin(hold, e);
		pthread_mutex_unlock(&c->mu);
		*out = e->r;
		return 0;
	}
	/* a miss: compute it here; others asking meanwhile wait */
	e = xcalloc(1, sizeof(*e));
	e->year = year;
	e->kind = sc.kind;
	memcpy(e->code, sc.code, sizeof(e->code));
	e->published = published;
	e->pins = 1;
	list_push(g, e);
	c->st.reviews_computed++;
	pthread_mutex_unlock(&c->mu);

	if (sc.kind == SCOPE_NATIONAL && sc.code[0]) {
		/* Wales as council sc.code's staff compare with it: published
		 * but for the council's own row (review_hold_get()) */
		struct review_scope wales = sc;

		wales.code[0] = '\0';
		rc = review_compute(&g->h, year, &wales, &r, err);
		if (!rc)
			review_publish_except(r, sc.code);
	} else {
		rc = review_compute(&g->h, year, &sc, &r, err);
		if (!rc && published)
			review_publish(r);
	}

	pthread_mutex_lock(&c->mu);
	pthread_cond_broadcast(&c->cv);
	if (rc) {
		/* not cached: those waiting compute it (and fail) themselves */
		if (e->listed)
			list_unlink(g, e);
		pthread_mutex_unlock(&c->mu);
		free(e);
		return rc;
	}
	e->r = r;
	e->ready = true;
	hold_pin(hold, e);	/* the computer's pin becomes the hold's */
	/* the bound, once there is something to keep (a failure evicts
	 * nothing); entries being computed count meanwhile */
	dead = evict(c, g);
	pthread_mutex_unlock(&c->mu);
	free_chain(dead);
	*out = r;
	return 0;
}

static const struct rc_blob *find_blob(const struct rc_entry *e,
				       review_render_fn *fn, int arg)
{
	for (size_t i = 0; i < e->nblobs; i++)
		if (e->blobs[i].fn == fn && e->blobs[i].arg == arg)
			return &e->blobs[i];
	return NULL;
}

int review_hold_render(struct review_hold *hold, const struct review *r,
		       review_render_fn *fn, int arg, const char **data,
		       size_t *len, struct err *err)
{
	struct review_cache *c = hold->c;
	struct rc_entry *e = NULL;
	const struct rc_blob *b;
	struct buf out = BUF_INIT(BUF_MAX_DEFAULT);
	char *mine;
	size_t n;
	int rc;

	*data = NULL;
	*len = 0;
	/* the hold's own list: only this thread changes it */
	for (size_t i = 0; i < hold->npins && !e; i++)
		if (hold->pins[i]->r == r)
			e = hold->pins[i];
	if (!e)
		BUG("review_hold_render: a review not got through this hold");
	pthread_mutex_lock(&c->mu);
	b = find_blob(e, fn, arg);
	if (b) {
		c->st.render_hits++;
		*data = b->data;
		*len = b->len;
		pthread_mutex_unlock(&c->mu);
		return 0;
	}
	c->st.renders++;
	pthread_mutex_unlock(&c->mu);

	rc = fn(r, arg, &out, err);
	if (!rc && buf_error(&out))
		rc = err_set(err, buf_error(&out), "rendering: too large");
	if (rc) {
		buf_release(&out);
		return rc;
	}
	mine = buf_detach(&out, &n);

	pthread_mutex_lock(&c->mu);
	b = find_blob(e, fn, arg);	/* another thread's, meanwhile? */
	if (!b) {
		e->blobs = xrealloc(e->blobs,
				    (e->nblobs + 1) * sizeof(*e->blobs));
		e->blobs[e->nblobs] = (struct rc_blob){ fn, arg, mine, n };
		b = &e->blobs[e->nblobs++];
		mine = NULL;
	}
	*data = b->data;
	*len = b->len;
	pthread_mutex_unlock(&c->mu);
	free(mine);
	return 0;
}

void review_hold_release(struct review_hold *hold)
{
	struct review_cache *c;
	struct rc_entry *dead = NULL;

	if (!hold)
		return;
	c = hold->c;
	pthread_mutex_lock(&c->mu);
	for (size_t i = 0; i < hold->npins; i++) {
		struct rc_entry *e = hold->pins[i];

		if (--e->pins == 0 && !e->listed) {
			e->next = dead;
			dead = e;
		}
	}
	unref_unlock(c, hold->gen);
	free_chain(dead);
	free(hold->pins);
	free(hold);
}

void review_cache_stats(struct review_cache *c,
			struct review_cache_stats *out)
{
	pthread_mutex_lock(&c->mu);
	*out = c->st;
	out->reviews = c->cur ? c->cur->nentries : 0;
	pthread_mutex_unlock(&c->mu);
}
