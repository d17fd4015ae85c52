/*
 * registry.c: the rule groups put together, and which rules apply to a
 * return.  See validate.h.
 */
#include "base/compat.h"

#include <ctype.h>
#include <pthread.h>
#include <strings.h>

#include "base/xalloc.h"
#include "validate/validate.h"

static const struct v_rule *const groups[] = {
	v_rules_header, v_rules_episodes, v_rules_placements, v_rules_later, v_rules_outcomes,
	v_rules_cross,
};

static const struct v_rule **all;
static size_t nall;
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* Rule codes in the DfE's order: by number, then suffix ("197a" < "197B"). */
static int code_cmp(const char *a, const char *b)
{
	bool da = isdigit((unsigned char)a[0]), db = isdigit((unsigned char)b[0]);

	if (da != db)
		return da ? -1 : 1;
	if (da) {
		long x = strtol(a, NULL, 10), y = strtol(b, NULL, 10);

		if (x != y)
			return x < y ? -1 : 1;
	}
	return strcasecmp(a, b);
}

static int cmp_rule(const void *a, const void *b)
{
	const struct v_rule *x = *(const struct v_rule *const *)a;
	const struct v_rule *y = *(const struct v_rule *const *)b;
	int c = code_cmp(x->code, y->code);

	return c ? c : (x->from > y->from) - (x->from < y->from);
}

static void build(void)
{
	size_t n = 0, k = 0;

	for (size_t g = 0; g < ARRAY_SIZE(groups); g++)
		for (const struct v_rule *r = groups[g]; r->code; r++)
			n++;
	all = xcalloc(n ? n : 1, sizeof(*all));
	for (size_t g = 0; g < ARRAY_SIZE(groups); g++)
		for (const struct v_rule *r = groups[g]; r->code; r++) {
			if ((r->todo || r->at_import ? r->child || r->whole
				     : !r->child == !r->whole) ||
			    !r->en || !r->cy || !r->fields ||
			    (!(r->nations & V_WALES) && !r->not_wales) ||
			    !r->nations || (r->to && r->to < r->from))
				BUG("rule %s is malformed", r->code);
			all[k++] = r;
		}
	qsort(all, n, sizeof(*all), cmp_rule);
	/* one code's rows must not overlap in years for a nation */
	for (size_t i = 1; i < n; i++) {
		const struct v_rule *p = all[i - 1], *r = all[i];

		if (!strcmp(p->code, r->code) && (p->nations & r->nations) &&
		    (!p->to || p->to >= r->from))
			BUG("rule %s: two rows for one year", r->code);
	}
	nall = n;
}

const struct v_rule *const *v_registry(size_t *n)
{
	pthread_once(&once, build);
	*n = nall;
	return all;
}

/*
 * A return older than the first rule set known (the peer's 2022 to 2023)
 * is checked with that set: the nearest there is.
 */
#define V_FIRST_YEAR 2023

static bool in_force(const struct v_rule *r, int year, enum v_nation nation)
{
	if (year < V_FIRST_YEAR)
		year = V_FIRST_YEAR;
	return (r->nations & nation) && year >= r->from &&
	       (!r->to || year <= r->to);
}

const struct v_rule *v_rule_find(const char *code, int year,
				 enum v_nation nation)
{
	size_t n;
	const struct v_rule *const *v = v_registry(&n);

	for (size_t i = 0; i < n; i++)
		if (!strcmp(v[i]->code, code) && in_force(v[i], year, nation))
			return v[i];
	return NULL;
}

static bool table_present(const struct s903_return *r, int t)
{
	size_t n;

	if (!r)
		return false;
	s903_rows(r, (enum s903_table)t, &n);
	return n || r->present[t];
}

bool v_rule_applies(const struct v_rule *rule, const struct v_input *in)
{
	if (rule->todo || rule->at_import ||
	    !in_force(rule, in->year, in->nation))
		return false;
	if (rule->needs_prev && !in->prev)
		return false;
	if (rule->needs_homes && !in->homes)
		return false;
	for (int t = 0; t < S903_NTABLES; t++)
		if ((rule->tables & V_TABLE(t)) && !table_present(in->r, t))
			return false;
	return true;
}

enum v_nation v_nation_of(const char *la)
{
	return !strncmp(la, "W06", 3) ? V_WALES : V_ENGLAND;
}

/*
 * Hot: the rules ask it for most rows.  One pass over list, comparing in
 * place, no strlen or strchr (the codes are two to six bytes).
 */
bool v_in_list(const char *code, const char *list)
{
	if (!code[0])
		return false;
	for (const char *p = list; *p;) {
		const char *c = code;

		while (*c && *p == *c) {
			c++;
			p++;
		}
		if (!*c && (!*p || *p == ' '))
			return true;
		while (*p && *p != ' ')
			p++;
		if (*p)
			p++;
	}
	return false;
}
