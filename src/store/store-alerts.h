/*
 * store-alerts.h: the store behind src/alerts/ (issue 5; docs/alerts.md).
 *
 * The tables behind src/alerts/: the facts the rules read (a snapshot),
 * the alerts with their recipients, the outbox and webhooks.  Only
 * src/alerts/ and the CLI call these: they apply no policy (who may see
 * or acknowledge an alert is decided in src/alerts/).  Times are ms since
 * 1970 UTC (0: none); days are day numbers (DATE_NONE: none).
 * Recipients are organisations by kind and code (a provider by the name
 * of its provider in the homes register: migration 6).  States,
 * severities and the limits of rules, keys and facts are domain/alert.h.
 */
#ifndef CARTREF_STORE_ALERTS_H
#define CARTREF_STORE_ALERTS_H

#include "base/compat.h"
#include "domain/alert.h"
#include "domain/people.h"
#include "store/store-core.h"
#include "store/store-quality.h"
#include "store/store-scope.h"

#define ALERT_DETAIL_MAX 200
#define ALERT_NOTE_MAX 1000
#define ALERT_BODY_MAX 2000
#define ALERT_PARAM_NAME_MAX 32
#define WEBHOOK_URL_MAX 500
#define WEBHOOK_SECRET_HEX 64

/* ---- the snapshot: every fact the rules read, sorted by child ---- */

struct alert_child {
	int64_t id;
	char la[LA_CODE_MAX + 1];	/* the council that looks after it */
	char ref[S903_CHILD_MAX + 1];
};

/* A live episode (mfc_episode). */
struct alert_live {
	int64_t id, child_id;
	char kind;			/* 'M' or 'A' */
	int32_t home;			/* index in homes, -1: none */
	int64_t started_at;
	int64_t returned_at;		/* 0: not returned */
	int64_t ri_offered_at, ri_held_at;	/* 0: not recorded */
	bool ri_declined;
	char grade;			/* 'n', 'l', 'm', 'h'; 0 not graded */
	bool exploitation, arrested, charged;
};

struct alert_meeting {
	int64_t child_id;
	int32_t held_on;
	int32_t safety_plan_review_on;	/* DATE_NONE: none recorded */
};

/* An SSDA903 missing period, merged across returns (migration 3). */
struct alert_period {
	int64_t child_id;
	char kind;			/* 'M' or 'A' */
	int32_t start;
	int32_t end;			/* end_eff; DATE_NONE: open */
};

/* An SSDA903 episode (placement), merged across returns. */
struct alert_placement {
	int64_t child_id;
	int32_t decom;
	int32_t end;			/* end_eff; DATE_NONE: open */
	char rne;			/* 'S', 'L', 'P', 'T', 'B', 'U' */
	bool has_reason;		/* REASON_PLACE_CHANGE given */
	int32_t distance;		/* tenths of a mile, -1 unknown */
	int32_t home;			/* index in homes, -1: none */
};

/* A home of the register. */
struct alert_home {
	char urn[S903_URN_MAX + 1];
	char provider[PROVIDER_NAME_MAX + 1];
	char council[LA_CODE_MAX + 1];	/* whose area it is in */
	int places;
	int32_t registered, closed;	/* closed DATE_NONE: open */
};

/* A council placing children at a home (the "Poor rating" rule). */
struct alert_placing {
	int32_t home;			/* index in homes */
	char la[LA_CODE_MAX + 1];
	long children;			/* its children placed there today */
};

/* An organisation's name, for what an alert says (its code is no name
 * to a person): Welsh councils from the geography, the others from the
 * organisations. */
struct alert_org_name {
	enum org_kind kind;
	char code[ORG_CODE_MAX + 1];
	char en[ORG_NAME_MAX + 1];
	char cy[ORG_NAME_MAX + 1];
};

struct alert_snapshot {
	struct alert_child *children;	/* by id */
	size_t nchildren;
	struct alert_live *live;	/* by child, started_at */
	size_t nlive;
	struct alert_meeting *meetings;	/* by child, held_on */
	size_t nmeetings;
	struct alert_period *periods;	/* by child, start */
	size_t nperiods;
	struct alert_placement *placements;	/* by child, decom */
	size_t nplacements;
	struct alert_home *homes;	/* by URN: every home */
	size_t nhomes;
	/*
	 * The quality of care (issue 13): inspections with their findings,
	 * the recommendations register with its follow-up, and the views
	 * of homes' records, and the councils placing children today at
	 * each home whose latest inspection rated a theme Poor.  Loaded by
	 * a full run only (alerts_run()); quality false: not loaded, and
	 * the rules that read it find nothing.
	 */
	bool quality;
	struct quality_set q;
	struct alert_placing *placing;	/* by home, la */
	size_t nplacing;
	struct alert_org_name *names;	/* in load order: few dozen */
	size_t nnames;
};

