/*
 * store-quality.h: the quality of care kept (issue 13;
 * docs/inspections.md): inspections, findings and responses,
 * notifications, the recommendations register and its follow-up, and
 * which organisation last viewed which home's record.
 *
 * These are the store's rows, unscoped: the service (quality/quality.h)
 * decides with quality_may() (domain/quality.h) who may read or change
 * what, and only it (and the CLI's import, export and the demo) calls
 * these.  The sets are small (Wales: 178 homes, a few inspections a year
 * each; tens of recommendations), so a reader loads what it needs and
 * filters in C.
 *
 * A write given a viewer v (may be NULL: an administrator's import or
 * the demo) writes its audit row through v->audit in the same
 * transaction as the change ("change", subject kind "inspection",
 * "finding", "notification", "recommendation", "rec-addressee"; subject
 * id the row's id; a short detail).  The ids of new rows are written back
 * into the structs given.
 */
#ifndef CARTREF_STORE_QUALITY_H
#define CARTREF_STORE_QUALITY_H

#include "base/compat.h"
#include "domain/quality.h"
#include "store/store-scope.h"

/* A recommendation repeats an earlier one. */
struct rec_repeat {
	int64_t rec_id;
	int64_t earlier_id;
};

/* When an organisation's user last viewed a home's record. */
struct home_view {
	enum org_kind kind;
	char code[ORG_CODE_MAX + 1];
	char urn[S903_URN_MAX + 1];
	int64_t at;
};

/* What a load holds; arrays by id (the order they were added) unless
 * said.  Release with quality_set_release(). */
struct quality_set {
	struct q_inspection *insp;	/* by urn, start_on, id */
	size_t ninsp;
	struct q_finding *findings;	/* by inspection_id, id */
	size_t nfindings;
	struct q_notification *notifs;	/* by occurred_at, id */
	size_t nnotifs;
	struct rec *recs;
	size_t nrecs;
	struct rec_repeat *repeats;	/* by rec_id, earlier_id */
	size_t nrepeats;
	struct rec_addressee *addressees;	/* by rec_id, kind, code */
	size_t naddressees;
	struct rec_action *actions;	/* by addressee_id, id */
	size_t nactions;
	struct rec_update *updates;	/* by addressee_id, at, id */
	size_t nupdates;
	struct home_view *views;	/* by urn, kind, code */
	size_t nviews;
};
#define QUALITY_SET_INIT { .insp = NULL }
void quality_set_release(struct quality_set *q);

/* Which parts to load. */
enum quality_part {
	QP_INSPECTIONS = 1 << 0,	/* with their findings */
	QP_NOTIFICATIONS = 1 << 1,
	QP_RECS = 1 << 2,		/* with repeats, addressees, actions,
					 * updates */
	QP_VIEWS = 1 << 3,
	QP_ALL = 0xf,
};

/*
 * Load the parts asked for: of one home (urn not NULL: its inspections,
 * findings, notifications and views; recommendations are never of a
 * home) or of all.  out must be QUALITY_SET_INIT or released.
 */
int store_quality_load(struct store *s, unsigned parts, const char *urn,
		       struct quality_set *out, struct err *err);

/*
 * Add inspection i (id 0, urn a home of the register: ERR_NOT_FOUND
 * otherwise) and its findings f[0..nf) (their inspection_id, urn set
 * here; repeats_id 0 or an earlier finding of the same home, else
 * ERR_INVALID), in one transaction.  recorded_at, recorded_by: given.
 */
int store_inspection_add(struct store *s, const struct viewer *v,
			 struct q_inspection *i, struct q_finding *f,
			 size_t nf, struct err *err);
/* The provider's response to finding id: text, target day, at, by.
 * Status open becomes responded (others stay).  ERR_NOT_FOUND. */
int store_finding_respond(struct store *s, const struct viewer *v,
			  int64_t id, const char *response, int32_t target_on,
			  int64_t at, const char *by, struct err *err);
/* Judge finding id met or not met on day `on` at inspection
 * inspection_id (0: none named).  ERR_NOT_FOUND; ERR_INVALID for any
 * status but Q_MET and Q_NOT_MET. */
int store_finding_judge(struct store *s, const struct viewer *v, int64_t id,
			enum q_finding_status status, int32_t on,
			int64_t inspection_id, struct err *err);
/* One inspection and its findings (*f malloc'ed, *nf). ERR_NOT_FOUND. */
int store_inspection_get(struct store *s, int64_t id, struct q_inspection *out,
			 struct q_finding **f, size_t *nf, struct err *err);
/* One finding.  ERR_NOT_FOUND. */
int store_finding_get(struct store *s, int64_t id, struct q_finding *out,
		      struct err *err);

