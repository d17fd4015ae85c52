/*
 * users.c: managing users and organisations, and the demo users
 * (auth.h).  Every change writes its audit row in the same transaction,
 * so a change and its record stand or fall together.  Password hashing
 * (tens of milliseconds) happens before the transaction starts, so the
 * store's write lock is never held across it.
 */
#include "base/compat.h"
#include <inttypes.h>
#include "auth/auth-internal.h"
#include "base/parse.h"
#include "domain/home.h"

/* ---- checks ------------------------------------------------------------------ */

int auth_email_normalise(const char *in, char out[USER_EMAIL_MAX + 1])
{
	size_t n = in ? strnlen(in, USER_EMAIL_MAX + 1) : 0;
	const char *at;
	size_t local, dot = 0;

	if (n < 3 || n > USER_EMAIL_MAX)
		return ERR_INVALID;
	at = strchr(in, '@');
	if (!at || strchr(at + 1, '@'))
		return ERR_INVALID;
	local = (size_t)(at - in);
	if (local < 1 || local > 64 || n - local - 1 < 3)
		return ERR_INVALID;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)in[i];

		if (c <= ' ' || c >= 0x7f || strchr("\"(),:;<>[\\]", c))
			return ERR_INVALID;
		if (i > local && c == '.')
			dot = i;
	}
	/* the domain: a dot inside it, not at either end, no ".." */
	if (!dot || in[local + 1] == '.' || in[n - 1] == '.' ||
	    in[local + 1] == '-' || strstr(at, ".."))
		return ERR_INVALID;
	for (size_t i = 0; i < n; i++)
		out[i] = (char)(in[i] >= 'A' && in[i] <= 'Z' ?
					in[i] - 'A' + 'a' : in[i]);
	out[n] = '\0';
	return 0;
}

bool auth_role_fits(enum role r, enum org_kind k)
{
	switch (r) {
	case ROLE_INSPECTOR:
	case ROLE_ADMIN:
		return k == ORG_INSPECTORATE;
	case ROLE_ANALYST:
		return k == ORG_INSPECTORATE || k == ORG_COUNCIL ||
		       k == ORG_HEALTH_BOARD;
	case ROLE_COUNCIL_SOCIAL_WORKER:
	case ROLE_COUNCIL_PLACEMENTS:
		return k == ORG_COUNCIL;
	case ROLE_HOME_MANAGER:
		return k == ORG_PROVIDER;
	case ROLE_POLICE_MISSING_COORDINATOR:
		return k == ORG_POLICE;
	case ROLE_N:
		break;
	}
	return false;
}

int auth_org_ref_parse(const char *ref, enum org_kind *kind,
		       const char **code)
{
	const char *colon = ref ? strchr(ref, ':') : NULL;
	char word[32];

	if (!colon || colon == ref || !colon[1] ||
	    (size_t)(colon - ref) >= sizeof(word))
		return ERR_INVALID;
	memcpy(word, ref, (size_t)(colon - ref));
	word[colon - ref] = '\0';
	if (org_kind_parse(word, kind))
		return ERR_INVALID;
	*code = colon + 1;
	return 0;
}

/* Run the store calls of a change and its audit row as one transaction:
 * rc is the result of the steps so far. */
static int finish(struct store *s, int rc, struct err *err)
{
	if (!rc)
		rc = store_commit(s, err);
	if (rc)
		store_rollback(s);
	return rc;
}

/* ---- organisations --------------------------------------------------------------- */

int auth_org_add(struct store *s, const struct auth_actor *by,
		 const struct org *o, int64_t now, int64_t *id,
		 struct err *err)
{
	char ref[ORG_CODE_MAX + 16];
	struct org copy = *o;
	int64_t got = 0;
	int rc;

