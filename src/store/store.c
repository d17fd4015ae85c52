/*
 * store.c: backend selection and the public store API (see store.h).
 * Checks arguments once here so that backends can trust them.
 */
#include "base/compat.h"
#include "base/parse.h"
#include "base/xalloc.h"
#include "store/db.h"
#include "store/store-priv.h"

static int audit_restore(struct sql *db, struct err *err)
{
	return db_audit_restore(db, err);
}

int store_open(struct store **out, const char *location, struct err *err)
{
	struct sql *db = NULL;
	bool lost = false;
	int rc;

	if (!location || !*location)
		return err_set(err, ERR_USAGE, "no store location given");
	rc = sql_open(&db, location, err);
	/* a change kept without its audit rows by a crash: restore them */
	if (!rc)
		rc = db_audit_lost(db, &lost, err);
	if (!rc && lost)
		rc = sql_in_tx(db, audit_restore, err);
	if (rc) {
		sql_close(db);
		return rc;
	}
	*out = xcalloc(1, sizeof(**out));
	(*out)->db = db;
	return 0;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	sql_close(s->db);
	free(s);
}

int store_schema_version(struct store *s, int *version, struct err *err)
{
	return sql_driver(s->db)->schema_version(s->db, version, err);
}

int store_schema_latest(void)
{
	return SQL_SCHEMA_LATEST;
}

int store_begin(struct store *s, struct err *err)
{
	return sql_begin(s->db, err);
}

int store_commit(struct store *s, struct err *err)
{
	return sql_commit(s->db, err);
}

void store_rollback(struct store *s)
{
	sql_rollback(s->db);
}

bool store_geo_loaded(struct store *s)
{
	return db_geo_loaded(s->db);
}

int store_la_put(struct store *s, const struct la *la, struct err *err)
{
	if (strlen(la->code) != LA_CODE_MAX)
		return err_set(err, ERR_INVALID,
			       "local authority code \"%s\" is not a GSS code",
			       la->code);
	return db_la_put(s->db, la, err);
}

int store_outcode_put(struct store *s, const char *outcode,
		      const struct grid_ref *g, const char *la_code,
		      struct err *err)
{
	return db_outcode_put(s->db, outcode, g, la_code, err);
}

int store_postcode_put(struct store *s, const char *postcode,
		       const struct grid_ref *g, const char *la_code,
		       struct err *err)
{
	return db_postcode_put(s->db, postcode, g, la_code, err);
}

int store_geo_mark_loaded(struct store *s, const char *source,
			  struct err *err)
{
	return db_geo_mark_loaded(s->db, source, err);
}

int store_la_get(struct store *s, const char *code, struct la *out,
		 struct err *err)
{
	return db_la_get(s->db, code, out, err);
}

int store_councils_each(struct store *s, const char *country,
			store_la_fn *fn, void *ctx, struct err *err)
{
	return db_councils_each(s->db, country, fn, ctx, err);
}

