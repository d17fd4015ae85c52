/*
 * store-scope.c: what each viewer may see (docs/access.md): the scoped
 * reads of children, homes and missing periods (store.h), and the viewer
 * checks, paging and audit naming they share with store-missing.c
 * (store-internal.h).  The row-level scope is decided in SQL (db-scope.c);
 * here the viewer is checked and every read audited.
 */
#include "base/compat.h"
#include "base/parse.h"
#include "store/store-internal.h"

/* A viewer fit to ask at all; with children, one that may see some and
 * can be audited. */
int store__viewer_check(const struct viewer *v, bool children, struct err *err)
{
	if (!v || (unsigned)v->access >= VIEWER_NACCESS ||
	    v->today < date_from_ymd(DATE_MIN_YEAR, 1, 1) ||
	    v->today > date_from_ymd(DATE_MAX_YEAR, 12, 31))
		return err_set(err, ERR_DENIED, "not signed in");
	if (!children)
		return 0;
	if (v->access == VIEWER_NONE)
		return err_set(err, ERR_DENIED, "this role sees aggregate "
			       "figures only, not individual children");
	if (!v->audit)
		return err_set(err, ERR_DENIED, "views of children are "
			       "audited, and this viewer has no audit trail");
	return 0;
}

/*
 * store__viewer_check(v, true), with the refusal of a role that sees
 * aggregates only audited ("view-denied", or "change-denied" for a
 * change), as every refusal of a scoped read or change is.
 */
int store__scoped_viewer(struct store *s, const struct viewer *v, bool change,
			 const char *kind, const char *subject,
			 struct err *err)
{
	int rc = store__viewer_check(v, false, err);

	if (rc)
		return rc;
	if (v->access == VIEWER_NONE && v->audit)
		v->audit(s, v, change ? "change-denied" : "view-denied", kind,
			 subject, "role sees aggregates only", NULL);
	return store__viewer_check(v, true, err);
}

void store__page_clamp(long page, long size, long *page_out, long *size_out)
{
	if (size <= 0)
		size = STORE_PAGE_DEFAULT;
	if (size > STORE_PAGE_MAX)
		size = STORE_PAGE_MAX;
	if (page < 0)
		page = 0;
	if (page > STORE_PAGE_LAST)
		page = STORE_PAGE_LAST;
	*page_out = page;
	*size_out = size;
}

/* Can filter text f match anything (NULL and "" match everything)? */
bool store__filter_ok(const char *f)
{
	return !f || strnlen(f, FILTER_TEXT_MAX + 1) <= FILTER_TEXT_MAX;
}

void store__names_add(struct names *nm, const char *la, const char *ref)
{
	char one[LA_CODE_MAX + S903_CHILD_MAX + 4];
	int n = snprintf(one, sizeof(one), "%s%s/%s", nm->len ? " " : "",
			 la, ref);

	/* keep room for " (+NNNN more)" */
	if (n < 0 || nm->len + (size_t)n + 16 > AUDIT_DETAIL_MAX) {
		nm->left_out++;
		return;
	}
	memcpy(nm->text + nm->len, one, (size_t)n + 1);
	nm->len += (size_t)n;
}

const char *store__names_text(struct names *nm)
{
	if (nm->left_out)
		snprintf(nm->text + nm->len, sizeof(nm->text) - nm->len,
			 " (+%zu more)", nm->left_out);
	return nm->text;
}

int store_children_list(struct store *s, const struct viewer *v,
			const struct child_filter *f, struct child_page *out,
			struct err *err)
{
	struct names nm = { "", 0, 0 };
	int rc;

	memset(out, 0, sizeof(*out));
	store__page_clamp(f->page, f->page_size, &out->page, &out->page_size);
	rc = store__scoped_viewer(s, v, false, "children",
				  f->la ? f->la : "", err);
	if (rc)
		return rc;
	if (!store__filter_ok(f->la) || !store__filter_ok(f->ref_prefix) ||
	    !store__filter_ok(f->urn))
		return 0;
	rc = db_children_list(s->db, v, f, out, err);
	if (!rc && out->n) {
		for (size_t i = 0; i < out->n; i++)
			store__names_add(&nm, out->rows[i].la,
					 out->rows[i].ref);
		rc = v->audit(s, v, "list", "children",
			      f->la ? f->la : "", store__names_text(&nm), err);
	}
	if (rc) {
		long page = out->page, size = out->page_size;

		memset(out, 0, sizeof(*out));
		out->page = page;
		out->page_size = size;
	}
	return rc;
}

void child_record_release(struct child_record *r)
{
	free(r->episodes);
	free(r->missing);
	free(r->oc2);
	free(r->later);
	memset(r, 0, sizeof(*r));
}

int store_child_record(struct store *s, const struct viewer *v,
		       const char *la, const char *ref,
		       struct child_record *out, struct err *err)
{
	char subject[AUDIT_SUBJECT_MAX + 1], detail[96];
	bool exists = false;
	int rc;

