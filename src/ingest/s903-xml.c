/*
 * s903-xml.c: the SSDA903 return as DfE XML, read with libxml2's
 * streaming xmlTextReader (and written with xmlTextWriter).  See
 * s903-xml.h; the layout and its rules are in docs/validation.md.
 *
 * A CHILD element is the unit: its HEADER's values and its records
 * (AREVIEW, EPISODE, ...) are kept until </CHILD>, because every row of a
 * child takes CHILD (and DOB, SEX) from the HEADER, which the DfE's own
 * reader takes from anywhere in the CHILD.  Then its rows are parsed by
 * the same column tables (s903_parse_field) as CSV rows, so that the two
 * forms cannot accept different values.
 */
#include "base/compat.h"
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include "base/file.h"
#include "base/utf8.h"
#include "base/xalloc.h"
#include "ingest/csv.h"
#include "ingest/s903-xml.h"

bool s903_is_xml_path(const char *path)
{
	size_t n = strlen(path);

	return n >= 4 && !strcasecmp(path + n - 4, ".xml");
}

/* The values directly under HEADER: the child's own, and three tables'. */
enum {
	HL_CHILDID, HL_SEX, HL_DOB, HL_ETHNIC, HL_UPN, HL_MOTHER, HL_MC_DOB,
	HL_UASC, HL_DUC, HL_IN_TOUCH, HL_ACTIV, HL_ACCOM, HL_DATE_INT,
	HL_DATE_MATCH, HL_FOSTER_CARE, HL_NB_ADOPTR, HL_SEX_ADOPTR,
	HL_LS_ADOPTR, HL_N
};

static const char *const header_leaves[HL_N] = {
	"CHILDID", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB",
	"UASC", "DUC", "IN_TOUCH", "ACTIV", "ACCOM", "DATE_INT",
	"DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR",
};

/* Elements under HEADER that are one row each of a table. */
static const struct {
	const char *elem;
	enum s903_table t;
} groups[] = {
	{ "AREVIEW", S903_REVIEWS },
	{ "AMISSING", S903_MISSING },
	{ "OC2", S903_OC2 },
	{ "PERMANENCE", S903_PREV_PERM },
	{ "AD_PLACED", S903_PLACED_ADOPTION },
};

/* The element that holds column col of table t ("CHILD" is CHILDID). */
static const char *elem_name(enum s903_table t, const char *col)
{
	if (!strcmp(col, "CHILD"))
		return "CHILDID";
	if (t == S903_EPISODES && !strcmp(col, "PLACE"))
		return "PL";
	return col;
}

/* Columns a record takes from its HEADER, never from its own elements. */
static bool from_header(enum s903_table t, const char *col)
{
	return !strcmp(col, "CHILD") || !strcmp(col, "DOB") ||
	       (t == S903_UASC && !strcmp(col, "SEX"));
}

static int header_leaf(const char *name)
{
	for (int i = 0; i < HL_N; i++)
		if (!strcmp(header_leaves[i], name))
			return i;
	return -1;
}

/* One element's value. */
struct xval {
	char *text;		/* trimmed; NULL: the element is absent */
	uint32_t line;
	size_t col;
	bool bad;		/* reported already (size, UTF-8): no row */
};

/* One record element (EPISODE, AREVIEW, ...): a row of table t. */
struct xrec {
	enum s903_table t;
	const char *elem;	/* static: "EPISODE", "AREVIEW", ... */
	uint32_t line;
	size_t col;
	struct xval v[S903_MAX_COLS];	/* by column of the table */
};

struct xr {
	const char *path;
	xmlTextReaderPtr rd;
	struct s903_return *r;
	struct diags *d;
	bool stop;		/* a syntax error or the row limit: no more */
	uint64_t line;		/* of the current node (see here()) */
	bool syntax;		/* the syntax error is reported */
	uint64_t rows;
	/* the CHILD being read */
	bool have_header;
	uint32_t child_line, header_line;
	size_t child_col, header_col;
	bool too_many;
	struct xval hl[HL_N];
	struct xrec *recs;
	size_t nrecs, arecs;
};

