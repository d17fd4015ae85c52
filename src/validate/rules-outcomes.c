/*
 * rules-outcomes.c: DfE SSDA903 rules about OC2 and OC3 (outcomes, care leavers) and the social worker episodes (SWEpisodes).
 * See validate.h for how a rule is written and registered.
 */
#include "base/compat.h"
#include "validate/validate.h"

const struct v_rule v_rules_outcomes[] = {
	{ .code = NULL },
};
