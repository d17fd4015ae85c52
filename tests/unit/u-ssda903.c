/*
 * u-ssda903.c: unit tests for src/domain/ssda903.c: table detection, field
 * parsing and formatting, and the whole-return checks of s903_check().
 *
 * The check tests start from one small valid return (base_return()) and
 * change one thing, then require exactly one problem with the expected
 * rule, table, line and column.
 */
#include "unit.h"
#include "base/parse.h"
#include "domain/ssda903.h"

/* ---- building returns ---------------------------------------------------- */

#define D(dmy) unit_date(dmy)

static void add_h(struct s903_return *r, const char *child, const char *dob,
		  uint32_t line)
{
	struct s903_header *h = s903_add_header(r);

	snprintf(h->child, sizeof(h->child), "%s", child);
	snprintf(h->sex, sizeof(h->sex), "1");
	h->dob = D(dob);
	snprintf(h->ethnic, sizeof(h->ethnic), "WBRI");
	h->line = line;
}

static void add_e(struct s903_return *r, const char *child, const char *decom,
		  const char *rne, const char *dec, uint32_t line)
{
	struct s903_episode *e = s903_add_episode(r);

	snprintf(e->child, sizeof(e->child), "%s", child);
	e->decom = D(decom);
	snprintf(e->rne, sizeof(e->rne), "%s", rne);
	snprintf(e->ls, sizeof(e->ls), "C2");
	snprintf(e->cin, sizeof(e->cin), "N1");
	snprintf(e->place, sizeof(e->place), "U4");
	e->dec = D(dec);
	if (e->dec != DATE_NONE)
		snprintf(e->rec, sizeof(e->rec), "X1");
	e->line = line;
}

static void add_m(struct s903_return *r, const char *child, const char *dob,
		  const char *start, const char *end, uint32_t line)
{
	struct s903_missing *m = s903_add_missing(r);

	snprintf(m->child, sizeof(m->child), "%s", child);
	m->dob = D(dob);
	snprintf(m->missing, sizeof(m->missing), "M");
	m->mis_start = D(start);
	m->mis_end = D(end);
	m->line = line;
}

static void add_o(struct s903_return *r, const char *child, const char *dob,
		  uint32_t line)
{
	struct s903_oc2 *o = s903_add_oc2(r);

	snprintf(o->child, sizeof(o->child), "%s", child);
	o->dob = D(dob);
	o->line = line;
}

/*
 * Year 2019 (1 April 2018 to 31 March 2019).  Line numbers are per table,
 * as in files with a header row.
 *   Header:   C1 (line 2), C2 (line 3)
 *   Episodes: C1 01/05/2018-01/09/2018 S (2), C1 01/09/2018- P (3),
 *             C2 01/01/2017- S (4)
 *   Missing:  C1 01/10/2018-05/10/2018 (2)
 *   OC2:      C2 (2)
 */
static void base_return(struct s903_return *r)
{
	*r = (struct s903_return)S903_RETURN_INIT;
	snprintf(r->la, sizeof(r->la), "W06000015");
	r->year = 2019;
	add_h(r, "C1", "01/01/2010", 2);
	add_h(r, "C2", "01/06/2008", 3);
	add_e(r, "C1", "01/05/2018", "S", "01/09/2018", 2);
	add_e(r, "C1", "01/09/2018", "P", "", 3);
	add_e(r, "C2", "01/01/2017", "S", "", 4);
	add_m(r, "C1", "01/01/2010", "01/10/2018", "05/10/2018", 2);
	add_o(r, "C2", "01/06/2008", 2);
}

/* Episodes, missing periods and OC2 rows by source line, for editing. */
static struct s903_episode *ep_line(struct s903_return *r, uint32_t line)
{
	for (size_t i = 0; i < r->nepisodes; i++)
		if (r->episodes[i].line == line)
			return &r->episodes[i];
	fail_msg("no episode at line %u", line);
	return NULL;
}

static struct s903_missing *mis_line(struct s903_return *r, uint32_t line)
{
	for (size_t i = 0; i < r->nmissing; i++)
		if (r->missing[i].line == line)
			return &r->missing[i];
	fail_msg("no missing row at line %u", line);
	return NULL;
}

/* ---- collecting problems ------------------------------------------------ */

struct seen {
	size_t n;
	struct {
		enum s903_table table;
		uint32_t line;
		const char *column;
		const char *rule;
		char msg[200];
	} v[32];
};

static void collect(const struct s903_problem *p, void *ctx)
{
	struct seen *s = ctx;

	if (s->n >= ARRAY_SIZE(s->v))
		fail_msg("too many problems");
	s->v[s->n].table = p->table;
	s->v[s->n].line = p->line;
	s->v[s->n].column = p->column;
	s->v[s->n].rule = p->rule;
	snprintf(s->v[s->n].msg, sizeof(s->v[s->n].msg), "%s", p->msg);
	s->n++;
}

static void run_check(struct s903_return *r, struct seen *s)
{
	size_t n;

	memset(s, 0, sizeof(*s));
	n = s903_check(r, collect, s);
	assert_int_equal(n, s->n);
}

static void dump(const struct seen *s)
{
	for (size_t i = 0; i < s->n; i++)
		print_error("  problem: %s table %d line %u column %s: %s\n",
			    s->v[i].rule, s->v[i].table, s->v[i].line,
			    s->v[i].column ? s->v[i].column : "-",
			    s->v[i].msg);
}

static void expect_none(struct s903_return *r)
{
	struct seen s;

	run_check(r, &s);
	if (s.n) {
		dump(&s);
		fail_msg("expected no problems, got %zu", s.n);
	}
}

