/*
 * demo-quality.c: the quality of care (issue 13; docs/inspections.md):
 * OUTDIR/inspections.csv, findings.csv, notifications.csv,
 * recommendations.csv and rec-progress.csv, which `cartref import dir`
 * loads.
 *
 * Inspections.  Every home of the register is inspected over the three
 * years before the reference date (as-of) while it is open: a full
 * inspection about once a year, or, for a home registered in that time,
 * a post-registration inspection about six months after it opened and
 * then yearly (domain.md §2.2).  A home's quality is one latent score,
 * lower where its children go missing most (the missing periods the
 * simulation put in each home, per place); each theme's rating is that
 * score with some noise, so most themes are Good, some Needs
 * improvement, a few Poor and a few Excellent.  Well-being is rated from
 * the evidence of the other three themes (§2.3), so it lies between the
 * best and the worst of them.  A theme that needs improvement gets
 * areas for improvement; a Poor one a priority action notice with a due
 * date; and a home with many missing children gets notices about how it
 * keeps them safe, so notices concentrate where missing is high.  A
 * notice is followed by a focused inspection soon after its date, which
 * judges it; the next full inspection judges every area for improvement.
 * A finding judged not met is made again at that inspection (REPEATS).
 * Most findings get the provider's action plan a few weeks after the
 * inspection.  A notice whose date has passed and whose focused
 * inspection has not happened by as-of is open and past due, which
 * fires the escalation alert in the demo.
 *
 * Notifications (reg 60).  Every live missing episode demo-live.c wrote
 * is notified by its home within a few hours; the same children (placed
 * in a home of the register since the last 31 March) give rise to the
 * other categories at plausible yearly rates, more in homes where
 * children go missing more.
 *
 * Recommendations.  The national review's three headline
 * recommendations in its own words (domain.md §1.3), the areas of its
 * findings the issue names (§1.2) worded for the demo, and two later
 * thematic recommendations that repeat earlier ones; each addressed to
 * every council, health board, police force and provider it concerns.
 * Each addressee (but a few that never replied) records actions with
 * target dates, some passed and not done, and updates with evidence;
 * some have not updated for more than 90 days; the inspectorate accepts
 * most "done" and rejects one with a reason.  The review is of Wales:
 * the England scale writes the two files with their header row only.
 *
 * Deterministic per seed and as-of: each home, child and addressee draws
 * from its own stream, and nothing reads the clock.  All times are
 * before the start of the as-of day in the UK.
 */
#include "base/compat.h"
#include "base/buf.h"
#include "base/file.h"
#include "base/parse.h"
#include "base/uktime.h"
#include "base/xalloc.h"
#include "demo/demo-internal.h"
#include "domain/missing.h"
#include "domain/quality.h"
#include "ingest/csv.h"

#define MIN_MS 60000LL
#define HOUR_MS (60 * MIN_MS)
/* the demo users' domain, as auth.h's AUTH_DEMO_DOMAIN */
#define MAIL_DOMAIN "demo.cartref.wales"
#define INSPECTOR_MAIL "inspector@" MAIL_DOMAIN

/*
 * The national review was published on 26 September 2019 (domain.md
 * §1.1): a fact about the report, not a date of the demo.  With an
 * as-of too early for the review to have progress (only a test would
 * ask), it is moved back so that its follow-up still fits before as-of.
 */
#define REVIEW_Y 2019
#define REVIEW_M 9
#define REVIEW_D 26

enum { F_INSP, F_FIND, F_NOTIF, F_REC, F_PROG, F_N };

struct q_out {
	struct file_out f[F_N];
	struct buf row;
	int64_t limit;		/* the start of the as-of day, UK time */
};

static void put_day(struct buf *b, int32_t day)
{
	char t[DATE_STR_MAX];

	date_fmt_iso(day, t);
	csv_put(b, day == DATE_NONE ? "" : t, false);
}

static void put_time(struct buf *b, int64_t ms)
{
	char t[MFC_TIME_STR];

	mfc_time_fmt(ms, t);
	csv_put(b, t, false);
}

static int row_end(struct q_out *o, int file, struct err *err)
{
	csv_end_record(&o->row);
	if (buf_error(&o->row) || fwrite(o->row.buf, 1, o->row.len,
					 o->f[file].fp) != o->row.len)
		return err_set(err, ERR_IO, "cannot write the quality of "
			       "care files");
	buf_reset(&o->row);
	return 0;
}

/* A label's stream: the same whatever else was drawn. */
static uint64_t stream_of(uint64_t seed, const char *label)
{
	uint64_t h = 0xcbf29ce484222325ULL;	/* FNV-1a */

	for (const unsigned char *p = (const unsigned char *)label; *p; p++)
		h = (h ^ *p) * 0x100000001b3ULL;
	return rng_derive(seed, h);
}

/* ---- inspections -------------------------------------------------------- */

/* The inspectors (invented names). */
static const char *const inspectors[] = {
	"Sian Morgan", "Gareth Hughes", "Rhian Evans", "David Price",
	"Catrin Lloyd", "Mark Jenkins", "Nia Roberts", "Paul Williams",
	"Helen Thomas", "Owain Davies", "Karen Phillips", "Dafydd Rees",
};

enum q_area { A_CARE, A_ENV, A_LEAD, A_NAREAS };

