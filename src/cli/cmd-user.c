/*
 * cmd-user.c: `cartref user` (people, organisations, API tokens, demo
 * users) and `cartref audit` (verify and read the audit trail); the usage
 * texts are in main.c.  Changes go through src/auth/, which audits each
 * one as done by "cli:<unix user>".
 */
#include "base/compat.h"
#include <fcntl.h>
#include <getopt.h>
#include <inttypes.h>
#include <pwd.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>
#include "auth/auth.h"
#include "base/parse.h"
#include "cli/cli.h"

/* The actor of CLI changes: "cli:" and the effective Unix user. */
struct cli_actor {
	char name[64];
	struct auth_actor by;
};

static void cli_actor_init(struct cli_actor *a)
{
	struct passwd pw, *res = NULL;
	char buf[1024];

	if (getpwuid_r(geteuid(), &pw, buf, sizeof(buf), &res) == 0 && res)
		snprintf(a->name, sizeof(a->name), "cli:%.50s", res->pw_name);
	else
		snprintf(a->name, sizeof(a->name), "cli:uid %u",
			 (unsigned)geteuid());
	a->by.user = NULL;
	a->by.name = a->name;
	a->by.ip = "";
}

static int usage_error(const char *fmt, ...) PRINTF_LIKE(1, 2);
static int usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("cartref: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs(" (see cartref user --help)\n", stderr);
	return 2;
}

/* Read one line (the password) from standard input, without its end. */
static int read_password(char *out, size_t cap)
{
	size_t n;

	if (!fgets(out, (int)cap, stdin)) {
		fprintf(stderr, "cartref: no password on standard input\n");
		return 1;
	}
	n = strlen(out);
	if (n && out[n - 1] == '\n')
		out[--n] = '\0';
	else if (!feof(stdin)) {
		fprintf(stderr, "cartref: password too long (at most %d "
			"bytes)\n", AUTH_PASSWORD_MAX);
		return 1;
	}
	if (n && out[n - 1] == '\r')
		out[--n] = '\0';
	return 0;
}

/* Open the store and start libsodium. */
static int open_store(struct cli *cl, struct store **s)
{
	struct err err = ERR_INIT;
	int rc = auth_init(&err);

	if (rc)
		return cli_fail(&err);
	return cli_open_store(cl, s);
}

static int bad_role(const char *r)
{
	fprintf(stderr, "cartref: unknown role \"%s\": one of", r);
	for (int i = 0; i < ROLE_N; i++)
		fprintf(stderr, " %s", role_name((enum role)i));
	fputc('\n', stderr);
	return 2;
}

/* ---- user add ------------------------------------------------------------- */

static int user_add(struct cli *cl, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "email", required_argument, NULL, 'e' },
		{ "name", required_argument, NULL, 'n' },
		{ "role", required_argument, NULL, 'r' },
		{ "org", required_argument, NULL, 'o' },
		{ "password-stdin", no_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 },
	};
	const char *email = NULL, *name = NULL, *role = NULL, *org = NULL;
	char password[AUTH_PASSWORD_MAX + 3] = "", norm[USER_EMAIL_MAX + 1];
	struct err err = ERR_INIT;
	struct auth_new_user nu;
	struct store *s = NULL;
	struct cli_actor a;
	bool from_stdin = false;
	enum org_kind kind;
	const char *code;
	struct org o;
	int opt, rc;

	optind = 1;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (opt) {
		case 'e':
			email = optarg;
			break;
		case 'n':
			name = optarg;
			break;
		case 'r':
			role = optarg;
			break;
		case 'o':
			org = optarg;
			break;
		case 'p':
			from_stdin = true;
			break;
		default:
			return 2;
		}
	}
	if (optind != argc || !email || !name || !role || !org)
		return usage_error("user add needs --email, --name, --role "
				   "and --org");
	if (auth_email_normalise(email, norm))
		return usage_error("\"%s\" is not an email address", email);
	memset(&nu, 0, sizeof(nu));
	nu.email = email;
	nu.name = name;
	if (role_parse(role, &nu.role))
		return bad_role(role);
	if (auth_org_ref_parse(org, &kind, &code))
		return usage_error("--org %s is not KIND:CODE, e.g. "
				   "council:W06000015 or inspectorate:CIW",
				   org);
	if (from_stdin) {
		rc = read_password(password, sizeof(password));
		if (rc)
			return rc;
	} else {
		auth_password_generate(password);
	}
	cli_actor_init(&a);
	rc = open_store(cl, &s);
	if (rc)
		goto out;
	rc = auth_org_find(s, &a.by, kind, code, auth_now_ms(), &o, &err);
	if (!rc) {
		nu.org_id = o.id;
		rc = auth_user_add(s, &a.by, &nu, password, auth_now_ms(),
				   NULL, &err);
	}
	if (rc) {
		rc = cli_fail(&err);
		goto out;
	}
	printf("added %s (%s) in %s:%s, %s\n", norm, role_name(nu.role),
	       org_kind_name(o.kind), o.code, o.name_en);
	if (!from_stdin)
		printf("password (shown once): %s\n", password);