/* Exactly one problem, as given; returns its message for more checks. */
static const char *expect_one_(struct s903_return *r, struct seen *s,
			       const char *rule, enum s903_table t,
			       uint32_t line, const char *column)
{
	run_check(r, s);
	if (s->n != 1) {
		dump(s);
		fail_msg("expected exactly one %s problem, got %zu", rule,
			 s->n);
	}
	assert_string_equal(s->v[0].rule, rule);
	assert_int_equal(s->v[0].table, t);
	assert_int_equal(s->v[0].line, line);
	if (column)
		assert_string_equal(s->v[0].column, column);
	else
		assert_null(s->v[0].column);
	assert_true(s->v[0].msg[0] != '\0');
	return s->v[0].msg;
}

#define expect_one(r, rule, t, line, col)                                 \
	do {                                                              \
		struct seen seen_;                                        \
		expect_one_((r), &seen_, (rule), (t), (line), (col));     \
	} while (0)

/* ---- tables and rows ----------------------------------------------------- */

static void test_table_defs(void **state)
{
	(void)state;
	assert_int_equal(s903_tables[S903_HEADER].ncols, 7);
	assert_int_equal(s903_tables[S903_EPISODES].ncols, 13);
	assert_int_equal(s903_tables[S903_MISSING].ncols, 5);
	assert_int_equal(s903_tables[S903_OC2].ncols, 12);
	assert_string_equal(s903_tables[S903_EPISODES].file, "episodes.csv");
	for (int t = 0; t < S903_NTABLES; t++) {
		assert_int_equal(s903_tables[t].id, t);
		assert_string_equal(s903_tables[t].cols[0].name, "CHILD");
		assert_int_equal(s903_tables[t].cols[0].off, 0);
		assert_true(s903_tables[t].line_off + sizeof(uint32_t) <=
			    s903_tables[t].rowsize);
		for (size_t c = 0; c < s903_tables[t].ncols; c++)
			assert_true(s903_tables[t].cols[c].size ||
				    s903_tables[t].cols[c].kind == S903_DATE ||
				    s903_tables[t].cols[c].kind == S903_INT);
	}
	/* the DfE's column counts of the later tables */
	assert_int_equal(s903_tables[S903_REVIEWS].ncols, 4);
	assert_int_equal(s903_tables[S903_UASC].ncols, 4);
	assert_int_equal(s903_tables[S903_OC3].ncols, 5);
	assert_int_equal(s903_tables[S903_AD1].ncols, 8);
	assert_int_equal(s903_tables[S903_PLACED_ADOPTION].ncols, 5);
	assert_int_equal(s903_tables[S903_PREV_PERM].ncols, 5);
	assert_int_equal(s903_tables[S903_SW_EPISODES].ncols, 6);
	assert_int_equal(s903_tables[S903_DOLO].ncols, 4);
	{
		struct s903_return r = S903_RETURN_INIT;
		size_t n;

		for (int t = 0; t < S903_NTABLES; t++) {
			char *row = s903_add_row(&r, (enum s903_table)t);

			memcpy(row, "C1", 3);
			assert_ptr_equal(s903_rows(&r, (enum s903_table)t, &n),
					 row);
			assert_int_equal(n, 1);
			if (t) {
				s903_drop_row(&r, (enum s903_table)t);
				s903_rows(&r, (enum s903_table)t, &n);
				assert_int_equal(n, 0);
			}
		}
		assert_int_equal(r.ndropped, S903_NTABLES - 1);
		s903_return_release(&r);
	}
}

static void test_add_rows_blank(void **state)
{
	struct s903_return r = S903_RETURN_INIT;
	struct s903_header *h;
	struct s903_episode *e;
	struct s903_missing *m;
	struct s903_oc2 *o;

	(void)state;
	h = s903_add_header(&r);
	assert_string_equal(h->child, "");
	assert_int_equal(h->dob, DATE_NONE);
	assert_int_equal(h->mc_dob, DATE_NONE);
	assert_int_equal(h->mother, -1);
	assert_false(h->invalid);
	e = s903_add_episode(&r);
	assert_int_equal(e->decom, DATE_NONE);
	assert_int_equal(e->dec, DATE_NONE);
	assert_string_equal(e->urn, "");
	m = s903_add_missing(&r);
	assert_int_equal(m->mis_start, DATE_NONE);
	assert_int_equal(m->mis_end, DATE_NONE);
	o = s903_add_oc2(&r);
	assert_int_equal(o->sdq_score, -1);
	assert_int_equal(o->convicted, -1);
	assert_int_equal(o->intervention_offered, -1);
	assert_string_equal(o->sdq_reason, "");
	/* many rows: the arrays grow */
	for (int i = 0; i < 1000; i++)
		s903_add_episode(&r)->line = (uint32_t)i;
	assert_int_equal(r.nepisodes, 1001);
	assert_int_equal(r.episodes[1000].line, 999);
	assert_int_equal(r.episodes[1000].dec, DATE_NONE);
	s903_note_dropped(&r, "C1");
	s903_note_dropped(&r, "");	/* a blank CHILD is not noted */
	assert_int_equal(r.ndropped, 1);
	s903_return_release(&r);
	assert_null(r.header);
	assert_null(r.episodes);
	assert_null(r.dropped);
	assert_int_equal(r.nepisodes, 0);
	assert_int_equal(r.ndropped, 0);
	assert_int_equal(r.year, 0);
}

/* ---- detection ----------------------------------------------------------- */

static int detect_cols(int t, bool reverse, size_t drop)
{
	const struct s903_table_def *d = &s903_tables[t];
	const char *names[32];
	size_t n = 0;

	for (size_t i = 0; i + drop < d->ncols; i++)
		names[n++] = d->cols[reverse ? d->ncols - 1 - i : i].name;
	return s903_detect(names, n);
}

static void test_detect_each_table(void **state)
{
	(void)state;
	for (int t = 0; t < S903_NTABLES; t++) {
		if (detect_cols(t, false, 0) != t)
			fail_msg("table %s not detected", s903_tables[t].name);
		if (detect_cols(t, true, 0) != t)
			fail_msg("table %s not detected when shuffled",
				 s903_tables[t].name);
	}
}

