/*
 * store.c: backend selection and the public store API (see store.h).
 * Checks arguments once here so that backends can trust them.
 */
#include "base/compat.h"
#include "base/parse.h"
#include "base/xalloc.h"
#include "store/store-internal.h"

struct store {
	const struct store_backend *be;
	void *impl;
};

static const struct store_backend *const backends[] = {
	&store_sqlite_backend,
};

int store_open(struct store **out, const char *location, struct err *err)
{
	const struct store_backend *be = NULL;
	struct store *s;
	int rc;

	if (!location || !*location)
		return err_set(err, ERR_USAGE, "no store location given");
	for (size_t i = 0; i < ARRAY_SIZE(backends); i++)
		if (backends[i]->accepts(location)) {
			be = backends[i];
			break;
		}
	if (!be)
		return err_set(err, ERR_UNSUPPORTED,
			       "no store backend for \"%s\"", location);
	s = xcalloc(1, sizeof(*s));
	s->be = be;
	rc = be->open(&s->impl, location, err);
	if (!rc)
		rc = be->migrate(s->impl, err);
	if (rc) {
		if (s->impl)
			be->close(s->impl);
		free(s);
		return rc;
	}
	*out = s;
	return 0;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	s->be->close(s->impl);
	free(s);
}

int store_schema_version(struct store *s, int *version, struct err *err)
{
	return s->be->schema_version(s->impl, version, err);
}

int store_schema_latest(void)
{
	return store_sqlite_latest();
}

int store_begin(struct store *s, struct err *err)
{
	return s->be->begin(s->impl, err);
}

int store_commit(struct store *s, struct err *err)
{
	return s->be->commit(s->impl, err);
}

void store_rollback(struct store *s)
{
	s->be->rollback(s->impl);
}

bool store_geo_loaded(struct store *s)
{
	return s->be->geo_loaded(s->impl);
}

int store_la_put(struct store *s, const struct la *la, struct err *err)
{
	if (strlen(la->code) != LA_CODE_MAX)
		return err_set(err, ERR_INVALID,
			       "local authority code \"%s\" is not a GSS code",
			       la->code);
	return s->be->la_put(s->impl, la, err);
}

int store_outcode_put(struct store *s, const char *outcode,
		      const struct grid_ref *g, const char *la_code,
		      struct err *err)
{
	return s->be->outcode_put(s->impl, outcode, g, la_code, err);
}

int store_postcode_put(struct store *s, const char *postcode,
		       const struct grid_ref *g, const char *la_code,
		       struct err *err)
{
	return s->be->postcode_put(s->impl, postcode, g, la_code, err);
}

int store_geo_mark_loaded(struct store *s, const char *source,
			  struct err *err)
{
	return s->be->geo_mark_loaded(s->impl, source, err);
}

int store_la_get(struct store *s, const char *code, struct la *out,
		 struct err *err)
{
	return s->be->la_get(s->impl, code, out, err);
}

int store_councils_each(struct store *s, const char *country,
			store_la_fn *fn, void *ctx, struct err *err)
{
	return s->be->councils_each(s->impl, country, fn, ctx, err);
}

int store_postcode_locate(struct store *s, const char *postcode,
			  struct grid_ref *out, bool *exact,
			  char la_out[LA_CODE_MAX + 1], struct err *err)
{
	bool ex;

	return s->be->postcode_locate(s->impl, postcode, out,
				      exact ? exact : &ex, la_out, err);
}

int store_distance_tenths(struct store *s, const char *a, const char *b,
			  int32_t *tenths, bool *exact, struct err *err)
{
	const char *in[2] = { a, b };
	char pc[POSTCODE_MAX + 1];
	struct grid_ref g[2];
	bool ex[2];
	int rc;

	for (int i = 0; i < 2; i++) {
		if (postcode_normalise(in[i], pc) == POSTCODE_BAD)
			return err_set(err, ERR_NOT_FOUND,
				       "\"%.16s\" is not a UK postcode", in[i]);
		rc = s->be->postcode_locate(s->impl, pc, &g[i], &ex[i], NULL,
					    err);
		if (rc)
			return rc;
	}
	*tenths = geo_distance_tenths(&g[0], &g[1]);
	if (exact)
		*exact = ex[0] && ex[1];
	return 0;
}

int store_postcodes_in_la(struct store *s, const char *la_code,
			  store_postcode_fn *fn, void *ctx, struct err *err)
{
	return s->be->postcodes_in_la(s->impl, la_code, fn, ctx, err);
}

