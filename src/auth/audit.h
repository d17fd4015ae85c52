/*
 * audit.h: the audit trail: who saw or changed what, when, from where.
 *
 * Every view or change of a child's record, every sign-in and sign-out
 * and every change to users, organisations and API tokens appends one row
 * (struct audit_row in store.h).  The trail is append-only (the store
 * refuses UPDATE and DELETE) and hash-chained: each row carries the hash
 * of the row before it and its own hash
 *
 *	hash = hex(BLAKE2b-256(prev_hash || "\n" || canonical(row)))
 *
 * where canonical(row) is "cartref-audit-v1\n" and then, for id, at,
 * user_id, org_id, actor, role, action, subject_kind, subject_id, detail
 * and ip in that order, "<byte length>:<bytes>\n" (ids in decimal, a
 * missing id as the empty string).  The first row's prev_hash is 64
 * zeros.  Row ids are contiguous from 1.  So a changed row no longer
 * matches its hash, a row changed together with its hash breaks the next
 * row's link, and a deleted row leaves a gap: audit_verify() finds all
 * three.  Removing rows from the end, or rewriting the whole trail with
 * hashes recomputed, is found only against an anchor kept elsewhere: the
 * head's id and hash with a MAC under an operator's key (audit_anchor(),
 * `cartref audit anchor`), which audit_verify_anchor() checks the trail
 * still holds (docs/security.md).
 */
#ifndef CARTREF_AUDIT_H
#define CARTREF_AUDIT_H

#include "base/compat.h"
#include "base/err.h"
#include "store/store-people.h"

/* The prev_hash of row 1. */
#define AUDIT_GENESIS \
	"0000000000000000000000000000000000000000000000000000000000000000"

/*
 * Who is acting.  The web layer passes the signed-in user and the client
 * address; the CLI passes no user and a name such as "cli:root".
 */
struct auth_actor {
	const struct user *user;	/* signed-in user, or NULL */
	const char *name;		/* without a user: "cli:root"; NULL ok */
	const char *ip;			/* client address; NULL or "" if none */
};

struct audit_event {
	int64_t at;			/* ms since 1970 UTC (auth_now_ms()) */
	const struct auth_actor *by;
	const char *action;		/* "view", "change", "sign-in", ... */
	const char *subject_kind;	/* "child", "home", "user", ...; NULL */
	const char *subject_id;		/* NULL: none */
	const char *detail;		/* NULL: none */
};

/*
 * Append e to the trail, in a transaction (nested in the caller's if
 * any) that reads the head and extends the chain.  Text longer than its
 * column (store.h's AUDIT_*_MAX) is cut at a UTF-8 boundary; the action
 * must be 1 to AUDIT_WORD_MAX bytes.  When a caller's change and its
 * audit row must stand or fall together, call this inside the caller's
 * store_begin()/store_commit().
 */
int audit_append(struct store *s, const struct audit_event *e,
		 struct err *err);

/*
 * Group commit, for the server's threads: views of children append
 * their rows through one struct audit_writer.  A thread whose row finds
 * no one writing becomes the leader: on its own store it appends its row
 * and every row queued meanwhile in one transaction (reading the head
 * inside it, so rows the CLI appends between two groups keep the chain
 * whole), then the next group, until none is waiting.  The others queue
 * their row and wait.  audit_writer_append() returns only when the
 * transaction holding its row has committed (0) or failed (the error):
 * a view of a child is still recorded before its data is returned, a
 * crash loses no row that was answered for, and the caller pays a share
 * of one COMMIT.  A group that fails at one row is retried one row per
 * transaction, so a bad row fails alone.  Only the leader writes, so the
 * threads never wait on each other's SQLite write lock.  Every store
 * passed must be a connection to the same database.  Rows that must
 * stand or fall with a change (sign-in, users, tokens) keep using
 * audit_append() inside the change's transaction.
 */
struct audit_writer;

struct audit_writer *audit_writer_new(void);
/* After every thread that appends through w has stopped; NULL is ok. */
void audit_writer_free(struct audit_writer *w);
/* Append e through w (leading on store s if no one is writing) and wait
 * for the commit that holds it.  s must not be inside a transaction. */
int audit_writer_append(struct audit_writer *w, struct store *s,
			const struct audit_event *e, struct err *err);
/* Rows written through w so far, and the transactions they took. */
void audit_writer_stats(struct audit_writer *w, int64_t *rows,
			int64_t *commits);

/*
 * Route this thread's audited views of children in store s through w
 * (viewer_from_user()'s hook, auth/viewer.c): a server thread calls it
 * for its own store.  The hook has no context argument, so the binding
 * is per thread, and it applies only to that one store (any other store
 * of the thread, e.g. a test's, still writes its rows itself).  NULL w
 * unbinds.
 */
void audit_writer_bind(struct audit_writer *w, const struct store *s);
/* The writer bound to this thread for store s, or NULL. */
struct audit_writer *audit_writer_bound(const struct store *s);

/* The hash a row should carry, from its prev_hash and fields. */
void audit_row_hash(const struct audit_row *r, char out[AUDIT_HASH_HEX + 1]);

/*
 * Recompute the chain from row 1.  0: intact, *count rows, *first_bad 0.
 * ERR_CONSTRAINT: broken; *first_bad is the first changed, unlinked or
 * missing row's id (0 when only the store's append-only guard is gone)
 * and err says which.  Other codes: the store failed.
 */
int audit_verify(struct store *s, int64_t *first_bad, int64_t *count,
		 struct err *err);

/*
 * Anchors: "cartref-audit-anchor-v1:ID:HASH:MAC", where MAC is the hex
 * HMAC-SHA512-256 (libsodium crypto_auth) of
 * "cartref-audit-anchor-v1\nID\nHASH" under the anchor key.  The key is
 * BLAKE2b-256 of the key material an operator keeps (a private file of
 * at least AUDIT_KEY_MIN bytes, such as 32 random bytes).
 */
#define AUDIT_KEY_BYTES 32
#define AUDIT_KEY_MIN 32
#define AUDIT_ANCHOR_MAX 200

/* The anchor key from key material; ERR_INVALID if too short. */
int audit_anchor_key(const void *material, size_t n,
		     unsigned char key[AUDIT_KEY_BYTES], struct err *err);
/* Verify the trail (as audit_verify()) and, if intact, write the anchor
 * of its head (row 0 and AUDIT_GENESIS when empty) to out. */
int audit_anchor(struct store *s, const unsigned char key[AUDIT_KEY_BYTES],
		 char out[AUDIT_ANCHOR_MAX], int64_t *first_bad,
		 int64_t *count, struct err *err);
/*
 * audit_verify(), and then that the trail still holds the anchored row
 * with the anchored hash.  ERR_INVALID: not an anchor.  ERR_DENIED: its
 * MAC is wrong (another key, or the anchor was altered).  ERR_CONSTRAINT:
 * the trail is broken, ends before the anchored row (truncated) or holds
 * another row there (rewritten); *first_bad as audit_verify() (the
 * anchored row when the trail was rewritten, 0 when truncated).
 */
int audit_verify_anchor(struct store *s, const char *anchor,
			const unsigned char key[AUDIT_KEY_BYTES],
			int64_t *first_bad, int64_t *count, struct err *err);

#endif
