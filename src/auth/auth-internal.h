/*
 * auth-internal.h: what the files of src/auth/ share; only the .c files
 * of src/auth/ include it.
 */
#ifndef CARTREF_AUTH_INTERNAL_H
#define CARTREF_AUTH_INTERNAL_H

#include "base/compat.h"
#include "auth/auth.h"

/* sodium_init() (idempotent and cheap after the first call); a libsodium
 * that cannot start is a broken installation: BUG. */
void auth__sodium(void);

/* An argon2id hash to verify against when an account does not exist, so
 * that refusing an unknown account takes as long as a wrong password. */
extern const char auth__dummy_hash[];

/* The length of the longest prefix of s of at most max bytes that does
 * not end inside a UTF-8 sequence. */
size_t auth__utf8_prefix(const char *s, size_t max);

/* Is s 1 to max bytes without control characters? */
bool auth__text_ok(const char *s, size_t max);

/* audit_append() with a formatted detail (fmt may be NULL). */
int auth__audit(struct store *s, const struct auth_actor *by, int64_t now,
		const char *action, const char *subject_kind,
		const char *subject_id, struct err *err, const char *fmt, ...)
	PRINTF_LIKE(8, 9);

#endif