#define ALERT_SNAPSHOT_INIT { .children = NULL }
void alert_snapshot_release(struct alert_snapshot *snap);

/*
 * Load the facts of every child (nids 0) or of the children in ids
 * (indexed reads: for one child's re-evaluation); the homes always.
 * out must be ALERT_SNAPSHOT_INIT or released.
 */
int store_alert_snapshot_load(struct store *s, const int64_t *ids,
			      size_t nids, struct alert_snapshot *out,
			      struct err *err);
/* Children with a live episode from home urn that started on a day in
 * [from, to], or an SSDA903 episode there overlapping [from, to]. */
typedef int store_id_fn(int64_t id, void *ctx);
int store_alert_home_children(struct store *s, const char *urn,
			      int32_t from, int32_t to, store_id_fn *fn,
			      void *ctx, struct err *err);
/* The police force (org code) whose area holds council la; "" if none. */
int store_alert_police_of(struct store *s, const char *la,
			  char out[ORG_CODE_MAX + 1], struct err *err);

/* ---- parameters ---- */

typedef int store_alert_param_fn(const char *rule, const char *name,
				 int64_t value, const char *changed_by,
				 int64_t changed_at, void *ctx);
int store_alert_params_each(struct store *s, store_alert_param_fn *fn,
			    void *ctx, struct err *err);
int store_alert_param_set(struct store *s, const char *rule,
			  const char *name, int64_t value,
			  const char *changed_by, int64_t at, struct err *err);

/* The last full run's national top-decile rate (periods/places);
 * ERR_NOT_FOUND before the first run. */
int store_alert_run_get(struct store *s, int64_t *periods, int64_t *places,
			struct err *err);
int store_alert_run_set(struct store *s, int64_t at, int64_t periods,
			int64_t places, struct err *err);

/* ---- alerts ---- */

/* The evaluator's view of a stored alert. */
struct alert_key_row {
	int64_t id;
	char rule[ALERT_RULE_MAX + 1];
	char key[ALERT_KEY_MAX + 1];
	enum alert_state state;
	int64_t escalate_at;		/* 0: never */
	int64_t escalated_at;		/* 0: not yet */
	int64_t raised_at;
	int severity;
	int64_t due_at;			/* 0: none */
	char home_urn[S903_URN_MAX + 1];
	char facts[ALERT_FACTS_MAX + 1];
};
typedef int store_alert_key_fn(const struct alert_key_row *r, void *ctx);
/* Every alert (child_id 0 and urn NULL), or those of one child, or the
 * alerts about home urn; by rule then key (byte order). */
int store_alert_keys_each(struct store *s, int64_t child_id, const char *urn,
			  store_alert_key_fn *fn, void *ctx, struct err *err);

struct alert_new {
	const char *rule;
	const char *key;
	int64_t child_id;		/* 0: none */
	int64_t episode_id;		/* 0: none */
	const char *urn;		/* a home alert's home; NULL: none */
	const char *home_urn;		/* where it happened; NULL: none */
	int64_t escalate_at;		/* 0: never */
	bool historical;		/* state historical, else open */
	int severity;			/* enum alert_severity */
	int64_t due_at;			/* 0: none */
	const char *facts;		/* JSON object, <= ALERT_FACTS_MAX */
};
/* Insert a new alert (state open or historical, raised now);
 * ERR_EXISTS if the rule and key have one. */
int store_alert_insert(struct store *s, const struct alert_new *a,
		       int64_t now, int64_t *id, struct err *err);
/* Open a cleared alert again as if new (acknowledgement, resolution and
 * escalation forgotten), or make it historical: a's state, escalation,
 * severity, due time, home and facts (its rule, key, child and episode
 * are the stored ones). */
int store_alert_reopen(struct store *s, int64_t id, const struct alert_new *a,
		       int64_t now, struct err *err);
/* New facts of a stored alert whose rule still holds (no state change,
 * no message): its severity, due time, home and facts. */
