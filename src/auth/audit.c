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
#include <sodium.h>
#include "auth/auth-internal.h"

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

	auth__sodium();
	crypto_generichash_init(&st, NULL, 0, sizeof(h));
	crypto_generichash_update(&st, (const unsigned char *)r->prev_hash,
				  strlen(r->prev_hash));
	crypto_generichash_update(&st, (const unsigned char *)"\n", 1);
	crypto_generichash_update(&st, (const unsigned char *)magic,
				  sizeof(magic) - 1);
	hash_id(&st, r->id);
	hash_field(&st, r->at);
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

int audit_append(struct store *s, const struct audit_event *e,
		 struct err *err)
{
	const struct auth_actor *by = e->by;
	struct audit_row r;
	int rc;

	if (!auth__text_ok(e->action, AUDIT_WORD_MAX))
		return err_set(err, ERR_INVALID, "an audit row needs an action "
			       "of 1 to %d bytes", AUDIT_WORD_MAX);
	memset(&r, 0, sizeof(r));
	store_time_fmt(e->at, r.at);
	if (by && by->user) {
		r.user_id = by->user->id;
		r.org_id = by->user->org_id;
		put(r.actor, sizeof(r.actor), by->user->email);
		put(r.role, sizeof(r.role), role_name(by->user->role));
	} else {
		put(r.actor, sizeof(r.actor),
		    by && by->name && *by->name ? by->name : "system");
	}
	put(r.action, sizeof(r.action), e->action);
	put(r.subject_kind, sizeof(r.subject_kind), e->subject_kind);
	put(r.subject_id, sizeof(r.subject_id), e->subject_id);
	put(r.detail, sizeof(r.detail), e->detail);
	put(r.ip, sizeof(r.ip), by ? by->ip : NULL);

	rc = store_begin(s, err);
	if (rc)
		return rc;
	rc = store_audit_head(s, &r.id, r.prev_hash, err);
	if (rc)
		goto out;
	r.id++;
	if (!r.prev_hash[0])
		put(r.prev_hash, sizeof(r.prev_hash), AUDIT_GENESIS);
	audit_row_hash(&r, r.hash);
	rc = store_audit_insert(s, &r, err);
	if (!rc)
		rc = store_commit(s, err);
out:
	if (rc)
		store_rollback(s);
	return rc;
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
	memcpy(v->prev, r->hash, sizeof(v->prev));
	v->next_id++;
	v->count++;
	return 0;
}

int audit_verify(struct store *s, int64_t *first_bad, int64_t *count,
		 struct err *err)
{
	struct verify v = { 1, AUDIT_GENESIS, 0, 0, err };
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
			       "missing or altered)");
	return 0;
}
