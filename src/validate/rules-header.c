/*
 * rules-header.c: DfE SSDA903 rules about Header, UASC and the child's
 * identity: CHILD, SEX, DOB, ETHNIC, UPN, MOTHER, MC_DOB and the UASC
 * table.  See validate.h for how a rule is written and registered.
 */
#include "base/compat.h"
#include "validate/validate.h"

#define ETHNIC_CODES "WBRI WIRI WOTH WIRT WROM MWBC MWBA MWAS MOTH AIND " \
		     "APKN ABAN AOTH BCRB BAFR BOTH CHNE OOTH REFU NOBT"

/* 103: ETHNIC is one of the DfE's codes. */
static void r103(struct v_run *run, const struct v_child *c)
{
	for (size_t i = 0; i < c->nh; i++)
		if (!v_in_list(c->h[i].ethnic, ETHNIC_CODES))
			v_flag(run, S903_HEADER, &c->h[i]);
}

const struct v_rule v_rules_header[] = {
	{ .code = "103", .from = 2023, .nations = V_ALL,
	  .tables = V_TABLE(S903_HEADER), .fields = "ETHNIC",
	  .en = "The ethnicity code is either not valid or has not been "
		"entered.",
	  .cy = "Nid yw'r cod ethnigrwydd yn ddilys neu nid yw wedi'i "
		"nodi.",
	  .child = r103 },
	{ .code = NULL },
};
