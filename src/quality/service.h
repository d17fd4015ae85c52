/*
 * service.h: the quality of care for people (issue 13;
 * docs/inspections.md): every read and change of inspections, findings,
 * notifications and recommendations by a web page, the API or the CLI
 * goes through here, so each is scoped by quality_may()
 * (domain/quality.h) and audited in one place.
 *
 * Reads that show a home's record or notifications write a "view" audit
 * row through v->audit (subject kind "home-record", "inspection",
 * "notification", "notifications"; subject the URN or id); a refusal
 * writes "view-denied" (or "change-denied" for a change) and is
 * ERR_DENIED when v's kind of access may never do it, ERR_NOT_FOUND when
 * the row is out of v's scope (as one that does not exist).  Changes are
 * audited by the store in their transaction.  Bad input is ERR_INVALID
 * with *p naming the field and rule (nothing written).
 *
 * A council's view of a home's record is remembered (store_home_viewed())
 * for the alert on a home rated Poor that a placing council has not
 * looked at since.
 *
 * Times: v->now_ms and v->today.
 */
#ifndef CARTREF_QUALITY_SERVICE_H
#define CARTREF_QUALITY_SERVICE_H

#include "base/compat.h"
#include "domain/quality.h"
#include "store/store-quality.h"

/* How v relates to home urn (the register's provider, the placing
 * council, the home's council area).  ERR_NOT_FOUND: no such home. */
int quality_ties(struct store *s, const struct viewer *v, const char *urn,
		 struct q_home_ties *out, struct err *err);

/*
 * Home urn's record for v (Q_READ_RECORD): its inspections (newest
 * first), their findings, and its notifications v may see
 * (Q_READ_NOTIFICATIONS; none when v may not), in out (QP_INSPECTIONS |
 * QP_NOTIFICATIONS of quality_set).  Audited "view" "home-record" urn.
 */
int quality_home_record(struct store *s, const struct viewer *v,
			const char *urn, struct quality_set *out,
			struct err *err);

/* One inspection with its findings (*f malloc'ed). */
int quality_inspection_get(struct store *s, const struct viewer *v,
			   int64_t id, struct q_inspection *out,
			   struct q_finding **f, size_t *nf, struct err *err);

/*
 * An inspector records inspection i of home i->urn with findings
 * f[0..nf) (Q_RECORD_INSPECTION).  Each finding's repeats_id may name an
 * earlier finding of the same home.  A finding of an earlier inspection
 * judged at this one is judged with quality_finding_judge().
 */
int quality_inspection_record(struct store *s, const struct viewer *v,
			      struct q_inspection *i, struct q_finding *f,
			      size_t nf, struct q_problem *p,
			      struct err *err);
/* The provider responds to finding id with an action plan (Q_RESPOND). */
int quality_finding_respond(struct store *s, const struct viewer *v,
			    int64_t id, const char *response,
			    int32_t target_on, struct q_problem *p,
			    struct err *err);
/* An inspector judges finding id met or not met (at inspection
 * inspection_id, 0: none) on v->today. */
int quality_finding_judge(struct store *s, const struct viewer *v,
			  int64_t id, enum q_finding_status status,
			  int64_t inspection_id, struct err *err);

/*
 * A home manager files notification n from its home n->urn
 * (Q_FILE_NOTIFICATION; a child named must be placed at the home or
 * have a live episode from it).
 */
int quality_notification_file(struct store *s, const struct viewer *v,
			       struct q_notification *n, struct q_problem *p,
			       struct err *err);
/*
 * The notifications v may see, newest first: of home urn (NULL: every
 * home v may see them of), that occurred at or after since_ms (0: all).
 * *out malloc'ed, *n.  Audited "view" "notifications" (urn or "all")
 * when not empty.
 */
int quality_notifications(struct store *s, const struct viewer *v,
			  const char *urn, int64_t since_ms,
			  struct q_notification **out, size_t *n,
			  struct err *err);
/*
 * The facts of live missing episode episode_id as a notification to be
 * filed (category "missing", the home, the child, when, what the home
 * recorded): for the form a report of a missing episode offers.
 * ERR_NOT_FOUND unless v may see the episode and file for its home.
 */
int quality_notification_from_episode(struct store *s,
				      const struct viewer *v,
				      int64_t episode_id,
				      struct q_notification *out,
				      struct err *err);

/* The register: every recommendation, with repeats, addressees, actions
 * and updates (QP_RECS).  Every role but admin (Q_READ_RECS).  No child
 * is named: not audited. */
int quality_recs(struct store *s, const struct viewer *v,
		 struct quality_set *out, struct err *err);
/* An inspector adds a recommendation (with addressees and repeats). */
int quality_rec_add(struct store *s, const struct viewer *v, struct rec *r,
		    struct rec_addressee *a, size_t na,
		    const int64_t *repeats, size_t nrepeats,
		    struct q_problem *p, struct err *err);
/* The addressee's own users add an action, mark one done, add an
 * update (Q_UPDATE_REC). */
int quality_rec_action_add(struct store *s, const struct viewer *v,
			   struct rec_action *a, struct q_problem *p,
			   struct err *err);
int quality_rec_action_done(struct store *s, const struct viewer *v,
			    int64_t action_id, struct err *err);
int quality_rec_update_add(struct store *s, const struct viewer *v,
			   struct rec_update *u, struct q_problem *p,
			   struct err *err);
/* An inspector accepts or rejects addressee id's "done"; a rejection
 * needs a reason (Q_JUDGE_REC). */
int quality_rec_judge(struct store *s, const struct viewer *v, int64_t id,
		      enum rec_verdict verdict, const char *reason,
		      struct q_problem *p, struct err *err);

#endif
