/*
 * db-scope.c: what each viewer may see, in SQL (store.h, "what each
 * viewer may see"; the rules and their reasons are in docs/access.md).
 *
 * Row-level scoping is in the WHERE clauses.  Each kind of access has
 * one set of SQL predicates (RULES_* below), and every statement is
 * written once as a macro over that set, so each (statement, access)
 * pair is a fixed string compiled in: no SQL text is ever built from
 * data, and the viewer's council, provider, police area and day arrive
 * only as bound parameters (:la, :provider, :areas, :today, :cutoff).
 * The predicates:
 *
 *	scope	is child c one the viewer may see at all?
 *	mvis	which of its missing periods (mp, missing_placed)?
 *	cvis	may its current placement show (cp: that home's provider)?
 *	evis	which of its episodes (e, episode_merged; ep: provider)?
 *	addr	may home h's full postcode show (p: provider, l: its la)?
 *	one	scope, the same rule written for one child c: a lookup
 *		where the set form would be built whole for each call (each
 *		*_ONE is made from the same text as its set form)
 *
 * A full home postcode that may not show is never selected (the CASE in
 * HOME_COLS); the other fields of rows in scope are read and then copied
 * out only when viewer_fields() allows (domain/viewer.c).
 *
 * The views episode_merged, missing_merged and missing_placed are
 * migration 3's.  Statements are prepared once per connection and kept
 * (sql_cached(), keyed by their constant text): compiling these views'
 * SQL took most of a read's time, and a child's record makes five.
 */
#include "base/compat.h"
#include "base/parse.h"
#include "base/xalloc.h"
#include "store/db.h"
#include "store/db-scope.h"

/* ---- SQL fragments ------------------------------------------------------ */

/* The district (outward code) of a normalised postcode or district. */
#define DISTRICT(pc)                                                     \
	"CASE WHEN instr(" pc ", ' ') > 0 THEN substr(" pc ", 1, instr("  \
	pc ", ' ') - 1) ELSE " pc " END"

/* Missing period a open on day d (EP_OPEN_ON, db-scope.h, for an
 * episode).  The test on `end` is implied by the one on end_eff; it is
 * there for the index missing_end. */
#define MIS_OPEN_ON(a, d)                                                \
	"(" a ".start <= " d " AND (" a ".end IS NULL OR " a ".end > " d  \
	") AND (" a ".end_eff IS NULL OR " a ".end_eff > " d "))"

/* Child c looked after on day d: under 18 (born after the day born,
 * date_born_by(d, 18)), in an episode open that day; short breaks (V3,
 * V4) do not count. */
#define LOOKED_AFTER_ON(d, born)                                         \
	"(c.dob > " born " AND EXISTS (SELECT 1 FROM episode_merged x"    \
	" WHERE x.child_id = c.id"                                        \
	" AND " EP_OPEN_ON("x", d) " AND x.ls NOT IN ('V3', 'V4')))"

/*
 * Scopes (inspectors' and providers' in db-scope.h).  Councils: the
 * children they look after.  Police: children missing now (a live
 * episode of kind M, not returned) from the force's area: the area of
 * the home it started from, else of the child's council.  A period left
 * open in a return is not "missing now" (only live records say that).
 */
#define SCOPE_COUNCIL "c.la_id = (SELECT id FROM la WHERE code = :la)"
#define SCOPE_POLICE_EPISODES                                            \
	" FROM mfc_episode pe"                                            \
	" JOIN child pc ON pc.id = pe.child_id"                           \
	" JOIN la pcl ON pcl.id = pc.la_id"                               \
	" LEFT JOIN home ph ON ph.urn = pe.urn"                           \
	" LEFT JOIN la phl ON phl.id = ph.la_id"                          \
	" WHERE pe.kind = 'M' AND pe.returned_at IS NULL"                 \
	" AND " IN_AREA("coalesce(phl.council_code, pcl.code)")
#define SCOPE_POLICE                                                     \
	"c.id IN (SELECT pe.child_id" SCOPE_POLICE_EPISODES ")"
#define SCOPE_POLICE_ONE                                                 \
	"EXISTS (SELECT 1" SCOPE_POLICE_EPISODES " AND pe.child_id = c.id)"

/* A council sees the full postcode of homes where it placed a child in
 * the window, and of its own homes (provider type la in its area). */
#define ADDR_COUNCIL                                                     \
	"(EXISTS (SELECT 1 FROM episode_merged e1"                        \
	" JOIN child c1 ON c1.id = e1.child_id"                           \
	" WHERE e1.urn = h.urn"                                           \
	" AND c1.la_id = (SELECT id FROM la WHERE code = :la)"            \
	" AND e1.decom <= :today"                                         \
	" AND (e1.end_eff IS NULL OR e1.end_eff >= :cutoff))"             \
	" OR (p.type = 'la' AND l.council_code = :la))"

/*          scope               mvis  cvis  evis  addr  one */
#define RULES_NONE "FALSE", "FALSE", "FALSE", "FALSE", "FALSE", "FALSE"
#define RULES_INSPECTORATE                                               \
	SCOPE_INSPECTORATE, "TRUE", "TRUE", "TRUE", "TRUE", SCOPE_INSPECTORATE_ONE
#define RULES_COUNCIL                                                    \
	SCOPE_COUNCIL, "TRUE", "TRUE", "TRUE", ADDR_COUNCIL, SCOPE_COUNCIL
#define RULES_PROVIDER                                                   \
	SCOPE_PROVIDER, "mp.pl_provider = :provider",                     \
	"cp.name = :provider", "ep.name = :provider", "p.name = :provider", \
	SCOPE_PROVIDER_ONE
#define RULES_POLICE                                                     \
	SCOPE_POLICE, "(mp.kind = 'M' AND " IN_AREA("mp.pl_council") ")", \
	"TRUE", EP_OPEN_ON("e", ":today"), "FALSE", SCOPE_POLICE_ONE

/* A statement's text for each kind of access. */
#define BY_ACCESS(M)                                                     \
	{                                                                 \
		[VIEWER_NONE] = APPLY(M, RULES_NONE),                     \
		[VIEWER_INSPECTORATE] = APPLY(M, RULES_INSPECTORATE),     \
		[VIEWER_COUNCIL] = APPLY(M, RULES_COUNCIL),               \
		[VIEWER_PROVIDER] = APPLY(M, RULES_PROVIDER),             \
		[VIEWER_POLICE] = APPLY(M, RULES_POLICE),                 \
	}

