/*
 * text.c: what an alert says, in plain English and Welsh (issue 9;
 * docs/alerts.md, "What an alert says").
 *
 * The rules store facts, not words (rules.c: a small JSON object of
 * counts, times and days); the words are written here at output time
 * from those facts, the stored severity and due time, the names the
 * store joined in (the home's name and area, the child's council) and
 * the reader's language.  Pages, the API and the CLI all call
 * alert_text(), so an alert says the same everywhere.
 *
 * What a text may say: no more than its reader may see.  Every reader
 * of an alert is a recipient (or an inspector), who already sees the
 * child by council and reference; the home's name and area are public
 * register data.  So the texts name the home and the councils, and
 * give times of the episode and counts; never a name, date of birth,
 * address, postcode, note or risk detail beyond the police's grade.
 * Times are UK local time in words (base/uktime.h): no ISO timestamps,
 * no "UTC", no rule ids.
 */
#include "base/compat.h"
#include <inttypes.h>
#include <jansson.h>
#include "alerts/alerts.h"
#include "base/parse.h"
#include "base/uktime.h"
#include "domain/quality.h"

#define MS_PER_DAY 86400000LL
#define DASH " \xe2\x80\x94 "	/* an em dash between spaces */
#define RQ "\xe2\x80\x99"	/* right single quotation mark */

const char *alert_severity_label(int sev, bool cy)
{
	switch (sev) {
	case ALERT_SEV_URGENT:
		return cy ? "Brys" : "Urgent";
	case ALERT_SEV_HIGH:
		return cy ? "Uchel" : "High";
	case ALERT_SEV_MEDIUM:
		return cy ? "Canolig" : "Medium";
	case ALERT_SEV_LOW:
		return cy ? "Isel" : "Low";
	default:
		return cy ? "Heb ei asesu" : "Not assessed";
	}
}

const char *alert_state_label(enum alert_state st, bool cy)
{
	switch (st) {
	case ALERT_OPEN:
		return cy ? "Agored" : "Open";
	case ALERT_ACKNOWLEDGED:
		return cy ? "Wedi" RQ "i gydnabod" : "Acknowledged";
	case ALERT_RESOLVED:
		return cy ? "Wedi" RQ "i ddatrys" : "Resolved";
	case ALERT_CLEARED:
		return cy ? "Wedi" RQ "i glirio" : "Cleared";
	case ALERT_HISTORICAL:
		return cy ? "Hanesyddol" : "Historical";
	case ALERT_NSTATES:
		break;
	}
	return "";
}

const char *alert_title(const char *rule, bool cy)
{
	const struct alert_rule *r = alert_rule_find(rule);

	if (!r)
		return cy ? "Rhybudd" : "Alert";
	return cy ? r->title_cy : r->title_en;
}

bool alert_is_live(enum alert_state st)
{
	return st == ALERT_OPEN || st == ALERT_ACKNOWLEDGED;
}

bool alert_is_overdue(const struct alert_row *r, int64_t now)
{
	return alert_is_live(r->state) && r->due_at && now > r->due_at;
}

/* ---- the facts ------------------------------------------------------------ */

static int64_t f_int(const json_t *o, const char *name)
{
	const json_t *v = json_object_get(o, name);

	return json_is_integer(v) ? (int64_t)json_integer_value(v) : 0;
}

static bool f_bool(const json_t *o, const char *name)
{
	return json_is_true(json_object_get(o, name));
}

static int32_t f_day(const json_t *o, const char *name)
{
	const char *s = json_string_value(json_object_get(o, name));
	int32_t d;

	if (!s || parse_date_iso(s, &d))
		return DATE_NONE;
	return d;
}

static bool f_is(const json_t *o, const char *name, const char *value)
{
	const char *s = json_string_value(json_object_get(o, name));

	return s && !strcmp(s, value);
}

/* ---- building a sentence ------------------------------------------------- */

struct out {
	char *s;
	size_t cap, len;
};

static void put(struct out *o, const char *fmt, ...) PRINTF_LIKE(2, 3);

