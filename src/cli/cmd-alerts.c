/*
 * cmd-alerts.c: `cartref alerts` (run the rules, the rules and their
 * parameters, list, show, acknowledge and resolve alerts, the in-app
 * outbox), `cartref webhook` (add, list) and `cartref outbox deliver`;
 * the usage texts are in main.c, the rules in docs/alerts.md.
 *
 * People act through viewer_from_user() (--as EMAIL), so the scoping
 * and audit are those of the web app.  Changing a parameter and adding
 * a webhook are audited as done by "cli:<unix user>".
 */
#include "base/compat.h"
#include "base/clock.h"
#include <getopt.h>
#include <inttypes.h>
#include <pwd.h>
#include <time.h>
#include <unistd.h>
#include "alerts/alerts.h"
#include "auth/auth.h"
#include "base/parse.h"
#include "base/uktime.h"
#include "base/xalloc.h"
#include "cli/cli.h"
#include "domain/missing.h"

enum {
	O_NOW = 1,
	O_AS,
	O_NOTE,
	O_STATE,
	O_RULE,
	O_LA,
	O_PAGE,
	O_LIMIT,
	O_BEFORE,
	O_ORG,
	O_URL,
	O_LANG,
	O_CHILD,
	O_HOME,
	O_TSV,
	O_ALL,
	O_N
};

static const struct option opts[] = {
	{ "now", required_argument, NULL, O_NOW },
	{ "as", required_argument, NULL, O_AS },
	{ "note", required_argument, NULL, O_NOTE },
	{ "state", required_argument, NULL, O_STATE },
	{ "rule", required_argument, NULL, O_RULE },
	{ "la", required_argument, NULL, O_LA },
	{ "page", required_argument, NULL, O_PAGE },
	{ "limit", required_argument, NULL, O_LIMIT },
	{ "before", required_argument, NULL, O_BEFORE },
	{ "org", required_argument, NULL, O_ORG },
	{ "url", required_argument, NULL, O_URL },
	{ "lang", required_argument, NULL, O_LANG },
	{ "child", required_argument, NULL, O_CHILD },
	{ "home", required_argument, NULL, O_HOME },
	{ "tsv", no_argument, NULL, O_TSV },
	{ "all", no_argument, NULL, O_ALL },
	{ NULL, 0, NULL, 0 },
};

struct args {
	const char *v[O_N];
	int argc;
	char **argv;
	int64_t now;
	const char *cmd;	/* for messages: "alerts", "webhook", ... */
};

static int usage_fail(const struct args *a, const char *msg)
{
	fprintf(stderr, "cartref: %s (see cartref %s --help)\n", msg, a->cmd);
	return 2;
}

static int64_t real_now_ms(void)
{
	return clock_now_ms();
}

/* The sub-command's options; 0, or an exit status. */
static int parse_args(struct args *a, const char *cmd, int argc, char **argv)
{
	int opt;

	memset(a, 0, sizeof(*a));
	a->cmd = cmd;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (opt < O_NOW || opt >= O_N)
			return 2;
		a->v[opt] = optarg ? optarg : "";
	}
	a->argc = argc - optind;
	a->argv = argv + optind;
	a->now = real_now_ms();
	if (a->v[O_NOW] && store_time_parse(a->v[O_NOW], &a->now) &&
	    mfc_time_parse(a->v[O_NOW], &a->now))
		return usage_fail(a, "--now must be a time such as "
				  "2019-04-01T09:00Z (UTC)");
	if (a->v[O_LANG] && strcmp(a->v[O_LANG], "en") &&
	    strcmp(a->v[O_LANG], "cy"))
		return usage_fail(a, "--lang is en or cy");
	return 0;
}

/* Welsh (--lang cy)? */
static bool lang_cy(const struct args *a)
{
	return a->v[O_LANG] && !strcmp(a->v[O_LANG], "cy");
}

static void cli_actor_name(char *out, size_t cap)
{
	struct passwd pw, *res = NULL;
	char buf[1024];

	if (getpwuid_r(geteuid(), &pw, buf, sizeof(buf), &res) == 0 && res)
		snprintf(out, cap, "cli:%.50s", res->pw_name);
	else
		snprintf(out, cap, "cli:uid %u", (unsigned)geteuid());
}

