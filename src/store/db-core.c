/*
 * db-core.c: geography, homes, SSDA903 returns and the store's
 * statistics, over any SQL driver (sql.h).
 *
 * Every statement is prepared once per connection from the table below
 * (sql_cached()) and reused with bound parameters; no SQL text is ever
 * built from data.
 */
#include "base/compat.h"
#include "base/clock.h"
#include "base/file.h"
#include "base/uktime.h"
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdatomic.h>
#include <time.h>
#include <unistd.h>
#include "base/parse.h"
#include "base/xalloc.h"
#include "store/db.h"

enum stmt_id {
	ST_LA_PUT,
	ST_LA_GET,
	ST_COUNCILS,
	ST_OUTCODE_PUT,
	ST_POSTCODE_PUT,
	ST_POSTCODE_GET,
	ST_OUTCODE_GET,
	ST_POSTCODES_IN_LA,
	ST_OUTCODES_IN_LA,
	ST_GEO_ALL,
	ST_GEO_OUTCODES,
	ST_GEO_DISTRICT,
	ST_META_PUT,
	ST_META_GET,
	ST_PROVIDER_PUT,
	ST_HOME_PUT,
	ST_HOMES,
	ST_RETURN_DELETE,
	ST_RETURN_INSERT,
	ST_RETURN_TABLES,
	ST_RETURN_GET,
	ST_RETURNS,
	ST_CHILDREN_OF_LA,
	ST_CHILD_INSERT,
	ST_CHILD_INSERT_RET,
	ST_CHILD_UPDATE,
	ST_RETURN_CHILD_PUT,
	ST_CHILD_ORPHANS,
	ST_LOAD_HEADER,
	ST_LOAD_EPISODES,
	ST_LOAD_MISSING,
	ST_LOAD_OC2,
	ST_LOAD_ROWS,
	ST_N
};

static const char *const stmt_sql[ST_N] = {
	[ST_LA_PUT] =
	"INSERT INTO la (code, name_en, name_cy, country, is_lad, is_council,"
	" council_code) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
	" ON CONFLICT (code) DO UPDATE SET name_en = ?2, name_cy = ?3,"
	" country = ?4,"
	" is_lad = CASE WHEN la.is_lad > ?5 THEN la.is_lad ELSE ?5 END,"
	" is_council = CASE WHEN la.is_council > ?6 THEN la.is_council"
	" ELSE ?6 END,"
	" council_code = ?7",
	[ST_LA_GET] =
	"SELECT code, name_en, name_cy, country, is_lad, is_council,"
	" council_code FROM la WHERE code = ?1",
	[ST_COUNCILS] =
	"SELECT code, name_en, name_cy, country, is_lad, is_council,"
	" council_code FROM la WHERE is_council = 1 AND country = ?1"
	" ORDER BY code",
	[ST_OUTCODE_PUT] =
	"INSERT INTO outcode (outcode, easting, northing, la_code)"
	" VALUES (?1, ?2, ?3, ?4) ON CONFLICT (outcode) DO UPDATE SET"
	" easting = ?2, northing = ?3, la_code = ?4",
	[ST_POSTCODE_PUT] =
	"INSERT INTO postcode (postcode, easting, northing, la_code)"
	" VALUES (?1, ?2, ?3, ?4) ON CONFLICT (postcode) DO UPDATE SET"
	" easting = ?2, northing = ?3, la_code = ?4",
	[ST_POSTCODE_GET] =
	"SELECT easting, northing, la_code FROM postcode WHERE postcode = ?1",
	[ST_OUTCODE_GET] =
	"SELECT easting, northing, la_code FROM outcode WHERE outcode = ?1",
	[ST_POSTCODES_IN_LA] =
	"SELECT postcode, easting, northing FROM postcode WHERE la_code = ?1"
	" ORDER BY postcode",
	[ST_OUTCODES_IN_LA] =
	"SELECT outcode, easting, northing FROM outcode WHERE la_code = ?1"
	" ORDER BY outcode",
	[ST_GEO_ALL] =
	"SELECT outcode, easting, northing, la_code FROM outcode"
	" UNION ALL SELECT postcode, easting, northing, la_code FROM postcode",
	[ST_GEO_OUTCODES] =
	"SELECT outcode, easting, northing, la_code FROM outcode",
	/* the postcodes of one district, "CF1 " <= p < "CF1!" (the key) */
	[ST_GEO_DISTRICT] =
	"SELECT postcode, easting, northing, la_code FROM postcode"
	" WHERE postcode >= ?1 AND postcode < ?2",
	[ST_META_PUT] =
	"INSERT INTO meta (key, value) VALUES (?1, ?2)"
	" ON CONFLICT (key) DO UPDATE SET value = ?2",
	[ST_META_GET] = "SELECT value FROM meta WHERE key = ?1",
	[ST_PROVIDER_PUT] =
	"INSERT INTO provider (name, type) VALUES (?1, ?2)"
	" ON CONFLICT (name) DO UPDATE SET type = ?2 RETURNING id",
	[ST_HOME_PUT] =
	"INSERT INTO home (urn, name, provider_id, la_id, postcode, places,"
	" age_min, age_max, sex_admitted, registered, closed)"
	" VALUES (?1, ?2, ?3, (SELECT id FROM la WHERE code = ?4), ?5, ?6, ?7,"
	" ?8, ?9, ?10, ?11)"
	" ON CONFLICT (urn) DO UPDATE SET name = ?2, provider_id = ?3,"
	" la_id = (SELECT id FROM la WHERE code = ?4), postcode = ?5,"
	" places = ?6, age_min = ?7, age_max = ?8, sex_admitted = ?9,"
	" registered = ?10, closed = ?11",
	[ST_HOMES] =
	"SELECT h.urn, h.name, p.name, p.type, l.code, h.postcode, h.places,"
	" h.age_min, h.age_max, h.sex_admitted, h.registered, h.closed"
	" FROM home h JOIN provider p ON p.id = h.provider_id"
	" JOIN la l ON l.id = h.la_id ORDER BY h.urn",
	[ST_RETURN_DELETE] =
	"DELETE FROM return903 WHERE la_id = ?1 AND year = ?2",
	[ST_RETURN_INSERT] =
	"INSERT INTO return903 (la_id, year, imported_at)"
	" VALUES (?1, ?2, ?3) RETURNING id",
	[ST_RETURN_TABLES] =
	"INSERT INTO return_tables (return_id, mask) VALUES (?1, ?2)",
	[ST_RETURN_GET] =
	"SELECT r.id, coalesce(t.mask, 15) FROM return903 r"
	" JOIN la l ON l.id = r.la_id"
	" LEFT JOIN return_tables t ON t.return_id = r.id"
	" WHERE l.code = ?1 AND r.year = ?2",
	[ST_RETURNS] =
	"SELECT l.code, r.year,"
	" (SELECT count(*) FROM return_child c WHERE c.return_id = r.id),"
	" (SELECT count(*) FROM episode e WHERE e.return_id = r.id),"
	" (SELECT count(*) FROM missing m WHERE m.return_id = r.id),"
	" (SELECT count(*) FROM oc2 o WHERE o.return_id = r.id)"
	" FROM return903 r JOIN la l ON l.id = r.la_id ORDER BY l.code, r.year",
	[ST_CHILDREN_OF_LA] =
	"SELECT child_ref, id, attr_year FROM child WHERE la_id = ?1"
	" ORDER BY child_ref",
	[ST_CHILD_INSERT] =
	"INSERT INTO child (la_id, child_ref, sex, dob, ethnic, upn, attr_year)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[ST_CHILD_INSERT_RET] =	/* where the driver knows no last id */
	"INSERT INTO child (la_id, child_ref, sex, dob, ethnic, upn, attr_year)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
	[ST_CHILD_UPDATE] =
	"UPDATE child SET sex = ?3, dob = ?4, ethnic = ?5, upn = ?6,"
	" attr_year = ?7 WHERE id = ?1",
	[ST_RETURN_CHILD_PUT] =
	"INSERT INTO return_child (return_id, child_id, sex, dob, ethnic, upn,"
	" mother, mc_dob) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[ST_CHILD_ORPHANS] =
	"DELETE FROM child WHERE la_id = ?1 AND NOT EXISTS"
	" (SELECT 1 FROM return_child rc WHERE rc.child_id = child.id)",
	[ST_LOAD_HEADER] =
	"SELECT c.child_ref, rc.sex, rc.dob, rc.ethnic, rc.upn, rc.mother,"
	" rc.mc_dob FROM return_child rc JOIN child c ON c.id = rc.child_id"
	" WHERE rc.return_id = ?1",
	[ST_LOAD_EPISODES] =
	"SELECT c.child_ref, e.decom, e.rne, e.ls, e.cin, e.place,"
	" e.place_provider, e.dec, e.rec, e.reason_place_change, e.home_post,"
	" e.pl_post, e.urn, e.pl_distance, e.pl_la, e.id"
	" FROM episode e JOIN child c ON c.id = e.child_id"
	" WHERE e.return_id = ?1",
	[ST_LOAD_MISSING] =
	"SELECT c.child_ref, rc.dob, m.kind, m.start, m.end, m.id"
	" FROM missing m JOIN child c ON c.id = m.child_id"
	" JOIN return_child rc ON rc.return_id = m.return_id"
	"  AND rc.child_id = m.child_id"
	" WHERE m.return_id = ?1",
	[ST_LOAD_OC2] =
	"SELECT c.child_ref, rc.dob, o.sdq_score, o.sdq_reason, o.convicted,"
	" o.health_check, o.immunisations, o.teeth_check, o.health_assessment,"
	" o.substance_misuse, o.intervention_received, o.intervention_offered"
	" FROM oc2 o JOIN child c ON c.id = o.child_id"
	" JOIN return_child rc ON rc.return_id = o.return_id"
	"  AND rc.child_id = o.child_id"
	" WHERE o.return_id = ?1",
	[ST_LOAD_ROWS] =
	"SELECT r.tbl, c.child_ref, r.v1, r.v2, r.v3, r.v4, r.v5, r.v6, r.v7"
	" FROM return_row r JOIN child c ON c.id = r.child_id"
	" WHERE r.return_id = ?1 AND r.tbl = ?2 ORDER BY r.seq",
};

