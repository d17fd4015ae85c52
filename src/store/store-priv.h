/*
 * store-priv.h: what the files behind store.h share (src/store/ only).
 */
#ifndef CARTREF_STORE_PRIV_H
#define CARTREF_STORE_PRIV_H

#include "store/sql.h"
#include "store/store.h"

struct store {
	struct sql *db;
};

static inline struct sql *store_sql(struct store *s)
{
	return s->db;
}

#endif
