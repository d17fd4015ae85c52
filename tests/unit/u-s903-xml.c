/*
 * u-s903-xml.c: unit tests for src/ingest/s903-xml.c, the SSDA903 XML
 * reader: a good file into every table it carries, each rule it reports
 * (with the line of the element), hostile files (an entity expansion
 * bomb, external entities), a truncated file, an element outside the
 * layout and a 0-byte file.
 *
 * Each test writes its XML to a temporary file, reads it, and compares
 * the problems as one string "LINE:RULE\n..." in the order diags_print()
 * sorts them, so that one line states the whole expected result.
 */
#include "unit.h"
#include <sys/resource.h>
#include <unistd.h>
#include "base/buf.h"
#include "base/err.h"
#include "ingest/s903-xml.h"

struct got {
	struct s903_return r;
	struct diags d;
	char *problems;		/* "LINE:RULE\n" each */
};

static int cmp_diag(const void *a, const void *b)
{
	const struct diag *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->column != y->column)
		return x->column < y->column ? -1 : 1;
	return strcmp(x->rule, y->rule);
}

static void read_text(struct got *g, const char *xml, size_t len)
{
	char path[] = "/tmp/u-s903-xml-XXXXXX.xml";
	struct err err = ERR_INIT;
	struct buf out = BUF_INIT(1 << 20);
	int fd = mkstemps(path, 4);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, xml, len), (ssize_t)len);
	close(fd);
	memset(g, 0, sizeof(*g));
	assert_int_equal(s903_read_xml(path, &g->r, &g->d, &err), 0);
	unlink(path);
	if (g->d.n)
		qsort(g->d.v, g->d.n, sizeof(*g->d.v), cmp_diag);
	for (size_t i = 0; i < g->d.n; i++) {
		assert_string_equal(g->d.v[i].file, path);
		buf_addf(&out, "%llu:%s\n", (unsigned long long)g->d.v[i].line,
			 g->d.v[i].rule);
	}
	g->problems = buf_detach(&out, NULL);
}

static void read_str(struct got *g, const char *xml)
{
	read_text(g, xml, strlen(xml));
}

static void got_release(struct got *g)
{
	s903_return_release(&g->r);
	diags_release(&g->d);
	free(g->problems);
}

/* The message of the first problem with rule. */
static const char *msg_of(const struct got *g, const char *rule)
{
	for (size_t i = 0; i < g->d.n; i++)
		if (!strcmp(g->d.v[i].rule, rule))
			return g->d.v[i].msg;
	fail_msg("no %s problem in:\n%s", rule, g->problems);
	return NULL;
}

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

/* One child with a value of every table the form carries. */
static const char good[] = HEAD
	"<Message>\n"
	"<EXPSSDA903>\n"
	"<CHILD>\n"
	" <HEADER>\n"
	"  <CHILDID>C001</CHILDID>\n"
	"  <UPN>A123456789012</UPN>\n"
	"  <SEX>1</SEX>\n"
	"  <DOB>12/05/2005</DOB>\n"
	"  <ETHNIC>WBRI</ETHNIC>\n"
	"  <UASC>1</UASC><DUC>01/01/2023</DUC>\n"
	"  <IN_TOUCH>YES</IN_TOUCH><ACTIV>F2</ACTIV><ACCOM>S</ACCOM>\n"
	"  <DATE_INT>03/05/2015</DATE_INT><DATE_MATCH>04/05/2015</DATE_MATCH>\n"
	"  <FOSTER_CARE>0</FOSTER_CARE><NB_ADOPTR>1</NB_ADOPTR>\n"
	"  <SEX_ADOPTR>MM</SEX_ADOPTR><LS_ADOPTR>L0</LS_ADOPTR>\n"
	"  <AREVIEW><REVIEW>01/02/2019</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE></AREVIEW>\n"
	"  <AREVIEW><REVIEW>01/03/2019</REVIEW><REVIEW_CODE>PN2</REVIEW_CODE></AREVIEW>\n"
	"  <AMISSING><MISSING>M</MISSING><MIS_START>01/09/2018</MIS_START><MIS_END /></AMISSING>\n"
	"  <MOTHER /><MC_DOB/>\n"
	"  <PERMANENCE><PREV_PERM>Z1</PREV_PERM><LA_PERM /><DATE_PERM /></PERMANENCE>\n"
	"  <OC2><SDQ_SCORE>21</SDQ_SCORE><CONVICTED>1</CONVICTED></OC2>\n"
	"  <AD_PLACED><DATE_PLACED>03/05/2015</DATE_PLACED><REASON_PLACED_CEASED>E11</REASON_PLACED_CEASED></AD_PLACED>\n"
	" </HEADER>\n"
	" <EPISODE><DECOM>01/06/2017</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN>\n"
	"  <PL>U4</PL><PLACE_PROVIDER>PR1</PLACE_PROVIDER><DEC>15/08/2018</DEC>\n"
	"  <REC>X1</REC><REASON_PLACE_CHANGE /><HOME_POST>CF10 1AA</HOME_POST>\n"
	"  <PL_POST>CF14 3AA</PL_POST><URN>W1234567</URN></EPISODE>\n"
	" <EPISODE><DECOM>15/08/2018</DECOM><RNE>P</RNE><LS>C2</LS><CIN>N1</CIN>\n"
	"  <PL><![CDATA[K2]]></PL></EPISODE>\n"
	"</CHILD>\n"
	"<!-- a comment passes -->\n"
	"<CHILD><HEADER><CHILDID>C002</CHILDID><SEX>2</SEX><DOB>03/02/2003</DOB>"
	"<ETHNIC>WBRI</ETHNIC><UASC /></HEADER>"
	"<EPISODE><DECOM>10/04/2018</DECOM><RNE>S</RNE><LS>V2</LS><CIN>N4</CIN>"
	"<PL>K2</PL></EPISODE></CHILD>\n"
	"</EXPSSDA903>\n"
	"</Message>\n";

