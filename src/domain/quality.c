/*
 * quality.c: the code lists, checks and access rules of the quality of
 * care (quality.h; docs/inspections.md).  The Welsh names follow CIW's
 * own reports (Llesiant, Gofal a chymorth, Amgylchedd, Arweinyddiaeth a
 * rheolaeth; Rhagorol, Da, Angen gwella, Gwael).
 */
#include "base/compat.h"
#include <strings.h>
#include "base/parse.h"
#include "base/utf8.h"
#include "domain/quality.h"

/* A notification may say it happened up to this much after "now": the
 * clocks of a phone and the server differ (as missing.h's MFC_SKEW_MS). */
#define Q_SKEW_MS (5 * 60 * 1000LL)

/* One entry of a code list: the code (CSV, store, API) and its names. */
struct q_word {
	const char *code, *en, *cy;
};

static const struct q_word themes[Q_NTHEMES] = {
	[Q_WELLBEING] = { "wellbeing", "Well-being", "Llesiant" },
	[Q_CARE_SUPPORT] = { "care_support", "Care and support",
			     "Gofal a chymorth" },
	[Q_ENVIRONMENT] = { "environment", "Environment", "Amgylchedd" },
	[Q_LEADERSHIP] = { "leadership", "Leadership and management",
			   "Arweinyddiaeth a rheolaeth" },
};

static const struct q_word ratings[Q_NRATINGS] = {
	[Q_NOT_RATED] = { "", "Not rated", "Heb ei raddio" },
	[Q_EXCELLENT] = { "excellent", "Excellent", "Rhagorol" },
	[Q_GOOD] = { "good", "Good", "Da" },
	[Q_NEEDS_IMPROVEMENT] = { "needs_improvement", "Needs improvement",
				  "Angen gwella" },
	[Q_POOR] = { "poor", "Poor", "Gwael" },
};

static const struct q_word insp_types[Q_NTYPES] = {
	[Q_FULL] = { "full", "Full", "Llawn" },
	[Q_FOCUSED] = { "focused", "Focused", "Â ffocws" },
	[Q_POST_REGISTRATION] = { "post_registration", "Post-registration",
				  "Ar ôl cofrestru" },
};

static const struct q_word finding_kinds[Q_NKINDS] = {
	[Q_AREA_FOR_IMPROVEMENT] = { "afi", "Area for improvement",
				     "Maes i'w wella" },
	[Q_PRIORITY_ACTION_NOTICE] = { "pan", "Priority action notice",
				       "Hysbysiad gweithredu blaenoriaeth" },
};

static const struct q_word finding_statuses[Q_NSTATUSES] = {
	[Q_OPEN] = { "open", "Open", "Agored" },
	[Q_RESPONDED] = { "responded", "Responded", "Wedi ymateb" },
	[Q_MET] = { "met", "Met", "Wedi'i fodloni" },
	[Q_NOT_MET] = { "not_met", "Not met", "Heb ei fodloni" },
};

static const struct q_word rec_sources[REC_NSOURCES] = {
	[REC_NATIONAL_REVIEW] = { "national_review", "National review",
				  "Adolygiad cenedlaethol" },
	[REC_THEMATIC_REVIEW] = { "thematic_review", "Thematic review",
				  "Adolygiad thematig" },
	[REC_COUNCIL_INSPECTION] = { "council_inspection",
				     "Inspection of a council",
				     "Arolygiad o gyngor" },
	[REC_CHILD_PRACTICE_REVIEW] = { "child_practice_review",
					"Child practice review",
					"Adolygiad ymarfer plant" },
};

static const struct q_word rec_statuses[REC_NSTATUSES] = {
	[REC_NOT_STARTED] = { "not_started", "Not started", "Heb ddechrau" },
	[REC_IN_PROGRESS] = { "in_progress", "In progress", "Ar y gweill" },
	[REC_DONE] = { "done", "Done", "Wedi'i wneud" },
};

static const struct q_word rec_verdicts[REC_NVERDICTS] = {
	[REC_VERDICT_NONE] = { "", "", "" },
	[REC_ACCEPTED] = { "accepted", "Accepted", "Derbyniwyd" },
	[REC_REJECTED] = { "rejected", "Rejected", "Gwrthodwyd" },
};

/* Out of range gives "": a name is only ever printed, and an unknown
 * value read from a damaged row should show as nothing, not crash. */
