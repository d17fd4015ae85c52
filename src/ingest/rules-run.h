/*
 * rules-run.h: the DfE's rules (src/validate/) over a return being
 * imported or already stored, with what they need from the store: last
 * year's return of the same council and the register of homes.
 */
#ifndef CARTREF_RULES_RUN_H
#define CARTREF_RULES_RUN_H

#include "base/compat.h"
#include "base/err.h"
#include "ingest/s903-io.h"
#include "store/store-core.h"
#include "validate/validate.h"

/*
 * What the rules read from the store besides the returns: the register
 * of homes, loaded at the first run and kept for the others (an import
 * of 459 returns read it 459 times: 11% of the import's time).  Zeroed
 * to start; the register must not change while it is kept.
 */
struct rules_env {
	struct home *homes;
	size_t nhomes;
	bool loaded;
};

void rules_env_release(struct rules_env *env);

struct rules_run {
	struct v_input in;
	struct v_result res;
	struct s903_return prev;	/* last year's, when stored */
	bool have_prev;
};

/*
 * Run every rule in force for r->year and r->la's nation over r (checked
 * by s903_check(), so sorted).  Last year's return is last when it is
 * that (the caller has it: `import dir` has just imported it), else the
 * store's.  r, last and env must outlive rr.  0 or ERR_STORE.
 */
int rules_run(struct store *s, struct rules_env *env, struct s903_return *r,
	      struct s903_return *last, struct rules_run *rr,
	      struct err *err);
void rules_run_release(struct rules_run *rr);

/* The row a hit points at, and its line. */
const void *rules_hit_row(const struct rules_run *rr, const struct v_hit *h);
uint32_t rules_hit_line(const struct rules_run *rr, const struct v_hit *h);

/*
 * Each hit as FILE:LINE:COLUMN: CODE: message (the English one; cy set:
 * the Welsh one), the file of table t being files[t] (NULL: the table's
 * export name) and COLUMN the position there of the rule's first field
 * (colpos[t][i] for the table's i-th column; 0 when not in the table);
 * the first max of them (0: all).
 */
void rules_diags(const struct rules_run *rr, const char *const *files,
		 size_t colpos[][S903_MAX_COLS], bool cy, struct diags *d,
		 size_t max);

/*
 * The rule report the peer validator's users expect, by the name's end:
 * .csv: one line per flagged row (child, table, line, rule, message in
 * English and Welsh, the fields and their values), by child;
 * .xlsx: that sheet, and one with each rule's message and counts of rows
 * and children;
 * .json: both, as {"la", "year", "rules_run", "children", "problems":
 * [...], "by_rule": [...]}.  All or nothing (base/file.h).
 */
int rules_report_write(const char *path, const struct rules_run *rr,
		       struct err *err);
/* The by-rule counts as JSON (a jansson json_t *, new reference). */
void *rules_by_rule_json(const struct rules_run *rr);

#endif
