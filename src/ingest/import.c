/*
 * import.c: the import pipeline: read -> check -> write in one
 * transaction.  See import.h.
 */
#include "base/compat.h"
#include "base/clock.h"
#include "base/uktime.h"
#include <dirent.h>
#include <time.h>
#include <unistd.h>
#include "base/buf.h"
#include "base/parse.h"
#include "base/xalloc.h"
#include "domain/missing.h"
#include "ingest/csv.h"
#include "ingest/geo-import.h"
#include "ingest/import.h"
#include "ingest/recs-io.h"
#include "ingest/rules-run.h"
#include "ingest/s903-xml.h"
#include "store/store-missing.h"

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

/*
 * The DfE's rules over a return that passed the import's own checks:
 * counted, reported into o->rules (or d under o->strict) and o->report.
 */
static int check_rules(struct store *s, struct s903_return *r,
		       struct problem_ctx *pc, const struct import_opts *o,
		       struct diags *d, struct import_counts *c,
		       struct err *err)
{
	struct rules_env local = { NULL, 0, false };
	struct rules_run rr;
	int rc = rules_run(s, o->env ? o->env : &local, r, o->last, &rr,
			   err);

	if (rc)
		return rc;
	c->rule_rows += (long)rr.res.n;
	c->rules_run = (long)rr.res.rules_run;
	if (o->strict)
		rules_diags(&rr, pc->files, pc->colpos, false, d, 0);
	else if (o->rules)
		rules_diags(&rr, pc->files, pc->colpos, false, o->rules,
			    o->rules_max);
	if (o->report)
		rc = rules_report_write(o->report, &rr, err);
	rules_run_release(&rr);
	rules_env_release(&local);
	return rc;
}

static int import_903_geo(struct store *s, const char *la, int year,
			  const char *const *files, size_t nfiles,
			  const struct import_opts *o,
			  const struct geo_index *geo, struct diags *d,
			  struct import_counts *c, struct err *err)
{
	bool check = o->check;
	struct s903_return r = S903_RETURN_INIT;
	struct problem_ctx pc;
	size_t before = d->n;
	unsigned seen = 0;
	const char *xml = NULL, *first;
	int rc;

