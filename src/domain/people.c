/*
 * people.c: the words for kinds of organisation and roles (see
 * people.h), as the store keeps them and the CLI takes them.
 */
#include "base/compat.h"
#include "base/err.h"
#include "domain/people.h"

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