	if ((unsigned)o->kind >= ORG_NKINDS)
		return err_set(err, ERR_INVALID, "unknown organisation kind");
	if (!auth__text_ok(o->code, ORG_CODE_MAX) ||
	    !auth__text_ok(o->name_en, ORG_NAME_MAX) ||
	    (o->name_cy[0] && !auth__text_ok(o->name_cy, ORG_NAME_MAX)))
		return err_set(err, ERR_INVALID, "an organisation needs a code "
			       "and an English name of 1 to %d characters "
			       "(and no control characters)", ORG_CODE_MAX);
	if (o->kind == ORG_COUNCIL &&
	    str_copy(copy.la, sizeof(copy.la), o->code))
		return err_set(err, ERR_INVALID, "a council's code is its GSS "
			       "code, such as W06000015");
	snprintf(ref, sizeof(ref), "%s:%s", org_kind_name(o->kind), o->code);
	rc = store_begin(s, err);
	if (rc)
		return rc;
	rc = store_org_add(s, &copy, &got, err);
	if (!rc)
		rc = auth__audit(s, by, now, "org-add", "org", ref, err,
				 "%s%s%s", o->name_en,
				 o->provider[0] ? "; provider " : "",
				 o->provider);
	rc = finish(s, rc, err);
	if (!rc && id)
		*id = got;
	return rc;
}

int auth_org_find(struct store *s, const struct auth_actor *by,
		  enum org_kind kind, const char *code, int64_t now,
		  struct org *out, struct err *err)
{
	struct org o;
	struct la la;
	int rc;

	rc = store_org_get(s, kind, code, out, NULL);
	if (rc != ERR_NOT_FOUND)
		return rc ? err_set(err, rc, "looking up %s:%s",
				    org_kind_name(kind), code) : 0;
	if (kind != ORG_COUNCIL || store_la_get(s, code, &la, NULL) ||
	    !la.is_council)
		return err_set(err, ERR_NOT_FOUND, "no organisation %s:%s",
			       org_kind_name(kind), code);
	memset(&o, 0, sizeof(o));
	o.kind = ORG_COUNCIL;
	snprintf(o.code, sizeof(o.code), "%s", la.code);
	snprintf(o.name_en, sizeof(o.name_en), "%s", la.name_en);
	snprintf(o.name_cy, sizeof(o.name_cy), "%s", la.name_cy);
	rc = auth_org_add(s, by, &o, now, NULL, err);
	if (!rc)
		rc = store_org_get(s, kind, code, out, err);
	return rc;
}

int auth_org_area_add(struct store *s, const struct auth_actor *by,
		      int64_t org_id, const char *la_code, int64_t now,
		      struct err *err)
{
	char ref[ORG_CODE_MAX + 16];
	struct org o;
	struct la la;
	int rc;

	rc = store_org_get_id(s, org_id, &o, err);
	if (rc)
		return rc;
	if (o.kind != ORG_POLICE)
		return err_set(err, ERR_INVALID, "only a police force has an "
			       "area");
	if (store_la_get(s, la_code, &la, NULL) || !la.is_council)
		return err_set(err, ERR_NOT_FOUND, "no council %.40s in the "
			       "geography", la_code);
	snprintf(ref, sizeof(ref), "police:%s", o.code);
	rc = store_begin(s, err);
	if (rc)
		return rc;
	rc = store_org_area_add(s, org_id, la.code, err);
	if (!rc)
		rc = auth__audit(s, by, now, "org-area-add", "org", ref, err,
				 "covers %s (%s)", la.code, la.name_en);
	return finish(s, rc, err);
}

/* ---- users ---------------------------------------------------------------------- */

int auth_user_add(struct store *s, const struct auth_actor *by,
		  const struct auth_new_user *nu, const char *password,
		  int64_t now, int64_t *id, struct err *err)
{
	char pwhash[AUTH_PWHASH_MAX];
	struct user u;
	struct org o;
	int64_t got = 0;
	int rc;

	memset(&u, 0, sizeof(u));
	if (auth_email_normalise(nu->email, u.email))
		return err_set(err, ERR_INVALID, "\"%.80s\" is not an email "
			       "address", nu->email ? nu->email : "");
	if (!auth__text_ok(nu->name, USER_NAME_MAX))
		return err_set(err, ERR_INVALID, "a name is 1 to %d characters "
			       "without control characters", USER_NAME_MAX);
	if ((unsigned)nu->role >= ROLE_N)
		return err_set(err, ERR_INVALID, "unknown role");
	rc = store_org_get_id(s, nu->org_id, &o, err);
	if (rc)
		return rc;
	if (!auth_role_fits(nu->role, o.kind))
		return err_set(err, ERR_INVALID, "a user of %s:%s (%s) cannot "
			       "have the role %s", org_kind_name(o.kind),
			       o.code, o.name_en, role_name(nu->role));
	rc = auth_password_policy(password, u.email, err);
	if (rc)
		return rc;
	snprintf(u.name, sizeof(u.name), "%s", nu->name);
	u.role = nu->role;
	u.org_id = o.id;
	u.created_at = now;
	rc = auth_password_hash(password, pwhash, err);
	if (rc)
		return rc;
	rc = store_begin(s, err);
	if (rc)
		return rc;
	rc = store_user_add(s, &u, pwhash, &got, err);
	if (!rc)
		rc = auth__audit(s, by, now, "user-add", "user", u.email, err,
				 "%s in %s:%s", role_name(u.role),
				 org_kind_name(o.kind), o.code);
	rc = finish(s, rc, err);
	if (!rc && id)
		*id = got;
	return rc;
}

