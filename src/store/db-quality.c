/*
 * db-quality.c: the quality of care in SQL (store-quality.h, issue 13;
 * docs/inspections.md): inspections and their findings, notifications,
 * the recommendations register and its follow-up, home views, and which
 * councils place children at a home.
 *
 * Unscoped: store-quality.c checks the arguments and keeps the
 * transactions, the service (quality/service.c) decides who may do what.
 * Days are ISO dates and instants store_time_fmt()'s text, as elsewhere;
 * the code words are the domain's (src/domain/quality.c), which the
 * CHECKs of migration 13 repeat.
 */
#include "base/compat.h"
#include "base/parse.h"
#include "base/xalloc.h"
#include "store/db.h"
#include "store/db-scope.h"

/* ---- statements --------------------------------------------------------- */

#define INSP_COLS                                                        \
	"SELECT i.id, i.urn, i.start_on, i.end_on, i.type, i.inspectors,"  \
	" i.r_wellbeing, i.r_care_support, i.r_environment,"              \
	" i.r_leadership, i.summary, i.recorded_at, i.recorded_by"        \
	" FROM inspection i"
static const char insp_load_sql[] =
	INSP_COLS " WHERE :urn IS NULL OR i.urn = :urn"
	" ORDER BY i.urn, i.start_on, i.id";
static const char insp_get_sql[] = INSP_COLS " WHERE i.id = :id";
static const char insp_key_sql[] =
	"SELECT id FROM inspection WHERE urn = :urn AND start_on = :start"
	" AND type = :type";
static const char insp_insert_sql[] =
	"INSERT INTO inspection (urn, start_on, end_on, type, inspectors,"
	" r_wellbeing, r_care_support, r_environment, r_leadership, summary,"
	" recorded_at, recorded_by) VALUES (:urn, :start, :end, :type,"
	" :inspectors, :r0, :r1, :r2, :r3, :summary, :at, :by) RETURNING id";
static const char insp_update_sql[] =
	"UPDATE inspection SET end_on = :end, inspectors = :inspectors,"
	" r_wellbeing = :r0, r_care_support = :r1, r_environment = :r2,"
	" r_leadership = :r3, summary = :summary, recorded_at = :at,"
	" recorded_by = :by WHERE id = :id";

#define FIND_COLS                                                        \
	"SELECT f.id, f.inspection_id, i.urn, f.kind, f.regulation, f.text," \
	" f.due_on, f.status, f.judged_on, f.judged_inspection_id,"       \
	" f.repeats_id, f.response, f.response_target_on, f.responded_at," \
	" f.responded_by FROM finding f"                                  \
	" JOIN inspection i ON i.id = f.inspection_id"
static const char find_load_sql[] =
	FIND_COLS " WHERE :urn IS NULL OR i.urn = :urn"
	" ORDER BY f.inspection_id, f.id";
static const char find_of_sql[] =
	FIND_COLS " WHERE f.inspection_id = :id ORDER BY f.id";
static const char find_get_sql[] = FIND_COLS " WHERE f.id = :id";
static const char find_insert_sql[] =
	"INSERT INTO finding (inspection_id, kind, regulation, text, due_on,"
	" status, judged_on, judged_inspection_id, repeats_id, response,"
	" response_target_on, responded_at, responded_by) VALUES (:insp,"
	" :kind, :reg, :text, :due, :status, :judged_on, :judged_insp,"
	" :repeats, :response, :target, :responded_at, :responded_by)"
	" RETURNING id";
/* What other rows say of an inspection's findings goes before they do
 * (SQLite's foreign keys are not enforced, PostgreSQL's are). */
static const char find_unlink_sql[] =
	"UPDATE finding SET repeats_id = NULL WHERE repeats_id IN"
	" (SELECT id FROM finding WHERE inspection_id = :id)";
static const char find_delete_sql[] =
	"DELETE FROM finding WHERE inspection_id = :id";
static const char find_repeats_sql[] =
	"UPDATE finding SET repeats_id = :repeats WHERE id = :id";
static const char find_respond_sql[] =
	"UPDATE finding SET response = :response,"
	" response_target_on = :target, responded_at = :at,"
	" responded_by = :by, status = CASE status WHEN 'open'"
	" THEN 'responded' ELSE status END WHERE id = :id";
static const char find_judge_sql[] =
	"UPDATE finding SET status = :status, judged_on = :on,"
	" judged_inspection_id = :insp WHERE id = :id";

#define NOTIF_COLS                                                       \
	"SELECT n.id, n.urn, n.category, n.occurred_at, cl.code,"         \
	" c.child_ref, n.episode_id, n.summary, n.action, n.filed_at,"    \
	" n.filed_by FROM notification n"                                 \
	" LEFT JOIN child c ON c.id = n.child_id"                         \
	" LEFT JOIN la cl ON cl.id = c.la_id"
static const char notif_load_sql[] =
	NOTIF_COLS " WHERE :urn IS NULL OR n.urn = :urn"
	" ORDER BY n.occurred_at, n.id";
static const char notif_get_sql[] = NOTIF_COLS " WHERE n.id = :id";
static const char notif_insert_sql[] =
	"INSERT INTO notification (urn, category, occurred_at, child_id,"
	" episode_id, summary, action, filed_at, filed_by) VALUES (:urn,"
	" :category, :occurred, :child, :episode, :summary, :action, :at,"
	" :by) RETURNING id";

static const char rec_load_sql[] =
	"SELECT id, code, source, source_title, made_on, theme, text_en,"
	" text_cy, all_councils FROM recommendation ORDER BY id";
