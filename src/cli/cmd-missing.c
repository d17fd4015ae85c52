/*
 * cmd-missing.c: `cartref missing ...`: missing from care, recorded live
 * (issue 5; docs/missing.md), acting as a user (--as EMAIL) so that the
 * store's scoping and audit apply exactly as in the web application.
 * After every successful change the alerts of the child are evaluated
 * (alerts_evaluate_child()).
 */
#include "base/compat.h"
#include "base/clock.h"
#include <getopt.h>
#include <time.h>
#include "auth/auth.h"
#include "base/parse.h"
#include "base/xalloc.h"
#include "cli/cli.h"
#include "domain/missing.h"
#include "domain/viewer.h"
#include "ingest/import.h"
#include "alerts/alerts.h"

enum {
	O_AS = 256, O_NOW, O_CHILD, O_KIND, O_STARTED, O_LAST_SEEN,
	O_LAST_PLACE, O_CIRC, O_ACTIONS, O_EXPLOIT, O_ASSOC, O_LOCATIONS,
	O_HEALTH, O_REF, O_GRADE, O_ARRESTED, O_CHARGED, O_RETURNED, O_PLACE,
	O_OFFERED, O_HELD, O_BY, O_INDEP, O_OUTCOME, O_SUMMARY, O_REVIEW,
	O_AGENCIES, O_DECISIONS, O_EPISODE, O_DESCRIPTION, O_PHOTO,
	O_PLACES, O_CHECK, O_N
};

static const struct option opts[] = {
	{ "as", required_argument, NULL, O_AS },
	{ "now", required_argument, NULL, O_NOW },
	{ "child", required_argument, NULL, O_CHILD },
	{ "kind", required_argument, NULL, O_KIND },
	{ "started", required_argument, NULL, O_STARTED },
	{ "last-seen", required_argument, NULL, O_LAST_SEEN },
	{ "last-seen-place", required_argument, NULL, O_LAST_PLACE },
	{ "circumstances", required_argument, NULL, O_CIRC },
	{ "actions", required_argument, NULL, O_ACTIONS },
	{ "exploitation", required_argument, NULL, O_EXPLOIT },
	{ "associates", required_argument, NULL, O_ASSOC },
	{ "locations", required_argument, NULL, O_LOCATIONS },
	{ "health", required_argument, NULL, O_HEALTH },
	{ "ref", required_argument, NULL, O_REF },
	{ "grade", required_argument, NULL, O_GRADE },
	{ "arrested", required_argument, NULL, O_ARRESTED },
	{ "charged", required_argument, NULL, O_CHARGED },
	{ "returned", required_argument, NULL, O_RETURNED },
	{ "place", required_argument, NULL, O_PLACE },
	{ "offered", required_argument, NULL, O_OFFERED },
	{ "held", required_argument, NULL, O_HELD },
	{ "by", required_argument, NULL, O_BY },
	{ "independent", required_argument, NULL, O_INDEP },
	{ "outcome", required_argument, NULL, O_OUTCOME },
	{ "summary", required_argument, NULL, O_SUMMARY },
	{ "review", required_argument, NULL, O_REVIEW },
	{ "agencies", required_argument, NULL, O_AGENCIES },
	{ "decisions", required_argument, NULL, O_DECISIONS },
	{ "episode", required_argument, NULL, O_EPISODE },
	{ "description", required_argument, NULL, O_DESCRIPTION },
	{ "photo", required_argument, NULL, O_PHOTO },
	{ "places", required_argument, NULL, O_PLACES },
	{ "check", no_argument, NULL, O_CHECK },
	{ NULL, 0, NULL, 0 },
};

struct args {
	const char *v[O_N];	/* option values by O_*; NULL: not given */
	int64_t now_ms;
	char la[LA_CODE_MAX + 1];
	char ref[S903_CHILD_MAX + 1];
	int argc;
	char **argv;
};

static int usage_fail(const char *msg)
{
	fprintf(stderr, "cartref: %s (see cartref missing --help)\n", msg);
	return 2;
}