int store_alert_update(struct store *s, int64_t id, int severity,
		       int64_t due_at, const char *home_urn, const char *facts,
		       struct err *err);
int store_alert_clear(struct store *s, int64_t id, int64_t now,
		      struct err *err);
int store_alert_escalate(struct store *s, int64_t id, int64_t now,
			 struct err *err);
/* Acknowledge (resolve false) or resolve by user_id with a note. */
int store_alert_answer(struct store *s, int64_t id, bool resolve,
		       int64_t user_id, const char *note, int64_t now,
		       struct err *err);
/* Add a recipient (kind, code); already there is not an error. */
int store_alert_recipient_add(struct store *s, int64_t id,
			      enum org_kind kind, const char *code,
			      struct err *err);
typedef int store_alert_recipient_fn(enum org_kind kind, const char *code,
				     void *ctx);
int store_alert_recipients_each(struct store *s, int64_t id,
				store_alert_recipient_fn *fn, void *ctx,
				struct err *err);
/* Is (kind, code) a recipient of alert id? */
int store_alert_is_recipient(struct store *s, int64_t id,
			     enum org_kind kind, const char *code, bool *yes,
			     struct err *err);

/* An alert as lists and pages show it, with the names its texts use. */
struct alert_row {
	int64_t id;
	char rule[ALERT_RULE_MAX + 1];
	char key[ALERT_KEY_MAX + 1];
	enum alert_state state;
	int64_t child_id;		/* 0: about a home */
	char la[LA_CODE_MAX + 1];	/* the child's council, or "" */
	char la_en[LA_NAME_MAX + 1], la_cy[LA_NAME_MAX + 1];	/* its name */
	char ref[S903_CHILD_MAX + 1];	/* the child, or "" */
	int64_t episode_id;		/* a live episode, or 0 */
	char urn[S903_URN_MAX + 1];	/* a home alert's home, or "" */
	/* where it happened: the home (register data), its area's names */
	char home_urn[S903_URN_MAX + 1];
	char home_name[HOME_NAME_MAX + 1];
	char home_area_en[LA_NAME_MAX + 1], home_area_cy[LA_NAME_MAX + 1];
	char detail[ALERT_DETAIL_MAX + 1];	/* before migration 7 only */
	int severity;			/* enum alert_severity */
	int64_t due_at;			/* 0: none */
	char facts[ALERT_FACTS_MAX + 1];
	int64_t raised_at, escalate_at, escalated_at, cleared_at;
	int64_t acknowledged_at, resolved_at;
	char acknowledged_by[USER_EMAIL_MAX + 1];
	char resolved_by[USER_EMAIL_MAX + 1];
	char ack_note[ALERT_NOTE_MAX + 1];
	char resolve_note[ALERT_NOTE_MAX + 1];
	/* set by src/alerts/ (never by the store): its reader may not open
	 * the child, so ref, key, the home and the notes were emptied and
	 * the texts say "a child looked after by" the council */
	bool unnamed;
};

int store_alert_get(struct store *s, int64_t id, struct alert_row *out,
		    struct err *err);

struct alert_filter {
	const char *rule;		/* NULL or "": any */
	int state;			/* -1: open or acknowledged (live);
					 * ALERT_NSTATES: any */
	const char *la;			/* child's council; NULL or "": any */
	long page, page_size;
	const char *ref;		/* the child's reference; NULL: any */
	const char *home;		/* the home (URN) where it happened */
};

struct alert_page {
	struct alert_row rows[STORE_PAGE_MAX];
	size_t n;
	long total;
	long page, page_size;
};

/* Alerts whose recipients include (kind, code), newest first.  Pages
 * are large (allocate them). */
int store_alerts_list(struct store *s, enum org_kind kind, const char *code,
		      const struct alert_filter *f, struct alert_page *out,
		      struct err *err);

/*
 * Items: the same alerts grouped, one item per child (its alerts about
 * it) or per home (the home rules'), each with its reasons; an alert
 * about neither (a recommendation's) is an item alone.  Items are
 * ordered by urgency: the most urgent reason of each (highest severity,
 * then earliest due, no due last, then newest), then the newest alert
 * of the item; reasons within an item in the same order.
 */
