/*
 * store-internal.h: what the files of the public store API share
 * (store.c, store-people.c, store-scope.c, store-alerts.c,
 * store-missing.c): the handle, and the viewer checks, paging and audit
 * naming of the scoped reads and changes (defined in store-scope.c).
 * Only src/store/ includes this; its functions are store__*, as
 * auth-internal.h's are auth__*.
 */
#ifndef CARTREF_STORE_INTERNAL_H
#define CARTREF_STORE_INTERNAL_H

#include "base/compat.h"
#include "store/db.h"

struct store {
	struct sql *db;
};

/* Filter strings longer than this cannot match anything. */
#define FILTER_TEXT_MAX 64

/* A viewer fit to ask at all; with children, one that may see some and
 * can be audited. */
int store__viewer_check(const struct viewer *v, bool children, struct err *err);

/*
 * store__viewer_check(v, true), with the refusal of a role that sees
 * aggregates only audited ("view-denied", or "change-denied" for a
 * change), as every refusal of a scoped read or change is.
 */
int store__scoped_viewer(struct store *s, const struct viewer *v, bool change,
			 const char *kind, const char *subject,
			 struct err *err);

/* A page number and size within the store's limits (store-scope.h, "Paging"). */
void store__page_clamp(long page, long size, long *page_out, long *size_out);

/* Can filter text f match anything (NULL and "" match everything)? */
bool store__filter_ok(const char *f);

/* The children a list shows, for its audit row: "LA/REF LA/REF ...",
 * and "(+N more)" when they do not all fit in the detail column. */
struct names {
	char text[AUDIT_DETAIL_MAX + 1];
	size_t len;
	size_t left_out;
};

void store__names_add(struct names *nm, const char *la, const char *ref);
const char *store__names_text(struct names *nm);

#endif