static bool given(const struct args *a, int o)
{
	return a->v[o] != NULL;
}

/* --child LA/REF */
static int child_arg(struct args *a)
{
	const char *c = a->v[O_CHILD], *slash;

	if (!c)
		return usage_fail("--child LA/REF is required");
	slash = strchr(c, '/');
	if (!slash || slash - c != LA_CODE_MAX || !slash[1] ||
	    strlen(slash + 1) > S903_CHILD_MAX)
		return usage_fail("--child must be LA/REF, such as "
				  "W06000015/C01");
	memcpy(a->la, c, LA_CODE_MAX);
	a->la[LA_CODE_MAX] = '\0';
	snprintf(a->ref, sizeof(a->ref), "%s", slash + 1);
	return 0;
}

/* The one ID argument. */
static int id_arg(const struct args *a, int64_t *id)
{
	if (a->argc != 1 || parse_i64(a->argv[0], 1, INT64_MAX, id))
		return usage_fail("give one episode ID");
	return 0;
}

static int opt_time(const struct args *a, int o, int64_t *ms)
{
	if (!a->v[o])
		return 0;
	if (!a->v[o][0]) {
		*ms = 0;
		return 0;
	}
	if (mfc_time_parse(a->v[o], ms)) {
		fprintf(stderr, "cartref: --%s %s is not a time "
			"(yyyy-mm-ddThh:mm[:ss], UTC)\n", opts[o - O_AS].name,
			a->v[o]);
		return 2;
	}
	return 0;
}

static int opt_flag(const struct args *a, int o, bool *out)
{
	const char *s = a->v[o];

	if (!s)
		return 0;
	if (!strcmp(s, "yes") || !strcmp(s, "1") || !strcmp(s, "true"))
		*out = true;
	else if (!strcmp(s, "no") || !strcmp(s, "0") || !strcmp(s, "false"))
		*out = false;
	else {
		fprintf(stderr, "cartref: --%s must be yes or no\n",
			opts[o - O_AS].name);
		return 2;
	}
	return 0;
}

static int opt_text(const struct args *a, int o, char *dst, size_t cap)
{
	struct err err = ERR_INIT;
	char what[48];

	if (!a->v[o])
		return 0;
	snprintf(what, sizeof(what), "--%s", opts[o - O_AS].name);
	if (mfc_text_set(dst, cap, a->v[o], what, &err))
		return cli_fail(&err);
	return 0;
}

static int opt_day(const struct args *a, int o, int32_t *day)
{
	if (!a->v[o])
		return 0;
	if (!a->v[o][0]) {
		*day = DATE_NONE;
		return 0;
	}
	if (parse_date_iso(a->v[o], day)) {
		fprintf(stderr, "cartref: --%s %s is not a date (yyyy-mm-dd)\n",
			opts[o - O_AS].name, a->v[o]);
		return 2;
	}
	return 0;
}

#define TRY(x)                                                           \
	do {                                                              \
		int rc_ = (x);                                            \
		if (rc_)                                                  \
			return rc_;                                       \
	} while (0)

/* The home's fields from the options (those given). */
static int home_fields(const struct args *a, struct mfc_episode *e)
{
	TRY(opt_time(a, O_LAST_SEEN, &e->last_seen_at));
	TRY(opt_text(a, O_LAST_PLACE, e->last_seen_place,
		     sizeof(e->last_seen_place)));
	TRY(opt_text(a, O_CIRC, e->circumstances, sizeof(e->circumstances)));
	TRY(opt_text(a, O_ACTIONS, e->home_actions, sizeof(e->home_actions)));
	TRY(opt_flag(a, O_EXPLOIT, &e->exploitation));
	TRY(opt_text(a, O_ASSOC, e->associates, sizeof(e->associates)));
	TRY(opt_text(a, O_LOCATIONS, e->locations, sizeof(e->locations)));
	TRY(opt_text(a, O_HEALTH, e->health_needs, sizeof(e->health_needs)));
	return 0;
}

