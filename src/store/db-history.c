/*
 * db-history.c: bulk loading of every child's care history for the
 * review engine (store_history_load).
 *
 * Speed matters (the review of England-scale data must take under a
 * second, loading included), so each table is read with one plain scan
 * without joins; rows are mapped to children through an array indexed by
 * child id and merged across returns by sorting in C: the same episode
 * (child, DECOM) or missing period (child, start, kind) in several yearly
 * returns is kept once, from the latest return, which knows how it ended.
 * The live records (mfc_episode, strategy_meeting, alert: migrations 5
 * and 6) are read the same way, when the store has them.
 */
#include "base/compat.h"
#include <time.h>
#include "base/parse.h"
#include "base/xalloc.h"
#include "store/db.h"

struct loader {
	struct sql *db;
	struct history *h;
	struct err *err;
	int16_t *ret_year;	/* return id -> year (0: none) */
	int64_t nret;
	uint32_t *child_of;	/* child id -> index in h->children */
	int64_t nchild_ids;
};

static int fail(struct loader *l, const char *what)
{
	char msg[40];

	snprintf(msg, sizeof(msg), "loading histories: %s", what);
	return sql_fail(l->db, l->err, msg);
}

static int prepare(struct loader *l, const char *sql, struct sql_stmt **s)
{
	*s = sql_prepare(l->db, sql, l->err);
	return *s ? 0 : ERR_STORE;
}

/* Finish a scan: ok if it ran to the end. */
static int finish(struct loader *l, struct sql_stmt *s, int rc, const char *what)
{
	sql_finalize(l->db, s);
	return rc == SQL_DONE ? 0 : fail(l, what);
}

static int8_t flag_col(struct sql_stmt *s, int i)
{
	if (sql_col_null(s, i))
		return -1;
	return (int8_t)sql_col_int(s, i);
}

static int64_t scalar(struct loader *l, const char *sql)
{
	struct sql_stmt *s;
	int64_t v = 0;

	if (prepare(l, sql, &s))
		return -1;
	if (sql_step(s) == SQL_ROW)
		v = sql_col_int(s, 0);
	sql_finalize(l->db, s);
	return v;
}

static int load_las(struct loader *l)
{
	struct history *h = l->h;
	char (*council)[LA_CODE_MAX + 1] = NULL;
	size_t alloc = 0, calloc_ = 0;
	struct sql_stmt *s;
	int rc;

	if (prepare(l, "SELECT code, name_en, name_cy, country, is_council,"
		       " council_code FROM la ORDER BY code", &s))
		return ERR_STORE;
	while ((rc = sql_step(s)) == SQL_ROW) {
		struct hist_la *a;

		ALLOC_GROW(h->las, h->nlas + 1, alloc);
		ALLOC_GROW(council, h->nlas + 1, calloc_);
		a = &h->las[h->nlas];
		memset(a, 0, sizeof(*a));
		sql_col_text(s, 0, a->code, sizeof(a->code));
		sql_col_text(s, 1, a->name_en, sizeof(a->name_en));
		sql_col_text(s, 2, a->name_cy, sizeof(a->name_cy));
		sql_col_text(s, 3, a->country, sizeof(a->country));
		a->is_council = sql_col_int(s, 4);
		sql_col_text(s, 5, council[h->nlas], sizeof(council[h->nlas]));
		h->nlas++;
	}
	rc = finish(l, s, rc, "la");
	for (size_t i = 0; !rc && i < h->nlas; i++) {
		h->las[i].council = history_la(h, council[i]);
		if (h->las[i].council == HIST_NONE)
			h->las[i].council = (uint32_t)i;
	}
	free(council);
	return rc;
}

