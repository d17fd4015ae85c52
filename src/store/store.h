/*
 * store.h: the whole public store API, for the code that uses most of it
 * (the CLI, the store's own files, tests).  A module that needs one part
 * includes that part alone:
 *
 *   store-core.h     the handle, transactions, geography, homes, returns,
 *                    history, counts, the store's time text
 *   store-people.h   organisations, users, sessions, API tokens, sign-in
 *                    throttling, the audit trail
 *   store-scope.h    what each viewer may see: children, homes, missing
 *                    periods (docs/access.md)
 *   store-missing.h  missing from care, recorded live (docs/missing.md)
 *   store-alerts.h   alerts, the outbox, webhooks (docs/alerts.md)
 *   store-quality.h  inspections, notifications, recommendations
 *                    (docs/inspections.md)
 *
 * How the store keeps data, and its drivers, are in docs/store.md.
 */
#ifndef CARTREF_STORE_H
#define CARTREF_STORE_H

#include "store/store-core.h"
#include "store/store-people.h"
#include "store/store-scope.h"
#include "store/store-missing.h"
#include "store/store-alerts.h"
#include "store/store-quality.h"

#endif
