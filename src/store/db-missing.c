/*
 * db-missing.c: missing from care, recorded live, in SQL (store.h,
 * "missing from care, recorded live"; the rules are docs/access.md,
 * "Missing from care", and docs/missing.md).
 *
 * Scoping follows db-scope.c: each kind of access has one set of SQL
 * predicates (MR_* below) and every scoped statement is written once as
 * a macro over that set, so each (statement, access) pair is a fixed
 * string compiled in; the viewer's council, provider, police area, day
 * and the 90-day cutoff arrive only as bound parameters (:la, :provider,
 * :areas, :today, :cutoff).  The predicates, over an episode e with its
 * child c (council cl), home h (provider hp, council area hl), or a
 * meeting sm of child c:
 *
 *	vis	may e be seen?
 *	cscope	may child c's live records be asked for at all?
 *	gread	may c's grab pack be read?
 *	placed	is c placed today at a home of the viewer's provider?
 *	write	may e be changed (by the operations this access has)?
 *	mvis	may meeting sm be seen?
 *
 * SCOPE_*, EP_OPEN_ON, IN_AREA and the viewer's parameters are
 * db-scope.h's, shared with the other scoped reads.  Times are ISO
 * 8601 text with milliseconds (store_time_fmt()), which compare as text
 * with each other and with a day's "yyyy-mm-dd" (:cutoff, :today).
 */
#include "base/compat.h"
#include "base/parse.h"
#include "base/xalloc.h"
#include "store/db.h"
#include "store/db-scope.h"

/* ---- predicates --------------------------------------------------------- */

#define OWN_CHILD "cl.code = :la"

/* Child c, under 18, placed today at a home of provider :provider. */
#define PLACED                                                           \
	"(" UNDER_18_TODAY("c") " AND EXISTS (SELECT 1"            \
	" FROM episode_merged x JOIN home xh"                             \
	" ON xh.urn = x.urn JOIN provider xp ON xp.id = xh.provider_id"   \
	" WHERE x.child_id = c.id AND xp.name = :provider AND "           \
	EP_OPEN_ON("x", ":today") "))"

/* Episode e of the police: M, from the force's area (the home's
 * council, else the child's), open or returned in the window. */
#define POLICE_EP(e, hl)                                                 \
	"(" e ".kind = 'M' AND " IN_AREA("coalesce(" hl                   \
					 ".council_code, cl.code)")       \
	" AND (" e ".returned_at IS NULL OR " e ".returned_at >= :cutoff))"
/* An episode of child c the police may see, in a subquery. */
#define POLICE_CHILD                                                     \
	"EXISTS (SELECT 1 FROM mfc_episode pe LEFT JOIN home ph"          \
	" ON ph.urn = pe.urn LEFT JOIN la phl ON phl.id = ph.la_id"       \
	" WHERE pe.child_id = c.id AND " POLICE_EP("pe", "phl") ")"
/* Child c missing now (M, open) from the force's area. */
#define POLICE_MISSING_NOW                                               \
	"EXISTS (SELECT 1 FROM mfc_episode pe LEFT JOIN home ph"          \
	" ON ph.urn = pe.urn LEFT JOIN la phl ON phl.id = ph.la_id"       \
	" WHERE pe.child_id = c.id AND pe.kind = 'M'"                     \
	" AND pe.returned_at IS NULL"                                     \
	" AND " IN_AREA("coalesce(phl.council_code, cl.code)") ")"
/* Meeting sm naming an episode the police may see. */
#define POLICE_MEETING                                                   \
	"sm.episode_id IN (SELECT pe.id FROM mfc_episode pe LEFT JOIN home" \
	" ph ON ph.urn = pe.urn LEFT JOIN la phl ON phl.id = ph.la_id"    \
	" WHERE pe.child_id = c.id AND " POLICE_EP("pe", "phl") ")"

/* A provider sees episodes from its homes while open, or while the
 * child is in its scope; it changes them while open or returned in the
 * window. */
#define PROVIDER_VIS                                                     \
	"(hp.name = :provider AND (e.returned_at IS NULL OR "             \
	SCOPE_PROVIDER "))"
#define PROVIDER_WRITE                                                   \
	"(hp.name = :provider AND (e.returned_at IS NULL OR"              \
	" e.returned_at >= :cutoff))"
#define INSPECTORATE_VIS "(e.urn IS NOT NULL OR " SCOPE_INSPECTORATE ")"

/*           vis  cscope  gread  placed  write  mvis */
#define MR_NONE "FALSE", "FALSE", "FALSE", "FALSE", "FALSE", "FALSE"
#define MR_INSPECTORATE                                                  \
	INSPECTORATE_VIS, SCOPE_INSPECTORATE, SCOPE_INSPECTORATE, "FALSE", \
	"FALSE", SCOPE_INSPECTORATE
#define MR_COUNCIL                                                       \
	OWN_CHILD, OWN_CHILD, OWN_CHILD, "FALSE", OWN_CHILD, OWN_CHILD
