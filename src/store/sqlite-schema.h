/* sqlite-schema.h: the SQLite backend's numbered migrations. */
#ifndef CARTREF_SQLITE_SCHEMA_H
#define CARTREF_SQLITE_SCHEMA_H

#include "base/compat.h"

struct sqlite_migration {
	int version;
	const char *summary;
	/* statements run in order; NULL ends (ISO C caps one literal at 4095) */
	const char *sql[8];
};

/* The audit table's triggers, by name, as sqlite_schema keeps them. */
struct sqlite_trigger {
	const char *name;
	const char *sql;
};
extern const struct sqlite_trigger sqlite_audit_triggers[];
extern const size_t sqlite_naudit_triggers;
/* The audit file's table and indexes (schema "aud"), and its version. */
extern const char sqlite_audit_table[];
#define SQLITE_AUDIT_VERSION 1
/* The migration that drops main.audit once its rows are in aud.audit. */
#define SQLITE_AUDIT_MOVE 9

extern const struct sqlite_migration sqlite_migrations[];
extern const size_t sqlite_nmigrations;

#endif
