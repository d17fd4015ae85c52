/*
 * cmd-validate.c: `cartref validate` (the DfE's rules over stored returns)
 * and `cartref rules` (the rule registry).  See the usage in main.c.
 */
#include "base/compat.h"
#include <getopt.h>
#include <jansson.h>
#include "base/parse.h"
#include "base/xalloc.h"
#include "cli/cli.h"
#include "ingest/rules-run.h"

struct which {
	struct return_info *v;
	size_t n, alloc;
	const char *la;
	int year;
};

static int add_return(const struct return_info *ri, void *ctx)
{
	struct which *w = ctx;

	if ((w->la && strcmp(w->la, ri->la)) || (w->year && w->year != ri->year))
		return 0;
	ALLOC_GROW(w->v, w->n + 1, w->alloc);
	w->v[w->n++] = *ri;
	return 0;
}

/* Per-rule counts over every return checked. */
struct tally {
	const struct v_rule *rule;
	long rows;
};

static void tally_add(struct tally **t, size_t *n, size_t *alloc,
		      const struct v_rule *rule)
{
	for (size_t i = 0; i < *n; i++)
		if ((*t)[i].rule == rule) {
			(*t)[i].rows++;
			return;
		}
	ALLOC_GROW(*t, *n + 1, *alloc);
	(*t)[(*n)++] = (struct tally){ rule, 1 };
}

static int cmp_tally(const void *a, const void *b)
{
	const struct tally *x = a, *y = b;

	return (x->rows < y->rows) - (x->rows > y->rows);
}

int cmd_validate(struct cli *cl, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "la", required_argument, NULL, 'l' },
		{ "year", required_argument, NULL, 'y' },
		{ "report", required_argument, NULL, 'r' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	struct which w = { NULL, 0, 0, NULL, 0 };
	struct rules_env env = { NULL, 0, false };
	struct tally *t = NULL;
	size_t nt = 0, at = 0;
	const char *report = NULL;
	struct err err = ERR_INIT;
	struct store *s = NULL;
	json_t *doc = NULL, *returns = NULL;
	long total = 0;
	int opt, rc;

	optind = 1;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (opt) {
		case 'l':
			w.la = optarg;
			break;
		case 'y':
			if (parse_int(optarg, 2000, 2100, &w.year)) {
				fprintf(stderr, "cartref: --year %s is not a "
					"year from 2000 to 2100\n", optarg);
				return 2;
			}
			break;
		case 'r':
			report = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "json") && strcmp(optarg, "text")) {
				fprintf(stderr, "cartref: --format is text or "
					"json\n");
				return 2;
			}
			if (!strcmp(optarg, "json")) {
				doc = json_object();
				returns = json_array();
			}
			break;
		default:
			return 2;
		}
	}
	if (optind != argc || (report && (!w.la || !w.year))) {
		fprintf(stderr, "cartref: validate takes no files; --report "
			"needs --la and --year\n");
		json_decref(doc);
		json_decref(returns);
		return 2;
	}
	rc = cli_open_store(cl, &s);
	if (rc) {
		json_decref(doc);
		json_decref(returns);
		return rc;
	}
	rc = store_returns_each(s, add_return, &w, &err);
	if (!rc && !w.n)
		rc = err_set(&err, ERR_NOT_FOUND, "no stored return matches");
	for (size_t i = 0; !rc && i < w.n; i++) {
		struct s903_return r = S903_RETURN_INIT;
		struct rules_run rr;

		rc = store_return_load(s, w.v[i].la, w.v[i].year, &r, &err);
		if (!rc)
			rc = rules_run(s, &env, &r, NULL, &rr, &err);
		if (rc) {
			s903_return_release(&r);
			break;
		}
		for (size_t k = 0; k < rr.res.n; k++) {
			const struct v_hit *h = &rr.res.v[k];

			tally_add(&t, &nt, &at, h->rule);
			if (!doc)
				printf("%s/%d/%s:%u: %s: %s (child %s)\n",
				       r.la, r.year, s903_tables[h->table].file,
				       rules_hit_line(&rr, h), h->rule->code,
				       h->rule->en,
				       (const char *)rules_hit_row(&rr, h));
		}
		total += (long)rr.res.n;
		if (doc)
			json_array_append_new(returns, json_pack(
				"{s:s, s:i, s:I, s:I, s:o}", "la", r.la,
				"year", r.year,
				"rules_run", (json_int_t)rr.res.rules_run,
				"rows_flagged", (json_int_t)rr.res.n,
				"by_rule", rules_by_rule_json(&rr)));
		else
			fprintf(stderr, "%s %d: %zu rules in force, %zu "
				"children, %zu rows flagged\n", r.la, r.year,
				rr.res.rules_run, rr.res.children, rr.res.n);
		if (report)
			rc = rules_report_write(report, &rr, &err);
		rules_run_release(&rr);
		s903_return_release(&r);
	}
	if (!rc && doc) {
		json_object_set_new(doc, "returns", returns);
		returns = NULL;
		json_object_set_new(doc, "rows_flagged", json_integer(total));
		json_dumpf(doc, stdout, JSON_INDENT(1) | JSON_ENSURE_ASCII);
		putchar('\n');
	} else if (!rc) {
		if (nt)
			qsort(t, nt, sizeof(*t), cmp_tally);
		for (size_t i = 0; i < nt; i++)
			printf("%8ld  %s: %s\n", t[i].rows, t[i].rule->code,
			       t[i].rule->en);
		printf("%zu return%s: %ld rows flagged by %zu rule%s\n", w.n,
		       w.n == 1 ? "" : "s", total, nt, nt == 1 ? "" : "s");
	}
	json_decref(doc);
	json_decref(returns);
	rules_env_release(&env);
	free(t);
	free(w.v);
	store_close(s);
	if (rc)
		return cli_fail(&err);
	return total ? 1 : 0;
}