int store_postcode_locate(struct store *s, const char *postcode,
			  struct grid_ref *out, bool *exact,
			  char la_out[LA_CODE_MAX + 1], struct err *err)
{
	bool ex;

	return db_postcode_locate(s->db, postcode, out,
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
		rc = db_postcode_locate(s->db, pc, &g[i], &ex[i], NULL,
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
	return db_postcodes_in_la(s->db, la_code, fn, ctx, err);
}

int store_geo_each(struct store *s, store_geo_fn *fn, void *ctx,
		   struct err *err)
{
	return db_geo_each(s->db, fn, ctx, err);
}

int store_outcodes_in_la(struct store *s, const char *la_code,
			 store_postcode_fn *fn, void *ctx, struct err *err)
{
	return db_outcodes_in_la(s->db, la_code, fn, ctx, err);
}

int store_home_put(struct store *s, const struct home *h, struct err *err)
{
	if (!h->urn[0] || !h->name[0] || !h->provider[0])
		return err_set(err, ERR_INVALID,
			       "a home needs a URN, a name and a provider");
	return db_home_put(s->db, h, err);
}

int store_homes_each(struct store *s, store_home_fn *fn, void *ctx,
		     struct err *err)
{
	return db_homes_each(s->db, fn, ctx, err);
}

int store_return_replace(struct store *s, const struct s903_return *r,
			 struct err *err)
{
	if (!r->la[0] || r->year < 2000 || r->year > 2100)
		return err_set(err, ERR_INVALID,
			       "a return needs a council and a year");
	return db_return_replace(s->db, r, err);
}

int store_return_load(struct store *s, const char *la, int year,
		      struct s903_return *out, struct err *err)
{
	return db_return_load(s->db, la, year, out, err);
}

int store_returns_each(struct store *s, store_return_fn *fn, void *ctx,
		       struct err *err)
{
	return db_returns_each(s->db, fn, ctx, err);
}

int store_history_load(struct store *s, struct history *out,
		       struct err *err)
{
	int rc = db_history_load(s->db, out, err);

	if (rc)
		history_release(out);
	return rc;
}

int store_data_generation(struct store *s, int64_t *gen, struct err *err)
{
	*gen = 0;
	return db_data_generation(s->db, gen, err);
}

int store_stats(struct store *s, struct store_stats *out, struct err *err)
{
	memset(out, 0, sizeof(*out));
	return db_stats(s->db, out, err);
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
	h = parse_digits(s + 11, 2);
	mi = parse_digits(s + 14, 2);
	se = parse_digits(s + 17, 2);
	milli = parse_digits(s + 20, 3);
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
	return db_org_add(s->db, o, id ? id : &got, err);
}

int store_org_get(struct store *s, enum org_kind kind, const char *code,
		  struct org *out, struct err *err)
{
	if ((unsigned)kind >= ORG_NKINDS)
		BUG("org kind %d", (int)kind);
	return db_org_get(s->db, kind, code, out, err);
}

int store_org_get_id(struct store *s, int64_t id, struct org *out,
		     struct err *err)
{
	return db_org_get_id(s->db, id, out, err);
}

int store_orgs_each(struct store *s, store_org_fn *fn, void *ctx,
		    struct err *err)
{
	return db_orgs_each(s->db, fn, ctx, err);
}

int store_org_area_add(struct store *s, int64_t org_id, const char *la_code,
		       struct err *err)
{
	if (strlen(la_code) != LA_CODE_MAX)
		return err_set(err, ERR_INVALID, "\"%.40s\" is not a GSS code",
			       la_code);
	return db_org_area_add(s->db, org_id, la_code, err);
}

int store_org_areas_each(struct store *s, int64_t org_id, store_code_fn *fn,
			 void *ctx, struct err *err)
{
	return db_org_areas_each(s->db, org_id, fn, ctx, err);
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
	return db_user_add(s->db, u, password_hash, id ? id : &got,
			       err);
}

int store_user_by_email(struct store *s, const char *email, struct user *out,
			char *password_hash, struct err *err)
{
	memset(out, 0, sizeof(*out));
	return db_user_by_email(s->db, email, out, password_hash, err);
}

int store_user_by_id(struct store *s, int64_t id, struct user *out,
		     char *password_hash, struct err *err)
{
	memset(out, 0, sizeof(*out));
	return db_user_by_id(s->db, id, out, password_hash, err);
}

int store_users_each(struct store *s, store_user_fn *fn, void *ctx,
		     struct err *err)
{
	return db_users_each(s->db, fn, ctx, err);
}

int store_user_set_disabled(struct store *s, int64_t id, bool disabled,
			    struct err *err)
{
	return db_user_set_disabled(s->db, id, disabled, err);
}

int store_user_set_password(struct store *s, int64_t id,
			    const char *password_hash, int64_t changed_at,
			    struct err *err)
{
	if (!fits(password_hash, STORE_PWHASH_MAX - 1))
		return err_set(err, ERR_INVALID, "bad password hash");
	return db_user_set_password(s->db, id, password_hash,
					changed_at, err);
}

int store_session_add(struct store *s, const struct session_row *r,
		      int64_t *id, struct err *err)
{
	int64_t got;

	if (!r->user_id || !r->csrf[0])
		return err_set(err, ERR_INVALID,
			       "a session needs a user and a CSRF token");
	return db_session_add(s->db, r, id ? id : &got, err);
}

int store_session_get(struct store *s,
		      const uint8_t hash[STORE_TOKEN_HASH_BYTES],
		      struct session_row *out, struct err *err)
{
	memset(out, 0, sizeof(*out));
	return db_session_get(s->db, hash, out, err);
}

int store_session_touch(struct store *s, int64_t id, int64_t last_seen_at,
			int64_t expires_at, struct err *err)
{
	return db_session_touch(s->db, id, last_seen_at, expires_at,
				    err);
}

int store_session_delete(struct store *s, int64_t id, struct err *err)
{
	return db_session_delete(s->db, id, err);
}

int store_sessions_delete_user(struct store *s, int64_t user_id,
			       struct err *err)
{
	return db_sessions_delete_user(s->db, user_id, err);
}

int store_sessions_purge(struct store *s, int64_t now, struct err *err)
{
	return db_sessions_purge(s->db, now, err);
}

int store_api_token_add(struct store *s, const struct api_token_row *r,
			int64_t *id, struct err *err)
{
	int64_t got;

	if (!r->user_id || !r->label[0])
		return err_set(err, ERR_INVALID,
			       "an API token needs a user and a label");
	return db_api_token_add(s->db, r, id ? id : &got, err);
}

int store_api_token_get(struct store *s,
			const uint8_t hash[STORE_TOKEN_HASH_BYTES],
			struct api_token_row *out, struct err *err)
{
	memset(out, 0, sizeof(*out));
	return db_api_token_get(s->db, hash, out, err);
}

int store_api_token_get_id(struct store *s, int64_t id,
			   struct api_token_row *out, struct err *err)
{
	memset(out, 0, sizeof(*out));
	return db_api_token_get_id(s->db, id, out, err);
}

int store_api_token_who(struct store *s,
			const uint8_t hash[STORE_TOKEN_HASH_BYTES],
			struct api_token_row *tok, struct user *u,
			struct org *o, struct err *err)
{
	memset(tok, 0, sizeof(*tok));
	memset(u, 0, sizeof(*u));
	memset(o, 0, sizeof(*o));
	return db_api_token_who(s->db, hash, tok, u, o, err);
}

int store_api_token_touch(struct store *s, int64_t id, int64_t at,
			  struct err *err)
{
	return db_api_token_touch(s->db, id, at, err);
}

int store_api_token_revoke(struct store *s, int64_t id, int64_t at,
			   struct err *err)
{
	return db_api_token_revoke(s->db, id, at, err);
}

int store_api_tokens_revoke_user(struct store *s, int64_t user_id,
				 int64_t at, struct err *err)
{
	return db_api_tokens_revoke_user(s->db, user_id, at, err);
}

int store_api_tokens_each(struct store *s, int64_t user_id,
			  store_api_token_fn *fn, void *ctx, struct err *err)
{
	return db_api_tokens_each(s->db, user_id, fn, ctx, err);
}

int store_login_fail_add(struct store *s, const char *key, int64_t at,
			 struct err *err)
{
	if (!fits(key, STORE_THROTTLE_KEY_MAX))
		return err_set(err, ERR_INVALID, "throttling key too long");
	return db_login_fail_add(s->db, key, at, err);
}

int store_login_fails_count(struct store *s, const char *key, int64_t since,
			    long *n, struct err *err)
{
	*n = 0;
	return db_login_fails_count(s->db, key, since, n, err);
}

int store_login_fails_clear(struct store *s, const char *key,
			    struct err *err)
{
	return db_login_fails_clear(s->db, key, err);
}

int store_login_fails_purge(struct store *s, int64_t before,
			    struct err *err)
{
	return db_login_fails_purge(s->db, before, err);
}

int store_login_refusal_add(struct store *s, const struct login_refusal *r,
			    long *count, struct err *err)
{
	*count = 0;
	if (!fits(r->key, STORE_THROTTLE_KEY_MAX) ||
	    !fits(r->ip, STORE_IP_MAX) || !fits(r->subject, USER_EMAIL_MAX) ||
	    !fits(r->why, STORE_REFUSAL_WHY_MAX) || !r->key[0])
		return err_set(err, ERR_INVALID, "bad refused sign-in");
	return db_login_refusal_add(s->db, r, count, err);
}

int store_login_refusals_from(struct store *s, const char *ip,
			      const char *ip_key, const char *key, long *n,
			      bool *has_key, struct err *err)
{
	*n = 0;
	*has_key = false;
	return db_login_refusals_from(s->db, ip, ip_key, key, n,
					  has_key, err);
}

int store_login_refusals_ended(struct store *s, int64_t before,
			       store_login_refusal_fn *fn, void *ctx,
			       struct err *err)
{
	return db_login_refusals_ended(s->db, before, fn, ctx, err);
}

int store_login_refusal_close(struct store *s, const char *key,
			      struct err *err)
{
	return db_login_refusal_close(s->db, key, err);
}

int store_audit_head(struct store *s, int64_t *id,
		     char hash[AUDIT_HASH_HEX + 1], struct err *err)
{
	*id = 0;
	hash[0] = '\0';
	return db_audit_head(s->db, id, hash, err);
}

int store_audit_insert(struct store *s, const struct audit_row *r,
		       struct err *err)
{
	if (r->id < 1 || strlen(r->at) != STORE_TIME_MAX - 1 ||
	    !r->action[0] || strlen(r->prev_hash) != AUDIT_HASH_HEX ||
	    strlen(r->hash) != AUDIT_HASH_HEX)
		return err_set(err, ERR_INVALID, "incomplete audit row");
	return db_audit_insert(s->db, r, err);
}

int store_audit_list(struct store *s, const struct audit_query *q,
		     store_audit_fn *fn, void *ctx, struct err *err)
{
	if (q->limit < 1 || q->limit > 1000)
		return err_set(err, ERR_INVALID,
			       "an audit page is 1 to 1000 rows");
	return db_audit_list(s->db, q, fn, ctx, err);
}

int store_audit_scan(struct store *s, store_audit_fn *fn, void *ctx,
		     struct err *err)
{
	return db_audit_scan(s->db, fn, ctx, err);
}

int store_audit_protected(struct store *s, bool *yes, struct err *err)
{
	*yes = false;
	return db_audit_protected(s->db, yes, err);
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

/*
 * viewer_check(v, true), with the refusal of a role that sees aggregates
 * only audited ("view-denied", or "change-denied" for a change), as every
 * refusal of a scoped read or change is.
 */
static int scoped_viewer(struct store *s, const struct viewer *v,
			 bool change, const char *kind, const char *subject,
			 struct err *err)
{
	int rc = viewer_check(v, false, err);

	if (rc)
		return rc;
	if (v->access == VIEWER_NONE && v->audit)
		v->audit(s, v, change ? "change-denied" : "view-denied", kind,
			 subject, "role sees aggregates only", NULL);
	return viewer_check(v, true, err);
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
	rc = scoped_viewer(s, v, false, "children", f->la ? f->la : "", err);
	if (rc)
		return rc;
	if (!filter_ok(f->la) || !filter_ok(f->ref_prefix) || !filter_ok(f->urn))
		return 0;
	rc = db_children_list(s->db, v, f, out, err);
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
	snprintf(subject, sizeof(subject), "%.20s/%.40s", la ? la : "",
		 ref ? ref : "");
	rc = scoped_viewer(s, v, false, "child", subject, err);
	if (rc)
		return rc;
	rc = ERR_NOT_FOUND;
	if (la && ref && strlen(la) == LA_CODE_MAX && ref[0] &&
	    strnlen(ref, S903_CHILD_MAX + 1) <= S903_CHILD_MAX)
		rc = db_child_record(s->db, v, la, ref, &exists, out,
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

int store_child_in_scope(struct store *s, const struct viewer *v,
			 const char *la, const char *ref, bool *yes,
			 struct err *err)
{
	bool exists = false;
	int rc;

	*yes = false;
	rc = viewer_check(v, false, err);
	if (rc || v->access == VIEWER_NONE)
		return rc;
	if (!la || !ref || strlen(la) != LA_CODE_MAX || !ref[0] ||
	    strnlen(ref, S903_CHILD_MAX + 1) > S903_CHILD_MAX)
		return 0;
	return db_child_in_scope(s->db, v, la, ref, &exists, yes, err);
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
	return db_homes_list(s->db, v, f, out, err);
}

int store_home_profile(struct store *s, const struct viewer *v,
		       const char *urn, struct home_profile *out,
		       struct err *err)
{
	char subject[AUDIT_SUBJECT_MAX + 1];
	struct names nm = { "", 0, 0 };
	int rc;

	memset(out, 0, sizeof(*out));
	snprintf(subject, sizeof(subject), "%.40s", urn ? urn : "");
	rc = scoped_viewer(s, v, false, "home", subject, err);
	if (rc)
		return rc;
	rc = ERR_NOT_FOUND;
	if (urn && urn[0] && strnlen(urn, S903_URN_MAX + 1) <= S903_URN_MAX)
		rc = db_home_profile(s->db, v, urn, out, err);
	if (rc == ERR_NOT_FOUND) {
		memset(out, 0, sizeof(*out));
		rc = v->audit(s, v, "view-denied", "home", subject,
			      "no such home", err);
		return rc ? rc : err_set(err, ERR_NOT_FOUND, "no such home");
	}
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

int store_homes_now(struct store *s, const struct viewer *v,
		    int64_t since_ms, struct home_now **out, size_t *n,
		    struct err *err)
{
	int rc;

	*out = NULL;
	*n = 0;
	rc = viewer_check(v, false, err);
	if (rc)
		return rc;
	if (v->access != VIEWER_PROVIDER && v->access != VIEWER_INSPECTORATE &&
	    v->access != VIEWER_COUNCIL)
		return err_set(err, ERR_DENIED, "homes now: providers, councils "
			       "and inspectors only");
	if (v->access == VIEWER_PROVIDER && !v->provider[0])
		return 0;	/* not linked to the register: no homes */
	rc = db_homes_now(s->db, v, since_ms, out, n, err);
	if (rc) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
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
	rc = scoped_viewer(s, v, false, "missing", f->urn && f->urn[0] ?
			   f->urn : f->la ? f->la : "", err);
	if (rc)
		return rc;
	if (!filter_ok(f->la) || !filter_ok(f->urn))
		return 0;
	rc = db_missing_open(s->db, v, f, out, err);
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

/* ==== alerts (issue 5; docs/alerts.md) ==== */

static const char *const alert_state_names[ALERT_NSTATES] = {
	[ALERT_OPEN] = "open",
	[ALERT_ACKNOWLEDGED] = "acknowledged",
	[ALERT_RESOLVED] = "resolved",
	[ALERT_CLEARED] = "cleared",
	[ALERT_HISTORICAL] = "historical",
};

static const char *const alert_severity_names[ALERT_NSEVERITIES] = {
	[ALERT_SEV_NONE] = "none",
	[ALERT_SEV_LOW] = "low",
	[ALERT_SEV_MEDIUM] = "medium",
	[ALERT_SEV_HIGH] = "high",
	[ALERT_SEV_URGENT] = "urgent",
};

const char *alert_severity_name(int sev)
{
	if (sev < 0 || sev >= ALERT_NSEVERITIES)
		sev = ALERT_SEV_NONE;
	return alert_severity_names[sev];
}

const char *alert_state_name(enum alert_state st)
{
	if ((unsigned)st >= ALERT_NSTATES)
		BUG("alert state %d", (int)st);
	return alert_state_names[st];
}

int alert_state_parse(const char *s, enum alert_state *out)
{
	for (int i = 0; i < ALERT_NSTATES; i++)
		if (!strcmp(s, alert_state_names[i])) {
			*out = (enum alert_state)i;
			return 0;
		}
	return ERR_INVALID;
}

void alert_snapshot_release(struct alert_snapshot *snap)
{
	free(snap->children);
	free(snap->live);
	free(snap->meetings);
	free(snap->periods);
	free(snap->placements);
	free(snap->homes);
	memset(snap, 0, sizeof(*snap));
}

/* Is s 1 to max bytes? */
static bool alert_word_ok(const char *s, size_t max)
{
	return s && *s && strnlen(s, max + 1) <= max;
}

/* Severity in range, the home's URN and the facts not too long. */
static bool alert_facts_ok(int severity, const char *home_urn,
			   const char *facts)
{
	return severity >= 0 && severity < ALERT_NSEVERITIES &&
	       (!home_urn || strnlen(home_urn, S903_URN_MAX + 1) <=
				     S903_URN_MAX) &&
	       (!facts || strnlen(facts, ALERT_FACTS_MAX + 1) <=
				  ALERT_FACTS_MAX);
}

static int alert_bad(struct err *err, const char *what)
{
	return err_set(err, ERR_INVALID, "alert: %s is empty or too long",
		       what);
}

/* A filter's texts within the store's limits (else it matches nothing). */
static bool alert_filter_ok(const struct alert_filter *f)
{
	return filter_ok(f->rule) && filter_ok(f->la) && filter_ok(f->ref) &&
	       filter_ok(f->home);
}

int store_alert_snapshot_load(struct store *s, const int64_t *ids,
			      size_t nids, struct alert_snapshot *out,
			      struct err *err)
{
	int rc;

	alert_snapshot_release(out);
	rc = db_alert_snapshot_load(s->db, ids, nids, out, err);
	if (rc)
		alert_snapshot_release(out);
	return rc;
}

int store_alert_home_children(struct store *s, const char *urn,
			      int32_t from, int32_t to, store_id_fn *fn,
			      void *ctx, struct err *err)
{
	if (!alert_word_ok(urn, S903_URN_MAX))
		return alert_bad(err, "the URN");
	return db_alert_home_children(s->db, urn, from, to, fn, ctx,
					  err);
}

int store_alert_police_of(struct store *s, const char *la,
			  char out[ORG_CODE_MAX + 1], struct err *err)
{
	out[0] = '\0';
	if (!alert_word_ok(la, LA_CODE_MAX))
		return 0;
	return db_alert_police_of(s->db, la, out, err);
}

int store_alert_params_each(struct store *s, store_alert_param_fn *fn,
			    void *ctx, struct err *err)
{
	return db_alert_params_each(s->db, fn, ctx, err);
}

int store_alert_param_set(struct store *s, const char *rule,
			  const char *name, int64_t value,
			  const char *changed_by, int64_t at, struct err *err)
{
	if (!alert_word_ok(rule, ALERT_RULE_MAX) ||
	    !alert_word_ok(name, ALERT_PARAM_NAME_MAX))
		return alert_bad(err, "the rule or parameter");
	return db_alert_param_set(s->db, rule, name, value,
				      changed_by ? changed_by : "", at, err);
}

int store_alert_run_get(struct store *s, int64_t *periods, int64_t *places,
			struct err *err)
{
	return db_alert_run_get(s->db, periods, places, err);
}

int store_alert_run_set(struct store *s, int64_t at, int64_t periods,
			int64_t places, struct err *err)
{
	return db_alert_run_set(s->db, at, periods, places, err);
}

int store_alert_keys_each(struct store *s, int64_t child_id, const char *urn,
			  store_alert_key_fn *fn, void *ctx, struct err *err)
{
	if (urn && !alert_word_ok(urn, S903_URN_MAX))
		return alert_bad(err, "the URN");
	return db_alert_keys_each(s->db, child_id, urn, fn, ctx, err);
}

int store_alert_insert(struct store *s, const struct alert_new *a,
		       int64_t now, int64_t *id, struct err *err)
{
	if (!alert_word_ok(a->rule, ALERT_RULE_MAX) ||
	    !alert_word_ok(a->key, ALERT_KEY_MAX) ||
	    (a->urn && !alert_word_ok(a->urn, S903_URN_MAX)) ||
	    !alert_facts_ok(a->severity, a->home_urn, a->facts))
		return alert_bad(err, "a field");
	return db_alert_insert(s->db, a, now, id, err);
}

int store_alert_reopen(struct store *s, int64_t id, const struct alert_new *a,
		       int64_t now, struct err *err)
{
	if (!alert_facts_ok(a->severity, a->home_urn, a->facts))
		return alert_bad(err, "a field");
	return db_alert_reopen(s->db, id, a, now, err);
}

int store_alert_update(struct store *s, int64_t id, int severity,
		       int64_t due_at, const char *home_urn, const char *facts,
		       struct err *err)
{
	if (!alert_facts_ok(severity, home_urn, facts))
		return alert_bad(err, "a field");
	return db_alert_update(s->db, id, severity, due_at, home_urn,
				   facts, err);
}

int store_alert_clear(struct store *s, int64_t id, int64_t now,
		      struct err *err)
{
	return db_alert_clear(s->db, id, now, err);
}

int store_alert_escalate(struct store *s, int64_t id, int64_t now,
			 struct err *err)
{
	return db_alert_escalate(s->db, id, now, err);
}

int store_alert_answer(struct store *s, int64_t id, bool resolve,
		       int64_t user_id, const char *note, int64_t now,
		       struct err *err)
{
	if (!alert_word_ok(note, ALERT_NOTE_MAX))
		return err_set(err, ERR_INVALID, "a note of 1 to %d bytes "
			       "is needed", ALERT_NOTE_MAX);
	return db_alert_answer(s->db, id, resolve, user_id, note, now,
				   err);
}

int store_alert_recipient_add(struct store *s, int64_t id,
			      enum org_kind kind, const char *code,
			      struct err *err)
{
	if (!alert_word_ok(code, ORG_CODE_MAX))
		return alert_bad(err, "the recipient");
	return db_alert_recipient_add(s->db, id, org_kind_name(kind),
					  code, err);
}

int store_alert_recipients_each(struct store *s, int64_t id,
				store_alert_recipient_fn *fn, void *ctx,
				struct err *err)
{
	return db_alert_recipients_each(s->db, id, fn, ctx, err);
}

int store_alert_is_recipient(struct store *s, int64_t id,
			     enum org_kind kind, const char *code, bool *yes,
			     struct err *err)
{
	*yes = false;
	if (!alert_word_ok(code, ORG_CODE_MAX))
		return 0;
	return db_alert_is_recipient(s->db, id, org_kind_name(kind),
					 code, yes, err);
}

int store_alert_get(struct store *s, int64_t id, struct alert_row *out,
		    struct err *err)
{
	memset(out, 0, sizeof(*out));
	return db_alert_get(s->db, id, out, err);
}

int store_alerts_list(struct store *s, enum org_kind kind, const char *code,
		      const struct alert_filter *f, struct alert_page *out,
		      struct err *err)
{
	memset(out, 0, sizeof(*out));
	page_clamp(f->page, f->page_size, &out->page, &out->page_size);
	if (!alert_word_ok(code, ORG_CODE_MAX) || !alert_filter_ok(f))
		return 0;
	return db_alerts_list(s->db, org_kind_name(kind), code, f, out,
				  err);
}

void alert_item_page_release(struct alert_item_page *p)
{
	free(p->reasons);
	p->reasons = NULL;
	p->nreasons = p->areasons = 0;
	p->n = 0;
}

int store_alert_items_list(struct store *s, enum org_kind kind,
			   const char *code, const struct alert_filter *f,
			   struct alert_item_page *out, struct err *err)
{
	int rc;

	memset(out, 0, sizeof(*out));
	page_clamp(f->page, f->page_size, &out->page, &out->page_size);
	if (!alert_word_ok(code, ORG_CODE_MAX) || !alert_filter_ok(f))
		return 0;
	rc = db_alert_items_list(s->db, org_kind_name(kind), code, f,
				     out, err);
	if (rc) {
		long page = out->page, size = out->page_size;

		alert_item_page_release(out);
		memset(out, 0, sizeof(*out));
		out->page = page;
		out->page_size = size;
	}
	return rc;
}

int store_alert_items_count(struct store *s, enum org_kind kind,
			    const char *code, const struct alert_filter *f,
			    long *n, struct err *err)
{
	*n = 0;
	if (!alert_word_ok(code, ORG_CODE_MAX) || !alert_filter_ok(f))
		return 0;
	return db_alert_items_count(s->db, org_kind_name(kind), code, f,
					n, err);
}

int store_alert_homes_each(struct store *s, enum org_kind kind,
			   const char *code, store_alert_home_fn *fn,
			   void *ctx, struct err *err)
{
	if (!alert_word_ok(code, ORG_CODE_MAX))
		return 0;
	return db_alert_homes_each(s->db, org_kind_name(kind), code, fn,
				       ctx, err);
}

int store_outbox_add(struct store *s, int64_t alert_id, enum org_kind kind,
		     const char *code, const char *event, const char *body,
		     int64_t now, int64_t *id, struct err *err)
{
	int64_t got;

	if (!alert_word_ok(code, ORG_CODE_MAX) || !alert_word_ok(event, 15) ||
	    !alert_word_ok(body, ALERT_BODY_MAX))
		return alert_bad(err, "an outbox field");
	return db_outbox_add(s->db, alert_id, org_kind_name(kind), code,
				 event, body, now, id ? id : &got, err);
}

int store_outbox_list(struct store *s, enum org_kind kind, const char *code,
		      int64_t before_id, long limit, store_outbox_fn *fn,
		      void *ctx, struct err *err)
{
	if (!alert_word_ok(code, ORG_CODE_MAX))
		return 0;
	if (limit < 1 || limit > 1000)
		return err_set(err, ERR_INVALID, "limit must be 1 to 1000");
	return db_outbox_list(s->db, org_kind_name(kind), code,
				  before_id, limit, fn, ctx, err);
}

int store_outbox_due(struct store *s, int64_t now, long limit,
		     store_outbox_fn *fn, void *ctx, struct err *err)
{
	if (limit < 1 || limit > 100000)
		return err_set(err, ERR_INVALID, "limit must be 1 to 100000");
	return db_outbox_due(s->db, now, limit, fn, ctx, err);
}

int store_outbox_attempt(struct store *s, int64_t outbox_id,
			 int64_t webhook_id, int attempt, int64_t at,
			 int http_status, const char *error, bool delivered,
			 int64_t next_attempt_at, struct err *err)
{
	return db_outbox_attempt(s->db, outbox_id, webhook_id, attempt,
				     at, http_status, error ? error : "",
				     delivered, next_attempt_at, err);
}

int store_webhook_put(struct store *s, enum org_kind kind, const char *code,
		      const char *url, const char *secret, int64_t now,
		      int64_t *id, struct err *err)
{
	int64_t got;

	if (!alert_word_ok(code, ORG_CODE_MAX) ||
	    !alert_word_ok(url, WEBHOOK_URL_MAX) || !secret ||
	    strlen(secret) != WEBHOOK_SECRET_HEX)
		return err_set(err, ERR_INVALID, "a webhook needs an "
			       "organisation, a URL of at most %d bytes and "
			       "a secret", WEBHOOK_URL_MAX);
	return db_webhook_put(s->db, org_kind_name(kind), code, url,
				  secret, now, id ? id : &got, err);
}

int store_webhooks_each(struct store *s, store_webhook_fn *fn, void *ctx,
			struct err *err)
{
	return db_webhooks_each(s->db, fn, ctx, err);
}

/* ==== missing from care, recorded live (issue 5; docs/missing.md) ==== */

/* Which kinds of access may do which change (docs/access.md). */
static bool mfc_may(enum viewer_access a, int op)
{
	switch (op) {
	case MFC_OP_HOME:
		return a == VIEWER_PROVIDER;
	case MFC_OP_POLICE:
		return a == VIEWER_POLICE;
	case MFC_OP_RETURN:
		return a == VIEWER_POLICE || a == VIEWER_PROVIDER;
	case MFC_OP_INTERVIEW:
		return a == VIEWER_COUNCIL;
	default:
		return false;
	}
}

static const char *mfc_op_name(int op)
{
	switch (op) {
	case MFC_OP_HOME:
		return "home's record";
	case MFC_OP_POLICE:
		return "police record";
	case MFC_OP_RETURN:
		return "return";
	case MFC_OP_INTERVIEW:
		return "return interview";
	default:
		return "?";
	}
}

/* The fields of an episode a viewer may see: the return interview's
 * summary and interviewer are the council's (and inspectors'). */
static void mfc_redact(const struct viewer *v, struct mfc_episode *e)
{
	if (v->access != VIEWER_COUNCIL && v->access != VIEWER_INSPECTORATE) {
		e->ri_by[0] = '\0';
		e->ri_summary[0] = '\0';
	}
}

static bool mfc_child_ok(const char *la, const char *ref)
{
	return la && ref && strnlen(la, LA_CODE_MAX + 1) == LA_CODE_MAX &&
	       ref[0] && strnlen(ref, S903_CHILD_MAX + 1) <= S903_CHILD_MAX;
}

static void mfc_subject(char out[AUDIT_SUBJECT_MAX + 1], const char *la,
			const char *ref)
{
	snprintf(out, AUDIT_SUBJECT_MAX + 1, "%.20s/%.40s", la ? la : "",
		 ref ? ref : "");
}

/* A refused change or read: audited, then the same answer for out of
 * scope and unknown. */
static int mfc_refused(struct store *s, const struct viewer *v,
		       const char *action, const char *kind,
		       const char *subject, const char *why, const char *msg,
		       struct err *err)
{
	int rc = v->audit(s, v, action, kind, subject, why, err);

	return rc ? rc : err_set(err, ERR_NOT_FOUND, "%s", msg);
}

/* ERR_DENIED for an access that may never do this, audited. */
static int mfc_denied(struct store *s, const struct viewer *v,
		      const char *kind, const char *subject, const char *what,
		      struct err *err)
{
	if (v->audit)
		v->audit(s, v, "change-denied", kind, subject,
			 "role may not do this", NULL);
	return err_set(err, ERR_DENIED, "a %s may not %s",
		       v->role[0] ? v->role : "viewer", what);
}

int store_mfc_report(struct store *s, const struct viewer *v,
		     struct mfc_episode *e, struct err *err)
{
	char subject[AUDIT_SUBJECT_MAX + 1], detail[160];
	struct mfc_episode *n = NULL;
	int rc;

	mfc_subject(subject, e->la, e->ref);
	rc = scoped_viewer(s, v, true, "child", subject, err);
	if (rc)
		return rc;
	if (v->access != VIEWER_PROVIDER)
		return mfc_denied(s, v, "child", subject,
				  "report a child missing: the home does",
				  err);
	/* only the home's fields: the rest is for the police and council */
	n = xmalloc(sizeof(*n));
	mfc_episode_init(n);
	memcpy(n->la, e->la, sizeof(n->la));
	memcpy(n->ref, e->ref, sizeof(n->ref));
	memcpy(n->kind, e->kind, sizeof(n->kind));
	n->started_at = e->started_at;
	n->last_seen_at = e->last_seen_at;
	memcpy(n->last_seen_place, e->last_seen_place,
	       sizeof(n->last_seen_place));
	memcpy(n->circumstances, e->circumstances, sizeof(n->circumstances));
	memcpy(n->home_actions, e->home_actions, sizeof(n->home_actions));
	n->exploitation = e->exploitation;
	memcpy(n->associates, e->associates, sizeof(n->associates));
	memcpy(n->locations, e->locations, sizeof(n->locations));
	memcpy(n->health_needs, e->health_needs, sizeof(n->health_needs));
	rc = mfc_episode_check(n, v->now_ms, NULL, err);
	if (rc)
		goto out;
	if (!mfc_child_ok(n->la, n->ref)) {
		rc = mfc_refused(s, v, "change-denied", "child", subject,
				 "no such child", "no such child", err);
		goto out;
	}
	rc = store_begin(s, err);
	if (rc)
		goto out;
	rc = db_mfc_place(s->db, v, n->la, n->ref, &n->child_id,
			      n->urn, err);
	if (!rc)
		rc = db_mfc_insert(s->db, n, v->user_id, v->now_ms,
				       &n->id, err);
	if (!rc) {
		snprintf(detail, sizeof(detail),
			 "missing episode %lld reported (%s) from %s",
			 (long long)n->id, n->kind, n->urn);
		rc = v->audit(s, v, "change", "child", subject, detail, err);
	}
	if (!rc)
		rc = store_commit(s, err);
	if (rc) {
		store_rollback(s);
		if (rc == ERR_NOT_FOUND)
			rc = mfc_refused(s, v, "change-denied", "child",
					 subject, "not placed at the "
					 "provider's homes or no such child",
					 "no such child", err);
		else if (rc == ERR_EXISTS)
			rc = err_set(err, ERR_EXISTS, "%s/%s already has an "
				     "open missing episode", n->la, n->ref);
		goto out;
	}
	e->id = n->id;
	e->child_id = n->child_id;
	memcpy(e->urn, n->urn, sizeof(e->urn));
out:
	free(n);
	return rc;
}

/* Take operation op's fields from in into cur. */
static void mfc_merge(int op, const struct mfc_episode *in,
		      struct mfc_episode *cur)
{
	switch (op) {
	case MFC_OP_HOME:
		cur->last_seen_at = in->last_seen_at;
		memcpy(cur->last_seen_place, in->last_seen_place,
		       sizeof(cur->last_seen_place));
		memcpy(cur->circumstances, in->circumstances,
		       sizeof(cur->circumstances));
		memcpy(cur->home_actions, in->home_actions,
		       sizeof(cur->home_actions));
		cur->exploitation = in->exploitation;
		memcpy(cur->associates, in->associates,
		       sizeof(cur->associates));
		memcpy(cur->locations, in->locations, sizeof(cur->locations));
		memcpy(cur->health_needs, in->health_needs,
		       sizeof(cur->health_needs));
		break;
	case MFC_OP_POLICE:
		memcpy(cur->police_ref, in->police_ref,
		       sizeof(cur->police_ref));
		cur->grade = in->grade;
		cur->arrested = in->arrested;
		cur->charged = in->charged;
		break;
	case MFC_OP_RETURN:
		cur->returned_at = in->returned_at;
		memcpy(cur->returned_place, in->returned_place,
		       sizeof(cur->returned_place));
		break;
	case MFC_OP_INTERVIEW:
		cur->ri_offered_at = in->ri_offered_at;
		cur->ri_held_at = in->ri_held_at;
		memcpy(cur->ri_by, in->ri_by, sizeof(cur->ri_by));
		cur->ri_independent = in->ri_independent;
		cur->ri_outcome = in->ri_outcome;
		memcpy(cur->ri_summary, in->ri_summary,
		       sizeof(cur->ri_summary));
		break;
	default:
		BUG("mfc_merge: no operation %d", op);
	}
}

/* Whether v may do op at all: ERR_DENIED, audited, if not. */
static int mfc_change_may(struct store *s, const struct viewer *v, int op,
			  const char *subject, struct err *err)
{
	char what[64];
	int rc = scoped_viewer(s, v, true, "mfc-episode", subject, err);

	if (rc || mfc_may(v->access, op))
		return rc;
	snprintf(what, sizeof(what), "record the %s", mfc_op_name(op));
	return mfc_denied(s, v, "mfc-episode", subject, what, err);
}

int store_mfc_change_refused(struct store *s, const struct viewer *v,
			     enum mfc_op op, int64_t id, struct err *err)
{
	char subject[AUDIT_SUBJECT_MAX + 1];
	struct mfc_episode *cur;
	bool exists = false, allowed = false;
	int rc;

	snprintf(subject, sizeof(subject), "%lld", (long long)id);
	rc = op ? mfc_change_may(s, v, op, subject, err) :
		  scoped_viewer(s, v, true, "mfc-episode", subject, err);
	if (rc)
		return rc;
	cur = xmalloc(sizeof(*cur));
	mfc_episode_init(cur);
	rc = db_mfc_find(s->db, v, id, false, &exists, &allowed, cur,
			     err);
	if (rc && rc != ERR_NOT_FOUND) {
		free(cur);
		return rc;
	}
	if (exists)
		mfc_subject(subject, cur->la, cur->ref);
	free(cur);
	return mfc_refused(s, v, "change-denied", exists ? "child" :
			   "mfc-episode", subject, exists ? "out of scope" :
			   "no such episode", "no such missing episode", err);
}

static int mfc_change(struct store *s, const struct viewer *v, int op,
		      const struct mfc_episode *in, struct mfc_written *out,
		      struct err *err)
{
	char subject[AUDIT_SUBJECT_MAX + 1], detail[200];
	struct mfc_episode *cur = NULL;
	bool exists = false, allowed = false;
	int rc;

	if (out) {
		mfc_episode_init(&out->e);
		out->visible = false;
	}
	snprintf(subject, sizeof(subject), "%lld", (long long)in->id);
	rc = mfc_change_may(s, v, op, subject, err);
	if (rc)
		return rc;
	if (op == MFC_OP_RETURN && !in->returned_at)
		return err_set(err, ERR_INVALID, "RETURNED_AT is required");
	cur = xmalloc(sizeof(*cur));
	rc = store_begin(s, err);
	if (rc)
		goto out;
	rc = db_mfc_find(s->db, v, in->id, true, &exists, &allowed, cur,
			     err);
	if (!rc && !allowed)
		rc = ERR_NOT_FOUND;
	if (!rc) {
		mfc_subject(subject, cur->la, cur->ref);
		mfc_merge(op, in, cur);
		rc = mfc_episode_check(cur, v->now_ms, NULL, err);
	}
	if (!rc)
		rc = db_mfc_write(s->db, op, cur, v->user_id, v->now_ms,
				      err);
	if (!rc) {
		snprintf(detail, sizeof(detail), "missing episode %lld: %s",
			 (long long)cur->id, mfc_op_name(op));
		rc = v->audit(s, v, "change", "child", subject, detail, err);
	}
	/* the row as committed, and whether v may see it now: the same
	 * rule as store_mfc_get(), read inside the change's transaction */
	if (!rc && out) {
		rc = db_mfc_find(s->db, v, in->id, false, &exists,
				     &out->visible, &out->e, err);
		if (!rc)
			mfc_redact(v, &out->e);
	}
	if (!rc)
		rc = store_commit(s, err);
	if (rc && out) {
		mfc_episode_init(&out->e);
		out->visible = false;
	}
	if (rc) {
		store_rollback(s);
		if (rc == ERR_NOT_FOUND) {
			if (!exists)
				snprintf(subject, sizeof(subject), "%lld",
					 (long long)in->id);
			rc = mfc_refused(s, v, "change-denied",
					 exists ? "child" : "mfc-episode",
					 subject, exists ? "out of scope" :
					 "no such episode",
					 "no such missing episode", err);
		}
	}
out:
	free(cur);
	return rc;
}

int store_mfc_update_home(struct store *s, const struct viewer *v,
			  const struct mfc_episode *e,
			  struct mfc_written *out, struct err *err)
{
	return mfc_change(s, v, MFC_OP_HOME, e, out, err);
}

int store_mfc_police(struct store *s, const struct viewer *v,
		     const struct mfc_episode *e, struct mfc_written *out,
		     struct err *err)
{
	return mfc_change(s, v, MFC_OP_POLICE, e, out, err);
}

int store_mfc_return(struct store *s, const struct viewer *v,
		     const struct mfc_episode *e, struct mfc_written *out,
		     struct err *err)
{
	return mfc_change(s, v, MFC_OP_RETURN, e, out, err);
}

int store_mfc_interview(struct store *s, const struct viewer *v,
			const struct mfc_episode *e, struct mfc_written *out,
			struct err *err)
{
	return mfc_change(s, v, MFC_OP_INTERVIEW, e, out, err);
}

int store_mfc_meeting_add(struct store *s, const struct viewer *v,
			  struct mfc_meeting *m, struct err *err)
{
	char subject[AUDIT_SUBJECT_MAX + 1], detail[120];
	unsigned scope = 0;
	int64_t id = 0;
	int rc;

	mfc_subject(subject, m->la, m->ref);
	rc = scoped_viewer(s, v, true, "child", subject, err);
	if (rc)
		return rc;
	if (v->access != VIEWER_COUNCIL)
		return mfc_denied(s, v, "child", subject,
				  "record a strategy meeting: the council "
				  "does", err);
	rc = mfc_meeting_check(m, v->now_ms, NULL, err);
	if (rc)
		return rc;
	if (!mfc_child_ok(m->la, m->ref))
		return mfc_refused(s, v, "change-denied", "child", subject,
				   "no such child", "no such child", err);
	rc = store_begin(s, err);
	if (rc)
		return rc;
	m->child_id = 0;
	rc = db_mfc_child_find(s->db, v, m->la, m->ref, &id, &scope,
				   err);
	if (!rc && !(scope & MFC_SCOPE_CHILD))
		rc = ERR_NOT_FOUND;
	if (!rc) {
		m->child_id = id;	/* in scope: later NOT_FOUNDs are the
					 * episode's, with their message */
		rc = db_mfc_meeting_insert(s->db, m, v->user_id,
					       v->now_ms, &m->id, err);
	}
	if (!rc) {
		snprintf(detail, sizeof(detail), "strategy meeting %lld "
			 "recorded", (long long)m->id);
		rc = v->audit(s, v, "change", "child", subject, detail, err);
	}
	if (!rc)
		rc = store_commit(s, err);
	if (rc) {
		store_rollback(s);
		m->id = 0;
		if (rc == ERR_NOT_FOUND && !m->child_id)
			rc = mfc_refused(s, v, "change-denied", "child",
					 subject, "out of scope or no such "
					 "child", "no such child", err);
	}
	return rc;
}

int store_grab_pack_put(struct store *s, const struct viewer *v,
			const struct grab_pack *g, int64_t *child_id,
			struct err *err)
{
	char subject[AUDIT_SUBJECT_MAX + 1];
	unsigned scope = 0;
	int64_t id = 0;
	int rc;

	mfc_subject(subject, g->la, g->ref);
	rc = scoped_viewer(s, v, true, "grab-pack", subject, err);
	if (rc)
		return rc;
	if (v->access != VIEWER_PROVIDER)
		return mfc_denied(s, v, "grab-pack", subject,
				  "keep a grab pack: the home does", err);
	rc = grab_pack_check(g, NULL, err);
	if (rc)
		return rc;
	if (!mfc_child_ok(g->la, g->ref))
		return mfc_refused(s, v, "change-denied", "grab-pack",
				   subject, "no such child", "no such child",
				   err);
	rc = store_begin(s, err);
	if (rc)
		return rc;
	rc = db_mfc_child_find(s->db, v, g->la, g->ref, &id, &scope,
				   err);
	if (!rc && !(scope & MFC_SCOPE_PLACED))
		rc = ERR_NOT_FOUND;
	if (!rc)
		rc = db_grab_pack_put(s->db, id, g, v->user_id,
					  v->now_ms, err);
	if (!rc)
		rc = v->audit(s, v, "change", "grab-pack", subject,
			      "grab pack updated", err);
	if (!rc)
		rc = store_commit(s, err);
	if (rc) {
		store_rollback(s);
		if (rc == ERR_NOT_FOUND)
			rc = mfc_refused(s, v, "change-denied", "grab-pack",
					 subject, "not placed at the "
					 "provider's homes or no such child",
					 "no such child", err);
		return rc;
	}
	if (child_id)
		*child_id = id;
	return 0;
}

int store_grab_pack_get(struct store *s, const struct viewer *v,
			const char *la, const char *ref, struct grab_pack *out,
			struct err *err)
{
	char subject[AUDIT_SUBJECT_MAX + 1], detail[64];
	unsigned scope = 0;
	int64_t id = 0;
	int rc;

	memset(out, 0, sizeof(*out));
	mfc_subject(subject, la, ref);
	rc = scoped_viewer(s, v, false, "grab-pack", subject, err);
	if (rc)
		return rc;
	rc = ERR_NOT_FOUND;
	if (mfc_child_ok(la, ref))
		rc = db_mfc_child_find(s->db, v, la, ref, &id, &scope,
					   err);
	if (rc == ERR_NOT_FOUND || (!rc && !(scope & MFC_SCOPE_GRAB_READ)))
		return mfc_refused(s, v, "view-denied", "grab-pack", subject,
				   rc ? "no such child" : v->access ==
				   VIEWER_POLICE ? "not missing from the "
				   "force's area" : "out of scope",
				   "no such child", err);
	if (rc)
		return rc;
	rc = db_grab_pack_get(s->db, id, out, err);
	if (rc == ERR_NOT_FOUND) {
		memset(out, 0, sizeof(*out));
		out->none_yet = true;
		rc = v->audit(s, v, "view-denied", "grab-pack", subject,
			      "no grab pack yet", err);
		return rc ? rc : err_set(err, ERR_NOT_FOUND, "%s/%s has no "
					 "grab pack yet", la, ref);
	}
	if (rc)
		return rc;
	snprintf(detail, sizeof(detail), "as %s",
		 viewer_access_name(v->access));
	rc = v->audit(s, v, "view", "grab-pack", subject, detail, err);
	if (rc)
		memset(out, 0, sizeof(*out));
	return rc;
}

int store_mfc_visible(struct store *s, const struct viewer *v, int64_t id,
		      bool *yes, struct err *err)
{
	struct mfc_episode *e;
	bool exists = false;
	int rc;

	*yes = false;
	rc = viewer_check(v, false, err);
	if (rc || v->access == VIEWER_NONE)
		return rc;
	e = xmalloc(sizeof(*e));
	mfc_episode_init(e);
	rc = db_mfc_find(s->db, v, id, false, &exists, yes, e, err);
	mfc_episode_init(e);
	free(e);
	if (rc == ERR_NOT_FOUND) {
		*yes = false;
		rc = 0;
	}
	return rc;
}

int store_mfc_get(struct store *s, const struct viewer *v, int64_t id,
		  struct mfc_episode *out, struct err *err)
{
	char subject[AUDIT_SUBJECT_MAX + 1], detail[64];
	bool exists = false, allowed = false;
	int rc;

	mfc_episode_init(out);
	snprintf(subject, sizeof(subject), "%lld", (long long)id);
	rc = scoped_viewer(s, v, false, "mfc-episode", subject, err);
	if (rc)
		return rc;
	rc = db_mfc_find(s->db, v, id, false, &exists, &allowed, out,
			     err);
	if (rc == ERR_NOT_FOUND || (!rc && !allowed)) {
		if (exists)
			mfc_subject(subject, out->la, out->ref);
		mfc_episode_init(out);
		return mfc_refused(s, v, "view-denied",
				   exists ? "child" : "mfc-episode", subject,
				   exists ? "out of scope" : "no such episode",
				   "no such missing episode", err);
	}
	if (rc) {
		mfc_episode_init(out);
		return rc;
	}
	mfc_redact(v, out);
	mfc_subject(subject, out->la, out->ref);
	snprintf(detail, sizeof(detail), "missing episode %lld as %s",
		 (long long)id, viewer_access_name(v->access));
	rc = v->audit(s, v, "view", "child", subject, detail, err);
	if (rc)
		mfc_episode_init(out);
	return rc;
}

void mfc_chronology_release(struct mfc_chronology *c)
{
	free(c->episodes);
	free(c->meetings);
	memset(c, 0, sizeof(*c));
}

int store_mfc_child(struct store *s, const struct viewer *v, const char *la,
		    const char *ref, struct mfc_chronology *out,
		    struct err *err)
{
	char subject[AUDIT_SUBJECT_MAX + 1], detail[96];
	unsigned scope = 0;
	int64_t id = 0;
	int rc;

	mfc_chronology_release(out);
	mfc_subject(subject, la, ref);
	rc = scoped_viewer(s, v, false, "child", subject, err);
	if (rc)
		return rc;
	rc = ERR_NOT_FOUND;
	if (mfc_child_ok(la, ref))
		rc = db_mfc_child_find(s->db, v, la, ref, &id, &scope,
					   err);
	if (rc == ERR_NOT_FOUND || (!rc && !(scope & MFC_SCOPE_CHILD)))
		return mfc_refused(s, v, "view-denied", "child", subject,
				   rc ? "no such child" : "out of scope",
				   "no such child", err);
	if (!rc)
		rc = db_mfc_child_rows(s->db, v, id, out, err);
	if (rc) {
		mfc_chronology_release(out);
		return rc;
	}
	for (size_t i = 0; i < out->nepisodes; i++)
		mfc_redact(v, &out->episodes[i]);
	snprintf(detail, sizeof(detail), "as %s: %zu live missing episodes, "
		 "%zu strategy meetings", viewer_access_name(v->access),
		 out->nepisodes, out->nmeetings);
	rc = v->audit(s, v, "view", "child", subject, detail, err);
	if (rc)
		mfc_chronology_release(out);
	return rc;
}

int store_mfc_attention(struct store *s, const struct viewer *v,
			const struct mfc_filter *f,
			struct mfc_attention_page *out, struct err *err)
{
	struct names nm = { "", 0, 0 };
	int rc;

	memset(out, 0, sizeof(*out));
	page_clamp(f->page, f->page_size, &out->page, &out->page_size);
	rc = scoped_viewer(s, v, false, "missing-live", f->urn && f->urn[0] ?
			f->urn : f->la ? f->la : "", err);
	if (rc)
		return rc;
	if (!filter_ok(f->la) || !filter_ok(f->urn))
		return 0;
	rc = db_mfc_attention(s->db, v, f, out, err);
	if (!rc && out->n) {
		for (size_t i = 0; i < out->n; i++)
			names_add(&nm, out->rows[i].la, out->rows[i].ref);
		rc = v->audit(s, v, "list", "missing-live",
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

int store_mfc_import(struct store *s, const struct mfc_episode *e,
		     int64_t *id, struct err *err)
{
	struct mfc_episode *n;
	bool known = true;
	int rc;

	if (!mfc_child_ok(e->la, e->ref))
		return err_set(err, ERR_NOT_FOUND, "no child %s/%s", e->la,
			       e->ref);
	n = xmalloc(sizeof(*n));
	*n = *e;
	rc = db_mfc_child_id(s->db, e->la, e->ref, &n->child_id, err);
	if (rc == ERR_NOT_FOUND)
		rc = err_set(err, rc, "no child %s/%s in the stored returns",
			     e->la, e->ref);
	if (!rc && e->urn[0])
		rc = db_mfc_home_known(s->db, e->urn, &known, err);
	if (!rc && !known)
		rc = err_set(err, ERR_INVALID, "no home %s in the register",
			     e->urn);
	if (!rc)
		rc = db_mfc_insert(s->db, n, 0,
				       e->reported_at ? e->reported_at :
							e->started_at,
				       id, err);
	if (rc == ERR_EXISTS)
		rc = err_set(err, rc, "%s/%s already has an open missing "
			     "episode", e->la, e->ref);
	free(n);
	return rc;
}

int store_mfc_meeting_import(struct store *s, const struct mfc_meeting *m,
			     int64_t episode_started_at, int64_t *id,
			     struct err *err)
{
	struct mfc_meeting n = *m;
	int rc;

	if (!mfc_child_ok(m->la, m->ref))
		return err_set(err, ERR_NOT_FOUND, "no child %s/%s", m->la,
			       m->ref);
	rc = db_mfc_child_id(s->db, m->la, m->ref, &n.child_id, err);
	if (rc == ERR_NOT_FOUND)
		return err_set(err, rc, "no child %s/%s in the stored returns",
			       m->la, m->ref);
	n.episode_id = 0;
	if (!rc && episode_started_at) {
		rc = db_mfc_episode_at(s->db, n.child_id,
					   episode_started_at, &n.episode_id,
					   err);
		if (rc == ERR_NOT_FOUND)
			return err_set(err, rc, "%s/%s has no missing episode "
				       "that started then", m->la, m->ref);
	}
	if (!rc)
		rc = db_mfc_meeting_insert(s->db, &n, 0,
					       m->recorded_at ? m->recorded_at :
					       (int64_t)n.held_on * 86400000LL,
					       id, err);
	return rc;
}

int store_mfc_each(struct store *s, const char *la, int64_t from_ms,
		   int64_t to_ms, store_mfc_fn *fn, void *ctx,
		   struct err *err)
{
	if (!la || strnlen(la, LA_CODE_MAX + 1) != LA_CODE_MAX)
		return 0;
	return db_mfc_each(s->db, la, from_ms, to_ms, fn, ctx, err);
}