static void test_detect_examples(void **state)
{
	static const char *const header[] = {
		"UPN", "CHILD", "SEX", "DOB", "ETHNIC", "MOTHER", "MC_DOB",
	};
	static const char *const episodes[] = {
		"URN", "CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE",
		"PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE",
		"HOME_POST", "PL_POST", "EXTRA",
	};
	static const char *const reviews[] = {
		"CHILD", "DOB", "REVIEW", "REVIEW_CODE",
	};
	static const char *const unknown[] = { "NAME", "NOTE" };
	static const char *const few[] = {
		"CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE",
	};
	static const char *const half[] = {
		"CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "DEC",
	};

	(void)state;
	assert_int_equal(s903_detect(header, ARRAY_SIZE(header)), S903_HEADER);
	assert_int_equal(s903_detect(episodes, ARRAY_SIZE(episodes)),
			 S903_EPISODES);
	assert_int_equal(s903_detect(reviews, ARRAY_SIZE(reviews)),
			 S903_REVIEWS);
	assert_int_equal(s903_detect(unknown, ARRAY_SIZE(unknown)), -1);
	assert_int_equal(s903_detect(unknown, 0), -1);
	/* 6 of Episodes' 13 columns is fewer than half; 7 is enough */
	assert_int_equal(s903_detect(few, ARRAY_SIZE(few)), -1);
	assert_int_equal(s903_detect(half, ARRAY_SIZE(half)), S903_EPISODES);
}

/* ---- field parsing ------------------------------------------------------ */

static const struct s903_col *col_of(enum s903_table t, const char *name)
{
	const struct s903_table_def *d = &s903_tables[t];

	for (size_t i = 0; i < d->ncols; i++)
		if (!strcmp(d->cols[i].name, name))
			return &d->cols[i];
	fail_msg("no column %s", name);
	return NULL;
}

static const char *parse_ep(const char *name, const char *text,
			    struct s903_episode *e, char *msg, size_t n)
{
	return s903_parse_field(col_of(S903_EPISODES, name), text, e, msg, n);
}

static void test_parse_required_blank(void **state)
{
	struct s903_return r = S903_RETURN_INIT;
	struct s903_episode *e = s903_add_episode(&r);
	char msg[256];

	(void)state;
	assert_string_equal(parse_ep("CHILD", "", e, msg, sizeof(msg)),
			    "required");
	assert_non_null(strstr(msg, "CHILD"));
	assert_string_equal(parse_ep("DECOM", "", e, msg, sizeof(msg)),
			    "required");
	assert_string_equal(parse_ep("RNE", "", e, msg, sizeof(msg)),
			    "required");
	/* optional blanks keep the blank value */
	assert_null(parse_ep("DEC", "", e, msg, sizeof(msg)));
	assert_string_equal(msg, "");
	assert_int_equal(e->dec, DATE_NONE);
	assert_null(parse_ep("REC", "", e, msg, sizeof(msg)));
	assert_string_equal(e->rec, "");
	assert_null(parse_ep("URN", "", e, msg, sizeof(msg)));
	s903_return_release(&r);
}

static void test_parse_id(void **state)
{
	struct s903_return r = S903_RETURN_INIT;
	struct s903_episode *e = s903_add_episode(&r);
	char msg[256];

	(void)state;
	assert_null(parse_ep("CHILD", "C-1_2/3", e, msg, sizeof(msg)));
	assert_string_equal(e->child, "C-1_2/3");
	assert_null(parse_ep("CHILD", "ABCDEFGHIJKLMNOP", e, msg,
			     sizeof(msg)));	/* 16: the most */
	assert_string_equal(e->child, "ABCDEFGHIJKLMNOP");
	assert_string_equal(parse_ep("CHILD", "ABCDEFGHIJKLMNOPQ", e, msg,
				     sizeof(msg)), "id");
	assert_non_null(strstr(msg, "CHILD"));
	assert_non_null(strstr(msg, "16"));
	assert_string_equal(parse_ep("CHILD", "C 1", e, msg, sizeof(msg)),
			    "id");
	assert_string_equal(parse_ep("CHILD", "C1;", e, msg, sizeof(msg)),
			    "id");
	assert_string_equal(parse_ep("CHILD", "C\xC3\xA9", e, msg,
				     sizeof(msg)), "id");
	/* a refused value leaves the field as it was */
	assert_string_equal(e->child, "ABCDEFGHIJKLMNOP");
	s903_return_release(&r);
}

static void test_parse_date(void **state)
{
	struct s903_return r = S903_RETURN_INIT;
	struct s903_episode *e = s903_add_episode(&r);
	char msg[256];

	(void)state;
	assert_null(parse_ep("DECOM", "12/05/2018", e, msg, sizeof(msg)));
	assert_int_equal(e->decom, D("12/05/2018"));
	assert_string_equal(parse_ep("DEC", "31/02/2018", e, msg, sizeof(msg)),
			    "date");
	assert_non_null(strstr(msg, "DEC \"31/02/2018\""));
	assert_non_null(strstr(msg, "dd/mm/yyyy"));
	assert_int_equal(e->dec, DATE_NONE);
	assert_string_equal(parse_ep("DEC", "2018-05-12", e, msg, sizeof(msg)),
			    "date");
	assert_string_equal(parse_ep("DEC", "1/5/2018", e, msg, sizeof(msg)),
			    "date");
	s903_return_release(&r);
}

static void test_parse_code(void **state)
{
	struct s903_return r = S903_RETURN_INIT;
	struct s903_episode *e = s903_add_episode(&r);
	char msg[256];

	(void)state;
	assert_string_equal(parse_ep("RNE", "X", e, msg, sizeof(msg)), "code");
	assert_non_null(strstr(msg, "RNE \"X\""));
	assert_non_null(strstr(msg, "RNE code list"));
	assert_non_null(strstr(msg, "DfE rule 143"));
	assert_string_equal(parse_ep("PLACE", "k2", e, msg, sizeof(msg)),
			    "code");
	assert_non_null(strstr(msg, "PLACE code list"));
	assert_non_null(strstr(msg, "DfE rule 146"));
	assert_string_equal(parse_ep("REASON_PLACE_CHANGE", "CUSTODY", e, msg,
				     sizeof(msg)), "code");
	assert_non_null(strstr(msg, "DfE rule 1009"));
	assert_null(parse_ep("PLACE", "K2", e, msg, sizeof(msg)));
	assert_string_equal(e->place, "K2");
	assert_null(parse_ep("REC", "E4A", e, msg, sizeof(msg)));
	assert_string_equal(e->rec, "E4A");
	s903_return_release(&r);
}