int store_geo_each(struct store *s, store_geo_fn *fn, void *ctx,
		   struct err *err)
{
	return s->be->geo_each(s->impl, fn, ctx, err);
}

int store_outcodes_in_la(struct store *s, const char *la_code,
			 store_postcode_fn *fn, void *ctx, struct err *err)
{
	return s->be->outcodes_in_la(s->impl, la_code, fn, ctx, err);
}

int store_home_put(struct store *s, const struct home *h, struct err *err)
{
	if (!h->urn[0] || !h->name[0] || !h->provider[0])
		return err_set(err, ERR_INVALID,
			       "a home needs a URN, a name and a provider");
	return s->be->home_put(s->impl, h, err);
}

int store_homes_each(struct store *s, store_home_fn *fn, void *ctx,
		     struct err *err)
{
	return s->be->homes_each(s->impl, fn, ctx, err);
}

int store_return_replace(struct store *s, const struct s903_return *r,
			 struct err *err)
{
	if (!r->la[0] || r->year < 2000 || r->year > 2100)
		return err_set(err, ERR_INVALID,
			       "a return needs a council and a year");
	return s->be->return_replace(s->impl, r, err);
}

int store_return_load(struct store *s, const char *la, int year,
		      struct s903_return *out, struct err *err)
{
	return s->be->return_load(s->impl, la, year, out, err);
}

int store_returns_each(struct store *s, store_return_fn *fn, void *ctx,
		       struct err *err)
{
	return s->be->returns_each(s->impl, fn, ctx, err);
}

int store_history_load(struct store *s, struct history *out,
		       struct err *err)
{
	int rc = s->be->history_load(s->impl, out, err);

	if (rc)
		history_release(out);
	return rc;
}

int store_stats(struct store *s, struct store_stats *out, struct err *err)
{
	memset(out, 0, sizeof(*out));
	return s->be->stats(s->impl, out, err);
}

/* ==== people, organisations, sessions, API tokens, audit (issue 4) ==== */

static const char *const org_kind_names[ORG_NKINDS] = {
	[ORG_INSPECTORATE] = "inspectorate",
	[ORG_COUNCIL] = "council",
	[ORG_PROVIDER] = "provider",
	[ORG_POLICE] = "police",
	[ORG_HEALTH_BOARD] = "health_board",
};

static const char *const role_names[ROLE_N] = {
	[ROLE_INSPECTOR] = "inspector",
	[ROLE_ANALYST] = "analyst",
	[ROLE_COUNCIL_SOCIAL_WORKER] = "council_social_worker",
	[ROLE_COUNCIL_PLACEMENTS] = "council_placements",
	[ROLE_HOME_MANAGER] = "home_manager",
	[ROLE_POLICE_MISSING_COORDINATOR] = "police_missing_coordinator",
	[ROLE_ADMIN] = "admin",
};

const char *org_kind_name(enum org_kind k)
{
	if ((unsigned)k >= ORG_NKINDS)
		BUG("org kind %d", (int)k);
	return org_kind_names[k];
}

int org_kind_parse(const char *s, enum org_kind *out)
{
	for (int i = 0; i < ORG_NKINDS; i++)
		if (!strcmp(s, org_kind_names[i])) {
			*out = (enum org_kind)i;
			return 0;
		}
	return ERR_INVALID;
}

const char *role_name(enum role r)
{
	if ((unsigned)r >= ROLE_N)
		BUG("role %d", (int)r);
	return role_names[r];
}

int role_parse(const char *s, enum role *out)
{
	for (int i = 0; i < ROLE_N; i++)
		if (!strcmp(s, role_names[i])) {
			*out = (enum role)i;
			return 0;
		}
	return ERR_INVALID;
}

#define MS_PER_DAY 86400000LL

void store_time_fmt(int64_t ms, char out[STORE_TIME_MAX])
{
	int64_t days = ms / MS_PER_DAY, rest = ms % MS_PER_DAY;
	char date[DATE_STR_MAX];

	if (rest < 0) {
		rest += MS_PER_DAY;
		days--;
	}
	date_fmt_iso((int32_t)days, date);
	snprintf(out, STORE_TIME_MAX, "%sT%02d:%02d:%02d.%03dZ", date,
		 (int)(rest / 3600000), (int)(rest / 60000 % 60),
		 (int)(rest / 1000 % 60), (int)(rest % 1000));
}

