/*
 * recs-report.h: the recommendations progress report (issue 13;
 * docs/inspections.md, "Reports"), for publication: each recommendation
 * (code, theme, source, text), how many times it has been made and since
 * when, and each addressee's own status, the inspectorate's verdict, its
 * last update and its overdue actions, in HTML, Markdown, xlsx or JSON,
 * English or Welsh (labels.c).
 *
 * It is built from the register alone (store_quality_load() QP_RECS):
 * organisations, dates and counts of actions, never a child, nor an
 * action's or update's own text, so it needs no disclosure control.
 */
#ifndef CARTREF_RECS_REPORT_H
#define CARTREF_RECS_REPORT_H

#include "base/compat.h"
#include "base/buf.h"
#include "base/err.h"
#include "domain/quality.h"
#include "report/report.h"
#include "store/store-quality.h"

/* One addressee of a recommendation, as the report shows it. */
struct recs_addr {
	const struct rec_addressee *a;	/* into the register */
	char name_en[ORG_NAME_MAX + 1];	/* "": show the code */
	char name_cy[ORG_NAME_MAX + 1];
	int32_t last_update_on;		/* UK day; DATE_NONE: none yet */
	long actions, actions_done;
	long overdue;			/* not done, target day before as_of */
	int32_t oldest_overdue;		/* the earliest such target; DATE_NONE */
};

struct recs_rec {
	const struct rec *r;		/* into the register */
	long times;			/* made this many times (repeats) */
	int32_t since;			/* the first of them was made on */
	size_t first_addr, naddr;	/* its addressees in addrs[] */
	long done, accepted, overdue_addr;
};

struct recs_report {
	int32_t as_of;			/* the day of the position */
	struct recs_rec *recs;		/* by made_on, code */
	size_t nrecs;
	struct recs_addr *addrs;	/* by recommendation, kind, code */
	size_t naddrs;
	/* every addressee row: done, accepted, with an overdue action; and
	 * every overdue action with the oldest target day */
	long done, accepted, overdue_addr, overdue_actions;
	int32_t oldest_overdue;
};

/*
 * The report of register q (loaded with QP_RECS) on day as_of.  q must
 * outlive it.  Names are left "" for the caller to fill in
 * (recs_report_name()); free with recs_report_free().
 */
void recs_report_build(const struct quality_set *q, int32_t as_of,
		       struct recs_report *out);
void recs_report_free(struct recs_report *rr);
/* The name of addressee row a in lang: its organisation's name, else its
 * code ("all councils" rows are councils by GSS code). */
const char *recs_report_name(const struct recs_addr *a,
			     enum report_lang lang);

/*
 * Write the report in format f (json, html, md, xlsx; csv: ERR_USAGE) and
 * language lang to path (NULL or "-": standard output; xlsx needs a
 * file), as report_render() does.  0, ERR_USAGE, ERR_IO, ERR_TOO_LARGE.
 */
int recs_report_render(const struct recs_report *rr, enum report_format f,
		       enum report_lang lang, const char *path,
		       struct err *err);
/* The same for a text format, appended to out. */
int recs_report_render_buf(const struct recs_report *rr, enum report_format f,
			   enum report_lang lang, struct buf *out,
			   struct err *err);

#endif