static const char rec_insert_sql[] =
	"INSERT INTO recommendation (code, source, source_title, made_on,"
	" theme, text_en, text_cy, all_councils) VALUES (:code, :source,"
	" :title, :made, :theme, :en, :cy, :all) RETURNING id";
static const char rec_known_sql[] =
	"SELECT 1 FROM recommendation WHERE id = :id";
static const char repeat_load_sql[] =
	"SELECT rec_id, earlier_id FROM rec_repeat ORDER BY rec_id, earlier_id";
static const char repeat_insert_sql[] =
	"INSERT INTO rec_repeat (rec_id, earlier_id) VALUES (:rec, :earlier)";

/* The organisation's name: a council's from the geography (its
 * organisation is made only when its first user is), another's from
 * its organisation, a provider's is its code. */
#define ADDR_COLS                                                        \
	"SELECT a.id, a.rec_id, a.kind, a.code, a.status, a.verdict,"      \
	" a.verdict_reason, a.verdict_on, a.verdict_by, a.last_update_at," \
	" COALESCE(la.name_en, o.name_en, ''),"                            \
	" COALESCE(NULLIF(la.name_cy, ''), la.name_en, NULLIF(o.name_cy,"  \
	" ''), o.name_en, '') FROM rec_addressee a"                        \
	" LEFT JOIN la ON a.kind = 'council' AND la.code = a.code"          \
	" LEFT JOIN org o ON a.kind NOT IN ('council', 'provider')"        \
	" AND o.kind = a.kind AND o.code = a.code"
static const char addr_load_sql[] =
	ADDR_COLS " ORDER BY a.rec_id, a.kind, a.code";
static const char addr_get_sql[] = ADDR_COLS " WHERE a.id = :id";
static const char addr_insert_sql[] =
	"INSERT INTO rec_addressee (rec_id, kind, code) VALUES (:rec, :kind,"
	" :code) RETURNING id";
/* An update sets the addressee's own status; a verdict on "done" goes
 * when the status is no longer done. */
static const char addr_status_sql[] =
	"UPDATE rec_addressee SET status = :status, last_update_at = :at,"
	" verdict = CASE WHEN :status = 'done' THEN verdict ELSE '' END,"
	" verdict_reason = CASE WHEN :status = 'done' THEN verdict_reason"
	" ELSE '' END, verdict_on = CASE WHEN :status = 'done'"
	" THEN verdict_on ELSE NULL END, verdict_by = CASE WHEN"
	" :status = 'done' THEN verdict_by ELSE '' END WHERE id = :id";
static const char addr_verdict_sql[] =
	"UPDATE rec_addressee SET verdict = :verdict, verdict_reason = :reason,"
	" verdict_on = :on, verdict_by = :by WHERE id = :id";

#define ACTION_COLS                                                      \
	"SELECT id, addressee_id, what, who, target_on, done_on,"          \
	" recorded_at, recorded_by FROM rec_action"
static const char action_load_sql[] = ACTION_COLS " ORDER BY addressee_id, id";
static const char action_get_sql[] = ACTION_COLS " WHERE id = :id";
static const char action_insert_sql[] =
	"INSERT INTO rec_action (addressee_id, what, who, target_on, done_on,"
	" recorded_at, recorded_by) VALUES (:addr, :what, :who, :target,"
	" :done, :at, :by) RETURNING id";
static const char action_done_sql[] =
	"UPDATE rec_action SET done_on = :done WHERE id = :id";

static const char update_load_sql[] =
	"SELECT id, addressee_id, at, author, note, status FROM rec_update"
	" ORDER BY addressee_id, at, id";
static const char update_insert_sql[] =
	"INSERT INTO rec_update (addressee_id, at, author, note, status)"
	" VALUES (:addr, :at, :by, :note, :status) RETURNING id";

static const char view_load_sql[] =
	"SELECT kind, code, urn, at FROM home_view"
	" WHERE :urn IS NULL OR urn = :urn ORDER BY urn, kind, code";
static const char view_put_sql[] =
	"INSERT INTO home_view (urn, kind, code, at) VALUES (:urn, :kind,"
	" :code, :at) ON CONFLICT (urn, kind, code) DO UPDATE SET at = :at"
	" WHERE home_view.at < :at";

/*
 * Council :la places a child at home :urn: an SSDA903 episode there
 * that began by :today and ended on or after :cutoff (or has not, for a
 * child under 18 then), or a live missing episode from the home open
 * or returned since :cutoff (the rule of a home's full postcode,
 * docs/access.md).
 */
static const char council_places_sql[] =
	"SELECT CASE WHEN EXISTS (SELECT 1 FROM episode_merged x"
	" JOIN child c ON c.id = x.child_id JOIN la cl ON cl.id = c.la_id"
	" WHERE x.urn = :urn AND cl.code = :c_la AND x.decom <= :today"
	" AND (x.end_eff >= :cutoff OR (x.end_eff IS NULL"
	" AND c.dob > :cutoff_adult_born)))"
	" OR EXISTS (SELECT 1 FROM mfc_episode e"
	" JOIN child c ON c.id = e.child_id JOIN la cl ON cl.id = c.la_id"
	" WHERE e.urn = :urn AND cl.code = :c_la"
	" AND (e.returned_at IS NULL OR e.returned_at >= :cutoff))"
	" THEN 1 ELSE 0 END";
/* The same for child la/ref (NULL id: no such child). */
static const char child_at_sql[] =
	"SELECT c.id, CASE WHEN EXISTS (SELECT 1 FROM episode_merged x"
	" WHERE x.child_id = c.id AND x.urn = :urn AND x.decom <= :today"
	" AND (x.end_eff >= :cutoff OR (x.end_eff IS NULL"
	" AND c.dob > :cutoff_adult_born)))"
	" OR EXISTS (SELECT 1 FROM mfc_episode e WHERE e.child_id = c.id"
	" AND e.urn = :urn AND (e.returned_at IS NULL"
	" OR e.returned_at >= :cutoff)) THEN 1 ELSE 0 END"
	" FROM (SELECT 1) AS one LEFT JOIN (child c JOIN la cl"
	" ON cl.id = c.la_id) ON cl.code = :c_la AND c.child_ref = :c_ref";