	memset(&pc, 0, sizeof(pc));
	pc.d = d;
	rc = council_check(s, la, err);
	if (rc)
		return rc;
	snprintf(r.la, sizeof(r.la), "%s", la);
	for (size_t i = 0; i < nfiles && !xml; i++)
		if (s903_is_xml_path(files[i]))
			xml = files[i];
	if (xml) {
		/*
		 * One XML file is the whole return: another file beside it
		 * would be a second copy of some table, so none is read.
		 */
		for (size_t i = 0; i < nfiles; i++)
			if (files[i] != xml)
				diags_add(d, files[i], 0, 0,
					  S903_XML_RULE_MIXED,
					  "an XML return holds every table: "
					  "give %s alone", xml);
		rc = s903_read_xml(xml, &r, d, err);
		if (rc)
			goto out;
		/*
		 * After a syntax error the return is cut short: the year and
		 * cross-row checks would only report that again.
		 */
		for (size_t i = before; i < d->n; i++)
			if (!strcmp(d->v[i].rule, S903_XML_RULE_SYNTAX))
				goto out;
		/* every table the form carries, found even if empty */
		for (int t = 0; t < S903_NTABLES; t++)
			if (t != S903_SW_EPISODES && t != S903_DOLO)
				pc.files[t] = xml;
		nfiles = 0;
	}
	first = xml ? xml : nfiles ? files[0] : "-";
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
			diags_add(d, first, 0, 0, "table-missing",
				  "no %s table among the files given",
				  s903_tables[t].name);
	r.year = year ? year : s903_infer_year(&r);
	if (!r.year) {
		diags_add(d, first, 0, 0, "year-range",
			  "cannot tell the return's year: give --year");
	} else if (r.year < 2000 || r.year > 2100) {
		diags_add(d, first, 0, 0, "year-range",
			  "year %d is out of range", r.year);
		r.year = 0;
	}
	if (c->rpc_on_start) {
		size_t dropped;

		c->rpc_moved += (long)s903_rpc_to_ending(&r, &dropped);
		c->rpc_dropped += (long)dropped;
	}
	s903_shrink(&r);
	s903_check(&r, on_problem, &pc);
	for (int t = 0; t < S903_NTABLES; t++) {
		size_t n;

		s903_rows(&r, (enum s903_table)t, &n);
		c->rows += (long)n;
	}
	/*
	 * The derived fields first: the rules read PL_LA and PL_DISTANCE.
	 * Without the caller's index (one return), one of this return's
	 * districts only, dropped once used.
	 */
	if (geo) {
		derive_episodes(&r, geo);
	} else {
		struct geo_index *own = NULL;

		rc = geo_index_load_for(s, &r, &own, err);
		if (rc)
			goto out;
		derive_episodes(&r, own);
		geo_index_free(own);
	}
	/*
	 * The rules run over the rows that loaded even when the import's
	 * own checks found problems (then nothing is written anyway): a
	 * council fixing its file sees everything at once.
	 */
	if (r.year && o->rules_on) {
		rc = check_rules(s, &r, &pc, o, d, c, err);
		if (rc)
			goto out;
	}
	if (d->n > before || check)
		goto out;
	rc = store_return_replace(s, &r, err);
	if (rc)
		goto out;
	c->returns++;
	c->children += (long)r.nheader;
	c->episodes += (long)r.nepisodes;
	c->missing += (long)r.nmissing;
	c->oc2 += (long)r.noc2;
out:
	if (o->last && r.year) {
		s903_return_release(o->last);
		*o->last = r;	/* the next return's year before, maybe */
	} else {
		s903_return_release(&r);
	}
	return rc;
}

int import_903_opts(struct store *s, const char *la, int year,
		    const char *const *files, size_t nfiles,
		    const struct import_opts *o, struct diags *d,
		    struct import_counts *c, struct err *err)
{
	/* no index: import_903_geo() loads its return's districts only */
	return import_903_geo(s, la, year, files, nfiles, o, NULL, d, c,
			      err);
}

int import_903(struct store *s, const char *la, int year,
	       const char *const *files, size_t nfiles, bool check,
	       struct diags *d, struct import_counts *c, struct err *err)
{
	struct import_opts o = { .check = check, .rules_on = true };

	return import_903_opts(s, la, year, files, nfiles, &o, d, c, err);
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

/*
 * Entries of dir (not starting with '.'), sorted; dirs, or *.csv and
 * *.xml files (an SSDA903 return in either form).
 */
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
		    (len < 5 || strcmp(de->d_name + len - 4, ".csv")) &&
		    !s903_is_xml_path(de->d_name))
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
			   const char *yname, bool check, struct rules_env *env,
			   struct s903_return *last,
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
	{
		struct import_opts o = { .check = check, .rules_on = true,
					 .env = env, .last = last };

		rc = import_903_geo(s, la, year, (const char *const *)paths,
				    files.n, &o, geo, d, c, err);
	}
	for (size_t i = 0; i < files.n; i++)
		free(paths[i]);
	free(paths);
	names_release(&files);
	return rc;
}

static int missing_files(struct store *s, const char *const *files,
			 size_t nfiles, bool check, bool store, int64_t now_ms,
			 struct diags *d, struct import_counts *c,
			 struct err *err);

/* DIR/missing-live.csv and DIR/strategy-meetings.csv, if there (issue 5),
 * checked at the real clock. */
static int import_dir_missing(struct store *s, const char *dir, bool check,
			      struct diags *d, struct import_counts *c,
			      struct err *err)
{
	char *paths[2] = { path_join(dir, "missing-live.csv"),
			   path_join(dir, "strategy-meetings.csv") };
	const char *have[2];
	size_t n = 0;
	int rc = 0;