out:
	explicit_bzero(password, sizeof(password));
	store_close(s);
	return rc;
}

/* ---- user disable | enable | reset ------------------------------------------- */

static int user_change(struct cli *cl, const char *what, int argc,
		       char **argv)
{
	static const struct option opts[] = {
		{ "password-stdin", no_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 },
	};
	char password[AUTH_PASSWORD_MAX + 3] = "";
	bool reset = !strcmp(what, "reset"), from_stdin = false;
	struct err err = ERR_INIT;
	struct store *s = NULL;
	struct cli_actor a;
	int opt, rc;

	optind = 1;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (opt != 'p' || !reset)
			return usage_error("user %s takes no options", what);
		from_stdin = true;
	}
	if (argc - optind != 1)
		return usage_error("user %s needs one email address", what);
	if (reset) {
		if (!from_stdin)
			auth_password_generate(password);
		else if (read_password(password, sizeof(password)))
			return 1;
	}
	cli_actor_init(&a);
	rc = open_store(cl, &s);
	if (rc)
		goto out;
	if (reset)
		rc = auth_user_reset(s, &a.by, argv[optind], password,
				     auth_now_ms(), &err);
	else if (!strcmp(what, "disable"))
		rc = auth_user_disable(s, &a.by, argv[optind], auth_now_ms(),
				       &err);
	else
		rc = auth_user_enable(s, &a.by, argv[optind], auth_now_ms(),
				      &err);
	if (rc) {
		rc = cli_fail(&err);
		goto out;
	}
	if (reset) {
		printf("reset the password of %s: sessions ended, API tokens "
		       "revoked\n", argv[optind]);
		if (!from_stdin)
			printf("password (shown once): %s\n", password);
	} else if (!strcmp(what, "disable")) {
		printf("disabled %s: sessions ended, API tokens revoked\n",
		       argv[optind]);
	} else {
		printf("enabled %s\n", argv[optind]);
	}
out:
	explicit_bzero(password, sizeof(password));
	store_close(s);
	return rc;
}

/* ---- user list | orgs | tokens ------------------------------------------------ */

static void fmt_time(int64_t ms, char out[STORE_TIME_MAX])
{
	if (ms)
		store_time_fmt(ms, out);
	else
		snprintf(out, STORE_TIME_MAX, "-");
}

static int print_user(const struct user *u, void *ctx)
{
	char kind_code[ORG_CODE_MAX + 16];

	(void)ctx;
	snprintf(kind_code, sizeof(kind_code), "%s:%s",
		 org_kind_name(u->org_kind), u->org_code);
	printf("%s\t%s\t%s\t%s\t%s\n", u->email, role_name(u->role),
	       kind_code, u->disabled ? "disabled" : "active", u->name);
	return 0;
}

static int print_area(const char *code, void *ctx)
{
	printf("%s%s", *(int *)ctx ? " " : "", code);
	*(int *)ctx = 1;
	return 0;
}

struct orgs_ctx {
	struct store *s;
	struct err *err;
};

static int print_org(const struct org *o, void *ctx)
{
	struct orgs_ctx *c = ctx;
	int first = 0;

	printf("%s:%s\t%s\t%s\t", org_kind_name(o->kind), o->code,
	       o->name_en, o->name_cy);
	if (o->kind == ORG_COUNCIL)
		printf("council %s", o->la);
	else if (o->kind == ORG_PROVIDER)
		printf("provider %s", o->provider[0] ? o->provider : "-");
	else if (o->kind == ORG_POLICE &&
		 store_org_areas_each(c->s, o->id, print_area, &first, c->err))
		return ERR_STORE;
	putchar('\n');
	return 0;
}