static const char *word_code(const struct q_word *w, size_t n, unsigned i)
{
	return i < n ? w[i].code : "";
}

static const char *word_name(const struct q_word *w, size_t n, unsigned i,
			     bool cy)
{
	return i < n ? (cy ? w[i].cy : w[i].en) : "";
}

/* The index of s among the codes or English names (case-insensitive);
 * an empty code matches only where the list has one (a rating). */
static int word_parse(const struct q_word *w, size_t n, const char *s)
{
	if (!s)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (!strcasecmp(s, w[i].code) ||
		    (*w[i].en && !strcasecmp(s, w[i].en)))
			return (int)i;
	return -1;
}

#define NWORDS(a) (sizeof(a) / sizeof((a)[0]))

const char *q_theme_code(enum q_theme t)
{
	return word_code(themes, NWORDS(themes), (unsigned)t);
}

const char *q_theme_name(enum q_theme t, bool cy)
{
	return word_name(themes, NWORDS(themes), (unsigned)t, cy);
}

const char *q_rating_code(enum q_rating r)
{
	return word_code(ratings, NWORDS(ratings), (unsigned)r);
}

const char *q_rating_name(enum q_rating r, bool cy)
{
	return word_name(ratings, NWORDS(ratings), (unsigned)r, cy);
}

int q_rating_parse(const char *s, enum q_rating *out)
{
	int i;

	if (s && !strcasecmp(s, "not_rated")) {
		*out = Q_NOT_RATED;
		return 0;
	}
	i = word_parse(ratings, NWORDS(ratings), s);
	if (i < 0)
		return ERR_INVALID;
	*out = (enum q_rating)i;
	return 0;
}

const char *q_insp_type_code(enum q_insp_type t)
{
	return word_code(insp_types, NWORDS(insp_types), (unsigned)t);
}

const char *q_insp_type_name(enum q_insp_type t, bool cy)
{
	return word_name(insp_types, NWORDS(insp_types), (unsigned)t, cy);
}

int q_insp_type_parse(const char *s, enum q_insp_type *out)
{
	int i = word_parse(insp_types, NWORDS(insp_types), s);

	if (i < 0)
		return ERR_INVALID;
	*out = (enum q_insp_type)i;
	return 0;
}

const char *q_finding_kind_code(enum q_finding_kind k)
{
	return word_code(finding_kinds, NWORDS(finding_kinds), (unsigned)k);
}

const char *q_finding_kind_name(enum q_finding_kind k, bool cy)
{
	return word_name(finding_kinds, NWORDS(finding_kinds), (unsigned)k,
			 cy);
}

int q_finding_kind_parse(const char *s, enum q_finding_kind *out)
{
	int i = word_parse(finding_kinds, NWORDS(finding_kinds), s);

	if (i < 0)
		return ERR_INVALID;
	*out = (enum q_finding_kind)i;
	return 0;
}

const char *q_finding_status_code(enum q_finding_status s)
{
	return word_code(finding_statuses, NWORDS(finding_statuses),
			 (unsigned)s);
}

const char *q_finding_status_name(enum q_finding_status s, bool cy)
{
	return word_name(finding_statuses, NWORDS(finding_statuses),
			 (unsigned)s, cy);
}

int q_finding_status_parse(const char *s, enum q_finding_status *out)
{
	int i = word_parse(finding_statuses, NWORDS(finding_statuses), s);

	if (i < 0)
		return ERR_INVALID;
	*out = (enum q_finding_status)i;
	return 0;
}

bool q_finding_outstanding(enum q_finding_status s)
{
	return s == Q_OPEN || s == Q_RESPONDED || s == Q_NOT_MET;
}

const struct q_finding *q_finding_repeated_by(const struct q_finding *f,
					      const struct q_finding *all,
					      size_t n)
{
	for (size_t i = 0; f && f->id && i < n; i++)
		if (all[i].repeats_id == f->id && all[i].id != f->id)
			return &all[i];
	return NULL;
}

const char *rec_source_code(enum rec_source s)
{
	return word_code(rec_sources, NWORDS(rec_sources), (unsigned)s);
}

const char *rec_source_name(enum rec_source s, bool cy)
{
	return word_name(rec_sources, NWORDS(rec_sources), (unsigned)s, cy);
}

int rec_source_parse(const char *s, enum rec_source *out)
{
	int i = word_parse(rec_sources, NWORDS(rec_sources), s);

	if (i < 0)
		return ERR_INVALID;
	*out = (enum rec_source)i;
	return 0;
}