/* ---- statements --------------------------------------------------------- */

/*
 * Child c's live episodes open now (missing or away now) that the
 * viewer may know of: the police only kind M (their scope is children
 * missing from their area), a provider only those from its homes (a
 * former provider never learns what happens after the child left).
 * :areas is bound for the police only, :provider for providers only.
 */
#define LIVE_OPEN_COUNT                                                  \
	" (SELECT count(*) FROM mfc_episode le LEFT JOIN home lh"         \
	" ON lh.urn = le.urn LEFT JOIN provider lp ON lp.id = lh.provider_id" \
	" WHERE le.child_id = c.id AND le.returned_at IS NULL"            \
	" AND (:areas IS NULL OR le.kind = 'M')"                          \
	" AND (:provider IS NULL OR lp.name = :provider))"

/* An episode e with its home h and provider p: 17 columns, read by
 * placement_from_row(). */
#define EP_COLS(e, h, p, open)                                           \
	" " e ".decom, " e ".dec, " open ", " e ".rne, " e ".place, " e   \
	".place_provider, " e ".ls, " e ".cin, " e ".rec, " e             \
	".reason_place_change, " e ".urn, " h ".name, " p ".name, " e     \
	".pl_post, " e ".home_post, " e ".pl_distance, "                  \
	DISTRICT(h ".postcode")

/* A child c with its council l and the placement open today (cur, its
 * home ch and provider cp): CH_* columns, then EP_COLS. */
#define CHILD_ROW(scope, mvis, cvis, evis, addr, one)                    \
	"SELECT c.id, l.code, c.child_ref, c.sex, c.dob, c.upn, c.ethnic, " \
	LOOKED_AFTER_ON(":today", ":adult_born") ","                                     \
	LIVE_OPEN_COUNT ","                                               \
	" cur.id IS NOT NULL AND (" cvis "),"                             \
	EP_COLS("cur", "ch", "cp",                                        \
		"(SELECT x.end_eff IS NULL FROM episode_merged x"         \
		" WHERE x.id = cur.id)")                                  \
	" FROM child c JOIN la l ON l.id = c.la_id"                       \
	" LEFT JOIN episode cur ON cur.id = (SELECT x.id"                 \
	" FROM episode_merged x WHERE x.child_id = c.id"                  \
	" AND " EP_OPEN_ON("x", ":today") " AND " UNDER_18_TODAY("c") \
	" ORDER BY x.decom DESC LIMIT 1)"                                 \
	" LEFT JOIN home ch ON ch.urn = cur.urn"                          \
	" LEFT JOIN provider cp ON cp.id = ch.provider_id"                \
	" WHERE (" scope ")"
enum {
	CH_ID, CH_LA, CH_REF, CH_SEX, CH_DOB, CH_UPN, CH_ETHNIC, CH_LOOKED,
	CH_MISSING, CH_CUR_SHOWN, CH_CUR
};

/* Child c, under 18, in an episode open today that passes test (on x). */
#define PLACED_NOW(test)                                                 \
	"(" UNDER_18_TODAY("c") " AND EXISTS (SELECT 1"            \
	" FROM episode_merged x WHERE x.child_id = c.id"                  \
	" AND " EP_OPEN_ON("x", ":today") " AND " test "))"
#define IN_HOME_NOW PLACED_NOW("x.place IN ('K1', 'K2')")

#define CHILD_FILTERS                                                    \
	" AND (:f_la IS NULL OR l.code = :f_la)"                          \
	" AND (:prefix IS NULL OR"                                        \
	" substr(c.child_ref, 1, length(:prefix)) = :prefix)"             \
	" AND (:on IS NULL OR "                                           \
	LOOKED_AFTER_ON(":on", ":on_adult_born") ")"                      \
	" AND (:f_urn IS NULL OR " PLACED_NOW("x.urn = :f_urn") ")"       \
	" AND (:in_home IS NULL OR " IN_HOME_NOW ")"

/* By council and reference; with :homes_first, those in a children's
 * home now first, then those looked after now. */
#define CHILD_ORDER                                                      \
	" ORDER BY CASE WHEN :homes_first IS NOT NULL THEN " IN_HOME_NOW  \
	" END DESC, CASE WHEN :homes_first IS NOT NULL THEN "             \
	LOOKED_AFTER_ON(":today", ":adult_born") " END DESC, l.code, c.child_ref"

/* The page's children are picked first, so that the costly columns of
 * CHILD_ROW are computed for them only. */
#define CHILDREN_PAGE(scope, mvis, cvis, evis, addr, one)                \
	CHILD_ROW(scope, mvis, cvis, evis, addr, one)                    \
	" AND c.id IN (SELECT c.id FROM child c"                          \
	" JOIN la l ON l.id = c.la_id WHERE (" scope ")" CHILD_FILTERS    \
	CHILD_ORDER " LIMIT :limit OFFSET :offset)" CHILD_ORDER
#define CHILDREN_COUNT(scope, mvis, cvis, evis, addr, one)               \
	"SELECT count(*) FROM child c JOIN la l ON l.id = c.la_id"        \
	" WHERE (" scope ")" CHILD_FILTERS

/*
 * The child la/ref and whether it is in scope: always one row, its id
 * NULL when there is no such child, and the scope test run on it either
 * way, so that an out-of-scope child's 404 costs what an unknown one's
 * does (issue 10, item 4).  The test is the one-child form (lookups by
 * c.id, which cost about the same whether or not c.id is NULL); with the
 * set form, "c.id IN (subquery)" built once per statement, a missing row
 * would have skipped the subquery and answered several times faster.
 */
#define CHILD_FIND(scope, mvis, cvis, evis, addr, one)                   \
	"SELECT c.id, (" one ") FROM (SELECT 1) AS one"                 \
	" LEFT JOIN (child c JOIN la l ON l.id = c.la_id)"                \
	" ON l.code = :c_la AND c.child_ref = :c_ref"