static int print_token(const struct api_token_row *t, void *ctx)
{
	char created[STORE_TIME_MAX], used[STORE_TIME_MAX];
	char revoked[STORE_TIME_MAX];

	(void)ctx;
	fmt_time(t->created_at, created);
	fmt_time(t->last_used_at, used);
	fmt_time(t->revoked_at, revoked);
	printf("%" PRId64 "\t%s\t%s\t%s\t%s\n", t->id, t->label, created, used,
	       revoked);
	return 0;
}

static int user_list(struct cli *cl, const char *what, int argc, char **argv)
{
	struct err err = ERR_INIT;
	struct store *s = NULL;
	struct orgs_ctx oc;
	struct user u;
	int rc;

	if (argc > (!strcmp(what, "tokens") ? 2 : 1))
		return usage_error("user %s takes %s", what,
				   what[0] == 't' ? "at most one email address"
						  : "no arguments");
	(void)argv;
	rc = open_store(cl, &s);
	if (rc)
		return rc;
	if (!strcmp(what, "list")) {
		printf("email\trole\torganisation\tstatus\tname\n");
		rc = store_users_each(s, print_user, NULL, &err);
	} else if (!strcmp(what, "orgs")) {
		oc.s = s;
		oc.err = &err;
		printf("organisation\tname_en\tname_cy\tlink\n");
		rc = store_orgs_each(s, print_org, &oc, &err);
	} else {
		u.id = 0;
		if (argc == 2) {
			char norm[USER_EMAIL_MAX + 1];

			rc = auth_email_normalise(argv[1], norm);
			if (!rc)
				rc = store_user_by_email(s, norm, &u, NULL,
							 &err);
			if (rc)
				err_set(&err, rc, "no user %s", argv[1]);
		}
		if (!rc) {
			printf("id\tlabel\tcreated\tlast used\trevoked\n");
			rc = store_api_tokens_each(s, u.id, print_token, NULL,
						   &err);
		}
	}
	store_close(s);
	return rc ? cli_fail(&err) : 0;
}

/* ---- user token | revoke-token ------------------------------------------------ */

static int user_token(struct cli *cl, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "label", required_argument, NULL, 'l' },
		{ NULL, 0, NULL, 0 },
	};
	char token[AUTH_API_TOKEN_STR_MAX], norm[USER_EMAIL_MAX + 1];
	struct err err = ERR_INIT;
	const char *label = NULL;
	struct store *s = NULL;
	struct cli_actor a;
	struct user u;
	int64_t id = 0;
	int opt, rc;

	optind = 1;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (opt != 'l')
			return 2;
		label = optarg;
	}
	if (argc - optind != 1 || !label)
		return usage_error("user token needs an email address and "
				   "--label");
	if (auth_email_normalise(argv[optind], norm)) {
		fprintf(stderr, "cartref: \"%s\" is not an email address\n",
			argv[optind]);
		return 2;
	}
	cli_actor_init(&a);
	rc = open_store(cl, &s);
	if (rc)
		return rc;
	rc = store_user_by_email(s, norm, &u, NULL, NULL);
	if (rc)
		err_set(&err, rc, "no user %s", norm);
	else
		rc = auth_api_token_create(s, &a.by, u.id, label,
					   auth_now_ms(), token, &id, &err);
	store_close(s);
	if (rc)
		return cli_fail(&err);
	printf("API token %" PRId64 " for %s (shown once; only its hash is "
	       "kept):\n%s\n", id, norm, token);
	explicit_bzero(token, sizeof(token));
	return 0;
}

static int user_revoke_token(struct cli *cl, int argc, char **argv)
{
	struct err err = ERR_INIT;
	struct store *s = NULL;
	struct cli_actor a;
	int64_t id;
	int rc;

	if (argc != 2 || parse_i64(argv[1], 1, INT64_MAX, &id))
		return usage_error("user revoke-token needs a token id (see "
				   "cartref user tokens)");
	cli_actor_init(&a);
	rc = open_store(cl, &s);
	if (rc)
		return rc;
	rc = auth_api_token_revoke(s, &a.by, id, auth_now_ms(), &err);
	store_close(s);
	if (rc)
		return cli_fail(&err);
	printf("revoked API token %" PRId64 "\n", id);
	return 0;
}

/* ---- user org-add ----------------------------------------------------------------- */

#define ORG_AREAS_MAX 64