/* The user of an email address, or ERR_NOT_FOUND naming it. */
static int user_of(struct store *s, const char *email, struct user *u,
		   struct err *err)
{
	char norm[USER_EMAIL_MAX + 1];
	int rc;

	if (auth_email_normalise(email, norm))
		return err_set(err, ERR_INVALID, "\"%.80s\" is not an email "
			       "address", email ? email : "");
	rc = store_user_by_email(s, norm, u, NULL, NULL);
	if (rc == ERR_NOT_FOUND)
		return err_set(err, rc, "no user %s", norm);
	if (rc)
		return err_set(err, rc, "looking up user %s", norm);
	return 0;
}

static int count_admin(const struct user *u, void *ctx)
{
	if (u->role == ROLE_ADMIN && !u->disabled)
		(*(long *)ctx)++;
	return 0;
}

int auth_user_may_disable(struct store *s, const struct auth_actor *by,
			  const struct user *u, enum auth_disable_block *out,
			  struct err *err)
{
	long admins = 0;
	int rc;

	*out = AUTH_DISABLE_OK;
	if (u->disabled) {
		*out = AUTH_DISABLE_ALREADY;
		return 0;
	}
	if (by && by->user && by->user->id == u->id) {
		*out = AUTH_DISABLE_SELF;
		return 0;
	}
	if (u->role != ROLE_ADMIN)
		return 0;
	rc = store_users_each(s, count_admin, &admins, err);
	if (rc)
		return rc;
	if (admins <= 1)
		*out = AUTH_DISABLE_LAST_ADMIN;
	return 0;
}

/* Inside the transaction: may u still be disabled?  ERR_INVALID if not. */
static int disable_allowed(struct store *s, const struct auth_actor *by,
			   const struct user *u, struct err *err)
{
	enum auth_disable_block why;
	int rc = auth_user_may_disable(s, by, u, &why, err);

	if (rc)
		return rc;
	switch (why) {
	case AUTH_DISABLE_OK:
		return 0;
	case AUTH_DISABLE_ALREADY:
		return err_set(err, ERR_INVALID, "user %s is already disabled",
			       u->email);
	case AUTH_DISABLE_SELF:
		return err_set(err, ERR_INVALID, "you cannot disable your own "
			       "account: ask another administrator");
	case AUTH_DISABLE_LAST_ADMIN:
		return err_set(err, ERR_INVALID, "%s is the last active "
			       "administrator: add or enable another "
			       "administrator first", u->email);
	}
	return err_set(err, ERR_INVALID, "user %s may not be disabled",
		       u->email);
}

static int set_disabled(struct store *s, const struct auth_actor *by,
			const char *email, bool disabled, int64_t now,
			struct err *err)
{
	struct user u;
	int rc;

	rc = user_of(s, email, &u, err);
	if (rc)
		return rc;
	if (u.disabled == disabled)
		return err_set(err, ERR_INVALID, "user %s is already %s",
			       u.email, disabled ? "disabled" : "enabled");
	rc = store_begin(s, err);
	if (rc)
		return rc;
	/* under the write lock (BEGIN IMMEDIATE): the user as they are now,
	 * and the rules checked against every other change */
	rc = store_user_by_id(s, u.id, &u, NULL, err);
	if (!rc && u.disabled == disabled)
		rc = err_set(err, ERR_INVALID, "user %s is already %s",
			     u.email, disabled ? "disabled" : "enabled");
	if (!rc && disabled)
		rc = disable_allowed(s, by, &u, err);
	if (!rc)
		rc = store_user_set_disabled(s, u.id, disabled, err);
	if (!rc && disabled)
		rc = store_sessions_delete_user(s, u.id, err);
	if (!rc && disabled)
		rc = store_api_tokens_revoke_user(s, u.id, now, err);
	if (!rc)
		rc = auth__audit(s, by, now,
				 disabled ? "user-disable" : "user-enable",
				 "user", u.email, err, NULL);
	return finish(s, rc, err);
}