	for (size_t i = 0; i < 2; i++)
		if (!access(paths[i], R_OK))
			have[n++] = paths[i];
	if (n)
		rc = missing_files(s, have, n, check, !check, clock_now_ms(), d,
				   c, err);
	free(paths[0]);
	free(paths[1]);
	return rc;
}

/*
 * DIR/recommendations.csv and DIR/rec-progress.csv, those there.  When
 * checking, DIR/homes.csv was read but not written: its providers are
 * named to the check (provider:*) all the same.
 */
static int import_dir_recs(struct store *s, const char *dir, bool check,
			   struct diags *d, struct import_counts *c,
			   struct err *err)
{
	char *recs = path_join(dir, "recommendations.csv");
	char *prog = path_join(dir, "rec-progress.csv");
	char *homes = path_join(dir, "homes.csv");
	bool has_recs = !access(recs, R_OK), has_prog = !access(prog, R_OK);
	struct diags hd = DIAGS_INIT;	/* reported by import_homes() */
	struct recs_orgs more;
	struct home *h = NULL;
	size_t nh = 0;
	long nr = 0, np = 0;
	int rc = 0;

	memset(&more, 0, sizeof(more));
	if ((has_recs || has_prog) && check && !access(homes, R_OK) &&
	    !homes_read_file(homes, &h, &nh, NULL, NULL, &hd, err))
		for (size_t i = 0; i < nh; i++)
			recs_orgs_add(&more, ORG_PROVIDER, h[i].provider);
	err_clear(err);
	if (has_recs || has_prog)
		rc = recs_import_more(s, has_recs ? recs : NULL,
				      has_prog ? prog : NULL, &more, check, d,
				      &nr, &np, err);
	c->recs += nr;
	c->rec_progress += np;
	recs_orgs_release(&more);
	diags_release(&hd);
	free(h);
	free(recs);
	free(prog);
	free(homes);
	return rc;
}

int import_dir(struct store *s, const char *dir, bool check, struct diags *d,
	       struct import_counts *c, struct err *err)
{
	struct names las = { 0 }, years = { 0 };
	struct geo_index *geo = NULL;
	struct rules_env env = { NULL, 0, false };	/* after homes.csv */
	struct s903_return last = S903_RETURN_INIT;	/* years in order */
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
					     check || d->n > before, &env,
					     &last, geo, d, c, err);
			free(ydir);
		}
		free(ladir);
	}
	if (!rc)
		rc = import_dir_missing(s, dir, check || d->n > before, d, c,
					err);
	/* the quality of care (issue 13): its homes are in now */
	if (!rc)
		rc = import_dir_quality(s, dir, check || d->n > before,
					clock_now_ms(), d, c, err);
	/* the recommendations register last: provider:* names the
	 * providers of the homes just read */
	if (!rc)
		rc = import_dir_recs(s, dir, check || d->n > before, d, c,
				     err);
	if (rc || d->n > before)
		store_rollback(s);
	else
		rc = store_commit(s, err);
out:
	geo_index_free(geo);
	rules_env_release(&env);
	s903_return_release(&last);
	names_release(&las);
	names_release(&years);
	free(homes);
	free(root);
	return rc;
}

/* ==== missing from care, recorded live (issue 5; docs/missing.md) ==== */


enum mfc_file { MFC_FILE_EPISODES, MFC_FILE_MEETINGS, MFC_NFILES };

static const char *const mfc_cols[MFC_NFILES][26] = {
	[MFC_FILE_EPISODES] = {
		"LA", "CHILD", "KIND", "URN", "STARTED_AT", "LAST_SEEN_AT",
		"LAST_SEEN_PLACE", "CIRCUMSTANCES", "HOME_ACTIONS",
		"EXPLOITATION", "ASSOCIATES", "LOCATIONS", "HEALTH_NEEDS",
		"POLICE_REF", "RISK_GRADE", "RETURNED_AT", "RETURNED_PLACE",
		"ARRESTED", "CHARGED", "RI_OFFERED_AT", "RI_HELD_AT", "RI_BY",
		"RI_INDEPENDENT", "RI_OUTCOME", "RI_SUMMARY", NULL },
	[MFC_FILE_MEETINGS] = {
		"LA", "CHILD", "HELD_ON", "AGENCIES", "DECISIONS",
		"SAFETY_PLAN_REVIEW_ON", "EPISODE_STARTED_AT", NULL },
};
#define MFC_MAXCOLS 26

