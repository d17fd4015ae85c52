/*
 * alert.c: the words for alert states and severities (see alert.h).
 */
#include "base/compat.h"
#include "base/err.h"
#include "domain/alert.h"

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