static const char home_of_sql[] =
	"SELECT p.name, l.council_code FROM home h"
	" JOIN provider p ON p.id = h.provider_id JOIN la l ON l.id = h.la_id"
	" WHERE h.urn = :urn";
static const char placing_councils_sql[] =
	"SELECT cl.code, count(DISTINCT c.id) FROM episode_merged x"
	" JOIN child c ON c.id = x.child_id JOIN la cl ON cl.id = c.la_id"
	" WHERE x.urn = :urn AND " EP_OPEN_ON("x", ":today")
	" AND " UNDER_18_TODAY("c") " GROUP BY cl.code ORDER BY cl.code";

/* ---- helpers ------------------------------------------------------------ */

static struct sql_stmt *prep(struct sql *db, const char *sql, struct err *err)
{
	return sql_cached(db, sql, err);
}

/* The domain's code words back to their enums (a word the CHECKs let
 * through is one of them; anything else reads as the first). */
static int rating_of(const char *s)
{
	for (int r = 0; r < Q_NRATINGS; r++)
		if (!strcmp(q_rating_code((enum q_rating)r), s))
			return r;
	return Q_NOT_RATED;
}

static int insp_type_of(const char *s)
{
	for (int t = 0; t < Q_NTYPES; t++)
		if (!strcmp(q_insp_type_code((enum q_insp_type)t), s))
			return t;
	return Q_FULL;
}

static int finding_kind_of(const char *s)
{
	for (int k = 0; k < Q_NKINDS; k++)
		if (!strcmp(q_finding_kind_code((enum q_finding_kind)k), s))
			return k;
	return Q_AREA_FOR_IMPROVEMENT;
}

static int finding_status_of(const char *s)
{
	for (int k = 0; k < Q_NSTATUSES; k++)
		if (!strcmp(q_finding_status_code((enum q_finding_status)k),
			    s))
			return k;
	return Q_OPEN;
}

static int rec_source_of(const char *s)
{
	for (int k = 0; k < REC_NSOURCES; k++)
		if (!strcmp(rec_source_code((enum rec_source)k), s))
			return k;
	return REC_NATIONAL_REVIEW;
}

static int rec_status_of(const char *s)
{
	for (int k = 0; k < REC_NSTATUSES; k++)
		if (!strcmp(rec_status_code((enum rec_status)k), s))
			return k;
	return REC_NOT_STARTED;
}

static int rec_verdict_of(const char *s)
{
	for (int k = 0; k < REC_NVERDICTS; k++)
		if (!strcmp(rec_verdict_code((enum rec_verdict)k), s))
			return k;
	return REC_VERDICT_NONE;
}

static enum org_kind org_kind_of(const char *s)
{
	enum org_kind k = ORG_INSPECTORATE;

	if (org_kind_parse(s, &k))
		k = ORG_INSPECTORATE;
	return k;
}

/* Step s to its end, each row through fn(s, row, ctx) into a grown
 * array; rows is the array, n its count. */
#define READ_ROWS(db, s, rows, n, alloc, from_row, what)                 \
	do {                                                              \
		while ((rc = sql_step(s)) == SQL_ROW) {                   \
			ALLOC_GROW(rows, n + 1, alloc);                   \
			from_row(s, &(rows)[(n)++]);                      \
		}                                                         \
		rc = rc == SQL_DONE ? 0 : sql_fail(db, err, what);        \
		sql_reset(s);                                             \
	} while (0)

static void insp_from_row(struct sql_stmt *s, struct q_inspection *i)
{
	char w[32];

	q_inspection_init(i);
	i->id = sql_col_int(s, 0);
	sql_col_text(s, 1, i->urn, sizeof(i->urn));
	i->start_on = sql_col_date(s, 2);
	i->end_on = sql_col_date(s, 3);
	sql_col_text(s, 4, w, sizeof(w));
	i->type = (enum q_insp_type)insp_type_of(w);
	sql_col_text(s, 5, i->inspectors, sizeof(i->inspectors));
	for (int t = 0; t < Q_NTHEMES; t++) {
		sql_col_text(s, 6 + t, w, sizeof(w));
		i->rating[t] = (enum q_rating)rating_of(w);
	}
	sql_col_text(s, 10, i->summary, sizeof(i->summary));
	i->recorded_at = sql_col_time(s, 11);
	sql_col_text(s, 12, i->recorded_by, sizeof(i->recorded_by));
}

static void finding_from_row(struct sql_stmt *s, struct q_finding *f)
{
	char w[32];

	q_finding_init(f);
	f->id = sql_col_int(s, 0);
	f->inspection_id = sql_col_int(s, 1);
	sql_col_text(s, 2, f->urn, sizeof(f->urn));
	sql_col_text(s, 3, w, sizeof(w));
	f->kind = (enum q_finding_kind)finding_kind_of(w);
	sql_col_text(s, 4, f->regulation, sizeof(f->regulation));
	sql_col_text(s, 5, f->text, sizeof(f->text));
	f->due_on = sql_col_date(s, 6);
	sql_col_text(s, 7, w, sizeof(w));
	f->status = (enum q_finding_status)finding_status_of(w);
	f->judged_on = sql_col_date(s, 8);
	f->judged_inspection_id = sql_col_null(s, 9) ? 0 : sql_col_int(s, 9);
	f->repeats_id = sql_col_null(s, 10) ? 0 : sql_col_int(s, 10);
	sql_col_text(s, 11, f->response, sizeof(f->response));
	f->response_target_on = sql_col_date(s, 12);
	f->responded_at = sql_col_time(s, 13);
	sql_col_text(s, 14, f->responded_by, sizeof(f->responded_by));
}

