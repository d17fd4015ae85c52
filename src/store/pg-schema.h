/* pg-schema.h: the PostgreSQL driver's schema (sql-pg.c, pg-schema.c). */
#ifndef CARTREF_PG_SCHEMA_H
#define CARTREF_PG_SCHEMA_H

#include "base/compat.h"

/*
 * A new PostgreSQL store is made at version PG_SCHEMA_BASE in one step:
 * the same tables, constraints, indexes and triggers as SQLite's
 * migrations 1..10 (sqlite-schema.c).  Every later migration is written
 * for both drivers: pg_migrations[] takes a store from PG_SCHEMA_BASE to
 * PG_SCHEMA_VERSION, one version at a time.
 */
#define PG_SCHEMA_BASE 10
#define PG_SCHEMA_VERSION 13

/* The statements that make the base schema, in order (ISO C caps one
 * string literal at 4095 bytes, hence several). */
extern const char *const pg_schema[];
extern const size_t pg_nschema;

struct pg_migration {
	int version;
	const char *summary;
	const char *sql;	/* may hold several statements */
};
extern const struct pg_migration pg_migrations[];
extern const size_t pg_nmigrations;

/* The audit table's triggers by name, as pg_get_triggerdef() gives them
 * back, and the source of the function each runs (pg_proc.prosrc): what
 * sql-pg.c's audit_protected() expects to find. */
struct pg_trigger {
	const char *name;
	const char *def;
	const char *source;
};
extern const struct pg_trigger pg_audit_triggers[];
extern const size_t pg_naudit_triggers;

#endif
