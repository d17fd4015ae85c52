/*
 * mfc-rules.h: who may record which step of a live missing-from-care
 * episode, and which of its fields are withheld from whom (issue 5;
 * docs/access.md, "Missing from care").
 *
 * The rules are one table (mfc-rules.c), read by the store before it
 * changes anything, by the pages to decide which forms to offer and by
 * the API to decide which fields to send; none of them keeps a copy.
 * They depend on the kind of access only.  Which episodes a viewer may
 * see or change (the row scope) is the store's, decided in SQL.
 */
#ifndef CARTREF_MFC_RULES_H
#define CARTREF_MFC_RULES_H

#include "base/compat.h"
#include "domain/missing.h"
#include "domain/viewer.h"

/*
 * The steps of an episode's record.  The first four are changes of a
 * stored episode (store_mfc_update_home() ... store_mfc_interview());
 * 0 is "no one kind of change" for store_mfc_change_refused().
 */
enum mfc_op {
	MFC_OP_HOME = 1,	/* the home's fields: last seen, actions ... */
	MFC_OP_POLICE,		/* reference, grade, arrested, charged */
	MFC_OP_RETURN,		/* returned_at, returned_place */
	MFC_OP_INTERVIEW,	/* the return interview (ri_*) */
	MFC_OP_REPORT,		/* report a child missing or away */
	MFC_OP_MEETING,		/* a strategy meeting about the child */
	MFC_OP_GRAB_PACK,	/* write the child's grab pack */
	MFC_NOPS
};

/* May a viewer with access a record step op (false for an unknown op)? */
bool mfc_may(enum viewer_access a, enum mfc_op op);

/* What step op records, for messages and audit rows: "home's record",
 * "police record", "return", "return interview", ... ("?" unknown). */
const char *mfc_op_name(enum mfc_op op);

/* The fields of an episode not everyone who sees it may see. */
enum mfc_field {
	MFC_FIELD_RI_BY = 0,	/* who held the return interview */
	MFC_FIELD_RI_SUMMARY,	/* what the child said in it */
	MFC_NFIELDS
};

/* May a viewer with access a see field f of an episode it sees? */
bool mfc_sees(enum viewer_access a, enum mfc_field f);

/* Empty the fields of e that access a may not see. */
void mfc_redact(enum viewer_access a, struct mfc_episode *e);

#endif