static int open_store(struct cli *cl, struct store **s)
{
	struct err err = ERR_INIT;

	if (auth_init(&err))
		return cli_fail(&err);
	return cli_open_store(cl, s);
}

/* The viewer of --as EMAIL at a->now. */
static int as_viewer(struct store *s, const struct args *a, struct viewer *v)
{
	struct err err = ERR_INIT;
	struct user u;

	if (!a->v[O_AS])
		return usage_fail(a, "--as EMAIL is required: the user acting");
	if (store_user_by_email(s, a->v[O_AS], &u, NULL, &err) ||
	    viewer_from_user(s, &u, "cli", a->now, v, &err))
		return cli_fail(&err);
	return 0;
}

static void fmt_time(int64_t ms, char out[STORE_TIME_MAX])
{
	if (!ms) {
		snprintf(out, STORE_TIME_MAX, "-");
		return;
	}
	store_time_fmt(ms, out);
}

/* ---- alerts run ------------------------------------------------------------- */

static int alerts_run_cmd(struct store *s, const struct args *a)
{
	struct err err = ERR_INIT;
	struct alerts_summary sum;
	char now[STORE_TIME_MAX];

	if (a->argc)
		return usage_fail(a, "alerts run takes no arguments");
	if (alerts_run(s, a->now, &sum, &err))
		return cli_fail(&err);
	store_time_fmt(a->now, now);
	printf("alerts at %s: raised %ld, cleared %ld, escalated %ld, open "
	       "%ld; %ld outbox messages\n", now, sum.raised, sum.cleared,
	       sum.escalated, sum.open, sum.messages);
	printf("historical (found in imported history, older than the rule's "
	       "horizon; told nobody): %ld recorded now, %ld in all; %ld "
	       "alerts with new facts\n", sum.historical, sum.historical_now,
	       sum.updated);
	printf("%ld children, %ld live episodes, %ld missing periods, %ld "
	       "placements; %.0f ms (load %.0f, evaluate %.0f, write %.0f)\n",
	       sum.children, sum.live, sum.periods, sum.placements,
	       sum.load_ms + sum.eval_ms + sum.write_ms, sum.load_ms,
	       sum.eval_ms, sum.write_ms);
	return 0;
}

/* ---- alerts rules / set ------------------------------------------------------ */

static const char *to_names(unsigned to, char *out, size_t cap)
{
	static const struct { unsigned bit; const char *name; } names[] = {
		{ ALERT_TO_COUNCIL, "council" },
		{ ALERT_TO_POLICE, "police" },
		{ ALERT_TO_PROVIDER, "provider" },
		{ ALERT_TO_INSPECTORATE, "inspectorate" },
		{ ALERT_TO_NAMED, "named" },
	};
	size_t len = 0;

	out[0] = '\0';
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (to & names[i].bit)
			len += (size_t)snprintf(out + len, cap - len, "%s%s",
						len ? "+" : "", names[i].name);
	if (!len)
		snprintf(out, cap, "-");
	return out;
}

static int alerts_rules_cmd(struct store *s, const struct args *a)
{
	struct err err = ERR_INIT;
	struct alert_params p;
	char to[64], esc[64];

	if (a->argc)
		return usage_fail(a, "alerts rules takes no arguments");
	if (alerts_params_load(s, &p, &err))
		return cli_fail(&err);
	for (size_t i = 0; i < alert_nrules; i++) {
		const struct alert_rule *r = &alert_rules[i];

		printf("%s\t%s\n", r->id, r->title_en);
		printf("  en: %s\n  cy: %s\n", r->desc_en, r->desc_cy);
		printf("  alerts: %s; on escalation also: %s\n",
		       to_names(r->to, to, sizeof(to)),
		       to_names(r->escalate_to, esc, sizeof(esc)));
		for (size_t k = 0; k < r->nparams; k++) {
			const struct alert_param_desc *d = &r->params[k];

			printf("  %s = %" PRId64 " %s (default %" PRId64
			       ", %" PRId64 " to %" PRId64 "): %s\n", d->name,
			       p.v[i][k], d->unit, d->def, d->min, d->max,
			       d->help);
		}
	}
	return 0;
}

