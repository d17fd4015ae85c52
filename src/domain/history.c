/* history.c: lookups and release for struct history (see history.h). */
#include "base/compat.h"
#include "domain/history.h"

void history_release(struct history *h)
{
	free(h->las);
	free(h->homes);
	free(h->children);
	free(h->episodes);
	free(h->missing);
	free(h->oc2);
	free(h->mfc);
	free(h->meetings);
	free(h->alerts);
	*h = (struct history)HISTORY_INIT;
}

uint32_t history_la(const struct history *h, const char *code)
{
	size_t lo = 0, hi = h->nlas;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(h->las[mid].code, code);

		if (!c)
			return (uint32_t)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return HIST_NONE;
}

uint32_t history_home(const struct history *h, const char *urn)
{
	size_t lo = 0, hi = h->nhomes;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(h->homes[mid].h.urn, urn);

		if (!c)
			return (uint32_t)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return HIST_NONE;
}