static void put(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int k;

	if (o->len + 1 >= o->cap)
		return;
	va_start(ap, fmt);
	k = vsnprintf(o->s + o->len, o->cap - o->len, fmt, ap);
	va_end(ap);
	if (k < 0)
		return;
	o->len += (size_t)k;
	if (o->len >= o->cap)
		o->len = o->cap - 1;
}

static void out_init(struct out *o, char *s, size_t cap)
{
	o->s = s;
	o->cap = cap;
	o->len = 0;
	s[0] = '\0';
}

/* "5 December 2026 at 14:20" */
static const char *when(int64_t ms, bool cy, char buf[UK_TEXT_MAX])
{
	uk_time_text(ms, cy, buf, UK_TEXT_MAX);
	return buf;
}

static const char *on_day(int32_t day, bool cy, char buf[UK_TEXT_MAX])
{
	uk_date_text(day, cy, buf, UK_TEXT_MAX);
	return buf;
}

/* "9 hours", "2 days 3 hours", "2 days" (not "2 days 0 hours") */
static const char *lasting(int64_t ms, bool cy, char buf[UK_TEXT_MAX])
{
	if (ms >= MS_PER_DAY && ms / 3600000 % 24 == 0)
		ms -= ms % MS_PER_DAY;	/* whole days: no "0 hours" */
	uk_duration_text(ms, cy, buf, UK_TEXT_MAX);
	if (ms >= MS_PER_DAY && ms % MS_PER_DAY == 0) {
		char *sp = strstr(buf, cy ? " 0 awr" : " 0 hours");

		if (sp)
			*sp = '\0';
	}
	return buf;
}

/* "1 day", "12 days" / "1 diwrnod", "12 diwrnod" */
static void days_text(int64_t n, bool cy, char *buf, size_t cap)
{
	if (cy)
		snprintf(buf, cap, "%" PRId64 " diwrnod", n);
	else
		snprintf(buf, cap, "%" PRId64 " %s", n, n == 1 ? "day" : "days");
}

/* ---- what happened, per rule ---------------------------------------------- */

static void what_ri(struct out *o, const json_t *f, bool cy)
{
	int64_t s = f_int(f, "started_at"), r = f_int(f, "returned_at");
	int64_t held = f_int(f, "held_at"), hours = f_int(f, "hours");
	char a[UK_TEXT_MAX], b[UK_TEXT_MAX];

	if (cy) {
		put(o, "Daeth yn " "\xc3\xb4" "l ar %s", when(r, cy, a));
		if (s && s < r)
			put(o, " ar " "\xc3\xb4" "l bod ar goll am %s",
			    lasting(r - s, cy, b));
		put(o, ". ");
		if (held)
			put(o, "Cynhaliwyd y cyfweliad dychwelyd ar %s, ar "
			    "\xc3\xb4" "l y %" PRId64 " awr.", when(held, cy, a),
			    hours);
		else
			put(o, "Nid oes cyfweliad dychwelyd wedi" RQ "i "
			    "gynnal.");
		return;
	}
	put(o, "Returned on %s", when(r, cy, a));
	if (s && s < r)
		put(o, " after being missing for %s", lasting(r - s, cy, b));
	put(o, ". ");
	if (held)
		put(o, "The return interview was held on %s, after the %"
		    PRId64 " hours.", when(held, cy, a), hours);
	else
		put(o, "No return interview has been held.");
}

static void missing_now_text(struct out *o, bool cy)
{
	put(o, cy ? " Mae" RQ "r plentyn ar goll nawr." :
		    " The child is missing now.");
}

static void what_repeat(struct out *o, const json_t *f, bool cy)
{
	char a[UK_TEXT_MAX], b[UK_TEXT_MAX];
	int64_t n = f_int(f, "count");

	if (cy)
		put(o, "Aeth ar goll ar %" PRId64 " achlysur rhwng %s a %s. "
		    "Nid oes cyfarfod strategaeth wedi" RQ "i gynnal ers y "
		    "cyntaf o" RQ "r rhain.", n,
		    on_day(f_day(f, "first_day"), cy, a),
		    on_day(f_day(f, "last_day"), cy, b));
	else
		put(o, "Went missing %" PRId64 " times from %s to %s. No "
		    "strategy meeting has been held since the first of "
		    "these.", n, on_day(f_day(f, "first_day"), cy, a),
		    on_day(f_day(f, "last_day"), cy, b));
	if (f_bool(f, "missing_now"))
		missing_now_text(o, cy);
}