/* n ASCII digits at s as a number, or -1. */
static int time_digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int store_time_parse(const char *s, int64_t *ms)
{
	char date[DATE_STR_MAX];
	int h, mi, se, milli;
	int32_t days;

	if (strlen(s) != STORE_TIME_MAX - 1 || s[10] != 'T' || s[13] != ':' ||
	    s[16] != ':' || s[19] != '.' || s[23] != 'Z')
		return ERR_INVALID;
	memcpy(date, s, 10);
	date[10] = '\0';
	h = time_digits(s + 11, 2);
	mi = time_digits(s + 14, 2);
	se = time_digits(s + 17, 2);
	milli = time_digits(s + 20, 3);
	if (parse_date_iso(date, &days) || h < 0 || h > 23 || mi < 0 ||
	    mi > 59 || se < 0 || se > 59 || milli < 0)
		return ERR_INVALID;
	*ms = (int64_t)days * MS_PER_DAY + h * 3600000LL + mi * 60000LL +
	      se * 1000LL + milli;
	return 0;
}

/* Is s no longer than max bytes? */
static bool fits(const char *s, size_t max)
{
	return s && strnlen(s, max + 1) <= max;
}

int store_org_add(struct store *s, const struct org *o, int64_t *id,
		  struct err *err)
{
	int64_t got;

	if ((unsigned)o->kind >= ORG_NKINDS || !o->code[0] || !o->name_en[0])
		return err_set(err, ERR_INVALID,
			       "an organisation needs a kind, a code and a "
			       "name");
	if ((o->kind == ORG_COUNCIL) != (o->la[0] != '\0') ||
	    (o->kind != ORG_PROVIDER && o->provider[0]))
		return err_set(err, ERR_INVALID,
			       "only a council has a local authority and only "
			       "a provider a register provider");
	return s->be->org_add(s->impl, o, id ? id : &got, err);
}

int store_org_get(struct store *s, enum org_kind kind, const char *code,
		  struct org *out, struct err *err)
{
	if ((unsigned)kind >= ORG_NKINDS)
		BUG("org kind %d", (int)kind);
	return s->be->org_get(s->impl, kind, code, out, err);
}

int store_org_get_id(struct store *s, int64_t id, struct org *out,
		     struct err *err)
{
	return s->be->org_get_id(s->impl, id, out, err);
}

int store_orgs_each(struct store *s, store_org_fn *fn, void *ctx,
		    struct err *err)
{
	return s->be->orgs_each(s->impl, fn, ctx, err);
}

int store_org_area_add(struct store *s, int64_t org_id, const char *la_code,
		       struct err *err)
{
	if (strlen(la_code) != LA_CODE_MAX)
		return err_set(err, ERR_INVALID, "\"%.40s\" is not a GSS code",
			       la_code);
	return s->be->org_area_add(s->impl, org_id, la_code, err);
}

int store_org_areas_each(struct store *s, int64_t org_id, store_code_fn *fn,
			 void *ctx, struct err *err)
{
	return s->be->org_areas_each(s->impl, org_id, fn, ctx, err);
}

int store_user_add(struct store *s, const struct user *u,
		   const char *password_hash, int64_t *id, struct err *err)
{
	int64_t got;

	if (!u->email[0] || !u->name[0] || (unsigned)u->role >= ROLE_N ||
	    !fits(password_hash, STORE_PWHASH_MAX - 1))
		return err_set(err, ERR_INVALID,
			       "a user needs an email address, a name, a role "
			       "and a password hash");
	return s->be->user_add(s->impl, u, password_hash, id ? id : &got,
			       err);
}

int store_user_by_email(struct store *s, const char *email, struct user *out,
			char *password_hash, struct err *err)
{
	memset(out, 0, sizeof(*out));
	return s->be->user_by_email(s->impl, email, out, password_hash, err);
}

int store_user_by_id(struct store *s, int64_t id, struct user *out,
		     char *password_hash, struct err *err)
{
	memset(out, 0, sizeof(*out));
	return s->be->user_by_id(s->impl, id, out, password_hash, err);
}

int store_users_each(struct store *s, store_user_fn *fn, void *ctx,
		     struct err *err)
{
	return s->be->users_each(s->impl, fn, ctx, err);
}

int store_user_set_disabled(struct store *s, int64_t id, bool disabled,
			    struct err *err)
{
	return s->be->user_set_disabled(s->impl, id, disabled, err);
}

int store_user_set_password(struct store *s, int64_t id,
			    const char *password_hash, int64_t changed_at,
			    struct err *err)
{
	if (!fits(password_hash, STORE_PWHASH_MAX - 1))
		return err_set(err, ERR_INVALID, "bad password hash");
	return s->be->user_set_password(s->impl, id, password_hash,
					changed_at, err);
}