static int load_homes(struct loader *l)
{
	struct history *h = l->h;
	size_t alloc = 0;
	struct sql_stmt *s;
	char word[16];
	int rc;

	if (prepare(l, "SELECT h.urn, h.name, p.name, p.type, a.code,"
		       " h.postcode, h.places, h.age_min, h.age_max,"
		       " h.sex_admitted, h.registered, h.closed FROM home h"
		       " JOIN provider p ON p.id = h.provider_id"
		       " JOIN la a ON a.id = h.la_id ORDER BY h.urn", &s))
		return ERR_STORE;
	while ((rc = sql_step(s)) == SQL_ROW) {
		struct hist_home *hh;

		ALLOC_GROW(h->homes, h->nhomes + 1, alloc);
		hh = &h->homes[h->nhomes++];
		memset(hh, 0, sizeof(*hh));
		sql_col_text(s, 0, hh->h.urn, sizeof(hh->h.urn));
		sql_col_text(s, 1, hh->h.name, sizeof(hh->h.name));
		sql_col_text(s, 2, hh->h.provider, sizeof(hh->h.provider));
		sql_col_text(s, 3, word, sizeof(word));
		provider_type_parse(word, &hh->h.provider_type);
		sql_col_text(s, 4, hh->h.la, sizeof(hh->h.la));
		sql_col_text(s, 5, hh->h.postcode, sizeof(hh->h.postcode));
		hh->h.places = sql_col_int(s, 6);
		hh->h.age_min = sql_col_int(s, 7);
		hh->h.age_max = sql_col_int(s, 8);
		sql_col_text(s, 9, word, sizeof(word));
		sex_admitted_parse(word, &hh->h.sex_admitted);
		hh->h.registered = sql_col_date(s, 10);
		hh->h.closed = sql_col_date(s, 11);
		hh->la = history_la(h, hh->h.la);
	}
	return finish(l, s, rc, "homes");
}

static int load_returns(struct loader *l)
{
	struct sql_stmt *s;
	int rc;

	l->nret = scalar(l, "SELECT coalesce(max(id), 0) FROM return903");
	if (l->nret < 0)
		return ERR_STORE;
	l->ret_year = xcalloc((size_t)l->nret + 1, sizeof(*l->ret_year));
	if (prepare(l, "SELECT id, year FROM return903", &s))
		return ERR_STORE;
	while ((rc = sql_step(s)) == SQL_ROW) {
		int64_t id = sql_col_int(s, 0);
		int year = sql_col_int(s, 1);

		if (id < 0 || id > l->nret)
			continue;
		l->ret_year[id] = (int16_t)year;
		if (!l->h->first_year || year < l->h->first_year)
			l->h->first_year = year;
		if (year > l->h->last_year)
			l->h->last_year = year;
	}
	return finish(l, s, rc, "returns");
}

static int load_children(struct loader *l)
{
	struct history *h = l->h;
	size_t alloc = 0;
	struct sql_stmt *s;
	char code[LA_CODE_MAX + 1];
	int rc;

	l->nchild_ids = scalar(l, "SELECT coalesce(max(id), 0) FROM child");
	if (l->nchild_ids < 0)
		return ERR_STORE;
	l->child_of = xmalloc(((size_t)l->nchild_ids + 1) *
			      sizeof(*l->child_of));
	for (int64_t i = 0; i <= l->nchild_ids; i++)
		l->child_of[i] = HIST_NONE;
	if (prepare(l, "SELECT c.id, a.code, c.child_ref, c.dob FROM child c"
		       " JOIN la a ON a.id = c.la_id"
		       " ORDER BY a.code, c.child_ref", &s))
		return ERR_STORE;
	while ((rc = sql_step(s)) == SQL_ROW) {
		int64_t id = sql_col_int(s, 0);
		struct hist_child *c;

		if (id < 0 || id > l->nchild_ids)
			continue;
		ALLOC_GROW(h->children, h->nchildren + 1, alloc);
		c = &h->children[h->nchildren];
		memset(c, 0, sizeof(*c));
		sql_col_text(s, 1, code, sizeof(code));
		c->la = history_la(h, code);
		sql_col_text(s, 2, c->ref, sizeof(c->ref));
		c->dob = sql_col_date(s, 3);
		l->child_of[id] = (uint32_t)h->nchildren++;
	}
	return finish(l, s, rc, "children");
}

/* Rows of one child in one return, before merging. */
struct raw_episode {
	uint32_t child;
	int16_t year;
	struct hist_episode e;
};

struct raw_missing {
	uint32_t child;
	int16_t year;
	struct hist_missing m;
};