static int user_org_add(struct cli *cl, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "kind", required_argument, NULL, 'k' },
		{ "code", required_argument, NULL, 'c' },
		{ "name-en", required_argument, NULL, 'e' },
		{ "name-cy", required_argument, NULL, 'y' },
		{ "provider", required_argument, NULL, 'p' },
		{ "area", required_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 },
	};
	const char *kind = NULL, *code = NULL, *name_en = NULL;
	const char *name_cy = "", *provider = "";
	const char *areas[ORG_AREAS_MAX];
	struct err err = ERR_INIT;
	struct store *s = NULL;
	size_t nareas = 0;
	struct cli_actor a;
	int64_t id = 0;
	struct org o;
	int opt, rc;

	optind = 1;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (opt) {
		case 'k':
			kind = optarg;
			break;
		case 'c':
			code = optarg;
			break;
		case 'e':
			name_en = optarg;
			break;
		case 'y':
			name_cy = optarg;
			break;
		case 'p':
			provider = optarg;
			break;
		case 'a':
			if (nareas == ORG_AREAS_MAX)
				return usage_error("at most %d --area",
						   ORG_AREAS_MAX);
			areas[nareas++] = optarg;
			break;
		default:
			return 2;
		}
	}
	memset(&o, 0, sizeof(o));
	if (optind != argc || !kind || !code || !name_en)
		return usage_error("user org-add needs --kind, --code and "
				   "--name-en");
	if (org_kind_parse(kind, &o.kind))
		return usage_error("--kind is inspectorate, council, provider, "
				   "police or health_board");
	if ((nareas && o.kind != ORG_POLICE) ||
	    (provider[0] && o.kind != ORG_PROVIDER))
		return usage_error("--area is for police forces, --provider "
				   "for providers");
	if (str_copy(o.code, sizeof(o.code), code) ||
	    str_copy(o.name_en, sizeof(o.name_en), name_en) ||
	    str_copy(o.name_cy, sizeof(o.name_cy), name_cy) ||
	    str_copy(o.provider, sizeof(o.provider), provider))
		return usage_error("codes and names are at most %d bytes",
				   ORG_CODE_MAX);
	cli_actor_init(&a);
	rc = open_store(cl, &s);
	if (rc)
		return rc;
	rc = auth_org_add(s, &a.by, &o, auth_now_ms(), &id, &err);
	for (size_t i = 0; !rc && i < nareas; i++)
		rc = auth_org_area_add(s, &a.by, id, areas[i], auth_now_ms(),
				       &err);
	store_close(s);
	if (rc)
		return cli_fail(&err);
	printf("added organisation %s:%s, %s\n", kind, code, name_en);
	return 0;
}

/* ---- user demo -------------------------------------------------------------- */

static int print_demo(const struct user *u, bool created, void *ctx)
{
	(void)ctx;
	printf("%-40s %-18s %-27s %s:%s%s\n", u->email, AUTH_DEMO_PASSWORD,
	       role_name(u->role), org_kind_name(u->org_kind), u->org_code,
	       created ? "" : " (already there)");
	return 0;
}

static int user_demo(struct cli *cl, int argc, char **argv)
{
	struct err err = ERR_INIT;
	struct store *s = NULL;
	struct cli_actor a;
	int rc;

	(void)argv;
	if (argc != 1)
		return usage_error("user demo takes no arguments");
	cli_actor_init(&a);
	rc = open_store(cl, &s);
	if (rc)
		return rc;
	printf("%-40s %-18s %-27s %s\n", "sign in as", "password", "role",
	       "organisation");
	rc = auth_demo_users(s, &a.by, auth_now_ms(), print_demo, NULL, &err);
	store_close(s);
	if (rc)
		return cli_fail(&err);
	printf("demo users only: never use these passwords with real data\n");
	return 0;
}

int cmd_user(struct cli *cl, int argc, char **argv)
{
	const char *what;

	if (argc < 2)
		return cli_usage(cli_usage_of("user"), true);
	what = argv[1];
	argc--;
	argv++;
	if (!strcmp(what, "add"))
		return user_add(cl, argc, argv);
	if (!strcmp(what, "disable") || !strcmp(what, "enable") ||
	    !strcmp(what, "reset"))
		return user_change(cl, what, argc, argv);
	if (!strcmp(what, "list") || !strcmp(what, "orgs") ||
	    !strcmp(what, "tokens"))
		return user_list(cl, what, argc, argv);
	if (!strcmp(what, "token"))
		return user_token(cl, argc, argv);
	if (!strcmp(what, "revoke-token"))
		return user_revoke_token(cl, argc, argv);
	if (!strcmp(what, "org-add"))
		return user_org_add(cl, argc, argv);
	if (!strcmp(what, "demo"))
		return user_demo(cl, argc, argv);
	return usage_error("no user command \"%s\"", what);
}