/*
 * Where the current node is.  LINE is the element's own: libxml2 keeps it
 * on the node up to 65534 (xmlGetLineNo()'s XML_PARSE_BIG_LINES lines are
 * not there yet for a node the reader streams), and from there on step()
 * counts the line breaks of the text between elements, which is exact
 * unless a tag itself spans lines.  Lines never go down, so that rows keep
 * the file's order (the episode-order check sorts by line).
 * libxml2 keeps no column on nodes: COLUMN is the parser's, which reads
 * ahead of the node by up to a chunk, and only when the parser is still on
 * that line (0, "the whole line", otherwise).
 */
static void here(struct xr *x, uint32_t *line, size_t *col)
{
	xmlNodePtr n = xmlTextReaderCurrentNode(x->rd);
	int pl = xmlTextReaderGetParserLineNumber(x->rd);
	int pc = xmlTextReaderGetParserColumnNumber(x->rd);
	long l = x->line && n && n->type != XML_DTD_NODE ? (long)x->line : pl;

	*line = l > 0 && l <= (long)UINT32_MAX ? (uint32_t)l : 0;
	*col = l == pl && pc > 0 ? (size_t)pc : 0;
}

static void PRINTF_LIKE(3, 4) node_diag(struct xr *x, const char *rule,
					const char *fmt, ...)
{
	struct buf b = BUF_INIT(1024);
	uint32_t line;
	size_t col;
	va_list ap;

	here(x, &line, &col);
	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	diags_add(x->d, x->path, line, col, rule, "%s", b.buf);
	buf_release(&b);
}

#define element_diag(x, ...) \
	node_diag(x, S903_XML_RULE_ELEMENT, __VA_ARGS__)

/* libxml2's first error ends the file: what follows would be cascades. */
static void on_xml_error(void *ctx, xmlErrorPtr e)
{
	struct xr *x = ctx;
	const char *m;
	size_t n;

	if (!e || e->level < XML_ERR_ERROR || x->syntax)
		return;
	x->syntax = true;
	x->stop = true;
	m = e->message ? e->message : "not well-formed";
	n = strlen(m);
	while (n && (m[n - 1] == '\n' || m[n - 1] == ' '))
		n--;
	diags_add(x->d, x->path, e->line > 0 ? (uint64_t)e->line : 0,
		  e->int2 > 0 ? (size_t)e->int2 : 0, S903_XML_RULE_SYNTAX,
		  "not well-formed XML: %.*s", (int)(n > 200 ? 200 : n), m);
}