struct raw_oc2 {
	uint32_t child;
	struct hist_oc2 o;
};

/* By child, then DECOM, then the latest return first. */
static int cmp_raw_episode(const void *a, const void *b)
{
	const struct raw_episode *x = a, *y = b;

	if (x->child != y->child)
		return x->child < y->child ? -1 : 1;
	if (x->e.decom != y->e.decom)
		return x->e.decom < y->e.decom ? -1 : 1;
	return (y->year > x->year) - (y->year < x->year);
}

static int cmp_raw_missing(const void *a, const void *b)
{
	const struct raw_missing *x = a, *y = b;

	if (x->child != y->child)
		return x->child < y->child ? -1 : 1;
	if (x->m.start != y->m.start)
		return x->m.start < y->m.start ? -1 : 1;
	if (x->m.kind != y->m.kind)
		return x->m.kind < y->m.kind ? -1 : 1;
	return (y->year > x->year) - (y->year < x->year);
}

static int cmp_raw_oc2(const void *a, const void *b)
{
	const struct raw_oc2 *x = a, *y = b;

	if (x->child != y->child)
		return x->child < y->child ? -1 : 1;
	return (x->o.year > y->o.year) - (x->o.year < y->o.year);
}

static uint32_t child_index(struct loader *l, struct sql_stmt *s, int col)
{
	int64_t id = sql_col_int(s, col);

	if (id < 0 || id > l->nchild_ids)
		return HIST_NONE;
	return l->child_of[id];
}

static int return_year(struct loader *l, struct sql_stmt *s, int col)
{
	int64_t id = sql_col_int(s, col);

	return id < 0 || id > l->nret ? 0 : l->ret_year[id];
}

static int load_episodes(struct loader *l)
{
	struct history *h = l->h;
	struct raw_episode *raw = NULL;
	size_t nraw = 0, alloc = 0;
	int64_t count;
	struct sql_stmt *s;
	char buf[16];
	int rc;

	count = scalar(l, "SELECT count(*) FROM episode");
	if (count < 0)
		return ERR_STORE;
	alloc = (size_t)count;
	raw = xcalloc(alloc ? alloc : 1, sizeof(*raw));
	if (prepare(l, "SELECT child_id, return_id, decom, dec, rne, ls,"
		       " place, place_provider, rec, reason_place_change, urn,"
		       " pl_distance, pl_la FROM episode", &s)) {
		rc = ERR_STORE;
		goto out;
	}
	while ((rc = sql_step(s)) == SQL_ROW) {
		struct raw_episode *r;
		uint32_t child = child_index(l, s, 0);

		if (child == HIST_NONE)
			continue;
		ALLOC_GROW(raw, nraw + 1, alloc);
		r = &raw[nraw++];
		memset(r, 0, sizeof(*r));
		r->child = child;
		r->year = (int16_t)return_year(l, s, 1);
		r->e.decom = sql_col_date(s, 2);
		r->e.dec = sql_col_date(s, 3);
		sql_col_text(s, 4, buf, sizeof(buf));
		r->e.rne = buf[0];
		sql_col_text(s, 5, r->e.ls, sizeof(r->e.ls));
		sql_col_text(s, 6, r->e.place, sizeof(r->e.place));
		sql_col_text(s, 7, r->e.place_provider, sizeof(r->e.place_provider));
		sql_col_text(s, 8, r->e.rec, sizeof(r->e.rec));
		sql_col_text(s, 9, r->e.reason_place_change,
		     sizeof(r->e.reason_place_change));
		sql_col_text(s, 10, r->e.urn, sizeof(r->e.urn));
		r->e.pl_distance = sql_col_null(s, 11)
					   ? -1
					   : sql_col_int(s, 11);
		sql_col_text(s, 12, buf, sizeof(buf));
		r->e.pl_la = buf[0] ? history_la(h, buf) : HIST_NONE;
		r->e.home = r->e.urn[0] ? history_home(h, r->e.urn) : HIST_NONE;
	}
	rc = finish(l, s, rc, "episodes");
	if (rc)
		goto out;
	if (nraw)
		qsort(raw, nraw, sizeof(*raw), cmp_raw_episode);
	h->episodes = xcalloc(nraw ? nraw : 1, sizeof(*h->episodes));
	for (size_t i = 0; i < nraw; i++) {
		struct hist_child *c = &h->children[raw[i].child];

		if (i && raw[i].child == raw[i - 1].child &&
		    raw[i].e.decom == raw[i - 1].e.decom)
			continue;	/* an older return's copy */
		if (!c->nepisodes)
			c->first_episode = (uint32_t)h->nepisodes;
		c->nepisodes++;
		h->episodes[h->nepisodes++] = raw[i].e;
	}
out:
	free(raw);
	return rc;
}

