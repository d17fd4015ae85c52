/*
 * ssda903.h: the SSDA903 return as cartref holds it in memory.
 *
 * A return is what one council submits for one reporting year (1 April to
 * 31 March, named by the year it ends): all twelve SSDA903 tables (Header,
 * Episodes, Missing, OC2, Reviews, UASC, OC3, AD1, PlacedAdoption,
 * PrevPerm, SWEpisodes, DoLo).  Rows are fixed-size structs (no per-field
 * allocation), and each table is described once by a column table (struct
 * s903_col) that drives parsing, validation, storing and writing alike, so
 * that import, store and export cannot drift apart.
 *
 * Every row struct starts with CHILD and carries the line it came from;
 * s903_tables[t] says where (child_off is 0, line_off).  The code columns
 * of the eight later tables are read as S903_TEXT: their code lists are
 * checked by the DfE rules (src/validate/), as the DfE's own validator
 * does, so that a return with a wrong code still loads and is reported.
 */
#ifndef CARTREF_SSDA903_H
#define CARTREF_SSDA903_H

#include "base/compat.h"
#include "base/parse.h"
#include "domain/codes.h"
#include "domain/geo.h"

#define S903_CHILD_MAX 16	/* CHILD: council's own id */
#define S903_UPN_MAX 13		/* A123456789012 or UN1..UN5 */
#define S903_URN_MAX 20		/* Ofsted URN or CIW service id */
#define LA_CODE_MAX 9		/* GSS code, W06000015 */

enum s903_table {
	S903_HEADER,
	S903_EPISODES,
	S903_MISSING,
	S903_OC2,
	S903_REVIEWS,
	S903_UASC,
	S903_OC3,
	S903_AD1,
	S903_PLACED_ADOPTION,
	S903_PREV_PERM,
	S903_SW_EPISODES,
	S903_DOLO,
	S903_NTABLES
};

enum s903_kind {
	S903_ID,	/* CHILD: letters, digits, '-', '_', '/' */
	S903_DATE,	/* dd/mm/yyyy */
	S903_CODE,	/* one of a code list */
	S903_INT,	/* integer in [min, max] */
	S903_POSTCODE,	/* full postcode or district */
	S903_UPN,	/* unique pupil number or UN1..UN5 */
	S903_URN,	/* setting reference: letters, digits, '-' */
	S903_TEXT,	/* printable ASCII, 1 to size - 1 bytes */
};

struct s903_col {
	const char *name;
	enum s903_kind kind;
	bool required;
	size_t off;			/* where in the row struct */
	size_t size;			/* char array size (text kinds) */
	const struct code_list *codes;	/* S903_CODE */
	int min, max;			/* S903_INT */
};

struct s903_table_def {
	enum s903_table id;
	const char *name;	/* "Episodes" */
	const char *file;	/* "episodes.csv": export file name */
	const struct s903_col *cols;
	size_t ncols;
	size_t rowsize;
	size_t line_off;	/* uint32_t line in the row */
};

extern const struct s903_table_def s903_tables[S903_NTABLES];

struct s903_header {
	char child[S903_CHILD_MAX + 1];
	char sex[2];
	int32_t dob;
	char ethnic[5];
	char upn[S903_UPN_MAX + 1];
	int32_t mother;		/* 0/1, -1 blank */
	int32_t mc_dob;
	uint32_t line;		/* source line, for cross-row messages */
	bool invalid;		/* a field failed to parse: skip DOB checks */
};

struct s903_episode {
	char child[S903_CHILD_MAX + 1];
	int32_t decom;
	char rne[2];
	char ls[3];
	char cin[3];
	char place[4];
	char place_provider[4];
	int32_t dec;		/* DATE_NONE: open */
	char rec[4];
	char reason_place_change[7];
	char home_post[POSTCODE_MAX + 1];
	char pl_post[POSTCODE_MAX + 1];
	char urn[S903_URN_MAX + 1];
	/* derived at import (not columns of the return) */
	int32_t pl_distance;	/* tenths of a mile HOME_POST to PL_POST, -1 */
	char pl_la[LA_CODE_MAX + 1];	/* district of PL_POST, "" unknown */
	uint32_t line;
};