/* Regulations of SI 2017/1264 and what an inspector would write. */
static const struct reg_text {
	enum q_area area;
	const char *reg;
	const char *afi;	/* an area for improvement */
	const char *pan;	/* a priority action notice */
	const char *plan;	/* the provider's action plan */
} regs[] = {
	{ A_CARE, "reg 21",
	  "Personal plans are not always reviewed when a child's needs "
	  "change; reviews must involve the child and the placing council.",
	  "Children's personal plans do not reflect their current needs and "
	  "are not followed; care must be planned and delivered to meet each "
	  "child's needs.",
	  "Every personal plan reviewed with the child and social worker; "
	  "monthly audit by the manager." },
	{ A_CARE, "reg 26",
	  "Staff do not always record the actions taken when a child is "
	  "missing; records must show each step of the missing protocol.",
	  "Children who go missing are not safeguarded: the home must follow "
	  "each child's missing from care protocol, report absences to the "
	  "police without delay and review risks after every episode.",
	  "Missing protocol retrained for all staff; risk assessment "
	  "reviewed after every episode and checked by the manager." },
	{ A_CARE, "reg 27",
	  "The safeguarding policy does not reflect the Wales Safeguarding "
	  "Procedures; it must be updated and shared with staff.",
	  "Safeguarding concerns were not referred to the local authority; "
	  "the provider must operate its safeguarding policy and refer every "
	  "concern without delay.",
	  "Safeguarding policy rewritten to the Wales Safeguarding "
	  "Procedures; referrals log kept and checked weekly." },
	{ A_CARE, "reg 28",
	  "Medication administration records have gaps; staff must sign for "
	  "every dose given or refused.",
	  "Medicines are not managed safely: doses were missed and stock "
	  "does not reconcile; arrangements must ensure medicines are stored "
	  "and given as prescribed.",
	  "Medicines audit weekly; staff competency checked by the "
	  "pharmacist; new storage installed." },
	{ A_ENV, "reg 43",
	  "Some bedrooms and the kitchen need redecoration and repair to "
	  "provide a homely environment.",
	  "Parts of the premises are unsafe and in poor repair; the provider "
	  "must make them safe and fit for purpose.",
	  "Maintenance plan agreed with the landlord; repairs booked and "
	  "redecoration scheduled." },
	{ A_ENV, "reg 57",
	  "Fire drills are not held at the frequency the fire risk "
	  "assessment requires.",
	  "Risks to health and safety are not identified or reduced: fire "
	  "doors were wedged open and the fire risk assessment is out of "
	  "date.",
	  "Fire risk assessment renewed; door closers fitted; drills "
	  "monthly and recorded." },
	{ A_LEAD, "reg 34",
	  "The rota relies on agency staff at night; staffing must provide "
	  "continuity of care.",
	  "There are not enough suitably qualified staff on duty to meet "
	  "children's needs; the provider must ensure sufficient staffing at "
	  "all times.",
	  "Two posts recruited; agency use capped; rota checked by the "
	  "responsible individual." },
	{ A_LEAD, "reg 35",
	  "Two staff files lacked a full employment history; recruitment "
	  "checks must be complete before staff start.",
	  "Staff started work without a DBS check or references; the "
	  "provider must ensure every member of staff is fit to work with "
	  "children.",
	  "All staff files audited; no start without complete checks; HR "
	  "checklist signed by the manager." },
	{ A_LEAD, "reg 36",
	  "Staff supervision is not held every three months and some "
	  "mandatory training has lapsed.",
	  "Staff have not received the training and supervision they need "
	  "to care for children safely; training and supervision must be "
	  "brought up to date.",
	  "Supervision schedule in place; training matrix reviewed monthly; "
	  "courses booked." },
	{ A_LEAD, "reg 59",
	  "Daily records are not always complete or signed.",
	  "Records of children's care, incidents and restraint are "
	  "incomplete and not kept securely; they must be accurate and up to "
	  "date.",
	  "Record keeping retrained; manager audits records weekly." },
	{ A_LEAD, "reg 60",
	  "Some notifiable events were reported to CIW late; notifications "
	  "must be made without delay.",
	  "Notifiable events, including children missing, were not reported "
	  "to CIW and the placing council; every event must be notified "
	  "without delay.",
	  "Notifications log kept; the manager on call files each "
	  "notification the same day." },
	{ A_LEAD, "reg 66",
	  "The responsible individual's oversight of the manager's work is "
	  "not recorded.",
	  "The responsible individual does not supervise the management of "
	  "the service; effective oversight must be put in place.",
	  "Monthly supervision of the manager by the responsible "
	  "individual, recorded." },
	{ A_LEAD, "reg 73",
	  "The responsible individual's visits are not held every three "
	  "months or do not include talking to children in private.",
	  "The responsible individual has not visited the service as "
	  "required; visits must be made at least every three months.",
	  "Quarterly visits booked for the year; reports shared with the "
	  "manager." },
	{ A_LEAD, "reg 80",
	  "The six-monthly quality of care review does not include the "
	  "views of children and their families.",
	  "No review of the quality of care has been carried out; the "
	  "provider must review quality at least every six months.",
	  "Quality of care review completed with children's views; next one "
	  "scheduled." },
};

#define REG_MISSING 1		/* regs[] index: reg 26, safeguarding */

#define MAX_INSP 16
#define MAX_FIND 96

struct dq_insp {
	int32_t start, end;
	enum q_insp_type type;
	enum q_rating r[Q_NTHEMES];
	uint8_t ninsp, insp[2];	/* indices into inspectors[] */
};

struct dq_find {
	uint8_t insp;		/* index into the home's inspections */
	uint8_t seq;		/* 1, 2, ... within it */
	uint8_t reg;		/* index into regs[] */
	bool pan;
	int32_t due;
	enum q_finding_status status;
	int32_t judged;
	int16_t repeats;	/* index of the finding it repeats, -1 */
	int64_t responded;	/* 0: no response */
	int32_t target;
};

struct dq_home {
	struct dq_insp in[MAX_INSP];
	size_t nin;
	struct dq_find f[MAX_FIND];
	size_t nf;
};

/* A normal draw (sum of uniforms: enough for ratings). */
static double rng_normal(uint64_t *s)
{
	double x = 0;

	for (int i = 0; i < 6; i++)
		x += rng_unit(s);
	return (x - 3.0) / 0.7071;
}

static enum q_rating rating_of(double x)
{
	if (x > 1.15)
		return Q_EXCELLENT;
	if (x > -0.95)
		return Q_GOOD;
	if (x > -1.85)
		return Q_NEEDS_IMPROVEMENT;
	return Q_POOR;
}

/*
 * Missing periods (M) that began in each home over the three years, per
 * place: the homes' exposure that drives the risk of a notice.  Returns
 * each listed home's percentile among the homes (0: none missing, up to
 * 1: the most), in risk[].
 */
static void homes_risk(const struct dm_gen *g, int32_t from, double *risk)
{
	double *rate = xcalloc(g->nhomes ? g->nhomes : 1, sizeof(*rate));
	size_t n = 0;

	for (size_t i = 0; i < g->nchildren; i++) {
		const struct dm_child *c = &g->children[i];

		for (uint32_t k = 0; k < c->ms_n; k++) {
			const struct dm_miss *m = &g->miss[c->ms_first + k];
			const struct dm_ep *e;

			if (m->away || m->start < from ||
			    m->start > g->sim_end)
				continue;
			e = demo__ep_on(g, c, m->start);
			if (e && e->home >= 0)
				rate[e->home] += 1.0;
		}
	}
	for (size_t h = 0; h < g->nhomes; h++) {
		rate[h] /= g->homes[h].h.places > 0 ? g->homes[h].h.places : 1;
		n += g->homes[h].listed;
	}
	/* the percentile: the share of listed homes with a lower rate */
	for (size_t h = 0; h < g->nhomes; h++) {
		size_t below = 0;

		risk[h] = 0;
		if (!g->homes[h].listed || rate[h] <= 0)
			continue;
		for (size_t j = 0; j < g->nhomes; j++)
			below += g->homes[j].listed && rate[j] < rate[h];
		risk[h] = n ? (double)below / (double)n : 0;
	}
	free(rate);
}

static size_t reg_in(uint64_t *s, enum q_area a)
{
	size_t pick[ARRAY_SIZE(regs)], n = 0;

	for (size_t i = 0; i < ARRAY_SIZE(regs); i++)
		if (regs[i].area == a)
			pick[n++] = i;
	return pick[rng_below(s, (uint32_t)n)];
}