/* ---- audit -------------------------------------------------------------------- */

static int print_audit(const struct audit_row *r, void *ctx)
{
	char at[STORE_TIME_MAX];

	(void)ctx;
	store_time_fmt(r->at, at);
	printf("%" PRId64 "\t%s\t%s\t%s\t%s\t%s%s%s\t%s\t%s\n", r->id, at,
	       r->actor, r->role, r->action, r->subject_kind,
	       r->subject_kind[0] ? ":" : "", r->subject_id, r->detail,
	       r->ip);
	return 0;
}

static int audit_list(struct cli *cl, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "subject", required_argument, NULL, 's' },
		{ "user", required_argument, NULL, 'u' },
		{ "limit", required_argument, NULL, 'l' },
		{ "before", required_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 },
	};
	struct audit_query q = { NULL, NULL, 0, 0, 50 };
	char kind[AUDIT_WORD_MAX + 1], norm[USER_EMAIL_MAX + 1];
	const char *subject = NULL, *user = NULL, *colon;
	struct err err = ERR_INIT;
	struct store *s = NULL;
	struct user u;
	int64_t v;
	int opt, rc;

	optind = 1;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (opt) {
		case 's':
			subject = optarg;
			break;
		case 'u':
			user = optarg;
			break;
		case 'l':
			if (parse_i64(optarg, 1, 1000, &v)) {
				fprintf(stderr, "cartref: --limit is 1 to "
					"1000\n");
				return 2;
			}
			q.limit = (long)v;
			break;
		case 'b':
			if (parse_i64(optarg, 1, INT64_MAX, &v)) {
				fprintf(stderr, "cartref: --before is a row "
					"id\n");
				return 2;
			}
			q.before_id = v;
			break;
		default:
			return 2;
		}
	}
	if (optind != argc) {
		fprintf(stderr, "cartref: audit list takes only options\n");
		return 2;
	}
	if (subject) {
		colon = strchr(subject, ':');
		if (!colon || colon == subject ||
		    (size_t)(colon - subject) > AUDIT_WORD_MAX) {
			fprintf(stderr, "cartref: --subject is KIND:ID, e.g. "
				"user:someone@example.org\n");
			return 2;
		}
		memcpy(kind, subject, (size_t)(colon - subject));
		kind[colon - subject] = '\0';
		q.subject_kind = kind;
		q.subject_id = colon[1] ? colon + 1 : NULL;
	}
	if (user && auth_email_normalise(user, norm)) {
		fprintf(stderr, "cartref: \"%s\" is not an email address\n",
			user);
		return 2;
	}
	rc = open_store(cl, &s);
	if (rc)
		return rc;
	if (user) {
		rc = store_user_by_email(s, norm, &u, NULL, NULL);
		if (rc)
			err_set(&err, rc, "no user %s", norm);
		q.user_id = u.id;
	}
	if (!rc) {
		printf("id\tat\tactor\trole\taction\tsubject\tdetail\tip\n");
		rc = store_audit_list(s, &q, print_audit, NULL, &err);
	}
	store_close(s);
	return rc ? cli_fail(&err) : 0;
}

/*
 * The anchor key from a key file: a regular file of the user running
 * cartref, readable and writable by no one else (0600 or stricter), with
 * AUDIT_KEY_MIN to 4096 bytes.  0, or 2 having said why.
 */
