/*
 * alerts.c: running the rules: load the snapshot, evaluate, and
 * reconcile the stored alerts with what should be active, in one
 * transaction (alerts.h has the table of what happens to each alert).
 *
 * Both sides are sorted by (rule id, subject key) and merged, so a run
 * costs one pass over the stored alerts however many there are, and a
 * run that finds nothing new writes nothing.  Recipients are worked out
 * when an alert is raised: the child's council, the police force whose
 * area holds the home (the council of the home's area, else the child's
 * own council), the home's register provider, the inspectorate, and the
 * organisation an alert names (a recommendation's addressee, a placing
 * council).  A full run also loads the quality of care for the rules
 * on it (issue 13); a one-child run neither evaluates them nor touches
 * their alerts.
 */
#include "base/compat.h"
#include <inttypes.h>
#include <jansson.h>
#include <time.h>
#include "alerts/alerts.h"
#include "base/parse.h"
#include "base/uktime.h"
#include "base/xalloc.h"
#include "store/store-people.h"

#define MS_PER_HOUR 3600000LL

static double mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* ---- parameters ---------------------------------------------------------------- */

static int param_row(const char *rule, const char *name, int64_t value,
		     const char *by, int64_t at, void *ctx)
{
	struct alert_params *p = ctx;
	const struct alert_rule *r = alert_rule_find(rule);
	int k;

	(void)by;
	(void)at;
	if (!r)
		return 0;	/* a rule this build no longer has */
	k = alert_rule_param_index(r, name);
	if (k < 0 || value < r->params[k].min || value > r->params[k].max)
		return 0;
	p->v[r - alert_rules][k] = value;
	return 0;
}

int alerts_params_load(struct store *s, struct alert_params *out,
		       struct err *err)
{
	alert_params_defaults(out);
	return store_alert_params_each(s, param_row, out, err);
}

int alerts_param_set(struct store *s, const char *rule, const char *name,
		     const char *value, const char *by, int64_t now,
		     struct err *err)
{
	const struct alert_rule *r = alert_rule_find(rule);
	const struct alert_param_desc *d;
	int64_t v;
	int k;

	if (!r)
		return err_set(err, ERR_NOT_FOUND, "no rule \"%.40s\" (see "
			       "cartref alerts rules)", rule);
	k = alert_rule_param_index(r, name);
	if (k < 0)
		return err_set(err, ERR_NOT_FOUND, "rule %s has no parameter "
			       "\"%.40s\"", r->id, name);
	d = &r->params[k];
	if (parse_i64(value, d->min, d->max, &v))
		return err_set(err, ERR_INVALID, "%s %s must be a whole number "
			       "from %" PRId64 " to %" PRId64 " (%s)", r->id,
			       d->name, d->min, d->max, d->unit);
	return store_alert_param_set(s, r->id, d->name, v, by, now, err);
}

/* ---- the reconciliation ---------------------------------------------------------- */

struct found_ref {
	size_t rule;
	const struct alert_found *a;
};

struct stored {
	struct alert_key_row *v;
	size_t n, alloc;
};

struct police_cache {
	char la[LA_CODE_MAX + 1];
	char force[ORG_CODE_MAX + 1];
};

struct run {
	struct store *s;
	int64_t now;
	const struct alert_snapshot *snap;
	const struct alert_params *p;
	struct alerts_summary *sum;
	struct police_cache *police;
	size_t npolice, apolice;
	struct err *err;
};

static int keep_stored(const struct alert_key_row *r, void *ctx)
{
	struct stored *st = ctx;

	ALLOC_GROW(st->v, st->n + 1, st->alloc);
	st->v[st->n++] = *r;
	return 0;
}

static int cmp_found(const void *a, const void *b)
{
	const struct found_ref *x = a, *y = b;
	int c = strcmp(alert_rules[x->rule].id, alert_rules[y->rule].id);

	return c ? c : strcmp(x->a->key, y->a->key);
}

static int cmp_stored(const void *a, const void *b)
{
	const struct alert_key_row *x = a, *y = b;
	int c = strcmp(x->rule, y->rule);

	if (c)
		return c;
	c = strcmp(x->key, y->key);
	return c ? c : (x->id > y->id) - (x->id < y->id);
}