	child_record_release(out);
	snprintf(subject, sizeof(subject), "%.20s/%.40s", la ? la : "",
		 ref ? ref : "");
	rc = store__scoped_viewer(s, v, false, "child", subject, err);
	if (rc)
		return rc;
	rc = ERR_NOT_FOUND;
	if (la && ref && strlen(la) == LA_CODE_MAX && ref[0] &&
	    strnlen(ref, S903_CHILD_MAX + 1) <= S903_CHILD_MAX)
		rc = db_child_record(s->db, v, la, ref, &exists, out,
					 err);
	if (rc == ERR_NOT_FOUND) {
		/* the same answer, cost and audit row either way */
		child_record_release(out);
		rc = v->audit(s, v, "view-denied", "child", subject,
			      exists ? "out of scope" : "no such child", err);
		return rc ? rc : err_set(err, ERR_NOT_FOUND, "no such child");
	}
	if (rc) {
		child_record_release(out);
		return rc;
	}
	snprintf(detail, sizeof(detail),
		 "as %s: %zu episodes, %zu missing periods, %zu OC2 rows%s",
		 viewer_access_name(v->access), out->nepisodes, out->nmissing,
		 out->noc2, out->nlater ? ", and rows of the other tables" : "");
	rc = v->audit(s, v, "view", "child", subject, detail, err);
	if (rc)
		child_record_release(out);
	return rc;
}

int store_child_in_scope(struct store *s, const struct viewer *v,
			 const char *la, const char *ref, bool *yes,
			 struct err *err)
{
	bool exists = false;
	int rc;

	*yes = false;
	rc = store__viewer_check(v, false, err);
	if (rc || v->access == VIEWER_NONE)
		return rc;
	if (!la || !ref || strlen(la) != LA_CODE_MAX || !ref[0] ||
	    strnlen(ref, S903_CHILD_MAX + 1) > S903_CHILD_MAX)
		return 0;
	return db_child_in_scope(s->db, v, la, ref, &exists, yes, err);
}

int store_homes_list(struct store *s, const struct viewer *v,
		     const struct home_filter *f, struct home_page *out,
		     struct err *err)
{
	int rc;

	memset(out, 0, sizeof(*out));
	store__page_clamp(f->page, f->page_size, &out->page, &out->page_size);
	rc = store__viewer_check(v, false, err);
	if (rc)
		return rc;
	if (!store__filter_ok(f->la) || !store__filter_ok(f->provider_type))
		return 0;
	return db_homes_list(s->db, v, f, out, err);
}

int store_home_profile(struct store *s, const struct viewer *v,
		       const char *urn, struct home_profile *out,
		       struct err *err)
{
	char subject[AUDIT_SUBJECT_MAX + 1];
	struct names nm = { "", 0, 0 };
	int rc;

	memset(out, 0, sizeof(*out));
	snprintf(subject, sizeof(subject), "%.40s", urn ? urn : "");
	rc = store__scoped_viewer(s, v, false, "home", subject, err);
	if (rc)
		return rc;
	rc = ERR_NOT_FOUND;
	if (urn && urn[0] && strnlen(urn, S903_URN_MAX + 1) <= S903_URN_MAX)
		rc = db_home_profile(s->db, v, urn, out, err);
	if (rc == ERR_NOT_FOUND) {
		memset(out, 0, sizeof(*out));
		rc = v->audit(s, v, "view-denied", "home", subject,
			      "no such home", err);
		return rc ? rc : err_set(err, ERR_NOT_FOUND, "no such home");
	}
	if (!rc && out->nchildren) {
		for (size_t i = 0; i < out->nchildren; i++)
			store__names_add(&nm, out->children[i].la,
					 out->children[i].ref);
		rc = v->audit(s, v, "view", "home", urn, store__names_text(&nm),
			      err);
	}
	if (rc)
		memset(out, 0, sizeof(*out));
	return rc;
}

int store_homes_now(struct store *s, const struct viewer *v,
		    int64_t since_ms, struct home_now **out, size_t *n,
		    struct err *err)
{
	int rc;

	*out = NULL;
	*n = 0;
	rc = store__viewer_check(v, false, err);
	if (rc)
		return rc;
	if (v->access != VIEWER_PROVIDER && v->access != VIEWER_INSPECTORATE &&
	    v->access != VIEWER_COUNCIL)
		return err_set(err, ERR_DENIED, "homes now: providers, councils "
			       "and inspectors only");
	if (v->access == VIEWER_PROVIDER && !v->provider[0])
		return 0;	/* not linked to the register: no homes */
	rc = db_homes_now(s->db, v, since_ms, out, n, err);
	if (rc) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

int store_missing_open(struct store *s, const struct viewer *v,
		       const struct missing_filter *f,
		       struct missing_page *out, struct err *err)
{
	struct names nm = { "", 0, 0 };
	int rc;

	memset(out, 0, sizeof(*out));
	store__page_clamp(f->page, f->page_size, &out->page, &out->page_size);
	rc = store__scoped_viewer(s, v, false, "missing", f->urn && f->urn[0] ?
				  f->urn : f->la ? f->la : "", err);
	if (rc)
		return rc;
	if (!store__filter_ok(f->la) || !store__filter_ok(f->urn))
		return 0;
	rc = db_missing_open(s->db, v, f, out, err);
	if (!rc && out->n) {
		for (size_t i = 0; i < out->n; i++)
			store__names_add(&nm, out->rows[i].la,
					 out->rows[i].ref);
		rc = v->audit(s, v, "list", "missing",
			      f->urn ? f->urn : f->la ? f->la : "",
			      store__names_text(&nm), err);
	}
	if (rc) {
		long page = out->page, size = out->page_size;

		memset(out, 0, sizeof(*out));
		out->page = page;
		out->page_size = size;
	}
	return rc;
}
