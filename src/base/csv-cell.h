/*
 * csv-cell.h: the one rule for a cell of every CSV file cartref writes
 * (the review's CSV, `export homes`, `export 903`, the demo data).
 *
 * RFC 4180 quoting: a cell is quoted when it holds a comma, a quote, CR
 * or LF, or starts with a UTF-8 byte order mark (which a reader skips at
 * the start of a file); quotes inside are doubled.
 *
 * Formula injection: a spreadsheet runs a cell that starts with = + - @
 * (and, in some, TAB or CR) as a formula, so =HYPERLINK(...) in a home's
 * name would become a live link in whoever opens the export.  A text cell
 * that starts with one of those characters is written quoted, with an
 * apostrophe before it: =1+1 is written "'=1+1", which a spreadsheet
 * shows as the text =1+1.  Numbers are written with text false, so a
 * negative number stays a number.  docs/security.md has the details.
 */
#ifndef CARTREF_CSV_CELL_H
#define CARTREF_CSV_CELL_H

#include "base/compat.h"
#include "base/buf.h"

/* Does s start with a character a spreadsheet reads as a formula? */
bool csv_cell_formula_like(const char *s);

/* Append s (NULL: empty) to b as one cell, by the rules above. */
void csv_cell_put(struct buf *b, const char *s, bool text);

#endif