static struct dq_find *find_add(struct dq_home *d, size_t insp, size_t reg,
				bool pan, int32_t start, uint64_t *s)
{
	struct dq_find *f;
	uint8_t seq = 1;

	if (d->nf >= MAX_FIND)
		return NULL;
	for (size_t i = 0; i < d->nf; i++) {
		if (d->f[i].insp != insp)
			continue;
		/* one finding per regulation and inspection */
		if (d->f[i].reg == reg) {
			d->f[i].pan |= pan;
			if (pan && d->f[i].due == DATE_NONE)
				d->f[i].due = start + rng_range(s, 28, 84);
			return NULL;
		}
		seq++;
	}
	f = &d->f[d->nf++];
	memset(f, 0, sizeof(*f));
	f->insp = (uint8_t)insp;
	f->seq = seq;
	f->reg = (uint8_t)reg;
	f->pan = pan;
	f->due = pan ? start + rng_range(s, 28, 84) : DATE_NONE;
	f->status = Q_OPEN;
	f->judged = DATE_NONE;
	f->repeats = -1;
	f->target = DATE_NONE;
	return f;
}

/*
 * One inspection: judge what is outstanding from earlier ones (a
 * focused inspection only the notices), rate the themes, make findings.
 */
static void inspect(struct dq_home *d, uint64_t *s, double score,
		    double risk, enum q_insp_type type, int32_t start,
		    int32_t last)
{
	size_t k = d->nin++, nf0 = d->nf;
	struct dq_insp *in = &d->in[k];
	static const enum q_area theme_area[Q_NTHEMES] = {
		A_CARE, A_CARE, A_ENV, A_LEAD
	};
	bool rate[Q_NTHEMES] = { true, true, true, true };
	int worst = Q_EXCELLENT, best = Q_POOR, sum = 0, nr = 0;

	memset(in, 0, sizeof(*in));
	in->start = start;
	in->end = type == Q_FULL && rng_chance(s, 0.5) ? start + 1 : start;
	if (in->end > last)
		in->end = last;
	in->type = type;
	in->ninsp = rng_chance(s, 0.3) ? 2 : 1;
	in->insp[0] = (uint8_t)rng_below(s, ARRAY_SIZE(inspectors));
	in->insp[1] = (uint8_t)((in->insp[0] + 1 +
		rng_below(s, ARRAY_SIZE(inspectors) - 1)) %
		ARRAY_SIZE(inspectors));
	for (size_t i = 0; i < nf0; i++) {
		struct dq_find *f = &d->f[i], *r;
		bool met;

		/* judged once: a not-met finding lives on in its repeat */
		if (f->judged != DATE_NONE || (type == Q_FOCUSED && !f->pan))
			continue;
		met = rng_chance(s, (f->pan ? 0.92 : 0.82) - 0.15 * risk);
		f->status = met ? Q_MET : Q_NOT_MET;
		f->judged = start;
		if (met)
			continue;
		r = find_add(d, k, f->reg, f->pan || rng_chance(s, 0.25),
			     start, s);
		if (r)
			r->repeats = (int16_t)i;
	}
	if (type == Q_FOCUSED) {
		/* the themes the notices were about, and leadership */
		for (int t = 0; t < Q_NTHEMES; t++)
			rate[t] = t == Q_LEADERSHIP;
		for (size_t i = 0; i < nf0; i++)
			if (d->f[i].pan && d->f[i].judged == start)
				for (int t = Q_CARE_SUPPORT; t < Q_NTHEMES;
				     t++)
					rate[t] |= theme_area[t] ==
						   regs[d->f[i].reg].area;
		rate[Q_WELLBEING] = false;
	}
	for (int t = Q_CARE_SUPPORT; t < Q_NTHEMES; t++) {
		double x = score + 0.55 * rng_normal(s);

		if (!rate[t])
			continue;
		/* missing children weigh on the care and its leadership */
		if (t != Q_ENVIRONMENT)
			x -= 0.3 * risk;
		in->r[t] = rating_of(x);
		worst = (int)in->r[t] > worst ? (int)in->r[t] : worst;
		best = (int)in->r[t] < best ? (int)in->r[t] : best;
		sum += (int)in->r[t];
		nr++;
	}
	if (rate[Q_WELLBEING] && nr) {
		/* from the evidence of the others: their mean, leaning to
		 * the worst now and then */
		int w = (sum + nr / 2) / nr;

		if (w < worst && rng_chance(s, 0.3))
			w++;
		if (w < best)
			w = best;
		in->r[Q_WELLBEING] = (enum q_rating)w;
	}
	for (int t = Q_CARE_SUPPORT; t < Q_NTHEMES; t++) {
		enum q_area a = theme_area[t];

		switch (in->r[t]) {
		case Q_POOR:
			find_add(d, k, reg_in(s, a), true, start, s);
			find_add(d, k, reg_in(s, a), false, start, s);
			break;
		case Q_NEEDS_IMPROVEMENT:
			find_add(d, k, reg_in(s, a), false, start, s);
			if (rng_chance(s, 0.45))
				find_add(d, k, reg_in(s, a), false, start, s);
			break;
		case Q_GOOD:
			if (rng_chance(s, 0.3))
				find_add(d, k, reg_in(s, a), false, start, s);
			break;
		default:
			break;
		}
	}
	/* where children go missing most, how the home keeps them safe */
	if (rate[Q_CARE_SUPPORT] && risk > 0.75 &&
	    rng_chance(s, 0.6 * (risk - 0.75) / 0.25 *
		       (in->r[Q_CARE_SUPPORT] >= Q_NEEDS_IMPROVEMENT ? 1.0 :
			0.3)))
		find_add(d, k, REG_MISSING, true, start, s);
	else if (rate[Q_CARE_SUPPORT] && risk > 0.5 && rng_chance(s, 0.3))
		find_add(d, k, REG_MISSING, false, start, s);
}

/* A home's inspections over [from, last], in memory. */
static void home_plan(const struct dm_gen *g, const struct dm_home *h,
		      double risk, int32_t from, int32_t last,
		      struct dq_home *d)
{
	uint64_t s = stream_of(g->seed, h->h.urn);
	/* the home's own quality, worse where children go missing */
	double score = 0.2 + 0.55 * rng_normal(&s) - 0.35 * risk;
	int32_t t, next_full;
	enum q_insp_type type;