/* One file being read: where each known column is (1-based, 0 absent). */
struct mfc_reader {
	const char *path;
	enum mfc_file kind;
	size_t pos[MFC_MAXCOLS];
	const struct csv_record *rec;
	struct diags *d;
	size_t before;		/* problems before this row */
	bool store;		/* check against the store and write */
};

static size_t mfc_col_index(enum mfc_file k, const char *name)
{
	for (size_t i = 0; mfc_cols[k][i]; i++)
		if (!strcmp(mfc_cols[k][i], name))
			return i;
	return SIZE_MAX;
}

/* Field `name` of the current row ("" when the column is absent). */
static const char *mfc_field(struct mfc_reader *r, const char *name,
			     size_t *col)
{
	size_t i = mfc_col_index(r->kind, name);
	size_t p = i == SIZE_MAX ? 0 : r->pos[i];

	if (col)
		*col = p;
	if (!p || p > r->rec->nfields)
		return "";
	return r->rec->fields[p - 1];
}

static size_t mfc_pos(struct mfc_reader *r, const char *name)
{
	size_t col = 0;

	mfc_field(r, name, &col);
	return col;
}

static void mfc_diag(struct mfc_reader *r, const char *name,
		     const char *rule, const char *msg)
{
	diags_add(r->d, r->path, r->rec->line, name ? mfc_pos(r, name) : 0,
		  rule, "%s", msg);
}

static void mfc_text(struct mfc_reader *r, const char *name, char *dst,
		     size_t cap)
{
	struct err err = ERR_INIT;

	if (mfc_text_set(dst, cap, mfc_field(r, name, NULL), name, &err)) {
		mfc_diag(r, name, err.code == ERR_TOO_LARGE ?
			 "mfc-text-length" : "mfc-text", err_text(&err));
		dst[0] = '\0';
	}
}

static void mfc_time(struct mfc_reader *r, const char *name, int64_t *ms)
{
	const char *f = mfc_field(r, name, NULL);
	enum uk_fold fold = UK_FOLD_NONE;
	char msg[160];

	*ms = 0;
	if (!*f)
		return;
	if (uk_time_parse(f, ms, &fold)) {
		if (fold == UK_FOLD_GAP)
			snprintf(msg, sizeof(msg), "%s \"%.40s\" did not "
				 "happen in the UK: the clocks went forward an "
				 "hour", name, f);
		else if (fold == UK_FOLD_REPEATED)
			snprintf(msg, sizeof(msg), "%s \"%.40s\" happened "
				 "twice in the UK (the clocks went back): add "
				 "\" BST\" or \" GMT\", or a UTC time with Z",
				 name, f);
		else
			snprintf(msg, sizeof(msg), "%s \"%.40s\" is not a "
				 "time (yyyy-mm-ddThh:mm[:ss[.mmm]] in UK time, "
				 "or with Z or +hh:mm)", name, f);
		mfc_diag(r, name, fold ? "mfc-time-uk" : "mfc-time", msg);
		*ms = 0;
	}
}

/* A 0/1 flag; blank is def (-1: not recorded). */
static int mfc_flag(struct mfc_reader *r, const char *name, int def)
{
	const char *f = mfc_field(r, name, NULL);
	char msg[120];

	if (!*f)
		return def;
	if (!strcmp(f, "0") || !strcmp(f, "1"))
		return f[0] - '0';
	snprintf(msg, sizeof(msg), "%s must be 0, 1 or blank", name);
	mfc_diag(r, name, "mfc-flag", msg);
	return def;
}

