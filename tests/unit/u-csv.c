/*
 * u-csv.c: unit tests for src/ingest/csv.c, the bounded CSV reader and
 * the writer.
 *
 * Most tests read an input from memory and compare a transcript of what
 * csv_next() returned, one line per call:
 *
 *	LINE:field|field|...	a record starting on LINE
 *	!LINE.FIELD:rule	a CSV_BAD error at LINE, field FIELD
 *
 * with CR, LF and other control or non-ASCII bytes inside fields written
 * as \r, \n and \xHH, so that one string states the whole expected result.
 */
#include "unit.h"
#include <unistd.h>
#include "base/buf.h"
#include "base/csv-cell.h"
#include "base/err.h"
#include "ingest/csv.h"

static void escape_field(struct buf *out, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\n')
			buf_adds(out, "\\n");
		else if (c == '\r')
			buf_adds(out, "\\r");
		else if (c < 0x20 || c >= 0x7f)
			buf_addf(out, "\\x%02x", c);
		else
			buf_addch(out, (char)c);
	}
}

/* Read everything from r into a transcript (see the top of the file). */
static char *transcript_reader(struct csv_reader *r)
{
	struct buf out = BUF_INIT(1 << 20);
	struct csv_record rec;
	struct csv_error ce;
	struct err err = ERR_INIT;
	int rc, calls = 0;

	while ((rc = csv_next(r, &rec, &ce, &err)) != CSV_EOF) {
		if (++calls > 100000)
			fail_msg("csv_next never reaches CSV_EOF");
		if (rc == CSV_BAD) {
			assert_non_null(ce.rule);
			assert_true(ce.msg[0] != '\0');
			buf_addf(&out, "!%llu.%zu:%s\n",
				 (unsigned long long)ce.line, ce.field,
				 ce.rule);
			continue;
		}
		assert_int_equal(rc, CSV_RECORD);
		assert_true(rec.nfields >= 1);
		buf_addf(&out, "%llu:", (unsigned long long)rec.line);
		for (size_t i = 0; i < rec.nfields; i++) {
			assert_int_equal(rec.lens[i], strlen(rec.fields[i]));
			if (i)
				buf_addch(&out, '|');
			escape_field(&out, rec.fields[i], rec.lens[i]);
		}
		buf_addch(&out, '\n');
	}
	/* the end stays the end */
	assert_int_equal(csv_next(r, &rec, &ce, &err), CSV_EOF);
	assert_int_equal(err.code, 0);
	assert_int_equal(buf_error(&out), 0);
	return buf_detach(&out, NULL);
}

static void check_csv_(const char *data, size_t len,
		       const struct csv_limits *lim, const char *expect)
{
	struct csv_reader *r = csv_open_mem(data, len, lim);
	char *got = transcript_reader(r);

	csv_close(r);
	if (strcmp(got, expect)) {
		struct buf in = BUF_INIT(1 << 16);

		escape_field(&in, data, len);
		print_error("input:    \"%s\"\n"
			    "expected: \"%s\"\n"
			    "got:      \"%s\"\n", in.buf, expect, got);
		buf_release(&in);
		free(got);
		fail();
	}
	free(got);
}

/* Input as a string literal, so that embedded NULs count. */
#define CHECK_CSV(lit, lim, expect)                                       \
	check_csv_((lit), sizeof(lit) - 1, (lim), (expect))

/* ---- well-formed input --------------------------------------------------- */

static void test_simple_rows(void **state)
{
	(void)state;
	CHECK_CSV("a,b,c\n1,2,3\n", NULL, "1:a|b|c\n2:1|2|3\n");
	CHECK_CSV("one\n", NULL, "1:one\n");
	/* the reader keeps spaces: trimming is the caller's business */
	CHECK_CSV(" a , b \n", NULL, "1: a | b \n");
	CHECK_CSV("", NULL, "");
}

static void test_quoted_fields(void **state)
{
	(void)state;
	CHECK_CSV("\"a,b\",\"say \"\"hi\"\"\",c\n", NULL,
		  "1:a,b|say \"hi\"|c\n");
	CHECK_CSV("\"\"\"\",x\n", NULL, "1:\"|x\n");
	CHECK_CSV("\"\",x\n", NULL, "1:|x\n");
	CHECK_CSV("\"plain\"\n\"a\"\"\"\n", NULL, "1:plain\n2:a\"\n");
}