/* Every code of every list a column uses parses and is stored. */
static void test_parse_every_code(void **state)
{
	union {
		struct s903_header h;
		struct s903_episode e;
		struct s903_missing m;
		struct s903_oc2 o;
	} row;
	char msg[256];
	size_t ncols = 0;

	(void)state;
	for (int t = S903_HEADER; t <= S903_OC2; t++) {
		const struct s903_table_def *d = &s903_tables[t];

		for (size_t c = 0; c < d->ncols; c++) {
			const struct s903_col *col = &d->cols[c];

			if (col->kind != S903_CODE)
				continue;
			ncols++;
			for (size_t k = 0; k < col->codes->n; k++) {
				const char *code = col->codes->codes[k].code;

				memset(&row, 0, sizeof(row));
				if (s903_parse_field(col, code, &row, msg,
						     sizeof(msg)))
					fail_msg("%s refused %s: %s", col->name,
						 code, msg);
				assert_string_equal((char *)&row + col->off,
						    code);
			}
		}
	}
	/* SEX, ETHNIC, RNE, LS, CIN, PLACE, PLACE_PROVIDER, REC,
	 * REASON_PLACE_CHANGE, MISSING, SDQ_REASON */
	assert_int_equal(ncols, 11);
}

static void test_parse_int(void **state)
{
	struct s903_return r = S903_RETURN_INIT;
	struct s903_oc2 *o = s903_add_oc2(&r);
	const struct s903_col *sdq = col_of(S903_OC2, "SDQ_SCORE");
	const struct s903_col *conv = col_of(S903_OC2, "CONVICTED");
	char msg[256];

	(void)state;
	assert_null(s903_parse_field(sdq, "40", o, msg, sizeof(msg)));
	assert_int_equal(o->sdq_score, 40);
	assert_null(s903_parse_field(sdq, "0", o, msg, sizeof(msg)));
	assert_int_equal(o->sdq_score, 0);
	assert_string_equal(s903_parse_field(sdq, "41", o, msg, sizeof(msg)),
			    "integer");
	assert_non_null(strstr(msg, "SDQ_SCORE \"41\""));
	assert_non_null(strstr(msg, "from 0 to 40"));
	assert_string_equal(s903_parse_field(sdq, "-1", o, msg, sizeof(msg)),
			    "integer");
	assert_string_equal(s903_parse_field(sdq, "1.5", o, msg, sizeof(msg)),
			    "integer");
	assert_int_equal(o->sdq_score, 0);
	assert_null(s903_parse_field(conv, "1", o, msg, sizeof(msg)));
	assert_int_equal(o->convicted, 1);
	assert_string_equal(s903_parse_field(conv, "2", o, msg, sizeof(msg)),
			    "integer");
	assert_null(s903_parse_field(conv, "", o, msg, sizeof(msg)));
	assert_int_equal(o->convicted, 1);
	s903_return_release(&r);
}

static void test_parse_postcode(void **state)
{
	struct s903_return r = S903_RETURN_INIT;
	struct s903_episode *e = s903_add_episode(&r);
	char msg[256];

	(void)state;
	assert_null(parse_ep("HOME_POST", "cf101aa", e, msg, sizeof(msg)));
	assert_string_equal(e->home_post, "CF10 1AA");
	assert_null(parse_ep("PL_POST", "sw1a 1aa", e, msg, sizeof(msg)));
	assert_string_equal(e->pl_post, "SW1A 1AA");
	assert_null(parse_ep("PL_POST", "CF10", e, msg, sizeof(msg)));
	assert_string_equal(e->pl_post, "CF10");
	assert_string_equal(parse_ep("PL_POST", "NOT A PC", e, msg,
				     sizeof(msg)), "postcode");
	assert_non_null(strstr(msg, "PL_POST \"NOT A PC\""));
	s903_return_release(&r);
}

static void test_parse_upn(void **state)
{
	static const char *const good[] = {
		"A123456789012", "Z00000000000A", "UN1", "UN2", "UN3", "UN4",
		"UN5",
	};
	static const char *const bad[] = {
		"UN0", "UN6", "UN", "UN11", "a123456789012", "A12345678901",
		"A1234567890123", "A1234X6789012", "1123456789012",
		"A12345678901a", "ABCDEFGHIJKLM",
	};
	struct s903_return r = S903_RETURN_INIT;
	struct s903_header *h = s903_add_header(&r);
	const struct s903_col *upn = col_of(S903_HEADER, "UPN");
	char msg[256];

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(good); i++) {
		if (s903_parse_field(upn, good[i], h, msg, sizeof(msg)))
			fail_msg("UPN %s refused: %s", good[i], msg);
		assert_string_equal(h->upn, good[i]);
	}
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		const char *rule = s903_parse_field(upn, bad[i], h, msg,
						    sizeof(msg));

		if (!rule || strcmp(rule, "upn"))
			fail_msg("UPN %s accepted", bad[i]);
	}
	assert_string_equal(h->upn, "UN5");
	s903_return_release(&r);
}