static int alerts_set_cmd(struct store *s, const struct args *a)
{
	struct err err = ERR_INIT;
	char actor[64], detail[120];
	struct auth_actor by = { NULL, actor, "" };
	struct audit_event e;
	int rc;

	if (a->argc != 3)
		return usage_fail(a, "alerts set RULE PARAM VALUE");
	cli_actor_name(actor, sizeof(actor));
	snprintf(detail, sizeof(detail), "%.32s = %.40s", a->argv[1],
		 a->argv[2]);
	e = (struct audit_event){ a->now, &by, "alert-param", "alert-rule",
				  a->argv[0], detail };
	rc = store_begin(s, &err);
	if (rc)
		return cli_fail(&err);
	rc = alerts_param_set(s, a->argv[0], a->argv[1], a->argv[2], actor,
			      a->now, &err);
	if (!rc)
		rc = audit_append(s, &e, &err);
	if (!rc)
		rc = store_commit(s, &err);
	if (rc) {
		store_rollback(s);
		return cli_fail(&err);
	}
	printf("%s %s = %s\n", a->argv[0], a->argv[1], a->argv[2]);
	return 0;
}

/* ---- alerts list / show / ack / resolve / outbox -------------------------------- */

/* --tsv: one alert a line, for scripts (times ISO 8601 UTC). */
static void print_tsv(const struct alert_row *r)
{
	char raised[STORE_TIME_MAX], esc[STORE_TIME_MAX], due[STORE_TIME_MAX];

	fmt_time(r->raised_at, raised);
	fmt_time(r->escalated_at, esc);
	fmt_time(r->due_at, due);
	printf("%" PRId64 "\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r->id, r->rule,
	       alert_state_name(r->state), r->ref[0] || r->unnamed ? r->la :
	       "-",
	       r->ref[0] ? r->ref : r->urn[0] ? r->urn : "-", raised, esc,
	       alert_severity_name(r->severity), due);
}

/* Indented lines of an alert's words. */
static void print_words(const struct alert_row *r, int64_t now, bool cy,
			const char *indent, bool with_where)
{
	struct alert_text t;

	alert_text(r, now, cy, &t);
	if (t.what[0])
		printf("%s%s\n", indent, t.what);
	if (with_where && t.where[0])
		printf("%s%s\n", indent, t.where);
	if (t.due[0])
		printf("%s%s\n", indent, t.due);
	printf("%s%s %s\n", indent, cy ? "I\xe2\x80\x99w wneud:" : "To do:",
	       t.todo);
}

static void print_item(const struct alert_item_page *pg, size_t i, int64_t now,
		       bool cy)
{
	const struct alert_item *it = &pg->items[i];
	const struct alert_row *lead = &pg->reasons[it->first];
	struct alert_text t;

	if (!it->n)
		return;
	alert_text(lead, now, cy, &t);
	if (it->ref[0]) {
		printf("%ld. %s %s/%s", pg->page * pg->page_size + (long)i + 1,
		       cy ? "Plentyn" : "Child", it->la, it->ref);
	} else if (it->unnamed) {
		char who[ALERT_TEXT_MAX];

		alert_unnamed_text(lead, cy, who, sizeof(who));
		printf("%ld. %s", pg->page * pg->page_size + (long)i + 1, who);
	} else if (it->urn[0]) {
		printf("%ld. %s %s (%s)", pg->page * pg->page_size +
		       (long)i + 1, cy ? "Cartref" : "Home",
		       lead->home_name[0] ? lead->home_name : it->urn, it->urn);
	} else {
		/* about a recommendation (an item alone) */
		char code[ALERT_REC_CODE_MAX + 1];

		alert_rec_of(lead, code);
		printf("%ld. %s %s", pg->page * pg->page_size + (long)i + 1,
		       cy ? "Argymhelliad" : "Recommendation",
		       code[0] ? code : lead->key);
	}
	printf(" \xe2\x80\x94 %s", alert_severity_label(it->severity, cy));
	if (alert_is_overdue(lead, now))
		printf(", %s", cy ? "yn hwyr" : "overdue");
	printf("\n");
	if (t.where[0])
		printf("   %s\n", t.where);
	for (size_t k = it->first; k < it->first + it->n; k++) {
		const struct alert_row *r = &pg->reasons[k];

		printf("   - %s %" PRId64 ", %s: %s%s\n",
		       cy ? "rhybudd" : "alert", r->id,
		       alert_state_label(r->state, cy), alert_title(r->rule, cy),
		       r->escalated_at ? (cy ? " (wedi\xe2\x80\x99i uwchgyfeirio)" :
					       " (escalated)") : "");
		print_words(r, now, cy, "     ", false);
	}
	if (it->nall > (long)it->n)
		printf(cy ? "   (a %ld yn rhagor)\n" : "   (and %ld more)\n",
		       it->nall - (long)it->n);
}