static int load_missing(struct loader *l)
{
	struct history *h = l->h;
	struct raw_missing *raw = NULL;
	size_t nraw = 0, alloc = 0;
	int64_t count;
	struct sql_stmt *s;
	char kind[4];
	int rc;

	count = scalar(l, "SELECT count(*) FROM missing");
	if (count < 0)
		return ERR_STORE;
	alloc = (size_t)count;
	raw = xcalloc(alloc ? alloc : 1, sizeof(*raw));
	if (prepare(l, "SELECT child_id, return_id, kind, start, \"end\""
		       " FROM missing", &s)) {
		rc = ERR_STORE;
		goto out;
	}
	while ((rc = sql_step(s)) == SQL_ROW) {
		struct raw_missing *r;
		uint32_t child = child_index(l, s, 0);

		if (child == HIST_NONE)
			continue;
		ALLOC_GROW(raw, nraw + 1, alloc);
		r = &raw[nraw++];
		r->child = child;
		r->year = (int16_t)return_year(l, s, 1);
		sql_col_text(s, 2, kind, sizeof(kind));
		r->m.kind = kind[0];
		r->m.start = sql_col_date(s, 3);
		r->m.end = sql_col_date(s, 4);
	}
	rc = finish(l, s, rc, "missing");
	if (rc)
		goto out;
	if (nraw)
		qsort(raw, nraw, sizeof(*raw), cmp_raw_missing);
	h->missing = xcalloc(nraw ? nraw : 1, sizeof(*h->missing));
	for (size_t i = 0; i < nraw; i++) {
		struct hist_child *c = &h->children[raw[i].child];

		if (i && raw[i].child == raw[i - 1].child &&
		    raw[i].m.start == raw[i - 1].m.start &&
		    raw[i].m.kind == raw[i - 1].m.kind)
			continue;
		if (!c->nmissing)
			c->first_missing = (uint32_t)h->nmissing;
		c->nmissing++;
		h->missing[h->nmissing++] = raw[i].m;
	}
out:
	free(raw);
	return rc;
}

static int load_oc2(struct loader *l)
{
	struct history *h = l->h;
	struct raw_oc2 *raw = NULL;
	size_t nraw = 0, alloc = 0;
	int64_t count;
	struct sql_stmt *s;
	int rc;

	count = scalar(l, "SELECT count(*) FROM oc2");
	if (count < 0)
		return ERR_STORE;
	alloc = (size_t)count;
	raw = xcalloc(alloc ? alloc : 1, sizeof(*raw));
	if (prepare(l, "SELECT child_id, return_id, sdq_score, convicted,"
		       " health_check, teeth_check, substance_misuse FROM oc2",
		       &s)) {
		rc = ERR_STORE;
		goto out;
	}
	while ((rc = sql_step(s)) == SQL_ROW) {
		struct raw_oc2 *r;
		uint32_t child = child_index(l, s, 0);

		if (child == HIST_NONE)
			continue;
		ALLOC_GROW(raw, nraw + 1, alloc);
		r = &raw[nraw++];
		r->child = child;
		r->o.year = return_year(l, s, 1);
		r->o.sdq_score = flag_col(s, 2);
		r->o.convicted = flag_col(s, 3);
		r->o.health_check = flag_col(s, 4);
		r->o.teeth_check = flag_col(s, 5);
		r->o.substance_misuse = flag_col(s, 6);
	}
	rc = finish(l, s, rc, "oc2");
	if (rc)
		goto out;
	if (nraw)
		qsort(raw, nraw, sizeof(*raw), cmp_raw_oc2);
	h->oc2 = xcalloc(nraw ? nraw : 1, sizeof(*h->oc2));
	for (size_t i = 0; i < nraw; i++) {
		struct hist_child *c = &h->children[raw[i].child];

		if (!c->noc2)
			c->first_oc2 = (uint32_t)h->noc2;
		c->noc2++;
		h->oc2[h->noc2++] = raw[i].o;
	}
out:
	free(raw);
	return rc;
}

