/*
 * people.h: organisations, their users and the users' roles (issue 4;
 * docs/security.md, docs/access.md): the vocabulary src/auth/ applies
 * policy to and the store keeps (store-people.h).  A role in its kind of
 * organisation gives a kind of access (domain/viewer.h).
 */
#ifndef CARTREF_PEOPLE_H
#define CARTREF_PEOPLE_H

#include "base/compat.h"
#include "domain/home.h"
#include "domain/ssda903.h"

enum org_kind {
	ORG_INSPECTORATE = 0,
	ORG_COUNCIL,
	ORG_PROVIDER,
	ORG_POLICE,
	ORG_HEALTH_BOARD,
	ORG_NKINDS
};
/* "inspectorate", "council", "provider", "police", "health_board". */
const char *org_kind_name(enum org_kind k);
int org_kind_parse(const char *s, enum org_kind *out);

enum role {
	ROLE_INSPECTOR = 0,
	ROLE_ANALYST,
	ROLE_COUNCIL_SOCIAL_WORKER,
	ROLE_COUNCIL_PLACEMENTS,
	ROLE_HOME_MANAGER,
	ROLE_POLICE_MISSING_COORDINATOR,
	ROLE_ADMIN,
	ROLE_N
};
/* "inspector", "analyst", ..., "admin" (the store's words). */
const char *role_name(enum role r);
int role_parse(const char *s, enum role *out);

#define ORG_CODE_MAX 120
#define ORG_NAME_MAX 120

struct org {
	int64_t id;
	enum org_kind kind;
	/* GSS code for a council, "CIW", a police force's short name
	 * ("south-wales"), a provider's name */
	char code[ORG_CODE_MAX + 1];
	char name_en[ORG_NAME_MAX + 1];
	char name_cy[ORG_NAME_MAX + 1];
	char la[LA_CODE_MAX + 1];	/* council: its GSS code, else "" */
	/* provider: its name in the homes register, or "" */
	char provider[PROVIDER_NAME_MAX + 1];
};

#define USER_EMAIL_MAX 254
#define USER_NAME_MAX 120

struct user {
	int64_t id;
	int64_t org_id;
	enum org_kind org_kind;		/* of org_id, read-only */
	char org_code[ORG_CODE_MAX + 1];	/* read-only */
	char org_name[ORG_NAME_MAX + 1];	/* read-only, English */
	char email[USER_EMAIL_MAX + 1];	/* lower case */
	char name[USER_NAME_MAX + 1];
	enum role role;
	bool disabled;
	int64_t created_at;
	int64_t password_changed_at;
};

#endif
