/*
 * quality.h: the quality of care (issue 13; docs/inspections.md):
 * inspections of homes with their ratings and findings, the providers'
 * responses, reg 60 notifications, and the recommendations register with
 * its follow-up.
 *
 * An inspection of a home rates the four CIW themes (Well-being; Care and
 * support; Environment; Leadership and management) Excellent, Good,
 * Needs improvement or Poor, or leaves a theme not rated (a focused
 * inspection).  Its findings are Areas for Improvement or Priority Action
 * Notices (a notice has a due date); each names a regulation ("reg 21")
 * and what must change, and moves open -> responded (the provider's
 * action plan) -> met or not met (judged at a later inspection).  A
 * finding may repeat an earlier one of the same home.
 *
 * A notification (reg 60) is filed by a home to the inspectorate and the
 * placing council: a category (notif_categories[], data in English and
 * Welsh), when it happened, the child when it is about one, what
 * happened and what the home did.
 *
 * A recommendation (of the national review, a thematic review, an
 * inspection of a council, a child practice review) has a source, text
 * in English and Welsh, a theme, and addressees (organisations, each one
 * row: "all councils" is 22 rows and a flag).  Each addressee records
 * actions (what, who, target date, done) and updates (evidence notes,
 * its own status); the inspectorate accepts or rejects "done" with a
 * reason.  A recommendation may repeat earlier ones.
 *
 * This file holds the value types, their limits, the code lists, the
 * checks and who may do what (quality_may()): the one place for those
 * rules.  The store keeps the rows (store/store-quality.h) and the
 * service (quality/quality.h) scopes, audits and changes them.
 *
 * Days are day numbers (base/parse.h; DATE_NONE: none); instants are ms
 * since 1970 UTC (0: none).  Text is NUL-terminated UTF-8 within its
 * *_MAX bytes; the checks refuse control characters other than tab and
 * newline.
 */
#ifndef CARTREF_QUALITY_H
#define CARTREF_QUALITY_H

#include "base/compat.h"
#include "base/err.h"
#include "domain/home.h"
#include "domain/people.h"
#include "domain/viewer.h"

#define Q_TEXT_MAX 2000		/* a summary, a finding, a note */
#define Q_SHORT_MAX 200		/* inspectors' names, a source's title */
#define Q_REG_MAX 40		/* "reg 21", "reg 21(1)(b)" */
#define Q_CODE_MAX 24		/* a category or theme code, "NR19-1" */
#define Q_WHO_MAX 120		/* who does an action */
#define Q_BY_MAX 254		/* == USER_EMAIL_MAX: who recorded it */

/* ---- inspections -------------------------------------------------------- */

enum q_theme {
	Q_WELLBEING = 0,
	Q_CARE_SUPPORT,
	Q_ENVIRONMENT,
	Q_LEADERSHIP,
	Q_NTHEMES
};
/* "wellbeing", "care_support", "environment", "leadership" (CSV, store,
 * API); the names in English and Welsh. */
const char *q_theme_code(enum q_theme t);
const char *q_theme_name(enum q_theme t, bool cy);

enum q_rating {
	Q_NOT_RATED = 0,
	Q_EXCELLENT,
	Q_GOOD,
	Q_NEEDS_IMPROVEMENT,
	Q_POOR,
	Q_NRATINGS
};
/* "", "excellent", "good", "needs_improvement", "poor". */
const char *q_rating_code(enum q_rating r);
/* "Not rated", "Excellent", ...; Welsh "Heb ei raddio", "Rhagorol", ... */
const char *q_rating_name(enum q_rating r, bool cy);
/* Codes, also the English names, case-insensitive; "" and "not_rated"
 * give Q_NOT_RATED.  0 or ERR_INVALID. */
int q_rating_parse(const char *s, enum q_rating *out);

enum q_insp_type {
	Q_FULL = 0,
	Q_FOCUSED,
	Q_POST_REGISTRATION,
	Q_NTYPES
};
/* "full", "focused", "post_registration". */
const char *q_insp_type_code(enum q_insp_type t);
const char *q_insp_type_name(enum q_insp_type t, bool cy);
int q_insp_type_parse(const char *s, enum q_insp_type *out);

struct q_inspection {
	int64_t id;			/* 0 before it is stored */
	char urn[S903_URN_MAX + 1];	/* a home of the register */
	int32_t start_on, end_on;	/* days; end_on >= start_on */
	enum q_insp_type type;
	char inspectors[Q_SHORT_MAX + 1];	/* names, comma separated */
	enum q_rating rating[Q_NTHEMES];	/* a full inspection rates all */
	char summary[Q_TEXT_MAX + 1];
	int64_t recorded_at;		/* read only */
	char recorded_by[Q_BY_MAX + 1];	/* read only */
	uint32_t line;			/* source line when read from a file */
};

enum q_finding_kind {
	Q_AREA_FOR_IMPROVEMENT = 0,
	Q_PRIORITY_ACTION_NOTICE,
	Q_NKINDS
};
/* "afi", "pan"; "Area for improvement", "Priority action notice". */
const char *q_finding_kind_code(enum q_finding_kind k);
const char *q_finding_kind_name(enum q_finding_kind k, bool cy);
int q_finding_kind_parse(const char *s, enum q_finding_kind *out);