int auth_user_disable(struct store *s, const struct auth_actor *by,
		      const char *email, int64_t now, struct err *err)
{
	return set_disabled(s, by, email, true, now, err);
}

int auth_user_enable(struct store *s, const struct auth_actor *by,
		     const char *email, int64_t now, struct err *err)
{
	return set_disabled(s, by, email, false, now, err);
}

int auth_user_reset(struct store *s, const struct auth_actor *by,
		    const char *email, const char *password, int64_t now,
		    struct err *err)
{
	char pwhash[AUTH_PWHASH_MAX], key[STORE_THROTTLE_KEY_MAX + 1];
	struct user u;
	int rc;

	rc = user_of(s, email, &u, err);
	if (!rc)
		rc = auth_password_policy(password, u.email, err);
	if (!rc)
		rc = auth_password_hash(password, pwhash, err);
	if (rc)
		return rc;
	snprintf(key, sizeof(key), "acct:%s", u.email);
	rc = store_begin(s, err);
	if (rc)
		return rc;
	rc = store_user_set_password(s, u.id, pwhash, now, err);
	if (!rc)
		rc = store_sessions_delete_user(s, u.id, err);
	/* a reset is for an account that may be in other hands: a token
	 * made by whoever had it must stop working too (issue 10, item 5) */
	if (!rc)
		rc = store_api_tokens_revoke_user(s, u.id, now, err);
	if (!rc)
		rc = store_login_fails_clear(s, key, err);
	if (!rc)
		rc = auth__audit(s, by, now, "user-reset", "user", u.email,
				 err, "new password; sessions ended; API "
				 "tokens revoked");
	return finish(s, rc, err);
}

/* ---- listing users ------------------------------------------------------------- */

bool auth_user_matches(const struct auth_user_filter *f, const struct user *u)
{
	if (f->org_id && u->org_id != f->org_id)
		return false;
	if (f->role != ROLE_N && u->role != f->role)
		return false;
	if (f->status == AUTH_USERS_ACTIVE && u->disabled)
		return false;
	if (f->status == AUTH_USERS_DISABLED && !u->disabled)
		return false;
	return true;
}

struct page_ctx {
	const struct auth_user_filter *f;
	struct auth_user_page *out;
	long skip;			/* matches before the page */
};

static int page_user(const struct user *u, void *ctx)
{
	struct page_ctx *c = ctx;
	struct auth_user_page *p = c->out;

	if (!auth_user_matches(c->f, u))
		return 0;
	if (p->total++ < c->skip || p->n >= (size_t)p->page_size)
		return 0;
	p->rows[p->n++] = *u;
	return 0;
}

int auth_users_page(struct store *s, const struct auth_user_filter *f,
		    struct auth_user_page *out, struct err *err)
{
	struct page_ctx c = { f, out, 0 };
	long size = f->page_size > 0 ? f->page_size : STORE_PAGE_DEFAULT;
	long page = f->page > 0 ? f->page : 0;

	if (size > STORE_PAGE_MAX)
		size = STORE_PAGE_MAX;
	if (page > STORE_PAGE_LAST)
		page = STORE_PAGE_LAST;
	out->total = 0;
	out->n = 0;
	out->page = page;
	out->page_size = size;
	c.skip = page * size;
	/* every user is read: people, not children, so thousands at most */
	return store_users_each(s, page_user, &c, err);
}

/* ---- demo users ----------------------------------------------------------------- */

#define DEMO_COUNCIL "W06000015"	/* Cardiff */
#define DEMO_POLICE "south-wales"

struct demo_home {
	int32_t today;
	char provider[PROVIDER_NAME_MAX + 1];
};