/* ---- what the agencies record live (issue 5) ------------------------------ */

/* An instant stored as store_time_fmt() writes it; HIST_TIME_NONE if
 * NULL or not in that form. */
static int64_t time_col(struct sql_stmt *s, int i)
{
	char t[STORE_TIME_MAX + 1];
	int64_t ms;

	if (sql_col_null(s, i))
		return HIST_TIME_NONE;
	sql_col_text(s, i, t, sizeof(t));
	return store_time_parse(t, &ms) ? HIST_TIME_NONE : ms;
}

static uint32_t home_col(struct loader *l, struct sql_stmt *s, int i)
{
	char urn[S903_URN_MAX + 2];

	if (sql_col_null(s, i))
		return HIST_NONE;
	sql_col_text(s, i, urn, sizeof(urn));
	return urn[0] ? history_home(l->h, urn) : HIST_NONE;
}

struct raw_mfc {
	uint32_t child;
	struct hist_mfc m;
};

struct raw_meeting {
	uint32_t child;
	int32_t day;
};

static int cmp_i64(int64_t x, int64_t y)
{
	return (x > y) - (x < y);
}

static int cmp_raw_mfc(const void *a, const void *b)
{
	const struct raw_mfc *x = a, *y = b;

	if (x->child != y->child)
		return x->child < y->child ? -1 : 1;
	return cmp_i64(x->m.started_at, y->m.started_at);
}

static int cmp_raw_meeting(const void *a, const void *b)
{
	const struct raw_meeting *x = a, *y = b;

	if (x->child != y->child)
		return x->child < y->child ? -1 : 1;
	return (x->day > y->day) - (x->day < y->day);
}

static int cmp_alert(const void *a, const void *b)
{
	const struct hist_alert *x = a, *y = b;

	return cmp_i64(x->raised_at, y->raised_at);
}

/* Live missing episodes (mfc_episode), a slice per child. */
static int load_mfc(struct loader *l)
{
	struct history *h = l->h;
	struct raw_mfc *raw = NULL;
	size_t nraw = 0, alloc = 0;
	struct sql_stmt *s;
	char word[16];
	int rc;

	if (prepare(l, "SELECT child_id, kind, urn, started_at, returned_at,"
		       " ri_held_at, ri_outcome, arrested, charged"
		       " FROM mfc_episode", &s))
		return ERR_STORE;
	while ((rc = sql_step(s)) == SQL_ROW) {
		struct raw_mfc *r;
		uint32_t child = child_index(l, s, 0);
		int64_t started = time_col(s, 3);

		if (child == HIST_NONE || started == HIST_TIME_NONE)
			continue;
		ALLOC_GROW(raw, nraw + 1, alloc);
		r = &raw[nraw++];
		memset(r, 0, sizeof(*r));
		r->child = child;
		sql_col_text(s, 1, word, sizeof(word));
		r->m.kind = word[0];
		r->m.home = home_col(l, s, 2);
		r->m.started_at = started;
		r->m.returned_at = time_col(s, 4);
		r->m.ri_held_at = time_col(s, 5);
		sql_col_text(s, 6, word, sizeof(word));
		r->m.ri_declined = !strcmp(word, "declined");
		r->m.arrested = sql_col_int(s, 7) == 1;
		r->m.charged = sql_col_int(s, 8) == 1;
	}
	rc = finish(l, s, rc, "mfc_episode");
	if (rc)
		goto out;
	if (nraw)
		qsort(raw, nraw, sizeof(*raw), cmp_raw_mfc);
	h->mfc = xcalloc(nraw ? nraw : 1, sizeof(*h->mfc));
	for (size_t i = 0; i < nraw; i++) {
		struct hist_child *c = &h->children[raw[i].child];

		if (!c->nmfc)
			c->first_mfc = (uint32_t)h->nmfc;
		c->nmfc++;
		h->mfc[h->nmfc++] = raw[i].m;
	}
out:
	free(raw);
	return rc;
}