/* The cached statement id (sql_cached(): the table entry's address is
 * the key), reset and with bindings cleared. */
static struct sql_stmt *stmt(struct sql *db, enum stmt_id id, struct err *err)
{
	return sql_cached(db, stmt_sql[id], err);
}

/* ---- geography ---------------------------------------------------------- */

bool db_geo_loaded(struct sql *db)
{
	struct sql_stmt *s = stmt(db, ST_META_GET, NULL);
	bool loaded;

	if (!s)
		return false;
	sql_bind_text(s, 1, "geography");
	loaded = sql_step(s) == SQL_ROW;
	sql_reset(s);
	return loaded;
}

int db_geo_mark_loaded(struct sql *db, const char *source, struct err *err)
{
	struct sql_stmt *s = stmt(db, ST_META_PUT, err);

	if (!s)
		return ERR_STORE;
	sql_bind_text(s, 1, "geography");
	sql_bind_text(s, 2, source);
	return sql_step_done(db, s, err, "mark geography loaded");
}

int db_la_put(struct sql *db, const struct la *la, struct err *err)
{
	struct sql_stmt *s = stmt(db, ST_LA_PUT, err);

	if (!s)
		return ERR_STORE;
	sql_bind_text(s, 1, la->code);
	sql_bind_text(s, 2, la->name_en);
	sql_bind_text(s, 3, la->name_cy);
	sql_bind_text(s, 4, la->country);
	sql_bind_int(s, 5, la->is_lad);
	sql_bind_int(s, 6, la->is_council);
	sql_bind_text(s, 7, la->council[0] ? la->council : la->code);
	return sql_step_done(db, s, err, la->code);
}

static int grid_put(struct sql *db, enum stmt_id id, const char *key,
		    const struct grid_ref *g, const char *la, struct err *err)
{
	struct sql_stmt *s = stmt(db, id, err);

	if (!s)
		return ERR_STORE;
	sql_bind_text(s, 1, key);
	sql_bind_int(s, 2, g->easting);
	sql_bind_int(s, 3, g->northing);
	sql_bind_opt_text(s, 4, la);
	return sql_step_done(db, s, err, key);
}

int db_outcode_put(struct sql *db, const char *outcode,
			  const struct grid_ref *g, const char *la,
			  struct err *err)
{
	return grid_put(db, ST_OUTCODE_PUT, outcode, g, la, err);
}

int db_postcode_put(struct sql *db, const char *postcode,
			   const struct grid_ref *g, const char *la,
			   struct err *err)
{
	return grid_put(db, ST_POSTCODE_PUT, postcode, g, la, err);
}

static void la_from_row(struct sql_stmt *s, struct la *la)
{
	sql_col_text(s, 0, la->code, sizeof(la->code));
	sql_col_text(s, 1, la->name_en, sizeof(la->name_en));
	sql_col_text(s, 2, la->name_cy, sizeof(la->name_cy));
	sql_col_text(s, 3, la->country, sizeof(la->country));
	la->is_lad = sql_col_int(s, 4);
	la->is_council = sql_col_int(s, 5);
	sql_col_text(s, 6, la->council, sizeof(la->council));
}

int db_la_get(struct sql *db, const char *code, struct la *out,
		     struct err *err)
{
	struct sql_stmt *s = stmt(db, ST_LA_GET, err);
	int rc;

	if (!s)
		return ERR_STORE;
	sql_bind_text(s, 1, code);
	rc = sql_step(s);
	if (rc == SQL_ROW) {
		la_from_row(s, out);
		sql_reset(s);
		return 0;
	}
	if (rc == SQL_DONE)
		return err_set(err, ERR_NOT_FOUND,
			       "no local authority with code \"%s\"", code);
	return sql_fail(db, err, "la_get");
}

/*
 * Iterate a statement's rows into fn.  A non-zero return from fn stops
 * the walk and is returned.  The statement is reset after, so callbacks
 * may not use the same statement.
 */
#define EACH_ROW(db, s, err, what, body)                                   \
	do {                                                              \
		int each_rc_;                                             \
		while ((each_rc_ = sql_step(s)) == SQL_ROW) {      \
			int cb_rc_;                                       \
			body;                                             \
			if (cb_rc_) {                                     \
				sql_reset(s);                         \
				return cb_rc_;                            \
			}                                                 \
		}                                                         \
		if (each_rc_ != SQL_DONE)                              \
			return sql_fail(db, err, what);                      \
		sql_reset(s);                                         \
	} while (0)