static void test_good(void **state)
{
	struct got g;
	size_t n;
	const struct s903_episode *e;

	(void)state;
	read_str(&g, good);
	assert_string_equal(g.problems, "");
	assert_int_equal(g.r.nheader, 2);
	assert_string_equal(g.r.header[0].child, "C001");
	assert_int_equal(g.r.header[0].dob, unit_date("12/05/2005"));
	assert_int_equal(g.r.header[0].mother, -1);
	assert_int_equal(g.r.header[0].line, 5);
	assert_int_equal(g.r.nepisodes, 3);
	e = &g.r.episodes[0];
	assert_string_equal(e->child, "C001");
	assert_string_equal(e->place, "U4");		/* PL */
	assert_string_equal(e->urn, "W1234567");
	assert_int_equal(e->line, 24);
	assert_string_equal(g.r.episodes[1].place, "K2");	/* CDATA */
	assert_int_equal(g.r.episodes[1].dec, DATE_NONE);
	assert_string_equal(g.r.episodes[2].child, "C002");
	/* DOB and SEX come from the HEADER */
	assert_int_equal(g.r.nreviews, 2);
	assert_string_equal(g.r.reviews[1].child, "C001");
	assert_int_equal(g.r.reviews[1].dob, unit_date("12/05/2005"));
	assert_string_equal(g.r.reviews[1].review_code, "PN2");
	assert_int_equal(g.r.nmissing, 1);
	assert_int_equal(g.r.missing[0].dob, unit_date("12/05/2005"));
	assert_int_equal(g.r.missing[0].mis_end, DATE_NONE);
	assert_int_equal(g.r.noc2, 1);
	assert_int_equal(g.r.oc2[0].sdq_score, 21);
	assert_int_equal(g.r.oc2[0].health_check, -1);
	/* a UASC row only where <UASC> has a value (C002's is empty) */
	assert_int_equal(g.r.nuasc, 1);
	assert_string_equal(g.r.uasc[0].sex, "1");
	assert_int_equal(g.r.uasc[0].duc, unit_date("01/01/2023"));
	assert_int_equal(g.r.noc3, 1);
	assert_string_equal(g.r.oc3[0].in_touch, "YES");
	assert_int_equal(g.r.nad1, 1);
	assert_string_equal(g.r.ad1[0].ls_adoptr, "L0");
	assert_int_equal(g.r.nplaced, 1);
	assert_int_equal(g.r.nprev_perm, 1);
	assert_string_equal(g.r.prev_perm[0].prev_perm, "Z1");
	assert_null(s903_rows(&g.r, S903_SW_EPISODES, &n));
	assert_int_equal(n, 0);
	assert_true(g.r.present[S903_AD1]);
	assert_false(g.r.present[S903_DOLO]);
	for (int t = 0; t < S903_NTABLES; t++)
		assert_false(g.r.incomplete[t]);
	got_release(&g);
}