static const struct alert_child *child_of(const struct alert_snapshot *snap,
					  int64_t id)
{
	size_t lo = 0, hi = snap->nchildren;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (snap->children[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < snap->nchildren && snap->children[lo].id == id)
		return &snap->children[lo];
	return NULL;
}

static int police_of(struct run *run, const char *la, const char **out)
{
	struct police_cache *pc;
	int rc;

	for (size_t i = 0; i < run->npolice; i++)
		if (!strcmp(run->police[i].la, la)) {
			*out = run->police[i].force;
			return 0;
		}
	ALLOC_GROW(run->police, run->npolice + 1, run->apolice);
	pc = &run->police[run->npolice];
	snprintf(pc->la, sizeof(pc->la), "%s", la);
	rc = store_alert_police_of(run->s, la, pc->force, run->err);
	if (rc)
		return rc;
	run->npolice++;
	*out = pc->force;
	return 0;
}

struct rcpt {
	enum org_kind kind;
	const char *code;
};

#define RCPT_MAX 5

/* Add (kind, code) to out[0..*n) unless it is there. */
static void rcpt_add(struct rcpt out[RCPT_MAX], size_t *n, enum org_kind kind,
		     const char *code)
{
	for (size_t i = 0; i < *n; i++)
		if (out[i].kind == kind && !strcmp(out[i].code, code))
			return;
	if (*n < RCPT_MAX)
		out[(*n)++] = (struct rcpt){ kind, code };
}

/*
 * The organisation an alert names (ALERT_TO_NAMED) as a recipient: a
 * provider as alerts know providers, by the register provider its
 * organisation is linked to (alerts_viewer_org()), else by its code.
 */
static int named_of(struct run *run, const struct alert_found *a,
		    char out[ORG_CODE_MAX + 1])
{
	struct err nf = ERR_INIT;
	struct org o;
	int rc;

	snprintf(out, ORG_CODE_MAX + 1, "%s", a->to_code);
	if (a->to_kind != ORG_PROVIDER)
		return 0;
	rc = store_org_get(run->s, ORG_PROVIDER, a->to_code, &o, &nf);
	if (rc == ERR_NOT_FOUND)
		return 0;
	if (rc) {
		*run->err = nf;
		return rc;
	}
	if (o.provider[0])
		snprintf(out, ORG_CODE_MAX + 1, "%s", o.provider);
	return 0;
}

/* The recipients of a new alert of rule r (at most RCPT_MAX); named
 * holds the code of the one it names. */
static int recipients_of(struct run *run, size_t r, const struct alert_found *a,
			 struct rcpt out[RCPT_MAX], size_t *n,
			 char named[ORG_CODE_MAX + 1])
{
	const struct alert_child *c = a->child_id ?
		child_of(run->snap, a->child_id) : NULL;
	const struct alert_home *h = a->home >= 0 &&
		(size_t)a->home < run->snap->nhomes ?
		&run->snap->homes[a->home] : NULL;
	unsigned to = alert_rules[r].to;
	const char *area, *force;
	int rc;

	*n = 0;
	if ((to & ALERT_TO_COUNCIL) && c && c->la[0])
		rcpt_add(out, n, ORG_COUNCIL, c->la);
	if (to & ALERT_TO_POLICE) {
		area = a->area[0] ? a->area : c ? c->la : "";
		rc = police_of(run, area, &force);
		if (rc)
			return rc;
		if (force[0])
			rcpt_add(out, n, ORG_POLICE, force);
	}
	if ((to & ALERT_TO_PROVIDER) && h && h->provider[0])
		rcpt_add(out, n, ORG_PROVIDER, h->provider);
	if ((to & ALERT_TO_NAMED) && a->to_code[0] &&
	    (unsigned)a->to_kind < ORG_NKINDS) {
		rc = named_of(run, a, named);
		if (rc)
			return rc;
		if (named[0])
			rcpt_add(out, n, a->to_kind, named);
	}
	if (to & ALERT_TO_INSPECTORATE)
		rcpt_add(out, n, ORG_INSPECTORATE, ALERT_INSPECTORATE_CODE);
	return 0;
}

/*
 * Messages: one per recipient, each body saying of the child no more than
 * that recipient may see (alerts_message_body(), access.c).
 */
static int send_to(struct run *run, const struct alert_msg *m,
		   enum org_kind kind, const char *code)
{
	char *body = NULL;
	int rc = alerts_message_body(run->s, kind, code, m, &body, run->err);

	if (!rc) {
		rc = store_outbox_add(run->s, m->id, kind, code, m->event,
				      body, run->now, NULL, run->err);
		run->sum->messages++;
	}
	free(body);
	return rc;
}

struct send_ctx {
	struct run *run;
	const struct alert_msg *m;
};

static int send_one(enum org_kind kind, const char *code, void *ctx)
{
	struct send_ctx *sc = ctx;

	return send_to(sc->run, sc->m, kind, code);
}

/* An event of a stored alert to each of its recipients. */
static int send_stored(struct run *run, int64_t id, const char *event)
{
	struct alert_row *row = xmalloc(sizeof(*row));
	struct alert_msg m;
	struct send_ctx sc = { run, &m };
	int rc;

	rc = store_alert_get(run->s, id, row, run->err);
	if (!rc) {
		m = (struct alert_msg){ id, row->rule, event, run->now,
					row->key, row->la, row->ref,
					row->episode_id, row->urn, NULL,
					NULL };
		rc = store_alert_recipients_each(run->s, id, send_one, &sc,
						 run->err);
	}
	free(row);
	return rc;
}

static int64_t escalate_at(const struct run *run, size_t r)
{
	int k = alert_rule_param_index(&alert_rules[r], ALERT_PARAM_ESCALATE);
	int64_t h = run->p->v[r][k];

	return h > 0 ? run->now + h * MS_PER_HOUR : 0;
}

/* Is what rule r found historical now (its horizon)? */
static bool historical(const struct run *run, size_t r,
		       const struct alert_found *a)
{
	int k = alert_rule_param_index(&alert_rules[r], ALERT_PARAM_HORIZON);

	return alert_found_historical(a, run->now, run->p->v[r][k]);
}

/* The due time of a found alert raised at raised_at. */
static int64_t due_of(const struct alert_found *a, int64_t raised_at)
{
	if (a->due_from_raise)
		return uk_day_start(uk_day_of(raised_at) + a->due_days_after +
				    1);
	return a->due_at;
}

static const char *home_urn_of(const struct run *run,
			       const struct alert_found *a)
{
	return a->home >= 0 && (size_t)a->home < run->snap->nhomes ?
		run->snap->homes[a->home].urn : NULL;
}

/* What the store keeps of a found alert raised (or raised again) now. */
static void new_of(const struct run *run, const struct found_ref *f,
		   struct alert_new *n)
{
	const struct alert_found *a = f->a;
	const char *urn = home_urn_of(run, a);

	memset(n, 0, sizeof(*n));
	n->rule = alert_rules[f->rule].id;
	n->key = a->key;
	n->child_id = a->child_id;
	n->episode_id = a->episode_id;
	/* the subject: a child's alert is about the child, a home rule's
	 * about the home; where it happened is home_urn for both */
	n->urn = a->child_id ? NULL : urn;
	n->home_urn = urn;
	n->historical = historical(run, f->rule, a);
	n->escalate_at = n->historical ? 0 : escalate_at(run, f->rule);
	n->severity = a->severity;
	n->due_at = due_of(a, run->now);
	n->facts = a->facts;
}

/* Add the recipients of a stored alert, and tell them it was raised
 * (not when it is historical: nobody is told). */
static int tell_raised(struct run *run, const struct found_ref *f,
		       int64_t id, const struct alert_new *n)
{
	const struct alert_child *c = f->a->child_id ?
		child_of(run->snap, f->a->child_id) : NULL;
	struct alert_msg m = { id, n->rule, "raised", run->now, n->key,
			       c ? c->la : NULL, c ? c->ref : NULL,
			       n->episode_id, n->urn, NULL, NULL };
	struct rcpt to[RCPT_MAX];
	char named[ORG_CODE_MAX + 1];
	size_t nto;
	int rc;

	rc = recipients_of(run, f->rule, f->a, to, &nto, named);
	if (rc)
		return rc;
	for (size_t i = 0; !rc && i < nto; i++) {
		rc = store_alert_recipient_add(run->s, id, to[i].kind,
					       to[i].code, run->err);
		if (!rc && !n->historical)
			rc = send_to(run, &m, to[i].kind, to[i].code);
	}
	if (n->historical)
		run->sum->historical++;
	else
		run->sum->raised++;
	return rc;
}

static int raise_new(struct run *run, const struct found_ref *f)
{
	struct alert_new n;
	int64_t id;
	int rc;

	new_of(run, f, &n);
	rc = store_alert_insert(run->s, &n, run->now, &id, run->err);
	return rc ? rc : tell_raised(run, f, id, &n);
}

/* A cleared alert whose rule holds again, or a historical one with a new
 * triggering event within the horizon (or going on now): raised again
 * as new (historical again if it still is).  The recipients are those of
 * the new facts, added to those it had. */
static int reopen(struct run *run, const struct found_ref *f,
		  const struct alert_key_row *st)
{
	struct alert_new n;
	int rc;

	new_of(run, f, &n);
	rc = store_alert_reopen(run->s, st->id, &n, run->now, run->err);
	return rc ? rc : tell_raised(run, f, st->id, &n);
}

/* A stored alert whose rule still holds: keep its severity, due time,
 * home and facts up to date (no state change, no message). */
static int refresh(struct run *run, const struct found_ref *f,
		   const struct alert_key_row *st)
{
	const struct alert_found *a = f->a;
	const char *urn = home_urn_of(run, a);
	int64_t due = due_of(a, st->raised_at);

	if (st->severity == a->severity && st->due_at == due &&
	    !strcmp(st->home_urn, urn ? urn : "") &&
	    !strcmp(st->facts, a->facts))
		return 0;
	run->sum->updated++;
	return store_alert_update(run->s, st->id, a->severity, due, urn,
				  a->facts, run->err);
}

static int add_escalation(struct run *run, int64_t id, unsigned to)
{
	int rc = 0;

	if (to & ALERT_TO_INSPECTORATE)
		rc = store_alert_recipient_add(run->s, id, ORG_INSPECTORATE,
					       ALERT_INSPECTORATE_CODE,
					       run->err);
	return rc;
}

static int rule_index(const char *id)
{
	const struct alert_rule *r = alert_rule_find(id);

	return r ? (int)(r - alert_rules) : -1;
}

/* Merge what should be active (found) with what is stored. */
static int reconcile(struct run *run, struct found_ref *found, size_t nfound,
		     struct stored *st)
{
	size_t i = 0, j = 0;
	int rc = 0;

	if (nfound)
		qsort(found, nfound, sizeof(*found), cmp_found);
	if (st->n)
		qsort(st->v, st->n, sizeof(*st->v), cmp_stored);
	while (!rc && (i < nfound || j < st->n)) {
		const struct alert_key_row *r;
		int c;

		if (i < nfound && j < st->n) {
			c = strcmp(alert_rules[found[i].rule].id, st->v[j].rule);
			if (!c)
				c = strcmp(found[i].a->key, st->v[j].key);
		} else {
			c = i < nfound ? -1 : 1;
		}
		if (c < 0) {
			/* skip a duplicate key a rule gave twice */
			if (!i || cmp_found(&found[i - 1], &found[i]))
				rc = raise_new(run, &found[i]);
			i++;
			continue;
		}
		if (c > 0) {
			r = &st->v[j++];
			if (r->state == ALERT_CLEARED)
				continue;
			rc = store_alert_clear(run->s, r->id, run->now,
					       run->err);
			/* nobody was told of a historical alert */
			if (!rc && r->state != ALERT_HISTORICAL)
				rc = send_stored(run, r->id, "cleared");
			run->sum->cleared++;
			continue;
		}
		/* active and stored */
		r = &st->v[j];
		if (r->state == ALERT_CLEARED ||
		    (r->state == ALERT_HISTORICAL &&
		     !historical(run, found[i].rule, found[i].a))) {
			rc = reopen(run, &found[i], r);
		} else {
			int ri = rule_index(r->rule);

			rc = refresh(run, &found[i], r);
			if (r->state == ALERT_HISTORICAL)
				run->sum->historical_kept++;
			if (r->state == ALERT_OPEN ||
			    r->state == ALERT_ACKNOWLEDGED)
				run->sum->open++;
			if (!rc && (r->state == ALERT_OPEN ||
				    r->state == ALERT_ACKNOWLEDGED) &&
			    r->escalate_at && !r->escalated_at &&
			    r->escalate_at <= run->now && ri >= 0) {
				rc = store_alert_escalate(run->s, r->id,
							  run->now, run->err);
				if (!rc)
					rc = add_escalation(
						run, r->id,
						alert_rules[ri].escalate_to);
				if (!rc)
					rc = send_stored(run, r->id,
							 "escalated");
				run->sum->escalated++;
			}
		}
		i++;
		j++;
		while (i < nfound && !cmp_found(&found[i - 1], &found[i]))
			i++;
	}
	return rc;
}

static struct found_ref *collect(struct alert_found_set *sets, int64_t child,
				 size_t *n)
{
	struct found_ref *v = NULL;
	size_t alloc = 0;

	*n = 0;
	for (size_t r = 0; r < alert_nrules; r++)
		for (size_t k = 0; k < sets[r].n; k++) {
			const struct alert_found *a = &sets[r].v[k];

			/* a one-child run loads the children of the home
			 * too: only the child's own alerts, and homes' */
			if (child && a->child_id && a->child_id != child)
				continue;
			ALLOC_GROW(v, *n + 1, alloc);
			v[(*n)++] = (struct found_ref){ r, a };
		}
	return v;
}

static int apply(struct store *s, const struct alert_snapshot *snap,
		 const struct alert_params *p, int64_t now,
		 struct alert_found_set *sets, int64_t child,
		 struct stored *st, const struct alert_eval *top,
		 struct alerts_summary *out, struct err *err)
{
	struct run run = { s, now, snap, p, out, NULL, 0, 0, err };
	struct found_ref *found;
	size_t nfound;
	int rc;

	found = collect(sets, child, &nfound);
	rc = store_begin(s, err);
	if (rc)
		goto out;
	rc = reconcile(&run, found, nfound, st);
	if (!rc && !child && top->top_known)
		rc = store_alert_run_set(s, now, top->top_periods,
					 top->top_places, err);
	if (!rc)
		rc = store_commit(s, err);
	if (rc)
		store_rollback(s);
	/* raised alerts are open too */
	out->open += out->raised;
	out->historical_now = out->historical + out->historical_kept;
out:
	free(found);
	free(run.police);
	return rc;
}

/* ---- the quality of care ------------------------------------------------------- */

struct placing_load {
	struct store *s;
	struct alert_snapshot *snap;
	int32_t today, home;
	size_t alloc;
	int rc;
	struct err *err;
};

static int placing_one(const char *la, long children, void *ctx)
{
	struct placing_load *pl = ctx;
	struct alert_snapshot *snap = pl->snap;
	struct alert_placing *p;

	ALLOC_GROW(snap->placing, snap->nplacing + 1, pl->alloc);
	p = &snap->placing[snap->nplacing++];
	memset(p, 0, sizeof(*p));
	p->home = pl->home;
	snprintf(p->la, sizeof(p->la), "%s", la);
	p->children = children;
	return 0;
}

static void placing_home(const struct q_inspection *i, void *ctx)
{
	struct placing_load *pl = ctx;

	if (pl->rc)
		return;
	pl->home = alert_home_index(pl->snap, i->urn);
	if (pl->home >= 0)
		pl->rc = store_quality_placing_councils(pl->s, i->urn,
							pl->today, placing_one,
							pl, pl->err);
}

struct names_load {
	struct alert_snapshot *snap;
	size_t alloc;
};

static struct alert_org_name *name_add(struct names_load *nl,
				       enum org_kind kind, const char *code)
{
	struct alert_snapshot *snap = nl->snap;
	struct alert_org_name *n;

	ALLOC_GROW(snap->names, snap->nnames + 1, nl->alloc);
	n = &snap->names[snap->nnames++];
	memset(n, 0, sizeof(*n));
	n->kind = kind;
	snprintf(n->code, sizeof(n->code), "%s", code);
	return n;
}

static int name_council(const struct la *la, void *ctx)
{
	struct alert_org_name *n = name_add(ctx, ORG_COUNCIL, la->code);

	snprintf(n->en, sizeof(n->en), "%s", la->name_en);
	snprintf(n->cy, sizeof(n->cy), "%s", la->name_cy);
	return 0;
}

static int name_org(const struct org *o, void *ctx)
{
	struct alert_org_name *n;

	/* councils come from the geography, providers are named by
	 * their name already */
	if (o->kind == ORG_COUNCIL || o->kind == ORG_PROVIDER)
		return 0;
	n = name_add(ctx, o->kind, o->code);
	snprintf(n->en, sizeof(n->en), "%s", o->name_en);
	snprintf(n->cy, sizeof(n->cy), "%s", o->name_cy);
	return 0;
}

/*
 * What the rules on the quality of care read (a full run's): the
 * inspections with their findings, the recommendations with their
 * follow-up, the views of homes' records, and the councils placing
 * children today at each home whose latest inspection rated a theme
 * Poor (few homes: one indexed query each).
 */
static int quality_load(struct store *s, int64_t now,
			struct alert_snapshot *snap, struct err *err)
{
	struct placing_load pl = { s, snap, uk_day_of(now), -1, 0, 0, err };
	int rc;

	struct names_load nl = { snap, 0 };

	rc = store_quality_load(s, QP_INSPECTIONS | QP_RECS | QP_VIEWS, NULL,
				&snap->q, err);
	if (!rc)
		rc = store_councils_each(s, GEO_WALES, name_council, &nl,
					 err);
	if (!rc)
		rc = store_orgs_each(s, name_org, &nl, err);
	if (rc)
		return rc;
	alert_poor_homes(&snap->q, pl.today, placing_home, &pl);
	snap->quality = !pl.rc;
	return pl.rc;
}

int alerts_run(struct store *s, int64_t now_ms, struct alerts_summary *out,
	       struct err *err)
{
	struct alert_snapshot snap = ALERT_SNAPSHOT_INIT;
	struct alert_found_set sets[ALERT_RULES_MAX];
	struct stored st = { NULL, 0, 0 };
	struct alert_params p;
	struct alert_eval top;
	double t0 = mono_ms(), t1, t2;
	int rc;

	memset(out, 0, sizeof(*out));
	memset(sets, 0, sizeof(sets));
	memset(&top, 0, sizeof(top));
	rc = alerts_params_load(s, &p, err);
	if (!rc)
		rc = store_alert_snapshot_load(s, NULL, 0, &snap, err);
	if (!rc)
		rc = quality_load(s, now_ms, &snap, err);
	if (!rc)
		rc = store_alert_keys_each(s, 0, NULL, keep_stored, &st, err);
	if (rc)
		goto out;
	out->children = (long)snap.nchildren;
	out->live = (long)snap.nlive;
	out->periods = (long)snap.nperiods;
	out->placements = (long)snap.nplacements;
	t1 = mono_ms();
	out->load_ms = t1 - t0;
	alerts_evaluate(&snap, now_ms, &p, NULL, &top, sets);
	t2 = mono_ms();
	out->eval_ms = t2 - t1;
	rc = apply(s, &snap, &p, now_ms, sets, 0, &st, &top, out, err);
	out->write_ms = mono_ms() - t2;
out:
	alerts_found_release(sets, alert_nrules);
	alert_snapshot_release(&snap);
	free(st.v);
	return rc;
}

/* ---- one child ------------------------------------------------------------------ */

/* A one-child run evaluates no rule on the quality of care (it loads
 * none): it leaves their alerts, loaded with a home's, as they are. */
static int keep_stored_child(const struct alert_key_row *r, void *ctx)
{
	const struct alert_rule *rule = alert_rule_find(r->rule);

	return rule && rule->quality ? 0 : keep_stored(r, ctx);
}

struct ids {
	int64_t *v;
	size_t n, alloc;
};

static int add_id(int64_t id, void *ctx)
{
	struct ids *ids = ctx;

	ALLOC_GROW(ids->v, ids->n + 1, ids->alloc);
	ids->v[ids->n++] = id;
	return 0;
}

/* Mark the homes of the child's live episodes and placements that
 * overlap [from, today]. */
static void mark_homes(const struct alert_snapshot *snap, int64_t child,
		       int32_t from, int32_t today, bool *mark)
{
	for (size_t i = 0; i < snap->nlive; i++) {
		const struct alert_live *l = &snap->live[i];
		int32_t d = uk_day_of(l->started_at);

		if (l->child_id == child && l->home >= 0 && d >= from &&
		    d <= today)
			mark[l->home] = true;
	}
	for (size_t i = 0; i < snap->nplacements; i++) {
		const struct alert_placement *p = &snap->placements[i];

		if (p->child_id == child && p->home >= 0 &&
		    p->decom <= today && (p->end == DATE_NONE || p->end >= from))
			mark[p->home] = true;
	}
}

int alerts_run_child(struct store *s, int64_t child_id, int64_t now_ms,
		     struct alerts_summary *out, struct err *err)
{
	struct alert_snapshot snap = ALERT_SNAPSHOT_INIT;
	struct alert_found_set sets[ALERT_RULES_MAX];
	struct stored st = { NULL, 0, 0 };
	struct ids ids = { NULL, 0, 0 };
	struct alert_params p;
	struct alert_eval top;
	const struct alert_rule *home_rule = alert_rule_find("home-missing-rate");
	int32_t today = uk_day_of(now_ms), from;
	bool *mark = NULL;
	double t0 = mono_ms(), t1;
	int rc;

	memset(out, 0, sizeof(*out));
	memset(sets, 0, sizeof(sets));
	memset(&top, 0, sizeof(top));
	if (child_id <= 0)
		return err_set(err, ERR_NOT_FOUND, "no such child");
	rc = alerts_params_load(s, &p, err);
	if (!rc)
		rc = store_alert_snapshot_load(s, &child_id, 1, &snap, err);
	if (rc)
		goto out;
	if (!snap.nchildren) {
		rc = err_set(err, ERR_NOT_FOUND, "no such child");
		goto out;
	}
	from = today - 2 * (int32_t)p.v[home_rule - alert_rules][0] + 1;
	mark = xcalloc(snap.nhomes + 1, sizeof(*mark));
	mark_homes(&snap, child_id, from, today, mark);
	add_id(child_id, &ids);
	for (size_t h = 0; !rc && h < snap.nhomes; h++)
		if (mark[h])
			rc = store_alert_home_children(s, snap.homes[h].urn,
						       from, today, add_id,
						       &ids, err);
	if (!rc && ids.n > 1)
		rc = store_alert_snapshot_load(s, ids.v, ids.n, &snap, err);
	if (!rc)
		rc = store_alert_keys_each(s, child_id, NULL,
					   keep_stored_child, &st, err);
	for (size_t h = 0; !rc && h < snap.nhomes; h++)
		if (mark[h])
			rc = store_alert_keys_each(s, 0, snap.homes[h].urn,
						   keep_stored_child, &st,
						   err);
	if (!rc) {
		rc = store_alert_run_get(s, &top.top_periods, &top.top_places,
					 err);
		top.top_known = !rc;
		if (rc == ERR_NOT_FOUND) {
			err_clear(err);
			rc = 0;
		}
	}
	if (rc)
		goto out;
	out->children = (long)snap.nchildren;
	out->live = (long)snap.nlive;
	out->periods = (long)snap.nperiods;
	out->placements = (long)snap.nplacements;
	t1 = mono_ms();
	out->load_ms = t1 - t0;
	alerts_evaluate(&snap, now_ms, &p, mark, &top, sets);
	out->eval_ms = mono_ms() - t1;
	t1 = mono_ms();
	rc = apply(s, &snap, &p, now_ms, sets, child_id, &st, &top, out, err);
	out->write_ms = mono_ms() - t1;
out:
	alerts_found_release(sets, alert_nrules);
	alert_snapshot_release(&snap);
	free(st.v);
	free(ids.v);
	free(mark);
	return rc;
}

int alerts_evaluate_child(struct store *s, int64_t child_id, int64_t now_ms,
			  struct err *err)
{
	struct alerts_summary sum;

	return alerts_run_child(s, child_id, now_ms, &sum, err);
}