static void test_parse_urn(void **state)
{
	struct s903_return r = S903_RETURN_INIT;
	struct s903_episode *e = s903_add_episode(&r);
	char msg[256];

	(void)state;
	assert_null(parse_ep("URN", "W1234567", e, msg, sizeof(msg)));
	assert_string_equal(e->urn, "W1234567");
	assert_null(parse_ep("URN", "SC-123abc", e, msg, sizeof(msg)));
	assert_null(parse_ep("URN", "ABCDEFGHIJ0123456789", e, msg,
			     sizeof(msg)));	/* 20: the most */
	assert_string_equal(parse_ep("URN", "ABCDEFGHIJ01234567890", e, msg,
				     sizeof(msg)), "urn");
	assert_non_null(strstr(msg, "URN"));
	assert_non_null(strstr(msg, "20"));
	assert_string_equal(parse_ep("URN", "W_1", e, msg, sizeof(msg)),
			    "urn");
	assert_string_equal(parse_ep("URN", "W/1", e, msg, sizeof(msg)),
			    "urn");
	assert_string_equal(parse_ep("URN", "W 1", e, msg, sizeof(msg)),
			    "urn");
	assert_string_equal(e->urn, "ABCDEFGHIJ0123456789");
	s903_return_release(&r);
}

static void test_parse_text(void **state)
{
	const struct s903_col *c = &s903_tables[S903_REVIEWS].cols[3];
	struct s903_review row = { .review_code = "" };
	char msg[128];

	(void)state;
	assert_int_equal(c->kind, S903_TEXT);
	assert_null(s903_parse_field(c, "PN1", &row, msg, sizeof(msg)));
	assert_string_equal(row.review_code, "PN1");
	/* longer than the column holds, or not printable ASCII */
	assert_string_equal(s903_parse_field(c, "PN12", &row, msg, sizeof(msg)),
			    "text");
	assert_non_null(strstr(msg, "REVIEW_CODE"));
	assert_string_equal(s903_parse_field(c, "P\tN", &row, msg, sizeof(msg)),
			    "text");
	assert_string_equal(s903_parse_field(c, "\xc3\xa9", &row, msg,
					     sizeof(msg)), "text");
	assert_string_equal(row.review_code, "PN1");
}

/* Parse a whole row of text, format it back, compare. */
static void round_trip_row(enum s903_table t, const char *const *text)
{
	const struct s903_table_def *d = &s903_tables[t];
	struct s903_return r = S903_RETURN_INIT;
	void *row = NULL;
	char msg[256], out[64];

	switch (t) {
	case S903_HEADER:
		row = s903_add_header(&r);
		break;
	case S903_EPISODES:
		row = s903_add_episode(&r);
		break;
	case S903_MISSING:
		row = s903_add_missing(&r);
		break;
	default:
		row = s903_add_oc2(&r);
		break;
	}
	for (size_t c = 0; c < d->ncols; c++) {
		const char *rule = s903_parse_field(&d->cols[c], text[c], row,
						    msg, sizeof(msg));

		if (rule)
			fail_msg("%s \"%s\": %s", d->cols[c].name, text[c],
				 msg);
	}
	for (size_t c = 0; c < d->ncols; c++) {
		s903_format_field(&d->cols[c], row, out, sizeof(out));
		if (strcmp(out, text[c]))
			fail_msg("%s: \"%s\" came back as \"%s\"",
				 d->cols[c].name, text[c], out);
	}
	s903_return_release(&r);
}

static void test_format_round_trip(void **state)
{
	static const char *const h1[] = {
		"C001", "1", "12/05/2005", "WBRI", "A123456789012", "1",
		"01/02/2019",
	};
	static const char *const h2[] = {
		"C002", "F", "03/02/2003", "NOBT", "", "", "",
	};
	static const char *const e1[] = {
		"C001", "15/08/2018", "P", "C2", "N1", "K2", "PR4",
		"01/03/2019", "E4A", "CREQB", "CF10 1AA", "SA1", "W1234567",
	};
	static const char *const e2[] = {
		"C/2", "10/04/2018", "S", "V2", "N4", "U6", "", "", "", "", "",
		"", "",
	};
	static const char *const m1[] = {
		"C001", "12/05/2005", "A", "01/09/2018", "",
	};
	static const char *const o1[] = {
		"C003", "17/11/2010", "0", "SDQ5", "0", "1", "1", "0", "1",
		"0", "", "1",
	};
	static const char *const o2[] = {
		"C004", "21/07/2002", "40", "", "", "", "", "", "", "", "", "",
	};

	(void)state;
	round_trip_row(S903_HEADER, h1);
	round_trip_row(S903_HEADER, h2);
	round_trip_row(S903_EPISODES, e1);
	round_trip_row(S903_EPISODES, e2);
	round_trip_row(S903_MISSING, m1);
	round_trip_row(S903_OC2, o1);
	round_trip_row(S903_OC2, o2);
}

static void test_format_small_buffer(void **state)
{
	struct s903_return r = S903_RETURN_INIT;
	struct s903_episode *e = s903_add_episode(&r);
	char out[4];

	(void)state;
	e->decom = D("12/05/2018");
	snprintf(e->urn, sizeof(e->urn), "W1234567");
	/* a date does not fit: blank rather than cut */
	s903_format_field(col_of(S903_EPISODES, "DECOM"), e, out, sizeof(out));
	assert_string_equal(out, "");
	s903_format_field(col_of(S903_EPISODES, "URN"), e, out, sizeof(out));
	assert_string_equal(out, "W12");
	s903_return_release(&r);
}

/* ---- whole-return checks ------------------------------------------------ */

static void test_check_valid(void **state)
{
	struct s903_return r;

	(void)state;
	base_return(&r);
	expect_none(&r);
	/* and it is left in canonical order */
	assert_string_equal(r.episodes[0].child, "C1");
	assert_int_equal(r.episodes[0].decom, D("01/05/2018"));
	assert_int_equal(r.episodes[2].line, 4);
	s903_return_release(&r);

	/* without a year, no year checks */
	base_return(&r);
	r.year = 0;
	ep_line(&r, 4)->decom = D("01/04/2019");
	expect_none(&r);
	s903_return_release(&r);
}

