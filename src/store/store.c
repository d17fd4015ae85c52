/*
 * store.c: the public store API (store.h), its core: opening and closing
 * a store, transactions, geography, the homes register, SSDA903 returns,
 * history and counts.  Each function checks its arguments here so that
 * the logic below (db-*.c) can trust them.  The other parts of the API
 * are in store-people.c, store-scope.c, store-alerts.c and
 * store-missing.c.
 */
#include "base/compat.h"
#include "base/parse.h"
#include "base/xalloc.h"
#include "store/store-internal.h"

static int audit_restore(struct sql *db, struct err *err)
{
	return db_audit_restore(db, err);
}

int store_open(struct store **out, const char *location, struct err *err)
{
	struct sql *db = NULL;
	bool lost = false;
	int rc;

	if (!location || !*location)
		return err_set(err, ERR_USAGE, "no store location given");
	rc = sql_open(&db, location, err);
	/* a change kept without its audit rows by a crash: restore them */
	if (!rc)
		rc = db_audit_lost(db, &lost, err);
	if (!rc && lost)
		rc = sql_in_tx(db, audit_restore, err);
	if (rc) {
		sql_close(db);
		return rc;
	}
	*out = xcalloc(1, sizeof(**out));
	(*out)->db = db;
	return 0;
}

void store_location_shown(const char *location, char *out, size_t n)
{
	sql_location_shown(location, out, n);
}

void store_close(struct store *s)
{
	if (!s)
		return;
	sql_close(s->db);
	free(s);
}

int store_schema_version(struct store *s, int *version, struct err *err)
{
	return sql_driver(s->db)->schema_version(s->db, version, err);
}

int store_schema_latest(void)
{
	return SQL_SCHEMA_LATEST;
}

int store_begin(struct store *s, struct err *err)
{
	return sql_begin(s->db, err);
}

int store_commit(struct store *s, struct err *err)
{
	return sql_commit(s->db, err);
}

void store_rollback(struct store *s)
{
	sql_rollback(s->db);
}

#define MS_PER_DAY 86400000LL

void store_time_fmt(int64_t ms, char out[STORE_TIME_MAX])
{
	int64_t days = ms / MS_PER_DAY, rest = ms % MS_PER_DAY;
	char date[DATE_STR_MAX];

	if (rest < 0) {
		rest += MS_PER_DAY;
		days--;
	}
	date_fmt_iso((int32_t)days, date);
	snprintf(out, STORE_TIME_MAX, "%sT%02d:%02d:%02d.%03dZ", date,
		 (int)(rest / 3600000), (int)(rest / 60000 % 60),
		 (int)(rest / 1000 % 60), (int)(rest % 1000));
}

int store_time_parse(const char *s, int64_t *ms)
{
	char date[DATE_STR_MAX];
	int h, mi, se, milli;
	int32_t days;

	if (strlen(s) != STORE_TIME_MAX - 1 || s[10] != 'T' || s[13] != ':' ||
	    s[16] != ':' || s[19] != '.' || s[23] != 'Z')
		return ERR_INVALID;
	memcpy(date, s, 10);
	date[10] = '\0';
	h = parse_digits(s + 11, 2);
	mi = parse_digits(s + 14, 2);
	se = parse_digits(s + 17, 2);
	milli = parse_digits(s + 20, 3);
	if (parse_date_iso(date, &days) || h < 0 || h > 23 || mi < 0 ||
	    mi > 59 || se < 0 || se > 59 || milli < 0)
		return ERR_INVALID;
	*ms = (int64_t)days * MS_PER_DAY + h * 3600000LL + mi * 60000LL +
	      se * 1000LL + milli;
	return 0;
}

/*
 * Named leases: several `cartref serve` processes may share one store
 * (PostgreSQL, or one SQLite file), and a scheduled job such as the
 * alerts run should happen once a period, not once a server.  The holder
 * keeps a lease by taking it again; another takes it only once it has
 * expired, so a server that stops hands the job on within one term.
 */
int store_lease_take(struct store *s, const char *name, const char *holder,
		     int64_t now, int64_t until, bool *got, struct err *err)
{
	*got = false;
	if (!name || !*name || !holder || !*holder || until <= now)
		return err_set(err, ERR_INVALID, "lease: a name, a holder and "
			       "a term are needed");
	return db_lease_take(s->db, name, holder, now, until, got, err);
}