static bool is_text(int t)
{
	return t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_CDATA ||
	       t == XML_READER_TYPE_WHITESPACE ||
	       t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

/* Keep x->line on the current node (see here()). */
static void track_line(struct xr *x, int t)
{
	if (t == XML_READER_TYPE_ELEMENT) {
		xmlNodePtr n = xmlTextReaderCurrentNode(x->rd);

		if (n && n->line > 0 && n->line < 65535 && n->line > x->line)
			x->line = n->line;
	} else if (is_text(t) || t == XML_READER_TYPE_COMMENT) {
		const char *v = (const char *)xmlTextReaderConstValue(x->rd);

		while (v && (v = strchr(v, '\n'))) {
			x->line++;
			v++;
		}
	}
}

/* Advance: the node type, 0 at the end, -1 after an error. */
static int step(struct xr *x)
{
	int rc, t;

	if (x->stop)
		return -1;
	rc = xmlTextReaderRead(x->rd);
	if (rc < 0 || x->stop) {
		if (!x->syntax) {
			uint32_t line;
			size_t col;

			here(x, &line, &col);
			diags_add(x->d, x->path, line, col,
				  S903_XML_RULE_SYNTAX,
				  "not well-formed XML");
			x->syntax = true;
		}
		x->stop = true;
		return -1;
	}
	if (!rc)
		return 0;
	t = xmlTextReaderNodeType(x->rd);
	track_line(x, t);
	return t;
}

static const char *node_name(struct xr *x)
{
	const char *n = (const char *)xmlTextReaderConstLocalName(x->rd);

	return n ? n : "";
}


static bool blank(const char *s)
{
	for (; *s; s++)
		if (!strchr(" \t\r\n", *s))
			return false;
	return true;
}

/* Read past the element just started (its subtree streams by, unkept). */
static void skip(struct xr *x)
{
	int depth = xmlTextReaderDepth(x->rd), t;

	if (xmlTextReaderIsEmptyElement(x->rd))
		return;
	while ((t = step(x)) > 0)
		if (t == XML_READER_TYPE_END_ELEMENT &&
		    xmlTextReaderDepth(x->rd) == depth)
			return;
}

static void unknown(struct xr *x, const char *in)
{
	element_diag(x, "<%.64s> is not part of the SSDA903 layout inside "
		     "<%s>", node_name(x), in);
	skip(x);
}

typedef void child_fn(struct xr *x, const char *name, void *arg);

/*
 * Read the children of the element just started, up to its end tag:
 * each child element goes to fn (which reads all of it), text that is not
 * blank is reported, comments and processing instructions pass.
 */
static void children(struct xr *x, const char *what, child_fn *fn,
		     void *arg)
{
	int depth = xmlTextReaderDepth(x->rd), t;

	if (xmlTextReaderIsEmptyElement(x->rd))
		return;
	while ((t = step(x)) > 0) {
		if (t == XML_READER_TYPE_END_ELEMENT &&
		    xmlTextReaderDepth(x->rd) == depth)
			return;
		if (t == XML_READER_TYPE_ELEMENT) {
			fn(x, node_name(x), arg);
		} else if (is_text(t)) {
			const char *v =
				(const char *)xmlTextReaderConstValue(x->rd);

			if (v && !blank(v))
				element_diag(x, "text directly inside <%s> is "
					     "not part of the SSDA903 layout",
					     what);
		}
	}
}

static char *trim(char *s)
{
	size_t n;

	while (*s && strchr(" \t\r\n", *s))
		s++;
	n = strlen(s);
	while (n && strchr(" \t\r\n", s[n - 1]))
		s[--n] = '\0';
	return s;
}

/* base/utf8.h's rule, as every CSV field has it (csv.c). */
static bool text_ok(struct xr *x, const struct xval *v, const char *name)
{
	size_t at;
	uint32_t cp;

	switch (utf8_text_check(v->text, strlen(v->text), 0, &at, &cp)) {
	case UTF8_OK:
		return true;
	case UTF8_BAD:
		diags_add(x->d, x->path, v->line, v->col, CSV_RULE_UTF8,
			  "%s: not UTF-8: byte 0x%02X at byte %zu", name,
			  (unsigned)cp, at + 1);
		return false;
	case UTF8_CONTROL:
		diags_add(x->d, x->path, v->line, v->col, CSV_RULE_CONTROL,
			  "%s: control character U+%04X at byte %zu", name,
			  (unsigned)cp, at + 1);
		return false;
	case UTF8_BIDI:
		diags_add(x->d, x->path, v->line, v->col, CSV_RULE_BIDI,
			  "%s: bidirectional control character U+%04X at "
			  "byte %zu", name, (unsigned)cp, at + 1);
		return false;
	}
	return true;
}

/*
 * Read a value element into v: its text, at most S903_XML_MAX_VALUE
 * bytes (never a bigger buffer: a longer one is xml-size and the row is
 * dropped), trimmed of XML white space.  An element inside is reported.
 */
static void leaf(struct xr *x, struct xval *v, const char *in)
{
	char buf[S903_XML_MAX_VALUE + 1];
	char name[64];
	size_t n = 0;
	bool big = false;
	int depth, t;

	snprintf(name, sizeof(name), "%s", node_name(x));
	if (v->text) {
		element_diag(x, "a second <%s> inside <%s>", name, in);
		skip(x);
		return;
	}
	here(x, &v->line, &v->col);
	depth = xmlTextReaderDepth(x->rd);
	if (!xmlTextReaderIsEmptyElement(x->rd)) {
		while ((t = step(x)) > 0) {
			if (t == XML_READER_TYPE_END_ELEMENT &&
			    xmlTextReaderDepth(x->rd) == depth)
				break;
			if (t == XML_READER_TYPE_ELEMENT) {
				element_diag(x, "<%.64s> inside <%s>, which "
					     "holds a value", node_name(x),
					     name);
				skip(x);
				v->bad = true;
			} else if (is_text(t)) {
				const char *s = (const char *)
					xmlTextReaderConstValue(x->rd);
				size_t len = s ? strlen(s) : 0;

				if (big || len > S903_XML_MAX_VALUE - n) {
					big = true;
					continue;
				}
				memcpy(buf + n, s, len);
				n += len;
			}
		}
	}
	buf[n] = '\0';
	v->text = xstrdup(big ? "" : trim(buf));
	if (big) {
		diags_add(x->d, x->path, v->line, v->col, S903_XML_RULE_SIZE,
			  "<%s> is longer than %d bytes", name,
			  S903_XML_MAX_VALUE);
		v->bad = true;
	} else if (!v->bad && !text_ok(x, v, name)) {
		v->bad = true;
	}
}

static void rec_child(struct xr *x, const char *name, void *arg)
{
	struct xrec *rec = arg;
	const struct s903_table_def *def = &s903_tables[rec->t];

	for (size_t c = 0; c < def->ncols; c++)
		if (!from_header(rec->t, def->cols[c].name) &&
		    !strcmp(elem_name(rec->t, def->cols[c].name), name)) {
			leaf(x, &rec->v[c], name);
			return;
		}
	unknown(x, rec->elem);
}

/* A record element: kept until </CHILD>, bounded in number. */
static void record(struct xr *x, enum s903_table t, const char *name)
{
	struct xrec *rec;

	if (x->nrecs >= S903_XML_MAX_RECORDS) {
		if (!x->too_many)
			node_diag(x, S903_XML_RULE_SIZE,
				  "more than %d records in one <CHILD>",
				  S903_XML_MAX_RECORDS);
		x->too_many = true;
		skip(x);
		return;
	}
	ALLOC_GROW(x->recs, x->nrecs + 1, x->arecs);
	rec = &x->recs[x->nrecs++];
	memset(rec, 0, sizeof(*rec));
	rec->t = t;
	rec->elem = name;
	here(x, &rec->line, &rec->col);
	children(x, name, rec_child, rec);
}

static void header_child(struct xr *x, const char *name, void *arg)
{
	int i = header_leaf(name);

	(void)arg;
	if (i >= 0) {
		leaf(x, &x->hl[i], "HEADER");
		return;
	}
	for (size_t g = 0; g < ARRAY_SIZE(groups); g++)
		if (!strcmp(groups[g].elem, name)) {
			record(x, groups[g].t, groups[g].elem);
			return;
		}
	unknown(x, "HEADER");
}

static void child_child(struct xr *x, const char *name, void *arg)
{
	(void)arg;
	if (!strcmp(name, "HEADER")) {
		if (x->have_header) {
			element_diag(x, "a second <HEADER> inside <CHILD>");
			skip(x);
			return;
		}
		x->have_header = true;
		here(x, &x->header_line, &x->header_col);
		children(x, "HEADER", header_child, NULL);
	} else if (!strcmp(name, "EPISODE")) {
		record(x, S903_EPISODES, "EPISODE");
	} else {
		unknown(x, "CHILD");
	}
}

static void child_reset(struct xr *x)
{
	for (int i = 0; i < HL_N; i++)
		free(x->hl[i].text);
	memset(x->hl, 0, sizeof(x->hl));
	for (size_t i = 0; i < x->nrecs; i++)
		for (size_t c = 0; c < S903_MAX_COLS; c++)
			free(x->recs[i].v[c].text);
	x->nrecs = 0;
	x->have_header = false;
	x->too_many = false;
}

/*
 * One row of table t from rec (NULL: the HEADER's own values) through the
 * column table, as s903_read_file() does a CSV row.  A value copied from
 * the HEADER that fails is reported once, by the Header row; the other
 * rows of that child are dropped quietly.
 */
static void emit_row(struct xr *x, enum s903_table t, const struct xrec *rec)
{
	const struct s903_table_def *def = &s903_tables[t];
	struct s903_return *r = x->r;
	uint32_t line = rec ? rec->line : x->header_line;
	size_t col = rec ? rec->col : x->header_col;
	bool bad = false;
	char msg[256];
	void *row;

	if (x->rows >= S903_XML_MAX_ROWS) {
		diags_add(x->d, x->path, line, col, S903_XML_RULE_SIZE,
			  "more than %d rows in one file", S903_XML_MAX_ROWS);
		x->stop = true;
		return;
	}
	x->rows++;
	r->present[t] = true;
	row = s903_add_row(r, t);
	for (size_t c = 0; c < def->ncols; c++) {
		const struct s903_col *cd = &def->cols[c];
		const struct xval *v;
		bool copied = false;
		const char *rule;

		if (rec && !from_header(t, cd->name)) {
			v = &rec->v[c];
		} else {
			int i = header_leaf(elem_name(S903_HEADER, cd->name));

			if (i < 0)
				BUG("column %s has no HEADER element",
				    cd->name);
			v = &x->hl[i];
			copied = t != S903_HEADER;
		}
		if (v->bad) {
			bad = true;
			continue;
		}
		rule = s903_parse_field(cd, v->text ? v->text : "", row, msg,
					sizeof(msg));
		if (!rule)
			continue;
		bad = true;
		if (copied)
			continue;
		if (v->text)
			diags_add(x->d, x->path, v->line, v->col, rule, "%s",
				  msg);
		else
			diags_add(x->d, x->path, line, col, rule,
				  "%s (no <%s> element)", msg,
				  elem_name(t, cd->name));
	}
	*(uint32_t *)((char *)row + def->line_off) = line;
	if (t == S903_HEADER) {
		struct s903_header *h = row;

		h->invalid = bad;
		if (bad && !h->child[0]) {
			r->nheader--;
			r->incomplete[t] = true;
		}
	} else if (bad) {
		if (!*(const char *)row)
			r->incomplete[t] = true;
		s903_drop_row(r, t);
	}
}

/* A value the DfE's reader counts as there (the element and its text). */
static bool has(const struct xval *v)
{
	return v->text && v->text[0];
}

static void emit_child(struct xr *x)
{
	if (!x->have_header) {
		diags_add(x->d, x->path, x->child_line, x->child_col,
			  "required", "<CHILD> has no <HEADER>");
		for (int t = 0; t < S903_NTABLES; t++)
			x->r->incomplete[t] = true;
		return;
	}
	emit_row(x, S903_HEADER, NULL);
	if (has(&x->hl[HL_UASC]) && !x->stop)
		emit_row(x, S903_UASC, NULL);
	if (has(&x->hl[HL_IN_TOUCH]) && !x->stop)
		emit_row(x, S903_OC3, NULL);
	if (has(&x->hl[HL_DATE_INT]) && !x->stop)
		emit_row(x, S903_AD1, NULL);
	for (size_t i = 0; i < x->nrecs && !x->stop; i++)
		emit_row(x, x->recs[i].t, &x->recs[i]);
}

static void export_child(struct xr *x, const char *name, void *arg)
{
	(void)arg;
	if (strcmp(name, "CHILD")) {
		unknown(x, "EXPSSDA903");
		return;
	}
	child_reset(x);
	here(x, &x->child_line, &x->child_col);
	children(x, "CHILD", child_child, NULL);
	/* a syntax error inside: the CHILD is not whole, keep none of it */
	if (!x->stop)
		emit_child(x);
}

static void message_child(struct xr *x, const char *name, void *arg)
{
	(void)arg;
	if (strcmp(name, "EXPSSDA903"))
		unknown(x, "Message");
	else
		children(x, "EXPSSDA903", export_child, NULL);
}

static int xr_read(void *ctx, char *buf, int len)
{
	FILE *fp = ctx;
	size_t n = fread(buf, 1, (size_t)len, fp);

	return n == 0 && ferror(fp) ? -1 : (int)n;
}

static int xr_close(void *ctx)
{
	(void)ctx;
	return 0;	/* the caller closes */
}

/*
 * No entity substitution (no XML_PARSE_NOENT), no DTD loading or
 * validation, no network, and libxml2's own size limits (no
 * XML_PARSE_HUGE).  A DOCTYPE is refused on sight besides.
 */
#define XR_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOWARNING)

int s903_read_xml(const char *path, struct s903_return *r, struct diags *d,
		  struct err *err)
{
	struct xr x;
	FILE *fp = NULL;
	int rc, t;
	bool root = false;

	rc = file_open_input(&fp, path, err);
	if (rc)
		return rc;
	/* libxml2 would say "Extra content at the end of the document" */
	if (fgetc(fp) == EOF) {
		diags_add(d, path, 1, 0, S903_XML_RULE_SYNTAX,
			  "file is empty: expected <EXPSSDA903>");
		fclose(fp);
		return 0;
	}
	rewind(fp);
	memset(&x, 0, sizeof(x));
	x.path = path;
	x.r = r;
	x.d = d;
	x.rd = xmlReaderForIO(xr_read, xr_close, fp, path, NULL, XR_OPTIONS);
	if (!x.rd) {
		fclose(fp);
		return err_set(err, ERR_IO, "%s: cannot start the XML reader",
			       path);
	}
	xmlTextReaderSetStructuredErrorHandler(x.rd, on_xml_error, &x);
	while ((t = step(&x)) > 0) {
		const char *name;

		if (t == XML_READER_TYPE_DOCUMENT_TYPE) {
			uint32_t line;
			size_t col;

			here(&x, &line, &col);
			diags_add(d, path, line, col,
				  S903_XML_RULE_SYNTAX,
				  "a <!DOCTYPE> is not allowed in a return "
				  "(entities are never read)");
			x.syntax = x.stop = true;
			break;
		}
		if (t != XML_READER_TYPE_ELEMENT)
			continue;
		root = true;
		name = node_name(&x);
		if (!strcmp(name, "Message"))
			children(&x, "Message", message_child, NULL);
		else if (!strcmp(name, "EXPSSDA903"))
			children(&x, "EXPSSDA903", export_child, NULL);
		else
			unknown(&x, "the document");
	}
	if (!root && !x.syntax)
		diags_add(d, path, 1, 0, S903_XML_RULE_SYNTAX,
			  "file is empty: expected <EXPSSDA903>");
	child_reset(&x);
	free(x.recs);
	xmlFreeTextReader(x.rd);
	fclose(fp);
	return 0;
}

/* ---- writing ------------------------------------------------------------ */

/* The order the DfE's files give a HEADER's and an EPISODE's values. */
static const char *const episode_order[] = {
	"DECOM", "RNE", "LS", "CIN", "PLACE", "PL_POST", "HOME_POST", "URN",
	"PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE",
};

struct xw {
	xmlTextWriterPtr w;
	bool bad;		/* a write failed */
};

static int xw_write(void *ctx, const char *buf, int len)
{
	FILE *fp = ctx;

	return fwrite(buf, 1, (size_t)len, fp) == (size_t)len ? len : -1;
}

static int xw_close(void *ctx)
{
	(void)ctx;
	return 0;	/* file_out_commit() closes */
}

static void xw_start(struct xw *x, const char *name)
{
	if (xmlTextWriterStartElement(x->w, BAD_CAST name) < 0)
		x->bad = true;
}

static void xw_end(struct xw *x)
{
	if (xmlTextWriterEndElement(x->w) < 0)
		x->bad = true;
}

/* <name>value</name>, or <name/> for a blank. */
static void xw_leaf(struct xw *x, const char *name, const char *value)
{
	xw_start(x, name);
	if (*value && xmlTextWriterWriteString(x->w, BAD_CAST value) < 0)
		x->bad = true;
	xw_end(x);
}

static const struct s903_col *col_named(enum s903_table t, const char *name)
{
	const struct s903_table_def *def = &s903_tables[t];

	for (size_t c = 0; c < def->ncols; c++)
		if (!strcmp(def->cols[c].name, name))
			return &def->cols[c];
	BUG("table %s has no column %s", def->name, name);
}

static void xw_col(struct xw *x, enum s903_table t, const void *row,
		   const char *name)
{
	char v[64];

	s903_format_field(col_named(t, name), row, v, sizeof(v));
	xw_leaf(x, elem_name(t, name), v);
}

/* A record element: the table's columns but those from the HEADER. */
static void xw_record(struct xw *x, const char *elem, enum s903_table t,
		      const void *row)
{
	const struct s903_table_def *def = &s903_tables[t];

	xw_start(x, elem);
	if (t == S903_EPISODES)
		for (size_t i = 0; i < ARRAY_SIZE(episode_order); i++)
			xw_col(x, t, row, episode_order[i]);
	else
		for (size_t c = 0; c < def->ncols; c++)
			if (!from_header(t, def->cols[c].name))
				xw_col(x, t, row, def->cols[c].name);
	xw_end(x);
}

/* Cursor over one table's rows (sorted by CHILD). */
struct cursor {
	const char *rows;
	size_t n, i, size;
};

static const void *cur_take(struct cursor *c, const char *child)
{
	const char *row;

	if (c->i >= c->n)
		return NULL;
	row = c->rows + c->i * c->size;
	if (strcmp(row, child))
		return NULL;
	c->i++;
	return row;
}

static int cmp_child(const void *key, const void *row)
{
	return strcmp(key, row);
}

/*
 * What the form cannot carry, checked before anything is written: each
 * later row's child must be in Header with the same DOB (and SEX for
 * UASC), since the XML takes them from the HEADER; a child has one UASC,
 * OC3 and AD1 row at most, and OC3 and AD1 rows need the value that makes
 * them rows on reading.
 */
static int xml_fits(const struct s903_return *r, struct err *err)
{
	if (r->nsw || r->ndolo)
		return err_set(err, ERR_INVALID, "the return has SWEpisodes or "
			       "DoLo rows, which the XML form cannot hold: "
			       "export it as CSV");
	for (int t = S903_EPISODES; t < S903_NTABLES; t++) {
		const struct s903_table_def *def = &s903_tables[t];
		size_t n;
		const char *rows = s903_rows(r, (enum s903_table)t, &n);
		const struct s903_col *dob = NULL;

		for (size_t c = 0; c < def->ncols; c++)
			if (!strcmp(def->cols[c].name, "DOB"))
				dob = &def->cols[c];
		for (size_t i = 0; i < n; i++) {
			const char *row = rows + i * def->rowsize;
			const struct s903_header *h;

			h = bsearch(row, r->header, r->nheader,
				    sizeof(*r->header), cmp_child);
			if (!h)
				return err_set(err, ERR_INVALID,
					       "%s row of child %s, who is not "
					       "in Header: the XML form cannot "
					       "hold it", def->name, row);
			if (dob && memcmp(row + dob->off, &h->dob,
					  sizeof(h->dob)))
				return err_set(err, ERR_INVALID, "%s row of "
					       "child %s has a DOB other than "
					       "Header's: the XML form holds "
					       "one", def->name, row);
			if (t != S903_UASC && t != S903_OC3 && t != S903_AD1)
				continue;
			if (i && !strcmp(row, row - def->rowsize))
				return err_set(err, ERR_INVALID,
					       "two %s rows of child %s: the "
					       "XML form holds one", def->name,
					       row);
			if (t == S903_UASC &&
			    strcmp(((const struct s903_uasc *)row)->sex,
				   h->sex))
				return err_set(err, ERR_INVALID, "UASC row of "
					       "child %s has a SEX other than "
					       "Header's", row);
			if ((t == S903_OC3 &&
			     !((const struct s903_oc3 *)row)->in_touch[0]) ||
			    (t == S903_AD1 &&
			     ((const struct s903_ad1 *)row)->date_int ==
				     DATE_NONE))
				return err_set(err, ERR_INVALID, "%s row of "
					       "child %s has no %s, which the "
					       "XML form needs to hold it",
					       def->name, row,
					       t == S903_OC3 ? "IN_TOUCH" :
							       "DATE_INT");
		}
	}
	return 0;
}

static void xw_child(struct xw *x, const struct s903_header *h,
		     struct cursor *cur)
{
	static const char *const oc3[] = { "IN_TOUCH", "ACTIV", "ACCOM" };
	static const char *const ad1[] = { "DATE_INT", "DATE_MATCH",
		"FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR" };
	static const struct {
		const char *elem;
		enum s903_table t;
	} inner[] = {
		{ "AMISSING", S903_MISSING }, { "AREVIEW", S903_REVIEWS },
		{ NULL, S903_HEADER },	/* MOTHER and MC_DOB here */
		{ "PERMANENCE", S903_PREV_PERM }, { "OC2", S903_OC2 },
		{ "AD_PLACED", S903_PLACED_ADOPTION },
	};
	const void *row;

	xw_start(x, "CHILD");
	xw_start(x, "HEADER");
	xw_col(x, S903_HEADER, h, "CHILD");
	xw_col(x, S903_HEADER, h, "UPN");
	xw_col(x, S903_HEADER, h, "SEX");
	xw_col(x, S903_HEADER, h, "DOB");
	xw_col(x, S903_HEADER, h, "ETHNIC");
	if ((row = cur_take(&cur[S903_UASC], h->child))) {
		xw_leaf(x, "UASC", "1");
		xw_col(x, S903_UASC, row, "DUC");
	} else {
		xw_leaf(x, "UASC", "");
	}
	if ((row = cur_take(&cur[S903_OC3], h->child)))
		for (size_t i = 0; i < ARRAY_SIZE(oc3); i++)
			xw_col(x, S903_OC3, row, oc3[i]);
	if ((row = cur_take(&cur[S903_AD1], h->child)))
		for (size_t i = 0; i < ARRAY_SIZE(ad1); i++)
			xw_col(x, S903_AD1, row, ad1[i]);
	for (size_t g = 0; g < ARRAY_SIZE(inner); g++) {
		if (!inner[g].elem) {
			xw_col(x, S903_HEADER, h, "MOTHER");
			xw_col(x, S903_HEADER, h, "MC_DOB");
			continue;
		}
		while ((row = cur_take(&cur[inner[g].t], h->child)))
			xw_record(x, inner[g].elem, inner[g].t, row);
	}
	xw_end(x);
	while ((row = cur_take(&cur[S903_EPISODES], h->child)))
		xw_record(x, "EPISODE", S903_EPISODES, row);
	xw_end(x);
}

int s903_write_xml(const char *path, struct s903_return *r, struct err *err)
{
	struct file_out o = FILE_OUT_INIT;
	struct cursor cur[S903_NTABLES];
	xmlOutputBufferPtr out;
	struct xw x = { NULL, false };
	int rc;

	s903_sort(r);
	rc = xml_fits(r, err);
	if (rc)
		return rc;
	for (int t = 0; t < S903_NTABLES; t++) {
		cur[t].rows = s903_rows(r, (enum s903_table)t, &cur[t].n);
		cur[t].i = 0;
		cur[t].size = s903_tables[t].rowsize;
	}
	rc = file_out_open(&o, path, err);
	if (rc)
		return rc;
	out = xmlOutputBufferCreateIO(xw_write, xw_close, o.fp, NULL);
	x.w = out ? xmlNewTextWriter(out) : NULL;
	if (!x.w) {
		if (out)
			xmlOutputBufferClose(out);
		file_out_abort(&o);
		return err_set(err, ERR_IO, "%s: cannot start the XML writer",
			       path);
	}
	x.bad = xmlTextWriterSetIndent(x.w, 1) < 0 ||
		xmlTextWriterSetIndentString(x.w, BAD_CAST "  ") < 0 ||
		xmlTextWriterStartDocument(x.w, "1.0", "UTF-8", NULL) < 0;
	/* the root the DfE's schema and its validator's fixture have */
	xw_start(&x, "EXPSSDA903");
	for (size_t i = 0; i < r->nheader && !x.bad; i++)
		xw_child(&x, &r->header[i], cur);
	xw_end(&x);
	if (xmlTextWriterEndDocument(x.w) < 0 || xmlTextWriterFlush(x.w) < 0)
		x.bad = true;
	xmlFreeTextWriter(x.w);	/* flushes, and closes out */
	if (x.bad) {
		file_out_abort(&o);
		return err_set(err, ERR_IO, "%s: cannot write the XML", path);
	}
	return file_out_commit(&o, err);
}
