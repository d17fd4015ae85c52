/*
 * store-lease.c: named leases (store.h, store_lease_take()).
 *
 * Several `cartref serve` processes may share one store (PostgreSQL, or
 * one SQLite file): a scheduled job such as the alerts run should happen
 * once per period, not once per server.  The holder of a lease keeps it
 * by taking it again; another takes it only once it has expired, so a
 * server that stops hands the job on within one term.
 */
#include "base/compat.h"
#include "store/store-internal.h"

static const char sql_lease_take[] =
	"INSERT INTO lease (name, holder, expires_at) VALUES (?1, ?2, ?4)"
	" ON CONFLICT (name) DO UPDATE SET holder = ?2, expires_at = ?4"
	" WHERE lease.expires_at <= ?3 OR lease.holder = ?2";

int store_lease_take(struct store *s, const char *name, const char *holder,
		     int64_t now, int64_t until, bool *got, struct err *err)
{
	struct sql *db = s->db;
	struct sql_stmt *st;
	int rc;

	*got = false;
	if (!name || !*name || !holder || !*holder || until <= now)
		return err_set(err, ERR_INVALID, "lease: a name, a holder and "
			       "a term are needed");
	st = sql_cached(db, sql_lease_take, err);
	if (!st)
		return ERR_STORE;
	sql_bind_text(st, 1, name);
	sql_bind_text(st, 2, holder);
	sql_bind_time(st, 3, now);
	sql_bind_time(st, 4, until);
	rc = sql_step_done(db, st, err, "lease");
	sql_reset(st);
	if (!rc)
		*got = sql_changes(db) == 1;
	return rc;
}

static const char sql_lease_give[] =
	"DELETE FROM lease WHERE name = ?1 AND holder = ?2";

int store_lease_give(struct store *s, const char *name, const char *holder,
		     struct err *err)
{
	struct sql *db = s->db;
	struct sql_stmt *st = sql_cached(db, sql_lease_give, err);
	int rc;

	if (!st)
		return ERR_STORE;
	sql_bind_text(st, 1, name);
	sql_bind_text(st, 2, holder);
	rc = sql_step_done(db, st, err, "lease");
	sql_reset(st);
	return rc;
}
