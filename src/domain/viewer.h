/*
 * viewer.h: who is looking at children's data, and what their kind of
 * access lets them see (issue 4; the rules are in docs/access.md).
 *
 * A struct viewer is the signed-in user reduced to what scoping needs:
 * plain fields, no pointers into other structs, so the store can bind
 * them as SQL parameters.  The store's scoped reads (store.h, "what each
 * viewer may see") take one and decide in SQL which rows it may see; the
 * field table here (viewer_fields()) decides which columns of those rows.
 *
 * Build one with viewer_from_user() (implemented in src/auth/viewer.c,
 * because it needs the organisation's links from the store and installs
 * the audit hook), or by hand in tests.  `today` drives the 90-day rule,
 * "open" missing periods and ages; `now_ms` stamps the audit rows.
 *
 * The audit hook: every read of a child's record (and every list naming
 * children) writes an audit row through v->audit before the data is
 * returned.  The store cannot call src/auth/ itself (dependencies point
 * auth -> store), so the viewer carries the writer: a viewer without one
 * is refused any child-level data.
 */
#ifndef CARTREF_VIEWER_H
#define CARTREF_VIEWER_H

#include "base/compat.h"
#include "base/err.h"
#include "domain/home.h"
#include "domain/ssda903.h"

/* What kind of access a role in its organisation gives. */
enum viewer_access {
	VIEWER_NONE = 0,	/* analyst, admin, or a role outside its org:
				 * no individual child, aggregates only */
	VIEWER_INSPECTORATE,	/* inspector */
	VIEWER_COUNCIL,		/* council_social_worker, _placements */
	VIEWER_PROVIDER,	/* home_manager */
	VIEWER_POLICE,		/* police_missing_coordinator */
	VIEWER_NACCESS
};

/* "none", "inspectorate", "council", "provider", "police". */
const char *viewer_access_name(enum viewer_access a);

/* Days after a placement ends that its provider still sees the child. */
#define VIEWER_WINDOW_DAYS 90
/* Councils a police force's area may list (the Met covers 33). */
#define VIEWER_AREAS_MAX 40
#define VIEWER_ACTOR_MAX 254	/* == USER_EMAIL_MAX */
#define VIEWER_WORD_MAX 32
#define VIEWER_ORG_MAX 120	/* == ORG_CODE_MAX */
#define VIEWER_IP_MAX 64	/* == STORE_IP_MAX */

struct store;
struct user;
struct viewer;

/*
 * Append one audit row for v: action ("view", "view-denied", "list"),
 * subject_kind ("child", "children", "home", "missing"), subject_id
 * ("W06000015/C01") and detail, at v->now_ms from v->ip, in store s.
 */
typedef int viewer_audit_fn(struct store *s, const struct viewer *v,
			    const char *action, const char *subject_kind,
			    const char *subject_id, const char *detail,
			    struct err *err);

struct viewer {
	int64_t user_id;
	int64_t org_id;
	char actor[VIEWER_ACTOR_MAX + 1];	/* email address */
	char role[VIEWER_WORD_MAX + 1];		/* "inspector", ... */
	char org_kind[VIEWER_WORD_MAX + 1];	/* "council", ... */
	char org_code[VIEWER_ORG_MAX + 1];
	enum viewer_access access;
	char la[LA_CODE_MAX + 1];		/* council: its GSS code */
	char provider[PROVIDER_NAME_MAX + 1];	/* provider: in register */
	/* police: the councils of the force's area */
	char areas[VIEWER_AREAS_MAX][LA_CODE_MAX + 1];
	size_t nareas;
	int32_t today;		/* day number (base/parse.h) */
	int64_t now_ms;		/* ms since 1970 UTC: audit rows */
	char ip[VIEWER_IP_MAX + 1];
	viewer_audit_fn *audit;	/* NULL: no child-level data at all */
};

/*
 * The viewer for a signed-in user u at now_ms from ip (may be NULL):
 * access from the role and the organisation's kind (a role outside the
 * kind auth_role_fits() allows gives VIEWER_NONE), the council, provider
 * or police area from the organisation, today from now_ms (UTC), and the
 * audit hook writing through audit_append().  ERR_DENIED for a disabled
 * user; ERR_TOO_LARGE for a force with more than VIEWER_AREAS_MAX
 * councils.  Implemented in src/auth/viewer.c.
 */
int viewer_from_user(struct store *s, const struct user *u, const char *ip,
		     int64_t now_ms, struct viewer *out, struct err *err);

/*
 * Add the councils police organisation org_id (code, for the message)
 * covers to v->areas: the police scope's one rule, for a user's viewer
 * and for an organisation's (alerts_org_viewer()).  ERR_TOO_LARGE, said,
 * for more than VIEWER_AREAS_MAX.  Implemented in src/auth/viewer.c.
 */
int viewer_add_police_areas(struct store *s, int64_t org_id,
			    const char *code, struct viewer *v,
			    struct err *err);

/* ---- the field matrix (docs/access.md) ---------------------------------- */

enum viewer_field {
	VF_SEX = 1 << 0,
	VF_DOB = 1 << 1,		/* exact date of birth */
	VF_AGE = 1 << 2,		/* whole years on `today` */
	VF_UPN = 1 << 3,
	VF_ETHNIC = 1 << 4,
	VF_PLACEMENT_POSTCODE = 1 << 5,	/* a placement's full PL_POST */
	VF_HOME_POSTCODE = 1 << 6,	/* the child's own HOME_POST */
	VF_LEGAL_STATUS = 1 << 7,	/* LS */
	VF_NEED = 1 << 8,		/* CIN: category of need */
	VF_ENDINGS = 1 << 9,		/* REC and REASON_PLACE_CHANGE */
	VF_DISTANCE = 1 << 10,		/* miles, exact */
	VF_DISTANCE_BAND = 1 << 11,	/* 0-20, 21-40, ... miles */
	VF_OC2 = 1 << 12,		/* outcomes */
	VF_DISTRICT = 1 << 13,		/* a placement's district */
};

/* The fields of a child in scope that access a may see (0 for NONE). */
unsigned viewer_fields(enum viewer_access a);

static inline bool viewer_may(const struct viewer *v, unsigned fields)
{
	return (viewer_fields(v->access) & fields) == fields;
}

/* ---- distance bands (docs/indicators.md, table `distance`) --------------- */

enum distance_band {
	DIST_HIDDEN = 0,	/* not for this viewer */
	DIST_UNKNOWN,
	DIST_0_20,		/* each band includes its upper bound */
	DIST_21_40,
	DIST_41_60,
	DIST_61_80,
	DIST_81_100,
	DIST_OVER_100,
	DIST_NBANDS
};

/* The band of a distance in tenths of a mile (negative: unknown). */
enum distance_band distance_band_of(int32_t tenths);
/* "hidden", "unknown", "0-20", ..., "over 100". */
const char *distance_band_name(enum distance_band b);

#endif