static void test_quoted_newlines(void **state)
{
	(void)state;
	/* LF inside quotes: the next record starts on line 3 */
	CHECK_CSV("\"x\ny\",z\nnext,1\n", NULL, "1:x\\ny|z\n3:next|1\n");
	/* CRLF inside quotes is kept as is and counts as one line */
	CHECK_CSV("\"x\r\ny\",z\r\nnext,1\r\n", NULL,
		  "1:x\\r\\ny|z\n3:next|1\n");
	/* a lone CR inside quotes is a line end too */
	CHECK_CSV("\"x\ry\",z\nnext\n", NULL, "1:x\\ry|z\n3:next\n");
	/* several, and in more than one field */
	CHECK_CSV("\"a\n\nb\n\",c\nd\n", NULL, "1:a\\n\\nb\\n|c\n5:d\n");
	CHECK_CSV("\"1\n2\",\"3\r\n4\"\r\n\"5\"\r\n", NULL,
		  "1:1\\n2|3\\r\\n4\n4:5\n");
}

static void test_line_ends(void **state)
{
	(void)state;
	CHECK_CSV("a,b\r\nc,d\r\n", NULL, "1:a|b\n2:c|d\n");
	CHECK_CSV("a,b\rc,d\r", NULL, "1:a|b\n2:c|d\n");
	/* CRLF, blank CRLF, LF, then LF CR: the CR ends an empty line 4 */
	CHECK_CSV("a\r\n\r\nb\n\rc", NULL, "1:a\n3:b\n5:c\n");
	CHECK_CSV("\"q\"\r\nr\r\n", NULL, "1:q\n2:r\n");
}

static void test_bom(void **state)
{
	(void)state;
	CHECK_CSV("\xEF\xBB\xBF" "a,b\n", NULL, "1:a|b\n");
	CHECK_CSV("\xEF\xBB\xBF" "\"a\",b\r\nc\r\n", NULL, "1:a|b\n2:c\n");
	CHECK_CSV("\xEF\xBB\xBF", NULL, "");
	/* only at the very start */
	CHECK_CSV("a\n\xEF\xBB\xBF" "b\n", NULL, "1:a\n2:\\xef\\xbb\\xbfb\n");
}

static void test_bom_malformed(void **state)
{
	(void)state;
	/*
	 * A truncated byte order mark is not skipped: its bytes are data,
	 * which are not UTF-8, so the record is refused (base/utf8.h), and
	 * nothing of the next line is lost.
	 */
	CHECK_CSV("\xEF\xBB" "a,b\nc\n", NULL, "!1.1:text-utf8\n2:c\n");
	CHECK_CSV("\xEF" "a,b\n", NULL, "!1.1:text-utf8\n");
	CHECK_CSV("\xEF\n" "c\n", NULL, "!1.1:text-utf8\n2:c\n");
	CHECK_CSV("\xEF\xBB", NULL, "!1.1:text-utf8\n");
}

/*
 * Issue 10, item 10: every field is UTF-8 text without control or
 * bidirectional override characters, or the record is refused naming its
 * line and field; the records around it are read as usual.
 */