/* Without the <Message> wrapper, as the DfE's validator's fixture is. */
static void test_bare_root(void **state)
{
	struct got g;

	(void)state;
	read_str(&g, "<EXPSSDA903><CHILD><HEADER><CHILDID>C1</CHILDID>"
		 "<SEX>1</SEX><DOB>01/01/2010</DOB><ETHNIC>WBRI</ETHNIC>"
		 "</HEADER></CHILD></EXPSSDA903>");
	assert_string_equal(g.problems, "");
	assert_int_equal(g.r.nheader, 1);
	got_release(&g);
}

#define CHILD1(header, episode)                                            \
	HEAD "<EXPSSDA903>\n<CHILD>\n<HEADER>\n"                           \
	"<CHILDID>C1</CHILDID>\n<SEX>1</SEX>\n<DOB>01/01/2010</DOB>\n"     \
	"<ETHNIC>WBRI</ETHNIC>\n" header "</HEADER>\n"                    \
	"<EPISODE>\n<DECOM>01/06/2018</DECOM>\n<RNE>S</RNE>\n<LS>C2</LS>\n" \
	"<CIN>N1</CIN>\n<PL>U4</PL>\n" episode "</EPISODE>\n"             \
	"</CHILD>\n</EXPSSDA903>\n"

/* Every field rule the CSV reader has, at the line of the element. */
static void test_field_rules(void **state)
{
	struct got g;

	(void)state;
	read_str(&g, CHILD1("<UPN>X</UPN>\n<MOTHER>7</MOTHER>\n",
			    "<DEC>31/02/2019</DEC>\n<REC>ZZ</REC>\n"
			    "<HOME_POST>NOT A POSTCODE</HOME_POST>\n"
			    "<URN>a/b</URN>\n"));
	assert_string_equal(g.problems,
			    "9:upn\n10:integer\n18:date\n19:code\n20:postcode\n"
			    "21:urn\n");
	assert_non_null(strstr(msg_of(&g, "date"), "DEC \"31/02/2019\""));
	/* the Header row stays (marked invalid); the episode is dropped */
	assert_int_equal(g.r.nheader, 1);
	assert_true(g.r.header[0].invalid);
	assert_int_equal(g.r.nepisodes, 0);
	got_release(&g);

	/* id and text: a CHILDID of the wrong letters, a code too long */
	read_str(&g, "<EXPSSDA903><CHILD><HEADER><CHILDID>C 1</CHILDID>"
		 "<SEX>1</SEX><DOB>01/01/2010</DOB><ETHNIC>WBRI</ETHNIC>"
		 "</HEADER></CHILD><CHILD><HEADER><CHILDID>C2</CHILDID>\n"
		 "<SEX>1</SEX><DOB>01/01/2010</DOB><ETHNIC>WBRI</ETHNIC>\n"
		 "<AREVIEW><REVIEW_CODE>PN12345</REVIEW_CODE></AREVIEW>"
		 "</HEADER></CHILD></EXPSSDA903>");
	assert_string_equal(g.problems, "1:id\n3:text\n");
	got_release(&g);
}

/* A required value blank or absent; the message names the element. */
static void test_required(void **state)
{
	struct got g;

	(void)state;
	read_str(&g, HEAD "<EXPSSDA903>\n<CHILD>\n<HEADER>\n"
		 "<CHILDID>C1</CHILDID>\n<SEX />\n<DOB>01/01/2010</DOB>\n"
		 "</HEADER>\n"
		 "<EPISODE>\n<DECOM>01/06/2018</DECOM>\n</EPISODE>\n"
		 "</CHILD>\n</EXPSSDA903>\n");
	/* SEX empty (line 6), ETHNIC absent (HEADER, line 4); the
	 * episode's RNE, LS, CIN and PL absent (EPISODE, line 9) */
	assert_string_equal(g.problems,
			    "4:required\n6:required\n9:required\n9:required\n"
			    "9:required\n9:required\n");
	assert_non_null(strstr(msg_of(&g, "required"), "no <"));
	got_release(&g);

	read_str(&g, "<EXPSSDA903><CHILD><EPISODE/></CHILD></EXPSSDA903>");
	assert_string_equal(g.problems, "1:required\n");
	assert_non_null(strstr(msg_of(&g, "required"), "no <HEADER>"));
	assert_true(g.r.incomplete[S903_EPISODES]);
	got_release(&g);
}