#define CHILD_HEAD(scope, mvis, cvis, evis, addr, one)                   \
	CHILD_ROW(scope, mvis, cvis, evis, addr, one) " AND c.id = :id"
#define CHILD_EPISODES(scope, mvis, cvis, evis, addr, one)               \
	"SELECT" EP_COLS("e", "eh", "ep", "e.end_eff IS NULL")            \
	" FROM episode_merged e LEFT JOIN home eh ON eh.urn = e.urn"      \
	" LEFT JOIN provider ep ON ep.id = eh.provider_id"                \
	" WHERE e.child_id = :id AND (" evis ")"                          \
	" ORDER BY e.decom, e.id LIMIT :limit"

/* A missing period mp: 10 columns, read by missing_from_row(); the
 * last is the year of the (latest) return that has it. */
#define MIS_COLS                                                         \
	" mp.kind, mp.start, mp.end, " MIS_OPEN_ON("mp", ":today") ","    \
	" mp.pl_place, mp.pl_urn, mp.pl_home, mp.pl_post,"                \
	" mp.pl_home_district, (SELECT r.year FROM missing mm"            \
	" JOIN return903 r ON r.id = mm.return_id WHERE mm.id = mp.id)"
#define CHILD_MISSING(scope, mvis, cvis, evis, addr, one)                \
	"SELECT" MIS_COLS " FROM missing_placed mp"                       \
	" WHERE mp.child_id = :id AND (" mvis ")"                         \
	" ORDER BY mp.start, mp.id LIMIT :limit"

static const char child_oc2_sql[] =
	"SELECT r.year, o.sdq_score, o.sdq_reason, o.convicted,"
	" o.health_check, o.immunisations, o.teeth_check,"
	" o.health_assessment, o.substance_misuse, o.intervention_received,"
	" o.intervention_offered FROM oc2 o"
	" JOIN return903 r ON r.id = o.return_id"
	" WHERE o.child_id = :id ORDER BY r.year LIMIT :limit";

/* The later tables' rows (migration 12), as VF_OC2 says. */
static const char child_later_sql[] =
	"SELECT r.year, w.tbl, w.v1, w.v2, w.v3, w.v4, w.v5, w.v6, w.v7"
	" FROM return_row w JOIN return903 r ON r.id = w.return_id"
	" WHERE w.child_id = :id ORDER BY r.year, w.tbl, w.seq LIMIT :limit";

/* A home h with provider p and la l: HO_* columns. */
#define HOME_COLS(addr)                                                  \
	"SELECT h.urn, h.name, p.name, p.type, l.code,"                   \
	" CASE WHEN (" addr ") THEN h.postcode END, "                     \
	DISTRICT("h.postcode") ", h.places, h.age_min, h.age_max,"        \
	" h.sex_admitted, h.registered, h.closed, l.council_code"         \
	" FROM home h JOIN provider p ON p.id = h.provider_id"            \
	" JOIN la l ON l.id = h.la_id"
enum {
	HO_URN, HO_NAME, HO_PROVIDER, HO_TYPE, HO_LA, HO_POSTCODE,
	HO_DISTRICT, HO_PLACES, HO_AGE_MIN, HO_AGE_MAX, HO_SEX, HO_REGISTERED,
	HO_CLOSED, HO_COUNCIL
};

#define HOME_FILTERS                                                     \
	" WHERE (:f_la IS NULL OR :f_la IN (l.code, l.council_code))"     \
	" AND (:f_type IS NULL OR p.type = :f_type)"                      \
	" AND (:open IS NULL OR (h.registered <= :open"                   \
	" AND (h.closed IS NULL OR h.closed > :open)))"
#define HOMES_PAGE(scope, mvis, cvis, evis, addr, one)                   \
	HOME_COLS(addr) HOME_FILTERS                                      \
	" ORDER BY h.urn LIMIT :limit OFFSET :offset"
#define HOME_ONE(scope, mvis, cvis, evis, addr, one)                     \
	HOME_COLS(addr) " WHERE h.urn = :urn"
static const char homes_count_sql[] =
	"SELECT count(*) FROM home h JOIN provider p ON p.id = h.provider_id"
	" JOIN la l ON l.id = h.la_id" HOME_FILTERS;

/* Children placed at home :urn today whom the viewer may see there. */
#define HOME_CHILDREN(scope, mvis, cvis, evis, addr, one)                \
	CHILD_ROW(scope, mvis, cvis, evis, addr, one)                    \
	" AND c.id IN (SELECT child_id FROM episode WHERE urn = :urn)"    \
	" AND cur.urn = :urn AND (" cvis ")"                              \
	" ORDER BY l.code, c.child_ref LIMIT :limit"

/* Year Y runs from 1 April Y-1 to 31 March Y. */
#define YEAR_OF(d)                                                       \
	"(CAST(substr(" d ", 1, 4) AS INTEGER)"                          \
	" + CASE WHEN substr(" d ", 6, 2) >= '04' THEN 1 ELSE 0 END)"
static const char home_years_sql[] =
	"SELECT y, sum(periods), sum(children), sum(moves) FROM ("
	" SELECT " YEAR_OF("mp.start") " AS y, count(*) AS periods,"
	"  count(DISTINCT mp.child_id) AS children, 0 AS moves"
	"  FROM missing_placed mp WHERE mp.kind = 'M' AND mp.pl_urn = :urn"
	"  AND mp.child_id IN (SELECT child_id FROM episode WHERE urn = :urn)"
	"  GROUP BY y"
	" UNION ALL SELECT " YEAR_OF("e.dec") ", 0, 0, count(*)"
	"  FROM episode_merged e WHERE e.urn = :urn AND e.dec IS NOT NULL"
	"  AND EXISTS (SELECT 1 FROM episode_merged n"
	"   WHERE n.child_id = e.child_id AND n.decom = e.dec"
	"   AND instr(',P,B,T,U,', ',' || n.rne || ',') > 0"
	"   AND n.urn IS DISTINCT FROM e.urn)"
	"  GROUP BY 1"
	") AS t GROUP BY y ORDER BY y DESC LIMIT :limit";