static void notif_from_row(struct sql_stmt *s, struct q_notification *n)
{
	q_notification_init(n);
	n->id = sql_col_int(s, 0);
	sql_col_text(s, 1, n->urn, sizeof(n->urn));
	sql_col_text(s, 2, n->category, sizeof(n->category));
	n->occurred_at = sql_col_time(s, 3);
	sql_col_text(s, 4, n->la, sizeof(n->la));
	sql_col_text(s, 5, n->ref, sizeof(n->ref));
	n->episode_id = sql_col_null(s, 6) ? 0 : sql_col_int(s, 6);
	sql_col_text(s, 7, n->summary, sizeof(n->summary));
	sql_col_text(s, 8, n->action, sizeof(n->action));
	n->filed_at = sql_col_time(s, 9);
	sql_col_text(s, 10, n->filed_by, sizeof(n->filed_by));
}

static void rec_from_row(struct sql_stmt *s, struct rec *r)
{
	char w[32];

	rec_init(r);
	r->id = sql_col_int(s, 0);
	sql_col_text(s, 1, r->code, sizeof(r->code));
	sql_col_text(s, 2, w, sizeof(w));
	r->source = (enum rec_source)rec_source_of(w);
	sql_col_text(s, 3, r->source_title, sizeof(r->source_title));
	r->made_on = sql_col_date(s, 4);
	sql_col_text(s, 5, r->theme, sizeof(r->theme));
	sql_col_text(s, 6, r->text_en, sizeof(r->text_en));
	sql_col_text(s, 7, r->text_cy, sizeof(r->text_cy));
	r->all_councils = sql_col_int(s, 8) != 0;
}

static void repeat_from_row(struct sql_stmt *s, struct rec_repeat *r)
{
	r->rec_id = sql_col_int(s, 0);
	r->earlier_id = sql_col_int(s, 1);
}

static void addr_from_row(struct sql_stmt *s, struct rec_addressee *a)
{
	char w[32];

	memset(a, 0, sizeof(*a));
	a->id = sql_col_int(s, 0);
	a->rec_id = sql_col_int(s, 1);
	sql_col_text(s, 2, w, sizeof(w));
	a->kind = org_kind_of(w);
	sql_col_text(s, 3, a->code, sizeof(a->code));
	sql_col_text(s, 4, w, sizeof(w));
	a->status = (enum rec_status)rec_status_of(w);
	sql_col_text(s, 5, w, sizeof(w));
	a->verdict = (enum rec_verdict)rec_verdict_of(w);
	sql_col_text(s, 6, a->verdict_reason, sizeof(a->verdict_reason));
	a->verdict_on = sql_col_date(s, 7);
	sql_col_text(s, 8, a->verdict_by, sizeof(a->verdict_by));
	a->last_update_at = sql_col_time(s, 9);
	sql_col_text(s, 10, a->name_en, sizeof(a->name_en));
	sql_col_text(s, 11, a->name_cy, sizeof(a->name_cy));
	if (a->kind == ORG_PROVIDER) {
		snprintf(a->name_en, sizeof(a->name_en), "%s", a->code);
		snprintf(a->name_cy, sizeof(a->name_cy), "%s", a->code);
	}
}

static void action_from_row(struct sql_stmt *s, struct rec_action *a)
{
	rec_action_init(a);
	a->id = sql_col_int(s, 0);
	a->addressee_id = sql_col_int(s, 1);
	sql_col_text(s, 2, a->what, sizeof(a->what));
	sql_col_text(s, 3, a->who, sizeof(a->who));
	a->target_on = sql_col_date(s, 4);
	a->done_on = sql_col_date(s, 5);
	a->recorded_at = sql_col_time(s, 6);
	sql_col_text(s, 7, a->recorded_by, sizeof(a->recorded_by));
}

static void update_from_row(struct sql_stmt *s, struct rec_update *u)
{
	char w[32];

	memset(u, 0, sizeof(*u));
	u->id = sql_col_int(s, 0);
	u->addressee_id = sql_col_int(s, 1);
	u->at = sql_col_time(s, 2);
	sql_col_text(s, 3, u->by, sizeof(u->by));
	sql_col_text(s, 4, u->note, sizeof(u->note));
	sql_col_text(s, 5, w, sizeof(w));
	u->status = (enum rec_status)rec_status_of(w);
}

static void view_from_row(struct sql_stmt *s, struct home_view *v)
{
	char w[32];

	memset(v, 0, sizeof(*v));
	sql_col_text(s, 0, w, sizeof(w));
	v->kind = org_kind_of(w);
	sql_col_text(s, 1, v->code, sizeof(v->code));
	sql_col_text(s, 2, v->urn, sizeof(v->urn));
	v->at = sql_col_time(s, 3);
}

/* Step an INSERT ... RETURNING id. */
static int step_insert(struct sql *db, struct sql_stmt *s, int64_t *id,
		       struct err *err, const char *what)
{
	int rc = sql_step(s);

	if (rc == SQL_ROW) {
		*id = sql_col_int(s, 0);
		rc = 0;
	} else {
		rc = sql_fail(db, err, what);
	}
	sql_reset(s);
	return rc;
}

