/*
 * rules-placements.c: DfE SSDA903 rules about Episodes, second part
 * (rules 390 onwards that look at Episodes and Header): placements,
 * legal statuses, reasons, postcodes and URNs.  See validate.h for how a
 * rule is written and registered.
 */
#include "base/compat.h"
#include "validate/validate.h"

const struct v_rule v_rules_placements[] = {
	{ .code = NULL },
};
