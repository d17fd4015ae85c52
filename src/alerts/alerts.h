/*
 * alerts.h: proactive alerts on missing from care and placement
 * stability (issue 5; docs/alerts.md).
 *
 * Rules are data: a const table (rules.c) of descriptors, each with an
 * id, descriptions in English and Welsh, parameters with defaults, whom
 * it alerts and when an unanswered alert escalates, and pure evaluators
 * from (snapshot, now, parameters) to the set of alerts that should be
 * active now, each with a stable subject key ("episode:123",
 * "child:45:2019-02-01", "home:W0000001").  alerts_run() loads the
 * snapshot, evaluates every rule and reconciles the stored alerts with
 * that set in one transaction, so running it again changes nothing:
 *
 *	active, not stored          -> insert (open), outbox "raised";
 *	                               historical if its trigger is older
 *	                               than the rule's horizon and it is
 *	                               not going on: no message
 *	active, stored cleared      -> open (or historical) again, as new
 *	active, stored historical,  -> open, outbox "raised"
 *	  now within the horizon or going on
 *	active, stored otherwise    -> unchanged but for its severity, due
 *	                               time, home and facts (no message)
 *	not active, stored, live    -> cleared, outbox "cleared"
 *	not active, historical      -> cleared, no message
 *	open or acknowledged past its escalation time -> escalated once,
 *	                               outbox "escalated"
 *
 * (live: open, acknowledged or resolved.)  Every change people are
 * told of writes one outbox message per recipient organisation;
 * webhooks deliver them.
 *
 * Times are ms since 1970 UTC.  Errors: 0 or a negative ERR_* with
 * detail in err.
 */
#ifndef CARTREF_ALERTS_H
#define CARTREF_ALERTS_H

#include "base/compat.h"
#include <jansson.h>
#include "base/err.h"
#include "domain/viewer.h"
#include "store/store-alerts.h"

/* ---- the rules (rules.c) ---------------------------------------------------- */

/* Whom a rule alerts. */
enum alert_to {
	ALERT_TO_COUNCIL = 1 << 0,	/* the council looking after the child */
	ALERT_TO_POLICE = 1 << 1,	/* the force of the home's area */
	ALERT_TO_PROVIDER = 1 << 2,	/* the provider of the home */
	ALERT_TO_INSPECTORATE = 1 << 3,
	/* the organisation the alert itself names (alert_found's to_kind,
	 * to_code): a recommendation's addressee, a placing council */
	ALERT_TO_NAMED = 1 << 4,
};

#define ALERT_PARAMS_MAX 8
#define ALERT_RULES_MAX 16
/* The inspectorate's organisation code (migration 2). */
#define ALERT_INSPECTORATE_CODE "CIW"

struct alert_param_desc {
	const char *name;		/* "hours" */
	int64_t def, min, max;
	const char *unit;		/* "hours", "days", "tenths of a mile" */
	const char *help;
};

/*
 * One alert that should be active, with what the engine stores of it:
 * its severity, when the action was due, what triggered it (for the
 * horizon) and the facts its texts are written from (docs/alerts.md,
 * "Facts").
 */
struct alert_found {
	char key[ALERT_KEY_MAX + 1];
	int64_t child_id;		/* 0: none (a home) */
	int64_t episode_id;		/* a live episode, 0: none */
	int32_t home;			/* index in the snapshot's homes, -1 */
	/* the council whose police force is told (the home's area); ""
	 * for the child's own council */
	char area[LA_CODE_MAX + 1];
	int severity;			/* enum alert_severity */
	int64_t due_at;			/* 0: none, or see due_from_raise */
	/* due by the end of the UK day due_days_after days after the day
	 * it is raised (the engine sets due_at) */
	bool due_from_raise;
	int32_t due_days_after;
	/* the triggering event: an instant, or a UK day (trigger_at 0) */
	int64_t trigger_at;
	int32_t trigger_day;		/* DATE_NONE with trigger_at */
	bool ongoing;			/* going on now (a child missing now) */
	/* the recipient it names (ALERT_TO_NAMED), to_code "" for none: an
	 * organisation by kind and code as recommendations name them (a
	 * provider by its organisation's code; the engine tells the
	 * register provider it is linked to) */
	enum org_kind to_kind;
	char to_code[ORG_CODE_MAX + 1];
	char facts[ALERT_FACTS_MAX + 1];
};

/*
 * Is a found alert historical at now with a horizon of horizon_days
 * (0: none)?  Not going on, and its triggering event older than the
 * horizon: an instant more than horizon_days x 24 hours before now (at
 * exactly that it is not), a day more than horizon_days days before the
 * UK day of now (exactly that many days before it is not).
 */
bool alert_found_historical(const struct alert_found *a, int64_t now,
			    int64_t horizon_days);

