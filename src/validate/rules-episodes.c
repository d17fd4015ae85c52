/*
 * rules-episodes.c: DfE SSDA903 rules about Episodes: legal statuses,
 * placements, reasons for new episodes and for ending, postcodes and
 * URNs, and their order in time.  See validate.h for how a rule is
 * written and registered.
 */
#include "base/compat.h"
#include "validate/validate.h"

#define TEMPORARY "T0 T1 T2 T3 T4"

/*
 * 226: no REASON_PLACE_CHANGE on a temporary placement (T0-T4), nor on
 * the episode before one (the reason sits on the episode that ends).
 */
static void r226(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nep; i++) {
		const struct s903_episode *e = &c->ep[i];

		if (!v_in_list(e->place, TEMPORARY))
			continue;
		if (!v_blank(e->reason_place_change) ||
		    (i && !v_blank(c->ep[i - 1].reason_place_change)))
			v_flag(run, S903_EPISODES, e);
	}
}

const struct v_rule v_rules_episodes[] = {
	{ .code = "226", .from = 2023, .nations = V_ALL,
	  .tables = V_TABLE(S903_EPISODES),
	  .fields = "REASON_PLACE_CHANGE,PLACE",
	  .en = "Reason for placement change is not required for temporary "
		"placements.",
	  .cy = "Nid oes angen rheswm dros newid lleoliad ar gyfer "
		"lleoliadau dros dro.",
	  .child = r226 },
	{ .code = NULL },
};