#define MR_PROVIDER                                                      \
	PROVIDER_VIS, SCOPE_PROVIDER, PLACED, PLACED, PROVIDER_WRITE, PLACED
#define MR_POLICE                                                        \
	POLICE_EP("e", "hl"), POLICE_CHILD, POLICE_MISSING_NOW, "FALSE", \
	POLICE_EP("e", "hl"), POLICE_MEETING

#define BY_ACCESS(M)                                                     \
	{                                                                 \
		[VIEWER_NONE] = APPLY(M, MR_NONE),                        \
		[VIEWER_INSPECTORATE] = APPLY(M, MR_INSPECTORATE),        \
		[VIEWER_COUNCIL] = APPLY(M, MR_COUNCIL),                  \
		[VIEWER_PROVIDER] = APPLY(M, MR_PROVIDER),                \
		[VIEWER_POLICE] = APPLY(M, MR_POLICE),                    \
	}

/* ---- statements --------------------------------------------------------- */

/* An episode: EC_* columns, read by episode_from_row(). */
#define EP_COLS                                                          \
	"SELECT e.id, e.child_id, cl.code, c.child_ref, c.dob, e.kind,"   \
	" e.urn, h.name, e.started_at, e.last_seen_at, e.last_seen_place," \
	" e.circumstances, e.home_actions, e.exploitation, e.associates," \
	" e.locations, e.health_needs, e.reported_at, e.police_ref,"      \
	" e.risk_grade, e.graded_at, e.returned_at, e.returned_place,"    \
	" e.arrested, e.charged, e.ri_offered_at, e.ri_held_at, e.ri_by,"  \
	" e.ri_independent, e.ri_outcome, e.ri_summary, e.updated_at"
enum {
	EC_ID, EC_CHILD_ID, EC_LA, EC_REF, EC_DOB, EC_KIND, EC_URN,
	EC_HOME, EC_STARTED, EC_LAST_SEEN, EC_LAST_PLACE, EC_CIRC,
	EC_ACTIONS, EC_EXPLOIT, EC_ASSOC, EC_LOCATIONS, EC_HEALTH,
	EC_REPORTED, EC_POLICE_REF, EC_GRADE, EC_GRADED, EC_RETURNED,
	EC_RETURNED_PLACE, EC_ARRESTED, EC_CHARGED, EC_RI_OFFERED,
	EC_RI_HELD, EC_RI_BY, EC_RI_INDEP, EC_RI_OUTCOME, EC_RI_SUMMARY,
	EC_UPDATED, EC_N
};
#define EP_FROM                                                          \
	" FROM mfc_episode e JOIN child c ON c.id = e.child_id"           \
	" JOIN la cl ON cl.id = c.la_id LEFT JOIN home h ON h.urn = e.urn" \
	" LEFT JOIN provider hp ON hp.id = h.provider_id"                 \
	" LEFT JOIN la hl ON hl.id = h.la_id"

/* Episode :id, whole, and whether the viewer may see / change it. */
#define EP_FIND(vis, cscope, gread, placed, write, mvis)                 \
	EP_COLS ", (" vis ")" EP_FROM " WHERE e.id = :id"
#define EP_FIND_W(vis, cscope, gread, placed, write, mvis)               \
	EP_COLS ", (" write ")" EP_FROM " WHERE e.id = :id"
/* Child la/ref and its scope bits: always one row, the id NULL when
 * there is no such child, so that the scope tests cost the same for a
 * child out of scope and one that does not exist (as CHILD_FIND of
 * db-scope.c). */
#define CHILD_FIND(vis, cscope, gread, placed, write, mvis)              \
	"SELECT c.id, (" cscope "), (" gread "), (" placed ")"            \
	" FROM (SELECT 1) AS one LEFT JOIN (child c JOIN la cl"         \
	" ON cl.id = c.la_id)"                                            \
	" ON cl.code = :c_la AND c.child_ref = :c_ref"
#define CHILD_EPISODES(vis, cscope, gread, placed, write, mvis)          \
	EP_COLS EP_FROM " WHERE e.child_id = :id AND (" vis ")"           \
	" ORDER BY e.started_at, e.id LIMIT :limit"
#define CHILD_MEETINGS(vis, cscope, gread, placed, write, mvis)          \
	"SELECT sm.id, sm.child_id, cl.code, c.child_ref, sm.episode_id,"  \
	" sm.held_on, sm.agencies, sm.decisions, sm.safety_plan_review_on," \
	" sm.recorded_at FROM strategy_meeting sm"                        \
	" JOIN child c ON c.id = sm.child_id"                             \
	" JOIN la cl ON cl.id = c.la_id"                                  \
	" WHERE sm.child_id = :id AND (" mvis ")"                         \
	" ORDER BY sm.held_on, sm.id LIMIT :limit"

/*
 * Episodes the viewer may act on (enum mfc_due, store.h): :due 0 open
 * (missing or away now), 1 back from missing with no return interview
 * held or declined since :since, 2 started since :since with the home's
 * part of the report incomplete.  :order 1 puts the highest police risk
 * grade first (ungraded after medium: grading is the police's task).
 */
