/*
 * db-alerts.c: the store's side of the proactive alerts (issue 5;
 * store.h "alerts", migration 6, docs/alerts.md).
 *
 * The snapshot loader reads every fact the rules need in six sequential
 * scans (children, homes, SSDA903 episodes and missing periods, live
 * episodes, strategy meetings); the SSDA903 tables in table order with
 * no join (returns and homes come from small lookups), sorted in C and
 * merged across returns the way migration 3's views do (the same episode or period in several returns is taken from
 * the latest; a row left open in a return that is not its council's
 * latest ended on 31 March of that year): the views' correlated
 * subqueries cost seconds at England scale, one ordered scan does not.
 * For one child's re-evaluation the same queries run per child id from
 * the child indexes.
 *
 * Everything else is short statements on the alert tables.  All SQL is
 * constant text with bound parameters (sql_cached()).
 */
#include "base/compat.h"
#include "base/parse.h"
#include "base/xalloc.h"
#include "store/db.h"

/* Step a statement that returns no rows we need. */
static int a_done(struct sql *db, struct sql_stmt *st, struct err *err,
		  const char *what)
{
	int rc = sql_step(st);

	sql_reset(st);
	if (rc != SQL_DONE && rc != SQL_ROW)
		return sql_fail(db, err, what);
	return 0;
}

static int64_t col_opt_i64(struct sql_stmt *st, int i)
{
	if (sql_col_null(st, i))
		return 0;
	return sql_col_int(st, i);
}

/* ---- the snapshot -------------------------------------------------------- */

#define CHILD_COLS "SELECT c.id, l.code, c.child_ref FROM child c" \
	" JOIN la l ON l.id = c.la_id"
static const char sql_children_all[] = CHILD_COLS " ORDER BY c.id";
static const char sql_children_one[] = CHILD_COLS " WHERE c.id = ?1";

static const char sql_latest_years[] =
	"SELECT la_id, max(year) FROM return903 GROUP BY la_id";

static const char sql_homes[] =
	"SELECT h.id, h.urn, p.name, l.council_code, h.places, h.registered,"
	" h.closed FROM home h JOIN provider p ON p.id = h.provider_id"
	" JOIN la l ON l.id = h.la_id ORDER BY h.urn";

/* Scanned in table order and sorted in C: sequential pages, no join per
 * row (the return's year and council, and the home, from small lookups
 * made first). */
#define PLACEMENT_COLS \
	"SELECT child_id, decom, dec, rne, reason_place_change IS NOT NULL," \
	" pl_distance, urn, return_id FROM episode"
static const char sql_placements_all[] = PLACEMENT_COLS;
static const char sql_placements_one[] = PLACEMENT_COLS " WHERE child_id = ?1";

#define PERIOD_COLS "SELECT child_id, kind, start, \"end\", return_id FROM missing"
static const char sql_periods_all[] = PERIOD_COLS;
static const char sql_periods_one[] = PERIOD_COLS " WHERE child_id = ?1";

static const char sql_returns[] = "SELECT id, year, la_id FROM return903";

#define LIVE_COLS \
	"SELECT e.id, e.child_id, e.kind, h.id, e.started_at, e.returned_at," \
	" e.ri_offered_at, e.ri_held_at, e.ri_outcome = 'declined'," \
	" e.risk_grade, e.exploitation, e.arrested, e.charged" \
	" FROM mfc_episode e LEFT JOIN home h ON h.urn = e.urn"
static const char sql_live_all[] =
	LIVE_COLS " ORDER BY e.child_id, e.started_at";
static const char sql_live_one[] =
	LIVE_COLS " WHERE e.child_id = ?1 ORDER BY e.started_at";

#define MEETING_COLS \
	"SELECT child_id, held_on, safety_plan_review_on FROM strategy_meeting"
static const char sql_meetings_all[] =
	MEETING_COLS " ORDER BY child_id, held_on";
static const char sql_meetings_one[] =
	MEETING_COLS " WHERE child_id = ?1 ORDER BY held_on";

struct raw_placement {
	struct alert_placement p;
	int year;
};

struct raw_period {
	struct alert_period p;
	int year;
};

struct loader {
	struct sql *db;
	struct alert_snapshot *out;
	size_t a_children, a_live, a_meetings, a_periods, a_placements;
	/* home row id -> index in out->homes, -1 */
	int32_t *home_ix;
	int64_t nhome_ix;
	/* la row id -> its latest return year */
	int *latest;
	int64_t nlatest;
	/* return id -> its year and council (la row id) */
	int *ret_year;
	int64_t *ret_la;
	int64_t nret;
	/* rows as scanned, with their return's year, before the merge */
	struct raw_placement *rp;
	size_t nrp, arp;
	struct raw_period *rq;
	size_t nrq, arq;
};

static int32_t home_index(const struct loader *ld, struct sql_stmt *st, int i)
{
	int64_t id;

	if (sql_col_null(st, i))
		return -1;
	id = sql_col_int(st, i);
	if (id < 0 || id >= ld->nhome_ix)
		return -1;
	return ld->home_ix[id];
}

