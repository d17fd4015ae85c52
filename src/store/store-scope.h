/*
 * store-scope.h: what each viewer may see: the scoped reads of children,
 * homes and missing periods (issue 4; docs/access.md).
 *
 * The pages and the JSON API read children, homes and missing periods
 * only through these.  Each takes the viewer (domain/viewer.h) and the
 * store decides in SQL, with the viewer's council, provider, police area
 * and day bound as parameters, which rows it may see; the field matrix
 * (viewer_fields()) decides which fields of them are filled.  A field
 * the viewer may not see is left empty ("", DATE_NONE, -1, false,
 * DIST_HIDDEN).
 *
 * Existence is not leaked: a child out of the viewer's scope is
 * ERR_NOT_FOUND with the same message as a child that does not exist.
 * ERR_DENIED is only for what a role can never have, whatever the child
 * (VIEWER_NONE asking for children), and for a viewer without an audit
 * hook.
 *
 * Audit: every child record read writes a "view" row (subject child
 * COUNCIL/REF) through v->audit before returning, and every refused or
 * unknown one a "view-denied" row (detail says why; the caller cannot
 * tell).  A list, profile or missing page that names children writes one
 * "list" or "view" row naming them.  If the audit row cannot be written
 * the read fails and returns nothing.
 *
 * Paging: page_size 1 to STORE_PAGE_MAX (0: STORE_PAGE_DEFAULT; more is
 * cut to STORE_PAGE_MAX); page from 0.  Pages are fixed arrays (tens of
 * KB): allocate them, do not put them on a thread's stack.
 */
#ifndef CARTREF_STORE_SCOPE_H
#define CARTREF_STORE_SCOPE_H

#include "base/compat.h"
#include "domain/viewer.h"
#include "store/store-core.h"

#define STORE_PAGE_MAX 100
#define STORE_PAGE_DEFAULT 25
#define STORE_PAGE_LAST 100000		/* the highest page number */
#define STORE_RECORD_ROWS_MAX 1000	/* per table of one child record */
#define STORE_PROFILE_YEARS 16

/* One episode (placement) as the viewer may see it. */
struct child_placement {
	int32_t decom;
	int32_t dec;			/* DATE_NONE: no end date */
	bool open;			/* still open in the latest return */
	char rne[2];
	char place[4];
	char place_provider[4];
	char ls[3];			/* VF_LEGAL_STATUS */
	char cin[3];			/* VF_NEED */
	char rec[4];			/* VF_ENDINGS */
	char reason_place_change[7];	/* VF_ENDINGS */
	char urn[S903_URN_MAX + 1];	/* "" if not a registered home */
	char home_name[HOME_NAME_MAX + 1];
	char provider[PROVIDER_NAME_MAX + 1];
	char district[POSTCODE_MAX + 1];	/* VF_DISTRICT */
	char pl_post[POSTCODE_MAX + 1];	/* VF_PLACEMENT_POSTCODE */
	char home_post[POSTCODE_MAX + 1];	/* VF_HOME_POSTCODE */
	int32_t distance;		/* VF_DISTANCE: tenths of a mile, -1 */
	enum distance_band band;	/* VF_DISTANCE_BAND */
};

/* A child as a list row and as the head of a record. */
struct child_summary {
	char la[LA_CODE_MAX + 1];	/* the council that looks after it */
	char ref[S903_CHILD_MAX + 1];
	char sex[2];			/* VF_SEX */
	int32_t dob;			/* VF_DOB */
	int age;			/* VF_AGE: years on v->today, -1 */
	char upn[S903_UPN_MAX + 1];	/* VF_UPN */
	char ethnic[5];			/* VF_ETHNIC */
	bool looked_after;		/* on v->today (not V3/V4) */
	/* the placement on v->today, when the viewer may see it (a provider
	 * only sees it at its own homes) */
	bool has_current;
	struct child_placement current;
	long open_missing;		/* open missing periods it may see */
};