static void test_text_rule(void **state)
{
	(void)state;
	/* good: Welsh letters, 2-, 3- and 4-byte forms, TAB, a quoted LF */
	CHECK_CSV("Ysgol \xC5\xB5 \xE2\x82\xAC \xF0\x9F\x98\x80,a\tb\n"
		  "\"l1\nl2\",x\n", NULL,
		  "1:Ysgol \\xc5\\xb5 \\xe2\\x82\\xac \\xf0\\x9f\\x98\\x80|"
		  "a\\x09b\n2:l1\\nl2|x\n");
	/* Latin-1 e acute in the second field, line 2 */
	CHECK_CSV("a,b\nok,Caf\xE9\nc,d\n", NULL,
		  "1:a|b\n!2.2:text-utf8\n3:c|d\n");
	/* overlong '/', overlong NUL, a surrogate, above U+10FFFF */
	CHECK_CSV("\xC0\xAF\n", NULL, "!1.1:text-utf8\n");
	CHECK_CSV("x,\xC0\x80\n", NULL, "!1.2:text-utf8\n");
	CHECK_CSV("x,\xE0\x80\xAF\n", NULL, "!1.2:text-utf8\n");
	CHECK_CSV("\xED\xA0\x80\n", NULL, "!1.1:text-utf8\n");
	CHECK_CSV("\xF4\x90\x80\x80\n", NULL, "!1.1:text-utf8\n");
	CHECK_CSV("\xE2\x82\n", NULL, "!1.1:text-utf8\n");
	CHECK_CSV("\x80\n", NULL, "!1.1:text-utf8\n");
	/* right-to-left override U+202E and isolate U+2066 */
	CHECK_CSV("a,\xE2\x80\xAEtxt.exe\n", NULL, "!1.2:text-bidi\n");
	CHECK_CSV("\xE2\x81\xA6x\n", NULL, "!1.1:text-bidi\n");
	/* C0 controls but TAB, DEL, C1 (U+0085) */
	CHECK_CSV("a\x1B[31m\n", NULL, "!1.1:text-control\n");
	CHECK_CSV("a,b\x01\n", NULL, "!1.2:text-control\n");
	CHECK_CSV("\"a\x0B" "b\"\n", NULL, "!1.1:text-control\n");
	CHECK_CSV("a\x7F\n", NULL, "!1.1:text-control\n");
	CHECK_CSV("a\xC2\x85\n", NULL, "!1.1:text-control\n");
	/* a record over lines is reported at its first line */
	CHECK_CSV("\"x\ny\",\xFF\nz\n", NULL, "!1.2:text-utf8\n3:z\n");
}

static void test_blank_rows_skipped(void **state)
{
	(void)state;
	CHECK_CSV("a\n\n,,\n\"\",\"\"\nb\n", NULL, "1:a\n5:b\n");
	CHECK_CSV("\n\n\na\n", NULL, "4:a\n");
	CHECK_CSV(",,,\r\n,\r\n", NULL, "");
	/* spaces are content */
	CHECK_CSV(" , \n", NULL, "1: | \n");
}

static void test_last_line_without_newline(void **state)
{
	(void)state;
	CHECK_CSV("a,b\nc,d", NULL, "1:a|b\n2:c|d\n");
	CHECK_CSV("\"q\"", NULL, "1:q\n");
	CHECK_CSV("a,", NULL, "1:a|\n");
	CHECK_CSV("x,\"y\nz\"", NULL, "1:x|y\\nz\n");
}

static void test_empty_fields(void **state)
{
	(void)state;
	CHECK_CSV("a,,c\n,b,\n", NULL, "1:a||c\n2:|b|\n");
	CHECK_CSV(",\"\",x\n", NULL, "1:||x\n");
}

static void test_record_fields(void **state)
{
	static const char in[] = "ab,,\"c,d\"\n";
	struct csv_reader *r = csv_open_mem(in, sizeof(in) - 1, NULL);
	struct csv_record rec;
	struct csv_error ce;
	struct err err = ERR_INIT;

	(void)state;
	assert_int_equal(csv_next(r, &rec, &ce, &err), CSV_RECORD);
	assert_int_equal(rec.line, 1);
	assert_int_equal(rec.nfields, 3);
	assert_string_equal(rec.fields[0], "ab");
	assert_int_equal(rec.lens[0], 2);
	assert_string_equal(rec.fields[1], "");
	assert_int_equal(rec.lens[1], 0);
	assert_string_equal(rec.fields[2], "c,d");
	assert_int_equal(rec.lens[2], 3);
	assert_int_equal(csv_next(r, &rec, &ce, &err), CSV_EOF);
	csv_close(r);
}

/* ---- limits ----------------------------------------------------------- */

static void test_field_length_limit(void **state)
{
	const struct csv_limits lim = { 4, 8, 100 };

	(void)state;
	CHECK_CSV("abcd,x\nabcde,y\nok,z\n", &lim,
		  "1:abcd|x\n!2.1:csv-field-length\n3:ok|z\n");
	CHECK_CSV("x,abcde\nok\n", &lim, "!1.2:csv-field-length\n2:ok\n");
	CHECK_CSV("\"abcd\",x\n\"abcde\",y\nok\n", &lim,
		  "1:abcd|x\n!2.1:csv-field-length\n3:ok\n");
	/* a doubled quote is one byte of the field */
	CHECK_CSV("\"a\"\"bc\"\n", &lim, "1:a\"bc\n");
	CHECK_CSV("abcdefghijklmnop\r\nok\r\n", &lim,
		  "!1.1:csv-field-length\n2:ok\n");
	CHECK_CSV("abcde", &lim, "!1.1:csv-field-length\n");
}

