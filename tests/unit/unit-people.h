/*
 * unit-people.h: organisations and users for the tests of scoped reads
 * and writes (u-scope, u-missing, u-alerts).  Static inline, like unit.h.
 */
#ifndef CARTREF_UNIT_PEOPLE_H
#define CARTREF_UNIT_PEOPLE_H

#include "unit.h"
#include "auth/auth.h"

/* A well-formed argon2id string that no password matches. */
#define UNIT_FAKE_HASH                                                   \
	"$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g"

/*
 * The id of organisation kind:code, made if need be: a provider (named
 * provider in the register) is added, the others found or made from the
 * geography (auth_org_find()).  Fails the test on error.
 */
static inline int64_t unit_org(struct store *s, enum org_kind kind,
			       const char *code, const char *provider)
{
	static const struct auth_actor tester = { NULL, "unit-test", "" };
	struct err err = ERR_INIT;
	struct org o;
	int64_t id = 0;

	if (kind == ORG_PROVIDER) {
		memset(&o, 0, sizeof(o));
		o.kind = ORG_PROVIDER;
		snprintf(o.code, sizeof(o.code), "%s", code);
		snprintf(o.name_en, sizeof(o.name_en), "%s", code);
		snprintf(o.provider, sizeof(o.provider), "%s", provider);
		if (auth_org_add(s, &tester, &o, 0, &id, &err))
			fail_msg("org %s: %s", code, err_text(&err));
		return id;
	}
	if (auth_org_find(s, &tester, kind, code, 0, &o, &err))
		fail_msg("org %s: %s", code, err_text(&err));
	return o.id;
}

/* Add user email ("Test n", role, organisation org_id) and read it back
 * into *out.  Fails the test on error. */
static inline void unit_user(struct store *s, const char *email, int n,
			     enum role role, int64_t org_id, bool disabled,
			     struct user *out)
{
	struct err err = ERR_INIT;
	struct user u;
	int64_t id = 0;

	memset(&u, 0, sizeof(u));
	snprintf(u.email, sizeof(u.email), "%s", email);
	snprintf(u.name, sizeof(u.name), "Test %d", n);
	u.role = role;
	u.org_id = org_id;
	u.disabled = disabled;
	u.created_at = 1;
	if (store_user_add(s, &u, UNIT_FAKE_HASH, &id, &err) ||
	    store_user_by_id(s, id, out, NULL, &err))
		fail_msg("user %s: %s", email, err_text(&err));
}

#endif
