/*
 * csv.c: streaming CSV reader (a byte-at-a-time state machine over a
 * fixed read buffer) and the matching writer.  See csv.h.
 */
#include "base/compat.h"
#include "base/csv-cell.h"
#include "base/file.h"
#include "base/utf8.h"
#include "base/xalloc.h"
#include "ingest/csv.h"

#define CSV_READ_CHUNK 65536

struct csv_reader {
	FILE *fp;		/* NULL when reading from memory */
	const unsigned char *mem;
	size_t memlen;
	unsigned char *chunk;
	size_t pos, end;	/* unread bytes are chunk[pos..end) */
	bool eof;
	bool started;		/* BOM check done */
	int pending[3];		/* bytes pushed back (a stack) */
	int npending;
	uint64_t line;		/* current line number */
	uint64_t nrecords;
	struct csv_limits lim;
	/* the record being built */
	char *data;		/* fields, each NUL-terminated */
	size_t datalen, dataalloc;
	size_t *offs, *lens;
	const char **fields;
	size_t nfields, fieldsalloc;
};

static struct csv_reader *reader_new(const struct csv_limits *lim)
{
	struct csv_reader *r = xcalloc(1, sizeof(*r));
	static const struct csv_limits def = CSV_LIMITS_DEFAULT;

	r->lim = lim ? *lim : def;
	r->line = 1;
	return r;
}

int csv_open_file(struct csv_reader **out, const char *path,
		  const struct csv_limits *lim, struct err *err)
{
	struct csv_reader *r;
	FILE *fp;
	int rc = file_open_input(&fp, path, err); /* regular files only */

	if (rc)
		return rc;
	r = reader_new(lim);
	r->fp = fp;
	r->chunk = xmalloc(CSV_READ_CHUNK);
	*out = r;
	return 0;
}

struct csv_reader *csv_open_mem(const void *data, size_t len,
				const struct csv_limits *lim)
{
	struct csv_reader *r = reader_new(lim);

	r->mem = data;
	r->memlen = len;
	return r;
}

void csv_close(struct csv_reader *r)
{
	if (!r)
		return;
	if (r->fp)
		fclose(r->fp);
	free(r->chunk);
	free(r->data);
	free(r->offs);
	free(r->lens);
	free(r->fields);
	free(r);
}

/* Next byte, or -1 at end of input; -2 on a read error. */
static int getb(struct csv_reader *r)
{
	if (r->npending)
		return r->pending[--r->npending];
	if (!r->fp) {
		if (r->pos >= r->memlen)
			return -1;
		return r->mem[r->pos++];
	}
	if (r->pos == r->end) {
		if (r->eof)
			return -1;
		r->end = fread(r->chunk, 1, CSV_READ_CHUNK, r->fp);
		r->pos = 0;
		if (r->end < CSV_READ_CHUNK) {
			if (ferror(r->fp))
				return -2;
			r->eof = true;
		}
		if (r->end == 0)
			return -1;
	}
	return r->chunk[r->pos++];
}

static void ungetb(struct csv_reader *r, int c)
{
	if (r->npending >= (int)ARRAY_SIZE(r->pending))
		BUG("csv pushback overflow");
	r->pending[r->npending++] = c;
}

/* Append a byte to the current field; false if the field is too long. */
static bool field_put(struct csv_reader *r, int c, size_t fieldstart)
{
	if (r->datalen - fieldstart >= r->lim.max_field)
		return false;
	ALLOC_GROW(r->data, r->datalen + 2, r->dataalloc);
	r->data[r->datalen++] = (char)c;
	return true;
}

/* Close the current field; false if the record has too many fields. */
static bool field_end(struct csv_reader *r, size_t fieldstart)
{
	if (r->nfields >= r->lim.max_fields)
		return false;
	ALLOC_GROW(r->data, r->datalen + 1, r->dataalloc);
	r->data[r->datalen++] = '\0';
	if (r->nfields + 1 > r->fieldsalloc) {
		/* offs sets the capacity; lens and fields follow it */
		ALLOC_GROW(r->offs, r->nfields + 1, r->fieldsalloc);
		r->lens = xreallocarray(r->lens, r->fieldsalloc,
					sizeof(*r->lens));
		r->fields = xreallocarray(r->fields, r->fieldsalloc,
					  sizeof(*r->fields));
	}
	r->offs[r->nfields] = fieldstart;
	r->lens[r->nfields] = r->datalen - 1 - fieldstart;
	r->nfields++;
	return true;
}