static void test_field_length_message(void **state)
{
	const struct csv_limits lim = { 4, 8, 100 };
	static const char in[] = "a,b,abcde\n";
	struct csv_reader *r = csv_open_mem(in, sizeof(in) - 1, &lim);
	struct csv_record rec;
	struct csv_error ce;
	struct err err = ERR_INIT;

	(void)state;
	assert_int_equal(csv_next(r, &rec, &ce, &err), CSV_BAD);
	assert_int_equal(ce.line, 1);
	assert_int_equal(ce.field, 3);
	assert_string_equal(ce.rule, CSV_RULE_FIELD_LENGTH);
	assert_string_equal(ce.msg, "field longer than 4 bytes");
	assert_int_equal(csv_next(r, &rec, &ce, &err), CSV_EOF);
	csv_close(r);
}

static void test_field_length_default_limit(void **state)
{
	char in[2 * 1030 + 8];
	size_t n = 0;

	(void)state;
	memset(in, 'x', 1024);
	n = 1024;
	in[n++] = '\n';
	memset(in + n, 'y', 1025);
	n += 1025;
	in[n++] = '\n';
	in[n++] = 'z';
	{
		struct csv_reader *r = csv_open_mem(in, n, NULL);
		char *got = transcript_reader(r);
		char expect[1100];

		snprintf(expect, sizeof(expect), "1:%.*s\n!2.1:%s\n3:z\n",
			 1024, in, CSV_RULE_FIELD_LENGTH);
		assert_string_equal(got, expect);
		free(got);
		csv_close(r);
	}
}

static void test_field_length_quoted_multiline(void **state)
{
	const struct csv_limits lim = { 4, 8, 100 };

	(void)state;
	/*
	 * The over-long field spans lines: recovery skips the whole record
	 * (to the end of line 2), not just line 1, so that no second error
	 * comes from the record's tail.
	 */
	CHECK_CSV("\"abcde\nfg\",x\nok\n", &lim,
		  "!1.1:csv-field-length\n3:ok\n");
	CHECK_CSV("a,\"b\nc\",\"defgh\"\nok\n", &lim,
		  "!2.3:csv-field-length\n3:ok\n");
	/* the limit reached at an embedded CRLF */
	CHECK_CSV("\"abcd\r\nx\",y\nok\n", &lim,
		  "!2.1:csv-field-length\n3:ok\n");
}

static void test_field_count_limit(void **state)
{
	const struct csv_limits lim = { 16, 3, 100 };

	(void)state;
	CHECK_CSV("a,b,c\na,b,c,d\nx\n", &lim,
		  "1:a|b|c\n!2.4:csv-field-count\n3:x\n");
	CHECK_CSV("a,b,c,d,e,f\nx\n", &lim, "!1.4:csv-field-count\n2:x\n");
	CHECK_CSV("a,b,c,d\r\nx\r\n", &lim, "!1.4:csv-field-count\n2:x\n");
	CHECK_CSV("a,b,c,d", &lim, "!1.4:csv-field-count\n");
	CHECK_CSV("a,b,c,\nx\n", &lim, "!1.4:csv-field-count\n2:x\n");
	/* the tail of the record holds a quoted line break */
	CHECK_CSV("a,b,c,d,\"e\nf\"\nx\n", &lim,
		  "!1.4:csv-field-count\n3:x\n");
}

