/*
 * rules-cross.c: DfE SSDA903 rules about rules that compare this year's return with last year's (the INT and 1000-series rules, EPI, NoE) and those about the whole return.
 * See validate.h for how a rule is written and registered.
 */
#include "base/compat.h"
#include "validate/validate.h"

const struct v_rule v_rules_cross[] = {
	{ .code = NULL },
};