/* Open missing periods: MR_* columns, then MIS_COLS. */
#define MISSING_FROM(scope, mvis)                                        \
	" FROM missing_placed mp JOIN child c ON c.id = mp.child_id"      \
	" JOIN la l ON l.id = c.la_id"                                    \
	" WHERE (" scope ") AND (" mvis ") AND "                          \
	MIS_OPEN_ON("mp", ":today")                                       \
	" AND (:f_la IS NULL OR l.code = :f_la)"                          \
	" AND (:f_urn IS NULL OR mp.pl_urn = :f_urn)"
#define MISSING_PAGE(scope, mvis, cvis, evis, addr, one)                 \
	"SELECT l.code, c.child_ref, c.sex, c.dob," MIS_COLS              \
	MISSING_FROM(scope, mvis)                                         \
	" ORDER BY mp.start, l.code, c.child_ref, mp.id"                  \
	" LIMIT :limit OFFSET :offset"
#define MISSING_COUNT(scope, mvis, cvis, evis, addr, one)                \
	"SELECT count(*)" MISSING_FROM(scope, mvis)
enum { MR_LA, MR_REF, MR_SEX, MR_DOB, MR_MIS };

static const char *const children_page_sql[] = BY_ACCESS(CHILDREN_PAGE);
static const char *const children_count_sql[] = BY_ACCESS(CHILDREN_COUNT);
static const char *const child_find_sql[] = BY_ACCESS(CHILD_FIND);
static const char *const child_head_sql[] = BY_ACCESS(CHILD_HEAD);
static const char *const child_episodes_sql[] = BY_ACCESS(CHILD_EPISODES);
static const char *const child_missing_sql[] = BY_ACCESS(CHILD_MISSING);
static const char *const homes_page_sql[] = BY_ACCESS(HOMES_PAGE);
static const char *const home_one_sql[] = BY_ACCESS(HOME_ONE);
static const char *const home_children_sql[] = BY_ACCESS(HOME_CHILDREN);
static const char *const missing_page_sql[] = BY_ACCESS(MISSING_PAGE);
static const char *const missing_count_sql[] = BY_ACCESS(MISSING_COUNT);

/* ---- helpers ------------------------------------------------------------ */

/* The connection's statement for sql (a constant: sql_cached()), reset
 * and cleared; give it back with done(), never sql_finalize(). */
static int prep(struct sql *db, const char *sql, struct sql_stmt **out,
		struct err *err)
{
	*out = sql_cached(db, sql, err);
	return *out ? 0 : ERR_STORE;
}

/* Done with a statement of prep(): reset, so that it holds no read
 * transaction open until its next use. */
static void done(struct sql_stmt *s)
{
	sql_reset(s);
}

/* A filter's day: 0 (a zeroed filter) means any day, as DATE_NONE. */
static int32_t day_or_any(int32_t d)
{
	return d == 0 ? DATE_NONE : d;
}

/* The viewer's parameters, bound wherever a statement names them. */
void db_bind_viewer(struct sql_stmt *s, const struct viewer *v)
{
	char areas[VIEWER_AREAS_MAX * (LA_CODE_MAX + 1) + 2];
	size_t n = 0;

	sql_bind_name_date(s, ":today", v->today);
	sql_bind_name_date(s, ":cutoff", v->today - VIEWER_WINDOW_DAYS);
	sql_bind_name_date(s, ":adult_born", date_born_by(v->today, 18));
	sql_bind_name_date(s, ":cutoff_adult_born",
			   date_born_by(v->today - VIEWER_WINDOW_DAYS - 1, 18));
	sql_bind_name_text(s, ":la", v->access == VIEWER_COUNCIL ? v->la : NULL);
	sql_bind_name_text(s, ":provider",
		  v->access == VIEWER_PROVIDER ? v->provider : NULL);
	/* ",W06000011,W06000015," for instr(); codes have no commas */
	areas[n++] = ',';
	for (size_t i = 0; i < v->nareas && i < VIEWER_AREAS_MAX; i++) {
		size_t len = strnlen(v->areas[i], LA_CODE_MAX + 1);

		if (len != LA_CODE_MAX || strchr(v->areas[i], ','))
			continue;
		memcpy(areas + n, v->areas[i], len);
		n += len;
		areas[n++] = ',';
	}
	areas[n] = '\0';
	sql_bind_name_text(s, ":areas", v->access == VIEWER_POLICE && n > 1 ? areas :
								      NULL);
}

static void bind_page(struct sql_stmt *s, long page, long page_size)
{
	sql_bind_name_int(s, ":limit", page_size);
	sql_bind_name_int(s, ":offset", page * page_size);
}

/* Run a count(*) statement and give it back. */
static int count_rows(struct sql *db, struct sql_stmt *s, long *n,
		      struct err *err)
{
	int rc = sql_step(s);

	if (rc == SQL_ROW) {
		*n = (long)sql_col_int(s, 0);
		rc = 0;
	} else {
		rc = sql_fail(db, err, "count");
	}
	done(s);
	return rc;
}

static void district_of(const char *pc, char out[POSTCODE_MAX + 1])
{
	char norm[POSTCODE_MAX + 1];

	out[0] = '\0';
	if (pc[0] && postcode_normalise(pc, norm) != POSTCODE_BAD)
		postcode_district(norm, out);
}

/* ---- rows into structs, through the field matrix ------------------------ */

static void placement_from_row(struct sql_stmt *s, int i, unsigned fields,
			       struct child_placement *p)
{
	char pl_post[POSTCODE_MAX + 1];
	int32_t distance;