int db_councils_each(struct sql *db, const char *country, store_la_fn *fn,
			    void *ctx, struct err *err)
{
	struct sql_stmt *s = stmt(db, ST_COUNCILS, err);
	struct la la;

	if (!s)
		return ERR_STORE;
	sql_bind_text(s, 1, country);
	EACH_ROW(db, s, err, "councils", {
		la_from_row(s, &la);
		cb_rc_ = fn(&la, ctx);
	});
	return 0;
}

static int locate_in(struct sql *db, enum stmt_id id, const char *key,
		     struct grid_ref *out, char *la_out, struct err *err)
{
	struct sql_stmt *s = stmt(db, id, err);
	int rc;

	if (!s)
		return ERR_STORE;
	sql_bind_text(s, 1, key);
	rc = sql_step(s);
	if (rc == SQL_ROW) {
		out->easting = sql_col_int(s, 0);
		out->northing = sql_col_int(s, 1);
		if (la_out)
			sql_col_text(s, 2, la_out, LA_CODE_MAX + 1);
		sql_reset(s);
		return 0;
	}
	sql_reset(s);
	if (rc == SQL_DONE)
		return ERR_NOT_FOUND;
	return sql_fail(db, err, "postcode lookup");
}

int db_postcode_locate(struct sql *db, const char *postcode,
			      struct grid_ref *out, bool *exact, char *la_out,
			      struct err *err)
{
	char district[POSTCODE_MAX + 1];
	int rc;

	rc = locate_in(db, ST_POSTCODE_GET, postcode, out, la_out, err);
	if (rc != ERR_NOT_FOUND) {
		*exact = true;
		return rc;
	}
	postcode_district(postcode, district);
	rc = locate_in(db, ST_OUTCODE_GET, district, out, la_out, err);
	*exact = false;
	if (rc == ERR_NOT_FOUND)
		return err_set(err, ERR_NOT_FOUND,
			       "postcode \"%s\" is not known", postcode);
	return rc;
}

static int grid_each(struct sql *db, enum stmt_id id, const char *la,
		     store_postcode_fn *fn, void *ctx, struct err *err)
{
	struct sql_stmt *s = stmt(db, id, err);
	char pc[POSTCODE_MAX + 1];
	struct grid_ref g;

	if (!s)
		return ERR_STORE;
	sql_bind_text(s, 1, la);
	EACH_ROW(db, s, err, "postcodes", {
		sql_col_text(s, 0, pc, sizeof(pc));
		g.easting = sql_col_int(s, 1);
		g.northing = sql_col_int(s, 2);
		cb_rc_ = fn(pc, &g, ctx);
	});
	return 0;
}

int db_postcodes_in_la(struct sql *db, const char *la,
			      store_postcode_fn *fn, void *ctx,
			      struct err *err)
{
	return grid_each(db, ST_POSTCODES_IN_LA, la, fn, ctx, err);
}

int db_geo_each(struct sql *db, store_geo_fn *fn, void *ctx,
		       struct err *err)
{
	struct sql_stmt *s = stmt(db, ST_GEO_ALL, err);
	char key[POSTCODE_MAX + 1], la[LA_CODE_MAX + 1];
	struct grid_ref g;

	if (!s)
		return ERR_STORE;
	EACH_ROW(db, s, err, "geography", {
		sql_col_text(s, 0, key, sizeof(key));
		g.easting = sql_col_int(s, 1);
		g.northing = sql_col_int(s, 2);
		sql_col_text(s, 3, la, sizeof(la));
		cb_rc_ = fn(key, &g, la, ctx);
	});
	return 0;
}

/* Every row of statement s (bound) as (key, grid ref, la) to fn. */
static int geo_rows(struct sql *db, struct sql_stmt *s, store_geo_fn *fn,
		    void *ctx, struct err *err)
{
	char key[POSTCODE_MAX + 1], la[LA_CODE_MAX + 1];
	struct grid_ref g;

	EACH_ROW(db, s, err, "geography", {
		sql_col_text(s, 0, key, sizeof(key));
		g.easting = sql_col_int(s, 1);
		g.northing = sql_col_int(s, 2);
		sql_col_text(s, 3, la, sizeof(la));
		cb_rc_ = fn(key, &g, la, ctx);
	});
	return 0;
}

int db_geo_each_in(struct sql *db, const char *const *districts, size_t n,
		   store_geo_fn *fn, void *ctx, struct err *err)
{
	struct sql_stmt *s = stmt(db, ST_GEO_OUTCODES, err);
	int rc;

	if (!s)
		return ERR_STORE;
	rc = geo_rows(db, s, fn, ctx, err);
	for (size_t i = 0; !rc && i < n; i++) {
		char lo[POSTCODE_MAX + 2], hi[POSTCODE_MAX + 2];

		/* a space sorts before every postcode character, '!' after
		 * it and before them: the district's postcodes lie between */
		if (snprintf(lo, sizeof(lo), "%s ", districts[i]) >=
		    (int)sizeof(lo))
			continue;
		snprintf(hi, sizeof(hi), "%s!", districts[i]);
		if (!(s = stmt(db, ST_GEO_DISTRICT, err)))
			return ERR_STORE;
		sql_bind_text(s, 1, lo);
		sql_bind_text(s, 2, hi);
		rc = geo_rows(db, s, fn, ctx, err);
	}
	return rc;
}

int db_outcodes_in_la(struct sql *db, const char *la,
			     store_postcode_fn *fn, void *ctx, struct err *err)
{
	return grid_each(db, ST_OUTCODES_IN_LA, la, fn, ctx, err);
}

/* ---- homes -------------------------------------------------------------- */

static int home_put(struct sql *db, const struct home *h, struct err *err)
{
	struct sql_stmt *s = stmt(db, ST_PROVIDER_PUT, err);
	int64_t provider;
	int rc;

	if (!s)
		return ERR_STORE;
	sql_bind_text(s, 1, h->provider);
	sql_bind_text(s, 2, provider_type_name(h->provider_type));
	rc = sql_step_id(db, s, &provider, err, "provider");
	if (rc)
		return rc;
	s = stmt(db, ST_HOME_PUT, err);
	if (!s)
		return ERR_STORE;
	sql_bind_text(s, 1, h->urn);
	sql_bind_text(s, 2, h->name);
	sql_bind_int(s, 3, provider);
	sql_bind_text(s, 4, h->la);
	sql_bind_text(s, 5, h->postcode);
	sql_bind_int(s, 6, h->places);
	sql_bind_int(s, 7, h->age_min);
	sql_bind_int(s, 8, h->age_max);
	sql_bind_text(s, 9, sex_admitted_name(h->sex_admitted));
	sql_bind_date(s, 10, h->registered);
	sql_bind_date(s, 11, h->closed);
	return sql_step_done(db, s, err, h->urn);
}

/* The provider and the home together or not at all. */
int db_home_put(struct sql *db, const struct home *h, struct err *err)
{
	int rc = sql_begin(db, err);

	if (rc)
		return rc;
	rc = home_put(db, h, err);
	if (rc) {
		sql_rollback(db);
		return rc;
	}
	return sql_commit(db, err);
}

int db_homes_each(struct sql *db, store_home_fn *fn, void *ctx,
			 struct err *err)
{
	struct sql_stmt *s = stmt(db, ST_HOMES, err);
	struct home h;
	char word[16];