static void mfc_day(struct mfc_reader *r, const char *name, int32_t *day)
{
	const char *f = mfc_field(r, name, NULL);
	char msg[120];

	*day = DATE_NONE;
	if (*f && parse_date_iso(f, day)) {
		snprintf(msg, sizeof(msg), "%s \"%.20s\" is not a date "
			 "(yyyy-mm-dd)", name, f);
		mfc_diag(r, name, "mfc-date", msg);
		*day = DATE_NONE;
	}
}

static void mfc_child(struct mfc_reader *r, char *la, char *ref)
{
	mfc_text(r, "LA", la, LA_CODE_MAX + 1);
	mfc_text(r, "CHILD", ref, S903_CHILD_MAX + 1);
	if (!ref[0])
		mfc_diag(r, "CHILD", "mfc-required", "CHILD is required");
	if (strlen(la) != LA_CODE_MAX)
		mfc_diag(r, "LA", "mfc-la", "LA must be a council's GSS "
			 "code such as W06000015");
}

/* A store refusal of a row, as a problem at the right column. */
static int mfc_store_problem(struct mfc_reader *r, int rc,
			     const struct err *err, const char *exists_col)
{
	if (rc == ERR_NOT_FOUND)
		mfc_diag(r, "CHILD", "mfc-child-unknown", err_text(err));
	else if (rc == ERR_INVALID)
		mfc_diag(r, "URN", "mfc-home-unknown", err_text(err));
	else if (rc == ERR_EXISTS)
		mfc_diag(r, exists_col, "mfc-open-twice", err_text(err));
	else if (rc == ERR_CONSTRAINT)
		mfc_diag(r, NULL, "mfc-constraint", err_text(err));
	else
		return rc;
	return 0;
}

static int mfc_episode_row(struct store *s, struct mfc_reader *r,
			   int64_t now_ms, struct mfc_episode *e,
			   struct import_counts *c, struct err *err)
{
	struct err rerr = ERR_INIT;
	struct mfc_problem p = { NULL, NULL };
	const char *f;
	int64_t id = 0;
	int rc;

	mfc_episode_init(e);
	mfc_child(r, e->la, e->ref);
	f = mfc_field(r, "KIND", NULL);
	if (mfc_kind_parse(f, e->kind))
		mfc_diag(r, "KIND", "mfc-kind", "KIND must be M (missing) "
			 "or A (away from placement without authorisation)");
	mfc_text(r, "URN", e->urn, sizeof(e->urn));
	mfc_time(r, "STARTED_AT", &e->started_at);
	mfc_time(r, "LAST_SEEN_AT", &e->last_seen_at);
	mfc_text(r, "LAST_SEEN_PLACE", e->last_seen_place,
		 sizeof(e->last_seen_place));
	mfc_text(r, "CIRCUMSTANCES", e->circumstances,
		 sizeof(e->circumstances));
	mfc_text(r, "HOME_ACTIONS", e->home_actions, sizeof(e->home_actions));
	e->exploitation = mfc_flag(r, "EXPLOITATION", 0) == 1;
	mfc_text(r, "ASSOCIATES", e->associates, sizeof(e->associates));
	mfc_text(r, "LOCATIONS", e->locations, sizeof(e->locations));
	mfc_text(r, "HEALTH_NEEDS", e->health_needs, sizeof(e->health_needs));
	mfc_text(r, "POLICE_REF", e->police_ref, sizeof(e->police_ref));
	f = mfc_field(r, "RISK_GRADE", NULL);
	if (mfc_grade_parse(f, &e->grade))
		mfc_diag(r, "RISK_GRADE", "mfc-grade", "RISK_GRADE must be "
			 "none, low, medium, high or blank");
	mfc_time(r, "RETURNED_AT", &e->returned_at);
	mfc_text(r, "RETURNED_PLACE", e->returned_place,
		 sizeof(e->returned_place));
	e->arrested = mfc_flag(r, "ARRESTED", 0) == 1;
	e->charged = mfc_flag(r, "CHARGED", 0) == 1;
	mfc_time(r, "RI_OFFERED_AT", &e->ri_offered_at);
	mfc_time(r, "RI_HELD_AT", &e->ri_held_at);
	mfc_text(r, "RI_BY", e->ri_by, sizeof(e->ri_by));
	e->ri_independent = mfc_flag(r, "RI_INDEPENDENT", -1);
	f = mfc_field(r, "RI_OUTCOME", NULL);
	if (mfc_outcome_parse(f, &e->ri_outcome))
		mfc_diag(r, "RI_OUTCOME", "mfc-outcome", "RI_OUTCOME must "
			 "be accepted, declined or blank");
	mfc_text(r, "RI_SUMMARY", e->ri_summary, sizeof(e->ri_summary));
	if (r->d->n > r->before)
		return 0;	/* field problems: no cascade */
	if (mfc_episode_check(e, now_ms, &p, &rerr)) {
		mfc_diag(r, p.field, p.rule, err_text(&rerr));
		return 0;
	}
	e->reported_at = e->started_at;
	if (!r->store) {
		c->live_episodes++;
		return 0;
	}
	rc = store_mfc_import(s, e, &id, &rerr);
	if (rc)
		return mfc_store_problem(r, rc, &rerr, "RETURNED_AT") ?
			       err_set(err, rc, "%s", err_text(&rerr)) :
			       0;
	c->live_episodes++;
	return 0;
}