static void what_long(struct out *o, const json_t *f, int64_t now, bool cy)
{
	int64_t s = f_int(f, "started_at"), r = f_int(f, "returned_at");
	char a[UK_TEXT_MAX], b[UK_TEXT_MAX], c[UK_TEXT_MAX];

	if (!r)
		put(o, cy ? "Ar goll ers %s (%s hyd yma)." :
			    "Missing since %s (%s so far).",
		    when(s, cy, a), lasting(now - s, cy, b));
	else
		put(o, cy ? "Ar goll o %s hyd %s (%s)." :
			    "Missing from %s to %s (%s).",
		    when(s, cy, a), when(r, cy, b), lasting(r - s, cy, c));
	if (f_bool(f, "high"))
		put(o, cy ? " Graddiwyd yn risg uchel gan yr heddlu." :
			    " Graded high risk by the police.");
	put(o, cy ? " Nid oes cyfarfod strategaeth wedi" RQ "i gynnal ers i" RQ
		    "r cyfnod ddechrau." :
		    " No strategy meeting has been held since it began.");
}

static void what_exploit(struct out *o, const json_t *f, bool cy)
{
	char a[UK_TEXT_MAX], b[UK_TEXT_MAX];
	int64_t n = f_int(f, "episodes");

	if (cy)
		put(o, "Cofnodwyd pryder am gamfanteisio ar %" PRId64 " o "
		    "gyfnodau ar goll, y diweddaraf yn dechrau ar %s. Nid oes "
		    "cyfarfod strategaeth ers %s wedi pennu dyddiad i adolygu"
		    RQ "r cynllun diogelwch.", n,
		    when(f_int(f, "last_started_at"), cy, a),
		    on_day(f_day(f, "from_day"), cy, b));
	else
		put(o, "An exploitation concern was recorded on %" PRId64
		    " missing episodes, the latest starting on %s. No "
		    "strategy meeting since %s has set a date to review the "
		    "safety plan.", n, when(f_int(f, "last_started_at"), cy, a),
		    on_day(f_day(f, "from_day"), cy, b));
	if (f_bool(f, "missing_now"))
		missing_now_text(o, cy);
}

static void what_crim(struct out *o, const json_t *f, bool cy)
{
	bool arrested = f_bool(f, "arrested"), charged = f_bool(f, "charged");
	char a[UK_TEXT_MAX];

	if (cy)
		put(o, "%s mewn cysylltiad " "\xc3\xa2" RQ "r cyfnod ar goll a "
		    "ddechreuodd ar %s.",
		    arrested && charged ? "Arestiwyd a chyhuddwyd" :
		    charged ? "Cyhuddwyd" : "Arestiwyd",
		    when(f_int(f, "started_at"), cy, a));
	else
		put(o, "%s in connection with the missing episode that "
		    "started on %s.",
		    arrested && charged ? "Arrested and charged" :
		    charged ? "Charged" : "Arrested",
		    when(f_int(f, "started_at"), cy, a));
	if (!f_int(f, "returned_at"))
		missing_now_text(o, cy);
}

static void what_stab(struct out *o, const json_t *f, bool cy)
{
	char a[UK_TEXT_MAX], b[UK_TEXT_MAX];

	if (f_is(f, "part", "distance")) {
		int64_t d = f_int(f, "distance_tenths");

		put(o, cy ? "Lleoliad newydd ers %s, %" PRId64 ".%" PRId64
			    " milltir o" RQ "r lle roedd y plentyn yn byw, heb "
			    "gofnodi rheswm dros newid y lleoliad." :
			    "A new placement from %s, %" PRId64 ".%" PRId64
			    " miles from where the child lived, with no reason "
			    "recorded for the change of placement.",
		    on_day(f_day(f, "placed_on"), cy, a), d / 10, d % 10);
		return;
	}
	put(o, cy ? "Symudodd leoliad ar %" PRId64 " achlysur yn y %" PRId64
		    " diwrnod diwethaf, rhwng %s a %s." :
		    "Moved placement %" PRId64 " times in the last %" PRId64
		    " days, from %s to %s.",
	    f_int(f, "moves"), f_int(f, "days"),
	    on_day(f_day(f, "first_day"), cy, a),
	    on_day(f_day(f, "last_day"), cy, b));
}

