/*
 * viewer.c: the field matrix and distance bands (see viewer.h).  Which
 * children (rows) a viewer sees is decided in SQL by the store; which of
 * their fields, here, in one table that docs/access.md reproduces.
 */
#include "base/compat.h"
#include "domain/viewer.h"

static const char *const access_names[VIEWER_NACCESS] = {
	[VIEWER_NONE] = "none",
	[VIEWER_INSPECTORATE] = "inspectorate",
	[VIEWER_COUNCIL] = "council",
	[VIEWER_PROVIDER] = "provider",
	[VIEWER_POLICE] = "police",
};

const char *viewer_access_name(enum viewer_access a)
{
	return (unsigned)a < VIEWER_NACCESS ? access_names[a] : "none";
}

/*
 * The council that looks after the child sees everything.  A provider
 * cares for the child: identity, age and the history of the placements
 * with it, but not the UPN, ethnicity, need code, addresses or outcomes.
 * An inspection needs the shape of a child's care (placements, legal
 * status, endings, distance band, missing periods) and the age, not who
 * the child is.  Police need to find a missing child: identity, date of
 * birth and where the child is placed, nothing of its history.
 */
static const unsigned field_table[VIEWER_NACCESS] = {
	[VIEWER_NONE] = 0,
	[VIEWER_INSPECTORATE] = VF_SEX | VF_AGE | VF_LEGAL_STATUS |
				VF_ENDINGS | VF_DISTANCE_BAND | VF_DISTRICT,
	[VIEWER_COUNCIL] = VF_SEX | VF_DOB | VF_AGE | VF_UPN | VF_ETHNIC |
			   VF_PLACEMENT_POSTCODE | VF_HOME_POSTCODE |
			   VF_LEGAL_STATUS | VF_NEED | VF_ENDINGS |
			   VF_DISTANCE | VF_DISTANCE_BAND | VF_OC2 |
			   VF_DISTRICT,
	[VIEWER_PROVIDER] = VF_SEX | VF_DOB | VF_AGE | VF_LEGAL_STATUS |
			    VF_ENDINGS | VF_DISTANCE_BAND | VF_DISTRICT,
	[VIEWER_POLICE] = VF_SEX | VF_DOB | VF_AGE | VF_DISTRICT,
};

unsigned viewer_fields(enum viewer_access a)
{
	return (unsigned)a < VIEWER_NACCESS ? field_table[a] : 0;
}

enum distance_band distance_band_of(int32_t tenths)
{
	if (tenths < 0)
		return DIST_UNKNOWN;
	if (tenths <= 200)
		return DIST_0_20;
	if (tenths <= 400)
		return DIST_21_40;
	if (tenths <= 600)
		return DIST_41_60;
	if (tenths <= 800)
		return DIST_61_80;
	if (tenths <= 1000)
		return DIST_81_100;
	return DIST_OVER_100;
}

static const char *const band_names[DIST_NBANDS] = {
	[DIST_HIDDEN] = "hidden",
	[DIST_UNKNOWN] = "unknown",
	[DIST_0_20] = "0-20",
	[DIST_21_40] = "21-40",
	[DIST_41_60] = "41-60",
	[DIST_61_80] = "61-80",
	[DIST_81_100] = "81-100",
	[DIST_OVER_100] = "over 100",
};

const char *distance_band_name(enum distance_band b)
{
	return (unsigned)b < DIST_NBANDS ? band_names[b] : "hidden";
}