	memset(p, 0, sizeof(*p));
	p->decom = sql_col_date(s, i);
	p->dec = sql_col_date(s, i + 1);
	p->open = sql_col_int(s, i + 2) != 0;
	sql_col_text(s, i + 3, p->rne, sizeof(p->rne));
	sql_col_text(s, i + 4, p->place, sizeof(p->place));
	sql_col_text(s, i + 5, p->place_provider, sizeof(p->place_provider));
	if (fields & VF_LEGAL_STATUS)
		sql_col_text(s, i + 6, p->ls, sizeof(p->ls));
	if (fields & VF_NEED)
		sql_col_text(s, i + 7, p->cin, sizeof(p->cin));
	if (fields & VF_ENDINGS) {
		sql_col_text(s, i + 8, p->rec, sizeof(p->rec));
		sql_col_text(s, i + 9, p->reason_place_change,
			    sizeof(p->reason_place_change));
	}
	sql_col_text(s, i + 10, p->urn, sizeof(p->urn));
	sql_col_text(s, i + 11, p->home_name, sizeof(p->home_name));
	sql_col_text(s, i + 12, p->provider, sizeof(p->provider));
	sql_col_text(s, i + 13, pl_post, sizeof(pl_post));
	if (fields & VF_PLACEMENT_POSTCODE)
		memcpy(p->pl_post, pl_post, sizeof(p->pl_post));
	if (fields & VF_DISTRICT) {
		district_of(pl_post, p->district);
		if (!p->district[0])
			sql_col_text(s, i + 16, p->district,
				    sizeof(p->district));
	}
	if (fields & VF_HOME_POSTCODE)
		sql_col_text(s, i + 14, p->home_post, sizeof(p->home_post));
	distance = sql_col_opt_int(s, i + 15);
	p->distance = fields & VF_DISTANCE ? distance : -1;
	p->band = fields & VF_DISTANCE_BAND ? distance_band_of(distance) :
					       DIST_HIDDEN;
}

static void missing_from_row(struct sql_stmt *s, int i, unsigned fields,
			     struct child_missing *m)
{
	char pl_post[POSTCODE_MAX + 1];

	memset(m, 0, sizeof(*m));
	sql_col_text(s, i, m->kind, sizeof(m->kind));
	m->start = sql_col_date(s, i + 1);
	m->end = sql_col_date(s, i + 2);
	m->open = sql_col_int(s, i + 3) != 0;
	sql_col_text(s, i + 4, m->place, sizeof(m->place));
	sql_col_text(s, i + 5, m->urn, sizeof(m->urn));
	sql_col_text(s, i + 6, m->home_name, sizeof(m->home_name));
	sql_col_text(s, i + 7, pl_post, sizeof(pl_post));
	if (fields & VF_PLACEMENT_POSTCODE)
		memcpy(m->pl_post, pl_post, sizeof(m->pl_post));
	if (fields & VF_DISTRICT) {
		district_of(pl_post, m->district);
		if (!m->district[0])
			sql_col_text(s, i + 8, m->district,
				    sizeof(m->district));
	}
	m->return_year = sql_col_int(s, i + 9);
}

/* Sex, date of birth and age, as the fields allow. */
static void identity_from_row(struct sql_stmt *s, int i_sex, int i_dob,
			      const struct viewer *v, unsigned fields,
			      char sex[2], int32_t *dob, int *age)
{
	int32_t d = sql_col_date(s, i_dob);

	sex[0] = '\0';
	if (fields & VF_SEX)
		sql_col_text(s, i_sex, sex, 2);
	*dob = fields & VF_DOB ? d : DATE_NONE;
	*age = -1;
	if ((fields & VF_AGE) && d != DATE_NONE && d <= v->today)
		*age = date_age_years(d, v->today);
}

static void child_from_row(struct sql_stmt *s, const struct viewer *v,
			   struct child_summary *c)
{
	unsigned fields = viewer_fields(v->access);

	memset(c, 0, sizeof(*c));
	sql_col_text(s, CH_LA, c->la, sizeof(c->la));
	sql_col_text(s, CH_REF, c->ref, sizeof(c->ref));
	identity_from_row(s, CH_SEX, CH_DOB, v, fields, c->sex, &c->dob,
			  &c->age);
	if (fields & VF_UPN)
		sql_col_text(s, CH_UPN, c->upn, sizeof(c->upn));
	if (fields & VF_ETHNIC)
		sql_col_text(s, CH_ETHNIC, c->ethnic, sizeof(c->ethnic));
	c->looked_after = sql_col_int(s, CH_LOOKED) != 0;
	c->open_missing = (long)sql_col_int(s, CH_MISSING);
	c->has_current = sql_col_int(s, CH_CUR_SHOWN) != 0;
	if (c->has_current)
		placement_from_row(s, CH_CUR, fields, &c->current);
	else
		c->current.band = DIST_HIDDEN;
}

static void home_from_row(struct sql_stmt *s, struct home_row *h)
{
	char word[16];
	enum provider_type pt = PROVIDER_LA;
	enum sex_admitted sa = ADMITS_MIXED;

	memset(h, 0, sizeof(*h));
	sql_col_text(s, HO_URN, h->urn, sizeof(h->urn));
	sql_col_text(s, HO_NAME, h->name, sizeof(h->name));
	sql_col_text(s, HO_PROVIDER, h->provider, sizeof(h->provider));
	sql_col_text(s, HO_TYPE, word, sizeof(word));
	if (!provider_type_parse(word, &pt))
		h->provider_type = pt;
	sql_col_text(s, HO_LA, h->la, sizeof(h->la));
	h->postcode_full = !sql_col_null(s, HO_POSTCODE);
	sql_col_text(s, h->postcode_full ? HO_POSTCODE : HO_DISTRICT,
		    h->postcode, sizeof(h->postcode));
	h->places = sql_col_int(s, HO_PLACES);
	h->age_min = sql_col_int(s, HO_AGE_MIN);
	h->age_max = sql_col_int(s, HO_AGE_MAX);
	sql_col_text(s, HO_SEX, word, sizeof(word));
	if (!sex_admitted_parse(word, &sa))
		h->sex_admitted = sa;
	h->registered = sql_col_date(s, HO_REGISTERED);
	h->closed = sql_col_date(s, HO_CLOSED);
}

/* ---- children ------------------------------------------------------------ */

static void bind_child_filter(struct sql_stmt *s, const struct child_filter *f)
{
	sql_bind_name_text(s, ":f_la", f->la);
	sql_bind_name_text(s, ":prefix", f->ref_prefix);
	sql_bind_name_date(s, ":on", day_or_any(f->looked_after_on));
	sql_bind_name_date(s, ":on_adult_born",
			   day_or_any(f->looked_after_on) == DATE_NONE ?
			   DATE_NONE : date_born_by(f->looked_after_on, 18));
	sql_bind_name_text(s, ":f_urn", f->urn);
	sql_bind_name_text(s, ":in_home", f->in_home ? "1" : NULL);
	sql_bind_name_text(s, ":homes_first", f->homes_first ? "1" : NULL);
}