int store_session_add(struct store *s, const struct session_row *r,
		      int64_t *id, struct err *err)
{
	int64_t got;

	if (!r->user_id || !r->csrf[0])
		return err_set(err, ERR_INVALID,
			       "a session needs a user and a CSRF token");
	return s->be->session_add(s->impl, r, id ? id : &got, err);
}

int store_session_get(struct store *s,
		      const uint8_t hash[STORE_TOKEN_HASH_BYTES],
		      struct session_row *out, struct err *err)
{
	memset(out, 0, sizeof(*out));
	return s->be->session_get(s->impl, hash, out, err);
}

int store_session_touch(struct store *s, int64_t id, int64_t last_seen_at,
			int64_t expires_at, struct err *err)
{
	return s->be->session_touch(s->impl, id, last_seen_at, expires_at,
				    err);
}

int store_session_delete(struct store *s, int64_t id, struct err *err)
{
	return s->be->session_delete(s->impl, id, err);
}

int store_sessions_delete_user(struct store *s, int64_t user_id,
			       struct err *err)
{
	return s->be->sessions_delete_user(s->impl, user_id, err);
}

int store_sessions_purge(struct store *s, int64_t now, struct err *err)
{
	return s->be->sessions_purge(s->impl, now, err);
}

int store_api_token_add(struct store *s, const struct api_token_row *r,
			int64_t *id, struct err *err)
{
	int64_t got;

	if (!r->user_id || !r->label[0])
		return err_set(err, ERR_INVALID,
			       "an API token needs a user and a label");
	return s->be->api_token_add(s->impl, r, id ? id : &got, err);
}

int store_api_token_get(struct store *s,
			const uint8_t hash[STORE_TOKEN_HASH_BYTES],
			struct api_token_row *out, struct err *err)
{
	memset(out, 0, sizeof(*out));
	return s->be->api_token_get(s->impl, hash, out, err);
}

int store_api_token_get_id(struct store *s, int64_t id,
			   struct api_token_row *out, struct err *err)
{
	memset(out, 0, sizeof(*out));
	return s->be->api_token_get_id(s->impl, id, out, err);
}

int store_api_token_touch(struct store *s, int64_t id, int64_t at,
			  struct err *err)
{
	return s->be->api_token_touch(s->impl, id, at, err);
}

int store_api_token_revoke(struct store *s, int64_t id, int64_t at,
			   struct err *err)
{
	return s->be->api_token_revoke(s->impl, id, at, err);
}

int store_api_tokens_revoke_user(struct store *s, int64_t user_id,
				 int64_t at, struct err *err)
{
	return s->be->api_tokens_revoke_user(s->impl, user_id, at, err);
}

int store_api_tokens_each(struct store *s, int64_t user_id,
			  store_api_token_fn *fn, void *ctx, struct err *err)
{
	return s->be->api_tokens_each(s->impl, user_id, fn, ctx, err);
}

int store_login_fail_add(struct store *s, const char *key, int64_t at,
			 struct err *err)
{
	if (!fits(key, STORE_THROTTLE_KEY_MAX))
		return err_set(err, ERR_INVALID, "throttling key too long");
	return s->be->login_fail_add(s->impl, key, at, err);
}

int store_login_fails_count(struct store *s, const char *key, int64_t since,
			    long *n, struct err *err)
{
	*n = 0;
	return s->be->login_fails_count(s->impl, key, since, n, err);
}

int store_login_fails_clear(struct store *s, const char *key,
			    struct err *err)
{
	return s->be->login_fails_clear(s->impl, key, err);
}

int store_login_fails_purge(struct store *s, int64_t before,
			    struct err *err)
{
	return s->be->login_fails_purge(s->impl, before, err);
}

int store_audit_head(struct store *s, int64_t *id,
		     char hash[AUDIT_HASH_HEX + 1], struct err *err)
{
	*id = 0;
	hash[0] = '\0';
	return s->be->audit_head(s->impl, id, hash, err);
}

int store_audit_insert(struct store *s, const struct audit_row *r,
		       struct err *err)
{
	if (r->id < 1 || strlen(r->at) != STORE_TIME_MAX - 1 ||
	    !r->action[0] || strlen(r->prev_hash) != AUDIT_HASH_HEX ||
	    strlen(r->hash) != AUDIT_HASH_HEX)
		return err_set(err, ERR_INVALID, "incomplete audit row");
	return s->be->audit_insert(s->impl, r, err);
}