/*
 * Import: replace, in one transaction, each inspection of insp[0..n)
 * that has the same home, start day and type as one stored (with its
 * findings), and add the rest.  f[k].inspection_id is the 1-based index
 * in insp of its inspection, f[k].repeats_id 0 or the 1-based index in f
 * of the finding it repeats.  All or nothing.  *added, *replaced (may be
 * NULL).
 */
int store_inspections_import(struct store *s, struct q_inspection *insp,
			     size_t n, struct q_finding *f, size_t nf,
			     long *added, long *replaced, struct err *err);

/* Add notification n (urn a home: ERR_NOT_FOUND; la/ref a child of the
 * store when given: ERR_NOT_FOUND).  filed_at, filed_by: given. */
int store_notification_add(struct store *s, const struct viewer *v,
			   struct q_notification *n, struct err *err);
/* One notification.  ERR_NOT_FOUND. */
int store_notification_get(struct store *s, int64_t id,
			   struct q_notification *out, struct err *err);

/*
 * Add recommendation r (code unique: ERR_EXISTS) with its addressees
 * a[0..na) (status not started, no verdict) and the earlier
 * recommendations it repeats (ids, each stored: ERR_NOT_FOUND).
 */
int store_rec_add(struct store *s, const struct viewer *v, struct rec *r,
		  struct rec_addressee *a, size_t na,
		  const int64_t *repeats, size_t nrepeats, struct err *err);
/* Link recommendation id to an earlier one it repeats. */
int store_rec_repeat_add(struct store *s, const struct viewer *v,
			 int64_t rec_id, int64_t earlier_id, struct err *err);
/* One addressee row.  ERR_NOT_FOUND. */
int store_rec_addressee_get(struct store *s, int64_t id,
			    struct rec_addressee *out, struct err *err);
/* Add an action to addressee a->addressee_id (recorded_at, _by given). */
int store_rec_action_add(struct store *s, const struct viewer *v,
			 struct rec_action *a, struct err *err);
/* Mark action id done on day `on` (DATE_NONE: not done again). */
int store_rec_action_done(struct store *s, const struct viewer *v,
			  int64_t id, int32_t on, struct err *err);
/* One action.  ERR_NOT_FOUND. */
int store_rec_action_get(struct store *s, int64_t id, struct rec_action *out,
			 struct err *err);
/* Add an update; sets its addressee's status and last_update_at, and
 * clears a verdict when the status is no longer done. */
int store_rec_update_add(struct store *s, const struct viewer *v,
			 struct rec_update *u, struct err *err);
/* The inspectorate's verdict on addressee id's "done" (ERR_INVALID when
 * its status is not done). */
int store_rec_verdict(struct store *s, const struct viewer *v, int64_t id,
		      enum rec_verdict verdict, const char *reason,
		      int32_t on, const char *by, struct err *err);

/* Organisation (kind, code) viewed home urn's record at `at` (kept: the
 * latest).  Not audited here: the view itself is. */
int store_home_viewed(struct store *s, enum org_kind kind, const char *code,
		      const char *urn, int64_t at, struct err *err);

/*
 * Does council la place a child at home urn: an SSDA903 episode or a
 * live placement there open on `today`, or that ended at most
 * VIEWER_WINDOW_DAYS before it (the rule docs/access.md gives for a
 * home's full postcode)?
 */
int store_quality_council_places(struct store *s, const char *la,
				 const char *urn, int32_t today, bool *yes,
				 struct err *err);
/* The councils placing a child at home urn on `today` (children placed
 * there now, not the 90-day window), each once, by code.  fn sees each
 * with the number of children (for the "Poor rating" alert). */
typedef int store_council_count_fn(const char *la, long children, void *ctx);
int store_quality_placing_councils(struct store *s, const char *urn,
				   int32_t today, store_council_count_fn *fn,
				   void *ctx, struct err *err);


/* Home urn's provider (its name in the register) and the council whose
 * area it is in, for quality_ties().  ERR_NOT_FOUND: no such home. */
int store_quality_home(struct store *s, const char *urn,
		       char provider[PROVIDER_NAME_MAX + 1],
		       char la[LA_CODE_MAX + 1], struct err *err);
/* Is child la/ref placed at home urn: an SSDA903 episode there open on
 * `today` or ended at most VIEWER_WINDOW_DAYS before it, or a live
 * missing episode from it open or returned since then?  (A notification
 * names such a child.)  ERR_NOT_FOUND: no such child. */
int store_quality_child_at(struct store *s, const char *la, const char *ref,
			   const char *urn, int32_t today, bool *yes,
			   struct err *err);

#endif
