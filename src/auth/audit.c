/*
 * audit.c: appending to and verifying the hash-chained audit trail (the
 * chain is described in audit.h).
 *
 * The canonical form length-prefixes every field, so no choice of field
 * contents (newlines included) can make two different rows serialise the
 * same.  Hashing streams the fields into BLAKE2b without building the
 * text.
 */
#include "base/compat.h"
#include <inttypes.h>
#include <pthread.h>
#include <sodium.h>
#include "auth/auth-internal.h"
#include "base/xalloc.h"

static void hash_field(crypto_generichash_state *st, const char *v)
{
	char len[24];
	size_t n = strlen(v);

	snprintf(len, sizeof(len), "%zu:", n);
	crypto_generichash_update(st, (const unsigned char *)len, strlen(len));
	crypto_generichash_update(st, (const unsigned char *)v, n);
	crypto_generichash_update(st, (const unsigned char *)"\n", 1);
}

static void hash_id(crypto_generichash_state *st, int64_t id)
{
	char v[24] = "";

	if (id)
		snprintf(v, sizeof(v), "%" PRId64, id);
	hash_field(st, v);
}

void audit_row_hash(const struct audit_row *r, char out[AUDIT_HASH_HEX + 1])
{
	static const char magic[] = "cartref-audit-v1\n";
	unsigned char h[AUDIT_HASH_HEX / 2];
	crypto_generichash_state st;
	char at[STORE_TIME_MAX];

	/* the chain hashes the instant as the store keeps it, ISO 8601
	 * text with milliseconds: rows written before the instant was a
	 * number verify unchanged */
	store_time_fmt(r->at, at);
	auth__sodium();
	crypto_generichash_init(&st, NULL, 0, sizeof(h));
	crypto_generichash_update(&st, (const unsigned char *)r->prev_hash,
				  strlen(r->prev_hash));
	crypto_generichash_update(&st, (const unsigned char *)"\n", 1);
	crypto_generichash_update(&st, (const unsigned char *)magic,
				  sizeof(magic) - 1);
	hash_id(&st, r->id);
	hash_field(&st, at);
	hash_id(&st, r->user_id);
	hash_id(&st, r->org_id);
	hash_field(&st, r->actor);
	hash_field(&st, r->role);
	hash_field(&st, r->action);
	hash_field(&st, r->subject_kind);
	hash_field(&st, r->subject_id);
	hash_field(&st, r->detail);
	hash_field(&st, r->ip);
	crypto_generichash_final(&st, h, sizeof(h));
	sodium_bin2hex(out, AUDIT_HASH_HEX + 1, h, sizeof(h));
}

/* Copy src (NULL: "") into dst[cap], cut at a UTF-8 boundary. */
static void put(char *dst, size_t cap, const char *src)
{
	size_t n = src ? auth__utf8_prefix(src, cap - 1) : 0;

	if (n)
		memcpy(dst, src, n);
	dst[n] = '\0';
}

/* The row of e without its place in the chain (id, prev_hash, hash). */
static int row_of(const struct audit_event *e, struct audit_row *r,
		  struct err *err)
{
	const struct auth_actor *by = e->by;

	if (!auth__text_ok(e->action, AUDIT_WORD_MAX))
		return err_set(err, ERR_INVALID, "an audit row needs an action "
			       "of 1 to %d bytes", AUDIT_WORD_MAX);
	memset(r, 0, sizeof(*r));
	r->at = e->at;
	if (by && by->user) {
		r->user_id = by->user->id;
		r->org_id = by->user->org_id;
		put(r->actor, sizeof(r->actor), by->user->email);
		put(r->role, sizeof(r->role), role_name(by->user->role));
	} else {
		put(r->actor, sizeof(r->actor),
		    by && by->name && *by->name ? by->name : "system");
	}
	put(r->action, sizeof(r->action), e->action);
	put(r->subject_kind, sizeof(r->subject_kind), e->subject_kind);
	put(r->subject_id, sizeof(r->subject_id), e->subject_id);
	put(r->detail, sizeof(r->detail), e->detail);
	put(r->ip, sizeof(r->ip), by ? by->ip : NULL);
	return 0;
}