enum q_finding_status {
	Q_OPEN = 0,
	Q_RESPONDED,		/* the provider has sent an action plan */
	Q_MET,			/* judged met at a later inspection */
	Q_NOT_MET,		/* judged not met: stays to be put right */
	Q_NSTATUSES
};
/* "open", "responded", "met", "not_met". */
const char *q_finding_status_code(enum q_finding_status s);
const char *q_finding_status_name(enum q_finding_status s, bool cy);
int q_finding_status_parse(const char *s, enum q_finding_status *out);
/* Still to be put right (open, responded or not met)? */
bool q_finding_outstanding(enum q_finding_status s);
/*
 * The finding of all[0..n) that repeats f (a later inspection found it
 * again), or NULL.  A finding repeated is carried on by the one that
 * repeats it: lists of what is still to be put right and the alerts show
 * only the latest of a chain.
 */
const struct q_finding *q_finding_repeated_by(const struct q_finding *f,
					      const struct q_finding *all,
					      size_t n);

struct q_finding {
	int64_t id;
	int64_t inspection_id;
	char urn[S903_URN_MAX + 1];	/* read only: the inspection's home */
	enum q_finding_kind kind;
	char regulation[Q_REG_MAX + 1];	/* "reg 21" */
	char text[Q_TEXT_MAX + 1];	/* what must change */
	int32_t due_on;			/* a notice's date; DATE_NONE for an AFI */
	enum q_finding_status status;
	int32_t judged_on;		/* met / not met: the day; DATE_NONE */
	int64_t judged_inspection_id;	/* the inspection that judged it, 0 */
	int64_t repeats_id;		/* an earlier finding it repeats, 0 */
	/* the provider's response: its action plan */
	char response[Q_TEXT_MAX + 1];
	int32_t response_target_on;	/* DATE_NONE: none */
	int64_t responded_at;		/* 0: no response yet */
	char responded_by[Q_BY_MAX + 1];
	uint32_t line;
};

/* Zero and set the "none" values (DATE_NONE days). */
void q_inspection_init(struct q_inspection *i);
void q_finding_init(struct q_finding *f);

/* ---- notifications (reg 60) -------------------------------------------- */

/* One category of notification: data, in English and Welsh. */
struct notif_category {
	const char *code;		/* "missing", "police", ... */
	const char *en, *cy;
	bool about_child;		/* names a child */
};
extern const struct notif_category notif_categories[];
extern const size_t notif_ncategories;
const struct notif_category *notif_category_find(const char *code);

struct q_notification {
	int64_t id;
	char urn[S903_URN_MAX + 1];	/* the home that files it */
	char category[Q_CODE_MAX + 1];
	int64_t occurred_at;		/* when it happened */
	char la[LA_CODE_MAX + 1];	/* the child's council, "" none */
	char ref[S903_CHILD_MAX + 1];	/* the child, "" none */
	int64_t episode_id;		/* a live missing episode, 0 */
	char summary[Q_TEXT_MAX + 1];	/* what happened */
	char action[Q_TEXT_MAX + 1];	/* what the home did */
	int64_t filed_at;		/* read only */
	char filed_by[Q_BY_MAX + 1];	/* read only */
	uint32_t line;
};
void q_notification_init(struct q_notification *n);

/* ---- recommendations ---------------------------------------------------- */

enum rec_source {
	REC_NATIONAL_REVIEW = 0,
	REC_THEMATIC_REVIEW,
	REC_COUNCIL_INSPECTION,
	REC_CHILD_PRACTICE_REVIEW,
	REC_NSOURCES
};
/* "national_review", "thematic_review", "council_inspection",
 * "child_practice_review". */
const char *rec_source_code(enum rec_source s);
const char *rec_source_name(enum rec_source s, bool cy);
int rec_source_parse(const char *s, enum rec_source *out);

/* A recommendation's theme: data, in English and Welsh. */
struct rec_theme {
	const char *code;		/* "missing", "sufficiency", ... */
	const char *en, *cy;
};
extern const struct rec_theme rec_themes[];
extern const size_t rec_nthemes;
const struct rec_theme *rec_theme_find(const char *code);

enum rec_status {
	REC_NOT_STARTED = 0,
	REC_IN_PROGRESS,
	REC_DONE,
	REC_NSTATUSES
};
/* "not_started", "in_progress", "done". */
const char *rec_status_code(enum rec_status s);
const char *rec_status_name(enum rec_status s, bool cy);
int rec_status_parse(const char *s, enum rec_status *out);

/* The inspectorate's verdict on an addressee's "done". */
enum rec_verdict {
	REC_VERDICT_NONE = 0,
	REC_ACCEPTED,
	REC_REJECTED,
	REC_NVERDICTS
};
const char *rec_verdict_code(enum rec_verdict v);	/* "", "accepted", "rejected" */
const char *rec_verdict_name(enum rec_verdict v, bool cy);