static void what_home(struct out *o, const json_t *f, bool cy)
{
	int64_t days = f_int(f, "days");

	put(o, cy ? "%" PRId64 " o gyfnodau ar goll o" RQ "r cartref yn y %"
		    PRId64 " diwrnod diwethaf, ar gyfer %" PRId64 " lle (%"
		    PRId64 " yn y %" PRId64 " diwrnod cyn hynny)." :
		    "%" PRId64 " missing periods from the home in the last %"
		    PRId64 " days, for %" PRId64 " places (%" PRId64 " in the %"
		    PRId64 " days before).",
	    f_int(f, "periods"), days, f_int(f, "places"), f_int(f, "previous"),
	    days);
	if (f_bool(f, "top"))
		put(o, cy ? " Ymhlith y %" PRId64 "%% o gartrefi sydd " "\xc3\xa2"
			    RQ "r mwyaf o gyfnodau ar goll fesul lle." :
			    " Among the %" PRId64 "%% of homes with the most "
			    "missing periods per place.", f_int(f, "decile"));
	if (f_bool(f, "rise"))
		put(o, cy ? " Cynnydd o fwy na %" PRId64 "%%." :
			    " A rise of more than %" PRId64 "%%.",
		    f_int(f, "rise_pct"));
}

/* ---- the quality of care (issue 13) ------------------------------------------ */

/* An organisation a recommendation is addressed to, in words: its kind
 * and code ("council W06000015"); the kind alone for the inspectorate. */
static void addressee_text(struct out *o, const json_t *f, bool cy)
{
	static const struct { const char *kind, *en, *cy; } kinds[] = {
		{ "inspectorate", "the inspectorate", "yr arolygiaeth" },
		{ "council", "council", "cyngor" },
		{ "provider", "provider", "darparwr" },
		{ "police", "police force", "heddlu" },
		{ "health_board", "health board", "bwrdd iechyd" },
	};
	const char *kind = json_string_value(json_object_get(f, "to_kind"));
	const char *code = json_string_value(json_object_get(f, "to_code"));
	const char *name = json_string_value(json_object_get(f,
					cy ? "to_cy" : "to_en"));

	if (name && name[0] && kind && !strcmp(kind, "council")) {
		put(o, cy ? "Cyngor %s" : "%s Council", name);
		return;
	}
	if (name && name[0]) {
		put(o, "%s", name);	/* "South Wales Police" */
		return;
	}
	for (size_t i = 0; kind && i < ARRAY_SIZE(kinds); i++)
		if (!strcmp(kind, kinds[i].kind)) {
			put(o, "%s", cy ? kinds[i].cy : kinds[i].en);
			if (strcmp(kind, "inspectorate") && code)
				put(o, " %s", code);
			return;
		}
	put(o, "%s", code ? code : "");
}

static const char *f_str(const json_t *f, const char *name)
{
	const char *s = json_string_value(json_object_get(f, name));

	return s ? s : "";
}

static void what_pan(struct out *o, const json_t *f, bool cy)
{
	char a[UK_TEXT_MAX];
	int32_t insp = f_day(f, "inspected_on");

	if (insp != DATE_NONE)
		put(o, cy ? "Nid yw hysbysiad gweithredu blaenoriaethol o "
			    "arolygiad %s wedi" RQ "i fodloni." :
			    "A priority action notice from the inspection of "
			    "%s has not been met.", on_day(insp, cy, a));
	else
		put(o, cy ? "Nid yw hysbysiad gweithredu blaenoriaethol wedi" RQ
			    "i fodloni." :
			    "A priority action notice has not been met.");
	if (f_bool(f, "not_met"))
		put(o, cy ? " Barnwyd nad oedd wedi" RQ "i fodloni mewn "
			    "arolygiad diweddarach." :
			    " A later inspection judged it not met.");
	else if (f_bool(f, "responded"))
		put(o, cy ? " Mae" RQ "r darparwr wedi anfon cynllun "
			    "gweithredu." :
			    " The provider has sent an action plan.");
	else
		put(o, cy ? " Nid yw" RQ "r darparwr wedi ymateb." :
			    " The provider has not responded.");
}

