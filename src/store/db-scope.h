/*
 * db-scope.h: the SQL the scoped reads share
 * (db-scope.c: children, homes, missing periods; db-missing.c:
 * live missing episodes).  Fixed text only: the viewer's data arrives as
 * the bound parameters db_bind_viewer() sets (:today, :cutoff, :la,
 * :provider, :areas).  Only src/store/db-*.c include it.
 */
#ifndef CARTREF_STORE_DB_SCOPE_H
#define CARTREF_STORE_DB_SCOPE_H

#include "domain/viewer.h"
#include "store/sql.h"

/* Episode a (of episode_merged) open on day d. */
#define EP_OPEN_ON(a, d)                                                 \
	"(" a ".decom <= " d " AND (" a ".end_eff IS NULL OR " a          \
	".end_eff > " d "))"

/* Is the council code e in the police area list :areas (",A,B,")? */
#define IN_AREA(e) "instr(:areas, ',' || " e " || ',') > 0"

/*
 * Child c (alias a) under 18 today: nobody of 18 or over is looked after,
 * whatever an old return left open.  :adult_born is the last date of
 * birth of an 18-year-old today (date_born_by(): one born on 29 February
 * is 18 on 1 March), computed in C rather than with SQLite's date()
 * arithmetic, which PostgreSQL has not (db_bind_viewer()).
 */
#define UNDER_18_TODAY(a) "(" a ".dob > :adult_born)"

/*
 * Child c as inspectors see it: ever placed in a registered home.  As a
 * provider does: with an episode at one of its homes that began by today
 * and ended no more than VIEWER_WINDOW_DAYS before it (:cutoff), or has
 * not ended; an episode left open for someone who has turned 18 ended on
 * their 18th birthday (on or after :cutoff: born after
 * :cutoff_adult_born, the last birth date of an 18-year-old the day
 * before :cutoff).
 */
#define SCOPE_INSPECTORATE_EPISODES                                      \
	" FROM home h0 JOIN episode e0 ON e0.urn = h0.urn"                \
	" WHERE e0.decom <= :today"
#define SCOPE_INSPECTORATE                                               \
	"c.id IN (SELECT e0.child_id" SCOPE_INSPECTORATE_EPISODES ")"
/* The same rule for one child (a lookup, not the set of every child
 * placed in a registered home: that took milliseconds a call). */
#define SCOPE_INSPECTORATE_ONE                                           \
	"EXISTS (SELECT 1" SCOPE_INSPECTORATE_EPISODES                    \
	" AND e0.child_id = c.id)"
#define SCOPE_PROVIDER_EPISODES                                          \
	" FROM provider p0"                                               \
	" JOIN home h0 ON h0.provider_id = p0.id"                         \
	" JOIN episode_merged e0 ON e0.urn = h0.urn"                      \
	" JOIN child c0 ON c0.id = e0.child_id"                           \
	" WHERE p0.name = :provider AND e0.decom <= :today"               \
	" AND (e0.end_eff >= :cutoff OR (e0.end_eff IS NULL"              \
	" AND c0.dob > :cutoff_adult_born))"
#define SCOPE_PROVIDER                                                   \
	"c.id IN (SELECT e0.child_id" SCOPE_PROVIDER_EPISODES ")"
#define SCOPE_PROVIDER_ONE                                               \
	"EXISTS (SELECT 1" SCOPE_PROVIDER_EPISODES " AND e0.child_id = c.id)"

/* M(the predicates of one kind of access), for BY_ACCESS tables. */
#define APPLY(M, ...) M(__VA_ARGS__)

/*
 * Bind the viewer's scope parameters by name (a statement without one
 * ignores it): :today and :cutoff (today - VIEWER_WINDOW_DAYS) as ISO
 * days, :la for a council, :provider for a provider, :areas
 * (",W06000011,W06000015,") for a police force; those the access does
 * not have bind NULL, which matches nothing.
 */
void db_bind_viewer(struct sql_stmt *s, const struct viewer *v);

#endif