#define REPORT_INCOMPLETE                                                \
	"(e.last_seen_at IS NULL OR e.circumstances = ''"                 \
	" OR e.home_actions = '')"
#define ATTN_WHERE(vis)                                                  \
	EP_FROM " WHERE (" vis ")"                                        \
	" AND (:f_la IS NULL OR cl.code = :f_la)"                         \
	" AND (:f_urn IS NULL OR e.urn = :f_urn)"                         \
	" AND CASE CAST(:due AS BIGINT)"                                \
	" WHEN 0 THEN e.returned_at IS NULL"                              \
	" WHEN 1 THEN e.kind = 'M' AND e.returned_at >= :since"           \
	"  AND e.ri_held_at IS NULL"                                      \
	"  AND coalesce(e.ri_outcome, '') <> 'declined'"                  \
	" WHEN 2 THEN e.started_at >= :since AND " REPORT_INCOMPLETE      \
	" ELSE FALSE END"
#define ATTN_PAGE(vis, cscope, gread, placed, write, mvis)               \
	"SELECT e.id, cl.code, c.child_ref, c.dob, e.kind, e.urn, h.name," \
	" e.started_at, e.risk_grade, e.police_ref, e.exploitation,"      \
	" e.returned_at, e.ri_offered_at, " REPORT_INCOMPLETE             \
	ATTN_WHERE(vis)                                                   \
	" ORDER BY CASE WHEN :order = 1 THEN CASE e.risk_grade"           \
	" WHEN 'high' THEN 0 WHEN 'medium' THEN 1 WHEN 'low' THEN 3"      \
	" WHEN 'none' THEN 4 ELSE 2 END ELSE 0 END,"                      \
	" CASE WHEN :due = 1 THEN e.returned_at ELSE e.started_at END,"   \
	" cl.code, c.child_ref, e.id"                                     \
	" LIMIT :limit OFFSET :offset"
#define ATTN_COUNT(vis, cscope, gread, placed, write, mvis)              \
	"SELECT count(*)" ATTN_WHERE(vis)

static const char *const ep_find_sql[] = BY_ACCESS(EP_FIND);
static const char *const ep_find_w_sql[] = BY_ACCESS(EP_FIND_W);
static const char *const child_find_sql[] = BY_ACCESS(CHILD_FIND);
static const char *const child_episodes_sql[] = BY_ACCESS(CHILD_EPISODES);
static const char *const child_meetings_sql[] = BY_ACCESS(CHILD_MEETINGS);
static const char *const attn_page_sql[] = BY_ACCESS(ATTN_PAGE);
static const char *const attn_count_sql[] = BY_ACCESS(ATTN_COUNT);

/* The provider's home where child la/ref is placed today. */
static const char place_sql[] =
	"SELECT c.id, x.urn FROM child c JOIN la cl ON cl.id = c.la_id"
	" JOIN episode_merged x ON x.child_id = c.id"
	" JOIN home xh ON xh.urn = x.urn"
	" JOIN provider xp ON xp.id = xh.provider_id"
	" WHERE cl.code = :c_la AND c.child_ref = :c_ref"
	" AND xp.name = :provider AND " EP_OPEN_ON("x", ":today")
	" AND " UNDER_18_TODAY("c")
	" ORDER BY x.decom DESC LIMIT 1";

static const char insert_sql[] =
	/* CAST: a parameter in a CASE has no type of its own on PostgreSQL,
	 * which would take :user as text there and a number elsewhere */
	"INSERT INTO mfc_episode (child_id, kind, urn, started_at,"
	" last_seen_at, last_seen_place, circumstances, home_actions,"
	" exploitation, associates, locations, health_needs, reported_by,"
	" reported_at, police_ref, risk_grade, graded_by, graded_at,"
	" returned_at, returned_place, returned_by, arrested, charged,"
	" ri_offered_at, ri_held_at, ri_by, ri_independent, ri_outcome,"
	" ri_summary, ri_recorded_by, updated_at) VALUES (:child, :kind,"
	" :urn, :started, :last_seen, :last_place, :circ, :actions,"
	" :exploit, :assoc, :locations, :health, :user, :now, :police_ref,"
	" :grade, CASE WHEN :grade IS NULL THEN NULL"
	" ELSE CAST(:user AS BIGINT) END,"
	" CASE WHEN :grade IS NULL THEN NULL ELSE :now END, :returned,"
	" :returned_place, CASE WHEN :returned IS NULL THEN NULL"
	" ELSE CAST(:user AS BIGINT) END, :arrested, :charged, :ri_offered,"
	" :ri_held, :ri_by, :ri_indep, :ri_outcome, :ri_summary, CASE WHEN :ri_offered IS NULL"
	" AND :ri_held IS NULL AND :ri_outcome IS NULL THEN NULL"
	" ELSE CAST(:user AS BIGINT) END, :now) RETURNING id";

static const char update_home_sql[] =
	"UPDATE mfc_episode SET last_seen_at = :last_seen,"
	" last_seen_place = :last_place, circumstances = :circ,"
	" home_actions = :actions, exploitation = :exploit,"
	" associates = :assoc, locations = :locations,"
	" health_needs = :health, updated_at = :now WHERE id = :id";