static void test_check_child_duplicate(void **state)
{
	struct s903_return r;
	struct seen s;
	const char *msg;

	(void)state;
	base_return(&r);
	add_h(&r, "C1", "01/01/2010", 4);
	msg = expect_one_(&r, &s, "child-duplicate", S903_HEADER, 4, "CHILD");
	assert_non_null(strstr(msg, "C1"));
	assert_non_null(strstr(msg, "line 2"));
	s903_return_release(&r);

	base_return(&r);
	add_o(&r, "C2", "01/06/2008", 3);
	expect_one(&r, "child-duplicate", S903_OC2, 3, "CHILD");
	s903_return_release(&r);
}

static void test_check_not_in_header(void **state)
{
	struct s903_return r;

	(void)state;
	/* episodes: reported once per child, at its first episode */
	base_return(&r);
	add_e(&r, "C9", "01/05/2018", "S", "01/06/2018", 5);
	add_e(&r, "C9", "01/06/2018", "P", "", 6);
	expect_one(&r, "child-not-in-header", S903_EPISODES, 5, "CHILD");
	s903_return_release(&r);

	/* missing: once per child too */
	base_return(&r);
	add_m(&r, "C9", "01/01/2011", "01/11/2018", "02/11/2018", 3);
	add_m(&r, "C9", "01/01/2011", "03/11/2018", "04/11/2018", 4);
	expect_one(&r, "child-not-in-header", S903_MISSING, 3, "CHILD");
	s903_return_release(&r);

	base_return(&r);
	add_o(&r, "C9", "01/01/2011", 3);
	expect_one(&r, "child-not-in-header", S903_OC2, 3, "CHILD");
	s903_return_release(&r);
}

static void test_check_child_no_episode(void **state)
{
	struct s903_return r;

	(void)state;
	base_return(&r);
	add_h(&r, "C3", "01/01/2012", 4);
	expect_one(&r, "child-no-episode", S903_HEADER, 4, "CHILD");
	s903_return_release(&r);
}

static void test_check_episode_order(void **state)
{
	struct s903_return r;

	(void)state;
	base_return(&r);
	/* line 2 starts after line 3 */
	ep_line(&r, 2)->decom = D("01/09/2018");
	ep_line(&r, 2)->dec = DATE_NONE;
	ep_line(&r, 3)->decom = D("01/05/2018");
	ep_line(&r, 3)->dec = D("01/09/2018");
	snprintf(ep_line(&r, 3)->rne, 2, "S");
	expect_one(&r, "episode-order", S903_EPISODES, 3, "DECOM");
	s903_return_release(&r);
}

static void test_check_episode_overlap(void **state)
{
	struct s903_return r;
	struct seen s;
	const char *msg;

	(void)state;
	/* the previous episode is still open */
	base_return(&r);
	ep_line(&r, 2)->dec = DATE_NONE;
	msg = expect_one_(&r, &s, "episode-overlap", S903_EPISODES, 3,
			  "DECOM");
	assert_non_null(strstr(msg, "C1"));
	assert_non_null(strstr(msg, "line 2"));
	assert_non_null(strstr(msg, "01/05/2018"));
	s903_return_release(&r);

	/* starts before the previous one ends */
	base_return(&r);
	ep_line(&r, 3)->decom = D("01/08/2018");
	msg = expect_one_(&r, &s, "episode-overlap", S903_EPISODES, 3,
			  "DECOM");
	assert_non_null(strstr(msg, "line 2"));
	assert_non_null(strstr(msg, "01/05/2018 to 01/09/2018"));
	s903_return_release(&r);
}

static void test_check_episode_dates(void **state)
{
	struct s903_return r;

	(void)state;
	base_return(&r);
	ep_line(&r, 4)->decom = D("01/06/2018");
	ep_line(&r, 4)->dec = D("01/05/2018");
	expect_one(&r, "episode-dates", S903_EPISODES, 4, "DEC");
	s903_return_release(&r);

	/* the same day is fine */
	base_return(&r);
	ep_line(&r, 4)->decom = D("01/06/2018");
	ep_line(&r, 4)->dec = D("01/06/2018");
	expect_none(&r);
	s903_return_release(&r);
}

static void test_check_episode_continuity(void **state)
{
	struct s903_return r;

	(void)state;
	/* RNE P continues care: must start on the previous DEC */
	base_return(&r);
	ep_line(&r, 3)->decom = D("02/09/2018");
	expect_one(&r, "episode-continuity", S903_EPISODES, 3, "DECOM");
	s903_return_release(&r);

	/* RNE L too */
	base_return(&r);
	ep_line(&r, 3)->decom = D("05/09/2018");
	snprintf(ep_line(&r, 3)->rne, 2, "L");
	expect_one(&r, "episode-continuity", S903_EPISODES, 3, "DECOM");
	s903_return_release(&r);

	/* RNE S starts a new period of care: a gap is fine */
	base_return(&r);
	ep_line(&r, 3)->decom = D("02/09/2018");
	snprintf(ep_line(&r, 3)->rne, 2, "S");
	expect_none(&r);
	s903_return_release(&r);
}

static void test_check_year_range(void **state)
{
	struct s903_return r;

	(void)state;
	/* DECOM after the year end (31/03/2019) */
	base_return(&r);
	ep_line(&r, 4)->decom = D("01/04/2019");
	expect_one(&r, "year-range", S903_EPISODES, 4, "DECOM");
	s903_return_release(&r);

	/* DEC before the year start (01/04/2018) */
	base_return(&r);
	ep_line(&r, 4)->dec = D("31/03/2018");
	expect_one(&r, "year-range", S903_EPISODES, 4, "DEC");
	s903_return_release(&r);

	/* DEC after the year end */
	base_return(&r);
	ep_line(&r, 4)->dec = D("01/04/2019");
	expect_one(&r, "year-range", S903_EPISODES, 4, "DEC");
	s903_return_release(&r);

	/* the first and last days are inside */
	base_return(&r);
	ep_line(&r, 4)->dec = D("01/04/2018");
	expect_none(&r);
	s903_return_release(&r);
	base_return(&r);
	ep_line(&r, 4)->dec = D("31/03/2019");
	ep_line(&r, 3)->decom = D("01/09/2018");
	expect_none(&r);
	s903_return_release(&r);

	/* a missing period wholly outside the year */
	base_return(&r);
	mis_line(&r, 2)->mis_start = D("01/04/2019");
	mis_line(&r, 2)->mis_end = D("02/04/2019");
	expect_one(&r, "year-range", S903_MISSING, 2, "MIS_START");
	s903_return_release(&r);
	base_return(&r);
	mis_line(&r, 2)->mis_start = D("01/01/2018");
	mis_line(&r, 2)->mis_end = D("31/03/2018");
	expect_one(&r, "year-range", S903_MISSING, 2, "MIS_START");
	s903_return_release(&r);

	/* a DOB after the year end */
	base_return(&r);
	r.header[1].dob = D("01/04/2019");
	r.oc2[0].dob = D("01/04/2019");
	expect_one(&r, "year-range", S903_HEADER, 3, "DOB");
	s903_return_release(&r);
}