/*
 * Append rows[0..n) (each rows[i] through row(ctx, i)) after the head,
 * in one transaction (nested in the caller's if any): ids, links and
 * hashes are set here, in order.  *bad_row (may be NULL) is set when an
 * insert failed, rather than the transaction (a busy store, say).
 */
typedef struct audit_row *audit_row_at_fn(void *ctx, size_t i);

static int append_rows(struct store *s, audit_row_at_fn *row, void *ctx,
		       size_t n, bool *bad_row, struct err *err)
{
	char prev[AUDIT_HASH_HEX + 1] = "";
	int64_t id = 0;
	int rc;

	rc = store_begin(s, err);
	if (rc)
		return rc;
	rc = store_audit_head(s, &id, prev, err);
	if (rc)
		goto out;
	if (!prev[0])
		put(prev, sizeof(prev), AUDIT_GENESIS);
	for (size_t i = 0; i < n && !rc; i++) {
		struct audit_row *r = row(ctx, i);

		r->id = ++id;
		memcpy(r->prev_hash, prev, sizeof(prev));
		audit_row_hash(r, r->hash);
		rc = store_audit_insert(s, r, err);
		if (rc && bad_row)
			*bad_row = true;
		memcpy(prev, r->hash, sizeof(prev));
	}
	if (!rc)
		rc = store_commit(s, err);
out:
	if (rc)
		store_rollback(s);
	return rc;
}

static struct audit_row *the_row(void *ctx, size_t i)
{
	(void)i;
	return ctx;
}

int audit_append(struct store *s, const struct audit_event *e,
		 struct err *err)
{
	struct audit_row r;
	int rc = row_of(e, &r, err);

	return rc ? rc : append_rows(s, the_row, &r, 1, NULL, err);
}

/* ---- group commit ------------------------------------------------------------- */

/*
 * Leader and followers, with no thread of its own: a thread whose row
 * finds no one writing becomes the leader and writes, on its own store,
 * its row and every row queued meanwhile, group after group, until the
 * queue is empty; the others (followers) queue their row and wait for
 * the leader to say it is done.  Alone, a request writes its own row at
 * once, with no hand-over; under load, a commit carries many rows.  Only
 * the leader writes, so the server's threads never wait on each other's
 * SQLite write lock (whose busy handler sleeps for milliseconds).
 */

/* A row waiting for the leader, on the stack of the thread that waits. */
struct pending {
	struct audit_row r;
	struct pending *next;
	pthread_cond_t cond;	/* signalled when done */
	bool done;
	int rc;
	struct err err;
};

struct audit_writer {
	pthread_mutex_t mu;
	struct pending *head, **tail;
	bool leader;		/* someone is writing */
	int64_t rows, commits;
};

/* A group in an array, for append_rows(). */
struct group {
	struct pending **p;
};

static struct audit_row *group_row(void *ctx, size_t i)
{
	return &((struct group *)ctx)->p[i]->r;
}

/* Write p[0..n) in one transaction; the commits it took. */
static int64_t write_group(struct store *s, struct pending **p, size_t n)
{
	struct group g = { p };
	struct err err = ERR_INIT;
	int64_t commits = 0;
	bool bad_row = false;
	int rc = append_rows(s, group_row, &g, n, &bad_row, &err);

	if (!rc) {
		for (size_t i = 0; i < n; i++)
			p[i]->rc = 0;
		return 1;
	}
	if (n == 1 || !bad_row) {
		/* the store refused the transaction: every row fails, at once
		 * (retrying each would wait out the busy timeout n times) */
		for (size_t i = 0; i < n; i++) {
			p[i]->rc = rc;
			p[i]->err = err;
		}
		return 0;
	}
	/* one row at a time, so that a bad row fails alone */
	for (size_t i = 0; i < n; i++)
		commits += write_group(s, p + i, 1);
	return commits;
}