	if (!s)
		return ERR_STORE;
	EACH_ROW(db, s, err, "homes", {
		memset(&h, 0, sizeof(h));
		sql_col_text(s, 0, h.urn, sizeof(h.urn));
		sql_col_text(s, 1, h.name, sizeof(h.name));
		sql_col_text(s, 2, h.provider, sizeof(h.provider));
		sql_col_text(s, 3, word, sizeof(word));
		provider_type_parse(word, &h.provider_type);
		sql_col_text(s, 4, h.la, sizeof(h.la));
		sql_col_text(s, 5, h.postcode, sizeof(h.postcode));
		h.places = sql_col_int(s, 6);
		h.age_min = sql_col_int(s, 7);
		h.age_max = sql_col_int(s, 8);
		sql_col_text(s, 9, word, sizeof(word));
		sex_admitted_parse(word, &h.sex_admitted);
		h.registered = sql_col_date(s, 10);
		h.closed = sql_col_date(s, 11);
		cb_rc_ = fn(&h, ctx);
	});
	return 0;
}

/* ---- SSDA903 returns ---------------------------------------------------- */

/* Child ids of a return being written, parallel to r->header (sorted). */
static int64_t child_id_of(const struct s903_return *r, const int64_t *ids,
			   const char *child)
{
	size_t lo = 0, hi = r->nheader;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(r->header[mid].child, child);

		if (!c)
			return ids[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* A council's children already in the store, sorted by child_ref. */
struct known_child {
	char ref[S903_CHILD_MAX + 1];
	int64_t id;
	int attr_year;
};

struct known {
	struct known_child *v;
	size_t n, alloc;
};

static int load_known(struct sql *db, int64_t la_id, struct known *k,
		      struct err *err)
{
	struct sql_stmt *s = stmt(db, ST_CHILDREN_OF_LA, err);

	if (!s)
		return ERR_STORE;
	sql_bind_int(s, 1, la_id);
	EACH_ROW(db, s, err, "children of council", {
		struct known_child *c;

		ALLOC_GROW(k->v, k->n + 1, k->alloc);
		c = &k->v[k->n++];
		sql_col_text(s, 0, c->ref, sizeof(c->ref));
		c->id = sql_col_int(s, 1);
		c->attr_year = sql_col_int(s, 2);
		cb_rc_ = 0;
	});
	return 0;
}

static const struct known_child *find_known(const struct known *k,
					    const char *ref)
{
	size_t lo = 0, hi = k->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(k->v[mid].ref, ref);

		if (!c)
			return &k->v[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/*
 * Insert the return's children, or update a known child's attributes
 * when this return is at least as recent as the one they came from.
 * One query loads the council's known children, so no per-row lookup
 * (and no RETURNING, which costs SQLite a temporary table per row).
 * A statement a row: where that is what a bulk load would cost (SQLite).
 */
static int write_children_rows(struct sql *db, const struct s903_return *r,
			  int64_t la_id, int64_t ret_id, int64_t *ids,
			  struct err *err)
{
	struct known k = { NULL, 0, 0 };
	int rc = load_known(db, la_id, &k, err);

	for (size_t i = 0; !rc && i < r->nheader; i++) {
		const struct s903_header *h = &r->header[i];
		const struct known_child *kc = find_known(&k, h->child);
		struct sql_stmt *s;

		if (kc && kc->attr_year > r->year) {
			ids[i] = kc->id;
		} else {
			s = stmt(db, kc ? ST_CHILD_UPDATE :
				 sql_has_insert_id(db) ? ST_CHILD_INSERT :
							 ST_CHILD_INSERT_RET, err);
			if (!s) {
				rc = ERR_STORE;
				break;
			}
			if (kc)
				sql_bind_int(s, 1, kc->id);
			else
				sql_bind_int(s, 1, la_id);
			sql_bind_text(s, 2, h->child);
			sql_bind_text(s, 3, h->sex);
			sql_bind_date(s, 4, h->dob);
			sql_bind_text(s, 5, h->ethnic);
			sql_bind_opt_text(s, 6, h->upn);
			sql_bind_int(s, 7, r->year);
			if (kc) {
				rc = sql_step_done(db, s, err, h->child);
				ids[i] = kc->id;
			} else {
				rc = sql_insert_id(db, s, &ids[i], err,
						   h->child);
			}
			if (rc)
				break;
		}
		s = stmt(db, ST_RETURN_CHILD_PUT, err);
		if (!s) {
			rc = ERR_STORE;
			break;
		}
		sql_bind_int(s, 1, ret_id);
		sql_bind_int(s, 2, ids[i]);
		sql_bind_text(s, 3, h->sex);
		sql_bind_date(s, 4, h->dob);
		sql_bind_text(s, 5, h->ethnic);
		sql_bind_opt_text(s, 6, h->upn);
		sql_bind_opt_int(s, 7, h->mother);
		sql_bind_date(s, 8, h->mc_dob);
		rc = sql_step_done(db, s, err, h->child);
	}
	free(k.v);
	return rc;
}


/* A driver with COPY (PostgreSQL): the same in five statements, not a
 * round trip a child: new children in bulk, changed ones through a
 * staging table and one UPDATE ... FROM, their ids in one query, and the
 * return's rows in bulk. */
static const struct sql_bulk_spec child_bulk = SQL_BULK("child",
	"la_id, child_ref, sex, dob, ethnic, upn, attr_year",
	"?1, ?2, ?3, ?4, ?5, ?6, ?7", 7);
static const struct sql_bulk_spec child_attr_bulk = SQL_BULK("child_attr",
	"id, sex, dob, ethnic, upn, attr_year", "?1, ?2, ?3, ?4, ?5, ?6", 6);
static const struct sql_bulk_spec return_child_bulk = SQL_BULK(
	"return_child",
	"return_id, child_id, sex, dob, ethnic, upn, mother, mc_dob",
	"?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8", 8);
static const char sql_child_attr_table[] =
	"CREATE TEMP TABLE IF NOT EXISTS child_attr (id BIGINT PRIMARY KEY,"
	" sex TEXT, dob TEXT, ethnic TEXT, upn TEXT, attr_year BIGINT)";
static const char sql_child_attr_clear[] = "DELETE FROM child_attr";
static const char sql_child_attr_apply[] =
	"UPDATE child SET sex = t.sex, dob = t.dob, ethnic = t.ethnic,"
	" upn = t.upn, attr_year = t.attr_year FROM child_attr t"
	" WHERE child.id = t.id";

static int bulk_end(struct sql_bulk *b, int rc, struct err *err)
{
	int end = b ? sql_bulk_end(b, err) : ERR_STORE;

	return rc ? rc : end;
}

static int write_children_bulk(struct sql *db, const struct s903_return *r,
			       int64_t la_id, int64_t ret_id, int64_t *ids,
			       struct err *err)
{
	struct known k = { NULL, 0, 0 };
	struct sql_bulk *b;
	struct sql_stmt *s;
	size_t nnew = 0, nchanged = 0;
	int rc = load_known(db, la_id, &k, err);

	for (size_t i = 0; !rc && i < r->nheader; i++) {
		const struct known_child *kc = find_known(&k, r->header[i].child);

		if (!kc)
			nnew++;
		else if (kc->attr_year <= r->year)
			nchanged++;
	}
	if (!rc && nnew) {
		b = sql_bulk_begin(db, &child_bulk, err);
		for (size_t i = 0; b && !rc && i < r->nheader; i++) {
			const struct s903_header *h = &r->header[i];

			if (find_known(&k, h->child))
				continue;
			sql_bulk_int(b, la_id);
			sql_bulk_text(b, h->child);
			sql_bulk_text(b, h->sex);
			sql_bulk_date(b, h->dob);
			sql_bulk_text(b, h->ethnic);
			sql_bulk_opt_text(b, h->upn);
			sql_bulk_int(b, r->year);
			rc = sql_bulk_row(b);
		}
		rc = bulk_end(b, rc, err);
	}
	if (!rc && nchanged) {
		rc = sql_exec(db, sql_child_attr_table, err);
		s = rc ? NULL : sql_cached(db, sql_child_attr_clear, err);
		if (!rc)
			rc = s ? sql_step_done(db, s, err, "child_attr") :
				 ERR_STORE;
		b = rc ? NULL : sql_bulk_begin(db, &child_attr_bulk, err);
		for (size_t i = 0; b && !rc && i < r->nheader; i++) {
			const struct s903_header *h = &r->header[i];
			const struct known_child *kc = find_known(&k, h->child);

			if (!kc || kc->attr_year > r->year)
				continue;
			sql_bulk_int(b, kc->id);
			sql_bulk_text(b, h->sex);
			sql_bulk_date(b, h->dob);
			sql_bulk_text(b, h->ethnic);
			sql_bulk_opt_text(b, h->upn);
			sql_bulk_int(b, r->year);
			rc = sql_bulk_row(b);
		}
		if (!rc || b)
			rc = bulk_end(b, rc, err);
		s = rc ? NULL : sql_cached(db, sql_child_attr_apply, err);
		if (!rc)
			rc = s ? sql_step_done(db, s, err, "children") :
				 ERR_STORE;
	}
	if (!rc && nnew) {	/* the new children's ids */
		k.n = 0;
		rc = load_known(db, la_id, &k, err);
	}
	for (size_t i = 0; !rc && i < r->nheader; i++) {
		const struct known_child *kc = find_known(&k, r->header[i].child);

		if (!kc)
			rc = err_set(err, ERR_STORE, "child %s: no id after "
				     "the bulk load", r->header[i].child);
		else
			ids[i] = kc->id;
	}
	b = rc ? NULL : sql_bulk_begin(db, &return_child_bulk, err);
	for (size_t i = 0; b && !rc && i < r->nheader; i++) {
		const struct s903_header *h = &r->header[i];

		sql_bulk_int(b, ret_id);
		sql_bulk_int(b, ids[i]);
		sql_bulk_text(b, h->sex);
		sql_bulk_date(b, h->dob);
		sql_bulk_text(b, h->ethnic);
		sql_bulk_opt_text(b, h->upn);
		sql_bulk_opt_int(b, h->mother);
		sql_bulk_date(b, h->mc_dob);
		rc = sql_bulk_row(b);
	}
	if (b)
		rc = bulk_end(b, rc, err);
	free(k.v);
	return rc;
}

static int write_children(struct sql *db, const struct s903_return *r,
			  int64_t la_id, int64_t ret_id, int64_t *ids,
			  struct err *err)
{
	if (sql_bulk_is_copy(db))
		return write_children_bulk(db, r, la_id, ret_id, ids, err);
	return write_children_rows(db, r, la_id, ret_id, ids, err);
}

static int missing_child(struct err *err, const char *table,
			 const char *child)
{
	return err_set(err, ERR_INVALID, "%s row for child %s not in Header",
		       table, child);
}

/* Bulk loads of a return's rows (sql_bulk_*(): COPY on PostgreSQL). */
static const struct sql_bulk_spec episode_bulk = SQL_BULK("episode",
	"return_id, child_id, decom, rne, ls, cin, place, place_provider,"
	" dec, rec, reason_place_change, home_post, pl_post, urn,"
	" pl_distance, pl_la",
	"?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
	" ?16", 16);
static const struct sql_bulk_spec missing_bulk = SQL_BULK("missing",
	"return_id, child_id, kind, start, \"end\"", "?1, ?2, ?3, ?4, ?5", 5);
static const struct sql_bulk_spec oc2_bulk = SQL_BULK("oc2",
	"return_id, child_id, sdq_score, sdq_reason, convicted, health_check,"
	" immunisations, teeth_check, health_assessment, substance_misuse,"
	" intervention_received, intervention_offered",
	"?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12", 12);

static int write_episodes(struct sql *db, const struct s903_return *r,
			  int64_t ret_id, const int64_t *ids, struct err *err)
{
	struct sql_bulk *b = sql_bulk_begin(db, &episode_bulk, err);
	int rc = b ? 0 : ERR_STORE;

	for (size_t i = 0; !rc && i < r->nepisodes; i++) {
		const struct s903_episode *e = &r->episodes[i];
		int64_t cid = child_id_of(r, ids, e->child);

		if (cid < 0) {
			rc = missing_child(err, "Episodes", e->child);
			break;
		}
		sql_bulk_int(b, ret_id);
		sql_bulk_int(b, cid);
		sql_bulk_date(b, e->decom);
		sql_bulk_text(b, e->rne);
		sql_bulk_text(b, e->ls);
		sql_bulk_text(b, e->cin);
		sql_bulk_text(b, e->place);
		sql_bulk_opt_text(b, e->place_provider);
		sql_bulk_date(b, e->dec);
		sql_bulk_opt_text(b, e->rec);
		sql_bulk_opt_text(b, e->reason_place_change);
		sql_bulk_opt_text(b, e->home_post);
		sql_bulk_opt_text(b, e->pl_post);
		sql_bulk_opt_text(b, e->urn);
		sql_bulk_opt_int(b, e->pl_distance);
		sql_bulk_opt_text(b, e->pl_la);
		rc = sql_bulk_row(b);
	}
	if (b) {
		int end = sql_bulk_end(b, err);

		rc = rc ? rc : end;
	}
	return rc;
}

static int write_missing(struct sql *db, const struct s903_return *r,
			 int64_t ret_id, const int64_t *ids, struct err *err)
{
	struct sql_bulk *b = sql_bulk_begin(db, &missing_bulk, err);
	int rc = b ? 0 : ERR_STORE;

	for (size_t i = 0; !rc && i < r->nmissing; i++) {
		const struct s903_missing *m = &r->missing[i];
		int64_t cid = child_id_of(r, ids, m->child);

		if (cid < 0) {
			rc = missing_child(err, "Missing", m->child);
			break;
		}
		sql_bulk_int(b, ret_id);
		sql_bulk_int(b, cid);
		sql_bulk_text(b, m->missing);
		sql_bulk_date(b, m->mis_start);
		sql_bulk_date(b, m->mis_end);
		rc = sql_bulk_row(b);
	}
	if (b) {
		int end = sql_bulk_end(b, err);

		rc = rc ? rc : end;
	}
	return rc;
}

static int write_oc2(struct sql *db, const struct s903_return *r,
		     int64_t ret_id, const int64_t *ids, struct err *err)
{
	struct sql_bulk *b = sql_bulk_begin(db, &oc2_bulk, err);
	int rc = b ? 0 : ERR_STORE;

	for (size_t i = 0; !rc && i < r->noc2; i++) {
		const struct s903_oc2 *o = &r->oc2[i];
		int64_t cid = child_id_of(r, ids, o->child);
		const int32_t flags[] = {
			o->convicted, o->health_check, o->immunisations,
			o->teeth_check, o->health_assessment,
			o->substance_misuse, o->intervention_received,
			o->intervention_offered,
		};

		if (cid < 0) {
			rc = missing_child(err, "OC2", o->child);
			break;
		}
		sql_bulk_int(b, ret_id);
		sql_bulk_int(b, cid);
		sql_bulk_opt_int(b, o->sdq_score);
		sql_bulk_opt_text(b, o->sdq_reason);
		for (size_t k = 0; k < ARRAY_SIZE(flags); k++)
			sql_bulk_opt_int(b, flags[k]);
		rc = sql_bulk_row(b);
	}
	if (b) {
		int end = sql_bulk_end(b, err);

		rc = rc ? rc : end;
	}
	return rc;
}

/*
 * The eight later tables, one return_row per row: each column after CHILD
 * in the return's own text (migration 12 says why), blank as NULL.
 */
#define ROW_VALUES 7
static const struct sql_bulk_spec return_row_bulk = SQL_BULK("return_row",
	"return_id, tbl, seq, child_id, v1, v2, v3, v4, v5, v6, v7",
	"?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11", 11);

static int write_later(struct sql *db, const struct s903_return *r,
		       int64_t ret_id, const int64_t *ids, struct err *err)
{
	struct sql_bulk *b = NULL;
	int rc = 0;

	for (int t = S903_REVIEWS; !rc && t < S903_NTABLES; t++) {
		const struct s903_table_def *d = &s903_tables[t];
		size_t n;
		const char *rows = s903_rows(r, (enum s903_table)t, &n);

		if (d->ncols - 1 > ROW_VALUES)
			BUG("table %s has more columns than return_row",
			    d->name);
		if (n && !b && !(b = sql_bulk_begin(db, &return_row_bulk, err)))
			return ERR_STORE;
		for (size_t i = 0; !rc && i < n; i++) {
			const char *row = rows + i * d->rowsize;
			int64_t cid = child_id_of(r, ids, row);
			char v[64];

			if (cid < 0) {
				rc = missing_child(err, d->name, row);
				break;
			}
			sql_bulk_int(b, ret_id);
			sql_bulk_int(b, t);
			sql_bulk_int(b, (int64_t)i);
			sql_bulk_int(b, cid);
			for (size_t c = 1; c <= ROW_VALUES; c++) {
				v[0] = '\0';
				if (c < d->ncols)
					s903_format_field(&d->cols[c], row, v,
							  sizeof(v));
				sql_bulk_opt_text(b, v);
			}
			rc = sql_bulk_row(b);
		}
	}
	if (b) {
		int end = sql_bulk_end(b, err);

		rc = rc ? rc : end;
	}
	return rc;
}

static int write_rows(struct sql *db, const struct s903_return *r,
		      int64_t ret_id, const int64_t *ids, struct err *err)
{
	int rc = write_episodes(db, r, ret_id, ids, err);

	if (!rc)
		rc = write_missing(db, r, ret_id, ids, err);
	if (!rc)
		rc = write_oc2(db, r, ret_id, ids, err);
	if (!rc)
		rc = write_later(db, r, ret_id, ids, err);
	return rc;
}

/* Bit t set: the return had table t (rows, or its file or element). */
static int64_t tables_mask(const struct s903_return *r)
{
	int64_t mask = 0;

	for (int t = 0; t < S903_NTABLES; t++) {
		size_t n;

		s903_rows(r, (enum s903_table)t, &n);
		if (n || r->present[t] || t <= S903_OC2)
			mask |= (int64_t)1 << t;
	}
	return mask;
}

static int la_id_of(struct sql *db, const char *code, int64_t *id,
		    struct err *err)
{
	struct sql_stmt *s;

	if (!(s = sql_prepare(db, "SELECT id FROM la WHERE code = ?1", err)))
		return sql_fail(db, err, "la id");
	sql_bind_text(s, 1, code);
	if (sql_step(s) == SQL_ROW) {
		*id = sql_col_int(s, 0);
		sql_finalize(db, s);
		return 0;
	}
	sql_finalize(db, s);
	return err_set(err, ERR_NOT_FOUND,
		       "no local authority with code \"%s\"", code);
}

int db_return_replace(struct sql *db, const struct s903_return *r,
			     struct err *err)
{
	int64_t la_id = 0, ret_id = 0, *ids = NULL;
	struct sql_stmt *s;
	char now[32];
	time_t t = (time_t)(clock_now_ms() / 1000);
	struct tm tm;
	int rc;

	rc = la_id_of(db, r->la, &la_id, err);
	if (rc)
		return rc;
	rc = sql_begin(db, err);
	if (rc)
		return rc;
	s = stmt(db, ST_RETURN_DELETE, err);
	if (!s) {
		rc = ERR_STORE;
		goto out;
	}
	sql_bind_int(s, 1, la_id);
	sql_bind_int(s, 2, r->year);
	rc = sql_step_done(db, s, err, "delete previous return");
	if (rc)
		goto out;
	s = stmt(db, ST_RETURN_INSERT, err);
	if (!s) {
		rc = ERR_STORE;
		goto out;
	}
	gmtime_r(&t, &tm);
	strftime(now, sizeof(now), "%Y-%m-%dT%H:%M:%SZ", &tm);
	sql_bind_int(s, 1, la_id);
	sql_bind_int(s, 2, r->year);
	sql_bind_text(s, 3, now);
	rc = sql_step_id(db, s, &ret_id, err, "insert return");
	if (rc)
		goto out;
	s = stmt(db, ST_RETURN_TABLES, err);
	if (!s) {
		rc = ERR_STORE;
		goto out;
	}
	sql_bind_int(s, 1, ret_id);
	sql_bind_int(s, 2, tables_mask(r));
	rc = sql_step_done(db, s, err, "tables of the return");
	if (rc)
		goto out;
	ids = xcalloc(r->nheader ? r->nheader : 1, sizeof(*ids));
	rc = write_children(db, r, la_id, ret_id, ids, err);
	if (!rc)
		rc = write_rows(db, r, ret_id, ids, err);
	if (rc)
		goto out;
	s = stmt(db, ST_CHILD_ORPHANS, err);
	if (!s) {
		rc = ERR_STORE;
		goto out;
	}
	sql_bind_int(s, 1, la_id);
	rc = sql_step_done(db, s, err, "remove children no longer in any return");
out:
	free(ids);
	if (rc) {
		sql_rollback(db);
		return rc;
	}
	return sql_commit(db, err);
}

/*
 * A row's id as its order among equals until the return is sorted (ids
 * are given in insertion order; past 2^32 - 1, which a store of returns
 * will not reach, they would tie, and the sort's order among ties is
 * then qsort's).
 */
static uint32_t row_order(int64_t id)
{
	return id < 0 ? 0 : id > UINT32_MAX ? UINT32_MAX : (uint32_t)id;
}

/* One return_row back into its table, through the import's parser. */
static int load_later_row(struct sql_stmt *s, struct s903_return *out,
			  struct err *err)
{
	int64_t t = sql_col_int(s, 0);
	const struct s903_table_def *d;
	char v[S903_CHILD_MAX + 64], msg[200];
	char *row;

	if (t < S903_REVIEWS || t >= S903_NTABLES)
		return err_set(err, ERR_STORE, "return_row: table %lld",
			       (long long)t);
	d = &s903_tables[t];
	row = s903_add_row(out, (enum s903_table)t);
	for (size_t c = 0; c < d->ncols; c++) {
		sql_col_text(s, (int)c + 1, v, sizeof(v));
		if (s903_parse_field(&d->cols[c], v, row, msg, sizeof(msg)))
			return err_set(err, ERR_STORE,
				       "stored %s row unreadable: %s",
				       d->name, msg);
	}
	return 0;
}

int db_return_load(struct sql *db, const char *la, int year, unsigned tables,
		   struct s903_return *out, struct err *err)
{
	struct sql_stmt *s = stmt(db, ST_RETURN_GET, err);
	int64_t ret_id;
	int rc;

	if (!s)
		return ERR_STORE;
	sql_bind_text(s, 1, la);
	sql_bind_int(s, 2, year);
	rc = sql_step(s);
	if (rc == SQL_DONE) {
		sql_reset(s);
		return err_set(err, ERR_NOT_FOUND,
			       "no return for %s in %d", la, year);
	}
	if (rc != SQL_ROW)
		return sql_fail(db, err, "return");
	ret_id = sql_col_int(s, 0);
	for (int t = 0; t < S903_NTABLES; t++) {
		/* a table not asked for is as if not sent, and not complete */
		out->present[t] = (tables >> t) & (sql_col_int(s, 1) >> t) & 1;
		out->incomplete[t] = !((tables >> t) & 1);
	}
	sql_reset(s);
	snprintf(out->la, sizeof(out->la), "%s", la);
	out->year = year;

	if ((tables >> S903_HEADER) & 1) {
		s = stmt(db, ST_LOAD_HEADER, err);
		if (!s)
			return ERR_STORE;
		sql_bind_int(s, 1, ret_id);
		EACH_ROW(db, s, err, "load header", {
			struct s903_header *h = s903_add_header(out);

			sql_col_text(s, 0, h->child, sizeof(h->child));
			sql_col_text(s, 1, h->sex, sizeof(h->sex));
			h->dob = sql_col_date(s, 2);
			sql_col_text(s, 3, h->ethnic, sizeof(h->ethnic));
			sql_col_text(s, 4, h->upn, sizeof(h->upn));
			h->mother = sql_col_opt_int(s, 5);
			h->mc_dob = sql_col_date(s, 6);
			cb_rc_ = 0;
		});
	}

	sql_release_memory(db);	/* each table's pages once read */
	if ((tables >> S903_EPISODES) & 1) {
		s = stmt(db, ST_LOAD_EPISODES, err);
		if (!s)
			return ERR_STORE;
		sql_bind_int(s, 1, ret_id);
		EACH_ROW(db, s, err, "load episodes", {
			struct s903_episode *e = s903_add_episode(out);

			sql_col_text(s, 0, e->child, sizeof(e->child));
			e->decom = sql_col_date(s, 1);
			sql_col_text(s, 2, e->rne, sizeof(e->rne));
			sql_col_text(s, 3, e->ls, sizeof(e->ls));
			sql_col_text(s, 4, e->cin, sizeof(e->cin));
			sql_col_text(s, 5, e->place, sizeof(e->place));
			sql_col_text(s, 6, e->place_provider, sizeof(e->place_provider));
			e->dec = sql_col_date(s, 7);
			sql_col_text(s, 8, e->rec, sizeof(e->rec));
			sql_col_text(s, 9, e->reason_place_change,
				 sizeof(e->reason_place_change));
			sql_col_text(s, 10, e->home_post, sizeof(e->home_post));
			sql_col_text(s, 11, e->pl_post, sizeof(e->pl_post));
			sql_col_text(s, 12, e->urn, sizeof(e->urn));
			/* derived at import: the DfE rules compare them across years */
			e->pl_distance = (int32_t)sql_col_opt_int(s, 13);
			sql_col_text(s, 14, e->pl_la, sizeof(e->pl_la));
			e->line = row_order(sql_col_int(s, 15));
			cb_rc_ = 0;
		});
	}

	sql_release_memory(db);	/* each table's pages once read */
	if ((tables >> S903_MISSING) & 1) {
		s = stmt(db, ST_LOAD_MISSING, err);
		if (!s)
			return ERR_STORE;
		sql_bind_int(s, 1, ret_id);
		EACH_ROW(db, s, err, "load missing", {
			struct s903_missing *m = s903_add_missing(out);

			sql_col_text(s, 0, m->child, sizeof(m->child));
			m->dob = sql_col_date(s, 1);
			sql_col_text(s, 2, m->missing, sizeof(m->missing));
			m->mis_start = sql_col_date(s, 3);
			m->mis_end = sql_col_date(s, 4);
			m->line = row_order(sql_col_int(s, 5));
			cb_rc_ = 0;
		});
	}

	sql_release_memory(db);	/* each table's pages once read */
	if ((tables >> S903_OC2) & 1) {
		s = stmt(db, ST_LOAD_OC2, err);
		if (!s)
			return ERR_STORE;
		sql_bind_int(s, 1, ret_id);
		EACH_ROW(db, s, err, "load oc2", {
			struct s903_oc2 *o = s903_add_oc2(out);

			sql_col_text(s, 0, o->child, sizeof(o->child));
			o->dob = sql_col_date(s, 1);
			o->sdq_score = sql_col_opt_int(s, 2);
			sql_col_text(s, 3, o->sdq_reason, sizeof(o->sdq_reason));
			o->convicted = sql_col_opt_int(s, 4);
			o->health_check = sql_col_opt_int(s, 5);
			o->immunisations = sql_col_opt_int(s, 6);
			o->teeth_check = sql_col_opt_int(s, 7);
			o->health_assessment = sql_col_opt_int(s, 8);
			o->substance_misuse = sql_col_opt_int(s, 9);
			o->intervention_received = sql_col_opt_int(s, 10);
			o->intervention_offered = sql_col_opt_int(s, 11);
			cb_rc_ = 0;
		});
	}

	sql_release_memory(db);	/* each table's pages once read */
	for (int t = S903_REVIEWS; t < S903_NTABLES; t++) {
		if (!((tables >> t) & 1))
			continue;
		s = stmt(db, ST_LOAD_ROWS, err);
		if (!s)
			return ERR_STORE;
		sql_bind_int(s, 1, ret_id);
		sql_bind_int(s, 2, t);
		EACH_ROW(db, s, err, "load later tables", {
			cb_rc_ = load_later_row(s, out, err);
		});
	}
	/*
	 * A whole return is read once (export, the DfE rules' last year):
	 * the pages each table brought into the page cache (up to 64 MB)
	 * were given back as it was read, since the caller now holds the
	 * rows itself, and the arrays' spare room is given back too.
	 */
	sql_release_memory(db);
	s903_shrink(out);
	/*
	 * Canonical order, sorted here rather than by SQLite (ORDER BY
	 * child_ref made a temporary B-tree of every table: 45 ms of a
	 * 30,000-episode return): by child, then date, then the row's id,
	 * which the line holds until now.
	 */
	s903_sort(out);
	/* each row's line in the files `export 903` writes from this */
	for (int t = 0; t < S903_NTABLES; t++) {
		size_t n;
		char *rows = s903_rows(out, (enum s903_table)t, &n);

		for (size_t i = 0; i < n; i++) {
			uint32_t line = (uint32_t)i + 2;

			memcpy(rows + i * s903_tables[t].rowsize +
			       s903_tables[t].line_off, &line, sizeof(line));
		}
	}
	return 0;
}

int db_returns_each(struct sql *db, store_return_fn *fn, void *ctx,
			   struct err *err)
{
	struct sql_stmt *s = stmt(db, ST_RETURNS, err);
	struct return_info ri;

	if (!s)
		return ERR_STORE;
	EACH_ROW(db, s, err, "returns", {
		sql_col_text(s, 0, ri.la, sizeof(ri.la));
		ri.year = sql_col_int(s, 1);
		ri.children = sql_col_int(s, 2);
		ri.episodes = sql_col_int(s, 3);
		ri.missing = sql_col_int(s, 4);
		ri.oc2 = sql_col_int(s, 5);
		cb_rc_ = fn(&ri, ctx);
	});
	return 0;
}

/* ---- stats -------------------------------------------------------------- */

/* One-off aggregate queries: prepared, run, finalized (not hot paths). */
static int scalar(struct sql *db, const char *sql, long *out, struct err *err)
{
	struct sql_stmt *s;
	int rc;

	if (!(s = sql_prepare(db, sql, err)))
		return sql_fail(db, err, "stats");
	rc = sql_step(s);
	*out = rc == SQL_ROW ? (long)sql_col_int(s, 0) : 0;
	sql_finalize(db, s);
	return rc == SQL_ROW ? 0 : sql_fail(db, err, "stats");
}

/* One row kept by migration 4's triggers (store_data_generation()). */
int db_data_generation(struct sql *db, int64_t *gen, struct err *err)
{
	static const char sql[] = "SELECT n FROM data_generation WHERE id = 1";
	struct sql_stmt *s = sql_cached(db, sql, err);
	int rc;

	if (!s)
		return ERR_STORE;
	rc = sql_step_id(db, s, gen, err, "data generation");
	sql_reset(s);	/* hold no read transaction open */
	return rc;
}

int db_stats(struct sql *db, struct store_stats *o, struct err *err)
{
	struct sql_stmt *s;
	int rc;
	char today[DATE_STR_MAX];

	/* the UK's today */
	date_fmt_iso(uk_day_of(clock_now_ms()), today);
	rc = scalar(db, "SELECT count(*) FROM la WHERE is_council = 1",
		    &o->councils, err);
	if (!rc)
		rc = scalar(db, "SELECT count(*) FROM postcode", &o->postcodes,
			    err);
	if (!rc)
		rc = scalar(db, "SELECT count(*) FROM outcode", &o->outcodes,
			    err);
	if (!rc)
		rc = scalar(db, "SELECT count(*) FROM home", &o->homes, err);
	if (rc)
		return rc;

	if (!(s = sql_prepare(db, "SELECT p.type, count(*), sum(h.places)"
			       " FROM home h JOIN provider p"
			       " ON p.id = h.provider_id"
			       " WHERE h.closed IS NULL OR h.closed > ?1"
			       " GROUP BY p.type", err)))
		return sql_fail(db, err, "stats");
	sql_bind_text(s, 1, today);
	while ((rc = sql_step(s)) == SQL_ROW) {
		enum provider_type pt;

		if (provider_type_parse(sql_col_str(s, 0),
					&pt))
			continue;
		o->homes_by_type[pt] = sql_col_int(s, 1);
		o->places_by_type[pt] = sql_col_int(s, 2);
		o->homes_open += o->homes_by_type[pt];
		o->places_open += o->places_by_type[pt];
	}
	sql_finalize(db, s);
	if (rc != SQL_DONE)
		return sql_fail(db, err, "stats");

	/*
	 * Per reporting year.  "At 31 March": an episode in that year's
	 * return still open at the year end (DEC blank or after it).
	 */
	if (!(s = sql_prepare(db, "SELECT r.year, count(DISTINCT r.id),"
		" (SELECT count(*) FROM return_child rc JOIN return903 r2"
		"   ON r2.id = rc.return_id WHERE r2.year = r.year),"
		" (SELECT count(DISTINCT e.child_id) FROM episode e"
		"   JOIN return903 r2 ON r2.id = e.return_id"
		"   WHERE r2.year = r.year AND (e.dec IS NULL OR"
		"   e.dec > (r.year || '-03-31'))),"
		" (SELECT count(*) FROM episode e JOIN return903 r2"
		"   ON r2.id = e.return_id WHERE r2.year = r.year),"
		" (SELECT count(*) FROM missing m JOIN return903 r2"
		"   ON r2.id = m.return_id WHERE r2.year = r.year"
		"   AND m.kind = 'M'),"
		" (SELECT count(*) FROM missing m JOIN return903 r2"
		"   ON r2.id = m.return_id WHERE r2.year = r.year"
		"   AND m.kind = 'A'),"
		" (SELECT count(*) FROM oc2 o JOIN return903 r2"
		"   ON r2.id = o.return_id WHERE r2.year = r.year)"
		" FROM return903 r GROUP BY r.year ORDER BY r.year", err)))
		return sql_fail(db, err, "stats");
	while ((rc = sql_step(s)) == SQL_ROW &&
	       o->nyears < STORE_STATS_YEARS) {
		struct store_year_stats *y = &o->years[o->nyears++];

		y->year = sql_col_int(s, 0);
		y->returns = sql_col_int(s, 1);
		y->children = sql_col_int(s, 2);
		y->children_31mar = sql_col_int(s, 3);
		y->episodes = sql_col_int(s, 4);
		y->missing = sql_col_int(s, 5);
		y->away = sql_col_int(s, 6);
		y->oc2 = sql_col_int(s, 7);
	}
	sql_finalize(db, s);
	if (rc != SQL_DONE && rc != SQL_ROW)
		return sql_fail(db, err, "stats");
	return 0;
}


/* ---- leases (store-core.h, store_lease_take()) --------------------------- */

static const char sql_lease_take[] =
	"INSERT INTO lease (name, holder, expires_at) VALUES (?1, ?2, ?4)"
	" ON CONFLICT (name) DO UPDATE SET holder = ?2, expires_at = ?4"
	" WHERE lease.expires_at <= ?3 OR lease.holder = ?2";
static const char sql_lease_give[] =
	"DELETE FROM lease WHERE name = ?1 AND holder = ?2";

int db_lease_take(struct sql *db, const char *name, const char *holder,
		  int64_t now, int64_t until, bool *got, struct err *err)
{
	struct sql_stmt *st = sql_cached(db, sql_lease_take, err);
	int rc;

	if (!st)
		return ERR_STORE;
	sql_bind_text(st, 1, name);
	sql_bind_text(st, 2, holder);
	sql_bind_time(st, 3, now);
	sql_bind_time(st, 4, until);
	rc = sql_step_done(db, st, err, "lease");
	sql_reset(st);
	if (!rc)
		*got = sql_changes(db) == 1;
	return rc;
}

int db_lease_give(struct sql *db, const char *name, const char *holder,
		  struct err *err)
{
	struct sql_stmt *st = sql_cached(db, sql_lease_give, err);
	int rc;

	if (!st)
		return ERR_STORE;
	sql_bind_text(st, 1, name);
	sql_bind_text(st, 2, holder);
	rc = sql_step_done(db, st, err, "lease");
	sql_reset(st);
	return rc;
}