/* Evaluate the child's alerts after a change. */
static int after_change(struct store *s, int64_t child_id, int64_t now_ms)
{
	struct err err = ERR_INIT;

	if (child_id && alerts_evaluate_child(s, child_id, now_ms, &err)) {
		fprintf(stderr, "cartref: recorded, but the alerts were not "
			"evaluated: %s\n", err_text(&err));
		return 1;
	}
	return 0;
}

static void print_time(const char *label, int64_t ms)
{
	char t[MFC_TIME_STR];

	mfc_time_fmt(ms, t);
	printf("%-16s %s\n", label, t);
}

static void print_episode(const struct mfc_episode *e)
{
	printf("episode          %lld\n", (long long)e->id);
	printf("child            %s/%s\n", e->la, e->ref);
	if (e->age >= 0)
		printf("age              %d\n", e->age);
	printf("kind             %s\n", e->kind[0] == 'M' ? "M missing" :
						      "A away");
	printf("home             %s %s\n", e->urn, e->home_name);
	print_time("started", e->started_at);
	print_time("last seen", e->last_seen_at);
	printf("last seen place  %s\n", e->last_seen_place);
	printf("circumstances    %s\n", e->circumstances);
	printf("home actions     %s\n", e->home_actions);
	printf("exploitation     %s\n", e->exploitation ? "yes" : "no");
	printf("associates       %s\n", e->associates);
	printf("locations        %s\n", e->locations);
	printf("health needs     %s\n", e->health_needs);
	printf("police ref       %s\n", e->police_ref);
	printf("risk grade       %s\n", mfc_grade_name(e->grade));
	print_time("returned", e->returned_at);
	printf("returned place   %s\n", e->returned_place);
	printf("arrested         %s\n", e->arrested ? "yes" : "no");
	printf("charged          %s\n", e->charged ? "yes" : "no");
	print_time("ri offered", e->ri_offered_at);
	print_time("ri held", e->ri_held_at);
	printf("ri by            %s\n", e->ri_by);
	printf("ri independent   %s\n", e->ri_independent < 0 ? "" :
				       e->ri_independent ? "yes" : "no");
	printf("ri outcome       %s\n", mfc_outcome_name(e->ri_outcome));
	printf("ri summary       %s\n", e->ri_summary);
}

static int do_report(struct store *s, const struct viewer *v,
		     struct args *a, struct err *err)
{
	struct mfc_episode e;
	int rc;

	TRY(child_arg(a));
	mfc_episode_init(&e);
	memcpy(e.la, a->la, sizeof(e.la));
	memcpy(e.ref, a->ref, sizeof(e.ref));
	if (mfc_kind_parse(a->v[O_KIND] ? a->v[O_KIND] : "M", e.kind))
		return usage_fail("--kind must be M (missing) or A (away)");
	if (!given(a, O_STARTED))
		return usage_fail("--started TIME is required");
	TRY(opt_time(a, O_STARTED, &e.started_at));
	TRY(home_fields(a, &e));
	rc = store_mfc_report(s, v, &e, err);
	if (rc)
		return cli_fail(err);
	printf("reported missing episode %lld: %s/%s (%s) from %s\n",
	       (long long)e.id, e.la, e.ref, e.kind, e.urn);
	return after_change(s, e.child_id, v->now_ms);
}

/* Read episode ID as v, change it with fill, write it with op. */
typedef int fill_fn(const struct args *a, struct mfc_episode *e);
typedef int write_fn(struct store *s, const struct viewer *v,
		     const struct mfc_episode *e, struct mfc_written *out,
		     struct err *err);

static int do_change(struct store *s, const struct viewer *v,
		     struct args *a, fill_fn *fill, write_fn *write,
		     const char *what, struct err *err)
{
	struct mfc_episode e;
	int64_t id;

	TRY(id_arg(a, &id));
	if (store_mfc_get(s, v, id, &e, err))
		return cli_fail(err);
	TRY(fill(a, &e));
	if (write(s, v, &e, NULL, err))
		return cli_fail(err);
	printf("recorded the %s of missing episode %lld\n", what,
	       (long long)id);
	return after_change(s, e.child_id, v->now_ms);
}