static int read_key_file(const char *path, unsigned char key[AUDIT_KEY_BYTES])
{
	unsigned char buf[4097];
	struct err err = ERR_INIT;
	struct stat st;
	size_t n = 0;
	ssize_t got;
	int fd, rc = 2;

	fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		fprintf(stderr, "cartref: cannot open key file %s: %s\n", path,
			strerror(errno));
		return 2;
	}
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		fprintf(stderr, "cartref: key file %s is not a regular file\n",
			path);
		goto out;
	}
	if ((st.st_mode & 077) || st.st_uid != geteuid()) {
		fprintf(stderr, "cartref: key file %s must be yours and private "
			"(mode 0600, is %04o): chmod 600 it\n", path,
			(unsigned)(st.st_mode & 07777));
		goto out;
	}
	while (n < sizeof(buf) &&
	       (got = read(fd, buf + n, sizeof(buf) - n)) != 0) {
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			fprintf(stderr, "cartref: reading key file %s: %s\n",
				path, strerror(errno));
			goto out;
		}
		n += (size_t)got;
	}
	if (n == sizeof(buf)) {
		fprintf(stderr, "cartref: key file %s is longer than 4096 "
			"bytes\n", path);
		goto out;
	}
	if (audit_anchor_key(buf, n, key, &err)) {
		fprintf(stderr, "cartref: key file %s: %s\n", path,
			err_text(&err));
		goto out;
	}
	rc = 0;
out:
	sodium_memzero(buf, sizeof(buf));
	close(fd);
	return rc;
}

/* audit verify [--anchor ANCHOR --key-file FILE] and audit anchor
 * --key-file FILE (anchor: true). */
static int audit_verify_cmd(struct cli *cl, int argc, char **argv,
			    bool anchor)
{
	static const struct option opts[] = {
		{ "anchor", required_argument, NULL, 'a' },
		{ "key-file", required_argument, NULL, 'k' },
		{ NULL, 0, NULL, 0 },
	};
	const char *want = NULL, *key_file = NULL;
	const char *cmd = anchor ? "anchor" : "verify";
	unsigned char key[AUDIT_KEY_BYTES];
	char hash[AUDIT_HASH_HEX + 1], out[AUDIT_ANCHOR_MAX];
	struct err err = ERR_INIT;
	struct store *s = NULL;
	int64_t bad = 0, n = 0, head = 0;
	int opt, rc;

	optind = 1;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (opt) {
		case 'a':
			if (anchor)
				return usage_error("audit anchor takes only "
						   "--key-file");
			want = optarg;
			break;
		case 'k':
			key_file = optarg;
			break;
		default:
			return 2;
		}
	}
	if (optind != argc)
		return usage_error("audit %s takes only options", cmd);
	if (anchor && !key_file)
		return usage_error("audit anchor needs --key-file FILE");
	if (!anchor && !want != !key_file)
		return usage_error("audit verify takes --anchor and --key-file "
				   "together");
	if (key_file && read_key_file(key_file, key))
		return 2;
	rc = open_store(cl, &s);
	if (rc)
		goto done;
	if (anchor)
		rc = audit_anchor(s, key, out, &bad, &n, &err);
	else if (want)
		rc = audit_verify_anchor(s, want, key, &bad, &n, &err);
	else
		rc = audit_verify(s, &bad, &n, &err);
	if (!rc)
		rc = store_audit_head(s, &head, hash, &err);
	store_close(s);
	if (rc == ERR_DENIED) {
		fprintf(stderr, "cartref: anchor refused: %s\n",
			err_text(&err));
		rc = 1;
		goto done;
	}
	if (rc == ERR_CONSTRAINT) {
		fprintf(stderr, "cartref: audit trail NOT intact: %s\n",
			err_text(&err));
		if (bad)
			fprintf(stderr, "cartref: first bad row: %" PRId64
				" (%" PRId64 " rows before it are intact)\n",
				bad, n);
		rc = 1;
		goto done;
	}
	if (rc) {
		rc = cli_fail(&err);
		goto done;
	}
	if (anchor) {
		printf("%s\n", out);
		goto done;
	}
	printf("audit trail intact: %" PRId64 " rows\n", n);
	if (head)
		printf("head: row %" PRId64 " %s\n", head, hash);
	if (want)
		printf("anchor: holds\n");
done:
	sodium_memzero(key, sizeof(key));
	return rc;
}

int cmd_audit(struct cli *cl, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage(cli_usage_of("audit"), true);
	if (!strcmp(argv[1], "verify"))
		return audit_verify_cmd(cl, argc - 1, argv + 1, false);
	if (!strcmp(argv[1], "anchor"))
		return audit_verify_cmd(cl, argc - 1, argv + 1, true);
	if (!strcmp(argv[1], "list"))
		return audit_list(cl, argc - 1, argv + 1);
	fprintf(stderr, "cartref: no audit command \"%s\" (see cartref audit "
		"--help)\n", argv[1]);
	return 2;
}
