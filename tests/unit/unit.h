/*
 * unit.h: common includes and helpers for cmocka unit tests.  Each
 * tests/unit/u-*.c is one program testing one module; tests/run.sh runs
 * them all (from the repository root) and adds up their results.
 * Helpers are static inline so a test that does not use one pays nothing.
 */
#ifndef CARTREF_UNIT_H
#define CARTREF_UNIT_H

#include "base/compat.h"
#include <ftw.h>
#include <setjmp.h>
#include <cmocka.h>
#include "base/parse.h"
#include "ingest/geo-import.h"
#include "store/store.h"

/* A day number from "dd/mm/yyyy"; "" gives DATE_NONE. */
static inline int32_t unit_date(const char *dmy)
{
	int32_t d;

	if (!*dmy)
		return DATE_NONE;
	if (parse_date_dmy(dmy, &d))
		fail_msg("bad test date \"%s\"", dmy);
	return d;
}

/*
 * Group setup: an in-memory store with the geography loaded (about
 * 0.3 s, so once per program), in *state.  unit_store_teardown closes it.
 */
static inline int unit_geo_store_setup(void **state)
{
	struct store *s = NULL;
	struct err err = ERR_INIT;
	char dir[4096];

	if (geo_find_datadir(dir, sizeof(dir), &err) ||
	    store_open(&s, ":memory:", &err) || geo_import(s, dir, &err)) {
		fprintf(stderr, "geography store: %s\n", err_text(&err));
		store_close(s);
		return -1;
	}
	*state = s;
	return 0;
}

static inline int unit_rm_one(const char *path, const struct stat *st,
			      int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* Remove dir and everything under it (a test's mkdtemp directory). */
static inline int unit_rm_tree(const char *dir)
{
	return nftw(dir, unit_rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static inline int unit_store_teardown(void **state)
{
	store_close(*state);
	return 0;
}

#endif