static int fill_police(const struct args *a, struct mfc_episode *e)
{
	TRY(opt_text(a, O_REF, e->police_ref, sizeof(e->police_ref)));
	if (a->v[O_GRADE] && mfc_grade_parse(a->v[O_GRADE], &e->grade))
		return usage_fail("--grade must be none, low, medium or high");
	TRY(opt_flag(a, O_ARRESTED, &e->arrested));
	TRY(opt_flag(a, O_CHARGED, &e->charged));
	return 0;
}

static int fill_return(const struct args *a, struct mfc_episode *e)
{
	if (!given(a, O_RETURNED))
		return usage_fail("--returned TIME is required");
	TRY(opt_time(a, O_RETURNED, &e->returned_at));
	return opt_text(a, O_PLACE, e->returned_place,
			sizeof(e->returned_place));
}

static int fill_interview(const struct args *a, struct mfc_episode *e)
{
	bool indep = false;

	TRY(opt_time(a, O_OFFERED, &e->ri_offered_at));
	TRY(opt_time(a, O_HELD, &e->ri_held_at));
	TRY(opt_text(a, O_BY, e->ri_by, sizeof(e->ri_by)));
	if (given(a, O_INDEP)) {
		TRY(opt_flag(a, O_INDEP, &indep));
		e->ri_independent = indep;
	}
	if (a->v[O_OUTCOME] &&
	    mfc_outcome_parse(a->v[O_OUTCOME], &e->ri_outcome))
		return usage_fail("--outcome must be accepted or declined");
	return opt_text(a, O_SUMMARY, e->ri_summary, sizeof(e->ri_summary));
}

static int do_strategy(struct store *s, const struct viewer *v,
		       struct args *a, struct err *err)
{
	struct mfc_meeting m;
	int64_t ep = 0;

	TRY(child_arg(a));
	mfc_meeting_init(&m);
	memcpy(m.la, a->la, sizeof(m.la));
	memcpy(m.ref, a->ref, sizeof(m.ref));
	if (!given(a, O_HELD))
		return usage_fail("--held DATE is required");
	TRY(opt_day(a, O_HELD, &m.held_on));
	TRY(opt_day(a, O_REVIEW, &m.safety_plan_review_on));
	TRY(opt_text(a, O_AGENCIES, m.agencies, sizeof(m.agencies)));
	TRY(opt_text(a, O_DECISIONS, m.decisions, sizeof(m.decisions)));
	if (a->v[O_EPISODE] && parse_i64(a->v[O_EPISODE], 1, INT64_MAX, &ep))
		return usage_fail("--episode must be an episode ID");
	m.episode_id = ep;
	if (store_mfc_meeting_add(s, v, &m, err))
		return cli_fail(err);
	printf("recorded strategy meeting %lld for %s/%s\n",
	       (long long)m.id, m.la, m.ref);
	return after_change(s, m.child_id, v->now_ms);
}

static int do_grab_pack(struct store *s, const struct viewer *v,
			struct args *a, struct err *err)
{
	static const int fields[] = { O_DESCRIPTION, O_PHOTO, O_HEALTH,
				      O_ASSOC, O_PLACES };
	struct grab_pack g;
	struct err ignore = ERR_INIT;
	bool write = false;
	int64_t child_id = 0;