/*
 * Consume a line end whose first byte c was CR or LF; counts the line.
 * CRLF counts once.
 */
static void eat_newline(struct csv_reader *r, int c)
{
	if (c == '\r') {
		int n = getb(r);

		if (n != '\n' && n >= 0)
			ungetb(r, n);
	}
	r->line++;
}

/* After an error, discard the rest of the record's physical line. */
static void skip_line(struct csv_reader *r)
{
	int c;

	while ((c = getb(r)) >= 0) {
		if (c == '\n' || c == '\r') {
			eat_newline(r, c);
			return;
		}
	}
}

/*
 * After an error in the well-formed part of a record (a field too long, too
 * many fields, a NUL), discard the rest of the record: up to the first line
 * end outside quotes, so that a quoted line break in its tail does not
 * start a bogus record.  quoted: the error was inside a quoted field.  A
 * quote opens a field only at its start, as in csv_next().
 */
static void skip_record(struct csv_reader *r, bool quoted)
{
	bool start = false;	/* at the start of a field */
	int c;

	while ((c = getb(r)) >= 0) {
		if (quoted) {
			if (c == '"') {
				int n = getb(r);

				if (n != '"') {
					quoted = false;
					start = false;
					if (n >= 0)
						ungetb(r, n);
				}
			} else if (c == '\n' || c == '\r') {
				eat_newline(r, c);
			}
			continue;
		}
		if (c == '\n' || c == '\r') {
			eat_newline(r, c);
			return;
		}
		if (c == '"' && start)
			quoted = true;
		start = c == ',';
	}
}

static int bad(struct csv_error *cerr, uint64_t line, size_t field,
	       const char *rule, const char *msg)
{
	cerr->line = line;
	cerr->field = field;
	cerr->rule = rule;
	snprintf(cerr->msg, sizeof(cerr->msg), "%s", msg);
	return CSV_BAD;
}

static bool record_blank(const struct csv_reader *r)
{
	for (size_t i = 0; i < r->nfields; i++)
		if (r->lens[i])
			return false;
	return true;
}

/*
 * Every field of every import is text by base/utf8.h's rule (a line break
 * can only be in a quoted field); false with cerr set if field i is not.
 * The record was read whole, so the next csv_next() starts after it.
 */
static bool field_text_ok(const struct csv_reader *r, size_t i,
			  uint64_t line, struct csv_error *cerr)
{
	const char *f = r->data + r->offs[i];
	size_t at;
	uint32_t cp;
	char msg[160];

	switch (utf8_text_check(f, r->lens[i], UTF8_TEXT_NEWLINES, &at, &cp)) {
	case UTF8_OK:
		return true;
	case UTF8_BAD:
		snprintf(msg, sizeof(msg), "not UTF-8: byte 0x%02X at byte "
			 "%zu of the field (save the file as UTF-8)",
			 (unsigned)cp, at + 1);
		bad(cerr, line, i + 1, CSV_RULE_UTF8, msg);
		return false;
	case UTF8_CONTROL:
		snprintf(msg, sizeof(msg), "control character U+%04X at byte "
			 "%zu of the field", (unsigned)cp, at + 1);
		bad(cerr, line, i + 1, CSV_RULE_CONTROL, msg);
		return false;
	case UTF8_BIDI:
		snprintf(msg, sizeof(msg), "bidirectional control character "
			 "U+%04X at byte %zu of the field", (unsigned)cp,
			 at + 1);
		bad(cerr, line, i + 1, CSV_RULE_BIDI, msg);
		return false;
	}
	return true;
}

