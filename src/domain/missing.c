/*
 * missing.c: code lists, times and checks of live missing episodes
 * (missing.h; the rules are in docs/missing.md).
 */
#include "base/compat.h"
#include "base/uktime.h"
#include <strings.h>
#include "base/parse.h"
#include "base/utf8.h"
#include "domain/missing.h"

#define MS_PER_DAY 86400000LL

static const char *const grade_names[MFC_NGRADES] = {
	"", "none", "low", "medium", "high"
};

const char *mfc_grade_name(enum mfc_grade g)
{
	return (unsigned)g < MFC_NGRADES ? grade_names[g] : "";
}

int mfc_grade_parse(const char *s, enum mfc_grade *out)
{
	if (!s)
		return ERR_INVALID;
	for (int g = 0; g < MFC_NGRADES; g++)
		if (!strcasecmp(s, grade_names[g])) {
			*out = (enum mfc_grade)g;
			return 0;
		}
	if (!strcasecmp(s, "no-apparent-risk") ||
	    !strcasecmp(s, "no apparent risk")) {
		*out = MFC_GRADE_NONE;
		return 0;
	}
	return ERR_INVALID;
}

static const char *const outcome_names[MFC_NOUTCOMES] = {
	"", "accepted", "declined"
};

const char *mfc_outcome_name(enum mfc_outcome o)
{
	return (unsigned)o < MFC_NOUTCOMES ? outcome_names[o] : "";
}

int mfc_outcome_parse(const char *s, enum mfc_outcome *out)
{
	if (!s)
		return ERR_INVALID;
	for (int o = 0; o < MFC_NOUTCOMES; o++)
		if (!strcasecmp(s, outcome_names[o])) {
			*out = (enum mfc_outcome)o;
			return 0;
		}
	return ERR_INVALID;
}

int mfc_kind_parse(const char *s, char kind[2])
{
	if (!s)
		return ERR_INVALID;
	if (!strcmp(s, "M") || !strcasecmp(s, "missing"))
		kind[0] = 'M';
	else if (!strcmp(s, "A") || !strcasecmp(s, "away"))
		kind[0] = 'A';
	else
		return ERR_INVALID;
	kind[1] = '\0';
	return 0;
}

int mfc_time_parse(const char *s, int64_t *ms)
{
	/* UK local time unless it says otherwise (base/uktime.h) */
	return uk_time_parse(s, ms, NULL);
}

void mfc_time_fmt(int64_t ms, char out[MFC_TIME_STR])
{
	int64_t day = ms / MS_PER_DAY, rem = ms % MS_PER_DAY;
	int y, mo, d;

	if (!ms) {
		out[0] = '\0';
		return;
	}
	if (rem < 0) {
		rem += MS_PER_DAY;
		day--;
	}
	date_to_ymd((int32_t)day, &y, &mo, &d);
	snprintf(out, MFC_TIME_STR, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", y,
		 mo, d, (int)(rem / 3600000), (int)(rem / 60000 % 60),
		 (int)(rem / 1000 % 60), (int)(rem % 1000));
}

void mfc_episode_init(struct mfc_episode *e)
{
	memset(e, 0, sizeof(*e));
	e->ri_independent = -1;
	e->age = -1;
}

void mfc_meeting_init(struct mfc_meeting *m)
{
	memset(m, 0, sizeof(*m));
	m->held_on = DATE_NONE;
	m->safety_plan_review_on = DATE_NONE;
}

/*
 * Is s text by base/utf8.h's rule (UTF-8, no control character but tab
 * and line breaks, no bidi override)?  Its length out.  Longer than max:
 * true, and the caller finds it too long.
 */
static bool text_ok(const char *s, size_t max, size_t *len)
{
	size_t n = strnlen(s, max + 1);

	*len = n;
	if (n > max)
		return true;
	return utf8_text_check(s, n, UTF8_TEXT_NEWLINES, NULL, NULL) ==
	       UTF8_OK;
}

int mfc_text_set(char *dst, size_t cap, const char *s, const char *what,
		 struct err *err)
{
	size_t len = 0;