	d->nin = d->nf = 0;
	if (h->h.registered >= from) {
		t = h->h.registered + rng_range(&s, 150, 210);
		type = Q_POST_REGISTRATION;
	} else {
		t = from + rng_range(&s, 0, 330);
		type = Q_FULL;
	}
	next_full = t;
	while (t <= last && d->nin < MAX_INSP) {
		size_t nf0 = d->nf;
		int32_t due = DATE_NONE;

		inspect(d, &s, score, risk, type, t, last);
		if (type != Q_FOCUSED)
			next_full = t + rng_range(&s, 320, 400);
		/* a home put right after a poor inspection mostly improves */
		for (int k = 0; k < Q_NTHEMES; k++)
			if (d->in[d->nin - 1].r[k] == Q_POOR)
				score += 0.15;
		for (size_t i = nf0; i < d->nf; i++)
			if (d->f[i].pan && (due == DATE_NONE ||
					    d->f[i].due > due))
				due = d->f[i].due;
		if (due != DATE_NONE &&
		    due + 45 < next_full - 30) {
			t = due + rng_range(&s, 7, 45);
			type = Q_FOCUSED;
		} else {
			t = next_full;
			type = Q_FULL;
		}
	}
	/* the provider's action plans */
	for (size_t i = 0; i < d->nf; i++) {
		struct dq_find *f = &d->f[i];
		const struct dq_insp *in = &d->in[f->insp];
		int32_t day = in->end + rng_range(&s, 5, f->pan ? 20 : 35);

		if (!rng_chance(&s, f->pan ? 0.9 : 0.8) || day > last ||
		    (f->judged != DATE_NONE && day >= f->judged))
			continue;
		f->responded = demo__uk_at(day, rng_range(&s, 9 * 60,
							  17 * 60));
		f->target = day + rng_range(&s, 14, 90);
		if (f->pan && f->target > f->due)
			f->target = f->due;
		if (f->status == Q_OPEN)
			f->status = Q_RESPONDED;
	}
}

static const char *const care_words[Q_NRATINGS] = {
	"",
	"Children flourish: they have warm, trusting relationships with "
	"staff, are fully involved in their plans and do well at school.",
	"Children are settled and well cared for; staff know them well and "
	"their plans are up to date.",
	"Children's plans are not always followed and some records of their "
	"care are incomplete.",
	"Children are not kept safe: risks to them are not assessed or "
	"managed, and some go missing often without an effective response.",
};
static const char *const lead_words[Q_NRATINGS] = {
	"",
	"The manager and responsible individual lead a stable, well trained "
	"team and check quality closely.",
	"The home is well led; staff feel supported and training is mostly "
	"up to date.",
	"Oversight by the responsible individual is not consistent and staff "
	"supervision is behind.",
	"Leadership is weak: the provider does not have effective oversight "
	"of the service.",
};

static int home_write(struct q_out *o, const struct dm_home *h,
		      const struct dq_home *d, int32_t as_of,
		      struct demo_summary *sum, struct err *err)
{
	int rc = 0;

	for (size_t k = 0; !rc && k < d->nin; k++) {
		const struct dq_insp *in = &d->in[k];
		char names[Q_SHORT_MAX + 1], text[Q_TEXT_MAX + 1];
		size_t n = 0;

		csv_put(&o->row, h->h.urn, true);
		put_day(&o->row, in->start);
		put_day(&o->row, in->end);
		csv_put(&o->row, q_insp_type_code(in->type), false);
		snprintf(names, sizeof(names), "%s%s%s",
			 inspectors[in->insp[0]], in->ninsp > 1 ? ", " : "",
			 in->ninsp > 1 ? inspectors[in->insp[1]] : "");
		csv_put(&o->row, names, false);
		for (int t = 0; t < Q_NTHEMES; t++)
			csv_put(&o->row, q_rating_code(in->r[t]), false);
		text[0] = '\0';
		if (in->type == Q_POST_REGISTRATION)
			n += (size_t)snprintf(text, sizeof(text), "First "
					      "inspection since the home was "
					      "registered. ");
		else if (in->type == Q_FOCUSED)
			n += (size_t)snprintf(text, sizeof(text), "Focused "
					      "inspection to follow up the "
					      "priority action notices of the "
					      "last inspection. ");
		if (n < sizeof(text))
			snprintf(text + n, sizeof(text) - n, "%s%s%s",
				 care_words[in->r[Q_CARE_SUPPORT]],
				 in->r[Q_CARE_SUPPORT] ? " " : "",
				 lead_words[in->r[Q_LEADERSHIP]]);
		csv_put(&o->row, text, false);
		rc = row_end(o, F_INSP, err);
		sum->inspections++;
	}
	for (size_t i = 0; !rc && i < d->nf; i++) {
		const struct dq_find *f = &d->f[i];
		const struct dq_insp *in = &d->in[f->insp];
		const struct reg_text *r = &regs[f->reg];

		csv_put(&o->row, h->h.urn, true);
		put_day(&o->row, in->start);
		csv_put(&o->row, q_insp_type_code(in->type), false);
		buf_addf(&o->row, ",%u", f->seq);
		csv_put(&o->row, q_finding_kind_code(f->pan ?
				 Q_PRIORITY_ACTION_NOTICE :
				 Q_AREA_FOR_IMPROVEMENT), false);
		csv_put(&o->row, r->reg, false);
		csv_put(&o->row, f->pan ? r->pan : r->afi, false);
		put_day(&o->row, f->due);
		csv_put(&o->row, q_finding_status_code(f->status), false);
		put_day(&o->row, f->judged);
		if (f->repeats >= 0) {
			const struct dq_find *e = &d->f[f->repeats];
			char rep[64], day[DATE_STR_MAX];

			date_fmt_iso(d->in[e->insp].start, day);
			snprintf(rep, sizeof(rep), "%s/%s/%u", day,
				 q_insp_type_code(d->in[e->insp].type), e->seq);
			csv_put(&o->row, rep, false);
		} else {
			csv_put(&o->row, "", false);
		}
		csv_put(&o->row, f->responded ? r->plan : "", false);
		put_day(&o->row, f->responded ? f->target : DATE_NONE);
		if (f->responded)
			put_time(&o->row, f->responded);
		else
			csv_put(&o->row, "", false);
		rc = row_end(o, F_FIND, err);
		sum->findings++;
		if (f->pan) {
			sum->notices++;
			sum->notices_overdue += f->judged == DATE_NONE &&
						f->due < as_of;
		}
	}
	return rc;
}

static int inspections_write(struct dm_gen *g, struct q_out *o,
			     struct demo_summary *sum, struct err *err)
{
	int32_t as_of = g->o->as_of, from;
	double *risk = xcalloc(g->nhomes ? g->nhomes : 1, sizeof(*risk));
	struct dq_home *d = xcalloc(1, sizeof(*d));
	int y, m, dd, rc = 0;

	/* the three years before as-of */
	date_to_ymd(as_of, &y, &m, &dd);
	from = date_from_ymd(y - 3, m, m == 2 && dd == 29 ? 28 : dd);
	homes_risk(g, from, risk);
	for (size_t i = 0; !rc && i < g->nhomes; i++) {
		const struct dm_home *h = &g->homes[i];
		int32_t last = as_of - 1;

		if (!h->listed)
			continue;
		if (h->h.closed != DATE_NONE && h->h.closed - 1 < last)
			last = h->h.closed - 1;
		if (last < from)
			continue;
		home_plan(g, h, risk[i], from, last, d);
		rc = home_write(o, h, d, as_of, sum, err);
	}
	free(d);
	free(risk);
	return rc;
}

