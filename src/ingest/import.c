/*
 * import.c: the import pipeline: read -> check -> write in one
 * transaction.  See import.h.
 */
#include "base/compat.h"
#include <dirent.h>
#include <unistd.h>
#include "base/buf.h"
#include "base/parse.h"
#include "base/xalloc.h"
#include "ingest/geo-import.h"
#include "ingest/import.h"

struct problem_ctx {
	struct diags *d;
	const char *files[S903_NTABLES];
	size_t colpos[S903_NTABLES][S903_MAX_COLS];	/* from the files */
};

static void on_problem(const struct s903_problem *p, void *ctx)
{
	struct problem_ctx *pc = ctx;
	const struct s903_table_def *def = &s903_tables[p->table];
	size_t col = 0;

	/* the column's position in the file the row came from */
	if (p->column)
		for (size_t i = 0; i < def->ncols; i++)
			if (!strcmp(def->cols[i].name, p->column))
				col = pc->colpos[p->table][i];
	diags_add(pc->d, pc->files[p->table] ? pc->files[p->table] : def->file,
		  p->line, col, p->rule, "%s", p->msg);
}

static int council_check(struct store *s, const char *la, struct err *err)
{
	struct la info;
	int rc = store_la_get(s, la, &info, err);

	if (rc)
		return rc;
	if (!info.is_council)
		return err_set(err, ERR_INVALID,
			       "%s (%s) is a district, not a council with "
			       "children's services", la, info.name_en);
	return 0;
}

/*
 * The fields DfE derives for its extended episodes file: distance from
 * HOME_POST to PL_POST and the district PL_POST is in.
 */
static void derive_episodes(struct s903_return *r, const struct geo_index *geo)
{
	for (size_t i = 0; i < r->nepisodes; i++) {
		struct s903_episode *e = &r->episodes[i];
		struct grid_ref g;
		const char *la = NULL;

		e->pl_distance = geo_index_distance(geo, e->home_post,
						    e->pl_post);
		e->pl_la[0] = '\0';
		if (geo_index_locate(geo, e->pl_post, &g, NULL, &la) && la)
			snprintf(e->pl_la, sizeof(e->pl_la), "%s", la);
	}
}

static int import_903_geo(struct store *s, const char *la, int year,
			  const char *const *files, size_t nfiles, bool check,
			  const struct geo_index *geo, struct diags *d,
			  struct import_counts *c, struct err *err)
{
	struct s903_return r = S903_RETURN_INIT;
	struct problem_ctx pc;
	size_t before = d->n;
	unsigned seen = 0;
	int rc;

	memset(&pc, 0, sizeof(pc));
	pc.d = d;
	rc = council_check(s, la, err);
	if (rc)
		return rc;
	snprintf(r.la, sizeof(r.la), "%s", la);
	for (size_t i = 0; i < nfiles; i++) {
		size_t colpos[S903_MAX_COLS] = { 0 };
		int t;

		rc = s903_read_file(files[i], &r, &t, seen, colpos, d, err);
		if (rc)
			goto out;
		if (t < 0)
			continue;
		if (pc.files[t])
			diags_add(d, files[i], 1, 0, "table-duplicate",
				  "a second %s table (the first is %s)",
				  s903_tables[t].name, pc.files[t]);
		else {
			pc.files[t] = files[i];
			memcpy(pc.colpos[t], colpos, sizeof(colpos));
		}
		seen |= 1u << t;
	}
	for (int t = S903_HEADER; t <= S903_EPISODES; t++)
		if (!pc.files[t] && (r.incomplete[t] = true))
			diags_add(d, nfiles ? files[0] : "-", 0, 0,
				  "table-missing",
				  "no %s table among the files given",
				  s903_tables[t].name);
	r.year = year ? year : s903_infer_year(&r);
	if (!r.year) {
		diags_add(d, nfiles ? files[0] : "-", 0, 0, "year-range",
			  "cannot tell the return's year: give --year");
	} else if (r.year < 2000 || r.year > 2100) {
		diags_add(d, nfiles ? files[0] : "-", 0, 0, "year-range",
			  "year %d is out of range", r.year);
		r.year = 0;
	}
	s903_check(&r, on_problem, &pc);
	c->rows += (long)(r.nheader + r.nepisodes + r.nmissing + r.noc2);
	if (d->n > before || check)
		goto out;
	derive_episodes(&r, geo);
	rc = store_return_replace(s, &r, err);
	if (rc)
		goto out;
	c->returns++;
	c->children += (long)r.nheader;
	c->episodes += (long)r.nepisodes;
	c->missing += (long)r.nmissing;
	c->oc2 += (long)r.noc2;
out:
	s903_return_release(&r);
	return rc;
}

int import_903(struct store *s, const char *la, int year,
	       const char *const *files, size_t nfiles, bool check,
	       struct diags *d, struct import_counts *c, struct err *err)
{
	struct geo_index *geo = NULL;
	int rc = geo_index_load(s, &geo, err);