static const char update_police_sql[] =
	"UPDATE mfc_episode SET police_ref = :police_ref,"
	" risk_grade = :grade, graded_by = :user, graded_at = :now,"
	" arrested = :arrested, charged = :charged, updated_at = :now"
	" WHERE id = :id";
static const char update_return_sql[] =
	"UPDATE mfc_episode SET returned_at = :returned,"
	" returned_place = :returned_place, returned_by = :user,"
	" updated_at = :now WHERE id = :id";
static const char update_interview_sql[] =
	"UPDATE mfc_episode SET ri_offered_at = :ri_offered,"
	" ri_held_at = :ri_held, ri_by = :ri_by, ri_independent = :ri_indep,"
	" ri_outcome = :ri_outcome, ri_summary = :ri_summary,"
	" ri_recorded_by = :user, updated_at = :now WHERE id = :id";

static const char meeting_insert_sql[] =
	"INSERT INTO strategy_meeting (child_id, episode_id, held_on,"
	" agencies, decisions, safety_plan_review_on, recorded_by,"
	" recorded_at) SELECT :child, :episode, :held, :agencies,"
	" :decisions, :review, :user, :now"
	" WHERE :episode IS NULL OR EXISTS (SELECT 1 FROM mfc_episode"
	" WHERE id = :episode AND child_id = :child) RETURNING id";

static const char grab_put_sql[] =
	"INSERT INTO grab_pack (child_id, description, photo_ref, health,"
	" associates, places, updated_by, updated_at) VALUES (:child,"
	" :description, :photo, :health, :assoc, :places, :user, :now)"
	" ON CONFLICT (child_id) DO UPDATE SET description = :description,"
	" photo_ref = :photo, health = :health, associates = :assoc,"
	" places = :places, updated_by = :user, updated_at = :now";
static const char grab_get_sql[] =
	"SELECT cl.code, c.child_ref, g.description, g.photo_ref, g.health,"
	" g.associates, g.places, g.updated_at FROM grab_pack g"
	" JOIN child c ON c.id = g.child_id JOIN la cl ON cl.id = c.la_id"
	" WHERE g.child_id = :child";

static const char child_id_sql[] =
	"SELECT c.id FROM child c JOIN la cl ON cl.id = c.la_id"
	" WHERE cl.code = :c_la AND c.child_ref = :c_ref";
static const char episode_at_sql[] =
	"SELECT id FROM mfc_episode WHERE child_id = :child"
	" AND started_at = :started ORDER BY id LIMIT 1";
static const char home_known_sql[] =
	"SELECT 1 FROM home WHERE urn = :urn";
static const char each_sql[] =
	EP_COLS EP_FROM " WHERE cl.code = :c_la AND e.started_at >= :from"
	" AND e.started_at < :to ORDER BY c.child_ref, e.started_at, e.id";

/* ---- helpers ------------------------------------------------------------ */

static struct sql_stmt *prep(struct sql *db, const char *sql, struct err *err)
{
	return sql_cached(db, sql, err);
}

static void episode_from_row(struct sql_stmt *s, int32_t today,
			     struct mfc_episode *e)
{
	char word[16];
	int32_t dob;

	mfc_episode_init(e);
	e->id = sql_col_int(s, EC_ID);
	e->child_id = sql_col_int(s, EC_CHILD_ID);
	sql_col_text(s, EC_LA, e->la, sizeof(e->la));
	sql_col_text(s, EC_REF, e->ref, sizeof(e->ref));
	dob = sql_col_date(s, EC_DOB);
	if (dob != DATE_NONE && today != DATE_NONE && dob <= today)
		e->age = date_age_years(dob, today);
	sql_col_text(s, EC_KIND, e->kind, sizeof(e->kind));
	sql_col_text(s, EC_URN, e->urn, sizeof(e->urn));
	sql_col_text(s, EC_HOME, e->home_name, sizeof(e->home_name));
	e->started_at = sql_col_time(s, EC_STARTED);
	e->last_seen_at = sql_col_time(s, EC_LAST_SEEN);
	sql_col_text(s, EC_LAST_PLACE, e->last_seen_place,
		    sizeof(e->last_seen_place));
	sql_col_text(s, EC_CIRC, e->circumstances, sizeof(e->circumstances));
	sql_col_text(s, EC_ACTIONS, e->home_actions, sizeof(e->home_actions));
	e->exploitation = sql_col_int(s, EC_EXPLOIT) != 0;
	sql_col_text(s, EC_ASSOC, e->associates, sizeof(e->associates));
	sql_col_text(s, EC_LOCATIONS, e->locations, sizeof(e->locations));
	sql_col_text(s, EC_HEALTH, e->health_needs, sizeof(e->health_needs));
	e->reported_at = sql_col_time(s, EC_REPORTED);
	sql_col_text(s, EC_POLICE_REF, e->police_ref, sizeof(e->police_ref));
	sql_col_text(s, EC_GRADE, word, sizeof(word));
	if (mfc_grade_parse(word, &e->grade))
		e->grade = MFC_GRADE_UNSET;
	e->graded_at = sql_col_time(s, EC_GRADED);
	e->returned_at = sql_col_time(s, EC_RETURNED);
	sql_col_text(s, EC_RETURNED_PLACE, e->returned_place,
		    sizeof(e->returned_place));
	e->arrested = sql_col_int(s, EC_ARRESTED) != 0;
	e->charged = sql_col_int(s, EC_CHARGED) != 0;
	e->ri_offered_at = sql_col_time(s, EC_RI_OFFERED);
	e->ri_held_at = sql_col_time(s, EC_RI_HELD);
	sql_col_text(s, EC_RI_BY, e->ri_by, sizeof(e->ri_by));
	e->ri_independent = sql_col_opt_int(s, EC_RI_INDEP);
	sql_col_text(s, EC_RI_OUTCOME, word, sizeof(word));
	if (mfc_outcome_parse(word, &e->ri_outcome))
		e->ri_outcome = MFC_OUTCOME_UNSET;
	sql_col_text(s, EC_RI_SUMMARY, e->ri_summary, sizeof(e->ri_summary));
	e->updated_at = sql_col_time(s, EC_UPDATED);
}