/* The leader's loop, entered and left with w->mu held. */
static void lead(struct audit_writer *w, struct store *s)
{
	struct pending **arr = NULL;
	size_t alloc = 0;

	w->leader = true;
	while (w->head) {
		struct pending *batch = w->head, *p, *next;
		int64_t commits;
		size_t n = 0, ok = 0;

		w->head = NULL;
		w->tail = &w->head;
		pthread_mutex_unlock(&w->mu);

		for (p = batch; p; p = p->next) {
			ALLOC_GROW(arr, n + 1, alloc);
			arr[n++] = p;
		}
		commits = write_group(s, arr, n);
		for (size_t i = 0; i < n; i++)
			ok += arr[i]->rc == 0;

		pthread_mutex_lock(&w->mu);
		w->rows += (int64_t)ok;
		w->commits += commits;
		for (p = batch; p; p = next) {
			next = p->next;	/* p is its waiter's once done */
			p->done = true;
			pthread_cond_signal(&p->cond);
		}
	}
	w->leader = false;
	free(arr);
}

struct audit_writer *audit_writer_new(void)
{
	struct audit_writer *w = xcalloc(1, sizeof(*w));

	pthread_mutex_init(&w->mu, NULL);
	w->tail = &w->head;
	return w;
}

void audit_writer_free(struct audit_writer *w)
{
	if (!w)
		return;
	pthread_mutex_lock(&w->mu);
	if (w->leader || w->head)
		BUG("audit writer stopped while rows are being written");
	pthread_mutex_unlock(&w->mu);
	pthread_mutex_destroy(&w->mu);
	free(w);
}

int audit_writer_append(struct audit_writer *w, struct store *s,
			const struct audit_event *e, struct err *err)
{
	struct pending p;
	int rc = row_of(e, &p.r, err);

	if (rc)
		return rc;
	p.next = NULL;
	p.done = false;
	p.rc = 0;
	err_clear(&p.err);
	pthread_cond_init(&p.cond, NULL);
	pthread_mutex_lock(&w->mu);
	*w->tail = &p;
	w->tail = &p.next;
	if (!w->leader)
		lead(w, s);	/* writes p too, before it returns */
	while (!p.done)
		pthread_cond_wait(&p.cond, &w->mu);
	rc = p.rc;
	if (rc)
		err_set(err, rc, "%s", err_text(&p.err));
	pthread_mutex_unlock(&w->mu);
	pthread_cond_destroy(&p.cond);
	return rc;
}

void audit_writer_stats(struct audit_writer *w, int64_t *rows,
			int64_t *commits)
{
	pthread_mutex_lock(&w->mu);
	*rows = w->rows;
	*commits = w->commits;
	pthread_mutex_unlock(&w->mu);
}

/* The writer for one store of this thread (audit.h). */
static _Thread_local struct {
	struct audit_writer *w;
	const struct store *s;
} bound;

void audit_writer_bind(struct audit_writer *w, const struct store *s)
{
	bound.w = w;
	bound.s = w ? s : NULL;
}

struct audit_writer *audit_writer_bound(const struct store *s)
{
	return bound.w && s && bound.s == s ? bound.w : NULL;
}

int auth__audit(struct store *s, const struct auth_actor *by, int64_t now,
		const char *action, const char *subject_kind,
		const char *subject_id, struct err *err, const char *fmt, ...)
{
	/* twice the column: audit_append() cuts it at a UTF-8 boundary */
	char detail[2 * AUDIT_DETAIL_MAX];
	struct audit_event e = { now, by, action, subject_kind, subject_id,
				 NULL };
	va_list ap;

	if (fmt) {
		va_start(ap, fmt);
		vsnprintf(detail, sizeof(detail), fmt, ap);
		va_end(ap);
		e.detail = detail;
	}
	return audit_append(s, &e, err);
}