	TRY(child_arg(a));
	for (size_t i = 0; i < ARRAY_SIZE(fields); i++)
		write |= given(a, fields[i]);
	if (write) {
		/* start from the current pack, if any and readable */
		if (store_grab_pack_get(s, v, a->la, a->ref, &g, &ignore))
			memset(&g, 0, sizeof(g));
		memcpy(g.la, a->la, sizeof(g.la));
		memcpy(g.ref, a->ref, sizeof(g.ref));
		TRY(opt_text(a, O_DESCRIPTION, g.description,
			     sizeof(g.description)));
		TRY(opt_text(a, O_PHOTO, g.photo_ref, sizeof(g.photo_ref)));
		TRY(opt_text(a, O_HEALTH, g.health, sizeof(g.health)));
		TRY(opt_text(a, O_ASSOC, g.associates, sizeof(g.associates)));
		TRY(opt_text(a, O_PLACES, g.places, sizeof(g.places)));
		if (store_grab_pack_put(s, v, &g, &child_id, err))
			return cli_fail(err);
		printf("updated the grab pack of %s/%s\n", a->la, a->ref);
		return after_change(s, child_id, v->now_ms);
	}
	if (store_grab_pack_get(s, v, a->la, a->ref, &g, err))
		return cli_fail(err);
	printf("child            %s/%s\n", g.la, g.ref);
	printf("description      %s\n", g.description);
	printf("photo reference  %s\n", g.photo_ref);
	printf("health           %s\n", g.health);
	printf("associates       %s\n", g.associates);
	printf("places           %s\n", g.places);
	print_time("updated", g.updated_at);
	return 0;
}

static int do_show(struct store *s, const struct viewer *v, struct args *a,
		   struct err *err)
{
	struct mfc_chronology c = MFC_CHRONOLOGY_INIT;
	struct mfc_episode e;
	int64_t id;

	if (!given(a, O_CHILD)) {
		TRY(id_arg(a, &id));
		if (store_mfc_get(s, v, id, &e, err))
			return cli_fail(err);
		print_episode(&e);
		return 0;
	}
	TRY(child_arg(a));
	if (store_mfc_child(s, v, a->la, a->ref, &c, err))
		return cli_fail(err);
	printf("%s/%s: %zu live missing episodes, %zu strategy meetings\n",
	       a->la, a->ref, c.nepisodes, c.nmeetings);
	for (size_t i = 0; i < c.nepisodes; i++) {
		char st[MFC_TIME_STR], rt[MFC_TIME_STR];

		mfc_time_fmt(c.episodes[i].started_at, st);
		mfc_time_fmt(c.episodes[i].returned_at, rt);
		printf("episode\t%lld\t%s\t%s\t%s\t%s\t%s\n",
		       (long long)c.episodes[i].id, c.episodes[i].kind,
		       c.episodes[i].urn, st, rt[0] ? rt : "open",
		       mfc_grade_name(c.episodes[i].grade));
	}
	for (size_t i = 0; i < c.nmeetings; i++) {
		char held[DATE_STR_MAX], review[DATE_STR_MAX];

		date_fmt_iso(c.meetings[i].held_on, held);
		date_fmt_iso(c.meetings[i].safety_plan_review_on, review);
		printf("meeting\t%lld\t%s\t%s\t%s\n",
		       (long long)c.meetings[i].id, held, review,
		       c.meetings[i].agencies);
	}
	mfc_chronology_release(&c);
	return 0;
}

static int do_list(struct store *s, const struct viewer *v, struct err *err)
{
	struct mfc_filter f = { .page_size = STORE_PAGE_MAX };
	struct mfc_attention_page *p = xmalloc(sizeof(*p));
	int rc = store_mfc_attention(s, v, &f, p, err);

	if (rc) {
		free(p);
		return cli_fail(err);
	}
	printf("%ld open missing episode%s need attention\n", p->total,
	       p->total == 1 ? "" : "s");
	for (size_t i = 0; i < p->n; i++) {
		const struct mfc_attention_row *r = &p->rows[i];
		char st[MFC_TIME_STR];

		mfc_time_fmt(r->started_at, st);
		printf("%lld\t%s/%s\t%d\t%s\t%s\t%s\t%ldh\t%s\t%s%s\n",
		       (long long)r->id, r->la, r->ref, r->age, r->kind,
		       r->urn, st, r->hours_missing, mfc_grade_name(r->grade),
		       r->police_ref, r->exploitation ? "\texploitation" : "");
	}
	free(p);
	return 0;
}

