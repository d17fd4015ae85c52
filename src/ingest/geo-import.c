/*
 * geo-import.c: reads data/uk_local_authorities.csv,
 * data/gb_outcode_centroids.csv and data/wales_border_postcodes.csv into
 * the store.  These are our own shipped files, so any problem in them is a
 * hard error naming file, line and column.
 */
#include "base/compat.h"
#include <unistd.h>
#include "base/buf.h"
#include "base/parse.h"
#include "base/xalloc.h"
#include "ingest/csv.h"
#include "ingest/geo-import.h"

#define LA_FILE "uk_local_authorities.csv"
#define OUTCODE_FILE "gb_outcode_centroids.csv"
#define POSTCODE_FILE "wales_border_postcodes.csv"

struct table {
	const char *path;
	struct csv_reader *rd;
	struct csv_record rec;
	int col[12];
	size_t ncol;
};

/* Open path and find each named column in its header row. */
static int table_open(struct table *t, const char *path,
		      const char *const *names, size_t n, struct err *err)
{
	struct csv_error ce;
	int rc;

	t->path = path;
	t->ncol = n;
	rc = csv_open_file(&t->rd, path, NULL, err);
	if (rc)
		return rc;
	rc = csv_next(t->rd, &t->rec, &ce, err);
	if (rc != CSV_RECORD)
		return err_set(err, ERR_INVALID, "%s:1: no header row", path);
	for (size_t i = 0; i < n; i++) {
		t->col[i] = -1;
		for (size_t j = 0; j < t->rec.nfields; j++)
			if (!strcmp(t->rec.fields[j], names[i]))
				t->col[i] = (int)j;
		if (t->col[i] < 0)
			return err_set(err, ERR_INVALID,
				       "%s:1: column %s is missing", path,
				       names[i]);
	}
	return 0;
}

/* Next row; 1 with fields, 0 at end, or a negative error. */
static int table_next(struct table *t, const char **f, struct err *err)
{
	struct csv_error ce;
	int rc = csv_next(t->rd, &t->rec, &ce, err);

	if (rc == CSV_EOF)
		return 0;
	if (rc == CSV_BAD)
		return err_set(err, ERR_INVALID, "%s:%llu:%zu: %s: %s", t->path,
			       (unsigned long long)ce.line, ce.field, ce.rule,
			       ce.msg);
	if (rc < 0)
		return rc;
	for (size_t i = 0; i < t->ncol; i++) {
		if ((size_t)t->col[i] >= t->rec.nfields)
			return err_set(err, ERR_INVALID,
				       "%s:%llu: row is too short", t->path,
				       (unsigned long long)t->rec.line);
		f[i] = t->rec.fields[t->col[i]];
	}
	return 1;
}

static int bad_field(struct table *t, int i, struct err *err)
{
	return err_set(err, ERR_INVALID, "%s:%llu:%d: bad value \"%.20s\"",
		       t->path, (unsigned long long)t->rec.line,
		       t->col[i] + 1, t->rec.fields[t->col[i]]);
}

static int load_las(struct store *s, const char *path, struct err *err)
{
	static const char *const names[] = {
		"lad_code", "name_en", "name_cy", "utla_code", "utla_name",
		"country_code",
	};
	struct table t = { 0 };
	const char *f[ARRAY_SIZE(names)];
	int rc;

	rc = table_open(&t, path, names, ARRAY_SIZE(names), err);
	while (!rc && (rc = table_next(&t, f, err)) == 1) {
		struct la la = { 0 };
		bool same = !strcmp(f[0], f[3]);

		/* the district itself */
		if (str_copy(la.code, sizeof(la.code), f[0]) ||
		    str_copy(la.name_en, sizeof(la.name_en), f[1]) ||
		    str_copy(la.name_cy, sizeof(la.name_cy), f[2]) ||
		    str_copy(la.country, sizeof(la.country), f[5])) {
			rc = bad_field(&t, 0, err);
			break;
		}
		la.is_lad = true;
		la.is_council = same;
		str_copy(la.council, sizeof(la.council), f[3][0] ? f[3] : f[0]);
		rc = store_la_put(s, &la, err);
		if (rc || same || !f[3][0])
			continue;
		/* its upper-tier council (an English county) */
		memset(&la, 0, sizeof(la));
		if (str_copy(la.code, sizeof(la.code), f[3]) ||
		    str_copy(la.name_en, sizeof(la.name_en), f[4]) ||
		    str_copy(la.country, sizeof(la.country), f[5])) {
			rc = bad_field(&t, 3, err);
			break;
		}
		la.is_council = true;
		str_copy(la.council, sizeof(la.council), f[3]);
		rc = store_la_put(s, &la, err);
	}
	csv_close(t.rd);
	return rc < 0 ? rc : 0;
}

static int grid_fields(struct table *t, const char **f, int ie,
		       struct grid_ref *g, struct err *err)
{
	int32_t v[2];

	for (int k = 0; k < 2; k++) {
		int64_t x;

		if (parse_i64(f[ie + k], 0, 1300000, &x))
			return bad_field(t, ie + k, err);
		v[k] = (int32_t)x;
	}
	g->easting = v[0];
	g->northing = v[1];
	return 0;
}