struct s903_missing {
	char child[S903_CHILD_MAX + 1];
	int32_t dob;
	char missing[2];
	int32_t mis_start;
	int32_t mis_end;	/* DATE_NONE: still missing */
	uint32_t line;
};

struct s903_oc2 {
	char child[S903_CHILD_MAX + 1];
	int32_t dob;
	int32_t sdq_score;	/* -1 blank */
	char sdq_reason[5];
	int32_t convicted;	/* this and the rest: 0/1, -1 blank */
	int32_t health_check;
	int32_t immunisations;
	int32_t teeth_check;
	int32_t health_assessment;
	int32_t substance_misuse;
	int32_t intervention_received;
	int32_t intervention_offered;
	uint32_t line;
};

struct s903_review {
	char child[S903_CHILD_MAX + 1];
	int32_t dob;
	int32_t review;
	char review_code[4];	/* PN0..PN7 */
	uint32_t line;
};

struct s903_uasc {
	char child[S903_CHILD_MAX + 1];
	char sex[2];
	int32_t dob;
	int32_t duc;		/* date UASC status ceased */
	uint32_t line;
};

struct s903_oc3 {
	char child[S903_CHILD_MAX + 1];
	int32_t dob;
	char in_touch[5];
	char activ[3];
	char accom[3];
	uint32_t line;
};

struct s903_ad1 {
	char child[S903_CHILD_MAX + 1];
	int32_t dob;
	int32_t date_int;
	int32_t date_match;
	char foster_care[2];
	char nb_adoptr[2];
	char sex_adoptr[3];
	char ls_adoptr[4];
	uint32_t line;
};

struct s903_placed_adoption {
	char child[S903_CHILD_MAX + 1];
	int32_t dob;
	int32_t date_placed;
	int32_t date_placed_ceased;
	char reason_placed_ceased[4];
	uint32_t line;
};

struct s903_prev_perm {
	char child[S903_CHILD_MAX + 1];
	int32_t dob;
	char prev_perm[3];
	char la_perm[10];
	char date_perm[11];	/* dd/mm/yyyy, parts may be "zz" */
	uint32_t line;
};

struct s903_sw_episode {
	char child[S903_CHILD_MAX + 1];
	int32_t dob;
	char sw_id[21];
	int32_t sw_decom;
	int32_t sw_dec;
	char sw_reason[7];
	uint32_t line;
};

struct s903_dolo {
	char child[S903_CHILD_MAX + 1];
	int32_t dob;
	int32_t dolo_start;
	int32_t dolo_end;
	uint32_t line;
};

/* One council's return for one year. */
struct s903_return {
	char la[LA_CODE_MAX + 1];
	int year;
	struct s903_header *header;
	size_t nheader, aheader;
	struct s903_episode *episodes;
	size_t nepisodes, aepisodes;
	struct s903_missing *missing;
	size_t nmissing, amissing;
	struct s903_oc2 *oc2;
	size_t noc2, aoc2;
	struct s903_review *reviews;
	size_t nreviews, areviews;
	struct s903_uasc *uasc;
	size_t nuasc, auasc;
	struct s903_oc3 *oc3;
	size_t noc3, aoc3;
	struct s903_ad1 *ad1;
	size_t nad1, aad1;
	struct s903_placed_adoption *placed;
	size_t nplaced, aplaced;
	struct s903_prev_perm *prev_perm;
	size_t nprev_perm, aprev_perm;
	struct s903_sw_episode *sw;
	size_t nsw, asw;
	struct s903_dolo *dolo;
	size_t ndolo, adolo;
	/*
	 * Children with a row dropped for a bad field: the cross-row checks
	 * do not report what that row's absence causes (no cascades).
	 */
	char (*dropped)[S903_CHILD_MAX + 1];
	size_t ndropped, adropped;
	/*
	 * Tables absent, unreadable or with rows lost before their CHILD was
	 * known: checks that a child exists in such a table are skipped.
	 */
	bool incomplete[S903_NTABLES];
	/* Tables whose file (or XML element) was present, even if empty. */
	bool present[S903_NTABLES];
};