/* ---- notifications (reg 60) --------------------------------------------- */

static const struct {
	const char *code;
	double per_year;	/* per child placed, in an average home */
	const char *summary, *action;
} notif_kinds[] = {
	{ "restraint", 0.8,
	  "Physical intervention: held for a few minutes to stop the child "
	  "harming themselves or others.",
	  "De-brief with the child and staff; incident reviewed by the "
	  "manager; social worker told." },
	{ "police", 0.5,
	  "Police called to the home after damage to property and a "
	  "threat to staff.",
	  "Restorative meeting held; behaviour support plan reviewed with "
	  "the social worker." },
	{ "safeguarding", 0.3,
	  "The child disclosed contact with an adult online who asked to "
	  "meet; concern of exploitation.",
	  "Referral to the local authority safeguarding team; phone "
	  "checked with the child; police informed." },
	{ "outbreak", 0.04,
	  "Sickness and diarrhoea in the home: the child and two members of "
	  "staff ill.",
	  "Public health advice followed; visits paused for two days; "
	  "social workers told." },
	{ "serious_injury", 0.08,
	  "Broken wrist after a fall in the garden.",
	  "Taken to the emergency department; accident reviewed; "
	  "social worker and parents told." },
	{ "allegation", 0.06,
	  "The child alleged that a member of staff pushed them.",
	  "Staff member suspended pending investigation; referral to the "
	  "local authority designated officer." },
	{ "complaint", 0.15,
	  "The child complained that their room was searched without "
	  "their agreement.",
	  "Complaint logged and answered in writing; advocate offered." },
	{ "other", 0.05,
	  "A planned move brought forward at the placing council's "
	  "request.",
	  "Transition plan agreed with the child and the new home." },
};

static int notif_row(struct q_out *o, const struct dm_gen *g,
		     const struct dm_child *c, const struct dm_home *h,
		     const char *category, int64_t at, int64_t filed,
		     const char *summary, const char *action,
		     struct err *err)
{
	char ref[S903_CHILD_MAX + 1];

	snprintf(ref, sizeof(ref), "C%06u", c->id);
	csv_put(&o->row, h->h.urn, true);
	csv_put(&o->row, category, false);
	put_time(&o->row, at);
	csv_put(&o->row, g->areas[c->area].code, false);
	csv_put(&o->row, ref, false);
	csv_put(&o->row, summary, false);
	csv_put(&o->row, action, false);
	put_time(&o->row, filed);
	return row_end(o, F_NOTIF, err);
}

/* Filed some minutes after at, and before the as-of day starts. */
static int64_t filed_after(const struct q_out *o, uint64_t *s, int64_t at,
			   int lo, int hi)
{
	int64_t f = at + rng_range(s, lo, hi) * MIN_MS;

	if (f >= o->limit)
		f = o->limit - MIN_MS;
	return f > at ? f : at;
}

static int notifications_write(struct dm_gen *g, struct q_out *o,
			       const double *risk, struct demo_summary *sum,
			       struct err *err)
{
	int rc = 0;

	/* every live missing episode, by its home, within hours */
	for (size_t i = 0; !rc && i < g->nlive; i++) {
		const struct dm_live *l = &g->live[i];
		const struct dm_child *c = &g->children[l->child];
		uint64_t s = rng_derive(c->seed, (uint64_t)l->started);

		rc = notif_row(o, g, c, &g->homes[l->home], "missing",
			       l->started, filed_after(o, &s, l->started,
						       20, 240),
			       l->missing ? "Did not come back when "
			       "expected; reported missing to the police." :
			       "Absent: known to be with a friend and did "
			       "not come back at the agreed time.",
			       "Searched nearby, rang friends and family, "
			       "reported to the police and told the placing "
			       "council.", err);
		sum->notifications++;
	}
	/* the other categories, for the children demo-live.c covers */
	for (size_t a = 0; !rc && a < g->ncouncils; a++) {
		const struct dm_area *area = &g->areas[a];

		for (size_t i = 0; !rc && i < area->nkids; i++) {
			const struct dm_child *c = &g->children[area->kids[i]];
			const struct dm_ep *at = demo__ep_on(g, c, g->we);
			uint64_t s = rng_derive(c->seed, 0x6e6f746966);
			int32_t gone, end;

			if (!at || at->home < 0 || !g->homes[at->home].listed)
				continue;
			gone = demo__birthday(c->dob, 18);
			if (at->dec != DATE_NONE && at->dec < gone)
				gone = at->dec;
			end = gone - 1 < g->sim_end ? gone - 1 : g->sim_end;
			if (end <= g->we)
				continue;
			for (size_t k = 0; !rc && k < ARRAY_SIZE(notif_kinds);
			     k++) {
				double n = notif_kinds[k].per_year *
					   (0.5 + 1.5 * risk[at->home]) *
					   (end - g->we) / 365.0;

				while (!rc && rng_unit(&s) < n) {
					int32_t day = rng_range(&s, g->we + 1,
								end);
					int64_t t = demo__uk_at(day,
						rng_range(&s, 8 * 60,
							  22 * 60 + 30));

					n -= 1.0;
					if (t >= o->limit - 2 * MIN_MS)
						continue;
					rc = notif_row(o, g, c,
						&g->homes[at->home],
						notif_kinds[k].code, t,
						filed_after(o, &s, t, 60,
							    24 * 60),
						notif_kinds[k].summary,
						notif_kinds[k].action, err);
					sum->notifications++;
				}
			}
		}
	}
	return rc;
}

/* ---- recommendations ---------------------------------------------------- */

#define NR_TITLE "National review of care homes for children in Wales " \
		 "(CIW, 2019)"

/*
 * The themes are rec_themes[] codes of domain/quality.c.  addressees:
 * the kinds addressed, each to every organisation of the kind.
 */