int db_children_list(struct sql *db, const struct viewer *v,
		     const struct child_filter *f, struct child_page *out,
		     struct err *err)
{
	struct sql_stmt *s;
	int rc;

	rc = prep(db, children_count_sql[v->access], &s, err);
	if (rc)
		return rc;
	db_bind_viewer(s, v);
	bind_child_filter(s, f);
	rc = count_rows(db, s, &out->total, err);
	if (rc || out->page * out->page_size >= out->total)
		return rc;

	rc = prep(db, children_page_sql[v->access], &s, err);
	if (rc)
		return rc;
	db_bind_viewer(s, v);
	bind_child_filter(s, f);
	bind_page(s, out->page, out->page_size);
	while ((rc = sql_step(s)) == SQL_ROW &&
	       out->n < (size_t)out->page_size)
		child_from_row(s, v, &out->rows[out->n++]);
	rc = rc == SQL_DONE || rc == SQL_ROW ?
		     0 :
		     sql_fail(db, err, "children");
	done(s);
	return rc;
}

/* Run a record table's statement, calling add(row) for up to
 * STORE_RECORD_ROWS_MAX rows; one more sets *truncated. */
typedef void record_add_fn(struct sql_stmt *s, const struct viewer *v,
			   void *ctx);

static int record_rows(struct sql *db, const char *sql, const struct viewer *v,
		       int64_t id, record_add_fn *add, void *ctx,
		       bool *truncated, struct err *err)
{
	struct sql_stmt *s;
	size_t n = 0;
	int rc = prep(db, sql, &s, err);

	if (rc)
		return rc;
	db_bind_viewer(s, v);
	sql_bind_int(s, sql_param(s, ":id"), id);
	sql_bind_name_int(s, ":limit", STORE_RECORD_ROWS_MAX + 1);
	while ((rc = sql_step(s)) == SQL_ROW) {
		if (n++ == STORE_RECORD_ROWS_MAX) {
			*truncated = true;
			break;
		}
		add(s, v, ctx);
	}
	rc = rc == SQL_DONE || rc == SQL_ROW ? 0 :
						     sql_fail(db, err, "record");
	done(s);
	return rc;
}

struct record_ctx {
	struct child_record *r;
	size_t alloc_e, alloc_m, alloc_o, alloc_l;
};

static void add_episode(struct sql_stmt *s, const struct viewer *v, void *ctx)
{
	struct record_ctx *x = ctx;
	struct child_record *r = x->r;

	ALLOC_GROW(r->episodes, r->nepisodes + 1, x->alloc_e);
	placement_from_row(s, 0, viewer_fields(v->access),
			   &r->episodes[r->nepisodes++]);
}

static void add_missing(struct sql_stmt *s, const struct viewer *v, void *ctx)
{
	struct record_ctx *x = ctx;
	struct child_record *r = x->r;

	ALLOC_GROW(r->missing, r->nmissing + 1, x->alloc_m);
	missing_from_row(s, 0, viewer_fields(v->access),
			 &r->missing[r->nmissing++]);
}

static void add_oc2(struct sql_stmt *s, const struct viewer *v, void *ctx)
{
	struct record_ctx *x = ctx;
	struct child_record *r = x->r;
	struct child_oc2 *o;

	(void)v;
	ALLOC_GROW(r->oc2, r->noc2 + 1, x->alloc_o);
	o = &r->oc2[r->noc2++];
	o->year = sql_col_int(s, 0);
	o->sdq_score = sql_col_opt_int(s, 1);
	sql_col_text(s, 2, o->sdq_reason, sizeof(o->sdq_reason));
	o->convicted = sql_col_opt_int(s, 3);
	o->health_check = sql_col_opt_int(s, 4);
	o->immunisations = sql_col_opt_int(s, 5);
	o->teeth_check = sql_col_opt_int(s, 6);
	o->health_assessment = sql_col_opt_int(s, 7);
	o->substance_misuse = sql_col_opt_int(s, 8);
	o->intervention_received = sql_col_opt_int(s, 9);
	o->intervention_offered = sql_col_opt_int(s, 10);
}

static void add_later(struct sql_stmt *s, const struct viewer *v, void *ctx)
{
	struct record_ctx *x = ctx;
	struct child_record *r = x->r;
	struct child_later *l;
	int64_t t = sql_col_int(s, 1);

	(void)v;
	if (t < S903_REVIEWS || t >= S903_NTABLES)
		return;	/* the schema's CHECK says it cannot be */
	ALLOC_GROW(r->later, r->nlater + 1, x->alloc_l);
	l = &r->later[r->nlater++];
	l->year = sql_col_int(s, 0);
	l->table = (enum s903_table)t;
	for (int c = 0; c < CHILD_LATER_COLS; c++)
		sql_col_text(s, c + 2, l->v[c], sizeof(l->v[c]));
}

/* Find la/ref: its id, and whether the viewer's scope holds it. */
static int child_find(struct sql *db, const struct viewer *v, const char *la,
		      const char *ref, int64_t *id, bool *in_scope,
		      struct err *err)
{
	struct sql_stmt *s;
	int rc = prep(db, child_find_sql[v->access], &s, err);

	if (rc)
		return rc;
	db_bind_viewer(s, v);
	sql_bind_name_text(s, ":c_la", la);
	sql_bind_name_text(s, ":c_ref", ref);
	rc = sql_step(s);
	if (rc == SQL_ROW && !sql_col_null(s, 0)) {
		*id = sql_col_int(s, 0);
		*in_scope = sql_col_int(s, 1) != 0;
		rc = 0;
	} else {
		/* a row with a NULL id: no such child (CHILD_FIND) */
		rc = rc == SQL_ROW || rc == SQL_DONE ?
			     ERR_NOT_FOUND :
			     sql_fail(db, err, "child");
	}
	done(s);
	return rc;
}

/*
 * One read transaction around a record's statements, unless the caller
 * has one open: they see one snapshot of the store, and take the WAL's
 * read lock and check its page cache once rather than once each (with
 * audit rows committed all the time by other connections, each check
 * finds the store changed and empties the cache).  A read transaction
 * cannot fail to commit; the COMMIT only ends it.
 */
