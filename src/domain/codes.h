/*
 * codes.h: the SSDA903 code lists cartref accepts, with English labels.
 *
 * One table per list, in the order of ../shared/reference/domain.md §4.3.
 * The schema's CHECK constraints repeat these lists; a unit test proves the
 * two agree, so change both together.
 */
#ifndef CARTREF_CODES_H
#define CARTREF_CODES_H

#include "base/compat.h"

struct code {
	const char *code;
	const char *label;
};

struct code_list {
	const char *name;	/* the SSDA903 column, e.g. "PLACE" */
	const char *dfe_rule;	/* DfE validation rule number, or NULL */
	const struct code *codes;
	size_t n;
};

extern const struct code_list codes_sex, codes_ethnic, codes_rne, codes_ls,
	codes_cin, codes_place, codes_place_provider, codes_rec,
	codes_reason_place_change, codes_missing, codes_sdq_reason,
	codes_bool01;

/* All lists, for the schema agreement test and documentation. */
extern const struct code_list *const codes_all[];
extern const size_t codes_all_n;

/* Index of code in list, or -1. */
int code_find(const struct code_list *l, const char *code);
const char *code_label(const struct code_list *l, const char *code);

/* Placement-type predicates used by validation and indicators. */
bool place_is_childrens_home(const char *place);	/* K1, K2 */
bool place_is_temporary(const char *place);		/* T0..T4 */
/* RNE codes that start a new placement: S, P, B, T, U. */
bool rne_starts_placement(const char *rne);

#endif