/* A bad DOB is reported once, by the Header; the child's rows go. */
static void test_header_value_once(void **state)
{
	struct got g;

	(void)state;
	read_str(&g, CHILD1("<AREVIEW><REVIEW>01/02/2019</REVIEW></AREVIEW>"
			    "<AMISSING><MISSING>M</MISSING>"
			    "<MIS_START>01/09/2018</MIS_START></AMISSING>",
			    "")
		 "");
	assert_string_equal(g.problems, "");
	got_release(&g);

	read_str(&g, "<EXPSSDA903><CHILD><HEADER><CHILDID>C1</CHILDID>\n"
		 "<SEX>1</SEX><DOB>32/01/2010</DOB><ETHNIC>WBRI</ETHNIC>\n"
		 "<AREVIEW><REVIEW>01/02/2019</REVIEW></AREVIEW>\n"
		 "<AMISSING><MISSING>M</MISSING><MIS_START>01/09/2018"
		 "</MIS_START></AMISSING></HEADER></CHILD></EXPSSDA903>");
	assert_string_equal(g.problems, "2:date\n");
	assert_int_equal(g.r.nheader, 1);
	assert_int_equal(g.r.nreviews, 0);
	assert_int_equal(g.r.nmissing, 0);
	assert_int_equal(g.r.ndropped, 2);
	got_release(&g);
}

/* Elements outside the layout are named; reading goes on after them. */
static void test_element(void **state)
{
	struct got g;

	(void)state;
	read_str(&g, CHILD1("<NICKNAME>Bob</NICKNAME>\n<DOB>02/02/2010</DOB>\n",
			    "<URN><B>1</B></URN>\n")
		 "");
	/* NICKNAME (9), a second DOB (10), B inside URN (18) */
	assert_string_equal(g.problems,
			    "9:xml-element\n10:xml-element\n18:xml-element\n");
	assert_non_null(strstr(g.d.v[0].msg, "<NICKNAME>"));
	assert_non_null(strstr(g.d.v[0].msg, "<HEADER>"));
	assert_int_equal(g.r.nheader, 1);
	assert_int_equal(g.r.header[0].dob, unit_date("01/01/2010"));
	got_release(&g);

	read_str(&g, "<EXPSSDA903>\n<CHILD>\n<HEADER/>\n<HEADER/>\n"
		 "stray text\n<EPISODE><DOB>01/01/2010</DOB></EPISODE>\n"
		 "</CHILD>\n<FAMILY/>\n</EXPSSDA903>");
	assert_non_null(strstr(g.problems, "4:xml-element\n"));
	assert_non_null(strstr(g.problems, "6:xml-element\n"));
	assert_non_null(strstr(g.problems, "8:xml-element\n"));
	got_release(&g);

	read_str(&g, "<Return><CHILD/></Return>");
	assert_string_equal(g.problems, "1:xml-element\n");
	assert_non_null(strstr(g.d.v[0].msg, "<Return>"));
	got_release(&g);
}

/* Past line 65,534, where libxml2 stops keeping lines on nodes. */
static void test_big_lines(void **state)
{
	struct buf b = BUF_INIT(1 << 20);
	struct got g;

	(void)state;
	buf_adds(&b, "<EXPSSDA903>\n");
	for (int i = 0; i < 70000; i++)
		buf_adds(&b, "<!-- x -->\n");
	/* line 70002 */
	buf_adds(&b, "<CHILD><HEADER><CHILDID>C1</CHILDID><SEX>1</SEX>\n"
		 "<DOB>01/01/2010</DOB><ETHNIC>WBRI</ETHNIC>\n"
		 "<!-- two\nlines -->\n"
		 "<MC_DOB>\n31/02/2019\n</MC_DOB>\n"
		 "<AREVIEW><REVIEW>01/01/2019</REVIEW></AREVIEW>\n"
		 "</HEADER>\n<EPISODE><DECOM>01/06/2018</DECOM></EPISODE>\n"
		 "</CHILD></EXPSSDA903>\n");
	read_str(&g, b.buf);
	assert_string_equal(g.problems,
			    "70006:date\n70011:required\n70011:required\n"
			    "70011:required\n70011:required\n");
	got_release(&g);
	buf_release(&b);
}

