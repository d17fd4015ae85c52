/* home.c: children's home register vocabulary (see home.h). */
#include "base/compat.h"
#include "base/err.h"
#include "domain/home.h"

static const char *const provider_names[PROVIDER_NTYPES] = {
	[PROVIDER_LA] = "la",
	[PROVIDER_PRIVATE] = "private",
	[PROVIDER_VOLUNTARY] = "voluntary",
};

const char *provider_type_name(enum provider_type t)
{
	return (unsigned)t < PROVIDER_NTYPES ? provider_names[t] : "?";
}

int provider_type_parse(const char *s, enum provider_type *out)
{
	for (int i = 0; i < PROVIDER_NTYPES; i++)
		if (!strcmp(s, provider_names[i])) {
			*out = (enum provider_type)i;
			return 0;
		}
	return ERR_INVALID;
}

const char *sex_admitted_name(enum sex_admitted s)
{
	switch (s) {
	case ADMITS_MALE:
		return "M";
	case ADMITS_FEMALE:
		return "F";
	case ADMITS_MIXED:
		break;
	}
	return "mixed";
}

int sex_admitted_parse(const char *s, enum sex_admitted *out)
{
	if (!strcmp(s, "mixed"))
		*out = ADMITS_MIXED;
	else if (!strcmp(s, "M"))
		*out = ADMITS_MALE;
	else if (!strcmp(s, "F"))
		*out = ADMITS_FEMALE;
	else
		return ERR_INVALID;
	return 0;
}

const char *const home_columns[] = {
	"URN", "NAME", "PROVIDER", "PROVIDER_TYPE", "LA", "POSTCODE",
	"PLACES", "AGE_MIN", "AGE_MAX", "SEX_ADMITTED", "REGISTERED",
	"CLOSED",
};
const size_t home_ncolumns = ARRAY_SIZE(home_columns);

bool home_open_on(const struct home *h, int32_t day)
{
	return h->registered <= day &&
	       (h->closed == DATE_NONE || h->closed > day);
}