/* Bind every writable column of e. */
static void bind_episode(struct sql_stmt *s, const struct mfc_episode *e)
{
	sql_bind_name_id(s, ":id", e->id);
	sql_bind_name_id(s, ":child", e->child_id);
	sql_bind_name_text(s, ":kind", e->kind);
	sql_bind_name_text(s, ":urn", e->urn);
	sql_bind_name_time(s, ":started", e->started_at);
	sql_bind_name_time(s, ":last_seen", e->last_seen_at);
	sql_bind_name_str(s, ":last_place", e->last_seen_place);
	sql_bind_name_str(s, ":circ", e->circumstances);
	sql_bind_name_str(s, ":actions", e->home_actions);
	sql_bind_name_int(s, ":exploit", e->exploitation);
	sql_bind_name_str(s, ":assoc", e->associates);
	sql_bind_name_str(s, ":locations", e->locations);
	sql_bind_name_str(s, ":health", e->health_needs);
	sql_bind_name_str(s, ":police_ref", e->police_ref);
	sql_bind_name_text(s, ":grade", mfc_grade_name(e->grade));
	sql_bind_name_time(s, ":returned", e->returned_at);
	sql_bind_name_str(s, ":returned_place", e->returned_place);
	sql_bind_name_int(s, ":arrested", e->arrested);
	sql_bind_name_int(s, ":charged", e->charged);
	sql_bind_name_time(s, ":ri_offered", e->ri_offered_at);
	sql_bind_name_time(s, ":ri_held", e->ri_held_at);
	sql_bind_name_str(s, ":ri_by", e->ri_by);
	if (e->ri_independent >= 0)
		sql_bind_name_int(s, ":ri_indep", e->ri_independent);
	else
		sql_bind_name_text(s, ":ri_indep", NULL);
	sql_bind_name_text(s, ":ri_outcome", mfc_outcome_name(e->ri_outcome));
	sql_bind_name_str(s, ":ri_summary", e->ri_summary);
}

/* ---- writes ------------------------------------------------------------- */

int db_mfc_place(struct sql *db, const struct viewer *v, const char *la,
		 const char *ref, int64_t *child_id, char *urn,
		 struct err *err)
{
	struct sql_stmt *s = prep(db, place_sql, err);
	int rc;

	if (!s)
		return ERR_STORE;
	db_bind_viewer(s, v);
	sql_bind_name_text(s, ":c_la", la);
	sql_bind_name_text(s, ":c_ref", ref);
	rc = sql_step(s);
	if (rc == SQL_ROW && sql_col_null(s, 0)) {
		rc = ERR_NOT_FOUND;	/* no such child (CHILD_FIND) */
	} else if (rc == SQL_ROW) {
		*child_id = sql_col_int(s, 0);
		sql_col_text(s, 1, urn, S903_URN_MAX + 1);
		rc = 0;
	} else {
		rc = rc == SQL_DONE ? ERR_NOT_FOUND :
					 sql_fail(db, err, "placement");
	}
	sql_reset(s);
	return rc;
}

int db_mfc_insert(struct sql *db, const struct mfc_episode *e, int64_t user_id,
		  int64_t now_ms, int64_t *id, struct err *err)
{
	struct sql_stmt *s = prep(db, insert_sql, err);
	int rc;

	if (!s)
		return ERR_STORE;
	bind_episode(s, e);
	sql_bind_name_id(s, ":user", user_id);
	sql_bind_name_time(s, ":now", now_ms);
	rc = sql_step(s);
	if (rc == SQL_ROW) {
		*id = sql_col_int(s, 0);
		rc = 0;
	} else {
		rc = sql_fail(db, err, "missing episode");
	}
	sql_reset(s);
	return rc;
}