static int alerts_list_cmd(struct store *s, const struct args *a)
{
	struct alert_item_page *items = NULL;
	struct alert_page *page = NULL;
	struct alert_filter f = { NULL, -1, NULL, 0, 0, NULL, NULL };
	char la[LA_CODE_MAX + 1] = "";
	struct err err = ERR_INIT;
	bool cy = lang_cy(a);
	enum alert_state st;
	struct viewer v;
	int64_t n;
	int rc;

	if (a->argc)
		return usage_fail(a, "alerts list takes options only");
	if (a->v[O_STATE]) {
		if (!strcmp(a->v[O_STATE], "any") ||
		    !strcmp(a->v[O_STATE], "all"))
			f.state = ALERT_NSTATES;
		else if (!strcmp(a->v[O_STATE], "live"))
			f.state = -1;
		else if (!alert_state_parse(a->v[O_STATE], &st))
			f.state = (int)st;
		else
			return usage_fail(a, "--state is live, open, "
					  "acknowledged, resolved, cleared, "
					  "historical or all");
	}
	if (a->v[O_PAGE]) {
		if (parse_i64(a->v[O_PAGE], 0, STORE_PAGE_LAST, &n))
			return usage_fail(a, "--page is a number from 0");
		f.page = (long)n;
	}
	if (a->v[O_LIMIT]) {
		if (parse_i64(a->v[O_LIMIT], 1, STORE_PAGE_MAX, &n))
			return usage_fail(a, "--limit is 1 to 100");
		f.page_size = (long)n;
	}
	f.rule = a->v[O_RULE];
	f.la = a->v[O_LA];
	f.home = a->v[O_HOME];
	if (a->v[O_CHILD]) {
		const char *slash = strchr(a->v[O_CHILD], '/');

		if (slash) {
			if ((size_t)(slash - a->v[O_CHILD]) >= sizeof(la))
				return usage_fail(a, "--child is REF or LA/REF");
			memcpy(la, a->v[O_CHILD],
			       (size_t)(slash - a->v[O_CHILD]));
			la[slash - a->v[O_CHILD]] = '\0';
			f.la = la;
			f.ref = slash + 1;
		} else {
			f.ref = a->v[O_CHILD];
		}
	}
	rc = as_viewer(s, a, &v);
	if (rc)
		return rc;
	if (a->v[O_TSV]) {
		page = xmalloc(sizeof(*page));
		rc = alerts_list(s, &v, &f, page, &err);
		if (rc) {
			rc = cli_fail(&err);
			goto out;
		}
		for (size_t i = 0; i < page->n; i++)
			print_tsv(&page->rows[i]);
		printf("# %zu of %ld (page %ld)\n", page->n, page->total,
		       page->page);
		goto out;
	}
	items = xcalloc(1, sizeof(*items));
	rc = alerts_items_list(s, &v, &f, items, &err);
	if (rc) {
		rc = cli_fail(&err);
		goto out;
	}
	for (size_t i = 0; i < items->n; i++)
		print_item(items, i, a->now, cy);
	printf(cy ? "# %zu o %ld eitem (tudalen %ld), y mwyaf brys yn gyntaf\n" :
		    "# %zu of %ld items (page %ld), most urgent first\n",
	       items->n, items->total, items->page);
out:
	if (items)
		alert_item_page_release(items);
	free(items);
	free(page);
	return rc;
}

static int alert_id_arg(const struct args *a, int64_t *id)
{
	if (a->argc != 1 || parse_i64(a->argv[0], 1, INT64_MAX, id))
		return usage_fail(a, "give one alert ID");
	return 0;
}

static void show_time(const char *what, int64_t ms, bool cy)
{
	char t[UK_TEXT_MAX];

	if (!ms)
		return;
	uk_time_text(ms, cy, t, sizeof(t));
	printf("%s: %s\n", what, t);
}