static const struct rec_src {
	const char *code;	/* after the prefix: NR2019-n or TR<year>-n */
	bool thematic;
	const char *title;
	const char *theme;
	const char *en, *cy;
	const char *addressees;
	const char *repeats;
} recs[] = {
	{ "1", false, NR_TITLE ": headline recommendation 1, the review's "
	  "own words", "criminalisation",
	  "Review policies and practice to ensure children are not placed at "
	  "unnecessary and increased risk of harm, including criminalisation.",
	  "Adolygu polis\xc3\xaf" "au ac arferion i sicrhau nad yw plant yn "
	  "cael "
	  "eu rhoi mewn perygl diangen a chynyddol o niwed, gan gynnwys cael "
	  "eu troseddoli.",
	  "council:*;police:*;provider:*", NULL },
	{ "2", false, NR_TITLE ": headline recommendation 2, the review's "
	  "own words", "sufficiency",
	  "Providers and local authorities need to ensure sufficiency of "
	  "placements to meet children's needs and enable them to live close "
	  "to home.",
	  "Mae angen i ddarparwyr ac awdurdodau lleol sicrhau digon o "
	  "leoliadau i ddiwallu anghenion plant a'u galluogi i fyw yn agos "
	  "at adref.",
	  "council:*;provider:*", NULL },
	{ "3", false, NR_TITLE ": headline recommendation 3, the review's "
	  "own words", "quality_of_care",
	  "Residential care should be considered a positive choice for "
	  "children, not the last option.",
	  "Dylid ystyried gofal preswyl yn ddewis cadarnhaol i blant, nid "
	  "y dewis olaf.",
	  "council:*;provider:*", NULL },
	{ "4", false, NR_TITLE ": from its findings on children missing "
	  "from care; worded for the demo, not the review's words",
	  "missing",
	  "Respond to every child who goes missing from a home with a "
	  "proactive plan to keep them safe: no acceptance of repeated "
	  "absence, a return interview every time and screening for "
	  "exploitation.",
	  "Ymateb i bob plentyn sy'n mynd ar goll o gartref gyda chynllun "
	  "rhagweithiol i'w gadw'n ddiogel: peidio \xc3\xa2 derbyn "
	  "absenoldeb dro ar \xc3\xb4l tro, cyfweliad dychwelyd bob tro a "
	  "sgrinio am gamfanteisio.",
	  "council:*;police:*;provider:*", NULL },
	{ "5", false, NR_TITLE ": from its findings on placement "
	  "breakdowns; worded for the demo, not the review's words",
	  "stability",
	  "Plan placements so that children do not move again and again: "
	  "match each child to a home with care, and support the home before "
	  "an arrangement breaks down.",
	  "Cynllunio lleoliadau fel nad yw plant yn symud dro ar \xc3\xb4l "
	  "tro: paru pob plentyn \xc3\xa2 chartref yn ofalus, a chefnogi'r "
	  "cartref cyn i drefniant chwalu.",
	  "council:*;provider:*", NULL },
	{ "6", false, NR_TITLE ": from its findings on education; worded "
	  "for the demo, not the review's words", "education",
	  "Make sure every child living in a children's home gets the "
	  "education they are entitled to, with a school place from the day "
	  "they arrive.",
	  "Sicrhau bod pob plentyn sy'n byw mewn cartref plant yn cael yr "
	  "addysg y mae ganddo hawl iddi, gyda lle mewn ysgol o'r diwrnod y "
	  "mae'n cyrraedd.",
	  "council:*;provider:*", NULL },
	{ "7", false, NR_TITLE ": from its findings on emotional needs; "
	  "worded for the demo, not the review's words", "emotional_health",
	  "Meet children's emotional and mental health needs: timely "
	  "assessment and therapeutic support wherever the child is placed.",
	  "Diwallu anghenion emosiynol ac iechyd meddwl plant: asesiad "
	  "amserol a chymorth therapiwtig ble bynnag y mae'r plentyn wedi'i "
	  "leoli.",
	  "health_board:*;council:*;provider:*", NULL },
	{ "8", false, NR_TITLE ": from its finding that agencies did not "
	  "work together; worded for the demo, not the review's words",
	  "joint_working",
	  "Councils, health boards, the police and providers work together "
	  "for each child, sharing information and agreeing one plan.",
	  "Bod cynghorau, byrddau iechyd, yr heddlu a darparwyr yn "
	  "cydweithio er lles pob plentyn, gan rannu gwybodaeth a chytuno ar "
	  "un cynllun.",
	  "council:*;health_board:*;police:*;provider:*", NULL },
	{ "1", true, "Thematic review of children missing from care "
	  "(synthetic, for the demo)", "missing",
	  "Agree a joint protocol between each council and police force for "
	  "children missing from care, and review every repeated absence "
	  "within 72 hours.",
	  "Cytuno ar brotocol ar y cyd rhwng pob cyngor a heddlu ar gyfer "
	  "plant sydd ar goll o ofal, ac adolygu pob absenoldeb sy'n "
	  "digwydd eto o fewn 72 awr.",
	  "council:*;police:*", "1;4" },
	{ "2", true, "Thematic review of children's placements close to "
	  "home (synthetic, for the demo)", "sufficiency",
	  "Commission enough local places so that no child is placed far "
	  "from home for want of a bed.",
	  "Comisiynu digon o leoedd lleol fel nad oes unrhyw blentyn yn cael "
	  "ei leoli ymhell o adref oherwydd diffyg gwely.",
	  "council:*;provider:*", "2" },
};

/* The seven health boards of NHS Wales (their organisation codes). */
static const char *const health_boards[] = {
	"7A1", "7A2", "7A3", "7A4", "7A5", "7A6", "7A7",
};
static const char *const police_forces[] = {
	"dyfed-powys", "gwent", "north-wales", "south-wales",
};

/* What an addressee does, by theme: two actions each. */
static const struct {
	const char *theme;
	const char *what[2], *who[2];
	const char *note[3];	/* not started, in progress, done */
} rec_work[] = {
	{ "missing",
	  { "Revise the missing from care protocol with the police and "
	    "providers", "Offer every child an independent return interview "
	    "within 72 hours" },
	  { "Head of children's services", "Safeguarding manager" },
	  { "Not started: waiting for the regional safeguarding board's "
	    "guidance.",
	    "Protocol redrafted and consulted on; return interviews offered "
	    "in most episodes (evidence: quarterly audit).",
	    "Protocol signed by all agencies; audit shows interviews offered "
	    "within 72 hours in nine episodes out of ten (evidence: audit "
	    "report and board minutes)." } },
	{ "criminalisation",
	  { "Adopt the all-Wales protocol on reducing the criminalisation "
	    "of care-experienced children", "Agree with the police how "
	    "incidents in homes are handled without arrest" },
	  { "Head of children's services", "Chief inspector, public "
	    "protection" },
	  { "Not started: the protocol is to go to the next partnership "
	    "meeting.",
	    "Protocol adopted; staff briefed in most homes (evidence: "
	    "briefing records).",
	    "Protocol in use; arrests of children in homes fell over the "
	    "year (evidence: police data and audit)." } },
	{ "quality_of_care",
	  { "Plan for residential care as a positive choice in the "
	    "placement strategy", "Involve children in choosing and "
	    "reviewing their home" },
	  { "Director of social services", "Participation officer" },
	  { "Not started.",
	    "Strategy drafted with care-experienced young people "
	    "(evidence: consultation report).",
	    "Strategy published and children's views gathered at every "
	    "review (evidence: strategy, review audit)." } },
	{ "sufficiency",
	  { "Publish a placement sufficiency assessment", "Open local "
	    "places in the council's area" },
	  { "Commissioning manager", "Director of social services" },
	  { "Not started: the sufficiency assessment is planned for next "
	    "year.",
	    "Sufficiency assessment drafted; two local homes in development "
	    "(evidence: cabinet report).",
	    "Assessment published and new local places open (evidence: "
	    "published assessment, registration certificates)." } },
	{ "stability",
	  { "Hold a stability meeting before any planned move",
	    "Review every placement breakdown with the home" },
	  { "Placements team manager", "Independent reviewing officer" },
	  { "Not started.",
	    "Stability meetings held in most cases (evidence: case file "
	    "sample).",
	    "Stability meetings routine; moves fell over the year (evidence: "
	    "stability figures and case audit)." } },
	{ "education",
	  { "Agree a school place within 20 school days of a move",
	    "Report children's attendance to the corporate parenting "
	    "board" },
	  { "Virtual school head", "Education welfare manager" },
	  { "Not started.",
	    "Attendance reported each term; school places agreed faster "
	    "(evidence: attendance report).",
	    "Every child placed in the area had a school place within 20 "
	    "days (evidence: termly report)." } },
	{ "emotional_health",
	  { "Give children in homes a named therapeutic link",
	    "Agree waiting times for assessments of children looked after" },
	  { "Head of child and adolescent mental health services",
	    "Designated nurse for children looked after" },
	  { "Not started: funding not yet agreed.",
	    "Therapeutic links named for most homes (evidence: service "
	    "list).",
	    "Every home has a named link and waits are within target "
	    "(evidence: performance report)." } },
	{ "joint_working",
	  { "Hold a monthly multi-agency meeting on children in homes",
	    "Share information under one regional agreement" },
	  { "Regional partnership board", "Information governance lead" },
	  { "Not started.",
	    "Meetings held monthly; information sharing agreement in "
	    "draft (evidence: minutes).",
	    "Agreement signed by every agency and used (evidence: signed "
	    "agreement, meeting minutes)." } },
};

