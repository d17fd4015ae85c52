/*
 * rules-later.c: DfE SSDA903 rules about Reviews, Missing, AD1, PlacedAdoption, PrevPerm and DoLo.
 * See validate.h for how a rule is written and registered.
 */
#include "base/compat.h"
#include "validate/validate.h"

const struct v_rule v_rules_later[] = {
	{ .code = NULL },
};