/* Values longer than 1,024 bytes are errors, never truncated. */
static void test_size(void **state)
{
	struct buf b = BUF_INIT(1 << 20);
	struct got g;

	(void)state;
	buf_adds(&b, "<EXPSSDA903><CHILD><HEADER><CHILDID>C1</CHILDID>"
		 "<SEX>1</SEX><DOB>01/01/2010</DOB><ETHNIC>WBRI</ETHNIC>\n"
		 "<AREVIEW><REVIEW_CODE>");
	for (int i = 0; i < 1025; i++)
		buf_addch(&b, 'P');
	buf_adds(&b, "</REVIEW_CODE></AREVIEW>\n<UPN>");
	for (int i = 0; i < 1024; i++)
		buf_addch(&b, ' ');	/* 1,024 bytes: not too long */
	buf_adds(&b, "</UPN></HEADER></CHILD></EXPSSDA903>");
	read_str(&g, b.buf);
	assert_string_equal(g.problems, "2:xml-size\n");
	assert_int_equal(g.r.nreviews, 0);
	got_release(&g);

	/* records in one CHILD are kept until </CHILD>: bounded */
	buf_reset(&b);
	buf_adds(&b, "<EXPSSDA903><CHILD><HEADER><CHILDID>C1</CHILDID>"
		 "<SEX>1</SEX><DOB>01/01/2010</DOB><ETHNIC>WBRI</ETHNIC>\n");
	for (int i = 0; i <= S903_XML_MAX_RECORDS; i++)
		buf_adds(&b, "<AREVIEW/>");
	buf_adds(&b, "</HEADER></CHILD></EXPSSDA903>");
	read_str(&g, b.buf);
	assert_string_equal(g.problems, "2:xml-size\n");
	got_release(&g);
	buf_release(&b);
}

/* base/utf8.h's rule, as for CSV fields (XML 1.0 allows C1 and bidi). */
static void test_text_rule(void **state)
{
	struct got g;

	(void)state;
	read_str(&g, CHILD1("<UPN>UN1\xc2\x85</UPN>\n"
			    "<IN_TOUCH>\xe2\x80\xaeYES</IN_TOUCH>\n", ""));
	assert_string_equal(g.problems, "9:text-control\n10:text-bidi\n");
	got_release(&g);
}

/* Not well-formed: libxml2's message, line and column; the file stops. */
static void test_syntax(void **state)
{
	struct got g;

	(void)state;
	read_str(&g, "<EXPSSDA903>\n<CHILD>\n<HEADER><SEX>1</SEXX>\n"
		 "</HEADER></CHILD>\n<CHILD><BAD/></CHILD></EXPSSDA903>");
	assert_string_equal(g.problems, "3:xml-syntax\n");
	assert_int_not_equal(g.d.v[0].column, 0);
	assert_non_null(strstr(g.d.v[0].msg, "SEX"));
	assert_int_equal(g.r.nheader, 0);	/* the cut CHILD is not kept */
	got_release(&g);
}

static void test_truncated(void **state)
{
	struct got g;
	size_t len = strlen(good);

	(void)state;
	read_text(&g, good, len / 2);
	assert_string_equal(g.problems, g.d.n == 1 ? g.problems : "");
	assert_int_equal(g.d.n, 1);
	assert_string_equal(g.d.v[0].rule, "xml-syntax");
	assert_int_equal(g.r.nheader, 0);
	got_release(&g);
}

static void test_empty(void **state)
{
	struct got g;

	(void)state;
	read_text(&g, "", 0);
	assert_string_equal(g.problems, "1:xml-syntax\n");
	assert_non_null(strstr(g.d.v[0].msg, "empty"));
	got_release(&g);

	read_str(&g, "<?xml version=\"1.0\"?>\n<!-- nothing -->\n");
	assert_string_equal(g.problems, "3:xml-syntax\n");
	got_release(&g);
}