const char *rec_status_code(enum rec_status s)
{
	return word_code(rec_statuses, NWORDS(rec_statuses), (unsigned)s);
}

const char *rec_status_name(enum rec_status s, bool cy)
{
	return word_name(rec_statuses, NWORDS(rec_statuses), (unsigned)s,
			 cy);
}

int rec_status_parse(const char *s, enum rec_status *out)
{
	int i = word_parse(rec_statuses, NWORDS(rec_statuses), s);

	if (i < 0)
		return ERR_INVALID;
	*out = (enum rec_status)i;
	return 0;
}

const char *rec_verdict_code(enum rec_verdict v)
{
	return word_code(rec_verdicts, NWORDS(rec_verdicts), (unsigned)v);
}

const char *rec_verdict_name(enum rec_verdict v, bool cy)
{
	return word_name(rec_verdicts, NWORDS(rec_verdicts), (unsigned)v,
			 cy);
}

/* ---- the data lists ------------------------------------------------------ */

/*
 * The events a home must tell CIW and the placing council of (reg 60 of
 * the Regulated Services (Service Providers and Responsible Individuals)
 * (Wales) Regulations 2017, and the placing authority's own rules).
 * about_child: the notification names the child (LA and CHILD); an
 * allegation against staff, an outbreak or a complaint may concern no
 * one child, so there they are optional.
 */
const struct notif_category notif_categories[] = {
	{ "missing", "Child missing or absent without permission",
	  "Plentyn ar goll neu'n absennol heb ganiatâd", true },
	{ "police", "Police involvement or incident",
	  "Digwyddiad neu ymwneud gan yr heddlu", true },
	{ "serious_injury", "Serious injury", "Anaf difrifol", true },
	{ "restraint", "Use of restraint", "Defnyddio ataliaeth", true },
	{ "allegation", "Allegation against staff",
	  "Honiad yn erbyn aelod o staff", false },
	{ "safeguarding", "Safeguarding referral", "Atgyfeiriad diogelu",
	  true },
	{ "death", "Death of a child", "Marwolaeth plentyn", true },
	{ "outbreak", "Outbreak of infection or serious illness",
	  "Achos o haint neu salwch difrifol", false },
	{ "complaint", "Complaint", "Cwyn", false },
	{ "other", "Other", "Arall", false },
};
const size_t notif_ncategories =
	sizeof(notif_categories) / sizeof(notif_categories[0]);

const struct notif_category *notif_category_find(const char *code)
{
	if (!code)
		return NULL;
	for (size_t i = 0; i < notif_ncategories; i++)
		if (!strcmp(code, notif_categories[i].code))
			return &notif_categories[i];
	return NULL;
}

/* The review's themes first (its recommendations: missing from care and
 * criminalisation, places close to home, stability, education and
 * emotional needs, agencies working together). */
const struct rec_theme rec_themes[] = {
	{ "missing", "Missing from care", "Mynd ar goll o ofal" },
	{ "criminalisation", "Criminalisation", "Troseddoli" },
	{ "sufficiency", "Enough places close to home",
	  "Digon o leoedd yn agos at adref" },
	{ "stability", "Placement stability", "Sefydlogrwydd lleoliadau" },
	{ "education", "Education", "Addysg" },
	{ "emotional_health", "Emotional health and well-being",
	  "Iechyd emosiynol a llesiant" },
	{ "joint_working", "Agencies working together",
	  "Asiantaethau'n cydweithio" },
	{ "quality_of_care", "Quality of care", "Ansawdd gofal" },
	{ "other", "Other", "Arall" },
};
const size_t rec_nthemes = sizeof(rec_themes) / sizeof(rec_themes[0]);

const struct rec_theme *rec_theme_find(const char *code)
{
	if (!code)
		return NULL;
	for (size_t i = 0; i < rec_nthemes; i++)
		if (!strcmp(code, rec_themes[i].code))
			return &rec_themes[i];
	return NULL;
}

/* ---- init ---------------------------------------------------------------- */

void q_inspection_init(struct q_inspection *i)
{
	memset(i, 0, sizeof(*i));
	i->start_on = DATE_NONE;
	i->end_on = DATE_NONE;
}

void q_finding_init(struct q_finding *f)
{
	memset(f, 0, sizeof(*f));
	f->due_on = DATE_NONE;
	f->judged_on = DATE_NONE;
	f->response_target_on = DATE_NONE;
}