static int mfc_meeting_row(struct store *s, struct mfc_reader *r,
			   int64_t now_ms, struct import_counts *c,
			   struct err *err)
{
	struct err rerr = ERR_INIT;
	struct mfc_problem p = { NULL, NULL };
	struct mfc_meeting m;
	int64_t started = 0, id = 0;
	int rc;

	mfc_meeting_init(&m);
	mfc_child(r, m.la, m.ref);
	mfc_day(r, "HELD_ON", &m.held_on);
	mfc_text(r, "AGENCIES", m.agencies, sizeof(m.agencies));
	mfc_text(r, "DECISIONS", m.decisions, sizeof(m.decisions));
	mfc_day(r, "SAFETY_PLAN_REVIEW_ON", &m.safety_plan_review_on);
	mfc_time(r, "EPISODE_STARTED_AT", &started);
	if (r->d->n > r->before)
		return 0;
	if (mfc_meeting_check(&m, now_ms, &p, &rerr)) {
		mfc_diag(r, p.field, p.rule, err_text(&rerr));
		return 0;
	}
	if (!r->store) {
		c->meetings++;
		return 0;
	}
	rc = store_mfc_meeting_import(s, &m, started, &id, &rerr);
	if (rc == ERR_NOT_FOUND && started && strstr(err_text(&rerr),
						     "no missing episode")) {
		mfc_diag(r, "EPISODE_STARTED_AT", "mfc-episode-unknown",
			 err_text(&rerr));
		return 0;
	}
	if (rc)
		return mfc_store_problem(r, rc, &rerr, "HELD_ON") ?
			       err_set(err, rc, "%s", err_text(&rerr)) :
			       0;
	c->meetings++;
	return 0;
}