static long maxrss_kb(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

/* Billion laughs: refused, no expansion, memory stays small. */
static void test_entity_bomb(void **state)
{
	struct buf b = BUF_INIT(1 << 20);
	struct got g;
	long before = maxrss_kb();

	(void)state;
	buf_adds(&b, HEAD "<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
	for (int i = 1; i < 10; i++) {
		buf_addf(&b, "<!ENTITY lol%d \"", i);
		for (int j = 0; j < 10; j++)
			buf_addf(&b, i == 1 ? "&lol;" : "&lol%d;", i - 1);
		buf_adds(&b, "\">\n");
	}
	buf_adds(&b, "]>\n<EXPSSDA903><CHILD><HEADER><CHILDID>&lol9;"
		 "</CHILDID></HEADER></CHILD></EXPSSDA903>\n");
	read_str(&g, b.buf);
	assert_int_equal(g.d.n, 1);
	assert_string_equal(g.d.v[0].rule, "xml-syntax");
	assert_int_equal(g.r.nheader, 0);
	/* 10^9 "lol"s would be 3 GB */
	assert_true(maxrss_kb() - before < 64 * 1024);
	got_release(&g);
	buf_release(&b);
}

/* External entities (a file, the network) are never fetched. */
static void test_external_entity(void **state)
{
	struct got g;

	(void)state;
	read_str(&g, HEAD "<!DOCTYPE x [\n"
		 "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n"
		 "<!ENTITY net SYSTEM \"http://127.0.0.1:9/x\">\n]>\n"
		 "<EXPSSDA903><CHILD><HEADER><CHILDID>&xxe;&net;</CHILDID>"
		 "</HEADER></CHILD></EXPSSDA903>\n");
	assert_int_equal(g.d.n, 1);
	assert_string_equal(g.d.v[0].rule, "xml-syntax");
	assert_null(strstr(g.d.v[0].msg, "root:"));
	assert_int_equal(g.r.nheader, 0);
	got_release(&g);

	/* an external DTD is not loaded either */
	read_str(&g, HEAD "<!DOCTYPE EXPSSDA903 SYSTEM \"/etc/passwd\">\n"
		 "<EXPSSDA903/>\n");
	assert_int_equal(g.d.n, 1);
	assert_string_equal(g.d.v[0].rule, "xml-syntax");
	assert_non_null(strstr(g.d.v[0].msg, "DOCTYPE"));
	got_release(&g);
}

/* Every problem in a file, not just the first. */
static void test_all_problems(void **state)
{
	struct got g;

	(void)state;
	read_str(&g, "<EXPSSDA903>\n"
		 "<CHILD><HEADER><CHILDID>C1</CHILDID><SEX>9</SEX>"
		 "<DOB>01/01/2010</DOB><ETHNIC>WBRI</ETHNIC></HEADER></CHILD>\n"
		 "<CHILD><HEADER><CHILDID>C2</CHILDID><SEX>1</SEX>"
		 "<DOB>01/13/2010</DOB><ETHNIC>WBRI</ETHNIC></HEADER></CHILD>\n"
		 "<CHILD><HEADER><CHILDID>C3</CHILDID><SEX>1</SEX>"
		 "<DOB>01/01/2010</DOB><ETHNIC>XXXX</ETHNIC><X/></HEADER>"
		 "</CHILD>\n</EXPSSDA903>\n");
	assert_string_equal(g.problems,
			    "2:code\n3:date\n4:code\n4:xml-element\n");
	got_release(&g);
}

static void test_missing_file(void **state)
{
	struct s903_return r = S903_RETURN_INIT;
	struct diags d = DIAGS_INIT;
	struct err err = ERR_INIT;

	(void)state;
	assert_int_not_equal(s903_read_xml("/nonexistent/x.xml", &r, &d, &err),
			     0);
	assert_int_not_equal(s903_read_xml("/dev/zero", &r, &d, &err), 0);
	assert_int_equal(d.n, 0);
	s903_return_release(&r);
}

/* Every row of every table, formatted: to compare two returns. */
static char *dump(struct s903_return *r)
{
	struct buf b = BUF_INIT(1 << 20);
	char v[64];

	s903_sort(r);
	for (int t = 0; t < S903_NTABLES; t++) {
		const struct s903_table_def *def = &s903_tables[t];
		size_t n;
		const char *rows = s903_rows(r, (enum s903_table)t, &n);

		for (size_t i = 0; i < n; i++) {
			buf_addf(&b, "%s:", def->name);
			for (size_t c = 0; c < def->ncols; c++) {
				s903_format_field(&def->cols[c],
						  rows + i * def->rowsize, v,
						  sizeof(v));
				buf_addf(&b, "%s|", v);
			}
			buf_addch(&b, '\n');
		}
	}
	return buf_detach(&b, NULL);
}

static char *slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	struct buf b = BUF_INIT(1 << 20);
	char chunk[4096];
	size_t n;

	assert_non_null(fp);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)))
		buf_add(&b, chunk, n);
	fclose(fp);
	return buf_detach(&b, NULL);
}