struct rec {
	int64_t id;
	char code[Q_CODE_MAX + 1];	/* "NR2019-1": unique */
	enum rec_source source;
	char source_title[Q_SHORT_MAX + 1];
	int32_t made_on;		/* a day */
	char theme[Q_CODE_MAX + 1];	/* rec_themes[] */
	char text_en[Q_TEXT_MAX + 1];
	char text_cy[Q_TEXT_MAX + 1];
	bool all_councils;		/* addressed to every council */
	uint32_t line;
};

struct rec_addressee {
	int64_t id;
	int64_t rec_id;
	enum org_kind kind;
	char code[ORG_CODE_MAX + 1];	/* the organisation's code */
	/* read only: its name (a council's from the geography, the others'
	 * from the organisations; a provider's is its code); "" unknown */
	char name_en[ORG_NAME_MAX + 1];
	char name_cy[ORG_NAME_MAX + 1];
	enum rec_status status;		/* its own rating (the last update's) */
	enum rec_verdict verdict;	/* on "done" */
	char verdict_reason[Q_TEXT_MAX + 1];
	int32_t verdict_on;		/* DATE_NONE */
	char verdict_by[Q_BY_MAX + 1];
	int64_t last_update_at;		/* 0: none yet */
};

struct rec_action {
	int64_t id;
	int64_t addressee_id;
	char what[Q_TEXT_MAX + 1];
	char who[Q_WHO_MAX + 1];
	int32_t target_on;		/* a day */
	int32_t done_on;		/* DATE_NONE: not done */
	int64_t recorded_at;		/* read only */
	char recorded_by[Q_BY_MAX + 1];	/* read only */
};

struct rec_update {
	int64_t id;
	int64_t addressee_id;
	int64_t at;			/* read only */
	char by[Q_BY_MAX + 1];		/* read only */
	char note[Q_TEXT_MAX + 1];	/* progress and its evidence */
	enum rec_status status;		/* the addressee's status with it */
};

void rec_init(struct rec *r);
void rec_action_init(struct rec_action *a);

/* ---- checks ------------------------------------------------------------- */

/* A check's problem: the field (the CSV column or form field) and the
 * rule broken ("required", "too-long", "date-order", ...), with a
 * sentence in English for the message. */
struct q_problem {
	const char *field;
	const char *rule;
	char msg[160];
};

/* 0, or ERR_INVALID with *p filled.  today: the day "now" (dates in the
 * future are refused where they cannot be, e.g. an inspection). */
int q_inspection_check(const struct q_inspection *i, int32_t today,
		       struct q_problem *p);
int q_finding_check(const struct q_finding *f, const struct q_inspection *i,
		    struct q_problem *p);
int q_notification_check(const struct q_notification *n, int64_t now_ms,
			 struct q_problem *p);
int rec_check(const struct rec *r, struct q_problem *p);
int rec_action_check(const struct rec_action *a, struct q_problem *p);
int rec_update_check(const struct rec_update *u, struct q_problem *p);
/* Text within max bytes, valid UTF-8, no control characters but tab and
 * newline; required: not blank. */
int q_text_check(const char *field, const char *s, size_t max, bool required,
		 struct q_problem *p);

/* ---- who may do what: the one place for these rules ----------------------- */

enum q_op {
	Q_READ_RECORD = 1,	/* a home's inspections, findings (not
				 * aggregates: those are for every role) */
	Q_RECORD_INSPECTION,	/* record an inspection and its findings,
				 * judge findings met / not met */
	Q_RESPOND,		/* respond to a finding of its home */
	Q_FILE_NOTIFICATION,	/* file a notification from its home */
	Q_READ_NOTIFICATIONS,	/* a home's notifications */
	Q_READ_RECS,		/* the recommendations register */
	Q_UPDATE_REC,		/* actions and updates of its addressee row */
	Q_JUDGE_REC,		/* accept or reject "done" */
};

/*
 * What a home's record relates to viewer v: whether v's organisation
 * runs it (provider), places a child there now or within
 * VIEWER_WINDOW_DAYS (council; the store's store_quality_council_places()
 * answers that), or the home is in v's council area.
 */
struct q_home_ties {
	bool provider;		/* v is the home's provider */
	bool council_places;	/* v's council places a child there */
	bool council_area;	/* the home is in v's council's area */
};

/*
 * May v do op?  For a home's record (urn given) ties says how v relates
 * to it; for an addressee row (kind, code) whether it is v's
 * organisation.  Inspectors: read everything, record, judge.  A
 * provider (home manager): its homes' record, respond, file
 * notifications.  A council (social worker, placements): the record of
 * homes where it places a child or in its area; notifications about its
 * children or from those homes.  Every role but admin reads the
 * register of recommendations; an addressee's own users update its
 * row.  Analysts and admins: no home's record (aggregates only).
 */
bool quality_may(const struct viewer *v, enum q_op op,
		 const struct q_home_ties *ties);
/* Is the addressee (kind, code) v's own organisation? */
bool quality_addressee_is(const struct viewer *v, enum org_kind kind,
			  const char *code);
/* May v see notification n (the home's ties given)? */
bool quality_notification_visible(const struct viewer *v,
				  const struct q_notification *n,
				  const struct q_home_ties *ties);

#endif
