/*
 * store-missing.h: missing from care, recorded live (issue 5;
 * docs/missing.md).
 *
 * The live records of missing episodes, strategy meetings and grab packs
 * (domain/missing.h), scoped and audited like the reads above: each
 * function takes the viewer, the store decides in SQL with the viewer's
 * council, provider, police area and day bound as parameters which
 * episodes it may see or change (docs/access.md, "Missing from care"),
 * and writes the audit row through v->audit in the same transaction as
 * the change ("change", subject child LA/REF; a grab pack's subject kind
 * is "grab-pack").  A refused write or read writes "change-denied" or
 * "view-denied" instead.  Out of scope and nonexistent are the same
 * ERR_NOT_FOUND; ERR_DENIED depends only on the viewer (a kind of access
 * that may never do the operation, VIEWER_NONE, no audit hook).  Bad
 * input (mfc_episode_check()) is ERR_INVALID and writes nothing.
 * Times are checked against v->now_ms.
 *
 * The audit row of a change must commit with the change: a caller whose
 * viewer's hook writes through another connection (the server's group
 * commit writer, auth/audit.h) must unbind it (audit_writer_bind(NULL,
 * s)) around these writes, or the writer would wait for this
 * transaction's lock.
 */
#ifndef CARTREF_STORE_MISSING_H
#define CARTREF_STORE_MISSING_H

#include "base/compat.h"
#include "domain/mfc-rules.h"
#include "domain/missing.h"
#include "store/store-scope.h"

/*
 * A home manager reports child e->la/e->ref missing or away from the home
 * of its provider where the child is placed on v->today.  In: kind,
 * started_at and the home's fields.  Out: e->id, e->child_id, e->urn.
 * ERR_EXISTS when the child already has an open episode.
 */
int store_mfc_report(struct store *s, const struct viewer *v,
		     struct mfc_episode *e, struct err *err);
/*
 * What a change committed, for its answer (out may be NULL): the episode
 * as written, the fields v may see, and whether v may still see it.  A
 * change can take an episode out of its writer's scope (the police see
 * an episode returned in the last VIEWER_WINDOW_DAYS; a return recorded
 * as older ends their view of it), so the answer to a write that
 * committed is built from this, never from a read that would say 404
 * (issue 10, item 9).
 */
struct mfc_written {
	struct mfc_episode e;
	bool visible;
};
/* The home's fields of episode e->id (last seen, circumstances, actions,
 * risk indicators): the provider of the home it started from. */
int store_mfc_update_home(struct store *s, const struct viewer *v,
			  const struct mfc_episode *e,
			  struct mfc_written *out, struct err *err);
/* The police's fields of e->id (reference, grade, arrested, charged). */
int store_mfc_police(struct store *s, const struct viewer *v,
		     const struct mfc_episode *e, struct mfc_written *out,
		     struct err *err);
/* The return (returned_at, returned_place): the police or the home. */
int store_mfc_return(struct store *s, const struct viewer *v,
		     const struct mfc_episode *e, struct mfc_written *out,
		     struct err *err);
/* The return interview (ri_*): the child's council. */
int store_mfc_interview(struct store *s, const struct viewer *v,
			const struct mfc_episode *e, struct mfc_written *out,
			struct err *err);
/* A strategy meeting about child m->la/m->ref (and episode m->episode_id
 * of that child, or 0): the child's council.  Out: m->id, m->child_id. */
int store_mfc_meeting_add(struct store *s, const struct viewer *v,
			  struct mfc_meeting *m, struct err *err);
/* Write the grab pack of child g->la/g->ref: the provider of the home
 * where the child is placed on v->today.  *child_id (may be NULL). */
int store_grab_pack_put(struct store *s, const struct viewer *v,
			const struct grab_pack *g, int64_t *child_id,
			struct err *err);
/* Read it: the child's council, inspectors, the home where it is placed,
 * and the police only while the child has an open M episode from their
 * area.  ERR_NOT_FOUND also when there is none yet (then out->none_yet:
 * the reader may read it, so may be told that none was written). */
int store_grab_pack_get(struct store *s, const struct viewer *v,
			const char *la, const char *ref, struct grab_pack *out,
			struct err *err);

/*
 * Change op of episode id by v, who may not read it (store_mfc_get()
 * answered ERR_NOT_FOUND or ERR_DENIED): refused without looking further,
 * as the change itself would be, and audited "change-denied" naming the
 * episode asked for (its child when it exists): ERR_DENIED for a kind of
 * access that may never do op (mfc_may(), domain/mfc-rules.h), else
 * ERR_NOT_FOUND.  Nothing is written.  op is one of the changes of an
 * episode, MFC_OP_HOME to MFC_OP_INTERVIEW, or 0: a change of no one
 * kind (a meeting naming the episode).
 */