int db_mfc_find(struct sql *db, const struct viewer *v, int64_t id, bool write,
		bool *exists, bool *allowed, struct mfc_episode *out,
		struct err *err)
{
	struct sql_stmt *s = prep(db, (write ? ep_find_w_sql :
					      ep_find_sql)[v->access], err);
	int rc;

	*exists = *allowed = false;
	if (!s)
		return ERR_STORE;
	db_bind_viewer(s, v);
	sql_bind_name_int(s, ":id", id);
	rc = sql_step(s);
	if (rc == SQL_ROW) {
		*exists = true;
		*allowed = sql_col_int(s, EC_N) != 0;
		episode_from_row(s, v->today, out);
		rc = 0;
	} else {
		rc = rc == SQL_DONE ? ERR_NOT_FOUND :
					 sql_fail(db, err, "episode");
	}
	sql_reset(s);
	return rc;
}

int db_mfc_write(struct sql *db, int op, const struct mfc_episode *e,
		 int64_t user_id, int64_t now_ms, struct err *err)
{
	const char *sql = op == MFC_OP_HOME      ? update_home_sql :
			  op == MFC_OP_POLICE    ? update_police_sql :
			  op == MFC_OP_RETURN    ? update_return_sql :
			  op == MFC_OP_INTERVIEW ? update_interview_sql :
						   NULL;
	struct sql_stmt *s;
	int rc;

	if (!sql)
		BUG("mfc_write: no operation %d", op);
	s = prep(db, sql, err);
	if (!s)
		return ERR_STORE;
	bind_episode(s, e);
	sql_bind_name_id(s, ":user", user_id);
	sql_bind_name_time(s, ":now", now_ms);
	rc = sql_step(s);
	rc = rc == SQL_DONE ? 0 : sql_fail(db, err, "episode");
	sql_reset(s);
	return rc;
}

int db_mfc_meeting_insert(struct sql *db, const struct mfc_meeting *m,
			  int64_t user_id, int64_t now_ms, int64_t *id,
			  struct err *err)
{
	struct sql_stmt *s = prep(db, meeting_insert_sql, err);
	int rc;

	if (!s)
		return ERR_STORE;
	sql_bind_name_id(s, ":child", m->child_id);
	sql_bind_name_id(s, ":episode", m->episode_id);
	sql_bind_name_date(s, ":held", m->held_on);
	sql_bind_name_str(s, ":agencies", m->agencies);
	sql_bind_name_str(s, ":decisions", m->decisions);
	sql_bind_name_date(s, ":review", m->safety_plan_review_on);
	sql_bind_name_id(s, ":user", user_id);
	sql_bind_name_time(s, ":now", now_ms);
	rc = sql_step(s);
	if (rc == SQL_ROW) {
		*id = sql_col_int(s, 0);
		rc = 0;
	} else if (rc == SQL_DONE) {
		rc = err_set(err, ERR_NOT_FOUND, "the child has no missing "
			     "episode %lld", (long long)m->episode_id);
	} else {
		rc = sql_fail(db, err, "strategy meeting");
	}
	sql_reset(s);
	return rc;
}

int db_grab_pack_put(struct sql *db, int64_t child_id, const struct grab_pack *g,
		     int64_t user_id, int64_t now_ms, struct err *err)
{
	struct sql_stmt *s = prep(db, grab_put_sql, err);
	int rc;

	if (!s)
		return ERR_STORE;
	sql_bind_name_id(s, ":child", child_id);
	sql_bind_name_str(s, ":description", g->description);
	sql_bind_name_str(s, ":photo", g->photo_ref);
	sql_bind_name_str(s, ":health", g->health);
	sql_bind_name_str(s, ":assoc", g->associates);
	sql_bind_name_str(s, ":places", g->places);
	sql_bind_name_id(s, ":user", user_id);
	sql_bind_name_time(s, ":now", now_ms);
	rc = sql_step(s);
	rc = rc == SQL_DONE ? 0 : sql_fail(db, err,
					    "grab pack");
	sql_reset(s);
	return rc;
}

/* ---- reads -------------------------------------------------------------- */

int db_grab_pack_get(struct sql *db, int64_t child_id, struct grab_pack *out,
		     struct err *err)
{
	struct sql_stmt *s = prep(db, grab_get_sql, err);
	int rc;

	if (!s)
		return ERR_STORE;
	sql_bind_name_id(s, ":child", child_id);
	rc = sql_step(s);
	if (rc == SQL_ROW) {
		memset(out, 0, sizeof(*out));
		sql_col_text(s, 0, out->la, sizeof(out->la));
		sql_col_text(s, 1, out->ref, sizeof(out->ref));
		sql_col_text(s, 2, out->description, sizeof(out->description));
		sql_col_text(s, 3, out->photo_ref, sizeof(out->photo_ref));
		sql_col_text(s, 4, out->health, sizeof(out->health));
		sql_col_text(s, 5, out->associates, sizeof(out->associates));
		sql_col_text(s, 6, out->places, sizeof(out->places));
		out->updated_at = sql_col_time(s, 7);
		rc = 0;
	} else {
		rc = rc == SQL_DONE ? ERR_NOT_FOUND :
					 sql_fail(db, err, "grab pack");
	}
	sql_reset(s);
	return rc;
}