	if (!rc)
		rc = import_903_geo(s, la, year, files, nfiles, check, geo, d,
				    c, err);
	geo_index_free(geo);
	return rc;
}

/* Unknown only when the store says so: other errors surface on writing. */
static bool la_known(const char *code, void *ctx)
{
	struct la info;

	return store_la_get(ctx, code, &info, NULL) != ERR_NOT_FOUND;
}

int import_homes(struct store *s, const char *path, bool check,
		 struct diags *d, struct import_counts *c, struct err *err)
{
	struct home *homes = NULL;
	size_t n = 0, before = d->n;
	int rc;

	rc = homes_read_file(path, &homes, &n, la_known, s, d, err);
	c->rows += (long)n;
	if (rc || d->n > before || check)
		goto out;
	rc = store_begin(s, err);
	if (rc)
		goto out;
	for (size_t i = 0; !rc && i < n; i++)
		rc = store_home_put(s, &homes[i], err);
	if (rc) {
		store_rollback(s);
		goto out;
	}
	rc = store_commit(s, err);
	if (!rc)
		c->homes += (long)n;
out:
	free(homes);
	return rc;
}

struct names {
	char **v;
	size_t n, alloc;
};

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Entries of dir (not starting with '.'), sorted; dirs or *.csv files. */
static int list_dir(const char *dir, bool want_csv, struct names *out,
		    struct err *err)
{
	DIR *dh = opendir(dir);
	struct dirent *de;

	if (!dh)
		return err_errno(err, ERR_IO, "%s: cannot read directory", dir);
	while ((de = readdir(dh))) {
		size_t len = strlen(de->d_name);

		if (de->d_name[0] == '.')
			continue;
		if (want_csv &&
		    (len < 5 || strcmp(de->d_name + len - 4, ".csv")))
			continue;
		ALLOC_GROW(out->v, out->n + 1, out->alloc);
		out->v[out->n++] = xstrdup(de->d_name);
	}
	closedir(dh);
	if (out->n)
		qsort(out->v, out->n, sizeof(*out->v), cmp_name);
	return 0;
}

static void names_release(struct names *nm)
{
	for (size_t i = 0; i < nm->n; i++)
		free(nm->v[i]);
	free(nm->v);
	memset(nm, 0, sizeof(*nm));
}

static char *path_join(const char *a, const char *b)
{
	struct buf p = BUF_INIT(8192);

	buf_addf(&p, "%s/%s", a, b);
	return buf_detach(&p, NULL);
}

/* One DIR/903/<CODE>/<YEAR> directory. */
static int import_year_dir(struct store *s, const char *la, const char *ydir,
			   const char *yname, bool check,
			   const struct geo_index *geo, struct diags *d,
			   struct import_counts *c, struct err *err)
{
	struct names files = { 0 };
	char **paths = NULL;
	int year, rc;

	if (parse_int(yname, 2000, 2100, &year)) {
		diags_add(d, ydir, 0, 0, "year-range",
			  "directory name is not a reporting year");
		return 0;
	}
	rc = list_dir(ydir, true, &files, err);
	if (rc)
		return rc;
	paths = xcalloc(files.n ? files.n : 1, sizeof(*paths));
	for (size_t i = 0; i < files.n; i++)
		paths[i] = path_join(ydir, files.v[i]);
	rc = import_903_geo(s, la, year, (const char *const *)paths, files.n,
			    check, geo, d, c, err);
	for (size_t i = 0; i < files.n; i++)
		free(paths[i]);
	free(paths);
	names_release(&files);
	return rc;
}

int import_dir(struct store *s, const char *dir, bool check, struct diags *d,
	       struct import_counts *c, struct err *err)
{
	struct names las = { 0 }, years = { 0 };
	struct geo_index *geo = NULL;
	char *homes = path_join(dir, "homes.csv");
	char *root = path_join(dir, "903");
	size_t before = d->n;
	int rc;

	rc = geo_index_load(s, &geo, err);
	if (!rc)
		rc = store_begin(s, err);
	if (rc)
		goto out;
	if (!access(homes, R_OK))
		rc = import_homes(s, homes, check || d->n > before, d, c, err);
	if (!rc)
		rc = list_dir(root, false, &las, err);
	for (size_t i = 0; !rc && i < las.n; i++) {
		char *ladir = path_join(root, las.v[i]);

		names_release(&years);
		rc = list_dir(ladir, false, &years, err);
		for (size_t j = 0; !rc && j < years.n; j++) {
			char *ydir = path_join(ladir, years.v[j]);

			/* after a problem, validate the rest but write none */
			rc = import_year_dir(s, las.v[i], ydir, years.v[j],
					     check || d->n > before, geo, d, c,
					     err);
			free(ydir);
		}
		free(ladir);
	}
	if (rc || d->n > before)
		store_rollback(s);
	else
		rc = store_commit(s, err);
out:
	geo_index_free(geo);
	names_release(&las);
	names_release(&years);
	free(homes);
	free(root);
	return rc;
}