/* The provider of the first open private or voluntary home in Cardiff. */
static int pick_home(const struct home *h, void *ctx)
{
	struct demo_home *d = ctx;

	if (strcmp(h->la, DEMO_COUNCIL) || h->provider_type == PROVIDER_LA ||
	    !home_open_on(h, d->today))
		return 0;
	snprintf(d->provider, sizeof(d->provider), "%s", h->provider);
	return 1;		/* found: stop */
}

/* The provider organisation of the demo home manager, made if needed. */
static int demo_provider(struct store *s, const struct auth_actor *by,
			 int64_t now, struct org *out, struct err *err)
{
	struct demo_home d = { (int32_t)(now / 86400000), "" };
	struct org o;
	int rc;

	rc = store_homes_each(s, pick_home, &d, err);
	if (rc < 0)
		return rc;
	if (!d.provider[0])
		return err_set(err, ERR_NOT_FOUND, "no open private or "
			       "voluntary home in Cardiff (%s): load the demo "
			       "data first (make demo)", DEMO_COUNCIL);
	rc = store_org_get(s, ORG_PROVIDER, d.provider, out, NULL);
	if (rc != ERR_NOT_FOUND)
		return rc ? err_set(err, rc, "looking up a provider") : 0;
	memset(&o, 0, sizeof(o));
	o.kind = ORG_PROVIDER;
	snprintf(o.code, sizeof(o.code), "%s", d.provider);
	snprintf(o.name_en, sizeof(o.name_en), "%s", d.provider);
	snprintf(o.provider, sizeof(o.provider), "%s", d.provider);
	rc = auth_org_add(s, by, &o, now, NULL, err);
	if (!rc)
		rc = store_org_get(s, ORG_PROVIDER, d.provider, out, err);
	return rc;
}

int auth_demo_users(struct store *s, const struct auth_actor *by,
		    int64_t now, auth_demo_fn *fn, void *ctx,
		    struct err *err)
{
	static const struct {
		const char *local, *name;
		enum role role;
		enum org_kind kind;
		const char *code;	/* NULL: the demo provider */
	} demo[] = {
		{ "inspector", "Demo Inspector", ROLE_INSPECTOR,
		  ORG_INSPECTORATE, "CIW" },
		{ "analyst", "Demo Analyst", ROLE_ANALYST, ORG_INSPECTORATE,
		  "CIW" },
		{ "social-worker", "Demo Social Worker",
		  ROLE_COUNCIL_SOCIAL_WORKER, ORG_COUNCIL, DEMO_COUNCIL },
		{ "placements", "Demo Placements Officer",
		  ROLE_COUNCIL_PLACEMENTS, ORG_COUNCIL, DEMO_COUNCIL },
		{ "home-manager", "Demo Home Manager", ROLE_HOME_MANAGER,
		  ORG_PROVIDER, NULL },
		{ "police", "Demo Missing Persons Coordinator",
		  ROLE_POLICE_MISSING_COORDINATOR, ORG_POLICE, DEMO_POLICE },
		{ "admin", "Demo Administrator", ROLE_ADMIN, ORG_INSPECTORATE,
		  "CIW" },
	};
	char email[USER_EMAIL_MAX + 1];
	struct user u;
	struct org o;
	int rc;

	/* each user in its own transaction (auth_user_add()): a second
	 * run completes a first one that failed half-way */
	rc = 0;
	for (size_t i = 0; !rc && i < ARRAY_SIZE(demo); i++) {
		struct auth_new_user nu = { email, demo[i].name, demo[i].role,
					    0 };
		bool created = false;

		snprintf(email, sizeof(email), "%s@%s", demo[i].local,
			 AUTH_DEMO_DOMAIN);
		rc = store_user_by_email(s, email, &u, NULL, NULL);
		if (rc == ERR_NOT_FOUND) {
			rc = demo[i].code ?
				     auth_org_find(s, by, demo[i].kind,
						   demo[i].code, now, &o, err) :
				     demo_provider(s, by, now, &o, err);
			nu.org_id = o.id;
			if (!rc)
				rc = auth_user_add(s, by, &nu,
						   AUTH_DEMO_PASSWORD, now,
						   NULL, err);
			if (!rc)
				rc = store_user_by_email(s, email, &u, NULL,
							 err);
			created = true;
		} else if (rc) {
			rc = err_set(err, rc, "looking up %s", email);
		}
		if (!rc && fn)
			rc = fn(&u, created, ctx);
	}
	return rc;
}
