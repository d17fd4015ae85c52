/*
 * missing.h: missing from care, recorded live by the agencies (issue 5;
 * docs/missing.md).
 *
 * An mfc_episode is one missing (M) or away (A) episode as it happens:
 * the home reports it (when the child was last seen, where, the
 * circumstances, what the home has done, risk indicators), the police
 * record their reference, risk grade, the return and any arrest or
 * charge, and the child's council records the return interview.  A
 * strategy meeting is about a child (usually after an episode).  The
 * grab pack (Philomena Protocol part 1) is one per child, kept by the
 * home where the child lives and shown to the police only while the
 * child is missing.
 *
 * This file holds the value types, their text limits, the code lists
 * and the checks; the store keeps them (store.h, "missing from care,
 * recorded live") and decides who may see and change what.
 *
 * Times are instants, milliseconds since 1970 UTC (0: not recorded);
 * meeting dates are day numbers (base/parse.h; DATE_NONE: none).  Text
 * fields are NUL-terminated UTF-8 within their *_MAX bytes; the checks
 * refuse control characters other than tab and newline.
 */
#ifndef CARTREF_MISSING_H
#define CARTREF_MISSING_H

#include "base/compat.h"
#include "base/err.h"
#include "domain/home.h"
#include "domain/ssda903.h"

#define MFC_TEXT_MAX 1000	/* circumstances, actions, summaries ... */
#define MFC_PLACE_MAX 200	/* a place: "Cardiff Central station" */
#define MFC_REF_MAX 40		/* a police reference */
#define MFC_BY_MAX 120		/* who held a return interview */
#define MFC_PHOTO_MAX 200	/* a photo reference, not a photo */

/* Clock skew allowed for times "now" on another system's clock. */
#define MFC_SKEW_MS (5 * 60 * 1000LL)

enum mfc_grade {
	MFC_GRADE_UNSET = 0,	/* not graded yet */
	MFC_GRADE_NONE,		/* no apparent risk */
	MFC_GRADE_LOW,
	MFC_GRADE_MEDIUM,
	MFC_GRADE_HIGH,
	MFC_NGRADES
};

enum mfc_outcome {
	MFC_OUTCOME_UNSET = 0,
	MFC_OUTCOME_ACCEPTED,	/* the child accepted the interview */
	MFC_OUTCOME_DECLINED,
	MFC_NOUTCOMES
};

/* "", "none", "low", "medium", "high" (the store's words). */
const char *mfc_grade_name(enum mfc_grade g);
/* Also "no-apparent-risk", "no apparent risk"; case-insensitive.
 * "" gives MFC_GRADE_UNSET.  0 or ERR_INVALID. */
int mfc_grade_parse(const char *s, enum mfc_grade *out);
/* "", "accepted", "declined". */
const char *mfc_outcome_name(enum mfc_outcome o);
int mfc_outcome_parse(const char *s, enum mfc_outcome *out);
/* "M" or "A" (also "missing", "away"): kind[0] set, kind[1] NUL. */
int mfc_kind_parse(const char *s, char kind[2]);

/*
 * An instant as uk_time_parse() reads it: "2019-03-30T21:15" (or a space
 * for the T), with optional ":SS" and ".mmm", is UK local time; with a
 * trailing "Z" or an offset ("+01:00") it is that instant.  A local time
 * the clocks skip, or repeat without " BST"/" GMT", is ERR_INVALID, as
 * is "" (callers treat blank as "not recorded" themselves).
 */
int mfc_time_parse(const char *s, int64_t *ms);
/* "2019-03-30T21:15:00.000Z" (store_time_fmt()'s form); "" for 0. */
#define MFC_TIME_STR 25
void mfc_time_fmt(int64_t ms, char out[MFC_TIME_STR]);

struct mfc_episode {
	int64_t id;			/* 0 before it is stored */
	int64_t child_id;		/* the store's; read only */
	char la[LA_CODE_MAX + 1];	/* the child's council */
	char ref[S903_CHILD_MAX + 1];	/* its CHILD reference */
	char kind[2];			/* "M" missing, "A" away */
	/* the home it started from ("" not a registered home); read only:
	 * a report takes the home where the child is placed */
	char urn[S903_URN_MAX + 1];
	char home_name[HOME_NAME_MAX + 1];	/* read only */