struct alert_found_set {
	struct alert_found *v;
	size_t n, alloc;
};

/* One child's facts: slices of the snapshot. */
struct alert_facts {
	const struct alert_child *child;
	const struct alert_live *live;
	const int32_t *live_day;	/* the UK day each live one started */
	size_t nlive;
	const struct alert_meeting *meetings;
	size_t nmeetings;
	const struct alert_period *periods;
	size_t nperiods;
	const struct alert_placement *placements;
	size_t nplacements;
};

/* The instants UK days start at, cached per evaluation. */
#define ALERT_DAY_CACHE 256
struct alert_day_cache {
	bool known;
	int32_t day;
	int64_t start;
};

/* What a rule's evaluator sees. */
struct alert_eval {
	const struct alert_snapshot *snap;
	int64_t now;
	int32_t today;			/* the UK day of now */
	const int64_t *p;		/* the rule's parameters, table order */
	/* the home rule: periods per home in the window and the one
	 * before (engine-allocated, nhomes long) */
	long *home_cur, *home_prev;
	/* a one-child run: only homes marked here, and the top-decile
	 * threshold of the last full run (top_known false: none) */
	const bool *home_only;
	bool top_known;
	int64_t top_periods, top_places;	/* in (one child) or out */
	struct alert_day_cache day_cache[ALERT_DAY_CACHE];
};

struct alert_rule {
	const char *id;			/* "ri-72h" */
	const char *title_en, *title_cy;
	const char *desc_en, *desc_cy;
	bool due_by_day;		/* due by a day (else by a time) */
	const struct alert_param_desc *params;
	size_t nparams;
	unsigned to;			/* enum alert_to */
	unsigned escalate_to;		/* added as recipients on escalation */
	/* per child (may be NULL), then once at the end (may be NULL) */
	void (*child)(struct alert_eval *e, const struct alert_facts *f,
		      struct alert_found_set *out);
	void (*finish)(struct alert_eval *e, struct alert_found_set *out);
	/* reads the quality of care (the snapshot's quality): evaluated
	 * by a full run only, and a one-child run leaves its alerts be */
	bool quality;
};

extern const struct alert_rule alert_rules[];
extern const size_t alert_nrules;

const struct alert_rule *alert_rule_find(const char *id);
/* The index of parameter name in r, or -1. */
int alert_rule_param_index(const struct alert_rule *r, const char *name);
/*
 * The latest inspection of each home in q that started on or before
 * today and rated any theme Poor: fn(inspection) for each, by URN.  The
 * "Poor rating" rule and the engine (which loads the councils placing
 * children at those homes) agree through this one function.
 */
void alert_poor_homes(const struct quality_set *q, int32_t today,
		      void (*fn)(const struct q_inspection *i, void *ctx),
		      void *ctx);
/* The index of home urn in snap's homes, or -1. */
int32_t alert_home_index(const struct alert_snapshot *snap, const char *urn);

/* Every rule has one: the hours after raising that an unanswered alert
 * escalates (0: never). */
#define ALERT_PARAM_ESCALATE "escalate_hours"
/* And this: the days after which a triggering event found for the first
 * time is history, not news (0: none; alert_found_historical()). */
#define ALERT_PARAM_HORIZON "horizon_days"

/* Effective parameter values: the table's defaults, then alert_param. */
struct alert_params {
	int64_t v[ALERT_RULES_MAX][ALERT_PARAMS_MAX];
};

void alert_params_defaults(struct alert_params *p);
int alerts_params_load(struct store *s, struct alert_params *out,
		       struct err *err);
/*
 * Set a parameter (value checked against the table's range) for rule;
 * by names who did it (audit is the caller's).  ERR_NOT_FOUND for an
 * unknown rule or parameter, ERR_INVALID for a value out of range.
 */
int alerts_param_set(struct store *s, const char *rule, const char *name,
		     const char *value, const char *by, int64_t now,
		     struct err *err);

/*
 * The pure evaluation: every rule over snap at now with parameters p.
 * out[i] (alert_nrules of them, zeroed) receives rule i's active
 * alerts.  e_top (may be NULL) receives the home rule's threshold.
 * Release with alerts_found_release().
 */
void alerts_evaluate(const struct alert_snapshot *snap, int64_t now,
		     const struct alert_params *p, const bool *home_only,
		     struct alert_eval *e_top, struct alert_found_set *out);
void alerts_found_release(struct alert_found_set *set, size_t n);

/* ---- running the rules (alerts.c) ------------------------------------------ */

struct alerts_summary {
	long raised;		/* new, or open again after clearing */
	long historical;	/* new, recorded as historical (told nobody) */
	long cleared;
	long escalated;
	long updated;		/* new facts, severity or due time */
	long open;		/* open or acknowledged after the run */
	long historical_kept;	/* historical before and after the run */
	long historical_now;	/* historical after the run (whose rule
				 * still holds) */
	long messages;		/* outbox rows written */
	long children, live, periods, placements;	/* snapshot sizes */
	double load_ms, eval_ms, write_ms;
};