/* ---- verification ------------------------------------------------------------- */

struct verify {
	int64_t next_id;	/* the id the next row must have */
	char prev[AUDIT_HASH_HEX + 1];
	int64_t count;
	int64_t bad;
	struct err *err;
	int64_t anchor_id;	/* 0: no anchor */
	const char *anchor_hash;
};

static int verify_row(const struct audit_row *r, void *ctx)
{
	struct verify *v = ctx;
	char want[AUDIT_HASH_HEX + 1];

	if (r->id != v->next_id) {
		v->bad = v->next_id;
		if (r->id > v->next_id)
			return err_set(v->err, ERR_CONSTRAINT,
				       "audit row %" PRId64 " is missing: the "
				       "trail goes from row %" PRId64
				       " to row %" PRId64,
				       v->next_id, v->next_id - 1, r->id);
		return err_set(v->err, ERR_CONSTRAINT,
			       "audit row %" PRId64 " is out of order",
			       r->id);
	}
	audit_row_hash(r, want);
	if (strcmp(want, r->hash)) {
		v->bad = r->id;
		return err_set(v->err, ERR_CONSTRAINT,
			       "audit row %" PRId64 " has been changed: its "
			       "hash does not match its contents", r->id);
	}
	if (strcmp(r->prev_hash, v->prev)) {
		v->bad = r->id;
		return err_set(v->err, ERR_CONSTRAINT,
			       "audit row %" PRId64 " does not follow row "
			       "%" PRId64 ": the chain is broken (one of them "
			       "was changed, or rows replaced)",
			       r->id, r->id - 1);
	}
	if (v->anchor_id == r->id && strcmp(r->hash, v->anchor_hash)) {
		v->bad = r->id;
		return err_set(v->err, ERR_CONSTRAINT,
			       "audit row %" PRId64 " is not the row the "
			       "anchor names: the trail has been rewritten "
			       "from there or before", r->id);
	}
	memcpy(v->prev, r->hash, sizeof(v->prev));
	v->next_id++;
	v->count++;
	return 0;
}

static int verify(struct store *s, struct verify *vp, int64_t *first_bad,
		  int64_t *count, struct err *err)
{
	struct verify v = *vp;
	bool guarded;
	int rc;

	*first_bad = 0;
	*count = 0;
	rc = store_audit_scan(s, verify_row, &v, err);
	*count = v.count;
	if (rc) {
		*first_bad = v.bad;
		return rc;
	}
	rc = store_audit_protected(s, &guarded, err);
	if (rc)
		return rc;
	if (!guarded)
		return err_set(err, ERR_CONSTRAINT,
			       "the store no longer refuses changes to the "
			       "audit trail (its append-only triggers are "
			       "missing, altered or joined by others)");
	if (v.anchor_id > v.count)
		return err_set(err, ERR_CONSTRAINT,
			       "the audit trail ends at row %" PRId64 ", before "
			       "row %" PRId64 " that the anchor names: rows "
			       "have been removed from the end", v.count,
			       v.anchor_id);
	return 0;
}

int audit_verify(struct store *s, int64_t *first_bad, int64_t *count,
		 struct err *err)
{
	struct verify v = { 1, AUDIT_GENESIS, 0, 0, err, 0, NULL };

	return verify(s, &v, first_bad, count, err);
}

/* ---- anchors ------------------------------------------------------------------ */

#define ANCHOR_MAGIC "cartref-audit-anchor-v1"

int audit_anchor_key(const void *material, size_t n,
		     unsigned char key[AUDIT_KEY_BYTES], struct err *err)
{
	if (n < AUDIT_KEY_MIN)
		return err_set(err, ERR_INVALID, "an anchor key needs at least "
			       "%d bytes of key material (%zu given)",
			       AUDIT_KEY_MIN, n);
	auth__sodium();
	crypto_generichash(key, AUDIT_KEY_BYTES, material, n, NULL, 0);
	return 0;
}