static void test_check_missing_dates(void **state)
{
	struct s903_return r;

	(void)state;
	/* ends before it starts */
	base_return(&r);
	mis_line(&r, 2)->mis_end = D("30/09/2018");
	expect_one(&r, "missing-dates", S903_MISSING, 2, "MIS_END");
	s903_return_release(&r);

	/* starts before the child was born */
	base_return(&r);
	mis_line(&r, 2)->mis_start = D("31/12/2009");
	mis_line(&r, 2)->mis_end = DATE_NONE;
	expect_one(&r, "missing-dates", S903_MISSING, 2, "MIS_START");
	s903_return_release(&r);

	/* one day is fine */
	base_return(&r);
	mis_line(&r, 2)->mis_end = D("01/10/2018");
	expect_none(&r);
	s903_return_release(&r);
}

static void test_check_missing_overlap(void **state)
{
	struct s903_return r;

	(void)state;
	/* an open period cannot be followed */
	base_return(&r);
	mis_line(&r, 2)->mis_end = DATE_NONE;
	add_m(&r, "C1", "01/01/2010", "01/11/2018", "02/11/2018", 3);
	expect_one(&r, "missing-overlap", S903_MISSING, 3, "MIS_START");
	s903_return_release(&r);

	/* overlapping dates (reported on the later one, whatever the line) */
	base_return(&r);
	add_m(&r, "C1", "01/01/2010", "03/10/2018", "04/10/2018", 3);
	expect_one(&r, "missing-overlap", S903_MISSING, 3, "MIS_START");
	s903_return_release(&r);
	base_return(&r);
	add_m(&r, "C1", "01/01/2010", "20/09/2018", "02/10/2018", 3);
	expect_one(&r, "missing-overlap", S903_MISSING, 2, "MIS_START");
	s903_return_release(&r);

	/* starting the day the last one ended is fine */
	base_return(&r);
	add_m(&r, "C1", "01/01/2010", "05/10/2018", "06/10/2018", 3);
	expect_none(&r);
	s903_return_release(&r);
}

static void test_check_dob_mismatch(void **state)
{
	struct s903_return r;
	struct seen s;
	const char *msg;

	(void)state;
	base_return(&r);
	mis_line(&r, 2)->dob = D("02/01/2010");
	msg = expect_one_(&r, &s, "dob-mismatch", S903_MISSING, 2, "DOB");
	assert_non_null(strstr(msg, "01/01/2010"));
	assert_non_null(strstr(msg, "line 2"));
	s903_return_release(&r);

	base_return(&r);
	r.oc2[0].dob = D("02/06/2008");
	expect_one(&r, "dob-mismatch", S903_OC2, 2, "DOB");
	s903_return_release(&r);
}

static void test_check_dropped_rows(void **state)
{
	struct s903_return r;
	struct seen s;

	(void)state;
	/* C2's only episode was dropped for a bad field */
	base_return(&r);
	r.nepisodes--;		/* the C2 episode is the last added */
	expect_one(&r, "child-no-episode", S903_HEADER, 3, "CHILD");
	s903_return_release(&r);
	base_return(&r);
	r.nepisodes--;
	s903_note_dropped(&r, "C2");
	expect_none(&r);
	s903_return_release(&r);

	/* C3's Header row was dropped: its other rows do not cascade */
	base_return(&r);
	add_e(&r, "C3", "01/05/2018", "S", "", 5);
	add_m(&r, "C3", "01/01/2012", "01/11/2018", "02/11/2018", 3);
	add_o(&r, "C3", "01/01/2012", 3);
	run_check(&r, &s);
	assert_int_equal(s.n, 3);
	for (size_t i = 0; i < s.n; i++)
		assert_string_equal(s.v[i].rule, "child-not-in-header");
	s903_return_release(&r);

	base_return(&r);
	add_e(&r, "C3", "01/05/2018", "S", "", 5);
	add_m(&r, "C3", "01/01/2012", "01/11/2018", "02/11/2018", 3);
	add_o(&r, "C3", "01/01/2012", 3);
	/* several, out of order: the check sorts them */
	s903_note_dropped(&r, "Z9");
	s903_note_dropped(&r, "C3");
	s903_note_dropped(&r, "A0");
	expect_none(&r);
	s903_return_release(&r);
}

static void test_check_invalid_header(void **state)
{
	struct s903_return r;

	(void)state;
	/* a Header row with a bad field: its DOB is not compared */
	base_return(&r);
	r.header[0].invalid = true;
	r.header[0].dob = DATE_NONE;
	r.header[1].invalid = true;
	r.header[1].dob = DATE_NONE;
	expect_none(&r);
	s903_return_release(&r);
}