static const char read_begin_sql[] = "BEGIN";
static const char read_end_sql[] = "COMMIT";
static const char read_abort_sql[] = "ROLLBACK";

static bool read_begin(struct sql *db)
{
	struct sql_stmt *s;
	int rc;

	if (sql_in_transaction(db))
		return false;	/* inside the caller's transaction */
	s = sql_cached(db, read_begin_sql, NULL);
	if (!s)
		return false;
	rc = sql_step(s);
	done(s);
	return rc == SQL_DONE;
}

static void read_end(struct sql *db, bool began)
{
	struct sql_stmt *s;

	if (!began)
		return;
	s = sql_cached(db, read_end_sql, NULL);
	if (s) {
		sql_step(s);
		done(s);
	}
	if (sql_in_transaction(db)) {
		/* never keep a snapshot: later reads would not see changes */
		s = sql_cached(db, read_abort_sql, NULL);
		if (s) {
			sql_step(s);
			done(s);
		}
	}
	if (sql_in_transaction(db))
		BUG("a record's read transaction did not end");
}

static int child_record(struct sql *db, const struct viewer *v, const char *la,
			const char *ref, bool *exists,
			struct child_record *out, struct err *err);

int db_child_in_scope(struct sql *db, const struct viewer *v, const char *la,
		      const char *ref, bool *exists, bool *yes,
		      struct err *err)
{
	int64_t id = 0;
	int rc = child_find(db, v, la, ref, &id, yes, err);

	*exists = !rc;
	if (rc == ERR_NOT_FOUND) {
		*yes = false;
		rc = 0;
	}
	return rc;
}

int db_child_record(struct sql *db, const struct viewer *v, const char *la,
		    const char *ref, bool *exists, struct child_record *out,
		    struct err *err)
{
	bool began = read_begin(db);
	int rc = child_record(db, v, la, ref, exists, out, err);

	read_end(db, began);
	return rc;
}

static int child_record(struct sql *db, const struct viewer *v, const char *la,
			const char *ref, bool *exists,
			struct child_record *out, struct err *err)
{
	struct record_ctx x = { out, 0, 0, 0, 0 };
	bool in_scope = false;
	int64_t id = 0;
	struct sql_stmt *s;
	int rc;

	*exists = false;
	rc = child_find(db, v, la, ref, &id, &in_scope, err);
	if (rc)
		return rc;	/* ERR_NOT_FOUND leaves err alone */
	*exists = true;
	if (!in_scope)
		return ERR_NOT_FOUND;

	rc = prep(db, child_head_sql[v->access], &s, err);
	if (rc)
		return rc;
	db_bind_viewer(s, v);
	sql_bind_int(s, sql_param(s, ":id"), id);
	rc = sql_step(s);
	if (rc == SQL_ROW) {
		child_from_row(s, v, &out->child);
		rc = 0;
	} else {
		/* gone between the two statements: as if never there */
		rc = rc == SQL_DONE ? ERR_NOT_FOUND :
					 sql_fail(db, err, "child");
	}
	done(s);
	if (!rc)
		rc = record_rows(db, child_episodes_sql[v->access], v, id,
				 add_episode, &x, &out->truncated, err);
	if (!rc)
		rc = record_rows(db, child_missing_sql[v->access], v, id,
				 add_missing, &x, &out->truncated, err);
	if (!rc && viewer_may(v, VF_OC2))
		rc = record_rows(db, child_oc2_sql, v, id, add_oc2, &x,
				 &out->truncated, err);
	if (!rc && viewer_may(v, VF_OC2))
		rc = record_rows(db, child_later_sql, v, id, add_later, &x,
				 &out->truncated, err);
	return rc;
}

/* ---- homes -------------------------------------------------------------- */

static void bind_home_filter(struct sql_stmt *s, const struct home_filter *f)
{
	sql_bind_name_text(s, ":f_la", f->la);
	sql_bind_name_text(s, ":f_type", f->provider_type);
	sql_bind_name_date(s, ":open", day_or_any(f->open_on));
}

int db_homes_list(struct sql *db, const struct viewer *v,
		  const struct home_filter *f, struct home_page *out,
		  struct err *err)
{
	struct sql_stmt *s;
	int rc;

	rc = prep(db, homes_count_sql, &s, err);
	if (rc)
		return rc;
	bind_home_filter(s, f);
	rc = count_rows(db, s, &out->total, err);
	if (rc || out->page * out->page_size >= out->total)
		return rc;

	rc = prep(db, homes_page_sql[v->access], &s, err);
	if (rc)
		return rc;
	db_bind_viewer(s, v);
	bind_home_filter(s, f);
	bind_page(s, out->page, out->page_size);
	while ((rc = sql_step(s)) == SQL_ROW &&
	       out->n < (size_t)out->page_size)
		home_from_row(s, &out->rows[out->n++]);
	rc = rc == SQL_DONE || rc == SQL_ROW ? 0 :
						     sql_fail(db, err, "homes");
	done(s);
	return rc;
}

/* May v see the exact figures of a home in council area `council`? */
static bool figures_shown(const struct viewer *v, const struct home_row *h,
			  const char *council)
{
	switch (v->access) {
	case VIEWER_INSPECTORATE:
		return true;
	case VIEWER_PROVIDER:
		return v->provider[0] && !strcmp(h->provider, v->provider);
	case VIEWER_COUNCIL:
		return v->la[0] && !strcmp(council, v->la);
	case VIEWER_POLICE:
	case VIEWER_NONE:
	case VIEWER_NACCESS:
		break;
	}
	return false;
}

static int home_years(struct sql *db, const char *urn, struct home_profile *out,
		      struct err *err)
{
	struct sql_stmt *s;
	int rc = prep(db, home_years_sql, &s, err);

	if (rc)
		return rc;
	sql_bind_name_text(s, ":urn", urn);
	sql_bind_name_int(s, ":limit", STORE_PROFILE_YEARS);
	while ((rc = sql_step(s)) == SQL_ROW &&
	       out->nyears < STORE_PROFILE_YEARS) {
		struct home_year *y = &out->years[out->nyears++];

		y->year = sql_col_int(s, 0);
		y->missing_periods = (long)sql_col_int(s, 1);
		y->missing_children = (long)sql_col_int(s, 2);
		y->moves_out = (long)sql_col_int(s, 3);
	}
	rc = rc == SQL_DONE || rc == SQL_ROW ?
		     0 :
		     sql_fail(db, err, "home years");
	done(s);
	return rc;
}