static void what_rec_action(struct out *o, const json_t *f, bool cy)
{
	char a[UK_TEXT_MAX];

	put(o, cy ? "Roedd gan gam gweithredu ar argymhelliad %s ddyddiad "
		    "targed o %s, ac nid yw wedi" RQ "i nodi" RQ "n gyflawn." :
		    "An action on recommendation %s had a target date of %s "
		    "and is not marked done.",
	    f_str(f, "code"), on_day(f_day(f, "target_day"), cy, a));
}

static void what_rec_update(struct out *o, const json_t *f, bool cy)
{
	const char *code = f_str(f, "status");
	const char *status = "";
	int64_t last = f_int(f, "last_update_at"), days = f_int(f, "days");
	char a[UK_TEXT_MAX];

	for (int s = 0; s < REC_NSTATUSES; s++)
		if (!strcmp(code, rec_status_code((enum rec_status)s)))
			status = rec_status_name((enum rec_status)s, cy);
	put(o, cy ? "Dim diweddariad ar gynnydd argymhelliad %s ers mwy na %"
		    PRId64 " diwrnod: " :
		    "No progress update on recommendation %s for more than %"
		    PRId64 " days: ", f_str(f, "code"), days);
	if (last)
		put(o, cy ? "roedd yr olaf ar %s." : "the last was on %s.",
		    when(last, cy, a));
	else
		put(o, cy ? "dim un ers ei wneud ar %s." :
			    "none since it was made on %s.",
		    on_day(f_day(f, "made_day"), cy, a));
	if (status[0])
		put(o, cy ? " Statws: %s." : " Status: %s.", status);
}

static void what_poor(struct out *o, const json_t *f, bool cy)
{
	const json_t *poor = json_object_get(f, "poor");
	size_t n = json_array_size(poor), k = 0;
	int64_t children = f_int(f, "children");
	const char *name;
	char a[UK_TEXT_MAX];

	put(o, cy ? "Graddiodd arolygiad %s " : "The inspection of %s rated ",
	    on_day(f_day(f, "inspected_on"), cy, a));
	for (size_t i = 0; i < n; i++) {
		const char *c = json_string_value(json_array_get(poor, i));

		for (int t = 0; c && t < Q_NTHEMES; t++) {
			if (strcmp(c, q_theme_code((enum q_theme)t)))
				continue;
			put(o, "%s%s", !k ? "" : i + 1 == n ?
				    (cy ? " a " : " and ") : ", ",
			    q_theme_name((enum q_theme)t, cy));
			k++;
		}
	}
	put(o, cy ? " yn Wael. " : " Poor. ");
	/* the council by name ("Cardiff Council"), its code only when the
	 * geography has no name for it */
	name = f_str(f, cy ? "council_cy" : "council_en");
	if (cy)
		put(o, "Mae %" PRId64 " o blant yng ngofal %s%s wedi" RQ
		    "u lleoli yno heddiw, ac nid oes neb o" RQ "r cyngor wedi "
		    "gweld cofnod y cartref ers yr arolygiad.", children,
		    name[0] ? "Cyngor " : "cyngor ",
		    name[0] ? name : f_str(f, "council"));
	else
		put(o, "%" PRId64 " %s looked after by %s%s%s %s placed "
		    "there today, and nobody from the council has viewed the "
		    "home" RQ "s record since the inspection.", children,
		    children == 1 ? "child" : "children",
		    name[0] ? "" : "council ",
		    name[0] ? name : f_str(f, "council"),
		    name[0] ? " Council" : "",
		    children == 1 ? "is" : "are");
}

int64_t alert_rec_of(const struct alert_row *r,
		     char code[ALERT_REC_CODE_MAX + 1])
{
	json_t *f = r->facts[0] ? json_loads(r->facts, 0, NULL) : NULL;
	const struct alert_rule *rule = alert_rule_find(r->rule);
	int64_t id = 0;

	code[0] = '\0';
	if (json_is_object(f) && rule && rule->quality) {
		id = f_int(f, "rec");
		snprintf(code, ALERT_REC_CODE_MAX + 1, "%s", f_str(f, "code"));
	}
	if (id <= 0) {
		id = 0;
		code[0] = '\0';
	}
	json_decref(f);
	return id;
}