/* Strategy meetings: the day each was held, a slice per child. */
static int load_meetings(struct loader *l)
{
	struct history *h = l->h;
	struct raw_meeting *raw = NULL;
	size_t nraw = 0, alloc = 0;
	struct sql_stmt *s;
	int rc;

	if (prepare(l, "SELECT child_id, held_on FROM strategy_meeting", &s))
		return ERR_STORE;
	while ((rc = sql_step(s)) == SQL_ROW) {
		uint32_t child = child_index(l, s, 0);
		int32_t day = sql_col_date(s, 1);

		if (child == HIST_NONE || day == DATE_NONE)
			continue;
		ALLOC_GROW(raw, nraw + 1, alloc);
		raw[nraw].child = child;
		raw[nraw++].day = day;
	}
	rc = finish(l, s, rc, "strategy_meeting");
	if (rc)
		goto out;
	if (nraw)
		qsort(raw, nraw, sizeof(*raw), cmp_raw_meeting);
	h->meetings = xcalloc(nraw ? nraw : 1, sizeof(*h->meetings));
	for (size_t i = 0; i < nraw; i++) {
		struct hist_child *c = &h->children[raw[i].child];

		if (!c->nmeetings)
			c->first_meeting = (uint32_t)h->nmeetings;
		c->nmeetings++;
		h->meetings[h->nmeetings++] = raw[i].day;
	}
out:
	free(raw);
	return rc;
}

/*
 * Alerts: raised and first answered (acknowledged, else resolved by a
 * person without an acknowledgement), with their child and home.  Not
 * the historical ones (migration 7): found in imported history and told
 * to nobody, they were never raised to anyone to answer.
 */
static int load_alerts(struct loader *l)
{
	struct history *h = l->h;
	size_t alloc = 0;
	struct sql_stmt *s;
	int rc;

	if (prepare(l, "SELECT child_id, urn, raised_at, acknowledged_at,"
		       " resolved_at FROM alert WHERE state <> 'historical'", &s))
		return ERR_STORE;
	while ((rc = sql_step(s)) == SQL_ROW) {
		struct hist_alert *a;
		int64_t raised = time_col(s, 2);

		if (raised == HIST_TIME_NONE)
			continue;
		ALLOC_GROW(h->alerts, h->nalerts + 1, alloc);
		a = &h->alerts[h->nalerts++];
		a->raised_at = raised;
		a->acked_at = time_col(s, 3);
		if (a->acked_at == HIST_TIME_NONE)
			a->acked_at = time_col(s, 4);
		a->child = sql_col_null(s, 0)
				   ? HIST_NONE
				   : child_index(l, s, 0);
		a->home = home_col(l, s, 1);
	}
	rc = finish(l, s, rc, "alert");
	if (!rc && h->nalerts)
		qsort(h->alerts, h->nalerts, sizeof(*h->alerts), cmp_alert);
	return rc;
}

int db_history_load(struct sql *db, struct history *out, struct err *err)
{
	struct loader l = { db, out, err, NULL, 0, NULL, 0 };
	struct timespec t0, t1;
	int rc;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	rc = load_las(&l);
	if (!rc)
		rc = load_homes(&l);
	if (!rc)
		rc = load_returns(&l);
	if (!rc)
		rc = load_children(&l);
	if (!rc)
		rc = load_episodes(&l);
	if (!rc)
		rc = load_missing(&l);
	if (!rc)
		rc = load_oc2(&l);
	if (!rc)
		rc = load_mfc(&l);
	if (!rc)
		rc = load_meetings(&l);
	if (!rc)
		rc = load_alerts(&l);
	free(l.ret_year);
	free(l.child_of);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	out->load_seconds = (double)(t1.tv_sec - t0.tv_sec) +
			    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	return rc;
}