/* Read -> write -> read gives the same rows in every table it carries. */
static void test_write_round_trip(void **state)
{
	char dir[] = "/tmp/u-s903-xml-w-XXXXXX";
	char path[64], path2[64];
	struct err err = ERR_INIT;
	struct got g, g2;
	char *a, *b, *xml, *xml2;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/a.xml", dir);
	snprintf(path2, sizeof(path2), "%s/b.xml", dir);
	read_str(&g, good);
	assert_string_equal(g.problems, "");
	assert_int_equal(s903_write_xml(path, &g.r, &err), 0);
	xml = slurp(path);
	read_str(&g2, xml);
	assert_string_equal(g2.problems, "");
	a = dump(&g.r);
	b = dump(&g2.r);
	assert_string_equal(a, b);
	assert_non_null(strstr(a, "Reviews:C001|12/05/2005|01/03/2019|PN2|"));
	assert_non_null(strstr(a, "AD1:C001|"));
	assert_non_null(strstr(xml, "<UASC>1</UASC>"));
	assert_non_null(strstr(xml, "<PL>U4</PL>"));
	/* and writing what was read back gives the same bytes */
	assert_int_equal(s903_write_xml(path2, &g2.r, &err), 0);
	xml2 = slurp(path2);
	assert_string_equal(xml, xml2);
	free(a);
	free(b);
	free(xml);
	free(xml2);
	got_release(&g);
	got_release(&g2);
	unit_rm_tree(dir);
}

/* What the form cannot hold is refused, and no file is left. */
static void test_write_refused(void **state)
{
	char dir[] = "/tmp/u-s903-xml-w-XXXXXX";
	char path[64];
	struct err err = ERR_INIT;
	struct got g;
	struct s903_sw_episode *sw;
	struct s903_review *rv;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/a.xml", dir);
	read_str(&g, good);
	sw = s903_add_row(&g.r, S903_SW_EPISODES);
	snprintf(sw->child, sizeof(sw->child), "C001");
	assert_int_equal(s903_write_xml(path, &g.r, &err), ERR_INVALID);
	assert_non_null(strstr(err.msg, "SWEpisodes"));
	assert_int_not_equal(access(path, F_OK), 0);
	g.r.nsw = 0;

	err = (struct err)ERR_INIT;	/* an err keeps its first error */
	rv = s903_add_row(&g.r, S903_REVIEWS);
	snprintf(rv->child, sizeof(rv->child), "C404");
	assert_int_equal(s903_write_xml(path, &g.r, &err), ERR_INVALID);
	assert_non_null(strstr(err.msg, "not in Header"));
	snprintf(rv->child, sizeof(rv->child), "C002");
	rv->dob = unit_date("01/01/2001");
	err = (struct err)ERR_INIT;
	assert_int_equal(s903_write_xml(path, &g.r, &err), ERR_INVALID);
	assert_non_null(strstr(err.msg, "DOB"));
	assert_int_not_equal(access(path, F_OK), 0);
	got_release(&g);
	unit_rm_tree(dir);
}

static void test_is_xml_path(void **state)
{
	(void)state;
	assert_true(s903_is_xml_path("a/return.xml"));
	assert_true(s903_is_xml_path("RETURN.XML"));
	assert_true(s903_is_xml_path(".Xml"));
	assert_false(s903_is_xml_path("xml"));
	assert_false(s903_is_xml_path("header.csv"));
	assert_false(s903_is_xml_path("a.xml.csv"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good),
		cmocka_unit_test(test_bare_root),
		cmocka_unit_test(test_field_rules),
		cmocka_unit_test(test_required),
		cmocka_unit_test(test_header_value_once),
		cmocka_unit_test(test_element),
		cmocka_unit_test(test_big_lines),
		cmocka_unit_test(test_size),
		cmocka_unit_test(test_text_rule),
		cmocka_unit_test(test_syntax),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_entity_bomb),
		cmocka_unit_test(test_external_entity),
		cmocka_unit_test(test_all_problems),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_write_round_trip),
		cmocka_unit_test(test_write_refused),
		cmocka_unit_test(test_is_xml_path),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