/* Filters: a zeroed struct matches everything (first page, default size). */
struct child_filter {
	const char *la;			/* the council; NULL or "": any */
	const char *ref_prefix;		/* NULL or "": any */
	int32_t looked_after_on;	/* a day; 0 or DATE_NONE: any */
	const char *urn;		/* placed at this home today; NULL: any */
	bool in_home;			/* in a children's home (K1, K2) today */
	/* order: in a children's home today first, then looked after
	 * today, then by council and reference (else by council and
	 * reference only) */
	bool homes_first;
	long page, page_size;
};

struct child_page {
	struct child_summary rows[STORE_PAGE_MAX];
	size_t n;
	long total;		/* rows on all pages */
	long page, page_size;	/* as applied */
};

/*
 * The children v may see, by council then reference.  VIEWER_NONE:
 * ERR_DENIED.  No audit hook: ERR_DENIED.
 */
int store_children_list(struct store *s, const struct viewer *v,
			const struct child_filter *f, struct child_page *out,
			struct err *err);

/*
 * An SSDA903 missing period.  A period a return left open (end
 * DATE_NONE) is "open in that return": only live records (store_mfc_*)
 * say a child is missing now.
 */
struct child_missing {
	char kind[2];			/* "M" missing, "A" away */
	int32_t start;
	int32_t end;			/* DATE_NONE: no end date */
	bool open;			/* no end in the latest return */
	int return_year;		/* the (latest) return that has it */
	/* the placement it started from */
	char place[4];
	char urn[S903_URN_MAX + 1];
	char home_name[HOME_NAME_MAX + 1];
	char district[POSTCODE_MAX + 1];	/* VF_DISTRICT */
	char pl_post[POSTCODE_MAX + 1];	/* VF_PLACEMENT_POSTCODE */
};

struct child_oc2 {
	int year;
	int32_t sdq_score;		/* -1 blank */
	char sdq_reason[5];
	int32_t convicted, health_check, immunisations, teeth_check,
		health_assessment, substance_misuse, intervention_received,
		intervention_offered;	/* 0/1, -1 blank */
};

/*
 * A row of one of the eight later SSDA903 tables (Reviews .. DoLo), its
 * columns after CHILD as the return wrote them (s903_tables[table]).
 */
#define CHILD_LATER_COLS 7
struct child_later {
	int year;			/* the return's */
	enum s903_table table;
	char v[CHILD_LATER_COLS][24];
};

/* A child's single chronology, filtered for the viewer. */
struct child_record {
	struct child_summary child;
	struct child_placement *episodes;	/* by DECOM */
	size_t nepisodes;
	struct child_missing *missing;		/* by start */
	size_t nmissing;
	struct child_oc2 *oc2;			/* by year */
	size_t noc2;
	struct child_later *later;		/* by year, table, order */
	size_t nlater;
	bool truncated;		/* over STORE_RECORD_ROWS_MAX rows */
};

#define CHILD_RECORD_INIT { .episodes = NULL }
void child_record_release(struct child_record *r);

/*
 * The record of child la/ref as v may see it (out must be
 * CHILD_RECORD_INIT or released; release it after any return).
 * ERR_NOT_FOUND for a child that does not exist and for one out of
 * scope alike; ERR_DENIED for VIEWER_NONE.  Audited (see above).
 */
int store_child_record(struct store *s, const struct viewer *v,
		       const char *la, const char *ref,
		       struct child_record *out, struct err *err);

/*
 * Would store_child_record() open child la/ref for v?  The same rule (the
 * scope predicate of the record read), asked without reading the record:
 * for texts that must say no more than their reader may see (alerts and
 * their outbox messages, docs/alerts.md).  *yes false for a child out of
 * scope, one that does not exist and VIEWER_NONE.  Not audited: it
 * returns no data of the child, and the caller that names the child
 * audits that.  ERR_DENIED only for a viewer the store refuses outright.
 */
int store_child_in_scope(struct store *s, const struct viewer *v,
			 const char *la, const char *ref, bool *yes,
			 struct err *err);

