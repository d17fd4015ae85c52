/*
 * webhook.c: delivering the outbox to organisations' webhooks (alerts.h;
 * docs/alerts.md, "Webhooks").
 *
 * Each due message is POSTed as application/json to the organisation's
 * URL with
 *
 *	X-Cartref-Signature: sha256=<hex HMAC-SHA256 of the body>
 *	X-Cartref-Delivery: <outbox message id>
 *
 * keyed with the webhook's secret (its 64 hex characters as they are).
 * libcurl does the HTTP: http and https only, no redirects followed, a
 * few seconds at most.  A 2xx answer delivers the message; anything else
 * (or no answer) is a failed attempt, tried again after 1, 2, 4, ...
 * minutes (at most an hour) until ALERTS_ATTEMPTS_MAX attempts, then
 * given up.  Every attempt is a webhook_delivery row, written in its own
 * small transaction after the request, so no lock is held over the
 * network.
 */
#include "base/compat.h"
#include <curl/curl.h>
#include <inttypes.h>
#include <sodium.h>
#include "alerts/alerts.h"
#include "base/xalloc.h"

void alerts_sign(const char *secret, const char *body, size_t len,
		 char out[ALERTS_SIGNATURE_MAX])
{
	crypto_auth_hmacsha256_state st;
	unsigned char mac[crypto_auth_hmacsha256_BYTES];

	crypto_auth_hmacsha256_init(&st, (const unsigned char *)secret,
				    strlen(secret));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)body, len);
	crypto_auth_hmacsha256_final(&st, mac);
	memcpy(out, "sha256=", 7);
	sodium_bin2hex(out + 7, ALERTS_SIGNATURE_MAX - 7, mac, sizeof(mac));
	sodium_memzero(&st, sizeof(st));
}

int alerts_webhook_add(struct store *s, enum org_kind kind, const char *code,
		       const char *url, int64_t now,
		       char secret_out[WEBHOOK_SECRET_HEX + 1], int64_t *id,
		       struct err *err)
{
	unsigned char key[WEBHOOK_SECRET_HEX / 2];

	if (sodium_init() < 0)
		return err_set(err, ERR_IO, "libsodium did not start");
	if (!url || (strncmp(url, "http://", 7) && strncmp(url, "https://", 8)))
		return err_set(err, ERR_INVALID, "a webhook URL starts with "
			       "http:// or https://");
	for (const char *p = url; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f)
			return err_set(err, ERR_INVALID, "a webhook URL has no "
				       "spaces or control characters");
	randombytes_buf(key, sizeof(key));
	sodium_bin2hex(secret_out, WEBHOOK_SECRET_HEX + 1, key, sizeof(key));
	sodium_memzero(key, sizeof(key));
	return store_webhook_put(s, kind, code, url, secret_out, now, id, err);
}

int64_t alerts_retry_delay(int attempts)
{
	int64_t d = ALERTS_RETRY_FIRST_MS;

	for (int i = 1; i < attempts && d < ALERTS_RETRY_MAX_MS; i++)
		d *= 2;
	return d < ALERTS_RETRY_MAX_MS ? d : ALERTS_RETRY_MAX_MS;
}

struct due {
	struct outbox_row *v;
	size_t n, alloc;
};

static int keep_due(const struct outbox_row *r, void *ctx)
{
	struct due *d = ctx;

	ALLOC_GROW(d->v, d->n + 1, d->alloc);
	d->v[d->n++] = *r;
	return 0;
}

/* Discard the receiver's answer (it is not read). */
static size_t sink(char *p, size_t size, size_t n, void *ctx)
{
	(void)p;
	(void)ctx;
	return size * n;
}

/* POST one message; *status the HTTP status (0: none), error why not. */
static void post(CURL *c, const struct outbox_row *m, long *status,
		 char *error, size_t cap)
{
	char sig[ALERTS_SIGNATURE_MAX], h1[100], h2[60];
	char ebuf[CURL_ERROR_SIZE] = "";
	struct curl_slist *hs = NULL;
	size_t len = strlen(m->body);
	CURLcode rc;

	alerts_sign(m->secret, m->body, len, sig);
	snprintf(h1, sizeof(h1), "X-Cartref-Signature: %s", sig);
	snprintf(h2, sizeof(h2), "X-Cartref-Delivery: %" PRId64, m->id);
	hs = curl_slist_append(hs, "Content-Type: application/json");
	hs = curl_slist_append(hs, h1);
	hs = curl_slist_append(hs, h2);
	hs = curl_slist_append(hs, "Expect:");
	curl_easy_reset(c);
	curl_easy_setopt(c, CURLOPT_URL, m->url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, ALERTS_HTTP_TIMEOUT_MS);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, 3000L);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, hs);
	curl_easy_setopt(c, CURLOPT_POSTFIELDS, m->body);
	curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)len);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "cartref-webhook/1");
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, sink);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, ebuf);
	rc = curl_easy_perform(c);
	*status = 0;
	error[0] = '\0';
	if (rc == CURLE_OK) {
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, status);
		if (*status < 200 || *status > 299)
			snprintf(error, cap, "HTTP status %ld", *status);
	} else {
		snprintf(error, cap, "%.180s", ebuf[0] ? ebuf :
			 curl_easy_strerror(rc));
	}
	curl_slist_free_all(hs);
}

int alerts_outbox_deliver(struct store *s, int64_t now, long limit,
			  struct alerts_delivery *out, struct err *err)
{
	struct due due = { NULL, 0, 0 };
	CURL *c = NULL;
	int rc;

	memset(out, 0, sizeof(*out));
	if (sodium_init() < 0)
		return err_set(err, ERR_IO, "libsodium did not start");
	rc = store_outbox_due(s, now, limit, keep_due, &due, err);
	if (rc || !due.n)
		goto out;
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		rc = err_set(err, ERR_IO, "libcurl did not start");
		goto out;
	}
	c = curl_easy_init();
	if (!c) {
		rc = err_set(err, ERR_IO, "libcurl did not start");
		goto out_global;
	}
	for (size_t i = 0; !rc && i < due.n; i++) {
		const struct outbox_row *m = &due.v[i];
		int attempt = m->attempts + 1;
		char error[200];
		long status;
		bool ok;
		int64_t next = 0;

		post(c, m, &status, error, sizeof(error));
		ok = status >= 200 && status <= 299;
		out->tried++;
		if (ok)
			out->delivered++;
		else if (attempt >= ALERTS_ATTEMPTS_MAX)
			out->gave_up++;
		else {
			out->failed++;
			next = now + alerts_retry_delay(attempt);
		}
		rc = store_begin(s, err);
		if (rc)
			break;
		rc = store_outbox_attempt(s, m->id, m->webhook_id, attempt, now,
					  (int)status, error, ok, next, err);
		if (!rc)
			rc = store_commit(s, err);
		if (rc)
			store_rollback(s);
	}
	curl_easy_cleanup(c);
out_global:
	curl_global_cleanup();
out:
	if (due.v)
		sodium_memzero(due.v, due.alloc * sizeof(*due.v));
	free(due.v);
	return rc;
}