static int alerts_show_cmd(struct store *s, const struct args *a)
{
	struct alert_row *r = NULL;
	struct err err = ERR_INIT;
	struct alert_text t;
	bool cy = lang_cy(a);
	char when[UK_TEXT_MAX];
	struct viewer v;
	int64_t id;
	int rc;

	rc = alert_id_arg(a, &id);
	if (!rc)
		rc = as_viewer(s, a, &v);
	if (rc)
		return rc;
	r = xmalloc(sizeof(*r));
	rc = alerts_get(s, &v, id, r, &err);
	if (rc) {
		rc = cli_fail(&err);
		goto out;
	}
	alert_text(r, a->now, cy, &t);
	printf("%s %" PRId64 ": %s (%s; %s)\n", cy ? "rhybudd" : "alert",
	       r->id, alert_title(r->rule, cy), alert_state_label(r->state, cy),
	       alert_severity_label(r->severity, cy));
	if (r->ref[0]) {
		printf("%s: %s/%s\n", cy ? "plentyn" : "child", r->la, r->ref);
	} else if (r->unnamed) {
		char who[ALERT_TEXT_MAX];

		alert_unnamed_text(r, cy, who, sizeof(who));
		printf("%s: %s\n", cy ? "plentyn" : "child", who);
	} else if (r->urn[0])
		printf("%s: %s (%s)\n", cy ? "cartref" : "home",
		       r->home_name[0] ? r->home_name : r->urn, r->urn);
	if (r->episode_id)
		printf("%s: %" PRId64 "\n", cy ? "cyfnod ar goll" : "episode",
		       r->episode_id);
	if (t.what[0])
		printf("%s: %s\n", cy ? "beth ddigwyddodd" : "what happened",
		       t.what);
	if (t.where[0])
		printf("%s: %s\n", cy ? "ble" : "where", t.where);
	if (t.due[0])
		printf("%s: %s\n", cy ? "erbyn pryd" : "due", t.due);
	printf("%s: %s\n", cy ? "i\xe2\x80\x99w wneud" : "to do", t.todo);
	show_time(cy ? "codwyd" : "raised", r->raised_at, cy);
	if (alert_is_live(r->state) && !r->escalated_at)
		show_time(cy ? "yn uwchgyfeirio" : "escalates", r->escalate_at,
			  cy);
	show_time(cy ? "uwchgyfeiriwyd" : "escalated", r->escalated_at, cy);
	if (r->acknowledged_at) {
		uk_time_text(r->acknowledged_at, cy, when, sizeof(when));
		printf("%s: %s, %s %s: %s\n", cy ? "cydnabuwyd" : "acknowledged",
		       when, cy ? "gan" : "by", r->acknowledged_by,
		       r->ack_note);
	}
	if (r->resolved_at) {
		uk_time_text(r->resolved_at, cy, when, sizeof(when));
		printf("%s: %s, %s %s: %s\n", cy ? "datryswyd" : "resolved",
		       when, cy ? "gan" : "by", r->resolved_by,
		       r->resolve_note);
	}
	show_time(cy ? "cliriwyd" : "cleared", r->cleared_at, cy);
out:
	free(r);
	return rc;
}

static int alerts_answer_cmd(struct store *s, const struct args *a,
			     bool resolve)
{
	struct err err = ERR_INIT;
	struct viewer v;
	int64_t id;
	int rc;

	rc = alert_id_arg(a, &id);
	if (rc)
		return rc;
	if (!a->v[O_NOTE] || !a->v[O_NOTE][0])
		return usage_fail(a, "--note TEXT is required");
	rc = as_viewer(s, a, &v);
	if (rc)
		return rc;
	if (a->v[O_ALL] && !resolve) {
		long n;

		if (alerts_ack_item(s, &v, id, a->v[O_NOTE], &n, &err))
			return cli_fail(&err);
		printf("%ld open alerts of the item of alert %" PRId64
		       " acknowledged\n", n, id);
		return 0;
	}
	if (a->v[O_ALL])
		return usage_fail(a, "--all is for ack only");
	rc = resolve ? alerts_resolve(s, &v, id, a->v[O_NOTE], &err) :
		       alerts_ack(s, &v, id, a->v[O_NOTE], &err);
	if (rc)
		return cli_fail(&err);
	printf("alert %" PRId64 " %s\n", id,
	       resolve ? "resolved" : "acknowledged");
	return 0;
}