int db_mfc_child_find(struct sql *db, const struct viewer *v, const char *la,
		      const char *ref, int64_t *child_id, unsigned *scope,
		      struct err *err)
{
	struct sql_stmt *s = prep(db, child_find_sql[v->access], err);
	int rc;

	*scope = 0;
	if (!s)
		return ERR_STORE;
	db_bind_viewer(s, v);
	sql_bind_name_text(s, ":c_la", la);
	sql_bind_name_text(s, ":c_ref", ref);
	rc = sql_step(s);
	if (rc == SQL_ROW && sql_col_null(s, 0)) {
		rc = ERR_NOT_FOUND;	/* no such child (CHILD_FIND) */
	} else if (rc == SQL_ROW) {
		*child_id = sql_col_int(s, 0);
		if (sql_col_int(s, 1))
			*scope |= MFC_SCOPE_CHILD;
		if (sql_col_int(s, 2))
			*scope |= MFC_SCOPE_GRAB_READ;
		if (sql_col_int(s, 3))
			*scope |= MFC_SCOPE_PLACED;
		rc = 0;
	} else {
		rc = rc == SQL_DONE ? ERR_NOT_FOUND :
					 sql_fail(db, err, "child");
	}
	sql_reset(s);
	return rc;
}

int db_mfc_child_rows(struct sql *db, const struct viewer *v, int64_t child_id,
		      struct mfc_chronology *out, struct err *err)
{
	size_t alloc_e = 0, alloc_m = 0, n = 0;
	struct sql_stmt *s = prep(db, child_episodes_sql[v->access], err);
	int rc;

	if (!s)
		return ERR_STORE;
	db_bind_viewer(s, v);
	sql_bind_name_int(s, ":id", child_id);
	sql_bind_name_int(s, ":limit", STORE_RECORD_ROWS_MAX + 1);
	while ((rc = sql_step(s)) == SQL_ROW) {
		if (n++ == STORE_RECORD_ROWS_MAX) {
			out->truncated = true;
			break;
		}
		ALLOC_GROW(out->episodes, out->nepisodes + 1, alloc_e);
		episode_from_row(s, v->today,
				 &out->episodes[out->nepisodes++]);
	}
	rc = rc == SQL_DONE || rc == SQL_ROW ?
		     0 :
		     sql_fail(db, err, "episodes");
	sql_reset(s);
	if (rc)
		return rc;

	s = prep(db, child_meetings_sql[v->access], err);
	if (!s)
		return ERR_STORE;
	db_bind_viewer(s, v);
	sql_bind_name_int(s, ":id", child_id);
	sql_bind_name_int(s, ":limit", STORE_RECORD_ROWS_MAX + 1);
	n = 0;
	while ((rc = sql_step(s)) == SQL_ROW) {
		struct mfc_meeting *m;

		if (n++ == STORE_RECORD_ROWS_MAX) {
			out->truncated = true;
			break;
		}
		ALLOC_GROW(out->meetings, out->nmeetings + 1, alloc_m);
		m = &out->meetings[out->nmeetings++];
		mfc_meeting_init(m);
		m->id = sql_col_int(s, 0);
		m->child_id = sql_col_int(s, 1);
		sql_col_text(s, 2, m->la, sizeof(m->la));
		sql_col_text(s, 3, m->ref, sizeof(m->ref));
		m->episode_id = sql_col_int(s, 4);
		m->held_on = sql_col_date(s, 5);
		sql_col_text(s, 6, m->agencies, sizeof(m->agencies));
		sql_col_text(s, 7, m->decisions, sizeof(m->decisions));
		m->safety_plan_review_on = sql_col_date(s, 8);
		m->recorded_at = sql_col_time(s, 9);
	}
	rc = rc == SQL_DONE || rc == SQL_ROW ?
		     0 :
		     sql_fail(db, err, "strategy meetings");
	sql_reset(s);
	return rc;
}

static void bind_attn_filter(struct sql_stmt *s, const struct mfc_filter *f)
{
	sql_bind_name_text(s, ":f_la", f->la);
	sql_bind_name_text(s, ":f_urn", f->urn);
	sql_bind_name_int(s, ":due", (int64_t)f->due);
	sql_bind_name_int(s, ":order", f->by_risk ? 1 : 0);
	sql_bind_name_time(s, ":since", f->since_ms > 0 ? f->since_ms : 1);
}

int db_mfc_attention(struct sql *db, const struct viewer *v,
		     const struct mfc_filter *f,
		     struct mfc_attention_page *out, struct err *err)
{
	struct sql_stmt *s = prep(db, attn_count_sql[v->access], err);
	int rc;

	if (!s)
		return ERR_STORE;
	db_bind_viewer(s, v);
	bind_attn_filter(s, f);
	rc = sql_step(s);
	if (rc == SQL_ROW) {
		out->total = (long)sql_col_int(s, 0);
		rc = 0;
	} else {
		rc = sql_fail(db, err, "count");
	}
	sql_reset(s);
	if (rc || out->page * out->page_size >= out->total)
		return rc;