#define S903_RETURN_INIT { .year = 0 }

/* Note that a row of child was dropped (see dropped above). */
void s903_note_dropped(struct s903_return *r, const char *child);
/* Was a row of child dropped?  (dropped sorted: after s903_check()) */
bool s903_was_dropped(const struct s903_return *r, const char *child);

void s903_return_release(struct s903_return *r);

/* Append a zeroed row (blank dates DATE_NONE, blank ints -1) and return it. */
struct s903_header *s903_add_header(struct s903_return *r);
struct s903_episode *s903_add_episode(struct s903_return *r);
struct s903_missing *s903_add_missing(struct s903_return *r);
struct s903_oc2 *s903_add_oc2(struct s903_return *r);
/* The same for any table, and its rows as an array of rowsize each. */
void *s903_add_row(struct s903_return *r, enum s903_table t);
void *s903_rows(const struct s903_return *r, enum s903_table t, size_t *n);
/* Give back the arrays' unused room (after reading a whole return). */
void s903_shrink(struct s903_return *r);
/* Forget the last row of table t (it had a bad field). */
void s903_drop_row(struct s903_return *r, enum s903_table t);

/* Canonical order: by CHILD then date; the export and checks use it. */
void s903_sort(struct s903_return *r);

/*
 * For a return written with REASON_PLACE_CHANGE on the episode a change
 * of placement starts (not the DfE's convention: rules 225, 226 want it
 * on the episode that ends, REC X1): move each reason to the child's
 * previous episode (by DECOM).  Returns the reasons moved; *dropped gets
 * those on a child's first episode in the return, which have nowhere to
 * go.
 */
size_t s903_rpc_to_ending(struct s903_return *r, size_t *dropped);

/*
 * Recognise a table from its header row: the table whose columns match
 * best (most shared names).  Returns the table or -1 when fewer than half
 * of a table's columns are present.
 */
int s903_detect(const char *const *names, size_t n);

/*
 * Parse and check one field of a stored table into row.  Returns NULL when
 * the value is acceptable, else a static rule id ("date", "code", ...)
 * and writes a one-line explanation into msg[msgsize].
 */
const char *s903_parse_field(const struct s903_col *col, const char *text,
			     void *row, char *msg, size_t msgsize);
/* Format one field of row into out[outsize] the way the return writes it. */
void s903_format_field(const struct s903_col *col, const void *row, char *out,
		       size_t outsize);

/* A problem found by s903_check(), pointing at a row. */
struct s903_problem {
	enum s903_table table;
	uint32_t line;
	const char *column;	/* column name or NULL for the whole row */
	const char *rule;
	char msg[200];
};

typedef void s903_problem_fn(const struct s903_problem *p, void *ctx);

/*
 * Cross-row checks on a whole return (sorts it first): episodes of a child
 * ordered and not overlapping, DEC on or after DECOM, missing periods
 * ending on or after they start and not overlapping, every child in
 * Episodes, Missing and OC2 present in Header once, dates inside the
 * reporting year.  Calls fn for each problem; returns how many.
 */
size_t s903_check(struct s903_return *r, s903_problem_fn *fn, void *ctx);

/*
 * The reporting year a return covers, inferred from its latest date
 * (DECOM, DEC, MIS_START, MIS_END); 0 when it has none.
 */
int s903_infer_year(const struct s903_return *r);

#endif