struct rec_state {
	bool rejected;		/* the one rejected "done" is made */
};

static size_t work_of(const char *theme)
{
	for (size_t i = 0; i < ARRAY_SIZE(rec_work); i++)
		if (!strcmp(rec_work[i].theme, theme))
			return i;
	return 0;
}

/* "lead.<code>@" the demo domain: lower case, letters, digits, '-'. */
static void lead_mail(const char *code, char *out, size_t cap)
{
	size_t n = (size_t)snprintf(out, cap, "lead.");

	for (const char *p = code; *p && n + 1 < cap; p++) {
		char ch = *p;

		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))
			out[n++] = ch;
		else if (n && out[n - 1] != '-' && out[n - 1] != '.')
			out[n++] = '-';
	}
	if (n && out[n - 1] == '-')
		n--;
	out[n < cap ? n : cap - 1] = '\0';
	str_copy(out + strlen(out), cap - strlen(out), "@" MAIL_DOMAIN);
}

static void prog_start(struct q_out *o, const char *code, const char *to,
		       const char *record, int64_t at, const char *by)
{
	csv_put(&o->row, code, true);
	csv_put(&o->row, to, false);
	csv_put(&o->row, record, false);
	put_time(&o->row, at);
	csv_put(&o->row, by, false);
}

static int64_t office_at(uint64_t *s, int32_t day)
{
	return demo__uk_at(day, rng_range(s, 9 * 60, 17 * 60));
}

/* One addressee's actions, updates and the verdict on its "done". */
static int addressee_write(struct dm_gen *g, struct q_out *o,
			   struct rec_state *st, const char *code,
			   const struct rec_src *r, int32_t made,
			   const char *kind, const char *org,
			   struct demo_summary *sum, struct err *err)
{
	char to[ORG_CODE_MAX + 32], by[ORG_CODE_MAX + 64], label[200];
	size_t w = work_of(r->theme);
	int32_t as_of = g->o->as_of, day, last, first;
	static const double fw[] = { 10, 62, 28 };
	uint64_t s;
	size_t final, nup;
	int rc = 0;

	snprintf(to, sizeof(to), "%s:%s", kind, org);
	snprintf(label, sizeof(label), "%s/%s", code, to);
	s = stream_of(g->seed, label);
	/* a few never reply: not started, no update ever */
	if (rng_chance(&s, 0.05))
		return 0;
	lead_mail(org, by, sizeof(by));
	first = made + rng_range(&s, 20, 80);
	if (first < as_of - 760)
		first = as_of - 760 + rng_range(&s, 0, 60);
	if (first > as_of - 30)
		return 0;
	for (int k = 0; !rc && k < 1 + rng_chance(&s, 0.6); k++) {
		int32_t at = first + k * rng_range(&s, 3, 40);
		int32_t target = at + rng_range(&s, 90, 420), done = DATE_NONE;

		if (at >= as_of)
			break;
		if (target < as_of - 10 && rng_chance(&s, 0.75))
			done = rng_range(&s, at + 30, target + 30 < as_of - 1 ?
					 target + 30 : as_of - 1);
		prog_start(o, code, to, "action", office_at(&s, at), by);
		csv_put(&o->row, rec_work[w].what[k], false);
		csv_put(&o->row, rec_work[w].who[k], false);
		put_day(&o->row, target);
		put_day(&o->row, done);
		for (int c = 0; c < 4; c++)
			csv_put(&o->row, "", false);
		rc = row_end(o, F_PROG, err);
		sum->rec_progress++;
	}
	/* updates every two to four months; some stop for over 90 days */
	final = demo__pick(&s, fw, 3);
	last = rng_chance(&s, 0.12) ? as_of - rng_range(&s, 95, 300) :
				      as_of - rng_range(&s, 3, 80);
	day = first + rng_range(&s, 10, 40);
	if (day > last)
		day = last;
	nup = 0;
	while (!rc && day <= last && day > first) {
		int32_t next = day + rng_range(&s, 60, 130);
		bool is_last = day >= last;
		size_t status = is_last ? final : final == 0 ? 0 : 1;

		/* the last update on the day drawn for it */
		if (next > last)
			next = last;

		prog_start(o, code, to, "update", office_at(&s, day), by);
		for (int c = 0; c < 4; c++)
			csv_put(&o->row, "", false);
		csv_put(&o->row, rec_work[w].note[status], false);
		csv_put(&o->row, rec_status_code((enum rec_status)status),
			false);
		csv_put(&o->row, "", false);
		csv_put(&o->row, "", false);
		rc = row_end(o, F_PROG, err);
		sum->rec_progress++;
		nup++;
		if (is_last)
			break;
		day = next;
	}
	/* the inspectorate's verdict on "done", a few weeks on */
	if (!rc && nup && final == REC_DONE) {
		int32_t vd = day + rng_range(&s, 7, 40);
		bool reject = !st->rejected && !strcmp(r->theme, "missing");

		if (vd >= as_of || (!reject && rng_chance(&s, 0.25)))
			return rc;	/* not judged yet */
		st->rejected |= reject;
		prog_start(o, code, to, "verdict", office_at(&s, vd),
			   INSPECTOR_MAIL);
		for (int c = 0; c < 6; c++)
			csv_put(&o->row, "", false);
		csv_put(&o->row, reject ? "rejected" : "accepted", false);
		csv_put(&o->row, reject ? "The evidence is a new policy, not "
			"a change in practice: children placed by the council "
			"still go missing as often, and return interviews are "
			"not offered each time. Show the protocol in use." : "",
			false);
		rc = row_end(o, F_PROG, err);
		sum->rec_progress++;
	}
	return rc;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int recs_write(struct dm_gen *g, struct q_out *o,
		      struct demo_summary *sum, struct err *err)
{
	int32_t as_of = g->o->as_of, review;
	const char **prov = xcalloc(g->nhomes ? g->nhomes : 1, sizeof(*prov));
	size_t nprov = 0;
	struct rec_state st = { false };
	uint64_t s = stream_of(g->seed, "recommendations");
	int32_t thematic = as_of - rng_range(&s, 300, 420);
	int rc = 0;