/* ---- what to do ------------------------------------------------------------- */

static const char *todo_of(const struct alert_row *r, const json_t *f,
			   bool cy)
{
	const char *rule = r->rule;

	switch (r->state) {
	case ALERT_HISTORICAL:
		return cy ? "Dim i" RQ "w wneud: fe" RQ "i canfuwyd yn yr hanes a "
			    "fewnforiwyd, ac fe" RQ "i cedwir er gwybodaeth." :
			    "Nothing to do: it was found in imported history "
			    "and is kept for the record.";
	case ALERT_CLEARED:
		return cy ? "Dim i" RQ "w wneud: nid yw" RQ "r rheolau yn ei "
			    "ganfod mwyach." :
			    "Nothing to do: the rules no longer find it.";
	case ALERT_RESOLVED:
		return cy ? "Dim mwy i" RQ "w wneud: mae wedi" RQ "i ddatrys." :
			    "Nothing more to do: it has been resolved.";
	default:
		break;
	}

	if (!strcmp(rule, "ri-72h"))
		return f_int(f, "held_at") ?
			(cy ? "Cofnodwch pam roedd y cyfweliad yn hwyr, yna "
			      "datryswch y rhybudd." :
			      "Record why the interview was late, then resolve "
			      "the alert.") :
			(cy ? "Cynhaliwch y cyfweliad dychwelyd, neu cofnodwch "
			      "pam na chafodd ei gynnal." :
			      "Hold the return interview, or record why it was "
			      "not held.");
	if (!strcmp(rule, "repeat-missing"))
		return cy ? "Cynhaliwch gyfarfod strategaeth am gyfnodau ar goll "
			    "mynych y plentyn." :
			    "Hold a strategy meeting about the child" RQ "s "
			    "repeated missing episodes.";
	if (!strcmp(rule, "long-or-high-risk"))
		return cy ? "Cynhaliwch gyfarfod strategaeth gyda" RQ "r heddlu "
			    "a" RQ "r cartref." :
			    "Hold a strategy meeting with the police and the "
			    "home.";
	if (!strcmp(rule, "exploitation"))
		return cy ? "Cynhaliwch gyfarfod strategaeth a phennwch "
			    "ddyddiad i adolygu cynllun diogelwch y plentyn." :
			    "Hold a strategy meeting and set a date to review "
			    "the child" RQ "s safety plan.";
	if (!strcmp(rule, "criminalisation"))
		return cy ? "Adolygwch gyda" RQ "r heddlu pam y cafodd y plentyn "
			    "ei arestio neu ei gyhuddo ac a ellid bod wedi "
			    "osgoi hynny, a chofnodwch beth a wnaed." :
			    "Review with the police why the child was arrested "
			    "or charged and whether it could have been "
			    "avoided, and record what was done.";
	if (!strcmp(rule, "placement-stability"))
		return f_is(f, "part", "distance") ?
			(cy ? "Cofnodwch y rheswm dros newid y lleoliad, neu "
			      "adolygwch y lleoliad." :
			      "Record the reason for the change of placement, "
			      "or review the placement.") :
			(cy ? "Adolygwch gynllun lleoli" RQ "r plentyn er mwyn "
			      "sefydlogi" RQ "r lleoliad." :
			      "Review the child" RQ "s placement plan to make the "
			      "placement stable.");
	if (!strcmp(rule, "home-missing-rate"))
		return cy ? "Edrychwch ar gyfnodau ar goll y cartref a sut mae" RQ
			    "n ymateb iddynt; ystyriwch arolygiad." :
			    "Look at the home" RQ "s missing episodes and how it "
			    "responds to them; consider an inspection.";
	if (!strcmp(rule, "pan-overdue"))
		return cy ? "Darparwr: unionwch yr hyn y mae" RQ "r hysbysiad yn "
			    "ei ofyn a rhowch wybod i" RQ "r arolygiaeth. "
			    "Arolygiaeth: gwiriwch a yw wedi" RQ "i fodloni a "
			    "chofnodwch y dyfarniad." :
			    "Provider: put right what the notice requires and "
			    "tell the inspectorate. Inspectorate: check whether "
			    "it is met and record the judgement.";
	if (!strcmp(rule, "rec-action-overdue"))
		return cy ? "Cwblhewch y cam gweithredu a" RQ "i nodi" RQ "n "
			    "gyflawn, neu cofnodwch ddiweddariad sy" RQ "n "
			    "dweud pam mae" RQ "n hwyr a beth yw" RQ "r targed "
			    "newydd." :
			    "Complete the action and mark it done, or record an "
			    "update saying why it is late and what the new "
			    "target is.";
	if (!strcmp(rule, "rec-no-update"))
		return cy ? "Cofnodwch ddiweddariad ar y cynnydd gyda" RQ "i "
			    "dystiolaeth, a" RQ "ch statws." :
			    "Record a progress update with its evidence, and "
			    "your status.";
	if (!strcmp(rule, "poor-home-unviewed"))
		return cy ? "Edrychwch ar gofnod y cartref a" RQ "i arolygiad, ac "
			    "adolygwch a yw lleoliadau eich plant yno" RQ "n "
			    "ddiogel." :
			    "View the home" RQ "s record and its inspection, and "
			    "review whether your children" RQ "s placements "
			    "there are safe.";
	return cy ? "Darllenwch y rhybudd a phenderfynwch beth i" RQ "w wneud." :
		    "Read the alert and decide what to do.";
}

