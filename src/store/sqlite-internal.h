/*
 * sqlite-internal.h: what the SQLite backend's files share.  Only
 * src/store/store-sqlite.c and src/store/sqlite-*.c include it.
 */
#ifndef CARTREF_SQLITE_INTERNAL_H
#define CARTREF_SQLITE_INTERNAL_H

#include <sqlite3.h>
#include "store/store-internal.h"

/* The connection of a backend instance. */
sqlite3 *sq_handle(void *impl);

/* sqlite-history.c */
int sq_history_load(void *impl, struct history *out, struct err *err);

#endif