/* The hex MAC of (id, hash) under key. */
static void anchor_mac(int64_t id, const char *hash,
		       const unsigned char key[AUDIT_KEY_BYTES],
		       char out[2 * crypto_auth_BYTES + 1])
{
	unsigned char mac[crypto_auth_BYTES];
	char msg[sizeof(ANCHOR_MAGIC) + 24 + AUDIT_HASH_HEX + 2];
	int n = snprintf(msg, sizeof(msg), ANCHOR_MAGIC "\n%" PRId64 "\n%s",
			 id, hash);

	crypto_auth(mac, (const unsigned char *)msg, (size_t)n, key);
	sodium_bin2hex(out, 2 * crypto_auth_BYTES + 1, mac, sizeof(mac));
}

int audit_anchor(struct store *s, const unsigned char key[AUDIT_KEY_BYTES],
		 char out[AUDIT_ANCHOR_MAX], int64_t *first_bad,
		 int64_t *count, struct err *err)
{
	char hash[AUDIT_HASH_HEX + 1], mac[2 * crypto_auth_BYTES + 1];
	int64_t id = 0;
	int rc;

	out[0] = '\0';
	rc = audit_verify(s, first_bad, count, err);
	if (!rc)
		rc = store_audit_head(s, &id, hash, err);
	if (rc)
		return rc;
	if (!id)
		put(hash, sizeof(hash), AUDIT_GENESIS);
	anchor_mac(id, hash, key, mac);
	snprintf(out, AUDIT_ANCHOR_MAX, ANCHOR_MAGIC ":%" PRId64 ":%s:%s", id,
		 hash, mac);
	return 0;
}

static bool all_hex(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strchr("0123456789abcdef", p[i]) || !p[i])
			return false;
	return true;
}

int audit_verify_anchor(struct store *s, const char *anchor,
			const unsigned char key[AUDIT_KEY_BYTES],
			int64_t *first_bad, int64_t *count, struct err *err)
{
	static const char magic[] = ANCHOR_MAGIC ":";
	struct verify v = { 1, AUDIT_GENESIS, 0, 0, err, 0, NULL };
	char hash[AUDIT_HASH_HEX + 1], mac[2 * crypto_auth_BYTES + 1];
	const char *p = anchor ? anchor : "";
	char *end;
	long long id;

	*first_bad = 0;
	*count = 0;
	if (strncmp(p, magic, sizeof(magic) - 1))
		goto bad;
	p += sizeof(magic) - 1;
	if (*p < '0' || *p > '9')
		goto bad;
	errno = 0;
	id = strtoll(p, &end, 10);
	if (errno || id < 0 || *end != ':')
		goto bad;
	p = end + 1;
	if (!all_hex(p, AUDIT_HASH_HEX) || p[AUDIT_HASH_HEX] != ':')
		goto bad;
	memcpy(hash, p, AUDIT_HASH_HEX);
	hash[AUDIT_HASH_HEX] = '\0';
	p += AUDIT_HASH_HEX + 1;
	if (!all_hex(p, 2 * crypto_auth_BYTES) || p[2 * crypto_auth_BYTES])
		goto bad;
	anchor_mac(id, hash, key, mac);
	if (sodium_memcmp(mac, p, 2 * crypto_auth_BYTES))
		return err_set(err, ERR_DENIED, "the anchor's MAC does not "
			       "match: another key, or the anchor was altered");
	if (!id && strcmp(hash, AUDIT_GENESIS))
		goto bad;
	v.anchor_id = id;
	v.anchor_hash = hash;
	return verify(s, &v, first_bad, count, err);
bad:
	return err_set(err, ERR_INVALID, "not an audit anchor: expected "
		       ANCHOR_MAGIC ":ID:HASH:MAC, as `cartref audit anchor` "
		       "prints it");
}