static int load_outcodes(struct store *s, const char *path, struct err *err)
{
	static const char *const names[] = {
		"outcode", "easting", "northing", "lad_code",
	};
	struct table t = { 0 };
	const char *f[ARRAY_SIZE(names)];
	struct grid_ref g;
	int rc;

	rc = table_open(&t, path, names, ARRAY_SIZE(names), err);
	while (!rc && (rc = table_next(&t, f, err)) == 1) {
		rc = grid_fields(&t, f, 1, &g, err);
		if (!rc)
			rc = store_outcode_put(s, f[0], &g, f[3], err);
	}
	csv_close(t.rd);
	return rc < 0 ? rc : 0;
}

static int load_postcodes(struct store *s, const char *path, struct err *err)
{
	static const char *const names[] = {
		"postcode", "easting", "northing", "lad_code",
	};
	struct table t = { 0 };
	const char *f[ARRAY_SIZE(names)];
	struct grid_ref g;
	char pc[POSTCODE_MAX + 1];
	int rc;

	rc = table_open(&t, path, names, ARRAY_SIZE(names), err);
	while (!rc && (rc = table_next(&t, f, err)) == 1) {
		if (postcode_normalise(f[0], pc) != POSTCODE_FULL) {
			rc = bad_field(&t, 0, err);
			break;
		}
		rc = grid_fields(&t, f, 1, &g, err);
		if (!rc)
			rc = store_postcode_put(s, pc, &g, f[3], err);
	}
	csv_close(t.rd);
	return rc < 0 ? rc : 0;
}

int geo_import(struct store *s, const char *datadir, struct err *err)
{
	struct buf p = BUF_INIT(4096);
	int rc;

	if (store_geo_loaded(s))
		return 0;
	rc = store_begin(s, err);
	if (rc)
		return rc;
	buf_addf(&p, "%s/%s", datadir, LA_FILE);
	rc = load_las(s, p.buf, err);
	if (!rc) {
		buf_reset(&p);
		buf_addf(&p, "%s/%s", datadir, OUTCODE_FILE);
		rc = load_outcodes(s, p.buf, err);
	}
	if (!rc) {
		buf_reset(&p);
		buf_addf(&p, "%s/%s", datadir, POSTCODE_FILE);
		rc = load_postcodes(s, p.buf, err);
	}
	if (!rc)
		rc = store_geo_mark_loaded(s, "ONS/OS open data, see data/README.md",
					   err);
	buf_release(&p);
	if (rc) {
		store_rollback(s);
		return rc;
	}
	return store_commit(s, err);
}

static bool has_data(const char *dir)
{
	struct buf p = BUF_INIT(4096);
	bool ok;

	buf_addf(&p, "%s/%s", dir, LA_FILE);
	ok = !buf_error(&p) && access(p.buf, R_OK) == 0;
	buf_release(&p);
	return ok;
}

int geo_find_datadir(char *out, size_t cap, struct err *err)
{
	const char *env = getenv("CARTREF_DATA");
	char exe[4096];
	ssize_t n;

	if (env && *env) {
		if (!has_data(env))
			return err_set(err, ERR_NOT_FOUND,
				       "CARTREF_DATA=%s has no %s", env,
				       LA_FILE);
		return str_copy(out, cap, env) ? err_set(err, ERR_TOO_LARGE,
							  "path too long")
					       : 0;
	}
	/* data/ beside the executable or up to three levels above it */
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		for (int up = 0; up < 4; up++) {
			char *slash = strrchr(exe, '/');
			struct buf p = BUF_INIT(4096);
			bool ok;

			if (!slash)
				break;
			*slash = '\0';
			buf_addf(&p, "%s/data", exe);
			ok = !buf_error(&p) && has_data(p.buf);
			if (ok && !str_copy(out, cap, p.buf)) {
				buf_release(&p);
				return 0;
			}
			buf_release(&p);
		}
	}
	if (has_data("data"))
		return str_copy(out, cap, "data");
	return err_set(err, ERR_NOT_FOUND,
		       "cannot find the geography data directory: set "
		       "CARTREF_DATA to the folder holding %s", LA_FILE);
}

static int index_put(const char *key, const struct grid_ref *g,
		     const char *la, void *ctx)
{
	geo_index_put(ctx, key, g, la);
	return 0;
}

int geo_index_load(struct store *s, struct geo_index **out, struct err *err)
{
	struct geo_index *g = geo_index_new(130000);
	int rc = store_geo_each(s, index_put, g, err);

	if (rc) {
		geo_index_free(g);
		return rc;
	}
	*out = g;
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int geo_index_load_for(struct store *s, const struct s903_return *r,
		       struct geo_index **out, struct err *err)
{
	/* the districts of the episodes' postcodes, each once */
	char (*d)[POSTCODE_MAX + 1] = xcalloc(2 * r->nepisodes + 1,
					      sizeof(*d));
	const char **v = xcalloc(2 * r->nepisodes + 1, sizeof(*v));
	size_t n = 0, k = 0;
	struct geo_index *g;
	int rc;

	for (size_t i = 0; i < r->nepisodes; i++) {
		const char *pc[2] = { r->episodes[i].home_post,
				      r->episodes[i].pl_post };

		for (int j = 0; j < 2; j++) {
			postcode_district(pc[j], d[n]);
			if (d[n][0]) {
				v[n] = d[n];
				n++;
			}
		}
	}
	if (n)
		qsort(v, n, sizeof(*v), cmp_str);
	for (size_t i = 0; i < n; i++)
		if (!k || strcmp(v[i], v[k - 1]))
			v[k++] = v[i];
	g = geo_index_new(4096 + k * 64);
	rc = store_geo_each_in(s, v, k, index_put, g, err);
	free(v);
	free(d);
	if (rc) {
		geo_index_free(g);
		return rc;
	}
	*out = g;
	return 0;
}