static int print_outbox(const struct outbox_row *r, void *ctx)
{
	char t[STORE_TIME_MAX], d[STORE_TIME_MAX];

	(void)ctx;
	fmt_time(r->created_at, t);
	fmt_time(r->delivered_at, d);
	printf("%" PRId64 "\t%" PRId64 "\t%s\t%s\t%s\t%s\n", r->id,
	       r->alert_id, r->event, t, d, r->body);
	return 0;
}

static int alerts_outbox_cmd(struct store *s, const struct args *a)
{
	struct err err = ERR_INIT;
	int64_t before = 0, limit = 50;
	struct viewer v;
	int rc;

	if (a->argc)
		return usage_fail(a, "alerts outbox takes options only");
	if (a->v[O_LIMIT] && parse_i64(a->v[O_LIMIT], 1, 1000, &limit))
		return usage_fail(a, "--limit is 1 to 1000");
	if (a->v[O_BEFORE] && parse_i64(a->v[O_BEFORE], 1, INT64_MAX, &before))
		return usage_fail(a, "--before is a message id");
	rc = as_viewer(s, a, &v);
	if (rc)
		return rc;
	if (alerts_outbox_list(s, &v, before, (long)limit, print_outbox, NULL,
			       &err))
		return cli_fail(&err);
	return 0;
}

int cmd_alerts(struct cli *cl, int argc, char **argv)
{
	struct store *s = NULL;
	const char *sub;
	struct args a;
	int rc;

	if (argc < 2)
		return cli_usage(cli_usage_of("alerts"), true);
	sub = argv[1];
	rc = parse_args(&a, "alerts", argc - 1, argv + 1);
	if (rc)
		return rc;
	if (strcmp(sub, "run") && strcmp(sub, "rules") && strcmp(sub, "set") &&
	    strcmp(sub, "list") && strcmp(sub, "show") &&
	    strcmp(sub, "ack") && strcmp(sub, "resolve") &&
	    strcmp(sub, "outbox"))
		return usage_fail(&a, "unknown alerts sub-command");
	rc = open_store(cl, &s);
	if (rc)
		return rc;
	if (!strcmp(sub, "run"))
		rc = alerts_run_cmd(s, &a);
	else if (!strcmp(sub, "rules"))
		rc = alerts_rules_cmd(s, &a);
	else if (!strcmp(sub, "set"))
		rc = alerts_set_cmd(s, &a);
	else if (!strcmp(sub, "list"))
		rc = alerts_list_cmd(s, &a);
	else if (!strcmp(sub, "show"))
		rc = alerts_show_cmd(s, &a);
	else if (!strcmp(sub, "ack"))
		rc = alerts_answer_cmd(s, &a, false);
	else if (!strcmp(sub, "resolve"))
		rc = alerts_answer_cmd(s, &a, true);
	else
		rc = alerts_outbox_cmd(s, &a);
	store_close(s);
	return rc;
}

/* ---- webhook ------------------------------------------------------------------------ */

/* The recipient code of organisation KIND:CODE: a provider's is the
 * name of its register provider. */
static int org_recipient(struct store *s, const struct args *a,
			 enum org_kind *kind, char code[ORG_CODE_MAX + 1])
{
	const char *ref = a->v[O_ORG], *colon = ref ? strchr(ref, ':') : NULL;
	struct err err = ERR_INIT;
	char word[32];
	struct org o;

	if (!colon || colon == ref || !colon[1] ||
	    (size_t)(colon - ref) >= sizeof(word))
		return usage_fail(a, "--org KIND:CODE, e.g. police:south-wales "
				  "or council:W06000015");
	memcpy(word, ref, (size_t)(colon - ref));
	word[colon - ref] = '\0';
	if (org_kind_parse(word, kind))
		return usage_fail(a, "--org: unknown kind of organisation");
	if (*kind == ORG_COUNCIL) {
		struct la la;

		if (store_la_get(s, colon + 1, &la, &err) || !la.is_council) {
			fprintf(stderr, "cartref: %s is not a council\n",
				colon + 1);
			return 1;
		}
		snprintf(code, ORG_CODE_MAX + 1, "%s", la.code);
		return 0;
	}
	if (store_org_get(s, *kind, colon + 1, &o, &err))
		return cli_fail(&err);
	if (*kind == ORG_PROVIDER) {
		if (!o.provider[0]) {
			fprintf(stderr, "cartref: provider %s is not linked to "
				"the homes register: it receives no alerts\n",
				o.code);
			return 1;
		}
		snprintf(code, ORG_CODE_MAX + 1, "%s", o.provider);
	} else {
		snprintf(code, ORG_CODE_MAX + 1, "%s", o.code);
	}
	return 0;
}