static void test_max_records(void **state)
{
	const struct csv_limits lim = { 16, 8, 2 };
	static const char in[] = "a\nb\nc\nd\n";
	struct csv_reader *r = csv_open_mem(in, sizeof(in) - 1, &lim);
	struct csv_record rec;
	struct csv_error ce;
	struct err err = ERR_INIT;
	int rc;

	(void)state;
	assert_int_equal(csv_next(r, &rec, &ce, &err), CSV_RECORD);
	assert_string_equal(rec.fields[0], "a");
	assert_int_equal(csv_next(r, &rec, &ce, &err), CSV_RECORD);
	assert_string_equal(rec.fields[0], "b");
	assert_int_equal(csv_next(r, &rec, &ce, &err), CSV_BAD);
	assert_string_equal(ce.rule, CSV_RULE_RECORDS);
	assert_int_equal(ce.line, 3);
	/* never another record */
	for (int i = 0; i < 10; i++) {
		rc = csv_next(r, &rec, &ce, &err);
		assert_true(rc == CSV_BAD || rc == CSV_EOF);
		if (rc == CSV_EOF)
			break;
	}
	assert_int_equal(csv_next(r, &rec, &ce, &err), CSV_EOF);
	csv_close(r);
}

static void test_max_records_blank_tail(void **state)
{
	const struct csv_limits lim = { 16, 8, 2 };

	(void)state;
	/* blank lines are not records, so they do not count */
	CHECK_CSV("a\nb\n", &lim, "1:a\n2:b\n");
	CHECK_CSV("a\nb\n\n\n", &lim, "1:a\n2:b\n");
	CHECK_CSV("a\n\nb\n,,\r\n", &lim, "1:a\n3:b\n");
	/* the line of the first record too many, with no newline after it */
	CHECK_CSV("a\nb\nc", &lim, "1:a\n2:b\n!3.1:csv-records\n");
}

/* ---- malformed input -------------------------------------------------- */

static void test_unterminated_quote(void **state)
{
	(void)state;
	CHECK_CSV("a\n\"abc\nd,e\n", NULL, "1:a\n!2.1:csv-quote\n");
	CHECK_CSV("x,\"abc", NULL, "!1.2:csv-quote\n");
	CHECK_CSV("x\ny,z,\"", NULL, "1:x\n!2.3:csv-quote\n");
}

static void test_text_after_closing_quote(void **state)
{
	(void)state;
	CHECK_CSV("\"a\"b,c\nnext\n", NULL, "!1.1:csv-quote\n2:next\n");
	CHECK_CSV("x,\"a\" \nnext\n", NULL, "!1.2:csv-quote\n2:next\n");
	CHECK_CSV("\"a\nb\"c\nnext\n", NULL, "!2.1:csv-quote\n3:next\n");
}

static void test_quote_in_unquoted_field(void **state)
{
	(void)state;
	CHECK_CSV("ab\"c,d\nnext\n", NULL, "!1.1:csv-quote\n2:next\n");
	CHECK_CSV("x,ab\"c\nnext", NULL, "!1.2:csv-quote\n2:next\n");
	CHECK_CSV("ok\nx,y,z\"\r\nnext\r\n", NULL,
		  "1:ok\n!2.3:csv-quote\n3:next\n");
}

static void test_nul_byte(void **state)
{
	(void)state;
	CHECK_CSV("a,b\0c\nnext\n", NULL, "!1.2:csv-nul\n2:next\n");
	CHECK_CSV("\"a\0\"\nnext\n", NULL, "!1.1:csv-nul\n2:next\n");
	CHECK_CSV("\0\n", NULL, "!1.1:csv-nul\n");
	/* inside a quoted field with a line break: the whole record goes */
	CHECK_CSV("\"a\0b\nc\",d\nnext\n", NULL, "!1.1:csv-nul\n3:next\n");
}

/* ---- writer ------------------------------------------------------------- */

static void test_writer_quoting(void **state)
{
	struct buf b = BUF_INIT(4096);

	(void)state;
	csv_put(&b, "plain", true);
	csv_put(&b, "a,b", false);
	csv_put(&b, "q\"q", false);
	csv_put(&b, "line1\nline2", false);
	csv_put(&b, "cr\rx", false);
	csv_put(&b, "", false);
	csv_put(&b, " sp ", false);
	csv_end_record(&b);
	csv_put(&b, "", true);
	csv_put(&b, "\"", false);
	csv_end_record(&b);
	assert_string_equal(b.buf,
			    "plain,\"a,b\",\"q\"\"q\",\"line1\nline2\","
			    "\"cr\rx\",, sp \r\n"
			    ",\"\"\"\"\r\n");
	buf_release(&b);
}

