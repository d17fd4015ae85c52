/*
 * import-quality.c: the inspections register and notifications imported
 * into the store (issue 13; docs/inspections.md).  See import.h.
 */
#include "base/compat.h"
#include <unistd.h>
#include "base/buf.h"
#include "base/uktime.h"
#include "base/xalloc.h"
#include "ingest/import.h"
#include "ingest/quality-io.h"
#include "store/store-quality.h"

/* The register's URNs, sorted, for the reader's "is it a home?". */
struct urns {
	char (*v)[S903_URN_MAX + 1];
	size_t n, alloc;
};

static int add_urn(const struct home *h, void *ctx)
{
	struct urns *u = ctx;

	ALLOC_GROW(u->v, u->n + 1, u->alloc);
	snprintf(u->v[u->n++], sizeof(u->v[0]), "%s", h->urn);
	return 0;
}

static int cmp_urn(const void *a, const void *b)
{
	return strcmp(a, b);
}

static bool urn_known(const char *urn, void *ctx)
{
	const struct urns *u = ctx;

	/* store_homes_each() gives them in URN order */
	return u->n && bsearch(urn, u->v, u->n, sizeof(u->v[0]), cmp_urn);
}

static int env_init(struct store *s, bool store, int64_t now_ms,
		    struct urns *u, struct qio_env *env, struct err *err)
{
	memset(env, 0, sizeof(*env));
	env->today = uk_day_of(now_ms);
	env->now_ms = now_ms;
	if (!store)
		return 0;
	env->home_known = urn_known;
	env->ctx = u;
	return store_homes_each(s, add_urn, u, err);
}

int import_inspections(struct store *s, const char *ipath, const char *fpath,
		       bool check, bool store, int64_t now_ms, struct diags *d,
		       struct import_counts *c, struct err *err)
{
	struct qio_inspections q = QIO_INSPECTIONS_INIT;
	struct urns u = { NULL, 0, 0 };
	struct qio_env env;
	size_t before = d->n;
	long added = 0, replaced = 0;
	int rc;

	rc = env_init(s, store, now_ms, &u, &env, err);
	if (!rc)
		rc = qio_read_inspections(ipath, fpath, &env, &q, d, err);
	c->rows += (long)(q.ninsp + q.nf);
	if (rc || d->n > before || check || !store)
		goto out;
	for (size_t k = 0; k < q.ninsp; k++) {
		q.insp[k].recorded_at = now_ms;
		snprintf(q.insp[k].recorded_by, sizeof(q.insp[k].recorded_by),
			 "%s", "import");
	}
	rc = store_inspections_import(s, q.insp, q.ninsp, q.f, q.nf, &added,
				      &replaced, err);
	if (rc)
		goto out;
	c->inspections += added;
	c->insp_replaced += replaced;
	c->findings += (long)q.nf;
out:
	qio_inspections_release(&q);
	free(u.v);
	return rc;
}

/* Is a notification of the same home, category, time and child stored? */
static bool notif_stored(const struct quality_set *qs,
			 const struct q_notification *n)
{
	for (size_t k = 0; k < qs->nnotifs; k++)
		if (qs->notifs[k].occurred_at == n->occurred_at &&
		    !strcmp(qs->notifs[k].urn, n->urn) &&
		    !strcmp(qs->notifs[k].category, n->category) &&
		    !strcmp(qs->notifs[k].la, n->la) &&
		    !strcmp(qs->notifs[k].ref, n->ref))
			return true;
	return false;
}

int import_notifications(struct store *s, const char *path, bool check,
			 bool store, int64_t now_ms, struct diags *d,
			 struct import_counts *c, struct err *err)
{
	struct quality_set qs = QUALITY_SET_INIT;
	struct q_notification *v = NULL;
	struct urns u = { NULL, 0, 0 };
	struct qio_env env;
	size_t n = 0, child_col = 0, before = d->n;
	long added = 0, kept = 0;
	int rc;

	rc = env_init(s, store, now_ms, &u, &env, err);
	if (!rc)
		rc = qio_read_notifications(path, &env, &v, &n, &child_col, d,
					    err);
	c->rows += (long)n;
	if (rc || d->n > before || check || !store)
		goto out;
	rc = store_quality_load(s, QP_NOTIFICATIONS, NULL, &qs, err);
	if (!rc)
		rc = store_begin(s, err);
	if (rc)
		goto out;
	for (size_t k = 0; !rc && k < n; k++) {
		struct err rerr = ERR_INIT;

		/* a file loaded again adds only what is new */
		if (notif_stored(&qs, &v[k])) {
			kept++;
			continue;
		}
		rc = store_notification_add(s, NULL, &v[k], &rerr);
		if (rc == ERR_NOT_FOUND) {
			/* the home is known (the reader asked): the child */
			diags_add(d, path, v[k].line, child_col,
				  QIO_RULE_CHILD_UNKNOWN, "%s", err_text(&rerr));
			rc = 0;
		} else if (rc) {
			rc = err_set(err, rc, "%s:%u: %s", path, v[k].line,
				     err_text(&rerr));
		} else {
			added++;
		}
	}
	if (rc || d->n > before) {
		store_rollback(s);
		goto out;
	}
	rc = store_commit(s, err);
	if (!rc) {
		c->notifications += added;
		c->notif_kept += kept;
	}
out:
	quality_set_release(&qs);
	free(v);
	free(u.v);
	return rc;
}

static char *join(const char *dir, const char *name)
{
	struct buf p = BUF_INIT(8192);

	buf_addf(&p, "%s/%s", dir, name);
	return buf_detach(&p, NULL);
}

int import_dir_quality(struct store *s, const char *dir, bool check,
		       int64_t now_ms, struct diags *d,
		       struct import_counts *c, struct err *err)
{
	char *ip = join(dir, QIO_INSPECTIONS_FILE);
	char *fp = join(dir, QIO_FINDINGS_FILE);
	char *np = join(dir, QIO_NOTIFICATIONS_FILE);
	int rc = 0;

	/* with check (or a problem before) the homes were not written:
	 * the rows are checked alone */
	if (!access(ip, R_OK))
		rc = import_inspections(s, ip, access(fp, R_OK) ? NULL : fp,
					check, !check, now_ms, d, c, err);
	else if (!access(fp, R_OK))
		diags_add(d, fp, 0, 0, QIO_RULE_INSP_UNKNOWN, "findings.csv "
			  "without inspections.csv: its inspections are not "
			  "there");
	if (!rc && !access(np, R_OK))
		rc = import_notifications(s, np, check, !check, now_ms, d, c,
					  err);
	free(ip);
	free(fp);
	free(np);
	return rc;
}