	/* the home's report */
	int64_t started_at;		/* when the child was found missing */
	int64_t last_seen_at;		/* 0: not known */
	char last_seen_place[MFC_PLACE_MAX + 1];
	char circumstances[MFC_TEXT_MAX + 1];
	char home_actions[MFC_TEXT_MAX + 1];	/* what the home has done */
	bool exploitation;		/* a concern of exploitation */
	char associates[MFC_TEXT_MAX + 1];
	char locations[MFC_TEXT_MAX + 1];
	char health_needs[MFC_TEXT_MAX + 1];
	int64_t reported_at;		/* read only */

	/* the police */
	char police_ref[MFC_REF_MAX + 1];
	enum mfc_grade grade;
	int64_t graded_at;		/* read only */
	int64_t returned_at;		/* 0: still missing or away */
	char returned_place[MFC_PLACE_MAX + 1];
	bool arrested, charged;		/* during or after the episode */

	/* the council: the return interview */
	int64_t ri_offered_at;
	int64_t ri_held_at;
	char ri_by[MFC_BY_MAX + 1];	/* who held it */
	int ri_independent;		/* -1 not recorded, 0, 1 */
	enum mfc_outcome ri_outcome;
	char ri_summary[MFC_TEXT_MAX + 1];

	int64_t updated_at;		/* read only */
	int age;			/* read only: years on the viewer's day */
};

/* Zero e and set the "not recorded" values (ri_independent -1). */
void mfc_episode_init(struct mfc_episode *e);

struct mfc_meeting {
	int64_t id;
	int64_t child_id;		/* read only */
	char la[LA_CODE_MAX + 1];
	char ref[S903_CHILD_MAX + 1];
	int64_t episode_id;		/* 0: none named */
	int32_t held_on;		/* a day */
	char agencies[MFC_TEXT_MAX + 1];	/* who was there */
	char decisions[MFC_TEXT_MAX + 1];
	int32_t safety_plan_review_on;	/* DATE_NONE: none set */
	int64_t recorded_at;		/* read only */
};

void mfc_meeting_init(struct mfc_meeting *m);

struct grab_pack {
	char la[LA_CODE_MAX + 1];
	char ref[S903_CHILD_MAX + 1];
	char description[MFC_TEXT_MAX + 1];	/* what the child looks like */
	char photo_ref[MFC_PHOTO_MAX + 1];	/* where the photo is kept */
	char health[MFC_TEXT_MAX + 1];
	char associates[MFC_TEXT_MAX + 1];
	char places[MFC_TEXT_MAX + 1];		/* places frequented */
	int64_t updated_at;			/* read only */
	/* read only: on ERR_NOT_FOUND, the reader may read this child's
	 * pack but none has been written yet (else it is out of scope or
	 * no such child, which read the same) */
	bool none_yet;
};

/*
 * What a check found wrong: the field (the CSV column name, as in
 * docs/missing.md: "RETURNED_AT") and the rule id ("mfc-order").
 */
struct mfc_problem {
	const char *field;
	const char *rule;
};

/*
 * Check an episode as a whole, at now_ms: kind M or A; a start; the
 * order last seen <= started <= returned, and interview offered and
 * held at or after the return (and only once returned); no time later
 * than now_ms + MFC_SKEW_MS; a declined interview not held; text within
 * its limits without control characters.  0, or ERR_INVALID with err
 * set and *p (may be NULL) naming the field and rule of the first
 * problem found.
 */
int mfc_episode_check(const struct mfc_episode *e, int64_t now_ms,
		      struct mfc_problem *p, struct err *err);
/* A meeting: held_on set and not after now's day; a review date on or
 * after it; text. */
int mfc_meeting_check(const struct mfc_meeting *m, int64_t now_ms,
		      struct mfc_problem *p, struct err *err);
int grab_pack_check(const struct grab_pack *g, struct mfc_problem *p,
		    struct err *err);

/*
 * Copy s into a text field of cap bytes (MFC_*_MAX + 1): ERR_TOO_LARGE
 * when it does not fit, ERR_INVALID for a control character other than
 * tab or newline, or bytes that are not UTF-8.  err names `what`.
 */
int mfc_text_set(char *dst, size_t cap, const char *s, const char *what,
		 struct err *err);

#endif