	/* the review is of Wales: England's demo has no register */
	if (!g->wales) {
		free(prov);
		return 0;
	}
	review = date_from_ymd(REVIEW_Y, REVIEW_M, REVIEW_D);
	if (review > as_of - 540)
		review = as_of - 540;
	/* every provider of the register, as provider:* is (recs-io.h) */
	for (size_t i = 0; i < g->nhomes; i++)
		if (g->homes[i].listed)
			prov[nprov++] = g->homes[i].h.provider;
	qsort(prov, nprov, sizeof(*prov), cmp_str);
	{
		size_t n = 0;

		for (size_t i = 0; i < nprov; i++)
			if (!n || strcmp(prov[n - 1], prov[i]))
				prov[n++] = prov[i];
		nprov = n;
	}
	for (size_t i = 0; !rc && i < ARRAY_SIZE(recs); i++) {
		const struct rec_src *r = &recs[i];
		int32_t made = r->thematic ?
			thematic + 45 * (r->code[0] - '1') : review;
		char code[Q_CODE_MAX + 1], reps[64] = "";
		int y, m, d;

		date_to_ymd(made, &y, &m, &d);
		if (made >= as_of)
			continue;
		if (r->thematic)
			snprintf(code, sizeof(code), "TR%d-%s", y, r->code);
		else
			snprintf(code, sizeof(code), "NR2019-%s", r->code);
		if (r->repeats) {
			size_t n = 0;

			for (const char *p = r->repeats; *p; p++) {
				if (*p == ';')
					continue;
				n += (size_t)snprintf(reps + n,
						      sizeof(reps) - n,
						      "%sNR2019-%c",
						      n ? ";" : "", *p);
				if (n >= sizeof(reps))
					break;
			}
		}
		csv_put(&o->row, code, true);
		csv_put(&o->row, r->thematic ? "thematic_review" :
			"national_review", false);
		csv_put(&o->row, r->title, false);
		put_day(&o->row, made);
		csv_put(&o->row, r->theme, false);
		csv_put(&o->row, r->en, false);
		csv_put(&o->row, r->cy, false);
		csv_put(&o->row, r->addressees, false);
		csv_put(&o->row, reps, false);
		rc = row_end(o, F_REC, err);
		sum->recs++;
		if (strstr(r->addressees, "council:*"))
			for (size_t a = 0; !rc && a < g->ncouncils; a++)
				rc = addressee_write(g, o, &st, code, r, made,
						     "council",
						     g->areas[a].code, sum,
						     err);
		if (strstr(r->addressees, "health_board:*"))
			for (size_t k = 0; !rc &&
			     k < ARRAY_SIZE(health_boards); k++)
				rc = addressee_write(g, o, &st, code, r, made,
						     "health_board",
						     health_boards[k], sum,
						     err);
		if (strstr(r->addressees, "police:*"))
			for (size_t k = 0; !rc &&
			     k < ARRAY_SIZE(police_forces); k++)
				rc = addressee_write(g, o, &st, code, r, made,
						     "police",
						     police_forces[k], sum,
						     err);
		/* providers: most of them reply */
		if (strstr(r->addressees, "provider:*"))
			for (size_t k = 0; !rc && k < nprov; k++)
				if (rng_chance(&s, 0.9))
					rc = addressee_write(g, o, &st, code,
							     r, made,
							     "provider",
							     prov[k], sum,
							     err);
	}
	free(prov);
	return rc;
}

/* ---- the files ---------------------------------------------------------- */

int demo__quality_write(struct dm_gen *g, const char *outdir,
			struct demo_summary *sum, struct err *err)
{
	static const struct {
		const char *name, *header;
	} files[F_N] = {
		{ "inspections.csv", "URN,START,END,TYPE,INSPECTORS,WELLBEING,"
		  "CARE_SUPPORT,ENVIRONMENT,LEADERSHIP,SUMMARY\r\n" },
		{ "findings.csv", "URN,START,TYPE,SEQ,KIND,REGULATION,TEXT,DUE,"
		  "STATUS,JUDGED_ON,REPEATS,RESPONSE,RESPONSE_TARGET,"
		  "RESPONDED_AT\r\n" },
		{ "notifications.csv", "URN,CATEGORY,OCCURRED_AT,LA,CHILD,"
		  "SUMMARY,ACTION,FILED_AT\r\n" },
		{ "recommendations.csv", "CODE,SOURCE,SOURCE_TITLE,MADE_ON,"
		  "THEME,TEXT_EN,TEXT_CY,ADDRESSEES,REPEATS\r\n" },
		{ "rec-progress.csv", "CODE,ADDRESSEE,RECORD,AT,BY,WHAT,WHO,"
		  "TARGET,DONE_ON,NOTE,STATUS,VERDICT,REASON\r\n" },
	};
	struct q_out o = { .row = BUF_INIT(1 << 14) };
	double *risk = NULL;
	int32_t y, m, d, from;
	int rc = 0;

	for (int i = 0; i < F_N; i++)
		o.f[i] = (struct file_out)FILE_OUT_INIT;
	o.limit = uk_day_start(g->o->as_of);
	for (int i = 0; !rc && i < F_N; i++) {
		rc = demo__open_out(&o.f[i], outdir, files[i].name, err);
		if (!rc)
			fputs(files[i].header, o.f[i].fp);
	}
	if (!rc)
		rc = inspections_write(g, &o, sum, err);
	if (!rc) {
		risk = xcalloc(g->nhomes ? g->nhomes : 1, sizeof(*risk));
		date_to_ymd(g->o->as_of, &y, &m, &d);
		from = date_from_ymd(y - 3, m, m == 2 && d == 29 ? 28 : d);
		homes_risk(g, from, risk);
		rc = notifications_write(g, &o, risk, sum, err);
	}
	if (!rc)
		rc = recs_write(g, &o, sum, err);
	for (int i = 0; !rc && i < F_N; i++)
		rc = file_out_commit(&o.f[i], err);
	for (int i = 0; i < F_N; i++)
		file_out_abort(&o.f[i]);
	buf_release(&o.row);
	free(risk);
	return rc;
}