int store_audit_list(struct store *s, const struct audit_query *q,
		     store_audit_fn *fn, void *ctx, struct err *err)
{
	if (q->limit < 1 || q->limit > 1000)
		return err_set(err, ERR_INVALID,
			       "an audit page is 1 to 1000 rows");
	return s->be->audit_list(s->impl, q, fn, ctx, err);
}

int store_audit_scan(struct store *s, store_audit_fn *fn, void *ctx,
		     struct err *err)
{
	return s->be->audit_scan(s->impl, fn, ctx, err);
}

int store_audit_protected(struct store *s, bool *yes, struct err *err)
{
	*yes = false;
	return s->be->audit_protected(s->impl, yes, err);
}

/* ==== what each viewer may see (docs/access.md) ==== */

/* Filter strings longer than this cannot match anything. */
#define FILTER_TEXT_MAX 64

/* A viewer fit to ask at all; with children, one that may see some and
 * can be audited. */
static int viewer_check(const struct viewer *v, bool children,
			struct err *err)
{
	if (!v || (unsigned)v->access >= VIEWER_NACCESS ||
	    v->today < date_from_ymd(DATE_MIN_YEAR, 1, 1) ||
	    v->today > date_from_ymd(DATE_MAX_YEAR, 12, 31))
		return err_set(err, ERR_DENIED, "not signed in");
	if (!children)
		return 0;
	if (v->access == VIEWER_NONE)
		return err_set(err, ERR_DENIED, "this role sees aggregate "
			       "figures only, not individual children");
	if (!v->audit)
		return err_set(err, ERR_DENIED, "views of children are "
			       "audited, and this viewer has no audit trail");
	return 0;
}

static void page_clamp(long page, long size, long *page_out,
		       long *size_out)
{
	if (size <= 0)
		size = STORE_PAGE_DEFAULT;
	if (size > STORE_PAGE_MAX)
		size = STORE_PAGE_MAX;
	if (page < 0)
		page = 0;
	if (page > STORE_PAGE_LAST)
		page = STORE_PAGE_LAST;
	*page_out = page;
	*size_out = size;
}

/* Can filter text f match anything (NULL and "" match everything)? */
static bool filter_ok(const char *f)
{
	return !f || strnlen(f, FILTER_TEXT_MAX + 1) <= FILTER_TEXT_MAX;
}

/* The children a list shows, for its audit row: "LA/REF LA/REF ...",
 * and "(+N more)" when they do not all fit in the detail column. */
struct names {
	char text[AUDIT_DETAIL_MAX + 1];
	size_t len;
	size_t left_out;
};

static void names_add(struct names *nm, const char *la, const char *ref)
{
	char one[LA_CODE_MAX + S903_CHILD_MAX + 4];
	int n = snprintf(one, sizeof(one), "%s%s/%s", nm->len ? " " : "",
			 la, ref);

	/* keep room for " (+NNNN more)" */
	if (n < 0 || nm->len + (size_t)n + 16 > AUDIT_DETAIL_MAX) {
		nm->left_out++;
		return;
	}
	memcpy(nm->text + nm->len, one, (size_t)n + 1);
	nm->len += (size_t)n;
}

static const char *names_text(struct names *nm)
{
	if (nm->left_out)
		snprintf(nm->text + nm->len, sizeof(nm->text) - nm->len,
			 " (+%zu more)", nm->left_out);
	return nm->text;
}

int store_children_list(struct store *s, const struct viewer *v,
			const struct child_filter *f, struct child_page *out,
			struct err *err)
{
	struct names nm = { "", 0, 0 };
	int rc;

	memset(out, 0, sizeof(*out));
	page_clamp(f->page, f->page_size, &out->page, &out->page_size);
	rc = viewer_check(v, true, err);
	if (rc)
		return rc;
	if (!filter_ok(f->la) || !filter_ok(f->ref_prefix))
		return 0;
	rc = s->be->children_list(s->impl, v, f, out, err);
	if (!rc && out->n) {
		for (size_t i = 0; i < out->n; i++)
			names_add(&nm, out->rows[i].la, out->rows[i].ref);
		rc = v->audit(s, v, "list", "children",
			      f->la ? f->la : "", names_text(&nm), err);
	}
	if (rc) {
		long page = out->page, size = out->page_size;

		memset(out, 0, sizeof(*out));
		out->page = page;
		out->page_size = size;
	}
	return rc;
}