void q_notification_init(struct q_notification *n)
{
	memset(n, 0, sizeof(*n));
}

void rec_init(struct rec *r)
{
	memset(r, 0, sizeof(*r));
	r->made_on = DATE_NONE;
}

void rec_action_init(struct rec_action *a)
{
	memset(a, 0, sizeof(*a));
	a->target_on = DATE_NONE;
	a->done_on = DATE_NONE;
}

/* ---- checks -------------------------------------------------------------- */

static int problem(struct q_problem *p, const char *field, const char *rule,
		   const char *fmt, ...) PRINTF_LIKE(4, 5);

static int problem(struct q_problem *p, const char *field, const char *rule,
		   const char *fmt, ...)
{
	va_list ap;

	if (p) {
		p->field = field;
		p->rule = rule;
		va_start(ap, fmt);
		vsnprintf(p->msg, sizeof(p->msg), fmt, ap);
		va_end(ap);
	}
	return ERR_INVALID;
}

int q_text_check(const char *field, const char *s, size_t max, bool required,
		 struct q_problem *p)
{
	size_t n;
	bool blank = true;

	if (!s)
		s = "";
	/* never read past max + 1: s may be a full array without its NUL */
	n = strnlen(s, max + 1);
	if (n > max)
		return problem(p, field, "too-long",
			       "%s is longer than %zu bytes", field, max);
	if (utf8_text_check(s, n, UTF8_TEXT_NEWLINES, NULL, NULL) != UTF8_OK)
		return problem(p, field, "text",
			       "%s: only text, no control characters or "
			       "bytes that are not UTF-8", field);
	for (size_t k = 0; k < n && blank; k++)
		blank = s[k] == ' ' || s[k] == '\t' || s[k] == '\n' ||
			s[k] == '\r';
	if (required && blank)
		return problem(p, field, "required", "%s is required", field);
	return 0;
}

#define TEXT(field, s, required)                                         \
	do {                                                              \
		int rc_ = q_text_check(field, s, sizeof(s) - 1, required, p); \
		if (rc_)                                                  \
			return rc_;                                       \
	} while (0)

/* The CSV columns of the four themes (docs/inspections.md). */
static const char *const theme_columns[Q_NTHEMES] = {
	"WELLBEING", "CARE_SUPPORT", "ENVIRONMENT", "LEADERSHIP"
};

int q_inspection_check(const struct q_inspection *i, int32_t today,
		       struct q_problem *p)
{
	TEXT("URN", i->urn, true);
	if (i->start_on == DATE_NONE)
		return problem(p, "START", "required", "START is required");
	if (i->start_on > today)
		return problem(p, "START", "future",
			       "START is in the future: an inspection is "
			       "recorded once it has begun");
	/* END blank in a file or a form is the start day: the reader sets
	 * it, so that the figures never meet a missing end */
	if (i->end_on == DATE_NONE)
		return problem(p, "END", "required", "END is required");
	if (i->end_on < i->start_on)
		return problem(p, "END", "date-order", "END is before START");
	if (i->end_on > today)
		return problem(p, "END", "future", "END is in the future");
	if ((unsigned)i->type >= Q_NTYPES)
		return problem(p, "TYPE", "unknown",
			       "TYPE must be full, focused or "
			       "post_registration");
	TEXT("INSPECTORS", i->inspectors, true);
	for (int t = 0; t < Q_NTHEMES; t++) {
		if ((unsigned)i->rating[t] >= Q_NRATINGS)
			return problem(p, theme_columns[t], "unknown",
				       "%s must be excellent, good, "
				       "needs_improvement, poor or blank",
				       theme_columns[t]);
		if (i->type == Q_FULL && i->rating[t] == Q_NOT_RATED)
			return problem(p, theme_columns[t], "required",
				       "%s is required: a full inspection "
				       "rates all four themes",
				       theme_columns[t]);
	}
	TEXT("SUMMARY", i->summary, false);
	return 0;
}

int q_finding_check(const struct q_finding *f, const struct q_inspection *i,
		    struct q_problem *p)
{
	int32_t start = i ? i->start_on : DATE_NONE;