/* Evaluate every rule over the whole store at now_ms (one transaction). */
int alerts_run(struct store *s, int64_t now_ms, struct alerts_summary *out,
	       struct err *err);
/*
 * The same for one child (its child rules) and the home rule for the
 * homes its live episodes and placements of the last two windows were
 * at (with the top-decile threshold of the last full run).  Call after
 * every change to a child's missing episodes, meetings or returns.
 */
int alerts_evaluate_child(struct store *s, int64_t child_id, int64_t now_ms,
			  struct err *err);
/* alerts_evaluate_child() with a summary. */
int alerts_run_child(struct store *s, int64_t child_id, int64_t now_ms,
		     struct alerts_summary *out, struct err *err);

/* ---- people and alerts (access.c) ------------------------------------------- */

/*
 * Who may see an alert: users of a recipient organisation (a council
 * user its council's, police their force's, a home manager its
 * register provider's, inspectors the inspectorate's), and inspectors
 * any alert by id.  Analysts, admins and a role outside its kind of
 * organisation: ERR_DENIED.  An alert the viewer may not see is
 * ERR_NOT_FOUND, as one that does not exist.  Reads naming children are
 * audited through v->audit ("list"/"view", subject "alerts"/"alert");
 * acknowledging and resolving are audited ("alert-ack",
 * "alert-resolve") in the same transaction and write outbox messages.
 */
int alerts_viewer_org(const struct viewer *v, enum org_kind *kind,
		      char code[ORG_CODE_MAX + 1], struct err *err);
int alerts_list(struct store *s, const struct viewer *v,
		const struct alert_filter *f, struct alert_page *out,
		struct err *err);
int alerts_get(struct store *s, const struct viewer *v, int64_t id,
	       struct alert_row *out, struct err *err);
int alerts_ack(struct store *s, const struct viewer *v, int64_t id,
	       const char *note, struct err *err);
int alerts_resolve(struct store *s, const struct viewer *v, int64_t id,
		   const char *note, struct err *err);
/*
 * The viewer's alerts grouped into items (store_alert_items_list()): one
 * per child and one per home, most urgent first; scoped and audited as
 * alerts_list().  Release the page with alert_item_page_release().
 * alerts_items_count() is the number of items the filter matches (the
 * list's total; the count the home page and dashboards show: not
 * audited, it names no child).
 */
int alerts_items_list(struct store *s, const struct viewer *v,
		      const struct alert_filter *f,
		      struct alert_item_page *out, struct err *err);
int alerts_items_count(struct store *s, const struct viewer *v,
		       const struct alert_filter *f, long *n, struct err *err);
/* The homes (URN, name) where the viewer's alerts happened, for a
 * filter. */
int alerts_homes_each(struct store *s, const struct viewer *v,
		      store_alert_home_fn *fn, void *ctx, struct err *err);
/*
 * Acknowledge, with one note, every open alert of the item alert id
 * belongs to (the same child, or the same home) that the viewer's
 * organisation receives: each audited and told as alerts_ack(), all in
 * one transaction.  *n: how many.
 */
int alerts_ack_item(struct store *s, const struct viewer *v, int64_t id,
		    const char *note, long *n, struct err *err);
/* The viewer's organisation's outbox, newest first (in-app).  A body
 * naming a child the viewer may not open now is given unnamed
 * (alerts_body_unname()), whenever it was written. */
int alerts_outbox_list(struct store *s, const struct viewer *v,
		       int64_t before_id, long limit, store_outbox_fn *fn,
		       void *ctx, struct err *err);

/*
 * What an alert may say of its child to a reader (docs/alerts.md, "What a
 * recipient is told"): the child by council and reference only when the
 * reader may open the child's record (store_child_in_scope(), the rule
 * of the record read itself), else "a child looked after by" the
 * council, with the live episode only when the reader may open that
 * (store_mfc_visible()).  Lists, views and outbox messages all decide
 * here.
 *
 * alerts_org_viewer() is the viewer of recipient organisation (kind,
 * code) at now, for a message written to it with no person reading: its
 * council, register provider or police area as viewer_from_user() would
 * give its users (a force with no organisation row has no area: nothing
 * is in its scope).  It has no audit hook: it may ask only what may be
 * said, never read a child.
 */
int alerts_org_viewer(struct store *s, enum org_kind kind, const char *code,
		      int64_t now, struct viewer *out, struct err *err);
int alerts_naming(struct store *s, const struct viewer *v, const char *la,
		  const char *ref, int64_t episode_id, bool *named,
		  bool *episode, struct err *err);