void child_record_release(struct child_record *r)
{
	free(r->episodes);
	free(r->missing);
	free(r->oc2);
	memset(r, 0, sizeof(*r));
}

int store_child_record(struct store *s, const struct viewer *v,
		       const char *la, const char *ref,
		       struct child_record *out, struct err *err)
{
	char subject[AUDIT_SUBJECT_MAX + 1], detail[96];
	bool exists = false;
	int rc;

	child_record_release(out);
	rc = viewer_check(v, false, err);
	if (rc)
		return rc;
	snprintf(subject, sizeof(subject), "%.20s/%.40s", la ? la : "",
		 ref ? ref : "");
	if (v->access == VIEWER_NONE) {
		if (v->audit)
			v->audit(s, v, "view-denied", "child", subject,
				 "role sees aggregates only", NULL);
		return viewer_check(v, true, err);
	}
	rc = viewer_check(v, true, err);
	if (rc)
		return rc;
	rc = ERR_NOT_FOUND;
	if (la && ref && strlen(la) == LA_CODE_MAX && ref[0] &&
	    strnlen(ref, S903_CHILD_MAX + 1) <= S903_CHILD_MAX)
		rc = s->be->child_record(s->impl, v, la, ref, &exists, out,
					 err);
	if (rc == ERR_NOT_FOUND) {
		/* the same answer, cost and audit row either way */
		child_record_release(out);
		rc = v->audit(s, v, "view-denied", "child", subject,
			      exists ? "out of scope" : "no such child", err);
		return rc ? rc : err_set(err, ERR_NOT_FOUND, "no such child");
	}
	if (rc) {
		child_record_release(out);
		return rc;
	}
	snprintf(detail, sizeof(detail),
		 "as %s: %zu episodes, %zu missing periods, %zu OC2 rows",
		 viewer_access_name(v->access), out->nepisodes, out->nmissing,
		 out->noc2);
	rc = v->audit(s, v, "view", "child", subject, detail, err);
	if (rc)
		child_record_release(out);
	return rc;
}

int store_homes_list(struct store *s, const struct viewer *v,
		     const struct home_filter *f, struct home_page *out,
		     struct err *err)
{
	int rc;

	memset(out, 0, sizeof(*out));
	page_clamp(f->page, f->page_size, &out->page, &out->page_size);
	rc = viewer_check(v, false, err);
	if (rc)
		return rc;
	if (!filter_ok(f->la) || !filter_ok(f->provider_type))
		return 0;
	return s->be->homes_list(s->impl, v, f, out, err);
}

int store_home_profile(struct store *s, const struct viewer *v,
		       const char *urn, struct home_profile *out,
		       struct err *err)
{
	struct names nm = { "", 0, 0 };
	int rc;

	memset(out, 0, sizeof(*out));
	rc = viewer_check(v, true, err);
	if (rc)
		return rc;
	if (!urn || !urn[0] || strnlen(urn, S903_URN_MAX + 1) > S903_URN_MAX)
		return err_set(err, ERR_NOT_FOUND, "no such home");
	rc = s->be->home_profile(s->impl, v, urn, out, err);
	if (!rc && out->nchildren) {
		for (size_t i = 0; i < out->nchildren; i++)
			names_add(&nm, out->children[i].la,
				  out->children[i].ref);
		rc = v->audit(s, v, "view", "home", urn, names_text(&nm),
			      err);
	}
	if (rc)
		memset(out, 0, sizeof(*out));
	return rc;
}

int store_missing_open(struct store *s, const struct viewer *v,
		       const struct missing_filter *f,
		       struct missing_page *out, struct err *err)
{
	struct names nm = { "", 0, 0 };
	int rc;

	memset(out, 0, sizeof(*out));
	page_clamp(f->page, f->page_size, &out->page, &out->page_size);
	rc = viewer_check(v, true, err);
	if (rc)
		return rc;
	if (!filter_ok(f->la) || !filter_ok(f->urn))
		return 0;
	rc = s->be->missing_open(s->impl, v, f, out, err);
	if (!rc && out->n) {
		for (size_t i = 0; i < out->n; i++)
			names_add(&nm, out->rows[i].la, out->rows[i].ref);
		rc = v->audit(s, v, "list", "missing",
			      f->urn ? f->urn : f->la ? f->la : "",
			      names_text(&nm), err);
	}
	if (rc) {
		long page = out->page, size = out->page_size;

		memset(out, 0, sizeof(*out));
		out->page = page;
		out->page_size = size;
	}
	return rc;
}