/* Step an UPDATE of one row by id: ERR_NOT_FOUND when none changed. */
static int step_update(struct sql *db, struct sql_stmt *s, struct err *err,
		       const char *what)
{
	int rc = sql_step(s);
	int64_t changed;

	rc = rc == SQL_DONE ? 0 : sql_fail(db, err, what);
	changed = rc ? 0 : sql_changes(db);
	sql_reset(s);
	if (!rc && changed == 0)
		rc = err_set(err, ERR_NOT_FOUND, "no such %s", what);
	return rc;
}

/* ---- loads -------------------------------------------------------------- */

int db_quality_load(struct sql *db, unsigned parts, const char *urn,
		    struct quality_set *out, struct err *err)
{
	size_t a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0,
	       a7 = 0, a8 = 0;
	struct sql_stmt *s;
	int rc = 0;

	if (parts & QP_INSPECTIONS) {
		if (!(s = prep(db, insp_load_sql, err)))
			return ERR_STORE;
		sql_bind_name_text(s, ":urn", urn);
		READ_ROWS(db, s, out->insp, out->ninsp, a0, insp_from_row,
			  "inspections");
		if (rc)
			return rc;
		if (!(s = prep(db, find_load_sql, err)))
			return ERR_STORE;
		sql_bind_name_text(s, ":urn", urn);
		READ_ROWS(db, s, out->findings, out->nfindings, a1,
			  finding_from_row, "findings");
		if (rc)
			return rc;
	}
	if (parts & QP_NOTIFICATIONS) {
		if (!(s = prep(db, notif_load_sql, err)))
			return ERR_STORE;
		sql_bind_name_text(s, ":urn", urn);
		READ_ROWS(db, s, out->notifs, out->nnotifs, a2,
			  notif_from_row, "notifications");
		if (rc)
			return rc;
	}
	/* recommendations are never of a home */
	if ((parts & QP_RECS) && !urn) {
		if (!(s = prep(db, rec_load_sql, err)))
			return ERR_STORE;
		READ_ROWS(db, s, out->recs, out->nrecs, a3, rec_from_row,
			  "recommendations");
		if (rc)
			return rc;
		if (!(s = prep(db, repeat_load_sql, err)))
			return ERR_STORE;
		READ_ROWS(db, s, out->repeats, out->nrepeats, a4,
			  repeat_from_row, "repeats");
		if (rc)
			return rc;
		if (!(s = prep(db, addr_load_sql, err)))
			return ERR_STORE;
		READ_ROWS(db, s, out->addressees, out->naddressees, a5,
			  addr_from_row, "addressees");
		if (rc)
			return rc;
		if (!(s = prep(db, action_load_sql, err)))
			return ERR_STORE;
		READ_ROWS(db, s, out->actions, out->nactions, a6,
			  action_from_row, "actions");
		if (rc)
			return rc;
		if (!(s = prep(db, update_load_sql, err)))
			return ERR_STORE;
		READ_ROWS(db, s, out->updates, out->nupdates, a7,
			  update_from_row, "updates");
		if (rc)
			return rc;
	}
	if (parts & QP_VIEWS) {
		if (!(s = prep(db, view_load_sql, err)))
			return ERR_STORE;
		sql_bind_name_text(s, ":urn", urn);
		READ_ROWS(db, s, out->views, out->nviews, a8, view_from_row,
			  "home views");
	}
	return rc;
}

/* ---- inspections and findings ------------------------------------------- */

static void bind_inspection(struct sql_stmt *s, const struct q_inspection *i)
{
	static const char *const r[Q_NTHEMES] = { ":r0", ":r1", ":r2", ":r3" };

	sql_bind_name_id(s, ":id", i->id);
	sql_bind_name_str(s, ":urn", i->urn);
	sql_bind_name_date(s, ":start", i->start_on);
	sql_bind_name_date(s, ":end", i->end_on != DATE_NONE ? i->end_on :
				      i->start_on);
	sql_bind_name_str(s, ":type", q_insp_type_code(i->type));
	sql_bind_name_str(s, ":inspectors", i->inspectors);
	for (int t = 0; t < Q_NTHEMES; t++)
		sql_bind_name_str(s, r[t], q_rating_code(i->rating[t]));
	sql_bind_name_str(s, ":summary", i->summary);
	sql_bind_name_time(s, ":at", i->recorded_at);
	sql_bind_name_str(s, ":by", i->recorded_by);
}

int db_inspection_insert(struct sql *db, const struct q_inspection *i,
			 int64_t *id, struct err *err)
{
	struct sql_stmt *s = prep(db, insp_insert_sql, err);

	if (!s)
		return ERR_STORE;
	bind_inspection(s, i);
	return step_insert(db, s, id, err, "inspection");
}

int db_inspection_update(struct sql *db, const struct q_inspection *i,
			 struct err *err)
{
	struct sql_stmt *s = prep(db, insp_update_sql, err);

	if (!s)
		return ERR_STORE;
	bind_inspection(s, i);
	return step_update(db, s, err, "inspection");
}

int db_inspection_key(struct sql *db, const char *urn, int32_t start_on,
		      enum q_insp_type type, int64_t *id, struct err *err)
{
	struct sql_stmt *s = prep(db, insp_key_sql, err);
	int rc;

	if (!s)
		return ERR_STORE;
	sql_bind_name_str(s, ":urn", urn);
	sql_bind_name_date(s, ":start", start_on);
	sql_bind_name_str(s, ":type", q_insp_type_code(type));
	rc = sql_step_id(db, s, id, err, "inspection");
	sql_reset(s);
	return rc;
}

int db_inspection_get(struct sql *db, int64_t id, struct q_inspection *out,
		      struct err *err)
{
	struct sql_stmt *s = prep(db, insp_get_sql, err);
	int rc;