/* An outbox message's facts: one alert, one event. */
struct alert_msg {
	int64_t id;
	const char *rule, *event;
	int64_t at;
	const char *key;		/* the subject key */
	const char *la, *ref;		/* the child, or NULL */
	int64_t episode_id;		/* 0: none */
	const char *urn;		/* a home alert's home, or NULL */
	const char *by_kind, *by_code;	/* who answered, or NULL */
};
/*
 * The body of message m to organisation (kind, code): compact JSON with
 * sorted keys (docs/alerts.md, "The outbox"), unnamed when that
 * organisation may not open the child at m->at.  Free *out.
 */
int alerts_message_body(struct store *s, enum org_kind kind, const char *code,
			const struct alert_msg *m, char **out,
			struct err *err);
/* Remove from a message body what names its child (the reference and
 * the subject key) and, unless episode, the episode. */
void alerts_body_unname(json_t *body, bool episode);

/* ---- what an alert says (text.c) -------------------------------------------------- */

/*
 * An alert in plain words, in English or Welsh (cy), written at output
 * time from its stored facts, severity and due time and the names the
 * store joined in: what happened, where (the home and the councils by
 * name), when the action was due and how overdue it is at now, and what
 * to do.  UK local time in words; no machine strings, no more than every
 * recipient may see (docs/alerts.md, "What an alert says").  A part with
 * nothing to say is "".
 */
#define ALERT_TEXT_MAX 480
struct alert_text {
	char what[ALERT_TEXT_MAX];
	char where[ALERT_TEXT_MAX];
	char due[ALERT_TEXT_MAX];
	char todo[ALERT_TEXT_MAX];
};
void alert_text(const struct alert_row *r, int64_t now, bool cy,
		struct alert_text *out);
/*
 * The recommendation an alert is about (the rules on recommendations:
 * their facts' "rec" and "code"), for a link to /recommendations/{id}:
 * its id and code, or 0 and "".
 */
#define ALERT_REC_CODE_MAX 24		/* == Q_CODE_MAX */
int64_t alert_rec_of(const struct alert_row *r,
		     char code[ALERT_REC_CODE_MAX + 1]);
/* The rule's title ("Return interview not held in time"). */
const char *alert_title(const char *rule, bool cy);
/* Who an unnamed alert is about: "A child looked after by Cardiff
 * Council" / "Plentyn yng ngofal Cyngor Caerdydd". */
void alert_unnamed_text(const struct alert_row *r, bool cy, char *out,
			size_t cap);
/* "Urgent", "High", "Medium", "Low" / "Brys", "Uchel", ... */
const char *alert_severity_label(int severity, bool cy);
/* "Open", "Acknowledged", ... "Historical" / "Agored", ... */
const char *alert_state_label(enum alert_state st, bool cy);
/* Open or acknowledged: someone is to act on it. */
bool alert_is_live(enum alert_state st);
/* Live and past its due time at now. */
bool alert_is_overdue(const struct alert_row *r, int64_t now);

/* ---- webhooks (webhook.c) ------------------------------------------------------ */

/* Backoff: 1, 2, 4, ... minutes, at most an hour; give up after 8. */
#define ALERTS_RETRY_FIRST_MS (60 * 1000LL)
#define ALERTS_RETRY_MAX_MS (60 * 60 * 1000LL)
#define ALERTS_ATTEMPTS_MAX 8
#define ALERTS_HTTP_TIMEOUT_MS 5000L
#define ALERTS_SIGNATURE_MAX 72		/* "sha256=" 64 hex and the NUL */

/*
 * Add (or replace) the webhook of recipient (kind, code) (a provider's
 * code is its register provider's name).  secret_out gets the new
 * secret, 64 hex characters, to show once.  Only http:// and https://.
 */
int alerts_webhook_add(struct store *s, enum org_kind kind, const char *code,
		       const char *url, int64_t now,
		       char secret_out[WEBHOOK_SECRET_HEX + 1], int64_t *id,
		       struct err *err);
/* "sha256=" and the hex HMAC-SHA256 of body keyed with the secret's 64
 * characters as they are. */
void alerts_sign(const char *secret, const char *body, size_t len,
		 char out[ALERTS_SIGNATURE_MAX]);

struct alerts_delivery {
	long tried, delivered, failed, gave_up;
};
/* The delay before attempt n + 1 after n failed attempts. */
int64_t alerts_retry_delay(int attempts);
/*
 * POST every message due at now (at most limit) to its organisation's
 * webhook, signed (X-Cartref-Signature) and with X-Cartref-Delivery:
 * the outbox id; record each attempt.  A 2xx answer delivers.
 */
int alerts_outbox_deliver(struct store *s, int64_t now, long limit,
			  struct alerts_delivery *out, struct err *err);

#endif