int csv_next(struct csv_reader *r, struct csv_record *rec,
	     struct csv_error *cerr, struct err *err)
{
	bool quoted = false;	/* inside a quoted field */
	int c;

again:
	r->datalen = 0;
	r->nfields = 0;
	if (!r->started) {
		r->started = true;
		/* skip a UTF-8 byte order mark; anything else is data */
		c = getb(r);
		if (c == 0xEF) {
			int b2 = getb(r), b3 = b2 == 0xBB ? getb(r) : -1;

			if (b2 != 0xBB || b3 != 0xBF) {
				if (b3 >= 0)
					ungetb(r, b3);
				if (b2 >= 0)
					ungetb(r, b2);
				ungetb(r, c);
			}
		} else if (c >= 0) {
			ungetb(r, c);
		}
	}
	c = getb(r);
	if (c == -1)
		return CSV_EOF;
	rec->line = r->line;
	for (;;) {
		size_t fstart = r->datalen;
		uint64_t qline = r->line;

		if (c == -2)
			goto ioerr;
		if (c == '"') {
			/* quoted field */
			quoted = true;
			for (;;) {
				c = getb(r);
				if (c == -2)
					goto ioerr;
				if (c == -1)
					return bad(cerr, qline, r->nfields + 1,
						   CSV_RULE_QUOTE,
						   "quoted field is never closed");
				if (c == '"') {
					c = getb(r);
					if (c != '"')
						break;
				} else if (c == '\n' || c == '\r') {
					int n = c == '\r' ? getb(r) : -1;

					if (c == '\r' && n != '\n' && n >= 0)
						ungetb(r, n);
					r->line++;
					if (c == '\r' && n == '\n' &&
					    !field_put(r, '\r', fstart))
						goto toolong;
					if (c == '\r' && n == '\n')
						c = '\n';
				} else if (c == 0) {
					goto nul;
				}
				if (!field_put(r, c, fstart))
					goto toolong;
			}
			/* c is the byte after the closing quote */
			quoted = false;
			if (c != ',' && c != '\n' && c != '\r' && c != -1) {
				uint64_t l = r->line;
				size_t f = r->nfields + 1;

				if (c != -2)
					skip_line(r);
				return bad(cerr, l, f, CSV_RULE_QUOTE,
					   "text after a closing quote");
			}
		} else {
			while (c != ',' && c != '\n' && c != '\r' && c != -1) {
				if (c == -2)
					goto ioerr;
				if (c == '"') {
					uint64_t l = r->line;
					size_t f = r->nfields + 1;

					skip_line(r);
					return bad(cerr, l, f, CSV_RULE_QUOTE,
						   "quote inside an unquoted field");
				}
				if (c == 0)
					goto nul;
				if (!field_put(r, c, fstart))
					goto toolong;
				c = getb(r);
			}
		}
		if (!field_end(r, fstart)) {
			uint64_t l = r->line;

			if (c != '\n' && c != '\r' && c != -1) {
				/* a ',': the next field's start */
				ungetb(r, c);
				skip_record(r, false);
			} else if (c != -1) {
				eat_newline(r, c);
			}
			return bad(cerr, l, r->nfields + 1, CSV_RULE_FIELD_COUNT,
				   "too many fields in one record");
		}
		if (c == ',') {
			c = getb(r);
			continue;
		}
		if (c == '\n' || c == '\r')
			eat_newline(r, c);
		break;
	}
	if (record_blank(r))
		goto again;
	for (size_t i = 0; i < r->nfields; i++)
		if (!field_text_ok(r, i, rec->line, cerr))
			return CSV_BAD;
	/* blank lines are not records: count only real ones */
	if (r->nrecords >= r->lim.max_records)
		return bad(cerr, rec->line, 1, CSV_RULE_RECORDS,
			   "too many records in one file");
	for (size_t i = 0; i < r->nfields; i++)
		r->fields[i] = r->data + r->offs[i];
	rec->nfields = r->nfields;
	rec->fields = r->fields;
	rec->lens = r->lens;
	r->nrecords++;
	return CSV_RECORD;

toolong: {
	uint64_t l = r->line;
	size_t f = r->nfields + 1;
	char msg[96];

	skip_record(r, quoted);
	snprintf(msg, sizeof(msg), "field longer than %zu bytes",
		 r->lim.max_field);
	return bad(cerr, l, f, CSV_RULE_FIELD_LENGTH, msg);
}
nul: {
	uint64_t l = r->line;
	size_t f = r->nfields + 1;

	skip_record(r, quoted);
	return bad(cerr, l, f, CSV_RULE_NUL, "NUL byte in field");
}
ioerr:
	return err_errno(err, ERR_IO, "read error");
}

void csv_put(struct buf *b, const char *field, bool first)
{
	if (!first)
		buf_addch(b, ',');
	csv_cell_put(b, field, true);	/* quoted and defused: csv-cell.h */
}

void csv_end_record(struct buf *b)
{
	buf_add(b, "\r\n", 2);
}