/*
 * What a reader who may not open the child can do: the council that
 * looks after it leads, and will ask for what it needs.
 */
static void todo_unnamed(char *out, size_t cap, const struct alert_row *r,
			 bool cy)
{
	const char *la = cy && r->la_cy[0] ? r->la_cy : r->la_en;

	if (!la[0])
		la = r->la;
	snprintf(out, cap, cy ? "Cyngor %s, sy" RQ "n gofalu am y plentyn, "
		 "sy" RQ "n arwain ar hyn, a bydd yn cysylltu \xc3\xa2 chi os "
		 "bydd eich angen, er enghraifft mewn cyfarfod strategaeth. "
		 "Ni allwch agor cofnod y plentyn hwn." :
		 "%s Council, which looks after the child, leads on this and "
		 "will contact you if it needs you, for example at a strategy "
		 "meeting. You cannot open this child" RQ "s record.", la);
}

/* ---- where, and when it was due ------------------------------------------- */

void alert_unnamed_text(const struct alert_row *r, bool cy, char *out,
			size_t cap)
{
	const char *la = cy && r->la_cy[0] ? r->la_cy : r->la_en;

	if (!la[0])
		la = r->la;
	snprintf(out, cap, cy ? "Plentyn yng ngofal Cyngor %s" :
		 "A child looked after by %s Council", la);
}

static void where_of(struct out *o, const struct alert_row *r,
		     const json_t *f, bool cy)
{
	if (r->unnamed) {
		/* no home: with the times, it could point at the child */
		char who[LA_NAME_MAX + 64];

		alert_unnamed_text(r, cy, who, sizeof(who));
		put(o, "%s", who);
		return;
	}

	const char *area = cy && r->home_area_cy[0] ? r->home_area_cy :
			   r->home_area_en;
	const char *la = cy && r->la_cy[0] ? r->la_cy : r->la_en;

	if (r->home_name[0]) {
		put(o, "%s", r->home_name);
		if (area[0])
			put(o, ", %s", area);
	}
	if (f && json_is_string(json_object_get(f, "to_kind")) &&
	    json_is_integer(json_object_get(f, "rec"))) {
		/* a recommendation's: which, and to whom */
		put(o, cy ? "Argymhelliad %s, a gyfeiriwyd at " :
			    "Recommendation %s, addressed to ",
		    f_str(f, "code"));
		addressee_text(o, f, cy);
	}
	if (!r->ref[0])
		return;
	if (!la[0])
		la = r->la;
	if (o->len)
		put(o, cy ? "; yng ngofal Cyngor %s" : "; looked after by %s "
			    "Council", la);
	else
		put(o, cy ? "Yng ngofal Cyngor %s" : "Looked after by %s "
			    "Council", la);
}