	TEXT("URN", f->urn, false);
	if ((unsigned)f->kind >= Q_NKINDS)
		return problem(p, "KIND", "unknown", "KIND must be afi or pan");
	TEXT("REGULATION", f->regulation, true);
	TEXT("TEXT", f->text, true);
	if (f->kind == Q_PRIORITY_ACTION_NOTICE) {
		if (f->due_on == DATE_NONE)
			return problem(p, "DUE", "required",
				       "DUE is required: a priority action "
				       "notice has a date to be met by");
		if (start != DATE_NONE && f->due_on < start)
			return problem(p, "DUE", "date-order",
				       "DUE is before the inspection's "
				       "START");
	} else if (f->due_on != DATE_NONE) {
		return problem(p, "DUE", "not-allowed",
			       "DUE must be blank: an area for improvement "
			       "has no date (a priority action notice has)");
	}
	if ((unsigned)f->status >= Q_NSTATUSES)
		return problem(p, "STATUS", "unknown",
			       "STATUS must be open, responded, met or "
			       "not_met");
	if (f->status == Q_MET || f->status == Q_NOT_MET) {
		if (f->judged_on == DATE_NONE)
			return problem(p, "JUDGED_ON", "required",
				       "JUDGED_ON is required: a finding is "
				       "judged met or not met on a day");
		if (start != DATE_NONE && f->judged_on < start)
			return problem(p, "JUDGED_ON", "date-order",
				       "JUDGED_ON is before the "
				       "inspection's START");
	} else if (f->judged_on != DATE_NONE) {
		return problem(p, "JUDGED_ON", "not-allowed",
			       "JUDGED_ON must be blank: the finding is not "
			       "judged (STATUS met or not_met)");
	}
	TEXT("RESPONSE", f->response, f->status == Q_RESPONDED);
	if (f->response_target_on != DATE_NONE) {
		if (!f->response[0])
			return problem(p, "RESPONSE_TARGET", "not-allowed",
				       "RESPONSE_TARGET needs a RESPONSE");
		if (start != DATE_NONE && f->response_target_on < start)
			return problem(p, "RESPONSE_TARGET", "date-order",
				       "RESPONSE_TARGET is before the "
				       "inspection's START");
	}
	TEXT("RESPONDED_BY", f->responded_by, false);
	if (f->repeats_id && f->repeats_id == f->id)
		return problem(p, "REPEATS", "self",
			       "REPEATS names the finding itself");
	return 0;
}

int q_notification_check(const struct q_notification *n, int64_t now_ms,
			 struct q_problem *p)
{
	const struct notif_category *c;

	TEXT("URN", n->urn, true);
	TEXT("CATEGORY", n->category, true);
	c = notif_category_find(n->category);
	if (!c)
		return problem(p, "CATEGORY", "unknown",
			       "CATEGORY is not a category of notification");
	if (!n->occurred_at)
		return problem(p, "OCCURRED_AT", "required",
			       "OCCURRED_AT is required");
	if (n->occurred_at > now_ms + Q_SKEW_MS)
		return problem(p, "OCCURRED_AT", "future",
			       "OCCURRED_AT is in the future");
	if (n->filed_at && n->occurred_at > n->filed_at + Q_SKEW_MS)
		return problem(p, "OCCURRED_AT", "date-order",
			       "OCCURRED_AT is after FILED_AT");
	TEXT("LA", n->la, c->about_child);
	TEXT("CHILD", n->ref, c->about_child);
	/* a child is named by both or not at all */
	if (!n->la[0] != !n->ref[0])
		return problem(p, n->la[0] ? "CHILD" : "LA", "required",
			       "LA and CHILD name a child together: give "
			       "both or neither");
	TEXT("SUMMARY", n->summary, true);
	TEXT("ACTION", n->action, false);
	return 0;
}

/* A recommendation's code is named in REPEATS lists (";") and in
 * addresses: letters, digits and . _ / - only. */
static bool code_ok(const char *s)
{
	for (; *s; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		      (*s >= '0' && *s <= '9') || *s == '.' || *s == '_' ||
		      *s == '/' || *s == '-'))
			return false;
	return true;
}

int rec_check(const struct rec *r, struct q_problem *p)
{
	TEXT("CODE", r->code, true);
	if (!code_ok(r->code))
		return problem(p, "CODE", "code",
			       "CODE: only letters, digits and . _ / -");
	if ((unsigned)r->source >= REC_NSOURCES)
		return problem(p, "SOURCE", "unknown",
			       "SOURCE must be national_review, "
			       "thematic_review, council_inspection or "
			       "child_practice_review");
	TEXT("SOURCE_TITLE", r->source_title, true);
	if (r->made_on == DATE_NONE)
		return problem(p, "MADE_ON", "required", "MADE_ON is required");
	TEXT("THEME", r->theme, true);
	if (!rec_theme_find(r->theme))
		return problem(p, "THEME", "unknown",
			       "THEME is not a theme of recommendation");
	TEXT("TEXT_EN", r->text_en, true);
	TEXT("TEXT_CY", r->text_cy, true);
	return 0;
}