int store_lease_give(struct store *s, const char *name, const char *holder,
		     struct err *err)
{
	return db_lease_give(s->db, name, holder, err);
}

bool store_geo_loaded(struct store *s)
{
	return db_geo_loaded(s->db);
}

int store_la_put(struct store *s, const struct la *la, struct err *err)
{
	if (strlen(la->code) != LA_CODE_MAX)
		return err_set(err, ERR_INVALID,
			       "local authority code \"%s\" is not a GSS code",
			       la->code);
	return db_la_put(s->db, la, err);
}

int store_outcode_put(struct store *s, const char *outcode,
		      const struct grid_ref *g, const char *la_code,
		      struct err *err)
{
	return db_outcode_put(s->db, outcode, g, la_code, err);
}

int store_postcode_put(struct store *s, const char *postcode,
		       const struct grid_ref *g, const char *la_code,
		       struct err *err)
{
	return db_postcode_put(s->db, postcode, g, la_code, err);
}

int store_geo_mark_loaded(struct store *s, const char *source,
			  struct err *err)
{
	return db_geo_mark_loaded(s->db, source, err);
}

int store_la_get(struct store *s, const char *code, struct la *out,
		 struct err *err)
{
	return db_la_get(s->db, code, out, err);
}

int store_councils_each(struct store *s, const char *country,
			store_la_fn *fn, void *ctx, struct err *err)
{
	return db_councils_each(s->db, country, fn, ctx, err);
}

int store_postcode_locate(struct store *s, const char *postcode,
			  struct grid_ref *out, bool *exact,
			  char la_out[LA_CODE_MAX + 1], struct err *err)
{
	bool ex;

	return db_postcode_locate(s->db, postcode, out,
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
		rc = db_postcode_locate(s->db, pc, &g[i], &ex[i], NULL,
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
	return db_postcodes_in_la(s->db, la_code, fn, ctx, err);
}

int store_geo_each(struct store *s, store_geo_fn *fn, void *ctx,
		   struct err *err)
{
	return db_geo_each(s->db, fn, ctx, err);
}

int store_geo_each_in(struct store *s, const char *const *districts,
		      size_t n, store_geo_fn *fn, void *ctx, struct err *err)
{
	return db_geo_each_in(s->db, districts, n, fn, ctx, err);
}

int store_outcodes_in_la(struct store *s, const char *la_code,
			 store_postcode_fn *fn, void *ctx, struct err *err)
{
	return db_outcodes_in_la(s->db, la_code, fn, ctx, err);
}

int store_home_put(struct store *s, const struct home *h, struct err *err)
{
	if (!h->urn[0] || !h->name[0] || !h->provider[0])
		return err_set(err, ERR_INVALID,
			       "a home needs a URN, a name and a provider");
	return db_home_put(s->db, h, err);
}

int store_homes_each(struct store *s, store_home_fn *fn, void *ctx,
		     struct err *err)
{
	return db_homes_each(s->db, fn, ctx, err);
}

int store_return_replace(struct store *s, const struct s903_return *r,
			 struct err *err)
{
	if (!r->la[0] || r->year < 2000 || r->year > 2100)
		return err_set(err, ERR_INVALID,
			       "a return needs a council and a year");
	return db_return_replace(s->db, r, err);
}

int store_return_load(struct store *s, const char *la, int year,
		      struct s903_return *out, struct err *err)
{
	return db_return_load(s->db, la, year, ~0u, out, err);
}

int store_return_load_tables(struct store *s, const char *la, int year,
			     unsigned tables, struct s903_return *out,
			     struct err *err)
{
	return db_return_load(s->db, la, year, tables, out, err);
}

int store_returns_each(struct store *s, store_return_fn *fn, void *ctx,
		       struct err *err)
{
	return db_returns_each(s->db, fn, ctx, err);
}

int store_history_load(struct store *s, struct history *out,
		       struct err *err)
{
	int rc = db_history_load(s->db, out, err);

	if (rc)
		history_release(out);
	return rc;
}

int store_data_generation(struct store *s, int64_t *gen, struct err *err)
{
	*gen = 0;
	return db_data_generation(s->db, gen, err);
}

int store_stats(struct store *s, struct store_stats *out, struct err *err)
{
	memset(out, 0, sizeof(*out));
	return db_stats(s->db, out, err);
}