/* The home (index in out->homes, sorted by URN) of a URN column, -1. */
static int32_t home_by_urn(const struct loader *ld, struct sql_stmt *st, int i)
{
	const struct alert_snapshot *o = ld->out;
	const char *urn = sql_col_str(st, i);
	size_t lo = 0, hi = o->nhomes;

	if (!urn)
		return -1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(o->homes[mid].urn, urn);

		if (!c)
			return (int32_t)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* end_eff of migration 3: the end date, else none if the row is in its
 * council's latest return, else 31 March of its return's year. */
static int32_t end_eff(const struct loader *ld, int32_t end, int year,
		       int64_t la)
{
	if (end != DATE_NONE)
		return end;
	if (la >= 0 && la < ld->nlatest && ld->latest[la] == year)
		return DATE_NONE;
	return date_from_ymd(year, 3, 31);
}

/* The year and council of return id (year -1 if unknown). */
static void return_of(const struct loader *ld, int64_t id, int *year,
		      int64_t *la)
{
	*year = -1;
	*la = -1;
	if (id >= 0 && id < ld->nret) {
		*year = ld->ret_year[id];
		*la = ld->ret_la[id];
	}
}

static int load_lookups(struct loader *ld, struct err *err)
{
	struct alert_snapshot *o = ld->out;
	struct sql_stmt *st;
	size_t alloc = 0;
	int rc;

	st = sql_cached(ld->db, sql_returns, err);
	if (!st)
		return ERR_STORE;
	while ((rc = sql_step(st)) == SQL_ROW) {
		int64_t id = sql_col_int(st, 0);

		if (id < 0 || id > INT32_MAX)
			continue;
		if (id >= ld->nret) {
			int64_t n = id + 64;

			ld->ret_year = xreallocarray(ld->ret_year, (size_t)n,
						     sizeof(*ld->ret_year));
			ld->ret_la = xreallocarray(ld->ret_la, (size_t)n,
						   sizeof(*ld->ret_la));
			for (int64_t i = ld->nret; i < n; i++) {
				ld->ret_year[i] = -1;
				ld->ret_la[i] = -1;
			}
			ld->nret = n;
		}
		ld->ret_year[id] = sql_col_int(st, 1);
		ld->ret_la[id] = sql_col_int(st, 2);
	}
	sql_reset(st);
	if (rc != SQL_DONE)
		return sql_fail(ld->db, err, "alerts: returns");

	st = sql_cached(ld->db, sql_latest_years, err);
	if (!st)
		return ERR_STORE;
	while ((rc = sql_step(st)) == SQL_ROW) {
		int64_t la = sql_col_int(st, 0);

		if (la < 0 || la > INT32_MAX)
			continue;
		if (la >= ld->nlatest) {
			int64_t n = la + 64;

			ld->latest = xreallocarray(ld->latest, (size_t)n,
						   sizeof(*ld->latest));
			for (int64_t i = ld->nlatest; i < n; i++)
				ld->latest[i] = -1;
			ld->nlatest = n;
		}
		ld->latest[la] = sql_col_int(st, 1);
	}
	sql_reset(st);
	if (rc != SQL_DONE)
		return sql_fail(ld->db, err, "alerts: returns");

	st = sql_cached(ld->db, sql_homes, err);
	if (!st)
		return ERR_STORE;
	while ((rc = sql_step(st)) == SQL_ROW) {
		int64_t id = sql_col_int(st, 0);
		struct alert_home *h;

		if (id < 0 || id > INT32_MAX)
			continue;
		ALLOC_GROW(o->homes, o->nhomes + 1, alloc);
		h = &o->homes[o->nhomes];
		sql_col_text(st, 1, h->urn, sizeof(h->urn));
		sql_col_text(st, 2, h->provider, sizeof(h->provider));
		sql_col_text(st, 3, h->council, sizeof(h->council));
		h->places = sql_col_int(st, 4);
		h->registered = sql_col_date(st, 5);
		h->closed = sql_col_date(st, 6);
		if (id >= ld->nhome_ix) {
			int64_t n = id + 256;

			ld->home_ix = xreallocarray(ld->home_ix, (size_t)n,
						    sizeof(*ld->home_ix));
			for (int64_t i = ld->nhome_ix; i < n; i++)
				ld->home_ix[i] = -1;
			ld->nhome_ix = n;
		}
		ld->home_ix[id] = (int32_t)o->nhomes++;
	}
	sql_reset(st);
	if (rc != SQL_DONE)
		return sql_fail(ld->db, err, "alerts: homes");
	return 0;
}

/* Run sql (bound to child id if not 0) and hand each row to fn. */
static int scan(struct loader *ld, const char *sql, int64_t child_id,
		int (*fn)(struct loader *ld, struct sql_stmt *st),
		struct err *err)
{
	struct sql_stmt *st = sql_cached(ld->db, sql, err);
	int rc;

	if (!st)
		return ERR_STORE;
	if (child_id)
		sql_bind_int(st, 1, child_id);
	while ((rc = sql_step(st)) == SQL_ROW)
		fn(ld, st);
	sql_reset(st);
	if (rc != SQL_DONE)
		return sql_fail(ld->db, err, "alerts: snapshot");
	return 0;
}

static int row_child(struct loader *ld, struct sql_stmt *st)
{
	struct alert_snapshot *o = ld->out;
	struct alert_child *c;

	ALLOC_GROW(o->children, o->nchildren + 1, ld->a_children);
	c = &o->children[o->nchildren++];
	c->id = sql_col_int(st, 0);
	sql_col_text(st, 1, c->la, sizeof(c->la));
	sql_col_text(st, 2, c->ref, sizeof(c->ref));
	return 0;
}

static int row_placement(struct loader *ld, struct sql_stmt *st)
{
	struct raw_placement *r;
	const char *rne;
	int64_t la;
	int32_t decom = sql_col_date(st, 1);

	if (decom == DATE_NONE)
		return 0;
	ALLOC_GROW(ld->rp, ld->nrp + 1, ld->arp);
	r = &ld->rp[ld->nrp++];
	r->p.child_id = sql_col_int(st, 0);
	r->p.decom = decom;
	return_of(ld, sql_col_int(st, 7), &r->year, &la);
	r->p.end = end_eff(ld, sql_col_date(st, 2), r->year, la);
	rne = sql_col_str(st, 3);
	r->p.rne = rne ? (char)rne[0] : '?';
	r->p.has_reason = sql_col_int(st, 4) != 0;
	r->p.distance = sql_col_opt_int(st, 5);
	r->p.home = home_by_urn(ld, st, 6);
	return 0;
}

static int row_period(struct loader *ld, struct sql_stmt *st)
{
	const char *kind = sql_col_str(st, 1);
	struct raw_period *r;
	int64_t la;
	int32_t start = sql_col_date(st, 2);

	if (start == DATE_NONE)
		return 0;
	ALLOC_GROW(ld->rq, ld->nrq + 1, ld->arq);
	r = &ld->rq[ld->nrq++];
	r->p.child_id = sql_col_int(st, 0);
	r->p.kind = kind ? (char)kind[0] : 'M';
	r->p.start = start;
	return_of(ld, sql_col_int(st, 4), &r->year, &la);
	r->p.end = end_eff(ld, sql_col_date(st, 3), r->year, la);
	return 0;
}

static int cmp_raw_placement(const void *a, const void *b)
{
	const struct raw_placement *x = a, *y = b;

	if (x->p.child_id != y->p.child_id)
		return x->p.child_id < y->p.child_id ? -1 : 1;
	if (x->p.decom != y->p.decom)
		return x->p.decom < y->p.decom ? -1 : 1;
	return (x->year > y->year) - (x->year < y->year);
}

static int cmp_raw_period(const void *a, const void *b)
{
	const struct raw_period *x = a, *y = b;

	if (x->p.child_id != y->p.child_id)
		return x->p.child_id < y->p.child_id ? -1 : 1;
	if (x->p.start != y->p.start)
		return x->p.start < y->p.start ? -1 : 1;
	if (x->p.kind != y->p.kind)
		return x->p.kind < y->p.kind ? -1 : 1;
	return (x->year > y->year) - (x->year < y->year);
}

/*
 * Merge across returns (migration 3): the same episode (child, DECOM)
 * or period (child, start, kind) in several returns is taken from the
 * latest; the rows of a one-child load arrive child by child and are
 * merged per child.
 */
static void merge_rows(struct loader *ld)
{
	struct alert_snapshot *o = ld->out;

	if (ld->nrp)
		qsort(ld->rp, ld->nrp, sizeof(*ld->rp), cmp_raw_placement);
	for (size_t i = 0; i < ld->nrp; i++) {
		const struct alert_placement *p = &ld->rp[i].p;

		if (i + 1 < ld->nrp && ld->rp[i + 1].p.child_id == p->child_id &&
		    ld->rp[i + 1].p.decom == p->decom)
			continue;	/* a later return has it */
		ALLOC_GROW(o->placements, o->nplacements + 1, ld->a_placements);
		o->placements[o->nplacements++] = *p;
	}
	if (ld->nrq)
		qsort(ld->rq, ld->nrq, sizeof(*ld->rq), cmp_raw_period);
	for (size_t i = 0; i < ld->nrq; i++) {
		const struct alert_period *p = &ld->rq[i].p;

		if (i + 1 < ld->nrq && ld->rq[i + 1].p.child_id == p->child_id &&
		    ld->rq[i + 1].p.start == p->start &&
		    ld->rq[i + 1].p.kind == p->kind)
			continue;
		ALLOC_GROW(o->periods, o->nperiods + 1, ld->a_periods);
		o->periods[o->nperiods++] = *p;
	}
	ld->nrp = 0;
	ld->nrq = 0;
}

static char grade_letter(struct sql_stmt *st, int i)
{
	const char *g = sql_col_str(st, i);

	if (!g)
		return 0;
	switch (g[0]) {
	case 'n':
	case 'l':
	case 'm':
	case 'h':
		return (char)g[0];
	default:
		return 0;
	}
}

static int row_live(struct loader *ld, struct sql_stmt *st)
{
	struct alert_snapshot *o = ld->out;
	const char *kind = sql_col_str(st, 2);
	struct alert_live *e;

	ALLOC_GROW(o->live, o->nlive + 1, ld->a_live);
	e = &o->live[o->nlive++];
	e->id = sql_col_int(st, 0);
	e->child_id = sql_col_int(st, 1);
	e->kind = kind ? (char)kind[0] : 'M';
	e->home = home_index(ld, st, 3);
	e->started_at = sql_col_time(st, 4);
	e->returned_at = sql_col_time(st, 5);
	e->ri_offered_at = sql_col_time(st, 6);
	e->ri_held_at = sql_col_time(st, 7);
	e->ri_declined = sql_col_int(st, 8) == 1;
	e->grade = grade_letter(st, 9);
	e->exploitation = sql_col_int(st, 10) != 0;
	e->arrested = sql_col_int(st, 11) != 0;
	e->charged = sql_col_int(st, 12) != 0;
	return 0;
}

static int row_meeting(struct loader *ld, struct sql_stmt *st)
{
	struct alert_snapshot *o = ld->out;
	struct alert_meeting *m;
	int32_t held = sql_col_date(st, 1);

	if (held == DATE_NONE)
		return 0;
	ALLOC_GROW(o->meetings, o->nmeetings + 1, ld->a_meetings);
	m = &o->meetings[o->nmeetings++];
	m->child_id = sql_col_int(st, 0);
	m->held_on = held;
	m->safety_plan_review_on = sql_col_date(st, 2);
	return 0;
}

static int cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

int db_alert_snapshot_load(struct sql *db, const int64_t *ids, size_t nids,
			   struct alert_snapshot *out, struct err *err)
{
	struct loader ld;
	int64_t *sorted = NULL;
	size_t n = 0;
	int rc;

	memset(&ld, 0, sizeof(ld));
	ld.db = db;
	ld.out = out;
	rc = load_lookups(&ld, err);
	if (rc)
		goto out;
	if (!nids) {
		rc = scan(&ld, sql_children_all, 0, row_child, err);
		if (!rc)
			rc = scan(&ld, sql_placements_all, 0, row_placement,
				  err);
		if (!rc)
			rc = scan(&ld, sql_periods_all, 0, row_period, err);
		if (!rc)
			merge_rows(&ld);
		if (!rc)
			rc = scan(&ld, sql_live_all, 0, row_live, err);
		if (!rc)
			rc = scan(&ld, sql_meetings_all, 0, row_meeting, err);
		goto out;
	}
	/* by child id, each once, so the arrays stay in child order */
	sorted = xreallocarray(NULL, nids, sizeof(*sorted));
	memcpy(sorted, ids, nids * sizeof(*sorted));
	qsort(sorted, nids, sizeof(*sorted), cmp_id);
	for (size_t i = 0; i < nids; i++)
		if (sorted[i] > 0 && (!n || sorted[n - 1] != sorted[i]))
			sorted[n++] = sorted[i];
	for (size_t i = 0; !rc && i < n; i++) {
		rc = scan(&ld, sql_children_one, sorted[i], row_child, err);
		if (!rc)
			rc = scan(&ld, sql_placements_one, sorted[i],
				  row_placement, err);
		if (!rc)
			rc = scan(&ld, sql_periods_one, sorted[i], row_period,
				  err);
		if (!rc)
			merge_rows(&ld);
		if (!rc)
			rc = scan(&ld, sql_live_one, sorted[i], row_live, err);
		if (!rc)
			rc = scan(&ld, sql_meetings_one, sorted[i],
				  row_meeting, err);
	}
out:
	free(sorted);
	free(ld.home_ix);
	free(ld.latest);
	free(ld.ret_year);
	free(ld.ret_la);
	free(ld.rp);
	free(ld.rq);
	return rc;
}

static const char sql_home_children[] =
	"SELECT child_id FROM mfc_episode WHERE urn = ?1"
	" AND started_at >= ?2 AND started_at < ?3"
	" UNION SELECT child_id FROM episode WHERE urn = ?1"
	" AND decom < ?3 AND (dec IS NULL OR dec >= ?2)";

int db_alert_home_children(struct sql *db, const char *urn, int32_t from,
			   int32_t to, store_id_fn *fn, void *ctx,
			   struct err *err)
{
	struct sql_stmt *st = sql_cached(db, sql_home_children, err);
	int64_t *ids = NULL;
	size_t n = 0, alloc = 0;
	int rc;

	if (!st)
		return ERR_STORE;
	sql_bind_text(st, 1, urn);
	sql_bind_date(st, 2, from);
	sql_bind_date(st, 3, to + 1);
	while ((rc = sql_step(st)) == SQL_ROW) {
		ALLOC_GROW(ids, n + 1, alloc);
		ids[n++] = sql_col_int(st, 0);
	}
	sql_reset(st);
	if (rc != SQL_DONE) {
		free(ids);
		return sql_fail(db, err, "alerts: a home's children");
	}
	rc = 0;
	for (size_t i = 0; !rc && i < n; i++)
		rc = fn(ids[i], ctx);
	free(ids);
	return rc;
}

static const char sql_police_of[] =
	"SELECT o.code FROM police_area a JOIN org o ON o.id = a.org_id"
	" WHERE a.la_code = ?1 AND o.kind = 'police' ORDER BY o.code LIMIT 1";

int db_alert_police_of(struct sql *db, const char *la, char *out,
		       struct err *err)
{
	struct sql_stmt *st = sql_cached(db, sql_police_of, err);
	int rc;

	if (!st)
		return ERR_STORE;
	sql_bind_text(st, 1, la);
	rc = sql_step(st);
	if (rc == SQL_ROW)
		sql_col_text(st, 0, out, ORG_CODE_MAX + 1);
	sql_reset(st);
	if (rc != SQL_ROW && rc != SQL_DONE)
		return sql_fail(db, err, "alerts: police area");
	return 0;
}

/* ---- parameters and the last run ----------------------------------------- */

static const char sql_params[] =
	"SELECT rule_id, name, value, changed_by, changed_at FROM alert_param"
	" ORDER BY rule_id, name";
static const char sql_param_set[] =
	"INSERT INTO alert_param (rule_id, name, value, changed_by, changed_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (rule_id, name) DO UPDATE"
	" SET value = ?3, changed_by = ?4, changed_at = ?5";

int db_alert_params_each(struct sql *db, store_alert_param_fn *fn, void *ctx,
			 struct err *err)
{
	struct sql_stmt *st = sql_cached(db, sql_params, err);
	char rule[ALERT_RULE_MAX + 1], name[ALERT_PARAM_NAME_MAX + 1];
	char by[AUDIT_ACTOR_MAX + 1];
	int rc, frc = 0;

	if (!st)
		return ERR_STORE;
	while (!frc && (rc = sql_step(st)) == SQL_ROW) {
		sql_col_text(st, 0, rule, sizeof(rule));
		sql_col_text(st, 1, name, sizeof(name));
		sql_col_text(st, 3, by, sizeof(by));
		frc = fn(rule, name, sql_col_int(st, 2), by,
			 sql_col_time(st, 4), ctx);
	}
	sql_reset(st);
	if (frc)
		return frc;
	if (rc != SQL_DONE)
		return sql_fail(db, err, "alerts: parameters");
	return 0;
}

int db_alert_param_set(struct sql *db, const char *rule, const char *name,
		       int64_t value, const char *by, int64_t at,
		       struct err *err)
{
	struct sql_stmt *st = sql_cached(db, sql_param_set, err);

	if (!st)
		return ERR_STORE;
	sql_bind_text(st, 1, rule);
	sql_bind_text(st, 2, name);
	sql_bind_int(st, 3, value);
	sql_bind_text(st, 4, by);
	sql_bind_time(st, 5, at);
	return a_done(db, st, err, "alerts: set a parameter");
}

static const char sql_run_get[] =
	"SELECT home_top_periods, home_top_places FROM alert_run WHERE id = 1";
static const char sql_run_set[] =
	"INSERT INTO alert_run (id, ran_at, home_top_periods, home_top_places)"
	" VALUES (1, ?1, ?2, ?3) ON CONFLICT (id) DO UPDATE SET ran_at = ?1,"
	" home_top_periods = ?2, home_top_places = ?3";

int db_alert_run_get(struct sql *db, int64_t *periods, int64_t *places,
		     struct err *err)
{
	struct sql_stmt *st = sql_cached(db, sql_run_get, err);
	int rc;

	if (!st)
		return ERR_STORE;
	rc = sql_step(st);
	if (rc == SQL_ROW) {
		*periods = sql_col_int(st, 0);
		*places = sql_col_int(st, 1);
	}
	sql_reset(st);
	if (rc == SQL_DONE)
		return err_set(err, ERR_NOT_FOUND, "alerts have not run yet");
	if (rc != SQL_ROW)
		return sql_fail(db, err, "alerts: last run");
	return 0;
}

int db_alert_run_set(struct sql *db, int64_t at, int64_t periods, int64_t places,
		     struct err *err)
{
	struct sql_stmt *st = sql_cached(db, sql_run_set, err);

	if (!st)
		return ERR_STORE;
	sql_bind_time(st, 1, at);
	sql_bind_int(st, 2, periods);
	sql_bind_int(st, 3, places);
	return a_done(db, st, err, "alerts: record the run");
}

/* ---- alerts ----------------------------------------------------------------- */

#define KEY_COLS "SELECT id, rule_id, subject_key, state, escalate_at," \
	" escalated_at, raised_at, severity, due_at, home_urn, facts FROM alert"
static const char sql_keys_all[] = KEY_COLS " ORDER BY rule_id, subject_key";
static const char sql_keys_child[] =
	KEY_COLS " WHERE child_id = ?1 ORDER BY rule_id, subject_key";
static const char sql_keys_urn[] =
	KEY_COLS " WHERE urn = ?1 AND child_id IS NULL"
	" ORDER BY rule_id, subject_key";

static enum alert_state col_state(struct sql_stmt *st, int i)
{
	const char *t = sql_col_str(st, i);
	enum alert_state s = ALERT_CLEARED;

	if (t)
		alert_state_parse((const char *)t, &s);
	return s;
}

int db_alert_keys_each(struct sql *db, int64_t child_id, const char *urn,
		       store_alert_key_fn *fn, void *ctx, struct err *err)
{
	const char *sql = child_id ? sql_keys_child :
			  urn ? sql_keys_urn : sql_keys_all;
	struct sql_stmt *st = sql_cached(db, sql, err);
	struct alert_key_row r;
	int rc, frc = 0;

	if (!st)
		return ERR_STORE;
	if (child_id)
		sql_bind_int(st, 1, child_id);
	else if (urn)
		sql_bind_text(st, 1, urn);
	while (!frc && (rc = sql_step(st)) == SQL_ROW) {
		r.id = sql_col_int(st, 0);
		sql_col_text(st, 1, r.rule, sizeof(r.rule));
		sql_col_text(st, 2, r.key, sizeof(r.key));
		r.state = col_state(st, 3);
		r.escalate_at = sql_col_time(st, 4);
		r.escalated_at = sql_col_time(st, 5);
		r.raised_at = sql_col_time(st, 6);
		r.severity = sql_col_int(st, 7);
		r.due_at = sql_col_time(st, 8);
		sql_col_text(st, 9, r.home_urn, sizeof(r.home_urn));
		sql_col_text(st, 10, r.facts, sizeof(r.facts));
		frc = fn(&r, ctx);
	}
	sql_reset(st);
	if (frc)
		return frc;
	if (rc != SQL_DONE)
		return sql_fail(db, err, "alerts: keys");
	return 0;
}

static const char sql_insert[] =
	"INSERT INTO alert (rule_id, subject_key, child_id, episode_id, urn,"
	" state, raised_at, escalate_at, severity, due_at, home_urn, facts)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
	" RETURNING id";

int db_alert_insert(struct sql *db, const struct alert_new *a, int64_t now,
		    int64_t *id, struct err *err)
{
	struct sql_stmt *st = sql_cached(db, sql_insert, err);
	int rc;

	if (!st)
		return ERR_STORE;
	sql_bind_text(st, 1, a->rule);
	sql_bind_text(st, 2, a->key);
	if (a->child_id)
		sql_bind_int(st, 3, a->child_id);
	if (a->episode_id)
		sql_bind_int(st, 4, a->episode_id);
	sql_bind_opt_text(st, 5, a->urn);
	sql_bind_text(st, 6, a->historical ? "historical" : "open");
	sql_bind_time(st, 7, now);
	sql_bind_time(st, 8, a->historical ? 0 : a->escalate_at);
	sql_bind_int(st, 9, a->severity);
	sql_bind_time(st, 10, a->due_at);
	sql_bind_opt_text(st, 11, a->home_urn);
	sql_bind_text(st, 12, a->facts ? a->facts : "");
	rc = sql_step(st);
	if (rc == SQL_ROW)
		*id = sql_col_int(st, 0);
	rc = rc == SQL_ROW ? 0 : sql_fail(db, err, "alerts: insert");
	sql_reset(st);
	return rc;
}

static const char sql_reopen[] =
	"UPDATE alert SET state = ?2, detail = '', raised_at = ?3,"
	" escalate_at = ?4, escalated_at = NULL, acknowledged_by = NULL,"
	" acknowledged_at = NULL, ack_note = '', resolved_by = NULL,"
	" resolved_at = NULL, resolve_note = '', cleared_at = NULL,"
	" severity = ?5, due_at = ?6, home_urn = ?7, facts = ?8"
	" WHERE id = ?1";
static const char sql_update[] =
	"UPDATE alert SET severity = ?2, due_at = ?3, home_urn = ?4,"
	" facts = ?5 WHERE id = ?1";
static const char sql_clear[] =
	"UPDATE alert SET state = 'cleared', cleared_at = ?2 WHERE id = ?1"
	" AND state <> 'cleared'";
static const char sql_escalate[] =
	"UPDATE alert SET escalated_at = ?2 WHERE id = ?1"
	" AND escalated_at IS NULL";
static const char sql_ack[] =
	"UPDATE alert SET state = 'acknowledged', acknowledged_by = ?2,"
	" acknowledged_at = ?3, ack_note = ?4 WHERE id = ?1 AND state = 'open'";
static const char sql_resolve[] =
	"UPDATE alert SET state = 'resolved', resolved_by = ?2,"
	" resolved_at = ?3, resolve_note = ?4 WHERE id = ?1"
	" AND state IN ('open', 'acknowledged')";

/* Run an UPDATE of one alert; ERR_CONSTRAINT (why) if it changed none. */
static int update_one(struct sql *db, struct sql_stmt *st, struct err *err,
		      const char *what, const char *none)
{
	int rc = a_done(db, st, err, what);

	if (!rc && sql_changes(db) == 0)
		return err_set(err, ERR_CONSTRAINT, "%s", none);
	return rc;
}

int db_alert_reopen(struct sql *db, int64_t id, const struct alert_new *a,
		    int64_t now, struct err *err)
{
	struct sql_stmt *st = sql_cached(db, sql_reopen, err);

	if (!st)
		return ERR_STORE;
	sql_bind_int(st, 1, id);
	sql_bind_text(st, 2, a->historical ? "historical" : "open");
	sql_bind_time(st, 3, now);
	sql_bind_time(st, 4, a->historical ? 0 : a->escalate_at);
	sql_bind_int(st, 5, a->severity);
	sql_bind_time(st, 6, a->due_at);
	sql_bind_opt_text(st, 7, a->home_urn);
	sql_bind_text(st, 8, a->facts ? a->facts : "");
	return update_one(db, st, err, "alerts: reopen", "no such alert");
}

int db_alert_update(struct sql *db, int64_t id, int severity, int64_t due_at,
		    const char *home_urn, const char *facts, struct err *err)
{
	struct sql_stmt *st = sql_cached(db, sql_update, err);

	if (!st)
		return ERR_STORE;
	sql_bind_int(st, 1, id);
	sql_bind_int(st, 2, severity);
	sql_bind_time(st, 3, due_at);
	sql_bind_opt_text(st, 4, home_urn);
	sql_bind_text(st, 5, facts ? facts : "");
	return update_one(db, st, err, "alerts: update", "no such alert");
}

int db_alert_clear(struct sql *db, int64_t id, int64_t now, struct err *err)
{
	struct sql_stmt *st = sql_cached(db, sql_clear, err);

	if (!st)
		return ERR_STORE;
	sql_bind_int(st, 1, id);
	sql_bind_time(st, 2, now);
	return update_one(db, st, err, "alerts: clear",
			  "the alert is cleared already");
}

int db_alert_escalate(struct sql *db, int64_t id, int64_t now, struct err *err)
{
	struct sql_stmt *st = sql_cached(db, sql_escalate, err);

	if (!st)
		return ERR_STORE;
	sql_bind_int(st, 1, id);
	sql_bind_time(st, 2, now);
	return update_one(db, st, err, "alerts: escalate",
			  "the alert is escalated already");
}

int db_alert_answer(struct sql *db, int64_t id, bool resolve, int64_t user_id,
		    const char *note, int64_t now, struct err *err)
{
	struct sql_stmt *st = sql_cached(db, resolve ? sql_resolve : sql_ack,
				     err);

	if (!st)
		return ERR_STORE;
	sql_bind_int(st, 1, id);
	if (user_id)
		sql_bind_int(st, 2, user_id);
	sql_bind_time(st, 3, now);
	sql_bind_text(st, 4, note);
	return update_one(db, st, err, "alerts: answer",
			  resolve ? "the alert is resolved or cleared already"
				  : "only an open alert can be acknowledged");
}

static const char sql_rcpt_add[] =
	"INSERT INTO alert_recipient (alert_id, org_kind, org_code)"
	" VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING";
static const char sql_rcpts[] =
	"SELECT org_kind, org_code FROM alert_recipient WHERE alert_id = ?1"
	" ORDER BY org_kind, org_code";
static const char sql_is_rcpt[] =
	"SELECT 1 FROM alert_recipient WHERE alert_id = ?1 AND org_kind = ?2"
	" AND org_code = ?3";

int db_alert_recipient_add(struct sql *db, int64_t id, const char *kind,
			   const char *code, struct err *err)
{
	struct sql_stmt *st = sql_cached(db, sql_rcpt_add, err);

	if (!st)
		return ERR_STORE;
	sql_bind_int(st, 1, id);
	sql_bind_text(st, 2, kind);
	sql_bind_text(st, 3, code);
	return a_done(db, st, err, "alerts: recipient");
}

int db_alert_recipients_each(struct sql *db, int64_t id,
			     store_alert_recipient_fn *fn, void *ctx,
			     struct err *err)
{
	struct sql_stmt *st = sql_cached(db, sql_rcpts, err);
	struct { enum org_kind kind; char code[ORG_CODE_MAX + 1]; } r[8];
	char kind[VIEWER_WORD_MAX + 1];
	size_t n = 0;
	int rc;

	if (!st)
		return ERR_STORE;
	sql_bind_int(st, 1, id);
	/* at most four kinds of recipient: collect, then call back, so fn
	 * may use the store */
	while ((rc = sql_step(st)) == SQL_ROW && n < ARRAY_SIZE(r)) {
		sql_col_text(st, 0, kind, sizeof(kind));
		if (org_kind_parse(kind, &r[n].kind))
			continue;
		sql_col_text(st, 1, r[n].code, sizeof(r[n].code));
		n++;
	}
	sql_reset(st);
	if (rc != SQL_DONE && rc != SQL_ROW)
		return sql_fail(db, err, "alerts: recipients");
	for (size_t i = 0; i < n; i++) {
		rc = fn(r[i].kind, r[i].code, ctx);
		if (rc)
			return rc;
	}
	return 0;
}

int db_alert_is_recipient(struct sql *db, int64_t id, const char *kind,
			  const char *code, bool *yes, struct err *err)
{
	struct sql_stmt *st = sql_cached(db, sql_is_rcpt, err);
	int rc;

	if (!st)
		return ERR_STORE;
	sql_bind_int(st, 1, id);
	sql_bind_text(st, 2, kind);
	sql_bind_text(st, 3, code);
	rc = sql_step(st);
	*yes = rc == SQL_ROW;
	sql_reset(st);
	if (rc != SQL_ROW && rc != SQL_DONE)
		return sql_fail(db, err, "alerts: recipient");
	return 0;
}

#define ALERT_COLS \
	"SELECT a.id, a.rule_id, a.subject_key, a.state, l.code," \
	" c.child_ref, a.episode_id, a.urn, a.detail, a.raised_at," \
	" a.escalate_at, a.escalated_at, a.cleared_at, a.acknowledged_at," \
	" a.resolved_at, ua.email, ur.email, a.ack_note, a.resolve_note," \
	" a.child_id, l.name_en, l.name_cy, a.home_urn, h.name, hl.name_en," \
	" hl.name_cy, a.severity, a.due_at, a.facts" \
	" FROM alert a LEFT JOIN child c ON c.id = a.child_id" \
	" LEFT JOIN la l ON l.id = c.la_id" \
	" LEFT JOIN home h ON h.urn = a.home_urn" \
	" LEFT JOIN la hl ON hl.id = h.la_id" \
	" LEFT JOIN app_user ua ON ua.id = a.acknowledged_by" \
	" LEFT JOIN app_user ur ON ur.id = a.resolved_by"
static const char sql_get[] = ALERT_COLS " WHERE a.id = ?1";

/*
 * The filters of a list, over the recipient join (?1 kind, ?2 code):
 * ?3 rule, ?4 state (NULL: live; 'any'), ?5 the child's council, ?6 its
 * reference, ?7 the home where it happened.
 */
#define LIST_WHERE \
	" JOIN alert_recipient ar ON ar.alert_id = a.id" \
	" AND ar.org_kind = ?1 AND ar.org_code = ?2" \
	" WHERE (?3 IS NULL OR a.rule_id = ?3)" \
	" AND ((?4 IS NULL AND a.state IN ('open', 'acknowledged'))" \
	"  OR ?4 = 'any' OR a.state = ?4)" \
	" AND (?5 IS NULL OR l.code = ?5)" \
	" AND (?6 IS NULL OR c.child_ref = ?6)" \
	" AND (?7 IS NULL OR a.home_urn = ?7)"
#define LIST_FROM \
	" FROM alert a LEFT JOIN child c ON c.id = a.child_id" \
	" LEFT JOIN la l ON l.id = c.la_id" LIST_WHERE
static const char sql_list[] =
	ALERT_COLS LIST_WHERE " ORDER BY a.id DESC LIMIT ?8 OFFSET ?9";
static const char sql_list_count[] = "SELECT count(*)" LIST_FROM;

/* The order of urgency: severity, then the earliest due (none last),
 * then the newest. */
#define URGENCY "a.severity DESC, a.due_at IS NULL, a.due_at," \
	" a.raised_at DESC, a.id DESC"
/* An item: the child, else the home, else the alert alone (about a
 * recommendation). */
#define ITEM "coalesce('c' || a.child_id, 'h' || a.urn, 'a' || a.id)"
static const char sql_items[] =
	"SELECT item, child_id, urn, severity, due_at, newest, nall, id FROM ("
	"SELECT " ITEM " AS item, a.child_id AS child_id, a.urn AS urn,"
	" a.severity AS severity, a.due_at AS due_at, a.id AS id,"
	" row_number() OVER (PARTITION BY " ITEM " ORDER BY " URGENCY ") AS rn,"
	" max(a.raised_at) OVER (PARTITION BY " ITEM ") AS newest,"
	" count(*) OVER (PARTITION BY " ITEM ") AS nall" LIST_FROM
	") AS i WHERE rn = 1 ORDER BY severity DESC, due_at IS NULL, due_at,"
	" newest DESC, id DESC LIMIT ?8 OFFSET ?9";
static const char sql_items_count[] =
	"SELECT count(DISTINCT " ITEM ")" LIST_FROM;
static const char sql_item_child[] =
	ALERT_COLS LIST_WHERE " AND a.child_id = ?10 ORDER BY " URGENCY
	" LIMIT ?8";
static const char sql_item_home[] =
	ALERT_COLS LIST_WHERE " AND a.child_id IS NULL AND a.urn = ?10"
	" ORDER BY " URGENCY " LIMIT ?8";
static const char sql_item_alone[] =
	ALERT_COLS LIST_WHERE " AND a.child_id IS NULL AND a.urn IS NULL"
	" AND a.id = ?10 ORDER BY " URGENCY " LIMIT ?8";
static const char sql_alert_homes[] =
	"SELECT DISTINCT a.home_urn, h.name FROM alert a"
	" JOIN alert_recipient ar ON ar.alert_id = a.id"
	" AND ar.org_kind = ?1 AND ar.org_code = ?2"
	" JOIN home h ON h.urn = a.home_urn ORDER BY h.name, a.home_urn";

static void alert_from_row(struct sql_stmt *st, struct alert_row *r)
{
	memset(r, 0, sizeof(*r));
	r->id = sql_col_int(st, 0);
	sql_col_text(st, 1, r->rule, sizeof(r->rule));
	sql_col_text(st, 2, r->key, sizeof(r->key));
	r->state = col_state(st, 3);
	sql_col_text(st, 4, r->la, sizeof(r->la));
	sql_col_text(st, 5, r->ref, sizeof(r->ref));
	r->episode_id = col_opt_i64(st, 6);
	sql_col_text(st, 7, r->urn, sizeof(r->urn));
	sql_col_text(st, 8, r->detail, sizeof(r->detail));
	r->raised_at = sql_col_time(st, 9);
	r->escalate_at = sql_col_time(st, 10);
	r->escalated_at = sql_col_time(st, 11);
	r->cleared_at = sql_col_time(st, 12);
	r->acknowledged_at = sql_col_time(st, 13);
	r->resolved_at = sql_col_time(st, 14);
	sql_col_text(st, 15, r->acknowledged_by, sizeof(r->acknowledged_by));
	sql_col_text(st, 16, r->resolved_by, sizeof(r->resolved_by));
	sql_col_text(st, 17, r->ack_note, sizeof(r->ack_note));
	sql_col_text(st, 18, r->resolve_note, sizeof(r->resolve_note));
	r->child_id = col_opt_i64(st, 19);
	sql_col_text(st, 20, r->la_en, sizeof(r->la_en));
	sql_col_text(st, 21, r->la_cy, sizeof(r->la_cy));
	sql_col_text(st, 22, r->home_urn, sizeof(r->home_urn));
	sql_col_text(st, 23, r->home_name, sizeof(r->home_name));
	sql_col_text(st, 24, r->home_area_en, sizeof(r->home_area_en));
	sql_col_text(st, 25, r->home_area_cy, sizeof(r->home_area_cy));
	r->severity = sql_col_int(st, 26);
	r->due_at = sql_col_time(st, 27);
	sql_col_text(st, 28, r->facts, sizeof(r->facts));
}

int db_alert_get(struct sql *db, int64_t id, struct alert_row *out,
		 struct err *err)
{
	struct sql_stmt *st = sql_cached(db, sql_get, err);
	int rc;

	if (!st)
		return ERR_STORE;
	sql_bind_int(st, 1, id);
	rc = sql_step(st);
	if (rc == SQL_ROW)
		alert_from_row(st, out);
	sql_reset(st);
	if (rc == SQL_DONE)
		return err_set(err, ERR_NOT_FOUND, "no such alert");
	if (rc != SQL_ROW)
		return sql_fail(db, err, "alerts: get");
	return 0;
}

static void bind_list(struct sql_stmt *st, const char *kind, const char *code,
		      const struct alert_filter *f)
{
	sql_bind_text(st, 1, kind);
	sql_bind_text(st, 2, code);
	sql_bind_opt_text(st, 3, f->rule);
	if (f->state >= 0 && f->state < ALERT_NSTATES)
		sql_bind_text(st, 4,
				  alert_state_name((enum alert_state)f->state));
	else if (f->state == ALERT_NSTATES)
		sql_bind_text(st, 4, "any");
	sql_bind_opt_text(st, 5, f->la);
	sql_bind_opt_text(st, 6, f->ref);
	sql_bind_opt_text(st, 7, f->home);
}

/* The count of a list's filter (sql: one column, one row). */
static int list_count(struct sql *db, const char *sql, const char *kind,
		      const char *code, const struct alert_filter *f,
		      long *n, struct err *err)
{
	struct sql_stmt *st = sql_cached(db, sql, err);
	int rc;

	if (!st)
		return ERR_STORE;
	bind_list(st, kind, code, f);
	rc = sql_step(st);
	if (rc == SQL_ROW)
		*n = (long)sql_col_int(st, 0);
	sql_reset(st);
	if (rc != SQL_ROW)
		return sql_fail(db, err, "alerts: count");
	return 0;
}

int db_alerts_list(struct sql *db, const char *kind, const char *code,
		   const struct alert_filter *f, struct alert_page *out,
		   struct err *err)
{
	struct sql_stmt *st;
	int rc;

	rc = list_count(db, sql_list_count, kind, code, f, &out->total,
			err);
	if (rc)
		return rc;
	st = sql_cached(db, sql_list, err);
	if (!st)
		return ERR_STORE;
	bind_list(st, kind, code, f);
	sql_bind_int(st, 8, out->page_size);
	sql_bind_int(st, 9, (int64_t)out->page * out->page_size);
	while ((rc = sql_step(st)) == SQL_ROW && out->n < STORE_PAGE_MAX)
		alert_from_row(st, &out->rows[out->n++]);
	sql_reset(st);
	if (rc != SQL_DONE && rc != SQL_ROW)
		return sql_fail(db, err, "alerts: list");
	return 0;
}

int db_alert_items_count(struct sql *db, const char *kind, const char *code,
			 const struct alert_filter *f, long *n,
			 struct err *err)
{
	return list_count(db, sql_items_count, kind, code, f, n, err);
}

/* The reasons of item it (the page's items are read first). */
static int item_reasons(struct sql *db, const char *kind, const char *code,
			const struct alert_filter *f,
			struct alert_item_page *out, struct alert_item *it,
			struct err *err)
{
	struct sql_stmt *st = sql_cached(db, it->child_id ? sql_item_child :
					   it->urn[0] ? sql_item_home :
					   sql_item_alone, err);
	int rc;

	if (!st)
		return ERR_STORE;
	bind_list(st, kind, code, f);
	sql_bind_int(st, 8, ALERT_ITEM_REASONS_MAX);
	if (it->child_id)
		sql_bind_int(st, 10, it->child_id);
	else if (it->urn[0])
		sql_bind_text(st, 10, it->urn);
	else
		sql_bind_int(st, 10, it->alert_id);
	it->first = out->nreasons;
	while ((rc = sql_step(st)) == SQL_ROW) {
		ALLOC_GROW(out->reasons, out->nreasons + 1, out->areasons);
		alert_from_row(st, &out->reasons[out->nreasons++]);
		it->n++;
	}
	sql_reset(st);
	if (rc != SQL_DONE)
		return sql_fail(db, err, "alerts: an item's reasons");
	if (it->n) {
		const struct alert_row *r = &out->reasons[it->first];

		snprintf(it->la, sizeof(it->la), "%s", r->la);
		snprintf(it->ref, sizeof(it->ref), "%s", r->ref);
	}
	return 0;
}

int db_alert_items_list(struct sql *db, const char *kind, const char *code,
			const struct alert_filter *f,
			struct alert_item_page *out, struct err *err)
{
	struct sql_stmt *st;
	int rc;

	rc = list_count(db, sql_items_count, kind, code, f, &out->total,
			err);
	if (rc)
		return rc;
	st = sql_cached(db, sql_items, err);
	if (!st)
		return ERR_STORE;
	bind_list(st, kind, code, f);
	sql_bind_int(st, 8, out->page_size);
	sql_bind_int(st, 9, (int64_t)out->page * out->page_size);
	while ((rc = sql_step(st)) == SQL_ROW && out->n < STORE_PAGE_MAX) {
		struct alert_item *it = &out->items[out->n++];

		memset(it, 0, sizeof(*it));
		it->child_id = col_opt_i64(st, 1);
		if (!it->child_id)
			sql_col_text(st, 2, it->urn, sizeof(it->urn));
		it->severity = sql_col_int(st, 3);
		it->due_at = sql_col_time(st, 4);
		it->newest_at = sql_col_time(st, 5);
		it->nall = (long)sql_col_int(st, 6);
		if (!it->child_id && !it->urn[0])
			it->alert_id = sql_col_int(st, 7);
	}
	sql_reset(st);
	if (rc != SQL_DONE && rc != SQL_ROW)
		return sql_fail(db, err, "alerts: items");
	rc = 0;
	for (size_t i = 0; !rc && i < out->n; i++)
		rc = item_reasons(db, kind, code, f, out, &out->items[i],
				  err);
	return rc;
}

int db_alert_homes_each(struct sql *db, const char *kind, const char *code,
			store_alert_home_fn *fn, void *ctx, struct err *err)
{
	struct sql_stmt *st = sql_cached(db, sql_alert_homes, err);
	struct { char urn[S903_URN_MAX + 1]; char name[HOME_NAME_MAX + 1]; }
		*v = NULL;
	size_t n = 0, alloc = 0;
	int rc;

	if (!st)
		return ERR_STORE;
	sql_bind_text(st, 1, kind);
	sql_bind_text(st, 2, code);
	while ((rc = sql_step(st)) == SQL_ROW) {
		ALLOC_GROW(v, n + 1, alloc);
		sql_col_text(st, 0, v[n].urn, sizeof(v[n].urn));
		sql_col_text(st, 1, v[n].name, sizeof(v[n].name));
		n++;
	}
	sql_reset(st);
	if (rc != SQL_DONE) {
		free(v);
		return sql_fail(db, err, "alerts: homes");
	}
	rc = 0;
	for (size_t i = 0; !rc && i < n; i++)
		rc = fn(v[i].urn, v[i].name, ctx);
	free(v);
	return rc;
}

/* ---- outbox and webhooks ----------------------------------------------------- */

static const char sql_outbox_add[] =
	"INSERT INTO outbox (alert_id, org_kind, org_code, event, body,"
	" created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id";

int db_outbox_add(struct sql *db, int64_t alert_id, const char *kind,
		  const char *code, const char *event, const char *body,
		  int64_t now, int64_t *id, struct err *err)
{
	struct sql_stmt *st = sql_cached(db, sql_outbox_add, err);
	int rc;

	if (!st)
		return ERR_STORE;
	sql_bind_int(st, 1, alert_id);
	sql_bind_text(st, 2, kind);
	sql_bind_text(st, 3, code);
	sql_bind_text(st, 4, event);
	sql_bind_text(st, 5, body);
	sql_bind_time(st, 6, now);
	rc = sql_step(st);
	if (rc == SQL_ROW)
		*id = sql_col_int(st, 0);
	rc = rc == SQL_ROW ? 0 : sql_fail(db, err, "alerts: outbox");
	sql_reset(st);
	return rc;
}

#define OUTBOX_COLS \
	"SELECT o.id, o.alert_id, o.org_kind, o.org_code, o.event, o.body," \
	" o.created_at, o.delivered_at, o.attempts, o.next_attempt_at," \
	" o.gave_up_at"
static const char sql_outbox_list[] =
	OUTBOX_COLS " FROM outbox o WHERE o.org_kind = ?1 AND o.org_code = ?2"
	" AND (?3 = 0 OR o.id < ?3) ORDER BY o.id DESC LIMIT ?4";
static const char sql_outbox_due[] =
	OUTBOX_COLS ", w.id, w.url, w.secret FROM webhook w"
	" JOIN outbox o ON o.org_kind = w.org_kind AND o.org_code = w.org_code"
	" AND o.delivered_at IS NULL AND o.gave_up_at IS NULL"
	" WHERE w.disabled = 0 AND o.created_at >= w.created_at"
	" AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ?1)"
	" ORDER BY o.id LIMIT ?2";

static void outbox_from_row(struct sql_stmt *st, struct outbox_row *r, bool due)
{
	char kind[VIEWER_WORD_MAX + 1];

	memset(r, 0, sizeof(*r));
	r->id = sql_col_int(st, 0);
	r->alert_id = sql_col_int(st, 1);
	sql_col_text(st, 2, kind, sizeof(kind));
	org_kind_parse(kind, &r->kind);
	sql_col_text(st, 3, r->code, sizeof(r->code));
	sql_col_text(st, 4, r->event, sizeof(r->event));
	sql_col_text(st, 5, r->body, sizeof(r->body));
	r->created_at = sql_col_time(st, 6);
	r->delivered_at = sql_col_time(st, 7);
	r->attempts = sql_col_int(st, 8);
	r->next_attempt_at = sql_col_time(st, 9);
	r->gave_up_at = sql_col_time(st, 10);
	if (due) {
		r->webhook_id = sql_col_int(st, 11);
		sql_col_text(st, 12, r->url, sizeof(r->url));
		sql_col_text(st, 13, r->secret, sizeof(r->secret));
	}
}

/* Rows of st into an array, then to fn (which may use the store). */
static int outbox_rows(struct sql *db, struct sql_stmt *st, bool due,
		       store_outbox_fn *fn, void *ctx, struct err *err)
{
	struct outbox_row *rows = NULL;
	size_t n = 0, alloc = 0;
	int rc;

	while ((rc = sql_step(st)) == SQL_ROW) {
		ALLOC_GROW(rows, n + 1, alloc);
		outbox_from_row(st, &rows[n++], due);
	}
	sql_reset(st);
	if (rc != SQL_DONE) {
		free(rows);
		return sql_fail(db, err, "alerts: outbox");
	}
	rc = 0;
	for (size_t i = 0; !rc && i < n; i++)
		rc = fn(&rows[i], ctx);
	free(rows);
	return rc;
}

int db_outbox_list(struct sql *db, const char *kind, const char *code,
		   int64_t before_id, long limit, store_outbox_fn *fn,
		   void *ctx, struct err *err)
{
	struct sql_stmt *st = sql_cached(db, sql_outbox_list, err);

	if (!st)
		return ERR_STORE;
	sql_bind_text(st, 1, kind);
	sql_bind_text(st, 2, code);
	sql_bind_int(st, 3, before_id > 0 ? before_id : 0);
	sql_bind_int(st, 4, limit);
	return outbox_rows(db, st, false, fn, ctx, err);
}

int db_outbox_due(struct sql *db, int64_t now, long limit, store_outbox_fn *fn,
		  void *ctx, struct err *err)
{
	struct sql_stmt *st = sql_cached(db, sql_outbox_due, err);

	if (!st)
		return ERR_STORE;
	sql_bind_time(st, 1, now);
	sql_bind_int(st, 2, limit);
	return outbox_rows(db, st, true, fn, ctx, err);
}

static const char sql_delivery_add[] =
	"INSERT INTO webhook_delivery (outbox_id, webhook_id, attempt, at,"
	" http_status, error) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
static const char sql_outbox_mark[] =
	"UPDATE outbox SET attempts = ?2,"
	" delivered_at = CASE WHEN ?3 THEN ?4 END,"
	" next_attempt_at = CASE WHEN ?3 THEN NULL ELSE ?5 END,"
	" gave_up_at = CASE WHEN NOT ?3 AND ?5 IS NULL THEN ?4 END"
	" WHERE id = ?1";

int db_outbox_attempt(struct sql *db, int64_t outbox_id, int64_t webhook_id,
		      int attempt, int64_t at, int http_status,
		      const char *error, bool delivered,
		      int64_t next_attempt_at, struct err *err)
{
	struct sql_stmt *st = sql_cached(db, sql_delivery_add, err);
	int rc;

	if (!st)
		return ERR_STORE;
	sql_bind_int(st, 1, outbox_id);
	sql_bind_int(st, 2, webhook_id);
	sql_bind_int(st, 3, attempt);
	sql_bind_time(st, 4, at);
	if (http_status)
		sql_bind_int(st, 5, http_status);
	sql_bind_text(st, 6, error);
	rc = a_done(db, st, err, "alerts: delivery");
	if (rc)
		return rc;
	st = sql_cached(db, sql_outbox_mark, err);
	if (!st)
		return ERR_STORE;
	sql_bind_int(st, 1, outbox_id);
	sql_bind_int(st, 2, attempt);
	sql_bind_int(st, 3, delivered);
	sql_bind_time(st, 4, at);
	sql_bind_time(st, 5, next_attempt_at);
	return update_one(db, st, err, "alerts: delivery",
			  "no such outbox message");
}

static const char sql_webhook_put[] =
	"INSERT INTO webhook (org_kind, org_code, url, secret, created_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (org_kind, org_code)"
	" DO UPDATE SET url = ?3, secret = ?4, created_at = ?5, disabled = 0"
	" RETURNING id";
static const char sql_webhooks[] =
	"SELECT w.id, w.org_kind, w.org_code, w.url, w.created_at, w.disabled,"
	" (SELECT count(*) FROM outbox o WHERE o.org_kind = w.org_kind"
	"  AND o.org_code = w.org_code AND o.delivered_at IS NOT NULL),"
	" (SELECT count(*) FROM outbox o WHERE o.org_kind = w.org_kind"
	"  AND o.org_code = w.org_code AND o.delivered_at IS NULL"
	"  AND o.gave_up_at IS NULL AND o.created_at >= w.created_at),"
	" (SELECT count(*) FROM outbox o WHERE o.org_kind = w.org_kind"
	"  AND o.org_code = w.org_code AND o.gave_up_at IS NOT NULL)"
	" FROM webhook w ORDER BY w.org_kind, w.org_code";

int db_webhook_put(struct sql *db, const char *kind, const char *code,
		   const char *url, const char *secret, int64_t now,
		   int64_t *id, struct err *err)
{
	struct sql_stmt *st = sql_cached(db, sql_webhook_put, err);
	int rc;

	if (!st)
		return ERR_STORE;
	sql_bind_text(st, 1, kind);
	sql_bind_text(st, 2, code);
	sql_bind_text(st, 3, url);
	sql_bind_text(st, 4, secret);
	sql_bind_time(st, 5, now);
	rc = sql_step(st);
	if (rc == SQL_ROW)
		*id = sql_col_int(st, 0);
	rc = rc == SQL_ROW ? 0 : sql_fail(db, err, "alerts: webhook");
	sql_reset(st);
	return rc;
}

int db_webhooks_each(struct sql *db, store_webhook_fn *fn, void *ctx,
		     struct err *err)
{
	struct sql_stmt *st = sql_cached(db, sql_webhooks, err);
	struct webhook_row r;
	char kind[VIEWER_WORD_MAX + 1];
	int rc, frc = 0;

	if (!st)
		return ERR_STORE;
	while (!frc && (rc = sql_step(st)) == SQL_ROW) {
		memset(&r, 0, sizeof(r));
		r.id = sql_col_int(st, 0);
		sql_col_text(st, 1, kind, sizeof(kind));
		org_kind_parse(kind, &r.kind);
		sql_col_text(st, 2, r.code, sizeof(r.code));
		sql_col_text(st, 3, r.url, sizeof(r.url));
		r.created_at = sql_col_time(st, 4);
		r.disabled = sql_col_int(st, 5) != 0;
		r.delivered = sql_col_int(st, 6);
		r.pending = sql_col_int(st, 7);
		r.gave_up = sql_col_int(st, 8);
		frc = fn(&r, ctx);
	}
	sql_reset(st);
	if (frc)
		return frc;
	if (rc != SQL_DONE)
		return sql_fail(db, err, "alerts: webhooks");
	return 0;
}
