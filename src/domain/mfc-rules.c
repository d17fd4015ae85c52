/*
 * mfc-rules.c: the one table of who records which step of a live
 * missing episode and who sees which of its fields (see mfc-rules.h);
 * docs/access.md, "Missing from care", reproduces it.
 */
#include "base/compat.h"
#include "domain/mfc-rules.h"

#define ACCESS(a) (1u << (a))

/*
 * Each agency records its own part: the home reports the child and
 * keeps the home's fields and the grab pack, the police their record,
 * either of them the return, and the child's council the return
 * interview and the strategy meetings.  Inspectors and the roles that
 * see aggregates only record nothing.
 */
static const struct {
	const char *name;
	unsigned who;		/* ACCESS() of each kind that may */
} steps[MFC_NOPS] = {
	[MFC_OP_HOME] = { "home's record", ACCESS(VIEWER_PROVIDER) },
	[MFC_OP_POLICE] = { "police record", ACCESS(VIEWER_POLICE) },
	[MFC_OP_RETURN] = { "return",
			    ACCESS(VIEWER_POLICE) | ACCESS(VIEWER_PROVIDER) },
	[MFC_OP_INTERVIEW] = { "return interview", ACCESS(VIEWER_COUNCIL) },
	[MFC_OP_REPORT] = { "report", ACCESS(VIEWER_PROVIDER) },
	[MFC_OP_MEETING] = { "strategy meeting", ACCESS(VIEWER_COUNCIL) },
	[MFC_OP_GRAB_PACK] = { "grab pack", ACCESS(VIEWER_PROVIDER) },
};

/*
 * What a child says in a return interview, and who heard it, are the
 * council's to share as it judges (and inspectors see them); everything
 * else of an episode shows to everyone who sees the episode.
 */
static const struct {
	size_t offset, size;
	unsigned who;		/* ACCESS() of each kind that sees it */
} fields[MFC_NFIELDS] = {
	[MFC_FIELD_RI_BY] = {
		offsetof(struct mfc_episode, ri_by),
		sizeof(((struct mfc_episode *)NULL)->ri_by),
		ACCESS(VIEWER_COUNCIL) | ACCESS(VIEWER_INSPECTORATE) },
	[MFC_FIELD_RI_SUMMARY] = {
		offsetof(struct mfc_episode, ri_summary),
		sizeof(((struct mfc_episode *)NULL)->ri_summary),
		ACCESS(VIEWER_COUNCIL) | ACCESS(VIEWER_INSPECTORATE) },
};

static bool known_access(enum viewer_access a)
{
	return (unsigned)a < VIEWER_NACCESS;
}

bool mfc_may(enum viewer_access a, enum mfc_op op)
{
	if (!known_access(a) || op < 1 || op >= MFC_NOPS)
		return false;
	return steps[op].who & ACCESS(a);
}

const char *mfc_op_name(enum mfc_op op)
{
	if (op < 1 || op >= MFC_NOPS)
		return "?";
	return steps[op].name;
}

bool mfc_sees(enum viewer_access a, enum mfc_field f)
{
	if (!known_access(a) || (unsigned)f >= MFC_NFIELDS)
		return false;
	return fields[f].who & ACCESS(a);
}

void mfc_redact(enum viewer_access a, struct mfc_episode *e)
{
	for (int f = 0; f < MFC_NFIELDS; f++)
		if (!mfc_sees(a, (enum mfc_field)f))
			memset((char *)e + fields[f].offset, 0,
			       fields[f].size);
}
