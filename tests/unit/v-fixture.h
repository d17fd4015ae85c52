/*
 * v-fixture.h: returns written as CSV text, for the rule tests.
 *
 *	struct s903_return r = S903_RETURN_INIT;
 *	fx_table(&r, S903_EPISODES,
 *		 "CHILD,DECOM,PLACE,REASON_PLACE_CHANGE\n"
 *		 "1,01/04/2025,T0,\n"		   line 2
 *		 "1,02/05/2025,U1,CHILD\n");	   line 3
 *	assert_string_equal(fx_run(&r, NULL, 2026, V_WALES, "226"),
 *			    "Episodes:2");
 *
 * Columns left out are blank.  A value the import would refuse (a code
 * not in the list) is still stored as text where it fits, so that rules
 * about codes can be tested; a bad date stays blank.  The first data line
 * is line 2, as in a file.  fx_run() returns the flagged rows as
 * "Table:line" separated by spaces, in table then line order ("" none).
 */
#ifndef CARTREF_V_FIXTURE_H
#define CARTREF_V_FIXTURE_H

#include "base/compat.h"
#include "domain/ssda903.h"
#include "validate/validate.h"

static inline void fx_table(struct s903_return *r, enum s903_table t,
			    const char *csv)
{
	const struct s903_table_def *d = &s903_tables[t];
	int map[16];
	size_t ncol = 0;
	char line[1024], msg[256];
	const char *p = csv;
	uint32_t lineno = 0;

	r->present[t] = true;
	while (*p) {
		size_t len = strcspn(p, "\n");
		char *f, *save = NULL;
		size_t k = 0;
		void *row = NULL;

		if (len >= sizeof(line))
			abort();
		memcpy(line, p, len);
		line[len] = '\0';
		p += len + (p[len] == '\n');
		lineno++;
		if (lineno > 1)
			row = s903_add_row(r, t);
		/* split on commas, keeping empty fields */
		for (f = line; f; f = save, k++) {
			save = strchr(f, ',');
			if (save)
				*save++ = '\0';
			if (lineno == 1) {
				int c = -1;

				for (size_t j = 0; j < d->ncols; j++)
					if (!strcmp(d->cols[j].name, f))
						c = (int)j;
				if (c < 0 || k >= 16)
					abort();	/* a typo in a test */
				map[k] = c;
				ncol = k + 1;
				continue;
			}
			if (k >= ncol)
				abort();
			{
				const struct s903_col *col = &d->cols[map[k]];

				if (s903_parse_field(col, f, row, msg,
						     sizeof(msg)) &&
				    col->kind != S903_DATE &&
				    col->kind != S903_INT &&
				    strlen(f) < col->size)
					memcpy((char *)row + col->off, f,
					       strlen(f) + 1);
			}
		}
		if (row)
			*(uint32_t *)((char *)row + d->line_off) = lineno;
	}
}

static inline const char *fx_run(struct s903_return *r,
				 struct s903_return *prev, int year,
				 enum v_nation nation, const char *code)
{
	static char out[4096];
	const char *only[] = { code, NULL };
	struct v_input in = { .r = r, .prev = prev, .year = year,
			      .nation = nation };
	struct v_result res = V_RESULT_INIT;
	size_t len = 0;

	validate_return(&in, only, &res);
	out[0] = '\0';
	for (size_t i = 0; i < res.n; i++) {
		size_t n;
		const char *rows = s903_rows(r, res.v[i].table, &n);
		const struct s903_table_def *d = &s903_tables[res.v[i].table];
		uint32_t line;

		memcpy(&line, rows + res.v[i].row * d->rowsize + d->line_off,
		       sizeof(line));
		len += (size_t)snprintf(out + len, sizeof(out) - len, "%s%s:%u",
					len ? " " : "", d->name, line);
		if (len >= sizeof(out))
			abort();
	}
	v_result_release(&res);
	return out;
}

#endif