static int do_import(struct store *s, struct args *a)
{
	struct import_counts c = { 0 };
	struct diags d = DIAGS_INIT;
	struct err err = ERR_INIT;
	int rc;

	if (a->argc < 1)
		return usage_fail("import needs at least one CSV file");
	rc = import_missing(s, (const char *const *)a->argv, (size_t)a->argc,
			    given(a, O_CHECK), a->now_ms, &d, &c, &err);
	if (rc) {
		diags_print(&d, stderr, 1000);
		diags_release(&d);
		return cli_fail(&err);
	}
	if (d.n) {
		diags_print(&d, stderr, 1000);
		fprintf(stderr, "cartref: %zu problem%s found; nothing was "
			"written\n", d.n, d.n == 1 ? "" : "s");
		diags_release(&d);
		return 1;
	}
	diags_release(&d);
	printf("%s %ld live missing episodes, %ld strategy meetings\n",
	       given(a, O_CHECK) ? "ok: checked" : "imported",
	       c.live_episodes, c.meetings);
	return 0;
}

static int64_t real_now_ms(void)
{
	return clock_now_ms();
}

int cmd_missing(struct cli *cl, int argc, char **argv)
{
	struct args a;
	struct err err = ERR_INIT;
	struct store *s = NULL;
	struct user u;
	struct viewer v;
	const char *sub;
	int opt, rc;

	memset(&a, 0, sizeof(a));
	if (argc < 2)
		return cli_usage(cli_usage_of("missing"), true);
	sub = argv[1];
	argc--;
	argv++;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (opt < O_AS || opt >= O_N)
			return 2;
		a.v[opt] = optarg ? optarg : "";
	}
	a.argc = argc - optind;
	a.argv = argv + optind;
	a.now_ms = real_now_ms();
	if (a.v[O_NOW] && (!a.v[O_NOW][0] || opt_time(&a, O_NOW, &a.now_ms)))
		return usage_fail("--now must be a time, such as "
				  "2019-03-30T21:15:00Z");
	if (strcmp(sub, "import") && !a.v[O_AS])
		return usage_fail("--as EMAIL is required: the user acting");
	if (auth_init(&err))
		return cli_fail(&err);
	rc = cli_open_store(cl, &s);
	if (rc)
		return rc;
	if (!strcmp(sub, "import")) {
		rc = do_import(s, &a);
		goto out;
	}
	if (store_user_by_email(s, a.v[O_AS], &u, NULL, &err) ||
	    viewer_from_user(s, &u, "cli", a.now_ms, &v, &err)) {
		rc = cli_fail(&err);
		goto out;
	}
	if (!strcmp(sub, "report"))
		rc = do_report(s, &v, &a, &err);
	else if (!strcmp(sub, "update"))
		rc = do_change(s, &v, &a, home_fields, store_mfc_update_home,
			       "home's record", &err);
	else if (!strcmp(sub, "police"))
		rc = do_change(s, &v, &a, fill_police, store_mfc_police,
			       "police record", &err);
	else if (!strcmp(sub, "return"))
		rc = do_change(s, &v, &a, fill_return, store_mfc_return,
			       "return", &err);
	else if (!strcmp(sub, "interview"))
		rc = do_change(s, &v, &a, fill_interview, store_mfc_interview,
			       "return interview", &err);
	else if (!strcmp(sub, "strategy"))
		rc = do_strategy(s, &v, &a, &err);
	else if (!strcmp(sub, "grab-pack"))
		rc = do_grab_pack(s, &v, &a, &err);
	else if (!strcmp(sub, "show"))
		rc = do_show(s, &v, &a, &err);
	else if (!strcmp(sub, "list"))
		rc = do_list(s, &v, &err);
	else
		rc = usage_fail("missing what? report, update, police, "
				"return, interview, strategy, grab-pack, "
				"show, list or import");
out:
	store_close(s);
	return rc;
}