static void due_of(struct out *o, const struct alert_row *r, int64_t now,
		   bool cy)
{
	const struct alert_rule *rule = alert_rule_find(r->rule);
	bool by_day = rule && rule->due_by_day;
	char d[UK_TEXT_MAX], n[UK_TEXT_MAX];

	if (!r->due_at)
		return;
	if (by_day)
		uk_date_text(uk_day_of(r->due_at - 1), cy, d, sizeof(d));
	else
		uk_time_text(r->due_at, cy, d, sizeof(d));
	if (!alert_is_live(r->state)) {
		put(o, cy ? "Roedd i" RQ "w wneud erbyn %s." : "Was due by %s.",
		    d);
		return;
	}
	put(o, cy ? "I" RQ "w wneud erbyn %s" : "Due by %s", d);
	if (by_day) {
		int32_t due_day = uk_day_of(r->due_at - 1);
		int32_t today = uk_day_of(now);

		if (today > due_day) {
			days_text(today - due_day, cy, n, sizeof(n));
			put(o, cy ? DASH "%s yn hwyr." : DASH "%s overdue.", n);
		} else if (today == due_day) {
			put(o, cy ? DASH "heddiw." : DASH "today.");
		} else {
			days_text(due_day - today, cy, n, sizeof(n));
			put(o, cy ? DASH "%s ar " "\xc3\xb4" "l." :
				    DASH "%s left.", n);
		}
		return;
	}
	if (now > r->due_at)
		put(o, cy ? DASH "%s yn hwyr." : DASH "%s overdue.",
		    lasting(now - r->due_at, cy, n));
	else
		put(o, cy ? DASH "%s ar " "\xc3\xb4" "l." : DASH "%s left.",
		    lasting(r->due_at - now, cy, n));
}

void alert_text(const struct alert_row *r, int64_t now, bool cy,
		struct alert_text *out)
{
	const struct alert_rule *rule = alert_rule_find(r->rule);
	json_t *f = r->facts[0] ? json_loads(r->facts, 0, NULL) : NULL;
	struct out o;

	memset(out, 0, sizeof(*out));
	out_init(&o, out->what, sizeof(out->what));
	if (!json_is_object(f)) {
		/* an alert from before migration 7 not evaluated since:
		 * what its rule means */
		if (rule)
			put(&o, "%s", cy ? rule->desc_cy : rule->desc_en);
	} else if (!strcmp(r->rule, "ri-72h")) {
		what_ri(&o, f, cy);
	} else if (!strcmp(r->rule, "repeat-missing")) {
		what_repeat(&o, f, cy);
	} else if (!strcmp(r->rule, "long-or-high-risk")) {
		what_long(&o, f, now, cy);
	} else if (!strcmp(r->rule, "exploitation")) {
		what_exploit(&o, f, cy);
	} else if (!strcmp(r->rule, "criminalisation")) {
		what_crim(&o, f, cy);
	} else if (!strcmp(r->rule, "placement-stability")) {
		what_stab(&o, f, cy);
	} else if (!strcmp(r->rule, "home-missing-rate")) {
		what_home(&o, f, cy);
	} else if (!strcmp(r->rule, "pan-overdue")) {
		what_pan(&o, f, cy);
	} else if (!strcmp(r->rule, "rec-action-overdue")) {
		what_rec_action(&o, f, cy);
	} else if (!strcmp(r->rule, "rec-no-update")) {
		what_rec_update(&o, f, cy);
	} else if (!strcmp(r->rule, "poor-home-unviewed")) {
		what_poor(&o, f, cy);
	} else if (rule) {
		put(&o, "%s", cy ? rule->desc_cy : rule->desc_en);
	}
	out_init(&o, out->where, sizeof(out->where));
	where_of(&o, r, json_is_object(f) ? f : NULL, cy);
	out_init(&o, out->due, sizeof(out->due));
	due_of(&o, r, now, cy);
	if (r->unnamed && alert_is_live(r->state))
		todo_unnamed(out->todo, sizeof(out->todo), r, cy);
	else
		snprintf(out->todo, sizeof(out->todo), "%s",
			 todo_of(r, json_is_object(f) ? f : NULL, cy));
	json_decref(f);
}