/*
 * Issue 10, item 11: every CSV writer defuses a cell a spreadsheet would
 * run as a formula (base/csv-cell.h): = + - @ TAB or CR first is written
 * quoted with an apostrophe before it; elsewhere in a cell they are text.
 * Numbers (text false, the review's CSV) stay numbers.
 */
static void test_writer_formula(void **state)
{
	struct buf b = BUF_INIT(4096);

	(void)state;
	csv_put(&b, "=HYPERLINK(\"http://x.invalid/\",\"Home\")", true);
	csv_put(&b, "+44 29", false);
	csv_put(&b, "-1", false);
	csv_put(&b, "@SUM(A1)", false);
	csv_put(&b, "\t=1", false);
	csv_put(&b, "\r=1", false);
	csv_put(&b, "a=b-c", false);
	csv_put(&b, "", false);
	csv_end_record(&b);
	assert_string_equal(b.buf,
			    "\"'=HYPERLINK(\"\"http://x.invalid/\"\",\"\"Home"
			    "\"\")\",\"'+44 29\",\"'-1\",\"'@SUM(A1)\","
			    "\"'\t=1\",\"'\r=1\",a=b-c,\r\n");
	buf_reset(&b);
	csv_cell_put(&b, "-5", false);
	buf_addch(&b, ',');
	csv_cell_put(&b, "-5", true);
	buf_addch(&b, ',');
	csv_cell_put(&b, NULL, true);
	assert_string_equal(b.buf, "-5,\"'-5\",");
	assert_true(csv_cell_formula_like("=1"));
	assert_false(csv_cell_formula_like("1="));
	assert_false(csv_cell_formula_like(""));
	buf_release(&b);
}

static void test_writer_bom_field(void **state)
{
	struct buf b = BUF_INIT(64);

	(void)state;
	/* a leading BOM would be eaten by a reader at the start of a file */
	csv_put(&b, "\xEF\xBB\xBFx", true);
	csv_put(&b, "\xEF\xBB", false);
	csv_end_record(&b);
	assert_string_equal(b.buf, "\"\xEF\xBB\xBFx\",\xEF\xBB\r\n");
	buf_release(&b);
}

static void test_writer_round_trip(void **state)
{
	static const char *const rows[][6] = {
		{ "\xEF\xBB\xBFstart", "a,b", "say \"hi\"", "l1\nl2",
		  "c\r\nd", "" },
		{ "", "\"", ",", "y\r", "x", "  spaced  " },
		{ "\"\"", "tail,", "\n", "e\rf", "\xC3\xA9", "end" },
	};
	struct buf b = BUF_INIT(4096);
	struct csv_reader *r;
	struct csv_record rec;
	struct csv_error ce;
	struct err err = ERR_INIT;
	uint64_t line = 1;

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(rows); i++) {
		for (size_t j = 0; j < ARRAY_SIZE(rows[i]); j++)
			csv_put(&b, rows[i][j], j == 0);
		csv_end_record(&b);
	}
	assert_int_equal(buf_error(&b), 0);
	r = csv_open_mem(b.buf, b.len, NULL);
	for (size_t i = 0; i < ARRAY_SIZE(rows); i++) {
		assert_int_equal(csv_next(r, &rec, &ce, &err), CSV_RECORD);
		assert_int_equal(rec.line, line);
		assert_int_equal(rec.nfields, ARRAY_SIZE(rows[i]));
		for (size_t j = 0; j < ARRAY_SIZE(rows[i]); j++) {
			assert_string_equal(rec.fields[j], rows[i][j]);
			assert_int_equal(rec.lens[j], strlen(rows[i][j]));
			/* embedded line ends move the next record down */
			for (const char *p = rows[i][j]; *p; p++)
				if (*p == '\n' || (*p == '\r' && p[1] != '\n'))
					line++;
		}
		line++;
	}
	assert_int_equal(csv_next(r, &rec, &ce, &err), CSV_EOF);
	csv_close(r);
	buf_release(&b);
}

/* ---- files ------------------------------------------------------------- */