static void test_infer_year(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	assert_int_equal(s903_infer_year(&r), 0);
	add_h(&r, "C1", "01/01/2010", 2);	/* DOBs do not count */
	assert_int_equal(s903_infer_year(&r), 0);
	add_e(&r, "C1", "01/05/2015", "S", "31/03/2019", 2);
	assert_int_equal(s903_infer_year(&r), 2019);
	add_e(&r, "C1", "31/03/2019", "P", "", 3);
	assert_int_equal(s903_infer_year(&r), 2019);
	add_m(&r, "C1", "01/01/2010", "01/04/2019", "", 2);
	assert_int_equal(s903_infer_year(&r), 2020);
	add_m(&r, "C1", "01/01/2010", "01/01/2019", "02/04/2020", 3);
	assert_int_equal(s903_infer_year(&r), 2021);
	s903_return_release(&r);

	base_return(&r);
	assert_int_equal(s903_infer_year(&r), 2019);
	s903_return_release(&r);
}

/*
 * --rpc-on-start: each reason moves to the child's previous episode by
 * DECOM, whatever the order of the rows; a first episode's is dropped.
 */
static void test_rpc_to_ending(void **state)
{
	struct s903_return r = S903_RETURN_INIT;
	size_t dropped = 9;

	(void)state;
	add_e(&r, "C1", "10/06/2018", "P", "20/09/2018", 2);
	add_e(&r, "C1", "01/04/2018", "S", "10/06/2018", 3);
	add_e(&r, "C1", "20/09/2018", "P", "", 4);
	add_e(&r, "C2", "01/05/2018", "P", "01/07/2018", 5);
	add_e(&r, "C2", "01/07/2018", "L", "", 6);
	snprintf(r.episodes[0].reason_place_change, 7, "CREQB");
	snprintf(r.episodes[2].reason_place_change, 7, "ALLEG");
	snprintf(r.episodes[3].reason_place_change, 7, "CARPL");
	assert_int_equal(s903_rpc_to_ending(&r, &dropped), 2);
	assert_int_equal(dropped, 1);
	assert_string_equal(r.episodes[1].reason_place_change, "CREQB");
	assert_string_equal(r.episodes[0].reason_place_change, "ALLEG");
	assert_string_equal(r.episodes[2].reason_place_change, "");
	assert_string_equal(r.episodes[3].reason_place_change, "");
	assert_string_equal(r.episodes[4].reason_place_change, "");
	s903_return_release(&r);
}

static void test_sort(void **state)
{
	struct s903_return r = S903_RETURN_INIT;

	(void)state;
	add_h(&r, "C2", "01/01/2010", 2);
	add_h(&r, "C10", "01/01/2010", 3);
	add_h(&r, "C1", "01/01/2010", 4);
	add_h(&r, "C1", "01/01/2010", 1);
	add_e(&r, "C2", "01/06/2018", "S", "", 2);
	add_e(&r, "C1", "01/09/2018", "P", "", 3);
	add_e(&r, "C1", "01/05/2018", "S", "01/09/2018", 4);
	add_e(&r, "C1", "01/05/2018", "S", "01/09/2018", 1);
	add_m(&r, "C2", "01/01/2010", "01/06/2018", "", 2);
	add_m(&r, "C1", "01/01/2010", "03/06/2018", "", 3);
	add_m(&r, "C1", "01/01/2010", "02/06/2018", "", 4);
	add_o(&r, "C2", "01/01/2010", 2);
	add_o(&r, "C1", "01/01/2010", 3);
	s903_sort(&r);

	/* Header: CHILD (byte order), then line */
	assert_string_equal(r.header[0].child, "C1");
	assert_int_equal(r.header[0].line, 1);
	assert_string_equal(r.header[1].child, "C1");
	assert_int_equal(r.header[1].line, 4);
	assert_string_equal(r.header[2].child, "C10");
	assert_string_equal(r.header[3].child, "C2");
	/* Episodes: CHILD, DECOM, line */
	assert_int_equal(r.episodes[0].line, 1);
	assert_int_equal(r.episodes[1].line, 4);
	assert_int_equal(r.episodes[2].line, 3);
	assert_string_equal(r.episodes[3].child, "C2");
	/* Missing: CHILD, MIS_START */
	assert_int_equal(r.missing[0].line, 4);
	assert_int_equal(r.missing[1].line, 3);
	assert_int_equal(r.missing[2].line, 2);
	assert_string_equal(r.oc2[0].child, "C1");
	assert_string_equal(r.oc2[1].child, "C2");
	s903_return_release(&r);
}

int main(void)
{
	const struct CMUnitTest ssda903_tests[] = {
		cmocka_unit_test(test_table_defs),
		cmocka_unit_test(test_add_rows_blank),
		cmocka_unit_test(test_detect_each_table),
		cmocka_unit_test(test_detect_examples),
		cmocka_unit_test(test_parse_required_blank),
		cmocka_unit_test(test_parse_id),
		cmocka_unit_test(test_parse_date),
		cmocka_unit_test(test_parse_code),
		cmocka_unit_test(test_parse_every_code),
		cmocka_unit_test(test_parse_int),
		cmocka_unit_test(test_parse_postcode),
		cmocka_unit_test(test_parse_upn),
		cmocka_unit_test(test_parse_urn),
		cmocka_unit_test(test_parse_text),
		cmocka_unit_test(test_format_round_trip),
		cmocka_unit_test(test_format_small_buffer),
		cmocka_unit_test(test_check_valid),
		cmocka_unit_test(test_check_child_duplicate),
		cmocka_unit_test(test_check_not_in_header),
		cmocka_unit_test(test_check_child_no_episode),
		cmocka_unit_test(test_check_episode_order),
		cmocka_unit_test(test_check_episode_overlap),
		cmocka_unit_test(test_check_episode_dates),
		cmocka_unit_test(test_check_episode_continuity),
		cmocka_unit_test(test_check_year_range),
		cmocka_unit_test(test_check_missing_dates),
		cmocka_unit_test(test_check_missing_overlap),
		cmocka_unit_test(test_check_dob_mismatch),
		cmocka_unit_test(test_check_dropped_rows),
		cmocka_unit_test(test_check_invalid_header),
		cmocka_unit_test(test_infer_year),
		cmocka_unit_test(test_sort),
		cmocka_unit_test(test_rpc_to_ending),
	};

	return cmocka_run_group_tests(ssda903_tests, NULL, NULL);
}
