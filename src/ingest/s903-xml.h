/*
 * s903-xml.h: the SSDA903 return in the DfE's XML form, read into (and
 * written from) the same struct s903_return as the CSV files.
 *
 * One XML file holds every table the form carries:
 *
 *	<Message>?<EXPSSDA903>
 *	  <CHILD>
 *	    <HEADER> CHILDID SEX DOB ETHNIC UPN MOTHER MC_DOB, UASC DUC,
 *	             IN_TOUCH ACTIV ACCOM, DATE_INT DATE_MATCH FOSTER_CARE
 *	             NB_ADOPTR SEX_ADOPTR LS_ADOPTR, and any number of
 *	             <AREVIEW> <AMISSING> <OC2> <PERMANENCE> <AD_PLACED>
 *	    </HEADER>
 *	    <EPISODE> DECOM RNE LS CIN PL ... </EPISODE> ...
 *	  </CHILD> ...
 *	</EXPSSDA903></Message>?
 *
 * mapped to tables as the DfE's own validator (data-to-insight's
 * lac_validator) maps them; docs/validation.md "Reading XML" has the
 * details.  SWEpisodes and DoLo have no place in the form.
 *
 * The reader streams (libxml2's xmlTextReader, never a tree): memory is
 * bounded by one CHILD, whatever the file's size.  A DOCTYPE is refused,
 * so no entity is ever declared, expanded or fetched.
 */
#ifndef CARTREF_S903_XML_H
#define CARTREF_S903_XML_H

#include "base/compat.h"
#include "base/err.h"
#include "domain/ssda903.h"
#include "ingest/s903-io.h"

#define S903_XML_RULE_SYNTAX "xml-syntax"	/* not well-formed, DOCTYPE */
#define S903_XML_RULE_ELEMENT "xml-element"	/* outside the layout */
#define S903_XML_RULE_SIZE "xml-size"		/* a value or file too big */
#define S903_XML_RULE_MIXED "xml-mixed"		/* XML with other files */

#define S903_XML_MAX_VALUE 1024		/* bytes in one element's text */
#define S903_XML_MAX_ROWS 50000000	/* rows in one file, all tables */
#define S903_XML_MAX_RECORDS 10000	/* records under one CHILD */

/* Whether path names an XML file (ends in ".xml", any case). */
bool s903_is_xml_path(const char *path);

/*
 * Read the XML return at path into r (every table it carries; present[]
 * set for those with rows).  Problems go to d as FILE:LINE:COLUMN: RULE:
 * message, every one of them but after a syntax error, which ends the
 * file.  Returns 0 unless the file could not be opened (ERR_IO or
 * ERR_INVALID with err set).
 */
int s903_read_xml(const char *path, struct s903_return *r, struct diags *d,
		  struct err *err);

/*
 * Write r (sorted) as one XML file at path in the layout above, with
 * <EXPSSDA903> as the root as the DfE's schema has it (no <Message>).  A return
 * the form cannot carry (rows in SWEpisodes or DoLo, rows of a child not
 * in Header, two UASC, OC3 or AD1 rows for a child, or one without the
 * element that makes it a row) is refused with ERR_INVALID naming it.
 */
int s903_write_xml(const char *path, struct s903_return *r, struct err *err);

#endif