static void test_file_reader(void **state)
{
	char path[] = "/tmp/u-csv-XXXXXX";
	int fd = mkstemp(path);
	FILE *fp;
	struct csv_reader *r = NULL;
	struct csv_record rec;
	struct csv_error ce;
	struct err err = ERR_INIT;
	const int nrows = 5000;
	char want[64];

	(void)state;
	assert_true(fd >= 0);
	fp = fdopen(fd, "wb");
	assert_non_null(fp);
	/* > 64 KiB so that records straddle the reader's chunk boundary */
	fputs("\xEF\xBB\xBF" "id,text,end\r\n", fp);
	for (int i = 0; i < nrows; i++)
		fprintf(fp, "row%05d,\"quoted, with \"\"comma\"\"\n"
			"and line %d\",end\r\n", i, i);
	assert_int_equal(fclose(fp), 0);

	assert_int_equal(csv_open_file(&r, path, NULL, &err), 0);
	assert_non_null(r);
	assert_int_equal(csv_next(r, &rec, &ce, &err), CSV_RECORD);
	assert_int_equal(rec.nfields, 3);
	assert_string_equal(rec.fields[0], "id");
	for (int i = 0; i < nrows; i++) {
		assert_int_equal(csv_next(r, &rec, &ce, &err), CSV_RECORD);
		assert_int_equal(rec.line, 2 + 2 * (uint64_t)i);
		assert_int_equal(rec.nfields, 3);
		snprintf(want, sizeof(want), "row%05d", i);
		assert_string_equal(rec.fields[0], want);
		snprintf(want, sizeof(want),
			 "quoted, with \"comma\"\nand line %d", i);
		assert_string_equal(rec.fields[1], want);
		assert_string_equal(rec.fields[2], "end");
	}
	assert_int_equal(csv_next(r, &rec, &ce, &err), CSV_EOF);
	assert_int_equal(err.code, 0);
	csv_close(r);
	assert_int_equal(unlink(path), 0);
}

static void test_file_empty(void **state)
{
	char path[] = "/tmp/u-csv-XXXXXX";
	int fd = mkstemp(path);
	struct csv_reader *r = NULL;
	struct csv_record rec;
	struct csv_error ce;
	struct err err = ERR_INIT;

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(csv_open_file(&r, path, NULL, &err), 0);
	assert_int_equal(csv_next(r, &rec, &ce, &err), CSV_EOF);
	assert_int_equal(csv_next(r, &rec, &ce, &err), CSV_EOF);
	csv_close(r);
	unlink(path);
}

static void test_file_missing(void **state)
{
	struct csv_reader *r = NULL;
	struct err err = ERR_INIT;
	const char *path = "/nonexistent-dir/u-csv/missing.csv";

	(void)state;
	assert_int_equal(csv_open_file(&r, path, NULL, &err), ERR_IO);
	assert_int_equal(err.code, ERR_IO);
	assert_non_null(strstr(err.msg, path));
	assert_null(r);
	csv_close(NULL);	/* harmless */
}

int main(void)
{
	const struct CMUnitTest csv_tests[] = {
		cmocka_unit_test(test_simple_rows),
		cmocka_unit_test(test_quoted_fields),
		cmocka_unit_test(test_quoted_newlines),
		cmocka_unit_test(test_line_ends),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_bom_malformed),
		cmocka_unit_test(test_text_rule),
		cmocka_unit_test(test_blank_rows_skipped),
		cmocka_unit_test(test_last_line_without_newline),
		cmocka_unit_test(test_empty_fields),
		cmocka_unit_test(test_record_fields),
		cmocka_unit_test(test_field_length_limit),
		cmocka_unit_test(test_field_length_message),
		cmocka_unit_test(test_field_length_default_limit),
		cmocka_unit_test(test_field_length_quoted_multiline),
		cmocka_unit_test(test_field_count_limit),
		cmocka_unit_test(test_max_records),
		cmocka_unit_test(test_max_records_blank_tail),
		cmocka_unit_test(test_unterminated_quote),
		cmocka_unit_test(test_text_after_closing_quote),
		cmocka_unit_test(test_quote_in_unquoted_field),
		cmocka_unit_test(test_nul_byte),
		cmocka_unit_test(test_writer_quoting),
		cmocka_unit_test(test_writer_bom_field),
		cmocka_unit_test(test_writer_formula),
		cmocka_unit_test(test_writer_round_trip),
		cmocka_unit_test(test_file_reader),
		cmocka_unit_test(test_file_empty),
		cmocka_unit_test(test_file_missing),
	};

	return cmocka_run_group_tests(csv_tests, NULL, NULL);
}
