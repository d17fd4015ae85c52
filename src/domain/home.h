/*
 * home.h: a children's home in the register, and the register's CSV
 * columns (docs/homes-register.md documents the format for users).
 */
#ifndef CARTREF_HOME_H
#define CARTREF_HOME_H

#include "base/compat.h"
#include "domain/geo.h"
#include "domain/ssda903.h"

#define HOME_NAME_MAX 120
#define PROVIDER_NAME_MAX 120

enum provider_type {
	PROVIDER_LA = 0,	/* run by a council */
	PROVIDER_PRIVATE,
	PROVIDER_VOLUNTARY,
	PROVIDER_NTYPES
};

/* "la", "private", "voluntary" (the register's and the store's words). */
const char *provider_type_name(enum provider_type t);
int provider_type_parse(const char *s, enum provider_type *out);

enum sex_admitted { ADMITS_MIXED = 0, ADMITS_MALE, ADMITS_FEMALE };
const char *sex_admitted_name(enum sex_admitted s);	/* "mixed", "M", "F" */
int sex_admitted_parse(const char *s, enum sex_admitted *out);

struct home {
	char urn[S903_URN_MAX + 1];
	char name[HOME_NAME_MAX + 1];
	char provider[PROVIDER_NAME_MAX + 1];
	enum provider_type provider_type;
	char la[LA_CODE_MAX + 1];	/* GSS code of the council area */
	char postcode[POSTCODE_MAX + 1];	/* sensitive: full postcode */
	int places;
	int age_min, age_max;
	enum sex_admitted sex_admitted;
	int32_t registered;
	int32_t closed;			/* DATE_NONE: open */
	uint32_t line;			/* source line when read from a file */
};

/* The register's columns, in the order the export writes them. */
extern const char *const home_columns[];
extern const size_t home_ncolumns;

/* Is the home open (registered and not closed) on day? */
bool home_open_on(const struct home *h, int32_t day);

#endif