int db_home_profile(struct sql *db, const struct viewer *v, const char *urn,
		    struct home_profile *out, struct err *err)
{
	char council[LA_CODE_MAX + 1];
	struct sql_stmt *s;
	int rc;

	rc = prep(db, home_one_sql[v->access], &s, err);
	if (rc)
		return rc;
	db_bind_viewer(s, v);
	sql_bind_name_text(s, ":urn", urn);
	rc = sql_step(s);
	if (rc == SQL_ROW) {
		home_from_row(s, &out->home);
		sql_col_text(s, HO_COUNCIL, council, sizeof(council));
		rc = 0;
	} else {
		rc = rc == SQL_DONE ?
			     err_set(err, ERR_NOT_FOUND, "no such home") :
			     sql_fail(db, err, "home");
	}
	done(s);
	if (rc)
		return rc;

	out->figures = figures_shown(v, &out->home, council);
	if (out->figures) {
		rc = home_years(db, urn, out, err);
		if (rc)
			return rc;
	}

	rc = prep(db, home_children_sql[v->access], &s, err);
	if (rc)
		return rc;
	db_bind_viewer(s, v);
	sql_bind_name_text(s, ":urn", urn);
	sql_bind_name_int(s, ":limit", STORE_PAGE_MAX + 1);
	while ((rc = sql_step(s)) == SQL_ROW) {
		if (out->nchildren == STORE_PAGE_MAX) {
			out->truncated = true;
			break;
		}
		child_from_row(s, v, &out->children[out->nchildren++]);
	}
	rc = rc == SQL_DONE || rc == SQL_ROW ?
		     0 :
		     sql_fail(db, err, "children at the home");
	done(s);
	return rc;
}

/* ---- what is happening at homes now ------------------------------------- */

/* :provider NULL (inspectors) is every home. */
static const char homes_now_sql[] =
	"SELECT h.urn, h.name, l.code, h.places,"
	" h.registered <= :today AND (h.closed IS NULL OR h.closed > :today),"
	" (SELECT count(DISTINCT x.child_id) FROM episode_merged x"
	"  JOIN child c ON c.id = x.child_id WHERE x.urn = h.urn"
	"  AND " EP_OPEN_ON("x", ":today") " AND " UNDER_18_TODAY("c")
	"  AND x.ls NOT IN ('V3', 'V4')),"
	" (SELECT count(*) FROM mfc_episode e WHERE e.urn = h.urn"
	"  AND e.returned_at IS NULL),"
	" (SELECT count(*) FROM mfc_episode e WHERE e.urn = h.urn"
	"  AND e.started_at >= :since)"
	" FROM home h JOIN provider p ON p.id = h.provider_id"
	" JOIN la l ON l.id = h.la_id"
	" WHERE (:provider IS NULL OR p.name = :provider)"
	" AND (:la IS NULL OR l.council_code = :la)"
	" ORDER BY h.name, h.urn";

int db_homes_now(struct sql *db, const struct viewer *v, int64_t since_ms,
		 struct home_now **out, size_t *n, struct err *err)
{
	char since[STORE_TIME_MAX];
	size_t alloc = 0;
	struct sql_stmt *s;
	int rc = prep(db, homes_now_sql, &s, err);

	if (rc)
		return rc;
	db_bind_viewer(s, v);
	store_time_fmt(since_ms, since);
	sql_bind_name_text(s, ":since", since);
	while ((rc = sql_step(s)) == SQL_ROW) {
		struct home_now *h;

		ALLOC_GROW(*out, *n + 1, alloc);
		h = &(*out)[(*n)++];
		memset(h, 0, sizeof(*h));
		sql_col_text(s, 0, h->urn, sizeof(h->urn));
		sql_col_text(s, 1, h->name, sizeof(h->name));
		sql_col_text(s, 2, h->la, sizeof(h->la));
		h->places = sql_col_int(s, 3);
		h->open = sql_col_int(s, 4) != 0;
		h->placed = (long)sql_col_int(s, 5);
		h->missing_now = (long)sql_col_int(s, 6);
		h->episodes_recent = (long)sql_col_int(s, 7);
	}
	rc = rc == SQL_DONE ? 0 : sql_fail(db, err, "homes now");
	done(s);
	return rc;
}

/* ---- missing periods ---------------------------------------------------- */

static void bind_missing_filter(struct sql_stmt *s,
				const struct missing_filter *f)
{
	sql_bind_name_text(s, ":f_la", f->la);
	sql_bind_name_text(s, ":f_urn", f->urn);
}

int db_missing_open(struct sql *db, const struct viewer *v,
		    const struct missing_filter *f, struct missing_page *out,
		    struct err *err)
{
	unsigned fields = viewer_fields(v->access);
	struct sql_stmt *s;
	int rc;

	rc = prep(db, missing_count_sql[v->access], &s, err);
	if (rc)
		return rc;
	db_bind_viewer(s, v);
	bind_missing_filter(s, f);
	rc = count_rows(db, s, &out->total, err);
	if (rc || out->page * out->page_size >= out->total)
		return rc;

	rc = prep(db, missing_page_sql[v->access], &s, err);
	if (rc)
		return rc;
	db_bind_viewer(s, v);
	bind_missing_filter(s, f);
	bind_page(s, out->page, out->page_size);
	while ((rc = sql_step(s)) == SQL_ROW &&
	       out->n < (size_t)out->page_size) {
		struct missing_row *m = &out->rows[out->n++];

		sql_col_text(s, MR_LA, m->la, sizeof(m->la));
		sql_col_text(s, MR_REF, m->ref, sizeof(m->ref));
		identity_from_row(s, MR_SEX, MR_DOB, v, fields, m->sex,
				  &m->dob, &m->age);
		missing_from_row(s, MR_MIS, fields, &m->m);
	}
	rc = rc == SQL_DONE || rc == SQL_ROW ?
		     0 :
		     sql_fail(db, err, "missing periods");
	done(s);
	return rc;
}