#define ALERT_ITEM_REASONS_MAX 50	/* reasons kept per item */
struct alert_item {
	int64_t child_id;		/* 0: a home item */
	char la[LA_CODE_MAX + 1];	/* the child's council, or "" */
	char ref[S903_CHILD_MAX + 1];	/* the child, or "" */
	char urn[S903_URN_MAX + 1];	/* a home item's home, or "" */
	/* an item about neither (a recommendation's alert): that alert */
	int64_t alert_id;
	bool unnamed;			/* as alert_row's (src/alerts/) */
	int severity;			/* of its most urgent reason */
	int64_t due_at;			/* of its most urgent reason; 0 */
	int64_t newest_at;		/* its newest reason raised */
	long nall;			/* reasons matching the filter */
	size_t first, n;		/* reasons[first .. first + n) */
};

struct alert_item_page {
	struct alert_item items[STORE_PAGE_MAX];
	size_t n;
	struct alert_row *reasons;	/* heap: alert_item_page_release() */
	size_t nreasons, areasons;
	long total;			/* items matching the filter */
	long page, page_size;
};

void alert_item_page_release(struct alert_item_page *p);
/* Items of the alerts whose recipients include (kind, code).  out is
 * overwritten (release a page used before); pages are large. */
int store_alert_items_list(struct store *s, enum org_kind kind,
			   const char *code, const struct alert_filter *f,
			   struct alert_item_page *out, struct err *err);
/* How many items the filter matches (the list's total, alone). */
int store_alert_items_count(struct store *s, enum org_kind kind,
			    const char *code, const struct alert_filter *f,
			    long *n, struct err *err);
/* The homes the alerts of (kind, code) happened at (any state), by
 * name: for a filter. */
typedef int store_alert_home_fn(const char *urn, const char *name,
				void *ctx);
int store_alert_homes_each(struct store *s, enum org_kind kind,
			   const char *code, store_alert_home_fn *fn,
			   void *ctx, struct err *err);

/* ---- outbox and webhooks ---- */

int store_outbox_add(struct store *s, int64_t alert_id, enum org_kind kind,
		     const char *code, const char *event, const char *body,
		     int64_t now, int64_t *id, struct err *err);

struct outbox_row {
	int64_t id, alert_id;
	enum org_kind kind;
	char code[ORG_CODE_MAX + 1];
	char event[16];
	char body[ALERT_BODY_MAX + 1];
	int64_t created_at, delivered_at, next_attempt_at, gave_up_at;
	int attempts;
	/* the organisation's webhook, when listing due messages */
	int64_t webhook_id;
	char url[WEBHOOK_URL_MAX + 1];
	char secret[WEBHOOK_SECRET_HEX + 1];
};
typedef int store_outbox_fn(const struct outbox_row *r, void *ctx);
/* An organisation's messages newest first, ids below before_id (0:
 * from the newest), at most limit (1 to 1000). */
int store_outbox_list(struct store *s, enum org_kind kind, const char *code,
		      int64_t before_id, long limit, store_outbox_fn *fn,
		      void *ctx, struct err *err);
/* Messages due for delivery at now to an enabled webhook (made after
 * the webhook, not delivered, not given up, next attempt due), oldest
 * first, at most limit; with the webhook's id, URL and secret. */
int store_outbox_due(struct store *s, int64_t now, long limit,
		     store_outbox_fn *fn, void *ctx, struct err *err);
/*
 * Record one delivery attempt of message outbox_id: a webhook_delivery
 * row (http_status 0: none), and on the message the attempt count,
 * delivered_at (delivered), else next_attempt_at (0: give up now).
 */
int store_outbox_attempt(struct store *s, int64_t outbox_id,
			 int64_t webhook_id, int attempt, int64_t at,
			 int http_status, const char *error, bool delivered,
			 int64_t next_attempt_at, struct err *err);

struct webhook_row {
	int64_t id;
	enum org_kind kind;
	char code[ORG_CODE_MAX + 1];
	char url[WEBHOOK_URL_MAX + 1];
	int64_t created_at;
	bool disabled;
	long delivered, pending, gave_up;	/* its messages */
};
/* Add (or replace, with a new secret) the webhook of (kind, code). */
int store_webhook_put(struct store *s, enum org_kind kind, const char *code,
		      const char *url, const char *secret, int64_t now,
		      int64_t *id, struct err *err);
typedef int store_webhook_fn(const struct webhook_row *r, void *ctx);
int store_webhooks_each(struct store *s, store_webhook_fn *fn, void *ctx,
			struct err *err);

#endif