	if (!s)
		return ERR_STORE;
	sql_bind_name_int(s, ":id", id);
	rc = sql_step(s);
	if (rc == SQL_ROW) {
		insp_from_row(s, out);
		rc = 0;
	} else {
		rc = rc == SQL_DONE ? ERR_NOT_FOUND :
				      sql_fail(db, err, "inspection");
	}
	sql_reset(s);
	return rc;
}

int db_findings_of(struct sql *db, int64_t inspection_id,
		   struct q_finding **f, size_t *nf, struct err *err)
{
	struct sql_stmt *s = prep(db, find_of_sql, err);
	size_t alloc = 0;
	int rc;

	if (!s)
		return ERR_STORE;
	sql_bind_name_int(s, ":id", inspection_id);
	READ_ROWS(db, s, *f, *nf, alloc, finding_from_row, "findings");
	return rc;
}

int db_findings_delete(struct sql *db, int64_t inspection_id,
		       struct err *err)
{
	struct sql_stmt *s = prep(db, find_unlink_sql, err);
	int rc;

	if (!s)
		return ERR_STORE;
	sql_bind_name_int(s, ":id", inspection_id);
	rc = sql_step_done(db, s, err, "findings");
	sql_reset(s);
	if (rc)
		return rc;
	if (!(s = prep(db, find_delete_sql, err)))
		return ERR_STORE;
	sql_bind_name_int(s, ":id", inspection_id);
	rc = sql_step_done(db, s, err, "findings");
	sql_reset(s);
	return rc;
}

int db_finding_insert(struct sql *db, const struct q_finding *f, int64_t *id,
		      struct err *err)
{
	struct sql_stmt *s = prep(db, find_insert_sql, err);

	if (!s)
		return ERR_STORE;
	sql_bind_name_id(s, ":insp", f->inspection_id);
	sql_bind_name_str(s, ":kind", q_finding_kind_code(f->kind));
	sql_bind_name_str(s, ":reg", f->regulation);
	sql_bind_name_str(s, ":text", f->text);
	sql_bind_name_date(s, ":due", f->due_on);
	sql_bind_name_str(s, ":status", q_finding_status_code(f->status));
	sql_bind_name_date(s, ":judged_on", f->judged_on);
	sql_bind_name_id(s, ":judged_insp", f->judged_inspection_id);
	sql_bind_name_id(s, ":repeats", f->repeats_id);
	sql_bind_name_str(s, ":response", f->response);
	sql_bind_name_date(s, ":target", f->response_target_on);
	sql_bind_name_time(s, ":responded_at", f->responded_at);
	sql_bind_name_str(s, ":responded_by", f->responded_by);
	return step_insert(db, s, id, err, "finding");
}

int db_finding_set_repeats(struct sql *db, int64_t id, int64_t repeats_id,
			   struct err *err)
{
	struct sql_stmt *s = prep(db, find_repeats_sql, err);

	if (!s)
		return ERR_STORE;
	sql_bind_name_int(s, ":id", id);
	sql_bind_name_id(s, ":repeats", repeats_id);
	return step_update(db, s, err, "finding");
}

int db_finding_get(struct sql *db, int64_t id, struct q_finding *out,
		   struct err *err)
{
	struct sql_stmt *s = prep(db, find_get_sql, err);
	int rc;

	if (!s)
		return ERR_STORE;
	sql_bind_name_int(s, ":id", id);
	rc = sql_step(s);
	if (rc == SQL_ROW) {
		finding_from_row(s, out);
		rc = 0;
	} else {
		rc = rc == SQL_DONE ? ERR_NOT_FOUND :
				      sql_fail(db, err, "finding");
	}
	sql_reset(s);
	return rc;
}

int db_finding_respond(struct sql *db, int64_t id, const char *response,
		       int32_t target_on, int64_t at, const char *by,
		       struct err *err)
{
	struct sql_stmt *s = prep(db, find_respond_sql, err);

	if (!s)
		return ERR_STORE;
	sql_bind_name_int(s, ":id", id);
	sql_bind_name_str(s, ":response", response);
	sql_bind_name_date(s, ":target", target_on);
	sql_bind_name_time(s, ":at", at);
	sql_bind_name_str(s, ":by", by ? by : "");
	return step_update(db, s, err, "finding");
}

int db_finding_judge(struct sql *db, int64_t id, enum q_finding_status status,
		     int32_t on, int64_t inspection_id, struct err *err)
{
	struct sql_stmt *s = prep(db, find_judge_sql, err);

	if (!s)
		return ERR_STORE;
	sql_bind_name_int(s, ":id", id);
	sql_bind_name_str(s, ":status", q_finding_status_code(status));
	sql_bind_name_date(s, ":on", on);
	sql_bind_name_id(s, ":insp", inspection_id);
	return step_update(db, s, err, "finding");
}

/* ---- notifications ------------------------------------------------------ */

int db_notification_insert(struct sql *db, const struct q_notification *n,
			   int64_t child_id, int64_t *id, struct err *err)
{
	struct sql_stmt *s = prep(db, notif_insert_sql, err);

	if (!s)
		return ERR_STORE;
	sql_bind_name_str(s, ":urn", n->urn);
	sql_bind_name_str(s, ":category", n->category);
	sql_bind_name_time(s, ":occurred", n->occurred_at);
	sql_bind_name_id(s, ":child", child_id);
	sql_bind_name_id(s, ":episode", n->episode_id);
	sql_bind_name_str(s, ":summary", n->summary);
	sql_bind_name_str(s, ":action", n->action);
	sql_bind_name_time(s, ":at", n->filed_at);
	sql_bind_name_str(s, ":by", n->filed_by);
	return step_insert(db, s, id, err, "notification");
}