/* Read the header row: which kind of file, and where each column is. */
static int mfc_header(struct mfc_reader *r, const struct csv_record *rec)
{
	bool seen = false;

	memset(r->pos, 0, sizeof(r->pos));
	for (size_t i = 0; i < rec->nfields; i++) {
		if (!strcmp(rec->fields[i], "STARTED_AT"))
			r->kind = MFC_FILE_EPISODES, seen = true;
		else if (!strcmp(rec->fields[i], "HELD_ON"))
			r->kind = MFC_FILE_MEETINGS, seen = true;
	}
	if (!seen) {
		diags_add(r->d, r->path, rec->line, 0, "mfc-header",
			  "not a file of live missing episodes (no "
			  "STARTED_AT column) or strategy meetings (no "
			  "HELD_ON column)");
		return -1;
	}
	for (size_t i = 0; i < rec->nfields; i++) {
		size_t k = mfc_col_index(r->kind, rec->fields[i]);

		if (k == SIZE_MAX)
			diags_add(r->d, r->path, rec->line, i + 1,
				  "mfc-column", "unknown column \"%.40s\"",
				  rec->fields[i]);
		else if (r->pos[k])
			diags_add(r->d, r->path, rec->line, i + 1,
				  "mfc-column", "column %s repeated",
				  rec->fields[i]);
		else
			r->pos[k] = i + 1;
	}
	for (size_t k = 0; k < 2; k++)	/* LA, CHILD */
		if (!r->pos[k])
			diags_add(r->d, r->path, rec->line, 0, "mfc-column",
				  "column %s is required", mfc_cols[r->kind][k]);
	return 0;
}

/* Read one file if it is of kind want; *kind_out gets its kind. */
static int mfc_read_file(struct store *s, const char *path,
			 enum mfc_file want, bool *done, bool store,
			 int64_t now_ms, struct diags *d,
			 struct import_counts *c, struct err *err)
{
	static const struct csv_limits lim = { MFC_TEXT_MAX + 8, 64,
					       5000000 };
	struct mfc_reader r = { path, MFC_FILE_EPISODES, { 0 }, NULL, d, 0,
				store };
	struct mfc_episode *e = xmalloc(sizeof(*e));
	struct csv_reader *cr = NULL;
	struct csv_record rec;
	struct csv_error cerr;
	bool header = false;
	int rc;

	rc = csv_open_file(&cr, path, &lim, err);
	while (!rc && (rc = csv_next(cr, &rec, &cerr, err)) != CSV_EOF) {
		if (rc < 0)
			break;
		if (rc == CSV_BAD) {
			diags_add(d, path, cerr.line, cerr.field, cerr.rule,
				  "%s", cerr.msg);
			rc = 0;
			continue;
		}
		rc = 0;
		if (!header) {
			header = true;
			if (mfc_header(&r, &rec)) {
				*done = true;
				break;
			}
			if (r.kind != want)
				break;
			*done = true;
			continue;
		}
		r.rec = &rec;
		r.before = d->n;
		c->rows++;
		rc = r.kind == MFC_FILE_EPISODES ?
			     mfc_episode_row(s, &r, now_ms, e, c, err) :
			     mfc_meeting_row(s, &r, now_ms, c, err);
	}
	if (rc == CSV_EOF)
		rc = 0;
	if (!rc && !header)
		diags_add(d, path, 1, 0, "mfc-header", "empty file: no "
			  "header row");
	if (!header)
		*done = true;
	csv_close(cr);
	free(e);
	return rc;
}

/* store false: validate the rows only (the returns they name were not
 * written: `import dir --check`, or after a problem). */
static int missing_files(struct store *s, const char *const *files,
			 size_t nfiles, bool check, bool store, int64_t now_ms,
			 struct diags *d, struct import_counts *c,
			 struct err *err)
{
	size_t before = d->n;
	bool *done;
	int rc = store_begin(s, err);

	if (rc)
		return rc;
	done = xcalloc(nfiles ? nfiles : 1, sizeof(*done));
	/* episodes first: meetings may name them */
	for (int k = 0; !rc && k < MFC_NFILES; k++)
		for (size_t i = 0; !rc && i < nfiles; i++)
			if (!done[i])
				rc = mfc_read_file(s, files[i],
						   (enum mfc_file)k, &done[i],
						   store, now_ms, d, c, err);
	if (!rc && !check && d->n == before)
		rc = store_commit(s, err);
	else
		store_rollback(s);
	free(done);
	return rc;
}

int import_missing(struct store *s, const char *const *files, size_t nfiles,
		   bool check, int64_t now_ms, struct diags *d,
		   struct import_counts *c, struct err *err)
{
	return missing_files(s, files, nfiles, check, true, now_ms, d, c, err);
}