	s = prep(db, attn_page_sql[v->access], err);
	if (!s)
		return ERR_STORE;
	db_bind_viewer(s, v);
	bind_attn_filter(s, f);
	sql_bind_name_int(s, ":limit", out->page_size);
	sql_bind_name_int(s, ":offset", out->page * out->page_size);
	while ((rc = sql_step(s)) == SQL_ROW &&
	       out->n < (size_t)out->page_size) {
		struct mfc_attention_row *r = &out->rows[out->n++];
		char word[16];
		int32_t dob;

		memset(r, 0, sizeof(*r));
		r->id = sql_col_int(s, 0);
		sql_col_text(s, 1, r->la, sizeof(r->la));
		sql_col_text(s, 2, r->ref, sizeof(r->ref));
		dob = sql_col_date(s, 3);
		r->age = dob != DATE_NONE && dob <= v->today ?
				 date_age_years(dob, v->today) :
				 -1;
		sql_col_text(s, 4, r->kind, sizeof(r->kind));
		sql_col_text(s, 5, r->urn, sizeof(r->urn));
		sql_col_text(s, 6, r->home_name, sizeof(r->home_name));
		r->started_at = sql_col_time(s, 7);
		r->hours_missing = r->started_at && v->now_ms > r->started_at ?
					   (long)((v->now_ms - r->started_at) /
						  3600000) :
					   0;
		sql_col_text(s, 8, word, sizeof(word));
		if (mfc_grade_parse(word, &r->grade))
			r->grade = MFC_GRADE_UNSET;
		sql_col_text(s, 9, r->police_ref, sizeof(r->police_ref));
		r->exploitation = sql_col_int(s, 10) != 0;
		r->returned_at = sql_col_time(s, 11);
		r->ri_offered_at = sql_col_time(s, 12);
		r->report_incomplete = sql_col_int(s, 13) != 0;
	}
	rc = rc == SQL_DONE || rc == SQL_ROW ?
		     0 :
		     sql_fail(db, err, "missing episodes");
	sql_reset(s);
	return rc;
}

/* ---- unscoped: import and export ---------------------------------------- */

int db_mfc_child_id(struct sql *db, const char *la, const char *ref, int64_t *id,
		    struct err *err)
{
	struct sql_stmt *s = prep(db, child_id_sql, err);
	int rc;

	if (!s)
		return ERR_STORE;
	sql_bind_name_text(s, ":c_la", la);
	sql_bind_name_text(s, ":c_ref", ref);
	rc = sql_step(s);
	if (rc == SQL_ROW) {
		*id = sql_col_int(s, 0);
		rc = 0;
	} else {
		rc = rc == SQL_DONE ? ERR_NOT_FOUND :
					 sql_fail(db, err, "child");
	}
	sql_reset(s);
	return rc;
}

int db_mfc_episode_at(struct sql *db, int64_t child_id, int64_t started_at,
		      int64_t *id, struct err *err)
{
	struct sql_stmt *s = prep(db, episode_at_sql, err);
	int rc;

	if (!s)
		return ERR_STORE;
	sql_bind_name_id(s, ":child", child_id);
	sql_bind_name_time(s, ":started", started_at);
	rc = sql_step(s);
	if (rc == SQL_ROW) {
		*id = sql_col_int(s, 0);
		rc = 0;
	} else {
		rc = rc == SQL_DONE ? ERR_NOT_FOUND :
					 sql_fail(db, err, "episode");
	}
	sql_reset(s);
	return rc;
}

int db_mfc_home_known(struct sql *db, const char *urn, bool *known,
		      struct err *err)
{
	struct sql_stmt *s = prep(db, home_known_sql, err);
	int rc;

	if (!s)
		return ERR_STORE;
	sql_bind_name_text(s, ":urn", urn);
	rc = sql_step(s);
	*known = rc == SQL_ROW;
	rc = rc == SQL_ROW || rc == SQL_DONE ?
		     0 :
		     sql_fail(db, err, "home");
	sql_reset(s);
	return rc;
}

int db_mfc_each(struct sql *db, const char *la, int64_t from_ms, int64_t to_ms,
		store_mfc_fn *fn, void *ctx, struct err *err)
{
	struct sql_stmt *s = prep(db, each_sql, err);
	struct mfc_episode *e;
	int rc, cb = 0;

	if (!s)
		return ERR_STORE;
	e = xmalloc(sizeof(*e));
	sql_bind_name_text(s, ":c_la", la);
	sql_bind_name_time(s, ":from", from_ms);
	sql_bind_name_time(s, ":to", to_ms);
	while ((rc = sql_step(s)) == SQL_ROW) {
		episode_from_row(s, DATE_NONE, e);
		cb = fn(e, ctx);
		if (cb)
			break;
	}
	rc = cb ? cb :
	     rc == SQL_DONE || rc == SQL_ROW ?
		  0 :
		  sql_fail(db, err, "episodes");
	sql_reset(s);
	free(e);
	return rc;
}