int store_mfc_change_refused(struct store *s, const struct viewer *v,
			     enum mfc_op op, int64_t id, struct err *err);

/*
 * Would store_mfc_get() show live episode id to v?  The same rule,
 * without reading or auditing it (as store_child_in_scope()).
 */
int store_mfc_visible(struct store *s, const struct viewer *v, int64_t id,
		      bool *yes, struct err *err);

/* One episode as v may see it (fields v may not see are left empty). */
int store_mfc_get(struct store *s, const struct viewer *v, int64_t id,
		  struct mfc_episode *out, struct err *err);

/* A child's live episodes (by start) and meetings (by date). */
struct mfc_chronology {
	struct mfc_episode *episodes;
	size_t nepisodes;
	struct mfc_meeting *meetings;
	size_t nmeetings;
	bool truncated;		/* over STORE_RECORD_ROWS_MAX rows */
};
#define MFC_CHRONOLOGY_INIT { NULL, 0, NULL, 0, false }
void mfc_chronology_release(struct mfc_chronology *c);
int store_mfc_child(struct store *s, const struct viewer *v, const char *la,
		    const char *ref, struct mfc_chronology *out,
		    struct err *err);

/* An open episode on a "needs attention" list. */
struct mfc_attention_row {
	int64_t id;
	char la[LA_CODE_MAX + 1];
	char ref[S903_CHILD_MAX + 1];
	int age;			/* on v->today, -1 */
	char kind[2];
	char urn[S903_URN_MAX + 1];
	char home_name[HOME_NAME_MAX + 1];
	int64_t started_at;
	long hours_missing;		/* whole hours to v->now_ms */
	enum mfc_grade grade;
	char police_ref[MFC_REF_MAX + 1];
	bool exploitation;
	int64_t returned_at;		/* 0: not returned */
	int64_t ri_offered_at;		/* 0: not offered */
	/* the home's part (last seen, circumstances, actions) has a gap */
	bool report_incomplete;
};

/* Which episodes a "needs attention" list is of. */
enum mfc_due {
	MFC_DUE_OPEN = 0,	/* missing or away now */
	MFC_DUE_INTERVIEW,	/* back from missing (M) since since_ms, no
				 * return interview held or declined: by
				 * return, oldest first */
	MFC_DUE_REPORT,		/* started since since_ms, the home's part of
				 * the report incomplete */
};

struct mfc_filter {
	const char *la;			/* child's council; NULL: any */
	const char *urn;		/* home; NULL: any */
	long page, page_size;
	enum mfc_due due;		/* 0: open now */
	int64_t since_ms;		/* for MFC_DUE_INTERVIEW, _REPORT */
	bool by_risk;			/* highest police grade first */
};

struct mfc_attention_page {
	struct mfc_attention_row rows[STORE_PAGE_MAX];
	size_t n;
	long total;
	long page, page_size;
};

/*
 * The episodes v may act on (f->due: open now by default), longest
 * missing (or longest back) first, or by police risk grade first
 * (f->by_risk): a provider's from its homes, a council's children's, a
 * police force's of kind M from its area; inspectors, those from
 * registered homes.  Audited ("list", subject "missing-live") when not
 * empty.
 */
int store_mfc_attention(struct store *s, const struct viewer *v,
			const struct mfc_filter *f,
			struct mfc_attention_page *out, struct err *err);

/*
 * Unscoped, for the CLI's import and export only (like
 * store_return_replace()): never for request handlers.
 *
 * store_mfc_import() adds an episode of child e->la/e->ref (ERR_NOT_FOUND
 * if no such child) from home e->urn ("" or a URN of the register:
 * ERR_INVALID otherwise); it does not check e (the caller does:
 * mfc_episode_check()) and an open episode when the child has one is
 * ERR_EXISTS.  Not audited (an administrator's import, like a return).
 * store_mfc_meeting_import() adds a meeting, naming the child's episode
 * that started at episode_started_at (0: none; ERR_NOT_FOUND if none).
 */
int store_mfc_import(struct store *s, const struct mfc_episode *e,
		     int64_t *id, struct err *err);
int store_mfc_meeting_import(struct store *s, const struct mfc_meeting *m,
			     int64_t episode_started_at, int64_t *id,
			     struct err *err);
/* Episodes of council la's children that started in [from_ms, to_ms),
 * by child and start (the SSDA903 export). */
typedef int store_mfc_fn(const struct mfc_episode *e, void *ctx);
int store_mfc_each(struct store *s, const char *la, int64_t from_ms,
		   int64_t to_ms, store_mfc_fn *fn, void *ctx,
		   struct err *err);

#endif