int rec_action_check(const struct rec_action *a, struct q_problem *p)
{
	TEXT("WHAT", a->what, true);
	TEXT("WHO", a->who, true);
	if (a->target_on == DATE_NONE)
		return problem(p, "TARGET", "required", "TARGET is required");
	return 0;
}

int rec_update_check(const struct rec_update *u, struct q_problem *p)
{
	TEXT("NOTE", u->note, true);
	if ((unsigned)u->status >= REC_NSTATUSES)
		return problem(p, "STATUS", "unknown",
			       "STATUS must be not_started, in_progress or "
			       "done");
	return 0;
}

/* ---- who may do what ----------------------------------------------------- */

/* An analyst outside the inspectorate (a council's, a health board's):
 * the only users a health board has, so its addressee rows are theirs
 * to keep up to date. */
static bool addressee_analyst(const struct viewer *v)
{
	return v->access == VIEWER_NONE && !strcmp(v->role, "analyst") &&
	       (!strcmp(v->org_kind, "council") ||
		!strcmp(v->org_kind, "health_board"));
}

/*
 * ties NULL asks whether v's kind of access may ever do op (for some
 * home): the service answers ERR_DENIED when not, and ERR_NOT_FOUND when
 * it may but not for this home.
 */
bool quality_may(const struct viewer *v, enum q_op op,
		 const struct q_home_ties *ties)
{
	bool own = !ties || ties->provider;
	bool council = !ties || ties->council_places || ties->council_area;

	if (!v)
		return false;
	switch (op) {
	case Q_READ_RECORD:
	case Q_READ_NOTIFICATIONS:
		switch (v->access) {
		case VIEWER_INSPECTORATE:
			return true;
		case VIEWER_PROVIDER:
			return own;
		case VIEWER_COUNCIL:
			return council;
		default:
			/* police, analysts, admins: aggregates only */
			return false;
		}
	case Q_RECORD_INSPECTION:
	case Q_JUDGE_REC:
		return v->access == VIEWER_INSPECTORATE;
	case Q_RESPOND:
	case Q_FILE_NOTIFICATION:
		return v->access == VIEWER_PROVIDER && own;
	case Q_READ_RECS:
		/* the register names no child: every role but admin (and
		 * a role outside its organisation) */
		return v->access != VIEWER_NONE || !strcmp(v->role, "analyst");
	case Q_UPDATE_REC:
		/* whose row: quality_addressee_is() */
		return v->access == VIEWER_COUNCIL ||
		       v->access == VIEWER_PROVIDER ||
		       v->access == VIEWER_POLICE || addressee_analyst(v);
	}
	return false;
}

bool quality_addressee_is(const struct viewer *v, enum org_kind kind,
			  const char *code)
{
	if (!v || !code || !*code || (unsigned)kind >= ORG_NKINDS ||
	    strcmp(v->org_kind, org_kind_name(kind)))
		return false;
	if (!strcmp(v->org_code, code))
		return true;
	/* a provider is addressed by its name in the homes register,
	 * which its organisation's code need not be */
	return kind == ORG_PROVIDER && v->provider[0] &&
	       !strcmp(v->provider, code);
}

bool quality_notification_visible(const struct viewer *v,
				  const struct q_notification *n,
				  const struct q_home_ties *ties)
{
	static const struct q_home_ties none;

	if (!v || !n)
		return false;
	if (!ties)
		ties = &none;
	switch (v->access) {
	case VIEWER_INSPECTORATE:
		return true;
	case VIEWER_PROVIDER:
		return ties->provider;
	case VIEWER_COUNCIL:
		/* about its child wherever it lives; one naming another
		 * council's child is that council's (docs/access.md: a
		 * council sees its own children), so from a home it places
		 * in or that is in its area only one naming no child */
		if (n->la[0])
			return v->la[0] && !strcmp(n->la, v->la);
		return ties->council_places || ties->council_area;
	default:
		return false;
	}
}
