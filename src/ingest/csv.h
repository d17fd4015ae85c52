/*
 * csv.h: a streaming RFC 4180 CSV reader with hard limits, and a writer.
 *
 * The reader accepts what spreadsheets and councils' systems write: a UTF-8
 * byte order mark at the start, LF, CRLF or lone CR line ends, quoted
 * fields with embedded commas, quotes ("") and newlines, blank lines
 * (skipped) and rows of empty fields (skipped too: Excel leaves them).
 *
 * Nothing in the input chooses an allocation size: a field longer than
 * limits.max_field, or a record with more than limits.max_fields fields, is
 * a reported error, never a bigger buffer.
 *
 * Every field must be text by base/utf8.h's rule: well-formed UTF-8
 * without control characters (but TAB, and a line break in a quoted
 * field) or bidirectional overrides; a record with a field that is not is
 * a reported error (CSV_RULE_UTF8, _CONTROL, _BIDI), as is a file that is
 * not a regular file (a FIFO, /dev/zero: csv_open_file()).
 *
 * Errors are scoped to one record: csv_next() reports it (line, field and a
 * rule id) and skips to the end of that record, so a caller can report
 * every bad row and carry on.  An unterminated quote runs to end of file.
 */
#ifndef CARTREF_CSV_H
#define CARTREF_CSV_H

#include "base/compat.h"
#include "base/buf.h"
#include "base/err.h"

struct csv_limits {
	size_t max_field;	/* bytes in one field */
	size_t max_fields;	/* fields in one record */
	uint64_t max_records;	/* records in one file */
};

#define CSV_LIMITS_DEFAULT { 1024, 256, 50000000 }

/* Rule ids used in the reader's errors (see docs/validation.md). */
#define CSV_RULE_QUOTE "csv-quote"
#define CSV_RULE_FIELD_LENGTH "csv-field-length"
#define CSV_RULE_FIELD_COUNT "csv-field-count"
#define CSV_RULE_RECORDS "csv-records"
#define CSV_RULE_NUL "csv-nul"
#define CSV_RULE_UTF8 "text-utf8"	/* base/utf8.h */
#define CSV_RULE_CONTROL "text-control"
#define CSV_RULE_BIDI "text-bidi"

struct csv_reader;

/* A record: valid until the next csv_next() or csv_close(). */
struct csv_record {
	size_t nfields;
	const char **fields;	/* NUL-terminated, unquoted */
	const size_t *lens;	/* byte length of each field */
	uint64_t line;		/* line the record starts on, from 1 */
};

/* The position and rule of the last error, for FILE:LINE:COL messages. */
struct csv_error {
	uint64_t line;
	size_t field;		/* 1-based field number */
	const char *rule;
	char msg[256];
};

int csv_open_file(struct csv_reader **out, const char *path,
		  const struct csv_limits *lim, struct err *err);
/* Read from memory (not copied: data must outlive the reader). */
struct csv_reader *csv_open_mem(const void *data, size_t len,
				const struct csv_limits *lim);
void csv_close(struct csv_reader *r);

enum { CSV_EOF = 0, CSV_RECORD = 1, CSV_BAD = 2 };

/*
 * Read the next record.  Returns CSV_RECORD (rec filled), CSV_EOF, CSV_BAD
 * (a malformed record: *cerr says where; reading may continue) or a
 * negative ERR_IO with err set.
 */
int csv_next(struct csv_reader *r, struct csv_record *rec,
	     struct csv_error *cerr, struct err *err);

/*
 * Writer: append one text field to b by base/csv-cell.h's rule: quoted
 * only when it must be (comma, quote, CR or LF inside, a leading byte
 * order mark), and a field starting with = + - @ TAB or CR written
 * "'=..." so that a spreadsheet shows it as text, never runs it as a
 * formula.  csv_end_record() appends CRLF.
 */
void csv_put(struct buf *b, const char *field, bool first);
void csv_end_record(struct buf *b);

#endif
