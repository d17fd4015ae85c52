/* cmd-misc.c: small commands: migrate, distance, demo-data, demo-child. */
#include "base/compat.h"
#include <getopt.h>
#include "auth/auth.h"
#include "base/clock.h"
#include "base/parse.h"
#include "base/uktime.h"
#include "base/xalloc.h"
#include "cli/cli.h"
#include "demo/demo.h"
#include "domain/geo.h"
#include "domain/missing.h"
#include "domain/viewer.h"

int cmd_migrate(struct cli *cl, int argc, char **argv)
{
	struct store *s = NULL;
	struct err err = ERR_INIT;
	int rc, version = 0;

	(void)argv;
	if (argc != 1)
		return cli_usage(cli_usage_of("migrate"), true);
	rc = cli_open_store(cl, &s);
	if (rc)
		return rc;
	rc = store_schema_version(s, &version, &err);
	store_close(s);
	if (rc)
		return cli_fail(&err);
	printf("%s: schema version %d, geography loaded\n", cl->db, version);
	return 0;
}

int cmd_distance(struct cli *cl, int argc, char **argv)
{
	char pc[POSTCODE_MAX + 1];
	struct err err = ERR_INIT;
	struct store *s = NULL;
	int32_t t;
	bool exact;
	int rc;

	if (argc != 3)
		return cli_usage(cli_usage_of("distance"), true);
	for (int i = 1; i < 3; i++)
		if (postcode_normalise(argv[i], pc) == POSTCODE_BAD) {
			fprintf(stderr, "cartref: \"%s\" is not a UK postcode\n",
				argv[i]);
			return 2;
		}
	rc = cli_open_store(cl, &s);
	if (rc)
		return rc;
	rc = store_distance_tenths(s, argv[1], argv[2], &t, &exact, &err);
	store_close(s);
	if (rc == ERR_NOT_FOUND) {
		printf("unknown\n");
		fprintf(stderr, "cartref: %s\n", err_text(&err));
		return 3;
	}
	if (rc)
		return cli_fail(&err);
	printf("%d.%d miles%s\n", t / 10, t % 10,
	       exact ? "" : " (from a postcode district centroid)");
	return 0;
}

int cmd_demo_data(struct cli *cl, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "seed", required_argument, NULL, 's' },
		{ "scale", required_argument, NULL, 'S' },
		{ "as-of", required_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 },
	};
	struct demo_opts o = { 1, DEMO_WALES, DATE_NONE };
	struct demo_summary sum = { 0 };
	struct cli mem = *cl;
	struct err err = ERR_INIT;
	struct store *s = NULL;
	char as_of[DATE_STR_MAX], we[DATE_STR_MAX];
	int64_t seed;
	int opt, rc;

	optind = 1;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (opt) {
		case 's':
			if (parse_i64(optarg, 0, INT64_MAX, &seed)) {
				fprintf(stderr, "cartref: --seed %s is not a "
					"whole number\n", optarg);
				return 2;
			}
			o.seed = (uint64_t)seed;
			break;
		case 'S':
			if (!strcmp(optarg, "wales"))
				o.scale = DEMO_WALES;
			else if (!strcmp(optarg, "england"))
				o.scale = DEMO_ENGLAND;
			else {
				fprintf(stderr, "cartref: --scale must be wales "
					"or england\n");
				return 2;
			}
			break;
		case 'a':
			if (parse_date_iso(optarg, &o.as_of)) {
				fprintf(stderr, "cartref: --as-of %s is not a "
					"date (yyyy-mm-dd)\n", optarg);
				return 2;
			}
			break;
		default:
			return 2;
		}
	}
	if (argc - optind != 1)
		return cli_usage(cli_usage_of("demo-data"), true);
	/* the only read of the clock: the generator takes the date */
	if (o.as_of == DATE_NONE)
		o.as_of = uk_day_of(clock_now_ms());
	/* geography only: a private in-memory store, not --db */
	mem.db = ":memory:";
	rc = cli_open_store(&mem, &s);
	if (rc)
		return rc;
	rc = demo_generate(s, &o, argv[optind], &sum, &err);
	store_close(s);
	if (rc)
		return cli_fail(&err);
	date_fmt_iso(o.as_of, as_of);
	date_fmt_iso(year_end(sum.last_year), we);
	printf("wrote %s as of %s: %ld councils, %ld homes with %ld places, "
	       "%ld children looked after at 31 March %d; %ld episode, %ld "
	       "missing and %ld OC2 rows over the years %d-%d; since %s, "
	       "%ld live missing episodes (%ld open) and %ld strategy "
	       "meetings\n",
	       argv[optind], as_of, sum.councils, sum.homes, sum.places,
	       sum.cla_31mar_last, sum.last_year, sum.episodes, sum.missing,
	       sum.oc2, sum.first_year, sum.last_year, we, sum.live_episodes,
	       sum.live_open, sum.meetings);
	printf("quality of care: %ld inspections with %ld findings (%ld "
	       "priority action notices, %ld open past their date), "
	       "%ld notifications, %ld recommendations with %ld progress "
	       "records\n",
	       sum.inspections, sum.findings, sum.notices,
	       sum.notices_overdue, sum.notifications, sum.recs,
	       sum.rec_progress);
	return 0;
}

/* ---- demo-child: a child for the walk-through of `make demo` ----------- */

#define DEMO_CHILD_LA "W06000015"	/* Cardiff, the demo council */