int db_notification_get(struct sql *db, int64_t id, struct q_notification *out,
			struct err *err)
{
	struct sql_stmt *s = prep(db, notif_get_sql, err);
	int rc;

	if (!s)
		return ERR_STORE;
	sql_bind_name_int(s, ":id", id);
	rc = sql_step(s);
	if (rc == SQL_ROW) {
		notif_from_row(s, out);
		rc = 0;
	} else {
		rc = rc == SQL_DONE ? ERR_NOT_FOUND :
				      sql_fail(db, err, "notification");
	}
	sql_reset(s);
	return rc;
}

/* ---- recommendations ---------------------------------------------------- */

int db_rec_insert(struct sql *db, const struct rec *r, int64_t *id,
		  struct err *err)
{
	struct sql_stmt *s = prep(db, rec_insert_sql, err);

	if (!s)
		return ERR_STORE;
	sql_bind_name_str(s, ":code", r->code);
	sql_bind_name_str(s, ":source", rec_source_code(r->source));
	sql_bind_name_str(s, ":title", r->source_title);
	sql_bind_name_date(s, ":made", r->made_on);
	sql_bind_name_str(s, ":theme", r->theme);
	sql_bind_name_str(s, ":en", r->text_en);
	sql_bind_name_str(s, ":cy", r->text_cy);
	sql_bind_name_int(s, ":all", r->all_councils ? 1 : 0);
	return step_insert(db, s, id, err, "recommendation");
}

int db_rec_known(struct sql *db, int64_t id, struct err *err)
{
	struct sql_stmt *s = prep(db, rec_known_sql, err);
	int rc;

	if (!s)
		return ERR_STORE;
	sql_bind_name_int(s, ":id", id);
	rc = sql_step(s);
	rc = rc == SQL_ROW ? 0 : rc == SQL_DONE ?
		err_set(err, ERR_NOT_FOUND, "no recommendation %lld",
			(long long)id) : sql_fail(db, err, "recommendation");
	sql_reset(s);
	return rc;
}

int db_rec_repeat_insert(struct sql *db, int64_t rec_id, int64_t earlier_id,
			 struct err *err)
{
	struct sql_stmt *s = prep(db, repeat_insert_sql, err);
	int rc;

	if (!s)
		return ERR_STORE;
	sql_bind_name_int(s, ":rec", rec_id);
	sql_bind_name_int(s, ":earlier", earlier_id);
	rc = sql_step_done(db, s, err, "repeat");
	sql_reset(s);
	return rc;
}

int db_rec_addressee_insert(struct sql *db, int64_t rec_id,
			    enum org_kind kind, const char *code, int64_t *id,
			    struct err *err)
{
	struct sql_stmt *s = prep(db, addr_insert_sql, err);

	if (!s)
		return ERR_STORE;
	sql_bind_name_int(s, ":rec", rec_id);
	sql_bind_name_str(s, ":kind", org_kind_name(kind));
	sql_bind_name_str(s, ":code", code);
	return step_insert(db, s, id, err, "addressee");
}

int db_rec_addressee_get(struct sql *db, int64_t id,
			 struct rec_addressee *out, struct err *err)
{
	struct sql_stmt *s = prep(db, addr_get_sql, err);
	int rc;

	if (!s)
		return ERR_STORE;
	sql_bind_name_int(s, ":id", id);
	rc = sql_step(s);
	if (rc == SQL_ROW) {
		addr_from_row(s, out);
		rc = 0;
	} else {
		rc = rc == SQL_DONE ? ERR_NOT_FOUND :
				      sql_fail(db, err, "addressee");
	}
	sql_reset(s);
	return rc;
}

int db_rec_action_insert(struct sql *db, const struct rec_action *a,
			 int64_t *id, struct err *err)
{
	struct sql_stmt *s = prep(db, action_insert_sql, err);

	if (!s)
		return ERR_STORE;
	sql_bind_name_int(s, ":addr", a->addressee_id);
	sql_bind_name_str(s, ":what", a->what);
	sql_bind_name_str(s, ":who", a->who);
	sql_bind_name_date(s, ":target", a->target_on);
	sql_bind_name_date(s, ":done", a->done_on);
	sql_bind_name_time(s, ":at", a->recorded_at);
	sql_bind_name_str(s, ":by", a->recorded_by);
	return step_insert(db, s, id, err, "action");
}

int db_rec_action_done(struct sql *db, int64_t id, int32_t on, struct err *err)
{
	struct sql_stmt *s = prep(db, action_done_sql, err);

	if (!s)
		return ERR_STORE;
	sql_bind_name_int(s, ":id", id);
	sql_bind_name_date(s, ":done", on);
	return step_update(db, s, err, "action");
}

int db_rec_action_get(struct sql *db, int64_t id, struct rec_action *out,
		      struct err *err)
{
	struct sql_stmt *s = prep(db, action_get_sql, err);
	int rc;

	if (!s)
		return ERR_STORE;
	sql_bind_name_int(s, ":id", id);
	rc = sql_step(s);
	if (rc == SQL_ROW) {
		action_from_row(s, out);
		rc = 0;
	} else {
		rc = rc == SQL_DONE ? ERR_NOT_FOUND :
				      sql_fail(db, err, "action");
	}
	sql_reset(s);
	return rc;
}