	if (!s)
		s = "";
	if (!text_ok(s, cap, &len))
		return err_set(err, ERR_INVALID, "%s: only text, no control "
			       "characters or bytes that are not UTF-8", what);
	if (len >= cap)
		return err_set(err, ERR_TOO_LARGE, "%s: longer than %zu bytes",
			       what, cap - 1);
	memcpy(dst, s, len + 1);
	return 0;
}

static int problem(struct mfc_problem *p, const char *field,
		   const char *rule)
{
	if (p) {
		p->field = field;
		p->rule = rule;
	}
	return ERR_INVALID;
}

/* A text field already in its array: check it (the array may hold
 * anything a caller wrote). */
static int text_check(const char *s, size_t cap, const char *field,
		      struct mfc_problem *p, struct err *err)
{
	size_t len = 0;

	if (!memchr(s, '\0', cap)) {
		err_set(err, ERR_INVALID, "%s: longer than %zu bytes", field,
			cap - 1);
		return problem(p, field, "mfc-text-length");
	}
	if (!text_ok(s, cap, &len)) {
		err_set(err, ERR_INVALID, "%s: only text, no control "
			"characters or bytes that are not UTF-8", field);
		return problem(p, field, "mfc-text");
	}
	return 0;
}

#define TEXT(e, f, name)                                                 \
	do {                                                              \
		int rc_ = text_check((e)->f, sizeof((e)->f), name, p, err); \
		if (rc_)                                                  \
			return rc_;                                       \
	} while (0)

/* A time not later than now plus the skew. */
static int not_future(int64_t t, int64_t now_ms, const char *field,
		      struct mfc_problem *p, struct err *err)
{
	char when[UK_TEXT_MAX];

	if (t && t > now_ms + MFC_SKEW_MS) {
		uk_time_text(t, false, when, sizeof(when));
		err_set(err, ERR_INVALID, "%s %s (UK time) is in the future",
			field, when);
		return problem(p, field, "mfc-future");
	}
	return 0;
}

#define NOT_FUTURE(t, name)                                              \
	do {                                                              \
		int rc_ = not_future(t, now_ms, name, p, err);            \
		if (rc_)                                                  \
			return rc_;                                       \
	} while (0)

