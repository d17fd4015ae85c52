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

extern const struct sqlite_migration sqlite_migrations[];
extern const size_t sqlite_nmigrations;

#endif