struct home_la {
	char urn[S903_URN_MAX + 1];
	char la[LA_CODE_MAX + 1];
	char name[HOME_NAME_MAX + 1];
};

struct home_las {
	struct home_la *v;
	size_t n, alloc;
};

static int home_la_add(const struct home *h, void *ctx)
{
	struct home_las *hl = ctx;

	ALLOC_GROW(hl->v, hl->n + 1, hl->alloc);
	str_copy(hl->v[hl->n].urn, sizeof(hl->v[0].urn), h->urn);
	str_copy(hl->v[hl->n].la, sizeof(hl->v[0].la), h->la);
	str_copy(hl->v[hl->n].name, sizeof(hl->v[0].name), h->name);
	hl->n++;
	return 0;
}

static const struct home_la *home_la_find(const struct home_las *hl,
					  const char *urn)
{
	for (size_t i = 0; i < hl->n; i++)
		if (!strcmp(hl->v[i].urn, urn))
			return &hl->v[i];
	return NULL;
}

static bool in_area(const struct viewer *police, const char *la)
{
	for (size_t i = 0; i < police->nareas; i++)
		if (!strcmp(police->areas[i], la))
			return true;
	return false;
}

/* Does the child have a live episode not returned yet (as v sees it)? */
static int live_open(struct store *s, const struct viewer *v,
		     const struct child_summary *c, bool *open,
		     struct err *err)
{
	struct mfc_chronology ch = MFC_CHRONOLOGY_INIT;
	int rc = store_mfc_child(s, v, c->la, c->ref, &ch, err);

	*open = false;
	for (size_t i = 0; !rc && i < ch.nepisodes; i++)
		if (!ch.episodes[i].returned_at)
			*open = true;
	mfc_chronology_release(&ch);
	return rc;
}

static int viewer_of(struct store *s, const char *email, int64_t now,
		     struct viewer *v, struct err *err)
{
	struct user u;
	int rc = store_user_by_email(s, email, &u, NULL, err);

	if (rc == ERR_NOT_FOUND)
		return err_set(err, rc, "no user %s: run `cartref user demo` "
			       "first", email);
	return rc ? rc : viewer_from_user(s, &u, "cli", now, v, err);
}

int cmd_demo_child(struct cli *cl, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "as", required_argument, NULL, 'a' },
		{ "police", required_argument, NULL, 'p' },
		{ "la", required_argument, NULL, 'l' },
		{ "now", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	const char *as = "home-manager@" AUTH_DEMO_DOMAIN;
	const char *police = "police@" AUTH_DEMO_DOMAIN;
	const char *la = DEMO_CHILD_LA;
	struct home_las hl = { NULL, 0, 0 };
	struct child_filter f = { 0 };
	struct child_page *p = NULL;
	struct viewer v, pv;
	struct err err = ERR_INIT;
	struct store *s = NULL;
	int64_t now = clock_now_ms();
	int opt, rc;
	bool found = false;

	optind = 1;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (opt) {
		case 'a':
			as = optarg;
			break;
		case 'p':
			police = optarg;
			break;
		case 'l':
			la = optarg;
			break;
		case 'n':
			if (mfc_time_parse(optarg, &now)) {
				fprintf(stderr, "cartref: --now %s is not a time "
					"(yyyy-mm-ddThh:mm[:ss], UTC)\n", optarg);
				return 2;
			}
			break;
		default:
			return 2;
		}
	}
	if (argc != optind)
		return cli_usage(cli_usage_of("demo-child"), true);
	if (auth_init(&err))
		return cli_fail(&err);
	rc = cli_open_store(cl, &s);
	if (rc)
		return rc;
	rc = viewer_of(s, as, now, &v, &err);
	if (!rc)
		rc = viewer_of(s, police, now, &pv, &err);
	if (!rc && pv.access != VIEWER_POLICE)
		rc = err_set(&err, ERR_USAGE, "%s is not a police user",
			     police);
	if (!rc)
		rc = store_homes_each(s, home_la_add, &hl, &err);
	if (rc)
		goto out;
	p = xmalloc(sizeof(*p));
	f.la = la;
	f.looked_after_on = v.today;
	f.in_home = true;
	f.page_size = STORE_PAGE_MAX;
	for (f.page = 0; !rc && !found; f.page++) {
		rc = store_children_list(s, &v, &f, p, &err);
		for (size_t i = 0; !rc && !found && i < p->n; i++) {
			const struct child_summary *c = &p->rows[i];
			const struct home_la *h;
			struct la hla;
			bool open;

			if (!c->has_current || !c->current.open ||
			    c->age < 0 || c->age >= 18 || c->open_missing)
				continue;
			h = home_la_find(&hl, c->current.urn);
			if (!h || !in_area(&pv, h->la))
				continue;
			rc = live_open(s, &v, c, &open, &err);
			if (!rc && !open)
				rc = store_la_get(s, h->la, &hla, &err);
			if (rc || open)
				continue;
			printf("%s/%s\t%s\t%s\t%s\t%s\t%d\n", c->la, c->ref,
			       h->urn, h->name, h->la, hla.name_en, c->age);
			found = true;
		}
		if (!rc && (f.page + 1) * p->page_size >= p->total)
			break;
	}
out:
	free(p);
	free(hl.v);
	store_close(s);
	if (rc)
		return cli_fail(&err);
	if (!found) {
		fprintf(stderr, "cartref: no child of %s is placed today in a "
			"home of %s's provider in the area of %s, under 18 and "
			"not missing\n", la, as, police);
		return 3;
	}
	return 0;
}