/* ---- cartref rules ------------------------------------------------------ */

static const char *status_of(const struct v_rule *r)
{
	if (r->todo)
		return "not yet";
	if (r->at_import)
		return "at import";
	if (!(r->nations & V_WALES))
		return "England only";
	return "checked";
}

static const char *nations_of(const struct v_rule *r)
{
	return (r->nations & V_ALL) == V_ALL ? "England, Wales" :
	       r->nations & V_WALES ? "Wales" : "England";
}

static void years_of(const struct v_rule *r, char *out, size_t n)
{
	if (r->to)
		snprintf(out, n, "%d-%d", r->from, r->to);
	else
		snprintf(out, n, "%d-", r->from);
}

/* A table cell: no pipes or line breaks. */
static void md_cell(const char *s)
{
	for (; *s; s++)
		if (*s == '|')
			fputs("\\|", stdout);
		else
			putchar(*s == '\n' ? ' ' : *s);
}

int cmd_rules(struct cli *cl, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "year", required_argument, NULL, 'y' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *format = "text";
	size_t n;
	const struct v_rule *const *reg = v_registry(&n);
	int year = 0, opt;
	json_t *a = NULL;

	(void)cl;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (opt) {
		case 'y':
			if (parse_int(optarg, 2000, 2100, &year)) {
				fprintf(stderr, "cartref: --year %s is not a "
					"year from 2000 to 2100\n", optarg);
				return 2;
			}
			break;
		case 'f':
			format = optarg;
			if (strcmp(format, "text") && strcmp(format, "md") &&
			    strcmp(format, "json")) {
				fprintf(stderr, "cartref: --format is text, md "
					"or json\n");
				return 2;
			}
			break;
		default:
			return 2;
		}
	}
	if (optind != argc)
		return cli_usage(cli_usage_of("rules"), true);
	if (!strcmp(format, "json"))
		a = json_array();
	if (!strcmp(format, "md"))
		printf("| rule | years | nations | status | tables | fields | "
		       "message | why |\n"
		       "| --- | --- | --- | --- | --- | --- | --- | --- |\n");
	for (size_t i = 0; i < n; i++) {
		const struct v_rule *r = reg[i];
		const char *why = r->todo ? r->todo :
				  r->at_import ? r->at_import :
				  r->not_wales ? r->not_wales : "";
		char years[16], tables[160] = "";
		size_t tl = 0;

		if (year && (year < r->from || (r->to && year > r->to)))
			continue;
		years_of(r, years, sizeof(years));
		for (int t = 0; t < S903_NTABLES; t++)
			if (r->tables & V_TABLE(t))
				tl += (size_t)snprintf(tables + tl,
						       sizeof(tables) - tl,
						       "%s%s", tl ? ", " : "",
						       s903_tables[t].name);
		if (a) {
			json_array_append_new(a, json_pack(
				"{s:s, s:i, s:o, s:s, s:s, s:s, s:s, s:s, s:s, "
				"s:s}",
				"rule", r->code, "from", r->from,
				"to", r->to ? json_integer(r->to) : json_null(),
				"nations", nations_of(r),
				"status", status_of(r), "tables", tables,
				"fields", r->fields, "message", r->en,
				"message_cy", r->cy, "why", why));
		} else if (!strcmp(format, "md")) {
			printf("| %s | %s | %s | %s | %s | %s | ", r->code,
			       years, nations_of(r), status_of(r), tables,
			       r->fields);
			md_cell(r->en);
			fputs(" | ", stdout);
			md_cell(why);
			fputs(" |\n", stdout);
		} else {
			printf("%-10s %-10s %-12s %s\n", r->code, years,
			       status_of(r), r->en);
		}
	}
	if (a) {
		json_dumpf(a, stdout, JSON_INDENT(1) | JSON_ENSURE_ASCII);
		putchar('\n');
		json_decref(a);
	}
	return 0;
}