/* A home of the register; the address rule decides `postcode`. */
struct home_row {
	char urn[S903_URN_MAX + 1];
	char name[HOME_NAME_MAX + 1];
	char provider[PROVIDER_NAME_MAX + 1];
	enum provider_type provider_type;
	char la[LA_CODE_MAX + 1];
	/* the full postcode for the home's provider, a council that placed
	 * a child there in the last VIEWER_WINDOW_DAYS (or runs it) and
	 * inspectors; else the postcode district */
	char postcode[POSTCODE_MAX + 1];
	bool postcode_full;
	int places;
	int age_min, age_max;
	enum sex_admitted sex_admitted;
	int32_t registered;
	int32_t closed;			/* DATE_NONE: open */
};

struct home_filter {
	const char *la;			/* council area; NULL or "": any */
	const char *provider_type;	/* "la", "private", ...; NULL: any */
	int32_t open_on;		/* a day; 0 or DATE_NONE: any */
	long page, page_size;
};

struct home_page {
	struct home_row rows[STORE_PAGE_MAX];
	size_t n;
	long total;
	long page, page_size;
};

/* The register, by URN: every viewer, analysts and admins included (it
 * names no child).  Not audited. */
int store_homes_list(struct store *s, const struct viewer *v,
		     const struct home_filter *f, struct home_page *out,
		     struct err *err);

/* Missing periods and moves of one home, per reporting year. */
struct home_year {
	int year;
	long missing_periods;	/* MISSING = M, starting from the home */
	long missing_children;
	long moves_out;		/* ended by a move elsewhere */
};

struct home_profile {
	struct home_row home;
	/* exact figures: for inspectors, the home's provider and the
	 * council whose area it is in; false (and nyears 0) for others */
	bool figures;
	struct home_year years[STORE_PROFILE_YEARS];	/* newest first */
	size_t nyears;
	/* children placed there on v->today whom v may see there */
	struct child_summary children[STORE_PAGE_MAX];
	size_t nchildren;
	bool truncated;
};

/*
 * One home.  ERR_NOT_FOUND for an unknown URN; ERR_DENIED for
 * VIEWER_NONE (the profile names children).  Audited when it names
 * children ("view", subject home URN).
 */
int store_home_profile(struct store *s, const struct viewer *v,
		       const char *urn, struct home_profile *out,
		       struct err *err);

/*
 * What is happening now at homes, in numbers (no child is named): for a
 * provider its homes, for a council the homes in its area, for
 * inspectors every home, by name.  Others: ERR_DENIED.  Not audited.
 * *out (free() it) holds *n rows.
 */
struct home_now {
	char urn[S903_URN_MAX + 1];
	char name[HOME_NAME_MAX + 1];
	char la[LA_CODE_MAX + 1];	/* the council area it is in */
	int places;
	bool open;			/* registered and not closed today */
	long placed;			/* children under 18 placed there today */
	long missing_now;		/* live episodes from it not ended */
	long episodes_recent;		/* live episodes from it since since_ms */
};
int store_homes_now(struct store *s, const struct viewer *v,
		    int64_t since_ms, struct home_now **out, size_t *n,
		    struct err *err);

/* A missing period left open in a return: the data-quality list. */
struct missing_row {
	char la[LA_CODE_MAX + 1];
	char ref[S903_CHILD_MAX + 1];
	char sex[2];			/* VF_SEX */
	int32_t dob;			/* VF_DOB */
	int age;			/* VF_AGE, -1 */
	struct child_missing m;
};

struct missing_filter {
	const char *la;			/* child's council; NULL or "": any */
	const char *urn;		/* home it started from; NULL: any */
	long page, page_size;
};

struct missing_page {
	struct missing_row rows[STORE_PAGE_MAX];
	size_t n;
	long total;
	long page, page_size;
};

/*
 * SSDA903 missing periods the latest return left open (no end date), as
 * v may see them, oldest first: police, those of kind M from placements
 * in the force's area; councils, their children's; providers, those
 * that started from their homes; inspectors, those of children placed
 * in registered homes.  Not "missing now": only live records say that;
 * this is for checking the returns.  VIEWER_NONE: ERR_DENIED.  Audited
 * when not empty.
 */
int store_missing_open(struct store *s, const struct viewer *v,
		       const struct missing_filter *f,
		       struct missing_page *out, struct err *err);

#endif
