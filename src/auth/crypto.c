/*
 * crypto.c: libsodium set-up, password hashing and policy, random
 * passwords and tokens, token hashing and CSRF comparison (auth.h).
 *
 * Passwords: crypto_pwhash_str() is argon2id with a random salt, giving
 * a self-describing "$argon2id$v=19$m=65536,t=2,p=1$..." string, so the
 * limits can be raised later and old hashes upgraded at sign-in
 * (auth_password_needs_rehash()).  Tokens: 32 bytes from randombytes_buf()
 * (the kernel's CSPRNG); only their BLAKE2b-256 reaches the store.  They
 * carry 256 bits of entropy, so a fast unkeyed hash is enough: nobody can
 * search that space, and a stolen store gives no usable token.
 */
#include "base/compat.h"
#include "base/clock.h"
#include <sodium.h>
#include <strings.h>
#include <time.h>
#include "auth/auth-internal.h"

/* Limits for new hashes (docs/security.md says why these). */
#define PW_OPSLIMIT crypto_pwhash_OPSLIMIT_INTERACTIVE
#define PW_MEMLIMIT crypto_pwhash_MEMLIMIT_INTERACTIVE

/*
 * crypto_pwhash_str("cartref: no such account") with the interactive
 * limits: auth_login() verifies against it when the account does not
 * exist.  u-auth.c checks that it matches PW_OPSLIMIT and PW_MEMLIMIT.
 */
const char auth__dummy_hash[] =
	"$argon2id$v=19$m=65536,t=2,p=1$0o1pQjckna9x+6cVVM2eIw$"
	"8+WilHoc9DbQOY/OwgE3XmZL2OhvqZpQNrX4C1HE3k4";

void auth__sodium(void)
{
	if (sodium_init() < 0)
		BUG("libsodium cannot initialise");
}

int auth_init(struct err *err)
{
	if (sodium_init() < 0)
		return err_set(err, ERR_UNSUPPORTED,
			       "libsodium cannot initialise");
	return 0;
}

int64_t auth_now_ms(void)
{
	return clock_now_ms();
}

size_t auth__utf8_prefix(const char *s, size_t max)
{
	size_t n = strnlen(s, max + 1);

	if (n <= max)
		return n;
	n = max;
	/* back off continuation bytes, then the lead byte they follow */
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	return n;
}

bool auth__text_ok(const char *s, size_t max)
{
	size_t n;

	if (!s)
		return false;
	n = strnlen(s, max + 1);
	if (n == 0 || n > max)
		return false;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return false;
	return true;
}

/* ---- passwords ------------------------------------------------------------ */

/*
 * A few passwords of the minimum length that every guessing list starts
 * with.  Not a breach corpus: length is the real defence, with throttling.
 */
static const char *const well_known[] = {
	"password1234", "password12345", "password123456", "123456789012",
	"1234567890123", "12345678901234", "qwertyuiop12", "qwertyuiopas",
	"qwerty123456", "iloveyou1234", "passwordpassword", "letmein12345",
	"welcome12345", "abcdefghijkl", "abc123456789", "cartref12345",
	"changeme1234",
};

/* UTF-8 code points in s (continuation bytes are not counted). */
static size_t utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

int auth_password_policy(const char *password, const char *email,
			 struct err *err)
{
	size_t len = strnlen(password, AUTH_PASSWORD_MAX + 1);
	const char *at;
	bool same = true;

	if (len > AUTH_PASSWORD_MAX)
		return err_set(err, ERR_INVALID, "a password can be at most %d "
			       "bytes long", AUTH_PASSWORD_MAX);
	if (utf8_chars(password) < AUTH_PASSWORD_MIN)
		return err_set(err, ERR_INVALID, "a password needs at least %d "
			       "characters", AUTH_PASSWORD_MIN);
	for (size_t i = 0; i < len; i++) {
		if ((unsigned char)password[i] < 0x20 || password[i] == 0x7f)
			return err_set(err, ERR_INVALID, "a password cannot "
				       "contain control characters");
		if (password[i] != password[0])
			same = false;
	}
	if (same)
		return err_set(err, ERR_INVALID,
			       "a password cannot be one character repeated");
	for (size_t i = 0; i < ARRAY_SIZE(well_known); i++)
		if (!strcasecmp(password, well_known[i]))
			return err_set(err, ERR_INVALID,
				       "that password is too well known");
	if (email && *email) {
		at = strchr(email, '@');
		if (!strcasecmp(password, email) ||
		    (at && (size_t)(at - email) == len &&
		     !strncasecmp(password, email, len)))
			return err_set(err, ERR_INVALID, "a password cannot be "
				       "the email address");
	}
	return 0;
}

int auth_password_hash(const char *password, char out[AUTH_PWHASH_MAX],
		       struct err *err)
{
	size_t len = strnlen(password, AUTH_PASSWORD_MAX + 1);

	auth__sodium();
	if (len > AUTH_PASSWORD_MAX)
		return err_set(err, ERR_INVALID, "password too long");
	if (crypto_pwhash_str(out, password, len, PW_OPSLIMIT, PW_MEMLIMIT))
		return err_set(err, ERR_IO,
			       "hashing a password: out of memory");
	return 0;
}

bool auth_password_verify(const char *hash, const char *password)
{
	auth__sodium();
	return crypto_pwhash_str_verify(hash, password,
					strnlen(password,
						AUTH_PASSWORD_MAX + 1)) == 0;
}

bool auth_password_needs_rehash(const char *hash)
{
	auth__sodium();
	return crypto_pwhash_str_needs_rehash(hash, PW_OPSLIMIT,
					      PW_MEMLIMIT) != 0;
}

void auth_password_generate(char out[AUTH_GENPW_MAX])
{
	/* 32 symbols without 0/o, 1/l: 5 bits each, 20 of them */
	static const char alphabet[] = "abcdefghijkmnpqrstuvwxyz23456789";
	size_t k = 0;

	auth__sodium();
	for (int group = 0; group < 4; group++) {
		if (group)
			out[k++] = '-';
		for (int i = 0; i < 5; i++)
			out[k++] = alphabet[randombytes_uniform(
				(uint32_t)(sizeof(alphabet) - 1))];
	}
	out[k] = '\0';
}

/* ---- tokens ----------------------------------------------------------------- */

void auth_token_new(char out[AUTH_TOKEN_STR_MAX])
{
	unsigned char raw[AUTH_TOKEN_BYTES];

	auth__sodium();
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(out, AUTH_TOKEN_STR_MAX, raw, sizeof(raw),
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof(raw));
}

bool auth_token_wellformed(const char *t)
{
	size_t n;

	if (!t)
		return false;
	n = strnlen(t, AUTH_TOKEN_STR_MAX);
	if (n != AUTH_TOKEN_STR_MAX - 1)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = t[i];

		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		      (c >= '0' && c <= '9') || c == '-' || c == '_'))
			return false;
	}
	return true;
}

void auth_token_hash(const char *token, uint8_t out[STORE_TOKEN_HASH_BYTES])
{
	auth__sodium();
	crypto_generichash(out, STORE_TOKEN_HASH_BYTES,
			   (const unsigned char *)token, strlen(token), NULL,
			   0);
}

bool auth_csrf_check(const char *expected, const char *got)
{
	size_t n;

	if (!expected || !got)
		return false;
	n = strlen(expected);
	/* the length is public (always 43); only the bytes are secret */
	if (n == 0 || strnlen(got, n + 1) != n)
		return false;
	return sodium_memcmp(expected, got, n) == 0;
}