int db_rec_update_insert(struct sql *db, const struct rec_update *u,
			 int64_t *id, struct err *err)
{
	struct sql_stmt *s = prep(db, update_insert_sql, err);
	int rc;

	if (!s)
		return ERR_STORE;
	sql_bind_name_int(s, ":addr", u->addressee_id);
	sql_bind_name_time(s, ":at", u->at);
	sql_bind_name_str(s, ":by", u->by);
	sql_bind_name_str(s, ":note", u->note);
	sql_bind_name_str(s, ":status", rec_status_code(u->status));
	rc = step_insert(db, s, id, err, "update");
	if (rc)
		return rc;
	if (!(s = prep(db, addr_status_sql, err)))
		return ERR_STORE;
	sql_bind_name_int(s, ":id", u->addressee_id);
	sql_bind_name_str(s, ":status", rec_status_code(u->status));
	sql_bind_name_time(s, ":at", u->at);
	return step_update(db, s, err, "addressee");
}

int db_rec_verdict(struct sql *db, int64_t id, enum rec_verdict verdict,
		   const char *reason, int32_t on, const char *by,
		   struct err *err)
{
	struct sql_stmt *s = prep(db, addr_verdict_sql, err);

	if (!s)
		return ERR_STORE;
	sql_bind_name_int(s, ":id", id);
	sql_bind_name_str(s, ":verdict", rec_verdict_code(verdict));
	sql_bind_name_str(s, ":reason", reason ? reason : "");
	sql_bind_name_date(s, ":on", verdict == REC_VERDICT_NONE ? DATE_NONE :
				     on);
	sql_bind_name_str(s, ":by", by ? by : "");
	return step_update(db, s, err, "addressee");
}

/* ---- views and ties ----------------------------------------------------- */

int db_home_viewed(struct sql *db, enum org_kind kind, const char *code,
		   const char *urn, int64_t at, struct err *err)
{
	struct sql_stmt *s = prep(db, view_put_sql, err);
	int rc;

	if (!s)
		return ERR_STORE;
	sql_bind_name_str(s, ":urn", urn);
	sql_bind_name_str(s, ":kind", org_kind_name(kind));
	sql_bind_name_str(s, ":code", code);
	sql_bind_name_time(s, ":at", at);
	rc = sql_step_done(db, s, err, "home view");
	sql_reset(s);
	return rc;
}

int db_quality_council_places(struct sql *db, const char *la,
			      const char *urn, int32_t today, bool *yes,
			      struct err *err)
{
	struct sql_stmt *s = prep(db, council_places_sql, err);
	int64_t n = 0;
	int rc;

	*yes = false;
	if (!s)
		return ERR_STORE;
	sql_bind_name_str(s, ":urn", urn);
	sql_bind_name_str(s, ":c_la", la);
	sql_bind_name_date(s, ":today", today);
	sql_bind_name_date(s, ":cutoff", today - VIEWER_WINDOW_DAYS);
	sql_bind_name_date(s, ":cutoff_adult_born",
			   date_born_by(today - VIEWER_WINDOW_DAYS - 1, 18));
	rc = sql_step_id(db, s, &n, err, "placements");
	sql_reset(s);
	*yes = !rc && n;
	return rc;
}

int db_quality_home(struct sql *db, const char *urn, char *provider, char *la,
		    struct err *err)
{
	struct sql_stmt *s = prep(db, home_of_sql, err);
	int rc;

	if (!s)
		return ERR_STORE;
	sql_bind_name_str(s, ":urn", urn);
	rc = sql_step(s);
	if (rc == SQL_ROW) {
		sql_col_text(s, 0, provider, PROVIDER_NAME_MAX + 1);
		sql_col_text(s, 1, la, LA_CODE_MAX + 1);
		rc = 0;
	} else {
		rc = rc == SQL_DONE ? ERR_NOT_FOUND : sql_fail(db, err, "home");
	}
	sql_reset(s);
	return rc;
}

int db_quality_child_at(struct sql *db, const char *la, const char *ref,
			const char *urn, int32_t today, bool *yes,
			struct err *err)
{
	struct sql_stmt *s = prep(db, child_at_sql, err);
	int rc;

	*yes = false;
	if (!s)
		return ERR_STORE;
	sql_bind_name_str(s, ":urn", urn);
	sql_bind_name_str(s, ":c_la", la);
	sql_bind_name_str(s, ":c_ref", ref);
	sql_bind_name_date(s, ":today", today);
	sql_bind_name_date(s, ":cutoff", today - VIEWER_WINDOW_DAYS);
	sql_bind_name_date(s, ":cutoff_adult_born",
			   date_born_by(today - VIEWER_WINDOW_DAYS - 1, 18));
	rc = sql_step(s);
	if (rc == SQL_ROW && sql_col_null(s, 0)) {
		rc = ERR_NOT_FOUND;
	} else if (rc == SQL_ROW) {
		*yes = sql_col_int(s, 1) != 0;
		rc = 0;
	} else {
		rc = rc == SQL_DONE ? ERR_NOT_FOUND : sql_fail(db, err, "child");
	}
	sql_reset(s);
	return rc;
}

int db_quality_placing_councils(struct sql *db, const char *urn,
				int32_t today, store_council_count_fn *fn,
				void *ctx, struct err *err)
{
	struct sql_stmt *s = prep(db, placing_councils_sql, err);
	char la[LA_CODE_MAX + 1];
	int rc, cb = 0;

	if (!s)
		return ERR_STORE;
	sql_bind_name_str(s, ":urn", urn);
	sql_bind_name_date(s, ":today", today);
	sql_bind_name_date(s, ":adult_born", date_born_by(today, 18));
	while ((rc = sql_step(s)) == SQL_ROW) {
		sql_col_text(s, 0, la, sizeof(la));
		cb = fn(la, (long)sql_col_int(s, 1), ctx);
		if (cb)
			break;
	}
	rc = cb ? cb : rc == SQL_DONE || rc == SQL_ROW ? 0 :
		  sql_fail(db, err, "placing councils");
	sql_reset(s);
	return rc;
}
