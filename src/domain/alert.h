/*
 * alert.h: the vocabulary of alerts (issue 5; docs/alerts.md): their
 * states and severities, and the limits of a rule's name, an alert's key
 * and its facts.  The rules are in src/alerts/, the alerts kept by the
 * store (store-alerts.h).
 */
#ifndef CARTREF_ALERT_H
#define CARTREF_ALERT_H

#include "base/compat.h"

#define ALERT_RULE_MAX 32
#define ALERT_KEY_MAX 80
/* The structured facts a rule found (a small JSON object, docs/alerts.md
 * "Facts"), from which the texts are written at output time. */
#define ALERT_FACTS_MAX 400

/*
 * An alert's state.  historical: found by a first run in imported
 * history, older than its rule's horizon and not going on now: kept
 * for the record, told to nobody, on no "open" list or count.
 */
enum alert_state {
	ALERT_OPEN = 0,
	ALERT_ACKNOWLEDGED,
	ALERT_RESOLVED,
	ALERT_CLEARED,
	ALERT_HISTORICAL,
	ALERT_NSTATES
};
/* "open", "acknowledged", "resolved", "cleared", "historical". */
const char *alert_state_name(enum alert_state st);
int alert_state_parse(const char *s, enum alert_state *out);

/* How urgent an alert is (0: not known, an alert from before
 * migration 7 not evaluated since). */
enum alert_severity {
	ALERT_SEV_NONE = 0,
	ALERT_SEV_LOW,
	ALERT_SEV_MEDIUM,
	ALERT_SEV_HIGH,
	ALERT_SEV_URGENT,
	ALERT_NSEVERITIES
};
/* "none", "low", "medium", "high", "urgent". */
const char *alert_severity_name(int sev);

#endif
