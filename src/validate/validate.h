/*
 * validate.h: the DfE's SSDA903 validation rules, as data.
 *
 * Every rule is a row of a registry (struct v_rule): its code ("103",
 * "SW06STG2"), the collection years it applies to, the nations whose
 * returns it applies to, the tables it needs, the fields it names, its
 * message in English and Welsh, and the function that checks it.  A rule
 * that the DfE changed in a later year is two rows with the same code and
 * adjoining year ranges; a deleted rule's range ends.  The rules live in
 * src/validate/rules-*.c, grouped by the tables they look at; registry.c
 * puts the groups together and answers which rules apply to a return.
 *
 * A rule is checked one child at a time: validate_return() sorts the
 * return, gathers each child's rows of all twelve tables (struct v_child,
 * and the same child's rows in the previous year's return when there is
 * one), and calls each applicable rule's child function once per child,
 * so the whole rule set is one pass over the data.  A rule about the
 * whole return (a value shared by two children) has a whole function
 * instead.  Rules flag rows with v_flag(); one (rule, row) is flagged
 * once.
 *
 * Years are collection years named by the year the return ends (31
 * March), as cartref names returns: the DfE's "2025 to 2026" rule set is
 * year 2026 here.
 */
#ifndef CARTREF_VALIDATE_H
#define CARTREF_VALIDATE_H

#include "base/compat.h"
#include "domain/home.h"
#include "domain/ssda903.h"

enum v_nation {
	V_ENGLAND = 1 << 0,
	V_WALES = 1 << 1,
};
#define V_ALL (V_ENGLAND | V_WALES)

/*
 * One child's rows in every table of one return (pointers into it; the
 * counts are 32 bits, as a return's rows are: two returns of 150,000 rows
 * gather some 80,000 of these).
 */
struct v_child {
	const char *id;
	/* the same child in the previous year's return, or NULL */
	const struct v_child *last;
	const struct s903_header *h;	/* first Header row, or NULL */
	const struct s903_episode *ep;
	const struct s903_missing *mis;
	const struct s903_oc2 *oc2;
	const struct s903_review *rev;
	const struct s903_uasc *uasc;
	const struct s903_oc3 *oc3;
	const struct s903_ad1 *ad1;
	const struct s903_placed_adoption *pa;
	const struct s903_prev_perm *pp;
	const struct s903_sw_episode *sw;
	const struct s903_dolo *dolo;
	/* how many rows each of those has (nh 2+: Header duplicated) */
	uint32_t nh, nep, nmis, noc2, nrev, nuasc, noc3, nad1, npa, npp, nsw,
		 ndolo;
};

/* What a run is checking. */
struct v_input {
	const struct s903_return *r;	/* this year's return */
	const struct s903_return *prev;	/* last year's, or NULL */
	int year;			/* collection year (ends 31 March) */
	enum v_nation nation;		/* from the council's code */
	const struct home *homes;	/* the register, by URN, or NULL */
	size_t nhomes;
};

/*
 * The tables of last year's return that rules read (c->last->..., and
 * in->prev): rules-run.c loads only these from the store (the others,
 * Reviews and SWEpisodes the largest, would be a quarter of a run).  A
 * rule that reads another adds it here; tests/t/t0306 checks the rule
 * files against this list.
 */
#define V_PREV_TABLES (V_TABLE(S903_HEADER) | V_TABLE(S903_EPISODES) |     \
		       V_TABLE(S903_MISSING) | V_TABLE(S903_UASC) |         \
		       V_TABLE(S903_OC3) | V_TABLE(S903_PLACED_ADOPTION) |   \
		       V_TABLE(S903_DOLO))

struct v_run;	/* opaque: the state of one validate_return() */

typedef void v_child_fn(struct v_run *run, const struct v_child *c);
typedef void v_whole_fn(struct v_run *run);

#define V_TABLE(t) (1u << (t))

struct v_rule {
	const char *code;	/* the DfE's code: "103", "SW06STG2" */
	int from, to;		/* collection years; to 0: still in force */
	unsigned nations;	/* V_ENGLAND | V_WALES */
	unsigned tables;	/* V_TABLE() of each table it needs */
	bool needs_prev;	/* only with last year's return */
	bool needs_homes;	/* only with the register of homes */
	const char *fields;	/* affected fields, "DECOM,RNE" */
	const char *en;		/* the message, English */
	const char *cy;		/* the message, Welsh */
	v_child_fn *child;	/* one of child and whole, unless todo */
	v_whole_fn *whole;
	/*
	 * Documentation (docs/validation.md is made from these): why a rule
	 * that is not in force in Wales is not (nations lacks V_WALES), and
	 * why a rule is not checked yet (todo set: no function, never run).
	 */
	const char *not_wales;
	const char *todo;
	/*
	 * A rule the import itself enforces for every row (a date that is
	 * not dd/mm/yyyy, a code outside an Episodes list): the import's
	 * rule id ("date", "code", "required").  No function; never run.
	 */
	const char *at_import;
};

/* A group of rules (one rules-*.c file), ended by a row with code NULL. */
extern const struct v_rule v_rules_header[];
extern const struct v_rule v_rules_episodes[];
extern const struct v_rule v_rules_placements[];
extern const struct v_rule v_rules_later[];
extern const struct v_rule v_rules_outcomes[];
extern const struct v_rule v_rules_cross[];

/* Every rule of every year, in code order (built once, thread-safe). */
const struct v_rule *const *v_registry(size_t *n);

/* The row of code in force in year for nation, or NULL. */
const struct v_rule *v_rule_find(const char *code, int year,
				 enum v_nation nation);

/* Whether rule applies to in: year, nation, tables present, prev, homes. */
bool v_rule_applies(const struct v_rule *rule, const struct v_input *in);

/* The nation of a council's GSS code: W06... Wales, else England. */
enum v_nation v_nation_of(const char *la);

/* A flagged row. */
struct v_hit {
	const struct v_rule *rule;
	enum s903_table table;
	uint32_t row;		/* index in the (sorted) table of in->r */
};

struct v_result {
	struct v_hit *v;
	size_t n, alloc;
	size_t rules_run;	/* rules that applied */
	size_t children;	/* children checked */
};

#define V_RESULT_INIT { NULL, 0, 0, 0, 0 }

/*
 * Run every rule that applies (only = NULL) or only the rule codes listed
 * in only (NULL-terminated) over in->r.  Sorts in->r and in->prev (hence
 * not const).  Hits are ordered by table, row, then rule code.
 */
void validate_return(struct v_input *in, const char *const *only,
		     struct v_result *out);
void v_result_release(struct v_result *res);

/* ---- for rules -------------------------------------------------------- */

/* Flag row (a pointer into table t of the return being checked). */
void v_flag(struct v_run *run, enum s903_table t, const void *row);
/* The input being checked: year, nation, homes, whole return. */
const struct v_input *v_in(const struct v_run *run);
/* Every child of the return, for whole-return rules. */
const struct v_child *v_children(const struct v_run *run, size_t *n);
/* The register's row for urn, or NULL. */
const struct home *v_home_find(const struct v_run *run, const char *urn);

/* The collection year's first and last day (1 April, 31 March). */
int32_t v_year_start(const struct v_run *run);
int32_t v_year_end(const struct v_run *run);

/* Whether code is one of the space-separated codes in list. */
bool v_in_list(const char *code, const char *list);
/* Whether a text field is blank. */
static inline bool v_blank(const char *s) { return !s[0]; }

#endif
