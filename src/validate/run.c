/*
 * run.c: one pass over a return, every applicable rule per child.
 * See validate.h.
 */
#include "base/compat.h"
#include "base/xalloc.h"
#include "validate/validate.h"

struct v_run {
	const struct v_input *in;
	struct v_child *kids, *last_kids;
	size_t nkids, nlast;
	const struct v_rule *rule;	/* the rule being checked */
	struct v_result *out;
	int32_t start, end;
};

/* Each table's rows by child: a cursor per table over the sorted return. */
struct cursor {
	const char *rows;
	size_t n, i, size;
};

static const char *cur_child(const struct cursor *c)
{
	return c->i < c->n ? c->rows + c->i * c->size : NULL;
}

#define SET(field, nfield, type)                                          \
	do {                                                              \
		k->field = (const type *)(cur[t].rows + from * cur[t].size); \
		k->nfield = (uint32_t)(cur[t].i - from);                  \
	} while (0)

/* The smallest CHILD at the cursors, or NULL when all are done. */
static const char *next_child(const struct cursor *cur)
{
	const char *min = NULL;

	for (int t = 0; t < S903_NTABLES; t++) {
		const char *c = cur_child(&cur[t]);

		if (c && (!min || strcmp(c, min) < 0))
			min = c;
	}
	return min;
}

static void cursors_start(const struct s903_return *r, struct cursor *cur)
{
	for (int t = 0; t < S903_NTABLES; t++) {
		cur[t].rows = s903_rows(r, (enum s903_table)t, &cur[t].n);
		cur[t].i = 0;
		cur[t].size = s903_tables[t].rowsize;
	}
}

/*
 * Group r's rows by child, in child order, into *kids: counted first, so
 * that the array is allocated once at its size (at 150,000 rows a
 * growing array's slack is megabytes).
 */
static void gather(const struct s903_return *r, struct v_child **kids,
		   size_t *nkids)
{
	struct cursor cur[S903_NTABLES];
	const char *min;
	size_t n = 0;

	cursors_start(r, cur);
	while ((min = next_child(cur))) {
		for (int t = 0; t < S903_NTABLES; t++) {
			const char *c;

			while ((c = cur_child(&cur[t])) && !strcmp(c, min))
				cur[t].i++;
		}
		n++;
	}
	*kids = xcalloc(n ? n : 1, sizeof(**kids));
	*nkids = n;
	cursors_start(r, cur);
	for (size_t k_i = 0; (min = next_child(cur)); k_i++) {
		struct v_child *k = &(*kids)[k_i];

		k->id = min;
		for (int t = 0; t < S903_NTABLES; t++) {
			size_t from = cur[t].i;
			const char *c;

			while ((c = cur_child(&cur[t])) && !strcmp(c, min))
				cur[t].i++;
			if (cur[t].i == from)
				continue;
			switch ((enum s903_table)t) {
			case S903_HEADER: SET(h, nh, struct s903_header); break;
			case S903_EPISODES: SET(ep, nep, struct s903_episode); break;
			case S903_MISSING: SET(mis, nmis, struct s903_missing); break;
			case S903_OC2: SET(oc2, noc2, struct s903_oc2); break;
			case S903_REVIEWS: SET(rev, nrev, struct s903_review); break;
			case S903_UASC: SET(uasc, nuasc, struct s903_uasc); break;
			case S903_OC3: SET(oc3, noc3, struct s903_oc3); break;
			case S903_AD1: SET(ad1, nad1, struct s903_ad1); break;
			case S903_PLACED_ADOPTION:
				SET(pa, npa, struct s903_placed_adoption);
				break;
			case S903_PREV_PERM:
				SET(pp, npp, struct s903_prev_perm);
				break;
			case S903_SW_EPISODES:
				SET(sw, nsw, struct s903_sw_episode);
				break;
			case S903_DOLO: SET(dolo, ndolo, struct s903_dolo); break;
			case S903_NTABLES: break;
			}
		}
	}
}
#undef SET

