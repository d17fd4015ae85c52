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

/*
 * Column readers: text truncated to cap - 1 bytes ("" for NULL); an ISO
 * date as a day number (DATE_NONE for NULL or bad); an integer, -1 for
 * NULL.
 */
void sq_col_text(sqlite3_stmt *s, int i, char *out, size_t cap);
int32_t sq_col_date(sqlite3_stmt *s, int i);
int32_t sq_col_opt_int(sqlite3_stmt *s, int i);

/* sqlite-history.c */
int sq_history_load(void *impl, struct history *out, struct err *err);

#endif