int mfc_episode_check(const struct mfc_episode *e, int64_t now_ms,
		      struct mfc_problem *p, struct err *err)
{
	if ((e->kind[0] != 'M' && e->kind[0] != 'A') || e->kind[1]) {
		err_set(err, ERR_INVALID, "KIND must be M (missing) or A "
			"(away from placement without authorisation)");
		return problem(p, "KIND", "mfc-kind");
	}
	if (!e->started_at) {
		err_set(err, ERR_INVALID, "STARTED_AT is required");
		return problem(p, "STARTED_AT", "mfc-required");
	}
	if ((unsigned)e->grade >= MFC_NGRADES) {
		err_set(err, ERR_INVALID, "RISK_GRADE is not a grade");
		return problem(p, "RISK_GRADE", "mfc-grade");
	}
	if ((unsigned)e->ri_outcome >= MFC_NOUTCOMES) {
		err_set(err, ERR_INVALID, "RI_OUTCOME is not an outcome");
		return problem(p, "RI_OUTCOME", "mfc-outcome");
	}
	if (e->ri_independent < -1 || e->ri_independent > 1) {
		err_set(err, ERR_INVALID, "RI_INDEPENDENT must be 0 or 1");
		return problem(p, "RI_INDEPENDENT", "mfc-flag");
	}
	NOT_FUTURE(e->started_at, "STARTED_AT");
	NOT_FUTURE(e->last_seen_at, "LAST_SEEN_AT");
	NOT_FUTURE(e->returned_at, "RETURNED_AT");
	NOT_FUTURE(e->ri_offered_at, "RI_OFFERED_AT");
	NOT_FUTURE(e->ri_held_at, "RI_HELD_AT");
	if (e->last_seen_at && e->last_seen_at > e->started_at) {
		err_set(err, ERR_INVALID, "LAST_SEEN_AT is after STARTED_AT: "
			"the child was last seen before being found missing");
		return problem(p, "LAST_SEEN_AT", "mfc-order");
	}
	if (e->returned_at && e->returned_at < e->started_at) {
		err_set(err, ERR_INVALID, "RETURNED_AT is before STARTED_AT");
		return problem(p, "RETURNED_AT", "mfc-order");
	}
	if (!e->returned_at && (e->returned_place[0] || e->ri_offered_at ||
				e->ri_held_at || e->ri_outcome)) {
		const char *f = e->returned_place[0] ? "RETURNED_PLACE" :
				e->ri_offered_at     ? "RI_OFFERED_AT" :
				e->ri_held_at        ? "RI_HELD_AT" :
						       "RI_OUTCOME";

		err_set(err, ERR_INVALID, "%s needs RETURNED_AT: the child "
			"has not returned", f);
		return problem(p, f, "mfc-not-returned");
	}
	if (e->ri_offered_at && e->ri_offered_at < e->returned_at) {
		err_set(err, ERR_INVALID, "RI_OFFERED_AT is before "
			"RETURNED_AT");
		return problem(p, "RI_OFFERED_AT", "mfc-order");
	}
	if (e->ri_held_at && e->ri_held_at < e->returned_at) {
		err_set(err, ERR_INVALID, "RI_HELD_AT is before RETURNED_AT");
		return problem(p, "RI_HELD_AT", "mfc-order");
	}
	if (e->ri_held_at && e->ri_offered_at &&
	    e->ri_held_at < e->ri_offered_at) {
		err_set(err, ERR_INVALID, "RI_HELD_AT is before "
			"RI_OFFERED_AT");
		return problem(p, "RI_HELD_AT", "mfc-order");
	}
	if (e->ri_held_at && e->ri_outcome == MFC_OUTCOME_DECLINED) {
		err_set(err, ERR_INVALID, "RI_OUTCOME declined, but "
			"RI_HELD_AT says the interview was held");
		return problem(p, "RI_OUTCOME", "mfc-declined-held");
	}
	TEXT(e, la, "LA");
	TEXT(e, ref, "CHILD");
	TEXT(e, last_seen_place, "LAST_SEEN_PLACE");
	TEXT(e, circumstances, "CIRCUMSTANCES");
	TEXT(e, home_actions, "HOME_ACTIONS");
	TEXT(e, associates, "ASSOCIATES");
	TEXT(e, locations, "LOCATIONS");
	TEXT(e, health_needs, "HEALTH_NEEDS");
	TEXT(e, police_ref, "POLICE_REF");
	TEXT(e, returned_place, "RETURNED_PLACE");
	TEXT(e, ri_by, "RI_BY");
	TEXT(e, ri_summary, "RI_SUMMARY");
	return 0;
}

int mfc_meeting_check(const struct mfc_meeting *m, int64_t now_ms,
		      struct mfc_problem *p, struct err *err)
{
	if (m->held_on == DATE_NONE) {
		err_set(err, ERR_INVALID, "HELD_ON is required");
		return problem(p, "HELD_ON", "mfc-required");
	}
	if (m->held_on > uk_day_of(now_ms + MFC_SKEW_MS)) {
		err_set(err, ERR_INVALID, "HELD_ON is in the future");
		return problem(p, "HELD_ON", "mfc-future");
	}
	if (m->safety_plan_review_on != DATE_NONE &&
	    m->safety_plan_review_on < m->held_on) {
		err_set(err, ERR_INVALID, "SAFETY_PLAN_REVIEW_ON is before "
			"HELD_ON");
		return problem(p, "SAFETY_PLAN_REVIEW_ON", "mfc-order");
	}
	TEXT(m, la, "LA");
	TEXT(m, ref, "CHILD");
	TEXT(m, agencies, "AGENCIES");
	TEXT(m, decisions, "DECISIONS");
	return 0;
}

int grab_pack_check(const struct grab_pack *g, struct mfc_problem *p,
		    struct err *err)
{
	TEXT(g, description, "DESCRIPTION");
	TEXT(g, photo_ref, "PHOTO_REF");
	TEXT(g, health, "HEALTH");
	TEXT(g, associates, "ASSOCIATES");
	TEXT(g, places, "PLACES");
	return 0;
}