static int webhook_add_cmd(struct store *s, const struct args *a)
{
	char code[ORG_CODE_MAX + 1], secret[WEBHOOK_SECRET_HEX + 1];
	char actor[64], subject[AUDIT_SUBJECT_MAX + 1];
	struct auth_actor by = { NULL, actor, "" };
	struct err err = ERR_INIT;
	struct audit_event e;
	enum org_kind kind;
	int64_t id;
	int rc;

	if (a->argc || !a->v[O_URL])
		return usage_fail(a, "webhook add --org KIND:CODE --url URL");
	rc = org_recipient(s, a, &kind, code);
	if (rc)
		return rc;
	cli_actor_name(actor, sizeof(actor));
	snprintf(subject, sizeof(subject), "%s:%.100s", org_kind_name(kind),
		 code);
	e = (struct audit_event){ a->now, &by, "webhook-add", "webhook",
				  subject, a->v[O_URL] };
	rc = store_begin(s, &err);
	if (!rc)
		rc = alerts_webhook_add(s, kind, code, a->v[O_URL], a->now,
					secret, &id, &err);
	if (!rc)
		rc = audit_append(s, &e, &err);
	if (!rc)
		rc = store_commit(s, &err);
	if (rc) {
		store_rollback(s);
		return cli_fail(&err);
	}
	printf("webhook %" PRId64 " for %s:%s: %s\n", id, org_kind_name(kind),
	       code, a->v[O_URL]);
	printf("secret (shown once): %s\n", secret);
	return 0;
}

static int print_webhook(const struct webhook_row *r, void *ctx)
{
	char t[STORE_TIME_MAX];

	(void)ctx;
	fmt_time(r->created_at, t);
	printf("%" PRId64 "\t%s:%s\t%s\t%s\t%s\tdelivered %ld, pending %ld, "
	       "gave up %ld\n", r->id, org_kind_name(r->kind), r->code,
	       r->url, t, r->disabled ? "disabled" : "enabled", r->delivered,
	       r->pending, r->gave_up);
	return 0;
}

int cmd_webhook(struct cli *cl, int argc, char **argv)
{
	struct err err = ERR_INIT;
	struct store *s = NULL;
	const char *sub;
	struct args a;
	int rc;

	if (argc < 2)
		return cli_usage(cli_usage_of("webhook"), true);
	sub = argv[1];
	rc = parse_args(&a, "webhook", argc - 1, argv + 1);
	if (rc)
		return rc;
	if (strcmp(sub, "add") && strcmp(sub, "list"))
		return usage_fail(&a, "unknown webhook sub-command");
	rc = open_store(cl, &s);
	if (rc)
		return rc;
	if (!strcmp(sub, "add"))
		rc = webhook_add_cmd(s, &a);
	else if (store_webhooks_each(s, print_webhook, NULL, &err))
		rc = cli_fail(&err);
	store_close(s);
	return rc;
}

/* ---- outbox deliver ----------------------------------------------------------------- */

int cmd_outbox(struct cli *cl, int argc, char **argv)
{
	struct err err = ERR_INIT;
	struct alerts_delivery d;
	struct store *s = NULL;
	int64_t limit = 1000;
	struct args a;
	int rc;

	if (argc < 2 || strcmp(argv[1], "deliver"))
		return cli_usage(cli_usage_of("outbox"), true);
	rc = parse_args(&a, "outbox", argc - 1, argv + 1);
	if (rc)
		return rc;
	if (a.argc)
		return usage_fail(&a, "outbox deliver takes options only");
	if (a.v[O_LIMIT] && parse_i64(a.v[O_LIMIT], 1, 100000, &limit))
		return usage_fail(&a, "--limit is 1 to 100000");
	rc = open_store(cl, &s);
	if (rc)
		return rc;
	rc = alerts_outbox_deliver(s, a.now, (long)limit, &d, &err);
	if (rc)
		rc = cli_fail(&err);
	else
		printf("outbox: %ld tried, %ld delivered, %ld to retry, %ld "
		       "given up\n", d.tried, d.delivered, d.failed,
		       d.gave_up);
	store_close(s);
	return rc;
}
