/*
 * store.c: backend selection and the public store API (see store.h).
 * Checks arguments once here so that backends can trust them.
 */
#include "base/compat.h"
#include "base/xalloc.h"
#include "store/store-internal.h"

struct store {
	const struct store_backend *be;
	void *impl;
};

static const struct store_backend *const backends[] = {
	&store_sqlite_backend,
};

int store_open(struct store **out, const char *location, struct err *err)
{
	const struct store_backend *be = NULL;
	struct store *s;
	int rc;

	if (!location || !*location)
		return err_set(err, ERR_USAGE, "no store location given");
	for (size_t i = 0; i < ARRAY_SIZE(backends); i++)
		if (backends[i]->accepts(location)) {
			be = backends[i];
			break;
		}
	if (!be)
		return err_set(err, ERR_UNSUPPORTED,
			       "no store backend for \"%s\"", location);
	s = xcalloc(1, sizeof(*s));
	s->be = be;
	rc = be->open(&s->impl, location, err);
	if (!rc)
		rc = be->migrate(s->impl, err);
	if (rc) {
		if (s->impl)
			be->close(s->impl);
		free(s);
		return rc;
	}
	*out = s;
	return 0;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	s->be->close(s->impl);
	free(s);
}

int store_schema_version(struct store *s, int *version, struct err *err)
{
	return s->be->schema_version(s->impl, version, err);
}

int store_schema_latest(void)
{
	return store_sqlite_latest();
}

int store_begin(struct store *s, struct err *err)
{
	return s->be->begin(s->impl, err);
}

int store_commit(struct store *s, struct err *err)
{
	return s->be->commit(s->impl, err);
}

void store_rollback(struct store *s)
{
	s->be->rollback(s->impl);
}

bool store_geo_loaded(struct store *s)
{
	return s->be->geo_loaded(s->impl);
}

int store_la_put(struct store *s, const struct la *la, struct err *err)
{
	if (strlen(la->code) != LA_CODE_MAX)
		return err_set(err, ERR_INVALID,
			       "local authority code \"%s\" is not a GSS code",
			       la->code);
	return s->be->la_put(s->impl, la, err);
}

int store_outcode_put(struct store *s, const char *outcode,
		      const struct grid_ref *g, const char *la_code,
		      struct err *err)
{
	return s->be->outcode_put(s->impl, outcode, g, la_code, err);
}

int store_postcode_put(struct store *s, const char *postcode,
		       const struct grid_ref *g, const char *la_code,
		       struct err *err)
{
	return s->be->postcode_put(s->impl, postcode, g, la_code, err);
}

int store_geo_mark_loaded(struct store *s, const char *source,
			  struct err *err)
{
	return s->be->geo_mark_loaded(s->impl, source, err);
}

int store_la_get(struct store *s, const char *code, struct la *out,
		 struct err *err)
{
	return s->be->la_get(s->impl, code, out, err);
}

int store_councils_each(struct store *s, const char *country,
			store_la_fn *fn, void *ctx, struct err *err)
{
	return s->be->councils_each(s->impl, country, fn, ctx, err);
}

int store_postcode_locate(struct store *s, const char *postcode,
			  struct grid_ref *out, bool *exact,
			  char la_out[LA_CODE_MAX + 1], struct err *err)
{
	bool ex;

	return s->be->postcode_locate(s->impl, postcode, out,
				      exact ? exact : &ex, la_out, err);
}

int store_distance_tenths(struct store *s, const char *a, const char *b,
			  int32_t *tenths, bool *exact, struct err *err)
{
	const char *in[2] = { a, b };
	char pc[POSTCODE_MAX + 1];
	struct grid_ref g[2];
	bool ex[2];
	int rc;

	for (int i = 0; i < 2; i++) {
		if (postcode_normalise(in[i], pc) == POSTCODE_BAD)
			return err_set(err, ERR_NOT_FOUND,
				       "\"%.16s\" is not a UK postcode", in[i]);
		rc = s->be->postcode_locate(s->impl, pc, &g[i], &ex[i], NULL,
					    err);
		if (rc)
			return rc;
	}
	*tenths = geo_distance_tenths(&g[0], &g[1]);
	if (exact)
		*exact = ex[0] && ex[1];
	return 0;
}

int store_postcodes_in_la(struct store *s, const char *la_code,
			  store_postcode_fn *fn, void *ctx, struct err *err)
{
	return s->be->postcodes_in_la(s->impl, la_code, fn, ctx, err);
}

int store_geo_each(struct store *s, store_geo_fn *fn, void *ctx,
		   struct err *err)
{
	return s->be->geo_each(s->impl, fn, ctx, err);
}

int store_outcodes_in_la(struct store *s, const char *la_code,
			 store_postcode_fn *fn, void *ctx, struct err *err)
{
	return s->be->outcodes_in_la(s->impl, la_code, fn, ctx, err);
}

int store_home_put(struct store *s, const struct home *h, struct err *err)
{
	if (!h->urn[0] || !h->name[0] || !h->provider[0])
		return err_set(err, ERR_INVALID,
			       "a home needs a URN, a name and a provider");
	return s->be->home_put(s->impl, h, err);
}

int store_homes_each(struct store *s, store_home_fn *fn, void *ctx,
		     struct err *err)
{
	return s->be->homes_each(s->impl, fn, ctx, err);
}

int store_return_replace(struct store *s, const struct s903_return *r,
			 struct err *err)
{
	if (!r->la[0] || r->year < 2000 || r->year > 2100)
		return err_set(err, ERR_INVALID,
			       "a return needs a council and a year");
	return s->be->return_replace(s->impl, r, err);
}

int store_return_load(struct store *s, const char *la, int year,
		      struct s903_return *out, struct err *err)
{
	return s->be->return_load(s->impl, la, year, out, err);
}

int store_returns_each(struct store *s, store_return_fn *fn, void *ctx,
		       struct err *err)
{
	return s->be->returns_each(s->impl, fn, ctx, err);
}

int store_history_load(struct store *s, struct history *out,
		       struct err *err)
{
	int rc = s->be->history_load(s->impl, out, err);

	if (rc)
		history_release(out);
	return rc;
}

int store_stats(struct store *s, struct store_stats *out, struct err *err)
{
	memset(out, 0, sizeof(*out));
	return s->be->stats(s->impl, out, err);
}