static int cmp_kid(const void *key, const void *elem)
{
	return strcmp(key, ((const struct v_child *)elem)->id);
}

static int cmp_hit(const void *a, const void *b)
{
	const struct v_hit *x = a, *y = b;

	if (x->table != y->table)
		return x->table < y->table ? -1 : 1;
	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	if (x->rule != y->rule)
		return strcmp(x->rule->code, y->rule->code);
	return 0;
}

void validate_return(struct v_input *in, const char *const *only,
		     struct v_result *out)
{
	struct v_run run = { .in = in, .out = out };
	const struct v_rule **rules;
	size_t nrules = 0, nreg;
	const struct v_rule *const *reg = v_registry(&nreg);

	s903_sort((struct s903_return *)in->r);
	if (in->prev)
		s903_sort((struct s903_return *)in->prev);
	run.start = year_start(in->year);
	run.end = year_end(in->year);
	rules = xcalloc(nreg ? nreg : 1, sizeof(*rules));
	for (size_t i = 0; i < nreg; i++) {
		bool wanted = !only;

		for (size_t j = 0; only && only[j]; j++)
			wanted |= !strcmp(only[j], reg[i]->code);
		if (wanted && v_rule_applies(reg[i], in))
			rules[nrules++] = reg[i];
	}
	gather(in->r, &run.kids, &run.nkids);
	if (in->prev) {
		gather(in->prev, &run.last_kids, &run.nlast);
		for (size_t i = 0; i < run.nkids; i++)
			run.kids[i].last = bsearch(run.kids[i].id,
						   run.last_kids, run.nlast,
						   sizeof(*run.last_kids),
						   cmp_kid);
	}
	for (size_t i = 0; i < run.nkids; i++)
		for (size_t j = 0; j < nrules; j++)
			if (rules[j]->child) {
				run.rule = rules[j];
				rules[j]->child(&run, &run.kids[i]);
			}
	for (size_t j = 0; j < nrules; j++)
		if (rules[j]->whole) {
			run.rule = rules[j];
			rules[j]->whole(&run);
		}
	out->rules_run += nrules;
	out->children += run.nkids;
	if (out->n) {
		size_t k = 1;

		qsort(out->v, out->n, sizeof(*out->v), cmp_hit);
		for (size_t i = 1; i < out->n; i++)
			if (cmp_hit(&out->v[i], &out->v[k - 1]))
				out->v[k++] = out->v[i];
		out->n = k;
	}
	free(rules);
	free(run.kids);
	free(run.last_kids);
}

void v_result_release(struct v_result *res)
{
	free(res->v);
	*res = (struct v_result)V_RESULT_INIT;
}

void v_flag(struct v_run *run, enum s903_table t, const void *row)
{
	size_t n;
	const char *rows = s903_rows(run->in->r, t, &n);
	const char *p = row;
	size_t size = s903_tables[t].rowsize;
	struct v_result *out = run->out;

	if (p < rows || p >= rows + n * size || (size_t)(p - rows) % size)
		BUG("rule %s flagged a row not in table %s", run->rule->code,
		    s903_tables[t].name);
	ALLOC_GROW(out->v, out->n + 1, out->alloc);
	out->v[out->n++] = (struct v_hit){ run->rule, t,
					   (uint32_t)((size_t)(p - rows) / size) };
}

const struct v_input *v_in(const struct v_run *run)
{
	return run->in;
}

const struct v_child *v_children(const struct v_run *run, size_t *n)
{
	*n = run->nkids;
	return run->kids;
}

static int cmp_home(const void *key, const void *elem)
{
	return strcmp(key, ((const struct home *)elem)->urn);
}

const struct home *v_home_find(const struct v_run *run, const char *urn)
{
	if (!run->in->homes || !urn[0])
		return NULL;
	return bsearch(urn, run->in->homes, run->in->nhomes,
		       sizeof(*run->in->homes), cmp_home);
}

int32_t v_year_start(const struct v_run *run)
{
	return run->start;
}

int32_t v_year_end(const struct v_run *run)
{
	return run->end;
}
